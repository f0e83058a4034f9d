"""Money on an order, computed from recorded facts only: what was asked, paid and is still owed.

Pure: no store, no clock. Every amount is a ``Decimal`` rounded half up to the cent.

    deposit_percent(order, config) -> (Decimal, source)   the PO's terms, the customer, config.yaml
    terms_deposit_percent(text) -> Decimal | None         "30% deposit, 70% before shipment" → 30
    position(order, config) -> Position                   total, deposit asked, paid, balance due
    advice_amount(text, currency) -> Decimal | None       the amount a payment advice reports

Payments are facts staff record in the tracker: ``Deposit Received`` and ``Balance Received``
hold the amount received so far of each (staff overwrite them as more arrives); each change is
kept in ``facts["payments"]`` as a dated entry (``engine.record_payment``). The balance due is
always total − everything received, never a stored number a person could forget to update.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..config import Config
from ..model import Order

CENT = Decimal("0.01")
PAYMENT_FIELDS = {"deposit_received": "deposit", "balance_received": "balance"}
PAID_ON_FIELDS = {"deposit_paid_on": "deposit", "balance_paid_on": "balance"}

# "30% deposit", "deposit 30%", "30% T/T in advance", "预付30%", "30%定金", "advance payment of 40 %"
_WORDS = r"(?:deposit|down[\s-]*payment|advance|prepay(?:ment)?|pre-payment|定金|订金|预付款?|首付)"
_PERCENT = r"(\d{1,3}(?:\.\d{1,2})?)\s*[%％]"
_TERMS = (
    re.compile(_PERCENT + r"[^,.;，。；\d%％]{0,24}?" + _WORDS, re.IGNORECASE),
    re.compile(_WORDS + r"[^,.;，。；\d%％]{0,16}?" + _PERCENT, re.IGNORECASE),
)
_ALL_IN_ADVANCE = re.compile(r"^\s*(?:100\s*%\s*)?(?:T/?T\s+)?(?:payment\s+)?in\s+advance\s*$|^\s*全款预付\s*$",
                             re.IGNORECASE)


def customer_deposit_percent(config: Config, order: Order) -> Decimal | None:
    """The customer master's deposit percentage for the order's customer (None: not set).

    Taken from the Customers sheet when the order came in (or when staff corrected its customer)
    and kept on the order (``facts.customer_deposit_percent``): terms agreed for an order do not
    change under it when the sheet changes later.
    """
    value = amount(order.facts.get("customer_deposit_percent"))
    return value.normalize() if value is not None and 0 <= value <= 100 else None


def terms_deposit_percent(text: str | None) -> Decimal | None:
    """The deposit percentage written in payment terms, or None when they state none.

    Only an explicit percentage next to a deposit word counts ("30% deposit", "预付30%"), or
    terms that are all in advance ("T/T in advance" → 100). "Net 30" or "月结30天" state no
    deposit: the customer's or the company's percentage applies.
    """
    if not text:
        return None
    text = str(text)[:500]
    for pattern in _TERMS:
        match = pattern.search(text)
        if match:
            value = Decimal(match.group(1))
            return value if 0 <= value <= 100 else None
    if _ALL_IN_ADVANCE.match(text):
        return Decimal(100)
    return None


def deposit_percent(order: Order, config: Config) -> tuple[Decimal, str]:
    """(percentage, where it came from): the PO's payment terms, the customer master, config."""
    from_terms = terms_deposit_percent(order.payment_terms)
    if from_terms is not None:
        return from_terms, "payment terms"
    from_customer = customer_deposit_percent(config, order)
    if from_customer is not None:
        return from_customer, "customer"
    return Decimal(str(config.payments.deposit_percent)).normalize(), "config"


def amount(value: Any) -> Decimal | None:
    """A recorded amount (fact text, Decimal) as a Decimal; None when absent or not a number."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Position:
    """Where the order's money stands. ``None`` amounts are unknown (no total yet)."""

    total: Decimal | None
    percent: Decimal
    percent_source: str
    deposit_due: Decimal | None  # asked as deposit: total × percent
    deposit_received: Decimal | None  # None: staff have not entered an amount
    balance_received: Decimal | None
    paid: Decimal  # everything received
    balance_due: Decimal | None  # total − paid; never below zero
    overpaid: Decimal  # paid − total when positive

    @property
    def deposit_outstanding(self) -> Decimal | None:
        if self.deposit_due is None:
            return None
        return max(self.deposit_due - (self.deposit_received or Decimal(0)), Decimal(0))

    @property
    def paid_in_full(self) -> bool:
        return self.balance_due is not None and self.balance_due <= 0


def position(order: Order, config: Config) -> Position:
    percent, source = deposit_percent(order, config)
    deposit_received = amount(order.facts.get("deposit_received"))
    balance_received = amount(order.facts.get("balance_received"))
    paid = cents((deposit_received or Decimal(0)) + (balance_received or Decimal(0)))
    total = order.total
    if total is None:
        return Position(None, percent, source, None, deposit_received, balance_received, paid, None, Decimal(0))
    deposit_due = cents(total * percent / 100)
    balance = cents(total - paid)
    return Position(total, percent, source, deposit_due, deposit_received, balance_received, paid,
                    max(balance, Decimal(0)), max(-balance, Decimal(0)))


# --------------------------------------------------------------------------- payment advices

_SYMBOLS = {"CNY": ("¥", "￥", "RMB", "人民币", "元"), "RMB": ("¥", "￥", "RMB", "人民币", "元"),
            "USD": ("$", "US$", "USD"), "EUR": ("€", "EUR"), "GBP": ("£", "GBP"), "JPY": ("¥", "￥", "JPY", "円")}
_NUMBER = r"(\d{1,3}(?:[,\s]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"


def advice_amount(text: str, currency: str | None) -> Decimal | None:
    """The one amount a payment advice reports in the order's currency, else None.

    Amounts count only next to the currency's code or symbol ("USD 2,358.00", "¥9,630",
    "9630元"); when the mail names several different amounts nobody can tell which was paid,
    so the answer is None and staff read the advice.
    """
    code = (currency or "").strip().upper()
    marks = _SYMBOLS.get(code, (code,) if re.fullmatch(r"[A-Z]{3}", code) else ())
    if not marks or not text:
        return None
    text = text[:5000]
    found: set[Decimal] = set()
    for mark in marks:
        quoted = re.escape(mark)
        for pattern in (quoted + r"\s?" + _NUMBER, _NUMBER + r"\s?" + quoted):
            for match in re.finditer(pattern, text):
                number = amount(re.sub(r"[,\s]", "", match.group(1)))
                if number is not None and number > 0:
                    found.add(cents(number))
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------------- the payments ledger


def payment_entry(order: Order, field: str, new: Any, on: str, via: str, ref: str | None = None) -> dict | None:
    """The ledger entry for staff changing ``field`` (an amount received so far) to ``new``.

    The entry holds the difference to what was recorded before: a first deposit of 3,000 is
    +3,000; overwriting it with 5,000 when the rest arrives is +2,000; a correction down is a
    negative entry. None when nothing changed.
    """
    kind = PAYMENT_FIELDS[field]
    before = amount(order.facts.get(field)) or Decimal(0)
    after = amount(new) or Decimal(0)
    if after == before:
        return None
    entry = {"kind": kind, "amount": f"{cents(after - before):f}", "received_so_far": f"{cents(after):f}",
             "on": on, "via": via}
    if ref:
        entry["ref"] = ref
    return entry


def payment_dates(order: Order, kind: str) -> list[dt.date]:
    """The dates of the payments of ``kind`` recorded for the order."""
    out: list[dt.date] = []
    for entry in order.facts.get("payments") or []:
        if isinstance(entry, dict) and entry.get("kind") == kind:
            try:
                out.append(dt.date.fromisoformat(str(entry.get("on"))[:10]))
            except ValueError:
                continue
    return out
