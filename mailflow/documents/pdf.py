"""PDF output through LibreOffice headless.

``config.documents.pdf``: ``auto`` converts when LibreOffice is installed and otherwise lets the
.docx go alone (a warning is logged once per process); ``always`` makes a missing or failing
LibreOffice an error; ``never`` skips conversion.

One LibreOffice for many documents. Starting soffice costs about a second; converting a form in
a running one about a tenth of that. So documents go to a long-lived LibreOffice driven through
UNO (``Listener``): ``uno_converter.py``, a small program run by the Python that has LibreOffice's
UNO bridge (``documents.uno_python``, Debian's ``python3-uno``; mailflow's own virtualenv usually
cannot ``import uno``). It keeps one soffice listening on a private pipe, converts one document
after another, starts soffice again when it dies or hangs past ``documents.timeout_seconds``, and
ends with its owner (see its docstring). This process keeps at most ``documents.converters`` of
them (``_Listeners``), each closed after ``IDLE_SECONDS`` without work.

When no listener can start (no UNO bridge, ``uno_python: ""``), documents are converted the
older way: ``soffice --convert-to pdf`` over batches of documents, one start per batch. Two
soffice processes sharing one user profile fail (one exits 1 and writes nothing), so each soffice
borrows a ``-env:UserInstallation`` profile of its own from the process's pool (at most
``documents.converters`` of them, made when first needed, removed at exit). soffice may exit 0
without writing a file (a filter it lacks), so success means "the PDF exists and is not empty",
not the exit code.

Profiles are removed at exit; a mailflow killed outright (kill -9) leaves them, and the next
process that converts removes those whose process is gone (``remove_stale_profiles``).

``Converter`` runs conversions in the background: the pipeline hands it each document as soon
as it is rendered and collects the PDFs at the end of the cycle, so LibreOffice works while the
next messages are parsed instead of after them.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import queue
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Iterator, NoReturn

from ..errors import MailflowError
from . import combine

log = logging.getLogger("mailflow.documents")

_warned = False


class _Profiles:
    """The LibreOffice profiles of this process: each lent to one soffice at a time."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.free: queue.LifoQueue[Path] = queue.LifoQueue()
        self.made = 0
        self.guard = threading.Lock()

    @contextlib.contextmanager
    def lend(self, limit: int) -> Iterator[Path]:
        """A profile no running soffice uses: a free one, a new one while fewer than ``limit``
        exist, or else the next one given back."""
        try:
            profile = self.free.get_nowait()
        except queue.Empty:
            with self.guard:
                fresh = self.made < max(1, limit)
                self.made += fresh
            if fresh:
                _sweep_once()
                profile = Path(tempfile.mkdtemp(prefix=f"mailflow-lo-{self.pid}-"))
                atexit.register(shutil.rmtree, profile, True)
            else:
                profile = self.free.get()
        try:
            yield profile
        finally:
            self.free.put(profile)


_pool: _Profiles | None = None
_pool_guard = threading.Lock()


def _profiles() -> _Profiles:
    """The pool of this process (a forked child must not share its parent's profiles)."""
    global _pool
    with _pool_guard:
        if _pool is None or _pool.pid != os.getpid():
            _pool = _Profiles()
        return _pool


PROFILE_PREFIXES = ("mailflow-uno-", "mailflow-lo-", "mailflow-pdf-")  # + "<pid>-", in the temp folder
_OWNER = re.compile(r"mailflow-(?:uno|lo|pdf)-(\d+)-")
_swept = False


def remove_stale_profiles(folder: str | Path | None = None) -> list[Path]:
    """Remove the LibreOffice profiles and PDF scratch folders that a mailflow killed outright
    (kill -9, a power cut) left in the temp folder; the folders removed.

    Each such folder is named after the process that made it; it is removed only when that
    process is gone. A live process's (another mailflow running beside this one) is never
    touched, nor another user's, nor anything but a real folder."""
    folder = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    removed = []
    for prefix in PROFILE_PREFIXES:
        for path in folder.glob(f"{prefix}*"):
            owner = _OWNER.match(path.name)
            if owner is None or path.is_symlink() or not path.is_dir() or _alive(int(owner.group(1))):
                continue
            if path.stat().st_uid != os.getuid():
                continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (one of another user counts as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep_once() -> None:
    """``remove_stale_profiles`` the first time this process makes a profile."""
    global _swept
    if not _swept:
        _swept = True
        for path in remove_stale_profiles():
            log.info("removed %s, left by a mailflow process that is gone", path)


def scratch_folder() -> str:
    """A temporary folder for PDFs under way, named after this process (see ``remove_stale_profiles``)."""
    _sweep_once()
    return tempfile.mkdtemp(prefix=f"mailflow-pdf-{os.getpid()}-")


def find_soffice(command: str) -> str | None:
    return shutil.which(command) or shutil.which(
        command, path="/usr/bin:/usr/lib/libreoffice/program:/opt/libreoffice/program"
    )


# --------------------------------------------------------------------------- one LibreOffice, many documents

UNO_CONVERTER = Path(__file__).with_name("uno_converter.py")
START_SECONDS = 90.0  # the converter program and its LibreOffice answer "ready" by then
IDLE_SECONDS = 60.0  # a listener with no work for this long is closed (LibreOffice holds ~150 MB)
RETRY_SECONDS = 300.0  # after a listener failed to start, batches are used this long before trying again


class ListenerGone(Exception):
    """The converter program did not start, died, or stopped answering."""


class Listener:
    """One ``uno_converter.py`` child and the LibreOffice it keeps running: ``convert`` one
    document at a time. The child runs in a process group of its own, so ``kill`` ends it and
    its LibreOffice together."""

    def __init__(self, python: str, soffice: str, profile: Path, max_mb: float = 0) -> None:
        self.key = (python, soffice)
        self.profile = profile
        self.idle_since = time.monotonic()
        self.buffer = b""
        self.errors = tempfile.TemporaryFile()  # what the child writes to stderr: why it died
        try:
            self.process = subprocess.Popen(
                [python, "-I", str(UNO_CONVERTER), "--soffice", soffice, "--profile", str(profile),
                 "--max-mb", str(max_mb)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, start_new_session=True,
            )  # fmt: skip
        except OSError as exc:
            self.errors.close()
            raise ListenerGone(f"{python} could not run: {exc}") from exc
        hello = self._reply(START_SECONDS)
        if not hello.get("ready"):
            self._gone(hello.get("error") or f"unexpected answer {hello}")
        self.soffice_pid: int | None = hello.get("soffice")

    def convert(self, docx: Path, pdf: Path, timeout: float, destinations: bool = False) -> str | None:
        """Convert ``docx`` into ``pdf``; None when done, else why not (the document's own
        failure). ``destinations``: the bookmarks of ``docx`` become the PDF's named destinations
        (where ``combine.split`` finds each part's first page). ``ListenerGone`` when the child
        itself failed: it is killed then."""
        request = {"docx": str(Path(docx).resolve()), "pdf": str(Path(pdf).resolve()), "timeout": timeout}
        return self._request({**request, "destinations": destinations}).get("error")

    def _request(self, request: dict) -> dict:
        timeout = request["timeout"]
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except (OSError, ValueError) as exc:
            self._gone(f"the converter stopped ({exc})")
        # room for the conversion, a LibreOffice killed for time and one started again
        reply = self._reply(timeout + 2 * START_SECONDS)
        self.soffice_pid = reply.get("soffice", self.soffice_pid)
        return reply

    def _reply(self, seconds: float) -> dict:
        """The child's next line, within ``seconds``."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + seconds
        descriptor = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([descriptor], [], [], left)[0]:
                self._gone(f"the converter did not answer within {seconds:g} s")
            chunk = os.read(descriptor, 65536)
            if not chunk:
                self._gone("the converter ended")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError:
            self._gone(f"the converter said {line[:200]!r}")

    def _gone(self, why: str) -> NoReturn:
        """Kill the child; raise ``ListenerGone`` with ``why`` and the end of its stderr."""
        self.kill()
        self.errors.seek(0)
        said = self.errors.read()[-300:].decode(errors="replace").strip()
        raise ListenerGone(f"{why}: {said}" if said else why)

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """End of input: the child stops its LibreOffice and exits (killed if it does not)."""
        try:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()
        self.errors.close()

    def interrupt(self) -> None:
        """Kill the child and its LibreOffice from another thread than the one using it: that
        thread then reads the end of the child's output (``ListenerGone``) and cleans up itself;
        nothing it reads from is closed under it here."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)

    def kill(self) -> None:
        """The child and its LibreOffice, killed as one process group (only while the child is not
        yet reaped: until then its process-group id cannot belong to anyone else)."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()


class _Listeners:
    """The listeners of this process: at most ``documents.converters``, each lent to one
    converting thread at a time, each with a LibreOffice profile of its own that outlives it (a
    restart with a used profile is quicker)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.free: list[Listener] = []
        self.profiles: list[Path] = []  # free for the next listener
        self.made: list[Path] = []  # every profile made (removed at exit)
        self.running = 0
        self.reaper: threading.Timer | None = None
        self.failed: dict[tuple[str, str], float] = {}  # key → when its start last failed
        self.ready = threading.Condition()

    @contextlib.contextmanager
    def lend(self, settings: Any) -> Iterator[Listener | None]:
        """A running listener, or None when none can start (use batches). One that died or failed
        while lent is not given back."""
        listener = self._take(settings)
        try:
            yield listener
        finally:
            if listener is not None:
                self._give_back(listener)

    def _take(self, settings: Any) -> Listener | None:
        python = settings.uno_python
        soffice = find_soffice(settings.soffice)
        if not python or soffice is None:
            return None
        key = (python, soffice)
        with self.ready:
            while True:
                if time.monotonic() - self.failed.get(key, -RETRY_SECONDS) < RETRY_SECONDS:
                    return None
                for listener in self.free:
                    if listener.key == key and listener.alive():
                        self.free.remove(listener)
                        return listener
                if self.free:  # another configuration's, or dead: make room
                    self._retire(self.free.pop(0))
                    continue
                if self.running < max(1, settings.converters):
                    self.running += 1
                    profile = self.profiles.pop() if self.profiles else self._new_profile()
                    break
                self.ready.wait()
        try:
            return Listener(python, soffice, profile, settings.converter_memory_mb)
        except ListenerGone as exc:
            level = logging.INFO if key in self.failed else logging.WARNING  # said once a process
            log.log(level, "LibreOffice through UNO (%s) unavailable, converting in batches: %s", python, exc)
            with self.ready:
                self.failed[key] = time.monotonic()
                self.running -= 1
                self.profiles.append(profile)
                self.ready.notify_all()
            return None

    def _new_profile(self) -> Path:
        _sweep_once()
        profile = Path(tempfile.mkdtemp(prefix=f"mailflow-uno-{self.pid}-"))
        self.made.append(profile)
        return profile

    def at_exit(self) -> None:
        """Stop the listeners, then remove their profiles."""
        self.close_idle()
        if os.getpid() == self.pid:
            for profile in self.made:
                shutil.rmtree(profile, ignore_errors=True)

    def _give_back(self, listener: Listener) -> None:
        with self.ready:
            if listener.alive():
                listener.idle_since = time.monotonic()
                self.free.append(listener)
                self._reap_later()
            else:
                self._retire(listener)
            self.ready.notify_all()

    def _reap_later(self) -> None:
        """One timer at a time closes what has been idle for ``IDLE_SECONDS`` (caller holds the lock)."""
        if self.reaper is not None:
            self.reaper.cancel()
            self.reaper = None
        if self.free:
            due = min(listener.idle_since for listener in self.free) + IDLE_SECONDS
            self.reaper = threading.Timer(max(0.1, due - time.monotonic()), self._reap)
            self.reaper.daemon = True
            self.reaper.start()

    def _reap(self) -> None:
        with self.ready:
            self.reaper = None
        self.close_idle(IDLE_SECONDS)
        with self.ready:
            self._reap_later()

    def _retire(self, listener: Listener) -> None:
        """Close ``listener`` (caller holds the lock) and free its place and profile."""
        listener.close()
        self.running -= 1
        self.profiles.append(listener.profile)

    def close_idle(self, seconds: float = 0.0) -> None:
        """Close the free listeners idle for ``seconds`` or more (0: every free one)."""
        with self.ready:
            now = time.monotonic()
            for listener in [f for f in self.free if now - f.idle_since >= seconds]:
                self.free.remove(listener)
                self._retire(listener)
            self.ready.notify_all()


_listeners_pool: _Listeners | None = None


def _listeners() -> _Listeners:
    """The listeners of this process (a forked child starts its own)."""
    global _listeners_pool
    with _pool_guard:
        if _listeners_pool is None or _listeners_pool.pid != os.getpid():
            _listeners_pool = _Listeners()
            atexit.register(_listeners_pool.at_exit)
        return _listeners_pool


def close_listeners() -> None:
    """Stop every LibreOffice kept running that is not converting now."""
    _listeners().close_idle()


def warm_listener(settings: Any) -> None:
    """Start a LibreOffice to be kept running (``documents.uno_python``), unless one is free
    already or none can start: its start (a second or two) then overlaps what the caller does
    meanwhile, in another thread, instead of delaying the first document."""
    if not _converts(settings):
        return
    try:
        with _listeners().lend(settings):
            pass
    except Exception:  # the first document meets the same problem and reports it
        log.debug("LibreOffice not started ahead", exc_info=True)


# --------------------------------------------------------------------------- documents in, PDFs out

BATCH = 40  # documents per LibreOffice start without a listener: a hang costs at most this many retries


def to_pdf_many(docx_paths: list[Path], env: Any, outdir: str | Path) -> dict[Path, Path | None]:
    """Convert many .docx files (through a ``Converter``: a listener, or else one LibreOffice
    start per batch of at most ``BATCH``); ``{docx: pdf or None}``, the PDFs in ``outdir``.

    One bad document costs its own PDF, never the others'. Configuration and failures are handled
    as in ``to_pdf`` (under ``always`` the first failure raises, once all are done).
    """
    if not _converts(env.config.documents):
        return {path: to_pdf(path, env, outdir) for path in docx_paths}
    converter = Converter(env, outdir)
    futures = {path: converter.submit(path) for path in docx_paths}
    converter.close()
    return {path: future.result() for path, future in futures.items()}


def _converts(settings: Any) -> bool:
    """Whether documents go to LibreOffice at all (else ``to_pdf`` says why not, or raises)."""
    return settings.pdf != "never" and find_soffice(settings.soffice) is not None


def _outcome(docx_path: Path, target: Path, problem: str | None, settings: Any) -> Path | None:
    """``target`` when there is no ``problem``; else no PDF: an error under ``always``, a
    warning otherwise."""
    if problem is None:
        return target
    if settings.pdf == "always":
        raise MailflowError(f"{docx_path.name}: {problem}", hint="run `mailflow check`; see documents.soffice")
    log.warning("%s: %s; the .docx goes without a PDF", docx_path.name, problem)
    return None


def _convert_batch(batch: list[tuple[int, Path]], env: Any, outdir: Path) -> dict[Path, Path | None]:
    """One soffice start over ``batch`` ((number, docx) pairs); ``{docx: pdf or None}``.

    Each file is first copied under its number, so documents with the same name from two orders
    cannot overwrite each other; what the batch could not convert is retried alone."""
    settings = env.config.documents
    staging = outdir / "in"
    staging.mkdir(parents=True, exist_ok=True)
    copies = []
    for number, path in batch:
        copy = staging / f"{number:06d}.docx"
        shutil.copyfile(path, copy)
        copies.append(copy)
    log.debug("soffice: %d document(s) in one start", len(copies))
    _convert(
        find_soffice(settings.soffice) or settings.soffice,
        copies,
        outdir,
        settings.timeout_seconds + 2 * len(copies),
        max(1, settings.converters),
    )
    done: dict[Path, Path | None] = {}
    for (_, path), copy in zip(batch, copies):
        made = outdir / f"{copy.stem}.pdf"
        if made.exists() and made.stat().st_size > 0:
            done[path] = made
        else:  # the batch failed for this one: alone, with a fresh start (and its own errors)
            done[path] = to_pdf(copy, env, outdir=outdir / "retry")
    return done


Pending = tuple[int, Path, Future]  # (number, docx, future PDF)


class Converter:
    """LibreOffice working beside the caller: ``submit(docx)`` returns at once with a future of
    the PDF (a path in ``outdir``, or None as ``to_pdf`` gives), so documents are converted while
    the next messages are read and recorded, and nothing waits for a PDF but what attaches it.

    ``documents.converters`` threads each borrow a listener and convert what is waiting, one
    document after another, giving the listener back when nothing is left. A listener that dies
    under a document leaves that document to ``to_pdf`` (a fresh listener or soffice of its own).
    Documents waiting side by side that can be combined (``combine.py``: forms of one template)
    go to the listener up to ``COMBINE`` at a time as one document, whose PDF is cut into one
    per form: LibreOffice opens a document once for all of them. A combined conversion that
    fails in any way gives each of its documents a conversion of its own.

    Without a listener each thread runs one soffice over what has piled up (at most ``BATCH``
    documents; a first, small batch after ``LINGER`` seconds so LibreOffice starts early), then
    the next; a batch that dies or hangs is retried file by file with fresh starts.

    ``drain()`` stops lingering (nothing more is coming soon); ``close()`` converts what was
    submitted and ends the threads; ``stop()`` (a daemon stopping, the parse workers wanting the
    room) converts nothing more: the documents not yet at LibreOffice are given up (their futures
    cancelled) and only the one under way finishes — or, with ``stop(seconds)``, is given up too
    once that wait expires, its LibreOffice killed (a hung one would otherwise hold its memory
    until ``documents.timeout_seconds``). Without LibreOffice, or with ``pdf: never``, a submit
    is answered at once.
    """

    LINGER = 1.0
    FIRST = 8  # documents worth a start of their own while more are still coming
    COMBINE = 40  # documents at most in one combined conversion (about 1.5 s of LibreOffice's CPU)
    COMBINE_FIRST = 10  # in the first one, and the least while LibreOffice is slow (``_size``)
    BATCH_SECONDS = 2.0  # a combined conversion takes about this long at most (``_size``)
    GATHER = 1.0  # seconds LibreOffice waits for a whole batch to gather while more documents come
    KILLED_SECONDS = 5.0  # for a thread to end once its LibreOffice was killed (``stop``)

    def __init__(self, env: Any, outdir: str | Path) -> None:
        self.env = env
        self.outdir = Path(outdir)
        self.pending: deque[Pending] = deque()
        self.numbered = 0
        self.draining = False
        self.gathering = False  # ``expect``: more documents are coming soon
        self.closed = False
        self.stopped = False  # ``stop()``: nothing more is converted
        self.ready = threading.Condition()
        self.threads: list[threading.Thread] = []
        self.lent: dict[threading.Thread, Listener] = {}  # the listener each thread converts with now
        self.since: dict[threading.Thread, float] = {}  # when what each thread converts went to LibreOffice
        self.kinds: dict[int, str | None] = {}  # number → ``combine.signature`` of a waiting document
        self.alone: set[int] = set()  # waiting documents never to be combined again (a combination failed)
        self.per_document: float | None = None  # seconds a document of the last combined conversion took
        # Nobody waits for a conversion under way (no fresh mail can come: ``run --once``): after
        # the first, every combined conversion takes ``COMBINE`` forms, whatever its pace (``_size``).
        self.patient = False

    def submit(self, docx: Path) -> Future:
        """The future PDF of ``docx`` (the file must stay in place until it is done)."""
        future: Future = Future()
        kind = combine.signature(docx) if self.COMBINE > 1 and _converts(self.env.config.documents) else None
        if not _converts(self.env.config.documents):
            try:
                future.set_result(to_pdf(docx, self.env, self.outdir))
            except Exception as exc:  # documents.pdf "always": the caller reports it
                future.set_exception(exc)
            return future
        with self.ready:
            if self.closed:
                raise RuntimeError("the converter is closed")
            self.numbered += 1
            self.pending.append((self.numbered, Path(docx), future))
            self.kinds[self.numbered] = kind
            if len(self.threads) < max(1, self.env.config.documents.converters):
                thread = threading.Thread(target=self._work, name=f"soffice-{len(self.threads) + 1}", daemon=True)
                self.threads.append(thread)
                thread.start()
            self.ready.notify_all()
        return future

    def expect(self, more: bool) -> None:
        """Whether more documents are coming soon that could go with those waiting (``_gather``)."""
        with self.ready:
            self.gathering = more
            self.ready.notify_all()

    def drain(self) -> None:
        """Convert what is waiting now, without waiting for more to come."""
        with self.ready:
            self.draining = True
            self.ready.notify_all()

    def close(self) -> None:
        """Convert everything submitted, then end the threads."""
        with self.ready:
            self.closed = self.draining = True
            self.ready.notify_all()
        for thread in self.threads:
            thread.join()

    def stop(self, seconds: float | None = None) -> None:
        """Give up what is waiting (its futures cancelled: their orders stay on the document
        queue and are made at the next start), let the document under way finish, end the
        threads. ``seconds``: wait at most this long for the document under way; then the
        LibreOffice still converting is killed and that document given up as well (its thread
        ends at once), so a hang holds neither the caller nor LibreOffice's memory any longer."""
        with self.ready:
            self.closed = self.draining = self.stopped = True
            given_up, self.pending = list(self.pending), deque()
            self.kinds.clear()
            self.ready.notify_all()
        for _, _, future in given_up:
            future.cancel()
        deadline = None if seconds is None else time.monotonic() + seconds
        for thread in self.threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        if deadline is None:
            return
        with self.ready:
            late = [listener for thread, listener in self.lent.items() if thread.is_alive()]
        for listener in late:
            log.warning("LibreOffice still converting after %g s: killed, the document is made again later", seconds)
            listener.interrupt()
        for thread in self.threads:
            thread.join(self.KILLED_SECONDS)

    def _work(self) -> None:
        while self._wait():
            orphan = None
            with _listeners().lend(self.env.config.documents) as listener:
                if listener is not None:
                    with self.ready:
                        self.lent[threading.current_thread()] = listener
                    try:
                        orphan = self._through(listener)
                    finally:
                        with self.ready:
                            self.lent.pop(threading.current_thread(), None)
                else:
                    self._in_batches(self._take())
            if orphan is not None:  # its listener died under it (and is not lent any more)
                if self.stopped and orphan[2].cancel():
                    continue  # stopping: it waits on the document queue for the next start
                self._alone(*orphan)

    def _wait(self) -> bool:
        """Until there is something to convert (False: closed, and nothing left)."""
        with self.ready:
            while not self.pending and not self.closed:
                self.ready.wait()
            return bool(self.pending)

    def _through(self, listener: Listener) -> Pending | None:
        """Convert what is waiting with ``listener`` until nothing is; the document under which
        the listener died, if it did."""
        settings = self.env.config.documents
        while True:
            with self.ready:
                if not self.pending:
                    return None
                self._gather()
                batch = self._batch()
            if len(batch) > 1:
                try:
                    self._combined(listener, batch)
                except ListenerGone:
                    return None  # the batch waits again, each alone, for the next listener
                continue
            number, path, future = item = batch[0]
            target = self.outdir / f"{number:06d}.pdf"
            with self.ready:
                self.since[threading.current_thread()] = time.monotonic()
            try:
                problem = listener.convert(path, target, settings.timeout_seconds)
            except ListenerGone as exc:
                if not self.stopped:  # else killed by ``stop``: the document is given up
                    log.warning("%s: LibreOffice through UNO failed (%s): converting it on its own", path.name, exc)
                return item
            finally:
                with self.ready:
                    self.since.pop(threading.current_thread(), None)
            try:
                future.set_result(_outcome(path, target, problem, settings))
            except Exception as exc:  # documents.pdf "always": the caller reports it
                future.set_exception(exc)

    def _gather(self) -> None:
        """Wait a little (``GATHER`` seconds at most) for the documents that can go with the next
        one to make a whole batch (``COMBINE``) while the caller says more are coming (``expect``)
        and not that nothing more is (``drain``): the caller submits them one after another, and
        LibreOffice would otherwise take each alone as it comes, at twice the cost. Caller holds
        the lock."""
        deadline = time.monotonic() + self.GATHER
        while self.gathering and not self.draining and self.pending:
            kind = self.kinds.get(self.pending[0][0])
            if kind is None or self.pending[0][0] in self.alone:
                return
            if sum(1 for number, _, _ in self.pending if self.kinds.get(number) == kind) >= self._size():
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.ready.wait(left)

    def _batch(self) -> list[Pending]:
        """The next document, and the documents waiting after it that can be combined with it
        (``COMBINE`` at most, in their order; the others keep their places). Caller holds the lock."""
        first = self.pending.popleft()
        kind = self.kinds.pop(first[0], None)
        batch = [first]
        if kind is None or first[0] in self.alone:
            self.alone.discard(first[0])
            return batch
        kept: deque[Pending] = deque()
        size = self._size()
        while self.pending and len(batch) < size:
            item = self.pending.popleft()
            if self.kinds.get(item[0]) == kind and item[0] not in self.alone:
                self.kinds.pop(item[0], None)
                batch.append(item)
            else:
                kept.append(item)
        kept.extend(self.pending)
        self.pending = kept
        return batch

    def _combined(self, listener: Listener, batch: list[Pending]) -> None:
        """Convert ``batch`` as one document and cut its PDF into one per document. Whatever
        fails puts the batch back at the head of the queue, each document to go alone (given
        up instead when stopping). ``ListenerGone`` is raised after that."""
        settings = self.env.config.documents
        first = batch[0][0]
        combined, whole = self.outdir / f"{first:06d}-combined.docx", self.outdir / f"{first:06d}-combined.pdf"
        targets = [self.outdir / f"{number:06d}.pdf" for number, _, _ in batch]
        with self.ready:
            self.since[threading.current_thread()] = time.monotonic()
        try:
            self.outdir.mkdir(parents=True, exist_ok=True)
            marks = combine.combine([path for _, path, _ in batch], combined)
            began = time.monotonic()
            failed = listener.convert(combined, whole, settings.timeout_seconds, destinations=True)
            self.per_document = (time.monotonic() - began) / len(batch)
            if failed is not None:
                raise ValueError(failed)
            combine.split(whole, marks, targets)
        except Exception as exc:
            if isinstance(exc, ListenerGone):
                if not self.stopped:  # else killed by ``stop``: the documents are given up
                    names = ", ".join(path.name for _, path, _ in batch)
                    log.warning("%s: LibreOffice through UNO failed (%s): converting each on its own", names, exc)
            else:
                log.warning("%d documents converted as one failed (%s): each on its own", len(batch), exc)
            self._again(batch)
            if isinstance(exc, ListenerGone):
                raise
            return
        finally:
            with self.ready:
                self.since.pop(threading.current_thread(), None)
            combined.unlink(missing_ok=True)
            whole.unlink(missing_ok=True)
        log.debug("%d documents converted as one", len(batch))
        for (_, path, future), target in zip(batch, targets):
            try:
                future.set_result(_outcome(path, target, None, settings))
            except Exception as exc:  # pragma: no cover - no problem was passed
                future.set_exception(exc)

    def _again(self, batch: list[Pending]) -> None:
        """``batch`` back at the head of the queue, each to go alone; given up when stopping."""
        with self.ready:
            if self.stopped:
                given_up = batch
            else:
                given_up = []
                self.alone.update(number for number, _, _ in batch)
                self.pending.extendleft(reversed(batch))
            self.ready.notify_all()
        for _, _, future in given_up:
            future.cancel()

    def _size(self) -> int:
        """How many documents go as one now: as many as LibreOffice converts in ``BATCH_SECONDS``
        at the pace of the last combined conversion, ``COMBINE_FIRST`` to ``COMBINE``. More at a
        time cost LibreOffice a little less a form (the shipped order form, 20: 21.5 ms, 40: 20 ms,
        80: 19.5 ms of CPU), but fresh mail that waits for a batch under way gives up on it after
        ``DocumentStage.WAY_SECONDS``: on a
        busy machine a big batch would be killed as hung, and converted again later. Where no mail
        can come (``patient``), a busy machine is no reason to pay more a form."""
        if self.per_document is None or self.per_document <= 0:
            return min(self.COMBINE, self.COMBINE_FIRST)
        if self.patient:
            return self.COMBINE
        return min(self.COMBINE, max(self.COMBINE_FIRST, int(self.BATCH_SECONDS / self.per_document)))

    def under_way(self) -> float:
        """How long LibreOffice has had what it converts now, in seconds (0: nothing): a
        document, or the ``COMBINE`` documents converted as one, takes a second or so, one that
        hangs keeps growing. The time is not shared among documents converted as one: a batch
        that hangs must look stalled as soon as a single document would, or fresh mail would wait
        ``COMBINE`` times longer behind it. A LibreOffice that is starting has nothing yet (its
        start has a limit of its own, ``START_SECONDS``)."""
        with self.ready:
            return time.monotonic() - min(self.since.values()) if self.since else 0.0

    def _take(self) -> list[Pending]:
        """The next batch, once there is one worth a start (empty: closed and nothing left)."""
        with self.ready:
            while not self.pending and not self.closed:
                self.ready.wait()
            deadline = time.monotonic() + self.LINGER
            while len(self.pending) < self.FIRST and not self.draining:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.ready.wait(left)
            batch = [self.pending.popleft() for _ in range(min(BATCH, len(self.pending)))]
            for number, _, _ in batch:
                self.kinds.pop(number, None)
            return batch

    def _in_batches(self, batch: list[Pending]) -> None:
        """One soffice start over ``batch``, without a listener."""
        if not batch:
            return
        try:
            done = _convert_batch([(number, path) for number, path, _ in batch], self.env, self.outdir)
        except Exception:  # "always" and a document LibreOffice cannot convert: each on its own
            for number, path, future in batch:
                self._alone(number, path, future)
            return
        for _, path, future in batch:
            future.set_result(done[path])

    def _alone(self, number: int, path: Path, future: Future) -> None:
        try:
            future.set_result(to_pdf(path, self.env, self.outdir / "alone" / str(number)))
        except Exception as exc:
            future.set_exception(exc)


def _convert(binary: str, files: list[Path], outdir: Path, timeout: float, converters: int = 1) -> None:
    """One soffice run over ``files``; what it could not convert is simply missing afterwards."""
    with _profiles().lend(converters) as profile:
        try:
            subprocess.run(
                [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)],
                capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            log.warning(
                "soffice took longer than %g s for %d documents: converting them one by one", timeout, len(files)
            )
        except OSError as exc:
            log.warning("soffice could not run: %s", exc)


def to_pdf(docx_path: str | Path, env: Any, outdir: str | Path | None = None) -> Path | None:
    """Convert ``docx_path`` to PDF in ``outdir`` (default: beside it); the PDF's path, or None.

    Through a listener when one runs or can start, else with a soffice start of its own. None
    means no PDF by configuration (``never``) or, under ``auto``, LibreOffice is missing or
    failed (logged). Under ``always`` those raise ``MailflowError``.
    """
    global _warned
    settings = env.config.documents
    if settings.pdf == "never":
        return None
    docx_path = Path(docx_path)
    outdir = Path(outdir) if outdir else docx_path.parent
    binary = find_soffice(settings.soffice)
    if binary is None:
        if settings.pdf == "always":
            raise MailflowError(
                f"documents.pdf is 'always' but LibreOffice ({settings.soffice}) is not installed",
                hint="install libreoffice-writer-nogui, or set documents.pdf: auto",
            )
        if not _warned:
            log.warning("LibreOffice (%s) not found: documents are sent as .docx only", settings.soffice)
            _warned = True
        return None
    target = outdir / f"{docx_path.stem}.pdf"
    outdir.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with _listeners().lend(settings) as listener:
        if listener is not None:
            try:
                problem = listener.convert(docx_path, target, settings.timeout_seconds)
            except ListenerGone as exc:
                log.warning("%s: LibreOffice through UNO failed (%s): with a soffice of its own", docx_path.name, exc)
            else:
                return _outcome(docx_path, target, problem, settings)
    return _outcome(docx_path, target, _convert_alone(binary, docx_path, target, settings), settings)


def _convert_alone(binary: str, docx_path: Path, target: Path, settings: Any) -> str | None:
    """One soffice start for one document into ``target``'s folder; None, or why it failed."""
    with _profiles().lend(settings.converters) as profile:
        try:
            result = subprocess.run(
                [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(target.parent), str(docx_path)],
                capture_output=True, timeout=settings.timeout_seconds, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return f"soffice took longer than {settings.timeout_seconds:g} s"
        except OSError as exc:
            return f"soffice could not run: {exc}"
    if not target.exists() or target.stat().st_size == 0:
        output = (result.stdout + result.stderr).decode(errors="replace").strip()
        return f"soffice wrote no PDF (exit {result.returncode}): {output[-300:]}"
    return None
