"""Orders exported as CSV by EDI translators and ERPs: one row per line, the order's header
repeated on every row, column titles of the exporter's own or none at all, record types."""

import datetime as dt
from decimal import Decimal

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.export import canonical
from mailflow.extract.vocabulary import Vocabulary

TODAY = dt.date(2026, 11, 22)


def parse(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return parse_file(path, ParseContext(today=TODAY))


def lines_of(result) -> list[tuple]:
    return [(ln.item, ln.description, ln.quantity, ln.unit, ln.unit_price) for ln in result.order.lines]


def test_headerless_export_with_pipes_commas_in_the_address_and_numbers_in_descriptions(tmp_path):
    text = (
        "PO-771204|20261118|Osprey Valve Works Inc.|Osprey DC 2, 18 Dock Rd, Mobile AL|1|PSU-3151|"
        "Power supply 24 V 5 A|20|EA|10.25|20261220\r\n"
        "PO-771204|20261118|Osprey Valve Works Inc.|Osprey DC 2, 18 Dock Rd, Mobile AL|2|KNO-7459|"
        "Control knob ABS 21 mm|600|EA|0.33|20261215\r\n"
    )
    result = parse(tmp_path, "export.csv", text)
    order = result.order
    assert result.kind == "purchase_order"
    assert order.po_number == "PO-771204"
    assert order.po_date == dt.date(2026, 11, 18)
    assert order.customer == "Osprey Valve Works Inc."
    assert order.delivery_date == dt.date(2026, 12, 15)  # the earliest need-by date
    assert order.currency is None  # nothing names it
    assert lines_of(result) == [
        ("PSU-3151", "Power supply 24 V 5 A", Decimal("20"), "EA", Decimal("10.25")),
        ("KNO-7459", "Control knob ABS 21 mm", Decimal("600"), "EA", Decimal("0.33")),
    ]
    assert [ln.delivery_date for ln in order.lines] == [dt.date(2026, 12, 20), dt.date(2026, 12, 15)]
    assert any("read as an order export" in line for line in result.explain)


def test_titles_of_the_translator_are_checked_against_what_the_columns_hold(tmp_path):
    """'Product ID' reads as a description and 'Currency Code' as an item code to the vocabulary;
    the cells say otherwise. Decimal commas and windows-1252, as a German export writes them."""
    text = (
        "Bestellnummer;Bestelldatum;Bill To Name;Pos.;Product ID;Bezeichnung;Menge;ME;Preis;Liefertermin;"
        "Currency Code;Zahlungsbedingungen\r\n"
        "4551753605;17.11.2026;Mainfranken Armaturen GmbH;1;BEA-4851;Kugellager 608ZZ;500;ST;0,26;22.12.2026;"
        "EUR;30 Tage netto\r\n"
        "4551753605;17.11.2026;Mainfranken Armaturen GmbH;2;HAR-6564;Kabelbaum 6P 300 mm;1000;ST;2,38;27.12.2026;"
        "EUR;30 Tage netto\r\n"
    )
    result = parse(tmp_path, "bestellung.csv", text, "cp1252")
    order = result.order
    assert order.po_number == "4551753605"
    assert order.customer == "Mainfranken Armaturen GmbH"
    assert order.currency == "EUR"
    assert order.payment_terms == "30 Tage netto"  # a column not named here keeps its own title
    assert lines_of(result) == [
        ("BEA-4851", "Kugellager 608ZZ", Decimal("500"), "ST", Decimal("0.26")),
        ("HAR-6564", "Kabelbaum 6P 300 mm", Decimal("1000"), "ST", Decimal("2.38")),
    ]


def test_header_and_detail_records_without_titles(tmp_path):
    text = (
        "H,PO-905336,2026-11-21,Tamarack Fluid Systems Inc.,Tamarack DC 4,USD\n"
        "D,PO-905336,1,VAL-6414,Check valve 1/2 in,50,EA,4.61,2026-12-27\n"
        "D,PO-905336,2,LAB-9885,Rating label 40x20 mm,4000,EA,0.0575,2027-01-16\n"
    )
    result = parse(tmp_path, "850.csv", text)
    order = result.order
    assert (order.po_number, order.po_date, order.currency) == ("PO-905336", dt.date(2026, 11, 21), "USD")
    assert order.customer == "Tamarack Fluid Systems Inc."
    assert lines_of(result) == [
        ("VAL-6414", "Check valve 1/2 in", Decimal("50"), "EA", Decimal("4.61")),
        ("LAB-9885", "Rating label 40x20 mm", Decimal("4000"), "EA", Decimal("0.0575")),
    ]
    assert not result.needs_review


def test_parts_and_quantities_only_are_read_and_asked_about(tmp_path):
    result = parse(tmp_path, "order_lines.csv", "DESK0004;2\nDESK0005;1\nE-COM11;5\n")
    assert result.kind == "purchase_order"
    assert [(ln.item, ln.quantity) for ln in result.order.lines] == [
        ("DESK0004", Decimal("2")),
        ("DESK0005", Decimal("1")),
        ("E-COM11", Decimal("5")),
    ]
    assert result.needs_review  # no PO number, nobody named
    assert result.order.po_number is None


def test_what_is_not_an_export_is_left_as_it_stands():
    vocab = Vocabulary.bundled()
    header_block = [
        ["Bestellnummer", "4551753605", "", ""],
        ["Datum", "17.11.2026", "", ""],
        ["", "", "", ""],
        ["Pos.", "Artikel", "Menge", "Preis"],
        ["1", "BEA-4851", "500", "0,26"],
        ["2", "HAR-6564", "1000", "2,38"],
        ["", "", "Summe", "390,00"],
    ]
    assert canonical(header_block, "form.csv", vocab) is None
    assert canonical([["Name", "Anna"], ["City", "Lyon"]], "contacts.csv", vocab) is None
    assert canonical([], "empty.csv", vocab) is None


def test_record_types_under_titles_and_a_total_under_the_lines(tmp_path):
    text = (
        "Rec;PO;Date;Name;Line;Part;Text;Qty;UoM;Price;Amount\n"
        "HDR;4500012817;20261119;Brabant Aandrijftechniek B.V.;;;;;;;\n"
        "DTL;4500012817;;;10;GAS-3857;Gasket 90 mm;500;PCE;0.42;210.00\n"
        "DTL;4500012817;;;20;WS-0800;Washer 8 mm;1000;PCE;0.05;50.00\n"
        "TRL;2;260.00;;;;;;;;\n"
    )
    result = parse(tmp_path, "orders.csv", text)
    order = result.order
    assert (order.po_number, order.po_date) == ("4500012817", dt.date(2026, 11, 19))
    assert order.customer == "Brabant Aandrijftechniek B.V."
    assert [(ln.item, ln.quantity, ln.amount) for ln in order.lines] == [
        ("GAS-3857", Decimal("500"), Decimal("210.00")),
        ("WS-0800", Decimal("1000"), Decimal("50.00")),
    ]


def test_a_total_row_under_a_headerless_export_is_kept():
    vocab = Vocabulary.bundled()
    rows = [
        ["PO-1", "20261118", "Osprey Valve Works Inc.", "1", "A-1", "Bolt M8", "10", "EA", "1.50", "15.00"],
        ["PO-1", "20261118", "Osprey Valve Works Inc.", "2", "A-2", "Nut M8", "20", "EA", "0.25", "5.00"],
        ["", "", "", "", "", "", "", "", "Total", "20.00"],
    ]
    grid = canonical(rows, "x.csv", vocab)
    assert grid is not None
    assert grid.rows[-1][-2:] == ["Total", "20.00"]


def test_timestamps_are_dates_not_names():
    vocab = Vocabulary.bundled()
    rows = [
        ["PO-7", "2026-11-18T09:30:00", "Osprey Valve Works Inc.", "1", "A-1", "Bolt M8", "10", "EA", "1.50"],
        ["PO-7", "2026-11-18T09:30:00", "Osprey Valve Works Inc.", "2", "A-2", "Nut M8", "20", "EA", "0.25"],
    ]
    grid = canonical(rows, "x.csv", vocab)
    assert grid is not None
    assert grid.rows[0][:3] == ["PO Number", "PO Date", "Buyer"]
    assert grid.rows[1][1] == dt.date(2026, 11, 18)


def test_a_list_of_po_numbers_and_the_suppliers_column_are_not_an_order():
    vocab = Vocabulary.bundled()
    listing = [["Document Number", "Document Type", "Received Date", "Vendor Number", "Location"]] + [
        [f"{8550589488 + k}", "PO", "1/24/2022 6:03:18 AM", "466370", f"{7400 + k}"] for k in range(5)
    ]
    assert canonical(listing, "listing.xls", vocab) is None  # ten-digit "quantities"
    export = [["采购单号", "供应商名称", "物料件号", "数量", "单位"]] + [
        ["P2025112402", "湖州银都铝业科技有限公司", f"XN-{k}", str(k + 1), "EA"] for k in range(3)
    ]
    grid = canonical(export, "order.xlsx", vocab)
    assert grid is not None
    assert "Buyer" not in grid.rows[0]  # the supplier's name is never taken for the buyer's


def test_hostile_shapes_are_bounded():
    vocab = Vocabulary.bundled()
    wide = [[str(k) for k in range(5000)] for _ in range(3)]
    assert canonical(wide, "wide.csv", vocab) is None
    numbers = [["A-1", "Bolt"] + [f"{r + c}.5" for c in range(60)] for r in range(1000)]
    grid = canonical(numbers, "numbers.csv", vocab)  # at most 12 columns tried three by three
    assert grid is not None and "Quantity" in grid.rows[0]


def test_an_export_under_a_title_and_label_lines_is_read_with_them(tmp_path):
    """The exporting program prints its report's title and a few "label: value" lines over the
    rows (when it ran, whose orders they are): the rows are still the export, and the lines
    above stay readable as header fields."""
    text = (
        "Open orders report\r\n"
        "Buyer:;Blue Heron Appliance Corp.\r\n"
        "Run date:;2026-11-18 06:12\r\n"
        "PO-739162;2026-11-18;Blue Heron Appliance Corp.;Blue Heron Plant 2;1;BRA-7493;Mounting bracket 2 mm;40;PC;1.85;2026-12-20\r\n"
        "PO-739162;2026-11-18;Blue Heron Appliance Corp.;Blue Heron Plant 2;2;KNO-7459;Control knob ABS 21 mm;600;PC;0.33;2026-12-15\r\n"
    )
    result = parse(tmp_path, "report.csv", text)
    assert result.kind == "purchase_order"
    assert (result.order.po_number, result.order.customer) == ("PO-739162", "Blue Heron Appliance Corp.")
    assert lines_of(result) == [
        ("BRA-7493", "Mounting bracket 2 mm", Decimal("40"), "PC", Decimal("1.85")),
        ("KNO-7459", "Control knob ABS 21 mm", Decimal("600"), "PC", Decimal("0.33")),
    ]
    grid = canonical([row.split(";") for row in text.splitlines()], "report.csv", Vocabulary.bundled())
    assert grid.rows[0] == ["Buyer:", "Blue Heron Appliance Corp."]  # the preamble as it stands, but its title
    assert grid.row_where(0) == "report.csv row 2"
    assert grid.row_where(2) == "report.csv (columns named by their content)"
    assert grid.row_where(3) == "report.csv row 4"
    assert "row 1 ('Open orders report') is the report's title" in grid.note


def test_a_report_title_over_the_export_is_no_po_number_label(tmp_path):
    """A title over the line that says when the file was made ("Purchase Order Export" over
    "Exported: 11/16/2026 06:12") read, by position, as a PO number label over a value, and
    the order was flagged against the PO number printed on every line: a title holds no value."""
    text = (
        "Purchase Order Export\r\n"
        "Exported: 11/16/2026 06:12\r\n"
        "PO Number,PO Date,Buyer Name,Ship To,Line,Buyer Part #,Item Description,Qty Ordered,UOM,Unit Cost,Need By\r\n"
        "PO-993309,11/16/2026,Tamarack Fluid Systems Inc.,Tamarack DC 4,1,HX-2040,Hex bolt M8,1200,EA,0.35,12/20/2026\r\n"
        "PO-993309,11/16/2026,Tamarack Fluid Systems Inc.,Tamarack DC 4,2,GW-118,Gear wheel 18T,300,EA,2.50,12/20/2026\r\n"
    )
    result = parse(tmp_path, "export.csv", text)
    assert (result.order.po_number, result.order.po_date) == ("PO-993309", dt.date(2026, 11, 16))
    assert [ln.description for ln in result.order.lines] == ["Hex bolt M8", "Gear wheel 18T"]
    assert not result.needs_review, result.warnings


def test_an_order_number_of_the_year_is_not_a_page_count(tmp_path):
    """'504/27' (order 504 of the year '27) in an Italian flat export: read as the PO number; a
    page count such as '1/4' counts no further than its total, this number does."""
    text = (
        "N. Ordine;Data Ordine;Cliente;Riga;Articolo;Descrizione;Quantità;UM;Prezzo Unitario;Importo\r\n"
        "504/27;12/11/2026;Officine Meccaniche Rossi S.r.l.;1;VT-1002;Valvola a sfera;100;PZ;4,50;450,00\r\n"
        "504/27;12/11/2026;Officine Meccaniche Rossi S.r.l.;2;GU-220;Guarnizione NBR;500;PZ;0,35;175,00\r\n"
    )
    result = parse(tmp_path, "ordini.csv", text, "cp1252")
    assert result.order.po_number == "504/27"
    assert result.order.customer == "Officine Meccaniche Rossi S.r.l."
    assert [ln.amount for ln in result.order.lines] == [Decimal("450.00"), Decimal("175.00")]


def test_a_shift_jis_export_titled_in_half_width_katakana_is_read_as_japanese(tmp_path):
    """Half-width katakana are single bytes in Shift_JIS that a Cyrillic code page also reads:
    the titles and names are Japanese letters, not mojibake."""
    text = (
        "ﾁｭｳﾓﾝﾊﾞﾝｺﾞｳ,ﾁｭｳﾓﾝﾋﾞ,ﾄｸｲｻｷ,ｷﾞｮｳ,ﾋﾝﾊﾞﾝ,ﾋﾝﾒｲ,ｽｳﾘｮｳ,ﾀﾝｲ,ﾀﾝｶ,ｷﾝｶﾞｸ\r\n"
        "778812,2026/11/12,ﾔﾏﾀﾞｺｳｷﾞｮｳ,1,YK-1,ﾍﾞｱﾘﾝｸﾞ,100,ｺ,120,12000\r\n"
        "778812,2026/11/12,ﾔﾏﾀﾞｺｳｷﾞｮｳ,2,YK-2,ﾎﾞﾙﾄ,300,ｺ,15,4500\r\n"
    )
    result = parse(tmp_path, "chumon.csv", text, "shift_jis")
    assert result.order.po_number == "778812"
    assert result.order.po_date == dt.date(2026, 11, 12)
    assert [(ln.item, ln.description, ln.quantity) for ln in result.order.lines] == [
        ("YK-1", "ﾍﾞｱﾘﾝｸﾞ", Decimal("100")),
        ("YK-2", "ﾎﾞﾙﾄ", Decimal("300")),
    ]


def test_a_cyrillic_order_number_repeated_on_every_row_under_unknown_titles(tmp_path):
    """A Mongolian export: titles no vocabulary knows, the order's number, date and buyer the
    same on every row; the constant code-like column is the PO number."""
    text = (
        "Захиалга\tОгноо\tХарилцагч\tБараа\tНэр\tТоо\tҮнэ\r\n"
        "З-26552\t2026.11.12\tЭрдэнэт Машин ХХК\tMN-100\tХолхивч 6204\t200\t3500\r\n"
        "З-26552\t2026.11.12\tЭрдэнэт Машин ХХК\tMN-101\tХолхивч 6205\t100\t4200\r\n"
        "З-26552\t2026.11.12\tЭрдэнэт Машин ХХК\tMN-102\tТос\t5\t12000\r\n"
    )
    result = parse(tmp_path, "zahialga.tsv", text)
    assert result.order.po_number == "З-26552"
    assert result.order.po_date == dt.date(2026, 11, 12)
    assert [ln.item for ln in result.order.lines] == ["MN-100", "MN-101", "MN-102"]


def test_a_quote_that_never_closes_does_not_swallow_the_rows_after_it(tmp_path):
    """'"Heavy duty hinge' typed with an opening quote only: read as a quoted cell, it took
    every row after it into one cell and the order lost its last lines."""
    text = (
        "PO Number\tPO Date\tBuyer\tLine\tPart\tDescription\tQty\tUnit\tPrice\r\n"
        "4500771\t2026-11-12\tTamarack Fluid Systems Inc.\t1\tTF-1\tBrass tee 1/2\t100\tEA\t2.50\r\n"
        '4500771\t2026-11-12\tTamarack Fluid Systems Inc.\t2\tTF-2\t"Heavy duty hinge\t20\tEA\t14.00\r\n'
        '4500771\t2026-11-12\tTamarack Fluid Systems Inc.\t3\tTF-3\t"Clamp" 6 in\t300\tEA\t0.45\r\n'
    )
    result = parse(tmp_path, "export.tsv", text)
    assert [(ln.item, ln.description, ln.quantity) for ln in result.order.lines] == [
        ("TF-1", "Brass tee 1/2", Decimal("100")),
        ("TF-2", '"Heavy duty hinge', Decimal("20")),
        ("TF-3", '"Clamp" 6 in', Decimal("300")),
    ]


def _export_workbook(path, titles: list[str] | None) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    if titles:
        ws.append(titles)
    ship = "Kestrel DC 1, 40 Quay St, Savannah GA"
    ws.append(
        [
            "PO-552081",
            "20261117",
            "Kestrel Pump Systems Inc.",
            ship,
            1,
            "GAS-1207",
            "Gasket NBR 40 mm",
            800,
            "EA",
            0.31,
            "20261214",
        ]
    )
    ws.append(
        [
            "PO-552081",
            "20261117",
            "Kestrel Pump Systems Inc.",
            ship,
            2,
            "FAN-3301",
            "Axial fan 80 mm 12 V",
            40,
            "EA",
            2.95,
            "20261221",
        ]
    )
    wb.save(str(path))


def _check_kestrel(result) -> None:
    order = result.order
    assert result.kind == "purchase_order"
    assert order.po_number == "PO-552081"
    assert order.po_date == dt.date(2026, 11, 17)
    assert order.customer == "Kestrel Pump Systems Inc."
    assert lines_of(result) == [
        ("GAS-1207", "Gasket NBR 40 mm", Decimal("800"), "EA", Decimal("0.31")),
        ("FAN-3301", "Axial fan 80 mm 12 V", Decimal("40"), "EA", Decimal("2.95")),
    ]
    assert [ln.delivery_date for ln in order.lines] == [dt.date(2026, 12, 14), dt.date(2026, 12, 21)]
    assert not result.needs_review, result.warnings


def test_a_workbook_export_whose_titles_would_give_the_buyer_to_the_lines(tmp_path):
    """'Buyer Name' reads as a line's description by its words; its cells (one company on every
    row, left of the line numbers) are the order's buyer, as in the same export saved as CSV."""
    titles = ["PO Number", "PO Date", "Buyer Name", "Ship To Name", "Line #", "Buyer Part #",
              "Item Description", "Qty Ordered", "UOM", "Unit Price", "Need By Date"]  # fmt: skip
    _export_workbook(tmp_path / "export.xlsx", titles)
    result = parse_file(tmp_path / "export.xlsx", ParseContext(today=TODAY))
    _check_kestrel(result)
    assert any("titles alone would read column(s) C" in line for line in result.explain)


def test_an_export_saved_by_calc_as_ods_is_read_as_the_workbook_is(tmp_path, soffice):
    """Untitled, the rows of an .ods export were read as a sheet without a header: no order."""
    _export_workbook(tmp_path / "export.xlsx", None)
    ods = soffice.convert(tmp_path / "export.xlsx", tmp_path / "out", "ods")
    _check_kestrel(parse_file(ods, ParseContext(today=TODAY)))


def test_numbers_under_unknown_titles_told_apart_by_order_alone_are_asked_about(tmp_path):
    """'Stk' and 'EP' say nothing to the vocabulary and no amount confirms them: the quantity
    and the price are read by their order, and a person is asked to check both columns."""
    text = (
        "PO Number;PO Date;Buyer;Pos;Ref;Text;Me;Stk;EP;Due\r\n"
        "PO-71150;2026-11-16;Harbor Gear Ltd;1;GR-4410;Spur gear m1 z40;PC;250;3.40;2026-12-15\r\n"
        "PO-71150;2026-11-16;Harbor Gear Ltd;2;SH-2205;Drive shaft 12 mm;PC;100;7.25;2026-12-18\r\n"
    )
    result = parse(tmp_path, "export.csv", text)
    assert result.order.po_number == "PO-71150"
    assert [(ln.quantity, ln.unit_price) for ln in result.order.lines] == [
        (Decimal("250"), Decimal("3.40")),
        (Decimal("100"), Decimal("7.25")),
    ]
    assert result.needs_review
    doubts = [w for w in result.warnings if "its place among the numbers" in w]
    assert len(doubts) == 2 and "'Stk' is read as the quantity" in doubts[0] and "'EP'" in doubts[1]


def test_unknown_titles_confirmed_by_the_product_and_a_spare_column_of_words(tmp_path):
    """'Units' × 'Each' = 'Extended' on every row: the order of the numbers is confirmed, no
    doubt is raised. 'Article' beside 'Sku' names the item again, but holds the words: it is
    the description, not a column dropped."""
    text = (
        "Order\tDated\tCustomer\tSku\tArticle\tUnits\tUoM\tEach\tExtended\tShip\r\n"
        "PO-88120\t2026-11-17\tHarbor Gear Ltd\tGR-4410\tSpur gear m1 z40\t250\tEA\t3.40\t850.00\t2026-12-15\r\n"
        "PO-88120\t2026-11-17\tHarbor Gear Ltd\tSH-2205\tDrive shaft 12 mm\t100\tEA\t7.25\t725.00\t2026-12-16\r\n"
    )
    result = parse(tmp_path, "export.tsv.csv", text)
    assert lines_of(result) == [
        ("GR-4410", "Spur gear m1 z40", Decimal("250"), "EA", Decimal("3.40")),
        ("SH-2205", "Drive shaft 12 mm", Decimal("100"), "EA", Decimal("7.25")),
    ]
    assert [ln.amount for ln in result.order.lines] == [Decimal("850.00"), Decimal("725.00")]
    assert not result.needs_review, result.warnings


def test_prices_written_with_their_currency_in_every_cell(tmp_path):
    """ "€ 3,40" and "850.00 EUR" were words to the export reader: the prices were lost or a
    number taken from the wrong column. They are numbers, and their one currency the order's;
    a bare "$" names no one dollar and is not taken here."""
    for price, second, code in [("€ 3,40", "€ 7,25", "EUR"), ("3.40 EUR", "7.25 EUR", "EUR"), ("$3.40", "$7.25", None)]:
        text = (
            f"PO-71150;20261116;Harbor Gear Ltd;1;GR-4410;Spur gear m1 z40;250;PC;{price};20261215\r\n"
            f"PO-71150;20261116;Harbor Gear Ltd;2;SH-2205;Drive shaft 12 mm;100;PC;{second};20261218\r\n"
        )
        result = parse(tmp_path, "export.csv", text)
        assert lines_of(result) == [
            ("GR-4410", "Spur gear m1 z40", Decimal("250"), "PC", Decimal("3.40")),
            ("SH-2205", "Drive shaft 12 mm", Decimal("100"), "PC", Decimal("7.25")),
        ], price
        if code:
            assert result.order.currency == code
            assert not result.needs_review, result.warnings
            assert any(f"the currency is {code}" in line for line in result.explain)
