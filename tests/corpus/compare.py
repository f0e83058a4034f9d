"""Compare a parse with a golden file, field by field (shared by the corpus test and the bench).

The rules are in ``tests/corpus/README.md``: keys present in the golden file are asserted, money
and quantities compare as ``Decimal``, free text after folding case and whitespace.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
DOCUMENT_EXTS = (".eml", ".pdf", ".xlsx", ".xls", ".docx", ".csv", ".txt", ".html", ".ods", ".odt", ".fods")
TODAY = (2026, 11, 22)

HEADER_FIELDS = ("po_number", "customer", "po_date", "delivery_date", "currency", "incoterms", "payment_terms", "total")
LINE_FIELDS = ("item", "description", "quantity", "unit", "unit_price", "amount", "delivery_date")
DECIMAL_FIELDS = {"total", "quantity", "unit_price", "amount"}
TEXT_FIELDS = {"customer", "description", "unit", "incoterms", "payment_terms"}


@dataclass(frozen=True)
class Case:
    document: Path
    expected: dict[str, Any]
    root: Path = CORPUS  # the corpus directory the name is relative to

    @property
    def name(self) -> str:
        return str(self.document.relative_to(self.root))

    @property
    def format(self) -> str:
        return self.expected.get("format") or self.document.parent.name

    @property
    def needs_review(self) -> bool:
        return bool(self.expected.get("needs_review"))


@dataclass(frozen=True)
class Check:
    field: str  # "kind", "order.total", "lines[2].quantity", ...
    expected: Any
    actual: Any
    ok: bool

    def __str__(self) -> str:
        return f"{self.field}: expected {self.expected!r}, got {self.actual!r}"


def load_cases(root: Path = CORPUS, pattern: str = "*/*.expected.json") -> list[Case]:
    """Every golden file matching ``pattern`` under ``root``, with its one document beside it.

    The default is the original corpus (``FORMAT/NAME``); the wide corpus is
    ``load_cases(pattern="wide/*/*.expected.json")``.
    """
    cases = []
    for exp in sorted(root.glob(pattern)):
        stem = exp.name[: -len(".expected.json")]
        docs = [exp.with_name(stem + ext) for ext in DOCUMENT_EXTS if exp.with_name(stem + ext).exists()]
        if len(docs) != 1:
            raise FileNotFoundError(f"{exp}: expected exactly one document beside it, found {docs}")
        cases.append(Case(docs[0], json.loads(exp.read_text(encoding="utf-8")), root))
    return cases


_CJK = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]"


def fold_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = re.sub(r"\s+", " ", value).strip()
    text = re.sub(rf"(?<={_CJK}) | (?={_CJK})", "", text)  # "品名 规格" = "品名规格"
    return unicodedata.normalize("NFKC", text).casefold()  # full-width "，：" read as ",:"


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def same(field: str, expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if field in DECIMAL_FIELDS:
        e, a = _decimal(expected), _decimal(actual)
        return e is not None and a is not None and e == a
    if field in TEXT_FIELDS:
        return fold_text(expected) == fold_text(actual)
    if isinstance(expected, str) and isinstance(actual, str):
        return expected.strip() == actual.strip()
    return expected == actual


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[Check]:
    """Every asserted field of ``expected`` against ``actual`` (both in the ``to_json()`` shape)."""
    checks: list[Check] = []
    if "kind" in expected:
        checks.append(Check("kind", expected["kind"], actual.get("kind"), expected["kind"] == actual.get("kind")))
    if "source" in expected:
        checks.append(
            Check(
                "source",
                expected["source"],
                actual.get("source"),
                same("source", expected["source"], actual.get("source")),
            )
        )
    if "references" in expected:
        e, a = sorted(set(expected["references"])), sorted(set(actual.get("references") or []))
        checks.append(Check("references", e, a, e == a))
    if expected.get("needs_review"):
        checks.append(Check("needs_review", True, actual.get("needs_review"), actual.get("needs_review") is True))
    if "order" not in expected:
        return checks
    e_order, a_order = expected["order"], actual.get("order")
    if e_order is None:
        checks.append(Check("order", None, "an order" if a_order else None, a_order is None))
        return checks
    a_order = a_order or {}
    for key in HEADER_FIELDS:
        if key in e_order:
            checks.append(
                Check(f"order.{key}", e_order[key], a_order.get(key), same(key, e_order[key], a_order.get(key)))
            )
    e_lines, a_lines = e_order.get("lines"), a_order.get("lines") or []
    if e_lines is None:
        return checks
    checks.append(Check("order.lines (count)", len(e_lines), len(a_lines), len(e_lines) == len(a_lines)))
    for i, e_line in enumerate(e_lines):
        a_line = a_lines[i] if i < len(a_lines) else {}
        for key in LINE_FIELDS:
            if key in e_line:
                checks.append(
                    Check(
                        f"lines[{i + 1}].{key}", e_line[key], a_line.get(key), same(key, e_line[key], a_line.get(key))
                    )
                )
    return checks
