"""The Maildir source: the embedded default. Same semantics as IMAP, no server.

New mail is delivered into ``new/`` (or ``cur/``) by any MDA or by copying files. Messages are
identified by their Maildir key (the unique part of the file name, stable across the new→cur
move and flag changes). The after-processing action moves the file to ``cur/`` with the ``S``
flag set — purely cosmetic: the ledger decides what was processed, so a message whose flags
were changed by hand is still processed exactly once.
"""

from __future__ import annotations

import mailbox
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import SourceError
from .base import Fetched

if TYPE_CHECKING:
    from ..store import Store


class MaildirSource:
    def __init__(self, path: Path, store: "Store", max_bytes: int | None = None) -> None:
        self.path = Path(path)
        self.store = store
        self.max_bytes = max_bytes
        self.name = f"maildir:{self.path}"
        for sub in ("new", "cur", "tmp"):
            (self.path / sub).mkdir(parents=True, exist_ok=True)
        self.box = mailbox.Maildir(self.path, factory=None, create=True)

    def fetch_new(self) -> Iterator[Fetched]:
        try:
            self.box._refresh()  # pick up files delivered since the last look
            # the messages on record are left out before anything is looked at: a Maildir keeps
            # every message ever processed (in cur/), and a cycle is about the new ones
            recorded = self.store.source_keys(self.name)
            keys = sorted((key for key in self.box.iterkeys() if key not in recorded), key=self._arrival)
        except OSError as exc:
            raise SourceError(f"{self.path}: cannot read the Maildir: {exc}") from exc
        for key in keys:
            if self.store.seen_source(self.name, key):  # recorded since the listing
                continue
            try:
                file = Path(self.path, self.box._lookup(key))
                size = file.stat().st_size
                if self.max_bytes is not None and size > self.max_bytes:
                    yield Fetched(self.name, key, b"", oversize=size)
                    continue
                raw = file.read_bytes()
            except (KeyError, FileNotFoundError):
                continue  # moved or deleted since listing
            yield Fetched(self.name, key, raw)

    def _arrival(self, key: str) -> tuple[float, str]:
        try:
            return (Path(self.path, self.box._lookup(key)).stat().st_mtime, key)
        except (KeyError, OSError):
            return (0.0, key)

    def mark_done(self, item: Fetched) -> None:
        """Move the file to ``cur/`` with the ``S`` flag, by renaming it: the message is never
        read or parsed again here (a message the parser cannot handle, or one of 200 MB, costs
        one rename)."""
        try:
            relative = self.box._lookup(item.source_key)
        except KeyError:
            return  # already moved or removed by someone else: the ledger has it anyway
        current = Path(self.path, relative)
        stem, _, info = current.name.partition(self.box.colon)
        flags = set(info[2:]) if info.startswith("2,") else set()
        target = Path(self.path, "cur", f"{stem}{self.box.colon}2,{''.join(sorted(flags | {'S'}))}")
        if current == target:
            return
        try:
            os.rename(current, target)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise SourceError(f"{self.path}: cannot move {item.source_key} to cur/: {exc}") from exc
        self.box._toc[item.source_key] = os.path.relpath(target, self.path)

    def wait(self, timeout: float) -> bool:
        """Poll ``new/`` for a change (cheap: one stat per second)."""
        deadline = time.monotonic() + timeout
        new = self.path / "new"
        before = _listing(new)
        while time.monotonic() < deadline:
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
            if _listing(new) != before:
                return True
        return False

    def close(self) -> None:
        pass


def _listing(folder: Path) -> frozenset[str]:
    try:
        return frozenset(p.name for p in folder.iterdir())
    except OSError:
        return frozenset()
