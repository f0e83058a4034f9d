"""Review items (table ``review``): what needs a person, mirrored to the tracker's Review sheet.
A ``key`` names the cause, so the same cause never adds a second row; an item is ``open`` until
staff (or mailflow, once the cause is gone) mark it ``done``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from .database import Database, iso, marks
from .records import ReviewItem, from_row


class Review(Database):
    def add_review(
        self,
        now: dt.datetime,
        reason: str,
        *,
        key: str | None = None,
        order_no: str | None = None,
        message_id: str | None = None,
        link: str | None = None,
    ) -> int | None:
        """Add a review item once per ``key``; returns its id, or None when it already existed."""
        cur = self.conn.execute(
            "INSERT INTO review (key, created_at, order_no, message_id, reason, link)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (key, iso(now), order_no, message_id, reason, link),
        )
        return cur.lastrowid if cur.rowcount else None

    def mark_review(self, review_id: int, done: bool, now: dt.datetime) -> bool:
        """Close (or reopen) one Review row; False when it was already so."""
        status, done_at = ("done", iso(now)) if done else ("open", None)
        cur = self.conn.execute(
            "UPDATE review SET status = ?, done_at = ? WHERE id = ? AND status != ?",
            (status, done_at, review_id, status),
        )
        return cur.rowcount == 1

    def finish_reviews(self, keys: Iterable[str], now: dt.datetime) -> int:
        """Mark done the open items with one of ``keys``; how many were."""
        keys = list(keys)
        if not keys:
            return 0
        cur = self.conn.execute(
            f"UPDATE review SET status = 'done', done_at = ? WHERE status = 'open' AND key IN ({marks(keys)})",
            (iso(now), *keys),
        )
        return cur.rowcount

    def open_reviews(
        self, key_prefix: str = "", order_no: str | None = None, *, key_suffix: str = ""
    ) -> list[ReviewItem]:
        """Open Review rows whose key starts with ``key_prefix`` and ends with ``key_suffix``
        (and of ``order_no`` if given)."""
        sql = "SELECT * FROM review WHERE status = 'open' AND substr(key, 1, ?) = ?"
        args: list[Any] = [len(key_prefix), key_prefix]
        if key_prefix and key_prefix[-1] < chr(0x10FFFF):
            # the same rows as a range of keys, which the index on ``key`` answers: otherwise
            # every Review row ever written is read, for each order the timers look at
            sql += " AND key >= ? AND key < ?"
            after = ord(key_prefix[-1]) + 1
            after = 0xE000 if 0xD800 <= after <= 0xDFFF else after  # no text holds a lone surrogate
            args += [key_prefix, key_prefix[:-1] + chr(after)]
        if key_suffix:
            sql += " AND length(key) >= ? AND substr(key, -?) = ?"
            args += [len(key_prefix) + len(key_suffix), len(key_suffix), key_suffix]
        if order_no is not None:
            sql += " AND order_no = ?"
            args.append(order_no)
        return self._items(sql + " ORDER BY id", args)

    def review_by_key(self, key: str) -> ReviewItem | None:
        """The Review row with ``key`` (open or done), if any."""
        items = self._items("SELECT * FROM review WHERE key = ?", (key,))
        return items[0] if items else None

    def open_reviews_with_keys(self, keys: Iterable[str]) -> list[ReviewItem]:
        keys = list(keys)
        if not keys:
            return []
        return self._items(f"SELECT * FROM review WHERE status = 'open' AND key IN ({marks(keys)}) ORDER BY id", keys)

    def reviews(self, status: str | None = "open") -> list[ReviewItem]:
        if status is None:
            return self._items("SELECT * FROM review ORDER BY id", ())
        return self._items("SELECT * FROM review WHERE status = ? ORDER BY id", (status,))

    def count_reviews(self, status: str = "open", key_prefix: str = "") -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM review WHERE status = ? AND substr(key, 1, ?) = ?",
            (status, len(key_prefix), key_prefix),
        ).fetchone()[0]

    def live_reviews(self) -> list[ReviewItem]:
        """Review items the live tracker shows: all but the finished ones of archived orders,
        and those whose row staff deleted (``take_off_sheet``)."""
        return self._items(
            "SELECT * FROM review WHERE off_sheet IS NULL AND NOT (status = 'done' AND order_no IN"
            " (SELECT order_no FROM orders WHERE archived IS NOT NULL)) ORDER BY id",
            (),
        )

    def live_reviews_since(self, revision: int, ids: Iterable[int] = ()) -> list[ReviewItem]:
        """The items of ``live_reviews`` changed after tracker ``revision``, and those ``ids``."""
        return self._items(
            "SELECT * FROM review WHERE (rev > ? OR id IN (SELECT value FROM json_each(?))) AND off_sheet IS NULL"
            " AND NOT (status = 'done' AND order_no IN (SELECT order_no FROM orders WHERE archived IS NOT NULL))"
            " ORDER BY id",
            (revision, json.dumps(sorted(set(ids)))),
        )

    def take_off_sheet(self, ids: Iterable[int], now: dt.datetime) -> int:
        """Items whose Review row staff deleted: done (if they were open) and never written to
        the sheet again. How many were still open."""
        ids = sorted(set(ids))
        closed = 0
        for i in range(0, len(ids), 500):
            batch = ids[i : i + 500]
            closed += self.conn.execute(
                f"UPDATE review SET status = 'done', done_at = ? WHERE status = 'open' AND id IN ({marks(batch)})",
                (iso(now), *batch),
            ).rowcount
            self.conn.execute(
                f"UPDATE review SET off_sheet = ? WHERE off_sheet IS NULL AND id IN ({marks(batch)})",
                (iso(now), *batch),
            )
        return closed

    def archived_finished_reviews(self) -> set[int]:
        """Ids of the finished items of archived orders: the ones the live tracker drops."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM review WHERE status = 'done' AND order_no IN"
                " (SELECT order_no FROM orders WHERE archived IS NOT NULL)"
            )
        }

    def finished_review_ids(self, order_nos: Iterable[str]) -> list[int]:
        """Ids of the finished items of these orders (the rows that leave with them)."""
        wanted = sorted(set(order_nos))
        found: list[int] = []
        for i in range(0, len(wanted), 500):
            batch = wanted[i : i + 500]
            found += [
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM review WHERE status = 'done' AND order_no IN ({marks(batch)})", batch
                )
            ]
        return found

    def _items(self, sql: str, args: Any) -> list[ReviewItem]:
        return [from_row(ReviewItem, r) for r in self.conn.execute(sql, args).fetchall()]
