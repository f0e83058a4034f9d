"""Field-level parse accuracy over the corpus, and the silent errors.

    python bench/parse_accuracy.py [--min-accuracy 0.97] [--format pdf] [--quiet]

Every asserted field of every golden file in ``tests/corpus/`` (see its README) is one expected
field; accuracy = correct fields / expected fields, per format and overall. A **silent error** is
a wrong field in a parse that says ``needs_review: false``: a wrong value that would go into the
tracker unflagged (a document built to need review that is not flagged counts too). A **false
alarm** is a parse flagged for review on a document that is unambiguous.

This is a report: the exit status is 0, unless ``--min-accuracy`` is given and accuracy is
below it (or any silent error exists with ``--no-silent-errors``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT))
from compare import TODAY, Case, Check, compare, load_cases  # noqa: E402


def parse(case: Case) -> tuple[dict | None, str | None]:
    from mailflow.extract import ParseContext, parse_file

    try:
        result = parse_file(case.document, ParseContext(today=date(*TODAY)))
        return json.loads(json.dumps(result.to_json(), ensure_ascii=False)), None
    except Exception as exc:  # a crash scores every field wrong, and is listed
        return None, f"{type(exc).__name__}: {exc}"


def score(cases: list[Case]) -> dict:
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    wrong: list[tuple[Case, Check, bool]] = []  # (case, check, silent)
    alarms: list[tuple[Case, list[str]]] = []
    crashes: list[tuple[Case, str]] = []
    for case in cases:
        actual, error = parse(case)
        if error:
            crashes.append((case, error))
            actual = {"needs_review": False}
        checks = compare(case.expected, actual)
        flagged = bool(actual.get("needs_review"))
        for key in (case.format, "all"):
            rows[key]["docs"] += 1
            rows[key]["fields"] += len(checks)
            rows[key]["correct"] += sum(c.ok for c in checks)
            rows[key]["silent"] += sum(not c.ok for c in checks) if not flagged else 0
            rows[key]["silent_docs"] += int(not flagged and any(not c.ok for c in checks))
            rows[key]["flagged"] += int(flagged)
            rows[key]["false_alarms"] += int(flagged and not case.needs_review)
            rows[key]["exact_docs"] += int(all(c.ok for c in checks) and (flagged == case.needs_review))
        wrong += [(case, c, not flagged) for c in checks if not c.ok]
        if flagged and not case.needs_review:
            alarms.append((case, list(actual.get("warnings") or [])))
    return {"rows": rows, "wrong": wrong, "alarms": alarms, "crashes": crashes}


def report(result: dict, *, quiet: bool = False) -> float:
    rows = result["rows"]
    print(f"{'format':<7} {'docs':>5} {'fields':>7} {'correct':>8} {'accuracy':>9} {'silent':>7} "
          f"{'docs ok':>8} {'flagged':>8} {'false alarm':>12}")
    order = sorted(k for k in rows if k != "all") + ["all"]
    for key in order:
        r = rows[key]
        acc = r["correct"] / r["fields"] if r["fields"] else 1.0
        print(f"{key:<7} {r['docs']:>5} {r['fields']:>7} {r['correct']:>8} {acc:>9.2%} {r['silent']:>7} "
              f"{r['exact_docs']:>8} {r['flagged']:>8} {r['false_alarms']:>12}")
    total = rows["all"]
    accuracy = total["correct"] / total["fields"] if total["fields"] else 1.0
    print(f"\noverall field accuracy {accuracy:.2%} ({total['correct']}/{total['fields']}); "
          f"silent errors: {total['silent']} field(s) in {total['silent_docs']} document(s); "
          f"false alarms: {total['false_alarms']}")
    if result["crashes"]:
        print("\nCRASHES")
        for case, error in result["crashes"]:
            print(f"  {case.name}: {error}")
    silent = [(c, chk) for c, chk, s in result["wrong"] if s]
    if silent:
        print("\nSILENT ERRORS (wrong, and needs_review false)")
        for case, chk in silent:
            print(f"  {case.name}  {chk}")
    if not quiet:
        flagged = [(c, chk) for c, chk, s in result["wrong"] if not s]
        if flagged:
            print("\nWRONG FIELDS IN PARSES FLAGGED FOR REVIEW")
            for case, chk in flagged:
                print(f"  {case.name}  {chk}")
        if result["alarms"]:
            print("\nFALSE ALARMS (needs_review on an unambiguous document)")
            for case, warnings in result["alarms"]:
                print(f"  {case.name}: {'; '.join(warnings) or '(no warning given)'}")
    return accuracy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Field-level parse accuracy over tests/corpus.")
    ap.add_argument("--min-accuracy", type=float, default=None, help="fail (exit 1) below this, e.g. 0.97")
    ap.add_argument("--no-silent-errors", action="store_true", help="fail (exit 1) on any silent error")
    ap.add_argument("--format", action="append", help="only this format (pdf, xlsx, eml, ...); repeatable")
    ap.add_argument("--quiet", action="store_true", help="list only silent errors and crashes")
    args = ap.parse_args(argv)
    cases = [c for c in load_cases() if not args.format or c.format in args.format]
    start = time.perf_counter()
    result = score(cases)
    accuracy = report(result, quiet=args.quiet)
    print(f"({len(cases)} documents in {time.perf_counter() - start:.1f} s)")
    status = 0
    if args.min_accuracy is not None and accuracy < args.min_accuracy:
        print(f"FAIL: accuracy {accuracy:.2%} is below {args.min_accuracy:.2%}")
        status = 1
    if args.no_silent_errors and result["rows"]["all"]["silent"]:
        print("FAIL: silent errors")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
