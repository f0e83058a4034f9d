"""Orders (table ``orders``; ``data`` is the JSON of ``mailflow.model.Order``), their numbers
(table ``counters``), and the tracker revision that moves whenever something the tracker shows
changes (migration 0003's triggers).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, replace
from decimal import Decimal
from typing import Any, Iterable, NamedTuple

from ..model import KnownNumbers, Order, OrderFacts, OrderLine, po_clean, po_key
from .database import Database, dumps, iso, marks


class WorkflowMark(NamedTuple):
    """The store as the workflow's timers last saw it. ``tracker``: the tracker revision, which
    every change to orders, events, review items, notices and payments moves, and which the
    changed order, review item and payment rows and each notice sent carry; ``customers``: the
    customer master's revision (a deleted customer moves it too); ``notice``: the last notice's
    id (a notice queued carries no revision of its own)."""

    tracker: int
    customers: int
    notice: int


class Orders(Database):
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
            (order.order_no, order.customer, po_clean(order.po_number), order.status, data, iso(now), iso(now)),
        )

    def order(self, order_no: str) -> Order | None:
        row = self.conn.execute("SELECT data FROM orders WHERE order_no = ?", (order_no,)).fetchone()
        return order_from_dict(json.loads(row[0])) if row else None

    def order_folder_parts(self, order_no: str) -> tuple[str, str, str | None] | None:
        """``(customer, po_number, archive_dir)`` of an order, what its archive folder is named
        after, read out of its JSON by SQLite: without decoding the order (its lines, facts and
        history), which a notice sent needs only to know where its copy is filed."""
        row = self.conn.execute(
            "SELECT json_extract(data, '$.customer'), json_extract(data, '$.po_number'),"
            " json_extract(data, '$.archive_dir') FROM orders WHERE order_no = ?",
            (order_no,),
        ).fetchone()
        return (row[0] or "", row[1] or "", row[2]) if row else None

    def order_by_po(self, customer: str, po_number: str) -> Order | None:
        """The customer's order with this PO number, by ``po_key``: the same PO resent in
        other letter case, or with a stray space or zero-width character, is that order."""
        row = self.conn.execute(
            "SELECT data FROM orders WHERE customer = ? AND po_key(po_number) = ? ORDER BY order_no LIMIT 1",
            (customer, po_key(po_number)),
        ).fetchone()
        return order_from_dict(json.loads(row[0])) if row else None

    def _po_rows(self, columns: str, po_number: str, limit: str = "") -> list[Any]:
        """Rows of orders whose PO number is ``po_number`` by ``po_key``. PO numbers are kept
        cleaned (``save_order``), so an ASCII one is found on the case-blind index; any other
        is compared row by row with ``po_key``, which SQLite's NOCASE would not fold."""
        clean = po_clean(po_number)
        if not clean:
            return []
        if clean.isascii():
            return self.conn.execute(
                f"SELECT {columns} FROM orders WHERE po_number = ? COLLATE NOCASE{limit}", (clean,)
            ).fetchall()
        return self.conn.execute(
            f"SELECT {columns} FROM orders WHERE po_key(po_number) = ?{limit}", (po_key(clean),)
        ).fetchall()

    def orders_by_po(self, po_number: str) -> list[Order]:
        """Every customer's orders with this PO number (by ``po_key``)."""
        return [order_from_dict(json.loads(r[0])) for r in self._po_rows("data", po_number)]

    def has_po(self, po_number: str) -> bool:
        """Whether any order carries this PO number (by ``po_key``; uses the index)."""
        return bool(self._po_rows("1", po_number, " LIMIT 1"))

    def po_numbers(self) -> list[str]:
        """Every PO number on record (what ``has_po`` answers yes to), for the parse worker."""
        return [row[0] for row in self.conn.execute("SELECT DISTINCT po_number FROM orders")]

    def known_po_numbers(self) -> KnownNumbers:
        """``po_numbers`` by ``po_key``, kept between calls: the pipeline asks for every message of
        a backlog, and at 20,000 orders reading them all cost more than parsing the message.

        Only the orders whose revision moved since the last call are read, and their numbers
        added to the last value (``KnownNumbers.grown``: what was added between two calls is
        then a slice); all of them read again, as a new lineage, when any order was changed or
        removed rather than added (a PO number may have gone), and always inside a transaction
        (it may yet be rolled back, and must not grow the lineage others hold)."""
        rev, count = self._rev_and_count()
        kept: tuple[int, int, KnownNumbers] | None = getattr(self, "_known_pos", None)
        if kept is not None and (rev, count) == kept[:2] and not self.conn.in_transaction:
            return kept[2]
        numbers = None
        if kept is not None and not self.conn.in_transaction:
            changed = [r[0] for r in self.conn.execute("SELECT po_number FROM orders WHERE rev > ?", (kept[0],))]
            if count - kept[1] == len(changed):  # only new orders since
                numbers = kept[2].grown(po_key(po) for po in changed if po)
        if numbers is None:
            numbers = KnownNumbers.of(po_key(po) for po in self.po_numbers() if po)
        if not self.conn.in_transaction:  # else the last value kept stays: it is what was committed
            self._known_pos = (rev, count, numbers)
        return numbers

    def _rev_and_count(self) -> tuple[int, int]:
        """The orders' latest revision and their number: what the values kept between calls
        (``known_po_numbers``, ``order_briefs``) were read at."""
        # two queries, not one: SQLite answers each alone from the rev index at once (2 and 4 us
        # at 20,000 orders), but the two together by reading the whole index (0.7 ms)
        rev = self.conn.execute("SELECT COALESCE(MAX(rev), 0) FROM orders").fetchone()[0]
        count = self.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        return rev, count

    def orders(self, *, excluding_status: tuple[str, ...] = ()) -> list[Order]:
        """All orders, or those whose status is not one of ``excluding_status`` (closed ones,
        say), filtered in SQL so closed orders are never decoded."""
        where = f"WHERE status NOT IN ({marks(excluding_status)}) " if excluding_status else ""
        rows = self.conn.execute(f"SELECT data FROM orders {where}ORDER BY order_no", excluding_status).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def order_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]

    def orders_per_customer(self) -> dict[str, int]:
        """How many orders each customer (by name) has."""
        return dict(self.conn.execute("SELECT customer, COUNT(*) FROM orders GROUP BY customer").fetchall())

    def revision(self) -> int:
        """A number that moves whenever something the tracker shows changes (orders, events,
        review items, notices; see migration 0003) and never for status rows or the ledger."""
        return self._counter("tracker_rev")

    def workflow_revision(self) -> "WorkflowMark":
        """Where the store stands for the workflow's timers: numbers that move whenever anything
        they read changes (see ``WorkflowMark``). Only committed changes keep a number: read inside
        a transaction, one rolled back later may come back with different content."""
        notice = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM outbox").fetchone()[0]
        return WorkflowMark(self.revision(), self._counter("customers_rev"), notice)

    def orders_touched_since(self, mark: "WorkflowMark") -> set[str] | None:
        """The orders a change after ``mark`` touched: the order itself, one of its review items,
        payments, or notices (queued or sent). None when a review item changed that names no
        order: nobody can say which orders it bears on."""
        touched: set[str] = set()
        queries = (
            ("SELECT order_no FROM orders WHERE rev > ?", mark.tracker, False),
            ("SELECT order_no FROM review WHERE rev > ?", mark.tracker, True),
            ("SELECT order_no FROM payments WHERE rev > ?", mark.tracker, False),
            ("SELECT order_no FROM outbox WHERE sent_rev > ?", mark.tracker, False),
            ("SELECT order_no FROM outbox WHERE id > ?", mark.notice, False),
        )
        for sql, since, named in queries:
            for (order_no,) in self.conn.execute(sql, (since,)):
                if order_no:
                    touched.add(order_no)
                elif named:
                    return None
        return touched

    def orders_since(self, revision: int, *, excluding_status: tuple[str, ...] = ()) -> list[Order]:
        """The orders changed after ``revision`` (all of them for 0), by order number."""
        where = f" AND status NOT IN ({marks(excluding_status)})" if excluding_status else ""
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
        rows = self.conn.execute(
            f"SELECT data FROM orders WHERE archived IS NULL AND status IN ({marks(statuses)}) AND updated_at < ?"
            " ORDER BY order_no",
            (*statuses, iso(untouched_since)),
        ).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def live_orders_reaching(self, milestones: Iterable[str], *, excluding_status: tuple[str, ...] = ()) -> list[Order]:
        """Live orders whose facts record one of ``milestones`` (and whose status is not one of
        ``excluding_status``), filtered in SQL so the others are never decoded."""
        paths = [f'$.facts.milestones."{name}"' for name in milestones]
        if not paths:
            return []
        reached = " OR ".join("json_extract(data, ?) IS NOT NULL" for _ in paths)
        status = f" AND status NOT IN ({marks(excluding_status)})" if excluding_status else ""
        rows = self.conn.execute(
            f"SELECT data FROM orders WHERE archived IS NULL{status} AND ({reached}) ORDER BY order_no",
            (*excluding_status, *paths),
        ).fetchall()
        return [order_from_dict(json.loads(r[0])) for r in rows]

    def live_order_numbers(self) -> list[str]:
        """The numbers of the orders the live tracker shows, in order."""
        return [r[0] for r in self.conn.execute("SELECT order_no FROM orders WHERE archived IS NULL ORDER BY order_no")]

    def archivable_numbers(self, statuses: tuple[str, ...], untouched_since: dt.datetime) -> list[tuple[str, str]]:
        """``archivable`` without decoding the orders: (order number, received_at as stored)."""
        rows = self.conn.execute(
            "SELECT order_no, json_extract(data, '$.received_at') FROM orders WHERE archived IS NULL"
            f" AND status IN ({marks(statuses)}) AND updated_at < ? ORDER BY order_no",
            (*statuses, iso(untouched_since)),
        ).fetchall()
        return [(number, received or "") for number, received in rows]

    def mark_archived(self, order_nos: list[str], workbook: str) -> None:
        self.conn.executemany("UPDATE orders SET archived = ? WHERE order_no = ?", [(workbook, n) for n in order_nos])

    def archived_orders(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT order_no FROM orders WHERE archived IS NOT NULL")}

    def archived_among(self, order_nos: Iterable[str]) -> set[str]:
        """Those of ``order_nos`` moved to a yearly archive workbook (without reading the rest of
        history: archived orders outnumber live ones more every year)."""
        wanted = sorted(set(order_nos))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            batch = wanted[i : i + 500]
            rows = self.conn.execute(
                f"SELECT order_no FROM orders WHERE archived IS NOT NULL AND order_no IN ({marks(batch)})", batch
            )
            found.update(r[0] for r in rows)
        return found

    def order_briefs(self) -> list[dict[str, Any]]:
        """What the Dashboard draws, for every order, read without decoding whole orders: number,
        customer, status, month, currency, total (text), next action and its due date; by order
        number. The dicts are shared between calls: read them, do not change them.

        Kept between calls as ``known_po_numbers`` is (a daemon writes the tracker, and so the
        Dashboard, every cycle that changed something: at 20,000 orders reading every brief took
        0.13 s of it): only the orders whose revision moved since are read again, all of them
        when one went, and always inside a transaction."""
        rev, count = self._rev_and_count()
        kept: tuple[int, dict[str, dict[str, Any]], list[dict[str, Any]]] | None = getattr(self, "_briefs", None)
        if kept is not None and (rev, count) == (kept[0], len(kept[1])) and not self.conn.in_transaction:
            return list(kept[2])
        briefs = None
        if kept is not None and not self.conn.in_transaction:
            briefs = {**kept[1], **self._briefs_of("WHERE rev > ?", (kept[0],))}
            if len(briefs) != count:  # an order went: read them all
                briefs = None
        if briefs is None:
            briefs = self._briefs_of("", ())
        ordered = [briefs[order_no] for order_no in sorted(briefs)]
        if not self.conn.in_transaction:
            self._briefs = (rev, briefs, ordered)
        return list(ordered)

    def _briefs_of(self, where: str, args: tuple) -> dict[str, dict[str, Any]]:
        """``order_briefs`` of the orders ``where`` picks, by order number."""
        # One json_extract with several paths parses each order's JSON once (it returns an array).
        cursor = self.conn.execute(
            "SELECT order_no, customer, status, json_extract(data, '$.po_date', '$.received_at', '$.currency',"
            f" '$.total', '$.facts.next_action', '$.facts.next_due') FROM orders {where}",
            args,
        )
        names = ("order_no", "customer", "status", "day", "currency", "total", "next_action", "next_due")
        return {
            order_no: dict(zip(names, (order_no, customer, status, (po_date or (received or "")[:10]), *rest)))
            for order_no, customer, status, extracted in cursor
            for po_date, received, *rest in (json.loads(extracted),)
        }


# --------------------------------------------------------------------------- (de)serialising


def order_to_dict(order: Order) -> dict[str, Any]:
    data = asdict(replace(order, facts=OrderFacts()))
    data["facts"] = order.facts.to_json()  # by fact name, as stored before OrderFacts existed
    return data


def order_from_dict(data: dict[str, Any]) -> Order:
    def dec(v: Any) -> Decimal | None:
        return Decimal(v) if v not in (None, "") else None

    def day(v: Any) -> dt.date | None:
        return dt.date.fromisoformat(v) if v else None

    lines = [
        OrderLine(
            item=line.get("item"),
            description=line.get("description"),
            quantity=dec(line.get("quantity")),
            unit=line.get("unit"),
            unit_price=dec(line.get("unit_price")),
            amount=dec(line.get("amount")),
            delivery_date=day(line.get("delivery_date")),
        )
        for line in data.get("lines", [])
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
        facts=OrderFacts.from_json(data.get("facts")),
    )
