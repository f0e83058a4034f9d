"""An OpenDocument order is read as LibreOffice shows it: text its styles hide is not read.

A forged order can show one PO number or quantity and hide another beside it: in white on the
white page, in a 1-point font, or marked hidden (``text:display="none"``), set by the span, the
paragraph or the cell, by the style it inherits, or by a column's default cell style. White
headings on a coloured cell are read. The files are written here as LibreOffice writes them, and
made by LibreOffice itself from a workbook and a Word file a forger prepared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import docx
import openpyxl
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor
from openpyxl.styles import Font, PatternFill

from mailflow.extract import ParseContext, odf, parse_file
from mailflow.extract.vocabulary import Vocabulary

from helpers.opendocument import flat, number_cell, row, text_cell

TODAY = dt.date(2026, 11, 20)
VISIBLE_PO, HIDDEN_PO = "HX-77120", "HX-99999"
FO = 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
STYLES = (
    # a white cell style, a cell style inheriting it, a dark cell with white text, a 1-point cell
    '<style:style style:name="ceWhite" style:family="table-cell"><style:text-properties fo:color="#ffffff"/></style:style>'
    '<style:style style:name="ceHeir" style:family="table-cell" style:parent-style-name="ceWhite"/>'
    '<style:style style:name="ceBand" style:family="table-cell"><style:table-cell-properties fo:background-color="#1f3864"/>'
    '<style:text-properties fo:color="#ffffff"/></style:style>'
    '<style:style style:name="ceTiny" style:family="table-cell"><style:text-properties fo:font-size="1pt"/></style:style>'
    # text styles: hidden, white; a paragraph style of white text
    '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties fo:color="#FFFFFF"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:color="#fefefe"/></style:style>'
)


def sheet(*rows: str, columns: str = '<table:table-column table:number-columns-repeated="8"/>') -> bytes:
    body = (
        f'<office:spreadsheet><table:table table:name="PO">{columns}{"".join(rows)}</table:table></office:spreadsheet>'
    )
    return (
        flat("application/vnd.oasis.opendocument.spreadsheet", body, STYLES)
        .replace("<office:document ", f"<office:document {FO} ", 1)
        .encode()
    )


def lines(quantity_cell: str) -> list[str]:
    return [
        row(*(text_cell(h) for h in ("Item", "Description", "Qty", "Unit Price", "Amount")), extra=""),
        row(text_cell("HX-100"), text_cell("Hex bolt M8 x 40"), quantity_cell, number_cell(Decimal("0.85"), "0.85"),
            number_cell(Decimal("425"), "425.00")),
    ]  # fmt: skip


def read_sheet(data: bytes):
    return odf.read_ods(data, "po.fods", Vocabulary.bundled())


def cells(document) -> list:
    return [value for grid in document.grids for r in grid.rows for value in r if value is not None]


def test_a_white_po_number_cell_and_one_inheriting_white_are_not_read():
    document = read_sheet(
        sheet(
            row(text_cell("PO Number"), text_cell(VISIBLE_PO)),
            row(text_cell("PO Number"), text_cell(HIDDEN_PO, 'table:style-name="ceWhite"')),
            row(text_cell("Ref"), text_cell("HX-88888", 'table:style-name="ceHeir"')),
            *lines(number_cell(Decimal(500), "500")),
        )
    )
    found = cells(document)
    assert VISIBLE_PO in found and HIDDEN_PO not in found and "HX-88888" not in found


def test_a_stored_number_in_a_hidden_cell_is_blank_and_a_white_band_is_read():
    hidden_quantity = '<table:table-cell table:style-name="ceTiny" office:value-type="float" office:value="5000"><text:p>5000</text:p></table:table-cell>'
    document = read_sheet(
        sheet(
            row(text_cell("PO Number", 'table:style-name="ceBand"'), text_cell(VISIBLE_PO)),
            *lines(hidden_quantity),
        )
    )
    found = cells(document)
    assert "PO Number" in found  # white on the dark band: shown
    assert Decimal(5000) not in found


def test_a_column_whose_default_cell_style_is_white_hides_the_cells_that_name_none():
    columns = (
        '<table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:default-cell-style-name="ceWhite"/>'
        '<table:table-column table:number-columns-repeated="5"/>'
    )
    document = read_sheet(
        sheet(row(text_cell("PO Number"), text_cell(VISIBLE_PO), text_cell(HIDDEN_PO)), columns=columns)
    )
    found = cells(document)
    assert VISIBLE_PO in found and HIDDEN_PO not in found


def test_a_hidden_span_inside_a_text_cell_is_left_out():
    """A quantity typed as text "500" with a hidden "0" after it: 500, not 5000."""
    forged = '<table:table-cell office:value-type="string"><text:p>500<text:span text:style-name="T1">0</text:span></text:p></table:table-cell>'
    document = read_sheet(sheet(row(text_cell("PO Number"), text_cell(VISIBLE_PO)), *lines(forged)))
    assert "5000" not in cells(document) and "500" in cells(document)


def fodt(paragraphs: str) -> bytes:
    body = f"<office:text>{paragraphs}</office:text>"
    return (
        flat("application/vnd.oasis.opendocument.text", body, STYLES)
        .replace("<office:document ", f"<office:document {FO} ", 1)
        .encode()
    )


def test_hidden_white_and_white_styled_paragraphs_of_a_text_document_are_not_read():
    document = odf.read_odt(
        fodt(
            f"<text:p>PO Number: {VISIBLE_PO}</text:p>"
            f'<text:p>PO Number: <text:span text:style-name="T1">{HIDDEN_PO}</text:span></text:p>'
            f'<text:p>Ref: <text:span text:style-name="T2">HX-88888</text:span></text:p>'
            f'<text:p text:style-name="P1">Ref: HX-77777</text:p>'
        ),
        "po.fodt",
        Vocabulary.bundled(),
    )
    text = document.all_text()
    assert VISIBLE_PO in text
    assert not any(hidden in text for hidden in (HIDDEN_PO, "HX-88888", "HX-77777"))


@pytest.mark.soffice
def test_what_a_forger_hid_in_word_and_excel_stays_hidden_once_libreoffice_saved_it(tmp_path, soffice):
    """The forger's files saved as .odt and .ods by LibreOffice: the visible order is read,
    none of what was hidden."""
    word = docx.Document()
    word.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER).font.hidden = True
    word.add_paragraph("Purchase Order")
    word.add_paragraph(f"PO Number: {VISIBLE_PO}")
    word.add_paragraph().add_run(f"PO Number: {HIDDEN_PO}", style="Ghost")
    word.add_paragraph().add_run("Ref: HX-88888").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    word.save(tmp_path / "po.docx")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["PO Number", VISIBLE_PO])
    ws.append(["PO Number", HIDDEN_PO])
    ws["B2"].font = Font(color="FFFFFF")
    ws.append(["Ref", "HX-88888"])
    ws["A3"].font = ws["B3"].font = Font(color="FFFFFF", bold=True)
    ws["A3"].fill = PatternFill("solid", fgColor="1F3864")  # a white label on a dark band: shown
    book.save(tmp_path / "po.xlsx")
    odt = soffice.convert(tmp_path / "po.docx", tmp_path / "out", "odt")
    ods = soffice.convert(tmp_path / "po.xlsx", tmp_path / "out", "ods")
    text = odf.read_odt(odt.read_bytes(), odt.name, Vocabulary.bundled()).all_text()
    assert VISIBLE_PO in text and HIDDEN_PO not in text and "HX-88888" not in text
    found = cells(odf.read_ods(ods.read_bytes(), ods.name, Vocabulary.bundled()))
    assert VISIBLE_PO in found and HIDDEN_PO not in found and "Ref" in found and "HX-88888" not in found
    assert parse_file(ods, ParseContext(today=TODAY)).order.po_number == VISIBLE_PO
