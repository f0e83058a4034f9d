"""The Customers sheet: the customer master as staff keep it, synced both ways like Orders.

Rows are found by the ``ID`` column (C-0001), so staff may rename a customer, sort the sheet or
move columns. Every column is the staff's (owner "both"): mailflow writes a cell only when it
has something new for it (a customer it met, a sender address it learned, a Status confirmed by
a correction) and staff have not changed that cell since mailflow last wrote it.

    read_sheet(ws, store) -> SheetRead   staff changes as data (``CustomerChange``s, Review rows
                                    naming the sheet and row for a cell that does not fit, the
                                    shadow); ``workflow.record_edits`` records them, each change
                                    an event (the Log sheet). A row staff typed without an ID is a
                                    customer of theirs (Status Confirmed unless given)
    adopt_rows(ws, customers, ...)  writes the ID of such a row into it, before ``plan_rows``
    wanted_rows(customers)          what mailflow wants on the sheet, for ``sync.plan_rows``
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from .. import customers as master
from ..customers import Customer, CustomerChange
from ..store import Store
from .package import SheetData
from .layout import CUSTOMER_SPEC as SPEC, CUSTOMERS as SHEET, Column, locate
from .sync import MISSING, Want, answered, load_shadow, put, sheet_rows
from .cells import Invalid, canonical, cell_value, choice, decimal_text, typed

_ATTRS = {"customer": "name"}  # sheet field → Customer attribute, where the names differ
_RAISED = "customers-"  # the keys of the Review rows a read of the sheet raises (only it raises them)


# --------------------------------------------------------------------------- store → sheet


def row_values(customer: Customer) -> dict[str, Any]:
    """The cells of ``customer``'s row, typed as the sheet holds them."""
    data = {
        "customer": customer.name, "aliases": master.join_list(customer.aliases),
        "senders": master.join_list(customer.senders), "contact": customer.contact,
        "contact_title": customer.contact_title, "contact_email": customer.contact_email,
        "language": customer.language, "deposit_percent": customer.deposit_percent,
        "payment_terms": customer.payment_terms, "account_manager": customer.account_manager,
        "account_manager_title": customer.account_manager_title,
        "account_manager_email": customer.account_manager_email, "status": customer.status,
        "notes": customer.notes, "id": customer.id,
    }  # fmt: skip
    return {c.field: cell_value(data.get(c.field), c.kind) for c in SPEC}


def wanted_rows(customers: list[Customer]) -> dict[str, Want]:
    return {c.id: Want(row_values(c)) for c in customers}


def adopt_rows(ws: Worksheet, customers: list[Customer], shadow: dict[str, dict]) -> int:
    """Write the ID into rows staff typed for a customer that ``read_sheet`` added to the store,
    so ``plan_rows`` finds the row instead of appending a second one. Returns rows adopted."""
    where = locate(ws, SPEC)
    if "id" not in where or "customer" not in where:
        return 0
    unplaced = {_fold(c.name): c for c in customers if c.id not in shadow}
    if not unplaced:
        return 0
    adopted = 0
    id_col = next(c for c in SPEC if c.field == "id")
    for row, values in sorted(sheet_rows(ws).items()):
        if canonical(values.get(where["id"])) is not None:
            continue
        customer = unplaced.pop(_fold(canonical(values.get(where["customer"])) or ""), None)
        if customer is not None:
            put(ws, row, where["id"], customer.id, id_col, Want({}))
            adopted += 1
    return adopted


# --------------------------------------------------------------------------- sheet → store


@dataclass
class SheetRead:
    """What one read of the sheet found, as data; ``workflow.record_edits`` records it."""

    changes: list[CustomerChange] = field(default_factory=list)
    reviews: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, reason, order
    shadow: list[tuple[str, str, str | None]] = field(default_factory=list)  # row key, field, value
    answered: list[str] = field(default_factory=list)  # keys of open Review rows whose row reads right now


def read_sheet(ws: Worksheet, store: Store) -> SheetRead:
    """Staff changes on the sheet since the shadow (see the module docstring). Writes nothing."""
    out = SheetRead()
    where = locate(ws, SPEC)
    if "customer" not in where:
        return out
    shadow = load_shadow(store, SHEET)
    customers = {c.id: c for c in store.customers()}
    watched = [c for c in SPEC if c.field in where and c.field != "id"]
    for row, values in sorted(sheet_rows(ws).items()):
        key = canonical(values.get(where["id"])) if "id" in where else None
        if key is None:
            added = _staff_row(row, values, where, customers, shadow, out, _formats(ws, row, where))
            if added is not None:
                out.changes.append(added)
            continue
        seen, customer = shadow.get(key), customers.get(key)
        if seen is None or customer is None:
            continue  # not written by mailflow yet: the next write fills it
        want = row_values(customer)
        fields_changed: list[tuple[str, Any, Any]] = []
        for column in watched:
            raw = values.get(where[column.field])
            cur, old = canonical(raw), seen.get(column.field, MISSING)
            if old is MISSING or cur == old:
                continue
            if cur == canonical(want.get(column.field)):
                out.shadow.append((key, column.field, cur))
                continue
            try:
                new = parse_cell(column, raw, number_format(ws, row, where[column.field]))
            except Invalid as why:
                out.reviews.append(
                    (
                        f"customers-invalid:{key}:{column.field}:{cur}",
                        f"{SHEET} sheet, row {row}, {column.header}: {why}. The change is ignored"
                        " until it is corrected.",
                        None,
                    )
                )
                continue
            attr = _ATTRS.get(column.field, column.field)
            fields_changed.append((column.header, _shown(getattr(customer, attr)), _shown(new)))
            customer = customer.with_(**{attr: new})
            out.shadow.append((key, column.field, cur))
        if fields_changed:
            out.changes.append(CustomerChange(customer, fields_changed))
    out.answered = answered(store, _RAISED, out.reviews)  # raised before, not this time: put right
    return out


def _staff_row(
    row: int,
    values: dict[int, Any],
    where: dict[str, int],
    customers: dict[str, Customer],
    shadow: dict[str, dict],
    out: SheetRead,
    formats: dict[str, str],
) -> CustomerChange | None:
    """A row without an ID: a customer staff typed in, added once (found by name afterwards).
    A name already on another row of the sheet is not added twice: a Review row says where."""
    name = canonical(values.get(where["customer"]))
    if name is None:
        return None
    known = master.find_by_name(customers.values(), name)
    if known is not None:
        if known.id in shadow:  # on the sheet already (else this row is it, its ID not written yet)
            out.reviews.append(
                (
                    f"customers-duplicate:{name}:{row}",
                    f"{SHEET} sheet, row {row}: {name} is already on the sheet as {known.id}"
                    f" ({known.name}); this row is ignored. Change that row, or delete this one.",
                    None,
                )
            )
        return None
    data: dict[str, Any] = {}
    for column in SPEC:
        if column.field in where and column.field not in ("id", "customer"):
            raw = values.get(where[column.field])
            if canonical(raw) is None:
                continue
            try:
                data[_ATTRS.get(column.field, column.field)] = parse_cell(
                    column, raw, formats.get(column.field, "General")
                )
            except Invalid as why:
                out.reviews.append(
                    (
                        f"customers-invalid:new:{name}:{column.field}:{canonical(raw)}",
                        f"{SHEET} sheet, row {row}, {column.header}: {why}. The customer"
                        f" {name!r} is added once it is corrected.",
                        None,
                    )
                )
                return None
    clean = {k: v for k, v in data.items() if v not in (None, "", [])}
    clean.setdefault("status", master.CONFIRMED)  # staff typed it in: they know this customer
    return CustomerChange(Customer(id="", name=name, **clean), [], added=True)


def check_sheet(ws: Worksheet) -> list[str]:
    """Every cell of the sheet that does not fit its column, naming the sheet, row and column."""
    where = locate(ws, SPEC)
    found = []
    for row, values in sorted(sheet_rows(ws).items()):
        for column in SPEC:
            if column.field in where and column.field != "id":
                if column.field != "customer" and canonical(values.get(where[column.field])) is None:
                    continue
                try:
                    parse_cell(column, values.get(where[column.field]), number_format(ws, row, where[column.field]))
                except Invalid as why:
                    found.append(f"{SHEET} sheet, row {row}, {column.header}: {why}")
    return found


def number_format(ws: Worksheet | SheetData, row: int, col: int) -> str:
    """The number format of a cell as read ("General" when the read kept none)."""
    if isinstance(ws, SheetData):
        return ws.formats.number_format(ws.styles.get((row, col))) if ws.formats else "General"
    cell = ws._cells.get((row, col))
    return cell.number_format if cell is not None else "General"


def _formats(ws: Worksheet, row: int, where: dict[str, int]) -> dict[str, str]:
    return {"deposit_percent": number_format(ws, row, where["deposit_percent"])} if "deposit_percent" in where else {}


def parse_cell(column: Column, raw: Any, number_format: str = "General") -> Any:
    """A staff-typed cell as the Customer attribute holds it; ``Invalid`` says why not.
    ``number_format`` is the cell's: a percentage's value depends on it."""
    field = column.field
    if field == "deposit_percent":
        return _percent(raw, number_format)
    if field == "status":
        text = typed(raw, "text")
        if text is None:
            raise Invalid(f"the status is empty; choose one of {', '.join(master.STATUSES)}")
        return choice(text, master.STATUSES, "status")
    text = typed(raw, "text") or ""
    if field == "customer" and not text:
        raise Invalid("the customer name is empty; set the Status to Blocked to stop using a customer")
    if field == "language":
        return choice(text.lower(), master.LANGUAGES, "language") if text else ""
    if field == "senders":
        entries = master.split_senders(text)
        bad = [e for e in entries if not master.is_sender_entry(e)]
        if bad:
            free = [e for e in bad if e in master.free_mail_domains()]
            names = ", ".join(repr(e) for e in (free or bad))
            why = (
                f"{names}: a free-mail domain admits anyone; list the full address"
                if free
                else f"{names}: not an email address or a domain"
            )
            raise Invalid(why)
        return entries
    if field == "aliases":
        return master.split_aliases(text)
    if field in ("contact_email", "account_manager_email"):
        text = text.strip().strip("<>").lower()
        if text and not master.is_address(text):
            raise Invalid(f"'{text[:60]}' is not an email address")
    return text


def _percent(raw: Any, number_format: str = "General") -> Decimal | None:
    """The deposit percentage a cell holds, read by its number format.

    A cell formatted as a percentage keeps a fraction: "100%" typed is 1, "30%" is 0.3. A plain
    number is the percentage (30) or, below 1, its fraction (0.3); a plain 1 could be 1% or
    100% and is refused rather than guessed. Text: "30", "30%", "30 %" → 30.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    signed = isinstance(raw, str) and raw.strip().endswith("%")
    number = typed(re.sub(r"\s*%\s*$", "", raw.strip()) if isinstance(raw, str) else raw, "number")
    if signed:
        pass  # "30%", "1%": the percentage as written
    elif _is_percent_format(number_format) and not isinstance(raw, str):
        number = Decimal(decimal_text(number * 100))
    elif number == 1:
        raise Invalid("1 could be 1% or 100%; type the percentage with its sign (1% or 100%)")
    elif 0 < number < 1:
        number = Decimal(decimal_text(number * 100))
    if number > 100:
        raise Invalid(f"{decimal_text(number)}% is more than 100 percent")
    return number


def _is_percent_format(code: str) -> bool:
    """A number format showing a percentage ("0%", "0.00%"); a quoted or escaped % is text."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", code or "")


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _shown(value: Any) -> Any:
    if isinstance(value, list):
        return master.join_list(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    return value
