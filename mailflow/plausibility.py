"""Checks on a parsed order → warnings and a confidence. A wrong quantity costs real money.

Contract
    ``check(order, today=None) -> list[str]``: one warning per failed check, saying what
    failed with the numbers involved. Checks:

    * required: PO number, customer, at least one line with an item (its code, or on an order
      without codes its description) and a quantity;
    * per line: quantity × unit price = amount (to the cent, or half a per-mille for long
      unit prices), quantity positive, whole for countable units ("1.2 pcs" is a decimal
      separator misread), item code plausible (one word-like code, not a sentence or a date);
    * the lines add up to the total, or to the printed subtotal when tax or freight rows
      come between it and the total, or to the total once some of the printed charges and
      allowances are added or taken off (a total with charges but no subtotal: a person decides);
    * dates plausible: the PO date not in the future nor years back, delivery not before it.

    ``confidence(base, warnings) -> float``: ``base`` says how structured the source was (a
    table 0.95, prose 0.85); each failed check costs 0.2. Any warning means ``needs_review``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from .model import ParsedOrder

COUNTABLE = {
    "pcs",
    "pc",
    "pieces",
    "piece",
    "ea",
    "each",
    "units",
    "unit",
    "sets",
    "set",
    "pairs",
    "pair",
    "stk",
    "个",
    "件",
    "套",
    "只",
    "条",
    "台",
    "片",
    "块",
    "箱",
    "把",
    "张",
    "对",
    "根",
    "支",
    "ctns",
    "cartons",
}
MAX_QUANTITY = Decimal("10000000")


def check(
    order: ParsedOrder,
    today: dt.date | None = None,
    subtotal: Decimal | None = None,
    adjustments: Sequence[Decimal] = (),
) -> list[str]:
    """Every failed check as a sentence; ``subtotal`` is the printed sum before tax/freight;
    ``adjustments`` the charges and allowances printed beside the total (tax, freight, a
    handling allowance), any of which may stand between the lines' sum and the total."""
    warnings: list[str] = []
    if not order.po_number:
        warnings.append("no PO number found")
    if not order.customer:
        warnings.append("no customer (buyer) found")
    if not any((line.item or line.description) and line.quantity is not None for line in order.lines):
        warnings.append("no order line with both an item and a quantity")
    warnings.extend(_line_checks(order))
    warnings.extend(_total_check(order, subtotal, adjustments))
    warnings.extend(_date_checks(order, today))
    return warnings


def _line_checks(order: ParsedOrder) -> list[str]:
    out = []
    for n, line in enumerate(order.lines, start=1):
        label = f"line {n}" + (f" ({line.item})" if line.item else "")
        if line.quantity is None:
            out.append(f"{label}: no quantity")
            continue
        if line.quantity <= 0:
            out.append(f"{label}: quantity {line.quantity} is not positive")
        elif line.quantity > MAX_QUANTITY:
            out.append(f"{label}: quantity {line.quantity} is implausibly large")
        if line.quantity != line.quantity.to_integral_value() and (line.unit or "pcs").lower().rstrip(".") in COUNTABLE:
            out.append(
                f"{label}: quantity {line.quantity} {line.unit or ''} is not a whole number (a misread separator?)".replace(
                    "  ", " "
                )
            )
        if line.item and not plausible_item(line.item):
            out.append(f"{label}: '{line.item}' does not look like an item code")
        if line.quantity is not None and line.unit_price is not None and line.amount is not None:
            expected = line.quantity * line.unit_price
            if abs(expected - line.amount) > _tolerance(line.amount):
                out.append(
                    f"{label}: quantity × unit price = {line.quantity} × {line.unit_price} = {_money(expected)},"
                    f" but the amount is {line.amount}"
                )
    return out


def _tolerance(amount: Decimal) -> Decimal:
    return max(Decimal("0.01"), abs(amount) * Decimal("0.0005"))


def _money(value: Decimal) -> str:
    return format(
        value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value.normalize(), "f"
    )


def _total_check(order: ParsedOrder, subtotal: Decimal | None = None, adjustments: Sequence[Decimal] = ()) -> list[str]:
    if order.total is None or not order.lines:
        return []
    amounts = []
    for line in order.lines:
        if line.amount is not None:
            amounts.append(line.amount)
        elif line.quantity is not None and line.unit_price is not None:
            amounts.append(line.quantity * line.unit_price)
        else:
            return []  # a line without a value: the sum cannot be checked, the line checks said so
    total = sum(amounts, Decimal(0))
    if subtotal is not None and subtotal <= order.total and abs(total - subtotal) <= _tolerance(subtotal):
        return []  # the lines make the subtotal; tax and freight make the total
    if abs(total - order.total) > _tolerance(order.total) and not _adjusted(total, order.total, adjustments):
        return [f"the lines add up to {_money(total)} but the total is {order.total}"]
    return []


MAX_ADJUSTMENTS = 6


def _adjusted(lines_sum: Decimal, total: Decimal, adjustments: Sequence[Decimal]) -> bool:
    """Whether some of the printed charges and allowances, each added or taken off, close the
    gap between the lines' sum and the total (lines 1,052.40, allowance (13.68), total
    1,038.72). Only amounts the document prints; none is invented."""
    amounts = [abs(a) for a in adjustments[:MAX_ADJUSTMENTS] if a]
    gap = total - lines_sum
    for signs in itertools.product((0, 1, -1), repeat=len(amounts)):
        if any(signs) and abs(gap - sum((s * a for s, a in zip(signs, amounts)), Decimal(0))) <= _tolerance(total):
            return True
    return False


def _date_checks(order: ParsedOrder, today: dt.date | None) -> list[str]:
    out = []
    if today and order.po_date:
        if order.po_date > today + dt.timedelta(days=31):
            out.append(f"PO date {order.po_date} is in the future")
        elif order.po_date < today - dt.timedelta(days=2 * 366):
            out.append(f"PO date {order.po_date} is more than two years ago")
    if order.po_date and order.delivery_date and order.delivery_date < order.po_date:
        out.append(f"delivery date {order.delivery_date} is before the PO date {order.po_date}")
    if today and order.delivery_date and order.delivery_date > today + dt.timedelta(days=3 * 366):
        out.append(f"delivery date {order.delivery_date} is more than three years away")
    return out


def plausible_item(item: str) -> bool:
    """One code-like token ("HX-2040", "料号A-01", "3.5MM-JACK"), not prose nor a bare date."""
    item = item.strip()
    if not item or len(item) > 40:
        return False
    if len(item.split()) > 3:
        return False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", item):
        return False
    return bool(re.search(r"[A-Za-z0-9\u4e00-\u9fff]", item))


def confidence(base: float, warnings: list[str]) -> float:
    return round(max(0.05, min(1.0, base - 0.2 * len(warnings))), 3)
