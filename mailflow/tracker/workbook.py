"""The workbook file: what openpyxl would lose, lock files, loading, atomic saves and backups.

Contract:

* ``inspect_parts(path)`` looks inside the .xlsx zip *before* openpyxl loads it and lists what a
  save through openpyxl would drop or damage (pictures, shapes, pivot tables, slicers, staff-made
  charts, macros, form controls, threaded comments, Excel 2010 extensions). Those are ``error``
  problems: mailflow then does not save at all.
* ``lock_reason(path)`` says who has the file open for editing (Excel ``~$name.xlsx``,
  LibreOffice ``.~lock.name.xlsx#``), or None. Reading is fine while it is open; writing waits.
* ``load(path)`` raises ``TrackerError`` (missing, corrupt, .xls) with the repair hint, or
  ``TrackerLocked`` when the operating system refuses to let us read it.
* ``save_atomic`` writes a temp file in the same folder, checks nobody opened or changed the
  workbook meanwhile, keeps a backup of the version it replaces, then ``os.replace``-s it.
* ``set_aside``, ``list_backups``, ``usable`` and ``put_in_place`` are the steps of
  ``Tracker.repair``: the broken file is moved into the backups folder (never deleted) and the
  newest backup that loads is put back in its place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import posixpath
import re
import shutil
import struct
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.packaging.relationship import RelationshipList
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from ..errors import TrackerError, TrackerLocked

REPAIR_HINT = "run `mailflow tracker repair` (restores the newest good backup, or rebuilds it from the state database)"
MAILFLOW_CHART_SHEETS = {"Dashboard": 3}  # charts mailflow draws itself and redraws on each save
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# zip folder → what lives there. openpyxl does not read these parts, so a save drops them.
_LOST_PARTS = {
    "xl/vbaProject.bin": "macros (VBA project)",
    "xl/pivotTables/": "pivot tables",
    "xl/pivotCache/": "pivot table caches",
    "xl/slicers/": "slicers",
    "xl/slicerCaches/": "slicers",
    "xl/timelines/": "timelines",
    "xl/activeX/": "ActiveX controls",
    "xl/ctrlProps/": "form controls",
    "xl/threadedComments/": "threaded comments (replies would become plain notes)",
    "xl/richData/": "pictures placed in cells",
    "xl/chartsheets/": "chart sheets",
}
# Excel 2010+ extensions inside a sheet's XML that openpyxl drops on save.
_CHUNK = 1 << 20  # bytes of a part read at a time
_LOST_EXTENSIONS = {
    b"x14:sparklineGroup": "sparklines",
    b"x14:conditionalFormatting": "Excel 2010 conditional formats (data bars, icon sets)",
    b"x14:dataValidation": "dropdowns that refer to other sheets (Excel 2010 form)",
}


@dataclass(frozen=True)
class Problem:
    """One finding of ``Tracker.check()``. ``level`` "error" blocks saving; "warning" does not."""

    level: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.level}: {self.message}" + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True)
class Stamp:
    """What the file looked like when we loaded it, to notice a save by someone else.

    The digest is there because two saves within one tick of the file system's clock can leave
    size and mtime equal. It is taken of the zip's central directory, which holds the CRC and
    sizes of every part: any change to any part changes it, and it is read from the end of the
    file in well under a millisecond, where hashing a tracker of 20,000 orders whole took tens
    of milliseconds on every quiet cycle. A file that is not a zip as expected is hashed whole.
    """

    inode: int
    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> "Stamp | None":
        try:
            st = path.stat()
            with path.open("rb") as handle:
                digest = _directory_digest(handle, st.st_size)
                if digest is None:
                    handle.seek(0)
                    digest = hashlib.file_digest(handle, "blake2b").hexdigest()
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_mtime_ns, st.st_size, digest)


_END_OF_DIRECTORY = b"PK\x05\x06"


def _directory_digest(handle: Any, size: int) -> str | None:
    """A digest of a zip's central directory and its end record (see ``Stamp``); None when
    they are not where a plain zip has them (Zip64, a comment that hides them, damage)."""
    tail_size = min(size, 1 << 16)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    end = tail.rfind(_END_OF_DIRECTORY)
    if end < 0 or len(tail) - end < 22:
        return None
    directory_size, directory_at = struct.unpack("<II", tail[end + 12 : end + 20])
    if 0xFFFFFFFF in (directory_size, directory_at) or directory_at + directory_size > size:
        return None
    handle.seek(directory_at)
    directory = handle.read(directory_size)
    if len(directory) != directory_size or not directory.startswith(b"PK\x01\x02"):
        return None
    return "zip:" + hashlib.blake2b(directory + tail[end:]).hexdigest()


# --------------------------------------------------------------------------- locks


def lock_files(path: Path) -> list[Path]:
    """Lock files beside ``path`` left by Excel (``~$``) or LibreOffice (``.~lock.…#``)."""
    candidates = [path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")]
    # Excel shortens the name for the owner file when it is long: ~$ + name minus 2 chars.
    if len(path.name) > 2:
        candidates.append(path.with_name("~$" + path.name[2:]))
    return [p for p in dict.fromkeys(candidates) if p.exists()]


def lock_reason(path: Path) -> str | None:
    found = lock_files(path)
    if not found:
        return None
    lock = found[0]
    who = _lock_owner(lock)
    app = "LibreOffice" if lock.name.startswith(".~lock.") else "Excel"
    since = dt.datetime.fromtimestamp(lock.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    by = f" by {who}" if who else ""
    return f"{path.name} is open in {app}{by} since {since} (lock file {lock.name})"


def _lock_owner(lock: Path) -> str:
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        # LibreOffice: "," + user + "," + host + "," + date + "," + profile + ";"
        parts = data.decode("utf-8", "replace").split(",")
        return parts[1].strip() if len(parts) > 2 else ""
    # Excel: one length byte, then the user name (ANSI), padded.
    if data:
        return data[1 : 1 + data[0]].decode("latin-1", "replace").strip()
    return ""


# --------------------------------------------------------------------------- inspection


def _not_readable(path: Path, why: str) -> TrackerError:
    return TrackerError(f"{path}: {why}", hint=REPAIR_HINT)


def check_file(path: Path) -> None:
    """Raise ``TrackerError`` when ``path`` is missing or not an .xlsx at all."""
    if not path.exists():
        raise _not_readable(path, "the tracker workbook does not exist")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError as exc:
        raise TrackerLocked(f"{path}: cannot read the tracker: {exc}", hint="close it and retry") from exc
    if head == _OLE_MAGIC or path.suffix.lower() == ".xls":
        raise _not_readable(
            path,
            "this is an Excel 97-2003 (.xls) file; mailflow keeps the tracker as .xlsx"
            " (open it in Excel and use Save As → Excel Workbook, or let repair rebuild it)",
        )
    if not zipfile.is_zipfile(path):
        raise _not_readable(path, "not a valid .xlsx file (damaged or truncated)")


def inspect_parts(path: Path, scanned: dict[str, tuple[tuple[int, int], set[str]]] | None = None) -> list[Problem]:
    """What openpyxl would lose on save, by looking at the zip parts; [] when it is all safe.

    ``scanned`` holds what a streaming read already found in sheet parts as it inflated them
    (part → ((CRC, size), findings), see ``MarkerScan``): a part still with that CRC and size
    is not inflated a second time."""
    check_file(path)
    found: dict[str, set[str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            sheets = _sheet_parts(archive)
            for name in names:
                for prefix, what in _LOST_PARTS.items():
                    if name == prefix or (prefix.endswith("/") and name.startswith(prefix)):
                        found.setdefault(what, set()).add("workbook")
            for part, sheet in sheets.items():
                if part not in names:
                    continue
                info = archive.getinfo(part)
                known = (scanned or {}).get(part)
                seen = known[1] if known and known[0] == (info.CRC, info.file_size) else _markers_in(archive, part)
                for what in seen:
                    found.setdefault(what, set()).add(sheet)
                for drawing in _related(archive, part, "/drawing"):
                    if drawing in names:
                        _drawing_findings(archive.read(drawing), sheet, found)
            external = [n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml")]
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise _not_readable(path, f"damaged .xlsx ({exc})") from exc
    problems = [
        Problem(
            "error",
            f"{what} ({', '.join(sorted(where))}): openpyxl cannot keep them, so mailflow will not"
            " save the tracker while they are there",
            "move them to another workbook that reads the tracker, or remove them; mailflow's"
            " changes wait in the queue and are written once the tracker is safe to save",
        )
        for what, where in sorted(found.items())
    ]
    if external:
        problems.append(
            Problem(
                "warning",
                f"{len(external)} link(s) to other workbooks: kept, but their cached values are not"
                " refreshed by mailflow",
            )
        )
    return problems


def _markers_in(archive: zipfile.ZipFile, part: str) -> set[str]:
    """What of ``_LOST_EXTENSIONS`` one sheet holds, read a chunk at a time: a sheet of 20,000
    orders is tens of megabytes of XML, which need never be in memory at once."""
    scan = MarkerScan()
    with archive.open(part) as handle:
        while chunk := handle.read(_CHUNK):
            scan.feed(chunk)
    return scan.found


class MarkerScan:
    """What of ``_LOST_EXTENSIONS`` a part holds, fed its bytes in order a chunk at a time (by
    ``_markers_in``, or by a read that inflates the part anyway)."""

    _OVERLAP = max(len(marker) for marker in _LOST_EXTENSIONS) - 1

    def __init__(self) -> None:
        self.found: set[str] = set()
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        window = self._tail + chunk  # a marker cut by the chunk's start is seen whole
        self.found.update(what for marker, what in _LOST_EXTENSIONS.items() if marker in window)
        self._tail = window[-self._OVERLAP :]


def _drawing_findings(xml: bytes, sheet: str, found: dict[str, set[str]]) -> None:
    text = xml.decode("utf-8", "replace")
    if re.search(r"<(\w+:)?(sp|cxnSp|grpSp)\b", text):
        found.setdefault("shapes or text boxes", set()).add(sheet)
    if re.search(r"<(\w+:)?pic\b", text):
        found.setdefault("pictures", set()).add(sheet)
    charts = len(re.findall(r"<(\w+:)?chart\b", text))
    if charts > MAILFLOW_CHART_SHEETS.get(sheet, 0):
        found.setdefault("charts made in Excel", set()).add(sheet)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """zip part of each worksheet → its sheet name."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_R}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        parts[part] = sheet.get("name", part)
    return parts


def _related(archive: zipfile.ZipFile, part: str, kind: str) -> list[str]:
    folder, name = posixpath.split(part)
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in archive.namelist():
        return []
    out = []
    for rel in ElementTree.fromstring(archive.read(rels)):
        if rel.get("Type", "").endswith(kind) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            out.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}"))
    return out


# --------------------------------------------------------------------------- load / save


_LOAD_LOCK = threading.Lock()


@contextlib.contextmanager
def _indexed_relationships() -> Iterator[None]:
    """Look relationships up by id through a dict while openpyxl loads a workbook.

    openpyxl resolves every hyperlink with a linear scan of the sheet's relationships, which is
    quadratic in the number of links: with an Archive link per order, a 20,000-order tracker
    spent most of its load there. Same answers, found in O(1); the original is put back after.
    """
    original = RelationshipList.get

    def get(self: RelationshipList, key: str) -> Any:
        index = self.__dict__.get("_ids_by_key")
        if index is None or len(index) != len(self):
            index = self.__dict__["_ids_by_key"] = {r.Id: r for r in self}
        if key in index:
            return index[key]
        return original(self, key)

    with _LOAD_LOCK:
        RelationshipList.get = get
        try:
            yield
        finally:
            RelationshipList.get = original


def load(path: Path) -> Workbook:
    """The workbook for reading and writing (formulas as formulas, external links kept)."""
    check_file(path)
    try:
        with _indexed_relationships():
            return load_workbook(path, keep_links=True, rich_text=False)
    except PermissionError as exc:
        raise TrackerLocked(f"{path}: cannot read the tracker: {exc}", hint="close it and retry") from exc
    except (
        zipfile.BadZipFile,
        KeyError,
        InvalidFileException,
        ElementTree.ParseError,
        ValueError,
        TypeError,
        IndexError,
    ) as exc:
        raise _not_readable(path, f"cannot read the tracker: {type(exc).__name__}: {exc}") from exc


def save_atomic(
    wb: Workbook | Callable[[Path], None],
    path: Path,
    *,
    expect: Stamp | None,
    backups_dir: Path,
    keep: int,
    now: dt.datetime,
    backup: bool = True,
) -> Stamp:
    """Save ``wb`` over ``path`` atomically, keeping the replaced version as a backup.

    ``wb`` is an openpyxl workbook, or a function that writes the new file to the path it is
    given (the patched package, see ``package.PatchBook.write``).

    ``expect`` is the file's stamp when it was loaded (None for a new file): if someone saved
    or opened the workbook since, nothing is replaced and ``TrackerLocked`` says why, so the
    caller retries next cycle with their changes loaded.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".~mailflow-", suffix=".xlsx")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if isinstance(wb, Workbook):
            wb.save(tmp)
        else:
            wb(tmp)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        if not zipfile.is_zipfile(tmp):
            raise TrackerError(f"{path}: the saved copy is not a valid .xlsx; nothing replaced")
        reason = lock_reason(path)
        if reason:
            raise TrackerLocked(f"not written: {reason}")
        if Stamp.of(path) != expect:
            raise TrackerLocked(
                f"not written: {path.name} was changed by someone else while"
                " mailflow was writing; the next cycle reads their changes first"
            )
        if path.exists() and backup:
            keep_copy(path, backups_dir, keep, now)
        try:
            os.replace(tmp, path)
        except PermissionError as exc:  # Windows: open in Excel without a lock file we can see
            raise TrackerLocked(f"not written: {path.name} cannot be replaced ({exc})") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    stamp = Stamp.of(path)
    assert stamp is not None
    return stamp


def keep_copy(path: Path, backups_dir: Path, keep: int, now: dt.datetime) -> Path:
    """Copy ``path`` into ``backups_dir`` as ``<stem>-<UTC time>.xlsx``; keep the newest ``keep``."""
    target = _free_target(path, backups_dir, now)
    shutil.copy2(path, target)
    for old in list_backups(path, backups_dir)[max(keep, 1) :]:
        old.unlink()
    return target


def _free_target(path: Path, backups_dir: Path, now: dt.datetime, tag: str = "") -> Path:
    """``<backups_dir>/<stem>-<tag><UTC time>[-n]<suffix>``, a name not yet taken (folder made)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"{path.stem}-{tag}{stamp}{path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = backups_dir / f"{path.stem}-{tag}{stamp}-{n}{path.suffix}"
    return target


def list_backups(path: Path, backups_dir: Path) -> list[Path]:
    """Backups of ``path``, newest first (broken files set aside by repair are not backups)."""
    if not backups_dir.exists():
        return []
    pattern = re.compile(re.escape(path.stem) + r"-\d{8}T\d{6}Z(-\d+)?" + re.escape(path.suffix) + "$")
    found = [p for p in backups_dir.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def usable(candidate: Path, required_sheet: str) -> bool:
    """True when ``candidate`` loads and has ``required_sheet``."""
    try:
        check_file(candidate)
        wb = load_workbook(candidate, read_only=True)
        try:
            return required_sheet in wb.sheetnames
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 - any failure means "not this one"
        return False


def set_aside(path: Path, backups_dir: Path, now: dt.datetime) -> Path | None:
    """Move a broken tracker into the backups folder (never delete what staff may need)."""
    if not path.exists():
        return None
    target = _free_target(path, backups_dir, now, "broken-")
    shutil.move(str(path), target)
    return target


def put_in_place(source: Path, path: Path) -> None:
    """Copy ``source`` to ``path`` atomically (temp file in the same folder, then replace)."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".~mailflow-", suffix=path.suffix)
    os.close(fd)
    shutil.copyfile(source, tmp_name)
    os.replace(tmp_name, path)
