"""Compare a parse with the hand-read values of one real document (``bench/real_expected.yaml``).

The real documents are not part of the project; their expected values were read off each page by
a person. Real documents spell things their own way, so the comparison is a reader's, not a
byte comparison: several readings may be listed as right, dates may be printed without a year,
and a company name matches when it names the same company (case, punctuation and the legal form
aside: "Sauder Woodworking Co." = "SAUDER WOODWORKING COMPANY").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from compare import Check  # tests/corpus/compare.py, put on the path by parse_accuracy

EXPECTED = Path(__file__).resolve().parent / "real_expected.yaml"
HEADER = ("po_number", "po_date", "delivery_date", "currency", "total", "customer")
LINE = ("quantity", "unit_price", "amount")
MONEY = {"total", "quantity", "unit_price", "amount"}

# Legal forms and filler words dropped before two company names are compared.
LEGAL_FORMS = {
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "lp",
    "gmbh",
    "ag",
    "sarl",
    "sa",
    "srl",
    "spa",
    "bv",
    "ab",
    "oy",
    "kk",
    "plc",
    "pvt",
    "wll",
    "the",
    "sp",
    "zoo",
    "de",
    "rl",
    "cv",
}
CJK_LEGAL = ("股份有限公司", "有限责任公司", "有限公司", "株式会社", "公司")


def load(path: Path = EXPECTED) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def company_key(name: Any) -> str:
    """The comparable core of a company name: folded, punctuation and legal form removed."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    for form in CJK_LEGAL:
        text = text.replace(form, " ")
    words = re.findall(r"\w+", text.replace("'", "").replace("’", ""))
    core = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(core or words)


def _options(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _date_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return None


def same(field: str, expected: Any, actual: Any) -> bool:
    """One expected reading against the parsed value."""
    if expected is None or actual in (None, ""):
        return expected is None and actual in (None, "")
    if field in MONEY:
        e, a = _decimal(expected), _decimal(actual)
        return e is not None and a is not None and e == a
    if field in ("po_date", "delivery_date"):
        e, a = _date_text(expected), _date_text(actual)
        if e.startswith("*-"):  # printed without a year
            return a is not None and a[4:] == e[1:]
        return e == a
    if field == "customer":
        return company_key(expected) == company_key(actual)
    if field == "po_number":
        return re.sub(r"\s+", "", str(expected)).casefold() == re.sub(r"\s+", "", str(actual)).casefold()
    if field == "currency":
        return str(expected).upper() == str(actual).upper()
    return str(expected) == str(actual)


def any_same(field: str, expected: Any, actual: Any) -> bool:
    return any(same(field, option, actual) for option in _options(expected))


def expected_lines(spec: dict[str, Any]) -> list[dict[str, Any]] | None:
    if "lines" not in spec:
        return None
    lines: list[dict[str, Any]] = []
    for line in spec["lines"] or []:
        repeat = int(line.get("repeat", 1))
        lines.extend({k: v for k, v in line.items() if k != "repeat"} for _ in range(repeat))
    return lines


def _shown(value: Any) -> Any:
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return _date_text(value) if isinstance(value, (dt.date, dt.datetime)) else value


def received(spec: dict[str, Any]) -> dt.date | None:
    """The day the document would have arrived: the day after its PO date (None: not known).

    Real documents are years old; parsed "today" they would all be flagged as stale, which says
    nothing about reading them.
    """
    first = _options(spec.get("po_date"))[0]
    if isinstance(first, dt.datetime):
        first = first.date()
    return first + dt.timedelta(days=1) if isinstance(first, dt.date) else None


def compare(spec: dict[str, Any], actual: dict[str, Any]) -> list[Check]:
    """Checks in the shape of ``tests/corpus/compare.py``: kind, header fields, line count, lines."""
    is_po = bool(spec.get("is_po"))
    kind = actual.get("kind")
    checks = [Check("kind", "purchase_order" if is_po else "not an order", kind, (kind == "purchase_order") == is_po)]
    if not is_po:
        return checks
    order = actual.get("order") or {}
    for key in HEADER:
        if key in spec:
            shown = _shown(spec[key])
            checks.append(Check(f"order.{key}", shown, order.get(key), any_same(key, spec[key], order.get(key))))
    lines = expected_lines(spec)
    if lines is None:
        return checks
    got = order.get("lines") or []
    checks.append(Check("order.lines (count)", len(lines), len(got), len(lines) == len(got)))
    for i, line in enumerate(lines):
        a_line = got[i] if i < len(got) else {}
        for key in LINE:
            if key in line:
                checks.append(
                    Check(
                        f"lines[{i + 1}].{key}", line[key], a_line.get(key), any_same(key, line[key], a_line.get(key))
                    )
                )
    return checks
