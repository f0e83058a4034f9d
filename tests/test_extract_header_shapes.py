"""Header fields read by their shape where no vocabulary knows the label: a PO number beside a
sign for "number" in any language, payment terms as a number of days with a word of paying,
the one currency written beside the amounts; and the doubts such readings carry."""

import datetime as dt
import importlib
import io
from decimal import Decimal
from email.message import EmailMessage

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.extract.document import Line
from mailflow.extract.normalize import TOTAL_LINE_CHARS
from mailflow.extract.fields import read_fields, shaped_po_number, terms_by_shape
from mailflow.extract.interpret import _unknown_money_mark
from mailflow.extract import numberwords
from mailflow.extract.numberwords import amount_in_european_words
from mailflow.extract.parties import _legal_forms, _legal_names, company_name, looks_like_person
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message import parse as parse_mime
from mailflow.message import parse as parse_mime
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
OPTS = Options(today=dt.date(2026, 11, 22))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def lines(*rows: list[str]) -> list[Line]:
    return [Line(list(cells), "PO.pdf p1", [100.0 * i for i in range(len(cells))]) for cells in rows]


def pdf(head: list[tuple[str, str]], rows: list[list[str]], foot: list[str]) -> bytes:
    """A one-page order: label and value pairs, a lines table, words under it."""
    pdfmetrics.registerFont(TTFont("DejaVuShapes", FONT))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("DejaVuShapes", 9)
    y = 800
    for label, value in head:
        c.drawString(40, y, label)
        c.drawString(200, y, value)
        y -= 14
    y -= 20
    columns = [40, 110, 300, 360, 420, 500]
    for row in rows:
        for x, cell in zip(columns, row):
            c.drawString(x, y, cell)
        y -= 14
    y -= 20
    for text in foot:
        c.drawString(40, y, text)
        y -= 14
    c.showPage()
    c.save()
    return buffer.getvalue()


def parse(data: bytes, subject: str, sender: str = "ununuzi@kilimo.example"):
    attachment = Attachment("agizo.pdf", "application/pdf", data, original_filename="agizo.pdf")
    message = Message("0" * 64, len(data), "<s@x>", subject=subject, from_addr=sender, attachments=(attachment,))
    return parse_message(message, ParseContext(today=dt.date(2026, 11, 22)))


SWAHILI_ROWS = [
    ["Na.", "Msimbo", "Maelezo", "Idadi", "Bei", "Jumla"],
    ["1", "BRG-4410", "Fani 80 mm", "100", "12.50", "1,250.00"],
    ["2", "SCR-2209", "Skrubu M6", "500", "0.40", "200.00"],
]


# ------------------------------------------------------------------ the PO number


@pytest.mark.parametrize(
    "rows, number",
    [
        ([["Sargyt belgisi: TM-2026982"]], "TM-2026982"),  # a label and a colon (Turkmen)
        ([["Nr. narudžbe", "HR-2026/118"], ["Datum", "12.11.2026"]], "HR-2026/118"),  # "Nr." in a label cell
        ([["ഓർഡർ നമ്പർ: 4411"]], "4411"),  # Malayalam
        ([["Bestelbon", "Ref. 2026-4411"]], "2026-4411"),
        ([["Bíleggingarnummar", "FO-48812"]], "FO-48812"),  # a label cell, its value in the next (Faroese)
    ],
)
def test_a_po_number_beside_an_unknown_label_is_read_by_its_shape_and_said(rows, number):
    found = shaped_po_number(lines(*rows), VOCAB)
    assert found is not None and found.value == number
    assert "by its shape" in found.ambiguous  # never silently: the label says nothing known


def test_no_po_number_from_a_phone_a_tax_id_a_street_or_a_date():
    rows = [
        ["Hafnargata 12"],
        ["Sími: +354 555 1234"],
        ["Kt. 123456-7890"],
        ["VSK nr.: IS 123456"],
        ["Dags: 12.11.2026"],
    ]
    assert shaped_po_number(lines(*rows), VOCAB) is None


def test_the_code_the_subject_names_is_chosen_among_several():
    rows = [["Mteja Na.: KL-0042"], ["Agizo: SW-48812"]]
    found = shaped_po_number(lines(*rows), VOCAB, ("Agizo SW-48812",))
    assert found is not None and found.value == "SW-48812"
    found = shaped_po_number(lines(*rows), VOCAB)
    assert found is not None and found.value == "KL-0042"  # without the subject, the one with "Na."


def test_the_table_rows_are_not_the_head():
    rows = [["Agizo la ununuzi"], ["1", "BRG-4410", "100", "12.50", "1,250.00"], ["Ref: ZZ-9999"]]
    assert shaped_po_number(lines(*rows), VOCAB) is None


def test_a_swahili_pdf_is_read_by_its_words_with_its_number_its_terms_and_its_shilling():
    """Swahili is described (``languages/sw.yaml``): its labels name the values, none is read by
    its shape; the order still asks when it is due (no delivery date)."""
    data = pdf(
        [("AGIZO LA UNUNUZI", ""), ("Namba ya agizo:", "SW-48812"), ("Tarehe:", "12.11.2026")],
        SWAHILI_ROWS,
        ["Jumla kuu: KES 1,450.00", "Malipo: siku 30 baada ya ankara", "Kilimo Tools Ltd"],
    )
    result = parse(data, "Agizo SW-48812")
    order = result.order
    assert order is not None
    assert order.po_number == "SW-48812"
    assert order.payment_terms == "siku 30 baada ya ankara"
    assert order.currency == "KES" and order.total == Decimal("1450.00")
    assert not any("by its shape" in w for w in result.warnings)
    assert result.needs_review and any("no delivery date" in w for w in result.warnings)


# ------------------------------------------------------------------ payment terms


@pytest.mark.parametrize(
    "rows, terms",
    [
        ([["30 dagen netto"]], "30 dagen netto"),
        ([["Leverancier: Acme B.V."], ["60 dagen einde maand"]], "60 dagen einde maand"),
        ([["Zahlung", "innerhalb 45 Tagen netto"]], "innerhalb 45 Tagen netto"),
        ([["Pago: Transferencia a 60 días"]], "Transferencia a 60 días"),
        ([["Rok: 30 dni od prejema računa"]], "30 dni od prejema računa"),
        ([["Gjaldskilmálar", "30 dagar netto"]], "30 dagar netto"),  # Faroese
    ],
)
def test_terms_are_a_number_of_days_with_a_word_of_paying(rows, terms):
    found = terms_by_shape(lines(*rows), VOCAB)
    assert found is not None and found.value == terms


@pytest.mark.parametrize(
    "rows",
    [
        [["Lieferung innerhalb 30 Tagen netto"]],  # a lead time
        [["Angebot gültig 30 Tage"]],
        [["Die Rechnung ist innerhalb von 30 Tagen nach Erhalt der Ware ohne Abzug zu bezahlen, sonst"]],
        [["1", "FAN-80", "30 days", "12.50", "375.00"]],  # a row of the table
    ],
)
def test_no_terms_from_a_lead_time_an_offer_a_sentence_or_a_line(rows):
    assert terms_by_shape(lines(*rows), VOCAB) is None


def test_two_different_phrases_of_terms_are_said():
    found = terms_by_shape(lines(["30 dagen netto"], ["60 dagen netto"]), VOCAB)
    assert found is not None and found.value == "30 dagen netto" and "several" in found.ambiguous


def test_a_terms_label_whose_value_is_not_understood_is_flagged_not_lost():
    data = pdf(
        [
            ("Purchase Order", ""),
            ("PO Number:", "4500012345"),
            ("Payment terms:", "—"),
            ("Delivery date:", "20.12.2026"),
        ],
        [
            ["No.", "Item", "Description", "Qty", "Price", "Amount"],
            ["1", "BRG-4410", "Fan 80 mm", "100", "12.50", "1,250.00"],
        ],
        [],
    )
    result = parse(data, "PO 4500012345", "buyer@acme.example")
    assert result.order is not None and result.order.payment_terms is None
    assert any("payment terms' label" in w for w in result.warnings)


# ------------------------------------------------------------------ currency and total


def test_the_one_currency_beside_the_amounts_is_the_orders():
    data = pdf(
        [("Zamówienie", ""), ("Nr zamówienia:", "ZAM/118/2026")],
        [
            ["Lp.", "Indeks", "Opis", "Ilość", "Cena", "Wartość"],
            ["1", "BRG-4410", "Wentylator", "100", "12,50 zł", "1 250,00 zł"],
        ],
        ["Razem: 1 250,00 zł"],
    )
    order = parse(data, "Zamówienie ZAM/118/2026", "zakupy@wisla.example").order
    assert order is not None and order.currency == "PLN"


def test_a_count_before_the_total_is_said():
    found = read_fields(lines(["Total", "130", "5,000.00"]), VOCAB, OPTS)
    assert found["total"].value[0] == Decimal("5000.00")
    assert "130" in found["total"].ambiguous


# ------------------------------------------------------------------ parties


@pytest.mark.parametrize("name", ["김민수", "이영희 과장", "박 지훈"])
def test_a_korean_persons_name_is_a_person(name):
    assert looks_like_person(name, strict=True)


@pytest.mark.parametrize("name", ["대한정밀", "주식회사 한빛", "한빛정밀 주식회사"])
def test_a_korean_company_is_no_person(name):
    assert not looks_like_person(name, strict=True)


# ------------------------------------------------------------------ totals in words


@pytest.mark.parametrize(
    "words, amount",
    [
        ("zwölftausendfünfhundert Euro", "12500"),
        ("Eintausendzweihundertfünfundzwanzig Euro und fünfzig Cent", "1225.50"),
        ("douze mille cinq cents euros", "12500"),
        ("deux mille trois cent quatre-vingts euros et 50/100", "2380.50"),
        ("dos mil quinientos euros con cincuenta céntimos", "2500.50"),
        ("doze mil e quinhentos euros", "12500"),
        ("dodicimilacinquecento euro", "12500"),
        ("milleduecentotrentaquattro euro e 50/100", "1234.50"),
    ],
)
def test_a_total_in_words_of_five_languages_is_read_and_said(words, amount):
    found = read_fields(lines(["Total:", words]), VOCAB, OPTS)
    assert found["total"].value == (Decimal(amount), "EUR")
    assert "in words" in found["total"].ambiguous


@pytest.mark.parametrize("text", ["tre bulloni", "Lieferung frei Haus", "un", "quatre vis M6"])
def test_words_that_are_no_amount_make_no_total(text):
    assert amount_in_european_words(text) is None


# ------------------------------------------------------------------ a forwarded order's date

FORWARDED_ORDER = (
    "Purchase Order PO-4411\n\n"
    "Item      Description          Qty    Unit Price    Amount\n"
    "HX-2040   Hex standoff M4x20   500    3.20          1600.00\n"
    "KNB-21    Control knob 21 mm   200    0.50          100.00\n\n"
    "Total: USD 1700.00\n\n"
    "Dana Whitfield\nHarborline Outdoor Gear Inc.\n"
)


@pytest.mark.parametrize(
    "sent",
    ["Friday, November 13, 2026 4:05 PM", "Freitag, 13. November 2026 16:05", "2026年11月13日 16:05"],
)
def test_a_forwarded_order_is_dated_the_day_its_original_was_sent(sent):
    message = EmailMessage()
    message["From"] = "Anna Kovacs <anna.kovacs@example.com>"
    message["To"] = "orders@example.com"
    message["Subject"] = "FW: PO-4411"
    message["Date"] = "Sat, 14 Nov 2026 09:00:00 +0000"  # forwarded the day after
    message["Message-ID"] = "<fw-13@example.com>"
    block = f"From: Dana Whitfield <purchasing@harborline.example>\nSent: {sent}\nTo: Anna\nSubject: PO-4411\n\n"
    message.set_content("Please enter this one.\n\nAnna\n\n" + block + FORWARDED_ORDER)
    result = parse_message(
        parse_mime(message.as_bytes()),
        ParseContext(today=dt.date(2026, 11, 16), company=Company(domains=["example.com"])),
    )
    assert result.order is not None and result.order.po_date == dt.date(2026, 11, 13)


@pytest.mark.parametrize(
    "name",
    [
        "Αιγαίο Μηχανολογική Α.Ε.",
        "PT Sinar Teknik Mandiri",
        "Norðurljós Vélsmiðja ehf.",
        "Perintis Kejuruteraan Sdn. Bhd.",
        "Swartland Gietwerke (Edms) Bpk",
        "Adriatik Metal sh.p.k.",
        "Шар Алати ДООЕЛ",
        "Дала Техника ЖШС",
        "შპს კავკასია ტექნიკა",
        "Lion City Components Pte. Ltd.",
    ],
)
def test_a_legal_form_of_a_language_no_file_describes_makes_a_company(name):
    legal = _legal_forms(VOCAB)
    assert company_name(name, legal) and _legal_names(name, legal) == [name]
    assert not looks_like_person(name)


def test_a_po_number_the_subject_names_elsewhere_is_left_to_the_subject():
    rows = [["Ref.: ZZ-0042"]]
    assert shaped_po_number(lines(*rows), VOCAB, ("PO 4500012345",)) is None
    found = shaped_po_number(lines(*rows), VOCAB, ("Agizo la ununuzi",))
    assert found is not None and found.value == "ZZ-0042"


def test_amounts_in_a_currency_nobody_described_are_said():
    rows = lines(["1", "BRG-4410", "Lek 12.500,00", "Lek 1.250.000,00"], ["Total", "Lek 1.250.000,00"])
    mark = _unknown_money_mark(rows, OPTS)
    assert mark is not None and mark[0] == "Lek"
    assert _unknown_money_mark(lines(["1", "BRG-4410", "12.50 kg", "25.00 kg"]), OPTS) is None  # a measure
    assert _unknown_money_mark(lines(["1", "BRG-4410", "KES 12.50", "KES 25.00"]), OPTS) is None  # known


def test_terms_under_no_label_are_read_and_said_those_beside_one_are_read():
    alone = terms_by_shape(lines(["Kilimo Zana Ltd"], ["30 dagen netto"]), VOCAB)
    assert alone is not None and alone.value == "30 dagen netto" and "under no label" in alone.ambiguous
    beside = terms_by_shape(lines(["Zahlung", "innerhalb 45 Tagen netto"]), VOCAB)
    assert beside is not None and not beside.ambiguous


class _CountingWords(dict):
    looked = 0

    def __contains__(self, key):
        type(self).looked += 1
        return super().__contains__(key)


def test_a_word_glued_almost_of_number_words_is_cut_trying_each_place_once():
    """ "quatrevingtquatrevingt…z" is made of number words but one letter: every way of cutting it
    used to be tried again from each place (hours at 25 copies). Each place is now tried once,
    so the look-ups stay within the word's length squared; a word longer than any amount is not
    cut at all."""
    words = _CountingWords(numberwords._LANGUAGES["fr"])
    word = "quatrevingt" * 10 + "z"
    assert numberwords._split(word, words, set()) is None
    assert 0 < _CountingWords.looked <= len(word) ** 2
    _CountingWords.looked = 0
    assert numberwords._split("quatrevingt" * 400, words, set()) is None and _CountingWords.looked == 0
    assert numberwords._split("quatrevingtdix", words, set()) == ["quatrevingt", "dix"]
    assert amount_in_european_words("zwölftausendfünfhundert Euro") == 12500


def test_a_long_line_is_not_searched_for_a_total(monkeypatch):
    """Finding the number that ends a line is quadratic in its length ("1 1 1 … x" of 32 kB took
    two minutes): lines longer than any total's are skipped by both readers that look for one."""
    body = importlib.import_module("mailflow.extract.body")
    interpret = importlib.import_module("mailflow.extract.interpret")  # the package's name is the function

    searched: list[int] = []

    class Recording:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text):
            searched.append(len(text))
            return self.pattern.search(text)

    monkeypatch.setattr(body, "_LAST_NUMBER", Recording(body._LAST_NUMBER))
    monkeypatch.setattr(interpret, "_LAST_NUMBER", Recording(interpret._LAST_NUMBER))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "buyer@cust.example", "orders@example.com", "Pedido 4711"
    message.set_content(
        "Code  Qty  Price  Amount\nAB-100  10  2.50  25.00\nCD-200  4  5.00  20.00\n"
        + "1 " * 4000
        + "x!\nJemi 45.00\n"  # a total under a label no file describes (Turkmen)
    )
    ctx = ParseContext(today=dt.date(2026, 11, 16), company=Company(domains=["example.com"]))
    result = parse_message(parse_mime(message.as_bytes()), ctx)
    assert searched and max(searched) <= TOTAL_LINE_CHARS
    assert result.kind == "purchase_order"
