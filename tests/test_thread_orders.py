"""An order typed in an earlier mail of a thread, quoted by the mail that arrives.

The buyer answers their own order ("please confirm our order below"), or the order is two
replies down, under our own short answer. The quoted mail is read as the order; our own mails
(a confirmation, a quotation) never are, nor an order we already have, nor an old order under a
new one. The mails go through the real MIME parser and the extractor.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from mailflow.config import Company
from mailflow.extract import QUOTED_ONLY, ParseContext, parse_message, quoted
from mailflow.message import parse as parse_mime

TODAY = dt.date(2026, 11, 24)
OURS = Company(domains=["example.com"])
CUSTOMER = ("Dana Whitfield", "purchasing@harborline.example")
SALES = "Sales Desk <sales@example.com>"
ORDER = (
    "Purchase Order PO-4411\n"
    "PO Date: 2026-11-18\nDelivery Date: 2026-12-15\n\n"
    "Item      Description          Qty    Unit Price    Amount\n"
    "HX-2040   Hex standoff M4x20   500    3.20          1600.00\n"
    "KNB-21    Control knob 21 mm   200    0.50          100.00\n\n"
    "Total: 1700.00\n\n"
    "Dana Whitfield\nHarborline Outdoor Gear Inc.\n"
)
ASK = "Hello,\n\nplease confirm the delivery date of our order below.\n\nDana\n\n"
WHO = f"{CUSTOMER[0]} <{CUSTOMER[1]}>"

# the head each client writes over the quoted mail, and whether it quotes the mail with ">"
HEADS = [
    (
        "-----Original Message-----\nFrom: {who}\nSent: Wednesday, November 18, 2026 10:12 AM\nTo: orders\nSubject: PO",
        False,
    ),
    (
        "________________________________\nVon: {who}\nGesendet: Mittwoch, 18. November 2026 10:12\nAn: orders\nBetreff: PO",
        False,
    ),
    ("De : {who}\nEnvoyé : mercredi 18 novembre 2026 10:12\nÀ : orders\nObjet : PO-4411", False),
    ("发件人: {who}\n发送时间: 2026年11月18日 10:12\n收件人: orders\n主题: PO-4411", False),
    ("差出人: {who}\n送信日時: 2026年11月18日 10:12\n宛先: orders\n件名: PO-4411", False),
    (
        "-------- Original Message --------\nSubject: \tPO-4411\nDate: \tWed, 18 Nov 2026 10:12:07 +0100\nFrom: \t{who}",
        False,
    ),
    (
        '------------------ Original ------------------\nFrom: "Dana"<purchasing@harborline.example>;\n'
        'Date: Wed, Nov 18, 2026 10:12 AM\nTo: "orders"<orders@example.com>;\nSubject: PO-4411',
        False,
    ),
    ("On Wed, Nov 18, 2026 at 10:12 AM {who} wrote:", True),
    ("Am Mi., 18. Nov. 2026 um 10:12 Uhr schrieb {who}:", True),
    ("Le mer. 18 nov. 2026 à 10:12, {who} a écrit :", True),
    ("在 2026年11月18日 10:12，{who} 写道：", True),
    ("Dana Whitfield <purchasing@harborline.example> 于2026年11月18日周三 10:12写道：", True),
    ("2026年11月18日(水) 10:12 {who}:", True),  # Gmail in Japanese: no word for "wrote"
    ("El mié, 18 nov 2026 a las 10:12, Dana Whitfield (<purchasing@harborline.example>) escribió:", True),
    ("Il giorno mer 18 nov 2026 alle ore 10:12 {who} ha scritto:", True),
    ("Op wo 18 nov 2026 om 10:12 schreef {who}:", True),
    ("W dniu śr., 18.11.2026 o 10:12 {who} napisał(a):", True),
    ("On Wed, Nov 18, 2026 at 10:12 AM Dana Whitfield <\npurchasing@harborline.example> wrote:", True),  # wrapped
    ("On 18/11/2026 10:12, Dana Whitfield wrote:", True),  # Thunderbird: no address
    ("> From: {who}\n> Sent: Wednesday, November 18, 2026 10:12 AM\n> To: orders\n> Subject: PO-4411\n>", True),
]


def raw(subject: str, body: str, *, sender: tuple[str, str] = CUSTOMER, attach: bytes | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>"
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 +0000"
    message["Message-ID"] = "<thread-1@harborline.example>"
    message["In-Reply-To"] = "<po-4411@harborline.example>"
    message.set_content(body)
    if attach is not None:
        message.add_attachment(attach, maintype="application", subtype="pdf", filename="drawing.pdf")
    return message.as_bytes()


def quoted_under(head: str, text: str, by_quote: bool) -> str:
    lines = text.rstrip("\n").split("\n")
    return head.format(who=WHO) + "\n\n" + "\n".join((f"> {x}".rstrip() if by_quote else x) for x in lines) + "\n"


def parse(data: bytes, company: Company = OURS, known: tuple[str, ...] = ()):
    return parse_message(parse_mime(data), ParseContext(today=TODAY, company=company, known_po=lambda po: po in known))


@pytest.mark.parametrize("company", [OURS, Company()], ids=["our-domain-known", "no-domain-configured"])
@pytest.mark.parametrize("head, by_quote", HEADS, ids=[h.split("\n")[0][:24] for h, _ in HEADS])
def test_the_order_quoted_under_a_reply_that_asks_about_it_is_read(head, by_quote, company):
    result = parse(raw("RE: PO-4411", ASK + quoted_under(head, ORDER, by_quote)), company)
    assert result.kind == "purchase_order", result.explain
    assert result.order.po_number == "PO-4411"
    assert [line.item for line in result.order.lines] == ["HX-2040", "KNB-21"]
    assert result.order.po_date == dt.date(2026, 11, 18)
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert any(line.startswith("quoted: the order is the earlier mail") for line in result.explain)
    # the original never reached us (or the quote was edited): the order is read, and a person checks it
    assert result.needs_review
    assert len(result.warnings) == 1 and result.warnings[0].startswith(QUOTED_ONLY), result.warnings
    assert f"from {CUSTOMER[1]}" in result.warnings[0]


def test_the_order_two_replies_down_under_our_answer_is_read():
    ours = "Dear Dana,\n\nwe are checking with production.\n\nSales Desk\nExample Manufacturing Co., Ltd.\n"
    older = quoted_under("On Wed, Nov 18, 2026 at 10:12 AM {who} wrote:", ORDER, True)
    text = "Any news on our order?\n\nDana\n\n" + quoted_under(
        "On Thu, Nov 19, 2026 at 09:02 AM " + SALES + " wrote:", ours + "\n" + older, True
    )
    mails = quoted.quoted_mails(text)
    assert [m.from_addr for m in mails] == ["sales@example.com", CUSTOMER[1]]
    assert "HX-2040" not in mails[0].text and "HX-2040" in mails[1].text
    result = parse(raw("RE: RE: PO-4411", text), Company())  # our domain unknown: our name signs our mail
    assert result.kind == "purchase_order", result.explain
    assert len(result.order.lines) == 2
    assert result.customer_email == CUSTOMER[1]


def test_our_confirmation_quoted_in_the_buyers_thanks_is_no_order():
    confirmation = ORDER.replace("Purchase Order PO-4411", "Order confirmation AB-2231 for your order PO-4411")
    confirmation = confirmation.replace(
        "Dana Whitfield\nHarborline Outdoor Gear Inc.", "Sales Desk\nExample Manufacturing Co., Ltd."
    )
    text = "Thanks for the confirmation of our order, all fine.\n\nDana\n\n" + quoted_under(
        "From: " + SALES + "\nSent: Thursday, November 19, 2026\nTo: Dana\nSubject: AB-2231", confirmation, False
    )
    for company in (OURS, Company()):
        result = parse(raw("RE: Order confirmation AB-2231", text), company)
        assert result.kind != "purchase_order", result.explain
        assert result.order is None or not result.order.lines


def test_a_reply_that_speaks_of_no_order_leaves_the_quoted_one_alone():
    result = parse(raw("AW: PO-4411", "Danke, erhalten.\n\n" + quoted_under(HEADS[1][0], ORDER, False)))
    assert result.order is None or not result.order.lines


def test_a_quoted_order_we_already_have_is_not_read_again():
    result = parse(raw("RE: PO-4411", ASK + quoted_under(HEADS[0][0], ORDER, False)), known=("PO-4411",))
    assert result.kind != "purchase_order"
    assert result.order is None or not result.order.lines


def test_a_reply_with_a_document_attached_is_not_read_from_its_quote():
    result = parse(raw("RE: PO-4411", ASK + quoted_under(HEADS[0][0], ORDER, False), attach=b"%PDF-1.4 not really"))
    assert not any(line.startswith("quoted:") for line in result.explain)


def test_a_revised_order_on_top_wins_over_the_old_one_quoted_below():
    new = ORDER.replace("500    3.20          1600.00", "800    3.10          2480.00").replace("1700.00", "2580.00")
    text = "Please replace our order with this revised one:\n\n" + new + "\n" + quoted_under(HEADS[7][0], ORDER, True)
    result = parse(raw("RE: PO-4411", text))
    assert result.kind == "purchase_order"
    assert [(line.item, line.quantity) for line in result.order.lines] == [("HX-2040", 800), ("KNB-21", 200)]
    assert str(result.order.total) == "2580.00"
    assert not any(line.startswith("quoted:") for line in result.explain)


@pytest.mark.parametrize("company", [OURS, Company()], ids=["our-domain-known", "no-domain-configured"])
@pytest.mark.parametrize(
    "marker",
    [
        "________________________________\nFrom: {who}\nSent: Wednesday, November 18, 2026 10:12 AM\nTo: Lisa\nSubject: PO",
        "---------- Forwarded message ---------\nFrom: {who}\nDate: Wed, Nov 18, 2026 at 10:12 AM\nSubject: PO\nTo: Lisa",
        "Von: {who}\nGesendet: Mittwoch, 18. November 2026 10:12\nAn: Lisa\nBetreff: PO-4411",
    ],
    ids=["outlook", "gmail", "outlook-de"],
)
def test_a_forwarded_thread_whose_order_is_under_a_short_note_is_read(marker, company):
    # the buyer's colleague forwards the buyer's note ("please place this"), the order quoted under it
    note = "Hi Lisa,\n\nplease place the order below with our supplier.\n\nDana\n\n"
    engineer = "Tom Berg <tom.berg@harborline.example>"
    inner = quoted_under("On Tue, Nov 17, 2026 at 09:00 AM " + engineer + " wrote:", ORDER, True)
    text = "Hello,\n\nsee below.\n\nLisa\n\n" + marker.format(who=WHO) + "\n\n" + note + inner
    result = parse(raw("FW: PO-4411", text, sender=("Lisa Park", "lisa.park@harborline.example")), company)
    assert result.kind == "purchase_order", result.explain
    assert result.order.po_number == "PO-4411" and len(result.order.lines) == 2
    assert result.order.customer == "Harborline Outdoor Gear Inc."
    assert not result.needs_review, result.warnings


@pytest.mark.parametrize(
    "note",
    [
        "Hello,\n\nplease change the quantity of our order below to 800 pcs.\n\nDana\n\n",
        "Hello,\n\nplease cancel our order below.\n\nDana\n\n",
        "Guten Tag,\n\nbitte stornieren Sie unsere Bestellung unten.\n\nDana\n\n",
    ],
    ids=["change", "cancel", "storno-de"],
)
def test_a_reply_asking_to_change_the_quoted_order_does_not_send_it_again(note):
    result = parse(raw("RE: PO-4411", note + quoted_under(HEADS[0][0], ORDER, False)))
    assert not any(line.startswith("quoted:") for line in result.explain)
    assert result.kind != "purchase_order" or result.needs_review


@pytest.mark.parametrize(
    "marker",
    [
        "------ Original ------",  # Foxmail, QQ Mail
        "------------------ Original ------------------",
        '------------------ Original ------------------\nFrom: "Dana"<purchasing@harborline.example>;\n'
        "Date: Wed, Nov 18, 2026 10:12 AM",  # Foxmail, with part of its head
        "-----邮件原件-----",  # Outlook in Simplified Chinese
        "----- Mail original -----",  # Zimbra in French
        "----- Ursprüngliche Mail -----",  # Zimbra in German
        "-----Оригінальне повідомлення-----",  # Outlook in Ukrainian
        # the others' heads, in the same place
        '-----"Dana Whitfield" <purchasing@harborline.example> wrote: -----\nTo: orders@example.com\n'
        'From: "Dana Whitfield" <purchasing@harborline.example>\nDate: 11/18/2026 10:12AM\nSubject: PO-4411',  # Notes
        "Dana Whitfield <purchasing@harborline.example> wrote on 18/11/2026 10:12:00:",  # Lotus Notes
        '在 2026-11-18 10:12:07，"Dana Whitfield" <purchasing@harborline.example> 写道：',  # NetEase 163/126
        'At 2026-11-18 10:12:07, "Dana Whitfield" <purchasing@harborline.example> wrote:',  # NetEase in English
        "On Wednesday, November 18, 2026, 10:12:07 AM GMT+1, Dana Whitfield <purchasing@harborline.example> wrote:",
        '----- Original Message -----\nFrom: "Dana Whitfield" <purchasing@harborline.example>\n'
        "To: orders@example.com\nSent: Wednesday, November 18, 2026 10:12 AM\nSubject: PO-4411",  # Zimbra
        "Get Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\nFrom: Dana Whitfield "
        "<purchasing@harborline.example>\nSent: Wednesday, November 18, 2026 10:12:07 AM\nTo: orders\nSubject: PO",
        "-----Mensaje original-----",
        "-----Oprindelig meddelelse-----",
        "-----Původní zpráva-----",
        "-----Исходное сообщение-----",
    ],
)
def test_a_new_order_over_an_old_one_quoted_under_a_client_marker_is_read_alone(marker):
    # the buyer replies with a new order, their client quotes the old one under its own marker line
    new = ORDER.replace("PO-4411", "PO-4412").replace("2026-11-18", "2026-11-23")
    new = new.replace("HX-2040   Hex standoff M4x20   500    3.20          1600.00\n", "").replace("1700.00", "100.00")
    text = "Dear Sales,\n\nour next order:\n\n" + new + "\n" + marker + "\n" + ORDER
    mails = quoted.quoted_mails(text)
    assert len(mails) == 1 and "HX-2040" in mails[0].text and "PO-4412" not in mails[0].text
    result = parse(raw("RE: PO-4411", text))
    assert result.order.po_number == "PO-4412"
    assert [(line.item, line.quantity) for line in result.order.lines] == [("KNB-21", 200)]
    assert str(result.order.total) == "100.00"
    assert not result.needs_review, result.warnings


def test_the_word_original_alone_on_a_line_starts_no_quoted_mail():
    # "ORIGINAL" printed over a copy, or a column's word: only between dashes is it Foxmail's marker
    text = "Please find the order below.\n\nORIGINAL\n\n" + ORDER
    assert quoted.reply_cut(text) is None


def test_a_reply_holding_its_own_order_is_read_once(monkeypatch):
    # whether the reply holds its own order (then the quoted one is older) and the order itself
    # come from one reading of its body, not two
    import mailflow.extract as extract

    read: list[str] = []
    real = extract.interpret

    def counted(doc, *args, **kwargs):
        read.append(doc.all_text())
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extract, "interpret", counted)
    new = ORDER.replace("500    3.20          1600.00", "800    3.10          2480.00").replace("1700.00", "2580.00")
    text = "Please replace our order with this revised one:\n\n" + new + "\n" + quoted_under(HEADS[7][0], ORDER, True)
    result = parse(raw("RE: PO-4411", text))
    assert [(line.item, line.quantity) for line in result.order.lines] == [("HX-2040", 800), ("KNB-21", 200)]
    assert read and len(read) == len(set(read)), f"{len(read)} readings of {len(set(read))} texts"
