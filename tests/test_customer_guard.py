"""The last check on the decided customer: never a label word of any language, a word standing
for a party (本公司, 採購公司, "our company"), a document's addressee (… 御中), a fax machine's
header line, an address, a phone or mail line, a person, or us — the chain goes on to the next
name, or the customer stays empty and a person is asked (with the reason in ``--explain``).

PDFs are drawn with reportlab at known positions and go through the real MIME parser and
extractor (``helpers.orders``).
"""

from __future__ import annotations

import time

import pytest

from mailflow.extract.parties import Evidence, PartyBlock, addressees, decide_customer, fax_header, not_a_customer
from mailflow.extract.vocabulary import Vocabulary
from helpers.orders import LINES, ROW, mail, parse, pdf

VOCAB = Vocabulary.bundled()
OURS = ["Example Manufacturing Co., Ltd.", "示例制造有限公司"]


@pytest.mark.parametrize(
    "name",
    [
        "Purchaser",
        "Company",
        "Customer",
        "Our Company",
        "本公司",
        "我司",
        "採購公司",
        "采购公司",
        "供应商",
        "需方",
        "订货单位",
        "発注者",
        "御中",
        "貴社",
        "示例製造株式会社 御中",
        "Tel: +49 40 123456",
        "orders@buyer.example",
        "www.buyer.example",
        "122 Voyager Street",
        "LANNUTTI, CHRISTINE",
        "Example Manufacturing Co., Ltd.",
    ],
)
def test_no_label_addressee_address_person_or_us_is_a_customer(name: str) -> None:
    assert not_a_customer(name, VOCAB, OURS)


@pytest.mark.parametrize(
    "name",
    [
        "Harborline Outdoor Gear Inc.",
        "台灣精密機械股份有限公司",
        "株式会社ヤマト精工",
        "Community Coffee Company",
        "Bałtyk Elektro S.A.",
    ],
)
def test_companies_pass(name: str) -> None:
    assert not_a_customer(name, VOCAB, OURS) is None


def test_a_label_word_in_a_block_gives_way_to_the_next_name() -> None:
    evidence = Evidence(
        blocks=[
            PartyBlock("需方", "company", ["本公司"], "p1"),
            PartyBlock("订货单位", "company", ["苏州博远电子科技有限公司"], "p1"),
        ],
        our_names=OURS,
    )
    decision = decide_customer(evidence, VOCAB)
    assert decision.customer == "苏州博远电子科技有限公司" and decision.source == "party_block"


def test_a_rejected_letterhead_leaves_the_customer_empty_and_says_why() -> None:
    evidence = Evidence(top_lines=["採購公司", "採購訂單"], our_names=OURS)
    decision = decide_customer(evidence, VOCAB)
    assert decision.customer is None
    assert any("採購公司" in w and "label" in w for w in decision.warnings)
    assert any("customer ≠ '採購公司'" in e for e in decision.explain)


def test_the_addressee_of_a_japanese_order_is_never_its_buyer() -> None:
    lines = ["注文書", "示例製造株式会社 御中", "株式会社ヤマト精工", "愛知県名古屋市南区千竈通2-15"]
    assert addressees(lines) == ["示例製造株式会社"]
    decision = decide_customer(Evidence(top_lines=lines, our_names=OURS), VOCAB)
    assert decision.customer == "株式会社ヤマト精工" and decision.source == "letterhead"


def test_a_paragraph_typed_as_one_long_line_is_searched_for_an_addressee_at_once() -> None:
    # Mail clients send a paragraph as one line; a 64 kB one took minutes here, past the time
    # a message may take to read, and the order went to a person unread.
    prose = "please send the parts as agreed " * 2000
    lines = [prose, prose + "山田 様x", "示例製造株式会社 御中 " + prose]
    started = time.monotonic()
    assert addressees(lines) == ["示例製造株式会社"]
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    "line, header",
    [
        ("NOV-20-2026 09:14  FROM: NORDKOPIE SERVICE GMBH  +49 40 1234567  P.001/002", True),
        ("FROM: po@buyer.example   2026-11-20 09:14   P.001/001", True),
        ("20/11/2026 14:02  FAX +33 1 23 45 67 89  Lumière Équipements SAS  p. 1/1", True),
        ("Schwarzwald Präzisionstechnik GmbH   Tel +49 7724 1234  Fax +49 7724 1235", False),
        ("PURCHASE ORDER  PO No: 4500012817", False),
    ],
)
def test_a_fax_transmission_line_is_told_apart(line: str, header: bool) -> None:
    assert fax_header(line) is header


def test_the_company_in_a_fax_header_is_not_the_customer() -> None:
    document = pdf(
        [
            [(30, "NOV-20-2026 09:14  FROM: NORDKOPIE SERVICE GMBH  +49 40 1234567  P.001/002")],
            [(50, "PURCHASE ORDER")],
            [(50, "PO No: 4500012817")],
            [(50, "PO Date: 2026-11-20")],
            [],
            LINES,
            ROW,
            [(400, "Total"), (490, "200.00")],
        ]
    )
    result = parse(mail(attachment=document, sender="Tom <tom@gmail.com>"))
    assert result.kind == "purchase_order"
    assert result.order.customer is None and result.needs_review


def test_a_label_word_is_never_the_contact() -> None:
    evidence = Evidence(blocks=[PartyBlock("Buyer", "person", ["Purchasing Agent", "Irene Young"], "p1")])
    assert decide_customer(evidence, VOCAB).contact == "Irene Young"


def test_a_name_read_off_a_scan_is_not_taken_the_mail_names_the_company() -> None:
    scanned = Evidence(top_lines=["Lumiere Equipements SAS  BON DE COMMANDE"], scanned=True, our_names=OURS)
    decision = decide_customer(scanned, VOCAB)
    assert decision.customer is None and any("OCR" in w for w in decision.warnings)
    scanned.signature = "Luc Dubois\nLumière Équipements SAS\n"
    decision = decide_customer(scanned, VOCAB)
    assert decision.customer == "Lumière Équipements SAS" and decision.source == "sender"


@pytest.mark.parametrize(
    "written, company",
    [
        ("Customer: Harborline Outdoor Gear Inc.", "Harborline Outdoor Gear Inc."),
        ("採購公司：台灣精密機械股份有限公司", "台灣精密機械股份有限公司"),
    ],
)
def test_a_label_read_with_its_value_is_left_off(written: str, company: str) -> None:
    decision = decide_customer(Evidence(sender_name=written, sender_address="po@buyer.example"), VOCAB)
    assert decision.customer == company and decision.source == "sender"


@pytest.mark.parametrize("sep", ["|", "·", "•"])
def test_a_one_line_signature_gives_the_company_not_the_person_beside_it(sep: str) -> None:
    evidence = Evidence(
        signature=f"Thanks,\nTom Reyes {sep} Reyes Labs Inc. {sep} +1 555 0100",
        sender_name="Tom Reyes",
        sender_address="tom@reyeslabs.example",
        our_names=OURS,
    )
    decision = decide_customer(evidence, VOCAB)
    assert decision.customer == "Reyes Labs Inc." and decision.source == "sender"


def test_a_letterhead_cell_holding_its_us_address_still_names_the_company() -> None:
    """A Word layout table's first cell holds the name over its address: read as one line,
    "Lowell MA 01852" beside the name left the whole letterhead out."""
    evidence = Evidence(
        top_lines=["Cedar Ridge Instruments LLC  77 Foundry Lane Lowell MA 01852 USA  PURCHASE ORDER"], our_names=OURS
    )
    assert decide_customer(evidence, VOCAB).customer == "Cedar Ridge Instruments LLC"
    alone = Evidence(top_lines=["Portland ME 04101"], our_names=OURS)
    assert decide_customer(alone, VOCAB).customer is None


def test_a_chinese_greeting_naming_our_company_is_no_customer() -> None:
    """ "您好，附件為本公司採購訂單" (hello, attached is our company's purchase order): 公司 ends a
    clause of a sentence, not a company's name."""
    evidence = Evidence(
        signature="您好，附件為本公司採購訂單，請查收。\n\n謝謝\n",
        sender_address="purchase@hongda-hc.example",
        our_names=OURS,
    )
    decision = decide_customer(evidence, VOCAB)
    assert decision.customer is None and decision.warnings
