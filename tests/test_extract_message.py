"""A whole message: which attachment is the PO, who the customer is, rules, broken files."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.model import Attachment, Message
from mailflow.inbox_rules import Rule

TODAY = dt.date(2026, 11, 22)
PDF = "application/pdf"
OUR = Company(name="Example Manufacturing Co., Ltd.", name_zh="示例制造有限公司", domains=["example.com"])


def pdf(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(lines):
        c.drawString(40, 800 - 14 * i, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def po_workbook(po: str = "PAC-10577", buyer: str = "Pacific Rim Robotics Inc.") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["PO Number", po],
        ["Buyer", buyer],
        ["Supplier", "Example Manufacturing Co., Ltd."],
        ["Delivery Date", "2026-12-15"],
        [],
        ["Item", "Description", "Qty", "Unit Price", "Amount"],
        ["GSK-090", "EPDM gasket", 1000, 0.46, 460],
        ["Total", None, None, None, 460],
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def message(
    *attachments: Attachment,
    subject="Purchase order PAC-10577",
    text="Please find our PO attached.",
    sender="buyer@pacific-rim.example",
    **extra,
) -> Message:
    return Message(
        "2" * 64, 100, "<m@x>", subject=subject, from_addr=sender, text=text, attachments=attachments, **extra
    )


def test_the_po_is_picked_among_drawings_terms_and_logos():
    terms = pdf(["TERMS AND CONDITIONS", "Item  Description  Qty  Price  Amount", "1  Penalty  10  5.00  50.00"])
    drawing = pdf(["DRAWING HSG-500 rev B", "Qty 4 holes M3", "Scale 1:2"])
    result = parse_message(
        message(
            Attachment("logo.png", "image/png", b"\x89PNG" + b"0" * 100, inline=True, content_id="<logo>"),
            Attachment("Drawing_HSG-500.pdf", PDF, drawing),
            Attachment("Terms_and_Conditions.pdf", PDF, terms),
            Attachment("PO_PAC-10577.xlsx", XLSX, po_workbook()),
        ),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.source == "PO_PAC-10577.xlsx"
    assert result.order.po_number == "PAC-10577"
    assert [(l.item, l.quantity) for l in result.order.lines] == [("GSK-090", Decimal("1000"))]
    assert not result.needs_review, result.warnings


def test_our_own_company_is_never_the_customer():
    data = po_workbook(buyer="Example Manufacturing Co., Ltd.")
    result = parse_message(
        message(Attachment("PO.xlsx", XLSX, data), text="Regards,\nPacific Rim Robotics Inc."),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.order.customer == "Pacific Rim Robotics Inc."  # from the signature, not the document
    assert result.needs_review is True
    assert any("our own company" in w for w in result.warnings)


def test_a_corrupt_attachment_is_a_warning_and_the_rest_is_read():
    result = parse_message(
        message(
            Attachment("PO_PAC-10577.pdf", PDF, b"%PDF-1.7 broken"),
            Attachment("PO_PAC-10577.xlsx", XLSX, po_workbook()),
        ),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.order.po_number == "PAC-10577" and result.source == "PO_PAC-10577.xlsx"
    assert result.needs_review is True
    assert any(w.startswith("PO_PAC-10577.pdf: cannot open the PDF") for w in result.warnings)


def test_two_purchase_orders_in_one_message_are_reported():
    result = parse_message(
        message(
            Attachment("PO_A-1001.xlsx", XLSX, po_workbook("A-1001")),
            Attachment("PO_B-2002.xlsx", XLSX, po_workbook("B-2002")),
        ),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.needs_review is True
    assert any("more than one purchase order" in w and "B-2002" in w for w in result.warnings)


def test_a_rule_supplies_customer_locale_and_field_patterns():
    rule = Rule.model_validate(
        {
            "name": "pacific",
            "match": {"senders": ["pacific-rim.example"]},
            "customer": "Pacific Rim Robotics Inc.",
            "language": "en",
            "locale": "en_US",
            "currency": "USD",
            "fields": {"po_number": r"Our ref\.?\s*(PRR-\d+)", "po_date": r"Issued (\S+)"},
        }
    )
    text = "Our ref. PRR-555 Issued 03/04/2026\n\nPlease supply 100 pcs of HX-2040 at 3.20."
    result = parse_message(
        message(subject="New order", text=text), ParseContext(rules=[rule], today=TODAY, company=OUR)
    )
    order = result.order
    assert result.rule == "pacific"
    assert order.po_number == "PRR-555"
    assert order.po_date == dt.date(2026, 3, 4)  # the rule's locale decides 03/04
    assert order.customer == "Pacific Rim Robotics Inc." and order.currency == "USD"
    assert any("rule pacific pattern" in line for line in result.explain)


def test_two_matching_rules_are_reported_not_resolved():
    rules = [
        Rule.model_validate({"name": n, "match": {"senders": ["pacific-rim.example"]}, "customer": n})
        for n in ("pacific-a", "pacific-b")
    ]
    result = parse_message(message(Attachment("PO.xlsx", XLSX, po_workbook())), ParseContext(rules=rules, today=TODAY))
    assert result.rule is None
    assert result.order.customer == "Pacific Rim Robotics Inc."  # neither rule's name was applied
    assert result.needs_review is True
    assert any("pacific-a" in w and "pacific-b" in w for w in result.warnings)


def test_a_po_forwarded_by_a_colleague_belongs_to_the_original_sender():
    text = (
        "FYI\n\n---------- Forwarded message ----------\nFrom: Jane <jane@pacific-rim.example>\n"
        "Subject: PO\n\nPO number: PAC-9\nPlease supply 20 pcs of HX-2040 at USD 3.20.\n\nPacific Rim Robotics Inc."
    )
    result = parse_message(
        message(subject="Fwd: PO PAC-9", text=text, sender="am@example.com"), ParseContext(today=TODAY, company=OUR)
    )
    assert result.kind == "purchase_order"
    assert result.customer_email == "jane@pacific-rim.example"
    assert result.order.customer == "Pacific Rim Robotics Inc."


@pytest.mark.parametrize("bad", [b"", b"\x00" * 50])
def test_an_unreadable_only_attachment_never_raises(bad):
    result = parse_message(message(Attachment("PO_PAC-10577.pdf", PDF, bad)), ParseContext(today=TODAY))
    assert result.kind == "purchase_order" and result.needs_review is True
    assert result.warnings


def test_the_buyer_label_in_the_email_counts_when_the_document_has_none():
    book = openpyxl.Workbook()
    rows = (["PO Number", "PAC-20"], ["Delivery Date", "2026-12-15"], [], ["Item", "Qty", "Unit Price", "Amount"])
    for row in (*rows, ["GSK-090", 10, 0.5, 5]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    text = "Buyer: Pacific Rim Robotics Inc.\nPlease confirm.\n\nDHL Express Ltd will collect."
    result = parse_message(
        message(Attachment("PO_PAC-20.xlsx", XLSX, buffer.getvalue()), subject="Purchase order PAC-20", text=text),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.order.customer == "Pacific Rim Robotics Inc."
    assert not result.needs_review, result.warnings


def test_a_subject_naming_another_po_is_reported():
    result = parse_message(
        message(Attachment("PO.xlsx", XLSX, po_workbook("PAC-10577")), subject="Purchase order PAC-10999"),
        ParseContext(today=TODAY, company=OUR),
    )
    assert result.needs_review is True
    assert "the subject names PO PAC-10999 but the document says PAC-10577" in result.warnings


@pytest.mark.parametrize("locale, currency", [("ja_JP", "JPY"), ("zh_CN", "CNY")])
def test_the_yen_sign_is_read_by_the_rule_locale(locale, currency):
    rule = Rule.model_validate(
        {
            "name": "r",
            "match": {"senders": ["pacific-rim.example"]},
            "locale": locale,
            "customer": "Pacific Rim Robotics Inc.",
        }
    )
    text = "PO No: PAC-31\nPlease supply 100 pcs of HX-2040 at ¥320."
    result = parse_message(message(subject="Purchase order PAC-31", text=text), ParseContext(rules=[rule], today=TODAY))
    assert result.order.currency == currency
    assert not any("¥" in w for w in result.warnings)
