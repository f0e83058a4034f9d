"""The fork server the parse workers come from: a worker it forks reads an order, has its own
address-space limit, and is the server's child; the server reports each worker's exit status
(its own end, a kill); workers die with the server, and the server with the process that started
it; a server that cannot start leaves the workers to start one by one; the server stops when no
worker of it is left. Real processes, a real corpus attachment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailflow import forkserver, parseworker
from mailflow.config import Limits
from mailflow.forkserver import ForkServer, ForkServerError
from mailflow.parseworker import WorkerPool

from helpers.parsejobs import acme_mail, context, po_number

MB = 1024 * 1024

pytestmark = pytest.mark.skipif(not forkserver.available(), reason="no fork server on this platform")


@pytest.fixture
def message():
    return acme_mail()


@pytest.fixture
def workers():
    pool = WorkerPool(size=1)
    yield pool
    pool.close()


def parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[1])


def gone(pid: int, seconds: float = 10) -> bool:
    """Whether process ``pid`` has ended (or is a zombie nobody reaped) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def the_server() -> ForkServer:
    server = forkserver.parse_workers()
    assert server is not None and server.running()
    return server


def test_a_forked_worker_reads_the_order_and_is_the_servers_child(workers, message):
    assert po_number(workers.parse(message, context(), Limits())) == "AF-26-1204"
    (worker,) = workers._workers
    assert isinstance(worker.proc, forkserver.ForkedProcess)
    assert parent_of(worker.proc.pid) == the_server()._proc.pid  # not ours: the server's


def test_each_worker_has_its_own_address_space_limit(workers, message):
    workers.parse(message, context(), Limits(worker_memory_mb=700))
    (worker,) = workers._workers
    limits = Path(f"/proc/{worker.proc.pid}/limits").read_text()
    (line,) = [line for line in limits.splitlines() if line.startswith("Max address space")]
    assert line.split()[3:5] == [str(700 * MB), str(700 * MB)]  # soft and hard, in bytes


def test_the_server_reports_a_killed_workers_signal_and_a_finished_ones_status(message):
    server = ForkServer(forkserver.PARSE_WORKERS)
    try:
        killed, finished = server.fork(0, 120), server.fork(0, 120)
        for proc in (killed, finished):
            assert parseworker._read_frame(proc.stdout, time.monotonic() + 30) == b"ready"
        assert killed.poll() is None
        killed.kill()
        assert killed.wait(10) == -signal.SIGKILL
        finished.stdin.close()  # the worker's loop ends with its input
        assert finished.wait(10) == 0
        for proc in (killed, finished):
            with pytest.raises(ProcessLookupError):
                os.kill(proc.pid, 0)  # reaped by the server: no zombie left behind
    finally:
        server.stop()


def test_workers_die_with_the_server_and_the_next_job_starts_a_new_one(workers, message):
    workers.parse(message, context(), Limits())
    (worker,) = workers._workers
    old_server, old_worker = the_server()._proc.pid, worker.proc.pid
    os.kill(old_server, signal.SIGKILL)
    assert gone(old_worker)  # its parent-death signal
    assert worker.proc.wait(10) == -signal.SIGKILL  # the status pipe's end says the server took it
    assert po_number(workers.parse(message, context(), Limits())) == "AF-26-1204"
    assert the_server()._proc.pid != old_server


def test_a_server_that_cannot_start_leaves_the_workers_to_start_one_by_one(workers, message, monkeypatch):
    broken = ForkServer("import sys; sys.exit(3)")
    monkeypatch.setattr(parseworker, "parse_workers", lambda: None if broken.failed else broken)
    assert po_number(workers.parse(message, context(), Limits())) == "AF-26-1204"
    (worker,) = workers._workers
    assert broken.failed and isinstance(worker.proc, subprocess.Popen)
    assert parent_of(worker.proc.pid) == os.getpid()
    with pytest.raises(ForkServerError):
        broken.fork(0, 5)


def test_the_server_stops_once_no_worker_of_it_runs(message):
    server = ForkServer(forkserver.PARSE_WORKERS)
    try:
        worker = server.fork(0, 120)
        server.stop_if_unused()
        assert server.running()  # a worker of it still serves (another pool's)
        worker.kill()
        worker.wait(10)
        pid = server._proc.pid
        server.stop_if_unused()
        assert not server.running() and gone(pid)
    finally:
        server.stop()


def test_closing_the_pool_where_no_worker_ran_makes_no_server(monkeypatch):
    """A cycle without mail closes the pool too: that makes no fork server to stop."""
    monkeypatch.setattr(forkserver, "_PARSE_SERVER", None)
    parseworker.close_pool()
    assert forkserver._PARSE_SERVER is None


def test_killing_the_process_that_started_them_ends_the_server_and_its_workers(tmp_path):
    """kill -9 of the daemon: nothing it started lingers (the server reads the end of its socket
    or gets its parent-death signal, and each worker gets its own)."""
    probe = (
        "import time; from mailflow import forkserver; from mailflow.parseworker import WorkerPool;"
        " pool = WorkerPool(size=2); pool.warm(512);"
        " print(forkserver.parse_workers()._proc.pid, *[w.proc.pid for w in pool._workers], flush=True);"
        " time.sleep(600)"
    )
    owner = subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        pids = [int(p) for p in owner.stdout.readline().split()]
        assert len(pids) == 3 and parent_of(pids[1]) == pids[0] == parent_of(pids[2])
    finally:
        owner.kill()
        owner.wait(30)
    assert all(gone(pid) for pid in pids)


def test_the_server_is_one_thread_when_it_forks():
    """A fork copies only the thread that calls it: a lock another thread held would stay held
    in every worker. Nothing the server loads may start a thread."""
    probe = (
        "import threading; from mailflow.parseworker import _preload_all; _preload_all();"
        " print(threading.active_count())"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "1"


def test_a_server_whose_process_cannot_be_made_is_given_up_without_an_error(monkeypatch, tmp_path):
    """``run --once`` starts the server before anything else: a Python that cannot be run there
    must not stop the cycle, only send the workers the slow way."""
    monkeypatch.setattr(forkserver.sys, "executable", str(tmp_path / "no-such-python"))
    early = ForkServer(forkserver.PARSE_WORKERS)
    early.start()
    assert early.failed and not early.running()
    late = ForkServer(forkserver.PARSE_WORKERS)
    with pytest.raises(ForkServerError, match="did not start or answer"):
        late.fork(0, 5)
    assert late.failed
