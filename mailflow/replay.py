"""``mailflow replay MESSAGE``: process one recorded message again, after a rule or template fix.

MESSAGE is a Message-ID (with or without the angle brackets), a ledger id (``mailflow status``
and the Review sheet show them), or the path of an archived or quarantined .eml (absolute, or
relative to the archive). The raw bytes come from the archive; the message goes through
``pipeline.process`` as if it had just arrived, from the source ``replay:<original source>``
with a key of its own, so the ledger keeps both the first attempt and the replay.

Nothing twice — which earlier ledger entries count as "already processed":

* an entry that produced or joined an order (``order_no`` set) does: replaying that message is
  reported as a duplicate and changes nothing. The plan's own check by customer + PO number is
  a second guard: even a changed copy of a recorded PO never creates a second order;
* an entry that produced nothing — quarantined (its identity is a sha256 stand-in, but its
  ``sha256`` column matches the same bytes), ignored, or a PO that could not be read — does not:
  re-processing it is the point of a replay. Its open review item is closed when the replay
  gets further than the first attempt did.

``--dry-run`` shows ``Plan.describe()`` and applies nothing. Replay never sends: notices it
queues go out with the running daemon's next outbox run (or the next ``mailflow run``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

from . import pipeline
from .context import Env
from .errors import MailflowError
from .sources.base import Fetched
from .store import LedgerEntry


def replay_message(env: Env, message: str, dry_run: bool = False) -> list[str]:
    """Re-process MESSAGE; returns the lines to print. Raises MailflowError when not found."""
    entry, raw, path = find(env, message)
    store = env.store
    lines = [
        f"message {_ident(entry)}"
        + (f" (ledger #{entry.id}: {entry.outcome}" if entry else " (not in the ledger")
        + (f", {entry.reason}" if entry is not None and entry.reason else "")
        + ")",
        f"  from {path}",
    ]
    original = entry.source.removeprefix("replay:") if entry else "file"
    attempt = store.count_messages(f"replay:{original}") + 1
    stem = str(entry.id) if entry else hashlib.sha256(raw).hexdigest()[:16]
    stamp = env.now().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    fetched = Fetched(f"replay:{original}", f"{stem}/{attempt}/{stamp}", raw)

    report, the_plan = pipeline.process(env, fetched, dry_run=dry_run, adjust_known=_only_effective(store))
    if dry_run:
        lines.append("dry run: nothing applied")
        if the_plan is None:
            lines.append(f"outcome: quarantined ({report.reason})")
        else:
            lines.extend(the_plan.describe())
        return lines

    pipeline.make_documents(env)  # the order's documents and the notices that attach them
    lines.append(f"outcome: {report.outcome}" + (f" ({report.reason})" if report.reason else ""))
    if report.order_no:
        lines.append(f"order {report.order_no}" + (" created" if report.new_order else ""))
    if report.archive_path:
        lines.append(f"archived as {Path(env.archive.root) / report.archive_path}")
    queued = store.count_notices("queued", report.order_no) if report.order_no else 0
    if queued:
        lines.append(f"{queued} notice(s) queued: the daemon sends them (or the next `mailflow run --once`)")
    if entry is not None and report.outcome != "quarantined" and report.outcome != "duplicate":
        closed = _close_reviews(env, entry, report)
        if closed:
            lines.append(f"closed {closed} review item(s) of the first attempt")
    return lines


def find(env: Env, text: str) -> tuple[LedgerEntry | None, bytes, Path]:
    """The ledger entry (if any), the raw bytes and the file they came from."""
    store = env.store
    text = text.strip()
    candidate = Path(text).expanduser()
    archived = Path(env.archive.root) / text
    for path in (candidate, archived):
        if text and path.is_file():
            raw = path.read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
            rel = _relative(env, path)
            return store.ledger_entry_for_file(rel, sha), raw, path.resolve()
    if text.isdigit():
        entry = store.ledger_entry(int(text))
        if entry is None:
            raise MailflowError(f"no ledger entry #{text}", hint="`mailflow status` shows the ledger counts")
    else:
        entry = store.ledger_entry_for_message_id(text)
        if entry is None:
            raise MailflowError(
                f"no message {text!r} in the ledger",
                hint="give a Message-ID, a ledger id, or the path of an .eml in the archive",
            )
    return (entry, *_raw_of(env, entry))


def _raw_of(env: Env, entry: LedgerEntry) -> tuple[bytes, Path]:
    """A duplicate was not archived: its bytes are the same as the first copy's."""
    candidates = [entry] if entry.archive_path else []
    candidates += env.store.archived_copies(entry.identity, entry.sha256)
    for candidate in candidates:
        path = Path(env.archive.root) / (candidate.archive_path or "")
        if candidate.archive_path and path.is_file():
            return path.read_bytes(), path
    raise MailflowError(
        f"ledger entry #{entry.id} has no archived copy to replay",
        hint="pass the .eml file itself: `mailflow replay PATH`",
    )


def _only_effective(store):
    """The duplicate rule for replay (see the module docstring)."""

    def adjust(message, known: pipeline.Known) -> pipeline.Known:
        if known.duplicate_of is None:
            return known
        effective = store.first_with_order(message.identity, message.sha256)
        return replace(known, duplicate_of=effective.id if effective else None)

    return adjust


def _close_reviews(env: Env, entry: LedgerEntry, report: pipeline.MessageReport) -> int:
    """The first attempt's review items, once the replay got further than it did."""
    keys = [f"quarantine:{entry.source}:{entry.source_key}"]
    if report.order_no:
        keys.append(f"msg:{entry.identity}:unreadable")
        keys.append(f"msg:{entry.identity}:unmatched")
    with env.store.transaction():
        return env.store.finish_reviews(keys, env.now())


def _relative(env: Env, path: Path) -> str:
    try:
        return path.resolve().relative_to(Path(env.archive.root).resolve()).as_posix()
    except ValueError:
        return str(path)


def _ident(entry: LedgerEntry | None) -> str:
    return entry.ident if entry is not None else "(file)"
