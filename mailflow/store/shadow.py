"""The tracker shadow (table ``tracker_shadow``): what mailflow last wrote to, or took in from,
each tracker cell, as (sheet, row key, field) → value. A cell that differs from its shadow is a
staff edit; a forgotten shadow makes the next write fill the cells from the store.

Row fingerprints (table ``tracker_row_hash``): one per row that agreed with its shadow when it
was last written or read. A row read back with the same fingerprint is known to agree still,
so the reader skips it. Whatever changes or forgets a row's shadow here forgets its fingerprint
too (the caller records a new one afterwards if it knows the row agrees): a fingerprint can only
vouch for the shadow it was taken against."""

from __future__ import annotations

from typing import Iterable, Sequence

from .database import Database


class TrackerShadow(Database):
    def load_shadow(
        self, sheet: str, keys: Iterable[str] | None = None, *, fields: Sequence[str] | None = None
    ) -> dict[str, dict[str, str | None]]:
        """row key → field → value, for one sheet (only the rows keyed ``keys``, and only the
        columns ``fields``, when given)."""
        shadow: dict[str, dict[str, str | None]] = {}
        only = "" if fields is None else f" AND field IN ({', '.join('?' * len(fields))})"
        named = () if fields is None else tuple(fields)
        if keys is None:
            batches: Iterable[list[str] | None] = [None]
        else:
            wanted = sorted(set(keys))
            batches = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
        for batch in batches:
            if batch is None:
                rows = self.conn.execute(
                    f"SELECT row_key, field, value FROM tracker_shadow WHERE sheet = ?{only}", (sheet, *named)
                )
            else:
                rows = self.conn.execute(
                    "SELECT row_key, field, value FROM tracker_shadow WHERE sheet = ?"
                    f" AND row_key IN ({', '.join('?' * len(batch))}){only}",
                    (sheet, *batch, *named),
                )
            for row_key, name, value in rows:
                shadow.setdefault(row_key, {})[name] = value
        return shadow

    def shadow_keys(self, sheet: str) -> set[str]:
        """The row keys the shadow of ``sheet`` holds (rows mailflow wrote there)."""
        rows = self.conn.execute("SELECT DISTINCT row_key FROM tracker_shadow WHERE sheet = ?", (sheet,))
        return {row[0] for row in rows}

    def save_shadow(self, sheet: str, updates: Iterable[tuple[str, str, str | None]]) -> None:
        """What mailflow last wrote to, or took in from, tracker cells: (row key, field, value).
        The fingerprints of the rows changed are forgotten (see the module docstring)."""
        updates = list(updates)
        self.forget_row_hashes(sheet, {key for key, _, _ in updates})
        self.conn.executemany(
            "INSERT INTO tracker_shadow (sheet, row_key, field, value) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (sheet, row_key, field) DO UPDATE SET value = excluded.value",
            ((sheet, key, name, value) for key, name, value in updates),
        )

    def forget_shadow(self, sheet: str | None = None, *, field: str | None = None) -> None:
        """Forget the whole shadow, one sheet's, or one column's of a sheet."""
        if sheet is None:
            self.conn.execute("DELETE FROM tracker_shadow")
            self.conn.execute("DELETE FROM tracker_row_hash")
            return
        self.conn.execute("DELETE FROM tracker_row_hash WHERE sheet = ?", (sheet,))
        if field is None:
            self.conn.execute("DELETE FROM tracker_shadow WHERE sheet = ?", (sheet,))
        else:
            self.conn.execute("DELETE FROM tracker_shadow WHERE sheet = ? AND field = ?", (sheet, field))

    def forget_shadow_rows(self, sheet: str, row_keys: Iterable[str] = (), *, prefixes: Iterable[str] = ()) -> None:
        """Forget rows of ``sheet``: those keyed ``row_keys``, and those whose key starts with
        one of ``prefixes``."""
        row_keys, prefixes = list(row_keys), list(prefixes)
        for table in ("tracker_shadow", "tracker_row_hash"):
            self.conn.executemany(
                f"DELETE FROM {table} WHERE sheet = ? AND row_key = ?", [(sheet, key) for key in row_keys]
            )
            self.conn.executemany(
                f"DELETE FROM {table} WHERE sheet = ? AND substr(row_key, 1, ?) = ?",
                [(sheet, len(p), p) for p in prefixes],
            )

    # ----------------------------------------------------------------- row fingerprints

    def row_hashes(self, sheet: str) -> dict[bytes, str]:
        """fingerprint → row key of the rows of ``sheet`` known to agree with their shadow."""
        rows = self.conn.execute("SELECT hash, row_key FROM tracker_row_hash WHERE sheet = ?", (sheet,))
        return {bytes(digest): key for digest, key in rows}

    def save_row_hashes(self, sheet: str, hashes: Iterable[tuple[str, bytes]]) -> None:
        """Record (row key, fingerprint) of rows that agree with their shadow as it is now."""
        self.conn.executemany(
            "INSERT INTO tracker_row_hash (sheet, row_key, hash) VALUES (?, ?, ?)"
            " ON CONFLICT (sheet, row_key) DO UPDATE SET hash = excluded.hash",
            ((sheet, key, digest) for key, digest in hashes),
        )

    def forget_row_hashes(self, sheet: str, row_keys: Iterable[str]) -> None:
        """Forget the fingerprints of these rows: their shadow is about to change."""
        self.conn.executemany(
            "DELETE FROM tracker_row_hash WHERE sheet = ? AND row_key = ?", [(sheet, key) for key in row_keys]
        )

    def orders_not_on_sheet(self, sheet: str) -> int:
        """How many orders the shadow of ``sheet`` holds no row for (not written there yet)."""
        return self.conn.execute(
            "SELECT COUNT(*) FROM orders WHERE order_no NOT IN (SELECT row_key FROM tracker_shadow WHERE sheet = ?)",
            (sheet,),
        ).fetchone()[0]
