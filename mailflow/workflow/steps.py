"""The pure core of the workflow: what an order is owed, given its facts and what went already.

Everything is an argument; nothing here reads the clock, the store or a file::

    due(order, sent, now, calendar, config) -> list[Action]
    derive_status(order) -> str
    next_step(order, sent, now, calendar, config) -> (action text, due date | None)
    amounts(order, config) -> {"deposit_due": Decimal | None, "balance_due": Decimal | None}
    conditions(order, config) -> set of the money conditions that hold (see ``CONDITIONS``)

``sent`` maps each outbox key already recorded for the order (``order_no:kind:trigger``) to the
local date it was queued; a plain set of keys works where no delay counts from a notice.

Level-triggered: ``due`` answers "what should have gone by today and has not", so a check missed
for days (daemon down over a weekend) returns the overdue notices on the next call — late, with
``late=True`` in their context — never skipped. The outbox key makes each go at most once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable, Mapping, Union
from zoneinfo import ZoneInfo

from ..config import Config
from .. import notices
from ..model import Order, as_date
from ..notices import NoticeKind, Situation, notice_key
from . import money as money_mod
from .calendar import WorkingCalendar
from .procedure import (
    CANCELLED,
    FILED_DOCUMENTS,
    INSPECTION_FAILED,
    MILESTONE_BY_NAME,
    MILESTONES,
    NEEDS_REVIEW,
    RECEIVED,
    STAGES,
    TERMINAL,
)

CENT = Decimal("0.01")


# --------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class SendNotice:
    """Queue notice ``kind`` for ``trigger`` (the outbox key's third part); due since ``due_on``."""

    kind: str
    trigger: str
    due_on: dt.date
    to: tuple[str, ...]  # "customer" or staff roles, resolved by the engine
    audience: str
    attach: str | None = None  # document kind to generate and attach
    context: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class FileDocument:
    """Generate ``doc_kind`` into the order's archive folder (no email)."""

    doc_kind: str
    trigger: str


@dataclass(frozen=True)
class Close:
    """The after-sales period is over: the order closes."""

    on: dt.date


@dataclass(frozen=True)
class Hold:
    """Something is due but cannot go: a person must act (a Review row, once per ``key``)."""

    key: str
    reason: str


Action = Union[SendNotice, FileDocument, Close, Hold]


# --------------------------------------------------------------------------- facts


def local_date(instant: dt.datetime, config: Config) -> dt.date:
    if instant.tzinfo is None:  # stored naive instants are UTC by convention
        instant = instant.replace(tzinfo=dt.timezone.utc)
    return instant.astimezone(ZoneInfo(config.calendar.timezone)).date()


def as_money(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def reach(order: Order, name: str, on: dt.date, via: str) -> bool:
    """Record milestone ``name`` as reached ``on`` (``via`` a field, "status", "timer" or
    "payments"); False when it already was. A milestone reached means staff looked at the order."""
    reached = order.facts.setdefault("milestones", {})
    if name in reached:
        return False
    reached[name] = {"on": on.isoformat(), "via": via}
    order.needs_review = False
    return True


def withdraw(order: Order, names: Iterable[str]) -> list[str]:
    """Forget the milestones ``names`` (staff moved the Status back); the ones that were reached."""
    reached = order.facts.setdefault("milestones", {})
    return [name for name in names if reached.pop(name, None) is not None]


def milestones(order: Order) -> dict[str, dt.date]:
    """Milestones reached, by name, with the local date each was reached."""
    reached = order.facts.milestones or {}
    out = {}
    for name, entry in reached.items():
        day = as_date(entry.get("on") if isinstance(entry, dict) else entry)
        if day is not None:
            out[name] = day
    return out


def derive_status(order: Order) -> str:
    """The status the facts say: the last milestone reached, or the states outside the chain."""
    if order.facts.cancelled:
        return CANCELLED
    reached = milestones(order)
    last = None
    for milestone in MILESTONES:
        if milestone.name in reached:
            last = milestone
    if (
        order.facts.get("inspection_result") == "Failed"
        and "production_complete" in reached
        and not any(m in reached for m in ("inspection_passed", "balance_received", "shipped", "closed"))
    ):
        return INSPECTION_FAILED
    if last is not None:
        return last.status
    return NEEDS_REVIEW if order.needs_review else RECEIVED


def amounts(order: Order, config: Config) -> dict[str, Decimal | None]:
    """Deposit requested (total × the order's deposit percentage) and balance due (total −
    everything received: deposit and balance payments), from ``money.position``."""
    where = money_mod.position(order, config)
    return {"deposit_due": where.deposit_due, "balance_due": where.balance_due}


# The money conditions a notice may require (``NoticeKind.requires``):
#   amounts_known       the total is known, and every payment staff marked received has an amount
#   paid_in_full        amounts known and nothing outstanding
#   balance_outstanding amounts known and something still owed
#   shipping_approved   both directors' approval dates are recorded
#   assembly_too_late   assembly date + deadlines.finishing is after the confirmed delivery date
#   delivery_date_passed the confirmed delivery date is before today
#   revised             a change was closed (facts["revision"] ≥ 2) and no other is open
CONDITIONS = (
    "amounts_known",
    "paid_in_full",
    "balance_outstanding",
    "shipping_approved",
    "assembly_too_late",
    "delivery_date_passed",
    "revised",
)
APPROVALS = {"sales_director": "sales_director_approved", "finance_director": "finance_director_approved"}


def missing_amounts(order: Order) -> list[str]:
    """Payments a milestone says were received but whose amount nobody entered."""
    reached = milestones(order)
    return [
        field
        for field in ("deposit_received", "balance_received")
        if field in reached and money_mod.amount(order.facts.get(field)) is None
    ]


def conditions(
    order: Order, config: Config, today: dt.date | None = None, calendar: WorkingCalendar | None = None
) -> set[str]:
    where = money_mod.position(order, config)
    held: set[str] = set()
    if where.total is not None and not missing_amounts(order):
        held.add("amounts_known")
        held.add("paid_in_full" if where.paid_in_full else "balance_outstanding")
    if all(as_date(order.facts.get(field)) for field in APPROVALS.values()):
        held.add("shipping_approved")
    delivery = as_date(order.facts.get("confirmed_delivery"))
    assembly = as_date(order.facts.get("assembly_date"))
    if delivery and assembly and calendar is not None and calendar.add(assembly, config.deadlines.finishing) > delivery:
        held.add("assembly_too_late")
    if delivery and today is not None and delivery < today:
        held.add("delivery_date_passed")
    if int(order.facts.revision or 1) > 1 and not order.facts.change_open:
        held.add("revised")
    return held


def passed(reached: Mapping[str, Any], name: str) -> bool:
    """``name`` reached, or a milestone after it (a shipped order is past its deposit too)."""
    names = [m.name for m in MILESTONES]
    if name not in names:
        return name in reached
    return any(later in reached for later in names[names.index(name) :])


def enabled(config: Config, kind: str) -> bool:
    return config.notices.enabled.get(kind, True)


HOLD_PREFIX = "workflow:"  # every ``hold_key`` starts so
UNCOMPOSED = "compose"  # ``<kind>:compose``: the notice could not be composed (engine._queue_or_hold)


def hold_key(order_no: str, cause: str) -> str:
    """The Review key of a notice held back: ``cause`` is ``no-email``, ``no-total``,
    ``<kind>:no-recipient`` or ``<kind>:no-config``. One row per key, so a hold repeated every run adds one row."""
    return f"{HOLD_PREFIX}{order_no}:{cause}"


def hold_keys(order_no: str, kind: str, audience: str) -> tuple[str, ...]:
    """Every Review key that can have held notice ``kind`` back; done once the notice goes."""
    keys = [
        hold_key(order_no, f"{kind}:no-recipient"),
        hold_key(order_no, f"{kind}:no-config"),
        hold_key(order_no, f"{kind}:{UNCOMPOSED}"),
    ]
    if audience == "customer":
        keys += [
            hold_key(order_no, "no-email"),
            hold_key(order_no, "customer-unconfirmed"),
            hold_key(order_no, "customer-blocked"),
        ]
    if notices.kind(kind).states_amounts:
        keys.append(hold_key(order_no, "no-total"))
    if asks_deposit(kind):
        keys.append(hold_key(order_no, "money:deposit-unclear"))
    return tuple(keys)


# --------------------------------------------------------------------------- due


def due(
    order: Order,
    sent: Mapping[str, dt.date] | set[str],
    now: dt.datetime,
    calendar: WorkingCalendar,
    config: Config,
) -> list[Action]:
    """Everything the order is owed as of ``now`` that has not happened yet."""
    dated = _dated(sent)
    today = local_date(now, config)
    status = derive_status(order)
    if status in TERMINAL:
        return []
    if status == NEEDS_REVIEW:
        # Nothing leaves on an order whose data nobody has checked; the clock keeps running from
        # receipt, so what is overdue goes (marked late) as soon as staff change the Status.
        return []
    reached = milestones(order)
    reached["received"] = local_date(order.received_at, config)
    holding = conditions(order, config, today, calendar)
    actions: list[Action] = []
    situation = _situation(order, reached, dated, today, calendar, config)
    # A deposit of none agreed: nothing to ask for, and what waits for the deposit follows the
    # confirmation (the order's milestones stay as they are: nothing was received)
    waived = "confirmed" in reached and "deposit_received" not in reached and money_mod.no_deposit(order, config)
    for rule in notices.SCHEDULED:
        if not enabled(config, rule.name) or any(passed(reached, name) for name in rule.unless):
            continue
        if waived and asks_deposit(rule.name):
            continue
        if any(c not in holding for c in rule.requires) or any(order.facts.get(f) for f in rule.paused_by):
            continue
        if rule.before:
            action = _before_rule(rule, order, dated, today, calendar, config)
        elif waived and rule.after == "deposit_received":
            skipped = {**reached, "deposit_received": reached["confirmed"]}
            action = _after_rule(rule, order, skipped, dated, today, calendar, config, situation)
        else:
            action = _after_rule(rule, order, reached, dated, today, calendar, config, situation)
        if action is not None:
            actions.append(action)
    # A notice that sets a fact (the confirmation: confirmation_sent) goes now: the notices that
    # fact pauses (reminders that the confirmation is late) would cross it in the mail.
    going = {notices.kind(a.kind).sets_fact for a in actions if isinstance(a, SendNotice)} - {None}
    actions = [
        a for a in actions if not (isinstance(a, SendNotice) and going.intersection(notices.kind(a.kind).paused_by))
    ]
    actions = _hold_unwritable(order, actions, config)
    actions += money_holds(order, reached, config)
    for milestone, doc_kind in FILED_DOCUMENTS:
        if milestone in reached and f"{doc_kind}:{milestone}" not in (order.facts.documents or {}):
            actions.append(FileDocument(doc_kind, milestone))
    if "shipped" in reached:
        close_on = calendar.add(reached["shipped"], config.deadlines.after_sales_days)
        if close_on <= today:
            if "paid_in_full" in holding:
                actions.append(Close(close_on))
            else:  # never closed with money outstanding (or unknown)
                where = money_mod.position(order, config)
                owed = _money_text(where.balance_due, order.currency) if where.balance_due else "an amount not entered"
                actions.append(
                    Hold(
                        hold_key(order.order_no, "money:close"),
                        f"{order.order_no} is past its after-sales period but {owed} is still"
                        " outstanding: it stays open until the payment is entered",
                    )
                )
    return actions


def money_holds(order: Order, reached: Mapping[str, dt.date], config: Config) -> list[Hold]:
    """Review rows money calls for: an amount nobody entered, a short payment.

    Their keys start with ``workflow:<order>:money:`` and carry the amount, so a new shortfall
    is a new row; the engine closes a row once its cause is gone (the amount entered, paid).
    """
    where = money_mod.position(order, config)
    cur = order.currency
    holds: list[Hold] = []
    for missing in missing_amounts(order):
        what, column = (
            ("deposit", "Deposit Received") if missing == "deposit_received" else ("balance", "Balance Received")
        )
        asked = where.deposit_due if what == "deposit" else where.balance_due
        hint = f" ({what} asked: {_money_text(asked, cur)})" if asked is not None else ""
        holds.append(
            Hold(
                hold_key(order.order_no, f"money:amount:{what}"),
                f"{order.order_no}: the {what} is marked received but {column} is empty: enter the"
                f" amount received{hint}; the notices that state amounts wait for it",
            )
        )
    if where.total is None or holds:
        return holds
    if "balance_received" in reached and where.balance_due:
        holds.append(
            Hold(
                hold_key(order.order_no, f"money:short:{where.balance_due}"),
                f"{order.order_no}: short payment: {_money_text(where.balance_due, cur)} still outstanding"
                f" (total {_money_text(where.total, cur)}, received {_money_text(where.paid, cur)});"
                " pickup, shipping approval and invoice wait until it is paid, and the customer"
                " is reminded",
            )
        )
    elif "deposit_received" in reached and where.deposit_outstanding and not passed(reached, "balance_received"):
        holds.append(
            Hold(
                hold_key(order.order_no, f"money:deposit-short:{where.deposit_outstanding}"),
                f"{order.order_no}: deposit short by {_money_text(where.deposit_outstanding, cur)}"
                f" (received {_money_text(where.deposit_received, cur)} of"
                f" {_money_text(where.deposit_due, cur)}); the balance notice will ask for"
                f" {_money_text(where.balance_due, cur)}",
            )
        )
    if where.overpaid:
        holds.append(
            Hold(
                hold_key(order.order_no, f"money:overpaid:{where.overpaid}"),
                f"{order.order_no}: received {_money_text(where.paid, cur)}, more than the total"
                f" {_money_text(where.total, cur)} by {_money_text(where.overpaid, cur)}: check the amounts",
            )
        )
    return holds


def _money_text(value: Decimal | None, currency: str | None) -> str:
    if value is None:
        return "?"
    code = (currency or "").strip().upper()
    return f"{code} {value:,.2f}".strip()


def _dated(sent: Mapping[str, dt.date] | set[str]) -> Mapping[str, dt.date | None]:
    return sent if isinstance(sent, Mapping) else {key: None for key in sent}


def _situation(order, reached, sent, today, calendar, config) -> Callable[[], Situation]:
    """What the context builders read, computed on first use (most runs queue nothing)."""
    made: list[Situation] = []

    def get() -> Situation:
        if not made:
            made.append(Situation(order, reached, sent, today, calendar, config, money_mod.position(order, config)))
        return made[0]

    return get


def _after_rule(rule: NoticeKind, order, reached, sent, today, calendar, config, situation) -> SendNotice | None:
    trigger = rule.trigger
    if trigger == "outstanding":  # once per amount owed: a further short payment re-arms it
        trigger = f"{money_mod.position(order, config).balance_due}"
    elif trigger == "assembly_vs_delivery":  # once per pair of dates: a moved date re-arms it
        trigger = f"{order.facts.get('assembly_date')}>{order.facts.get('confirmed_delivery')}"
    elif trigger == "confirmed_delivery":
        trigger = str(order.facts.get("confirmed_delivery"))
    elif trigger == "revision":
        trigger = f"v{order.facts.get('revision')}"
    key = notice_key(order.order_no, rule.name, trigger)
    if rule.after not in reached or key in sent:
        return None
    when = _when(rule, order, reached, sent, calendar, config)
    if when is None:
        return None
    due_on, deadline = when
    if due_on > today:
        return None
    context = {"due_on": due_on, "late": today > due_on, **(rule.context(situation()) if rule.context else {})}
    if deadline is not None:
        context["deadline"] = deadline
    return SendNotice(rule.name, trigger, due_on, rule.to, rule.audience, rule.attach, context)


def _when(rule: NoticeKind, order, reached, sent, calendar, config) -> tuple[dt.date, dt.date | None] | None:
    """(due date, deadline) of an ``after`` rule, or None while its anchor is not there yet."""
    anchor = reached[rule.after]
    if rule.anchor_notice:
        anchor_rule = notices.kind(rule.anchor_notice)
        anchor_key = notice_key(order.order_no, anchor_rule.name, anchor_rule.trigger)
        if anchor_key in sent:
            anchor = sent[anchor_key] or anchor
        elif enabled(config, rule.anchor_notice):
            return None  # counts from the request, which has not gone yet
    if rule.trigger == "outstanding":  # ... or from the last payment, when one came after it
        anchor = max([anchor, *money_mod.payment_dates(order, "balance")])
    if not rule.delay:
        return anchor, None
    delay = getattr(config.deadlines, rule.delay)
    deadline = calendar.add(anchor, delay)
    return (calendar.after_deadline(deadline, delay) if rule.escalation else deadline), deadline


def _before_rule(rule, order, sent, today, calendar, config) -> SendNotice | None:
    """The pre-assembly notice: ``delay`` before the date; a moved date re-arms it."""
    target = as_date(order.facts.get(rule.before))
    if target is None or target < today:
        return None  # no date yet, or it is past: a notice ahead of it can no longer help
    trigger = target.isoformat()
    if notice_key(order.order_no, rule.name, trigger) in sent:
        return None
    prefix = f"{order.order_no}:{rule.name}:"
    earlier = sorted((day or dt.date.min, key[len(prefix) :]) for key, day in sent.items() if key.startswith(prefix))
    due_on = calendar.subtract(target, getattr(config.deadlines, rule.delay))
    context: dict[str, Any] = {rule.before: target}
    if earlier:
        # The customer was told another date: tell them the new one now, not 10 days ahead.
        due_on = min(due_on, today)
        context["replaces"] = as_date(earlier[-1][1])
    if due_on > today:
        return None
    context.update(due_on=due_on, late=False)
    return SendNotice(rule.name, trigger, due_on, rule.to, rule.audience, rule.attach, context)


def _hold_unwritable(order: Order, actions: list[Action], config: Config) -> list[Action]:
    """Replace notices that cannot be written yet by a Hold: no customer address, an amount we
    cannot compute, or a payment request without the bank details to pay to. They stay due, so
    they go on the first run after staff fix the order (or config.yaml)."""
    out: list[Action] = []
    held: dict[str, Hold] = {}
    for action in actions:
        missing = missing_config(config, action.kind) if isinstance(action, SendNotice) else []
        if missing and isinstance(action, SendNotice):
            held.setdefault(
                f"{action.kind}:no-config",
                Hold(
                    hold_key(order.order_no, f"{action.kind}:no-config"),
                    f"{action.kind.replace('_', ' ')} cannot go: set {', '.join(missing)} in config.yaml",
                ),
            )
            continue
        if isinstance(action, SendNotice) and action.audience == "customer" and order.facts.get(BLOCKED):
            held.setdefault(
                "blocked",
                Hold(
                    hold_key(order.order_no, "customer-blocked"),
                    f"customer blocked: {action.kind.replace('_', ' ')} waits while {order.customer} is Blocked"
                    " on the Customers sheet",
                ),
            )
        elif isinstance(action, SendNotice) and action.audience == "customer" and order.facts.get(UNCONFIRMED):
            held.setdefault(
                "customer",
                Hold(
                    hold_key(order.order_no, "customer-unconfirmed"),
                    f"customer not confirmed: {action.kind.replace('_', ' ')} waits until staff confirm"
                    f" {order.customer} on the Customers sheet (or correct the order's Customer)",
                ),
            )
        elif isinstance(action, SendNotice) and action.audience == "customer" and not order.customer_email:
            held.setdefault(
                "no-email",
                Hold(
                    hold_key(order.order_no, "no-email"),
                    f"no customer email address: {action.kind.replace('_', ' ')} cannot go",
                ),
            )
        elif isinstance(action, SendNotice) and notices.kind(action.kind).states_amounts and order.total is None:
            held.setdefault(
                "no-total",
                Hold(
                    hold_key(order.order_no, "no-total"),
                    f"order total unknown: {action.kind.replace('_', ' ')} needs the amount",
                ),
            )
        elif isinstance(action, SendNotice) and asks_deposit(action.kind) and (why := deposit_unclear(order, config)):
            held.setdefault(
                "deposit",
                Hold(hold_key(order.order_no, "money:deposit-unclear"), f"{action.kind.replace('_', ' ')} held: {why}"),
            )
        else:
            out.append(action)
    return out + list(held.values())


def asks_deposit(kind: str) -> bool:
    """A notice that states the deposit asked (it stops once the deposit is received)."""
    found = notices.kind(kind)
    return found.states_amounts and "deposit_received" in found.unless


def deposit_unclear(order: Order, config: Config) -> str | None:
    """Why the deposit to ask for cannot be stated (None: it can): payment terms naming several
    deposit percentages, or a deposit of nothing (a zero total, a 0 % deposit)."""
    doubt = money_mod.deposit_doubt(order, config)
    if doubt:
        return doubt
    undecided = money_mod.terms_undecided(order.payment_terms)
    if undecided:
        named = " and ".join(f"{value}%" for value in undecided)
        return (
            f"the payment terms ({str(order.payment_terms)[:80]!r}) name deposits of {named}; mailflow"
            " does not choose one. Ask the customer for the deposit agreed and enter it on the"
            " Payments sheet when it arrives"
        )
    where = money_mod.position(order, config)
    if where.deposit_due is not None and where.deposit_due <= 0:
        return (
            f"the deposit asked would be {_money_text(where.deposit_due, order.currency)} (total"
            f" {_money_text(where.total, order.currency)} × {where.percent}%): no request for nothing"
            " goes to the customer. Correct the order's amounts, or enter the deposit on the"
            " Payments sheet when one is paid"
        )
    return None


UNCONFIRMED = "unconfirmed_sender"  # the facts holding customer notices (see customers.master)
BLOCKED = "customer_blocked"


def missing_config(config: Config, kind: str) -> list[str]:
    """The dotted config keys notice ``kind`` prints (``NoticeKind.needs_config``) and config.yaml
    leaves empty: a payment request without bank details leaves the customer asking where to pay.
    ``mailflow check`` fails on the same records."""
    missing = []
    for dotted in notices.kind(kind).needs_config:
        value: Any = config
        for part in dotted.split("."):
            value = getattr(value, part)
        if not str(value or "").strip():
            missing.append(dotted)
    return missing


# --------------------------------------------------------------------------- next action


def next_step(
    order: Order,
    sent: Mapping[str, dt.date] | set[str],
    now: dt.datetime,
    calendar: WorkingCalendar,
    config: Config,
) -> tuple[str, dt.date | None]:
    """What the order waits for (Next Action) and by when (Next Due; None = no date)."""
    dated = _dated(sent)
    status = derive_status(order)
    if status == MILESTONE_BY_NAME["confirmed"].status and money_mod.no_deposit(order, config):
        status = MILESTONE_BY_NAME["deposit_received"].status  # no deposit agreed: no deposit step
    stage = STAGES.get(status)
    if stage is None or not stage.action:
        return "", None
    reached = milestones(order)
    reached["received"] = local_date(order.received_at, config)
    anchor: dt.date | None = None
    if stage.anchor and stage.anchor.startswith("notice:"):
        rule = notices.kind(stage.anchor[len("notice:") :])
        # Counted from when the notice went; from its milestone while it has not (or is off).
        anchor = dated.get(notice_key(order.order_no, rule.name, rule.trigger)) or reached.get(rule.after or "")
    elif stage.anchor in reached:
        anchor = reached[stage.anchor]
    elif stage.anchor:
        anchor = as_date(order.facts.get(stage.anchor))
    if anchor is not None and stage.delay:
        return stage.action, calendar.add(anchor, getattr(config.deadlines, stage.delay))
    return stage.action, anchor


def milestone_for_field(field_name: str, value: Any) -> tuple[str | None, bool]:
    """(milestone the tracker field reaches, whether ``value`` reaches it) for a staff edit."""
    for milestone in MILESTONES:
        if milestone.field == field_name:
            filled = value not in (None, "")
            if milestone.value is not None:
                filled = filled and str(value).strip().lower() == milestone.value.lower()
            return milestone.name, filled
    return None, False


def milestone_date(name: str, value: Any, today: dt.date) -> dt.date:
    """When a milestone reached by a field edit happened: the field's date where it is one."""
    milestone = MILESTONE_BY_NAME.get(name)
    if milestone is not None and milestone.dated_by_field:
        return as_date(value) or today
    return today


def fact_value(value: Any) -> Any:
    """A value as facts keep it: ISO dates, plain decimal strings, stripped text, None for empty."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (int, float)):
        return format(Decimal(str(value)), "f")
    text = str(value).strip()
    return text or None


def dumps_state(order: Order) -> str:
    """A comparable snapshot of what ``refresh`` may change (to save only when it did)."""
    state = {
        "status": order.status,
        "needs_review": order.needs_review,
        "account_manager": order.account_manager,
        "facts": order.facts.to_json(),
    }
    return json.dumps(state, sort_keys=True, default=fact_value, ensure_ascii=False)


_MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_DATE_PATTERNS = (
    (re.compile(r"\b(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(20\d\d)\b"), ("d", "mon", "y")),
    (re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d\d)\b"), ("mon", "d", "y")),
)


def proposed_dates(text: str, today: dt.date) -> list[dt.date]:
    """Dates from today on written in a customer's reply (ISO, 2026/6/10, 2026年6月10日, 10 June
    2026, June 10, 2026): the inspection dates they propose. Past dates are quoted, not proposed."""
    found: set[dt.date] = set()
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text or ""):
            parts = dict(zip(order, match.groups()))
            month = _MONTHS.get(parts["mon"][:3].lower()) if "mon" in parts else int(parts["m"])
            try:
                day = dt.date(int(parts["y"]), month or 0, int(parts["d"]))
            except (TypeError, ValueError):
                continue
            if day >= today:
                found.add(day)
    return sorted(found)
