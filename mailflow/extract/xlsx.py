"""Excel → ``Document``: .xlsx with openpyxl, legacy .xls with xlrd. One grid per sheet.

Contract
    ``read_xlsx(data, name, vocab)`` / ``read_xls(data, name, vocab)`` never raise for a bad
    file (corrupt, encrypted, not a workbook): the document comes back ``unreadable`` with a
    warning. Cell values are kept typed — numbers as ``Decimal`` (from the float's shortest
    repr, so 12.8 stays 12.8), dates as ``date`` — cached formula results are read
    (``data_only``), never recomputed. A vertically merged cell (a delivery date spanning
    several lines) is repeated into every row it covers; a horizontally merged one stays in its
    first column, where the header names it. Hidden sheets are skipped.
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

        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the workbook ({type(exc).__name__}: {exc})")
        return doc
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        rows = [
            [_typed(v) for v in row[:MAX_COLUMNS]]
            for row in sheet.iter_rows(max_row=min(sheet.max_row, MAX_ROWS), values_only=True)
        ]
        for merged in sheet.merged_cells.ranges:
            if merged.max_row == merged.min_row:
                continue
            top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else None
            for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                if merged.min_col - 1 < len(rows[r - 1]):
                    rows[r - 1][merged.min_col - 1] = top
        if any(any(c is not None for c in row) for row in rows):
            doc.grids.append(Grid(rows, f"{name} sheet '{sheet.title}'"))
    return doc


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
        for r0, r1, c0, c1 in getattr(sheet, "merged_cells", []):
            for r in range(r0 + 1, min(r1, len(rows))):
                rows[r][c0] = rows[r0][c0]
        if rows:
            doc.grids.append(Grid(rows, f"{name} sheet '{sheet.name}'"))
    return doc
