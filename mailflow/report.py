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
import json
import logging
import mailbox
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .context import Env
from .lock import holder
from .errors import OutboxError
from .outbox import message_bytes
from .outbox.file import FileTransport

log = logging.getLogger("mailflow.messages")

STALE_AFTER_SECONDS = 90  # no heartbeat for this long: stuck (one PDF conversion may take a minute)
PROGRESS_FROM = 5  # smaller backlogs finish before a bar would be worth drawing


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# --------------------------------------------------------------------------- tables that fit


@dataclass(frozen=True)
class Col:
    """One column of a table that fits the terminal.

    ``keep`` columns (identifiers, dates, statuses) are never cut; the others give way: first
    truncated with an ellipsis, down to ``least`` characters, then left out altogether, lowest
    ``rank`` first. Nothing is ever broken in the middle of a word.
    """

    key: str
    header: str
    rank: int = 0  # higher stays longer
    keep: bool = False
    least: int = 8
    justify: str = "left"


_GAP = 2  # the space rich puts between two columns of a table without lines or edges


def _full(col: Col, rows: list[dict[str, str]]) -> int:
    return max([cell_len(col.header)] + [cell_len(row.get(col.key, "")) for row in rows])


def fit_columns(cols: list[Col], rows: list[dict[str, str]], width: int) -> list[tuple[Col, int]]:
    """The columns that fit ``width`` and the width each gets: kept columns their full width,
    the others at least ``least`` (the lowest-ranked dropped until that fits), then the room
    left shared out by rank, none wider than its widest value."""
    chosen = list(cols)

    def need(col: Col) -> int:
        return _full(col, rows) if col.keep else min(_full(col, rows), col.least)

    while len(chosen) > 1 and sum(need(c) for c in chosen) + _GAP * (len(chosen) - 1) > width:
        droppable = [c for c in chosen if not c.keep] or chosen[1:]
        chosen.remove(min(droppable, key=lambda c: c.rank))
    widths = {c.key: need(c) for c in chosen}
    room = width - sum(widths.values()) - _GAP * (len(chosen) - 1)
    for col in sorted(chosen, key=lambda c: -c.rank):
        grow = max(0, min(room, _full(col, rows) - widths[col.key]))
        widths[col.key] += grow
        room -= grow
    return [(c, widths[c.key]) for c in chosen]


def fitted_table(
    console: Console,
    cols: list[Col],
    rows: list[dict[str, str]],
    title: str | None = None,
    styles: list[str | None] | None = None,
) -> Table:
    """A table of ``rows`` (already text) no wider than the terminal: at 80 columns it drops
    and shortens (with an ellipsis) what matters least; a wider terminal shows everything."""
    chosen = fit_columns(cols, rows, console.width)
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        title_justify="left",
    )
    for col, width in chosen:
        table.add_column(col.header, justify=col.justify, no_wrap=True, overflow="ellipsis", width=width)
    for i, row in enumerate(rows):
        table.add_row(*(row.get(c.key, "") for c, _w in chosen), style=(styles or [None] * len(rows))[i])
    return table


def print_line(console: Console, text: str, indent: int = 2) -> None:
    """Text wrapped between words at the terminal's width, every line indented by ``indent``."""
    console.print(Padding(Text(text), (0, 0, 0, indent), expand=False))


def print_path(console: Console, label: str, path: str, indent: int = 2) -> None:
    """A path whole, on its own line: a terminal may wrap it, mailflow never cuts it."""
    console.print(f"{' ' * indent}{label}{path}", markup=False, highlight=False, soft_wrap=True, crop=False)


# --------------------------------------------------------------------------- run --once


def print_cycle(env: Env, report: Any, detailed: bool = False, console: Console | None = None) -> None:
    """One cycle's outcome: a line per message; with ``detailed``, every path written, each
    whole on its own line."""
    console = console or _console()
    counts = report.counts()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no new mail"
    edits = f", {report.staff_edits} staff edit(s) from the tracker" if report.staff_edits else ""
    console.print(
        f"{summary}{edits}; {len(report.orders_created)} order(s) created, {len(report.notices_queued)}"
        f" notice(s) queued, {len(report.notices_sent)} sent ({report.seconds:.1f} s)"
    )
    archive_root = Path(env.archive.root)
    if report.messages:
        rows, styles, archived = [], [], []
        for n, m in enumerate(report.messages, 1):
            entry = env.store.seen_source(m.source, m.source_key)
            ident = entry.ident if entry else m.source_key
            rows.append(
                {
                    "n": str(n),
                    "outcome": m.outcome,
                    "order": (m.order_no or "") + (" (new)" if m.new_order else ""),
                    "subject": m.subject + (f" — {m.reason}" if m.reason else ""),
                    "id": ident or "",
                }
            )
            styles.append(_OUTCOME_STYLE.get(m.outcome))
            if m.archive_path:
                archived.append((n, str(archive_root / m.archive_path)))
        cols = [
            Col("n", "#", 9, keep=True, justify="right"),
            Col("outcome", "outcome", 8, keep=True),
            Col("order", "order", 7, keep=True),
            Col("subject", "subject / reason", 6, least=20),
            Col("id", "Message-ID", 2, least=16),
        ]
        console.print(fitted_table(console, cols, rows, "Messages", styles))
        if detailed and archived:
            console.print("[bold]Messages archived as[/bold]")
            for n, path in archived:
                print_path(console, f"#{n} ", path)
    if detailed:
        for title, entries in (
            ("Orders created", _order_lines(env, report.orders_created)),
            ("Documents written", [("", path) for path in _document_lines(env, report.orders_created)]),
            ("Notices sent", _notice_lines(env, report.notices_sent)),
            ("Notices queued, not sent yet", _notice_lines(env, _waiting(report))),
        ):
            if entries:
                console.print(f"[bold]{title}[/bold]")
                nested = any(text for text, _path in entries)
                for text, path in entries:
                    if text:
                        print_line(console, text, 2)
                    if path:
                        print_path(console, "", path, indent=4 if nested else 2)
    for error in report.errors:
        console.print(f"[red]error[/red] {error}")


_OUTCOME_STYLE = {"processed": "green", "quarantined": "red", "duplicate": "yellow", "ignored": "dim"}


def _waiting(report: Any) -> list[str]:
    sent = set(report.notices_sent)
    return [key for key in report.notices_queued if key not in sent]


def _order_lines(env: Env, order_nos: Iterable[str]) -> list[tuple[str, str]]:
    """(what, archive folder) per order created."""
    lines = []
    for order_no in order_nos:
        order = env.store.order(order_no)
        if order is None:
            continue
        folder = str(Path(env.archive.root) / order.archive_dir) if order.archive_dir else ""
        lines.append((f"{order_no}  {order.customer}  PO {order.po_number}", folder))
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


def _notice_lines(env: Env, keys: Iterable[str]) -> list[tuple[str, str]]:
    """(the notice, where to read it): its archived copy, else the file transport's .eml."""
    files = None
    lines = []
    for key in keys:
        entry = env.store.notice(key)
        if entry is None:
            lines.append((key, ""))
            continue
        text = f"{entry.key}  [{entry.status}] to {', '.join(entry.recipients)}"
        if entry.transport == "file":
            if files is None:
                files = FileTransport(env)
            with contextlib.suppress(OutboxError, OSError, ValueError):
                entry = replace(entry, eml=message_bytes(env, entry))  # the file holds the whole email
            lines.append((text, str(files.path_for(entry))))
        else:
            lines.append((f"{text}  by {entry.transport}", ""))
        if entry.archive_path:
            lines.append(("", f"copy {Path(env.archive.root) / entry.archive_path}"))
    return lines


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
        "notices": _counts(store.notice_status_counts(), ("queued", "sending", "sent", "failed", "review")),
        "messages": _counts(store.outcome_counts(), ("processed", "duplicate", "ignored", "quarantined")),
        "review": {
            "open": store.count_reviews("open"),
            "quarantined": store.count_reviews("open", key_prefix="quarantine:"),
        },
        "orders": store.order_count(),
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
    seen = env.store.source_keys(source_name)
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


def _counts(found: dict[str, int], names: Iterable[str]) -> dict[str, int]:
    """``found`` with a 0 for each of ``names`` it lacks (the ``status --json`` keys are fixed)."""
    return {**{name: 0 for name in names}, **found}


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
    for name, facts in sorted(data["mailboxes"].items()):
        state = facts.get("error") or facts.get("state") or ""
        if "connected" in facts:  # an IMAP source's own facts
            state = "connected" if facts["connected"] else "disconnected"
            if facts.get("last_error"):
                state += f"; last error {facts.get('last_error_at') or ''}: {facts['last_error']}"
        boxes.add_row(name, str(facts.get("last_contact") or "never"), _text(facts.get("backlog")), str(state))
    if data["mailboxes"]:
        console.print(boxes)

    facts = Table(title="Queues", show_header=False)
    facts.add_column("what")
    facts.add_column("count / state", overflow="fold")
    tracker = data["tracker"]
    lock = "open in Excel elsewhere" if tracker["open_elsewhere"] else "free"
    pending = (
        f"writes waiting: {tracker['pending_reason'] or 'yes'}" if tracker["pending_writes"] else "no writes waiting"
    )
    facts.add_row(
        "tracker",
        f"{tracker['path']}: {'missing' if not tracker['exists'] else lock}; {pending}"
        + (f"; saved {tracker['saved_at']}" if tracker.get("saved_at") else "")
        + (
            f"; {len(tracker['failed_rows'])} row(s) could not be written:"
            f" {', '.join(r['key'] for r in tracker['failed_rows'][:5])} (see Review)"
            if tracker.get("failed_rows")
            else ""
        ),
    )
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

# The orders table: identifiers and dates are never cut; at 80 columns the PO number goes first,
# then the next action and the customer are shortened with an ellipsis.
_ORDER_COLS = (
    Col("order_no", "order", 9, keep=True), Col("status", "status", 8, keep=True),
    Col("due", "due", 7, keep=True), Col("customer", "customer", 6, least=14),
    Col("next_action", "next action", 5, least=16), Col("po_number", "PO", 3, least=10),
)  # fmt: skip


def print_orders(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """The order desk at a glance; overdue rows in red and marked "late" (a pipe has no colour).
    Extra keys in ``rows`` are shown too, when the terminal is wide enough."""
    console = console or _console()
    if not rows:
        console.print("no orders yet")
        return
    known = {c.key for c in _ORDER_COLS} | {"overdue"}
    extra = [
        Col(k, k.replace("_", " "), 1, least=8)
        for k in rows[0]
        if k not in known and not isinstance(rows[0][k], (list, dict))
    ]
    cols = [c for c in _ORDER_COLS if any(c.key in r for r in rows)] + extra
    texts = []
    for row in rows:
        text = {k: _cell(v) for k, v in row.items()}
        if row.get("overdue"):
            text["due"] = f"{text.get('due', '')} late".strip()
        texts.append(text)
    styles = ["red" if row.get("overdue") else None for row in rows]
    console.print(fitted_table(console, cols, texts, f"Orders ({len(rows)})", styles))


def customers_table(env: Env) -> list[dict[str, Any]]:
    """The customer master, one dict per customer (the ``customers --json`` shape), with how
    many orders each has."""
    counts = env.store.orders_per_customer()
    rows = []
    for customer in env.store.customers():
        data = customer.to_dict()
        data["orders"] = counts.get(customer.name, 0)
        rows.append(data)
    return rows


# Who they are and who may send their orders stay; contact and terms give way on a narrow terminal.
_CUSTOMER_COLS = (
    Col("id", "id", 9, keep=True), Col("name", "customer", 8, least=16), Col("status", "status", 9, keep=True),
    Col("senders", "addresses / domains", 7, least=20), Col("orders", "orders", 6, keep=True, justify="right"),
    Col("contact", "contact", 4, least=12), Col("language", "lang", 3, least=4),
    Col("deposit_percent", "dep %", 2, least=5), Col("account_manager", "manager", 1, least=10),
)  # fmt: skip


def print_customers(rows: list[dict[str, Any]]) -> None:
    """The customer master at a glance; customers still New (or Blocked) stand out."""
    console = _console()
    if not rows:
        console.print("no customers yet (the tracker's Customers sheet is empty)")
        return
    texts = [
        {
            **{k: _cell(v) for k, v in row.items()},
            "senders": ", ".join(row["senders"]),
            "orders": str(row["orders"]),
            "account_manager": row["account_manager"] or row["account_manager_email"],
        }
        for row in rows
    ]
    styles = [{"New": "yellow", "Blocked": "red"}.get(row["status"]) for row in rows]
    console.print(fitted_table(console, list(_CUSTOMER_COLS), texts, f"Customers ({len(rows)})", styles))


# One order's lists: (column, header, rank, keep) per list; ``whole`` values (paths, ids) are
# printed uncut on their own line when the table does not fit.
_TIMELINE_COLS = {
    "milestones": (Col("milestone", "milestone", 9, keep=True), Col("on", "on", 8, keep=True),
                   Col("via", "via", 5, least=6)),
    "events": (Col("at", "at", 9, keep=True), Col("event", "event", 8, keep=True), Col("cause", "cause", 6, least=5),
               Col("detail", "detail", 5, least=20), Col("message_id", "message id", 1, least=12)),
    "documents": (Col("document", "document", 9, keep=True), Col("for", "for", 8, keep=True),
                  Col("path", "path", 5, least=20)),
    "notices": (Col("created", "created", 9, keep=True), Col("notice", "notice", 8, keep=True),
                Col("status", "status", 7, keep=True), Col("to", "to", 5, least=12),
                Col("subject", "subject", 4, least=16), Col("sent", "sent", 2, least=16),
                Col("key", "key", 1, least=12)),
}  # fmt: skip
_WHOLE = {"path", "message_id", "key", "to"}


def print_timeline(data: dict[str, Any], console: Console | None = None) -> None:
    """One order: its facts, then every event, document and notice in time order. A list that
    fits the terminal is a table; otherwise each entry is stacked, its values on their own lines."""
    console = console or _console()
    order = data.get("order") or {}
    if isinstance(order, dict) and order:
        console.print(
            f"[bold]{order.get('order_no', '')}[/bold]  {order.get('customer', '')}  PO {order.get('po_number', '')}"
            f"  [{order.get('status', '')}]",
            markup=True,
            highlight=False,
        )
        for key in ("received", "total"):
            if order.get(key):
                console.print(f"{key}: {_short('at', order[key])}", markup=False)
        if order.get("archive"):
            print_path(console, "archive: ", str(order["archive"]), indent=0)
    for key, value in data.items():
        if key == "order" or isinstance(value, list):
            continue
        print_line(console, f"{key.replace('_', ' ')}: {_cell(value)}", 0)
    for key, value in data.items():
        if not isinstance(value, list) or not value:
            continue
        title = key.replace("_", " ").capitalize()
        rows = [
            {c: _short(c, item.get(c)) for c in item} if isinstance(item, dict) else {"value": _cell(item)}
            for item in value
        ]
        cols = list(_TIMELINE_COLS.get(key, ())) or [Col(c, c.replace("_", " "), 5, least=10) for c in rows[0]]
        if _fits(cols, rows, console.width):
            console.print(fitted_table(console, cols, rows, title))
        else:
            _stacked(console, title, cols, rows)


def _short(column: str, value: Any) -> str:
    """Timestamps to the minute ("2026-11-23 09:00"): the seconds and offset cost a column."""
    text = _cell(value)
    if column in ("at", "created", "sent") and len(text) > 16 and text[10:11] == "T":
        return f"{text[:10]} {text[11:16]}"
    return text


def _fits(cols: list[Col], rows: list[dict[str, str]], width: int) -> bool:
    return sum(_full(c, rows) for c in cols) + _GAP * (len(cols) - 1) <= width


def _stacked(console: Console, title: str, cols: list[Col], rows: list[dict[str, str]]) -> None:
    """Each entry on its own lines: the kept columns on the first, the rest below, indented."""
    console.print(f"[bold]{title}[/bold]")
    kept = [c for c in cols if c.keep]
    for row in rows:
        print_line(console, "  ".join(row.get(c.key, "") for c in kept if row.get(c.key)), 2)
        for col in cols:
            if col.keep or not row.get(col.key):
                continue
            if col.key in _WHOLE:
                print_path(console, f"{col.header}: ", row[col.key], indent=4)
            else:
                print_line(console, f"{col.header}: {row[col.key]}", 4)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (dict, list)):
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

    console = _console(stderr=True)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
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
    entry = env.store.seen_source(report.source, report.source_key)
    message_id = entry.ident if entry else None
    extra = {"message_id": message_id, "order_no": report.order_no, "source": report.source}
    what = report.outcome + (f" ({report.reason})" if report.reason else "")
    order = (f" → order {report.order_no}" + (" (new)" if report.new_order else "")) if report.order_no else ""
    level = logging.WARNING if report.outcome == "quarantined" else logging.INFO
    log.log(
        level,
        "message %s [%s %s]: %s%s",
        message_id or "(no Message-ID)",
        report.source,
        report.source_key,
        what,
        order,
        extra=extra,
    )
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
