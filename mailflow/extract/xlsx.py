"""Excel → ``Document``: .xlsx with openpyxl, legacy .xls with xlrd. One grid per sheet.

Contract
    ``read_xlsx(data, name, vocab)`` / ``read_xls(data, name, vocab)`` never raise for a bad
    file (corrupt, encrypted, not a workbook): the document comes back ``unreadable`` with a
    warning. Cell values are kept typed — numbers as ``Decimal`` (from the float's shortest
    repr, so 12.8 stays 12.8), dates as ``date`` — cached formula results are read
    (``data_only``), never recomputed. A vertically merged cell (a delivery date spanning
    several lines) is repeated into every row it covers; a horizontally merged one stays in its
    first column, where the header names it. Hidden sheets, rows and columns are skipped
    (they hold old prices and deleted lines). A formula without a saved result is a warning.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from .document import Document, Grid
from .vocabulary import Vocabulary

MAX_ROWS = 2000
MAX_COLUMNS = 40


def _typed(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if value != int(value) else Decimal(int(value))
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, str):
        return value.strip() or None
    return value


def read_xlsx(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        # Formulas: their results as Excel last saved them. A workbook written by a program
        # and never opened in Excel has none; those cells are reported, not computed here.
        has_formulas = any(
            isinstance(cell, str) and cell.startswith("=")
            for sheet in book.worksheets
            for row in sheet.iter_rows(
                max_row=min(sheet.max_row, MAX_ROWS), max_col=min(sheet.max_column, MAX_COLUMNS), values_only=True
            )
            for cell in row
        )
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True) if has_formulas else book
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the workbook ({type(exc).__name__}: {exc})")
        return doc
    for sheet, shown in zip(book.worksheets, values.worksheets):
        if sheet.sheet_state != "visible":
            continue
        rows, uncached = _sheet_rows(sheet, shown)
        if uncached:
            doc.warnings.append(
                f"{name} sheet '{sheet.title}': {len(uncached)} formula cell(s) without a saved result"
                f" ({', '.join(uncached[:4])}); open and save the file in Excel, or read it by hand"
            )
        if any(any(c is not None for c in row) for row in rows):
            doc.grids.append(Grid(rows, f"{name} sheet '{sheet.title}'"))
    return doc


def _sheet_rows(sheet, shown) -> tuple[list[list[Any]], list[str]]:
    """Typed values of a sheet; hidden rows and columns blanked (old prices, deleted lines)."""
    from openpyxl.utils import get_column_letter

    height = min(sheet.max_row, MAX_ROWS)
    width = min(sheet.max_column, MAX_COLUMNS)
    formulas = [list(row) for row in sheet.iter_rows(max_row=height, max_col=width, values_only=True)]
    cached = [list(row) for row in shown.iter_rows(max_row=height, max_col=width, values_only=True)]
    # (membership first: indexing these dimension maps creates an entry for every row asked)
    hidden_columns = {
        i
        for dim in list(sheet.column_dimensions.values())
        if dim.hidden
        for i in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
    }
    rows: list[list[Any]] = []
    uncached: list[str] = []
    for r, (row, values) in enumerate(zip(formulas, cached), start=1):
        if r in sheet.row_dimensions and sheet.row_dimensions[r].hidden:
            rows.append([None] * len(row))
            continue
        out = []
        for c, (formula, value) in enumerate(zip(row, values), start=1):
            if c in hidden_columns:
                out.append(None)
                continue
            if isinstance(formula, str) and formula.startswith("=") and value is None:
                uncached.append(f"{get_column_letter(c)}{r}")
            out.append(_typed(value))
        rows.append(out)
    for merged in sheet.merged_cells.ranges:
        if merged.max_row == merged.min_row or merged.min_row > len(rows):
            continue
        top = (
            rows[merged.min_row - 1][merged.min_col - 1] if merged.min_col - 1 < len(rows[merged.min_row - 1]) else None
        )
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            if merged.min_col - 1 < len(rows[r - 1]):
                rows[r - 1][merged.min_col - 1] = top
    return rows, uncached


def read_xls(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    try:
        import xlrd

        book = xlrd.open_workbook(file_contents=data, formatting_info=False)
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the .xls workbook ({type(exc).__name__}: {exc})")
        return doc
    for sheet in book.sheets():
        if getattr(sheet, "visibility", 0):
            continue
        rows = []
        for r in range(min(sheet.nrows, MAX_ROWS)):
            row = []
            for c in range(min(sheet.ncols, MAX_COLUMNS)):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        row.append(_typed(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)))
                    except Exception:
                        row.append(_typed(cell.value))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(_typed(cell.value))
            rows.append(row)
        for r0, r1, c0, _c1 in getattr(sheet, "merged_cells", []):
            for r in range(r0 + 1, min(r1, len(rows))):
                rows[r][c0] = rows[r0][c0]
        if rows:
            doc.grids.append(Grid(rows, f"{name} sheet '{sheet.name}'"))
    return doc
