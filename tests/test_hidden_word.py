"""A Word order is read as it prints: white text on a white page and 1-point text are not read.

A forged order can print one PO number and hide another beside it in white, or in a font too
small to see; the reader took the first it met. White headings on a shaded table header (the
usual order template) are read as always.
"""

import datetime as dt
import io
from decimal import Decimal

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from mailflow.extract import ParseContext, parse_file

TODAY = dt.date(2026, 11, 22)
VISIBLE_PO = "4500012345"
HIDDEN_PO = "4500099999"


def shade(element, fill: str) -> None:
    """A shading of ``fill`` on a cell's, paragraph's or run's properties element."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    element.append(shading)


def order(tmp_path, hide=None, heading_fill: str | None = "1F3864"):
    """An order letter with a lines table whose heading is white on ``heading_fill``;
    ``hide(word)`` first adds what a forger hides."""
    word = docx.Document()
    if hide:
        hide(word)
    word.add_heading("Purchase Order", 1)
    word.add_paragraph(f"PO Number: {VISIBLE_PO}")
    word.add_paragraph("Buyer: Harborline Outdoor Gear Inc.")
    rows = (
        ["Part No.", "Description", "Qty", "Unit Price", "Amount"],
        ["KNO-4917", "Control knob ABS 21 mm", "500", "1.20", "600.00"],
        ["VLV-5200", "Check valve 1/2 in", "40", "12.50", "500.00"],
    )
    table = word.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            run = cell.paragraphs[0].add_run(value)
            if r == 0 and heading_fill:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                shade(cell._tc.get_or_add_tcPr(), heading_fill)
    word.add_paragraph("Total: USD 1,100.00")
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "PO.docx"
    path.write_bytes(buffer.getvalue())
    return parse_file(path, ParseContext(today=TODAY))


def hidden_po(colour=None, size=None, highlight=None):
    def hide(word):
        run = word.add_paragraph().add_run(f"PO Number: {HIDDEN_PO}")
        if colour:
            run.font.color.rgb = colour
        if size:
            run.font.size = size
        if highlight:
            mark = OxmlElement("w:highlight")
            mark.set(qn("w:val"), highlight)
            run._r.get_or_add_rPr().append(mark)

    return hide


def test_white_headings_on_a_shaded_table_header_are_read(tmp_path):
    result = order(tmp_path)
    assert result.order.po_number == VISIBLE_PO
    assert [line.quantity for line in result.order.lines] == [Decimal(500), Decimal(40)]
    assert [line.item for line in result.order.lines] == ["KNO-4917", "VLV-5200"]


def test_a_po_number_in_white_on_the_white_page_is_not_read(tmp_path):
    result = order(tmp_path, hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF)))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def test_a_po_number_in_a_one_point_font_is_not_read(tmp_path):
    result = order(tmp_path, hidden_po(size=Pt(1)))
    assert result.order.po_number == VISIBLE_PO


def test_white_text_on_a_highlight_or_a_dark_page_is_read(tmp_path):
    # white on black highlight: shown, so it is what the buyer printed first
    result = order(tmp_path, hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF), highlight="black"))
    assert result.order.po_number == HIDDEN_PO

    def dark_page(word):
        background = OxmlElement("w:background")
        background.set(qn("w:color"), "000000")
        word.element.insert(0, background)
        hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF))(word)

    assert order(tmp_path, dark_page).order.po_number == HIDDEN_PO
