"""A staff edit is applied once, recorded once, and survives a kill -9 anywhere around it.

Reading the workbook writes nothing; ``workflow.apply_edits`` records each edit (one event), the
order and the tracker shadow in one transaction. The process is killed between reading and
recording, and between recording and queueing the notices the edit made due; after a restart
every edit is in the timeline exactly once and its notice is queued exactly once.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from helpers.daemon import cli, clean_environ, deliver, make_workspace, po_email, query

ORDER = "SO-2026-0001"


def _edit_tracker(workspace, **values) -> None:
    """Staff type into the order's row with openpyxl, as Excel would save it."""
    path = workspace / "tracker.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, cols["Order No"]).value == ORDER)
    for header, value in values.items():
        ws.cell(row, cols[header], value)
    wb.save(path)


def _edits(workspace) -> list[dict]:
    rows = query(workspace, "SELECT detail FROM events WHERE kind = 'tracker_edit' ORDER BY id")
    return [json.loads(r[0]) for r in rows]


def _status(workspace) -> str:
    return query(workspace, "SELECT status FROM orders WHERE order_no = ?", (ORDER,))[0][0]


def _queued(workspace, kind: str) -> int:
    return len(query(workspace, "SELECT 1 FROM outbox WHERE kind = ?", (kind,)))


@pytest.fixture
def workspace(tmp_path):
    workspace = make_workspace(tmp_path)
    deliver(workspace, po_email(1), "po-1")
    done = cli(workspace, "run", "--once")
    assert done.returncode == 0, done.stdout + done.stderr
    assert _status(workspace) == "Received"
    _edit_tracker(workspace, **{"Status": "Confirmed", "Notes": "rush order"})
    return workspace


@pytest.mark.parametrize("crash_at, recorded", [("after_read_edits", False), ("after_edits", True)])
def test_a_kill_around_a_staff_edit_loses_nothing_and_doubles_nothing(workspace, crash_at, recorded):
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT=crash_at))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    # Killed after reading (nothing recorded) or after recording (no notice queued yet).
    assert len(_edits(workspace)) == (2 if recorded else 0)
    assert _status(workspace) == ("Confirmed" if recorded else "Received")
    assert _queued(workspace, "deposit_request") == 0

    for _ in range(2):  # the restart, then a quiet run
        done = cli(workspace, "run", "--once")
        assert done.returncode == 0, done.stdout + done.stderr
        edits = _edits(workspace)
        assert [(e["field"], e["new"]) for e in edits] == [("status", "Confirmed"), ("notes", "rush order")]
        assert _status(workspace) == "Confirmed"
        assert _queued(workspace, "deposit_request") == 1
    wb = openpyxl.load_workbook(workspace / "tracker.xlsx")
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    assert ws.cell(2, cols["Status"]).value == "Confirmed" and ws.cell(2, cols["Notes"]).value == "rush order"
