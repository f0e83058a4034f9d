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
from concurrent.futures import ThreadPoolExecutor
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

    Each file is first copied under a numbered name, so documents with the same name from two
    orders cannot overwrite each other. A batch whose soffice dies, hangs past its time limit or
    leaves some files unconverted is retried file by file, each with a fresh start — so one bad
    document costs its own PDF, never the others'. Configuration and failures are handled as
    in ``to_pdf``.
    """
    settings = env.config.documents
    if len(docx_paths) < 2 or settings.pdf == "never" or find_soffice(settings.soffice) is None:
        return {path: to_pdf(path, env, outdir) for path in docx_paths}
    outdir = Path(outdir)
    staging = outdir / "in"
    staging.mkdir(parents=True, exist_ok=True)
    names = {}
    for number, path in enumerate(docx_paths):
        copy = staging / f"{number:05d}.docx"
        shutil.copyfile(path, copy)
        names[path] = copy
    workers = max(1, settings.converters)
    size = min(BATCH, -(-len(docx_paths) // workers))  # every converter gets a share of a short list
    batches = [docx_paths[start : start + size] for start in range(0, len(docx_paths), size)]

    def convert(batch: list[Path]) -> dict[Path, Path | None]:
        _convert(
            find_soffice(settings.soffice),
            [names[p] for p in batch],
            outdir,
            settings.timeout_seconds + 2 * len(batch),
            workers,
        )
        done: dict[Path, Path | None] = {}
        for path in batch:
            made = outdir / f"{names[path].stem}.pdf"
            if made.exists() and made.stat().st_size > 0:
                done[path] = made
            else:  # the batch failed for this one: alone, with a fresh start (and its own errors)
                done[path] = to_pdf(names[path], env, outdir=outdir / "retry")
        return done

    results: dict[Path, Path | None] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="soffice") as pool:
        for done in pool.map(convert, batches):
            results.update(done)
    return {path: results[path] for path in docx_paths}


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
