"""The ``file`` transport (the embedded default): each notice becomes an .eml file in the outbox
folder, ``<date> <order no> <kind>.eml``, written atomically (temp file + rename), so a mail
client, a script or a person can pick it up. Writing the same notice again is a no-op, which
makes a re-send after a crash harmless. The temporary file is named ``.tmp-….part``, never
``….eml``: one left by a process killed before its rename is not picked up as a second copy of
the notice, and is removed when the transport next opens the folder (``Archive.sweep``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..archive import Archive, folder_name
from ..errors import TransientSendError
from ..store.records import OutboxEntry


class FileTransport:
    name = "file"

    def __init__(self, env: Any) -> None:
        self.folder = env.config.path(env.config.outbox.path)
        self.writer = Archive(self.folder)  # its put() is atomic and never leaves the folder
        if self.folder.is_dir():
            self.writer.sweep(self.writer.resolve("."))  # as its puts name it: they do not look again

    def filename(self, entry: OutboxEntry) -> str:
        day = entry.created_at[:10]
        return folder_name(f"{day} {entry.order_no or '_'} {entry.kind}", "notice", limit=150) + ".eml"

    def path_for(self, entry: OutboxEntry) -> Path:
        """The file for ``entry``: the plain name, or with the trigger when another notice has it."""
        plain = self.folder / self.filename(entry)
        if not plain.exists() or plain.read_bytes() == entry.eml:
            return plain
        trigger = entry.trigger
        return self.folder / (plain.stem + " " + folder_name(trigger, "repeat", limit=60) + ".eml")

    def send(self, entry: OutboxEntry, now: Any = None) -> None:
        try:
            self.writer.put(self.path_for(entry).name, entry.eml)
        except OSError as exc:
            raise TransientSendError(f"cannot write to the outbox folder {self.folder}: {exc}") from None

    def already_sent(self, entry: OutboxEntry) -> bool | None:
        path = self.path_for(entry)
        return True if path.exists() and path.read_bytes() == entry.eml else None

    def close(self) -> None:
        pass
