"""Peak memory of `mailflow run --once` over a mixed backlog with three decompression bombs in it,
against the same backlog without them (the baseline, measured in the same run).

    .venv/bin/python bench/hostile_memory.py [--orders 30] [--bomb-mb 2048] [--corpus]
    .venv/bin/python bench/hostile_memory.py --many-parts [--parts-mb 48] [--orders 30]

The backlog: ``--orders`` purchase orders (typed in the body, and the corpus's PDF, Excel and
Word POs attached), then the three bombs of the hostile-mail issue — an .xlsx whose
``docProps/core.xml``, a .docx whose ``word/document.xml`` and a PDF whose FlateDecode content
stream each inflate to ``--bomb-mb`` MB (about 2 MB each on disk, built by ``tests/bombs.py``) —
then as many orders again. Peak RSS (the kernel's VmHWM) is sampled for the daemon process and
for its parse worker. The check: every bomb quarantined with a reason, every order recorded,
and the daemon's peak within the README's bound (400 MB).

``--many-parts`` instead puts one mail of tiny MIME parts (``--parts-mb`` MB of them, about
twelve bytes a part; under the 50 MB message limit) in the middle of the backlog, against the
same backlog without it: the parts are read by the daemon itself, before any attachment reaches
the worker, so its peak memory and the cycle's time are what the mail costs. The check: the mail
quarantined with a reason, every order recorded, the daemon within the bound.

``--corpus`` instead runs the public MIME robustness corpus (``shared/corpus/mime``, 147
hostile mails) through one cycle and prints the outcomes: nothing may crash the cycle.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import bombs  # noqa: E402
from helpers.daemon import deliver, make_workspace, po_email, query  # noqa: E402
from helpers.memory import MEMORY_BOUND_MB, run_once_measured  # noqa: E402

CORPUS = HERE.parent / "tests" / "corpus"
MIME_CORPUS = HERE.parent.parent / "shared" / "corpus" / "mime"
ATTACHED = [
    ("pdf/acme-fpdf.pdf", bombs.PDF),
    ("xlsx/bergmann-sheets.xlsx", bombs.XLSX),
    ("docx/lakeside.docx", bombs.DOCX),
]


def many_parts_mail(megabytes: int) -> bytes:
    """A mail that is nothing but tiny MIME parts, ``megabytes`` MB of them."""
    head = (
        b"From: Parts <parts@spam.example>\r\nTo: orders@example.com\r\nSubject: PO_PARTS purchase order\r\n"
        b"Message-ID: <many-parts@spam.example>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
    )
    part = b"--b\r\n\r\nx\r\n"
    return head + part * ((megabytes * 1024 * 1024 - len(head)) // len(part)) + b"--b--\r\n"


def backlog(workspace: Path, orders: int, bomb_mb: int | None, parts_mb: int | None = None) -> list[str]:
    """Deliver the backlog in arrival order; returns the bombs' Maildir keys."""
    mails: list[tuple[str, bytes]] = []
    for n in range(orders):
        if n % 4 == 3 and (CORPUS / ATTACHED[n % 3][0]).exists():
            path, ctype = ATTACHED[n % 3]
            data = (CORPUS / path).read_bytes()
            mails.append(
                (f"order-{n:03d}", bombs.po_mail(f"ATT-{n:03d}", Path(path).name, ctype, data, domain=f"c{n}.example"))
            )
        else:
            mails.append((f"order-{n:03d}", po_email(n)))
        if bomb_mb and n == orders // 2:
            mails.extend(bombs.bomb_mails(bomb_mb).items())
        if parts_mb and n == orders // 2:
            mails.append(("bomb-many-parts", many_parts_mail(parts_mb)))
    for index, (key, raw) in enumerate(mails):
        target = deliver(workspace, raw, key)
        os.utime(target, (1_000_000 + index, 1_000_000 + index))  # arrival order = list order
    return [key for key, _ in mails if "bomb" in key]


def measure(root: Path, orders: int, bomb_mb: int | None, parts_mb: int | None = None) -> dict:
    workspace = make_workspace(root)
    bomb_keys = backlog(workspace, orders, bomb_mb, parts_mb)
    started = time.monotonic()
    done, peak = run_once_measured(workspace)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"run --once failed:\n{done.stderr[-3000:]}")
    rows = {r["source_key"]: dict(r) for r in query(workspace, "SELECT * FROM messages")}
    return {
        "seconds": round(seconds, 1),
        "daemon_mb": peak.daemon_kb // 1024,
        "worker_mb": peak.children_kb // 1024,
        "messages": len(rows),
        "orders": len(query(workspace, "SELECT 1 FROM orders")),
        "bombs": {k: (rows[k]["outcome"], rows[k]["reason"]) for k in bomb_keys},
    }


def corpus(root: Path) -> int:
    workspace = make_workspace(root)
    files = sorted(p for p in MIME_CORPUS.glob("*") if p.suffix in (".eml", ".txt"))
    for index, path in enumerate(files):
        target = deliver(workspace, path.read_bytes(), f"{index:04d}.{path.stem}")
        os.utime(target, (1_000_000 + index, 1_000_000 + index))
    done, peak = run_once_measured(workspace)
    outcomes: dict[str, int] = {}
    for row in query(workspace, "SELECT outcome FROM messages"):
        outcomes[row[0]] = outcomes.get(row[0], 0) + 1
    cycle = json.loads(query(workspace, "SELECT value FROM status WHERE name = 'last_cycle'")[0][0])
    left = len(os.listdir(workspace / "mail" / "inbox" / "new"))
    print(
        f"MIME corpus: {len(files)} mails, exit {done.returncode}, outcomes {outcomes},"
        f" cycle errors {cycle['errors']}, left in new/ {left},"
        f" peak RSS daemon {peak.daemon_kb // 1024} MB / worker {peak.children_kb // 1024} MB"
    )
    for row in query(workspace, "SELECT source_key, reason FROM messages WHERE outcome = 'quarantined'"):
        print(f"  quarantined {row[0]}: {row[1]}")
    return 0 if done.returncode == 0 and not cycle["errors"] and left == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=30)
    parser.add_argument("--bomb-mb", type=int, default=2048)
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--many-parts", action="store_true")
    parser.add_argument("--parts-mb", type=int, default=48)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="mailflow-hostile-"))
    try:
        if args.corpus:
            return corpus(root / "corpus")
        baseline = measure(root / "baseline", args.orders, None)
        if args.many_parts:
            bombed = measure(root / "parts", args.orders, None, args.parts_mb)
        else:
            bombed = measure(root / "bombs", args.orders, args.bomb_mb)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"backlog of {args.orders} orders: peak RSS daemon {baseline['daemon_mb']} MB,"
        f" worker {baseline['worker_mb']} MB, {baseline['seconds']} s"
    )
    what = f"a mail of {args.parts_mb} MB of tiny MIME parts" if args.many_parts else f"3 bombs of {args.bomb_mb} MB"
    print(
        f"same + {what}: peak RSS daemon {bombed['daemon_mb']} MB"
        f" ({bombed['daemon_mb'] / max(baseline['daemon_mb'], 1):.2f}x the baseline),"
        f" worker {bombed['worker_mb']} MB ({bombed['worker_mb'] / max(baseline['worker_mb'], 1):.2f}x),"
        f" {bombed['seconds']} s ({bombed['seconds'] / max(baseline['seconds'], 0.1):.2f}x)"
    )
    for key, (outcome, reason) in bombed["bombs"].items():
        print(f"  {key}: {outcome} — {reason}")
    ok = (
        bombed["daemon_mb"] <= MEMORY_BOUND_MB
        and all(outcome == "quarantined" for outcome, _ in bombed["bombs"].values())
        and bombed["orders"] == baseline["orders"]
    )
    print("ok" if ok else "FAILED: see above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
