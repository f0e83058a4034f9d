"""Excel → ``Document``: .xlsx with openpyxl, legacy .xls with xlrd. One grid per sheet.

Contract
    ``read_xlsx(data, name, vocab)`` / ``read_xls(data, name, vocab)`` never raise for a bad
    file (corrupt, encrypted, not a workbook): the document comes back ``unreadable`` with a
    warning. Cell values are kept typed — numbers as ``Decimal`` (from the float's shortest
    repr, so 12.8 stays 12.8), dates as ``date`` — cached formula results are read
    (``data_only``), never recomputed. A formula without a saved result (a workbook a program
    wrote and Excel never opened) is computed from the sheet's cells when it is plain arithmetic
    (``formula.evaluate``) and reported either way: a person checks what nobody but us computed.
    A vertically merged cell (a delivery date spanning several lines) is repeated into every
    row it covers; a horizontally merged one stays in its first column, where the header names
    it. Hidden sheets, rows and columns are skipped (they hold old prices and deleted lines), and
    so are visible sheets that keep other orders (an "Archive" sheet, a list of POs) beside the
    order's own.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from . import export, formula, tables
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
        rows, uncached, formulas = _sheet_rows(sheet, shown)
        computed = _compute(rows, formulas, uncached, (sheet.max_row, sheet.max_column))
        if computed:
            shown_values = ", ".join(f"{ref} = {value}" for ref, value in computed[:4])
            doc.warnings.append(
                f"{name} sheet '{sheet.title}': {len(computed)} formula cell(s) without a saved result were"
                f" computed here from the sheet's cells ({shown_values}): check them against the order"
            )
        uncached = [ref for ref in uncached if ref not in dict(computed)]
        if uncached:
            doc.warnings.append(
                f"{name} sheet '{sheet.title}': {len(uncached)} formula cell(s) without a saved result"
                f" ({', '.join(uncached[:4])}); open and save the file in Excel, or read it by hand"
            )
        if any(any(c is not None for c in row) for row in rows):
            doc.grids.append(_sheet_grid(rows, f"{name} sheet '{sheet.title}'", vocab))
    _drop_archives(doc, vocab)
    return doc


def _sheet_grid(rows: list[list[Any]], where: str, vocab: Vocabulary) -> Grid:
    """A sheet's grid; a sheet exported one row per order line (an ERP's or EDI translator's
    export saved as a workbook) under a header of known words (``export.canonical``), when the
    table reader finds no header of its own in it: titled in words it knows, the sheet is read
    as it stands."""
    if tables.find_header(rows, vocab) is not None:
        return Grid(rows, where)
    return export.canonical(rows, where, vocab) or Grid(rows, where)


# Sheet names that say the sheet keeps old orders, in the languages buyers name their sheets in
ARCHIVE_NAMES = re.compile(
    r"archiv|histor|storico|\blog\b|old orders|previous orders|arşiv|geçmiş|存档|存檔|歸檔|历史|歷史|履歴|過去",
    re.IGNORECASE,
)
LISTING_ORDERS = 3  # a sheet naming this many PO numbers in one column lists orders


def _drop_archives(doc: Document, vocab: Vocabulary) -> None:
    """Sheets that keep other orders beside the order's own (a visible "Archive" of the orders
    placed with this form, one row per old line under a "PO#" column) are not the order: their
    lines and dates would be read as its. They are left out, and ``--explain`` says so, when
    another sheet is left to read; a workbook of nothing but such sheets is read as it is."""
    archives = [grid for grid in doc.grids if _archive(grid, vocab)]
    if not archives or len(archives) == len(doc.grids):
        return
    for grid in archives:
        doc.grids.remove(grid)
        doc.notes.append(f"{grid.where} keeps other orders (an archive or a list of POs): not read as this order")


def _archive(grid: Grid, vocab: Vocabulary) -> bool:
    """Named as an archive, or a column under a PO number's label in a row of column titles
    (four or more words, no numbers) naming several orders."""
    if ARCHIVE_NAMES.search(grid.where.rsplit(" sheet ", 1)[-1]):
        return True
    for index, row in enumerate(grid.rows[:30]):
        filled = [c for c in row if c not in (None, "")]
        if len(filled) < 4 or not all(isinstance(c, str) and not re.search(r"\d", c) for c in filled):
            continue
        for col, cell in enumerate(row):
            if not isinstance(cell, str) or len(cell) > 30:
                continue
            hit = vocab.label_at(cell)
            if hit is None or hit[0] != "po_number" or hit[2]:
                continue
            if _lists_orders(grid.rows[index + 1 :], col):
                return True
    return False


def _lists_orders(rows: list[list[Any]], col: int) -> bool:
    """Several different PO numbers of one shape ("OAK000100", "OAK000101"...) straight down a
    column, one under the other: a list of orders. A form's band ("Bestell-Nr." over the one PO
    number, then other rows) is not."""
    values = []
    for row in rows:
        cell = row[col] if col < len(row) else None
        if cell in (None, ""):
            break
        values.append(str(cell))
    if not values:
        return False
    shape = _shape(values[0])
    return len({v for v in values if _shape(v) == shape}) >= LISTING_ORDERS


def _shape(text: str) -> str:
    """'OAK000100' → 'AAA999999': how a number is written, not which it is."""
    return re.sub(r"[^\W\d_]", "A", re.sub(r"\d", "9", text))


def _sheet_rows(sheet, shown) -> tuple[list[list[Any]], list[str], list[list[Any]]]:
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
        for c, (written, value) in enumerate(zip(row, values), start=1):
            if c in hidden_columns:
                out.append(None)
                continue
            if isinstance(written, str) and written.startswith("=") and value is None:
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
    return rows, uncached, formulas


MAX_COMPUTED = 2000  # formula cells computed per sheet; a sheet of more is read as it stands
MAX_CHAIN = 30  # formulas referring to formulas referring to...: deeper is not computed
MAX_LOOKUPS = 200_000  # cells read to compute one sheet's formulas (an order's need a few hundred)


def _compute(
    rows: list[list[Any]], formulas: list[list[Any]], uncached: list[str], size: tuple[int, int]
) -> list[tuple[str, Decimal]]:
    """The formulas Excel never computed (a workbook written by a program), computed from the
    sheet's cells where they are plain arithmetic (``formula.evaluate``): their values go into
    ``rows``; (cell, value) of each. Hidden cells count, as in Excel; another formula without a
    result is computed first; anything else leaves the cell empty and reported."""
    from openpyxl.utils import column_index_from_string

    if not uncached or len(uncached) > MAX_COMPUTED:
        return []
    done: dict[str, Any] = {}
    pending: set[str] = set()
    looked_up = [0]

    def value_of(ref: str) -> Any:
        looked_up[0] += 1
        if looked_up[0] > MAX_LOOKUPS:
            return formula.UNKNOWN  # a sheet of sums over sums: left to a person
        if ref in done:
            return done[ref]
        letters = ref.rstrip("0123456789")
        r, c = int(ref[len(letters) :]), column_index_from_string(letters)
        if r > len(formulas) or c > len(formulas[r - 1]):
            return None if r > size[0] or c > size[1] else formula.UNKNOWN  # empty, or beyond what is read
        raw = formulas[r - 1][c - 1]
        if isinstance(raw, str) and raw.startswith("="):
            if ref not in uncached_set:
                return _operand(rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else None)
            if ref in pending or len(pending) >= MAX_CHAIN:
                return formula.UNKNOWN
            pending.add(ref)
            value = formula.evaluate(raw, value_of)
            pending.discard(ref)
            done[ref] = formula.UNKNOWN if value is None else value
            return done[ref]
        return _operand(raw)

    uncached_set = set(uncached)
    out = []
    for ref in uncached:
        value = value_of(ref)
        if isinstance(value, Decimal):
            letters = ref.rstrip("0123456789")
            r, c = int(ref[len(letters) :]), column_index_from_string(letters)
            if r <= len(rows) and c <= len(rows[r - 1]) and rows[r - 1][c - 1] is None:
                rows[r - 1][c - 1] = _typed(_plain(value))
                out.append((ref, _plain(value)))
    return out


def _operand(value: Any) -> Any:
    """A cell as the arithmetic takes it: numbers as Decimal, booleans kept, dates unknown."""
    if isinstance(value, bool) or value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, (int, float)):
        return _typed(value)
    if isinstance(value, str):
        return value.strip() or None
    return formula.UNKNOWN


def _plain(value: Decimal) -> Decimal:
    """10.000 as 10.00 at most: a product of prices keeps the places money has."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) if value.as_tuple().exponent < 0 else value
    return value.normalize()


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
            doc.grids.append(_sheet_grid(rows, f"{name} sheet '{sheet.name}'", vocab))
    return doc
