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


_state = threading.local()


def expired() -> None:
    """Raise ``LimitExceeded`` again if the running limit went off inside code that caught it.

    Readers catch every exception of a bad file, the limit's included; the caller of a reader
    calls this afterwards, so the time limit holds whatever the reader does with it."""
    reason = getattr(_state, "expired", None)
    if reason:
        raise LimitExceeded(reason)


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        _state.expired = f"{what} took longer than the {seconds:g} s limit"
        raise LimitExceeded(_state.expired)

    outer = getattr(_state, "expired", None)
    _state.expired = None
    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        _state.expired = outer
        if previous_delay:  # an outer timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, previous_delay, previous_interval)
