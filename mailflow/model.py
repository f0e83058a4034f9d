"""Plain values that flow through the pipeline.

No I/O here and no behaviour beyond conversions: every stage takes and returns these. Money and
quantities are ``Decimal``; dates are ``datetime.date``; instants are timezone-aware
``datetime``. JSON conversion follows the ``mailflow parse --json`` contract (dates as
``YYYY-MM-DD``, decimals as plain strings with ``.``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Collection, Iterator, MutableMapping
from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal
from typing import Any, Literal

Kind = Literal[
    "purchase_order",
    "payment_advice",
    "inspection_reply",
    "change_request",
    "auto_reply",
    "other",
]
Cause = Literal["email", "tracker", "timer", "cli"]  # why an event happened


# --------------------------------------------------------------------------- PO numbers


def po_clean(po_number: str) -> str:
    """A PO number as it is kept: compatibility forms folded (full-width digits and letters),
    invisible format characters (zero-width spaces and joiners, direction marks, BOMs) dropped
    and surrounding white space trimmed."""
    text = unicodedata.normalize("NFKC", po_number or "")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def po_key(po_number: str) -> str:
    """What makes two PO numbers the same PO: ``po_clean`` and letter case ignored. Every
    comparison of PO numbers (a resent order, a reference to one, the numbers on record) uses it,
    so ``kt-00001`` is the order ``KT-00001`` already is."""
    return po_clean(po_number).casefold()


class KnownNumbers:
    """The PO numbers on record (``po_key`` values) as seen at one moment, made to be taken often.

    On a desk with 20,000 orders every message asks for them, twice, and its parse worker holds
    a copy: a frozenset grown by one number costs a copy of all of them (half a millisecond), and
    what changed between two of them is found by comparing them whole (as much again). Instead,
    the numbers of one ``lineage`` share one list, in the order they came, and each value is a
    length of it: ``grown`` adds at the end and returns the longer value, the shorter stays as it
    was; ``since`` is the slice between two. A number is in a value only if it came before the
    value's length. Pickled (for a worker), a value is a plain frozenset of its numbers.

        known = KnownNumbers.of(["po-1"]); later = known.grown(["po-2"])
        later.since(known) == ["po-2"]; "po-2" in later and "po-2" not in known
    """

    __slots__ = ("_order", "_at", "_size")

    def __init__(self, order: list[str], at: dict[str, int], size: int) -> None:
        self._order, self._at, self._size = order, at, size  # ``order[:size]``; ``at``: number → its place

    @classmethod
    def of(cls, numbers: Any) -> "KnownNumbers":
        """A new lineage holding ``numbers`` (``po_key`` values)."""
        return cls([], {}, 0).grown(numbers)

    def grown(self, numbers: Any) -> "KnownNumbers":
        """These numbers and ``numbers`` (those not already here added at the end). Only the
        longest value of a lineage grows it in place; any other starts a lineage of its own."""
        if self._size != len(self._order):
            order, at = self._order[: self._size], {n: i for n, i in self._at.items() if i < self._size}
        else:
            order, at = self._order, self._at
        for number in numbers:
            if number not in at:
                at[number] = len(order)
                order.append(number)
        return KnownNumbers(order, at, len(order))

    def since(self, older: Any) -> list[str] | None:
        """The numbers added between ``older`` and these, in order, or None when ``older`` is not
        an earlier value of this lineage (the caller compares them whole)."""
        if isinstance(older, KnownNumbers) and older._order is self._order and older._size <= self._size:
            return self._order[older._size : self._size]
        return None

    def __contains__(self, number: object) -> bool:
        return self._at.get(number, self._size) < self._size  # type: ignore[call-overload]

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        return iter(self._order[: self._size])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (KnownNumbers, set, frozenset)):
            return len(self) == len(other) and all(number in self for number in other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (frozenset, (self._order[: self._size],))

    def __repr__(self) -> str:
        return f"KnownNumbers({len(self)} numbers)"


def added_between(newer: Any, older: Any) -> Collection[str]:
    """The numbers in ``newer`` and not in ``older``: a slice when both are values of one
    lineage (``KnownNumbers.since``), else the two compared whole."""
    if isinstance(newer, KnownNumbers):
        added = newer.since(older)
        if added is not None:
            return added
    return set(newer) - set(older)


# --------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class Attachment:
    """One attachment, already made safe: ``filename`` can be joined to a folder as-is."""

    filename: str  # sanitised; never contains a path separator
    content_type: str  # sniffed from the bytes, not the declared one
    data: bytes = field(repr=False)
    original_filename: str = ""  # decoded, for display only
    declared_type: str = ""
    inline: bool = False  # Content-Disposition inline / referenced by cid (logos, signatures)
    content_id: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def extension(self) -> str:
        name = self.filename.lower()
        return name.rsplit(".", 1)[-1] if "." in name else ""


@dataclass(frozen=True)
class Message:
    """A normalised email: decoded headers, one text body, attachments flattened.

    Attachments of forwarded messages (message/rfc822) are flattened into ``attachments``; the
    forwarded text is appended to ``text`` after a marker line.
    """

    sha256: str  # of the raw bytes: the content identity used by the ledger
    size: int
    message_id: str | None  # "<...>" as in the header, or None when absent
    subject: str = ""
    from_addr: str = ""  # lower-case address
    from_name: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    reply_to: str | None = None
    date: dt.datetime | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # (lower-case name, decoded value)
    text: str = ""  # the plain body (HTML-only mail converted to text)
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    warnings: tuple[str, ...] = ()  # charset repairs, MIME defects: for the explain output
    # numbers the plain-text version of a multipart/alternative says and its HTML does not show
    # (``message.hidden.unseen_numbers``): Review names them when the order was read from one
    unseen_numbers: tuple[str, ...] = ()
    # Addresses the From header(s) name besides ``from_addr``: a mail claiming two senders
    # (two From headers, or two addresses in one) is from no one in particular.
    other_senders: tuple[str, ...] = ()
    # ``from_addr`` is not written plainly in a From header (only inside an encoded word, or only
    # in a Sender header): the receiving server's DMARC check could not see it
    sender_unchecked: bool = False

    def header(self, name: str, default: str | None = None) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key == name:
                return value
        return default

    @property
    def identity(self) -> str:
        """Message-ID when present, else the content hash: the dedup key across rescans."""
        return self.message_id or content_identity(self.sha256)


def content_identity(sha256: str) -> str:
    """The stand-in Message-ID of a message that has none (or could not be parsed)."""
    return f"<sha256-{sha256}@mailflow.invalid>"


# --------------------------------------------------------------------------- parsing


@dataclass
class OrderLine:
    item: str | None = None
    description: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None
    delivery_date: dt.date | None = None


@dataclass
class ParsedOrder:
    po_number: str | None = None
    customer: str | None = None  # the buying company, never a person (see extract.parties)
    contact: str | None = None  # the buyer as a person ("Irene Young"), for greetings
    po_date: dt.date | None = None
    delivery_date: dt.date | None = None
    currency: str | None = None
    incoterms: str | None = None
    payment_terms: str | None = None
    total: Decimal | None = None
    lines: list[OrderLine] = field(default_factory=list)

    def figures(self) -> set[Decimal]:
        """The numbers the order was read as: its total and each line's quantity, unit price and
        amount (what a number written elsewhere in the mail is checked against)."""
        values = {self.total, *(v for line in self.lines for v in (line.quantity, line.unit_price, line.amount))}
        return {v for v in values if v is not None}


@dataclass
class ParseResult:
    """What classify + extract made of one message (or one file). The ``parse --json`` shape."""

    kind: Kind = "other"
    order: ParsedOrder | None = None
    references: list[str] = field(default_factory=list)
    confidence: float = 0.0
    needs_review: bool = False
    warnings: list[str] = field(default_factory=list)
    source: str | None = None  # attachment name, or "body"
    customer_source: str | None = None  # rule | master | party_block | letterhead | sender
    # Not part of the JSON contract; used by the pipeline and by --explain.
    rule: str | None = None  # name of the inbox rule that matched, if any
    language: str | None = None  # customer's language from the rule or detected: "en", "zh"
    customer_email: str | None = None
    explain: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "order": _order_json(self.order) if self.order else None,
            "references": list(self.references),
            "confidence": round(float(self.confidence), 3),
            "needs_review": bool(self.needs_review),
            "warnings": list(self.warnings),
            "source": self.source,
            "customer_source": self.customer_source,
        }


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def format_decimal(value: Decimal) -> str:
    """Plain decimal string as parsed: no exponent, no thousands separator ("3.20", "1500")."""
    return format(value, "f")


def as_date(value: Any) -> dt.date | None:
    """A stored value (ISO text, a date, a datetime) as a date; None when it is empty or not one."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _order_json(order: ParsedOrder) -> dict[str, Any]:
    data = {f.name: _json_value(getattr(order, f.name)) for f in fields(order) if f.name != "lines"}
    data["lines"] = [{k: _json_value(v) for k, v in asdict(line).items()} for line in order.lines]
    return data


# --------------------------------------------------------------------------- orders


@dataclass(eq=False)
class OrderFacts(MutableMapping[str, Any]):
    """What mailflow knows of an order beyond its PO: the order's state, stored as its ``facts``.

    The fields below are the state machine and who the customer is; ``other`` holds the Orders
    sheet's cells that are not ``Order`` attributes (``confirmed_delivery``, ``assembly_date``,
    ``deposit_received``... see ``ORDER_COLUMNS``) and any other fact, by name. Values are kept
    exactly as stored — ISO dates, decimals as strings, plain text — so an order saved before
    these fields existed loads and saves to the same JSON object.

    It is also a mapping by fact name (``facts["revision"]``, ``facts.get(name)``): the tracker
    and the procedure tables address facts by the names in their rows. A field holding ``None``
    is an absent fact: setting one to ``None`` removes it, as ``pop`` does.
    """

    # The state machine (workflow/engine.py, workflow/steps.py)
    milestones: dict[str, Any] | None = None  # name → {"on": ISO date, "via": field | "status" | "timer"}
    cancelled: str | None = None  # ISO date staff set Cancelled
    review_cleared: str | None = None  # ISO date the order left Needs review
    confirmation_sent: str | None = None  # ISO date the confirmed order form went: stops the reply clock
    payment_advice_open: int | None = None  # payment advices not yet checked: they hold the deposit reminders
    change_open: dict[str, Any] | None = None  # {"opened": ISO date, "ref": the customer's message}
    revision: int | None = None  # 2, 3…: changes closed (absent: the first version)
    documents: dict[str, list[str]] | None = None  # "<doc kind>:<trigger>" → archive paths, generated once
    payments: list[dict[str, Any]] | None = None  # the counted payments (workflow/payments.py owns them)
    next_action: str | None = None  # what the order waits for (Next Action)
    next_due: str | None = None  # by when (ISO date)
    # Who the customer is (customers/master.py)
    sender: str | None = None  # the address the PO came from
    customer_read: str | None = None  # the customer name as read from the PO
    customer_source: str | None = None  # "master", "rule" or "staff": who named the customer
    unconfirmed_sender: str | None = None  # a new sender staff have not confirmed: customer notices wait
    customer_blocked: str | None = None  # the customer is Blocked on the Customers sheet
    review_for: str | None = None  # "customer": in review only until the customer is confirmed
    customer_deposit_percent: str | None = None  # from the customer master
    payment_terms_source: str | None = None  # "customer": the terms came from the customer master
    # The Orders sheet's values kept in facts, and any other fact, by name
    other: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "OrderFacts":
        """From the stored JSON object (any age: unknown names go to ``other``)."""
        facts = cls()
        for name, value in (data or {}).items():
            facts[name] = value
        return facts

    def to_json(self) -> dict[str, Any]:
        """The JSON object the store keeps: every fact present, by name."""
        return dict(self.items())

    def __getitem__(self, name: str) -> Any:
        if name in _FACT_FIELDS:
            value = getattr(self, name)
            if value is None:
                raise KeyError(name)
            return value
        return self.other[name]

    def __setitem__(self, name: str, value: Any) -> None:
        if name in _FACT_FIELDS:
            setattr(self, name, value)
        else:
            self.other[name] = value

    def __delitem__(self, name: str) -> None:
        if name in _FACT_FIELDS:
            if getattr(self, name) is None:
                raise KeyError(name)
            setattr(self, name, None)
        else:
            del self.other[name]

    def __iter__(self) -> Iterator[str]:
        yield from (name for name in _FACT_FIELDS if getattr(self, name) is not None)
        yield from self.other

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"OrderFacts({self.to_json()!r})"


_FACT_FIELDS = tuple(f.name for f in fields(OrderFacts) if f.name != "other")


@dataclass
class Order:
    """An order as mailflow keeps it (store + tracker). ``order_no`` is ours; ``po_number`` theirs.

    ``facts`` (``OrderFacts``) is the order's state: the milestones the workflow reads, who the
    customer is, and the tracker values staff enter (``confirmed_delivery``, ``assembly_date``,
    ``inspection_result``...). A plain dict given here (an old row, a test) becomes one. Staff
    edits in the tracker land here as events with cause ``tracker``.
    """

    order_no: str
    po_number: str
    customer: str
    received_at: dt.datetime
    customer_email: str | None = None
    language: str = "en"
    account_manager: str | None = None
    po_date: dt.date | None = None
    requested_delivery: dt.date | None = None
    currency: str | None = None
    total: Decimal | None = None
    incoterms: str | None = None
    payment_terms: str | None = None
    status: str = "Received"
    lines: list[OrderLine] = field(default_factory=list)
    source_message_id: str | None = None
    archive_dir: str | None = None  # relative to the archive root
    needs_review: bool = False
    facts: OrderFacts = field(default_factory=OrderFacts)

    def __post_init__(self) -> None:
        if not isinstance(self.facts, OrderFacts):
            self.facts = OrderFacts.from_json(self.facts)

    def with_(self, **changes: Any) -> "Order":
        return replace(self, **changes)


# --------------------------------------------------------------------------- notices


@dataclass(frozen=True)
class Notice:
    """An email mailflow must send once: identified by (order_no, kind, trigger).

    ``trigger`` distinguishes legitimate repeats of one kind (e.g. the assembly date a
    pre-assembly notice was for). ``to`` holds addresses; the outbox resolves roles before this.
    """

    order_no: str
    kind: str
    trigger: str
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    language: str = "en"
    audience: Literal["customer", "internal"] = "customer"
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    attachments: tuple[str, ...] = ()  # paths relative to the archive root
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.order_no}:{self.kind}:{self.trigger}"


# --------------------------------------------------------------------------- the tracker's columns

# The Orders sheet, field by field: (field, default header, owner, type). ``owner`` says who may
# write the cell: "mailflow" (staff edits are overwritten only if staff did not touch it since),
# "staff" (mailflow never writes after creating the row), "both" (mailflow writes on its own
# transitions; a staff edit wins and a Review row explains the clash). Values live on ``Order``
# attributes of the same name, else in ``Order.facts[field]`` (ISO dates, decimal strings).
ORDER_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("order_no", "Order No", "mailflow", "text"),
    ("customer", "Customer", "both", "text"),  # a staff correction teaches the customer master
    ("po_number", "PO No", "mailflow", "text"),
    ("contact", "Contact", "mailflow", "text"),  # the buyer as a person; in facts["contact"]
    ("po_date", "PO Date", "mailflow", "date"),
    ("requested_delivery", "Requested Delivery", "mailflow", "date"),
    ("confirmed_delivery", "Confirmed Delivery", "staff", "date"),
    ("currency", "Currency", "mailflow", "text"),
    ("total", "Total", "mailflow", "money"),
    ("status", "Status", "both", "status"),
    ("deposit_due", "Deposit Due", "mailflow", "money"),  # amount requested as deposit
    # Deposit / Balance Received: the confirmed payments of that kind so far (the Payments sheet
    # holds each one); staff may overwrite the amount as more arrives, which records the difference
    # as a payment. Paid On: the date of the latest of them.
    ("deposit_received", "Deposit Received", "both", "money"),
    ("deposit_paid_on", "Deposit Paid On", "both", "date"),
    ("plan_date", "Plan Date", "staff", "date"),  # PMC issued the master production plan (MPP/MRP)
    ("assembly_date", "Assembly Date", "staff", "date"),
    ("production_complete", "Production Complete", "staff", "date"),
    ("inspection_date", "Inspection Date", "staff", "date"),
    ("inspection_result", "Inspection Result", "staff", "inspection"),
    ("balance_due", "Balance Due", "mailflow", "money"),  # total − everything received
    ("balance_received", "Balance Received", "both", "money"),
    ("balance_paid_on", "Balance Paid On", "both", "date"),
    # The shipping order's approvals (dates): typed by staff, or recorded by mailflow when a
    # director replies "approved" to the shipping approval request.
    ("sales_director_approved", "Sales Director Approved", "both", "date"),
    ("finance_director_approved", "Finance Director Approved", "both", "date"),
    ("shipped", "Shipped", "staff", "date"),
    # Shipping: printed on the shipping order and the delivery note where staff fill them.
    ("consignee", "Consignee", "staff", "text"),  # when it is not the customer
    ("ship_to", "Ship To", "staff", "text"),  # the delivery address
    ("forwarder", "Forwarder", "staff", "text"),
    ("packages", "Packages", "staff", "text"),  # e.g. "12 cartons, 2 pallets"
    ("gross_weight", "Gross Weight (kg)", "staff", "number"),
    ("net_weight", "Net Weight (kg)", "staff", "number"),
    ("invoice_no", "Invoice No", "staff", "text"),
    ("account_manager", "Account Manager", "both", "text"),
    ("next_action", "Next Action", "mailflow", "text"),
    ("next_due", "Next Due", "mailflow", "date"),
    ("notes", "Notes", "staff", "text"),
    # A change the customer asked for: mailflow opens it ("Open since …"); staff amend the order
    # (Total is accepted while a change is open) and write Done to close it, which sends the
    # re-review request and the revised order form.
    ("change", "Change", "both", "text"),
    ("archive", "Archive", "mailflow", "link"),
)

LINE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("order_no", "Order No", "text"),
    ("line", "Line", "number"),
    ("item", "Item", "text"),
    ("description", "Description", "text"),
    ("quantity", "Quantity", "number"),
    ("unit", "Unit", "text"),
    ("unit_price", "Unit Price", "money"),
    ("amount", "Amount", "money"),
    ("delivery_date", "Delivery Date", "date"),
)

# The Status dropdown. The workflow's process table uses exactly these names.
STATUSES: tuple[str, ...] = (
    "Needs review",
    "Received",
    "Confirmed",
    "Deposit received",
    "In production",
    "Production complete",
    "Inspection passed",
    "Inspection failed",
    "Balance received",
    "Shipped",
    "Closed",
    "Cancelled",
)
INSPECTION_RESULTS: tuple[str, ...] = ("Pending", "Passed", "Failed")
# mailflow's columns staff may amend while a change is open on the order (see "change").
AMENDABLE: tuple[str, ...] = ("total",)
# The Lines sheet's columns staff may amend while a change is open; each line's amount and the
# order's total follow from them.
AMENDABLE_LINE: tuple[str, ...] = ("description", "quantity", "unit_price")
CHANGE_DONE: tuple[str, ...] = ("done", "closed", "完成", "已完成")


def order_value(order: Order, field_name: str) -> Any:
    """The value of one tracker field for ``order`` (attribute first, then facts)."""
    if field_name == "archive":
        return order.archive_dir
    if hasattr(order, field_name) and field_name != "facts":
        return getattr(order, field_name)
    return order.facts.get(field_name)


@dataclass(frozen=True)
class StaffEdit:
    """A change staff made in the tracker, found by comparing the workbook with the shadow."""

    order_no: str
    field: str  # a field of ORDER_COLUMNS
    old: Any  # what mailflow last saw/wrote (typed: date, Decimal, str or None)
    new: Any
    header: str = ""
    line: int | None = None  # a cell of this line on the Lines sheet (field: a LINE_COLUMNS field)


@dataclass
class StaffChanges:
    """Everything one read of the tracker found, as data: nothing is recorded yet.

    ``workflow.apply_edits`` is the one place that records it — an event per edit, the orders,
    the Review rows, the review marks and the new shadow — in one transaction, so an edit is
    either applied and remembered as read, or neither (and found again by the next read).
    """

    edits: list[StaffEdit] = field(default_factory=list)
    shadow: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # sheet, row, field, value
    reviews: list[tuple[str, str, str | None]] = field(default_factory=list)  # key, reason, order_no
    review_marks: list[tuple[int, bool]] = field(default_factory=list)  # review id, done
    customers: list[Any] = field(default_factory=list)  # Customers sheet rows changed or added
    payments: list[Any] = field(default_factory=list)  # Payments sheet rows changed or added
    answered: list[str] = field(default_factory=list)  # keys of open Review rows whose cause is gone
    stamp: Any = None  # the file version read (the tracker's cache key)

    def __bool__(self) -> bool:
        return bool(
            self.edits
            or self.shadow
            or self.reviews
            or self.review_marks
            or self.customers
            or self.payments
            or self.answered
        )


# --------------------------------------------------------------------------- payments

# Other names of a currency that people write for its ISO code: "RMB" is CNY.
CURRENCY_ALIASES = {"RMB": "CNY", "CNH": "CNY", "NTD": "TWD"}


def currency_code(text: str | None) -> str | None:
    """A currency as compared and kept: upper case, an alias as its ISO code (None: empty)."""
    code = (text or "").strip().upper()
    return CURRENCY_ALIASES.get(code, code) or None


PAYMENT_KINDS: tuple[str, ...] = ("Deposit", "Balance", "Other")
PROPOSED, CONFIRMED, REJECTED, DUPLICATE = "Proposed", "Confirmed", "Rejected", "Duplicate"
PAYMENT_STATUSES: tuple[str, ...] = (PROPOSED, CONFIRMED, REJECTED, DUPLICATE)


@dataclass
class Payment:
    """One payment on an order, as a fact: amount, the day it arrived, the bank's reference.

    Only a ``Confirmed`` payment counts towards what the customer has paid; a payment advice
    only ever proposes one (``Proposed``), and a second payment with the reference of one
    already counted on the order is a ``Duplicate``. ``kind`` is ``deposit``, ``balance`` or
    ``other`` (a partial payment, a refund of bank charges, a credit; negative for money paid
    back). ``id`` is the store's; the Payments sheet shows it as ``ref`` (P-00001).
    """

    order_no: str
    kind: str
    amount: Decimal | None
    currency: str | None = None
    paid_on: dt.date | None = None
    reference: str | None = None
    source: str = "Payments sheet"
    status: str = CONFIRMED
    note: str | None = None
    message_id: str | None = None
    review_key: str | None = None
    id: int | None = None

    @property
    def ref(self) -> str:
        return f"P-{self.id:05d}" if self.id is not None else ""

    def with_(self, **changes: Any) -> "Payment":
        return replace(self, **changes)


@dataclass
class PaymentChange:
    """A row of the Payments sheet staff added (``added``) or changed (``fields``: header, old,
    new), as data; ``workflow.record_edits`` records it."""

    payment: Payment
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)
    added: bool = False
