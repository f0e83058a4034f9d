"""Order lines read from tables: the rules of tables.py, columns.py and texttable.py, each on
the smallest input that shows it, and the bounds that keep a hostile text cheap."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from mailflow.extract import columns, texttable
from mailflow.extract.document import Grid
from mailflow.extract.tables import Options, TableResult, _trailing_code, read_tables
from mailflow.extract.vocabulary import Vocabulary

VOCAB = Vocabulary.bundled()


class CountingVocabulary:
    """The bundled vocabulary, counting the header look-ups made through it: the work a
    reader does is measured in look-ups, not in seconds."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.vocab, name)
        if name in ("column_of", "exact_column", "label_at"):

            def counted(*args: Any, **kwargs: Any) -> Any:
                self.calls += 1
                return attr(*args, **kwargs)

            return counted
        return attr


def text_words(text: str) -> list[list[dict]]:
    """Lines of positioned words as a mail body makes them: 6 points a character, 12 a line."""
    out = []
    for number, line in enumerate(text.split("\n")):
        words, x = [], 0
        for token in line.split(" "):
            if token:
                words.append(
                    {"text": token, "x0": x * 6.0, "x1": (x + len(token)) * 6.0, "top": number * 12.0, "size": 10.0}
                )
            x += len(token) + 1
        if words:
            out.append(words)
    return out


def test_long_lines_of_numbers_are_never_tried_as_a_header():
    """2,000 lines of 100 numbers each: no line can be a header, and none costs a look-up of
    its joined words (the old path joined every word to the ones before it: minutes of work)."""
    text = "\n".join(" ".join(str(100000 + (r * 7919 + c * 104729) % 900000) for c in range(100)) for r in range(2000))
    vocab = CountingVocabulary(VOCAB)
    at, header = columns.find_header_line(text_words(text), vocab)  # type: ignore[arg-type]
    assert (at, header) == (None, [])
    assert vocab.calls == 0


def test_header_attempts_are_capped():
    """A text of thousands of lines that each name a column ("Qty" then words) is tried as a
    header at most MAX_HEADER_TRIES times; each try costs a bounded number of look-ups."""
    line = "Qty " + " ".join(f"word{chr(97 + k % 26)}x" for k in range(columns.MAX_HEADER_WORDS - 1))
    line = line.replace("0", "o")
    text = "\n".join([line] * 3000)
    vocab = CountingVocabulary(VOCAB)
    lines = text_words(text)
    assert columns.find_header_line(lines, vocab) == (None, [])  # type: ignore[arg-type]
    per_try = 8 * columns.MAX_HEADER_WORDS
    assert vocab.calls <= columns.MAX_HEADER_TRIES * per_try + 1


def test_a_header_after_prose_and_long_number_lines_is_still_found():
    prose = ["Dear supplier, please deliver the following by the end of the month."] * 20
    junk = [" ".join(str(10000 + k) for k in range(80))] * 50
    table = [
        "Item        Description              Qty      Unit Price      Amount",
        "KNO-4917    Control knob ABS 21 mm   500          1.20        600.00",
    ]
    lines = text_words("\n".join(prose + junk + table))
    at, header = columns.find_header_line(lines, VOCAB)
    assert at == 70
    assert [c[0] for c in header] == ["Item", "Description", "Qty", "Unit Price", "Amount"]


def test_a_heading_wrapped_inside_its_words_is_joined_below():
    """LibreOffice breaks a heading wider than its narrow column inside the word ("Quanti" over
    "té"): neither line names the quantity alone; together they are the header."""
    table = [
        "No  Référence  Désignation          Quanti  Uni  Prix      Montant",
        ".                                   té      té   unitaire",
        "1   SCR-6473   Vis M3x8 A2          150     pce  0,02      3,00",
    ]
    lines = text_words("\n".join(table))
    at, header = columns.find_header_line(lines, VOCAB)
    assert at == 0
    names = [VOCAB.column_of(text) for text, _, _ in header]
    assert names == ["line_no", "item", "description", "quantity", "unit", "unit_price", "amount"]
    assert len(lines) == 2  # the heading's second line is taken out


# --------------------------------------------------------------------------- rows of a table

HEADER = ["No.", "Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]


def read(*rows: list[str], options: Options | None = None) -> TableResult:
    return read_tables([Grid([HEADER, *rows], "p1 columns")], VOCAB, options or Options())


def only(result: TableResult) -> list[tuple[str | None, str | None, str, str | None, str, str]]:
    return [
        (line.item, line.description, str(line.quantity), line.unit, str(line.unit_price), str(line.amount))
        for line, _ in result.lines
    ]


def test_a_row_read_by_arithmetic_keeps_every_word_before_its_quantity():
    """A CJK row in a monospace print-out: its characters are twice as wide as the header's, so
    the columns cut the description and the numbers fall one column right. The numbers are
    found by quantity × price = amount; the words before the quantity are the position, the
    item and the whole description, in order."""
    result = read(["1 KNO-5213", "旋鈕", "ABS 21 mm", "10,000 個", "2.57", "25,700.00", ""])
    assert only(result) == [("KNO-5213", "旋鈕 ABS 21 mm", "10000", "個", "2.57", "25700.00")]


def test_a_row_whose_columns_hold_its_words_keeps_them():
    result = read(["2", "BEA-1138", "玉軸受 608ZZ", "10,000", "個", "39", "390,000"])
    assert only(result) == [("BEA-1138", "玉軸受 608ZZ", "10000", "個", "39", "390000")]


def test_a_carried_forward_row_is_neither_a_line_nor_a_total():
    result = read(
        ["1", "SPR-2201", "Compression spring", "500", "EA", "0.20", "100.00"],
        ["", "", "Carried forward", "", "", "", "100.00"],
        ["", "", "Übertrag", "", "", "", "100.00"],
        ["2", "LAB-7901", "Rating label", "1,200", "EA", "0.05", "60.00"],
    )
    assert [line.item for line, _ in result.lines] == ["SPR-2201", "LAB-7901"]
    assert result.lines[0][0].description == "Compression spring"
    assert result.total is None and result.unnamed_totals == []


def test_a_continued_line_set_between_dashes_is_not_wrapped_text():
    for running in ("- suite -", "*** Fortsetzung ***", "— segue —", "(continued)"):
        result = read(["1", "SCR-7055", "Vis M3x8 A2", "150", "pce", "0.02", "3.00"], ["", "", running, "", "", "", ""])
        assert result.lines[0][0].description == "Vis M3x8 A2", running


def test_freight_priced_like_a_line_is_a_charge_not_a_line():
    result = read(
        ["1", "SPR-2201", "Druckfeder 0.8x6x20", "500", "Stk", "0.20", "100.00"],
        ["", "", "Frachtkosten", "1", "", "45.00", "45.00"],
        ["", "", "Freight", "1", "", "12.00", "12.00"],
    )
    assert only(result) == [("SPR-2201", "Druckfeder 0.8x6x20", "500", "Stk", "0.20", "100.00")]
    assert result.adjustments == [Decimal("45.00"), Decimal("12.00")]


def test_freight_with_a_position_number_is_a_charge_and_a_surcharge_a_line():
    result = read(
        ["1", "SPR-2201", "Druckfeder 0.8x6x20", "500", "Stk", "0.20", "100.00"],
        ["2", "", "Fuel surcharge", "1", "", "25.00", "25.00"],
        ["3", "", "Verpackung und Fracht", "1", "psch", "35.00", "35.00"],
        ["4", "", "Shipping box", "10", "EA", "2.00", "20.00"],
    )
    assert [line.description for line, _ in result.lines] == ["Druckfeder 0.8x6x20", "Fuel surcharge", "Shipping box"]
    assert result.adjustments == [Decimal("35.00")]


def test_a_line_whose_words_name_freight_with_an_item_code_stays_a_line():
    result = read(["1", "FRE-3301", "Freight container strap", "4", "EA", "12.50", "50.00"])
    assert only(result) == [("FRE-3301", "Freight container strap", "4", "EA", "12.50", "50.00")]


def test_a_column_of_price_units_under_an_unknown_heading_divides_the_price():
    header = ["Pos", "Artikel-Nr.", "Bezeichnung", "Menge", "ME", "Einzelpreis", "PE", "Gesamtpreis"]
    rows = [
        ["10", "SCR-4406", "Zylinderschraube M3x8", "10.000", "Stk", "1,87", "100", "187,00"],
        ["20", "SPR-5582", "Druckfeder 0.8x6x20", "1.000", "Stk", "110,00", "1000", "110,00"],
        ["30", "BOA-2300", "Platine Rev. C", "30", "Stk", "18,14", "1", "544,20"],
    ]
    result = read_tables([Grid([header, *rows], "p1 columns")], VOCAB, Options(decimal_comma=True))
    assert [str(line.unit_price) for line, _ in result.lines] == ["0.0187", "0.11", "18.14"]
    assert not result.warnings


def test_a_line_over_two_rows_takes_its_description_from_the_second():
    """A Word table printing each line's numbers on one row and its text, merged across the
    cells, on the row under it: the text lands in the item column and is the description."""
    header = ["Line", "Part Number", "Qty", "UOM", "Unit Price", "Amount"]
    rows = [
        ["1", "BRK-1001", "250", "EA", "1.42", "355.00"],
        [None, "Mounting bracket 2 mm SUS304", None, None, None, None],
        ["2", "GAS-2002", "150", "EA", "0.47", "70.50"],
        [None, "Gasket EPDM 90 mm", None, None, None, None],
    ]
    result = read_tables([Grid([header, *rows], "table 1")], VOCAB, Options())
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("BRK-1001", "Mounting bracket 2 mm SUS304"),
        ("GAS-2002", "Gasket EPDM 90 mm"),
    ]


def test_a_page_number_under_the_lines_is_not_wrapped_text():
    for footer in ("Pagina 1 di 2", "Seite 1 von 2", "Page 1/2", "1 / 2 ページ", "第1页 共2页"):
        result = read(["1", "SCR-7055", "Vite M3x8 A2", "150", "pz", "0.02", "3.00"], ["", "", footer, "", "", "", ""])
        assert result.lines[0][0].description == "Vite M3x8 A2", footer


def test_a_description_running_into_the_quantity_column_goes_back_to_it():
    result = read(
        ["2", "GAS-2816", "Pakking EPDM 90 mm", "roestvast 250", "st", "0,42", "105,00"],
        ["", "", "staal gepassiveerd volgens tekening 4711 rev.", "D 100", "", "", ""],
        ["", "", "per zak", "", "", "", ""],
        options=Options(decimal_comma=True),
    )
    assert only(result) == [
        (
            "GAS-2816",
            "Pakking EPDM 90 mm roestvast staal gepassiveerd volgens tekening 4711 rev. D 100 per zak",
            "250",
            "st",
            "0.42",
            "105.00",
        )
    ]


def test_the_first_group_of_a_space_grouped_quantity_leaves_the_description():
    """ "2 500" (a quantity grouped with a space) cut by the column boundary: the "2" is the
    quantity's, as the arithmetic shows (2500 × 0.43 = 1075.00), not the description's."""
    result = read(
        ["3", "GAS-1805", "Joint EPDM 90 mm acier 2", "500 ____ pce", "", "0,43", "1 075,00"],
        options=Options(decimal_comma=True),
    )
    assert only(result) == [("GAS-1805", "Joint EPDM 90 mm acier", "2500", "pce", "0.43", "1075.00")]


def test_a_blank_between_quantity_and_unit_joins_them_into_one_word():
    words = [
        {"text": "Gasket", "x0": 130.0, "x1": 160.0, "top": 100.0, "size": 8.0},
        {"text": "450", "x0": 262.0, "x1": 274.0, "top": 100.0, "size": 8.0},
        {"text": "____", "x0": 276.0, "x1": 292.0, "top": 100.0, "size": 8.0},
        {"text": "PA", "x0": 294.0, "x1": 302.0, "top": 100.0, "size": 8.0},
    ]
    (line,) = columns.group_lines(words)
    assert [w["text"] for w in line] == ["Gasket", "450 ____ PA"]
    assert line[1]["x0"] == 262.0 and line[1]["x1"] == 302.0
    signature = [dict(w, text=t) for w, t in zip(words, ["Signed:", "Name:", "____", "Date:"])]
    assert [w["text"] for w in columns.group_lines(signature)[0]] == ["Signed:", "Name:", "____", "Date:"]


def test_a_table_found_without_a_header_keeps_the_text_wrapped_under_its_last_line():
    """A page continued without a header is found by alignment and arithmetic; the last item's
    description wraps onto two more rows inside the description column. They belong to it; a
    note starting at the margin below does not."""
    from mailflow.extract import aligned

    def cells(*items: tuple[str, float, float]) -> list[aligned.Cell]:
        return [aligned.Cell(t, a, b) for t, a, b in items]

    rows = [
        cells(
            ("4", 40, 44),
            ("BEA-7042", 60, 99),
            ("Rodamiento de bolas 608ZZ", 130, 231),
            ("2.500", 280, 300),
            ("ud", 308, 317),
            ("0,23", 384, 400),
            ("575,00", 456, 480),
        ),
        cells(("acero inoxidable", 130, 200)),
        cells(
            ("5", 40, 44),
            ("VAL-6106", 60, 99),
            ("Electroválvula 1/4 24 V DC", 130, 231),
            ("50", 288, 300),
            ("ud", 308, 317),
            ("7,08", 384, 400),
            ("354,00", 456, 480),
        ),
        cells(("acero inoxidable pasivado según", 130, 228)),
        cells(("plano 4711 rev. D", 130, 190)),
        cells(("Gracias por su pedido", 40, 120)),
    ]
    found = aligned.find(rows, VOCAB, decimal_comma=True)
    assert found is not None and (found.first, found.end) == (0, 5)


def test_a_carried_forward_row_does_not_end_the_table():
    """ "Suma y sigue 2.321,77" at the foot of a page is no total: the table goes on over the
    page (its columns are carried to the next one), and the table's end is its real total."""
    lines = text_words(
        "No.  Item      Description          Qty   Unit Price     Amount\n"
        "1    SCR-5917  Tornillo M3x8 A2      40         0,02       0,82\n"
        "               Suma y sigue                                0,82\n"
        "2    HOU-8426  Carcasa AL6061       300         7,61   2.283,00\n"
        "               Importe total                           2.283,82"
    )
    assert not columns.has_total(lines[:3], VOCAB)
    assert columns.table_end(lines, 0, VOCAB) == 5


def test_a_description_holding_a_price_a_date_or_a_note_is_flagged_not_trusted():
    result = read(["1", "SPR-2201", "Compression spring 12.50", "10", "EA", "12.50", "125.00"])
    assert any("price or amount (12.50)" in w for w in result.warnings)
    result = read(
        ["1", "SPR-2201", "Compression spring", "10", "EA", "12.50", "125.00"],
        ["", "", "Deliver 12/15/2026", "", "", "", ""],
    )
    assert result.lines[0][0].delivery_date is not None and not result.warnings  # a schedule row, read as one
    result = read(["1", "SPR-2201", "Compression spring due 2026-12-15", "10", "EA", "12.50", "125.00"])
    assert any("holds a date" in w for w in result.warnings)
    result = read(["1", "SPR-2201", "Compression spring Nota: certificate 3.1", "10", "EA", "12.50", "125.00"])
    assert any("note's label" in w for w in result.warnings)
    result = read(["1", "SPR-2201", "Compression spring 0.8x6x20 stainless, 12 V", "10", "EA", "12.50", "125.00"])
    assert result.warnings == []


def test_a_continued_page_starts_at_a_row_with_numbers_or_a_position_not_at_its_running_head():
    from mailflow.extract.wordpage import Layout, _first_row

    layout = Layout([55.0, 125.0, 250.0, 304.0, 340.0, 410.0], HEADER)
    lines = text_words(
        "Zeeland       Procestechniek        B.V. Inkoopordernr. IO266819\n"
        "                      Getransporteerd                                              2.042,50\n"
        "4    FAN-6831-  Axiaalventilator 80x80x25 12    150  st          1,65         247,50"
    )
    assert _first_row(lines, layout, VOCAB) == 2
    item_first = text_words(
        "ACME CORPORATION                                  Page 2 of 2\n"
        "00040  LAB-5053-  Typenschild 40x20 mm\n"
        "                                                 60  Stk        0,05          3,01"
    )
    assert _first_row(item_first, layout, VOCAB) == 1


def test_a_schedule_row_with_its_part_quantity_is_not_wrapped_text():
    result = read(
        ["1", "702041", "Tarimas (paletas)", "1,428.000", "UN", "8.00000", "11,424.00"],
        ["", "", "F.Ent:12/21/2021", "", "1,428.000", "", ""],
        ["", "", "F.Stand:12/21/2021", "", "", "", ""],
    )
    (line, _), *_ = result.lines
    assert line.description == "Tarimas (paletas)"
    assert str(line.delivery_date) == "2021-12-21"
    assert not result.warnings


def test_text_left_between_two_lines_flags_the_line_above():
    """ "90" under "12345678" in a narrow item column: the rest of a code wrapped without a
    joining mark, or a second code. Neither reading is sure, so the line is flagged."""
    result = read(
        ["1", "12345678", "Hex standoff M4x20", "500", "pc", "0.09", "45.00"],
        ["", "90", "", "", "", "", ""],
        ["2", "BRA-2201", "Mounting bracket", "100", "pc", "1.42", "142.00"],
    )
    assert [line.item for line, _ in result.lines] == ["12345678", "BRA-2201"]
    assert any("read into no line" in w and "line 1" in w for w in result.warnings)


# --------------------------------------------------------------------------- typed tables

SPOOL = """#   Item No.   Description                                  Qty UOM     Unit Price        Amount
-----------------------------------------------------------------------------------------------
1   SPR-9719-  Compression spring 0.8x6x20                  750 EA           0.12         90.00
    515-C11    stainless steel
2   LAB-1301   Rating label 40x20 mm stainless              100 EA          0.0465          4.65

               Carried forward                                                            94.65
\fGranite Bay Foods Corporation  PO-730933

               Brought forward                                                            94.65

3   BRA-7572-  Mounting bracket 2 mm SUS304                 750 EA            1.62      1,215.00
    455-C87    stainless steel
-----------------------------------------------------------------------------------------------
               Total                                                                   1,309.65
"""


def test_a_typed_table_goes_on_over_a_page_break_and_keeps_codes_wrapped_in_the_item_column():
    from mailflow.extract import texttable

    found = texttable.find(texttable.prepare(SPOOL).split("\n"), VOCAB)
    assert found is not None
    result = read_tables([found.grid], VOCAB, Options())
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("SPR-9719-515-C11", "Compression spring 0.8x6x20 stainless steel"),
        ("LAB-1301", "Rating label 40x20 mm stainless"),
        ("BRA-7572-455-C87", "Mounting bracket 2 mm SUS304 stainless steel"),
    ]
    assert str(result.total) == "1309.65"


def test_empty_template_rows_do_not_end_a_typed_table_before_its_total():
    from mailflow.extract import texttable

    text = """#   Item No.   Description                         Qty UOM   Unit Price     Amount
1   SPR-9719   Compression spring 0.8x6x20         750 EA          0.12      90.00
2   LAB-1301   Rating label 40x20 mm               100 EA        0.0465       4.65
3
4
               Total                                                         94.65
"""
    found = texttable.find(texttable.prepare(text).split("\n"), VOCAB)
    assert found is not None
    result = read_tables([found.grid], VOCAB, Options())
    assert [line.item for line, _ in result.lines] == ["SPR-9719", "LAB-1301"]
    assert str(result.total) == "94.65"


def test_a_big5_text_without_a_declared_charset_is_read_as_big5():
    from mailflow.extract.csv import decode

    text = "新竹宏達電子股份有限公司    採購單\n採購單號：PO-TW-73019\n品名  數量  單價\n安裝支架 不鏽鋼  500  43\n"
    decoded, encoding = decode(text.encode("big5"))
    assert decoded == text and encoding == "cp950"
    gbk = "宁波东海机电有限公司 订购单\n采购单号：CG2026114659\n物料名称 订购数量\n安装支架 不锈钢 2,000\n"
    assert decode(gbk.encode("gbk"))[0] == gbk


def test_two_typed_tables_are_both_read():
    from mailflow.extract import body

    text = """Parts
Item No.   Description                         Qty UOM   Unit Price     Amount
SPR-9719   Compression spring 0.8x6x20         750 EA          0.12      90.00

Tooling
Item No.   Description                         Qty UOM   Unit Price     Amount
FIX-2001   Assembly fixture                      1 EA        850.00     850.00

Total                                                                   940.00
"""
    doc = body.from_text(text, "body", VOCAB)
    result = read_tables(doc.grids, VOCAB, Options())
    assert [line.item for line, _ in result.lines] == ["SPR-9719", "FIX-2001"]
    assert str(result.total) == "940.00"
    assert not any("FIX-2001" in line.text for line in doc.lines)  # read as a table, not as text


def test_a_unit_column_with_an_unknown_header_is_named_even_when_descriptions_run_into_the_quantity():
    grid = Grid(
        [
            ["NO.", "RÉF.", "DÉSIGNATION", "QTÉ", "U", "P.U. HT", "MONTANT HT"],
            ["1", "SPR-1700", "Ressort de compression", "0.8x6x20 40", "pce", "0,12", "4,80"],
            ["2", "FAN-9110", "Ventilateur axial 80x80x25", "12 V 200", "pce", "1,94", "388,00"],
        ],
        "p1 columns",
    )
    result = read_tables([grid], VOCAB, Options(decimal_comma=True))
    assert [(line.description, str(line.quantity), line.unit) for line, _ in result.lines] == [
        ("Ressort de compression 0.8x6x20", "40", "pce"),
        ("Ventilateur axial 80x80x25 12 V", "200", "pce"),
    ]


def test_a_band_across_the_table_under_a_line_is_its_description_and_a_note_under_a_described_line_is_not():
    """Oracle BI Publisher prints a line as a band of numbers over a band of text: pdfplumber
    gives the band as one box with no cell drawn beside it (None), or a "Description" box and
    the text. Under a line that has a description, such a band is a note and changes nothing."""
    header = ["#", "Item No.", "Qty", "UOM", "Unit Price", "Amount"]
    grids = [
        Grid([header], "p1 table 1"),
        Grid(
            [["1", "LAB-3812", "120", "EA", "0.0560", "6.72"], ["Rating label 40x20 mm", None, None, None, None, None]],
            "p1 table 2",
        ),
        Grid(
            [
                ["2", "BRA-4571", "1,000", "EA", "1.28", "1,280.00"],
                ["Description", None, "Mounting bracket", None, None, None],
            ],
            "p1 table 3",
        ),
        Grid([["3", "SCR-8902", "2,000", "EA", "0.0193", "38.60"], ["", "", "", "", "", ""]], "p1 table 4"),
    ]
    result = read_tables(grids, VOCAB, Options())
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("LAB-3812", "Rating label 40x20 mm"),
        ("BRA-4571", "Mounting bracket"),
        ("SCR-8902", None),
    ]
    described = Grid(
        [
            ["Item No.", "Description", "Qty", "Unit Price", "Amount"],
            ["LAB-3812", "Rating label", "120", "0.0560", "6.72"],
            ["This line references a blanket agreement", None, None, None, None],
        ],
        "p1 table 1",
    )
    assert [line.description for line, _ in read_tables([described], VOCAB, Options()).lines] == ["Rating label"]


def test_a_quantity_printed_with_its_unit_in_brackets_after_a_slash_or_a_space_gives_both():
    grid = Grid(
        [
            ["#", "Part Number", "Description", "Qty", "Unit Price", "Amount"],
            ["1", "CAB-7575", "Power cable", "120 (EA)", "0.42", "50.40"],
            ["2", "BOA-6499", "Control board", "1,000/PCS", "1.25", "1,250.00"],
            ["3", "HAR-1747", "Wire harness", "30 SET", "2.00", "60.00"],
            ["4", "FAN-5649", "Axial fan", "15（个）", "2.00", "30.00"],
        ],
        "p1 columns",
    )
    result = read_tables([grid], VOCAB, Options())
    assert [(str(line.quantity), line.unit) for line, _ in result.lines] == [
        ("120", "EA"),
        ("1000", "PCS"),
        ("30", "SET"),
        ("15", "个"),
    ]


def test_a_header_word_in_brackets_qualifies_the_column_before_it_and_a_hash_is_a_column_of_its_own():
    line = [
        {"text": t, "x0": x0, "x1": x1, "top": 0.0, "size": 8.0}
        for t, x0, x1 in [
            ("#", 60, 65),
            ("Part", 71, 86),
            ("Number", 88, 119),
            ("Quantity", 352, 385),
            ("(Unit)", 387, 408),
            ("Price", 455, 474),
        ]
    ]
    assert [c[0] for c in columns.header_cells(line, VOCAB)] == ["#", "Part Number", "Quantity (Unit)", "Price"]


def test_a_word_cut_at_a_narrow_cells_edge_is_joined_again_and_a_word_wrapped_before_a_capital_is_not():
    """LibreOffice breaks a word wider than its cell where the cell ends ("Netzkab" over "el"):
    the piece is alone on its line and no further letter fits beside it. "standoff" over
    "M4x20" fills its line as closely, but a capital after a small letter starts a word."""
    from types import SimpleNamespace

    def word(text: str, x0: float, top: float, width: float = 5.3) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + width * len(text), "top": top, "bottom": top + 9}

    box = (172.5, 20.0, 226.4, 60.0)  # padding 5.5 on the left: text may reach 220.9
    cases = [
        ("Netzkab\nel 2x0.75", [word("Netzkab", 178.0, 21, 5.44), word("el", 178.0, 31), word("2x0.75", 192.0, 31)]),
        ("Hex\nstandoff\nM4x20", [word("Hex", 178.0, 21), word("standoff", 178.0, 31, 5.2), word("M4x20", 178.0, 41)]),
        ("Zeskant\nafstandsbus", [word("Zeskant", 178.0, 21, 5.2), word("afstandsbus", 178.0, 31, 3.8)]),
    ]
    rows = [["Description"], *[[text] for text, _ in cases]]
    words = [w for _, ws in cases for w in ws]
    for k, (_, ws) in enumerate(cases):  # each case a row of its own, 100 points below the one before
        for w in ws:
            w["top"] += 100 * k
            w["bottom"] += 100 * k
    boxes = [(box[0], box[1] + 100 * k, box[2], box[3] + 100 * k) for k in range(len(cases))]
    table = SimpleNamespace(rows=[SimpleNamespace(cells=[None]), *[SimpleNamespace(cells=[b]) for b in boxes]])
    chars = [{"x0": w["x0"], "x1": w["x0"] + 5.3, "top": w["top"]} for w in words]
    doubts: list[str] = []
    assert [r[0] for r in columns.rejoin_cut_words(table, rows, words, chars, doubts)[1:]] == [
        "Netzkabel 2x0.75",
        "Hex\nstandoff\nM4x20",
        "Zeskant\nafstandsbus",
    ]
    assert doubts == []  # a piece of two letters after the cut is sure
    long_rest = [["Description"], ["Aluminium\nhousing"]]
    tight = [word("Aluminium", 178.0, 21, 4.7), word("housing", 178.0, 31)]
    one = SimpleNamespace(rows=[SimpleNamespace(cells=[None]), SimpleNamespace(cells=[box])])
    assert columns.rejoin_cut_words(one, long_rest, tight, chars, doubts)[1][0] == "Aluminiumhousing"
    assert len(doubts) == 1 and "check it" in doubts[0]  # a whole word may fill its line as tightly: flagged


def test_a_bilingual_header_cell_is_named_by_the_line_in_a_language_we_know():
    """Vietnamese over English (or under it), a language a line: the line that names a field
    names the column, before the words of both run together ("Item Description Tên hàng hóa"
    holds "item" too)."""
    assert VOCAB.column_of("Số lượng\nQty") == "quantity"
    assert VOCAB.column_of("Item Description\nTên hàng hóa") == "description"
    assert VOCAB.column_of("Thành tiền\nAmount") == "amount"
    assert VOCAB.column_of("Extended\nPrice") == "amount"  # one header wrapped: still read whole first
    assert VOCAB.column_of("Quanti\nty") == "quantity"
    assert VOCAB.is_row("total", "Tổng cộng / Order Total")
    assert not VOCAB.is_row("total", "Ghi chú / Remarks")


def test_numbers_grouped_twice_without_decimals_tell_the_decimal_mark():
    from mailflow.extract.normalize import guess_decimal_comma

    assert guess_decimal_comma("Đơn giá 268.000  Thành tiền 80.400.000") is True
    assert guess_decimal_comma("Price 268,000  Amount 80,400,000") is False
    assert guess_decimal_comma("Qty 1.000  Price 66.500") is None  # one group each: either reading
    assert guess_decimal_comma("1.200.000 and 1,50") is True  # decimals, where written, decide


def test_a_run_of_words_across_a_table_without_a_description_column_is_one_band():
    header = ["#", "Item No.", "Qty", "UOM", "Unit Price", "Amount"]
    bounds = [15.0, 80.0, 130.0, 160.0, 220.0]  # 6 points a character: "#" in the first 2 characters
    band = text_words("Rating label 40x20 mm")[0]
    assert columns.band_cells(band, bounds, header, VOCAB) == ["Rating label 40x20 mm", None, None, None, None, None]
    labelled = text_words("Description   Rating label 40x20 mm")[0]
    assert columns.band_cells(labelled, bounds, header, VOCAB)[:3] == ["Description", "Rating label 40x20 mm", None]
    numbers = text_words("1  LAB-3812     120  EA      0.0560   6.72")[0]
    assert None not in columns.band_cells(numbers, bounds, header, VOCAB)
    described = ["#", "Item No.", "Description", "Qty", "Unit Price", "Amount"]
    assert None not in columns.band_cells(band, bounds, described, VOCAB)  # it has a column for the text


def test_a_spools_shortened_date_heads_name_the_delivery_date_column():
    from mailflow.extract.tables import header_columns

    for head in ("DUE DT", "DLV DATE", "REQ DT", "PROM DATE"):
        assert header_columns(["LN", "ITEM", "QTY", "UNIT COST", head], VOCAB)[4] == "delivery_date", head


def test_a_code_ending_in_digits_is_not_thousands_of_the_quantity_after_it():
    """ "SUS304 400": the code's digits and the quantity are two words, not 304,400."""
    header = ["No.", "Référence", "Désignation", "Quantité", "Unité Prix", "unitaire", "Montant"]
    rows = [
        ["11", "BOA-6500", "Carte de commande rev C", "200", "pce", "18,48", "3 696,00"],
        ["12", "BRA-3306", "Équerre de fixation 2 mm SUS304", "400", "pce", "1,50", "600,00"],
    ]
    result = read_tables([Grid([header, *rows], "body columns")], VOCAB, Options(decimal_comma=True))
    assert [str(line.unit_price) for line, _ in result.lines] == ["18.48", "1.50"]


def test_a_line_without_the_price_the_others_print_is_named():
    result = read(
        ["1", "SPR-2201", "Compression spring", "500", "EA", "0.20", "100.00"],
        ["2", "LAB-7901", "Rating label", "1,200", "EA", "", "60.00"],
        ["3", "GAS-3857", "Gasket 90 mm", "100", "EA", "0.47", "47.00"],
    )
    assert len(result.lines) == 3
    assert any("no unit price read for line 2" in w for w in result.warnings)


SPOOL_PAGE = """Weserland Antriebstechnik GmbH                              BESTELLUNG
Hafenstraße 12
28217 Bremen
Tel. +49 421 555 310

Bestellnummer:          4571284805                          Seite {n} von 2
{fields}
"""


def test_a_spool_over_pages_skips_each_page_foot_and_running_head():
    """A text spool: a form feed between pages, a foot with registration and telephone
    numbers over it, the next page's head as tall as the first's and without the column
    headings. Every row is a line; neither the foot nor the head is."""
    heading = "No.   Artikel-Nr.  Bezeichnung                            Menge ME     Einzelpreis    Gesamtpreis"
    first = [
        "1     SPR-8137     Druckfeder 0.8x6x20                      150 Stk           0,12          18,00",
        "2     LAB-7248     Typenschild 40x20 mm                     100 Stk         0,0488           4,88",
    ]
    second = [
        '3     VAL-9040     Magnetventil 1/4" 24 V DC               200 Stk           5,65       1.130,00',
        "4     KNO-6601     Drehknopf ABS 21 mm                      250 Stk           0,35          87,50",
    ]
    foot = "Amtsgericht Bremen HRB 27731 · IBAN DE89 3704 0044 0532 0130 00 · Tel. 0421 555 310"
    text = SPOOL_PAGE.format(n=1, fields="Bestelldatum:           23.11.2026\nWährung:                EUR\n")
    text += "\n".join([heading, "-" * 98, *first, "", foot])
    text += "\f" + SPOOL_PAGE.format(n=2, fields="") + "\n".join(second)
    text += (
        "\n"
        + "-" * 98
        + "\n                   Gesamtbetrag                                                   1.240,38\n"
    )
    table = texttable.find(texttable.prepare(text).split("\n"), VOCAB)
    assert table is not None
    result = read_tables([table.grid], VOCAB, Options(decimal_comma=True))
    assert [line.item for line, _ in result.lines] == ["SPR-8137", "LAB-7248", "VAL-9040", "KNO-6601"]
    assert result.total == Decimal("1240.38")


def test_a_size_before_the_quantity_is_not_thousands_of_it():
    """ "Bouton rotatif ABS 21  250 pce  0,28  70,00" in columns the heading does not name:
    21 250 grouped is no reading that adds up; 250 × 0,28 = 70,00 is."""
    header = ["No.", "Référence", "Désignation", "Quantité", "Unité Prix", "unitaire", "Montant"]
    rows = [
        ["4", "VAL-1169", 'Électrovanne 1/4" 24 V', "50", "pce", "7,08", "354,00"],
        ["5", "KNO-7284", "Bouton rotatif ABS 21", "250", "pce", "0,28", "70,00"],
    ]
    result = read_tables([Grid([header, *rows], "body columns")], VOCAB, Options(decimal_comma=True))
    assert [(str(line.quantity), str(line.unit_price)) for line, _ in result.lines] == [
        ("50", "7.08"),
        ("250", "0.28"),
    ]


def test_rows_without_a_header_keep_their_wrapped_descriptions():
    text = "\n".join(
        [
            "1     LAB-7358     Etichetta dati                         3.000 pz          0,0419         125,70",
            "                   40x20 mm",
            "2     CAB-6495     Cavo di                                1.000 m             0,36         360,00",
            "                   alimentazione",
            "                   2x0.75 mm2",
            "",
            "Grazie, Giulia Conte",
        ]
    )
    table = texttable.find_headerless(texttable.prepare(text).split("\n"), VOCAB)
    assert table is not None
    assert [row[2] for row in table.grid.rows[1:]] == ["Etichetta dati 40x20 mm", "Cavo di alimentazione 2x0.75 mm2"]


def _lines(header: list[str], *rows: list[str], comma: bool = False) -> TableResult:
    return read_tables([Grid([header, *rows], "p1 columns")], VOCAB, Options(decimal_comma=comma))


def test_a_delivery_plan_table_whose_dates_are_under_a_bare_date_heading():
    """ "Riga | Articolo | Data | Q.tà" under the lines (a ruled table of its own): "Data" names no
    column, but every cell under it is a date, so it is the plan's; the lines take their first date."""
    lines = Grid(
        [
            ["No.", "Item", "Description", "Qty", "Price", "Amount"],
            ["1", "BRA-1101", "Mounting bracket", "100", "1.50", "150.00"],
            ["2", "GAS-2202", "Gasket EPDM", "200", "0.45", "90.00"],
        ],
        "p1 table 1",
    )
    plan = Grid(
        [
            ["Riga", "Articolo", "Data", "Q.tà"],
            ["1", "BRA-1101", "18.12.2026", "100"],
            ["2", "GAS-2202", "18.12.2026", "120"],
            ["2", "GAS-2202", "08.01.2027", "80"],
        ],
        "p1 table 2",
    )
    result = read_tables([lines, plan], VOCAB, Options())
    assert [(ln.item, str(ln.delivery_date)) for ln, _ in result.lines] == [
        ("BRA-1101", "2026-12-18"),
        ("GAS-2202", "2026-12-18"),
    ]
    assert [w for w in result.warnings if "parts" in w] == [
        "p1 table 2: GAS-2202 is to be delivered in 2 parts (120 on 2026-12-18, 80 on 2027-01-08); the line keeps"
        " the first date, 2026-12-18: a person plans the deliveries"
    ]


def test_a_code_under_a_label_no_vocabulary_knows_is_asked_about_not_taken():
    """One line ending "Zeichnung-Nr: DWG-4711": perhaps the item, perhaps a note; a person sees it."""
    result = _lines(
        ["No.", "Description", "Qty", "Unit", "Price", "Amount"],
        ["1", "Bracket, zinc plated Zeichnungsnr: DWG-4711", "10", "EA", "2.00", "20.00"],
    )
    line = result.lines[0][0]
    assert (line.item, line.description) == (None, "Bracket, zinc plated Zeichnungsnr: DWG-4711")
    assert any("ends with a code under a label" in w for w in result.warnings)


def test_another_code_after_the_item_stays_in_the_description():
    """The line has its item; the supplier's code under "Code:" in the text is not ours to move."""
    result = _lines(
        ["No.", "Item", "Description", "Qty", "Unit", "Price", "Amount"],
        ["1", "KNB-8686", "Control knob, aluminium Code: SUP-1234", "10", "EA", "2.00", "20.00"],
    )
    line = result.lines[0][0]
    assert (line.item, line.description) == ("KNB-8686", "Control knob, aluminium Code: SUP-1234")


def test_a_measure_after_a_number_is_no_unit():
    """ "Hose 2 m" under a unit column left empty: "m" measures the hose, it is not the unit."""
    result = _lines(
        ["No.", "Item", "Description", "Unit", "Qty", "Price", "Amount"],
        ["1", "HOS-1", "Hose 2 m", "", "10", "2.00", "20.00"],
        ["2", "HOS-2", "Cable harness 6-pole, 450 mm EA", "", "5", "3.00", "15.00"],
    )
    assert [(line.description, line.unit) for line, _ in result.lines] == [
        ("Hose 2 m", None),
        ("Cable harness 6-pole, 450 mm", "EA"),
    ]


def test_a_position_number_alone_does_not_make_a_code():
    """ "10 Stück Schrauben": a number before words is no position and code, so nothing moves."""
    result = _lines(
        ["Description", "Qty", "Unit", "Price", "Amount"],
        ["10 Stück Schrauben M4", "1", "SET", "2.00", "2.00"],
        ["20 Stück Muttern M4", "1", "SET", "1.00", "1.00"],
    )
    assert [line.item for line, _ in result.lines] == [None, None]


def test_the_price_column_whose_arithmetic_holds_is_the_unit_price():
    """ "Preis inkl. MwSt." before "Preis": quantity × price = amount chooses, and says so."""
    result = _lines(
        ["Pos", "Artikel", "Bezeichnung", "Menge", "Preis inkl. MwSt.", "Preis", "Betrag"],
        ["1", "KNB-1", "Drehknopf", "100", "2,38", "2,00", "200,00"],
        ["2", "KNB-2", "Drehknopf groß", "50", "3,57", "3,00", "150,00"],
        comma=True,
    )
    assert [str(line.unit_price) for line, _ in result.lines] == ["2.00", "3.00"]
    assert not result.warnings
    assert any("read as the unit price" in e for e in result.explain)


def test_a_price_header_per_hundred_divides_the_prices():
    result = _lines(
        ["No.", "Item", "Description", "Qty", "Unit", "Price per 100", "Amount"],
        ["1", "SCR-1", "Screw M3x8", "1,000", "EA", "2.20", "22.00"],
        ["2", "SCR-2", "Screw M4x8", "500", "EA", "3.00", "15.00"],
    )
    assert [(str(line.quantity), str(line.unit_price)) for line, _ in result.lines] == [
        ("1000", "0.022"),
        ("500", "0.03"),
    ]
    assert not result.warnings


def test_a_per_column_in_words_and_an_extended_cost_column():
    """Infor-style "Unit Cost | Per | Ext. Cost" with "PER M": the price is for a thousand, so
    "5,000/EA" is five thousand (not 5.000 made to fit the arithmetic), and "Ext. Cost" is the
    amount, not a second price."""
    result = _lines(
        ["Ln", "Part No.", "Description", "Qty", "Unit Cost", "Per", "Ext. Cost"],
        ["1", "GSK-8227", "Spiral wound gasket DN50", "5,000/EA", "40.05", "PER M", "200.25"],
        ["2", "VLV-3561", "Solenoid valve 24 VDC", "1,000/EA", "14.73", "PER M", "14.73"],
        ["3", "ORG-1102", "O-ring 20x2", "300/EA", "8.00", "PER C", "24.00"],
    )
    assert [(str(ln.quantity), ln.unit, str(ln.unit_price), str(ln.amount)) for ln, _ in result.lines] == [
        ("5000", "EA", "0.04005", "200.25"),
        ("1000", "EA", "0.01473", "14.73"),
        ("300", "EA", "0.08", "24.00"),
    ]
    assert not result.warnings


@pytest.mark.parametrize(
    "cell, basis",
    [("PER M", 1000), ("per 1000 pcs", 1000), ("/100", 100), ("C", 100), ("1,000", 1000), ("EA", None)],
)
def test_the_basis_a_per_column_names(cell, basis):
    from mailflow.extract.normalize import price_basis

    assert price_basis(cell) == (Decimal(basis) if basis else None)


def test_positions_under_item_leave_the_code_in_the_text_to_be_the_item():
    """ "Item" over 1, 2 (the positions) and the code before the words: the code is the item."""
    result = _lines(
        ["Item", "Description", "Qty", "Price", "Amount"],
        ["1", "HSG1761E Housing, PC/ABS, black", "500", "2.10", "1,050.00"],
        ["2", "KNB8686B Control knob, aluminium", "1000", "0.45", "450.00"],
    )
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("HSG1761E", "Housing, PC/ABS, black"),
        ("KNB8686B", "Control knob, aluminium"),
    ]


def test_a_code_alone_under_each_line_is_its_item():
    result = _lines(
        ["Description", "Qty", "Unit", "Price", "Amount"],
        ["Solenoid valve 24 V DC", "200", "EA", "7.09", "1,418.00"],
        ["VAL-1051", "", "", "", ""],
        ["Axial fan 80x80x25 12 V", "1500", "EA", "1.87", "2,805.00"],
        ["FAN-7382", "", "", "", ""],
    )
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("VAL-1051", "Solenoid valve 24 V DC"),
        ("FAN-7382", "Axial fan 80x80x25 12 V"),
    ]


def test_a_code_alone_over_the_first_line_puts_every_code_over_its_line():
    result = _lines(
        ["Description", "Qty", "Unit", "Price", "Amount"],
        ["103858212", "", "", "", ""],
        ["Cap screw M3x8", "200", "EA", "0.02", "4.00"],
        ["102446282", "", "", "", ""],
        ["DC motor 12 V", "20", "EA", "4.90", "98.00"],
    )
    assert [(line.item, line.description) for line, _ in result.lines] == [
        ("103858212", "Cap screw M3x8"),
        ("102446282", "DC motor 12 V"),
    ]


def test_a_size_wrapped_alone_stays_in_the_description():
    """ "608ZZ" alone under "Ball bearing": the description's last word, not a code."""
    result = _lines(
        ["Description", "Qty", "Unit", "Price", "Amount"],
        ["Ball bearing", "200", "EA", "0.25", "50.00"],
        ["608ZZ", "", "", "", ""],
    )
    assert [(line.item, line.description) for line, _ in result.lines] == [(None, "Ball bearing 608ZZ")]


def test_a_typed_table_with_two_prices_reads_its_columns_as_typed():
    """A mail body's table with the price with tax before the price: the columns as typed, the
    price the arithmetic holds for; no reading of the numbers from the right."""
    text = """Item      Description              Qty   Unit   Price incl. VAT   Price   Amount
HSG-1761  Housing, PC/ABS, black   500   PCS             2.50      2.10   1,050.00
KNB-8686  Control knob, aluminium  1000  PCS             0.54      0.45     450.00"""
    tables = texttable.find_all(text.split("\n"), VOCAB)
    result = read_tables([t.grid for t in tables], VOCAB, Options())
    assert [(line.description, str(line.unit_price)) for line, _ in result.lines] == [
        ("Housing, PC/ABS, black", "2.10"),
        ("Control knob, aluminium", "0.45"),
    ]
    assert not result.warnings


def test_one_line_starting_with_a_code_is_asked_about():
    """One line, no item column, "HSG-1761 Housing, black": nothing else shows the code is the
    item, so a person is asked rather than the description passed with the code in it."""
    result = _lines(
        ["Description", "Qty", "Unit", "Price", "Amount"],
        ["HSG-1761 Housing, PC/ABS, black", "500", "PCS", "2.10", "1,050.00"],
    )
    line = result.lines[0][0]
    assert (line.item, line.description) == (None, "HSG-1761 Housing, PC/ABS, black")
    assert any("may be the item code" in w for w in result.warnings)


def test_a_name_ending_in_a_noun_that_is_also_a_unit_keeps_it():
    result = _lines(
        ["No.", "Item", "Description", "Unit", "Qty", "Price", "Amount"],
        ["1", "GSK-1", "Gasket set", "", "10", "2.00", "20.00"],
        ["2", "HAR-2", "Cable harness 6-pole, 450 mm EA", "", "5", "3.00", "15.00"],
    )
    assert [(line.description, line.unit) for line, _ in result.lines] == [
        ("Gasket set", None),
        ("Cable harness 6-pole, 450 mm", "EA"),
    ]


def test_a_code_under_a_label_ending_the_description_is_found_from_its_last_colon():
    assert _trailing_code("Pressure filter F7 Šifra: FLT-596G", VOCAB)[1:3] == ("Šifra", "FLT-596G")
    assert _trailing_code("Control knob Part No.: KNB-8686.", VOCAB)[1:] == ("Part No.", "KNB-8686", True)
    assert _trailing_code("Gasket, see drawing: 4711-B rev 2", VOCAB) is None  # the code is one token
    assert _trailing_code("12: 4711-B", VOCAB) is None  # no words before the colon
    assert _trailing_code("no colon FLT-596G", VOCAB) is None
    # an attacker's 16 kB cell is read once from its end, not tried at every place
    assert _trailing_code("a " * 8000 + "x", VOCAB) is None
    assert _trailing_code("a " * 8000 + "Code: ABC-123", VOCAB)[2] == "ABC-123"
