"""``mailflow tracker check``: what stops or endangers the sync, in words staff can act on.

Read-only: looks at the file, the lock files, the zip parts, the sheets and headers, and the
store's queue; never saves and never changes the shadow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import TrackerError, TrackerLocked
from ..model import ORDER_COLUMNS
from . import customers, layout, payments, sync, workbook
from .workbook import Problem

if TYPE_CHECKING:
    from . import Tracker


def diagnose(tracker: "Tracker") -> list[Problem]:
    problems: list[Problem] = []
    known = {f for f, *_ in ORDER_COLUMNS}
    for name in sorted(set(tracker.config.tracker.headers) - known):
        problems.append(
            Problem(
                "warning",
                f"tracker.headers names an unknown field {name!r}",
                f"known fields: {', '.join(sorted(known))}",
            )
        )
    try:
        problems += workbook.inspect_parts(tracker.path)
        wb = workbook.load(tracker.path)
    except TrackerLocked as exc:
        return problems + [Problem("error", str(exc), exc.hint)]
    except TrackerError as exc:
        return problems + [Problem("error", str(exc), exc.hint)]
    reason = workbook.lock_reason(tracker.path)
    if reason:
        problems.append(
            Problem(
                "warning",
                f"{reason}: mailflow reads staff edits but waits to write",
                "close the workbook (or delete a stale lock file) to let it write",
            )
        )
    for name in layout.SHEETS:
        if name not in wb.sheetnames:
            problems.append(Problem("warning", f"sheet {name} is missing; the next write adds it"))
            continue
        if name in layout.DRAWN:
            continue
        columns = layout.spec(tracker.config, name)
        where = layout.locate(wb[name], columns)
        for column in columns:
            if column.field not in where:
                problems.append(
                    Problem(
                        "warning",
                        f"{name}: no column headed {column.header!r}; the next write adds it",
                        "if staff renamed it, rename it back (or set tracker.headers in config.yaml)",
                    )
                )
    if layout.ORDERS in wb.sheetnames:
        where = layout.locate(wb[layout.ORDERS], layout.order_columns(tracker.config))
        if "order_no" in where:
            index = sync.index_rows(wb[layout.ORDERS], [where["order_no"]])
            for key in sorted(set(index.duplicates)):
                problems.append(
                    Problem(
                        "warning",
                        f"Orders: {key} is on more than one row",
                        "delete the copy; mailflow uses the first row only",
                    )
                )
    if layout.CUSTOMERS in wb.sheetnames:
        problems += [
            Problem("warning", text, "correct the cell; until then the row keeps its last good value")
            for text in customers.check_sheet(wb[layout.CUSTOMERS])
        ]
    if layout.PAYMENTS in wb.sheetnames:
        problems += [
            Problem("warning", text, "correct the cell; until then the payment keeps its last good value")
            for text in payments.check_sheet(wb[layout.PAYMENTS])
        ]
    waiting = tracker.store.orders_not_on_sheet(layout.ORDERS)
    if waiting:
        problems.append(Problem("warning", f"{waiting} order(s) not yet in the tracker (queued)"))
    for row in tracker.store.get_status("tracker_failed_rows") or []:
        problems.append(
            Problem(
                "error",
                f"{row['sheet']}: row {row['key']} could not be written: {row['error']}",
                "the other rows were saved; see the Review sheet for this order",
            )
        )
    problems.sort(key=lambda p: p.level != "error")
    return problems
