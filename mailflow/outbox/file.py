"""The ``file`` transport (the embedded default): each notice becomes an .eml file in the outbox
folder, ``<date> <order no> <kind>.eml``, written atomically (temp file + rename), so a mail
client, a script or a person can pick it up. Writing the same notice again is a no-op, which
makes a re-send after a crash harmless.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..archive import Archive, folder_name
from ..errors import TransientSendError


class FileTransport:
    name = "file"

    def __init__(self, env: Any) -> None:
        self.folder = env.config.path(env.config.outbox.path)
        self.writer = Archive(self.folder)  # its put() is atomic and never leaves the folder

    def filename(self, row: Any) -> str:
        day = str(row["created_at"])[:10]
        return folder_name(f"{day} {row['order_no'] or '_'} {row['kind']}", "notice", limit=150) + ".eml"

    def path_for(self, row: Any) -> Path:
        """The file for ``row``: the plain name, or with the trigger when another notice has it."""
        plain = self.folder / self.filename(row)
        if not plain.exists() or plain.read_bytes() == bytes(row["eml"]):
            return plain
        trigger = str(row["key"]).split(":", 2)[-1]
        return self.folder / (plain.stem + " " + folder_name(trigger, "repeat", limit=60) + ".eml")

    def send(self, row: Any, now: Any = None) -> None:
        try:
            self.writer.put(self.path_for(row).name, bytes(row["eml"]))
        except OSError as exc:
            raise TransientSendError(f"cannot write to the outbox folder {self.folder}: {exc}") from None

    def already_sent(self, row: Any) -> bool | None:
        path = self.path_for(row)
        return True if path.exists() and path.read_bytes() == bytes(row["eml"]) else None

    def close(self) -> None:
        pass
