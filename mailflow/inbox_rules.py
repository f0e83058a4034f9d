"""Inbox rules: one YAML file per customer in ``inbox_rules/``, validated at load.

A rule says how to recognise a customer's mail (``match``) and how to read it: the customer's
name as the tracker should show it, language, locale (date order, decimal comma), default
currency, extra column and label synonyms, regex field patterns that override the generic
extractor, and what to do with the message (``action``). See ``inbox_rules/*.yaml``.

Contract
    ``load_rules(folder) -> list[Rule]`` (sorted by file name) raises ``ConfigError`` naming
    ``file:line key: why`` for an unknown key, a bad value, or a pattern without a group.
    ``match(rules, message) -> list[Rule]``: every rule whose criteria all hold (senders,
    subject keywords, body keywords; each list is any-of). Two matches are reported by the
    extractor as a warning and ``needs_review``; neither rule is applied.
    ``check_rules(folder) -> list[str]``: every problem of every file (for ``mailflow check``),
    plus rules that would match the same senders, and field patterns that repeat a repeat
    (``repeats_a_repeat``: exponential time on a hostile mail's text).
"""

from __future__ import annotations

import re
import re._parser as _sre
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .config import Strict, read_yaml, validate
from .errors import ConfigError
from .model import Message

HeaderField = Literal[
    "po_number",
    "po_date",
    "delivery_date",
    "currency",
    "incoterms",
    "payment_terms",
    "total",
    "customer",
]
ColumnField = Literal["item", "description", "quantity", "unit", "unit_price", "amount", "delivery_date", "line_no"]
LabelField = Literal[
    "po_number",
    "po_date",
    "delivery_date",
    "currency",
    "incoterms",
    "payment_terms",
    "total",
    "buyer",
    "supplier",
]


def _listify(value: object) -> object:
    return [value] if isinstance(value, str) else value


class RuleMatch(Strict):
    """All given criteria must hold; within one list, any entry is enough."""

    senders: list[str] = Field(default_factory=list)  # "tom@acme.example", "acme.example", "@acme.example"
    subject: list[str] = Field(default_factory=list)  # keywords, case-insensitive
    body: list[str] = Field(default_factory=list)

    @field_validator("senders", "subject", "body", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return _listify(value)

    @field_validator("senders")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        out = []
        for sender in value:
            sender = sender.strip().lower()
            if not re.fullmatch(r"(?:[^@\s]+@)?@?[a-z0-9.\-]+\.[a-z0-9\-]+", sender):
                raise ValueError(f"'{sender}' is not an address or a domain (tom@acme.com, acme.com)")
            out.append(sender)
        return out

    @model_validator(mode="after")
    def _something(self) -> "RuleMatch":
        if not (self.senders or self.subject or self.body):
            raise ValueError("give at least one of senders, subject, body (a rule matching all mail is a mistake)")
        return self


class Rule(Strict):
    name: str = ""  # defaults to the file name without .yaml
    match: RuleMatch
    customer: str | None = None  # the buyer's name as the tracker shows it
    language: Literal["en", "zh"] | None = None  # of the customer's notices
    locale: str | None = None  # en_US, de_DE, zh_CN: date order and decimal comma
    date_order: Literal["DMY", "MDY", "YMD"] | None = None  # overrides the locale's
    currency: str | None = None  # ISO 4217, when the order does not say (and to read "¥")
    fields: dict[HeaderField, str] = Field(default_factory=dict)  # regex with one group
    columns: dict[ColumnField, list[str]] = Field(default_factory=dict)  # extra header synonyms
    labels: dict[LabelField, list[str]] = Field(default_factory=dict)  # extra label synonyms
    action: Literal["parse", "review", "ignore"] = "parse"  # review: always needs_review
    kind: (
        Literal["purchase_order", "payment_advice", "inspection_reply", "change_request", "auto_reply", "other"] | None
    ) = None  # force the kind of every matching message
    source_file: str = Field(default="", exclude=True)

    @field_validator("currency")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Z]{3}", value.strip().upper()):
            raise ValueError("write the currency as an ISO 4217 code (USD, EUR, CNY)")
        return value.strip().upper() if value else value

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[a-z]{2}(?:[_-][A-Za-z]{2})?", value.strip()):
            raise ValueError("write the locale as language_REGION (en_US, de_DE, zh_CN)")
        return value

    @field_validator("fields")
    @classmethod
    def _patterns(cls, value: dict[str, str]) -> dict[str, str]:
        for name, pattern in value.items():
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{name}: not a valid regular expression ({exc})") from None
            if compiled.groups < 1:
                raise ValueError(f"{name}: the pattern needs a group ( ... ) around the value")
        return value

    @field_validator("columns", "labels", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: _listify(v) for k, v in value.items()}
        return value

    def matches(self, message: Message) -> bool:
        m = self.match
        if m.senders and not any(sender_is(message.from_addr, s) for s in m.senders):
            return False
        if m.subject and not any(k.lower() in (message.subject or "").lower() for k in m.subject):
            return False
        if m.body and not any(k.lower() in (message.text or "").lower() for k in m.body):
            return False
        return True


def sender_is(address: str, sender: str) -> bool:
    address = (address or "").lower()
    if "@" in sender.lstrip("@"):
        return address == sender
    domain = sender.lstrip("@")
    host = address.rpartition("@")[2]
    return host == domain or host.endswith("." + domain)


def repeats_a_repeat(pattern: str) -> bool:
    """Whether ``pattern`` holds a repeated group that can itself match in more than one way by
    repeating inside (``(\\w+\\s?)+``, ``(a*)*``): the shape whose matching time grows
    exponentially with the length of a text that almost matches. Possessive and atomic inner
    repeats (``\\w++``, ``(?>...)``) are fine."""
    try:
        tree = _sre.parse(pattern)
    except re.error:
        return False
    stack: list[tuple[object, bool]] = [(tree, False)]
    while stack:
        node, inside = stack.pop()
        for item in node if isinstance(node, (list, _sre.SubPattern)) else ():
            op, value = item
            if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
                low, high, sub = value
                varies = high is _sre.MAXREPEAT or high > low  # \\d{3} matches one way only
                if inside and varies and (high is _sre.MAXREPEAT or high > 1):  # a\\s? inside is one way or none
                    return True
                stack.append((sub, inside or varies))
            elif op == _sre.SUBPATTERN:
                stack.append((value[-1], inside))
            elif op == _sre.BRANCH:
                stack.extend((branch, inside) for branch in value[1])
    return False


def _files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def load_rule(path: Path) -> Rule:
    data, lines = read_yaml(path)
    rule = validate(Rule, data, path, lines)
    rule.name = rule.name or path.stem
    rule.source_file = str(path)
    return rule


def load_rules(folder: str | Path) -> list[Rule]:
    """Every rule in ``folder``; the first invalid file raises ConfigError (file:line key: why)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: inbox rules folder not found")
    rules = [load_rule(path) for path in _files(folder)]
    names: dict[str, str] = {}
    for rule in rules:
        if rule.name in names:
            raise ConfigError(f"{rule.source_file}: rule name '{rule.name}' is also used by {names[rule.name]}")
        names[rule.name] = rule.source_file
    return rules


def match(rules: list[Rule], message: Message) -> list[Rule]:
    return [rule for rule in rules if rule.matches(message)]


def check_rules(folder: str | Path) -> list[str]:
    """All problems in ``folder``'s rule files, one line each (empty when all is well)."""
    folder = Path(folder)
    problems: list[str] = []
    rules: list[Rule] = []
    for path in _files(folder):
        try:
            rules.append(load_rule(path))
        except ConfigError as exc:
            problems.extend(str(exc).splitlines())
    for rule in rules:
        for name, pattern in rule.fields.items():
            if repeats_a_repeat(pattern):
                problems.append(
                    f"{rule.source_file}: fields {name}: '{pattern}' repeats a repeat (like (\\w+\\s?)+): on a"
                    " hostile mail's text it can run for minutes, and the mail is quarantined for it; repeat one"
                    " thing only ([\\w\\s]+) or make the inner repeat possessive (\\w++)"
                )
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.name in seen:
            problems.append(
                f"{rule.source_file}: rule name '{rule.name}' is also used by {seen[rule.name].source_file}"
            )
        seen.setdefault(rule.name, rule)
    for i, a in enumerate(rules):
        for b in rules[i + 1 :]:
            shared = set(a.match.senders) & set(b.match.senders)
            if shared and not (a.match.subject or a.match.body or b.match.subject or b.match.body):
                problems.append(
                    f"{b.source_file}: matches the same senders as {a.source_file} ({', '.join(sorted(shared))});"
                    " add subject or body keywords to tell them apart"
                )
    return problems
