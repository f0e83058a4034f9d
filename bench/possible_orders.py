"""How often mail that is not an order is raised as a "possible order": the price of never dropping one.

    python bench/possible_orders.py [--mime DIR] [--list] [--save FILE] [--against FILE]

The never-drop rule sends a message nobody recognised to the Review sheet when it might be an
order (a business document attached, a table of items with quantities and prices, a known
customer...). Every such row is a person's minute, so this bench counts them on mail that is
certainly not an order:

- **mime**: the public MIME robustness corpus in ``../shared/corpus/mime`` (147 malformed, hostile
  and ordinary mails from the test suites of mail parsers; not part of the project);
- **tuned non-orders**: the tuned corpus's messages and documents whose golden file says they
  are not a purchase order (invoices, quotations, payment advices, newsletters...).

For each it prints how many came back as an order, how many were flagged, and how many were
flagged as a possible order. ``--save`` writes the per-message outcome to a JSON file and
``--against`` compares with one saved earlier: the messages *newly* flagged are listed, which is
the figure to look at after changing the rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT))
from compare import TODAY, load_cases  # noqa: E402

MIME_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "mime", ROOT.parent.parent / "shared" / "corpus" / "mime")
POSSIBLE = "possible order, not recognised"


def outcome(path: Path) -> dict[str, object]:
    """What ``parse`` makes of one file: kind, flagged, and the possible-order reason if any."""
    from mailflow.errors import MailflowError
    from mailflow.extract import ParseContext, parse_file

    try:
        result = parse_file(path, ParseContext(today=date(*TODAY)))
    except MailflowError as exc:  # rejected (malformed beyond reading, over a limit): never flagged
        return {"kind": "rejected", "flagged": False, "possible": None, "why": str(exc)[:120]}
    possible = next((w for w in result.warnings if w.startswith(POSSIBLE)), None)
    return {
        "kind": result.kind,
        "flagged": result.needs_review,
        "possible": possible,
        "why": "; ".join(result.warnings)[:200],
    }


def mime_files(explicit: str | None) -> list[Path]:
    folders = [Path(explicit)] if explicit else [p for p in MIME_CANDIDATES if p.is_dir()]
    if not folders:
        return []
    return sorted(p for p in folders[0].iterdir() if p.suffix in (".eml", ".txt"))


def tuned_non_orders() -> list[Path]:
    cases = load_cases() + load_cases(pattern="wide/*/*.expected.json")
    return [c.document for c in cases if c.expected.get("kind") != "purchase_order"]


def report(label: str, results: dict[str, dict[str, object]], listing: bool) -> None:
    kinds = Counter(str(r["kind"]) for r in results.values())
    flagged = [n for n, r in results.items() if r["flagged"]]
    possible = [n for n, r in results.items() if r["possible"]]
    print(f"{label}: {len(results)} messages; kinds {dict(sorted(kinds.items()))}")
    print(f"  flagged for review: {len(flagged)}; of them as a possible order: {len(possible)}")
    if listing:
        for name in possible:
            print(f"    {name}: {results[name]['possible']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Possible orders raised on mail that is not an order.")
    ap.add_argument("--mime", help="folder of the MIME corpus (default: ../shared/corpus/mime)")
    ap.add_argument("--list", action="store_true", help="list every message flagged as a possible order")
    ap.add_argument("--save", help="write the per-message outcomes to this JSON file")
    ap.add_argument("--against", help="compare with outcomes saved earlier: list the newly flagged")
    args = ap.parse_args(argv)

    parts: dict[str, dict[str, dict[str, object]]] = {}
    files = mime_files(args.mime)
    if files:
        parts["mime"] = {p.name: outcome(p) for p in files}
    else:
        print("mime: ../shared/corpus/mime not found; skipped")
    parts["tuned non-orders"] = {str(p.relative_to(ROOT / "tests" / "corpus")): outcome(p) for p in tuned_non_orders()}
    for label, results in parts.items():
        report(label, results, args.list)

    if args.save:
        Path(args.save).write_text(json.dumps(parts, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.against:
        before = json.loads(Path(args.against).read_text(encoding="utf-8"))
        for label, results in parts.items():
            old = before.get(label, {})
            newly = [n for n, r in results.items() if r["flagged"] and not (old.get(n) or {}).get("flagged")]
            cleared = [n for n, r in old.items() if r["flagged"] and not (results.get(n) or {}).get("flagged")]
            print(f"{label}: newly flagged {len(newly)}, no longer flagged {len(cleared)}")
            for name in newly:
                print(f"    + {name}: {results[name]['why']}")
            for name in cleared:
                print(f"    - {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
