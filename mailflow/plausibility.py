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
    * dates plausible: the PO date not in the future nor years back, delivery not before it;
    * complete enough to confirm: every line says what is ordered (a description) and what it
      costs (a unit price or an amount), and the order says when it is due (a delivery date in
      the header or on a line). A value the reader did not find is a blank on the confirmation,
      not a detail: a person reads it from the PO instead of the order passing with a hole.

    ``confidence(base, warnings) -> float``: ``base`` says how structured the source was (a
    table 0.95, prose 0.85); each failed check costs 0.2. Any warning means ``needs_review``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from .model import OrderLine, ParsedOrder

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
    ships_on_receipt: bool = False,
    tax: Decimal | None = None,
) -> list[str]:
    """Every failed check as a sentence; ``subtotal`` is the printed sum before tax/freight;
    ``adjustments`` the charges and allowances printed beside the total (tax, freight, a
    handling allowance), any of which may stand between the lines' sum and the total.
    ``ships_on_receipt``: the order is a sale notice that prints no date at all, so no delivery
    date is no gap (``hints.ships_on_receipt`` says when). ``tax``: the tax of a summary the
    document prints per rate (net × rate = tax, so surely the tax): then the net sum plus the
    tax and the charges printed must make the total."""
    warnings: list[str] = []
    if not order.po_number:
        warnings.append("no PO number found")
    if not order.customer:
        warnings.append("no customer (buyer) found")
    if not any((line.item or line.description) and line.quantity is not None for line in order.lines):
        warnings.append("no order line with both an item and a quantity")
    warnings.extend(_line_checks(order))
    warnings.extend(_total_check(order, subtotal, adjustments, tax))
    warnings.extend(_date_checks(order, today))
    warnings.extend(incomplete(order, ships_on_receipt))
    return warnings


def incomplete(order: ParsedOrder, ships_on_receipt: bool = False) -> list[str]:
    """What an order confirmation needs and the order lacks, one warning per kind of gap
    naming the lines, for staff on the Review sheet:

    * a line with neither a unit price nor an amount: nothing can be confirmed or invoiced
      without the price (a PO that prints none, a price column not read: a person looks);
    * an order with no delivery date, in its header or on any line: the confirmation says
      when the goods ship (unless ``ships_on_receipt``: a marketplace's sale notice);
    * a line that does not say what is ordered: no description and no item code; or no
      description where other lines of the order have one (a wrapped or shifted row lost its
      text). An order whose every line names its item by code alone is read as printed: many
      ERPs print the buyer's item number and the description on a sub-row or not at all.
    """
    out = []
    described = any(_described(line) for line in order.lines)
    undescribed = [
        _line_label(n, line)
        for n, line in enumerate(order.lines, 1)
        if not _described(line) and (described or not (line.item or "").strip())
    ]
    if undescribed:
        out.append(f"no description read for {_listed(undescribed)}: check what is ordered against the PO")
    unpriced = [
        _line_label(n, line) for n, line in enumerate(order.lines, 1) if line.unit_price is None and line.amount is None
    ]
    if unpriced:
        out.append(f"no unit price nor amount read for {_listed(unpriced)}: the price must come from the PO")
    dated = order.delivery_date is not None or any(line.delivery_date for line in order.lines)
    if order.lines and not dated and not ships_on_receipt:
        out.append("no delivery date read (neither in the header nor on any line): when is the order due?")
    return out


def _described(line: OrderLine) -> bool:
    return bool((line.description or "").strip())


MAX_NAMED_LINES = 5  # a warning names this many lines, then counts the rest


def _line_label(n: int, line: OrderLine) -> str:
    return f"line {n}" + (f" ({line.item})" if line.item else "")


def _listed(labels: list[str]) -> str:
    """ "line 1 (HX-2040), line 3" or, for many, the first few and how many more."""
    shown = ", ".join(labels[:MAX_NAMED_LINES])
    return shown + (f" and {len(labels) - MAX_NAMED_LINES} more lines" if len(labels) > MAX_NAMED_LINES else "")


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


def _sum_tolerance(total: Decimal, count: int) -> Decimal:
    """How far a printed total may lie from the sum of ``count`` printed amounts: each amount
    rounded to the total's last printed digit, no more. A relative margin would let a total a few
    hundred off a six-figure order pass unseen."""
    exponent = total.as_tuple().exponent
    quantum = Decimal(1).scaleb(min(0, max(exponent, -2)) if isinstance(exponent, int) else -2)
    return quantum * (Decimal(count) / 2 + 1)


def _money(value: Decimal) -> str:
    return format(
        value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value.normalize(), "f"
    )


def _total_check(
    order: ParsedOrder, subtotal: Decimal | None = None, adjustments: Sequence[Decimal] = (), tax: Decimal | None = None
) -> list[str]:
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
    if (
        subtotal is not None
        and subtotal <= order.total
        and abs(total - subtotal) <= _sum_tolerance(subtotal, len(amounts))
    ):
        # the lines make the subtotal; tax and freight make the total. When the tax is known
        # for sure (a summary per rate), a gross the net, the tax and the charges printed do
        # not make is no total to trust
        if subtotal == order.total or tax is None or _adjusted(subtotal, order.total, adjustments, 1):
            return []
        return [
            f"the lines add up to {_money(total)} and the tax and charges printed do not make that"
            f" the total {order.total}"
        ]
    if abs(total - order.total) > _sum_tolerance(order.total, len(amounts)) and not _adjusted(
        total, order.total, adjustments, len(amounts)
    ):
        return [f"the lines add up to {_money(total)} but the total is {order.total}"]
    return []


MAX_ADJUSTMENTS = 6


def _adjusted(lines_sum: Decimal, total: Decimal, adjustments: Sequence[Decimal], count: int) -> bool:
    """Whether some of the printed charges and allowances, each added or taken off, close the
    gap between the lines' sum and the total (lines 1,052.40, allowance (13.68), total
    1,038.72). Only amounts the document prints; none is invented."""
    amounts = [abs(a) for a in adjustments[:MAX_ADJUSTMENTS] if a]
    gap = total - lines_sum
    margin = _sum_tolerance(total, count + len(amounts))
    for signs in itertools.product((0, 1, -1), repeat=len(amounts)):
        if any(signs) and abs(gap - sum((s * a for s, a in zip(signs, amounts)), Decimal(0))) <= margin:
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
    if len([part for part in item.split() if re.search(r"\w", part)]) > 3:
        return False  # (a slash or a dash set between spaces is no word: "TRX 40 / 7-A" is one code)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", item):
        return False
    return bool(re.search(r"[A-Za-z0-9\u4e00-\u9fff]", item))


def confidence(base: float, warnings: list[str]) -> float:
    return round(max(0.05, min(1.0, base - 0.2 * len(warnings))), 3)
