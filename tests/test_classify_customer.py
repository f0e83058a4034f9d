"""The customer is the buying company — never a person, a label, an address line, or us.

Documents are real PDFs drawn here with reportlab at known positions (party blocks in columns,
as ERPs print them); messages go through the real MIME parser and extractor. Each test asserts
the customer, where it came from (``customer_source``) and the contact person.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.parties import looks_like_person
from mailflow.message import parse as parse_mime
from mailflow.inbox_rules import Rule

from helpers import orders
from helpers.orders import LINES, ROW, US, parse


def po(header: list[list[tuple[int, str]]], title: str = "PURCHASE ORDER", number: str = "PO No: 4500012817") -> bytes:
    return orders.pdf(
        [
            [(50, title)],
            [(50, number)],
            [(50, "PO Date: 2026-11-20")],
            *header,
            [],
            LINES,
            ROW,
            [(400, "Total"), (490, "200.00")],
        ],
        cjk=True,
    )


def mail(attachment: bytes | None = None, **fields) -> bytes:
    """A buyer's mail carrying the order PDF under its SAP-style file name."""
    return orders.mail(attachment=attachment, filename="4500012817.pdf", **fields)


def test_the_purchaser_is_the_contact_and_bill_to_the_customer():
    header = [
        [(50, "ORDERED FROM"), (200, "PURCHASER"), (350, "BILL TO")],
        [(50, "Example Manufacturing Co., Ltd."), (200, "Irene Young"), (350, "YAMAMOTOYAMA U.S.A.")],
        [(50, "88 Industrial Road"), (200, "irene@yamamotoyama.example"), (350, "122 Voyager Street")],
    ]
    result = parse(mail(po(header)))
    assert result.kind == "purchase_order"
    assert result.order.customer == "YAMAMOTOYAMA U.S.A."
    assert result.order.contact == "Irene Young"
    assert result.customer_source == "party_block"
    data = result.to_json()
    assert data["customer_source"] == "party_block" and data["order"]["contact"] == "Irene Young"


def test_a_buyer_person_is_never_the_customer_the_letterhead_is():
    header = [
        [(50, "Leprino Foods Company")],
        [(50, "1830 W 38th Ave, Denver CO")],
        [(50, "Buyer: Andrea Arnold"), (330, "Vendor:")],
        [(330, "Example Manufacturing Co., Ltd.")],
    ]
    result = parse(mail(po(header)))
    assert result.order.customer == "Leprino Foods Company"
    assert result.customer_source == "letterhead"
    assert result.order.contact == "Andrea Arnold"


def test_ordered_by_last_first_is_a_contact_written_first_last():
    header = [[(50, "Ordered By:  LANNUTTI, CHRISTINE"), (330, "Bill To:  VENTURA FOODS - FT. WORTH DIVISION -")]]
    result = parse(mail(po(header)))
    assert result.order.customer == "VENTURA FOODS"
    assert result.order.contact == "Christine Lannutti"


@pytest.mark.parametrize(
    "label, name",
    [
        ("Auftraggeber:", "Bergmann Antriebstechnik GmbH"),
        ("Acheteur :", "Fabrique Lumière SARL"),
        ("需方：", "苏州恒达精密机械有限公司"),
        ("発注者：", "小林精機株式会社"),
        ("Sold To:", "Northwind Tools Ltd"),
    ],
)
def test_party_blocks_in_several_languages(label, name):
    header = [[(50, label)], [(50, name)], [(50, "Musterstraße 5")]]
    result = parse(mail(po(header)))
    assert result.order.customer == name and result.customer_source == "party_block"


@pytest.mark.parametrize("junk", ["Ship From", "Care", "II", "123 Victoria Street", "PO Box 5833"])
def test_labels_and_address_lines_are_never_the_customer(junk):
    header = [[(50, "Bill To:")], [(50, junk)]]
    result = parse(mail(po(header), sender="Tom <tom@gmail.com>"))
    assert result.order is not None and result.order.customer in (None, "")
    assert result.needs_review


def test_our_own_company_is_never_the_customer():
    header = [[(50, "Bill To:")], [(50, "Example Manufacturing Co., Ltd.")], [(50, "88 Industrial Road")]]
    result = parse(mail(po(header), sender="Tom <tom@gmail.com>"))
    assert not result.order.customer and result.needs_review


def test_no_company_anywhere_leaves_it_empty_and_asks_a_person():
    header = [[(50, "Buyer: Tom Becker")]]
    result = parse(mail(po(header), sender="Tom Becker <tom.becker@gmail.com>"))
    assert result.order.customer is None and result.customer_source is None
    assert result.order.contact == "Tom Becker"
    assert result.needs_review and any("customer" in w for w in result.warnings)


def test_a_company_display_name_names_the_customer():
    body = "Please supply:\n\nItem HX-2040, 500 pcs at USD 0.40\n\nPO No: K-1192\n"
    result = parse(
        mail(None, sender='"Kobayashi Seiki K.K." <orders@kobayashi.example>', subject="PO K-1192", body=body)
    )
    assert result.order.customer == "Kobayashi Seiki K.K." and result.customer_source == "sender"


def test_the_senders_domain_is_named_for_a_person_never_taken_as_the_customer():
    header = [[(50, "Buyer: Tom Becker")]]
    result = parse(mail(po(header), sender="Tom Becker <tom@acme-robotics.example>"))
    assert result.order.customer is None and result.customer_source is None
    assert result.needs_review
    assert any("acme-robotics.example" in w and "customer" in w for w in result.warnings)


def test_the_customer_master_wins_over_the_document():
    header = [[(50, "Bill To:")], [(50, "Northwind Tools Ltd")]]
    master = {"jane@buyer.example": "Northwind Tools (UK) Limited"}.get
    result = parse(mail(po(header)), customer_of=master)
    assert result.order.customer == "Northwind Tools (UK) Limited" and result.customer_source == "master"


def test_an_inbox_rule_wins_over_everything():
    rule = Rule.model_validate(
        {"name": "northwind", "match": {"senders": ["buyer.example"]}, "customer": "Northwind Tools Ltd"}
    )
    header = [[(50, "Bill To:")], [(50, "Somebody Else Inc.")]]
    result = parse(mail(po(header)), rules=[rule], customer_of={"jane@buyer.example": "X"}.get)
    assert result.order.customer == "Northwind Tools Ltd" and result.customer_source == "rule"


@pytest.mark.parametrize(
    "name, person",
    [
        ("Irene Young", True),
        ("LANNUTTI, CHRISTINE", True),
        ("Ms. Clarke", True),
        ("Anurag P.", True),
        ("陆凯", True),
        ("Grzegorz Wołek", True),  # letters beyond Latin-1: Polish, Czech, Turkish, Hungarian names
        ("Łukasz Świątek", True),
        ("Çağrı Yılmaz", True),
        ("WOŁEK, GRZEGORZ", True),
        ("Zakłady Metalowe Podkarpacie Sp. z o.o.", False),
        ("VOYANT BEAUTY", False),
        ("Community Coffee Company", False),
        ("Uellow Procurement", False),
        ("苏州恒达精密机械有限公司", False),
    ],
)
def test_what_looks_like_a_person(name, person):
    assert looks_like_person(name) is person


# ------------------------------------------------------------------ the rest of the contract


def test_a_body_po_without_a_date_takes_the_emails_date_and_says_so():
    body = (
        "Dear Sirs,\n\nplease supply under our PO B-2291:\n\nHX-2040  500 pcs  USD 0.40\n\nRegards\nNorthwind Tools Ltd"
    )
    result = parse(mail(None, subject="Purchase order B-2291", body=body))
    assert result.kind == "purchase_order"
    assert result.order.po_date == dt.date(2026, 11, 23)
    assert any("Date header" in line for line in result.explain)


def test_a_missing_line_amount_is_computed_and_said():
    body = (
        "Hi team,\n\nPlease supply 500 pcs of HX-2040 at USD 0.40 and 1000 pcs of GSK-090 at USD 0.35."
        " Our PO number is P-7781.\n\nThanks,\nJane\nNorthwind Tools Ltd"
    )
    result = parse(mail(None, subject="Purchase order P-7781", body=body))
    amounts = [line.amount for line in result.order.lines]
    assert amounts == [Decimal("200.00"), Decimal("350.00")]
    computed = [w for w in result.warnings if w.startswith("computed: amount = quantity × unit price")]
    assert len(computed) == 2
    assert json.loads(json.dumps(result.to_json()))["order"]["lines"][0]["amount"] == "200.00"


def test_the_tracker_shows_the_company_as_customer_and_the_person_as_contact(tmp_path):
    """Parse → plan → store → the real workbook (the workflow's documents are not needed here)."""
    from dataclasses import replace

    import openpyxl

    from mailflow.archive import Archive
    from mailflow.config import defaults
    from mailflow.context import Env, fixed_clock
    from mailflow.pipeline import Known, plan
    from mailflow.store import Store
    from mailflow.tracker import Tracker

    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    header = [
        [(50, "PURCHASER"), (300, "BILL TO")],
        [(50, "Irene Young"), (300, "YAMAMOTOYAMA U.S.A.")],
        [(50, "irene@yamamotoyama.example"), (300, "122 Voyager Street")],
    ]
    message = parse_mime(mail(po(header), sender="Irene Young <irene@yamamotoyama.example>"))
    result = parse_message(message, ParseContext(today=now.date(), company=US))
    order = replace(plan(message, result, Known(), now=now).new_order, order_no="SO-2026-0001")
    config = defaults(tmp_path)
    store = Store(config.path(config.workspace.state_db))
    try:
        env = Env(config, store, Archive(config.path(config.workspace.archive)), clock=fixed_clock(now))
        with store.transaction():
            store.save_order(order, now)
        tracker = Tracker(env)
        tracker.create()
        tracker.write(now)
    finally:
        store.close()
    sheet = openpyxl.load_workbook(tracker.path)["Orders"]
    headers = [c.value for c in sheet[1]]
    row = {h: c.value for h, c in zip(headers, sheet[2])}
    assert row["Customer"] == "YAMAMOTOYAMA U.S.A." and row["Contact"] == "Irene Young"


# ------------------------------------------------------------------ a company, or empty and flagged


def _cyrillic_and_latin_pdf(rows: list[list[tuple[int, str]]]) -> bytes:
    """Like ``pdf`` but in DejaVu, which has Cyrillic, Turkish and Czech letters."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("DejaVuT", 9)
    y = 800
    for row in rows:
        for x, text in row:
            page.drawString(x, y, text)
        y -= 14
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(
    "label, name",
    [
        ("Odběratel:", "Strojírny Vysočina s.r.o."),
        ("Kunde:", "Nordlys Elektronik ApS"),
        ("Alıcı:", "Ege Makina Sanayi ve Ticaret A.Ş."),
        ("Asiakas:", "Pohjolan Laite Oy"),
        ("Megrendelő:", "Dunamenti Gépgyártó Kft."),
        ("Заказчик:", "ООО «Уралприбор»"),
        ("Cumpărător:", "Carpați Echipamente S.R.L."),
    ],
)
def test_party_blocks_and_legal_forms_of_the_trade_languages(label, name):
    rows = [
        [(50, "PURCHASE ORDER")],
        [(50, "PO No: 4500012817")],
        [(50, "PO Date: 2026-11-20")],
        [(50, label)],
        [(50, name)],
        [(50, "Průmyslová 1520/7")],
        [],
        LINES,
        ROW,
        [(400, "Total"), (490, "200.00")],
    ]
    result = parse(mail(_cyrillic_and_latin_pdf(rows), sender="Jan <jan@gmail.com>"))
    assert result.order.customer == name and result.customer_source == "party_block"


def test_a_person_under_bill_to_is_not_taken_for_the_company():
    header = [[(50, "Bill To:")], [(50, "Irene Young")], [(50, "122 Voyager Street")]]
    result = parse(mail(po(header), sender="Tom <tom@gmail.com>"))
    assert result.order.customer is None and result.customer_source is None
    reason = next(w for w in result.warnings if w.startswith("customer:"))
    assert "'Irene Young'" in reason and "person" in reason and result.needs_review


def test_a_department_is_not_the_company():
    header = [[(50, "Customer:")], [(50, "Purchasing Department")], [(50, "122 Voyager Street")]]
    result = parse(mail(po(header), sender="Tom <tom@gmail.com>"))
    assert result.order.customer is None and result.needs_review
    assert any("department" in w for w in result.warnings)


def test_a_company_found_past_a_doubtful_name_is_taken_but_checked():
    # the letterhead names a company; Bill To names someone who may be a person: a person confirms
    header = [[(50, "Leprino Foods Company")], [(50, "Bill To:")], [(50, "Andrea Arnold")], [(50, "1830 W 38th Ave")]]
    result = parse(mail(po(header), sender="Tom <tom@gmail.com>"))
    assert result.order.customer == "Leprino Foods Company" and result.customer_source == "letterhead"
    assert result.needs_review and any("'Andrea Arnold'" in w for w in result.warnings)


def test_a_company_name_without_a_legal_form_but_with_a_company_word_is_taken_unflagged():
    header = [[(50, "Bill To:")], [(50, "Community Coffee Company")], [(50, "3332 Partridge Lane")]]
    result = parse(mail(po(header)))
    assert result.order.customer == "Community Coffee Company"
    assert not any(w.startswith("customer:") for w in result.warnings)


def test_every_way_out_of_the_chain_is_a_company_or_flagged():
    """Whatever the evidence, the parse names a company or says why it cannot (never a person,
    a department, a label or an address unflagged)."""
    cases = [
        [[(50, "Bill To:")], [(50, junk)]]
        for junk in (
            "Irene Young",
            "Purchasing Department",
            "Ship From",
            "123 Victoria Street",
            "Example Manufacturing Co., Ltd.",
        )
    ]
    cases.append([[(50, "Buyer: Tom Becker")]])
    for header in cases:
        result = parse(mail(po(header), sender="Tom Becker <tom.becker@gmail.com>"))
        customer = result.order.customer
        assert customer is None or looks_like_person(customer) is False, customer
        assert result.needs_review and any(w.startswith("customer:") for w in result.warnings), (
            header,
            result.warnings,
        )
