"""HTML (a body or an .html file) → ``Document``: tables as grids, the rest as text lines.

Contract
    ``read(data, name, vocab)`` / ``from_html(html, name)`` never raise. Nested layout tables
    (HTML mail is built of them) are read innermost-first: a table holding other tables is
    layout, not data. ``<br>`` inside a cell is a wrapped line, joined with a space.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from .csv import decode
from . import texttable
from .document import Document, Grid, split_text_line
from .vocabulary import Vocabulary


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    text, _ = decode(data)
    return from_html(text or "", name, vocab)


def from_html(html: str, name: str, vocab: Vocabulary | None = None) -> Document:
    doc = Document(name)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    number = 0
    for table in soup.find_all("table"):
        if table.find("table"):
            continue
        rows = []
        for tr in table.find_all("tr"):
            cells = []
            for cell in tr.find_all(["td", "th"]):
                cells.append(cell.get_text(" ", strip=True) or None)
                # colspan: the value sits in the first column it spans, like a merged cell
                cells.extend([None] * (_span(cell.get("colspan")) - 1))
            rows.append(cells)
        if rows:
            number += 1
            grid = Grid(rows, f"{name} table {number}")
            if vocab is not None:  # a column headed by a word no vocabulary knows, named by its cells
                texttable.name_columns(grid, vocab)
                worded_twin(grid, vocab)
            doc.grids.append(grid)
        table.decompose()
    for index, line in enumerate(soup.get_text("\n").splitlines(), start=1):
        if line.strip():
            doc.lines.append(split_text_line(line, f"{name} line {index}"))
    return doc


def worded_twin(grid: Grid, vocab: Vocabulary) -> None:
    """Two head cells naming the part number ("Artikel" and "Artikelnummer", "Item" and "Item
    No") and none the description: the column whose cells are words is the description."""
    if not grid.rows:
        return
    head = grid.rows[0]
    named = [vocab.column_of(cell) if cell else None for cell in head]
    twins = [i for i, column in enumerate(named) if column == "item"]
    if "description" in named or len(twins) != 2:
        return

    rows = [row for row in grid.rows[1:] if len(row) > max(twins) and all(row[i] for i in twins)]  # not sums

    def worded(i: int) -> bool:
        cells = [str(row[i]).strip() for row in rows]
        return bool(cells) and sum(" " in c for c in cells) * 2 > len(cells)

    words = [i for i in twins if worded(i)]
    if len(words) == 1:
        head[words[0]] = "Description"


def _span(value: object) -> int:
    try:
        return min(max(int(str(value)), 1), 50)
    except (TypeError, ValueError):
        return 1
