"""Invisible format characters in a mail an order is read from.

A zero-width space, word joiner, byte order mark or soft hyphen pasted into a PO number, an item
code or a name (from a web form, a chat, a PDF copied into the mail) is not seen by anyone; it
must not cut the number where it stands nor make the same PO number, code or customer another
one. The mails go through the real MIME parser and the extractor.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from mailflow.cleantext import visible, visible_html
from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime

TODAY = dt.date(2026, 11, 24)
ROWS = [
    ("HX-2040", "Hex standoff M4x20", 500, "3.20", "1600.00"),
    ("KNB-21", "Control knob 21 mm", 200, "0.50", "100.00"),
]
INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
}


def mail(body: str, subtype: str = "plain", subject: str = "Purchase order") -> bytes:
    message = EmailMessage()
    message["From"] = "Dana Whitfield <purchasing@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 +0000"
    message.set_content(body, subtype=subtype)
    return message.as_bytes()


def text_order(mark: str) -> str:
    lines = "".join(f"{a:<10}{b:<22}{c:<7}{d:<14}{e}\n" for a, b, c, d, e in ROWS)
    lines = lines.replace("HX-2040", f"HX{mark}-2040")
    return (
        f"Hello,\n\nPurchase Order PO-44{mark}11\nPO Date: 2026-11-18\nDelivery Date: 2026-12-15\n\n"
        "Item      Description           Qty    Unit Price    Amount\n"
        f"{lines}\nTotal: 1700.00\n\nDana Whitfield\nHarbor{mark}line Outdoor Gear Inc.\n"
    )


def html_order(reference: str) -> str:
    cells = [[f"HX{reference}-2040", *map(str, ROWS[0][1:])], list(map(str, ROWS[1]))]
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    return (
        f"<html><body><p>Purchase Order PO-44{reference}11</p><p>PO Date: 2026-11-18<br>Delivery Date: 2026-12-15</p>"
        "<table><tr><th>Item</th><th>Description</th><th>Qty</th><th>Unit Price</th><th>Amount</th></tr>"
        f"{rows}</table><p>Total: 1700.00</p><p>Dana Whitfield<br>Harbor{reference}line Outdoor Gear Inc.</p>"
        "</body></html>"
    )


def parse(data: bytes):
    return parse_message(parse_mime(data), ParseContext(today=TODAY, company=Company(domains=["example.com"])))


def read(result) -> tuple:
    order = result.order
    return order.po_number, [line.item for line in order.lines], order.customer


@pytest.mark.parametrize("mark", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_an_invisible_character_in_a_text_body_leaves_the_order_as_typed_without_it(mark):
    clean = parse(mail(text_order("")))
    result = parse(mail(text_order(mark)))
    assert read(clean) == ("PO-4411", ["HX-2040", "KNB-21"], "Harborline Outdoor Gear Inc.")
    assert read(result) == read(clean)
    assert result.references == clean.references
    assert not result.needs_review, result.warnings


@pytest.mark.parametrize("reference", ["&#8203;", "&#x200B;", "&ZeroWidthSpace;", "&shy;", "&zwj;", "\u2060", "\ufeff"])
def test_an_invisible_character_in_an_html_body_leaves_the_order_as_typed_without_it(reference):
    result = parse(mail(html_order(reference), "html"))
    assert read(result) == ("PO-4411", ["HX-2040", "KNB-21"], "Harborline Outdoor Gear Inc.")
    assert not result.needs_review, result.warnings


def test_a_po_number_in_the_subject_with_a_zero_width_space_is_the_same_number():
    body = text_order("").replace("Purchase Order PO-4411\n", "")
    result = parse(mail(body, subject="Purchase order PO-44\u200b11"))
    assert result.order.po_number == "PO-4411"


def test_joiners_inside_a_word_of_a_script_that_writes_with_them_stay():
    persian = "\u0645\u06cc\u200c\u0634\u0648\u062f"  # "می‌شود": the non-joiner is part of its spelling
    assert visible(persian) == persian
    sinhala = "\u0dc3\u0dca\u200d\u0dbb\u0dd2\u0d82"  # "ස්‍රිං": the joiner follows a virama
    assert visible(sinhala) == sinhala
    assert visible("PO-44\u200c11") == "PO-4411"
    assert visible(f"Harbor\u200dline {persian}") == f"Harborline {persian}"
    text = "nothing invisible here"
    assert visible(text) is text


def test_html_references_to_visible_characters_are_left_as_written():
    assert visible_html("a &lt; b &#60; c &amp; d&#8203;e") == "a &lt; b &#60; c &amp; de"


def test_an_invisible_character_in_an_attached_workbook_leaves_the_order_as_typed_without_it():
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Purchase Order"],
        ["PO Number", "PO-44\u200b11"],
        ["PO Date", "2026-11-18"],
        ["Delivery Date", "2026-12-15"],
        ["Buyer", "Harbor\u00adline Outdoor Gear Inc."],
        [],
        ["Item", "Description", "Qty", "Unit Price", "Amount"],
        ["HX\u2060-2040", "Hex standoff M4x20", 500, 3.2, 1600],
        ["\ufeffKNB-21", "Control knob 21 mm", 200, 0.5, 100],
        [],
        ["Total", None, None, None, 1700],
    ):
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    message = EmailMessage()
    message["From"] = "Dana Whitfield <purchasing@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Order"
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 +0000"
    message.set_content("Please find our order attached.")
    message.add_attachment(
        data.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="order.xlsx",
    )
    result = parse(message.as_bytes())
    assert result.order.po_number == "PO-4411"
    assert [line.item for line in result.order.lines] == ["HX-2040", "KNB-21"]
    assert result.order.customer == "Harborline Outdoor Gear Inc."
