"""The daemon's quiet cycles: once the mail is read, its documents made and its notices sent, a
cycle with nothing new neither parses the tracker nor compares it with the store, nor runs the
workflow's timers over the open orders again, although the daemon writes its heartbeat, liveness
and cycle rows between cycles; a staff save is read at once."""

from __future__ import annotations

import openpyxl

from mailflow import config as config_mod
from mailflow.context import fixed_clock
from mailflow.daemon.loop import Daemon
from helpers.procedure import ORDER, Desk, at, po_email
from helpers.workflow import timers_looking


def timer_passes(daemon: Daemon) -> int:
    """One daemon cycle; how many orders its timers looked at (not the staff edits' own look)."""
    with timers_looking() as looked:
        daemon.cycle()
    return len(looked)


def test_a_daemon_cycle_with_nothing_new_does_no_tracker_or_timer_work(tmp_path) -> None:
    desk = Desk(tmp_path)
    desk.mail(po_email("30% deposit, balance before shipment"), "po1.eml")
    now = at(11, 23)
    daemon = Daemon(desk.root / "config.yaml", config_mod.load(desk.root / "config.yaml"), clock=fixed_clock(now))
    try:
        for _ in range(4):  # the mail, its documents and notices, then the cycles that follow
            daemon.cycle()
        tracker = daemon.tracker
        assert tracker is not None and daemon.env.store.order(ORDER) is not None
        for _ in range(2):
            daemon.status.heartbeat(force=True)
            assert timer_passes(daemon) == 0  # the last pass found nothing to do; nothing moved since
            assert tracker.timings == {}, tracker.timings  # nothing parsed, nothing compared
            assert daemon._last_tracker is not None and not daemon._last_tracker.saved

        wb = openpyxl.load_workbook(desk.tracker)  # staff type a note and save
        ws = wb["Orders"]
        cols = {c.value: c.column for c in ws[1] if c.value}
        ws.cell(row=2, column=cols["Notes"], value="call the buyer")
        wb.save(desk.tracker)
        assert timer_passes(daemon) == 1  # the edit moved the order: the timers look at it again
        assert daemon.env.store.order(ORDER).facts.get("notes") == "call the buyer"
        daemon.cycle()
        assert timer_passes(daemon) == 0
        assert tracker.timings == {}  # read once; then the cycles are quiet again
    finally:
        daemon.watchers.stop()
        daemon._close_documents()
        daemon.env.close()
