"""The customer master through whole cycles (``run --once``), with staff edits made to the
workbook with openpyxl as Excel would save them: new customers hold their notices until staff
confirm them, corrections teach the next PO, the master drives greetings, signatures, deposit %,
and sender trust keeps notices away from forged senders.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.context import Env
from mailflow.customers import find_by_name, find_by_sender, greeting, sender_key
from mailflow.customers.master import add_customers
from mailflow.scaffold import create_workspace, deliver
from mailflow.store import Store

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)  # a Monday


class Desk:
    """A workspace made by ``mailflow init``, one Env, and what a test does to it."""

    def __init__(self, root: Path) -> None:
        self.root = root / "desk"
        create_workspace(self.root, now=NOW)
        path = self.root / "config.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("  pdf: auto", "  pdf: never"), encoding="utf-8")
        self.now = NOW
        self.env = Env.open(config_mod.load(path), clock=lambda: self.now)
        self.maildir = self.env.config.path(self.env.config.mailbox.maildir)
        self.tracker = self.env.config.path(self.env.config.workspace.tracker)

    def run(self) -> pipeline.CycleReport:
        report = pipeline.run_once(self.env)
        assert not report.errors, report.errors
        return report

    def mail(self, raw: str) -> None:
        deliver(self.maildir, raw.replace("\n", "\r\n").encode("utf-8"))

    def edit(self, sheet: str, key_header: str, key: str, changes: dict[str, object]) -> None:
        """Staff change cells of the row whose ``key_header`` cell is ``key`` (saved as Excel would)."""
        wb = openpyxl.load_workbook(self.tracker)
        ws = wb[sheet]
        headers = {c.value: c.column for c in ws[1] if c.value}
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, headers[key_header]).value == key)
        for header, value in changes.items():
            ws.cell(row, headers[header]).value = value
        wb.save(self.tracker)

    def add_row(self, sheet: str, values: dict[str, object]) -> None:
        """Staff type a new row under the last one."""
        wb = openpyxl.load_workbook(self.tracker)
        ws = wb[sheet]
        headers = {c.value: c.column for c in ws[1] if c.value}
        row = ws.max_row + 1
        for header, value in values.items():
            ws.cell(row, headers[header]).value = value
        wb.save(self.tracker)

    def sheet(self, name: str) -> list[dict[str, object]]:
        ws = openpyxl.load_workbook(self.tracker)[name]
        headers = [c.value for c in ws[1]]
        return [dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True) if any(row)]

    def order(self, po: str):
        [order] = self.env.store.orders_by_po(po)
        return order

    def notices(self, kind: str | None = None) -> list[dict[str, object]]:
        rows = self.env.store.conn.execute("SELECT * FROM outbox ORDER BY id").fetchall()
        out = []
        for row in rows:
            if kind is None or row["kind"] == kind:
                mail = BytesParser(policy=policy.default).parsebytes(bytes(row["eml"]))
                out.append(
                    {
                        "kind": row["kind"],
                        "order_no": row["order_no"],
                        "to": json.loads(row["recipients"]),
                        "status": row["status"],
                        "mail": mail,
                        "text": mail.get_body(("plain",)).get_content(),
                    }
                )
        return out


@pytest.fixture
def desk(tmp_path):
    made = Desk(tmp_path)
    yield made
    made.env.close()


def body_po(po: str, sender: str, buyer: str, *, name: str = "", extra_headers: str = "", qty: int = 500) -> str:
    return (
        f"From: {name + ' ' if name else ''}<{sender}>\n"
        "To: Example Manufacturing Orders <orders@example.com>\n"
        f"Subject: PO {po}\n"
        "Date: Sat, 21 Nov 2026 14:05:00 +0000\n"
        f"Message-ID: <{po.lower()}@mail.test>\n"
        f"{extra_headers}"
        "Content-Type: text/plain; charset=utf-8\n"
        "MIME-Version: 1.0\n\n"
        f"Hi,\n\nPO number: {po}\nBuyer: {buyer}\n\n"
        f"Please supply {qty} pcs of HX-2040 at USD 2.00, delivery by Dec 15, 2026.\n\nThanks\n"
    )


UMBRELLA = {
    "name": "Umbrella Corp", "senders": ["umbrella.example"], "contact": "Ms Alice Clarke",
    "contact_title": "Purchasing Manager", "contact_email": "alice.clarke@umbrella.example", "language": "en",
    "deposit_percent": "50", "account_manager": "Albert Wesker", "account_manager_title": "Sales Manager",
    "account_manager_email": "wesker@example.com",
}  # fmt: skip


# --------------------------------------------------------------------------- new customers


def test_a_new_customer_holds_its_notices_until_staff_confirm_it(desk):
    desk.mail(body_po("GX-1", "hank@globex.example", "Globex Corp", name="Hank Scorpio"))
    desk.run()
    order = desk.order("GX-1")
    assert order.status == "Needs review"
    assert desk.notices() == []  # nothing to the stranger, and nothing internal on an unchecked order
    [row] = [r for r in desk.sheet("Customers") if r["Customer"] == "Globex Corp"]
    assert row["Status"] == "New" and row["Email Addresses / Domains"] == "globex.example"
    assert row["Contact"] == "Hank Scorpio" and row["ID"].startswith("C-")
    assert any("new customer" in r.reason for r in desk.env.store.reviews())

    desk.run()  # another cycle changes nothing: still held
    assert desk.notices("order_ack") == []

    desk.edit("Customers", "ID", row["ID"], {"Status": "Confirmed"})
    desk.now += dt.timedelta(hours=1)
    desk.run()
    [ack] = desk.notices("order_ack")
    assert ack["to"] == ["hank@globex.example"] and ack["status"] == "sent"
    assert desk.order("GX-1").status == "Received"
    assert not [r for r in desk.env.store.reviews() if "new customer" in r.reason]  # the Review row is done


# --------------------------------------------------------------------------- learning


def test_a_correction_teaches_the_next_po_and_rewrites_no_other_order(desk):
    desk.mail(body_po("IN-1", "peter@initech.example", "Initek Ltd", name="Peter Gibbons"))
    desk.mail(body_po("IN-2", "peter@initech.example", "Initek Ltd", name="Peter Gibbons"))
    desk.run()
    assert desk.order("IN-1").customer == "Initek Ltd" and desk.notices("order_ack") == []
    first = desk.order("IN-1").order_no

    desk.edit("Orders", "Order No", first, {"Customer": "Initech LLC"})
    desk.now += dt.timedelta(hours=1)
    desk.run()

    customers = {r["Customer"]: r for r in desk.sheet("Customers")}
    assert customers["Initech LLC"]["Status"] == "Confirmed"
    assert customers["Initech LLC"]["Email Addresses / Domains"] == "initech.example"  # visible to staff
    assert "initech.example" not in (customers["Initek Ltd"]["Email Addresses / Domains"] or "")
    [ack] = desk.notices("order_ack")
    assert ack["order_no"] == first and ack["to"] == ["peter@initech.example"]
    assert desk.order("IN-2").customer == "Initek Ltd"  # the other order is not silently rewritten
    logged = [r for r in desk.sheet("Log") if r["Event"] == "customer_learned"]
    assert logged and logged[0]["Order No"] == first and "initech.example" in logged[0]["Detail"]

    desk.mail(body_po("IN-3", "milton@initech.example", "Initek Ltd", name="Milton Waddams"))
    desk.now += dt.timedelta(hours=1)
    desk.run()
    third = desk.order("IN-3")
    assert third.customer == "Initech LLC" and third.facts["customer_source"] == "master"
    assert third.status == "Received"
    assert [n["to"] for n in desk.notices("order_ack") if n["order_no"] == third.order_no] == [
        ["milton@initech.example"]
    ]


def test_a_correction_inside_another_customers_domain_learns_the_address(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UP-1", "bob@umbrella.example", "Umbrella Pharma Ltd"))
    desk.run()
    first = desk.order("UP-1")
    assert first.customer == "Umbrella Corp" and first.facts["customer_source"] == "master"
    desk.edit("Orders", "Order No", first.order_no, {"Customer": "Umbrella Pharma"})
    desk.run()
    customers = {r["Customer"]: r for r in desk.sheet("Customers")}
    assert customers["Umbrella Pharma"]["Email Addresses / Domains"] == "bob@umbrella.example"
    assert customers["Umbrella Corp"]["Email Addresses / Domains"] == "umbrella.example"
    desk.mail(body_po("UP-2", "bob@umbrella.example", "Umbrella Pharma Ltd"))
    desk.mail(body_po("UC-3", "carol@umbrella.example", "Umbrella Corp"))
    desk.run()
    assert desk.order("UP-2").customer == "Umbrella Pharma" and desk.order("UC-3").customer == "Umbrella Corp"


def test_free_mail_senders_are_learned_by_address_never_by_domain():
    assert sender_key("Jane.Doe@Gmail.com") == "jane.doe@gmail.com"
    assert sender_key("buyer@sub.initech.example") == "sub.initech.example"


# --------------------------------------------------------------------------- the master drives the workflow


def test_a_customer_typed_by_staff_drives_recipient_greeting_signature_and_deposit(desk):
    desk.add_row(
        "Customers",
        {
            "Customer": "Umbrella Corp",
            "Email Addresses / Domains": "umbrella.example; @umbrella-ops.example",
            "Contact": "Ms Alice Clarke",
            "Contact Title": "Purchasing Manager",
            "Contact Email": "alice.clarke@umbrella.example",
            "Language": "en",
            "Deposit %": 0.5,
            "Account Manager": "Albert Wesker",
            "Account Manager Title": "Sales Manager",
            "Account Manager Email": "wesker@example.com",
        },
    )
    desk.run()
    [row] = [r for r in desk.sheet("Customers") if r["Customer"] == "Umbrella Corp"]
    assert row["ID"] and row["Status"] == "Confirmed"  # staff typed it: confirmed; its ID written in place
    assert len(desk.sheet("Customers")) == 1

    desk.mail(body_po("UM-1", "orders@umbrella-ops.example", "Umbrella Ops Ltd", qty=600))
    desk.run()
    order = desk.order("UM-1")
    assert order.customer == "Umbrella Corp" and order.account_manager == "wesker@example.com"
    [ack] = desk.notices("order_ack")
    assert ack["to"] == ["alice.clarke@umbrella.example"]  # the contact first
    lines = ack["text"].splitlines()
    assert lines[0] == "Dear Ms Clarke," and lines[lines.index("Albert Wesker") + 1] == "Sales Manager"

    desk.edit("Orders", "Order No", order.order_no, {"Status": "Confirmed"})
    desk.now += dt.timedelta(hours=2)
    desk.run()
    [request] = desk.notices("deposit_request")
    # the customer's 50 %, not config's 30
    assert "deposit of 50% of the order total of USD 1,200.00" in request["text"]
    assert "Amount: USD 600.00" in request["text"].splitlines()
    assert request["text"].startswith("Dear Ms Clarke,") and "Albert Wesker" in request["text"]
    deposit_due = [r["Deposit Due"] for r in desk.sheet("Orders") if r["Order No"] == order.order_no]
    assert deposit_due == [600]


# --------------------------------------------------------------------------- sender trust


def test_a_forged_from_with_a_foreign_reply_to_sends_nothing_to_the_reply_to(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(
        body_po(
            "UM-9",
            "alice.clarke@umbrella.example",
            "Umbrella Corp",
            name="Alice Clarke",
            extra_headers="Reply-To: accounts@evil.example\n",
        )
    )
    desk.run()
    order = desk.order("UM-9")
    assert order.status == "Needs review" and order.customer_email == "alice.clarke@umbrella.example"
    assert any("Reply-To accounts@evil.example" in r.reason for r in desk.env.store.reviews())
    assert desk.notices() == []

    desk.edit("Orders", "Order No", order.order_no, {"Status": "Confirmed"})  # staff checked by phone
    desk.now += dt.timedelta(hours=1)
    desk.run()
    sent = desk.notices()
    assert {n["kind"] for n in sent} >= {"order_ack", "deposit_request"}
    for notice in sent:
        headers = " ".join(str(notice["mail"].get(h, "")) for h in ("To", "Cc", "Bcc", "Reply-To"))
        assert "evil.example" not in " ".join(notice["to"]) + headers


def test_a_sender_quoted_in_a_customers_mail_never_gets_its_notices(desk):
    # A known customer with no contact email on file: notices go to whoever writes for it. A
    # mail of theirs quoting someone else's header block (a forward, a pasted mail) must not
    # turn that someone into the customer's address for every notice of the order.
    add_customers(desk.env.store, [{**UMBRELLA, "contact_email": ""}], NOW)
    raw = body_po("UM-11", "alice.clarke@umbrella.example", "Umbrella Corp", name="Alice Clarke")
    head, _, body = raw.partition("\n\n")
    quoted = (
        "Please enter the order below.\n\n-----Original Message-----\n"
        "From: Accounts <pay@evil.example>\nSent: Friday, November 20, 2026 9:00 AM\n"
        "To: alice.clarke@umbrella.example\nSubject: PO UM-11\n\n"
    )
    desk.mail(head.replace("Subject: PO UM-11", "Subject: FW: PO UM-11") + "\n\n" + quoted + body)
    desk.run()
    order = desk.order("UM-11")
    assert order.customer_email == "alice.clarke@umbrella.example"
    sent = desk.notices()
    assert {n["kind"] for n in sent} >= {"order_ack"}
    for notice in sent:
        assert "evil.example" not in " ".join(notice["to"]) + str(notice["mail"]["To"])


def test_a_reply_to_another_mailbox_of_a_free_mail_provider_is_in_doubt(desk):
    # gmail.com is everybody's domain: a Reply-To there is someone else, not the sender's company.
    lee = {"name": "Lee Trading", "senders": ["lee.buyer@gmail.com"], "contact": "Mr Lee", "language": "en"}
    add_customers(desk.env.store, [lee], NOW)
    desk.mail(
        body_po("LT-1", "lee.buyer@gmail.com", "Lee Trading", name="Lee", extra_headers="Reply-To: lee.pay@gmail.com\n")
    )
    desk.run()
    order = desk.order("LT-1")
    assert order.customer_email == "lee.buyer@gmail.com"
    assert any("Reply-To lee.pay@gmail.com" in r.reason for r in desk.env.store.reviews())
    assert all("lee.pay" not in " ".join(n["to"]) for n in desk.notices())


def test_a_failed_dmarc_check_puts_the_order_in_review(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(
        body_po(
            "UM-10",
            "alice.clarke@umbrella.example",
            "Umbrella Corp",
            extra_headers=(
                "Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=x.example; dmarc=fail header.from=umbrella.example\n"
            ),
        )
    )
    desk.run()
    assert desk.order("UM-10").status == "Needs review" and desk.notices() == []
    assert any("DMARC check failed" in r.reason for r in desk.env.store.reviews())


@pytest.mark.parametrize(
    "written",
    [
        # the whole From in one encoded word: the receiving server finds no domain to check
        "From: =?utf-8?b?QWxpY2UgQ2xhcmtlIDxhbGljZS5jbGFya2VAdW1icmVsbGEuZXhhbXBsZT4=?=",
        # no From address at all, only a Sender header
        "From: Purchasing\nSender: alice.clarke@umbrella.example",
    ],
)
def test_a_sender_the_mail_server_could_not_check_puts_the_order_in_review(desk, written):
    # DMARC is checked on the From domain as it is written; a forger hiding it from the server
    # gets no "dmarc=fail", so mailflow must not take the address it decodes as checked.
    add_customers(desk.env.store, [UMBRELLA], NOW)
    raw = body_po("UM-12", "alice.clarke@umbrella.example", "Umbrella Corp")
    desk.mail(raw.replace("From: <alice.clarke@umbrella.example>", written))
    desk.run()
    order = desk.order("UM-12")
    assert order.customer == "Umbrella Corp"  # still read as theirs, not lost
    assert order.status == "Needs review" and desk.notices() == []
    assert any("could not check" in r.reason for r in desk.env.store.reviews())


def test_a_strangers_payment_advice_and_change_request_name_the_real_sender(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UM-2", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    order = desk.order("UM-2")
    desk.mail(
        "From: Umbrella Accounts <accounts@umbre11a.example>\nTo: orders@example.com\n"
        "Subject: Payment advice - deposit for PO UM-2\nMessage-ID: <pay-um-2@umbre11a.example>\n"
        "Content-Type: text/plain; charset=utf-8\nMIME-Version: 1.0\n\n"
        "Payment advice: we remitted USD 600.00, the deposit for PO UM-2.\n"
        "Please note our new bank account for refunds: IBAN DE00 1234 5678.\n"
    )
    desk.mail(
        "From: Alice <alice@umbrella.example.evil.test>\nTo: orders@example.com\n"
        "Subject: Change request for PO UM-2\nMessage-ID: <chg-um-2@evil.test>\n"
        "Content-Type: text/plain; charset=utf-8\nMIME-Version: 1.0\n\n"
        "Please change the quantity of PO UM-2 to 900 pcs.\n"
    )
    desk.now += dt.timedelta(hours=1)
    desk.run()
    [advice] = desk.notices("deposit_reported")
    assert advice["mail"]["Subject"].startswith("[CHECK SENDER]")
    assert "accounts@umbre11a.example" in advice["mail"]["Subject"]
    assert "accounts@umbre11a.example is NOT an address on file for Umbrella Corp" in advice["text"]
    assert "bank details" in advice["text"]
    [change] = desk.notices("change_request_alert")
    assert change["to"] == ["wesker@example.com"]  # the customer's account manager
    assert "alice@umbrella.example.evil.test is NOT an address on file" in change["text"]
    reasons = [r.reason for r in desk.env.store.reviews() if r.order_no == order.order_no]
    assert any(r.startswith("change request from alice@umbrella.example.evil.test") for r in reasons)


def test_a_revised_po_from_a_look_alike_address_is_filed_with_the_order_under_a_warning(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UM-4", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    order = desk.order("UM-4")
    revised = body_po("UM-4", "alice.clarke@umbre11a.example", "Umbrella Corp", qty=900)
    desk.mail(revised.replace("<um-4@mail.test>", "<um-4-rev@evil.test>"))
    again = body_po("UM-4", "alice.clarke@umbrella.example", "Umbrella Corp", qty=800)
    desk.mail(again.replace("<um-4@mail.test>", "<um-4-again@mail.test>"))
    desk.run()
    assert [o.order_no for o in desk.env.store.orders()] == [order.order_no]
    repeats = [r.reason for r in desk.env.store.reviews() if "was already recorded as" in r.reason]
    assert len(repeats) == 2, repeats
    (warned,) = [r for r in repeats if "WARNING" in r]
    assert "alice.clarke@umbre11a.example is NOT an address on file for Umbrella Corp" in warned


def test_the_customers_own_payment_advice_raises_no_warning(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UM-3", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    desk.mail(
        "From: Accounts <ap@umbrella.example>\nTo: orders@example.com\n"
        "Subject: Payment advice - deposit for PO UM-3\nMessage-ID: <pay-um-3@umbrella.example>\n"
        "Content-Type: text/plain; charset=utf-8\nMIME-Version: 1.0\n\n"
        "Payment advice: we remitted USD 500.00 by bank transfer today.\n"
    )
    desk.run()
    [advice] = desk.notices("deposit_reported")
    assert "WARNING" not in advice["text"] and not advice["mail"]["Subject"].startswith("[CHECK")


# --------------------------------------------------------------------------- pure parts and the CLI


def test_greeting_uses_the_honorific_and_surname():
    assert greeting("Ms Jane Clarke") == "Dear Ms Clarke"
    assert greeting("Herr Lukas Bergmann") == "Dear Mr Bergmann"
    assert greeting("Jane Clarke") == "Dear Jane Clarke"
    assert greeting("") == "Dear Sir or Madam"
    assert greeting("李娜", "zh") == "尊敬的李娜"


def mailflow_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mailflow")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}
    env["COLUMNS"] = "200"
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_customers_command_lists_them_and_check_names_a_bad_row(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.run()
    desk.add_row(
        "Customers", {"Customer": "Bad Address Ltd", "Email Addresses / Domains": "not an address!", "Language": "xx"}
    )
    config = str(desk.root / "config.yaml")
    listed = mailflow_cli("--config", config, "customers", "--json", cwd=desk.root)
    assert listed.returncode == 0, listed.stderr
    [umbrella] = json.loads(listed.stdout)
    assert umbrella["name"] == "Umbrella Corp" and umbrella["senders"] == ["umbrella.example"]
    assert umbrella["deposit_percent"] == "50" and umbrella["status"] == "Confirmed"
    table = mailflow_cli("--config", config, "customers", cwd=desk.root)
    assert "Umbrella Corp" in table.stdout and "umbrella.example" in table.stdout
    checked = mailflow_cli("--config", config, "check", cwd=desk.root)
    assert checked.returncode == 1
    assert (
        "Customers sheet, row 3, Email Addresses / Domains: 'not', 'an', 'address!': not an email address"
        in checked.stdout
    )
    assert "Customers sheet, row 3, Language: 'xx' is not a known language" in checked.stdout


def test_a_bad_staff_value_is_a_review_row_and_the_master_keeps_its_value(desk):
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.run()
    desk.edit("Customers", "ID", umbrella.id, {"Contact Email": "alice at umbrella", "Deposit %": "40%"})
    desk.run()
    kept = desk.env.store.customer(umbrella.id)
    assert kept.contact_email == "alice.clarke@umbrella.example" and str(kept.deposit_percent) == "40"
    assert any("Customers sheet, row 2, Contact Email" in r.reason for r in desk.env.store.reviews())
    assert find_by_name(desk.env.store.customers(), "umbrella corp").id == umbrella.id


def test_a_review_row_for_a_bad_customers_cell_closes_once_staff_correct_or_delete_the_row(desk):
    """Staff should not have to tick off a Review row whose cause they already put right: once
    the cell reads right (or the row it was about is deleted) the row is done, the Log says why."""
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.run()

    def reviews(status: str) -> list[str]:
        return [r.reason for r in desk.env.store.reviews(status) if r.reason.startswith("Customers sheet")]

    desk.edit("Customers", "ID", umbrella.id, {"Contact Email": "alice at umbrella"})
    desk.add_row("Customers", {"Customer": "Initech", "Language": "xx"})
    desk.run()
    assert len(reviews("open")) == 2
    desk.run()  # read again unchanged: both stay open
    assert len(reviews("open")) == 2

    desk.edit("Customers", "Customer", "Initech", {"Language": "Klingon-ish"})  # still wrong
    desk.edit("Customers", "ID", umbrella.id, {"Contact Email": "alice@umbrella.example"})
    desk.run()
    assert desk.env.store.customer(umbrella.id).contact_email == "alice@umbrella.example"
    [still] = reviews("open")
    assert "Language" in still and "Initech" in still
    done = reviews("done")  # the Contact Email one, and the Language one as first typed ('xx')
    assert len(done) == 2 and any("Contact Email" in r for r in done) and any("'xx'" in r for r in done)

    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Customers"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    [row] = [r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["Customer"]).value == "Initech"]
    ws.delete_rows(row)
    wb.save(desk.tracker)
    desk.run()
    assert reviews("open") == [] and len(reviews("done")) == 3
    closed = desk.env.store.conn.execute(
        "SELECT detail FROM events WHERE kind = 'review_done' AND detail LIKE '%customers-invalid%'"
    ).fetchall()
    assert len(closed) == 3 and all("now reads right" in json.loads(r[0])["closed_because"] for r in closed)
    assert find_by_name(desk.env.store.customers(), "Initech") is None


def test_a_customer_name_with_a_direction_override_is_not_shown_reversed_in_the_archive(desk):
    """A customer named "Umbrella\u202efdp.exe" on the Customers sheet would give a folder Explorer
    shows as "Umbrellaexe.pdf": the archive's folders are cleaned as attachment names are."""
    add_customers(desk.env.store, [{**UMBRELLA, "name": "Umbrella\u202efdp.exe"}], NOW)
    desk.run()
    desk.mail(body_po("UM-7", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    order = desk.order("UM-7")
    assert "\u202e" in order.customer  # the name as staff keep it; only the folder is cleaned
    assert order.archive_dir == f"Umbrella fdp.exe/{order.order_no} PO UM-7"
    root = desk.env.config.path(desk.env.config.workspace.archive)
    folders = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_dir()]
    assert f"Umbrella fdp.exe/{order.order_no} PO UM-7/mail" in folders
    assert not [f for f in folders if any(0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069 for ch in f)]


def _type_percent(desk, customer_id: str, value: object, number_format: str) -> None:
    """Staff type into Deposit % as Excel keeps it: "100%" typed is 1 in a 0% cell."""
    wb = openpyxl.load_workbook(desk.tracker)
    ws = wb["Customers"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["ID"]).value == customer_id)
    ws.cell(row, headers["Deposit %"]).value = value
    ws.cell(row, headers["Deposit %"]).number_format = number_format
    wb.save(desk.tracker)


def test_a_deposit_percent_is_read_by_the_cells_number_format(desk):
    """ "100%" typed in Excel is 1 in a percent-formatted cell: the deposit asked is the whole
    total, not 1 % of it. A plain 1 could be either and is asked about, never guessed."""
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.run()
    _type_percent(desk, umbrella.id, 1, "0%")
    desk.run()
    assert str(desk.env.store.customer(umbrella.id).deposit_percent) == "100"
    [cell] = [r["Deposit %"] for r in desk.sheet("Customers") if r["ID"] == umbrella.id]
    assert cell == 100  # written back as the percentage, the percent format taken off

    _type_percent(desk, umbrella.id, 1, "General")
    desk.run()
    assert str(desk.env.store.customer(umbrella.id).deposit_percent) == "100"  # kept
    assert any("Deposit %: 1 could be 1% or 100%" in r.reason for r in desk.env.store.reviews())
    _type_percent(desk, umbrella.id, 100, "General")
    desk.run()

    desk.mail(body_po("UM-1", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    order = desk.order("UM-1")
    desk.edit("Orders", "Order No", order.order_no, {"Status": "Confirmed"})
    desk.now += dt.timedelta(hours=2)
    desk.run()
    [request] = desk.notices("deposit_request")
    total = f"USD {order.total:,.2f}"
    assert f"deposit of 100% of the order total of {total}" in request["text"]
    assert f"Amount: {total}" in request["text"].splitlines()


def test_blocking_a_customer_holds_its_notices_and_a_new_contact_gets_the_next_one(desk):
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UM-5", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()
    order = desk.order("UM-5")
    assert [n["to"] for n in desk.notices("order_ack")] == [["alice.clarke@umbrella.example"]]
    desk.edit("Customers", "ID", umbrella.id, {"Status": "Blocked"})
    desk.edit("Orders", "Order No", order.order_no, {"Status": "Confirmed"})
    desk.now += dt.timedelta(hours=1)
    desk.run()
    assert desk.notices("deposit_request") == []
    assert any("is Blocked" in r.reason for r in desk.env.store.reviews())

    desk.edit(
        "Customers",
        "ID",
        umbrella.id,
        {"Status": "Confirmed", "Contact": "Mr Bob Ruiz", "Contact Email": "bob.ruiz@umbrella.example"},
    )
    desk.now += dt.timedelta(hours=1)
    desk.run()
    [request] = desk.notices("deposit_request")
    assert request["to"] == ["bob.ruiz@umbrella.example"] and request["text"].startswith("Dear Mr Ruiz,")
    assert not any("is Blocked" in r.reason for r in desk.env.store.reviews())  # done once it went


def test_parse_in_a_workspace_names_a_known_sender_from_the_master(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    eml = desk.root / "po.eml"
    eml.write_text(body_po("UM-7", "someone@umbrella.example", "Umbrella Ops Ltd"), encoding="utf-8")
    parsed = mailflow_cli("--config", str(desk.root / "config.yaml"), "parse", str(eml), "--json", cwd=desk.root)
    assert parsed.returncode == 0, parsed.stderr
    data = json.loads(parsed.stdout)
    assert data["order"]["customer"] == "Umbrella Corp" and data["customer_source"] == "master"


def test_a_customer_typed_twice_is_added_once_and_the_copy_is_named(desk):
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.run()
    desk.add_row("Customers", {"Customer": "umbrella corp", "Email Addresses / Domains": "other.example"})
    desk.run()
    assert [c.id for c in desk.env.store.customers()] == [umbrella.id]
    assert any("row 3: umbrella corp is already on the sheet as" in r.reason for r in desk.env.store.reviews())


# --------------------------------------------------------------------------- the master kept in memory
# The pipeline asks for the master several times per message; it is decoded once and read again
# only when ``customers_rev`` moved. Each way the master changes (staff on the Customers sheet,
# another process, a transaction rolled back) must show in the very next look-up.


def reads_of_the_master(store: Store):
    """The statements that read the customers table (counted by SQLite's own trace)."""
    seen: list[str] = []
    store.conn.set_trace_callback(lambda sql: seen.append(sql) if "FROM customers" in sql else None)
    return seen


def test_the_master_is_read_once_while_it_does_not_change(desk):
    add_customers(desk.env.store, [UMBRELLA], NOW)
    reads = reads_of_the_master(desk.env.store)
    first = desk.env.store.customers()
    for _ in range(5):
        assert desk.env.store.customers() == first
    assert len(reads) == 1
    first.clear()  # a caller's list is its own
    assert [c.name for c in desk.env.store.customers()] == ["Umbrella Corp"]


def test_a_sender_staff_add_on_the_customers_sheet_counts_in_the_next_cycle(desk):
    [umbrella] = add_customers(desk.env.store, [UMBRELLA], NOW)
    desk.mail(body_po("UM-1", "alice.clarke@umbrella.example", "Umbrella Corp"))
    desk.run()  # the master is kept from here on
    assert find_by_sender(desk.env.store.customers(), "ops@umbrella-ops.example") is None

    desk.edit("Customers", "ID", umbrella.id, {"Email Addresses / Domains": "umbrella.example; umbrella-ops.example"})
    desk.now += dt.timedelta(hours=1)
    desk.mail(body_po("UM-2", "ops@umbrella-ops.example", "Umbrella Corp"))
    desk.run()
    assert find_by_sender(desk.env.store.customers(), "ops@umbrella-ops.example").id == umbrella.id
    order = desk.order("UM-2")
    assert order.customer == "Umbrella Corp" and not order.needs_review  # a known sender: nothing held

    desk.edit("Customers", "ID", umbrella.id, {"Status": "Blocked"})
    desk.run()
    assert [c.status for c in desk.env.store.customers()] == ["Blocked"]


def test_a_change_made_by_another_process_is_seen_at_once(desk):
    store = desk.env.store
    assert store.customers() == []
    other = Store(desk.env.config.path(desk.env.config.workspace.state_db))  # `mailflow customers`, say
    try:
        add_customers(other, [UMBRELLA], NOW)
    finally:
        other.close()
    assert [c.name for c in store.customers()] == ["Umbrella Corp"]


def test_a_change_rolled_back_is_never_kept(desk):
    store = desk.env.store
    [umbrella] = add_customers(store, [UMBRELLA], NOW)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.save_customer(umbrella.with_(status="Blocked"), NOW)
            assert [c.status for c in store.customers()] == ["Blocked"]  # inside: what it wrote
            raise RuntimeError("undo")
    # a committed change that moves the number exactly as far as the undone one did
    with store.transaction():
        store.save_customer(umbrella.with_(contact="Mr Bob Ruiz"), NOW)
    [kept] = store.customers()
    assert kept.status == "Confirmed" and kept.contact == "Mr Bob Ruiz"
