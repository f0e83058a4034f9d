"""One LibreOffice for many documents: a converter program driven through UNO.

Run by the system Python, the one Debian's ``python3-uno`` serves (mailflow's own interpreter,
in a virtualenv, usually cannot ``import uno``)::

    /usr/bin/python3 -I uno_converter.py --soffice /usr/bin/soffice --profile /tmp/profile-dir [--max-mb 200]

It starts one headless LibreOffice listening on a private named pipe (a socket file of this user;
no TCP port), then answers on stdin/stdout, one JSON object a line:

    ← {"ready": true, "soffice": 4711, "seconds": 1.9}      (or {"error": "..."}, then it exits)
    → {"docx": "/abs/in.docx", "pdf": "/abs/out.pdf", "timeout": 120}
    ← {"pdf": "/abs/out.pdf", "seconds": 0.08, "soffice": 4711}   or   {"error": "...", "soffice": ...}

A request may ask for the document's bookmarks as the PDF's named destinations
(``"destinations": true``: many forms combined into one document, ``documents/combine.py``), so
that the owner can find where each form begins and cut the PDF into one per form. LibreOffice
writes them while it exports; asking it for each bookmark's page through the view cursor cost
another eighth of the conversion.

Each document is loaded hidden and read-only (no lock file beside it, no macros, no links
updated), stored with ``writer_pdf_Export`` under a temporary name that is renamed once complete,
and closed. A LibreOffice that died is started again before the next document; one that died
during a document is started again and the document tried once more; one that takes longer than
the request's ``timeout`` is killed and started again, and that document is reported as failed.

LibreOffice grows with every document it converts (about 140 MB after the first, 240 MB after a
hundred or so, measured on mailflow's order forms) and gives nothing back. With ``--max-mb`` it
is started afresh, between two documents and after the answer went out, once its resident set
passes that bound: about two seconds every hundred documents buys a bound on the largest process.

It never outlives its owner: it stops at end of input (the owner closed the pipe, or died), and
a watchdog thread ends LibreOffice and this program as soon as the owner is gone (this program is
re-parented), even in the middle of a document. LibreOffice is started with a parent-death signal
(``setpriv --pdeathsig``), so it goes with this program even when this program is killed.

Only the standard library and ``uno``: this file runs outside mailflow's virtualenv and imports
nothing from mailflow.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue

START_SECONDS = 60.0  # a LibreOffice that does not answer on its pipe by then is killed
RESTART_EXIT = 81  # soffice.bin asks to be started again (after it set up a new profile)
WATCH_SECONDS = 0.25  # how often the watchdog looks at the owner and the clock
DYING_SECONDS = 2.0  # for a LibreOffice whose bridge went away under a document to be seen ended


def props(**values: Any) -> tuple:
    """UNO's property list from keyword arguments."""
    return tuple(PropertyValue(name, 0, value, 0) for name, value in values.items())


class Failed(Exception):
    """A document that could not be converted (the message says why). ``disposed``: the UNO
    bridge went away under it (LibreOffice died, or is dying)."""

    def __init__(self, message: str, disposed: bool = False) -> None:
        super().__init__(message)
        self.disposed = disposed


class Office:
    """One soffice.bin process and the UNO desktop it serves over a private pipe."""

    def __init__(self, soffice: str, profile: Path, max_mb: float = 0) -> None:
        self.binary = soffice_bin(soffice)
        self.profile = profile
        self.max_mb = max_mb  # started afresh between documents past this resident set (0: never)
        self.pipe = f"mailflow-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self.owner = os.getppid()
        self.process: subprocess.Popen | None = None
        self.desktop: Any = None
        self.deadline: float | None = None  # of the conversion under way
        self.killed_for_time = False
        threading.Thread(target=self.watch, name="watchdog", daemon=True).start()

    # ----------------------------------------------------------------- life

    def start(self) -> float:
        """Start LibreOffice and connect to it; the seconds it took."""
        started = time.monotonic()
        for _ in range(3):  # a fresh profile makes soffice.bin exit once with RESTART_EXIT
            self.process = subprocess.Popen(
                self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            if self.connect(started + START_SECONDS):
                return time.monotonic() - started
            code = self.process.poll()
            self.stop()
            if code != RESTART_EXIT:
                break
        raise Failed(f"LibreOffice did not start ({self.binary}, exit {code})")

    def command(self) -> list[str]:
        """soffice.bin itself (not the launcher, which would stay between us and it), with a
        parent-death signal when ``setpriv`` can set one."""
        office = [
            self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible",
            "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--nocrashreport",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]  # fmt: skip
        setpriv = shutil.which("setpriv")
        return [setpriv, "--pdeathsig", "KILL", "--", *office] if setpriv else office

    def connect(self, deadline: float) -> bool:
        """Wait until LibreOffice answers on its pipe (False: it exited, or not by ``deadline``)."""
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        while time.monotonic() < deadline and self.alive() and self.owned():
            try:
                context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
            except Exception:  # NoConnectException until it listens
                time.sleep(0.1)
                continue
            self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            return True
        return False

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ended(self, seconds: float) -> bool:
        """Whether LibreOffice has ended, waiting up to ``seconds`` for it: a LibreOffice killed
        under a document closes its pipe (the bridge is disposed) a moment before its exit can
        be seen, and such a document is to be tried again, not failed."""
        if self.process is None:
            return True
        try:
            self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return False
        return True

    def owned(self) -> bool:
        """Whether the program that started this one still runs (else this one is re-parented)."""
        return os.getppid() == self.owner

    def watch(self) -> None:
        """The watchdog thread: a conversion past its time limit ends by killing LibreOffice; an
        owner gone (killed, even by kill -9) ends LibreOffice and this program at once, even in
        the middle of a document."""
        while True:
            time.sleep(WATCH_SECONDS)
            process = self.process
            if not self.owned():
                if process is not None and process.poll() is None:
                    process.kill()
                os._exit(0)
            if self.deadline is not None and time.monotonic() > self.deadline:
                self.deadline = None
                self.killed_for_time = True
                if process is not None and process.poll() is None:
                    process.kill()

    def stop(self) -> None:
        """Kill LibreOffice (it holds nothing worth a clean exit: every PDF is renamed when done)."""
        self.desktop = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def resident_mb(self) -> float | None:
        """LibreOffice's resident set in MB (Linux ``/proc``; None elsewhere, or not running)."""
        process = self.process
        if process is None or process.poll() is not None:
            return None
        try:
            with open(f"/proc/{process.pid}/statm") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576
        except (OSError, ValueError, IndexError):
            return None

    def trim(self) -> None:
        """Start LibreOffice afresh if it holds more than ``max_mb`` (between two documents: a
        restart frees what it accumulated; a failed start is retried by the next document)."""
        held = self.resident_mb() if self.max_mb > 0 else None
        if held is not None and held > self.max_mb:
            try:
                self.restart()
            except Failed:
                pass

    # ----------------------------------------------------------------- work

    def convert(self, docx: str, pdf: str, timeout: float, destinations: bool = False) -> None:
        """``docx`` to ``pdf``; raises ``Failed``. A LibreOffice that dies under the document
        (not killed for time) is started again and the document tried once more.
        ``destinations``: the bookmarks become the PDF's named destinations."""
        if not self.alive():
            self.restart()
        try:
            self.convert_once(docx, pdf, timeout, destinations)
        except Failed as failed:
            if self.killed_for_time or not self.ended(DYING_SECONDS if failed.disposed else 0.0):
                raise
            self.restart()
            self.convert_once(docx, pdf, timeout, destinations)

    def convert_once(self, docx: str, pdf: str, timeout: float, destinations: bool = False) -> None:
        part = f"{pdf}.part"
        self.killed_for_time = False
        self.deadline = time.monotonic() + timeout
        try:
            document = self.desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(os.path.abspath(docx)), "_blank", 0,
                props(Hidden=True, ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0),
            )  # fmt: skip
            if document is None:
                raise Failed("LibreOffice could not open it")
            settings = props(ExportBookmarksToPDFDestination=destinations)
            export = props(
                FilterName="writer_pdf_Export", FilterData=uno.Any("[]com.sun.star.beans.PropertyValue", settings)
            )
            try:
                document.storeToURL(uno.systemPathToFileUrl(part), export)
            finally:
                document.close(True)
        except Failed:
            remove(part)
            raise
        except Exception as exc:  # the UNO bridge: a document it refused, or LibreOffice gone
            remove(part)  # half written, if at all
            if self.killed_for_time:
                self.restart()
                raise Failed(f"LibreOffice took longer than {timeout:g} s") from exc
            disposed = "Disposed" in type(exc).__name__ or "disposed" in str(exc)
            raise Failed(f"LibreOffice failed: {type(exc).__name__}: {str(exc)[:300]}", disposed) from exc
        finally:
            self.deadline = None
        if not os.path.exists(part) or os.path.getsize(part) == 0:
            remove(part)
            raise Failed("LibreOffice wrote no PDF")
        os.replace(part, pdf)


def remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def soffice_bin(soffice: str) -> str:
    """The soffice.bin behind the ``soffice`` launcher script (the same program, one process)."""
    found = shutil.which(soffice) or soffice
    real = Path(os.path.realpath(found))
    for candidate in (real.with_name("soffice.bin"), real.parent / "program" / "soffice.bin"):
        if candidate.exists():
            return str(candidate)
    return found


def requests():
    """The owner's requests, one a line, until end of input."""
    buffered = b""
    while True:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            return
        buffered += chunk
        while b"\n" in buffered:
            line, buffered = buffered.split(b"\n", 1)
            if line.strip():
                yield json.loads(line)


def answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def serve(office: Office, request: dict) -> dict:
    started = time.monotonic()
    try:
        office.convert(
            request["docx"], request["pdf"], float(request.get("timeout", 120)), bool(request.get("destinations"))
        )
    except Failed as exc:
        return {"error": str(exc), "soffice": office.process.pid if office.process else None}
    pid = office.process.pid if office.process else None
    return {"pdf": request["pdf"], "seconds": round(time.monotonic() - started, 3), "soffice": pid}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--soffice", default="soffice")
    parser.add_argument("--profile", required=True, help="LibreOffice user profile folder (made if missing)")
    parser.add_argument("--max-mb", type=float, default=0, help="start LibreOffice afresh past this resident set")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # through ``finally``: LibreOffice goes too
    office = Office(args.soffice, Path(args.profile).resolve(), args.max_mb)
    try:
        try:
            seconds = office.start()
        except Failed as exc:
            answer({"error": str(exc)})
            return 1
        answer({"ready": True, "soffice": office.process.pid if office.process else None, "seconds": seconds})
        for request in requests():
            if request.get("quit"):
                break
            answer(serve(office, request))
            office.trim()
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
