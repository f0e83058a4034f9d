"""A workbook shows what a person reads; a cell Excel shows empty is not read.

A forged order can write one PO number where the buyer sees it and another in white on white,
or in a number format that shows nothing (``;;;``), where only a program reads it. Those cells
are not read, and when they hold numbers the order goes to a person, quoting them. Cells that
only look unusual (white headings on a dark fill, a grey note) are read as always.
"""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color

from mailflow.extract import ParseContext, parse_file, xlsx

TODAY = dt.date(2026, 11, 22)
VISIBLE_PO = "4500012345"
HIDDEN_PO = "4500099999"


def order_book(hide=None) -> openpyxl.Workbook:
    """An ordinary order sheet; ``hide(ws)`` adds what a forger hides in it."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Order"
    ws.append(["Purchase Order"])
    ws.append(["Buyer", "Harborline Outdoor Gear Inc."])
    ws.append(["PO Number", VISIBLE_PO])
    ws.append(["PO Date", dt.date(2026, 11, 20)])
    ws.append([])
    heading = ["Part No.", "Description", "Qty", "Unit Price", "Amount"]
    ws.append(heading)
    for cell in ws[6]:  # white bold headings on a dark fill: shown, and read
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3864")
    ws.append(["KNO-4917", "Control knob ABS 21 mm", 500, 1.2, 600])
    ws.append(["VLV-5200", "Check valve 1/2 in", 40, 12.5, 500])
    ws.append([None, None, None, "Total", 1100])
    if hide:
        hide(ws)
    return book


def parse(tmp_path, book: openpyxl.Workbook, name: str = "PO.xlsx"):
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return parse_file(path, ParseContext(today=TODAY))


def hidden_reasons(result) -> list[str]:
    return [w for w in result.warnings if w.startswith(xlsx.INVISIBLE_NOTE)]


def test_an_honest_sheet_with_white_headings_on_a_dark_fill_is_read_unflagged(tmp_path):
    result = parse(tmp_path, order_book())
    assert result.order.po_number == VISIBLE_PO
    assert [line.quantity for line in result.order.lines] == [Decimal(500), Decimal(40)]
    assert hidden_reasons(result) == []


def test_a_po_number_written_white_on_white_is_not_read_and_is_said(tmp_path):
    def hide(ws):
        # above the visible one, where a reader of cells would meet it first
        ws.insert_rows(1)
        ws["A1"], ws["B1"] = "PO Number", HIDDEN_PO
        for cell in (ws["A1"], ws["B1"]):
            cell.font = Font(color="FFFFFF")

    result = parse(tmp_path, order_book(hide))
    assert result.order.po_number == VISIBLE_PO
    (said,) = hidden_reasons(result)
    assert HIDDEN_PO in said and "sheet 'Order'" in said
    assert result.needs_review


def test_a_quantity_in_a_format_that_shows_nothing_is_not_read(tmp_path):
    def hide(ws):
        # the line's quantity typed as 5000 but shown as nothing; beside it, what the buyer sees
        ws["C7"].number_format = ";;;"
        ws["C7"] = 5000
        ws["F7"] = 500

    result = parse(tmp_path, order_book(hide))
    assert Decimal(5000) not in {line.quantity for line in result.order.lines}
    (said,) = hidden_reasons(result)
    assert "5000" in said and result.needs_review


def test_theme_white_on_no_fill_and_a_matching_solid_fill_hide_text_too(tmp_path):
    def hide(ws):
        ws["G1"] = f"Ref {HIDDEN_PO}"
        ws["G1"].font = Font(color=Color(theme=0))  # the theme's "background 1": white
        ws["G2"] = "Total 99999"
        ws["G2"].font = Font(color="C00000")
        ws["G2"].fill = PatternFill("solid", fgColor="C00000")

    (said,) = hidden_reasons(parse(tmp_path, order_book(hide)))
    assert HIDDEN_PO in said and "99999" in said


def test_invisible_cells_without_a_digit_are_left_out_without_a_word(tmp_path):
    def hide(ws):
        ws["H1"] = "internal use"
        ws["H1"].font = Font(color="FFFFFF")

    result = parse(tmp_path, order_book(hide))
    assert result.order.po_number == VISIBLE_PO and hidden_reasons(result) == []


def test_a_row_or_column_drawn_too_thin_to_show_is_not_read(tmp_path):
    def hide(ws):
        ws.insert_rows(1)
        ws["A1"], ws["B1"] = "PO Number", HIDDEN_PO
        ws.row_dimensions[1].height = 0.5  # not flagged hidden: only too thin to see

    def hide_column(ws):
        ws.insert_cols(1)
        ws["A1"] = f"PO Number: {HIDDEN_PO}"
        ws.column_dimensions["A"].width = 0.1

    for hiding in (hide, hide_column):
        result = parse(tmp_path, order_book(hiding))
        assert result.order.po_number == VISIBLE_PO, hiding.__name__
        assert [line.quantity for line in result.order.lines] == [Decimal(500), Decimal(40)]


def test_what_a_number_format_shows_is_told_by_its_sections():
    assert xlsx._sections(";;;") == ["", "", "", ""]
    assert xlsx._sections('#,##0.00;[Red]-#,##0.00;"-";@') == ["#,##0.00", "[Red]-#,##0.00", '"-"', "@"]
    assert xlsx._sections('"a;b" 0') == ['"a;b" 0']  # a semicolon inside quotes divides nothing
    assert xlsx._sections(r"0\;0;0") == [r"0\;0", "0"]
