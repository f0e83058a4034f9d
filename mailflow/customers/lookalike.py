"""Sender domains made to look like a customer's: ``acrne.com`` for ``acme.com``, ``аcme.com``
with a Cyrillic а (or its ``xn--`` form), ``acme-corp.com``, ``acme.com.cn.evil.example``,
``acme.net``. A forger registers one and writes as the customer; staff reading "first order
from tom@acrne.com" confirm it. Pure.

    posing_as(address, customers, display_name="") -> str | None

returns why ``address`` looks like one of ``customers`` without being theirs (the doubt a
Review row says), or None. Only for an address no customer lists: a listed one is theirs.

Two domains look alike when their names (the label before the public suffix: ``acme`` of
``acme.co.uk``) read the same once homoglyphs are folded (Cyrillic and Greek letters that look
Latin, ``rn`` → ``m``, ``vv`` → ``w``, ``0`` → ``o``, ``1``/``i`` → ``l``), or differ by one
letter (added, dropped, changed or two swapped; names of four letters or more), or when the
customer's name is a whole label or hyphenated part of the sender's domain. A sender calling
itself by a customer's name ("Acme Robotics Inc." <x@gmail.com>) is said too.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from . import Customer, domain_of, free_mail_domains

MIN_NAME = 4  # shorter names ("abc", "hp") are parts of too many other domains
MIN_EDIT_NAME = 4
# second-level labels under which companies register in a country (acme.co.uk, acme.com.cn)
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "ltd", "plc", "biz"}
# letters of other scripts drawn like Latin ones, and Latin look-alikes of each other
_GLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "l", "ј": "j", "к": "k",
        "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y", "х": "x",
        "ԝ": "w", "ӏ": "l", "ɡ": "g", "ı": "l", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "l",
        "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "0": "o", "1": "l",
        "i": "l", "|": "l", "_": "-",
    }
)  # fmt: skip


def posing_as(address: str, customers: Iterable[Customer], display_name: str = "") -> str | None:
    host = _unicode(domain_of(address))
    if not host or "@" not in (address or ""):
        return None
    folded_name = _fold(display_name)
    for customer in customers:
        for entry in customer.senders:
            known = domain_of(entry) if "@" in entry else entry
            if not known or known in free_mail_domains():
                continue
            how = _alike(host, known)
            if how:
                return (
                    f"the sender's domain {host} {how} {known}, a domain of {customer.name} on the Customers"
                    " sheet, but is not it: a look-alike domain is how a forger poses as a customer"
                )
        if folded_name and folded_name in {_fold(customer.name), *(_fold(a) for a in customer.aliases)}:
            return (
                f"the sender calls itself {display_name.strip()!r}, the name of {customer.name} on the Customers"
                f" sheet, but {address} is not an address on file for it"
            )
    return None


def _alike(host: str, known: str) -> str | None:
    if host == known or host.endswith("." + known):
        return None
    mine, theirs = _name(host), _name(known)
    if _skeleton(host) == _skeleton(known) or (_skeleton(mine) == _skeleton(theirs) and mine != theirs):
        return "is written to look like"
    if mine == theirs:
        return "has the same name as"
    if len(theirs) >= MIN_EDIT_NAME and _one_edit(_skeleton(mine), _skeleton(theirs)):
        return "is one letter away from"
    if len(theirs) >= MIN_NAME:
        wanted = f"-{_skeleton(theirs)}-"
        if any(wanted in f"-{_skeleton(label)}-" for label in host.split(".")):
            return "carries the name of"
    return None


def _unicode(host: str) -> str:
    """``host`` with its ``xn--`` labels decoded: the letters a person sees."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    return ".".join(labels)


def _name(host: str) -> str:
    """The label a company registered: ``acme`` of ``mail.acme.com`` and of ``acme.co.uk``."""
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def _skeleton(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.translate(_GLYPHS).replace("rn", "m").replace("vv", "w").replace("cl", "d")


def _one_edit(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped (and not the same)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long[k]:
        k += 1
    return short[k:] == long[k + 1 :]


def _fold(name: str) -> str:
    return " ".join((name or "").split()).casefold()
