"""Writes that patch the changed rows inside the .xlsx package: what staff made of the workbook
survives (formats, widths, filters, validations, conditional formats, their own sheets), new rows
look like the rows above them, ranges grow with the rows, text never becomes a formula, and the
file opens in openpyxl and LibreOffice and goes on round-tripping through staff edits."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import openpyxl
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PILImage

from mailflow.context import Env
from mailflow.tracker import Tracker, package, workbook
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures
from helpers.tracker_rows import (
    YELLOW,
    add_orders,
    cell,
    headers,
    make_order,
    resave_with_libreoffice,
    rows_by_key,
    staff_edit,
)


def _staff_formats(wb) -> None:
    """What staff do to a tracker they use: colours, a wider column, their own dropdown and
    highlight over the rows there are, their own sheet, and a real edit."""
    ws = wb["Orders"]
    cols = headers(ws)
    ws["B2"].fill = PatternFill("solid", fgColor=YELLOW)
    ws.cell(row=4, column=cols["Customer"]).font = Font(bold=True, color="FF0000")
    ws.column_dimensions["B"].width = 44
    ws.cell(row=3, column=cols["Notes"], value="call back")
    rule = DataValidation(type="list", formula1='"A,B,C"', allow_blank=True)
    rule.add("AZ2:AZ4")
    ws.add_data_validation(rule)
    ws.conditional_formatting.add(
        "B2:B4", CellIsRule(operator="equal", formula=['"Customer 1"'], fill=PatternFill("solid", fgColor="FFC7CE"))
    )
    wb.create_sheet("My notes")["A1"] = "kept"


def _sheet_xml(path, sheet: str) -> str:
    with zipfile.ZipFile(path) as archive:
        wb = openpyxl.load_workbook(path, read_only=True)
        index = wb.sheetnames.index(sheet) + 1
        wb.close()
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_a_patched_write_keeps_staff_formatting_and_grows_the_ranges(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 4))
    tracker.write(NOW)
    staff_edit(tracker.path, _staff_formats)
    assert [(e.order_no, e.new) for e in read_edits(tracker, NOW)] == [("SO-2026-0002", "call back")]
    with env.store.transaction():
        env.store.save_order(make_order(4, customer='=HYPERLINK("http://x","y")'), NOW)
        env.store.save_order(make_order(5), NOW)
        env.store.save_order(make_order(1, status="Confirmed"), NOW)
    with zipfile.ZipFile(tracker.path) as archive:
        before = {n: archive.read(n) for n in archive.namelist()}

    result = Tracker(env).write(NOW)  # a new process: nothing in memory, the patch path
    assert result.saved and result.added == 2
    writer = Tracker(env)
    add_orders(env, [6])
    writer.write(NOW)
    assert writer.path_taken == "patch"

    wb = openpyxl.load_workbook(tracker.path)
    ws = wb["Orders"]
    rows = rows_by_key(ws)
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 7)]
    assert rows["SO-2026-0001"]["Status"] == "Confirmed"
    assert rows["SO-2026-0002"]["Notes"] == "call back"
    assert rows["SO-2026-0004"]["Customer"] == '\'=HYPERLINK("http://x","y")'  # text, never a formula
    assert ws["B2"].fill.fgColor.rgb == YELLOW
    assert ws.column_dimensions["B"].width == 44
    cols = headers(ws)
    # A new row looks like the row above it: the bold red customer of row 4 carries down.
    assert ws.cell(row=5, column=cols["Customer"]).font.b and ws.cell(row=7, column=cols["Customer"]).font.b
    assert ws.cell(row=7, column=cols["PO Date"]).number_format == "yyyy-mm-dd"
    assert "USD" in ws.cell(row=7, column=cols["Total"]).number_format
    assert cell(ws, "SO-2026-0006", "Archive").hyperlink.target.endswith("SO-2026-0006%20PO%20PO-6")
    assert ws.auto_filter.ref.endswith("7") and ws.dimensions.endswith("7")
    assert [str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.formula1 == '"A,B,C"'] == ["AZ2:AZ7"]
    assert "B2:B7" in [str(cf.sqref) for cf in ws.conditional_formatting]
    assert wb["My notes"]["A1"].value == "kept"
    assert ["SO-2026-0006", 1] in [[r[0], r[1]] for r in wb["Lines"].iter_rows(min_row=2, values_only=True)]
    assert wb["Dashboard"]["A1"].value == "Order desk dashboard" and wb["Dashboard"]["A1"].font.b
    assert wb["Dashboard"]["A2"].value == dt.datetime(2026, 11, 20)
    dashboard = [r[:2] for r in wb["Dashboard"].iter_rows(values_only=True)]
    assert ["Received", 5] in [list(r) for r in dashboard] and ["Confirmed", 1] in [list(r) for r in dashboard]
    for name in ("Orders", "Lines", "Log", "Dashboard"):
        assert not re.search(r"<f[ >]", _sheet_xml(tracker.path, name)), name
    with zipfile.ZipFile(tracker.path) as archive:
        after = {n: archive.read(n) for n in archive.namelist()}
    untouched = [n for n in before if n.startswith("xl/worksheets/sheet") and "My notes" not in n]
    assert before.keys() <= after.keys()
    assert after["docProps/app.xml"] == before["docProps/app.xml"]  # parts nobody changed: as they were
    assert untouched


def test_the_styles_part_does_not_grow_with_each_write(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    counts = []
    for n in range(2, 6):
        add_orders(env, [n])
        writer = Tracker(env)
        writer.write(NOW)
        assert writer.path_taken == "patch"
        with zipfile.ZipFile(tracker.path) as archive:
            styles = archive.read("xl/styles.xml").decode()
        counts.append(re.search(r'<cellXfs count="(\d+)"', styles).group(1))
    assert len(set(counts[1:])) == 1, counts


def test_a_patched_workbook_opens_in_libreoffice_and_round_trips_staff_edits(
    env: Env, tracker: Tracker, soffice, tmp_path
) -> None:
    add_orders(env, range(1, 4))
    tracker.write(NOW)
    staff_edit(tracker.path, _staff_formats)
    read_edits(tracker, NOW)
    add_orders(env, [4, 5])
    writer = Tracker(env)
    writer.write(NOW)
    assert writer.path_taken == "patch"

    # Staff open the patched file in LibreOffice and save it; then they edit it again.
    resave_with_libreoffice(soffice, tracker.path, tmp_path)
    wb = openpyxl.load_workbook(tracker.path)
    rows = rows_by_key(wb["Orders"])
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 6)]
    assert rows["SO-2026-0002"]["Notes"] == "call back"
    assert rows["SO-2026-0005"]["Status"] == "Received"
    assert wb["Orders"]["B2"].fill.fgColor.rgb == YELLOW
    assert wb["My notes"]["A1"].value == "kept"
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0005", "Notes"), "value", "rush"))
    reader = Tracker(env)
    assert [(e.order_no, e.new) for e in read_edits(reader, NOW)] == [("SO-2026-0005", "rush")]
    add_orders(env, [6])
    reader.write(NOW)
    assert reader.path_taken == "patch"

    # And LibreOffice reads the twice-patched file too.
    converted = soffice.convert(
        shutil.copy(tracker.path, tmp_path / "again.xlsx"), tmp_path / "out", fmt="xlsx", timeout=180
    )
    rows = rows_by_key(openpyxl.load_workbook(converted)["Orders"])
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 7)]
    assert rows["SO-2026-0005"]["Notes"] == "rush" and rows["SO-2026-0002"]["Notes"] == "call back"
    assert rows["SO-2026-0006"]["Customer"] == "Customer 6"


def test_the_log_window_is_trimmed_by_a_patch(env: Env, tracker: Tracker) -> None:
    env.config.tracker.log_rows = 100
    add_orders(env, [1])
    tracker.write(NOW)
    for n in range(2, 5):
        with env.store.transaction():
            for i in range(40):
                env.store.add_event(NOW, "note", "tracker", "SO-2026-0001", {"i": i, "n": n})
        writer = Tracker(env)
        writer.write(NOW)
        assert writer.path_taken == "patch"
    ws = openpyxl.load_workbook(tracker.path)["Log"]
    refs = [r[5] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(refs) == 100 and ws.max_row == 101
    last = env.store.last_event_id()
    assert refs[-1] == f"E{last}" and refs[0] == f"E{last - 99}"  # the newest hundred, in order


def test_the_full_path_is_taken_for_what_patching_does_not_do(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    assert tracker.path_taken == "patch"  # a new workbook is filled by patching it too
    staff_edit(tracker.path, lambda wb: wb["Orders"].delete_cols(headers(wb["Orders"])["Notes"]))
    writer = Tracker(env)
    add_orders(env, [2])
    assert writer.write(NOW).added == 1
    assert writer.path_taken == "full: a column of the Orders sheet is missing"
    assert "Notes" in headers(openpyxl.load_workbook(tracker.path)["Orders"])


def test_a_patched_write_keeps_a_backup_and_waits_for_the_lock(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    lock = tracker.path.with_name(f".~lock.{tracker.path.name}#")
    lock.write_text(",mary,desk,2026-11-20,;")
    add_orders(env, [2])
    writer = Tracker(env)
    assert writer.write(NOW).queued
    lock.unlink()
    before = tracker.path.read_bytes()
    assert writer.write(NOW).added == 1 and writer.path_taken == "patch"
    newest = workbook.list_backups(tracker.path, tracker.backups_dir)[0]
    assert newest.read_bytes() == before  # the version replaced is kept


def test_the_guard_stops_a_patched_write_too(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    picture = tracker.path.with_name("logo.png")
    PILImage.new("RGB", (4, 4), "red").save(picture)
    staff_edit(tracker.path, lambda wb: wb["Orders"].add_image(Image(str(picture)), "AZ1"))
    add_orders(env, [2])
    result = Tracker(env).write(NOW)
    assert result.queued and "pictures" in result.reason
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == ["SO-2026-0001"]


def test_a_first_write_compares_the_orders_a_batch_at_a_time(env: Env, tracker: Tracker, monkeypatch) -> None:
    import mailflow.tracker as tracker_module

    monkeypatch.setattr(tracker_module, "BATCH", 2)
    add_orders(env, range(1, 6))
    result = tracker.write(NOW)
    assert (result.saved, result.added, result.lines, tracker.path_taken) == (True, 5, 5, "patch")
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        f"SO-2026-{n:04d}" for n in range(1, 6)
    ]
    assert len(workbook.list_backups(tracker.path, tracker.backups_dir)) == 1  # of the version before, once
    add_orders(env, [6])
    assert Tracker(env).write(NOW).added == 1  # the cursor was recorded with the last batch
    with env.store.transaction():
        env.store.forget_shadow()  # as after a repair: every order is compared again
    again = Tracker(env).write(NOW)
    assert again.added == 0 and again.conflicts == 0
    assert len(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == 6


def test_new_rows_go_below_a_row_staff_typed_without_an_order_number(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    staff_edit(
        tracker.path,
        lambda wb: setattr(wb["Orders"].cell(row=3, column=headers(wb["Orders"])["Notes"]), "value", "samples sent"),
    )
    add_orders(env, [2])
    writer = Tracker(env)
    writer.write(NOW)
    assert writer.path_taken == "patch"
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert ws.cell(row=3, column=headers(ws)["Notes"]).value == "samples sent"
    assert cell(ws, "SO-2026-0002", "Order No").row == 4


def test_a_refused_patch_falls_back_to_the_full_save(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    staff_edit(tracker.path, lambda wb: setattr(wb["Dashboard"], "_charts", []))  # a tracker without charts
    add_orders(env, [2])
    writer = Tracker(env)
    assert writer.write(NOW).added == 1
    assert writer.path_taken == "full: Dashboard: 3 charts to draw where there are 0"
    with zipfile.ZipFile(tracker.path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 3
    add_orders(env, [3])
    again = Tracker(env)
    assert again.write(NOW).added == 1 and again.path_taken == "patch"
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        "SO-2026-0001",
        "SO-2026-0002",
        "SO-2026-0003",
    ]


def test_a_link_written_again_leaves_no_relationship_behind(env: Env, tracker: Tracker) -> None:
    """Each rewrite of a linked cell gives it a new relationship: the old one goes, so the
    package does not grow with every cycle that touches the row."""
    add_orders(env, [1, 2])
    tracker.write(NOW)
    for n in range(3):
        with env.store.transaction():
            env.store.save_order(make_order(1, archive_dir=f"Customer 1/SO-2026-0001 PO PO-1 v{n}"), NOW)
        writer = Tracker(env)
        writer.write(NOW)
        assert writer.path_taken == "patch"
    # New rows only add their links, in a file mailflow wrote and in one staff saved.
    add_orders(env, [3, 4])
    assert Tracker(env).write(NOW).added == 2
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0002", "Notes"), "value", "ok"))
    read_edits(writer, NOW)
    add_orders(env, [5])
    assert writer.write(NOW).added == 1 and writer.path_taken == "patch"
    wb = openpyxl.load_workbook(tracker.path, read_only=True)
    index = wb.sheetnames.index("Orders") + 1
    wb.close()
    with zipfile.ZipFile(tracker.path) as archive:
        sheet = archive.read(f"xl/worksheets/sheet{index}.xml").decode()
        rels = archive.read(f"xl/worksheets/_rels/sheet{index}.xml.rels").decode()
    used = set(re.findall(r'<hyperlink\b[^>]*?:id="([^"]+)"', sheet))
    linked = set(re.findall(r'<Relationship\b[^>]*Id="([^"]+)"[^>]*/relationships/hyperlink"', rels))
    linked |= set(re.findall(r'<Relationship\b[^>]*/relationships/hyperlink"[^>]*Id="([^"]+)"', rels))
    assert used and linked == used
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert cell(ws, "SO-2026-0001", "Archive").hyperlink.target.endswith("PO-1%20v2")
    for n in (2, 3, 4, 5):
        target = cell(ws, f"SO-2026-000{n}", "Archive").hyperlink.target
        assert target.endswith(f"SO-2026-000{n}%20PO%20PO-{n}")
    assert len(used) == 5


def _compressed(path, name: str) -> bytes:
    """A part's bytes as stored in the package (still deflated), read past its local header."""
    with zipfile.ZipFile(path) as archive, open(path, "rb") as handle:
        info = archive.getinfo(name)
        handle.seek(info.header_offset + 26)
        skip = int.from_bytes(handle.read(2), "little") + int.from_bytes(handle.read(2), "little")
        handle.seek(skip, 1)
        return handle.read(info.compress_size)


def _repack_stored(path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for info, data in parts:
            info.compress_type = zipfile.ZIP_STORED
            out.writestr(info, data)


def test_parts_a_write_does_not_change_keep_their_compressed_bytes(env: Env, tracker: Tracker) -> None:
    """Unchanged parts are copied as stored, not inflated and deflated again; the package stays
    a valid zip that openpyxl reads, and the next write patches it again."""
    add_orders(env, [1, 2])
    tracker.write(NOW)
    staff_edit(tracker.path, lambda wb: wb.create_sheet("My notes").append(["kept", 42]))
    _repack_stored(tracker.path)  # as some tools save: parts stored, not deflated
    read_edits(tracker, NOW)
    with zipfile.ZipFile(tracker.path) as archive:
        before = {info.filename: info.CRC for info in archive.infolist()}
    stored = {name: _compressed(tracker.path, name) for name in before}
    add_orders(env, [3])
    writer = Tracker(env)
    assert writer.write(NOW).added == 1 and writer.path_taken == "patch"
    with zipfile.ZipFile(tracker.path) as archive:
        assert archive.testzip() is None
        after = {info.filename: info.CRC for info in archive.infolist()}
    # Parts with the same content; the Dashboard's charts and their links are drawn anew.
    kept = [n for n in before if after.get(n) == before[n] and not n.startswith(("xl/charts/", "xl/worksheets/_"))]
    assert "xl/worksheets/sheet1.xml" not in kept  # Orders got the new row
    assert "xl/theme/theme1.xml" in kept and len(kept) >= 8
    assert [name for name in kept if _compressed(tracker.path, name) != stored[name]] == []
    with zipfile.ZipFile(tracker.path) as archive:
        assert {archive.getinfo(name).compress_type for name in kept} == {zipfile.ZIP_STORED}
    wb = openpyxl.load_workbook(tracker.path)
    assert sorted(rows_by_key(wb["Orders"])) == ["SO-2026-0001", "SO-2026-0002", "SO-2026-0003"]
    assert [c.value for c in wb["My notes"][1]] == ["kept", 42]
    add_orders(env, [4])
    assert Tracker(env).write(NOW).added == 1
    assert "SO-2026-0004" in rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])


def _lines(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path)["Lines"]
    cols = headers(ws)
    return [(r[cols["Order No"] - 1], r[cols["Line"] - 1]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]


def test_a_write_finds_its_rows_where_it_wrote_them_until_staff_save(env: Env, tracker: Tracker) -> None:
    """After its own save a write does not read the big sheets again: it knows where each key
    is and reads only the rows it changes. A staff save changes the parts, and they are read
    again: the staff edit is applied once, and the rows land where they belong."""
    add_orders(env, [1, 2, 3])
    tracker.write(NOW)
    with env.store.transaction():
        env.store.save_order(make_order(2, status="Confirmed"), NOW)
    add_orders(env, [4])
    assert tracker.write(NOW).saved and tracker.path_taken == "patch"
    assert "Orders" not in tracker.sheets_read and "Lines" not in tracker.sheets_read
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert sorted(rows_by_key(ws)) == ["SO-2026-0001", "SO-2026-0002", "SO-2026-0003", "SO-2026-0004"]
    assert cell(ws, "SO-2026-0002", "Status").value == "Confirmed"
    assert _lines(tracker.path) == [(f"SO-2026-000{n}", 1) for n in (1, 2, 3, 4)]

    def sort_and_note(wb) -> None:  # staff sort the orders newest first and type a note
        ws = wb["Orders"]
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        for index, values in enumerate(reversed(rows), start=2):
            for col, value in enumerate(values, start=1):
                ws.cell(row=index, column=col).value = value
        ws.cell(row=2, column=headers(ws)["Notes"], value="rush")  # now SO-2026-0004

    staff_edit(tracker.path, sort_and_note)
    assert [(e.order_no, e.new) for e in read_edits(tracker, NOW)] == [("SO-2026-0004", "rush")]
    assert "Orders" in tracker.sheets_read
    with env.store.transaction():
        env.store.save_order(make_order(3, status="Cancelled"), NOW)
    assert tracker.write(NOW).saved and "Orders" not in tracker.sheets_read  # kept from the read
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    by_key = rows_by_key(ws)
    assert [ws.cell(row=r, column=1).value for r in range(2, 6)] == [f"SO-2026-000{n}" for n in (4, 3, 2, 1)]
    assert by_key["SO-2026-0003"]["Status"] == "Cancelled" and by_key["SO-2026-0004"]["Notes"] == "rush"
    assert by_key["SO-2026-0002"]["Status"] == "Confirmed"
    assert read_edits(tracker, NOW) == [] and env.store.order("SO-2026-0004").facts["notes"] == "rush"
    add_orders(env, [5])
    assert Tracker(env).write(NOW).added == 1  # a new process reads the sheets, and agrees
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"]))[-1] == "SO-2026-0005"


def test_rows_are_fetched_by_number_or_not_at_all(env: Env, tracker: Tracker) -> None:
    """The fetch of whole rows finds them by ``<row r="n"``; a sheet written another way is
    refused (and read the usual way by the caller), never half-read."""
    add_orders(env, [1, 2, 3])
    tracker.write(NOW)
    found = package.Package.open(tracker.path)
    data = package.SheetData("Orders", found.sheets["Orders"], formats=found.styles)
    assert package.fetch_rows(found, data, [3, 2])
    assert data.rows[2][1] == "SO-2026-0001" and data.rows[3][1] == "SO-2026-0002" and data.whole == {2, 3}
    assert not package.fetch_rows(found, package.SheetData("Orders", data.part, formats=found.styles), [9])
    with zipfile.ZipFile(tracker.path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[data.part] = re.sub(rb'<row r="(\d+)"', rb'<row spans="1:40" r="\1"', parts[data.part])
    with zipfile.ZipFile(tracker.path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)
    other = package.Package.open(tracker.path)
    assert not package.fetch_rows(other, package.SheetData("Orders", data.part, formats=other.styles), [2])


def test_the_streamed_read_gives_the_values_openpyxl_gives_however_cells_are_written(tmp_path) -> None:
    """Cells written the usual way are read by one pattern, all others the careful way: shared
    and inline strings, entities, numbers, dates by their format, booleans, formulas, rich text,
    attributes in another order and a cell without its reference all read as openpyxl reads them."""
    path = tmp_path / "cells.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws.append(["Order No", "Qty", "Price", "Due", "At", "Rush", "Sum", "Note", "Rich", "Odd", "Last"])
    ws.append(["SO-1 & <co>", 3, 12.5, dt.date(2026, 11, 20), dt.datetime(2026, 11, 20, 9, 30), True, "=B2*C2"])
    ws.append(["SO-2", -4, 1e-7, None, None, False, None, "  spaced  "])
    ws["D2"].number_format = "yyyy-mm-dd"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode()
    variants = (
        '<c r="H2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b </t></is></c>'
        '<c r="I2" t="inlineStr"><is><r><t>bold</t></r><r><t> part</t></r></is></c>'
        '<c t="n" r="J2" s="0"><v>7</v></c><c><v>8</v></c>'
    )
    second = xml.index("</row>", xml.index('<row r="2"'))
    xml = (xml[:second] + variants + xml[second:]).replace('<row r="2"', '<row r="2" spans="1:11"', 1)
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)

    found = package.Package.open(path)
    everything = lambda header: (None, None)  # noqa: E731
    streamed = package.read_sheets(found, {"Orders": everything})["Orders"].rows
    by_row: dict = {}
    for row in openpyxl.load_workbook(path)["Orders"].iter_rows():
        values = {cell.column: cell.value for cell in row if cell.value not in (None, "")}
        if values:
            by_row[row[0].row] = values
    assert streamed == by_row
    assert streamed[2][8] == " a & b " and streamed[2][9] == "bold part" and streamed[2][11] == 8
    assert streamed[2][4] == dt.datetime(2026, 11, 20) and streamed[2][7] == "=B2*C2"
