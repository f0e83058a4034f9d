"""Header values of a parsed email as the pipeline wants them. Pure.

Works on ``email.message.Message`` objects parsed with ``policy.compat32``: that policy keeps
raw 8-bit header bytes (as surrogate escapes) instead of replacing them, and never raises on a
malformed header, so every value here goes through ``charsets.header_text`` and address lists
through ``email.utils.getaddresses`` on the repaired but not yet RFC 2047-decoded text (so an
encoded display name holding a comma cannot split an address).
"""

from __future__ import annotations

import datetime as dt
import email.message
import email.utils
import re

from . import charsets

_MSG_ID = re.compile(r"<\s*([^<>\s]+(?:\s+[^<>\s]+)*)\s*>")
_FOLD = re.compile(r"\r?\n[ \t]*")
# <local@domain>: printable ASCII without spaces or brackets inside (RFC 5322 msg-id, loosely).
_CLEAN_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>")
_CLEAN_ADDRESS = re.compile(r'[^\s<>()\[\]\\,;:"@\x00-\x1f\x7f]+@[^\s<>()\[\]\\,;:"@\x00-\x1f\x7f]+')
MAX_ID_CHARS = 250  # a header line stays well under 998 octets
MAX_ADDRESS_CHARS = 64 * 1024  # of one address header read: some thousands of addresses


def raw_values(part: email.message.Message, name: str) -> list[str]:
    """Every raw value of header ``name`` (case-insensitive), unfolded, bytes still escaped."""
    name = name.lower()
    return [_FOLD.sub(" ", str(v)) for k, v in part.raw_items() if k.strip().lower() == name]


def shows(part: email.message.Message, name: str, address: str) -> bool:
    """Whether the domain of ``address`` is written plainly in a ``name`` header, as a mail
    server reads it to check the sender (DMARC): not only inside an encoded word."""
    domain = address.rpartition("@")[2].lower()
    return bool(domain) and any(domain in value.lower() for value in raw_values(part, name))


def raw_value(part: email.message.Message, name: str) -> str | None:
    values = raw_values(part, name)
    return values[0] if values else None


def decoded_headers(part: email.message.Message, warn, hint: str | None = None) -> tuple[tuple[str, str], ...]:
    """All headers as (lower-case name, decoded value), in order. ``hint``: see charsets."""
    out = []
    for name, value in part.raw_items():
        key = name.strip().lower()
        text, warnings = charsets.header_text(_FOLD.sub(" ", str(value)), f"header {key}", hint)
        for warning in warnings:
            warn(warning)
        out.append((key, text))
    return tuple(out)


def addresses(part: email.message.Message, name: str, warn, hint: str | None = None) -> list[tuple[str, str]]:
    """(display name, lower-case address) for every address in every ``name`` header."""
    found: list[tuple[str, str]] = []
    for value in raw_values(part, name):
        if len(value) > MAX_ADDRESS_CHARS:
            # the stdlib reads an address list at tens of microseconds an address, in the
            # process that fetched the mail: half a million of them held it for minutes
            cut = value.rfind(",", 0, MAX_ADDRESS_CHARS)
            value = value[: cut if cut > 0 else MAX_ADDRESS_CHARS]
            warn(f"header {name}: more than {MAX_ADDRESS_CHARS // 1024} kB of addresses; the rest left out")
        text, warning = charsets.repair_8bit(value, f"header {name}", hint)
        if warning:
            warn(warning)
        pairs = email.utils.getaddresses([text])
        if not any("@" in address for _, address in pairs):
            pairs = _decoded_pairs(text, name, hint)  # the whole header in one encoded word
        for display, address in pairs:
            written = address.strip().strip("<>")
            address = written.lower()
            if "@" not in address:
                continue
            if address.isascii() and not written.isascii():
                # a letter that lower-cases to ASCII (the Kelvin sign K → k): not the domain it mimics
                warn(f"header {name}: {written[:80]!r} is written with look-alike letters; left out")
                continue
            if not clean_address(address):
                address = _decoded_address(written, name, hint)
            if not address:
                warn(f"header {name}: {text[:80]!r} holds no plain address; left out")
                continue
            display, display_warnings = charsets.header_text(display, f"header {name}", hint)
            for display_warning in display_warnings:
                warn(display_warning)
            found.append((display, address))
    return found


def _decoded_pairs(text: str, name: str, hint: str | None) -> list[tuple[str, str]]:
    """(display, address) pairs of a header whose addresses only appear once decoded: one
    encoded word around "name <local@domain>", or ISO-2022-JP escapes left raw in the header."""
    decoded, _ = charsets.header_text(_iso_2022_jp(text), f"header {name}", hint)
    if decoded == text or "@" not in decoded:
        return []
    return [(display, address) for display, address in email.utils.getaddresses([decoded]) if "@" in address]


def _decoded_address(address: str, name: str, hint: str | None) -> str:
    """A local part written in CJK script the way some mail clients send it (an encoded word,
    "=?utf-8?b?6YeH6LSt?=@example.cn", or raw ISO-2022-JP), decoded, when what comes out is a
    plain address (``clean_address``: no spaces, brackets, control characters or encoded
    words); else "". Hostile input decodes to junk and is left out like any other."""
    if "=?" not in address and "\x1b" not in address:
        return ""
    decoded, _ = charsets.header_text(_iso_2022_jp(address), f"header {name}", hint)
    decoded = decoded.strip().strip("<>").lower()
    return decoded if decoded.count("@") == 1 and clean_address(decoded) else ""


def _iso_2022_jp(text: str) -> str:
    """Raw ISO-2022-JP (escape sequences, 7-bit) in a header, decoded; anything else unchanged."""
    if "\x1b$" not in text and "\x1b(" not in text:
        return text
    try:
        return text.encode("ascii").decode("iso-2022-jp")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def clean_address(address: str) -> bool:
    """True for a plain ``local@domain`` we may write into a To/Cc header ourselves.

    An address arrives undecoded; written back by the email library, an encoded word in it
    (``=?utf-8?q?x=0D=0A?=@evil.example``) would be decoded into a line break, so it and any
    space, control character or bracket make the address unusable.
    """
    return bool(_CLEAN_ADDRESS.fullmatch(address)) and "=?" not in address and len(address) <= 254


def message_ids(value: str | None) -> tuple[str, ...]:
    """Every clean ``<id>`` in ``value`` (see ``clean_id``), first occurrence order."""
    if not value:
        return ()
    ids: list[str] = []
    for match in _MSG_ID.finditer(value):
        ident = clean_id("<" + re.sub(r"\s+", "", match.group(1)) + ">")
        if ident and ident not in ids:
            ids.append(ident)
    return tuple(ids)


def message_id(value: str | None) -> str | None:
    """The Message-ID in ``<...>`` form; a bare ``id@host`` is bracketed; junk is None."""
    ids = message_ids(value)
    if ids:
        return ids[0]
    bare = (value or "").strip()
    if bare and "@" in bare and not re.search(r"[\s<>]", bare):
        return clean_id(f"<{bare}>")
    return None


def clean_id(ident: str) -> str | None:
    """``ident`` if it may be copied into a header we write, else None.

    Our notices answer the customer's mail with In-Reply-To and References, so an identifier
    from outside ends up in our own headers. Only ``<local@domain>`` in printable ASCII passes:
    no spaces, no control characters, no ``=?`` (an encoded word the email library would decode
    again when it writes the header, turning ``=0D=0A`` into a real line break and a ``Bcc:``
    of the sender's choosing). Anything else is dropped; threading then falls back to the
    subject, which is all a dropped identifier costs.
    """
    if not _CLEAN_ID.fullmatch(ident) or "=?" in ident or len(ident) > MAX_ID_CHARS:
        return None
    return ident


def date(value: str | None, warn) -> dt.datetime | None:
    """The Date header as an aware datetime; unreadable is a warning and None, never an error."""
    if not value or not value.strip():
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        warn(f"header date: cannot read {value.strip()[:60]!r}; left empty")
        return None
    if when is None:
        warn(f"header date: cannot read {value.strip()[:60]!r}; left empty")
        return None
    if when.tzinfo is None:
        # "-0000" means "zone unknown" (RFC 5322 §3.3); UTC is the least wrong reading.
        warn("header date: no time zone; read as UTC")
        when = when.replace(tzinfo=dt.timezone.utc)
    return when
