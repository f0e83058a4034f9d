"""The outbox against a real aiosmtpd (STARTTLS + AUTH, SMTPS) and, for the crash test, a real
Dovecot whose Sent folder proves a send whose record was lost."""

from __future__ import annotations

import datetime as dt
import email
import os
import subprocess
import sys
import textwrap
from email import policy
from pathlib import Path

import pytest

from mailflow import outbox

from helpers.outbox import NOW, REPO, make_env, notice, row

pytestmark = pytest.mark.smtp


@pytest.fixture
def env(tmp_path, smtp, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", smtp.url("smtp+starttls"))
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(smtp.ca_file))
    monkeypatch.delenv("MAILFLOW_OUTBOX", raising=False)
    monkeypatch.delenv("MAILFLOW_IMAP_URL", raising=False)
    e = make_env(tmp_path / "ws", transport="smtp")
    yield e
    e.close()


def test_starttls_auth_delivery_with_headers_attachment_and_archive_copy(env, smtp):
    env.archive.put("Northwind Traders/SO-2026-0007 PO NW-4411/documents/SO-2026-0007 Order Form.pdf", b"%PDF-1.4 x")
    n = notice(attachments=("Northwind Traders/SO-2026-0007 PO NW-4411/documents/SO-2026-0007 Order Form.pdf",))
    assert outbox.queue(env, n, NOW) is True
    report = outbox.flush(env, NOW)
    assert report.sent == [n.key]
    assert smtp.wait_for(1)
    got = smtp.messages[0]
    assert got["login"] == b"bot" and got["starttls"] is True
    assert sorted(got["to"]) == ["am@example.com", "buyer@northwind.test"]
    msg = email.message_from_bytes(got["data"], policy=policy.default)
    stored = row(env, n.key)
    assert msg["Message-ID"] == stored["message_id"]
    assert msg["Message-ID"].endswith(".order_ack@example.com>")
    assert msg["X-Mailflow-Order"] == "SO-2026-0007" and msg["X-Mailflow-Notice"] == "order_ack"
    assert msg["In-Reply-To"] == "<po-4411@northwind.test>"
    assert msg["Subject"] == "Order received, under review: your PO NW-4411 (our ref. SO-2026-0007)"
    assert "USD 5,400.00" in msg.get_body(("plain",)).get_content()
    assert "Gear housing" in msg.get_body(("html",)).get_content()
    assert [p.get_filename() for p in msg.iter_attachments()] == ["SO-2026-0007 Order Form.pdf"]
    assert stored["status"] == "sent" and stored["attempts"] == 1
    assert env.archive.resolve(stored["archive_path"]).read_bytes() == bytes(stored["eml"])
    assert "/notices/" in stored["archive_path"]


def test_implicit_tls(env, smtp, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", smtp.url("smtps"))
    outbox.queue(env, notice(), NOW)
    assert outbox.flush(env, NOW).sent and smtp.wait_for(1)
    assert smtp.messages[0]["login"] == b"bot"


def test_queue_is_idempotent_and_joins_the_outer_transaction(env):
    n = notice()
    with pytest.raises(RuntimeError):
        with env.store.transaction():
            assert outbox.queue(env, n, NOW) is True
            raise RuntimeError("the change that caused the notice failed")
    assert row(env, n.key) is None  # rolled back with its cause
    with env.store.transaction():
        assert outbox.queue(env, n, NOW) is True
    assert outbox.queue(env, n, NOW + dt.timedelta(hours=1)) is False
    assert env.store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1


def test_server_down_then_up_delivers_once(env, smtp):
    n = notice()
    outbox.queue(env, n, NOW)
    smtp.stop()
    report = outbox.flush(env, NOW)
    assert report.retrying == [n.key]
    stored = row(env, n.key)
    assert stored["status"] == "queued" and stored["attempts"] == 1
    assert dt.datetime.fromisoformat(stored["next_attempt_at"]) == NOW + dt.timedelta(minutes=1)
    smtp.start()
    assert outbox.flush(env, NOW + dt.timedelta(seconds=30)).sent == []  # backoff not over yet
    assert outbox.flush(env, NOW + dt.timedelta(minutes=2)).sent == [n.key]
    assert outbox.flush(env, NOW + dt.timedelta(minutes=5)).sent == []
    assert smtp.wait_for(1) and len(smtp.messages) == 1


def test_4xx_is_retried_with_backoff_then_succeeds(env, smtp):
    n = notice()
    outbox.queue(env, n, NOW)
    smtp.fail = "rcpt"
    assert outbox.flush(env, NOW).retrying == [n.key]
    assert "451" in row(env, n.key)["last_error"]
    assert outbox.flush(env, NOW + dt.timedelta(minutes=1)).retrying == [n.key]
    assert dt.datetime.fromisoformat(row(env, n.key)["next_attempt_at"]) == NOW + dt.timedelta(minutes=3)
    smtp.fail = None
    assert outbox.flush(env, NOW + dt.timedelta(minutes=3)).sent == [n.key]
    assert len(smtp.messages) == 1 and row(env, n.key)["attempts"] == 3


def test_5xx_goes_to_review_with_the_servers_answer(env, smtp):
    n = notice()
    outbox.queue(env, n, NOW)
    smtp.fail = "data550"
    assert outbox.flush(env, NOW).review == [n.key]
    assert row(env, n.key)["status"] == "review"
    (review,) = env.store.reviews()
    assert "order_ack" in review.reason and "SO-2026-0007" in review.reason and "550" in review.reason
    assert outbox.flush(env, NOW + dt.timedelta(hours=1)).sent == []  # not retried on its own


def test_out_of_attempts_fails_with_a_review_row(env, smtp):
    env.config.outbox.max_attempts = 2
    n = notice()
    outbox.queue(env, n, NOW)
    smtp.fail = "mail421"
    outbox.flush(env, NOW)
    assert outbox.flush(env, NOW + dt.timedelta(minutes=1)).failed == [n.key]
    assert row(env, n.key)["status"] == "failed"
    assert "2 attempts" in env.store.reviews()[0].reason


def test_rate_limit_per_server(env, smtp):
    env.config.outbox.smtp.per_minute = 2
    later = NOW + dt.timedelta(days=1)  # a minute of its own, whatever other tests sent
    keys = [notice(trigger=f"t{i}").key for i in range(3)]
    for i in range(3):
        outbox.queue(env, notice(trigger=f"t{i}"), later)
    first = outbox.flush(env, later)
    assert first.sent == keys[:2] and first.deferred == keys[2:]
    assert outbox.flush(env, later + dt.timedelta(seconds=61)).sent == keys[2:]
    assert smtp.wait_for(3) and len(smtp.messages) == 3


def test_password_never_logged(env, smtp, caplog, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", f"smtp+starttls://bot:wrong-secret-pw@127.0.0.1:{smtp.port}")
    outbox.queue(env, notice(), NOW)
    with caplog.at_level("DEBUG"):
        report = outbox.flush(env, NOW)
    assert report.retrying
    assert "wrong-secret-pw" not in caplog.text and "wrong-secret-pw" not in row(env, notice().key)["last_error"]
    assert "login refused" in row(env, notice().key)["last_error"]


# --------------------------------------------------------------------------- crash mid-send

FLUSH = textwrap.dedent("""
    import datetime as dt, sys
    from mailflow import config, outbox
    from mailflow.archive import Archive
    from mailflow.context import Env
    from mailflow.store import Store
    c = config.load(sys.argv[1])
    env = Env(config=c, store=Store(c.path(c.workspace.state_db)), archive=Archive(c.path(c.workspace.archive)))
    print(outbox.flush(env, dt.datetime.fromisoformat(sys.argv[2])))
""")


def flush_in_subprocess(workspace: Path, now: dt.datetime, crash_at: str | None) -> subprocess.CompletedProcess:
    environ = dict(os.environ)
    environ.pop("MAILFLOW_CRASH_AT", None)
    if crash_at:
        environ["MAILFLOW_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-c", FLUSH, str(workspace / "config.yaml"), now.isoformat()],
                          env=environ, capture_output=True, text=True, timeout=60, cwd=REPO)  # fmt: skip


@pytest.mark.imap
def test_crash_after_send_is_not_sent_twice_thanks_to_the_sent_folder(tmp_path, smtp, imap_user, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", smtp.url())
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(smtp.ca_file))  # one test CA for SMTP and IMAP
    monkeypatch.delenv("MAILFLOW_IMAP_URL", raising=False)
    workspace = tmp_path / "ws"
    env = make_env(workspace, transport="smtp", sent_check_account="orders",
                   mailbox={"source": "imap", "accounts": [{"name": "orders", "url": imap_user.url("INBOX"),
                                                             "sent_folder": "Sent"}]})  # fmt: skip
    n = notice()
    outbox.queue(env, n, NOW)

    crashed = flush_in_subprocess(workspace, NOW, "after_send")
    assert crashed.returncode == 137, crashed.stderr
    assert smtp.wait_for(1) and len(smtp.messages) == 1
    assert row(env, n.key)["status"] == "sending"  # sent, but the record says "outcome unknown"

    # The mail server files its copy of what it sent in the user's Sent folder.
    imap_user.create_folder("Sent")
    imap_user.deliver(smtp.messages[0]["data"], "Sent")

    again = flush_in_subprocess(workspace, NOW + dt.timedelta(minutes=1), None)
    assert again.returncode == 0, again.stderr
    assert "recovered=['SO-2026-0007:order_ack:received']" in again.stdout
    assert len(smtp.messages) == 1  # not sent twice
    assert row(env, n.key)["status"] == "sent"
    env.close()


def test_crash_without_a_sent_check_resends_at_least_once(tmp_path, smtp, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", smtp.url())
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(smtp.ca_file))
    workspace = tmp_path / "ws"
    env = make_env(workspace, transport="smtp")
    n = notice()
    outbox.queue(env, n, NOW)
    assert flush_in_subprocess(workspace, NOW, "after_send").returncode == 137
    again = flush_in_subprocess(workspace, NOW + dt.timedelta(minutes=1), None)
    assert again.returncode == 0, again.stderr
    assert smtp.wait_for(2) and len(smtp.messages) == 2  # the documented at-least-once edge
    ids = {email.message_from_bytes(m["data"])["Message-ID"] for m in smtp.messages}
    assert ids == {row(env, n.key)["message_id"]}  # ...with one Message-ID, so clients can dedupe
    env.close()


@pytest.mark.imap
def test_the_transport_can_file_the_sent_copy_itself(tmp_path, smtp, imap_user, monkeypatch):
    monkeypatch.setenv("MAILFLOW_SMTP_URL", smtp.url())
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(smtp.ca_file))
    monkeypatch.delenv("MAILFLOW_IMAP_URL", raising=False)
    workspace = tmp_path / "ws"
    env = make_env(workspace, transport="smtp", sent_check_account="orders", save_sent_copy=True,
                   mailbox={"source": "imap", "accounts": [{"name": "orders", "url": imap_user.url("INBOX"),
                                                             "sent_folder": "Sent"}]})  # fmt: skip
    n = notice()
    outbox.queue(env, n, NOW)
    assert flush_in_subprocess(workspace, NOW, "after_send").returncode == 137
    (copy,) = imap_user.messages("Sent")  # the transport's own copy, before the crash point
    assert email.message_from_bytes(copy)["Message-ID"] == row(env, n.key)["message_id"]
    again = flush_in_subprocess(workspace, NOW + dt.timedelta(minutes=1), None)
    assert "recovered=['SO-2026-0007:order_ack:received']" in again.stdout, again.stderr
    assert len(smtp.messages) == 1
    env.close()
