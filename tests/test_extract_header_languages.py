"""Header fields of buyers in the languages added last (Baltic, Slovene, Slovak, Bulgarian,
Serbian, Ukrainian), digits typed in Arabic-Indic or Persian in workbooks and PDFs, companies
whose legal form comes first or whose name holds a street word, and terms that are no terms."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.classify import document_title
from mailflow.extract.document import Line
from mailflow.extract.fields import read_fields, total_rank
from mailflow.extract.normalize import find_currency, find_date, guess_decimal_comma
from mailflow.extract.parties import (
    Evidence,
    PartyBlock,
    _has_legal_form,
    _is_name,
    _legal_forms,
    _legal_names,
    decide_customer,
    party_blocks,
)
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
OPTS = Options(today=dt.date(2026, 11, 22))
LEGAL = _legal_forms(VOCAB)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def values(*lines: list[str], opts: Options = OPTS) -> dict:
    found = read_fields(
        [Line(list(segs), "PO.pdf p1", [100.0 * i for i in range(len(segs))]) for segs in lines], VOCAB, opts
    )
    return {name: f.value for name, f in found.items()}


def parse(name: str, content_type: str, data: bytes):
    attachment = Attachment(name, content_type, data, original_filename=name)
    message = Message(
        "0" * 64, len(data), "<h@x>", subject="Order", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=dt.date(2026, 11, 22)))


# ------------------------------------------------------------------ long dates


@pytest.mark.parametrize(
    "text",
    [
        "2026. gada 14. novembris",  # Latvian: the year, "gada", the day, the month
        "2026. gada 14. novembrī",  # ... the month in the locative
        "2026. g. 14. novembrī",
        "2026 m. lapkričio 14 d.",  # Lithuanian: "m." after the year, "d." after the day
        "14. novembra 2026",  # Slovak
        "14. november 2026",  # Slovenian, Estonian
        "14 ноември 2026 г.",  # Bulgarian
        "14. новембар 2026.",  # Serbian
        "14 листопада 2026 р.",  # Ukrainian
    ],
)
def test_long_dates_of_the_new_languages(text):
    assert find_date(text, OPTS.today, "DMY").value == dt.date(2026, 11, 14)


def test_a_ukrainian_page_count_is_no_date():
    # "лист." abbreviates листопад (November) but is the word for a sheet
    assert find_date("Лист 1 з 2", OPTS.today, "DMY").value is None


# ------------------------------------------------------------------ titles and labels


@pytest.mark.parametrize(
    "text, kind",
    [
        ("NAROČILNICA št. 2026-118", "purchase_order"),
        ("Pasūtījums Nr. PAS-2231", "purchase_order"),
        ("UŽSAKYMAS Nr. 118", "purchase_order"),
        ("OSTUTELLIMUS", "purchase_order"),
        ("ПОРЪЧКА № 118", "purchase_order"),
        ("НАРУЏБЕНИЦА бр. 118", "purchase_order"),
        ("ЗАМОВЛЕННЯ № 118", "purchase_order"),
        ("Rēķins Nr. 118", "invoice"),
        ("ФАКТУРА № 118", "invoice"),
    ],
)
def test_titles_of_the_new_languages(text, kind):
    assert document_title(text, VOCAB).kind == kind


def test_labels_of_the_new_languages_read_their_values():
    found = values(
        ["Pasūtījuma numurs:", "PAS-48213"],
        ["Pasūtījuma datums:", "2026. gada 14. novembris"],
        ["Piegādes datums:", "2026. gada 9. decembris"],
        ["Kopā apmaksai:", "1 452,00 EUR"],
        opts=Options(today=OPTS.today, decimal_comma=True),
    )
    assert found["po_number"] == "PAS-48213"
    assert found["po_date"] == dt.date(2026, 11, 14)
    assert found["delivery_date"] == dt.date(2026, 12, 9)
    assert found["total"] == (Decimal("1452.00"), "EUR")
    found = values(["Номер на поръчка:", "ПР-18186"], ["Срок на доставка:", "9 декември 2026 г."])
    assert found == {"po_number": "ПР-18186", "delivery_date": dt.date(2026, 12, 9)}
    assert values(["Broj narudžbenice:", "NB-2291/26"])["po_number"] == "NB-2291/26"
    assert values(["Užsakymo numeris:", "UZS-7781"])["po_number"] == "UZS-7781"


def test_traditional_chinese_order_date_and_tax_inclusive_total():
    found = values(["訂購日期", "民國115年10月25日"], ["含稅總計", "TWD 238,980"])
    assert found == {"po_date": dt.date(2026, 10, 25), "total": (Decimal("238980"), "TWD")}
    assert VOCAB.is_row("subtotal", "未稅合計") and VOCAB.is_row("total", "含稅總計")


def test_gross_and_net_sums_of_the_new_languages():
    assert [total_rank(label) for label in ("Skupaj z DDV", "Kopā apmaksai", "Iš viso su PVM", "Общо с ДДС")] == [2] * 4
    assert [total_rank(label) for label in ("Skupaj brez DDV", "Kopā bez PVN", "Разом без ПДВ", "Основица")] == [0] * 4


def test_currency_signs_written_after_the_amount():
    assert find_currency("1 250,00 лв.").value == "BGN"
    assert find_currency("12.500,00 дин.").value == "RSD"
    assert find_currency("4 800,00 грн").value == "UAH"
    assert find_currency("KWD · د.ك").value == "KWD"
    assert find_currency("один").value is None  # "дин" inside a word is no dinar


# ------------------------------------------------------------------ companies


@pytest.mark.parametrize(
    "name",
    [
        "SIA Daugavas Metāls",
        "UAB Nemuno Gamyba",
        "AS Tallinna Vesi",
        "Công ty TNHH Cơ khí Chính xác Minh Phát",
        "CÔNG TY TNHH THƯƠNG MẠI HOÀNG LONG",
        "Harbor Street Foods Inc.",
        "Mill Road Engineering Ltd",
        "Al Noor Trading W.L.L.",
    ],
)
def test_a_company_whose_form_comes_first_or_whose_name_has_a_street_word(name):
    assert _legal_names(name, LEGAL) == [name]


@pytest.mark.parametrize("text", ["AS PER QUOTATION", "12 Harbor Street", "Bahnhofstrasse 12", "Via Roma 5"])
def test_sentences_and_streets_are_still_no_company(text):
    assert _legal_names(text, LEGAL) == []
    assert not _has_legal_form(text, LEGAL) or not _is_name(text)


def test_a_company_signed_for_is_the_company():
    assert _legal_names("For Uellow W.L.L", LEGAL) == ["Uellow W.L.L"]


# ------------------------------------------------------------------ terms and numbers


def test_payment_terms_that_are_only_a_separator_are_no_terms():
    # "Payment Terms · شروط الدفع:" is the label in two languages; its value is in the next cell
    found = values(["Payment Terms · شروط الدفع:", "Net 30 days"])
    assert found["payment_terms"] == "Net 30 days"
    assert "payment_terms" not in values(["Payment terms:", "·"])
    assert values(["Payment:", "30 days · 30 يوم"])["payment_terms"] == "30 days"


def test_a_number_under_the_title_on_a_line_of_its_own():
    found = values(["PURCHASE ORDER"], ["No."], ["P00001284"])
    assert found["po_number"] == "P00001284"


def test_quantities_grouped_with_dots_beside_dotted_dates():
    # a call-off has no prices: its "5.000" is five thousand where dates are written 17.12.2026
    assert guess_decimal_comma("CAB-8366  Kabelverschraubung  5.000  17.12.2026") is True
    assert guess_decimal_comma("CAB-8366  Cable gland  5.000  12/17/2026") is None
    assert guess_decimal_comma("5.000  17.12.2026  1,250") is None


# ------------------------------------------------------------------ Arabic-Indic digits in files


def test_a_workbook_typed_in_arabic_indic_digits():
    wb = Workbook()
    ws = wb.active
    ws.append(["Al Noor Trading W.L.L."])
    ws.append(["PURCHASE ORDER · أمر شراء"])
    ws.append(["PO No. · رقم أمر الشراء", "٤٥٠٠١٢٣٤٥٦"])
    ws.append(["PO Date · تاريخ الأمر", "١٤/١١/٢٠٢٦"])
    ws.append(["Currency · العملة", "KWD"])
    ws.append([])
    ws.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    ws.append(["GH-101", "Smart watch", "٥٠", "٩٫٢٥٠", "٤٦٢٫٥٠٠"])
    ws.append(["GH-102", "Wireless earbuds", "١٢٠", "٤٫١٠٠", "٤٩٢٫٠٠٠"])
    ws.append(["", "", "", "Total", "٩٥٤٫٥٠٠"])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = parse("po.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer.getvalue())
    order = result.order
    assert order.po_number == "4500123456"
    assert order.po_date == dt.date(2026, 11, 14)
    assert order.total == Decimal("954.500")
    assert [(line.quantity, line.unit_price) for line in order.lines] == [
        (Decimal("50"), Decimal("9.250")),
        (Decimal("120"), Decimal("4.100")),
    ]


def test_a_pdf_typed_in_persian_digits():
    pdfmetrics.registerFont(TTFont("DejaVuTest", FONT))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("DejaVuTest", 9)
    c.drawString(40, 800, "Pars Sanat Co.")
    c.drawString(400, 800, "PURCHASE ORDER")
    for k, (label, value) in enumerate(
        [("PO No.:", "۴۵۰۰۹۸۷۶۵۴"), ("PO Date:", "۱۴/۱۱/۲۰۲۶"), ("Delivery Date:", "۲۰/۱۲/۲۰۲۶")]
    ):
        c.drawString(40, 760 - 14 * k, label)
        c.drawString(160, 760 - 14 * k, value)
    c.showPage()
    c.save()
    order = parse("po.pdf", "application/pdf", buffer.getvalue()).order
    assert order.po_number == "4500987654"
    assert order.po_date == dt.date(2026, 11, 14)
    assert order.delivery_date == dt.date(2026, 12, 20)


def ambiguities(*lines: list[str]) -> dict:
    found = read_fields(
        [Line(list(segs), "PO.pdf p1", [100.0 * i for i in range(len(segs))]) for segs in lines], VOCAB, OPTS
    )
    return {name: (f.value, f.ambiguous) for name, f in found.items()}


@pytest.mark.parametrize(
    "terms, why",
    [
        ("Net 30 days from", "goes on"),  # the rest is on the next line
        ("30 Tage nach", "goes on"),
        ("FOB Shanghai", "says nothing of paying"),  # another field's value beside the label
        ("UPS Ground", "says nothing of paying"),
        ("Net 30 days after receipt of the goods and of a correct invoice quoting our order number", "run on"),
    ],
)
def test_payment_terms_a_label_does_not_support_go_to_a_person(terms, why):
    value, ambiguous = ambiguities(["Payment terms:", terms])["payment_terms"]
    assert value == terms and why in ambiguous


@pytest.mark.parametrize("terms", ["Net 30 days", "T/T in advance", "货到付款", "Due on receipt", "30 Tage netto"])
def test_payment_terms_that_speak_of_paying_are_taken(terms):
    assert ambiguities(["Payment terms:", terms])["payment_terms"] == (terms, "")


def test_a_total_line_with_amounts_before_and_after_tax():
    # net + tax = gross: the gross is the order's total
    assert ambiguities(["Total", "1,000.00", "190.00", "1,190.00"])["total"] == ((Decimal("1190.00"), None), "")
    # two amounts nothing relates: a person says which the order is for
    value, ambiguous = ambiguities(["Total", "1,000.00", "1,190.00"])["total"]
    assert value == (Decimal("1000.00"), None) and "several amounts" in ambiguous
    # a count of pieces before the money is no total, but which is which a person confirms
    value, ambiguous = ambiguities(["Total", "130", "5,000.00"])["total"]
    assert value == (Decimal("5000.00"), None) and "130" in ambiguous


def test_letters_before_zero_padded_digits_are_one_number():
    assert ambiguities(["P.O. Number:", "RS 0012697"])["po_number"] == ("RS0012697", "")
    assert ambiguities(["PO No:", "NW 4411"])["po_number"][0] == "4411"


@pytest.mark.parametrize(
    "words, amount, currency",
    [
        ("Twelve thousand five hundred euros", Decimal("12500"), "EUR"),
        ("US Dollars One Thousand Two Hundred and 50/100 only", Decimal("1200.50"), "USD"),
        ("One hundred and five dollars and twenty cents", Decimal("105.20"), None),
        ("Kuwaiti Dinars One Thousand One Hundred Fifty Four and Five Hundred Fils only", Decimal("1154.500"), None),
    ],
)
def test_a_total_written_only_in_words_is_read_and_asked_about(words, amount, currency):
    value, ambiguous = ambiguities(["Total:", words])["total"]
    assert value[0] == amount and "only in words" in ambiguous
    if currency:
        assert value[1] == currency


def test_words_that_are_no_amount_are_no_total():
    assert "total" not in ambiguities(["Total:", "two boxes of screws"])
    assert "total" not in ambiguities(["Total:", "see attached"])


# ------------------------------------------------------------------ the letterhead without a legal form


def decided(**evidence):
    return decide_customer(Evidence(**evidence), VOCAB).customer


def test_a_letterhead_its_own_printed_address_spells_is_the_customer():
    top = ["PILGRIM'S PRIDE PURCHASING", "Purchase order", "Our Email", "Z20confirmations@pilgrims.com"]
    assert decided(top_lines=top) == "PILGRIM'S PRIDE PURCHASING"
    # an address that spells something else confirms nothing
    assert decided(top_lines=["NORTHWIND PURCHASING", "orders@example-mail.example"]) is None
    # the title is no name
    assert decided(top_lines=["Purchase Order", "orders@purchase-order.example"]) is None


def test_a_branch_under_bill_to_that_starts_with_the_letterhead():
    block = PartyBlock("Bill To", "company", ["Panel Truss East", "PO Box 817", "Henderson, TX 75653"], "po.pdf p1")
    assert decided(top_lines=["Panel Truss", "Purchase Order  Town604"], blocks=[block]) == "Panel Truss East"
    assert decided(top_lines=["Harbor Freight", "Purchase Order"], blocks=[block]) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("1 000 eiro", "EUR"),
        ("Iš viso: 1 250,00 eurų", "EUR"),
        ("100 евро", "EUR"),
        ("1 200 лева", "BGN"),
        ("4 800 гривень", "UAH"),
        ("Kuwaiti Dinars One Thousand", "KWD"),
        ("UAE Dirhams 2,500", "AED"),
    ],
)
def test_currency_names_of_the_new_languages(text, code):
    assert find_currency(text).value == code


def test_the_order_date_after_its_number_in_the_new_languages():
    assert values(["Замовлення № ЗМ-57418 від 14.11.2026"]) == {
        "po_number": "ЗМ-57418",
        "po_date": dt.date(2026, 11, 14),
    }
    assert values(["Naročilnica št. 2026-118 z dne 14. 11. 2026"])["po_date"] == dt.date(2026, 11, 14)


def test_our_order_number_is_the_po_number():
    assert values(["Your ref: Q-2231", "Our order: 4411"]) == {"po_number": "4411"}


def test_terms_that_go_on_are_completed_from_their_column():
    lines = [
        Line(
            ["Payment Terms", "NET 60 based on Receipt of", "Tax ID", "440301710936858"],
            "po.pdf p1",
            [29, 163, 304, 438],
        ),
        Line(["Goods"], "po.pdf p1", [163.0]),
        Line(["Supplier"], "po.pdf p1", [304.0]),
    ]
    found = read_fields(lines, VOCAB, OPTS)["payment_terms"]
    assert (found.value, found.ambiguous) == ("NET 60 based on Receipt of Goods", "")
    lines = [
        Line(["Payment Terms: NET 60 DAYS FROM"], "po.pdf p1", [400.5]),
        Line(["DATE OF INVOICE"], "po.pdf p1", [467.7]),
        Line(["RECEIPT"], "po.pdf p1", [467.7]),
    ]
    found = read_fields(lines, VOCAB, OPTS)["payment_terms"]
    assert found.value == "NET 60 DAYS FROM DATE OF INVOICE" and "may go on" in found.ambiguous


def test_the_conditions_prose_after_the_word_payment_is_no_terms():
    prose = "This is without prejudice to any right of rejection or other right which Buyer may have in this Order"
    assert "payment_terms" not in values(["Payment:", prose])


def test_a_date_printed_without_its_year_is_read_and_asked_about():
    us = Options(today=dt.date(2026, 11, 22), date_order="MDY")
    found = read_fields(
        [
            Line(["Date Ordered:", "2/4"], "po.pdf p1", [0.0, 100.0]),
            Line(["Date Needed:", "2/16"], "po.pdf p1", [0.0, 100.0]),
        ],
        VOCAB,
        us,
    )
    assert found["po_date"].value == dt.date(2026, 2, 4) and "no year" in found["po_date"].ambiguous
    assert found["delivery_date"].value == dt.date(2027, 2, 16) and "no year" in found["delivery_date"].ambiguous
    # nothing says which of 2 and 4 is the month: no date
    assert "po_date" not in read_fields([Line(["Date Ordered:", "2/4"], "po.pdf p1", [0.0, 100.0])], VOCAB, OPTS)


def test_a_page_foot_under_the_vendor_block_is_not_the_vendor():
    lines = [
        Line(["Vendor: Example Manufacturing Co., Ltd."], "po.pdf p1", [40.0]),
        Line(
            ["Harbor Point Instruments Inc. · PO Number PO-385625", "Continued on next page"],
            "po.pdf p1",
            [40.0, 470.0],
        ),
    ]
    blocks = party_blocks(lines, VOCAB, {"supplier": ["vendor"]})
    assert [block.lines for block in blocks] == [["Example Manufacturing Co., Ltd."]]
