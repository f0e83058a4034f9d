"""Whole orders through the procedure with `now` jumping day by day, on the real 2026 CN calendar.

The outbox and the document generator are replaced by small stand-ins here (``StandIns``) so
these tests are about the workflow alone: the stand-in outbox writes the same table with the
same UNIQUE key as the real one. ``test_workflow_integration.py`` runs the real ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from mailflow.workflow import engine
from mailflow.workflow.engine import advance, apply_edits

from helpers.workflow import (
    ORDER_NO,
    STANDINS,
    D,
    at,
    edit,
    new_order,
    notices,
    open_env,
    run_days,
    standin_generate,
    standin_queue,
)
from helpers.workflow import standins  # noqa: F401 - a fixture


def test_whole_order_through_golden_week_with_a_restart(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 4, 30, 10))  # what the pipeline does on a new PO
    run_days(env, D(2026, 4, 30), D(2026, 5, 6))  # Golden Week: 1–5 May off
    apply_edits(env, [edit("status", "Confirmed", "Received")], at(2026, 5, 6, 15))
    run_days(env, D(2026, 5, 7), D(2026, 5, 8))
    apply_edits(env, [edit("plan_date", D(2026, 5, 8))], at(2026, 5, 8, 17))  # PMC's plan, on its due day

    env.close()  # restart: a new Env on the same files
    env = open_env(tmp_path, at(2026, 5, 9))
    run_days(env, D(2026, 5, 9), D(2026, 5, 11))  # no deposit yet: reminded once, on day 3
    apply_edits(env, [edit("deposit_received", Decimal("3000.00"))], at(2026, 5, 11, 16))
    apply_edits(env, [edit("assembly_date", D(2026, 6, 10))], at(2026, 5, 12, 10))
    run_days(env, D(2026, 5, 12), D(2026, 6, 1))
    apply_edits(env, [edit("assembly_date", D(2026, 6, 15), D(2026, 6, 10))], at(2026, 6, 2, 11))  # moved
    run_days(env, D(2026, 6, 2), D(2026, 6, 16))
    apply_edits(env, [edit("production_complete", D(2026, 6, 16))], at(2026, 6, 16, 17))
    apply_edits(env, [edit("inspection_result", "Passed", "Pending")], at(2026, 6, 18, 11))
    run_days(env, D(2026, 6, 17), D(2026, 6, 19))
    apply_edits(env, [edit("balance_received", Decimal("7000.00"))], at(2026, 6, 20, 10))
    apply_edits(
        env,
        [edit("sales_director_approved", D(2026, 6, 20)), edit("finance_director_approved", D(2026, 6, 21))],
        at(2026, 6, 21, 10),
    )
    apply_edits(env, [edit("shipped", D(2026, 6, 22))], at(2026, 6, 22, 18))
    run_days(env, D(2026, 6, 20), D(2026, 7, 25), hours=(9,))

    assert notices(env) == [
        ("order_ack", "received", D(2026, 4, 30)),
        ("review_request", "received", D(2026, 4, 30)),
        ("reply_due_reminder", "received", D(2026, 5, 6)),  # 1 working day later: after Golden Week
        ("order_confirmation", "confirmed", D(2026, 5, 6)),  # the confirmed order form: the clock stops
        ("deposit_request", "confirmed", D(2026, 5, 6)),
        ("production_plan_reminder", "confirmed", D(2026, 5, 6)),
        ("deposit_reminder", "confirmed", D(2026, 5, 9)),  # 3 calendar days after the request
        # Still unpaid the next working day after the reminder (Sunday 10 May is off).
        ("deposit_overdue_escalation", "confirmed", D(2026, 5, 11)),
        ("production_handoff", "confirmed", D(2026, 5, 11)),  # deposit in: QC and engineering
        ("pre_assembly_notice", "2026-06-10", D(2026, 5, 31)),  # 10 days before
        ("pre_assembly_notice", "2026-06-15", D(2026, 6, 2)),  # moved: told at once
        ("inspection_notice", "production_complete", D(2026, 6, 16)),
        ("balance_notice", "inspection_passed", D(2026, 6, 18)),
        ("shipping_approval_request", "balance_received", D(2026, 6, 20)),
        ("invoice_request", "balance_received", D(2026, 6, 20)),
        ("pickup_notice", "balance_received", D(2026, 6, 21)),  # once both directors approved
        ("shipment_notice", "shipped", D(2026, 6, 22)),
    ]
    order = env.store.order(ORDER_NO)
    assert order.status == "Closed"
    assert order.facts["milestones"]["closed"]["on"] == "2026-07-22"  # shipped + 30 calendar days
    assert order.facts["deposit_due"] == "3000.00" and order.facts["balance_due"] == "0.00"  # paid in full
    assert order.facts["documents"]["delivery_note:shipped"] == [f"{order.archive_dir}/documents/delivery_note.docx"]
    moved = json.loads(
        env.store.conn.execute(
            "SELECT eml FROM outbox WHERE key = ?", (f"{ORDER_NO}:pre_assembly_notice:2026-06-15",)
        ).fetchone()[0]
    )
    assert moved["context"]["replaces"] == "2026-06-10" and moved["language"] == "zh"
    statuses = [json.loads(r.detail)["to"] for r in env.store.events(ORDER_NO) if r.kind == "status_changed"]
    assert statuses == [
        "Confirmed",
        "Deposit received",
        "Production complete",
        "Inspection passed",
        "Balance received",
        "Shipped",
        "Closed",
    ]
    causes = {r.cause for r in env.store.events(ORDER_NO)}
    assert causes == {"email", "tracker", "timer"}


def test_missed_reply_deadline_escalates_on_the_next_working_day(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 8, 15))
    new_order(env, at(2026, 5, 8, 15))  # Friday before the make-up Saturday
    run_days(env, D(2026, 5, 8), D(2026, 5, 14))
    assert [(k, d) for k, _t, d in notices(env)] == [
        ("order_ack", D(2026, 5, 8)),
        ("review_request", D(2026, 5, 8)),
        ("reply_due_reminder", D(2026, 5, 9)),  # Saturday 9 May is a working day (调休)
        ("reply_overdue_escalation", D(2026, 5, 12)),  # due Mon 11 May, missed
    ]
    escalation = env.store.conn.execute(
        "SELECT recipients FROM outbox WHERE kind = 'reply_overdue_escalation'"
    ).fetchone()[0]
    assert json.loads(escalation) == ["sd@example.com"]
    order = env.store.order(ORDER_NO)
    assert order.facts["next_due"] == "2026-05-11" and order.status == "Received"


def test_daemon_down_over_the_weekend_catches_up_late_never_skipped(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 8, 15))
    new_order(env, at(2026, 5, 8, 15))
    advance(env, at(2026, 5, 8, 15))
    advance(env, at(2026, 5, 13, 8))  # nothing ran from Friday afternoon to Wednesday morning
    advance(env, at(2026, 5, 13, 9))
    rows = notices(env)
    assert [(k, d) for k, _t, d in rows[2:]] == [
        ("reply_due_reminder", D(2026, 5, 13)),
        ("reply_overdue_escalation", D(2026, 5, 13)),
    ]
    late = [json.loads(r.detail) for r in env.store.events(ORDER_NO) if r.kind == "notice_queued"]
    assert [e["late"] for e in late] == [False, False, True, True]


def test_needs_review_sends_nothing_until_staff_set_the_status(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10), status="Needs review", needs_review=True)
    run_days(env, D(2026, 4, 30), D(2026, 5, 7))
    assert notices(env) == []
    apply_edits(env, [edit("status", "Received", "Needs review")], at(2026, 5, 8, 10))
    assert [k for k, _t, _d in notices(env)] == [
        "order_ack",
        "review_request",
        "reply_due_reminder",
        "reply_overdue_escalation",
    ]
    reminder = json.loads(
        env.store.conn.execute("SELECT eml FROM outbox WHERE kind = 'reply_due_reminder'").fetchone()[0]
    )
    assert reminder["context"]["late"] is True and reminder["context"]["reply_due"] == "2026-05-07"
    assert reminder["language"] == "en"  # internal notices in the company's language
    assert [r.cause for r in env.store.events(ORDER_NO) if r.kind == "review_cleared"] == ["tracker"]


def test_crash_right_after_queue_then_rerun_sends_once(tmp_path):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    env.close()
    script = (
        STANDINS
        + f"""
import datetime as dt
from zoneinfo import ZoneInfo
env = s.open_env(__import__('pathlib').Path({str(tmp_path)!r}), s.at(2026, 4, 30, 10))
print(len(engine.advance(env, s.at(2026, 4, 30, 10))))
"""
    )
    tests_dir = str(Path(__file__).parent)
    crashed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tests_dir,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "MAILFLOW_CRASH_AT": "after_queue",
            "PYTHONPATH": tests_dir + os.pathsep + str(Path(tests_dir).parent),
        },
    )
    assert crashed.returncode == 137, crashed.stderr
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    assert notices(env) == []  # the queue and its event went together, or not at all
    rerun = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tests_dir,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": tests_dir + os.pathsep + str(Path(tests_dir).parent)},
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == "2"
    again = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tests_dir,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": tests_dir + os.pathsep + str(Path(tests_dir).parent)},
    )
    assert again.stdout.strip() == "0"
    assert [k for k, _t, _d in notices(env)] == ["order_ack", "review_request"]
    queued = [r for r in env.store.events(ORDER_NO) if r.kind == "notice_queued"]
    assert len(queued) == 2


def test_crash_on_the_second_notice_keeps_the_order_consistent(tmp_path):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    script = (
        STANDINS
        + f"""
env = s.open_env(__import__('pathlib').Path({str(tmp_path)!r}), s.at(2026, 4, 30, 10))
engine.advance(env, s.at(2026, 4, 30, 10))
"""
    )
    tests_dir = str(Path(__file__).parent)
    crashed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tests_dir,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "MAILFLOW_CRASH_AT": "after_queue:2",
            "PYTHONPATH": tests_dir + os.pathsep + str(Path(tests_dir).parent),
        },
    )
    assert crashed.returncode == 137, crashed.stderr
    assert notices(env) == []
    engine.queue_notice, saved = standin_queue, engine.queue_notice
    engine.generate_document, saved_gen = standin_generate, engine.generate_document
    try:
        advance(env, at(2026, 4, 30, 11))
        advance(env, at(2026, 4, 30, 12))
    finally:
        engine.queue_notice, engine.generate_document = saved, saved_gen
    assert [(k, d) for k, _t, d in notices(env)] == [("order_ack", D(2026, 4, 30)), ("review_request", D(2026, 4, 30))]
