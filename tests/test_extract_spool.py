"""ERP spools and forms read by their layout: cases built here, one per category.

A two-page spool in Courier (units glued to quantities, a price per 1,000, an item whose long
code and description wrap before its numbers, schedule sub-rows, the table continued under a
running head, tax, freight and terms after the table); an SAP header printed as two rows of
different columns; tables whose unknown header words are named by what their cells hold; a
total printed in words nobody listed, taken only because it is the lines' sum.
"""

import datetime as dt
import io
from decimal import Decimal

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.columns import find_header_line
from mailflow.extract.document import Grid
from mailflow.extract.fields import read_fields
from mailflow.extract.document import split_text_line
from mailflow.extract.tables import Options, read_tables
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)
VOCAB = Vocabulary.bundled()


def parse(data: bytes, name: str = "po.pdf"):
    attachment = Attachment(name, "application/pdf", data, original_filename=name)
    message = Message(
        "0" * 64, len(data), "<e@x>", subject="PO", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=TODAY))


def spool(pages: list[list[str]]) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER)
    for lines in pages:
        c.setFont("Courier", 7.2)
        y = 760
        for text in lines:
            c.drawString(30, y, text)
            y -= 9.4
        c.showPage()
    c.save()
    return buffer.getvalue()


def row(pos: str, code: str, desc: str, qty: str = "", price: str = "", amount: str = "") -> str:
    return f"{pos:<7}{code:<16}{desc:<34}{qty:>14}  {price:>18}{amount:>17}"


def test_a_two_page_spool_reads_units_prices_per_thousand_wrapped_items_and_schedules():
    head = [
        f"{'GRANITE BAY FOODS CORPORATION':<64}PURCHASE ORDER",
        f"{'2500 E LAKE SHORE DR':<64}Page 1 of 2",
        f"{'PO BOX 4411':<64}PO Number/Order Date",
        f"{'TEL (254) 412-5858   FAX (254) 412-5843':<64}PO-639826 / 11/21/2026",
        f"{'':64}Delivery date",
        f"{'':64}12/26/2026",
        "",
        "-" * 112,
        row("Pos", "Item No.", "Description", "Qty", "Unit Price", "Amount"),
        "-" * 112,
    ]
    first = [
        row("00010", "LAB-1621-", "Rating label 40x20 mm packed 50", "5,000/EA", "55.50 PER M", "277.50"),
        row("", "629-A73", "per carton"),
        row("", "", "   Sched. 01/15/2027", "5,000"),
        "",
        row("00020", "HOU-4487-", "Aluminium housing AL6061 black"),
        row("", "373-B34", "packed 50 per carton"),
        row("", "", "", "300 ____ EA", "8.58", "2,574.00"),
        row("", "", "   Sched. 12/28/2026", "150"),
        row("", "", "   Sched. 01/23/2027", "150"),
    ]
    second = [
        f"{'GRANITE BAY FOODS CORPORATION':<64}Page 2 of 2",
        f"{'':64}PO Number/Order Date",
        f"{'':64}PO-639826 / 11/21/2026",
        "",
        row("00030", "VAL-4013-", "Solenoid valve 1/4in 24 V DC", "500/EA", "6.08", "3,040.00"),
        row("", "138-B48", "packed 50 per carton"),
        row("", "", "   Sched. 12/31/2026", "500"),
        "-" * 112,
        f"{'Subtotal':>92}{'5,891.50':>20}",
        f"{'Sales Tax 8.25%':>92}{'486.05':>20}",
        f"{'Freight':>92}{'85.50':>20}",
        f"{'Grand total USD':>92}{'6,463.05':>20}",
        "",
        "TERMS AND CONDITIONS",
        "1. Late delivery: 0.5% of the order value per day, at most 5%, unless agreed in writing.",
        "2. Questions: call 1-800-555-0142 or fax (254) 412-5843, PO Box 4411, between 8 and 17 h.",
    ]
    result = parse(spool([head + first, second]))
    order = result.order
    assert order.po_number == "PO-639826" and order.po_date == dt.date(2026, 11, 21)
    assert order.total == Decimal("6463.05") and order.currency == "USD"
    got = [(ln.item, ln.quantity, ln.unit, ln.unit_price, ln.amount, ln.delivery_date) for ln in order.lines]
    assert got == [
        ("LAB-1621-629-A73", Decimal("5000"), "EA", Decimal("0.0555"), Decimal("277.50"), dt.date(2027, 1, 15)),
        ("HOU-4487-373-B34", Decimal("300"), "EA", Decimal("8.58"), Decimal("2574.00"), dt.date(2026, 12, 28)),
        ("VAL-4013-138-B48", Decimal("500"), "EA", Decimal("6.08"), Decimal("3040.00"), dt.date(2026, 12, 31)),
    ]
    assert order.lines[1].description == "Aluminium housing AL6061 black packed 50 per carton"
    assert not result.needs_review, result.warnings


def test_an_sap_header_over_two_rows_of_different_columns_is_one_header():
    def words(*cells, top):
        return [{"text": t, "x0": x, "x1": x + 5.5 * len(t), "top": top, "size": 10.0} for t, x in cells]

    lines = [
        words(("Item", 45), ("Material", 88), ("Description", 225), ("Fixed", 527), top=218),
        words(("Order", 61), ("qty.", 90), ("Unit", 182), ("Price", 287), ("per", 317), ("unit", 335), top=230)
        + words(("Net", 437), ("value", 458), top=230),
        words(("00010", 45), ("00000000700-101790", 80), ("PALLET", 190), top=276),
        words(("504", 153), ("Each", 175), ("5.13", 348), ("2,585.52", 492), top=288),
    ]
    at, header = find_header_line(lines, VOCAB)
    assert at == 0 and len(lines) == 3  # the second header row is joined into the first
    names = {VOCAB.column_of(text) for text, _, _ in header}
    assert {"quantity", "unit_price", "amount", "description"} <= names


def test_unknown_header_words_are_named_by_what_their_cells_hold():
    grid = Grid(
        [
            ["No.", "Art.kod", "Beskrivning", "Antal", "Förp", "Pris", "Belopp"],
            ["1", "BRA-5646", "Monteringsvinkel", "5 000", "st", "17,01", "85 050,00"],
            ["2", "MOT-7287", "DC-motor", "50", "st", "48,82", "2 441,00"],
        ],
        "po.pdf p1 table 1",
    )
    table = read_tables([grid], VOCAB, Options(decimal_comma=True))
    assert [(ln.item, ln.unit) for ln, _ in table.lines] == [("BRA-5646", "st"), ("MOT-7287", "st")]
    assert any("column 'Förp' read as the unit" in e for e in table.explain)


def test_a_total_row_in_unknown_words_counts_only_when_it_is_the_lines_sum():
    def grid(total_label: str, total: str, extra: list[list[str]] | None = None) -> Grid:
        rows = [
            ["Kod", "Opis", "Ilość", "Cena", "Wartość"],
            ["SPR-5756", "Sprężyna", "200", "0,53", "106,00"],
            ["GAS-7618", "Uszczelka", "5 000", "1,97", "9 850,00"],
            ["", "", "", total_label, total],
            *(extra or []),
        ]
        return Grid(rows, "po.pdf p1 table 1")

    read = read_tables([grid("Kwota zlecenia (PLN)", "(PLN) 9 956,00")], VOCAB, Options(decimal_comma=True))
    assert (read.total, read.total_currency) == (Decimal("9956.00"), "PLN")
    # not the sum: nothing is taken
    assert read_tables([grid("Kwota zlecenia", "9 999,00")], VOCAB, Options(decimal_comma=True)).total is None
    # the sum, then another such row (a total after tax): a person reads it
    two = grid("Kwota netto", "9 956,00", [["", "", "", "Kwota brutto", "12 245,88"]])
    assert read_tables([two], VOCAB, Options(decimal_comma=True)).total is None


def test_labels_and_headers_in_short_forms_wrapped_cells_and_tax_words():
    assert VOCAB.label_at("Beställningsnr: 785016")[:3] == ("po_number", "Beställningsnr", "785016")
    assert VOCAB.label_at("Bestellnr.: 4548330433")[0] == "po_number"
    assert VOCAB.column_of("Item\nDescriptio\nn") == "description"
    assert VOCAB.column_of("P.U. HT") == "unit_price"
    assert VOCAB.column_of("Montant\nHT") == "amount"


def test_a_total_names_its_currency_in_its_label():
    found = read_fields(
        [split_text_line("GESAMTBETRAG (CHF)        1.265,90", "p1")], VOCAB, Options(decimal_comma=True)
    )
    assert found["total"].value == (Decimal("1265.90"), "CHF")


def test_a_column_headed_by_a_delivery_label_gives_each_line_its_date():
    grid = Grid(
        [
            ["Material", "Bezeichnung", "Menge", "Preis", "Betrag", "Wunschtermin"],
            ["SPR-2670", "Druckfeder", "60", "0,10", "6,00", "2026-12-15"],
            ["HOU-5773", "Gehäuse", "200", "6,82", "1.364,00", "2026-12-18"],
        ],
        "po.xlsx sheet 'Bestellung'",
    )
    table = read_tables([grid], VOCAB, Options(decimal_comma=True))
    assert [ln.delivery_date for ln, _ in table.lines] == [dt.date(2026, 12, 15), dt.date(2026, 12, 18)]


def test_labels_printed_without_their_accents_are_known():
    assert VOCAB.label_at("Wahrung: EUR")[:3] == ("currency", "Wahrung", "EUR")
    assert VOCAB.label_at("Numero de pedido: PC-26-1")[0] == "po_number"
    assert VOCAB.label_at("Uberweisung: 30 Tage") is None  # not a label with or without accents
