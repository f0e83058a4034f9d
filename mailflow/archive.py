"""The per-order archive: every document of an order in one folder staff can open.

    archive/
      <Customer>/<ORDER-NO> PO <po number>/
        mail/          original emails (.eml), named by date and Message-ID hash
        attachments/   what the customer sent, names sanitised
        documents/     generated order form, review form, shipping order, delivery note, letters
        notices/       a copy of every email mailflow sent about the order
        invoices/  delivery/
      _unfiled/        messages that belong to no order (auto-replies, other mail)
      _quarantine/     messages that could not be processed, raw, with a .reason.txt beside

``path_for`` and ``order_dir`` are pure; ``Archive`` does the writing: atomically (temp file +
rename), and never outside its root — every path is checked after resolution. A process killed
between the two leaves a hidden ``.tmp-*.part`` file; the next process to write into that folder
removes it once it is ten minutes old (``remove_stale_temps``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePath, PurePosixPath
from typing import Iterable, Iterator, NamedTuple

from .model import Order

TEMP_PREFIX, TEMP_SUFFIX = ".tmp-", ".part"  # ``put``'s file before its rename
STALE_TEMP_SECONDS = 600  # a temporary file this old was left by a process killed mid-write


def remove_stale_temps(folder: Path) -> None:
    """Remove from ``folder`` (not below it) the temporary files of ``put`` that a process killed
    before their rename left behind: only those older than ``STALE_TEMP_SECONDS`` (a younger one
    may be another process's write under way)."""
    oldest = time.time() - STALE_TEMP_SECONDS
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime < oldest:
                path.unlink()
        except OSError:
            continue  # gone meanwhile, or not ours to remove


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
# Characters a file manager does not show as themselves: controls and line breaks, and the
# direction marks, overrides and isolates that reorder what follows ("ACME\u202efdp.exe" shows
# as "ACMEexe.pdf"). Hostile in any name that reaches the share, a folder's or a file's.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Device names Windows opens instead of a file, whatever follows them ("CON.txt", "CON .txt"),
# COM/LPT with a superscript digit included: a file of that name on the staff share is unusable.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{device}{digit}" for device in ("COM", "LPT") for digit in (*"123456789", "¹", "²", "³")
}


def is_reserved(name: str) -> bool:
    """True when Windows would take ``name`` for a device (see ``WINDOWS_RESERVED``)."""
    return name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED


def visible(text: str) -> str:
    """``text`` (NFC) with each control, line break and direction character a space, so a name
    shows as what it is (see ``_INVISIBLE``)."""
    return _INVISIBLE.sub(" ", unicodedata.normalize("NFC", text or ""))


def folder_name(text: str, fallback: str = "unnamed", limit: int = 80) -> str:
    """A single safe path component (Windows rules too, since staff share the folder), with
    nothing in it that shows other than it is (``visible``)."""
    text = visible(text)
    text = _UNSAFE.sub("_", text).strip(" ._")
    text = re.sub(r"\s+", " ", text)
    if not text or is_reserved(text):
        text = f"_{text}" if text else fallback
    return text[:limit].rstrip(" .") or fallback


def order_dir(order: Order) -> PurePosixPath:
    return folder_for(order.order_no, order.customer, order.po_number)


def folder_for(order_no: str, customer: str, po_number: str, archive_dir: str | None = None) -> PurePosixPath:
    """The archive folder of the order with these values: ``archive_dir`` when recorded, else
    ``<customer>/<order no> PO <po number>`` (what ``order_dir`` makes of an ``Order``)."""
    if archive_dir:
        return PurePosixPath(archive_dir)
    return PurePosixPath(
        folder_name(customer, "customer"),
        folder_name(f"{order_no} PO {po_number}", order_no),
    )


def order_folder(order: Order) -> PurePosixPath:
    """The order's archive folder: the one recorded on it, else where ``order_dir`` puts it."""
    return folder_for(order.order_no, order.customer, order.po_number, order.archive_dir)


def mail_name(message_id: str | None, sha256: str, date_text: str = "") -> str:
    ident = hashlib.sha256((message_id or sha256).encode("utf-8", "replace")).hexdigest()[:12]
    prefix = f"{date_text} " if date_text else ""
    return f"{prefix}{ident}.eml"


class Archive:
    FLUSHED_KEPT = 4096  # files remembered as flushed by this process (see ``sync``)

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._deferred: list[Path] | None = None  # files of ``together`` not yet on disk
        self._resolved_root: Path | None = None  # ``root`` resolved (see ``resolve``)
        # file → what it was when this process flushed it (``_Flushed``): flushing it again while
        # it is unchanged is skipped (a flush costs the disk's cache flush, 5 ms here, even for a
        # file with nothing to write)
        self._flushed: OrderedDict[Path, _Flushed] = OrderedDict()
        # folders this process has written into, so cleaned of what killed writes left
        # (``sweep``): the first ``put`` into a folder looks, later ones do not
        self._swept: OrderedDict[Path, None] = OrderedDict()

    def resolve(self, relpath: str | PurePosixPath) -> Path:
        target = (self.root / str(relpath)).resolve()
        if not self._within(target, self._resolved_root):
            # the root as it resolves now: kept, it saves a look at each folder above the archive
            self._resolved_root = self.root.resolve()
            if not self._within(target, self._resolved_root):
                raise ValueError(f"refusing to write outside the archive: {relpath}")
        return target

    @staticmethod
    def _within(target: Path, root: Path | None) -> bool:
        """Whether ``target`` is ``root`` or inside it (both resolved: no "..", no links)."""
        if root is None:
            return False
        inside, top = str(target), str(root)
        return inside == top or inside.startswith(top.rstrip(os.sep) + os.sep)

    def put(self, relpath: str | PurePosixPath, data: bytes, *, durable: bool = True) -> Path:
        """Write ``data`` atomically at ``relpath``; the same bytes again is a no-op.

        ``durable`` (the default) flushes the file to disk before it takes its name, so a power
        cut never leaves a record pointing at a file that is not there. A copy of what the store
        keeps itself (a sent notice, whose bytes are in the outbox) need not wait for the disk.
        Inside ``together`` a durable file is flushed on the way out, with the others; with
        ``durable=False`` the caller flushes it (``sync``) before it records the path."""
        target = self.resolve(relpath)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.sweep(target.parent)
        deferred = self._deferred if durable else None
        if target.exists() and target.stat().st_size == len(data) and target.read_bytes() == data:
            # written before, perhaps not flushed (``durable=False``, or by someone else): cheap
            # when this process flushed it and it is unchanged since
            if deferred is not None:
                deferred.append(target)
            elif durable:
                self.sync([target])
            return target
        # the temporary name never ends as the file will (".eml", ".pdf"): what a process killed
        # before the rename leaves is not taken for a notice or a document by anyone watching
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if durable and deferred is None:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._flushed.pop(target, None)  # a new file: whatever was flushed at this name is not it
        if deferred is not None:
            deferred.append(target)
        elif durable:
            self._remember(target, _observe(target, data))
        return target

    def sweep(self, folder: Path) -> None:
        """``remove_stale_temps(folder)`` the first time this archive writes into ``folder`` (a
        killed ``put`` leaves its temporary file in the order's folder: hidden and named so that
        nobody takes it, but a copy of the document all the same). Remembered for the last
        ``FLUSHED_KEPT`` folders: one forgotten is looked at again, which costs one listing."""
        if folder in self._swept:
            self._swept.move_to_end(folder)
            return
        remove_stale_temps(folder)
        self._swept[folder] = None
        while len(self._swept) > self.FLUSHED_KEPT:
            self._swept.popitem(last=False)

    @contextlib.contextmanager
    def together(self) -> Iterator[None]:
        """The files ``put`` inside are flushed to disk all at once on the way out (``sync``),
        before whatever follows records them. Nested, the outermost flushes."""
        if self._deferred is not None:
            yield
            return
        self._deferred = []
        try:
            yield
            self.sync(self._deferred)
        finally:
            self._deferred = None

    def sync(self, paths: Iterable[str | PurePath]) -> None:
        """Flush the files at ``paths`` (archive-relative, or as ``put`` returned them) to disk.

        One flush after another, each waits for the disk on its own (5-10 ms here); flushed side by
        side, the file system commits them together, for about the price of one."""
        files = sorted({self.resolve(str(path)) for path in paths})
        files = [path for path in files if not self._still_flushed(path)]  # unchanged since flushed here
        # what each file is *before* its flush: a change made while it is flushed shows as a
        # change (and is flushed next time), never as the state that was flushed
        before = {path: _observe(path) for path in files}
        if len(files) == 1:
            _fsync(files[0])
        elif files:
            list(_flushers().map(_fsync, files))
        for path in files:
            self._remember(path, before[path])

    def _remember(self, path: Path, seen: _Flushed | None) -> None:
        """Note that ``path`` was flushed as it was ``seen`` just before (None: not known)."""
        if seen is None:
            self._flushed.pop(path, None)
            return
        self._flushed[path] = seen
        self._flushed.move_to_end(path)
        while len(self._flushed) > self.FLUSHED_KEPT:
            self._flushed.popitem(last=False)

    def _still_flushed(self, path: Path) -> bool:
        """Whether this process flushed ``path`` and it has not changed since: the same file
        (device and inode), size, modification and change times, and, when those times were too
        close to the flush to tell a later write apart (``_racy``), the same content. A file
        replaced, written again or touched is flushed again."""
        known = self._flushed.get(path)
        if known is None:
            return False
        st = _stat(path)
        if st is None or _identity(st) != known.identity:
            return False
        if known.digest is None:
            return True
        try:
            same = _digest(path.read_bytes()) == known.digest
        except OSError:
            return False
        if same and not _racy(st):  # its times have aged: a write from now on would change them
            self._flushed[path] = _Flushed(known.identity, None)
        return same

    def quarantine(self, name: str, raw: bytes, reason: str, day: str) -> PurePosixPath:
        """File a quarantined message as ``_quarantine/<day>/<name>.eml`` with its reason beside.

        ``name`` must tell messages apart (the caller hashes the mailbox copy and the content):
        oversize messages, whose bytes are not fetched, would otherwise share one file.
        """
        base = PurePosixPath("_quarantine", day, folder_name(name, "message"))
        self.put(base.with_suffix(".eml"), raw)
        self.put(base.with_suffix(".reason.txt"), (reason.strip() + "\n").encode("utf-8"))
        return base.with_suffix(".eml")


class _Flushed(NamedTuple):
    """A file as this process flushed it: its ``_identity``, and its content's digest when the
    identity alone could miss a later write (``_racy``)."""

    identity: tuple[int, ...]
    digest: bytes | None


# Beyond this, a file's times are taken to tell its writes apart. A file system stamps times from
# a clock that ticks coarsely (a few ms on Linux, 2 s on FAT, whole seconds on some shares):
# two writes of the same size within one tick leave the same times (the same inode, too, when a
# replaced file's number is given to the next one).
RACY_NS = 3_000_000_000


def _stamps(st: os.stat_result) -> tuple[int, int]:
    """The modification and change times (ns): the change time moves with every write, rename
    and ``utime`` (a program setting the modification time back cannot hide a write)."""
    return st.st_mtime_ns, st.st_ctime_ns


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, *_stamps(st))


def _racy(st: os.stat_result) -> bool:
    """Whether a write after ``st`` could leave the same times: they are this close to now."""
    return max(_stamps(st)) >= time.time_ns() - RACY_NS


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _observe(path: Path, data: bytes | None = None) -> _Flushed | None:
    """``path`` as it is now, its content's digest included when its times are ``_racy``
    (``data``: its content, when the caller wrote it); None when it cannot be read, or changed
    while it was."""
    st = _stat(path)
    if st is None:
        return None
    if not _racy(st):
        return _Flushed(_identity(st), None)
    try:
        digest = _digest(path.read_bytes() if data is None else data)
    except OSError:
        return None
    again = _stat(path)
    if again is None or _identity(again) != _identity(st):
        return None
    return _Flushed(_identity(st), digest)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


_FLUSHERS: ThreadPoolExecutor | None = None
_FLUSHERS_LOCK = threading.Lock()


def _flushers() -> ThreadPoolExecutor:
    """The threads that flush files side by side, kept for the life of the process: a backlog
    flushes a few files per message, and starting threads for each cost more than the flushes
    wait for (they start only as many as a flush needs, at most 8)."""
    global _FLUSHERS
    with _FLUSHERS_LOCK:
        if _FLUSHERS is None:
            _FLUSHERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="fsync")
        return _FLUSHERS


def _fsync(path: Path) -> None:
    """Flush ``path``'s data to disk (whichever descriptor wrote it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
