"""The documents stage of a cycle: orders first, documents after, notices with them.

An order's record and its tracker row never wait for a document. A message that makes a new
order records it and puts it on the store's document queue in the same transaction (so do the
cycle's timers and staff edits for an order they make a document due for: a shipping order, a
letter — ``workflow.advance(queue_documents=True)``, one LibreOffice for all of them); the cycle
writes the tracker once its messages are read, and only then works through the queue
(``DocumentStage.finish``), oldest order first: each order's due documents are rendered to .docx
and their PDFs handed to a ``Converter``, a few orders ahead (``AHEAD`` documents at
LibreOffice), while the orders before them are completed — their PDFs collected and filed and
the notices that attach them queued — and each order then leaves the queue. So LibreOffice
converts on one core while this process renders and composes on the other.

``finish(until)`` stops between two orders once ``until()`` says fresh work waits (the daemon:
new mail, or a stop), after one order and ``MIN_SECONDS`` at least. The orders not reached stay on the queue,
their documents converting meanwhile; the next ``finish`` of the same stage takes them up where
this one stopped, so mail is never held behind a backlog of PDFs. Nor behind a LibreOffice that
hangs: ``finish`` stops once fresh work waits and LibreOffice has had a document for
``WAY_SECONDS`` without an answer, and ``make_way`` then waits as long for that document
before it kills LibreOffice. So fresh mail waits ``MIN_SECONDS + 2 * WAY_SECONDS`` at most
(plus the order in hand, or a LibreOffice's start), never a conversion's time limit
(``documents.timeout_seconds``, two minutes).

Nothing is sent without its attachment: a notice is queued (its email, attachments included, is
stored in the outbox) only once its documents are filed, and on disk (the files of the orders
whose PDFs came back are flushed together, just before the first of them is recorded). A kill -9 anywhere loses nothing and
sends nothing twice: before an order leaves the queue its documents are simply made again (the
same files, rewritten), and the outbox key refuses a notice queued before.

A document made early is used only if the order is still as it was then (a message of the next
cycle may have changed it: a payment, a change request); otherwise ``advance`` makes it afresh
from what is recorded now.

``warm()`` starts LibreOffice ahead, in the background, when the queue holds orders (the cycle
writes the tracker meanwhile), so the first PDF does not wait for its start.

LibreOffice runs only while there are documents to convert: it ends when ``finish`` has emptied
the queue, and when the parse workers need the room (``make_way``: the next cycle's first
message). The PDFs it made are kept; the documents it had not begun are begun again by the next
``finish``. So the parse workers and LibreOffice, the two large neighbours of the daemon
(about 200 MB for the two workers, as much for LibreOffice), never run side by side.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
from collections import deque
from concurrent.futures import ALL_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Callable

from .context import Env
from .documents import Converter, Rendered, file_pdf, render_document
from .documents.pdf import close_listeners, scratch_folder, warm_listener
from .faults import crash_point
from .model import Order
from .workflow import engine as workflow

log = logging.getLogger("mailflow.documents")


def _state(order: Order) -> str:
    """A digest of everything recorded about ``order`` (what its documents print)."""
    return hashlib.sha256(repr(order).encode()).hexdigest()


@dataclass
class _Begun:
    """An order whose documents were rendered early: their PDFs to come."""

    state: str  # ``_state`` of the order they were rendered from
    documents: dict[str, tuple[Rendered, Future | None]] = field(default_factory=dict)  # key →

    def given_up(self) -> bool:
        """Whether a PDF of these documents was given up before LibreOffice began it."""
        return any(future is not None and future.cancelled() for _, future in self.documents.values())


class DocumentStage:
    """The documents of the orders on the document queue. ``finish()`` after the messages of a
    cycle (again in later cycles when it stopped early), ``close()`` always (it ends LibreOffice
    and removes the scratch folder). ``begin(order_no)`` renders one order's documents ahead."""

    AHEAD = 80  # documents at LibreOffice at a time: two of its batches (``Converter.COMBINE``), one
    # converting while the next is rendered, so LibreOffice never waits for this process
    MIN_SECONDS = 2.0  # of work (and one order at least) before ``until`` is asked: the queue moves on
    WAY_SECONDS = 5.0  # fresh mail waits this long at most for a document under way (in ``finish``, in ``make_way``)
    POLL_SECONDS = 0.25  # how often ``finish`` asks ``until`` while it waits for a PDF
    TOGETHER = 10  # orders whose PDFs are in completed together: their files flushed to disk at once

    def __init__(self, env: Env) -> None:
        self.env = env
        self.begun: dict[str, _Begun] = {}
        self._converter: Converter | None = None
        self._scratch: str | None = None
        self._warming: threading.Thread | None = None

    def converter(self) -> Converter:
        if self._scratch is None:
            self._scratch = scratch_folder()
        if self._converter is None:
            self._converter = Converter(self.env, self._scratch)
        return self._converter

    def warm(self) -> None:
        """Start LibreOffice now, in the background, when orders wait on the document queue: the
        caller writes the tracker meanwhile. ``make_way`` and ``close`` wait for that start and
        end it as any other (the parse workers never find it beside them)."""
        if self.env.dry_run or (self._warming is not None and self._warming.is_alive()):
            return
        if not self.env.store.queued_documents():
            return
        self._warming = threading.Thread(
            target=warm_listener, args=(self.env.config.documents,), name="soffice-warm", daemon=True
        )
        self._warming.start()

    def _warmed(self) -> None:
        """Wait for a start begun by ``warm`` (its own time limit bounds it)."""
        if self._warming is not None:
            self._warming.join()
            self._warming = None

    def begin(self, order_no: str) -> None:
        """Render the documents now due for ``order_no`` and send their PDFs on their way. A
        failure only means ``finish`` makes them the usual way (and reports what fails there)."""
        env = self.env
        if env.dry_run or order_no in self.begun:
            return
        try:
            order = env.store.order(order_no)
            if order is None:
                return
            state = _state(order)
            begun = _Begun(state)
            for job_order, doc_kind, extra, version, key in workflow.documents_due(env, [order], env.now()):
                rendered = render_document(env, job_order, doc_kind, env.now(), extra, version, durable=False)
                future = self.converter().submit(rendered.path) if rendered.customer else None
                begun.documents[key] = (rendered, future)
            self.begun[order_no] = begun
            crash_point("after_document_rendered")
        except Exception as exc:
            log.warning("%s: documents left for the end of the cycle: %s", order_no, exc)

    def finish(self, until: Callable[[], bool] | None = None, meanwhile: Callable[[], bool] | None = None) -> list[str]:
        """Work through the document queue, oldest order first (see the module docstring): each
        order's notices queued with their documents, then the order off the queue. Returns the
        orders done; those left (``until`` said stop) are on the queue still.

        ``meanwhile()`` is work of its own for the time this process would only wait for
        LibreOffice (``run --once``: sending the notices queued so far); called while the next
        order's PDFs are still being made, until it says it found nothing to do."""
        queued = deque(self.env.store.queued_documents())
        ahead: deque[tuple[str, str]] = deque()  # begun, in queue order, not yet completed
        started = time.monotonic()
        if queued and not self.env.dry_run:
            # nothing will ask this stage to make way (``run --once``, ``replay``): LibreOffice
            # takes the forms in whole batches however slow the machine is (``Converter.patient``)
            self.converter().patient = until is None
        done: list[str] = []
        try:
            self._work_through(queued, ahead, done, started, until, meanwhile)
        finally:
            if self._converter is not None:
                self._converter.expect(False)  # what was begun goes as it is: no waiting for more
        if not queued and not ahead:
            self.make_way()  # the queue is empty: LibreOffice's memory goes back until the next documents
        return done

    def _work_through(
        self,
        queued: deque[tuple[str, str]],
        ahead: deque[tuple[str, str]],
        done: list[str],
        started: float,
        until: Callable[[], bool] | None,
        meanwhile: Callable[[], bool] | None,
    ) -> None:
        """``finish``'s loop: begin orders ``AHEAD``, complete them in turn into ``done``."""
        while queued or ahead:
            while queued and (not ahead or (len(ahead) < self.AHEAD and self._converting() < self.AHEAD)):
                ahead.append(queued.popleft())
                self.begin(ahead[-1][0])
            if self._converter is not None:
                if queued:  # more forms are coming: LibreOffice waits a moment for a whole batch
                    self._converter.expect(True)
                else:
                    self._converter.drain()  # nothing more is coming: no lingering for a batch
            if done and self._stop(until, started):
                return
            while meanwhile is not None and self._waiting(ahead[0][0]) and meanwhile():
                pass
            if until is not None and not self._converted(ahead[0][0], until, started):
                return  # fresh work waits, and LibreOffice does not answer: it waits no longer
            group = [ahead.popleft()]  # and the orders after it whose PDFs are in already
            while ahead and len(group) < self.TOGETHER and not self._waiting(ahead[0][0]):
                if self._stop(until, started):
                    break  # the next order waits for the next ``finish``, its documents begun
                group.append(ahead.popleft())
            self._complete(group)
            done.extend(order_no for order_no, _ in group)

    def _stop(self, until: Callable[[], bool] | None, started: float) -> bool:
        """Whether to stop before the next order: ``until`` says fresh work waits, after
        ``MIN_SECONDS`` of the stage."""
        return until is not None and time.monotonic() - started >= self.MIN_SECONDS and until()

    def _waiting(self, order_no: str) -> bool:
        """Whether a PDF of ``order_no``'s documents begun early has yet to come back."""
        begun = self.begun.get(order_no)
        return begun is not None and any(
            future is not None and not future.done() for _, future in begun.documents.values()
        )

    def _converted(self, order_no: str, until: Callable[[], bool], started: float) -> bool:
        """Wait for the PDFs of ``order_no``; False when fresh work waits (``until``, after
        ``MIN_SECONDS`` of the stage) and LibreOffice has had a document for ``WAY_SECONDS``
        without an answer: one that hangs would otherwise hold the next messages until it is
        killed for time (``documents.timeout_seconds``)."""
        begun = self.begun.get(order_no)
        futures = [future for _, future in begun.documents.values() if future is not None] if begun else []
        while futures and not all(future.done() for future in futures):
            wait(futures, timeout=self.POLL_SECONDS, return_when=ALL_COMPLETED)
            stalled = self._converter is not None and self._converter.under_way() >= self.WAY_SECONDS
            if stalled and time.monotonic() - started >= self.MIN_SECONDS and until():
                return False
        return True

    def _converting(self) -> int:
        """Documents at LibreOffice whose PDF has not come back yet."""
        return sum(
            1
            for begun in self.begun.values()
            for _, future in begun.documents.values()
            if future is not None and not future.done()
        )

    def _complete(self, group: list[tuple[str, str]]) -> None:
        """Queue the notices of each order of ``group`` ((order_no, cause), in queue order) with
        its documents, and take it off the queue. Their files are flushed to disk at once, before
        the first is recorded: side by side the disk commits them for about the price of one."""
        env = self.env
        made = {order_no: self._collect(order_no) for order_no, _ in group}
        env.archive.sync(path for documents in made.values() for paths in documents.values() for path in paths)
        if any(made.values()):
            crash_point("after_pdf_filed")
        for order_no, cause in group:
            mine = made[order_no]
            workflow.advance(env, env.now(), [order_no], cause=cause, made={order_no: mine} if mine else None)  # type: ignore[arg-type]
            crash_point("after_document_notices")
            with env.store.transaction():
                env.store.documents_done([order_no])

    def _collect(self, order_no: str) -> dict[str, list[str]]:
        """The archive paths of the documents begun early for ``order_no`` (their PDFs filed, not
        yet flushed to disk: the caller flushes them before it records them), or nothing when the
        order changed since, or a PDF could not be made (``advance`` then makes them itself and
        reports why)."""
        begun = self.begun.pop(order_no, None)
        if begun is None:
            return {}
        order = self.env.store.order(order_no)
        if order is None or _state(order) != begun.state:
            return {}
        made: dict[str, list[str]] = {}
        for key, (rendered, future) in begun.documents.items():
            try:
                pdf = future.result() if future is not None else None
            except Exception as exc:  # documents.pdf "always" and LibreOffice failing
                log.warning("%s: %s: %s", order_no, rendered.doc_kind, exc)
                return {}
            made[key] = file_pdf(self.env, rendered, pdf, durable=False)
        return made

    def make_way(self) -> None:
        """End LibreOffice now, keeping what it made: the documents not yet at LibreOffice are
        given up (their orders are begun again by the next ``finish``), the one under way is
        waited for (``WAY_SECONDS`` at most; then LibreOffice is killed and that document given
        up too), and every LibreOffice of this process not converting is closed (also one that
        ``advance`` started for a document of its own).
        Called before parse workers start, and when the queue is empty: the two never hold
        their memory at the same time."""
        if self._converter is not None:
            self._converter.stop(self.WAY_SECONDS)
            self._converter = None
        self._warmed()
        for order_no in [n for n, begun in self.begun.items() if begun.given_up()]:
            del self.begun[order_no]
        close_listeners()

    def close(self) -> None:
        """End LibreOffice's work: the documents not converted yet are given up, not waited for
        (a stopping daemon stops promptly); their orders are still on the document queue, so the
        next ``finish`` (or the next start) makes them again and nothing is sent without them."""
        if self._converter is not None:
            self._converter.stop()
            self._converter = None
        self._warmed()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
        self.begun.clear()


def make_documents(env: Env) -> list[str]:
    """The documents stage on its own (``mailflow replay``, a cycle without new orders): every
    order on the document queue, its documents made in one go; the order numbers."""
    stage = DocumentStage(env)
    try:
        return stage.finish()
    finally:
        stage.close()
