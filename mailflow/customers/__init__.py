"""The customer master: who the customers are, which addresses may send their orders, and how
to write to them. Staff own it on the tracker's Customers sheet; the store keeps the copy the
pipeline reads (``customers`` table, see ``store/customers.py``).

Pure: values in, values out. ``master.py`` holds what reads and writes the store.

    Customer                        one row of the Customers sheet
    find_by_sender(customers, a)    the customer an address belongs to (address beats domain)
    find_by_name(customers, name)   by name or alias, case and spacing ignored
    covers(customer, address)       "address" | "domain" | None
    sender_key(address)             what to learn from a sender: the domain, or the address
                                    itself for free-mail domains (data/free_mail_domains.txt)
    greeting(contact, lang, ...)    "Dear Ms Clarke" / "尊敬的李娜"
    terms(customer)                 the deposit % and payment terms the customer agreed
    problems(customer)              what is wrong with a row, for the sheet and ``mailflow check``
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from importlib import resources
from typing import Any, Iterable

NEW, CONFIRMED, BLOCKED = "New", "Confirmed", "Blocked"
STATUSES: tuple[str, ...] = (NEW, CONFIRMED, BLOCKED)
# Notice languages staff may choose. A language without its own templates gets the English ones.
LANGUAGES: tuple[str, ...] = ("en", "zh", "de", "fr", "es", "it", "nl", "pt", "sv", "pl", "ja")

ADDRESS = re.compile(r"[^@\s<>,;]+@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+")
DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+")


@dataclass
class Customer:
    """A customer as staff keep it. ``senders`` are lower-case addresses and domains."""

    id: str  # C-0001: the row key on the Customers sheet
    name: str
    status: str = NEW
    aliases: list[str] = field(default_factory=list)
    senders: list[str] = field(default_factory=list)
    contact: str = ""  # the person to write to, as staff want them greeted: "Ms Jane Clarke"
    contact_title: str = ""
    contact_email: str = ""
    language: str = ""
    deposit_percent: Decimal | None = None
    payment_terms: str = ""
    account_manager: str = ""  # a person's name: signs the letters
    account_manager_title: str = ""
    account_manager_email: str = ""  # gets the reminders and escalations
    notes: str = ""

    def with_(self, **changes: Any) -> "Customer":
        return replace(self, **changes)

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["deposit_percent"] = None if self.deposit_percent is None else format(self.deposit_percent, "f")
        data["aliases"], data["senders"] = list(self.aliases), list(self.senders)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Customer":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        percent = values.get("deposit_percent")
        values["deposit_percent"] = Decimal(str(percent)) if percent not in (None, "") else None
        return cls(**values)


@dataclass
class CustomerChange:
    """A Customers sheet row staff changed (or typed in: ``added``, id given when recorded)."""

    customer: Customer  # the row as it is now
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)  # (header, old, new) shown
    added: bool = False


# --------------------------------------------------------------------------- addresses


@functools.lru_cache(maxsize=1)
def free_mail_domains() -> frozenset[str]:
    text = (resources.files("mailflow") / "data" / "free_mail_domains.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def domain_of(address: str) -> str:
    return (address or "").strip().lower().rpartition("@")[2]


def sender_key(address: str) -> str:
    """What a sender teaches: its domain (a company's), or the whole address on a free-mail domain."""
    address = (address or "").strip().lower()
    domain = domain_of(address)
    return address if domain in free_mail_domains() else domain


def normalise_sender(entry: str) -> str:
    """``@Acme.example`` → ``acme.example``; addresses and domains lower-cased."""
    return (entry or "").strip().strip("<>").lower().lstrip("@")


def is_sender_entry(entry: str) -> bool:
    """An address or a domain (a free-mail domain alone would admit everyone: not allowed)."""
    entry = normalise_sender(entry)
    if "@" in entry:
        return ADDRESS.fullmatch(entry) is not None
    return DOMAIN.fullmatch(entry) is not None and entry not in free_mail_domains()


def is_address(text: str) -> bool:
    return ADDRESS.fullmatch((text or "").strip().lower()) is not None


def covers(customer: Customer, address: str) -> str | None:
    """``"address"`` when the address is listed, ``"domain"`` when its domain (or a parent) is."""
    address = (address or "").strip().lower()
    if not address:
        return None
    if address in customer.senders:
        return "address"
    host = domain_of(address)
    for entry in customer.senders:
        if "@" not in entry and (host == entry or host.endswith("." + entry)):
            return "domain"
    return None


def find_by_sender(customers: Iterable[Customer], address: str) -> Customer | None:
    """The customer ``address`` belongs to: an exact address wins over a domain; a customer staff
    have decided on (Confirmed or Blocked) wins over a New one; then the oldest row."""
    best: tuple[int, int, str] | None = None
    found = None
    for customer in customers:
        how = covers(customer, address)
        if how is None:
            continue
        rank = (0 if how == "address" else 1, 1 if customer.status == NEW else 0, customer.id)
        if best is None or rank < best:
            best, found = rank, customer
    return found


def master_name(customers: tuple, address: str) -> str | None:
    """The name of the customer ``address`` belongs to, over a given customer master: the parse
    worker's customer lookup (picklable, and here so that the worker loads no more than this)."""
    customer = find_by_sender(customers, address)
    return customer.name if customer is not None else None


def _fold(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def find_by_name(customers: Iterable[Customer], name: str) -> Customer | None:
    """The customer called ``name`` (or with ``name`` among its aliases); case and spaces ignored."""
    wanted = _fold(name)
    if not wanted:
        return None
    matches = [c for c in customers if wanted == _fold(c.name) or wanted in (_fold(a) for a in c.aliases)]
    matches.sort(key=lambda c: (wanted != _fold(c.name), c.status == NEW, c.id))
    return matches[0] if matches else None


def split_senders(text: str | None) -> list[str]:
    """A cell of addresses and domains: separated by commas, semicolons, spaces or new lines."""
    out: list[str] = []
    for part in re.split(r"[\s,;]+", text or ""):
        entry = normalise_sender(part)
        if entry and entry not in out:
            out.append(entry)
    return out


def split_aliases(text: str | None) -> list[str]:
    """A cell of other spellings: one per line or separated by semicolons (names hold commas)."""
    out: list[str] = []
    for part in re.split(r"[;\n]+", text or ""):
        name = " ".join(part.split())
        if name and name not in out:
            out.append(name)
    return out


def join_list(values: Iterable[str]) -> str:
    return "; ".join(values)


# --------------------------------------------------------------------------- writing to them

# Honorifics staff may write before a contact's name, and how an English letter says them.
HONORIFICS = {
    "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx", "dr": "Dr", "prof": "Prof",
    "herr": "Mr", "frau": "Ms", "m": "Mr", "mme": "Mrs", "mlle": "Miss", "sr": "Mr", "sra": "Mrs",
    "sig": "Mr", "sig.ra": "Mrs", "dhr": "Mr", "mevr": "Mrs",
}  # fmt: skip


def greeting(contact: str, lang: str = "en", fallback: str = "") -> str:
    """The salutation of a letter, without punctuation: "Dear Ms Clarke" for "Ms Jane Clarke",
    "Dear Jane Clarke" when no honorific says how to shorten it; "尊敬的李娜" in Chinese.

    Without a contact: "Dear Sir or Madam" (English) or the company name (Chinese letters
    address the company, "深圳华强电子有限公司："). Never the company's name in English.
    """
    name = " ".join((contact or "").split())
    if (lang or "en").startswith("zh"):
        return f"尊敬的{name}" if name else (fallback or "尊敬的客户")
    if not name:
        return "Dear Sir or Madam"
    words = name.split(" ")
    title = HONORIFICS.get(words[0].rstrip(".").lower())
    if title and len(words) >= 2:
        return f"Dear {title} {words[-1]}"
    return f"Dear {name}"


@dataclass(frozen=True)
class Terms:
    """What the customer agreed: None / "" where the master says nothing."""

    deposit_percent: Decimal | None = None
    payment_terms: str = ""


def terms(customer: Customer | None) -> Terms:
    """The customer's deposit % and payment terms. The order's own (from its PO) come first, the
    company default (``payments.deposit_percent``) last: see ``workflow.steps.deposit_percent``."""
    if customer is None:
        return Terms()
    return Terms(customer.deposit_percent, customer.payment_terms)


# --------------------------------------------------------------------------- validation


def problems(customer: Customer) -> list[str]:
    """What is wrong with a row, one sentence each (the column named), [] when it is fine."""
    out = []
    if not customer.name.strip():
        out.append("Customer: the name is empty")
    for entry in customer.senders:
        if not is_sender_entry(entry):
            why = (
                "a free-mail domain admits anyone: list the full address"
                if entry in free_mail_domains()
                else "not an email address or a domain"
            )
            out.append(f"Email Addresses / Domains: '{entry}' is {why}")
    for label, value in (
        ("Contact Email", customer.contact_email),
        ("Account Manager Email", customer.account_manager_email),
    ):
        if value and not is_address(value):
            out.append(f"{label}: '{value}' is not an email address")
    if customer.language and customer.language not in LANGUAGES:
        out.append(f"Language: '{customer.language}' is not one of {', '.join(LANGUAGES)}")
    if customer.deposit_percent is not None and not (0 <= customer.deposit_percent <= 100):
        out.append(f"Deposit %: {customer.deposit_percent} is not between 0 and 100")
    if customer.status not in STATUSES:
        out.append(f"Status: '{customer.status}' is not one of {', '.join(STATUSES)}")
    return out
