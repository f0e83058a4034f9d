"""Engine edges: mail about an order, staff edits, the views, the scheduler's error trap."""

from __future__ import annotations

import json
from decimal import Decimal

import schedule

from mailflow.workflow import scheduler
from mailflow.workflow.engine import advance, apply_edits, on_email
from mailflow.workflow.views import order_timeline, orders_table
from helpers.workflow import ORDER_NO, D, at, edit, new_order, notices, open_env, standins  # noqa: F401


def reviews(env):
    return [r.reason for r in env.store.reviews()]


def test_payment_advice_asks_finance_to_confirm_and_is_idempotent(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 7))
    order = new_order(env, at(2026, 5, 6))
    details = {"subject": "Payment advice PO-4411", "from": "ap@acme.test", "text": "paid", "sender_on_file": True}
    for _ in range(2):  # the same message processed twice adds nothing the second time
        on_email(env, order, "payment_advice", "<pay-1@acme>", "Acme/mail/x.eml", details, at(2026, 5, 7))
    assert reviews(env) == [
        "the customer reports the deposit paid (no single amount found in the mail) — proposed as payment"
        " P-00001 on the Payments sheet: check the bank, then set its Status to Confirmed (correct Amount or"
        " Date first if they differ) or Rejected; entering the amount in Deposit Received confirms it too;"
        " deposit asked: USD 3,000.00. Reminders to the customer wait while this row is open. Sent by"
        " ap@acme.test."
    ]
    # One proposed payment, whatever the number of times the message was read; it does not count.
    [proposal] = env.store.payments(ORDER_NO)
    assert (proposal.status, proposal.amount, proposal.kind) == ("Proposed", None, "deposit")
    assert "deposit_received" not in env.store.order(ORDER_NO).facts
    rows = env.store.conn.execute("SELECT kind, recipients FROM outbox").fetchall()
    assert [(r[0], json.loads(r[1])) for r in rows] == [("deposit_reported", ["fd@example.com"])]
    events = [r for r in env.store.events(ORDER_NO) if r.kind == "email_payment_advice"]
    assert events[0].cause == "email" and events[0].message_id == "<pay-1@acme>"


def test_change_request_alerts_the_account_manager_once(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 7))
    order = new_order(env, at(2026, 5, 6), account_manager="lily@example.com")
    for _ in range(2):
        on_email(
            env,
            order,
            "change_request",
            "<chg-1@acme>",
            "Acme/mail/c.eml",
            {"subject": "Change qty", "text": "please make it 600"},
            at(2026, 5, 7),
        )
    rows = env.store.conn.execute("SELECT kind, recipients FROM outbox").fetchall()
    assert [(r[0], json.loads(r[1])) for r in rows] == [("change_request_alert", ["lily@example.com"])]
    assert reviews(env) == [
        "change request from the customer — amend the order (Total, dates) and write Done in"
        " its Change column: the department heads re-review it and the customer gets the"
        " revised order form"
    ]
    opened = [r for r in env.store.events(ORDER_NO) if r.kind == "change_opened"]
    assert len(opened) == 1 and env.store.order(ORDER_NO).facts["change_open"]["opened"] == "2026-05-07"


def test_inspection_reply_with_a_date_adds_a_review_row(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 6, 5))
    order = new_order(env, at(2026, 5, 6))
    on_email(
        env,
        order,
        "inspection_reply",
        "<i-1@acme>",
        None,
        {"subject": "Re: inspection", "text": "Our QC can come on 2026年6月12日."},
        at(2026, 6, 5),
    )
    on_email(env, order, "inspection_reply", "<i-2@acme>", None, {"text": "Thanks, noted."}, at(2026, 6, 5))
    assert reviews(env) == ["customer proposes inspection on 2026-06-12 — agree and fill Inspection Date"]
    assert len([r for r in env.store.events(ORDER_NO) if r.kind == "email_inspection_reply"]) == 2


def test_staff_cancel_stops_every_notice(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 4, 30, 10))
    apply_edits(env, [edit("status", "Cancelled", "Received")], at(2026, 4, 30, 16))
    advance(env, at(2026, 5, 20))
    assert [k for k, _t, _d in notices(env)] == ["order_ack", "review_request"]
    assert env.store.order(ORDER_NO).status == "Cancelled"
    assert orders_table(env, at(2026, 5, 20))[0]["overdue"] is False


def test_status_moved_back_withdraws_later_milestones(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 6))
    new_order(env, at(2026, 4, 30, 10))
    apply_edits(env, [edit("status", "Confirmed"), edit("deposit_received", Decimal("3000"))], at(2026, 5, 6))
    assert env.store.order(ORDER_NO).status == "Deposit received"
    apply_edits(env, [edit("status", "Confirmed", "Deposit received")], at(2026, 5, 7))
    order = env.store.order(ORDER_NO)
    assert order.status == "Confirmed" and set(order.facts["milestones"]) == {"confirmed"}
    withdrawn = [json.loads(r.detail) for r in env.store.events(ORDER_NO) if r.kind == "milestone_withdrawn"]
    assert withdrawn == [{"milestones": ["deposit_received"], "status": "Confirmed"}]


def test_mailflow_columns_and_unknown_statuses_are_not_taken_from_the_tracker(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 5, 6))
    new_order(env, at(2026, 4, 30, 10))
    apply_edits(env, [edit("deposit_due", Decimal("1")), edit("status", "Done!", "Received")], at(2026, 5, 6))
    order = env.store.order(ORDER_NO)
    assert "deposit_due" not in order.facts and order.status == "Received"
    assert reviews(env) == ["Status 'Done!' is not one of the tracker's statuses; left as Received"]


def test_disabled_notice_never_goes_and_missing_role_is_held(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    env.config.notices.enabled["review_request"] = False
    env.config.company.staff.account_manager = []
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 5, 6, 9))
    assert [k for k, _t, _d in notices(env)] == ["order_ack"]
    assert reviews(env) == ["reply due reminder has no recipient: set company.staff.account_manager in config.yaml"]
    env.config.company.staff.account_manager = ["am@example.com"]
    advance(env, at(2026, 5, 6, 10))  # fixed: it goes on the next run, still once
    advance(env, at(2026, 5, 6, 11))
    assert [k for k, _t, _d in notices(env)] == ["order_ack", "reply_due_reminder"]
    assert reviews(env) == []  # ...and its Review row is done, in the same commit
    (done,) = env.store.reviews(status="done")
    assert done.key == f"workflow:{ORDER_NO}:reply_due_reminder:no-recipient"
    assert done.done_at == "2026-05-06T10:00:00+08:00"


def _fix(env, **changes):
    with env.store.transaction():
        env.store.save_order(env.store.order(ORDER_NO).with_(**changes), at(2026, 4, 30, 10))


def test_held_notices_close_their_review_rows_once_they_go(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10), customer_email=None, total=None)
    advance(env, at(2026, 4, 30, 10))
    assert [k for k, _t, _d in notices(env)] == ["review_request"]
    assert reviews(env) == ["no customer email address: order ack cannot go"]
    advance(env, at(2026, 4, 30, 11))  # still missing: the row stays open, once
    assert reviews(env) == ["no customer email address: order ack cannot go"]

    _fix(env, customer_email="buyer@acme.test")
    advance(env, at(2026, 4, 30, 12))
    assert [k for k, _t, _d in notices(env)] == ["review_request", "order_ack"]
    assert reviews(env) == []
    apply_edits(env, [edit("status", "Confirmed", "Received")], at(2026, 5, 6, 15))
    assert reviews(env) == ["order total unknown: deposit request needs the amount"]
    assert "deposit_request" not in [k for k, _t, _d in notices(env)]

    _fix(env, total=Decimal("10000.00"))
    advance(env, at(2026, 5, 7, 9))
    assert "deposit_request" in [k for k, _t, _d in notices(env)]
    assert reviews(env) == []
    done = {r.key: r.done_at for r in env.store.reviews(status="done")}
    assert done == {
        f"workflow:{ORDER_NO}:no-email": "2026-04-30T12:00:00+08:00",
        f"workflow:{ORDER_NO}:no-total": "2026-05-07T09:00:00+08:00",
    }
    closed = [(json.loads(r.detail)["notice"], r.cause) for r in env.store.events(ORDER_NO) if r.kind == "review_done"]
    assert closed == [("order_ack", "timer"), ("deposit_request", "timer")]


def test_views_list_orders_and_one_timeline(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 4, 30, 10))
    (row,) = orders_table(env, at(2026, 5, 8))
    assert row["order_no"] == ORDER_NO and row["status"] == "Received"
    assert row["due"] == "2026-05-07" and row["overdue"] is True
    assert orders_table(env, at(2026, 5, 7))[0]["overdue"] is False
    timeline = order_timeline(env, ORDER_NO)
    assert [e["event"] for e in timeline["events"]] == ["order_received", "notice_queued", "notice_queued"]
    assert [n["notice"] for n in timeline["notices"]] == ["order_ack", "review_request"]
    assert {d["document"] for d in timeline["documents"]} == {"order_form", "review_form"}
    json.dumps(timeline)  # the --json output needs plain values


def test_scheduler_traps_job_errors_and_records_them(tmp_path):
    env = open_env(tmp_path, at(2026, 5, 6))
    ran = []

    def boom(env, now):
        raise RuntimeError("template broken")

    jobs = [scheduler.Job("bad", 1, boom), scheduler.Job("good", 1, lambda env, now: ran.append(now))]
    sched = scheduler.build(env, jobs)
    assert isinstance(sched, schedule.Scheduler) and sched is not schedule.default_scheduler
    sched.run_all()  # would raise out of run_all without the trap
    assert ran == [at(2026, 5, 6)]
    assert env.store.get_status("job:bad") == {
        "last_run": "2026-05-06T09:00:00+08:00",
        "ok": False,
        "last_error": "RuntimeError: template broken",
    }
    assert env.store.get_status("job:good")["ok"] is True
    assert len(scheduler.build(env).jobs) == 1  # the default: the workflow timers


def test_the_outbox_sees_the_amounts_and_deadlines_it_prints(tmp_path, monkeypatch):
    from helpers.workflow import standin_generate, standin_generate_many, standin_queue
    from mailflow.workflow import engine

    seen = {}

    def queue(env, notice, now):
        stored = env.store.order(notice.order_no)  # what the real outbox renders from
        seen[notice.kind] = {k: stored.facts.get(k) for k in ("deposit_due", "balance_due", "next_due")}
        return standin_queue(env, notice, now)

    monkeypatch.setattr(engine, "queue_notice", queue)
    monkeypatch.setattr(engine, "generate_document", standin_generate)
    monkeypatch.setattr(engine, "generate_documents", standin_generate_many)
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 5, 6, 9))
    assert seen["reply_due_reminder"]["next_due"] == "2026-05-07"
    apply_edits(
        env,
        [
            edit("status", "Confirmed"),
            edit("deposit_received", Decimal("2500")),
            edit("production_complete", D(2026, 6, 16)),
            edit("inspection_result", "Passed"),
        ],
        at(2026, 6, 18, 10),
    )
    assert seen["balance_notice"]["balance_due"] == "7500.00"


def test_events_carry_their_cause(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 4, 30, 10), [ORDER_NO])  # the pipeline, right after the PO email
    advance(env, at(2026, 5, 6, 9))  # the timer
    apply_edits(env, [edit("status", "Confirmed", "Received")], at(2026, 5, 6, 15))
    causes = [
        (json.loads(r.detail)["notice"], r.cause) for r in env.store.events(ORDER_NO) if r.kind == "notice_queued"
    ]
    assert causes == [
        ("order_ack", "email"),
        ("review_request", "email"),
        ("reply_due_reminder", "timer"),
        ("order_confirmation", "tracker"),
        ("deposit_request", "tracker"),
        ("production_plan_reminder", "tracker"),
    ]


def test_dry_run_says_what_would_go_and_writes_nothing(tmp_path, standins):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    new_order(env, at(2026, 4, 30, 10))
    env.dry_run = True
    would = advance(env, at(2026, 5, 6, 9))
    assert [n.kind for n in would] == ["order_ack", "review_request", "reply_due_reminder"]
    assert notices(env) == [] and [r.kind for r in env.store.events(ORDER_NO)] == ["order_received"]
