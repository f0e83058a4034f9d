"""Money on an order, computed from recorded facts only: what was asked, paid and is still owed.

Pure: no store, no clock. Every amount is a ``Decimal`` rounded half up to the cent.

    deposit_percent(order, config) -> (Decimal, source)   the PO's terms, the customer, config.yaml
    terms_deposit_percent(text) -> Decimal | None         "30% deposit, 70% before shipment" → 30
    no_deposit(order, config) -> bool                     a deposit of none agreed: no deposit step
    position(order, config) -> Position                   total, deposit asked, paid, balance due
    counted(payments, currency) -> list[Payment]          the payments that count towards the total
    ledger_facts(payments, currency) -> dict              what the order shows of its payments
    advice_amount(text, currency) -> Decimal | None       the amount a payment advice reports
    advice_reference(text, avoid) -> str | None           the bank reference it quotes

Payments are facts, one row each in the store's ``payments`` table (``model.Payment``: amount,
date, reference, kind, status), which staff see and keep on the tracker's Payments sheet. Only a
Confirmed payment counts, and of the Confirmed payments of an order with the same reference only
the first. The order keeps a copy of what counts (``facts["payments"]``, and per kind the sum and
the latest date: ``deposit_received``/``deposit_paid_on``, ``balance_received``/``balance_paid_on``,
``other_received``), rewritten from the table whenever it changes (``workflow.payments.sync``), so
these pure rules read it. The balance due is always total − everything counted, never a stored
number a person could forget to update.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..config import Config
from ..model import CONFIRMED, Order, Payment, currency_code

CENT = Decimal("0.01")
PAYMENT_FIELDS = {"deposit_received": "deposit", "balance_received": "balance"}
PAID_ON_FIELDS = {"deposit_paid_on": "deposit", "balance_paid_on": "balance"}

# "30% deposit", "deposit 30%", "30% T/T in advance", "预付30%", "30%定金", "advance payment of 40 %"
_WORDS = r"(?:deposit|down[\s-]*payment|advance|prepay(?:ment)?|pre-payment|定金|订金|预付款?|首付)"
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*[%％]")
# What a percentage tied to one of these words is instead: "2% discount for prepayment",
# "Balance 70% after deposit received", "尾款70%"
_NOT_DEPOSIT = (
    r"(?:discount|rebate|off|balance|rest|remainder|remaining|retention|penalty|interest|late|"
    r"vat|tax|commission|折扣|优惠|尾款|余款|余额|违约)"
)
_STOP = re.compile(r"[,.;，。；()（）\n]|\d+\s*[%％]")  # where a percentage's own words end
_AFTER_DEPOSIT = re.compile(r"^[^A-Za-z\u4e00-\u9fff]*(?:" + _NOT_DEPOSIT + r")\b", re.IGNORECASE)
_HAS_WORD = re.compile(_WORDS, re.IGNORECASE)
_HAS_NOT = re.compile(r"(?<![A-Za-z])" + _NOT_DEPOSIT + r"(?![A-Za-z])", re.IGNORECASE)
# Terms that agree no deposit at all: "No deposit", "without down payment", "deposit: none", "无定金"
_NO_DEPOSIT = re.compile(
    r"\b(?:no|without|zero|nil)\s+(?:deposit|down[\s-]*payment|advance\s+payment|prepayment|pre-payment)\b"
    r"|\b(?:deposit|down[\s-]*payment|prepayment)\s*[:=]?\s*(?:none|nil|not\s+required|n/a)\b"
    r"|(?:无|无需|不需|不收|免|不)(?:定金|订金|预付款?)",
    re.IGNORECASE,
)
_ALL_IN_ADVANCE = re.compile(
    r"^\s*(?:100\s*%\s*)?(?:T/?T\s+)?(?:payment\s+)?in\s+advance\s*$|^\s*全款预付\s*$", re.IGNORECASE
)


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
    deposit: the customer's or the company's percentage applies. A percentage tied to a
    discount or a balance ("2% discount for prepayment", "Balance 70% after deposit") is not
    the deposit; terms naming different deposit percentages decide nothing (``terms_undecided``).
    """
    found = terms_candidates(text)
    if len(found) == 1:
        return found[0]
    if not found and text and _ALL_IN_ADVANCE.match(str(text)[:500]):
        return Decimal(100)
    return None


def terms_undecided(text: str | None) -> list[Decimal]:
    """The different deposit percentages terms name when they name more than one (else [])."""
    found = terms_candidates(text)
    return found if len(found) > 1 else []


def terms_candidates(text: str | None) -> list[Decimal]:
    """Every different percentage the terms tie to a deposit word, in the order written."""
    if not text:
        return []
    text = str(text)[:500]
    out: list[Decimal] = []
    for match in _PERCENT.finditer(text):
        before = _STOP.split(text[max(0, match.start() - 24) : match.start()])[-1]
        after = _STOP.split(text[match.end() : match.end() + 32])[0]
        words_before = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]+", before)
        nearest_before = words_before[-1] if words_before else ""
        if _AFTER_DEPOSIT.match(after) or (_HAS_NOT.search(nearest_before) and not _HAS_WORD.search(nearest_before)):
            continue  # "2% discount …", "balance 70% …": another percentage than the deposit's
        word_after, word_before = _HAS_WORD.search(after), _last(_HAS_WORD, before)
        tied_after = word_after is not None and not _HAS_NOT.search(after[: word_after.start()])
        tied_before = word_before is not None and not _HAS_NOT.search(before[word_before.end() :])
        if not (tied_after or tied_before):  # "30% deposit", "deposit 30%", "预付30%"
            continue
        value = Decimal(match.group(1))
        if 0 <= value <= 100 and value not in out:
            out.append(value)
    if _NO_DEPOSIT.search(text) and Decimal(0) not in out:
        out.append(Decimal(0))
    return out


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def deposit_percent(order: Order, config: Config) -> tuple[Decimal, str]:
    """(percentage, where it came from): the PO's payment terms, the customer master, config."""
    from_terms = terms_deposit_percent(order.payment_terms)
    if from_terms is not None:
        return from_terms, "payment terms"
    from_customer = customer_deposit_percent(config, order)
    if from_customer is not None:
        return from_customer, "customer"
    return Decimal(str(config.payments.deposit_percent)).normalize(), "config"


def no_deposit(order: Order, config: Config) -> bool:
    """The deposit agreed is none (0%, "no deposit"): the deposit step is skipped. Not when the
    PO's terms say none against the customer's Deposit % (``deposit_doubt`` says so) or name
    several deposits."""
    percent, _ = deposit_percent(order, config)
    return percent == 0 and not terms_undecided(order.payment_terms) and deposit_doubt(order, config) is None


def deposit_doubt(order: Order, config: Config) -> str | None:
    """Why a deposit of none in the PO's terms is in doubt: the Customers sheet asks one."""
    from_terms = terms_deposit_percent(order.payment_terms)
    from_customer = customer_deposit_percent(config, order)
    if from_terms == 0 and from_customer:
        return (
            f"the payment terms ({str(order.payment_terms)[:80]!r}) say no deposit but the customer's"
            f" Deposit % on the Customers sheet is {from_customer:f}%. Agree the deposit with the customer;"
            " enter it on the Payments sheet when it arrives, or correct the terms"
        )
    return None


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
    paid = cents(paid_so_far(order))
    total = order.total
    if total is None:
        return Position(None, percent, source, None, deposit_received, balance_received, paid, None, Decimal(0))
    deposit_due = cents(total * percent / 100)
    balance = cents(total - paid)
    return Position(
        total,
        percent,
        source,
        deposit_due,
        deposit_received,
        balance_received,
        paid,
        max(balance, Decimal(0)),
        max(-balance, Decimal(0)),
    )


# --------------------------------------------------------------------------- payment advices

_SYMBOLS = {
    "CNY": ("¥", "￥", "RMB", "人民币", "元"),
    "RMB": ("¥", "￥", "RMB", "人民币", "元"),
    "USD": ("$", "US$", "USD"),
    "EUR": ("€", "EUR"),
    "GBP": ("£", "GBP"),
    "JPY": ("¥", "￥", "JPY", "円"),
}
# A whole number only: not the "1.23" nor the "56" of "1.234,56" (a decimal comma), which
# would be proposed as the payment
_NUMBER = r"(?<!\d)(?<!\d[.,])(\d{1,3}(?:[,\s]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?!\d|[.,]\d)"


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


def paid_so_far(order: Order) -> Decimal:
    """Everything the order's counted payments add up to (``facts["payments"]``); an order
    recorded before payments were kept one by one has only its two Received amounts."""
    entries = order.facts.get("payments")
    if isinstance(entries, list):
        return sum((amount(e.get("amount")) or Decimal(0) for e in entries if isinstance(e, dict)), Decimal(0))
    return sum((amount(order.facts.get(f)) or Decimal(0) for f in PAYMENT_FIELDS), Decimal(0))


def reference_key(reference: str | None) -> str | None:
    """A reference as compared for duplicates: letters and digits only, upper case
    ("ft 2611-25/0042" and "FT2611250042" are one transfer). None when it holds none."""
    key = re.sub(r"[\W_]+", "", str(reference or "")).upper()
    return key or None


def currency_fits(payment: Payment, currency: str | None) -> bool:
    """A payment in another currency than the order's cannot be added to its total (RMB is CNY)."""
    mine, theirs = currency_code(payment.currency), currency_code(currency)
    return not mine or not theirs or mine == theirs


def counted(payments: list[Payment], currency: str | None) -> list[Payment]:
    """The payments that count towards the order's total, in the order recorded: Confirmed,
    with an amount, in the order's currency, and the first with their reference."""
    seen: set[str] = set()
    out: list[Payment] = []
    for payment in payments:
        if payment.status != CONFIRMED or payment.amount is None or not currency_fits(payment, currency):
            continue
        key = reference_key(payment.reference)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        out.append(payment)
    return out


def duplicate_of(payment: Payment, payments: list[Payment], currency: str | None) -> Payment | None:
    """The counted payment of the order whose reference ``payment`` repeats, if any."""
    key = reference_key(payment.reference)
    if key is None:
        return None
    for other in counted(payments, currency):
        if other.id != payment.id and reference_key(other.reference) == key:
            return other
    return None


def _amount(payment: Payment) -> Decimal:
    """A counted payment's amount: ``counted`` keeps only payments that have one."""
    if payment.amount is None:
        raise ValueError(f"payment {payment.ref or '(new)'} has no amount and cannot be counted")
    return payment.amount


def ledger_facts(payments: list[Payment], currency: str | None) -> dict[str, Any]:
    """What the order keeps of its payments: the counted ones, and per kind their sum and the
    latest date (None where there is none, or where they add up to nothing)."""
    use = counted(payments, currency)
    facts: dict[str, Any] = {
        "payments": [
            {
                "id": p.ref,
                "kind": p.kind,
                "amount": f"{cents(_amount(p)):f}",
                "on": p.paid_on.isoformat() if p.paid_on else None,
                "ref": p.reference,
            }
            for p in use
        ]
    }
    for kind in ("deposit", "balance", "other"):
        mine = [p for p in use if p.kind == kind]
        total = cents(sum((_amount(p) for p in mine), Decimal(0)))
        facts[f"{kind}_received"] = f"{total:f}" if mine and total != 0 else None
        dates = [p.paid_on for p in mine if p.paid_on]
        if kind != "other":
            facts[f"{kind}_paid_on"] = max(dates).isoformat() if dates and total != 0 else None
    return facts


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


# "Bank ref: FT26112500042", "Remittance No. 2026-11-25-0042", "UETR …", "交易流水号：…"
_REF_LABELS = (
    r"(?<![A-Za-z])(?:(?:bank|transfer|transaction|payment|remittance|swift|tt|t/t|wire)\s*"
    r"(?:ref(?:erence)?|no\.?|number|id)|ref(?:erence)?|uetr|mt\s?103)(?![A-Za-z])"
    r"|流水号|交易编号|汇款编号|业务编号|参考号|交易号"
)
_REFERENCE = re.compile(
    r"(?:" + _REF_LABELS + r")\s*(?:no\.?|number|#)?\s*[:：#.]?\s*"
    r"([A-Z0-9][A-Z0-9/\-]{4,40}[A-Z0-9])",
    re.IGNORECASE,
)


def advice_reference(text: str, avoid: tuple[str, ...] = ()) -> str | None:
    """The bank reference a payment advice quotes ("Bank ref: FT26112500042"), else None.

    Only a code with a digit, after a reference label, counts; the order's own numbers
    (``avoid``: its PO and order number, which customers quote as *their* reference) do not.
    When the advice names several references nobody can tell which is the transfer: None.
    """
    skip = {reference_key(a) for a in avoid if a}
    found: list[str] = []
    for match in _REFERENCE.finditer((text or "")[:5000]):
        value = match.group(1).strip("-/")
        key = reference_key(value)
        if not key or not re.search(r"\d", value) or key in skip or any(k and k in key for k in skip):
            continue
        if key not in {reference_key(f) for f in found}:
            found.append(value)
    return found[0] if len(found) == 1 else None
