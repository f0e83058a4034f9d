"""Web-shop and portal pages laid out with <div> blocks, no <table>: each product a block with its
name, SKU, quantity and price, read as a line; a page of offers with prices but no order arithmetic
stays what it is. Pages go through the real MIME parser and extractor."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from email.message import EmailMessage

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.html import from_html
from mailflow.message import parse as parse_mime

TODAY = dt.date(2026, 11, 24)

PORTAL = """<html><body><h1>Purchase Order</h1>
<div class="f"><b>PO Number:</b> 4500012345</div><div class="f"><b>PO Date:</b> 2026-11-18</div>
<div class="f"><b>Bill to:</b> Harborline Outdoor Gear Inc.</div>
<div class="grid">
 <div class="row head"><div>Line</div><div>Part No.</div><div>Description</div><div>Qty</div><div>UOM</div>
  <div>Unit Price</div><div>Ext. Price</div></div>
 <div class="row"><div>1</div><div>KNO-4917</div><div>Control knob ABS 21 mm</div><div>500</div><div>EA</div>
  <div>1.20</div><div>600.00</div></div>
 <div class="row"><div>2</div><div>HEX-2040</div><div>Hex standoff M4x10</div><div>2,000</div><div>EA</div>
  <div>0.085</div><div>170.00</div></div>
</div><div class="sum">Order Total: USD 770.00</div></body></html>"""

SHOP = """<html><body><h1>Order confirmation from your cart</h1>
<div>Order number: <b>WS-10234</b></div>
<div class="cart">
 <div class="card"><div class="name">Control knob ABS 21 mm</div><div class="sku"><span>SKU:</span> KNO-4917</div>
  <div class="q">500</div><div class="p">€1.20</div><div class="t">€600.00</div></div>
 <div class="card"><div class="name">Hex standoff M4x10</div><div class="sku"><span>SKU:</span> HEX-2040</div>
  <div class="q">2,000</div><div class="p">€0.085</div><div class="t">€170.00</div></div>
</div></body></html>"""

OFFERS = """<html><body><h1>This week's offers</h1>
<div class="offers">
 <div class="offer"><div>Control knob ABS 21 mm</div><div>was €1.50</div><div>now €1.20</div></div>
 <div class="offer"><div>Hex standoff M4x10</div><div>was €0.10</div><div>now €0.085</div></div>
</div></body></html>"""


def mail(html: str, attached: bool) -> bytes:
    message = EmailMessage()
    message["From"] = "Dana Whitfield <po@harborline.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "Order"
    message["Date"] = "Thu, 19 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = f"<{abs(hash((html, attached)))}@harborline.example>"
    if attached:
        message.set_content("Please see the attached order page.")
        message.add_attachment(html.encode(), maintype="text", subtype="html", filename="order.html")
    else:
        message.set_content(html, subtype="html")
    return message.as_bytes()


def lines(result) -> list[tuple]:
    return [(ln.item, ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in result.order.lines]


EXPECTED = [
    ("KNO-4917", "Control knob ABS 21 mm", Decimal(500), Decimal("1.20"), Decimal("600.00")),
    ("HEX-2040", "Hex standoff M4x10", Decimal(2000), Decimal("0.085"), Decimal("170.00")),
]


def test_a_portal_page_of_div_rows_is_read_as_lines_attached_or_as_the_body():
    for attached in (True, False):
        result = parse_message(parse_mime(mail(PORTAL, attached)), ParseContext(today=TODAY))
        assert result.kind == "purchase_order", result.explain
        assert lines(result) == EXPECTED
        assert [ln.unit for ln in result.order.lines] == ["EA", "EA"]
        assert result.order.po_number == "4500012345" and result.order.total == Decimal("770.00")


def test_shop_cards_with_a_labelled_sku_are_read_by_their_arithmetic():
    result = parse_message(parse_mime(mail(SHOP, True)), ParseContext(today=TODAY))
    assert result.kind == "purchase_order", result.explain
    assert lines(result) == EXPECTED
    assert result.order.po_number == "WS-10234"


def test_blocks_of_prices_that_make_no_order_are_no_lines():
    result = parse_message(parse_mime(mail(OFFERS, False)), ParseContext(today=TODAY))
    assert result.order is None or not result.order.lines


def test_rows_that_are_never_closed_are_read_in_seconds():
    # An HTML generator that never closes its rows nests each row in the cell before it: read
    # whole, every row held all the rows after it, and 9 kB of them took a minute and a half.
    page = "<html><body><p>PO Number: 4500012345</p><table>" + "<tr><td>x" * 1000 + "</table></body></html>"
    started = time.monotonic()
    result = parse_message(parse_mime(mail(page, False)), ParseContext(today=TODAY))
    assert time.monotonic() - started < 20
    assert "4500012345" in result.references  # read, to the end


def test_a_row_left_open_holds_its_own_cells_only():
    page = "<table><tr><th>Part No.<th>Qty<tr><td>KNO-4917<td>500<tr><td>HEX-2040<td>2000</table>"
    grid = from_html(page, "order.html").grids[0]
    assert [len(row) for row in grid.rows] == [2, 2, 2]
