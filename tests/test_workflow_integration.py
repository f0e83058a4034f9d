"""The workflow with the real document generator (and the real outbox once it is importable)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from mailflow.model import OrderLine
from mailflow.workflow import advance, apply_edits, engine
from test_workflow_scenarios import ORDER_NO, D, at, edit, new_order, notices, open_env, standin_queue

pytest.importorskip("docxtpl")


@pytest.fixture
def env(tmp_path, monkeypatch):
    try:
        from mailflow.outbox import queue  # noqa: F401  the real outbox, when it is there
    except ImportError:
        monkeypatch.setattr(engine, "queue_notice", standin_queue)
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    env.config.documents.pdf = "never"  # LibreOffice is tested with the documents
    yield env
    env.close()


def test_real_documents_are_generated_filed_and_attached(env):
    lines = [OrderLine(item="A-1", description="Housing", quantity=Decimal("500"), unit="pcs",
                       unit_price=Decimal("20.00"), amount=Decimal("10000.00"))]
    new_order(env, at(2026, 4, 30, 10), lines=lines, language="en")
    advance(env, at(2026, 4, 30, 10))
    order = env.store.order(ORDER_NO)
    form = order.facts["documents"]["order_form:received"]
    assert form and form[0].endswith(".docx") and env.archive.resolve(form[0]).stat().st_size > 0
    assert env.archive.resolve(order.facts["documents"]["review_form:received"][0]).exists()

    apply_edits(env, [edit("status", "Confirmed", "Received"), edit("deposit_received", Decimal("3000.00")),
                      edit("production_complete", D(2026, 6, 16)), edit("inspection_result", "Passed")],
                at(2026, 6, 18, 10))
    order = env.store.order(ORDER_NO)
    balance = order.facts["documents"]["balance_notice:inspection_passed"][0]
    assert env.archive.resolve(balance).exists() and order.facts["balance_due"] == "7000.00"
    apply_edits(env, [edit("balance_received", Decimal("7000.00")), edit("shipped", D(2026, 6, 22))],
                at(2026, 6, 22, 10))
    order = env.store.order(ORDER_NO)
    assert env.archive.resolve(order.facts["documents"]["delivery_note:shipped"][0]).exists()
    kinds = [k for k, _t, _d in notices(env)]
    assert kinds == ["order_ack", "review_request", "balance_notice", "invoice_request"]
    # Balance received and shipped in one save: pickup and shipping approval are moot by then.
    filed = [json.loads(r["detail"])["document"] for r in env.store.events(ORDER_NO) if r["kind"] == "document_filed"]
    assert filed == ["delivery_note"]
