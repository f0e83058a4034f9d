"""Line tables found without a header: by column alignment and by arithmetic.

Contract
    ``find(rows, vocab) -> Found | None``. ``rows`` are the lines of a page (or the rows of a
    sheet) as cells with their horizontal extent (``Cell``: text, x0, x1). Used when no row is
    a recognised lines header — a header in a language the vocabulary does not know, or no
    header at all. Returns where the table is, its columns' extents and what each column
    holds, or None. Nothing here reads a header word:

    * a row is an *item row* when three of its numbers, left to right, are a quantity, a price
      and an amount (q × p = a to the cent; none of them trivial: a quantity of 1 proves
      nothing on its own) with a text cell left of them;
    * the item rows whose quantity, price and amount sit in the same columns (right edges
      within a few points: numbers are right-aligned) form the table; it runs from the first
      such row to the last, taking the rows between (wrapped descriptions, schedule sub-rows)
      and a total row right under it;
    * the other columns are named by what their cells hold in the item rows: small numbers
      counting 1, 2, 3 → the line number; dates → the delivery date; short words → the unit;
      a code with digits → the item; the longest text → the description.

    The caller reads the table with the usual table reader, under a header made of the
    columns' names, and says in ``--explain`` that it was found this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from .normalize import date_spans, parse_number
from .sizes import is_size
from .vocabulary import Vocabulary

ALIGN = 8.0  # points: right edges of one column's numbers differ less than this
MAX_BETWEEN = 4  # rows between two item rows (a wrapped description, a sub-row) before the table ends
HEADER_NAMES = {
    "line_no": "No.",
    "item": "Item",
    "description": "Description",
    "quantity": "Qty",
    "unit": "Unit",
    "unit_price": "Unit Price",
    "amount": "Amount",
    "delivery_date": "Delivery Date",
}


@dataclass
class Cell:
    text: str
    x0: float
    x1: float


@dataclass
class Found:
    first: int  # index of the first row of the table
    end: int  # index after its last row
    spans: list[tuple[float, float]]  # each column's extent, left to right
    names: list[str]  # what each column holds ("" for a column read as nothing)
    rows: list[int]  # the item rows

    def header(self) -> list[str]:
        """A header row the shared table reader understands: the columns' English names."""
        return [HEADER_NAMES.get(name, "") for name in self.names]

    def describe(self, place: Callable[[float, float], str] = lambda x0, x1: f"x {x0:.0f}–{x1:.0f}") -> str:
        named = ", ".join(f"{name} at {place(x0, x1)}" for name, (x0, x1) in zip(self.names, self.spans) if name)
        return (
            f"no header recognised: a table found by column alignment and arithmetic"
            f" ({len(self.rows)} rows with quantity × price = amount; columns: {named})"
        )


def _number(text: str, decimal_comma: bool | None = None) -> Decimal | None:
    if not re.search(r"\d", text) or date_spans(text) or re.search(r"\d:\d\d|%", text):
        return None
    return parse_number(text, decimal_comma)


def _product(cells: list[Cell], decimal_comma: bool | None) -> tuple[int, int, int] | None:
    """Indices (quantity, price, amount) of three numbers in the row with q × p = a."""
    numbers = [(i, v) for i, c in enumerate(cells) if (v := _number(c.text, decimal_comma)) is not None]
    if len(numbers) < 3 or len(numbers) > 10:
        return None
    first_text = next(
        (i for i, c in enumerate(cells) if _number(c.text) is None and re.search(r"[^\W\d_]", c.text)), None
    )
    if first_text is None:
        return None
    for k in range(len(numbers) - 1, 1, -1):
        ak, a = numbers[k]
        if not a:
            continue
        for i in range(k - 1):
            for j in range(i + 1, k):
                (qi, q), (pj, p) = numbers[i], numbers[j]
                if q <= 0 or p <= 0 or (q == 1 and p == a) or first_text > qi:
                    continue
                if abs(q * p - a) <= max(Decimal("0.011"), abs(a) * Decimal("0.0005")):
                    return qi, pj, ak
    return None


def find(rows: list[list[Cell]], vocab: Vocabulary, decimal_comma: bool | None = None) -> Found | None:
    """The table in ``rows`` (see the module docstring); ``decimal_comma`` as the document
    writes its numbers (None: as each number looks)."""
    products = {index: p for index, cells in enumerate(rows) if (p := _product(cells, decimal_comma))}
    if not products:
        return None
    # rows whose three numbers line up with those of another row: the largest such family
    families: list[list[int]] = []
    for index, (qi, pj, ak) in products.items():
        edges = (rows[index][qi].x1, rows[index][pj].x1, rows[index][ak].x1)
        for family in families:
            head = family[0]
            q0, p0, a0 = products[head]
            other = (rows[head][q0].x1, rows[head][p0].x1, rows[head][a0].x1)
            if all(abs(a - b) <= ALIGN for a, b in zip(edges, other)) and index - family[-1] <= MAX_BETWEEN + 1:
                family.append(index)
                break
        else:
            families.append([index])
    family = max(families, key=len)
    if len(family) == 1 and _trivial(rows[family[0]], products[family[0]], decimal_comma):
        return None
    first, last = family[0], family[-1]
    end = _end(rows, last, vocab)
    spans = _columns([rows[i] for i in family])
    if spans is None:
        return None
    names = _name_columns(spans, [rows[i] for i in family], [products[i] for i in family])
    if names is None:
        return None
    if end == last + 1:
        end = _wrapped_after(rows, last, spans, names, vocab)
    return Found(first, end, spans, names, family)


def _wrapped_after(
    rows: list[list[Cell]], last: int, spans: list[tuple[float, float]], names: list[str], vocab: Vocabulary
) -> int:
    """After the last item row, the rows of its description wrapped below it: text only, set
    inside the item and description columns (from the description's left edge, never from the
    margin where a note or the terms start), at most ``MAX_BETWEEN`` of them; a total right
    under them belongs to the table too."""
    texts = [spans[k] for k, name in enumerate(names) if name in ("item", "description")]
    quantity = spans[names.index("quantity")]
    if not texts:
        return last + 1
    left = min(x0 for x0, _ in texts)
    end = last + 1
    for index in range(last + 1, min(len(rows), last + 1 + MAX_BETWEEN)):
        cells = rows[index]
        if not cells or any(c.x0 < left - 2 or c.x1 > quantity[0] for c in cells):
            break
        label = " ".join(c.text for c in cells)
        if vocab.is_row("total", label) or vocab.is_row("carried", label) or vocab.is_row("notes", label):
            break
        end = index + 1
    return _end(rows, end - 1, vocab) if end > last + 1 else end


def _trivial(cells: list[Cell], product: tuple[int, int, int], decimal_comma: bool | None) -> bool:
    """One row alone must be a plain item row: a quantity above 1."""
    return (parse_number(cells[product[0]].text, decimal_comma) or 0) <= 1


def _end(rows: list[list[Cell]], last: int, vocab: Vocabulary) -> int:
    """After the last item row: a total row within the next few rows belongs to the table."""
    for index in range(last + 1, min(len(rows), last + 4)):
        label = " ".join(c.text for c in rows[index][:2])
        if rows[index] and vocab.is_row("carried", label):
            continue  # "Total page 1", "Total carried forward": a page's sum, the table goes on
        if rows[index] and (
            vocab.is_row("total", rows[index][0].text)
            or vocab.is_row("total", label)
            or vocab.is_row("subtotal", rows[index][0].text)
        ):
            return index + 1
    return last + 1


def _columns(rows: list[list[Cell]]) -> list[tuple[float, float]] | None:
    """Column extents: the cells of the item rows, merged where they overlap horizontally."""
    spans: list[list[float]] = []
    for x0, x1 in sorted((c.x0, c.x1) for cells in rows for c in cells):
        if spans and x0 < spans[-1][1] - 1:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    return [(a, b) for a, b in spans] if len(spans) >= 4 else None


def _column_of(spans: list[tuple[float, float]], cell: Cell) -> int:
    centre = (cell.x0 + cell.x1) / 2
    return min(
        range(len(spans)),
        key=lambda i: (
            0 if spans[i][0] <= centre <= spans[i][1] else min(abs(centre - spans[i][0]), abs(centre - spans[i][1]))
        ),
    )


_CODE = re.compile(r"^(?=\S*\d)[\w][\w\-./#]{2,}$")
_UNIT = re.compile(r"^[^\W\d_]{1,6}\.?$")


def _name_columns(
    spans: list[tuple[float, float]], rows: list[list[Cell]], products: list[tuple[int, int, int]]
) -> list[str] | None:
    names = [""] * len(spans)
    texts: list[list[str]] = [[] for _ in spans]
    for cells, product in zip(rows, products):
        for role, index in zip(("quantity", "unit_price", "amount"), product):
            column = _column_of(spans, cells[index])
            if names[column] not in ("", role):
                return None  # two roles in one column: not a table
            names[column] = role
        for cell in cells:
            texts[_column_of(spans, cell)].append(cell.text)
    quantity = names.index("quantity")
    for column, values in enumerate(texts):
        if names[column] or not values:
            continue
        if all(date_spans(v) for v in values):
            names[column] = "delivery_date"
        elif column > quantity - 2 and all(_UNIT.match(v) for v in values) and "unit" not in names:
            names[column] = "unit"
        elif column < quantity and _counts_up(values, len(rows)):
            names[column] = "line_no"
    left = [c for c in range(quantity) if not names[c] and texts[c]]
    coded = [c for c in left if sum(1 for v in texts[c] if _code(v)) * 2 > len(texts[c])]
    if coded:
        names[coded[0]] = "item"
    rest = [c for c in left if not names[c]]
    if rest:
        longest = max(rest, key=lambda c: sum(len(v) for v in texts[c]) / len(texts[c]))
        names[longest] = "description"
    if "item" not in names and "description" not in names:
        return None
    return names


def _code(text: str) -> bool:
    """A code with digits ("HX-2040"), also behind a line number set close to it ("1 HX-2040")."""
    parts = text.split()
    code = parts[1] if len(parts) == 2 and parts[0].isdigit() else text
    return bool(_CODE.match(code)) and not is_size(code)


def _counts_up(values: list[str], rows: int) -> bool:
    numbers = [v.strip().rstrip(".") for v in values]
    return (
        len(numbers) == rows
        and all(n.isdigit() for n in numbers)
        and [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + rows))
        and len(numbers) > 0
    )
