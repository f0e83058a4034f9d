"""The documents stage of a cycle: orders first, documents beside them, notices after.

An order's record and its tracker row never wait for a document. When a message makes a new
order, the pipeline records it (and puts it on the store's document queue in the same
transaction), then hands it to ``DocumentStage.begin``: its due documents are rendered to .docx at
once and their PDFs go to a ``Converter``, so LibreOffice converts while the next messages are
parsed. After the cycle's messages, ``finish`` collects the PDFs and lets the workflow queue the
notices that attach them — every order still on the queue, also those a process that died left
there — and only then takes each order off the queue.

Nothing is sent without its attachment: a notice is queued (its email, attachments included, is
stored in the outbox) only once its documents are filed. A kill -9 anywhere loses nothing and
sends nothing twice: before an order leaves the queue its documents are simply made again (the
same files, rewritten), and the outbox key refuses a notice queued before.

A document made early is used only if the order is still as it was then (a later message of the
same backlog may have changed it: a payment, a change request); otherwise ``advance`` makes it
afresh from what is recorded now.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from concurrent.futures import Future
from dataclasses import dataclass, field

from .context import Env
from .documents import Converter, Rendered, file_pdf, render_document
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


class DocumentStage:
    """One cycle's documents. ``begin(order_no)`` after each new order, ``finish()`` once after
    the messages, ``close()`` always (it ends LibreOffice and removes the scratch folder)."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self.begun: dict[str, _Begun] = {}
        self._converter: Converter | None = None
        self._scratch: str | None = None

    def converter(self) -> Converter:
        if self._converter is None:
            self._scratch = tempfile.mkdtemp(prefix="mailflow-pdf-")
            self._converter = Converter(self.env, self._scratch)
        return self._converter

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
                rendered = render_document(env, job_order, doc_kind, env.now(), extra, version)
                future = self.converter().submit(rendered.path) if rendered.customer else None
                begun.documents[key] = (rendered, future)
            self.begun[order_no] = begun
            crash_point("after_document_rendered")
        except Exception as exc:
            log.warning("%s: documents left for the end of the cycle: %s", order_no, exc)

    def finish(self) -> list[str]:
        """Queue the notices of every order on the document queue, with their documents; the
        order numbers. Each order leaves the queue once its notices are queued."""
        env = self.env
        queued = env.store.queued_documents()
        if self._converter is not None:
            self._converter.drain()
        by_cause: dict[str, list[str]] = {}
        for order_no, cause in queued:
            by_cause.setdefault(cause, []).append(order_no)
        for cause, order_nos in by_cause.items():
            made = {n: docs for n in order_nos if (docs := self._collect(n))}
            if made:
                crash_point("after_pdf_filed")
            workflow.advance(env, env.now(), order_nos, cause=cause, made=made)  # type: ignore[arg-type]
            crash_point("after_document_notices")
            with env.store.transaction():
                env.store.documents_done(order_nos)
        return [order_no for order_no, _ in queued]

    def _collect(self, order_no: str) -> dict[str, list[str]]:
        """The archive paths of the documents begun early for ``order_no`` (their PDFs filed),
        or nothing when the order changed since, or a PDF could not be made (``advance`` then
        makes them itself and reports why)."""
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
            made[key] = file_pdf(self.env, rendered, pdf)
        return made

    def close(self) -> None:
        if self._converter is not None:
            self._converter.close()
            self._converter = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


def make_documents(env: Env) -> list[str]:
    """The documents stage on its own (``mailflow replay``, a cycle without new orders): every
    order on the document queue, its documents made in one go; the order numbers."""
    stage = DocumentStage(env)
    try:
        return stage.finish()
    finally:
        stage.close()
