"""The long-running daemon behind ``mailflow run``: one process per workspace, all day.

The parts, each in its own module:

* ``loop.py`` — ``Daemon``: the main loop and the only thread that processes mail; the signal
  handlers, the timers (``schedule``), the error trap, reload and shutdown.
* ``cycle.py`` — one cycle: ``pipeline.run_once`` (the same as ``run --once``: sources, tracker
  sync, workflow timers, the outbox) over sources that stop between messages on SIGTERM.
* ``watchers.py`` — one thread per mailbox that only waits for mail (IMAP IDLE, a Maildir poll)
  and wakes the main loop; reconnects with backoff, never ends the daemon.
* ``status.py`` — the daemon's rows in the store's status table (heartbeat, last error, tracker,
  Maildir liveness): what ``mailflow status`` shows next to the lock holder.
* ``flags.py`` — what signal handlers and watchers tell the main loop.

Signals (handlers only set flags: no locks, no I/O inside a handler):

* SIGTERM / SIGINT: the message in hand is finished, the rest of the cycle runs — the tracker
  write, the mailbox actions for what was committed, the outbox — and the process exits 0. A
  watchdog ends the process with exit code 1 if that takes longer than
  ``daemon.shutdown_seconds`` (nothing is lost even then: every step is idempotent and recovered
  on the next start). A second SIGINT stops at once.
* SIGHUP (``mailflow reload``): config.yaml, inbox rules and templates are re-read and validated;
  a bad new config is refused with the error logged, and the daemon goes on with the old one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
from pathlib import Path

from .. import __version__
from .. import config as config_mod
from ..config import Config
from ..context import fixed_clock
from ..errors import MailflowError
from ..lock import holder, workspace_lock
from ..logs import setup_file, setup_stderr
from .loop import Daemon, log_level

log = logging.getLogger("mailflow.daemon")

__all__ = ["Daemon", "run_daemon", "signal_daemon"]


def run_daemon(config_path: Path, now: dt.datetime | None = None, verbose: int = 0) -> int:
    """Run until SIGTERM/SIGINT; return the exit code. Raises ConfigError / AlreadyRunning."""
    config = config_mod.load(config_path)
    level = log_level(config.daemon.log_level, verbose)
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
