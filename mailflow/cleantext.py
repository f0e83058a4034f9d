"""Text that every later stage can store: no character an XML file, a header or a cell refuses.

The tracker is an .xlsx (XML), the documents are .docx (XML), and openpyxl refuses a cell value
holding a C0 control character (``\\x07``, ``\\x0b``) with ``IllegalCharacterError`` — on every
save, for every order, as long as the value is in the store. So text from outside is cleaned
once, where it enters (``message.parse`` and ``extract.parse_message``), not at each place it is
written:

* C0 controls other than tab, line feed and carriage return are removed;
* U+FFFE and U+FFFF (not characters) are removed;
* lone surrogates (raw 8-bit bytes that no charset explained) become U+FFFD.

``clean`` does one string; ``clean_values`` walks a value (dataclass, list, tuple, dict) and
returns it with every string cleaned, leaving bytes, numbers and dates alone.

``visible`` is for text an order is read from (a mail's subject and bodies): invisible format
characters — zero-width space, word joiner, byte order mark, soft hyphen, direction marks and
the rest of Unicode's "Cf" — are removed, so that ``PO-44\u200b11`` is read as ``PO-4411`` (not
cut at the invisible character) and a name or item code pasted with one is the same name or
code as without. Zero-width (non-)joiners between two letters of a script that writes with them
(Persian, the Indic scripts, Sinhala) are part of the spelling and stay. ``visible_html`` does the same
for HTML, where they are also written as character references ("&#8203;", "&shy;", "&zwnj;").

``one_line`` is for a name from outside quoted in a line of our own (a quarantine reason, a
warning): each control character, line breaks included, and each invisible direction or
zero-width mark is written as its escape.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

_REMOVED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# controls, line and paragraph separators, and the invisible marks that reorder or hide what
# follows ("PO\u202egpj.exe" shows as "POexe.jpg"; zero-width spaces split a word unseen)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ESCAPE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Unicode's format characters (general category "Cf", Unicode 15): invisible by definition
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_JOINERS = "\u200c\u200d"


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (see the module docstring)."""
    if not _REMOVED.search(text) and not _SURROGATE.search(text):
        return text  # the same object: callers see that nothing changed
    return _SURROGATE.sub("\ufffd", _REMOVED.sub("", text))


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds an invisible format character (``visible`` would change it, but for
    the joiners it keeps)."""
    return bool(text) and bool(_FORMAT.search(text))


def visible(text: str) -> str:
    """``text`` without invisible format characters (see the module docstring)."""
    if not text or not _FORMAT.search(text):
        return text
    return _FORMAT.sub(lambda m: _kept_joiner(m, text), text)


# character references an HTML part writes invisible characters with: numbered, or named
_REFERENCE = re.compile(
    r"&(?:#(?P<dec>\d{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>shy|zwsp|zwnj|zwj|lrm|rlm|"
    r"ZeroWidthSpace|NoBreak|InvisibleTimes|it|InvisibleComma|ic|ApplyFunction|af));"
)
_NAMED = {"shy": "\u00ad", "zwsp": "\u200b", "zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e", "rlm": "\u200f"}
_NAMED.update(ZeroWidthSpace="\u200b", NoBreak="\u2060", InvisibleTimes="\u2062", it="\u2062")
_NAMED.update(InvisibleComma="\u2063", ic="\u2063", ApplyFunction="\u2061", af="\u2061")


def visible_html(html: str) -> str:
    """An HTML part without invisible format characters, written as such or as references."""
    if not html or "&" not in html:
        return visible(html)
    return visible(_REFERENCE.sub(_invisible_reference, html))


def _invisible_reference(match: re.Match[str]) -> str:
    if match.group("name"):
        return _NAMED[match.group("name")]
    code = int(match.group("dec")) if match.group("dec") else int(match.group("hex"), 16)
    char = chr(code) if code < 0x110000 else ""
    return char if char and _FORMAT.fullmatch(char) else match.group()  # "&#60;" stays as written


def _kept_joiner(match: re.Match[str], text: str) -> str:
    char, start, end = match.group(), match.start(), match.end()
    if char not in _JOINERS or start == 0 or end == len(text):
        return ""
    before, after = text[start - 1], text[end]
    return char if _spelt_with(before) and _spelt_with(after) else ""


def _spelt_with(char: str) -> bool:
    """A letter or a vowel sign or virama of a script other than Latin ("ස්" + ZWJ + "රිං")."""
    return not char.isascii() and (char.isalpha() or unicodedata.category(char) in ("Mn", "Mc"))


def one_line(text: str) -> str:
    """``text`` on one line: ``\\n``, ``\\r``, ``\\t`` and ``\\xNN`` / ``\\uNNNN`` for each control
    character, line or paragraph separator and invisible direction or zero-width mark, so a
    hostile name can neither start a line of its own nor show as another name."""
    return _CONTROL.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPE.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def clean_values(value: Any) -> Any:
    """``value`` with every string inside it cleaned; dataclasses are copied, not changed."""
    if isinstance(value, str):
        return clean(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.init:
                old = getattr(value, f.name)
                new = clean_values(old)
                if new is not old:
                    changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if type(value) in (list, tuple):
        items = [clean_values(v) for v in value]
        return value if all(a is b for a, b in zip(items, value)) else type(value)(items)
    if type(value) is dict:
        pairs = [(clean_values(k), clean_values(v)) for k, v in value.items()]
        return value if all(a is k and b is v for (a, b), (k, v) in zip(pairs, value.items())) else dict(pairs)
    return value  # bytes, numbers, dates, None
