"""The confirmation sent through the drafts outbox stops the reply clock only once a person signs
it off: placed in a real Dovecot's Drafts folder, it waits there; its Review row, marked Done on
the tracker's Review sheet (with openpyxl), is the sign-off."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from mailflow import config as config_mod

from helpers.procedure import ORDER, Desk, at, po_email


def use_drafts_for_the_confirmation(desk: Desk, imap_user) -> None:
    path = desk.root / "config.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  per_kind: {}", "  per_kind: {order_confirmation: drafts}")
    text = text.replace("  drafts_account: null", "  drafts_account: orders")
    text = text.replace("  accounts: []", f"  accounts: [{{name: orders, url: '{imap_user.url('INBOX')}'}}]")
    path.write_text(text, encoding="utf-8")
    desk.config = config_mod.load(path)


def mark_done(desk: Desk, words: str) -> None:
    """Staff write Yes in the Done column of the Review row that says ``words``."""
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Review"]
    cols = {c.value: c.column for c in ws[1] if c.value}
    row = next(r for r in range(2, ws.max_row + 1) if words in str(ws.cell(r, cols["Reason"]).value))
    ws.cell(row, cols["Done"], "Yes")
    wb.save(desk.tracker)


@pytest.mark.imap
def test_a_confirmation_in_drafts_stops_the_clock_when_signed_off(tmp_path, imap_user, dovecot, monkeypatch):
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(dovecot.ca_file))
    for name in ("MAILFLOW_IMAP_URL", "MAILFLOW_OUTBOX"):
        monkeypatch.delenv(name, raising=False)
    desk = Desk(tmp_path)
    use_drafts_for_the_confirmation(desk, imap_user)
    desk.mail(po_email("30% deposit"), "po")
    desk.run(at(11, 23, 9))  # Monday
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    assert len(imap_user.messages("Drafts")) == 1  # the confirmation waits for a person
    assert "order_confirmation" not in desk.sent()  # nothing went by the file outbox

    # The next working day the draft is still unsent: it counts as not sent, the reminder goes.
    desk.run(at(11, 24, 9))
    [waiting] = [r for r in desk.reviews() if "waits in the Drafts folder" in r]
    assert desk.queued_on("reply_due_reminder") == [dt.date(2026, 11, 24)]
    facts = desk.db("SELECT json_extract(data, '$.facts.confirmation_sent') FROM orders")[0][0]
    assert facts is None

    # Staff send it and mark the row Done: from then on the clock is stopped, no escalation.
    mark_done(desk, "waits in the Drafts folder")
    desk.run(at(11, 24, 16))
    assert waiting in desk.reviews("done")
    assert desk.db("SELECT json_extract(data, '$.facts.confirmation_sent') FROM orders")[0][0] == "2026-11-24"
    for day in (25, 26, 27, 30):
        desk.run(at(11, day, 9))
    assert "reply_overdue_escalation" not in desk.sent()
    assert desk.db("SELECT COUNT(*) FROM outbox WHERE kind = 'reply_due_reminder'")[0][0] == 1
    assert desk.db("SELECT order_no FROM orders")[0][0] == ORDER


@pytest.mark.imap
def test_a_confirmation_left_in_drafts_is_escalated(tmp_path, imap_user, dovecot, monkeypatch):
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(dovecot.ca_file))
    for name in ("MAILFLOW_IMAP_URL", "MAILFLOW_OUTBOX"):
        monkeypatch.delenv(name, raising=False)
    desk = Desk(tmp_path)
    use_drafts_for_the_confirmation(desk, imap_user)
    desk.mail(po_email("30% deposit"), "po")
    desk.run(at(11, 23, 9))
    desk.edit(Status="Confirmed")
    desk.run(at(11, 23, 15))
    for day in (24, 25, 26):
        desk.run(at(11, day, 9))
    (escalation,) = desk.sent()["reply_overdue_escalation"]
    assert escalation["To"] == "sales.director@example.com"
