"""A notice as an email: Jinja2 templates → the exact bytes the outbox stores and sends.

Templates live in ``templates/email/`` (the workspace's first, then mailflow's own):

    <kind>.<lang>.txt.j2    the plain-text body; ``{% set subject %}...{% endset %}`` sets the Subject
    <kind>.<lang>.html.j2   optional: the HTML alternative
    _layout.<lang>.html.j2  the HTML alternative for kinds without their own: the text body's
                            paragraphs under the company letterhead

A language without a template falls back to English. The context is
``documents.context_for(env, order, now, notice.context)`` (formatted money and dates, see
``mailflow/documents/template_context.py``) plus ``notice`` (kind, trigger, key, to, audience) and
``body`` / ``paragraphs`` for the layout. Rendering is strict: an unknown field is a
``TemplateError`` naming the template.

The Message-ID is deterministic: ``<sha256(workspace|key)[:24].kind@from-domain>``, so the same
notice keeps one identity through retries and can be found in a Sent folder after a crash.
"""

from __future__ import annotations

import datetime as dt
import email
import email.header
import hashlib
import mimetypes
import re
from dataclasses import dataclass
from email import headerregistry, policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import PurePosixPath
from typing import Any

import jinja2

from ..documents import bundled_templates, context_for, template_dirs
from ..documents.template_context import sample_order
from ..errors import OutboxError, TemplateError
from ..message.headers import clean_id
from ..model import Notice
from ..notices import NOTICE_KINDS
from .stored import references, stored_form


@dataclass(frozen=True)
class Composed:
    message_id: str
    subject: str
    recipients: tuple[str, ...]  # envelope: To + Cc
    eml: bytes  # CRLF line endings, ready for SMTP and IMAP APPEND
    stored: bytes = b""  # what the outbox keeps: ``eml`` with its archive files by reference (``stored.py``)
    archived: tuple[str, ...] = ()  # the archive paths ``stored`` refers to


class _HeaderClasses(headerregistry.HeaderRegistry):
    """The email library's header registry, each header class made once, and each header
    parsed once.

    The library builds a new class every time it sets or checks a header (``__getitem__``
    calls ``type()``): two dozen per notice, a fifth of the time composing takes. And it parses
    every header value it is given, most of them the same from one notice to the next (the
    sender, the recipients, each part's ``Content-Type``, its ``Content-Transfer-Encoding``):
    a header is a value that does not change once made, so the one made for the same name and
    text is given again."""

    KEEP = 256  # header names; we write a dozen
    KEEP_HEADERS = 2048  # headers made from text, remembered until there are this many

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, Any] = {}
        self._headers: dict[tuple[str, str], Any] = {}

    def __getitem__(self, name: str) -> Any:
        made = self._made.get(name.lower())
        if made is None:
            made = super().__getitem__(name)
            if len(self._made) < self.KEEP:
                self._made[name.lower()] = made
        return made

    def __call__(self, name: str, value: Any) -> Any:
        if type(value) is not str:  # a header already, or something else the library parses
            return super().__call__(name, value)
        made = self._headers.get((name, value))
        if made is None:
            made = super().__call__(name, value)
            if len(self._headers) >= self.KEEP_HEADERS:
                self._headers.clear()
            self._headers[(name, value)] = made
        return made


SMTP = policy.SMTP.clone(header_factory=_HeaderClasses())  # RFC 5322 with CRLF, as sent


def message_id(env: Any, notice: Notice) -> str:
    """``<hash.kind@domain>``: a function of the workspace's secret and the notice key, so the
    same notice always has the same Message-ID (a resend after a crash is the same mail) while
    no one outside can work it out and forge a reply into one of our threads. Message-IDs
    already sent stay on their outbox rows, where replies are matched against them."""
    secret = env.store.workspace_secret(env.now())
    digest = hashlib.sha256(f"{secret}|{notice.key}".encode()).hexdigest()[:24]
    domain = env.config.outbox.from_address.rpartition("@")[2] or "mailflow.invalid"
    return f"<{digest}.{notice.kind}@{domain}>"


_ENVIRONMENTS: dict[tuple[str, ...], jinja2.Environment] = {}


def email_environment(env: Any) -> jinja2.Environment:
    """One Jinja2 environment per set of template folders, kept for the life of the process.

    Its template cache means each template is read and compiled once, not once per notice;
    Jinja2 still checks the file's modification time on each use (``auto_reload``), so a
    template staff edit takes effect on the next notice.
    """
    folders = tuple(str(d / "email") for d in template_dirs(env) if (d / "email").is_dir())
    folders = folders or (str(bundled_templates() / "email"),)
    jenv = _ENVIRONMENTS.get(folders)
    if jenv is None:
        jenv = _ENVIRONMENTS[folders] = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(folders)),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=True,
            cache_size=400,
        )
    return jenv


def _template(jenv: jinja2.Environment, names: list[str]) -> jinja2.Template | None:
    try:
        return jenv.select_template(names)
    except jinja2.TemplatesNotFound:
        return None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"email/{exc.name}:{exc.lineno}: broken tag: {exc.message}") from None


def render_email(env: Any, kind: str, lang: str, context: dict[str, Any]) -> tuple[str, str, str | None]:
    """``(subject, text, html or None)`` for ``kind`` in ``lang`` (English when ``lang`` has none)."""
    jenv = email_environment(env)
    langs = [lang, "en"] if lang != "en" else ["en"]
    text_tpl = _template(jenv, [f"{kind}.{code}.txt.j2" for code in langs])
    if text_tpl is None:
        raise TemplateError(
            f"no email template {kind}.{lang}.txt.j2 (nor {kind}.en.txt.j2)",
            hint="add it to the workspace's templates/email/ folder",
        )
    used = text_tpl.name or kind
    try:
        module = text_tpl.make_module(context)
        subject = " ".join(str(getattr(module, "subject", "")).split())
        body = str(module).strip() + "\n"
        if not subject:
            raise TemplateError(f"email/{used}: no subject (add {{% set subject %}}...{{% endset %}})")
        text_lang = used.split(".")[-3]
        html_tpl = _template(jenv, [f"{kind}.{text_lang}.html.j2", f"_layout.{text_lang}.html.j2"])
        html = None
        if html_tpl is not None:
            used = html_tpl.name or used
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
            html = html_tpl.render(dict(context, subject=subject, body=body, paragraphs=paragraphs))
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"email/{used}: unknown field: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"email/{used}: {type(exc).__name__}: {exc}") from None
    return subject, body, html


def notice_context(env: Any, notice: Notice, now: dt.datetime, order: Any) -> dict[str, Any]:
    context = context_for(env, order, now, notice.context, lang=notice.language)
    context["notice"] = {
        "kind": notice.kind, "trigger": notice.trigger, "key": notice.key, "to": ", ".join(notice.to),
        "audience": notice.audience, "order_no": notice.order_no,
    }  # fmt: skip
    return context


def compose(env: Any, notice: Notice, now: dt.datetime) -> Composed:
    """Render ``notice`` into the exact message bytes (headers, text + HTML, attachments)."""
    if not notice.to:
        raise OutboxError(f"notice {notice.key} has no recipient")
    order = env.store.order(notice.order_no) if notice.order_no else None
    context = notice_context(env, notice, now, order)
    subject, text, html = render_email(env, notice.kind, context["lang"], context)
    try:
        msg = _headers(env, notice, now, subject)
    except ValueError as exc:  # the email library refuses a line break in a header value
        raise OutboxError(f"notice {notice.key}: cannot write its headers ({exc})") from None
    msg.set_content(text, charset="utf-8")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8")
    content = hashlib.sha256(f"{notice.key}\0{subject}\0{text}\0{html}".encode())
    files: list[tuple[str, bytes]] = []
    for relpath in notice.attachments:
        path = env.archive.resolve(relpath)
        if not path.is_file():
            raise OutboxError(f"notice {notice.key}: attachment {relpath} is not in the archive")
        data = path.read_bytes()
        content.update(data)
        files.append((str(relpath), data))
    digest = content.hexdigest()[:32]
    # Each file's part is written with a line naming it in place of its body, and the body put
    # there afterwards: the email library would encode it, write it line by line, and the
    # outbox's stored form would then have to find it again (most of the time composing took).
    places: dict[bytes, tuple[str, bytes]] = {}
    for number, (relpath, data) in enumerate(files):
        place = _attach(msg, data, PurePosixPath(relpath).name, f"=_mailflow_{digest}_file_{number}")
        if place is not None:
            places[place] = (relpath, data)
    _set_boundaries(msg, digest)
    skeleton = msg.as_bytes(policy=SMTP)
    _check_headers(skeleton, notice.key)
    eml, kept = stored_form(_pieces(skeleton, places))
    recipients = tuple(notice.to) + tuple(notice.cc)
    return Composed(message_id(env, notice), subject, recipients, eml, kept, tuple(references(kept)))


def _pieces(skeleton: bytes, places: dict[bytes, tuple[str, bytes]]) -> list[bytes | tuple[str, bytes]]:
    """``skeleton`` cut at each line that holds a file's place: its bytes, with ``(archive path,
    file bytes)`` where each body goes (``stored.stored_form``)."""
    pieces: list[bytes | tuple[str, bytes]] = []
    pos = 0
    for place, file in places.items():
        # in order: the parts are written as attached. A whole line, the first of a body: a
        # header (a file name from a customer's mail) may hold the same text, never at a line's
        # start (folded lines begin with a space), and the text parts' content cannot (the place
        # is named after a digest of that content)
        at = skeleton.index(b"\r\n" + place, pos) + 2
        pieces.append(skeleton[pos:at])
        pieces.append(file)
        pos = at + len(place)
    pieces.append(skeleton[pos:])
    return pieces


def _set_boundaries(msg: EmailMessage, digest: str) -> None:
    """Name the boundary of every multipart after a digest of the message's content.

    Left unset, the email library draws a random boundary and compiles a regular expression of
    it to look for it in the parts, once per multipart and notice. A digest of the very content
    cannot occur in that content (it would have to contain its own hash), so no search is
    needed; and the same notice composed again gives the same bytes."""
    for depth, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_mailflow_{digest}_{depth}")


def _headers(env: Any, notice: Notice, now: dt.datetime, subject: str) -> EmailMessage:
    """A message with the notice's headers and no body yet."""
    outbox = env.config.outbox
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((outbox.from_name or "", outbox.from_address))
    msg["To"] = ", ".join(notice.to)
    if notice.cc:
        msg["Cc"] = ", ".join(notice.cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc))
    mid = message_id(env, notice)
    msg["Message-ID"] = mid
    # Threading: the notice answers the customer's PO email, so it lands in that conversation.
    # Only identifiers that pass clean_id reach our headers (they were checked on the way in too).
    references = [ref for ref in notice.references if clean_id(ref)]
    if notice.in_reply_to and clean_id(notice.in_reply_to):
        msg["In-Reply-To"] = notice.in_reply_to
        if notice.in_reply_to not in references:
            references.append(notice.in_reply_to)
    if references:
        msg["References"] = " ".join(references)
    msg["X-Mailflow-Order"] = notice.order_no
    msg["X-Mailflow-Notice"] = notice.kind
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: auto-responders must not answer it
    return msg


# What the top of every notice holds: nothing else may appear there, each at most once.
_OUR_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "x-mailflow-order",
    "x-mailflow-notice",
    "auto-submitted",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
}


def _check_headers(eml: bytes, key: str) -> None:
    """Refuse a message whose header block is not exactly the headers we wrote.

    Values from outside (a customer's address, the Message-ID we answer) are cleaned where they
    enter, but the email library decodes encoded words again while it writes a header, so the
    last word is the bytes themselves: every header name must be one we set, once, and no
    header may decode to a line break. Otherwise nothing is sent and a person looks.
    """
    head = eml.split(b"\r\n\r\n", 1)[0]
    parsed = email.message_from_bytes(head + b"\r\n\r\n", policy=policy.compat32)
    names = [name.lower() for name in parsed.keys()]
    strange = sorted({n for n in names if n not in _OUR_HEADERS or names.count(n) > 1})
    if strange:
        raise OutboxError(
            f"notice {key}: refusing to write header(s) {', '.join(strange)}:"
            " a value from the customer's mail would have changed them"
        )
    for name, value in parsed.items():
        unfolded = re.sub(r"\r?\n(?=[ \t])", "", str(value))  # folding is not a line break
        # only an encoded word ("=?utf-8?...?=") can decode to something else than it reads
        text = str(email.header.make_header(email.header.decode_header(unfolded))) if "=?" in unfolded else unfolded
        if "\r" in text or "\n" in text:
            raise OutboxError(f"notice {key}: the {name} header would carry a line break")


def _attach(msg: EmailMessage, data: bytes, filename: str, place: str) -> bytes | None:
    """Attach ``data`` as ``filename``. A base64 body is left out: the part holds the line
    ``place`` instead, and the bytes of that line as written (CRLF) are returned, for the body
    to be put there (``stored.base64_body`` writes it as the email library would)."""
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if filename.lower().endswith(".docx"):  # not in every system's mime.types
        ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if ctype == "message/rfc822":
        if data.isascii():  # an email (the customer's, for an alert) is attached as an email
            msg.add_attachment(email.message_from_bytes(data, policy=SMTP), filename=filename)
            return None
        ctype = "application/octet-stream"  # message/rfc822 may not be base64-encoded (RFC 2046)
    maintype, _, subtype = ctype.partition("/")
    if not data:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        return None
    msg.add_attachment(b"", maintype=maintype, subtype=subtype, filename=filename, cte="base64")
    part = msg.get_payload()[-1]
    part.set_payload(place + "\n")
    return place.encode("ascii") + b"\r\n"


def check_email_templates(env: Any) -> list[str]:
    """Every email template rendered with a sample order; problems name the template file."""
    problems: list[str] = []
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    jenv = email_environment(env)
    names = sorted(set(jenv.list_templates(extensions=["j2"])))
    for record in NOTICE_KINDS:
        if record.template("en") not in names:
            problems.append(f"email/{record.template('en')}: missing (every notice kind needs an English template)")
    for name in names:
        if name.startswith("_") or not name.endswith(".txt.j2"):
            continue
        kind, lang = name.split(".")[0], name.split(".")[1]
        notice = Notice("SO-2026-0001", kind, "check", ("buyer@example.net",), language=lang)
        context = notice_context(env, notice, now, sample_order(lang))
        try:
            render_email(env, kind, lang, context)
        except TemplateError as exc:
            problems.append(str(exc))
    for name in names:  # syntax of layouts and HTML files the loop above did not reach
        try:
            jenv.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(f"email/{name}:{exc.lineno}: broken tag: {exc.message}")
    return sorted(set(problems))
