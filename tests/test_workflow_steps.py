"""The pure core: due(order, sent, now, calendar, config) on plain values, no store, no clock."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from mailflow.config import Config
from mailflow.model import Order
from mailflow.workflow import steps
from mailflow.workflow.calendar import WorkingCalendar
from mailflow.workflow.steps import Close, FileDocument, Hold, SendNotice

SH = ZoneInfo("Asia/Shanghai")
D = dt.date


def at(y, m, d, h=9):
    return dt.datetime(y, m, d, h, tzinfo=SH)


@pytest.fixture(scope="module")
def cal():
    return WorkingCalendar(Config().calendar)


@pytest.fixture
def config():
    config = Config()
    config.company.bank_details = "Bank of China, Dongguan Branch\nAccount 1234 5678"  # payment requests need it
    return config


def order(**facts):
    return Order(
        "SO-2026-0001",
        "PO-1",
        "Acme",
        at(2026, 4, 30, 10),
        customer_email="buyer@acme.test",
        total=Decimal("10000.00"),
        currency="USD",
        facts=facts,
    )


def reached(**days):
    return {"milestones": {name: {"on": day.isoformat(), "via": "status"} for name, day in days.items()}}


def kinds(actions):
    return sorted(a.kind for a in actions if isinstance(a, SendNotice))


def key(kind, trigger):
    return f"SO-2026-0001:{kind}:{trigger}"


def first_day(kind, o, cal, config, start, sent=None, days=20):
    """The first local day (09:00) ``kind`` is due, walking forward from ``start``."""
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        if kind in kinds(steps.due(o, sent or {}, at(day.year, day.month, day.day), cal, config)):
            return day
    return None


def test_receipt_before_golden_week(cal, config):
    o = order()
    assert kinds(steps.due(o, {}, at(2026, 4, 30, 11), cal, config)) == ["order_ack", "review_request"]
    sent = {key("order_ack", "received"): D(2026, 4, 30), key("review_request", "received"): D(2026, 4, 30)}
    assert first_day("reply_due_reminder", o, cal, config, D(2026, 4, 30), sent) == D(2026, 5, 6)
    assert first_day("reply_overdue_escalation", o, cal, config, D(2026, 4, 30), sent) == D(2026, 5, 8)
    late = [a for a in steps.due(o, sent, at(2026, 5, 8), cal, config) if a.kind == "reply_overdue_escalation"][0]
    assert late.context["deadline"] == D(2026, 5, 7) and late.due_on == D(2026, 5, 8)


def test_the_makeup_saturday_counts(cal, config):
    o = order().with_(received_at=at(2026, 5, 8, 15))
    assert first_day("reply_due_reminder", o, cal, config, D(2026, 5, 8)) == D(2026, 5, 9)
    assert first_day("reply_overdue_escalation", o, cal, config, D(2026, 5, 8)) == D(2026, 5, 12)


def test_received_late_in_the_evening_utc_is_the_next_local_day(cal, config):
    o = order().with_(received_at=dt.datetime(2026, 5, 7, 17, 30, tzinfo=dt.timezone.utc))  # 01:30 8 May
    assert first_day("reply_due_reminder", o, cal, config, D(2026, 5, 7)) == D(2026, 5, 9)


def test_confirmation_sends_the_order_form_and_asks_for_the_deposit(cal, config):
    o = order(**reached(confirmed=D(2026, 5, 6)))
    actions = steps.due(o, {key("order_ack", "received"): D(2026, 4, 30)}, at(2026, 5, 6, 15), cal, config)
    # The confirmation goes now, so the reply reminder due today does not cross it in the mail.
    assert kinds(actions) == ["deposit_request", "order_confirmation", "production_plan_reminder"]
    # Queued (waiting in Drafts, say) but not sent: the reply clock still runs.
    waiting = {key("order_ack", "received"): D(2026, 4, 30), key("order_confirmation", "confirmed"): D(2026, 5, 6)}
    assert "reply_due_reminder" in kinds(steps.due(o, waiting, at(2026, 5, 7, 9), cal, config))
    assert [a.attach for a in actions if a.kind == "order_confirmation"] == ["order_form"]
    sent = o.with_(facts={**o.facts, "confirmation_sent": "2026-05-06"})
    assert kinds(steps.due(sent, {key("order_ack", "received"): D(2026, 4, 30)}, at(2026, 5, 6, 15), cal, config)) == [
        "deposit_request",
        "order_confirmation",
        "production_plan_reminder",
    ]
    request = [a for a in actions if a.kind == "deposit_request"][0]
    assert request.context["deposit_due"] == Decimal("3000.00")
    plan = [a for a in actions if a.kind == "production_plan_reminder"][0]
    assert plan.context["plan_due"] == D(2026, 5, 8)


def test_deposit_reminder_counts_from_the_request_and_goes_once(cal, config):
    o = order(**reached(confirmed=D(2026, 5, 6)))
    sent = {
        key("deposit_request", "confirmed"): D(2026, 5, 7),
        key("production_plan_reminder", "confirmed"): D(2026, 5, 7),
        key("order_ack", "received"): D(2026, 4, 30),
        key("order_confirmation", "confirmed"): D(2026, 5, 7),
    }
    o = o.with_(facts={**o.facts, "confirmation_sent": "2026-05-07", "plan_date": "2026-05-07"})
    assert first_day("deposit_reminder", o, cal, config, D(2026, 5, 7), sent) == D(2026, 5, 10)
    # The escalation waits for the reminder, then goes the next working day (Sunday → Monday).
    assert first_day("deposit_overdue_escalation", o, cal, config, D(2026, 5, 7), sent) is None
    sent[key("deposit_reminder", "confirmed")] = D(2026, 5, 10)
    assert first_day("deposit_overdue_escalation", o, cal, config, D(2026, 5, 7), sent) == D(2026, 5, 11)
    sent[key("deposit_overdue_escalation", "confirmed")] = D(2026, 5, 11)
    assert kinds(steps.due(o, sent, at(2026, 6, 30), cal, config)) == []
    paid = order(deposit_received="3000", **reached(confirmed=D(2026, 5, 6), deposit_received=D(2026, 5, 8)))
    assert "deposit_reminder" not in kinds(steps.due(paid, {}, at(2026, 5, 20), cal, config))


def test_pre_assembly_notice_ten_days_ahead_and_rearmed_by_a_move(cal, config):
    o = order(assembly_date="2026-06-20", **reached(confirmed=D(2026, 5, 6), deposit_received=D(2026, 5, 8)))
    sent = {key(k, "confirmed"): D(2026, 5, 6) for k in ("deposit_request", "production_plan_reminder")}
    assert first_day("pre_assembly_notice", o, cal, config, D(2026, 6, 1), sent) == D(2026, 6, 10)
    sent[key("pre_assembly_notice", "2026-06-20")] = D(2026, 6, 10)
    moved = order(assembly_date="2026-06-27", **reached(confirmed=D(2026, 5, 6), deposit_received=D(2026, 5, 8)))
    (notice,) = [
        a
        for a in steps.due(moved, sent, at(2026, 6, 12), cal, config)
        if isinstance(a, SendNotice) and a.kind == "pre_assembly_notice"
    ]
    assert (notice.kind, notice.trigger, notice.due_on) == ("pre_assembly_notice", "2026-06-27", D(2026, 6, 12))
    assert notice.context["replaces"] == D(2026, 6, 20)


def test_moved_before_the_first_notice_went_keeps_the_schedule(cal, config):
    o = order(assembly_date="2026-06-27", **reached(confirmed=D(2026, 5, 6), deposit_received=D(2026, 5, 8)))
    sent = {key(k, "confirmed"): D(2026, 5, 6) for k in ("deposit_request", "production_plan_reminder")}
    assert first_day("pre_assembly_notice", o, cal, config, D(2026, 6, 1), sent, days=30) == D(2026, 6, 17)


def test_balance_is_total_minus_deposit_received(cal, config):
    o = order(
        deposit_received="3000.00",
        inspection_result="Passed",
        **reached(
            confirmed=D(2026, 5, 6),
            deposit_received=D(2026, 5, 8),
            production_complete=D(2026, 6, 25),
            inspection_passed=D(2026, 6, 28),
        ),
    )
    (balance,) = [a for a in steps.due(o, {}, at(2026, 6, 28), cal, config) if a.kind == "balance_notice"]
    assert balance.context["balance_due"] == Decimal("7000.00")
    assert steps.amounts(o, config) == {"deposit_due": Decimal("3000.00"), "balance_due": Decimal("7000.00")}


def test_balance_received_then_shipped_then_closed(cal, config):
    paid = {"deposit_received": "3000", "balance_received": "7000"}
    o = order(**paid, **reached(confirmed=D(2026, 5, 6), balance_received=D(2026, 7, 1)))
    assert kinds(steps.due(o, {}, at(2026, 7, 1), cal, config)) == ["invoice_request", "shipping_approval_request"]
    approved = o.with_(
        facts={**o.facts, "sales_director_approved": "2026-07-02", "finance_director_approved": "2026-07-02"}
    )
    assert "pickup_notice" in kinds(steps.due(approved, {}, at(2026, 7, 2), cal, config))
    shipped = order(**paid, **reached(confirmed=D(2026, 5, 6), balance_received=D(2026, 7, 1), shipped=D(2026, 7, 3)))
    actions = steps.due(
        shipped, {key("invoice_request", "balance_received"): D(2026, 7, 1)}, at(2026, 7, 3), cal, config
    )
    assert FileDocument("delivery_note", "shipped") in actions
    assert not any(isinstance(a, Close) for a in actions)
    assert Close(D(2026, 8, 2)) in steps.due(shipped, set(), at(2026, 8, 2), cal, config)


def test_needs_review_holds_everything_then_catches_up_marked_late(cal, config):
    o = order().with_(needs_review=True)
    assert steps.derive_status(o) == "Needs review"
    assert steps.due(o, {}, at(2026, 5, 11), cal, config) == []
    cleared = order(review_cleared="2026-05-11")
    actions = steps.due(cleared, {}, at(2026, 5, 11), cal, config)
    assert kinds(actions) == ["order_ack", "reply_due_reminder", "reply_overdue_escalation", "review_request"]
    reminder = [a for a in actions if a.kind == "reply_due_reminder"][0]
    assert reminder.context["late"] and reminder.context["reply_overdue"]
    assert reminder.context["reply_due"] == D(2026, 5, 7)


def test_disabled_notice_and_missing_email_and_total(cal, config):
    config.notices.enabled["review_request"] = False
    assert kinds(steps.due(order(), {}, at(2026, 4, 30), cal, config)) == ["order_ack"]
    no_email = order().with_(customer_email=None)
    actions = steps.due(no_email, {}, at(2026, 4, 30), cal, config)
    assert kinds(actions) == [] and any(isinstance(a, Hold) and a.key.endswith("no-email") for a in actions)
    no_total = order(**reached(confirmed=D(2026, 5, 6))).with_(total=None)
    actions = steps.due(no_total, {}, at(2026, 5, 6), cal, config)
    assert "deposit_request" not in kinds(actions) and any(isinstance(a, Hold) for a in actions)


def test_status_follows_the_last_milestone(cal, config):
    assert steps.derive_status(order()) == "Received"
    assert (
        steps.derive_status(order(**reached(confirmed=D(2026, 5, 6), deposit_received=D(2026, 5, 7))))
        == "Deposit received"
    )
    failed = order(inspection_result="Failed", **reached(production_complete=D(2026, 6, 25)))
    assert steps.derive_status(failed) == "Inspection failed"
    assert steps.derive_status(order(cancelled="2026-05-06")) == "Cancelled"
    assert steps.due(order(cancelled="2026-05-06"), {}, at(2026, 5, 6), cal, config) == []


def test_next_step_shows_the_deadline(cal, config):
    assert steps.next_step(order(), {}, at(2026, 4, 30), cal, config)[1] == D(2026, 5, 7)
    confirmed = order(**reached(confirmed=D(2026, 5, 6)))
    assert steps.next_step(
        confirmed, {key("deposit_request", "confirmed"): D(2026, 5, 6)}, at(2026, 5, 6), cal, config
    )[1] == D(2026, 5, 9)


def test_proposed_dates_in_a_reply():
    today = D(2026, 6, 1)
    text = "We can come on 2026-06-10 or 12 June 2026; 上次验货 2026年5月3日。也可以 2026年6月15日"
    assert steps.proposed_dates(text, today) == [D(2026, 6, 10), D(2026, 6, 12), D(2026, 6, 15)]
    assert steps.proposed_dates("no date here", today) == []


def test_payment_requests_without_bank_details_are_held_with_one_review_key(cal, config):
    config.company.bank_details = ""
    confirmed = order(**reached(confirmed=D(2026, 5, 6)))
    actions = steps.due(confirmed, {}, at(2026, 5, 6), cal, config)
    holds = [a for a in actions if isinstance(a, Hold)]
    assert "deposit_request" not in kinds(actions) and "production_plan_reminder" in kinds(actions)
    assert [h.key for h in holds] == ["workflow:SO-2026-0001:deposit_request:no-config"]
    assert "company.bank_details" in holds[0].reason
    assert holds[0].key in steps.hold_keys("SO-2026-0001", "deposit_request", "customer")  # closes when it goes
    config.company.bank_details = "Bank of China\nAccount 1"
    request = [a for a in steps.due(confirmed, {}, at(2026, 5, 6), cal, config) if a.kind == "deposit_request"][0]
    assert request.context["pay_by"] == D(2026, 5, 9)  # the request's day + deposit_due (3 calendar)
