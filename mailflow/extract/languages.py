"""The languages mailflow reads, as data: ``mailflow/data/languages/<tag>.yaml``.

Contract
    ``load()`` reads every language file once, checks it and returns a ``Languages``: document
    titles per kind, message cues, reply and forward prefixes, the header labels and marker lines
    of quoted and forwarded mail, party-block labels, legal forms, and the
    header labels / table headers / units / total rows that ``vocabulary.Vocabulary`` merges with
    its own. A file with an unknown key, an unknown field, an empty or repeated word, or a title
    that two document kinds claim raises ``LanguageDataError`` naming the file and key: a typo
    in the data stops mailflow at start-up instead of silently never matching.

    Month names and number symbols come from CLDR through Babel (``month_words``,
    ``number_symbols``), so they are not typed by hand in the files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import MailflowError
from babel import Locale, localedata
from babel.dates import get_month_names

DOCUMENT_KINDS = (
    "purchase_order",
    "invoice",
    "credit_note",
    "debit_note",
    "proforma_invoice",
    "quotation",
    "rfq",
    "statement",
    "remittance",
    "shipping_notice",
    "return_note",
    "order_acknowledgement",
)
MESSAGE_KINDS = ("purchase_order", "payment_advice", "inspection_reply", "change_request", "auto_reply", "not_order")
LABEL_FIELDS = (
    "po_number",
    "po_date",
    "delivery_date",
    "currency",
    "incoterms",
    "payment_terms",
    "total",
    "buyer",
    "supplier",
    "ship_to",
)
COLUMN_FIELDS = (
    "line_no",
    "item",
    "item_alt",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "delivery_date",
    "cumulative",  # a call-off's cum qty: named so that it is never read as the quantity
)
ROW_KINDS = ("total", "quantity_total", "subtotal", "charges", "notes")
PARTY_KINDS = ("company", "person", "not_a_name")
# The lines a mail client writes over mail it quotes or forwards, per language: the header labels
# of a quoted header block ("Von:", "Gesendet:", "差出人:"), the marker lines ("Weitergeleitete
# Nachricht", "Original Message") and the "... wrote:" line of a reply.
MAIL_HEADER_KINDS = ("from", "date", "to", "cc", "subject", "forwarded", "original", "wrote")
_KEYS = {
    "language": str,
    "documents": dict,
    "cues": dict,
    "reply_prefixes": list,
    "forward_prefixes": list,
    "mail_headers": dict,
    "parties": dict,
    "legal_forms": list,
    "labels": dict,
    "columns": dict,
    "units": list,
    "rows": dict,
}
_ALLOWED = {
    "documents": DOCUMENT_KINDS,
    "cues": MESSAGE_KINDS,
    "parties": PARTY_KINDS,
    "mail_headers": MAIL_HEADER_KINDS,
    "labels": LABEL_FIELDS,
    "columns": COLUMN_FIELDS,
    "rows": ROW_KINDS,
}
# Babel's locale names for our tags
_BABEL = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}


class LanguageDataError(MailflowError):
    """A language file is malformed: the message names the file and the key."""


@dataclass
class Languages:
    tags: list[str] = field(default_factory=list)
    # tag → the words its titles, labels, headers, rows, party labels and cues are written with
    own_words: dict[str, set[str]] = field(default_factory=dict)
    documents: dict[str, list[str]] = field(default_factory=dict)  # kind → titles, all languages
    cues: dict[str, list[str]] = field(default_factory=dict)
    reply_prefixes: list[str] = field(default_factory=list)
    forward_prefixes: list[str] = field(default_factory=list)
    mail_headers: dict[str, list[str]] = field(default_factory=dict)
    parties: dict[str, list[str]] = field(default_factory=dict)
    legal_forms: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    rows: dict[str, list[str]] = field(default_factory=dict)


def check(data: Any, source: str) -> dict[str, Any]:
    """``data`` (one parsed file) if it is well formed; else ``LanguageDataError``."""
    if not isinstance(data, dict):
        raise LanguageDataError(f"{source}: expected a mapping of keys, got {type(data).__name__}")
    for key, value in data.items():
        if key not in _KEYS:
            raise LanguageDataError(f"{source}: unknown key {key!r}", hint=f"known keys: {', '.join(_KEYS)}")
        if not isinstance(value, _KEYS[key]):
            raise LanguageDataError(f"{source}: {key} must be a {_KEYS[key].__name__}")
        if isinstance(value, dict):
            for name, words in value.items():
                if name not in _ALLOWED[key]:
                    raise LanguageDataError(f"{source}: {key}.{name} is not one of {', '.join(_ALLOWED[key])}")
                _check_words(words, f"{source}: {key}.{name}")
        elif isinstance(value, list):
            _check_words(value, f"{source}: {key}")
    if not data.get("language"):
        raise LanguageDataError(f"{source}: the key 'language' (a tag such as 'de') is required")
    return data


def _check_words(words: Any, where: str) -> None:
    if not isinstance(words, list) or not words:
        raise LanguageDataError(f"{where} must be a non-empty list of words")
    seen: set[str] = set()
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise LanguageDataError(f"{where}: {word!r} is not a word")
        if word.lower() in seen:
            raise LanguageDataError(f"{where}: {word!r} is listed twice")
        seen.add(word.lower())


def merge(files: list[tuple[str, dict[str, Any]]]) -> Languages:
    """All checked files as one ``Languages``; a title two document kinds claim is an error."""
    out = Languages()
    claimed: dict[str, tuple[str, str]] = {}
    for source, data in files:
        out.tags.append(data["language"])
        out.own_words[data["language"]] = _words_of(data)
        for kind, titles in (data.get("documents") or {}).items():
            for title in titles:
                key = title.lower()
                if key in claimed and claimed[key][0] != kind:
                    raise LanguageDataError(
                        f"{source}: the title {title!r} is a {kind} here but a {claimed[key][0]} in {claimed[key][1]}"
                    )
                claimed[key] = (kind, source)
        for key in ("documents", "cues", "mail_headers", "parties", "labels", "columns", "rows"):
            target = getattr(out, key)
            for name, words in (data.get(key) or {}).items():
                bucket = target.setdefault(name, [])
                bucket.extend(w for w in words if w not in bucket)
        for key in ("reply_prefixes", "forward_prefixes", "legal_forms", "units"):
            target = getattr(out, key)
            target.extend(w for w in data.get(key) or [] if w not in target)
    return out


# a word: letters with the vowel signs and marks of their script ("ඇණවුම්", "ຈຳກັດ": a \w run
# breaks at each sign)
_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u1000-\u109f\u17b4-\u17d3\u200c\u200d])+"
)
# A word shorter than this says nothing of a language ("de", "na", "data", "nr"): many write it
_LANGUAGE_WORD_LETTERS = 5


def _words_of(data: dict[str, Any]) -> set[str]:
    """The words of one language file's titles, labels, headers, rows, party labels and cues."""
    phrases: list[str] = []
    for key in ("documents", "cues", "parties", "labels", "columns", "rows"):
        for words in (data.get(key) or {}).values():
            phrases.extend(words)
    return {w for p in phrases for w in _WORD.findall(unicodedata.normalize("NFC", p.lower()))}


# libyaml's parser when PyYAML was built with it: every process that reads mail parses all the
# language files at start-up, about eight times faster so (the same safe constructors either way).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeys(_SafeLoader):
    """YAML where a key written twice in one mapping is an error, not the last one silently winning."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is written twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def parse(text: str, source: str) -> Any:
    """One language file's YAML; a syntax error or a key written twice raises ``LanguageDataError``."""
    try:
        return yaml.load(text, Loader=_UniqueKeys)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"{source}: not valid YAML: {exc}") from exc


@lru_cache(maxsize=1)
def load() -> Languages:
    folder = resources.files("mailflow").joinpath("data/languages")
    files = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        source = f"languages/{entry.name}"
        data = parse(entry.read_text(encoding="utf-8"), source)
        files.append((source, check(data, source)))
    return merge(files)


def _babel_locale(tag: str):
    return Locale.parse(_BABEL.get(tag, tag.replace("-", "_")))


MONTH_WORDS = "data/month_words.json"  # CLDR's month words per language, written by scripts/month_words.py


@lru_cache(maxsize=1)
def month_readings() -> dict[str, dict[int, list[str]]]:
    """Month names and abbreviations of every supported language → the months they name → the
    languages that mean them so (CLDR): "märz" → {3: ["de"]}, "listopad" → {11: ["cs", "pl"], 10: ["hr"]}.

    Only alphabetic words are kept ("März", "févr", "maart"; not "3月", which the date patterns
    read as digits), and abbreviations only from four letters: three-letter ones of other
    languages are everyday words ("set", "out", "ago", "sie") that would turn "1 set" into a date.

    The words come from ``MONTH_WORDS`` (what ``cldr_month_words`` gives, stored): reading CLDR
    itself costs every process that reads mail about 28 MB for good (Python keeps the memory
    of the locale data it freed), for a few hundred words. A language the file lacks is read
    from CLDR all the same.
    """
    stored = stored_month_words()
    found: dict[str, dict[int, list[str]]] = {}
    read_cldr = False
    for tag in load().tags:
        words = stored.get(tag)
        if words is None:
            words, read_cldr = cldr_month_words(tag), True
        for word, months in words.items():
            for month in months:
                found.setdefault(word, {}).setdefault(month, []).append(tag)
    if read_cldr:
        localedata.clear_caches()  # the whole CLDR data of every language would stay cached
    return found


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """``month_readings``' words that name one month whatever the language → that month. A word
    two languages use for different months is left to ``shared_month_words``, not guessed."""
    return {word: next(iter(readings)) for word, readings in month_readings().items() if len(readings) == 1}


def shared_month_words() -> dict[str, dict[int, list[str]]]:
    """The month words languages disagree on, with what each language means: "listopad" →
    {11: ["cs", "pl"], 10: ["hr"]}. Read only with the text's own letters to choose, and then
    always for a person to confirm."""
    return {word: readings for word, readings in month_readings().items() if len(readings) > 1}


def stored_month_words() -> dict[str, dict[str, list[int]]]:
    """``MONTH_WORDS``: language tag → word → the months it names (empty if the file is missing)."""
    try:
        text = resources.files("mailflow").joinpath(MONTH_WORDS).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)


def cldr_month_words(tag: str) -> dict[str, list[int]]:
    """The month words of one language from CLDR (see ``month_words``): word → months."""
    found: dict[str, set[int]] = {}
    locale = _babel_locale(tag)
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                word = name.lower().rstrip(".")
                # an abbreviation of four letters, vowel signs not counted: Burmese "အောက်"
                # (October's) is the everyday word "below"
                if _letters(word) and (len(word) >= 3 if width == "wide" else sum(c.isalpha() for c in word) >= 4):
                    found.setdefault(word, set()).add(number)
    return {word: sorted(months) for word, months in sorted(found.items())}


def _letters(word: str) -> bool:
    """Only letters, and the vowel signs and marks Indic scripts write letters with ("জানুয়ারী",
    "ஜனவரி"): ``str.isalpha`` alone refuses every month name of those scripts."""
    return bool(word) and all(c.isalpha() or unicodedata.category(c) in ("Mn", "Mc") for c in word)


def number_symbols(tag: str) -> tuple[str, str]:
    """(decimal sign, group sign) the language writes numbers with: ("," , ".") for de."""
    symbols = _babel_locale(tag).number_symbols
    latin = symbols.get("latn", symbols) if hasattr(symbols, "get") else symbols
    return latin["decimal"], latin["group"]


# A word that many languages write says nothing of which ("total", "pedido" says Spanish or
# Portuguese or Galician: few enough)
_LANGUAGE_WORD_OWNERS = 3


@lru_cache(maxsize=1)
def _language_words() -> dict[str, frozenset[str]]:
    """Word → the few languages that write it: the words of the language files' titles, labels,
    headers, rows, party labels and cues of ``_LANGUAGE_WORD_LETTERS`` letters or more, and month
    words ("grudnia", "prosinca"), each written by at most ``_LANGUAGE_WORD_OWNERS`` languages."""
    owners: dict[str, set[str]] = {}
    data = load()
    for tag, words in data.own_words.items():
        for word in words:
            if len(word) >= _LANGUAGE_WORD_LETTERS:
                owners.setdefault(word, set()).add(tag)
    for word, readings in month_readings().items():
        owners.setdefault(word, set()).update(t for tags in readings.values() for t in tags)
    return {word: frozenset(tags) for word, tags in owners.items() if len(tags) <= _LANGUAGE_WORD_OWNERS}


def document_languages(text: str) -> tuple[str, ...]:
    """The languages ``text`` is written in, as far as its words tell: those that write the most
    of its words (``_language_words``), most first, and only those that write at least half as
    many as the first (a Polish word in a Croatian order's company name does not make it
    Polish). Empty when none of its words tells a language."""
    hits: dict[str, int] = {}
    owner = _language_words()
    for word in set(_WORD.findall(unicodedata.normalize("NFC", text.lower()))):
        for tag in owner.get(word, ()):
            hits[tag] = hits.get(tag, 0) + 1
    if not hits:
        return ()
    ranked = sorted(hits, key=lambda t: (-hits[t], t))
    best = hits[ranked[0]]
    return tuple(t for t in ranked if hits[t] * 2 >= best)


MONTH_ABBREVIATIONS = "data/month_abbreviations.json"  # CLDR's short month abbreviations, by scripts/month_words.py


def cldr_month_abbreviations(tag: str) -> dict[str, list[int]]:
    """The month abbreviations of fewer than four letters of one language from CLDR ("ago",
    "set", "lis"), which ``cldr_month_words`` leaves out: everyday words in other languages,
    read only in a document written in this one."""
    found: dict[str, set[int]] = {}
    locale = _babel_locale(tag)
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("abbreviated", context, locale).items():
            word = name.lower().rstrip(".")
            if _letters(word) and 2 <= sum(c.isalpha() for c in word) < 4:
                found.setdefault(word, set()).add(number)
    return {word: sorted(months) for word, months in sorted(found.items())}


def stored_month_abbreviations() -> dict[str, dict[str, list[int]]]:
    """``MONTH_ABBREVIATIONS``: language tag → abbreviation → the months it names."""
    try:
        text = resources.files("mailflow").joinpath(MONTH_ABBREVIATIONS).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)


@lru_cache(maxsize=1)
def short_month_words() -> dict[str, dict[int, list[str]]]:
    """The short month abbreviations of every language → the months they name → the languages
    that write them so: "lis" → {11: ["cs", "pl"], 10: ["hr"]}, "ago" → {8: ["es", "it", "pt", ...]}."""
    stored = stored_month_abbreviations()
    found: dict[str, dict[int, list[str]]] = {}
    for tag in load().tags:
        for word, months in stored.get(tag, {}).items():
            for month in months:
                found.setdefault(word, {}).setdefault(month, []).append(tag)
    return found
