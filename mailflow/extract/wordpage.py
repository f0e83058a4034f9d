"""A page of positioned words (a PDF page's, or a scan's from OCR) → lines and tables of a ``Document``.

Contract
    ``read_words_page(words, where, vocab, doc, layout, page=None) -> Layout | None`` adds the
    page's ruled tables (when ``page``, a pdfplumber page, draws them), its whitespace table
    under a lines header (or, with no header recognised, found by column alignment and
    arithmetic: ``aligned.py``), and its other text lines to ``doc``; it returns the table's column
    ``Layout`` so that the next page, which may repeat no header, continues the same columns.

Shared by the PDF reader (``pdf.py``) and the OCR reader (``ocr.py``), which is why it is a
module of its own below both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import aligned
from .columns import (
    _segments,
    as_line,
    band_cells,
    boundaries,
    cells,
    find_header_line,
    group_lines,
    has_total,
    is_ruler,
    rejoin_cut_words,
    table_end,
)
from .document import Document, Grid
from .normalize import guess_decimal_comma, parse_price
from .tables import forecast_heading, page_marker
from .vocabulary import Vocabulary


@dataclass
class Layout:
    """Column boundaries of a whitespace table, carried to the next page."""

    boundaries: list[float]  # x between column i and i+1
    header: list[str]
    closed: bool = False  # a total row was seen


def read_words_page(
    words: list[dict], where: str, vocab: Vocabulary, doc: Document, layout: Layout | None, page: Any = None
) -> Layout | None:
    """One page of positioned words (from the PDF's text, or from OCR) into ``doc``: ruled
    tables when the page draws them, a whitespace table under a lines header (and another
    under a second header further down), text lines."""
    boxes = []
    for index, table in enumerate(find_tables(page) if page is not None else [], start=1):
        rows = table.extract()
        if rows and _boxed_text(rows):
            continue  # a frame drawn around columns of text: read by word positions instead
        if rows and len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            doubts: list[str] = []
            rows = _split_merged_header(table, rejoin_cut_words(table, rows, words, page.chars, doubts), words)
            doc.warnings.extend(f"{where} table {index}: {doubt}" for doubt in doubts)
            boxes.append(table.bbox)
            if index == 1:
                rows = _continue_row(doc, rows, where)
                if not rows:
                    continue  # the whole table was the rest of the row the page before began
            grid = Grid([[c for c in row] for row in rows], f"{where} table {index}")
            if doc.grids:  # a forecast's table after the order's: its heading stands right above it
                above = [w for w in words if w["bottom"] <= table.bbox[1] and w["top"] >= table.bbox[1] - HEADING_REACH]
                grid.planned = _forecast_heading(group_lines(above), vocab)
            doc.grids.append(grid)
    free = [w for w in words if not any(_inside(w, box) for box in boxes)]
    lines = group_lines(free)
    header_at, header = find_header_line(lines, vocab)  # joins a two-line header into one
    if header_at and layout is not None and not layout.closed and not boxes:
        above = lines[:header_at]
        # (a running head, "PO number/date 4503665116 / 01/27/2021  Page 2 OF 4", spreads
        # numbers over the columns too, but is no row of the table)
        rows_above = [line for line in above if not page_marker(" ".join(w["text"] for w in line))]
        if _first_row(rows_above, layout, vocab, numbers_only=True) is not None:
            # the lines go on from the page before with no header of their own, and another
            # table (a delivery plan) starts under its header further down: both are read
            layout = read_words_page([w for line in above for w in line], where, vocab, doc, layout)
            below = [w for line in lines[header_at:] for w in line]
            read_words_page(below, f"{where} (table below line {header_at})", vocab, doc, None)
            return layout
    text_lines = [as_line(line, where) for line in lines]
    if header_at is not None:
        stop = table_end(lines, header_at, vocab, [(box[1], box[3]) for box in boxes])
        spans = [(x0, x1) for _, x0, x1 in header]
        layout = Layout(boundaries(lines, header_at, stop, spans, vocab), [t for t, _, _ in header])
        start = header_at
    elif layout is not None and not layout.closed and not boxes:
        start = _first_row(lines, layout, vocab)
        while start is not None and start > 0 and _wrapped_over_the_page(lines[start - 1], layout, vocab):
            start -= 1  # the rest of the last line's description, carried over the page break
    else:
        return _aligned_table(lines, text_lines, where, vocab, doc, layout)
    if start is None:
        doc.lines.extend(text_lines)
        return layout
    table_start = start
    end = table_end(lines, start, vocab, [(box[1], box[3]) for box in boxes])
    # The header goes first so the shared table reader sees it (again, on a continued page).
    rows = [layout.header]
    names = [f"line {header_at + 1}" if header_at is not None else "(header of the previous page)"]
    first = start + 1 if header_at is not None else start
    for i in range(first, end):
        rows.append(band_cells(lines[i], layout.boundaries, layout.header, vocab))
        names.append(f"line {i + 1}")
    grid = Grid(rows, f"{where} columns", names)
    if doc.grids and header_at is not None:  # a forecast's table after the order's, under its heading
        grid.planned = _forecast_heading(lines[max(0, header_at - HEADING_LINES) : header_at], vocab)
    doc.grids.append(grid)
    doc.lines.extend(text_lines[:table_start])
    layout.closed = layout.closed or has_total(lines[first:end], vocab)
    rest = lines[end:]
    if find_header_line([list(line) for line in rest], vocab)[0] is not None:
        # another lines table further down the page (parts, then services): read the same way
        read_words_page([w for line in rest for w in line], f"{where} (table below line {end})", vocab, doc, None)
        return layout
    doc.lines.extend(text_lines[end:])
    return layout


RULE_OVERHANG = 4.0  # points: column rules reaching this far past a table's first or last row rule


def find_tables(page: Any) -> list:
    """The ruled tables of a page, with the rows their column rules frame but no row rule closes.

    A table continued on the next page without its header often draws its column rules from the
    top of the body, and its first row rule only under that first row: the grid of rules starts
    one row too low, and the row above it would be read apart from the table (in another reader,
    in another order). Where the column rules of a table reach past its first or last row rule,
    their ends are read as the rules closing the table."""
    tables = page.find_tables()
    if not tables:
        return tables
    ends: set[float] = set()
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    for table in tables:
        x0, top, x1, bottom = table.bbox
        rules = [e for e in verticals if x0 - 1 <= e["x0"] <= x1 + 1 and e["top"] < bottom and e["bottom"] > top]
        if len(rules) < 3:
            continue
        higher = [e["top"] for e in rules if e["top"] < top - RULE_OVERHANG]
        lower = [e["bottom"] for e in rules if e["bottom"] > bottom + RULE_OVERHANG]
        if len(higher) >= 3 and max(higher) - min(higher) <= 1:
            ends.add(round(min(higher), 1))
        if len(lower) >= 3 and max(lower) - min(lower) <= 1:
            ends.add(round(max(lower), 1))
    if not ends:
        return tables
    return page.find_tables({"explicit_horizontal_lines": sorted(ends)})


HEADING_LINES = 4  # lines above a table's header where the heading of a forecast part stands
HEADING_REACH = 60.0  # points above a ruled table for the same


def _forecast_heading(lines: list[list[dict]], vocab: Vocabulary) -> str:
    """The heading of a forecast part among ``lines`` (the few right above a table), or ""."""
    for line in reversed(lines):
        texts = [" ".join(w["text"] for w in seg) for seg in _segments([w for w in line if not is_ruler(w)])]
        if texts and forecast_heading(texts, vocab):
            return texts[0]
    return ""


_NUMERIC = re.compile(r"[-+]?[\d.,'\s/%]+|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _continue_row(doc: Document, rows: list[list[Any]], where: str) -> list[list[Any]]:
    """A page's first ruled table without the rows that finish the last row of the page
    before: Word and LibreOffice let a row break over a page, so its description goes on at the
    top of the next page in a row of its own, with nothing in its first column and no number.
    Read as it stands, that rest is a second line (or numbers taken from its words); it is
    joined to the row it belongs to instead. Only when the table of the page before is the
    last one read and has as many columns."""
    before = doc.grids[-1] if doc.grids else None
    if before is None or not re.fullmatch(r".* p\d+ table \d+", before.where) or before.where.startswith(where + " "):
        return rows
    if not before.rows or not rows or len(before.rows[-1]) != len(rows[0]):
        return rows
    last = before.rows[-1]
    if not _filled(last[0]):
        return rows
    repeated = 1 if len(rows) > 1 and _texts(rows[0]) == _texts(before.rows[0]) else 0  # the header again
    taken = 0
    for row in rows[repeated:]:
        texts = [c for c in row if _filled(c)]
        if len(row) != len(last) or _filled(row[0]) or not texts or len(texts) * 2 > len(row):
            break
        if any(_NUMERIC.fullmatch(str(c).strip()) for c in texts):
            break  # a quantity or a date of its own: a schedule sub-row, not a row's rest
        for column, cell in enumerate(row):
            if _filled(cell):
                last[column] = f"{last[column]}\n{cell}" if _filled(last[column]) else cell
        taken += 1
    if taken:
        doc.notes.append(f"{where}: {taken} row(s) of its table finish the last row of the page before")
    return (
        rows[:repeated] + rows[repeated + taken :]
        if repeated and len(rows) > repeated + taken
        else rows[repeated + taken :]
    )


def _filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def _texts(row: list[Any]) -> list[str]:
    return [" ".join(str(c).split()) if _filled(c) else "" for c in row]


def _aligned_table(
    lines: list[list[dict]], text_lines: list, where: str, vocab: Vocabulary, doc: Document, layout: Layout | None
) -> Layout | None:
    """A page without a recognised lines header: a table found by column alignment and
    arithmetic (``aligned.find``), read under a header made of its columns' names; else the
    page is text lines only."""
    rows = [
        [
            aligned.Cell(" ".join(w["text"] for w in seg), seg[0]["x0"], seg[-1]["x1"])
            for seg in _segments([w for w in line if not is_ruler(w)])
        ]
        for line in lines
    ]
    found = aligned.find(rows, vocab, guess_decimal_comma("\n".join(line.text for line in text_lines)))
    if found is None:
        doc.lines.extend(text_lines)
        return layout
    header = found.header()
    bounds = boundaries(lines, found.first - 1, found.end, found.spans, vocab)
    grid_rows = [header] + [cells(lines[i], bounds) for i in range(found.first, found.end)]
    names = ["(columns found by alignment)"] + [f"line {i + 1}" for i in range(found.first, found.end)]
    doc.grids.append(Grid(grid_rows, f"{where} columns", names, note=f"{where}: {found.describe()}"))
    doc.lines.extend(text_lines[: found.first])
    doc.lines.extend(text_lines[found.end :])
    return Layout(bounds, header, closed=has_total(lines[found.first : found.end], vocab))


def _split_merged_header(table: Any, rows: list[list[Any]], words: list[dict]) -> list[list[Any]]:
    """A header row drawn as one cell over ruled columns ("# Item No. Description Qty ...")
    is split by the columns of the row below it: each header word goes to the column under it."""
    if len(rows) < 2 or len(table.rows) < 2:
        return rows
    filled = [c for c in rows[0] if c not in (None, "")]
    below = [c for c in rows[1] if c not in (None, "")]
    if len(filled) != 1 or len(below) < 3 or rows[0][0] != filled[0]:
        return rows
    # (x0, top, x1, bottom) per column from the first rows that draw it (None where merged)
    spans: list[Any] = [None] * len(rows[0])
    for r, table_row in enumerate(table.rows[1:4], start=1):
        for i, cell in enumerate(table_row.cells[: len(spans)]):
            if (
                spans[i] is None
                and cell is not None
                and r < len(rows)
                and i < len(rows[r])
                and rows[r][i] not in (None, "")
            ):
                spans[i] = cell
    head_box = table.rows[0].bbox
    drawn = [i for i, span in enumerate(spans) if span is not None]
    if len(drawn) < 3:
        return rows
    header: list[list[str]] = [[] for _ in spans]
    for word in sorted(words, key=lambda w: w["x0"]):
        if not _inside(word, head_box):
            continue
        center = (word["x0"] + word["x1"]) / 2
        column = min(
            drawn,
            key=lambda i: (
                0 if spans[i][0] <= center <= spans[i][2] else min(abs(center - spans[i][0]), abs(center - spans[i][2]))
            ),
        )
        header[column].append(word["text"])
    return [[" ".join(cell) or None for cell in header], *rows[1:]]


def _boxed_text(rows: list[list[Any]]) -> bool:
    """A ruled "table" that is a frame around text: its header has columns but a row below is
    one cell holding several lines (ERP forms rule the header and leave the body open), or
    several cells each stacking three lines or more (the body ruled as one row: every line's
    values piled in each column), or one or two columns framing blocks of four lines or more
    (a form ruled around its sections), so the cells do not hold the lines and only the words'
    positions do."""
    width = max(len(r) for r in rows)
    if width < 3:
        # a frame of one or two columns around the whole form: blocks of four lines or more
        return any(isinstance(c, str) and c.count("\n") >= 3 for row in rows for c in row)
    for index, row in enumerate(rows):
        filled = [c for c in row if c not in (None, "")]
        if len(filled) == 1 and isinstance(filled[0], str) and filled[0].count("\n") >= 2 and row[0] == filled[0]:
            return True
        stacked = [c for c in filled if isinstance(c, str) and c.count("\n") >= 2]
        if index > 0 and len(stacked) >= 2:
            return True
    return False


def _inside(word: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _first_row(lines: list[list[dict]], layout: Layout, vocab: Vocabulary, numbers_only: bool = False) -> int | None:
    """On a page without a header: the first line that spreads over the table's columns with
    numbers in its columns of numbers, or that starts with a position number (an item whose
    numbers follow); the running head above it
    ("MECCANICA ADRIATICA S.R.L.   Pagina 2 di 2", "Zeeland B.V.  Inkoopordernr. IO266819")
    spreads over them too, but with words or nothing there. ``numbers_only``: only a row with
    its numbers counts."""
    numeric = [
        i for i, head in enumerate(layout.header) if vocab.column_of(head) in ("quantity", "unit_price", "amount")
    ]
    for i, line in enumerate(lines):
        filled = cells(line, layout.boundaries)
        if sum(1 for c in filled if c) < 3:
            continue
        inside = [filled[k] for k in numeric if k < len(filled) and filled[k]]
        if any(_numeric(text) for text in inside) and all(re.search(r"\d", text) for text in inside):
            return i  # a row with its numbers (a description may run into them); a running head has none
        if not numbers_only and not inside and re.match(r"\d{1,6}\b", next(c for c in filled if c)):
            return i  # "00040  LAB-5053-  Typenschild": an item whose numbers follow on the next row
    return None


def _wrapped_over_the_page(line: list[dict], layout: Layout, vocab: Vocabulary) -> bool:
    """A line above the first row of a continued table with words in the description column
    only: the description of the page before's last line goes on ("Schließer gemäß Zeichnung"
    under the running head). A running head starts at the margin, left of that column."""
    filled = cells(line, layout.boundaries)
    used = [k for k, text in enumerate(filled) if text]
    if len(used) != 1 or used[0] >= len(layout.header):
        return False
    text = filled[used[0]]
    return vocab.column_of(layout.header[used[0]]) == "description" and not page_marker(text)


def _numeric(text: str) -> bool:
    """A cell of a column of numbers: a number, maybe with its unit or its price basis
    ("510/EA", "7.19 PER M")."""
    return parse_price(text)[0] is not None or bool(re.match(r"^\s*[\d.,'\s]+\S{0,12}\s*$", text))
