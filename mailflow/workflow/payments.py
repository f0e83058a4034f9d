"""Payments as facts: recording each one, refusing to count one twice, keeping the order in step.

The store's ``payments`` table owns every payment (``model.Payment``); the order keeps only a
copy of what counts, rewritten by ``sync`` in the same transaction as any change. Callers hold
the order's transaction (``engine.savepoint``); nothing here commits.

    record(env, order, payment, now, cause) -> Payment      a new payment (duplicates checked)
    change(env, order, old, new, now, cause) -> Payment     a payment staff changed
    staff_amount(env, order, kind, new, paid_on, now)       Deposit/Balance Received overwritten
    staff_date(env, order, kind, on, now)                   Deposit/Balance Paid On typed alone
    sheet_changes(env, order, changes, now)                 rows of the Payments sheet
    propose(env, order, details, message_id, review_key, now) -> Payment   a payment advice
    sync(env, order, now, cause)                            ledger → order facts and milestones

Where each fact lives:
    a payment (amount, date, reference, kind, status)   the payments table / the Payments sheet
    Deposit / Balance Received, Paid On                 the sum and latest date of the confirmed
                                                        payments of that kind (shown; an overwrite
                                                        records the difference as a payment)
    Balance Due                                         total − every counted payment (computed)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..context import Env
from ..model import CONFIRMED, DUPLICATE, PROPOSED, Cause, Order, Payment, PaymentChange
from . import money, steps
from .reviews import close_reviews

RECEIVED_MILESTONES = {"deposit": "deposit_received", "balance": "balance_received"}
KIND_COLUMNS = {"deposit": "Deposit Received", "balance": "Balance Received"}


def _detail(payment: Payment) -> dict[str, Any]:
    return {
        "payment": payment.ref,
        "kind": payment.kind,
        "status": payment.status,
        "amount": steps.fact_value(payment.amount),
        "currency": payment.currency,
        "on": steps.fact_value(payment.paid_on),
        "reference": payment.reference,
        "source": payment.source,
    }


def _text(value: Decimal | None, currency: str | None) -> str:
    return steps._money_text(value, currency)


def _twin(env: Env, order: Order, payment: Payment) -> Payment | None:
    """The payment of the order ``payment`` would repeat: a counted one with its reference, or
    (for a proposal) another proposal with it."""
    payments = [p for p in env.store.payments(order.order_no) if p.id != payment.id]
    twin = money.duplicate_of(payment, payments, order.currency)
    if twin is None and payment.status == PROPOSED:
        key = money.reference_key(payment.reference)
        twin = next(
            (p for p in payments if p.status == PROPOSED and key and money.reference_key(p.reference) == key), None
        )
    return twin


def _duplicate(env: Env, order: Order, payment: Payment, twin: Payment, now: dt.datetime) -> None:
    """The Review row of a payment kept as a Duplicate of ``twin``."""
    env.store.add_review(
        now,
        f"{order.order_no}: payment {payment.ref} of {_text(payment.amount, payment.currency)} quotes"
        f" reference {payment.reference!r}, already recorded as {twin.ref} ({twin.status.lower()},"
        f" {_text(twin.amount, twin.currency)}): it is kept as a Duplicate and not counted twice. If it"
        " really is a second payment, correct its Reference and set its Status to Confirmed.",
        key=f"payment-duplicate:{order.order_no}:{payment.ref}:{money.reference_key(payment.reference)}",
        order_no=order.order_no,
    )


def _problems(env: Env, order: Order, payment: Payment, now: dt.datetime) -> None:
    """A confirmed payment that cannot count says why, once per cause."""
    if payment.status != CONFIRMED:
        return
    if payment.amount is None:
        env.store.add_review(
            now,
            f"{order.order_no}: payment {payment.ref} is Confirmed but has no Amount: it"
            " does not count until the amount received is entered on the Payments sheet",
            key=f"payment-amount:{order.order_no}:{payment.ref}",
            order_no=order.order_no,
        )
    elif not money.currency_fits(payment, order.currency):
        env.store.add_review(
            now,
            f"{order.order_no}: payment {payment.ref} is in {payment.currency} but the order"
            f" is in {order.currency}: it does not count; enter the amount received in"
            f" {order.currency} (or correct the Currency)",
            key=f"payment-currency:{order.order_no}:{payment.ref}:{payment.currency}",
            order_no=order.order_no,
        )


def record(
    env: Env, order: Order, payment: Payment, now: dt.datetime, cause: Cause, message_id: str | None = None
) -> Payment:
    """Keep a new payment of ``order`` (its currency by default), checked for duplicates."""
    payment = payment.with_(order_no=order.order_no, currency=payment.currency or order.currency)
    twin = _twin(env, order, payment) if payment.status in (CONFIRMED, PROPOSED) else None
    payment = env.store.save_payment(payment.with_(status=DUPLICATE) if twin else payment, now)
    env.store.add_event(now, "payment_recorded", cause, order.order_no, _detail(payment), message_id=message_id)
    if twin is not None:
        _duplicate(env, order, payment, twin, now)
    _problems(env, order, payment, now)
    return payment


def change(
    env: Env,
    order: Order,
    old: Payment,
    new: Payment,
    now: dt.datetime,
    cause: Cause,
    fields: list[tuple[str, Any, Any]] | None = None,
) -> Payment:
    """Keep ``new`` in place of ``old``; a payment becoming Confirmed or quoting another
    reference is checked for duplicates again."""
    twin = None
    if new.status in (CONFIRMED, PROPOSED) and (
        new.status != old.status or money.reference_key(new.reference) != money.reference_key(old.reference)
    ):
        twin = _twin(env, order, new)
        new = new.with_(status=DUPLICATE) if twin else new
    if new == old:
        return old
    env.store.save_payment(new, now)
    if twin is not None:
        _duplicate(env, order, new, twin, now)
    detail = _detail(new)
    if fields:
        detail["changed"] = [{"field": h, "old": steps.fact_value(o), "new": steps.fact_value(n)} for h, o, n in fields]
    env.store.add_event(now, "payment_changed", cause, order.order_no, detail)
    _problems(env, order, new, now)
    return new


def staff_amount(env: Env, order: Order, kind: str, new: Any, paid_on: dt.date, now: dt.datetime) -> None:
    """Staff overwrote Deposit or Balance Received (the amount received so far): the difference
    is a payment. When it is what a pending payment advice reported (or the advice named no
    amount), that proposal is the payment and is confirmed, keeping its reference."""
    payments = env.store.payments(order.order_no)
    before = sum(
        (p.amount or Decimal(0) for p in money.counted(payments, order.currency) if p.kind == kind), Decimal(0)
    )
    difference = money.cents((money.amount(new) or Decimal(0)) - before)
    if difference == 0:
        return
    pending = [p for p in payments if p.status == PROPOSED and p.kind == kind]
    proposal = next((p for p in pending if p.amount == difference), None)
    if proposal is None and difference > 0:
        unknown = [p for p in pending if p.amount is None]
        proposal = unknown[0] if len(unknown) == 1 else None
    if proposal is not None:
        change(
            env,
            order,
            proposal,
            proposal.with_(status=CONFIRMED, amount=difference, paid_on=paid_on),
            now,
            "tracker",
            [(KIND_COLUMNS[kind], steps.fact_value(before), steps.fact_value(new))],
        )
        return
    record(
        env,
        order,
        Payment(
            order.order_no,
            kind,
            difference,
            order.currency,
            paid_on,
            None,
            "Orders sheet",
            CONFIRMED,
            note=f"{KIND_COLUMNS[kind]} changed from {steps.fact_value(money.cents(before))} to"
            f" {steps.fact_value(money.amount(new) or Decimal(0))}",
        ),
        now,
        "tracker",
    )


def staff_date(env: Env, order: Order, kind: str, on: dt.date | None, now: dt.datetime) -> bool:
    """Staff typed when a payment arrived (Deposit/Balance Paid On) without a new amount: the
    latest counted payment of that kind is dated so. False when there is none yet."""
    mine = [p for p in money.counted(env.store.payments(order.order_no), order.currency) if p.kind == kind]
    if not mine:
        return False
    if mine[-1].paid_on != on:
        change(
            env,
            order,
            mine[-1],
            mine[-1].with_(paid_on=on),
            now,
            "tracker",
            [(f"{KIND_COLUMNS[kind].split()[0]} Paid On", mine[-1].paid_on, on)],
        )
    return True


def sheet_changes(env: Env, order: Order, changes: list[PaymentChange], now: dt.datetime) -> None:
    """Rows of the Payments sheet: a row staff added is a payment (Confirmed unless they said
    otherwise); a changed row changes its payment."""
    today = steps.local_date(now, env.config)
    for item in changes:
        if item.added:
            payment = item.payment
            if payment.kind is None or payment.kind == "":
                payment = payment.with_(
                    kind="balance" if steps.passed(steps.milestones(order), "deposit_received") else "deposit"
                )
            record(env, order, payment.with_(paid_on=payment.paid_on or today), now, "tracker")
            continue
        old = env.store.payment(item.payment.id) if item.payment.id is not None else None
        if old is not None and old.order_no == order.order_no:
            change(env, order, old, item.payment, now, "tracker", item.fields)


def propose(
    env: Env, order: Order, details: dict[str, Any], message_id: str | None, review_key: str, now: dt.datetime
) -> Payment:
    """A payment advice proposes a payment: the amount, the reference it quotes, the day it
    came; kind deposit until the deposit is in, then balance. It counts only once staff confirm
    it. One proposal per advice: the same message read again proposes nothing new."""
    for existing in env.store.payments(order.order_no):
        if existing.review_key == review_key:
            return existing
    text = f"{details.get('subject') or ''}\n{details.get('text') or ''}"
    kind = "balance" if steps.passed(steps.milestones(order), "deposit_received") else "deposit"
    sender = details.get("sender") or details.get("from") or "the customer"
    payment = Payment(
        order.order_no,
        kind,
        money.advice_amount(text, order.currency),
        order.currency,
        steps.local_date(now, env.config),
        money.advice_reference(text, (order.po_number, order.order_no)),
        "payment advice",
        PROPOSED,
        note=f"advice from {sender}"[:200],
        message_id=message_id,
        review_key=review_key,
    )
    return record(env, order, payment, now, "email", message_id=message_id)


def sync(env: Env, order: Order, now: dt.datetime, cause: Cause) -> None:
    """The order's copy of its payments (the counted ones, per kind the sum and latest date),
    its payment milestones, and the Review rows of payment advices staff have decided."""
    payments = env.store.payments(order.order_no)
    if not payments and "payments" not in order.facts:
        return  # no payment recorded, ever
    before = {kind: order.facts.get(f"{kind}_received") for kind in RECEIVED_MILESTONES}
    for name, value in money.ledger_facts(payments, order.currency).items():
        if value is None and name.endswith("_paid_on"):
            continue  # no payment of the kind: a date staff typed waits for its amount
        if value is None:
            order.facts.pop(name, None)
        else:
            order.facts[name] = value
    today = steps.local_date(now, env.config)
    reached = order.facts.get("milestones") or {}
    for kind, milestone in RECEIVED_MILESTONES.items():
        now_received = order.facts.get(f"{kind}_received")
        if money.amount(now_received) == money.amount(before[kind]):
            continue  # a payment reaches its milestone when it is recorded, not on every run (staff
            # may move the Status back over a deposit already in)
        has = now_received is not None
        if has and milestone not in reached:
            if steps.reach(order, milestone, today, "payments"):
                env.store.add_event(
                    now, "milestone_reached", cause, order.order_no, {"milestone": milestone, "via": "payments"}
                )
        elif not has and (reached.get(milestone) or {}).get("via") in ("payments", milestone):
            steps.withdraw(order, [milestone])
            env.store.add_event(
                now, "milestone_withdrawn", cause, order.order_no, {"milestone": milestone, "via": "payments"}
            )
    if not env.store.open_reviews("payment", order.order_no):
        return  # no Review row about a payment is open: nothing to close
    for payment in payments:
        if payment.review_key and payment.status != PROPOSED:
            close_reviews(
                env, order.order_no, payment.review_key, now, cause, f"payment {payment.ref} {payment.status.lower()}"
            )
        _close_answered(env, order, payment, now, cause)


def _close_answered(env: Env, order: Order, payment: Payment, now: dt.datetime, cause: Cause) -> None:
    """The Review rows about one payment whose cause staff have put right: a duplicate whose
    reference was corrected (or that was rejected), an amount entered, a currency corrected."""
    number, ref = order.order_no, payment.ref
    if payment.status != DUPLICATE:
        close_reviews(
            env,
            number,
            f"payment-duplicate:{number}:{ref}:",
            now,
            cause,
            f"payment {ref} is {payment.status.lower()}, no longer a duplicate",
        )
    if payment.status != CONFIRMED or payment.amount is not None:
        close_reviews(env, number, f"payment-amount:{number}:{ref}", now, cause, f"payment {ref} has its amount")
    if payment.status != CONFIRMED or money.currency_fits(payment, order.currency):
        close_reviews(
            env, number, f"payment-currency:{number}:{ref}:", now, cause, f"payment {ref} is in the order's currency"
        )
