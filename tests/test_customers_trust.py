"""Sender trust and the master's matching rules, as pure functions on plain values."""

from __future__ import annotations

from mailflow.customers import CONFIRMED, NEW, Customer, find_by_name, find_by_sender, problems
from mailflow.customers.trust import assess, mentions_bank_change, on_file
from mailflow.config import Limits
from mailflow.message import parse
from mailflow.model import Message


def message(sender: str, reply_to: str | None = None, headers: tuple = ()) -> Message:
    return Message(sha256="0" * 64, size=1, message_id="<m@x>", from_addr=sender, reply_to=reply_to, headers=headers)


ACME = Customer(
    "C-0001",
    "Acme Robotics Inc.",
    CONFIRMED,
    aliases=["Acme Robotics"],
    senders=["acme-robotics.example", "buyer@gmail.com"],
)
PHARMA = Customer("C-0002", "Acme Pharma", NEW, senders=["acme-robotics.example"])
JOE = Customer("C-0003", "Joe's Parts", CONFIRMED, senders=["joe@acme-robotics.example"])


def test_an_address_beats_a_domain_and_a_decided_customer_beats_a_new_one():
    customers = [PHARMA, ACME, JOE]
    assert find_by_sender(customers, "tom@mail.acme-robotics.example") is ACME  # subdomain, not New
    assert find_by_sender(customers, "JOE@acme-robotics.example") is JOE
    assert find_by_sender(customers, "buyer@gmail.com") is ACME
    assert find_by_sender(customers, "other@gmail.com") is None
    assert find_by_name(customers, "  acme   robotics ") is ACME


def test_a_reply_to_on_another_domain_and_failed_checks_are_doubts():
    same = assess(message("tom@acme-robotics.example", "sales@eu.acme-robotics.example"), [ACME])
    assert same.doubts == () and same.confirmed and not same.reply_to_doubtful
    forged = assess(message("tom@acme-robotics.example", "accounts@evil.example"), [ACME])
    assert forged.reply_to_doubtful and "Reply-To accounts@evil.example" in forged.doubts[0]
    listed = assess(message("tom@acme-robotics.example", "buyer@gmail.com"), [ACME])
    assert listed.doubts == ()  # a Reply-To on file for the customer is no doubt
    failed = assess(
        message(
            "tom@acme-robotics.example",
            headers=(("authentication-results", "mx.test; spf=fail smtp.mailfrom=x; dmarc=pass"),),
        ),
        [ACME],
    )
    assert [d.split(" ")[0] for d in failed.doubts] == ["SPF"]


def test_a_mail_naming_two_senders_is_from_a_sender_in_doubt_whichever_comes_first():
    passed = "Authentication-Results: mx.example.com; spf=pass; dmarc=pass header.from=evil.example\r\n"
    for froms in (
        f"From: Tom <tom@acme-robotics.example>\r\nFrom: Mallory <m@evil.example>\r\n{passed}",
        "From: tom@acme-robotics.example, m@evil.example\r\n",
        "From: <tom@acme-robotics.example>,\r\n  Mallory <M@Evil.example>\r\n",
    ):
        raw = f"{froms}To: orders@example.com\r\nSubject: PO 1\r\n\r\nhi\r\n".encode()
        mail = parse(raw, Limits())
        assert (mail.from_addr, mail.other_senders) == ("tom@acme-robotics.example", ("m@evil.example",))
        sender = assess(mail, [ACME])
        assert sender.customer is ACME
        assert sender.doubts == (
            "the mail names more than one sender (From: tom@acme-robotics.example, m@evil.example):"
            " which of them wrote it is not known",
        )
    once = parse(
        b"From: tom@acme-robotics.example, Tom <TOM@acme-robotics.example>\r\nSubject: x\r\n\r\nhi\r\n", Limits()
    )
    assert once.other_senders == () and assess(once, [ACME]).doubts == ()  # the same sender twice is one


def test_a_colleague_forwarding_is_ours_and_the_forwarded_sender_counts():
    forwarded = assess(
        message("anna@example.com"), [ACME], own_domains=["example.com"], forwarded_from="tom@acme-robotics.example"
    )
    assert forwarded.address == "tom@acme-robotics.example" and forwarded.customer is ACME
    alone = assess(message("anna@example.com"), [ACME], own_domains=["example.com"])
    assert alone.ours and not alone.known


def test_on_file_and_bank_changes():
    assert on_file("ap@acme-robotics.example", "Acme Robotics Inc.", [ACME])
    assert not on_file("ap@acme-robotics.example.evil.test", "Acme Robotics Inc.", [ACME])
    assert on_file("x@y.example", "Acme Robotics Inc.", [], rule_customer="Acme Robotics Inc.")
    assert mentions_bank_change("Please use our NEW bank account, IBAN DE00 1234")
    assert mentions_bank_change("我司收款账户已变更")
    assert not mentions_bank_change("Paid by bank transfer today")


def test_problems_name_the_column():
    bad = Customer(
        "C-9", "Bad", "Maybe", senders=["gmail.com", "not an address"], language="xx", contact_email="nobody"
    )
    found = problems(bad)
    assert any(p.startswith("Email Addresses / Domains: 'gmail.com' is a free-mail domain") for p in found)
    assert any(p.startswith("Contact Email:") for p in found) and any(p.startswith("Language:") for p in found)
    assert any(p.startswith("Status:") for p in found)


LOOK_ALIKES = (
    "tom@acrne-robotics.example",  # rn for m
    "tom@\u0430cme-robotics.example",  # Cyrillic а
    "tom@xn--cme-robotics-w9j.example",  # the same, as the mail server writes it
    "tom@acme-robotics-corp.example",
    "tom@acme-robotics.example.cn.evil.example",
    "tom@acme-robotlcs.example",
    "tom@acme-robotics.co.uk",
)


def raw_from(sender: str, display: str = "Tom Baker") -> bytes:
    return (
        f"From: {display} <{sender}>\r\nTo: orders@example.com\r\nSubject: PO 4711\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease supply 100 pcs.\r\n"
    ).encode()


def test_a_look_alike_of_a_customers_domain_is_a_stranger_in_doubt_naming_the_customer():
    for sender in LOOK_ALIKES:
        mail = parse(raw_from(sender), Limits())
        seen = assess(mail, [ACME, JOE], own_domains=["example.com"])
        assert seen.customer is None and not seen.known, sender
        assert any("acme-robotics.example, a domain of Acme Robotics Inc." in d for d in seen.doubts), (sender, seen)
    for honest in ("tom@acme-robotics.example", "tom@mail.acme-robotics.example", "ann@northwind.example"):
        assert assess(parse(raw_from(honest), Limits()), [ACME, JOE]).doubts == (), honest


def test_a_stranger_calling_itself_by_a_customers_name_is_in_doubt():
    mail = parse(raw_from("acme.robotics.orders@gmail.com", '"ACME Robotics Inc."'), Limits())
    seen = assess(mail, [ACME])
    assert seen.customer is None
    assert seen.doubts == (
        "the sender calls itself 'ACME Robotics Inc.', the name of Acme Robotics Inc. on the Customers sheet, but"
        " acme.robotics.orders@gmail.com is not an address on file for it",
    )


def test_a_letter_that_lower_cases_to_ascii_never_makes_a_customers_address():
    kone = Customer("C-0009", "Kone Lifts", CONFIRMED, senders=["kone.example"])
    mail = parse(raw_from("tom@\u212aone.example"), Limits())  # a Kelvin sign, lower-cased "k"
    seen = assess(mail, [kone])
    assert mail.from_addr == "" and seen.customer is None and not seen.known
    assert any("look-alike letters" in w for w in mail.warnings)
