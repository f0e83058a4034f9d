"""The ``mailflow`` command: thin — parse arguments, call the library, print, map errors to exits.

A stable interface that scripts depend on:

    mailflow init DIR [--samples]          a new workspace
    mailflow [--config PATH] run [--once]  the daemon, or one cycle
    mailflow parse FILE [--json|--explain] what mailflow makes of one email or document
    mailflow check                         config, rules, templates, tracker: all validated
    mailflow status [--json]               is it up, backlog, queues, last error
    mailflow orders / order show ORDER     the order desk at a glance / one order's timeline
    mailflow customers [--json]            the customer master (the Customers sheet)
    mailflow tracker check|repair          the workbook
    mailflow replay MESSAGE [--dry-run]    re-process an archived or quarantined message
    mailflow reload                        ask the running daemon to re-read its config

Global options: ``--config`` (default ./config.yaml), ``--now ISO-8601`` (replaces the clock
everywhere: deadlines, dates written), ``-v`` (log to stderr), ``--debug`` (tracebacks).
Errors print ``Error: …`` with what to do and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import MailflowError

log = logging.getLogger("mailflow")


class Settings:
    def __init__(self, config_path: Path, now: dt.datetime | None, verbose: int, debug: bool) -> None:
        self.config_path = config_path
        self._now = now
        self.verbose = verbose
        self.debug = debug
        self._config = None

    @property
    def now(self) -> dt.datetime | None:
        """``--now``; a bare date or local time is read in the workspace's configured time zone."""
        if self._now is None or self._now.tzinfo is not None:
            return self._now
        from zoneinfo import ZoneInfo

        from . import config as config_mod

        # `mailflow init` runs before the workspace has a config: the default time zone then.
        calendar = self.config().calendar if self.config_path.exists() else config_mod.defaults().calendar
        return self._now.replace(tzinfo=ZoneInfo(calendar.timezone))

    def config(self):
        from . import config as config_mod

        if self._config is None:
            self._config = config_mod.load(self.config_path)
        return self._config

    def env(self):
        from .context import Env, fixed_clock

        clock = fixed_clock(self.now) if self.now else None
        return Env.open(self.config(), clock=clock)


class MailflowGroup(click.Group):
    """Turns MailflowError into ``Error: …`` and an exit code; no traceback unless --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MailflowError as exc:
            _fail(ctx, str(exc), getattr(exc, "hint", ""))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            raise
        except Exception as exc:
            if _debug(ctx):
                raise
            _fail(ctx, f"internal error: {type(exc).__name__}: {exc}", "run again with --debug for the traceback")


def _debug(ctx: click.Context) -> bool:
    settings = ctx.obj if isinstance(ctx.obj, Settings) else None
    return bool(settings and settings.debug) or "--debug" in sys.argv


def _fail(ctx: click.Context, message: str, hint: str = "") -> None:
    text = f"Error: {message}"
    if hint:
        text += f"\n  {hint}"
    click.echo(text, err=True)
    ctx.exit(1)


def _parse_now(ctx, param, value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use ISO-8601, e.g. 2026-12-01T09:00+08:00 or 2026-12-01") from None
    # A bare date or local time stays naive here: it means the company's local time, and the time
    # zone comes from the config (``calendar.timezone``), which is read later (``Settings.now``).
    return parsed


@click.group(cls=MailflowGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    default="config.yaml",
    type=click.Path(path_type=Path),
    show_default=True,
    help="The workspace's config.yaml.",
)
@click.option(
    "--now", callback=_parse_now, metavar="ISO-8601", help="Replace the clock everywhere (deadlines, dates written)."
)
@click.option("-v", "--verbose", count=True, help="Log to stderr (-vv for debug).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(__version__, prog_name="mailflow")
@click.pass_context
def main(ctx: click.Context, config_path: Path, now, verbose: int, debug: bool) -> None:
    """mailflow: purchase orders by email into a shared Excel tracker, documents and notices."""
    ctx.obj = Settings(config_path, now, verbose, debug)
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    if debug:
        level = logging.DEBUG
    from .logs import setup_stderr

    setup_stderr(level)


# --------------------------------------------------------------------------- init


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--samples", is_flag=True, help="Also copy the bundled sample customer emails into the inbox.")
@click.pass_obj
def init(settings: Settings, directory: Path, samples: bool) -> None:
    """Create a workspace in DIRECTORY: config.yaml, inbox_rules/, templates/, a Maildir inbox, the tracker."""
    from .scaffold import create_workspace

    created = create_workspace(directory, samples=samples, now=settings.now)
    for line in created:
        click.echo(line)


# --------------------------------------------------------------------------- run


@main.command()
@click.option("--once", is_flag=True, help="One cycle over every source, then exit.")
@click.option("--summary", is_flag=True, help="After --once, print what happened with paths.")
@click.pass_obj
def run(settings: Settings, once: bool, summary: bool) -> None:
    """Process mail: the long-running daemon, or one cycle with --once."""
    if once and settings.config().mailbox.limits.parse_in_worker:
        from .forkserver import parse_workers

        server = parse_workers()
        if server is not None:  # it loads the readers while the pipeline is imported (1 s saved)
            server.start()
    if not once:
        from .daemon import run_daemon

        sys.exit(run_daemon(settings.config_path, now=settings.now, verbose=settings.verbose))
    from . import pipeline
    from .report import cycle_progress, print_cycle

    env = settings.env()
    try:
        from .lock import workspace_lock

        with workspace_lock(env.config), cycle_progress(env) as progress:
            report = pipeline.run_once(env, progress=progress, pace_tracker=False)
        print_cycle(env, report, detailed=summary)
    finally:
        env.close()
    # The run is done and its state closed. The interpreter's last collection at exit would
    # walk every object the run made (0.2 s after a backlog) only to find what the exit frees.
    gc.freeze()
    if report.errors:
        sys.exit(1)


# --------------------------------------------------------------------------- parse


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object (the default).")
@click.option("--explain", is_flag=True, help="Show which rule matched and where each value came from.")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of inbox rules to use.",
)
@click.pass_obj
def parse(settings: Settings, file: Path, as_json: bool, explain: bool, rules_dir: Path | None) -> None:
    """What mailflow makes of FILE (.eml, .pdf, .xlsx, .xls, .ods, .docx, .odt, .csv, .txt, .html)."""
    from . import config as config_mod
    from .extract import ParseContext, parse_file
    from .inbox_rules import load_rules

    customer_of = None
    if settings.config_path.exists():
        config = settings.config()
        rules_path = rules_dir or config.path(config.workspace.rules)
        customer_of = _master_lookup(config)
    else:  # parse works anywhere: built-in defaults and the bundled vocabulary
        config = config_mod.defaults()
        rules_path = rules_dir
    rules = load_rules(rules_path) if rules_path and Path(rules_path).exists() else []
    today = (settings.now or dt.datetime.now(dt.timezone.utc)).date()
    context = ParseContext(
        rules=rules, company=config.company, today=today, limits=config.mailbox.limits, customer_of=customer_of
    )
    result = parse_file(file, context)
    if explain:
        for line in result.explain:
            click.echo(line)
        if not as_json:
            return
    click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))


def _master_lookup(config):
    """The workspace's customer master as a sender → name lookup, when its state database
    exists (``parse`` never creates one)."""
    from .customers import find_by_sender
    from .store import Store

    path = config.path(config.workspace.state_db)
    if not path.exists():
        return None
    store = Store(path)
    try:
        customers = store.customers()
    finally:
        store.close()

    def lookup(address: str) -> str | None:
        customer = find_by_sender(customers, address)
        return customer.name if customer is not None else None

    return lookup


# --------------------------------------------------------------------------- check


@main.command()
@click.pass_obj
def check(settings: Settings) -> None:
    """Validate config.yaml, inbox_rules/, templates and the tracker; exit 1 on any problem."""
    from .preflight import run_checks

    config = settings.config()
    problems, notes = run_checks(config)
    for note in notes:
        click.echo(f"ok    {note}")
    for problem in problems:
        click.echo(f"FAIL  {problem}")
    if problems:
        raise MailflowError(
            f"{len(problems)} problem(s) found", hint="fix the files named above, then run `mailflow check` again"
        )


# --------------------------------------------------------------------------- status, orders


def _show(data, as_json: bool, printer) -> None:
    """``--json``: the data as it is; otherwise the readable table ``printer`` makes of it."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        printer(data)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def status(settings: Settings, as_json: bool) -> None:
    """Is the daemon up; per mailbox last contact and backlog; queues; review; last error."""
    from .report import print_status, status_data

    env = settings.env()
    try:
        data = status_data(env)
    finally:
        env.close()
    _show(data, as_json, print_status)


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def orders(settings: Settings, as_json: bool) -> None:
    """The orders: customer, status, next action, due date (overdue marked)."""
    from .report import print_orders
    from .workflow.views import orders_table

    env = settings.env()
    try:
        rows = orders_table(env, env.now())
    finally:
        env.close()
    _show(rows, as_json, print_orders)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def customers(settings: Settings, as_json: bool) -> None:
    """The customer master (the tracker's Customers sheet): who may send orders, contact, terms."""
    from .report import customers_table, print_customers

    env = settings.env()
    try:
        rows = customers_table(env)
    finally:
        env.close()
    _show(rows, as_json, print_customers)


@main.group()
def order() -> None:
    """One order."""


@order.command("show")
@click.argument("order_no")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def order_show(settings: Settings, order_no: str, as_json: bool) -> None:
    """ORDER_NO's timeline: events, documents, notices."""
    from .report import print_timeline
    from .workflow.views import order_timeline

    env = settings.env()
    try:
        if env.store.order(order_no) is None:
            raise MailflowError(f"no order {order_no}", hint="`mailflow orders` lists them")
        data = order_timeline(env, order_no)
    finally:
        env.close()
    _show(data, as_json, print_timeline)


# --------------------------------------------------------------------------- tracker


@main.group()
def notify() -> None:
    """Notices sent on request rather than on an order's deadlines."""


@notify.command("closure")
@click.option("--months", default=6, show_default=True, help="Also customers with an order in the last N months.")
@click.option("--ahead", "ahead_days", default=30, show_default=True, help="Closures starting within this many days.")
@click.option("--dry-run", is_flag=True, help="Say who would be told, send nothing.")
@click.pass_obj
def notify_closure(settings: Settings, months: int, ahead_days: int, dry_run: bool) -> None:
    """The holiday-closure notice (calendar.closures) to customers with open or recent orders,
    once per customer per closure, in each customer's language; then the outbox is flushed."""
    from . import outbox
    from .workflow import closures

    env = settings.env()
    env.dry_run = dry_run
    try:
        queued = closures.notify(env, env.now(), months=months, ahead_days=ahead_days)
        for notice in queued:
            click.echo(
                f"{'would queue' if dry_run else 'queued'} {notice.key} to {', '.join(notice.to)} ({notice.language})"
            )
        if not queued:
            click.echo(
                f"no closure notice is due (none starts within the next {ahead_days} days, or every customer was told)"
            )
        if queued and not dry_run:
            outbox.flush(env, env.now())
    finally:
        env.close()


@main.group()
def tracker() -> None:
    """The shared Excel workbook."""


@tracker.command("check")
@click.pass_obj
def tracker_check(settings: Settings) -> None:
    """What would be at risk in the workbook: lock, layout, parts openpyxl cannot keep."""
    from .tracker import Tracker

    env = settings.env()
    try:
        problems = Tracker(env).check()
    finally:
        env.close()
    for problem in problems:
        click.echo(f"- {problem}")
    if problems:
        raise MailflowError(f"{len(problems)} problem(s) with the tracker")
    click.echo("tracker ok")


@tracker.command("repair")
@click.pass_obj
def tracker_repair(settings: Settings) -> None:
    """Restore the newest good backup, or rebuild the tracker from the state database."""
    from .tracker import Tracker

    env = settings.env()
    try:
        click.echo(Tracker(env).repair(env.now()))
    finally:
        env.close()


# --------------------------------------------------------------------------- replay, reload


@main.command()
@click.argument("message")
@click.option("--dry-run", is_flag=True, help="Show the plan without applying it.")
@click.pass_obj
def replay(settings: Settings, message: str, dry_run: bool) -> None:
    """Re-process MESSAGE (a Message-ID, a ledger id, or an archived .eml path) after a fix."""
    from .replay import replay_message

    env = settings.env()
    try:
        for line in replay_message(env, message, dry_run=dry_run):
            click.echo(line)
    finally:
        env.close()


@main.command()
@click.pass_obj
def reload(settings: Settings) -> None:
    """Ask the running daemon to re-read config, rules and templates (like SIGHUP)."""
    from .daemon import signal_daemon

    config = settings.config()
    pid = signal_daemon(config, "HUP")
    click.echo(f"asked the daemon (pid {pid}) to reload")


if __name__ == "__main__":  # pragma: no cover
    main()
