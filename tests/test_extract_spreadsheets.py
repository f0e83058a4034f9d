"""Excel (.xlsx, legacy .xls) and CSV purchase orders."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import xlwt

from mailflow.extract import ParseContext, parse_file

TODAY = dt.date(2026, 11, 22)


def parse(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return parse_file(path, ParseContext(today=TODAY))


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_header_row_far_down_merged_cells_totals_notes_and_several_sheets(tmp_path):
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Bergmann Elektro GmbH"
    cover["A3"] = "The order is on the sheet 'Order'. Total 99,999.00"
    sheet = book.create_sheet("Order")
    sheet["A1"] = "Bergmann Elektro GmbH"
    sheet.merge_cells("A1:F1")
    sheet["A3"], sheet["B3"] = "PO No", "BE-2026-118"
    sheet["A4"], sheet["B4"] = "PO Date", dt.datetime(2026, 11, 19)
    sheet["A5"], sheet["B5"] = "Buyer", "Bergmann Elektro GmbH"
    sheet["A6"], sheet["B6"] = "Currency", "EUR"
    header_row = 12
    for col, text in enumerate(
        ["Pos.", "Part No.", "Description", "", "Qty", "Unit", "Unit Price", "Amount", "Delivery"], 1
    ):
        sheet.cell(header_row, col, text or None)
    sheet.merge_cells(start_row=header_row, start_column=3, end_row=header_row, end_column=4)
    rows = [
        (1, "BE-CTL-01", "Controller board, assembled", None, 500, "pcs", 12.8, 6400, dt.datetime(2027, 2, 1)),
        (2, "BE-CBL-07", "Cable harness 0.5 m", None, 1000, "pcs", 0.95, 950, None),
    ]
    for offset, values in enumerate(rows, 1):
        for col, value in enumerate(values, 1):
            sheet.cell(header_row + offset, col, value)
        sheet.merge_cells(start_row=header_row + offset, start_column=3, end_row=header_row + offset, end_column=4)
    # the second line's delivery date spans both rows (a vertically merged cell)
    sheet.merge_cells(start_row=13, start_column=9, end_row=14, end_column=9)
    sheet.cell(16, 7, "Total")
    sheet.cell(16, 8, 7350)
    sheet.cell(18, 1, "Remarks: deliver to gate 3, Mon-Fri only")
    result = parse(tmp_path, "BE-2026-118.xlsx", workbook_bytes(book))
    order = result.order
    assert order.po_number == "BE-2026-118" and order.customer == "Bergmann Elektro GmbH"
    assert order.po_date == dt.date(2026, 11, 19) and order.currency == "EUR"
    assert order.total == Decimal("7350")
    assert [(l.item, l.description, l.quantity, l.unit_price, l.amount, l.delivery_date) for l in order.lines] == [
        (
            "BE-CTL-01",
            "Controller board, assembled",
            Decimal("500"),
            Decimal("12.8"),
            Decimal("6400"),
            dt.date(2027, 2, 1),
        ),
        ("BE-CBL-07", "Cable harness 0.5 m", Decimal("1000"), Decimal("0.95"), Decimal("950"), dt.date(2027, 2, 1)),
    ]
    assert order.delivery_date == dt.date(2027, 2, 1)  # the earliest line date
    assert not result.needs_review, result.warnings


def test_legacy_xls(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("PO")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write(0, 0, "Order Number")
    sheet.write(0, 1, "BL-4502")
    sheet.write(1, 0, "Order Date")
    sheet.write(1, 1, dt.datetime(2026, 11, 17), date_style)
    sheet.write(2, 0, "Customer")
    sheet.write(2, 1, "Brightline Lighting Ltd")
    sheet.write(3, 0, "Delivery Date")
    sheet.write(3, 1, dt.datetime(2026, 12, 15), date_style)
    for col, text in enumerate(["No.", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"]):
        sheet.write(4, col, text)
    for col, value in enumerate([1, "KNB-21", "Control knob", 3000, "ea", 0.25, 750.0]):
        sheet.write(5, col, value)
    sheet.write(6, 5, "Total")
    sheet.write(6, 6, 750.0)
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(tmp_path, "BL-4502.xls", buffer.getvalue())
    order = result.order
    assert order.po_number == "BL-4502" and order.po_date == dt.date(2026, 11, 17)
    assert order.customer == "Brightline Lighting Ltd"
    assert [(l.item, l.quantity, l.unit, l.unit_price, l.amount) for l in order.lines] == [
        ("KNB-21", Decimal("3000"), "ea", Decimal("0.25"), Decimal("750")),
    ]
    assert order.total == Decimal("750") and not result.needs_review


def test_corrupt_workbook_is_a_warning(tmp_path):
    result = parse(tmp_path, "PO-77.xlsx", b"PK\x03\x04 this is not a workbook")
    assert result.needs_review is True
    assert any("PO-77.xlsx" in w and "cannot open" in w for w in result.warnings)


def test_csv_in_gbk_with_chinese_headers(tmp_path):
    text = (
        "订单号,YX20261121-05\n买方,东莞永信塑胶制品有限公司\n币种,人民币\n\n"
        "序号,料号,品名,数量,单位,单价,金额,交货日期\n"
        '1,GSK-090,三元乙丙密封圈 90mm,"3,000",个,0.35,"1,050.00",2026/12/15\n'
        '2,SPR-3312,压缩弹簧,"12,000",个,0.08,960.00,2026/12/20\n'
        '合计,,,,,,"2,010.00",\n'
    )
    result = parse(tmp_path, "永信订单.csv", text.encode("gbk"))
    order = result.order
    assert order.po_number == "YX20261121-05" and order.customer == "东莞永信塑胶制品有限公司"
    assert order.currency == "CNY" and order.total == Decimal("2010.00")
    assert [(l.item, l.description, l.quantity, l.amount, l.delivery_date) for l in order.lines] == [
        ("GSK-090", "三元乙丙密封圈 90mm", Decimal("3000"), Decimal("1050.00"), dt.date(2026, 12, 15)),
        ("SPR-3312", "压缩弹簧", Decimal("12000"), Decimal("960.00"), dt.date(2026, 12, 20)),
    ]
    assert order.delivery_date == dt.date(2026, 12, 15)
    assert not result.needs_review, result.warnings


def test_csv_semicolons_and_decimal_commas(tmp_path):
    text = (
        "Bestellnummer;VDB-1142\nCustomer;Van der Berg Techniek B.V.\nLeverdatum;15-12-2026\n"
        "Part No.;Description;Qty;Unit;Unit Price;Amount\n"
        "HTS-40;Heat sink 40x40;2.400;PCS;0,67;1.608,00\n"
        "KNB-21;Knob;300;ea;0,28;84,00\n"
        "Total;;;;;1.692,00\n"
    )
    result = parse(tmp_path, "vdb.csv", text.encode("utf-8-sig"))
    order = result.order
    assert order.po_number == "VDB-1142"
    assert [(l.quantity, l.unit_price, l.amount) for l in order.lines] == [
        (Decimal("2400"), Decimal("0.67"), Decimal("1608.00")),
        (Decimal("300"), Decimal("0.28"), Decimal("84.00")),
    ]
    assert order.total == Decimal("1692.00") and not result.needs_review


def test_hidden_rows_and_columns_are_not_read_and_unsaved_formulas_are_reported(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PO No", "HD-1"])
    sheet.append(["Buyer", "Hidden Detail Ltd"])
    sheet.append(["Item", "Description", "Old Price", "Qty", "Unit Price", "Amount"])
    sheet.append(["A-100", "Bracket", 9.99, 10, 1.5, 15])
    sheet.append(["A-200", "Deleted line", 9.99, 99, 1.0, 99])
    sheet.append(["A-300", "Screw", 9.99, 100, 0.1, "=D6*E6"])
    sheet.column_dimensions["C"].hidden = True
    sheet.row_dimensions[5].hidden = True
    result = parse(tmp_path, "HD-1.xlsx", workbook_bytes(book))
    lines = result.order.lines
    assert [(l.item, l.quantity, l.unit_price) for l in lines] == [
        ("A-100", Decimal("10"), Decimal("1.5")),
        ("A-300", Decimal("100"), Decimal("0.1")),
    ]
    assert lines[1].amount == Decimal("10")  # computed from the sheet's cells, and said so
    assert result.needs_review is True
    assert any(
        "1 formula cell(s) without a saved result were computed here from the sheet's cells (F6 = 10)" in w
        for w in result.warnings
    )


def test_wordy_headers_and_two_part_numbers(tmp_path):
    text = (
        "Order Number,ZX-301\nCustomer,Zenith Instruments Ltd\nDelivery Date,2026-12-15\n\n"
        "Line,Customer Part No,Your Part No,Description,Order Quantity (pcs),Net Unit Price EUR,Total Amount Excl. VAT\n"
        "1,ZX-A100,HSG-500,Housing,200,5.00,1000.00\n"
        "Line,Customer Part No,Your Part No,Description,Order Quantity (pcs),Net Unit Price EUR,Total Amount Excl. VAT\n"
        "2,ZX-A200,KNB-21,Price label knob,300,0.30,90.00\n"
    )
    result = parse(tmp_path, "zx.csv", text.encode())
    assert [(l.item, l.description, l.quantity, l.unit_price, l.amount) for l in result.order.lines] == [
        ("ZX-A100", "Housing", Decimal("200"), Decimal("5.00"), Decimal("1000.00")),
        ("ZX-A200", "Price label knob", Decimal("300"), Decimal("0.30"), Decimal("90.00")),
    ]
    assert result.order.currency == "EUR"
    assert not result.needs_review, result.warnings


def test_a_line_whose_description_starts_with_total_is_a_line(tmp_path):
    text = (
        "PO No,TS-9\nBuyer,Survey Tools Ltd\n\nDescription,Qty,Unit Price,Amount\n"
        '"Total station, surveying",2,1500.00,3000.00\nTripod,2,50.00,100.00\nTotal,,,3100.00\n'
    )
    result = parse(tmp_path, "ts.csv", text.encode())
    assert [l.description for l in result.order.lines] == ["Total station, surveying", "Tripod"]
    assert result.order.total == Decimal("3100.00")


def test_a_sheet_is_read_by_position_like_a_page(tmp_path):
    """The same proximity rules as on a PDF page: a compound label over its two values
    ("PO number/date" over "4512029509 / 11/20/2026")."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Northwind Tools Ltd"
    sheet["E2"] = "PO number/date"
    sheet["E3"] = "4512029509 / 11/20/2026"
    sheet["A5"], sheet["B5"], sheet["C5"], sheet["D5"], sheet["E5"] = (
        "Item",
        "Description",
        "Qty",
        "Unit Price",
        "Amount",
    )
    sheet["A6"], sheet["B6"], sheet["C6"], sheet["D6"], sheet["E6"] = "HX-2040", "Hex bolt M8", 1200, 0.35, 420
    result = parse(tmp_path, "po.xlsx", workbook_bytes(book))
    order = result.order
    assert order.po_number == "4512029509"
    assert order.po_date == dt.date(2026, 11, 20)
    assert any("found by position" in line and "PO number/date" in line for line in result.explain)


def _currency_form(number_format: str, named: str | None = None) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["PO Number", "PO-55120"], ["Order Date", dt.date(2026, 11, 16)], ["Buyer", "Harbor Gear Ltd"]]:
        sheet.append(row)
    if named:
        sheet.append(["Currency", named])
    sheet.append([])
    sheet.append(["Item", "Description", "Qty", "Unit Price", "Amount", "Delivery Date"])
    for item, words, qty, price in [
        ("GR-4410", "Spur gear m1 z40", 250, 3.4),
        ("SH-2205", "Drive shaft 12 mm", 100, 7.25),
    ]:
        sheet.append([item, words, qty, price, qty * price, dt.date(2026, 12, 15)])
        for column in (4, 5):
            sheet.cell(sheet.max_row, column).number_format = number_format
    return book


def test_the_currency_the_amounts_cells_show_by_their_number_format(tmp_path):
    """Prices typed as numbers formatted "1.234,50 €": the stored numbers carry no sign, the
    cells show one. A bare "$" names no one dollar and is not taken; the locale's "[$$-1009]" is
    the Canadian dollar."""
    for number_format, code in [
        ("#,##0.00 [$€-407]", "EUR"),
        ('"CHF" #,##0.00', "CHF"),
        ("[$£-809]#,##0.00", "GBP"),
        ("[$$-1009]#,##0.00", "CAD"),
        ('"$"#,##0.00', None),
    ]:
        result = parse(tmp_path, "po.xlsx", workbook_bytes(_currency_form(number_format)))
        assert result.order.currency == code, number_format
        assert [ln.unit_price for ln in result.order.lines] == [Decimal("3.4"), Decimal("7.25")]
        assert not result.needs_review, result.warnings


def test_cells_showing_another_currency_than_the_field_names_are_asked_about(tmp_path):
    result = parse(tmp_path, "po.xlsx", workbook_bytes(_currency_form("#,##0.00 [$€-407]", named="USD")))
    assert result.needs_review
    assert any("shows EUR, but the sheet names USD" in w for w in result.warnings)
