"""An order in a language mailflow has no words for is still never dropped: its shape gives it away.

A table of items whose quantity × price = amount, typed into a mail body in a legacy charset or
sent as an intranet page, makes the message a possible order (a Review row), while ordinary mail
with numbers (dates, phone numbers, a price in a sentence) stays plain mail. Messages go through
the real MIME parser and extractor.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from decimal import Decimal

import pytest
from pathlib import Path

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.shape import Row, _values, order_rows, text_rows
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult

POSSIBLE = "possible order, not recognised"


CORPUS_HTML = Path(__file__).parent / "corpus" / "wide" / "html"


def mail(
    subject: str,
    body: str,
    charset: str = "utf-8",
    sender: str = "Jan Novák <jan@odberatel.example>",
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    html: str | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "orders@example.com"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = f"<{abs(hash((subject, body)))}@odberatel.example>"
    if html is not None:
        message.set_content(html, subtype="html", charset=charset)
    else:
        message.set_content(body, charset=charset)
    for name, data, ctype in attachments:
        main, sub = ctype.split("/")
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message.as_bytes()


def parse(raw: bytes) -> ParseResult:
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23)))


def raised(result: ParseResult) -> bool:
    """The message reaches a person: an order, or a possible one."""
    return result.kind == "purchase_order" or (result.needs_review and any(POSSIBLE in w for w in result.warnings))


# Czech, Danish, Turkish, Lithuanian and Greek have language files; Turkmen and Malayalam do not: the
# rule must not need a single word of the language.


CZECH = """Dobrý den,

zasíláme závazně:

Kód       Název zboží           Množství   Cena/ks    Celkem
AB-100    Šroub M4x20 nerez     500 ks     1,20       600,00
CD-200    Matice M4 pozink      1 000 ks   0,35       350,00

Celkem bez DPH: 950,00 Kč
S pozdravem
Jan Novák
"""
DANISH = """Hej,

Hermed følgende:

Varenr.\tBeskrivelse\tAntal\tStk. pris\tBeløb
HX-2040\tKabelsæt 2 m\t250\t12,40\t3.100,00
HX-2041\tKabelsæt 3 m\t100\t15,90\t1.590,00

Venlig hilsen
Søren Østergaard
"""
TURKISH = """Merhaba,

Aşağıdaki ürünleri talep ediyoruz:

Ürün Kodu  Açıklama              Miktar  Birim Fiyat  Tutar
TR-501     Çelik braket 40 mm    300     4,75         1.425,00
TR-502     Yay (basınç) Ø8       1.200   0,62         744,00

Saygılarımızla,
Ayşe Yılmaz
"""
LITHUANIAN = """Laba diena,

Kodas      Pavadinimas            Kiekis   Kaina    Suma
LT-100     Varžtas M4x20          500      1,20     600,00
LT-200     Veržlė M4              1 000    0,35     350,00

Pagarbiai,
Jonas Žukauskas
"""
TURKMEN = """Salam,

Haryt kody  Ady                    Mukdary  Bahasy   Jemi
TM-100      Nurbat M4x20           500      1,20     600,00
TM-200      Gaýka M4               1 000    0,35     350,00

Hormat bilen,
Aýna Nurmyradowa
"""
GREEK = """Καλημέρα σας,

Κωδικός    Περιγραφή              Ποσότητα   Τιμή     Αξία
GR-100     Βίδα M4x20             500        1,20     600,00
GR-200     Παξιμάδι M4            1.000      0,35     350,00

Με εκτίμηση,
Γιώργος Παπαδόπουλος
"""
MALAYALAM = """നമസ്കാരം,

കോഡ്      വിവരണം                 അളവ്      വില     ആകെ
ML-100     സ്ക്രൂ M4x20             500        1,20     600,00
ML-200     നട്ട് M4                1.000      0,35     350,00

നന്ദി,
രാജേഷ് നായർ
"""


@pytest.mark.parametrize(
    "subject, body, charset",
    [
        ("Zboží prosinec", CZECH, "iso-8859-2"),
        ("Varer til december", DANISH, "iso-8859-1"),
        ("Aralık ürünleri", TURKISH, "iso-8859-9"),
        ("Gruodžio prekės", LITHUANIAN, "iso-8859-13"),
        ("Δεκέμβριος", GREEK, "iso-8859-7"),
    ],
)
def test_an_order_table_in_a_legacy_charset_reaches_a_person(subject, body, charset):
    raw = mail(subject, body, charset=charset)
    assert f'charset="{charset}"' in raw.decode("ascii", "replace")  # really sent in the legacy charset
    result = parse(raw)
    assert raised(result), (result.kind, result.warnings, result.explain)
    assert result.needs_review  # nothing calls it an order and it names no PO number


@pytest.mark.parametrize(
    "body, charset, first",
    [(TURKMEN, "iso-8859-1", "500 × 1,20 = 600,00"), (MALAYALAM, "utf-8", "500 × 1,20 = 600,00")],
)
def test_without_a_word_of_the_language_the_order_is_read_by_its_shape_and_flagged(body, charset, first):
    result = parse(mail("Prekės", body, charset=charset))
    assert result.kind == "purchase_order" and result.needs_review
    assert [(ln.quantity, ln.unit_price, ln.amount) for ln in result.order.lines] == [
        (500, Decimal("1.20"), Decimal("600.00")),
        (1000, Decimal("0.35"), Decimal("350.00")),
    ]
    reason = next(w for w in result.warnings if "quantity × price = amount" in w)
    assert "a person checks them" in reason and body.splitlines()[2].split()[0] in reason


def test_a_czech_body_order_is_read_with_its_total_in_crowns():
    result = parse(mail("Zboží prosinec", CZECH, charset="iso-8859-2"))
    assert result.kind == "purchase_order" and result.order is not None
    assert [(ln.item, ln.quantity, ln.amount) for ln in result.order.lines] == [
        ("AB-100", 500, Decimal("600.00")),
        ("CD-200", 1000, Decimal("350.00")),
    ]
    assert result.order.total == Decimal("950.00")  # "950,00 Kč": crowns, not thousands


def test_an_intranet_page_attached_in_czech_reaches_a_person():
    page = (
        "<html><head><meta charset='iso-8859-2'><title>Intranet</title></head><body>"
        "<h2>Požadavek č. 2026/118</h2><table border=1>"
        "<tr><th>Položka</th><th>Popis</th><th>Množství</th><th>Cena</th><th>Celkem</th></tr>"
        "<tr><td>AB-100</td><td>Šroub M4</td><td>500</td><td>1,20</td><td>600,00</td></tr>"
        "</table></body></html>"
    ).encode("iso-8859-2")
    raw = mail("Požadavek", "Viz příloha.", attachments=(("pozadavek.htm", page, "text/html"),))
    assert raised(parse(raw))


def test_an_html_body_table_in_an_unknown_language_reaches_a_person():
    html = (
        "<html><body><p>Hej,</p><table>"
        "<tr><td>Varenr.</td><td>Beskrivelse</td><td>Antal</td><td>Pris</td><td>Beløb</td></tr>"
        "<tr><td>HX-2040</td><td>Kabelsæt</td><td>250</td><td>12,40</td><td>3.100,00</td></tr>"
        "<tr><td>HX-2041</td><td>Kabelsæt</td><td>100</td><td>15,90</td><td>1.590,00</td></tr>"
        "</table></body></html>"
    )
    assert raised(parse(mail("Varer", "", html=html, charset="iso-8859-1")))


@pytest.mark.parametrize(
    "body",
    [
        "Hi Anna,\n\nthe meeting moves to 23.11.2026 at 10:30, room 4.\nCall me on +420 602 123 456.\n\nJan",
        "Hello,\n\nwe sold 3 units last week, 25% more than in 2024. Budget for 3 people = 4,500 EUR.\n",
        "Flight LH 1234 departs 12:40 from gate 23, seat 14C; return 30.11.2026 18:05.\n",
        "Results 2026\nQ1  120  130  140\nQ2  150  160  170\nQ3  110  115  120\n",  # figures, no items
        "Dear all,\nplease find the agenda:\n1. Budget 2027\n2. Hiring (3 people)\n3. AOB\n",
    ],
)
def test_ordinary_mail_with_numbers_stays_plain_mail(body):
    result = parse(mail("Update", body, sender="Anna <anna@friend.example>"))
    assert result.kind == "other" and not result.needs_review, result.warnings


def test_one_sum_in_a_sentence_is_not_an_order():
    rows = text_rows("We booked 3 rooms at 120 EUR, 360 EUR in all.\nSee you then.", "body")
    assert order_rows(rows) is None


def test_one_line_under_a_header_of_words_is_an_order():
    rows = text_rows("Varenr  Beskrivelse  Antal  Pris  Beløb\nAB-100  Skrue  500  1,20  600,00", "body")
    found = order_rows(rows)
    assert found is not None and found.rows == ["body line 2"]


def test_one_line_with_its_amount_repeated_as_the_total_is_an_order():
    rows = text_rows("AB-100 Šroub M4 500 ks 1,20 600,00\n\nCelkem 600,00", "body")
    assert order_rows(rows) is not None


def test_trivial_arithmetic_proves_nothing():
    rows = [Row("r1", ["Widget", 1, "5.00", "5.00"]), Row("r2", ["Gadget", 1, "7.50", "7.50"])]
    assert order_rows(rows) is None


def test_spreadsheet_cells_are_numbers_already():
    from decimal import Decimal

    rows = [
        Row("row 1", ["HX-2040", 500, Decimal("0.40"), Decimal("200.00")]),
        Row("row 2", ["HX-2041", 250, 1.5, 375]),
    ]
    assert order_rows(rows) is not None


@pytest.mark.parametrize(
    "raw, values",
    [
        ("1.234,50", {"1234.50"}),
        ("1,234.50", {"1234.50"}),
        ("1,234", {"1234", "1.234"}),
        ("12,5", {"12.5"}),
        ("1 234,50", {"1234.50"}),
        ("23.11.2026", set()),
        ("1.2.3", set()),
        ("1,19,237.00", {"119237.00"}),  # Indian lakh grouping
        ("12,34,567", {"1234567"}),
    ],
)
def test_numbers_are_read_in_either_convention(raw, values):
    assert {str(v) for v in _values(raw)} == values


def test_an_indian_order_with_amounts_in_lakhs_reaches_a_person():
    """Amounts grouped in lakhs (₹1,48,500.00), fields parted by dashes, in Bengali: every line
    must still count (its dashes and rupee signs are not words that make it a sentence), or an
    order whose lines pass a lakh is taken for plain mail."""
    body = (
        "নমস্কার,\n\nনিম্নলিখিত মাল পাঠান। অর্ডার নং: KB/PO/2291\n\n"
        "1) PN-4410 — Pump impeller 90 mm cast iron GG25 — পরিমাণ 300 পিস — দর ₹495.00 — মোট ₹1,48,500.00\n"
        "2) GS-1208 — Gasket set DN50 PN16 EPDM food grade — পরিমাণ 2,500 পিস — দর ₹62.40 — মোট ₹1,56,000.00\n\n"
        "সর্বমোট: ₹3,04,500.00\n\nধন্যবাদ\n"
    )
    assert raised(parse(mail("অর্ডার KB/PO/2291", body, sender="Kolkata Pumps <buy@kolkatapumps.example>")))


def test_an_order_that_speaks_of_invoices_in_a_language_without_titles_reaches_a_person():
    """Lithuanian for "invoice" is not known, but the Swedish and Polish "faktura" is: an order
    that says twice where its invoice goes must not be taken for an invoice by those words."""
    page = (
        "<html><body><h2>Užsakymas 2026/118</h2>"
        "<p>Faktura: siųsti el. paštu</p><p>Faktura turi nurodyti užsakymo numerį.</p>"
        "<table><tr><th>Kodas</th><th>Pavadinimas</th><th>Kiekis</th><th>Kaina</th><th>Suma</th></tr>"
        "<tr><td>LT-100</td><td>Varžtas M4</td><td>500</td><td>1,20</td><td>600,00</td></tr>"
        "<tr><td>LT-200</td><td>Veržlė M4</td><td>1000</td><td>0,35</td><td>350,00</td></tr>"
        "</table></body></html>"
    ).encode("utf-8")
    raw = mail(
        "Užsakymas",
        "Laba diena, žr. priedą.",
        sender="Jonas <jonas@pirkejas.example>",
        attachments=(("uzsakymas.html", page, "text/html"),),
    )
    result = parse(raw)
    assert raised(result), (result.kind, result.warnings, result.explain)


def test_one_word_of_inspection_does_not_hide_an_order_table():
    body = (
        "Добрый день!\n\nВходной контроль качества обязателен.\n\n"
        "Артикул    Наименование       Количество   Цена     Сумма\n"
        "RU-100     Винт M4            500          12,40    6 200,00\n"
        "RU-200     Гайка M4           1 000        3,50     3 500,00\n"
    )
    result = parse(mail("Позиции", body, charset="koi8-r", sender="Сергей <s@pokupatel.example>"))
    assert raised(result) or (result.needs_review and any(POSSIBLE in w for w in result.warnings)), result.warnings


# Lines typed by hand with their quantity first and their price last ("@ 4.50"), no amount on the
# line, and the total under them: the products add up to it. Malagasy has no language file.
PRICED_BY_HAND = """Manao ahoana,

Azafady alefaso ireto, baiko FM-5521:
12 sombiny FAN-80 (Ventilator 80 mm 12 V) @ $4.50
1,200 sombiny SCR-6 (Visy M6x20 A2) @ $0.045
40 sombiny GSK-90 (Fonja EPDM 90 mm) @ $2.15

Totaliny: $194.00 USD

Misaotra,
Rakoto
"""


def test_items_priced_by_hand_whose_products_make_the_total_reach_a_person():
    result = parse(mail("Baiko FM-5521", PRICED_BY_HAND, sender="Rakoto <rakoto@mpividy.example>"))
    assert raised(result), result.warnings
    assert any("add up to the total" in w and "12 × 4.50" in w for w in result.warnings), result.warnings


def test_one_item_priced_by_hand_counts_when_its_product_is_the_total():
    rows = text_rows("250 sombiny GM-60 (Motera 0.37 kW 1:20) @ $235.32\n\nTotaliny: $58,830.00", "body")
    found = order_rows(rows)
    assert found is not None and found.rows == ["body line 1"] and "250 × 235.32 = 58,830.00" in found.describe()


@pytest.mark.parametrize(
    "text",
    [
        "1 sombiny FAN-80 @ $50.00\nTotaliny: $50.00",  # one item of one: 1 × 50 = 50 proves nothing
        "12 sombiny FAN-80 @ $4.50\n40 sombiny GSK-90 @ $2.15\nTotaliny: $150.00",  # 54 + 86 is not 150
        "We booked 3 rooms at 120 EUR.\nSee you then.",  # nothing under it adds up
    ],
)
def test_items_priced_by_hand_that_do_not_make_a_total_below_are_no_order(text):
    assert order_rows(text_rows(text, "body")) is None


# Payment terms on an order ("Condizioni di pagamento: bonifico", "Syarat pembayaran: transfer")
# name the way of paying, as every order does: no word of them makes the order a payment advice.
TERMS_ON_ORDERS = [
    (
        "it",
        "Ordine di acquisto OA-7781",
        "Condizioni di pagamento: bonifico bancario 60 gg d.f.f.m.",
        "Codice",
        "Quantità",
    ),
    (
        "pt",
        "Pedido de compra PC-7781",
        "Condições de pagamento: transferência bancária, pagamento a 60 dias",
        "Código",
        "Quantidade",
    ),
    ("gl", "Pedido de compra PC-7781", "Forma de pagamento: transferencia, pagamento a 60 días", "Código", "Cantidade"),
    ("id", "Pesanan pembelian PO-7781", "Syarat pembayaran: transfer bank, pembayaran 30 hari", "Kode", "Kuantitas"),
    ("ms", "Pesanan belian PO-7781", "Terma bayaran: pindahan bank, bayaran dalam 30 hari", "Kod", "Kuantiti"),
    ("sw", "Agizo la ununuzi PO-7781", "Masharti ya malipo: malipo kwa benki ndani ya siku 30", "Msimbo", "Idadi"),
]


@pytest.mark.parametrize(
    ("lang", "subject", "terms", "code", "qty"), TERMS_ON_ORDERS, ids=[t[0] for t in TERMS_ON_ORDERS]
)
def test_payment_terms_on_an_order_do_not_make_it_a_payment_advice(lang, subject, terms, code, qty):
    body = (
        f"{subject}\n\n{terms}\n\n"
        f"{code:<12}{qty:>12}{'Preço/Price':>14}{'Total':>14}\n"
        f"{'BRG-608ZZ':<12}{'5000':>12}{'0.24':>14}{'1200.00':>14}\n"
        f"{'VAL-1783':<12}{'50':>12}{'6.15':>14}{'307.50':>14}\n"
        f"{'':<12}{'':>12}{'Total':>14}{'1507.50':>14}\n"
    )
    rows = [line.split() for line in body.splitlines()[4:]]
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    page = f"<html><body><h2>{subject}</h2><p>{terms}</p><table>{cells}</table></body></html>"
    for raw in (mail(subject.split()[-1], body), mail(subject.split()[-1], "", html=page)):
        result = parse(raw)
        assert result.kind == "purchase_order", (result.kind, result.warnings)


def test_an_italian_order_page_whose_terms_say_bonifico_is_an_order():
    """The wide corpus's Italian order with its totals in a table beside the lines, as the HTML of
    a mail: "Condizioni di pagamento: Bonifico" is how it will be paid, not a payment made."""
    page = (CORPUS_HTML / "it-totals-placed-side-table-2.html").read_text(encoding="utf-8")
    result = parse(mail("OA/6551/26", "", html=page))
    assert result.kind == "purchase_order", (result.kind, result.warnings)
