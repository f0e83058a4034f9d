"""Kill -9 the real daemon at random moments while it works through a backlog, restarting it each
time; then check that nothing was lost and nothing done twice. ``tests/test_daemon_kill.py`` runs
it with 20 kills, ``bench/daemon_kill.py`` with more."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import openpyxl

from .daemon import DaemonProcess, assert_nothing_twice, count, deliver, po_email, wait_for


def tracker_pos(workspace: Path) -> list[str]:
    """PO numbers in the tracker's Orders sheet (by header, wherever staff moved the column)."""
    book = openpyxl.load_workbook(workspace / "tracker.xlsx", read_only=True)
    sheet = book["Orders"]
    rows = sheet.iter_rows(values_only=True)
    headers = [str(h or "") for h in next(rows)]
    column = next(
        i for i, h in enumerate(headers) if h.lower().replace(".", "") in ("po no", "po number", "customer po")
    )
    found = [str(row[column]) for row in rows if row and row[column]]
    book.close()
    return found


def acknowledgements_only(workspace: Path) -> None:
    """One notice per order (the customer's acknowledgement, with its order form): the internal
    review request adds a second document per order and doubles the run time, not the risk."""
    config = workspace / "config.yaml"
    text = config.read_text(encoding="utf-8")
    assert "  enabled: {}" in text
    config.write_text(text.replace("  enabled: {}", "  enabled: {review_request: false}"), encoding="utf-8")


def kill_run(
    workspace: Path,
    messages: int,
    kills: int,
    rng: random.Random,
    log=print,
    startup: tuple[float, float] = (0.2, 3.5),
    startup_share: float = 0.4,
) -> dict:
    """Deliver ``messages`` POs, then ``kills`` lives each ended by SIGKILL, then a clean run.

    Each life is killed at a random moment of one of three phases: start-up, mid-backlog (a few
    messages in, at a random point of the next), or — once the backlog is recorded — the end of
    the cycle (tracker save, mailbox actions, outbox flush). Returns figures for the report.
    """
    for n in range(1, messages + 1):
        deliver(workspace, po_email(n), f"po{n:04d}.eml")
    expected = {f"KT-{n:05d}" for n in range(1, messages + 1)}
    progress = []
    began = time.monotonic()
    for k in range(kills):
        daemon = DaemonProcess(workspace, name=f"life{k}")
        recorded = count(workspace, "SELECT COUNT(*) FROM messages")
        if recorded >= messages:
            # the backlog is in: the kill lands in the tracker save, mailbox actions, outbox flush
            time.sleep(rng.uniform(*startup) + rng.uniform(0.0, 3.0))
        elif rng.random() < startup_share:
            # start-up: lock take-over, migrations, the first listing, the tracker read
            time.sleep(rng.uniform(*startup))
        else:
            # mid-backlog: after a few more messages, at a random point of the next one
            target = min(messages, recorded + rng.randint(1, 4))
            wait_for(
                lambda target=target: count(workspace, "SELECT COUNT(*) FROM messages") >= target,
                120,
                "progress",
                daemon,
            )
            time.sleep(rng.uniform(0.0, 0.3))
        daemon.kill()
        progress.append(count(workspace, "SELECT COUNT(*) FROM messages"))
        if k % 10 == 9:
            log(f"  {k + 1} kills, {progress[-1]}/{messages} messages recorded")
    lives_seconds = time.monotonic() - began
    with DaemonProcess(workspace, name="final") as daemon:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM messages") >= messages, 300, "the backlog", daemon)
        # the documents stage follows the messages: its queue empties once the notices are queued
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM document_queue") == 0, 300, "the documents", daemon)
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
        "kill_phase_seconds": round(lives_seconds, 1),
        "final_stop_seconds": round(stop_seconds, 2),
    }
