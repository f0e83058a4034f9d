"""Migrations run on a store that already holds data: what they must remove, and what they must keep."""

import datetime as dt
import sqlite3

from mailflow.model import Order
from mailflow.store import Store, _migrations, _split_sql, dumps, order_to_dict


def _store_before(path, version: int) -> sqlite3.Connection:
    """A store with the migrations numbered below ``version`` applied, as an older mailflow left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for number, name, sql in _migrations():
        if number < version:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-11-01')", (number, name))
    return conn


def test_0013_forgets_only_the_review_shadow_of_archived_orders_done_items(tmp_path):
    """A store updated from before 0013 holds shadow rows and fingerprints of Review rows that
    left the live tracker with their archived orders. The migration forgets exactly those: the
    shadow of open items, of items of live orders, and of the other sheets stays, so no staff
    edit or Review row is taken for new or deleted after the update."""
    path = tmp_path / "old.db"
    conn = _store_before(path, 13)
    at = "2026-11-01T09:00:00+00:00"
    for order_no, archived in (("SO-OLD", "tracker-2025.xlsx"), ("SO-LIVE", None)):
        conn.execute(
            "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at, archived)"
            " VALUES (?, 'C', ?, 'Closed', '{}', ?, ?, ?)",
            (order_no, f"PO-{order_no}", at, at, archived),
        )
    items = {}
    for name, order_no, status in (
        ("archived-done", "SO-OLD", "done"),
        ("archived-open", "SO-OLD", "open"),
        ("live-done", "SO-LIVE", "done"),
        ("no-order-done", None, "done"),
    ):
        cursor = conn.execute(
            "INSERT INTO review (key, created_at, order_no, reason, status) VALUES (?, ?, ?, 'check', ?)",
            (name, at, order_no, status),
        )
        items[name] = str(cursor.lastrowid)
    for key in items.values():
        for sheet in ("Review", "Orders"):  # a key of another sheet that happens to be spelt the same
            conn.execute("INSERT INTO tracker_shadow VALUES (?, ?, 'reason', 'check')", (sheet, key))
            conn.execute("INSERT INTO tracker_row_hash VALUES (?, ?, ?)", (sheet, key, b"\x01" * 16))
    conn.execute("INSERT INTO tracker_shadow VALUES ('Orders', 'SO-OLD', 'status', 'Closed')")
    conn.close()

    store = Store(path)  # applies 0013 onwards
    try:
        assert store.schema_version >= 13
        shadow = {tuple(r) for r in store.conn.execute("SELECT sheet, row_key FROM tracker_shadow")}
        hashes = {tuple(r) for r in store.conn.execute("SELECT sheet, row_key FROM tracker_row_hash")}
    finally:
        store.close()
    gone = ("Review", items["archived-done"])
    kept = {("Review", items[name]) for name in ("archived-open", "live-done", "no-order-done")}
    kept |= {("Orders", key) for key in items.values()}
    assert gone not in shadow and gone not in hashes
    assert kept <= shadow and kept <= hashes
    assert ("Orders", "SO-OLD") in shadow
    assert len(shadow) == len(kept) + 1 and len(hashes) == len(kept)


def test_0013_on_a_store_without_leftovers_changes_nothing(tmp_path):
    """A store with nothing to forget (no archived order) keeps every shadow row as it was."""
    path = tmp_path / "old.db"
    conn = _store_before(path, 13)
    at = "2026-11-01T09:00:00+00:00"
    conn.execute(
        "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at)"
        " VALUES ('SO-1', 'C', 'PO-1', 'Received', '{}', ?, ?)",
        (at, at),
    )
    item = conn.execute(
        "INSERT INTO review (key, created_at, order_no, reason, status) VALUES ('k', ?, 'SO-1', 'check', 'done')",
        (at,),
    ).lastrowid
    conn.execute("INSERT INTO tracker_shadow VALUES ('Review', ?, 'done', 'yes')", (str(item),))
    conn.execute("INSERT INTO tracker_row_hash VALUES ('Review', ?, ?)", (str(item), b"\x02" * 16))
    conn.close()

    store = Store(path)
    try:
        assert [tuple(r) for r in store.conn.execute("SELECT sheet, row_key, field, value FROM tracker_shadow")] == [
            ("Review", str(item), "done", "yes")
        ]
        assert [tuple(r) for r in store.conn.execute("SELECT sheet, row_key FROM tracker_row_hash")] == [
            ("Review", str(item))
        ]
    finally:
        store.close()


def _data(order_no: str, po_number: str, customer: str) -> str:
    """An order's stored record, as mailflow wrote it (its PO number as typed)."""
    received = dt.datetime(2026, 11, 1, 9, tzinfo=dt.timezone.utc)
    return dumps(order_to_dict(Order(order_no, po_number, customer, received)))


def test_0015_cleans_old_po_numbers_so_a_resent_po_finds_its_order(tmp_path):
    """A store from before PO numbers were kept cleaned holds them as typed (a stray space, a
    full-width form, a zero-width space). After 0015 the PO lookups find those orders, so the
    same PO resent is filed with its order instead of becoming a second one."""
    path = tmp_path / "old.db"
    conn = _store_before(path, 15)
    at = "2026-11-01T09:00:00+00:00"
    typed = {
        "SO-2026-0001": " KT-00001 ",
        "SO-2026-0002": "ＡＢ-７７",
        "SO-2026-0003": "ZX\u200b-5",
        "SO-2026-0004": "PO-9",
    }
    for order_no, po in typed.items():
        conn.execute(
            "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at)"
            " VALUES (?, 'Acme', ?, 'Received', ?, ?, ?)",
            (order_no, po, _data(order_no, po, "Acme"), at, at),
        )
    conn.close()

    store = Store(path)
    try:
        assert store.schema_version >= 15
        for po in ("KT-00001", "kt-00001", "AB-77", "ZX-5", "PO-9"):
            assert store.has_po(po), po
            [order] = store.orders_by_po(po)
            assert order.order_no in typed
        assert sorted(store.po_numbers()) == ["AB-77", "KT-00001", "PO-9", "ZX-5"]
        # the order as recorded (its archive folder is named after it) is left as it was
        assert store.order_folder_parts("SO-2026-0001")[1] == " KT-00001 "
        assert store.reviews() == []
    finally:
        store.close()


def test_0015_keeps_both_orders_whose_po_numbers_clean_alike_and_asks_a_person(tmp_path):
    """Two old orders of one customer whose PO numbers differ only in spaces, width or case may
    be one PO entered twice: nothing is merged or dropped, and a Review item names both."""
    path = tmp_path / "old.db"
    conn = _store_before(path, 15)
    at = "2026-11-01T09:00:00+00:00"
    rows = (
        ("SO-2026-0001", "Acme", "KT-00001"),
        ("SO-2026-0002", "Acme", "KT-00001 "),
        ("SO-2026-0003", "Acme", "ｋｔ-00001"),
        ("SO-2026-0004", "Other Co", " KT-00001"),  # another customer's own numbering: no question
    )
    for order_no, customer, po in rows:
        conn.execute(
            "INSERT INTO orders (order_no, customer, po_number, status, data, created_at, updated_at)"
            " VALUES (?, ?, ?, 'Received', ?, ?, ?)",
            (order_no, customer, po, _data(order_no, po, customer), at, at),
        )
    conn.close()

    store = Store(path)
    try:
        kept = dict(store.conn.execute("SELECT order_no, po_number FROM orders").fetchall())
        assert kept == {
            "SO-2026-0001": "KT-00001",
            "SO-2026-0002": "KT-00001 ",  # would collide with SO-2026-0001: left as typed
            "SO-2026-0003": "kt-00001",
            "SO-2026-0004": "KT-00001",
        }
        items = {item.order_no: item for item in store.reviews()}
        assert sorted(items) == ["SO-2026-0002", "SO-2026-0003"]
        assert "SO-2026-0001" in items["SO-2026-0002"].reason and "entered twice" in items["SO-2026-0002"].reason
        assert "SO-2026-0002" in items["SO-2026-0003"].reason and "SO-2026-0001" in items["SO-2026-0003"].reason
        assert "Other Co" not in " ".join(item.reason for item in items.values())
        assert {o.order_no for o in store.orders_by_po("KT-00001")} >= {"SO-2026-0001", "SO-2026-0003", "SO-2026-0004"}
    finally:
        store.close()
    Store(path).close()  # opened again: nothing is asked twice
    store = Store(path)
    try:
        assert len(store.reviews()) == 2
    finally:
        store.close()
