"""The daemon against a real Dovecot (IMAP, IDLE) and a real aiosmtpd (STARTTLS + AUTH).

Configured only through the environment, as in a deployment: ``MAILFLOW_IMAP_URL``,
``MAILFLOW_CA_FILE``, ``MAILFLOW_SMTP_URL``, ``MAILFLOW_OUTBOX=smtp``. A backlog is cut by SIGTERM
and finished after a restart; mail delivered while it idles is picked up by IDLE; the server
dropping every connection does not stop it; every notice reaches the SMTP server once.
"""

from __future__ import annotations

import email
import json
import signal
import time
from email import policy

import pytest

from helpers.daemon import (
    DaemonProcess,
    clean_environ,
    cli,
    count,
    make_workspace,
    po_email,
    query,
    status_row,
    wait_for,
)

pytestmark = [pytest.mark.imap, pytest.mark.smtp]


def smtp_message_ids(smtp) -> list[str]:
    return [email.message_from_bytes(m["data"], policy=policy.default)["Message-ID"] for m in smtp.messages]


def test_daemon_on_imap_and_smtp(tmp_path, imap_user, smtp, certs):
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    # --now stands the clock still, so a per-minute cap would never reopen: lift it for the test
    config.write_text(config.read_text().replace("per_minute: 30", "per_minute: 100000"))
    environ = clean_environ(
        MAILFLOW_IMAP_URL=imap_user.url("INBOX", "imaps"),
        MAILFLOW_CA_FILE=str(certs.ca_file),
        MAILFLOW_SMTP_URL=smtp.url(),
        MAILFLOW_OUTBOX="smtp",
    )
    total = 30
    for n in range(1, total + 1):
        imap_user.deliver(po_email(n))

    with DaemonProcess(workspace, environ) as daemon:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") >= 3, 60, "the first orders", daemon)
        code, first_stop = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()
    assert first_stop < 20
    assert imap_user.password not in daemon.log() and "bot-secret" not in daemon.log()  # no secrets

    with DaemonProcess(workspace, environ) as daemon:
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM messages") == total, 120, "the backlog", daemon)
        status = json.loads(cli(workspace, "status", "--json", environ=environ).stdout)
        (box,) = [v for k, v in status["mailboxes"].items() if k.startswith("imap:")]
        assert box.get("last_contact")
        assert status["daemon"]["health"] == "up"

        # IDLE: a message delivered while the daemon waits arrives within seconds
        time.sleep(1.5)
        imap_user.deliver(po_email(101))
        began = time.monotonic()
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == total + 1, 30, "the IDLE arrival", daemon)
        idle_latency = time.monotonic() - began

        # the server drops every connection: the daemon reconnects and goes on
        imap_user.kick()
        time.sleep(1)
        imap_user.deliver(po_email(102))
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == total + 2, 90, "mail after a drop", daemon)
        assert daemon.proc.poll() is None

        expected_sent = lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")  # noqa: E731
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')") == 0,
                 60, "the outbox", daemon)  # fmt: skip
        code, last_stop = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()

    pos = [r[0] for r in query(workspace, "SELECT po_number FROM orders")]
    assert sorted(pos) == sorted({f"KT-{n:05d}" for n in [*range(1, total + 1), 101, 102]})
    ids = smtp_message_ids(smtp)
    assert len(ids) == len(set(ids)), "a notice reached the SMTP server twice"
    sent = {r[0] for r in query(workspace, "SELECT message_id FROM outbox WHERE status = 'sent'")}
    assert set(ids) == sent and len(sent) == expected_sent() >= total + 2
    # every message got the after-processing keyword; none was deleted
    flags = imap_user.flags()
    assert len(flags) == total + 2
    assert all(b"$MailflowDone" in f for f in flags.values())
    print(
        f"\nIMAP daemon: SIGTERM exits {first_stop:.2f} s / {last_stop:.2f} s; IDLE arrival → order {idle_latency:.2f} s"
    )


def test_one_watcher_per_folder_one_processing_thread(tmp_path, imap_user, certs):
    """Two folders: two IDLE watchers wake the one processing thread; each arrival is handled."""
    imap_user.create_folder("Orders")
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    text = config.read_text().replace("  source: maildir", "  source: imap")
    text = text.replace(
        "  accounts: []",
        "  accounts:\n    - name: desk\n      url: ${TEST_IMAP_URL}\n      folders: [INBOX, Orders]",
    )
    config.write_text(text)
    environ = clean_environ(TEST_IMAP_URL=imap_user.url("INBOX", "imaps"), MAILFLOW_CA_FILE=str(certs.ca_file))
    with DaemonProcess(workspace, environ) as daemon:
        daemon.wait_ready()
        wait_for(lambda: len((status_row(workspace, "daemon") or {}).get("watchers") or {}) == 2, 30,
                 "two watchers", daemon)  # fmt: skip
        time.sleep(1.5)  # both are idling now
        imap_user.deliver(po_email(201), folder="Orders")
        imap_user.deliver(po_email(202))
        wait_for(lambda: count(workspace, "SELECT COUNT(*) FROM orders") == 2, 30, "both arrivals", daemon)
        sources = {r[0] for r in query(workspace, "SELECT DISTINCT source FROM messages")}
        assert sources == {"imap:desk/INBOX", "imap:desk/Orders"}
        watchers = status_row(workspace, "daemon")["watchers"]
        assert all(watchers.values()), watchers
        code, _ = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()
