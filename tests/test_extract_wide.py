"""The extractor against the wide corpus (``tests/corpus/wide/``): invariants, not accuracy.

The wide corpus (many layout families, twelve languages, documents that are not orders; see
``tests/corpus/families.py``) measures the extractor while it is being improved: how many fields
it reads right is a bench figure (``bench/parse_accuracy.py``), not a test. What every version
must already guarantee, on every document:

- parsing never raises: a bad or unknown layout is a warning, not an exception (of the scans,
  which OCR takes seconds to read, one scan and one fax are parsed here);
- a document that is not an order (invoice, quotation, request for quote, statement, shipping
  notice) never becomes an order that nobody reviews;
- an order is never lost: it comes back as an order, or at least flagged for a person;
- an order never names our own company as the customer.

``PARSE_GAPS`` and ``NOT_ORDER_GAPS`` list the documents on which the current extractor breaks an
invariant, each with the reason; they are expected failures until the extractor is fixed (then
the entry goes).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from compare import TODAY, load_cases  # noqa: E402

from mailflow.extract import ParseContext, parse_file

ORIGINAL = load_cases()
WIDE = load_cases(pattern="wide/*/*.expected.json")
NOT_ORDERS = [c for c in WIDE if c.expected.get("kind") != "purchase_order"]
# Image-only pages go through OCR, seconds each: one scan and one fax stand for the others here
# (all of them are parsed by the bench).
IMAGE_ONLY = ("rotated-scan", "fax-scan", "fax-turned", "fax-line-noise", "fax-japanese", "scan-german", "scan-french")
IMAGE_ONLY += ("scan-spanish-italian", "scan-polish")
_first_of = {f: next(c for c in WIDE if c.expected.get("family") == f) for f in IMAGE_ONLY}
PARSED = [c for c in WIDE if c.expected.get("family") not in IMAGE_ONLY or c in _first_of.values()]
OUR_NAMES = ("example manufacturing", "示例制造")

# document -> why the current extractor breaks the invariant on it (remove the entry when fixed)
PARSE_GAPS: dict[str, str] = {}
LOST_GAPS: dict[str, str] = {}
NOT_ORDER_GAPS: dict[str, str] = {}


@lru_cache(maxsize=None)
def _parse(path: Path) -> tuple[dict | None, str | None]:
    try:
        result = parse_file(path, ParseContext(today=date(*TODAY)))
    except Exception as exc:  # reported by the test, not raised here
        return None, f"{type(exc).__name__}: {exc}"
    return json.loads(json.dumps(result.to_json(), ensure_ascii=False)), None


def _gap(case, gaps: dict[str, str]) -> list:
    reason = gaps.get(case.name)
    return [pytest.mark.xfail(reason=reason, strict=False)] if reason else []


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=_gap(c, PARSE_GAPS)) for c in PARSED])
def test_document_parses_and_never_names_us(case):
    actual, error = _parse(case.document)
    assert error is None, f"{case.name}: the extractor raised {error}"
    customer = ((actual.get("order") or {}).get("customer") or "").casefold()
    assert not any(name in customer for name in OUR_NAMES), f"{case.name}: our company as the customer"


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=_gap(c, NOT_ORDER_GAPS)) for c in NOT_ORDERS])
def test_not_an_order_never_becomes_an_unreviewed_order(case):
    actual, error = _parse(case.document)
    assert error is None, f"{case.name}: the extractor raised {error}"
    unreviewed_order = actual.get("kind") == "purchase_order" and not actual.get("needs_review")
    assert not unreviewed_order, (
        f"{case.name} ({case.expected.get('family')}) is not an order, but came back "
        f"as one with needs_review false: {actual.get('order')}"
    )


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.name, marks=_gap(c, LOST_GAPS))
        for c in PARSED
        if c.expected.get("kind") == "purchase_order"
    ],
)
def test_order_is_never_lost(case):
    actual, error = _parse(case.document)
    assert error is None, f"{case.name}: the extractor raised {error}"
    lost = actual.get("kind") != "purchase_order" and not actual.get("needs_review")
    assert not lost, (
        f"{case.name} ({case.expected.get('family')}, {case.expected.get('language')}) is an order, "
        f"but came back as {actual.get('kind')!r} with needs_review false: nobody would see it"
    )


def test_wide_corpus_inventory():
    """What the corpus promises: its size, producers, languages, layout families and hard cases."""
    everything = ORIGINAL + WIDE
    assert len(everything) >= 250
    producers = {c.expected.get("producer") for c in everything}
    assert len(producers) >= 10, producers
    assert {"reportlab", "fpdf2", "libreoffice", "openpyxl", "python-docx", "pillow", "email"} <= producers
    languages = {c.expected.get("language") for c in WIDE}
    assert {"en", "zh-Hans", "zh-Hant", "ja", "de", "fr", "it", "es", "pt", "nl", "sv", "pl"} <= languages
    families = Counter(c.expected.get("family") for c in WIDE)
    assert len(families) >= 30, sorted(families)
    kinds = {c.expected["family"] for c in NOT_ORDERS}
    assert {f"not-order-{k}" for k in ("invoice", "quotation", "rfq", "statement", "shipping")} <= kinds
    assert any("purchase_order" in c.document.name for c in NOT_ORDERS)  # named like an order, still an invoice
    charsets = " ".join(c.document.read_text("latin-1")[:4000] for c in WIDE if c.document.suffix == ".eml")
    for charset in ("iso-2022-jp", "big5", "windows-1252", "shift_jis", "gbk"):
        assert f'charset="{charset}"' in charsets, charset
    assert families["pdf-and-xlsx-same-po"] >= 1
    assert sum(c.needs_review for c in WIDE) >= 5  # the scans


def test_wide_golden_files_come_from_the_generator():
    """Every golden file names its family and producer, and never names us as the customer."""
    for case in WIDE:
        assert case.expected.get("family") and case.expected.get("producer"), case.name
        customer = ((case.expected.get("order") or {}).get("customer") or "").casefold()
        assert not any(name in customer for name in OUR_NAMES), case.name
