"""One cycle of the daemon: ``pipeline.run_once`` over every mailbox, stoppable between messages.

The cycle is the same as ``mailflow run --once`` (sources, tracker sync, workflow timers, the
outbox). ``Interruptible`` wraps each source so that after SIGTERM the message in hand is
finished and the rest of the backlog stays in the mailbox for the next start.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Iterator

from .. import pipeline
from ..context import Env
from ..pipeline import CycleReport
from ..report import cycle_progress
from .flags import Flags

log = logging.getLogger("mailflow.daemon")


def run_cycle(
    env: Env,
    sources: list[Any],
    tracker: Any,
    flags: Flags,
    on_message: Callable[[Any], None],
    documents: Any = None,
    on_read: Callable[[], None] | None = None,
) -> CycleReport:
    """``run_once`` without the outbox flush: the caller flushes after the cycle, so that a stop
    requested during the cycle is not held up by a slow SMTP server (queued notices are safe in
    the store).

    ``documents`` is the daemon's documents stage, kept between cycles; it stops between two
    orders once mail came or a stop was asked for (``flags``), and the next cycle reads the mail
    first. ``on_read`` runs once the messages are read (the watchers then look for new mail
    while the documents are made)."""
    wrapped = [Interruptible(source, flags) for source in sources]
    told = False

    def fresh_work() -> bool:
        nonlocal told
        if not told and on_read is not None:
            told = True
            on_read()
        return flags.wake or flags.stopping

    with cycle_progress(env, sources, on_message=on_message) as progress:
        return pipeline.run_once(
            env,
            wrapped,
            tracker=tracker,
            flush=False,
            progress=progress,
            documents=documents,
            until=fresh_work,
            follow_up=not flags.stopping,
        )


def log_cycle(report: CycleReport) -> None:
    """One line per cycle that did something; an empty cycle says nothing."""
    if not (report.messages or report.errors or report.notices_sent):
        return
    counts = report.counts()
    log.info(
        "cycle: %s; %d order(s) created, %d notice(s) queued, %d sent%s (%.1f s)",
        ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no mail",
        len(report.orders_created),
        len(report.notices_queued),
        len(report.notices_sent),
        f", {len(report.errors)} error(s)" if report.errors else "",
        report.seconds,
    )


class Interruptible:
    """A source that stops handing out messages once a stop was requested: the message in hand is
    finished (its transaction commits), the next one stays in the mailbox for the next start."""

    def __init__(self, source: Any, flags: Flags) -> None:
        self.source = source
        self.flags = flags
        self.name = source.name

    def fetch_new(self) -> Iterator[Any]:
        if self.flags.stopping:
            return
        iterator = self.source.fetch_new()
        try:
            for item in iterator:
                yield item
                if self.flags.stopping:  # checked before fetching the next one
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
