"""Decompression bombs and parsers that run away: the daemon's memory stays flat, the bombs are
quarantined with the reason, the orders after them land, and a message that keeps killing the
process is quarantined after a restart instead of being parsed in a loop.

All through the real CLI (`mailflow run --once`, `mailflow run`) on a Maildir workspace, with the
real parsers; the bombs are built by ``tests/bombs.py`` (a few hundred KB on disk each).
"""

from __future__ import annotations

import functools
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import bombs
from helpers.daemon import (
    DaemonProcess,
    deliver,
    make_workspace,
    po_email,
    query,
    wait_for,
)
from helpers.memory import MEMORY_BOUND_MB, run_once_measured


def test_bombs_are_quarantined_with_the_reason_and_the_orders_after_them_land(tmp_path):
    workspace = make_workspace(tmp_path)
    mails = bombs.bomb_mails(megabytes=600)
    for n, (name, raw) in enumerate(mails.items()):
        assert len(raw) < 1_000_000  # small on disk
        deliver(workspace, po_email(n * 2 + 1), f"{n * 2:02d}-clean")
        deliver(workspace, raw, f"{n * 2 + 1:02d}-{name}")
        os.utime(workspace / "mail" / "inbox" / "new" / f"{n * 2 + 1:02d}-{name}", (1000 + n * 2 + 1,) * 2)
        os.utime(workspace / "mail" / "inbox" / "new" / f"{n * 2:02d}-clean", (1000 + n * 2,) * 2)
    deliver(workspace, po_email(99), "99-clean")
    done, peak = run_once_measured(workspace)
    assert done.returncode == 0, done.stderr[-3000:]
    outcomes = {r["source_key"]: (r["outcome"], r["reason"]) for r in query(workspace, "SELECT * FROM messages")}
    for n, name in enumerate(mails):
        outcome, reason = outcomes[f"{n * 2 + 1:02d}-{name}"]
        assert outcome == "quarantined", (name, outcome, reason)
        assert "limit" in reason and "PO_BOMB" in reason, reason
    pos = sorted(r[0] for r in query(workspace, "SELECT po_number FROM orders"))
    assert pos == ["KT-00001", "KT-00003", "KT-00005", "KT-00099"]
    assert peak.daemon_kb < MEMORY_BOUND_MB * 1024, f"daemon peak {peak.daemon_kb // 1024} MB"
    print(f"\npeak RSS: daemon {peak.daemon_kb // 1024} MB, parse worker {peak.children_kb // 1024} MB")


def test_a_line_break_in_a_part_name_stays_inside_the_one_line_quarantine_reason(tmp_path):
    """A workbook part named "docProps/x\r\nSubject: paid.xml" must not start a line of its own in
    the reason staff read (the .reason.txt beside the mail, the Review row, the message record)."""
    workspace = make_workspace(tmp_path)
    part = "docProps/x\r\nSubject: paid.xml"
    hostile = bombs.replace_member(_with_member(bombs.xlsx_bomb(1), part), part, b"<a>", b"a", 300, b"</a>")
    deliver(workspace, bombs.po_mail("BOMB-9", "PO_BOMB-9.xlsx", bombs.XLSX, hostile), "01-bomb")
    done, _ = run_once_measured(workspace)
    assert done.returncode == 0, done.stderr[-3000:]
    [(outcome, reason, path)] = query(workspace, "SELECT outcome, reason, archive_path FROM messages")
    assert outcome == "quarantined" and "limit" in reason
    assert "x\\r\\nSubject: paid.xml declares 300 MB" in reason and "\n" not in reason and "\r" not in reason
    written = (workspace / "archive" / path).with_suffix("").with_suffix(".reason.txt").read_bytes()
    assert written.count(b"\n") == 1 and b"\r" not in written and b"x\\r\\nSubject: paid.xml" in written
    [(review,)] = query(workspace, "SELECT reason FROM review WHERE key LIKE 'quarantine:%'")
    assert review == f"quarantined: {reason}"


def test_a_direction_mark_in_a_part_name_is_written_as_itself_in_the_quarantine_reason(tmp_path):
    """A part named "docProps/x\u202egpj.exe.xml" shows as "docProps/xlmx.exe.jpg" wherever the
    override is kept: the reason staff read writes the mark as its escape instead."""
    workspace = make_workspace(tmp_path)
    part = "docProps/x\u202egpj.exe\u200b.xml"
    hostile = bombs.replace_member(_with_member(bombs.xlsx_bomb(1), part), part, b"<a>", b"a", 300, b"</a>")
    deliver(workspace, bombs.po_mail("BOMB-8", "PO_BOMB-8.xlsx", bombs.XLSX, hostile), "01-bomb")
    done, _ = run_once_measured(workspace)
    assert done.returncode == 0, done.stderr[-3000:]
    [(outcome, reason, path)] = query(workspace, "SELECT outcome, reason, archive_path FROM messages")
    assert outcome == "quarantined" and "x\\u202egpj.exe\\u200b.xml declares 300 MB" in reason, reason
    written = (workspace / "archive" / path).with_suffix("").with_suffix(".reason.txt").read_text("utf-8")
    [(review,)] = query(workspace, "SELECT reason FROM review WHERE key LIKE 'quarantine:%'")
    for text in (reason, written, review):
        assert not set(text) & {"\u202e", "\u200b", "\r"}, repr(text)


def _with_member(package: bytes, name: str) -> bytes:
    """``package`` with one more (small) member ``name``."""
    out = io.BytesIO(package)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr(name, b"<a/>")
    return out.getvalue()


@functools.lru_cache(maxsize=None)
def test_a_parse_over_the_time_limit_is_quarantined_and_the_next_message_is_read(tmp_path):
    workspace = make_workspace(tmp_path)
    config = workspace / "config.yaml"
    # 40,000 rows take openpyxl about 3.5 s on an idle machine: well over the limit on any machine
    config.write_text(config.read_text().replace("parse_seconds: 60", "parse_seconds: 1"))
    deliver(workspace, bombs.po_mail("SLOW-1", "PO_SLOW-1.xlsx", bombs.XLSX, bombs.slow_workbook(40_000)), "0-slow")
    os.utime(workspace / "mail" / "inbox" / "new" / "0-slow", (1000, 1000))
    deliver(
        workspace,
        b"From: ann@friends.example\r\nSubject: lunch\r\nMessage-ID: <lunch@friends.example>\r\n"
        b"\r\nLunch on Friday?\r\n",
        "1-next",
    )  # quick to read, even on a busy machine
    done, _ = run_once_measured(workspace)
    assert done.returncode == 0, done.stderr[-3000:]
    outcomes = {r["source_key"]: (r["outcome"], r["reason"]) for r in query(workspace, "SELECT * FROM messages")}
    assert outcomes["0-slow"][0] == "quarantined"
    assert "took longer than the 1 s limit" in outcomes["0-slow"][1]
    assert outcomes["1-next"][0] == "ignored", outcomes["1-next"]  # read by a fresh worker


def test_a_message_that_kills_the_daemon_is_quarantined_after_restart_not_parsed_in_a_loop(tmp_path):
    """Kill -9 the daemon while it reads one message, three times; the next start quarantines
    that message with the reason and goes on with the mail behind it."""
    workspace = make_workspace(tmp_path)
    deliver(workspace, bombs.po_mail("SLOW-2", "PO_SLOW-2.xlsx", bombs.XLSX, bombs.slow_workbook(40_000)), "0-killer")
    os.utime(workspace / "mail" / "inbox" / "new" / "0-killer", (1000, 1000))
    deliver(workspace, po_email(8), "1-after")

    def parsing_attempts() -> int:
        rows = query(workspace, "SELECT attempts FROM parsing WHERE source_key = '0-killer'")
        return rows[0][0] if rows else 0

    for attempt in (1, 2, 3):
        with DaemonProcess(workspace) as daemon:
            wait_for(lambda attempt=attempt: parsing_attempts() == attempt, 120, f"parse attempt {attempt}", daemon)
            daemon.proc.send_signal(signal.SIGKILL)
            daemon.proc.wait(30)
        assert not query(workspace, "SELECT 1 FROM messages WHERE source_key = '0-killer'")
    with DaemonProcess(workspace) as daemon:
        wait_for(
            lambda: query(workspace, "SELECT 1 FROM orders WHERE po_number = 'KT-00008'"),
            120,
            "the order behind the killer",
            daemon,
        )
        code, _ = daemon.stop()
    assert code == 0
    (row,) = query(workspace, "SELECT outcome, reason, archive_path FROM messages WHERE source_key = '0-killer'")
    assert row["outcome"] == "quarantined"
    assert "stopped 3 times while reading this message" in row["reason"]
    assert (workspace / "archive" / row["archive_path"]).exists()
    assert not query(workspace, "SELECT 1 FROM parsing")


# --------------------------------------------------------------------------- the checks themselves


@pytest.mark.parametrize(
    "build, kind, expected",
    [
        (bombs.xlsx_bomb, bombs.XLSX, "docProps/core.xml declares 300 MB"),
        (bombs.docx_bomb, bombs.DOCX, "word/document.xml declares 300 MB"),
        (bombs.ods_bomb, bombs.ODS, "content.xml declares 300 MB"),
        (bombs.pdf_bomb, bombs.PDF, "page content inflates to more than"),
    ],
)
def test_each_bomb_is_measured_before_a_reader_opens_it(build, kind, expected):
    from mailflow.config import Limits
    from mailflow.errors import LimitExceeded
    from mailflow.extract import inflate

    started = time.monotonic()
    with pytest.raises(LimitExceeded, match=expected):
        inflate.check(kind, build(300), "PO.bin", Limits())
    assert time.monotonic() - started < 5
    inflate.check(kind, build(1), "PO.bin", Limits())  # a small one passes


def test_corpus_documents_pass_the_checks():
    from mailflow.config import Limits
    from mailflow.extract import inflate

    corpus = Path(__file__).parent / "corpus"
    kinds = {".pdf": bombs.PDF, ".xlsx": bombs.XLSX, ".docx": bombs.DOCX, ".ods": bombs.ODS, ".odt": bombs.ODT}
    files = [p for p in corpus.rglob("*") if p.suffix in kinds]
    assert len(files) > 20
    for path in files:
        inflate.check(kinds[path.suffix], path.read_bytes(), path.name, Limits())


def test_a_reader_that_swallows_the_time_limit_does_not_keep_the_next_attachment_unlimited(monkeypatch):
    """Readers catch every exception of a bad file, the time limit's too; it is raised again."""
    from mailflow import extract
    from mailflow.errors import LimitExceeded
    from mailflow.extract import pdf
    from mailflow.extract.document import Document
    from mailflow.model import Attachment, Message
    from mailflow.timelimit import time_limit

    calls = []

    def stubborn(data, name, vocab):  # what pdfminer or openpyxl do with any exception
        calls.append(name)
        try:
            end = time.monotonic() + 5
            while time.monotonic() < end:
                sum(range(1000))
        except Exception:
            pass
        return Document(name, unreadable=True, warnings=[f"{name}: damaged"])

    monkeypatch.setattr(pdf, "read", stubborn)  # the PDF format's reader (formats.READERS names it)
    attachments = tuple(Attachment(f"PO_{n}.pdf", "application/pdf", b"%PDF-1.4") for n in (1, 2))
    message = Message("0" * 64, 10, "<slow@x.example>", subject="Purchase order 1", attachments=attachments)
    extract.parse_message(Message("1" * 64, 10, None, subject="warm-up"), extract.ParseContext())  # loads
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="0.3 s limit"):
        with time_limit(0.3, "reading the attachments"):
            extract.parse_message(message, extract.ParseContext())
    assert calls == ["PO_1.pdf"] and time.monotonic() - started < 3


def test_the_parse_worker_loads_the_readers_and_not_the_tracker_or_the_templates():
    """The worker reads attachments and nothing else: the tracker, the document templates and
    their libraries stay in the daemon (each parse worker is a process of its own, and every MB
    loaded there is held once per worker)."""
    probe = (
        "import sys; from mailflow.parseworker import _preload; _preload();"
        " print(' '.join(sorted(m for m in sys.modules if '.' not in m or m.startswith('mailflow.'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(done.stdout.split())
    assert {"pdfplumber", "openpyxl", "docx", "mailflow.customers"} <= loaded
    assert not loaded & {"mailflow.tracker", "mailflow.pipeline", "mailflow.documents", "docxtpl", "jinja2"}
