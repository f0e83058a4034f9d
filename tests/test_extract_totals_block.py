"""Orders whose total comes after a net sum, tax and freight (workbooks, Word, CSV), and the
other rules of buyers' own templates: the net sum is never the total when a grand total follows."""

import datetime as dt
import io
from decimal import Decimal

import docx
import openpyxl

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.vocabulary import Vocabulary

TODAY = dt.date(2026, 11, 22)
LINES = [("HX-2040", "Hex bolt M8x40", 500, 0.42, 210), ("WS-0800", "Washer 8 mm", 1000, 0.05, 50)]


def parse(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return parse_file(path, ParseContext(today=TODAY))


def order_sheet(totals: list[tuple[str, float]], *, net_label_row: bool = True) -> bytes:
    """A vertical form: labels in A, values in B, the lines, then ``totals`` under the amounts."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PO"
    sheet["A1"] = "Cedar Ridge Instruments LLC"
    sheet["A3"] = "PURCHASE ORDER"
    for row, (label, value) in enumerate(
        [
            ("PO Number", "CR-77120"),
            ("Order Date", dt.datetime(2026, 11, 18)),
            ("Currency", "USD"),
            ("Delivery Date", dt.datetime(2026, 12, 15)),
        ],
        start=5,
    ):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value)
    for col, head in enumerate(["Item No.", "Description", "Qty", "Unit Price", "Amount"], 1):
        sheet.cell(10, col, head)
    for row, line in enumerate(LINES, start=11):
        for col, value in enumerate(line, 1):
            sheet.cell(row, col, value)
    for row, (label, value) in enumerate(totals, start=14):
        sheet.cell(row, 4, label)
        sheet.cell(row, 5, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_net_sum_row_then_tax_freight_and_the_grand_total(tmp_path):
    data = order_sheet([("Total HT", 260), ("TVA 20 %", 52), ("Frais de port", 10), ("Total TTC", 322)])
    result = parse(tmp_path, "cr.xlsx", data)
    assert result.order.total == Decimal("322")
    assert not result.needs_review, result.warnings


def test_summe_netto_is_the_net_sum_when_the_gesamtbetrag_follows(tmp_path):
    data = order_sheet([("Summe netto", 260), ("MwSt. 19 %", 49.4), ("Gesamtbetrag", 309.4)])
    result = parse(tmp_path, "cr.xlsx", data)
    assert result.order.total == Decimal("309.4")
    assert not result.needs_review, result.warnings


def test_a_net_total_alone_is_the_total(tmp_path):
    result = parse(tmp_path, "cr.xlsx", order_sheet([("Total HT", 260)]))
    assert result.order.total == Decimal("260")
    assert not result.needs_review, result.warnings


def test_a_net_sum_that_is_not_followed_by_charges_and_a_total_stays_the_total(tmp_path):
    # a note between ends the block of totals: the first total row is the order's total
    data = order_sheet([("Total", 260), ("Delivery to gate 3", None), ("Total", 999)])
    result = parse(tmp_path, "cr.xlsx", data)
    assert result.order.total == Decimal("260")


def test_a_tax_row_with_its_rate_in_the_label_is_a_charge():
    vocab = Vocabulary.bundled()
    for label in ("Sales Tax 8.25 %", "MwSt. (19%)", "TVA 20 %:", "IVA 21%"):
        assert vocab.is_row("charges", label), label
    assert not vocab.is_row("charges", "Hex bolt 8 %")


def test_word_totals_as_paragraphs_net_first(tmp_path):
    d = docx.Document()
    d.add_paragraph("Forges du Léman SA")
    d.add_paragraph("BON DE COMMANDE")
    d.add_paragraph("N° de commande: FL-4410")
    d.add_paragraph("Date de commande: 18/11/2026")
    d.add_paragraph("Devise: EUR")
    d.add_paragraph("Date de livraison: 15/12/2026")
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ["Référence", "Désignation", "Quantité", "Prix unitaire", "Montant"]):
        cell.text = head
    for line in LINES:
        for cell, value in zip(table.add_row().cells, line):
            cell.text = str(value).replace(".", ",")
    for text in ("Total HT: 260,00", "TVA 20 %: 52,00", "Frais de port: 10,00", "Total TTC: 322,00"):
        d.add_paragraph(text)
    buffer = io.BytesIO()
    d.save(buffer)
    result = parse(tmp_path, "fl.docx", buffer.getvalue())
    assert result.order.po_number == "FL-4410"
    assert result.order.total == Decimal("322.00")
    assert not result.needs_review, result.warnings


def test_csv_in_windows_1252_reads_its_ordinal_signs(tmp_path):
    text = (
        "Metalúrgica Cantábrica S.A.;;;;\r\nORDEN DE COMPRA;;;;\r\nN.º de pedido;PC-26-36885;;;\r\n"
        "Fecha del pedido;18/11/2026;;;\r\nFecha de entrega;15/12/2026;;;\r\nMoneda;EUR;;;\r\n;;;;\r\n"
        "Referencia;Descripción;Cantidad;Precio unitario;Importe\r\n"
        "HX-2040;Tornillo M8x40;500;0,42;210,00\r\nWS-0800;Arandela 8 mm;1.000;0,05;50,00\r\n"
        ";;;Base imponible;260,00\r\n;;;IVA 21 %;54,60\r\n;;;Portes;10,00\r\n;;;Total;324,60\r\n"
    )
    result = parse(tmp_path, "pedido.csv", text.encode("cp1252"))
    assert result.order.po_number == "PC-26-36885"
    assert result.order.total == Decimal("324.60")
    assert [line.quantity for line in result.order.lines] == [Decimal("500"), Decimal("1000")]
    assert not result.needs_review, result.warnings


def test_a_formula_without_a_saved_result_is_computed_and_flagged_never_read_as_zero(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(order_sheet([("Total", "=SUM(E11:E12)")])))
    book.active["E12"] = "=C12*D12"
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(tmp_path, "cr.xlsx", buffer.getvalue())
    line = result.order.lines[1]
    assert result.needs_review
    assert line.amount == line.quantity * line.unit_price != Decimal(0)
    assert result.order.total == result.order.lines[0].amount + line.amount
    assert any("without a saved result were computed here" in w for w in result.warnings)


def test_a_formula_that_is_not_plain_arithmetic_is_never_read(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(order_sheet([("Total", "=SUM(E11:E12)+Rates!B2")])))
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(tmp_path, "cr.xlsx", buffer.getvalue())
    assert result.needs_review
    assert result.order.total is None
    assert any("without a saved result (E14)" in w for w in result.warnings)
