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
    it. Hidden sheets, rows and columns — also a row or column drawn too thin to show a
    character — are skipped (they hold old prices and deleted lines), and
    so are visible sheets that keep other orders (an "Archive" sheet, a list of POs) beside the
    order's own. A cell Excel shows empty although it holds something — text coloured like its
    fill (white on white), or a number format with nothing to show (``;;;``) — is not read
    either: a forged order can put one PO number where the buyer sees it and another where only
    a program reads it. When such cells hold digits they are quoted in a warning
    (``INVISIBLE_NOTE``): the order goes to a person.

Bounded
    A sheet is streamed from the package in one pass (openpyxl's read-only parser, which gives
    each cell's saved result and its formula together) and the pass stops after ``MAX_ROWS``
    rows, with a warning: a 24 MB export of 390,000 rows costs the memory of 2,000 rows, not of
    a workbook of cell objects (1.7 GB), and seconds rather than minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from . import export, formula, languages, tables
from ..cleantext import one_line, visible
from .document import Document, Grid
from .normalize import find_currency, guess_decimal_comma
from .vocabulary import Vocabulary

MAX_ROWS = 2000
MAX_COLUMNS = 40
INVISIBLE_NOTE = "the workbook hides cells from its reader"
MAX_QUOTED = 120  # characters of invisible cells quoted in the warning
SAME_COLOUR = 24  # sum of channel differences under which text does not stand out from its fill


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
        book = _open(data)
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the workbook ({type(exc).__name__}: {exc})")
        return doc
    try:
        for sheet in book.sheets:
            if sheet.state == "visible":
                _read_sheet(doc, book, sheet, name, vocab)
    except Exception as exc:  # a sheet's XML broken past its first rows: the workbook as before
        doc.unreadable = True
        doc.grids.clear()
        doc.warnings.append(f"{name}: cannot open the workbook ({type(exc).__name__}: {exc})")
        return doc
    finally:
        book.archive.close()
    _drop_archives(doc, vocab)
    grouped_by_language(doc)
    return doc


_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_NUMBER_TEXT = re.compile(r"[-+]?\d[\d.,' ]*")  # a cell holding a number and nothing else
_LABEL_KEYS = ("labels", "columns", "rows", "documents")


def grouped_by_language(doc: Document) -> None:
    """Text cells "5.000", "1.200" read as thousands when the workbook's own words are those of a
    language that groups with dots and writes decimals with a comma (German "Menge", "Liefertermin").

    A workbook's numbers and dates are stored as values, so only its text cells show how the
    buyer writes numbers; an order without prices (a call-off) shows no decimal at all, and
    "5.000" then reads as five. The text cells' words decide: their language's decimal sign
    (CLDR). Nothing changes when the numbers typed as text show a decimal mark of their own (a
    "0.75" inside a description says nothing), or when the words are those of a language
    writing decimals with a dot, or of none."""
    found = [
        (grid, r, c)
        for grid in doc.grids
        for r, row in enumerate(grid.rows)
        for c, value in enumerate(row)
        if isinstance(value, str) and _GROUPED.fullmatch(value.strip())
    ]
    numbers = [
        value.strip()
        for grid in doc.grids
        for row in grid.rows
        for value in row
        if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip())
    ]
    if not found or guess_decimal_comma("\n".join(numbers)) is not None:
        return  # the numbers typed as text show their decimal mark ("0,75" or "0.75") themselves
    words = [
        value.strip(" :#").lower()
        for grid in doc.grids
        for row in grid.rows
        for value in row
        if isinstance(value, str) and not _GROUPED.fullmatch(value.strip())
    ]
    comma = dot = 0
    for word in words:
        signs = {_decimal_sign(tag) for tag in _word_languages().get(word, ())}
        comma += signs == {","}
        dot += signs == {"."}
    if comma < 3 or comma <= 2 * dot:
        return
    for grid, r, c in found:
        grid.rows[r][c] = Decimal(grid.rows[r][c].strip().replace(".", ""))
    doc.notes.append(
        f"{doc.name}: {len(found)} number(s) written like 5.000 read in thousands: "
        "the workbook's words are of a language that groups digits with dots"
    )


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, frozenset[str]]:
    """Label, column, row and title words → the languages whose files list them; a word of the
    bundled vocabulary no language file lists is English (read only when a workbook needs it)."""
    folder = resources.files("mailflow").joinpath("data")
    found: dict[str, set[str]] = {}

    def words_of(data: dict) -> set[str]:
        out: set[str] = set()
        for key in _LABEL_KEYS:
            section = data.get(key)
            for words in section.values() if isinstance(section, dict) else ():
                out.update(str(word).lower() for word in (words if isinstance(words, list) else ()))
        return out

    for entry in folder.joinpath("languages").iterdir():
        if entry.name.endswith(".yaml"):
            data = languages.parse(entry.read_text(encoding="utf-8"), entry.name)
            for word in words_of(data):
                found.setdefault(word, set()).add(str(data.get("language")))
    base = languages.parse(folder.joinpath("vocabulary.yaml").read_text(encoding="utf-8"), "vocabulary.yaml")
    for word in words_of(base):
        found.setdefault(word, {"en"})
    return {word: frozenset(tags) for word, tags in found.items()}


@lru_cache(maxsize=64)
def _decimal_sign(tag: str) -> str:
    try:
        return languages.number_symbols(tag)[0]
    except Exception:  # a tag CLDR does not know: no evidence
        return ""


@dataclass
class _Sheet:
    title: str
    state: str  # "visible", "hidden" or "veryHidden"
    path: str  # of its XML in the package


@dataclass
class _Book:
    archive: Any  # the package (a ZipFile), open while the sheets are read
    sheets: list[_Sheet]
    shared_strings: Any
    epoch: Any  # 1900 or 1904: what a date's serial number counts from
    date_formats: set[int]  # cell styles that make a number a date
    timedelta_formats: set[int]
    currency_formats: dict[int, str] = field(default_factory=dict)  # cell style → the currency its format shows
    # cell style → what it shows of a value nothing of ("number", "text" or both): ``_invisible_styles``
    invisible: dict[int, frozenset[str]] = field(default_factory=dict)


def _open(data: bytes) -> _Book:
    """A workbook's parts without its sheets' cells: openpyxl's own reading steps (content
    types, shared strings, workbook, styles), minus the worksheets. ``load_workbook`` would
    parse every sheet: even in read-only mode it reads a sheet through to its end when the
    sheet does not state its size up front (program-written exports do not), which takes
    minutes on an export of 390,000 rows."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            _Sheet(sheet.name, sheet.state or "visible", rel.target)
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
    except Exception:
        reader.archive.close()
        raise
    wb = reader.wb
    return _Book(
        reader.archive,
        sheets,
        reader.shared_strings,
        wb.epoch,
        wb._date_formats,
        wb._timedelta_formats,
        _currency_formats(wb),
        _invisible_styles(wb),
    )


# "[$€-407]", "[$USD-409]", "[$$-1009]": a currency and the locale showing it; or a sign or a
# code in quotes ('"CHF" #,##0.00'), or a sign as it stands ('#,##0.00 €')
_FORMAT_CURRENCY = re.compile(r"\[\$([^\]-]+)(?:-([0-9A-Fa-f]+))?\]|\"([^\"]{1,4})\"|([€£₹₩₺₽₪¥$])")
# The dollar's locale (a Windows LCID) says which dollar it is; a bare "$" does not
_DOLLAR_LOCALES = {"409": "USD", "1009": "CAD", "c09": "AUD", "1409": "NZD", "80a": "MXN", "1004": "SGD", "c04": "HKD"}
MAX_STYLES = 5000  # cell styles looked at; a workbook has a few dozen


def _currency_formats(wb: Any) -> dict[int, str]:
    """Cell style → the ISO code of the one currency its number format shows ("#,##0.00
    [$€-407]" → EUR, '"CHF" #,##0.00' → CHF, "[$$-409]" → USD); a format showing a sign that
    names no one currency for sure (a bare "$", "¥", "kr") is left out."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    out: dict[int, str] = {}
    customs = list(wb._number_formats)
    for index, style in enumerate(list(wb._cell_styles)[:MAX_STYLES]):
        number = style.numFmtId
        code = BUILTIN_FORMATS.get(number) if number < 164 else None
        if number >= 164 and number - 164 < len(customs):
            code = customs[number - 164]
        if not code or code == "General":
            continue
        found = {_format_currency(m) for m in _FORMAT_CURRENCY.finditer(code.split(";")[0])} - {None}
        if len(found) == 1:
            out[index] = str(found.pop())
    return out


def _invisible_styles(wb: Any) -> dict[int, frozenset[str]]:
    """Cell style → the kinds of value ("number", "text") a cell of that style shows nothing of:
    its font coloured like its fill (no fill: white), or a number format whose sections for
    that kind are empty (``;;;`` hides both; ``;;`` numbers only). Colours of the theme other
    than its plain white and black, and patterned fills, are taken as showing."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    out: dict[int, frozenset[str]] = {}
    customs = list(wb._number_formats)
    fonts, fills = list(wb._fonts), list(wb._fills)
    for index, style in enumerate(list(wb._cell_styles)[:MAX_STYLES]):
        kinds: set[str] = set()
        number = style.numFmtId
        code = BUILTIN_FORMATS.get(number) if number < 164 else None
        if number >= 164 and number - 164 < len(customs):
            code = customs[number - 164]
        sections = _sections(code or "")
        if len(sections) >= 3 and not any(s.strip() for s in sections[:3]):
            kinds.add("number")
        if len(sections) >= 4 and not sections[3].strip():
            kinds.add("text")
        font = fonts[style.fontId] if style.fontId < len(fonts) else None
        fill = fills[style.fillId] if style.fillId < len(fills) else None
        ink = _rgb(font.color if font is not None else None, BLACK)
        pattern = getattr(fill, "patternType", None)
        ground = WHITE if pattern in (None, "none") else _rgb(fill.fgColor, None) if pattern == "solid" else None
        if ink is not None and ground is not None and sum(abs(a - b) for a, b in zip(ink, ground)) < SAME_COLOUR:
            kinds.update(("number", "text"))
        if kinds:
            out[index] = frozenset(kinds)
    return out


WHITE, BLACK = (255, 255, 255), (0, 0, 0)


def _sections(code: str) -> list[str]:
    """A number format's sections (positive; negative; zero; text), quoted text kept whole."""
    sections, current, quoted, escaped = [], [], False, False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(char)
    return [*sections, "".join(current)]


def _rgb(colour: Any, default: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """An openpyxl colour as (r, g, b): ``default`` when none is set (a font: black); None when
    it cannot be told without the theme (a tint, a theme colour other than white and black)."""
    if colour is None:
        return default
    kind, value = getattr(colour, "type", None), getattr(colour, "value", None)
    if kind == "rgb" and isinstance(value, str):
        return _hex_rgb(value)
    if kind == "theme" and not getattr(colour, "tint", 0):
        return {0: WHITE, 1: BLACK}.get(value)  # the theme's "background 1" and "text 1"
    if kind == "indexed" and isinstance(value, int):
        from openpyxl.styles.colors import COLOR_INDEX  # openpyxl is loaded only for workbooks

        if value == 64:  # the system's text colour
            return default
        return _hex_rgb(COLOR_INDEX[value]) if 0 <= value < 64 else None
    if kind == "auto":
        return default
    return None


def _hex_rgb(value: str) -> tuple[int, int, int] | None:
    """``"FF00FF00"`` or ``"00FF00"`` (alpha first, which Excel ignores) as (r, g, b)."""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?", value):
        return None
    hex6 = value[-6:]
    return int(hex6[0:2], 16), int(hex6[2:4], 16), int(hex6[4:6], 16)


def _format_currency(match: re.Match) -> str | None:
    sign, locale, quoted, bare = match.groups()
    text = (sign or quoted or bare or "").strip()
    if text == "$":
        return _DOLLAR_LOCALES.get((locale or "").lower())
    found = find_currency(text)
    return found.value if found.value and not found.ambiguous else None


def _read_sheet(doc: Document, book: _Book, sheet: _Sheet, name: str, vocab: Vocabulary) -> None:
    read = _stream(book, sheet)
    if read.truncated:
        doc.warnings.append(
            f"{name} sheet '{sheet.title}': more than {MAX_ROWS} rows; only the first {MAX_ROWS} were read"
        )
    said = [text for text in (_cell_text(v) for v in read.invisible) if any(ch.isdigit() for ch in text)]
    if said:
        quoted = one_line(visible(" … ".join(dict.fromkeys(said))))
        quoted = quoted if len(quoted) <= MAX_QUOTED else quoted[: MAX_QUOTED - 1] + "…"
        doc.warnings.append(
            f"{INVISIBLE_NOTE} ({name} sheet '{sheet.title}': {len(read.invisible)} cell(s) written in the colour"
            f" of their fill or in a format that shows nothing) and they hold numbers: “{quoted}”; only what"
            " Excel shows was read — check the order against the workbook as shown"
        )
    rows, uncached, formulas = _sheet_rows(read)
    computed = _compute(rows, formulas, uncached, read.size)
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
        doc.grids.extend(sheet_grids(rows, f"{name} sheet '{sheet.title}'", vocab, doc.warnings))
        shown_currency(doc, rows, read.currencies, f"{name} sheet '{sheet.title}'")


def shown_currency(doc: Document, rows: list[list[Any]], currencies: dict[str, int], where: str) -> None:
    """The amounts' cells show their currency ("1.234,50 €") while their stored numbers do
    not: the one currency two or more number cells show (``currencies``: code → cells), and no
    cell another (amounts in a second currency beside the order's decide nothing), is said as a
    label and its value after the sheet, for the header reader; cells naming another currency
    hold the order for a person."""
    if len(currencies) != 1:
        return
    shown, count = next(iter(currencies.items()))
    if count < 2:
        return
    where = f"{where} number format of {count} cell(s)"
    doc.grids.append(Grid([["Currency", shown]], where))
    named = _named_currencies(rows) - {shown}
    if named:
        doc.warnings.append(
            f"{where} shows {shown}, but the sheet names {', '.join(sorted(named))}: which currency is the order in?"
        )


def sheet_grids(
    rows: list[list[Any]], where: str, vocab: Vocabulary, warnings: list[str], plain: Grid | None = None
) -> list[Grid]:
    """A sheet's grid; a sheet exported one row per order line (an ERP's or EDI translator's
    export saved as a workbook) under a header of known words (``export.canonical``), when the
    table reader finds no header of its own in it: titled in words it knows, the sheet is read
    as it stands (``plain`` when given: the sheet's grid with its row names). Lines laid across
    (``across``): the sheet without them, and their table."""
    as_it_stands = plain if plain is not None else Grid(rows, where)
    header = tables.find_header(rows, vocab)
    exported = export.reading(rows, where, vocab)
    if exported is not None:
        grid, roles = exported.grid, exported.roles
        misread = export.misread(header[1], roles) if header is not None else []
        if misread:
            # "Buyer Name" over the same company on every line, left of the line numbers: the
            # titles' words would misread a column the export's content gives to the order
            columns = ", ".join(_letter(c) for c in misread)
            grid.note += f"; its titles alone would read column(s) {columns} as the lines'"
        if header is None or misread:
            warnings.extend(exported.doubts)
            return [grid]
    if header is not None:
        return [as_it_stands]
    laid = across(rows, vocab)
    if laid is not None:
        rest, lines, (first, last, column) = laid
        cells = f"rows {first + 1}-{last + 1} from column {_letter(column)}"
        return [Grid(rest, where), Grid(lines, f"{where} lines laid across ({cells})")]
    return [as_it_stands]


MAX_ACROSS = 200  # line columns of a sheet laid across: an order has a few, a price list many


def across(
    rows: list[list[Any]], vocab: Vocabulary
) -> tuple[list[list[Any]], list[list[Any]], tuple[int, int, int]] | None:
    """A sheet whose lines are laid across: one column per line item, the attributes down the
    rows under a column of labels ("Item", "Description", "Quantity", "Unit price", "Amount"),
    as a quotation matrix or a product sheet is. Returns the rows without that block, the block
    turned (the labels its header row, each column a line), and (first row, last row, label
    column); None when no column of labels names a lines table's fields."""
    width = max((len(row) for row in rows), default=0)
    for column in range(min(width - 1, 6)):
        run: list[int] = []
        for index in range(len(rows) + 1):
            cell = rows[index][column] if index < len(rows) and column < len(rows[index]) else None
            if isinstance(cell, str) and cell.strip():
                run.append(index)
                continue
            found = _across_block(rows, run, column, vocab) if len(run) >= 3 else None
            if found is not None:
                return found
            run = []
    return None


def _across_block(
    rows: list[list[Any]], run: list[int], column: int, vocab: Vocabulary
) -> tuple[list[list[Any]], list[list[Any]], tuple[int, int, int]] | None:
    labels = [rows[index][column] for index in run]
    fields = tables.header_columns(labels, vocab)
    if fields is None or "quantity" not in fields.values():
        return None
    quantity_row = rows[run[next(i for i, name in fields.items() if name == "quantity")]]
    width = max(len(rows[index]) for index in run)
    line_columns = [
        c
        for c in range(column + 1, min(width, column + 1 + MAX_ACROSS))
        if c < len(quantity_row) and isinstance(quantity_row[c], Decimal)
    ]
    if not line_columns:
        return None
    label = quantity_row[column]
    if sum(row.count(label) for row in rows) > 1:
        return None  # the same labels again elsewhere on the sheet: cards, one item each (cards.py)
    lines = [list(labels)] + [[rows[index][c] if c < len(rows[index]) else None for index in run] for c in line_columns]
    rest = [
        [None if index in run and c >= column else value for c, value in enumerate(row)]
        for index, row in enumerate(rows)
    ]
    return rest, lines, (run[0], run[-1], column)


def _letter(column: int) -> str:
    out = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        out = chr(65 + remainder) + out
    return out


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


@dataclass
class _Read:
    """What one pass over a sheet's XML gives: the saved results and the formulas of its first
    ``MAX_ROWS`` rows (cells of columns past ``MAX_COLUMNS`` left out), the hidden rows and
    columns, the merged ranges, and how far the sheet reaches."""

    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min col, min row, max col, max row
    currencies: dict[str, int] = field(default_factory=dict)  # the currency number cells show, and how many
    invisible: list[Any] = field(default_factory=list)  # values of cells Excel shows empty (not read)
    height: int = 0  # the last row with a cell, of those read
    width: int = 0  # the last column with a cell, of those read (also past MAX_COLUMNS)
    truncated: bool = False

    @property
    def size(self) -> tuple[int, int]:
        """(rows, columns) of the sheet as far as it is known: past a cut, every row may hold cells."""
        return (sys.maxsize if self.truncated else self.height), self.width


def _stream(book: _Book, sheet: _Sheet) -> _Read:
    """One pass over a sheet's XML with openpyxl's own streaming parser (read-only mode), which
    gives a cell's saved result and, from the same element, its formula: openpyxl's reading
    modes give one or the other, and two full loads of a large workbook cost twice its time and
    the memory of every cell. The pass stops after ``MAX_ROWS`` rows."""
    from openpyxl.utils import range_boundaries

    read = _Read()
    with book.archive.open(sheet.path) as source:
        parser = _parser(source, book)
        for index, cells in parser.parse():
            if index > MAX_ROWS:
                read.truncated = True
                break
            for cell in cells:
                row, column = cell["row"], cell["column"]
                read.height, read.width = max(read.height, row), max(read.width, column)
                if column > MAX_COLUMNS:
                    continue
                if cell["value"] is not None and _unseen(book, cell):
                    if len(read.invisible) < MAX_INVISIBLE:
                        read.invisible.append(cell["value"])
                    continue
                if cell["value"] is not None:
                    read.values[row, column] = cell["value"]
                    shown = book.currency_formats.get(cell["style_id"] or 0)
                    if shown and isinstance(cell["value"], (int, float)):
                        read.currencies[shown] = read.currencies.get(shown, 0) + 1
                if isinstance(cell.get("formula"), str):
                    read.formulas[row, column] = cell["formula"]
        if read.truncated:
            refs = _merge_refs(book, sheet)  # after the cells in the XML: found by a scan, not parsed
        else:
            refs = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    for ref in refs[:MAX_MERGED]:
        try:
            bounds = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if all(bounds) and bounds[1] <= MAX_ROWS:
            read.merged.append(bounds)
    read.hidden_rows = {
        int(r)
        for r, attrs in parser.row_dimensions.items()
        if (_true(attrs.get("hidden")) or _below(attrs.get("ht"), MIN_ROW_POINTS)) and int(r) <= MAX_ROWS
    }
    for attrs in parser.column_dimensions.values():
        if _true(attrs.get("hidden")) or (_true(attrs.get("customWidth")) and _below(attrs.get("width"), MIN_WIDTH)):
            low = int(attrs.get("min") or 1)
            read.hidden_columns.update(range(low, min(int(attrs.get("max") or low), MAX_COLUMNS) + 1))
    return read


MAX_INVISIBLE = 200  # invisible values kept of one sheet, for the warning


def _unseen(book: _Book, cell: dict[str, Any]) -> bool:
    """Whether Excel shows the cell empty although it holds a value (``_invisible_styles``)."""
    kinds = book.invisible.get(cell["style_id"] or 0) if book.invisible else None
    if not kinds:
        return False
    value = cell["value"]
    return ("text" if isinstance(value, str) else "number") in kinds and (
        not isinstance(value, str) or bool(value.strip())
    )


def _cell_text(value: Any) -> str:
    return " ".join(str(value).split())


def _named_currencies(rows: list[list[Any]]) -> set[str]:
    """The currencies the sheet's cells name on their own ("USD", "€", "CHF")."""
    out = set()
    for row in rows:
        for cell in row:
            if isinstance(cell, str) and 0 < len(cell.strip()) <= 4:
                found = find_currency(cell.strip())
                if found.value and not found.ambiguous and re.fullmatch(r"[A-Z]{3}|[^\w\s]{1,2}", cell.strip()):
                    out.add(found.value)
    return out


def _true(flag: Any) -> bool:
    return str(flag).lower() in ("1", "true")


# A row or column drawn too thin to show a character is hidden, whatever its "hidden" flag says
MIN_ROW_POINTS = 2.0  # row height, in points (a row of text is 12 to 15)
MIN_WIDTH = 0.5  # column width, in characters (a column is 8 to 9 by default)


def _below(size: Any, least: float) -> bool:
    try:
        return size is not None and float(size) < least
    except (TypeError, ValueError):
        return False


MAX_MERGED = 10_000  # merged ranges taken from one sheet; a form has a few dozen
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"')


def _merge_refs(book: _Book, sheet: _Sheet) -> list[str]:
    """The merged ranges of a sheet whose rows were not all parsed: the ``mergeCells`` element
    follows the cells, so the sheet's XML is scanned for it in chunks, in bounded memory (a
    chunk without the word is passed over at the speed of a byte search)."""
    refs: list[str] = []
    tail = b""
    with book.archive.open(sheet.path) as source:
        while chunk := source.read(1 << 22):
            data = tail + chunk
            cut = data.rfind(b"<")  # a tag cut by the chunk's end is matched with the next chunk
            if b"mergeCell" in data:
                refs.extend(m.group(1).decode("ascii") for m in _MERGE_REF.finditer(data, 0, cut))
            tail = data[cut:] if cut >= 0 else b""
            if len(refs) > MAX_MERGED:
                break
    refs.extend(m.group(1).decode("ascii") for m in _MERGE_REF.finditer(tail))
    return refs


def _sheet_rows(read: _Read) -> tuple[list[list[Any]], list[str], list[list[Any]]]:
    """Typed values of a sheet; hidden rows and columns blanked (old prices, deleted lines)."""
    from openpyxl.utils import get_column_letter

    height, width = min(read.height, MAX_ROWS), min(read.width, MAX_COLUMNS)
    formulas: list[list[Any]] = [[None] * width for _ in range(height)]
    for (r, c), text in read.formulas.items():
        formulas[r - 1][c - 1] = text
    rows: list[list[Any]] = []
    uncached: list[str] = []
    for r in range(1, height + 1):
        if r in read.hidden_rows:
            rows.append([None] * width)
            continue
        out = []
        for c in range(1, width + 1):
            value = read.values.get((r, c))
            if c in read.hidden_columns:
                out.append(None)
                continue
            if (r, c) in read.formulas and value is None:
                uncached.append(f"{get_column_letter(c)}{r}")
            out.append(_typed(value))
        rows.append(out)
    for min_col, min_row, _max_col, max_row in read.merged:
        if max_row == min_row or min_row > len(rows):
            continue
        top = rows[min_row - 1][min_col - 1] if min_col - 1 < width else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            if min_col - 1 < width:
                rows[r - 1][min_col - 1] = top
    # A formula cell's text where the formula is; its saved result (or nothing) elsewhere, as
    # ``_compute`` reads them: a cell without a formula is taken as it stands.
    for (r, c), value in read.values.items():
        if r <= height and formulas[r - 1][c - 1] is None:
            formulas[r - 1][c - 1] = value
    return rows, uncached, formulas


def _parser(source: Any, book: _Book) -> Any:
    """openpyxl's streaming sheet parser in its saved-results mode, made to keep each cell's
    formula (``"=SUM(F2:F9)"``; a shared formula translated to the cell) beside its result."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    parser = WorkSheetParser(
        source,
        book.shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book.date_formats,
        timedelta_formats=book.timedelta_formats,
    )
    saved_result = parser.parse_cell

    def parse_cell(element: Any) -> dict[str, Any]:
        cell = saved_result(element)
        if element.find(FORMULA_TAG) is not None:
            cell["formula"] = parser.parse_formula(element)
        return cell

    parser.parse_cell = parse_cell
    return parser


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
            doc.grids.extend(sheet_grids(rows, f"{name} sheet '{sheet.name}'", vocab, doc.warnings))
    grouped_by_language(doc)
    return doc
