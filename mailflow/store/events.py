"""The event log (table ``events``): append-only (triggers refuse UPDATE and DELETE), every
change to an order with its cause (email | tracker | timer | cli | outbox)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Cause
from .database import Database, dumps, iso
from .records import Event, from_row


class Events(Database):
    def add_event(
        self,
        now: dt.datetime,
        kind: str,
        cause: Cause,
        order_no: str | None = None,
        detail: dict[str, Any] | None = None,
        message_id: str | None = None,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO events (at, order_no, kind, cause, detail, message_id) VALUES (?, ?, ?, ?, ?, ?)",
            (iso(now), order_no, kind, cause, dumps(detail or {}), message_id),
        )
        return cur.lastrowid or 0

    def events(self, order_no: str | None = None, since_id: int = 0) -> list[Event]:
        if order_no is None:
            rows = self.conn.execute("SELECT * FROM events WHERE id > ? ORDER BY id", (since_id,)).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT * FROM events WHERE order_no = ? AND id > ? ORDER BY id", (order_no, since_id)
            ).fetchall()
        return [from_row(Event, r) for r in rows]

    def recent_events(self, since_id: int, limit: int | None = None) -> list[Event]:
        """Events after ``since_id`` in id order; with ``limit``, only the newest that many."""
        if limit is None:
            return self.events(since_id=since_id)
        rows = self.conn.execute(
            "SELECT * FROM events WHERE id > ? ORDER BY id DESC LIMIT ?", (since_id, limit)
        ).fetchall()
        return [from_row(Event, r) for r in rows[::-1]]

    def last_event_id(self) -> int:
        return self.conn.execute("SELECT coalesce(MAX(id), 0) FROM events").fetchone()[0]
