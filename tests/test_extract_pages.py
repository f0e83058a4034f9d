"""Line tables over pages under repeated heads, columns of codes beside the description, and
monospaced ERP reports: cases built here with reportlab and read back by the real PDF and text
readers, one per category.

* An order over three pages, each repeating the letterhead, the PO number with "Page n of 3",
  the column heading and a page sum at its foot ("Page total", "Seitensumme"): every line once,
  in order; the sums are not lines and do not end the table.
* A heading that does not say which column holds the words: "Item" over the descriptions beside
  "Part No." over the codes, "Product" over codes beside "Product Description", an unknown
  heading ("Kurztext") over the words; and a description column of codes with no column of
  words beside it, which is flagged rather than read.
* A QAD-style report in Courier and saved as text: headings over two lines, a rule of dashes
  under each column, data wider than the heading over it.
"""

import datetime as dt
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_message
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)


def parse(data: bytes, name: str = "po.pdf", mime: str = "application/pdf"):
    attachment = Attachment(name, mime, data, original_filename=name)
    message = Message(
        "0" * 64, len(data), "<e@x>", subject="PO", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=TODAY))


def pdf(pages: list[list[tuple[float, str, str]]], font: str = "Helvetica", size: float = 8) -> bytes:
    """Pages of rows; a row is (x, alignment "l"/"r", text) cells on one baseline, separated by
    ``None`` rows into lines top-down."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for rows in pages:
        y = 800.0
        for row in rows:
            c.setFont(font, size)
            for x, align, text in row:
                (c.drawRightString if align == "r" else c.drawString)(x, y, text)
            y -= size + 4
        c.showPage()
    c.save()
    return buffer.getvalue()


COLUMNS = {"no": 40, "item": 62, "desc": 140, "qty": 352, "unit": 360, "price": 470, "amount": 555}
RIGHT = {"qty", "price", "amount"}


def row(**cells: str) -> list[tuple[float, str, str]]:
    return [(COLUMNS[k], "r" if k in RIGHT else "l", v) for k, v in cells.items() if v]


ITEMS = [
    ("BRA-1101", "Mounting bracket 2 mm", "100", "1.50", "150.00"),
    ("GAS-2202", "Gasket EPDM 90 mm", "200", "0.45", "90.00"),
    ("SPR-3303", "Compression spring 0.8x6x20", "500", "0.12", "60.00"),
    ("KNO-4404", "Control knob ABS 21 mm", "300", "0.33", "99.00"),
    ("MOT-5505", "DC motor 12 V 3000 rpm", "20", "4.90", "98.00"),
    ("FAN-6606", "Axial fan 80x80x25 12 V", "40", "1.95", "78.00"),
    ("HOU-7707", "Aluminium housing black", "10", "7.80", "78.00"),
]


def _three_pages(sum_label: str) -> bytes:
    heading = row(no="No.", item="Part No.", desc="Description", qty="Qty", unit="UOM", price="Unit Price")
    heading += row(amount="Amount")
    pages, running, position = [], 0.0, 0
    chunks = [ITEMS[0:3], ITEMS[3:6], ITEMS[6:]]
    for number, chunk in enumerate(chunks, 1):
        rows = [
            [(40, "l", "Harbor Point Instruments Inc."), (555, "r", "PURCHASE ORDER")],
            [(40, "l", "77 Wharf Road, Portland ME 04101")],
            [(40, "l", "PO Number: PO-778812"), (555, "r", f"Page {number} of 3")],
            [(40, "l", "PO Date: 11/16/2026")],
            [(40, "l", "Delivery Date: 12/21/2026")],
            [],
            [(40, "l", "Continued from previous page")] if number > 1 else [],
            heading,
        ]
        for code, desc, qty, price, amount in chunk:
            position += 1
            running += float(amount)
            rows.append(row(no=str(position), item=code, desc=desc, qty=qty, unit="EA", price=price, amount=amount))
        rows.append([])
        if number < 3:
            rows.append(row(desc=sum_label, amount=f"{running:,.2f}"))
            rows.append(row(desc="Continued on next page"))
        else:
            rows.append(row(desc="Total", amount=f"{running:,.2f}"))
        pages.append(rows)
    return pdf(pages)


def _lines(result) -> list[tuple]:
    return [(ln.item, ln.description, str(ln.quantity), str(ln.amount)) for ln in result.order.lines]


def test_three_pages_with_repeated_heads_and_page_sums_read_every_line_once_in_order():
    labels = ("Page total", "Seitensumme", "Carried forward", "Total carried forward", "Subtotal page 1")
    for label in labels:
        result = parse(_three_pages(label))
        assert [ln[0] for ln in _lines(result)] == [code for code, *_ in ITEMS], label
        assert [ln[1] for ln in _lines(result)] == [desc for _, desc, *_ in ITEMS]
        assert str(result.order.total) == "653.00"
        assert not any("two totals" in w for w in result.warnings), result.warnings


def _code_table(heads: dict[str, str], cells: list[dict[str, str]]) -> bytes:
    xs = {"a": 40, "b": 170, "c": 300, "qty": 420, "price": 480, "amount": 555}

    def put(values: dict[str, str]) -> list[tuple[float, str, str]]:
        return [(xs[k], "r" if k in ("qty", "price", "amount") else "l", v) for k, v in values.items() if v]

    rows = [
        [(40, "l", "Harbor Point Instruments Inc."), (555, "r", "PURCHASE ORDER")],
        [(40, "l", "PO Number: PO-778813")],
        [(40, "l", "PO Date: 11/16/2026")],
        [(40, "l", "Delivery Date: 12/21/2026")],
        [],
        put({**heads, "qty": "Qty", "price": "Unit Price", "amount": "Amount"}),
    ]
    rows += [put(c) for c in cells]
    rows += [[], put({"price": "Total", "amount": f"{sum(float(c['amount']) for c in cells):.2f}"})]
    return pdf([rows])


TWO = [("BRA-1101", "Mounting bracket 2 mm", "SP150242"), ("GAS-2202", "Gasket EPDM 90 mm", "K722877")]


def _cells(order: tuple[str, str, str]) -> list[dict[str, str]]:
    """Rows of the two items with their code, description and supplier code where ``order`` says."""
    out = []
    for (code, desc, alt), (qty, price, amount) in zip(TWO, [("100", "1.50", "150.00"), ("200", "0.45", "90.00")]):
        values = {"code": code, "desc": desc, "alt": alt}
        out.append({col: values[what] for col, what in zip("abc", order) if what} | {"qty": qty, "price": price})
        out[-1]["amount"] = amount
    return out


def test_the_description_is_the_column_of_words_whatever_the_heading_says():
    cases = [
        ({"a": "Item", "b": "Part No."}, ("desc", "code", "")),  # "Item" over the words
        ({"a": "Product", "b": "Product Description", "c": "Supplier Part"}, ("code", "desc", "alt")),
        ({"a": "Material", "b": "Kurztext", "c": "Ihre Materialnummer"}, ("code", "desc", "alt")),
        ({"a": "Your Ref", "b": "Our Ref", "c": "Item Description"}, ("alt", "code", "desc")),
    ]
    for heads, order in cases:
        result = parse(_code_table(heads, _cells(order)))
        assert [(ln.item, ln.description) for ln in result.order.lines] == [(c, d) for c, d, _ in TWO], heads
        assert not result.needs_review, (heads, result.warnings)


def test_a_description_column_of_codes_with_no_words_beside_it_is_flagged():
    cells = [{"a": "10", "b": code, "c": alt} for code, _, alt in TWO]
    for c, (qty, price, amount) in zip(cells, [("100", "1.50", "150.00"), ("200", "0.45", "90.00")]):
        c.update(qty=qty, price=price, amount=amount)
    result = parse(_code_table({"a": "Line", "b": "Description", "c": "Vendor Code"}, cells))
    assert result.needs_review
    assert any("holds only codes" in w for w in result.warnings), result.warnings


REPORT = [
    "HARBOR POINT INSTRUMENTS INC.                                               PURCHASE ORDER",
    "PO NUMBER:            PO-778814",
    "PO DATE:              11/16/2026",
    "SUPPLIER:             EXAMPLE MANUFACTURING CO., LTD.",
    "",
    " Ln Item Number        Description                Due          Qty UM        Unit     Extended",
    "                                                  Date     Ordered           Cost         Cost",
    "--- ------------------ -------------------------- ---------- ------- -- ----------- ------------",
    "  1 BRA-1101-LONG-CODE MOUNTING BRACKET 2 MM SUS  12/21/2026   1,000 EA      0.0850        85.00",
    "  2 GAS-2202           GASKET EPDM 90 MM          12/28/2026      50 EA        4.41       220.50",
    "  3 SPR-3303           COMPRESSION SPRING         01/04/2027     150 EA        2.14       321.00",
    "--- ------------------ -------------------------- ---------- ------- -- ----------- ------------",
    "                                                                             TOTAL:       626.50",
]
EXPECTED_REPORT = [
    ("BRA-1101-LONG-CODE", "MOUNTING BRACKET 2 MM SUS", "1000", "85.00", "2026-12-21"),
    ("GAS-2202", "GASKET EPDM 90 MM", "50", "220.50", "2026-12-28"),
    ("SPR-3303", "COMPRESSION SPRING", "150", "321.00", "2027-01-04"),
]


def test_a_monospaced_report_is_cut_where_its_rule_of_dashes_parts_the_columns():
    data = pdf([[[(24, "l", text)] for text in REPORT]], font="Courier", size=7)
    text = ("\r\n".join(REPORT) + "\r\n").encode()
    for result in (parse(data), parse(text, "po.txt", "text/plain")):
        got = [
            (ln.item, ln.description, str(ln.quantity), str(ln.amount), ln.delivery_date.isoformat())
            for ln in result.order.lines
        ]
        assert got == EXPECTED_REPORT
        assert str(result.order.total) == "626.50"


def test_a_wrapped_line_that_starts_with_a_comma_follows_the_word_before_it():
    from mailflow.extract.document import join_wrapped

    assert join_wrapped("Power cable stainless, passivated", ", to drawing rev. D") == (
        "Power cable stainless, passivated, to drawing rev. D"
    )
    assert join_wrapped("Hex standoff (M4", ") per drawing") == "Hex standoff (M4) per drawing"
    assert join_wrapped("Hex standoff", "M4x20") == "Hex standoff M4x20"


def test_a_two_line_heading_without_a_rule_joins_its_lines_and_finds_the_codes_column():
    """No dashes: the heading's second line ("Ordered", "Cost") joins the first in text; in the
    PDF "2nd Item" is cut into "2nd" (over "Number") and "Item" (over nothing), and the column of
    codes is read as the item all the same."""
    report = [line for line in REPORT if not line.startswith("---")]
    text = ("\r\n".join(report) + "\r\n").encode()
    jde = [
        *REPORT[:5],
        "  Line 2nd Item       Description                Quantity UM         Unit     Extended",
        "Number Number                                     Ordered            Cost         Cost",
        " 1.000 BRA-1101       MOUNTING BRACKET 2 MM SUS     1,000 EA       0.0850        85.00",
        " 2.000 GAS-2202       GASKET EPDM 90 MM                50 EA         4.41       220.50",
        " 3.000 SPR-3303       COMPRESSION SPRING              150 EA         2.14       321.00",
        "                                                                  TOTAL:       626.50",
    ]
    as_text = parse(text, "po.txt", "text/plain")
    assert [(ln.item, ln.description, str(ln.quantity)) for ln in as_text.order.lines] == [
        (a, b, c) for a, b, c, _, _ in EXPECTED_REPORT
    ]
    printed = parse(pdf([[[(24, "l", t)] for t in jde]], "Courier", 7))
    assert [(ln.item, ln.description, str(ln.quantity), str(ln.amount)) for ln in printed.order.lines] == [
        ("BRA-1101", "MOUNTING BRACKET 2 MM SUS", "1000", "85.00"),
        ("GAS-2202", "GASKET EPDM 90 MM", "50", "220.50"),
        ("SPR-3303", "COMPRESSION SPRING", "150", "321.00"),
    ]


def test_two_columns_of_words_and_no_heading_for_the_description_are_flagged():
    cells = [{"a": code, "b": desc, "c": "deliver to gate 3"} for code, desc, _ in TWO]
    for c, (qty, price, amount) in zip(cells, [("100", "1.50", "150.00"), ("200", "0.45", "90.00")]):
        c.update(qty=qty, price=price, amount=amount)
    result = parse(_code_table({"a": "Part No.", "b": "Kurztext", "c": "Vermerk"}, cells))
    assert [ln.description for ln in result.order.lines] == [desc for _, desc, _ in TWO]
    assert result.needs_review
    assert any("hold words too" in w for w in result.warnings), result.warnings


def test_a_heading_segment_is_split_only_where_its_parts_name_more_columns():
    """ "Số lượng ĐVT" set close together is two columns; "Tên hàng hóa" beside it stays one,
    though "Tên hàng" alone names the description (its "hóa" would cut every description)."""
    from mailflow.extract.columns import header_cells
    from mailflow.extract.vocabulary import Vocabulary

    x = 40.0
    words = []
    for text, gap in [("STT", 8), ("Mã", 3), ("hàng", 30), ("Tên", 3), ("hàng", 3), ("hóa", 120)]:
        words.append({"text": text, "x0": x, "x1": x + 5 * len(text), "top": 100.0, "size": 8})
        x += 5 * len(text) + gap
    for text, gap in [("Qty", 5), ("UOM", 30), ("Đơn", 3), ("giá", 30), ("Thành", 3), ("tiền", 0)]:
        words.append({"text": text, "x0": x, "x1": x + 5 * len(text), "top": 100.0, "size": 8})
        x += 5 * len(text) + gap
    cells = [c[0] for c in header_cells(words, Vocabulary.bundled())]
    assert "Tên hàng hóa" in cells
    assert "Qty" in cells and "UOM" in cells


def test_a_chinese_name_written_without_spaces_is_words_not_a_code():
    from mailflow.extract.tables import _codes

    assert _codes(["BRA-4418", "SP150242", "4711-03"])
    assert not _codes(["防水接头PG9", "LED驱动电源24V"])


def _continued_under_column_rules(heading: str) -> bytes:
    """Page 1: the lines under a heading with row rules only; page 2: the rest of the table with
    no heading, its column rules drawn from the top of the body, but its first row rule only
    under the first row (the grid of rules starts one row too low)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    xs = {"no": 42, "item": 70, "desc": 140, "qty": 380, "unit": 392, "price": 480, "amount": 550}
    right = {"qty", "price", "amount"}

    def put(y: float, cells: dict[str, str]) -> None:
        for key, text in cells.items():
            (c.drawRightString if key in right else c.drawString)(xs[key], y, text)

    c.setFont("Helvetica", 8)
    c.drawString(40, 800, "Officine Valsabbia S.r.l.")
    c.drawRightString(555, 800, "ORDINE DI ACQUISTO")
    c.drawString(40, 780, "Numero ordine OA-55120")
    c.drawString(40, 768, "Data ordine 16/11/2026")
    put(740, dict(zip(xs, heading.split("|"))))
    y = 722.0
    for number, (code, desc, qty, price, amount) in enumerate(ITEMS[:4], 1):
        put(y, {"no": str(number), "item": code, "desc": desc, "qty": qty, "unit": "PZ", "price": price})
        put(y, {"amount": amount})
        c.line(40, y - 4, 555, y - 4)
        y -= 15
    c.drawString(40, y - 10, "./.")
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(40, 800, "OA-55120 · Officine Valsabbia S.r.l.")
    top, y = 785.0, 774.0
    for number, (code, desc, qty, price, amount) in enumerate(ITEMS[4:], 5):
        put(y, {"no": str(number), "item": code, "desc": desc, "qty": qty, "unit": "PZ", "price": price})
        put(y, {"amount": amount})
        c.line(40, y - 5, 555, y - 5)  # a rule under each row, none over the first
        y -= 15
    for x in (40, 66, 136, 339, 387, 423, 485, 555):
        c.line(x, top, x, y + 10)
    c.drawString(300, y - 10, "Totale ordine EUR")
    c.drawRightString(550, y - 10, "653,00")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_continued_table_whose_column_rules_reach_above_its_first_row_rule_keeps_that_row_in_place():
    result = parse(_continued_under_column_rules("Riga|Codice|Descrizione|Quantità|UM|Prezzo|Importo"))
    assert [ln.item for ln in result.order.lines] == [code for code, *_ in ITEMS]
    assert [str(ln.amount) for ln in result.order.lines] == [amount for *_, amount in ITEMS]
    # the row under the running head is the ruled table's first row, not a table of its own
    assert any("p2 table 1 row 1" in line and "MOT-5505" in line for line in result.explain), result.explain


def _table_with_positions(positions: list[int]):
    from mailflow.extract.tables import TableResult, _in_printed_order
    from mailflow.model import OrderLine

    result = TableResult()
    for position in positions:
        line = OrderLine(item=f"P{position}")
        result.lines.append((line, f"row {position}"))
        result.positions[id(line)] = position
    _in_printed_order(result)
    return [line.item for line, _ in result.lines], result.explain


def test_lines_read_out_of_their_printed_positions_are_put_back_in_order():
    items, explain = _table_with_positions([1, 2, 3, 4, 6, 5])
    assert items == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert explain == ["lines put in the order of their printed positions (read as 1, 2, 3, 4, 6, 5)"]
    assert _table_with_positions([10, 30, 20])[0] == ["P10", "P20", "P30"]


def test_numbers_that_are_not_a_run_of_positions_leave_the_lines_as_read():
    for numbers in ([1000, 70000, 1100], [3, 1], [1, 3, 2, 3], [2, 4, 3]):  # catalogue numbers, gaps, repeats
        items, explain = _table_with_positions(numbers)
        assert items == [f"P{n}" for n in numbers] and not explain, numbers


def _wrapped_over_a_page_break() -> bytes:
    head = [
        [(40, "l", "Ostfilder Kunststoffwerk GmbH"), (555, "r", "BESTELLUNG")],
        [(40, "l", "Bestellnummer: 4500871122"), (555, "r", "Seite 1 von 2")],
        [(40, "l", "Bestelldatum: 19.11.2026")],
        [],
        row(no="Pos", item="Artikel-Nr.", desc="Bezeichnung", qty="Menge", unit="ME", price="Preis")
        + row(amount="Betrag"),
    ]
    first = [
        row(no="1", item="KLM-9364", desc="Klemmleiste 12-polig grau", qty="100", unit="ST", price="3,74")
        + row(amount="374,00"),
        row(desc="gemäß Zeichnung Z-3024 Index C,"),
        row(desc="Verpackung zu 10 Stück im"),  # starts like a charge ("Verpackung"), is the line's text
        row(desc="Karton, Prüfbericht erforderlich"),
        row(no="2", item="SNS-9430", desc="Induktiver Näherungsschalter", qty="200", unit="ST", price="22,14")
        + row(amount="4.428,00"),
        row(desc="M12 PNP Schließer gemäß"),
    ]
    second = [
        [(40, "l", "4500871122 · Ostfilder Kunststoffwerk GmbH"), (555, "r", "Seite 2 von 2")],
        [],
        row(desc="Zeichnung Z-2286 Index C,"),  # the rest of line 2, above the first row of the page
        row(desc="Prüfbericht erforderlich"),
        row(no="3", item="RDR-1767", desc="Radialwellendichtring NBR", qty="10", unit="ST", price="1,71")
        + row(amount="17,10"),
        [],
        row(desc="Gesamtbetrag EUR") + row(amount="4.819,10"),
    ]
    return pdf([head + first, second])


def test_a_description_wrapped_over_a_page_break_and_words_like_a_charge_stay_the_lines_text():
    result = parse(_wrapped_over_a_page_break())
    assert [ln.description for ln in result.order.lines] == [
        "Klemmleiste 12-polig grau gemäß Zeichnung Z-3024 Index C, Verpackung zu 10 Stück im Karton,"
        " Prüfbericht erforderlich",
        "Induktiver Näherungsschalter M12 PNP Schließer gemäß Zeichnung Z-2286 Index C, Prüfbericht erforderlich",
        "Radialwellendichtring NBR",
    ]
    assert str(result.order.total) == "4819.10"


def _with_a_delivery_plan(plan: list[tuple[str, str, str]], date_head: str = "Delivery Date") -> bytes:
    rows = [
        [(40, "l", "Limfjord Hydraulics A/S"), (555, "r", "PURCHASE ORDER")],
        [(40, "l", "PO Number: 72-14535")],
        [(40, "l", "PO Date: 13.11.2026")],
        [],
        row(no="Line", item="Item No.", desc="Description", qty="Qty", unit="Unit", price="Unit Price")
        + row(amount="Amount"),
    ]
    for number, (code, desc, qty, price, amount) in enumerate(ITEMS[:3], 1):
        rows.append(row(no=str(number * 10), item=code, desc=desc, qty=qty, unit="pcs", price=price, amount=amount))
    rows += [[], row(desc="Total EUR", amount="300.00"), [], [], [(62, "l", "Delivery schedule")]]
    rows.append([(62, "l", "Item No."), (200, "l", date_head), (352, "r", "Qty")])
    rows += [[(62, "l", code), (200, "l", day), (352, "r", qty)] for code, day, qty in plan]
    return pdf([rows])


@pytest.mark.parametrize("date_head", ["Delivery Date", "Due Date"])
def test_a_delivery_plan_under_the_lines_dates_each_line_and_parts_go_to_a_person(date_head):
    plan = [
        ("BRA-1101", "29.01.2027", "50"),
        ("BRA-1101", "14.02.2027", "50"),
        ("GAS-2202", "29.01.2027", "200"),
        ("SPR-3303", "05.02.2027", "500"),
    ]
    result = parse(_with_a_delivery_plan(plan, date_head))
    assert [ln.item for ln in result.order.lines] == ["BRA-1101", "GAS-2202", "SPR-3303"]
    assert [str(ln.delivery_date) for ln in result.order.lines] == ["2027-01-29", "2027-01-29", "2027-02-05"]
    assert result.needs_review
    assert any("BRA-1101 is to be delivered in 2 parts" in w for w in result.warnings), result.warnings
    assert not any("GAS-2202" in w or "SPR-3303" in w for w in result.warnings), result.warnings


def test_a_delivery_plan_that_does_not_add_up_or_names_another_item_is_said():
    plan = [("BRA-1101", "29.01.2027", "100"), ("GAS-2202", "29.01.2027", "150"), ("XYZ-9999", "29.01.2027", "5")]
    result = parse(_with_a_delivery_plan(plan))
    assert [str(ln.delivery_date) for ln in result.order.lines] == ["2027-01-29", "2027-01-29", "None"]
    assert any("adds up to 150, the line orders 200" in w for w in result.warnings), result.warnings
    assert any("names XYZ-9999, which is no line" in w for w in result.warnings), result.warnings
