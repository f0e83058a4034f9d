"""The ledger (table ``messages``): every message ever seen, from any source, and what became
of it; and the parses in progress (table ``parsing``), which tell a message that killed the
process from one that did not.

A message is recorded once per (source, source_key); ``done_at`` says the mailbox action was
applied, which happens only after the commit (``pending_done`` finds the ones a crash left).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .database import Database, iso
from .records import LedgerEntry, from_row


class Ledger(Database):
    def seen_source(self, source: str, source_key: str) -> LedgerEntry | None:
        return self._entry("SELECT * FROM messages WHERE source = ? AND source_key = ?", (source, source_key))

    def seen_content(self, identity: str, sha256: str) -> LedgerEntry | None:
        """A message already recorded with this Message-ID or these exact bytes (rescans)."""
        return self._entry(
            "SELECT * FROM messages WHERE (identity = ? OR sha256 = ?) AND outcome != 'duplicate' ORDER BY id LIMIT 1",
            (identity, sha256),
        )

    def ledger_entry(self, entry_id: int) -> LedgerEntry | None:
        return self._entry("SELECT * FROM messages WHERE id = ?", (entry_id,))

    def ledger_entry_for_file(self, archive_path: str, sha256: str) -> LedgerEntry | None:
        """The entry archived at ``archive_path``, else the newest with these exact bytes."""
        return self._entry(
            "SELECT * FROM messages WHERE archive_path = ? OR sha256 = ?"
            " ORDER BY (archive_path = ?) DESC, id DESC LIMIT 1",
            (archive_path, sha256, archive_path),
        )

    def ledger_entry_for_message_id(self, message_id: str) -> LedgerEntry | None:
        """The newest entry of this Message-ID (with or without angle brackets), preferring
        one with an archived copy."""
        bare = message_id.strip().strip("<>")
        ids = (f"<{bare}>", bare)
        return self._entry(
            "SELECT * FROM messages WHERE message_id IN (?, ?) OR identity IN (?, ?)"
            " ORDER BY (archive_path IS NOT NULL) DESC, id DESC LIMIT 1",
            (*ids, *ids),
        )

    def archived_copies(self, identity: str, sha256: str) -> list[LedgerEntry]:
        """Entries of the same message (identity or bytes) that have an archived copy, oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM messages WHERE (identity = ? OR sha256 = ?) AND archive_path IS NOT NULL ORDER BY id",
            (identity, sha256),
        ).fetchall()
        return [from_row(LedgerEntry, r) for r in rows]

    def first_with_order(self, identity: str, sha256: str) -> LedgerEntry | None:
        """The first entry of the same message that produced or joined an order."""
        return self._entry(
            "SELECT * FROM messages WHERE (identity = ? OR sha256 = ?) AND order_no IS NOT NULL"
            " AND outcome != 'duplicate' ORDER BY id LIMIT 1",
            (identity, sha256),
        )

    def count_messages(self, source: str) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM messages WHERE source = ?", (source,)).fetchone()[0]

    def source_keys(self, source: str, *, prefix: str = "") -> set[str]:
        """The keys recorded for ``source`` (those starting with ``prefix``: one index range)."""
        if not prefix:
            rows = self.conn.execute("SELECT source_key FROM messages WHERE source = ?", (source,))
        else:
            # Keys in [prefix, prefix + the next character): the index answers it as a range.
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            rows = self.conn.execute(
                "SELECT source_key FROM messages WHERE source = ? AND source_key >= ? AND source_key < ?",
                (source, prefix, upper),
            )
        return {row[0] for row in rows}

    def outcome_counts(self) -> dict[str, int]:
        """How many messages ended in each outcome."""
        return dict(self.conn.execute("SELECT outcome, COUNT(*) FROM messages GROUP BY outcome").fetchall())

    def begin_parse(self, source: str, source_key: str, now: dt.datetime) -> int:
        """Note (committed at once) that this message is being parsed; returns how many parses
        of it were begun before this one and never recorded — each a process that died on it."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT attempts FROM parsing WHERE source = ? AND source_key = ?", (source, source_key)
            ).fetchone()
            before = row[0] if row else 0
            self.conn.execute(
                "INSERT INTO parsing VALUES (?, ?, ?, ?) ON CONFLICT (source, source_key)"
                " DO UPDATE SET attempts = excluded.attempts, started_at = excluded.started_at",
                (source, source_key, before + 1, iso(now)),
            )
        return before

    def unfinished_reads(self) -> set[tuple[str, str]]:
        """(source, source_key) of the messages a process began reading and never recorded: it
        died while one of them was being read, and which one is not known yet."""
        return {(row[0], row[1]) for row in self.conn.execute("SELECT source, source_key FROM parsing")}

    def end_parse(self, source: str, source_key: str) -> None:
        """The message was read without the process dying: what follows (planning, recording)
        is not the message's doing, so a kill from outside then is not counted against it."""
        with self.transaction():
            self.conn.execute("DELETE FROM parsing WHERE source = ? AND source_key = ?", (source, source_key))

    def record_message(self, now: dt.datetime, **row: Any) -> int:
        """The ledger row of a message's outcome (first one wins); the parse is over."""
        self.conn.execute(
            "DELETE FROM parsing WHERE source = ? AND source_key = ?", (row.get("source"), row.get("source_key"))
        )
        row.setdefault("recorded_at", iso(now))
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.conn.execute(
            f"INSERT INTO messages ({columns}) VALUES ({marks}) ON CONFLICT (source, source_key) DO NOTHING",
            tuple(row.values()),
        )
        return cur.lastrowid or 0

    def mark_done(self, source: str, source_key: str, now: dt.datetime) -> None:
        self.conn.execute(
            "UPDATE messages SET done_at = ? WHERE source = ? AND source_key = ?",
            (iso(now), source, source_key),
        )

    def pending_done(self, source: str) -> list[LedgerEntry]:
        """Recorded but the mailbox action not yet applied (crash between commit and action)."""
        rows = self.conn.execute("SELECT * FROM messages WHERE source = ? AND done_at IS NULL", (source,)).fetchall()
        return [from_row(LedgerEntry, r) for r in rows]

    def _entry(self, sql: str, args: tuple) -> LedgerEntry | None:
        row = self.conn.execute(sql, args).fetchone()
        return from_row(LedgerEntry, row) if row is not None else None
