"""ERP forms whose layout, not their wording, decides how they are read.

Each case is a small document built here, standing for a category of real purchase orders:
a ruled table whose header names only a quantity and a description (an order without prices),
a ruled frame whose body is one row stacking every line's values, a header's second line set
apart from the rows, a total that is a weight, the rest of a party label taken for a name, and
Chinese headers that name their field last.
"""

import datetime as dt
import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.fields import convert
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)


def parse(data: bytes, name: str = "po.pdf"):
    attachment = Attachment(name, "application/pdf", data, original_filename=name)
    message = Message(
        "0" * 64,
        len(data),
        "<e@x>",
        subject="Purchase order",
        from_addr="buyer@customer.example",
        attachments=(attachment,),
    )
    return parse_message(message, ParseContext(today=TODAY))


def pdf(draw) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 9)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def ruled(c, xs: list[float], ys: list[float]) -> None:
    """A grid of ruled cells: vertical lines at ``xs``, horizontal ones at ``ys``."""
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)


def test_a_ruled_table_naming_only_quantity_and_description_is_read_and_a_weight_is_no_total():
    rows = [("1", "W 8x10 A992", "3439B", "41.04lb"), ("3", "W 8x28 A992", "3469B", "1,144.50lb")]

    def draw(c):
        c.drawString(40, 800, "Purchase Order")
        c.drawString(40, 785, "Purchase Order #: 2023-12-000020")
        xs = [40, 110, 180, 330, 430, 540]
        ys = [760 - 24 * i for i in range(len(rows) + 2)]
        ruled(c, xs, ys)
        for x, (top, bottom) in zip(
            xs, (("Ordered", "Qty"), ("Received", "Qty"), ("Description", ""), ("Mark Number", ""), ("Weight", ""))
        ):
            c.drawString(x + 3, 750, top)
            c.drawString(x + 3, 740, bottom)
        for r, (qty, desc, mark, weight) in enumerate(rows, start=1):
            y = 760 - 24 * r - 14
            c.drawString(43, y, qty)
            c.drawString(183, y, desc)
            c.drawString(333, y, mark)
            c.drawString(433, y, weight)
        c.drawString(330, 650, "Total Weight on PO")
        c.drawString(450, 650, "1,185.54lb")

    result = parse(pdf(draw))
    assert [(l.quantity, l.description) for l in result.order.lines] == [
        (Decimal("1"), "W 8x10 A992"),
        (Decimal("3"), "W 8x28 A992"),
    ]
    assert result.order.total is None  # pounds of steel are not money


def test_a_ruled_frame_whose_body_stacks_every_line_in_one_row_is_read_by_word_positions():
    items = [
        ("0010", "PALLETS 48X40", "200.000 EA", "10.15", "2,030.00"),
        ("0020", "FUEL SURCHARGE", "1.000 EA", "104.19", "104.19"),
    ]

    def draw(c):
        c.drawString(40, 800, "Purchase order")
        c.drawString(40, 785, "PO Number: 4500107186")
        c.rect(30, 560, 530, 200)  # the frame
        c.line(30, 715, 560, 715)  # under the header: the body is one ruled row
        for x in (80, 300, 400, 470):
            c.line(x, 560, x, 760)
        for x, head in zip((35, 85, 305, 405, 475), ("Item", "Material/Description", "Quantity", "Price", "Amount")):
            c.drawString(x, 745, head)
        c.drawString(85, 725, "Price count/item")  # the header's second line, set apart from the rows
        y = 695
        for item, desc, qty, price, amount in items:
            c.drawString(35, y, item)
            c.drawString(85, y, desc)
            c.drawRightString(395, y, qty)
            c.drawRightString(465, y, price)
            c.drawRightString(555, y, amount)
            c.drawString(85, y - 10, "1 EA / 1 EA")
            y -= 30
        c.drawString(405, 580, "Grand Total")
        c.drawRightString(555, 580, "2,134.19")

    result = parse(pdf(draw))
    got = [(l.quantity, l.unit_price, l.amount) for l in result.order.lines]
    assert got == [
        (Decimal("200.000"), Decimal("10.15"), Decimal("2030.00")),
        (Decimal("1.000"), Decimal("104.19"), Decimal("104.19")),
    ]
    assert result.order.total == Decimal("2134.19")


def test_the_rest_of_a_party_label_is_not_a_company_name():
    opts = Options()
    for text in ("Address", "Name", "Ordering Address", "Bill-to"):
        assert convert("supplier", text, opts) is None, text
    assert convert("supplier", "Brown-Strauss Steel", opts).value == "Brown-Strauss Steel"
    assert convert("buyer", "Name Brand Foods Inc", opts).value == "Name Brand Foods Inc"


def test_chinese_headers_name_their_field_last():
    vocab = Vocabulary.bundled()
    assert vocab.column_of("核算数量") == "quantity"
    assert vocab.column_of("计量单位") == "unit"
    assert vocab.column_of("含税单价") == "unit_price"
    assert vocab.column_of("交货地点") is None


def test_an_allowance_printed_under_the_table_closes_the_total_and_a_due_date_is_the_delivery():
    def draw(c):
        c.drawString(40, 800, "Purchase Order")
        c.drawString(40, 785, "Purchase Order Number   5600450488")
        c.drawString(40, 770, "Due Date   01/20/2026")
        for x, head in zip((40, 120, 300, 380, 470), ("Item", "Description", "Quantity", "Cost", "Extended Cost")):
            c.drawString(x, 740, head)
        c.drawString(40, 725, "WAF-0214")
        c.drawString(120, 725, "Wafer snacks bulk")
        c.drawRightString(330, 725, "4")
        c.drawRightString(420, 725, "263.1000")
        c.drawRightString(540, 725, "1052.40")
        c.drawString(40, 690, "Allowance")
        c.drawString(120, 690, "Handling")
        c.drawString(300, 690, "1.3%")
        c.drawRightString(540, 690, "(-13.68)")
        c.drawString(40, 675, "Total Order Amount (After Adjustments)")
        c.drawRightString(540, 675, "1038.72")

    result = parse(pdf(draw))
    assert [(l.item, l.amount) for l in result.order.lines] == [("WAF-0214", Decimal("1052.40"))]
    assert result.order.total == Decimal("1038.72")
    assert result.order.delivery_date == dt.date(2026, 1, 20)
    assert not any("add up" in w for w in result.warnings), result.warnings


def test_item_codes_run_into_the_description_column_are_the_items():
    def draw(c):
        c.drawString(40, 800, "Purchase Order   PO No: 4411")
        for x, head in zip((40, 300, 380, 470), ("Description", "Quantity", "Price", "Amount")):
            c.drawString(x, 760, head)
        for y, (text, qty, price, amount) in zip(
            (745, 730),
            (
                ("KNO-4917 Rotary knob ABS 21 mm", "10", "2.50", "25.00"),
                ("MOT-1461 DC motor 12 V", "2", "40.00", "80.00"),
            ),
        ):
            c.drawString(40, y, text)
            c.drawRightString(330, y, qty)
            c.drawRightString(420, y, price)
            c.drawRightString(540, y, amount)

    result = parse(pdf(draw))
    assert [(l.item, l.description) for l in result.order.lines] == [
        ("KNO-4917", "Rotary knob ABS 21 mm"),
        ("MOT-1461", "DC motor 12 V"),
    ]
