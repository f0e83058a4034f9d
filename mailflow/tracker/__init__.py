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
  The new file is normally the old one with only the changed rows rewritten (``package``): only
  the orders and review items changed since the last write (the cursors in the shadow) are
  compared, and rows staff deleted are looked for only in a sheet someone else saved. The
  full openpyxl load and save is taken where patching cannot do it, and ``path_taken`` says why.
* Reading staff edits streams the sheets (bounded memory): no workbook object is built. Rows
  of the Orders, Lines and Review sheets whose fingerprint (``package.fingerprint``: the row's
  values, whatever their formatting or row number) is the one recorded when the row last agreed
  with its shadow are not even decoded: a read costs the rows staff changed (``rows_compared``).
* What a patched write needs of the big sheets (their row keys) is kept from the last
  read or write, with the CRC and size of the part it came from (``KEPT``): while the part is
  unchanged, a write reads only the rows it changes, found by number and checked by key.
  Unchanged parts are copied into the new file as stored, never inflated and deflated again.

A quiet cycle parses nothing: the file version already read, and the file, store and day of
the last write, are remembered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator
from xml.etree import ElementTree

from openpyxl.workbook.workbook import Workbook

from ..context import Env
from ..errors import TrackerError, TrackerLocked
from ..model import AMENDABLE_LINE, Order, StaffChanges
from ..store import ReviewItem
from ..workflow.procedure import TERMINAL
from . import customers, dashboard, health, layout, package, payments, sync, workbook, yearly
from . import plan as production_plan
from .workbook import Problem, Stamp

__all__ = ["Tracker", "WriteResult", "Problem"]

log = logging.getLogger("mailflow.tracker")

FAILED_ROWS = "tracker_failed_rows"  # status fact: rows the last write could not hold
# Sheets whose rows a patched write keeps between cycles (``Tracker._kept``): their key columns
# (the other cells are read for the rows a write changes).
KEPT: dict[str, tuple[str, ...] | None] = {
    layout.ORDERS: ("order_no",),
    layout.LINES: ("order_no", "line"),
    layout.REVIEW: ("ref",),
}
BATCH = 2000  # orders compared per patched save when every order is compared (a first write)
# Sheets whose rows are fingerprinted (``package.fingerprint``), by their key's fields: a read
# after a staff save decodes and compares only the rows whose fingerprint is not the one
# recorded when the row last agreed with its shadow (as written, or as read and taken in).
FINGERPRINTED: dict[str, tuple[str, ...]] = {
    layout.ORDERS: ("order_no",),
    layout.LINES: ("order_no", "line"),
    layout.REVIEW: ("ref",),
}


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
        # What the last read found of the markers ``inspect_parts`` looks for, in the parts it
        # inflated (part → ((CRC, size), findings)): the write's check reuses them.
        self._scanned: dict[str, tuple[tuple[int, int], set[str]]] = {}
        # Quiet cycles: the file version whose staff edits were all read, and the state of file
        # + store + day after the last completed write. Equal again → there is nothing to do.
        self._read_stamp: Stamp | None = None
        self._written: tuple | None = None
        self._archive_waits = False
        self._swept = False  # rows of orders archived earlier were looked for on the live sheets
        # What the patch path needs of the big sheets (row keys, Review rows), for the parts as
        # last read or written: a write finds its rows there instead of reading the sheet again.
        self._kept: dict[str, package.Kept] = {}
        # The big sheets as the last read streamed them, for the write of the same cycle: while
        # the file is the one read, that write takes their rows and index as they are instead of
        # rebuilding them from ``_kept`` (sheet → (part's seal, package context, rows)).
        self._fresh: dict[str, tuple[tuple[int, int], tuple, package.SheetData]] = {}
        self.timings: dict[str, float] = {}  # seconds per phase of the last call (bench, logs)
        self.path_taken = ""  # how the last write went: "patch", or "full: <why>"
        self.sheets_read: list[str] = []  # sheets the last read or patched write streamed from the file
        # Rows the last read found agreeing with their shadow once its changes are recorded:
        # (file version read, sheet → [(row key, fingerprint)]), recorded by ``mark_read``.
        self._agreed: tuple[Stamp | None, dict[str, list[tuple[str, bytes]]]] = (None, {})
        self.rows_compared: dict[str, int] = {}  # rows the last read decoded and compared, by sheet
        self.reviews_compared = 0  # review items the last write compared with their rows
        # Sheet → the part (CRC, size) as the last patched save wrote it, holding a row for every
        # key the shadow holds: while the part is the same, no row can be missing from it.
        self._whole: dict[str, tuple[int, int] | None] = {}

    # ----------------------------------------------------------------- create

    def create(self) -> Path:
        """A new workbook with the layout; an existing one is left alone."""
        if self.path.exists():
            return self.path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        wb = layout.new_workbook(self.config)
        today = self.env.now().astimezone(self.env.tz).date()
        dashboard.draw(wb[layout.DASHBOARD], dashboard.summarise([], today, []))
        workbook.save_atomic(
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
        self._cached = None  # the first write streams the small new file and patches it in batches
        self._kept, self._whole, self._fresh = {}, {}, {}
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
        started = _clock()
        wb: Any = self._stream_for_reading()
        if wb is None:  # not readable as a package: openpyxl's load says why (or reads it)
            wb = self._load()
        self.timings["load"] = _clock() - started
        started = _clock()
        unchanged = Stamp.of(self.path) == stamp  # nobody saved while we read
        changes = StaffChanges(stamp=stamp if unchanged else None)
        agreed: dict[str, list[tuple[str, bytes]]] = {}
        if layout.ORDERS in wb.sheetnames:
            outcome = sync.read_orders(wb[layout.ORDERS], layout.order_columns(self.config), self.store)
            changes.edits = outcome.edits
            changes.reviews = outcome.reviews
            changes.shadow = [(layout.ORDERS, *row) for row in outcome.shadow]
            agreed[layout.ORDERS] = self._fingerprints_of(wb[layout.ORDERS], layout.ORDERS, outcome.agreed)
        if layout.LINES in wb.sheetnames:
            outcome = sync.read_lines(wb[layout.LINES], layout.LINE_SPEC, self.store)
            changes.edits += outcome.edits
            changes.reviews += outcome.reviews
            changes.shadow += [(layout.LINES, *row) for row in outcome.shadow]
            agreed[layout.LINES] = self._fingerprints_of(wb[layout.LINES], layout.LINES, outcome.agreed)
        if layout.REVIEW in wb.sheetnames:
            marks, shadow, agrees = sync.read_review(wb[layout.REVIEW], layout.REVIEW_SPEC, self.store)
            changes.review_marks = marks
            changes.shadow += [(layout.REVIEW, *row) for row in shadow]
            agreed[layout.REVIEW] = self._fingerprints_of(wb[layout.REVIEW], layout.REVIEW, agrees)
        if layout.CUSTOMERS in wb.sheetnames:
            found = customers.read_sheet(wb[layout.CUSTOMERS], self.store)
            changes.customers = found.changes
            changes.reviews += found.reviews
            changes.answered += found.answered
            changes.shadow += [(layout.CUSTOMERS, *row) for row in found.shadow]
        if layout.PAYMENTS in wb.sheetnames:
            paid = payments.read_sheet(wb[layout.PAYMENTS], self.store)
            changes.payments = paid.changes
            changes.reviews += paid.reviews
            changes.answered += paid.answered
            changes.shadow += [(layout.PAYMENTS, *row) for row in paid.shadow]
        self.rows_compared = {
            name: len(wb[name].fingerprints)
            for name in FINGERPRINTED
            if name in wb.sheetnames and isinstance(wb[name], package.SheetData) and wb[name].fingerprinted
        }
        self._agreed = (changes.stamp, agreed)
        if isinstance(wb, package.PatchBook):  # kept once the shadows compared above are gone
            self._keep_fresh(wb.package, wb.sheets)
        self.timings["diff"] = _clock() - started
        return changes

    def _stream_for_reading(self, only: tuple[str, ...] | None = None) -> package.PatchBook | None:
        """The sheets staff edit (or ``only`` these), streamed with the columns the readers
        compare (bounded memory: no workbook object, a run of rows at a time); None when the
        package cannot be read."""
        watched = {layout.norm(c.header) for c in layout.LINE_SPEC if c.field in ("order_no", "line", *AMENDABLE_LINE)}
        marks = {layout.norm(c.header) for c in layout.REVIEW_SPEC if c.field in ("ref", "done")}

        def columns(names: set[str]) -> Any:
            return lambda header: ({col for col, value in header.items() if layout.norm(value) in names}, None)

        everything: Any = lambda header: (None, None)  # noqa: E731
        styled: Any = lambda header: (None, lambda values: True)  # noqa: E731
        try:
            found = package.Package.open(self.path)
            picks = {
                layout.ORDERS: everything,
                layout.LINES: columns(watched),
                layout.REVIEW: columns(marks),
                layout.CUSTOMERS: styled,  # a Deposit % is read by its number format
                layout.PAYMENTS: everything,
            }
            sheets = package.read_sheets(
                found,
                {name: pick for name, pick in picks.items() if only is None or name in only},
                {name: self._known(name) for name in FINGERPRINTED},
            )
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError, IndexError, package.NeedsFullWrite):
            return None
        self.sheets_read = sorted(sheets)
        self._scanned = dict(found.scanned)
        return package.PatchBook(found, sheets, ())

    def _known(self, name: str) -> package.Known:
        """The fingerprints recorded for ``name`` and where its key's columns are."""
        spec = layout.spec(self.config, name)
        fields = FINGERPRINTED[name]

        def columns(header: dict[int, Any]) -> list[int] | None:
            found: dict[str, int] = {}
            for col, value in sorted(header.items()):
                found.setdefault(layout.norm(value), col)
            where = {c.field: found[layout.norm(c.header)] for c in spec if layout.norm(c.header) in found}
            return [where[f] for f in fields] if all(f in where for f in fields) else None

        return package.Known(self.store.row_hashes(name), columns)

    def _fingerprints_of(self, ws: Any, name: str, keys: Iterable[str]) -> list[tuple[str, bytes]]:
        """(key, fingerprint) of the rows ``keys`` as a fingerprinted read found them."""
        if not isinstance(ws, package.SheetData) or not ws.fingerprinted:
            return []
        where = layout.locate(ws, layout.spec(self.config, name))
        index = sync.index_rows(ws, [where[f] for f in FINGERPRINTED[name]])
        found = ((key, ws.fingerprints.get(index.rows.get(key, 0))) for key in keys)
        return [(key, digest) for key, digest in found if digest is not None]

    def _fingerprint_saved(self) -> None:
        """After openpyxl's full save, the rows that agree with their shadow as just recorded
        get their fingerprint, as the rows a patched write writes do: the next read after a
        staff save skips them. A streamed read of the saved file: rows whose fingerprint is
        known already are not decoded, and a row holding anything not taken in yet (an edit
        not read, a value mailflow would record) gets none, so the next read compares it."""
        read = self.sheets_read
        book = self._stream_for_reading(tuple(FINGERPRINTED))
        self.sheets_read = read  # what the last read or patched write streamed, as before
        if book is None:
            return
        found: dict[str, list[tuple[str, bytes]]] = {}
        if layout.ORDERS in book.sheets:
            outcome = sync.read_orders(book[layout.ORDERS], layout.order_columns(self.config), self.store)
            pending = {e.order_no for e in outcome.edits} | {row[0] for row in outcome.shadow}
            found[layout.ORDERS] = self._fingerprints_of(
                book[layout.ORDERS], layout.ORDERS, (k for k in outcome.agreed if k not in pending)
            )
        if layout.LINES in book.sheets:
            outcome = sync.read_lines(book[layout.LINES], layout.LINE_SPEC, self.store)
            pending = {row[0] for row in outcome.shadow}
            found[layout.LINES] = self._fingerprints_of(
                book[layout.LINES], layout.LINES, (k for k in outcome.agreed if k not in pending)
            )
        if layout.REVIEW in book.sheets:
            _, updates, agrees = sync.read_review(book[layout.REVIEW], layout.REVIEW_SPEC, self.store)
            pending = {row[0] for row in updates}
            found[layout.REVIEW] = self._fingerprints_of(
                book[layout.REVIEW], layout.REVIEW, (k for k in agrees if k not in pending)
            )
        if any(found.values()):
            with self.store.transaction():
                for sheet, hashes in found.items():
                    self.store.save_row_hashes(sheet, hashes)

    def _keep(self, found: package.Package, sheets: dict[str, package.SheetData]) -> None:
        """Remember what the next patched write needs of ``sheets`` (see ``KEPT``)."""
        for name, fields in KEPT.items():
            data = sheets.get(name)
            if data is None:
                continue  # what is kept of it (if anything) still holds
            self._kept.pop(name, None)
            seal = found.seals.get(data.part)
            if seal is None or isinstance(data, package.DrawnSheet):
                continue
            columns = None
            if fields is not None:
                where = layout.locate(data, layout.spec(self.config, name))
                if any(f not in where for f in fields):
                    continue
                columns = [where[f] for f in fields]
            self._kept[name] = package.Kept.of(data, seal, found.context, columns)

    def _keep_fresh(self, found: package.Package, sheets: dict[str, package.SheetData]) -> None:
        """After a read: its rows of the ``KEPT`` sheets, for the write that follows (``_fresh``);
        what was kept of them before no longer holds."""
        self._fresh = {}
        for name in KEPT:
            data = sheets.get(name)
            if data is None:
                continue  # what is kept of it (if anything) still holds
            self._kept.pop(name, None)
            seal = found.seals.get(data.part)
            if seal is not None and not data.changed and not isinstance(data, package.DrawnSheet):
                self._fresh[name] = (seal, found.context, data)

    def _take_fresh(self, found: package.Package) -> dict[str, package.SheetData]:
        """The rows ``_keep_fresh`` kept, for sheets whose part is still the one read."""
        fresh, self._fresh = self._fresh, {}
        taken = {}
        for name, (seal, context, data) in fresh.items():
            if found.sheets.get(name) == data.part and found.seals.get(data.part) == seal and found.context == context:
                data.formats = found.styles  # the write's styles (it may add formats)
                taken[name] = data
            else:
                self._kept.pop(name, None)
        return taken

    def _keep_written(self, book: "package.PatchBook") -> None:
        """After a patched save: the kept sheets as written (``Kept.of`` applies the changes)."""
        self._kept, self._fresh = {}, {}
        seals = book.written  # of the file as written, whoever may have saved over it since
        written = package.Package(self.path, book.package.sheets, [], book.package.styles, book.package.epoch, seals)
        sheets = {name: book.sheets[name] for name in KEPT if name in book.sheets}
        # A removed last row leaves the last row holding a value unknown: read it again.
        self._keep(written, {name: data for name, data in sheets.items() if data.last_row not in data.removed})

    def mark_read(self, changes: StaffChanges) -> None:
        """``changes`` are recorded: their file version need not be parsed again, and the rows
        that agree with their shadow now keep their fingerprints (the next read skips them).

        A crash before this loses nothing: those rows are only compared once more."""
        self._read_stamp = changes.stamp
        stamp, agreed = self._agreed
        self._agreed = (None, {})
        if stamp is None or stamp != changes.stamp or not any(agreed.values()):
            return
        with self.store.transaction():
            for sheet, hashes in agreed.items():
                self.store.save_row_hashes(sheet, hashes)

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
            self._inspected = (stamp, workbook.inspect_parts(self.path, self._scanned))
        blocking = [p for p in self._inspected[1] if p.level == "error"]
        if blocking:
            text = "; ".join(p.message for p in blocking)
            with self.store.transaction():
                self.store.add_review(
                    now, f"The tracker was not written: {text}. {blocking[0].hint}.", key=f"tracker-unsafe:{text}"
                )
            return WriteResult(queued=True, reason=text, path=self.path)
        if self._cached and self._cached[0] == stamp:
            self.path_taken = "full: the workbook is in memory already"
            return self._write(None, stamp, now)
        cursor = self.store.load_shadow(layout.ORDERS, ["_cursor"]).get("_cursor", {}).get("rev")
        if cursor is None:
            return self._write_in_batches(stamp, now)
        record = self.store.revision()  # read first: an order changed meanwhile is compared next time
        since = self.store.orders_since(int(cursor))
        archived = self.store.archived_among(o.order_no for o in since)
        changed = {o.order_no: o for o in since if o.order_no not in archived}
        return self._write_patched(changed, record, stamp, now)

    def _write_patched(
        self, changed: dict[str, Order], record: int | None, stamp: Stamp | None, now: dt.datetime, backup: bool = True
    ) -> WriteResult:
        """Patch ``changed`` orders into the file; the full path when patching cannot (see
        ``_patch_book``). ``record`` is the revision the orders were compared up to (None: more
        batches follow)."""
        book, why = self._patch_book(now, changed, record)
        self.path_taken = "patch" if book else f"full: {why}"
        try:
            return self._write(book, stamp, now, backup=backup)
        except package.NeedsFullWrite as refused:
            self.path_taken = f"full: {refused}"
            self._swept = False  # whatever the book swept was not saved: the full path sweeps again
            return self._write(None, stamp, now)

    def _write_in_batches(self, stamp: Stamp | None, now: dt.datetime) -> WriteResult:
        """Compare every live order, a batch at a time, each batch one patched save.

        Without an orders cursor (a new or restored workbook, or a shadow forgotten) every order
        is compared; a batch at a time keeps the memory of that first write as small as a
        cycle's. Only the first save keeps a backup (of the version staff last had); the cursor
        is recorded with the last batch, so a crash halfway starts over and finds the rows
        already written by their keys.
        """
        record = self.store.revision()
        numbers = self.store.live_order_numbers()
        batches = [numbers[i : i + BATCH] for i in range(0, len(numbers), BATCH)] or [[]]
        total = WriteResult(path=self.path)
        for index, batch in enumerate(batches):
            last = index == len(batches) - 1
            changed = {o.order_no: o for o in (self.store.order(n) for n in batch) if o is not None}
            result = self._write_patched(changed, record if last else None, stamp, now, backup=index == 0)
            if result.queued or not self.path_taken == "patch":
                return result  # the full path compared everything at once, or the file is busy
            stamp = Stamp.of(self.path)
            for name in ("added", "updated", "lines", "customers", "reviews", "logged", "conflicts"):
                setattr(total, name, getattr(total, name) + getattr(result, name))
            total.failed += result.failed
            total.saved = total.saved or result.saved
        return total

    def _write(
        self, book: "package.PatchBook | None", stamp: Stamp | None, now: dt.datetime, backup: bool = True
    ) -> WriteResult:
        """One write: through ``book`` (patched rows) when given, else openpyxl's full load and save."""
        wb: Any = book if book is not None else self._load()
        lost_keys = self._lost_key_columns(wb)
        if lost_keys:
            with self.store.transaction():
                self.store.add_review(
                    now, f"The tracker was not written: {lost_keys}.", key=f"tracker-keys:{lost_keys}"
                )
            return WriteResult(queued=True, reason=lost_keys, path=self.path)
        started = _clock()
        try:
            removed = self._move_to_archive(wb, now) if book is None else self._sweep(book)
            result, shadow = self._apply(wb, now, book)
        except Exception:
            self._cached = None  # the in-memory copy may be half-changed: reload next time
            self._kept, self._fresh = {}, {}
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
            if book is not None:  # the rows taken from the read are kept for the next write
                self._keep(book.package, {n: d for n, d in book.sheets.items() if n in KEPT and not d.changed})
            self._written = None if self._archive_waits else self._version(stamp, now)
            return result
        started = _clock()
        try:
            new_stamp = workbook.save_atomic(
                wb if book is None else book.write,
                self.path,
                expect=stamp,
                backups_dir=self.backups_dir,
                keep=self.config.tracker.keep_backups,
                now=now,
                backup=backup,
            )
        except TrackerLocked as exc:
            self._cached = None
            return WriteResult(queued=True, reason=str(exc), path=self.path)
        except package.NeedsFullWrite:
            self._kept, self._fresh = {}, {}
            raise
        except Exception:
            self._cached = None
            self._kept, self._fresh = {}, {}
            raise
        self.timings["save"] = _clock() - started
        # The file is in place; now record what it holds. A crash between the two is harmless:
        # the next cycle finds cells equal to what mailflow wants and only records the shadow
        # (the rows written have no fingerprint yet, so that read compares them).
        with self.store.transaction():
            for sheet, updates in shadow.items():
                sync.save_shadow(self.store, sheet, updates)
            if book is not None:
                for sheet, hashes in self._written_hashes(book, shadow).items():
                    self.store.save_row_hashes(sheet, hashes)
        self._cached = (new_stamp, wb) if book is None else None
        self._whole = {}
        if book is None:
            self._kept, self._fresh = {}, {}  # openpyxl wrote every part anew
            self._fingerprint_saved()
        else:
            self._keep_written(book)
            if not result.failed:  # every row looked for was written: none is missing now
                self._whole = {name: book.written.get(book.package.sheets.get(name, "")) for name in FINGERPRINTED}
            if self._inspected and self._inspected[0] == stamp:  # parts copied as they were: the same findings
                self._inspected = (new_stamp, self._inspected[1])
        if self._read_stamp == stamp:
            self._read_stamp = new_stamp  # our own save holds no staff edit we have not read
        self._written = None if self._archive_waits else self._version(new_stamp, now)
        result.saved = True
        return result

    # ----------------------------------------------------------------- the patch path

    def _written_hashes(
        self, book: "package.PatchBook", updates: dict[str, list]
    ) -> dict[str, list[tuple[str, bytes]]]:
        """(key, fingerprint) of the rows this patched write wrote whole (new, or fetched whole
        and changed) that agree with their shadow as just recorded: the next read after a staff
        save skips them while their fingerprint holds."""
        found: dict[str, list[tuple[str, bytes]]] = {}
        for name, fields in FINGERPRINTED.items():
            data = book.sheets.get(name)
            if data is None or not data.written_fingerprints or data.removed:
                continue  # rows moved up are rewritten from their keys only: not vouched for
            shadow = book.compared.get(name, {})
            changed: dict[str, dict[str, str | None]] = {}
            for key, field_name, value in updates.get(name, ()):
                changed.setdefault(key, dict(shadow.get(key, {})))[field_name] = value
            where = layout.locate(data, layout.spec(self.config, name))
            key_cols = [where[f] for f in fields]
            hashes = found[name] = []
            for number, values in data.written_rows_among(data.written_fingerprints):
                digest = data.written_fingerprints[number]
                if number in data.rows and number not in data.whole:
                    continue
                key = "#".join(sync.canonical(values.get(c)) or "" for c in key_cols)
                seen = changed.get(key, shadow.get(key))
                if seen and all(seen.get(f, value) == value for f, value in self._cells(values, where)):
                    hashes.append((key, digest))
        return found

    @staticmethod
    def _cells(values: dict[int, Any], where: dict[str, int]) -> Iterator[tuple[str, str | None]]:
        """(field, canonical value) of a row's cells, as the shadow holds them."""
        for name, col in where.items():
            yield name, sync.canonical(values.get(col))

    def _patch_book(
        self, now: dt.datetime, changed: dict[str, Order], record: int | None
    ) -> tuple["package.PatchBook | None", str]:
        """The sheets a patched write of ``changed`` needs, or (None, why the full openpyxl path
        is taken instead).

        The full path is taken for what patching does not do: a layout to complete (a sheet or
        header missing), closed orders to move to the yearly archive, and a package the
        streaming read refuses (damaged: openpyxl then says why). Otherwise only the rows of the
        orders to compare are read whole.
        """
        days = self.config.tracker.archive_after_days
        if days and self.store.archivable_numbers(TERMINAL, now - dt.timedelta(days=days)):
            return None, "closed orders move to the yearly archive"
        rejected = {item.key.split(":")[1] for item in self.store.open_reviews("tracker-invalid:") if item.key}
        # Rows the last write could not hold are tried again, as a full comparison would.
        failed = self.store.get_status(FAILED_ROWS) or []
        retried = rejected | {
            row["key"].split("#")[0] for row in failed if row.get("sheet") in (layout.ORDERS, layout.LINES)
        }
        wanted = set(changed) | retried

        def keyed(fields: tuple[str, ...], sheet_spec: list[layout.Column]) -> Any:
            headers = {layout.norm(c.header): c.field for c in sheet_spec if c.field in fields}

            def choose(header: dict[int, Any]) -> Any:
                cols = {col: headers[layout.norm(v)] for col, v in header.items() if layout.norm(v) in headers}
                order_col = next((col for col, name in cols.items() if name == "order_no"), None)
                return set(cols), lambda values: sync.canonical(values.get(order_col)) in wanted

            return choose

        everything: Any = lambda header: (None, None)  # noqa: E731
        styled: Any = lambda header: (None, lambda values: True)  # noqa: E731
        refs = {layout.norm(c.header) for c in layout.REVIEW_SPEC if c.field == "ref"}
        picks = {
            layout.ORDERS: keyed(("order_no",), layout.order_columns(self.config)),
            layout.LINES: keyed(("order_no", "line"), layout.LINE_SPEC),
            # the refs; the rows a write compares are read whole when it knows them (``_reviews_to_compare``)
            layout.REVIEW: lambda header: ({col for col, v in header.items() if layout.norm(v) in refs}, None),
            layout.CUSTOMERS: styled,  # a Deposit % is read by its number format
            layout.PAYMENTS: everything,
            layout.LOG: everything,
        }
        try:
            found = package.Package.open(self.path)
            kept = self._take_fresh(found)
            kept.update(
                (name, held.sheet(name, found))
                for name, held in self._kept.items()
                if name not in kept and found.sheets.get(name) == held.part and held.holds(found)
            )
            fresh = package.read_sheets(found, {name: pick for name, pick in picks.items() if name not in kept})
            for name, data in kept.items():
                if name in (layout.ORDERS, layout.LINES) and not self._read_whole(found, data, name, wanted):
                    fresh[name] = package.read_sheets(found, {name: picks[name]})[name]  # read as usual
            self._keep(found, fresh)
            self.sheets_read = sorted(fresh)
            sheets = {**kept, **fresh}
            book = package.PatchBook(found, sheets, layout.DRAWN)
        except package.NeedsFullWrite as why:
            return None, str(why)
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError, IndexError) as exc:
            return None, f"the package cannot be streamed ({type(exc).__name__}: {exc})"
        for name in layout.SHEETS:
            if name not in book.sheetnames:
                return None, f"the sheet {name} is missing"
            if name not in layout.DRAWN:
                where = layout.locate(book[name], layout.spec(self.config, name))
                if len(where) != len(layout.spec(self.config, name)):
                    return None, f"a column of the {name} sheet is missing"
        book.orders = self._orders_to_compare(book, changed, retried)
        book.record = record
        for name in FINGERPRINTED:
            book[name].written_fingerprints = {}
        return book, ""

    def _read_whole(self, found: package.Package, data: package.SheetData, name: str, wanted: set[str]) -> bool:
        """The rows of the ``wanted`` orders read whole into kept ``data``, found by the row
        numbers kept; False when a row is not there or holds another key (the part is then
        read as usual)."""
        where = layout.locate(data, layout.spec(self.config, name))
        key_cols = [where[f] for f in KEPT[name] or ()]
        keys = {
            number: [sync.canonical(values.get(c)) for c in key_cols]
            for number, values in data.rows.items()
            if number > 1 and sync.canonical(values.get(key_cols[0])) in wanted
        }
        if not package.fetch_rows(found, data, keys):
            return False
        return all([sync.canonical(data.rows[n].get(c)) for c in key_cols] == key for n, key in keys.items())

    def _orders_to_compare(
        self, book: "package.PatchBook", changed: dict[str, Order], rejected: set[str]
    ) -> list[Order]:
        """Changed orders, plus those whose money cell waits to be put back, plus those whose row
        (or a line row) staff deleted: ``plan_rows`` writes those rows again."""
        missing: set[str] = set()
        if not self._holds_every_row(book, layout.ORDERS):
            where = layout.locate(book[layout.ORDERS], layout.order_columns(self.config))
            on_sheet = set(sync.index_rows(book[layout.ORDERS], [where["order_no"]]).rows)
            missing = self.store.shadow_keys(layout.ORDERS) - on_sheet - {"_cursor"}
        if not self._holds_every_row(book, layout.LINES):
            where = layout.locate(book[layout.LINES], layout.LINE_SPEC)
            lines = set(sync.index_rows(book[layout.LINES], [where["order_no"], where["line"]]).rows)
            missing |= {key.rpartition("#")[0] for key in self.store.shadow_keys(layout.LINES) - lines}
        orders = dict(changed)
        candidates = (missing | rejected) - set(changed)
        for number in sorted(candidates - self.store.archived_among(candidates)):
            order = self.store.order(number)
            if order is not None:
                orders[number] = order
        return [orders[n] for n in sorted(orders)]

    def _holds_every_row(self, book: "package.PatchBook", name: str) -> bool:
        """True when sheet ``name`` is the part our last save left holding every row (``_whole``)."""
        part = book.package.sheets.get(name, "")
        seal = book.package.seals.get(part)
        return seal is not None and self._whole.get(name) == seal

    def _review_rows_deleted(
        self, wb: Any, book: "package.PatchBook | None", now: dt.datetime
    ) -> list[tuple[str, str, str | None]]:
        """Review rows staff deleted are taken as done, as a user deleting a finished to-do
        expects: the item is closed (if it was open) and its row is not written again; the
        item stays in the store with its history. Only a sheet emptied of every row mailflow
        wrote there is taken as a mistake: its rows are written again, and a note says so."""
        if book is not None and self._holds_every_row(book, layout.REVIEW):
            return []  # the sheet as our own last save left it: nothing deleted since
        where = layout.locate(wb[layout.REVIEW], layout.REVIEW_SPEC)
        if "ref" not in where:
            return []
        on_sheet = set(sync.index_rows(wb[layout.REVIEW], [where["ref"]]).rows)
        written = {key for key in self.store.shadow_keys(layout.REVIEW) if key.isdigit()}
        missing = written - on_sheet
        if not missing:
            return []
        if len(written) > 1 and not written & on_sheet:
            why = f"all {len(missing)} rows mailflow wrote to the Review sheet were missing"
            return [
                (
                    f"tracker-readded:{layout.REVIEW}:{hashlib.sha1(' '.join(sorted(missing)).encode()).hexdigest()}",
                    f"{why}; mailflow added them again. To close one, write anything in its Done column"
                    " (or delete that one row).",
                    None,
                )
            ]
        with self.store.transaction():
            closed = self.store.take_off_sheet([int(key) for key in missing], now)
            self.store.forget_shadow_rows(layout.REVIEW, missing)
        log.info(
            "tracker: %d Review row(s) deleted on the sheet (review items %s): %d open item(s) among them closed",
            len(missing), ", ".join(sorted(missing, key=int)), closed,
        )  # fmt: skip
        return []

    def _reviews_to_compare(self, book: "package.PatchBook | None") -> tuple[int, list[ReviewItem]]:
        """The revision the Review rows are compared up to, and the items to compare: every live
        one on the full path or without a cursor (a new, restored or forgotten sheet); else
        those changed since the cursor, and those whose row staff deleted (``plan_rows`` adds
        them again). The rows of those items are read whole into ``book`` first."""
        revision = self.store.revision()  # read first: an item changed meanwhile is compared next time
        cursor = self.store.load_shadow(layout.REVIEW, ["_cursor"]).get("_cursor", {}).get("rev")
        if book is None or cursor is None:
            items = self.store.live_reviews()
        else:
            missing: set[str] = set()
            if not self._holds_every_row(book, layout.REVIEW):
                where = layout.locate(book[layout.REVIEW], layout.REVIEW_SPEC)
                on_sheet = sync.index_rows(book[layout.REVIEW], [where["ref"]]).rows
                missing = self.store.shadow_keys(layout.REVIEW) - set(on_sheet)
            items = self.store.live_reviews_since(int(cursor), [int(k) for k in missing if k.isdigit()])
        if book is not None:
            self._fetch_whole(book, layout.REVIEW, [str(item.id) for item in items])
        self.reviews_compared = len(items)
        return revision, items

    def _fetch_whole(self, book: "package.PatchBook", name: str, keys: list[str]) -> None:
        """The rows of ``keys`` on sheet ``name`` read whole into ``book`` (a write compares every
        cell of them); ``NeedsFullWrite`` when they cannot be found by number and key."""
        data = book[name]
        where = layout.locate(data, layout.spec(self.config, name))
        key_cols = [where[f] for f in KEPT[name] or ()]
        on_sheet = sync.index_rows(data, key_cols).rows
        wanted = {on_sheet[key]: key for key in keys if key in on_sheet and on_sheet[key] not in data.whole}
        if not wanted:
            return
        if not package.fetch_rows(book.package, data, wanted):
            raise package.NeedsFullWrite(f"the {name} rows cannot be found by their numbers")
        for number, key in wanted.items():
            if "#".join(sync.canonical(data.rows[number].get(c)) or "" for c in key_cols) != key:
                raise package.NeedsFullWrite(f"the {name} rows are not where they were")
        data.indexes.clear()  # the rows read whole hold more columns now

    def _sweep(self, book: "package.PatchBook") -> int:
        """Once per process, rows of orders archived earlier that are still on the sheets go
        (after a crash between the store's commit and the live save); see ``yearly``."""
        self._archive_waits = False
        if self._swept:
            return 0
        self._swept = True
        return yearly.drop_archived_rows(book, self.store, self.config)

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

    def _lost_key_columns(self, wb: Any) -> str:
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
            if sheet not in wb.sheetnames or not sync.sheet_rows(wb[sheet]):
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

    def _apply(
        self, wb: Any, now: dt.datetime, book: "package.PatchBook | None" = None
    ) -> tuple[WriteResult, dict[str, list]]:
        """Change ``wb`` in memory; return the counts and the shadow rows to record after saving.

        Through a ``book`` (the patch path) only the orders changed since the last write (and
        those whose rows staff deleted, or whose money cell waits to be put back) are compared:
        ``book.orders``, chosen by ``_patch_book``. Otherwise every live order is."""
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
        revision: int | None = self.store.revision() if book is None else book.record
        orders = self.store.live_orders() if book is None else book.orders
        order_keys = None if book is None else {o.order_no for o in orders}
        line_keys = None if book is None else {f"{o.order_no}#{i}" for o in orders for i in range(1, len(o.lines) + 1)}
        self.timings["store"] = _clock() - started
        shadow: dict[str, list] = {}
        reviews: list[tuple[str, str, str | None]] = [
            (f"tracker-layout:{note}", f"The tracker was missing {note}; mailflow added it.", None)
            for _, _, note in added_layout
        ]
        columns = layout.order_columns(self.config)
        compared = {
            layout.ORDERS: self.store.load_shadow(layout.ORDERS, order_keys),
            layout.LINES: self.store.load_shadow(layout.LINES, line_keys),
        }
        if book is not None:
            book.compared = compared  # what the rows written are checked against (``_written_hashes``)
        plans = {
            layout.ORDERS: sync.plan_rows(
                wb[layout.ORDERS],
                layout.ORDERS,
                columns,
                ["order_no"],
                sync.order_rows(orders, columns, self.archive_root, tz),
                compared[layout.ORDERS],
            ),
            layout.LINES: sync.plan_rows(
                wb[layout.LINES],
                layout.LINES,
                layout.LINE_SPEC,
                ["order_no", "line"],
                sync.line_rows(orders, layout.LINE_SPEC),
                compared[layout.LINES],
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
        reviews += self._review_rows_deleted(wb, book, now)
        # Conflicts and layout notes go to the store first, so their Review rows land in this save.
        with self.store.transaction():
            for key, reason, order_no in reviews:
                self.store.add_review(now, reason, key=key, order_no=order_no)
        review_rev, items = self._reviews_to_compare(book)
        compared[layout.REVIEW] = self.store.load_shadow(
            layout.REVIEW, None if book is None else [str(item.id) for item in items]
        )
        plans[layout.REVIEW] = sync.plan_rows(
            wb[layout.REVIEW],
            layout.REVIEW,
            layout.REVIEW_SPEC,
            ["ref"],
            sync.review_rows(items, layout.REVIEW_SPEC, self.archive_root, tz),
            compared[layout.REVIEW],
        )
        result.updated += len(added_layout)  # a header mailflow added must reach the file
        rejected = {item.key for item in self.store.open_reviews("tracker-invalid:") if item.key}
        result.updated += sync.restore_money_cells(
            wb[layout.ORDERS], columns, {o.order_no: o for o in orders}, rejected
        )
        for sheet, plan in plans.items():
            shadow[sheet] = plan.shadow
            result.updated += plan.updated
        if revision is not None:
            shadow[layout.ORDERS].append(("_cursor", "rev", str(revision)))  # orders compared up to here
        shadow[layout.REVIEW].append(("_cursor", "rev", str(review_rev)))  # review items compared up to here
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
        planned = (
            orders
            if book is None
            else self.store.live_orders_reaching(production_plan.candidates(), excluding_status=production_plan.DONE)
        )
        production = production_plan.rows(planned, today)
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
        self._kept, self._whole, self._fresh = {}, {}, {}
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
