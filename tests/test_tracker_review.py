"""The Review sheet is the desk's to-do list: a row staff delete is closed and stays deleted,
on the patched and the full write alike; a sheet emptied of every row by mistake is written
again with a note. On real workbooks, opened back with openpyxl."""

from __future__ import annotations

import openpyxl

from mailflow.context import Env
from mailflow.tracker import Tracker
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures
from helpers.tracker_rows import add_orders, rows_by_key, staff_edit


def _reviews(env: Env, numbers) -> dict[int, int]:
    with env.store.transaction():
        return {
            n: env.store.add_review(NOW, f"check PO-{n} against the PO", key=f"check:{n}", order_no=f"SO-2026-{n:04d}")
            for n in numbers
        }


def _refs(path) -> list[int]:
    return sorted(rows_by_key(openpyxl.load_workbook(path)["Review"], "Ref"))


def _delete(path, refs) -> None:
    def delete(wb) -> None:
        ws = wb["Review"]
        for row in sorted((r[0].row for r in ws.iter_rows(min_row=2) if r[0].value in refs), reverse=True):
            ws.delete_rows(row)

    staff_edit(path, delete)


def test_a_review_row_staff_delete_is_closed_and_not_written_again(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 6))
    ids = _reviews(env, range(1, 6))
    tracker.write(NOW)
    assert _refs(tracker.path) == sorted(ids.values())
    _delete(tracker.path, {ids[2], ids[4]})
    assert read_edits(tracker, NOW) == []
    add_orders(env, [6])
    result = tracker.write(NOW)
    assert result.added == 1 and result.reviews == 0 and tracker.path_taken == "patch"
    assert _refs(tracker.path) == [ids[1], ids[3], ids[5]]
    done = {item.id: item for item in env.store.reviews(None)}
    assert done[ids[2]].status == "done" and done[ids[2]].off_sheet and done[ids[4]].done_at
    assert done[ids[1]].status == "open" and done[ids[1]].off_sheet is None
    assert not [item for item in env.store.reviews() if item.key and item.key.startswith("tracker-readded")]

    # A full save (a sheet missing, drawn again) writes every live item: not the deleted ones.
    staff_edit(tracker.path, lambda wb: wb.remove(wb["Production Plan"]))
    assert read_edits(tracker, NOW) == []
    add_orders(env, [7])
    assert tracker.write(NOW).added == 1 and tracker.path_taken.startswith("full")
    note = env.store.review_by_key("tracker-layout:sheet Production Plan")
    assert note is not None and _refs(tracker.path) == [ids[1], ids[3], ids[5], note.id]
    # A new item still gets its row.
    new = _reviews(env, [8])
    assert Tracker(env).write(NOW).reviews == 1
    assert _refs(tracker.path) == [ids[1], ids[3], ids[5], note.id, new[8]]


def test_a_review_sheet_emptied_of_every_row_is_written_again_with_a_note(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 4))
    ids = _reviews(env, range(1, 4))
    tracker.write(NOW)
    _delete(tracker.path, set(ids.values()))
    assert read_edits(tracker, NOW) == []
    add_orders(env, [4])
    tracker.write(NOW)
    refs = _refs(tracker.path)
    assert set(ids.values()) < set(refs)
    notes = [item for item in env.store.reviews() if item.key and item.key.startswith("tracker-readded:Review")]
    assert len(notes) == 1 and "all 3 rows" in notes[0].reason and notes[0].id in refs
    assert all(item.status == "open" for item in env.store.reviews(None) if item.id in ids.values())
