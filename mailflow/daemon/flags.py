"""What the signal handlers and the watcher threads tell the daemon's main loop."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Flags:
    """Set by signal handlers and watcher threads, read by the main loop (plain attributes only:
    a signal handler must not take a lock the interrupted main thread may hold)."""

    stop_at: float | None = None  # monotonic time of the first SIGTERM/SIGINT
    reload: bool = False
    wake: bool = True  # a cycle is due (True: the backlog at start-up)
    interrupts: int = 0

    @property
    def stopping(self) -> bool:
        return self.stop_at is not None
