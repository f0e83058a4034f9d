"""Kanban call-offs and blanket-order releases typed into mail.

A call-off is an order to deliver: it is never dropped as plain mail. Its PO number is the blanket
PO it is released against, never the call-off's own number nor the release number; the cumulative
quantity received beside each line's quantity is never read as the quantity. Messages go through
the real MIME parser and extractor.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from email.message import EmailMessage

import pytest

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult


def parse(subject: str, text: str) -> ParseResult:
    message = EmailMessage()
    message["From"] = "Mia Keller <abruf@alpen-antriebe.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = f"<{abs(hash((subject, text)))}@alpen-antriebe.example>"
    message.set_content(text)
    return parse_message(parse_mime(message.as_bytes()), ParseContext(today=dt.date(2026, 11, 23)))


def quantities(result: ParseResult) -> list[Decimal | None]:
    assert result.order is not None
    return [line.quantity for line in result.order.lines]


TABLE_CUM_FIRST = """Hello,

CALL-OFF No. 88123
Release 14 against blanket PO 4500012345
Call-off date: 2026-11-18

Part Number   Description            Cum Qty Received   Release Qty   Unit Price   Need Date
HX-2040       Housing AL6061 black             12,500           500         3.20   2026-12-03
HX-2041       Cover ABS grey                   30,000         1,200         0.85   2026-12-10

Currency: USD
Regards
Alpen Antriebe GmbH
"""


def test_a_call_off_with_the_cumulative_column_first_is_read_with_its_own_quantities():
    result = parse("Call-off", TABLE_CUM_FIRST)
    assert result.kind == "purchase_order"
    assert result.order is not None
    assert result.order.po_number == "4500012345"
    assert result.order.po_date == dt.date(2026, 11, 18)
    assert quantities(result) == [Decimal("500"), Decimal("1200")]
    assert [line.delivery_date for line in result.order.lines] == [dt.date(2026, 12, 3), dt.date(2026, 12, 10)]


@pytest.mark.parametrize(
    "head",
    [
        "Call-off No.: 88123\nBlanket order: 4500012345\nDate: 2026-11-18\n",
        "PO Number: 4500012345   Release: 14\nDate: 2026-11-18\n",
        "Release 14 of blanket PO 4500012345 (call-off no. 88123)\nDate: 2026-11-18\n",
        "CALL-OFF 88123\nRelease no. 14\nAgainst blanket purchase order no. 4500012345\nDate: 2026-11-18\n",
        "KANBAN CALL-OFF No. 88123\nDate: 2026-11-18\nBlanket PO: 4500012345  Release: 14\n",
    ],
)
def test_the_po_number_of_a_release_is_always_its_blanket_po(head):
    table = (
        "\nPart No.   Description        Qty     Cum Qty   Price   Amount     Need Date\n"
        "HX-2040    Housing AL black   500     12,500    3.20    1,600.00   2026-12-03\n"
        "HX-2041    Cover ABS grey     1,200   30,000    0.85    1,020.00   2026-12-10\n\nTotal USD 2,620.00\n"
    )
    result = parse("Call-off", head + table)
    assert result.kind == "purchase_order"
    assert result.order is not None and result.order.po_number == "4500012345"
    assert quantities(result) == [Decimal("500"), Decimal("1200")]


BLOCKS = """CALL-OFF No. 2026-0412, release 14 against blanket PO 4500012345

Part: HX-2040
Description: Housing AL black
Qty: 500 pcs
Cum qty received: 12,500 pcs
Need date: 2026-12-03

Part: HX-2041
Description: Cover ABS grey
Qty: 1,200 pcs
Cum qty received: 30,000 pcs
Need date: 2026-12-10

Prices as per blanket order.
Alpen Antriebe GmbH
"""


def test_a_call_off_in_item_blocks_without_prices_is_read_and_asked_about():
    result = parse("CALL-OFF No. 2026-0412", BLOCKS)
    assert result.kind == "purchase_order"
    assert result.order is not None and result.order.po_number == "4500012345"
    assert quantities(result) == [Decimal("500"), Decimal("1200")]
    assert result.needs_review  # the price is the blanket order's: a person fills it in
    assert any("price" in w for w in result.warnings)


def test_a_german_lieferabruf_is_an_order_against_its_rahmenauftrag():
    text = (
        "Sehr geehrte Damen und Herren,\n\nLieferabruf Nr. 17 zum Rahmenauftrag 4500012345\n"
        "Abrufdatum: 18.11.2026\n\n"
        "Sachnummer\tBezeichnung\tFortschrittszahl\tAbrufmenge\tPreis\tBetrag\tLiefertermin\n"
        "HX-2040\tGehäuse AL schwarz\t12.500\t500\t3,20\t1.600,00\t03.12.2026\n"
        "HX-2041\tDeckel ABS grau\t30.000\t250\t0,85\t212,50\t10.12.2026\n\n"
        "Gesamt: 1.812,50 EUR\n\nMit freundlichen Grüßen\nAlpen Antriebe GmbH\n"
    )
    result = parse("Lieferabruf 17", text)
    assert result.kind == "purchase_order"
    assert result.order is not None
    assert (result.order.po_number, result.order.po_date) == ("4500012345", dt.date(2026, 11, 18))
    assert quantities(result) == [Decimal("500"), Decimal("250")]
    assert result.order.total == Decimal("1812.50")


def test_a_cumulative_column_is_named_as_such_never_as_the_quantity():
    vocab = Vocabulary.bundled()
    for head in ("Cum Qty", "Cum. Qty Rec.", "Cum Qty Received", "Cumulative Quantity", "Fortschrittszahl"):
        assert vocab.column_of(head) == "cumulative", head
    for head in ("Qty", "Release Qty", "Call-off Qty", "Abrufmenge"):
        assert vocab.column_of(head) == "quantity", head
