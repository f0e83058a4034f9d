"""The order procedure as data: milestones, statuses, and the notices each one calls for.

Read top to bottom, this is the company's order procedure. The engine (``engine.py``) and the
pure steps (``steps.py``) interpret these tables; changing the procedure means changing a row
here, not code.

Milestones
    An order moves forward by reaching milestones. Each is reached either by a tracker field
    being filled (``field``, optionally only with a given value) or by staff choosing its
    ``status`` in the Status column. Reached milestones live in ``order.facts["milestones"]``
    as ``{name: {"on": ISO date, "via": field | "status" | "timer"}}``; the order's status is
    the status of the last milestone reached (see ``rules.derive_status``).

Notices
    Each notice row says when it is due: ``after`` a milestone (``"received"`` is the PO
    itself), optionally ``delay`` (a key of ``config.deadlines``) later; or ``before`` a date
    field by ``delay``. ``unless`` lists milestones that make it moot (a reminder is not sent
    once the thing it reminds of has happened). ``to`` is ``"customer"`` or staff roles from
    ``config.company.staff``. ``attach`` is a document kind for ``documents.generate``.
    The trigger (third part of the outbox key) is fixed per row, except for the pre-assembly
    notice whose trigger is the assembly date, so that a moved date re-arms it.
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------- milestones


@dataclass(frozen=True)
class Milestone:
    name: str
    status: str  # the Status the order shows once this is the last milestone reached
    field: str | None = None  # the tracker field that reaches it when filled
    value: str | None = None  # ...only when it holds this value (inspection result)
    label: str = ""
    dated_by_field: bool = False  # the field's date is when it happened (else: the day of the edit)


# In process order. "received" is implicit (every order has it from its PO).
MILESTONES: tuple[Milestone, ...] = (
    Milestone("confirmed", "Confirmed", "confirmed_delivery", label="order confirmed"),
    Milestone("deposit_received", "Deposit received", "deposit_received", label="deposit received"),
    Milestone("in_production", "In production", None, label="production started"),
    Milestone("production_complete", "Production complete", "production_complete",
              label="production complete", dated_by_field=True),
    Milestone("inspection_passed", "Inspection passed", "inspection_result", "Passed", label="inspection passed"),
    Milestone("balance_received", "Balance received", "balance_received", label="balance received"),
    Milestone("shipped", "Shipped", "shipped", label="shipped", dated_by_field=True),
    Milestone("closed", "Closed", None, label="closed after the after-sales period"),
)
MILESTONE_BY_NAME = {m.name: m for m in MILESTONES}
MILESTONE_BY_STATUS = {m.status: m for m in MILESTONES}

# Statuses outside the forward chain.
CANCELLED = "Cancelled"
NEEDS_REVIEW = "Needs review"
RECEIVED = "Received"
INSPECTION_FAILED = "Inspection failed"  # production complete, result "Failed", not yet passed
TERMINAL = ("Closed", "Cancelled")  # no notices, no timers


# --------------------------------------------------------------------------- notices

STAFF_HEADS = ("sales_director", "finance_director", "pmc_manager", "qc_manager", "engineering_manager")


@dataclass(frozen=True)
class NoticeRule:
    kind: str
    to: tuple[str, ...]  # ("customer",) or staff roles
    after: str | None = None  # milestone name, or "received"
    before: str | None = None  # a date fact (assembly_date): due `delay` before it
    delay: str | None = None  # key of config.deadlines; None = at once
    unless: tuple[str, ...] = ()  # milestones that make it moot
    attach: str | None = None  # document kind to generate and attach
    anchor_notice: str | None = None  # count the delay from when this notice was queued
    escalation: bool = False  # due the first day the deadline counts as missed
    trigger: str = ""  # fixed trigger; "" = the `before` date; "outstanding" = the amount owed
    requires: tuple[str, ...] = ()  # money conditions that must hold (see rules.CONDITIONS)
    paused_by: tuple[str, ...] = ()  # facts that, while set, hold the notice back

    @property
    def audience(self) -> str:
        return "customer" if self.to == ("customer",) else "internal"


NOTICES: tuple[NoticeRule, ...] = (
    # 1. PO received: acknowledge with our order form; the heads review it.
    NoticeRule("order_ack", ("customer",), after="received", unless=("deposit_received",),
               attach="order_form", trigger="received"),
    NoticeRule("review_request", STAFF_HEADS, after="received", unless=("confirmed",),
               attach="review_form", trigger="received"),
    #    The confirmed order form is due to the customer within `reply_due` of receipt.
    #    The clock stops when that confirmation has been sent (not when staff set the Status).
    NoticeRule("reply_due_reminder", ("account_manager",), after="received", delay="reply_reminder",
               unless=("deposit_received",), paused_by=("confirmation_sent",), trigger="received"),
    NoticeRule("reply_overdue_escalation", ("sales_director",), after="received", delay="reply_due",
               unless=("deposit_received",), paused_by=("confirmation_sent",), escalation=True, trigger="received"),
    # 2. Confirmed: the confirmed order form (confirmed delivery date, terms, signature and seal
    #    block) goes to the customer; ask for the deposit; PMC issues the production plans.
    NoticeRule("order_confirmation", ("customer",), after="confirmed", unless=("deposit_received",),
               attach="order_form", trigger="confirmed"),
    NoticeRule("deposit_request", ("customer",), after="confirmed", unless=("deposit_received",),
               trigger="confirmed"),
    NoticeRule("production_plan_reminder", ("pmc_manager",), after="confirmed",
               unless=("production_complete",), paused_by=("plan_date",), trigger="confirmed"),
    #    No Plan Date `production_plan_due` after confirmation: the PMC manager and the sales
    #    director hear of it the next working day.
    NoticeRule("production_plan_overdue", ("pmc_manager", "sales_director"), after="confirmed",
               delay="production_plan_due", escalation=True, unless=("production_complete",),
               paused_by=("plan_date",), trigger="confirmed"),
    # 3. No deposit `deposit_due` after the request: remind the customer once; still unpaid the
    #    next working day, the marketing director is asked to decide (the procedure proposes
    #    cancellation). A payment advice the customer sent, not yet checked, holds both.
    NoticeRule("deposit_reminder", ("customer",), after="confirmed", delay="deposit_due",
               anchor_notice="deposit_request", unless=("deposit_received",), trigger="confirmed",
               paused_by=("payment_advice_open",)),
    NoticeRule("deposit_overdue_escalation", ("marketing_director",), after="confirmed",
               delay="deposit_escalation", anchor_notice="deposit_reminder", unless=("deposit_received",),
               trigger="confirmed", paused_by=("payment_advice_open",)),
    # 3b. Deposit received, production can start: QC and engineering get the order form with the
    #     special requirements. The account manager is warned when the assembly date plus the
    #     finishing time runs past the confirmed delivery date (once per pair of dates), and
    #     when the confirmed delivery date passes with the goods not shipped.
    NoticeRule("production_handoff", ("qc_manager", "engineering_manager"), after="deposit_received",
               unless=("production_complete",), attach="order_form", trigger="confirmed"),
    NoticeRule("delivery_risk_alert", ("account_manager",), after="confirmed", unless=("production_complete",),
               requires=("assembly_too_late",), trigger="assembly_vs_delivery"),
    NoticeRule("delivery_overdue_alert", ("account_manager",), after="confirmed", unless=("shipped",),
               requires=("delivery_date_passed",), trigger="confirmed_delivery"),
    # 4. Assembly date set: tell the customer ahead so they can arrange the inspection.
    NoticeRule("pre_assembly_notice", ("customer",), before="assembly_date", delay="pre_assembly_notice",
               unless=("production_complete",), attach="pre_assembly_notice"),
    # 5. Production complete: invite the inspection.
    NoticeRule("inspection_notice", ("customer",), after="production_complete",
               unless=("inspection_passed",), attach="inspection_notice", trigger="production_complete"),
    # 6. Inspection passed: the balance (total − everything received) is due. It waits while a
    #    payment staff marked received has no amount: the letter would ask for too much.
    NoticeRule("balance_notice", ("customer",), after="inspection_passed", unless=("balance_received",),
               attach="balance_notice", trigger="inspection_passed", requires=("amounts_known",)),
    #    Still owed `balance_reminder` after the notice or the last (short) payment: remind the
    #    customer of what is outstanding, once per amount.
    NoticeRule("balance_reminder", ("customer",), after="inspection_passed", delay="balance_reminder",
               anchor_notice="balance_notice", unless=("shipped",), trigger="outstanding",
               requires=("balance_outstanding",)),
    # 7. Paid in full: the sales and finance directors approve the shipping order (a date in
    #    their tracker column, or a reply "approved"); finance invoices. A short payment holds
    #    these (and a Review row names what is outstanding).
    NoticeRule("shipping_approval_request", ("sales_director", "finance_director"), after="balance_received",
               unless=("shipped",), attach="shipping_order", trigger="balance_received", requires=("paid_in_full",)),
    NoticeRule("invoice_request", ("finance_director",), after="balance_received", trigger="balance_received",
               requires=("paid_in_full",)),
    # 8. Both directors approved: the customer may collect the goods.
    NoticeRule("pickup_notice", ("customer",), after="balance_received", unless=("shipped",),
               trigger="balance_received", requires=("paid_in_full", "shipping_approved")),
    # 9. Shipped: the customer gets the shipment notice with the delivery note.
    NoticeRule("shipment_notice", ("customer",), after="shipped", attach="delivery_note", trigger="shipped"),
)
NOTICE_BY_KIND = {rule.kind: rule for rule in NOTICES}

# 10. A change closed by staff (Change = Done): the heads re-review the amended order and the
#     customer gets the revised order form, each once per revision (v2, v3…).
NOTICES += (
    NoticeRule("change_review_request", STAFF_HEADS, after="received", unless=("shipped",),
               requires=("revised",), attach="review_form", trigger="revision"),
    NoticeRule("order_revision", ("customer",), after="received", unless=("shipped",),
               requires=("revised",), attach="order_form", trigger="revision"),
)
NOTICE_BY_KIND = {rule.kind: rule for rule in NOTICES}

# Alerts sent on an incoming email rather than on a milestone (see engine.on_email).
EMAIL_ALERTS = {
    "change_request": ("change_request_alert", ("account_manager",)),
    "payment_advice": ("deposit_reported", ("finance_director",)),  # finance checks the bank
}

# Documents filed (generated into the archive, no email) when a milestone is reached.
FILED_DOCUMENTS: tuple[tuple[str, str], ...] = (("shipped", "delivery_note"),)


# --------------------------------------------------------------------------- next action

@dataclass(frozen=True)
class Stage:
    """What the order waits for in a status, shown as Next Action / Next Due in the tracker."""

    action: str
    anchor: str | None = None  # "received", a milestone, a date fact, or "notice:<kind>"
    delay: str | None = None  # key of config.deadlines


STAGES: dict[str, Stage] = {
    "Needs review": Stage("Check the order against the PO, then set Status", "received", "reply_due"),
    "Received": Stage("Confirmed order form to the customer", "received", "reply_due"),
    "Confirmed": Stage("Deposit from the customer", "notice:deposit_request", "deposit_due"),
    "Deposit received": Stage("Assembly (set the Assembly Date)", "assembly_date"),
    "In production": Stage("Production complete", "assembly_date"),
    "Production complete": Stage("Inspection result", "inspection_date"),
    "Inspection failed": Stage("Rework and re-inspect", "inspection_date"),
    "Inspection passed": Stage("Balance from the customer"),
    "Balance received": Stage("Shipping approval (sales + finance directors), then ship"),
    "Shipped": Stage("Close after the after-sales period", "shipped", "after_sales_days"),
    "Closed": Stage(""),
    "Cancelled": Stage(""),
}
