"""Call-offs, releases and delivery schedules as documents: what a line is when the layout is not
one row per line.

- a delivery schedule (item rows by date or calendar-week columns) is one line per item and
  filled column, with that column's date; a column summing the quantities is no line;
- kanban cards (one item a card, labels beside values, several cards a page or a sheet) are one
  line each;
- a release's cumulative quantity ("Fortschrittszahl", "Qté cumulée") is never the quantity;
- a forecast part after the firm lines holds no lines, and none of its dates is the order's;
- a line discount (a percentage or an amount column) gives the net price when the arithmetic
  says so, and a discount that does not add up is left for a person;
- a price per 1,000 named in the column's heading ("Prix pour 1 000") is divided out;
- numbers run into the next column's word across a boundary are split; codes with spaces and
  slashes ("TRX 40 / 7-A") are codes.

Documents are written with openpyxl and reportlab and read back through ``parse_file``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from mailflow.extract import ParseContext, parse_file
from mailflow.extract.columns import cells
from mailflow.extract.vocabulary import Vocabulary
from mailflow.extract.tables import bare_week, short_date, week_monday, week_of_year_near
from mailflow.model import ParseResult
from mailflow.plausibility import plausible_item

TODAY = dt.date(2026, 11, 23)


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path


def _parse(path: Path) -> ParseResult:
    return parse_file(path, ParseContext(today=TODAY))


HEAD: list[list[object]] = [
    ["PURCHASE ORDER"],
    ["Northwind Fixtures Ltd"],
    ["PO Number", "PO-771204"],
    ["Order Date", dt.datetime(2026, 11, 20)],
    ["Currency", "EUR"],
    [],
]


def test_a_delivery_schedule_by_date_columns_is_a_line_per_item_and_date(tmp_path):
    rows = HEAD + [
        [
            "Item No.",
            "Description",
            "Unit",
            "Unit Price",
            dt.datetime(2026, 12, 7),
            dt.datetime(2026, 12, 14),
            "Total Qty",
        ],
        ["HX-2040", "Housing AL6061", "pcs", 3.2, 500, 250, 750],
        ["HX-2041", "Cover ABS grey", "pcs", 0.85, None, 1200, 1200],
        [],
        [None, None, None, None, None, "Total", 3420],
    ]
    result = _parse(_sheet(tmp_path / "schedule.xlsx", rows))
    assert result.order is not None
    got = [(ln.item, ln.quantity, ln.delivery_date, ln.unit_price) for ln in result.order.lines]
    assert got == [
        ("HX-2040", Decimal(500), dt.date(2026, 12, 7), Decimal("3.2")),
        ("HX-2040", Decimal(250), dt.date(2026, 12, 14), Decimal("3.2")),
        ("HX-2041", Decimal(1200), dt.date(2026, 12, 14), Decimal("0.85")),
    ]
    assert result.order.total == Decimal(3420)
    assert result.order.delivery_date == dt.date(2026, 12, 7)
    assert not result.needs_review, result.warnings


def test_calendar_week_headings_name_their_monday():
    assert week_monday("KW 49/2026") == dt.date(2026, 11, 30)
    assert week_monday("CW 1/2027") == dt.date(2027, 1, 4)
    assert week_monday("S49/2026") == dt.date(2026, 11, 30)
    assert week_monday("2026年第49周") == dt.date(2026, 11, 30)
    assert week_monday("2026-W49") == dt.date(2026, 11, 30)
    assert week_monday("KW 54/2026") is None  # no such week
    assert week_monday("Total Qty") is None


def test_a_calendar_week_without_its_year_is_the_one_nearest_after_today():
    assert bare_week("KW 49") == 49 and bare_week("第2周") == 2 and bare_week("KW 49/2026") is None
    assert week_of_year_near(49, TODAY) == dt.date(2026, 11, 30)
    assert week_of_year_near(2, TODAY) == dt.date(2027, 1, 11)  # over the turn of the year
    assert week_of_year_near(46, TODAY) == dt.date(2026, 11, 9)  # a week under way or just past


def test_a_day_and_month_without_the_year_is_read_in_the_documents_order():
    assert short_date("07.12.", TODAY, None) == (dt.date(2026, 12, 7), False)  # day-first, always
    assert short_date("04.01.", TODAY, None) == (dt.date(2027, 1, 4), False)  # next January
    assert short_date("12/7", TODAY, "MDY") == (dt.date(2026, 12, 7), False)
    assert short_date("25/12", TODAY, None) == (dt.date(2026, 12, 25), False)  # only one reading
    assert short_date("12/7", TODAY, None)[1]  # either: for a person


def test_calendar_week_columns_in_a_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "weeks.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 9)
    y = 800
    for text in ("LIEFERPLAN", "Bestellnummer: 4500123987", "Bestelldatum: 20.11.2026", "Währung: EUR"):
        c.drawString(40, y, text)
        y -= 14
    y -= 20
    xs = {"item": 40, "desc": 110, "price": 290, "w1": 360, "w2": 430, "w3": 500}
    head = {"item": "Material", "desc": "Bezeichnung", "price": "Preis", "w1": "KW 49/2026", "w2": "KW 50/2026"}
    head["w3"] = "KW 51/2026"
    rows = [
        {"item": "GAS-1722", "desc": "Dichtung EPDM", "price": "0,43", "w1": "1.000", "w3": "500"},
        {"item": "SPR-7357", "desc": "Druckfeder", "price": "0,12", "w2": "2.000"},
    ]
    for cells_ in [head, *rows]:
        for key, text in cells_.items():
            if key in ("item", "desc"):
                c.drawString(xs[key], y, text)
            else:
                c.drawRightString(xs[key] + 50, y, text)
        y -= 13
    c.drawRightString(480, y - 10, "Summe netto")
    c.drawRightString(550, y - 10, "885,00")
    c.save()
    result = _parse(path)
    assert result.order is not None
    got = [(ln.item, ln.quantity, ln.delivery_date) for ln in result.order.lines]
    assert got == [
        ("GAS-1722", Decimal(1000), dt.date(2026, 11, 30)),
        ("GAS-1722", Decimal(500), dt.date(2026, 12, 14)),
        ("SPR-7357", Decimal(2000), dt.date(2026, 12, 7)),
    ]
    assert result.order.total == Decimal("885.00")


def _cards_pdf(path: Path, cards: list[list[tuple[str, str]]]) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 9)
    c.drawString(40, 800, "KANBAN CALL-OFF")
    c.drawString(40, 786, "PO Number: PO-551020")
    c.drawString(40, 772, "Order Date: 11/20/2026")
    c.drawString(40, 758, "Currency: USD")
    for i, card in enumerate(cards):
        x, y = 40 + (i % 2) * 270, 720 - (i // 2) * 130
        c.rect(x - 4, y - len(card) * 12, 255, len(card) * 12 + 12)
        for label, value in card:
            c.drawString(x, y, f"{label}:")
            c.drawString(x + 90, y, value)
            y -= 12
    c.save()
    return path


def test_kanban_cards_are_a_line_each(tmp_path):
    cards = [
        [("Kanban No.", f"K{n}01"), ("Part Number", part), ("Description", desc), ("Qty per card", qty)]
        + [("UOM", "EA"), ("Unit Price", price), ("Due Date", due), ("Location", f"A-0{n}-1")]
        for n, (part, desc, qty, price, due) in enumerate(
            [
                ("BOA-9855", "Control board rev C", "200", "16.74", "12/04/2026"),
                ("VAL-8812", "Solenoid valve 24 V", "300", "6.88", "12/06/2026"),
                ("GAS-1868", "Gasket EPDM 90 mm", "10,000", "0.52", "12/08/2026"),
            ],
            1,
        )
    ]
    result = _parse(_cards_pdf(tmp_path / "cards.pdf", cards))
    assert result.order is not None
    got = [(ln.item, ln.quantity, ln.unit_price, ln.delivery_date) for ln in result.order.lines]
    assert got == [
        ("BOA-9855", Decimal(200), Decimal("16.74"), dt.date(2026, 12, 4)),
        ("VAL-8812", Decimal(300), Decimal("6.88"), dt.date(2026, 12, 6)),
        ("GAS-1868", Decimal(10000), Decimal("0.52"), dt.date(2026, 12, 8)),
    ]


def test_kanban_cards_on_a_sheet_are_not_one_line_laid_across(tmp_path):
    card = [
        ["Part No.", "HX-2040", None, "Part No.", "HX-2041"],
        ["Description", "Housing", None, "Description", "Cover"],
    ]
    card += [["Quantity", 500, None, "Quantity", 1200], ["Unit Price", 3.2, None, "Unit Price", 0.85]]
    card += [["Amount", 1600, None, "Amount", 1020]]
    result = _parse(_sheet(tmp_path / "cards.xlsx", HEAD + card + [[]] + [["Total", 2620]]))
    assert result.order is not None
    assert [(ln.item, ln.quantity, ln.amount) for ln in result.order.lines] == [
        ("HX-2040", Decimal(500), Decimal(1600)),
        ("HX-2041", Decimal(1200), Decimal(1020)),
    ]


def test_a_releases_cumulative_quantity_is_never_the_quantity(tmp_path):
    rows = HEAD + [
        ["Artikel-Nr.", "Bezeichnung", "Fortschrittszahl", "Abrufmenge", "ME", "Preis", "Betrag", "Termin"],
        ["HX-2040", "Gehäuse", 12500, 500, "Stk", 3.2, 1600, dt.datetime(2026, 12, 10)],
        ["HX-2041", "Deckel", 30000, 1200, "Stk", 0.85, 1020, dt.datetime(2026, 12, 17)],
    ]
    result = _parse(_sheet(tmp_path / "abruf.xlsx", rows))
    assert result.order is not None
    assert [ln.quantity for ln in result.order.lines] == [Decimal(500), Decimal(1200)]
    assert not result.needs_review, result.warnings


def test_a_forecast_after_the_firm_lines_holds_no_lines_and_no_dates(tmp_path):
    rows = HEAD + [
        ["Item No.", "Description", "Qty", "Unit Price", "Amount", "Due Date"],
        ["HX-2040", "Housing", 500, 3.2, 1600, dt.datetime(2026, 12, 10)],
        ["HX-2041", "Cover", 1200, 0.85, 1020, dt.datetime(2026, 12, 17)],
        [None, None, None, "Total", 2620],
        [],
        ["Forecast (not binding)"],
        ["Item No.", "Description", "Qty", "Unit Price", "Amount", "Due Date"],
        ["HX-2040", "Housing", 1500, 3.2, 4800, dt.datetime(2027, 1, 7)],
        ["HX-2041", "Cover", 3600, 0.85, 3060, dt.datetime(2027, 1, 14)],
    ]
    result = _parse(_sheet(tmp_path / "firm.xlsx", rows))
    assert result.order is not None
    assert [ln.quantity for ln in result.order.lines] == [Decimal(500), Decimal(1200)]
    assert result.order.total == Decimal(2620)
    assert result.order.delivery_date == dt.date(2026, 12, 10)


def test_line_discounts_give_the_net_price_only_when_they_add_up(tmp_path):
    rows = HEAD + [
        ["Item No.", "Description", "Qty", "Unit Price", "Disc. %", "Discount", "Amount"],
        ["HX-2040", "Housing", 500, 3.2, 10, None, 1440],  # 500 × 3.20 less 10 %
        ["HX-2041", "Cover", 1200, 0.85, None, 51, 969],  # 1200 × 0.85 less 51.00
        ["HX-2042", "Bracket", 100, 2.0, 5, None, 200],  # no discount taken: 100 × 2.00
    ]
    result = _parse(_sheet(tmp_path / "disc.xlsx", rows))
    assert result.order is not None
    assert [ln.unit_price for ln in result.order.lines] == [Decimal("2.88"), Decimal("0.8075"), Decimal("2")]
    odd = HEAD + [
        ["Item No.", "Description", "Qty", "Unit Price", "Disc. %", "Amount"],
        ["HX-2040", "Housing", 500, 3.2, 10, 1500],  # neither with nor without the discount
    ]
    flagged = _parse(_sheet(tmp_path / "odd.xlsx", odd))
    assert flagged.needs_review
    assert flagged.order is not None and flagged.order.lines[0].unit_price == Decimal("3.2")


def test_a_price_per_thousand_named_in_a_french_heading(tmp_path):
    rows = HEAD + [
        ["Référence", "Désignation", "Quantité", "Prix pour 1 000", "Montant"],
        ["HX-2040", "Entretoise", 5000, 87.4, 437],
    ]
    result = _parse(_sheet(tmp_path / "pour.xlsx", rows))
    assert result.order is not None
    assert result.order.lines[0].unit_price == Decimal("0.0874")


def test_a_number_run_into_the_next_columns_word_is_split_at_the_boundary():
    words = [
        {"text": "HX-2040", "x0": 40.0, "x1": 75.0, "top": 100.0},
        {"text": "300Stk", "x0": 339.0, "x1": 360.0, "top": 100.0},
        {"text": "4.10", "x0": 406.0, "x1": 419.0, "top": 100.0},
    ]
    units = Vocabulary.bundled().units
    assert cells(words, [142.0, 348.0, 365.0], units) == ["HX-2040", "300", "Stk", "4.10"]
    # a description running over its column's edge is no quantity and its unit: "608ZZ" stays whole
    spilled = [{"text": "Kugellager", "x0": 140.0, "x1": 300.0, "top": 100.0}]
    spilled.append({"text": "608ZZ", "x0": 305.0, "x1": 330.0, "top": 100.0})
    assert "608ZZ" in cells(spilled, [142.0, 318.0, 365.0], units)[1]


def test_codes_with_spaces_and_slashes_are_codes():
    for code in ("TRX 40 / 7-A", "AB 1234/05", "4711 000 12", "X-12 / R2"):
        assert plausible_item(code), code
    assert not plausible_item("please deliver before christmas")
