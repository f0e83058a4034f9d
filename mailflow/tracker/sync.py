"""Two-way sync between the store and the workbook, through the shadow.

The shadow (``tracker_shadow``: sheet, row key, field → canonical string) records what mailflow
last wrote to, or accepted from, each cell. Comparing three values per cell decides everything:

    cur   what the workbook holds now          want  what the store says the cell should be
    old   the shadow (None = empty; MISSING = mailflow never recorded this cell)

``read_orders`` (staff → store): for staff and "both" columns, ``cur != old`` is a staff edit.
(A change to a mailflow column is left in the workbook and noted once in a Review row.)
It is validated and typed and returned with the shadow row that moves to ``cur``; reading writes
nothing — ``workflow.apply_edits`` records the edit, its event and the shadow in one transaction.
An invalid value becomes a Review row and leaves the shadow alone, so it is reported once and
picked up as soon as staff correct it.
A value equal to ``want`` is not an edit (mailflow's own write whose shadow was not recorded).

``plan_rows`` (store → workbook), per cell of an existing row:

    want == old          mailflow has nothing new: nothing to do, a staff change stays
                         (the cell is not even read: the common case costs one comparison)
    old MISSING          write ``want`` if it is set and differs (the store holds every staff
                         edit read so far, so after a restore it is the better copy)
    cur == want          nothing to write; record the shadow
    staff column         never written once the row exists
    cur == old           mailflow's new value is written
    otherwise            conflict: staff changed the cell and mailflow wants another value —
                         the staff value stays and a Review row explains

Rows are found by key (Order No; Order No + Line; Ref), so a row already written is never
appended twice, even when a crash lost the shadow of the last save.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from ..cleantext import clean
from ..model import AMENDABLE, AMENDABLE_LINE, Order, StaffEdit, order_value
from ..store import ReviewItem, Store, dumps
from .layout import Column, header_cells, locate
from .package import SheetData
from .cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    Invalid,
    canonical,
    cell_value,
    is_money_format,
    money_format,
    store_text,
    typed,
)

MISSING = object()
TEXT_KINDS = ("text", "status", "inspection", "link", "customer_status", "language", "payment_kind", "payment_status")
LINK_FONT = Font(color="0563C1", underline="single")
_ORDER_ATTRS = {f.name for f in fields(Order)} - {"facts", "lines", "received_at", "order_no"}


# --------------------------------------------------------------------------- the shadow


def load_shadow(store: Store, sheet: str) -> dict[str, dict[str, str | None]]:
    return store.load_shadow(sheet)


def save_shadow(store: Store, sheet: str, updates: Iterable[tuple[str, str, str | None]]) -> None:
    store.save_shadow(sheet, updates)


# --------------------------------------------------------------------------- reading rows


@dataclass
class SheetIndex:
    """Where each key's row is, the row values (column → value), and the first free row."""

    rows: dict[str, int] = field(default_factory=dict)
    values: dict[str, dict[int, Any]] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    next_row: int = 2


def answered(store: Store, prefix: str, raised: Iterable[tuple[str, str, str | None]]) -> list[str]:
    """The keys of open Review rows starting ``prefix`` (the rows only a read of one sheet
    raises, on every read until its cause is corrected) that this read, ``raised``, did not raise
    again: their row was corrected, taken in or deleted."""
    again = {key for key, _, _ in raised}
    return [item.key for item in store.open_reviews(prefix) if item.key and item.key not in again]


def sheet_rows(ws: Worksheet) -> dict[int, dict[int, Any]]:
    """Row number → (column → value) for every non-empty cell below the header.

    Reads the worksheet's cell map directly: ``iter_rows`` would create (and later save) a cell
    object for every empty position of a sparse sheet, which cost more than the whole diff.
    """
    if isinstance(ws, SheetData):
        return ws.current_rows()
    by_row: dict[int, dict[int, Any]] = {}
    for (row, col), cell in ws._cells.items():
        value = cell.value
        if row > 1 and value is not None and value != "":
            by_row.setdefault(row, {})[col] = value
    return by_row


def index_rows(ws: Worksheet, key_cols: list[int]) -> SheetIndex:
    """Scan the sheet once: key → row (first occurrence wins; later ones are duplicates).

    A streamed sheet nothing was written to yet keeps its index: a write looks its rows up
    more than once (rows staff deleted, then the rows to change), and the big sheets hold
    a row for every order and every line.
    """
    if isinstance(ws, SheetData) and not ws.changes and not ws.removed:
        found = ws.indexes.get(tuple(key_cols))
        if found is None:
            found = ws.indexes[tuple(key_cols)] = _index_rows(ws, key_cols)
        return found
    return _index_rows(ws, key_cols)


def _index_rows(ws: Worksheet, key_cols: list[int]) -> SheetIndex:
    by_row = sheet_rows(ws)
    last = max(by_row, default=1)
    if isinstance(ws, SheetData):  # a streamed sheet may hold values in columns not kept
        last = max(last, ws.last_row)
    index = SheetIndex(next_row=last + 1)
    rows, kept, duplicates = index.rows, index.values, index.duplicates
    first, more = key_cols[0], key_cols[1:]
    for number in sorted(by_row):  # a row for every order and line: the plain case inline
        values = by_row[number]
        value = values.get(first)
        key = (value.strip() or None) if type(value) is str else canonical(value)
        if key is None:
            continue
        for col in more:
            value = values.get(col)
            key += "#" + (((value.strip() or None) if type(value) is str else canonical(value)) or "")
        if key in rows:
            duplicates.append(key)
            continue
        rows[key] = number
        kept[key] = values
    return index


# --------------------------------------------------------------------------- staff → store


@dataclass
class ReadOutcome:
    edits: list[StaffEdit] = field(default_factory=list)
    shadow: list[tuple[str, str, str | None]] = field(default_factory=list)
    reviews: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, reason, order
    orders: dict[str, Order] = field(default_factory=dict)  # changed orders to save
    agreed: list[str] = field(default_factory=list)  # rows compared that agree with the shadow once it is recorded


def compared_rows(ws: Worksheet, index: SheetIndex) -> dict[str, dict[int, Any]]:
    """The rows of ``index`` a read compares: all, less those a fingerprinted read found as
    recorded (``SheetData.unchanged``: the same values, already compared with this shadow)."""
    unchanged = ws.unchanged if isinstance(ws, SheetData) else ()
    if not unchanged:
        return index.values
    return {key: index.values[key] for key, row in index.rows.items() if row not in unchanged}


def _shadow_of(store: Store, sheet: str, ws: Worksheet, rows: dict[str, Any], **only: Any) -> dict:
    """The shadow of the rows compared: all of the sheet's unless a fingerprinted read left few."""
    if isinstance(ws, SheetData) and ws.unchanged:
        return store.load_shadow(sheet, rows, **only)
    return store.load_shadow(sheet, **only)


def read_orders(ws: Worksheet, columns: list[Column], store: Store) -> ReadOutcome:
    """Staff edits on the Orders sheet (see the module docstring); touches nothing yet."""
    out = ReadOutcome()
    where = locate(ws, columns)
    if "order_no" not in where:
        return out
    watched = [c for c in columns if c.field in where and c.field != "order_no"]
    index = index_rows(ws, [where["order_no"]])
    rows = compared_rows(ws, index)
    shadow = _shadow_of(store, "Orders", ws, rows)
    for key, values in rows.items():
        seen = shadow.get(key)
        if seen is None:
            continue  # not written by mailflow yet (or a row staff keep by hand)
        if _read_order_row(out, store, key, values, seen, watched, where):
            out.agreed.append(key)
    for key in sorted(set(index.duplicates)):
        out.reviews.append(
            (
                f"tracker-duplicate:{key}",
                f"{key} appears on more than one row of"
                " the Orders sheet; mailflow reads and writes the first one only.",
                key,
            )
        )
    return out


def _read_order_row(
    out: ReadOutcome,
    store: Store,
    key: str,
    values: dict[int, Any],
    seen: dict[str, str | None],
    watched: list[Column],
    where: dict[str, int],
) -> bool:
    """One Orders row against its shadow, into ``out``; True when every cell agrees with the
    shadow once ``out`` is recorded (nothing left that a later read must look at again)."""
    agrees = True
    for column in watched:
        raw = values.get(where[column.field])
        cur = canonical(raw)
        old = seen.get(column.field, MISSING)
        if old is MISSING or cur == old:
            continue
        order = out.orders.get(key) or store.order(key)
        if order is None:
            return False
        want = canonical(cell_value(order_value(order, column.field), column.kind))
        if cur == want:
            out.shadow.append((key, column.field, cur))
            continue
        if column.owner == "mailflow" and not (column.field in AMENDABLE and order.facts.get("change_open")):
            # Not an edit mailflow takes in (it fills this column), but say so once: staff
            # fixing a customer name here may expect documents to follow. (When mailflow has
            # a new value pending, ``plan_rows`` reports the conflict instead.)
            if want == old:
                try:
                    typed(raw, column.kind)
                    why = f"changed in the tracker to {cur!r}"
                except Invalid as invalid:
                    why = f"changed in the tracker, but {invalid}"
                out.reviews.append(
                    (
                        f"tracker-mailflow-column:{key}:{column.field}:{cur}",
                        f"{key} {column.header}: {why}; mailflow's records keep {want!r}. The"
                        " tracker value stays until mailflow itself changes this column.",
                        key,
                    )
                )
            agrees = False  # the staff value stays in the cell, not in the shadow
            continue
        try:
            new = typed(raw, column.kind)
            if new is None and column.field == "status":
                raise Invalid("the status is empty; choose one from the list")
        except Invalid as why:
            out.reviews.append(
                (
                    f"tracker-invalid:{key}:{column.field}:{cur}",
                    f"{key} {column.header}: {why}. The change is ignored until it is corrected.",
                    key,
                )
            )
            agrees = False
            continue
        if column.owner == "both" and want != old:
            out.reviews.append(
                (
                    f"tracker-conflict:Orders:{key}:{column.field}:{want}",
                    f"{key} {column.header}: staff set {cur!r} while mailflow had {want!r} to"
                    f" write; the staff value is kept.",
                    key,
                )
            )
        out.edits.append(StaffEdit(key, column.field, _typed_or_text(old, column.kind), new, column.header))
        out.orders[key] = apply_edit(order, column.field, new)
        out.shadow.append((key, column.field, cur))
    return agrees


def read_lines(ws: Worksheet, columns: list[Column], store: Store) -> ReadOutcome:
    """Staff edits on the Lines sheet: a line's description, quantity or unit price of an order
    with an open change is an edit (the amount and total follow); otherwise the line stays as
    mailflow read it from the PO and a Review row says so, once per value typed."""
    out = ReadOutcome()
    where = locate(ws, columns)
    if "order_no" not in where or "line" not in where:
        return out
    watched = [c for c in columns if c.field in AMENDABLE_LINE and c.field in where]
    rows = compared_rows(ws, index_rows(ws, [where["order_no"], where["line"]]))
    shadow = _shadow_of(store, "Lines", ws, rows, fields=[c.field for c in watched])  # only what is compared
    orders: dict[str, Order | None] = {}
    differs: set[str] = set()  # rows left disagreeing with the shadow (reported, or not taken in)
    for key, values in rows.items():
        seen = shadow.get(key)
        order_no, _, number = key.rpartition("#")
        if seen is None or not number.isdigit():
            continue
        for column in watched:
            raw = values.get(where[column.field])
            cur = canonical(raw)
            old = seen.get(column.field, MISSING)
            if old is MISSING or cur == old:
                continue
            if order_no not in orders:
                orders[order_no] = store.order(order_no)
            order = orders[order_no]
            if order is None or int(number) > len(order.lines):
                differs.add(key)
                continue
            line = order.lines[int(number) - 1]
            want = canonical(cell_value(getattr(line, column.field), column.kind))
            label = f"{order_no} line {number} {column.header}"
            if cur == want:
                out.shadow.append((key, column.field, cur))
                continue
            if not order.facts.get("change_open"):
                if want == old:
                    out.reviews.append(
                        (
                            f"tracker-line:{key}:{column.field}:{cur}",
                            f"Lines {label}: changed in the tracker to {cur!r}; mailflow's records keep"
                            f" {want!r}. Lines are amended only while a change is open on the order (a change"
                            " request opens one); until then the tracker value stays as typed.",
                            order_no,
                        )
                    )
                differs.add(key)  # the value typed stays in the cell, not in the shadow
                continue
            try:
                new = typed(raw, column.kind)
            except Invalid as why:
                out.reviews.append(
                    (
                        f"tracker-invalid:{order_no}:line{number}.{column.field}:{cur}",
                        f"Lines {label}: {why}. The change is ignored until it is corrected.",
                        order_no,
                    )
                )
                differs.add(key)
                continue
            out.edits.append(
                StaffEdit(
                    order_no,
                    column.field,
                    _typed_or_text(old, column.kind),
                    new,
                    f"Lines {column.header}",
                    line=int(number),
                )
            )
            out.shadow.append((key, column.field, cur))
    out.agreed = [key for key in rows if key in shadow and key not in differs and key.rpartition("#")[2].isdigit()]
    return out


def _typed_or_text(value: Any, kind: str) -> Any:
    if value is None or value is MISSING:
        return None
    try:
        return typed(value, kind)
    except Invalid:
        return value


def apply_edit(order: Order, name: str, value: Any) -> Order:
    """The order with one staff value applied: an attribute, or ``facts`` (ISO/decimal text)."""
    if name in _ORDER_ATTRS:
        return order.with_(**{name: store_text(value)})
    facts = dict(order.facts)
    if value is None:
        facts.pop(name, None)
    else:
        facts[name] = store_text(value)
    return order.with_(facts=facts)


def read_review_done(ws: Worksheet, columns: list[Column], store: Store) -> tuple[list[tuple[int, bool]], list]:
    """Review rows staff marked done (any text in Done) or cleared again: (marks, shadow rows).

    Reads only; ``workflow.apply_edits`` records both.
    """
    return read_review(ws, columns, store)[:2]


def read_review(ws: Worksheet, columns: list[Column], store: Store) -> tuple[list[tuple[int, bool]], list, list[str]]:
    """``read_review_done``, and the rows compared that agree with the shadow once recorded."""
    where = locate(ws, columns)
    if "ref" not in where or "done" not in where:
        return [], [], []
    rows = compared_rows(ws, index_rows(ws, [where["ref"]]))
    shadow = _shadow_of(store, "Review", ws, rows)
    marks, updates, agreed = [], [], []
    for key, values in rows.items():
        seen = shadow.get(key)
        if seen is None or not key.isdigit():
            continue
        agreed.append(key)
        cur = canonical(values.get(where["done"]))
        if seen.get("done", MISSING) in (cur, MISSING):
            continue
        marks.append((int(key), bool(cur)))
        updates.append((key, "done", cur))
    return marks, updates, agreed


# --------------------------------------------------------------------------- store → workbook


@dataclass
class RowsPlan:
    shadow: list[tuple[str, str, str | None]] = field(default_factory=list)
    conflicts: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, reason, order
    added: int = 0
    updated: int = 0
    readded: list[str] = field(default_factory=list)
    failed: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, error, order


@dataclass(frozen=True)
class Want:
    """One row mailflow wants: the cell values, the money format's currency, hyperlinks."""

    values: dict[str, Any]
    currency: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # field → URI
    order_no: str | None = None
    error: str | None = None  # the row's values could not be made: written nowhere, reported


def plan_rows(
    ws: Worksheet,
    sheet: str,
    columns: list[Column],
    key_fields: list[str],
    wanted: dict[str, Want],
    shadow: dict[str, dict[str, str | None]],
) -> RowsPlan:
    """Write ``wanted`` rows into ``ws`` following the rules of the module docstring."""
    plan = RowsPlan()
    where = locate(ws, columns)
    index = index_rows(ws, [where[f] for f in key_fields])
    present = [c for c in columns if c.field in where]
    next_row = index.next_row
    for key, want in wanted.items():
        mark = (len(plan.shadow), len(plan.conflicts), len(plan.readded), plan.added, plan.updated)
        row = index.rows.get(key)
        try:
            next_row = _plan_row(ws, sheet, key, want, row, next_row, index, present, where, shadow, plan)
        except Exception as exc:  # one row openpyxl refuses must not stop the save of all others
            _undo_row(plan, mark)
            if row is None:  # a half-written new row is emptied; the next row takes its place
                for column in present:
                    ws.cell(row=next_row, column=where[column.field]).value = None
            plan.failed.append((key, f"{type(exc).__name__}: {exc}"[:300], want.order_no))
    if next_row > 2:
        grow_filter(ws, next_row - 1)
    return plan


def _plan_row(
    ws: Worksheet,
    sheet: str,
    key: str,
    want: "Want",
    row: int | None,
    next_row: int,
    index: SheetIndex,
    present: list[Column],
    where: dict[str, int],
    shadow: dict,
    plan: RowsPlan,
) -> int:
    """Write one wanted row (see ``plan_rows``); returns the next free row."""
    if want.error:
        raise ValueError(want.error)
    seen = shadow.get(key, {})
    if row is None:
        if key in shadow:
            plan.readded.append(key)
        row, next_row = next_row, next_row + 1
        for column in present:
            value = want.values.get(column.field)
            if value is not None:
                put(ws, row, where[column.field], value, column, want)
            plan.shadow.append((key, column.field, canonical(value)))
        plan.added += 1
        return next_row
    values = index.values[key]
    for column in present:
        value = want.values.get(column.field)
        target = canonical(value)
        old = seen.get(column.field, MISSING)
        if target == old:
            continue  # mailflow has nothing new; whatever staff did to the cell stays
        cur = canonical(values.get(where[column.field]))
        if old is MISSING:
            if target is not None and cur != target:
                put(ws, row, where[column.field], value, column, want)
                plan.updated += 1
            plan.shadow.append((key, column.field, target))
        elif cur == target:
            plan.shadow.append((key, column.field, target))
        elif column.owner == "staff":
            continue
        elif cur == old:
            put(ws, row, where[column.field], value, column, want)
            plan.shadow.append((key, column.field, target))
            plan.updated += 1
        else:
            plan.conflicts.append(
                (
                    f"tracker-conflict:{sheet}:{key}:{column.field}:{target}",
                    f"{sheet} {key.replace('#', ' line ')} {column.header}: staff entered {cur!r};"
                    f" mailflow would write {target!r}. The staff value is kept; clear the cell"
                    f" if mailflow's value is right.",
                    want.order_no,
                )
            )
    return next_row


def _undo_row(plan: RowsPlan, mark: tuple[int, int, int, int, int]) -> None:
    """Forget what a failed row added to ``plan``: it is tried again at the next write."""
    del plan.shadow[mark[0] :], plan.conflicts[mark[1] :], plan.readded[mark[2] :]
    plan.added, plan.updated = mark[3], mark[4]


def grow_filter(ws: Worksheet, last_row: int) -> None:
    """Make the filter cover every row, or grow the Excel table staff made of the sheet.

    A sheet-wide auto-filter overlapping a table is a corrupt file to Excel, so when the header
    row belongs to a table, the table's range is extended instead. (A patched sheet's ranges
    grow in ``package.write_patched``.)
    """
    if isinstance(ws, SheetData):
        return
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        if min_row == 1:
            if last_row > max_row:
                table.ref = f"{get_column_letter(min_col)}1:{get_column_letter(max_col)}{last_row}"
                if table.autoFilter is not None:
                    table.autoFilter.ref = table.ref
            return
    last_col = max(col for col, _ in header_cells(ws))
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{last_row}"


def put(ws: Worksheet, row: int, col: int, value: Any, column: Column, want: Want) -> None:
    """Write one value with its type and format; staff formatting of the cell is kept."""
    cell = ws.cell(row=row, column=col)
    # Text is cleaned where it enters; values stored before that may still hold a control character.
    cell.value = clean(value) if isinstance(value, str) else value
    if value is None:
        return
    if column.kind in TEXT_KINDS:
        cell.data_type = "s"  # never a formula, whatever the text starts with
        uri = want.links.get(column.field)
        if uri:
            cell.hyperlink = uri
            cell.font = LINK_FONT
    elif column.kind == "date" and cell.number_format in ("General", "yyyy-mm-dd h:mm:ss"):
        cell.number_format = DATE_FORMAT
    elif column.kind == "datetime":
        cell.number_format = DATETIME_FORMAT
    elif column.kind == "money" and is_money_format(cell.number_format):
        cell.number_format = money_format(want.currency)
    elif column.kind == "number" and "%" in cell.number_format:
        # mailflow writes the percentage (30), not Excel's fraction (0.3): shown as 3000% otherwise
        cell.number_format = "General"


def restore_money_cells(ws: Worksheet, columns: list[Column], orders: dict[str, Order], rejected: set[str]) -> int:
    """Money cells holding a date get back the recorded amount and the money format.

    Excel gives a cell the date format when a date is typed into it. The date was rejected
    (a Review row says so and keeps what was typed), but the cell would go on showing — and
    storing — whatever is typed next as a date, rejected again. So the cell gets the amount
    the store holds (empty when none) and the order's money format: staff type the amount into
    a cell that takes it. Only dates already rejected (their Review row key in ``rejected``) are
    replaced, so an entry not read yet is never overwritten unseen. Returns the cells changed.
    """
    where = locate(ws, columns)
    if "order_no" not in where:
        return 0
    fields = {where[c.field]: c.field for c in columns if c.kind == "money" and c.field in where}
    key_col = where["order_no"]
    changed = 0
    for row, values in sheet_rows(ws).items():
        for col, value in values.items():
            if col not in fields or not isinstance(value, (dt.date, dt.time)):
                continue
            key = canonical(values.get(key_col))
            order = orders.get(key or "")
            if order is None or f"tracker-invalid:{key}:{fields[col]}:{canonical(value)}" not in rejected:
                continue
            cell = ws.cell(row=row, column=col)
            cell.value = cell_value(order_value(order, fields[col]), "money")
            cell.number_format = money_format(order.currency)
            changed += 1
    return changed


# --------------------------------------------------------------------------- what mailflow wants


def order_rows(orders: list[Order], columns: list[Column], archive_root: Path, tz: dt.tzinfo) -> dict[str, Want]:
    wanted = {}
    root = archive_root.resolve()
    for order in orders:
        try:
            values = {c.field: _cell(order_value(order, c.field), c, tz) for c in columns}
        except ValueError as exc:  # one order's odd value must not stop the save of all others
            wanted[order.order_no] = Want({}, order.currency, {}, order.order_no, error=str(exc))
            continue
        links = {}
        if order.archive_dir:
            links["archive"] = (root / order.archive_dir).as_uri()
        wanted[order.order_no] = Want(values, order.currency, links, order.order_no)
    return wanted


def _cell(value: Any, column: Column, tz: dt.tzinfo | None = None) -> Any:
    """``cell_value``, with a value that does not fit its column named in a ValueError."""
    try:
        return cell_value(value, column.kind, tz)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise ValueError(
            f"{column.header}: {str(value)[:60]!r} is not a {column.kind} ({type(exc).__name__})"
        ) from None


def line_rows(orders: list[Order], columns: list[Column]) -> dict[str, Want]:
    wanted = {}
    for order in orders:
        for number, line in enumerate(order.lines, start=1):
            data = {"order_no": order.order_no, "line": number, **vars(line)}
            key = f"{order.order_no}#{number}"
            try:
                values = {c.field: _cell(data.get(c.field), c) for c in columns}
            except ValueError as exc:
                wanted[key] = Want({}, order.currency, {}, order.order_no, error=str(exc))
                continue
            wanted[key] = Want(values, order.currency, {}, order.order_no)
    return wanted


def review_rows(
    items: Iterable[ReviewItem], columns: list[Column], archive_root: Path, tz: dt.tzinfo
) -> dict[str, Want]:
    """The Review rows of ``items`` as mailflow wants them."""
    wanted = {}
    root = archive_root.resolve()
    for item in items:
        data = {
            "ref": item.id,
            "created": item.created_at,
            "order_no": item.order_no,
            "reason": item.reason,
            "link": item.link,
            "done": "Yes" if item.status == "done" else None,
        }
        values = {c.field: cell_value(data.get(c.field), c.kind, tz) for c in columns}
        links = {"link": (root / item.link).as_uri()} if item.link else {}
        wanted[str(item.id)] = Want(values, None, links, item.order_no)
    return wanted


def append_log(
    ws: Worksheet, columns: list[Column], store: Store, tz: dt.tzinfo, keep: int = 5000
) -> tuple[int, list[tuple[str, str, str | None]]]:
    """Append events and sent notices not yet on the Log sheet, then keep only its newest
    ``keep`` rows: (rows added, shadow updates). The full history stays in the store (``mailflow
    order show``); the sheet is a window on recent activity, so its cost does not grow with it.

    Two cursors say what was logged: the last event id (events are append-only with growing
    ids) and the last notice ``sent_rev`` (notices are sent out of id order; each send takes the
    next revision). With no cursor (a restored or new workbook) only the newest ``keep`` of each
    are considered, and refs already on the sheet are skipped, so nothing is logged twice.
    """
    where = locate(ws, columns)
    cursors = load_shadow(store, "Log").get("_cursor", {})
    event_cursor, notice_cursor = cursors.get("event_id"), cursors.get("notice_rev")
    on_sheet: set[str] = set()
    if (event_cursor is None or notice_cursor is None) and "ref" in where:
        on_sheet = set(index_rows(ws, [where["ref"]]).rows)
    rows: list[tuple[str, dict[str, Any]]] = []
    updates: list[tuple[str, str, str | None]] = []
    events = store.recent_events(int(event_cursor or 0), limit=None if event_cursor is not None else keep)
    for event in events:
        rows.append(
            (
                f"E{event.id}",
                {
                    "at": event.at,
                    "order_no": event.order_no,
                    "event": event.kind,
                    "cause": event.cause,
                    "detail": _short(event.detail),
                },
            )
        )
    if events:
        updates.append(("_cursor", "event_id", str(events[-1].id)))
    elif event_cursor is None:
        updates.append(("_cursor", "event_id", str(store.last_event_id())))
    # Without a cursor, notices sent before the cursor existed (sent_rev 0) are candidates too.
    since = int(notice_cursor) if notice_cursor is not None else -1
    sent = store.sent_notices_since(since, limit=None if notice_cursor is not None else keep)
    for notice in sent:
        # The recipients as recorded (a JSON list), as the Log has always shown them.
        recipients = json.dumps(list(notice.recipients))
        rows.append(
            (
                f"N{notice.id}",
                {
                    "at": notice.sent_at,
                    "order_no": notice.order_no,
                    "event": f"sent {notice.kind}",
                    "cause": "outbox",
                    "detail": _short(f"{notice.subject} → {recipients}"),
                },
            )
        )
    last_rev = max((n.sent_rev or 0 for n in sent), default=since)
    if notice_cursor is None or last_rev != since:
        updates.append(("_cursor", "notice_rev", str(max(last_rev, 0))))
    if notice_cursor is None:  # the notices' one-row-each shadow of older versions is no longer read
        store.forget_shadow_rows("Log", prefixes=["N"])
    fresh = [(ref, data) for ref, data in rows if ref not in on_sheet]
    next_row = index_rows(ws, [where.get("ref") or where["at"]]).next_row if fresh else 0
    for ref, data in fresh:
        data["ref"] = ref
        for column in columns:
            value = cell_value(data.get(column.field), column.kind, tz)
            if column.field in where and value is not None:
                put(ws, next_row, where[column.field], value, column, Want({}))
        next_row += 1
    trim_log(ws, where, keep)
    return len(fresh), updates


def trim_log(ws: Worksheet, where: dict[str, int], keep: int) -> int:
    """Remove the oldest rows of the Log sheet beyond ``keep`` (the rows are in the order logged)."""
    last = ws.max_written if isinstance(ws, SheetData) else max((row for row, _ in ws._cells), default=1)
    excess = last - 1 - keep
    if excess <= 0:
        return 0
    remove_rows(ws, set(range(2, 2 + excess)))
    return excess


def remove_rows(ws: Worksheet, rows: set[int]) -> None:
    """Remove whole rows in one pass over the cells: the rows below move up, keeping each cell's
    value, style and hyperlink (staff formatting moves with its row), and row heights; the
    filter or the Excel table shrinks with the sheet. (``Worksheet.delete_rows`` moves every
    cell below once per call, and leaves hyperlinks pointing at the old places.)"""
    if not rows:
        return
    if isinstance(ws, SheetData):
        ws.remove_rows(rows)
        return
    removed = sorted(rows)
    cells = ws._cells
    moved: dict[tuple[int, int], Any] = {}
    for (row, col), cell in sorted(cells.items()):
        if row in rows:
            continue
        shift = bisect.bisect_left(removed, row)
        if shift:
            cell.row = row - shift
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
        moved[(cell.row, col)] = cell
    ws._cells = moved
    heights = {r: d for r, d in ws.row_dimensions.items() if r not in rows}
    ws.row_dimensions.clear()
    for row, dim in sorted(heights.items()):
        new = row - bisect.bisect_left(removed, row)
        dim.index = new
        ws.row_dimensions[new] = dim
    last = max((row for row, _ in moved), default=1)
    for table in ws.tables.values():
        min_col, min_row, max_col, _ = range_boundaries(table.ref)
        if min_row == 1:
            table.ref = f"{get_column_letter(min_col)}1:{get_column_letter(max_col)}{max(last, 2)}"
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref
            return
    if ws.auto_filter.ref:
        min_col, _, max_col, _ = range_boundaries(ws.auto_filter.ref)
        ws.auto_filter.ref = f"{get_column_letter(min_col)}1:{get_column_letter(max_col)}{last}"


def _short(text: Any, limit: int = 300) -> str:
    text = text if isinstance(text, str) else dumps(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
