"""Raw email bytes → ``model.Message``: decoded headers, one text body, safe attachments.

Contract
    ``parse(raw, limits=None) -> Message`` is pure (no files, no network, no clock except the
    parse deadline, counted in the reading thread's processor time) and raises nothing but
    ``MessageError`` — ``LimitExceeded`` when the message is over a configured bound — with a
    one-line reason for the quarantine entry.
    Anything unexpected inside becomes ``MessageError("cannot parse MIME: ...")``. A bad charset,
    a bad date or a MIME defect is never an error: it is repaired and noted in ``warnings``.

What comes out
    * ``text``: the text/plain body parts in order; HTML-only bodies converted to text (table
      rows one per line, cells joined by ``" | "``); each forwarded message (message/rfc822)
      appended after ``FORWARD_MARKER`` with its From/Date/Subject lines. ``html`` keeps the
      original HTML parts.
    * ``attachments``: flattened from every level, forwarded messages and TNEF winmail.dat
      included; content type sniffed from the bytes; ``filename`` safe to join to a folder and
      unique within the message; ``inline`` for images that are decoration (signature logos,
      cid-referenced or inline images, small images) so they are never taken as a PO.
      A file that would run code when opened from the archive (a program, whatever its name;
      an Office file with macros) has ``.blocked`` added to its name, said in ``warnings``.
    * headers decoded (RFC 2047, RFC 2231, raw 8-bit), addresses lower-case, ids in ``<...>``.

Parsing uses the stdlib with ``policy.compat32``: it is the policy that survives hostile mail
(it keeps 8-bit bytes, never raises on a header) — decoding is then done here, deliberately.

Bounded while it is read
    The stdlib parser builds every part before anything looks at them, in the process that
    called ``parse``: a mail of a million tiny parts took it a minute and gigabytes. So the parts
    are counted (``max_parts``) and their nesting measured as the parser makes them, and the
    parse deadline is checked between the slices it is fed: a mail over a bound stops being
    read there. It also keeps every line as an object of its own, tens of bytes each, so the
    lines of the whole mail are counted first (``max_lines``). Nesting is counted two ways: multiparts within one message (``max_depth``,
    afresh inside each attached message) and messages attached within messages
    (``max_forwards``), so a PO forwarded as an attachment twice is read and a deep bomb is not.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import time
from dataclasses import dataclass, field
from email import policy
from email.message import Message as EmailMessage
from email.feedparser import BytesFeedParser

from tnefparse import TNEF as TnefFile  # noqa: N811 - the library's name for the format

from ..cleantext import clean_values
from ..config import Limits
from ..errors import LimitExceeded, MessageError
from ..formats import TNEF, scanned_page
from ..model import Attachment, Message
from . import charsets, headers
from .hidden import hidden_note, unseen_note, unseen_numbers
from .htmltext import cid_references, soup_of, soup_to_text, visible_text
from .names import disarmed, safe_filename, unique
from .sniff import sniff

__all__ = ["parse", "safe_filename", "sniff", "FORWARD_MARKER"]

FORWARD_MARKER = "---------- Forwarded message ----------"
MAX_WARNINGS = 40
MB = 1024 * 1024
FEED_BYTES = 64 * 1024  # the parser is fed this much at a time, the deadline checked in between
_CHARSET_PARAM = re.compile(rb"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", re.I)
_TOKEN_JUNK = re.compile(r"[^a-z0-9!#$&^_.+/-]")
_EXTENSIONS = {
    "text/plain": ".txt",
    "image/jpeg": ".jpg",
    "message/rfc822": ".eml",
    TNEF: ".dat",
    "application/octet-stream": ".bin",
    "text/csv": ".csv",
    "text/html": ".html",
}


def parse(raw: bytes, limits: Limits | None = None) -> Message:
    """Normalise one raw email. Raises only ``MessageError`` / ``LimitExceeded``."""
    limits = limits or Limits()
    try:
        return _parse(bytes(raw), limits)
    except MessageError:
        raise
    except RecursionError:
        raise MessageError("cannot parse MIME: structure nested too deeply for the parser") from None
    except Exception as exc:  # the contract: a bad message is a reason, never a crash
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        raise MessageError(f"cannot parse MIME: {reason}") from exc


# --------------------------------------------------------------------------- the walk


@dataclass
class _Found:
    """An attachment as found, before it is named and typed."""

    data: bytes
    declared: str
    original: str  # decoded filename, "" when the sender gave none
    disposition: str | None
    content_id: str | None
    related: bool  # inside multipart/related: an image the HTML shows


@dataclass
class _Body:
    """The text of one message level: the top one, or one forwarded message."""

    plain: list[str] = field(default_factory=list)
    forwards: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n\n".join(p.strip("\n") for p in (*self.plain, *self.forwards) if p.strip())


class _Walk:
    """State of one parse: limits, deadline, what was found so far, warnings."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # the reading thread's own processor time: a busy machine does not make a mail late
        self.deadline = time.thread_time() + limits.parse_seconds
        self.found: list[_Found] = []
        self.html: list[str] = []
        self.cids: set[str] = set()
        self.warnings: list[str] = []
        self.unseen: list[str] = []  # numbers a plain-text version says and its HTML does not show
        self.hint: str | None = None  # the first charset the message declares: for raw 8-bit headers

    def warn(self, text: str) -> None:
        if text in self.warnings:
            return
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(text)
        elif len(self.warnings) == MAX_WARNINGS:
            self.warnings.append("more warnings left out")

    def tick(self) -> None:
        if time.thread_time() > self.deadline:
            raise LimitExceeded(f"parsing took longer than the {self.limits.parse_seconds:g} s limit")

    def add(self, found: _Found) -> None:
        self.check_size(len(found.data), found.original or "unnamed")
        if len(self.found) >= self.limits.max_attachments:
            raise LimitExceeded(
                f"message has more than {self.limits.max_attachments} attachments (the max_attachments limit)"
            )
        self.found.append(found)

    def check_size(self, size: int, name: str, about: bool = False) -> None:
        limit = self.limits.max_attachment_bytes
        if size > limit:
            raise LimitExceeded(
                f"attachment {name!r} is {'at least ' if about else ''}{_mb(size)}, over the {_mb(limit)} limit"
            )


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= 10 * MB else f"{size / MB:.1f} MB"


def _parse(raw: bytes, limits: Limits) -> Message:
    if len(raw) > limits.max_message_bytes:
        raise LimitExceeded(f"message is {_mb(len(raw))}, over the {_mb(limits.max_message_bytes)} limit")
    if not raw.strip():
        raise MessageError("empty message")
    lines = max(raw.count(b"\n"), raw.count(b"\r"))  # CR alone ends a line for the parser too
    if lines > limits.max_lines:
        raise LimitExceeded(f"message has {lines} lines, over the {limits.max_lines} limit (max_lines)")
    walk = _Walk(limits)
    root = _read_structure(raw, walk)
    if not root.keys():
        raise MessageError("not an email: no header lines found")
    declared = _CHARSET_PARAM.search(raw[:65536])
    walk.hint = declared.group(1).decode("ascii") if declared else None
    body = _Body()
    _walk(root, walk, body)

    warn = walk.warn
    hint = walk.hint
    decoded = headers.decoded_headers(root, warn, hint)
    first = {}
    for key, value in decoded:
        first.setdefault(key, value)
    written = headers.addresses(root, "from", warn, hint)
    senders = written or headers.addresses(root, "sender", warn, hint)
    reply_to = headers.addresses(root, "reply-to", warn, hint)
    if not senders:
        warn("header from: no sender address")
    # Cleaned once, here: every later stage may store any of these strings (see cleantext).
    return clean_values(
        Message(
            sha256=hashlib.sha256(raw).hexdigest(),
            size=len(raw),
            message_id=headers.message_id(first.get("message-id")),
            subject=first.get("subject", ""),
            from_addr=senders[0][1] if senders else "",
            from_name=senders[0][0] if senders else "",
            to=_unique_addresses(headers.addresses(root, "to", warn, hint)),
            cc=_unique_addresses(headers.addresses(root, "cc", warn, hint)),
            reply_to=reply_to[0][1] if reply_to else None,
            date=headers.date(first.get("date"), warn),
            in_reply_to=headers.message_id(first.get("in-reply-to")),
            references=headers.message_ids(" ".join(v for k, v in decoded if k == "references")),
            headers=decoded,
            text=body.text(),
            html="\n".join(walk.html) or None,
            attachments=_finish(walk),
            warnings=tuple(walk.warnings),
            unseen_numbers=tuple(dict.fromkeys(walk.unseen)),
            other_senders=tuple(a for a in _unique_addresses(senders) if a != senders[0][1]) if senders else (),
            sender_unchecked=bool(senders) and not (written and headers.shows(root, "from", senders[0][1])),
        )
    )


class _Budget:
    """The parts the parser has made so far for one message, against ``max_parts``."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.parts = 0

    def new_part(self, policy: object = policy.compat32) -> _Part:
        self.parts += 1
        if self.parts > self.limits.max_parts:
            raise LimitExceeded(f"message has more than {self.limits.max_parts} MIME parts (the max_parts limit)")
        part = _Part(policy)
        part.budget = self
        return part


class _Part(EmailMessage):
    """A part as the parser makes it, knowing how deep it sits; a nesting over the limits stops
    the parse before the parser reads on inside it."""

    budget: _Budget
    depth = 0  # multiparts around it within its message
    forwards = 0  # messages attached around it

    def attach(self, payload: EmailMessage) -> None:  # type: ignore[override]
        limits = self.budget.limits
        if isinstance(payload, _Part):
            if self.get_content_maintype() == "message":
                payload.depth, payload.forwards = 0, self.forwards + 1
                if payload.forwards > limits.max_forwards:
                    raise LimitExceeded(
                        f"attached messages are nested more than {limits.max_forwards} deep (the max_forwards limit)"
                    )
            else:
                payload.depth, payload.forwards = self.depth + 1, self.forwards
                if payload.depth > limits.max_depth:
                    raise LimitExceeded(
                        f"MIME structure is nested more than {limits.max_depth} levels deep (the max_depth limit)"
                    )
        super().attach(payload)


def _read_structure(raw: bytes, walk: _Walk) -> EmailMessage:
    """The parsed MIME tree, refused as soon as it is over ``max_parts``, a nesting limit or the
    deadline."""
    budget = _Budget(walk.limits)
    parser = BytesFeedParser(_factory=budget.new_part, policy=policy.compat32)
    budget.parts = 0  # the parser made one part to try the factory
    for start in range(0, len(raw), FEED_BYTES):
        parser.feed(raw[start : start + FEED_BYTES])
        walk.tick()
    return parser.close()


def _unique_addresses(pairs: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(address for _, address in pairs))


def _walk(part: EmailMessage, walk: _Walk, body: _Body, related: bool = False) -> None:
    """Visit ``part``: body text into ``body``, files into ``walk``."""
    walk.tick()
    for defect in getattr(part, "defects", ()):
        walk.warn(f"MIME defect: {type(defect).__name__}")
    view = _view(part, walk)
    ctype = _TOKEN_JUNK.sub("", view.get_content_type())  # "text/plain>" is text/plain
    if part.is_multipart():
        payload = part.get_payload()
        if ctype.startswith("message/"):
            _message_part(part, ctype, payload, walk, body)
            return
        inner_related = ctype == "multipart/related"
        if ctype == "multipart/alternative":
            _alternative(payload, walk, body)
            return
        for child in payload:
            _walk(child, walk, body, related=inner_related or related)
        return
    if ctype.startswith("multipart/"):
        # No usable boundary (the parser noted the defect): the body is the text it holds.
        ctype = "text/plain"
    _leaf(part, view, ctype, walk, body, related)


def _alternative(children: list, walk: _Walk, body: _Body) -> None:
    """multipart/alternative: the plain version is the text; HTML only when there is none. A
    plain version with numbers its HTML does not show is said (``hidden.unseen_numbers``)."""
    has_plain = any(
        isinstance(child, EmailMessage)
        and not child.is_multipart()
        and _view(child, walk).get_content_type() == "text/plain"
        for child in children
    )
    read: list[str] = []
    shown: list[str] = []
    for child in children:
        view = _view(child, walk)
        kind = view.get_content_type()
        if kind.startswith("text/") and kind not in ("text/plain", "text/html") and not _filename(view, walk):
            continue  # another rendering of the same text (text/enriched, text/watch-html)
        sub = _Body()
        _walk(child, walk, sub)
        if has_plain and _is_html_only(sub, child, walk):
            shown.extend(sub.plain)
            continue  # its HTML is kept in Message.html; the plain version is the text
        read.extend(sub.plain)
        body.plain.extend(sub.plain)
        body.forwards.extend(sub.forwards)
    if read and shown:
        missing = unseen_numbers("\n".join(read), "\n".join(shown))
        if missing:
            walk.unseen.extend(missing)
            walk.warn(unseen_note(missing))


def _is_html_only(sub: _Body, child: EmailMessage, walk: _Walk) -> bool:
    return _view(child, walk).get_content_type() in ("text/html", "multipart/related") and not sub.forwards


def _message_part(part, ctype: str, payload: list, walk: _Walk, body: _Body) -> None:
    inner = payload[0] if payload else None
    if ctype == "message/delivery-status":
        # A bounce's machine-readable report: blocks of headers, useful for a person reading it.
        blocks = ["\n".join(f"{k}: {v}" for k, v in headers.decoded_headers(b, walk.warn)) for b in payload]
        body.plain.append("\n\n".join(blocks))
        return
    if ctype == "message/external-body":
        walk.warn("message/external-body part: the content is elsewhere and was not fetched")
        return
    if ctype == "message/partial":
        try:
            fragment = part.as_bytes(policy=policy.compat32)
        except Exception:  # the generator cannot re-serialise every malformed header
            walk.warn("message/partial fragment: not reassembled, and too malformed to keep")
            return
        walk.warn("message/partial fragment: not reassembled, kept as an attachment")
        walk.add(_Found(fragment, ctype, "", "attachment", None, False))
        return
    if inner is None or not isinstance(inner, EmailMessage):
        return
    sub = _Body()
    _walk(inner, walk, sub)
    lines = [FORWARD_MARKER]
    for name in ("from", "date", "subject", "to"):
        value = headers.raw_value(inner, name)
        if value is not None:
            text, warnings = charsets.header_text(value, f"forwarded {name}", walk.hint)
            for warning in warnings:
                walk.warn(warning)
            lines.append(f"{name.capitalize()}: {text}")
    body.forwards.append("\n".join(lines) + "\n\n" + sub.text())


def _leaf(part: EmailMessage, view: EmailMessage, ctype: str, walk: _Walk, body: _Body, related: bool) -> None:
    disposition = view.get_content_disposition()
    original = _filename(view, walk)
    is_body = ctype in ("text/plain", "text/html") and not original and disposition != "attachment"
    data = _payload(part, walk, original or ("body" if is_body else ctype))
    if is_body:
        charset = view.get_content_charset()
        text, warning = charsets.decode(data, charset, "body")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if warning:
            walk.warn(warning)
        if ctype == "text/plain":
            body.plain.append(text)
        else:
            walk.html.append(text)
            soup = soup_of(text)
            walk.cids |= cid_references(soup)
            seen, hidden = visible_text(soup, walk.tick)
            note = hidden_note(hidden)
            if note:
                walk.warn(note)
            body.plain.append(seen)
        return
    content_id = headers.raw_value(part, "content-id")
    content_id = content_id.strip().strip("<>").strip() if content_id else None
    found = _Found(data, ctype, original, disposition, content_id or None, related)
    if ctype == TNEF or original.lower() == "winmail.dat" or data[:4] == b"\x78\x9f\x3e\x22":
        if _unpack_tnef(found, walk, body):
            return
    walk.add(found)


def _payload(part: EmailMessage, walk: _Walk, name: str) -> bytes:
    """The decoded bytes of a leaf, refusing before decoding when it is certainly too big."""
    try:
        encoded = part.get_payload()
    except (TypeError, LookupError, ValueError):
        # compat32 re-decodes 8-bit payloads with the charset param, which may be an RFC 2231
        # tuple or junk; the exact check after decoding still applies.
        encoded = None
    if isinstance(encoded, str):
        cte = str(part.get("content-transfer-encoding", "")).strip().lower()
        if cte == "base64":
            at_least = (len(encoded) - sum(encoded.count(c) for c in "\r\n \t")) * 3 // 4
        elif cte == "quoted-printable":
            at_least = len(encoded) // 3
        else:
            at_least = len(encoded)
        walk.check_size(at_least, name, about=True)
    data = part.get_payload(decode=True)
    if data is None:
        return b""
    walk.check_size(len(data), name)
    return data


def _unpack_tnef(found: _Found, walk: _Walk, body: _Body) -> bool:
    """Replace winmail.dat by the files inside it; False (keep winmail.dat) when it cannot.

    When the MIME text is empty, the body Outlook kept inside winmail.dat becomes the text.
    """
    try:
        tnef = TnefFile(found.data, do_checksum=False)
        files = [(a.long_filename() or a.name or "", bytes(a.data or b"")) for a in tnef.attachments]
    except Exception as exc:  # tnefparse raises ValueError, struct.error, IndexError… on junk
        walk.warn(f"winmail.dat could not be unpacked ({type(exc).__name__}); kept as is")
        return False
    if not body.text().strip():
        for content, as_html in ((tnef.body, False), (tnef.htmlbody, True)):
            if content:
                text = content if isinstance(content, str) else charsets.decode(content, None, "winmail.dat body")[0]
                body.plain.append(soup_to_text(soup_of(text)) if as_html else text)
                break
    if not files:
        return False  # only an RTF copy of the body: keeping winmail.dat loses nothing
    for name, data in files:
        walk.tick()
        walk.add(_Found(data, "", name, "attachment", None, False))
    return True


def _view(part: EmailMessage, walk: _Walk) -> EmailMessage:
    """The part's Content-Type/-Disposition with raw 8-bit bytes repaired into text.

    compat32 hands 8-bit parameter values back as undecodable Header objects; a small message
    holding the repaired values lets the stdlib do the RFC 2045/2231 parameter parsing.
    """
    view = EmailMessage()
    for name in ("content-type", "content-disposition"):
        value = headers.raw_value(part, name)
        if value is not None:
            text, warning = charsets.repair_8bit(value, f"header {name}", walk.hint)
            if warning:
                walk.warn(warning)
            view[name] = " ".join(text.split())  # a bare CR must not end the header early
    view.set_default_type(part.get_default_type())  # message/rfc822 inside multipart/digest
    return view


def _filename(view: EmailMessage, walk: _Walk) -> str:
    """The decoded filename (Content-Disposition filename, else Content-Type name) or ""."""
    for header, param in (("content-disposition", "filename"), ("content-type", "name")):
        value = view.get_param(param, None, header=header)
        if value is None:
            continue
        if isinstance(value, tuple):  # RFC 2231: (charset, language, %-decoded as Latin-1)
            charset, _language, text = value
            try:
                data = text.encode("latin-1")
            except UnicodeEncodeError:  # raw 8-bit inside an RFC 2231 value, already text
                data = text.encode("utf-8")
            name, warning = charsets.decode(data, charset or None, "filename")
            if warning:
                walk.warn(warning)
        else:
            name, warnings = charsets.header_text(str(value), "filename", walk.hint)
            for warning in warnings:
                walk.warn(warning)
        if name.strip():
            return name.strip()
    return ""


# --------------------------------------------------------------------------- naming


def _finish(walk: _Walk) -> tuple[Attachment, ...]:
    """Type, name and mark every found attachment."""
    taken: set[str] = set()
    out = []
    for number, found in enumerate(walk.found, 1):
        walk.tick()
        kind = sniff(found.data, found.declared, found.original)
        fallback = f"attachment-{number}{_extension(kind)}"
        name, blocked = disarmed(safe_filename(found.original, fallback), found.data, found.original)
        if blocked:
            walk.warn(blocked)
        name = unique(name, taken)
        is_image = kind.startswith("image/")
        inline = is_image and (
            found.disposition == "inline"
            or (found.content_id is not None and found.content_id in walk.cids)
            or found.related
            or not scanned_page(kind, len(found.data))  # a logo, a signature, a spacer: not a page
        )
        out.append(
            Attachment(
                filename=name,
                content_type=kind,
                data=found.data,
                original_filename=found.original,
                declared_type=found.declared,
                inline=inline,
                content_id=found.content_id,
            )
        )
    return tuple(out)


def _extension(kind: str) -> str:
    return _EXTENSIONS.get(kind) or mimetypes.guess_extension(kind, strict=False) or ".bin"
