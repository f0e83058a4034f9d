"""Buyers' own Word and Excel templates: fields in the page header, quantities typed as text,
and a workbook holding two orders."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import docx
import openpyxl

from mailflow.extract import ParseContext, odf, parse_file
from mailflow.extract.document import Document, Grid
from mailflow.extract.tables import Options, _grouped_quantity
from mailflow.extract.vocabulary import Vocabulary

TODAY = dt.date(2026, 11, 22)


def parse(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return parse_file(path, ParseContext(today=TODAY))


def word_order(header_pairs: list[tuple[str, str]], footer: str = "") -> bytes:
    d = docx.Document()
    section = d.sections[0]
    band = section.header.add_table(rows=2, cols=len(header_pairs), width=section.page_width)
    for k, (label, value) in enumerate(header_pairs):
        band.rows[0].cells[k].text = label
        band.rows[1].cells[k].text = value
    if footer:
        section.footer.paragraphs[0].text = footer
    d.add_paragraph("Cedar Ridge Instruments LLC")
    d.add_paragraph("77 Foundry Lane, Lowell MA 01852")
    d.add_heading("PURCHASE ORDER", level=1)
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ["Item No.", "Description", "Qty", "Unit Price", "Amount"]):
        cell.text = head
    for values in (
        ("HX-2040", "Hex bolt M8x40", "500", "0.42", "210.00"),
        ("WS-0800", "Washer", "1000", "0.05", "50.00"),
    ):
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    d.add_paragraph("Total: 260.00")
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def test_fields_in_the_word_page_header_are_read(tmp_path):
    data = word_order(
        [("PO Number", "CR-77120"), ("Order Date", "11/18/2026"), ("Delivery Date", "12/15/2026"), ("Currency", "USD")]
    )
    result = parse(tmp_path, "cr.docx", data)
    assert result.order.po_number == "CR-77120"
    assert result.order.po_date == dt.date(2026, 11, 18)
    assert result.order.currency == "USD"
    assert result.order.total == Decimal("260.00") and len(result.order.lines) == 2
    assert not result.needs_review, result.warnings
    assert any("page header" in line for line in result.explain)


def test_the_word_footer_is_not_read_for_fields(tmp_path):
    # a footer's registration and page numbers are no order number
    data = word_order([("PO Number", "CR-77120"), ("Currency", "USD")], footer="PO Box 4471 · Page 1 of 1")
    result = parse(tmp_path, "cr.docx", data)
    assert result.order.po_number == "CR-77120"
    assert "4471" not in " ".join(result.explain)


def vertical_sheet(sheet, number: str, quantities: list[str | int]) -> None:
    sheet["A1"] = "Hanseatische Pumpenwerke GmbH"
    sheet["A3"] = "Bestellung"
    sheet["A5"], sheet["B5"] = "Bestellnummer", number
    sheet["A6"], sheet["B6"] = "Währung", "EUR"
    sheet["C5"], sheet["D5"] = "Liefertermin", "15.12.2026"
    for col, head in enumerate(["Artikel-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis"], 1):
        sheet.cell(8, col, head)
    prices = [0.12, 2.4]
    for row, (quantity, price) in enumerate(zip(quantities, prices), start=9):
        amount = Decimal(str(quantity).replace(".", "")) * Decimal(str(price))
        for col, value in enumerate([f"ART-{row}", "Feder 12 mm", quantity, price, float(amount)], 1):
            sheet.cell(row, col, value)


def book_bytes(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_quantity_typed_with_a_thousands_dot_is_read_by_the_arithmetic(tmp_path):
    book = openpyxl.Workbook()
    vertical_sheet(book.active, "4586545226", ["5.000", 20])
    result = parse(tmp_path, "b.xlsx", book_bytes(book))
    assert [line.quantity for line in result.order.lines] == [Decimal("5000"), Decimal("20")]
    assert not result.needs_review, result.warnings


def test_a_quantity_whose_reading_the_arithmetic_does_not_settle_is_flagged(tmp_path):
    book = openpyxl.Workbook()
    vertical_sheet(book.active, "4586545226", ["5.000", 20])
    book.active["E9"] = 99  # neither 5 × 0.12 nor 5000 × 0.12
    result = parse(tmp_path, "b.xlsx", book_bytes(book))
    assert result.needs_review


def test_two_visible_sheets_holding_two_orders_go_to_a_person(tmp_path):
    book = openpyxl.Workbook()
    vertical_sheet(book.active, "4586545226", [60, 20])
    vertical_sheet(book.create_sheet("Vormonat"), "4586540001", [80, 10])
    result = parse(tmp_path, "b.xlsx", book_bytes(book))
    assert result.needs_review
    assert any("several PO numbers" in w for w in result.warnings), result.warnings


def test_the_same_order_number_on_a_cover_sheet_is_one_order(tmp_path):
    book = openpyxl.Workbook()
    cover = book.active
    cover["A1"], cover["B1"] = "Bestellnummer", "4586545226"
    vertical_sheet(book.create_sheet("PO"), "4586545226", [60, 20])
    result = parse(tmp_path, "b.xlsx", book_bytes(book))
    assert result.order.po_number == "4586545226"
    assert not result.needs_review, result.warnings


def test_a_price_with_its_basis_leaves_a_grouped_quantity_as_written():
    # 5 × 55.50 and 5000 × 55.50 per 1,000 both make 277.50: the arithmetic does not decide
    cells = {"quantity": "5.000", "unit_price": "55.50 PER M", "amount": "277.50"}
    assert _grouped_quantity(cells, Options()) == cells
    plain = {"quantity": "5.000", "unit_price": Decimal("0.12"), "amount": Decimal("600")}
    assert _grouped_quantity(plain, Options())["quantity"] == Decimal("5000")


def test_stored_numbers_say_nothing_about_the_decimal_mark():
    doc = Document("b.xlsx", grids=[Grid([["Menge", "Preis"], ["1.500", Decimal("0.12")]], "b.xlsx sheet 'PO'")])
    assert "0.12" in doc.all_text() and "0.12" not in doc.typed_text()


def test_an_indian_amount_written_with_a_closing_dash_is_a_number(tmp_path):
    d = docx.Document()
    for text in (
        "Purchase Order",
        "Order Number – 11223",
        "Subtotal - ₹10,000 /-",
        "Tax - ₹100 /-",
        "Total - ₹10,100 /-",
    ):
        d.add_paragraph(text)
    buffer = io.BytesIO()
    d.save(buffer)
    result = parse(tmp_path, "po.docx", buffer.getvalue())
    assert result.order.total == Decimal("10100") and result.order.currency == "INR"


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def test_fields_in_an_odt_page_header_are_read_and_its_footer_is_not():
    cells = "".join(f"<table:table-cell><text:p>{t}</text:p></table:table-cell>" for t in ("PO Number", "CR-77120"))
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NS}><office:master-styles>'
        '<style:master-page style:name="Standard"><style:header><table:table table:name="Band">'
        f"<table:table-row>{cells}</table:table-row></table:table></style:header>"
        "<style:footer><text:p>PO Number: 99999</text:p></style:footer></style:master-page>"
        "</office:master-styles></office:document-styles>"
    )
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS}><office:body><office:text>'
        "<text:p>Cedar Ridge Instruments LLC</text:p></office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", body)
        archive.writestr("styles.xml", styles)
    doc = odf.read_odt(buffer.getvalue(), "po.odt", Vocabulary.bundled())
    assert doc.grids[0].rows == [["PO Number", "CR-77120"]]
    assert "page header" in doc.grids[0].where
    assert "99999" not in doc.all_text() and "Cedar Ridge" in doc.all_text()


def test_a_flat_odt_reads_its_page_header_but_not_its_footer():
    flat = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF_NS} '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:master-styles>'
        '<style:master-page style:name="Standard"><style:header><text:p>PO Number: CR-77120</text:p></style:header>'
        "<style:footer><text:p>PO Number: 99999</text:p></style:footer></style:master-page></office:master-styles>"
        "<office:body><office:text><text:p>Cedar Ridge Instruments LLC</text:p></office:text></office:body>"
        "</office:document>"
    )
    doc = odf.read_odt(flat.encode(), "po.fodt", Vocabulary.bundled())
    assert "CR-77120" in doc.all_text() and "99999" not in doc.all_text()
