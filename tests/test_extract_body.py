"""Orders typed into mail bodies: tables by their columns, numbers as buyers group them,
units read (never a word of the description), header facts in sentences, quoted mail and
signatures never lines."""

import datetime as dt
from decimal import Decimal

import pytest

from mailflow.config import Company
from mailflow.extract import ParseContext, parse_message
from mailflow.extract.normalize import parse_number
from mailflow.model import Message

TODAY = dt.date(2026, 11, 22)
OUR = Company(name="Example Manufacturing Co., Ltd.", domains=["example.com"])


def parse(text: str, html: str | None = None, subject: str = "Purchase order"):
    message = Message(
        "0" * 64,
        len(text),
        "<m@buyer.example>",
        subject=subject,
        from_addr="anna@buyer.example",
        from_name="Anna Berg",
        date=dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.timezone.utc),
        text=text,
        html=html,
    )
    return parse_message(message, ParseContext(today=TODAY, company=OUR))


def lines_of(result) -> list[tuple]:
    return [(ln.item, ln.description, ln.quantity, ln.unit, ln.unit_price, ln.amount) for ln in result.order.lines]


ALIGNED = """Hello,

PO Number: PO-771201
Order Date: 11/18/2026
Delivery Date: 12/15/2026

No.  Item      Description                    Qty Unit   Unit Price     Amount
 1   KNO-4917  Control knob ABS 21 mm       2 500 pcs          1.20   3,000.00
 2   HEX-2040  Hex standoff M4x10 2.5 mm      500 EA          0.085      42.50
 3   GLA-0906  Cable gland PG9 IP68 Ø 6 mm    100 sets         0.41      41.00

Total: 3,083.50

Best regards,
Anna Berg
Berg Components Inc.
"""


def test_aligned_columns_keep_the_numbers_of_descriptions():
    result = parse(ALIGNED)
    assert lines_of(result) == [
        ("KNO-4917", "Control knob ABS 21 mm", Decimal(2500), "pcs", Decimal("1.20"), Decimal("3000.00")),
        ("HEX-2040", "Hex standoff M4x10 2.5 mm", Decimal(500), "EA", Decimal("0.085"), Decimal("42.50")),
        ("GLA-0906", "Cable gland PG9 IP68 Ø 6 mm", Decimal(100), "sets", Decimal("0.41"), Decimal("41.00")),
    ]
    assert result.order.total == Decimal("3083.50")
    assert not result.needs_review, result.warnings


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_tab_cells_with_thousands_grouped_by_spaces(space):
    text = (
        "Numer zamówienia: ZAM/101/11/2026\nData zamówienia: 14.11.2026\nWaluta: PLN\n\n"
        "Lp.\tIndeks\tNazwa towaru\tIlość\tJ.m.\tCena jedn.\tWartość\n"
        f"1\tLED-2401\tLED driver 24 V 60 W IP65\t1{space}200\tszt.\t31,05\t37{space}260,00\n"
        f"2\tREL-3214\tRelay 24 V DC 10 A\t2{space}500\tszt.\t7,03\t17{space}575,00\n\n"
        f"Razem: 54{space}835,00\n"
    )
    result = parse(text, subject="Zamówienie")
    assert lines_of(result) == [
        ("LED-2401", "LED driver 24 V 60 W IP65", Decimal(1200), "szt.", Decimal("31.05"), Decimal("37260.00")),
        ("REL-3214", "Relay 24 V DC 10 A", Decimal(2500), "szt.", Decimal("7.03"), Decimal("17575.00")),
    ]
    assert result.order.total == Decimal("54835.00")


def test_pipe_table_and_swiss_apostrophes():
    text = (
        "Bestellnummer: 4500123456\nBestelldatum: 18.11.2026\nWährung: CHF\n\n"
        "| Pos | Artikel-Nr. | Bezeichnung | Menge | ME | Einzelpreis | Betrag |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | REL-1001 | Relais 24 V DC 10 A | 1'500 | Stk. | 1.85 | 2'775.00 |\n"
        "| 2 | ORI-1202 | O-Ring 12x2 NBR 70 | 12'000 | Stk. | 0.06 | 720.00 |\n\n"
        "Gesamtbetrag: 3'495.00\n"
    )
    result = parse(text, subject="Bestellung")
    assert lines_of(result) == [
        ("REL-1001", "Relais 24 V DC 10 A", Decimal(1500), "Stk.", Decimal("1.85"), Decimal("2775.00")),
        ("ORI-1202", "O-Ring 12x2 NBR 70", Decimal(12000), "Stk.", Decimal("0.06"), Decimal("720.00")),
    ]
    assert result.order.total == Decimal("3495.00")


def test_a_row_typed_with_single_spaces_is_read_from_its_end():
    """Pieces that do not fill the columns: the numbers are taken from the end of the row, and
    quantity x price = amount decides that "21 mm" is the description's and "1 500" one number."""
    text = (
        "PO Number: PO-771202\nOrder Date: 11/18/2026\n\n"
        "Item      Description                  Qty   Unit   Price    Amount\n"
        "KNO-4917 Control knob ABS 21 mm 1 500 pcs 1.20 1,800.00\n"
        "HEX-2040  Hex standoff M4x10            500  pcs    0.085    42.50\n"
    )
    result = parse(text)
    assert lines_of(result) == [
        ("KNO-4917", "Control knob ABS 21 mm", Decimal(1500), "pcs", Decimal("1.20"), Decimal("1800.00")),
        ("HEX-2040", "Hex standoff M4x10", Decimal(500), "pcs", Decimal("0.085"), Decimal("42.50")),
    ]


def test_a_column_headed_by_an_unknown_word_is_named_by_its_cells():
    text = (
        "PO Number: PO-771203\nOrder Date: 11/18/2026\n\n"
        "Code      Description          Qty  Enh   Price  Amount\n"
        "KNO-4917  Control knob 21 mm   100  st     1.20  120.00\n"
        "HEX-2040  Hex standoff M4x10   200  st     0.50  100.00\n"
    )
    assert [ln.unit for ln in parse(text).order.lines] == ["st", "st"]


def test_indian_grouping():
    assert parse_number("1,23,456.00") == Decimal("123456.00")
    assert parse_number("12,34,56,789") == Decimal("123456789")
    assert parse_number("1,2,456") is None


def test_quoted_order_and_signature_are_never_lines():
    text = (
        "New order below.\n\nPO Number: PO-900002\nOrder Date: 11/18/2026\n\n"
        "Item\tDescription\tQty\tUnit\tPrice\tAmount\n"
        "KNO-4917\tControl knob ABS 21 mm\t100\tpcs\t1.20\t120.00\n\n"
        "--\nAnna Berg\nBerg Components AB\nStorgatan 12, 111 22 Stockholm\nTel. +46 8 123 4567\nFax +46 8 123 4568\n\n"
        "On Mon, 9 Nov 2026 at 10:12, Anna Berg <anna@buyer.example> wrote:\n"
        "> PO Number: PO-900001\n"
        "> Item\tDescription\tQty\tUnit\tPrice\tAmount\n"
        "> HEX-2040\tHex standoff\t500\tpcs\t0.085\t42.50\n"
    )
    result = parse(text, subject="Re: new order")
    assert result.order.po_number == "PO-900002"
    assert [ln.item for ln in result.order.lines] == ["KNO-4917"]


def test_header_facts_in_sentences():
    text = (
        "Guten Tag,\n\nanbei unsere Bestellung Nr. 4512345678 vom 18.11.2026. Liefertermin: 24.12.2026. "
        "Zahlungsbedingungen: 30 Tage netto. Alle Preise in EUR.\n\n"
        "Artikel-Nr.\tBezeichnung\tMenge\tME\tEinzelpreis\tBetrag\n"
        "REL-1001\tRelais 24 V DC 10 A\t100\tStk.\t1,85\t185,00\n"
    )
    order = parse(text, subject="Bestellung").order
    assert order.po_number == "4512345678"
    assert order.po_date == dt.date(2026, 11, 18)
    assert order.delivery_date == dt.date(2026, 12, 24)
    assert order.payment_terms == "30 Tage netto"
    assert order.currency == "EUR"


def test_a_body_po_without_a_date_takes_the_emails_date():
    text = "PO Number: PO-771204\n\nItem\tDescription\tQty\tPrice\nKNO-4917\tControl knob\t100\t1.20\n"
    result = parse(text)
    assert result.order.po_date == dt.date(2026, 11, 19)
    assert any("Date header" in line for line in result.explain)


def test_list_entries_keep_the_description_whole():
    text = (
        "Please supply:\n\n"
        "1) KNO-4917 Control knob ABS 21 mm - 500 pcs @ USD 1.20\n"
        "2) HEX-2040 Hex standoff M4x10 - 1,200 pcs @ USD 0.085\n\n"
        "PO: PO-55121\n\nMike Stone\nStone Audio LLC\n"
    )
    result = parse(text)
    assert lines_of(result) == [
        ("KNO-4917", "Control knob ABS 21 mm", Decimal(500), "pcs", Decimal("1.20"), Decimal("600.00")),
        ("HEX-2040", "Hex standoff M4x10", Decimal(1200), "pcs", Decimal("0.085"), Decimal("102.000")),
    ]
    assert result.order.currency == "USD"


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("Lieferung bis spätestens 15. März 2027.", dt.date(2027, 3, 15)),
        ("Livraison avant le 15/03/2027, merci.", dt.date(2027, 3, 15)),
        ("Consegna entro il 15/03/2027.", dt.date(2027, 3, 15)),
        ("交货期：2027年3月15日", dt.date(2027, 3, 15)),
    ],
)
def test_delivery_dates_said_in_sentences(sentence, day):
    text = f"PO Number: PO-3001\nOrder Date: 11/18/2026\n{sentence}\n\nItem\tDescription\tQty\tPrice\nKNO-4917\tKnob\t100\t1.20\n"
    assert parse(text).order.delivery_date == day


def test_a_delivery_week_is_read_and_asked_about():
    text = "Bestell-Nr. 4500998877, Lieferung bis KW 3/2027.\n\nArtikel\tBezeichnung\tMenge\tPreis\nREL-1\tRelais\t100\t1,85\n"
    result = parse(text, subject="Bestellung")
    assert result.order.delivery_date == dt.date(2027, 1, 22)  # the Friday of ISO week 3
    assert result.needs_review
    assert any("calendar week" in w for w in result.warnings)


def test_rows_without_a_header_count_only_when_they_add_up():
    text = (
        "Hello Lisa,\n\nPurchase order 88123, please confirm.\n\n"
        "KNO-4917   Control knob ABS 21 mm      500 pcs    1.20    600.00\n"
        "HEX-2040   Hex standoff M4x10        1,200 pcs   0.085    102.00\n\n"
        "Total USD 702.00\n\nTom Reyes\nReyes Labs Inc.\nPhone +1 415 555 0199, 2200 Bay St, Suite 400\n"
    )
    result = parse(text)
    assert lines_of(result) == [
        ("KNO-4917", "Control knob ABS 21 mm", Decimal(500), "pcs", Decimal("1.20"), Decimal("600.00")),
        ("HEX-2040", "Hex standoff M4x10", Decimal(1200), "pcs", Decimal("0.085"), Decimal("102.00")),
    ]


def test_full_width_japanese_columns():
    text = (
        "注文番号：H2611555\n注文日：2026年11月18日\n納期：12月25日\n\n"
        "品番　　　　品名　　　　　　　　　数量　　単価　　　金額\n"
        "KNO-4917　　つまみ ABS 21 mm　　　５００個　　１２０　　６０，０００\n"
        "LED-2401　　LEDドライバ 24 V IP65　２０台　　５，２００　１０４，０００\n\n"
        "合計：１６４，０００円\n\n株式会社ヤマト精工\n"
    )
    result = parse(text, subject="注文書")
    assert [(ln.item, ln.description, ln.quantity, ln.unit, ln.amount) for ln in result.order.lines] == [
        ("KNO-4917", "つまみ ABS 21 mm", Decimal(500), "個", Decimal(60000)),
        ("LED-2401", "LEDドライバ 24 V IP65", Decimal(20), "台", Decimal(104000)),
    ]
    assert result.order.total == Decimal(164000)
    assert result.order.delivery_date == dt.date(2026, 12, 25)


def test_the_quoted_order_of_an_html_reply_is_not_read():
    new = (
        "<tr><td>KNO-4917</td><td>Control knob ABS 21 mm</td><td>100</td><td>pcs</td><td>1.20</td><td>120.00</td></tr>"
    )
    old = "<tr><td>HEX-2040</td><td>Hex standoff M4x10</td><td>500</td><td>pcs</td><td>0.085</td><td>42.50</td></tr>"
    head = "<tr><td>Item</td><td>Description</td><td>Qty</td><td>Unit</td><td>Price</td><td>Amount</td></tr>"
    html = (
        "<div><p>New order PO-900002 of 11/18/2026:</p>"
        f"<table>{head}{new}</table><p>Anna Berg<br>Berg Components Inc.</p></div>"
        "<div class=gmail_quote><div>On Mon, 9 Nov 2026 at 10:12, Anna Berg &lt;anna@buyer.example&gt; wrote:</div>"
        f"<blockquote><p>Order PO-900001</p><table>{head}{old}</table></blockquote></div>"
    )
    from mailflow.message.htmltext import html_to_text

    result = parse(html_to_text(html), html=html, subject="Re: new order")
    assert [ln.item for ln in result.order.lines] == ["KNO-4917"]
    assert result.order.po_number == "PO-900002"


def test_a_signature_right_under_the_table_is_not_a_wrapped_description():
    text = (
        "PO Number: PO-771205\nOrder Date: 11/18/2026\n\n"
        "Item      Description             Qty  Unit   Price  Amount\n"
        "KNO-4917  Control knob 21 mm      100  pcs     1.20  120.00\n"
        "          (black, knurled)\n"
        "Thanks, Tom Reyes, Reyes Labs Inc.\n"
    )
    assert [ln.description for ln in parse(text).order.lines] == ["Control knob 21 mm (black, knurled)"]


@pytest.mark.parametrize(
    ("said", "terms"),
    [
        ("Payment terms: net 30 days. All prices in EUR.", "net 30 days"),
        ("Payment terms: 30% deposit. Balance before shipment.", "30% deposit. Balance before shipment"),
        ("Zahlungsbedingungen: 30 Tg. Netto, 14 Tage 2% Skonto.", "30 Tg. Netto, 14 Tage 2% Skonto"),
    ],
)
def test_terms_in_a_sentence_end_where_the_next_sentence_stops_speaking_of_paying(said, terms):
    text = (
        f"Hello,\n\nplease find our order PO-77120 dated 18.11.2026. {said}\n\n"
        "Item\tDescription\tQty\tUnit\tPrice\tAmount\n"
        "REL-1001\tRelay 24 V DC 10 A\t100\tpcs\t1.85\t185.00\n"
    )
    assert parse(text, subject="Purchase order PO-77120").order.payment_terms == terms


# An order in a language no vocabulary knows: nothing but its shape says what is what.
TURKMEN = """Hormatly hyzmatdaş,

Aşakdaky harytlary ibermegiňizi haýyş edýäris.

Sargyt belgisi: PB-2026-0418
Senesi: 17/11/2026
Eltip bermeli senesi: 15/12/2026
Pul birligi: USD

T/b  Haryt kody  Ady                          Mukdary  Birligi  Bahasy      Jemi
  1  BRG-6080    Podşipnik 608ZZ                  400  sany          0.85     340.00
  2  SKR-0620    Nurbat M6x20 poslamaýan polat  2,500  sany          0.12     300.00
  3  PDK-0040    Berkidiji 40 mm                   60  toplum       14.50     870.00

Jemi bahasy: 1,510.00 USD

Hormat bilen,
Aýna Nurmyradowa
"""


def test_an_order_in_a_language_nobody_described_is_read_by_its_shape_and_flagged():
    result = parse(TURKMEN, subject="Sargyt PB-2026-0418")
    assert result.kind == "purchase_order"
    order = result.order
    assert lines_of(result) == [
        ("BRG-6080", "Podşipnik 608ZZ", Decimal(400), "sany", Decimal("0.85"), Decimal("340.00")),
        ("SKR-0620", "Nurbat M6x20 poslamaýan polat", Decimal(2500), "sany", Decimal("0.12"), Decimal("300.00")),
        ("PDK-0040", "Berkidiji 40 mm", Decimal(60), "toplum", Decimal("14.50"), Decimal("870.00")),
    ]
    assert order.po_number == "PB-2026-0418"
    assert (order.po_date, order.delivery_date) == (dt.date(2026, 11, 17), dt.date(2026, 12, 15))
    assert order.currency == "USD" and order.total == Decimal("1510.00")
    # every value read by its shape is named for a person, never taken silently
    assert result.needs_review
    named = " ".join(result.warnings)
    for field, value in [("po_number", "PB-2026-0418"), ("delivery_date", "15/12/2026"), ("total", "1,510.00")]:
        assert f"{field}: " in named and value in named
    assert "a person checks them" in named


def test_a_total_that_is_not_the_lines_sum_is_not_read_by_its_shape():
    result = parse(TURKMEN.replace("1,510.00 USD", "1,610.00 USD"))
    assert result.order.total is None and result.needs_review


HANKAKU = """ｵｾﾜﾆﾅｯﾃｵﾘﾏｽ｡ｲｶﾉﾄｵﾘ ﾊｯﾁｭｳｲﾀｼﾏｽ｡

ﾊｯﾁｭｳNo: JA-2026118
ﾊｯﾁｭｳﾋﾞ: 2026/11/18
ｷﾎﾞｳﾉｳｷ: 2026/12/10

ｷﾞｮｳ\tﾋﾝﾊﾞﾝ\tﾋﾝﾒｲ\tｽｳﾘｮｳ\tﾀﾝｲ\tﾀﾝｶ\tｷﾝｶﾞｸ
1\tBRG-6080\tﾍﾞｱﾘﾝｸﾞ 608ZZ\t400\tｺ\t85\t34,000
2\tBLT-0620\tﾎﾞﾙﾄ M6x20 SUS\t2,500\tｺ\t12\t30,000

ｺﾞｳｹｲ: 64,000
"""


def test_half_width_katakana_is_read_as_the_letters_it_stands_for():
    result = parse(HANKAKU, subject="注文書 JA-2026118")
    assert result.kind == "purchase_order"
    assert [(ln.item, ln.description, ln.quantity, ln.unit) for ln in result.order.lines] == [
        ("BRG-6080", "ベアリング 608ZZ", Decimal(400), "コ"),
        ("BLT-0620", "ボルト M6x20 SUS", Decimal(2500), "コ"),
    ]
    assert result.order.po_number == "JA-2026118" and result.order.total == Decimal("64000")
    assert result.order.delivery_date == dt.date(2026, 12, 10)
    assert result.needs_review


GREEK_REPLY = """Καλημέρα σας,

σύμφωνα με την προσφορά σας, παρακαλούμε να μας αποστείλετε τα παρακάτω:

Αρ. Παραγγελίας: EL-2026318

Κωδικός    Περιγραφή              Ποσότητα   Τιμή     Αξία
GR-100     Βίδα M4x20             500        1,20     600,00

Σύνολο: 600,00

Με εκτίμηση,
Γιώργος Παπαδόπουλος

________________________________
Από: Πωλήσεις <sales@supplier.example>
Στάλθηκε: Τρίτη, 10 Νοεμβρίου 2026 11:42 π.μ.
Προς: agores@aigaio.example
Θέμα: Προσφορά Q-2611

Κωδικός    Περιγραφή              Ποσότητα   Τιμή     Αξία
GR-100     Βίδα M4x20             1.000      1,15     1.150,00
GR-200     Παξιμάδι M4            1.000      0,35     350,00
GR-300     Ροδέλα M4              2.000      0,10     200,00
"""


def test_a_reply_in_an_unknown_language_reads_its_new_part_never_the_quoted_quotation():
    result = parse(GREEK_REPLY, subject="RE: Προσφορά Q-2611")
    assert result.kind == "purchase_order"
    assert [(ln.item, ln.quantity, ln.unit_price) for ln in result.order.lines] == [
        ("GR-100", Decimal(500), Decimal("1.20"))
    ]
    assert result.order.po_number == "EL-2026318" and result.needs_review


def test_a_contact_block_with_an_address_is_no_quoted_mail():
    from mailflow.extract.quoted import reply_cut

    text = "Užsakymo Nr.: LT-2026175\nEl. paštas: pirkimai@baltmech.example\nTel.: +370 37 123456\nData: 2026-11-17\n"
    assert reply_cut(text) is None


GREEK_HTML_REPLY = """<html><body><div class="WordSection1">
<p class="MsoNormal">Καλημέρα σας,</p>
<p class="MsoNormal">σύμφωνα με την προσφορά σας, παρακαλούμε να μας αποστείλετε τα παρακάτω:</p>
<p class="MsoNormal">Αρ. Παραγγελίας: EL-2026318</p>
<table border="1"><tr><td>Κωδικός</td><td>Περιγραφή</td><td>Ποσότητα</td><td>Τιμή</td><td>Αξία</td></tr>
<tr><td>GR-100</td><td>Βίδα M4x20</td><td>500</td><td>1,20</td><td>600,00</td></tr>
<tr><td>GR-200</td><td>Παξιμάδι M4</td><td>1.000</td><td>0,35</td><td>350,00</td></tr></table>
<p class="MsoNormal">Σύνολο: 950,00</p>
<p class="MsoNormal">Με εκτίμηση,<br>Γιώργος Παπαδόπουλος</p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>Από:</b> Πωλήσεις &lt;<a href="mailto:sales@supplier.example">sales@supplier.example</a>&gt;<br>
<b>Στάλθηκε:</b> Τρίτη, 10 Νοεμβρίου 2026 11:42 π.μ.<br>
<b>Προς:</b> agores@aigaio.example<br>
<b>Θέμα:</b> Προσφορά Q-2611</p></div>
<table border="1"><tr><td>Κωδικός</td><td>Περιγραφή</td><td>Ποσότητα</td><td>Τιμή</td><td>Αξία</td></tr>
<tr><td>GR-100</td><td>Βίδα M4x20</td><td>1.000</td><td>1,15</td><td>1.150,00</td></tr>
<tr><td>GR-200</td><td>Παξιμάδι M4</td><td>2.000</td><td>0,30</td><td>600,00</td></tr>
<tr><td>GR-300</td><td>Ροδέλα M4</td><td>2.000</td><td>0,10</td><td>200,00</td></tr></table>
</div></body></html>"""


def test_an_html_reply_in_an_unknown_language_reads_its_new_table_and_total_not_the_quoted_quotation():
    from email.message import EmailMessage

    from mailflow.message import parse as parse_mime

    mail = EmailMessage()
    mail["From"] = "Γιώργος <agores@aigaio.example>"
    mail["To"] = "sales@supplier.example"
    mail["Subject"] = "RE: Προσφορά Q-2611"
    mail["Date"] = "Thu, 19 Nov 2026 09:30:00 +0000"
    mail["Message-ID"] = "<g1@aigaio.example>"
    mail["In-Reply-To"] = "<q@supplier.example>"
    mail.set_content(GREEK_HTML_REPLY, subtype="html")
    result = parse_message(parse_mime(mail.as_bytes()), ParseContext(today=TODAY, company=OUR))
    assert result.kind == "purchase_order" and result.needs_review
    assert [(ln.item, ln.quantity, ln.unit_price) for ln in result.order.lines] == [
        ("GR-100", Decimal(500), Decimal("1.20")),
        ("GR-200", Decimal(1000), Decimal("0.35")),
    ]
    assert result.order.total == Decimal("950.00") and result.order.po_number == "EL-2026318"
