"""The parse workers' lifetime: a worker that grew past its bound after a job is ended and the next
job is read by a fresh one; one that did not grow keeps serving; a closed pool starts its workers
again for the next message. A job's limit is the worker's processor time: a worker held up by a
busy machine still reads the order, one that works too long or stops working is given up. Real
worker processes, real corpus attachments."""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time

import pytest

from mailflow import parseworker
from mailflow.config import Limits
from mailflow.errors import LimitExceeded
from mailflow.extract import ParseContext
from mailflow.message import parse as parse_mime
from mailflow.model import KnownNumbers
from mailflow.parseworker import KnownPOs, WorkerPool

import bombs
from helpers.parsejobs import acme_mail, context, po_number


@pytest.fixture
def message():
    return acme_mail()


@pytest.fixture
def pool():
    workers = WorkerPool(size=1)
    yield workers
    workers.close()


def worker_pid(pool: WorkerPool) -> int | None:
    (worker,) = pool._workers
    return worker.proc.pid if worker.proc is not None else None


def test_a_worker_grown_past_its_bound_is_ended_and_the_next_job_gets_a_fresh_one(pool, message, monkeypatch):
    expected = po_number(pool.parse(message, context(), Limits()))
    assert expected == "AF-26-1204"  # acme-fpdf.expected.json
    monkeypatch.setattr(parseworker, "RECYCLE_MB", -1)  # any size counts as grown
    first = worker_pid(pool)
    assert po_number(pool.parse(message, context(), Limits())) == expected
    assert worker_pid(pool) is None  # ended after its answer: its memory is back already
    assert po_number(pool.parse(message, context(), Limits())) == expected  # a fresh one reads it
    assert pool._workers[0].ready_mb is not None and first is not None


def test_a_worker_that_did_not_grow_keeps_serving(pool, message, monkeypatch):
    monkeypatch.setattr(parseworker, "RECYCLE_MB", 10_000)
    pool.parse(message, context(), Limits())
    first = worker_pid(pool)
    assert po_number(pool.parse(message, context(), Limits())) == "AF-26-1204"
    assert worker_pid(pool) == first


def test_a_closed_pool_starts_a_worker_again_for_the_next_message(pool, message):
    expected = po_number(pool.parse(message, context(), Limits()))
    first = worker_pid(pool)
    pool.close()
    assert not pool._workers  # nothing left running
    assert po_number(pool.parse(message, context(), Limits())) == expected
    assert worker_pid(pool) not in (None, first)


def test_a_worker_started_by_a_thread_that_ended_still_reads(pool, message):
    """Linux kills a child when the *thread* that started it ends (the parent-death signal): a
    worker first asked for by a reading thread that is gone must still serve the next message."""
    reader = threading.Thread(target=pool.parse, args=(message, context(), Limits()))
    reader.start()
    reader.join()
    first = worker_pid(pool)
    time.sleep(0.5)  # a killed worker would be gone by now
    assert po_number(pool.parse(message, context(), Limits())) == "AF-26-1204"
    assert worker_pid(pool) == first


def held_up(pid: int, seconds: float) -> threading.Timer:
    """Stop process ``pid`` now and let it go on after ``seconds``: a machine so busy that the
    worker gets no processor for that long."""
    os.kill(pid, signal.SIGSTOP)
    resume = threading.Timer(seconds, os.kill, (pid, signal.SIGCONT))
    resume.start()
    return resume


def test_warming_for_one_job_starts_one_worker_and_the_job_takes_it(message):
    """A cycle with one message starts one worker (a start is most of a second of processor
    time), and its job goes to that worker, not to a second one started for it."""
    workers = WorkerPool(size=2)
    try:
        workers.warm(Limits().worker_memory_mb, 1)
        (worker,) = workers._workers
        assert worker.loaded and worker.running()
        pid = worker.proc.pid
        assert po_number(workers.parse(message, context(), Limits())) == "AF-26-1204"
        assert [w.proc.pid for w in workers._workers] == [pid]
        workers.warm(Limits().worker_memory_mb, 5)  # more jobs than workers: every worker, the first kept
        assert len(workers._workers) == 2 and all(w.loaded and w.running() for w in workers._workers)
        assert pid in [w.proc.pid for w in workers._workers]
    finally:
        workers.close()


def test_a_worker_held_up_by_a_busy_machine_past_the_limit_still_reads_the_order(pool, message):
    pool.warm(Limits().worker_memory_mb)
    resume = held_up(worker_pid(pool), 3.0)
    started = time.monotonic()
    try:
        result = pool.parse(message, context(), Limits(parse_seconds=1))
    finally:
        resume.join()
    assert time.monotonic() - started >= 2.5  # the clock ran well past the 1 s limit ...
    assert po_number(result) == "AF-26-1204"  # ... and the order was read all the same


def test_a_job_that_works_past_the_limit_is_stopped_by_its_processor_time(pool):
    # openpyxl reads this 40,000-row workbook for about 3.5 s of processor time
    slow = parse_mime(bombs.po_mail("SLOW-1", "PO_SLOW-1.xlsx", bombs.XLSX, bombs.slow_workbook(40_000)), Limits())
    pool.warm(Limits().worker_memory_mb)
    first = worker_pid(pool)
    with pytest.raises(LimitExceeded, match=r"took longer than the 1 s limit \(processor time\)"):
        pool.parse(slow, context(), Limits(parse_seconds=1))
    assert worker_pid(pool) is None and first is not None  # that worker was ended
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)


def test_a_worker_that_stops_working_is_given_up_by_the_clock(pool, message, monkeypatch):
    monkeypatch.setattr(parseworker, "WALL_GRACE", 0)  # given up after 4 x the 0.5 s limit
    pool.warm(Limits().worker_memory_mb)
    pid = worker_pid(pool)
    os.kill(pid, signal.SIGSTOP)  # never continued: it will not answer, nor use any processor
    with pytest.raises(LimitExceeded, match=r"took longer than 2 s by the clock without finishing"):
        pool.parse(message, context(), Limits(parse_seconds=0.5))
    assert worker_pid(pool) is None
    assert po_number(pool.parse(message, context(), Limits())) == "AF-26-1204"  # a fresh worker reads on


def as_sets(numbers):
    """The PO numbers as any set of them."""
    return KnownPOs.of(numbers)


def as_the_store_gives_them(numbers, values={}):  # noqa: B006 - the lineage of the last call
    """The PO numbers as the store's values are: each grown from the one before when it only
    adds numbers (``KnownNumbers.grown``), a lineage of its own when it drops one."""
    keys = [parseworker.po_key(n) for n in numbers]
    last = values.get("last")
    if last is not None and list(last) == keys[: len(last)]:
        values["last"] = last.grown(keys[len(last) :])
    else:
        values["last"] = KnownNumbers.of(keys)
    return KnownPOs(values["last"])


@pytest.mark.parametrize("known_pos", [as_sets, as_the_store_gives_them])
def test_a_worker_gets_the_po_numbers_on_record_once_and_then_only_those_added(pool, monkeypatch, known_pos):
    sent: list[int] = []
    real = parseworker._write_frame
    monkeypatch.setattr(
        parseworker, "_write_frame", lambda stream, payload: sent.append(len(payload)) or real(stream, payload)
    )
    raw = b"From: buyer@acme.example\r\nSubject: 47113\r\nMessage-ID: <k@acme.example>\r\n\r\nRef 47113: item A-100 qty 5\r\n"
    mail = parse_mime(raw, Limits())
    on_record = [f"PO-{n:07d}" for n in range(20_000)]

    def references(numbers):
        ctx = dataclasses.replace(ParseContext(limits=Limits()), known_po=known_pos(numbers))
        return pool.parse(mail, ctx, Limits()).references

    assert "47113" not in references(on_record)  # the whole set: 20,000 numbers
    assert "47113" in references([*on_record, "47113"])  # one number added: the worker adds it to its own
    assert sent[0] > 200_000 and sent[1] < sent[0] / 50
    assert "47113" in references([*on_record, "47113", "PO-9"])
    assert "47113" not in references(on_record[1:])  # an order gone: the set is sent whole again
    assert sent[3] > 200_000
    pool.close()  # a fresh worker holds nothing: it gets the whole set
    assert "47113" in references([*on_record, "47113"]) and sent[4] > 200_000


def test_the_numbers_added_for_a_worker_are_a_slice_of_the_stores_values():
    """The daemon finds what a worker must add without comparing 20,000 numbers twice a
    message: between two values of the store's lineage it is the slice between them; other
    sets are compared whole, and a set that lost a number is sent whole (None)."""
    held = KnownNumbers.of(f"po-{n}" for n in range(20_000))
    now = held.grown(["po-x", "po-y"])
    assert parseworker._added(now, held) == ["po-x", "po-y"]
    assert parseworker._added(frozenset(now), frozenset(held)) == {"po-x", "po-y"}
    assert parseworker._added(KnownNumbers.of(list(now)[1:]), held) is None  # po-0 is gone
    assert parseworker._added(now, frozenset(held)) == {"po-x", "po-y"}  # not of one lineage: whole


def test_a_worker_whose_po_numbers_are_out_of_step_is_sent_them_whole(pool, monkeypatch):
    raw = b"From: buyer@acme.example\r\nSubject: 47113\r\nMessage-ID: <s@acme.example>\r\n\r\nRef 47113: item A-100 qty 5\r\n"
    mail = parse_mime(raw, Limits())
    first = dataclasses.replace(ParseContext(limits=Limits()), known_po=KnownPOs.of(["PO-1"]))
    assert "47113" not in pool.parse(mail, first, Limits()).references
    (worker,) = pool._workers
    worker.known = frozenset({"po-1", "47113"})  # this process believes the worker holds more than it does
    second = dataclasses.replace(first, known_po=KnownPOs.of(["PO-1", "47113", "PO-2"]))
    assert "47113" in pool.parse(mail, second, Limits()).references  # asked again with the whole set
