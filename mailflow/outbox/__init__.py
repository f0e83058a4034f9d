"""The outbox: every notice recorded durably before it is sent, and sent once.

    queue(env, notice, now) -> bool        render and store; False if the key was queued before
    flush(env, now) -> FlushReport         send what is due
    Sender(env, now)                       a flush begun before its notices are all queued
    transport_for(config, kind) -> str     file | smtp | drafts

``queue`` renders the email (``compose.py``) and stores it in the store's
``outbox`` table with status ``queued``, keyed by ``notice.key`` (order_no:kind:trigger) and
carrying a deterministic Message-ID. It joins an outer ``store.transaction()``, so a notice is
queued in the same commit as the change that caused it, or not at all.

The attachments a notice takes from the order's archive folder are not copied into the row: the
row keeps the email with each such file referred to by path, size and SHA-256 (``stored.py``),
the files flushed to disk before the row is written. A flush puts them back into the exact bytes
composed; a file changed or gone since is not sent with other bytes: the notice goes to
``review`` with a Review row naming the file. A flush reads the outbox ``PAGE`` rows at a time.

``flush`` walks a row through ``queued → sending → sent``:

1. ``sending`` is committed *before* the transport is called;
2. the transport sends (``faults.crash_point("after_send")`` sits right after);
3. ``sent`` is committed, and a copy goes to the order's archive ``notices/`` folder.

A row found in ``sending`` at the start of a flush belongs to a process that died between 1 and
3: the outcome is unknown. The transport is asked whether the message already went: the SMTP
transport searches the IMAP Sent folder (``outbox.sent_check_account``) by Message-ID, the
drafts transport its Drafts folder, the file transport its file. Found → marked sent, not sent
again. **Not configured (SMTP without a Sent-folder check) → sent again: that is the
at-least-once edge**, the one case where a customer can get a notice twice.

Failures: ``TransientSendError`` (4xx, connection) → back to ``queued`` with exponential
backoff in ``next_attempt_at`` (1 min, 2, 4 ... capped at 4 h); after ``outbox.max_attempts``
attempts → ``failed`` and a Review row. ``PermanentSendError`` (5xx) → ``review`` and a Review
row naming the notice and the server's answer. After a transient error a transport takes no
more messages in that flush (the server is struggling; the rest wait for the next flush).
``outbox.smtp.per_minute`` caps messages per server per minute; the excess waits, still queued.

Transport per notice: ``MAILFLOW_OUTBOX`` (every kind) > ``outbox.per_kind[kind]`` >
``outbox.transport``, decided when the notice is queued and kept in the row.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any, Iterator

from .. import faults
from ..archive import folder_for, folder_name
from ..errors import ConfigError, OutboxError, PermanentSendError, TransientSendError
from ..model import Notice
from ..store import OutboxEntry, iso
from .compose import compose
from .drafts import DraftsTransport
from .file import FileTransport
from .smtp import SmtpTransport
from .stored import AttachmentChanged, restore

log = logging.getLogger("mailflow.outbox")

# ``outbox.transport`` (or ``MAILFLOW_OUTBOX``) → the class that sends; a row naming none of them
# is filed (the file transport never loses a message).
TRANSPORTS: dict[str, Any] = {"file": FileTransport, "smtp": SmtpTransport, "drafts": DraftsTransport}
BACKOFF_BASE = dt.timedelta(minutes=1)
BACKOFF_CAP = dt.timedelta(hours=4)
PAGE = 8  # notices read from the store at a time by a flush

__all__ = ["queue", "flush", "FlushReport", "transport_for", "compose", "backoff", "message_bytes"]


@dataclass
class FlushReport:
    """What one flush did, by notice key."""

    sent: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # found already sent after a crash
    retrying: list[str] = field(default_factory=list)  # transient failure, next_attempt_at set
    failed: list[str] = field(default_factory=list)  # out of attempts: Review row
    review: list[str] = field(default_factory=list)  # permanent failure: Review row
    deferred: list[str] = field(default_factory=list)  # rate limit or transport unavailable

    def __bool__(self) -> bool:
        return any((self.sent, self.recovered, self.retrying, self.failed, self.review))


def transport_for(config: Any, kind: str, environ: Any = None) -> str:
    environ = os.environ if environ is None else environ
    forced = environ.get("MAILFLOW_OUTBOX", "").strip().lower()
    if forced:
        if forced not in TRANSPORTS:
            raise ConfigError(f"MAILFLOW_OUTBOX={forced!r}: use one of {', '.join(TRANSPORTS)}")
        return forced
    return config.outbox.per_kind.get(kind, config.outbox.transport)


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed attempt: 1, 2, 4 ... minutes, at most 4 hours."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)


# --------------------------------------------------------------------------- queue


def queue(env: Any, notice: Notice, now: dt.datetime) -> bool:
    """Record ``notice`` for sending; False (and nothing rendered) if its key is already there.

    Raises ``TemplateError`` for a broken email template and ``OutboxError`` for a missing
    attachment or recipient; nothing is stored then.
    """
    store = env.store
    if store.has_notice(notice.key):
        return False
    transport = transport_for(env.config, notice.kind)
    message = compose(env, notice, now)
    if getattr(env, "dry_run", False):
        log.info("dry run: would queue %s (%s) to %s", notice.key, transport, ", ".join(message.recipients))
        return True
    # The stored message refers to its attachments in the archive instead of copying them: they
    # are on disk before the row that names them is (a power cut never leaves a notice whose
    # attachment is not there), and each is checked against its hash when it is sent.
    env.archive.sync(message.archived)
    with store.transaction():
        queued = store.add_notice(
            now,
            key=notice.key,
            order_no=notice.order_no,
            kind=notice.kind,
            message_id=message.message_id,
            transport=transport,
            recipients=message.recipients,
            subject=message.subject,
            eml=message.stored or message.eml,
        )
    if queued:
        log.info("queued %s (%s) to %s", notice.key, transport, ", ".join(message.recipients))
    return queued


# --------------------------------------------------------------------------- flush


def _open(env: Any, name: str) -> Any:
    return TRANSPORTS.get(name, FileTransport)(env)


class _Transports:
    """Transports opened lazily, once per flush; one that cannot be opened is remembered.

    A transport has ``name``, ``send(entry, now)`` (raises Transient/PermanentSendError),
    ``already_sent(entry) -> bool | None`` (None: cannot tell) and ``close()``; the SMTP one also
    ``rate_limited(now)``. ``entry`` is the notice's ``OutboxEntry``.
    """

    def __init__(self, env: Any, given: dict[str, Any] | None) -> None:
        self.env = env
        self.open: dict[str, Any] = dict(given or {})
        self.down: dict[str, str] = {}  # name → why it takes nothing more in this flush

    def get(self, name: str) -> Any:
        if name not in self.open:
            try:
                self.open[name] = _open(self.env, name)
            except (ConfigError, OutboxError) as exc:
                raise TransientSendError(str(exc), hint=getattr(exc, "hint", "")) from None
        return self.open[name]

    def close(self) -> None:
        for transport in self.open.values():
            try:
                transport.close()
            except Exception:  # noqa: BLE001 — closing is best effort
                log.debug("closing %s failed", transport.name, exc_info=True)


def flush(env: Any, now: dt.datetime, *, transports: dict[str, Any] | None = None) -> FlushReport:
    """Send every due notice: ``queued → sending (committed) → send → sent``.

    A row already in ``sending`` is a send whose outcome a crash made unknown: it is looked up
    first (the Sent folder of ``outbox.sent_check_account`` by Message-ID for SMTP, the Drafts
    folder for drafts, the file for file) and marked sent if found. With SMTP and no Sent-folder
    check configured it is sent again: delivery is at-least-once in that one case (the copy
    carries the same Message-ID, so clients that deduplicate by it show one). See the module docstring for
    retries, Review rows and the rate limit.
    """
    return Sender(env, now, transports=transports).flush()


class Sender:
    """One flush, which may begin before the notices it sends are all queued.

    ``send_next()`` sends the next notice queued since the last one it looked at (when due) and
    says whether there was one: a cycle that waits for LibreOffice sends the notices whose
    documents are filed already meanwhile, instead of all of them after the last PDF. Each send
    is the same ``queued → sending → sent`` walk as in ``flush``. ``flush()`` then recovers rows
    left in ``sending``, sends every due notice still queued, and closes the transports: a
    transport that failed during the cycle takes nothing more in it, as in one flush.
    """

    def __init__(self, env: Any, now: dt.datetime, *, transports: dict[str, Any] | None = None) -> None:
        self.env = env
        self.now = now
        self.report = FlushReport()
        self.opened = _Transports(env, transports)
        self.after = env.store.last_notice_id()  # sent by ``send_next``: notices queued from now on

    def send_next(self) -> bool:
        """Send the oldest notice queued after those looked at so far (if due); False when none is."""
        for entry in self.env.store.queued_notices_after(self.after, limit=1):
            self.after = entry.id
            if _due(entry, self.now):
                _send(self.env, entry, self.now, self.opened, self.report)
            return True
        return False

    def flush(self) -> FlushReport:
        """Everything else that is due (see ``flush``); the report of the whole flush."""
        env, now, report = self.env, self.now, self.report
        try:
            for entry in _walk(env.store, "sending"):
                _recover(env, entry, now, self.opened, report)
            for entry in _walk(env.store, "queued"):
                if _due(entry, now):
                    _send(env, entry, now, self.opened, report)
        finally:
            self.opened.close()
        if report:
            log.info("outbox: %d sent, %d recovered, %d retrying, %d failed, %d for review, %d deferred",
                     len(report.sent), len(report.recovered), len(report.retrying), len(report.failed),
                     len(report.review), len(report.deferred))  # fmt: skip
        return report


def _walk(store: Any, status: str) -> Iterator[OutboxEntry]:
    """The notices in ``status`` when the walk begins, in queueing order, read ``PAGE`` rows at a
    time by id: a backlog's thousands of queued emails are never all in memory at once. A row
    whose status changed since it was listed is passed over."""
    ids = store.notice_ids(status)
    for start in range(0, len(ids), PAGE):
        for entry in store.notices_by_id(ids[start : start + PAGE]):
            if entry.status == status:
                yield entry


def _due(entry: OutboxEntry, now: dt.datetime) -> bool:
    # Compared as datetimes, not ISO strings: runs may use clocks in different UTC offsets.
    at = entry.next_attempt_at
    return at is None or dt.datetime.fromisoformat(at) <= now


def _recover(env: Any, entry: OutboxEntry, now: dt.datetime, opened: _Transports, report: FlushReport) -> None:
    """A row left in ``sending``: ask the transport whether it went before deciding to re-send.
    When an attachment changed since it was queued, the row is not sent again, but it is still
    asked about first: the crash may have come after the send, and a Review row saying "not
    sent" would have a person send it twice."""
    changed: AttachmentChanged | None = None
    try:
        entry = replace(entry, eml=message_bytes(env, entry))
    except AttachmentChanged as exc:
        changed = exc  # asked about as stored: the SMTP and Drafts checks match its Message-ID
    except (OSError, ValueError) as exc:
        log.warning("%s: outcome unknown and its attachments cannot be read (%s); will check again", entry.key, exc)
        report.deferred.append(entry.key)
        return
    try:
        found = opened.get(entry.transport).already_sent(entry)
    except TransientSendError as exc:
        # Cannot tell now: leave it in 'sending' and ask again next flush, rather than risk a duplicate.
        log.warning("%s: outcome unknown and the check failed (%s); will check again", entry.key, exc)
        report.deferred.append(entry.key)
        return
    if found:
        log.info("%s: found in the mailbox after an interrupted send: marked sent, not re-sent", entry.key)
        _mark_sent(env, entry, now)
        report.recovered.append(entry.key)
        return
    if changed is not None:
        reason = f"{changed}; a send of it was interrupted and whether it went is not known: ask the recipient"
        _set(env, entry.id, status="review", last_error=reason)
        _review(env, entry, now, f"not sent again: {reason}")
        report.review.append(entry.key)
        log.error("%s: %s (Review row added)", entry.key, reason)
        return
    log.warning("%s: interrupted mid-send and not found as sent: sending again (at-least-once)", entry.key)
    _send(env, entry, now, opened, report, resend=True)


def _send(env: Any, entry: OutboxEntry, now: dt.datetime, opened: _Transports, report: FlushReport,
          resend: bool = False) -> None:  # fmt: skip
    key, name = entry.key, entry.transport
    if name in opened.down:
        report.deferred.append(key)
        return
    try:
        transport = opened.get(name)
    except TransientSendError as exc:
        opened.down[name] = str(exc)
        _failed_attempt(env, entry, now, exc, report)
        return
    if hasattr(transport, "rate_limited") and transport.rate_limited(now):
        opened.down[name] = "rate limit"
        report.deferred.append(key)
        if resend:  # do not leave it in 'sending': that would mean "outcome unknown"
            _set(env, entry.id, status="queued")
        return
    whole = _whole(env, entry, now, report)
    if whole is None:
        return
    entry = whole
    _set(env, entry.id, status="sending", attempts=entry.attempts + 1)  # committed before the send
    try:
        transport.send(entry, now)
    except PermanentSendError as exc:
        _set(env, entry.id, status="review", last_error=str(exc))
        _review(env, entry, now, f"the mail server refused it: {exc}")
        report.review.append(key)
        log.error("%s: refused: %s (Review row added)", key, exc)
        return
    except (TransientSendError, OutboxError) as exc:
        opened.down[name] = str(exc)
        _failed_attempt(env, entry, now, exc, report)
        return
    faults.crash_point("after_send")
    _mark_sent(env, entry, now)
    report.sent.append(key)


def message_bytes(env: Any, entry: OutboxEntry) -> bytes:
    """The exact message of ``entry``: its stored bytes with each attachment the row refers to
    put back from the archive (``stored.py``). Raises ``AttachmentChanged`` when such a file is
    gone or not the one queued, ``OSError`` when the archive cannot be read."""
    return restore(entry.eml, lambda relpath: env.archive.resolve(relpath).read_bytes())


def _whole(env: Any, entry: OutboxEntry, now: dt.datetime, report: FlushReport) -> OutboxEntry | None:
    """``entry`` carrying its whole message, ready for the transport; None when it cannot be
    sent: an attachment changed or gone since it was queued (a Review row: the row is not sent
    with another file than the one decided on), or the archive unreadable now (tried again)."""
    try:
        return replace(entry, eml=message_bytes(env, entry))
    except AttachmentChanged as exc:
        _set(env, entry.id, status="review", last_error=str(exc))
        _review(env, entry, now, f"not sent: {exc}")
        report.review.append(entry.key)
        log.error("%s: %s (Review row added)", entry.key, exc)
    except (OSError, ValueError) as exc:
        _failed_attempt(env, entry, now, TransientSendError(f"cannot read its attachments: {exc}"), report)
    return None


def _failed_attempt(env: Any, entry: OutboxEntry, now: dt.datetime, exc: Exception, report: FlushReport) -> None:
    attempts = entry.attempts + 1
    if attempts >= env.config.outbox.max_attempts:
        _set(env, entry.id, status="failed", attempts=attempts, last_error=str(exc))
        _review(env, entry, now, f"not sent after {attempts} attempts; last error: {exc}")
        report.failed.append(entry.key)
        log.error("%s: giving up after %d attempts: %s (Review row added)", entry.key, attempts, exc)
        return
    retry_at = now + backoff(attempts)
    _set(env, entry.id, status="queued", attempts=attempts, last_error=str(exc), next_attempt_at=iso(retry_at))
    report.retrying.append(entry.key)
    log.warning("%s: %s; retrying at %s", entry.key, exc, iso(retry_at))


def _mark_sent(env: Any, entry: OutboxEntry, now: dt.datetime) -> None:
    path = _archive_copy(env, entry, now)
    _set(env, entry.id, status="sent", sent_at=iso(now), archive_path=path, last_error=None, next_attempt_at=None)


def _archive_copy(env: Any, entry: OutboxEntry, now: dt.datetime) -> str | None:
    """File the sent message in the order's ``notices/`` folder; a failure here is only logged."""
    parts = env.store.order_folder_parts(entry.order_no) if entry.order_no else None
    base = folder_for(entry.order_no or "", *parts) if parts else PurePosixPath("_unfiled")
    trigger = entry.trigger
    name = folder_name(f"{now.date().isoformat()} {entry.kind} {trigger}", entry.kind, limit=120) + ".eml"
    relpath = base / "notices" / name
    try:
        env.archive.put(relpath, entry.eml, durable=False)  # the row and the files it names keep the message
    except (OSError, ValueError) as exc:
        log.error("%s: sent, but the archive copy failed: %s", entry.key, exc)
        return None
    return str(relpath)


def _review(env: Any, entry: OutboxEntry, now: dt.datetime, why: str) -> None:
    recipients = ", ".join(entry.recipients)
    reason = f"Notice {entry.kind} for {entry.order_no} to {recipients}: {why}"
    with env.store.transaction():
        env.store.add_review(now, reason, key=f"outbox:{entry.key}", order_no=entry.order_no,
                             message_id=entry.message_id)  # fmt: skip


def _set(env: Any, entry_id: int, **values: Any) -> None:
    with env.store.transaction():
        env.store.update_notice(entry_id, **values)
