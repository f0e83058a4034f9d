"""Documents the workflow makes due later in an order's life — by a timer (the pre-assembly
letter ten days before assembly) or by a staff edit (the confirmed order form) — go through the
cycle's documents stage, with the documents of the orders just read: one real LibreOffice for all
of them in a cycle, ended once the queue is empty, and each notice queued once with its PDF."""

from __future__ import annotations

import datetime as dt
import email
import threading
from email import policy
from pathlib import Path

import pytest

from mailflow import pipeline
from mailflow.config import load
from mailflow.context import Env
from mailflow.document_stage import DocumentStage
from mailflow.documents.pdf import close_listeners, find_soffice
from mailflow.model import StaffEdit
from mailflow.workflow import engine as workflow
from helpers.daemon import NOW, clean_environ, cli, count, deliver, make_workspace, po_email, query
from helpers.libreoffice import libreoffice_running, with_pdfs

pytestmark = pytest.mark.skipif(find_soffice("soffice") is None, reason="LibreOffice is not installed")

START = dt.datetime.fromisoformat(NOW)
ASSEMBLY = (START + dt.timedelta(days=20)).date()
TEN_DAYS_BEFORE = START + dt.timedelta(days=11)  # the pre-assembly letter is due (10 calendar days ahead)


class Clock:
    """The cycle's clock, moved on by the test."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


class Watch:
    """The UNO converter processes seen below this process while a block runs (every 50 ms)."""

    def __init__(self) -> None:
        self.converters: set[int] = set()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.look, daemon=True)

    def look(self) -> None:
        while not self.stop.is_set():
            self.converters |= {pid for pid in libreoffice_running() if b"uno_converter" in _cmdline(pid)}
            self.stop.wait(0.05)

    def __enter__(self) -> "Watch":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def notices(workspace: Path, order_no: str) -> dict[str, tuple[str, list[str]]]:
    """Notice kind → (the cause of its ``notice_queued`` event, its attachments' file names)."""
    found = {}
    for kind, eml in query(workspace, "SELECT kind, eml FROM outbox WHERE order_no = ? ORDER BY id", (order_no,)):
        (cause,) = query(
            workspace,
            "SELECT cause FROM events WHERE kind = 'notice_queued' AND order_no = ? AND detail LIKE ?",
            (order_no, f'%"notice": "{kind}"%'),
        )[0]
        message = email.message_from_bytes(eml, policy=policy.default)
        found[kind] = (cause, [str(part.get_filename()) for part in message.iter_attachments()])
    return found


def letters(workspace: Path) -> list[list[str]]:
    """The attachments of every pre-assembly letter in the outbox."""
    return [
        [str(part.get_filename()) for part in email.message_from_bytes(eml, policy=policy.default).iter_attachments()]
        for (eml,) in query(workspace, "SELECT eml FROM outbox WHERE kind = 'pre_assembly_notice'")
    ]


@pytest.fixture
def confirmed(tmp_path):
    """An order confirmed by staff, its assembly date set: the workspace, an open Env and its
    stage (the daemon's, kept between cycles), and the clock."""
    workspace = with_pdfs(make_workspace(tmp_path))
    deliver(workspace, po_email(1), "po1.eml")
    clock = Clock(START)
    env = Env.open(load(workspace / "config.yaml"), clock=clock)
    stage = DocumentStage(env)
    close_listeners()
    try:
        report = pipeline.run_once(env, documents=stage, flush=False)
        assert report.orders_created and not report.errors, report.errors
        order_no = report.orders_created[0]
        clock.at = START + dt.timedelta(hours=2)
        edits = [
            StaffEdit(order_no, "confirmed_delivery", None, dt.date(2026, 12, 20)),
            StaffEdit(order_no, "status", None, "Confirmed"),
            StaffEdit(order_no, "assembly_date", None, ASSEMBLY),
        ]
        workflow.apply_edits(env, edits, clock.at, queue_documents=True)
        yield workspace, env, stage, clock, order_no
    finally:
        stage.close()
        env.close()
        close_listeners()


def test_staff_edits_leave_their_documents_to_the_stage_which_sends_them_with_their_pdf(confirmed):
    workspace, env, stage, clock, order_no = confirmed
    assert [n for n, _ in env.store.queued_documents()] == [order_no]  # queued, not made beside the stage
    assert libreoffice_running() == []
    assert stage.finish() == [order_no]
    assert libreoffice_running() == []  # ended with the queue, not after an idle minute
    queued = notices(workspace, order_no)
    made_due = {kind: v for kind, v in queued.items() if kind != "order_ack"}
    assert made_due and {cause for cause, _ in made_due.values()} == {"tracker"}, queued
    cause, attachments = queued["order_confirmation"]  # the confirmed order form, made by the stage
    assert [Path(a).suffix for a in attachments] == [".pdf"], attachments


def test_a_timers_letter_and_a_new_orders_form_share_one_libreoffice_in_the_cycle(confirmed):
    """Ten days before assembly the timers make the pre-assembly letter due while a new order
    arrives: both PDFs come from one LibreOffice (one converter process in the cycle), which is
    gone when the cycle ends; the letter goes once, by the timer, with its PDF."""
    workspace, env, stage, clock, order_no = confirmed
    stage.finish()
    clock.at = TEN_DAYS_BEFORE
    deliver(workspace, po_email(2), "po2.eml")
    with Watch() as watch:
        report = pipeline.run_once(env, documents=stage, flush=False)
    assert not report.errors, report.errors
    assert len(report.orders_created) == 1
    assert len(watch.converters) == 1, watch.converters  # one LibreOffice for the cycle's documents
    assert libreoffice_running() == []
    cause, attachments = notices(workspace, order_no)["pre_assembly_notice"]
    assert cause == "timer" and [Path(a).suffix for a in attachments] == [".pdf"], (cause, attachments)
    (new_order,) = report.orders_created
    assert [Path(a).suffix for a in notices(workspace, new_order)["order_ack"][1]] == [".pdf"]
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
    stage.finish()  # nothing is made twice: the same cycle again queues nothing more
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'pre_assembly_notice'") == 1


def test_killed_after_the_timers_queued_a_letter_the_next_run_sends_it_once_with_its_pdf(confirmed):
    workspace, env, stage, clock, order_no = confirmed
    stage.finish()
    stage.close()
    env.close()
    later = TEN_DAYS_BEFORE.isoformat()
    for point in ("after_documents_queued", "after_document_rendered"):
        crashed = cli(workspace, "--now", later, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT=point))
        assert crashed.returncode == 137, crashed.stdout + crashed.stderr
        assert letters(workspace) == []
        assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 1
    done = cli(workspace, "--now", later, "run", "--once", timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert cli(workspace, "--now", later, "run", "--once", timeout=240).returncode == 0
    sent = letters(workspace)
    assert len(sent) == 1 and [Path(a).suffix for a in sent[0]] == [".pdf"], sent
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
