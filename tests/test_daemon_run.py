"""The daemon as a real process: `mailflow run` on a Maildir workspace made by `mailflow init`.

Mail delivered while it runs is processed; SIGTERM in the middle of a backlog exits 0 quickly
and a restart finishes the backlog with nothing lost and nothing twice; a second instance is
refused naming the first; SIGHUP with a broken config keeps the old one and logs why.

The helpers here (workspace, PO emails, the daemon process, store queries) are shared by the
other daemon, status and replay tests.
"""

from __future__ import annotations

import contextlib
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

import pytest

NOW = "2026-11-23T09:00:00+08:00"
MAILFLOW = str(Path(sys.executable).with_name("mailflow"))


# --------------------------------------------------------------------------- helpers


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
    (workspace / "inbox_rules" / "acme.yaml").write_text("match:\n  senders: [acme-robotics.example]\n",
                                                          encoding="utf-8")
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
        "Content-Type: text/plain; charset=\"utf-8\"\r\n"
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


# --------------------------------------------------------------------------- tests


@pytest.fixture
def workspace(tmp_path) -> Path:
    return make_workspace(tmp_path)


def test_message_delivered_while_running_is_processed(workspace):
    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        deliver(workspace, po_email(1), "po1.eml")
        began = time.monotonic()
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders"), 30, "the order", daemon)
        latency = time.monotonic() - began
        order_no = query(workspace, "SELECT order_no FROM orders")[0][0]
        # the tracker and the notices follow in the same cycle
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"), 30, "a notice", daemon)
        code, seconds = daemon.stop()
    assert code == 0, daemon.log()
    assert latency < 10
    log_file = (workspace / "logs" / "mailflow.log").read_text()
    line = next(l for l in log_file.splitlines() if "<kt-00001@acme-robotics.example>" in l)
    assert order_no in line  # every line about a message names its Message-ID and order
    assert "stopped cleanly" in log_file
    assert (status_row(workspace, "daemon") or {}).get("state") == "stopped"
    assert_nothing_twice(workspace, {"KT-00001"})


def test_second_instance_is_refused_naming_the_first(workspace):
    with DaemonProcess(workspace) as first:
        first.wait_ready()
        second = subprocess.run(
            [MAILFLOW, "--config", str(workspace / "config.yaml"), "run"],
            capture_output=True, text=True, timeout=60, env=clean_environ(),
        )  # fmt: skip
        assert second.returncode == 1
        assert f"pid {first.pid}" in second.stderr
        assert first.proc.poll() is None  # the first one is unharmed
        code, _ = first.stop()
    assert code == 0


def test_sigterm_mid_backlog_exits_cleanly_and_restart_finishes(workspace):
    total = 80
    for n in range(1, total + 1):
        deliver(workspace, po_email(n), f"po{n:03d}.eml")
    with DaemonProcess(workspace) as daemon:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") >= 5, 60, "the first orders", daemon)
        code, seconds = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()
    assert seconds < 20  # daemon.shutdown_seconds
    done_first = count(workspace, "SELECT COUNT(*) FROM messages")
    assert "stop requested" in daemon.log() or done_first == total
    # what was committed had its mailbox action: nothing recorded is left without it
    assert count(workspace, "SELECT COUNT(*) FROM messages WHERE done_at IS NULL") == 0

    with DaemonProcess(workspace) as again:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM messages") == total, 120, "the backlog", again)
        # the documents stage follows the messages: every order's acknowledgement, then sent
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'"
                               " AND status = 'sent'") == total, 120, "the outbox", again)
        code, _ = again.stop()
    assert code == 0
    assert_nothing_twice(workspace, {f"KT-{n:05d}" for n in range(1, total + 1)})
    print(f"\nSIGTERM mid-backlog: exit 0 in {seconds:.2f} s after {done_first}/{total} messages")


def test_sighup_with_a_broken_config_keeps_the_old_one(workspace):
    config = workspace / "config.yaml"
    good = config.read_text()
    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        config.write_text(good + "\nbogus_section: 1\n")
        reload = cli(workspace, "reload")
        # `mailflow reload` reads the config too: with a broken one it says so, so signal directly
        if reload.returncode != 0:
            os.kill(daemon.pid, signal.SIGHUP)
        wait_for(lambda: "reload refused" in daemon.log(), 30, "the refusal", daemon)
        assert "bogus_section" in daemon.log()
        assert "reload refused" in ((status_row(workspace, "last_error") or {}).get("error") or "")
        # still working on the old config
        deliver(workspace, po_email(7), "po7.eml")
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders"), 30, "an order after the refusal", daemon)

        # a good change is taken: `mailflow reload` signals the daemon
        config.write_text(good.replace("\ndaemon:\n", "\ndaemon:\n  log_format: json\n"))
        reload = cli(workspace, "reload")
        assert reload.returncode == 0 and str(daemon.pid) in reload.stdout, reload.stderr
        wait_for(lambda: "reload: done" in daemon.log(), 30, "the reload", daemon)
        deliver(workspace, po_email(8), "po8.eml")
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == 2, 30, "an order after reload", daemon)
        code, _ = daemon.stop()
    assert code == 0
    json_lines = [l for l in daemon.log().splitlines() if l.startswith("{")]
    assert any(json.loads(l).get("message_id") == "<kt-00008@acme-robotics.example>" for l in json_lines)


def test_reload_without_a_daemon_says_so(workspace):
    done = cli(workspace, "reload")
    assert done.returncode == 1
    assert "no daemon running" in done.stderr


def test_sighup_with_a_broken_inbox_rule_keeps_the_old_rules(workspace):
    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        bad = workspace / "inbox_rules" / "zz-broken.yaml"
        bad.write_text("name: broken\nmatch: [unclosed\n")
        os.kill(daemon.pid, signal.SIGHUP)
        wait_for(lambda: "reload refused" in daemon.log(), 30, "the refusal", daemon)
        assert "zz-broken.yaml" in daemon.log()
        deliver(workspace, po_email(9), "po9.eml")
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders"), 30, "an order on the old rules", daemon)
        code, _ = daemon.stop(signal.SIGINT)  # Ctrl-C: the same clean stop
    assert code == 0


def test_a_stop_stuck_in_a_conversion_ends_at_shutdown_seconds_and_loses_nothing(tmp_path):
    """SIGTERM while a document hangs in LibreOffice: the watchdog ends the process (exit 1) after
    daemon.shutdown_seconds; the order was recorded, its documents wait for the next start."""
    workspace = make_workspace(tmp_path, daemon={"shutdown_seconds": 3})
    marker = tmp_path / "soffice.pid"
    soffice = tmp_path / "slow-soffice"
    soffice.write_text(f"#!/bin/sh\necho $$ > {marker}\nexec sleep 60\n")
    soffice.chmod(0o755)
    config = workspace / "config.yaml"
    good = config.read_text()
    config.write_text(good.replace("  pdf: never", "  pdf: always").replace("  soffice: soffice", f"  soffice: {soffice}"))
    deliver(workspace, po_email(5), "po5.eml")
    try:
        with DaemonProcess(workspace) as daemon:
            wait_for(marker.exists, 60, "the conversion to start", daemon)
            code, seconds = daemon.stop(signal.SIGTERM)
        assert code == 1, daemon.log()
        assert 3 <= seconds < 8
        assert "shutdown took longer than daemon.shutdown_seconds" in daemon.log()
        # Orders first, documents after: the order was recorded before its documents; the
        # acknowledgement, which needs the PDF, was not queued, and waits in the queue.
        assert count(workspace, "SELECT COUNT(*) FROM orders") == 1
        assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == 0
        assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 1
    finally:
        if marker.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(marker.read_text().strip()), signal.SIGKILL)

    config.write_text(good)
    with DaemonProcess(workspace) as again:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'"
                               " AND status = 'sent'"), 60, "the acknowledgement", again)
        code, _ = again.stop()
    assert code == 0
    assert_nothing_twice(workspace, {"KT-00005"})
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
