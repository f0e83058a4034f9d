"""Timer jobs for the daemon: ``build(env, jobs) -> schedule.Scheduler``.

Each call returns a new ``schedule.Scheduler()`` (never the library's global one, so two
workspaces or a test never share jobs). ``schedule`` does not catch a job's exception — one
raising job would end ``run_pending`` for the rest and the daemon loop with it — so every job is
wrapped in ``trapped``: the error is logged with its traceback and recorded in the store's status
(``job:<name>``, shown by ``mailflow status``), and the job runs again at its next interval.

Missing a tick is harmless: the workflow is level-triggered (``engine.advance`` sends whatever
came due since the last run), so a job that failed or a daemon that slept catches up.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import schedule

from ..context import Env
from .engine import advance

log = logging.getLogger("mailflow.workflow.scheduler")


@dataclass(frozen=True)
class Job:
    """``work(env, now)`` every ``seconds``; ``name`` is what logs and ``status`` call it."""

    name: str
    seconds: int
    work: Callable[[Env, dt.datetime], Any]


def timer_job(env: Env) -> Job:
    """The workflow timers: every ``daemon.timer_seconds``, queue what came due."""
    return Job("workflow timers", max(1, env.config.daemon.timer_seconds), lambda e, now: advance(e, now))


def build(env: Env, jobs: Iterable[Job] | None = None) -> schedule.Scheduler:
    """A fresh scheduler running ``jobs`` (default: the workflow timers), each error-trapped."""
    scheduler = schedule.Scheduler()
    for job in list(jobs) if jobs is not None else [timer_job(env)]:
        scheduler.every(job.seconds).seconds.do(trapped(env, job))
    return scheduler


def trapped(env: Env, job: Job) -> Callable[[], None]:
    """``job`` as a callable that never raises; its outcome goes to the store's status."""

    def run() -> None:
        now = env.now()
        try:
            job.work(env, now)
        except Exception as exc:  # the trap: schedule would let it end the loop
            log.error("job %s failed:\n%s", job.name, traceback.format_exc())
            _record(env, job, now, f"{type(exc).__name__}: {exc}")
        else:
            _record(env, job, now, None)

    run.__name__ = f"job_{job.name.replace(' ', '_')}"  # schedule's repr and logs use it
    return run


def _record(env: Env, job: Job, now: dt.datetime, error: str | None) -> None:
    try:
        with env.store.transaction():
            previous = env.store.get_status(f"job:{job.name}", {}) or {}
            value = {
                "last_run": now.isoformat(),
                "ok": error is None,
                "last_error": error or previous.get("last_error"),
            }
            env.store.set_status(f"job:{job.name}", value, now)
    except Exception:  # the store itself is failing: the log line is all we can do
        log.debug("could not record the outcome of %s", job.name, exc_info=True)
