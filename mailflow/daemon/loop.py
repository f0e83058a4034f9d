"""The daemon's main loop: flags, signals, timers, one cycle at a time, reload and shutdown.

ONE main thread does all the processing (``cycle.run_cycle``), so two cycles never race on an
order. Everything else only sets a flag (``Flags``) that the loop reads every ``TICK_SECONDS``:

* the watcher threads (``watchers.py``) when mail arrives;
* the signal handlers (SIGTERM/SIGINT: stop; SIGHUP: reload; no locks, no I/O inside them);
* three of the timers below.

Timers run on an own ``schedule.Scheduler()`` (``workflow.scheduler.build``: each job error-trapped
and its last run recorded as ``job:<name>``), in the main thread between cycles:

* ``outbox``: queued notices whose retry time came are sent;
* ``tracker sync``, ``workflow timers`` and ``poll`` (a safety net under IDLE, which some
  servers break) each *request* a cycle rather than doing their part alone. Their work is one
  ordered sequence that must run together — staff edits in, timers, values out, notices queued —
  and when two of them fall due at once (or mail arrives too) one cycle serves both. So they set
  ``flags.wake`` like a watcher does; ``schedule`` decides *when*, the cycle does *what*.

The heartbeat is not a ``schedule`` job: it must also beat from inside a long cycle (a backlog
of hundreds of messages), where ``run_pending`` does not run; ``StatusRecorder.heartbeat``
throttles itself instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

import schedule

from .. import config as config_mod
from .. import outbox
from ..config import Config
from ..context import Env
from ..document_stage import DocumentStage
from ..errors import MailflowError
from ..logs import setup_file, setup_stderr
from ..preflight import template_problems
from ..report import log_message
from ..sources import build_sources
from ..tracker import Tracker, WriteResult
from ..workflow.scheduler import Job, build
from .cycle import log_cycle, run_cycle
from .flags import Flags
from .status import StatusRecorder
from .watchers import Watchers, close_quietly

log = logging.getLogger("mailflow.daemon")

TICK_SECONDS = 0.25  # how often the idle main loop looks at its flags
OUTBOX_RETRY_SECONDS = 30  # queued notices whose retry time came


def log_level(name: str, verbose: int) -> int:
    """The daemon logs at its configured level; -v / -vv can only make it chattier."""
    configured = logging.getLevelName(str(name).upper())
    level = configured if isinstance(configured, int) else logging.INFO
    if verbose >= 2:
        level = min(level, logging.DEBUG)
    return level


class Daemon:
    def __init__(self, config_path: Path, config: Config, *, clock=None, verbose: int = 0) -> None:
        self.config_path = config_path
        self.config = config
        self.clock = clock
        self.verbose = verbose
        self.flags = Flags()
        self.env = Env.open(config, clock=clock)
        self.sources: list[Any] = []
        self.watchers = Watchers(config, clock, self.flags)
        self.status = StatusRecorder(self.env, config_path, self.watchers.alive)
        self.tracker: Tracker | None = None
        self.documents: DocumentStage | None = None  # kept between cycles (see ``cycle``)
        self.scheduler: schedule.Scheduler | None = None  # built by _plan_jobs
        self._last_tracker: WriteResult | None = None  # the last cycle's tracker write
        self._tracker_behind = False  # the last cycle left its documents' rows to the next write

    # ----------------------------------------------------------------- lifecycle

    def run(self) -> int:
        self._install_signals()
        threading.Thread(target=self._watchdog, name="shutdown-watchdog", daemon=True).start()
        try:
            self._trap("start", self._ensure_parts)
            self._plan_jobs()
            self.status.heartbeat(force=True)
            while not self.flags.stopping:
                if self.flags.reload:
                    self.flags.reload = False
                    self._trap("reload", self.reload)
                if self.flags.wake:
                    self.flags.wake = False
                    self._trap("cycle", self.cycle)
                if not self.flags.stopping and self.scheduler is not None:
                    self.scheduler.run_pending()
                self.status.heartbeat()
                if not self.flags.wake and not self.flags.stopping and not self.flags.reload:
                    time.sleep(TICK_SECONDS)
            return self._shut_down()
        finally:
            self.env.close()

    def _ensure_parts(self) -> None:
        """Sources, tracker and watchers; retried every cycle until they could all be built
        (a mailbox unreachable at start-up must not leave the daemon idle for good)."""
        if self.tracker is None:
            self.tracker = Tracker(self.env)
        if self.documents is None:
            self.documents = DocumentStage(self.env)
        if not self.watchers:
            self.sources = build_sources(self.env)
            self.watchers.start(self.sources)
            names = ", ".join(s.name for s in self.sources) or "none"
            log.info("watching %d mailbox(es): %s", len(self.sources), names)

    def _shut_down(self) -> int:
        """After SIGTERM/SIGINT: the cycle in hand has finished; save what is queued and leave."""
        began = self.flags.stop_at or time.monotonic()
        self.status.state = "stopping"
        self.status.heartbeat(force=True)
        log.info("stopping: saving queued tracker writes and the outbox state")
        # The interrupted cycle ran the mailbox actions and wrote the tracker after its messages;
        # what its documents and timers recorded since, or a write queued while the tracker was
        # open in Excel, is written now (nothing is saved when nothing changed).
        tracker = self.tracker
        waiting = self._last_tracker is not None and self._last_tracker.queued
        if tracker is not None and (self._tracker_behind or waiting):
            self._trap("final tracker write", lambda: self._record_tracker(tracker.write(self.env.now())))
        self._close_documents()
        queued = self.env.store.count_notices("queued")
        if queued:
            log.info("%d notice(s) stay queued in the outbox for the next start", queued)
        self.watchers.stop()
        for source in self.sources:
            close_quietly(source)
        self.status.state = "stopped"
        self.status.heartbeat(force=True)
        log.info("stopped cleanly in %.1f s", time.monotonic() - began)
        return 0

    def _watchdog(self) -> None:
        """Hard limit on shutdown: a message stuck in, say, a PDF conversion must not keep the
        service from stopping. Exit code 1 tells the service manager it was not clean."""
        while True:
            time.sleep(0.2)
            began = self.flags.stop_at
            if began is not None and time.monotonic() - began > self.config.daemon.shutdown_seconds:
                log.error(
                    "shutdown took longer than daemon.shutdown_seconds (%.0f s): exiting now;"
                    " the next start picks up where this one stopped",
                    self.config.daemon.shutdown_seconds,
                )
                logging.shutdown()
                os._exit(1)

    # ----------------------------------------------------------------- signals

    def _install_signals(self) -> None:
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        if hasattr(signal, "SIGHUP"):  # not on Windows: there `mailflow reload` is unavailable
            signal.signal(signal.SIGHUP, self._on_hup)

    def _on_stop(self, signum, frame) -> None:
        self.flags.interrupts += 1
        if self.flags.stop_at is None:
            self.flags.stop_at = time.monotonic()
        elif signum == signal.SIGINT and self.flags.interrupts >= 2:
            os._exit(130)  # Ctrl-C twice: the operator wants out now; the next start recovers

    def _on_hup(self, signum, frame) -> None:
        self.flags.reload = True

    # ----------------------------------------------------------------- the error trap

    def _trap(self, job: str, work: Callable[[], Any]) -> Any:
        """Run one job; log and record any failure, never let it end the daemon."""
        try:
            return work()
        except MailflowError as exc:
            log.error("%s: %s", job, exc)
            self.status.error(job, str(exc))
        except Exception as exc:
            log.error("%s failed:\n%s", job, traceback.format_exc())
            self.status.error(job, f"internal error: {type(exc).__name__}: {exc}")
        return None

    # ----------------------------------------------------------------- timers

    def _plan_jobs(self) -> None:
        """The timers (see the module docstring); rebuilt on reload."""
        config = self.config

        def trapped(name: str, work: Callable[[], Any]) -> Callable[[Env, dt.datetime], Any]:
            return lambda env, now: self._trap(name, work)  # also records last_error for status

        self.scheduler = build(self.env, [
            Job("tracker sync", max(1, config.tracker.sync_seconds), trapped("tracker sync", self.request_cycle)),
            Job("workflow timers", max(1, config.daemon.timer_seconds), trapped("workflow timers", self.request_cycle)),
            Job("outbox", OUTBOX_RETRY_SECONDS, trapped("outbox", self.flush_outbox)),
            Job("poll", self._poll_seconds(), trapped("poll", self.request_cycle)),
        ])  # fmt: skip

    def _poll_seconds(self) -> int:
        """A poll under IDLE as a safety net (IDLE can miss mail on some servers)."""
        accounts = self.config.mailbox.accounts
        return min([a.poll_seconds for a in accounts] or [60])

    def request_cycle(self) -> None:
        self.flags.wake = True

    def flush_outbox(self) -> None:
        outbox.flush(self.env, self.env.now())

    # ----------------------------------------------------------------- one cycle

    def cycle(self) -> None:
        """One ``run_cycle`` over every mailbox, then the outbox, the status rows, the watchers."""
        self.status.state = "processing"
        self.status.heartbeat(force=True)
        self._ensure_parts()
        sources = self.sources
        report = run_cycle(
            self.env,
            sources,
            self.tracker,
            self.flags,
            on_message=self._on_message,
            documents=self.documents,
            on_read=lambda: self.watchers.resume(sources),
        )
        self._last_tracker = report.tracker
        self._tracker_behind = bool(report.messages)  # its write came before its documents
        if not self.flags.stopping:
            self._trap("outbox", self.flush_outbox)
        self.status.cycles += 1
        self.status.state = "idle"
        try:
            log_cycle(report)
            self._record_tracker(report.tracker)
            self.status.mailboxes(self.sources, report)
            if any(e.reconnect for e in report.errors):
                self._reopen_sources()  # a dropped connection: start the next cycle on fresh ones
        finally:
            self.watchers.resume(self.sources)
        if (report.messages or report.documents_waiting) and not self.flags.stopping:
            # Mail that arrived while this cycle ran may predate the watchers' next wait: look
            # again now, and go on with the documents the stage left for fresh mail; an empty
            # cycle ends the chain (its tracker write carries what this one recorded last).
            self.flags.wake = True

    def _close_documents(self) -> None:
        """End the documents stage (its LibreOffice); what it left is on the document queue."""
        documents, self.documents = self.documents, None
        if documents is not None:
            self._trap("documents", documents.close)

    def _on_message(self, report: Any) -> None:
        log_message(self.env, report)
        self.status.heartbeat()  # a long backlog must not look like a dead daemon

    def _record_tracker(self, result: WriteResult | None) -> None:
        if result is not None:
            self._last_tracker = result
        self.status.tracker(result)

    def _reopen_sources(self) -> None:
        for source in self.sources:
            close_quietly(source)
        self.sources = build_sources(self.env)
        log.info("reopened the mailbox connections")

    # ----------------------------------------------------------------- reload

    def reload(self) -> None:
        """Re-read and validate config, rules and templates; keep the old ones if anything fails."""
        log.info("reload: reading %s", self.config_path)
        try:
            config = config_mod.load(self.config_path)
            _refuse_moved_state(self.config, config)
            new_env = Env.open(config, clock=self.clock)  # loads and validates the inbox rules
        except MailflowError as exc:
            log.error("reload refused, keeping the running configuration: %s", exc)
            self.status.error("reload", f"reload refused: {exc}")
            return
        problems = self._trap("reload: templates", lambda: template_problems(new_env))
        if problems is None:
            problems = ["the templates could not be checked (see the error above)"]
        if problems:
            new_env.close()
            text = "; ".join(problems)
            log.error("reload refused, keeping the running configuration: %s", text)
            self.status.error("reload", f"reload refused: {text}")
            return

        self.watchers.stop()
        for source in self.sources:
            close_quietly(source)
        old_env, self.env, self.config = self.env, new_env, config
        self.status.env = new_env
        self.watchers = Watchers(config, self.clock, self.flags)
        self.status.watching = self.watchers.alive
        self._close_documents()
        old_env.close()
        self.tracker = None
        level = log_level(config.daemon.log_level, self.verbose)
        setup_stderr(level, config.daemon.log_format)
        setup_file(config.path(config.workspace.logs), config.daemon.log_format, level)
        self._ensure_parts()
        self._plan_jobs()
        self.flags.wake = True
        log.info("reload: done (%d rule(s))", len(self.env.rules))


def _refuse_moved_state(old: Config, new: Config) -> None:
    """The lock and the open database belong to the old state folder: moving it needs a restart."""
    if old.path(old.workspace.state_db).resolve() != new.path(new.workspace.state_db).resolve():
        raise config_mod.ConfigError("workspace.state_db changed: restart mailflow to use a new state database")
