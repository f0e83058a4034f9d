"""The shape of an order, in any language: rows of items whose quantity × price = amount.

Contract
    ``order_rows(rows) -> Shape | None`` looks at rows of cells (text lines split at their
    column gaps, HTML or spreadsheet rows) and says whether they hold a table of items with a
    quantity, a price and an amount — without reading a single word: the arithmetic is the
    same in Czech, Turkish or Korean. ``None`` when they do not.

    A row counts when it has an item-like text (a word or a code) and three numbers a, b, c, c
    to the right of a and b, with a × b = c to the cent (or to 0.1 %, for rounded amounts), and
    none of them trivial (a or b of 1, c equal to a or b: "1 × 5,00 = 5,00" proves nothing).
    The message has the shape of an order when:

    * two or more rows count; or
    * one row counts and the table around it says it is one: a header row of words just above
      (three or more cells without digits), or its amount repeated further down (a total).

    Failing that, rows typed by hand with the quantity first and the price last and no amount
    ("10 xabbo CG-1623-E (… IP68) @ $6.07") count when, in a run, their quantity × price add up
    to a number on one of the next rows (the total); a run of one row only when neither number
    is 1.

    Ordinary mail with numbers (dates, phone numbers, times, a price mentioned in a sentence)
    has no such arithmetic, so it stays what it was. Dates, times and percentages are not numbers
    here; a number written "1.234" or "1,234" is tried both ways (thousands or decimals).

    ``document_rows(doc)`` gives the rows of a ``Document`` (its lines and its grids) and
    ``text_rows(text, name)`` those of a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator

from .document import Document, split_text_line
from .normalize import grouped

ONE = Decimal(1)
CENT = Decimal("0.011")  # an amount rounded to the cent, and a cent of slack for the price's rounding
RELATIVE = Decimal("0.001")  # amounts printed rounded to units on large orders
MAX_NUMBERS = 12  # a row with more numbers than this is a matrix, not an order line
MAX_WORDS = 16
MAX_ROWS = 3000  # a line with more words than this is a sentence

# A number as written in a cell: signs, groups of digits with separators, an optional
# currency sign or code before and a unit or currency after ("€ 1.234,50", "500 ks", "1,20 Kč").
_NUMBER = re.compile(
    r"^(?:[$€£¥₺₩₽₹￥]|[A-Z]{3}|kr\.?|Kč|zł|TL|Ft|Rs\.?|руб\.?)?\s?"
    r"(?P<num>[-+]?\d[\d.,'’\u00a0\u202f\u2009 ]*\d|[-+]?\d)"
    r"\s?(?:[$€£¥₺₩₽₹￥]|[^\W\d_]{1,5}\.?)?$"
)
_TOKEN_NUMBER = re.compile(
    r"(?<![\w.,/:-])[-+]?\d[\d.,'’\u00a0\u202f\u2009]*\d(?![\w/:-])|(?<![\w.,/:-])\d(?![\w.,/:-])"
)
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_WORD = re.compile(r"[^\W\d_]{2,}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CODE = re.compile(r"^(?=.*\d)(?=.*[^\W\d_])[\w\-./]{3,}$")
_HEADER_CELL = re.compile(r"^[^\d]*[^\W\d_][^\d]*$")


@dataclass(frozen=True)
class Row:
    """One line of a table: where it is, its cells as written."""

    where: str
    cells: list[Any]


@dataclass(frozen=True)
class Shape:
    """Rows found with quantity × price = amount: enough to say a person must look."""

    rows: list[str]  # where each counted row is
    example: str  # the first one's arithmetic, as a person checks it: "500 × 1,20 = 600,00"
    what: str = "a table of items whose quantity × price = amount"

    def describe(self) -> str:
        where = ", ".join(self.rows[:3]) + (" …" if len(self.rows) > 3 else "")
        count = f"{len(self.rows)} rows" if len(self.rows) > 1 else "a row"
        return f"{self.what} ({count}: {where}; {self.example})"


def order_rows(rows: Iterable[Row]) -> Shape | None:
    """The order shape of ``rows`` (see the module docstring), or None. Only the first
    ``MAX_ROWS`` rows are looked at: an order's first lines show its shape."""
    rows = [r for r in rows if r.cells][:MAX_ROWS]
    found: list[tuple[int, str, Decimal]] = []  # (index in rows, arithmetic, amount)
    for index, row in enumerate(rows):
        product = _line_product(row.cells)
        if product:
            found.append((index, *product))
    if not found:
        return _priced_items(rows)
    if len(found) == 1:
        index, _, amount = found[0]
        if not (_header_above(rows, index) or _repeated_below(rows, index, amount)):
            return None
    return Shape([rows[i].where for i, _, _ in found], found[0][1])


def _gather(cells: list[Any]) -> tuple[list[tuple[str, set[Decimal]]], bool, int]:
    """A row's numbers (as written, values), whether it names an item (a word or a code), and
    how many words it has."""
    numbers: list[tuple[str, set[Decimal]]] = []
    texts: list[str] = []
    words = 0
    for cell in cells:
        for kind, value in _pieces(cell):
            if kind == "number":
                numbers.append(value)
            else:
                texts.append(value)
                words += sum(1 for word in value.split() if _WORD.search(word))  # not dashes, signs, "1)"
    return numbers, any(_WORD.search(t) or _CODE.match(t) for t in texts), words


def _line_product(cells: list[Any]) -> tuple[str, Decimal] | None:
    """(the arithmetic as written, the amount) when the row is an item line, else None."""
    numbers, item, words = _gather(cells)
    if len(numbers) < 3 or len(numbers) > MAX_NUMBERS or words > MAX_WORDS:
        return None
    if not item:
        return None  # no item: a row of figures (a statistics table, a bank statement's columns)
    for k in range(len(numbers) - 1, 1, -1):
        for i in range(k):
            for j in range(i + 1, k):
                hit = _multiplies(numbers[i][1], numbers[j][1], numbers[k][1])
                if hit:
                    return f"{numbers[i][0]} × {numbers[j][0]} = {numbers[k][0]}", hit
    return None


MAX_SUMS = 256  # readings of a run of priced items' sum; more, and the run proves nothing


def _priced_items(rows: list[Row]) -> Shape | None:
    """Rows in a run, each an item with its quantity first and its price last ("10 xabbo
    CG-1623-E (… IP68) @ $6.07", the numbers between are the item's own) and no amount, whose
    quantity × price add up to a number on one of the next rows (the total): the shape of an
    order typed by hand, in any language. A run of one row counts only when neither number is 1."""
    run: list[tuple[int, str, set[Decimal]]] = []  # (index, arithmetic, products)
    plain = False  # the run's one row multiplies by 1: "1 × 50 = 50" proves nothing
    for index, row in enumerate(rows + [Row("", [])]):
        numbers, item, words = _gather(row.cells)
        if 2 <= len(numbers) <= MAX_NUMBERS and item and words <= MAX_WORDS:
            quantity, price = numbers[0], numbers[-1]
            products = {a * b for a in quantity[1] for b in price[1] if a > 0 and b > 0}
            if products:
                plain = not run and (ONE in quantity[1] or ONE in price[1])
                run.append((index, f"{quantity[0]} × {price[0]}", products))
                continue
        if run and not (len(run) == 1 and plain):
            found = _total_below(rows, index, run)
            if found:
                return found
        run = []
    return None


def _total_below(rows: list[Row], index: int, run: list[tuple[int, str, set[Decimal]]]) -> Shape | None:
    sums = {Decimal(0)}
    for _, _, products in run:
        sums = {s + p for s in sums for p in products}
        if len(sums) > MAX_SUMS:
            return None
    for row in rows[index : index + 4]:
        for kind, value in (piece for cell in row.cells for piece in _pieces(cell)):
            if kind == "number" and any(v > 0 and abs(v - s) <= CENT for v in value[1] for s in sums):
                example = " + ".join(arithmetic for _, arithmetic, _ in run[:3]) + (" + …" if len(run) > 3 else "")
                return Shape(
                    [rows[i].where for i, _, _ in run],
                    f"{example} = {value[0]}",
                    "items priced one by one whose quantity × price add up to the total",
                )
    return None


def _multiplies(a_values: set[Decimal], b_values: set[Decimal], c_values: set[Decimal]) -> Decimal | None:
    for c in c_values:
        if c <= 0:
            continue
        slack = max(CENT, c * RELATIVE)
        for a in a_values:
            for b in b_values:
                if a <= 0 or b <= 0 or a == ONE or b == ONE or c in (a, b):
                    continue
                if abs(a * b - c) <= slack:
                    return c
    return None


def _pieces(cell: Any) -> Iterator[tuple[str, Any]]:
    """A cell as ("number", (as written, values)) and ("text", words) pieces."""
    if isinstance(cell, bool) or cell is None:
        return
    if isinstance(cell, (int, float, Decimal)):
        try:
            value = Decimal(str(cell))
        except InvalidOperation:
            return
        yield "number", (str(cell), {value})
        return
    if hasattr(cell, "isoformat"):
        return  # a date cell
    text = str(cell).strip()
    if not text:
        return
    whole = _number(text)
    if whole:
        yield "number", (text, whole)
        return
    rest, start = [], 0
    for match in _TOKEN_NUMBER.finditer(text):
        token = match.group(0)
        values = _values(token)
        if not values:
            continue
        rest.append(text[start : match.start()])
        start = match.end()
        yield "number", (token, values)
    rest.append(text[start:])
    words = " ".join(" ".join(rest).split())
    if words:
        yield "text", words


def _number(text: str) -> set[Decimal] | None:
    """The values a cell that is one number may mean; None when it is not one number."""
    if _DATE.match(text) or _TIME.search(text) or "%" in text or len(text) > 24:
        return None
    match = _NUMBER.match(text)
    if not match:
        return None
    return _values(match.group("num")) or None


def _values(raw: str) -> set[Decimal]:
    """ "1.234,50" → {1234.50}; "1,234" → {1234, 1.234}; "12,5" → {12.5}; dates → set()."""
    raw = raw.strip()
    if _DATE.match(raw):
        return set()
    sign = -1 if raw.startswith("-") else 1
    digits = re.sub(r"[\s'’\u00a0\u202f\u2009]", "", raw.lstrip("+-"))
    if not re.fullmatch(r"\d[\d.,]*", digits) or digits[-1] in ".,":
        return set()
    separators = [c for c in digits if c in ".,"]
    out: set[Decimal] = set()
    if not separators:
        out.add(Decimal(digits))
    elif len(set(separators)) == 2:
        decimal_sign = digits[max(digits.rfind("."), digits.rfind(","))]
        group_sign = "," if decimal_sign == "." else "."
        whole, _, fraction = digits.rpartition(decimal_sign)
        if decimal_sign in whole or not grouped(whole, group_sign):
            return set()
        out.add(Decimal(whole.replace(group_sign, "") + "." + fraction))
    else:
        sep = separators[0]
        if len(separators) > 1:
            if grouped(digits, sep):
                out.add(Decimal(digits.replace(sep, "")))
        else:
            whole, _, fraction = digits.partition(sep)
            out.add(Decimal(whole + "." + fraction))
            if len(fraction) == 3 and grouped(digits, sep):
                out.add(Decimal(whole + fraction))  # "1,234": a thousand, or one and a bit
    return {sign * v for v in out}


def _header_above(rows: list[Row], index: int) -> bool:
    """A row of three or more word cells without digits right above (a table's header)."""
    for row in rows[max(0, index - 2) : index][::-1]:
        cells = [str(c).strip() for c in row.cells if c not in (None, "") and str(c).strip()]
        if len(cells) == 1 and len(cells[0].split()) >= 3:
            cells = cells[0].split()  # a header typed with single spaces
        if len(cells) >= 3 and all(_HEADER_CELL.match(c) and len(c) <= 30 for c in cells):
            return True
    return False


def _repeated_below(rows: list[Row], index: int, amount: Decimal) -> bool:
    """The row's amount again on one of the next rows: the order's total."""
    for row in rows[index + 1 : index + 8]:
        for cell in row.cells:
            for kind, value in _pieces(cell):
                if kind == "number" and amount in value[1]:
                    return True
    return False


# --------------------------------------------------------------------------- where rows come from


def text_rows(text: str, name: str) -> list[Row]:
    """A text's lines as rows, split at tabs, pipes and runs of spaces."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            out.append(Row(f"{name} line {number}", split_text_line(line, "").segments))
    return out


def document_rows(doc: Document) -> list[Row]:
    """A document's text lines, then its grids' rows (tables of HTML, spreadsheets, PDFs)."""
    out = [Row(line.where, list(line.segments)) for line in doc.lines]
    for grid in doc.grids:
        out.extend(Row(grid.row_where(i), [c for c in row if c not in (None, "")]) for i, row in enumerate(grid.rows))
    return out
