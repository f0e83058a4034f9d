"""An order desk driven as staff drive it, for the procedure tests: a workspace made by
``mailflow init`` at a chosen ``now``, purchase orders and payment advices by mail, one real cycle
(``pipeline.run_once``) per step, tracker cells edited with openpyxl, and what the outbox wrote
read back as the customer would read it (``Desk``)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.archive import Archive
from mailflow.context import Env, fixed_clock
from mailflow.customers.master import add_customers
from mailflow.scaffold import create_workspace, deliver
from mailflow.store import Store


SH = ZoneInfo("Asia/Shanghai")
ORDER = "SO-2026-0001"


def at(m, d, h=9, y=2026):
    return dt.datetime(y, m, d, h, 0, tzinfo=SH)


def po_email(terms: str, quantity: int = 1234, price: str = "3.17") -> bytes:
    return (
        "From: Tom Baker <tom.baker@acme-robotics.example>\r\n"
        "To: Example Manufacturing Orders <orders@example.com>\r\n"
        "Subject: PO KT-00001\r\n"
        "Date: Mon, 23 Nov 2026 01:05:00 +0000\r\n"
        "Message-ID: <kt-00001@acme-robotics.example>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
        "Hi,\r\n\r\nPO number: KT-00001\r\nBuyer: Acme Robotics Inc.\r\n"
        f"Payment terms: {terms}\r\n\r\n"
        f"Please supply {quantity} pcs of HX-2040 at USD {price}, delivery by Jan 15, 2027.\r\n\r\n"
        "Thanks,\r\nTom Baker\r\nAcme Robotics Inc.\r\n"
    ).encode()


def advice_email(text: str) -> bytes:
    return (
        "From: Accounts <ap@acme-robotics.example>\r\n"
        "To: Example Manufacturing Orders <orders@example.com>\r\n"
        "Subject: Payment advice for PO KT-00001\r\n"
        "Date: Wed, 25 Nov 2026 02:00:00 +0000\r\n"
        "Message-ID: <pay-kt-00001@acme-robotics.example>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n'
        f"Dear Supplier,\r\n\r\nPayment advice: {text}\r\n\r\nAccounts Payable\r\nAcme Robotics Inc.\r\n"
    ).encode()


class Desk:
    """A workspace and the cycle run at a given time, as the daemon would."""

    def __init__(self, root: Path) -> None:
        self.root = root / "desk"
        create_workspace(self.root, now=at(11, 20))
        path = self.root / "config.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("  pdf: auto", "  pdf: never"), encoding="utf-8")
        self.config = config_mod.load(path)
        # The buyer is a customer staff confirmed (an unknown sender's notices would wait).
        store = Store(self.config.path(self.config.workspace.state_db))
        add_customers(store, [{"name": "Acme Robotics Inc.", "senders": ["acme-robotics.example"]}], at(11, 20))
        store.close()

    def run(self, now: dt.datetime) -> pipeline.CycleReport:
        env = Env(
            self.config,
            Store(self.config.path(self.config.workspace.state_db)),
            Archive(self.config.path(self.config.workspace.archive)),
            clock=fixed_clock(now),
        )
        try:
            report = pipeline.run_once(env)
        finally:
            env.close()
        assert not report.errors, report.errors
        return report

    def mail(self, raw: bytes, name: str) -> None:
        deliver(self.config.path(self.config.mailbox.maildir), raw, name)

    @property
    def tracker(self) -> Path:
        return self.config.path(self.config.workspace.tracker)

    def edit(self, **values) -> None:
        """Staff type into the order's row (headers with spaces as keyword names: Deposit_Received)."""
        wb = openpyxl.load_workbook(self.tracker)
        ws = wb["Orders"]
        cols = {c.value: c.column for c in ws[1] if c.value}
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, cols["Order No"]).value == ORDER)
        for header, value in values.items():
            ws.cell(row, cols[header.replace("_", " ")], value)
        wb.save(self.tracker)

    def cell(self, header: str, sheet: str = "Orders"):
        ws = openpyxl.load_workbook(self.tracker)[sheet]
        cols = {c.value: c.column for c in ws[1] if c.value}
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, cols["Order No"]).value == ORDER)
        return ws.cell(row, cols[header])

    def sent(self) -> dict[str, list[email.message.EmailMessage]]:
        """Every .eml the file outbox wrote, by notice kind."""
        out: dict[str, list] = {}
        folder = self.config.path(self.config.outbox.path)
        for path in sorted(folder.glob("*.eml")):
            msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            out.setdefault(msg["X-Mailflow-Notice"], []).append(msg)
        return out

    def kinds_sent(self) -> list[str]:
        return sorted(k for k, msgs in self.sent().items() for _ in msgs)

    def db(self, sql: str, args: tuple = ()):
        store = Store(self.config.path(self.config.workspace.state_db))
        try:
            return store.conn.execute(sql, args).fetchall()
        finally:
            store.close()

    def reviews(self, status: str = "open") -> list[str]:
        return [r[0] for r in self.db("SELECT reason FROM review WHERE status = ? AND order_no = ?", (status, ORDER))]

    def queued_on(self, kind: str) -> list[dt.date]:
        rows = self.db("SELECT created_at FROM outbox WHERE kind = ? ORDER BY id", (kind,))
        return [dt.datetime.fromisoformat(r[0]).astimezone(SH).date() for r in rows]


def body(msg) -> str:
    return msg.get_body(("plain",)).get_content()
