"""The customer master at work: what the pipeline and the workflow ask of it, and what staff
corrections teach it. Reads and writes the store (``Store.customers``/``save_customer``).

    sender_for(env, message, result, customers) -> Sender who sent it and what speaks against it
    apply_to_order(order, sender, default_manager)        the master's values on a new order
    new_customer_from(order, sender, contact, language)   the Status New row for a stranger's PO
    learn_from_correction(env, order, old, new, now)      staff corrected an order's Customer
    release(env, order, today) -> bool                    a held order's customer now confirmed?
    follow(order, customers) -> bool                      an open order kept in step with its row
    for_order(env, order) -> Customer | None              the master row of an order's customer
    letter_values(env, order) -> dict                     contact and signatory for the templates
    add_customers(store, rows, now) -> list[Customer]     rows (dicts) into the master, once by name
    record_sheet(store, changes, now)                     what staff changed on the Customers sheet

An order held for its customer carries ``facts["unconfirmed_sender"]`` (the address it came
from). Its customer notices wait (``workflow.steps`` holds them with a Review row) until the
customer it names is Confirmed on the Customers sheet and lists that address or its domain —
which correcting the order's Customer cell does in one step.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from ..inbox_rules import sender_is
from . import BLOCKED, CONFIRMED, NEW, Customer, CustomerChange, covers, find_by_name, is_address, sender_key
from . import problems
from .trust import Sender, assess, same_company

log = logging.getLogger("mailflow.customers")

HOLD_FACT = "unconfirmed_sender"
BLOCKED_FACT = "customer_blocked"  # the customer is Blocked on the sheet: its notices wait
REVIEW_FACT = "review_for"  # "customer": the order needs review only until its customer is confirmed


def rule_customer_for(rules: list[Any], address: str, parsed_customer: str | None) -> str | None:
    """The customer an inbox rule vouches for: a rule whose ``match.senders`` list the address
    (a rule matching on subject or body words vouches for nobody: anyone can write those)."""
    for rule in rules:
        if rule.match.senders and any(sender_is(address, s) for s in rule.match.senders):
            return rule.customer or parsed_customer or rule.name
    return None


def sender_for(env: Any, message: Any, result: Any, customers: list[Customer]) -> Sender:
    """Who sent ``message`` (see ``trust.assess``), by ``customers`` and the rules of ``env``."""
    parsed = result.order.customer if result.order else None
    first = assess(message, customers, own_domains=env.config.company.domains, forwarded_from=result.customer_email)
    rule_customer = rule_customer_for(env.rules, first.address, parsed) if first.address else None
    if rule_customer is None:
        return first
    return Sender(first.address, first.customer, rule_customer, first.doubts, first.reply_to_doubtful, first.ours)


def apply_to_order(order: Any, sender: Sender, default_manager: str | None) -> list[str]:
    """Fill a new order from its customer's master row. Returns why its notices must wait.

    The name staff gave the customer replaces what the document said unless an inbox rule
    named it (the rule is the more specific). Notices go to the contact's address, else the
    sender's own company — never a Reply-To elsewhere, nor a sender the mail only quotes.
    """
    customer = sender.customer
    facts = order.facts
    facts["sender"] = sender.address
    if customer is not None and not sender.rule_customer:
        if order.customer != customer.name:
            facts["customer_read"] = order.customer
        order.customer = customer.name
        facts["customer_source"] = "master"
    elif sender.rule_customer:
        facts["customer_source"] = "rule"
    if sender.reply_to_doubtful and order.customer_email != sender.address:
        order.customer_email = sender.address or None
    elif _elsewhere(order.customer_email, sender, customer):
        # an address the mail only quotes (a forward's, a pasted mail's header block): not who
        # wrote to us, and notices carry prices and bank details
        order.customer_email = sender.address
    if customer is not None:
        if customer.contact_email:
            order.customer_email = customer.contact_email
        if customer.language:
            order.language = customer.language
        order.account_manager = customer.account_manager_email or default_manager
        if not order.payment_terms and customer.payment_terms:
            order.payment_terms = customer.payment_terms
            facts["payment_terms_source"] = "customer"
        if customer.deposit_percent is not None:
            facts["customer_deposit_percent"] = format(customer.deposit_percent, "f")
    holds = []
    if sender.blocked:
        holds.append(f"the customer {customer.name} is Blocked on the Customers sheet")
    elif customer is not None and customer.status == NEW:
        holds.append(f"the customer {customer.name} is not confirmed yet (Status New on the Customers sheet)")
    elif not sender.known:
        holds.append(f"{sender.address or 'the sender'} is not a known customer address")
    if holds:
        facts[HOLD_FACT] = sender.address or "(no usable sender)"  # never empty: that would not hold
    return holds


def _elsewhere(address: str | None, sender: Sender, customer: Customer | None) -> bool:
    """Whether ``address`` (where the order's notices would go) is neither the sender's own
    company (its domain, a free-mail provider's only for the same mailbox) nor on the customer's
    row, while the sender is a customer's address, not ours."""
    if not address or not sender.address or sender.ours or address == sender.address:
        return False
    if customer is not None and covers(customer, address):
        return False
    return not same_company(address, sender.address)


def new_customer_from(order: Any, sender: Sender, contact: str, language: str | None) -> Customer:
    """The Customers row for a stranger's first PO: what was read, Status New (id given on save)."""
    return Customer(
        id="",
        name=order.customer,
        status=NEW,
        senders=[sender_key(sender.address)] if sender.address else [],
        contact=_person(contact, order.customer),
        contact_email=sender.address,
        language=language or "",
        notes=f"first order: PO {order.po_number}",
    )


def _person(display_name: str, company: str) -> str:
    """A From display name that names a person (not the company again, not an address)."""
    name = " ".join((display_name or "").split())
    if not name or "@" in name or name.casefold() == (company or "").casefold():
        return ""
    return name


def for_order(env: Any, order: Any) -> Customer | None:
    return find_by_name(env.store.customers(), order.customer)


def follow(order: Any, customers: list[Customer]) -> bool:
    """Keep an open order in step with its customer's row; True when the order changed.

    A Blocked customer's notices are held (``facts.customer_blocked``, read by
    ``workflow.steps``) until staff set the Status back; a confirmed customer's notices go to
    its current Contact Email, so a contact staff change on the sheet gets the next notice.
    """
    customer = find_by_name(customers, order.customer)
    before = (order.facts.get(BLOCKED_FACT), order.customer_email)
    if customer is not None and customer.status == BLOCKED:
        order.facts[BLOCKED_FACT] = customer.name
    else:
        order.facts.pop(BLOCKED_FACT, None)
    if (
        customer is not None
        and customer.status == CONFIRMED
        and customer.contact_email
        and not order.facts.get(HOLD_FACT)
    ):
        order.customer_email = customer.contact_email
    return before != (order.facts.get(BLOCKED_FACT), order.customer_email)


def release(
    env: Any, order: Any, today: dt.date, *, corrected: bool = False, customers: list[Customer] | None = None
) -> bool:
    """Drop the hold on ``order`` once its customer is Confirmed and lists its sender — or at once
    when staff ``corrected`` the order's Customer (that is the confirmation). True if dropped.

    When the unknown sender was the only reason to review the order, the order leaves Needs
    review too: staff confirming the customer was the review.
    """
    address = order.facts.get(HOLD_FACT)
    if not address:
        return False
    customer = find_by_name(customers if customers is not None else env.store.customers(), order.customer)
    if customer is None or customer.status != CONFIRMED:
        return False
    if not corrected and not covers(customer, address):
        return False
    order.facts.pop(HOLD_FACT, None)
    if customer.contact_email:
        order.customer_email = customer.contact_email
    if order.facts.pop(REVIEW_FACT, None) == "customer" and order.needs_review:
        order.needs_review = False
        order.facts["review_cleared"] = today.isoformat()
    return True


def learn_from_correction(env: Any, order: Any, old: str | None, new: str | None, now: dt.datetime) -> None:
    """Staff corrected the order's Customer cell from ``old`` to ``new``: the customer ``new``
    names is confirmed (staff have spoken) and learns the order's sender — its domain, or the
    address on a free-mail domain — so the next PO from there gets this name. The address
    leaves any customer still New that claimed it. Other orders are never touched; every
    change is an event on this order (the Log sheet)."""
    store = env.store
    name = " ".join((new or "").split())
    if not name:
        return
    sender = next((a for a in (order.facts.get("sender"), order.customer_email) if a and is_address(a)), "")
    customers = store.customers()
    customer = find_by_name(customers, name)
    created = customer is None
    if customer is None:
        customer = Customer(id=store.new_customer_id(), name=name, status=CONFIRMED, language=order.language or "")
    own = [d.lower() for d in env.config.company.domains]
    ours = any(sender_key(sender) == d or sender_key(sender).endswith("." + d) for d in own) if sender else False
    key = _key_to_learn(customers, customer, sender) if sender and not ours else ""
    detail: dict[str, Any] = {"customer": customer.name, "from": old, "sender": sender or None}
    changes: dict[str, Any] = {}
    if customer.status == NEW:
        changes["status"] = CONFIRMED
        detail["confirmed"] = True
    if key and not covers(customer, sender):
        changes["senders"] = [*customer.senders, key]
        detail["learned"] = key
    if created or changes:
        customer = customer.with_(**changes)
        store.save_customer(customer, now)
    for other in customers:
        if other.id != customer.id and other.status == NEW and key in other.senders:
            store.save_customer(other.with_(senders=[s for s in other.senders if s != key]), now)
            detail.setdefault("moved_from", []).append(other.name)
    order.customer = customer.name
    order.facts["customer_source"] = "staff"
    if customer.contact_email:
        order.customer_email = customer.contact_email
    if customer.language:
        order.language = customer.language
    if customer.account_manager_email:
        order.account_manager = customer.account_manager_email
    if customer.deposit_percent is not None:
        order.facts["customer_deposit_percent"] = format(customer.deposit_percent, "f")
    rule_name = rule_customer_for(env.rules, sender, None) if sender else None
    if rule_name and rule_name.casefold() != customer.name.casefold():
        store.add_review(
            now,
            f"{order.order_no}: the Customer was corrected to {customer.name}, but an inbox rule"
            f" names {rule_name} for {sender}: the next PO from there still gets {rule_name}."
            " Change the rule's customer (inbox_rules/) if the correction is right.",
            key=f"customer-rule:{sender}:{customer.name}",
            order_no=order.order_no,
        )
    store.add_event(now, "customer_learned" if key else "customer_corrected", "tracker", order.order_no, detail)
    log.info("%s: customer corrected to %s; learned %s", order.order_no, customer.name, key or "nothing")


def _key_to_learn(customers: list[Customer], customer: Customer, sender: str) -> str:
    """The sender's domain (its address on free mail) — or the address itself when another
    customer staff have decided on already owns that domain: the more specific entry wins."""
    key = sender_key(sender)
    if "@" not in key and any(
        other.id != customer.id and other.status != NEW and covers(other, sender) for other in customers
    ):
        return sender.strip().lower()
    return key


def letter_values(env: Any, order: Any) -> dict[str, Any]:
    """Who a letter to ``order``'s customer is to and who signs it, from the master:

    contact     {name, title, email}   the customer's contact ("" when unknown)
    signatory   {name, title, email, phone} of the customer's account manager, or None when
                the master names none (the documents then use ``company.signatory``)
    """
    customer = for_order(env, order) if order is not None else None
    if customer is None:
        return {"contact": {"name": "", "title": "", "email": ""}, "signatory": None}
    contact = {"name": customer.contact, "title": customer.contact_title, "email": customer.contact_email}
    signatory = None
    if customer.account_manager:
        company = env.config.company
        signatory = {
            "name": customer.account_manager,
            "title": customer.account_manager_title,
            "email": customer.account_manager_email or company.email,
            "phone": company.phone,
        }
    return {"contact": contact, "signatory": signatory}


def add_customers(store: Any, rows: list[dict[str, Any]], now: dt.datetime) -> list[Customer]:
    """Add customers given as dicts of ``Customer`` fields (Status Confirmed unless given); one
    whose name is already in the master is left as it is. Raises ``ValueError`` naming a bad row."""
    added = []
    with store.transaction():
        existing = store.customers()
        for row in rows:
            data = {"status": CONFIRMED, **row}
            customer = Customer.from_dict({**data, "id": ""})
            customer.senders = [s.strip().lower().lstrip("@") for s in customer.senders]
            wrong = problems(customer)
            if wrong:
                raise ValueError(f"customer {customer.name!r}: {'; '.join(wrong)}")
            if find_by_name(existing, customer.name) is not None:
                continue
            customer.id = store.new_customer_id()
            store.save_customer(customer, now)
            existing.append(customer)
            added.append(customer)
    return added


def record_sheet(store: Any, changes: list[CustomerChange], now: dt.datetime) -> None:
    """Record staff changes to the Customers sheet (inside the caller's transaction): each
    customer saved, each changed cell an event (the Log sheet); a typed-in row gets its ID."""
    for change in changes:
        customer = change.customer
        if change.added:
            if find_by_name(store.customers(), customer.name) is not None:
                continue  # recorded already (the same row read twice)
            customer = customer.with_(id=store.new_customer_id())
            store.add_event(
                now,
                "customer_added",
                "tracker",
                None,
                {"customer": customer.name, "id": customer.id, "status": customer.status},
            )
        for header, old, new in change.fields:
            store.add_event(
                now,
                "customer_changed",
                "tracker",
                None,
                {"customer": customer.name, "id": customer.id, "field": header, "old": old, "new": new},
            )
        store.save_customer(customer, now)
