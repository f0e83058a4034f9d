"""Build the Word templates in ``templates/`` with python-docx, so they are reproducible.

    .venv/bin/python scripts/build_templates.py [OUTDIR]     (default: templates/)

The generated .docx files are committed; staff open and edit them in Word afterwards (a rebuild
overwrites their edits, so rebuild only to change the layout for everyone). Each template holds
docxtpl tags: ``{{ order.po_number }}`` fields, a ``{%tr for line in lines %}`` row loop in the
lines table and ``{%p ... %}`` paragraph loops. Every tag sits in a single run (one
``add_run``/``add_paragraph`` call), because Jinja cannot see a tag Word has split over runs.
The fields available are those of ``mailflow.documents.context_for`` (already formatted text).

Fonts: Latin text in Arial; East Asian text in "WenQuanYi Zen Hei" (set as ``w:eastAsia`` in
the document defaults), with SimSun, then Microsoft YaHei, named as alternatives in the font
table so Word on a machine without WenQuanYi picks a Chinese font rather than boxes.

The output is byte-for-byte reproducible: fixed document properties and fixed zip timestamps.
"""

from __future__ import annotations

import copy
import io
import sys
import zipfile
import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

LATIN_FONT = "Arial"
CJK_FONT = "WenQuanYi Zen Hei"
CJK_ALTERNATIVES = ("SimSun", "Microsoft YaHei")
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- labels

L = {
    "en": {
        "order_no": "Our order no.", "po_number": "Customer PO no.", "po_date": "PO date",
        "customer": "Customer", "date": "Date", "currency": "Currency", "incoterms": "Incoterms",
        "payment_terms": "Payment terms", "requested": "Requested delivery",
        "confirmed": "Confirmed delivery", "no": "No.", "item": "Item", "description": "Description",
        "qty": "Qty", "unit": "Unit", "unit_price": "Unit price", "amount": "Amount",
        "delivery": "Delivery", "total": "Total", "deposit": "Deposit", "balance": "Balance due",
        "deposit_received": "Deposit received", "to": "To", "re": "Re", "tel": "Tel", "email": "Email",
        "order_form": "Customer Order Form", "delivery_note": "Delivery Note",
        "pre_assembly_notice": "Pre-assembly Notice", "inspection_notice": "Inspection Notice",
        "balance_notice": "Balance Payment Notice", "ship_to": "Ship to", "ship_date": "Delivery date",
        "received_by": "Received in good order by (name, signature, date):",
        "for_company": "For {{ company.display_name }}", "customer_confirm": "Confirmed by the customer",
        "signature": "Signature / date", "bank": "Bank details",
        "regards": "Yours faithfully,",
    },
    "zh": {
        "order_no": "我方订单号", "po_number": "客户订单号", "po_date": "订单日期", "customer": "客户",
        "date": "日期", "currency": "币种", "incoterms": "贸易条款", "payment_terms": "付款条件",
        "requested": "要求交期", "confirmed": "确认交期", "no": "序号", "item": "料号",
        "description": "品名规格", "qty": "数量", "unit": "单位", "unit_price": "单价",
        "amount": "金额", "delivery": "交期", "total": "合计", "deposit": "订金",
        "balance": "应付尾款", "deposit_received": "已收订金", "to": "致", "re": "事由",
        "tel": "电话", "email": "邮箱", "order_form": "客户订单确认表", "delivery_note": "送货单",
        "pre_assembly_notice": "组装前通知", "inspection_notice": "验货通知",
        "balance_notice": "尾款支付通知", "ship_to": "收货方", "ship_date": "送货日期",
        "received_by": "货物完好签收（姓名、签字、日期）：",
        "for_company": "{{ company.display_name }}（盖章）", "customer_confirm": "客户确认（签字盖章）",
        "signature": "签字 / 日期", "bank": "收款账户", "regards": "此致\n敬礼",
    },
}

LETTERS = {
    "pre_assembly_notice": {
        "en": [
            "Dear {{ order.customer }},",
            "Thank you for your order {{ order.po_number }} (our ref. {{ order.order_no }}). We are "
            "pleased to let you know that final assembly is scheduled to start on "
            "{{ order.assembly_date }}.",
            "If you wish to inspect the goods during or after assembly, please let us know the "
            "date and the names of your inspectors so that we can prepare the production line.",
            "Requested delivery: {{ order.requested_delivery }}. Confirmed delivery: "
            "{{ order.confirmed_delivery }}.",
        ],
        "zh": [
            "{{ order.customer }}：",
            "感谢贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）。该订单计划于 "
            "{{ order.assembly_date }} 开始总装。",
            "如贵司需要在组装期间或之后验货，请告知验货日期及验货人员名单，以便我司安排生产线。",
            "要求交期：{{ order.requested_delivery }}；确认交期：{{ order.confirmed_delivery }}。",
        ],
    },
    "inspection_notice": {
        "en": [
            "Dear {{ order.customer }},",
            "We are pleased to inform you that production of your order {{ order.po_number }} "
            "(our ref. {{ order.order_no }}) was completed on {{ order.production_complete }}.",
            "The goods are ready for your inspection. Proposed inspection date: "
            "{{ order.inspection_date }}. Please confirm the date or propose another.",
        ],
        "zh": [
            "{{ order.customer }}：",
            "贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）已于 "
            "{{ order.production_complete }} 完成生产。",
            "货物已可安排验货。建议验货日期：{{ order.inspection_date }}。请确认该日期或另行告知。",
        ],
    },
    "balance_notice": {
        "en": [
            "Dear {{ order.customer }},",
            "Your order {{ order.po_number }} (our ref. {{ order.order_no }}) has passed inspection. "
            "Please arrange payment of the balance so that we can release the goods for shipment.",
        ],
        "zh": [
            "{{ order.customer }}：",
            "贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）已验货合格。"
            "请安排支付尾款，以便我司安排出货。",
        ],
    },
}


# --------------------------------------------------------------------------- building blocks


def new_document(lang: str) -> Document:
    doc = Document()
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(1.8)
    _set_fonts(doc, lang)
    props = doc.core_properties
    props.author = props.last_modified_by = "mailflow"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    props.title = ""
    return doc


def _set_fonts(doc: Document, lang: str) -> None:
    """Explicit fonts in the document defaults and Normal (theme fonts would override them)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for element in (rpr, doc.styles["Normal"].element.get_or_add_rPr()):
        fonts = element.find(qn("w:rFonts"))
        if fonts is None:
            fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            element.insert(0, fonts)
        for attr in list(fonts.attrib):
            if attr.endswith("Theme"):
                del fonts.attrib[attr]
        fonts.set(qn("w:ascii"), LATIN_FONT)
        fonts.set(qn("w:hAnsi"), LATIN_FONT)
        fonts.set(qn("w:cs"), LATIN_FONT)
        fonts.set(qn("w:eastAsia"), CJK_FONT)
        fonts.set(qn("w:hint"), "eastAsia")
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(language)
    language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-GB")
    language.set(qn("w:eastAsia"), "zh-CN")
    doc.styles["Normal"].font.size = Pt(10)
    # The font table: WenQuanYi described as a Chinese (GB2312) sans font with alternatives.
    table = next(p for p in doc.part.package.parts if str(p.partname) == "/word/fontTable.xml")
    from lxml import etree

    root = etree.fromstring(table.blob)
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), CJK_FONT)
    alt = etree.SubElement(font, qn("w:altName"))
    alt.set(qn("w:val"), ",".join(CJK_ALTERNATIVES))
    for tag, value in (("w:charset", "86"), ("w:family", "swiss"), ("w:pitch", "variable")):
        etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def para(doc_or_cell, text: str = "", *, bold: bool = False, size: float | None = None,
         align: str | None = None, space_after: float | None = 4):
    p = doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)  # one run per tag: see the module docstring
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def cell_text(cell, text: str, *, bold: bool = False, align: str | None = None) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def shade(cell, fill: str = "D9E2F3") -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{fill}"/>'))


def letterhead(doc, lang: str) -> None:
    para(doc, "{{ company.display_name }}", bold=True, size=16, align="center", space_after=0)
    if lang == "zh":
        para(doc, "{{ company.name }}", size=9, align="center", space_after=0)
    para(doc, "{{ company.address }}", size=9, align="center", space_after=0)
    t = L[lang]
    para(doc, f"{t['tel']}: {{{{ company.phone }}}}   {t['email']}: {{{{ company.email }}}}   "
              "{{ company.website }}", size=9, align="center", space_after=10)


def title(doc, text: str) -> None:
    para(doc, text, bold=True, size=14, align="center", space_after=10)


def fields(doc, rows: list[tuple[str, str]], columns: int = 2) -> None:
    """Label/value pairs, ``columns`` pairs per table row."""
    table = doc.add_table(rows=0, cols=2 * columns)
    table.style = "Table Grid"
    for start in range(0, len(rows), columns):
        cells = table.add_row().cells
        for i, (label, value) in enumerate(rows[start:start + columns]):
            cell_text(cells[2 * i], label, bold=True)
            shade(cells[2 * i], "F2F2F2")
            cell_text(cells[2 * i + 1], value)
    para(doc, space_after=2)


def lines_table(doc, lang: str, *, prices: bool = True) -> None:
    """The order lines: a header row, then one template row repeated by ``{%tr for %}``."""
    t = L[lang]
    columns = [("no", "{{ line.no }}", None), ("item", "{{ line.item }}", None),
               ("description", "{{ line.description }}", None), ("qty", "{{ line.quantity }}", "right"),
               ("unit", "{{ line.unit }}", None)]
    if prices:
        columns += [("unit_price", "{{ line.unit_price }}", "right"), ("amount", "{{ line.amount }}", "right")]
    columns.append(("delivery", "{{ line.delivery_date }}", None))
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (1.0, 2.0, 3.4, 1.5, 1.1, 2.4, 3.0, 2.6) if prices else (1.0, 2.5, 7.5, 2.0, 1.2, 2.8)
    for i, (label, value, align) in enumerate(columns):
        cell_text(table.rows[0].cells[i], t[label], bold=True)
        shade(table.rows[0].cells[i])
        cell_text(table.rows[2].cells[i], value, align=align)
    # Both the grid (LibreOffice reads it) and each cell (Word reads those).
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    cell_text(table.rows[1].cells[0], "{%tr for line in lines %}")
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    if prices:
        row = table.add_row().cells
        merged = row[0].merge(row[len(columns) - 3])
        cell_text(merged, t["total"], bold=True, align="right")
        cell_text(row[len(columns) - 2], "{{ order.total }}", bold=True, align="right")
    para(doc, space_after=2)


def signatures(doc, left: str, right: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    cell_text(table.rows[0].cells[0], left, bold=True)
    cell_text(table.rows[0].cells[1], right, bold=True)
    for cell in table.rows[1].cells:
        para(cell, "")
        para(cell, "______________________________")


def letter(doc, lang: str, kind: str) -> None:
    t = L[lang]
    letterhead(doc, lang)
    title(doc, t[kind])
    para(doc, f"{t['date']}: {{{{ today }}}}", align="right")
    para(doc, f"{t['to']}: {{{{ order.customer }}}}")
    para(doc, f"{t['re']}: {{{{ order.po_number }}}} / {{{{ order.order_no }}}}", space_after=10)
    for text in LETTERS[kind][lang]:
        para(doc, text, space_after=8)


def regards(doc, lang: str) -> None:
    for line in L[lang]["regards"].split("\n"):
        para(doc, line, space_after=0)
    para(doc, "")
    para(doc, "{{ company.display_name }}", bold=True)
    para(doc, "{{ order.account_manager }}")


# --------------------------------------------------------------------------- the templates


def order_form(lang: str) -> Document:
    t = L[lang]
    doc = new_document(lang)
    letterhead(doc, lang)
    title(doc, t["order_form"])
    fields(doc, [
        (t["order_no"], "{{ order.order_no }}"), (t["date"], "{{ today }}"),
        (t["po_number"], "{{ order.po_number }}"), (t["po_date"], "{{ order.po_date }}"),
        (t["customer"], "{{ order.customer }}"), (t["currency"], "{{ order.currency }}"),
        (t["requested"], "{{ order.requested_delivery }}"), (t["confirmed"], "{{ order.confirmed_delivery }}"),
        (t["incoterms"], "{{ order.incoterms }}"), (t["payment_terms"], "{{ order.payment_terms }}"),
    ])
    lines_table(doc, lang)
    para(doc, f"{t['deposit']} ({{{{ order.deposit_percent }}}}): {{{{ order.deposit_amount }}}}", bold=True)
    if lang == "zh":
        terms = ["条款：", "1. 本确认表经双方签字盖章后生效，确认交期以收到订金之日起计算。",
                 "2. 付款条件：{{ order.payment_terms }}。货物验货合格并付清尾款后出货。",
                 "3. 如有任何变更，请以书面形式通知我司。"]
    else:
        terms = ["Terms:", "1. This form confirms the order once signed by both parties; the confirmed "
                 "delivery date runs from receipt of the deposit.",
                 "2. Payment terms: {{ order.payment_terms }}. The goods ship after inspection and "
                 "payment of the balance.", "3. Any change to the order must be confirmed in writing."]
    for line in terms:
        para(doc, line, size=9, space_after=1)
    para(doc, "")
    signatures(doc, t["for_company"], t["customer_confirm"])
    return doc


def review_form() -> Document:
    doc = new_document("zh")
    letterhead(doc, "en")
    title(doc, "Customer Order Review Form 客户订单评审表")
    fields(doc, [
        ("Order no. 订单号", "{{ order.order_no }}"), ("Received 收单日期", "{{ order.received }}"),
        ("Customer 客户", "{{ order.customer }}"), ("PO no. 客户订单号", "{{ order.po_number }}"),
        ("Account manager 业务员", "{{ order.account_manager }}"), ("Total 金额", "{{ order.total }}"),
        ("Requested delivery 要求交期", "{{ order.requested_delivery }}"),
        ("Payment terms 付款条件", "{{ order.payment_terms }}"),
        ("Incoterms 贸易条款", "{{ order.incoterms }}"), ("Reply due 回复期限", "{{ order.next_due }}"),
    ])
    lines_table(doc, "en")
    para(doc, "Requirements 客户要求 (packaging, marking, certificates, special terms):", bold=True)
    para(doc, "{{ order.requirements }}", space_after=10)
    para(doc, "Sign-off 会签", bold=True)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for i, label in enumerate(("Department 部门", "Opinion 评审意见", "Signature 签字", "Date 日期")):
        cell_text(table.rows[0].cells[i], label, bold=True)
        shade(table.rows[0].cells[i])
    for dept in ("Sales 业务部", "Finance 财务部", "PMC 生产计划部", "QC 品质部", "Engineering 工程部"):
        cells = table.add_row().cells
        cell_text(cells[0], dept, bold=True)
        for _ in range(3):  # room for an opinion
            para(cells[1], "", space_after=6)
    table.rows[0].height = Cm(0.8)
    for row in table.rows[1:]:
        row.height = Cm(2.2)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(3.5), Cm(8.5)
        row.cells[2].width, row.cells[3].width = Cm(3.0), Cm(2.5)
    return doc


def shipping_order() -> Document:
    doc = new_document("zh")
    letterhead(doc, "en")
    title(doc, "Shipping Order 出货单")
    fields(doc, [
        ("Order no. 订单号", "{{ order.order_no }}"), ("Date 日期", "{{ today }}"),
        ("Customer 客户", "{{ order.customer }}"), ("PO no. 客户订单号", "{{ order.po_number }}"),
        ("Incoterms 贸易条款", "{{ order.incoterms }}"), ("Total 金额", "{{ order.total }}"),
        ("Deposit received 已收订金", "{{ order.deposit_received }}"),
        ("Balance received 已收尾款", "{{ order.balance_received }}"),
        ("Inspection 验货结果", "{{ order.inspection_result }}"), ("Invoice no. 发票号", "{{ order.invoice_no }}"),
    ])
    lines_table(doc, "en")
    para(doc, "Approval 审批", bold=True)
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for i, who in enumerate(("Sales Director 销售总监", "Finance Director 财务总监")):
        cell_text(table.rows[0].cells[i], who, bold=True, align="center")
        shade(table.rows[0].cells[i])
        cell = table.rows[1].cells[i]
        cell_text(cell, "☐ Approved 同意出货    ☐ Hold 暂缓")
        para(cell, "")
        para(cell, "Signature 签字: ____________________")
        para(cell, "Date 日期: ____________________")
    return doc


def delivery_note(lang: str) -> Document:
    t = L[lang]
    doc = new_document(lang)
    letterhead(doc, lang)
    title(doc, t["delivery_note"])
    fields(doc, [
        (t["order_no"], "{{ order.order_no }}"), (t["ship_date"], "{{ order.shipped }}"),
        (t["po_number"], "{{ order.po_number }}"), (t["incoterms"], "{{ order.incoterms }}"),
        (t["ship_to"], "{{ order.customer }}"), (t["date"], "{{ today }}"),
    ])
    lines_table(doc, lang, prices=False)
    para(doc, "")
    para(doc, t["received_by"])
    para(doc, "")
    para(doc, "______________________________")
    return doc


def notice_letter(kind: str, lang: str) -> Document:
    t = L[lang]
    doc = new_document(lang)
    letter(doc, lang, kind)
    if kind == "balance_notice":
        fields(doc, [
            (t["total"], "{{ order.total }}"), (t["deposit_received"], "{{ order.deposit_received }}"),
            (t["balance"], "{{ order.balance_due }}"), (t["payment_terms"], "{{ order.payment_terms }}"),
        ], columns=1)
        para(doc, t["bank"] + ":", bold=True)
        para(doc, "{%p for text in company.bank_lines %}")
        para(doc, "{{ text }}", space_after=0)
        para(doc, "{%p endfor %}")
        para(doc, "")
    regards(doc, lang)
    return doc


def build_all() -> dict[str, Document]:
    docs: dict[str, Document] = {"review_form.docx": review_form(), "shipping_order.docx": shipping_order()}
    for lang in ("en", "zh"):
        suffix = ".docx" if lang == "en" else ".zh.docx"
        docs["order_form" + suffix] = order_form(lang)
        docs["delivery_note" + suffix] = delivery_note(lang)
        for kind in LETTERS:
            docs[kind + suffix] = notice_letter(kind, lang)
    return docs


def reproducible(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and order so a rebuild changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = copy.copy(info)
            fixed.date_time = FIXED_TIME.timetuple()[:6]
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "templates"
    outdir.mkdir(parents=True, exist_ok=True)
    for name, doc in build_all().items():
        buffer = io.BytesIO()
        doc.save(buffer)
        (outdir / name).write_bytes(reproducible(buffer.getvalue()))
        print(f"wrote {outdir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
