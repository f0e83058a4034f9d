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

``one_line`` is for a name from outside quoted in a line of our own (a quarantine reason, a
warning): each control character, line breaks included, is written as its escape.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_REMOVED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (see the module docstring)."""
    if not _REMOVED.search(text) and not _SURROGATE.search(text):
        return text  # the same object: callers see that nothing changed
    return _SURROGATE.sub("\ufffd", _REMOVED.sub("", text))


def one_line(text: str) -> str:
    """``text`` on one line: ``\\n``, ``\\r``, ``\\t`` and ``\\xNN`` / ``\\uNNNN`` for each control
    character and line or paragraph separator, so a hostile name cannot start a line of its own."""
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
