"""Attachment parsing in a child process with a memory and a processor-time limit.

The readers (pdfminer, openpyxl, xlrd, python-docx) run over files from strangers. A crafted
file can make them allocate gigabytes or spin for minutes; in the daemon's own process that
means the OOM killer takes the daemon, and with it every other message. So ``parse_message``
runs in a worker: a separate Python process started once and reused, whose address space is
capped with ``RLIMIT_AS`` (``limits.worker_memory_mb``) and whose every job may use at most
``limits.parse_seconds`` of processor time (a busy machine does not make an honest file late).
A job that runs out of memory or time ends with ``LimitExceeded`` (the message is quarantined
with the reason) and, if the worker died or had to be killed, the next job starts a fresh one.
The daemon's own memory stays flat whatever the mail holds.

A worker that read a large attachment keeps much of what it allocated (Python's allocator
gives little back), so one that grew more than ``RECYCLE_MB`` over what it held when ready is
ended after its answer and the next job starts a fresh one: a big PDF costs one start-up, not a
worker twice its size for the rest of the backlog.

Workers are forked from the fork server (``forkserver.py``, running ``zygote``), which loaded and
warmed up the readers once: a start-up costs milliseconds, not the 1.5 s of processor time a
fresh interpreter spends on it. Where there is no such server (or it failed), a worker is a
fresh interpreter (``serve``), as the limits above hold either way. ``close_pool`` ends the
workers and their server once a cycle's messages are read.

    pool = WorkerPool(size=2)                      # limits.parse_workers; thread-safe
    result = pool.parse(message, ctx, limits)      # ParseResult, or raises LimitExceeded
    pool.close()

The protocol is pickled frames on the child's stdin/stdout (length-prefixed). ``ctx.known_po``
(a store lookup) cannot cross a process boundary, so it is sent as the set of PO numbers it
would answer yes to (``KnownPOs``): whole to a fresh worker, and then only the numbers added
since (``KnownSince``), which the worker adds to the set it keeps (on a desk with 20,000 orders
on record the whole set is 260 KB, 3 ms of pickling a message). The numbers added are a slice of
the store's values (``model.KnownNumbers``), not two sets of 20,000 compared. Where ``RLIMIT_AS`` or ``fork``
do not exist the limits are not enforced and the work simply runs in the worker — said here so
nobody relies on it there.
"""

from __future__ import annotations

import atexit
import dataclasses
import importlib
import logging
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from importlib import resources
from pathlib import Path
from typing import Any, Collection

from . import formats
from .config import Limits
from .errors import LimitExceeded, MessageError
from .extract import ParseContext, parse_message
from .forkserver import (
    ForkedProcess,
    ForkServerError,
    die_with_parent,
    in_lasting_thread,
    parse_workers,
    serve_forks,
    stop_parse_workers,
)
from .message import parse as parse_mime
from .model import added_between, po_key

try:
    import resource  # POSIX: the worker's address-space limit
except ImportError:  # Windows has no RLIMIT_AS (nor the preexec_fn that sets it)
    resource = None  # type: ignore[assignment]

_HEADER = struct.Struct("!Q")
STARTUP_SECONDS = 120  # importing the readers on a busy machine; a job's own limit starts after
RECYCLE_MB = 64  # a worker grown this much over its size when ready is started afresh
CPU_POLL = 0.1  # seconds between two looks at a working job's processor time
WALL_FACTOR, WALL_GRACE = 4, 60  # a job is given up by the clock after max(4 × limit, limit + 60 s)
MB = 1024 * 1024
Process = subprocess.Popen | ForkedProcess  # a worker's process, however it was started
log = logging.getLogger(__name__)


class NotPortable(Exception):
    """The job holds something that cannot be pickled (a lambda, a connection): a bug to fix,
    reported so the caller can fall back to reading in its own process."""


@dataclasses.dataclass(frozen=True)
class KnownPOs:
    """A picklable stand-in for ``ParseContext.known_po``: the PO numbers on record (the store's
    ``KnownNumbers``, a frozenset once pickled, or any set of ``po_key`` values)."""

    numbers: Collection[str]

    @classmethod
    def of(cls, numbers: Any) -> "KnownPOs":
        return cls(frozenset(po_key(n) for n in numbers if n))

    def __call__(self, po_number: str) -> bool:
        return po_key(po_number) in self.numbers


@dataclasses.dataclass(frozen=True)
class KnownSince:
    """``KnownPOs`` as a worker that holds the set sent before receives it: the numbers added
    since, and how many the whole set holds (the worker checks it comes to that)."""

    added: Collection[str]
    count: int


class _Stale(Exception):
    """The worker's set of PO numbers is not the one the parent took it to be."""


class Worker:
    """One child process; ``run(job, seconds)`` sends a job and waits at most ``seconds``."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.proc: Process | None = None
        self.loaded = False  # the process said "ready": its readers are loaded
        self.ready_mb: float | None = None  # its resident set then (None: not known here)
        self.known: Collection[str] | None = None  # the PO numbers the running process holds

    def _start(self) -> Process:
        """A process for this worker: forked by the fork server (ready within milliseconds), or
        where that cannot be, a fresh interpreter that loads the readers itself."""
        server = parse_workers()
        if server is not None:
            try:
                return server.fork(self.memory_mb, STARTUP_SECONDS)
            except ForkServerError as exc:
                log.warning("%s: parse workers are started one by one from now on", exc)
        limit = self.memory_mb * MB if self.memory_mb > 0 else None

        def bound() -> None:  # in the child, before exec: the new interpreter inherits it
            die_with_parent()
            if limit is not None and resource is not None:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        def start() -> subprocess.Popen:
            return subprocess.Popen(
                [sys.executable, "-c", "from mailflow.parseworker import serve; serve()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                preexec_fn=bound if os.name == "posix" else None, close_fds=True,
            )  # fmt: skip

        return in_lasting_thread(start)

    def running(self) -> bool:
        """Whether its process has been started and has not ended."""
        return self.proc is not None and self.proc.poll() is None

    def _spawn(self) -> None:
        """Start the process unless it runs (its readers load meanwhile: see ``_ready``)."""
        if not self.running():
            self.proc, self.loaded, self.known = self._start(), False, None

    def _ready(self) -> Process:
        """A started worker that has loaded the readers: start-up is not charged to a job."""
        self._spawn()
        if self.loaded:
            return self.proc
        try:
            _read_frame(self.proc.stdout, time.monotonic() + STARTUP_SECONDS)
        except (TimeoutError, EOFError, OSError):
            code = self._reap()
            raise MessageError(f"the parser process did not start ({_death(code, self.memory_mb)})") from None
        self.loaded = True
        self.ready_mb = resident_mb(self.proc.pid)
        return self.proc

    def run(self, job: tuple, seconds: float, what: str) -> Any:
        proc = self._ready()
        try:
            status, value = self._send(proc, job, seconds, shorten=True)
            if status == "stale":  # cannot happen unless this process lost count: send it whole
                status, value = self._send(proc, job, seconds, shorten=False)
        except TimeoutError as exc:
            self.stop()
            raise LimitExceeded(f"{what} {exc}") from None
        except (BrokenPipeError, EOFError, OSError):
            code = self._reap()
            raise LimitExceeded(f"{what} ended the parser process ({_death(code, self.memory_mb)})") from None
        self._recycle_if_grown()
        if status == "ok":
            return value
        if status == "memory":
            self.stop()  # a process that hit its memory limit may be in any state: start afresh
            raise LimitExceeded(f"{what} needed more than the {self.memory_mb} MB memory limit")
        if status == "limit":
            raise LimitExceeded(value)
        raise MessageError(value)

    def _send(self, proc: Process, job: tuple, seconds: float, shorten: bool) -> tuple[str, Any]:
        """Send ``job`` (its context's PO numbers as ``KnownSince`` where the process holds the
        set they grew from) and wait for the answer."""
        known = _known_of(job)
        added = _added(known.numbers, self.known) if shorten and known is not None and self.known is not None else None
        if added is not None:
            job = _with_known(job, KnownSince(added, len(known.numbers)))  # type: ignore[union-attr]
        try:
            payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise NotPortable(f"the job cannot be sent to the worker ({type(exc).__name__}: {exc})") from None
        self.known = None  # unknown until the process has taken the job
        _write_frame(proc.stdin, payload)
        answer = pickle.loads(_answer_within(proc, seconds))
        if known is not None and answer[0] != "stale":
            self.known = known.numbers
        return answer

    def _recycle_if_grown(self) -> None:
        """End the process if it grew more than ``RECYCLE_MB`` since it was ready (the next job
        starts a fresh one): what a large attachment made it allocate goes back now."""
        held = resident_mb(self.proc.pid) if self.proc is not None else None
        if held is not None and self.ready_mb is not None and held - self.ready_mb > RECYCLE_MB:
            self.stop()

    def _reap(self) -> int | None:
        proc, self.proc, self.known = self.proc, None, None
        if proc is None:
            return None
        try:
            return proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait(5)

    def stop(self) -> None:
        proc, self.proc, self.known = self.proc, None, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class WorkerPool:
    """Up to ``size`` workers; a job goes to a free one (or waits for one). Thread-safe."""

    def __init__(self, size: int = 1) -> None:
        self.size = max(1, size)
        self._workers: list[Worker] = []
        self._free: list[Worker] = []
        self._cond = threading.Condition()

    def _take(self, memory_mb: int) -> Worker:
        with self._cond:
            while not self._free and len(self._workers) >= self.size:
                self._cond.wait()
            if self._free:  # one whose process runs, if any: another would start first
                worker = next((w for w in reversed(self._free) if w.running()), self._free[-1])
                self._free.remove(worker)
                worker.memory_mb = memory_mb
                return worker
            worker = Worker(memory_mb)
            self._workers.append(worker)
            return worker

    def _give_back(self, worker: Worker) -> None:
        with self._cond:
            self._free.append(worker)
            self._cond.notify()

    def parse(self, message: Any, ctx: Any, limits: Any) -> Any:
        """``extract.parse_message(message, ctx)`` in a worker; raises ``LimitExceeded``.

        ``ctx`` must be picklable: its ``known_po`` a ``KnownPOs``, not a store method."""
        worker = self._take(limits.worker_memory_mb)
        try:
            return worker.run(("parse_message", message, ctx), limits.parse_seconds, "reading the attachments")
        finally:
            self._give_back(worker)

    def warm(self, memory_mb: int, jobs: int | None = None) -> None:
        """Start the workers now (as many as ``jobs`` needs, every one when it is None) and wait
        until their readers are loaded (a worker that fails to start is left stopped: the first
        job tries again and says why). A worker needed later starts with its job.

        Called before the first message of a cycle is marked as being read: a process killed
        while its workers start is then never counted against a message it had not begun to read
        (three such deaths would quarantine an order that did nothing wrong)."""
        wanted = self.size if jobs is None else max(1, min(jobs, self.size))
        with self._cond:
            while len(self._workers) < wanted:
                worker = Worker(memory_mb)
                self._workers.append(worker)
                self._free.append(worker)
            running = sum(1 for worker in self._workers if worker.running())
            starting = [worker for worker in self._free if not worker.running()][: max(0, wanted - running)]
            loading = [worker for worker in self._free if worker.running() and not worker.loaded] + starting
        for worker in starting:  # started together: their readers load side by side
            worker.memory_mb = memory_mb
            worker._spawn()
        for worker in loading:
            try:
                worker._ready()
            except MessageError:
                worker.stop()

    def close(self) -> None:
        with self._cond:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()
            self._free.clear()


def close_pool() -> None:
    """Stop this process's workers (``pool``) and the fork server they came from: a cycle's
    messages are read, and their memory goes back before LibreOffice starts."""
    if _POOL is not None:
        _POOL.close()
    stop_parse_workers()


_POOL: WorkerPool | None = None
_POOL_LOCK = threading.Lock()


def pool(size: int = 1) -> WorkerPool:
    """The process's worker pool, started on first use, stopped at exit; it grows to ``size``
    workers when asked for more (``limits.parse_workers``)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = WorkerPool(size=size)
            atexit.register(_POOL.close)
        elif size > _POOL.size:
            with _POOL._cond:
                _POOL.size = size
                _POOL._cond.notify_all()
        return _POOL


# --------------------------------------------------------------------------- the child


def serve() -> None:
    """A worker started on its own (no fork server): load the readers, then serve jobs on
    stdin/stdout until stdin closes."""
    # Ctrl-C and a service manager's SIGTERM are for the daemon, which finishes the message in
    # hand and then closes our stdin; we end with it (and die with it: see forkserver.die_with_parent).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # Frames go to a private copy of stdout; whatever a library prints goes to stderr instead.
    stdout = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _preload()
    _serve_jobs(sys.stdin.buffer, stdout)


def zygote() -> None:
    """The fork server: load and warm up the readers once (``_preload_all``), then fork a worker
    for each one asked for (``forkserver.serve_forks``); each serves jobs on its own pipes."""
    serve_forks(_preload_all, _serve_jobs)


def _serve_jobs(stdin: Any, stdout: Any) -> None:
    """The worker's loop: say "ready", then read a job and answer it, until ``stdin`` closes."""
    _write_frame(stdout, b"ready")
    while True:
        try:
            payload = _read_frame(stdin, None)
        except EOFError:
            return
        job = pickle.loads(payload)
        _write_frame(stdout, pickle.dumps(_answer(job), protocol=pickle.HIGHEST_PROTOCOL))


_WARM_UP = (
    b"From: warm-up@example.invalid\r\nSubject: PO 1\r\nMessage-ID: <warm-up@example.invalid>\r\n\r\n"
    b"Purchase order 1: 1 pcs of A-1 at USD 1.00\r\n"
)


def _preload() -> None:
    """Load the readers, and read one small message, before the first job's clock starts: the
    vocabulary and its patterns are built on first use (most of a second on a busy machine),
    which is no message's doing."""
    formats.preload()
    # the context's customer lookup lives there; not ``mailflow.pipeline``, which would bring the
    # tracker, the templates and their libraries (about 25 MB) into a process that never uses them
    importlib.import_module("mailflow.customers")
    try:
        parse_message(parse_mime(_WARM_UP, Limits()), ParseContext(limits=Limits()))
    except Exception:  # a warm-up only: the real job reports whatever is wrong
        pass


def _preload_all() -> None:
    """The fork server's warm-up, which every worker it forks inherits: ``_preload`` and then the
    bundled sample mails (a PDF, a workbook, a mail body, one in Chinese): the regular expressions
    the readers compile on first meeting each kind (about 0.6 s) are then compiled once, not once
    per worker within its first jobs."""
    _preload()
    for sample in sorted(Path(str(resources.files("mailflow") / "data" / "samples")).glob("*.eml")):
        try:
            parse_message(parse_mime(sample.read_bytes(), Limits()), ParseContext(limits=Limits()))
        except Exception:  # a warm-up only
            pass


def _answer(job: tuple) -> tuple[str, Any]:
    name, *args = job
    try:
        if name != "parse_message":
            return ("error", f"unknown job {name!r}")
        message, ctx = args
        ctx = _keep_known(ctx)
        return ("ok", parse_message(message, ctx))
    except _Stale:
        return ("stale", None)
    except MemoryError:
        return ("memory", None)
    except LimitExceeded as exc:
        return ("limit", str(exc))
    except MessageError as exc:
        return ("error", str(exc))
    except Exception as exc:  # parse_message promises not to raise; a bug is reported, not hidden
        return ("error", f"internal error: {type(exc).__name__}: {exc}")


_held_known: set[str] = set()  # in the worker: the PO numbers last sent whole, grown in place


def _keep_known(ctx: Any) -> Any:
    """``ctx`` with its PO numbers whole: kept from a ``KnownPOs``, grown by a ``KnownSince``."""
    global _held_known
    known = getattr(ctx, "known_po", None)
    if isinstance(known, KnownPOs):
        _held_known = set(known.numbers)
    elif isinstance(known, KnownSince):
        _held_known.update(known.added)
        if len(_held_known) != known.count:
            raise _Stale()  # the whole set comes next, and replaces this one
        ctx = dataclasses.replace(ctx, known_po=KnownPOs(_held_known))
    return ctx


def _added(numbers: Collection[str], held: Collection[str]) -> Collection[str] | None:
    """What a worker holding ``held`` must add to hold ``numbers`` (``model.added_between``), or
    None if it must drop some (it is then sent them whole)."""
    added = added_between(numbers, held)
    return added if len(held) + len(added) == len(numbers) else None  # else held is no subset


def _known_of(job: tuple) -> KnownPOs | None:
    known = getattr(job[2], "known_po", None) if len(job) == 3 and job[0] == "parse_message" else None
    return known if isinstance(known, KnownPOs) else None


def _with_known(job: tuple, known: KnownSince) -> tuple:
    return (job[0], job[1], dataclasses.replace(job[2], known_po=known))


# --------------------------------------------------------------------------- plumbing


def _write_frame(stream, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _answer_within(proc: Process, seconds: float) -> bytes:
    """The worker's answer to the job just sent, given up once the worker has spent more than
    ``seconds`` of processor time on it (``TimeoutError`` says which limit).

    Processor time, not the clock: on a machine busy with other work (a backup, a neighbour's
    build) a large but honest order takes longer by the clock, and a clock limit would
    quarantine it on one day and read it on the next. A job charged with the worker's own CPU
    seconds is stopped at the same point of its work on an idle and on a busy machine. A worker
    that neither answers nor works (stopped, or waiting for something that never comes) is given
    up by the clock after ``WALL_FACTOR`` times the limit. Where a process's CPU time cannot be
    read (no ``/proc``) the limit is the clock's, as it says."""
    if seconds <= 0:
        return _read_frame(proc.stdout, None)
    started = cpu_seconds(proc.pid)
    if started is None:
        try:
            return _read_frame(proc.stdout, time.monotonic() + seconds)
        except TimeoutError:
            raise TimeoutError(f"took longer than the {seconds:g} s limit") from None
    wall = max(seconds * WALL_FACTOR, seconds + WALL_GRACE)
    give_up = time.monotonic() + wall
    fd = proc.stdout.fileno()
    while not select.select([fd], [], [], max(0.0, min(CPU_POLL, give_up - time.monotonic())))[0]:
        used = cpu_seconds(proc.pid)
        if used is not None and used - started > seconds:
            raise TimeoutError(f"took longer than the {seconds:g} s limit (processor time)")
        if time.monotonic() >= give_up:
            raise TimeoutError(f"took longer than {wall:g} s by the clock without finishing")
    try:
        return _read_frame(proc.stdout, give_up)
    except TimeoutError:
        raise TimeoutError(f"took longer than {wall:g} s by the clock without finishing") from None


def cpu_seconds(pid: int) -> float | None:
    """Processor time used by process ``pid`` and its reaped children (Linux ``/proc``; None
    elsewhere, or gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _read_frame(stream, deadline: float | None) -> bytes:
    head = _read_exactly(stream, _HEADER.size, deadline)
    return _read_exactly(stream, _HEADER.unpack(head)[0], deadline)


def _read_exactly(stream, size: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    fd = stream.fileno()
    while got < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def resident_mb(pid: int) -> float | None:
    """The resident set of process ``pid`` in MB (Linux ``/proc``; None elsewhere, or gone)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _death(code: int | None, memory_mb: int) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return f"killed by {name}; the {memory_mb} MB memory limit, or the system ran out of memory"
    return f"exit status {code}"
