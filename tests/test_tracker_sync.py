"""The tracker's two-way sync on real workbooks: staff edits (made with openpyxl) interleaved
with mailflow's write cycles, conflicts, invalid values, formula injection, layout conventions."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from mailflow.context import Env
from mailflow.model import INSPECTION_RESULTS, STATUSES, OrderLine
from mailflow.store import Store
from mailflow.tracker import Tracker, dashboard
from helpers.tracker import NOW, env, read_edits, tracker  # noqa: F401 - fixtures
from helpers.tracker_rows import YELLOW, add_orders, cell, headers, make_order, rows_by_key, staff_edit


def test_create_builds_the_layout_once(tracker: Tracker) -> None:
    wb = openpyxl.load_workbook(tracker.path)
    assert wb.sheetnames == [
        "Orders",
        "Lines",
        "Payments",
        "Customers",
        "Review",
        "Log",
        "Production Plan",
        "Dashboard",
    ]
    orders = wb["Orders"]
    assert [c.value for c in orders[1]][:3] == ["Order No", "Customer", "PO No"]
    assert orders.freeze_panes == "B2" and orders.auto_filter.ref.startswith("A1:")
    assert orders.column_dimensions["B"].width == 28
    lists = {dv.formula1 for dv in orders.data_validations.dataValidation}
    assert '"' + ",".join(STATUSES) + '"' in lists
    assert '"' + ",".join(INSPECTION_RESULTS) + '"' in lists
    next_due = orders.cell(row=1, column=headers(orders)["Next Due"]).column_letter
    assert any(str(rng.sqref).startswith(f"{next_due}2:") for rng in orders.conditional_formatting)
    stamp = tracker.path.stat().st_mtime_ns
    assert tracker.create() == tracker.path and tracker.path.stat().st_mtime_ns == stamp


def test_header_overrides_come_from_config(env: Env) -> None:
    env.config.tracker.headers["po_number"] = "Customer PO"
    tracker = Tracker(env)
    tracker.create()
    add_orders(env, [1])
    tracker.write(NOW)
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert "Customer PO" in headers(ws) and "PO No" not in headers(ws)
    assert rows_by_key(ws)["SO-2026-0001"]["Customer PO"] == "PO-1"


def test_cells_are_typed_formatted_and_linked(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    env.store.save_order(make_order(2, currency="EUR"), NOW)
    result = tracker.write(NOW)
    assert result.saved and result.added == 2 and result.lines == 2
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    total = cell(ws, "SO-2026-0001", "Total")
    assert total.data_type == "n" and total.value == pytest.approx(1251.50)
    assert '"USD"' in total.number_format
    assert '"EUR"' in cell(ws, "SO-2026-0002", "Total").number_format
    po_date = cell(ws, "SO-2026-0001", "PO Date")
    assert po_date.is_date and po_date.value.date() == dt.date(2026, 11, 2)
    archive = cell(ws, "SO-2026-0001", "Archive")
    expected = (env.path(env.config.workspace.archive) / make_order(1).archive_dir).resolve().as_uri()
    assert archive.hyperlink.target == expected
    lines = rows_by_key(openpyxl.load_workbook(tracker.path)["Lines"], "Order No")
    assert lines["SO-2026-0001"]["Unit Price"] == pytest.approx(125.05)


# --------------------------------------------------------------------------- interleaved cycles


def test_staff_edits_interleave_with_write_cycles(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 6))
    assert read_edits(tracker, NOW) == []
    assert tracker.write(NOW).added == 5

    def staff(wb):  # reorder, own column and sheet, colour, comment, and real edits
        ws = wb["Orders"]
        ws.move_range("I1:I6", cols=30)  # Status moves from I past the last column, to AM
        ws.cell(row=1, column=40, value="Priority")
        for r in range(2, 7):
            ws.cell(row=r, column=40, value=f"P{r}")
        ws["B2"].fill = PatternFill("solid", fgColor=YELLOW)
        ws["A3"].comment = Comment("call them first", "Mary")
        cols = headers(ws)
        ws.cell(row=2, column=cols["Status"], value="Confirmed")
        ws.cell(row=3, column=cols["Deposit Received"], value=375.15)
        ws.cell(row=4, column=cols["Assembly Date"], value=dt.datetime(2026, 12, 3))
        ws.cell(row=5, column=cols["Notes"], value="rush")
        wb.create_sheet("My notes")["A1"] = "kept"

    staff_edit(tracker.path, staff)
    edits = {(e.order_no, e.field): e for e in read_edits(tracker, NOW)}
    assert set(edits) == {
        ("SO-2026-0001", "status"),
        ("SO-2026-0002", "deposit_received"),
        ("SO-2026-0003", "assembly_date"),
        ("SO-2026-0004", "notes"),
    }
    assert edits["SO-2026-0001", "status"].old == "Received"
    assert edits["SO-2026-0002", "deposit_received"].new == Decimal("375.15")
    assert edits["SO-2026-0003", "assembly_date"].new == dt.date(2026, 12, 3)
    assert env.store.order("SO-2026-0001").status == "Confirmed"
    assert env.store.order("SO-2026-0002").facts["deposit_received"] == "375.15"
    assert {e.cause for e in env.store.events()} == {"tracker"}
    assert len([e for e in env.store.events() if e.kind == "tracker_edit"]) == 4  # one per edit
    assert read_edits(tracker, NOW) == []  # reported once

    add_orders(env, range(6, 9))  # mail arrived in between
    env.store.save_order(
        env.store.order("SO-2026-0005").with_(facts={"next_action": "Chase deposit", "next_due": "2026-11-27"}), NOW
    )
    result = tracker.write(NOW)
    assert result.saved and result.added == 3 and result.conflicts == 0

    def staff_again(wb):
        ws = wb["Orders"]
        ws.cell(row=8, column=headers(ws)["Notes"], value="new customer")

    staff_edit(tracker.path, staff_again)
    assert [(e.order_no, e.new) for e in read_edits(tracker, NOW)] == [("SO-2026-0007", "new customer")]
    add_orders(env, [9])
    tracker.write(NOW)

    wb = openpyxl.load_workbook(tracker.path)
    ws = wb["Orders"]
    rows = rows_by_key(ws)
    assert sorted(rows) == [f"SO-2026-{n:04d}" for n in range(1, 10)]
    assert rows["SO-2026-0001"]["Status"] == "Confirmed"
    assert rows["SO-2026-0002"]["Deposit Received"] == pytest.approx(375.15)
    assert rows["SO-2026-0004"]["Notes"] == "rush"
    assert rows["SO-2026-0005"]["Next Action"] == "Chase deposit"
    assert rows["SO-2026-0009"]["Status"] == "Received"  # written under the moved header
    assert [rows[f"SO-2026-{n:04d}"]["Priority"] for n in range(1, 6)] == ["P2", "P3", "P4", "P5", "P6"]
    assert ws["B2"].fill.fgColor.rgb == YELLOW
    assert ws["A3"].comment.text == "call them first"
    assert wb["My notes"]["A1"].value == "kept"
    assert len(rows_by_key(wb["Lines"], "Order No")) == 9


def test_staff_value_wins_a_conflict_and_review_explains_once(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)

    def staff(wb):
        ws = wb["Orders"]
        cell(ws, "SO-2026-0001", "Status").value = "In production"
        cell(ws, "SO-2026-0002", "Next Action").value = "Wait for Tom"

    staff_edit(tracker.path, staff)
    # mailflow changes the same cells before it has read the workbook again
    one = env.store.order("SO-2026-0001").with_(status="Confirmed")
    two = env.store.order("SO-2026-0002")
    two = two.with_(facts={**two.facts, "next_action": "Send proforma"})
    env.store.save_order(one, NOW)
    env.store.save_order(two, NOW)
    for _ in range(2):
        read_edits(tracker, NOW)
        tracker.write(NOW)
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert cell(ws, "SO-2026-0001", "Status").value == "In production"
    assert cell(ws, "SO-2026-0002", "Next Action").value == "Wait for Tom"
    assert env.store.order("SO-2026-0001").status == "In production"  # "both": the staff edit won
    reasons = [r.reason for r in env.store.reviews()]
    assert len(reasons) == 2, reasons
    assert any("SO-2026-0001 Status" in r and "kept" in r for r in reasons)
    assert any("SO-2026-0002" in r and "Wait for Tom" in r for r in reasons)
    review = rows_by_key(openpyxl.load_workbook(tracker.path)["Review"], "Ref")
    assert len(review) == 2


def test_invalid_staff_values_become_review_rows_not_edits(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)

    def staff(wb):
        ws = wb["Orders"]
        cell(ws, "SO-2026-0001", "Assembly Date").value = "next week"
        cell(ws, "SO-2026-0001", "Deposit Received").value = -200
        cell(ws, "SO-2026-0001", "Status").value = "Almost done"
        cell(ws, "SO-2026-0001", "Inspection Result").value = "passed"  # case is forgiven
        cell(ws, "SO-2026-0001", "Total").value = -1  # mailflow's column: noted, never taken in

    staff_edit(tracker.path, staff)
    edits = read_edits(tracker, NOW)
    assert [(e.field, e.new) for e in edits] == [("inspection_result", "Passed")]
    assert read_edits(tracker, NOW) == []
    reasons = " | ".join(r.reason for r in env.store.reviews())
    assert "'next week' is not a date" in reasons
    assert "-200 is negative" in reasons
    assert "'Almost done' is not a known status" in reasons
    assert "Total: changed in the tracker, but -1 is negative" in reasons
    assert len(env.store.reviews()) == 4
    assert env.store.order("SO-2026-0001").total == Decimal("1251.50")
    assert env.store.order("SO-2026-0001").status == "Inspection passed"  # the result's milestone, not 'Almost done'

    staff_edit(
        tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0001", "Assembly Date"), "value", "2026-12-24")
    )
    edits = read_edits(tracker, NOW)
    assert [(e.field, e.new) for e in edits] == [("assembly_date", dt.date(2026, 12, 24))]


def test_an_amount_typed_as_text_with_a_decimal_comma_is_asked_not_read_a_hundred_times_over(
    env: Env, tracker: Tracker
) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)

    def staff(wb):  # typed where the sheet's language writes decimals with a dot: kept as text
        ws = wb["Orders"]
        cell(ws, "SO-2026-0001", "Deposit Received").value = "375,15"
        cell(ws, "SO-2026-0002", "Deposit Received").value = "USD 1,375.15"

    staff_edit(tracker.path, staff)
    edits = read_edits(tracker, NOW)
    assert [(e.order_no, e.field, e.new) for e in edits] == [("SO-2026-0002", "deposit_received", Decimal("1375.15"))]
    assert "deposit_received" not in env.store.order("SO-2026-0001").facts  # not 37515 received
    reasons = " | ".join(r.reason for r in env.store.reviews())
    assert "'375,15'" in reasons


def test_review_rows_marked_done_close_the_store_item(env: Env, tracker: Tracker) -> None:
    env.store.add_review(NOW, "Unknown customer in PO", key="k1", link="_unfiled/mail/a.eml")
    tracker.write(NOW)
    ws = openpyxl.load_workbook(tracker.path)["Review"]
    row = rows_by_key(ws, "Ref")[1]
    assert row["Reason"] == "Unknown customer in PO" and row["Done"] is None
    assert ws.cell(row=2, column=headers(ws)["Mail"]).hyperlink.target.endswith("_unfiled/mail/a.eml")

    def staff(wb):
        ws = wb["Review"]
        ws.cell(row=2, column=headers(ws)["Done"], value="x")

    staff_edit(tracker.path, staff)
    read_edits(tracker, NOW)
    assert env.store.reviews() == []
    assert env.store.reviews("done")[0].done_at == NOW.isoformat(timespec="seconds")


# --------------------------------------------------------------------------- injection


def test_formula_like_customer_text_is_stored_as_text(env: Env, tracker: Tracker) -> None:
    evil = make_order(
        1,
        customer='=HYPERLINK("http://evil.example","click")',
        po_number="+41-2",
        lines=[OrderLine(item="@SUM(A1)", description="-2+3", quantity=Decimal(-1), amount=Decimal("-5.00"))],
    )
    env.store.save_order(evil, NOW)
    tracker.write(NOW)
    wb = openpyxl.load_workbook(tracker.path)
    customer = cell(wb["Orders"], "SO-2026-0001", "Customer")
    assert customer.data_type == "s" and customer.value == "'" + evil.customer
    assert cell(wb["Orders"], "SO-2026-0001", "PO No").value == "'+41-2"
    line = rows_by_key(wb["Lines"])["SO-2026-0001"]
    assert (line["Item"], line["Description"]) == ("'@SUM(A1)", "'-2+3")
    assert line["Quantity"] == -1 and line["Amount"] == -5  # numbers stay numbers
    with zipfile.ZipFile(tracker.path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) for n in sheets[:2])
    assert read_edits(tracker, NOW) == [] and not tracker.write(NOW).saved  # stable round trip


# --------------------------------------------------------------------------- recovery, dashboard


def test_a_lost_shadow_never_duplicates_rows(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    # a crash between the save and recording the shadow
    env.store.conn.execute("DELETE FROM tracker_shadow")
    add_orders(env, [3])
    result = tracker.write(NOW)
    assert result.added == 1 and result.conflicts == 0
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        "SO-2026-0001",
        "SO-2026-0002",
        "SO-2026-0003",
    ]
    assert env.store.reviews() == []


def test_dashboard_counts_and_charts(env: Env, tracker: Tracker) -> None:
    add_orders(env, range(1, 4))
    env.store.save_order(make_order(4, status="Shipped"), NOW)
    env.store.save_order(make_order(5, facts={"next_action": "Ship", "next_due": "2026-11-30"}), NOW)
    tracker.write(dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.timezone.utc))
    tracker.write(dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.timezone.utc))
    ws = openpyxl.load_workbook(tracker.path)["Dashboard"]
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert ["Received", 4] in [r[:2] for r in values] and ["Shipped", 1] in [r[:2] for r in values]
    overdue = [r for r in values if r[0] in ("SO-2026-0001", "SO-2026-0002", "SO-2026-0003")]
    assert len(overdue) == 3 and all(r[4] == 2 for r in overdue)  # due 11-24, today 11-26
    assert ["2026-11", 5] in [r[:2] for r in values]
    with zipfile.ZipFile(tracker.path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 3


def test_the_overdue_list_shows_the_most_overdue_and_counts_the_rest(
    env: Env, tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "OVERDUE_SHOWN", 2)
    for n, due in ((1, "2026-11-24"), (2, "2026-11-10"), (3, "2026-11-20"), (4, "2026-11-12")):
        env.store.save_order(make_order(n, facts={"next_action": "Confirm", "next_due": due}), NOW)
    today = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.timezone.utc)
    assert tracker.write(today).saved
    values = [row for row in openpyxl.load_workbook(tracker.path)["Dashboard"].iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(values) if row[0] == "Overdue actions (4)")
    assert [row[:5] for row in values[start + 2 : start + 4]] == [
        ("SO-2026-0002", "Customer 2", "Confirm", dt.datetime(2026, 11, 10), 16),
        ("SO-2026-0004", "Customer 4", "Confirm", dt.datetime(2026, 11, 12), 14),
    ]
    assert values[start + 4][0] == "… and 2 more: filter the Orders sheet by Next Due"


def test_a_deleted_row_comes_back_with_one_review(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2, 3])
    tracker.write(NOW)
    staff_edit(tracker.path, lambda wb: wb["Orders"].delete_rows(3))  # SO-2026-0002
    assert read_edits(tracker, NOW) == []
    assert tracker.write(NOW).added == 1
    assert sorted(rows_by_key(openpyxl.load_workbook(tracker.path)["Orders"])) == [
        "SO-2026-0001",
        "SO-2026-0002",
        "SO-2026-0003",
    ]
    assert ["SO-2026-0002" in r.reason and "missing" in r.reason for r in env.store.reviews()] == [True]


def test_a_renamed_key_header_stops_the_write_instead_of_duplicating(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1, 2])
    tracker.write(NOW)
    staff_edit(tracker.path, lambda wb: setattr(wb["Orders"]["A1"], "value", "Our ref"))
    add_orders(env, [3])
    result = tracker.write(NOW)
    assert result.queued and "no Order No column" in result.reason
    assert openpyxl.load_workbook(tracker.path)["Orders"].max_row == 3
    staff_edit(tracker.path, lambda wb: setattr(wb["Orders"]["A1"], "value", "Order No"))
    assert tracker.write(NOW).added == 1


def test_a_change_to_a_mailflow_column_stays_and_is_noted_once(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    tracker.write(NOW)
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0001", "PO No"), "value", "PO-One"))
    assert read_edits(tracker, NOW) == [] and read_edits(tracker, NOW) == []
    [review] = env.store.reviews()
    assert "PO-One" in review.reason and "keep 'PO-1'" in review.reason
    tracker.write(NOW)
    assert cell(openpyxl.load_workbook(tracker.path)["Orders"], "SO-2026-0001", "PO No").value == "PO-One"


def test_quiet_cycles_do_no_work_but_miss_nothing(env: Env, tracker: Tracker) -> None:
    add_orders(env, [1])
    read_edits(tracker, NOW)
    tracker.write(NOW)
    assert read_edits(tracker, NOW) == [] and tracker.timings == {}  # file unchanged: not parsed
    assert not tracker.write(NOW).saved and tracker.timings == {}  # nothing changed: no diff
    with env.store.transaction():  # what the daemon writes between cycles: heartbeat, liveness
        env.store.set_status("daemon", {"heartbeat_at": NOW.isoformat()}, NOW)
        env.store.set_status("mailbox:maildir:x", {"last_contact": NOW.isoformat()}, NOW)
    assert not tracker.write(NOW).saved and tracker.timings == {}  # still nothing to diff

    other = Store(env.store.path)  # another process (the CLI) changes the store
    other.save_order(make_order(2), NOW)
    other.close()
    assert tracker.write(NOW).added == 1
    staff_edit(tracker.path, lambda wb: setattr(cell(wb["Orders"], "SO-2026-0002", "Notes"), "value", "hi"))
    assert [e.new for e in read_edits(tracker, NOW)] == ["hi"]
    tomorrow = NOW + dt.timedelta(days=1)
    tracker.write(NOW)
    assert tracker.write(tomorrow).saved  # a new day redraws the dashboard


def test_a_sheet_staff_made_into_an_excel_table_grows_with_new_orders(env: Env, tracker: Tracker) -> None:
    from openpyxl.worksheet.table import Table

    add_orders(env, [1, 2])
    tracker.write(NOW)

    def make_table(wb):  # what "Format as Table" does: the table takes over the filter
        ws = wb["Orders"]
        ws.auto_filter.ref = None
        ws.add_table(Table(displayName="OrderTable", ref="A1:X3"))

    staff_edit(tracker.path, make_table)
    add_orders(env, [3, 4])
    assert tracker.write(NOW).added == 2
    ws = openpyxl.load_workbook(tracker.path)["Orders"]
    assert ws.tables["OrderTable"].ref == "A1:X5"
    assert ws.auto_filter.ref is None
