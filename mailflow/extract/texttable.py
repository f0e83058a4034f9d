"""A lines table typed into plain text (a mail body, a .txt file) → a grid of its columns.

Contract
    ``find(lines, vocab)`` → ``TextTable`` (the grid, and which text lines it took) or None;
    never raises. The grid's first row is the header; every other row has one cell per header
    column, so descriptions keep their own numbers ("Control knob ABS 21 mm", "M4x10",
    "24 V", "Ø 6") and ``tables.read_tables`` reads it like any other grid.

How cells are found, by what the writer used to make columns:

* tabs, or pipes ("| a | b |", Markdown, a converted HTML table): the separators are the
  cells. A row with more or fewer cells than the header (tabs used to line things up) is read
  as an aligned row.
* spaces: pieces are the runs of text between gaps of two spaces or more; a piece goes to the
  header column it overlaps most. "2 500 pcs" (a right-aligned quantity one space before a
  left-aligned unit) is split into the number and the unit.
* when the pieces do not give the row a quantity (a hand-typed row, "Control knob ABS 21 mm
  500 pcs 1.20"), the numbers are read from the end of the row, column by column from the
  right, and the arithmetic (quantity × price = amount) chooses between the readings of
  space-grouped numbers ("1 500" is one number or two).

Thousands grouped with a no-break space (U+00A0, U+202F, U+2009) stay one number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from .document import Grid, cell_text
from .normalize import find_date, parse_number, parse_price
from .sizes import is_size
from .tables import find_header, header_columns
from .vocabulary import Vocabulary

# Thousands grouped by a no-break space, a narrow one or a thin one: kept inside the number
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_KEEP = "\u202f"  # the grouping mark kept inside a number (never a column gap)
_GAP = re.compile(r"\t| {2,}|\u3000+")
_RULER = re.compile(r"^[\s\-=_~*·.+|:]{3,}$")
_TEMPLATE_ROW = re.compile(r"^\s*\d{1,3}[.)]?\s*$")
_NUMBERS = ("quantity", "unit_price", "amount")
MAX_HEADER = 400  # characters: a longer line is prose (or an attack), never a header
MAX_HEADERS = 40  # header lines tried before giving up
MAX_TABLES = 8  # typed tables read from one text
MAX_ROWS = 1000  # rows of one typed table: no mail body holds an order longer than that
MAX_PAGE_BREAK = 6  # lines between a carried-forward row and the next page's first row
MAX_HEAD_LINES = 40  # at most this many lines of a running head over a page's rows
# A number as typed in a row: digits, grouping marks, a decimal part; a currency or sign before
_NUMBER = re.compile(r"^[(\-−]?(?:[$€£¥￥]|US\$|HK\$|NT\$|R\$)?\d[\d,.'’\u202f ]*\)?$")


@dataclass
class Piece:
    text: str
    x0: int  # display columns (a Chinese character takes two)
    x1: int


@dataclass
class TextTable:
    grid: Grid
    taken: set[int] = field(default_factory=set)  # indices of the text lines read into the grid
    how: str = ""


def prepare(text: str) -> str:
    """No-break spaces: inside a number they group thousands and stay; elsewhere a space. A
    form feed (a spool's page break) starts a line of its own."""
    text = text.replace("\f", "\n\f\n")  # a line of its own: the table reader knows a page ends there
    text = re.sub(r"[\u00a0\u2007\u2009\u200a]", " ", _GROUP_SPACE.sub(_KEEP, text))
    return re.sub(r"(?<!\d)\u202f|\u202f(?!\d)", " ", text)


def find_all(lines: list[str], vocab: Vocabulary, name: str = "body") -> list[TextTable]:
    """Every lines table in ``lines``, top to bottom (parts, then tooling, each under its own
    header); at most ``MAX_TABLES``."""
    tables: list[TextTable] = []
    start = 0
    while len(tables) < MAX_TABLES:
        found = find(lines, vocab, name, start)
        if found is None:
            break
        tables.append(found)
        start = max(found.taken) + 1
    return tables


def find(lines: list[str], vocab: Vocabulary, name: str = "body", start: int = 0) -> TextTable | None:
    """The first lines table in ``lines`` (the text's lines, blank ones included) from line
    ``start`` on, or None."""
    tried = 0
    for index in range(start, len(lines)):
        if tried >= MAX_HEADERS:
            break  # a text of header after header is not an order (or it is an attack)
        header = _header(lines, index, vocab)
        if header is None:
            continue
        tried += 1
        mode, cells, columns = header
        under = index  # the heading's last line: its rule of dashes or its second line, when it has one
        stacked = _stacked_heading(lines, index, cells, vocab) if mode == "space" else None
        if stacked is not None:
            under, cells, columns = stacked
        rows, taken = _rows(lines, under, cells, columns, mode, vocab, _occupied(lines, under))
        if not rows:
            continue
        taken.update(range(index, under + 1))
        head = _name_by_content([c.text for c in cells], columns, [row for _, row in rows], vocab)
        grid_rows: list[list[str | None]] = [list(head)]
        names = [f"line {index + 1}"]
        for number, row in rows:
            grid_rows.append([_narrow(c) for c in row])
            names.append(f"line {number + 1}")
        how = {"tab": "cells between tabs", "pipe": "cells between pipes", "space": "columns aligned with spaces"}[mode]
        return TextTable(Grid(grid_rows, f"{name} columns", names, note=f"{name} line {index + 1}: {how}"), taken, how)
    return None


HEADERLESS = ["No.", "Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]
_HEADERLESS_FIELDS = ["line_no", "item", "description", "quantity", "unit", "unit_price", "amount"]


def find_headerless(lines: list[str], vocab: Vocabulary, name: str = "body") -> TextTable | None:
    """Rows of a table typed without a header ("KNO-4917   Control knob ABS 21 mm   500 pcs
    1.20   600.00"): only rows whose quantity × price = amount, read from their end, count; a
    first word that is not a code belongs to the description. None when no row adds up."""
    columns = dict(enumerate(_HEADERLESS_FIELDS))
    rows: list[list[str | None]] = [list(HEADERLESS)]
    names = ["(no header)"]
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if len(rows) > MAX_ROWS:
            break
        if len(line) > MAX_HEADER or len(re.findall(r"\d", line)) < 3:
            continue
        text = " ".join(p.text for p in _split(line)[1] if p.text)
        cells = _from_the_right(text, columns, len(columns), vocab)
        if cells is None or not _adds_up(cells, _HEADERLESS_FIELDS):
            continue
        if cells[1] and (not _CODE.match(cells[1]) or is_size(cells[1])):
            cells[2], cells[1] = f"{cells[1]} {cells[2]}".strip(), ""
        if not re.search(r"[^\W\d_]{2,}", f"{cells[1]} {cells[2]}"):
            continue  # numbers only: a sum, not a line
        more = _wrapped_under(lines, index, cells[2] or "")
        if more:
            cells[2] = " ".join([cells[2] or "", *(lines[k].strip() for k in more)]).strip()
            taken.update(more)
        rows.append(list(cells))
        names.append(f"line {index + 1}")
        taken.add(index)
    if len(rows) == 1:
        return None
    how = "no header: rows whose quantity × price = amount"
    return TextTable(Grid(rows, f"{name} columns", names, note=f"{name}: {how}"), taken, how)


_CODE = re.compile(r"^(?=\S*\d)(?=\S*[^\W\d_])[\w][\w\-./]{2,}$")
MAX_WRAPPED = 4  # lines of a description wrapped under its row


def _wrapped_under(lines: list[str], index: int, description: str) -> list[int]:
    """The lines under a row that carry on its description: set exactly where the description
    starts, in one piece (no gaps of columns), with no amount in them ("40x20 mm" under
    "Etichetta dati  3.000 pz  0,0419  125,70")."""
    first = description.split()[0] if description.split() else ""
    start = lines[index].find(f" {first}") + 1 if first else 0
    if start <= 0:
        return []
    out: list[int] = []
    for k in range(index + 1, min(index + 1 + MAX_WRAPPED, len(lines))):
        line = lines[k]
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent != start or len(_pieces(line, _GAP)) != 1:
            break
        if re.search(r"(?:^|\s)\d[\d.,']*[.,]\d{2,4}(?:\s|$)", line):
            break  # an amount: a line of its own, not words of the one above
        out.append(k)
    return out


def name_columns(grid: Grid, vocab: Vocabulary) -> None:
    """``_name_by_content`` for a grid whose header row is found (an HTML table)."""
    found = find_header(grid.rows, vocab)
    if found is None:
        return
    at, columns = found
    head = [cell_text(c) for c in grid.rows[at]]
    rows = [[cell_text(c) for c in row] + [""] * (len(head) - len(row)) for row in grid.rows[at + 1 :]]
    grid.rows[at] = list(_name_by_content(head, columns, rows, vocab))


def _name_by_content(head: list[str], columns: dict[int, str], rows: list[list[str]], vocab: Vocabulary) -> list[str]:
    """A header word no vocabulary knows ("Enh", "Art.nr") named by what its column holds:
    unit words in every row make it the unit column, codes of letters and digits left of the
    description the item column. The header keeps its word, with the name added."""
    out = list(head)
    known = set(columns.values())
    middle = next((k for k, n in columns.items() if n == "description"), len(head))
    quantity = next((k for k, n in columns.items() if n == "quantity"), None)
    rows = [row for row in rows if quantity is not None and parse_number(row[quantity]) is not None]
    for k, text in enumerate(head):
        if k in columns:
            continue
        values = [row[k] for row in rows if k < len(row) and row[k]]
        if len(values) < len(rows) or not values:
            continue
        if "unit" not in known and all(_is_unit(v, vocab) for v in values):
            out[k], known = f"{text} (unit)", known | {"unit"}
        elif "item" not in known and k < middle and all(_CODE.match(v) and not is_size(v) for v in values):
            out[k], known = f"{text} (item no.)", known | {"item"}
    return out


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _narrow(text: str) -> str:
    """Full-width letters, digits and signs ("ＫＮＯ－４９１７") as their ASCII selves: a code
    typed in a Japanese or Chinese input mode is the same code."""
    return text.translate(_FULL_WIDTH)


def _split(line: str) -> tuple[str, list[Piece]]:
    """(mode, pieces) of one line: tab cells, pipe cells, or runs of text between wide gaps."""
    if "\t" in line.strip():
        return "tab", _pieces(line, re.compile(r"\t"), keep_empty=True)
    if line.count("|") >= 2 or (line.count("|") == 1 and " | " in line):
        return "pipe", _pieces(line.strip().strip("|"), re.compile(r"\|"), keep_empty=True)
    return "space", _pieces(line, _GAP)


def _pieces(line: str, gap: re.Pattern[str], keep_empty: bool = False) -> list[Piece]:
    columns = [0]
    for char in line:
        columns.append(columns[-1] + (2 if unicodedata.east_asian_width(char) in "WF" else 1))
    out, pos = [], 0
    for match in [*gap.finditer(line), None]:
        end = match.start() if match else len(line)
        raw = line[pos:end]
        text = raw.strip()
        if text or keep_empty:
            lead = len(raw) - len(raw.lstrip())
            out.append(Piece(text, columns[pos + lead], columns[pos + lead + len(text)]))
        if match:
            pos = match.end()
    return out


def _header(lines: list[str], index: int, vocab: Vocabulary) -> tuple[str, list[Piece], dict[int, str]] | None:
    line = lines[index]
    if not line.strip() or len(line) > MAX_HEADER:
        return None
    mode, pieces = _split(line)
    if mode == "space":
        if sum(1 for w in line.split() if vocab.column_of(w) is not None) < 2:
            return None  # not a header: the rows under it are not looked at
        below = _occupied(lines, index)
        if below:
            pieces = _split_by_data(pieces, below, vocab)
        else:
            pieces = _split_header_words(pieces, vocab)
    columns = header_columns([p.text for p in pieces], vocab)
    if columns is None:
        return None
    return mode, pieces, columns


_DASH_RUN = re.compile(r"[-=]{2,}")
_SPACES = re.compile(r" +")
MAX_HEADING_LINES = 3  # lines of a heading set over a rule of dashes


def _stacked_heading(
    lines: list[str], index: int, pieces: list[Piece], vocab: Vocabulary
) -> tuple[int, list[Piece], dict[int, str]] | None:
    """A heading of more than one line: over a rule of dashes (``_dash_ruled``), or with a
    second line of words right under it ("Qty" over "Ordered", "Unit" over "Cost"), whose
    words join the heading cells they stand under. (the heading's last line, its cells, their
    names), or None when the heading is one line or the second names no more fields."""
    ruled = _dash_ruled(lines, index, pieces, vocab)
    if ruled is not None or index + 1 >= len(lines):
        return ruled
    below = lines[index + 1]
    if not below.strip() or _RULER.match(below) or re.search(r"\d\d|\d[.,]\d", below):
        return None
    words = _pieces(below, _GAP)
    if not words or not pieces:
        return None
    joined = [[p.text, p.x0, p.x1] for p in pieces]
    for word in words:
        center = (word.x0 + word.x1) / 2
        k = min(range(len(joined)), key=lambda i: max(joined[i][1] - center, center - joined[i][2], 0))
        joined[k][0] = f"{joined[k][0]} {word.text}"
        joined[k][1], joined[k][2] = min(joined[k][1], word.x0), max(joined[k][2], word.x1)
    stacked = [Piece(str(t), int(a), int(b)) for t, a, b in joined]
    columns = header_columns([p.text for p in stacked], vocab)
    before = header_columns([p.text for p in pieces], vocab) or {}
    if columns is None or len(set(columns.values())) <= len(set(before.values())):
        return None
    return index + 1, stacked, columns


def _dash_ruled(
    lines: list[str], index: int, pieces: list[Piece], vocab: Vocabulary
) -> tuple[int, list[Piece], dict[int, str]] | None:
    """A report's heading over a rule of dashes, a run under each column (QAD, JD Edwards,
    AS/400 spools saved as text): the runs are the columns, exactly, and every heading word of
    every heading line ("Qty" over "Ordered") belongs to the run under it. (the rule's line,
    the columns, their names), or None without such a rule or when the runs name fewer fields
    than the heading alone."""
    rule = None
    for k in range(index + 1, min(index + 1 + MAX_HEADING_LINES, len(lines))):
        if not lines[k].strip():
            return None
        runs = _pieces(lines[k], _SPACES)
        if len(runs) >= 3 and all(_DASH_RUN.fullmatch(r.text) for r in runs):
            rule = k
            break
        if re.search(r"\d\d|\d[.,]\d", lines[k]):
            return None  # a row of figures: the heading had no rule
    if rule is None:
        return None
    texts: list[list[str]] = [[] for _ in runs]
    for line in lines[index:rule]:
        for word in _pieces(line, _SPACES):
            center = (word.x0 + word.x1) / 2
            k = min(range(len(runs)), key=lambda i: max(runs[i].x0 - center, center - runs[i].x1, 0))
            texts[k].append(word.text)
    ruled = [Piece(" ".join(t), r.x0, r.x1) for t, r in zip(texts, runs)]
    columns = header_columns([p.text for p in ruled], vocab)
    before = header_columns([p.text for p in pieces], vocab) or {}
    if columns is None or len(set(columns.values())) < len(set(before.values())):
        return None
    return rule, ruled, columns


def _occupied(lines: list[str], header_at: int) -> list[set[int]]:
    """The display columns holding a character, for each line with a digit under a header:
    up to the first blank line after such lines."""
    out: list[set[int]] = []
    for line in lines[header_at + 1 : header_at + 60]:
        if not line.strip():
            if out:
                break
            continue
        if "\t" in line or not re.search(r"\d", line):
            if out:
                break
            continue
        columns, x = set(), 0
        for char in line:
            step = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if not char.isspace() or char == _KEEP:
                columns.update(range(x, x + step))
            x += step
        out.append(columns)
    return out


def _split_by_data(pieces: list[Piece], below: list[set[int]], vocab: Vocabulary) -> list[Piece]:
    """Header words set one space apart ("No. Art.nr", "Qty UOM", "Miktar Birim") are several
    columns where the rows under them leave that space empty and each part has something under
    it; "Unit Price" over a right-aligned number stays one (nothing stands under "Unit")."""
    out = []
    for piece in pieces:
        words = list(re.finditer(r"\S+", piece.text))
        spans = [_sub_piece(piece, [w]) for w in words]
        groups: list[list[int]] = [[0]]
        for k in range(1, len(words)):
            gap = range(spans[k - 1].x1, spans[k].x0)
            if all(not (row & set(gap)) for row in below):
                groups.append([k])
            else:
                groups[-1].append(k)
        merged: list[list[int]] = []
        for group in groups:
            x0, x1 = spans[group[0]].x0, spans[group[-1]].x1
            if merged and not _has_data(merged[-1], spans, below):
                merged[-1].extend(group)  # "Unit" with nothing under it belongs to "Price"
            elif merged and not any(row & set(range(x0, x1)) for row in below):
                merged[-1].extend(group)
            else:
                merged.append(list(group))
        if len(merged) > 1 and vocab.exact_column(piece.text):
            names = [vocab.column_of(piece.text[words[g[0]].start() : words[g[-1]].end()]) for g in merged]
            if None in names or len(set(names)) < len(names):
                merged = [list(range(len(words)))]  # one column word, not several
        out.extend(_sub_piece(piece, [words[i] for i in group]) for group in merged)
    return out


def _has_data(group: list[int], spans: list[Piece], below: list[set[int]]) -> bool:
    x0, x1 = spans[group[0]].x0, spans[group[-1]].x1
    return any(row & set(range(x0, x1)) for row in below)


def _split_header_words(pieces: list[Piece], vocab: Vocabulary) -> list[Piece]:
    """ "Qty UOM" set one space apart are two header cells when each is a column word and the
    pair is not ("Unit Price" stays one): for a header with no rows to look at."""
    out = []
    for piece in pieces:
        words = list(re.finditer(r"\S+", piece.text))
        if len(words) < 2 or vocab.exact_column(piece.text):
            out.append(piece)
            continue
        group = [words[0]]
        for word in words[1:]:
            joined = piece.text[group[0].start() : word.end()]
            alone = piece.text[group[0].start() : group[-1].end()]
            if vocab.exact_column(joined) or not (vocab.exact_column(alone) and vocab.exact_column(word.group(0))):
                group.append(word)
            else:
                out.append(_sub_piece(piece, group))
                group = [word]
        out.append(_sub_piece(piece, group))
    return out


def _sub_piece(piece: Piece, words: list[re.Match[str]]) -> Piece:
    start, end = words[0].start(), words[-1].end()
    width = _width(piece.text[:start])
    return Piece(piece.text[start:end], piece.x0 + width, piece.x0 + width + _width(piece.text[start:end]))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _rows(
    lines: list[str],
    header_at: int,
    header: list[Piece],
    columns: dict[int, str],
    mode: str,
    vocab: Vocabulary,
    below: list[set[int]],
) -> tuple[list[tuple[int, list[str]]], set[int]]:
    """The rows under the header, each as one cell per header column, and the text lines
    taken. The table ends at a total row, or at a blank line after its rows when what follows
    has no number in the numeric columns."""
    rows: list[tuple[int, list[str]]] = []
    taken = {header_at}
    blank = False
    carried = 0  # lines since a running sum was carried over a page break
    # a page's running head is about as tall as the first page's head over the table
    head_height = min(MAX_HEAD_LINES, max(MAX_PAGE_BREAK, header_at + 4))
    furniture: list[int] = []  # lines of a page's foot and the next page's head, until the rows go on
    for index in range(header_at + 1, len(lines)):
        line = lines[index]
        if len(rows) >= MAX_ROWS:
            break  # the rest stays text; the caller says the table was cut
        if line == "\f":  # a form feed: the next page's running head, then the table goes on
            if rows and not carried:
                carried = 1
            continue
        if not line.strip():
            blank = True
            continue
        if rows and blank and not carried and _page_foot(lines, index):
            furniture.append(index)
            continue  # "SIRET 412 345 678 00021 · Tél. 04 72 55 51 90" over a form feed
        if _RULER.match(line) or (rows and _template_row(line, header)):
            taken.add(index)  # a rule, or an empty template row: a position number and nothing else
            continue
        label = re.split(r"\d", line.strip(), maxsplit=1)[0]
        if vocab.is_row("carried", label.strip()):
            carried = 1  # "Carried forward  94.65": the table goes on after the page's foot and head
            rows.append((index, _total_cells(line, columns, len(header))))
            taken.add(index)
            blank = False
            continue
        if carried and carried <= head_height:
            cells = _cells(line, header, columns, mode, vocab, below)
            numbers = sum(1 for k, name in columns.items() if name in _NUMBERS and parse_number(cells[k]) is not None)
            if numbers < 2 or _no_columns(line):
                carried += 1  # the page's foot, the next page's running head ("Tel. +49 421 555 310")
                furniture.append(index)
                continue
            carried, blank = 0, False
            taken.update(furniture)  # the table went on: what stood between was the pages' foot and head
            furniture = []
        if vocab.is_row("total", label) or vocab.is_row("subtotal", label):
            rows.append((index, _total_cells(line, columns, len(header))))
            taken.add(index)
            if vocab.is_row("total", label):
                break
            continue
        cells = _cells(line, header, columns, mode, vocab, below)
        numbers = sum(1 for k, name in columns.items() if name in _NUMBERS and parse_number(cells[k]) is not None)
        if blank and (rows and numbers < 2 or not rows and numbers < 1):
            break  # a note, the greeting or the signature after the table
        if not numbers and not rows:
            break
        if not numbers and len([c for c in cells if c]) > 2:
            break  # a line of another shape: text under the table
        if not numbers and not _wraps(line, cells, header, columns, mode):
            break  # "Thanks, Tom +1 415 555 0199" under the last row: the signature, not its description
        rows.append((index, cells))
        taken.add(index)
        blank = False
    return rows, taken


MAX_FOOT_LINES = 4  # lines of a page's foot over a form feed


def _no_columns(line: str) -> bool:
    """Text in one or two pieces, without the gaps of a table's columns between them."""
    return len(re.split(r"\s{2,}", line.strip())) <= 2


def _page_foot(lines: list[str], index: int) -> bool:
    """A line of a page's foot: text in one or two pieces (no columns), a form feed close
    under it with only such lines between."""
    for k in range(index, min(index + MAX_FOOT_LINES + 1, len(lines))):
        line = lines[k]
        if line == "\f":
            return k > index
        if line.strip() and not _no_columns(line):
            return False
    return False


def _template_row(line: str, header: list[Piece]) -> bool:
    """An empty row of a form's table: its position number in the first column, nothing else
    (a number alone further right is a description's wrapped end, "M4 x" over "20")."""
    indent = len(line) - len(line.lstrip())
    return bool(_TEMPLATE_ROW.match(line)) and (len(header) < 2 or indent < header[1].x0)


def _wraps(line: str, cells: list[str], header: list[Piece], columns: dict[int, str], mode: str) -> bool:
    """Whether a row of text only is the description (or a long code) of the row above wrapped
    onto a line of its own: its words are in the item or description column, and (columns
    aligned with spaces) it starts no further left than the first of those columns it fills."""
    texts = [k for k, c in enumerate(cells) if c]
    if not texts or any(columns.get(k) not in ("description", "item") for k in texts):
        return False
    if mode != "space":
        return True
    indent = len(line) - len(line.lstrip())
    return texts[0] == 0 or indent >= max(header[texts[0]].x0 - 2, 1)


def _cells(
    line: str, header: list[Piece], columns: dict[int, str], mode: str, vocab: Vocabulary, below: list[set[int]]
) -> list[str]:
    """One cell per header column for a row."""
    width = len(header)
    if mode != "space":
        pieces = _split(line)[1]
        if len(pieces) == width:
            return [p.text for p in pieces]
        filled = [p.text for p in pieces if p.text]
        if len(filled) == width:
            return filled
        tail = _from_the_right(" ".join(filled), columns, width, vocab)
        return tail if tail is not None else (filled + [""] * width)[:width]
    pieces = _pieces(line, _GAP)
    if "unit" in columns.values():
        pieces = _split_units(pieces, vocab)
    cells = _by_position(pieces, header, below)
    order = [columns.get(k) for k in range(width)]
    readable = _reads(cells, columns, vocab)
    if readable and _adds_up(cells, order):
        return cells
    tail = _from_the_right(" ".join(p.text for p in pieces), columns, width, vocab)
    if tail is not None and (_adds_up(tail, order) or not readable):
        return tail
    return cells


# A word of a row; a number grouped with spaces ("5 038,00") is one word
_WORD = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?![\d.,])|[^ ]+")
_NUM_UNIT = re.compile(r"^(?P<num>[\d][\d,.'’\u202f ]*?)\s?(?P<unit>[^\W\d_][^\s\d]{0,7})$")


def _split_units(pieces: list[Piece], vocab: Vocabulary) -> list[Piece]:
    """ "2 500 pcs", "500pcs": a quantity with its unit in one piece, as two."""
    out = []
    for piece in pieces:
        match = _NUM_UNIT.match(piece.text)
        if match and _is_unit(match.group("unit"), vocab) and parse_number(match.group("num").strip()) is not None:
            num = match.group("num").rstrip()
            unit = match.group("unit")
            out.append(Piece(num, piece.x0, piece.x0 + _width(num)))
            out.append(Piece(unit, piece.x1 - _width(unit), piece.x1))
        else:
            out.append(piece)
    return out


def _is_unit(word: str, vocab: Vocabulary) -> bool:
    return word.lower() in vocab.units or word.lower().rstrip(".") in vocab.units


def _by_position(pieces: list[Piece], header: list[Piece], below: list[set[int]]) -> list[str]:
    """Each piece into the header column whose zone holds it; zones meet half-way between
    neighbouring header cells. A piece across two zones ("1 GAS-1340" under "No." and "Item",
    set one space apart) is split between them where the rows of the table leave a gap under
    it (a column gutter), never inside a description that only runs past the middle."""
    edges = [(a.x1 + b.x0) / 2 for a, b in zip(header, header[1:])]

    def zone(x0: float, x1: float) -> int:
        return sum(1 for e in edges if (x0 + x1) / 2 > e)

    cells: list[list[str]] = [[] for _ in header]
    for piece in pieces:
        if piece.x0 == piece.x1:
            continue
        words = [_sub_piece(piece, [w]) for w in _WORD.finditer(piece.text)]
        groups = [[words[0]]]
        for word in words[1:]:
            gap = set(range(groups[-1][-1].x1, word.x0))
            gutter = bool(below) and all(not (row & gap) for row in below)
            # one empty column lines up by chance under two rows of words; after a number that
            # starts the row ("1 GAS-1340": a line number and a code) it is a gutter
            gutter = gutter and (len(gap) > 1 or (len(groups) == 1 == len(groups[0]) and _is_number(words[0].text)))
            if gutter and zone(word.x0, word.x1) != zone(groups[-1][0].x0, groups[-1][-1].x1):
                groups.append([word])
            else:
                groups[-1].append(word)
        for group in groups:
            x0, x1 = group[0].x0, group[-1].x1
            overlaps = [min(x1, hi) - max(x0, lo) for lo, hi in _zones(edges)]
            best = max(range(len(header)), key=lambda k: (overlaps[k], -k))
            cells[best].append(" ".join(w.text for w in group))
    return [" ".join(c) for c in cells]


def _zones(edges: list[float]) -> list[tuple[float, float]]:
    bounds = [float("-inf"), *edges, float("inf")]
    return list(zip(bounds, bounds[1:]))


def _total_cells(line: str, columns: dict[int, str], width: int) -> list[str]:
    """A total row ("Total: 1 360,00 EUR") as its label in the first cell and its amount in the
    amount column (else the last column)."""
    text = unicodedata.normalize("NFKC", line).strip()
    match = re.search(r"[-(]?\d[\d.,'’\u202f ]*(?:\s*[A-Z]{3}|\s*[^\W\d_]{1,3}\.?)?\s*\)?$", text)
    label, number = (text[: match.start()], match.group(0)) if match else (text, "")
    cells = [""] * width
    cells[0] = label.strip()
    target = next((k for k, name in columns.items() if name == "amount"), width - 1)
    if target == 0:
        cells[0] = text
    else:
        cells[target] = number.strip()
    return cells


def _reads(cells: list[str], columns: dict[int, str], vocab: Vocabulary) -> bool:
    """Whether the numeric columns hold one number each (or are empty) and a quantity is there,
    the unit column no number, and the arithmetic agrees where all three are given."""
    values: dict[str, Decimal | None] = {}
    for k, name in columns.items():
        if name == "unit" and cells[k] and not _is_unit(cells[k], vocab) and re.search(r"\d", cells[k]):
            return False
        if name not in (*_NUMBERS, "unit_price_alt", "amount_alt"):
            continue
        text = cells[k]
        value = parse_price(text)[0] if name.startswith("unit_price") else parse_number(text)
        if text and value is None:
            return False
        values[name] = value
    if values.get("quantity") is None:
        return False
    quantity = values.get("quantity")
    prices = [values.get(n) for n in ("unit_price", "unit_price_alt") if values.get(n) is not None]
    amounts = [values.get(n) for n in ("amount", "amount_alt") if values.get(n) is not None]
    if quantity is not None and prices and amounts:
        # two price columns (with and before tax): one of them makes the arithmetic
        return any(_agrees(quantity * p, a) for p in prices for a in amounts if p is not None and a is not None)
    return True


def _agrees(product: Decimal, amount: Decimal) -> bool:
    return abs(product - amount) <= max(Decimal("0.01"), abs(amount) * Decimal("0.0005"))


def _from_the_right(text: str, columns: dict[int, str], width: int, vocab: Vocabulary) -> list[str] | None:
    """A row read from its end: the columns right of the description take one token each from
    the right (a number for a number column, a unit word for the unit, a date for a date), the
    columns left of it one token each from the left, and the description keeps what is between.
    Every reading of space-grouped numbers is tried; the one whose quantity × price = amount
    wins, else the one that groups most. None when no reading gives a quantity."""
    order = [columns.get(k) for k in range(width)]
    if "description" in order:
        middle = order.index("description")
    elif "item" in order:
        middle = order.index("item")
    else:
        return None
    tokens = text.split()
    best: tuple[int, list[str]] | None = None
    for grouped in _groupings(tokens):
        cells = _take_from_the_right(grouped, order, middle, vocab)
        if cells is None:
            continue
        score = 2 if _adds_up(cells, order) else 1
        if best is None or score > best[0]:
            best = (score, cells)
    return best[1] if best else None


def _groupings(tokens: list[str]) -> list[list[str]]:
    """Readings of a token list with space-grouped thousands joined ("1 500" → "1500") or not:
    all groups joined first, then none."""
    joined: list[str] = []
    for token in tokens:
        if (
            joined
            and re.fullmatch(r"\d{3}(?:[.,]\d+)?", token)
            and re.fullmatch(r"(?:\d{1,3})(?:\u202f\d{3})*", joined[-1])
        ):
            joined[-1] = joined[-1] + _KEEP + token
        else:
            joined.append(token)
    return [joined, tokens] if joined != tokens else [tokens]


def _take_from_the_right(
    tokens: list[str], order: list[str | None], middle: int, vocab: Vocabulary
) -> list[str] | None:
    cells = [""] * len(order)
    right = len(tokens)
    for k in range(len(order) - 1, middle, -1):
        name = order[k]
        if right <= 0:
            break
        token = tokens[right - 1]
        if name in _NUMBERS:
            if _is_number(token):
                cells[k] = token
                right -= 1
            elif name == "quantity":
                glued = re.fullmatch(r"([\d][\d,.'’\u202f]*)([^\W\d_]+\.?)", unicodedata.normalize("NFKC", token))
                if glued and _is_unit(glued.group(2), vocab):
                    cells[k] = glued.group(1) if "unit" in order else token  # "20台": its unit with it
                    right -= 1
        elif name in ("unit", None):  # a column without a known header: a unit, if it is one
            if _is_unit(token, vocab):
                cells[k] = token
                right -= 1
        elif name == "delivery_date":
            if re.search(r"\d", token) and find_date(token).value is not None:
                cells[k] = token
                right -= 1
    quantity = order.index("quantity") if "quantity" in order else None
    if quantity is None or quantity <= middle or not cells[quantity]:
        return None
    left = 0
    for k in range(middle):
        if left >= right:
            break
        if order[k] == "line_no" and not re.fullmatch(r"\d{1,4}\.?", tokens[left]):
            continue
        cells[k] = tokens[left]
        left += 1
    cells[middle] = " ".join(tokens[left:right])
    return cells


def _is_number(token: str) -> bool:
    """A token that is one number as typed in a row ("1,200", "€1.20", "１２０")."""
    folded = unicodedata.normalize("NFKC", token)
    return bool(_NUMBER.match(folded)) and parse_number(folded) is not None


def _adds_up(cells: list[str], order: list[str | None]) -> bool:
    """Whether quantity × price = amount, reading "1.200" and "1,200" either way (the row alone
    does not say whether its writer uses a decimal comma)."""
    for comma in (None, True):
        values = {}
        for k, name in enumerate(order):
            if name in _NUMBERS:
                values[name] = (
                    parse_price(cells[k], comma)[0] if name == "unit_price" else parse_number(cells[k], comma)
                )
        quantity, price, amount = (values.get(n) for n in _NUMBERS)
        if quantity is not None and price is not None and amount is not None and _agrees(quantity * price, amount):
            return True
    return False
