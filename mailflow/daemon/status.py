"""The daemon's rows in the store's status table: what ``mailflow status`` shows.

* ``daemon``: pid, state (starting, processing, idle, stopping, stopped), start time, a heartbeat
  at most every ``HEARTBEAT_SECONDS`` (``status`` calls the daemon down after three missed),
  cycles run, version, config file, and whether each mailbox watcher thread is alive;
* ``last_error``: the last job that failed, when and why;
* ``tracker``: whether mailflow's writes wait for the workbook to be closed;
* ``mailbox:<name>`` for a Maildir (network sources keep their own liveness row).

Times here are wall-clock (``utcnow``): ``--now`` fixes the business clock, not liveness.
A failing store never stops the daemon: a row that cannot be written is logged and skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..context import Env
from ..pipeline import CycleReport

log = logging.getLogger("mailflow.daemon")

HEARTBEAT_SECONDS = 5


def utcnow() -> dt.datetime:
    """Wall-clock time for liveness facts (``--now`` fixes the business clock, not the heartbeat)."""
    return dt.datetime.now(dt.timezone.utc)


def record_error(env: Env, job: str, text: str) -> None:
    """The status row ``last_error``; best effort (the log line is written by the caller)."""
    now = utcnow()
    try:
        with env.store.transaction():
            env.store.set_status("last_error", {"at": now.isoformat(), "job": job, "error": text}, now)
    except Exception:  # the store itself is failing: the log line is all we can do
        log.debug("could not record last_error", exc_info=True)


class StatusRecorder:
    """Owns the ``daemon`` row's facts (``state``, ``cycles``) and writes every daemon row.

    ``env`` is replaced on reload; ``watching()`` says which watcher threads are alive.
    """

    def __init__(self, env: Env, config_path: Path, watching: Callable[[], dict[str, bool]]) -> None:
        self.env = env
        self.config_path = config_path
        self.watching = watching
        self.state = "starting"
        self.started = utcnow()
        self.cycles = 0
        self._beat_at = 0.0

    def heartbeat(self, force: bool = False) -> None:
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
            "watchers": self.watching(),
        }
        try:
            with self.env.store.transaction():
                self.env.store.set_status("daemon", value, now)
        except Exception as exc:  # a busy database must not stop the loop; next beat retries
            log.warning("heartbeat not written: %s", exc)

    def error(self, job: str, text: str) -> None:
        record_error(self.env, job, text)

    def tracker(self, result: Any) -> None:
        """The status row ``tracker``: whether mailflow's writes wait for the file to be closed."""
        if result is None:
            return
        now = utcnow()
        row = self.env.store.get_status("tracker") or {}
        row.update(
            {
                "queued": bool(getattr(result, "queued", False)),
                "reason": getattr(result, "reason", "") or None,
                "checked_at": now.isoformat(),
            }
        )
        if getattr(result, "saved", False):
            row["saved_at"] = now.isoformat()
        with self.env.store.transaction():
            self.env.store.set_status("tracker", row, now)

    def mailboxes(self, sources: list[Any], report: CycleReport) -> None:
        """A ``mailbox:<name>`` row per Maildir: last contact, messages done, the cycle's error."""
        now = utcnow()
        with self.env.store.transaction():
            for source in sources:
                if not source.name.startswith("maildir:"):
                    continue  # network sources keep their own liveness row
                done = sum(1 for m in report.messages if m.source == source.name)
                self.env.store.set_status(
                    f"mailbox:{source.name}",
                    {
                        "last_contact": now.isoformat(),
                        "processed_last_cycle": done,
                        "error": next((str(e) for e in report.errors if e.where == source.name), None),
                    },
                    now,
                )
