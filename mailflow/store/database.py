"""The connection under every repository: opening, migrations, transactions and savepoints.

stdlib sqlite3 in WAL mode; one connection per process. Schema changes are forward migrations:
files ``migrations/NNNN_name.sql`` applied once each, in order, inside a transaction, their
names recorded in ``schema_migrations`` (the schema version is the highest number applied).

Nothing here knows a table of mailflow's own: the repositories (``ledger.py``, ``outbox.py``...)
hold the statements, this module only the plumbing they share.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..errors import StoreError
from ..model import po_clean, po_key


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("mailflow") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False, sort_keys=True)


def iso(now: dt.datetime) -> str:
    return now.isoformat(timespec="seconds")


def marks(values: Any) -> str:
    """``?, ?, ?`` for an ``IN (...)`` list of ``values``."""
    return ", ".join("?" for _ in values)


class Database:
    """The open connection and the transaction discipline every repository shares."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.create_function("po_key", 1, po_key, deterministic=True)
            self.conn.create_function("po_clean", 1, po_clean, deterministic=True)  # for migration 0015
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the state database: {exc}",
                hint="check the workspace.state_db path and that the disk is writable",
            ) from exc
        self._depth = 0
        self._savepoints = 0

    def close(self) -> None:
        self.conn.close()

    # ----------------------------------------------------------------- schema

    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in _migrations():
            if version in applied:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, dt.datetime.now(dt.timezone.utc).isoformat()),
                )
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from exc

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    def _counter(self, name: str) -> int:
        """The value of counter ``name`` (table ``counters``; 0 before it is first moved)."""
        row = self.conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    # ----------------------------------------------------------------- transactions

    @property
    def writes(self) -> int:
        """Rows this connection inserted, changed or deleted since it opened, its triggers'
        included: work that left the number where it was wrote nothing."""
        return self.conn.total_changes

    @property
    def in_transaction(self) -> bool:
        """A transaction is open on this connection: what it wrote may still be rolled back."""
        return self.conn.in_transaction

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """A unit that fails alone: its own transaction, or a savepoint inside the caller's, so
        an error undoes this unit's writes and leaves the caller's earlier ones in place."""
        with self.transaction():
            self._savepoints += 1
            name = f"unit_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._savepoints -= 1


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements; CREATE TRIGGER bodies keep their inner semicolons."""
    statements: list[str] = []
    current: list[str] = []
    in_trigger = False
    for line in sql.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if upper.endswith("END;"):
                statements.append("\n".join(current))
                current, in_trigger = [], False
        elif stripped.endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current and "".join(current).strip():
        statements.append("\n".join(current))
    return statements
