"""What every format reader produces: text lines and grids, with where each came from.

A reader (pdf, xlsx, docx, csv, html, body) turns bytes into a ``Document``; the format-free
steps (``tables.read_tables`` for the lines, ``fields.read_fields`` for the header) turn that
into a ``ParsedOrder``. So header detection, label synonyms, totals and wrapped descriptions are
written once for all formats.

* ``Line``: one visual line of text split into ``segments`` where the writer left a column gap
  (two spaces, a tab, a cell border). ``x`` holds each segment's left edge when the format has
  positions (PDF points, or character columns of plain text), so label blocks can be read
  downwards ("Buyer:" above "Northwind Tools Ltd").
* ``Grid``: rows of cells (``str``, or typed ``Decimal``/``date`` from spreadsheets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Line:
    segments: list[str]
    where: str  # "PO.pdf p1", "body line 4"
    x: list[float] | None = None

    @property
    def text(self) -> str:
        return "  ".join(self.segments)

    @property
    def block(self) -> str:
        """The page, sheet or part the line is in ("PO.pdf p1"): label blocks stay inside it."""
        return re.sub(r" (?:row|line|paragraph) \d+.*$", "", self.where)


@dataclass
class Grid:
    rows: list[list[Any]]
    where: str  # "PO.xlsx sheet 'Order'", "PO.pdf p2 table 1"
    row_names: list[str] | None = None  # per row, for explain ("row 12"); default "row N"
    note: str = ""  # how the table was found, when not by a header row: for explain
    planned: str = ""  # under a forecast's heading after the order's lines: planned quantities, no lines

    def row_where(self, index: int) -> str:
        if self.row_names and index < len(self.row_names):
            return f"{self.where} {self.row_names[index]}"
        return f"{self.where} row {index + 1}"


TITLE_ROW_CELLS = 3  # a row of a sheet with a title in it: the sender's name, the title, a number


@dataclass
class Document:
    name: str  # attachment filename, or "body"
    lines: list[Line] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unreadable: bool = False  # scanned, corrupt, encrypted: nothing may be taken from it
    text: str = ""  # all the text, for classification and language detection
    ocr: bool = False  # some of it was read by OCR: every value needs a person's check
    ocr_notes: list[str] = field(default_factory=list)  # rotation, script, pages: for --explain
    ocr_pages: list[int] = field(default_factory=list)  # scanned pages of a text PDF read by OCR
    notes: list[str] = field(default_factory=list)  # what the reader left out, and why: for --explain
    # Positioned words per page (PDF text or OCR): (where, words as pdfplumber gives them), for
    # labels and values found by position (``layout.fill_fields``)
    pages: list[tuple[str, list[dict]]] = field(default_factory=list)

    def all_text(self) -> str:
        return self._joined(lambda cells: " ".join(cells))

    def cells_text(self) -> str:
        """The text with each cell of a grid's short rows a segment of its own (two spaces apart,
        as a line's segments are), so that a title alone in its cell stays alone: "ALBARÁN DE
        ENTREGA" in the cell right of the sender's name. A row of more cells is a table's row
        (headings or values, "PO  PO Date  Vendor ..."), whose cells are no titles: joined as in
        ``all_text``."""
        return self._joined(lambda cells: ("  " if len(cells) <= TITLE_ROW_CELLS else " ").join(cells))

    def typed_text(self) -> str:
        """The text as typed: without a workbook's stored numbers, which are written "0.12"
        whatever the buyer's locale shows, so they say nothing about the decimal mark."""
        return self._joined(lambda cells: " ".join(cells), typed=True)

    def _joined(self, join: Callable[[list[str]], str], typed: bool = False) -> str:
        """The reader's text, or its lines and each grid row's cells (only those typed as text
        with ``typed``) made one line by ``join``."""
        if self.text:
            return self.text
        parts = [line.text for line in self.lines]
        for grid in self.grids:
            for row in grid.rows:
                kept = (
                    [c for c in row if isinstance(c, str) and c] if typed else [c for c in row if c not in (None, "")]
                )
                parts.append(join([str(c) for c in kept]))
        return "\n".join(parts)


_GAP = re.compile(r"\t+|\s*\|\s*|\s{2,}|\u3000+")


def split_text_line(text: str, where: str) -> Line:
    """A plain-text line into segments at tabs, pipes and runs of two or more spaces."""
    segments, xs = [], []
    pos = 0
    for part in _GAP.split(text):
        start = text.find(part, pos) if part else pos
        if part.strip():
            segments.append(part.strip())
            xs.append(float(start + (len(part) - len(part.lstrip()))))
        pos = start + len(part)
    return Line(segments, where, xs)


def grid_lines(grid: Grid, rows: range | None = None, whole: Callable[[str, str], bool] | None = None) -> list[Line]:
    """Rows of a grid as text lines (their non-empty cells as segments), for header fields.
    ``whole(first line, text)``: whether a cell of several lines is one text wrapped in its box
    (a label "Conditions de\npaiement", a value "30 jours fin de\nmois") rather than a label
    and its value ("PO NO.\nNMS-7741")."""
    out = []
    for index in rows if rows is not None else range(len(grid.rows)):
        row = grid.rows[index]
        cells = [(i, c) for i, c in enumerate(row) if c not in (None, "") and str(c).strip()]
        segments: list[str] = []
        xs: list[float] = []
        for i, cell in cells:
            # "PO NO.\nNMS-7741": a label block inside one cell is a label and its value
            first, _, rest = str(cell).strip().partition("\n") if isinstance(cell, str) else (cell, "", "")
            if rest.strip() and whole is not None and whole(cell_text(first), cell_text(cell)):
                first, rest = cell_text(cell), ""
            segments.append(cell_text(first))
            xs.append(float(i))
            if rest.strip():
                segments.append(cell_text(rest))
                xs.append(float(i) + 0.5)
        if segments:
            out.append(Line(segments, grid.row_where(index), xs))
    return out


def cell_text(value: Any) -> str:
    """A cell as text: dates ISO, decimals plain, text with wrapped lines joined."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value)
    if "\n" not in text:
        return text.strip()  # one line: what ``join_wrapped`` makes of it (200,000 cells a backlog)
    return join_wrapped(*text.split("\n"))


def join_wrapped(*parts: str) -> str:
    """Lines of one wrapped cell as one text: "MTR-" + "12V30" is "MTR-12V30", Chinese joins
    without a space, other words with one; a line that starts with a comma or a closing
    bracket ("passivated" over ", to drawing") follows the word before it directly."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (out.endswith(("-", "/")) or _wide(out[-1]) or _wide(part[0]) or part[0] in ",.;:)]%"):
            out += " "
        out += part
    return out


def _wide(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
