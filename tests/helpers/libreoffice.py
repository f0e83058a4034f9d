"""LibreOffice in the tests: a workspace that makes PDFs, and the LibreOffice processes running
below the test's own process (the UNO converter and its soffice.bin)."""

from __future__ import annotations

import os
from pathlib import Path


def with_pdfs(workspace: Path) -> Path:
    """The workspace with PDFs made (a missing or failing LibreOffice is an error) and no review requests."""
    config = workspace / "config.yaml"
    config.write_text(config.read_text().replace("  pdf: never", "  pdf: always"))
    text = config.read_text()
    config.write_text(text.replace("  enabled: {}", "  enabled: {review_request: false}"))
    return workspace


def libreoffice_running() -> list[int]:
    """The LibreOffice processes (the UNO converter, soffice.bin) below this test's process."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    below, grown = {os.getpid()}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in below} - below
        grown, below = bool(more), below | more
    found = []
    for pid in below - {os.getpid()}:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"soffice" in command or b"uno_converter" in command:
            found.append(pid)
    return found
