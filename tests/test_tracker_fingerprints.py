"""Row fingerprints: after a staff save, a read decodes and compares only the rows whose values
changed since mailflow last wrote or read them; every staff edit is still seen, formatting is
not an edit, and a crash between the save and recording the fingerprints loses nothing."""

from __future__ import annotations

import pytest
from openpyxl.styles import Font, PatternFill

from mailflow.context import Env
from mailflow.tracker import Tracker, package
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures
from helpers.tracker_rows import (
    YELLOW,
    add_orders,
    cell,
    make_order,
    resave_with_libreoffice,
    rows_by_key,
    staff_edit,
)

import openpyxl

ORDERS = [f"SO-2026-{n:04d}" for n in range(1, 41)]


def _written(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 41))
    assert tracker.write(NOW).added == 40 and tracker.path_taken == "patch"


def _note(key: str, text: str):
    return lambda wb: setattr(cell(wb["Orders"], key, "Notes"), "value", text)


def test_a_staff_edit_on_one_row_among_many_is_the_one_row_compared(env: Env, tracker: Tracker) -> None:
    _written(env, tracker)
    staff_edit(tracker.path, _note("SO-2026-0023", "rush"))
    reader = Tracker(env)  # a new process: nothing in memory, only what the store recorded
    assert [(e.order_no, e.field, e.new) for e in read_edits(reader, NOW)] == [("SO-2026-0023", "notes", "rush")]
    assert reader.rows_compared == {"Orders": 1, "Lines": 0, "Review": 0}
    assert env.store.order("SO-2026-0023").facts["notes"] == "rush"

    # The row as read is recorded: the next save compares only what staff change next.
    staff_edit(tracker.path, _note("SO-2026-0005", "call back"))
    assert [(e.order_no, e.new) for e in read_edits(reader, NOW)] == [("SO-2026-0005", "call back")]
    assert reader.rows_compared == {"Orders": 1, "Lines": 0, "Review": 0}


def test_formatting_alone_changes_no_fingerprint(env: Env, tracker: Tracker) -> None:
    _written(env, tracker)

    def formats(wb) -> None:  # colours, bold, a taller row, a wider column, a sort of the rows
        ws = wb["Orders"]
        for row in ws.iter_rows(min_row=2, max_row=41):
            row[0].fill = PatternFill("solid", fgColor=YELLOW)
            row[1].font = Font(bold=True)
        ws.row_dimensions[7].height = 40
        ws.column_dimensions["B"].width = 50
        rows = [[(c.value, c._style) for c in row] for row in ws.iter_rows(min_row=2, max_row=41)]
        for index, values in enumerate(reversed(rows), start=2):
            for col, (value, style) in enumerate(values, start=1):
                ws.cell(row=index, column=col).value = value
                ws.cell(row=index, column=col)._style = style

    staff_edit(tracker.path, formats)
    reader = Tracker(env)
    assert read_edits(reader, NOW) == []
    assert reader.rows_compared == {"Orders": 0, "Lines": 0, "Review": 0}
    assert openpyxl.load_workbook(tracker.path)["Orders"]["A2"].value == "SO-2026-0040"


def test_a_changed_fingerprint_with_equal_values_is_no_edit(env: Env, tracker: Tracker) -> None:
    """A number typed again as text, a value in a column of their own: the row is compared,
    nothing is taken in, and its new fingerprint is recorded."""
    _written(env, tracker)

    def same_values(wb) -> None:
        ws = wb["Orders"]
        total = cell(ws, "SO-2026-0011", "Total")
        total.value = str(total.value)  # 1251.5 → "1251.5"
        ws.cell(row=1, column=60, value="Staff memo")
        ws.cell(row=cell(ws, "SO-2026-0012", "Total").row, column=60, value="ours")

    staff_edit(tracker.path, same_values)
    reader = Tracker(env)
    assert read_edits(reader, NOW) == []
    assert reader.rows_compared == {"Orders": 2, "Lines": 0, "Review": 0}
    assert env.store.reviews() == []
    staff_edit(tracker.path, lambda wb: None)
    assert read_edits(reader, NOW) == [] and reader.rows_compared == {"Orders": 0, "Lines": 0, "Review": 0}


def test_a_row_left_disagreeing_is_compared_until_it_agrees(env: Env, tracker: Tracker) -> None:
    """An invalid value is reported once and stays in the cell: its row keeps no fingerprint,
    so the correction staff type later is seen like any edit."""
    _written(env, tracker)
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0003", "Assembly Date"), "value", "soon"))
    assert read_edits(tracker, NOW) == []
    assert len(env.store.reviews()) == 1
    staff_edit(tracker.path, lambda wb: None)
    assert read_edits(tracker, NOW) == [] and tracker.rows_compared["Orders"] == 1
    assert len(env.store.reviews()) == 1  # reported once
    staff_edit(
        tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0003", "Assembly Date"), "value", "2026-12-24")
    )
    assert [e.field for e in read_edits(tracker, NOW)] == ["assembly_date"]


def test_a_line_edit_under_an_open_change_is_seen_among_many_lines(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 21))
    with env.store.transaction():
        env.store.save_order(make_order(21, facts={"change_open": "2026-11-19"}), NOW)
    tracker.write(NOW)

    def quantity(wb) -> None:
        ws = wb["Lines"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "SO-2026-0021":
                row[[c.value for c in ws[1]].index("Quantity")].value = 7

    staff_edit(tracker.path, quantity)
    reader = Tracker(env)
    assert [(e.order_no, e.field, str(e.new), e.line) for e in read_edits(reader, NOW)] == [
        ("SO-2026-0021", "quantity", "7", 1)
    ]
    assert reader.rows_compared["Lines"] == 1


class Crash(BaseException):
    """The process dies: nothing after this point runs, the open transaction is not committed."""


def test_a_crash_between_the_save_and_the_fingerprints_loses_nothing(env: Env, tracker: Tracker, monkeypatch) -> None:
    _written(env, tracker)
    staff_edit(tracker.path, _note("SO-2026-0002", "first"))
    read_edits(tracker, NOW)
    add_orders(env, [41, 42])

    def crash(*args, **kwargs):
        raise Crash

    # The file is replaced; the transaction recording its shadow and fingerprints never commits.
    monkeypatch.setattr(Tracker, "_written_hashes", crash)
    with pytest.raises(Crash):
        tracker.write(NOW)
    monkeypatch.undo()
    assert "SO-2026-0042" in rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])
    assert env.store.load_shadow("Orders", ["SO-2026-0042"]) == {}

    # Restarted: staff edit a row of the crashed save. Its row is not on record yet, so the
    # first read leaves it; the write finds the rows by key (none written twice) and records
    # them; the next read takes the edit in, once.
    staff_edit(tracker.path, _note("SO-2026-0041", "second"))
    restarted = Tracker(env)
    assert read_edits(restarted, NOW) == []
    add_orders(env, [43])
    result = restarted.write(NOW)
    assert result.added == 1 and result.conflicts == 0
    assert [(e.order_no, e.new) for e in read_edits(Tracker(env), NOW)] == [("SO-2026-0041", "second")]
    assert read_edits(Tracker(env), NOW) == []
    rows = rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])  # asserts each key is on one row
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 44)]
    assert rows["SO-2026-0002"]["Notes"] == "first" and rows["SO-2026-0041"]["Notes"] == "second"
    assert env.store.order("SO-2026-0041").facts["notes"] == "second"
    assert env.store.reviews() == []
    # And the fingerprints catch up: after two reads nothing is compared any more.
    for _ in range(2):
        staff_edit(tracker.path, lambda wb: None)
        assert read_edits(restarted, NOW) == []
    assert restarted.rows_compared == {"Orders": 0, "Lines": 0, "Review": 0}


def test_an_edit_read_but_not_marked_read_is_taken_once(env: Env, tracker: Tracker) -> None:
    """A crash after the edits are recorded but before the read is marked: the next read finds
    the rows agreeing with the shadow, records them, and nothing is taken twice."""
    from mailflow.workflow.engine import record_edits

    _written(env, tracker)
    staff_edit(tracker.path, _note("SO-2026-0009", "once"))
    changes = tracker.read_edits(NOW)
    record_edits(env, changes, NOW)  # ... and the process dies before ``mark_read``
    reader = Tracker(env)
    assert read_edits(reader, NOW) == [] and reader.rows_compared["Orders"] == 1
    events = [e for e in env.store.events("SO-2026-0009") if e.kind == "tracker_edit"]
    assert len(events) == 1


def test_the_fingerprint_sees_values_not_how_they_are_written() -> None:
    """Shared or inline text, a row's number, styles, a whole number's ".0", empty styled
    cells: the same values give the same fingerprint; another value another one."""
    strings = ["SO-1", "Acme & Co"]
    inline = (
        '<row r="2" spans="1:5"><c r="A2" s="1" t="inlineStr"><is><t xml:space="preserve">SO-1</t></is></c>'
        '<c r="B2" s="3" t="inlineStr"><is><t>Acme &amp; Co</t></is></c><c r="C2" s="5"><v>46328.0</v></c>'
        '<c r="D2" s="2"/></row>'
    )
    shared = '<row r="9" ht="30" customHeight="1"><c r="A9" t="s"><v>0</v></c><c r="B9" s="7" t="s"><v>1</v></c><c r="C9" s="9" t="n"><v>46328</v></c></row>'
    assert package.fingerprint(inline, strings) == package.fingerprint(shared, strings)
    moved = shared.replace('r="C9"', 'r="D9"')
    other = shared.replace("<v>46328</v>", "<v>46329</v>")
    renamed = package.fingerprint(shared, ["SO-1", "Acme Co"])
    assert (
        len(
            {
                package.fingerprint(shared, strings),
                package.fingerprint(moved, strings),
                package.fingerprint(other, strings),
                renamed,
            }
        )
        == 4
    )


def test_a_number_is_compared_to_fifteen_digits_and_a_text_as_typed() -> None:
    """Excel's 17 digits, openpyxl's 16 and a whole number's ".0" are the number mailflow wrote;
    a text that looks like a number is never respelt: "1.0" typed over "1" is an edit."""

    def row(value: str, kind: str = "") -> str:
        return f'<row r="3"><c r="A3" t="inlineStr"><is><t>SO-1</t></is></c><c r="B3"{kind}>{value}</c></row>'

    number = package.fingerprint(row("<v>946.31</v>"), [])
    assert package.fingerprint(row("<v>946.30999999999995</v>"), []) == number
    assert package.fingerprint(row("<v>946.3099999999999</v>", ' t="n"'), []) == number
    assert package.fingerprint(row("<v>946.32</v>"), []) != number
    assert package.fingerprint(row("<v>46328.0</v>"), []) == package.fingerprint(row("<v>46328</v>"), [])
    texts = {
        package.fingerprint(row(f"<is><t>{text}</t></is>", ' t="inlineStr"'), [])
        for text in ("1", "1.0", "0.1", "0.10", "Rev 2.0", "Rev 2")
    }
    assert len(texts) == 6
    shared = package.fingerprint(row("<v>0</v>", ' t="s"'), ["1.0"])
    assert shared == package.fingerprint(row("<is><t>1.0</t></is>", ' t="inlineStr"'), [])


def test_a_run_of_rows_gives_each_row_its_own_fingerprint() -> None:
    """A big sheet is fingerprinted a run of rows at a time: every row of the run, however its
    writer began it (number first or not, cells or none, a text ending like a reference), gets
    the fingerprint it has on its own."""
    strings = ["SO-1", "Acme & Co"]
    rows = [
        '<row r="2" spans="1:3"><c r="A2" s="1" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>',
        '<row r="3"/>',
        '<row spans="1:2" r="4"><c r="A4" s="2"><v>46328.0</v></c></row>',
        '<row r="5"><c r="A5" t="inlineStr"><is><t>ends 5"</t></is></c><c r="B5"><v>5</v></c></row>\n  ',
        '<row r="6" ht="30" customHeight="1"><c r="A6" t="inlineStr"><is><t>SO-6</t></is></c></row>',
        '<row r="7"></row>',
    ]
    run = "<sheetData>" + "".join(rows)
    found = list(package.fingerprints(run.encode(), package.SharedText(strings)))
    assert [number for number, _, _ in found] == [2, 3, 4, 5, 6, 7]
    for (number, _, digest), row in zip(found, rows):
        alone = package.fingerprint(row, strings)
        assert digest == (None if number == 3 else alone), row
    assert len({digest for _, _, digest in found}) == 6  # each row's values its own


def test_a_run_whose_rows_are_all_known_gives_no_row_xml() -> None:
    """Rows whose fingerprint is recorded are not cut out of the run; one row not known (or the
    header) and every row of the run comes with its XML, fingerprinted as without ``known``."""
    strings = ["SO-1"]
    rows = [
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>SO-{n}</t></is></c><c r="B{n}"><v>{n}</v></c></row>'
        for n in (2, 3, 4)
    ]
    run = "".join(rows).encode()
    plain = list(package.fingerprints(run, package.SharedText(strings)))
    known = {digest: f"SO-{number}" for number, _, digest in plain if digest}
    assert list(package.fingerprints(run, package.SharedText(strings), known)) == [(n, b"", d) for n, _, d in plain]
    one_new = dict(list(known.items())[:2])
    assert list(package.fingerprints(run, package.SharedText(strings), one_new)) == plain
    header = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Order No</t></is></c></row>' + run
    assert [xml for _, xml, _ in package.fingerprints(header, package.SharedText(strings), known)][0].startswith(
        b' r="1"'
    )


WHERE = {"first": "SO-2026-0001", "middle": "SO-2026-0020", "last": "SO-2026-0040"}


@pytest.mark.parametrize("where", sorted(WHERE))
def test_an_edit_is_seen_in_any_run_of_rows(env: Env, tracker: Tracker, monkeypatch, where: str) -> None:
    """Read a few rows at a time, almost every run holds only rows as recorded (nothing cut out
    of it): an edit on the first, a middle or the last row is still the one taken in."""
    _written(env, tracker)
    monkeypatch.setattr(package, "_CHUNK", 2048)  # a run of a row or two
    staff_edit(tracker.path, _note(WHERE[where], f"edited {where}"))
    reader = Tracker(env)
    assert [(e.order_no, e.new) for e in read_edits(reader, NOW)] == [(WHERE[where], f"edited {where}")]
    assert reader.rows_compared == {"Orders": 1, "Lines": 0, "Review": 0}


@pytest.mark.soffice
def test_edits_in_any_run_of_rows_saved_by_libreoffice_are_seen(
    env: Env, tracker: Tracker, soffice, tmp_path, monkeypatch
) -> None:
    _written(env, tracker)
    monkeypatch.setattr(package, "_CHUNK", 2048)

    def notes(wb) -> None:
        for where, key in WHERE.items():
            _note(key, f"LO {where}")(wb)

    staff_edit(tracker.path, notes)
    resave_with_libreoffice(soffice, tracker.path, tmp_path)
    reader = Tracker(env)
    found = sorted((e.order_no, e.new) for e in read_edits(reader, NOW))
    assert found == sorted((key, f"LO {where}") for where, key in WHERE.items())
    assert reader.rows_compared["Lines"] == 0


@pytest.mark.soffice
def test_rows_saved_by_libreoffice_keep_their_fingerprints(env: Env, tracker: Tracker, soffice, tmp_path) -> None:
    """LibreOffice turns mailflow's inline strings into shared ones and writes every row anew:
    the values are the same, so the rows are not compared; an edit made there is seen."""
    _written(env, tracker)
    staff_edit(tracker.path, _note("SO-2026-0031", "by LibreOffice"))
    resave_with_libreoffice(soffice, tracker.path, tmp_path)
    reader = Tracker(env)
    assert [(e.order_no, e.new) for e in read_edits(reader, NOW)] == [("SO-2026-0031", "by LibreOffice")]
    assert reader.rows_compared["Orders"] <= 2 and reader.rows_compared["Lines"] == 0
    add_orders(env, [41])
    assert reader.write(NOW).added == 1
    resave_with_libreoffice(soffice, tracker.path, tmp_path)
    assert read_edits(reader, NOW) == []
    assert reader.rows_compared["Orders"] <= 2


# --------------------------------------------------------------------------- the Review sheet


def _reviews(env: Env, numbers) -> None:
    with env.store.transaction():
        for n in numbers:
            env.store.add_review(NOW, f"check PO-{n} against the PO", key=f"check:{n}", order_no=f"SO-2026-{n:04d}")


def _review_rows(path) -> dict:
    return rows_by_key(openpyxl.load_workbook(path)["Review"], "Ref")


def test_a_review_row_marked_done_among_many_is_the_one_row_compared(env: Env, tracker: Tracker) -> None:
    _written(env, tracker)
    _reviews(env, range(1, 31))
    tracker.write(NOW)

    def done(wb) -> None:
        ws = wb["Review"]
        ws.cell(row=cell_row(ws, 17), column=[c.value for c in ws[1]].index("Done") + 1, value="ok")

    staff_edit(tracker.path, done)
    reader = Tracker(env)
    assert read_edits(reader, NOW) == []
    assert reader.rows_compared["Review"] == 1
    assert [item.id for item in env.store.reviews("done")] == [17]
    assert len(env.store.reviews()) == 29


def cell_row(ws, ref: int) -> int:
    return next(row[0].row for row in ws.iter_rows(min_row=2) if row[0].value == ref)


def test_a_write_compares_only_the_review_items_changed_since_it_last_wrote(env: Env, tracker: Tracker) -> None:
    _written(env, tracker)
    _reviews(env, range(1, 31))
    tracker.write(NOW)
    assert tracker.reviews_compared == 30  # new rows
    _reviews(env, [31])
    with env.store.transaction():
        env.store.mark_review(5, True, NOW)
    add_orders(env, [41])
    writer = Tracker(env)
    assert writer.write(NOW).reviews == 1 and writer.path_taken == "patch"
    assert writer.reviews_compared == 2
    rows = _review_rows(tracker.path)
    assert sorted(rows) == list(range(1, 32))
    assert rows[5]["Done"] == "Yes" and rows[31]["Reason"] == "check PO-31 against the PO"
    assert rows[6]["Done"] is None

    # A Review row staff delete is taken as done and stays away; the others are not compared.
    staff_edit(tracker.path, lambda wb: wb["Review"].delete_rows(cell_row(wb["Review"], 9)))
    assert read_edits(writer, NOW) == []
    add_orders(env, [42])
    result = writer.write(NOW)
    assert sorted(_review_rows(tracker.path)) == [n for n in range(1, 32) if n != 9]
    assert result.reviews == 0 and writer.reviews_compared <= 1
    add_orders(env, [43])
    assert writer.write(NOW).reviews == 0 and writer.reviews_compared == 0
    assert sorted(_review_rows(tracker.path)) == [n for n in range(1, 32) if n != 9]


def test_rows_missing_are_looked_for_only_in_a_sheet_someone_else_saved(
    env: Env, tracker: Tracker, monkeypatch
) -> None:
    """After its own save a write knows every row is there; after a staff save it looks, and
    a row staff deleted comes back."""
    _written(env, tracker)
    looked: list[str] = []
    shadow_keys = env.store.shadow_keys
    monkeypatch.setattr(env.store, "shadow_keys", lambda sheet: looked.append(sheet) or shadow_keys(sheet))
    add_orders(env, [41])
    assert tracker.write(NOW).added == 1 and looked == []
    staff_edit(tracker.path, lambda wb: wb["Orders"].delete_rows(cell(wb["Orders"], "SO-2026-0007", "Notes").row))
    assert read_edits(tracker, NOW) == []
    add_orders(env, [42])
    assert tracker.write(NOW).added == 2 and {"Lines", "Orders"} <= set(looked)
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        f"SO-2026-{n:04d}" for n in range(1, 43)
    ]


def test_rows_a_full_save_wrote_keep_their_fingerprints(env: Env, tracker: Tracker) -> None:
    """openpyxl's full save (here: closed orders moving to a yearly archive) records the
    fingerprints of the rows it wrote, as a patched write does: the read after the next staff
    save compares the row staff changed, not every row the full save wrote."""
    import datetime as dt

    add_orders(env, range(1, 5))
    tracker.write(NOW)
    with env.store.transaction():
        for n in (1, 2):
            closed = make_order(n, status="Closed", received_at=dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc))
            env.store.save_order(closed, NOW - dt.timedelta(days=200))
    add_orders(env, range(5, 41))
    assert tracker.write(NOW).added == 36 and tracker.path_taken.startswith("full")
    staff_edit(tracker.path, _note("SO-2026-0023", "rush"))
    reader = Tracker(env)
    assert [(e.order_no, e.new) for e in read_edits(reader, NOW)] == [("SO-2026-0023", "rush")]
    assert reader.rows_compared == {"Orders": 1, "Lines": 0, "Review": 0}
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == ORDERS[2:]
