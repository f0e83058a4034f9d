"""A timer pass that had nothing to do is not repeated until something it reads moves.

The daemon runs the timers every cycle (a cycle a minute with no mail); at 2,000 open orders a
pass over them took about a second each time. A pass reads only the store, the local day, the
configuration and which orders wait for the documents stage, so one that wrote nothing leaves
the next nothing to do until one of those moves. Each test below moves one of them — most from
another connection, as another process (``mailflow`` on the command line) would — and checks
that the next pass does what a process without that memory does: the notices that became due
are queued, and a fresh process's pass finds nothing left."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from mailflow.customers import BLOCKED, CONFIRMED, Customer
from mailflow.errors import MailflowError, OutboxError
from mailflow.model import Payment
from mailflow.store import Store
from mailflow.workflow import engine
from mailflow.workflow.engine import advance

from helpers.workflow import ORDER_NO, at, new_order, open_env, standin_queue, timers_looking
from helpers.workflow import standins  # noqa: F401 - a fixture

FRIDAY = at(2026, 5, 8, 15)  # the day before the make-up Saturday 9 May (a working day)


def orders_read(env, now, **kwargs) -> tuple[list, int]:
    """``advance`` as the timers run it: what it queued, and how many orders it looked at."""
    with timers_looking() as looked:
        queued = advance(env, now, **kwargs)
    return [n.kind for n in queued], len(looked)


def until_quiet(env, now) -> list[str]:
    """Passes at ``now`` until one is skipped: what they queued. (A pass may make the next one
    due: a payment reaches a milestone in one, and the notice it brings goes in the next.)"""
    queued: list[str] = []
    for _ in range(5):
        kinds, reads = orders_read(env, now)
        if not reads:
            return queued
        queued += kinds
    raise AssertionError(f"no pass was skipped; queued {queued}")


def nothing_left(tmp_path, now) -> bool:
    """A process that never ran a pass (no memory of one) finds nothing to do."""
    env = open_env(tmp_path, now)
    try:
        before = env.store.conn.total_changes
        return advance(env, now) == [] and env.store.conn.total_changes == before
    finally:
        env.close()


def settled(tmp_path, now, **order):
    """A workspace with one order whose timers have done all they had to do at ``now``: the
    first pass does it, the second finds nothing and is remembered."""
    env = open_env(tmp_path, now)
    new_order(env, now, **order)
    advance(env, now)
    assert orders_read(env, now) == ([], 1)
    return env


def test_a_pass_with_nothing_to_do_is_not_repeated(tmp_path, standins):
    env = settled(tmp_path, FRIDAY)
    assert [kind for kind, _ in env.store.notice_dates(ORDER_NO).items()] == [
        f"{ORDER_NO}:order_ack:received",
        f"{ORDER_NO}:review_request:received",
    ]
    assert orders_read(env, at(2026, 5, 8, 18)) == ([], 0)  # later the same day: not read at all
    assert orders_read(env, at(2026, 5, 8, 23, 59)) == ([], 0)
    assert nothing_left(tmp_path, at(2026, 5, 8, 23, 59))


def test_the_next_day_brings_a_full_pass(tmp_path, standins):
    env = settled(tmp_path, FRIDAY)
    assert orders_read(env, at(2026, 5, 9, 0, 1)) == (["reply_due_reminder"], 1)
    assert nothing_left(tmp_path, at(2026, 5, 9, 0, 1))


def test_an_order_changed_by_another_process(tmp_path, standins):
    env = settled(tmp_path, FRIDAY, customer_email="")  # nobody to write to: the customer's notices wait
    assert f"{ORDER_NO}:order_ack:received" not in env.store.notice_dates(ORDER_NO)
    other = Store(env.store.path)
    other.save_order(other.order(ORDER_NO).with_(customer_email="buyer@acme.test"), FRIDAY)
    other.close()
    assert orders_read(env, at(2026, 5, 8, 16)) == (["order_ack"], 1)
    assert nothing_left(tmp_path, at(2026, 5, 8, 16))


def test_after_a_quiet_pass_only_the_orders_a_change_touched_are_looked_at(tmp_path, standins):
    """A cycle with mail, a staff edit or a payment moves a few orders: the pass looks at those;
    the next day, or another customer master, brings every open order again."""
    env = open_env(tmp_path, FRIDAY)
    numbers = [f"SO-2026-000{i}" for i in range(1, 5)]
    for i, number in enumerate(numbers, start=1):
        new_order(env, FRIDAY, order_no=number, po_number=f"PO-44{i}", archive_dir=f"Acme GmbH/{number}")
    assert orders_read(env, FRIDAY)[1] == 4
    assert orders_read(env, FRIDAY) == ([], 4)  # the first pass with nothing to do
    assert orders_read(env, FRIDAY) == ([], 0)
    other = Store(env.store.path)
    other.save_order(other.order(numbers[2]).with_(customer_email="orders@acme.test"), FRIDAY)
    other.save_payment(Payment(numbers[3], "deposit", Decimal("3000.00"), "USD", dt.date(2026, 5, 8)), FRIDAY)
    other.close()
    _kinds, looked = orders_read(env, at(2026, 5, 8, 16))
    assert looked == 2
    assert until_quiet(env, at(2026, 5, 8, 16)) == ["production_handoff"]  # the paid order's, a pass later
    assert nothing_left(tmp_path, at(2026, 5, 8, 16))
    env.store.save_customer(Customer("C-0001", "Other Ltd"), FRIDAY)  # another customer master
    assert orders_read(env, at(2026, 5, 8, 17)) == ([], 4)
    kinds, looked = orders_read(env, at(2026, 5, 9, 9))  # the next day
    assert looked == 4 and kinds == ["reply_due_reminder"] * 3  # the paid order has gone past it
    assert nothing_left(tmp_path, at(2026, 5, 9, 9))


def test_the_customer_master_changed_by_another_process(tmp_path, standins):
    env = open_env(tmp_path, FRIDAY)
    acme = Customer("C-0001", "Acme GmbH", status=BLOCKED, contact_email="buyer@acme.test")
    env.store.save_customer(acme, FRIDAY)
    new_order(env, FRIDAY)
    advance(env, FRIDAY)
    assert orders_read(env, FRIDAY) == ([], 1)
    assert orders_read(env, FRIDAY) == ([], 0)
    assert f"{ORDER_NO}:order_ack:received" not in env.store.notice_dates(ORDER_NO)  # held: customer blocked
    other = Store(env.store.path)
    other.save_customer(acme.with_(status=CONFIRMED), FRIDAY)  # staff on the Customers sheet
    other.close()
    assert "order_ack" in until_quiet(env, at(2026, 5, 8, 16))
    assert nothing_left(tmp_path, at(2026, 5, 8, 16))


def test_a_payment_recorded_by_another_process(tmp_path, standins):
    env = settled(tmp_path, FRIDAY)
    assert not env.store.order(ORDER_NO).facts.get("deposit_received")
    other = Store(env.store.path)
    other.save_payment(Payment(ORDER_NO, "deposit", Decimal("3000.00"), "USD", dt.date(2026, 5, 8)), FRIDAY)
    other.close()
    assert until_quiet(env, at(2026, 5, 8, 16)) == ["production_handoff"]  # QC and engineering told
    assert Decimal(env.store.order(ORDER_NO).facts["deposit_received"]) == Decimal("3000.00")
    assert nothing_left(tmp_path, at(2026, 5, 8, 16))


def test_another_configuration_brings_a_full_pass(tmp_path, standins):
    """The daemon's reload opens a new store; a configuration changed under the same one (an
    embedding program's) is another input all the same. An equal one is not."""
    env = open_env(tmp_path, FRIDAY)
    env.config.notices.enabled["order_ack"] = False
    new_order(env, FRIDAY)
    assert until_quiet(env, FRIDAY) == ["review_request"]
    same = dataclasses.replace(env, config=env.config.model_copy(deep=True))
    assert orders_read(same, at(2026, 5, 8, 16)) == ([], 0)
    changed = same.config.model_copy(deep=True)
    changed.notices.enabled["order_ack"] = True
    assert until_quiet(dataclasses.replace(env, config=changed), at(2026, 5, 8, 16)) == ["order_ack"]


def test_orders_joining_or_leaving_the_document_queue_are_looked_at(tmp_path, standins):
    env = settled(tmp_path, FRIDAY)
    assert orders_read(env, at(2026, 5, 8, 16), later={ORDER_NO}) == ([], 1)
    assert orders_read(env, at(2026, 5, 8, 16), later={ORDER_NO}) == ([], 0)
    assert orders_read(env, at(2026, 5, 8, 16)) == ([], 1)


def test_a_notice_that_could_not_be_composed_is_tried_on_every_pass(tmp_path, standins, monkeypatch):
    """What stops it may lie outside the store (its attachment gone from the archive, say):
    once that is mended the next pass sends it, as before passes were remembered."""
    broken = {"on": True}

    def composing(env, notice, now):
        if broken["on"] and notice.kind == "order_ack":
            raise OutboxError(f"notice {notice.key}: attachment x.pdf is not in the archive")
        return standin_queue(env, notice, now)

    monkeypatch.setattr(engine, "queue_notice", composing)
    env = open_env(tmp_path, FRIDAY)
    new_order(env, FRIDAY)
    assert orders_read(env, FRIDAY) == (["review_request"], 1)  # the acknowledgement held: a Review row
    assert orders_read(env, FRIDAY) == ([], 1)
    assert orders_read(env, at(2026, 5, 8, 16)) == ([], 1)  # looked at again, though nothing moved
    broken["on"] = False  # the file is back
    assert env.store.open_reviews(f"workflow:{ORDER_NO}:order_ack:compose")
    assert orders_read(env, at(2026, 5, 8, 17)) == (["order_ack"], 1)
    assert not env.store.open_reviews(f"workflow:{ORDER_NO}:order_ack:compose")  # done once it went
    assert until_quiet(env, at(2026, 5, 8, 17)) == []  # and no longer tried
    assert nothing_left(tmp_path, at(2026, 5, 8, 18))


def test_a_dry_run_is_never_remembered_nor_skipped(tmp_path, standins):
    """A dry run writes nothing and returns what would go: taken for a quiet pass, it would
    have kept the real pass after it from sending the reminder."""
    env = settled(tmp_path, FRIDAY)
    saturday = at(2026, 5, 9, 9)
    dry = dataclasses.replace(env, dry_run=True)
    assert orders_read(dry, saturday) == (["reply_due_reminder"], 1)
    assert orders_read(dry, saturday) == (["reply_due_reminder"], 1)
    assert orders_read(env, saturday) == (["reply_due_reminder"], 1)


def test_a_pass_inside_a_transaction_is_not_remembered(tmp_path, standins):
    """Rolled back, the transaction may bring a revision number back with other content."""
    env = open_env(tmp_path, FRIDAY)
    new_order(env, FRIDAY)
    advance(env, FRIDAY)
    with env.store.transaction():
        assert orders_read(env, FRIDAY) == ([], 1)
    assert orders_read(env, FRIDAY) == ([], 1)  # the first pass outside one
    assert orders_read(env, FRIDAY) == ([], 0)


def test_a_failing_pass_is_not_remembered(tmp_path, standins, monkeypatch):
    env = settled(tmp_path, FRIDAY)
    real = engine._advance_order
    broken = {"on": True}

    def flaky(*args, **kwargs):
        if broken["on"]:
            raise RuntimeError("template missing")
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_advance_order", flaky)
    saturday = at(2026, 5, 9, 9)
    try:
        advance(env, saturday)
    except MailflowError as exc:
        assert "template missing" in str(exc)
    else:
        raise AssertionError("the failure was not reported")
    broken["on"] = False
    assert orders_read(env, saturday) == (["reply_due_reminder"], 1)


def test_every_day_of_a_month_queues_what_a_fresh_process_would(tmp_path, standins):
    """The whole procedure with passes every three hours: whatever a pass skipped, a process
    without memory of it finds nothing left to do."""
    env = open_env(tmp_path, FRIDAY)
    new_order(env, FRIDAY)
    day = FRIDAY.date()
    skipped = 0
    while day <= dt.date(2026, 6, 8):
        for hour in range(0, 24, 3):
            now = at(day.year, day.month, day.day, hour)
            _kinds, reads = orders_read(env, now)
            skipped += reads == 0
        assert nothing_left(tmp_path, at(day.year, day.month, day.day, 23, 59)), day
        day += dt.timedelta(days=1)
    assert skipped > 100
