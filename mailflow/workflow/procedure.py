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
    The notices are the other half of the procedure: ``mailflow/notices.py`` holds one
    ``NoticeKind`` record per notice (when it is due after which milestone, to whom, what it
    attaches and states). It sits outside the workflow so that the outbox and ``mailflow check``
    read the same records.
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
    Milestone(
        "production_complete",
        "Production complete",
        "production_complete",
        label="production complete",
        dated_by_field=True,
    ),
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
# The notices each milestone calls for, with their timing, recipients and letters, are records
# of ``mailflow/notices.py`` (``NoticeKind``): one record per notice kind.

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
