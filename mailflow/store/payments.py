"""Payments as facts (table ``payments``): one row per payment on an order, with its amount, the
day it arrived and the bank's reference (``mailflow.model.Payment``). Staff keep them on the
tracker's Payments sheet; ``workflow.payments`` decides what counts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from typing import Any

from ..model import Payment
from .database import Database, iso

_COLUMNS = (
    "order_no",
    "kind",
    "amount",
    "currency",
    "paid_on",
    "reference",
    "source",
    "status",
    "note",
    "message_id",
    "review_key",
)


class Payments(Database):
    def payments(self, order_no: str) -> list[Payment]:
        """The order's payments in the order they were recorded (every status)."""
        rows = self.conn.execute("SELECT * FROM payments WHERE order_no = ? ORDER BY id", (order_no,))
        return [_payment(row) for row in rows]

    def payment(self, payment_id: int) -> Payment | None:
        row = self.conn.execute("SELECT * FROM payments WHERE id = ?", (payment_id,)).fetchone()
        return _payment(row) if row else None

    def live_payments(self) -> list[Payment]:
        """The payments the live tracker's Payments sheet shows: those of orders not archived."""
        rows = self.conn.execute(
            "SELECT * FROM payments WHERE order_no NOT IN"
            " (SELECT order_no FROM orders WHERE archived IS NOT NULL) ORDER BY id"
        )
        return [_payment(row) for row in rows]

    def archived_payment_refs(self) -> set[str]:
        """The Payments sheet's row keys (P-00001) of the payments of archived orders."""
        rows = self.conn.execute(
            "SELECT id FROM payments WHERE order_no IN (SELECT order_no FROM orders WHERE archived IS NOT NULL)"
        )
        return {Payment(order_no="", kind="", amount=None, id=row[0]).ref for row in rows}

    def save_payment(self, payment: Payment, now: dt.datetime) -> Payment:
        """Insert a new payment (``id`` None) or update one; returns it with its id."""
        values = [_value(getattr(payment, name)) for name in _COLUMNS]
        if payment.id is None:
            cur = self.conn.execute(
                f"INSERT INTO payments ({', '.join(_COLUMNS)}, created_at, updated_at)"
                f" VALUES ({', '.join('?' * len(values))}, ?, ?)",
                (*values, iso(now), iso(now)),
            )
            return payment.with_(id=cur.lastrowid)
        self.conn.execute(
            f"UPDATE payments SET {', '.join(f'{n} = ?' for n in _COLUMNS)}, updated_at = ? WHERE id = ?",
            (*values, iso(now), payment.id),
        )
        return payment


def _payment(row: sqlite3.Row) -> Payment:
    return Payment(
        order_no=row["order_no"],
        kind=row["kind"],
        amount=Decimal(row["amount"]) if row["amount"] not in (None, "") else None,
        currency=row["currency"],
        paid_on=dt.date.fromisoformat(row["paid_on"][:10]) if row["paid_on"] else None,
        reference=row["reference"],
        source=row["source"],
        status=row["status"],
        note=row["note"],
        message_id=row["message_id"],
        review_key=row["review_key"],
        id=row["id"],
    )


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
