"""An HTML order whose hidden text says another PO number, quantity or amount than what its
reader sees: the visible one is read and the hidden number is said in a Review reason — through
the real MIME parser and extractor, as the body and as an attached .html page."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from email.message import EmailMessage

import pytest

from mailflow import extract
from mailflow.extract import ParseContext, parse_message
from mailflow.message import parse as parse_mime
from mailflow.message.hidden import ALTERNATIVE_NOTE, HIDDEN_NOTE, MAX_RULES
from mailflow.model import OrderLine, ParsedOrder

TODAY = dt.date(2026, 11, 24)
VISIBLE_PO = "4500012345"
HIDDEN_PO = "4500099999"

TABLE = """<table><tr><th>Part No.</th><th>Description</th><th>Qty</th><th>Unit Price</th><th>Amount</th></tr>
<tr><td>KNO-4917</td><td>Control knob ABS 21 mm</td><td>{qty}</td><td>1.20</td><td>600.00</td></tr></table>
<p>Order Total: USD 600.00</p>"""

# Each way a mail client is told not to show a piece of text.
HIDING = {
    "display none": '<span style="display: none !important">{}</span>',
    "hidden attribute": "<div hidden>{}</div>",
    "visibility hidden": '<div style="visibility:hidden">{}</div>',
    "zero font": '<div style="font-size:0px;line-height:0">{}</div>',
    "zero opacity": '<div style="opacity:0">{}</div>',
    "white on white": '<div style="color:#ffffff">{}</div>',
    "font tag on its table colour": '<table bgcolor="#1a2b3c"><tr><td><font color="#1A2B3C">{}</font></td></tr></table>',
    "off screen": '<div style="position:absolute;left:-9999px;top:0">{}</div>',
    "outlook hide": '<div style="mso-hide:all;max-height:0;overflow:hidden">{}</div>',
    "class in a style sheet": '<style>.preheader {{ display:none; }}</style><div class="preheader">{}</div>',
    "descendant rule": '<style>.foot td {{ visibility: hidden }}</style><table class="foot"><tr><td>{}</td></tr></table>',
    "template": "<template>{}</template>",
    "noscript": "<noscript>{}</noscript>",
}


def mail(html: str, *, attached: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Dana Whitfield <po@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Order"
    message["Date"] = "Thu, 19 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = "<hidden-1@harborline.example>"
    if attached:
        message.set_content("Please see the attached order page.")
        message.add_attachment(html.encode(), maintype="text", subtype="html", filename="order.html")
    else:
        message.set_content(html, subtype="html")
    return message.as_bytes()


def read(html: str, *, attached: bool = False):
    return parse_message(parse_mime(mail(html, attached=attached)), ParseContext(today=TODAY))


def hidden_reasons(result) -> list[str]:
    return [w for w in result.warnings if w.startswith(HIDDEN_NOTE)]


@pytest.mark.parametrize("how", sorted(HIDING))
@pytest.mark.parametrize("attached", [False, True], ids=["body", "attached page"])
def test_a_hidden_po_number_is_not_taken_and_is_said_in_review(how, attached):
    hidden = HIDING[how].format(f"PO Number: {HIDDEN_PO}")
    html = f"<html><body>{hidden}<p>PO Number: {VISIBLE_PO}</p>{TABLE.format(qty=500)}</body></html>"
    result = read(html, attached=attached)
    assert result.kind == "purchase_order", result.explain
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in result.references
    if how not in ("template", "noscript"):  # never shown anywhere: nothing to say
        assert result.needs_review
        assert any(HIDDEN_PO in w for w in hidden_reasons(result)), result.warnings


def test_a_hidden_quantity_in_a_cell_is_not_read_as_the_lines():
    html = f"<html><body><p>PO Number: {VISIBLE_PO}</p>" + TABLE.format(qty='<span style="display:none">5000</span>500')
    result = read(html)
    assert [(ln.quantity, ln.amount) for ln in result.order.lines] == [(Decimal(500), Decimal("600.00"))]
    assert any("5000" in w for w in hidden_reasons(result)), result.warnings


def test_white_text_on_a_coloured_button_and_a_preheader_without_numbers_are_no_reason():
    html = (
        '<html><body><div style="display:none">Your order at a glance</div>'
        f"<p>PO Number: {VISIBLE_PO}</p>{TABLE.format(qty=500)}"
        '<table><tr><td style="background-color:#0a6ebd"><a style="color:#ffffff">Track order 77</a></td></tr>'
        '</table><div style="background:url(hero.png) #ffffff"><p style="color:#fff">Valid until 2026</p></div>'
        "</body></html>"
    )
    message = parse_mime(mail(html))
    assert "Track order 77" in message.text and "Valid until 2026" in message.text
    assert "Your order at a glance" not in message.text
    assert not hidden_reasons(read(html))


def test_a_style_sheet_too_long_to_apply_is_bounded_and_said():
    rules = "".join(f".a{i} .b{i} span {{ display:none }}\n" for i in range(MAX_RULES * 3))
    html = f"<html><body><style>{rules}</style>" + "<div><span>x</span></div>" * 5000
    html += f"<p>PO Number: {VISIBLE_PO}</p>{TABLE.format(qty=500)}</body></html>"
    started = time.monotonic()
    result = read(html)
    assert time.monotonic() - started < 60
    assert result.order.po_number == VISIBLE_PO
    assert any("style sheet" in w for w in hidden_reasons(result)), result.warnings


def alternative(plain: str, html: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Dana Whitfield <po@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Order"
    message["Date"] = "Thu, 19 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = "<alternative-1@harborline.example>"
    message.set_content(plain)
    message.add_alternative(html, subtype="html")
    return message.as_bytes()


SHOWN = f"<html><body><p>PO Number: {VISIBLE_PO}</p>{TABLE.format(qty=500)}</body></html>"


def test_a_plain_text_version_saying_other_numbers_than_the_html_shown_is_said_in_review():
    plain = f"PO Number: {HIDDEN_PO}\nKNO-4917 Control knob ABS 21 mm 5000 pcs at 1.20 = 600.00\n"
    message = parse_mime(alternative(plain, SHOWN))
    (said,) = [w for w in message.warnings if w.startswith(ALTERNATIVE_NOTE)]
    assert HIDDEN_PO in said and "5000" in said and "600.00" not in said
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.needs_review  # the two PO numbers are for a person
    # what was taken is what the buyer sees; had the text's numbers been taken, the note says so
    assert result.order.po_number == VISIBLE_PO and result.order.lines[0].quantity == 500
    taken_from_text = ParsedOrder(po_number=HIDDEN_PO, lines=[OrderLine(quantity=Decimal("5000"))])
    assert HIDDEN_PO in message.unseen_numbers and "5000" in message.unseen_numbers
    assert extract._read_from(message.unseen_numbers, taken_from_text)
    assert not extract._read_from(message.unseen_numbers, result.order)


def test_a_plain_text_version_written_from_the_html_is_no_reason():
    plain = (
        f"PO Number: {VISIBLE_PO}\n\nPart No.\tDescription\tQty\tUnit Price\tAmount\n"
        "KNO-4917\tControl knob ABS 21 mm\t500\t1.20\t600.00\nOrder Total: USD 600.00\n"
        "Track it at <https://portal.harborline.example/orders/77812>, mail po-2026@harborline.example\n"
    )
    message = parse_mime(alternative(plain, SHOWN))
    assert not [w for w in message.warnings if "plain text says numbers" in w], message.warnings
    assert message.unseen_numbers == ()


def test_a_signature_written_differently_in_the_two_versions_changes_nothing_taken_and_is_no_reason():
    plain = (
        f"PO Number: {VISIBLE_PO}\n\nPart No.\tDescription\tQty\tUnit Price\tAmount\n"
        "KNO-4917\tControl knob ABS 21 mm\t500\t1.20\t600.00\n\n--\nDana Whitfield\nTel. +1 617 555 0142\n"
    )
    result = parse_message(parse_mime(alternative(plain, SHOWN)), ParseContext(today=TODAY))
    assert result.order.po_number == VISIBLE_PO and result.order.lines[0].quantity == 500
    assert not [w for w in result.warnings if "plain text says numbers" in w], result.warnings


def test_hidden_text_quoted_in_review_cannot_reorder_the_row():
    hidden = '<span style="display:none">PO Number: 4500099999 \u202eTOTAL 1\u200b</span>'
    html = f"<html><body>{hidden}<p>PO Number: {VISIBLE_PO}</p>{TABLE.format(qty=500)}</body></html>"
    (said,) = hidden_reasons(read(html))
    assert "\u202e" not in said and "\u200b" not in said and "4500099999 TOTAL 1”" in said


def test_hidden_text_in_an_attached_word_order_is_not_read():
    """Word's hidden text (a run marked w:vanish) is neither shown nor printed: not the PO number."""
    import io

    import docx
    from docx.oxml import OxmlElement

    word = docx.Document()
    word.add_heading("Purchase Order", 1)
    hidden = word.add_paragraph().add_run(f"PO Number: {HIDDEN_PO}")
    hidden._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    word.add_paragraph(f"PO Number: {VISIBLE_PO}")
    word.add_paragraph("Buyer: Harborline Outdoor Gear Inc.")
    table = word.add_table(rows=2, cols=5)
    for row, values in enumerate(
        (
            ["Part No.", "Description", "Qty", "Unit Price", "Amount"],
            ["KNO-4917", "Control knob", "500", "1.20", "600.00"],
        )
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    data = io.BytesIO()
    word.save(data)
    message = EmailMessage()
    message["From"] = "Dana Whitfield <po@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Order"
    message["Message-ID"] = "<word-hidden@harborline.example>"
    message.set_content("Please see the attached order.")
    docx_type = "vnd.openxmlformats-officedocument.wordprocessingml.document"
    message.add_attachment(data.getvalue(), maintype="application", subtype=docx_type, filename="PO.docx")
    result = parse_message(parse_mime(message.as_bytes()), ParseContext(today=TODAY))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join([*result.references, *result.warnings])
