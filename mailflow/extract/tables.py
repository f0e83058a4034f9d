"""Order lines from grids, for every tabular format: header detection, rows, totals.

Contract
    ``read_tables(grids, vocab, opts) -> TableResult``: finds the header row in the first
    ``HEADER_SEARCH_ROWS`` rows of each grid (the row naming most line columns, at least a
    quantity and an item or a description), maps columns to ``OrderLine`` fields, and reads the
    rows under it:

    * a repeated header (next page, next sheet) is skipped; a grid without a header that has as
      many columns as the last table continues it (a ruled table split over pages);
    * a row with only description text continues the previous line's description (wrapped);
    * total / subtotal / tax / freight rows are not lines; the grand total is kept, and the
      first total row ends the table; notes and page-footer rows are skipped;
    * a cell that should be a number but is not one is a warning, never a guess.

    Nothing here knows the file format; readers hand over plain grids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Callable

from ..model import OrderLine
from . import aligned
from .document import Grid, cell_text, join_wrapped
from .normalize import (
    Parsed,
    date_spans,
    find_currency,
    find_date,
    parse_number,
    parse_price,
    price_basis,
    signed_amount,
)
from .sizes import is_size
from .vocabulary import Vocabulary, norm

HEADER_SEARCH_ROWS = 30


@dataclass
class Options:
    decimal_comma: bool | None = None
    date_order: str | None = None
    today: Any = None
    currency_hint: str | None = None
    languages: tuple[str, ...] = ()  # the document's, as its words tell: read its month words
    order_currency: str | None = None  # the currency the order's header names, once it is read


@dataclass
class TableResult:
    lines: list[tuple[OrderLine, str]] = field(default_factory=list)  # (line, where)
    total: Decimal | None = None
    total_where: str | None = None
    total_currency: str | None = None  # named in the total row's label: "ORDER TOTAL (USD)"
    subtotal: Decimal | None = None  # the lines' sum as printed, when tax or freight come on top
    currency: str | None = None  # from a header such as "Unit Price (USD)"
    currency_where: str | None = None
    warnings: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)  # dates that need a person
    currency_ambiguous: str = ""  # "¥" in the cells: fine if the header names the currency
    header_rows: list[tuple[Grid, int]] = field(default_factory=list)  # where headers were found
    columns: dict[int, str] = field(default_factory=dict)
    used: dict[int, tuple[int, int]] = field(default_factory=dict)  # id(grid) → (first, last) rows read
    # An ERP export repeats header fields on every line ("PO Number" as a column): label → values
    field_columns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    explain: list[str] = field(default_factory=list)  # readings chosen by arithmetic, sub-rows
    adjustments: list[Decimal] = field(default_factory=list)  # tax, freight, allowance rows' amounts
    pending: tuple[str, str] | None = None  # (item, description) of a row whose numbers follow
    two_row_texts: set[str] = field(default_factory=set)  # descriptions read from a row under their line
    lone_code: str | None = None  # a code alone on a row, waiting for the line under it
    codes_above: bool = False  # the table prints each line's code alone on the row above the line
    # rows under the lines of words and one amount, the words no total label we know:
    # (amount, where, label, currency named, lines read before it)
    unnamed_totals: list[tuple[Decimal, str, str, str | None, int]] = field(default_factory=list)
    # "Unit Price EUR" beside "Unit Price USD": the currencies the price and amount columns name
    column_currencies: set[str] = field(default_factory=set)
    currency_guessed: bool = False  # of those, the columns printed first were read: nothing said which
    # a block of sums printed beside the table, level with its rows: (label, amount, where)
    side_sums: list[tuple[str, Decimal, str]] = field(default_factory=list)
    positions: dict[int, int] = field(default_factory=dict)  # id(line) → its printed position ("5", "0050")
    plans: list[tuple[Grid, int, dict[int, str]]] = field(default_factory=list)  # delivery plans, read last


def find_header(rows: list[list[Any]], vocab: Vocabulary, start: int = 0) -> tuple[int, dict[int, str]] | None:
    """(row index, {column index: field}) of the best header row, or None."""
    best: tuple[int, int, dict[int, str]] | None = None
    for index in range(start, min(len(rows), start + HEADER_SEARCH_ROWS)):
        columns = header_columns(rows[index], vocab)
        if columns is None:
            continue
        score = len(set(columns.values()))
        if best is None or score > best[0]:
            best = (score, index, columns)
    return (best[1], best[2]) if best else None


def header_columns(row: list[Any], vocab: Vocabulary) -> dict[int, str] | None:
    """The column map if ``row`` is a header row, else None."""
    columns: dict[int, str] = {}
    seen: dict[str, int] = {}
    for i, cell in enumerate(row):
        if cell is None or not isinstance(cell, str):
            continue
        name = vocab.column_of(cell)
        if name is None and (hit := vocab.label_at(cell)) is not None and hit[0] == "delivery_date" and not hit[2]:
            name = "delivery_date"  # "Wunschtermin", "納入期日" over a column of dates: each line's date
        if name in (None, "price_per") and header_basis(cell) > 1 and _PRICE_WORD.search(cell):
            name = "unit_price"  # "Price per 100", "Prix par 100": the price, for that many units
        if name is None:
            continue
        if name in seen:
            # Two columns for one field: "Item" (a line number) beside "Part No". The more
            # specific word names the field; the other is the line number when it says "item".
            if name == "item" and norm(str(row[seen[name]])) in ("item", "item no", "no"):
                columns[seen[name]] = "line_no"
                columns[i] = name
                seen[name] = i
            elif name in ("unit_price", "amount") and _tax_basis(cell) == "net" != _tax_basis(row[seen[name]]):
                # 含税单价 beside 不含税单价: the lines are read before tax, as the tax comes on top;
                # the other price stays as the alternative the arithmetic may choose
                if f"{name}_alt" not in columns.values():
                    columns[seen[name]] = f"{name}_alt"
                else:
                    del columns[seen[name]]
                columns[i] = name
                seen[name] = i
            elif name in ("unit_price", "amount") and f"{name}_alt" not in columns.values():
                columns[i] = f"{name}_alt"  # "Price incl. VAT" beside "Price", "Net price" beside "Amount"
            continue
        columns[i] = name
        seen[name] = i
    fields = set(columns.values())
    if "item_alt" in fields and "item" not in fields:
        columns = {i: ("item" if n == "item_alt" else n) for i, n in columns.items()}
        fields = set(columns.values())
    dated = schedule_columns(row, columns)
    if len(dated) >= MIN_SCHEDULE_COLUMNS and ({"item", "description"} & fields):
        # a delivery schedule: a date or a calendar week over each column of quantities
        columns.update((i, "schedule") for i in dated)
        return columns
    if "quantity" in fields and ({"item", "description"} & fields) and (len(fields) >= 3 or _header_band(row)):
        return columns
    return None


def _header_band(row: list[Any]) -> bool:
    """A row of four or more word cells and no number: a header band, even when only its
    quantity and description cells are words we know (an order without prices: "Ordered Qty |
    Received Qty | Description | Mark Number | Length | Weight")."""
    words = [cell_text(c) for c in row if isinstance(c, str) and cell_text(c)]
    return len(words) >= 4 and not any(re.search(r"\d", w) for w in words)


_NET = re.compile(r"不含税|未税|除税|税前|excl|net\b|before tax|ohne mwst|netto|hors tax|\bht\b", re.I)
_GROSS = re.compile(r"含税|价税合计|税込|incl|inkl|gross|brutto|\bttc\b|with tax|inclus|incluido", re.I)


# a total's label naming the tax only to say it is in or out: "incl. VAT", "Without Taxes", "HT"
_QUALIFIED = re.compile(
    rf"{_GROSS.pattern}|{_NET.pattern}|without|\bsans\b|\bohne\b|\bsenza\b|\bsin\b|\bzonder\b|\bbez\b|税抜|税別",
    re.I,
)

_HEADER_PER = re.compile(
    r"(?:\bper\b|\bpro\b|\bje\b|\bpar\b|\bpour\b|\bpor\b|\bza\b|\bfor\b|\bfür\b|\bà\b|/|每)\s*"
    r"(1[.,' \u00a0\u202f]?000|100|1000|m\b|c\b|千|百)",
    re.I,
)
# "1,000個当たり単価", "100個あたり": the count before the word for "per"
_HEADER_PER_BEFORE = re.compile(r"(1[.,' ]?000|100)\s*(?:個|个|pcs|pc)?\s*(?:当たり|あたり|当り)", re.I)
_PRICE_WORD = re.compile(r"price|preis|prix|precio|prezzo|prijs|pris|cena|单价|單價|単価|价格|價格|rate", re.I)
_PER_WORDS = {"m": 1000, "c": 100, "千": 1000, "百": 100}


def header_basis(cell: Any) -> int:
    """How many units a price column's header says its prices are for: "Price per 100",
    "Preis je 1.000 Stk", "Price/1000", "PER M" → 100 or 1000; else 1."""
    match = _HEADER_PER.search(str(cell or "")) or _HEADER_PER_BEFORE.search(str(cell or ""))
    if match is None:
        return 1
    word = match.group(1).lower()
    return _PER_WORDS.get(word) or int(re.sub(r"\D", "", word))


def _tax_basis(cell: Any) -> str | None:
    """Whether a price header says before tax ("net"), with tax ("gross"), or nothing."""
    text = str(cell or "")
    if _NET.search(text):
        return "net"
    return "gross" if _GROSS.search(text) else None


MIN_SCHEDULE_COLUMNS = 2  # date or week headings over quantities: fewer is a line's date column
# "KW 49/2026", "CW49-26", "Week 49/2026", "S49/2026", "Sett. 49/2026", "Tydz. 49/2026", "2026-W49"
_WEEK = re.compile(
    r"^(?:kw|cw|wk|week|woche|semaine|sem|s|sett|settimana|semana|tydz|tydzień|t|w|v|vecka|uge|viikko)"
    r"\.?\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$",
    re.I,
)
_ISO_WEEK = re.compile(r"^(\d{4})\s*-?\s*w\s*(\d{1,2})$", re.I)
_CJK_WEEK = re.compile(r"^(\d{4})\s*年\s*第?\s*(\d{1,2})\s*[周週]$")


# "KW 49", "CW49", "Week 49", "Wk. 2", "第49周": a calendar week without its year
_BARE_WEEK = re.compile(
    r"^(?:kw|cw|wk|week|woche|semaine|sem|sett|settimana|semana|tydz|tydzień|vecka|uge|viikko)\.?\s*(\d{1,2})$"
    r"|^第\s*(\d{1,2})\s*[周週]$",
    re.I,
)
WEEK_BEFORE = 8  # weeks: a week without its year is the one nearest to today, at most this far back


def bare_week(text: str) -> int | None:
    """The week number of a heading naming a calendar week without its year ("KW 49"), or None."""
    match = _BARE_WEEK.match(str(text).strip())
    if match is None:
        return None
    week = int(match.group(1) or match.group(2))
    return week if 1 <= week <= 53 else None


def week_of_year_near(week: int, today: date) -> date | None:
    """The Monday of calendar week ``week`` in the year that puts it nearest after today (or a
    few weeks before it: a schedule's first week may be under way)."""
    mondays = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            mondays.append(date.fromisocalendar(year, week, 1))
        except ValueError:
            continue
    ahead = [m for m in mondays if (m - today).days >= -7 * WEEK_BEFORE]
    return min(ahead, default=None)


# "07.12.", "07.12", "12/07": a day and a month without the year, a schedule column's heading
_SHORT_DATE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\.?$")


def short_date(text: str, today: date, order: str | None) -> tuple[date | None, bool]:
    """(the date, whether its day and month could be either) of a heading written without the
    year ("07.12." is day-first; "12/07" as the document writes its dates, or both readings
    when nothing says): the year that puts it nearest after today, or a few weeks before."""
    match = _SHORT_DATE.match(str(text).strip())
    if match is None:
        return None, False
    a, sep, b = int(match.group(1)), match.group(2), int(match.group(3))
    if sep == "." or a > 12:
        month_first = False  # "07.12." is German and day-first; "25/12" can only be
    elif b > 12:
        month_first = True
    else:
        month_first = (order or "").upper().startswith("M")
    day, month = (b, a) if month_first else (a, b)
    unsure = not order or order.endswith("?")  # nothing settled the document's order, or only leaning
    either = sep != "." and a <= 12 and b <= 12 and a != b and unsure
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    ahead = [d for d in candidates if (d - today).days >= -7 * WEEK_BEFORE]
    return min(ahead, default=None), either


def week_monday(text: str) -> date | None:
    """The Monday of the calendar week a heading names ("KW 49/2026", "2026年第49周"), or None."""
    text = str(text).strip()
    if match := _WEEK.match(text):
        week, year = int(match.group(1)), int(match.group(2))
    elif match := (_ISO_WEEK.match(text) or _CJK_WEEK.match(text)):
        year, week = int(match.group(1)), int(match.group(2))
    else:
        return None
    year = year + 2000 if year < 100 else year
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _date_heading(cell: Any) -> bool:
    """A heading that is a date and nothing else: "07.12.2026", "2026/12/07", a date cell."""
    if isinstance(cell, date):
        return True
    text = cell_text(cell).strip()
    if not text or len(text) > 20:
        return False
    spans = date_spans(text)
    return len(spans) == 1 and spans[0][0] == 0 and spans[0][1] >= len(text) - 1


def schedule_columns(row: list[Any], columns: dict[int, str]) -> list[int]:
    """The columns of a header row headed by a date or a calendar week, none of them named
    otherwise: a delivery schedule's quantities per date, when there are enough of them."""
    found = [
        i
        for i, cell in enumerate(row)
        if i not in columns
        and cell not in (None, "")
        and (
            _date_heading(cell)
            or week_monday(cell_text(cell))
            or bare_week(cell_text(cell))
            or _SHORT_DATE.match(cell_text(cell).strip())
        )
    ]
    return found if len(found) >= MIN_SCHEDULE_COLUMNS else []


def _spread_schedule(
    grid: Grid, header: int, columns: dict[int, str], opts: Options, result: TableResult
) -> tuple[Grid, dict[int, str], list[int]]:
    """A delivery schedule (item rows by date columns holding quantities) as the order desk
    books it: one row per item and filled date column, with that quantity and the column's
    date (a calendar week's Monday). A column summing the quantities, or their value, is no
    line's: it is left out, and the total printed is checked against the lines' sum as usual.
    Returns the new grid, its columns, and for each of its rows the row of ``grid`` it comes from."""
    dated = [c for c, n in columns.items() if n == "schedule"]
    head = grid.rows[header]
    dropped = [c for c, n in columns.items() if n in ("quantity", "amount", "delivery_date")]
    keep = {c: n for c, n in columns.items() if n != "schedule" and c not in dropped}
    width = max(len(r) for r in grid.rows)
    when: dict[int, Any] = {}
    today = opts.today or date.today()
    for c in dated:
        week = bare_week(cell_text(head[c]))
        monday = week_monday(cell_text(head[c])) or (week_of_year_near(week, today) if week else None)
        short, either = short_date(cell_text(head[c]), today, opts.date_order) if not monday else (None, False)
        if short is not None:
            monday = short
            if either:
                result.ambiguous.append(
                    f"{grid.row_where(header)}: the column '{cell_text(head[c])}' could be day-first or month-first"
                )
        when[c] = monday.isoformat() if monday else head[c]
        if week and monday:
            result.explain.append(f"{grid.row_where(header)}: '{cell_text(head[c])}' read as the week of {monday}")
    rows: list[list[Any]] = []
    names: list[str] = []
    origin: list[int] = []

    def base(row: list[Any]) -> list[Any]:
        return [None if c in dated or c in dropped else (row[c] if c < len(row) else None) for c in range(width)]

    spread = 0
    for index, row in enumerate(grid.rows):
        filled = []
        if index > header and any(
            cell_text(row[c]).strip() for c in keep if c < len(row) and keep[c] in ("item", "description")
        ):
            filled = [
                c
                for c in dated
                if c < len(row) and (number := parse_number(row[c], opts.decimal_comma)) is not None and number > 0
            ]
        if index == header:
            quantity = next((head[c] for c in dropped if columns[c] == "quantity"), None) or "quantity"
            rows.append([*base(row), quantity, "delivery date"])
            names.append(grid.row_where(index)[len(grid.where) + 1 :])
            origin.append(index)
            continue
        if not filled:
            rows.append([*base(row), None, None])
            names.append(grid.row_where(index)[len(grid.where) + 1 :])
            origin.append(index)
            continue
        for c in filled:
            rows.append([*base(row), row[c], when[c]])
            names.append(f"{grid.row_where(index)[len(grid.where) + 1 :]} column '{cell_text(head[c])}'")
            origin.append(index)
            spread += 1
    new_columns = {**keep, width: "quantity", width + 1: "delivery_date"}
    shown = ", ".join(f"'{cell_text(head[c])}'" for c in dated[:3]) + (" …" if len(dated) > 3 else "")
    result.explain.append(
        f"{grid.row_where(header)}: a delivery schedule, quantities under {len(dated)} date columns ({shown}):"
        f" one line per item and date, {spread} in all"
        + (
            f"; the column(s) {', '.join(repr(cell_text(head[c])) for c in dropped)} sum them, no line's"
            if dropped
            else ""
        )
    )
    return Grid(rows, grid.where, names, grid.note), new_columns, origin


def forecast_heading(texts: list[str], vocab: Vocabulary) -> bool:
    """A row or line of words alone (no number in it) that heads a forecast part: "Forecast (not
    binding)", "Vorschau - unverbindlich", "内示（参考）"."""
    return (
        bool(texts)
        and len(texts) <= 2
        and not any(re.search(r"\d", t) for t in texts)
        and vocab.is_row("forecast", texts[0])
    )


def _forecast_after(grid: Grid, last: int, vocab: Vocabulary, result: TableResult) -> int:
    """The last row the table takes: after its total, a forecast's heading and everything under
    it too (planned quantities and their dates are none of the order's header fields)."""
    for index in range(last + 1, len(grid.rows)):
        texts = [cell_text(c) for c in grid.rows[index] if c not in (None, "") and cell_text(c)]
        if forecast_heading(texts, vocab):
            result.explain.append(
                f"{grid.row_where(index)}: {texts[0]!r} heads a forecast: the rows under it are no lines"
            )
            return len(grid.rows) - 1
    return last


def read_tables(grids: list[Grid], vocab: Vocabulary, opts: Options) -> TableResult:
    result = TableResult()
    last_columns: dict[int, str] | None = None
    last_width = 0
    done = False
    for grid in grids:
        if grid.planned and result.lines:
            result.explain.append(f"{grid.where}: under the heading {grid.planned!r}: planned quantities, no lines")
            result.used[id(grid)] = (0, len(grid.rows) - 1)  # nor the order's dates and sums
            continue
        found = find_header(grid.rows, vocab)
        if found is not None and result.lines and (plan := _plan_columns(grid, found[0], found[1], opts, result)):
            result.plans.append((grid, found[0], plan))  # read once every line has its item
            result.used[id(grid)] = (found[0], len(grid.rows) - 1)  # (after the total row too)
            continue
        if done:
            continue  # (a forecast's table after it is still set aside)
        origin: list[int] | None = None  # a delivery schedule spread: each row's row in ``grid``
        source = grid
        if found is not None:
            start, columns = found
            result.header_rows.append((grid, start))
            if "schedule" in columns.values():
                grid, columns, origin = _spread_schedule(grid, start, columns, opts, result)
                start = origin.index(start)
            columns = _named_by_content(grid, start, columns, vocab, result)
            start += 1
        elif last_columns is not None and _width(grid.rows) == last_width:
            start, columns = 0, last_columns  # a ruled table continued on the next page
        elif (by_alignment := _aligned_columns(grid, vocab, opts)) is not None:
            start, columns = by_alignment  # no header recognised: the arithmetic found the table
        else:
            continue
        if not result.columns:
            result.columns = columns
        if grid.note:
            result.explain.append(grid.note)
        if found:
            columns = _currency_columns(grid, start - 1, columns, vocab, opts, result)
        last_columns, last_width = columns, _width(grid.rows)
        _header_currency(grid, start - 1 if found else None, columns, result)
        if found:
            columns = _header_without_sums(grid.rows[start - 1], columns, vocab)
            _field_columns(grid, start - 1, columns, vocab, result)
            _side_sums(grid.rows[start - 1], columns, grid.row_where(start - 1), vocab, opts, result)
        done, last = _read_rows(grid, start, columns, vocab, opts, result)
        if done and result.lines:
            last = _forecast_after(grid, last, vocab, result)
        if origin is not None:  # the rows of the schedule as the sheet holds them
            start, last = (origin[start] if start < len(origin) else len(source.rows)), origin[last]
        result.used[id(source)] = (start - 1 if found else start, last)
    _unglue_line_numbers(result)
    _in_printed_order(result)
    _side_total(result, vocab, opts)
    _total_by_sum(result)
    _unglue_item_codes(result)
    _unglue_trailing_codes(result, vocab)
    _unglue_units(result, vocab)
    for plan in result.plans:
        _read_plan(*plan, opts, result)
    _doubtful_descriptions(result, vocab, opts)
    _unchecked_lines(result)
    return result


def _printed_position(numbered: str, columns: dict[int, str], row: list[Any] | None) -> int | None:
    """The position a line prints: its position column's number, or a number alone in the
    table's first column when no header word named that column ("Riga", "Lp." a vocabulary
    may lack)."""
    if not numbered and 0 not in columns and row:
        numbered = cell_text(row[0])
    return int(numbered.rstrip(".)")) if re.fullmatch(r"\d{1,4}[.)]?", numbered) else None


def _plan_columns(
    grid: Grid, header: int, columns: dict[int, str], opts: Options, result: TableResult
) -> dict[int, str] | None:
    """The columns of a delivery plan printed as a table of its own under the priced lines: item,
    delivery date and quantity, no price nor description ("Varenr.  Leveringsdato  Antal",
    "Pos.  Material  Termin  Menge", each item over several rows); None for any other table."""
    names = set(columns.values())
    if "item" not in names or names & {"unit_price", "amount", "description"}:
        return None
    if not any(line.unit_price is not None or line.amount is not None for line, _ in result.lines):
        return None  # an unpriced order's own lines, on another page
    if "delivery_date" not in names:
        dated = _date_column(grid, header, columns, opts)  # "Date", "Data", "Fecha": a date, but of what?
        if dated is None:
            return None
        columns = {**columns, dated: "delivery_date"}
    return columns


def _read_plan(grid: Grid, header: int, columns: dict[int, str], opts: Options, result: TableResult) -> None:
    """A delivery plan's rows onto the lines of their items. Each line takes its item's first
    date; an item delivered in parts, a plan whose quantities do not add up to the line's, or an
    item that is no line of the order is said for a person (the order keeps one delivery date a
    line, and the plan is what the desk ships by)."""
    column = {name: col for col, name in columns.items()}
    by_item: dict[str, list[OrderLine]] = {}
    for line, _ in result.lines:
        if line.item:
            by_item.setdefault(norm(line.item), []).append(line)
    plan: dict[str, list[tuple[date, Decimal | None]]] = {}
    strangers: list[str] = []
    for index in range(header + 1, len(grid.rows)):
        row = grid.rows[index]
        item = cell_text(row[column["item"]]) if column["item"] < len(row) else ""
        when = row[column["delivery_date"]] if column["delivery_date"] < len(row) else None
        day = (
            when
            if isinstance(when, date)
            else find_date(cell_text(when), opts.today, opts.date_order, opts.languages).value
        )
        if not item or day is None:
            continue
        quantity = (
            parse_number(row[column["quantity"]], opts.decimal_comma)
            if "quantity" in column and column["quantity"] < len(row)
            else None
        )
        if norm(item) in by_item:
            plan.setdefault(norm(item), []).append((day, quantity))
        else:
            strangers.append(item)
    where = grid.where
    if not plan:
        result.warnings.append(f"{where}: a delivery plan whose items are no lines of the order: a person reads it")
        return
    for key, deliveries in plan.items():
        days = sorted({day for day, _ in deliveries})
        for line in by_item[key]:
            if line.delivery_date is None:
                line.delivery_date = days[0]
        shown = ", ".join(f"{q if q is not None else '?'} on {d.isoformat()}" for d, q in deliveries)
        result.explain.append(f"{where}: delivery plan of {by_item[key][0].item}: {shown}")
        if len(days) > 1:
            result.warnings.append(
                f"{where}: {by_item[key][0].item} is to be delivered in {len(deliveries)} parts ({shown});"
                f" the line keeps the first date, {days[0].isoformat()}: a person plans the deliveries"
            )
        planned = [q for _, q in deliveries if q is not None]
        lines = by_item[key]
        if len(lines) == 1 and len(planned) == len(deliveries) and lines[0].quantity not in (None, sum(planned)):
            result.warnings.append(
                f"{where}: the delivery plan of {lines[0].item} adds up to {sum(planned)},"
                f" the line orders {lines[0].quantity}: which is right?"
            )
    for item in dict.fromkeys(strangers):
        result.warnings.append(f"{where}: the delivery plan names {item}, which is no line of the order")


def _date_column(grid: Grid, header: int, columns: dict[int, str], opts: Options) -> int | None:
    """The one column no header word named whose every cell under the header is a date."""
    width = max((len(row) for row in grid.rows[header:]), default=0)
    found = []
    for col in range(width):
        if col in columns:
            continue
        cells = [row[col] for row in grid.rows[header + 1 :] if col < len(row) and cell_text(row[col])]
        if cells and all(
            isinstance(c, date) or find_date(cell_text(c), opts.today, opts.date_order, opts.languages).value
            for c in cells
        ):
            found.append(col)
    return found[0] if len(found) == 1 else None


def _in_printed_order(result: TableResult) -> None:
    """Lines put back in the order their printed positions say, when they were read in another.

    A page may hold one table read in two parts: the rows a ruled grid frames and a row above
    it that no rule closes (a table continued on the next page, its first row under the running
    head), each found by another reader and read one after the other. Only positions that are
    plainly positions are trusted: every line numbered, each number once, together 1, 2, 3 ...
    or 10, 20, 30 ... with none left out. A column of catalogue numbers ("No." in some ERPs)
    is never such a run, and is left as read."""
    positions = [result.positions.get(id(line)) for line, _ in result.lines]
    if len(positions) < 2 or any(p is None for p in positions):
        return
    numbers = [p for p in positions if p is not None]
    if all(a < b for a, b in zip(numbers, numbers[1:])):
        return
    ordered = sorted(numbers)
    step = ordered[0]
    if step not in (1, 10) or ordered != list(range(step, step * (len(ordered) + 1), step)):
        return
    as_read = ", ".join(map(str, numbers))
    result.lines.sort(key=lambda pair: result.positions[id(pair[0])])
    result.explain.append(f"lines put in the order of their printed positions (read as {as_read})")


def _unchecked_lines(result: TableResult) -> None:
    """A line missing its price or its amount where the other lines print both: its arithmetic
    cannot be checked, so it is named for a person rather than passed on."""
    lines = [(line, where) for line, where in result.lines if line.quantity is not None]
    full = [line for line, _ in lines if line.unit_price is not None and line.amount is not None]
    if len(full) < 2 or len(full) < len(lines) / 2:
        return
    for number, (line, where) in enumerate(result.lines, 1):
        if line.quantity is None or (line.unit_price is None) == (line.amount is None):
            continue  # both read, or neither: the checks that follow say so
        missing = "unit price" if line.unit_price is None else "amount"
        result.warnings.append(f"{where}: no {missing} read for line {number}, though the other lines print one")


def _doubtful_descriptions(result: TableResult, vocab: Vocabulary, opts: Options) -> None:
    """A description holding what is never a description is a reading to check, not to trust:
    the line's own price or amount (the columns were cut in the wrong place), a full date (a
    schedule row read as wrapped text), or a note's label ("Nota:", "备注：": a note under the
    line joined to it). Each is a warning, so a person sees the line; nothing is changed."""
    notes = [w for w in vocab.rows.get("notes", []) if len(w) >= 2]
    for number, (line, where) in enumerate(result.lines, 1):
        if line.item and len(line.item) > 2 and line.item[-1] in "-/.":
            # "HAR-9322-": a code cut at its dash whose rest was not found (a row split by a page break)
            result.warnings.append(f"{where}: the item code of line {number} ends in {line.item[-1]!r}: {line.item!r}")
        text = line.description or ""
        if not text:
            continue
        money = {v for v in (line.unit_price, line.amount) if v is not None and v != v.to_integral_value()}
        held = [
            t
            for t in text.split()
            if re.fullmatch(r"\d[\d.,']*[.,]\d{2,4}", t) and parse_number(t, opts.decimal_comma) in money
        ]
        said = ""
        if held:
            said = f"holds the line's price or amount ({held[0]})"
        elif date_spans(text):
            said = "holds a date (a delivery schedule under the line may have been read as its text)"
        elif any(_labelled(text, word) for word in notes):
            said = "holds a note's label (a note under the line may have been joined to it)"
        if said:
            result.warnings.append(f"{where}: the description of line {number} {said}: {text[:80]!r}")


def _labelled(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` (after its start) as a label: followed by a colon."""
    folded = text.lower()
    at = folded.find(word, 1)
    while at > 0:
        before, rest = folded[at - 1], folded[at + len(word) :].lstrip()
        if not before.isalnum() and rest[:1] in (":", "："):
            return True
        at = folded.find(word, at + 1)
    return False


def _total_by_sum(result: TableResult) -> None:
    """No total row in words we know, but a row under the last line whose amount is the sum of
    the lines' amounts ("WARTOŚĆ ZAMÓWIENIA (PLN)  9 956,00"): that row is the total. Chosen
    by the arithmetic only when every line has its amount and nothing follows it but rows
    that are not numbers of their own; said in ``--explain``."""
    if result.total is not None or not result.unnamed_totals or not result.lines:
        return
    amounts = [line.amount for line, _ in result.lines]
    if None in amounts:
        return
    lines_sum = sum((a for a in amounts if a is not None), Decimal(0))
    after = [t for t in result.unnamed_totals if t[4] == len(result.lines)]
    if len(after) != 1 or after[0][0] != lines_sum or any(result.adjustments):
        return  # two such rows (a subtotal, then a total after tax), or charges: a person reads it
    value, where, label, currency, _ = after[0]
    result.total, result.total_where, result.total_currency = value, where, currency
    result.explain.append(f"{where}: '{label}' {value} is the sum of the lines' amounts: read as the total")


def _unglue_item_codes(result: TableResult) -> None:
    """A table whose item column was not told apart from the description ("KNO-4917 Bouton
    rotatif ABS 21 mm" under one header), or that has none because the ERP prints the position,
    the material and its text as one run ("00010 KNB8686B Control knob, aluminium"): when no
    line has an item and every description starts with a code of letters and digits (after a
    position number counting up, which is dropped) followed by words, the codes are the items.
    One line proves it only behind a position number as ERPs print it (00010, 1, 10)."""
    lines = [line for line, _ in result.lines]
    if not lines or any(not line.description for line in lines):
        return
    if any(line.item for line in lines) and not _counting(line.item for line in lines):
        return  # items of their own; position numbers under "Item" ("1", "2" or "00010") are none
    heads = [_code_head(line.description or "") for line in lines]
    if any(h is None for h in heads):
        return
    found = [h for h in heads if h is not None]
    positions = [h[0] for h in found]
    if any(p is not None for p in positions):
        numbers = [int(p.rstrip(".)")) if p is not None else -1 for p in positions]
        if min(numbers) < 0 or any(b <= a for a, b in zip(numbers, numbers[1:])):
            return  # a number on some descriptions only, or not counting up: part of the text
        first = positions[0] or ""
        if len(lines) == 1 and not (first.startswith("0") or numbers[0] in (1, 10)):
            return
    elif len(lines) < 2:
        if _lone_code(found[0][1]):  # "HSG-1761 Housing, black" alone: a code, or the name's first word
            result.warnings.append(
                f"{result.lines[0][1]}: the description starts with what may be the item code"
                f" ({found[0][1]}), and no item was read: which is it?"
            )
        return
    if len({h[1] for h in found}) < len(found):
        return  # one code on several lines is a family name or a prefix, not the items
    for line, (_, code, rest) in zip(lines, found):
        line.item, line.description = code, rest  # a position read as the item is dropped
    shown = ", ".join(h[1] for h in found[:2])
    dropped = " after their position numbers" if positions[0] is not None else ""
    result.explain.append(f"descriptions start with item codes{dropped} ({shown}, ...): read as the items")


def _lone_code(text: str) -> bool:
    """A row holding one code and nothing else ("VAL-1051", "KNB8686B", "103858212"), long enough
    not to be a size wrapped from the description ("608ZZ", "M4x20")."""
    if re.fullmatch(r"\s*\d{6,12}\s*", text):
        return True  # a material number of digits ("103858212")
    if " " in text.strip() or not _CODE_TOKEN.match(text.strip()) or is_size(text):
        return False
    return bool(re.search(r"[-/.]", text)) or (len(text) >= 6 and len(re.findall(r"\d", text)) >= 3)


_POSITION_NUMBER = re.compile(r"^\d{1,6}[.)]?$")


def _counting(values: Any) -> bool:
    """Whether the values are position numbers counting up: "1", "2", "3" or "00010", "00020"."""
    texts = [str(v or "") for v in values]
    if not all(_POSITION_NUMBER.match(t) for t in texts):
        return False
    numbers = [int(t.rstrip(".)")) for t in texts]
    return all(b > a for a, b in zip(numbers, numbers[1:])) and numbers[0] in (1, 10)


_DIGIT_CODE = re.compile(r"^\d{4,}$")  # "1979135": a material number of digits alone


def _code_head(text: str) -> tuple[str | None, str, str] | None:
    """(position, code, text) of a description that starts with an item code ("KNO-4917 Bouton
    …"), perhaps behind a position number ("00010 KNB8686B Control knob"); a code of digits
    alone only behind a position. None when the words do not start so."""
    tokens = text.split(None, 2)
    position = None
    if len(tokens) == 3 and _POSITION_NUMBER.match(tokens[0]):
        position, tokens = tokens[0], tokens[1:]
        code_ok = _CODE_TOKEN.match(tokens[0]) or _DIGIT_CODE.match(tokens[0]) or _NUMERIC_CODE.match(tokens[0])
    else:
        tokens = text.split(None, 1)
        code_ok = len(tokens) == 2 and _CODE_TOKEN.match(tokens[0])
    if not code_ok or len(tokens) < 2 or not re.search(r"[^\W\d_]{2,}|[\u3400-\u9fff]", tokens[1]):
        return None
    if date_spans(tokens[0]) or is_size(tokens[0]):  # "M6x20 六角ボルト": the part's size, not its code
        return None
    return position, tokens[0], tokens[1].strip()


# "… filter F7 Šifra: FLT-596G", "Control knob Part No.: KNB-8686": a code under its label at
# the end of a description (the code one token with a digit, after the last colon).
_LETTER = re.compile(r"[^\W\d_]")
MAX_LABEL_WORDS = 3  # "Part No.", "Cod. art.", "Numer katalogowy"


def _trailing_code(text: str, vocab: Vocabulary) -> tuple[str, str, str, bool] | None:
    """(text, label, code, label known) of a description ending "<text> <label>: <code>": the
    label is the longest run of up to three words before the colon that names an item column in
    some language, else the last word (known False)."""
    colon = max(text.rfind(":"), text.rfind("："))  # found from the end: no pattern to try at every place
    before, code = text[:colon].rstrip(), text[colon + 1 :].lstrip()
    if colon < 0 or not code or any(c.isspace() for c in code) or "\n" in before or not _LETTER.search(before):
        return None
    code = code.rstrip(".,;")
    if not (_CODE_TOKEN.match(code) or _DIGIT_CODE.match(code) or _NUMERIC_CODE.match(code)) or is_size(code):
        return None
    words = before.split()
    for size in range(min(MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        label = " ".join(words[-size:])
        if vocab.exact_column(label) and vocab.column_of(label) == "item":
            return " ".join(words[:-size]).rstrip(" ,;-–(/"), label, code, True
    if len(words) < 2 or not re.search(r"[^\W\d_]", words[-1]):
        return None
    return " ".join(words[:-1]).rstrip(" ,;-–(/"), words[-1], code, False


def _unglue_trailing_codes(result: TableResult, vocab: Vocabulary) -> None:
    """A description that ends with the line's code under a label ("Pressure filter F7 Šifra:
    FLT-596G", "… 品番：KNB-8686"): the code is the item (when the line has none, or has that
    same code) and the words before the label are the description. The label must be a word
    for an item column in some language, or the same label must end every such line; otherwise
    the line is named for a person, since a note ("Drawing: 4711-B") may end a description too."""
    found = []
    for line, where in result.lines:
        read = _trailing_code(line.description or "", vocab)
        if read is None or not re.search(r"[^\W\d_]{2,}|[\u3400-\u9fff]", read[0]):
            continue
        if line.item and norm(line.item) != norm(read[2]):
            continue  # another code of the line (the supplier's beside ours): the text keeps it
        found.append((line, where, read))
    same_label = len(found) >= 2 and len({norm(read[1]) for *_, read in found}) == 1
    for line, where, (text, label, code, known) in found:
        if known or same_label:
            line.item, line.description = code, text
            result.explain.append(f"{where}: the description ends with the item code under '{label}:': {code}")
        else:
            result.warnings.append(
                f"{where}: the description ends with a code under a label ('{label}: {code}'): is it the item?"
            )


# units that are also nouns ending a product's name ("Gasket set", "Tool kit", "Gift box")
_NOUN_UNITS = {"set", "sets", "kit", "kits", "box", "boxes", "pair", "pairs", "roll", "rolls", "bag", "bags"}
_NOUN_UNITS |= {"case", "cases", "lot", "pack", "packs", "sheet", "sheets", "piece", "pieces", "unit", "units"}
_NOUN_UNITS |= {"pallet", "pallets", "cartons", "meters", "metres"}
_NUMBER_TOKEN = re.compile(r"^[-+]?\d[\d.,]*$")


def _unglue_units(result: TableResult, vocab: Vocabulary) -> None:
    """A unit word printed at the end of the description ("Cable harness 6-pole, 450 mm EA"),
    the unit column beside it having been read into the description's: the word is the unit.
    Only on lines without a unit, when the word is no measure of a number before it ("2 m"), and
    when the table has a unit column or every line ends so."""
    candidates = []
    for line, where in result.lines:
        tokens = (line.description or "").split()
        if line.unit or len(tokens) < 2 or _NUMBER_TOKEN.match(tokens[-2]):
            continue
        word = tokens[-1]
        if word in _NOUN_UNITS:
            continue  # "Screw set", "Tool kit": the name's last word, in lower case
        if word.lower() in vocab.units or word.lower().rstrip(".") in vocab.units:
            candidates.append((line, where, tokens))
    if not candidates:
        return
    if "unit" not in result.columns.values() and (len(candidates) < 2 or len(candidates) < len(result.lines)):
        return
    for line, where, tokens in candidates:
        line.unit, line.description = tokens[-1], " ".join(tokens[:-1]).rstrip(" ,;")
        result.explain.append(f"{where}: the description ends with the unit {tokens[-1]!r}: read as the unit")


_NUMBERED = re.compile(r"^(\d{1,3})\s*(?=\S*[^\W\d_])(\S.{2,})$")


def _unglue_line_numbers(result: TableResult) -> None:
    """A table whose line-number column runs into the item column ("1 BRA-7493", "2HOU-6056"):
    when every line's item starts with its own position (1, 2, 3 ...), those numbers are the
    line numbers, not part of the codes. One line alone proves nothing, so it stays as read."""
    lines = [line for line, _ in result.lines]
    if len(lines) < 2 or any(not line.item for line in lines):
        return
    matches = [_NUMBERED.match(line.item) for line in lines]
    if any(m is None for m in matches):
        return
    first = int(matches[0].group(1))
    if first not in (1, 10) or any(
        int(m.group(1)) != first + k * (first if first == 10 else 1) for k, m in enumerate(matches)
    ):
        return
    for line, match in zip(lines, matches):
        line.item = match.group(2).strip()
    result.explain.append(
        f"items start with the line numbers {first}, {int(matches[1].group(1))}, ...:"
        " read as a line-number column run into the item column"
    )


CONTENT_ROWS = 40  # rows under a header looked at to name a column by what it holds


def _named_by_content(
    grid: Grid, header: int, columns: dict[int, str], vocab: Vocabulary, result: TableResult
) -> dict[int, str]:
    """Columns whose header word the vocabulary does not know ("Enh", "Art.nr", "Cód."),
    named by what their cells hold: every filled cell a unit word → the unit; every one a code
    with letters and digits, where no item column was named → the item. Only with two rows or
    more to judge by, and said in ``--explain``."""
    names = set(columns.values())
    if "quantity" not in names:
        return columns
    quantity = next(col for col, name in columns.items() if name == "quantity")
    rows = [  # the rows with a quantity: lines, not the total or the notes under them
        row
        for row in grid.rows[header + 1 : header + 1 + CONTENT_ROWS]
        if quantity < len(row)
        and parse_number(
            _spilled_text({n: (row[c] if c < len(row) else None) for c, n in columns.items()}, columns)["quantity"]
        )
        is not None  # "0.8x6x20 40": a description run into the quantity column
    ]
    width = max((len(r) for r in rows), default=0)
    named = dict(columns)
    units = set(vocab.units)
    for col in range(width):
        if col in named:
            continue
        values = [cell_text(r[col]).strip() for r in rows if col < len(r) and cell_text(r[col]).strip()]
        if len(values) < 2:
            continue
        head = cell_text(grid.rows[header][col]) if col < len(grid.rows[header]) else ""
        if "unit" not in names and all(v.lower().rstrip(".") in units or v.lower() in units for v in values):
            named[col], what = "unit", "unit words"
        elif (
            "item" not in names
            and all(_CODE_TOKEN.match(v) and not is_size(v) for v in values)
            and len(set(values)) == len(values)
        ):
            named[col], what = "item", "codes of letters and digits"
        elif "price_per" not in names and "unit_price" in names and _price_units(values):
            named[col], what = "price_per", "price units (1, 100, 1000)"
        else:
            continue
        names.add(named[col])
        result.explain.append(
            f"{grid.row_where(header)}: column '{head or _letters(col)}' read as the {named[col]}: its cells are {what}"
        )
    if "description" not in names:
        _description_by_words(grid, header, rows, named, result)
    return _words_not_codes(grid, header, rows, named, vocab, result)


def _price_units(values: list[str]) -> bool:
    """A column of 1, 10, 100 and 1,000 beside the prices: how many units each price is for."""
    found = {v.replace(".", "").replace(",", "").replace("\u202f", "").replace(" ", "") for v in values}
    return found <= {"1", "10", "100", "1000"} and bool(found - {"1"})


def _description_by_words(
    grid: Grid, header: int, rows: list[list[Any]], named: dict[int, str], result: TableResult
) -> None:
    """No heading named the description ("Kurztext", "Libellé", a language we do not know):
    the column of words is. With two such columns, the one with the longer texts is taken
    and the table is flagged, since only a person can tell the description from a remark."""
    width = max((len(r) for r in rows), default=0)
    wordy = [
        c for c in range(width) if c not in named and len(v := _column_values(rows, c)) >= 2 and all(map(_wordy, v))
    ]
    if not wordy:
        return
    col = max(wordy, key=lambda c: sum(len(v) for v in _column_values(rows, c)))
    named[col] = "description"
    head = cell_text(grid.rows[header][col]) if col < len(grid.rows[header]) else ""
    where = grid.row_where(header)
    result.explain.append(f"{where}: column '{head or _letters(col)}' read as the description: its cells are words")
    if len(wordy) > 1:
        others = ", ".join(f"'{cell_text(grid.rows[header][c]) or _letters(c)}'" for c in wordy if c != col)
        result.warnings.append(
            f"{where}: columns {others} hold words too: is '{head or _letters(col)}' the description?"
        )


def _column_values(rows: list[list[Any]], col: int) -> list[str]:
    return [cell_text(r[col]).strip() for r in rows if col < len(r) and cell_text(r[col]).strip()]


def _wordy(text: str) -> bool:
    """A cell of words ("Power supply 24 V 5 A", "六角铜柱 M4x20"), not one code or number."""
    tokens = text.split()
    words = [t for t in tokens if _WORD.search(t) and not _CODE_TOKEN.match(t)]
    return bool(words) and (len(tokens) >= 2 or bool(_CJK_WORD.search(text)) or len(words[0]) >= 4)


def _codes(values: list[str]) -> bool:
    """Cells that are each one code ("BRA-4418", "SP150242", "4711-03"), all different; a name
    written without spaces in Chinese or Japanese ("防水接头PG9") is words, not a code."""
    codes = all(
        len(v.split()) == 1 and not _CJK_WORD.search(v) and (_CODE_TOKEN.match(v) or _NUMERIC_CODE.match(v))
        for v in values
    )
    return codes and len(set(values)) == len(values)


_WORD = re.compile(r"[^\W\d_]{3,}")
_CJK_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")


def _words_not_codes(
    grid: Grid, header: int, rows: list[list[Any]], columns: dict[int, str], vocab: Vocabulary, result: TableResult
) -> dict[int, str]:
    """The description is the column of words, the item a column of codes, whatever the
    headings say: "Item" over the descriptions beside "Part No." over the codes (the words are
    the description, not a line number), "Product" over codes beside "Product Description" over
    words. A column of codes is never read as the description: with a column of words beside
    it, the two change places; with none, the table is flagged, for a person to see which
    column says what is ordered."""
    if len(rows) < 2:
        return columns
    named = dict(columns)
    where = grid.row_where(header)
    head = grid.rows[header]

    def heading(col: int) -> str:
        return (cell_text(head[col]) if col < len(head) else "") or _letters(col)

    width = max(len(r) for r in rows)
    item = next((c for c, n in named.items() if n == "item"), None)
    if item is not None and not _column_values(rows, item):
        # "2nd Item Number" set as "2nd" over "Number" beside "Item": the codes stand under
        # the words beside the one that named the item
        codes = [c for c in range(width) if c not in named and len(v := _column_values(rows, c)) >= 2 and _codes(v)]
        if len(codes) == 1:
            named[codes[0]] = "item"
            del named[item]
            result.explain.append(
                f"{where}: column '{heading(codes[0])}' read as the item: its cells are codes, and the"
                f" column '{heading(item)}' is empty"
            )
    wordy = [c for c in range(width) if len(v := _column_values(rows, c)) >= 2 and all(_wordy(t) for t in v)]
    description = next((c for c, n in named.items() if n == "description"), None)
    if description is None:
        for col in wordy:
            if named.get(col) in ("line_no", "item"):
                was = named[col]
                named[col] = "description"
                result.explain.append(
                    f"{where}: column '{heading(col)}' read as the description, not the {was.replace('_', ' ')}:"
                    " its cells are words"
                )
                codes = [
                    c for c in range(width) if c not in named and len(v := _column_values(rows, c)) >= 2 and _codes(v)
                ]
                if was == "item" and len(codes) == 1:
                    named[codes[0]] = "item"
                    result.explain.append(
                        f"{where}: column '{heading(codes[0])}' read as the item: its cells are codes"
                    )
                return named
        return named
    values = _column_values(rows, description)
    if len(values) < 2 or not _codes(values):
        return named
    other = [c for c in wordy if named.get(c) in (None, "item", "item_alt")]
    if len(other) == 1:
        words_at = other[0]
        items = [c for c, n in named.items() if n == "item" and c != words_at]
        named[words_at] = "description"
        named[description] = "item"
        for col in items:  # the supplier's number stood in for the item: the buyer's codes win
            if vocab.column_of(heading(col)) == "item_alt":
                del named[col]
            else:
                named.pop(description, None)  # a second column of codes (a drawing, a revision)
        result.explain.append(
            f"{where}: column '{heading(description)}' holds codes and column '{heading(words_at)}' words:"
            f" the words read as the description"
        )
    else:
        result.warnings.append(
            f"{where}: the description column '{heading(description)}' holds only codes"
            f" ({values[0]}, {values[1]}, ...): which column says what is ordered?"
        )
    return named


def _aligned_columns(grid: Grid, vocab: Vocabulary, opts: Options) -> tuple[int, dict[int, str]] | None:
    """(first row, {column: field}) of a table in a grid without a recognised header row,
    found as on a page without one (``aligned.find``: rows whose quantity × price = amount)."""
    width = 100.0
    rows = [
        [
            aligned.Cell(text, c * width, c * width + width / 2)
            for c, value in enumerate(row)
            if (text := cell_text(value).strip())
        ]
        for row in grid.rows[: HEADER_SEARCH_ROWS * 20]
    ]
    found = aligned.find(rows, vocab, opts.decimal_comma)
    if found is None:
        return None
    columns = {round(x0 / width): name for (x0, _), name in zip(found.spans, found.names) if name}
    if not grid.note:
        grid.note = f"{grid.where}: {found.describe(lambda x0, _: 'column ' + _letters(round(x0 / width)))}"
    return found.first, columns


def _letters(index: int) -> str:
    """A column's spreadsheet name: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _field_columns(grid: Grid, header: int, columns: dict[int, str], vocab: Vocabulary, result: TableResult) -> None:
    """Header cells that are field labels, not line columns: their values row by row."""
    for col, cell in enumerate(grid.rows[header]):
        if col in columns or not isinstance(cell, str):
            continue
        hit = vocab.label_at(cell)
        if hit is None or hit[2]:
            continue
        values = result.field_columns.setdefault(hit[0], [])
        for index in range(header + 1, len(grid.rows)):
            row = grid.rows[index]
            if col < len(row) and cell_text(row[col]):
                values.append((cell_text(row[col]), f"{grid.row_where(index)} column '{cell_text(cell)}'"))


def _width(rows: list[list[Any]]) -> int:
    return max((len(r) for r in rows), default=0)


def _header_currency(grid: Grid, index: int | None, columns: dict[int, str], result: TableResult) -> None:
    if index is None or result.currency:
        return
    for col, name in columns.items():
        if name in ("unit_price", "amount"):
            found = find_currency(str(grid.rows[index][col]))
            if found.value and not found.ambiguous:
                result.currency, result.currency_where = (
                    found.value,
                    f"{grid.row_where(index)} header '{cell_text(grid.rows[index][col])}'",
                )
                return


_MONEY_COLUMNS = ("unit_price", "unit_price_alt", "amount", "amount_alt")


def _currency_columns(
    grid: Grid, index: int, columns: dict[int, str], vocab: Vocabulary, opts: Options, result: TableResult
) -> dict[int, str]:
    """Prices and amounts in two currencies ("Unit Price EUR" beside "Unit Price USD", "单价(USD)"
    beside "单价(CNY)", "単価(円)" beside "単価(USD)"): both columns add up, so the arithmetic
    cannot choose; the lines are the order's currency's — the one its header names
    (``opts.order_currency``), else the one the only total row naming a currency names, else the
    columns the header prints first, for a person to confirm. The other currency's
    columns are dropped (they explain, they do not conflict); said in ``--explain``."""
    header = grid.rows[index]
    named: dict[int, str] = {}
    for col, name in columns.items():
        if name in _MONEY_COLUMNS and col < len(header):
            found = find_currency(cell_text(header[col]), opts.currency_hint)
            if found.value and not found.ambiguous:
                named[col] = found.value
    codes = set(named.values())
    if len(codes) < 2:
        return columns
    result.column_currencies |= codes
    chosen = opts.order_currency if opts.order_currency in codes else None
    how = "the currency the order names"
    if chosen is None:  # "Total EUR" under the table, and no total in the other currency
        totals = {
            code
            for row in grid.rows[index + 1 :]
            if (label := _row_label(row, columns)) is not None
            and vocab.is_row("total", label)
            and (code := _named_currency(label, opts)) in codes
        }
        if len(totals) == 1:
            chosen, how = totals.pop(), "the currency its total row names"
    if chosen is None:
        first = next((col for col, name in sorted(columns.items()) if name == "unit_price" and col in named), None)
        first = first if first is not None else min(named)
        chosen, how = named[first], "the columns printed first"
        result.currency_guessed = True
        result.warnings.append(
            f"{grid.row_where(index)}: prices in {' and '.join(sorted(codes))}, and neither a currency field nor"
            f" one total row says which is the order's: read in {chosen}, the columns printed first"
        )
    kept = {col for col, code in named.items() if code == chosen}
    out: dict[int, str] = {}
    for col, name in columns.items():
        if col in named and col not in kept:
            continue
        out[col] = name.removesuffix("_alt") if col in kept else name
    money = [name for name in out.values() if name in _MONEY_COLUMNS]
    if len(money) != len(set(money)):  # two price columns in that currency: the arithmetic chooses
        return columns
    others = sorted(codes - {chosen})
    result.explain.append(
        f"{grid.row_where(index)}: prices and amounts in {chosen} and in {', '.join(others)}: the lines are read in"
        f" {chosen} ({how}),"
        f" the {', '.join(others)} columns beside them for information"
    )
    return out


def _read_rows(
    grid: Grid, start: int, columns: dict[int, str], vocab: Vocabulary, opts: Options, result: TableResult
) -> tuple[bool, int]:
    """Read rows into ``result``; (a total row ended the table, index of the last row read)."""
    blank = False  # a blank row since the last line: text after it is a note, not a wrapped line
    # An order's lines are priced throughout or not at all: once lines with prices were read,
    # a later page of words in the same columns (terms, a scanned back page) needs them too.
    priced_before = any(line.unit_price is not None or line.amount is not None for line, _ in result.lines)
    table_priced = priced_before or _priced(grid, start, columns, opts)
    columns = _settled_prices(grid, start, columns, opts, result)
    per = _column_basis(grid, start, columns)
    for index in range(start, len(grid.rows)):
        row = _beside_glued(grid.rows[index], columns, vocab, opts)
        cells = _unglue_quantity(
            _spilled_text({name: (row[col] if col < len(row) else None) for col, name in columns.items()}, columns)
        )
        if per > 1 and not cell_text(cells.get("price_per")):
            cells["price_per"] = per
        cells = _grouped_quantity(cells, opts)
        texts = [cell_text(c) for c in row if c not in (None, "") and cell_text(c)]
        if not texts:
            blank = True
            continue
        where = grid.row_where(index)
        if parse_number(cells.get("quantity")) is None and (again := header_columns(row, vocab)) is not None:
            rest = Grid(grid.rows[index:], grid.where, (grid.row_names or [])[index:] or None)
            if result.lines and (plan := _plan_columns(rest, 0, again, opts, result)):
                result.plans.append((rest, 0, plan))  # a delivery plan under the lines, in the same columns of text
                return True, len(grid.rows) - 1
            continue  # the header repeated on a later page (a line always has a quantity)
        _side_sums(row, columns, where, vocab, opts, result)
        label = _row_label(row, columns)
        priced = parse_number(cells.get("quantity")) is not None and parse_number(cells.get("unit_price")) is not None
        if priced and (charge := _charge_row(cells, vocab)):
            # "Frachtkosten  1  45,00  45,00": freight priced like a line, but no item; not a line
            result.explain.append(f"{where}: a charge, not a line: {charge!r}")
            _take_adjustment(row, charge, opts, result)
            continue
        if label is not None and not priced:  # "Total station" with a quantity and a price is a line
            if vocab.is_row("carried", label):
                result.explain.append(f"{where}: a running sum carried over a page break, not a line: {label!r}")
                continue
            if vocab.is_row("quantity_total", label):
                continue  # "Total Qty 3,600": a count, not the order's total
            if vocab.is_row("subtotal", label):
                holder = TableResult()
                _take_total(row, columns, where, opts, holder)
                result.subtotal = holder.total if result.subtotal is None else result.subtotal
                continue
            if (
                vocab.is_row("charges", label)
                and not (vocab.is_row("total", label) and _QUALIFIED.search(label))
                and not _wrapped_words(texts, label, cells, result)
            ):
                # ("Total incl. VAT", "Total Without Taxes" name the tax, but are a sum with it or
                # before it: a total, not a charge)
                _take_adjustment(row, label, opts, result)
                continue
            if vocab.is_row("total", label) and _other_currency(label, opts, result):
                # "Total USD 4,389.14" under an order in yen: the sum of the other currency's columns
                result.explain.append(
                    f"{where}: a total in another currency than the lines', not the order's: {label!r}"
                )
                continue
            if vocab.is_row("total", label):
                if _total_follows(
                    grid, index, columns, vocab, lambda text: _other_currency(text, opts, result)
                ):  # "Summe netto", tax, then the grand total
                    holder = TableResult()
                    _take_total(row, columns, where, opts, holder)
                    result.subtotal = holder.total if result.subtotal is None else result.subtotal
                    continue
                _take_total(row, columns, where, opts, result)
                below = grid.rows[index + 1] if index + 1 < len(grid.rows) else None
                if result.total is None and below is not None and _amount_alone(below, opts):
                    # "Total (USD)" over "3,433.00": the amount on the line under its label
                    _take_total(below, columns, grid.row_where(index + 1), opts, result)
                    result.total_currency = result.total_currency or _named_currency(label, opts)
                    result.explain.append(f"{where}: '{label}' with its amount on the line under it")
                    return True, index + 1
                return True, index
            if result.lines and parse_number(cells.get("amount"), opts.decimal_comma) is not None:
                holder = TableResult()  # a row of words and an amount: a total in words we do not know?
                _take_total(row, columns, where, opts, holder)
                if holder.total is not None:
                    result.unnamed_totals.append((holder.total, where, label, holder.total_currency, len(result.lines)))
        if result.lines and forecast_heading(texts, vocab):
            # "Forecast (not binding)" after the lines: what follows is planned, not ordered
            result.explain.append(f"{where}: {texts[0]!r} heads a forecast: the rows under it are no lines")
            return True, len(grid.rows) - 1  # (nor are their dates the order's)
        if len(texts) == 1 and (vocab.is_row("footer", _undecorated(texts[0])) or vocab.is_row("notes", texts[0])):
            continue  # "- suite -", "*** Continued ***": the page goes on, no wrapped description
        if page_marker(" ".join(texts)):
            # "MECCANICA ADRIATICA S.R.L.   Pagina 2 di 2": a running head spread over the columns
            result.explain.append(f"{where}: a page's running head, not a line: {' '.join(texts)[:60]!r}")
            continue
        if any(vocab.is_row("notes", t) for t in texts[:1]) and parse_number(cells.get("quantity")) is None:
            continue
        if _band_description(row, vocab, result, where):
            continue
        waiting = result.pending
        taken = _take_row(cells, columns, where, opts, result, continuation=not blank, priced=table_priced, row=row)
        if taken or result.pending != waiting:  # a line, or an item row whose numbers follow (or its wrapped text)
            blank = False
    return False, len(grid.rows) - 1


_GLUED_SIDE = re.compile(r"^([-(]?\d[\d.,'\s]*\)?-?)\s+(\D.*?)\s+([-(△]?\d[\d.,'\s]*\)?-?)$")


def _beside_glued(row: list[Any], columns: dict[int, str], vocab: Vocabulary, opts: Options) -> list[Any]:
    """The last column's cell holding the line's amount and, close to its right, a row of a box
    of sums ("48,00 Gesamtsumme CHF 1.652,50"): the amount stays, the label and its amount
    become cells of their own right of the table."""
    if not columns:
        return row
    last = max(columns)
    if last >= len(row) or not isinstance(row[last], str) or any(c not in (None, "") for c in row[last + 1 :]):
        return row
    match = _GLUED_SIDE.match(cell_text(row[last]))
    if match is None or parse_number(match.group(1), opts.decimal_comma) is None:
        return row
    label = match.group(2)
    if not any(vocab.is_row(kind, label) for kind in ("total", "subtotal", "charges", "carried")):
        return row
    return [*row[:last], match.group(1), label, match.group(3)]


def _header_without_sums(row: list[Any], columns: dict[int, str], vocab: Vocabulary) -> dict[int, str]:
    """The header row's columns without the first row of a box of sums level with it ("Amount |
    Subtotal | 2,000.00"): a word of sums followed by a number at the row's end names no column."""
    filled = [i for i, c in enumerate(row) if c not in (None, "") and cell_text(c)]
    if len(filled) < 2 or parse_number(row[filled[-1]]) is None:
        return columns
    label_at = filled[-2]
    label = cell_text(row[label_at])
    if label_at not in columns or label_at != max(columns) or parse_number(label) is not None:
        return columns
    if not any(vocab.is_row(kind, label) for kind in ("total", "subtotal", "charges")):
        return columns
    return {i: n for i, n in columns.items() if i != label_at}


def _side_sums(
    row: list[Any], columns: dict[int, str], where: str, vocab: Vocabulary, opts: Options, result: TableResult
) -> None:
    """A label and an amount in the cells right of the table's last column ("Subtotal
    10,720.00" beside a line): a row of a box of sums printed beside the table, not under it.
    Only labels of sums are taken (total, subtotal, tax and charges, carried forward)."""
    if not columns:
        return
    side = [c for c in row[max(columns) + 1 :] if c not in (None, "") and cell_text(c)]
    if len(side) < 2 or not isinstance(side[0], str) or parse_number(side[0]) is not None:
        return
    label = _row_label(side, {})
    amount = cell_text(side[-1])
    value = signed_amount(amount, opts.decimal_comma)
    if label is None or value is None or label == amount or vocab.is_row("quantity_total", label):
        return
    bare = re.sub(r"[A-Z]{3}|[€$£¥￥]", "", amount).strip()
    if not re.fullmatch(r"[-(△▲]?\d[\d.,'\s]*\)?-?", bare):
        return  # "28,721.14lb": a weight, not money
    if any(vocab.is_row(kind, label) for kind in ("total", "subtotal", "charges", "carried")):
        result.side_sums.append((label, value, where))


def _side_total(result: TableResult, vocab: Vocabulary, opts: Options) -> None:
    """The order's total from a box of sums beside the table, when no total row stands under
    it: the last total of the box (a total followed by charges and another total is the net),
    the subtotal and the charges read as a totals block under the table would be."""
    if result.total is not None or not result.side_sums:
        return
    totals = [
        (i, label, value, where)
        for i, (label, value, where) in enumerate(result.side_sums)
        if vocab.is_row("total", label)
        and not vocab.is_row("quantity_total", label)
        and not vocab.is_row("carried", label)
        and not _other_currency(label, opts, result)
    ]
    if not totals:
        return
    at, label, value, where = totals[-1]
    for i, (other, amount, _) in enumerate(result.side_sums):
        if i >= at or vocab.is_row("carried", other):
            continue
        if vocab.is_row("subtotal", other) or (vocab.is_row("total", other) and not vocab.is_row("charges", other)):
            result.subtotal = amount if result.subtotal is None else result.subtotal
        elif vocab.is_row("charges", other):
            result.adjustments.append(amount)
    result.total, result.total_where = value, f"{where} (a box of sums beside the table)"
    result.total_currency = _named_currency(label, opts)
    result.explain.append(f"{where}: '{label}' {value} in a box of sums beside the table: read as the total")


def _other_currency(label: str, opts: Options, result: TableResult) -> bool:
    """Whether a total row's label names the other currency of a table priced in two."""
    if not result.column_currencies or result.currency is None:
        return False
    named = _named_currency(label, opts)
    return named is not None and named in result.column_currencies and named != result.currency


def _column_basis(grid: Grid, start: int, columns: dict[int, str]) -> int:
    """The units the price column's header says its prices are for (1 when it says nothing)."""
    header = grid.rows[start - 1] if 0 < start <= len(grid.rows) else []
    at = next((col for col, name in columns.items() if name == "unit_price"), None)
    return header_basis(header[at]) if at is not None and at < len(header) else 1


SETTLE_ROWS = 40  # rows under a header looked at to choose between two price or amount columns


def _settled_prices(
    grid: Grid, start: int, columns: dict[int, str], opts: Options, result: TableResult
) -> dict[int, str]:
    """Two columns for the price (before and with tax, net and gross, list and net) or for the
    amount ("Net price" beside "Amount"): the pair for which quantity × price = amount on the
    most rows is read, the header's choice (before tax, or the first) when no pair does better.
    A column headed as an amount but saying "price" may be the price. Said in ``--explain``."""
    names = set(columns.values())
    if not names & {"unit_price_alt", "amount_alt"}:
        return columns
    header = grid.rows[start - 1] if 0 < start <= len(grid.rows) else []
    qty_at = next((c for c, n in columns.items() if n == "quantity"), None)
    prices = [c for c, n in columns.items() if n in ("unit_price", "unit_price_alt")]
    amounts = [c for c, n in columns.items() if n in ("amount", "amount_alt")]
    prices += [c for c in amounts if c < len(header) and _PRICE_WORD.search(cell_text(header[c]))]
    current = (
        next((c for c, n in columns.items() if n == "unit_price"), None),
        next((c for c, n in columns.items() if n == "amount"), None),
    )
    out = {c: n for c, n in columns.items() if not n.endswith("_alt")}
    if qty_at is None:
        return out

    def agreeing(price_at: int | None, amount_at: int | None) -> int:
        if price_at is None or amount_at is None or price_at == amount_at:
            return 0
        stated = header_basis(header[price_at]) if price_at < len(header) else 1
        counts = dict.fromkeys({stated, 100, 1000}, 0)  # a price per 100 its header does not say
        for row in grid.rows[start : start + SETTLE_ROWS]:
            cells = _unglue_quantity({"quantity": row[qty_at] if qty_at < len(row) else None})
            quantity = parse_number(cells.get("quantity"), opts.decimal_comma)
            price = parse_price(row[price_at], opts.decimal_comma)[0] if price_at < len(row) else None
            amount = parse_number(row[amount_at], opts.decimal_comma) if amount_at < len(row) else None
            if not quantity or price is None or amount is None:
                continue
            for per in counts:
                counts[per] += _agrees(quantity * price / per, amount)
        return max(counts.values())

    best = max(((agreeing(p, a), p, a) for p in prices for a in amounts), key=lambda t: t[0], default=(0, None, None))
    if best[0] <= agreeing(*current) or best[1] is None or best[2] is None:
        return out
    out = {c: n for c, n in out.items() if n not in ("unit_price", "amount")}
    out[best[1]], out[best[2]] = "unit_price", "amount"
    result.explain.append(
        f"{grid.row_where(start - 1)}: of the columns for price and amount, quantity × '{cell_text(header[best[1]])}'"
        f" = '{cell_text(header[best[2]])}' on {best[0]} rows: read as the unit price and the amount"
    )
    return out


def _undecorated(text: str) -> str:
    """A page's running words without the dashes, stars or brackets set around them."""
    return text.strip(" -–—*=_~.·•()[]<>") or text


def _band_description(row: list[Any], vocab: Vocabulary, result: TableResult, where: str) -> bool:
    """A band across the table under a line that has no description: its description, as
    Oracle BI Publisher prints a line as a band of numbers over a band of text, the text alone
    or after a "Description" box. A ruled table gives such a band as one or two boxes with no
    cell drawn beside them (None, where an empty box is ""). Under a line that has its
    description, the band is a note: left as before."""
    if len(row) < 3 or any(c == "" for c in row):
        return False
    boxes = [c for c in row if c is not None]
    if len(boxes) == 2 and vocab.column_of(boxes[0]) == "description":
        boxes = boxes[1:]  # "Description" | the text
    if len(boxes) != 1 or not isinstance(boxes[0], str) or row.count(None) < len(row) - 2:
        return False
    text = cell_text(boxes[0]).strip()
    if not re.search(r"[^\W\d_]{2,}", text) or not result.lines or result.pending:
        return False
    line = result.lines[-1][0]
    if line.description is not None:
        return False
    line.description = text
    result.explain.append(f"{where}: a band across the table under line {len(result.lines)}: read as its description")
    return True


MAX_TOTALS_BLOCK = 6  # rows of a totals block: net, discount, tax, freight, total...


def _total_follows(
    grid: Grid, index: int, columns: dict[int, str], vocab: Vocabulary, other: Callable[[str], bool] = lambda _: False
) -> bool:
    """Whether another total row follows the total row at ``index`` in the same block of
    totals, below its charges ("Total HT", "TVA 20 %", "Total TTC"): then the first is the net
    sum before tax, not the order's total. Only label rows may come between; a line, a note
    or a blank row ends the block."""
    for row in grid.rows[index + 1 : index + 1 + MAX_TOTALS_BLOCK]:
        if not any(c not in (None, "") and cell_text(c) for c in row):
            return False
        label = _row_label(row, columns)
        if label is None:
            return False
        if other(label):
            continue  # the total in the other currency of a table priced in two
        if vocab.is_row("total", label) and not vocab.is_row("quantity_total", label):
            return True
        if not (vocab.is_row("charges", label) or vocab.is_row("subtotal", label)):
            return False
    return False


def _charge_row(cells: dict[str, Any], vocab: Vocabulary) -> str | None:
    """The words of a row of the table priced like a line that is a charge: in the item or the
    description cell, a few words without a digit naming freight, packing or a surcharge, and
    no code of an item beside them (a position number may stand before them)."""
    item = cell_text(cells.get("item"))
    desc = cell_text(cells.get("description"))
    if item and desc:
        return None
    words = desc or item
    if not words or re.search(r"\d", words) or len(words.split()) > 4:
        return None
    if parse_number(cells.get("quantity")) not in (None, 1):
        return None  # "Shipping box  10 EA": a product that ships things, counted
    if _SURCHARGE.search(words):
        return None  # "FUEL SURCHARGE  1  104.19": a position the buyer orders and pays as a line
    return words if vocab.is_row("charges", words) else None


_SURCHARGE = re.compile(r"surcharge|zuschlag|supplément|recargo|maggiorazione|toeslag|附加费", re.I)


def _row_label(row: list[Any], columns: dict[int, str]) -> str | None:
    """The text before the first number: "Total", "Grand Total (GBP):", "合计"."""
    words = []
    for cell in row:
        if cell in (None, "") or not cell_text(cell):
            continue
        if not isinstance(cell, str) or parse_number(cell) is not None:
            break
        words.append(cell_text(cell))
    return " ".join(words) or None


def _take_total(row: list[Any], columns: dict[int, str], where: str, opts: Options, result: TableResult) -> None:
    amount_cols = [i for i, n in columns.items() if n == "amount"]
    candidates = [row[i] for i in amount_cols if i < len(row)]
    candidates += [c for c in reversed(row) if c not in (None, "")]
    label = _row_label(row, columns) or ""
    for cell in candidates:
        value = parse_number(cell, opts.decimal_comma)
        if value is not None and cell not in (None, ""):
            result.total, result.total_where = value, where
            # "GESAMTBETRAG | (CHF) 1.265,90": the code may sit in the label or by the amount
            result.total_currency = _named_currency(label, opts) or _named_currency(cell_text(cell), opts)
            return
    inline = _TRAILING_NUMBER.search(label)  # "Total: 1,983.42" in one cell
    if inline and (value := parse_number(inline.group(1), opts.decimal_comma)) is not None:
        result.total, result.total_where = value, where
        result.total_currency = _named_currency(label[: inline.start()], opts)


def _wrapped_words(texts: list[str], label: str, cells: dict[str, Any], result: TableResult) -> bool:
    """Words in the description column under a line that start like a charge but are the line's
    text wrapped ("Verpackung zu 10 Stück im" of "... gemäß Zeichnung, Verpackung zu 10 Stück im
    Karton"): the only text of the row, four words or more, and no amount at its end. A charge's
    label is a word or three, with its amount."""
    return (
        bool(result.lines)
        and texts == [label]
        and label == cell_text(cells.get("description"))
        and len(label.split()) >= 4
        and not _TRAILING_NUMBER.search(label)
    )


def _take_adjustment(row: list[Any], label: str, opts: Options, result: TableResult) -> None:
    """The amount of a tax, freight or allowance row ("Allowance  Handling  1.5%  (-13.68)"):
    its last cell that is a number, signed as printed, never a percentage."""
    for cell in reversed(row):
        text = cell_text(cell).strip()
        if text and text == label and (inline := _TRAILING_NUMBER.search(text)):
            text = inline.group(1)  # "TVA 20 %: 395,40" in one cell
        elif not text or text.endswith("%") or text == label:
            continue
        value = signed_amount(text, opts.decimal_comma)
        if value is not None:
            result.adjustments.append(value)
        return


def _amount_alone(row: list[Any], opts: Options) -> bool:
    """A row holding an amount and at most its currency ("3,433.00", "EUR 2 372,40")."""
    texts = [cell_text(c) for c in row if c not in (None, "") and cell_text(c)]
    if not texts or len(texts) > 2:
        return False
    numbers = [t for t in texts if parse_number(t, opts.decimal_comma) is not None]
    words = [t for t in texts if t not in numbers]
    if len(numbers) == 1:
        return not words or bool(_named_currency(words[0], opts)) and len(words[0]) <= 4
    if len(texts) == 1:  # "EUR 2 372,40" in one cell
        match = re.fullmatch(r"(\S{1,4})\s*(\d[\d.,'\s]*)|(\d[\d.,'\s]*?)\s*(\S{1,4})", texts[0])
        if match is None:
            return False
        code, amount = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        return parse_number(amount, opts.decimal_comma) is not None and bool(_named_currency(code, opts))
    return False


def _named_currency(label: str, opts: Options) -> str | None:
    """The currency a total row's label names ("ORDER TOTAL (USD)"); none when it could be two."""
    found = find_currency(label, opts.currency_hint)
    return found.value if found.value and not found.ambiguous else None


_TRAILING_NUMBER = re.compile(r"[:：\s]\s*([-(]?\d[\d.,'\s]*\)?)\s*$")


def _priced(grid: Grid, start: int, columns: dict[int, str], opts: Options) -> bool:
    """Whether any row of the table has a quantity and a price or an amount: then a row with a
    quantity alone is a schedule or a note under a line, not a line of its own."""
    names = set(columns.values())
    if not names & {"unit_price", "amount"}:
        return False
    for row in grid.rows[start:]:
        cells = _unglue_quantity({name: (row[col] if col < len(row) else None) for col, name in columns.items()})
        if parse_number(cells.get("quantity"), opts.decimal_comma) is None:
            continue
        if (
            parse_price(cells.get("unit_price"), opts.decimal_comma)[0] is not None
            or parse_number(cells.get("amount"), opts.decimal_comma) is not None
        ):
            return True
    return any(_arithmetic(row, opts) is not None for row in grid.rows[start : start + 60])


def _is_line(cells: dict[str, Any], priced: bool, opts: Options, has_text: bool) -> bool:
    """A row is a line when it has a quantity and (a price or an amount) in the table's columns;
    in a table without prices, a quantity and a text. A line whose quantity column was left
    blank still counts when its price and amount are both there."""
    quantity = parse_number(cells.get("quantity"), opts.decimal_comma)
    if _ENUMERATOR.match(cell_text(cells.get("quantity"))):
        return False  # "1. Company Name", "2) Full address": a numbered note, not a quantity
    price_written = _written(cells.get("unit_price"), opts) and not _padded(cells.get("unit_price"))
    amount_written = _written(cells.get("amount"), opts) and not _padded(cells.get("amount"))
    if quantity is not None:
        return price_written or amount_written or (not priced and has_text)
    if cell_text(cells.get("quantity")):
        # "1O0" misread: a warning, not a skip; but words alone ("Rel. ord. against contract
        # 4600100679") are a note that runs across the columns
        return (
            has_text and (price_written or amount_written) and bool(re.search(r"\d", cell_text(cells.get("quantity"))))
        )
    price = parse_price(cells.get("unit_price"), opts.decimal_comma)[0]
    amount = parse_number(cells.get("amount"), opts.decimal_comma)
    return price is not None and amount is not None and has_text


_ENUMERATOR = re.compile(r"^\s*\d{1,2}[.)]\s*$")


def _padded(cell: Any) -> bool:
    """A number printed with leading zeros ("00060", "00010"): an item or position number,
    never money."""
    return bool(re.fullmatch(r"0\d+", cell_text(cell).strip()))


def _schedule_text(row: list[Any]) -> bool:
    """A row that is a date with at most a short label and the part quantity due then ("Due
    Date: 12/19/2026", "F.Ent:02/01/2021  1,428.000")."""
    text = " ".join(cell_text(c) for c in row if cell_text(c))
    spans = date_spans(text)
    if len(spans) != 1:
        return False
    a, b = spans[0]
    rest = (text[:a] + " " + text[b:]).strip(" :：-").split()
    numbers = [w for w in rest if re.search(r"\d", w)]
    return len(rest) - len(numbers) <= 3 and len(numbers) <= 1 and all(parse_number(w) is not None for w in numbers)


def _date_parts_only(row: list[Any], cells: dict[str, Any]) -> bool:
    """Whether the row's only numbers are the parts of a date written across the columns."""
    text = " ".join(cell_text(c) for c in row if cell_text(c))
    spans = date_spans(text)
    if not spans:
        return False
    inside = " ".join(text[a:b] for a, b in spans)
    numeric = [cell_text(cells.get(k)) for k in ("quantity", "unit_price", "amount") if cell_text(cells.get(k))]
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + " " + rest[b:]
    return bool(numeric) and all(n in inside for n in numeric) and not re.search(r"\d", rest)


def _columns_add_up(cells: dict[str, Any], opts: Options) -> bool:
    """Whether the quantity, price and amount read from their columns agree. A table without an
    amount column stands by its quantity and price: numbers in the row's words (a description
    "Power supply 24 V 5 A", an address) are not an amount to be found by arithmetic."""
    quantity = parse_number(cells.get("quantity"), opts.decimal_comma)
    price, per = parse_price(cells.get("unit_price"), opts.decimal_comma)  # "270.00 PER M": for 1,000
    if "amount" not in cells:
        return quantity is not None and price is not None
    amount = parse_number(cells.get("amount"), opts.decimal_comma)
    if quantity is None or price is None or amount is None:
        return False
    per = _with_column_basis(per, cells.get("price_per"), opts)  # a "PE" column of 100
    return _agrees(quantity * price / per, amount) or _net_price(cells, quantity, price / per, amount, opts) is not None


def _net_price(
    cells: dict[str, Any], quantity: Decimal, price: Decimal, amount: Decimal, opts: Options
) -> tuple[Decimal, str] | None:
    """(the net unit price, how) when the row's discount, a percentage off the price or an amount
    off the line, takes quantity × ``price`` (per one unit) to the amount printed; else None."""
    rate_text = cell_text(cells.get("discount_pct")) or (
        cell_text(cells.get("discount")) if "%" in cell_text(cells.get("discount")) else ""
    )
    rate = parse_number(rate_text.replace("%", "").strip(), opts.decimal_comma) if rate_text else None
    if rate is not None and 0 < abs(rate) < 100:
        net = price * (1 - abs(rate) / 100)
        if _agrees(quantity * net, amount):
            return net, f"{price} less {abs(rate)} %"
    off = cell_text(cells.get("discount"))
    value = parse_number(off, opts.decimal_comma) if off and "%" not in off else None
    if value is not None and value and quantity:
        net_amount = quantity * price - abs(value)
        if _agrees(net_amount, amount):
            net = (net_amount / quantity).quantize(Decimal("0.000001")).normalize()
            return net, f"({quantity} × {price} − {abs(value)}) / {quantity}"
    return None


def _columns_complete(cells: dict[str, Any], opts: Options) -> bool:
    """Whether the quantity, price and amount columns all hold a number."""
    return (
        parse_number(cells.get("quantity"), opts.decimal_comma) is not None
        and parse_price(cells.get("unit_price"), opts.decimal_comma)[0] is not None
        and parse_number(cells.get("amount"), opts.decimal_comma) is not None
    )


def _agrees(product: Decimal, amount: Decimal) -> bool:
    return abs(product - amount) <= max(Decimal("0.01"), abs(amount) * Decimal("0.0005"))


_TOKEN = re.compile(r"\S+")


def _arithmetic(row: list[Any], opts: Options) -> tuple[Decimal, str | None, Decimal, Decimal] | None:
    """(quantity, unit, unit price, amount) from a row whose numbers are not under their
    headers (SAP prints a line's numbers on a row of their own, shifted): three numbers in
    reading order where the first times the second is the third. None when no three agree."""
    reading = _arithmetic_reading(row, opts)
    return reading[0] if reading else None


def _arithmetic_reading(
    row: list[Any], opts: Options
) -> tuple[tuple[Decimal, str | None, Decimal, Decimal], list[str]] | None:
    """``_arithmetic``'s numbers, and the words of the row before its quantity: the line's
    position, item and description, wherever the columns cut them. Numbers grouped by a space
    are read joined first, then apart ("ABS 21  250 pce": a size, then the quantity)."""
    text = " ".join(cell_text(cell) for cell in row if cell_text(cell))
    joined = _tokens(text, opts)
    found = _arithmetic_tokens(joined, opts)
    if found is None and joined != text.split():
        found = _arithmetic_tokens(text.split(), opts)
    return found


def _arithmetic_tokens(
    tokens: list[str], opts: Options
) -> tuple[tuple[Decimal, str | None, Decimal, Decimal], list[str]] | None:
    found = [
        (i, v)
        for i, t in enumerate(tokens)
        if not (re.search(r"\d[/.-]\d{1,2}[/.-]\d", t) and parse_price(t)[1] == 1)  # a date, not "7,190.00/1,000"
        and not re.fullmatch(r"0\d+", t)  # "00050": a position number, never a quantity or money
        and (v := _token_value(t, opts)) is not None
    ]
    if len(found) < 3 or len(found) > 8:
        return None
    per = _per_marker(tokens)
    for k in range(len(found) - 1, 1, -1):
        amount = found[k][1]
        if not amount:
            continue
        for i in range(k - 1):
            for j in range(i + 1, k):
                quantity, price = found[i][1], found[j][1]
                if per > 1 and quantity > 0 and _agrees(quantity * price / per, amount):
                    price = price / per  # "130,00 /1000": the price printed for 1,000 units
                if quantity > 0 and _agrees(quantity * price, amount):
                    at = found[i][0] + 1
                    if at + 1 < len(tokens) and re.fullmatch(r"_{2,}|/", tokens[at]):
                        at += 1  # "500 ____ pce": a blank left between the quantity and its unit
                    after = tokens[at] if at < len(tokens) else ""
                    unit = _bare_unit(after) if re.fullmatch(_UNIT_WORD, after) else None
                    glued = re.fullmatch(r"[\d.,']+([^\W\d_]{1,6}\.?)", tokens[found[i][0]])
                    if glued:  # "500Stk": the unit printed against the quantity
                        unit = glued.group(1)
                    return (quantity, unit, price, amount), tokens[: found[i][0]]
    return None


# (not the digits ending a code: "SUS304 400" is a code and a quantity, never 304400)
_SPACED_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.])")


def _tokens(text: str, opts: Options) -> list[str]:
    """The words of a cell; where the document writes "7 937,00" (a space between thousands,
    with a decimal comma), that number is one word."""
    if opts.decimal_comma:
        text = _SPACED_THOUSANDS.sub(lambda m: re.sub(r"\s", "", m.group(0)), text)
    return _TOKEN.findall(text)


def _token_value(token: str, opts: Options) -> Decimal | None:
    """A number of a row read by arithmetic; a price printed for many units ("7,190.00/1,000")
    counts per unit."""
    value = parse_number(token, opts.decimal_comma)
    if value is not None:
        return value
    price, per = parse_price(token, opts.decimal_comma)
    return price / per if price is not None and per > 1 else None


def _per_marker(tokens: list[str]) -> int:
    """1,000 or 100 when the row prints a price per thousand or per hundred ("PER M", "/1000",
    "per 100"), else 1."""
    text = " ".join(tokens).lower()
    if re.search(r"(?:\bper\s*m\b|/\s*m\b|/\s*1[.,]?000\b|\bper\s*1[.,]?000\b)", text):
        return 1000
    if re.search(r"(?:/\s*100\b|\bper\s*100\b)", text):
        return 100
    return 1


def _arithmetic_line(
    reading: tuple[tuple[Decimal, str | None, Decimal, Decimal], list[str]],
    row: list[Any],
    cells: dict[str, Any],
    where: str,
    opts: Options,
    result: TableResult,
) -> bool:
    """A line whose numbers were read by arithmetic; its item and text from the row above
    (the first row of an SAP item), or from its own words before the quantity."""
    (quantity, unit, price, amount), before = reading
    line = OrderLine(quantity=quantity, unit=unit, unit_price=price, amount=amount)
    worded = any(re.search(r"[^\W\d_]", t) for t in before[1:] if not _POSITION.fullmatch(t))
    if result.pending and not (worded and cell_text(cells.get("item"))):  # a row with its own code is its own item
        line.item, line.description = (t or None for t in result.pending)
    else:
        _unused_pending(result, where)
        line.item, line.description = _text_before_numbers(before, cells, where, opts, result)
    result.pending = None
    result.explain.append(f"{where}: quantity, price and amount read by arithmetic: {quantity} × {price} = {amount}")
    result.lines.append((line, where))
    return True


def _unused_pending(result: TableResult, where: str) -> None:
    """Text with a code that waited for numbers ("90" under "12345678" in a narrow item column,
    a second code under the first, the rest of a description set in the item column), but the
    next line brought its own: that text belongs to no line as read, so the line above it is
    for a person to check rather than to pass with part of its code or text left out."""
    if not result.pending or not result.lines:
        return
    code = result.pending[0] or ""
    if " " in code.strip() or not re.search(r"\d", code):
        return  # a note or a reference under the line ("Hinweis: …", "1 EA / 1 EA"), not a code
    text = " ".join(t for t in result.pending if t)
    result.warnings.append(
        f"{where}: the text {text[:60]!r} above this line was read into no line: check the item and"
        f" description of line {len(result.lines)}"
    )


def _split_group(description: str, quantity: Any, read: Decimal, opts: Options) -> bool:
    """Whether the columns cut one quantity grouped with a space ("2 500": "… acier 2" |
    "500 ____ pce"), so that both readings are the same once its groups are joined again."""
    words = description.split()
    match = re.match(r"\s*(\d{3}(?:[.,]\d+)?)\b", cell_text(quantity))
    if not words or not re.fullmatch(r"\d{1,3}", words[-1]) or match is None:
        return False
    return parse_number(words[-1] + match.group(1), opts.decimal_comma) == read


def _text_before_numbers(
    before: list[str], cells: dict[str, Any], where: str, opts: Options, result: TableResult
) -> tuple[str | None, str | None]:
    """(item, description) of a row read by arithmetic. Its columns are kept when they hold
    all of its words before the quantity; when they do not (a CJK row printed in a monospace
    font: its characters are wider than the header's, so the numbers' columns cut the
    description), those words are read in order instead: a position number, the item code
    when the table has an item column, then the description."""
    item = cell_text(cells.get("item"))
    description = cell_text(cells.get("description"))
    tokens = list(before)
    if len(tokens) >= 2 and _POSITION.fullmatch(tokens[0]):
        tokens.pop(0)  # the line's position
    parts = item.split()
    if len(parts) >= 2 and _POSITION.fullmatch(parts[0]) and tokens and parts[1] == tokens[0]:
        item = " ".join(parts[1:])  # "2 BEA-1138": the position run into the item column
    words = description.split()
    while words and re.fullmatch(r"\d{1,3}", words[-1]) and tokens and tokens[-1] != words[-1]:
        words.pop()  # "acier 2" | "500": the first group of a quantity written "2 500"
    description = " ".join(words)
    kept = f"{item} {description}".split()
    lost = [t for t in tokens if t not in kept]
    if not lost or any(date_spans(t) for t in lost):
        worded = [t for t in (item, description) if t and parse_number(t.split()[0], opts.decimal_comma) is None]
        return (item if item and item in worded else None), (description or None) if worded else None
    code = None
    if (
        "item" in cells
        and len(tokens) >= 2
        and (_CODE_TOKEN.match(tokens[0]) or (_NUMERIC_CODE.match(tokens[0]) and not date_spans(tokens[0])))
        and not is_size(tokens[0])
    ):
        code = tokens.pop(0)
    text = " ".join(tokens) or None
    if (code, text) != (item or None, description or None):
        result.explain.append(
            f"{where}: the columns cut the words before the numbers; read in order: item {code}, description {text!r}"
        )
    return code, text


_POSITION = re.compile(r"\d{1,4}[.)]?")  # a line's position number before its item
_NUMERIC_CODE = re.compile(r"^\d+[-./]\d[\d\-./]*$")  # "00000000700-101790": a material number of digits
_CODE_TOKEN = re.compile(r"^(?=\S*\d)(?=\S*[^\W\d_])[\w][\w\-./]{2,}$")


def _code_continues(item: str | None, below: str) -> bool:
    """Whether ``below`` is the rest of an item code wrapped in a narrow column: one word,
    and the code above ends (or the word starts) with a joining mark ("MTR-" / "12V30")."""
    return bool(
        item
        and below
        and " " not in below.strip()
        and (item.rstrip().endswith(("-", "/", "_", ".")) or below.lstrip().startswith(("-", "/", "_", ".")))
    )


def _pending_continues(result: TableResult, item_text: str, desc_text: str, where: str) -> bool:
    """A row of text under an item row whose numbers have not come yet: the rest of its code
    wrapped in a narrow column ("HOU-4487-" over "373-B34") and of its description. A row with
    a code of its own that does not continue the one above is another item: False."""
    assert result.pending is not None
    item, description = result.pending
    if item_text and not _code_continues(item, item_text):
        return False
    if item_text:
        item = join_wrapped(item, item_text)
        result.explain.append(f"{where}: the item code continues the row above: {item}")
    if desc_text:
        description = join_wrapped(description or "", desc_text)
    result.pending = (item, description)
    return True


def _words_in_position(cells: dict[str, Any]) -> bool:
    """A row of text whose words start in the position column ("Vermeld ons ordernummer op
    alle pakbonnen ..." from the left margin across the columns): a note printed under the
    lines, never a description wrapped in its own column."""
    text = cell_text(cells.get("line_no"))
    return bool(text) and parse_number(text) is None and bool(re.search(r"[^\W\d_]{2}", text))


def _new_item(row: list[Any] | None) -> bool:
    """Whether a row of text starts another item: a zero-padded position number, then a code
    ("00050 BEA-5481 ..."), wherever the columns cut it; not the wrapped text of the line above."""
    tokens = " ".join(cell_text(c) for c in row or [] if cell_text(c)).split()
    return len(tokens) >= 2 and bool(re.fullmatch(r"0\d{2,}", tokens[0])) and bool(_item_row(row, "", "")[0])


def _item_row(row: list[Any] | None, item_text: str, desc_text: str) -> tuple[str, str]:
    """(item, description) of an item row whose numbers follow on the next row. ERP forms
    print it as one run of text that the table's columns cut anywhere ("00010  SPR-6444
    Druckfeder 0.8x6x20" under "No. Material Bezeichnung Menge"), so it is read as text: a
    position number first, then the code, then the description."""
    tokens = " ".join(cell_text(c) for c in row or [] if cell_text(c)).split()
    while tokens and tokens[0].isdigit():
        tokens.pop(0)
    if len(tokens) >= 2 and (
        _CODE_TOKEN.match(tokens[0]) or (_NUMERIC_CODE.match(tokens[0]) and not date_spans(tokens[0]))
    ):
        return tokens[0], " ".join(tokens[1:])
    return item_text, desc_text


_NO_CHARGE = re.compile(r"^(?:foc|f\.o\.c\.?|n/?c|free|no charge|tbd|tba|tbc|[-–—]|免费|赠品|待定)$", re.I)


def _written(cell: Any, opts: Options) -> bool:
    """A price or amount is there: a number, or a word that stands for one ("FOC", "TBD");
    words of a note running across the column are not."""
    text = cell_text(cell)
    if not text:
        return False
    if re.search(r"[^\W\d_]", text) and not find_currency(text).value and not _NO_CHARGE.match(text.strip()):
        if _MARKED_MONEY.fullmatch(text.strip()) and _mark(text).lower() not in _MEASURES:
            return parse_price(text, opts.decimal_comma)[0] is not None  # "723.42 som", "Lek 1 200,00": money
        if parse_price(text, opts.decimal_comma)[1] == 1:
            return False  # "608ZZ", "24 V" of a description running into the column: words, not money
    return parse_price(cell, opts.decimal_comma)[0] is not None or bool(_NO_CHARGE.match(text.strip()))


# an amount with cents and a short mark before or after it that no currency table knows
_MARKED_MONEY = re.compile(
    r"[^\W\d_][^\W\d_'‘’ʻ]{0,4}\.?\s?\d[\d.,'\u00a0\u202f ]*[.,]\d{2}|\d[\d.,'\u00a0\u202f ]*[.,]\d{2}\s?[^\W\d_][^\W\d_'‘’ʻ]{0,4}\.?"
)
# measures a description running into a money column ends with ("0.80 mm", "2.50 kg"): no money
_MEASURES = frozenset("mm cm m km kg g mg t l ml v w kw a ma hz khz mhz pcs pc ea st stk h hr min in ft lb oz".split())


def _mark(text: str) -> str:
    return re.sub(r"[\d.,'\u00a0\u202f \s]+", "", text).rstrip(".")


# "Page 2 of 3", "Pagina 2 di 2", "Seite 2 von 3", "Strona 2 z 3": where a page says which it is
_PAGE_OF = re.compile(
    r"(?<![^\W\d_])(?:page|seite|pagina|página|pág\.?|pag\.?|blatt|sida|strona|side|sivu|oldal|sayfa|stránka|strana)"
    r"\s?\d{1,3}\s?(?:/|of|von|di|de|van|sur|av|z|af|из|ze|ze)\s?\d{1,3}(?!\d)",
    re.I,
)


def page_marker(text: str) -> bool:
    """Whether ``text`` says which page it is on ("Page 2 OF 4"): a running head or foot."""
    return bool(_PAGE_OF.search(text))


_GLUED_CODE = re.compile(r"^\d+[A-Za-z]{1,4}$")


def _sub_row(cells: dict[str, Any], row: list[Any] | None, where: str, opts: Options, result: TableResult) -> None:
    """A row under a line that is not a line: a delivery schedule ("F.Ent: 02/01/2021  1,428")
    gives the line its date when it has none; anything else is only explained."""
    if not result.lines:
        return
    previous, line_where = result.lines[-1]
    text = " ".join(cell_text(c) for c in (row or cells.values()) if cell_text(c))
    if previous.delivery_date is None:
        parsed = find_date(text, opts.today, opts.date_order, opts.languages)
        if parsed.value is not None and not parsed.ambiguous:
            previous.delivery_date = parsed.value
            result.explain.append(
                f"{where}: schedule row; its date {parsed.value.isoformat()} is the delivery date of the line above"
            )
            return
        said = f"under {line_where}:"
        if parsed.value is not None and not any(said in note for note in result.ambiguous):
            # "F.Ent:02/01/2021": the line's date, read either way (said once a line)
            result.ambiguous.append(f"{where}: the schedule row's date under {line_where}: {parsed.ambiguous}")
    result.explain.append(f"{where}: not a line (no quantity with a price or an amount): {text[:60]!r}")


def _take_row(
    cells: dict[str, Any],
    columns: dict[int, str],
    where: str,
    opts: Options,
    result: TableResult,
    continuation: bool,
    priced: bool = False,
    row: list[Any] | None = None,
) -> bool:
    """Add a line (True), extend the previous line's description, or skip a note (False)."""
    numbers = {k: cells.get(k) for k in ("quantity", "unit_price", "amount")}
    text_only = all(v in (None, "") or not cell_text(v) for v in numbers.values())
    item_text = cell_text(cells.get("item"))
    desc_text = cell_text(cells.get("description"))
    reading = _arithmetic_reading(row, opts) if row is not None and not _columns_add_up(cells, opts) else None
    sums = reading[0] if reading else None
    if reading is not None and sums is not None and (result.pending or item_text or desc_text):
        if _columns_complete(cells, opts) and not _split_group(desc_text, cells.get("quantity"), sums[0], opts):
            # two readings of one row: a person chooses
            result.warnings.append(
                f"{where}: the columns read {cell_text(cells.get('quantity'))} × {cell_text(cells.get('unit_price'))}"
                f" ≠ {cell_text(cells.get('amount'))}; the numbers {sums[0]} × {sums[2]} = {sums[3]} were taken instead"
            )
        return _arithmetic_line(reading, row, cells, where, opts, result)
    if not text_only and row is not None and _date_parts_only(row, cells):
        _sub_row(cells, row, where, opts, result)  # "Due date: 20 dicembre 2026" across the columns
        return False
    if not text_only and not _is_line(cells, priced, opts, bool(item_text or desc_text or result.pending)):
        if (
            (item_text or desc_text)
            and not _written(cells.get("unit_price"), opts)
            and not _written(cells.get("amount"), opts)
            and find_date(
                " ".join(cell_text(c) for c in row or [] if cell_text(c)), opts.today, opts.date_order, opts.languages
            ).value
            is None
        ):
            result.pending = _item_row(row, item_text, desc_text)  # "00020 GAS-3857 Gasket 90 mm": its numbers follow
        _sub_row(cells, row, where, opts, result)
        return False
    if text_only and row is not None and result.lines and _schedule_text(row):
        _sub_row(cells, row, where, opts, result)  # "Due Date: 12/19/2026" under its line
        return False
    if text_only and result.pending and (desc_text or item_text) and not cell_text(cells.get("delivery_date")):
        if not continuation:
            if _item_row(row, "", "")[0]:
                result.pending = _item_row(row, item_text, desc_text)  # another item whose numbers follow
            return False  # a note after a gap: the item's numbers may still come (on the next page)
        if _pending_continues(result, item_text, desc_text, where):
            return False  # "00010 HOU-4487-" over "373-B34 packed 50 per carton": one item, numbers below
    numbered = cell_text(cells.get("line_no"))
    if (
        text_only
        and continuation
        and result.lines
        and not (desc_text or item_text)
        and result.lines[-1][0].item is None
        and re.search(r"[^\W\d_]", numbered)
        and re.search(r"\d", numbered)
        and _lone_code(numbered)
        and [cell_text(c) for c in row or [] if cell_text(c)] == [numbered]
    ):
        # "HX-2040" alone under the position number of the line above: that line's item
        result.lines[-1][0].item = numbered
        result.explain.append(f"{where}: a code alone on the row under the line: its item {numbered}")
        return False
    if (
        text_only
        and continuation
        and result.lines
        and (desc_text or item_text)
        and not cell_text(cells.get("delivery_date"))
        and not _new_item(row)
        and not _words_in_position(cells)
    ):
        previous = result.lines[-1][0]
        if _code_continues(previous.item, item_text):  # "MTR-" over "12V30": one code in a narrow column
            previous.item = join_wrapped(previous.item, item_text)
            if desc_text:
                previous.description = join_wrapped(previous.description or "", desc_text)
            result.explain.append(f"{where}: the item code continues the line above: {previous.item}")
            return False
        extra = " ".join(t for t in (item_text, desc_text) if t)
        if (previous.item is None or result.codes_above) and _lone_code(extra):
            if result.codes_above:
                result.lone_code = extra  # the next line's code, on the row above it
            else:
                previous.item = extra
                result.explain.append(f"{where}: a code alone on the row under the line: its item {extra}")
            return False
        if previous.description and not item_text:
            previous.description = join_wrapped(previous.description, extra)
            return False
        if previous.description is None and not item_text:
            previous.description = extra
            return False
        if (
            previous.item
            and previous.description
            and previous.description in result.two_row_texts
            and item_text
            and not _CODE_TOKEN.match(item_text.split()[0])
        ):
            # the words of a line over two rows wrap onto a third, across the same columns
            previous.description = join_wrapped(previous.description, extra)
            result.two_row_texts.add(previous.description)
            return False
        if previous.description is None and previous.item and _wordy(extra) and not _CODE_TOKEN.match(item_text):
            # a line over two rows (a Word table: the numbers, then its text merged across the cells;
            # "Material / Description" over the code, then the words across both columns)
            previous.description = extra
            result.two_row_texts.add(extra)
            result.explain.append(f"{where}: the description of the line above, on a row of its own")
            return False
    if text_only and not result.lines and _lone_code(" ".join(t for t in (item_text, desc_text) if t)):
        # a code alone over the first line ("CAB-4109", then "Power cable …  400 m  0.35"): each
        # line's code is on the row above it
        result.codes_above, result.lone_code = True, " ".join(t for t in (item_text, desc_text) if t)
        return False
    if text_only:
        # "00010 1979135 PALLET": its numbers follow; a note under such a row leaves it waiting
        coded = _item_row(row, "", "")[0]  # "00050 BEA-5481 ...": a position and a code, wherever the columns cut
        if (item_text or coded) and not desc_text.count(" ") > 12 and (result.pending is None or coded):
            result.pending = _item_row(row, item_text, desc_text)
        return False  # a heading or a note inside the table, not an order line
    line = OrderLine()
    problems: list[str] = []
    line.item = item_text or None
    line.description = desc_text or None
    if result.pending and not line.item and not line.description:
        line.item, line.description = (t or None for t in result.pending)
        result.explain.append(f"{where}: item and description from the row above it")
    else:
        _unused_pending(result, where)
    result.pending = None
    if result.lone_code and not line.item:
        line.item = result.lone_code
        result.explain.append(f"{where}: the code alone on the row above the line is its item: {line.item}")
    result.lone_code = None
    quantity_cell = cells.get("quantity")
    line.quantity = _number(quantity_cell, "quantity", opts, problems)
    line.unit = cell_text(cells.get("unit")) or _unit_after(quantity_cell)
    line.unit_price = _price(cells.get("unit_price"), cells.get("price_per"), where, opts, problems, result)
    line.amount = _number(cells.get("amount"), "amount", opts, problems)
    if line.quantity and line.unit_price is not None and line.amount is not None:
        net = _net_price(cells, line.quantity, line.unit_price, line.amount, opts)
        if net is not None and not _agrees(line.quantity * line.unit_price, line.amount):
            result.explain.append(f"{where}: unit price net of the line's discount: {net[1]} = {net[0]}")
            line.unit_price = net[0]
    _per_thousand(line, where, result)
    if "delivery_date" in cells and cell_text(cells["delivery_date"]):
        parsed = find_date(cells["delivery_date"], opts.today, opts.date_order, opts.languages)
        line.delivery_date = parsed.value
        if parsed.ambiguous:
            result.ambiguous.append(f"{where}: delivery date {parsed.ambiguous}")
        elif parsed.value is None:
            problems.append(f"delivery date '{cell_text(cells['delivery_date'])}' is not a date")
    if not result.currency:
        for key in ("unit_price", "amount"):
            found: Parsed = find_currency(cell_text(cells.get(key)), opts.currency_hint)
            if found.value:
                result.currency, result.currency_where = found.value, f"{where} {key}"
                if found.ambiguous:
                    result.currency_ambiguous = f"{where}: {found.ambiguous}"
                break
    for problem in problems:
        result.warnings.append(f"{where}: {problem}")
    position = _printed_position(numbered, columns, row)
    if position is not None:
        result.positions[id(line)] = position
    result.lines.append((line, where))
    return True


def _number(cell: Any, what: str, opts: Options, problems: list[str]) -> Decimal | None:
    if cell in (None, "") or not cell_text(cell):
        return None
    value = parse_number(cell, opts.decimal_comma)
    if value is None:
        problems.append(f"{what} '{cell_text(cell)}' is not a number")
    return value


def _price(
    cell: Any, per_cell: Any, where: str, opts: Options, problems: list[str], result: TableResult
) -> Decimal | None:
    """The unit price, per one unit: "7,190.00/1,000" or a "Per" column of 1,000 divide."""
    if cell in (None, "") or not cell_text(cell):
        return None
    value, per = parse_price(cell, opts.decimal_comma)
    if value is None:
        problems.append(f"unit price '{cell_text(cell)}' is not a number")
        return None
    per = _with_column_basis(per, per_cell, opts)
    if per > 1:
        result.explain.append(f"{where}: unit price {cell_text(cell)} is for {per} units: {value / per} each")
        return value / per
    return value


def _with_column_basis(per: int, per_cell: Any, opts: Options) -> int:
    """The units a price is for: ``per`` as its own cell says ("7,190.00/1,000"), else what the
    row's "Per" column says (1,000, PER M), when that is a whole number above one."""
    basis = price_basis(per_cell, opts.decimal_comma) if per_cell not in (None, "") else None
    if per == 1 and basis is not None and basis > 1:
        return int(basis) if basis == basis.to_integral_value() else 1
    return per


def _per_thousand(line: OrderLine, where: str, result: TableResult) -> None:
    """Quantity × price that misses the amount by exactly 1,000 or 100 is a price per 1,000 (or
    100) with the "PER M" lost: that reading is chosen, and said, because the amount agrees."""
    if line.quantity is None or line.unit_price is None or line.amount is None or not line.unit_price:
        return
    product = line.quantity * line.unit_price
    if abs(product - line.amount) <= max(Decimal("0.01"), abs(line.amount) * Decimal("0.0005")):
        return
    for per in (1000, 100):
        if abs(product / per - line.amount) <= max(Decimal("0.01"), abs(line.amount) * Decimal("0.0005")):
            result.warnings.append(
                f"{where}: unit price {line.unit_price} read as per {per:,} units, because"
                f" {line.quantity} × {line.unit_price} / {per:,} = the amount {line.amount}"
            )
            line.unit_price = line.unit_price / per
            return


def _unit_after(cell: Any) -> str | None:
    if not isinstance(cell, str):
        return None
    match = re.match(r"^\s*[\d.,\s]+\s*([^\d\s.,]+)\s*$", cell)
    return (_bare_unit(match.group(1)) or None) if match else None


# A unit word, bare or in brackets as procurement portals print it after the quantity ("(EA)").
_UNIT_WORD = r"[(（\[]\s*[^\W\d_]{1,6}\.?\s*[)）\]]|[^\W\d_]{1,6}\.?"
_LEADING_WORDS = re.compile(
    rf"^\s*((?:\S+\s+)*?\S*[^\W\d_]\S*\s+)(\d[\d.,'\s]*(?:\s*(?:/|_{{2,}})?\s*(?:{_UNIT_WORD}))?)\s*$"
)


def _spilled_text(cells: dict[str, Any], columns: dict[int, str]) -> dict[str, Any]:
    """A description that runs into the quantity column right of it ("Pakking EPDM 90 mm" |
    "roestvast 250", "… rev." | "D 100"): the words before the number go back to the
    description. A row with neither price nor amount whose quantity cell holds words is the
    description's wrapped text, numbers and all."""
    text = cells.get("quantity")
    order = sorted(columns)
    at = next((k for k in order if columns[k] == "quantity"), None)
    if not isinstance(text, str) or len(text) > 80 or at is None or order.index(at) == 0:
        return cells  # a long cell is no spilled quantity (and is not worth the pattern's work)
    if columns[order[order.index(at) - 1]] != "description" or not re.search(r"[^\W\d_]", text):
        return cells
    match = _LEADING_WORDS.match(text)
    priced = cell_text(cells.get("unit_price")) or cell_text(cells.get("amount"))
    if priced and match is None:
        return cells
    out = dict(cells)
    if priced and match is not None:
        words, out["quantity"] = match.group(1).strip(), match.group(2).strip()
    elif match is not None or parse_number(text) is None and not _GLUED_UNIT.match(text):
        words, out["quantity"] = text.strip(), ""
    else:
        return cells
    out["description"] = " ".join(t for t in (cell_text(cells.get("description")), words) if t)
    return out


# A quantity with its unit in the same cell, as spools and portals print it: "510/EA", "450 ____
# PA" (a blank left for the supplier), "500Stk", "1.000 pz", "120 (EA)".
_GLUED_UNIT = re.compile(rf"^\s*(\d[\d.,'\s]*?)\s*(?:/|_{{2,}}|\s)?\s*({_UNIT_WORD})\s*$")


def _bare_unit(text: str) -> str:
    """A unit word without the brackets a portal puts around it: "(EA)" is "EA"."""
    return text.strip().strip("()（）[]").strip()


_GROUPED = re.compile(r"\d{1,3}[.,]\d{3}")


def _grouped_quantity(cells: dict[str, Any], opts: Options) -> dict[str, Any]:
    """A quantity typed as "5.000" or "1,500" reads as thousands or as a decimal, and the
    document may not show which (a workbook stores its other numbers as numbers, a description
    says "2x0.75 mm2"): the row's price and amount decide, when exactly one reading makes
    quantity × price = amount. Not with a price written with its basis ("55.50 PER M"): then
    both readings may be meant."""
    text = cells.get("quantity")
    if not isinstance(text, str) or not _GROUPED.fullmatch(text.strip()):
        return cells
    if not all(_bare_number(cells.get(name)) for name in ("unit_price", "amount")):
        return cells
    price = parse_number(cells.get("unit_price"), opts.decimal_comma)
    amount = parse_number(cells.get("amount"), opts.decimal_comma)
    if price is None or amount is None:
        return cells
    per = price_basis(cells.get("price_per"), opts.decimal_comma)
    if per is None and cell_text(cells.get("price_per")):
        return cells  # a basis we cannot read ("per box"): the arithmetic cannot decide
    if per is not None and per > 1:
        price = price / per  # "48.50" under "Price/1000"
    readings = {parse_number(text, comma) for comma in (True, False)} - {None}
    fitting = [q for q in readings if q is not None and _agrees(q * price, amount)]
    if len(fitting) != 1 or len(readings) != 2:
        return cells
    return {**cells, "quantity": fitting[0]}


def _bare_number(cell: Any) -> bool:
    """A number and nothing else: stored as one, or written with digits and separators only."""
    if isinstance(cell, (Decimal, int, float)) and not isinstance(cell, bool):
        return True
    return isinstance(cell, str) and re.fullmatch(r"\s*-?[\d.,'\s]*\d\s*", cell) is not None


def _unglue_quantity(cells: dict[str, Any]) -> dict[str, Any]:
    """The row's cells with a quantity cell like "510/EA" split into the quantity ("510") and,
    when the row has no unit of its own, the unit ("EA")."""
    text = cells.get("quantity")
    if not isinstance(text, str):
        return cells
    match = _GLUED_UNIT.match(text)
    if not match or parse_number(match.group(1)) is None:
        return cells
    out = dict(cells)
    out["quantity"] = match.group(1).strip()
    if not cell_text(out.get("unit")):
        out["unit"] = _bare_unit(match.group(2))
    return out
