"""Parse accuracy on three corpora side by side: tuned, sealed and real; and the silent errors.

    python bench/parse_accuracy.py [--sealed] [--real DIR] [--min-accuracy 0.97] [--format pdf] [--quiet]

- **tuned**: the generated corpus in ``tests/corpus/`` (golden files beside the documents): the
  original documents and the wide corpus in ``tests/corpus/wide/`` (many layout families, twelve
  languages, documents that are not orders). The extractor is developed against it, so its score
  says little about the next customer.
- **sealed** (only with ``--sealed``): documents made at bench time by a separate generator
  (``bench/sealed/generate.py``: other producers, layouts, wording and languages) into a temporary
  directory; never committed, so nobody tunes on them. Only its figures are printed, not which
  fields went wrong (``--sealed-details`` lists them, for the closing measurement only). The same
  figures follow per batch of families (``base``, ``more``, ``fresh``, ``fresh2``, ``fresh3``, ``fresh4``, ``fresh5``, ``fresh6``, ``fresh7``, ``fresh8``, ``fresh9``, ``fresh10``, ``fresh11``: each golden file
  names its batch), so that the families added last, which nobody has looked at, are seen on their own;
  with ``--sealed-details``, a table per batch says which families hold the wrong values.
  ``--sealed-batch fresh11`` generates and scores that batch alone.
- **real**: the real documents in ``../shared/corpus/real/`` (not part of the project), scored
  against the hand-read values in ``bench/real_expected.yaml``; skipped with a message when absent.

Figures, per corpus (a field is one expected value: kind, a header field, the line count, a line value):

- **field accuracy**: right / expected for the kind and header fields; **line accuracy**: the same
  for line count and line values. **all**: both together (the figure ``--min-accuracy`` checks, tuned).
- **perfect cases**: every field right and the review flag as it should be.
- **POs lost**: a purchase order that came back as anything but an order with ``needs_review`` false:
  nobody would ever see it.
- **non-POs taken as orders**: an invoice, quotation, RFQ... returned as an order, unflagged.
- **silent errors**: wrong fields in parses that say ``needs_review: false`` (and documents that must
  be flagged but are not, one each): wrong values that reach the tracker unflagged. A lost PO is
  counted once under POs lost, not again field by field.
- **false alarms**: a correct order (every field right, nothing about it needing review) flagged.
  **non-POs flagged**: documents that are not orders but still went to the Review sheet.
- **correct orders unflagged**: of the orders read entirely right, how many pass without review.
- **customer is the company**: of the POs, the customer is the buying company, or it is empty and
  the parse asks for review.

A report: the exit status is 0 unless ``--min-accuracy`` is given and tuned accuracy is below it,
or ``--no-silent-errors`` is given and the tuned corpus has any.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
from compare import TODAY, Case, Check, compare, load_cases  # noqa: E402

SEALED_GENERATOR = ROOT / "bench" / "sealed" / "generate.py"
REAL_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "real", ROOT.parent.parent / "shared" / "corpus" / "real")
PARTS = ("tuned", "sealed", "real")


@dataclass
class Outcome:
    """What one document's parse came to, against what a correct parse says."""

    name: str
    fmt: str
    is_po: bool
    review_expected: bool
    flagged: bool
    kind: str | None
    checks: list[Check]
    customer_ok: bool | None  # None: not a PO
    warnings: list[str] = field(default_factory=list)
    crash: str | None = None
    batch: str | None = None  # sealed: the generator module the document comes from (base, more, fresh ... fresh11)
    family: str | None = None  # the layout family its golden file names

    @property
    def header(self) -> list[Check]:
        return [c for c in self.checks if not c.field.startswith(("lines[", "order.lines"))]

    @property
    def lines(self) -> list[Check]:
        return [c for c in self.checks if c.field.startswith(("lines[", "order.lines"))]

    @property
    def wrong(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def all_right(self) -> bool:
        return not self.wrong

    @property
    def perfect(self) -> bool:
        return self.all_right and self.flagged == self.review_expected

    @property
    def po_lost(self) -> bool:
        return self.is_po and self.kind != "purchase_order" and not self.flagged

    @property
    def non_po_as_order(self) -> bool:
        return not self.is_po and self.kind == "purchase_order" and not self.flagged

    @property
    def silent(self) -> int:
        if self.flagged or self.po_lost:  # a lost PO is counted as lost, not field by field
            return 0
        return len(self.wrong) + int(self.review_expected)

    @property
    def false_alarm(self) -> bool:
        return self.is_po and self.flagged and not self.review_expected and self.all_right


def run_parse(
    path: Path, company: list[str] | None = None, today: date | None = None
) -> tuple[dict | None, str | None]:
    """``parse --json`` of one file, as a dict; or the exception that escaped the extractor.

    ``company``: our own name and its other spellings (default: the configured default);
    ``today``: the day the document arrives (default: the corpus's fixed day).
    """
    from mailflow.config import Company
    from mailflow.extract import ParseContext, parse_file

    ctx = ParseContext(today=today or date(*TODAY))
    if company:
        ctx = ParseContext(today=today or date(*TODAY), company=Company(name=company[0], aliases=list(company[1:])))
    try:
        result = parse_file(path, ctx)
        return json.loads(json.dumps(result.to_json(), ensure_ascii=False)), None
    except Exception as exc:  # a crash scores every field wrong, and is listed
        return None, f"{type(exc).__name__}: {exc}"


def _customer_ok(expected: str | None, actual: dict, same) -> bool:
    got = (actual.get("order") or {}).get("customer")
    if not got:
        return bool(actual.get("needs_review"))
    return expected is not None and same(expected, got)


def golden_outcome(case: Case) -> Outcome:
    from compare import same

    actual, crash = run_parse(case.document)
    if crash:
        actual = {"needs_review": False}
    checks = compare(case.expected, actual)
    is_po = case.expected.get("kind") == "purchase_order"
    e_customer = (case.expected.get("order") or {}).get("customer")
    customer_ok = _customer_ok(e_customer, actual, lambda e, a: same("customer", e, a)) if is_po else None
    fmt = f"wide {case.format}" if case.name.startswith("wide/") else case.format
    return Outcome(
        case.name,
        fmt,
        is_po,
        case.needs_review,
        bool(actual.get("needs_review")),
        actual.get("kind"),
        checks,
        customer_ok,
        list(actual.get("warnings") or []),
        crash,
        case.expected.get("batch"),
        case.expected.get("family"),
    )


def tuned_cases() -> list[Case]:
    """The original corpus (``tests/corpus/FORMAT/``) and the wide one (``tests/corpus/wide/FORMAT/``)."""
    return load_cases() + load_cases(pattern="wide/*/*.expected.json")


def real_outcomes(directory: Path) -> list[Outcome]:
    import _real

    outcomes = []
    for name, spec in _real.load().items():
        path = directory / name
        if not path.exists():
            print(f"real: {name} is missing from {directory}; skipped")
            continue
        actual, crash = run_parse(path, spec.get("supplier"), _real.received(spec))
        if crash:
            actual = {"needs_review": False}
        checks = _real.compare(spec, actual)
        is_po = bool(spec.get("is_po"))
        customer_ok = None
        if is_po:
            got = (actual.get("order") or {}).get("customer")
            customer_ok = (
                bool(actual.get("needs_review"))
                if not got
                else spec.get("customer") is not None and _real.any_same("customer", spec["customer"], got)
            )
        outcomes.append(
            Outcome(
                name,
                path.suffix.lstrip("."),
                is_po,
                bool(spec.get("review_expected")),
                bool(actual.get("needs_review")),
                actual.get("kind"),
                checks,
                customer_ok,
                list(actual.get("warnings") or []),
                crash,
            )
        )
    return outcomes


def find_real(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    env = os.environ.get("MAILFLOW_REAL_CORPUS")
    for candidate in ([Path(env)] if env else []) + list(REAL_CANDIDATES):
        if candidate.is_dir():
            return candidate
    return None


def sealed_cases(
    keep: str | None, seed: int | None = None, batch: str | None = None
) -> tuple[list[Case], tempfile.TemporaryDirectory | None]:
    """Generate the sealed corpus (into ``keep`` or a temporary directory; only the families of
    ``batch`` when given) and load its cases."""
    if not SEALED_GENERATOR.exists():
        raise SystemExit(f"{SEALED_GENERATOR} is missing: no sealed corpus to generate")
    holder = None
    if keep:
        out = Path(keep)
    else:
        holder = tempfile.TemporaryDirectory(prefix="sealed-corpus-")
        out = Path(holder.name)
    draw = ["--seed", str(seed)] if seed is not None else []
    draw += ["--batch", batch] if batch else []
    subprocess.run([sys.executable, str(SEALED_GENERATOR), "--out", str(out), *draw], check=True, timeout=1200)
    return load_cases(out), holder


# --------------------------------------------------------------------------- figures


def summary(outcomes: list[Outcome]) -> dict[str, object]:
    def ratio(ok: int, n: int) -> str:
        return f"{ok / n:.1%} ({ok}/{n})" if n else "-"

    header = [c for o in outcomes for c in o.header]
    lines = [c for o in outcomes for c in o.lines]
    pos = [o for o in outcomes if o.is_po]
    correct_orders = [o for o in pos if o.all_right and not o.review_expected]
    silent_fields = sum(o.silent for o in outcomes)
    return {
        "documents (POs / others)": f"{len(outcomes)} ({len(pos)} / {len(outcomes) - len(pos)})",
        "field accuracy": ratio(sum(c.ok for c in header), len(header)),
        "line accuracy": ratio(sum(c.ok for c in lines), len(lines)),
        "all fields": ratio(sum(c.ok for c in header + lines), len(header + lines)),
        "perfect cases": ratio(sum(o.perfect for o in outcomes), len(outcomes)),
        "POs lost": f"{sum(o.po_lost for o in outcomes)} of {len(pos)}",
        "non-POs taken as orders": f"{sum(o.non_po_as_order for o in outcomes)} of {len(outcomes) - len(pos)}",
        "silent errors": f"{silent_fields} in {sum(bool(o.silent) for o in outcomes)} docs "
        f"({silent_fields / max(1, len(header + lines)):.1%} of fields)",
        "flagged for review": f"{sum(o.flagged for o in outcomes)}",
        "false alarms": f"{sum(o.false_alarm for o in outcomes)}",
        "non-POs flagged": f"{sum(o.flagged for o in outcomes if not o.is_po)} of {len(outcomes) - len(pos)}",
        "correct orders unflagged": ratio(sum(not o.flagged for o in correct_orders), len(correct_orders)),
        "customer is the company": ratio(sum(bool(o.customer_ok) for o in pos), len(pos)),
        "crashes": f"{sum(bool(o.crash) for o in outcomes)}",
    }


def print_side_by_side(parts: dict[str, list[Outcome] | None], notes: dict[str, str]) -> None:
    tables = {name: summary(outcomes) if outcomes else None for name, outcomes in parts.items()}
    rows = next(t for t in tables.values() if t).keys() if any(tables.values()) else []
    width = 34
    print(f"{'':<26}" + "".join(f"{name:<{width}}" for name in parts))
    for row in rows:
        cells = [(t[row] if t else notes.get(name, "not run")) for name, t in tables.items()]
        print(f"{row:<26}" + "".join(f"{str(c):<{width}}" for c in cells))


SEALED_BATCHES = (
    "base",
    "more",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
)  # in the order they were added to the sealed generator


def print_per_batch(outcomes: list[Outcome]) -> None:
    """The sealed figures once more, one column per batch of families: the batch added last has
    been looked at by nobody, so its column is the blind measure."""
    batches = {name: [o for o in outcomes if o.batch == name] for name in SEALED_BATCHES}
    unmarked = [o for o in outcomes if o.batch not in SEALED_BATCHES]
    if unmarked:
        batches["unmarked"] = unmarked
    print(
        "\nsealed, per batch of families (base: generate.py, more: more_families.py, fresh: fresh_families.py,"
        " fresh2: fresh2_families.py, fresh3: fresh3_families.py, fresh4: fresh4_families.py,"
        " fresh5: fresh5_families.py, fresh6: fresh6_families.py, fresh7: fresh7_families.py,"
        " fresh8: fresh8_families.py, fresh9: fresh9_families.py, fresh10: fresh10_families.py,"
        " fresh11: fresh11_families.py)"
    )
    print_side_by_side(batches, {name: "none" for name in batches})


def print_per_family(label: str, outcomes: list[Outcome]) -> None:
    """Per layout family: where the wrong values and the lost orders are (closing measurement only)."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for o in outcomes:
        r = rows[o.family or "?"]
        r[0] += 1
        r[1] += len(o.checks)
        r[2] += sum(c.ok for c in o.checks)
        r[3] += o.silent
        r[4] += int(o.po_lost or o.non_po_as_order)
        r[5] += int(o.perfect)
    print(f"\n{label}, per family")
    print(f"{'family':<34} {'docs':>5} {'fields':>7} {'accuracy':>9} {'silent':>7} {'lost/taken':>11} {'perfect':>8}")
    for name in sorted(rows):
        docs, n, ok, silent, lost, perfect = rows[name]
        print(f"{name:<34} {docs:>5} {n:>7} {ok / n if n else 1:>9.1%} {silent:>7} {lost:>11} {perfect:>8}")


def print_per_format(outcomes: list[Outcome]) -> None:
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for o in outcomes:
        for key in (o.fmt, "all"):
            r = rows[key]
            r["docs"] += 1
            r["fields"] += len(o.checks)
            r["correct"] += sum(c.ok for c in o.checks)
            r["silent"] += o.silent
            r["exact"] += int(o.perfect)
            r["flagged"] += int(o.flagged)
            r["alarms"] += int(o.false_alarm)
    print(
        f"{'format':<7} {'docs':>5} {'fields':>7} {'correct':>8} {'accuracy':>9} {'silent':>7} "
        f"{'docs ok':>8} {'flagged':>8} {'false alarm':>12}"
    )
    for key in sorted(k for k in rows if k != "all") + ["all"]:
        r = rows[key]
        acc = r["correct"] / r["fields"] if r["fields"] else 1.0
        print(
            f"{key:<7} {r['docs']:>5} {r['fields']:>7} {r['correct']:>8} {acc:>9.2%} {r['silent']:>7} "
            f"{r['exact']:>8} {r['flagged']:>8} {r['alarms']:>12}"
        )


def category(check: Check) -> str:
    """The field a check is about, lines pooled: "lines[3].unit_price" → "line unit_price"."""
    if check.field == "order.lines (count)":
        return "line count"
    if check.field.startswith("lines["):
        return "line " + check.field.split(".", 1)[1]
    return check.field.removeprefix("order.")


def print_by_field(label: str, outcomes: list[Outcome]) -> None:
    """Per field: how many expected values were read right, wrong but flagged, wrong and silent."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        silent = not o.flagged and not o.po_lost
        for c in o.checks:
            r = rows[category(c)]
            r[0] += 1
            r[1] += int(c.ok)
            r[2] += int(not c.ok and not silent)
            r[3] += int(not c.ok and silent)
    print(f"\n{label}, per field")
    print(f"{'field':<22} {'values':>7} {'right':>7} {'accuracy':>9} {'flagged':>8} {'silent':>7}")
    for name in sorted(rows, key=lambda n: (n.startswith("line"), n)):
        n, ok, flagged, silent = rows[name]
        print(f"{name:<22} {n:>7} {ok:>7} {ok / n:>9.1%} {flagged:>8} {silent:>7}")


def print_details(label: str, outcomes: list[Outcome], *, quiet: bool) -> None:
    crashes = [o for o in outcomes if o.crash]
    if crashes:
        print(f"\n{label}: CRASHES")
        for o in crashes:
            print(f"  {o.name}: {o.crash}")
    lost = [o for o in outcomes if o.po_lost]
    if lost:
        print(f"\n{label}: POs LOST (not an order, and not flagged)")
        for o in lost:
            print(f"  {o.name}: kind {o.kind}")
    taken = [o for o in outcomes if o.non_po_as_order]
    if taken:
        print(f"\n{label}: NOT POs, TAKEN AS ORDERS (unflagged)")
        for o in taken:
            print(f"  {o.name}")
    silent = [o for o in outcomes if o.silent]
    if silent:
        print(f"\n{label}: SILENT ERRORS (wrong, and needs_review false)")
        for o in silent:
            if o.review_expected:
                print(f"  {o.name}  needs review, and was not flagged")
            for c in o.wrong:
                print(f"  {o.name}  {c}")
    if quiet:
        return
    flagged_wrong = [(o, c) for o in outcomes if o.flagged for c in o.wrong]
    if flagged_wrong:
        print(f"\n{label}: WRONG FIELDS IN PARSES FLAGGED FOR REVIEW")
        for o, c in flagged_wrong:
            print(f"  {o.name}  {c}")
    alarms = [o for o in outcomes if o.is_po and o.flagged and not o.review_expected]
    if alarms:
        print(
            f"\n{label}: FLAGGED ALTHOUGH NOTHING ABOUT THE DOCUMENT NEEDS REVIEW"
            f" (false alarms are the ones with every field right)"
        )
        for o in alarms:
            mark = "false alarm" if o.all_right else f"{len(o.wrong)} wrong"
            said = "; ".join(o.warnings) or "(no warning given)"
            print(f"  {o.name} [{mark}]: {said[:400]}{' ...' if len(said) > 400 else ''}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Parse accuracy: tuned vs sealed vs real documents.")
    ap.add_argument(
        "--min-accuracy",
        type=float,
        default=None,
        help="fail (exit 1) when tuned accuracy (all fields) is below this, e.g. 0.97",
    )
    ap.add_argument("--no-silent-errors", action="store_true", help="fail (exit 1) on any tuned silent error")
    ap.add_argument("--format", action="append", help="only this format of the tuned corpus; repeatable")
    ap.add_argument("--quiet", action="store_true", help="list only crashes, lost POs and silent errors")
    ap.add_argument("--sealed", action="store_true", help="also generate and score the sealed corpus")
    ap.add_argument("--sealed-details", action="store_true", help="with --sealed: list the sealed failures too")
    ap.add_argument("--sealed-seed", type=int, help="with --sealed: another draw of the sealed families")
    ap.add_argument("--sealed-dir", help="generate the sealed corpus here (kept) instead of a temporary directory")
    ap.add_argument(
        "--sealed-batch", choices=SEALED_BATCHES[1:], help="with --sealed: generate and score only this batch"
    )
    ap.add_argument("--real", help="directory of the real documents (default: ../shared/corpus/real)")
    ap.add_argument("--no-real", action="store_true", help="skip the real documents")
    ap.add_argument("--by-field", action="store_true", help="a table per field: right, wrong flagged, wrong silent")
    ap.add_argument("--only", choices=PARTS, action="append", help="score only this corpus; repeatable")
    args = ap.parse_args(argv)
    wanted = set(args.only or PARTS)
    start = time.perf_counter()
    parts: dict[str, list[Outcome] | None] = {name: None for name in PARTS}
    notes = {"sealed": "not run (--sealed)", "real": "not run"}

    if "tuned" in wanted:
        cases = [c for c in tuned_cases() if not args.format or c.format in args.format]
        parts["tuned"] = [golden_outcome(c) for c in cases]
    if args.sealed and "sealed" in wanted:
        cases, holder = sealed_cases(args.sealed_dir, args.sealed_seed, args.sealed_batch)
        parts["sealed"] = [golden_outcome(c) for c in cases]
        if holder:
            holder.cleanup()
    real_dir = None if args.no_real else find_real(args.real)
    if "real" in wanted and real_dir:
        parts["real"] = real_outcomes(real_dir)
    elif "real" in wanted and not args.no_real:
        notes["real"] = "absent (../shared/corpus/real)"
        print("real: ../shared/corpus/real/ not found; the real documents are skipped")

    if parts["tuned"]:
        print("tuned corpus, per format")
        print_per_format(parts["tuned"])
        print()
    print_side_by_side(parts, notes)
    if parts["sealed"]:
        print_per_batch(parts["sealed"])
    if parts["tuned"]:
        print_details("tuned", parts["tuned"], quiet=args.quiet)
    if parts["real"]:
        print_details("real", parts["real"], quiet=args.quiet)
    if parts["sealed"] and args.sealed_details:
        print_details("sealed", parts["sealed"], quiet=args.quiet)
        for batch in SEALED_BATCHES:
            chosen = [o for o in parts["sealed"] if o.batch == batch]
            if chosen:
                print_per_family(f"sealed, batch {batch}", chosen)
    if args.by_field:
        for name in ("tuned", "real") + (("sealed",) if args.sealed_details else ()):
            if parts[name]:
                print_by_field(name, parts[name])
        if parts["sealed"] and args.sealed_details:
            for batch in SEALED_BATCHES:
                chosen = [o for o in parts["sealed"] if o.batch == batch]
                if chosen:
                    print_by_field(f"sealed, batch {batch}", chosen)
    print(f"\n({sum(len(p) for p in parts.values() if p)} documents in {time.perf_counter() - start:.1f} s)")

    status = 0
    tuned = parts["tuned"] or []
    checks = [c for o in tuned for c in o.checks]
    accuracy = sum(c.ok for c in checks) / len(checks) if checks else 1.0
    if args.min_accuracy is not None and accuracy < args.min_accuracy:
        print(f"FAIL: tuned accuracy {accuracy:.2%} is below {args.min_accuracy:.2%}")
        status = 1
    if args.no_silent_errors and any(o.silent for o in tuned):
        print("FAIL: silent errors")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
