"""Build the sample customer emails that `make demo` drops into the demo inbox.

Writes ``mailflow/data/samples/*.eml``: a PDF purchase order, an Excel purchase order, a PO typed
in the body, a Chinese PO (PDF with Chinese headers), a payment advice for the first PO and an
out-of-office auto-reply. Deterministic (fixed dates and Message-IDs) so re-running it gives the
same files; the outputs are committed so the demo needs no generator libraries.

    .venv/bin/python scripts/make_samples.py
"""

from __future__ import annotations

import io
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.lib.styles import ParagraphStyle

OUT = Path(__file__).resolve().parents[1] / "mailflow" / "data" / "samples"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
CST = timezone(timedelta(hours=8))


def email(subject: str, sender: str, when: datetime, msgid: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Example Manufacturing Orders <orders@example.com>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = msgid
    msg.set_content(body)
    return msg


def pdf_po(
    title: str,
    header: list[tuple[str, str]],
    columns: list[str],
    rows: list[list[str]],
    total_label: str,
    total: str,
    font: str = "Helvetica",
) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, title=title, author="ERP", invariant=1
    )
    style = ParagraphStyle("t", fontName=font, fontSize=16, leading=20)
    small = ParagraphStyle("s", fontName=font, fontSize=10, leading=13)
    story = [Paragraph(title, style), Spacer(1, 6 * mm)]
    for key, value in header:
        story.append(Paragraph(f"{key}: {value}", small))
    story.append(Spacer(1, 6 * mm))
    table = Table([columns] + rows + [[""] * (len(columns) - 2) + [total_label, total]], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -2), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buffer.getvalue()


def northwind_pdf() -> EmailMessage:
    rows = [
        ["NW-100", "Aluminium housing, anodised black", "1,200", "pcs", "4.50", "5,400.00"],
        ["NW-220", "Front panel with silk-screen logo", "1,200", "pcs", "1.25", "1,500.00"],
        ["NW-310", "Gasket set, silicone", "2,400", "pcs", "0.40", "960.00"],
    ]
    pdf = pdf_po(
        "PURCHASE ORDER",
        [
            ("PO No", "NW-4411"),
            ("PO Date", "2026-11-20"),
            ("Buyer", "Northwind Tools Ltd"),
            ("Supplier", "Example Manufacturing Co., Ltd."),
            ("Delivery Date", "2027-01-15"),
            ("Currency", "USD"),
            ("Incoterms", "FOB Shenzhen"),
            ("Payment Terms", "30% deposit, 70% before shipment"),
        ],
        ["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"],
        rows,
        "Total",
        "7,860.00",
    )
    msg = email(
        "Purchase Order NW-4411",
        "Jane Miller <purchasing@northwind-tools.example>",
        datetime(2026, 11, 20, 9, 15, tzinfo=timezone.utc),
        "<po-nw-4411@northwind-tools.example>",
        "Hello,\n\nPlease find attached our purchase order NW-4411. Kindly confirm.\n\n"
        "Best regards,\nJane Miller\nPurchasing, Northwind Tools Ltd\n",
    )
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="PO_NW-4411.pdf")
    return msg


def bergmann_xlsx() -> EmailMessage:
    wb = Workbook()
    ws = wb.active
    ws.title = "Bestellung"
    ws["A1"] = "Bergmann Elektro GmbH"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Purchase Order"
    ws["A4"], ws["B4"] = "PO No", "BE-2026-118"
    ws["A5"], ws["B5"] = "PO Date", "2026-11-19"
    ws["A6"], ws["B6"] = "Buyer", "Bergmann Elektro GmbH"
    ws["A7"], ws["B7"] = "Currency", "EUR"
    ws["A8"], ws["B8"] = "Delivery Date", "2027-02-01"
    ws["A9"], ws["B9"] = "Incoterms", "FOB Shanghai"
    header = ["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]
    for col, text in enumerate(header, 1):
        ws.cell(row=11, column=col, value=text).font = Font(bold=True)
    lines = [
        ("BE-CTL-01", "Controller board, assembled", 500, "pcs", 12.80),
        ("BE-CBL-07", "Cable harness 0.5 m", 1000, "pcs", 0.95),
    ]
    for r, (item, desc, qty, unit, price) in enumerate(lines, 12):
        ws.cell(row=r, column=1, value=item)
        ws.cell(row=r, column=2, value=desc)
        ws.cell(row=r, column=3, value=qty)
        ws.cell(row=r, column=4, value=unit)
        ws.cell(row=r, column=5, value=price)
        ws.cell(row=r, column=6, value=round(qty * price, 2))
    ws.cell(row=15, column=5, value="Total")
    ws.cell(row=15, column=6, value=round(sum(q * p for _, _, q, _, p in lines), 2))
    buffer = io.BytesIO()
    wb.properties.created = datetime(2026, 11, 19, 8, 0)
    wb.properties.modified = datetime(2026, 11, 19, 8, 0)
    wb.save(buffer)
    msg = email(
        "Bestellung / Purchase order BE-2026-118",
        "Lukas Bergmann <einkauf@bergmann-elektro.example>",
        datetime(2026, 11, 19, 8, 30, tzinfo=timezone.utc),
        "<be-2026-118@bergmann-elektro.example>",
        "Guten Tag,\n\nattached is our purchase order BE-2026-118 as an Excel sheet.\n\n"
        "Mit freundlichen Gruessen\nLukas Bergmann\nBergmann Elektro GmbH\n",
    )
    msg.add_attachment(
        buffer.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="BE-2026-118.xlsx",
    )
    return msg


def acme_body() -> EmailMessage:
    return email(
        "PO AR-7781",
        "Tom Baker <tom.baker@acme-robotics.example>",
        datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc),
        "<ar-7781@acme-robotics.example>",
        "Hi,\n\nPO number: AR-7781\nBuyer: Acme Robotics Inc.\n\n"
        "Please supply 500 pcs of HX-2040 at USD 3.20, delivery by Dec 15, 2026.\n\n"
        "Thanks,\nTom Baker\nAcme Robotics Inc.\n",
    )


def huaqiang_pdf() -> EmailMessage:
    pdfmetrics.registerFont(TTFont("WQY", CJK_FONT, subfontIndex=0))
    rows = [
        ["HQ-5001", "电源适配器 12V 2A", "3,000", "个", "8.60", "25,800.00"],
        ["HQ-5002", "USB-C 数据线 1米", "3,000", "条", "2.10", "6,300.00"],
    ]
    pdf = pdf_po(
        "采购订单",
        [
            ("订单号", "HQ20261118-07"),
            ("订单日期", "2026年11月18日"),
            ("买方", "深圳华强电子有限公司"),
            ("供应商", "示例制造有限公司"),
            ("交货日期", "2027年1月10日"),
            ("币种", "人民币"),
            ("付款方式", "预付30%定金，出货前付清余款"),
        ],
        ["料号", "品名", "数量", "单位", "单价", "金额"],
        rows,
        "合计",
        "32,100.00",
        font="WQY",
    )
    msg = email(
        "采购订单 HQ20261118-07",
        "李娜 <purchase@huaqiang-elec.example>",
        datetime(2026, 11, 18, 10, 0, tzinfo=CST),
        "<hq20261118-07@huaqiang-elec.example>",
        "您好，\n\n附件是我司采购订单 HQ20261118-07，请确认并回传订单确认书。\n\n谢谢！\n李娜\n深圳华强电子有限公司 采购部\n",
    )
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="采购订单HQ20261118-07.pdf")
    return msg


def northwind_payment() -> EmailMessage:
    return email(
        "Payment advice - deposit for PO NW-4411",
        "Accounts <ap@northwind-tools.example>",
        datetime(2026, 11, 22, 2, 0, tzinfo=timezone.utc),
        "<pay-nw-4411@northwind-tools.example>",
        "Dear Supplier,\n\nPayment advice: we have remitted USD 2,358.00, the 30% deposit for our "
        "PO NW-4411, by bank transfer today.\n\nRegards,\nAccounts Payable\nNorthwind Tools Ltd\n",
    )


def auto_reply() -> EmailMessage:
    msg = email(
        "Automatic reply: Order confirmation",
        "Sam Ortiz <sam@acme-robotics.example>",
        datetime(2026, 11, 21, 15, 0, tzinfo=timezone.utc),
        "<ooo-1@acme-robotics.example>",
        "I am out of the office until 1 December with limited access to email.\n",
    )
    msg["Auto-Submitted"] = "auto-replied"
    return msg


SAMPLES = {
    "01-northwind-pdf-po.eml": northwind_pdf,
    "02-bergmann-xlsx-po.eml": bergmann_xlsx,
    "03-acme-body-po.eml": acme_body,
    "04-huaqiang-chinese-po.eml": huaqiang_pdf,
    "05-northwind-payment-advice.eml": northwind_payment,
    "06-acme-auto-reply.eml": auto_reply,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in SAMPLES.items():
        (OUT / name).write_bytes(bytes(build()))
        print(OUT / name)


if __name__ == "__main__":
    main()
