"""The tracker file itself: lock files, parts openpyxl would destroy, damaged or missing
workbooks and repair, backups, and a round trip through LibreOffice headless."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from PIL import Image as PILImage

from mailflow.context import Env
from mailflow.errors import TrackerError, TrackerLocked
from mailflow.model import Order, OrderLine
from mailflow.tracker import Tracker, workbook
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures
from helpers.tracker_rows import resave_with_libreoffice


def add_orders(env: Env, numbers, **changes) -> None:
    for n in numbers:
        order = Order(
            order_no=f"SO-2026-{n:04d}",
            po_number=f"PO-{n}",
            customer="Acme GmbH",
            received_at=NOW,
            po_date=dt.date(2026, 11, 2),
            currency="EUR",
            total=Decimal("990.00"),
            lines=[OrderLine(item="X1", quantity=Decimal(3))],
        )
        env.store.save_order(order.with_(**changes), NOW)


def order_rows(path: Path) -> dict[str, dict]:
    ws = openpyxl.load_workbook(path)["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    out: dict[str, dict] = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        key = row[cols["Order No"] - 1]
        if key:
            assert key not in out, f"{key} twice"
            out[key] = {h: row[c - 1] for h, c in cols.items()}
    return out


def set_cell(path: Path, key: str, header: str, value) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    for row in ws.iter_rows(min_row=2):
        if row[cols["Order No"] - 1].value == key:
            row[cols[header] - 1].value = value
    wb.save(path)


# --------------------------------------------------------------------------- locks


@pytest.mark.parametrize(
    "lock_name, content, app",
    [
        ("~$tracker.xlsx", bytes([4]) + b"mary" + b" " * 50, "Excel by mary"),
        (".~lock.tracker.xlsx#", b",Mary Lee,desk-7,22.11.2026 10:00,file:///home/mary;", "LibreOffice by Mary Lee"),
    ],
)
def test_nothing_is_written_while_open_and_the_queue_lands_after(
    env: Env, tracker: Tracker, lock_name: str, content: bytes, app: str
) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    lock = tracker.path.with_name(lock_name)
    lock.write_bytes(content)
    before = tracker.path.read_bytes()
    set_cell(tracker.path, "SO-2026-0001", "Notes", "seen while open")  # staff typing, then saving
    before = tracker.path.read_bytes()

    add_orders(env, [2, 3])
    edits = read_edits(tracker, NOW)  # reading an open workbook is fine
    assert [(e.field, e.new) for e in edits] == [("notes", "seen while open")]
    result = tracker.write(NOW)
    assert result.queued and not result.saved and app in result.reason
    assert tracker.path.read_bytes() == before
    assert any(app in p.message for p in tracker.check())

    lock.unlink()
    result = tracker.write(NOW)
    assert result.saved and result.added == 2
    assert tracker.write(NOW).saved is False  # landed once
    rows = order_rows(tracker.path)
    assert sorted(rows) == ["SO-2026-0001", "SO-2026-0002", "SO-2026-0003"]
    assert rows["SO-2026-0001"]["Notes"] == "seen while open"


def test_a_save_by_someone_else_during_a_write_is_not_overwritten(tracker: Tracker, env: Env) -> None:
    add_orders(env, [1])
    stale = workbook.Stamp.of(tracker.path)
    wb = openpyxl.load_workbook(tracker.path)
    set_cell(tracker.path, "SO-2026-0001", "Notes", "x")  # no row yet: only changes the file
    with pytest.raises(TrackerLocked, match="changed by someone else"):
        workbook.save_atomic(wb, tracker.path, expect=stale, backups_dir=tracker.backups_dir, keep=3, now=NOW)
    assert workbook.Stamp.of(tracker.path) != stale
    assert not list(tracker.path.parent.glob(".~mailflow-*"))  # no temp file left behind


def test_staff_save_between_read_and_write_is_kept(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    read_edits(tracker, NOW)  # the workbook is now cached in memory
    set_cell(tracker.path, "SO-2026-0001", "Invoice No", "INV-77")
    add_orders(env, [2])
    assert tracker.write(NOW).added == 1
    assert order_rows(tracker.path)["SO-2026-0001"]["Invoice No"] == "INV-77"
    assert [e.new for e in read_edits(tracker, NOW)] == ["INV-77"]


# --------------------------------------------------------------------------- what openpyxl loses


def test_a_workbook_with_a_picture_is_not_silently_destroyed(env: Env, tracker: Tracker, tmp_path: Path) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    png = tmp_path / "logo.png"
    PILImage.new("RGB", (20, 20), "red").save(png)
    wb = openpyxl.load_workbook(tracker.path)
    wb["Orders"].add_image(Image(png), "AD2")
    wb.save(tracker.path)
    before = tracker.path.read_bytes()

    add_orders(env, [2])
    result = tracker.write(NOW)
    assert result.queued and "pictures (Orders)" in result.reason
    assert tracker.path.read_bytes() == before
    assert any("pictures" in r.reason for r in env.store.reviews())
    tracker.write(NOW)
    assert len(env.store.reviews()) == 1  # said once
    problems = tracker.check()
    assert problems[0].level == "error" and "pictures (Orders)" in problems[0].message


@pytest.mark.parametrize(
    "part, what",
    [
        ("xl/pivotTables/pivotTable1.xml", "pivot tables"),
        ("xl/vbaProject.bin", "macros"),
        ("xl/threadedComments/threadedComment1.xml", "threaded comments"),
    ],
)
def test_parts_openpyxl_drops_block_the_save(tracker: Tracker, part: str, what: str) -> None:
    with zipfile.ZipFile(tracker.path, "a") as archive:
        archive.writestr(part, b"<x/>")
    problems = workbook.inspect_parts(tracker.path)
    assert [p.level for p in problems] == ["error"] and what in problems[0].message
    assert tracker.write(NOW).queued


def test_mailflows_own_dashboard_charts_do_not_block(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    assert workbook.inspect_parts(tracker.path) == []
    add_orders(env, [3])
    assert tracker.write(NOW).saved


# --------------------------------------------------------------------------- damaged, missing, repair


def test_damaged_tracker_gives_a_clear_error_and_repair_restores(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    set_cell(tracker.path, "SO-2026-0001", "Status", "Confirmed")
    read_edits(tracker, NOW)
    add_orders(env, [3])
    tracker.write(NOW)  # backs up the version holding the staff edit
    add_orders(env, [4])

    tracker.path.write_bytes(tracker.path.read_bytes()[:3000])  # a half-copied file
    for call in (tracker.read_edits, tracker.write):
        with pytest.raises(TrackerError, match="not a valid .xlsx") as caught:
            call(NOW)
        assert "mailflow tracker repair" in caught.value.hint
    assert tracker.check()[0].level == "error"

    message = tracker.repair(NOW)
    assert "restored" in message and "broken" in message
    rows = order_rows(tracker.path)
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 5)]
    assert rows["SO-2026-0001"]["Status"] == "Confirmed"
    assert list(tracker.backups_dir.glob("tracker-broken-*.xlsx"))
    assert read_edits(tracker, NOW) == [] and not tracker.write(NOW).saved


def test_missing_tracker_without_backups_is_rebuilt_from_the_store(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    set_cell(tracker.path, "SO-2026-0002", "Deposit Received", 297)
    read_edits(tracker, NOW)
    tracker.path.unlink()
    shutil.rmtree(tracker.backups_dir)
    with pytest.raises(TrackerError, match="does not exist"):
        read_edits(tracker, NOW)
    assert "rebuilt" in tracker.repair(NOW)
    rows = order_rows(tracker.path)
    assert sorted(rows) == ["SO-2026-0001", "SO-2026-0002"]
    assert rows["SO-2026-0002"]["Deposit Received"] == 297  # the staff value the store kept


def test_an_xls_tracker_is_refused_with_the_repair_hint(env: Env) -> None:
    env.config.workspace.tracker = Path("tracker.xls")
    path = env.path(env.config.workspace.tracker)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(TrackerError, match="97-2003") as caught:
        read_edits(Tracker(env), NOW)
    assert "mailflow tracker repair" in caught.value.hint


def test_backups_keep_the_configured_number(env: Env, tracker: Tracker) -> None:
    env.config.tracker.keep_backups = 3
    for n in range(1, 7):
        add_orders(env, [n])
        assert tracker.write(NOW + dt.timedelta(minutes=n)).saved
    backups = workbook.list_backups(tracker.path, tracker.backups_dir)
    assert len(backups) == 3
    assert len(order_rows(backups[0])) == 5  # the newest backup is the version before the last save


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.soffice
def test_edits_saved_by_libreoffice_sync_without_phantoms(env: Env, tracker: Tracker, tmp_path: Path, soffice) -> None:
    add_orders(env, [1, 2])
    add_orders(env, [3], customer="=cmd|' /C calc'!A0", facts={"next_due": "2026-11-25"})
    tracker.write(NOW)
    wb = openpyxl.load_workbook(tracker.path)
    ws = wb["Orders"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    ws.cell(row=2, column=cols["Status"], value="Confirmed")
    ws.cell(row=3, column=cols["Deposit Received"], value=297.5)
    ws.cell(row=4, column=cols["Assembly Date"], value=dt.date(2027, 1, 4))
    ws.cell(row=2, column=cols["Customer"]).comment = Comment("key account", "Li")
    wb.create_sheet("Staff sheet")["A1"] = "ours"
    wb.save(tracker.path)
    resave_with_libreoffice(soffice, tracker.path, tmp_path)

    edits = {(e.order_no, e.field): e.new for e in read_edits(tracker, NOW)}
    assert edits == {
        ("SO-2026-0001", "status"): "Confirmed",
        ("SO-2026-0002", "deposit_received"): Decimal("297.5"),
        ("SO-2026-0003", "assembly_date"): dt.date(2027, 1, 4),
    }
    add_orders(env, [4])
    result = tracker.write(NOW)
    # Updated cells are the workflow's answer to the three edits (Next Action, Deposit Due...).
    assert result.saved and result.added == 1 and result.conflicts == 0

    resave_with_libreoffice(soffice, tracker.path, tmp_path)
    assert read_edits(tracker, NOW) == []
    assert not tracker.write(NOW).saved  # nothing looks changed after LibreOffice's re-save
    wb = openpyxl.load_workbook(tracker.path)
    rows = order_rows(tracker.path)
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 5)]
    assert rows["SO-2026-0001"]["Status"] == "Confirmed"
    assert rows["SO-2026-0003"]["Customer"] == "'=cmd|' /C calc'!A0"
    assert wb["Orders"].cell(row=2, column=cols["Customer"]).comment.text.startswith("key account")
    assert wb["Staff sheet"]["A1"].value == "ours"
    assert len(wb["Orders"].data_validations.dataValidation) >= 2
    assert env.store.reviews() == []


def test_check_reports_layout_and_queue_problems(env: Env, tracker: Tracker) -> None:
    env.config.tracker.headers["po_numbr"] = "PO"
    add_orders(env, [1, 2])
    env.store.add_event(NOW, "order_created", "email", "SO-2026-0001")
    tracker.write(NOW)
    wb = openpyxl.load_workbook(tracker.path)
    wb["Orders"]["C1"] = "Their PO"  # staff renamed "PO No"
    del wb["Log"]
    wb.save(tracker.path)
    add_orders(env, [3])
    messages = [p.message for p in tracker.check()]
    assert any("unknown field 'po_numbr'" in m for m in messages)
    assert any("no column headed 'PO No'" in m for m in messages)
    assert any("sheet Log is missing" in m for m in messages)
    assert any("1 order(s) not yet in the tracker" in m for m in messages)
    tracker.write(NOW)
    assert not any("not yet in the tracker" in p.message for p in tracker.check())
    assert any("column 'PO No'" in r.reason for r in env.store.reviews())
    rows = order_rows(tracker.path)
    assert [rows[k]["PO No"] for k in sorted(rows)] == ["PO-1", "PO-2", "PO-3"]  # refilled
    assert [rows[k]["Their PO"] for k in sorted(rows)] == ["PO-1", "PO-2", None]  # staff's, kept
    log = openpyxl.load_workbook(tracker.path)["Log"]
    assert [c.value for c in log[2]][1:3] == ["SO-2026-0001", "order_created"]  # logged again
    assert not tracker.write(NOW).saved


def test_a_chart_made_by_staff_blocks_the_save(env: Env, tracker: Tracker) -> None:
    from openpyxl.chart import LineChart, Reference

    add_orders(env, [1, 2])
    tracker.write(NOW)
    wb = openpyxl.load_workbook(tracker.path)
    ws = wb["Orders"]
    chart = LineChart()
    chart.add_data(Reference(ws, min_col=8, min_row=1, max_row=3), titles_from_data=True)
    ws.add_chart(chart, "AD5")
    wb.save(tracker.path)
    problems = workbook.inspect_parts(tracker.path)
    assert [p.message.split(":")[0] for p in problems] == ["charts made in Excel (Orders)"]
    add_orders(env, [3])
    assert tracker.write(NOW).queued


def test_what_the_read_inflated_is_checked_for_lost_parts_without_inflating_it_again(
    env: Env, tracker: Tracker, monkeypatch
) -> None:
    """The sheets a read streams are looked at for what openpyxl cannot keep as they pass by:
    the write after it inflates none of them again, and still refuses a sheet with sparklines."""
    add_orders(env, [1, 2])
    assert tracker.write(NOW).saved
    sparklines = (
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"'
        ' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        "<x14:sparklineGroups><x14:sparklineGroup><x14:sparklines/></x14:sparklineGroup>"
        "</x14:sparklineGroups></ext></extLst></worksheet>"
    )
    parts = workbook._sheet_parts(zipfile.ZipFile(tracker.path))
    orders = next(part for part, sheet in parts.items() if sheet == "Orders")
    with zipfile.ZipFile(tracker.path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    staff_saved = tracker.path.with_suffix(".staff.xlsx")
    with zipfile.ZipFile(staff_saved, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in members:
            if info.filename == orders:
                content = content.replace(b"</worksheet>", sparklines.encode())
            target.writestr(info.filename, content)
    staff_saved.replace(tracker.path)

    inflated: list[str] = []
    markers_in = workbook._markers_in
    monkeypatch.setattr(
        workbook, "_markers_in", lambda archive, part: inflated.append(part) or markers_in(archive, part)
    )
    read_edits(tracker, NOW)
    add_orders(env, [3])
    result = tracker.write(NOW)
    assert result.queued and "sparklines (Orders)" in result.reason
    streamed = {part for part, sheet in parts.items() if sheet in tracker.sheets_read}
    assert orders in streamed and inflated and not streamed & set(inflated)
    assert [p.message.split(":")[0] for p in workbook.inspect_parts(tracker.path)] == ["sparklines (Orders)"]


def test_a_save_that_keeps_size_and_time_is_still_seen(tracker: Tracker, env: Env) -> None:
    """Two saves in one tick of the file system's clock, of the same size: the stamp (the
    zip's directory, with every part's CRC) still tells them apart; the same bytes put back
    are the same version."""
    import os

    add_orders(env, [1])
    tracker.write(NOW)
    with zipfile.ZipFile(tracker.path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]

    def save(old: bytes, new: bytes) -> workbook.Stamp | None:
        with zipfile.ZipFile(tracker.path, "w", zipfile.ZIP_STORED) as archive:
            for info, data in parts:
                archive.writestr(zipfile.ZipInfo(info.filename, info.date_time), data.replace(old, new))
        os.utime(tracker.path, ns=(0, 10**18))
        return workbook.Stamp.of(tracker.path)

    first = save(b"", b"")
    edited = save(b"SO-2026-0001", b"SO-2026-0009")  # same length: same size, same time
    assert first is not None and edited is not None and first.digest.startswith("zip:")
    assert (first.size, first.mtime_ns) == (edited.size, edited.mtime_ns) and first != edited
    assert save(b"", b"") == first
