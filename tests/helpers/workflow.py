"""Orders through the workflow with ``now`` jumping day by day: a workspace at a given time, a
new order, the notices queued, staff edits, and stand-ins for the outbox and the document
generator (``standins``: the same outbox table and UNIQUE key as the real one, no SMTP, no Word),
so that a test is about the workflow alone."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env, fixed_clock
from mailflow.model import Notice, Order, StaffEdit
from mailflow.store import Store, dumps, iso
from mailflow.workflow import engine
from mailflow.workflow.engine import advance


SH = ZoneInfo("Asia/Shanghai")
D = dt.date
ORDER_NO = "SO-2026-0001"


def at(y, m, d, h=9, minute=0):
    return dt.datetime(y, m, d, h, minute, tzinfo=SH)


# --------------------------------------------------------------------------- stand-ins


def standin_queue(env: Env, notice: Notice, now: dt.datetime) -> bool:
    """The outbox contract: recorded once per key, False when the key is already there. The
    stand-in sends at once (``sent_at`` is the time it was queued)."""
    cur = env.store.conn.execute(
        "INSERT INTO outbox (key, order_no, kind, message_id, transport, recipients, subject, eml, status,"
        " created_at, sent_at) VALUES (?, ?, ?, ?, 'file', ?, ?, ?, 'sent', ?, ?) ON CONFLICT (key) DO NOTHING",
        (
            notice.key,
            notice.order_no,
            notice.kind,
            f"<{notice.key}@test>",
            json.dumps(list(notice.to)),
            notice.kind,
            dumps(
                {"context": notice.context, "language": notice.language, "attachments": list(notice.attachments)}
            ).encode(),
            iso(now),
            iso(now),
        ),
    )
    return cur.rowcount == 1


def standin_generate(env: Env, order: Order, doc_kind: str, now: dt.datetime, extra=None, version=1) -> list[str]:
    rel = f"{order.archive_dir}/documents/{doc_kind}{f' v{version}' if version > 1 else ''}.docx"
    env.archive.put(rel, f"{doc_kind} for {order.order_no}".encode())
    return [rel]


def standin_generate_many(env: Env, jobs, now: dt.datetime) -> list[list[str]]:
    return [
        standin_generate(env, order, doc_kind, now, extra, version=version) for order, doc_kind, extra, version in jobs
    ]


STANDINS = """
from mailflow.workflow import engine
import helpers.workflow as s
engine.queue_notice = s.standin_queue
engine.generate_document = s.standin_generate
engine.generate_documents = s.standin_generate_many
"""


@pytest.fixture
def standins(monkeypatch):
    monkeypatch.setattr(engine, "queue_notice", standin_queue)
    monkeypatch.setattr(engine, "generate_document", standin_generate)
    monkeypatch.setattr(engine, "generate_documents", standin_generate_many)


@contextlib.contextmanager
def timers_looking() -> Iterator[list[str]]:
    """The numbers of the orders the workflow's timers look at while the block runs
    (``engine._advance_order`` with cause ``timer``), in turn; the own look of a staff edit or of
    a mail at its order is not counted."""
    looked: list[str] = []
    real = engine._advance_order

    def counted(env, order, now, calendar, cause, *args, **kwargs):
        if cause == "timer":
            looked.append(order.order_no)
        return real(env, order, now, calendar, cause, *args, **kwargs)

    engine._advance_order = counted
    try:
        yield looked
    finally:
        engine._advance_order = real


# --------------------------------------------------------------------------- workspace


def open_env(workspace: Path, now: dt.datetime) -> Env:
    config = config_mod.defaults(workspace)
    config.company.staff = config_mod.Staff(
        account_manager="am@example.com",
        sales_director="sd@example.com",
        finance_director="fd@example.com",
        pmc_manager="pmc@example.com",
        qc_manager="qc@example.com",
        engineering_manager="eng@example.com",
        marketing_director="md@example.com",
    )
    config.company.bank_details = "Bank of China, Dongguan Branch\nAccount 1234 5678"  # payment requests need it
    return Env(
        config=config,
        store=Store(workspace / "state" / "mailflow.db"),
        archive=Archive(workspace / "archive"),
        clock=fixed_clock(now),
    )


def new_order(env: Env, now: dt.datetime, **changes) -> Order:
    order = Order(
        ORDER_NO,
        "PO-4411",
        "Acme GmbH",
        now,
        customer_email="buyer@acme.test",
        language="zh",
        currency="USD",
        total=Decimal("10000.00"),
        archive_dir="Acme GmbH/SO-2026-0001 PO PO-4411",
    )
    order = order.with_(**changes)
    with env.store.transaction():
        env.store.save_order(order, now)
        env.store.add_event(now, "order_received", "email", order.order_no, {"po_number": order.po_number})
    return order


def notices(env: Env) -> list[tuple[str, str, dt.date]]:
    """(kind, trigger, local date queued) of every outbox row, in order."""
    rows = env.store.conn.execute("SELECT key, created_at FROM outbox ORDER BY id").fetchall()
    out = []
    for key, created in rows:
        _order, kind, trigger = key.split(":", 2)
        out.append((kind, trigger, dt.datetime.fromisoformat(created).astimezone(SH).date()))
    return out


def run_days(env: Env, start: dt.date, end: dt.date, hours=(0, 9, 18)) -> None:
    """The timer as the daemon would run it: several times a day, every day in [start, end]."""
    day = start
    while day <= end:
        for hour in hours:
            advance(env, at(day.year, day.month, day.day, hour))
        day += dt.timedelta(days=1)


def edit(field, new, old=None):
    return StaffEdit(ORDER_NO, field, old, new)


# --------------------------------------------------------------------------- scenarios
