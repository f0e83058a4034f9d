"""One message through the pipeline, and one full cycle over every source.

``plan`` is pure: from a fetched message, its normalised form and its parse result (plus the few
facts it needs from the store, passed in as ``Known``) it decides what should happen — a ``Plan``.
``apply`` performs a plan in one store transaction (archive files are written first; they are
idempotent, so a rollback leaves nothing that a retry would not overwrite with the same bytes).

``run_once`` is the cycle that ``mailflow run --once`` and every daemon tick use:

    1. staff edits from the tracker → workflow           (tracker.read_edits reads, workflow.apply_edits
       records; an order they make a document due for goes on the document queue)
    2. every source: fetch → parse → plan → apply         (one transaction per message, which
       also puts a new order on the document queue; the daemon writes the tracker every
       tracker.sync_seconds meanwhile during a long backlog)
    3. the tracker, once the messages are read: every order's row before any of its documents
                                                          (tracker.write; queued if the file is open)
    4. timers: notices that came due; an order that needs a document for one goes on the
       document queue                                     (workflow.advance, queue_documents)
    5. documents, oldest order first: rendered, converted by one LibreOffice a few orders
       ahead, filed, and the notices that attach them queued (document_stage.DocumentStage.finish)
    6. the tracker again, for what 4 and 5 recorded       (left to the next cycle's write when
                                                           one follows at once: ``follow_up``)
    7. the mailbox action for the messages just committed (source.mark_done — never before commit)
    8. the outbox                                         (outbox.Sender.flush; ``run --once`` has
                                                           sent what it could meanwhile, while 5
                                                           waited for LibreOffice)

A failure in one message quarantines that message and the cycle goes on; a failure of one stage
(say the tracker is corrupt) is reported and the other stages still run.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import hashlib
import logging
import time
import traceback
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any, Callable, Collection, Sequence

from . import archive as archive_mod
from . import document_stage, extract, notices, outbox
from .cleantext import one_line
from .context import Env
from .customers import Customer, find_by_name, find_by_sender, master, master_name
from .customers.master import sender_for
from .customers.trust import Sender, mentions_bank_change, on_file
from .document_stage import DocumentStage
from .errors import LimitExceeded, MailflowError, MessageError
from .extract import ParseContext
from .faults import crash_point
from .message import parse as parse_mime
from .model import Message, Order, ParseResult, added_between, content_identity
from .parseworker import KnownPOs, NotPortable, close_pool, pool
from .sources import build_sources
from .sources.base import Fetched, Source
from .timelimit import time_limit
from .tracker import Tracker
from .workflow import engine as workflow  # read as "the workflow": advance, apply_edits, on_email

log = logging.getLogger("mailflow.pipeline")

# A message whose parse was begun this many times without an outcome (the process died each
# time) is quarantined instead of parsed again: a crash must not become a crash loop.
MAX_PARSE_ATTEMPTS = 3
MAX_REASON = 1000  # characters of a quarantine reason kept

# Reading ahead (``_read_ahead``): one message more than there are parse workers always, and up to
# this many a worker while the messages read ahead beyond those hold less than ``READ_AHEAD_BYTES``.
# A worker done with a short mail then takes the next one at once, instead of waiting for this
# process to finish with a long PDF still being read by the other worker.
READ_AHEAD_PER_WORKER = 4
READ_AHEAD_BYTES = 8 * 1024 * 1024


# --------------------------------------------------------------------------- plan (pure)


@dataclass(frozen=True)
class Known:
    """What ``plan`` needs to know from the store, looked up by the caller."""

    duplicate_of: int | None = None  # ledger id of an earlier copy of this message
    existing_order: Order | None = None  # same customer + PO number already recorded
    referenced_orders: tuple[Order, ...] = ()  # orders the message's references name
    answers: tuple[Order, str] | None = None  # (order, notice kind) of our notice this replies to
    sender: Sender | None = None  # who sent it, per the customer master and the inbox rules
    customers: tuple[Customer, ...] = ()  # the customer master

    def sender_doubts(self) -> list[str]:
        """What speaks against the sender (a failed DMARC/SPF check, a Reply-To elsewhere, two senders)."""
        return list(self.sender.doubts) if self.sender else []


@dataclass
class Plan:
    outcome: str  # processed | quarantined | duplicate | ignored
    reason: str | None = None
    kind: str | None = None
    new_order: Order | None = None  # order_no allocated at apply time
    order: Order | None = None  # the existing order this message belongs to
    file_under: str = "unfiled"  # order | unfiled | quarantine | none
    reviews: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    email_event: tuple[str, dict[str, Any]] | None = None  # workflow.on_email(kind, details)
    # An unfiled message whose review must point at this attachment (filed beside the mail)
    link_attachment: str | None = None

    new_customer: Customer | None = None  # a stranger's first PO: their Customers row (Status New)

    def describe(self) -> list[str]:
        lines = [f"outcome: {self.outcome}" + (f" ({self.reason})" if self.reason else "")]
        if self.kind:
            lines.append(f"kind: {self.kind}")
        if self.new_order:
            o = self.new_order
            lines.append(
                f"create order for {o.customer} PO {o.po_number}: {len(o.lines)} line(s),"
                f" total {o.currency or ''} {o.total if o.total is not None else '?'}"
                + (" — needs review" if o.needs_review else "")
            )
        if self.new_customer:
            lines.append(
                f"new customer {self.new_customer.name} (Status New) for {', '.join(self.new_customer.senders)}"
            )
        if self.order:
            lines.append(f"belongs to order {self.order.order_no} (PO {self.order.po_number})")
        if self.email_event:
            lines.append(f"workflow event: {self.email_event[0]}")
        for _, reason in self.reviews:
            lines.append(f"review: {reason}")
        lines.append(f"archive: {self.file_under}")
        return lines


# Our notices whose replies carry a decision: notice kind → the email event it becomes.
REPLY_KINDS = notices.reply_events()


def plan(
    message: Message,
    result: ParseResult,
    known: Known,
    *,
    now: dt.datetime,
    default_language: str = "en",
    account_manager: str | None = None,
) -> Plan:
    """Decide what one parsed message means. Pure: no store, no files, no clock."""
    if known.duplicate_of is not None:
        return Plan(
            "duplicate",
            reason=f"same message as ledger entry #{known.duplicate_of}",
            kind=result.kind,
            file_under="none",
        )
    kind = result.kind
    ident = message.identity
    if known.answers is not None and known.answers[1] in REPLY_KINDS:
        # A reply to one of our own requests (a director approving the shipping order): its
        # threading headers say which, whatever the text would classify as.
        order, notice = known.answers
        details = {
            "subject": message.subject,
            "from": message.from_addr,
            "text": message.text[:2000],
            "notice": notice,
            # a decision is taken only from a sender nothing speaks against (see customers.trust)
            "sender_doubts": known.sender_doubts(),
        }
        return Plan(
            "processed",
            kind=REPLY_KINDS[notice],
            order=order,
            file_under="order",
            email_event=(REPLY_KINDS[notice], details),
        )
    if kind == "purchase_order":
        return _plan_purchase_order(message, result, known, now, default_language, account_manager)
    if kind in ("payment_advice", "inspection_reply", "change_request"):
        orders = known.referenced_orders
        if len(orders) == 1:
            details = {
                "references": result.references,
                "subject": message.subject,
                "from": message.from_addr,
                "warnings": result.warnings,
                "text": message.text[:2000],
                **_sender_details(message, orders[0], known),
            }
            return Plan("processed", kind=kind, order=orders[0], file_under="order", email_event=(kind, details))
        if not orders:
            why = f"{kind.replace('_', ' ')} names no known order" + (
                f" (references: {', '.join(result.references)})" if result.references else ""
            )
        else:
            why = f"{kind.replace('_', ' ')} matches several orders: " + ", ".join(o.order_no for o in orders)
        return Plan("processed", reason=why, kind=kind, reviews=[(f"msg:{ident}:unmatched", why)])
    if kind == "auto_reply":
        return Plan("ignored", reason="auto-reply", kind=kind)
    if result.needs_review:
        # Not recognised, but it may be an order (a document nothing identifies, a known
        # customer, a known PO): a person decides. Mail is only ignored when certainly not one.
        why = "; ".join(result.warnings[:3]) or "possible order, not recognised"
        return Plan(
            "processed",
            reason=why,
            kind=kind,
            reviews=[(f"msg:{ident}:possible_order", why)],
            link_attachment=result.source,
        )
    return Plan("ignored", reason="not order mail", kind=kind)


def _plan_purchase_order(
    message: Message,
    result: ParseResult,
    known: Known,
    now: dt.datetime,
    default_language: str,
    account_manager: str | None,
) -> Plan:
    ident = message.identity
    parsed = result.order
    sender = known.sender
    if parsed is not None and sender is not None and sender.customer is not None and not sender.rule_customer:
        parsed = replace(parsed, customer=parsed.customer or sender.customer.name)  # the master knows them
    missing = [
        name
        for name, value in (
            ("PO number", parsed.po_number if parsed else None),
            ("customer", parsed.customer if parsed else None),
        )
        if not value
    ]
    if parsed is None or missing:
        why = "purchase order could not be read" + (f": no {' or '.join(missing)}" if missing else "")
        if result.warnings:
            why += " — " + "; ".join(result.warnings[:3])
        return Plan("processed", reason=why, kind="purchase_order", reviews=[(f"msg:{ident}:unreadable", why)])
    if known.existing_order is not None:
        existing = known.existing_order
        why = (
            f"PO {parsed.po_number} from {parsed.customer} was already recorded as {existing.order_no};"
            " this copy was filed with it — check it for changes"
        )
        warning = _sender_details(message, existing, known)["sender_warning"]
        if warning:  # a revised PO from a look-alike address is the favourite way to redirect goods
            why += f" — WARNING: {warning}"
        return Plan(
            "processed",
            reason="purchase order already recorded",
            kind="purchase_order",
            order=existing,
            file_under="order",
            reviews=[(f"msg:{ident}:repeat", why)],
        )
    lines, total, computed = _complete_amounts(parsed.lines, parsed.total)
    order = Order(
        order_no="",
        po_number=parsed.po_number,
        customer=parsed.customer,
        received_at=now,
        customer_email=result.customer_email or message.from_addr or None,
        language=result.language or default_language,
        account_manager=account_manager,
        po_date=parsed.po_date,
        requested_delivery=parsed.delivery_date,
        currency=parsed.currency,
        total=total,
        incoterms=parsed.incoterms,
        payment_terms=parsed.payment_terms,
        status="Needs review" if result.needs_review else "Received",
        lines=lines,
        source_message_id=message.message_id,
        needs_review=result.needs_review,
        facts={
            **({"total_computed": True} if computed else {}),
            **({"contact": parsed.contact} if parsed.contact else {}),
        },
    )
    reviews = []
    if result.needs_review:
        why = "check the order against the PO before anything goes to the customer: " + (
            "; ".join(result.warnings) or "low confidence"
        )
        reviews.append((f"msg:{ident}:needs_review", why))
    new_customer = None
    if sender is not None:
        new_customer, more = _plan_sender(order, sender, known, message, result, account_manager)
        reviews += [(f"msg:{ident}:{key}", why) for key, why in more]
    return Plan(
        "processed",
        kind="purchase_order",
        new_order=order,
        file_under="order",
        reviews=reviews,
        new_customer=new_customer,
    )


def _plan_sender(
    order: Order, sender: Sender, known: Known, message: Message, result: ParseResult, account_manager: str | None
) -> tuple[Customer | None, list[tuple[str, str]]]:
    """The customer master's part in a new order: its values, the hold on customer notices for
    a sender staff have not confirmed, the Status New row for a stranger, and the Review rows."""
    holds = master.apply_to_order(order, sender, account_manager)
    if result.customer_source:
        order.facts.setdefault("customer_source", result.customer_source)
    reviews: list[tuple[str, str]] = []
    new_customer = None
    if sender.ours:
        holds = [
            f"it came from our own address {sender.address} and the customer's address is not in it:"
            " check who the customer is"
        ]
    elif not sender.known:
        same_name = find_by_name(known.customers, order.customer)
        if same_name is None:
            new_customer = master.new_customer_from(
                order, sender, order.facts.get("contact") or message.from_name, result.language
            )
            holds = [
                f"first order from {sender.address or 'an unknown sender'}: {order.customer} is a new"
                " customer (a Status New row on the Customers sheet)"
            ]
        else:
            holds = [
                f"the PO names {same_name.name}, but {sender.address or 'its sender'} is not an address"
                f" on file for {same_name.name}"
            ]
    if holds:
        reviews.append(
            (
                "customer",
                "no notice goes to the customer until staff confirm it: "
                + "; ".join(holds)
                + ". Check the order; then set the customer's Status to Confirmed on the Customers"
                " sheet (with this address), or correct the order's Customer cell.",
            )
        )
    if sender.doubts:
        reviews.append(
            (
                "sender",
                "this mail may not be from whom it claims: "
                + "; ".join(sender.doubts)
                + ". Check with the customer on a known address or number before setting the Status;"
                " notices never go to the Reply-To.",
            )
        )
    if holds and not (result.needs_review or sender.doubts):
        order.facts[master.REVIEW_FACT] = "customer"  # confirming the customer is the whole review
    if holds or sender.doubts:
        order.needs_review = True
        order.status = "Needs review"
    return new_customer, reviews


def _sender_details(message: Message, order: Order, known: Known) -> dict[str, Any]:
    """For alerts to staff: who really sent a mail about ``order``, and whether that address is
    on file for the order's customer; a change of bank details is always flagged."""
    sender = known.sender.address if known.sender else (message.from_addr or "")
    rule_customer = known.sender.rule_customer if known.sender else None
    listed = on_file(
        sender,
        order.customer,
        list(known.customers),
        rule_customer=rule_customer,
        order_addresses=(order.customer_email or "", order.facts.get("sender") or ""),
    )
    warnings = []
    if not listed:
        warnings.append(f"{sender or 'the sender'} is NOT an address on file for {order.customer}")
    warnings.extend(known.sender_doubts())
    bank = mentions_bank_change(f"{message.subject}\n{message.text or ''}")
    if bank:
        warnings.append(
            "the mail speaks of new or changed bank details: confirm them with the customer on a"
            " known phone number before using them"
        )
    return {
        "sender": sender,
        "sender_on_file": listed,
        "sender_doubts": known.sender_doubts(),
        "bank_change": bank,
        "sender_warning": "; ".join(warnings),
    }


def _complete_amounts(lines: list, total):
    """Amounts the PO left out but fixes exactly: a line's quantity × unit price, and the order
    total as the sum of the lines when the document states none (a body PO, say). Nothing is
    filled when any line lacks what it takes; the parse result itself keeps its nulls."""
    if not lines or any(line.quantity is None or line.unit_price is None for line in lines if line.amount is None):
        return list(lines), total, False
    completed = [
        line if line.amount is not None else replace(line, amount=line.quantity * line.unit_price) for line in lines
    ]
    if total is not None:
        return completed, total, False
    return completed, sum((line.amount for line in completed), start=type(completed[0].amount)(0)), True


# --------------------------------------------------------------------------- apply (I/O)


@dataclass
class MessageReport:
    source: str
    source_key: str
    outcome: str
    reason: str | None = None
    kind: str | None = None
    order_no: str | None = None
    subject: str = ""
    archive_path: str | None = None
    new_order: bool = False


@dataclass(frozen=True)
class CycleError:
    """Something that went wrong in one cycle, as data: callers decide by ``stage`` (the part of
    the cycle that failed) and ``where`` (the source it concerned), never by reading the text.

    ``stage`` is one of ``STAGES``; ``where`` is the source's name for the stages that work on
    one source ("source", "message", "mailbox action"), else ""; ``error`` is the exception's
    class name, ``expected`` whether it was a ``MailflowError`` (a known kind of failure, not a
    bug); ``text`` is the line the log, ``run`` and ``status`` show."""

    stage: str
    where: str
    error: str
    expected: bool
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def reconnect(self) -> bool:
        """Whether the next cycle should start on fresh mailbox connections: a source could not
        be read or marked, which is how a dropped connection shows."""
        return self.stage in ("source", "mailbox action")


STAGES = (
    "tracker edits",
    "source",
    "message",
    "workflow timers",
    "documents",
    "tracker write",
    "mailbox action",
    "outbox",
)


@dataclass
class CycleReport:
    started: dt.datetime
    messages: list[MessageReport] = field(default_factory=list)
    orders_created: list[str] = field(default_factory=list)
    notices_queued: list[str] = field(default_factory=list)
    notices_sent: list[str] = field(default_factory=list)
    staff_edits: int = 0
    tracker: Any = None
    errors: list[CycleError] = field(default_factory=list)
    seconds: float = 0.0
    tracker_ready: float = 0.0  # seconds from the cycle's start until every order read was on the tracker
    documents_waiting: int = 0  # orders left on the document queue (the documents stage stopped early)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall clock per stage, summed
    # this process's CPU per stage (its threads too, not the parse workers nor LibreOffice): a
    # stage whose CPU is far below its wall clock waits for them, or for the disk
    stage_cpu: dict[str, float] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for report in self.messages:
            out[report.outcome] = out.get(report.outcome, 0) + 1
        return out


def parse_context(env: Env):
    return ParseContext(
        rules=env.rules,
        company=env.config.company,
        known_po=env.store.has_po,
        today=env.today(),
        limits=env.config.mailbox.limits,
        customer_of=lambda address: _master_name(env, address),
    )


def _master_name(env: Env, address: str) -> str | None:
    """The customer master's name for a sender address (the extraction's lookup seam)."""
    customer = find_by_sender(env.store.customers(), address)
    return customer.name if customer is not None else None


def look_up(env: Env, message: Message, result: ParseResult) -> Known:
    store = env.store
    earlier = store.seen_content(message.identity, message.sha256)
    customers = store.customers()
    sender = sender_for(env, message, result, customers)
    customer = result.order.customer if result.order else None
    if sender.customer is not None and not sender.rule_customer:
        customer = sender.customer.name
    existing = None
    if result.order and result.order.po_number and customer:
        existing = store.order_by_po(customer, result.order.po_number)
    referenced: dict[str, Order] = {}
    for po in result.references:
        for order in store.orders_by_po(po):
            referenced[order.order_no] = order
    answers = None
    replied = store.notice_by_message_id([message.in_reply_to or "", *message.references])
    if replied is not None and replied.kind in REPLY_KINDS and replied.order_no:
        order = store.order(replied.order_no)
        answers = (order, replied.kind) if order is not None else None
    return Known(
        duplicate_of=earlier.id if earlier else None,
        existing_order=existing,
        referenced_orders=tuple(referenced.values()),
        answers=answers,
        sender=sender,
        customers=tuple(customers),
    )


def process(
    env: Env,
    fetched: Fetched,
    *,
    dry_run: bool = False,
    adjust_known=None,
    reading: "_Reading | None" = None,
) -> tuple[MessageReport, Plan | None]:
    """Parse, plan and (unless ``dry_run``) apply one fetched message. Never raises for bad mail.

    ``adjust_known(message, known) -> Known`` lets ``mailflow replay`` decide which earlier
    ledger entries count as duplicates (see ``mailflow.replay``). ``reading`` is the message's
    reading begun ahead of its turn (``_ingest``); without it the message is read here."""
    now = env.now()
    limits = env.config.mailbox.limits
    if reading is None and not dry_run:
        died = _begin_parse(env, fetched)
        if died:
            return _quarantine(env, fetched, died), None
    elif reading is not None and reading.gave_up:
        return _quarantine(env, fetched, reading.gave_up), None
    try:
        if reading is None:
            message = _read_mime(fetched, limits)
            result = _extract(env, message)
        else:
            message, result = reading.take(env)
        if not dry_run:
            env.store.end_parse(fetched.source, fetched.source_key)  # only a death while reading counts
    except MessageError as exc:
        return _quarantine(env, fetched, str(exc), dry_run=dry_run), None
    except Exception as exc:  # an unexpected failure is a bug: keep the trace, quarantine, go on
        log.error("unexpected error on %s %s:\n%s", fetched.source, fetched.source_key, traceback.format_exc())
        return _quarantine(env, fetched, f"internal error: {type(exc).__name__}: {exc}", dry_run=dry_run), None

    known = look_up(env, message, result)
    reused = _reused_message_id(env, fetched, message) if known.duplicate_of is not None else None
    if reused is not None:
        # another mail under the Message-ID of an earlier one: read as a mail of its own
        message = replace(message, message_id=None)
        known = look_up(env, message, result)
    if adjust_known is not None:
        known = adjust_known(message, known)
    the_plan = plan(
        message,
        result,
        known,
        now=now,
        default_language=env.config.notices.customer_language,
        account_manager=next(iter(env.config.company.staff.account_manager), None),
    )
    if reused is not None:
        why = (
            f"this mail has the same Message-ID {reused[0]} as an earlier, different mail ({reused[1]}):"
            " it was read as a mail of its own; check who sent it"
        )
        the_plan.reviews.append((f"msg:{message.identity}:reused_id", why))
    report = MessageReport(
        fetched.source,
        fetched.source_key,
        the_plan.outcome,
        the_plan.reason,
        the_plan.kind,
        subject=message.subject,
    )
    if dry_run:
        return report, the_plan
    try:
        apply(env, fetched, message, the_plan, report)
    except MailflowError as exc:
        log.error("cannot apply %s: %s", message.identity, exc)
        return _quarantine(env, fetched, f"could not record: {exc}"), the_plan
    return report, the_plan


def _reused_message_id(env: Env, fetched: Fetched, message: Message) -> tuple[str, str] | None:
    """(Message-ID, archive path of the earlier mail) when ``message`` carries the Message-ID of
    an earlier mail whose content differs from its own; None for a copy of that mail.

    A copy delivered again, or through another server, differs in its header lines at most
    (``Received:``, line ends); a mail with another body is another mail, whatever its
    Message-ID says (an ERP naming mail after a document, a sender reusing a seen one)."""
    if not message.message_id:
        return None
    copies = env.store.archived_copies(message.identity, message.sha256)
    if not copies or any(copy.sha256 == message.sha256 for copy in copies):
        return None
    body = _mail_body(fetched.raw)
    for copy in copies:
        try:
            if _mail_body(env.archive.resolve(str(copy.archive_path)).read_bytes()) == body:
                return None
        except (OSError, ValueError):  # the copy cannot be read: cannot tell, a copy as before
            return None
    return message.message_id, str(copies[0].archive_path)


def _mail_body(raw: bytes) -> bytes:
    """What follows a mail's header block, its line ends made one kind."""
    text = raw.replace(b"\r\n", b"\n")
    return text.partition(b"\n\n")[2].rstrip(b"\n")


def _begin_parse(env: Env, fetched: Fetched) -> str:
    """Note that ``fetched`` is being read (see ``MAX_PARSE_ATTEMPTS``); the reason to quarantine
    it instead when the process died reading it too often before, else ""."""
    died = env.store.begin_parse(fetched.source, fetched.source_key, env.now())
    if died >= MAX_PARSE_ATTEMPTS:
        return (
            f"the process stopped {died} times while reading this message (out of memory,"
            " or killed); it is not read again"
        )
    return ""


def _read_mime(fetched: Fetched, limits: Any) -> Message:
    """The message's MIME structure (``MessageError`` for one over the limits)."""
    if fetched.oversize is not None:
        raise LimitExceeded(
            f"message is {fetched.oversize / 1048576:.1f} MB, over the"
            f" {limits.max_message_bytes / 1048576:.0f} MB limit"
        )
    return parse_mime(fetched.raw, limits)


def _worker_context(env: Env) -> tuple[Any, Collection[str], tuple]:
    """The parse context for a worker (the store lookups as plain data: a store connection cannot
    cross into it), with the PO numbers and customers it was made from."""
    known = KnownPOs(env.store.known_po_numbers())
    customers = tuple(env.store.customers())
    ctx = replace(parse_context(env), known_po=known, customer_of=functools.partial(master_name, customers))
    return ctx, known.numbers, customers


def _extract(env: Env, message: Message) -> ParseResult:
    """Read the message's attachments: in the bounded worker process (``parseworker``) unless
    ``limits.parse_in_worker`` is off, then here under a wall-clock limit only."""
    limits = env.config.mailbox.limits
    if limits.parse_in_worker:
        ctx, _, _ = _worker_context(env)
        try:
            return pool(limits.parse_workers).parse(message, ctx, limits)
        except NotPortable as exc:  # a context that cannot be sent: read here rather than not at all
            log.error("reading in this process, without the memory limit: %s", exc)

    with time_limit(limits.parse_seconds, "reading the attachments"):
        return extract.parse_message(message, parse_context(env))


def apply(env: Env, fetched: Fetched, message: Message, the_plan: Plan, report: MessageReport) -> None:
    store, arc, now = env.store, env.archive, env.now()
    day = now.astimezone(env.tz).date().isoformat()
    with store.transaction():
        order = the_plan.order
        if the_plan.new_order is not None:
            order = replace(the_plan.new_order, order_no=store.next_order_no(now.year))
            order.archive_dir = str(archive_mod.order_dir(order))
            report.new_order = True
        with arc.together():  # the mail and its attachments on disk at once, before they are recorded
            archive_path = _file_message(arc, fetched, message, the_plan, order, day)
            review_link = _file_unfiled_attachments(arc, message, the_plan, archive_path) or archive_path
            if order is not None and the_plan.new_order is not None:
                _file_attachments(arc, message, order)
        if order is not None and the_plan.new_order is not None:
            store.save_order(order, now)
            if the_plan.new_customer is not None:
                customer = replace(the_plan.new_customer, id=store.new_customer_id())
                store.save_customer(customer, now)
                store.add_event(
                    now,
                    "customer_added",
                    "email",
                    order.order_no,
                    {
                        "customer": customer.name,
                        "id": customer.id,
                        "status": customer.status,
                        "senders": customer.senders,
                    },
                )
            store.add_event(
                now,
                "order_received",
                "email",
                order.order_no,
                {
                    "po_number": order.po_number,
                    "customer": order.customer,
                    "lines": len(order.lines),
                    "needs_review": order.needs_review,
                },
                message_id=message.message_id,
            )
        for key, reason in the_plan.reviews:
            store.add_review(
                now,
                reason,
                key=key,
                order_no=order.order_no if order else None,
                message_id=message.message_id,
                link=review_link,
            )
        store.record_message(
            now,
            source=fetched.source,
            source_key=fetched.source_key,
            uidvalidity=fetched.uidvalidity,
            uid=fetched.uid,
            message_id=message.message_id,
            identity=message.identity,
            sha256=message.sha256,
            size=message.size,
            subject=message.subject[:500],
            sender=message.from_addr,
            kind=the_plan.kind,
            outcome=the_plan.outcome,
            reason=the_plan.reason,
            order_no=order.order_no if order else None,
            archive_path=archive_path,
        )
        if order is not None and the_plan.new_order is not None:
            # Orders first, documents after: what needs a document waits for the documents
            # stage (``document_stage``), queued here with the order.
            workflow.advance(env, now, [order.order_no], documents=False)
            store.queue_documents(order.order_no, "email", now)
        elif order is not None and the_plan.email_event is not None:
            kind, details = the_plan.email_event
            workflow.on_email(env, order, kind, message.message_id, archive_path, details, now)
    report.order_no = order.order_no if order else None
    report.archive_path = archive_path


def _file_message(arc, fetched, message: Message, the_plan: Plan, order: Order | None, day: str) -> str | None:
    if the_plan.file_under == "none":
        return None
    name = archive_mod.mail_name(message.message_id, message.sha256, day)
    if the_plan.file_under == "order" and order is not None:
        rel = archive_mod.order_folder(order) / "mail" / name
    else:
        rel = PurePosixPath("_unfiled", day, name)
    arc.put(rel, fetched.raw)
    return str(rel)


def _file_unfiled_attachments(arc, message: Message, the_plan: Plan, mail_path: str | None) -> str | None:
    """For a possible order that is not filed under an order: its attachments beside the mail
    (``<mail>.attachments/``), so the Review row links the document itself. Returns that link."""
    if the_plan.link_attachment is None or mail_path is None or the_plan.file_under != "unfiled":
        return None
    folder = PurePosixPath(mail_path + ".attachments")
    link = None
    for attachment in message.attachments:
        if attachment.inline:
            continue
        rel = folder / attachment.filename  # one safe component, unique in the message (see below)
        arc.put(rel, attachment.data)
        if link is None or attachment.filename == the_plan.link_attachment:
            link = str(rel)
    return link


def _file_attachments(arc, message: Message, order: Order) -> None:
    base = archive_mod.order_folder(order) / "attachments"
    for attachment in message.attachments:
        if attachment.inline:
            continue
        # ``filename`` is already one safe component, unique within the message (message.names):
        # naming it again would cut long names before their extension and merge them.
        arc.put(base / attachment.filename, attachment.data)


def _quarantine(env: Env, fetched: Fetched, reason: str, *, dry_run: bool = False) -> MessageReport:
    # A reason may quote the mail (an exception's text, a part's name): one line staff can read as
    # it is, in the record, the Review row, the .reason.txt and the log alike.
    reason = one_line(" ".join(reason.split()))[:MAX_REASON] or "quarantined"
    report = MessageReport(fetched.source, fetched.source_key, "quarantined", reason)
    if dry_run:
        return report
    now = env.now()
    sha = hashlib.sha256(fetched.raw).hexdigest()
    day = now.astimezone(env.tz).date().isoformat()
    copy = hashlib.sha256(f"{fetched.source}\0{fetched.source_key}\0{sha}".encode()).hexdigest()
    path = str(env.archive.quarantine(f"{sha[:16]}-{copy[:8]}", fetched.raw, reason, day))
    with env.store.transaction():
        env.store.record_message(
            now,
            source=fetched.source,
            source_key=fetched.source_key,
            uidvalidity=fetched.uidvalidity,
            uid=fetched.uid,
            message_id=None,
            identity=content_identity(sha),
            sha256=sha,
            size=fetched.oversize or len(fetched.raw),
            outcome="quarantined",
            reason=reason[:1000],
            archive_path=path,
        )
        env.store.add_review(
            now, f"quarantined: {reason}", key=f"quarantine:{fetched.source}:{fetched.source_key}", link=path
        )
    report.archive_path = path
    log.warning("quarantined %s %s: %s", fetched.source, fetched.source_key, reason)
    return report


# --------------------------------------------------------------------------- the cycle


def run_once(
    env: Env,
    sources: Sequence[Source] | None = None,
    *,
    tracker: Any = None,
    flush: bool = True,
    progress: Any = None,
    documents: DocumentStage | None = None,
    until: Callable[[], bool] | None = None,
    follow_up: bool = False,
    pace_tracker: bool = True,
) -> CycleReport:
    """One full cycle (see the module docstring). Returns what happened, for the CLI and status.

    The daemon passes its own ``documents`` stage (kept between cycles, so documents begun in
    one cycle are collected in the next) with ``until``, which stops the documents stage between
    two orders when fresh mail waits; and ``follow_up`` when it runs another cycle at once after
    one that read mail: the tracker is then written once per cycle, after the messages, and what
    the documents and the timers recorded after that goes with the next cycle's write.
    ``pace_tracker=False`` (``run --once``) leaves out the tracker writes every
    ``tracker.sync_seconds`` while a long backlog is read: a one-off run's tracker is written
    once its messages are read (and once more after its documents), and each write in between
    (seconds, on a big tracker) only put off the rows of the orders still to come.

    The parse workers and LibreOffice never run side by side (together they would hold about
    twice the memory of either): the documents stage makes way (its LibreOffice ends) before
    the cycle's first message is read, and the parse workers end once the messages are read,
    before the documents stage starts LibreOffice again. A cycle without mail starts no worker."""
    started = time.monotonic()
    now = env.now()
    report = CycleReport(started=now)
    first_notice = env.store.last_notice_id()
    own_sources = sources is None
    if sources is None:
        sources = build_sources(env)
    if tracker is None:
        tracker = Tracker(env)
    own_documents = documents is None
    docs = DocumentStage(env) if documents is None else documents
    try:
        _stage(report, "tracker edits", lambda: _read_edits(env, tracker, report, now))
        pacer = _TrackerPacer(env, tracker, report) if pace_tracker else None
        for source in sources:  # LibreOffice makes way before a parse worker starts
            _stage(
                report,
                "source",
                lambda s=source: _ingest(env, s, report, progress, pacer, lambda n: _before_reading(env, docs, n)),
                where=source.name,
            )
        written = bool(report.messages)
        close_pool()  # the messages are read: the workers' memory goes back before LibreOffice starts
        docs.warm()  # and LibreOffice starts while the tracker is written
        if written:  # the rows of the orders just read, before any of their documents is made
            report.tracker = _stage(report, "tracker write", lambda: tracker.write(env.now()))
        report.tracker_ready = time.monotonic() - started
        # The timers queue the documents they make due (a shipping order, a letter) for the
        # documents stage, which makes them with the documents of the orders just read.
        waiting = {order_no for order_no, _ in env.store.queued_documents()}
        _stage(report, "workflow timers", lambda: workflow.advance(env, env.now(), later=waiting, queue_documents=True))
        # ``run --once`` sends the notices whose documents are filed while LibreOffice makes
        # the next ones; the daemon flushes after the cycle (``flush=False``).
        sender = outbox.Sender(env, env.now()) if flush else None
        meanwhile = _Meanwhile(sender.send_next) if sender is not None else None
        _stage(report, "documents", lambda: docs.finish(until, meanwhile))
        report.documents_waiting = len(env.store.queued_documents())
        if not (written and follow_up):
            report.tracker = _stage(report, "tracker write", lambda: tracker.write(env.now()))
        for source in sources:
            _stage(report, "mailbox action", lambda s=source: _finish(env, s), where=source.name)
        if flush:
            flushed = _stage(report, "outbox", lambda: (sender or outbox.Sender(env, env.now())).flush())
            report.notices_sent = list(flushed.sent) if flushed is not None else []
    finally:
        if own_documents:
            docs.close()
        if own_sources:
            for source in sources:
                try:
                    source.close()
                except Exception:  # closing is best effort
                    pass
    report.notices_queued = env.store.notice_keys_after(first_notice)
    report.orders_created = [m.order_no for m in report.messages if m.new_order and m.order_no]
    report.seconds = time.monotonic() - started
    log.info(
        "cycle took %.1f s: %s",
        report.seconds,
        ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.stage_seconds.items()),
    )
    _record_cycle(env, report)
    return report


def _stage(report: CycleReport, stage: str, work, where: str = "") -> Any:
    """Run one stage of the cycle; an error is logged and reported, and the cycle goes on."""
    name = f"{stage} {where}" if where else stage
    began, cpu = time.monotonic(), time.process_time()
    try:
        return work()
    except MailflowError as exc:
        report.errors.append(CycleError(stage, where, type(exc).__name__, True, f"{name}: {exc}"))
        log.error("%s: %s", name, exc)
    except Exception as exc:
        text = f"{name}: internal error: {type(exc).__name__}: {exc}"
        report.errors.append(CycleError(stage, where, type(exc).__name__, False, text))
        log.error("%s failed:\n%s", name, traceback.format_exc())
    finally:
        report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + time.monotonic() - began
        report.stage_cpu[stage] = report.stage_cpu.get(stage, 0.0) + time.process_time() - cpu
    return None


def _read_edits(env: Env, tracker, report: CycleReport, now: dt.datetime) -> None:
    if not tracker.path.exists():
        return
    changes = tracker.read_edits(now)  # reads only: nothing is recorded yet
    report.staff_edits = len(changes.edits)
    if changes:
        crash_point("after_read_edits")  # a crash here loses nothing: the shadow has not moved
        workflow.apply_edits(env, changes, now, queue_documents=True)  # their documents: the documents stage's
    tracker.mark_read(changes)


@dataclass
class _Reading:
    """A message whose attachments a parse worker reads while the messages before it are
    planned and recorded, and what that reading assumed of the store.

    What a message means can depend on what the messages before it recorded: a PO number on
    record makes a mail that names it a follow-up, not a new order, and the customer master
    names the buyer. A reading begun before those were recorded is used only if nothing
    recorded since bears on it — no new PO number in its subject or text, the same customers —
    and is read again (now) otherwise, so the outcome is what reading in turn would give."""

    message: Message | None = None
    future: Any = None  # the worker's ParseResult, to come
    problem: str = ""  # the MIME parse failed: the message is quarantined with this reason
    gave_up: str = ""  # read too often before by a process that died: quarantined unread
    known: Collection[str] = frozenset()  # PO numbers on record when the reading began (``po_key``)
    customers: tuple = ()

    def take(self, env: Env) -> tuple[Message, ParseResult]:
        """The message and its parse result, waiting for the worker; raises ``MessageError``."""
        if self.problem or self.message is None:
            raise MessageError(self.problem or "the message was not read")
        try:
            result = self.future.result()
        except NotPortable:
            return self.message, _extract(env, self.message)
        if self._outdated(env):
            result = _extract(env, self.message)
        return self.message, result

    def _outdated(self, env: Env) -> bool:
        if tuple(env.store.customers()) != self.customers:
            return True
        new = added_between(env.store.known_po_numbers(), self.known)
        text = f"{self.message.subject}\n{self.message.text or ''}".casefold()
        return any(po in text for po in new)


def _begin_reading(env: Env, fetched: Fetched, workers: Any) -> _Reading:
    """Mark ``fetched`` as being read, parse its MIME here and hand its attachments to a worker."""
    limits = env.config.mailbox.limits
    died = _begin_parse(env, fetched)
    if died:
        return _Reading(gave_up=died)
    try:
        message = _read_mime(fetched, limits)
    except MessageError as exc:
        return _Reading(problem=str(exc))
    except Exception as exc:  # a bug: keep the trace; the message is quarantined in its turn
        log.error("unexpected error on %s %s:\n%s", fetched.source, fetched.source_key, traceback.format_exc())
        return _Reading(problem=f"internal error: {type(exc).__name__}: {exc}")
    ctx, known, customers = _worker_context(env)
    future = workers.submit(pool(limits.parse_workers).parse, message, ctx, limits)
    return _Reading(message, future, known=known, customers=customers)


def _read_ahead(env: Env, items: Any) -> Any:
    """``(fetched, reading)`` in the order ``items`` come, with the next messages being read by the
    workers meanwhile (``reading`` None: read it in its turn): one more than there are workers
    always, and up to ``READ_AHEAD_PER_WORKER`` a worker while those beyond hold less than
    ``READ_AHEAD_BYTES``. Without them, a worker done with its message sat idle while this
    process recorded the message before it (its files flushed to disk), or waited for a long PDF
    the other worker was still reading: messages are handed out in order, and a mail typed in
    its body is read in a tenth of a PDF's time.

    Only the attachments are read ahead; each message is still planned and recorded alone, in
    order, in its own transaction. Every message taken from ``items`` is handed out, also when
    the source stops yielding (a stop was requested), so no message is left marked as being
    read by a process that did not die.

    A message left marked as being read by a process that died is read alone, with nothing
    beside it: when the process dies again, the death is counted against that message only, and
    a message that merely sat beside a killer is never quarantined as one."""
    limits = env.config.mailbox.limits
    if not limits.parse_in_worker or limits.parse_workers < 2:
        for item in items:
            yield item, None
        return
    pending: deque = deque()
    items = iter(items)
    suspects = env.store.unfinished_reads()
    alone = None  # a suspect, waiting for the readings before it to be handed out
    at_least, at_most = limits.parse_workers + 1, limits.parse_workers * READ_AHEAD_PER_WORKER
    with ThreadPoolExecutor(max_workers=limits.parse_workers, thread_name_prefix="parse") as workers:
        while True:
            while alone is None and (
                len(pending) < at_least or (len(pending) < at_most and _held(pending, at_least) < READ_AHEAD_BYTES)
            ):
                item = next(items, None)
                if item is None:
                    break
                if (item.source, item.source_key) in suspects:
                    alone = item
                else:
                    pending.append((item, _begin_reading(env, item, workers)))
            if pending:
                yield pending.popleft()
            elif alone is not None:
                yield alone, None  # read in its turn, by ``process``, with nothing beside it
                alone = None
            else:
                return


def _held(pending: deque, beyond: int) -> int:
    """The bytes of the messages in ``pending`` after the first ``beyond``."""
    return sum(len(item.raw) for index, (item, _) in enumerate(pending) if index >= beyond)


def _ingest(
    env: Env,
    source: Source,
    report: CycleReport,
    progress: Any = None,
    pacer: Any = None,
    before_first: Callable[[int], None] | None = None,
) -> None:
    """Every new message of ``source``, in turn; ``before_first(n)`` once there is one (``n``: how
    many there are, up to one for each parse worker)."""
    limits = env.config.mailbox.limits
    ahead = max(1, limits.parse_workers) if limits.parse_in_worker else 1
    items = source.fetch_new() if before_first is None else _announced(source.fetch_new(), before_first, ahead)
    for item, reading in _read_ahead(env, items):
        try:
            message_report, _ = process(env, item, reading=reading)
        except Exception as exc:  # even quarantining failed (a full disk?): the next message still goes
            log.error("cannot process %s %s:\n%s", item.source, item.source_key, traceback.format_exc())
            text = f"{source.name} {item.source_key}: {type(exc).__name__}: {exc}"
            report.errors.append(CycleError("message", source.name, type(exc).__name__, False, text))
            continue
        report.messages.append(message_report)
        if progress is not None:
            progress(message_report)
        if pacer is not None:
            pacer.tick()


def _before_reading(env: Env, docs: Any, messages: int) -> None:
    """Before a cycle's first message: LibreOffice makes way, then a parse worker for each of the
    ``messages`` there are (``limits.parse_workers`` at most) starts and loads its readers, before
    any message is marked as being read (see ``WorkerPool.warm``). A daemon's cycle mostly has one
    new mail: it starts one worker (0.9 s of processor time), not one it would never use."""
    docs.make_way()
    limits = env.config.mailbox.limits
    if limits.parse_in_worker:
        pool(limits.parse_workers).warm(limits.worker_memory_mb, messages)


def _announced(items: Any, before_first: Callable[[int], None], ahead: int = 1) -> Any:
    """``items`` as they come, ``before_first(n)`` called before the first is handed out, ``n``
    being how many of the first ``ahead`` there are (the source is asked for them first)."""
    items = iter(items)
    try:
        first = list(itertools.islice(items, ahead))
        if first:
            before_first(len(first))
        yield from first
        yield from items
    finally:
        close = getattr(items, "close", None)
        if close:
            close()


class _TrackerPacer:
    """Writes the tracker during a long backlog every ``tracker.sync_seconds``, so the orders
    read so far reach it while the rest is still being parsed (the cycle's own write follows)."""

    def __init__(self, env: Env, tracker: Any, report: CycleReport) -> None:
        self.env, self.tracker, self.report = env, tracker, report
        self.every = max(1, env.config.tracker.sync_seconds)
        self.last = time.monotonic()

    def tick(self) -> None:
        if time.monotonic() - self.last < self.every:
            return
        self.report.tracker = _stage(self.report, "tracker write", lambda: self.tracker.write(self.env.now()))
        self.last = time.monotonic()


class _Meanwhile:
    """Work done while the documents stage waits for LibreOffice, which must not stop that stage:
    once it fails it is not called again (the failure is logged; the outbox stage after the
    documents meets it again and reports it)."""

    def __init__(self, work: Callable[[], bool]) -> None:
        self.work: Callable[[], bool] | None = work

    def __call__(self) -> bool:
        if self.work is None:
            return False
        try:
            return self.work()
        except Exception:
            log.warning("sending while the documents are made failed (left to the outbox stage):", exc_info=True)
            self.work = None
            return False


def make_documents(env: Env) -> list[str]:
    """The documents stage alone (``document_stage.make_documents``): for ``mailflow replay``."""
    return document_stage.make_documents(env)


def _finish(env: Env, source: Source) -> None:
    """Apply the mailbox action to every committed message that lacks it (incl. after a crash).

    One message the mailbox refuses to mark stays pending (tried again next cycle) and does not
    hold up the others; the failures are raised together at the end for the cycle report."""
    entries = env.store.pending_done(source.name)
    if entries:
        crash_point("after_commit")
    failures: list[str] = []
    for entry in entries:
        item = Fetched(entry.source, entry.source_key, b"", uidvalidity=entry.uidvalidity, uid=entry.uid)
        try:
            source.mark_done(item)
        except Exception as exc:
            failures.append(f"{entry.source_key}: {exc}")
            continue
        with env.store.transaction():
            env.store.mark_done(entry.source, entry.source_key, env.now())
    if failures:
        raise MailflowError(f"{len(failures)} message(s) not marked done: " + "; ".join(failures[:3]))


def _record_cycle(env: Env, report: CycleReport) -> None:
    with env.store.transaction():
        env.store.set_status(
            "last_cycle",
            {
                "at": report.started.isoformat(),
                "seconds": round(report.seconds, 3),
                "messages": report.counts(),
                "orders_created": len(report.orders_created),
                "tracker_ready": round(report.tracker_ready, 3),
                "stages": {stage: round(seconds, 3) for stage, seconds in report.stage_seconds.items()},
                "stages_cpu": {stage: round(seconds, 3) for stage, seconds in report.stage_cpu.items()},
                "errors": [str(e) for e in report.errors[-5:]],
            },
            env.now(),
        )
        if report.errors:
            env.store.set_status(
                "last_error", {"at": env.now().isoformat(), "error": str(report.errors[-1])}, env.now()
            )
