"""SQLite state: the message ledger, orders, the append-only event log, the outbox, review items,
the tracker shadow, and small status facts.

The store owns its tables: every SQL statement of mailflow is in this package (or in a
migration), and the rest of mailflow calls the store's methods and gets plain values or typed
records (``records.py``) back, never a database row. tests/test_store_owns_sql.py keeps it so.
One module per table (or close group of tables), each a repository class:

    database.py   the connection, migrations, transaction() and savepoint()
    ledger.py     messages (the ledger) and parsing            → LedgerEntry
    orders.py     orders, order numbers, the tracker revision  → Order
    customers.py  the customer master                          → Customer
    payments.py   payments as facts                            → model.Payment
    documents.py  the document queue
    events.py     the append-only event log                    → Event
    outbox.py     notices to send                              → OutboxEntry
    review.py     things that need a person                    → ReviewItem
    shadow.py     the tracker shadow
    status.py     small status facts

``Store`` is all of them over one connection (one per process), so one ``transaction()`` can
span several tables. A new table comes as a migration file (``migrations/NNNN_name.sql``, never
CREATE TABLE at run time) and a repository module added to ``Store``'s bases; each method name
belongs to one repository (tests/test_store.py checks that no two define the same name).
"""

from __future__ import annotations

from .customers import Customers
from .database import Database, _migrations, _split_sql, dumps, iso
from .documents import DocumentQueue
from .events import Events
from .ledger import Ledger
from .orders import Orders, WorkflowMark, order_from_dict, order_to_dict
from .outbox import Outbox
from .payments import Payments
from .records import Event, LedgerEntry, OutboxEntry, ReviewItem
from .review import Review
from .shadow import TrackerShadow
from .status import StatusFacts

REPOSITORIES = (Ledger, Orders, Customers, Payments, DocumentQueue, Events, Outbox, Review, TrackerShadow, StatusFacts)


class Store(Ledger, Orders, Customers, Payments, DocumentQueue, Events, Outbox, Review, TrackerShadow, StatusFacts):
    """mailflow's state database: every repository over one connection (see the module docstring)."""


__all__ = [
    "Store",
    "Database",
    "REPOSITORIES",
    "dumps",
    "iso",
    "order_from_dict",
    "order_to_dict",
    "Event",
    "LedgerEntry",
    "OutboxEntry",
    "ReviewItem",
    "WorkflowMark",
    "_migrations",
    "_split_sql",
]
