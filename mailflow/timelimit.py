"""A wall-clock limit on one piece of work in the processing thread: ``time_limit(seconds, what)``.

Extraction runs third-party parsers (pdfminer, openpyxl, xlrd) over files from strangers; a
crafted PDF can keep them busy for minutes. The limit uses ``SIGALRM`` (a real-time interval
timer), whose handler raises ``LimitExceeded`` inside the running Python code, so the message is
quarantined with the reason and the daemon goes on. Signals reach only the main thread: elsewhere
(and where the platform has no ``setitimer``, i.e. Windows) the limit is not enforced and the
block simply runs — said here so nobody relies on it there.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator

from .errors import LimitExceeded


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise LimitExceeded(f"{what} took longer than the {seconds:g} s limit")

    previous_handler = signal.signal(signal.SIGALRM, expired)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, previous_delay, previous_interval)
