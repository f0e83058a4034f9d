"""A customer's order forwarded by our account manager is the customer's order, in every language.

The header blocks below are written as the mail clients write them (Outlook in the colleague's
language, Gmail's marker line, Apple Mail, Foxmail), not taken from mailflow's language files.
Messages go through the real MIME parser and the extractor.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message, quoted
from mailflow.extract.body import strip_quoted
from mailflow.message import parse as parse_mime

TODAY = dt.date(2026, 11, 24)
OURS = Company(domains=["example.com"])
CUSTOMER = ("Dana Whitfield", "purchasing@harborline.example")
ORDER = (
    "Purchase Order PO-4411\n"
    "PO Date: 2026-11-18\n\n"
    "Item      Description          Qty    Unit Price    Amount\n"
    "HX-2040   Hex standoff M4x20   500    3.20          1600.00\n"
    "KNB-21    Control knob 21 mm   200    0.50          100.00\n\n"
    "Total: 1700.00\n\n"
    "Dana Whitfield\nHarborline Outdoor Gear Inc.\n"
)
NOTE = "Please enter this one.\n\nAnna Kovacs\nKey Account Manager\nExample Manufacturing Co., Ltd.\n\n"

# (language, subject prefix, the block a client writes over the forwarded mail)
OUTLOOK = [
    ("en", "FW", "From: {name} <{addr}>\nSent: Friday, November 20, 2026 10:14 AM\nTo: Anna\nSubject: PO-4411"),
    ("en", "FW", "-----Original Message-----\nFrom: {name} [mailto:{addr}]\nSent: Friday\nTo: Anna\nSubject: PO"),
    ("de", "WG", "Von: {name} <{addr}>\nGesendet: Freitag, 20. November 2026 10:14\nAn: Anna\nBetreff: PO-4411"),
    ("fr", "TR", "De : {name} <{addr}>\nEnvoyé : vendredi 20 novembre 2026 10:14\nÀ : Anna\nObjet : PO-4411"),
    ("it", "I", "Da: {name} <{addr}>\nInviato: venerdì 20 novembre 2026 10:14\nA: Anna\nOggetto: PO-4411"),
    ("es", "RV", "De: {name} <{addr}>\nEnviado el: viernes, 20 de noviembre\nPara: Anna\nAsunto: PO-4411"),
    ("pt", "ENC", "De: {name} <{addr}>\nEnviada em: sexta-feira, 20\nPara: Anna\nAssunto: PO-4411"),
    ("nl", "FW", "Van: {name} <{addr}>\nVerzonden: vrijdag 20 november 2026\nAan: Anna\nOnderwerp: PO-4411"),
    ("sv", "VB", "Från: {name} <{addr}>\nSkickat: den 20 november 2026 10:14\nTill: Anna\nÄmne: PO-4411"),
    ("pl", "PD", "Od: {name} <{addr}>\nWysłano: piątek, 20 listopada 2026\nDo: Anna\nTemat: PO-4411"),
    ("cs", "FW", "Od: {name} <{addr}>\nOdesláno: pátek 20. listopadu 2026\nKomu: Anna\nPředmět: PO-4411"),
    ("da", "VS", "Fra: {name} <{addr}>\nSendt: 20. november 2026 10:14\nTil: Anna\nEmne: PO-4411"),
    ("nb", "VS", "Fra: {name} <{addr}>\nSendt: fredag 20. november 2026\nTil: Anna\nEmne: PO-4411"),
    ("fi", "VL", "Lähettäjä: {name} <{addr}>\nLähetetty: perjantai 20.\nVastaanottaja: Anna\nAihe: PO-4411"),
    ("hu", "Továbbítás", "Feladó: {name} <{addr}>\nElküldve: 2026. november 20.\nCímzett: Anna\nTárgy: PO"),
    ("ro", "FW", "De la: {name} <{addr}>\nTrimis: vineri, 20 noiembrie 2026\nCătre: Anna\nSubiect: PO-4411"),
    ("ru", "Пересл", "От: {name} <{addr}>\nОтправлено: 20 ноября 2026 г.\nКому: Anna\nТема: PO-4411"),
    ("tr", "İLT", "Kimden: {name} <{addr}>\nGönderildi: 20 Kasım 2026 Cuma\nKime: Anna\nKonu: PO-4411"),
    ("ja", "転送", "差出人: {name} <{addr}>\n送信日時: 2026年11月20日 10:14\n宛先: Anna\n件名: PO-4411"),
    ("zh-Hans", "转发", "发件人: {name} <{addr}>\n发送时间: 2026年11月20日 10:14\n收件人: Anna\n主题: PO-4411"),
    (
        "zh-Hans",
        "FW",
        '------------------ 原始邮件 ------------------\n发件人: "{name}"<{addr}>;\n发送时间: 2026年11月20日\n收件人: "Anna";\n主题: PO',
    ),
    ("zh-Hant", "轉寄", "寄件者: {name} <{addr}>\n寄件日期: 2026年11月20日 上午 10:14\n收件者: Anna\n主旨: PO-4411"),
    ("ko", "전달", "보낸 사람: {name} <{addr}>\n보낸 날짜: 2026년 11월 20일 금요일\n받는 사람: Anna\n제목: PO-4411"),
]
MARKERS = [  # a forward's marker line, then Gmail's or Apple Mail's header lines
    "---------- Forwarded message ---------",
    "---------- Weitergeleitete Nachricht ---------",
    "---------- Message transféré ---------",
    "---------- Mensaje reenviado ---------",
    "---------- 转发的邮件 ---------",
    "---------- 転送されたメッセージ ---------",
    "Begin forwarded message:",
    "Anfang der weitergeleiteten Nachricht:",
    "-------- Forwarded Message --------",
]


def raw(subject: str, body: str, sender=("Anna Kovacs", "anna.kovacs@example.com"), attach: bytes | None = None):
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 +0000"
    message["Message-ID"] = "<fw-1@example.com>"
    message.set_content(body)
    if attach is not None:
        from email import message_from_bytes, policy

        message.add_attachment(message_from_bytes(attach, policy=policy.default))
    return message.as_bytes()


def parse(data: bytes, company: Company = OURS):
    return parse_message(parse_mime(data), ParseContext(today=TODAY, company=company))


def block(template: str) -> str:
    return template.format(name=CUSTOMER[0], addr=CUSTOMER[1])


@pytest.mark.parametrize("company", [OURS, Company()], ids=["our-domain-known", "no-domain-configured"])
@pytest.mark.parametrize("lang, prefix, template", OUTLOOK, ids=[f"{o[0]}-{o[1]}" for o in OUTLOOK])
def test_an_order_quoted_under_a_localised_header_block_is_the_customers(lang, prefix, template, company):
    result = parse(raw(f"{prefix}: PO-4411", NOTE + block(template) + "\n\n" + ORDER), company)
    assert result.kind == "purchase_order", result.explain
    assert result.order.po_number == "PO-4411"
    assert len(result.order.lines) == 2
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert result.customer_email == CUSTOMER[1]
    assert result.order.contact != "Anna Kovacs"
    assert any("forwarded: the original mail is from" in line for line in result.explain)


@pytest.mark.parametrize("marker", MARKERS)
def test_a_marker_line_in_any_language_keeps_the_forwarded_order(marker):
    header = f"{marker}\nFrom: {CUSTOMER[0]} <{CUSTOMER[1]}>\nDate: Fri, Nov 20, 2026\nSubject: PO-4411\nTo: <anna@example.com>\n\n"
    result = parse(raw("Fwd: PO-4411", NOTE + header + ORDER), Company())
    assert result.kind == "purchase_order"
    assert len(result.order.lines) == 2
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert result.customer_email == CUSTOMER[1]


def test_the_customers_mail_attached_as_a_message_is_the_customers():
    inner = raw("PO-4411", ORDER, sender=CUSTOMER)
    result = parse(raw("WG: PO-4411", NOTE, attach=inner), Company())
    assert result.kind == "purchase_order"
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert result.customer_email == CUSTOMER[1]


def test_our_own_domain_never_becomes_the_customer():
    # the forwarded mail names no company: the customer's domain is named for a person; ours never
    order = ORDER.replace("Harborline Outdoor Gear Inc.\n", "")
    result = parse(
        raw(
            "FW: PO-4411", NOTE.replace("Example Manufacturing Co., Ltd.\n", "") + block(OUTLOOK[0][2]) + "\n\n" + order
        )
    )
    assert result.order.customer is None  # a domain is no company's name: a person names it
    assert result.needs_review is True
    assert any("harborline.example" in w for w in result.warnings)
    assert not any("example.com" in w and "domain" in w for w in result.warnings)


def test_a_colleagues_forward_from_our_domain_is_never_dropped_as_our_own_mail():
    # nothing reads as an order, but it forwards a customer's document: a person looks
    text = NOTE + block(OUTLOOK[2][2]) + "\n\nAnbei unsere Unterlagen.\n"
    message = EmailMessage()
    message["From"] = "Anna Kovacs <anna.kovacs@example.com>"
    message["To"] = "orders@example.com"
    message["Subject"] = "WG: Unterlagen"
    message.set_content(text)
    message.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf", filename="scan.pdf")
    result = parse(message.as_bytes())
    assert result.needs_review is True
    assert result.kind in ("purchase_order", "other")
    assert any("possible order" in w or "unreadable" in w or "cannot be read" in w for w in result.warnings)


def test_a_reply_quoting_an_old_order_in_another_language_does_not_read_it():
    # "AW:" is a reply: the quoted order under "Von: / Gesendet:" is not this message's content
    text = "Danke, erhalten.\n\n" + block(OUTLOOK[2][2]) + "\n\n" + ORDER
    assert "HX-2040" not in strip_quoted(text)
    result = parse(raw("AW: PO-4411", text, sender=CUSTOMER), Company())
    assert result.order is None or not result.order.lines


def test_a_colleague_forwarding_a_colleagues_forward_still_finds_the_customer():
    inner = block(OUTLOOK[0][2]).replace(CUSTOMER[1], CUSTOMER[1])
    second = "From: Bo Li <bo.li@example.com>\nSent: Friday\nTo: Anna\nSubject: FW: PO-4411\n\nsee below\n\n"
    result = parse(raw("FW: FW: PO-4411", NOTE + second + inner + "\n\n" + ORDER), Company())
    assert result.customer_email == CUSTOMER[1]
    assert result.order.customer == "Harborline Outdoor Gear Inc."


def test_header_blocks_and_senders():
    blocks = quoted.header_blocks(NOTE + block(OUTLOOK[1][2]) + "\n\n" + ORDER)
    assert len(blocks) == 1
    assert (blocks[0].from_name, blocks[0].from_addr) == CUSTOMER
    assert quoted.sender_of('"松本 健"<matsumoto@toho.example>;') == ("松本 健", "matsumoto@toho.example")
    # prose with a "From:" is not a header block
    assert quoted.header_blocks("From: our warehouse in Ohio\nwe ship 500 pcs weekly.\n") == []
    assert quoted.forward_prefix("Továbbítás: Megrendelés 44") == "Továbbítás"
    assert quoted.forward_prefix("AW: Bestellung") is None


def test_a_forwarded_order_under_a_subject_that_says_nothing_is_never_filed_away():
    # an English Outlook forward: the quoted order used to be cut as a reply's old mail, and the
    # message was filed as "other" with no review row
    table = ORDER.split("\n", 2)[2]  # no title, no PO number: only the table and the signature
    result = parse(raw("FW: Documents", NOTE + block(OUTLOOK[0][2]) + "\n\n" + table), Company())
    assert result.kind == "purchase_order"
    assert result.needs_review is True
    assert len(result.order.lines) == 2
    assert result.order.customer == "Harborline Outdoor Gear Inc."


def no_subject(body: str, sender=("Anna Kovacs", "anna.kovacs@example.com")) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>"
    message["To"] = "orders@example.com"
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 +0000"
    message.set_content(body)
    return message.as_bytes()


@pytest.mark.parametrize("lang, prefix, template", [OUTLOOK[0], OUTLOOK[2], OUTLOOK[14], OUTLOOK[18]])
def test_an_order_forwarded_by_hand_without_a_subject_is_read(lang, prefix, template):
    # no subject, no marker line, not from our domain: a quoted mail in a message that answers
    # nothing is a forward, and the order under it is the customer's — never filed as "other"
    result = parse(no_subject(NOTE + block(template) + "\n\n" + ORDER, sender=("Anna", "anna@harborline.example")))
    assert result.kind == "purchase_order"
    assert result.order.po_number == "PO-4411"
    assert len(result.order.lines) == 2
    assert result.customer_email == CUSTOMER[1]


def test_a_reply_that_says_what_it_answers_still_does_not_read_the_quoted_order():
    # the same text as a reply (In-Reply-To set, no prefix): the quoted order is old mail
    message = EmailMessage()
    message["From"] = f"{CUSTOMER[0]} <{CUSTOMER[1]}>"
    message["To"] = "orders@example.com"
    message["Subject"] = "PO-4411"
    message["In-Reply-To"] = "<ack-4411@example.com>"
    message.set_content("Thanks, noted.\n\n" + block(OUTLOOK[0][2]) + "\n\n" + ORDER)
    result = parse(message.as_bytes(), Company())
    assert result.order is None or not result.order.lines


# Outlook on a server that knows the sender writes only the name over the forwarded mail
NAMES_ONLY = "From: {name}\nSent: Friday, November 20, 2026 10:14 AM\nTo: Anna Kovacs\nSubject: PO-4411"


@pytest.mark.parametrize(
    "name, order",
    [
        ("Dana Whitfield", ORDER),  # the signature names the company
        ("Dana Whitfield (Harborline Outdoor Gear Inc.)", ORDER.replace("Harborline Outdoor Gear Inc.\n", "")),
        ("Harborline Outdoor Gear Inc.", ORDER.replace("Harborline Outdoor Gear Inc.\n", "")),
    ],
    ids=["signature", "display-name-with-company", "company-as-name"],
)
def test_a_forward_naming_its_sender_without_an_address_takes_the_customer_from_its_words(name, order):
    result = parse(raw("FW: PO-4411", NOTE + NAMES_ONLY.format(name=name) + "\n\n" + order))
    assert result.kind == "purchase_order"
    assert len(result.order.lines) == 2
    # never our colleague's company, and no address confirms it: a person checks
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert result.needs_review
    assert any("without an address" in w for w in result.warnings), result.warnings


def test_a_forward_naming_only_a_person_without_an_address_has_no_customer():
    order = ORDER.replace("Harborline Outdoor Gear Inc.\n", "")
    result = parse(raw("FW: PO-4411", NOTE + NAMES_ONLY.format(name="Dana Whitfield") + "\n\n" + order))
    assert result.kind == "purchase_order"
    assert result.order.customer is None
    assert result.needs_review


def test_a_quoted_sender_keeps_the_company_in_its_parentheses():
    assert quoted.sender_of("Dana Lee (Brightwater Pumps Ltd.)") == ("Dana Lee (Brightwater Pumps Ltd.)", "")
    assert quoted.sender_of("Dana (dana@brightwater.example)") == ("Dana", "dana@brightwater.example")
    assert quoted.sender_of("Dana Whitfield [mailto:po@h.example]") == ("Dana Whitfield", "po@h.example")
