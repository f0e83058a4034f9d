"""The memory of the daemon's whole process tree through a backlog, PDFs on, and its wall time.

    .venv/bin/python bench/daemon_memory.py [--messages 200] [--late 20] [--every 1] [--code DIR] [--settle 5]

The real daemon (``mailflow run``: Maildir source, file outbox, SQLite) on a fresh workspace,
with the backlog of ``backlog.py`` (40% PDF, 30% Excel, 20% in the body, 10% other mail; the
buyers Confirmed customers, so every order gets its documents and notices). Most of the backlog
is in the mailbox when the daemon starts; the last ``--late`` messages arrive one every
``--every`` seconds once the first orders are on record, so fresh mail comes while documents are being made — the
moment the parse workers and LibreOffice would otherwise be alive side by side.

The resident set of every process of the tree (the daemon, its parse workers, the UNO converter
and its soffice.bin) is sampled from ``/proc`` every 0.1 s until every message is done, the
document queue is empty, no notice waits in the outbox and the daemon says it is idle; then
``--settle`` seconds more (what the quiet daemon keeps), and the daemon is stopped with SIGTERM.

Printed: ``wall s`` (start to all done), ``tree MB`` (the largest sampled sum over the tree) and
what was running at that moment, per kind of process the largest one's peak and how many ran,
the tree at rest after ``--settle`` seconds, the CPU seconds of the whole tree, and how the
daemon stopped. ``--code DIR`` runs another checkout (a baseline) on the same messages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.backlog import CONFIRM, NOW, Sampled, _role, _tree, build, buyers  # noqa: E402

SAMPLE_SECONDS = 0.1


class TreeSampler(Sampled):
    """``Sampled`` that also remembers what ran at the largest total (role -> MB)."""

    def __init__(self, root: int) -> None:
        super().__init__(root)
        self.at_peak: dict[str, float] = {}
        self.now_kb = 0

    def sample(self) -> None:
        tree = _tree(self.root)
        total = sum(kb for kb, _ in tree.values())
        self.now_kb = total
        if total > self.tree_kb:
            self.at_peak = {}
            for pid, (kb, _) in tree.items():
                role = _role(pid, self.root)
                self.at_peak[role] = self.at_peak.get(role, 0) + kb / 1024
        super().sample()


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return -1
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def _state(db: Path) -> str:
    if not db.exists():
        return ""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM status WHERE name = 'daemon'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return json.loads(row[0]).get("state", "") if row else ""


def _done(db: Path, messages: int) -> bool:
    """Every message done, no document waiting, no notice queued, the daemon idle."""
    return (
        _count(db, "SELECT COUNT(*) FROM messages WHERE done_at IS NOT NULL") >= messages
        and _count(db, "SELECT COUNT(*) FROM document_queue") == 0
        and _count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'queued'") == 0
        and _state(db) == "idle"
    )


def workspace(root: Path, environ: dict) -> Path:
    """``mailflow init`` with PDFs on and the backlog's buyers Confirmed."""
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    desk = root / "desk"
    subprocess.run([mailflow, "--now", NOW, "init", str(desk)], check=True, capture_output=True, env=environ)
    config = desk / "config.yaml"
    text = re.sub(r"(?m)^(  timer_seconds:) *\d+", r"\g<1> 3600", config.read_text())  # timers: not measured
    config.write_text(text)
    subprocess.run(
        [sys.executable, "-c", CONFIRM, str(config), json.dumps(buyers()), NOW],
        check=True,
        capture_output=True,
        env=environ,
    )
    return desk


def _deliver(desk: Path, path: Path) -> None:
    box = desk / "mail" / "inbox"
    shutil.copyfile(path, box / "tmp" / path.name)
    os.replace(box / "tmp" / path.name, box / "new" / path.name)


def run(folder: Path, pythonpath: str, late: int, every: float, settle: float, timeout: float) -> dict:
    """Start the daemon on the backlog, sample its tree until it is done and quiet, stop it."""
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    environ["PYTHONPATH"] = pythonpath
    mails = sorted(folder.glob("*.eml"))
    late = max(0, min(late, len(mails) - 1))
    with tempfile.TemporaryDirectory(prefix="mailflow-daemon-memory-") as tmp:
        desk = workspace(Path(tmp), environ)
        db = desk / "state" / "mailflow.db"
        for path in mails[: len(mails) - late]:
            _deliver(desk, path)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        log = open(desk / "daemon.stderr", "wb")
        proc = subprocess.Popen(
            [mailflow, "--now", NOW, "--config", str(desk / "config.yaml"), "run"],
            stdout=subprocess.DEVNULL, stderr=log, env=environ,
        )  # fmt: skip
        seen = TreeSampler(proc.pid)
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set() and proc.poll() is None:
                seen.sample()
                time.sleep(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            pending = list(mails[len(mails) - late :])
            # the late mail: once the first orders are on record, one every ``every`` seconds
            while pending and _count(db, "SELECT COUNT(*) FROM orders") < 5:
                _poll(proc, started, timeout, desk)
            while pending:
                _deliver(desk, pending.pop(0))
                time.sleep(every)
            while not _done(db, len(mails)):
                _poll(proc, started, timeout, desk)
            seconds = time.perf_counter() - started
            time.sleep(settle)
            rest_kb = seen.now_kb
            stop.set()
            sampler.join()
            began = time.perf_counter()
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(60)
            stopped = time.perf_counter() - began
        finally:
            stop.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        orders = _count(db, "SELECT COUNT(*) FROM orders")
        notices = _count(db, "SELECT COUNT(*) FROM outbox")
        pdfs = sum(1 for p in (desk / "archive").rglob("*.pdf") if p.parent.name == "documents")
    return {
        "seconds": seconds,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "tree_mb": seen.tree_kb / 1024,
        "at_peak": seen.at_peak,
        "rest_mb": rest_kb / 1024,
        "roles": seen.roles(),
        "orders": orders,
        "notices": notices,
        "pdfs": pdfs,
        "exit": code,
        "stop_s": stopped,
    }


def _poll(proc: subprocess.Popen, started: float, timeout: float, desk: Path) -> None:
    if proc.poll() is not None:
        raise SystemExit(f"the daemon exited ({proc.returncode}):\n{(desk / 'daemon.stderr').read_text()[-3000:]}")
    if time.perf_counter() - started > timeout:
        raise SystemExit(f"not done after {timeout:g} s:\n{(desk / 'daemon.stderr').read_text()[-3000:]}")
    time.sleep(0.2)


def report(label: str, result: dict) -> None:
    roles = "; ".join(
        f"{role} x{r['count']} peak {r['peak'] / 1024:.0f} ({r['first'] / 1024:.0f} -> {r['last'] / 1024:.0f})"
        f" {r['cpu']:.1f} s"
        for role, r in result["roles"].items()
    )
    at_peak = ", ".join(f"{role} {mb:.0f}" for role, mb in sorted(result["at_peak"].items()))
    print(
        f"{label:>10} {result['seconds']:>7.1f} {result['cpu']:>6.1f} {result['tree_mb']:>8.0f}"
        f" {result['rest_mb']:>8.0f} {result['orders']:>7} {result['pdfs']:>5} {result['notices']:>8}"
        f" {result['exit']:>5} {result['stop_s']:>7.1f}"
    )
    print(f"{'':>10} at the peak: {at_peak}")
    print(f"{'':>10} processes (resident MB): {roles}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--late", type=int, default=20, help="messages delivered while the daemon works")
    parser.add_argument("--every", type=float, default=1.0, help="seconds between two late messages")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds sampled once the daemon is quiet")
    parser.add_argument("--code", action="append", help="a mailflow checkout to run (repeat: several, in turn)")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    folder = build(args.messages)
    codes = args.code or [str(ROOT)]
    results = []
    for code in codes:
        results.append(
            run(folder, os.pathsep.join([code, str(ROOT)]), args.late, args.every, args.settle, args.timeout)
        )
    print(
        f"{args.messages} messages, {args.late} of them late (one every {args.every:g} s);"
        " tree = the daemon, parse workers, LibreOffice"
    )
    print(
        f"{'code':>10} {'wall s':>7} {'CPU s':>6} {'tree MB':>8} {'rest MB':>8} {'orders':>7} {'PDFs':>5}"
        f" {'notices':>8} {'exit':>5} {'stop s':>7}"
    )
    for number, (code, result) in enumerate(zip(codes, results)):
        print(f"{'':>10} [{number}] {code}")
        report(f"[{number}]", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
