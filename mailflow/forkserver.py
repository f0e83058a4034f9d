"""A process that has loaded the readers once and forks parse workers from itself on request.

Starting a parse worker from scratch costs about 1.5 s of processor time: the interpreter, the
readers' imports (pdfminer, openpyxl, python-docx), the vocabulary's patterns and the regular
expressions the readers compile the first time they meet a PDF, a workbook or a mail body. A
backlog starts two workers, and the daemon starts a fresh one each time one grew too large (see
``parseworker.RECYCLE_MB``). The fork server pays that once: it is started like a worker, loads
and warms up (``preload``), and then forks a copy of itself for each worker asked for, which is
ready within milliseconds and shares the loaded pages with its siblings until it writes to them.
It lives as long as its workers: ``parseworker.close_pool`` stops it with them once a cycle's
messages are read (``stop_if_unused``), so it never holds the readers beside LibreOffice.

    server = parse_workers()            # this process's server (None where it cannot be)
    server.start()                      # as early as may be: it loads while the caller does
    proc = server.fork(512, wait=120)   # a ForkedProcess: pid, stdin, stdout, poll, wait, kill

The workers are the server's children, not the caller's. What a caller does with a child it
started, it does here through what the server sends back with each one (over a Unix socket,
``SCM_RIGHTS``): a pipe the server writes the worker's exit status to once it has reaped it, and
a pidfd (Linux 5.3+) through which the worker is killed — never a PID that may by then belong to
another process. The chain of deaths holds as for a worker started directly: the server dies with
the thread that started it (``PR_SET_PDEATHSIG``) and ends when its socket closes, and each
worker dies with the server. Where any of this does not exist (no ``fork``, no
``socket.send_fds``) ``available()`` says so and workers are started the slow way.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import traceback
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

try:
    import resource  # POSIX: each worker's address-space limit
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

_REQUEST = struct.Struct("!q")  # the worker's address-space limit in bytes, 0: none
_PID = struct.Struct("!q")
_STATUS = struct.Struct("!i")  # an exit status as subprocess gives it: negative for a signal
READY = b"ready"
REPLY_SECONDS = 30  # a fork takes milliseconds; a server this late is taken for dead


class ForkServerError(Exception):
    """The server did not start, or did not answer: the caller starts its worker another way."""


def available() -> bool:
    """Whether workers can be forked from a server here (POSIX with descriptor passing)."""
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


class ForkedProcess:
    """A worker forked by the server, used as a ``subprocess.Popen`` is: ``pid``, ``stdin``,
    ``stdout``, ``poll()``, ``wait(timeout)``, ``kill()`` and ``returncode``."""

    def __init__(self, pid: int, stdin: Any, stdout: Any, status_fd: int, pidfd: int | None) -> None:
        self.pid, self.stdin, self.stdout = pid, stdin, stdout
        self.returncode: int | None = None
        self._status_fd, self._pidfd = status_fd, pidfd

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self._status_fd], [], [], 0)[0]:
            self._collect()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            if not select.select([self._status_fd], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"parse worker {self.pid}", timeout or 0)
            self._collect()
        return self.returncode  # type: ignore[return-value]

    def kill(self) -> None:
        if self.poll() is not None:
            return
        try:
            if self._pidfd is not None:
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)  # this process, whatever its PID
            else:
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def _collect(self) -> None:
        data = os.read(self._status_fd, _STATUS.size)
        # No status but the end of the pipe: the server itself ended, and took its workers with
        # it (each one's parent-death signal is SIGKILL).
        self.returncode = _STATUS.unpack(data)[0] if len(data) == _STATUS.size else -signal.SIGKILL
        os.close(self._status_fd)
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None


class ForkServer:
    """The parent's side: starts the server process on first use (and again if it died), and
    asks it for workers. Thread-safe."""

    def __init__(self, code: str) -> None:
        self.code = code  # what ``python -c`` runs in the server: it calls ``serve_forks``
        self.failed = False  # it did not start or answer once: not asked again in this process
        self._proc: subprocess.Popen | None = None
        self._sock: socket.socket | None = None
        self._ready = False
        self._lock = threading.Lock()
        self._children: weakref.WeakSet[ForkedProcess] = weakref.WeakSet()  # the workers it forked

    def start(self) -> None:
        """Start the server unless it runs; it loads meanwhile (``fork`` waits for it). One that
        cannot be started is not asked again (``failed``)."""
        with self._lock:
            try:
                self._started()
            except (OSError, subprocess.SubprocessError):
                self._stop()
                self.failed = True

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def fork(self, memory_mb: int, wait: float) -> ForkedProcess:
        """A new worker whose address space is capped at ``memory_mb`` (0: not capped), waiting
        at most ``wait`` seconds for the server to be ready. Raises ``ForkServerError``."""
        with self._lock:
            try:
                sock = self._started()
                if not self._ready:
                    sock.settimeout(wait)
                    if sock.recv(16) != READY:
                        raise EOFError("it ended while loading")
                    self._ready = True
                sock.settimeout(REPLY_SECONDS)
                return self._ask(sock, memory_mb)
            except (OSError, subprocess.SubprocessError, EOFError, ValueError, struct.error) as exc:
                self._stop()
                self.failed = True
                raise ForkServerError(
                    f"the fork server did not start or answer ({type(exc).__name__}: {exc})"
                ) from None

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def stop_if_unused(self) -> None:
        """Stop the server unless a worker it forked still runs (another pool's, say): its
        memory goes back when its workers' does."""
        with self._lock:
            if not any(child.poll() is None for child in list(self._children)):
                self._stop()

    def _ask(self, sock: socket.socket, memory_mb: int) -> ForkedProcess:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            try:
                limit = memory_mb * 1024 * 1024 if memory_mb > 0 else 0
                socket.send_fds(sock, [_REQUEST.pack(limit)], [to_child_r, from_child_w])
            finally:
                os.close(to_child_r)  # the worker's ends: the server holds its own copies once sent
                os.close(from_child_w)
            data, fds, _flags, _addr = socket.recv_fds(sock, 64, 2)
            if len(data) != _PID.size or not fds:
                for fd in fds:
                    os.close(fd)
                raise ValueError("the fork server's answer is not a worker")
        except BaseException:
            os.close(to_child_w)
            os.close(from_child_r)
            raise
        (pid,) = _PID.unpack(data)
        child = ForkedProcess(
            pid, os.fdopen(to_child_w, "wb"), os.fdopen(from_child_r, "rb"), fds[0], fds[1] if len(fds) > 1 else None
        )
        self._children.add(child)
        return child

    def _started(self) -> socket.socket:
        if self._sock is not None and self.running():
            return self._sock
        self._stop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)

        def make() -> subprocess.Popen:
            return subprocess.Popen(
                [sys.executable, "-c", self.code], stdin=theirs.fileno(), stdout=None, stderr=None,
                preexec_fn=die_with_parent if os.name == "posix" else None, close_fds=True,
            )  # fmt: skip

        try:
            self._proc = in_lasting_thread(make)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._sock, self._ready = ours, False
        return ours

    def _stop(self) -> None:
        sock, proc, ready = self._sock, self._proc, self._ready
        self._sock, self._proc, self._ready = None, None, False
        if sock is not None:
            sock.close()  # a ready server reads the end of its socket and ends; its workers with it
        if proc is not None:
            if not ready:
                proc.kill()  # still loading (it reads its socket only then), and holds nothing
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


PARSE_WORKERS = "from mailflow.parseworker import zygote; zygote()"
_PARSE_SERVER: ForkServer | None = None
_STARTER: ThreadPoolExecutor | None = None
_LOCK = threading.Lock()


def parse_workers() -> ForkServer | None:
    """This process's fork server for parse workers (``parseworker.zygote``), not started yet;
    None where there can be none, or once it failed (workers are then started one by one)."""
    global _PARSE_SERVER
    with _LOCK:
        if _PARSE_SERVER is None and available():
            _PARSE_SERVER = ForkServer(PARSE_WORKERS)
            atexit.register(_PARSE_SERVER.stop)
        return None if _PARSE_SERVER is None or _PARSE_SERVER.failed else _PARSE_SERVER


def stop_parse_workers() -> None:
    """Stop this process's parse-worker server once none of its workers runs (none made: nothing
    to stop, and none is made)."""
    with _LOCK:
        server = _PARSE_SERVER
    if server is not None:
        server.stop_if_unused()


def in_lasting_thread(start: Callable[[], Any]) -> Any:
    """``start()`` run in the one thread that starts child processes, alive as long as this
    process, and its result. Linux sends the parent-death signal (``die_with_parent``) when the
    *thread* that started a child ends, not its process: a worker started by a reading thread
    that then ends (a cycle's read-ahead threads do) would be killed with it, under the next
    message."""
    global _STARTER
    with _LOCK:
        if _STARTER is None:
            _STARTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="child-starter")
    return _STARTER.submit(start).result()


# --------------------------------------------------------------------------- the server


def serve_forks(preload: Callable[[], None], work: Callable[[Any, Any], None]) -> None:
    """The server's loop (its control socket on stdin): ``preload()`` once, then for each request
    fork a worker that runs ``work(stdin, stdout)`` on the pipes the request brought, and report
    each worker's exit status once it is reaped. Ends when the socket closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the daemon's signals: it closes our socket
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sock = socket.socket(fileno=0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(2, 1)  # what a library prints goes to stderr
    gc.disable()  # nothing collected while loading: what is loaded stays, and is frozen below
    preload()
    gc.freeze()  # the collector never writes to what the workers share: copied only when used
    woken_r, woken_w = os.pipe()
    os.set_blocking(woken_r, False)
    os.set_blocking(woken_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(woken_w)  # a worker's end wakes the loop below: it is reaped at once
    statuses: dict[int, int] = {}  # worker PID -> the pipe its exit status goes to
    sock.send(READY)
    watched: list[Any] = [sock, woken_r]
    while True:
        readable = select.select(watched, [], [])[0]
        if woken_r in readable:
            while _drained(woken_r):
                pass
            _reap(statuses)
        if sock not in readable:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(sock, 64, 2)
        except OSError:
            return
        if not data:
            return  # the parent closed its end, or died
        if len(data) != _REQUEST.size or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            continue
        (limit,) = _REQUEST.unpack(data)
        status_r, status_w = os.pipe()
        server = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into this loop
            code = 1
            try:
                signal.set_wakeup_fd(-1)
                gc.enable()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                for fd in (woken_r, woken_w, status_r, status_w, *statuses.values()):
                    os.close(fd)
                sock.close()
                os.dup2(devnull, 0)
                die_with_parent()
                if os.getppid() != server:
                    return  # the server died before the line above: so do we (os._exit below)
                if limit and resource is not None:
                    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
                work(os.fdopen(fds[0], "rb"), os.fdopen(fds[1], "wb"))
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        for fd in fds:
            os.close(fd)
        sent = [status_r]
        if hasattr(os, "pidfd_open"):
            try:
                sent.append(os.pidfd_open(pid))  # not reaped before the loop comes round: valid
            except OSError:
                pass
        statuses[pid] = status_w
        try:
            socket.send_fds(sock, [_PID.pack(pid)], sent)
        except OSError:
            return
        finally:
            for fd in sent:
                os.close(fd)


def _drained(fd: int) -> bool:
    try:
        return bool(os.read(fd, 512))
    except BlockingIOError:
        return False


def _reap(statuses: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        fd = statuses.pop(pid, None)
        if fd is not None:
            try:
                os.write(fd, _STATUS.pack(os.waitstatus_to_exitcode(status)))
            except OSError:
                pass  # the parent has stopped listening
            os.close(fd)


def die_with_parent() -> None:
    """Linux: this process gets SIGKILL when its parent (the thread that started it) dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
