"""Kill -9 with the SMTP outbox: the real daemon sends through a real aiosmtpd (STARTTLS + AUTH),
files each sent notice in a real Dovecot Sent folder (``outbox.save_sent_copy``) and checks that
folder by Message-ID (``outbox.sent_check_account``) before re-sending a notice a kill left in
``sending``. It is killed with SIGKILL at random moments (seeded) over a backlog of body-typed
POs, restarted each time, then run to the end.

What holds, and what does not:

* every order once in the store, every notice key once in the outbox table and ``sent``;
* a kill after the Sent-folder APPEND but before ``sent`` is committed is recovered: the check
  finds the copy and the notice is not sent again;
* **the window that stays open**: a kill after the SMTP server accepted the message but before
  the APPEND to Sent finished (``SmtpTransport.send`` → ``_save_copy``; the Sent folder is
  opened before the send, so the window is the APPEND round trip). The check cannot prove that
  send, so the restarted daemon sends it again (same Message-ID). No ordering of APPEND and
  send closes it — APPEND first would turn the window into a lost notice, which is worse — so
  exactly-once is asserted precisely instead: each Message-ID reaches the SMTP server once,
  plus at most one more time per kill observed in that window for it (sent, no Sent copy yet).
  A Message-ID with no such kill must arrive exactly once.

Half of the kills in the outbox phase are aimed just after an SMTP acceptance (a random delay
of up to 20 ms), so that both the open window and the recovery by the check get exercised.

The test prints the seed, the kills by phase and what each kill that landed between a send and
its record found (not yet sent / sent, not yet in Sent / sent and in Sent).
"""

from __future__ import annotations

import email.parser
import os
import random
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from helpers.kill import acknowledgements_only, tracker_pos
from helpers.daemon import (
    DaemonProcess,
    assert_nothing_twice,
    clean_environ,
    count,
    deliver,
    make_workspace,
    po_email,
    query,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.smtp, pytest.mark.imap]

MESSAGES = 40
KILLS = 14
SENT_FOLDER = "Sent"
SETTLE = 0.3  # after a kill: lets the servers finish what the dead client had fully sent

SENT = "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"
RECORDED = "SELECT COUNT(*) FROM messages"


def smtp_workspace(tmp_path: Path, imap_user) -> Path:
    """A Maildir workspace whose notices go out by SMTP with a Sent copy and a Sent-folder check.

    The IMAP account is only the Sent folder's: ``mailbox.source`` stays ``maildir`` (and no
    MAILFLOW_IMAP_URL is set, which would make IMAP the source)."""
    workspace = make_workspace(tmp_path)
    acknowledgements_only(workspace)
    config = workspace / "config.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["mailbox"]["accounts"] = [{"name": "orders", "url": imap_user.url("INBOX"), "sent_folder": SENT_FOLDER}]
    data["outbox"].update(transport="smtp", sent_check_account="orders", save_sent_copy=True)
    # `--now` fixes the clock, so the per-minute window never moves on: keep the limit out of the way
    data["outbox"]["smtp"]["per_minute"] = 10_000
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return workspace


def received_ids(smtp) -> Counter:
    """Message-ID → how many times the SMTP server accepted it."""
    parser = email.parser.BytesHeaderParser()
    return Counter(parser.parsebytes(m["data"])["Message-ID"] for m in list(smtp.messages))


def sent_folder_ids(imap_user) -> Counter:
    with imap_user.client() as c:
        if not c.folder_exists(SENT_FOLDER):
            c.logout()
            return Counter()
        c.select_folder(SENT_FOLDER, readonly=True)
        uids = c.search("ALL")
        data = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        c.logout()
    parser = email.parser.BytesHeaderParser()
    return Counter(parser.parsebytes(v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"])["Message-ID"] for v in data.values())


def poll(predicate, timeout: float, what: str, daemon: DaemonProcess, step: float = 0.005) -> None:
    """``wait_for`` with a finer step: a notice takes tens of milliseconds to send."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if daemon.proc.poll() is not None:
            raise AssertionError(f"daemon exited ({daemon.proc.returncode}) waiting for {what}:\n{daemon.log()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}:\n{daemon.log()}")
        time.sleep(step)


def test_kill_9_with_smtp_and_a_sent_folder_check_sends_each_notice_once_outside_one_window(tmp_path, smtp, imap_user):
    workspace = smtp_workspace(tmp_path, imap_user)
    environ = clean_environ(
        MAILFLOW_SMTP_URL=smtp.url("smtp+starttls"),
        MAILFLOW_CA_FILE=str(smtp.ca_file),  # one test CA for SMTP and IMAP
        MAILFLOW_OUTBOX="smtp",
    )
    for n in range(1, MESSAGES + 1):
        deliver(workspace, po_email(n), f"po{n:04d}.eml")
    expected = {f"KT-{n:05d}" for n in range(1, MESSAGES + 1)}
    seed = int(os.environ.get("KILL_SEED") or random.randrange(1 << 30))  # KILL_SEED=N replays a run
    rng = random.Random(seed)

    began = time.monotonic()
    phases: Counter = Counter()
    in_flight: list[tuple[int, str, str]] = []  # (kill, Message-ID, what the kill found)
    window: Counter = Counter()  # Message-ID → kills after its SMTP send, before its Sent copy
    for k in range(KILLS):
        daemon = DaemonProcess(workspace, environ=environ, name=f"life{k}")
        recorded, sent = count(workspace, RECORDED), count(workspace, SENT)
        if recorded < MESSAGES and rng.random() < 0.35:
            phase = "start-up"
            time.sleep(rng.uniform(0.2, 2.0))
        elif recorded < MESSAGES:
            phase = "backlog"
            target = min(MESSAGES, recorded + rng.randint(2, 8))
            poll(lambda target=target: count(workspace, RECORDED) >= target, 60, "backlog progress", daemon, step=0.02)
            time.sleep(rng.uniform(0.0, 0.3))
        elif sent < MESSAGES and rng.random() < 0.5:
            # just after the SMTP server accepted a notice: the APPEND to Sent or the record next
            phase = "after an SMTP send"
            target = len(smtp.messages) + rng.randint(1, 3)
            if not smtp.wait_for(target, 30):
                raise AssertionError(f"no SMTP send {target} within 30 s:\n{daemon.log()}")
            time.sleep(rng.uniform(0.0, 0.02))
        elif sent < MESSAGES:
            phase = "outbox flush"
            target = min(MESSAGES, sent + rng.randint(1, 3))
            poll(lambda target=target: count(workspace, SENT) >= target, 60, "a notice sent", daemon)
            time.sleep(rng.uniform(0.0, 0.08))
        else:
            phase = "idle"
            time.sleep(rng.uniform(0.2, 1.0))
        daemon.kill()
        phases[phase] += 1
        sending = query(workspace, "SELECT message_id FROM outbox WHERE status = 'sending'")
        if sending:
            time.sleep(SETTLE)
            received, copies = received_ids(smtp), sent_folder_ids(imap_user)
            for row in sending:
                mid = row["message_id"]
                if copies[mid]:
                    found = "sent and in Sent"  # the check finds it: not sent again
                elif received[mid]:
                    found = "sent, not yet in Sent"  # the check cannot prove it: sent again
                    window[mid] += 1
                else:
                    found = "not yet sent"
                in_flight.append((k, mid, found))
    kill_seconds = time.monotonic() - began

    with DaemonProcess(workspace, environ=environ, name="final") as daemon:
        wait_for(lambda: count(workspace, RECORDED) >= MESSAGES, 60, "the backlog", daemon)
        wait_for(lambda: count(workspace, SENT) >= MESSAGES, 60, "the outbox", daemon)
        daemon.wait_ready()
        time.sleep(1)  # one more heartbeat: the last cycle (tracker write) is over
        code, _ = daemon.stop(signal.SIGTERM)
    assert code == 0, daemon.log()

    # every order once, every message once in the ledger, every notice key once
    assert_nothing_twice(workspace, expected)
    assert sorted(tracker_pos(workspace)) == sorted(expected)
    rows = query(workspace, "SELECT key, message_id, status, transport FROM outbox")
    assert len(rows) == MESSAGES  # the acknowledgement of every order
    assert {r["status"] for r in rows} == {"sent"} and {r["transport"] for r in rows} == {"smtp"}
    assert len({r["key"] for r in rows}) == len(rows) and len({r["message_id"] for r in rows}) == len(rows)

    # each Message-ID reached the server once, plus at most one copy per kill in the open window
    received = received_ids(smtp)
    ours = {r["message_id"] for r in rows}
    assert set(received) == ours
    duplicates = {mid: n - 1 for mid, n in received.items() if n > 1}
    unexplained = {mid: n for mid, n in duplicates.items() if n > window[mid]}
    assert not unexplained, (seed, unexplained, in_flight)
    assert sum(duplicates.values()) <= sum(window.values())
    assert set(sent_folder_ids(imap_user)) == ours  # every sent notice has its Sent copy

    logs = (workspace / "logs" / "mailflow.log").read_text(errors="replace")
    recovered = logs.count("found in the mailbox after an interrupted send")
    resent = logs.count("sending again (at-least-once)")
    found = Counter(f for _, _, f in in_flight)
    print(
        f"\nkill -9 with SMTP (seed {seed}): {KILLS} kills ({dict(phases)}), {MESSAGES} notices;"
        f" {len(in_flight)} kills between a send and its record: {dict(found)};"
        f" recovered by the Sent-folder check: {recovered}, sent again: {resent};"
        f" duplicates at the SMTP server: {sum(duplicates.values())} (window kills: {sum(window.values())});"
        f" {kill_seconds:.1f} s of kills, {time.monotonic() - began:.1f} s in all"
    )
