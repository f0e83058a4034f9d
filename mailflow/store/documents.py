"""The document queue (table ``document_queue``): orders whose documents wait to be made, put
there in the transaction that recorded the order, taken off once their notices are queued."""

from __future__ import annotations

import datetime as dt

from .database import Database, iso


class DocumentQueue(Database):
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
