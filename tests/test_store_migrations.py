"""Migrations run on a store that already holds data: what they must remove, and what they must keep."""

import sqlite3

from mailflow.store import Store, _migrations, _split_sql


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
