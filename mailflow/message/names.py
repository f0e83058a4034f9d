"""Attachment filenames that are safe to join to a folder, on Linux and on the Windows share.

A filename comes from the sender, so it is hostile until proven otherwise: ``../../etc/passwd``,
``C:\\evil.exe``, ``\\\\server\\share\\x``, ``CON.pdf``, control characters, 400-byte names.
``safe_filename`` keeps only the last path component and then applies the archive's own rules
for one path component (``archive.folder_name``), so the two can never disagree; it keeps the
extension when it has to shorten a name. ``unique`` makes names distinct within one message the
way file managers do (``name (2).pdf``), case-insensitively because staff use Windows and macOS.
"""

from __future__ import annotations

import re

from ..archive import folder_name, is_reserved, visible

MAX_CHARS = 120  # what a person can still read in a file list
MAX_BYTES = 200  # UTF-8 bytes; leaves room under the 255-byte limit of most filesystems
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,10})$")


def safe_filename(name: str, fallback: str) -> str:
    """A single safe path component for ``name``; ``fallback`` when nothing usable is left.

    Never contains a path separator, a control or bidi-override character, a Windows-reserved
    character or device name, or a leading/trailing dot or space; at most ``MAX_CHARS``
    characters and ``MAX_BYTES`` UTF-8 bytes, extension kept.
    """
    # Newlines and bidi overrides (which can disguise "exe.pdf" as "fdp.exe") become spaces.
    text = visible(name)
    # Only the last component survives: covers ../, absolute paths, C:\, \\server\share.
    parts = [p for p in re.split(r"[\\/]", text) if p.strip(" .")]
    text = parts[-1] if parts else ""
    text = re.sub(r"^[A-Za-z]:", "", text)  # "C:evil.exe" (drive-relative)
    match = _EXTENSION.search(text.rstrip(" ."))
    stem, ext = (text.rstrip(" .")[: match.start()], match.group(1)) if match else (text, "")
    stem = folder_name(stem, "", limit=MAX_CHARS)
    if not stem:
        if fallback and fallback != name:
            base = safe_filename(fallback, "attachment")
            # Keep the sender's extension on the fallback so the type stays visible.
            return base if not ext or base.lower().endswith(f".{ext.lower()}") else f"{base}.{ext}"
        stem = "attachment"
    if is_reserved(stem):  # "CON .txt" is CON on Windows too
        stem = f"_{stem}"
    suffix = f".{ext}" if ext else ""
    while stem and (len(stem) + len(suffix) > MAX_CHARS or len((stem + suffix).encode()) > MAX_BYTES):
        stem = stem[:-1].rstrip(" .")
    return (stem or "attachment") + suffix


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext``, ``name (3).ext``… not in ``taken`` (case-insensitive).

    Adds the chosen name (lower-cased) to ``taken``.
    """
    candidate, n = name, 1
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    taken.add(candidate.lower())
    return candidate
