"""The long-running daemon behind ``mailflow run``: one process per workspace, all day.

Threads and who does what:

* ONE main thread does all the processing, through ``pipeline.run_once`` (the same cycle as
  ``run --once``): sources, tracker sync, workflow timers, the outbox. Only the main thread
  writes orders, so there is never a race between two cycles.
* One watcher thread per mailbox only *waits* (``Source.wait``: IMAP IDLE, or a Maildir poll)
  and sets the wake-up flag. It has its own ``Env`` (its own SQLite connection), its own source
  object (an IMAP IDLE needs a connection of its own) and never touches orders. A dropped
  connection is logged, recorded as ``last_error`` and retried with backoff — the daemon never
  exits because a mailbox went away.
* An own ``schedule.Scheduler()`` (``workflow.scheduler.build``) runs the periodic work
  (tracker sync, workflow timers, the outbox retries, a poll as a safety net under IDLE, the heartbeat); every job is wrapped in
  ``_trap``: a failing job is logged with its traceback, recorded as ``last_error``, and the
  loop goes on (``schedule`` itself does not catch job exceptions).

Signals (handlers only set flags: no locks, no I/O inside a handler):

* SIGTERM / SIGINT: the message in hand is finished (the source wrapper stops yielding between
  messages), the rest of the cycle runs — the tracker write, the mailbox actions for what was
  committed, the outbox — and the process exits 0. A watchdog ends the process with exit code 1
  if that takes longer than ``daemon.shutdown_seconds`` (nothing is lost even then: every step
  is idempotent and recovered on the next start). A second SIGINT stops at once.
* SIGHUP (``mailflow reload``): config.yaml, inbox rules and templates are re-read and validated;
  a bad new config is refused with the error logged, and the daemon goes on with the old one.

Liveness: the status row ``daemon`` (pid, state, heartbeat every few seconds, cycles) is what
``mailflow status`` shows next to the lock holder.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from . import __version__, outbox, pipeline
from . import config as config_mod
from .config import Config
from .context import Env, fixed_clock
from .errors import MailflowError
from .lock import holder, workspace_lock
from .logs import setup_file, setup_stderr
from .preflight import template_problems
from .report import cycle_progress, log_message
from .sources import build_sources
from .tracker import Tracker
from .workflow.scheduler import Job, build

log = logging.getLogger("mailflow.daemon")

HEARTBEAT_SECONDS = 5  # the status row ``daemon`` is refreshed this often (status calls it down after 3x)
TICK_SECONDS = 0.25  # how often the idle main loop looks at its flags
OUTBOX_RETRY_SECONDS = 30  # queued notices whose retry time came
WATCH_SECONDS = 60  # one Source.wait() call; the source renews IDLE itself within it
BACKOFF = (1, 2, 5, 10, 30, 60)  # seconds between reconnect attempts of a watcher


def utcnow() -> dt.datetime:
    """Wall-clock time for liveness facts (``--now`` fixes the business clock, not the heartbeat)."""
    return dt.datetime.now(dt.timezone.utc)


# --------------------------------------------------------------------------- entry points


def run_daemon(config_path: Path, now: dt.datetime | None = None, verbose: int = 0) -> int:
    """Run until SIGTERM/SIGINT; return the exit code. Raises ConfigError / AlreadyRunning."""
    config = config_mod.load(config_path)
    level = _level(config.daemon.log_level, verbose)
    setup_stderr(level, config.daemon.log_format)
    with workspace_lock(config):
        log_path = setup_file(config.path(config.workspace.logs), config.daemon.log_format, level)
        daemon = Daemon(Path(config_path), config, clock=fixed_clock(now) if now else None, verbose=verbose)
        log.info("mailflow %s started (pid %d) on %s; log file %s", __version__, os.getpid(), config.base_dir, log_path)
        return daemon.run()


def signal_daemon(config: Config, name: str = "HUP") -> int:
    """Send SIG<name> to the daemon holding this workspace's lock; returns its pid."""
    pid = holder(config)
    if pid is None:
        raise MailflowError("no daemon running", hint="start it with `mailflow run`")
    if pid <= 0:
        raise MailflowError("the workspace is locked but the lock file names no pid")
    os.kill(pid, getattr(signal, f"SIG{name.upper().removeprefix('SIG')}"))
    return pid


def _level(name: str, verbose: int) -> int:
    """The daemon logs at its configured level; -v / -vv can only make it chattier."""
    configured = logging.getLevelName(str(name).upper())
    level = configured if isinstance(configured, int) else logging.INFO
    if verbose >= 2:
        level = min(level, logging.DEBUG)
    return level


# --------------------------------------------------------------------------- the daemon


@dataclass
class Flags:
    """Set by signal handlers and watcher threads, read by the main loop (plain attributes only:
    a signal handler must not take a lock the interrupted main thread may hold)."""

    stop_at: float | None = None  # monotonic time of the first SIGTERM/SIGINT
    reload: bool = False
    wake: bool = True  # a cycle is due (True: the backlog at start-up)
    interrupts: int = 0


@dataclass
class Watcher:
    """One mailbox's waiting thread; ``stop`` ends it (at its next wake-up) on reload or exit.

    After a wake-up the thread waits for ``resume``, which the main thread sets once the cycle it
    asked for is over — so one arrival makes one cycle, not a wake-up per ``wait`` call.
    """

    name: str
    thread: threading.Thread
    stop: threading.Event = field(default_factory=threading.Event)
    resume: threading.Event = field(default_factory=threading.Event)
    source: Any = None  # the watcher's own source object (its own connection)


class Daemon:
    def __init__(self, config_path: Path, config: Config, *, clock=None, verbose: int = 0) -> None:
        self.config_path = config_path
        self.config = config
        self.clock = clock
        self.verbose = verbose
        self.flags = Flags()
        self.env = Env.open(config, clock=clock)
        self.sources: list[Any] = []
        self.watchers: list[Watcher] = []
        self.tracker: Any = None
        self.scheduler: Any = None  # built by _plan_jobs
        self.state = "starting"
        self.started = utcnow()
        self.cycles = 0
        self._beat_at = 0.0
        self._last_tracker: Any = None  # the last cycle's tracker WriteResult

    # ----------------------------------------------------------------- lifecycle

    def run(self) -> int:
        self._install_signals()
        threading.Thread(target=self._watchdog, name="shutdown-watchdog", daemon=True).start()
        try:
            self._trap("start", self._ensure_parts)
            self._plan_jobs()
            self._heartbeat(force=True)
            while self.flags.stop_at is None:
                if self.flags.reload:
                    self.flags.reload = False
                    self._trap("reload", self.reload)
                if self.flags.wake:
                    self.flags.wake = False
                    self._trap("cycle", self.cycle)
                if self.flags.stop_at is None and self.scheduler is not None:
                    self.scheduler.run_pending()
                self._heartbeat()
                if not self.flags.wake and self.flags.stop_at is None and not self.flags.reload:
                    time.sleep(TICK_SECONDS)
            return self._shut_down()
        finally:
            self.env.close()

    def _ensure_parts(self) -> None:
        """Sources, tracker and watchers; retried every cycle until they could all be built
        (a mailbox unreachable at start-up must not leave the daemon idle for good)."""
        if self.tracker is None:
            self.tracker = self._new_tracker(self.env)
        if not self.watchers:
            self.sources = build_sources(self.env)
            self._start_watchers()
            names = ", ".join(s.name for s in self.sources) or "none"
            log.info("watching %d mailbox(es): %s", len(self.sources), names)

    @staticmethod
    def _new_tracker(env: Env) -> Any:
        return Tracker(env)

    def _shut_down(self) -> int:
        """After SIGTERM/SIGINT: the cycle in hand has finished; save what is queued and leave."""
        began = self.flags.stop_at or time.monotonic()
        self.state = "stopping"
        self._heartbeat(force=True)
        log.info("stopping: saving queued tracker writes and the outbox state")
        # The interrupted cycle already wrote the tracker and ran the mailbox actions; a tracker
        # that was open in Excel keeps its writes queued: try once more so staff see them.
        if getattr(self._last_tracker, "queued", False) and self.tracker is not None:
            self._trap("final tracker write", lambda: self._record_tracker(self.tracker.write(self.env.now())))
        queued = self.env.store.count_notices("queued")
        if queued:
            log.info("%d notice(s) stay queued in the outbox for the next start", queued)
        for watcher in self.watchers:
            watcher.stop.set()
        for source in self.sources:
            _close(source)
        self.state = "stopped"
        self._heartbeat(force=True)
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
                    " the next start picks up where this one stopped", self.config.daemon.shutdown_seconds,
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
            self._record_error(job, str(exc))
        except Exception as exc:
            log.error("%s failed:\n%s", job, traceback.format_exc())
            self._record_error(job, f"internal error: {type(exc).__name__}: {exc}")
        return None

    def _record_error(self, job: str, text: str) -> None:
        try:
            with self.env.store.transaction():
                self.env.store.set_status("last_error", {"at": utcnow().isoformat(), "job": job, "error": text}, utcnow())
        except Exception:  # the store itself is failing: the log line above is all we can do
            log.debug("could not record last_error", exc_info=True)

    # ----------------------------------------------------------------- periodic jobs

    def _plan_jobs(self) -> None:
        """The schedule (``workflow.scheduler.build``: a fresh ``schedule.Scheduler()``, each job
        error-trapped and its last run recorded as ``job:<name>``). Rebuilt on reload."""
        config = self.config

        def trapped(name: str, work: Callable[[], Any]) -> Callable[[Env, dt.datetime], Any]:
            return lambda env, now: self._trap(name, work)  # also records last_error for status

        # Tracker sync and timers run as a full cycle: staff edits in, timers, values out, send.
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
        """One ``pipeline.run_once`` over every mailbox; stops taking messages on SIGTERM."""
        self.state = "processing"
        self._heartbeat(force=True)
        self._ensure_parts()
        sources = [Interruptible(source, self.flags) for source in self.sources]
        with cycle_progress(self.env, self.sources, on_message=self._on_message) as progress:
            # The outbox is flushed below, not inside the cycle, so that a stop requested during
            # the cycle is not held up by a slow SMTP server: queued notices are safe in the store.
            report = pipeline.run_once(self.env, sources, tracker=self.tracker, flush=False, progress=progress)
        self._last_tracker = report.tracker
        if self.flags.stop_at is None:
            self._trap("outbox", self.flush_outbox)
        self.cycles += 1
        self.state = "idle"
        try:
            self._after_cycle(report)
        finally:
            self._resume_watchers()
        if report.messages and self.flags.stop_at is None:
            # Mail that arrived while this cycle ran may predate the watchers' next wait: look
            # again now; an empty cycle ends the chain.
            self.flags.wake = True

    def _on_message(self, report: Any) -> None:
        log_message(self.env, report)
        self._heartbeat()  # a long backlog must not look like a dead daemon

    def _after_cycle(self, report: Any) -> None:
        counts = report.counts()
        if report.messages or report.errors or report.notices_sent:
            log.info(
                "cycle: %s; %d order(s) created, %d notice(s) queued, %d sent%s (%.1f s)",
                ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no mail",
                len(report.orders_created), len(report.notices_queued), len(report.notices_sent),
                f", {len(report.errors)} error(s)" if report.errors else "", report.seconds,
            )
        self._record_tracker(report.tracker)
        now = utcnow()
        with self.env.store.transaction():
            for source in self.sources:
                if not source.name.startswith("maildir:"):
                    continue  # network sources keep their own liveness row
                done = sum(1 for m in report.messages if m.source == source.name)
                self.env.store.set_status(
                    f"mailbox:{source.name}",
                    {"last_contact": now.isoformat(), "processed_last_cycle": done,
                     "error": next((str(e) for e in report.errors if e.where == source.name), None)},
                    now,
                )
        if any(e.reconnect for e in report.errors):
            self._reopen_sources()  # a dropped connection: start the next cycle on fresh ones

    def _record_tracker(self, result: Any) -> None:
        """The status row ``tracker``: whether mailflow's writes wait for the file to be closed."""
        if result is None:
            return
        self._last_tracker = result
        now = utcnow()
        row = self.env.store.get_status("tracker") or {}
        row.update({"queued": bool(getattr(result, "queued", False)), "reason": getattr(result, "reason", "") or None,
                    "checked_at": now.isoformat()})
        if getattr(result, "saved", False):
            row["saved_at"] = now.isoformat()
        with self.env.store.transaction():
            self.env.store.set_status("tracker", row, now)

    def _reopen_sources(self) -> None:
        for source in self.sources:
            _close(source)
        self.sources = build_sources(self.env)
        log.info("reopened the mailbox connections")

    # ----------------------------------------------------------------- heartbeat

    def _heartbeat(self, force: bool = False) -> None:
        if not force and time.monotonic() - self._beat_at < HEARTBEAT_SECONDS:
            return
        self._beat_at = time.monotonic()
        now = utcnow()
        value = {
            "pid": os.getpid(),
            "state": self.state,
            "started_at": self.started.isoformat(),
            "heartbeat_at": now.isoformat(),
            "cycles": self.cycles,
            "version": __version__,
            "config": str(self.config_path),
            "watchers": {w.name: w.thread.is_alive() for w in self.watchers},
        }
        try:
            with self.env.store.transaction():
                self.env.store.set_status("daemon", value, now)
        except Exception as exc:  # a busy database must not stop the loop; next beat retries
            log.warning("heartbeat not written: %s", exc)

    # ----------------------------------------------------------------- watchers

    def _start_watchers(self) -> None:
        for index, source in enumerate(self.sources):
            watcher = Watcher(source.name, threading.Thread())
            watcher.thread = threading.Thread(
                target=self._watch, args=(index, watcher), name=f"watch {source.name}", daemon=True
            )
            self.watchers.append(watcher)
            watcher.thread.start()

    def _stop_watchers(self) -> None:
        for watcher in self.watchers:
            watcher.stop.set()
            watcher.resume.set()
        self.watchers = []

    def _resume_watchers(self) -> None:
        """After a cycle: hand each watcher what its mailbox's listing saw, and let it wait again.

        ``ImapSource.wait`` reports mail above the UIDNEXT that its *own* ``fetch_new`` listed; a
        watcher's source never lists, so it follows the processing source (``ImapSource.follow``:
        an int written across threads, atomic). Mail that came during the cycle wakes it at once.
        """
        by_name = {source.name: source for source in self.sources}
        for watcher in self.watchers:
            main, mine = by_name.get(watcher.name), watcher.source
            follow = getattr(mine, "follow", None)  # IMAP only; a Maildir watcher lists itself
            if main is not None and follow is not None:
                follow(main)
            watcher.resume.set()

    def _watch(self, index: int, watcher: Watcher) -> None:
        """Wait for new mail on one mailbox and wake the main thread; reconnect on errors."""
        name, stop = watcher.name, watcher.stop
        failures = 0
        env = None
        while not stop.is_set() and self.flags.stop_at is None:
            try:
                if watcher.source is None:
                    env = env or Env.open(self.config, clock=self.clock)
                    built = build_sources(env)
                    for other in built[:index] + built[index + 1 :]:
                        _close(other)
                    watcher.source = built[index]
                    watcher.resume.clear()
                    self.flags.wake = True  # the baseline comes from the cycle this asks for
                    watcher.resume.wait(WATCH_SECONDS)
                    if failures:
                        log.info("%s: connected again", name)
                if watcher.source.wait(WATCH_SECONDS):
                    log.debug("%s: new mail", name)
                    watcher.resume.clear()
                    self.flags.wake = True
                    watcher.resume.wait(WATCH_SECONDS)
                failures = 0
            except Exception as exc:  # any failure of one mailbox: log, back off, reconnect
                failures += 1
                delay = BACKOFF[min(failures, len(BACKOFF)) - 1]
                log.warning("%s: %s; retrying in %d s", name, exc, delay)
                if failures == 1:
                    log.debug("%s watcher:\n%s", name, traceback.format_exc())
                _close(watcher.source)
                watcher.source = None
                if env is not None:
                    _record_watch_error(env, name, str(exc))
                stop.wait(delay)
        _close(watcher.source)
        if env is not None:
            env.close()

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
            self._record_error("reload", f"reload refused: {exc}")
            return
        problems = self._trap("reload: templates", lambda: template_problems(new_env))
        if problems is None:
            problems = ["the templates could not be checked (see the error above)"]
        if problems:
            new_env.close()
            text = "; ".join(problems)
            log.error("reload refused, keeping the running configuration: %s", text)
            self._record_error("reload", f"reload refused: {text}")
            return

        self._stop_watchers()
        for source in self.sources:
            _close(source)
        old_env, self.env, self.config = self.env, new_env, config
        old_env.close()
        self.tracker = None
        level = _level(config.daemon.log_level, self.verbose)
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


class Interruptible:
    """A source that stops handing out messages once a stop was requested: the message in hand is
    finished (its transaction commits), the next one stays in the mailbox for the next start."""

    def __init__(self, source: Any, flags: Flags) -> None:
        self.source = source
        self.flags = flags
        self.name = source.name

    def fetch_new(self) -> Iterator[Any]:
        if self.flags.stop_at is not None:
            return
        iterator = self.source.fetch_new()
        try:
            for item in iterator:
                yield item
                if self.flags.stop_at is not None:  # checked before fetching the next one
                    log.info("%s: stop requested; the rest of the backlog waits for the next start", self.name)
                    return
        finally:
            close = getattr(iterator, "close", None)
            if close:
                close()

    def mark_done(self, item: Any) -> None:
        self.source.mark_done(item)

    def wait(self, timeout: float) -> bool:
        return self.source.wait(timeout)

    def close(self) -> None:
        self.source.close()

    def __getattr__(self, name: str) -> Any:  # backlog() and other source extras
        return getattr(self.source, name)


def _close(source: Any) -> None:
    if source is None:
        return
    try:
        source.close()
    except Exception:  # closing a dead connection is best effort
        log.debug("closing %s", getattr(source, "name", source), exc_info=True)


def _record_watch_error(env: Env, name: str, text: str) -> None:
    now = utcnow()
    try:
        with env.store.transaction():
            env.store.set_status("last_error", {"at": now.isoformat(), "job": f"watch {name}", "error": text}, now)
    except Exception:
        log.debug("could not record the watcher error", exc_info=True)


if __name__ == "__main__":  # pragma: no cover - `python -m mailflow.daemon CONFIG` for debugging
    sys.exit(run_daemon(Path(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")))
