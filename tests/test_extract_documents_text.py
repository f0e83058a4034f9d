"""Word tables, HTML tables in the body, and plain-text bodies (prose and aligned columns)."""

import datetime as dt
from decimal import Decimal

import docx

from mailflow.extract import ParseContext, parse_file, parse_message
from mailflow.model import Message

TODAY = dt.date(2026, 11, 22)


def body_message(text: str = "", html: str | None = None, subject: str = "PO", **extra) -> Message:
    return Message(
        "1" * 64,
        len(text),
        "<b@x>",
        subject=subject,
        from_addr="tom@acme-robotics.example",
        text=text,
        html=html,
        **extra,
    )


def test_docx_header_table_and_lines_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Lakeside Medical Devices LLC")
    document.add_paragraph("PURCHASE ORDER")
    fields = document.add_table(rows=3, cols=2)
    for i, (label, value) in enumerate(
        [("Order Number", "LMD-PO-88240"), ("Order Date", "2026-11-16"), ("Requested Delivery", "2027-01-04")]
    ):
        fields.cell(i, 0).text, fields.cell(i, 1).text = label, value
    document.add_paragraph("Purchaser: Lakeside Medical Devices LLC, Tom Becker")
    lines = document.add_table(rows=4, cols=6)
    data = [
        ("Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"),
        ("SPR-3312", "Compression spring", "300", "ea", "0.13", "39.00"),
        ("HSG-500", "Aluminium housing", "100", "ea", "7.57", "757.00"),
        ("Total", "", "", "", "", "796.00"),
    ]
    for r, values in enumerate(data):
        for c, value in enumerate(values):
            lines.cell(r, c).text = value
    lines.cell(3, 0).merge(lines.cell(3, 4))  # "Total" spans five columns
    path = tmp_path / "LMD-PO-88240.docx"
    document.save(path)
    result = parse_file(path, ParseContext(today=TODAY))
    order = result.order
    assert order.po_number == "LMD-PO-88240" and order.customer == "Lakeside Medical Devices LLC"
    assert order.po_date == dt.date(2026, 11, 16) and order.delivery_date == dt.date(2027, 1, 4)
    assert [(l.item, l.quantity, l.unit_price, l.amount) for l in order.lines] == [
        ("SPR-3312", Decimal("300"), Decimal("0.13"), Decimal("39.00")),
        ("HSG-500", Decimal("100"), Decimal("7.57"), Decimal("757.00")),
    ]
    assert order.total == Decimal("796.00") and not result.needs_review


HTML = """<html><body><h2>Nordic Marine Systems AB</h2>
<table><tr><td>Purchase Order No.:</td><td>NMS-7760</td></tr>
<tr><td>Order Date:</td><td>17.11.2026</td></tr><tr><td>Delivery Date:</td><td>15.12.2026</td></tr>
<tr><td>Currency:</td><td>EUR</td></tr></table>
<p><b>Purchaser:</b> Nordic Marine Systems AB &mdash; Erik Lind</p>
<table><thead><tr><th>#</th><th>P/N</th><th>Description</th><th>Qty</th><th>U/M</th><th>Unit Price</th><th>Net Amount</th></tr></thead>
<tbody><tr><td>1</td><td>VLV-14</td><td>Solenoid valve<br>1/4 in, 24 V DC</td><td>250</td><td>pcs</td><td>8.80</td><td>2,200.00</td></tr>
<tr><td>2</td><td>TUB-PU8</td><td>PU tubing 8 mm</td><td>1,000</td><td>m</td><td>0.31</td><td>310.00</td></tr></tbody>
<tfoot><tr><td colspan="6">TOTAL</td><td>2,510.00</td></tr></tfoot></table></body></html>"""


def test_html_tables_in_the_body():
    result = parse_message(body_message("This order is in HTML.", HTML, "Order NMS-7760"), ParseContext(today=TODAY))
    order = result.order
    assert result.kind == "purchase_order" and result.source == "body"
    assert order.po_number == "NMS-7760" and order.customer == "Nordic Marine Systems AB"
    assert order.po_date == dt.date(2026, 11, 17) and order.currency == "EUR"
    assert [(l.item, l.description, l.quantity, l.amount) for l in order.lines] == [
        ("VLV-14", "Solenoid valve 1/4 in, 24 V DC", Decimal("250"), Decimal("2200.00")),
        ("TUB-PU8", "PU tubing 8 mm", Decimal("1000"), Decimal("310.00")),
    ]
    assert order.total == Decimal("2510.00") and not result.needs_review


def test_prose_body():
    text = (
        "Hi,\n\nPO number: AR-7781\nBuyer: Acme Robotics Inc.\n\n"
        "Please supply 500 pcs of HX-2040 at USD 3.20, delivery by Dec 15.\n\nThanks,\nTom"
    )
    result = parse_message(body_message(text, subject="PO AR-7781"), ParseContext(today=TODAY))
    order = result.order
    assert result.kind == "purchase_order" and result.source == "body"
    assert order.po_number == "AR-7781" and order.customer == "Acme Robotics Inc."
    assert order.delivery_date == dt.date(2026, 12, 15)  # no year: the nearest Dec 15 to today
    assert order.currency == "USD"
    assert [(l.item, l.quantity, l.unit, l.unit_price) for l in order.lines] == [
        ("HX-2040", Decimal("500"), "pcs", Decimal("3.20")),
    ]
    assert not result.needs_review


def test_parts_and_quantities_in_a_sentence_without_order_wording_need_a_person():
    result = parse_message(
        body_message("We shipped 500 pcs of HX-2040 yesterday.", subject="Shipment"), ParseContext(today=TODAY)
    )
    assert result.kind == "purchase_order" and result.needs_review is True
    assert any("nothing calls it an order" in w for w in result.warnings)


def test_chinese_prose_body():
    text = (
        "您好！\n\n我司（东莞永信塑胶制品有限公司）现下采购订单，订单号：YX20261121-05，下单日期2026年11月21日。\n"
        "1. GSK-090 三元乙丙密封圈 90mm，数量3,000个，单价人民币0.35元；\n"
        "要求2026年12月15日前交货，付款方式：月结30天。\n"
    )
    result = parse_message(body_message(text, subject="采购订单 YX20261121-05"), ParseContext(today=TODAY))
    order = result.order
    assert result.language == "zh"
    assert order.po_number == "YX20261121-05" and order.customer == "东莞永信塑胶制品有限公司"
    assert order.po_date == dt.date(2026, 11, 21) and order.delivery_date == dt.date(2026, 12, 15)
    assert order.currency == "CNY" and order.payment_terms == "月结30天"
    assert [(l.item, l.description, l.quantity, l.unit, l.unit_price) for l in order.lines] == [
        ("GSK-090", "三元乙丙密封圈 90mm", Decimal("3000"), "个", Decimal("0.35")),
    ]


def test_aligned_columns_in_a_text_body():
    text = """Brightline Lighting Ltd
PO No.:   BL-PO-004502
Currency: GBP
Delivery Date: 2026-12-15

Pos.  Material  Description                        Order Qty  Unit  Unit Price  Line Total
------------------------------------------------------------------------------------------
   1  KNB-21    Control knob, ABS, 21 mm               3,000  ea          0.25      750.00
   2  HSG-500   Aluminium housing, anodised black        100  ea          5.98      598.00

Grand Total (GBP): 1,348.00

> On Monday you wrote: please send PO-OLD-1 for 9,999 pcs
"""
    result = parse_message(body_message(text, subject="Purchase order BL-PO-004502"), ParseContext(today=TODAY))
    order = result.order
    assert order.po_number == "BL-PO-004502" and order.currency == "GBP"
    assert [(l.item, l.description, l.quantity, l.unit_price, l.amount) for l in order.lines] == [
        ("KNB-21", "Control knob, ABS, 21 mm", Decimal("3000"), Decimal("0.25"), Decimal("750.00")),
        ("HSG-500", "Aluminium housing, anodised black", Decimal("100"), Decimal("5.98"), Decimal("598.00")),
    ]
    assert order.total == Decimal("1348.00") and not result.needs_review


def test_layout_tables_of_html_mail_do_not_hide_a_prose_order():
    html = (
        "<table><tr><td><img src='cid:logo'></td><td>Acme Robotics Inc.<br>12 Harbour Road</td></tr></table>"
        "<p>Please supply 500 pcs of HX-2040 at USD 3.20.</p>"
    )
    text = "Please supply 500 pcs of HX-2040 at USD 3.20.\n\nAcme Robotics Inc.\n12 Harbour Road"
    result = parse_message(body_message(text, html, subject="PO AR-7790"), ParseContext(today=TODAY))
    assert result.order.po_number == "AR-7790"
    assert [(l.item, l.quantity, l.unit_price) for l in result.order.lines] == [
        ("HX-2040", Decimal("500"), Decimal("3.20"))
    ]


def test_two_po_numbers_in_one_document_are_reported():
    text = (
        "PO No: AR-1001\nPlease supply 500 pcs of HX-2040 at USD 3.20.\n\n"
        "PO No: AR-1002\nPlease supply 100 pcs of BRK-118 at USD 1.45.\n"
    )
    result = parse_message(body_message(text, subject="Purchase orders"), ParseContext(today=TODAY))
    assert result.needs_review is True
    assert any("several PO numbers (AR-1001, AR-1002)" in w for w in result.warnings)


def test_a_label_inside_a_code_is_not_a_label():
    text = (
        "PO No.: BL-PO-004502\nPlease supply 500 pcs of HX-2040 at USD 3.20, delivery by Dec 15.\n\n"
        "Brightline Lighting Ltd"
    )
    result = parse_message(body_message(text, subject="Purchase order"), ParseContext(today=TODAY))
    assert result.order.po_number == "BL-PO-004502"
    assert not result.needs_review, result.warnings


def test_an_item_named_twice_in_sentences_is_questioned():
    text = (
        "Please change the order below to 600 pcs of HX-2040 at USD 3.20.\n\n"
        "---------- Forwarded message ----------\nFrom: Tom <tom@acme-robotics.example>\n\n"
        "PO number: AR-7781\nPlease supply 500 pcs of HX-2040 at USD 3.20.\n"
    )
    result = parse_message(body_message(text, subject="Fwd: PO AR-7781"), ParseContext(today=TODAY))
    assert result.needs_review is True
    assert any("HX-2040 more than once" in w for w in result.warnings)
