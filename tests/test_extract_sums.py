"""Totals printed where readers miss them, prices in two currencies and sizes inside
descriptions: the rules of tables.py (and the few of interpret.py that choose between two
totals), each on the smallest input that shows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.document import Grid
from mailflow.extract.normalize import signed_amount
from mailflow.extract.sizes import is_size
from mailflow.extract.tables import Options, read_tables
from mailflow.extract.vocabulary import Vocabulary

VOCAB = Vocabulary.bundled()
TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    "token",
    ["M6x20", "M8x1.25", "M10x1.5x40", "10x20mm", "3x2.5mm²", "Φ12", "Ø8", "DN50", '1/4"-20', "Ｍ６×２０", "12V"],
)
def test_sizes_are_no_codes(token):
    assert is_size(token)


@pytest.mark.parametrize("token", ["BEA-1138", "KNB8686B", "HX-2040", "A2-70", "608ZZ", "MX2040", "DN-50", "M6x20-ZN"])
def test_codes_are_no_sizes(token):
    assert not is_size(token)


def test_descriptions_starting_with_sizes_keep_them():
    """ "M6x20 Hex bolt" on every line of a table without an item column: the size is part of
    the description, not the line's code."""
    grid = Grid(
        [
            ["Description", "Qty", "Unit Price", "Amount"],
            ["M6x20 Hex bolt", "100", "0.12", "12.00"],
            ["DN50 Pipe flange", "10", "8.50", "85.00"],
            ["3x2.5mm² Cable", "200", "1.10", "220.00"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert [(line.item, line.description) for line, _ in result.lines] == [
        (None, "M6x20 Hex bolt"),
        (None, "DN50 Pipe flange"),
        (None, "3x2.5mm² Cable"),
    ]


def test_descriptions_starting_with_codes_still_give_the_items():
    grid = Grid(
        [
            ["Description", "Qty", "Unit Price", "Amount"],
            ["BEA-1138 Ball bearing", "100", "0.12", "12.00"],
            ["KNB-8686 Control knob", "10", "8.50", "85.00"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert [line.item for line, _ in result.lines] == ["BEA-1138", "KNB-8686"]


TWO_CURRENCIES = [
    ["Item No.", "Description", "Qty", "Unit Price USD", "Amount USD", "Unit Price EUR", "Amount EUR"],
    ["HX-2040", "Hex bolt", "100", "1.0870", "108.70", "1.00", "100.00"],
    ["KN-1000", "Control knob", "10", "5.4350", "54.35", "5.00", "50.00"],
    ["", "", "", "", "Total USD", "", "163.05"],
    ["", "", "", "", "Total EUR", "", "150.00"],
]


def test_two_currencies_read_in_the_one_the_order_names():
    result = read_tables([Grid(TWO_CURRENCIES, "test")], VOCAB, Options(order_currency="EUR"))
    assert [(line.unit_price, line.amount) for line, _ in result.lines] == [
        (Decimal("1.00"), Decimal("100.00")),
        (Decimal("5.00"), Decimal("50.00")),
    ]
    assert result.currency == "EUR"
    assert result.total == Decimal("150.00")  # "Total USD" is the other columns' sum
    assert result.column_currencies == {"USD", "EUR"}


def test_two_currencies_without_a_named_one_read_the_first_printed_for_a_person():
    result = read_tables([Grid(TWO_CURRENCIES, "test")], VOCAB, Options())
    assert [line.amount for line, _ in result.lines] == [Decimal("108.70"), Decimal("54.35")]
    assert result.currency == "USD"
    assert result.total == Decimal("163.05")
    assert result.currency_guessed and any("which is the order's" in w for w in result.warnings)


def test_two_currencies_read_in_the_one_the_only_total_row_names():
    rows = [row for row in TWO_CURRENCIES if "Total USD" not in row]
    result = read_tables([Grid(rows, "test")], VOCAB, Options())
    assert [line.amount for line, _ in result.lines] == [Decimal("100.00"), Decimal("50.00")]
    assert (result.currency, result.total) == ("EUR", Decimal("150.00"))
    assert not result.currency_guessed and not result.warnings


def test_a_box_of_sums_beside_the_table_gives_the_total():
    grid = Grid(
        [
            ["Item No.", "Description", "Qty", "Unit Price", "Amount", "Subtotal", "2,000.00"],
            ["HX-2040", "Hex bolt", "1000", "1.00", "1,000.00", "VAT 20%", "400.00"],
            ["KN-1000", "Control knob", "100", "10.00", "1,000.00 Total EUR 2,400.00"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert [line.amount for line, _ in result.lines] == [Decimal("1000.00"), Decimal("1000.00")]
    assert result.total == Decimal("2400.00")
    assert result.subtotal == Decimal("2000.00")
    assert result.adjustments == [Decimal("400.00")]
    assert result.total_currency == "EUR"


def test_words_beside_the_lines_that_are_no_sums_are_left_alone():
    grid = Grid(
        [
            ["Item No.", "Description", "Qty", "Unit Price", "Amount"],
            ["HX-2040", "Hex bolt", "1000", "1.00", "1,000.00 Drawing 4711"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert result.total is None and not result.side_sums


def _pdf(path: Path, rows: list[tuple[float, float, str]], footer: list[tuple[float, float, str]] = ()) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    for x, y, text in [*rows, *footer]:
        (c.drawRightString if x > 300 else c.drawString)(x, y, text)
    c.showPage()
    c.save()
    return path


def _header(y: float) -> list[tuple[float, float, str]]:
    return [
        (40, y, "Acme Werkzeug GmbH"),
        (40, y - 14, "PURCHASE ORDER"),
        (40, y - 28, "PO Number: PO-778812"),
        (40, y - 42, "Order Date: 2026-11-18"),
    ]


def _lines(y: float) -> list[tuple[float, float, str]]:
    return [
        (40, y, "Item No."),
        (110, y, "Description"),
        (380, y, "Qty"),
        (460, y, "Unit Price"),
        (550, y, "Amount"),
        (40, y - 14, "HX-2040"),
        (110, y - 14, "Hex bolt M6x20"),
        (380, y - 14, "1,000"),
        (460, y - 14, "1.00"),
        (550, y - 14, "1,000.00"),
        (40, y - 28, "KN-1000"),
        (110, y - 28, "Control knob"),
        (380, y - 28, "100"),
        (460, y - 28, "10.00"),
        (550, y - 28, "1,000.00"),
    ]


def test_the_currency_printed_under_the_total(tmp_path):
    rows = [*_header(800), *_lines(700), (470, 640, "Total"), (550, 640, "2,000.00"), (550, 628, "EUR")]
    result = parse_file(_pdf(tmp_path / "po.pdf", rows), ParseContext(today=TODAY))
    assert result.order.currency == "EUR"
    assert result.order.total == Decimal("2000.00")
    assert [line.item for line in result.order.lines] == ["HX-2040", "KN-1000"]


def test_a_net_total_beside_the_grand_total_in_the_footer_is_no_conflict(tmp_path):
    """ "Total HT" and the tax in the page's footer band, "Total TTC" under them: the lines
    plus the tax printed make the latter, so the net is a step on the way, not a second total."""
    rows = [*_header(800), (40, 744, "Currency: EUR"), *_lines(700)]
    footer = [
        (48, 44, "Total HT: 2,000.00"),
        (180, 44, "VAT 20%: 400.00"),
        (470, 44, "Total TTC"),
        (550, 44, "2,400.00"),
    ]
    result = parse_file(_pdf(tmp_path / "po.pdf", rows, footer), ParseContext(today=TODAY))
    assert result.order.total == Decimal("2400.00")
    assert not any("disagree" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize(
    "text, value",
    [("-57.50", "-57.50"), ("(57.50)", "-57.50"), ("57.50-", "-57.50"), ("△57,497", "-57497"), ("▲1,200", "-1200")],
)
def test_negative_amounts_as_totals_blocks_print_them(text, value):
    assert signed_amount(text) == Decimal(value)


def test_a_total_with_its_amount_on_the_line_under_its_label():
    grid = Grid(
        [
            ["Item No.", "Description", "Qty", "Unit Price", "Amount"],
            ["HX-2040", "Hex bolt", "1000", "1.00", "1,000.00"],
            ["", "", "", "", "Total (USD)"],
            ["", "", "", "", "1,000.00"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert (result.total, result.total_currency) == (Decimal("1000.00"), "USD")
    assert len(result.lines) == 1


def test_a_total_naming_the_tax_it_holds_or_leaves_out_is_no_charge():
    grid = Grid(
        [
            ["Item No.", "Description", "Qty", "Unit Price", "Amount"],
            ["HX-2040", "Hex bolt", "1000", "1.00", "1,000.00"],
            ["", "", "", "Total Without Taxes", "1,000.00"],
            ["", "", "", "VAT 20%", "200.00"],
            ["", "", "", "Total incl. VAT", "1,200.00"],
            ["", "", "", "Freight", "35.00"],
            ["", "", "", "Grand Total", "1,235.00"],
        ],
        "test",
    )
    result = read_tables([grid], VOCAB, Options())
    assert result.total == Decimal("1235.00")
    assert result.subtotal == Decimal("1000.00")
    assert result.adjustments == [Decimal("200.00"), Decimal("35.00")]
