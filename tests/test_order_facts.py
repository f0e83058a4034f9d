"""``Order.facts`` is a typed ``OrderFacts``, stored as the same JSON object as before.

A row saved before the type existed (facts as a plain dict) loads into the typed fields, reads
the same through the workflow, and saves back to the identical JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from mailflow.model import Order, OrderFacts
from mailflow.store import Store
from mailflow.workflow import steps

NOW = dt.datetime(2026, 6, 12, 2, 0, tzinfo=dt.timezone.utc)

# Facts as an order stored them before OrderFacts: the state machine, the customer, tracker
# values, a list of payments, and a name no field knows (a future or a retired fact).
OLD_FACTS = {
    "milestones": {
        "confirmed": {"on": "2026-06-02", "via": "status"},
        "deposit_received": {"on": "2026-06-05", "via": "deposit_received"},
    },
    "documents": {"order_form:received": ["Acme/SO-2026-0007 PO PO-1/SO-2026-0007 Order Form.docx"]},
    "revision": 2,
    "review_cleared": "2026-06-01",
    "confirmation_sent": "2026-06-02",
    "customer_source": "master",
    "sender": "buyer@acme.example",
    "payments": [{"id": "P1", "kind": "deposit", "amount": "300.00", "on": "2026-06-05", "ref": None}],
    "deposit_received": "300.00",
    "deposit_paid_on": "2026-06-05",
    "assembly_date": "2026-06-20",
    "confirmed_delivery": "2026-07-01",
    "contact": "Jane Clarke",
    "next_action": "Assembly (set the Assembly Date)",
    "next_due": "2026-06-20",
    "total_computed": True,
    "a_fact_from_a_later_version": {"kept": ["as", "is"]},
}


def old_row(store: Store) -> str:
    order = Order(
        "SO-2026-0007",
        "PO-1",
        "Acme",
        NOW - dt.timedelta(days=12),
        total=Decimal("1000"),
        currency="USD",
        customer_email="buyer@acme.example",
    )
    store.save_order(order, NOW)
    with store.transaction():  # the row as the earlier version wrote it
        store.conn.execute(
            "UPDATE orders SET data = json_set(data, '$.facts', json(?)) WHERE order_no = ?",
            (json.dumps(OLD_FACTS), order.order_no),
        )
    return order.order_no


def stored_facts(store: Store, order_no: str) -> dict:
    row = store.conn.execute("SELECT data FROM orders WHERE order_no = ?", (order_no,)).fetchone()
    return json.loads(row[0])["facts"]


def test_an_old_row_loads_into_the_typed_fields(tmp_path):
    store = Store(tmp_path / "m.db")
    order = store.order(old_row(store))
    facts = order.facts
    assert isinstance(facts, OrderFacts)
    assert facts.milestones == OLD_FACTS["milestones"] and facts.revision == 2
    assert facts.confirmation_sent == "2026-06-02" and facts.customer_source == "master"
    assert facts.payments[0]["amount"] == "300.00"
    assert facts.other["assembly_date"] == "2026-06-20"
    assert facts.other["a_fact_from_a_later_version"] == {"kept": ["as", "is"]}
    assert facts == OLD_FACTS  # and still reads by name, as the tracker and the tables do
    assert sorted(facts.keys()) == sorted(OLD_FACTS) and list(facts.values()) == [facts[k] for k in facts]
    assert steps.derive_status(order) == "Deposit received"
    assert steps.milestones(order)["confirmed"] == dt.date(2026, 6, 2)


def test_an_old_row_saves_back_to_the_same_json(tmp_path):
    store = Store(tmp_path / "m.db")
    order_no = old_row(store)
    store.save_order(store.order(order_no), NOW)
    assert stored_facts(store, order_no) == OLD_FACTS


def test_a_fact_set_to_none_is_absent_and_saved_as_absent(tmp_path):
    store = Store(tmp_path / "m.db")
    order = store.order(old_row(store))
    order.facts["confirmation_sent"] = None  # as `_set_fact` and the tracker remove a value
    order.facts.pop("assembly_date")
    order.facts.change_open = {"opened": "2026-06-12", "ref": "<c@acme.example>"}
    assert "confirmation_sent" not in order.facts and order.facts.get("assembly_date") is None
    store.save_order(order, NOW)
    saved = stored_facts(store, order.order_no)
    assert "confirmation_sent" not in saved and "assembly_date" not in saved
    assert saved["change_open"] == {"opened": "2026-06-12", "ref": "<c@acme.example>"}
    assert store.order(order.order_no).facts.change_open["ref"] == "<c@acme.example>"


def test_a_plain_dict_given_to_an_order_becomes_typed_facts():
    order = Order("SO-1", "PO-1", "Acme", NOW, facts={"cancelled": "2026-06-10"})
    assert isinstance(order.facts, OrderFacts) and order.facts.cancelled == "2026-06-10"
    assert steps.derive_status(order) == "Cancelled"
    moved = order.with_(facts={**order.facts, "cancelled": None})
    assert isinstance(moved.facts, OrderFacts) and moved.facts.cancelled is None
