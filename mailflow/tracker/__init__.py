"""The shared Excel tracker: staff edits in, mailflow's values out, never losing either.

    tracker = Tracker(env)
    tracker.create()                   # mailflow init: the layout, once
    changes = tracker.read_edits(now)  # staff changes since the shadow → StaffChanges (data)
    workflow.apply_edits(env, changes, now); tracker.mark_read(changes)
    result = tracker.write(now)        # mailflow's new/changed values, one save, or queued
    tracker.check()                    # problems: lock, what openpyxl would lose, layout
    tracker.repair(now)                # newest good backup back in place, or rebuilt

Contract:

* ``read_edits`` works while the workbook is open in Excel (it only reads) and writes nothing:
  it returns the edits, the Review rows for invalid values and the shadow rows that would move.
  ``workflow.apply_edits`` is the one owner that records them (an event per edit, the order,
  the shadow) in one transaction. Invalid values become Review rows, never exceptions. Raises ``TrackerLocked`` only
  when the file cannot be read, ``TrackerError`` when it is missing, damaged or an .xls.
* ``write`` never writes while the workbook is open for editing, or while it holds something
  openpyxl would destroy (pictures, pivot tables…): it returns ``WriteResult(queued=True)``.
  The store is the queue: the next ``write`` writes everything the shadow does not have yet.
* A save is one atomic replace of the whole file, after a backup of the version it replaces.

The loaded workbook is kept between calls while the file on disk is unchanged, so a cycle that
reads and then writes parses the file once, and a quiet cycle parses nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from ..context import Env
from ..errors import TrackerError, TrackerLocked
from ..model import StaffChanges
from . import customers, dashboard, health, layout, payments, sync, workbook, yearly
from . import plan as production_plan
from .workbook import Problem, Stamp

__all__ = ["Tracker", "WriteResult", "Problem"]

FAILED_ROWS = "tracker_failed_rows"  # status fact: rows the last write could not hold


@dataclass
class WriteResult:
    """What one ``write`` did. ``queued`` means nothing was saved and ``reason`` says why."""

    saved: bool = False
    queued: bool = False
    reason: str = ""
    added: int = 0  # new order rows
    updated: int = 0  # cells changed on existing rows (all sheets)
    lines: int = 0  # new line rows
    customers: int = 0  # new customer rows
    reviews: int = 0  # new review rows
    logged: int = 0  # new log rows
    conflicts: int = 0  # cells where a staff value was kept over mailflow's
    path: Path | None = None
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (sheet, row key, error): not written

    def __str__(self) -> str:
        if self.queued:
            return f"queued: {self.reason}"
        if not self.saved:
            return "nothing to write"
        return (
            f"saved {self.path}: {self.added} new orders, {self.updated} cells updated,"
            f" {self.lines} lines, {self.customers} new customers, {self.reviews} review rows,"
            f" {self.logged} log rows, {self.conflicts} conflicts kept for staff"
            + (f", {len(self.failed)} row(s) could not be written" if self.failed else "")
        )


class Tracker:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.config = env.config
        self.store = env.store
        self.path = env.path(self.config.workspace.tracker)
        self.backups_dir = env.path(self.config.workspace.backups)
        self.archive_root = env.path(self.config.workspace.archive)
        self._cached: tuple[Stamp, Workbook] | None = None
        self._inspected: tuple[Stamp | None, list[Problem]] | None = None
        # Quiet cycles: the file version whose staff edits were all read, and the state of file
        # + store + day after the last completed write. Equal again → there is nothing to do.
        self._read_stamp: Stamp | None = None
        self._written: tuple | None = None
        self._archive_waits = False
        self._swept = False  # rows of orders archived earlier were looked for on the live sheets
        self.timings: dict[str, float] = {}  # seconds per phase of the last call (bench, logs)

    # ----------------------------------------------------------------- create

    def create(self) -> Path:
        """A new workbook with the layout; an existing one is left alone."""
        if self.path.exists():
            return self.path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        wb = layout.new_workbook(self.config)
        stamp = workbook.save_atomic(
            wb,
            self.path,
            expect=None,
            backups_dir=self.backups_dir,
            keep=self.config.tracker.keep_backups,
            now=self.env.now(),
        )
        # A new workbook holds none of what the shadow remembers: forget it, so the next write
        # fills the sheets from the store instead of reporting every row as deleted by staff.
        with self.store.transaction():
            self.store.forget_shadow()
        self._cached = (stamp, wb)
        self._read_stamp = self._written = None
        return self.path

    # ----------------------------------------------------------------- read

    def _load(self) -> Workbook:
        workbook.check_file(self.path)
        stamp = Stamp.of(self.path)
        if self._cached and self._cached[0] == stamp:
            return self._cached[1]
        started = _clock()
        wb = workbook.load(self.path)
        self.timings["load"] = _clock() - started
        self._cached = (stamp, wb) if stamp else None
        return wb

    def read_edits(self, now: dt.datetime) -> StaffChanges:
        """Staff changes since the shadow, as data (edits, Review rows, review marks, shadow).

        Writes nothing: ``workflow.apply_edits`` records them in one transaction, then the caller
        reports the version as read with ``mark_read``. Until then the same file is read again.
        """
        self.timings = {}
        workbook.check_file(self.path)
        stamp = Stamp.of(self.path)
        if stamp is not None and stamp == self._read_stamp:
            return StaffChanges(stamp=stamp)  # the version already read (or written after reading it)
        wb = self._load()
        started = _clock()
        changes = StaffChanges(stamp=stamp if self._cached and self._cached[0] == stamp else None)
        if layout.ORDERS in wb.sheetnames:
            outcome = sync.read_orders(wb[layout.ORDERS], layout.order_columns(self.config), self.store)
            changes.edits = outcome.edits
            changes.reviews = outcome.reviews
            changes.shadow = [(layout.ORDERS, *row) for row in outcome.shadow]
        if layout.LINES in wb.sheetnames:
            outcome = sync.read_lines(wb[layout.LINES], layout.LINE_SPEC, self.store)
            changes.edits += outcome.edits
            changes.reviews += outcome.reviews
            changes.shadow += [(layout.LINES, *row) for row in outcome.shadow]
        if layout.REVIEW in wb.sheetnames:
            marks, shadow = sync.read_review_done(wb[layout.REVIEW], layout.REVIEW_SPEC, self.store)
            changes.review_marks = marks
            changes.shadow += [(layout.REVIEW, *row) for row in shadow]
        if layout.CUSTOMERS in wb.sheetnames:
            found = customers.read_sheet(wb[layout.CUSTOMERS], self.store)
            changes.customers = found.changes
            changes.reviews += found.reviews
            changes.shadow += [(layout.CUSTOMERS, *row) for row in found.shadow]
        if layout.PAYMENTS in wb.sheetnames:
            paid = payments.read_sheet(wb[layout.PAYMENTS], self.store)
            changes.payments = paid.changes
            changes.reviews += paid.reviews
            changes.shadow += [(layout.PAYMENTS, *row) for row in paid.shadow]
        self.timings["diff"] = _clock() - started
        return changes

    def mark_read(self, changes: StaffChanges) -> None:
        """``changes`` are recorded: their file version need not be parsed again."""
        self._read_stamp = changes.stamp

    # ----------------------------------------------------------------- write

    def write(self, now: dt.datetime) -> WriteResult:
        """Write what the store has and the shadow does not, in one save (or queue it)."""
        self.timings = {}
        workbook.check_file(self.path)
        reason = workbook.lock_reason(self.path)
        if reason:
            return WriteResult(queued=True, reason=reason, path=self.path)
        stamp = Stamp.of(self.path)
        if self._written is not None and self._written == self._version(stamp, now):
            return WriteResult(path=self.path)  # neither the file, the store nor the day changed
        if not self._inspected or self._inspected[0] != stamp:
            self._inspected = (stamp, workbook.inspect_parts(self.path))
        blocking = [p for p in self._inspected[1] if p.level == "error"]
        if blocking:
            text = "; ".join(p.message for p in blocking)
            with self.store.transaction():
                self.store.add_review(
                    now, f"The tracker was not written: {text}. {blocking[0].hint}.", key=f"tracker-unsafe:{text}"
                )
            return WriteResult(queued=True, reason=text, path=self.path)
        wb = self._load()
        lost_keys = self._lost_key_columns(wb)
        if lost_keys:
            with self.store.transaction():
                self.store.add_review(
                    now, f"The tracker was not written: {lost_keys}.", key=f"tracker-keys:{lost_keys}"
                )
            return WriteResult(queued=True, reason=lost_keys, path=self.path)
        started = _clock()
        try:
            removed = self._move_to_archive(wb, now)
            result, shadow = self._apply(wb, now)
        except Exception:
            self._cached = None  # the in-memory copy may be half-changed: reload next time
            raise
        result.updated += removed
        self.timings["diff"] = _clock() - started
        self._record_failed(result.failed, now)
        if not (
            result.added
            or result.updated
            or result.lines
            or result.customers
            or result.reviews
            or result.logged
            or shadow.get(layout.DASHBOARD)
            or shadow.get(layout.PLAN)
        ):
            # Nothing visible changed; shadow-only updates (e.g. values staff typed exactly as
            # mailflow would) are recorded without touching the file.
            with self.store.transaction():
                for sheet, updates in shadow.items():
                    sync.save_shadow(self.store, sheet, updates)
            self._written = None if self._archive_waits else self._version(stamp, now)
            return result
        started = _clock()
        try:
            new_stamp = workbook.save_atomic(
                wb,
                self.path,
                expect=stamp,
                backups_dir=self.backups_dir,
                keep=self.config.tracker.keep_backups,
                now=now,
            )
        except TrackerLocked as exc:
            self._cached = None
            return WriteResult(queued=True, reason=str(exc), path=self.path)
        except Exception:
            self._cached = None
            raise
        self.timings["save"] = _clock() - started
        # The file is in place; now record what it holds. A crash between the two is harmless:
        # the next cycle finds cells equal to what mailflow wants and only records the shadow.
        with self.store.transaction():
            for sheet, updates in shadow.items():
                sync.save_shadow(self.store, sheet, updates)
        self._cached = (new_stamp, wb)
        if self._read_stamp == stamp:
            self._read_stamp = new_stamp  # our own save holds no staff edit we have not read
        self._written = None if self._archive_waits else self._version(new_stamp, now)
        result.saved = True
        return result

    def _record_failed(self, failed: list[tuple[str, str, str]], now: dt.datetime) -> None:
        """Rows the last write could not hold, for ``status`` and ``tracker check``."""
        rows = [{"sheet": sheet, "key": key, "error": error} for sheet, key, error in failed]
        if rows or self.store.get_status(FAILED_ROWS):
            with self.store.transaction():
                self.store.set_status(FAILED_ROWS, rows, now)

    def _move_to_archive(self, wb: Workbook, now: dt.datetime) -> int:
        """Closed orders due for the yearly archive leave ``wb`` (see ``yearly``); the rows
        removed. A year whose workbook cannot be written now is retried next cycle."""
        started = _clock()
        moved = yearly.move_closed(self, wb, now, sweep=not self._swept)
        self._swept = True
        self._archive_waits = bool(moved.waiting)  # no quiet cycles until they have moved
        if moved.waiting:
            with self.store.transaction():
                for why in moved.waiting:
                    self.store.add_review(
                        now, f"Closed orders wait to move to the archive workbook {why}.", key=f"tracker-archive:{why}"
                    )
        self.timings["archive"] = _clock() - started
        return moved.rows_removed

    def _version(self, stamp: Stamp | None, now: dt.datetime) -> tuple:
        """File, store and day: if all three are as after the last write, writing again is a no-op.

        The store's part is ``Store.revision()``, which moves only when something the tracker
        shows changes: the daemon's heartbeat and liveness rows, written between cycles, leave
        it alone. The day matters because the dashboard's overdue list depends on it.
        """
        return (stamp, self.store.revision(), now.astimezone(self.env.tz).date())

    def _lost_key_columns(self, wb: Workbook) -> str:
        """Why writing would duplicate rows: a sheet with rows but no key column (renamed?)."""
        keys = {
            layout.ORDERS: ["order_no"],
            layout.LINES: ["order_no", "line"],
            layout.CUSTOMERS: ["id"],
            layout.REVIEW: ["ref"],
            layout.PAYMENTS: ["id"],
        }
        problems = []
        for sheet, fields in keys.items():
            if sheet not in wb.sheetnames or not any(row > 1 for row, _ in wb[sheet]._cells):
                continue  # a missing or empty sheet is simply filled again
            columns = layout.spec(self.config, sheet)
            where = layout.locate(wb[sheet], columns)
            missing = [c.header for c in columns if c.field in fields and c.field not in where]
            if missing:
                problems.append(
                    f"the {sheet} sheet has rows but no {' / '.join(missing)} column"
                    " to find them by; rename the header back"
                )
        return "; ".join(problems)

    def _apply(self, wb: Workbook, now: dt.datetime) -> tuple[WriteResult, dict[str, list]]:
        """Change ``wb`` in memory; return the counts and the shadow rows to record after saving."""
        tz = self.env.tz
        result = WriteResult(path=self.path)
        added_layout = layout.ensure_layout(wb, self.config)
        if added_layout:
            # What the shadow remembers of a sheet or column that was just added again is not in
            # the workbook any more: forget it, so the new cells are filled from the store.
            with self.store.transaction():
                for sheet, name, _ in added_layout:
                    self.store.forget_shadow(sheet, field=name)
        started = _clock()
        orders = self.store.live_orders()
        self.timings["store"] = _clock() - started
        shadow: dict[str, list] = {}
        reviews: list[tuple[str, str, str | None]] = [
            (f"tracker-layout:{note}", f"The tracker was missing {note}; mailflow added it.", None)
            for _, _, note in added_layout
        ]
        columns = layout.order_columns(self.config)
        plans = {
            layout.ORDERS: sync.plan_rows(
                wb[layout.ORDERS],
                layout.ORDERS,
                columns,
                ["order_no"],
                sync.order_rows(orders, columns, self.archive_root, tz),
                sync.load_shadow(self.store, layout.ORDERS),
            ),
            layout.LINES: sync.plan_rows(
                wb[layout.LINES],
                layout.LINES,
                layout.LINE_SPEC,
                ["order_no", "line"],
                sync.line_rows(orders, layout.LINE_SPEC),
                sync.load_shadow(self.store, layout.LINES),
            ),
        }
        master = self.store.customers()
        customer_shadow = sync.load_shadow(self.store, layout.CUSTOMERS)
        adopted = customers.adopt_rows(wb[layout.CUSTOMERS], master, customer_shadow)
        plans[layout.CUSTOMERS] = sync.plan_rows(
            wb[layout.CUSTOMERS],
            layout.CUSTOMERS,
            layout.CUSTOMER_SPEC,
            ["id"],
            customers.wanted_rows(master),
            customer_shadow,
        )
        plans[layout.CUSTOMERS].updated += adopted
        ledger = self.store.live_payments()
        payment_shadow = sync.load_shadow(self.store, layout.PAYMENTS)
        adopted = payments.adopt_rows(wb[layout.PAYMENTS], ledger, payment_shadow)
        plans[layout.PAYMENTS] = sync.plan_rows(
            wb[layout.PAYMENTS],
            layout.PAYMENTS,
            layout.PAYMENT_SPEC,
            ["id"],
            payments.wanted_rows(ledger),
            payment_shadow,
        )
        plans[layout.PAYMENTS].updated += adopted
        for sheet, plan in plans.items():
            reviews += plan.conflicts
            reviews += [
                (
                    f"tracker-row:{sheet}:{key}",
                    f"{sheet} {key.replace('#', ' line ')} could not be written to the tracker ({error});"
                    " the other rows were saved. Check the order's values (`mailflow order show`).",
                    order_no,
                )
                for key, error, order_no in plan.failed
            ]
            if plan.readded:
                keys = sorted(plan.readded)
                shown = ", ".join(k.replace("#", " line ") for k in keys[:10])
                more = f" and {len(keys) - 10} more" if len(keys) > 10 else ""
                reviews.append(
                    (
                        f"tracker-readded:{sheet}:{hashlib.sha1(' '.join(keys).encode()).hexdigest()}",
                        f"{len(keys)} row(s) of the {sheet} sheet were missing (deleted?): {shown}{more};"
                        " mailflow added them again. "
                        + (
                            "Set a payment's Status to Rejected instead of deleting its row."
                            if sheet == layout.PAYMENTS
                            else "Set an order's status to Cancelled instead of deleting its row."
                        ),
                        keys[0].split("#")[0] if len(keys) == 1 and sheet != layout.PAYMENTS else None,
                    )
                )
        # Conflicts and layout notes go to the store first, so their Review rows land in this save.
        with self.store.transaction():
            for key, reason, order_no in reviews:
                self.store.add_review(now, reason, key=key, order_no=order_no)
        plans[layout.REVIEW] = sync.plan_rows(
            wb[layout.REVIEW],
            layout.REVIEW,
            layout.REVIEW_SPEC,
            ["ref"],
            sync.review_rows(self.store, layout.REVIEW_SPEC, self.archive_root, tz),
            sync.load_shadow(self.store, layout.REVIEW),
        )
        result.updated += len(added_layout)  # a header mailflow added must reach the file
        rejected = {item.key for item in self.store.open_reviews("tracker-invalid:") if item.key}
        result.updated += sync.restore_money_cells(
            wb[layout.ORDERS], columns, {o.order_no: o for o in orders}, rejected
        )
        for sheet, plan in plans.items():
            shadow[sheet] = plan.shadow
            result.updated += plan.updated
        result.failed = [(sheet, key, error) for sheet, plan in plans.items() for key, error, _ in plan.failed]
        result.added = plans[layout.ORDERS].added
        result.lines = plans[layout.LINES].added
        result.customers = plans[layout.CUSTOMERS].added
        result.reviews = plans[layout.REVIEW].added
        result.conflicts = len(plans[layout.ORDERS].conflicts) + len(plans[layout.LINES].conflicts)
        result.logged, shadow[layout.LOG] = sync.append_log(
            wb[layout.LOG], layout.LOG_SPEC, self.store, tz, keep=self.config.tracker.log_rows
        )

        self.timings["rows"] = _clock() - started - self.timings["store"]
        summary = dashboard.summarise(
            self.store.order_briefs(), now.astimezone(tz).date(), yearly.archive_names(self.path)
        )
        drawn = sync.load_shadow(self.store, layout.DASHBOARD).get("summary", {}).get("signature")
        shadow[layout.DASHBOARD] = [] if drawn == summary.signature else [("summary", "signature", summary.signature)]
        dashboard.draw(wb[layout.DASHBOARD], summary)
        today = now.astimezone(tz).date()
        production = production_plan.rows(orders, today)
        mark = production_plan.signature(production, today)
        if sync.load_shadow(self.store, layout.PLAN).get("plan", {}).get("signature") != mark:
            production_plan.draw(wb[layout.PLAN], production, today)
            shadow[layout.PLAN] = [("plan", "signature", mark)]
        return result, shadow

    # ----------------------------------------------------------------- check / repair

    def check(self) -> list[Problem]:
        """Everything that stops or endangers a sync, most serious first; [] when all is well."""
        return health.diagnose(self)

    def repair(self, now: dt.datetime) -> str:
        """Put a working tracker back: the newest backup that loads, else a rebuild from the store.

        The broken file is moved into the backups folder, never deleted. Afterwards the shadow is
        forgotten so the next write brings the restored copy up to date from the store (which
        holds every staff edit read so far); that write is attempted at once.
        """
        try:
            workbook.load(self.path)
            return f"{self.path} loads fine: nothing to repair (see `mailflow tracker check`)"
        except TrackerLocked:
            raise
        except TrackerError:
            pass
        reason = workbook.lock_reason(self.path)
        if reason:
            raise TrackerLocked(f"not repaired: {reason}", hint="close it everywhere, then repair")
        self._cached = None
        self._read_stamp = self._written = None
        set_aside = workbook.set_aside(self.path, self.backups_dir, now)
        kept = f" (the damaged file is kept as {set_aside})" if set_aside else ""
        for candidate in workbook.list_backups(self.path, self.backups_dir):
            if workbook.usable(candidate, layout.ORDERS):
                workbook.put_in_place(candidate, self.path)
                with self.store.transaction():
                    self.store.forget_shadow()
                result = self.write(now)
                return f"restored {self.path} from backup {candidate.name}{kept}; then {result}"
        self.create()
        result = self.write(now)
        return f"no usable backup: rebuilt {self.path} from the state database{kept}; {result}"


_clock = time.perf_counter
