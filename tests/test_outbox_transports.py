"""The file transport (the embedded default), transport selection, Chinese notices, and the drafts
transport against a real Dovecot."""

from __future__ import annotations

import datetime as dt
import email
import io
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from email import policy
from email.message import EmailMessage

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow import archive as archive_mod
from mailflow import outbox, report
from mailflow.archive import order_dir, order_folder
from mailflow.errors import ConfigError, TemplateError
from mailflow.notices import BY_NAME
from mailflow.outbox.file import FileTransport
from mailflow.outbox.stored import PREFIX, restore

from helpers.outbox import NOW, ORDER, make_env, notice, row


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in ("MAILFLOW_OUTBOX", "MAILFLOW_SMTP_URL", "MAILFLOW_IMAP_URL"):
        monkeypatch.delenv(name, raising=False)
    e = make_env(tmp_path / "ws")
    yield e
    e.close()


def test_file_transport_writes_one_eml_per_notice(env):
    n = notice()
    outbox.queue(env, n, NOW)
    assert outbox.flush(env, NOW).sent == [n.key]
    folder = env.config.path(env.config.outbox.path)
    (path,) = folder.glob("*.eml")
    assert path.name == "2026-11-23 SO-2026-0007 order_ack.eml"
    assert path.read_bytes() == bytes(row(env, n.key)["eml"])
    assert not list(folder.glob(".tmp-*"))  # written atomically: no temp file left
    outbox.flush(env, NOW)
    assert len(list(folder.glob("*.eml"))) == 1


def test_a_repeated_kind_with_another_trigger_gets_its_own_file(env):
    for trigger in ("2026-12-01", "2026-12-08"):
        outbox.queue(env, notice("pre_assembly_notice", trigger), NOW)
    outbox.flush(env, NOW)
    names = sorted(p.name for p in env.config.path(env.config.outbox.path).glob("*.eml"))
    assert names == ["2026-11-23 SO-2026-0007 pre_assembly_notice 2026-12-08.eml",
                     "2026-11-23 SO-2026-0007 pre_assembly_notice.eml"]  # fmt: skip


def test_transport_per_kind_and_the_environment_override(env, monkeypatch):
    env.config.outbox.per_kind = {"order_ack": "drafts"}
    assert outbox.transport_for(env.config, "order_ack") == "drafts"
    assert outbox.transport_for(env.config, "deposit_request") == "file"
    monkeypatch.setenv("MAILFLOW_OUTBOX", "smtp")
    assert outbox.transport_for(env.config, "order_ack") == "smtp"
    monkeypatch.setenv("MAILFLOW_OUTBOX", "pigeon")
    with pytest.raises(ConfigError, match="pigeon"):
        outbox.transport_for(env.config, "order_ack")


def test_a_chinese_notice_has_a_chinese_subject_and_body(env):
    n = notice("balance_notice", "inspection_passed", language="zh")
    outbox.queue(env, n, NOW)
    msg = email.message_from_bytes(bytes(row(env, n.key)["eml"]), policy=policy.default)
    assert msg["Subject"] == "尾款通知：贵司订单 NW-4411 应付 USD 5,400.00"
    body = msg.get_body(("plain",)).get_content()
    assert "已验货合格" in body and "2026年" not in msg["Subject"]
    assert 'lang="zh-CN"' in msg.get_body(("html",)).get_content()


@pytest.mark.parametrize("kind", sorted(BY_NAME))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_notice_kind_composes(env, kind, lang):
    n = notice(kind, "t", language=lang, context={"amount": "USD 1,620.00", "subject": "Change of colour"})
    assert outbox.queue(env, n, NOW)
    msg = email.message_from_bytes(bytes(row(env, n.key)["eml"]), policy=policy.default)
    text = msg.get_body(("plain",)).get_content()
    assert msg["Subject"] and "{{" not in text and "{%" not in text
    assert ORDER.order_no in msg["Subject"] + text


def test_a_broken_email_template_is_a_template_error_and_nothing_is_queued(env):
    folder = env.config.path(env.config.workspace.templates) / "email"
    folder.mkdir(parents=True)
    (folder / "order_ack.en.txt.j2").write_text("{% set subject %}Hi {{ order.po_numbr }}{% endset %}body")
    with pytest.raises(TemplateError, match="order_ack.en.txt.j2"):
        outbox.queue(env, notice(), NOW)
    assert row(env, notice().key) is None


def test_templates_compile_once_per_process_and_a_staff_edit_still_takes_effect(env):
    from mailflow.outbox.compose import email_environment

    jenv = email_environment(env)
    outbox.queue(env, notice("pre_assembly_notice", "2026-12-01"), NOW)
    compiled = jenv.get_template("pre_assembly_notice.en.txt.j2")
    outbox.queue(env, notice("pre_assembly_notice", "2026-12-08"), NOW)
    assert email_environment(env) is jenv and jenv.get_template("pre_assembly_notice.en.txt.j2") is compiled
    folder = env.config.path(env.config.workspace.templates) / "email"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "order_ack.en.txt.j2").write_text("{% set subject %}Edited {{ order.po_number }}{% endset %}Hello\n")
    n = notice()
    outbox.queue(env, n, NOW)  # a new workspace template is found without a restart
    assert email.message_from_bytes(bytes(row(env, n.key)["eml"]))["Subject"].startswith("Edited")


def test_missing_attachment_is_refused_at_queue_time(env):
    with pytest.raises(Exception, match="not in the archive"):
        outbox.queue(env, notice(attachments=("nowhere/x.pdf",)), NOW)


@pytest.mark.imap
def test_drafts_land_in_dovecot_with_the_draft_flag_once(tmp_path, imap_user, dovecot, monkeypatch):
    monkeypatch.setenv("MAILFLOW_CA_FILE", str(dovecot.ca_file))
    monkeypatch.delenv("MAILFLOW_IMAP_URL", raising=False)
    monkeypatch.delenv("MAILFLOW_OUTBOX", raising=False)
    env = make_env(
        tmp_path / "ws",
        transport="drafts",
        drafts_account="orders",
        mailbox={"source": "imap", "accounts": [{"name": "orders", "url": imap_user.url("INBOX")}]},
    )
    n = notice()
    outbox.queue(env, n, NOW)
    assert outbox.flush(env, NOW).sent == [n.key]
    (raw,) = imap_user.messages("Drafts")
    assert email.message_from_bytes(raw)["Message-ID"] == row(env, n.key)["message_id"]
    (flags,) = imap_user.flags("Drafts").values()
    assert b"\\Draft" in flags
    # A crash after the APPEND: the draft is found by Message-ID and not appended again.
    env.store.conn.execute("UPDATE outbox SET status = 'sending' WHERE key = ?", (n.key,))
    assert outbox.flush(env, NOW + dt.timedelta(minutes=1)).recovered == [n.key]
    assert len(imap_user.messages("Drafts")) == 1
    env.close()


def test_an_archived_email_is_attached_as_a_message(env):
    rel = "Northwind Traders/SO-2026-0007 PO NW-4411/mail/2026-11-23 abc.eml"
    env.archive.put(rel, b"From: buyer@northwind.test\r\nSubject: Change of colour\r\n\r\nBlue, please.\r\n")
    n = notice("change_request_alert", "m1", attachments=(rel,), context={"subject": "Change of colour"})
    outbox.queue(env, n, NOW)
    msg = email.message_from_bytes(bytes(row(env, n.key)["eml"]), policy=policy.default)
    (part,) = msg.iter_attachments()
    assert part.get_content_type() == "message/rfc822"
    assert part.get_content()["Subject"] == "Change of colour"
    assert '"Change of colour"' in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    "lang, changed, was",
    [
        ("en", "Assembly date changed: now 15 Jan 2027 (was 8 Jan 2027)", "8 Jan 2027"),
        ("zh", "组装日期已变更：现为 2027年1月15日（原为 2027年1月8日）", "2027年1月8日"),
    ],
)
def test_a_moved_assembly_date_says_it_changed_and_a_first_notice_does_not(env, lang, changed, was):
    env.store.save_order(ORDER.with_(language=lang, facts={"assembly_date": "2027-01-15"}), NOW)
    first = notice("pre_assembly_notice", "2027-01-08", language=lang, context={"assembly_date": dt.date(2027, 1, 8)})
    moved = notice(
        "pre_assembly_notice",
        "2027-01-15",
        language=lang,
        context={"assembly_date": dt.date(2027, 1, 15), "replaces": dt.date(2027, 1, 8)},
    )
    for n in (first, moved):
        assert outbox.queue(env, n, NOW)
    parsed = {
        n.trigger: email.message_from_bytes(bytes(row(env, n.key)["eml"]), policy=policy.default)
        for n in (first, moved)
    }
    msg = parsed["2027-01-15"]
    assert msg["Subject"].strip().startswith(changed)  # a long Subject is folded: strip the fold
    assert changed in msg.get_body(("plain",)).get_content()
    assert changed in msg.get_body(("html",)).get_content()
    plain = parsed["2027-01-08"].get_body(("plain",)).get_content()
    for text in (parsed["2027-01-08"]["Subject"], plain, parsed["2027-01-08"].get_body(("html",)).get_content()):
        assert "changed" not in text and "变更" not in text and "(was" not in text and "原为" not in text


def test_a_flush_begun_early_sends_what_is_queued_after_it_one_by_one_and_the_rest_at_its_end(env):
    """``Sender`` (``run --once`` sends the notices of the orders whose documents are filed while
    LibreOffice makes the next ones): ``send_next`` takes the notices queued after it began, one
    at a time and in order, and says when there is none; ``flush`` sends what is left — a
    notice queued before it began too — and reports the whole flush. Each goes once."""
    older = notice("pre_assembly_notice", "2026-12-01")
    outbox.queue(env, older, NOW)
    sender = outbox.Sender(env, NOW)
    assert sender.send_next() is False  # nothing queued since it began
    first, second = notice("pre_assembly_notice", "2026-12-08"), notice("pre_assembly_notice", "2026-12-15")
    outbox.queue(env, first, NOW)
    assert sender.send_next() is True
    assert sender.report.sent == [first.key] and row(env, older.key)["status"] == "queued"
    outbox.queue(env, second, NOW)
    assert sender.send_next() is True and sender.send_next() is False
    report = sender.flush()
    assert report.sent == [first.key, second.key, older.key]
    assert {row(env, n.key)["status"] for n in (older, first, second)} == {"sent"}
    assert len(list(env.config.path(env.config.outbox.path).glob("*.eml"))) == 3
    assert outbox.flush(env, NOW).sent == []  # nothing twice


def test_a_flush_reads_the_outbox_a_page_at_a_time_and_sends_each_due_notice_once_in_order(env, monkeypatch):
    """A backlog queues thousands of notices, each with its attachments: a flush never reads
    them all at once, and walking the outbox by pages loses, repeats and reorders none — a
    notice waiting for its retry is passed over, a row left in 'sending' is recovered."""
    monkeypatch.setattr(outbox, "PAGE", 2)
    keys = []
    for day in range(1, 8):
        n = notice("pre_assembly_notice", f"2026-12-{day:02d}")
        outbox.queue(env, n, NOW)
        keys.append(n.key)
    waiting = env.store.notice(keys[2])
    crashed = env.store.notice(keys[5])
    with env.store.transaction():
        env.store.update_notice(waiting.id, next_attempt_at=(NOW + dt.timedelta(minutes=5)).isoformat())
        env.store.update_notice(crashed.id, status="sending", attempts=1)
    pages = []
    notices_by_id = env.store.notices_by_id

    def spy(ids):
        page = notices_by_id(ids)
        pages.append(len(page))
        return page

    monkeypatch.setattr(env.store, "notices_by_id", spy)
    monkeypatch.setattr(env.store, "notices", lambda **kw: pytest.fail("the whole outbox read at once"))
    report = outbox.flush(env, NOW)
    assert max(pages) == 2
    assert report.sent == [keys[5]] + [k for i, k in enumerate(keys) if i not in (2, 5)]
    assert row(env, keys[2])["status"] == "queued"
    assert len(list(env.config.path(env.config.outbox.path).glob("*.eml"))) == 6
    assert outbox.flush(env, NOW + dt.timedelta(minutes=5)).sent == [keys[2]]
    assert outbox.flush(env, NOW + dt.timedelta(minutes=10)).sent == []


def test_a_sent_notice_is_filed_in_its_order_s_archive_folder(env):
    """Where the copy goes is read from the order's row without decoding the order: the folder
    recorded on the order, else the one ``order_dir`` names; a notice of no order is unfiled."""
    first = notice("pre_assembly_notice", "2026-12-01")
    outbox.queue(env, first, NOW)
    outbox.flush(env, NOW)
    assert env.store.notice(first.key).archive_path.startswith(str(order_dir(ORDER)) + "/notices/")
    moved = replace(ORDER, archive_dir="Northwind (old)/SO-2026-0007")
    env.store.save_order(moved, NOW)
    second = notice("pre_assembly_notice", "2026-12-08")
    outbox.queue(env, second, NOW)
    outbox.flush(env, NOW)
    path = env.store.notice(second.key).archive_path
    assert path.startswith("Northwind (old)/SO-2026-0007/notices/") and str(order_folder(moved)) in path
    assert (env.archive.root / path).read_bytes() == bytes(row(env, second.key)["eml"])


FORM = "Northwind Traders/SO-2026-0007 PO NW-4411/documents/SO-2026-0007 Order Form.pdf"


def order_form_pdf() -> bytes:
    """A real PDF of a few dozen KB: eight pages of lines, uncompressed."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
    rng = random.Random(7)
    for page_no in range(8):
        page.drawString(72, 800, f"Order Form SO-2026-0007 for PO NW-4411, page {page_no + 1}")
        for row_no in range(45):
            page.drawString(72, 770 - 16 * row_no, f"NW-{row_no:03d}  Gear housing {rng.randint(1, 999)} pcs")
        page.showPage()
    page.save()
    return buffer.getvalue()


def test_a_notice_keeps_its_archived_attachment_by_reference_and_sends_it_whole(env):
    """The outbox row holds the email with the archived PDF referred to by path and hash, not a
    copy of it; what is sent is the whole email, the PDF byte for byte (pdfplumber opens it)."""
    pdf = order_form_pdf()
    assert len(pdf) > 20_000
    env.archive.put(FORM, pdf)
    n = notice(attachments=(FORM,))
    outbox.queue(env, n, NOW)
    stored = bytes(row(env, n.key)["eml"])
    assert stored.startswith(PREFIX) and FORM.split("/")[-1].replace(" ", "%20").encode() in stored
    assert outbox.flush(env, NOW).sent == [n.key]
    (sent,) = env.config.path(env.config.outbox.path).glob("*.eml")
    whole = sent.read_bytes()
    assert len(stored) < len(whole) - len(pdf)  # the PDF's base64 is not in the row
    msg = email.message_from_bytes(whole, policy=policy.default)
    (attached,) = msg.iter_attachments()
    assert attached.get_filename() == "SO-2026-0007 Order Form.pdf" and attached.get_content() == pdf
    with pdfplumber.open(io.BytesIO(attached.get_content())) as doc:
        assert "SO-2026-0007" in doc.pages[0].extract_text()
    copy = env.archive.resolve(env.store.notice(n.key).archive_path).read_bytes()
    assert copy == whole == outbox.message_bytes(env, env.store.notice(n.key))
    assert whole.startswith(b"From: ") and PREFIX not in whole


def test_attachments_of_every_size_are_the_bytes_the_email_library_writes(env):
    """A notice's files are written into it after the rest of the email: the result is, byte for
    byte, the email the library writes with the files attached (empty, a few bytes, under and
    over the size kept by reference, a line's worth and one byte more, a customer's email),
    and the row's form gives it back whole."""
    rng = random.Random(5)
    sizes = (0, 1, 56, 57, 58, 2047, 2048, 57 * 76, 57 * 76 + 1, 30_001)
    paths = []
    for size in sizes:
        paths.append(f"{order_dir(ORDER)}/documents/file-{size}.pdf")
        env.archive.put(paths[-1], rng.randbytes(size))
    paths.append(f"{order_dir(ORDER)}/mail/po.eml")
    env.archive.put(paths[-1], b"From: buyer@northwind.test\r\nSubject: PO NW-4411\r\n\r\nPlease confirm.\r\n")
    n = notice(attachments=tuple(paths))
    composed = outbox.compose(env, n, NOW)
    sent = email.message_from_bytes(composed.eml, policy=policy.SMTP)
    parts = list(sent.iter_attachments())
    assert len(parts) == len(paths)
    for part, path in zip(parts, paths):
        data = env.archive.resolve(path).read_bytes()
        if path.endswith(".eml"):
            assert part.get_content().as_bytes(policy=policy.SMTP) == data
            continue
        assert part.get_content() == data
        library = EmailMessage(policy=policy.SMTP)
        library.set_content(data, maintype="application", subtype="pdf", cte="base64")
        assert part.get_payload().replace("\r\n", "\n") == library.get_payload()
    assert composed.eml.endswith(b"--\r\n")
    assert restore(composed.stored, lambda path: env.archive.resolve(path).read_bytes()) == composed.eml
    assert composed.archived == tuple(p for p, size in zip(paths, sizes) if size >= 2048)


def test_a_file_named_like_the_place_of_a_body_is_still_attached_whole(env):
    """A file's body is put in after the email is written, where a line names its place; a
    file name (a customer's, on an alert) holding that very text changes nothing."""
    data = random.Random(9).randbytes(5000)
    env.archive.put(f"{order_dir(ORDER)}/attachments/po.pdf", data)
    first = outbox.compose(env, notice(attachments=(f"{order_dir(ORDER)}/attachments/po.pdf",)), NOW)
    digest = re.search(rb"=_mailflow_([0-9a-f]{32})_0", first.eml).group(1).decode()
    name = f"=_mailflow_{digest}_file_0"  # the content is the same: so is the digest
    env.archive.put(f"{order_dir(ORDER)}/attachments/{name}", data)
    composed = outbox.compose(env, notice(attachments=(f"{order_dir(ORDER)}/attachments/{name}",)), NOW)
    assert digest in composed.eml.decode()
    (part,) = email.message_from_bytes(composed.eml, policy=policy.SMTP).iter_attachments()
    assert part.get_filename() == name and part.get_content() == data
    assert restore(composed.stored, lambda path: env.archive.resolve(path).read_bytes()) == composed.eml


def test_the_run_summary_names_the_file_a_notice_kept_by_reference_was_sent_to(env):
    """The summary of a run says where each notice went; for a notice whose PDF the row keeps by
    reference, that is the .eml the file transport wrote, not a name it would give another email."""
    env.archive.put(FORM, order_form_pdf())
    n = notice(attachments=(FORM,))
    outbox.queue(env, n, NOW)
    assert outbox.flush(env, NOW).sent == [n.key]
    (sent,) = env.config.path(env.config.outbox.path).glob("*.eml")
    (text, where), _copy = report._notice_lines(env, [n.key])
    assert n.key in text and where == str(sent)


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_a_notice_whose_attachment_changed_after_it_was_queued_is_not_sent_but_reviewed(env, change):
    """Nothing goes out with another file than the one the notice was queued with: a PDF edited
    or deleted in the archive meanwhile stops that notice (a Review row names the file); the
    other notices go."""
    env.archive.put(FORM, order_form_pdf())
    n, other = notice(attachments=(FORM,)), notice("pre_assembly_notice", "2026-12-01")
    outbox.queue(env, n, NOW)
    outbox.queue(env, other, NOW)
    path = env.archive.resolve(FORM)
    if change == "edited":
        path.write_bytes(path.read_bytes().replace(b"NW-4411", b"NW-4412"))
    else:
        path.unlink()
    report = outbox.flush(env, NOW)
    assert report.review == [n.key] and report.sent == [other.key]
    assert row(env, n.key)["status"] == "review" and "SO-2026-0007 Order Form.pdf" in row(env, n.key)["last_error"]
    (item,) = env.store.reviews()
    assert item.key == f"outbox:{n.key}" and "Order Form.pdf" in item.reason
    names = [p.name for p in env.config.path(env.config.outbox.path).glob("*.eml")]
    assert names == ["2026-11-23 SO-2026-0007 pre_assembly_notice.eml"]


def test_an_interrupted_send_whose_attachment_changed_is_not_called_unsent(env):
    """A crash after the send, before it was recorded, then the PDF edited in the archive: the
    notice is not sent again with another file, and its Review row does not say "not sent" (a
    person would send it twice): it says whether it went is not known."""
    env.archive.put(FORM, order_form_pdf())
    n = notice(attachments=(FORM,))
    outbox.queue(env, n, NOW)
    assert outbox.flush(env, NOW).sent == [n.key]
    with env.store.transaction():
        env.store.update_notice(env.store.notice(n.key).id, status="sending")  # as a crash before the record
    path = env.archive.resolve(FORM)
    path.write_bytes(path.read_bytes().replace(b"NW-4411", b"NW-4412"))
    report = outbox.flush(env, NOW)
    assert report.review == [n.key] and report.sent == []
    assert row(env, n.key)["status"] == "review" and "is not known" in row(env, n.key)["last_error"]
    (item,) = env.store.reviews()
    assert item.key == f"outbox:{n.key}" and ": not sent again: " in item.reason and "is not known" in item.reason
    assert len(list(env.config.path(env.config.outbox.path).glob("*.eml"))) == 1


def test_an_attachment_is_on_disk_before_the_notice_that_refers_to_it_is_recorded(env, monkeypatch):
    """A power cut must never leave a queued notice whose attachment is not on disk: the files
    a notice refers to are flushed before its row is written."""
    env.archive.put(FORM, order_form_pdf(), durable=False)
    calls = []
    sync, add = env.archive.sync, env.store.add_notice
    monkeypatch.setattr(env.archive, "sync", lambda paths: (calls.append(("sync", list(paths))), sync(paths))[1])
    monkeypatch.setattr(env.store, "add_notice", lambda *a, **kw: (calls.append(("add", kw["key"])), add(*a, **kw))[1])
    n = notice(attachments=(FORM,))
    outbox.queue(env, n, NOW)
    assert calls == [("sync", [FORM]), ("add", n.key)]


KILLED_WRITE = """
import os, signal, sys
from mailflow.archive import Archive
os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # killed between the write and the rename
Archive(sys.argv[1]).put("2026-11-23 SO-2026-0007 order_ack.eml", open(sys.argv[2], "rb").read())
"""


def test_a_notice_write_killed_before_its_rename_leaves_no_second_eml(env, tmp_path):
    n = notice()
    outbox.queue(env, n, NOW)
    folder = env.config.path(env.config.outbox.path)
    folder.mkdir(parents=True, exist_ok=True)
    eml = tmp_path / "notice.eml"
    eml.write_bytes(bytes(row(env, n.key)["eml"]))
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITE, str(folder), str(eml)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    (left,) = folder.iterdir()  # the whole notice, under a name no pickup of *.eml takes
    assert left.name.startswith(".tmp-") and left.suffix == ".part" and left.read_bytes() == eml.read_bytes()
    assert outbox.flush(env, NOW).sent == [n.key]  # sent again, once: the one .eml there is
    assert [p.name for p in folder.glob("*.eml")] == ["2026-11-23 SO-2026-0007 order_ack.eml"]
    old = time.time() - archive_mod.STALE_TEMP_SECONDS - 60
    os.utime(left, (old, old))
    fresh = folder / ".tmp-another-process-writing.part"
    fresh.write_bytes(b"under way")
    FileTransport(env)  # the next time the folder is opened, what the killed write left goes
    assert not left.exists() and fresh.exists()  # another process's write under way is left alone
