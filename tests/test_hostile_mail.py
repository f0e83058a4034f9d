"""Mail written by an attacker, through `mailflow run --once` on a Maildir workspace with the real
parsers and the file outbox: nothing of it reaches our own headers, the tracker keeps saving,
files do not overwrite each other, a password never shows, and no message blocks the others.
"""

from __future__ import annotations

import base64
import email
import json
import sqlite3
import subprocess
from email import policy
from pathlib import Path

import openpyxl
import pytest

from helpers.daemon import cli, clean_environ, deliver, make_workspace, outbox_files, query

# The attack of the issue: a Message-ID holding an encoded word whose content is another
# encoded word carrying CR LF and the headers an attacker wants in our reply.
INNER = "=?utf-8?q?x=0D=0ABcc=3A_attacker@evil.example=0D=0AReply-To=3A_attacker@evil.example=0D=0A=0D=0Apay_here?="
DOUBLY_ENCODED_ID = "<=?utf-8?b?" + base64.b64encode(INNER.encode()).decode() + "?=@evil.example>"
ENCODED_SENDER = "=?utf-8?q?tom=0D=0ABcc=3A_attacker@evil.example?=@acme-robotics.example"


def body_po(
    po: str,
    *,
    buyer: str = "Acme Robotics Inc.",
    sender: str = "tom.baker@acme-robotics.example",
    message_id: str | None = None,
    subject: str | None = None,
    item: str = "HX-2040",
    extra_headers: str = "",
) -> bytes:
    """A purchase order typed in the body (the body extractor reads it)."""
    return (
        f"From: Tom Baker <{sender}>\r\n"
        "To: Example Manufacturing Orders <orders@example.com>\r\n"
        f"Subject: {subject or f'PO {po}'}\r\n"
        "Date: Sat, 21 Nov 2026 14:05:00 +0000\r\n"
        f"Message-ID: {message_id or f'<{po.lower()}@acme-robotics.example>'}\r\n"
        f"{extra_headers}"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "MIME-Version: 1.0\r\n\r\n"
        f"Hi,\r\n\r\nPO number: {po}\r\nBuyer: {buyer}\r\n\r\n"
        f"Please supply 120 pcs of {item} at USD 3.20, delivery by Dec 15, 2026.\r\n\r\n"
        f"Thanks,\r\nTom Baker\r\n{buyer}\r\n"
    ).encode()


def with_attachments(po: str, files: list[tuple[str, str, bytes]]) -> bytes:
    """A PO email whose body says little, with the given (name, content type, bytes) attached."""
    msg = email.message.EmailMessage(policy=policy.SMTP)
    msg["From"] = "Tom Baker <tom.baker@acme-robotics.example>"
    msg["To"] = "orders@example.com"
    msg["Subject"] = f"Purchase order {po}"
    msg["Date"] = "Sat, 21 Nov 2026 14:05:00 +0000"
    msg["Message-ID"] = f"<{po.lower()}-files@acme-robotics.example>"
    msg.set_content(f"Please find our purchase order {po} attached.\n\nTom Baker\nAcme Robotics Inc.\n")
    for name, ctype, data in files:
        maintype, _, subtype = ctype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def run_once(workspace: Path, environ: dict | None = None) -> subprocess.CompletedProcess:
    done = cli(workspace, "run", "--once", environ=environ)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def last_cycle(workspace: Path) -> dict:
    rows = query(workspace, "SELECT value FROM status WHERE name = 'last_cycle'")
    return json.loads(rows[0][0])


def tracker_values(workspace: Path) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(workspace / "tracker.xlsx")
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()


@pytest.fixture
def workspace(tmp_path) -> Path:
    return make_workspace(tmp_path)


# --------------------------------------------------------------------------- 1. headers


def test_a_doubly_encoded_message_id_never_reaches_our_headers(workspace):
    deliver(workspace, body_po("KT-70001", message_id=DOUBLY_ENCODED_ID), "attack")
    deliver(workspace, body_po("KT-70002"), "clean")
    run_once(workspace)
    orders = {r["po_number"]: json.loads(r["data"]) for r in query(workspace, "SELECT po_number, data FROM orders")}
    assert set(orders) == {"KT-70001", "KT-70002"}
    assert orders["KT-70001"]["source_message_id"] is None  # dropped where it came in
    assert orders["KT-70002"]["source_message_id"] == "<kt-70002@acme-robotics.example>"
    sent = outbox_files(workspace)
    acks = {m["X-Mailflow-Order"]: m for m in sent if m["X-Mailflow-Notice"] == "order_ack"}
    assert len(acks) == 2
    for message in sent:
        assert message["Bcc"] is None and message["Reply-To"] is None
        assert "attacker" not in message.as_string()
        assert message.get_content_type() == "multipart/mixed" or message.is_multipart()
    by_po = {
        json.loads(r["data"])["po_number"]: r["order_no"] for r in query(workspace, "SELECT order_no, data FROM orders")
    }
    attacked, clean = acks[by_po["KT-70001"]], acks[by_po["KT-70002"]]
    assert attacked["In-Reply-To"] is None and attacked["References"] is None  # threads by subject
    assert clean["In-Reply-To"] == "<kt-70002@acme-robotics.example>"


def test_a_sender_address_with_an_encoded_line_break_is_left_out_and_the_cycle_goes_on(workspace):
    deliver(workspace, body_po("KT-70011", sender=ENCODED_SENDER), "attack")
    deliver(workspace, body_po("KT-70012"), "clean")
    run_once(workspace)
    run_once(workspace)  # a second cycle must not fail on the same order again
    assert last_cycle(workspace)["errors"] == []
    orders = {
        json.loads(r["data"])["po_number"]: r["order_no"] for r in query(workspace, "SELECT order_no, data FROM orders")
    }
    assert set(orders) == {"KT-70011", "KT-70012"}
    kinds = {(m["X-Mailflow-Order"], m["X-Mailflow-Notice"]) for m in outbox_files(workspace)}
    # staff still hear of the order: with no sender it is nobody's known address, so it waits in review
    reviews = [r[0] for r in query(workspace, "SELECT order_no FROM review WHERE status = 'open'")]
    assert orders["KT-70011"] in reviews
    assert (orders["KT-70011"], "order_ack") not in kinds  # nobody to acknowledge to
    assert (orders["KT-70012"], "order_ack") in kinds
    for message in outbox_files(workspace):
        assert message["Bcc"] is None and "attacker" not in str(message["To"])
    senders = [r[0] for r in query(workspace, "SELECT sender FROM messages")]
    assert all("\r" not in (s or "") and "=?" not in (s or "") for s in senders)


# --------------------------------------------------------------------------- 2. control characters


def test_control_characters_never_stop_the_tracker(workspace):
    deliver(
        workspace,
        body_po("KT-70021", buyer="Acme\x07 Robotics Inc.", subject="PO KT-70021 \x0b urgent", item="HX-2040\x0b"),
        "bell",
    )
    csv_po = (
        "PO Number,KT-70022\nBuyer,Bolt\x07 Industries Ltd\n\nItem,Description,Qty,Unit Price,Amount\n"
        "BX-1,Bracket\x0b steel,10,2.50,25.00\nBX-2,Bolt \x1b M6,20,1.00,20.00\n"
    ).encode()
    deliver(workspace, with_attachments("KT-70022", [("PO_KT-70022.csv", "text/csv", csv_po)]), "csv")
    deliver(workspace, body_po("KT-70023"), "clean")
    run_once(workspace)
    assert last_cycle(workspace)["errors"] == []
    sheets = tracker_values(workspace)
    cells = [c for rows in sheets.values() for row in rows for c in row if isinstance(c, str)]
    assert not [c for c in cells if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in c)]
    orders_text = " ".join(str(c) for row in sheets["Orders"] for c in row)
    for po in ("KT-70021", "KT-70022", "KT-70023"):
        assert po in orders_text
    check = cli(workspace, "tracker", "check")
    assert check.returncode == 0 and "could not be written" not in check.stdout


def test_a_row_the_tracker_cannot_hold_is_reported_and_the_others_land(workspace):
    deliver(workspace, body_po("KT-70031"), "first")
    run_once(workspace)
    # An order whose stored value does not fit its column (written by hand, or by an older version).
    db = sqlite3.connect(workspace / "state" / "mailflow.db")
    with db:
        db.execute("UPDATE orders SET data = json_set(data, '$.facts.inspection_date', 'next week')")
    db.close()
    deliver(workspace, body_po("KT-70032"), "second")
    run_once(workspace)
    orders_text = " ".join(str(c) for row in tracker_values(workspace)["Orders"] for c in row)
    assert "KT-70032" in orders_text
    review = " ".join(str(c) for row in tracker_values(workspace)["Review"] for c in row)
    assert "could not be written to the tracker" in review and "Inspection Date" in review
    status = cli(workspace, "status")
    assert "row(s) could not" in status.stdout, status.stdout
    failed = json.loads(cli(workspace, "status", "--json").stdout)["tracker"]["failed_rows"]
    assert [row["sheet"] for row in failed] == ["Orders"] and "Inspection Date" in failed[0]["error"]
    check = cli(workspace, "tracker", "check")
    assert "could not be written" in check.stdout, check.stdout


# --------------------------------------------------------------------------- 3. identities


def test_a_second_mail_reusing_a_message_id_is_read_not_dropped_as_a_copy(workspace):
    # An ERP that names its mail after the document, or a sender who saw the first mail's
    # Message-ID: a different mail under the same Message-ID is not a copy of the first.
    reused = "<po@erp.acme-robotics.example>"
    first = body_po("KT-70041", message_id=reused)
    deliver(workspace, first, "first")
    run_once(workspace)
    deliver(workspace, body_po("KT-70042", message_id=reused, item="ZX-9"), "second")
    run_once(workspace)
    assert sorted(r[0] for r in query(workspace, "SELECT po_number FROM orders")) == ["KT-70041", "KT-70042"]
    outcomes = {r[0]: r[1] for r in query(workspace, "SELECT source_key, outcome FROM messages")}
    assert outcomes == {"first": "processed", "second": "processed"}
    reviews = [r[0] for r in query(workspace, "SELECT reason FROM review WHERE status = 'open'")]
    assert any(reused in reason and "same Message-ID" in reason for reason in reviews), reviews
    [path] = [r[0] for r in query(workspace, "SELECT archive_path FROM messages WHERE source_key = 'first'")]
    assert (workspace / "archive" / path).read_bytes() == first  # the first mail's copy is kept as it was


def test_one_mail_delivered_twice_through_other_servers_is_still_one_message(workspace):
    mail = body_po("KT-70043")
    deliver(workspace, mail, "direct")
    run_once(workspace)
    relayed = b"Received: from relay.example.com by mx.example.com; Sat, 21 Nov 2026 14:06:00 +0000\r\n" + mail
    deliver(workspace, relayed.replace(b"\r\n", b"\n"), "relayed")  # another server, its own line ends
    run_once(workspace)
    outcomes = {r[0]: r[1] for r in query(workspace, "SELECT source_key, outcome FROM messages")}
    assert outcomes == {"direct": "processed", "relayed": "duplicate"}
    assert [r[0] for r in query(workspace, "SELECT po_number FROM orders")] == ["KT-70043"]


# --------------------------------------------------------------------------- 5. secrets


def test_a_password_with_a_slash_is_never_printed_or_stored(workspace):
    environ = clean_environ(
        MAILFLOW_IMAP_URL="imaps://orders:S3cret/PW@imap.example.com/INBOX",
        MAILFLOW_SMTP_URL="smtps://orders:S3cret#PW@smtp.example.com",
        MAILFLOW_OUTBOX="smtp",
    )
    check = cli(workspace, "check", environ=environ)
    assert "S3cret" not in check.stdout + check.stderr
    assert "percent-encode" in check.stdout + check.stderr
    deliver(workspace, body_po("KT-70041"), "po")
    run = cli(
        workspace,
        "run",
        "--once",
        environ=clean_environ(MAILFLOW_SMTP_URL="smtps://orders:S3cret#PW@smtp.example.com", MAILFLOW_OUTBOX="smtp"),
    )
    assert "S3cret" not in run.stdout + run.stderr
    status = cli(workspace, "status", environ=environ)
    assert "S3cret" not in status.stdout + status.stderr
    assert b"S3cret" not in (workspace / "state" / "mailflow.db").read_bytes()
    rows = query(workspace, "SELECT last_error FROM outbox")
    assert rows and all(r[0] is None or "percent-encode" in r[0] or "URL" in r[0] for r in rows)


# --------------------------------------------------------------------------- 6. names


def test_attachments_keep_their_names_apart_and_windows_devices_are_refused(workspace):
    long = "Customer Assembly Housing Drawing for the New Bracket Series, Revision B, approved by QA - "
    csv_po = b"PO Number,KT-70051\nBuyer,Acme Robotics Inc.\n\nItem,Description,Qty,Unit Price,Amount\nHX-1,Housing,10,2.50,25.00\n"
    files = [
        ("PO_KT-70051.csv", "text/csv", csv_po),
        (long + "Sheet 1 of 2.pdf", "application/octet-stream", b"sheet one"),
        (long + "Sheet 2 of 2.pdf", "application/octet-stream", b"sheet two"),
        ("CONIN$", "application/octet-stream", b"device"),
        ("lpt\u00b9.txt", "text/plain", b"device two"),
        ("CON .txt", "text/plain", b"device three"),
    ]
    deliver(workspace, with_attachments("KT-70051", files), "files")
    run_once(workspace)
    (folder,) = list((workspace / "archive").glob("*/*KT-70051/attachments"))
    stored = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sum(1 for data in stored.values() if data in (b"sheet one", b"sheet two")) == 2
    drawings = [n for n, data in stored.items() if data in (b"sheet one", b"sheet two")]
    assert all(n.endswith(".pdf") for n in drawings) and len(set(drawings)) == 2
    from mailflow.archive import is_reserved

    assert not [n for n in stored if is_reserved(n)], sorted(stored)
    assert {b"device", b"device two", b"device three"} <= set(stored.values())


@pytest.mark.parametrize(
    "name", ["CON", "con.txt", "CON .txt", "CONIN$", "conout$.log", "lpt\u00b9.txt", "COM\u00b2", "NUL.tar.gz", "aux"]
)
def test_device_names_are_refused_for_files_and_folders(name):
    from mailflow.archive import folder_name, is_reserved
    from mailflow.message.names import safe_filename

    assert is_reserved(name)
    assert not is_reserved(safe_filename(name, "attachment"))
    assert not is_reserved(folder_name(name))


def test_each_quarantined_message_has_its_own_file(workspace):
    config = workspace / "config.yaml"
    config.write_text(config.read_text().replace("max_message_bytes: 52428800", "max_message_bytes: 4096"))
    for n in (1, 2, 3):
        deliver(workspace, body_po(f"KT-7006{n}") + b"x" * 8000 * n, f"big{n}")
    run_once(workspace)
    rows = query(workspace, "SELECT archive_path, reason FROM messages WHERE outcome = 'quarantined'")
    assert len(rows) == 3 and len({r[0] for r in rows}) == 3
    for path, reason in rows:
        eml = workspace / "archive" / path
        assert eml.exists() and "over the" in reason
        assert eml.with_suffix("").with_suffix(".reason.txt").read_text().strip() == reason


# --------------------------------------------------------------------------- 7. stuck loops


def deep_multipart(depth: int) -> bytes:
    head = (
        "From: x@spam.example\r\nTo: orders@example.com\r\nSubject: deep\r\n"
        "Message-ID: <deep@spam.example>\r\nMIME-Version: 1.0\r\n"
    )
    parts, tail = [], []
    for level in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n')
        tail.append(f"\r\n--b{level}--\r\n")
    return (head + "".join(parts) + "Content-Type: text/plain\r\n\r\nhello" + "".join(reversed(tail))).encode()


def test_a_message_that_cannot_be_parsed_is_moved_once_and_later_mail_is_not_held_up(workspace):
    deliver(workspace, deep_multipart(300), "0-deep")
    deliver(workspace, body_po("KT-70071"), "1-after")
    run_once(workspace)
    assert last_cycle(workspace)["errors"] == []
    box = workspace / "mail" / "inbox"
    assert list((box / "new").iterdir()) == []
    assert sorted(p.name.split(":")[0] for p in (box / "cur").iterdir()) == ["0-deep", "1-after"]
    assert all(p.name.endswith(":2,S") for p in (box / "cur").iterdir())
    outcomes = dict(query(workspace, "SELECT source_key, outcome FROM messages"))
    assert outcomes == {"0-deep": "quarantined", "1-after": "processed"}
    run_once(workspace)
    assert last_cycle(workspace)["errors"] == []


def many_tiny_parts(parts: int) -> bytes:
    """A mail that says it is a purchase order, made of ``parts`` tiny text parts."""
    msg = email.message.EmailMessage(policy=policy.SMTP)
    msg["From"] = "Tom Baker <tom.baker@acme-robotics.example>"
    msg["To"] = "orders@example.com"
    msg["Subject"] = "Purchase order KT-70090"
    msg["Message-ID"] = "<kt-70090-parts@acme-robotics.example>"
    msg.set_content("PO number: KT-70090\n")
    msg.make_mixed()
    for n in range(parts - 2):  # the root and its text are two parts
        part = email.message.EmailMessage(policy=policy.SMTP)
        part.set_content(f"{n}\n")
        msg.attach(part)
    return msg.as_bytes()


def test_a_mail_of_too_many_parts_goes_to_a_person_with_the_reason_and_the_next_is_read(workspace):
    deliver(workspace, many_tiny_parts(1500), "0-parts")
    deliver(workspace, body_po("KT-70091"), "1-after")
    run_once(workspace)
    assert last_cycle(workspace)["errors"] == []
    rows = {r[0]: (r[1], r[2]) for r in query(workspace, "SELECT source_key, outcome, reason FROM messages")}
    assert rows["0-parts"][0] == "quarantined"
    assert "more than 1000 MIME parts (the max_parts limit)" in rows["0-parts"][1]
    assert rows["1-after"][0] == "processed"
    reviews = [r[0] for r in query(workspace, "SELECT reason FROM review WHERE status = 'open'")]
    assert any("max_parts" in reason for reason in reviews), reviews
    assert [r[0] for r in query(workspace, "SELECT po_number FROM orders")] == ["KT-70091"]
