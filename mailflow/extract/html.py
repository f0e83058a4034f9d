"""HTML (a body or an .html file) → ``Document``: tables as grids, the rest as text lines.

Contract
    ``read(data, name, vocab)`` / ``from_html(html, name)`` never raise. Nested layout tables
    (HTML mail is built of them) are read innermost-first: a table holding other tables is
    layout, not data. ``<br>`` inside a cell is a wrapped line, joined with a space.
    What the HTML hides from its reader is not read (``message.hidden``); a hidden number is a
    warning.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from bs4 import BeautifulSoup, Tag

from ..message.hidden import drop_hidden, hidden_note
from .csv import decode
from . import aligned, digits, texttable
from .tables import find_header
from .document import Document, Grid, Line, split_text_line
from .normalize import parse_number
from .vocabulary import Vocabulary, norm


# Half-width katakana (hankaku, what old Japanese systems still send: ｼｮｳﾋﾝ, ﾁｭｳﾓﾝｼｮ) as the
# full-width letters every other reader knows, a voiced mark joined to its letter (ｶﾞ → ガ)
_HALF_WIDTH = re.compile("[\uff61-\uff9f]+")


def half_width(text: str) -> str:
    """``text`` with its half-width katakana and signs NFKC-normalised."""
    return _HALF_WIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    text, _ = decode(data)
    return from_html(text or "", name, vocab)


def from_html(html: str, name: str, vocab: Vocabulary | None = None) -> Document:
    doc = Document(name)
    soup = BeautifulSoup(digits.plain(half_width(html)), "html.parser")
    note = hidden_note(drop_hidden(soup))  # what the reader sees is what is read
    if note:
        doc.warnings.append(note)
    number = 0
    for table in soup.find_all("table"):
        if table.find("table"):
            continue
        rows = []
        for tr in _rows_apart(table):
            cells = []
            for cell in _row_cells(tr):
                cells.append(cell.get_text(" ", strip=True) or None)
                # colspan: the value sits in the first column it spans, like a merged cell
                cells.extend([None] * (_span(cell.get("colspan")) - 1))
            rows.append(cells)
        if rows:
            number += 1
            grid = Grid(rows, f"{name} table {number}")
            if vocab is not None:  # a column headed by a word no vocabulary knows, named by its cells
                doc.warnings.extend(call_off_columns(grid, vocab))
                texttable.name_columns(grid, vocab)
                worded_twin(grid, vocab)
            doc.grids.append(grid)
            if vocab is not None:
                doc.lines.extend(label_band(grid, vocab))
                times = times_rows(grid, vocab)
                if times is not None:
                    doc.grids.append(times)
                    doc.warnings.extend(
                        f"{times.where} row {k}: no unit price is printed and the line's total does not divide"
                        " by its quantity: a person sets it"
                        for k, row in enumerate(times.rows[1:], start=1)
                        if row[4] is None
                    )
        table.decompose()
    if vocab is not None:
        for grid in block_rows(soup, name, vocab):  # a web shop's or portal's items laid out with <div>s
            number += 1
            doc.grids.append(grid)
            times = times_rows(grid, vocab)
            if times is not None:
                doc.grids.append(times)
    for index, line in enumerate(soup.get_text("\n").splitlines(), start=1):
        if line.strip():
            doc.lines.append(split_text_line(line, f"{name} line {index}"))
    return doc


def _rows_apart(table: Tag) -> list[Tag]:
    """The rows of ``table`` in order, each taken out of the cell a row left open nested it in
    (``<tr><td>a<tr><td>b``), as a browser shows them: a cell's text is its own, not that of every
    row after it. The deepest row is taken out first, so that each is walked once; read whole,
    a 32 kB table of such rows took seconds, growing with the square of its size."""
    rows = table.find_all("tr")
    owner: dict[int, Tag | None] = {}  # a node's nearest row or table above it

    def row_above(node: Tag) -> Tag | None:
        path = []
        parent = node.parent
        while parent is not None and parent is not table and parent.name != "tr" and id(parent) not in owner:
            path.append(parent)
            parent = parent.parent
        found = owner[id(parent)] if parent is not None and id(parent) in owner else parent
        found = found if found is not None and found is not table and found.name == "tr" else None
        for step in path:
            owner[id(step)] = found
        return found

    nested = [tr for tr in rows if row_above(tr) is not None]
    for tr in reversed(nested):
        tr.extract()
    return rows


def _row_cells(tr: Tag) -> list[Tag]:
    """The cells of the row ``tr``, in order: not those of a row opened inside one of its cells.
    HTML that never closes its rows (``<tr><td>a<tr><td>b``) nests each row in the cell before
    it; taken whole, every row held every row after it, and a few kilobytes of such rows took
    minutes to read."""
    cells: list[Tag] = []
    stack = [child for child in reversed(tr.contents) if isinstance(child, Tag)]
    while stack:
        node = stack.pop()
        if node.name == "tr":
            continue  # a row of its own, read as such
        if node.name in ("td", "th"):
            cells.append(node)
        stack.extend(child for child in reversed(node.contents) if isinstance(child, Tag))
    return cells


def call_off_columns(grid: Grid, vocab: Vocabulary) -> list[str]:
    """A kanban call-off's table made plain: the card's (slot's, bin's) number and the count of
    cards ("Card | Part no. | Cards | Qty") are left out, so that "K701" is never the item nor 4
    cards the quantity; returns warnings when two columns could still be the item, or the
    quantity with no price and amount to choose between them by their arithmetic."""
    if not grid.rows or len(grid.rows) < 2:
        return []
    header = [str(c) if c is not None else "" for c in grid.rows[0]]
    named = [vocab.column_of(c) if c.strip() else None for c in header]
    cards = [i for i, n in enumerate(named) if n == "kanban"]
    width = len(header)
    if cards and all(len(row) == width for row in grid.rows) and len(cards) < width - 1:
        grid.rows = [[c for i, c in enumerate(row) if i not in cards] for row in grid.rows]
        left = ", ".join(repr(header[i]) for i in cards)
        grid.note = (grid.note + "; " if grid.note else "") + f"a call-off's card columns left out ({left})"
        header = [h for i, h in enumerate(header) if i not in cards]
        named = [n for i, n in enumerate(named) if i not in cards]
    warnings = []
    items = [i for i, n in enumerate(named) if n == "item" and norm(header[i]) not in ("item", "item no", "no")]
    coded = [
        i
        for i in items
        if sum(bool(_CODE_CELL.fullmatch(str(row[i] or "").strip())) for row in grid.rows[1:]) * 2 > len(grid.rows) - 1
    ]
    if len(coded) >= 2:
        warnings.append(
            f"{grid.where}: two columns could be the item ({', '.join(repr(header[i]) for i in coded)}): "
            f"the first was read; a person checks which"
        )
    quantities = [i for i, n in enumerate(named) if n == "quantity"]
    if len(quantities) >= 2 and {"unit_price", "amount"} <= set(named):
        # the quantity is the column whose every row makes quantity × price = amount: the other
        # (how many cards or bins) is left out
        price, amount = named.index("unit_price"), named.index("amount")
        adding = [i for i in quantities if _adds_up(grid.rows[1:], i, price, amount)]
        if len(adding) == 1:
            others = [i for i in quantities if i != adding[0]]
            grid.rows = [[c for i, c in enumerate(row) if i not in others] for row in grid.rows]
            grid.note = (grid.note + "; " if grid.note else "") + (
                f"quantity from {header[adding[0]]!r}, whose rows add up; "
                f"{', '.join(repr(header[i]) for i in others)} left out"
            )
            return warnings
    if len(quantities) >= 2 and not {"unit_price", "amount"} <= set(named):
        warnings.append(
            f"{grid.where}: two columns could be the quantity ({', '.join(repr(header[i]) for i in quantities)}) "
            "and no price and amount decide between them: a person checks which"
        )
    return warnings


def _adds_up(rows: list[list[Any]], qty: int, price: int, amount: int) -> bool:
    """Whether every row with the three numbers has quantity × price = amount."""
    checked = 0
    for row in rows:
        if max(qty, price, amount) >= len(row):
            continue
        values = [parse_number(str(row[i] or "").replace(" ", "")) for i in (qty, price, amount)]
        if any(v is None for v in values):
            continue
        q, p, a = values
        if abs(q * p - a) > max(Decimal("0.01"), abs(a) * Decimal("0.0005")):
            return False
        checked += 1
    return checked > 0


_CODE_CELL = re.compile(r"(?=[A-Za-z0-9\-_/.]*\d)(?=[A-Za-z0-9\-_/.]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-_/.]{1,38}")
_TIMES = re.compile(r"^(?:[x×*]\s*(?P<a>\d[\d,.]*)|(?P<b>\d[\d,.]*)\s*[x×*])$", re.I)
_MONEY_CELL = re.compile(r"^(?:[$€£¥￥₩]\s?\d[\d,.' ]*|\d[\d,.' ]*\s?(?:[$€£¥￥₩円元원]|[A-Z]{3}))(?:\s+[A-Z]{3})?$")
_COLON_VALUE = re.compile(r"\s*[:：]\s*(?P<value>\S+)")


def times_rows(grid: Grid, vocab: Vocabulary) -> Grid | None:
    """Items written as a shop writes them, with no header row: a title cell (its "SKU: …"
    inside it), then "× 2", then the line's total ("$16.40"). Read into a grid with the
    standard header; the unit price is left for the reader to work out from the two."""
    if find_header(grid.rows, vocab) is not None:
        return None
    rows: list[list[str | None]] = []
    for row in grid.rows:
        cells = [str(c).strip() if c not in (None, "") else "" for c in row]
        at = next((k for k, c in enumerate(cells) if _TIMES.match(c)), None)
        if at is None or at == 0:
            continue
        money = [c for c in cells[at + 1 :] if _MONEY_CELL.match(c)]
        title = next((c for c in reversed(cells[:at]) if c), "")
        if len(money) != 1 or not title:
            continue
        times = _TIMES.match(cells[at])
        title, item = _labelled_code(title, vocab)
        quantity = (times.group("a") or times.group("b")) if times else None
        rows.append([item, title or None, quantity, None, _unit_price(quantity, money[0]), money[0]])
    if not rows:
        return None
    return Grid([["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"], *rows], f"{grid.where} items")


def _labelled_code(title: str, vocab: Vocabulary) -> tuple[str, str | None]:
    """ "Cable gland PG9 IP68 SKU: CAB-5055" → ("Cable gland PG9 IP68", "CAB-5055"): the words
    right before a colon that name the item column, and the code after it."""
    for colon in _COLON_VALUE.finditer(title):
        words = title[: colon.start()].split()
        for n in (1, 2, 3):
            label = " ".join(words[-n:])
            if len(words) >= n and vocab.exact_column(label) and vocab.column_of(label) == "item":
                return " ".join(words[:-n]).strip(" -–|,"), colon.group("value")
    return title, None


def _unit_price(quantity: str | None, amount: str) -> str | None:
    """The unit price a line's total and quantity give, only when it divides exactly (to four
    places): otherwise none, and the line goes without one."""
    qty, total = parse_number(quantity or ""), parse_number(re.sub(r"[^\d.,' ]", "", amount).strip())
    if not qty or total is None:
        return None
    price = (total / qty).quantize(Decimal("0.0001")).normalize()
    return f"{price:f}" if price * qty == total else None


def label_band(grid: Grid, vocab: Vocabulary) -> list[Line]:
    """A row of labels over a row of their values (a web ERP's header band: 발주번호 | 발주일자 |
    발주처 over the number, the date, the company) as "label: value" lines, one per column, so
    that the header reader pairs each value with the label above it."""
    out = []
    for at in range(len(grid.rows) - 1):
        labels, values = grid.rows[at], grid.rows[at + 1]
        cells = [str(c).strip() for c in labels if c not in (None, "") and str(c).strip()]
        known = sum(_is_label(c, vocab) for c in cells)
        if len(cells) < 2 or known < 2 or known * 3 < len(cells) * 2:
            continue
        if any(_is_label(str(v), vocab) for v in values if v not in (None, "")):
            continue  # two rows of labels: a form of label/value pairs side by side
        for k, label in enumerate(labels):
            value = values[k] if k < len(values) else None
            if label not in (None, "") and value not in (None, ""):
                out.append(Line([f"{str(label).strip()}: {str(value).strip()}"], f"{grid.where} row {at + 1} band"))
    return out


def _is_label(text: str, vocab: Vocabulary) -> bool:
    """A header field's label, or a party block's ("발주처", "Buyer", "Käufer")."""
    word = text.strip().rstrip(":：").strip()
    hit = vocab.label_at(f"{word}: 1")
    if hit is not None and not hit[2].strip(" 1"):
        return True
    return norm(word) in {w for words in vocab.parties.values() for w in words}


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


# --------------------------------------------------------------------------- items laid out as blocks

BLOCKS = "items laid out as blocks (<div>, <li>), each read as a row of its cells"
_INLINE = {
    "span", "b", "strong", "i", "em", "a", "small", "label", "font", "u", "sup", "sub", "bdi", "abbr",
    "code", "mark", "s", "del", "ins", "time", "data", "big",
}  # fmt: skip
_NOT_BLOCKS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "script", "style", "head", "select", "option"}
_LABELLED_CELL = re.compile(r"^(?P<label>[^\W\d_][^:：]{0,30}?)\s*[:：]\s*(?P<value>\S.*)$")
_NUMBER_CELL = re.compile(r"\d")
MAX_ELEMENTS = 20000  # elements of a page looked at for blocks
MAX_BLOCK = 200  # elements and strings inside one item's block


def has_lines_table(doc: Document, vocab: Vocabulary) -> bool:
    """Whether an HTML document holds a lines table: a grid under a header row the vocabulary
    knows, or items laid out as blocks read as rows (mail is made of layout tables that are none)."""
    return any(find_header(grid.rows, vocab) or BLOCKS in grid.note for grid in doc.grids)


def block_rows(soup: BeautifulSoup, name: str, vocab: Vocabulary) -> list[Grid]:
    """Items a web shop or a B2B portal lays out with ``<div>`` blocks rather than a table: a
    run of sibling elements of one kind (the same tag and first class), each holding a few cells —
    name, SKU, quantity, price, amount. Each block is a row; a block of words only before them
    (or the first of them) is their header; a cell "SKU: KNO-4917" is its value under its label.
    A run is kept only when the table reader would read it: a header the vocabulary knows, or rows
    whose quantity × price = amount. Kept blocks are taken out of the page's text."""
    grids: list[Grid] = []
    elements = soup.find_all(True, limit=MAX_ELEMENTS + 1)
    if len(elements) > MAX_ELEMENTS:
        return grids  # no shop page is this large: a bomb, or a document for a person
    inside: set[int] = set()
    for box in soup.find_all(["table", "select"]):
        if id(box) not in inside:  # a nested box's elements are counted once, with its outermost box
            inside.update(id(e) for e in box.find_all(True))
    for element in reversed(elements):
        if element.name in _NOT_BLOCKS or id(element) in inside or element.parent is None:
            continue
        runs: dict[tuple[str, str], list[Any]] = {}
        for child in element.find_all(True, recursive=False):
            runs.setdefault((child.name, (child.get("class") or [""])[0]), []).append(child)
        for members in runs.values():
            grid = _blocks_grid(members, f"{name} blocks {len(grids) + 1}", vocab)
            if grid is not None:
                grids.append(grid)
                for member in members:
                    member.decompose()
    return list(reversed(grids))


def _small(block: Any) -> bool:
    """Whether ``block`` holds at most ``MAX_BLOCK`` elements and strings (counted by walking its
    children: bs4's ``descendants`` first seeks the block's end, whatever its size)."""
    count, stack = 0, [block]
    while stack:
        for child in stack.pop().contents:
            count += 1
            if count > MAX_BLOCK:
                return False
            if isinstance(child, Tag):
                stack.append(child)
    return True


def _cells(block: Any) -> list[str]:
    """The texts of a block's cells, in order: an inline element (``<b>``, ``<span>``) beside text
    of its own parent ("<b>SKU:</b> KNO-4917") is part of that cell, not a cell of its own."""
    cells: dict[int, list[str]] = {}
    for string in block.find_all(string=True):
        text = str(string).strip()
        if not text or string.parent.name in ("script", "style"):
            continue
        cell = string.parent
        while cell is not block and cell.name in _INLINE and cell.parent is not block and _joins(cell.parent):
            cell = cell.parent
        cells.setdefault(id(cell), []).append(text)
    return [" ".join(parts) for parts in cells.values()]


def _joins(parent: Any) -> bool:
    """A parent whose inline children are one cell with it: it has text of its own, or one child."""
    own = any(str(c).strip() for c in parent.children if isinstance(c, str))
    return own or len(parent.find_all(True, recursive=False)) == 1


def _blocks_grid(members: list[Any], where: str, vocab: Vocabulary) -> Grid | None:
    if not any(isinstance(c, Tag) for m in members for c in m.contents):
        return None  # cells, not blocks of cells
    if not all(_small(m) for m in members):
        return None  # a block holding the page, not an item
    if any(m.find(["table", "select"]) for m in members):
        return None
    rows = [_cells(m) for m in members]
    if len(rows) > 2000 or not any(len(r) >= 3 and sum(bool(_NUMBER_CELL.search(c)) for c in r) >= 2 for r in rows):
        return None
    header: list[str] | None = None
    if rows and len(rows) > 1 and not any(_NUMBER_CELL.search(c) for c in rows[0]):
        header, rows = rows[0], rows[1:]
    else:
        before = members[0].find_previous_sibling(True)
        above = _cells(before) if before is not None and before.name not in _NOT_BLOCKS else []
        if above and len(above) == len(rows[0]) and not any(_NUMBER_CELL.search(c) for c in above):
            header = above
            members.insert(0, before)
    if header is None:  # "SKU: KNO-4917", "Qty: 2": the labels make the header
        labels: list[str] = [""] * max(len(r) for r in rows)
        for row in rows:
            for k, cell in enumerate(row):
                found = _LABELLED_CELL.match(cell)
                if found and vocab.column_of(found.group("label")) and not labels[k]:
                    labels[k] = found.group("label")
        if any(labels):
            header = labels
    if header is not None:
        rows = [[_value(c, vocab) for c in row] for row in rows]
    table = [list(header)] + rows if header else rows
    grid = Grid([list(r) for r in table], where, note=f"{where}: {BLOCKS}")
    if header is not None and find_header(grid.rows, vocab) is not None:
        return grid
    width = 100.0
    cells = [[aligned.Cell(c, k * width, k * width + width / 2) for k, c in enumerate(row) if c] for row in grid.rows]
    return grid if aligned.find(cells, vocab) is not None else None


def _value(cell: str, vocab: Vocabulary) -> str:
    found = _LABELLED_CELL.match(cell)
    return found.group("value") if found and vocab.column_of(found.group("label")) else cell
