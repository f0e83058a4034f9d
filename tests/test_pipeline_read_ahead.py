"""Reading ahead: the parse workers read the next messages while one is recorded. Each message is
still recorded once, in arrival order, with the outcome reading it in its turn would give — a
reading begun before an order it names was recorded is read again."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor

from mailflow import config as config_mod
from mailflow import parseworker, pipeline
from mailflow.config import defaults
from mailflow.context import Env, fixed_clock
from mailflow.model import Order
from mailflow.pipeline import _begin_reading, _read_ahead
from mailflow.sources.base import Fetched
from helpers.daemon import cli, deliver, make_workspace, po_email, query

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def mail(subject: str, body: str, key: str) -> bytes:
    return (
        f"From: Tom Baker <tom.baker@acme-robotics.example>\r\nTo: orders@example.com\r\n"
        f"Subject: {subject}\r\nDate: Sat, 21 Nov 2026 15:05:00 +0000\r\nMessage-ID: <{key}@acme-robotics.example>\r\n"
        f'Content-Type: text/plain; charset="utf-8"\r\nMIME-Version: 1.0\r\n\r\n{body}\r\n'
    ).encode()


def test_a_reading_that_an_order_recorded_meanwhile_bears_on_is_read_again(tmp_path):
    env = Env.open(defaults(tmp_path), clock=fixed_clock(NOW))
    names = Fetched("maildir:test", "names", mail("Shipping", "Could 7781-B leave a week early?", "names"))
    other = Fetched("maildir:test", "other", mail("Shipping", "Could the blue ones leave early?", "other"))
    try:
        with ThreadPoolExecutor(max_workers=2) as workers:
            reading = _begin_reading(env, names, workers)
            unrelated = _begin_reading(env, other, workers)
            assert "7781-B" not in reading.future.result().references  # read before the order existed
            with env.store.transaction():
                env.store.save_order(Order("SO-2026-0001", "7781-B", "Acme Robotics Inc.", NOW), NOW)
            _, result = reading.take(env)
            assert "7781-B" in result.references  # read again: as it would be read now
            _, kept = unrelated.take(env)
            assert kept is unrelated.future.result()  # nothing recorded bears on it: the worker's reading stands
    finally:
        env.close()


def test_a_backlog_read_ahead_is_recorded_once_each_in_arrival_order(tmp_path):
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    assert "parse_workers: 2" in config.read_text()
    for n in range(1, 7):
        raw = po_email(n) if n != 4 else b"From: \xff\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--"
        path = deliver(workspace, raw, f"{n}-mail")
        os.utime(path, (1000 + n, 1000 + n))
    done = cli(workspace, "run", "--once")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = query(workspace, "SELECT source_key, outcome FROM messages ORDER BY id")
    assert [r["source_key"] for r in rows] == [f"{n}-mail" for n in range(1, 7)]
    assert sum(r["outcome"] == "processed" for r in rows) >= 5
    assert sorted(r["po_number"] for r in query(workspace, "SELECT po_number FROM orders")) == [
        f"KT-{n:05d}" for n in (1, 2, 3, 5, 6)
    ]
    assert not query(workspace, "SELECT 1 FROM parsing")  # no message left marked as being read


def test_a_message_a_process_died_reading_is_read_alone(tmp_path):
    """After a death while two messages were being read, the one left marked is read with
    nothing beside it: a second death is then counted against it alone, and the message that
    merely sat beside a killer is never quarantined with it."""
    env = Env.open(defaults(tmp_path), clock=fixed_clock(NOW))
    items = [Fetched("maildir:test", key, mail("Order", f"PO {key}", key)) for key in ("a", "suspect", "b", "c")]
    try:
        assert env.config.mailbox.limits.parse_workers >= 2
        env.store.begin_parse("maildir:test", "suspect", NOW)  # the process died reading it
        seen = []
        for item, reading in _read_ahead(env, iter(items)):
            marked = {key for _, key in env.store.unfinished_reads()}
            if item.source_key == "suspect":
                assert reading is None  # read in its turn ...
                assert marked == {"suspect"}  # ... with no other message being read
            else:
                assert reading is not None
                reading.take(env)
            env.store.end_parse(item.source, item.source_key)
            seen.append(item.source_key)
        assert seen == ["a", "suspect", "b", "c"]
    finally:
        env.close()


def test_messages_are_read_ahead_up_to_four_a_worker_within_a_bound_on_their_bytes(tmp_path, monkeypatch):
    """While a message is recorded, or waits for a long PDF, a worker done with the one before
    takes the next at once: with two workers, eight short messages are being read when the first
    is handed out; long ones only as long as those beyond the first three stay under the bound."""
    env = Env.open(defaults(tmp_path), clock=fixed_clock(NOW))
    taken: list[str] = []

    def source(count: int, pad: int = 0):
        for n in range(count):
            taken.append(f"m{n}")
            body = f"Could order {n} leave early?" + " Thanks." * pad
            key = f"m{n}" + ("-long" if pad else "")
            yield Fetched("maildir:test", key, mail("Shipping", body, key))

    try:
        assert env.config.mailbox.limits.parse_workers == 2
        handed = _read_ahead(env, source(12))
        first, reading = next(handed)
        assert first.source_key == "m0" and taken == [f"m{n}" for n in range(8)]
        assert reading.take(env)[1].kind is not None  # read by a worker
        assert [item.source_key for item, _ in handed] == [f"m{n}" for n in range(1, 12)]

        size = len(next(source(1, pad=200)).raw)
        taken.clear()
        monkeypatch.setattr(pipeline, "READ_AHEAD_BYTES", 2 * size + 1)  # two long messages beyond the three
        handed = _read_ahead(env, source(12, pad=200))
        next(handed)
        assert taken == [f"m{n}" for n in range(6)]  # three, then three more until the bound is passed
        assert len(list(handed)) == 11
    finally:
        env.close()


def test_a_one_off_run_writes_the_tracker_after_its_messages_not_during_them(tmp_path):
    """``run --once`` writes the tracker once its messages are read and once after its
    documents, however long the messages take (``tracker.sync_seconds`` paces the daemon only):
    each save keeps a backup of the version it replaced, so the backups count the saves."""
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    config.write_text(config.read_text().replace("  sync_seconds: 60", "  sync_seconds: 1"))
    for n in range(1, 7):
        deliver(workspace, po_email(n), f"{n}-mail")
    done = cli(workspace, "run", "--once")
    assert done.returncode == 0, done.stdout + done.stderr
    assert query(workspace, "SELECT COUNT(*) FROM orders")[0][0] == 6
    assert len(list((workspace / "backups").iterdir())) == 2


def test_no_message_is_marked_as_being_read_before_the_parse_workers_are_up(tmp_path):
    """A cycle starts its parse workers (and waits for their readers) before the first message is
    marked as being read: a process killed while its workers start — seconds on a busy machine —
    is then never counted against a message it had not begun, and three such deaths cannot
    quarantine an order that did nothing wrong."""
    workspace = make_workspace(tmp_path)
    for n in range(1, 4):
        deliver(workspace, po_email(n), f"{n}-mail")
    env = Env.open(config_mod.load(workspace / "config.yaml"), clock=fixed_clock(NOW))
    workers_up_at_mark: list[bool] = []
    begin_parse = env.store.begin_parse

    def noting(source: str, key: str, now: dt.datetime) -> int:
        workers = parseworker.pool()._workers
        workers_up_at_mark.append(bool(workers) and all(w.loaded and w.proc.poll() is None for w in workers))
        return begin_parse(source, key, now)

    env.store.begin_parse = noting  # type: ignore[method-assign]
    try:
        parseworker.pool().close()  # no worker left from an earlier test
        report = pipeline.run_once(env, flush=False)  # the workspace's Maildir
        assert len(report.messages) == 3
        assert workers_up_at_mark == [True, True, True]
        assert query(workspace, "SELECT COUNT(*) FROM orders")[0][0] == 3
    finally:
        parseworker.pool().close()
        env.close()


def test_a_cycle_starts_a_parse_worker_for_each_message_up_to_the_limit(tmp_path, monkeypatch):
    """A daemon's cycle mostly has one new mail: it starts one parse worker, not two (each start
    is most of a second of processor time, paid again every cycle after LibreOffice had the
    room). A backlog starts as many as ``limits.parse_workers``."""
    workspace = make_workspace(tmp_path)
    assert "parse_workers: 2" in (workspace / "config.yaml").read_text()
    started: list[int] = []
    start = parseworker.Worker._start
    monkeypatch.setattr(parseworker.Worker, "_start", lambda self: started.append(1) or start(self))
    env = Env.open(config_mod.load(workspace / "config.yaml"), clock=fixed_clock(NOW))
    try:
        parseworker.pool().close()  # no worker left from an earlier test
        deliver(workspace, po_email(1), "1-mail")
        assert len(pipeline.run_once(env, flush=False).messages) == 1
        assert len(started) == 1
        for n in range(2, 5):
            deliver(workspace, po_email(n), f"{n}-mail")
        assert len(pipeline.run_once(env, flush=False).messages) == 3
        assert len(started) == 3  # two more: the first cycle's worker ended with its cycle
        assert len(pipeline.run_once(env, flush=False).messages) == 0 and len(started) == 3  # no mail: none
    finally:
        parseworker.pool().close()
        env.close()
