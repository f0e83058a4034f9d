"""One mailflow per workspace: a lock file holding the pid.

``workspace_lock(config)`` takes ``<state dir>/mailflow.lock`` with an exclusive, non-blocking
``flock`` and writes the pid into it. The kernel drops the lock when the process dies — even on
kill -9 — so a stale file from a killed process is simply taken over. A second instance gets
``AlreadyRunning`` naming the pid that holds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from .config import Config
from .errors import AlreadyRunning


def lock_path(config: Config) -> Path:
    return config.path(config.workspace.state_db).parent / "mailflow.lock"


def holder(config: Config) -> int | None:
    """The pid holding the workspace lock, or None when nobody does."""
    path = lock_path(config)
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            text = handle.read().strip()
            return int(text) if text.isdigit() else -1
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None


@contextlib.contextmanager
def workspace_lock(config: Config) -> Iterator[Path]:
    path = lock_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid = handle.read().strip() or "?"
            raise AlreadyRunning(
                f"another mailflow (pid {pid}) is running on this workspace ({path})",
                hint="stop it first, or use `mailflow status` to see what it is doing",
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
