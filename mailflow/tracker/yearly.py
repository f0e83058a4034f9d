"""Yearly archive workbooks: closed orders leave the live tracker for ``tracker-<year>.xlsx``.

The live tracker holds what staff work on. A closed or cancelled order that nobody has changed
for ``tracker.archive_after_days`` days is copied, with its lines, to the archive workbook of the
year it was received (beside the tracker, same layout), then its rows leave the live Orders and
Lines sheets (and its payments the Payments sheet), and its finished Review rows the Review sheet. Its full history stays in the
store (``mailflow order show``) and the Dashboard still counts it and links the archives.

An archive workbook is read-only for mailflow: it never reads staff edits from it, and writes
it only to add orders (rows found by key, so a repeat after a crash adds nothing twice). It is
saved the way the tracker is: atomically, after a backup, never while open in Excel, never
when it holds something openpyxl would lose.

Order of the steps, for crash safety: (1) the archive workbook is saved; (2) the store marks the
orders archived and forgets their shadow rows, and those of their finished Review rows (one
transaction); (3) the live workbook drops
their rows in memory and is saved by the write that follows. A crash after (1) repeats (1) with
the same rows; after (2), the rows still on the live sheet are dropped by the next pass.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from ..errors import MailflowError
from ..model import Order
from ..workflow.procedure import TERMINAL
from . import layout, payments, sync, workbook


@dataclass
class Moved:
    """What one pass did: orders copied per archive workbook, rows dropped from the live one,
    and why a year could not be written (its orders stay live until the next pass)."""

    orders: dict[str, list[str]] = field(default_factory=dict)  # workbook name → order numbers
    rows_removed: int = 0
    waiting: list[str] = field(default_factory=list)


def path_for(tracker_path: Path, year: int) -> Path:
    return tracker_path.with_name(f"{tracker_path.stem}-{year}{tracker_path.suffix}")


def archive_names(tracker_path: Path) -> list[str]:
    """The archive workbooks beside the tracker, oldest year first."""
    stem, suffix = tracker_path.stem, tracker_path.suffix
    found = [p.name for p in tracker_path.parent.glob(f"{stem}-[0-9][0-9][0-9][0-9]{suffix}")]
    return sorted(found)


def move_closed(tracker, wb: Workbook, now: dt.datetime, sweep: bool = False) -> Moved:
    """Move the orders due for the archive out of ``wb`` (not saved here; see the docstring).

    ``sweep`` also drops the rows of every order archived earlier that are still on the sheets
    (after a crash between the store's commit and the live save); the tracker sweeps once per
    process."""
    env, store, config = tracker.env, tracker.store, tracker.config
    moved = Moved()
    days = config.tracker.archive_after_days
    if days:
        # One year's orders in memory at a time: after years of history the first write moves
        # most orders on record, and holding them all at once cost more than the live workbook.
        by_year: dict[int, list[str]] = defaultdict(list)
        for number, received in store.archivable_numbers(TERMINAL, now - dt.timedelta(days=days)):
            by_year[dt.datetime.fromisoformat(received).astimezone(env.tz).year].append(number)
        for year, due in sorted(by_year.items()):
            orders = [o for o in (store.order(n) for n in due) if o is not None]
            target = path_for(tracker.path, year)
            try:
                problem = _append(tracker, target, orders, now)
            except MailflowError as exc:  # damaged, or changed while we wrote: next cycle again
                problem = str(exc)
            if problem:
                moved.waiting.append(f"{target.name}: {problem}")
                continue
            numbers = [o.order_no for o in orders]
            with store.transaction():
                store.mark_archived(numbers, target.name)
                store.forget_shadow_rows(layout.ORDERS, numbers)
                store.forget_shadow_rows(layout.LINES, prefixes=[f"{n}#" for n in numbers])
                store.forget_shadow_rows(layout.PAYMENTS, [p.ref for n in numbers for p in store.payments(n)])
                # Their finished Review rows leave the live sheet too (``drop_archived_rows``):
                # a shadow kept for them would be looked for on every write after a staff save.
                store.forget_shadow_rows(layout.REVIEW, [str(i) for i in store.finished_review_ids(numbers)])
            moved.orders[target.name] = numbers
    if moved.orders or sweep:
        moved.rows_removed = drop_archived_rows(wb, store, config)
    return moved


def _append(tracker, target: Path, orders: list[Order], now: dt.datetime) -> str:
    """Add ``orders`` to the archive workbook ``target`` (made when missing); "" or why not."""
    config = tracker.config
    if target.exists():
        reason = workbook.lock_reason(target)
        if reason:
            return reason
        blocking = [p.message for p in workbook.inspect_parts(target) if p.level == "error"]
        if blocking:
            return "; ".join(blocking)
        stamp = workbook.Stamp.of(target)
        book = workbook.load(target)
        layout.ensure_layout(book, config)
    else:
        stamp, book = None, layout.new_workbook(config)
    columns = layout.order_columns(config)
    sync.plan_rows(
        book[layout.ORDERS],
        layout.ORDERS,
        columns,
        ["order_no"],
        sync.order_rows(orders, columns, tracker.archive_root, tracker.env.tz),
        {},
    )
    sync.plan_rows(
        book[layout.LINES],
        layout.LINES,
        layout.LINE_SPEC,
        ["order_no", "line"],
        sync.line_rows(orders, layout.LINE_SPEC),
        {},
    )
    ledger = [p for order in orders for p in tracker.store.payments(order.order_no)]
    sync.plan_rows(
        book[layout.PAYMENTS], layout.PAYMENTS, layout.PAYMENT_SPEC, ["id"], payments.wanted_rows(ledger), {}
    )
    workbook.save_atomic(
        book, target, expect=stamp, backups_dir=tracker.backups_dir, keep=config.tracker.keep_backups, now=now
    )
    return ""


def drop_archived_rows(wb: Workbook, store, config) -> int:
    """Remove from the live workbook the rows of archived orders (and their finished reviews)."""
    archived = store.archived_orders()
    if not archived:
        return 0
    finished = {str(n) for n in store.archived_finished_reviews()}
    paid = store.archived_payment_refs()
    leaving = {
        layout.ORDERS: (["order_no"], lambda key: key in archived),
        layout.LINES: (["order_no", "line"], lambda key: key.split("#")[0] in archived),
        layout.REVIEW: (["ref"], lambda key: key in finished),
        layout.PAYMENTS: (["id"], lambda key: key in paid),
    }
    removed = 0
    for sheet, (keys, gone) in leaving.items():
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        where = layout.locate(ws, layout.spec(config, sheet))
        if any(k not in where for k in keys):
            continue
        index = sync.index_rows(ws, [where[k] for k in keys])
        rows = {row for key, row in index.rows.items() if gone(key)}
        sync.remove_rows(ws, rows)
        removed += len(rows)
    return removed
