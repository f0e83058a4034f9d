"""OpenDocument → ``Document``: .ods/.fods as one grid per sheet, .odt/.fodt as paragraphs and tables.

Customers on LibreOffice send orders as OpenDocument: a zip whose ``content.xml`` holds the
sheets or the text (or the same XML as one flat file, .fods/.fodt). The readers give the same
layout model as the Excel and Word readers, so everything after them is shared.

Contract
    ``read_ods(data, name, vocab)`` / ``read_odt(data, name, vocab)`` never raise for a bad file
    (not a zip, no ``content.xml``, malformed XML, a DTD): the document comes back ``unreadable``
    with a warning.

    Sheets, as ``xlsx.read_xlsx`` gives them: numbers as ``Decimal`` from the cell's stored value
    (``office:value``, so a cell shown as "1.234,50" is 1234.5 whatever the locale), dates as
    ``date``; a cell spanning rows (``number-rows-spanned``) is repeated into every row it covers,
    one spanning columns stays in its first column; hidden sheets (``table:display="false"``)
    are skipped, hidden or filtered rows and columns blanked.

    Text, as ``docx.read`` gives it: paragraphs (headings, list items, text in frames and text
    boxes) as lines, tables (nested ones each as a grid of their own) as grids of text. Tracked
    changes read as accepted: the deleted text ODF keeps in ``text:tracked-changes`` is not read.

    Text nobody sees is not read, in sheets and text alike (a forged order can show one PO number
    or quantity and hide another): text a style hides (``text:display="none"``), of 1 point or
    less, or white with nothing behind it but the page (no background on the text, its paragraph
    or its cell). The styles are those of the span, the paragraph and the cell, each with the
    styles it inherits (``style:parent-style-name``) and the family's default style, from
    ``styles.xml`` and the document's own; the nearest setting wins (``_Looks``). A sheet cell
    whose own style hides its text is blank, its stored number too.

Bounded whatever the file says: the XML is streamed (SAX, through defusedxml: no DTD, no
entities), repeat counts (``number-rows-repeated="1048576"``) are honoured up to ``MAX_ROWS`` ×
``MAX_COLUMNS`` without building the repeats, and the text kept is capped; the zip itself is
measured beforehand like every zip (``inflate.check``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

from .document import Document, Grid, split_text_line
from .vocabulary import Vocabulary
from .docx import one_line_per_merge
from .wordbody import whitish
from .xlsx import grouped_by_language, sheet_grids, shown_currency

MAX_ROWS = 2000  # as the Excel reader
MAX_COLUMNS = 40
MAX_CELL_CHARS = 4000  # a cell or paragraph longer than a page of text is cut there
MAX_TEXT_CHARS = 2_000_000  # all the text kept from one file
MAX_LINES = 20_000  # paragraphs kept from one text document
MAX_GRIDS = 500  # tables kept from one text document
MAX_DEPTH = 32  # paragraphs in frames in cells in tables...: deeper is skipped, not an order
CHUNK = 1 << 16

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

# Text that is not the document as it reads: deleted text kept for tracked changes, comments,
# footnotes, list numbers (Word's numbering is not read either), alt text of pictures.
_SKIPPED = {
    (TEXT, "tracked-changes"),
    (OFFICE, "annotation"),
    (OFFICE, "annotation-end"),
    (TEXT, "note"),
    (TEXT, "number"),
    (TEXT, "placeholder"),  # a template's "<enter the PO number>": a field nobody filled, no value
    (DRAW, "image"),
    ("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "title"),
    ("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "desc"),
    (OFFICE, "forms"),
    (TABLE, "shapes"),  # drawings over a sheet
    (STYLE, "footer"),  # a flat file's page footers: page numbers, bank details, registrations
    (STYLE, "footer-first"),
    (STYLE, "footer-left"),
    (STYLE, "header-left"),  # the even pages' copy of the header
}
_PARAGRAPHS = {(TEXT, "p"), (TEXT, "h")}
_CELLS = {(TABLE, "table-cell"), (TABLE, "covered-table-cell")}
_COUNT = re.compile(r"\d{1,9}")
_NUMBER = re.compile(r"[-+]?(?:\d{1,40}(?:\.\d{0,40})?|\.\d{1,40})(?:[eE][-+]?\d{1,3})?")


FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_LOOKED: dict[tuple[str | None, str], str] = {
    (TEXT, "p"): "paragraph",
    (TEXT, "h"): "paragraph",
    (TEXT, "span"): "text",
}
_LOOKED.update({(TABLE, "table-cell"): "table-cell", (TABLE, "covered-table-cell"): "table-cell"})
_MAX_STYLES = 20_000  # styles kept from one file: a real document has hundreds
_MAX_PARENTS = 16  # a chain of inherited styles followed this deep (a loop ends it)


class _Looks:
    """What a document's styles say of whether text shows: per style (family, name) its own
    settings and its parent, and the family's default style; ``of(family, name)`` resolves the
    inheritance. A setting is (hidden, size in points, colour, a background behind the text),
    each None where the style says nothing."""

    def __init__(self) -> None:
        self.own: dict[tuple[str, str | None], tuple[str | None, list]] = {}
        self._resolved: dict[tuple[str, str | None], tuple] = {}
        self._open: tuple[str, str | None] | None = None  # the style being read

    def start(self, name: tuple[str | None, str], attrs: Any) -> None:
        if name == (STYLE, "style") or name == (STYLE, "default-style"):
            family = attrs.get((STYLE, "family")) or ""
            style = attrs.get((STYLE, "name")) if name[1] == "style" else None
            if family in ("text", "paragraph", "table-cell") and len(self.own) < _MAX_STYLES:
                self._open = (family, style)
                self.own[self._open] = (attrs.get((STYLE, "parent-style-name")), [None, None, None, None])
                self._resolved.clear()
        elif self._open is not None and name[0] == STYLE and name[1].endswith("-properties"):
            settings = self.own[self._open][1]
            if name[1] == "text-properties":
                display = attrs.get((TEXT, "display"))
                if display is not None:
                    settings[0] = display == "none"
                size = _points(attrs.get((FO, "font-size")))
                if size is not None:
                    settings[1] = size
                colour = attrs.get((FO, "color"))
                if colour:
                    settings[2] = colour
            background = attrs.get((FO, "background-color"))
            if background:
                settings[3] = not (background == "transparent" or whitish(background))

    def end(self, name: tuple[str | None, str]) -> None:
        if name == (STYLE, "style") or name == (STYLE, "default-style"):
            self._open = None

    def of(self, family: str, style: str | None) -> tuple:
        """The settings of ``style`` of ``family`` with those it inherits beneath them (not the
        family's default: that counts once, under every level, in ``unseen``)."""
        key = (family, style)
        if key in self._resolved:
            return self._resolved[key]
        settings: list = [None, None, None, None]
        seen: set[str] = set()
        current = style
        while current and (family, current) in self.own and current not in seen and len(seen) < _MAX_PARENTS:
            seen.add(current)
            parent, own = self.own[(family, current)]
            settings = [mine if mine is not None else theirs for mine, theirs in zip(settings, own)]
            current = parent
        self._resolved[key] = found = tuple(settings)
        return found

    def unseen(self, levels: list[tuple]) -> bool:
        """Whether text under ``levels`` (innermost last: cell, paragraph, spans) shows to nobody."""
        hidden = size = colour = None
        ground = False
        for level in (*reversed(levels), self.of("paragraph", None), self.of("table-cell", None)):
            hidden = level[0] if hidden is None else hidden
            size = level[1] if size is None else size
            colour = level[2] if colour is None else colour
            ground = ground or bool(level[3])
        if hidden:
            return True
        if size is not None and size <= 1:
            return True
        return colour is not None and whitish(colour) and not ground


def _points(value: str | None) -> float | None:
    """A font size in points ("1pt", "0.5pt", "0.04cm"), or None (a percentage, or not a size)."""
    found = re.fullmatch(r"\s*(\d{1,4}(?:\.\d{1,4})?)\s*(pt|cm|mm|in|px)\s*", value or "")
    if found is None:
        return None
    per = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "px": 0.75}[found.group(2)]
    return float(found.group(1)) * per


class _Bounded(Exception):
    """The document's text budget is spent: stop reading, keep what was read."""


def read_ods(data: bytes, name: str, vocab: Vocabulary) -> Document:
    """A spreadsheet: one grid per visible sheet."""
    looks = _Looks()
    if _is_zip(data):  # the named styles first (a flat .fods has them before its sheets)
        _parse(data, name, _PageHeaders(name, looks), "spreadsheet", member="styles.xml")
    handler = _Sheets(name, looks)
    doc = _parse(data, name, handler, "spreadsheet")
    if not doc.unreadable:
        for grid in handler.grids:
            doc.grids.extend(sheet_grids(grid.rows, grid.where, vocab, doc.warnings, grid))
            shown_currency(doc, grid.rows, handler.currencies.get(grid.where, {}), grid.where)
        doc.warnings.extend(handler.warnings)
        grouped_by_language(doc)  # "5.000" typed as text beside date cells: the words' language decides
    return doc


def read_odt(data: bytes, name: str, vocab: Vocabulary) -> Document:
    """A text document: its page headers' and its paragraphs as lines, its tables as grids."""
    looks = _Looks()
    headers = None
    if _is_zip(data):  # a flat .fodt holds its styles and page headers in the one file
        headers = _PageHeaders(f"{name} page header", looks)  # and the named styles, read first
        if _parse(data, name, headers, "text document", member="styles.xml").unreadable:
            headers = None
    handler = _Text(name, looks)
    doc = _parse(data, name, handler, "text document")
    if doc.unreadable:
        return doc
    if headers is not None:
        _add_text(doc, headers, vocab)
    _add_text(doc, handler, vocab)
    return doc


def _add_text(doc: Document, handler: _Text, vocab: Vocabulary) -> None:
    for index, text in handler.paragraphs:
        for part in text.split("\n"):
            if part.strip():
                doc.lines.append(split_text_line(part, f"{handler.name} paragraph {index}"))
    for slot, grid in enumerate(handler.slots):
        if grid is not None:  # a line over two rows, its numbers spanning both: read once (as in Word)
            grid.rows = one_line_per_merge(grid.rows, handler.continued.get(slot, set()), vocab)
            doc.grids.append(grid)
    doc.warnings.extend(handler.warnings)


def _is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06"


def _parse(data: bytes, name: str, handler: _Handler, what: str, member: str = "content.xml") -> Document:
    """Stream the document's ``content.xml`` (or ``member``, or the flat file) through ``handler``."""
    doc = Document(name)
    parser = make_parser()
    parser.forbid_dtd = True  # an OpenDocument has none: a DTD is an attack
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        if _is_zip(data):
            with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    parser.feed(chunk)
        else:
            for start in range(0, len(data), CHUNK):
                parser.feed(data[start : start + CHUNK])
        parser.close()
    except _Bounded:
        handler.warnings.append(f"{name}: more text than an order holds; the rest was not read")
    except (zipfile.BadZipFile, KeyError, SAXException, DefusedXmlException, ValueError, OSError, EOFError) as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the OpenDocument {what} ({type(exc).__name__}: {exc})")
    return doc


class _Handler(ContentHandler):
    """What the spreadsheet and text readers share: skipped parts, the text of paragraphs
    (``text:s`` spaces, tabs, line breaks), the grids of tables, and the bounds."""

    def __init__(self, name: str, looks: _Looks | None = None) -> None:
        super().__init__()
        self.name = name
        self.looks = looks if looks is not None else _Looks()  # the styles read so far (styles.xml first)
        self.levels: list[tuple] = []  # the styles of the open cells, paragraphs and spans, innermost last
        self.grids: list[Grid] = []
        self.warnings: list[str] = []
        self.skipping = 0  # depth inside a skipped element
        self.chars = 0  # text kept so far
        self.text: list[list[str]] = []  # the open paragraphs, innermost last
        self.sizes: list[int] = []  # their lengths so far

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        if self.skipping or name in _SKIPPED or self.too_deep(name):
            self.skipping += 1
            return
        self.looks.start(name, attrs)
        family = _LOOKED.get(name)
        if family is not None:
            self.levels.append(self.looks.of(family, self.style_of(name, attrs)))
        if name in _PARAGRAPHS:
            self.text.append([])
            self.sizes.append(0)
        elif self.text and name[0] == TEXT:
            if name[1] == "s":
                self._add(" " * min(_count(attrs.get((TEXT, "c"))), 100))
            elif name[1] == "tab":
                self._add("\t")
            elif name[1] == "line-break":
                self._add("\n")
        self.start(name, attrs)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        self.looks.end(name)
        if name in _PARAGRAPHS and self.text:
            self.sizes.pop()
            self.paragraph("".join(self.text.pop()))
        self.end(name)
        if name in _LOOKED and self.levels:
            self.levels.pop()

    def characters(self, content: str) -> None:
        if not self.skipping and self.text and not self.looks.unseen(self.levels):
            self._add(content)

    def style_of(self, name: tuple[str | None, str], attrs: Any) -> str | None:
        """The style an element names: a paragraph's or span's text style, a cell's style."""
        return attrs.get((TABLE, "style-name")) if name[0] == TABLE else attrs.get((TEXT, "style-name"))

    def _add(self, content: str) -> None:
        """Text into the innermost open paragraph, up to ``MAX_CELL_CHARS`` of it."""
        room = MAX_CELL_CHARS - self.sizes[-1]
        if room <= 0 or not content:
            return
        content = content[:room]
        self.sizes[-1] += len(content)
        self.chars += len(content)
        if self.chars > MAX_TEXT_CHARS:
            raise _Bounded()
        self.text[-1].append(content)

    def too_deep(self, name: tuple[str | None, str]) -> bool:
        """Nested further than an order is: skipped, so that nesting costs no memory."""
        return name in _PARAGRAPHS and len(self.text) >= MAX_DEPTH

    # what the two readers add
    def start(self, qname: tuple[str | None, str], attrs: Any) -> None: ...

    def end(self, qname: tuple[str | None, str]) -> None: ...

    def paragraph(self, text: str) -> None: ...


class _Table:
    """The rows of one table as they are read: repeats honoured up to the bounds without
    being built, cells spanning rows repeated down, hidden rows and columns blank."""

    def __init__(self, where: str, hidden_columns: set[int] | None = None) -> None:
        self.where = where
        self.rows: list[list[Any]] = []
        self.blank = 0  # empty rows not yet added: a sheet's tail of a million empty rows is never built
        self.truncated = False
        self.hidden_columns = hidden_columns if hidden_columns is not None else set()
        self.columns = 0  # table:table-column elements read (for hidden columns)
        self.column_styles: dict[int, str] = {}  # column → its cells' style where a cell names none
        self.down: dict[int, tuple[Any, int]] = {}  # column → (value, last row) of a cell spanning rows
        self.continued: set[tuple[int, int]] = set()  # (row, column) of the repeats of a spanning cell
        self.row: list[Any] | None = None
        self.row_repeat = 1
        self.row_hidden = False
        self.slot = 0  # its place among a text document's tables

    @property
    def index(self) -> int:
        """The row being read, counted over every row of the table (blank and repeated too)."""
        return len(self.rows) + self.blank

    def column(self, attrs: Any) -> None:
        repeat = _count(attrs.get((TABLE, "number-columns-repeated")))
        if attrs.get((TABLE, "visibility"), "visible") != "visible":
            self.hidden_columns.update(range(self.columns, min(self.columns + repeat, MAX_COLUMNS)))
        style = attrs.get((TABLE, "default-cell-style-name"))
        if style:
            self.column_styles.update(
                dict.fromkeys(range(self.columns, min(self.columns + repeat, MAX_COLUMNS)), style)
            )
        self.columns = min(self.columns + repeat, MAX_COLUMNS)

    def start_row(self, attrs: Any) -> None:
        self.row = []
        self.row_repeat = _count(attrs.get((TABLE, "number-rows-repeated")))
        self.row_hidden = attrs.get((TABLE, "visibility"), "visible") != "visible"

    def cell(self, attrs: Any, covered: bool, value: Any) -> None:
        if self.row is None:
            return
        repeat = _count(attrs.get((TABLE, "number-columns-repeated")))
        for _ in range(min(repeat, MAX_COLUMNS - len(self.row))):
            column = len(self.row)
            shown = value
            if covered:  # under a merged cell: its value where it spans rows, in its first column
                above = self.down.get(column)
                shown = above[0] if above is not None and self.index <= above[1] else None
                if shown is not None:
                    self.continued.add((self.index, column))
            if column in self.hidden_columns:
                shown = None
            self.row.append(shown)
        spanned = _count(attrs.get((TABLE, "number-rows-spanned")))
        if not covered and spanned > 1 and len(self.row) <= MAX_COLUMNS and self.row:
            self.down[len(self.row) - min(repeat, len(self.row))] = (value, self.index + spanned - 1)

    def end_row(self) -> None:
        row, self.row = self.row, None
        if row is None:
            return
        if self.row_hidden:
            row = []
        while row and row[-1] is None:
            row.pop()
        if not row:
            self.blank += self.row_repeat
            return
        room = MAX_ROWS - len(self.rows)
        add_blank = min(self.blank, room)
        self.rows.extend([] for _ in range(add_blank))
        self.blank = 0
        room -= add_blank
        copies = min(self.row_repeat, room)
        self.rows.extend(list(row) for _ in range(copies))
        if copies < self.row_repeat:
            self.truncated = True
            self.blank = 0

    def grid(self) -> Grid | None:
        if not any(self.rows):
            return None
        width = max(len(row) for row in self.rows)
        return Grid([row + [None] * (width - len(row)) for row in self.rows], self.where)


class _Sheets(_Handler):
    """``office:spreadsheet``: one ``_Table`` per sheet; hidden sheets' styles noted first
    (automatic styles come before the body)."""

    def __init__(self, name: str, looks: _Looks | None = None) -> None:
        super().__init__(name, looks)
        self.hidden_styles: set[str] = set()
        self.style: str | None = None  # the table style being read
        self.sheet: _Table | None = None
        self.sheet_hidden = False
        self.depth = 0  # tables inside a sheet's cell (a text box's table) are not sheets
        self.cell_attrs: Any = None
        self.cell_covered = False
        self.cell_text: list[str] = []
        self.currencies: dict[str, dict[str, int]] = {}  # per sheet: the currency its cells show → cells

    def style_of(self, name: tuple[str | None, str], attrs: Any) -> str | None:
        """A cell naming no style wears its column's default cell style."""
        own = super().style_of(name, attrs)
        if own or name not in _CELLS or self.sheet is None or self.depth != 1 or self.sheet.row is None:
            return own
        return self.sheet.column_styles.get(len(self.sheet.row))

    def start(self, qname: tuple[str | None, str], attrs: Any) -> None:
        if qname == (STYLE, "style"):
            self.style = attrs.get((STYLE, "name")) if attrs.get((STYLE, "family")) == "table" else None
        elif qname == (STYLE, "table-properties") and self.style is not None:
            if attrs.get((TABLE, "display")) == "false" and len(self.hidden_styles) < 10_000:
                self.hidden_styles.add(self.style)
        elif qname == (TABLE, "table"):
            self.depth += 1
            if self.depth == 1:
                title = (attrs.get((TABLE, "name")) or f"Sheet{len(self.grids) + 1}")[:100]
                self.sheet = _Table(f"{self.name} sheet '{title}'")
                self.sheet_hidden = (
                    attrs.get((TABLE, "style-name")) in self.hidden_styles or attrs.get((TABLE, "display")) == "false"
                )
        elif self.depth != 1 or self.sheet is None:
            return
        elif qname == (TABLE, "table-column"):
            self.sheet.column(attrs)
        elif qname == (TABLE, "table-row"):
            self.sheet.start_row(attrs)
        elif qname in _CELLS:
            self.cell_attrs, self.cell_covered = attrs.copy(), qname[1] == "covered-table-cell"
            self.cell_text = []

    def end(self, qname: tuple[str | None, str]) -> None:
        if qname == (STYLE, "style"):
            self.style = None
        elif qname == (TABLE, "table"):
            self.depth -= 1
            if self.depth == 0 and self.sheet is not None:
                self._finish(self.sheet)
                self.sheet = None
        elif self.depth != 1 or self.sheet is None:
            return
        elif qname == (TABLE, "table-row"):
            self.sheet.end_row()
        elif qname in _CELLS and self.cell_attrs is not None:
            text = "\n".join(self.cell_text).strip()
            # a cell its style hides (white on no fill, hidden, 1 point) is blank, its number too
            value = None if self.looks.unseen(self.levels[-1:]) else _typed(self.cell_attrs, text)
            self.sheet.cell(self.cell_attrs, self.cell_covered, value)
            shown = _shown(self.cell_attrs)
            if shown:
                counts = self.currencies.setdefault(self.sheet.where, {})
                counts[shown] = counts.get(shown, 0) + 1
            self.cell_attrs = None

    def paragraph(self, text: str) -> None:
        if self.cell_attrs is not None and self.depth == 1:
            self.cell_text.append(text)

    def _finish(self, sheet: _Table) -> None:
        if self.sheet_hidden:
            return  # like a hidden Excel sheet: an archive of old orders, not this one
        if sheet.truncated:
            self.warnings.append(f"{sheet.where}: more than {MAX_ROWS} rows; the rest was not read")
        grid = sheet.grid()
        if grid is not None:
            self.grids.append(grid)


class _Text(_Handler):
    """``office:text``: paragraphs (wherever they are: lists, sections, frames, text boxes)
    and tables, a cell's paragraphs joined as its text, nested tables each a grid."""

    def __init__(self, name: str, looks: _Looks | None = None) -> None:
        super().__init__(name, looks)
        self.paragraphs: list[tuple[int, str]] = []
        self.tables: list[_Table] = []  # the open tables, innermost last
        self.slots: list[Grid | None] = []  # every table in document order: outer before nested
        self.continued: dict[int, set[tuple[int, int]]] = {}  # per slot: the repeats of spanning cells
        self.cells: list[list[str] | None] = []  # per open table: the paragraphs of its open cell
        self.boxes: list[int] = []  # open text boxes: how many tables were open when each began
        self.numbered = 0  # tables begun, for their names
        self.cell_attrs: list[Any] = []
        # per open paragraph: its place among the lines, taken when it begins (so that a text
        # box's paragraphs follow the one anchoring it, as in Word), or None: in a cell, or past the bound
        self.places: list[int | None] = []

    def too_deep(self, name: tuple[str | None, str]) -> bool:
        if name == (TABLE, "table") and len(self.tables) >= MAX_DEPTH:
            return True
        return super().too_deep(name)

    def _in_cell(self) -> bool:
        """A paragraph belongs to the innermost open cell, unless a text box opened after it."""
        opened = len(self.tables)
        return bool(opened) and self.cells[-1] is not None and not (self.boxes and self.boxes[-1] >= opened)

    def start(self, qname: tuple[str | None, str], attrs: Any) -> None:
        if qname in _PARAGRAPHS:
            place = None if self._in_cell() or len(self.paragraphs) >= MAX_LINES else len(self.paragraphs)
            if place is not None:
                self.paragraphs.append((place + 1, ""))
            self.places.append(place)
        elif qname == (DRAW, "text-box"):
            self.boxes.append(len(self.tables))
        elif qname == (TABLE, "table"):
            self.numbered += 1
            table = _Table(f"{self.name} table {self.numbered}")
            table.slot = len(self.slots)
            if len(self.slots) < MAX_GRIDS:
                self.slots.append(None)
            self.tables.append(table)
            self.cells.append(None)
            self.cell_attrs.append(None)
        elif not self.tables:
            return
        elif qname == (TABLE, "table-column"):
            self.tables[-1].column(attrs)
        elif qname == (TABLE, "table-row"):
            self.tables[-1].start_row(attrs)
        elif qname in _CELLS:
            self.cells[-1] = []
            self.cell_attrs[-1] = (attrs.copy(), qname[1] == "covered-table-cell")

    def end(self, qname: tuple[str | None, str]) -> None:
        if qname == (DRAW, "text-box") and self.boxes:
            self.boxes.pop()
        elif qname == (TABLE, "table") and self.tables:
            table = self.tables.pop()
            self.cells.pop()
            self.cell_attrs.pop()
            if table.slot < len(self.slots):
                self.slots[table.slot] = table.grid()
                self.continued[table.slot] = table.continued
        elif not self.tables:
            return
        elif qname == (TABLE, "table-row"):
            self.tables[-1].end_row()
        elif qname in _CELLS and self.cell_attrs[-1] is not None:
            attrs, covered = self.cell_attrs[-1]
            text = "\n".join(self.cells[-1] or []).strip()
            self.tables[-1].cell(attrs, covered, None if covered else text or None)
            self.cells[-1], self.cell_attrs[-1] = None, None

    def paragraph(self, text: str) -> None:
        place = self.places.pop() if self.places else None
        if place is not None:
            self.paragraphs[place] = (place + 1, text)
        elif self._in_cell():
            cell = self.cells[-1]
            assert cell is not None
            cell.append(text)


_HEADERS = {(STYLE, "header"), (STYLE, "header-first")}  # not the even pages' copy, not footers


class _PageHeaders(_Text):
    """The page headers of ``styles.xml`` (order templates put the PO number and dates there,
    as in Word): read like body text; everything else in the styles is not text of the order.
    Footers are not read: page numbers, bank details and registrations."""

    def __init__(self, name: str, looks: _Looks | None = None) -> None:
        super().__init__(name, looks)
        self.inside = 0

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        if name in _HEADERS:
            self.inside += 1
        elif self.inside:
            super().startElementNS(name, qname, attrs)
        else:
            self.looks.start(name, attrs)  # the styles the body wears are here too

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if name in _HEADERS:
            self.inside -= 1
        elif self.inside:
            super().endElementNS(name, qname)
        else:
            self.looks.end(name)

    def characters(self, content: str) -> None:
        if self.inside:
            super().characters(content)


def _count(value: str | None) -> int:
    """A repeat or span count: a positive number, 1 when absent or malformed."""
    if value and _COUNT.fullmatch(value):
        return max(1, int(value))
    return 1


def _shown(attrs: Any) -> str | None:
    """The ISO code of a currency cell ("office:currency", which Calc writes from the cell's
    number format), or None."""
    code = attrs.get((OFFICE, "currency")) if attrs.get((OFFICE, "value-type")) == "currency" else None
    return code.upper() if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{3}", code) else None


def _typed(attrs: Any, text: str) -> Any:
    """A sheet cell's value: its stored number or date where it has one, else its text."""
    kind = attrs.get((OFFICE, "value-type"))
    if kind in ("float", "percentage", "currency"):
        number = _decimal(attrs.get((OFFICE, "value")))
        if number is not None:
            return number
    elif kind == "date":
        when = _date(attrs.get((OFFICE, "date-value")))
        if when is not None:
            return when
    return text or None


def _decimal(value: str | None) -> Decimal | None:
    if not value or not _NUMBER.fullmatch(value.strip()):
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number.adjusted()) > 40:
        return None
    return Decimal(int(number)) if number == number.to_integral_value() else number


def _date(value: str | None) -> dt.date | dt.datetime | None:
    """``office:date-value``: a date, or a date and time (midnight is a plain date, as in Excel)."""
    if not value or len(value) > 40:
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when.date() if when.time() == dt.time() else when.replace(tzinfo=None)
