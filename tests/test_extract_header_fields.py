"""Header fields of printed orders: which sum is the total, values that start like their label,
dotted abbreviations, party labels inside the terms, and dates settled by the day of arrival."""

import datetime as dt
import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.document import Line
from mailflow.extract.fields import read_fields, total_rank
from mailflow.extract.tables import Options
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
OPTS = Options(today=dt.date(2026, 11, 22))


def values(*lines: list[str], opts: Options = OPTS) -> dict:
    found = read_fields(
        [Line(list(segs), "PO.pdf p1", [100.0 * i for i in range(len(segs))]) for segs in lines], VOCAB, opts
    )
    return {name: f.value for name, f in found.items()}


def parse_pdf(draw, today: dt.date):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 9)
    draw(c)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    attachment = Attachment("po.pdf", "application/pdf", data, original_filename="po.pdf")
    message = Message(
        "0" * 64, len(data), "<h@x>", subject="Order", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=today))


def one_line_order(c, top: float, qty: str, price: str, amount: str) -> None:
    for x, head in zip((40, 150, 330, 420, 500), ("Item", "Description", "Qty", "Unit Price", "Amount")):
        c.drawString(x, top, head)
    c.drawString(40, top - 15, "HX-2040")
    c.drawString(150, top - 15, "Hex bolt M8")
    c.drawRightString(350, top - 15, qty)
    c.drawRightString(460, top - 15, price)
    c.drawRightString(540, top - 15, amount)


# ------------------------------------------------------------------ which sum is the total


def test_a_grand_total_outranks_the_sum_before_tax():
    comma = Options(today=OPTS.today, decimal_comma=True)
    found = values(["Summe netto", "3.976,50"], ["MwSt. 19%", "755,54"], ["Bruttobetrag", "4.732,04"], opts=comma)
    assert found["total"][0] == Decimal("4732.04")
    found = values(["Total HT", "1 762,00"], ["TVA 20%", "352,40"], ["Total TTC", "2 114,40"], opts=comma)
    assert found["total"][0] == Decimal("2114.40")
    assert values(["合计", "89,344.20"], ["税额", "11,614.75"], ["价税合计", "100,958.95"])["total"][0] == (
        Decimal("100958.95")
    )


def test_a_net_sum_alone_is_the_total_and_a_plain_total_keeps_the_first():
    comma = Options(today=OPTS.today, decimal_comma=True)
    assert values(["Summe netto:", "6.000,26"], opts=comma)["total"][0] == Decimal("6000.26")
    # a second plain total far below (a summary of another page), or a net one, does not replace it
    filler = [[f"Note {i}"] for i in range(8)]
    assert values(["Total", "500.00"], *filler, ["Total", "800.00"])["total"][0] == Decimal("500.00")
    assert values(["Total", "500.00"], ["Total excl. tax", "420.17"])["total"][0] == Decimal("500.00")


def test_total_rank_reads_what_the_label_says_about_tax():
    assert [total_rank(t) for t in ("Total incl. VAT", "Net à payer", "総額", "Total", "合計")] == [2, 2, 2, 1, 1]
    assert [total_rank(t) for t in ("Total HT", "Summe netto", "Total excl. tax", "不含税合计")] == [0, 0, 0, 0]


def test_tax_and_charges_after_a_printed_subtotal_make_the_total_without_a_warning():
    def draw(c):
        c.drawString(40, 800, "BESTELLUNG")
        c.drawString(40, 785, "Allgäuer Antriebstechnik GmbH")
        c.drawString(40, 770, "Bestellnummer: 4533272491")
        c.drawString(40, 755, "Bestelldatum: 19.11.2026")
        one_line_order(c, 720, "1.000", "2,00", "2.000,00")
        for y, label, value in (
            (680, "Summe netto", "2.000,00"),
            (667, "MwSt. 19,00%", "380,00"),
            (654, "Fracht", "78,66"),
            (641, "Bruttobetrag", "2.458,66"),
        ):
            c.drawRightString(430, y, label)
            c.drawRightString(540, y, value)

    result = parse_pdf(draw, dt.date(2026, 11, 22))
    assert result.order.total == Decimal("2458.66")
    assert not any("add up" in w for w in result.warnings), result.warnings


# ------------------------------------------------------------------ values and labels


def test_a_value_may_start_with_a_word_of_its_own_label():
    found = values(["Betalingsvoorwaarden", "Betaling binnen 14 dagen", "Verzendwijze", "Koerier"])
    assert found["payment_terms"] == "Betaling binnen 14 dagen"
    # in a label block, the value under its label
    assert values(["Betalingsvoorwaarden"], ["Betaling binnen 14 dagen"])["payment_terms"] == "Betaling binnen 14 dagen"


def test_dotted_abbreviations_and_spaced_compounds_are_labels():
    assert values(["P.O. Date 13/Nov/26"]) == {"po_date": dt.date(2026, 11, 13)}
    assert values(["P.O. DATE . . . . . . . : 16-NOV-26"]) == {"po_date": dt.date(2026, 11, 16)}
    assert values(["INKOOPORDER NR. . . . . : IO269777"]) == {"po_number": "IO269777"}


def test_payment_terms_lose_the_full_stop_of_a_sentence_not_of_an_abbreviation():
    assert values(["Zahlungsbedingungen: 30 Tage netto."])["payment_terms"] == "30 Tage netto"
    assert values(["Pagamento: 60 gg d.f.f.m."])["payment_terms"] == "60 gg d.f.f.m."


def test_party_labels_inside_the_terms_name_no_party():
    assert "supplier" not in values(["Vendor and Purchaser hereby agree as follows:"])
    assert "supplier" not in values(["VENDOR'S INSURANCE OBLIGATIONS:"])
    assert "supplier" not in values(["Vendor", "designs or incorporates any new features of design"])
    assert "supplier" not in values(["RIGHT", "TO", "TRIAL", "BY", "JURY"])
    assert values(["TO:", "CHEP USA"])["supplier"] == "CHEP USA"
    assert values(["Vendor: Granite Bay Foods Corporation"])["supplier"] == "Granite Bay Foods Corporation"


# ------------------------------------------------------------------ dates settled by arrival


def us_order(c) -> None:
    c.drawString(40, 800, "Purchase Order 641802")
    c.drawString(40, 785, "Keystone Foods, 7220 US Hwy 19, Camilla, GA 31730")
    c.drawString(40, 770, "Order Date   01/07/2021")
    c.drawString(40, 755, "PO Due Date   01/09/2021")
    one_line_order(c, 720, "504", "2.68", "1,350.72")


def test_an_order_is_not_dated_after_it_arrives():
    result = parse_pdf(us_order, dt.date(2021, 1, 8))  # 1 July 2021 is not possible yet
    assert (result.order.po_date, result.order.delivery_date) == (dt.date(2021, 1, 7), dt.date(2021, 1, 9))
    assert not any("could be" in w for w in result.warnings), result.warnings
    assert any("month-first" in line for line in result.explain)


def test_when_both_readings_are_possible_the_date_still_asks_a_person():
    result = parse_pdf(us_order, dt.date(2021, 8, 2))  # 7 January and 1 July are both past
    assert result.needs_review
    assert any("could be" in w for w in result.warnings)


# ------------------------------------------------------------------ weak readings are flagged


def test_a_line_priced_zero_is_flagged():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 785, "P.O. Number: NP011847")
        c.drawString(40, 770, "Order Date: 2026-11-20")
        one_line_order(c, 740, "540", "0.00", "0.00")
        c.drawString(40, 690, "Note: 540 PALLETS @$4.45")

    result = parse_pdf(draw, dt.date(2026, 11, 22))
    assert result.needs_review
    assert any("priced 0.00" in w for w in result.warnings)


def test_a_delivery_from_the_lines_on_the_order_day_is_flagged():
    def draw(c):
        c.drawString(40, 800, "PURCHASE ORDER")
        c.drawString(40, 785, "P.O. Number: VU92708")
        c.drawString(40, 770, "Order Date: 2026-11-20")
        for x, head in zip((40, 150, 330, 420, 500), ("Item", "Qty", "Unit Price", "Amount", "Due Date")):
            c.drawString(x, 740, head)
        c.drawString(40, 725, "HX-2040")
        c.drawRightString(180, 725, "450")
        c.drawRightString(370, 725, "4.95")
        c.drawRightString(460, 725, "2,227.50")
        c.drawString(500, 725, "2026-11-20")

    result = parse_pdf(draw, dt.date(2026, 11, 22))
    assert result.order.delivery_date == dt.date(2026, 11, 20)
    assert result.needs_review
    assert any("is the PO date" in w for w in result.warnings)


def test_a_bare_number_under_the_title_is_the_po_number():
    found = values(["Purchase order"], ["Number", "PO284256-1"], ["Date", "1/27/2021"])
    assert found["po_number"] == "PO284256-1"
    # not under a title, "Number" names nothing we know
    assert "po_number" not in values(["Vendor"], ["Number", "100234"])


def test_a_total_without_taxes_is_the_sum_before_them():
    assert total_rank("Total Without Taxes") == 0 and total_rank("Montant sans taxes") == 0

    def draw(c):
        c.drawString(40, 800, "Sales Order")
        c.drawString(40, 785, "Order Number: SO-2017-118")
        c.drawString(40, 770, "Date Ordered: 2026-11-20")
        one_line_order(c, 740, "45", "1,799.00", "80,955.00")
        for y, label, value in ((700, "Total Without Taxes", "80,955.00"), (687, "Taxes", "12,143.25")):
            c.drawRightString(430, y, label)
            c.drawRightString(540, y, value)
        c.drawRightString(430, 674, "Total")
        c.drawRightString(540, 674, "93,098.25")

    result = parse_pdf(draw, dt.date(2026, 11, 22))
    assert result.order.total == Decimal("93098.25")
    assert not any("add up" in w or "disagree" in w for w in result.warnings), result.warnings


def test_payment_terms_stop_at_the_next_label_on_their_line():
    assert values(["Payment Terms: Net 30 days Ship Via: UPS Ground"])["payment_terms"] == "Net 30 days"
    assert values(["Terms: Net 30 days   F.O.B.: Origin"])["payment_terms"] == "Net 30 days"
    assert values(["付款方式：月结30天 交货地点：深圳"])["payment_terms"] == "月结30天"
    assert values(["支払条件：月末締め翌月末払い\u3000納入場所：本社工場"])["payment_terms"] == "月末締め翌月末払い"
    # words that go on about paying are still the terms
    found = values(["Payment: T/T 30% deposit, Balance: before shipment"])
    assert found["payment_terms"] == "T/T 30% deposit, Balance: before shipment"


def test_a_revision_written_onto_the_number_keeps_the_po_number():
    assert values(["Order No.: 4500012345-Rev.2"])["po_number"] == "4500012345"
    assert values(["Order No.: PO-REV-2026-118"])["po_number"] == "PO-REV-2026-118"


def test_a_change_order_names_the_po_it_changes():
    assert values(["CHANGE ORDER 2 TO PO 4500781234"], ["Date: 11/18/2026"])["po_number"] == "4500781234"
    assert values(["Amendment No. 1 to Purchase Order PO-2026-118"])["po_number"] == "PO-2026-118"
    assert values(["Änderung 3 zur Bestellung Nr. 4500781234"])["po_number"] == "4500781234"
    assert values(["Modifica n. 2 dell'ordine OA/6627/26"])["po_number"] == "OA/6627/26"
    # a labelled PO number wins; a date after "order" is no number; words of the terms name none
    labelled = values(["PO Number: 4500781299"], ["Change order 2 to PO 4500781234"])
    assert labelled["po_number"] == "4500781299"
    assert "po_number" not in values(["Revision 1 to the order dated 12/01/2026"])
    assert "po_number" not in values(["Any revision 2 of the order shall be confirmed in writing."])


def test_a_label_followed_by_its_translation_takes_the_value_after_both():
    # bilingual forms print each label in two languages, the value on the next line
    found = values(["Order date · التاريخ"], ["14 Jun 2026"], ["Payment · الدفع"], ["30 days · ٣٠ يوم"])
    assert found["po_date"] == dt.date(2026, 6, 14)
    assert found["payment_terms"] == "30 days"  # the terms, without their translation
    assert values(["Payment terms / 付款方式", "Net 30 days"])["payment_terms"] == "Net 30 days"
    # a value after the separator is a value
    assert values(["Delivery date · 20 Jun 2026"])["delivery_date"] == dt.date(2026, 6, 20)
    # a short label counts with its translation after it, and the buyer's own word is read first
    found = values(["Date / 注文日", "2026年11月18日"], ["Terms / お支払条件", "月末締め翌月末払い"])
    assert found["po_date"] == dt.date(2026, 11, 18)
    assert found["payment_terms"] == "月末締め翌月末払い"
    assert values(["PO # · 订单号", "CG2026115069"])["po_number"] == "CG2026115069"
