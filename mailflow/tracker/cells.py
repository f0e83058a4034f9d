"""Cell values: canonical strings for the shadow, typed values for staff edits, safe text.

The shadow (``tracker_shadow.value``) holds one canonical string per cell so that a value read back
from the workbook compares equal to the value mailflow wrote, whatever Excel or LibreOffice did to
its representation in between (``1500`` vs ``1500.0``, a date vs a midnight datetime, a float
serial that lost a microsecond). ``canonical`` is that function; ``typed`` turns a canonical or raw
cell value into the Python value a ``StaffEdit`` carries, or raises ``Invalid`` with a sentence
staff can act on.

Text that came from email is never allowed to become a formula: ``safe_text`` neutralises the
leading characters OWASP lists for CSV/spreadsheet injection (``= + - @``, tab, CR) with a ``'``
prefix; the writer also forces the cell's data type to string.

Pure: no workbook, no store.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..model import INSPECTION_RESULTS, STATUSES

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel serial numbers 1 .. 2958465 are 1900-01-01 .. 9999-12-31; accept a sane window only so a
# quantity typed into a date column is reported rather than read as a date in 1904.
_SERIAL_MIN, _SERIAL_MAX = 36526, 73051  # 2000-01-01 .. 2099-12-31
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MONEY_NOISE = re.compile(r"[A-Za-z$€£¥￥,\s]")
_NOT_GROUPING = re.compile(r",(?!\d{3}(?!\d))")  # a comma not before a group of three digits


class Invalid(ValueError):
    """A staff-typed value that does not fit its column; the message goes to a Review row."""


def safe_text(text: str) -> str:
    """``text`` made inert for a spreadsheet: a leading formula character gets a ``'`` prefix."""
    if text.startswith(DANGEROUS_PREFIXES):
        return "'" + text
    return text


def unsafe_text(text: str) -> str:
    """Undo ``safe_text`` when reading a value back (staff see and type the plain text)."""
    if text.startswith("'") and text[1:].startswith(DANGEROUS_PREFIXES):
        return text[1:]
    return text


def decimal_text(value: Decimal) -> str:
    """Plain decimal string without exponent or trailing zeros: ``1500``, ``12.5``."""
    value = value.normalize()
    text = format(value, "f")
    return "0" if text in ("-0", "") else text


def canonical(value: Any) -> str | None:
    """The shadow's string for a cell value, or None for an empty cell."""
    if value is None:
        return None
    if type(value) is str:  # the common case first: most cells are text
        return value.strip() or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        value = _round_second(value)
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        try:
            return decimal_text(Decimal(str(value)))
        except InvalidOperation:  # nan / inf
            return str(value)
    text = str(value).strip()
    return text or None


def _round_second(value: dt.datetime) -> dt.datetime:
    # A datetime stored as a float serial can come back a microsecond early.
    if value.microsecond >= 500_000:
        value += dt.timedelta(seconds=1)
    return value.replace(microsecond=0)


def cell_value(value: Any, kind: str, tz: dt.tzinfo | None = None) -> Any:
    """The Python value mailflow puts into a cell of column type ``kind``."""
    if value is None or value == "":
        return None
    if kind in ("money", "number"):
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if kind == "datetime":
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is not None and tz is not None:
            value = value.astimezone(tz)
        # Excel has no time zones: write the company's local wall time.
        return _round_second(value.replace(tzinfo=None))
    return safe_text(str(value))


def typed(value: Any, kind: str) -> Any:
    """A staff-typed cell value as the type of its column: date, Decimal, a known status, text.

    Raises ``Invalid`` when it does not fit; an empty cell is None (staff cleared it).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.startswith("=") and kind not in ("text",):
        raise Invalid(f"a formula ({value[:40]}) where a value is expected; type the value itself")
    if kind == "date":
        return _typed_date(value)
    if kind in ("money", "number"):
        return _typed_number(value, kind)
    if kind == "status":
        return choice(value, STATUSES, "status")
    if kind == "inspection":
        return choice(value, INSPECTION_RESULTS, "inspection result")
    if isinstance(value, (dt.datetime, dt.date)):
        return canonical(value)
    if isinstance(value, (int, float, Decimal)):
        return canonical(value)
    return unsafe_text(str(value).strip())


def _typed_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise Invalid(f"{canonical(value)} is not a date; type a date such as 2026-12-01")
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    # Day-first and month-first text are ambiguous (03/04/2026): refuse rather than guess.
    raise Invalid(f"'{text[:40]}' is not a date; type a date such as 2026-12-01")


def _typed_number(value: Any, kind: str) -> Decimal:
    if isinstance(value, (dt.date, dt.time)):
        raise Invalid(
            f"{canonical(value)} is a date, not an amount; mailflow puts back the amount it"
            " holds and the money format, then type the amount"
        )
    if isinstance(value, bool):
        raise Invalid(f"{canonical(value)} is not an amount")
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        if _NOT_GROUPING.search(str(value)):
            # "375,15", "1.234,56": a decimal comma, read as grouping it made 37515 received
            raise Invalid(
                f"'{str(value).strip()[:40]}' has a comma that does not group thousands; type the amount as a number"
            )
        text = _MONEY_NOISE.sub("", str(value))
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise Invalid(f"'{str(value).strip()[:40]}' is not a number") from None
    if not number.is_finite():
        raise Invalid(f"{value} is not a number")
    if number < 0:
        raise Invalid(f"{decimal_text(number)} is negative; amounts here are never below zero")
    return number


def choice(value: Any, choices: tuple[str, ...], what: str) -> str:
    """The choice ``value`` names, however staff cased it; ``Invalid`` when it names none."""
    text = unsafe_text(str(value).strip())
    for choice in choices:
        if choice.casefold() == text.casefold():
            return choice
    raise Invalid(f"'{text[:40]}' is not a known {what} (one of: {', '.join(choices)})")


def store_text(value: Any) -> Any:
    """A typed value as ``Order.facts`` keeps it: ISO dates, decimal strings, plain text."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def money_format(currency: str | None) -> str:
    """A number format showing the order's currency, negatives in red: ``#,##0.00 "USD"``."""
    code = (currency or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        return "#,##0.00"
    decimals = "#,##0" if code == "JPY" else "#,##0.00"
    return f'{decimals} "{code}";[Red]-{decimals} "{code}"'


def is_money_format(number_format: str) -> bool:
    """True for General or a format mailflow wrote (so a currency change may replace it)."""
    return number_format in ("General", "#,##0.00") or number_format.startswith(('#,##0.00 "', '#,##0 "'))
