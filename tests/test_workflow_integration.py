"""The workflow with the real document generator and the real outbox (file transport)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from mailflow.model import OrderLine
from mailflow.workflow.engine import advance, apply_edits
from helpers.workflow import ORDER_NO, D, at, edit, new_order, notices, open_env

pytest.importorskip("docxtpl")


@pytest.fixture
def env(tmp_path):
    env = open_env(tmp_path, at(2026, 4, 30, 10))
    env.config.documents.pdf = "never"  # LibreOffice is tested with the documents
    yield env
    env.close()


def test_real_documents_are_generated_filed_and_attached(env):
    lines = [
        OrderLine(
            item="A-1",
            description="Housing",
            quantity=Decimal("500"),
            unit="pcs",
            unit_price=Decimal("20.00"),
            amount=Decimal("10000.00"),
        )
    ]
    new_order(env, at(2026, 4, 30, 10), lines=lines, language="en")
    advance(env, at(2026, 4, 30, 10))
    order = env.store.order(ORDER_NO)
    form = order.facts["documents"]["order_form:received"]
    assert form and form[0].endswith(".docx") and env.archive.resolve(form[0]).stat().st_size > 0
    assert env.archive.resolve(order.facts["documents"]["review_form:received"][0]).exists()

    apply_edits(
        env,
        [
            edit("status", "Confirmed", "Received"),
            edit("deposit_received", Decimal("3000.00")),
            edit("production_complete", D(2026, 6, 16)),
            edit("inspection_result", "Passed"),
        ],
        at(2026, 6, 18, 10),
    )
    order = env.store.order(ORDER_NO)
    balance = order.facts["documents"]["balance_notice:inspection_passed"][0]
    assert env.archive.resolve(balance).exists() and order.facts["balance_due"] == "7000.00"
    apply_edits(
        env, [edit("balance_received", Decimal("7000.00")), edit("shipped", D(2026, 6, 22))], at(2026, 6, 22, 10)
    )
    order = env.store.order(ORDER_NO)
    assert env.archive.resolve(order.facts["documents"]["delivery_note:shipped"][0]).exists()
    kinds = [k for k, _t, _d in notices(env)]
    assert kinds == ["order_ack", "review_request", "balance_notice", "invoice_request", "shipment_notice"]
    # Balance received and shipped in one save: pickup and shipping approval are moot by then;
    # the shipment notice carries the delivery note.
    filed = [json.loads(r.detail)["document"] for r in env.store.events(ORDER_NO) if r.kind == "document_filed"]
    assert filed == ["delivery_note"]


def _emails(env):
    """Every .eml the file transport wrote, parsed."""
    from email import policy
    from email.parser import BytesParser

    folder = env.config.path(env.config.outbox.path)
    return [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))]


def test_golden_week_order_emails_through_the_real_outbox(env):
    from mailflow import outbox

    new_order(env, at(2026, 4, 30, 10), language="zh", account_manager="lily@example.com")
    for day in [D(2026, 4, 30)] + [D(2026, 5, d) for d in range(1, 12)]:
        advance(env, at(day.year, day.month, day.day, 9))
        if day == D(2026, 5, 6):
            apply_edits(env, [edit("status", "Confirmed", "Received")], at(2026, 5, 6, 15))
        outbox.flush(env, at(day.year, day.month, day.day, 9, 5))
    mails = _emails(env)
    by_kind = {m["X-Mailflow-Notice"]: m for m in mails}
    assert sorted(by_kind) == sorted(
        [
            "order_ack",
            "review_request",
            "reply_due_reminder",
            "order_confirmation",
            "deposit_request",
            "production_plan_reminder",
            "production_plan_overdue",
            "deposit_reminder",
            "deposit_overdue_escalation",
        ]
    )
    # No Plan Date by 8 May (2 working days after confirming): PMC and sales hear on Saturday 9 May,
    # a make-up working day.
    assert by_kind["production_plan_overdue"]["To"] == "pmc@example.com, sd@example.com"
    # The confirmed order form is a second version beside the acknowledged one, never over it;
    # once it went, the reply clock stopped: no escalation to the sales director.
    confirmation = [p.get_filename() for p in by_kind["order_confirmation"].iter_attachments()]
    assert confirmation == ["SO-2026-0001 Order Form v2.docx"]
    assert [p.get_filename() for p in by_kind["order_ack"].iter_attachments()] == ["SO-2026-0001 Order Form.docx"]
    assert len(mails) == len(by_kind)  # each once
    assert all(m["X-Mailflow-Order"] == ORDER_NO for m in mails)
    assert by_kind["order_ack"]["To"] == "buyer@acme.test"
    assert by_kind["reply_due_reminder"]["To"] == "lily@example.com"
    assert by_kind["deposit_overdue_escalation"]["To"] == "md@example.com"
    ack_files = [part.get_filename() for part in by_kind["order_ack"].iter_attachments()]
    assert any(name and name.endswith(".docx") for name in ack_files)
    assert "3,000.00" in by_kind["deposit_request"].get_body(("plain",)).get_content()
    dates = {row[0].split(":")[1]: row[1][:10] for row in env.store.conn.execute("SELECT key, created_at FROM outbox")}
    assert dates["reply_due_reminder"] == "2026-05-06" and dates["deposit_reminder"] == "2026-05-09"
    assert dates["deposit_overdue_escalation"] == "2026-05-11"  # the next working day, still unpaid
    assert dates["production_plan_overdue"] == "2026-05-09"
    escalation = by_kind["deposit_overdue_escalation"].get_body(("plain",)).get_content()
    assert "proposed for cancellation" in escalation and "set the order's Status to Cancelled" in escalation


def test_crash_after_queue_with_the_real_outbox(env, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    new_order(env, at(2026, 4, 30, 10))
    tests_dir = str(Path(__file__).parent)
    script = f"""
import helpers.workflow as s
from mailflow.workflow.engine import advance
env = s.open_env(__import__('pathlib').Path({str(tmp_path)!r}), s.at(2026, 4, 30, 10))
env.config.documents.pdf = "never"
print(len(advance(env, s.at(2026, 4, 30, 10))))
"""
    run = lambda crash: subprocess.run(  # noqa: E731
        [sys.executable, "-c", script],
        cwd=tests_dir,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": tests_dir + os.pathsep + str(Path(tests_dir).parent),
            **({"MAILFLOW_CRASH_AT": crash} if crash else {}),
        },
    )
    crashed = run("after_queue")
    assert crashed.returncode == 137, crashed.stderr
    assert notices(env) == []
    assert run(None).stdout.strip() == "2"
    assert run("after_queue").stdout.strip() == "0"  # nothing left to queue: no crash point reached
    assert [k for k, _t, _d in notices(env)] == ["order_ack", "review_request"]


def _queued(env, kind):
    """The email the real outbox stored for ``kind`` (the latest when it went more than once)."""
    from email import policy
    from email.parser import BytesParser

    rows = env.store.conn.execute("SELECT eml FROM outbox WHERE kind = ? ORDER BY id", (kind,)).fetchall()
    return [BytesParser(policy=policy.default).parsebytes(bytes(r[0])) for r in rows]


@pytest.mark.parametrize(
    "lang, changed",
    [
        ("en", "Assembly date changed: now 15 Jun 2026 (was 10 Jun 2026)"),
        ("zh", "组装日期已变更：现为 2026年6月15日（原为 2026年6月10日）"),
    ],
)
def test_a_moved_assembly_date_tells_the_customer_it_changed(env, lang, changed):
    new_order(env, at(2026, 4, 30, 10), language=lang)
    apply_edits(
        env, [edit("status", "Confirmed", "Received"), edit("deposit_received", Decimal("3000.00"))], at(2026, 5, 6, 15)
    )
    apply_edits(env, [edit("assembly_date", D(2026, 6, 10))], at(2026, 5, 12, 10))
    advance(env, at(2026, 6, 1, 9))
    apply_edits(env, [edit("assembly_date", D(2026, 6, 15), D(2026, 6, 10))], at(2026, 6, 2, 11))
    first, moved = _queued(env, "pre_assembly_notice")
    for part in (first["Subject"], first.get_body(("plain",)).get_content(), first.get_body(("html",)).get_content()):
        assert "changed" not in part and "变更" not in part
    assert moved["Subject"].strip().startswith(changed)
    assert changed in moved.get_body(("plain",)).get_content()
    assert changed in moved.get_body(("html",)).get_content()
    # The letter attached to the new notice is generated for the new date.
    assert env.store.order(ORDER_NO).facts["documents"]["pre_assembly_notice:2026-06-15"]


def test_released_late_from_needs_review_the_reminders_say_late_and_since_when(env):
    new_order(env, at(2026, 4, 30, 10), status="Needs review", needs_review=True)
    advance(env, at(2026, 5, 7, 9))
    apply_edits(env, [edit("status", "Received", "Needs review")], at(2026, 5, 8, 10))
    (reminder,) = _queued(env, "reply_due_reminder")
    assert reminder["Subject"].strip() == "LATE: confirm order SO-2026-0001 to Acme GmbH, it was due by 7 May 2026"
    text = reminder.get_body(("plain",)).get_content()
    assert "Order SO-2026-0001 is LATE" in text and "by 7 May 2026" in text and "(1 day late)" in text
    assert "held in Needs review until 8 May 2026" in text
    (escalation,) = _queued(env, "reply_overdue_escalation")
    assert escalation["Subject"].strip() == "Overdue: order SO-2026-0001 not confirmed to Acme GmbH (1 day late)"
    text = escalation.get_body(("plain",)).get_content()
    assert "due by 7 May 2026, 1 day ago" in text and "held in Needs review until 8 May 2026" in text
    (review,) = _queued(env, "review_request")
    assert review["Subject"].startswith("LATE: Order review")
    assert "already LATE: it was due by 7 May 2026" in review.get_body(("plain",)).get_content()


def test_a_reminder_on_time_does_not_say_late(env):
    new_order(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 4, 30, 10))
    advance(env, at(2026, 5, 6, 9))
    (reminder,) = _queued(env, "reply_due_reminder")
    assert reminder["Subject"] == "Reminder: confirm order SO-2026-0001 to Acme GmbH by 7 May 2026"
    assert "LATE" not in reminder.get_body(("plain",)).get_content()
    (review,) = _queued(env, "review_request")
    assert "LATE" not in review["Subject"] and "Reply due to the customer: 7 May 2026." in (
        review.get_body(("plain",)).get_content()
    )
