"""Documents that say what else they are — credit and debit notes, proforma invoices, return
slips, order confirmations, payment advices, delivery notes — are recognised in every language
and never become orders; an order that names an invoice address, the quotation it follows or the
confirmation it asks for stays an order. Documents are real PDFs made with reportlab and go
through the extractor."""

from __future__ import annotations

import datetime as dt
import io
from importlib import resources

import pytest
import yaml

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.classify import document_title
from mailflow.extract.languages import DOCUMENT_KINDS, LanguageDataError, check, load, merge, parse
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
TODAY = dt.date(2026, 11, 24)

# (language, title as a document prints it, the kind it says)
TITLES = [
    ("en", "CREDIT NOTE", "credit_note"),
    ("en", "Debit Note No. DN-2231", "debit_note"),
    ("en", "PROFORMA INVOICE", "proforma_invoice"),
    ("en", "ORDER ACKNOWLEDGEMENT", "order_acknowledgement"),
    ("en", "Purchase Order Acknowledgement", "order_acknowledgement"),
    ("en", "REMITTANCE ADVICE", "remittance"),
    ("en", "RETURN NOTE", "return_note"),
    ("en", "PACKING LIST", "shipping_notice"),
    ("de", "GUTSCHRIFT", "credit_note"),
    ("de", "Auftragsbestätigung Nr. AB-2231", "order_acknowledgement"),
    ("de", "Retourenschein", "return_note"),
    ("de", "Proforma-Rechnung", "proforma_invoice"),
    ("de", "Lieferschein", "shipping_notice"),
    ("fr", "AVOIR", "credit_note"),
    ("fr", "Facture proforma", "proforma_invoice"),
    ("fr", "Confirmation de commande", "order_acknowledgement"),
    ("fr", "Bon de retour", "return_note"),
    ("it", "Nota di credito", "credit_note"),
    ("it", "Conferma d'ordine", "order_acknowledgement"),
    ("it", "Nota di debito", "debit_note"),
    ("es", "Nota de crédito", "credit_note"),
    ("es", "ABONO", "credit_note"),
    ("es", "Confirmación de pedido", "order_acknowledgement"),
    ("pt", "Nota de crédito", "credit_note"),
    ("pt", "Confirmação de encomenda", "order_acknowledgement"),
    ("nl", "Creditnota", "credit_note"),
    ("nl", "Orderbevestiging", "order_acknowledgement"),
    ("sv", "Kreditnota", "credit_note"),
    ("sv", "Orderbekräftelse", "order_acknowledgement"),
    ("pl", "Faktura korygująca", "credit_note"),
    ("pl", "Potwierdzenie zamówienia", "order_acknowledgement"),
    ("cs", "Dobropis", "credit_note"),
    ("da", "Kreditnota", "credit_note"),
    ("nb", "Ordrebekreftelse", "order_acknowledgement"),
    ("fi", "Hyvityslasku", "credit_note"),
    ("fi", "Tilausvahvistus", "order_acknowledgement"),
    ("hu", "Jóváírás", "credit_note"),
    ("hu", "Díjbekérő", "proforma_invoice"),
    ("ro", "Notă de credit", "credit_note"),
    ("ru", "Кредит-нота", "credit_note"),
    ("ru", "Подтверждение заказа", "order_acknowledgement"),
    ("tr", "İade irsaliyesi", "return_note"),
    ("tr", "Sipariş onayı", "order_acknowledgement"),
    ("ja", "返品伝票", "return_note"),
    ("ja", "注文請書", "order_acknowledgement"),
    ("zh-Hans", "退货单", "return_note"),
    ("zh-Hans", "订单确认书", "order_acknowledgement"),
    ("zh-Hans", "红字发票", "credit_note"),
    ("zh-Hant", "退貨單", "return_note"),
    ("zh-Hant", "訂單確認書", "order_acknowledgement"),
    ("ko", "반품서", "return_note"),
    ("ko", "주문확인서", "order_acknowledgement"),
]


@pytest.mark.parametrize("lang, title, kind", TITLES, ids=[f"{t[0]}-{t[1]}" for t in TITLES])
def test_a_document_that_says_what_else_it_is_is_recognised(lang, title, kind):
    text = f"Delta Components Trading Ltd\n{title}\nNo. 2026-118    Date: 2026-11-20\n"
    assert document_title(text, VOCAB).kind == kind


def test_every_language_says_every_kind_of_document():
    """Each language file names every kind a document may state (the data is complete)."""
    languages = load()
    assert set(languages.documents) == set(DOCUMENT_KINDS)
    folder = resources.files("mailflow").joinpath("data/languages")
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
            missing = set(DOCUMENT_KINDS) - set(data.get("documents") or {})
            assert not missing, f"{entry.name} names no {sorted(missing)}"


def test_a_title_two_kinds_claim_is_refused_on_load():
    a = check({"language": "xx", "documents": {"credit_note": ["gutschrift"]}}, "xx.yaml")
    b = check({"language": "yy", "documents": {"invoice": ["gutschrift"]}}, "yy.yaml")
    with pytest.raises(LanguageDataError, match="gutschrift"):
        merge([("xx.yaml", a), ("yy.yaml", b)])
    with pytest.raises(LanguageDataError, match="mail_headers.sender"):
        check({"language": "xx", "mail_headers": {"sender": ["von"]}}, "xx.yaml")
    with pytest.raises(LanguageDataError, match="written twice"):
        parse("language: xx\nmail_headers:\n  from: [von]\nmail_headers:\n  from: [de]\n", "xx.yaml")


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


TABLE = [
    "Item        Description            Qty      Unit Price      Amount",
    "HX-2040     Hex standoff M4x20     500      3.20            1600.00",
    "KNB-21      Control knob 21 mm     200      0.50            100.00",
    "Total: 1700.00",
]


def parse_pdf(lines: list[str], name: str = "document.pdf"):
    attachment = Attachment(name, "application/pdf", pdf(lines), original_filename=name)
    message = Message("5" * 64, 10, "<d@x>", subject="Documents", text="See attached.", attachments=(attachment,))
    return parse_message(message, ParseContext(today=TODAY))


@pytest.mark.parametrize(
    "title",
    ["CREDIT NOTE", "ORDER ACKNOWLEDGEMENT", "PROFORMA INVOICE", "RETURN NOTE", "REMITTANCE ADVICE", "DEBIT NOTE"],
)
def test_a_priced_document_that_says_what_else_it_is_never_becomes_an_order(title):
    result = parse_pdf(
        ["Delta Components Trading Ltd", title, "No. D-2231   PO No: PO-4411", *TABLE], "purchase_order_4411.pdf"
    )
    assert result.kind != "purchase_order"
    assert result.order is None


def test_an_order_naming_an_invoice_address_a_quotation_and_a_confirmation_stays_an_order():
    result = parse_pdf(
        [
            "Harborline Outdoor Gear Inc.",
            "PURCHASE ORDER",
            "PO No: PO-4411      Date: 2026-11-20",
            "Quotation No.: Q-2231",
            "Invoice address: 4410 Marine View Dr, Tacoma",
            "Please send your order confirmation within two days; invoices to accounts payable.",
            *TABLE,
        ]
    )
    assert result.kind == "purchase_order"
    assert result.order.po_number == "PO-4411"
    assert result.order.customer == "Harborline Outdoor Gear Inc."


@pytest.mark.parametrize(
    "line",
    [
        "gemäß Angebot Nr. A-2231",
        "Ihr Angebot Nr. A-2231",
        "selon devis n° D-2231",
        "secondo offerta n. 2231",
        "según presupuesto n.º 2231",
        "volgens offerte nr. 2231",
        "enligt offert nr 2231",
    ],
)
def test_the_quotation_an_order_follows_is_not_its_title(line):
    text = f"ACME Industrie\n{line}\nBestellnummer: 4411\n"
    assert document_title(text, VOCAB).kind != "quotation"


@pytest.mark.parametrize(
    "head",
    [
        ["UZSAKYMAS Nr. 4411", "Quotation No.: Q-2231"],  # its own title in a language without words here
        ["Angebot Nr. A-2231", "Bestellnummer: 4411"],  # no title, a PO number of its own
        ["Invoice No. INV-2231", "PO No: 4411"],  # an invoice, or an order: a person decides
    ],
)
def test_a_numbered_line_naming_another_kind_is_not_certain_enough_to_drop_an_order(head):
    result = parse_pdf(["Nordic Tools UAB", *head, *TABLE])
    assert result.needs_review is True
    assert result.kind == "purchase_order"
    assert any("calls itself" in w for w in result.warnings)
