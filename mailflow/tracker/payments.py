"""The Payments sheet: one row per payment, the way a finance clerk keeps a list of receipts.

Rows are found by the ``ID`` column (P-00001). Staff add a row for a payment they see in the bank
(Order No, Date, Amount, Kind, Reference; Currency and Status may stay empty: the order's
currency, Confirmed), and decide the rows a customer's payment advice proposed (Status Proposed →
Confirmed or Rejected, correcting Amount or Date first). mailflow writes the ID into a row it
took in, fills Source, and marks a repeated reference Duplicate. Only Confirmed rows count; the
Orders sheet's Deposit / Balance Received show their sums.

    read_sheet(ws, store) -> SheetRead   staff changes as data (``PaymentChange``s, Review rows
                                         naming the row and column of a cell that does not fit,
                                         the shadow); ``workflow.record_edits`` records them
    adopt_rows(ws, payments, shadow)     writes the ID into rows staff added, before ``plan_rows``
    wanted_rows(payments)                what mailflow wants on the sheet, for ``sync.plan_rows``
    check_sheet(ws)                      every cell that does not fit, for ``tracker check``
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from ..model import CONFIRMED, PAYMENT_KINDS, PAYMENT_STATUSES, Payment, PaymentChange, currency_code
from ..store import Store
from .layout import PAYMENT_SPEC as SPEC, PAYMENTS as SHEET, Column, locate
from .sync import MISSING, Want, answered, load_shadow, put, sheet_rows
from .cells import Invalid, canonical, cell_value, choice, decimal_text, typed, unsafe_text

SOURCE = "Payments sheet"
_RAISED = "payments-"  # the keys of the Review rows a read of the sheet raises (only it raises them)
_INVALID = "payments-invalid:"  # a cell that does not fit its column
_ID = re.compile(r"P-(\d{1,9})", re.IGNORECASE)
_ATTRS = {
    "paid_on": "paid_on",
    "amount": "amount",
    "currency": "currency",
    "kind": "kind",
    "reference": "reference",
    "status": "status",
    "note": "note",
}
# "3.000": a dot before three digits and no more is a thousands dot as often as a decimal point
_GROUPING_DOT = re.compile(r"\d\.\d{3}(?![\d.])")
# the one minus sign of an amount paid back: "-500", "USD -500", "- 500"
_NEGATIVE = re.compile(r"(?<![\d.])-(?=\s*[\d.]|\s*[A-Za-z$€£¥￥])")


# --------------------------------------------------------------------------- store → sheet


def row_values(payment: Payment) -> dict[str, Any]:
    """The cells of ``payment``'s row, typed as the sheet holds them."""
    data = {
        "order_no": payment.order_no,
        "paid_on": payment.paid_on,
        "amount": payment.amount,
        "currency": payment.currency,
        "kind": (payment.kind or "").capitalize() or None,
        "reference": payment.reference,
        "status": payment.status,
        "source": payment.source,
        "note": payment.note,
        "id": payment.ref,
    }
    return {c.field: cell_value(data.get(c.field), c.kind) for c in SPEC}


def wanted_rows(payments: list[Payment]) -> dict[str, Want]:
    return {p.ref: Want(row_values(p), p.currency, order_no=p.order_no) for p in payments}


def adopt_rows(ws: Worksheet, payments: list[Payment], shadow: dict[str, dict]) -> int:
    """Write the ID into rows staff added that ``read_sheet`` took in, so ``plan_rows`` finds
    the row instead of appending a second one. Returns the rows adopted."""
    where = locate(ws, SPEC)
    if "id" not in where or "order_no" not in where:
        return 0
    unplaced = [p for p in payments if p.ref not in shadow and p.source == SOURCE]
    if not unplaced:
        return 0
    adopted = 0
    id_col = next(c for c in SPEC if c.field == "id")
    for row, values in sorted(sheet_rows(ws).items()):
        if canonical(values.get(where["id"])) is not None:
            continue
        mark = _signature_of_row(values, where)
        payment = next((p for p in unplaced if _signature(p) == mark), None)
        if payment is not None:
            unplaced.remove(payment)
            put(ws, row, where["id"], payment.ref, id_col, Want({}))
            adopted += 1
    return adopted


# --------------------------------------------------------------------------- sheet → store


@dataclass
class SheetRead:
    """What one read of the sheet found, as data; ``workflow.record_edits`` records it."""

    changes: list[PaymentChange] = field(default_factory=list)
    reviews: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, reason, order
    shadow: list[tuple[str, str, str | None]] = field(default_factory=list)  # row key, field, value
    answered: list[str] = field(default_factory=list)  # keys of open Review rows whose cell reads right now


def read_sheet(ws: Worksheet, store: Store) -> SheetRead:
    """Staff changes on the sheet since the shadow (see the module docstring). Writes nothing."""
    out = SheetRead()
    where = locate(ws, SPEC)
    if "order_no" not in where or "amount" not in where:
        return out
    shadow = load_shadow(store, SHEET)
    watched = [c for c in SPEC if c.field in where and c.field not in ("id", "source")]
    unplaced: list[Payment] | None = None
    for row, values in sorted(sheet_rows(ws).items()):
        key = canonical(values.get(where["id"])) if "id" in where else None
        if key is None:
            if unplaced is None:  # payments taken in whose row has no ID yet (the write adds it)
                unplaced = [p for p in store.live_payments() if p.ref not in shadow and p.source == SOURCE]
            added = _staff_row(row, values, where, store, unplaced, out)
            if added is not None:
                out.changes.append(added)
            continue
        seen = shadow.get(key)
        if seen is None or all(
            seen.get(c.field, MISSING) in (MISSING, canonical(values.get(where[c.field]))) for c in watched
        ):
            continue  # unchanged since mailflow wrote it (or not written by mailflow yet)
        match = _ID.fullmatch(key)
        payment = store.payment(int(match.group(1))) if match else None
        if payment is None:
            continue  # an ID mailflow never gave (a row copied with its ID?): the next write fixes it
        want = row_values(payment)
        changed: list[tuple[str, Any, Any]] = []
        new = payment
        for column in watched:
            raw = values.get(where[column.field])
            cur, old = canonical(raw), seen.get(column.field, MISSING)
            if old is MISSING or cur == old:
                continue
            if cur == canonical(want.get(column.field)):
                out.shadow.append((key, column.field, cur))
                continue
            if column.field == "order_no":
                out.reviews.append(
                    (
                        f"payments-order:{key}:{cur}",
                        f"{SHEET} sheet, row {row}: {key} belongs to {payment.order_no}; a payment"
                        " does not move to another order. Set its Status to Rejected and add a row"
                        " for the right order.",
                        payment.order_no,
                    )
                )
                continue
            try:
                value = parse_cell(column, raw)
            except Invalid as why:
                out.reviews.append(
                    (
                        f"{_INVALID}{key}:{column.field}:{cur}",
                        f"{SHEET} sheet, row {row} ({key}), {column.header}: {why}. The change is"
                        " ignored until it is corrected.",
                        payment.order_no,
                    )
                )
                continue
            changed.append((column.header, getattr(new, _ATTRS[column.field]), value))
            new = new.with_(**{_ATTRS[column.field]: value})
            out.shadow.append((key, column.field, cur))
        if changed:
            out.changes.append(PaymentChange(new, changed))
    out.answered = answered(store, _RAISED, out.reviews)  # raised before, not this time: put right
    return out


def _staff_row(
    row: int, values: dict[int, Any], where: dict[str, int], store: Store, unplaced: list[Payment], out: SheetRead
) -> PaymentChange | None:
    """A row without an ID: a payment staff typed in, taken in once (the write then gives the
    row its ID). A row that cannot be a payment yet gets a Review row naming what is missing."""
    order_no = canonical(values.get(where["order_no"]))
    if order_no is None:
        return None  # a note or a total staff keep below the list
    order = store.order(order_no)
    label = f"{SHEET} sheet, row {row}"
    if order is not None and order_no in store.archived_orders():
        out.reviews.append(
            (
                f"payments-archived:{order_no}:{row}",
                f"{label}: {order_no} is closed and moved to the archive workbook; mailflow takes"
                " no payment for it, and this row stays as typed",
                order_no,
            )
        )
        return None
    if order is None:
        out.reviews.append(
            (
                f"payments-unknown:{order_no}:{row}",
                f"{label}: there is no order {order_no!r}; the payment is taken in once the Order"
                " No is one of the Orders sheet's",
                None,
            )
        )
        return None
    data: dict[str, Any] = {}
    for column in SPEC:
        if column.field in where and column.field not in ("id", "order_no", "source"):
            raw = values.get(where[column.field])
            if canonical(raw) is None:
                continue
            try:
                data[_ATTRS[column.field]] = parse_cell(column, raw)
            except Invalid as why:
                out.reviews.append(
                    (
                        f"{_INVALID}new:{order_no}:{row}:{column.field}:{canonical(raw)}",
                        f"{label}, {column.header}: {why}. The payment is taken in once it is corrected.",
                        order_no,
                    )
                )
                return None
    if data.get("amount") is None:
        out.reviews.append(
            (
                f"{_INVALID}new:{order_no}:{row}:amount:",
                f"{label}: the payment for {order_no} has no Amount; it is taken in once the amount received is typed",
                order_no,
            )
        )
        return None
    payment = Payment(
        order_no=order_no,
        kind=data.get("kind") or "",
        amount=data["amount"],
        currency=data.get("currency"),
        paid_on=data.get("paid_on"),
        reference=data.get("reference"),
        source=SOURCE,
        status=data.get("status") or CONFIRMED,
        note=data.get("note"),
    )
    mark = _signature(payment)
    waiting = next((p for p in unplaced if _signature(p) == mark), None)
    if waiting is not None:  # taken in already; its ID reaches the row with the next write
        unplaced.remove(waiting)
        return None
    return PaymentChange(payment, added=True)


def _signature(payment: Payment) -> tuple:
    amount = decimal_text(payment.amount) if payment.amount is not None else None
    return payment.order_no, amount, (payment.reference or "").strip().casefold()


def _signature_of_row(values: dict[int, Any], where: dict[str, int]) -> tuple:
    def cell(name: str) -> Any:
        return values.get(where[name]) if name in where else None

    try:
        amount = parse_amount(cell("amount"))
    except Invalid:
        amount = None
    return (
        canonical(cell("order_no")),
        decimal_text(amount) if amount is not None else None,
        (canonical(cell("reference")) or "").casefold(),
    )


def check_sheet(ws: Worksheet) -> list[str]:
    """Every cell of the sheet that does not fit its column, naming the sheet, row and column."""
    where = locate(ws, SPEC)
    found = []
    for row, values in sorted(sheet_rows(ws).items()):
        for column in SPEC:
            if column.field in where and column.field not in ("id", "order_no", "source"):
                if canonical(values.get(where[column.field])) is None:
                    continue
                try:
                    parse_cell(column, values.get(where[column.field]))
                except Invalid as why:
                    found.append(f"{SHEET} sheet, row {row}, {column.header}: {why}")
    return found


def parse_cell(column: Column, raw: Any) -> Any:
    """A staff-typed cell as the Payment attribute holds it; ``Invalid`` says why not."""
    name = column.field
    if name == "amount":
        return parse_amount(raw)
    if name == "paid_on":
        return typed(raw, "date")
    if name == "kind":
        text = typed(raw, "text")
        return choice(text, PAYMENT_KINDS, "kind").lower() if text else ""
    if name == "status":
        text = typed(raw, "text")
        if not text:
            raise Invalid(f"the status is empty; choose one of {', '.join(PAYMENT_STATUSES)}")
        return choice(text, PAYMENT_STATUSES, "status")
    if name == "currency":
        text = currency_code(typed(raw, "text"))  # "RMB" is kept as CNY
        if text and not re.fullmatch(r"[A-Z]{3}", text):
            raise Invalid(f"'{text[:20]}' is not a currency code such as USD, EUR or CNY")
        return text
    text = typed(raw, "text")
    return text[:500] if text else None


def parse_amount(raw: Any) -> Decimal | None:
    """An amount as typed: a number, or text with a currency ("USD 1,200.00"); negative for
    money paid back. Zero is no payment, and a date is not an amount.

    Text is read as the Orders sheet reads money (``typed(…, "money")``): a comma that does not
    group thousands ("3000,00", "3.000,00") is a decimal comma nobody can read for sure, so the
    row goes to Review instead of counting 300000 or 3 received."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, (dt.date, dt.time)):
        raise Invalid(f"{canonical(raw)} is a date, not an amount")
    if isinstance(raw, bool):
        raise Invalid(f"{canonical(raw)} is not an amount")
    if isinstance(raw, (int, float, Decimal)):
        number = Decimal(str(raw))
    else:
        text = unsafe_text(str(raw).strip())
        negative = _NEGATIVE.search(text)
        if negative:
            text = text[: negative.start()] + text[negative.end() :]
        try:
            number = typed(text, "money")
        except Invalid as why:
            raise Invalid(str(why).replace("is not a number", "is not an amount")) from None
        if _GROUPING_DOT.search(text):
            raise Invalid(
                f"'{str(raw).strip()[:40]}' has three digits after its dot, a thousands"
                " dot or a decimal point; type the amount as a number"
            )
        if number is None:
            raise Invalid(f"'{str(raw).strip()[:40]}' is not an amount")
        if negative:
            number = -number
    if not number.is_finite() or number == 0:
        raise Invalid(f"{str(raw)[:40]} is not an amount received")
    return number
