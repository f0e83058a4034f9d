"""One thread per mailbox that only *waits* for mail and wakes the main loop.

A watcher waits with ``Source.wait`` (IMAP IDLE, or a Maildir poll) and sets ``flags.wake``. It
has its own ``Env`` (its own SQLite connection) and its own source object (an IMAP IDLE needs a
connection of its own), and never touches orders: only the main thread processes mail. A dropped
connection is logged, recorded as ``last_error`` and retried with backoff (``BACKOFF``): the
daemon never exits because a mailbox went away.

After a wake-up the watcher waits for ``resume``, which the main loop sets once the cycle it asked
for is over, so one arrival makes one cycle, not a wake-up per ``wait`` call.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

from ..config import Config
from ..context import Env
from ..sources import build_sources
from .flags import Flags
from .status import record_error

log = logging.getLogger("mailflow.daemon")

WATCH_SECONDS = 60  # one Source.wait() call; the source renews IDLE itself within it
BACKOFF = (1, 2, 5, 10, 30, 60)  # seconds between reconnect attempts of a watcher


def close_quietly(source: Any) -> None:
    """Close a source (or ``None``); closing a dead connection is best effort."""
    if source is None:
        return
    try:
        source.close()
    except Exception:
        log.debug("closing %s", getattr(source, "name", source), exc_info=True)


@dataclass
class Watcher:
    """One mailbox's waiting thread; ``stop`` ends it (at its next wake-up) on reload or exit."""

    name: str
    thread: threading.Thread
    stop: threading.Event = field(default_factory=threading.Event)
    resume: threading.Event = field(default_factory=threading.Event)
    source: Any = None  # the watcher's own source object (its own connection)


class Watchers:
    """The watcher threads of the mailboxes the daemon reads (``config``'s, rebuilt on reload)."""

    def __init__(self, config: Config, clock: Callable[[], dt.datetime] | None, flags: Flags) -> None:
        self.config = config
        self.clock = clock
        self.flags = flags
        self.running: list[Watcher] = []

    def __bool__(self) -> bool:
        return bool(self.running)

    def alive(self) -> dict[str, bool]:
        return {w.name: w.thread.is_alive() for w in self.running}

    def start(self, sources: list[Any]) -> None:
        for index, source in enumerate(sources):
            watcher = Watcher(source.name, threading.Thread())
            watcher.thread = threading.Thread(
                target=self._watch, args=(index, watcher), name=f"watch {source.name}", daemon=True
            )
            self.running.append(watcher)
            watcher.thread.start()

    def stop(self) -> None:
        for watcher in self.running:
            watcher.stop.set()
            watcher.resume.set()
        self.running = []

    def resume(self, sources: list[Any]) -> None:
        """After a cycle: hand each watcher what its mailbox's listing saw, and let it wait again.

        ``ImapSource.wait`` reports mail above the UIDNEXT that its *own* ``fetch_new`` listed; a
        watcher's source never lists, so it follows the processing source (``ImapSource.follow``:
        an int written across threads, atomic). Mail that came during the cycle wakes it at once.
        """
        by_name = {source.name: source for source in sources}
        for watcher in self.running:
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
        while not stop.is_set() and not self.flags.stopping:
            try:
                if watcher.source is None:
                    env = env or Env.open(self.config, clock=self.clock)
                    built = build_sources(env)
                    for other in built[:index] + built[index + 1 :]:
                        close_quietly(other)
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
                close_quietly(watcher.source)
                watcher.source = None
                if env is not None:
                    record_error(env, f"watch {name}", str(exc))
                stop.wait(delay)
        close_quietly(watcher.source)
        if env is not None:
            env.close()
