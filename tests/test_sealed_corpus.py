"""The sealed corpus generator (``bench/sealed/generate.py``) makes what the bench expects.

The sealed documents are never committed and never parsed in the test suite (they measure the
extractor at the end, in ``bench/parse_accuracy.py --sealed``). This checks only that the
generator runs, writes a golden file beside every document, and shares no
buyer with the tuned corpus (it is a different family, so that tuning on one says nothing about
the other).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from compare import load_cases  # noqa: E402

GENERATOR = Path(__file__).resolve().parent.parent / "bench" / "sealed" / "generate.py"


def _generate(out: Path) -> list:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), "--no-convert"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return load_cases(out)


@pytest.mark.slow
def test_sealed_generator_is_complete_and_apart(tmp_path):
    cases = _generate(tmp_path)
    assert len(cases) >= 160
    kinds = {c.expected["kind"] for c in cases}
    assert kinds == {"purchase_order", "other"}
    assert len({c.expected["language"] for c in cases}) >= 20
    assert len({c.expected["family"] for c in cases}) >= 25
    scans = [c for c in cases if c.expected["family"] in ("photo-scan", "fax-scan")]
    assert scans and all(c.expected.get("needs_review") is True for c in scans)  # read by OCR: a person checks

    sealed_buyers = {c.expected["order"]["customer"] for c in cases if c.expected.get("order")}
    tuned = load_cases() + load_cases(pattern="wide/*/*.expected.json")
    tuned_buyers = {c.expected["order"]["customer"] for c in tuned if (c.expected.get("order") or {}).get("customer")}
    assert not sealed_buyers & tuned_buyers
    assert not any("Example Manufacturing" in b or "示例制造" in b for b in sealed_buyers)


def test_another_seed_draws_other_orders_of_the_same_families():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sealed_generate", GENERATOR)
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(gen)
    finally:
        del sys.modules[spec.name]
    first = gen.order_for("fi-platypus-keytable", "fi", 3)
    gen.set_seed(gen.SEED + 1)
    second = gen.order_for("fi-platypus-keytable", "fi", 3)
    assert first.buyer == second.buyer and len(first.items) == len(second.items) == 3
    assert (first.number, [i.code for i in first.items]) != (second.number, [i.code for i in second.items])
