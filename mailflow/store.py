"""SQLite state: the message ledger, orders, the append-only event log, the outbox, review items,
the tracker shadow, and small status facts.

stdlib sqlite3 in WAL mode; one connection per process. Schema changes are forward migrations:
files ``migrations/NNNN_name.sql`` applied once each, in order, inside a transaction, their
names recorded in ``schema_migrations`` (the schema version is the highest number applied).

Modules with state of their own may run SQL through ``Store.conn`` inside ``Store.transaction()``;
tables they add come as a new migration file, never as ad-hoc CREATE TABLE at run time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import StoreError
from .model import Cause, Order, OrderLine

if TYPE_CHECKING:
    from .customers import Customer


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


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the state database: {exc}",
                hint="check the workspace.state_db path and that the disk is writable",
            ) from exc
        self._depth = 0

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

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # ----------------------------------------------------------------- ledger

    def seen_source(self, source: str, source_key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM messages WHERE source = ? AND source_key = ?", (source, source_key)
        ).fetchone()

    def seen_content(self, identity: str, sha256: str) -> sqlite3.Row | None:
        """A message already recorded with this Message-ID or these exact bytes (rescans)."""
        return self.conn.execute(
            "SELECT * FROM messages WHERE (identity = ? OR sha256 = ?) AND outcome != 'duplicate'"
            " ORDER BY id LIMIT 1",
            (identity, sha256),
        ).fetchone()

    def begin_parse(self, source: str, source_key: str, now: dt.datetime) -> int:
        """Note (committed at once) that this message is being parsed; returns how many parses
        of it were begun before this one and never recorded — each a process that died on it."""
        with self.transaction() as conn:
            row = conn.execute("SELECT attempts FROM parsing WHERE source = ? AND source_key = ?",
                               (source, source_key)).fetchone()
            before = row[0] if row else 0
            conn.execute(
                "INSERT INTO parsing VALUES (?, ?, ?, ?) ON CONFLICT (source, source_key)"
                " DO UPDATE SET attempts = excluded.attempts, started_at = excluded.started_at",
                (source, source_key, before + 1, iso(now)),
            )
        return before

    def end_parse(self, source: str, source_key: str) -> None:
        """The message was read without the process dying: what follows (planning, recording)
        is not the message's doing, so a kill from outside then is not counted against it."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM parsing WHERE source = ? AND source_key = ?", (source, source_key))

    def record_message(self, now: dt.datetime, **row: Any) -> int:
        """The ledger row of a message's outcome (first one wins); the parse is over."""
        self.conn.execute("DELETE FROM parsing WHERE source = ? AND source_key = ?",
                          (row.get("source"), row.get("source_key")))
        row.setdefault("recorded_at", iso(now))
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.conn.execute(
            f"INSERT INTO messages ({columns}) VALUES ({marks})"
            " ON CONFLICT (source, source_key) DO NOTHING",
            tuple(row.values()),
        )
        return cur.lastrowid or 0

    def mark_done(self, source: str, source_key: str, now: dt.datetime) -> None:
        self.conn.execute(
            "UPDATE messages SET done_at = ? WHERE source = ? AND source_key = ?",
            (iso(now), source, source_key),
        )

    def pending_done(self, source: str) -> list[sqlite3.Row]:
        """Recorded but the mailbox action not yet applied (crash between commit and action)."""
        return self.conn.execute(
            "SELECT * FROM messages WHERE source = ? AND done_at IS NULL", (source,)
        ).fetchall()

    # ----------------------------------------------------------------- orders

    def next_order_no(self, year: int) -> str:
        name = f"order_no:{year}"
        with self.transaction():
            self.conn.execute(
                "INSERT INTO counters VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
                (name,),
            )
            value = self.conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0]
        return f"SO-{year}-{value:04d}"

    def save_order(self, order: Order, now: dt.datetime) -> None:
        data = dumps(order_to_dict(order))
        self.conn.execute(
            "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (order_no) DO UPDATE SET customer = excluded.customer,"
            " po_number = excluded.po_number, status = excluded.status, data = excluded.data,"
            " updated_at = excluded.updated_at",
            (order.order_no, order.customer, order.po_number, order.status, data, iso(now), iso(now)),
        )

    def order(self, order_no: str) -> Order | None:
        row = self.conn.execute("SELECT data FROM orders WHERE order_no = ?", (order_no,)).fetchone()
        return order_from_dict(json.loads(row[0])) if row else None

    def order_by_po(self, customer: str, po_number: str) -> Order | None:
        row = self.conn.execute(
            "SELECT data FROM orders WHERE customer = ? AND po_number = ?", (customer, po_number)
        ).fetchone()
        return order_from_dict(json.loads(row[0])) if row else None

    def orders_by_po(self, po_number: str) -> list[Order]:
        rows = self.conn.execute(
            "SELECT data FROM orders WHERE po_number = ? COLLATE NOCASE", (po_number,)
        ).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def has_po(self, po_number: str) -> bool:
        """Whether any order carries this PO number (case-insensitive; uses the index)."""
        row = self.conn.execute(
            "SELECT 1 FROM orders WHERE po_number = ? COLLATE NOCASE LIMIT 1", (po_number,)
        ).fetchone()
        return row is not None

    def po_numbers(self) -> list[str]:
        """Every PO number on record (what ``has_po`` answers yes to), for the parse worker."""
        return [row[0] for row in self.conn.execute("SELECT DISTINCT po_number FROM orders")]

    def orders(self, *, excluding_status: tuple[str, ...] = ()) -> list[Order]:
        """All orders, or those whose status is not one of ``excluding_status`` (closed ones,
        say), filtered in SQL so closed orders are never decoded."""
        marks = ", ".join("?" for _ in excluding_status)
        where = f"WHERE status NOT IN ({marks}) " if excluding_status else ""
        rows = self.conn.execute(f"SELECT data FROM orders {where}ORDER BY order_no", excluding_status).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def revision(self) -> int:
        """A number that moves whenever something the tracker shows changes (orders, events,
        review items, notices; see migration 0003) and never for status rows or the ledger."""
        row = self.conn.execute("SELECT value FROM counters WHERE name = 'tracker_rev'").fetchone()
        return row[0] if row else 0

    def orders_since(self, revision: int, *, excluding_status: tuple[str, ...] = ()) -> list[Order]:
        """The orders changed after ``revision`` (all of them for 0), by order number."""
        marks = ", ".join("?" for _ in excluding_status)
        where = f" AND status NOT IN ({marks})" if excluding_status else ""
        rows = self.conn.execute(
            f"SELECT data FROM orders WHERE rev > ?{where} ORDER BY order_no", (revision, *excluding_status)
        ).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def live_orders(self) -> list[Order]:
        """The orders the live tracker shows: all but those moved to a yearly archive workbook."""
        rows = self.conn.execute("SELECT data FROM orders WHERE archived IS NULL ORDER BY order_no").fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def archivable(self, statuses: tuple[str, ...], untouched_since: dt.datetime) -> list[Order]:
        """Live orders in one of ``statuses`` whose last change is older than ``untouched_since``."""
        marks = ", ".join("?" for _ in statuses)
        rows = self.conn.execute(
            f"SELECT data FROM orders WHERE archived IS NULL AND status IN ({marks}) AND updated_at < ?"
            " ORDER BY order_no", (*statuses, iso(untouched_since)),
        ).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def mark_archived(self, order_nos: list[str], workbook: str) -> None:
        self.conn.executemany("UPDATE orders SET archived = ? WHERE order_no = ?",
                              [(workbook, n) for n in order_nos])

    def archived_orders(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT order_no FROM orders WHERE archived IS NOT NULL")}

    def order_briefs(self) -> list[dict[str, Any]]:
        """What the Dashboard draws, for every order, read without decoding whole orders: number,
        customer, status, month, currency, total (text), next action and its due date."""
        # One json_extract with several paths parses each order's JSON once (it returns an array).
        rows = self.conn.execute(
            "SELECT order_no, customer, status, json_extract(data, '$.po_date', '$.received_at', '$.currency',"
            " '$.total', '$.facts.next_action', '$.facts.next_due') FROM orders ORDER BY order_no"
        )
        names = ("order_no", "customer", "status", "day", "currency", "total", "next_action", "next_due")
        rows = [
            (order_no, customer, status, (po_date or (received or "")[:10]), *rest)
            for order_no, customer, status, extracted in rows
            for po_date, received, *rest in (json.loads(extracted),)
        ]
        return [dict(zip(names, row)) for row in rows]

    # ----------------------------------------------------------------- customers

    def customers(self) -> list["Customer"]:
        """The customer master, oldest first (see ``mailflow.customers``)."""
        from .customers import Customer

        rows = self.conn.execute("SELECT data FROM customers ORDER BY id").fetchall()
        return [Customer.from_dict(json.loads(r[0])) for r in rows]

    def customer(self, customer_id: str) -> "Customer | None":
        from .customers import Customer

        row = self.conn.execute("SELECT data FROM customers WHERE id = ?", (customer_id,)).fetchone()
        return Customer.from_dict(json.loads(row[0])) if row else None

    def new_customer_id(self) -> str:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO counters VALUES ('customer', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1"
            )
            value = self.conn.execute("SELECT value FROM counters WHERE name = 'customer'").fetchone()[0]
        return f"C-{value:04d}"

    def save_customer(self, customer: "Customer", now: dt.datetime) -> None:
        self.conn.execute(
            "INSERT INTO customers (id, name, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status,"
            " data = excluded.data, updated_at = excluded.updated_at",
            (customer.id, customer.name, customer.status, dumps(customer.to_dict()), iso(now), iso(now)),
        )

    # ----------------------------------------------------------------- document queue

    def queue_documents(self, order_no: str, cause: str, now: dt.datetime) -> None:
        self.conn.execute(
            "INSERT INTO document_queue VALUES (?, ?, ?) ON CONFLICT (order_no) DO NOTHING",
            (order_no, cause, iso(now)),
        )

    def queued_documents(self) -> list[tuple[str, str]]:
        """(order_no, cause) of the orders whose documents wait, oldest first."""
        rows = self.conn.execute("SELECT order_no, cause FROM document_queue ORDER BY queued_at, order_no")
        return [(r[0], r[1]) for r in rows]

    def documents_done(self, order_nos: list[str]) -> None:
        self.conn.executemany("DELETE FROM document_queue WHERE order_no = ?", [(n,) for n in order_nos])

    # ----------------------------------------------------------------- events

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
        return cur.lastrowid

    def events(self, order_no: str | None = None, since_id: int = 0) -> list[sqlite3.Row]:
        if order_no is None:
            return self.conn.execute("SELECT * FROM events WHERE id > ? ORDER BY id", (since_id,)).fetchall()
        return self.conn.execute(
            "SELECT * FROM events WHERE order_no = ? AND id > ? ORDER BY id", (order_no, since_id)
        ).fetchall()

    def recent_events(self, since_id: int, limit: int | None = None) -> list[sqlite3.Row]:
        """Events after ``since_id`` in id order; with ``limit``, only the newest that many."""
        if limit is None:
            return self.events(since_id=since_id)
        rows = self.conn.execute(
            "SELECT * FROM events WHERE id > ? ORDER BY id DESC LIMIT ?", (since_id, limit)
        ).fetchall()
        return rows[::-1]

    def last_event_id(self) -> int:
        return self.conn.execute("SELECT coalesce(MAX(id), 0) FROM events").fetchone()[0]

    def sent_notices_since(self, sent_rev: int, limit: int | None = None) -> list[sqlite3.Row]:
        """Notices sent after revision ``sent_rev``, in the order they were sent (with ``limit``,
        the newest that many)."""
        query = ("SELECT id, order_no, kind, subject, recipients, sent_at, sent_rev FROM outbox"
                 " WHERE sent_rev > ? ORDER BY sent_rev DESC, sent_at DESC, id DESC")
        if limit is None:
            rows = self.conn.execute(query, (sent_rev,)).fetchall()
        else:
            rows = self.conn.execute(query + " LIMIT ?", (sent_rev, limit)).fetchall()
        return rows[::-1]

    # ----------------------------------------------------------------- review

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

    def notice_by_message_id(self, message_ids: Iterable[str]) -> sqlite3.Row | None:
        """The outbox row (order_no, kind) whose Message-ID is one of ``message_ids``: the notice
        a reply answers."""
        ids = [m for m in message_ids if m]
        if not ids:
            return None
        return self.conn.execute(
            f"SELECT order_no, kind, recipients FROM outbox WHERE message_id IN ({', '.join('?' * len(ids))})"
            " ORDER BY id DESC LIMIT 1", ids,
        ).fetchone()

    def mark_review(self, review_id: int, done: bool, now: dt.datetime) -> bool:
        """Close (or reopen) one Review row; False when it was already so."""
        status, done_at = ("done", iso(now)) if done else ("open", None)
        cur = self.conn.execute(
            "UPDATE review SET status = ?, done_at = ? WHERE id = ? AND status != ?",
            (status, done_at, review_id, status),
        )
        return cur.rowcount == 1

    def open_reviews(self, key_prefix: str = "", order_no: str | None = None) -> list[sqlite3.Row]:
        """Open Review rows whose key starts with ``key_prefix`` (and of ``order_no`` if given)."""
        sql = "SELECT * FROM review WHERE status = 'open' AND substr(key, 1, ?) = ?"
        args: list[Any] = [len(key_prefix), key_prefix]
        if order_no is not None:
            sql += " AND order_no = ?"
            args.append(order_no)
        return self.conn.execute(sql + " ORDER BY id", args).fetchall()

    def reviews(self, status: str | None = "open") -> list[sqlite3.Row]:
        if status is None:
            return self.conn.execute("SELECT * FROM review ORDER BY id").fetchall()
        return self.conn.execute("SELECT * FROM review WHERE status = ? ORDER BY id", (status,)).fetchall()

    def live_reviews(self) -> list[sqlite3.Row]:
        """Review items the live tracker shows: all but the finished ones of archived orders."""
        return self.conn.execute(
            "SELECT * FROM review WHERE NOT (status = 'done' AND order_no IN"
            " (SELECT order_no FROM orders WHERE archived IS NOT NULL)) ORDER BY id"
        ).fetchall()

    # ----------------------------------------------------------------- tracker shadow

    def save_shadow(self, sheet: str, updates: Iterable[tuple[str, str, str | None]]) -> None:
        """What mailflow last wrote to, or took in from, tracker cells: (row key, field, value)."""
        self.conn.executemany(
            "INSERT INTO tracker_shadow (sheet, row_key, field, value) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (sheet, row_key, field) DO UPDATE SET value = excluded.value",
            ((sheet, key, name, value) for key, name, value in updates),
        )

    # ----------------------------------------------------------------- status facts

    def set_status(self, name: str, value: Any, now: dt.datetime) -> None:
        self.conn.execute(
            "INSERT INTO status VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
            " value = excluded.value, updated_at = excluded.updated_at",
            (name, dumps(value), iso(now)),
        )

    def get_status(self, name: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM status WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else default

    def all_status(self, prefix: str = "") -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT name, value FROM status WHERE name LIKE ? ORDER BY name", (prefix + "%",)
        ).fetchall()
        return {r[0]: json.loads(r[1]) for r in rows}


# --------------------------------------------------------------------------- (de)serialising


def order_to_dict(order: Order) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(order)


def order_from_dict(data: dict[str, Any]) -> Order:
    def dec(v: Any) -> Decimal | None:
        return Decimal(v) if v not in (None, "") else None

    def day(v: Any) -> dt.date | None:
        return dt.date.fromisoformat(v) if v else None

    lines = [
        OrderLine(
            item=l.get("item"),
            description=l.get("description"),
            quantity=dec(l.get("quantity")),
            unit=l.get("unit"),
            unit_price=dec(l.get("unit_price")),
            amount=dec(l.get("amount")),
            delivery_date=day(l.get("delivery_date")),
        )
        for l in data.get("lines", [])
    ]
    return Order(
        order_no=data["order_no"],
        po_number=data["po_number"],
        customer=data["customer"],
        received_at=dt.datetime.fromisoformat(data["received_at"]),
        customer_email=data.get("customer_email"),
        language=data.get("language") or "en",
        account_manager=data.get("account_manager"),
        po_date=day(data.get("po_date")),
        requested_delivery=day(data.get("requested_delivery")),
        currency=data.get("currency"),
        total=dec(data.get("total")),
        incoterms=data.get("incoterms"),
        payment_terms=data.get("payment_terms"),
        status=data.get("status") or "Received",
        lines=lines,
        source_message_id=data.get("source_message_id"),
        archive_dir=data.get("archive_dir"),
        needs_review=bool(data.get("needs_review")),
        facts=dict(data.get("facts") or {}),
    )


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements; CREATE TRIGGER bodies keep their inner semicolons."""
    statements, current = [], []
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
