"""Attachment filenames that are safe to join to a folder, on Linux and on the Windows share.

A filename comes from the sender, so it is hostile until proven otherwise: ``../../etc/passwd``,
``C:\\evil.exe``, ``\\\\server\\share\\x``, ``CON.pdf``, control characters, 400-byte names.
``safe_filename`` keeps only the last path component and then applies the archive's own rules
for one path component (``archive.folder_name``), so the two can never disagree; it keeps the
extension when it has to shorten a name. ``unique`` makes names distinct within one message the
way file managers do (``name (2).pdf``), case-insensitively because staff use Windows and macOS.
``disarmed`` adds ``.blocked`` to the name of a file that would run code on a double-click in
the archive: a program (``PO.pdf.exe``, or an executable named ``PO.pdf``) or an Office file
carrying macros, with the reason for the Review row.
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


# --------------------------------------------------------------------------- what runs when opened

BLOCKED = ".blocked"  # added to the name: no program is bound to it, so a double-click runs nothing
BLOCKED_NOTE = "an attachment that runs code when opened"
# Names Windows runs, or hands to a program that runs what they hold, on a double-click.
RUNS = frozenset(
    "exe com scr pif cpl dll sys msi msp mst bat cmd vbs vbe js jse wsf wsh wsc hta ps1 psm1 psd1 lnk url"
    " scf reg inf jar application gadget msc chm hlp iso img vhd vhdx appx msix msixbundle xll xla xlam"
    " ppam one onepkg library-ms settingcontent-ms appref-ms".split()
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VBA_OLE = "_VBA_PROJECT".encode("utf-16-le")
_VBA_ZIP = re.compile(rb"PK\x03\x04.{26}[^\x00]{0,200}?(?:vbaProject\.bin|/macrosheets/)", re.S)


def disarmed(name: str, data: bytes, original: str = "") -> tuple[str, str | None]:
    """``name``, or ``name`` + ``.blocked`` with the reason, when opening the file would run code:
    a program (by its name, ``PO.pdf.exe`` included, or by its bytes whatever its name says), or
    a document carrying macros (VBA in an Office file, Excel 4.0 macro sheets). Staff open the
    archive by double-click; a blocked name opens nothing until someone renames it on purpose."""
    shown = original or name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in RUNS or _program(data):
        what = "a program" if extension in RUNS else f"a program, whatever its name ({shown!r}) says"
    elif _macros(data):
        what = "a document with macros (code Office runs once they are enabled)"
    else:
        return name, None
    blocked = safe_filename(f"{name}{BLOCKED}", f"attachment{BLOCKED}")
    if not blocked.endswith(BLOCKED):
        blocked = f"attachment{BLOCKED}"
    return blocked, (
        f"{BLOCKED_NOTE}: {visible(shown)[:80]!r} is {what}; it is archived as {blocked!r} so that a"
        " double-click does not open it — open it only once the customer confirms sending it"
    )


def _program(data: bytes) -> bool:
    """A Windows, Linux or macOS program, or a Windows shortcut, by its first bytes."""
    if data[:2] == b"MZ" and len(data) >= 64:
        offset = int.from_bytes(data[60:64], "little")
        return data[offset : offset + 4] == b"PE\x00\x00"
    return (
        data[:4] in (b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe")
        or data[:8] == b"L\x00\x00\x00\x01\x14\x02\x00"
    )


def _macros(data: bytes) -> bool:
    """VBA or Excel 4.0 macro sheets inside an Office file (OOXML zip or the older OLE2 one)."""
    if data[:4] == b"PK\x03\x04":
        return _VBA_ZIP.search(data) is not None or b"vbaProject.bin" in data[-65536:]
    return data[:8] == _OLE2 and _VBA_OLE in data
