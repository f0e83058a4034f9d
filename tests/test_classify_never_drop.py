"""No possible order is dropped: a message is ignored only when it is certainly something else.

Messages are built here as raw MIME (several languages and charsets) and go through the real
MIME parser and extractor; documents are real PDF / xlsx files made with reportlab / openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import pytest

from mailflow.config import Company
from mailflow.extract.classify import document_title
from mailflow.extract import ParseContext, parse_message
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult
from mailflow.pipeline import Known, plan

VOCAB = Vocabulary.bundled()
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800
    for line in lines:
        page.drawString(50, y, line)
        y -= 16
    page.save()
    return out.getvalue()


def xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def mail(
    subject="Documents",
    body="Please see the attachment.",
    attachments=(),
    sender="Jane Smith <jane@buyer.example>",
    headers=(),
    charset="utf-8",
    html: str | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0000"
    message["Message-ID"] = f"<{abs(hash((subject, body, sender)))}@buyer.example>"
    for name, value in headers:
        message[name] = value
    if html is not None:
        message.set_content(html, subtype="html", charset=charset)
    else:
        message.set_content(body, charset=charset)
    for name, data, ctype in attachments:
        main, sub = ctype.split("/")
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message.as_bytes()


def parse(raw: bytes, **ctx) -> ParseResult:
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23), **ctx))


INVOICE = [
    "Northwind Tools Ltd",
    "INVOICE",
    "Invoice No: INV-2026-118",
    "Your PO: NW-4411",
    "Item  Qty  Unit Price  Amount",
    "NW-100  10  4.50  45.00",
    "Total  45.00",
]


# ------------------------------------------------------------------ what a document says it is


@pytest.mark.parametrize(
    "text, kind",
    [
        ("PURCHASE ORDER\nPO No: 4411", "purchase_order"),
        ("Acme Widgets Inc.\nBon de commande n° BC-2291\nDate : 12/11/2026", "purchase_order"),
        ("Ordine d'acquisto N. 7781", "purchase_order"),
        ("Pedido de Compra No.4300004732", "purchase_order"),
        ("Inkooporder 2026-118", "purchase_order"),
        ("Beställning 55120", "purchase_order"),
        ("Zamówienie nr 12/2026", "purchase_order"),
        ("注文書\n注文番号: J-881", "purchase_order"),
        ("采购订单\n订单号：HQ-07", "purchase_order"),
        ("訂購單\n訂單編號：TW-1192", "purchase_order"),
        ("BESTELLUNG\nBestellnummer 4500012817", "purchase_order"),
        ("FACTURA\nNumero de Orden ES9812", "invoice"),
        ("Rechnung Nr. 2026-55\nIhre Bestellung 4411", "invoice"),
        ("Amazon Web Services Invoice\nInvoice Number: 42183017", "invoice"),
        ("Quotation # SO008\nPurchase order terms apply", "quotation"),
        ("見積書\n見積番号 Q-22", "quotation"),
        ("OptiMiser Quotation Request", "rfq"),
        ("询价单\n请报价", "rfq"),
        ("Lieferschein 8812\nBestellung 4411", "shipping_notice"),
        ("对账单 2026年11月", "statement"),
    ],
)
def test_a_document_says_what_it_is_in_its_title(text, kind):
    assert document_title(text, VOCAB).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Send Invoice To:\nAccounts Payable",  # a PO's label, not a title
        "Invoice must reference this purchase order # and match PO",  # prose
        "Please find our price list attached.",
    ],
)
def test_labels_and_prose_are_not_titles(text):
    assert document_title(text, VOCAB).kind is None


def test_a_title_alone_beats_a_numbered_label():
    # an invoice that quotes the customer's PO number before its own title
    assert document_title("Purchase Order No: 4411\nINVOICE", VOCAB).kind == "invoice"


# ------------------------------------------------------------------ whole messages


def test_a_file_named_like_an_order_that_is_an_invoice_is_an_invoice():
    raw = mail("Documents", attachments=[("purchase_order_7781.pdf", pdf(INVOICE), "application/pdf")])
    result = parse(raw)
    assert result.kind == "other" and not result.needs_review and result.order is None
    assert any("invoice" in line for line in result.explain)


def test_a_po_with_a_neutral_name_and_subject_is_read_from_its_title():
    lines = [
        "Fabrique Lumière SARL",
        "BON DE COMMANDE",
        "N° de commande : BC-2291",
        "Référence  Désignation  Quantité  Prix unitaire  Montant",
        "LX-10  Lampe LED  200  3,50  700,00",
        "Total HT  700,00",
    ]
    result = parse(mail("Envoi", "Bonjour, ci-joint.", attachments=[("scan0001.pdf", pdf(lines), "application/pdf")]))
    assert result.kind == "purchase_order"
    assert result.order is not None and result.order.po_number == "BC-2291"


def test_a_po_titled_document_without_readable_lines_still_reaches_a_person():
    lines = ["PURCHASE ORDER", "Please ship per the attached schedule."]
    result = parse(mail("Documents", attachments=[("doc.pdf", pdf(lines), "application/pdf")]))
    assert result.kind == "purchase_order" and result.needs_review


def test_an_unidentified_business_document_is_a_possible_order():
    book = xlsx([["Artikel", "Menge"], ["HX-2040", 500]])
    result = parse(
        mail(
            "Unterlagen",
            "Anbei.",
            attachments=[("liste.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
        )
    )
    assert result.needs_review
    assert result.kind == "purchase_order" or any("possible order, not recognised" in w for w in result.warnings)


def test_an_unreadable_document_is_a_possible_order():
    result = parse(mail("Scan", "", attachments=[("scan.docx", b"not a zip at all", "application/octet-stream")]))
    assert result.needs_review


@pytest.mark.parametrize("name", ["bestellung.fods", "order.fodt", "vorlage.ots", "form.ott", "liste.ods", "po.odt"])
def test_a_broken_opendocument_file_is_a_possible_order(name):
    """An OpenDocument file (flat or zipped, a template too) that cannot be read still reaches a person."""
    result = parse(mail("Unterlagen", "", attachments=[(name, b"\x00\x01 not a document", "application/octet-stream")]))
    assert result.needs_review


def test_a_known_po_mentioned_in_a_plain_message_goes_to_review():
    raw = mail("Question", "Can you tell me where NW-4411 stands?")
    result = parse(raw, known_po={"NW-4411"}.__contains__)
    assert result.kind == "other" and result.needs_review
    assert any("NW-4411" in w for w in result.warnings)


def test_a_known_customer_is_never_ignored():
    raw = mail("Hello", "Call me when you can.", sender="Jane <jane@northwind.example>")
    result = parse(raw, customer_of={"jane@northwind.example": "Northwind Tools Ltd"}.get)
    assert result.needs_review and any("Northwind Tools Ltd" in w for w in result.warnings)
    assert not parse(raw).needs_review  # the same mail from a stranger is just mail


def test_a_mailing_list_with_an_attachment_is_ignored():
    book = xlsx([["Artikel", "Menge"], ["HX-2040", 500]])
    raw = mail(
        "Newsletter",
        "News.",
        headers=[("List-Id", "<news.vendor.example>")],
        attachments=[("news.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
    )
    result = parse(raw)
    assert result.kind == "other" and not result.needs_review


def test_a_bounce_is_an_auto_reply():
    message = EmailMessage()
    message["From"] = "MAILER-DAEMON@mx.example"
    message["To"] = "orders@example.com"
    message["Subject"] = "Undelivered Mail Returned to Sender"
    message.set_content("The mail system could not deliver your purchase order acknowledgement.")
    message.replace_header("Content-Type", 'multipart/report; report-type=delivery-status; boundary="b"')
    raw = message.as_bytes()
    assert parse(raw).kind == "auto_reply"


@pytest.mark.parametrize(
    "subject, body, charset",
    [
        (
            "ご注文",
            "いつもお世話になっております。\n注文書を送付いたします。\n注文番号: J-881\n品番 HX-2040 数量 500",
            "iso-2022-jp",
        ),
        ("ご注文", "注文書を送付いたします。\n注文番号: J-882\n品番 HX-2040 数量 500", "shift_jis"),
        ("訂單", "您好，附上本公司訂單，請安排生產。\n訂單編號：TW-1192\n料號 HX-2040 數量 500 個", "big5"),
        (
            "Bestellung",
            "Sehr geehrte Damen und Herren,\nanbei unsere Bestellung 4500012817 über 500 Stück HX-2040.\nGrüße",
            "cp1252",
        ),
        (
            "Commande",
            "Bonjour,\nveuillez trouver notre commande n° BC-2291 : 200 pièces LX-10.\nCordialement",
            "cp1252",
        ),
        ("주문", "주문서를 보내드립니다. PO KR-2291, HX-2040 500 pcs", "euc-kr"),
    ],
)
def test_order_bodies_in_other_charsets_are_never_dropped(subject, body, charset):
    result = parse(mail(subject, body, charset=charset))
    assert result.kind == "purchase_order" or result.needs_review, (result.kind, result.explain)


def test_payment_terms_in_an_order_do_not_make_it_a_payment_advice():
    """Taiwanese and Chinese orders state 付款方式 (deposit 訂金, balance 尾款): terms, not a payment."""
    body = (
        "您好，附上本公司訂單 TW-1192，請安排生產。\n付款方式：訂金30%，尾款70%出貨前付清。\n料號 HX-2040 數量 500 個"
    )
    result = parse(mail("資料", body, charset="big5"))
    assert result.kind == "purchase_order" or result.needs_review
    assert result.kind != "payment_advice"


def test_an_outlook_html_body_in_cp1252_is_read():
    html = (
        "<html><body><p>Guten Tag,</p><p>anbei unsere Bestellung Nr. 4500012817 f\u00fcr 500 St\u00fcck.</p>"
        "</body></html>"
    )
    result = parse(mail("Bestellung", html=html, charset="cp1252"))
    assert result.kind == "purchase_order" or result.needs_review


# ------------------------------------------------------------------ the plan


def test_a_possible_order_becomes_a_review_row_not_an_ignored_message():
    notes = pdf(["Meeting notes", "Samples go out on Friday."])
    raw = mail("Notes", "", attachments=[("notes.pdf", notes, "application/pdf")])
    message = parse_mime(raw)
    result = parse_message(message, ParseContext(today=dt.date(2026, 11, 23)))
    assert result.kind == "other" and result.needs_review
    decided = plan(message, result, Known(), now=NOW)
    assert decided.outcome == "processed" and decided.reviews
    assert "possible order, not recognised" in decided.reviews[0][1]
    assert decided.link_attachment == "notes.pdf"


def test_certainly_other_mail_is_still_ignored():
    raw = mail("Documents", attachments=[("purchase_order_7781.pdf", pdf(INVOICE), "application/pdf")])
    message = parse_mime(raw)
    result = parse_message(message, ParseContext(today=dt.date(2026, 11, 23)))
    assert plan(message, result, Known(), now=NOW).outcome == "ignored"


def test_a_possible_order_reaches_the_review_list_with_its_attachment(tmp_path):
    """Through ``run --once`` on a real workspace: recorded as processed, a Review row whose
    link is the attachment, filed beside the mail."""
    from mailflow import config as config_mod
    from mailflow import pipeline
    from mailflow.context import Env, fixed_clock
    from mailflow.scaffold import create_workspace

    workspace = tmp_path / "ws"
    create_workspace(workspace, now=NOW)
    config = config_mod.load(workspace / "config.yaml")
    notes = pdf(["Lista", "Consegna venerdì."])
    inbox = config.path(config.mailbox.maildir)
    (inbox / "new" / "0001.mail").write_bytes(
        mail("Documenti", "In allegato.", attachments=[("lista.pdf", notes, "application/pdf")])
    )
    env = Env.open(config, clock=fixed_clock(NOW))
    try:
        report = pipeline.run_once(env, flush=False)
        reviews = env.store.reviews()
        row = env.store.conn.execute("SELECT outcome FROM messages").fetchone()
        assert report.errors == [] and row["outcome"] == "processed"
        assert len(reviews) == 1 and "possible order, not recognised" in reviews[0].reason
        assert reviews[0].link.endswith("lista.pdf")
        assert env.archive.resolve(reviews[0].link).read_bytes() == notes
    finally:
        env.close()


def test_two_long_named_documents_of_a_possible_order_are_both_filed_with_their_names(tmp_path):
    """Names longer than a folder's 80 characters, alike at the start: each file keeps its own
    name and extension beside the mail, and the Review row links a file that opens."""
    from mailflow import config as config_mod
    from mailflow import pipeline
    from mailflow.context import Env, fixed_clock
    from mailflow.scaffold import create_workspace

    workspace = tmp_path / "ws"
    create_workspace(workspace, now=NOW)
    config = config_mod.load(workspace / "config.yaml")
    stem = "Lieferplan und Abrufe fuer die Baugruppen der Linie Sued im ersten Quartal des Jahres 2027"
    first, second = pdf(["Lieferplan", "Teil eins."]), pdf(["Lieferplan", "Teil zwei."])
    files = [(f"{stem} Teil 1.pdf", first, "application/pdf"), (f"{stem} Teil 2.pdf", second, "application/pdf")]
    inbox = config.path(config.mailbox.maildir)
    (inbox / "new" / "0001.mail").write_bytes(mail("Unterlagen", "Anbei.", attachments=files))
    env = Env.open(config, clock=fixed_clock(NOW))
    try:
        report = pipeline.run_once(env, flush=False)
        [review] = env.store.reviews()
        assert report.errors == [] and "possible order" in review.reason
        folder = env.archive.resolve(review.link).parent
        filed = {path.name: path.read_bytes() for path in folder.iterdir()}
        assert filed == {f"{stem} Teil 1.pdf": first, f"{stem} Teil 2.pdf": second}
        assert review.link.endswith(".pdf")
    finally:
        env.close()


def test_one_po_sent_as_both_pdf_and_xlsx_is_one_order():
    rows = [
        ["Inkooporder"],
        ["Ordernummer", "NL-5521"],
        ["Klant", "Van Dijk Techniek B.V."],
        [],
        ["Artikelnummer", "Omschrijving", "Aantal", "Prijs", "Bedrag"],
        ["HX-2040", "Bout M8", 500, 0.40, 200.00],
    ]
    text = [
        "Inkooporder",
        "Ordernummer: NL-5521",
        "Klant: Van Dijk Techniek B.V.",
        "Artikelnummer  Omschrijving  Aantal  Prijs  Bedrag",
        "HX-2040  Bout M8  500  0,40  200,00",
    ]
    raw = mail(
        "Bestelling",
        "Goedemorgen, bijgaand onze bestelling.",
        sender="Piet de Vries <piet@vandijk.example>",
        attachments=[
            ("NL-5521.pdf", pdf(text), "application/pdf"),
            ("NL-5521.xlsx", xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ],
    )
    result = parse(raw)
    assert result.kind == "purchase_order"
    assert (result.order.po_number, result.order.customer) == ("NL-5521", "Van Dijk Techniek B.V.")
    assert result.customer_source == "party_block" and result.order.contact == "Piet de Vries"
    assert not any("more than one purchase order" in w for w in result.warnings)


def test_an_invoice_typed_into_the_mail_is_an_invoice():
    body = (
        "RECHNUNG No. INV-32624\nDatum: 13.11.2026\nBestellnummer: 4585532624\n\n"
        "  No. Artikel-Nr.   Bezeichnung        Menge ME   Einzelpreis   Gesamtpreis\n"
        "    1 STA-1010      Abstandsbolzen M4   400 Stk        0,0751         30,04\n\nDelta Components Trading Ltd\n"
    )
    result = parse(mail("RECHNUNG 32624", body, sender="Delta Components <sales@delta.example>"))
    assert result.kind == "other" and not result.needs_review and result.order is None


@pytest.mark.parametrize(
    "subject, body",
    [
        (
            "采购订单 CG-1",
            "您好，\n附上采购订单 CG-1，价格按贵司报价单。\n\n料号  品名  数量  单价  金额\n"
            "HX-2040  螺栓  500  1.20  600.00\nHX-2041  螺母  1000  0.35  350.00\n",
        ),
        (
            "Purchase order 4411",
            "Hello,\nplease find our purchase order 4411 as per your quotation Q-22 (our request for"
            " quotation RFQ-9).\n\nItem  Description  Qty  Unit Price  Amount\n"
            "HX-2040  Bolt  500  1.20  600.00\nHX-2041  Nut  1000  0.35  350.00\n",
        ),
    ],
)
def test_an_order_that_names_the_quotation_it_follows_is_still_an_order(subject, body):
    result = parse(mail(subject, body))
    assert result.kind == "purchase_order" and result.order is not None and len(result.order.lines) == 2
    assert result.needs_review and any("a person confirms it is an order" in w for w in result.warnings)


def test_a_request_for_quotation_is_still_not_an_order():
    body = "Dear supplier,\nplease quote for the items below (request for quotation RFQ-9).\n\nHX-2040  500 pcs\n"
    result = parse(mail("RFQ-9: request for quotation", body))
    assert result.kind == "other" and not result.needs_review and result.order is None


@pytest.mark.parametrize(
    "subject, body",
    [
        ("Re: Quotation Q-2231", "Hi Anna,\nplease go ahead with your quotation Q-2231, delivery by 15 Dec.\n\nDana\n"),
        (
            "AW: Ihr Angebot 4711",
            "Guten Tag,\nhiermit bestellen wir gemäß Ihrem Angebot 4711.\nBestellnummer 4500012999\n",
        ),
        ("回复：报价单 BJ-88", "您好，\n同意贵司报价，请安排生产。\n"),
    ],
)
def test_a_reply_to_a_quotation_may_place_the_order_and_reaches_a_person(subject, body):
    result = parse(mail(subject, body, headers=[("In-Reply-To", "<q-2231@example.com>")]))
    assert result.needs_review
    assert result.kind == "purchase_order" or any("possible order" in w for w in result.warnings)


def test_a_reply_from_our_own_domain_about_a_quotation_is_not_an_order():
    raw = mail("Re: Quotation Q-2231", "Dana, the price stands.\n", sender="Anna <anna@example.com>")
    result = parse(raw, company=Company(domains=["example.com"]))
    assert result.kind == "other" and not result.needs_review


@pytest.mark.parametrize("title", ["Pro Forma", "Auftragsbestaetigung", "发货通知"])
def test_look_alike_titles_are_not_orders(title):
    lines = ["Delta Components Trading Ltd", title, "No: D-2231", "Your PO: 4500012817", *INVOICE[4:]]
    assert document_title("\n".join(lines), VOCAB).kind not in (None, "purchase_order")


def test_a_priced_table_that_calls_the_order_its_readers_is_asked_about():
    lines = ["Delta Components Trading Ltd", "Leveringsbevis", "Your PO: 4500012817", *INVOICE[4:]]
    result = parse(mail(attachments=[("doc.pdf", pdf(lines), "application/pdf")]))
    assert result.needs_review
    assert any("names the order as its reader's" in w for w in result.warnings)


def test_a_colleague_passing_on_an_unidentified_document_by_hand_reaches_a_person():
    lines = ["Harborline Outdoor Gear Inc.", "4410 Marine View Dr", "Ref 4500012817", "see drawing rev C"]
    raw = mail(
        "Harborline",
        "Please enter this.\n\nAnna",
        attachments=[("scan0001.pdf", pdf(lines), "application/pdf")],
        sender="Anna Kovacs <anna.kovacs@example.com>",
    )
    result = parse(raw, company=Company(domains=["example.com"]))
    assert result.needs_review and any("possible order" in w for w in result.warnings)


def test_our_own_mail_without_a_document_is_still_ours():
    raw = mail("Lunch", "Shall we meet at noon?", sender="Anna Kovacs <anna.kovacs@example.com>")
    result = parse(raw, company=Company(domains=["example.com"]))
    assert result.kind == "other" and not result.needs_review


def _revised_order_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Harborline Outdoor Gear Inc.")
    document.add_heading("Bestelländerung 3", 1)
    document.add_paragraph("Bestellnummer: 4500012817")
    table = document.add_table(rows=1, cols=5)
    rows = [
        ["Item", "Description", "Qty", "Unit Price", "Amount"],
        ["HX-2040", "Hex standoff M3", "600", "1.20", "720.00"],
    ]
    rows.append(["BR-11", "Bracket", "50", "4.00", "200.00"])
    for n, row in enumerate(rows):
        cells = table.rows[0].cells if n == 0 else table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_revised_order_for_an_order_we_do_not_have_reaches_a_person():
    """A change that prices out its items, for a PO nobody here knows, may be the order itself."""
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    raw = mail(
        "Änderung 3 zur Bestellung 4500012817", "Anbei.", attachments=[("order.docx", _revised_order_docx(), word)]
    )
    unknown = parse(raw)
    assert unknown.kind == "change_request" and unknown.needs_review
    assert any("change request, but it holds a table of items" in w for w in unknown.warnings)
    known = parse(raw, known_po=lambda po: po == "4500012817")
    assert known.kind == "change_request" and not known.needs_review  # a change to the order on record
