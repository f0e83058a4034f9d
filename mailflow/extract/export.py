"""A flat export of an order (an EDI translator's, an ERP's) → a grid the table reader knows.

Exports write one row per order line and repeat the order's header fields (PO number, PO date,
buyer, ship-to) on every row, then the line's number, part, description, quantity, unit, price
and need-by date. Their column titles are the translator's ("Buyer Part #", "Qty Ordered"), or
there are none at all; some put a record type first: one ``H`` row for the order's header, then
``D`` rows for its lines. Read as a table under a header of known words, such a file gave no
lines, or took the buyer's name for the description.

Contract
    ``canonical(rows, name, vocab) -> Grid | None``: when ``rows`` (the cells of a CSV file) are
    such an export, a grid of the same values under a header row of words the table reader knows
    ("PO Number", "Buyer", "Part Number", "Quantity", "Unit Price", "Delivery Date"...), each
    column named by what it holds, its own title deciding only where its cells agree with it; its
    ``note`` says how every column was named (``--explain``). ``None`` when the rows are anything
    else (a header block over a table, a list of label;value rows, a sheet of text). A few rows
    of another shape under the lines (a total, a record count) are handed on as they stand.

    How a column is named: the line number (1, 2, 3… or 10, 20, 30… down the rows) divides the
    order's fields (left of it) from the line's (right of it); without one, a column holding one
    value on every row of several is the order's. Of the order's fields a date is the PO date, a
    currency code the currency, the first code or number the PO number, the first name the buyer
    and the next the ship-to. Of the line's, quantity × price = amount when an amount is printed;
    else the number before the unit is the quantity and the one after it the price; a code is the
    part, words are the description, a date the need-by date. Only unambiguous dates (20261120,
    2026-11-20) become dates here; others stay text for the date reader, which weighs the file.

    ``reading(rows, name, vocab) -> Reading | None``: the same grid, what each column was taken
    for, and the doubts the readers add to the document's warnings: a column titled in words no
    vocabulary knows whose field was only guessed (two numbers told apart by their order with
    no product to confirm them, the first of several codes as the PO number, a date on every
    row as the PO date with no line numbers) is read and flagged, never passed on silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .document import Grid
from .normalize import find_currency
from .vocabulary import Vocabulary

MAX_ROWS = 5000  # rows looked at; a longer file is not one order's export
MIN_FILLED = 0.7  # a row of the export fills this share of the columns its rows use
MAX_LINES = 1000  # more rows than an order has lines: a listing, a report
MAX_QUANTITY = 10_000_000  # a quantity column holds no number this large
MAX_COLUMNS = 80  # an order export has a few dozen columns at most
MAX_NUMBER_COLUMNS = 12  # columns of numbers tried three by three for quantity × price = amount
MAX_TRAILER = 3  # rows of another shape under the lines (a total, a record count)
MAX_PREAMBLE = 8  # rows of a title and "Label: value" lines over the lines

# The header row handed on: words the bundled vocabulary reads as these fields.
TITLES = {
    "po_number": "PO Number",
    "po_date": "PO Date",
    "buyer": "Buyer",
    "ship_to": "Ship To",
    "currency": "Currency",
    "line_no": "Line",
    "item": "Part Number",
    "description": "Description",
    "quantity": "Quantity",
    "unit": "Unit",
    "unit_price": "Unit Price",
    "amount": "Amount",
    "delivery_date": "Delivery Date",
}
# Words after a field's label that still name the field itself ("Bill To Name", "Currency Code")
NAMING_WORDS = {"", "name", "number", "no", "nr", "code", "id", "名称", "名稱", "编码", "編碼", "编号", "編號"}
ORDER_FIELDS = ("po_number", "po_date", "buyer", "ship_to", "currency")

_INTEGER = re.compile(r"[-+]?\d+")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:[.,'\u00a0 ]\d{3})+|\d+)(?:[.,]\d+)?")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
_COMPACT_DATE = re.compile(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?")
_CODE = re.compile(r"[^\s]*\d[^\s]*")
_RECORD_TYPE = re.compile(r"[A-Z]{1,3}\d{0,2}")
# money with its currency in the cell: "€ 3,40", "3.40 EUR", "US$1,250.00"
_MONEY = re.compile(r"(?:([^\d\s.,+-]{1,3})\s?)?([-+]?\d[\d.,'\u00a0 ]*)(?:\s?([^\d\s.,]{1,3}))?")


@dataclass
class Reading:
    """An export read: its grid, what each of the file's columns was taken for (column index →
    field), and the doubts a person must settle: columns under titles no vocabulary knows that
    were named only by their place or their kind, never confirmed by the arithmetic."""

    grid: Grid
    roles: dict[int, str]
    doubts: list[str] = field(default_factory=list)


@dataclass
class Column:
    """What one column holds over the export's rows."""

    index: int
    title: str = ""
    kinds: set[str] = field(default_factory=set)
    values: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The one kind of all its filled cells; a number among codes is a code."""
        kinds = self.kinds - {"empty"}
        if len(kinds) == 1:
            return next(iter(kinds))
        if kinds and kinds <= {"number", "code"}:
            return "code"
        if kinds and kinds <= {"unit", "text"}:
            return "text"
        return "mixed" if kinds else "empty"

    @property
    def filled(self) -> list[str]:
        return [v for v in self.values if v]

    @property
    def constant(self) -> bool:
        return len(self.values) >= 2 and len(self.filled) == len(self.values) and len(set(self.values)) == 1


def canonical(rows: list[list[Any]], name: str, vocab: Vocabulary) -> Grid | None:
    """The export in ``rows`` under a header of known words, or None (see the module docstring).
    A few rows of one or two cells over the export (a title, "Buyer: …", "Exported: …") are its
    preamble: the export is read under them when its rows repeat the order's fields (a form's
    header block over a table of lines is not an export), and they stay on top of the grid,
    where the field reader finds the labels they hold."""
    read = reading(rows, name, vocab)
    return read.grid if read is not None else None


def reading(rows: list[list[Any]], name: str, vocab: Vocabulary) -> Reading | None:
    """``canonical``'s grid, with what it took each of the file's columns for (column index →
    field: "po_number", "buyer", "line_no", "description", "quantity"...) and the doubts left
    (``Reading``): the reader's warnings, which ask a person to check."""
    rows = [[_text(c) for c in row] for row in rows[:MAX_ROWS]]
    rows = [row for row in rows if any(row)]
    for start in range(min(MAX_PREAMBLE, len(rows) - 2) + 1):
        if start and not _preamble(rows[start - 1]):
            break
        read = _export(rows[start:], name, vocab, rows[:start])
        if read is not None:
            return read
    return None


def misread(header: dict[int, str], roles: dict[int, str]) -> list[int]:
    """The columns a header reading (column → field) takes for a line's field that the export's
    reading gives to the order: "Buyer Name" read as the description although it holds one
    company on every line, left of the line numbers. Only words are so misread: a column titled
    as a quantity, a price or an amount keeps its title's field even when every line holds the
    same figure (four sizes of a knob at one price are no PO number)."""
    return [c for c, f in header.items() if f in WORDED_LINE_FIELDS and roles.get(c) in ORDER_FIELDS]


WORDED_LINE_FIELDS = ("item", "description")


def _preamble(row: list[str]) -> bool:
    """A title or a label and its value: one or two cells filled."""
    return sum(1 for cell in row if cell) <= 2


def _export(rows: list[list[str]], name: str, vocab: Vocabulary, preamble: list[list[str]]) -> Reading | None:
    if not rows:
        return None
    order: dict[str, str] = {}
    how: list[str] = []
    records = _record_types(rows)
    if records is None and len(rows) > 2:
        records = _record_types(rows[1:])  # under a row of titles ("RecType;PO;...")
    if records is not None:
        header_rows, rows = records
        order = _order_record(header_rows[0], vocab, how)
        if not order.get("po_number"):
            return None
        rows = _without_key(rows, order["po_number"])
    titles: list[str] = []
    if records is None and _titles(rows):
        titles, rows = rows[0], rows[1:]
    trailer: list[list[str]] = []
    while len(rows) > 2 and len(trailer) < MAX_TRAILER and not _uniform(rows) and _uniform(rows[:-1]):
        trailer.insert(0, rows.pop())  # a total or a count under the lines: handed on as it stands
    if not rows or len(rows) > MAX_LINES or not _uniform(rows):
        return None
    width = max(len(r) for r in rows)
    if width > MAX_COLUMNS:
        return None  # wider than any order export: a matrix, a report
    columns = [Column(i, titles[i] if i < len(titles) else "") for i in range(width)]
    for row in rows:
        for column in columns:
            value = row[column.index] if column.index < len(row) else ""
            column.values.append(value)
            column.kinds.add(_kind(value, vocab))
    guessed: dict[int, str] = {}
    roles = _roles(columns, vocab, order, how, guessed)
    _written_currency(columns, roles, order, how)
    if "quantity" not in roles.values() or not {"item", "description"} & set(roles.values()):
        return None
    if preamble and not set(ORDER_FIELDS) & set(roles.values()):
        return None  # a form's header block over its table, which the table reader reads as it is
    quantities = next(c for c in columns if roles.get(c.index) == "quantity")
    if any((q := _decimal(v)) is None or not 0 <= q < MAX_QUANTITY for v in quantities.filled):
        return None  # "8550589488": a document number, not how many are ordered (a list of POs)
    grid = _grid(columns, roles, order, rows + trailer, name, vocab, how, preamble)
    return Reading(grid, roles, _doubts(columns, roles, guessed, vocab, name))


def _doubts(
    columns: list[Column], roles: dict[int, str], guessed: dict[int, str], vocab: Vocabulary, name: str
) -> list[str]:
    """A warning per column the file titles in words no vocabulary knows ("Stk", "EP", "Doc")
    whose field was only guessed: two numbers or more told apart by their order alone (no
    product adds up), the PO number as the first of several codes repeated on every row, a
    date on every line as the PO date with no line numbers to say it is the order's. The
    reading stands, so that a person corrects rather than types; it is never passed on
    silently. (Who buys is not doubted here: the customer's name is weighed on its own.)"""
    out = []
    for column in columns:
        why = guessed.get(column.index)
        if why is None or not column.title or _known_title(column, vocab):
            continue
        field = roles[column.index].replace("_", " ")
        out.append(f"{name}: column {column.index + 1} '{column.title[:30]}' is read as the {field} ({why}): check it")
    return out


def _written_currency(columns: list[Column], roles: dict[int, str], order: dict[str, str], how: list[str]) -> None:
    """The currency every price or amount cell writes beside its number ("€ 3,40", "850.00 EUR")
    is the order's, when no column names one: one currency for all of them, named for sure (a
    bare "$" or "kr" is left to the reader of the whole file, which asks which one)."""
    if "currency" in order or "currency" in roles.values():
        return
    signs = {
        money[1]
        for column in columns
        if roles.get(column.index) in ("unit_price", "amount")
        for value in column.filled
        if (money := _money(value))
    }
    if len(signs) != 1:
        return
    sign = signs.pop()
    found = find_currency(sign)
    if found.value and not found.ambiguous and sign != "$":
        order["currency"] = found.value
        how.append(f"the prices are written with {sign!r}: the currency is {found.value}")


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def _kind(value: str, vocab: Vocabulary) -> str:
    """empty, date, number, currency, unit, code (no spaces, a digit) or text."""
    if not value:
        return "empty"
    if _COMPACT_DATE.fullmatch(value) or _DATE.fullmatch(value) or _ISO_DATE.fullmatch(value):
        return "date"
    if _NUMBER.fullmatch(value) or _money(value):
        return "number"
    if re.fullmatch(r"[A-Z]{3}", value) and find_currency(value).value == value:
        return "currency"
    if re.fullmatch(r"[^\W\d_]{1,4}\.?", value) or value.lower() in vocab.units:
        return "unit"
    if _CODE.fullmatch(value):
        return "code"
    return "text"


def _record_types(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]] | None:
    """(the order's header records, its line records without their type) when the first column
    is a record type ("H", "D"; "HDR", "DTL"): a few letters, two kinds or more, the lines' kind
    the most frequent and coming after the header's. None otherwise."""
    types = [row[0] for row in rows]
    if not all(_RECORD_TYPE.fullmatch(t) for t in types) or len(set(types)) < 2:
        return None
    counts = {t: types.count(t) for t in types}
    detail = max(counts, key=lambda t: (counts[t], types.index(t)))
    first_detail = types.index(detail)
    header = [row[1:] for row in rows[:first_detail]]
    if not header or counts[detail] < 1 or len({row[0] for row in rows[:first_detail]}) != 1:
        return None
    return header, [row[1:] for row in rows if row[0] == detail]


def _order_record(cells: list[str], vocab: Vocabulary, how: list[str]) -> dict[str, str]:
    """The order's fields in a header record, named by their kind in the order exports print
    them: the first code or number the PO number, dates the PO date (then a delivery date,
    not kept), a currency code, the first name the buyer and the next the ship-to."""
    order: dict[str, str] = {}
    for k, value in enumerate(cells):
        kind = _kind(value, vocab)
        role = _order_role(kind, order)
        if role and role not in order:
            order[role] = value
            how.append(f"header record field {k + 2} ({value[:30]!r}) is the {role.replace('_', ' ')}")
    return order


def _order_role(kind: str, taken: dict[str, Any] | set[str]) -> str | None:
    if kind == "date":
        return "po_date" if "po_date" not in taken else None
    if kind == "currency":
        return "currency"
    if kind in ("code", "number"):
        return "po_number" if "po_number" not in taken else None
    if kind in ("text", "unit"):
        if "buyer" not in taken:
            return "buyer"
        return "ship_to" if "ship_to" not in taken else None
    return None


def _without_key(rows: list[list[str]], key: str) -> list[list[str]]:
    """Line records without the column repeating the order's PO number (the record's key)."""
    width = max(len(r) for r in rows)
    keep = [i for i in range(width) if not all(i < len(r) and r[i] == key for r in rows)]
    return [[r[i] if i < len(r) else "" for i in keep] for r in rows]


def _titles(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns: words only, over a column of numbers or dates."""
    if len(rows) < 2:
        return False
    first = rows[0]
    if sum(1 for c in first if c) < 2 or any(_NUMBER.fullmatch(c) or _DATE.fullmatch(c) for c in first if c):
        return False
    below = rows[1:]
    if sum(1 for c in first if c) * 2 < max(sum(1 for c in r if c) for r in below):
        return False  # "Run date:;2026-11-18 06:12" over rows of eleven cells: a label, not titles
    return any(
        first[i] and all(i < len(r) and (_NUMBER.fullmatch(r[i]) or _DATE.fullmatch(r[i])) for r in below)
        for i in range(len(first))
    )


def _uniform(rows: list[list[str]]) -> bool:
    """Every row fills most of the columns the rows use: a list of lines, not a form."""
    width = max(len(r) for r in rows)
    used = [i for i in range(width) if sum(1 for r in rows if i < len(r) and r[i]) * 2 >= len(rows)]
    if len(used) < 2:
        return False
    return all(sum(1 for i in used if i < len(r) and r[i]) >= MIN_FILLED * len(used) for r in rows)


def _line_numbers(column: Column) -> bool:
    """1, 2, 3… or 10, 20, 30… (or 0010, 0020…) down the rows."""
    if column.kind != "number" or len(column.filled) != len(column.values):
        return False
    if not all(_INTEGER.fullmatch(v) for v in column.values):
        return False
    numbers = [int(v) for v in column.values]
    step = numbers[0]
    return step in (1, 10, 100) and numbers == [step * (k + 1) for k in range(len(numbers))]


def _roles(
    columns: list[Column], vocab: Vocabulary, order: dict[str, str], how: list[str], guessed: dict[int, str]
) -> dict[int, str]:
    """Column index → field, for the columns read (see the module docstring); ``guessed`` gets
    the columns named only by their kind or place, and how."""
    roles: dict[int, str] = {}
    columns = [c for c in columns if not _suppliers(c, vocab)]
    line_no = next((c for c in columns if _line_numbers(c) and _titled(c, vocab) in (None, "line_no")), None)
    if line_no is not None:
        roles[line_no.index] = "line_no"
        ours = [c for c in columns if c.index < line_no.index]
        lines = [c for c in columns if c.index > line_no.index]
        how.append(f"column {line_no.index + 1} numbers the lines: the columns before it are the order's")
    else:
        ours = [c for c in columns if c.constant and c.kind != "unit"]
        lines = [c for c in columns if c not in ours]
        if ours:
            how.append("the columns holding one value on every row are the order's")
    taken = set(order)
    for column in ours:
        role = _titled(column, vocab)
        if role == "delivery_date" and _fits(role, column.kind) and role not in taken:
            pass  # "交货日期" holding one date for every line: the lines' date, not the PO date
        elif _fits(role, column.kind) and role in taken:
            continue  # a second column of a field its title names: left unnamed, not guessed
        elif role not in ORDER_FIELDS or role in taken or not _fits(role, column.kind):
            role = _order_role(column.kind, taken)
            if role in ("buyer", "ship_to") and _known_title(column, vocab):
                continue  # a title naming something else ("交货地点", "Vendor"): who buys is not guessed there
            rivals = [c for c in ours if c is not column and c.kind in ("code", "number")]
            if role == "po_number" and rivals:
                guessed[column.index] = "the first of the codes on every row"
            elif role == "po_date" and line_no is None:
                guessed[column.index] = "a date on every row: the order's date, or the day the lines are due?"
        if role is not None:
            roles[column.index] = role
            taken.add(role)
    _line_roles(lines, vocab, roles, guessed)
    for column in columns:
        if column.index in roles:
            said = f"'{column.title}'" if column.title else f"{column.kind}s"
            how.append(f"column {column.index + 1} ({said}) is the {roles[column.index].replace('_', ' ')}")
    return roles


def _known_title(column: Column, vocab: Vocabulary) -> bool:
    """Whether the vocabulary knows the column's title as some field or line column."""
    return bool(column.title) and (
        vocab.label_at(column.title) is not None or vocab.column_of(column.title) is not None
    )


def _suppliers(column: Column, vocab: Vocabulary) -> bool:
    """A column its title gives to the supplier ("供应商名称", "Vendor Number"): our own name and
    numbers, never the buyer, a part or a description."""
    hit = vocab.label_at(column.title) if column.title else None
    return hit is not None and hit[0] == "supplier"


_NET = re.compile(r"不含税|未税|除税|税前|excl|\bnet\b|before tax|ohne mwst|netto|hors tax|\bht\b", re.I)


def _titled(column: Column, vocab: Vocabulary) -> str | None:
    """The field the column's own title names, if any."""
    if not column.title:
        return None
    hit = vocab.label_at(column.title)
    rest = hit[2].strip(" #.:").lower() if hit is not None else ""
    if hit is not None and rest in NAMING_WORDS and hit[0] in ORDER_FIELDS + ("delivery_date",):
        return str(hit[0])  # "Buyer Name", "Currency Code", "PO Number": the field itself
    return vocab.column_of(column.title)


_FITS = {
    "po_number": {"code", "number", "text", "unit"},
    "po_date": {"date"},
    "delivery_date": {"date"},
    "buyer": {"text"},
    "ship_to": {"text", "code"},
    "currency": {"currency"},
    "line_no": {"number"},
    "item": {"code", "number", "text", "unit", "mixed"},  # "1 BRA-7493" over "2HOU-6056": the table reader unglues them
    "description": {"text", "mixed"},
    "quantity": {"number"},
    "unit": {"unit", "text"},
    "unit_price": {"number"},
    "amount": {"number"},
}


def _fits(role: str | None, kind: str) -> bool:
    return role is not None and kind in _FITS.get(role, set())


def _line_roles(columns: list[Column], vocab: Vocabulary, roles: dict[int, str], guessed: dict[int, str]) -> None:
    """The line's columns: titles where the cells agree, then numbers by their arithmetic and
    their place around the unit, codes, words and dates by kind. A column of words whose title
    names a field another column holds ("Article" beside "SKU") is the description when no
    column is."""
    free = []
    spare = []
    for column in columns:
        role = _titled(column, vocab)
        if _fits(role, column.kind) and role not in roles.values():
            roles[column.index] = str(role)  # a line's field, or the order's written on every line
        elif role in ("unit_price", "amount") and _fits(role, column.kind) and _NET.search(column.title):
            # 不含税价 beside 含税价: the lines are read before tax, as the tax comes on top
            held = next(i for i, r in roles.items() if r == role)
            if not _NET.search(next(c.title for c in columns if c.index == held)):
                del roles[held]
                roles[column.index] = str(role)
        elif not _fits(role, column.kind):
            free.append(column)  # a title we do not know, or one its cells contradict
        else:  # a second column of a field its title names ("计量数量" beside "核算数量"): unnamed
            spare.append(column)
    numbers = [c for c in free if c.kind == "number"]
    have = set(roles.values())
    for column in free:
        if column.kind == "unit" and "unit" not in have:
            roles[column.index] = "unit"
            have.add("unit")
    triple = _multiplying(numbers[:MAX_NUMBER_COLUMNS])
    if triple and not {"quantity", "unit_price", "amount"} & have:
        for column, role in zip(triple, ("quantity", "unit_price", "amount")):
            roles[column.index] = role
    else:
        unit_at = next((i for i, r in roles.items() if r == "unit"), None)
        ordered = sorted(numbers, key=lambda c: c.index)
        around: list[Column] = []  # "20 | EA | 10.25": how many, and the price of one
        if unit_at is not None and "quantity" not in have:
            before = [c for c in ordered if c.index < unit_at]
            after = [c for c in ordered if c.index > unit_at]
            ordered = before[-1:] + after + before[:-1]
            if before and after and "unit_price" not in have:
                around = [before[-1], after[0]]
        placed = []
        for column in ordered:
            role = next((r for r in ("quantity", "unit_price", "amount") if r not in roles.values()), None)
            if role is None:
                break
            roles[column.index] = role
            if column not in around:
                placed.append(column)
        if len(placed) > 1:  # two numbers or more told apart by their order alone
            guessed.update((column.index, "its place among the numbers") for column in placed)
        named = {r: c for c in numbers for i, r in roles.items() if i == c.index}
        amount = next((c for c in columns if roles.get(c.index) == "amount"), None)
        if amount is not None and "quantity" in named and "unit_price" in named:
            if all(_product(*v) for v in zip(named["quantity"].values, named["unit_price"].values, amount.values)):
                for column in numbers:
                    guessed.pop(column.index, None)  # quantity × price = amount on every row: confirmed
    for column in free:
        if column.index in roles:
            continue
        if column.kind == "currency" and "currency" not in roles.values():
            roles[column.index] = "currency"  # the order's currency, written on every line
        elif column.kind == "date" and "delivery_date" not in roles.values():
            roles[column.index] = "delivery_date"
        elif column.kind in ("code", "number") and "item" not in roles.values():
            roles[column.index] = "item"
        elif column.kind == "text" and "description" not in roles.values():
            roles[column.index] = "description"
    if "description" not in roles.values():
        words = next((c for c in spare if c.kind == "text"), None)
        if words is not None:
            roles[words.index] = "description"


def _multiplying(numbers: list[Column]) -> tuple[Column, Column, Column] | None:
    """Three number columns a, b, c (c right of a and b) with a × b = c on every row, to the cent."""
    for c in numbers:
        for a in numbers:
            for b in numbers:
                if len({a.index, b.index, c.index}) < 3 or a.index > b.index or c.index < b.index:
                    continue
                if all(_product(x, y, z) for x, y, z in zip(a.values, b.values, c.values)):
                    return a, b, c
    return None


def _product(a: str, b: str, c: str) -> bool:
    values = [_decimal(v) for v in (a, b, c)]
    if None in values:
        return False
    x, y, z = values
    assert x is not None and y is not None and z is not None
    return z != 0 and abs(x * y - z) <= Decimal("0.011") and x != 1 and y != 1


def _money(value: str) -> tuple[str, str] | None:
    """(the number, the currency written with it) of a cell such as "€ 3,40" or "3.40 EUR"."""
    found = _MONEY.fullmatch(value)
    if not found or bool(found.group(1)) == bool(found.group(3)) or not _NUMBER.fullmatch(found.group(2).strip()):
        return None
    sign = found.group(1) or found.group(3)
    return (found.group(2).strip(), sign) if find_currency(sign).value else None


def _decimal(text: str) -> Decimal | None:
    """A plain export number: one decimal mark, no thousands separator (its currency aside)."""
    money = _money(text)
    text = money[0] if money else text
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _grid(
    columns: list[Column],
    roles: dict[int, str],
    order: dict[str, str],
    rows: list[list[str]],
    name: str,
    vocab: Vocabulary,
    how: list[str],
    preamble: list[list[str]],
) -> Grid:
    """The preamble's rows as they stand, then the header row of known words, the order's
    header record repeated on every line as the export would, unambiguous dates as dates. A
    column not named here keeps its own title (incoterms, payment terms: header fields the
    table reader knows) unless its title is a line column's word, which would name a second
    description. A description column stands empty when the file has none: the table reader
    wants three named columns before it trusts a header."""
    extra = [role for role in ORDER_FIELDS if role in order and role not in roles.values()]
    header: list[Any] = [TITLES[role] for role in extra]
    for column in columns:
        if column.index in roles:
            header.append(TITLES[roles[column.index]])
        else:
            header.append(column.title if column.title and vocab.column_of(column.title) is None else None)
    blank = len(set(roles.values()) | set(extra)) < 3 and "description" not in roles.values()
    if blank:
        header.append(TITLES["description"])
    # A report's title over the rows ("Purchase Order Export") holds no value: in the grid, its
    # words would read as a PO number's label over the line below it ("Exported: 11/16/2026")
    kept = [(k, row) for k, row in enumerate(preamble) if not _title(row)]
    how += [f"row {k + 1} ({row[0][:40]!r}) is the report's title" for k, row in enumerate(preamble) if _title(row)]
    out: list[list[Any]] = [[_typed(cell) for cell in row] for _, row in kept] + [header]
    for row in rows:
        cells: list[Any] = [_typed(order[role]) for role in extra]
        cells += [_typed(row[c.index]) if c.index < len(row) else None for c in columns]
        out.append(cells + ([None] if blank else []))
    above = len(preamble)
    names = [f"row {k + 1}" for k, _ in kept] + ["(columns named by their content)"]
    names += [f"row {above + k + 1}" for k in range(len(rows))]
    return Grid(out, name, names, note=f"{name}: read as an order export: " + "; ".join(how))


def _title(row: list[str]) -> bool:
    """A title: one cell of words, no figure and no "label:" in it."""
    cells = [cell for cell in row if cell]
    return len(cells) == 1 and not re.search(r"\d|[:：]", cells[0])


def _typed(value: str) -> Any:
    """A date written only one way (20261120, 2026-11-20) as a date; anything else as it stands."""
    if not value:
        return None
    compact = _COMPACT_DATE.fullmatch(value)
    iso = _ISO_DATE.fullmatch(value)
    try:
        if compact:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return value
    return value
