"""The workflow engine: staff edits, incoming mail and timers turned into milestones and notices.

Public contract (called by the pipeline each cycle):

    advance(env, now, order_nos=None, *, cause=None) -> list[Notice]
        For each open order (or just ``order_nos``): queue every notice ``steps.due`` says is due,
        file due documents, close orders past after-sales, and keep ``status``,
        ``facts.next_action``/``next_due``/``deposit_due``/``balance_due`` current.
    apply_edits(env, changes, now) -> list[str]
        Staff edits from the tracker (``Tracker.read_edits``, which writes nothing) → order
        facts/status, one event with cause ``tracker`` per edit, and the tracker shadow, in one
        transaction per order (``record_edits``, the one owner); then ``advance`` for those orders.
    on_email(env, order, kind, message_id, archived, details, now) -> None
        A payment advice / inspection reply / change request naming the order → events with
        cause ``email``, Review rows, and the change-request alert.

"Nothing lost, nothing twice": the outbox key ``order_no:kind:trigger`` is the guard. For each
order, queueing its notices, the events and the order's new facts are ONE store transaction (a
savepoint when the caller already holds one), so a crash leaves either all of it or none of it,
and the next run finds exactly what is still due. Documents are generated before that
transaction; they are files rewritten with the same content when a run is repeated.

A notice that cannot go (no recipient, no customer email, no total) leaves a Review row; once
staff fix the data and the notice is queued, that row is marked done (``review_done`` event) in
the same transaction, so the tracker's Review sheet shows it closed.

Outbox and documents are reached through ``queue_notice`` and ``generate_document`` so a test
can stand in for either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import weakref
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Collection, Iterable

from ..context import Env
from ..customers import master
from ..documents import generate, generate_many
from ..errors import MailflowError, OutboxError
from ..faults import crash_point
from .. import notices
from ..model import (
    AMENDABLE,
    AMENDABLE_LINE,
    CHANGE_DONE,
    Cause,
    DUPLICATE,
    INSPECTION_RESULTS,
    ORDER_COLUMNS,
    STATUSES,
    Notice,
    Order,
    Payment,
    PaymentChange,
    StaffChanges,
    StaffEdit,
)
from ..outbox import queue
from ..store import Store, WorkflowMark
from . import money, payments, steps
from .calendar import WorkingCalendar
from .reviews import close_keys, close_reviews
from .procedure import (
    CANCELLED,
    INSPECTION_FAILED,
    MILESTONE_BY_STATUS,
    MILESTONES,
    NEEDS_REVIEW,
    RECEIVED,
    TERMINAL,
)

log = logging.getLogger("mailflow.workflow")

_OWNERS = {name: owner for name, _header, owner, _type in ORDER_COLUMNS}
_MILESTONE_INDEX = {m.name: i for i, m in enumerate(MILESTONES)}


# --------------------------------------------------------------------------- the collaborators


def queue_notice(env: Env, notice: Notice, now: dt.datetime) -> bool:
    """Record ``notice`` in the outbox; False when its key is already there."""
    return queue(env, notice, now)


def generate_document(
    env: Env,
    order: Order,
    doc_kind: str,
    now: dt.datetime,
    extra: dict[str, Any] | None = None,
    version: int = 1,
) -> list[str]:
    """Generate ``doc_kind`` for ``order`` into its archive folder; archive-relative paths."""
    return generate(env, order, doc_kind, now, extra, version=version)


def generate_documents(
    env: Env, jobs: list[tuple[Order, str, dict[str, Any] | None, int]], now: dt.datetime
) -> list[list[str] | None]:
    """Many documents at once (PDFs batched); None for a job whose template failed."""
    return generate_many(env, jobs, now, skip_failures=True)


# --------------------------------------------------------------------------- advance


def advance(
    env: Env,
    now: dt.datetime,
    order_nos: Iterable[str] | None = None,
    *,
    cause: Cause | None = None,
    documents: bool = True,
    made: dict[str, dict[str, list[str]]] | None = None,
    later: Collection[str] = (),
    queue_documents: bool = False,
) -> list[Notice]:
    """Queue what is due now for each open order; returns the notices newly queued.

    ``cause`` goes on the events: by default ``timer`` for a run over all open orders, and
    ``email`` for named orders (the pipeline names the order a PO email just created).

    ``documents=False`` leaves every action that needs a document (a notice with an attachment,
    a document to file) for a later run: the pipeline records an order at the speed of its
    parsers and makes the documents after the cycle's messages, all in one go. Nothing is ever
    queued without its attachment. Otherwise the documents due for all ``orders`` are made
    first, their PDFs with one LibreOffice start per batch (``documents.generate_many``), except
    those in ``made`` (order_no → document key → archive paths), already made for the orders'
    current state (see ``_prepare_documents``). Orders in ``later`` are on the document queue:
    their documents are the documents stage's, so what needs one waits for it there.
    ``queue_documents`` (the cycle's timers and staff edits) puts every order that needs a
    document now on that queue too, with ``cause``, instead of making it here: the documents
    stage makes it with its one LibreOffice, under the same rules as an order's first documents
    (one LibreOffice for many, started again when it dies or hangs, ended when the queue is
    empty, stopped between two orders for fresh mail, and safe against kill -9).

    A timer run that wrote nothing is remembered for the store: the next one looks only at the
    orders a change since touched, and returns at once while nothing it reads has moved (see
    ``_QUIET``). A dry run is never remembered.

    One order failing (a broken template, say) does not stop the others: it is logged and
    retried on the next run. On a timer run (``order_nos`` None) the failures are raised at the
    end, as one MailflowError, so the cycle report shows them.
    """
    cause = cause or ("timer" if order_nos is None else "email")
    timers = order_nos is None and not env.dry_run  # a dry run writes nothing and returns what would go
    only: set[str] | None = None  # a timer pass: the open orders to look at (None: every one)
    if timers:
        mark, waiting = env.store.workflow_revision(), frozenset(later)
        inputs = (steps.local_date(now, env.config), env.config, documents, queue_documents)
        quiet = _QUIET.pop(env.store, None)  # put back once this pass has gone through
        only = _touched(env.store, quiet, mark, inputs, waiting)
        if quiet is not None and only is not None and not only:  # nothing it reads has moved
            _QUIET[env.store] = quiet if env.store.in_transaction else replace(quiet, mark=mark)
            return []
        changes = env.store.writes
    calendar = WorkingCalendar.of(env.config.calendar)
    if order_nos is not None:
        orders = [o for o in (env.store.order(n) for n in order_nos) if o is not None]
    elif only is not None:
        orders = [o for o in (env.store.order(n) for n in sorted(only)) if o and o.status not in TERMINAL]
    else:
        orders = env.store.orders(excluding_status=TERMINAL)
    customers = env.store.customers()  # the customer master, read once for all the orders
    before = {o.order_no: steps.dumps_state(o) for o in orders}
    if documents and not env.dry_run:
        ready = [o for o in orders if o.order_no not in later]
        if queue_documents:
            later = set(later) | _queue_documents(env, ready, now, cause)
        else:
            _prepare_documents(env, ready, now, made)
    queued: list[Notice] = []
    failures: list[str] = []
    for order in orders:
        with_documents = documents and order.order_no not in later
        try:
            queued.extend(
                _advance_order(env, order, now, calendar, cause, customers, with_documents, before[order.order_no])
            )
        except Exception as exc:  # one order's problem must not hold up the others
            log.exception("workflow: %s failed", order.order_no)
            failures.append(f"{order.order_no}: {type(exc).__name__}: {exc}")
    if failures and order_nos is None:
        raise MailflowError("workflow: " + "; ".join(failures), hint="the orders are retried on the next run")
    if timers:
        if env.store.writes == changes and not env.store.in_transaction:
            _QUIET[env.store] = _Quiet(mark, inputs, waiting, _composing(env.store))  # nothing to do
        elif quiet is not None and only is not None:
            _QUIET[env.store] = quiet  # the orders it did not look at still have nothing to do
    return queued


# A pass of the timers reads only the store, the local day, the configuration and which orders
# wait for the documents stage, and what it does for one order depends on that order's rows
# (the order, its review items, payments and notices) and the customer master. One that wrote
# nothing (no notice, event, review row, fact or queued document) is remembered: the next pass
# on the same day, with the same configuration and customer master, looks only at the orders a
# change since touched (or that joined or left the document queue), and at none when nothing
# moved. A daemon's quiet cycle then costs a few look-ups instead of a pass over 2,000 open
# orders (about a second), and a cycle with mail a pass over its own orders. Kept per store, for
# the life of the process, and only from outside a transaction (one rolled back may bring a
# revision number back with other content); a pass with a failing order forgets it, so the
# order is looked at again. A new process makes one full pass.


@dataclass(frozen=True)
class _Quiet:
    """Every open order had nothing to do at ``mark``, with ``inputs`` (the local day, the
    configuration, the documents flags) and the orders in ``waiting`` on the document queue."""

    mark: WorkflowMark
    inputs: tuple
    waiting: frozenset[str]
    composing: frozenset[str] = frozenset()  # a notice could not be composed: tried on every pass


def _composing(store: Store) -> frozenset[str]:
    """The orders holding a notice that could not be composed (``_queue_or_hold``): what stops it
    may lie outside the store (a file gone from the archive), so each pass tries it again, as
    before a pass was remembered."""
    held = store.open_reviews(steps.HOLD_PREFIX, key_suffix=f":{steps.UNCOMPOSED}")
    return frozenset(r.order_no for r in held if r.order_no)


_QUIET: weakref.WeakKeyDictionary[Store, _Quiet] = weakref.WeakKeyDictionary()


def _touched(
    store: Store, quiet: _Quiet | None, mark: WorkflowMark, inputs: tuple, waiting: frozenset[str]
) -> set[str] | None:
    """The open orders a timer pass must look at after the ``quiet`` one; None: every one."""
    if quiet is None or quiet.inputs != inputs or quiet.mark.customers != mark.customers:
        return None  # another day, configuration or customer master: every order may be due
    if mark.tracker < quiet.mark.tracker or mark.notice < quiet.mark.notice:
        return None  # the store went back (restored from a copy): nothing to compare with
    again = (waiting ^ quiet.waiting) | quiet.composing
    if mark == quiet.mark:
        return set(again)
    touched = store.orders_touched_since(quiet.mark)
    return None if touched is None else touched | again


def _needs_document(action: Any) -> str | None:
    """The document kind an action needs made first, or None."""
    if isinstance(action, steps.SendNotice):
        return action.attach
    if isinstance(action, steps.FileDocument):
        return action.doc_kind
    return None


DocumentJob = tuple[Order, str, dict[str, Any] | None, int, str]  # order, kind, extra, version, key


def documents_due(env: Env, orders: list[Order], now: dt.datetime) -> list[DocumentJob]:
    """The documents ``advance`` would make now for ``orders``: (order, doc_kind, extra, version,
    key), ``key`` as in ``facts["documents"]``. Nothing is made or saved; an order whose steps
    fail is left out (``advance`` meets the same problem and reports it)."""
    config = env.config
    calendar = WorkingCalendar.of(config.calendar)
    jobs: list[DocumentJob] = []
    planned: set[tuple[str, str]] = set()
    for order in orders:
        if order.status in TERMINAL and steps.derive_status(order) in TERMINAL:
            continue
        try:
            actions = steps.due(order, sent_notices(env.store, order.order_no, config), now, calendar, config)
        except Exception:
            continue
        made = order.facts.get("documents", {})
        for action in actions:
            doc_kind = _needs_document(action)
            if not doc_kind or not isinstance(action, (steps.SendNotice, steps.FileDocument)):
                continue
            key = f"{doc_kind}:{action.trigger}"
            if key not in made and (order.order_no, key) not in planned:
                planned.add((order.order_no, key))
                _money_facts(order, config)  # the letters print the deposit and balance amounts
                extra = action.context if isinstance(action, steps.SendNotice) else None
                jobs.append((order, doc_kind, extra, _next_version(made, doc_kind, planned, order.order_no), key))
    return jobs


def _prepare_documents(
    env: Env, orders: list[Order], now: dt.datetime, made: dict[str, dict[str, list[str]]] | None = None
) -> None:
    """Make every document due for ``orders`` in one go and note them in each order's
    ``facts["documents"]`` (saved by ``_advance_order``, which then finds them made). A failing
    template only leaves its own document to ``_advance_order``, which reports it.

    ``made`` holds documents already made for this very state of an order (order_no → key →
    paths: the pipeline renders them while the next messages are read); those are noted, not
    made again."""
    todo: list[DocumentJob] = []
    noted = 0
    for job in documents_due(env, orders, now):
        order, key = job[0], job[4]
        paths = (made or {}).get(order.order_no, {}).get(key)
        if paths:
            order.facts.setdefault("documents", {})[key] = list(paths)
            noted += 1
        else:
            todo.append(job)
    if len(todo) < 2 and not noted:
        return  # nothing to share: _advance_order makes a single one as before
    if len(todo) >= 2:
        try:
            made_now = generate_documents(env, [job[:4] for job in todo], now)
        except Exception as exc:  # e.g. documents.pdf "always" and LibreOffice failing: per order below
            log.warning("workflow: documents not made in one go (%s); making them order by order", exc)
            return
        for (order, *_, key), paths in zip(todo, made_now):
            if paths is not None:
                order.facts.setdefault("documents", {})[key] = list(paths)
    crash_point("after_documents")


def _queue_documents(env: Env, orders: list[Order], now: dt.datetime, cause: Cause) -> set[str]:
    """Put the orders among ``orders`` that need a document now on the document queue (one
    transaction); their numbers. Their other actions go on now; those that need a document wait
    for the documents stage, which queues them with their documents."""
    order_nos = {job[0].order_no for job in documents_due(env, orders, now)}
    if order_nos:
        with env.store.transaction():
            for order_no in sorted(order_nos):
                env.store.queue_documents(order_no, cause, now)
        crash_point("after_documents_queued")
    return order_nos


def _next_version(made: dict, doc_kind: str, planned: set[tuple[str, str]], order_no: str) -> int:
    """The version ``_document`` would give: one more than the kind's documents filed so far,
    counting those planned in this same batch (``planned`` already holds this one)."""
    filed = sum(1 for key in made if key.split(":", 1)[0] == doc_kind)
    batch = sum(1 for number, key in planned if number == order_no and key.split(":", 1)[0] == doc_kind)
    return filed + batch


def _advance_order(
    env: Env,
    order: Order,
    now: dt.datetime,
    calendar: WorkingCalendar,
    cause: Cause,
    customers: list | None = None,
    documents: bool = True,
    before: str | None = None,
) -> list[Notice]:
    config, store = env.config, env.store
    if order.status in TERMINAL and steps.derive_status(order) in TERMINAL:
        return []
    # A payment advice not yet checked by staff holds the deposit reminders (a fact the pure
    # steps can read): open Review rows are the store's, so it is looked up here. Only an advice
    # from a sender on file for the customer holds them: anyone can write "we paid".
    advices = store.open_reviews(f"payment:{order.order_no}:")
    _set_fact(order, "payment_advice_open", sum(not (r.key or "").endswith(UNVERIFIED) for r in advices) or None)
    for record in notices.NOTICE_KINDS:
        if record.sets_fact:
            _set_fact(order, record.sets_fact, sent_day(env, order, record, now))
    customers = store.customers() if customers is None else customers
    released = master.release(env, order, steps.local_date(now, config), customers=customers)
    if released and not env.dry_run:
        _customer_confirmed(env, order, now, cause)  # the held notices are due below
    if master.follow(order, customers) and not env.dry_run:
        with store.savepoint():
            store.save_order(order, now)
    actions = steps.due(order, sent_notices(store, order.order_no, config), now, calendar, config)
    if not documents:
        actions = [a for a in actions if not _needs_document(a)]
    if env.dry_run:  # what would go, and nothing written: no documents, events or facts
        return [build_notice(order, a, config) for a in actions if isinstance(a, steps.SendNotice)]
    before = before if before is not None else steps.dumps_state(order)
    _money_facts(order, config)  # the letters print the deposit and balance amounts
    # Files first (outside the transaction): attachments must exist before the notice is queued.
    attachments: dict[str, tuple[str, ...]] = {}
    for action in actions:
        if isinstance(action, steps.SendNotice) and action.attach:
            paths = _document(env, order, action.attach, action.trigger, now, action.context)
            attachments[action.kind] = _pick_attachments(paths, action.audience, config.notices.attach_pdf)
        elif isinstance(action, steps.FileDocument):
            _document(env, order, action.doc_kind, action.trigger, now)
    queued: list[Notice] = []
    with store.savepoint():
        # Saved first: the outbox renders the email from the stored order (amounts, documents).
        refresh(env, order, now, calendar, cause, before)
        before = steps.dumps_state(order)
        still_held = {a.key for a in actions if isinstance(a, steps.Hold)}
        for action in actions:
            if isinstance(action, steps.SendNotice):
                notice = build_notice(order, action, config, attachments.get(action.kind, ()))
                if not notice.to:
                    _no_recipient(env, order, notice, action.to, now, cause)
                elif _queue_or_hold(env, order, notice, now, cause):
                    crash_point("after_queue")
                    queued.append(notice)
                    store.add_event(
                        now,
                        "notice_queued",
                        cause,
                        order.order_no,
                        {
                            "notice": notice.kind,
                            "key": notice.key,
                            "to": list(notice.to),
                            "due_on": action.due_on,
                            "late": bool(action.context.get("late")),
                        },
                    )
                    _close_holds(env, order, notice, still_held, now, cause)
            elif isinstance(action, steps.FileDocument):
                store.add_event(
                    now,
                    "document_filed",
                    cause,
                    order.order_no,
                    {
                        "document": action.doc_kind,
                        "paths": order.facts["documents"][f"{action.doc_kind}:{action.trigger}"],
                    },
                )
            elif isinstance(action, steps.Close):
                steps.reach(order, "closed", action.on, "timer")
                store.add_event(
                    now, "milestone_reached", cause, order.order_no, {"milestone": "closed", "on": action.on}
                )
            elif isinstance(action, steps.Hold):
                if store.add_review(now, action.reason, key=action.key, order_no=order.order_no):
                    store.add_event(now, "held", cause, order.order_no, {"reason": action.reason})
        close_reviews(
            env,
            order.order_no,
            steps.hold_key(order.order_no, "money:"),
            now,
            cause,
            "resolved: the amounts now add up",
            keep=still_held,
        )
        refresh(env, order, now, calendar, cause, before)
    return queued


def sent_day(env: Env, order: Order, record: notices.NoticeKind, now: dt.datetime | None = None) -> str | None:
    """The day notice ``record`` went (ISO), the value of its ``sets_fact``: the confirmed order
    form sent to the customer stops the reply clock. With the notice turned off, the day its
    milestone was reached (staff confirmed the order). Placed in Drafts by the ``drafts``
    transport it has not gone yet: a person signs it off and sends it (``drafts_signed_off``)."""
    if not steps.enabled(env.config, record.name):
        reached = steps.milestones(order).get(record.after or "")
        return reached.isoformat() if reached else None
    entry = env.store.notice(notices.notice_key(order.order_no, record.name, record.trigger))
    if entry is None or not entry.sent_at:
        return None
    if entry.transport == "drafts":
        return drafts_signed_off(env, order, record, now or dt.datetime.fromisoformat(entry.sent_at))
    return steps.local_date(dt.datetime.fromisoformat(entry.sent_at), env.config).isoformat()


def drafts_signed_off(env: Env, order: Order, record: notices.NoticeKind, now: dt.datetime) -> str | None:
    """A notice waiting in the Drafts folder counts as sent the day staff mark its Review row
    Done (they checked it and pressed Send): until then the clock it stops keeps running, so a
    draft nobody sends still brings the reminder and the escalation. The row is added the first
    time the draft is seen placed."""
    key = f"drafts:{order.order_no}:{record.name}"
    row = env.store.review_by_key(key)
    if row is None:
        if not env.dry_run:
            with env.store.transaction():
                env.store.add_review(
                    now,
                    f"{order.order_no}: the {record.name.replace('_', ' ')} to the customer waits in the"
                    " Drafts folder: check it, sign it off and press Send, then mark this row Done. Until then"
                    " it counts as not sent (the reply reminder and the escalation still go).",
                    key=key,
                    order_no=order.order_no,
                )
        return None
    if row.status != "done" or not row.done_at:
        return None
    return steps.local_date(dt.datetime.fromisoformat(row.done_at), env.config).isoformat()


def refresh(
    env: Env, order: Order, now: dt.datetime, calendar: WorkingCalendar, cause: Cause, before: str | None = None
) -> None:
    """Bring status and the displayed facts in line with the milestones; save when changed."""
    config, store = env.config, env.store
    payments.sync(env, order, now, cause)
    _money_facts(order, config)
    action, next_due = steps.next_step(order, sent_notices(store, order.order_no, config), now, calendar, config)
    _set_fact(order, "next_action", action or None)
    _set_fact(order, "next_due", next_due)
    status = steps.derive_status(order)
    if status != order.status:
        store.add_event(now, "status_changed", cause, order.order_no, {"from": order.status, "to": status})
        order.status = status
        if status in TERMINAL:
            close_reviews(env, order.order_no, "", now, cause, f"the order is {status.lower()}")
    _set_fact(order, "status", status)
    if before is None or steps.dumps_state(order) != before:
        store.save_order(order, now)


def _queue_or_hold(env: Env, order: Order, notice: Notice, now: dt.datetime, cause: Cause) -> bool:
    """Queue ``notice``; a notice that cannot be composed (a header the customer's mail would
    have changed, say) becomes a Review row instead, so the order's other notices still go."""
    try:
        return queue_notice(env, notice, now)
    except OutboxError as exc:
        reason = f"{notice.kind.replace('_', ' ')} was not sent: {exc}"
        if env.store.add_review(
            now,
            reason,
            key=steps.hold_key(order.order_no, f"{notice.kind}:{steps.UNCOMPOSED}"),
            order_no=order.order_no,
        ):
            env.store.add_event(now, "held", cause, order.order_no, {"notice": notice.kind, "reason": reason})
        return False


def _customer_confirmed(env: Env, order: Order, now: dt.datetime, cause: Cause) -> None:
    """The order's customer is confirmed: recorded, and the Review row that asked for it is done."""
    store = env.store
    with store.savepoint():
        store.save_order(order, now)
        store.add_event(now, "customer_confirmed", cause, order.order_no, {"customer": order.customer})
        for item in store.open_reviews("msg:", order.order_no, key_suffix=":customer"):
            store.mark_review(item.id, True, now)
            store.add_event(now, "review_done", cause, order.order_no, {"reason": item.reason, "key": item.key})


def _no_recipient(
    env: Env, order: Order, notice: Notice, roles: tuple[str, ...], now: dt.datetime, cause: Cause
) -> None:
    """Nobody to send to: a Review row once; the notice stays due and goes once an address is set."""
    where = (
        "the order's customer email"
        if roles == ("customer",)
        else ("company.staff." + " / company.staff.".join(roles) + " in config.yaml")
    )
    reason = f"{notice.kind.replace('_', ' ')} has no recipient: set {where}"
    if env.store.add_review(
        now, reason, key=steps.hold_key(order.order_no, f"{notice.kind}:no-recipient"), order_no=order.order_no
    ):
        env.store.add_event(now, "held", cause, order.order_no, {"notice": notice.kind, "reason": reason})


def _close_holds(env: Env, order: Order, notice: Notice, still_held: set[str], now: dt.datetime, cause: Cause) -> None:
    """The held notice went: its Review rows (no recipient, no customer email, no total) are
    done, in the transaction that queued it. A hold this run still reports stays open."""
    keys = [k for k in steps.hold_keys(order.order_no, notice.kind, notice.audience) if k not in still_held]
    if not keys:
        return
    for item in env.store.open_reviews_with_keys(keys):
        env.store.mark_review(item.id, True, now)
        env.store.add_event(
            now, "review_done", cause, order.order_no, {"reason": item.reason, "key": item.key, "notice": notice.kind}
        )


def _money_facts(order: Order, config) -> None:
    """Deposit Due (asked) and Balance Due (total − everything received) once confirmed."""
    confirmed = steps.passed(steps.milestones(order), "confirmed")
    where = money.position(order, config)
    _set_fact(order, "deposit_due", where.deposit_due if confirmed else None)
    _set_fact(order, "balance_due", where.balance_due if confirmed else None)


def _set_fact(order: Order, name: str, value: Any) -> None:
    value = steps.fact_value(value)
    if value is None:
        order.facts.pop(name, None)
    else:
        order.facts[name] = value


def _document(
    env: Env, order: Order, doc_kind: str, trigger: str, now: dt.datetime, extra: dict[str, Any] | None = None
) -> list[str]:
    """Generate a document once per (kind, trigger); its paths are kept in facts["documents"].

    A kind generated again for a new trigger (the confirmed order form after the acknowledged
    one, a pre-assembly letter for a moved date) is a new version (``v2``, ``v3``…) beside the
    earlier ones, never over them. The version counts the triggers already filed, so a retry
    after a crash writes the same version again.
    """
    documents = order.facts.setdefault("documents", {})
    key = f"{doc_kind}:{trigger}"
    if key not in documents:
        version = 1 + sum(1 for filed in documents if filed.split(":", 1)[0] == doc_kind)
        documents[key] = list(generate_document(env, order, doc_kind, now, extra, version=version))
    return documents[key]


def _pick_attachments(paths: list[str], audience: str, prefer_pdf: bool) -> tuple[str, ...]:
    """Customers get the PDF when one was made; staff get the editable .docx as well."""
    pdfs = [p for p in paths if p.lower().endswith(".pdf")]
    if audience == "customer" and prefer_pdf and pdfs:
        return tuple(pdfs)
    return tuple(paths)


def sent_notices(store: Store, order_no: str, config) -> dict[str, dt.date]:
    """Outbox keys recorded for the order, with the local date each was queued."""
    return {
        key: steps.local_date(dt.datetime.fromisoformat(created), config)
        for key, created in store.notice_dates(order_no).items()
    }


def recipients(order: Order, roles: Iterable[str], config) -> tuple[str, ...]:
    """Addresses for roles: the customer's, the order's account manager, else config's staff."""
    found: list[str] = []
    for role in roles:
        if role == "customer":
            found.extend([order.customer_email] if order.customer_email else [])
        elif role == "account_manager" and order.account_manager and "@" in order.account_manager:
            found.append(order.account_manager.strip())
        else:
            found.extend(config.company.staff.addresses(role))
    return tuple(dict.fromkeys(a for a in found if a))


def build_notice(order: Order, action: steps.SendNotice, config, attachments: tuple[str, ...] = ()) -> Notice:
    customer = action.audience == "customer"
    return Notice(
        order_no=order.order_no,
        kind=action.kind,
        trigger=action.trigger,
        to=recipients(order, action.to, config),
        language=order.language if customer else config.company.language,
        audience="customer" if customer else "internal",
        context=dict(action.context),
        attachments=attachments,
        in_reply_to=order.source_message_id if notices.kind(action.kind).answers_po else None,
        references=(order.source_message_id,) if customer and order.source_message_id else (),
    )


# --------------------------------------------------------------------------- staff edits


def apply_edits(
    env: Env, changes: StaffChanges | list[StaffEdit], now: dt.datetime, *, queue_documents: bool = False
) -> list[str]:
    """Staff edits → facts, milestones and status, then the notices they make due.

    ``record_edits`` records them (the one owner of a staff edit); ``advance`` then queues what
    they made due. A crash between the two loses nothing: ``advance`` is level-triggered, and the
    next timer run queues the same notices. Returns the orders changed. ``queue_documents`` as
    for ``advance`` (a cycle's documents stage makes what the edits made due).
    """
    order_nos = record_edits(env, changes, now)
    if order_nos:
        crash_point("after_edits")
        advance(env, now, order_nos, cause="tracker", queue_documents=queue_documents)
    return order_nos


def record_edits(env: Env, changes: StaffChanges | list[StaffEdit], now: dt.datetime) -> list[str]:
    """Record what one read of the tracker found, each order in one transaction.

    Per order: one ``tracker_edit`` event per edit, the order's new facts and status, and the
    shadow rows of its cells — together, so an edit is either applied and remembered as read, or
    neither (and the next read finds it again). Review rows, review marks and the shadow of cells
    that are not edits (values equal to mailflow's own) are recorded with them. Edits of
    mailflow-owned columns are ignored: the tracker restores them. An order that fails is rolled
    back alone (its edits stay unread in the workbook) and reported at the end.
    """
    if not isinstance(changes, StaffChanges):
        changes = StaffChanges(edits=list(changes))
    store = env.store
    calendar = WorkingCalendar.of(env.config.calendar)
    today = steps.local_date(now, env.config)
    by_order: dict[str, list[StaffEdit]] = {}
    for edit in changes.edits:
        by_order.setdefault(edit.order_no, []).append(edit)
    paid: dict[str, list[PaymentChange]] = {}
    for item in changes.payments:
        paid.setdefault(item.payment.order_no, []).append(item)
        by_order.setdefault(item.payment.order_no, [])
    payment_rows = {item.payment.ref: item.payment.order_no for item in changes.payments if item.payment.id}
    shadow_of: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for row in changes.shadow:
        shadow_of.setdefault(_shadow_order(row, by_order, payment_rows), []).append(row)
    done: list[str] = []
    failures: list[str] = []
    failed: set[str] = set()  # orders whose edits stay unread: their Review rows stay as they are
    with store.transaction():
        master.record_sheet(store, changes.customers, now)  # first: a corrected Customer may name one
        for order_no, order_edits in by_order.items():
            try:
                with store.savepoint():
                    order = store.order(order_no)
                    if order is None:
                        log.warning("staff edit for unknown order %s ignored", order_no)
                    else:
                        # A payment's date typed with its amount dates that payment.
                        paying: dict[str, dt.date | None] = {
                            money.PAYMENT_FIELDS[e.field]: None for e in order_edits if e.field in money.PAYMENT_FIELDS
                        }
                        for edit in order_edits:
                            if edit.field in money.PAID_ON_FIELDS and money.PAID_ON_FIELDS[edit.field] in paying:
                                paying[money.PAID_ON_FIELDS[edit.field]] = steps.as_date(edit.new)
                        for edit in order_edits:
                            _apply_edit(env, order, edit, now, today, paying)
                        payments.sheet_changes(env, order, paid.get(order_no, []), now)
                        _total_from_lines(env, order, order_edits, now)
                        _close_answered(env, order_no, order_edits, now)
                        refresh(env, order, now, calendar, "tracker")
                        done.append(order_no)
                    _save_shadow(store, shadow_of.get(order_no, []))
            except Exception as exc:  # this order's edits stay unread; the others go on
                log.exception("tracker edits of %s failed", order_no)
                failures.append(f"{order_no}: {type(exc).__name__}: {exc}")
                failed.add(order_no)
        for key, reason, review_order in changes.reviews:
            store.add_review(now, reason, key=key, order_no=review_order)
        close_keys(env, changes.answered, now, "tracker", "the cell now reads right", skip_orders=failed)
        for review_id, is_done in changes.review_marks:
            store.mark_review(review_id, is_done, now)
        _save_shadow(store, shadow_of.get("", []))
    if failures:
        raise MailflowError(
            "tracker edits: " + "; ".join(failures),
            hint="the edits stay in the workbook and are read again on the next run",
        )
    return done


def _shadow_order(
    row: tuple[str, str, str, str | None],
    edited: dict[str, list[StaffEdit]],
    payment_rows: dict[str, str] | None = None,
) -> str:
    """Which order's transaction records a shadow row: an Orders, Lines or Payments cell of an
    order with edits goes with them (read together or not at all); every other row with the
    rest ("")."""
    sheet, key = row[0], row[1]
    order_no = (
        key.rpartition("#")[0]
        if sheet == "Lines"
        else key
        if sheet == "Orders"
        else (payment_rows or {}).get(key, "")
        if sheet == "Payments"
        else ""
    )
    return order_no if order_no in edited else ""


def _total_from_lines(env: Env, order: Order, edits: list[StaffEdit], now: dt.datetime) -> None:
    """Lines amended under a change: the total is their sum, unless staff typed the Total too
    (theirs stands: a discount or a freight charge is not on any line)."""
    if not any(edit.line for edit in edits) or any(edit.field == "total" and not edit.line for edit in edits):
        return
    amounts = [line.amount for line in order.lines if line.amount is not None]
    if not amounts or len(amounts) < len(order.lines) or sum(amounts, Decimal(0)) == order.total:
        return
    old, order.total = order.total, sum(amounts, Decimal(0))
    env.store.add_event(
        now,
        "total_from_lines",
        "tracker",
        order.order_no,
        {"old": steps.fact_value(old), "new": steps.fact_value(order.total)},
    )


def _close_answered(env: Env, order_no: str, edits: list[StaffEdit], now: dt.datetime) -> None:
    """Review rows these edits answer: a value rejected before and now accepted, a payment
    advice now confirmed by the amount staff entered."""
    for edit in edits:
        name = f"line{edit.line}.{edit.field}" if edit.line else edit.field
        close_reviews(
            env,
            order_no,
            f"tracker-invalid:{order_no}:{name}:",
            now,
            "tracker",
            f"{edit.header or edit.field} corrected in the tracker",
        )
        if edit.line:  # a line edit refused before the change opened, taken in now
            close_reviews(
                env,
                order_no,
                f"tracker-line:{order_no}#{edit.line}:{edit.field}:",
                now,
                "tracker",
                f"line {edit.line} {edit.header} amended under the open change",
            )


def _save_shadow(store: Store, rows: list[tuple[str, str, str, str | None]]) -> None:
    by_sheet: dict[str, list[tuple[str, str, str | None]]] = {}
    for sheet, key, name, value in rows:
        by_sheet.setdefault(sheet, []).append((key, name, value))
    for sheet, updates in by_sheet.items():
        store.save_shadow(sheet, updates)


def _apply_edit(
    env: Env,
    order: Order,
    edit: StaffEdit,
    now: dt.datetime,
    today: dt.date,
    paying: dict[str, dt.date | None] | None = None,
) -> None:
    store = env.store
    if edit.line:
        _line_edit(env, order, edit, now)
        return
    owner = _OWNERS.get(edit.field)
    amending = edit.field in AMENDABLE and bool(order.facts.change_open)
    if owner not in ("staff", "both") and not amending:
        log.info("%s: edit of %s ignored (mailflow writes that column)", order.order_no, edit.field)
        return
    new = steps.fact_value(edit.new)
    store.add_event(
        now,
        "tracker_edit",
        "tracker",
        order.order_no,
        {"field": edit.field, "header": edit.header, "old": steps.fact_value(edit.old), "new": new},
    )
    if edit.field == "status":
        _staff_status(env, order, new, now, today)
        return
    if edit.field == "account_manager":
        order.account_manager = new
        return
    if edit.field == "customer":
        master.learn_from_correction(env, order, steps.fact_value(edit.old), new, now)
        if master.release(env, order, today, corrected=True):
            _customer_confirmed(env, order, now, "tracker")
        return
    if amending:  # the order amended under an open change
        order.total = money.amount(new)
        return
    if edit.field == "change":
        _staff_change(env, order, new, now, today)
        return
    if edit.field in money.PAYMENT_FIELDS:  # the amount received so far: the difference is a payment
        kind = money.PAYMENT_FIELDS[edit.field]
        first = not money.payment_dates(order, kind)  # a date typed before the first amount dates it
        typed_before = steps.as_date(order.facts.get(f"{kind}_paid_on")) if first else None
        payments.staff_amount(env, order, kind, new, (paying or {}).get(kind) or typed_before or today, now)
        payments.sync(env, order, now, "tracker")
        return
    if edit.field in money.PAID_ON_FIELDS:  # typed with an amount, it dated that payment above
        kind = money.PAID_ON_FIELDS[edit.field]
        if new is not None and kind not in (paying or {}):
            if not payments.staff_date(env, order, kind, steps.as_date(new), now):
                order.facts[edit.field] = new  # no payment yet: it dates the first one
        payments.sync(env, order, now, "tracker")
        return
    if new is None:
        order.facts.pop(edit.field, None)
    else:
        order.facts[edit.field] = new
    if edit.field == "inspection_result" and new is not None and new not in INSPECTION_RESULTS:
        store.add_review(
            now,
            f"inspection result {new!r} is not one of {', '.join(INSPECTION_RESULTS)}",
            key=f"workflow:{order.order_no}:inspection:{new}",
            order_no=order.order_no,
        )
    name, filled = steps.milestone_for_field(edit.field, new)
    if name is None:
        return
    if filled and steps.reach(order, name, steps.milestone_date(name, new, today), edit.field):
        store.add_event(now, "milestone_reached", "tracker", order.order_no, {"milestone": name, "via": edit.field})
    elif not filled and order.facts.get("milestones", {}).get(name, {}).get("via") == edit.field:
        steps.withdraw(order, [name])
        store.add_event(now, "milestone_withdrawn", "tracker", order.order_no, {"milestone": name, "via": edit.field})


def _line_edit(env: Env, order: Order, edit: StaffEdit, now: dt.datetime) -> None:
    """A line amended on the Lines sheet under an open change (``sync.read_lines`` lets no other
    through): the line takes the value, and its amount follows quantity × unit price."""
    if (
        not order.facts.change_open
        or edit.field not in AMENDABLE_LINE
        or edit.line is None
        or edit.line > len(order.lines)
    ):
        log.info("%s: edit of line %s %s ignored (no open change)", order.order_no, edit.line, edit.field)
        return
    new = steps.fact_value(edit.new)
    env.store.add_event(
        now,
        "tracker_edit",
        "tracker",
        order.order_no,
        {"field": edit.field, "line": edit.line, "header": edit.header, "old": steps.fact_value(edit.old), "new": new},
    )
    line = order.lines[edit.line - 1]
    if edit.field == "description":
        line.description = new
    else:
        setattr(line, edit.field, money.amount(new))
    if edit.field != "description":  # unknown when either is cleared: the total then waits for staff
        line.amount = (
            money.cents(line.quantity * line.unit_price)
            if line.quantity is not None and line.unit_price is not None
            else None
        )


def _staff_change(env: Env, order: Order, text: str | None, now: dt.datetime, today: dt.date) -> None:
    """Staff wrote in the Change column: Done (or cleared it) closes the open change, which
    makes the order's next revision (re-review, revised order form); other text is a note."""
    opened = order.facts.change_open
    if text is not None and text.strip().casefold() not in CHANGE_DONE:
        order.facts["change"] = text
        return
    if not opened:
        order.facts.pop("change", None)
        return
    revision = int(order.facts.revision or 1) + 1
    order.facts.pop("change_open", None)
    order.facts["revision"] = revision
    order.facts["change"] = f"Done {today.isoformat()}: revision v{revision}"
    env.store.add_event(now, "change_closed", "tracker", order.order_no, {"revision": revision, **opened})


def _staff_status(env: Env, order: Order, new: str | None, now: dt.datetime, today: dt.date) -> None:
    """Staff chose a Status: reach its milestone; moving back withdraws the later ones."""
    store = env.store
    if new not in STATUSES:
        store.add_review(
            now,
            f"Status {new!r} is not one of the tracker's statuses; left as {order.status}",
            key=f"workflow:{order.order_no}:status:{new}",
            order_no=order.order_no,
        )
        return
    if new == NEEDS_REVIEW:
        order.needs_review = True
        return
    if order.needs_review:
        order.needs_review = False
        order.facts["review_cleared"] = today.isoformat()
        store.add_event(now, "review_cleared", "tracker", order.order_no, {"status": new})
    if new == CANCELLED:
        order.facts["cancelled"] = today.isoformat()
        return
    order.facts.pop("cancelled", None)  # any other status reopens a cancelled order
    if new == INSPECTION_FAILED:
        order.facts["inspection_result"] = "Failed"
        keep = _MILESTONE_INDEX["production_complete"]
        if steps.reach(order, "production_complete", today, "status"):
            store.add_event(
                now,
                "milestone_reached",
                "tracker",
                order.order_no,
                {"milestone": "production_complete", "via": "status"},
            )
    elif new == RECEIVED:
        keep = -1
    else:
        milestone = MILESTONE_BY_STATUS[new]
        keep = _MILESTONE_INDEX[milestone.name]
        if steps.reach(order, milestone.name, today, "status"):
            store.add_event(
                now, "milestone_reached", "tracker", order.order_no, {"milestone": milestone.name, "via": "status"}
            )
    later = [m.name for m in MILESTONES[keep + 1 :]]
    gone = steps.withdraw(order, later)
    if gone:
        store.add_event(now, "milestone_withdrawn", "tracker", order.order_no, {"milestones": gone, "status": new})


# --------------------------------------------------------------------------- incoming mail


# The end of the Review key of a payment advice from a sender not on file for the customer (or
# in doubt): staff check it like any other, but it does not hold the deposit reminders.
UNVERIFIED = ":unverified"

APPROVE_WORDS = ("approve", "approved", "同意", "批准")


def approval_of(first_line: str) -> bool:
    """Whether a reply's first line says approve / approved / 同意 / 批准 (nothing more than
    punctuation around it): anything else — questions, "approved if…" — is for a person."""
    words = first_line.strip().strip(".!。！,，:：;； ").casefold()
    return words in APPROVE_WORDS


def _approval_reply(
    env: Env,
    order: Order,
    details: dict[str, Any],
    message_id: str | None,
    archived: str | None,
    tag: str,
    now: dt.datetime,
) -> None:
    """A reply to the shipping approval request: from a director's address, nothing speaking
    against the sender (a failed DMARC/SPF check, a Reply-To elsewhere, two senders), first line
    "approved" → that director's approval date; anything else → a Review row. The From alone
    is no proof: anyone can write a director's address there."""
    config, store = env.config, env.store
    sender = str(details.get("from") or "").strip().lower()
    roles = [
        role
        for role in steps.APPROVALS
        if sender and sender in (a.strip().lower() for a in config.company.staff.addresses(role))
    ]
    first = next((line for line in str(details.get("text") or "").splitlines() if line.strip()), "")
    doubts = [str(d) for d in details.get("sender_doubts") or ()]
    if roles and not doubts and approval_of(first):
        today = steps.local_date(now, config).isoformat()
        for role in roles:
            field = steps.APPROVALS[role]
            if not order.facts.get(field):
                order.facts[field] = today
                store.add_event(
                    now,
                    "approval_recorded",
                    "email",
                    order.order_no,
                    {"field": field, "by": sender, "on": today},
                    message_id=message_id,
                )
        refresh(env, order, now, WorkingCalendar.of(config.calendar), "email")
        return
    who = (
        f"{sender} is not the sales or finance director's address"
        if not roles
        else f"the sender is in doubt: {'; '.join(doubts)}"
        if doubts
        else (f"the first line does not say approve/approved/同意/批准: {first.strip()[:80]!r}")
    )
    store.add_review(
        now,
        f"reply to the shipping approval request, not taken as an approval ({who});"
        " read it, and fill the director's Approved column if it approves",
        key=f"approval:{order.order_no}:{tag}",
        order_no=order.order_no,
        message_id=message_id,
        link=archived,
    )


def _advice_reason(order: Order, proposal: Payment, config, trusted: bool = True) -> str:
    """The Review row of a payment advice: what it reports, the payment it proposes, what the
    order asks, and how staff confirm it."""
    where = money.position(order, config)
    what = proposal.kind
    asked = where.deposit_outstanding if what == "deposit" else where.balance_due
    code = order.currency or ""
    reported = proposal.amount
    said = f" of {code} {reported:,.2f}" if reported is not None else " (no single amount found in the mail)"
    quoted = f", reference {proposal.reference}" if proposal.reference else ""
    text = f"the customer reports the {what} paid{said}{quoted}"
    if proposal.status == DUPLICATE:
        return (
            text + f" — kept as payment {proposal.ref}, a Duplicate of a payment already recorded"
            " with that reference (see its own Review row): it is not counted again."
        )
    text += (
        f" — proposed as payment {proposal.ref} on the Payments sheet: check the bank, then set its Status"
        f" to Confirmed (correct Amount or Date first if they differ) or Rejected; entering the amount in"
        f" {payments.KIND_COLUMNS.get(what, 'Deposit Received')} confirms it too"
    )
    if asked is not None:
        text += f"; {what} asked: {code} {asked:,.2f}"
        if reported is not None and reported != asked:
            text += ", which the advice does not match"
    if not trusted:
        return text + (
            ". Reminders to the customer go on: the sender is not an address on file for the"
            " customer, or is in doubt (anyone can write that they paid)."
        )
    return text + ". Reminders to the customer wait while this row is open."


def on_email(
    env: Env,
    order: Order,
    kind: str,
    message_id: str | None,
    archived: str | None,
    details: dict[str, Any],
    now: dt.datetime,
) -> None:
    """Mail about a known order: an event, Review rows, and the change-request alert.

    Idempotent per message: Review rows and the alert are keyed by the message, so a message
    processed twice adds nothing the second time.
    """
    store, config = env.store, env.config
    today = steps.local_date(now, config)
    ident = message_id or archived or repr(sorted(details.items()))
    tag = hashlib.sha256(ident.encode("utf-8", "replace")).hexdigest()[:12]
    order = store.order(order.order_no) or order
    sender = details.get("sender") or details.get("from") or "the customer"
    warning = details.get("sender_warning") or ""
    loud = f" — WARNING: {warning}" if warning else ""
    heard = f" Sent by {sender}." + (f" WARNING: {warning}." if warning else "")
    with store.savepoint():
        store.add_event(
            now,
            f"email_{kind}",
            "email",
            order.order_no,
            {
                "subject": details.get("subject"),
                "from": details.get("from"),
                "archived": archived,
                "sender_on_file": details.get("sender_on_file"),
                "bank_change": details.get("bank_change"),
            },
            message_id=message_id,
        )
        if kind == "payment_advice":
            trusted = details.get("sender_on_file") and not details.get("sender_doubts")
            review_key = f"payment:{order.order_no}:{tag}" + ("" if trusted else UNVERIFIED)
            proposal = payments.propose(env, order, details, message_id, review_key, now)
            details = {
                **details,
                "amount": proposal.amount,
                "reference": proposal.reference,
                "payment": proposal.ref,
                "duplicate": proposal.status == DUPLICATE,
            }
            store.add_review(
                now,
                _advice_reason(order, proposal, config, bool(trusted)) + heard,
                key=review_key,
                order_no=order.order_no,
                message_id=message_id,
                link=archived,
            )
        elif kind == "inspection_reply":
            proposed = steps.proposed_dates(
                " ".join(str(details.get(k) or "") for k in ("proposed_date", "subject", "text")), today
            )
            if proposed:
                days = ", ".join(d.isoformat() for d in proposed)
                store.add_review(
                    now,
                    f"customer proposes inspection on {days} — agree and fill Inspection Date",
                    key=f"inspection:{order.order_no}:{tag}",
                    order_no=order.order_no,
                    message_id=message_id,
                    link=archived,
                )
        elif kind == "approval_reply":
            _approval_reply(env, order, details, message_id, archived, tag, now)
        elif kind == "change_request":
            store.add_review(
                now,
                f"change request from {sender}{loud} — amend the order (Total, dates) and"
                " write Done in its Change column: the department heads re-review it and the"
                " customer gets the revised order form",
                key=f"change:{order.order_no}:{tag}",
                order_no=order.order_no,
                message_id=message_id,
                link=archived,
            )
            if not order.facts.change_open:
                order.facts["change_open"] = {"opened": today.isoformat(), "ref": message_id or tag}
                order.facts["change"] = f"Open since {today.isoformat()}: amend, then write Done"
                store.add_event(
                    now, "change_opened", "email", order.order_no, {"opened": today.isoformat()}, message_id=message_id
                )
                store.save_order(order, now)
        record = notices.on_email(kind)
        if record is not None and steps.enabled(config, record.name):
            alert, roles = record.name, record.to
            excerpt = (details.get("text") or "")[:1000]
            action = steps.SendNotice(
                alert,
                tag,
                today,
                roles,
                record.audience,
                context={
                    "subject": details.get("subject"),
                    "from": details.get("from"),
                    "amount": details.get("amount"),
                    "summary": excerpt,
                    "archived": archived,
                    "sender": sender,
                    "sender_on_file": bool(details.get("sender_on_file")),
                    "sender_warning": warning,
                    "reference": details.get("reference"),
                    "payment": details.get("payment"),
                    "duplicate": bool(details.get("duplicate")),
                },
            )
            notice = build_notice(order, action, config, (archived,) if archived else ())
            if not notice.to:
                _no_recipient(env, order, notice, roles, now, "email")
            elif queue_notice(env, notice, now):
                crash_point("after_queue")
                store.add_event(
                    now,
                    "notice_queued",
                    "email",
                    order.order_no,
                    {"notice": alert, "key": notice.key, "to": list(notice.to)},
                )
