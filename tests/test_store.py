"""The SQLite store: migrations, ledger, orders round trip, append-only events, review dedup."""

import dataclasses
import datetime as dt
import pickle
import sqlite3
from decimal import Decimal

import pytest

from mailflow.customers import Customer
from mailflow.model import Order, OrderLine, Payment
from mailflow.parseworker import KnownPOs
from mailflow.model import KnownNumbers
from mailflow.store import Store

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state" / "m.db")
    yield s
    s.close()


def test_migrations_apply_once_and_use_wal(tmp_path):
    path = tmp_path / "m.db"
    first = Store(path)
    version = first.schema_version
    first.close()
    again = Store(path)
    assert again.schema_version == version >= 1
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in again.conn.execute("SELECT name FROM schema_migrations")]
    assert len(names) == len(set(names))
    again.close()


def test_every_migration_has_a_number_of_its_own():
    """Two files with one number would stop every workspace at start-up (the version is a key)."""
    from mailflow.store import _migrations

    numbers = [version for version, _name, _sql in _migrations()]
    assert numbers == sorted(set(numbers)), f"migration numbers repeat or skip order: {numbers}"
    assert numbers == list(range(1, len(numbers) + 1)), f"migration numbers have a gap: {numbers}"


def test_ledger_by_source_and_by_content(store):
    with store.transaction():
        store.record_message(
            NOW,
            source="maildir:x",
            source_key="k1",
            identity="<a@b>",
            message_id="<a@b>",
            sha256="s1",
            size=10,
            outcome="processed",
        )
        # the same source key again is ignored, not an error (a retry after a crash)
        store.record_message(
            NOW,
            source="maildir:x",
            source_key="k1",
            identity="<a@b>",
            message_id="<a@b>",
            sha256="s1",
            size=10,
            outcome="processed",
        )
    assert store.seen_source("maildir:x", "k1").outcome == "processed"
    assert store.seen_content("<a@b>", "other").source_key == "k1"
    assert store.seen_content("<zzz>", "s1").source_key == "k1"
    assert store.seen_content("<zzz>", "nope") is None
    assert [r.source_key for r in store.pending_done("maildir:x")] == ["k1"]
    store.mark_done("maildir:x", "k1", NOW)
    assert store.pending_done("maildir:x") == []


def test_order_round_trip_keeps_decimals_and_dates(store):
    order = Order(
        order_no="SO-2026-0001",
        po_number="PO-1",
        customer="ACME",
        received_at=NOW,
        total=Decimal("1234.50"),
        po_date=dt.date(2026, 11, 20),
        lines=[
            OrderLine(
                item="A",
                quantity=Decimal("3"),
                unit_price=Decimal("0.10"),
                amount=Decimal("0.30"),
                delivery_date=dt.date(2026, 12, 15),
            )
        ],
        facts={"assembly_date": "2027-01-05"},
    )
    with store.transaction():
        store.save_order(order, NOW)
    back = store.order("SO-2026-0001")
    assert back == order
    assert store.order_by_po("ACME", "PO-1") == order
    assert [o.order_no for o in store.orders_by_po("po-1")] == ["SO-2026-0001"]
    assert store.has_po("po-1") and store.has_po("PO-1") and not store.has_po("PO-2")


def test_a_po_number_is_the_same_po_whatever_its_case_spaces_or_invisible_characters(store):
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
    store.save_order(
        Order(order_no="SO-2026-0001", customer="ACME", po_number=" \u200bKT-00001 ", received_at=now), now
    )
    store.save_order(Order(order_no="SO-2026-0002", customer="ACME", po_number="ＺＢ-７", received_at=now), now)
    store.save_order(Order(order_no="SO-2026-0003", customer="Other", po_number="Straße-9", received_at=now), now)
    for same in ("kt-00001", "KT-00001", "\ufeffKt-00001\u200d", " kt-00001\t"):
        assert store.order_by_po("ACME", same).order_no == "SO-2026-0001", same
        assert [o.order_no for o in store.orders_by_po(same)] == ["SO-2026-0001"]
        assert store.has_po(same) and KnownPOs.of(store.po_numbers())(same)
    assert store.order_by_po("ACME", "zb-7").order_no == "SO-2026-0002"
    assert store.order_by_po("Other", "STRASSE-9").order_no == "SO-2026-0003"
    assert store.has_po("straße-9") and store.has_po("zb-7")
    assert store.order_by_po("Other", "kt-00001") is None  # a PO is a customer's own
    assert not store.has_po("KT-0001") and not store.has_po("")
    assert store.known_po_numbers() == {"kt-00001", "zb-7", "strasse-9"}


def test_the_workspace_secret_is_made_once_kept_and_its_own(store, tmp_path):
    secret = store.workspace_secret(NOW)
    assert len(secret) == 64 and int(secret, 16) and store.workspace_secret(NOW) == secret
    again = Store(store.path)
    assert again.workspace_secret(NOW) == secret  # kept with the state: Message-IDs stay the same
    again.close()
    other = Store(tmp_path / "other" / "m.db")
    assert other.workspace_secret(NOW) != secret
    other.close()


def test_order_numbers_are_sequential_per_year(store):
    assert [store.next_order_no(2026) for _ in range(3)] == ["SO-2026-0001", "SO-2026-0002", "SO-2026-0003"]
    assert store.next_order_no(2027) == "SO-2027-0001"


def test_events_are_append_only(store):
    store.add_event(NOW, "order_received", "email", "SO-1", {"x": Decimal("1.5")})
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE events SET kind = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM events")
    assert store.events("SO-1")[0].detail == '{"x": "1.5"}'


def test_review_is_added_once_per_key(store):
    assert store.add_review(NOW, "check it", key="k") is not None
    assert store.add_review(NOW, "check it", key="k") is None
    assert len(store.reviews()) == 1


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_event(NOW, "a", "cli")
            with store.transaction():  # nested joins the outer one
                store.add_event(NOW, "b", "cli")
            raise RuntimeError("boom")
    assert store.events() == []


def test_orders_can_leave_out_closed_ones(store):
    for number, status in (("SO-1", "Received"), ("SO-2", "Closed"), ("SO-3", "Cancelled")):
        store.save_order(Order(order_no=number, po_number=number, customer="C", received_at=NOW, status=status), NOW)
    assert [o.order_no for o in store.orders()] == ["SO-1", "SO-2", "SO-3"]
    assert [o.order_no for o in store.orders(excluding_status=("Closed", "Cancelled"))] == ["SO-1"]


def test_the_revision_moves_for_what_the_tracker_shows_and_not_for_status_rows(store):
    start = store.revision()
    store.save_order(Order(order_no="SO-1", po_number="P1", customer="C", received_at=NOW), NOW)
    store.save_order(Order(order_no="SO-2", po_number="P2", customer="C", received_at=NOW), NOW)
    after_orders = store.revision()
    assert after_orders == start + 2
    store.set_status("daemon", {"heartbeat_at": NOW.isoformat()}, NOW)
    store.save_order(Order(order_no="SO-1", po_number="P1", customer="C", received_at=NOW), NOW)  # same data
    assert store.revision() == after_orders
    assert [o.order_no for o in store.orders_since(start)] == ["SO-1", "SO-2"]
    store.save_order(Order(order_no="SO-2", po_number="P2", customer="C", received_at=NOW, status="Confirmed"), NOW)
    assert [o.order_no for o in store.orders_since(after_orders)] == ["SO-2"]
    moved = store.revision()
    store.add_event(NOW, "note", "cli", "SO-1")
    store.add_review(NOW, "check it", key="k")
    assert store.revision() == moved + 2


def test_the_orders_a_change_touched_since_a_mark(store):
    """What the workflow's timers look at again: each order whose row, review items, payments or
    notices (queued, then sent) changed after the mark; None for a review item of no order."""
    for number in ("SO-1", "SO-2", "SO-3", "SO-4", "SO-5"):
        store.save_order(Order(order_no=number, po_number=number, customer="C", received_at=NOW), NOW)
    mark = store.workflow_revision()
    assert store.orders_touched_since(mark) == set()
    store.save_order(Order(order_no="SO-1", po_number="SO-1", customer="C", received_at=NOW, status="Confirmed"), NOW)
    store.add_review(NOW, "check the amount", key="workflow:SO-2:money:x", order_no="SO-2")
    store.save_payment(Payment("SO-3", "deposit", Decimal("10.00"), "USD", dt.date(2026, 11, 23)), NOW)
    store.add_notice(NOW, key="SO-4:order_ack:received", order_no="SO-4", kind="order_ack", message_id="<a@x>",
                     transport="file", recipients=["b@x.test"], subject="s", eml=b"e")  # fmt: skip
    store.add_event(NOW, "note", "cli", "SO-5")  # the timers read no event
    assert store.orders_touched_since(mark) == {"SO-1", "SO-2", "SO-3", "SO-4"}
    later = store.workflow_revision()
    assert later.tracker > mark.tracker and later.notice == mark.notice + 1 and later.customers == mark.customers
    entry = store.notice("SO-4:order_ack:received")
    store.update_notice(entry.id, status="sent", sent_at=NOW.isoformat())
    assert store.orders_touched_since(later) == {"SO-4"}
    payment = store.payments("SO-3")[0]
    store.save_payment(dataclasses.replace(payment, status="Rejected"), NOW)
    assert store.orders_touched_since(later) == {"SO-3", "SO-4"}
    store.add_review(NOW, "a sheet problem", key="tracker:x")
    assert store.orders_touched_since(later) is None
    store.save_customer(Customer("C-0001", "C"), NOW)
    assert store.workflow_revision().customers > later.customers


def test_the_orders_touched_since_a_mark_are_found_by_index_not_by_reading_every_row(store):
    """At 20,000 orders a query that reads every order or notice takes tens of milliseconds."""
    mark = store.workflow_revision()
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.orders_touched_since(mark)
    store.conn.set_trace_callback(None)
    assert len(statements) == 5
    for sql in statements:
        plan = [row[-1] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert all(step.startswith("SEARCH") for step in plan), (sql, plan)


def test_notices_of_an_order_are_found_by_index(store):
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT key, created_at FROM outbox WHERE order_no = ?", ("SO-1",)
    ).fetchall()
    assert any("outbox_order" in row[-1] for row in plan), plan


def test_review_rows_by_key_prefix_are_found_by_index_not_by_reading_every_row(store):
    """The workflow asks for an order's open Review rows by key prefix, for each order it looks
    at: that must not read every Review row ever written."""
    traced: list[str] = []
    store.conn.set_trace_callback(traced.append)
    store.open_reviews("payment:SO-1:")
    store.conn.set_trace_callback(None)
    (sql,) = traced
    plan = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    assert not any(row[-1].startswith("SCAN review") for row in plan), plan


@pytest.mark.parametrize("prefix", ["payment:SO-1:", "payment", "msg:<1>:", "订单:", "z\uffff", "k\ud7ff"])
def test_review_rows_by_key_prefix_are_exactly_those_starting_so(store, prefix):
    keys = ["payment:SO-1:a", "payment:SO-1;", "payment:SO-10:a", "payment", "paymenu", "msg:<1>:x",
            "msg:<1>;", "订单:1", "订单;", "z\uffff", "z\uffff\U0010ffff", "k\ud7ff1", "k\ue000", "{"]  # fmt: skip
    for key in keys:
        store.add_review(NOW, key, key=key, order_no="SO-1")
    store.add_review(NOW, "no key", order_no="SO-1")
    found = [r.key for r in store.open_reviews(prefix)]
    assert found == [key for key in keys if key.startswith(prefix)]


# --------------------------------------------------------------------------- repositories and records

RECORD_TABLES = {"messages": "LedgerEntry", "outbox": "OutboxEntry", "review": "ReviewItem", "events": "Event"}


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_each_record_has_exactly_its_tables_columns(store, table):
    """A migration that adds a column must add it to the record too (or a caller cannot read it)."""
    from dataclasses import fields

    from mailflow.store import records

    columns = {row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")}
    assert {f.name for f in fields(getattr(records, RECORD_TABLES[table]))} == columns


def test_no_two_repositories_define_the_same_method():
    """``Store`` is the sum of its repositories: a name defined twice would silently hide one."""
    from mailflow.store import REPOSITORIES, Store

    owners: dict[str, list[str]] = {}
    for repository in REPOSITORIES:
        for name in vars(repository):
            if not name.startswith("__"):
                owners.setdefault(name, []).append(repository.__name__)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert set(Store.__mro__) >= set(REPOSITORIES)


def test_the_outbox_hands_out_records_and_changes_only_send_columns(store):
    with store.transaction():
        assert store.add_notice(
            NOW,
            key="SO-1:order_ack:received",
            order_no="SO-1",
            kind="order_ack",
            message_id="<n1@x>",
            transport="file",
            recipients=["a@x.test", "b@x.test"],
            subject="Order",
            eml=b"raw bytes",
        )
        assert not store.add_notice(
            NOW,
            key="SO-1:order_ack:received",
            order_no="SO-1",
            kind="order_ack",
            message_id="<n2@x>",
            transport="file",
            recipients=[],
            subject="",
            eml=b"",
        )
    (entry,) = store.notices(status="queued")
    assert entry.recipients == ("a@x.test", "b@x.test") and entry.eml == b"raw bytes"
    assert entry.trigger == "received" and entry.attempts == 0 and store.has_notice(entry.key)
    store.update_notice(entry.id, status="sent", sent_at=NOW.isoformat(), attempts=1)
    assert store.notice(entry.key).status == "sent" and store.count_notices("queued") == 0
    with pytest.raises(ValueError, match="eml"):
        store.update_notice(entry.id, eml=b"other bytes")  # what was queued is what goes out
    assert store.notice_by_message_id(["<n1@x>"]).key == entry.key
    assert [n.key for n in store.sent_notices_since(-1)] == [entry.key]


def test_a_savepoint_undoes_its_own_writes_and_keeps_the_callers(store):
    with store.transaction():
        store.add_review(NOW, "kept", key="a")
        with pytest.raises(RuntimeError):
            with store.savepoint():
                store.add_review(NOW, "undone", key="b")
                with store.savepoint():
                    store.add_review(NOW, "undone too", key="c")
                raise RuntimeError("one order failed")
        store.add_review(NOW, "after", key="d")
    assert [r.reason for r in store.reviews()] == ["kept", "after"]


def test_review_items_close_by_key_and_by_prefix_and_suffix(store):
    for key in ("msg:<1>:customer", "msg:<1>:unreadable", "payment:SO-1:x", "msg::customer"):
        store.add_review(NOW, key, key=key, order_no="SO-1")
    found = [r.key for r in store.open_reviews("msg:", "SO-1", key_suffix=":customer")]
    assert found == ["msg:<1>:customer", "msg::customer"]
    assert store.finish_reviews(["msg:<1>:unreadable", "nope"], NOW) == 1
    assert store.count_reviews("open") == 3 and store.count_reviews("open", key_prefix="payment:") == 1
    assert [r.key for r in store.reviews("done")] == ["msg:<1>:unreadable"]


def test_known_po_numbers_follow_new_changed_and_rolled_back_orders(store, tmp_path):
    """The PO numbers the parse worker gets are kept between messages and still exact: a new
    order adds its number, a changed one drops its old number, a rolled-back one leaves none,
    and a second connection's order is seen."""
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    with store.transaction():
        store.save_order(Order("SO-2026-0001", "PO-A1", "Acme", now), now)
    assert store.known_po_numbers() == {"po-a1"}
    with store.transaction():
        store.save_order(Order("SO-2026-0002", "PO-B2", "Acme", now), now)
    assert store.known_po_numbers() == {"po-a1", "po-b2"}
    with store.transaction():
        store.save_order(Order("SO-2026-0001", "PO-A1-REV", "Acme", now), now)
    assert store.known_po_numbers() == {"po-a1-rev", "po-b2"}
    rolled_back(store, Order("SO-2026-0003", "PO-C3", "Acme", now), lambda: "po-c3" in store.known_po_numbers())
    assert store.known_po_numbers() == {"po-a1-rev", "po-b2"}
    saved_by_another_connection(store, Order("SO-2026-0004", "PO-D4", "Acme", now))
    assert store.known_po_numbers() == {"po-a1-rev", "po-b2", "po-d4"}


def rolled_back(store: Store, order: Order, seen_inside) -> None:
    """``order`` saved in a transaction that is then rolled back; ``seen_inside()`` must be true
    before it is."""
    with pytest.raises(RuntimeError), store.transaction():
        store.save_order(order, order.received_at)
        assert seen_inside()
        raise RuntimeError("rolled back")


def saved_by_another_connection(store: Store, order: Order) -> None:
    other = Store(store.path)
    try:
        with other.transaction():
            other.save_order(order, order.received_at)
    finally:
        other.close()


def test_known_numbers_grow_without_changing_the_values_taken_before():
    """The values of one lineage share their numbers: a later one grows at the end, an earlier
    one still holds exactly what it held, and what came between is a slice."""
    first = KnownNumbers.of(["po-1", "po-2", "po-1"])
    later = first.grown(["po-3", "po-2", "po-4"])
    assert list(first) == ["po-1", "po-2"] and len(first) == 2 and "po-3" not in first
    assert list(later) == ["po-1", "po-2", "po-3", "po-4"] and "po-3" in later and "po-9" not in later
    assert later.since(first) == ["po-3", "po-4"] and later.since(later) == [] and first.since(later) is None
    assert later == {"po-1", "po-2", "po-3", "po-4"} and first != later
    branch = first.grown(["po-5"])  # grown from a value that is not the longest: a lineage of its own
    assert list(branch) == ["po-1", "po-2", "po-5"] and "po-5" not in later and list(later)[-1] == "po-4"
    assert branch.since(first) is None and later.since(KnownNumbers.of(["po-1"])) is None
    copied = pickle.loads(pickle.dumps(first))  # as a parse worker receives it: the numbers alone
    assert type(copied) is frozenset and copied == {"po-1", "po-2"}


def test_successive_known_po_numbers_share_a_lineage_until_an_order_changes(store):
    """What the store added between two calls is found as a slice (the pipeline and the parse
    workers ask for it every message); a changed order, or a value taken inside a transaction,
    is a lineage of its own, so nothing rolled back or gone reaches the others."""
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    with store.transaction():
        store.save_order(Order("SO-2026-0001", "PO-A1", "Acme", now), now)
    first = store.known_po_numbers()
    with store.transaction():
        store.save_order(Order("SO-2026-0002", "PO-B2", "Acme", now), now)
        assert store.known_po_numbers().since(first) is None  # inside a transaction: its own
    second = store.known_po_numbers()
    assert second.since(first) == ["po-b2"] and list(first) == ["po-a1"]
    with pytest.raises(RuntimeError), store.transaction():
        store.save_order(Order("SO-2026-0003", "PO-C3", "Acme", now), now)
        raise RuntimeError("rolled back")
    with store.transaction():
        store.save_order(Order("SO-2026-0004", "PO-D4", "Acme", now), now)
    assert store.known_po_numbers().since(second) == ["po-d4"]  # the rolled-back number is nowhere
    with store.transaction():
        store.save_order(Order("SO-2026-0001", "PO-A1-REV", "Acme", now), now)
    changed = store.known_po_numbers()
    assert changed.since(second) is None and changed == {"po-a1-rev", "po-b2", "po-d4"}


def test_order_briefs_follow_new_changed_and_rolled_back_orders(store):
    """The Dashboard's briefs are kept between tracker writes and still exact: a new order is
    added in its place, a changed one drawn as it is now, a rolled-back one is not there, and a
    second connection's order is seen."""
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)

    def briefs():
        return [(b["order_no"], b["status"], b["total"]) for b in store.order_briefs()]

    with store.transaction():
        store.save_order(Order("SO-2026-0002", "PO-B2", "Acme", now, total=Decimal("10.00")), now)
    assert briefs() == [("SO-2026-0002", "Received", "10.00")]
    with store.transaction():
        store.save_order(Order("SO-2026-0001", "PO-A1", "Acme", now, total=Decimal("5.00")), now)
    assert briefs() == [("SO-2026-0001", "Received", "5.00"), ("SO-2026-0002", "Received", "10.00")]
    with store.transaction():
        store.save_order(Order("SO-2026-0002", "PO-B2", "Acme", now, total=Decimal("12.50"), status="Confirmed"), now)
    asked: list[str] = []
    store.conn.set_trace_callback(asked.append)
    assert briefs() == [("SO-2026-0001", "Received", "5.00"), ("SO-2026-0002", "Confirmed", "12.50")]
    store.conn.set_trace_callback(None)
    (read,) = [sql for sql in asked if "json_extract" in sql]
    assert "WHERE rev >" in read  # only the order that changed was read again
    rolled_back(store, Order("SO-2026-0003", "PO-C3", "Acme", now), lambda: len(briefs()) == 3)
    assert [b[0] for b in briefs()] == ["SO-2026-0001", "SO-2026-0002"]
    saved_by_another_connection(store, Order("SO-2026-0000", "PO-Z0", "Acme", now))
    assert [b[0] for b in briefs()] == ["SO-2026-0000", "SO-2026-0001", "SO-2026-0002"]
    fresh = Store(store.path)  # read whole, as a process starting does
    try:
        assert fresh.order_briefs() == store.order_briefs()
    finally:
        fresh.close()
