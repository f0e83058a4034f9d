"""IMAP through the real pipeline and the real CLI: nothing lost, nothing twice.

The bundled sample customer emails are delivered to a Dovecot user; mailflow reads them with
``MAILFLOW_IMAP_URL`` set (which makes IMAP the source over the workspace's Maildir default).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.context import Env, fixed_clock
from mailflow.scaffold import bundled, create_workspace

pytestmark = pytest.mark.imap
NOW = dt.datetime.fromisoformat("2026-11-23T09:00:00+08:00")
SAMPLES = sorted(bundled("samples").glob("*.eml"))
ORDERS_IN_SAMPLES = 4
DONE = b"$MailflowDone"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    create_workspace(tmp_path / "ws", now=NOW)
    return tmp_path / "ws"


@pytest.fixture
def inbox(imap_user, dovecot, monkeypatch):
    """The samples in the user's INBOX, and the environment pointing mailflow at it."""
    for sample in SAMPLES:
        imap_user.deliver(sample.read_bytes())
    monkeypatch.setenv("MAILFLOW_IMAP_URL", imap_user.url())
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(dovecot.ca_file))
    return imap_user


def open_env(workspace: Path) -> Env:
    return Env.open(config_mod.load(workspace / "config.yaml"), clock=fixed_clock(NOW))


def ledger(workspace: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(workspace / "state" / "mailflow.db")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM messages ORDER BY id").fetchall()
    finally:
        conn.close()


def outbox_keys(workspace: Path) -> list[str]:
    conn = sqlite3.connect(workspace / "state" / "mailflow.db")
    try:
        return [r[0] for r in conn.execute("SELECT key FROM outbox ORDER BY id")]
    finally:
        conn.close()


def run_once(workspace: Path):
    env = open_env(workspace)
    try:
        return pipeline.run_once(env)
    finally:
        env.close()


def test_run_once_over_imap_records_each_message_once_and_marks_it(workspace, inbox):
    report = run_once(workspace)
    assert not report.errors, report.errors
    rows = ledger(workspace)
    assert len(rows) == len(SAMPLES)
    assert {r["source"] for r in rows} == {"imap:default/INBOX"}
    assert all(r["done_at"] and r["uid"] and r["uidvalidity"] for r in rows)
    assert sum(1 for r in rows if r["order_no"]) >= ORDERS_IN_SAMPLES
    assert all(DONE in f and b"\\Seen" not in f for f in inbox.flags().values())
    notices = outbox_keys(workspace)
    again = run_once(workspace)
    assert not again.errors and again.messages == []
    assert len(ledger(workspace)) == len(SAMPLES) and outbox_keys(workspace) == notices


def test_keyword_only_after_commit(workspace, inbox, monkeypatch):
    env = open_env(workspace)

    def failing_commit(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(env.store, "record_message", failing_commit)
    try:
        pipeline.run_once(env)
    finally:
        env.close()
    assert ledger(workspace) == []
    assert all(DONE not in f for f in inbox.flags().values())  # nothing committed: nothing marked
    monkeypatch.undo()
    os.environ["MAILFLOW_IMAP_URL"] = inbox.url()  # undo() dropped the fixture's setenv too
    os.environ["MAILFLOW_CA_FILE"] = str(inbox.dovecot.ca_file)
    try:
        report = run_once(workspace)
    finally:
        del os.environ["MAILFLOW_IMAP_URL"], os.environ["MAILFLOW_CA_FILE"]
    assert not report.errors, report.errors
    assert len(ledger(workspace)) == len(SAMPLES)
    assert all(DONE in f for f in inbox.flags().values())


def test_uidvalidity_reset_records_nothing_twice(workspace, inbox):
    run_once(workspace)
    first = ledger(workspace)
    orders, notices = {r["order_no"] for r in first if r["order_no"]}, outbox_keys(workspace)
    inbox.set_uidvalidity("INBOX", first[0]["uidvalidity"] + 7)
    report = run_once(workspace)
    assert not report.errors, report.errors
    second = ledger(workspace)[len(first) :]
    assert len(second) == len(SAMPLES)
    assert {r["outcome"] for r in second} == {"duplicate"}
    assert {r["uidvalidity"] for r in second} == {first[0]["uidvalidity"] + 7}
    assert {r["order_no"] for r in ledger(workspace) if r["order_no"]} >= orders
    assert outbox_keys(workspace) == notices  # no notice sent twice
    assert len({r["sha256"] for r in second}) == len({r["sha256"] for r in first})
    assert all(DONE in f for f in inbox.flags().values())


def mailflow_cli(workspace: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mailflow")
    base = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    return subprocess.run(
        [str(exe), "--now", NOW.isoformat(), "--config", str(workspace / "config.yaml"), "run", "--once"],
        capture_output=True, text=True, timeout=300, env={**base, **env},
    )  # fmt: skip


@pytest.mark.slow
def test_process_killed_between_commit_and_action_processes_nothing_twice(workspace, inbox, dovecot):
    env = {"MAILFLOW_IMAP_URL": inbox.url(), "MAILFLOW_CA_FILE": str(dovecot.ca_file)}
    crashed = mailflow_cli(workspace, {**env, "MAILFLOW_CRASH_AT": "after_commit"})
    assert crashed.returncode == 137, crashed.stderr
    rows = ledger(workspace)
    assert len(rows) == len(SAMPLES) and all(r["done_at"] is None for r in rows)
    assert all(DONE not in f for f in inbox.flags().values())  # died before any mailbox action
    notices = outbox_keys(workspace)

    restarted = mailflow_cli(workspace, env)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    rows = ledger(workspace)
    assert len(rows) == len(SAMPLES)  # nothing processed twice
    assert all(r["done_at"] for r in rows)  # and the action was applied after all
    assert all(DONE in f for f in inbox.flags().values())
    assert outbox_keys(workspace) == notices and len(set(notices)) == len(notices)
    assert inbox.password not in restarted.stdout + restarted.stderr
