"""The daemon as a real process, for the tests that run it and for ``bench/``: a workspace made
by ``mailflow init`` with test settings, purchase orders typed in a mail body, Maildir delivery,
``mailflow run`` as a child process, and read-only queries of its state database.
"""

from __future__ import annotations

import email
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from email import policy
from pathlib import Path

NOW = "2026-11-23T09:00:00+08:00"
MAILFLOW = str(Path(sys.executable).with_name("mailflow"))


def clean_environ(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    env.update(extra)
    return env


def cli(workspace: Path, *args: str, environ: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MAILFLOW, "--now", NOW, "--config", str(workspace / "config.yaml"), *args],
        capture_output=True, text=True, timeout=timeout, env=environ or clean_environ(),
    )  # fmt: skip


def make_workspace(root: Path, *, daemon: dict | None = None, extra: str = "") -> Path:
    """`mailflow init`, then test settings: no PDF (speed), short daemon intervals."""
    workspace = root / "desk"
    done = subprocess.run([MAILFLOW, "--now", NOW, "init", str(workspace)], capture_output=True, text=True,
                          timeout=120, env=clean_environ())  # fmt: skip
    assert done.returncode == 0, done.stderr
    settings = {"timer_seconds": 5, "shutdown_seconds": 20, **(daemon or {})}
    config = workspace / "config.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  pdf: auto", "  pdf: never")
    text = text[: text.index("\ndaemon:")] + "\ndaemon:\n" + "".join(f"  {k}: {v}\n" for k, v in settings.items())
    config.write_text(text + extra, encoding="utf-8")
    # The sender of ``po_email`` is a customer staff know (an unknown sender's notices wait).
    (workspace / "inbox_rules" / "acme.yaml").write_text(
        "match:\n  senders: [acme-robotics.example]\n", encoding="utf-8"
    )
    return workspace


def po_email(n: int, *, customer: str = "Acme Robotics Inc.", domain: str = "acme-robotics.example") -> bytes:
    """A purchase order typed in the body, simple enough for the body extractor."""
    po = f"KT-{n:05d}"
    return (
        f"From: Tom Baker <tom.baker@{domain}>\r\n"
        "To: Example Manufacturing Orders <orders@example.com>\r\n"
        f"Subject: PO {po}\r\n"
        "Date: Sat, 21 Nov 2026 14:05:00 +0000\r\n"
        f"Message-ID: <{po.lower()}@{domain}>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "MIME-Version: 1.0\r\n\r\n"
        f"Hi,\r\n\r\nPO number: {po}\r\nBuyer: {customer}\r\n\r\n"
        f"Please supply {100 + n} pcs of HX-2040 at USD 3.20, delivery by Dec 15, 2026.\r\n\r\n"
        f"Thanks,\r\nTom Baker\r\n{customer}\r\n"
    ).encode()


def deliver(workspace: Path, raw: bytes, name: str) -> Path:
    """Maildir delivery: write into tmp/, then rename into new/ (never a half-written file)."""
    box = workspace / "mail" / "inbox"
    tmp = box / "tmp" / name
    tmp.write_bytes(raw)
    target = box / "new" / name
    os.replace(tmp, target)
    return target


def db(workspace: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{workspace / 'state' / 'mailflow.db'}?mode=ro", uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


def query(workspace: Path, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
    if not (workspace / "state" / "mailflow.db").exists():
        return []
    conn = db(workspace)
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError:  # tables not created yet (the daemon is still migrating)
        return []
    finally:
        conn.close()


def count(workspace: Path, sql: str, args: tuple = ()) -> int:
    rows = query(workspace, sql, args)
    return rows[0][0] if rows else 0


def status_row(workspace: Path, name: str):
    rows = query(workspace, "SELECT value FROM status WHERE name = ?", (name,))
    return json.loads(rows[0][0]) if rows else None


def wait_for(predicate, timeout: float = 60, what: str = "condition", proc: "DaemonProcess | None" = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.proc.poll() is not None:
            raise AssertionError(f"daemon exited ({proc.proc.returncode}) while waiting for {what}:\n{proc.log()}")
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}" + (f":\n{proc.log()}" if proc else ""))


class DaemonProcess:
    """`mailflow run` as a child process; its stderr goes to a file the test can read."""

    def __init__(self, workspace: Path, environ: dict | None = None, name: str = "daemon") -> None:
        self.workspace = workspace
        self.stderr_path = workspace / f"{name}-{time.monotonic_ns()}.stderr"
        self._stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            [MAILFLOW, "--now", NOW, "--config", str(workspace / "config.yaml"), "run"],
            stdout=subprocess.DEVNULL, stderr=self._stderr, env=environ or clean_environ(),
        )  # fmt: skip

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 60) -> None:
        """Up: its heartbeat row names its pid (written once the lock is held and parts open)."""
        wait_for(lambda: (status_row(self.workspace, "daemon") or {}).get("pid") == self.pid,
                 timeout, "the daemon's heartbeat", self)  # fmt: skip

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> tuple[int, float]:
        """Send ``sig``; return (exit code, seconds it took to exit)."""
        began = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        self._stderr.close()
        return code, time.monotonic() - began

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(30)
        self._stderr.close()

    def __enter__(self) -> "DaemonProcess":
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.kill()


def outbox_files(workspace: Path) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for p in sorted((workspace / "outbox").glob("*.eml"))
    ]


def assert_nothing_twice(workspace: Path, expected_pos: set[str]) -> None:
    """Every PO once as an order, every message once in the ledger, every notice once."""
    rows = query(workspace, "SELECT po_number FROM orders")
    pos = [r[0] for r in rows]
    assert sorted(pos) == sorted(expected_pos), f"{len(pos)} orders for {len(expected_pos)} POs"
    dup_keys = query(workspace, "SELECT source, source_key FROM messages GROUP BY 1, 2 HAVING COUNT(*) > 1")
    assert not dup_keys
    dup_ids = query(
        workspace,
        "SELECT identity FROM messages WHERE outcome != 'duplicate' GROUP BY identity HAVING COUNT(*) > 1",
    )
    assert not dup_ids, [r[0] for r in dup_ids]
    notices = query(workspace, "SELECT key, message_id, status, transport FROM outbox")
    assert len({n["key"] for n in notices}) == len(notices)
    files = outbox_files(workspace)
    file_ids = [m["Message-ID"] for m in files]
    assert len(file_ids) == len(set(file_ids)), "a notice was written twice"
    sent_file = {n["message_id"] for n in notices if n["transport"] == "file" and n["status"] == "sent"}
    assert set(file_ids) == sent_file
