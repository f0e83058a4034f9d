"""Header fields apart from their labels: two labels sharing one box ("Nr / data zamówienia"), page
counts and tax ids in other languages that are no PO number, a grand total under a label nobody
described, found by its arithmetic, and a company named after a river that reads like a street."""

import datetime as dt
import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas
from reportlab.pdfbase.ttfonts import TTFont

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.columns import header_cells
from mailflow.extract.document import Line
from mailflow.extract.fields import convert, read_fields, total_rank
from mailflow.extract.interpret import _currency_in_total_label
from mailflow.extract.layout import _compound
from mailflow.extract.normalize import find_currency
from mailflow.extract.parties import not_a_customer
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
OPTS = Options(today=dt.date(2026, 11, 22))
TODAY = dt.date(2026, 11, 22)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def parse_pdf(draw, today: dt.date):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    attachment = Attachment("po.pdf", "application/pdf", data, original_filename="po.pdf")
    message = Message(
        "0" * 64, len(data), "<h@x>", subject="Zamówienie", from_addr="zakupy@wzm.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=today))


def _font(c) -> None:
    if "DJV" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DJV", FONT))
    c.setFont("DJV", 8)


def _lines(c, top: float, rows: list[tuple[str, str, str, str, str]]) -> float:
    for x, head in zip((40, 130, 330, 420, 500), ("Indeks", "Nazwa", "Ilość", "Cena jedn.", "Wartość")):
        c.drawString(x, top, head)
    for item, desc, qty, price, amount in rows:
        top -= 14
        c.drawString(40, top, item)
        c.drawString(130, top, desc)
        c.drawRightString(350, top, qty)
        c.drawRightString(460, top, price)
        c.drawRightString(540, top, amount)
    return top


def test_two_labels_in_one_box_share_their_noun():
    assert _compound("Nr / data zamówienia", VOCAB)[0] == "po_number"
    assert _compound("Nr / data zamówienia", VOCAB)[2] == "//po_date"
    assert _compound("Číslo / datum objednávky", VOCAB)[:1] == ("po_number",)
    assert _compound("발주번호 / 발주일자", VOCAB)[2] == "//po_date"
    assert _compound("PO number/date", VOCAB)[0] == "po_number"
    # one field twice, or a label with a value after it, is no pair of labels
    assert _compound("Nr zamówienia / Numer zamówienia", VOCAB) is None
    assert _compound("Ship via / UPS", VOCAB) is None


def test_a_band_box_holding_number_and_date_gives_both():
    def draw(c):
        _font(c)
        c.drawString(40, 800, "Wielkopolskie Zakłady Mechaniczne Sp. z o.o.")
        c.drawString(40, 788, "ul. Głogowska 214, 60-104 Poznań")
        c.drawRightString(555, 800, "ZAMÓWIENIE")
        c.drawRightString(555, 788, "Strona 1/1")
        for x, w, label, value in (
            (40, 170, "Nr / data zamówienia", "ZAM/412/11/2026 / 18.11.2026"),
            (210, 90, "Nr dostawcy", "200417"),
            (300, 110, "Termin dostawy", "22.12.2026"),
            (410, 145, "Waluta", "PLN"),
        ):
            c.rect(x, 700, w, 13)
            c.rect(x, 685, w, 15)
            c.drawString(x + 3, 704, label)
            c.drawString(x + 3, 690, value)
        bottom = _lines(c, 660, [("HOU-8855", "Obudowa ABS", "100", "34,01", "3 401,00")])
        c.drawRightString(460, bottom - 20, "Razem")
        c.drawRightString(540, bottom - 20, "3 401,00")

    result = parse_pdf(draw, TODAY)
    assert result.order.po_number == "ZAM/412/11/2026"
    assert result.order.po_date == dt.date(2026, 11, 18)
    assert any("Nr / data zamówienia" in line and "po_number" in line for line in result.explain)


def test_page_counts_phones_and_tax_ids_of_other_languages_are_no_po_number():
    for text in ("Seite 1/1", "Strona 1/2", "Página 2/3", "Sayfa 1/1", "페이지 1/1", "NIP 779-23-45-118"):
        assert convert("po_number", text, OPTS) is None, text
    assert convert("po_number", "Postfach 2041", OPTS) is None
    assert convert("po_number", "ZAM/412/11/2026", OPTS).value == "ZAM/412/11/2026"


def test_a_post_office_box_is_never_the_po_number_label():
    # "P.O. BOX 6420  TELEFON 997-334-7697" over the real label: the phone number was taken
    for text in ("P.O. BOX 6420", "PO Box 959", "P.O. Box 6420 TELEFON 997-334-7697"):
        assert VOCAB.label_at(text) is None, text
    assert VOCAB.label_at("P.O.: 4500012817")[:3] == ("po_number", "P.O", "4500012817")
    assert VOCAB.label_at("PO 4411")[:3] == ("po_number", "PO", "4411")


def test_the_grand_total_under_an_unknown_label_is_found_by_its_arithmetic():
    def draw(c):
        _font(c)
        c.drawString(40, 800, "Wielkopolskie Zakłady Mechaniczne Sp. z o.o.")
        c.drawRightString(555, 800, "ZAMÓWIENIE")
        c.drawString(40, 770, "Nr zamówienia:")
        c.drawString(150, 770, "ZAM/692/11/2026")
        c.drawString(40, 756, "Data zamówienia:")
        c.drawString(150, 756, "19.11.2026")
        bottom = _lines(
            c,
            720,
            [("CAB-1924", "Kabel 2 mm", "250", "1,55", "387,50"), ("HOU-8855", "Obudowa", "100", "34,01", "3 401,00")],
        )
        for i, (label, value) in enumerate(
            (("Wartość netto", "3 788,50"), ("VAT 23%", "871,36"), ("Kwota końcowa", "4 659,86"))
        ):
            c.drawRightString(460, bottom - 20 - 13 * i, label)
            c.drawRightString(540, bottom - 20 - 13 * i, value)

    result = parse_pdf(draw, TODAY)
    assert result.order.total == Decimal("4659.86")
    assert any("before the tax and charges printed" in line for line in result.explain)


def test_the_totals_labels_say_gross_or_net_in_more_languages():
    assert [total_rank(t) for t in ("Att betala", "Vergiler Dahil Toplam", "Total com IVA")] == [2, 2, 2]
    assert [total_rank(t) for t in ("Valor líquido", "Total sem IVA", "KDV Hariç Toplam")] == [0, 0, 0]
    assert [total_rank(t) for t in ("Maksettava yhteensä", "At betale", "Veroton yhteensä", "Sum eks. mva.")] == [
        2,
        2,
        0,
        0,
    ]


def test_a_company_named_after_a_river_is_no_street():
    assert not_a_customer("Metalúrgica Vale do Ave, Lda.", VOCAB, []) is None
    assert not_a_customer("Rua da Indústria 77", VOCAB, []) is not None


def test_the_currency_named_by_the_totals_label_alone():
    def line(*segments: str) -> Line:
        return Line(list(segments), "po.pdf p1", [100.0 * i for i in range(len(segments))])

    found = _currency_in_total_label([line("Sub-Total", "228,480.00"), line("Total General / USD")], VOCAB, OPTS)
    assert found is not None and found[0] == "USD" and "Total General / USD" in found[1]
    assert _currency_in_total_label([line("Grand Total (EUR)", "1.438,00")], VOCAB, OPTS)[0] == "EUR"
    # two totals' labels naming two currencies: neither is the order's
    assert _currency_in_total_label([line("Total USD"), line("Total EUR")], VOCAB, OPTS) is None
    assert _currency_in_total_label([line("Total 2 pallets")], VOCAB, OPTS) is None


def test_a_date_without_separators_under_a_dates_label():
    assert convert("po_date", "20260108", OPTS).value == dt.date(2026, 1, 8)
    assert convert("delivery_date", "20261301", OPTS) is None  # no 13th month: no date
    assert convert("po_number", "20260108", OPTS).value == "20260108"


def test_erp_wordings_of_the_po_numbers_label():
    for label in (
        "Ordine n°",
        "N.º encomenda",
        "N° BC",
        "Satınalma Sipariş No",
        "訂單號碼",
        "P/O No.",
        "Ostotilaus nro",
    ):
        hit = VOCAB.label_at(f"{label}: 4500012345")
        assert hit is not None and hit[0] == "po_number" and hit[2] == "4500012345", label
    assert VOCAB.label_at("Fecha pedido: 18/11/2026")[0] == "po_date"
    assert VOCAB.label_at("Data documento: 16/11/2026")[0] == "po_date"
    assert VOCAB.label_at("Date du document : 16/11/2026")[0] == "po_date"
    assert VOCAB.label_at("Condizioni di resa: EXW Gorle")[:3] == ("incoterms", "Condizioni di resa", "EXW Gorle")


def test_the_dong_sign_names_the_currency():
    assert find_currency("₫ 80.400.000", None).value == "VND"


def test_a_sheets_title_takes_no_value_from_another_column_below_it():
    from_sheet = [
        Line(["Cascade Fluid Power Corp.", "Purchase Order"], "po.xlsx sheet 'PO' row 1", [0.0, 5.0]),
        Line(["PO Box 3318, 2150 Industrial Way, Spokane"], "po.xlsx sheet 'PO' row 2", [0.0]),
        Line(["PO Number", "4500164222"], "po.xlsx sheet 'PO' row 4", [0.0, 1.0]),
    ]
    found = read_fields(from_sheet, VOCAB, OPTS)
    assert found["po_number"].value == "4500164222"
    assert convert("po_number", "PO Box 3318, 2150 Industrial Way", OPTS) is None


def test_a_header_cell_naming_one_column_twice_stays_one_cell():
    words = [
        {"text": text, "x0": x0, "x1": x1, "top": 231.6, "bottom": 239.6, "size": 8.0}
        for text, x0, x1 in (("No.", 40.0, 52.0), ("품명", 140.9, 156.9), ("및", 159.3, 167.3), ("규격", 169.7, 185.7))
    ]
    assert [cell[0] for cell in header_cells(words, VOCAB)] == ["No.", "품명 및 규격"]


def test_a_label_written_with_accents_the_vocabulary_leaves_off():
    assert VOCAB.label_at("Comandă nr.: CMD-15299")[:3] == ("po_number", "Comandă nr", "CMD-15299")
    assert VOCAB.label_at("Adresă de livrare")[0] == "ship_to"


def test_the_gross_totals_label_outranks_a_net_one_placed_above_it():
    def draw(c):
        _font(c)
        c.drawString(40, 800, "Transilvania Echipamente Industriale S.R.L.")
        c.drawRightString(555, 800, "COMANDĂ")
        c.drawString(40, 770, "Comandă nr.")
        c.drawString(190, 770, "CMD-15299")
        bottom = _lines(
            c,
            720,
            [("CAB-1924", "Cablu 2 mm", "250", "1,55", "387,50"), ("HOU-8855", "Carcasă", "100", "34,01", "3.401,00")],
        )
        for i, (label, value) in enumerate(
            (("Valoare netă", "3.788,50"), ("TVA 19,00%", "719,82"), ("Total cu TVA", "4.508,32"))
        ):
            c.drawString(330, bottom - 20 - 13 * i, label)
            c.drawRightString(540, bottom - 20 - 13 * i, value)

    result = parse_pdf(draw, TODAY)
    assert result.order.po_number == "CMD-15299"
    assert result.order.total == Decimal("4508.32")


def test_a_schedule_rows_date_read_either_way_goes_to_a_person():
    def draw(c):
        _font(c)
        c.drawString(40, 800, "Pac Components Inc.")
        c.drawRightString(555, 800, "PURCHASE ORDER")
        c.drawString(40, 770, "PO Number:")
        c.drawString(150, 770, "4300004732")
        for x, head in zip((40, 130, 330, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
            c.drawString(x, 720, head)
        c.drawString(40, 706, "702041")
        c.drawString(130, 706, "Pallets")
        c.drawRightString(350, 706, "1,428.000")
        c.drawRightString(460, 706, "8.00")
        c.drawRightString(540, 706, "11,424.00")
        c.drawString(130, 692, "F.Ent:02/01/2021")
        c.drawRightString(350, 692, "1,428.000")

    result = parse_pdf(draw, TODAY)
    assert result.needs_review
    assert any("schedule row's date" in w and "02/01/2021" in w for w in result.warnings)
