"""The notice registry: every kind is one ``NoticeKind`` record, complete, and the only list.

A new notice is one record in ``mailflow/notices.py`` plus its email templates: these tests fail
when a record lacks a template, names a milestone, delay, condition or document that does not
exist, or when a module outside the registry starts naming kinds again.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from mailflow import notices
from mailflow.config import Config, Deadlines
from mailflow.documents import DOC_KINDS, bundled_templates
from mailflow.model import Order
from mailflow.workflow import steps
from mailflow.workflow.calendar import WorkingCalendar
from mailflow.workflow.procedure import MILESTONE_BY_NAME

PACKAGE = Path(notices.__file__).resolve().parent
EMAIL = bundled_templates() / "email"
NAMES = sorted(notices.BY_NAME)


@pytest.mark.parametrize("name", NAMES)
def test_every_kind_has_its_email_templates(name):
    record = notices.kind(name)
    for lang in ("en", "zh"):
        assert (EMAIL / record.template(lang)).is_file(), f"{record.template(lang)} missing"


def test_every_email_template_belongs_to_a_registered_kind():
    """A template whose kind is not registered would never be sent: a renamed or dropped kind."""
    kinds = {path.name.split(".")[0] for path in EMAIL.glob("*.j2") if not path.name.startswith("_")}
    assert kinds == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_record_names_things_that_exist(name):
    record = notices.kind(name)
    deadlines = {f for f in Deadlines.model_fields}
    for milestone in (record.after, *record.unless):
        assert milestone in (None, "received") or milestone in MILESTONE_BY_NAME, milestone
    assert record.delay is None or record.delay in deadlines
    assert set(record.requires) <= set(steps.CONDITIONS)
    assert record.attach is None or record.attach in DOC_KINDS
    assert record.anchor_notice is None or record.anchor_notice in notices.BY_NAME
    for dotted in record.needs_config:  # a dotted key config.yaml really has
        value = Config()
        for part in dotted.split("."):
            value = getattr(value, part)
    if record.audience == "internal":
        assert "customer" not in record.to


def test_a_record_with_two_or_no_triggers_is_refused(monkeypatch):
    broken = notices.NoticeKind("nothing_due", ("customer",))
    monkeypatch.setattr(notices, "NOTICE_KINDS", notices.NOTICE_KINDS + (broken,))
    monkeypatch.setattr(notices, "BY_NAME", {**notices.BY_NAME, broken.name: broken})
    with pytest.raises(ValueError, match="nothing_due needs exactly one of"):
        notices._check_registry()


def _kind_literals(path: Path, names: set[str]) -> list[tuple[int, str]]:
    """String constants in ``path`` that are exactly a notice kind's name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names
    ]


# Document kinds that share a name with the notice that attaches them (documents.DOC_KINDS).
SAME_NAME_DOCUMENTS = {"mailflow/documents/__init__.py": set(DOC_KINDS)}


def test_no_module_outside_the_registry_names_a_notice_kind():
    names = set(NAMES)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if rel == "mailflow/notices.py":
            continue
        allowed = SAME_NAME_DOCUMENTS.get(rel, set())
        found += [f"{rel}:{line} {value!r}" for line, value in _kind_literals(path, names) if value not in allowed]
    assert not found, "notice kinds named outside mailflow/notices.py (read the registry instead):\n" + "\n".join(found)


def test_the_scan_finds_a_kind_named_elsewhere(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text('REPLY = {"shipping_approval_request": "approval_reply"}\n')
    assert _kind_literals(sample, set(NAMES)) == [(1, "shipping_approval_request")]


# --------------------------------------------------------------------------- one record suffices

NOW = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.timezone.utc)


def test_a_new_record_is_due_without_touching_the_workflow(monkeypatch):
    """A kind added to the table (with a context builder) is due, carries its context and its
    hold rules come from its own fields: the workflow iterates records it does not know."""

    def packing(s: notices.Situation) -> dict:
        return {"packed_by": s.calendar.add(s.reached["confirmed"], "2 working")}

    record = notices.NoticeKind(
        "packing_list_request",
        ("pmc_manager",),
        after="confirmed",
        unless=("shipped",),
        trigger="confirmed",
        context=packing,
        states_amounts=True,
    )
    monkeypatch.setattr(notices, "NOTICE_KINDS", notices.NOTICE_KINDS + (record,))
    monkeypatch.setattr(notices, "BY_NAME", {**notices.BY_NAME, record.name: record})
    monkeypatch.setattr(notices, "SCHEDULED", notices.SCHEDULED + (record,))
    config = Config()
    order = Order(
        "SO-2026-0001",
        "PO-1",
        "Northwind",
        NOW - dt.timedelta(days=5),
        status="Confirmed",
        customer_email="buyer@example.net",
        facts={"milestones": {"confirmed": {"on": "2026-06-08", "via": "status"}}},
    )
    calendar = WorkingCalendar(config.calendar)
    actions = steps.due(order, set(), NOW, calendar, config)
    ours = [a for a in actions if getattr(a, "kind", "") == record.name]
    holds = [a for a in actions if isinstance(a, steps.Hold) and a.key.endswith(":no-total")]
    assert not ours and holds, "it states amounts and the order has no total: held, like the deposit request"
    actions = steps.due(dataclasses.replace(order, total=Decimal("100")), set(), NOW, calendar, config)
    [ours] = [a for a in actions if getattr(a, "kind", "") == record.name]
    assert ours.to == ("pmc_manager",) and ours.context["packed_by"] == dt.date(2026, 6, 10)
    assert steps.hold_key(order.order_no, "no-total") in steps.hold_keys(order.order_no, record.name, "internal")
