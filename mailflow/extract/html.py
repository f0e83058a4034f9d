"""HTML (a body or an .html file) → ``Document``: tables as grids, the rest as text lines.

Contract
    ``read(data, name, vocab)`` / ``from_html(html, name)`` never raise. Nested layout tables
    (HTML mail is built of them) are read innermost-first: a table holding other tables is
    layout, not data. ``<br>`` inside a cell is a wrapped line, joined with a space.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bs4 import BeautifulSoup

from .csv import decode
from . import digits, texttable
from .tables import find_header
from .document import Document, Grid, Line, split_text_line
from .normalize import parse_number
from .vocabulary import Vocabulary, norm


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    text, _ = decode(data)
    return from_html(text or "", name, vocab)


def from_html(html: str, name: str, vocab: Vocabulary | None = None) -> Document:
    doc = Document(name)
    soup = BeautifulSoup(digits.plain(html), "html.parser")
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
    for index, line in enumerate(soup.get_text("\n").splitlines(), start=1):
        if line.strip():
            doc.lines.append(split_text_line(line, f"{name} line {index}"))
    return doc


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
