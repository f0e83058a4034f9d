"""Crash points for recovery tests: ``crash_point("after_commit")`` kills the process on the spot
when the environment variable ``MAILFLOW_CRASH_AT`` names that point.

Used by the tests that prove "nothing lost, nothing twice": a real process is made to die at the
worst moment (between a commit and the mailbox action, between a send and its record) and is
then restarted. ``MAILFLOW_CRASH_AT=name:N`` crashes on the N-th time the point is reached.
Without the variable this is a dictionary lookup and nothing else.
"""

from __future__ import annotations

import os

_hits: dict[str, int] = {}


def crash_point(name: str) -> None:
    wanted = os.environ.get("MAILFLOW_CRASH_AT")
    if not wanted:
        return
    point, _, count = wanted.partition(":")
    if point != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] >= int(count or 1):
        os._exit(137)  # as abrupt as kill -9: no cleanup, no flush
