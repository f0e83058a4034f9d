"""What the CLI prints: rich tables for people, plain data for ``--json``, progress for backlogs.

* ``print_cycle(env, report, detailed)`` — after ``run --once``: what each message became, the
  orders created, documents written, notices queued and sent, each with the path to open.
* ``status_data(env) -> dict`` — the facts behind ``mailflow status`` (JSON-ready: only str,
  int, float, bool, None, lists and dicts); ``print_status(data)`` renders them.
* ``print_orders(rows)`` / ``print_timeline(data)`` — the rows of ``workflow.views``.
* ``cycle_progress(env, sources, on_message)`` — a context manager giving the ``progress``
  callback for ``pipeline.run_once``: a rich progress bar when stderr is a terminal and there
  is a backlog, otherwise just ``on_message`` (the daemon logs one line per message).

Reads the store and the file system; never writes either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import mailbox
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rich.console import Console
from rich.table import Table

from .context import Env
from .lock import holder

log = logging.getLogger("mailflow.messages")

STALE_AFTER_SECONDS = 90  # no heartbeat for this long: stuck (one PDF conversion may take a minute)
PROGRESS_FROM = 5  # smaller backlogs finish before a bar would be worth drawing


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# --------------------------------------------------------------------------- run --once


def print_cycle(env: Env, report: Any, detailed: bool = False) -> None:
    """One cycle's outcome: a line per message; with ``detailed``, every path written."""
    console = _console()
    counts = report.counts()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no new mail"
    edits = f", {report.staff_edits} staff edit(s) from the tracker" if report.staff_edits else ""
    console.print(
        f"{summary}{edits}; {len(report.orders_created)} order(s) created, {len(report.notices_queued)}"
        f" notice(s) queued, {len(report.notices_sent)} sent ({report.seconds:.1f} s)"
    )
    archive_root = Path(env.archive.root)
    if report.messages:
        table = Table(title="Messages", show_lines=False)
        for column in ("outcome", "Message-ID", "order", "subject / reason"):
            table.add_column(column, overflow="fold")
        if detailed:
            table.add_column("archived as", overflow="fold")
        for m in report.messages:
            row = env.store.seen_source(m.source, m.source_key)
            ident = (row["message_id"] or row["identity"]) if row else m.source_key
            order = (m.order_no or "") + (" (new)" if m.new_order else "")
            text = m.subject + (f" — {m.reason}" if m.reason else "")
            cells = [_outcome(m.outcome), ident or "", order, text]
            if detailed:
                cells.append(str(archive_root / m.archive_path) if m.archive_path else "")
            table.add_row(*cells)
        console.print(table)
    if detailed:
        for title, lines in (
            ("Orders created", _order_lines(env, report.orders_created)),
            ("Documents written", _document_lines(env, report.orders_created)),
            ("Notices sent", _notice_lines(env, report.notices_sent)),
            ("Notices queued, not sent yet", _notice_lines(env, _waiting(report))),
        ):
            if lines:
                console.print(f"[bold]{title}[/bold]")
                for line in lines:
                    console.print(f"  {line}", markup=False)
    for error in report.errors:
        console.print(f"[red]error[/red] {error}")


def _waiting(report: Any) -> list[str]:
    sent = set(report.notices_sent)
    return [key for key in report.notices_queued if key not in sent]


def _outcome(outcome: str) -> str:
    colour = {"processed": "green", "quarantined": "red", "duplicate": "yellow", "ignored": "dim"}.get(outcome)
    return f"[{colour}]{outcome}[/{colour}]" if colour else outcome


def _order_lines(env: Env, order_nos: Iterable[str]) -> list[str]:
    lines = []
    for order_no in order_nos:
        order = env.store.order(order_no)
        if order is None:
            continue
        folder = Path(env.archive.root) / order.archive_dir if order.archive_dir else None
        lines.append(f"{order_no}  {order.customer}  PO {order.po_number}" + (f"  {folder}" if folder else ""))
    return lines


def _document_lines(env: Env, order_nos: Iterable[str]) -> list[str]:
    lines = []
    for order_no in order_nos:
        order = env.store.order(order_no)
        if order is None or not order.archive_dir:
            continue
        folder = Path(env.archive.root) / order.archive_dir / "documents"
        if folder.is_dir():
            lines.extend(str(p) for p in sorted(folder.iterdir()) if p.is_file())
    return lines


def _notice_lines(env: Env, keys: Iterable[str]) -> list[str]:
    """A notice with where to read it: its archived copy, else the file transport's .eml."""
    files = None
    lines = []
    for key in keys:
        row = env.store.conn.execute("SELECT * FROM outbox WHERE key = ?", (key,)).fetchone()
        if row is None:
            lines.append(key)
            continue
        where = []
        if row["transport"] == "file":
            if files is None:
                from .outbox.file import FileTransport

                files = FileTransport(env)
            where.append(str(files.path_for(row)))
        else:
            where.append(f"by {row['transport']}")
        if row["archive_path"]:
            where.append(f"copy {Path(env.archive.root) / row['archive_path']}")
        lines.append(f"{row['key']}  [{row['status']}] to {', '.join(_json_list(row['recipients']))}  " + "  ".join(where))
    return lines


def _json_list(text: str | None) -> list[str]:
    import json

    try:
        value = json.loads(text or "[]")
    except ValueError:
        return [str(text)]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# --------------------------------------------------------------------------- status


def status_data(env: Env) -> dict[str, Any]:
    """Everything ``mailflow status`` shows, as plain data (the ``--json`` contract)."""
    store, config = env.store, env.config
    now = dt.datetime.now(dt.timezone.utc)
    facts = store.all_status()
    return {
        "workspace": str(config.base_dir),
        "checked_at": now.isoformat(timespec="seconds"),
        "daemon": _daemon(config, facts.get("daemon"), now),
        "mailboxes": _mailboxes(env, facts),
        "tracker": _tracker(env, facts),
        "notices": _count_by(store, "SELECT status, COUNT(*) FROM outbox GROUP BY status",
                             ("queued", "sending", "sent", "failed", "review")),
        "messages": _count_by(store, "SELECT outcome, COUNT(*) FROM messages GROUP BY outcome",
                              ("processed", "duplicate", "ignored", "quarantined")),
        "review": {
            "open": _scalar(store, "SELECT COUNT(*) FROM review WHERE status = 'open'"),
            "quarantined": _scalar(
                store, "SELECT COUNT(*) FROM review WHERE status = 'open' AND key LIKE 'quarantine:%'"
            ),
        },
        "orders": _scalar(store, "SELECT COUNT(*) FROM orders"),
        "jobs": {name.removeprefix("job:"): value for name, value in facts.items() if name.startswith("job:")},
        "last_cycle": facts.get("last_cycle"),
        "last_error": facts.get("last_error"),
    }


def _daemon(config, beat: dict | None, now: dt.datetime) -> dict[str, Any]:
    pid = holder(config)
    beat = beat or {}
    age = None
    if beat.get("heartbeat_at"):
        try:
            age = (now - dt.datetime.fromisoformat(beat["heartbeat_at"])).total_seconds()
        except ValueError:
            age = None
    running = pid is not None and pid == beat.get("pid")
    if pid is None:
        health = "stopped"
    elif not running:
        health = "busy"  # the lock is held by something else (a `run --once`, a replay)
    elif age is not None and age > STALE_AFTER_SECONDS:
        health = "stuck"
    else:
        health = "up"
    return {
        "running": pid is not None,
        "health": health,
        "pid": pid,
        "state": beat.get("state") if running else None,
        "started_at": beat.get("started_at") if running else None,
        "heartbeat_at": beat.get("heartbeat_at"),
        "heartbeat_age_seconds": round(age, 1) if age is not None else None,
        "cycles": beat.get("cycles") if running else None,
        "watchers": beat.get("watchers") if running else None,
    }


def _mailboxes(env: Env, facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, value in facts.items():
        if name.startswith("mailbox:"):
            out[name.removeprefix("mailbox:")] = dict(value) if isinstance(value, dict) else {"value": value}
    config = env.config
    if config.mailbox.source == "maildir" and not os.environ.get("MAILFLOW_IMAP_URL"):
        path = config.path(config.mailbox.maildir)
        name = f"maildir:{path}"
        entry = out.setdefault(name, {})
        entry["backlog"] = maildir_backlog(env, path, name)
        if not entry.get("last_contact") and isinstance(facts.get("last_cycle"), dict):
            entry["last_contact"] = facts["last_cycle"].get("at")  # a `run --once` read it then
    return out


def maildir_backlog(env: Env, path: Path, source_name: str) -> int | None:
    """Messages in the Maildir that the ledger has not recorded (counted live: exact even while
    the daemon is down)."""
    if not Path(path, "new").is_dir():
        return None
    try:
        keys = set(mailbox.Maildir(path, factory=None, create=False).iterkeys())
    except OSError:
        return None
    seen = {row[0] for row in env.store.conn.execute("SELECT source_key FROM messages WHERE source = ?", (source_name,))}
    return len(keys - seen)


def _tracker(env: Env, facts: dict[str, Any]) -> dict[str, Any]:
    config = env.config
    path = config.path(config.workspace.tracker)
    # Excel leaves "~$name.xlsx" beside a workbook it has open; LibreOffice ".~lock.name.xlsx#".
    lock_files = [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]
    held = [p.name for p in lock_files if p.exists()]
    data: dict[str, Any] = {
        "path": str(path),
        "exists": path.exists(),
        "open_elsewhere": bool(held),
        "lock_files": held,
    }
    # Written by the daemon after each cycle: whether its writes wait for the file to close.
    row = facts.get("tracker") if isinstance(facts.get("tracker"), dict) else {}
    data["pending_writes"] = bool(row.get("queued"))
    data["pending_reason"] = row.get("reason")
    data["saved_at"] = row.get("saved_at")
    failed = facts.get("tracker_failed_rows")
    data["failed_rows"] = failed if isinstance(failed, list) else []
    return data


def _count_by(store, sql: str, names: Iterable[str]) -> dict[str, int]:
    counts = {name: 0 for name in names}
    for row in store.conn.execute(sql):
        counts[row[0]] = row[1]
    return counts


def _scalar(store, sql: str) -> int:
    return store.conn.execute(sql).fetchone()[0] or 0


def print_status(data: dict[str, Any]) -> None:
    console = _console()
    daemon = data["daemon"]
    colour = {"up": "green", "stopped": "red", "stuck": "red", "busy": "yellow"}[daemon["health"]]
    head = f"[{colour}]{daemon['health']}[/{colour}]"
    if daemon["pid"]:
        head += f" (pid {daemon['pid']}"
        if daemon.get("state"):
            head += f", {daemon['state']}"
        if daemon.get("heartbeat_age_seconds") is not None:
            head += f", heartbeat {daemon['heartbeat_age_seconds']:.0f} s ago"
        head += ")"
    console.print(f"mailflow daemon: {head}   workspace {data['workspace']}")

    boxes = Table(title="Mailboxes")
    for column in ("mailbox", "last contact", "backlog", "state / error"):
        boxes.add_column(column, overflow="fold")
    for name, box in sorted(data["mailboxes"].items()):
        state = box.get("error") or box.get("state") or ""
        if "connected" in box:  # an IMAP source's own facts
            state = "connected" if box["connected"] else "disconnected"
            if box.get("last_error"):
                state += f"; last error {box.get('last_error_at') or ''}: {box['last_error']}"
        boxes.add_row(name, str(box.get("last_contact") or "never"), _text(box.get("backlog")), str(state))
    if data["mailboxes"]:
        console.print(boxes)

    facts = Table(title="Queues", show_header=False)
    facts.add_column("what")
    facts.add_column("count / state", overflow="fold")
    tracker = data["tracker"]
    lock = "open in Excel elsewhere" if tracker["open_elsewhere"] else "free"
    pending = f"writes waiting: {tracker['pending_reason'] or 'yes'}" if tracker["pending_writes"] else "no writes waiting"
    facts.add_row("tracker", f"{tracker['path']}: {'missing' if not tracker['exists'] else lock}; {pending}"
                             + (f"; saved {tracker['saved_at']}" if tracker.get("saved_at") else "")
                             + (f"; {len(tracker['failed_rows'])} row(s) could not be written:"
                                f" {', '.join(r['key'] for r in tracker['failed_rows'][:5])} (see Review)"
                                if tracker.get("failed_rows") else ""))
    notices = data["notices"]
    facts.add_row("notices", ", ".join(f"{n} {k}" for k, n in notices.items()))
    facts.add_row("messages", ", ".join(f"{n} {k}" for k, n in data["messages"].items()))
    facts.add_row("review", f"{data['review']['open']} open ({data['review']['quarantined']} quarantined message(s))")
    facts.add_row("orders", str(data["orders"]))
    cycle = data.get("last_cycle") or {}
    if cycle:
        facts.add_row("last cycle", f"{cycle.get('at')} ({cycle.get('seconds')} s)")
    error = data.get("last_error")
    facts.add_row("last error", f"[red]{error.get('at')}: {error.get('error')}[/red]" if error else "none")
    console.print(facts)


def _text(value: Any) -> str:
    return "?" if value is None else str(value)


# --------------------------------------------------------------------------- orders, timeline

_ORDER_COLUMNS = ("order_no", "customer", "po_number", "status", "next_action", "due", "overdue")


def print_orders(rows: list[dict[str, Any]]) -> None:
    """The order desk at a glance; overdue rows in red. Extra keys in ``rows`` are shown too."""
    console = _console()
    if not rows:
        console.print("no orders yet")
        return
    columns = [c for c in _ORDER_COLUMNS if any(c in r for r in rows)]
    columns += [c for c in rows[0] if c not in columns and not isinstance(rows[0][c], (list, dict))]
    table = Table(title=f"Orders ({len(rows)})")
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        style = "red" if row.get("overdue") else None
        table.add_row(*(_cell(row.get(c)) for c in columns), style=style)
    console.print(table)


def print_timeline(data: dict[str, Any]) -> None:
    """One order: its facts, then every event, document and notice in time order."""
    console = _console()
    order = data.get("order") or {}
    if isinstance(order, dict) and order:
        console.print(
            f"[bold]{order.get('order_no', '')}[/bold]  {order.get('customer', '')}  PO {order.get('po_number', '')}"
            f"  [{order.get('status', '')}]"
        )
    for key, value in data.items():
        if key == "order" or isinstance(value, list):
            continue
        console.print(f"{key.replace('_', ' ')}: {_cell(value)}", markup=False)
    for key, value in data.items():
        if not isinstance(value, list) or not value:
            continue
        table = Table(title=key.replace("_", " ").capitalize())
        columns = list(value[0]) if isinstance(value[0], dict) else ["value"]
        for column in columns:
            table.add_column(column.replace("_", " "), overflow="fold")
        for item in value:
            cells = [_cell(item.get(c)) for c in columns] if isinstance(item, dict) else [_cell(item)]
            table.add_row(*cells)
        console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


# --------------------------------------------------------------------------- progress


@contextlib.contextmanager
def cycle_progress(
    env: Env, sources: Iterable[Any] = (), on_message: Callable[[Any], None] | None = None
) -> Iterator[Callable[[Any], None]]:
    """The ``progress`` callback for ``run_once``: a bar on a terminal with a backlog, else only
    ``on_message``. Log lines written meanwhile are printed above the bar, not through it."""
    if on_message is None:
        on_message = lambda report: log_message(env, report)  # noqa: E731
    total = _backlog(env, sources) if sys.stderr.isatty() else None
    if not total or total < PROGRESS_FROM:
        yield on_message
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = _console(stderr=True)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=console, transient=True,
    )
    task = progress.add_task("mail backlog", total=total)
    handlers = [h for h in logging.getLogger("mailflow").handlers if getattr(h, "_mailflow_stderr", False)]
    with progress:
        # Inside the live display sys.stderr is rich's proxy, which prints above the bar.
        saved = [(h, h.setStream(sys.stderr)) for h in handlers]
        try:

            def advance(report: Any) -> None:
                on_message(report)
                progress.advance(task)

            yield advance
        finally:
            for handler, stream in saved:
                handler.setStream(stream or sys.stderr)


def log_message(env: Env, report: Any) -> None:
    """One log line per message naming its Message-ID and order (the subject only at debug)."""
    row = env.store.seen_source(report.source, report.source_key)
    message_id = (row["message_id"] or row["identity"]) if row else None
    extra = {"message_id": message_id, "order_no": report.order_no, "source": report.source}
    what = report.outcome + (f" ({report.reason})" if report.reason else "")
    order = (f" → order {report.order_no}" + (" (new)" if report.new_order else "")) if report.order_no else ""
    level = logging.WARNING if report.outcome == "quarantined" else logging.INFO
    log.log(level, "message %s [%s %s]: %s%s", message_id or "(no Message-ID)", report.source,
            report.source_key, what, order, extra=extra)
    log.debug("message %s subject: %s", message_id, report.subject, extra=extra)


def _backlog(env: Env, sources: Iterable[Any]) -> int | None:
    """Messages waiting: each source's own count, else the live Maildir count or the IMAP
    source's last ``backlog`` fact (without sources: every mailbox ``status`` knows of)."""
    sources = list(sources)
    if not sources:
        return sum(box.get("backlog") or 0 for box in _mailboxes(env, env.store.all_status("mailbox:")).values())
    total = 0
    for source in sources:
        count = None
        if callable(getattr(source, "backlog", None)):
            try:
                count = source.backlog()
            except Exception:  # a count is a nicety: no bar rather than no processing
                count = None
        elif getattr(source, "name", "").startswith("maildir:") and hasattr(source, "path"):
            count = maildir_backlog(env, source.path, source.name)
        else:
            row = env.store.get_status(f"mailbox:{getattr(source, 'name', '')}") or {}
            count = row.get("backlog") if isinstance(row, dict) else None
        total += count or 0
    return total
