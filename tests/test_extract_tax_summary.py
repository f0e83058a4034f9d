"""Tax summaries under the lines, recognised by their arithmetic (net × rate = tax) in any language,
and orders whose gross total is the lines plus that tax."""

import datetime as dt
from decimal import Decimal as D

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.document import Line
from mailflow.extract.taxsummary import printed_tax, tax_rows, with_tax
from mailflow.model import OrderLine

TODAY = dt.date(2026, 11, 22)


def lines(*texts: str) -> list[Line]:
    return [Line(text.split("  "), f"test line {n}") for n, text in enumerate(texts, 1)]


def test_rows_whose_tax_is_the_net_times_the_rate():
    rows = tax_rows(
        lines(
            "Riepilogo IVA",
            "22%  4.864,50  1.070,19  Totale IVA  1.070,19",  # the totals block beside the summary
            "10%  1.200,00  120,00",
            "S 20.00%  1,200.00  240.00",
            "23%  4 295,40  987,94  5 283,34",  # Polish: net, VAT, gross with spaces for thousands
            "1.070,19  22 %  235,44",  # net, rate, tax
        )
    )
    assert [(r.rate, r.net, r.tax) for r in rows] == [
        (D("22"), D("4864.50"), D("1070.19")),
        (D("10"), D("1200.00"), D("120.00")),
        (D("20.00"), D("1200.00"), D("240.00")),
        (D("23"), D("4295.40"), D("987.94")),
        (D("22"), D("1070.19"), D("235.44")),
    ]


def test_a_percentage_whose_amounts_do_not_hold_is_no_tax_row():
    rows = tax_rows(
        lines(
            "Discount 5%  1,000.00  60.00",  # 5% of 1,000.00 is not 60.00
            "2% 10 days, net 30 days",
            "1  HX-2040  Hex bolt 5% off  500  0.42  210.00",
            "22%  4.864,50  Rabatt 3%  145,94",  # two rates on one row
        )
    )
    assert rows == []
    assert printed_tax(rows) is None


def test_the_tax_is_added_once_and_a_printed_charge_in_the_net_too():
    rows = tax_rows(lines("21%  7 816,20  1 641,40  9 457,60  Doprava  45,00", "Celkem  7 816,20  1 641,40"))
    order_lines = [OrderLine("A-1", None, D("40"), "ks", D("49.78"), D("1991.20"))]
    order_lines.append(OrderLine("B-2", None, D("1000"), "ks", D("5.78"), D("5780.00")))
    page = lines("Doprava  45,00", "DPH celkem  1 641,40")
    assert with_tax([D("1641.40")], rows, order_lines, page) == [D("1641.40"), D("45.00")]
    assert with_tax([], rows, order_lines, page) == [D("1641.40"), D("45.00")]
    # a gap in the net that the page does not print is no charge: nothing is made up
    assert with_tax([], rows, order_lines, lines("DPH celkem  1 641,40")) == [D("1641.40")]


def _summary_pdf(path, gross: str) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for text in (
        "ORDINE DI ACQUISTO",
        "Officine Rinaldi S.r.l.",
        "N. ordine: OA/4805/26",
        "Data ordine: 20/11/2026",
        "Data di consegna: 18/12/2026",
        "Valuta: EUR",
    ):
        c.drawString(40, y, text)
        y -= 14
    y -= 10
    xs = (40, 110, 300, 360, 400, 470, 550)
    head = ("Codice", "Descrizione", "Quantità", "U.M.", "Prezzo", "Importo")
    rows = [
        ("BOA-4798", "Scheda di controllo rev C", "150", "pz", "19,51", "2.926,50"),
        ("VAL-2726", "Elettrovalvola 24 V DC", "300", "pz", "6,46", "1.938,00"),
    ]
    for cells in (head, *rows):
        for i, (x, text) in enumerate(zip(xs, cells)):
            if i in (2, 4, 5):
                c.drawRightString(xs[i + 1] - 6, y, text)
            else:
                c.drawString(x, y, text)
        y -= 14
    y -= 14
    c.drawString(40, y, "Riepilogo IVA")
    y -= 14
    for cells in (("Aliquota", "Imponibile", "Imposta"), ("22%", "4.864,50", "1.070,19")):
        c.drawString(40, y, cells[0])
        c.drawRightString(170, y, cells[1])
        c.drawRightString(240, y, cells[2])
        y -= 14
    y += 28
    for label, value in (("Totale imponibile", "4.864,50"), ("Totale IVA", "1.070,19"), ("Totale documento", gross)):
        c.drawRightString(470, y, label)
        c.drawRightString(550, y, value)
        y -= 14
    c.showPage()
    c.save()


def test_a_gross_total_of_the_lines_and_the_summarised_tax_passes(tmp_path):
    _summary_pdf(tmp_path / "oa.pdf", "5.934,69")
    result = parse_file(tmp_path / "oa.pdf", ParseContext(today=TODAY))
    assert result.order is not None
    assert result.order.total == D("5934.69")
    assert [line.amount for line in result.order.lines] == [D("2926.50"), D("1938.00")]
    assert not any("add up" in w for w in result.warnings), result.warnings


def test_a_gross_total_the_tax_does_not_make_is_flagged(tmp_path):
    _summary_pdf(tmp_path / "oa.pdf", "5.944,69")
    result = parse_file(tmp_path / "oa.pdf", ParseContext(today=TODAY))
    assert result.needs_review
    assert any("add up" in w for w in result.warnings), result.warnings


def test_amounts_marked_with_a_currency_no_table_knew_are_money():
    from mailflow.extract.tables import Options, _written

    opts = Options()
    assert _written("723.42 som", opts) and _written("28,936.80 so'm", opts)
    # a description running into the column, or a measure, stays words
    assert not any(_written(text, opts) for text in ("0.80 mm", "12.50 kg", "24 V", "Ball bearing 608ZZ"))


def test_a_total_in_a_second_currency_is_not_the_orders(tmp_path):
    page = (
        "<html><body><h2>Purchase Order</h2><p><b>Pemberton Audio Ltd</b></p><table>"
        "<tr><td>PO Number</td><td>PO-646128</td></tr><tr><td>PO Date</td><td>11/14/2026</td></tr>"
        "<tr><td>Delivery Date</td><td>12/29/2026</td></tr><tr><td>Currency</td><td>EUR</td></tr></table>"
        "<table border=1><tr><th>Item No.</th><th>Description</th><th>Qty</th><th>Unit Price</th><th>Amount</th></tr>"
        "<tr><td>LAB-8031</td><td>Rating label</td><td>40</td><td>0.62</td><td>24.80</td></tr>"
        "<tr><td>PSU-2065</td><td>Power supply</td><td>100</td><td>9.03</td><td>903.00</td></tr>"
        "<tr><td colspan=4>Total</td><td>927.80</td></tr></table>"
        "<p>Total USD: 1,008.52 (EUR 1 = USD 1.0870)</p></body></html>"
    )
    (tmp_path / "po.html").write_text(page, encoding="utf-8")
    result = parse_file(tmp_path / "po.html", ParseContext(today=TODAY))
    assert result.order is not None
    assert (result.order.total, result.order.currency) == (D("927.80"), "EUR")
    assert not any("disagree" in w for w in result.warnings), result.warnings


def test_a_running_head_spread_over_the_columns_is_no_line():
    from mailflow.extract.document import Grid
    from mailflow.extract.tables import Options, read_tables
    from mailflow.extract.vocabulary import Vocabulary

    rows = [
        ["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"],
        ["BRA-5367", "Mounting bracket", "150", "pcs", "1.31", "196.50"],
        ["MECCANICA ADRIATICA", "S.R.L. Pagina", "2", "di", "2", ""],  # the next page's running head
        ["STA-8212", "Hex standoff", "3000", "pcs", "0.0798", "239.40"],
    ]
    result = read_tables([Grid(rows, "po.pdf p1 columns")], Vocabulary.bundled(), Options())
    assert [line.item for line, _ in result.lines] == ["BRA-5367", "STA-8212"]
    assert any("running head" in note for note in result.explain)


def test_a_code_alone_under_the_position_number_is_the_item_of_the_line_above():
    from mailflow.extract.document import Grid
    from mailflow.extract.tables import Options, read_tables
    from mailflow.extract.vocabulary import Vocabulary

    rows = [
        ["Pos", "Description", "Qty", "Unit", "Unit Price", "Amount"],
        ["1", "Hex bolt M8x40", "500", "pcs", "0.42", "210.00"],
        ["HX-2040", "", "", "", "", ""],
        ["2", "Washer 8 mm", "1000", "pcs", "0.05", "50.00"],
        ["WS-0800", "", "", "", "", ""],
        ["3", "Spacer 4 mm", "200", "pcs", "0.10", "20.00"],
        ["4", "", "", "", "", ""],  # an empty template row's number is no code
    ]
    result = read_tables([Grid(rows, "po.pdf p1 table 1")], Vocabulary.bundled(), Options())
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("HX-2040", "Hex bolt M8x40"),
        ("WS-0800", "Washer 8 mm"),
        (None, "Spacer 4 mm"),
    ]
