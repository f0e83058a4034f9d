"""The customer master (table ``customers``; ``data`` is the JSON of
``mailflow.customers.Customer``). Staff own it on the tracker's Customers sheet."""

from __future__ import annotations

import datetime as dt
import json

from ..customers import Customer
from .database import Database, dumps, iso


class Customers(Database):
    def customers(self) -> list["Customer"]:
        """The customer master, oldest first (see ``mailflow.customers``)."""
        rows = self.conn.execute("SELECT data FROM customers ORDER BY id").fetchall()
        return [Customer.from_dict(json.loads(r[0])) for r in rows]

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
