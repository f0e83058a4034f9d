"""A workspace with an outbox, one order and its notices, for the outbox and transport tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml

from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env
from mailflow.model import Notice, Order, OrderLine
from mailflow.store import Store


NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
REPO = Path(__file__).resolve().parents[2]


def make_env(workspace: Path, **outbox_settings) -> Env:
    """A workspace with config.yaml on disk (subprocesses load the same file), and its Env."""
    mailbox = outbox_settings.pop("mailbox", None)
    data = {"outbox": {"from_address": "orders@example.com", "from_name": "Order Desk", **outbox_settings}}
    if mailbox:
        data["mailbox"] = mailbox
    workspace.mkdir(parents=True, exist_ok=True)
    (workspace / "config.yaml").write_text(yaml.safe_dump(data))
    config = config_mod.load(workspace / "config.yaml")
    env = Env(config=config, store=Store(config.path(config.workspace.state_db)),
              archive=Archive(config.path(config.workspace.archive)))  # fmt: skip
    env.store.save_order(ORDER, NOW)
    return env


ORDER = Order(
    order_no="SO-2026-0007", po_number="NW-4411", customer="Northwind Traders",
    received_at=NOW, customer_email="buyer@northwind.test", currency="USD", total=Decimal("5400"),
    lines=[OrderLine("NW-1", "Gear housing", Decimal("200"), "pcs", Decimal("27"), Decimal("5400"))],
)  # fmt: skip


def notice(kind: str = "order_ack", trigger: str = "received", **kw) -> Notice:
    return Notice(ORDER.order_no, kind, trigger, ("buyer@northwind.test",), cc=("am@example.com",),
                  in_reply_to="<po-4411@northwind.test>", references=("<po-4411@northwind.test>",), **kw)  # fmt: skip


def row(env: Env, key: str):
    return env.store.conn.execute("SELECT * FROM outbox WHERE key = ?", (key,)).fetchone()
