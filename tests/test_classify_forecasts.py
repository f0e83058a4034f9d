"""A customer's forecast — planned quantities, often one column a week or a month — is never
taken as an order unseen, in any language: a document or a mail titled as a forecast is not read
as an order, and an order read where a forecast is named goes to a person. A binding call-off
(Lieferabruf, release, 納入指示) stays an order. Workbooks are real .xlsx files written with
openpyxl; everything goes through the extractor."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.classify import forecast_file_name, forecast_title
from mailflow.extract.vocabulary import Vocabulary
from mailflow.model import Attachment, Message

VOCAB = Vocabulary.bundled()
TODAY = dt.date(2026, 11, 24)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    "title",
    [
        "DEMAND FORECAST",
        "Rolling Forecast KW 49",
        "Bedarfsvorschau",
        "Prognose",
        "Prévisions de commandes",
        "Previsione di acquisto",
        "Previsión de compras 2027",
        "Prognoza zapotrzebowania",
        "Talep tahmini",
        "需求预测",
        "滾動預測",
        "内示書",
        "수요 예측",
    ],
)
def test_a_forecast_title_is_recognised_in_every_language(title):
    text = f"Delta Components GmbH\n{title}\nDate: 2026-11-20\n"
    assert forecast_title(text, VOCAB).kind == "forecast"


@pytest.mark.parametrize(
    "text",
    [
        "Please find our forecast below",  # a sentence, not a title
        "PO 4711 and forecast",
        "Tahmini teslim tarihi: 12.01.2027",  # Turkish "estimated delivery date"
        "Part No Description W49 W50 Forecast",  # a column header among others
    ],
)
def test_a_word_in_a_sentence_or_a_header_row_is_no_forecast_title(text):
    assert not forecast_title(text, VOCAB)


def test_a_file_name_says_forecast_unless_it_names_an_order_too():
    assert forecast_file_name("Forecast_KW49.xlsx", VOCAB) == "forecast"
    assert forecast_file_name("需求预测2026.xlsx", VOCAB) == "需求预测"
    assert forecast_file_name("PO_4711_forecast.xlsx", VOCAB) is None
    assert forecast_file_name("forecasting_tool_manual.xlsx", VOCAB) is None


def workbook(title: str | None, weeks: list[str], rows: list[tuple], note: str | None = None) -> bytes:
    """A forecast as buyers keep it: a title, the part, then one column a period."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.append(["Date", "2026-11-20"])
        ws.append([])
    ws.append(["Part No", "Description", *weeks])
    for row in rows:
        ws.append(list(row))
    if note:
        ws.append([])
        ws.append([note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def priced(title: str | None, note: str | None = None) -> bytes:
    """A table that reads like an order's: item, quantity, price, amount."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.append([])
    ws.append(["Item", "Description", "Qty", "Unit Price", "Amount"])
    ws.append(["HX-2040", "Hex standoff M4x20", 5000, 0.32, 1600])
    ws.append(["KNB-21", "Control knob 21 mm", 2000, 0.5, 1000])
    if note:
        ws.append([note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def parse(subject: str, text: str, name: str, data: bytes):
    attachment = Attachment(name, XLSX, data, original_filename=name)
    message = Message(
        "6" * 64,
        10,
        "<f@buyer.example>",
        subject=subject,
        from_addr="planning@buyer.example",
        text=text,
        attachments=(attachment,),
    )
    return parse_message(message, ParseContext(today=TODAY))


FORECASTS = [
    (
        "Demand forecast W49-W52",
        "Dear supplier, please find attached our non-binding demand forecast.",
        "DEMAND FORECAST",
        ["W49", "W50", "W51", "W52"],
        "This forecast is not a purchase order.",
    ),
    (
        "Bedarfsvorschau KW 49-52",
        "Sehr geehrte Damen und Herren, anbei unsere unverbindliche Bedarfsvorschau.",
        "Bedarfsvorschau",
        ["KW 49", "KW 50", "KW 51", "KW 52"],
        "Diese Vorschau ist keine Bestellung.",
    ),
    (
        "Prévisions décembre-mars",
        "Bonjour, ci-joint nos prévisions de commandes, à titre indicatif.",
        "Prévisions de commandes",
        ["déc.", "janv.", "févr.", "mars"],
        None,
    ),
    (
        "需求预测 2026年12月",
        "您好，附件是我司未来四周的需求预测，仅供参考。",
        "需求预测",
        ["W49", "W50", "W51", "W52"],
        None,
    ),
    (
        "内示 12月分",
        "いつもお世話になっております。12月分の内示をお送りします。",
        "内示書",
        ["12月", "1月", "2月", "3月"],
        None,
    ),
    (
        "Prognoza zapotrzebowania",
        "Dzień dobry, w załączeniu prognoza.",
        "Prognoza zapotrzebowania",
        ["T49", "T50"],
        None,
    ),
]


@pytest.mark.parametrize("subject, text, title, weeks, note", FORECASTS, ids=[f[2] for f in FORECASTS])
def test_a_forecast_workbook_never_becomes_an_order(subject, text, title, weeks, note):
    rows = [("HX-2040", "Hex standoff M4x20", *[1200 + 100 * i for i in range(len(weeks))])]
    rows.append(("KNB-21", "Control knob 21 mm", *[500] * len(weeks)))
    result = parse(subject, text, "planning.xlsx", workbook(title, weeks, rows, note))
    assert result.kind != "purchase_order"
    assert result.order is None


def test_a_forecast_the_mail_also_calls_an_order_goes_to_a_person():
    result = parse(
        "Purchase order and forecast",
        "Please find attached our purchase order for December.",
        "planning.xlsx",
        workbook("Rolling forecast", ["W49", "W50", "W51"], [("HX-2040", "Hex standoff", 1200, 1300, 1400)]),
    )
    assert result.kind != "purchase_order" or result.needs_review
    assert result.needs_review
    assert any("forecast" in w for w in result.warnings)


@pytest.mark.parametrize(
    "subject, name, title",
    [
        ("Forecast KW 49", "KW49.xlsx", None),  # the mail says it
        ("Planning", "Forecast_KW49.xlsx", None),  # the file's name says it
        ("Planning", "planning.xlsx", "Demand forecast"),  # the sheet's own title above a priced table
    ],
)
def test_a_priced_table_named_a_forecast_is_not_an_order_unseen(subject, name, title):
    result = parse(subject, "Please see attached.", name, priced(title))
    if result.kind == "purchase_order":
        assert result.needs_review and any("forecast" in w for w in result.warnings)
    else:
        assert result.order is None


def test_a_forecast_printing_a_po_number_is_read_for_a_person_never_dropped_nor_taken():
    """ "Forecast" over a priced table with a PO number of its own: an order with a forecast part,
    or a forecast against a blanket order. Neither is filed away nor taken unseen."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["FORECAST"], ["PO No", "4500012345"], [], ["Item", "Description", "Qty", "Unit Price", "Amount"]):
        ws.append(row)
    ws.append(["HX-2040", "Hex standoff M4x20", 5000, 0.32, 1600])
    out = io.BytesIO()
    wb.save(out)
    result = parse("Planning", "Please see attached.", "planning.xlsx", out.getvalue())
    assert result.kind == "purchase_order" and result.needs_review
    assert any("calls itself a forecast" in w for w in result.warnings)


def test_a_body_titled_as_a_forecast_is_not_an_order():
    message = Message(
        "7" * 64,
        10,
        "<g@buyer.example>",
        subject="Forecast week 49",
        from_addr="planning@buyer.example",
        text=(
            "Dear supplier,\n\nour forecast for the coming weeks:\n\n"
            "HX-2040 Hex standoff M4x20 5000 pcs\nKNB-21 Control knob 21 mm 2000 pcs\n\nRegards,\nPlanning"
        ),
    )
    result = parse_message(message, ParseContext(today=TODAY))
    if result.kind == "purchase_order":
        assert result.needs_review and any("forecast" in w for w in result.warnings)
    else:
        assert result.order is None


@pytest.mark.parametrize(
    "title, subject",
    [
        ("LIEFERABRUF", "Lieferabruf 4711"),
        ("Release order", "Release 4711 against blanket order"),
        ("納入指示書", "納入指示 12月分"),
    ],
)
def test_a_binding_call_off_with_a_forecast_part_stays_an_order(title, subject):
    """A call-off names its firm quantities and the forecast after them: it is an order."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["PO No", "4711"])
    ws.append(["Date", "2026-11-20"])
    ws.append([])
    ws.append(["Item", "Description", "Qty", "Unit Price", "Amount", "Delivery Date"])
    ws.append(["HX-2040", "Hex standoff M4x20", 5000, 0.32, 1600, "2026-12-15"])
    ws.append([])
    ws.append(["Forecast (not binding): W02 6000, W06 6000"])
    out = io.BytesIO()
    wb.save(out)
    result = parse(subject, "Please deliver as scheduled.", "calloff.xlsx", out.getvalue())
    assert result.kind == "purchase_order"
    assert result.order is not None and result.order.lines
    assert result.order.lines[0].quantity == 5000
    assert not any("forecast" in w for w in result.warnings)


def forecast_pdf(title: str) -> bytes:
    """A forecast printed as a PDF: the bare word for a forecast as its only heading."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(50, 800, title)
    page.setFont("Helvetica", 10)
    rows = [
        ["Part No", "Description", "W49", "W50", "W51"],
        ["HX-2040", "Hex standoff M4x20", "1200", "1300", "1400"],
        ["KNB-21", "Control knob 21 mm", "500", "500", "500"],
    ]
    page.drawString(50, 770, "Delta Components GmbH    Date: 2026-11-20")
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            page.drawString(50 + j * (110 if j < 2 else 60), 740 - 16 * i, cell)
    page.save()
    return out.getvalue()


def parse_pdf(subject: str, text: str, data: bytes):
    attachment = Attachment("planning.pdf", "application/pdf", data, original_filename="planning.pdf")
    message = Message(
        "8" * 64,
        10,
        "<h@buyer.example>",
        subject=subject,
        from_addr="planning@buyer.example",
        text=text,
        attachments=(attachment,),
    )
    return parse_message(message, ParseContext(today=TODAY))


BARE = ["Forecast", "Prognose", "Prévisions", "Previsión", "Prognoza"]


@pytest.mark.parametrize("title", BARE)
@pytest.mark.parametrize("form", ["pdf", "xlsx"])
def test_a_document_headed_only_by_the_word_forecast_is_filed_as_a_forecast(title, form):
    if form == "pdf":
        result = parse_pdf("Planning", "Please see attached.", forecast_pdf(title))
    else:
        rows = [("HX-2040", "Hex standoff M4x20", 1200, 1300, 1400), ("KNB-21", "Control knob 21 mm", 500, 500, 500)]
        result = parse(
            "Planning", "Please see attached.", "planning.xlsx", workbook(title, ["W49", "W50", "W51"], rows)
        )
    assert result.kind == "other" and result.order is None
    assert not result.needs_review, result.warnings
    assert any("is a forecast" in line and title in line for line in result.explain), result.explain


@pytest.mark.parametrize(
    "subject, text",
    [
        ("Forecast", "Please find attached the forecast for PO 4500012345."),
        ("Forecast W49 / PO 4500012345", "Please see attached."),
        ("Prognose", "Anbei die Prognose zu unserer Bestellung 4500012345."),
    ],
)
@pytest.mark.parametrize("form", ["pdf", "xlsx"])
def test_a_forecast_sent_with_a_po_number_goes_to_a_person_with_the_reason(subject, text, form):
    # a forecast against a blanket order, or an order sent with the wrong file: neither filed away nor taken
    if form == "pdf":
        result = parse_pdf(subject, text, forecast_pdf("Forecast"))
    else:
        rows = [("HX-2040", "Hex standoff M4x20", 1200, 1300)]
        result = parse(subject, text, "planning.xlsx", workbook("Forecast", ["W49", "W50"], rows))
    assert result.order is None or result.kind != "purchase_order" or result.needs_review
    assert result.needs_review
    assert any("4500012345" in w and "forecast" in w for w in result.warnings), result.warnings


def test_a_mail_titled_as_a_forecast_naming_a_po_number_goes_to_a_person():
    message = Message(
        "9" * 64,
        10,
        "<k@buyer.example>",
        subject="Forecast",
        from_addr="planning@buyer.example",
        text=(
            "Dear supplier,\n\nForecast\nPO No: 4500012345\n\n"
            "Item      Description          W49    W50    W51\n"
            "HX-2040   Hex standoff M4x20   1200   1300   1400\n\nRegards,\nPlanning"
        ),
    )
    result = parse_message(message, ParseContext(today=TODAY))
    assert result.needs_review
    assert any("4500012345" in w and "forecast" in w for w in result.warnings), result.warnings
