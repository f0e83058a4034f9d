"""The outbox table: every notice with its message and deterministic Message-ID, recorded
before any send (``mailflow.outbox`` walks it queued → sending → sent). The message is stored
with its archived attachments by reference (``outbox/stored.py``); the outbox puts them back
before a transport is handed the row. Rows come out as ``OutboxEntry`` records.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from .database import Database, iso, marks
from .records import OutboxEntry

# What a send attempt may change on a row; the rest is fixed when the notice is queued.
_MUTABLE = frozenset({"status", "attempts", "next_attempt_at", "last_error", "sent_at", "archive_path"})


class Outbox(Database):
    def has_notice(self, key: str) -> bool:
        """Whether a notice with this key was ever queued (whatever became of it)."""
        return self.conn.execute("SELECT 1 FROM outbox WHERE key = ?", (key,)).fetchone() is not None

    def add_notice(
        self,
        now: dt.datetime,
        *,
        key: str,
        order_no: str | None,
        kind: str,
        message_id: str,
        transport: str,
        recipients: Iterable[str],
        subject: str,
        eml: bytes,
    ) -> bool:
        """Queue a rendered notice; False when its key (or Message-ID) is there already."""
        cur = self.conn.execute(
            "INSERT INTO outbox (key, order_no, kind, message_id, transport, recipients, subject, eml,"
            " status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)"
            " ON CONFLICT DO NOTHING",
            (key, order_no, kind, message_id, transport, json.dumps(list(recipients)), subject, eml, iso(now)),
        )
        return cur.rowcount == 1

    def notice(self, key: str) -> OutboxEntry | None:
        row = self.conn.execute("SELECT * FROM outbox WHERE key = ?", (key,)).fetchone()
        return OutboxEntry.of(row) if row is not None else None

    def notices(self, *, status: str | None = None, order_no: str | None = None) -> list[OutboxEntry]:
        """Notices in queueing order, those in ``status`` and/or of ``order_no`` if given."""
        where, args = [], []
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if order_no is not None:
            where.append("order_no = ?")
            args.append(order_no)
        sql = "SELECT * FROM outbox" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [OutboxEntry.of(r) for r in self.conn.execute(sql, args).fetchall()]

    def queued_notices_after(self, entry_id: int, limit: int) -> list[OutboxEntry]:
        """The first ``limit`` notices still queued that were queued after ``entry_id``, in order."""
        return self.notices_after(entry_id, status="queued", limit=limit)

    def notices_after(self, entry_id: int, *, status: str, limit: int) -> list[OutboxEntry]:
        """The first ``limit`` notices in ``status`` queued after ``entry_id``, in queueing order.
        The ids are picked first (from the status index, without reading a message: sorting whole
        rows would read every queued email for each call), then those rows."""
        ids = self.conn.execute(
            "SELECT id FROM outbox WHERE id > ? AND status = ? ORDER BY id LIMIT ?", (entry_id, status, limit)
        )
        return self.notices_by_id([row[0] for row in ids.fetchall()])

    def notice_ids(self, status: str) -> list[int]:
        """The ids of the notices in ``status``, in queueing order (no message is read): a flush
        then reads the rows a few at a time (``notices_by_id``), never every queued email at once."""
        return [row[0] for row in self.conn.execute("SELECT id FROM outbox WHERE status = ? ORDER BY id", (status,))]

    def notices_by_id(self, ids: list[int]) -> list[OutboxEntry]:
        """The notices with these ids, in queueing order."""
        if not ids:
            return []
        rows = self.conn.execute(f"SELECT * FROM outbox WHERE id IN ({marks(ids)}) ORDER BY id", ids)
        return [OutboxEntry.of(r) for r in rows.fetchall()]

    def update_notice(self, entry_id: int, **values: Any) -> None:
        """Change a send attempt's columns (status, attempts, errors, when sent and where filed)."""
        unknown = set(values) - _MUTABLE
        if unknown:
            raise ValueError(f"outbox columns not changed by a send: {sorted(unknown)}")
        columns = ", ".join(f"{name} = ?" for name in values)
        self.conn.execute(f"UPDATE outbox SET {columns} WHERE id = ?", (*values.values(), entry_id))

    def last_notice_id(self) -> int:
        return self.conn.execute("SELECT coalesce(MAX(id), 0) FROM outbox").fetchone()[0]

    def notice_keys_after(self, entry_id: int) -> list[str]:
        """Keys of the notices queued after ``entry_id`` (see ``last_notice_id``), in order."""
        return [r[0] for r in self.conn.execute("SELECT key FROM outbox WHERE id > ? ORDER BY id", (entry_id,))]

    def notice_dates(self, order_no: str) -> dict[str, str]:
        """The order's notice keys, each with when it was queued (ISO)."""
        rows = self.conn.execute("SELECT key, created_at FROM outbox WHERE order_no = ?", (order_no,))
        return {row[0]: row[1] for row in rows}

    def count_notices(self, status: str, order_no: str | None = None) -> int:
        sql, args = "SELECT COUNT(*) FROM outbox WHERE status = ?", [status]
        if order_no is not None:
            sql += " AND order_no = ?"
            args.append(order_no)
        return self.conn.execute(sql, args).fetchone()[0]

    def notice_status_counts(self) -> dict[str, int]:
        """How many notices are in each status."""
        return dict(self.conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall())

    def sent_notices_since(self, sent_rev: int, limit: int | None = None) -> list[OutboxEntry]:
        """Notices sent after revision ``sent_rev``, in the order they were sent (with ``limit``,
        the newest that many). The bytes are not read: ``eml`` is empty."""
        query = (
            "SELECT id, key, order_no, kind, message_id, transport, recipients, subject, status,"
            " created_at, sent_at, sent_rev FROM outbox"
            " WHERE sent_rev > ? ORDER BY sent_rev DESC, sent_at DESC, id DESC"
        )
        if limit is None:
            rows = self.conn.execute(query, (sent_rev,)).fetchall()
        else:
            rows = self.conn.execute(query + " LIMIT ?", (sent_rev, limit)).fetchall()
        return [OutboxEntry.of(r) for r in rows[::-1]]

    def notice_sent_to_customer(self, kind: str, trigger: str) -> bool:
        """Whether a notice of ``kind`` with ``trigger`` is in the outbox for any order (a
        notice owed once per customer, whichever of their orders carried it)."""
        suffix = f":{kind}:{trigger}"
        row = self.conn.execute(
            "SELECT 1 FROM outbox WHERE kind = ? AND substr(key, -?) = ? LIMIT 1", (kind, len(suffix), suffix)
        ).fetchone()
        return row is not None

    def notice_sent_at(self, key: str) -> str | None:
        """When the notice with outbox ``key`` was sent (ISO), or None while it has not been."""
        row = self.conn.execute("SELECT sent_at FROM outbox WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def notice_by_message_id(self, message_ids: Iterable[str]) -> OutboxEntry | None:
        """The notice whose Message-ID is one of ``message_ids``: the notice a reply answers."""
        ids = [m for m in message_ids if m]
        if not ids:
            return None
        row = self.conn.execute(
            f"SELECT * FROM outbox WHERE message_id IN ({marks(ids)}) ORDER BY id DESC LIMIT 1",
            ids,
        ).fetchone()
        return OutboxEntry.of(row) if row is not None else None
