"""Who really sent a message, and whether the order desk may answer them.

An order desk's outgoing mail asks customers for money, so a sender is trusted only when staff
know it: an address or domain on the Customers sheet (a customer not Blocked), or an inbox
rule. Pure: the caller passes the customer master and the rules' verdict.

    assess(message, customers, *, rule_customer, own_domains, forwarded_from) -> Sender

``Sender.doubts`` are reasons to distrust the message whoever it claims to be from: a Reply-To
on another domain than From (replies would go elsewhere), or an Authentication-Results header
saying DMARC or SPF failed (the From is likely forged), or a From address the receiving server
could not check (written only inside an encoded word, or only in a Sender header), or more
than one sender in From (two From headers, or two addresses in one: the first would otherwise
decide the customer). Also a sender no customer lists whose domain or name is made to look
like a customer's (``lookalike.posing_as``: acrne.com for acme.com). Only failures are read
from those headers: a forger can write "pass" as easily as we can read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import BLOCKED, CONFIRMED, Customer, covers, domain_of, find_by_name, find_by_sender, free_mail_domains
from ..model import Message
from .lookalike import posing_as

_AUTH_FAIL = re.compile(r"\b(dmarc|spf)\s*=\s*(fail|permerror)\b", re.I)
_BANK = re.compile(
    r"\b(bank|iban|swift|bic|account\s+(?:no|number|details)|beneficiary|routing)\b|银行|账户|账号|收款",
    re.I,
)
_CHANGE = re.compile(r"\b(new|change[sd]?|changing|updated?|different|replace[sd]?)\b|变更|更改|更新|新的?", re.I)


@dataclass(frozen=True)
class Sender:
    address: str  # From, or the forwarded From when a colleague forwarded the mail
    customer: Customer | None = None  # the master row the address belongs to
    rule_customer: str | None = None  # the customer an inbox rule names for this message
    doubts: tuple[str, ...] = ()
    reply_to_doubtful: bool = False
    ours: bool = False  # one of our own addresses (a colleague forwarded it): never a customer's

    @property
    def known(self) -> bool:
        """Staff know this address: a Customers row (of any status) or an inbox rule."""
        return self.customer is not None or self.rule_customer is not None

    @property
    def blocked(self) -> bool:
        return self.customer is not None and self.customer.status == BLOCKED

    @property
    def confirmed(self) -> bool:
        """Known and confirmed: a Confirmed row, or an inbox rule with no row saying otherwise."""
        if self.customer is not None:
            return self.customer.status == CONFIRMED
        return self.rule_customer is not None


def assess(
    message: Message,
    customers: list[Customer],
    *,
    rule_customer: str | None = None,
    own_domains: list[str] | tuple[str, ...] = (),
    forwarded_from: str | None = None,
) -> Sender:
    """Who sent ``message`` and what speaks against trusting it (see the module docstring)."""
    address = (message.from_addr or "").strip().lower()
    if _ours(address, own_domains) and forwarded_from and not _ours(forwarded_from, own_domains):
        address = forwarded_from.strip().lower()  # a colleague forwarded the customer's mail
    customer = find_by_sender(customers, address) if address else None
    doubts: list[str] = []
    reply_to = (message.reply_to or "").strip().lower()
    reply_doubt = False
    if reply_to and reply_to != address and not same_company(reply_to, address):
        on_file = customer is not None and covers(customer, reply_to)
        if not on_file:
            reply_doubt = True
            doubts.append(f"Reply-To {reply_to} is on another domain than the sender {address or '(none)'}")
    if customer is None and address and not _ours(address, own_domains):
        posing = posing_as(address, customers, message.from_name or "")
        if posing:
            doubts.append(posing)
    if message.sender_unchecked and address:
        doubts.append(
            f"the sender {address} is not written plainly in the From header (an encoded word, or a"
            " Sender header only): the receiving mail server could not check it"
        )
    if message.other_senders:
        doubts.append(
            f"the mail names more than one sender (From: {', '.join((message.from_addr, *message.other_senders))}):"
            " which of them wrote it is not known"
        )
    for name, value in message.headers:
        if name == "authentication-results":
            for found in _AUTH_FAIL.finditer(value):
                doubt = f"{found.group(1).upper()} check failed (Authentication-Results: {found.group(0)})"
                if doubt not in doubts:
                    doubts.append(doubt)
    return Sender(address, customer, rule_customer, tuple(doubts), reply_doubt, _ours(address, own_domains))


def _ours(address: str, own_domains) -> bool:
    host = domain_of(address)
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in own_domains)


def same_company(a: str, b: str) -> bool:
    """Two addresses of one company: one host is the other or under it (mail.acme.com and
    acme.com). On a free-mail domain (gmail.com, qq.com) only the same mailbox is: anyone can
    open another."""
    x, y = domain_of(a), domain_of(b)
    if not (x and y):
        return False
    if x in free_mail_domains() or y in free_mail_domains():
        return a.strip().lower() == b.strip().lower()
    return x == y or x.endswith("." + y) or y.endswith("." + x)


def on_file(
    address: str,
    customer_name: str,
    customers: list[Customer],
    *,
    rule_customer: str | None = None,
    order_addresses: tuple[str, ...] = (),
) -> bool:
    """Whether ``address`` is an address the order desk has on file for ``customer_name``:
    on its Customers row, named by the inbox rule that matched, or the address the order came from."""
    address = (address or "").strip().lower()
    if not address:
        return False
    customer = find_by_name(customers, customer_name)
    if customer is not None and covers(customer, address):
        return True
    if rule_customer and rule_customer.casefold() == (customer_name or "").casefold():
        return True
    return address in {a.strip().lower() for a in order_addresses if a}


def mentions_bank_change(text: str) -> bool:
    """New or changed bank details (IBAN, SWIFT, account; 银行, 账户 with 变更, 新): the favourite
    lie of a forged payment mail, so always worth a call to the customer on a known number."""
    return bool(_BANK.search(text or "")) and bool(_CHANGE.search(text or ""))
