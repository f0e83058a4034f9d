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
import sqlite3
from dataclasses import replace
from pathlib import Path

from . import pipeline
from .context import Env
from .errors import MailflowError
from .sources.base import Fetched


def replay_message(env: Env, message: str, dry_run: bool = False) -> list[str]:
    """Re-process MESSAGE; returns the lines to print. Raises MailflowError when not found."""
    row, raw, path = find(env, message)
    store = env.store
    lines = [
        f"message {_ident(row)}" + (f" (ledger #{row['id']}: {row['outcome']}" if row else " (not in the ledger")
        + (f", {row['reason']}" if row is not None and row["reason"] else "") + ")",
        f"  from {path}",
    ]
    original = row["source"].removeprefix("replay:") if row else "file"
    attempt = _count(store, "SELECT COUNT(*) FROM messages WHERE source = ?", (f"replay:{original}",)) + 1
    stem = str(row["id"]) if row else hashlib.sha256(raw).hexdigest()[:16]
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
    queued = _count(
        store, "SELECT COUNT(*) FROM outbox WHERE order_no = ? AND status = 'queued'", (report.order_no,)
    ) if report.order_no else 0
    if queued:
        lines.append(f"{queued} notice(s) queued: the daemon sends them (or the next `mailflow run --once`)")
    if row is not None and report.outcome != "quarantined" and report.outcome != "duplicate":
        closed = _close_reviews(env, row, report)
        if closed:
            lines.append(f"closed {closed} review item(s) of the first attempt")
    return lines


def find(env: Env, text: str) -> tuple[sqlite3.Row | None, bytes, Path]:
    """The ledger row (if any), the raw bytes and the file they came from."""
    store = env.store
    text = text.strip()
    candidate = Path(text).expanduser()
    archived = Path(env.archive.root) / text
    for path in (candidate, archived):
        if text and path.is_file():
            raw = path.read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
            rel = _relative(env, path)
            row = store.conn.execute(
                "SELECT * FROM messages WHERE archive_path = ? OR sha256 = ?"
                " ORDER BY (archive_path = ?) DESC, id DESC LIMIT 1",
                (rel, sha, rel),
            ).fetchone()
            return row, raw, path.resolve()
    if text.isdigit():
        row = store.conn.execute("SELECT * FROM messages WHERE id = ?", (int(text),)).fetchone()
        if row is None:
            raise MailflowError(f"no ledger entry #{text}", hint="`mailflow status` shows the ledger counts")
    else:
        bare = text.strip("<>")
        ids = (f"<{bare}>", bare)
        row = store.conn.execute(
            "SELECT * FROM messages WHERE message_id IN (?, ?) OR identity IN (?, ?)"
            " ORDER BY (archive_path IS NOT NULL) DESC, id DESC LIMIT 1",
            (*ids, *ids),
        ).fetchone()
        if row is None:
            raise MailflowError(
                f"no message {text!r} in the ledger",
                hint="give a Message-ID, a ledger id, or the path of an .eml in the archive",
            )
    return (row, *_raw_of(env, row))


def _raw_of(env: Env, row: sqlite3.Row) -> tuple[bytes, Path]:
    """A duplicate was not archived: its bytes are the same as the first copy's."""
    rows = [row] if row["archive_path"] else []
    rows += env.store.conn.execute(
        "SELECT * FROM messages WHERE (identity = ? OR sha256 = ?) AND archive_path IS NOT NULL ORDER BY id",
        (row["identity"], row["sha256"]),
    ).fetchall()
    for candidate in rows:
        path = Path(env.archive.root) / candidate["archive_path"]
        if path.is_file():
            return path.read_bytes(), path
    raise MailflowError(
        f"ledger entry #{row['id']} has no archived copy to replay",
        hint="pass the .eml file itself: `mailflow replay PATH`",
    )


def _only_effective(store):
    """The duplicate rule for replay (see the module docstring)."""

    def adjust(message, known: pipeline.Known) -> pipeline.Known:
        if known.duplicate_of is None:
            return known
        effective = store.conn.execute(
            "SELECT id FROM messages WHERE (identity = ? OR sha256 = ?) AND order_no IS NOT NULL"
            " AND outcome != 'duplicate' ORDER BY id LIMIT 1",
            (message.identity, message.sha256),
        ).fetchone()
        return replace(known, duplicate_of=effective["id"] if effective else None)

    return adjust


def _close_reviews(env: Env, row: sqlite3.Row, report: pipeline.MessageReport) -> int:
    """The first attempt's review items, once the replay got further than it did."""
    keys = [f"quarantine:{row['source']}:{row['source_key']}"]
    if report.order_no:
        keys.append(f"msg:{row['identity']}:unreadable")
        keys.append(f"msg:{row['identity']}:unmatched")
    now = env.now().isoformat(timespec="seconds")
    with env.store.transaction():
        cur = env.store.conn.execute(
            f"UPDATE review SET status = 'done', done_at = ? WHERE status = 'open' AND key IN ({', '.join('?' * len(keys))})",
            (now, *keys),
        )
    return cur.rowcount


def _relative(env: Env, path: Path) -> str:
    try:
        return path.resolve().relative_to(Path(env.archive.root).resolve()).as_posix()
    except ValueError:
        return str(path)


def _ident(row: sqlite3.Row | None) -> str:
    if row is None:
        return "(file)"
    return row["message_id"] or row["identity"]


def _count(store, sql: str, args: tuple) -> int:
    return store.conn.execute(sql, args).fetchone()[0] or 0
