"""The customer master (table ``customers``; ``data`` is the JSON of
``mailflow.customers.Customer``). Staff own it on the tracker's Customers sheet."""

from __future__ import annotations

import datetime as dt
import json

from ..customers import Customer
from .database import Database, dumps, iso


class Customers(Database):
    def customers(self) -> list["Customer"]:
        """The customer master, oldest first (see ``mailflow.customers``).

        Kept between calls while the master is unchanged: the pipeline asks for it several times
        per message, and decoding it each time cost more than the look-ups themselves. Any change
        to the table, by this process or another (staff editing the Customers sheet, ``mailflow
        customers``), moves ``customers_rev`` (migration 0010), and the next call reads it again.
        What is kept comes from outside a transaction only: one rolled back may have moved the
        number through a state that was never committed. The records are shared between calls:
        change a copy (``Customer.with_``), never one in place."""
        rev = self._counter("customers_rev")
        kept: tuple[int, list[Customer]] | None = getattr(self, "_customers_kept", None)
        if kept is not None and kept[0] == rev:
            return list(kept[1])
        rows = self.conn.execute("SELECT data FROM customers ORDER BY id").fetchall()
        master = [Customer.from_dict(json.loads(r[0])) for r in rows]
        if not self.conn.in_transaction:
            self._customers_kept = (rev, master)
        return list(master)

    def customer(self, customer_id: str) -> "Customer | None":
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
