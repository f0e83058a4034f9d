"""Every notice the order desk sends, one ``NoticeKind`` record each: the registry.

A record says everything about one notice: when it is due, to whom, what its text needs beyond
the order (its context builder), whether it states amounts, what it attaches, what it cannot go
without in config.yaml. The workflow (``workflow/steps.py``, ``engine.py``, ``closures.py``),
the outbox (``outbox/compose.py``), the inbox (``pipeline.py``) and ``mailflow check`` iterate
this table; none of them names a kind. Adding a notice is one record here plus its email
templates ``templates/email/<name>.<lang>.txt.j2`` (English at least).

When a notice is due
    ``after`` a milestone (``"received"`` is the PO itself, the others are in
    ``workflow/procedure.py``), optionally ``delay`` (a key of ``config.deadlines``) later; or
    ``before`` a date fact by ``delay``; or ``on_email`` of a kind (a payment advice, a change
    request: the email is attached); or ``on_closure`` ahead of a company closure (see
    ``workflow/closures.py``). ``unless`` lists milestones that make it moot (a reminder is not
    sent once the thing it reminds of has happened); ``requires`` lists money conditions (see
    ``workflow.steps.CONDITIONS``); ``paused_by`` facts hold it back while set.

The outbox key
    ``order_no:kind:trigger``. The trigger is fixed per record (``trigger``), except
    ``"outstanding"`` (once per amount owed), ``"assembly_vs_delivery"`` and
    ``"confirmed_delivery"`` (once per date), ``"revision"`` (once per revision) and, for a
    ``before`` record, the date itself, so that a moved date re-arms it.

This module is pure: values in, values out. It imports nothing from the workflow, so that the
outbox and the checks can read it without pulling the workflow in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Mapping

from .config import Config
from .model import Order, as_date

# The department heads who review a new or amended order.
STAFF_HEADS = ("sales_director", "finance_director", "pmc_manager", "qc_manager", "engineering_manager")


@dataclass(frozen=True)
class Situation:
    """What a context builder may read: the order, its milestones and notices so far, today.

    ``reached`` maps milestone names (and ``"received"``) to the local date each was reached;
    ``sent`` maps the order's outbox keys to the local date each was queued. ``money`` is the
    order's ``workflow.money.Position``, computed by the workflow, which owns the money.
    """

    order: Order
    reached: Mapping[str, dt.date]
    sent: Mapping[str, dt.date | None]
    today: dt.date
    calendar: Any  # workflow.calendar.WorkingCalendar
    config: Config
    money: Any  # workflow.money.Position

    def sent_on(self, kind: str) -> dt.date | None:
        """When notice ``kind`` (a fixed-trigger one) was queued for this order, if it was."""
        record = BY_NAME[kind]
        return self.sent.get(notice_key(self.order.order_no, record.name, record.trigger))

    def fact_date(self, name: str) -> dt.date | None:
        return as_date(self.order.facts.get(name))


ContextBuilder = Callable[[Situation], dict[str, Any]]


@dataclass(frozen=True)
class NoticeKind:
    """One notice: when it is due, to whom, and what its letter needs.

    Its email templates are ``<name>.<lang>.txt.j2`` (and optionally ``.html.j2``) in
    ``templates/email/``; ``attach`` is a document kind of ``documents.DOC_KINDS``.
    """

    name: str
    to: tuple[str, ...]  # ("customer",) or staff roles of config.company.staff ("account_manager": the order's)
    after: str | None = None  # milestone name, or "received"
    before: str | None = None  # a date fact (assembly_date): due `delay` before it
    on_email: str | None = None  # sent when an email of this kind arrives for an order
    on_closure: bool = False  # sent ahead of a company closure, once per customer
    delay: str | None = None  # key of config.deadlines; None = at once
    unless: tuple[str, ...] = ()  # milestones that make it moot
    attach: str | None = None  # document kind to generate and attach
    anchor_notice: str | None = None  # count the delay from when this notice was queued
    escalation: bool = False  # due the first day the deadline counts as missed
    trigger: str = ""  # fixed trigger; "" = the `before` date; see the module docstring
    requires: tuple[str, ...] = ()  # money conditions that must hold (see steps.CONDITIONS)
    paused_by: tuple[str, ...] = ()  # facts that, while set, hold the notice back
    context: ContextBuilder | None = None  # what its template needs beyond the order
    states_amounts: bool = False  # its text states amounts: held while the order total is unknown
    needs_config: tuple[str, ...] = ()  # dotted config.yaml keys it prints; held while one is empty
    sets_fact: str | None = None  # a fact its sending sets (the day it went); notices paused by it
    answers_po: bool = False  # In-Reply-To the customer's PO email (every customer notice threads with it)
    reply_event: str | None = None  # a reply to it is this email event (a decision), whatever its text

    @property
    def audience(self) -> str:
        return "customer" if self.to == ("customer",) else "internal"

    @property
    def scheduled(self) -> bool:
        """Due on a milestone or a date (``workflow.steps.due`` decides), not on an event."""
        return self.after is not None or self.before is not None

    def template(self, lang: str = "en") -> str:
        """The file name of its plain-text email template in ``templates/email/``."""
        return f"{self.name}.{lang}.txt.j2"


def notice_key(order_no: str, kind: str, trigger: str) -> str:
    """The outbox key: one notice per order, kind and trigger, ever."""
    return f"{order_no}:{kind}:{trigger}"


# --------------------------------------------------------------------------- context builders
# Each returns what the template of its kinds needs beyond the order itself (``documents.
# context_for`` supplies the order's values; the workflow adds ``due_on``, ``late``, ``deadline``).


def reply_clock(s: Situation) -> dict[str, Any]:
    """The confirmation deadline runs from receipt, also while the order sat in Needs review:
    released after it, these say the order is late (``reply_overdue``, ``days_late``) and since
    when (``reply_due``), and when the review was cleared."""
    reply_due = s.calendar.add(s.reached["received"], s.config.deadlines.reply_due)
    cleared = s.fact_date("review_cleared")
    context: dict[str, Any] = {
        "reply_due": reply_due,
        "reply_overdue": s.today > reply_due,
        "needs_review_cleared": bool(cleared),
        "days_late": max((s.today - reply_due).days, 0),
    }
    if cleared is not None:
        context["review_cleared"] = cleared
    return context


def deposit(s: Situation) -> dict[str, Any]:
    """The deposit asked and its percentage; the day the customer is asked to pay by is the
    request's date plus ``deposit_due`` (the day the reminder counts to), fixed when queued."""
    context: dict[str, Any] = {
        "deposit_due": s.money.deposit_due,
        "deposit_percent": f"{s.money.percent:f}%",
        "percent_from": s.money.percent_source,
    }
    request = s.sent_on("deposit_request")
    if request:
        context["requested_on"] = request
    context["pay_by"] = s.calendar.add(request or s.today, s.config.deadlines.deposit_due)
    reminder = s.sent_on("deposit_reminder")
    if reminder:
        context["reminded_on"] = reminder
    return context


def production_plan(s: Situation) -> dict[str, Any]:
    return {"plan_due": s.calendar.add(s.reached["confirmed"], s.config.deadlines.production_plan_due)}


def delivery(s: Situation) -> dict[str, Any]:
    """When the goods are ready: the assembly date plus the finishing time."""
    assembly = s.fact_date("assembly_date")
    finishing = s.config.deadlines.finishing
    return {"ready_on": s.calendar.add(assembly, finishing) if assembly else None, "finishing": finishing}


def balance(s: Situation) -> dict[str, Any]:
    """The balance owed (total − everything received) and what was received, from the money position."""
    where = s.money
    return {
        "balance_due": where.balance_due,
        "paid": where.paid,
        "deposit_received": where.deposit_received or Decimal(0),
        "balance_received": where.balance_received or Decimal(0),
        "pay_by": s.calendar.add(s.today, s.config.deadlines.balance_payment),
    }


def inspection(s: Situation) -> dict[str, Any]:
    return {"inspection_date": s.fact_date("inspection_date")} if s.order.facts.get("inspection_date") else {}


# --------------------------------------------------------------------------- the notices

BANK = ("company.bank_details",)  # a payment request without them leaves the customer asking where to pay

NOTICE_KINDS: tuple[NoticeKind, ...] = (
    # 1. PO received: acknowledge with our order form; the heads review it.
    NoticeKind(
        "order_ack",
        ("customer",),
        after="received",
        unless=("deposit_received",),
        attach="order_form",
        trigger="received",
        answers_po=True,
    ),
    NoticeKind(
        "review_request",
        STAFF_HEADS,
        after="received",
        unless=("confirmed",),
        attach="review_form",
        trigger="received",
        context=reply_clock,
    ),
    #    The confirmed order form is due to the customer within `reply_due` of receipt.
    #    The clock stops when that confirmation has been sent (not when staff set the Status).
    NoticeKind(
        "reply_due_reminder",
        ("account_manager",),
        after="received",
        delay="reply_reminder",
        unless=("deposit_received",),
        paused_by=("confirmation_sent",),
        trigger="received",
        context=reply_clock,
    ),
    NoticeKind(
        "reply_overdue_escalation",
        ("sales_director",),
        after="received",
        delay="reply_due",
        unless=("deposit_received",),
        paused_by=("confirmation_sent",),
        escalation=True,
        trigger="received",
        context=reply_clock,
    ),
    # 2. Confirmed: the confirmed order form (confirmed delivery date, terms, signature and seal
    #    block) goes to the customer; ask for the deposit; PMC issues the production plans.
    #    Its sending stops the reply clock (the fact `confirmation_sent`).
    NoticeKind(
        "order_confirmation",
        ("customer",),
        after="confirmed",
        unless=("deposit_received",),
        attach="order_form",
        trigger="confirmed",
        sets_fact="confirmation_sent",
    ),
    NoticeKind(
        "deposit_request",
        ("customer",),
        after="confirmed",
        unless=("deposit_received",),
        trigger="confirmed",
        context=deposit,
        states_amounts=True,
        needs_config=BANK,
    ),
    NoticeKind(
        "production_plan_reminder",
        ("pmc_manager",),
        after="confirmed",
        unless=("production_complete",),
        paused_by=("plan_date",),
        trigger="confirmed",
        context=production_plan,
    ),
    #    No Plan Date `production_plan_due` after confirmation: the PMC manager and the sales
    #    director hear of it the next working day.
    NoticeKind(
        "production_plan_overdue",
        ("pmc_manager", "sales_director"),
        after="confirmed",
        delay="production_plan_due",
        escalation=True,
        unless=("production_complete",),
        paused_by=("plan_date",),
        trigger="confirmed",
        context=production_plan,
    ),
    # 3. No deposit `deposit_due` after the request: remind the customer once; still unpaid the
    #    next working day, the marketing director is asked to decide (the procedure proposes
    #    cancellation). A payment advice the customer sent, not yet checked, holds both.
    NoticeKind(
        "deposit_reminder",
        ("customer",),
        after="confirmed",
        delay="deposit_due",
        anchor_notice="deposit_request",
        unless=("deposit_received",),
        trigger="confirmed",
        paused_by=("payment_advice_open",),
        context=deposit,
        states_amounts=True,
        needs_config=BANK,
    ),
    NoticeKind(
        "deposit_overdue_escalation",
        ("marketing_director",),
        after="confirmed",
        delay="deposit_escalation",
        anchor_notice="deposit_reminder",
        unless=("deposit_received",),
        trigger="confirmed",
        paused_by=("payment_advice_open",),
        context=deposit,
        states_amounts=True,
    ),
    # 3b. Deposit received, production can start: QC and engineering get the order form with the
    #     special requirements. The account manager is warned when the assembly date plus the
    #     finishing time runs past the confirmed delivery date (once per pair of dates), and
    #     when the confirmed delivery date passes with the goods not shipped.
    NoticeKind(
        "production_handoff",
        ("qc_manager", "engineering_manager"),
        after="deposit_received",
        unless=("production_complete",),
        attach="order_form",
        trigger="confirmed",
    ),
    NoticeKind(
        "delivery_risk_alert",
        ("account_manager",),
        after="confirmed",
        unless=("production_complete",),
        requires=("assembly_too_late",),
        trigger="assembly_vs_delivery",
        context=delivery,
    ),
    NoticeKind(
        "delivery_overdue_alert",
        ("account_manager",),
        after="confirmed",
        unless=("shipped",),
        requires=("delivery_date_passed",),
        trigger="confirmed_delivery",
        context=delivery,
    ),
    # 4. Assembly date set: tell the customer ahead so they can arrange the inspection.
    NoticeKind(
        "pre_assembly_notice",
        ("customer",),
        before="assembly_date",
        delay="pre_assembly_notice",
        unless=("production_complete",),
        attach="pre_assembly_notice",
    ),
    # 5. Production complete: invite the inspection.
    NoticeKind(
        "inspection_notice",
        ("customer",),
        after="production_complete",
        unless=("inspection_passed",),
        attach="inspection_notice",
        trigger="production_complete",
        context=inspection,
    ),
    # 6. Inspection passed: the balance (total − everything received) is due. It waits while a
    #    payment staff marked received has no amount: the letter would ask for too much.
    NoticeKind(
        "balance_notice",
        ("customer",),
        after="inspection_passed",
        unless=("balance_received",),
        attach="balance_notice",
        trigger="inspection_passed",
        requires=("amounts_known",),
        context=balance,
        states_amounts=True,
        needs_config=BANK,
    ),
    #    Still owed `balance_reminder` after the notice or the last (short) payment: remind the
    #    customer of what is outstanding, once per amount.
    NoticeKind(
        "balance_reminder",
        ("customer",),
        after="inspection_passed",
        delay="balance_reminder",
        anchor_notice="balance_notice",
        unless=("shipped",),
        trigger="outstanding",
        requires=("balance_outstanding",),
        context=balance,
        states_amounts=True,
        needs_config=BANK,
    ),
    # 7. Paid in full: the sales and finance directors approve the shipping order (a date in
    #    their tracker column, or a reply "approved"); finance invoices. A short payment holds
    #    these (and a Review row names what is outstanding).
    NoticeKind(
        "shipping_approval_request",
        ("sales_director", "finance_director"),
        after="balance_received",
        unless=("shipped",),
        attach="shipping_order",
        trigger="balance_received",
        requires=("paid_in_full",),
        reply_event="approval_reply",
    ),
    NoticeKind(
        "invoice_request",
        ("finance_director",),
        after="balance_received",
        trigger="balance_received",
        requires=("paid_in_full",),
    ),
    # 8. Both directors approved: the customer may collect the goods.
    NoticeKind(
        "pickup_notice",
        ("customer",),
        after="balance_received",
        unless=("shipped",),
        trigger="balance_received",
        requires=("paid_in_full", "shipping_approved"),
        context=inspection,
    ),
    # 9. Shipped: the customer gets the shipment notice with the delivery note.
    NoticeKind("shipment_notice", ("customer",), after="shipped", attach="delivery_note", trigger="shipped"),
    # 10. A change closed by staff (Change = Done): the heads re-review the amended order and the
    #     customer gets the revised order form, each once per revision (v2, v3…).
    NoticeKind(
        "change_review_request",
        STAFF_HEADS,
        after="received",
        unless=("shipped",),
        requires=("revised",),
        attach="review_form",
        trigger="revision",
    ),
    NoticeKind(
        "order_revision",
        ("customer",),
        after="received",
        unless=("shipped",),
        requires=("revised",),
        attach="order_form",
        trigger="revision",
    ),
    # Alerts on an incoming email rather than a milestone (see engine.on_email); the email is
    # attached, its subject, sender and text are the context.
    NoticeKind("change_request_alert", ("account_manager",), on_email="change_request"),
    NoticeKind("deposit_reported", ("finance_director",), on_email="payment_advice"),  # finance checks the bank
    # 4.13 capacity: customers hear of a factory closure ahead (see workflow/closures.py).
    NoticeKind("closure_notice", ("customer",), on_closure=True),
)

BY_NAME: dict[str, NoticeKind] = {kind.name: kind for kind in NOTICE_KINDS}
SCHEDULED: tuple[NoticeKind, ...] = tuple(kind for kind in NOTICE_KINDS if kind.scheduled)


def kind(name: str) -> NoticeKind:
    """The record of notice ``name`` (a KeyError names an unknown kind)."""
    return BY_NAME[name]


def on_email(email_kind: str) -> NoticeKind | None:
    """The alert an incoming email of ``email_kind`` calls for, if any."""
    return next((k for k in NOTICE_KINDS if k.on_email == email_kind), None)


def on_closure() -> NoticeKind:
    return next(k for k in NOTICE_KINDS if k.on_closure)


def setting(fact: str) -> NoticeKind | None:
    """The notice whose sending sets ``fact`` (``confirmation_sent``), if any."""
    return next((k for k in NOTICE_KINDS if k.sets_fact == fact), None)


def reply_events() -> dict[str, str]:
    """Our notices whose replies carry a decision: notice kind → the email event a reply becomes."""
    return {k.name: k.reply_event for k in NOTICE_KINDS if k.reply_event}


def needing_config() -> tuple[NoticeKind, ...]:
    return tuple(k for k in NOTICE_KINDS if k.needs_config)


def _check_registry() -> None:
    """Refuse an inconsistent table at import: a typo here would silently never send."""
    if len(BY_NAME) != len(NOTICE_KINDS):
        raise ValueError("notices: two records share a name")
    for record in NOTICE_KINDS:
        whens = [record.after is not None, record.before is not None, record.on_email is not None, record.on_closure]
        if sum(whens) != 1:
            raise ValueError(f"notices: {record.name} needs exactly one of after, before, on_email, on_closure")
        if record.anchor_notice and record.anchor_notice not in BY_NAME:
            raise ValueError(f"notices: {record.name} counts from unknown notice {record.anchor_notice}")


_check_registry()
