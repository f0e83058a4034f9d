"""The daemon as a real process: `mailflow run` on a Maildir workspace made by `mailflow init`.

Mail delivered while it runs is processed; SIGTERM in the middle of a backlog exits 0 quickly
and a restart finishes the backlog with nothing lost and nothing twice; a second instance is
refused naming the first; SIGHUP with a broken config keeps the old one and logs why.

The helpers (workspace, PO emails, the daemon process, store queries) are in
``helpers/daemon.py``, shared with the other daemon, status and replay tests and with bench/.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from helpers.daemon import (
    MAILFLOW,
    DaemonProcess,
    assert_nothing_twice,
    clean_environ,
    cli,
    count,
    deliver,
    make_workspace,
    outbox_files,
    po_email,
    query,
    status_row,
    wait_for,
)


# --------------------------------------------------------------------------- tests


@pytest.fixture
def workspace(tmp_path) -> Path:
    return make_workspace(tmp_path)


def last_error(workspace: Path) -> str:
    """The daemon's last recorded error, or "" (the status row may not be written yet)."""
    return (status_row(workspace, "last_error") or {}).get("error") or ""


def test_message_delivered_while_running_is_processed(workspace):
    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        deliver(workspace, po_email(1), "po1.eml")
        # bounded so that a daemon that never looks fails; how fast it looks is bench/imap_idle_latency.py's
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders"), 30, "the order", daemon)
        order_no = query(workspace, "SELECT order_no FROM orders")[0][0]
        # the tracker and the notices follow in the same cycle
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"), 30, "a notice", daemon)
        code, seconds = daemon.stop()
    assert code == 0, daemon.log()
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
        wait_for(
            lambda: (
                count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack' AND status = 'sent'") == total
            ),
            120,
            "the outbox",
            again,
        )
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
        # the refusal is logged first and recorded in the status table just after
        wait_for(lambda: "reload refused" in last_error(workspace), 30, "the refusal on record", daemon)
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
    config.write_text(
        good.replace("  pdf: never", "  pdf: always").replace("  soffice: soffice", f"  soffice: {soffice}")
    )
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
        wait_for(
            lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack' AND status = 'sent'"),
            60,
            "the acknowledgement",
            again,
        )
        code, _ = again.stop()
    assert code == 0
    assert_nothing_twice(workspace, {"KT-00005"})
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0


def descendants(pid: int) -> list[str]:
    """The command lines of the processes below ``pid`` (parse workers, LibreOffice)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    below, grown = {pid}, True
    while grown:
        more = {p for p, parent in parents.items() if parent in below} - below
        grown, below = bool(more), below | more
    found = []
    for child in below - {pid}:
        with contextlib.suppress(OSError):
            command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            found.append(command.strip())
    return [command for command in found if command]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_quiet_daemon_keeps_no_parse_worker_and_no_libreoffice(tmp_path):
    """The parse workers end once a cycle's mail is read and LibreOffice once the documents are
    made, so the daemon at rest holds only itself; the next order starts both again and its
    acknowledgement carries its PDF."""
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    text = config.read_text().replace("  pdf: never", "  pdf: always")
    config.write_text(text.replace("  enabled: {}", "  enabled: {review_request: false}"))
    sent = "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack' AND status = 'sent'"
    with DaemonProcess(workspace) as daemon:
        daemon.wait_ready()
        for n in (1, 2):
            deliver(workspace, po_email(n), f"po{n}.eml")
            wait_for(lambda n=n: count(workspace, sent) == n, 120, f"acknowledgement {n}", daemon)
            wait_for(lambda: not descendants(daemon.pid), 20, "no child process at rest", daemon)
        code, _ = daemon.stop()
    assert code == 0, daemon.log()
    for msg in outbox_files(workspace):
        if msg["X-Mailflow-Notice"] == "order_ack":
            assert [part.get_filename() for part in msg.iter_attachments()][-1].endswith(".pdf")
    assert_nothing_twice(workspace, {"KT-00001", "KT-00002"})
