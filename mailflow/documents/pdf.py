"""PDF output through LibreOffice headless (``soffice --convert-to pdf``).

``config.documents.pdf``: ``auto`` converts when LibreOffice is installed and otherwise lets the
.docx go alone (a warning is logged once per process); ``always`` makes a missing or failing
LibreOffice an error; ``never`` skips conversion.

Two soffice processes sharing one user profile fail (one exits 1 and writes nothing), so each
soffice a mailflow process starts borrows a ``-env:UserInstallation`` profile of its own from the
process's pool (at most ``documents.converters`` of them, made when first needed, removed at
exit) and gives it back when it ends. Many documents are converted by that many soffice processes
side by side, each over its own batch. soffice may exit 0 without writing a file (a filter it
lacks), so success means "the PDF exists and is not empty", not the exit code.

``Converter`` runs those batches in the background: the pipeline hands it each document as soon
as it is rendered and collects the PDFs at the end of the cycle, so LibreOffice works while the
next messages are parsed instead of after them.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

from ..errors import MailflowError

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


def find_soffice(command: str) -> str | None:
    return shutil.which(command) or shutil.which(
        command, path="/usr/bin:/usr/lib/libreoffice/program:/opt/libreoffice/program"
    )


BATCH = 40  # documents per LibreOffice start: a hang or crash costs at most this many retries


def to_pdf_many(docx_paths: list[Path], env: Any, outdir: str | Path) -> dict[Path, Path | None]:
    """Convert many .docx files with one LibreOffice start per batch of at most ``BATCH`` (≈0.1 s
    a document instead of ≈1 s with a start each), ``documents.converters`` batches at a time;
    ``{docx: pdf or None}``, the PDFs in ``outdir``.

    A batch whose soffice dies, hangs past its time limit or leaves some files unconverted is
    retried file by file, each with a fresh start — so one bad document costs its own PDF, never
    the others'. Configuration and failures are handled as in ``to_pdf``.
    """
    settings = env.config.documents
    if len(docx_paths) < 2 or not _converts(settings):
        return {path: to_pdf(path, env, outdir) for path in docx_paths}
    outdir = Path(outdir)
    workers = max(1, settings.converters)
    size = min(BATCH, -(-len(docx_paths) // workers))  # every converter gets a share of a short list
    batches = [list(enumerate(docx_paths))[start : start + size] for start in range(0, len(docx_paths), size)]
    results: dict[Path, Path | None] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="soffice") as pool:
        for done in pool.map(lambda batch: _convert_batch(batch, env, outdir), batches):
            results.update(done)
    return {path: results[path] for path in docx_paths}


def _converts(settings: Any) -> bool:
    """Whether documents go to LibreOffice at all (else ``to_pdf`` says why not, or raises)."""
    return settings.pdf != "never" and find_soffice(settings.soffice) is not None


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


class Converter:
    """LibreOffice working beside the caller: ``submit(docx)`` returns at once with a future of
    the PDF (a path in ``outdir``, or None as ``to_pdf`` gives), so documents are converted while
    the next messages are read and recorded, and nothing waits for a PDF but what attaches it.

    ``documents.converters`` threads each run one soffice over what has piled up (at most
    ``BATCH`` documents; a first, small batch after ``LINGER`` seconds so LibreOffice starts
    early), then the next. A batch that dies or hangs is retried file by file with fresh starts
    (``_convert_batch``), so a crashed or stuck LibreOffice is simply started again. ``drain()``
    stops lingering (nothing more is coming soon); ``close()`` converts what was submitted and
    ends the threads. Without LibreOffice, or with ``pdf: never``, a submit is answered at once.
    """

    LINGER = 1.0
    FIRST = 8  # documents worth a start of their own while more are still coming

    def __init__(self, env: Any, outdir: str | Path) -> None:
        self.env = env
        self.outdir = Path(outdir)
        self.pending: deque[tuple[int, Path, Future]] = deque()
        self.numbered = 0
        self.draining = False
        self.closed = False
        self.ready = threading.Condition()
        self.threads: list[threading.Thread] = []

    def submit(self, docx: Path) -> Future:
        """The future PDF of ``docx`` (the file must stay in place until it is done)."""
        future: Future = Future()
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
            if len(self.threads) < max(1, self.env.config.documents.converters):
                thread = threading.Thread(target=self._work, name=f"soffice-{len(self.threads) + 1}", daemon=True)
                self.threads.append(thread)
                thread.start()
            self.ready.notify()
        return future

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

    def _take(self) -> list[tuple[int, Path, Future]]:
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
            return [self.pending.popleft() for _ in range(min(BATCH, len(self.pending)))]

    def _work(self) -> None:
        while True:
            batch = self._take()
            if not batch:
                return
            try:
                done = _convert_batch([(number, path) for number, path, _ in batch], self.env, self.outdir)
            except Exception:  # "always" and a document LibreOffice cannot convert: each on its own
                for number, path, future in batch:
                    self._alone(number, path, future)
                continue
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

    None means no PDF by configuration (``never``) or, under ``auto``, LibreOffice is missing
    or failed (logged). Under ``always`` those raise ``MailflowError``.
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
    problem = ""
    with _profiles().lend(settings.converters) as profile:
        try:
            result = subprocess.run(
                [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
                capture_output=True, timeout=settings.timeout_seconds, stdin=subprocess.DEVNULL,
            )  # fmt: skip
            if not target.exists() or target.stat().st_size == 0:
                output = (result.stdout + result.stderr).decode(errors="replace").strip()
                problem = f"soffice wrote no PDF (exit {result.returncode}): {output[-300:]}"
        except subprocess.TimeoutExpired:
            problem = f"soffice took longer than {settings.timeout_seconds:g} s"
        except OSError as exc:
            problem = f"soffice could not run: {exc}"
    if problem:
        if settings.pdf == "always":
            raise MailflowError(f"{docx_path.name}: {problem}", hint="run `mailflow check`; see documents.soffice")
        log.warning("%s: %s; the .docx goes without a PDF", docx_path.name, problem)
        return None
    return target
