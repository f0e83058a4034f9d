"""A tracker whose size does not grow with history: the Log sheet is a window on recent activity,
and closed orders nobody touches move to a yearly archive workbook, on real workbooks."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.styles import PatternFill

from mailflow.context import Env
from mailflow.store import iso
from mailflow.tracker import Tracker
from helpers.tracker_rows import YELLOW, add_orders, cell, make_order, rows_by_key, staff_edit
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures

LONG_AGO = NOW - dt.timedelta(days=200)


def log_refs(path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Log"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    return [row[cols["Ref"] - 1] for row in ws.iter_rows(min_row=2, values_only=True) if row[cols["Ref"] - 1]]


def add_events(env: Env, count: int) -> None:
    with env.store.transaction():
        for n in range(count):
            env.store.add_event(NOW, "note", "cli", "SO-2026-0001", {"n": n})


def test_the_log_sheet_keeps_the_newest_rows_and_logs_nothing_twice(env: Env, tracker: Tracker) -> None:
    env.config.tracker.log_rows = 100
    add_orders(env, [1])
    add_events(env, 150)
    tracker.write(NOW)
    refs = log_refs(tracker.path)
    assert len(refs) == 100 and refs[-1] == f"E{env.store.last_event_id()}"
    add_events(env, 30)
    tracker.write(NOW)
    after = log_refs(tracker.path)
    assert len(after) == 100 and len(set(after)) == 100
    assert after[-30:] == [f"E{i}" for i in range(env.store.last_event_id() - 29, env.store.last_event_id() + 1)]
    assert after[:70] == refs[30:]  # the window moved by exactly the rows added
    assert len(env.store.events()) == 180  # the full history stays in the store


def test_notices_sent_out_of_id_order_are_logged_once_each(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    with env.store.transaction():
        for n in (1, 2, 3):
            env.store.conn.execute(
                "INSERT INTO outbox (key, order_no, kind, message_id, transport, recipients, subject, eml,"
                " status, created_at) VALUES (?, 'SO-2026-0001', 'order_ack', ?, 'file', '[]', 's', x'00',"
                " 'queued', ?)",
                (f"k{n}", f"<{n}@x>", iso(NOW)),
            )
    sent = lambda n: env.store.conn.execute(  # noqa: E731
        "UPDATE outbox SET status = 'sent', sent_at = ? WHERE key = ?", (iso(NOW), f"k{n}")
    )
    sent(3)
    tracker.write(NOW)
    sent(1)
    tracker.write(NOW)
    tracker.write(NOW + dt.timedelta(days=1))
    sent(2)
    tracker.write(NOW + dt.timedelta(days=1))
    assert [r for r in log_refs(tracker.path) if r.startswith("N")] == ["N3", "N1", "N2"]
    shadow = env.store.conn.execute("SELECT COUNT(*) FROM tracker_shadow WHERE sheet = 'Log'").fetchone()[0]
    assert shadow == 2  # two cursors, not one row per notice ever sent


def close_long_ago(env: Env, numbers, when=LONG_AGO) -> None:
    with env.store.transaction():
        for n in numbers:
            env.store.save_order(
                make_order(n, status="Closed", received_at=dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)), when
            )


def test_closed_orders_move_to_a_yearly_archive_with_their_lines(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2, 3, 4])
    tracker.write(NOW)
    staff_edit(
        tracker.path,
        lambda wb: (
            setattr(cell(wb["Orders"], "SO-2026-0004", "Notes"), "value", "keep me"),
            setattr(cell(wb["Orders"], "SO-2026-0004", "Notes"), "fill", PatternFill("solid", fgColor=YELLOW)),
        ),
    )
    read_edits(tracker, NOW)
    close_long_ago(env, [1, 2])
    with env.store.transaction():  # closed recently: stays live
        env.store.save_order(make_order(3, status="Closed"), NOW - dt.timedelta(days=5))
    assert tracker.write(NOW).saved

    live = openpyxl.load_workbook(tracker.path)
    assert sorted(rows_by_key(live["Orders"])) == ["SO-2026-0003", "SO-2026-0004"]
    assert sorted(rows_by_key(live["Lines"])) == ["SO-2026-0003", "SO-2026-0004"]
    kept = cell(live["Orders"], "SO-2026-0004", "Notes")
    assert kept.value == "keep me" and kept.fill.fgColor.rgb == YELLOW  # staff formatting moved up with it
    link = cell(live["Orders"], "SO-2026-0004", "Archive")
    assert link.hyperlink is not None and link.hyperlink.ref == link.coordinate
    assert "SO-2026-0004" in link.hyperlink.target

    archive = tracker.path.with_name("tracker-2025.xlsx")
    book = openpyxl.load_workbook(archive)
    assert book.sheetnames == live.sheetnames
    assert sorted(rows_by_key(book["Orders"])) == ["SO-2026-0001", "SO-2026-0002"]
    assert rows_by_key(book["Orders"])["SO-2026-0001"]["Status"] == "Closed"
    assert sorted(rows_by_key(book["Lines"])) == ["SO-2026-0001", "SO-2026-0002"]
    dashboard = [c for row in live["Dashboard"].iter_rows() for c in row if c.value == "tracker-2025.xlsx"]
    assert dashboard and dashboard[0].hyperlink.target == "tracker-2025.xlsx"
    assert env.store.order("SO-2026-0001") is not None  # the history stays in the store

    # Later cycles neither bring them back nor archive them twice; a staff edit still lands.
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0004", "Notes"), "value", "again"))
    assert [e.new for e in read_edits(tracker, NOW)] == ["again"]
    tracker.write(NOW + dt.timedelta(days=1))
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == ["SO-2026-0003", "SO-2026-0004"]
    assert len(rows_by_key(openpyxl.load_workbook(archive)["Orders"])) == 2
    assert not [r for r in env.store.reviews() if "missing" in r.reason]
    with env.store.transaction():  # an archived order changed in the store stays in its archive
        env.store.save_order(make_order(1, status="Closed", customer="Renamed Co"), NOW + dt.timedelta(days=1))
    add_orders(env, [5])
    assert tracker.write(NOW + dt.timedelta(days=1)).added == 1
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        "SO-2026-0003",
        "SO-2026-0004",
        "SO-2026-0005",
    ]


def test_an_archive_workbook_open_in_excel_keeps_its_orders_live_until_it_is_closed(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    close_long_ago(env, [1])
    archive = tracker.path.with_name("tracker-2025.xlsx")
    openpyxl.Workbook().save(archive)
    lock = archive.with_name("~$" + archive.name)
    lock.write_bytes(b"\x05alice")
    tracker.write(NOW)
    assert "SO-2026-0001" in rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])
    assert any("tracker-2025.xlsx" in r.reason for r in env.store.reviews())
    lock.unlink()
    tracker.write(NOW + dt.timedelta(minutes=5))
    assert "SO-2026-0001" not in rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])
    assert "SO-2026-0001" in rows_by_key(openpyxl.load_workbook(archive)["Orders"])


def test_archiving_can_be_turned_off(env: Env, tracker: Tracker) -> None:
    env.config.tracker.archive_after_days = 0
    add_orders(env, [1])
    close_long_ago(env, [1])
    tracker.write(NOW)
    assert "SO-2026-0001" in rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])
    assert not tracker.path.with_name("tracker-2025.xlsx").exists()


def test_finished_review_rows_leave_with_their_orders_and_are_not_looked_for_again(
    env: Env, tracker: Tracker, monkeypatch
) -> None:
    add_orders(env, [1, 2, 3])
    with env.store.transaction():
        ids = {
            n: env.store.add_review(NOW, f"check PO-{n}", key=f"check:{n}", order_no=f"SO-2026-{n:04d}")
            for n in (1, 2, 3)
        }
        for n in (1, 3):
            env.store.mark_review(ids[n], True, NOW)
    tracker.write(NOW)
    close_long_ago(env, [1, 2])
    with env.store.transaction():  # a write that closed them leaves the store revision ahead
        env.store.conn.execute("UPDATE review SET done_at = ? WHERE id = ?", (iso(LONG_AGO), ids[1]))
    assert tracker.write(NOW).saved

    refs = {row[0] for row in openpyxl.load_workbook(tracker.path)["Review"].iter_rows(min_row=2, values_only=True)}
    assert ids[1] not in refs and {ids[2], ids[3]} <= refs  # order 2's open item stays live
    assert str(ids[1]) not in env.store.shadow_keys("Review")
    assert {str(ids[2]), str(ids[3])} <= env.store.shadow_keys("Review")

    # After a staff save, the write looks for the rows missing and finds none to compare.
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0003", "Notes"), "value", "x"))
    assert [e.new for e in read_edits(tracker, NOW)] == ["x"]
    add_orders(env, [4])
    assert tracker.write(NOW).added == 1 and tracker.reviews_compared == 0
