"""One mailflow per workspace: a lock file holding the pid.

``workspace_lock(config)`` takes ``<state dir>/mailflow.lock`` with an exclusive, non-blocking
``flock`` and writes the pid into it. The kernel drops the lock when the process dies — even on
kill -9 — so a stale file from a killed process is simply taken over. A second instance gets
``AlreadyRunning`` naming the pid that holds it.

On Windows (no ``fcntl``) the same is done with ``msvcrt.locking`` on one byte far past the pid,
so other processes can still read the pid; Windows also releases it when the process dies.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from .config import Config
from .errors import AlreadyRunning

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

_WINDOWS_LOCK_OFFSET = 4096  # the locked byte: past the pid text, which stays readable


def _try_lock(handle) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    handle.seek(_WINDOWS_LOCK_OFFSET)
    try:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def lock_path(config: Config) -> Path:
    return config.path(config.workspace.state_db).parent / "mailflow.lock"


def holder(config: Config) -> int | None:
    """The pid holding the workspace lock, or None when nobody does."""
    path = lock_path(config)
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        if not _try_lock(handle):
            handle.seek(0)
            text = handle.read().strip()
            return int(text) if text.isdigit() else -1
        _unlock(handle)
        return None


@contextlib.contextmanager
def workspace_lock(config: Config) -> Iterator[Path]:
    path = lock_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        if not _try_lock(handle):
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
            _unlock(handle)
        handle.close()
