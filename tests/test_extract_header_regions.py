"""Header fields of buyers whose forms the first readers did not know: Central European orders
with the currency after the amount and dates with a trailing dot, and Chinese ERP print-outs
whose total is written again in capital numerals. Each printed order goes through the whole
reader (``parse_message`` on a real PDF)."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.document import Line
from mailflow.extract.fields import capital_value, read_fields, total_rank
from mailflow.extract.normalize import find_currency, find_date, is_us_address
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
TODAY = dt.date(2026, 11, 22)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CJK = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def parse_pdf(draw, font: str = "Helvetica"):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont(font, 9)
    draw(c)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    attachment = Attachment("po.pdf", "application/pdf", data, original_filename="po.pdf")
    message = Message(
        "0" * 64, len(data), "<h@x>", subject="Order", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=TODAY))


def font(name: str, path: Path, index: int = 0) -> str:
    """A font that has the letters (scripts/install-test-deps.sh installs both)."""
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    return name


def values(*lines: list[str], opts: Options | None = None) -> dict:
    opts = opts or Options(today=TODAY)
    found = read_fields(
        [Line(list(segs), "PO.pdf p1", [100.0 * i for i in range(len(segs))]) for segs in lines], VOCAB, opts
    )
    return {name: f for name, f in found.items()}


# ------------------------------------------------------------------ dates and currencies as written


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026. 12. 04.", dt.date(2026, 12, 4)),  # Hungarian, spaced
        ("2026.12.04.", dt.date(2026, 12, 4)),
        ("2026. december 4.", dt.date(2026, 12, 4)),  # Hungarian, the month's name
        ("2026. márc. 14.", dt.date(2026, 3, 14)),
        ("04.12.2026.", dt.date(2026, 12, 4)),  # the trailing full stop of Hungarian, Czech, Croatian
        ("4. 12. 2026", dt.date(2026, 12, 4)),  # Czech and Slovak: a space after each dot
        ("04.12.2026 r.", dt.date(2026, 12, 4)),  # Polish "roku"
    ],
)
def test_central_european_dates(text, expected):
    assert find_date(text, TODAY).value == expected


@pytest.mark.parametrize("text", ["1.2.3.4", "v1.2.2026.5", "4. 12. 26 pcs"])
def test_version_numbers_are_not_dates(text):
    assert find_date(text, TODAY).value is None


@pytest.mark.parametrize(
    "text, code",
    [("1 234,50 Ft", "HUF"), ("Ft", "HUF"), ("386 356 Ft.", "HUF"), ("1.250,00 lei", "RON"), ("12.345,00 zł", "PLN")],
)
def test_currencies_written_after_the_amount(text, code):
    assert find_currency(text).value == code


@pytest.mark.parametrize("text", ["20 ft", "Ft. Worth, TX 76102", "Leiden"])
def test_feet_and_words_are_no_currency(text):
    assert find_currency(text).value is None


def test_a_forint_total_is_money_and_feet_are_a_measure():
    comma = Options(today=TODAY, decimal_comma=True)
    found = values(
        ["Nettó összesen", "304 218,00 Ft"],
        ["ÁFA 27%", "82 138,86 Ft"],
        ["Bruttó végösszeg", "386 356,86 Ft"],
        opts=comma,
    )
    assert found["total"].value == (Decimal("386356.86"), "HUF")
    assert "total" not in values(["Total Length", "28 ft"])


@pytest.mark.parametrize(
    "label, rank",
    [
        ("Bruttó végösszeg", 2),
        ("Fizetendő összesen", 2),
        ("Nettó összesen", 0),
        ("Celkem bez DPH", 0),
        ("Celkem k úhradě", 2),
        ("Total fără TVA", 0),
        ("Total de plată", 2),
        ("Do zapłaty", 2),
    ],
)
def test_what_central_european_sum_labels_say_about_tax(label, rank):
    assert total_rank(label) == rank


# ------------------------------------------------------------------ capital numerals (大写)


@pytest.mark.parametrize(
    "words, amount",
    [
        ("壹万贰仟元整", "12000"),
        ("玖佰柒拾柒元贰角贰分", "977.22"),
        ("壹拾万零伍佰元整", "100500"),
        ("壹万零贰元零伍分", "10002.05"),
        ("壹亿贰仟万元整", "120000000"),
        ("貳萬參仟元整", "23000"),  # the traditional characters
    ],
)
def test_capital_numerals(words, amount):
    assert capital_value(words) == Decimal(amount)


def test_the_total_in_capitals_beside_its_figures_is_one_amount():
    found = values(["价税合计", "叁仟陆佰伍拾玖元捌角肆分", "3,659.84"])
    assert found["total"].value[0] == Decimal("3659.84") and not found["total"].ambiguous
    found = values(["价税合计(大写)：玖佰柒拾柒元贰角贰分", "(小写)：￥977.22"])
    assert found["total"].value[0] == Decimal("977.22")


def test_capitals_that_disagree_with_the_figures_are_said():
    found = values(["价税合计", "叁仟陆佰伍拾玖元捌角肆分", "3,569.84"])
    assert found["total"].value[0] == Decimal("3569.84")
    assert "disagree" in found["total"].ambiguous


# ------------------------------------------------------------------ whole printed orders


def test_a_hungarian_order_with_forints_after_the_amounts():
    name = font("DejaVu", DEJAVU)

    def draw(c):
        c.setFont(name, 13)
        c.drawString(40, 800, "Tiszamenti Fémipari Zrt.")
        c.drawRightString(555, 800, "MEGRENDELÉS")
        c.setFont(name, 9)
        c.drawString(40, 760, "Megrendelés száma:")
        c.drawString(160, 760, "MR-2026/5487")
        c.drawString(300, 760, "Megrendelés kelte:")
        c.drawString(420, 760, "2026. 11. 21.")
        c.drawString(40, 745, "Kért szállítási dátum:")
        c.drawString(160, 745, "2026. december 18.")
        c.drawString(40, 700, "Szállító: Example Manufacturing Co., Ltd.")
        for x, head in zip(
            (40, 120, 330, 400, 470), ("Cikkszám", "Megnevezés", "Mennyiség", "Egységár", "Nettó érték")
        ):
            c.drawString(x, 660, head)
        c.drawString(40, 645, "TÖM-3154")
        c.drawString(120, 645, "Tömítés EPDM 90 mm")
        c.drawRightString(380, 645, "50")
        c.drawRightString(450, 645, "157,32")
        c.drawRightString(550, 645, "7 866,00")
        c.drawString(40, 630, "VEZ-9084")
        c.drawString(120, 630, "Vezérlőpanel rev C")
        c.drawRightString(380, 630, "150")
        c.drawRightString(450, 630, "1 975,68")
        c.drawRightString(550, 630, "296 352,00")
        c.drawRightString(430, 600, "Nettó összesen")
        c.drawRightString(550, 600, "304 218,00 Ft")
        c.drawRightString(430, 587, "ÁFA 27%")
        c.drawRightString(550, 587, "82 138,86 Ft")
        c.drawRightString(430, 574, "Bruttó végösszeg")
        c.drawRightString(550, 574, "386 356,86 Ft")

    order = parse_pdf(draw, name).order
    assert order is not None
    assert (order.po_number, order.po_date, order.delivery_date) == (
        "MR-2026/5487",
        dt.date(2026, 11, 21),
        dt.date(2026, 12, 18),
    )
    assert (order.total, order.currency) == (Decimal("386356.86"), "HUF")


def test_a_chinese_erp_grid_with_the_total_in_capitals():
    name = font("WQY", CJK, index=0)

    def draw(c):
        c.setFont(name, 13)
        c.drawCentredString(297, 800, "无锡宏达精密部件有限公司")
        c.drawCentredString(297, 780, "采购订单")
        c.setFont(name, 8)
        c.drawRightString(555, 765, "打印日期：2026-11-22")
        grid = [
            [("订单编号", "CGDD2026119000"), ("单据日期", "2026-11-20"), ("制单日期", "2026-11-21")],
            [("币种", "人民币"), ("汇率", "1.00000000"), ("计划到货日期", "2026-12-19")],
        ]
        y = 740
        for row in grid:
            x = 36
            for label, value in row:
                c.rect(x, y - 5, 60, 17)
                c.rect(x + 60, y - 5, 110, 17)
                c.drawString(x + 3, y, label)
                c.drawString(x + 63, y, value)
                x += 175
            y -= 17
        y -= 20
        for x, head in zip(
            (40, 110, 250, 330, 400, 480), ("存货编码", "存货名称", "主计量", "数量", "原币单价", "原币金额")
        ):
            c.drawString(x, y, head)
        rows = [
            ("015197", "安装支架 SUS304", "个", "20", "35.49", "709.80"),
            ("014550", "直流电机 12V", "个", "250", "0.62", "155.00"),
        ]
        for item, desc, unit, qty, price, amount in rows:
            y -= 15
            c.drawString(40, y, item)
            c.drawString(110, y, desc)
            c.drawString(250, y, unit)
            c.drawRightString(360, y, qty)
            c.drawRightString(440, y, price)
            c.drawRightString(540, y, amount)
        for label, value in (("合计", "864.80"), ("原币税额", "112.42")):
            y -= 15
            c.drawString(40, y, label)
            c.drawRightString(540, y, value)
        y -= 15
        c.drawString(40, y, "价税合计(大写)：玖佰柒拾柒元贰角贰分")
        c.drawRightString(540, y, "(小写)：￥977.22")

    result = parse_pdf(draw, name)
    order = result.order
    assert order is not None
    assert (order.po_number, order.po_date, order.delivery_date) == (
        "CGDD2026119000",
        dt.date(2026, 11, 20),  # 单据日期, not the day it was made (制单日期) or printed (打印日期)
        dt.date(2026, 12, 19),
    )
    assert (order.total, order.currency) == (Decimal("977.22"), "CNY")


@pytest.mark.parametrize(
    "text, code",
    [
        ("1.234,50 TL", "TRY"),
        ("1 234,50 руб.", "RUB"),
        ("1 234,50 Kc", "CZK"),
        ("1.234.500 ₫", "VND"),
        ("1.250,00 Lei", "RON"),
    ],
)
def test_more_currencies_written_after_the_amount(text, code):
    assert find_currency(text).value == code


def test_crowns_are_said_unless_the_language_decides():
    said = find_currency("12 345,00 kr")
    assert said.value and "crowns" in said.ambiguous
    assert find_currency("12 345,00 kr", "nb").value == "NOK"
    assert find_currency("Kr. Hansen").value is None


# ------------------------------------------------------------------ which date, which total


def test_a_label_naming_the_orders_date_outranks_a_bare_date_above_it():
    found = values(["Date:", "11/22/2026"], ["PO Number:", "4411"], ["Order Date:", "11/17/2026"])
    assert found["po_date"].value == dt.date(2026, 11, 17)
    assert "'Date' above" in found["po_date"].where  # --explain says why
    # a bare "Date" alone is still the PO date, and a named one is never replaced by a bare one
    assert values(["Date:", "11/17/2026"], ["PO Number:", "4411"])["po_date"].value == dt.date(2026, 11, 17)
    assert values(["Order Date:", "11/17/2026"], ["Date:", "11/22/2026"])["po_date"].value == dt.date(2026, 11, 17)


def test_a_page_head_print_date_is_not_the_po_date():
    def draw(c):
        c.drawString(40, 800, "Blue Heron Instruments Inc.")
        c.drawRightString(555, 800, "PURCHASE ORDER")
        c.drawRightString(555, 786, "Date: Nov 22, 2026")
        c.drawRightString(555, 774, "Page 1 of 1")
        for k, (label, value) in enumerate(
            [
                ("Customer No.", "29473"),
                ("PO Number", "618204"),
                ("PO Date", "Nov 19, 2026"),
                ("Required Date", "Dec 21, 2026"),
            ]
        ):
            c.drawString(40, 740 - 13 * k, label)
            c.drawString(160, 740 - 13 * k, value)
        c.drawString(40, 660, "Vendor: Example Manufacturing Co., Ltd.")
        for x, head in zip((40, 150, 330, 420, 500), ("Part No.", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 620, head)
        c.drawString(40, 605, "HX-2040")
        c.drawString(150, 605, "Hex bolt M8")
        c.drawRightString(350, 605, "100")
        c.drawRightString(460, 605, "0.50")
        c.drawRightString(540, 605, "50.00")
        c.drawRightString(460, 580, "Total")
        c.drawRightString(540, 580, "50.00")

    order = parse_pdf(draw).order
    assert order is not None and order.po_number == "618204"
    assert order.po_date == dt.date(2026, 11, 19)


def test_a_total_carried_forward_is_not_the_orders_total():
    filler = [["Item", "x"]] + [[f"row {k}"] for k in range(7)]
    found = values(["Total carried forward", "1,234.00"], *filler, ["Total", "2,468.00"])
    assert found["total"].value[0] == Decimal("2468.00")


# ------------------------------------------------------------------ a sale notice ships on receipt

SALE_NOTICE = """Hello Example Manufacturing,

You have a new order. Please ship the item(s) below.

Order ID: 128-1426477-9124863
Order date: Nov 19, 2026
Buyer: Cobalt Ridge Electronics LLC

Product: Silicone gasket 120x80
SKU: SIL-6966
Quantity: 50
Price: $1.04
Item subtotal: $52.00

Order total: $52.00

This email was sent from a notification-only address. Please do not reply.
"""


def parse_mail(text: str):
    message = Message(
        "0" * 64,
        len(text),
        "<m@shop.example>",
        subject="Sold, ship now: order 128-1426477-9124863",
        from_addr="seller-notification@shop.example",
        from_name="ShopHub Seller Central",
        date=dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.timezone.utc),
        text=text,
    )
    return parse_message(message, ParseContext(today=TODAY))


def test_a_marketplace_sale_notice_without_a_date_ships_on_receipt():
    result = parse_mail(SALE_NOTICE)
    assert result.order is not None and result.order.delivery_date is None
    assert not any("delivery date" in w for w in result.warnings)
    assert any("ships on receipt" in line for line in result.explain)


@pytest.mark.parametrize(
    "extra",
    [
        "Ship by: KW 49\n",  # a delivery week: read, and said for review
        "Your invoice follows on 27/11/2026.\n",  # another date: the notice is not dateless
    ],
)
def test_a_sale_notice_printing_another_date_still_asks(extra):
    result = parse_mail(SALE_NOTICE.replace("Order date:", extra + "Order date:"))
    assert result.needs_review
    assert not any("ships on receipt" in line for line in result.explain)


def test_an_order_mail_that_is_no_automatic_notice_still_asks_for_its_date():
    result = parse_mail(
        SALE_NOTICE.replace("This email was sent from a notification-only address. Please do not reply.", "")
    )
    assert any("no delivery date" in w for w in result.warnings)


@pytest.mark.parametrize(
    "text, field",
    [
        ("PO Nbr: 4500012345", "po_number"),
        ("Purchasing Document 4500012345", "po_number"),
        ("Order Reference: PO-77120", "po_number"),
        ("Belegnummer: 4500012345", "po_number"),
        ("N° commande : CF2026345", "po_number"),
        ("合同编号：HT2026-118", "po_number"),
        ("Order Dt: 11/17/2026", "po_date"),
        ("Belegdatum: 17.11.2026", "po_date"),
        ("Need Date: 12/21/2026", "delivery_date"),
        ("Required Ship Date: 12/21/2026", "delivery_date"),
        ("Wunschliefertermin: 21.12.2026", "delivery_date"),
        ("Total Due: 1,234.00", "total"),
    ],
)
def test_erp_and_shortened_labels(text, field):
    hit = VOCAB.label_at(text)
    assert hit is not None and hit[0] == field


def test_a_form_control_number_is_not_the_po_number():
    assert VOCAB.label_at("Doc. No.: QF-PUR-001") is None


@pytest.mark.parametrize(
    "text, number",
    [
        ("Commande n° CF2026345 du 20/11/2026", "CF2026345"),
        ("Ordine n. 123 del 20/11/2026", "123"),
        ("PO 4411 dated 11/20/2026", "4411"),
        ("Order No. 4411 of 20 November 2026", "4411"),
        ("Zamówienie nr ZZ/1/2026 z dnia 20.11.2026", "ZZ/1/2026"),
        ("Objednávka č. OBJ2611 ze dne 20.11.2026", "OBJ2611"),
        ("Megrendelés száma: MR-1 (2026. 11. 20.)", "MR-1"),
    ],
)
def test_the_date_written_after_the_po_number_is_the_po_date(text, number):
    found = values([text])
    assert found["po_number"].value == number
    assert found["po_date"].value == dt.date(2026, 11, 20)
    assert "after the number" in found["po_date"].where


@pytest.mark.parametrize("text", ["PO 4411 of 3 lines", "PO 4411 (Rev 2)"])
def test_words_after_the_po_number_that_are_no_date(text):
    assert "po_date" not in values([text])


def test_a_german_order_dated_in_its_title_line():
    def draw(c):
        c.drawString(40, 800, "Schwarzwald Feinwerktechnik GmbH")
        c.drawString(40, 760, "Bestellung Nr. 4500012345 vom 20.11.2026")
        c.drawString(40, 740, "Liefertermin: 18.12.2026")
        c.drawString(40, 700, "Lieferant: Example Manufacturing Co., Ltd.")
        for x, head in zip(
            (40, 150, 330, 420, 500), ("Artikel-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis")
        ):
            c.drawString(x, 660, head)
        c.drawString(40, 645, "HX-2040")
        c.drawString(150, 645, "Sechskantschraube M8")
        c.drawRightString(350, 645, "100")
        c.drawRightString(460, 645, "0,50")
        c.drawRightString(540, 645, "50,00")
        c.drawRightString(460, 620, "Gesamtbetrag EUR")
        c.drawRightString(540, 620, "50,00")

    order = parse_pdf(draw).order
    assert order is not None
    assert (order.po_number, order.po_date, order.delivery_date) == (
        "4500012345",
        dt.date(2026, 11, 20),
        dt.date(2026, 12, 18),
    )


def test_the_day_a_record_was_made_is_the_po_date_only_when_nothing_else_says_it():
    found = values(["制单日期", "2026-11-21"], ["订单编号", "CG1"], ["单据日期", "2026-11-20"])
    assert found["po_date"].value == dt.date(2026, 11, 20)
    assert values(["制单日期", "2026-11-21"], ["订单编号", "CG1"])["po_date"].value == dt.date(2026, 11, 21)


# ------------------------------------------------------------------ the buyer under a person's name

BUYER_BLOCK = """Vous avez reçu une nouvelle commande.

Numéro de commande: 77-54030-66803
Date de commande: 19/11/2026

Produit: Solenoid valve 1/4 inch 24 V DC
Référence: SOL-2820
Quantité: 10
Prix: €7,95

Total de la commande: €79,50

Acheteur
Luc Dubois
{company}Rue de l'Industrie 27
4000 Liège, Belgique
"""


def parse_fr(text: str):
    message = Message(
        "0" * 64,
        len(text),
        "<m@shop.example>",
        subject="Nouvelle commande n° 77-54030-66803",
        from_addr="vendeurs@placedemarche-pro.example",
        from_name="Place de marché Pro",
        date=dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.timezone.utc),
        text=text,
    )
    return parse_message(message, ParseContext(today=TODAY))


def test_a_person_over_a_company_with_its_legal_form_gives_the_company_without_doubt():
    result = parse_fr(BUYER_BLOCK.format(company="Brasserie Métallique S.A.\n"))
    assert result.order.customer == "Brasserie Métallique S.A."
    assert not any("person's name" in w for w in result.warnings)


def test_a_person_alone_under_the_buyer_label_is_still_asked_about():
    result = parse_fr(BUYER_BLOCK.format(company=""))
    assert result.needs_review


def test_a_city_state_and_zip_line_is_no_company_whatever_legal_form_it_spells():
    assert is_us_address("Portland ME 04101") and not is_us_address("Harbor Point Instruments Inc.")
