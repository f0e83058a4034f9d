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


def test_ambiguous_dates_on_a_us_order_are_read_month_first_and_still_named():
    def draw(c):
        c.drawString(40, 800, "Purchase Order")
        c.drawString(40, 785, "PO Number: 641802")
        c.drawString(40, 770, "Order Date: 01/07/2021")
        c.drawString(40, 755, "Keystone Foods, Camilla, GA 31730")
        for x, head in zip((40, 120, 300, 380, 470), ("Item", "Description", "Qty", "Price", "Amount")):
            c.drawString(x, 730, head)
        for x, value in zip((40, 120, 300, 380, 470), ("PAL-4840", "Pallet 48x40", "504", "2.68", "1,350.72")):
            c.drawString(x, 715, value)

    result = parse(pdf(draw))
    assert result.order.po_date == dt.date(2021, 1, 7)
    assert any("read month-first" in w for w in result.warnings)  # a person still confirms it


def test_ruled_schedule_boxes_under_each_line_do_not_end_the_table():
    def draw(c):
        c.drawString(40, 800, "Purchase Order 4148356")
        for x, head in zip(
            (40, 90, 200, 380, 440, 480, 520), ("Line", "Item", "Description", "Unit Price", "Qty", "UOM", "Ext Price")
        ):
            c.drawString(x, 770, head)
        y = 755
        for number, due in ((1, "1/18/21"), (2, "1/19/21"), (3, "1/20/21")):
            for x, value in zip(
                (40, 90, 200, 380, 440, 480, 520),
                (str(number), "S0208525-00", "PALLET 48 X 40", "$5.75000", "566", "EA", "$3,254.50"),
            ):
                c.drawString(x, y, value)
            c.drawString(200, y - 11, "Supplier Item 4000287391")
            c.drawString(40, y - 22, "This line references a blanket purchase agreement.")
            top = y - 30
            ruled(c, [60, 160, 260, 360, 460, 560], [top, top - 20, top - 40])  # the schedule box
            for x, value in zip(
                (63, 163, 263, 363, 463), ("Ship To", "Sch Num", "Promised Date", "Pri Qty", "Ext Price")
            ):
                c.drawString(x, top - 14, value)
            for x, value in zip((163, 263, 363, 463), ("1", due, "566", "$3,254.50")):
                c.drawString(x, top - 34, value)
            y -= 84
        c.drawString(480, y, "Total")
        c.drawString(520, y, "9,763.50")

    result = parse(pdf(draw))
    assert [(l.item, l.quantity, l.amount) for l in result.order.lines] == [
        ("S0208525-00", Decimal("566"), Decimal("3254.50"))
    ] * 3
    assert result.order.total == Decimal("9763.50")


def test_numbered_notes_under_an_order_without_prices_are_not_lines():
    def draw(c):
        c.drawString(40, 800, "Purchase Order   PO Number: 14283001")
        for x, head in zip((40, 110, 250, 400), ("QUANTITY", "ITEM NUMBER", "DESCRIPTION", "REQ DATE")):
            c.drawString(x, 770, head)
        for x, value in zip((40, 110, 250, 400), ("520", "329015", "SKID 48X40 BLOCK", "01/14/2021")):
            c.drawString(x, 755, value)
        c.drawString(40, 740, "1.")
        c.drawString(110, 740, "Company Name of the vendor for the portal")
        c.drawString(40, 728, "2.")
        c.drawString(110, 728, "Full Address of where the shipment is picking up from")

    result = parse(pdf(draw))
    assert [(l.item, l.quantity) for l in result.order.lines] == [("329015", Decimal("520"))]


def test_a_page_continuing_a_priced_table_needs_prices_for_its_lines():
    def first(c):
        c.drawString(40, 800, "Purchase Order   PO Number: 14283001")
        for x, head in zip((40, 110, 250, 400, 480), ("QUANTITY", "ITEM NUMBER", "DESCRIPTION", "UNIT COST", "AMOUNT")):
            c.drawString(x, 770, head)
        for x, value in zip((40, 110, 250, 400, 480), ("520", "329015", "SKID 48X40 BLOCK", "3.0700", "1,596.40")):
            c.drawString(x, 755, value)

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 9)
    first(c)
    c.showPage()
    c.setFont("Helvetica", 9)
    for y, (number, text) in zip(
        (800, 788, 776),
        (
            ("14", "any form shall be used as a term"),
            ("18", "interpreted to include both"),
            ("11", "refer to the Uniform Commercial Code"),
        ),
    ):
        c.drawString(40, y, number)  # terms and conditions in the table's columns, no header
        c.drawString(110, y, "Purchase")
        c.drawString(250, y, text)
    c.showPage()
    c.save()

    result = parse(buffer.getvalue())
    assert [(l.item, l.quantity) for l in result.order.lines] == [("329015", Decimal("520"))]


def test_two_numbers_side_by_side_are_not_one_number():
    from mailflow.extract.normalize import parse_number

    assert parse_number("1,596.40 28") is None
    assert parse_number("1 596,40", decimal_comma=True) == Decimal("1596.40")
    assert parse_number("12 000") == Decimal("12000")


def test_a_header_whose_first_line_stands_above_it_names_the_due_date_column():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 785, "PO No: IL005561")
        c.drawString(40, 770, "Due Date:")  # the header's own due date left blank
        xs = (40, 90, 170, 300, 370, 450, 520)
        for x, word in zip(xs, ("Line", "", "", "Due", "Order", "Unit", "Extended")):
            c.drawString(x, 740, word)
        for x, word in zip(xs, ("Item", "Item", "Description", "Date", "Quantity", "Price", "Price")):
            c.drawString(x, 730, word)
        for x, value in zip(xs, ("1", "FL-CHEP", "CHEP BLOCK PALLET", "1/14/21", "540", "4.61/Ea", "2,489.40")):
            c.drawString(x, 715, value)

    result = parse(pdf(draw))
    assert [(l.item, l.quantity, l.delivery_date) for l in result.order.lines] == [
        ("FL-CHEP", Decimal("540"), dt.date(2021, 1, 14))
    ]
    assert result.order.delivery_date == dt.date(2021, 1, 14)


def test_a_bare_terms_label_names_the_payment_terms_only_beside_them():
    opts = Options()
    assert convert("payment_terms", "Net 30 days", opts, "TERMS").value == "Net 30 days"
    assert convert("payment_terms", "and conditions apply", opts, "Terms") is None
    assert convert("payment_terms", "FOB Origin", opts, "Terms") is None
    assert convert("payment_terms", "Prepaid", opts, "Payment terms").value == "Prepaid"


def test_a_chinese_or_japanese_label_of_a_whole_word_needs_no_colon():
    vocab = Vocabulary.bundled()
    assert vocab.label_at("支払条件 月末締め翌月末払い")[:3] == ("payment_terms", "支払条件", "月末締め翌月末払い")
    assert vocab.label_at("Date tomorrow") is None  # a short Latin label still needs one


def test_a_total_row_whose_label_cell_holds_the_amount_names_the_total_and_its_currency():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER   PO Number: PO-611709")
        for x, head in zip((40, 90, 300, 380, 470), ("Item No.", "Description", "Qty", "Price", "Amount")):
            c.drawString(x, 770, head)
        for x, value in zip((40, 90, 300, 380, 470), ("LAB-2588", "Rating label 40x20 mm", "40", "0.0555", "2.22")):
            c.drawString(x, 755, value)
        for x, value in zip((40, 90, 300, 380, 470), ("BOA-3917", "Control board rev C", "80", "16.74", "1,339.20")):
            c.drawString(x, 740, value)
        c.drawString(40, 725, "Total (USD): 1,341.42")

    result = parse(pdf(draw))
    assert result.order.total == Decimal("1341.42")
    assert result.order.currency == "USD"


def test_a_party_label_beside_another_is_not_its_name():
    from mailflow.extract.document import Line
    from mailflow.extract.fields import read_fields

    vocab = Vocabulary.bundled()
    lines = [
        Line(["Leverantör", "Köpare"], "p1", [40.0, 300.0]),
        Line(["Example AB", "Nordic Tools AB"], "p1", [40.0, 300.0]),
    ]
    found = read_fields(lines, vocab, Options())
    assert "supplier" not in found or found["supplier"].value != "Köpare"


def test_values_of_another_kind_in_a_field_column_do_not_compete():
    from mailflow.extract.interpret import _from_field_columns

    found: dict = {}
    warnings = _from_field_columns(
        {"currency": [("Mat No.", "row 2"), ("USD", "row 3"), ("USD", "row 4")]}, found, Options()
    )
    assert warnings == []
    assert found["currency"].value == "USD"


def test_spanish_and_portuguese_dates_join_their_parts_with_de():
    from mailflow.extract.normalize import find_date

    assert find_date("18 de noviembre de 2026").value == dt.date(2026, 11, 18)
    assert find_date("19 de novembro de 2026").value == dt.date(2026, 11, 19)


def test_a_unit_printed_against_the_quantity_is_the_lines_unit():
    from mailflow.extract.tables import _arithmetic

    assert _arithmetic(["1LAB-4726", "Rating label 40x20 mm", "500Stk", "0.0475 23.75"], Options()) == (
        Decimal("500"),
        "Stk",
        Decimal("0.0475"),
        Decimal("23.75"),
    )


def words(*cells: tuple[str, float, float]) -> list[dict]:
    """One visual line of positioned words: (text, x0, top)."""
    return [{"text": t, "x0": x, "x1": x + 6 * len(t), "top": top, "size": 9} for t, x, top in cells]


def test_a_header_named_only_with_the_word_above_it_is_joined_upward():
    from mailflow.extract.columns import find_header_line

    lines = [
        words(("Quantity", 400, 100)),
        words(("Line", 40, 110), ("Item", 80, 110), ("UOP", 400, 110), ("Unit Price", 460, 110), ("Total", 540, 110)),
        words(("1", 40, 125), ("B4840A", 80, 125), ("504", 400, 125), ("2.6800", 460, 125), ("1350.72", 540, 125)),
    ]
    at, header = find_header_line(lines, Vocabulary.bundled())
    assert at == 0
    assert [text for text, _, _ in header] == ["Line", "Item", "Quantity UOP", "Unit Price", "Total"]


def test_a_line_apart_from_the_note_above_it_still_belongs_to_the_table():
    from mailflow.extract.columns import table_end

    vocab = Vocabulary.bundled()
    row = lambda top: words(("540", 40, top), ("S7PLT008A", 100, top), ("9.0000", 400, top), ("4860.00", 500, top))  # noqa: E731
    note = lambda top: words(("NOTE:", 100, top), ("Date Required 12/22/2020", 380, top))  # noqa: E731
    header = words(("QUANTITY", 40, 100), ("ITEM NO.", 100, 100), ("UNIT PRICE", 400, 100), ("AMOUNT", 500, 100))
    lines = [header, row(112), note(121), row(160), note(169), words(("Terms and conditions apply", 40, 260))]
    assert table_end(lines, 0, vocab) == 5  # both lines and their notes; not the terms far below


def test_a_form_framed_in_one_column_is_read_by_word_positions():
    from mailflow.extract.wordpage import _boxed_text

    frame = [
        ["Purchase Order 641802", "Payment Terms NET 30"],
        ["Quantity\nLine Item UOP Unit Price Total", None],
        ["1 4055 B4840A 504 2.6800 1,350.7200\nPALLET, WOOD\nEAM # 1096200\nCost Code 3060", None],
    ]
    assert _boxed_text(frame)
    assert not _boxed_text([["Bill To", "Ship To"], ["Keystone Foods\nCamilla, GA", "Keystone Foods\nMadison, AL"]])


def test_a_currency_named_only_in_the_terms_is_asked_about_never_taken():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER   PO Number: 170034")
        for x, head in zip((40, 100, 200, 400, 480), ("QUANTITY", "ITEM NO.", "DESCRIPTION", "UNIT PRICE", "AMOUNT")):
            c.drawString(x, 770, head)
        for x, value in zip((40, 100, 200, 400, 480), ("540", "S7PLT008A", "CHEP PALLET 40x48", "9.0000", "4,860.00")):
            c.drawString(x, 755, value)
        c.drawString(40, 600, "TERMS: All invoices for payment shall be in U.S. Dollars and quote the PO number.")

    result = parse(pdf(draw))
    assert result.order.currency is None
    assert any("no currency read, but the document names USD" in w for w in result.warnings)
    assert result.needs_review
