"""Real-world layouts, each built here as a small document and read back through the parser.

Every case stands for a category seen on real ERP purchase orders (SAP, Oracle, Crystal,
AS/400, spreadsheet POs): labels apart from their values, header bands, SAP items whose numbers
sit on their own row, schedule rows, terms after the table, empty template rows, numbers with
units attached, prices per 1,000, tax-inclusive beside tax-exclusive prices, numbers near a PO
label that are not the PO number, revisions, the date formats ERPs print, and workbooks with
stacked header blocks, a second sheet and a hidden archive sheet.
"""

import datetime as dt
import io
from decimal import Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.normalize import find_date, parse_number, parse_price
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)


def parse(data: bytes, name: str, content_type: str = "application/pdf"):
    attachment = Attachment(name, content_type, data, original_filename=name)
    message = Message(
        "0" * 64,
        len(data),
        "<l@x>",
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


def lines_of(result):
    return [(l.item, l.quantity, l.unit_price, l.amount) for l in result.order.lines]


# ------------------------------------------------------------------ labels apart from values


def test_label_and_value_far_apart_in_a_box_and_under_a_compound_label():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 770, "Northwind Tools Ltd")
        c.rect(300, 745, 260, 40)  # a box around the label and its far value
        c.drawString(305, 770, "Purchase Order Date")
        c.drawString(480, 770, "8/20/2026")
        c.drawString(305, 752, "PO number/date")
        c.drawString(305, 720, "4512029509 / 11/02/2026")  # under its compound label
        for x, head in zip((40, 120, 330, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 680, head)
        c.drawString(40, 665, "HX-2040")
        c.drawString(120, 665, "Hex bolt M8")
        c.drawRightString(350, 665, "1,000")
        c.drawRightString(460, 665, "0.35")
        c.drawRightString(540, 665, "350.00")

    result = parse(pdf(draw), "po.pdf")
    order = result.order
    assert order.po_number == "4512029509"
    assert order.po_date == dt.date(2026, 8, 20)  # right of its label, however far
    assert lines_of(result) == [("HX-2040", Decimal("1000"), Decimal("0.35"), Decimal("350.00"))]
    assert any("by position" in line for line in result.explain)


def test_a_header_band_puts_each_value_under_its_label():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 780, "Voyant Beauty Inc")
        for x, label in zip((40, 140, 240, 340), ("P.O. NUMBER", "DATE", "F.O.B.", "CURRENCY")):
            c.drawString(x, 750, label)
        for x, value in zip((40, 140, 240, 340), ("VU92708", "1/25/21", "DESTINATION", "USD")):
            c.drawString(x, 738, value)
        for x, head in zip(
            (40, 120, 330, 420, 500), ("QUANTITY", "STOCK NUMBER", "DESCRIPTION", "UNIT PRICE", "TOTAL")
        ):
            c.drawString(x, 700, head)
        c.drawString(40, 685, "450")
        c.drawString(120, 685, "CHEP-PALLET")
        c.drawString(330, 685, "Pallet 48x40")
        c.drawString(420, 685, "4.9501")
        c.drawString(500, 685, "2,227.55")

    result = parse(pdf(draw), "po.pdf")
    order = result.order
    assert order.po_number == "VU92708"
    assert order.po_date == dt.date(2021, 1, 25)
    assert order.currency == "USD"
    assert lines_of(result) == [("CHEP-PALLET", Decimal("450"), Decimal("4.9501"), Decimal("2227.55"))]


# ------------------------------------------------------------------ lines that add up


def test_sap_items_schedule_rows_wrapped_text_totals_and_terms():
    """Numbers on a row of their own under each item, a due-date row, a wrapped note, the
    totals, and terms and conditions after the table: two lines, nothing else."""

    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 785, "PO Number: 4503665116")
        c.drawString(40, 770, "Currency: EUR")
        for x, head in zip(
            (40, 90, 170, 330, 370, 440, 510), ("Item", "Material", "Description", "Qty", "UOM", "Price", "Amount")
        ):
            c.drawString(x, 740, head)
        y = 725
        for item, desc, qty, price, amount, due in (
            ("CAB-1332", "Power cable 2x0.75", "120", "0.38", "45.60", "12/19/2026"),
            ("BOA-4714", "Control board rev C", "20", "18.31", "366.20", "01/16/2027"),
        ):
            c.drawString(40, y, "00010")
            c.drawString(90, y, item)
            c.drawString(170, y, desc)
            y -= 13
            c.drawString(50, y, f"{qty} EA")  # SAP: the numbers are not under their headers
            c.drawRightString(300, y, price)
            c.drawRightString(420, y, amount)
            y -= 13
            c.drawString(60, y, f"Due Date: {due}")
            y -= 20
        c.drawString(440, y, "Total EUR")
        c.drawRightString(560, y, "411.80")
        y -= 30
        c.drawString(40, y, "TERMS AND CONDITIONS: 1. Quantity 5% over may be accepted at 30 days notice.")
        c.drawString(40, y - 12, "2. Payment 60 days 1,000 units per pallet, 2 pallets per truck, 40 trucks.")

    result = parse(pdf(draw), "po.pdf")
    assert lines_of(result) == [
        ("CAB-1332", Decimal("120"), Decimal("0.38"), Decimal("45.60")),
        ("BOA-4714", Decimal("20"), Decimal("18.31"), Decimal("366.20")),
    ]
    assert [l.delivery_date for l in result.order.lines] == [dt.date(2026, 12, 19), dt.date(2027, 1, 16)]
    assert result.order.total == Decimal("411.80")
    assert any("by arithmetic" in line for line in result.explain)


def test_empty_template_rows_and_a_schedule_subrow_are_not_lines():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER   PO #: Town604")
        for x, head in zip((40, 80, 250, 330, 420, 500), ("No.", "Description", "Qty", "Unit", "Price", "Amount")):
            c.drawString(x, 760, head)
        c.drawString(40, 745, "1")
        c.drawString(80, 745, "Hus26 hanger")
        c.drawRightString(270, 745, "5")
        c.drawString(330, 745, "EA")
        c.drawRightString(460, 745, "$5.00")
        c.drawRightString(540, 745, "$25.00")
        c.drawString(80, 733, "F.Ent: 02/15/2027")  # a schedule row: its date, no line
        c.drawRightString(270, 733, "5")
        for n in range(2, 6):  # the template's empty rows
            c.drawString(40, 745 - 14 * n, str(n))
            c.drawRightString(540, 745 - 14 * n, "$0.00")
        c.drawString(420, 650, "Total")
        c.drawRightString(540, 650, "$25.00")

    result = parse(pdf(draw), "po.pdf")
    assert [(l.description, l.quantity, l.unit_price, l.amount) for l in result.order.lines] == [
        ("Hus26 hanger", Decimal("5"), Decimal("5.00"), Decimal("25.00"))
    ]
    assert result.order.lines[0].delivery_date == dt.date(2027, 2, 15)
    assert result.order.total == Decimal("25.00")


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "text, value",
    [
        ("510/EA", Decimal("510")),
        ("4.61/Ea", Decimal("4.61")),
        ("$5.75000", Decimal("5.75000")),
        ("450 PA", Decimal("450")),
        ("10.000", Decimal("10.000")),
    ],
)
def test_numbers_with_units_attached(text, value):
    assert parse_number(text) == value


def test_european_thousands_follow_the_documents_decimal_comma():
    assert parse_number("10.000", decimal_comma=True) == Decimal("10000")
    assert parse_number("1.428,000", decimal_comma=True) == Decimal("1428.000")


@pytest.mark.parametrize(
    "text, price, per",
    [
        ("7,190.00/1,000", Decimal("7190.00"), 1000),
        ("12.50 PER M", Decimal("12.50"), 1000),
        ("3.20 per 100", Decimal("3.20"), 100),
        ("4.61/Ea", Decimal("4.61"), 1),
    ],
)
def test_prices_per_thousand(text, price, per):
    assert parse_price(text) == (price, per)


def test_a_price_per_1000_line_adds_up_per_unit():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 785, "PO Number: 4503665116")
        for x, head in zip((40, 150, 300, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 760, head)
        c.drawString(40, 745, "1979135")
        c.drawString(150, 745, "HT pallet")
        c.drawRightString(330, 745, "130")
        c.drawRightString(490, 745, "7,190.00/1,000")
        c.drawRightString(560, 745, "934.70")

    result = parse(pdf(draw), "po.pdf")
    assert lines_of(result) == [("1979135", Decimal("130"), Decimal("7.19"), Decimal("934.70"))]


def test_tax_exclusive_price_is_read_beside_the_tax_inclusive_one():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "采购订单号",
            "物料编码",
            "物料名称",
            "订购数量",
            "单位",
            "含税价",
            "不含税价",
            "订单行总价（含税）",
            "订单行总价（不含税）",
        ]
    )
    sheet.append(["HF-20260414-95", "XTB-4134", "下封头", 4, "PC", 32.8958, 29.1113, 131.5832, 116.4452])
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(
        buffer.getvalue(), "采购订单.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert result.order.po_number == "HF-20260414-95"
    assert lines_of(result) == [("XTB-4134", Decimal("4"), Decimal("29.1113"), Decimal("116.4452"))]


# ------------------------------------------------------------------ numbers that are not PO numbers


@pytest.mark.parametrize(
    "header, po",
    [
        ("BOX 959", None),
        ("Page 1/4", None),
        ("21561 Division Street", None),
        ("(760) 764-2885", None),
    ],
)
def test_numbers_near_a_po_label_are_not_po_numbers(header, po):
    from mailflow.extract.fields import convert
    from mailflow.extract.tables import Options

    assert convert("po_number", header, Options()) is po


def test_a_revision_keeps_the_po_number():
    def draw(c):
        c.drawString(40, 800, "Purchase Order   641802")
        c.drawString(40, 785, "Revision Number   1")
        c.drawString(40, 770, "Order Date   01/07/2021")
        for x, head in zip((40, 150, 300, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Total")):
            c.drawString(x, 740, head)
        c.drawString(40, 725, "4055")
        c.drawString(150, 725, "Pallet wood")
        c.drawRightString(330, 725, "504")
        c.drawRightString(460, 725, "2.6800")
        c.drawRightString(560, 725, "1,350.72")

    result = parse(pdf(draw), "po.pdf")
    assert result.order.po_number == "641802"


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "text, value",
    [
        ("Jan 08, 2021", dt.date(2021, 1, 8)),
        ("11/Jan/24", dt.date(2024, 1, 11)),
        ("08.01.2021", dt.date(2021, 1, 8)),
        ("2021-1-8", dt.date(2021, 1, 8)),
        ("2026年1月8日", dt.date(2026, 1, 8)),
        ("令和8年1月8日", dt.date(2026, 1, 8)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("08-JAN-21", dt.date(2021, 1, 8)),
        ("13-JAN-2021", dt.date(2021, 1, 13)),
    ],
)
def test_dates_as_erps_print_them(text, value):
    assert find_date(text, TODAY).value == value


# ------------------------------------------------------------------ workbooks


def test_workbook_with_a_stacked_header_block_on_its_second_sheet_and_a_hidden_archive():
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Thank you for your business"])
    order = book.create_sheet("Order")
    order.append(["Panel Truss", None, "Purchase Order", "Town603"])
    order.append([None, "Date Ordered:", dt.date(2026, 11, 18)])
    order.merge_cells("A1:B1")
    order.append([])
    order.append(["Item", "Description", "Quantity\nOrdered", "Unit", "Price Per\nUnit", "Total Price"])
    order.append([1, "Hus26", 2, "EA", 5, 10])
    order.append([2, "LVL 1.75x22", 6, "EA", 5.6, 33.6])
    for n in range(3, 8):
        order.append([n, None, None, None, None, 0])
    order.append([None, None, None, None, "Total", 43.6])
    archive = book.create_sheet("Archive")
    archive.sheet_state = "hidden"
    archive.append(["Item #", "PO#", "Item", "Qty", "Units", "Price"])
    archive.append([1, "OAK000100", "Good Stuff", 10000, "EA", 825.63])
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(buffer.getvalue(), "603.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert result.order.po_number == "Town603"
    # the "Item" column holds the line numbers; the part is in the description
    assert [(l.description, l.quantity, l.unit_price, l.amount) for l in result.order.lines] == [
        ("Hus26", Decimal("2"), Decimal("5"), Decimal("10")),
        ("LVL 1.75x22", Decimal("6"), Decimal("5.6"), Decimal("33.6")),
    ]
    assert result.order.total == Decimal("43.6")


# ------------------------------------------------------------------ line numbers run into items


def test_line_numbers_run_into_the_item_column_are_not_part_of_the_codes():
    """ "1 BRA-7493", "2HOU-6056": a number column printed without a gap before the codes."""
    rows = "Item,Description,Qty,Unit Price,Amount\n1 BRA-7493,Bracket,10,2.00,20.00\n2HOU-6056,Housing,5,3.00,15.00\n"
    result = parse(rows.encode(), "po.csv", "text/csv")
    assert [line.item for line in result.order.lines] == ["BRA-7493", "HOU-6056"]
    assert any("line numbers" in line for line in result.explain)


def test_item_codes_that_do_not_count_up_keep_their_leading_digits():
    rows = "Item,Description,Qty,Unit Price,Amount\n1 BRA-7493,Bracket,10,2.00,20.00\n7 HOU-6056,Housing,5,3.00,15.00\n"
    result = parse(rows.encode(), "po.csv", "text/csv")
    assert [line.item for line in result.order.lines] == ["1 BRA-7493", "7 HOU-6056"]


# ------------------------------------------------------------------ tables without a known header


def test_a_table_under_a_header_no_vocabulary_knows_is_found_by_alignment_and_arithmetic():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 780, "PO No: NW-58213")
        c.drawString(40, 766, "Currency: USD")
        columns = (40, 70, 160, 380, 420, 480, 555)
        for x, head in zip(columns, ("Urut", "Kode Barang", "Uraian", "Banyaknya", "Satuan", "Harga Satuan", "Nilai")):
            c.drawString(x, 700, head)
        rows = (
            ("1", "HX-2040", "Hex bolt M8", "1,200", "pcs", "0.35", "420.00"),
            ("2", "GW-118", "Gear wheel 18T", "300", "pcs", "2.50", "750.00"),
        )
        for n, row in enumerate(rows):
            for i, (x, value) in enumerate(zip(columns, row)):
                if i in (0, 3, 5, 6):
                    c.drawRightString(x + 20 if i == 0 else x + 30, 680 - 16 * n, value)
                else:
                    c.drawString(x, 680 - 16 * n, value)
        c.drawString(420, 630, "Total")
        c.drawRightString(585, 630, "1,170.00")
        c.drawString(40, 600, "1. Deliveries may exceed the ordered quantity by 2 %; 100 pcs per carton, 40 cartons.")
        c.drawString(40, 586, "2. Call 0800 123 4567 or write to PO Box 4290 for returns.")

    result = parse(pdf(draw), "po.pdf")
    assert [(l.item, l.description, l.quantity, l.unit, l.unit_price, l.amount) for l in result.order.lines] == [
        ("HX-2040", "Hex bolt M8", Decimal("1200"), "pcs", Decimal("0.35"), Decimal("420.00")),
        ("GW-118", "Gear wheel 18T", Decimal("300"), "pcs", Decimal("2.50"), Decimal("750.00")),
    ]
    assert result.order.total == Decimal("1170.00")
    assert any("column alignment and arithmetic" in line for line in result.explain)


def test_numbers_that_do_not_multiply_make_no_table():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 780, "PO No: NW-58213")
        for n, row in enumerate((("Call", "0800", "123", "4567"), ("Box", "4290", "12", "2026"))):
            for x, value in zip((40, 200, 300, 400), row):
                c.drawString(x, 700 - 16 * n, value)

    result = parse(pdf(draw), "po.pdf")
    assert result.order is None or not result.order.lines


def test_a_sheet_without_a_header_row_is_read_by_its_arithmetic(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["B2"] = "PURCHASE ORDER", "PO No", "NW-58213"
    for r, row in enumerate(
        (("HX-2040", "Hex bolt M8", 1200, "pcs", 0.35, 420), ("GW-118", "Gear wheel 18T", 300, "pcs", 2.5, 750)),
        start=5,
    ):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(buffer.getvalue(), "po.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert result.order.po_number == "NW-58213"
    assert [(l.item, l.description, l.quantity, l.unit, l.amount) for l in result.order.lines] == [
        ("HX-2040", "Hex bolt M8", Decimal("1200"), "pcs", Decimal("420")),
        ("GW-118", "Gear wheel 18T", Decimal("300"), "pcs", Decimal("750")),
    ]
    assert any("column A" in line and "alignment" in line for line in result.explain)


# ------------------------------------------------------------------ --explain: what a rule would need


def test_explain_names_the_unknown_label_an_inbox_rule_would_need():
    def draw(c):
        c.drawString(400, 810, "PURCHASE ORDER")
        c.drawString(40, 780, "Inköpsreferens: 797258")
        c.drawString(40, 766, "Ankomstdag: 2026-12-17")
        for x, head in zip((40, 120, 330, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 700, head)
        for x, value in zip((40, 120, 330, 420, 500), ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00")):
            c.drawString(x, 680, value)

    result = parse(pdf(draw), "po.pdf")
    hints = [line for line in result.explain if line.startswith("rule hint:")]
    assert any("labels: {delivery_date: ['Ankomstdag']}" in h and "2026-12-17" in h for h in hints)
    assert any("labels: {po_number: ['Inköpsreferens']}" in h for h in hints)
    assert not any(h.startswith("rule hint: no order lines") for h in hints)


def test_explain_names_the_header_row_a_rule_would_map_when_no_lines_are_read():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER  PO No: NW-58213")
        for x, head in zip((40, 120, 330, 420), ("Haryt kody", "Ady", "Mukdary", "Bahasy")):  # Turkmen
            c.drawString(x, 700, head)
        for x, value in zip((40, 120, 330, 420), ("HX-2040", "Hex bolt M8", "1,200", "0.35")):
            c.drawString(x, 686, value)

    result = parse(pdf(draw), "po.pdf")
    hints = [line for line in result.explain if line.startswith("rule hint: no order lines")]
    assert hints and "'Haryt kody' | 'Ady' | 'Mukdary' | 'Bahasy'" in hints[0] and "columns:" in hints[0]


# ------------------------------------------------------------------ never silently pick


def test_a_row_whose_columns_disagree_and_whose_numbers_agree_otherwise_is_flagged():
    """Quantity 10 × 2.50 ≠ 30.00 in the columns, while 12 (in the text) × 2.50 = 30.00: two
    readings of one row. One is taken, and a person is asked."""
    rows = "Item,Description,Qty,Unit Price,Amount\nHX-1,Bolt box 12,10,2.50,30.00\nHX-2,Nut,5,1.00,5.00\n"
    result = parse(rows.encode(), "po.csv", "text/csv")
    assert result.needs_review
    assert any("the columns read 10 × 2.50 ≠ 30.00" in w for w in result.warnings)


def test_japanese_combined_header_names_the_description_column():
    """ "品名・仕様" (name · specification) is a description column, as "Description/Spec" is."""
    rows = "品番,品名・仕様,数量,単価,金額\nHX-2040,六角ボルト M8,1200,35,42000\n"
    result = parse(rows.encode("utf-8"), "po.csv", "text/csv")
    assert [(l.item, l.description) for l in result.order.lines] == [("HX-2040", "六角ボルト M8")]


def test_a_printed_po_date_and_total_beside_unknown_labels_are_taken_and_flagged():
    def draw(c):
        c.drawString(400, 810, "PURCHASE ORDER")
        c.drawString(40, 780, "PO No: NW-58213")
        c.drawString(40, 766, "Sargyt senesi: 2026-11-20")  # Turkmen, which no file describes
        for x, head in zip((40, 120, 330, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 700, head)
        for n, row in enumerate(
            (
                ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00"),
                ("GW-118", "Gear wheel 18T", "300", "2.50", "750.00"),
            )
        ):
            for x, value in zip((40, 120, 330, 420, 500), row):
                c.drawString(x, 680 - 16 * n, value)
        c.drawString(40, 600, "Jemi bahasy")
        c.drawString(500, 600, "1,170.00")

    result = parse(pdf(draw), "po.pdf")
    # taken, for a person to check: the labels say nothing known
    assert result.order.po_date == dt.date(2026, 11, 20) and result.order.total == Decimal("1170.00")
    assert result.needs_review
    assert any("PO date" in w and "'Sargyt senesi'" in w and "by its shape" in w for w in result.warnings)
    assert any("total" in w and "'Jemi bahasy'" in w and "lines' sum" in w for w in result.warnings)


def test_an_erp_item_row_cut_anywhere_by_the_columns_is_read_as_position_code_text():
    """An SAP form prints "00010  SPR-6444  Druckfeder 0.8x6x20" as one run of text, its
    numbers on the row below; the header's columns cut that text in the wrong places."""
    rows = (
        "No.,Material,Bezeichnung,Menge,Einheit,Preis,Betrag\n"
        "00010,,SPR-6444,,Druckfeder,0.8x6x20,\n"
        ",60,Stk,,,,0.13 7.80\n"
        "00020,,KNO-8000,,Drehknopf,ABS 21,mm\n"
        ",200,Stk,,,,0.31 62.00\n"
    )
    result = parse(rows.encode(), "po.csv", "text/csv")
    assert [(l.item, l.description, l.quantity, l.amount) for l in result.order.lines] == [
        ("SPR-6444", "Druckfeder 0.8x6x20", Decimal("60"), Decimal("7.80")),
        ("KNO-8000", "Drehknopf ABS 21 mm", Decimal("200"), Decimal("62.00")),
    ]


def test_an_item_code_wrapped_over_two_lines_is_one_code():
    rows = (
        "Item,Description,Qty,Unit Price,Amount\n"
        "MTR-,DC motor 12 V,10,2.00,20.00\n"
        "12V30,,,,\n"
        "GW-118,Gear wheel,5,3.00,15.00\n"
    )
    result = parse(rows.encode(), "po.csv", "text/csv")
    assert [(l.item, l.description) for l in result.order.lines] == [
        ("MTR-12V30", "DC motor 12 V"),
        ("GW-118", "Gear wheel"),
    ]


def test_two_tables_on_one_page_are_both_read():
    """Parts, then services, each under its own header, one total at the end."""

    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 780, "PO No: NW-58213")
        columns = (40, 120, 330, 420, 500)
        y = 720
        for block in (
            (
                ("Item", "Description", "Qty", "Unit Price", "Amount"),
                ("HX-2040", "Hex bolt M8", "1,200", "0.35", "420.00"),
                ("GW-118", "Gear wheel 18T", "300", "2.50", "750.00"),
            ),
            (("Item No.", "Description", "Qty", "Rate", "Amount"), ("SV-01", "Assembly", "10", "15.00", "150.00")),
        ):
            for row in block:
                for x, value in zip(columns, row):
                    c.drawString(x, y, value)
                y -= 16
            y -= 40
        c.drawString(420, y, "Total")
        c.drawString(500, y, "1,320.00")

    result = parse(pdf(draw), "po.pdf")
    assert [(l.item, l.amount) for l in result.order.lines] == [
        ("HX-2040", Decimal("420.00")),
        ("GW-118", Decimal("750.00")),
        ("SV-01", Decimal("150.00")),
    ]
    assert result.order.total == Decimal("1320.00")
