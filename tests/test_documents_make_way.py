"""``DocumentStage.make_way`` and a stage stopped for fresh mail, with a real LibreOffice that
hangs (stopped with SIGSTOP) or dies (kill -9) under a document: fresh mail waits a bounded time
(``MIN_SECONDS + 2 * WAY_SECONDS``), never a conversion's time limit; LibreOffice is gone once
the stage made way; the documents given up are made by the next ``finish``, each notice once
and with its PDF."""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from docx import Document

from mailflow.config import load
from mailflow.context import Env, fixed_clock
from mailflow.document_stage import DocumentStage
from mailflow.documents.pdf import close_listeners, find_soffice
from helpers.daemon import NOW, clean_environ, cli, count, deliver, make_workspace, outbox_files, po_email
from helpers.libreoffice import libreoffice_running, with_pdfs

pytestmark = pytest.mark.skipif(find_soffice("soffice") is None, reason="LibreOffice is not installed")

ORDERS = 3
MARGIN = 4.0  # seconds of slack on a busy two-core machine


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def running(name: bytes) -> list[int]:
    """This test's LibreOffice processes whose command line holds ``name``."""
    return [pid for pid in libreoffice_running() if name in _cmdline(pid)]


def gone_within(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while libreoffice_running():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture
def hung(tmp_path):
    """Orders on the document queue, their documents not begun, and a stage whose LibreOffice
    is up and then stopped (SIGSTOP: it answers nothing, as when it hangs): the workspace, the
    Env, the stage, and the stopped soffice.bin."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in range(1, ORDERS + 1):
        deliver(workspace, po_email(n), f"po{n}.eml")
    # killed as the first document is rendered: every order waits on the queue, none begun
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == ORDERS
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    close_listeners()
    stopped: list[int] = []
    try:
        warm = tmp_path / "warm.docx"
        document = Document()
        document.add_paragraph("LibreOffice is up")
        document.save(str(warm))
        assert stage.converter().submit(warm).result(timeout=120) is not None
        (soffice,) = running(b"soffice.bin")
        os.kill(soffice, signal.SIGSTOP)
        stopped.append(soffice)
        yield workspace, env, stage, soffice
    finally:
        for pid in stopped:  # a test that failed half-way: nothing stays stopped behind it
            for sig in (signal.SIGCONT, signal.SIGKILL):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
        stage.close()
        close_listeners()
        env.close()


def assert_each_acknowledged_once_with_its_pdf(workspace: Path) -> None:
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
    acks = [m for m in outbox_files(workspace) if m["X-Mailflow-Notice"] == "order_ack"]
    names = sorted(m["Subject"] for m in acks)
    assert len(names) == ORDERS == len(set(names)), names
    for message in acks:
        attached = [part.get_filename() for part in message.iter_attachments()]
        assert len(attached) == 1 and attached[0].endswith("Order Form.pdf"), attached


def finish_all(workspace: Path, stage: DocumentStage) -> None:
    """The next ``finish`` (a fresh LibreOffice) makes every order's documents, then the outbox
    writes the notices; LibreOffice ends with the queue."""
    assert len(stage.finish()) == ORDERS
    assert gone_within(5)
    assert cli(workspace, "run", "--once", timeout=240).returncode == 0  # the outbox: the .eml files
    assert_each_acknowledged_once_with_its_pdf(workspace)


def test_making_way_for_a_hung_libreoffice_waits_its_bound_then_kills_it(hung):
    workspace, env, stage, soffice = hung
    for order_no, _ in env.store.queued_documents():
        stage.begin(order_no)  # the first document goes to the stopped LibreOffice and hangs there
    time.sleep(0.5)
    began = time.monotonic()
    stage.make_way()
    took = time.monotonic() - began
    assert stage.WAY_SECONDS - 0.5 <= took <= stage.WAY_SECONDS + MARGIN, took  # waited, then no longer
    assert gone_within(5), libreoffice_running()  # the hung LibreOffice and its converter: killed
    assert stage.begun == {}  # every order given up: none waits on a PDF that cannot come
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == ORDERS
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == 0
    finish_all(workspace, stage)


def test_fresh_mail_waits_a_bounded_time_behind_a_hung_libreoffice(hung):
    """The daemon's stage with mail waiting (``until`` says so at once): it completes no order
    whose PDF does not come, gives up waiting after ``WAY_SECONDS``, and making way for the
    parse workers takes as long again: far less than the conversion's two-minute limit."""
    workspace, env, stage, soffice = hung
    assert env.config.documents.timeout_seconds >= 60
    stage.MIN_SECONDS = 0.0
    began = time.monotonic()
    assert stage.finish(until=lambda: True) == []
    waited = time.monotonic() - began
    assert stage.WAY_SECONDS - 0.5 <= waited <= stage.WAY_SECONDS + MARGIN, waited
    stage.make_way()
    blocked = time.monotonic() - began
    assert blocked <= stage.MIN_SECONDS + 2 * stage.WAY_SECONDS + MARGIN, blocked
    assert gone_within(5), libreoffice_running()
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == ORDERS
    finish_all(workspace, stage)


def test_a_converter_killed_while_the_stage_makes_way_ends_the_wait_at_once(hung):
    """kill -9 of the UNO converter (its LibreOffice goes with it) while ``make_way`` waits for
    a hung document: the wait ends as the converter dies, not when it would have expired."""
    workspace, env, stage, soffice = hung
    for order_no, _ in env.store.queued_documents():
        stage.begin(order_no)
    time.sleep(0.5)
    (converter,) = running(b"uno_converter")
    began = time.monotonic()
    killer = threading.Timer(1.0, os.kill, (converter, signal.SIGKILL))
    killer.start()
    stage.make_way()
    took = time.monotonic() - began
    killer.join()
    assert took < stage.WAY_SECONDS - 1, took
    assert gone_within(5), libreoffice_running()  # soffice.bin died with its converter (parent-death signal)
    assert stage.begun == {}
    finish_all(workspace, stage)


def test_a_libreoffice_that_dies_under_a_document_is_started_again_and_the_document_kept(hung):
    """kill -9 of soffice.bin itself under a document (not a hang): the converter starts a new
    LibreOffice and converts the document again, so ``make_way`` keeps that PDF when it comes
    within its wait; the rest is made by the next ``finish``."""
    workspace, env, stage, soffice = hung
    first = env.store.queued_documents()[0][0]
    stage.begin(first)
    time.sleep(0.5)
    os.kill(soffice, signal.SIGKILL)
    stage.WAY_SECONDS = 60.0  # room for a restart on a busy machine: this is about the restart
    began = time.monotonic()
    stage.make_way()
    assert time.monotonic() - began < stage.WAY_SECONDS
    assert gone_within(5), libreoffice_running()
    (rendered, future) = next(iter(stage.begun[first].documents.values()))
    assert future is not None and future.done() and not future.cancelled()
    assert future.result() is not None and future.result().stat().st_size > 0
    finish_all(workspace, stage)
