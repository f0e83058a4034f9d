"""Kill -9 the real daemon at random moments while it works through a backlog; restart each time.

    .venv/bin/python bench/daemon_kill.py [--messages 200] [--kills 60] [--seed N] [--keep]

A Maildir workspace from `mailflow init` gets N purchase orders typed in the body (distinct PO
numbers), each producing notices through the file outbox. The daemon is started, killed with
SIGKILL after a random delay (0.2 – 2.5 s: during start-up, mid-message, mid-tracker-save,
mid-send), and restarted, until the kills are spent; then it runs to the end and is stopped with
SIGTERM. The check: every order once in the store and in the tracker, every message once in the
ledger, every notice once in the outbox (one .eml per notice key). ``tests/test_daemon_kill.py``
runs the same with fewer kills.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_daemon_run import (  # noqa: E402  (the shared helpers of the daemon tests)
    DaemonProcess,
    assert_nothing_twice,
    count,
    deliver,
    make_workspace,
    po_email,
    wait_for,
)


def tracker_pos(workspace: Path) -> list[str]:
    """PO numbers in the tracker's Orders sheet (by header, wherever staff moved the column)."""
    import openpyxl

    book = openpyxl.load_workbook(workspace / "tracker.xlsx", read_only=True)
    sheet = book["Orders"]
    rows = sheet.iter_rows(values_only=True)
    headers = [str(h or "") for h in next(rows)]
    column = next(i for i, h in enumerate(headers) if h.lower().replace(".", "") in ("po no", "po number", "customer po"))
    found = [str(row[column]) for row in rows if row and row[column]]
    book.close()
    return found


def kill_run(workspace: Path, messages: int, kills: int, rng: random.Random, log=print) -> dict:
    for n in range(1, messages + 1):
        deliver(workspace, po_email(n), f"po{n:04d}.eml")
    expected = {f"KT-{n:05d}" for n in range(1, messages + 1)}
    progress = []
    began = time.monotonic()
    for k in range(kills):
        daemon = DaemonProcess(workspace, name=f"life{k}")
        time.sleep(rng.uniform(0.2, 2.5))
        daemon.kill()
        progress.append(count(workspace, "SELECT COUNT(*) FROM messages"))
        if k % 10 == 9:
            log(f"  {k + 1} kills, {progress[-1]}/{messages} messages recorded")
    with DaemonProcess(workspace, name="final") as daemon:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM messages") >= messages, 300, "the backlog", daemon)
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')") == 0,
                 120, "the outbox", daemon)  # fmt: skip
        daemon.wait_ready()
        time.sleep(1)  # one more heartbeat: the last cycle (tracker write) is over
        code, stop_seconds = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()
    assert_nothing_twice(workspace, expected)
    in_tracker = tracker_pos(workspace)
    assert sorted(in_tracker) == sorted(expected), f"{len(in_tracker)} tracker rows for {len(expected)} POs"
    return {
        "messages": messages,
        "kills": kills,
        "recorded_at_kills": progress,
        "notices": count(workspace, "SELECT COUNT(*) FROM outbox"),
        "seconds": round(time.monotonic() - began, 1),
        "final_stop_seconds": round(stop_seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the workspace for inspection")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="mailflow-kill-"))
    print(f"seed {args.seed}; workspace {root}")
    try:
        workspace = make_workspace(root)
        result = kill_run(workspace, args.messages, args.kills, random.Random(args.seed))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"{result['kills']} kills over {result['messages']} messages: every order, message and notice"
        f" ({result['notices']}) exactly once; {result['seconds']} s; final SIGTERM exit 0 in"
        f" {result['final_stop_seconds']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
