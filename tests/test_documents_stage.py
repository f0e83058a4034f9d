"""Orders first, documents after: a cycle records every order before it makes any document, makes
the documents of all of them in one go (PDFs in LibreOffice batches), and queues a notice only
with its attachment — also when the process is killed between the two stages."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from mailflow import document_stage, forkserver, outbox, parseworker, pipeline
from mailflow.config import defaults, load
from mailflow.context import Env, fixed_clock
from mailflow.document_stage import DocumentStage
from mailflow.documents.pdf import Converter, find_soffice, to_pdf_many
from mailflow.tracker import Tracker
from mailflow.workflow import engine as workflow
from helpers.libreoffice import libreoffice_running, with_pdfs
from helpers.daemon import NOW, clean_environ, cli, count, deliver, make_workspace, outbox_files, po_email, query

needs_soffice = pytest.mark.skipif(find_soffice("soffice") is None, reason="LibreOffice is not installed")


def acknowledgements(workspace: Path) -> dict[str, list[str]]:
    """PO number → the attachment names of its acknowledgement."""
    found = {}
    for msg in outbox_files(workspace):
        if msg["X-Mailflow-Notice"] == "order_ack":
            found[msg["Subject"]] = [part.get_filename() for part in msg.iter_attachments()]
    return found


@needs_soffice
def test_a_backlog_is_recorded_first_and_every_acknowledgement_carries_its_pdf(tmp_path):
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2, 3):
        deliver(workspace, po_email(n), f"po{n}.eml")
    done = cli(workspace, "run", "--once", timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    acks = acknowledgements(workspace)
    assert len(acks) == 3
    assert all(len(names) == 1 and names[0].endswith("Order Form.pdf") for names in acks.values()), acks
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
    causes = {r[0] for r in query(workspace, "SELECT cause FROM events WHERE kind = 'notice_queued'")}
    assert causes == {"email"}  # the acknowledgement still answers the email that made the order
    received = query(workspace, "SELECT MAX(id) FROM events WHERE kind = 'order_received'")[0][0]
    first_notice = query(workspace, "SELECT MIN(id) FROM events WHERE kind = 'notice_queued'")[0][0]
    assert received < first_notice  # every order recorded before the first document


@pytest.mark.parametrize(
    "point", ["after_document_rendered", "after_pdf_filed", "after_documents", "after_document_notices"]
)
def test_killed_in_the_documents_stage_the_next_run_sends_each_notice_once_with_its_attachment(tmp_path, point):
    workspace = make_workspace(tmp_path)  # .docx only: the stage, not LibreOffice, is under test
    for n in (1, 2):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT=point))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    # every order was recorded, and written to the tracker, before the first document was made
    assert count(workspace, "SELECT COUNT(*) FROM orders") == 2
    tracker = load_workbook(workspace / "tracker.xlsx", read_only=True)
    cells = {str(value) for row in tracker["Orders"].iter_rows(values_only=True) for value in row}
    tracker.close()
    assert {"KT-00001", "KT-00002"} <= cells
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 2
    queued = 1 if point == "after_document_notices" else 0  # killed once the first order's were queued
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == queued

    again = cli(workspace, "run", "--once")
    assert again.returncode == 0, again.stdout + again.stderr
    keys = [r[0] for r in query(workspace, "SELECT key FROM outbox")]
    assert len(keys) == len(set(keys))
    acks = acknowledgements(workspace)
    assert len(acks) == 2 and all(names and names[0].endswith(".docx") for names in acks.values()), acks
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0


@needs_soffice
def test_one_broken_document_in_a_batch_costs_only_its_own_pdf(tmp_path):
    config = defaults(tmp_path)
    config.documents.pdf = "auto"
    env = type("E", (), {"config": config})()
    files = []
    for n in range(3):
        doc = Document()
        doc.add_paragraph(f"Order form {n}")
        path = tmp_path / f"form{n}.docx"
        doc.save(path)
        files.append(path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not a document")
    files.insert(1, broken)
    made = to_pdf_many(files, env, tmp_path / "out")
    assert [made[p] is not None for p in files] == [True, False, True, True]
    assert all(made[p].read_bytes().startswith(b"%PDF") for p in files if made[p] is not None)


@needs_soffice
def test_two_converters_side_by_side_give_each_document_its_own_pdf(tmp_path):
    """Two soffice processes, each with its own profile, over two halves of the list: every PDF
    holds the text of its own document, and no more profiles are made than converters."""
    import pdfplumber

    from mailflow.documents import pdf as pdf_mod

    config = defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.converters = 2
    env = type("E", (), {"config": config})()
    files = []
    for n in range(6):
        doc = Document()
        doc.add_paragraph(f"Order form number {n}")
        path = tmp_path / f"same name {n}.docx"
        doc.save(path)
        files.append(path)
    made = to_pdf_many(files, env, tmp_path / "out")
    for n, path in enumerate(files):
        with pdfplumber.open(made[path]) as pdf:
            assert f"Order form number {n}" in pdf.pages[0].extract_text()
    assert pdf_mod._profiles().made <= 2


@needs_soffice
def test_killed_once_its_pdfs_are_filed_the_next_run_sends_each_acknowledgement_once_with_its_pdf(tmp_path):
    """The first order's PDF is filed; the process dies before its notice is queued. The next
    run makes the documents again and each acknowledgement goes once, with its PDF."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_pdf_filed"), timeout=240)
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    assert len(list((workspace / "archive").rglob("*Order Form.pdf"))) == 1
    assert count(workspace, "SELECT COUNT(*) FROM outbox") == 0

    again = cli(workspace, "run", "--once", timeout=240)
    assert again.returncode == 0, again.stdout + again.stderr
    acks = acknowledgements(workspace)
    assert len(acks) == 2 and all(
        names == [names[0]] and names[0].endswith("Order Form.pdf") for names in acks.values()
    )
    assert count(workspace, "SELECT COUNT(*) FROM outbox") == 2
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0


def test_a_document_made_early_for_an_order_that_changed_since_is_made_again(tmp_path):
    """The stage renders an order's documents as soon as it is recorded; if the order changes
    before its notices are queued (a later message of the same backlog), those documents are not
    used: the workflow makes them afresh from what is recorded now."""
    workspace = make_workspace(tmp_path)
    deliver(workspace, po_email(1), "po1.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    try:
        (order_no,) = [row[0] for row in env.store.queued_documents()]
        stage.begin(order_no)
        assert stage.begun[order_no].documents  # rendered early, from the order as first recorded
        order = env.store.order(order_no)
        order.lines[0] = replace(order.lines[0], description="Changed by a later message")
        with env.store.transaction():
            env.store.save_order(order, env.now())
        assert stage.finish() == [order_no]
        filed = env.store.order(order_no).facts["documents"]
    finally:
        stage.close()
        env.close()
    (form,) = [paths[0] for key, paths in filed.items() if key.startswith("order_form:")]
    text = "\n".join(cell.text for table in Document(workspace / "archive" / form).tables for cell in table._cells)
    assert "Changed by a later message" in text
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == 1


def test_a_stage_stopped_for_fresh_mail_goes_on_where_it_stopped_and_timers_leave_it_its_documents(tmp_path):
    """The daemon stops the documents stage between two orders when mail comes: one order is
    done, the others stay on the queue. A timer pass meanwhile queues nothing that needs their
    documents; the next ``finish`` completes them, each notice once and with its attachment."""
    workspace = make_workspace(tmp_path)
    for n in (1, 2, 3):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    try:
        stage.MIN_SECONDS = 0.0
        first = stage.finish(until=lambda: True)  # fresh mail at once: one order, then stop
        waiting = [order_no for order_no, _ in env.store.queued_documents()]
        assert len(first) == 1 and len(waiting) == 2 and first[0] not in waiting
        assert set(waiting) <= set(stage.begun)  # their documents were begun, and wait for the next call
        workflow.advance(env, env.now(), later=set(waiting))
        assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == 1
        assert sorted(stage.finish()) == sorted(waiting)
    finally:
        stage.close()
        env.close()
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
    assert cli(workspace, "run", "--once").returncode == 0
    acks = acknowledgements(workspace)
    assert len(acks) == 3 and all(len(names) == 1 and names[0].endswith(".docx") for names in acks.values()), acks


@needs_soffice
def test_a_stage_closed_by_a_stopping_daemon_leaves_its_orders_queued_and_the_next_start_sends_them_whole(
    tmp_path,
):
    """A daemon stopping mid-stage does not wait for every PDF in hand: the orders not reached stay
    on the document queue, none of their notices goes without its PDF, and the next start makes
    them: each acknowledgement once, with its PDF."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2, 3):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    try:
        stage.MIN_SECONDS = 0.0
        assert len(stage.finish(until=lambda: True)) == 1  # a stop requested: one order, then out
    finally:
        stage.close()
        env.close()
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 2
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE kind = 'order_ack'") == 1
    again = cli(workspace, "run", "--once", timeout=240)
    assert again.returncode == 0, again.stdout + again.stderr
    acks = acknowledgements(workspace)
    assert len(acks) == 3 and all(names == [names[0]] and names[0].endswith(".pdf") for names in acks.values()), acks
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0


@needs_soffice
def test_libreoffice_ends_with_an_empty_queue_and_starts_again_for_the_next_order(tmp_path):
    """A stage kept between cycles (the daemon's): once its queue is empty LibreOffice is closed,
    and the parse workers end once the messages are read; the next order's documents start
    LibreOffice again and its acknowledgement carries its PDF."""
    workspace = with_pdfs(make_workspace(tmp_path))
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    try:
        for n in (1, 2):
            deliver(workspace, po_email(n), f"po{n}.eml")
            report = pipeline.run_once(env, documents=stage)
            assert report.orders_created and not report.errors, report.errors
            assert libreoffice_running() == []  # ended as the queue emptied, not after an idle minute
            assert not parseworker.pool()._workers  # the parse workers ended once the mail was read
            server = forkserver.parse_workers()
            assert server is None or not server.running()  # and the process they were forked from
    finally:
        stage.close()
        env.close()
    acks = acknowledgements(workspace)
    assert len(acks) == 2 and all(names == [names[0]] and names[0].endswith(".pdf") for names in acks.values()), acks


@needs_soffice
def test_a_stage_making_way_for_fresh_mail_keeps_its_pdfs_and_makes_the_rest_after(tmp_path):
    """Mail comes while documents convert: the stage stops between two orders and, before the
    parse workers start, makes way — LibreOffice ends, the documents it had not begun are given
    up. The next ``finish`` begins those again; every acknowledgement goes once, with its PDF."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2, 3, 4):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(
        workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"), timeout=240
    )
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    try:
        stage.MIN_SECONDS = 0.0
        assert len(stage.finish(until=lambda: True)) == 1  # fresh mail at once: one order, then stop
        assert len(stage.begun) == 3
        stage.make_way()
        assert libreoffice_running() == []
        for begun in stage.begun.values():  # what is kept was converted: no PDF is waited for
            assert all(
                future is None or (future.done() and not future.cancelled()) for _, future in begun.documents.values()
            )
        assert len(stage.finish()) == 3
        assert libreoffice_running() == []
    finally:
        stage.close()
        env.close()
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
    assert cli(workspace, "run", "--once", timeout=240).returncode == 0
    acks = acknowledgements(workspace)
    assert len(acks) == 4 and all(names == [names[0]] and names[0].endswith(".pdf") for names in acks.values()), acks


@needs_soffice
def test_notices_go_out_while_libreoffice_makes_the_next_orders_pdfs_each_once_with_its_pdf(tmp_path):
    """``run --once`` hands the documents stage the outbox (``meanwhile``): while this process
    would only wait for LibreOffice it sends the notices queued so far. It is asked only while a
    PDF is being made, and every acknowledgement still goes once, with its PDF."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2, 3):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr  # three orders on the queue
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    stage = DocumentStage(env)
    sender = outbox.Sender(env, env.now())
    asked: list[int] = []  # PDFs under way each time it was asked

    def meanwhile() -> bool:
        asked.append(stage._converting())
        return sender.send_next()

    try:
        assert len(stage.finish(meanwhile=meanwhile)) == 3
        sent_meanwhile = list(sender.report.sent)
        report = sender.flush()
    finally:
        stage.close()
        env.close()
    assert asked and all(under_way > 0 for under_way in asked)  # the first PDF at least is waited for
    assert report.sent[: len(sent_meanwhile)] == sent_meanwhile  # one flush: what went meanwhile, then the rest
    assert len(report.sent) == len(set(report.sent)) == count(workspace, "SELECT COUNT(*) FROM outbox") >= 3
    acks = acknowledgements(workspace)
    assert len(acks) == 3 and all(
        names == [names[0]] and names[0].endswith("Order Form.pdf") for names in acks.values()
    )
    assert count(workspace, "SELECT COUNT(*) FROM outbox WHERE status != 'sent'") == 0


def test_work_done_while_the_documents_wait_never_stops_the_documents_stage(tmp_path):
    """A send that fails while the documents are made (a full disk, a bug) is logged and not
    tried again there: the stage goes on, and the cycle's outbox stage meets the error itself."""
    calls = []

    def failing() -> bool:
        calls.append(1)
        raise OSError("No space left on device")

    meanwhile = pipeline._Meanwhile(failing)
    assert meanwhile() is False and meanwhile() is False
    assert len(calls) == 1


@needs_soffice
def test_libreoffice_starts_while_the_tracker_is_written_and_no_parse_worker_beside_it(tmp_path, monkeypatch):
    """Orders wait on the document queue once the messages are read: LibreOffice starts in the
    background while the tracker is written (the first PDF does not wait for its start), after
    the parse workers ended; the acknowledgements carry their PDFs, and it ends with the queue."""
    workspace = with_pdfs(make_workspace(tmp_path))
    for n in (1, 2):
        deliver(workspace, po_email(n), f"po{n}.eml")
    seen = {}
    write = Tracker.write

    def writing(self, now):
        if "workers" not in seen:
            seen["workers"] = len(parseworker.pool()._workers)
            deadline = time.monotonic() + 60
            while libreoffice_running() == [] and time.monotonic() < deadline:
                time.sleep(0.05)  # started by the stage in the background, not by this write
            seen["libreoffice"] = bool(libreoffice_running())
        return write(self, now)

    monkeypatch.setattr(Tracker, "write", writing)
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    try:
        report = pipeline.run_once(env)
        assert report.orders_created and not report.errors, report.errors
    finally:
        env.close()
    assert seen == {"workers": 0, "libreoffice": True}
    assert libreoffice_running() == []
    acks = acknowledgements(workspace)
    assert len(acks) == 2 and all(names[0].endswith("Order Form.pdf") for names in acks.values()), acks


def test_where_no_fresh_mail_can_come_libreoffice_takes_whole_batches_however_slow_it_is(tmp_path, monkeypatch):
    """On a busy machine each combined conversion is slow, and the daemon then keeps batches small
    (fresh mail waiting for one gives up after ``WAY_SECONDS``). A stage nothing can interrupt
    (``run --once``, no ``until``) gives LibreOffice whole batches all the same: fewer, larger
    documents to open, for the same PDFs."""
    made: list[Converter] = []

    class Noted(Converter):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(document_stage, "Converter", Noted)
    workspace = make_workspace(tmp_path)  # .docx only: the stage's choice is under test, not LibreOffice
    for n in (1, 2, 3):
        deliver(workspace, po_email(n), f"po{n}.eml")
    crashed = cli(workspace, "run", "--once", environ=clean_environ(MAILFLOW_CRASH_AT="after_document_rendered"))
    assert crashed.returncode == 137, crashed.stdout + crashed.stderr
    env = Env.open(load(workspace / "config.yaml"), clock=fixed_clock(dt.datetime.fromisoformat(NOW)))
    try:
        interruptible = DocumentStage(env)
        interruptible.MIN_SECONDS = 0.0
        assert len(interruptible.finish(until=lambda: True)) == 1  # the daemon's: fresh mail may come
        interruptible.close()
        alone = DocumentStage(env)
        assert len(alone.finish()) == 2
        alone.close()
    finally:
        env.close()
    assert [converter.patient for converter in made] == [False, True]
    slow = made[0]
    slow.per_document = 1.0  # a second a form: the daemon's stage keeps the batch small
    assert slow._size() == Converter.COMBINE_FIRST
    slow.patient = True
    assert slow._size() == Converter.COMBINE
    assert count(workspace, "SELECT COUNT(*) FROM document_queue") == 0
