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


def cyrillic_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuOther", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("DejaVuOther", 9)
    y = 800
    for line in lines:
        page.drawString(40, y, line)
        y -= 15
    page.save()
    return out.getvalue()


# A bill for payment as a 1C-type ERP prints it: the supplier's bank details, the title with its
# number and date, supplier and buyer, the basis (the customer's order), a priced table, the sums.
ERP_BILLS = {
    "uk": [
        "ТОВ «Дніпро Кріплення»   ЄДРПОУ 41234567   IBAN UA213223130000026007233566001",
        "Рахунок на оплату № 245 від 3 грудня 2026 р.",
        "Постачальник: ТОВ «Дніпро Кріплення», м. Дніпро, вул. Робоча 12",
        "Покупець: ТОВ «Київ Мехмонтаж»",
        "Замовлення № ЗМ-0451 від 28.11.2026",
        "№   Товари (роботи, послуги)        Кіл-ть   Од.   Ціна     Сума",
        "1   Болт М8х40 DIN 933              500      шт    2,40     1 200,00",
        "2   Гайка М8 DIN 934                500      шт    0,85     425,00",
        "Разом: 1 625,00",
        "У тому числі ПДВ: 270,83",
        "Всього на суму: одна тисяча шістсот двадцять п'ять гривень 00 копійок",
    ],
    "ru": [
        "ООО «Север Крепеж»   ИНН 7701234567   р/с 40702810400000012345",
        "Счёт на оплату № 118 от 3 декабря 2026 г.",
        "Поставщик: ООО «Север Крепеж», г. Москва, ул. Заводская 7",
        "Покупатель: ООО «Волга Монтаж»",
        "Основание: Заказ № 4471 от 27.11.2026",
        "№   Товары (работы, услуги)         Кол-во   Ед.   Цена     Сумма",
        "1   Болт М8х40 DIN 933              500      шт    2,40     1 200,00",
        "2   Гайка М8 DIN 934                500      шт    0,85     425,00",
        "Итого: 1 625,00",
        "В том числе НДС: 270,83",
        "Всего наименований 2, на сумму 1 625,00 руб.",
    ],
}


@pytest.mark.parametrize("lang", sorted(ERP_BILLS))
def test_a_bill_for_payment_from_an_erp_is_not_an_order(lang):
    """ "Рахунок на оплату № 245 від 3 грудня 2026 р.": a title with its number and its date is the
    document's own title, however the order it bills is named below it."""
    lines = ERP_BILLS[lang]
    assert document_title("\n".join(lines), VOCAB).kind == "invoice"
    attachment = Attachment("bill.pdf", "application/pdf", cyrillic_pdf(lines), original_filename="bill.pdf")
    message = Message("6" * 64, 11, "<b@x>", subject="Documents", text="See attached.", attachments=(attachment,))
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.kind == "other"
    assert result.order is None


@pytest.mark.parametrize(
    "title",
    ["BÁO GIÁ", "Báo giá số: BG-2026/118", "Báo giá số BG-118 ngày 03 tháng 12 năm 2026"],
)
def test_a_vietnamese_quotation_typed_into_a_mail_is_not_an_order(title):
    text = "\n".join(
        [
            "Kính gửi Quý khách hàng,",
            title,
            "STT  Mã hàng    Tên hàng                 SL     Đơn giá      Thành tiền",
            "1    VAN-2231   Van bi inox DN25         20     450.000      9.000.000",
            "2    ONG-1180   Ống thép D27             100    85.000       8.500.000",
            "Tổng cộng: 17.500.000 VND",
            "Báo giá có hiệu lực 30 ngày.",
        ]
    )
    message = Message("7" * 64, 12, "<q@x>", subject="Báo giá van và ống", text=text)
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.kind != "purchase_order"
    assert result.order is None


def test_a_title_with_its_date_and_a_label_with_its_value_differ():
    assert document_title("Invoice No.: 4411 of 2026\nPURCHASE ORDER", VOCAB).kind == "purchase_order"
    assert document_title("Bestellung Nr. 4411 vom 3. Dezember 2026", VOCAB).kind == "purchase_order"


@pytest.mark.parametrize("title", ["BÁO GIÁ / QUOTATION", "BÁO GIÁ SỐ 118/BG-MT NGÀY 03 THÁNG 12 NĂM 2026"])
def test_a_vietnamese_quotation_sent_as_a_document_is_not_an_order(title):
    lines = [
        "CÔNG TY TNHH CƠ KHÍ MINH TÂM",
        "Địa chỉ: 12 Nguyễn Trãi, Q.1, TP. Hồ Chí Minh   MST: 0312345678",
        title,
        "Kính gửi: Công ty TNHH Đông Á",
        "STT  Mã hàng    Tên hàng                 ĐVT   SL     Đơn giá      Thành tiền",
        "1    VAN-2231   Van bi inox DN25         cái   20     450.000      9.000.000",
        "2    ONG-1180   Ống thép D27             m     100    85.000       8.500.000",
        "Tổng cộng: 17.500.000",
        "Thuế GTGT 10%: 1.750.000",
        "Tổng thanh toán: 19.250.000",
    ]
    attachment = Attachment("bao-gia.pdf", "application/pdf", cyrillic_pdf(lines), original_filename="bao-gia.pdf")
    message = Message("8" * 64, 13, "<v@x>", subject="Gửi báo giá", text="Xin gửi báo giá.", attachments=(attachment,))
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.kind == "other"
    assert result.order is None


@pytest.mark.parametrize(
    "text, kind, standalone",
    [
        ("Lieferschein (Kopie)", "shipping_notice", True),
        ("PURCHASE ORDER (COPY)", "purchase_order", True),
        ("Purchase Order (No. 4411)", "purchase_order", False),  # a number in the brackets: numbered
    ],
)
def test_a_title_with_a_remark_in_brackets_stands_alone(text, kind, standalone):
    title = document_title(text, VOCAB)
    assert (title.kind, title.standalone) == (kind, standalone)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title: str, total_label: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Example Manufacturing Co., Ltd.", None, None, None, None, title])
    sheet.append(["Su pedido", None, "Fecha", None, "Fecha entrega"])
    sheet.append(["211/9698/2026", None, "21/10/2026", None, "25/12/2026"])
    sheet.append(["Lín.", "Código", "Descripción", "Cantidad", "Precio unitario", "Importe"])
    sheet.append(["1", "CIL-85487", "Cilindro neumático ISO 15552", 25, 81.7, 2042.5])
    sheet.append(["2", "TOR-9378", "Tornillo hexagonal M12x40", 500, 0.32, 160])
    sheet.append([None, None, None, None, total_label, 2202.5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "title, total, kind",
    [
        ("ALBARÁN DE ENTREGA", "Total pedido EUR", "shipping notice"),
        ("内示書(注文書ではありません)", "合計金額 JPY", "forecast"),
    ],
)
def test_a_workbook_titled_in_the_cell_beside_the_senders_name_is_what_its_title_says(title, total, kind):
    name = "documento.xlsx"
    attachment = Attachment(name, XLSX, _workbook(title, total), original_filename=name)
    message = Message("6" * 64, 10, "<w@x>", subject="Documentos", text="Adjunto.", attachments=(attachment,))
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.kind == "other" and result.order is None
    assert any(f"is a {kind}" in line for line in result.explain), result.explain


def test_a_value_ending_in_a_title_word_is_no_title():
    """ "Thirty days after invoice" beside the payment terms' label ends in the word for invoice:
    the title of a workbook cell is the whole cell."""
    from mailflow.extract.document import Document, Grid

    terms = Document("po.docx", grids=[Grid([["Payment terms", "Thirty days after invoice"]], "table 1")])
    assert not document_title(terms.cells_text(), VOCAB, whole_cells=True)


def test_a_heading_among_a_tables_headings_is_no_title():
    """ "PO" over a column of a listing of orders (one cell of a row of headings) is no title; the
    same word alone in a short row would be."""
    from mailflow.extract.document import Document, Grid

    listing = Document("listing.xlsx", grids=[Grid([["PO", "PO Date", "Vendor", "Status", "Amount"]], "sheet 1")])
    assert not document_title(listing.cells_text(), VOCAB)
    titled = Document("order.xlsx", grids=[Grid([["Harbor Point Inc.", "PURCHASE ORDER"]], "sheet 1")])
    assert document_title(titled.cells_text(), VOCAB).standalone


def test_a_few_letters_read_by_ocr_are_no_title():
    """ "WZ" is a Polish delivery note's title, and what OCR makes of a stamp on a fax: read off a
    scan, a title of a few Latin letters decides nothing (the order would be filed as no order)."""
    from mailflow.extract import _title_of
    from mailflow.extract.document import Document

    text = "Harbor Tools Ltd.\nWZ\nItem  Qty  Price  Amount"
    assert _title_of(Document("fax.pdf", text=text), VOCAB).kind == "shipping_notice"
    assert not _title_of(Document("fax.pdf", text=text, ocr=True), VOCAB)
    scanned_note = Document("scan.pdf", text="LIEFERSCHEIN\nNr. 2231", ocr=True)
    assert _title_of(scanned_note, VOCAB).kind == "shipping_notice"  # a whole word is still read
