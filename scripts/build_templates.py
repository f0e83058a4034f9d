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

Tables draw their lines themselves (``grid_lines``: borders and line spacing set on the table and
its paragraphs) instead of naming Word's "Table Grid" style: they print the same, and LibreOffice
opens a document faster by a third when its tables name no table style (it works a table style
out again for every cell). Staff may still give a table a style in Word; it only costs that time.

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
        "order_no": "Our order no.",
        "po_number": "Customer PO no.",
        "po_date": "PO date",
        "customer": "Customer",
        "date": "Date",
        "currency": "Currency",
        "incoterms": "Incoterms",
        "payment_terms": "Payment terms",
        "requested": "Requested delivery",
        "confirmed": "Confirmed delivery",
        "no": "No.",
        "item": "Item",
        "description": "Description",
        "qty": "Qty",
        "unit": "Unit",
        "unit_price": "Unit price",
        "amount": "Amount",
        "delivery": "Delivery",
        "total": "Total",
        "deposit": "Deposit",
        "balance": "Balance due",
        "deposit_received": "Deposit received",
        "received": "Received so far",
        "to": "To",
        "attn": "Attn.",
        "re": "Re",
        "order_form": "Customer Order Form",
        "delivery_note": "Delivery Note",
        "pre_assembly_notice": "Pre-assembly Notice",
        "inspection_notice": "Inspection Notice",
        "balance_notice": "Balance Payment Notice",
        "ship_to": "Ship to",
        "ship_date": "Shipped on",
        "consignee": "Consignee",
        "forwarder": "Forwarder",
        "packages": "Packages",
        "gross_weight": "Gross weight",
        "net_weight": "Net weight",
        "delivered_by": "Delivered by {{ company.display_name }}",
        "received_by": "Received in good order by the consignee",
        "for_company": "For {{ company.display_name }}",
        "customer_confirm": "Accepted by the customer",
        "signature": "Name, signature, date",
        "seal": "Company seal",
        "bank": "Bank details",
        "reference": "Payment reference",
        "pay_by": "Please pay by",
        "colon": ": ",
        "on_behalf": "For and on behalf of {{ company.display_name }}",
        "status_review": "Received and under review: this form is not yet an order confirmation.",
        "status_confirmed": "Order confirmed",
        "terms": [
            "Terms:",
            "The order is confirmed once this form is signed and sealed by both parties; the confirmed "
            "delivery date runs from receipt of the deposit.",
            "{%p if order.payment_terms %}",
            "Payment: {{ order.payment_terms }}. The goods ship after inspection and payment of the balance.",
            "{%p else %}",
            "The goods ship after inspection and payment of the balance.",
            "{%p endif %}",
            "Any change to the order must be agreed in writing.",
        ],
    },
    "zh": {
        "order_no": "我方订单号",
        "po_number": "客户订单号",
        "po_date": "订单日期",
        "customer": "客户",
        "date": "日期",
        "currency": "币种",
        "incoterms": "贸易条款",
        "payment_terms": "付款条件",
        "requested": "要求交期",
        "confirmed": "确认交期",
        "no": "序号",
        "item": "料号",
        "description": "品名规格",
        "qty": "数量",
        "unit": "单位",
        "unit_price": "单价",
        "amount": "金额",
        "delivery": "交期",
        "total": "合计",
        "deposit": "订金",
        "balance": "应付尾款",
        "deposit_received": "已收订金",
        "received": "已收款项",
        "to": "致",
        "attn": "联系人",
        "re": "事由",
        "order_form": "客户订单确认表",
        "delivery_note": "送货单",
        "pre_assembly_notice": "组装前通知",
        "inspection_notice": "验货通知",
        "balance_notice": "尾款支付通知",
        "ship_to": "送货地址",
        "ship_date": "出货日期",
        "consignee": "收货人",
        "forwarder": "货代",
        "packages": "件数",
        "gross_weight": "毛重",
        "net_weight": "净重",
        "delivered_by": "送货方：{{ company.display_name }}",
        "received_by": "收货方签收（货物完好）",
        "for_company": "{{ company.display_name }}",
        "customer_confirm": "客户确认",
        "signature": "姓名、签字、日期",
        "seal": "盖章",
        "bank": "收款账户",
        "reference": "付款附言",
        "pay_by": "付款期限",
        "colon": "：",
        "on_behalf": "{{ company.display_name }}",
        "status_review": "已收到，评审中：本表尚非订单确认。",
        "status_confirmed": "订单已确认",
        "terms": [
            "条款：",
            "本表经双方签字盖章后订单方为确认，确认交期自收到订金之日起计算。",
            "{%p if order.payment_terms %}",
            "付款条件：{{ order.payment_terms }}。货物验货合格并付清尾款后出货。",
            "{%p else %}",
            "货物验货合格并付清尾款后出货。",
            "{%p endif %}",
            "如有任何变更，须经双方书面确认。",
        ],
    },
}

# Said in a value cell when the order does not have the value yet: a form never shows a label
# with nothing after it. Bilingual forms (review form, shipping order) say both.
MISSING = {
    "en": {
        "tbc": "to be confirmed",
        "not_stated": "not stated on the PO",
        "none_yet": "none yet",
        "pending": "pending",
        "to_issue": "to be issued",
        "to_advise": "to be advised",
    },
    "zh": {
        "tbc": "待确认",
        "not_stated": "订单未注明",
        "none_yet": "暂无",
        "pending": "待验货",
        "to_issue": "待开具",
        "to_advise": "待通知",
    },
}
MISSING["both"] = {key: f"{MISSING['en'][key]} {MISSING['zh'][key]}" for key in MISSING["en"]}


def value(field: str, missing: str | None = None, lang: str = "en") -> str:
    """``{{ order.field }}``, or with the words for a missing value: ``{{ order.x or "..." }}``."""
    if missing is None:
        return f"{{{{ order.{field} }}}}"
    return f'{{{{ order.{field} or "{MISSING[lang][missing]}" }}}}'


LETTERS = {
    "pre_assembly_notice": {
        "en": [
            "{{ greeting }}",
            "Thank you for your order {{ order.po_number }} (our ref. {{ order.order_no }}). We are "
            "pleased to let you know that final assembly is scheduled to start on "
            "{{ order.assembly_date }}.",
            "If you wish to inspect the goods during or after assembly, please let us know the "
            "date and the names of your inspectors so that we can prepare the production line.",
            "{%p if order.confirmed_delivery %}",
            "The confirmed delivery date remains {{ order.confirmed_delivery }}.",
            "{%p endif %}",
        ],
        "zh": [
            "{{ greeting }}",
            "感谢贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）。该订单计划于 "
            "{{ order.assembly_date }} 开始总装。",
            "如贵司需要在组装期间或之后验货，请告知验货日期及验货人员名单，以便我司安排生产线。",
            "{%p if order.confirmed_delivery %}",
            "确认交期仍为 {{ order.confirmed_delivery }}。",
            "{%p endif %}",
        ],
    },
    "inspection_notice": {
        "en": [
            "{{ greeting }}",
            "We are pleased to inform you that production of your order {{ order.po_number }} "
            "(our ref. {{ order.order_no }}) "
            '{{ ("was completed on " ~ order.production_complete) if order.production_complete else "is complete" }}'
            " and the goods are ready for your inspection.",
            "{%p if order.inspection_date %}",
            "We propose to hold the inspection on {{ order.inspection_date }}. Please confirm this "
            "date, or propose another, and let us know the names of your inspectors.",
            "{%p else %}",
            "Please let us know the date you would like to inspect and the names of your "
            "inspectors, and we will prepare the goods.",
            "{%p endif %}",
        ],
        "zh": [
            "{{ greeting }}",
            "贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）"
            '{{ ("已于 " ~ order.production_complete ~ " 完成生产") if order.production_complete else "已完成生产" }}'
            "，可安排验货。",
            "{%p if order.inspection_date %}",
            "我司建议验货日期为 {{ order.inspection_date }}。请确认该日期或另行告知，并告知验货人员名单。",
            "{%p else %}",
            "请告知贵司希望的验货日期及验货人员名单，我司将据此备货。",
            "{%p endif %}",
        ],
    },
    "balance_notice": {
        "en": [
            "{{ greeting }}",
            "Your order {{ order.po_number }} (our ref. {{ order.order_no }}) has passed inspection. "
            "Please pay the balance below so that we can release the goods for shipment, quoting "
            "our order reference on the transfer.",
        ],
        "zh": [
            "{{ greeting }}",
            "贵司订单 {{ order.po_number }}（我方订单号 {{ order.order_no }}）已验货合格。"
            "请支付以下尾款并在付款附言中注明订单号，以便我司安排出货。",
        ],
    },
}


# --------------------------------------------------------------------------- building blocks

USABLE_WIDTH = 17.4  # cm: A4 less 1.8 cm margins


def new_document(lang: str) -> Document:
    doc = Document()
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
        section.left_margin = section.right_margin = Cm(1.8)
        section.top_margin = section.bottom_margin = Cm(1.5)
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
    # Latin text is English in every document (codes, amounts, a customer's descriptions):
    # marked Chinese, LibreOffice would break it anywhere ("shipm/ent"). Chinese text is zh-CN.
    language.set(qn("w:val"), "en-GB")
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


def para(
    doc_or_cell,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: str | None = None,
    space_after: float | None = 4,
    space_before: float | None = None,
):
    p = doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)  # one run per tag: see the module docstring
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    elif size:  # an empty spacer: its height is its line
        p.paragraph_format.line_spacing = Pt(size)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if space_before is not None:
        p.paragraph_format.space_before = Pt(space_before)
    return p


def cell_text(cell, text: str, *, bold: bool = False, align: str | None = None, size: float | None = None) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    p.paragraph_format.space_after = Pt(0)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def shade(cell, fill: str = "D9E2F3") -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{fill}"/>'))


def set_widths(table, widths: tuple[float, ...]) -> None:
    """Fixed column widths: in the grid (LibreOffice reads it) and on each cell (Word reads
    those), with a fixed layout so neither program re-balances the columns to the text."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    if tbl_pr.find(qn("w:tblLayout")) is None:
        tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    if tbl_pr.find(qn("w:tblCellMar")) is None:  # narrow cell padding: more room for the text
        tbl_pr.append(
            parse_xml(
                f'<w:tblCellMar {nsdecls("w")}><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
                "</w:tblCellMar>"
            )
        )
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def letterhead(doc, lang: str) -> None:
    para(doc, "{{ company.display_name }}", bold=True, size=16, align="center", space_after=0)
    if lang == "zh":
        para(doc, "{{ company.name }}", size=9, align="center", space_after=0)
    para(doc, "{{ company.address }}", size=9, align="center", space_after=0)
    para(doc, "{{ company.contact_line }}", size=9, align="center", space_after=8)


def title(doc, text: str) -> None:
    para(doc, text, bold=True, size=14, align="center", space_after=6)


def fields(
    doc,
    rows: list[tuple[str, str]],
    columns: int = 2,
    *,
    label_width: float = 3.2,
    optional: list[tuple[str, str, str]] = (),
    size: float = 9,
) -> None:
    """Label/value pairs, ``columns`` pairs per row; then ``optional`` (label, value, condition)
    rows, each on its own full-width row kept only when its condition holds (``{%tr if %}``)."""
    table = doc.add_table(rows=0, cols=2 * columns)
    table.style = "Table Grid"
    for start in range(0, len(rows), columns):
        cells = table.add_row().cells
        for i, (label, text) in enumerate(rows[start : start + columns]):
            cell_text(cells[2 * i], label, bold=True, size=size)
            shade(cells[2 * i], "F2F2F2")
            cell_text(cells[2 * i + 1], text, size=size)
    spanning = []
    for label, text, condition in optional:
        cell_text(table.add_row().cells[0], f"{{%tr if {condition} %}}")
        row = table.add_row()
        cell_text(row.cells[0], label, bold=True, size=size)
        shade(row.cells[0], "F2F2F2")
        cell_text(row.cells[1], text, size=size)
        spanning.append(row)
        cell_text(table.add_row().cells[0], "{%tr endif %}")
    value_width = (USABLE_WIDTH - columns * label_width) / columns
    set_widths(table, (label_width, value_width) * columns)
    for row in spanning:  # an optional row's value spans the remaining columns
        if columns > 1:
            row.cells[1].merge(row.cells[-1])
    para(doc, space_after=2, size=4)


# Column widths (cm) of the lines table by (language, with prices); each row sums to USABLE_WIDTH.
WIDTHS = {
    ("en", True): (0.9, 2.6, 4.0, 1.5, 1.1, 2.2, 2.8, 2.3),
    ("en", False): (0.9, 3.0, 7.9, 1.8, 1.5, 2.3),
    ("zh", True): (1.0, 2.6, 4.0, 1.5, 1.1, 1.9, 2.4, 2.9),  # "2027年1月15日" is wider than "15 Jan 2027"
    ("zh", False): (1.0, 3.0, 7.2, 1.8, 1.5, 2.9),
}


def lines_table(doc, lang: str, *, prices: bool = True) -> None:
    """The order lines: a header row, then one template row repeated by ``{%tr for %}``.

    Widths fit the longest word each column holds ("Unit price", "USD 12,345.60", "15 Dec
    2026") at 9 pt, so no word breaks in the middle; descriptions wrap between words."""
    t = L[lang]
    columns = [
        ("no", "{{ line.no }}", None),
        ("item", "{{ line.item }}", None),
        ("description", "{{ line.description }}", None),
        ("qty", "{{ line.quantity }}", "right"),
        ("unit", "{{ line.unit }}", None),
    ]
    if prices:
        columns += [("unit_price", "{{ line.unit_price }}", "right"), ("amount", "{{ line.amount }}", "right")]
    columns.append(("delivery", "{{ line.delivery_date }}", None))
    widths = WIDTHS[(lang, prices)]
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, (label, text, align) in enumerate(columns):
        cell_text(table.rows[0].cells[i], t[label], bold=True, size=9, align=align)
        shade(table.rows[0].cells[i])
        cell_text(table.rows[2].cells[i], text, align=align, size=9)
    set_widths(table, widths)
    cell_text(table.rows[1].cells[0], "{%tr for line in lines %}")
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    if prices:
        # The total spans the unit price and amount columns: a bold "USD 12,345.60" fits on one line.
        row = table.add_row().cells
        merged = row[0].merge(row[len(columns) - 4])
        cell_text(merged, t["total"], bold=True, align="right", size=9)
        cell_text(
            row[len(columns) - 3].merge(row[len(columns) - 2]),
            '{{ order.total or "' + MISSING[lang]["tbc"] + '" }}',
            bold=True,
            align="right",
            size=9,
        )
    para(doc, space_after=2, size=4)


def sign_and_seal(doc, boxes: list[tuple[str, list[str]]], *, height: float = 3.0) -> None:
    """Boxes side by side, each a heading, room to sign, the lines under it (name, date) and
    room for the company seal: what the procedure asks where a document is signed."""
    table = doc.add_table(rows=2, cols=len(boxes))
    table.style = "Table Grid"
    for i, (heading, lines) in enumerate(boxes):
        cell_text(table.rows[0].cells[i], heading, bold=True, size=9, align="center")
        shade(table.rows[0].cells[i])
        cell = table.rows[1].cells[i]
        cell_text(cell, lines[0], size=9)
        for line in lines[1:]:
            para(cell, line, size=9, space_after=2)
    table.rows[1].height = Cm(height)
    set_widths(table, (USABLE_WIDTH / len(boxes),) * len(boxes))


def letter(doc, lang: str, kind: str) -> None:
    t = L[lang]
    letterhead(doc, lang)
    title(doc, t[kind])
    colon = t["colon"]
    para(doc, f"{t['date']}{colon}{{{{ today }}}}", align="right")
    para(doc, f"{t['to']}{colon}{{{{ order.customer }}}}", space_after=0)
    para(doc, "{%p if order.contact %}")
    para(doc, f"{t['attn']}{colon}{{{{ order.contact }}}}", space_after=0)
    para(doc, "{%p endif %}")
    para(doc, f"{t['re']}{colon}{{{{ order.po_number }}}} / {{{{ order.order_no }}}}", space_before=4, space_after=10)
    for text in LETTERS[kind][lang]:
        para(doc, text, space_after=0 if text.startswith("{%") else 8)


def regards(doc, lang: str) -> None:
    """The closing, signed by a person with a title, for the company, with room for the seal."""
    para(doc, "{{ closing }}", space_after=0)
    if lang == "zh":
        para(doc, "敬礼", space_after=0)
    para(doc, "", space_after=24)
    para(doc, "{{ signatory.name }}", bold=True, space_after=0)
    para(doc, "{%p if signatory.title %}")
    para(doc, "{{ signatory.title }}", space_after=0)
    para(doc, "{%p endif %}")
    para(doc, L[lang]["on_behalf"], space_after=0)


# --------------------------------------------------------------------------- the templates


def order_form(lang: str) -> Document:
    """The Customer Order Form: sent with the acknowledgement (received, under review) and again,
    signed and sealed, as the confirmation; the status line under the title says which."""
    t = L[lang]
    m = "en" if lang == "en" else "zh"
    doc = new_document(lang)
    letterhead(doc, lang)
    if lang == "zh":
        title(doc, '{{ "客户订单确认表" if order.confirmed else "客户订单表" }}')
    else:
        title(doc, t["order_form"])
    para(doc, "{%p if order.confirmed %}")
    para(doc, t["status_confirmed"], bold=True, align="center", size=9)
    para(doc, "{%p else %}")
    para(doc, t["status_review"], align="center", size=9)
    para(doc, "{%p endif %}")
    fields(
        doc,
        [
            (t["order_no"], "{{ order.order_no }}"),
            (t["date"], "{{ today }}"),
            (t["po_number"], "{{ order.po_number }}"),
            (t["po_date"], value("po_date", "not_stated", m)),
            (t["customer"], "{{ order.customer }}"),
            (t["currency"], value("currency", "not_stated", m)),
            (t["requested"], value("requested_delivery", "not_stated", m)),
            (t["confirmed"], value("confirmed_delivery", "tbc", m)),
            (t["incoterms"], value("incoterms", "not_stated", m)),
            (t["payment_terms"], value("payment_terms", "not_stated", m)),
        ],
        label_width=3.0 if lang == "zh" else 3.6,
        optional=[(t["attn"], "{{ order.contact }}", "order.contact")],
    )
    lines_table(doc, lang)
    para(doc, "{%p if order.deposit_amount %}")
    para(doc, f"{t['deposit']} ({{{{ order.deposit_percent }}}}){t['colon']}{{{{ order.deposit_amount }}}}", bold=True)
    para(doc, "{%p endif %}")
    for line in t["terms"]:
        para(doc, line, size=9, space_after=1)
    para(doc, "", space_after=4)
    # The company's seal (company.seal_image) once the order is confirmed; else the box is stamped.
    sealed = ["{%p if order.confirmed and seal %}", "{{ seal }}", "{%p else %}", "", "{%p endif %}"]
    sign_and_seal(
        doc,
        [
            (t["for_company"], [t["signature"] + t["colon"].strip(), *sealed, t["seal"]]),
            (t["customer_confirm"], [t["signature"] + t["colon"].strip(), "", t["seal"]]),
        ],
        height=2.8,
    )
    return doc


def review_form() -> Document:
    doc = new_document("zh")
    letterhead(doc, "en")
    title(doc, "Customer Order Review Form 客户订单评审表")
    b = "both"
    fields(
        doc,
        [
            ("Order no. 订单号", "{{ order.order_no }}"),
            ("Received 收单日期", "{{ order.received }}"),
            ("Customer 客户", "{{ order.customer }}"),
            ("PO no. 客户订单号", "{{ order.po_number }}"),
            ("Account manager 业务员", "{{ signatory.name }}"),
            ("Total 金额", value("total", "tbc", b)),
            ("Requested delivery 要求交期", value("requested_delivery", "not_stated", b)),
            ("Reply due 回复期限", value("reply_due", "tbc", b)),
            ("Payment terms 付款条件", value("payment_terms", "not_stated", b)),
            ("Incoterms 贸易条款", value("incoterms", "not_stated", b)),
        ],
        label_width=3.3,
    )
    lines_table(doc, "en")
    para(
        doc,
        "Requirements 客户要求 (packaging, marking, certificates, special terms):",
        bold=True,
        size=9,
        space_after=0,
    )
    para(doc, '{{ order.requirements or "none stated on the PO 订单未注明" }}', size=9, space_after=6)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for i, label in enumerate(("Sign-off 会签", "Opinion 评审意见", "Signature 签字", "Date 日期")):
        cell_text(table.rows[0].cells[i], label, bold=True, size=9)
        shade(table.rows[0].cells[i])
    for dept in ("Sales 业务部", "Finance 财务部", "PMC 生产计划部", "QC 品质部", "Engineering 工程部"):
        cells = table.add_row().cells
        cell_text(cells[0], dept, bold=True, size=9)
    for row in table.rows[1:]:
        row.height = Cm(1.15)
    set_widths(table, (3.4, 8.6, 3.1, 2.3))
    para(doc, "", space_after=2, size=4)
    sign_and_seal(
        doc,
        [
            (
                "Director approval 总经理 / 总监审批",
                [
                    "☐ Accept 接单     ☐ Decline 不接单",
                    "",
                    "Signature 签字: ____________________",
                    "Date 日期: ____________",
                ],
            ),
            ("Company seal 公司盖章", [""]),
        ],
        height=2.6,
    )
    return doc


def shipping_order() -> Document:
    doc = new_document("zh")
    letterhead(doc, "en")
    title(doc, "Shipping Order 出货单")
    b = "both"
    fields(
        doc,
        [
            ("Order no. 订单号", "{{ order.order_no }}"),
            ("Date 日期", "{{ today }}"),
            ("Customer 客户", "{{ order.customer }}"),
            ("PO no. 客户订单号", "{{ order.po_number }}"),
            ("Incoterms 贸易条款", value("incoterms", "not_stated", b)),
            ("Total 金额", value("total", "tbc", b)),
            ("Deposit received 已收订金", value("deposit_received", "none_yet", b)),
            ("Balance received 已收尾款", value("balance_received", "none_yet", b)),
            ("Inspection 验货结果", value("inspection_result", "pending", b)),
            ("Invoice no. 发票号", value("invoice_no", "to_issue", b)),
            ("Consignee 收货人", "{{ order.consignee or order.customer }}"),
            ("Forwarder 货代", value("forwarder", "to_advise", b)),
            ("Packages 件数", value("packages", "to_advise", b)),
            ("Gross weight 毛重", value("gross_weight", "to_advise", b)),
        ],
        label_width=3.4,
        optional=[
            ("Ship to 送货地址", "{{ order.ship_to }}", "order.ship_to"),
            ("Net weight 净重", "{{ order.net_weight }}", "order.net_weight"),
            ("Other payments 其他款项", "{{ order.other_received }}", "order.other_received"),
            (
                "Outstanding 未收款",
                "{{ order.outstanding }} — do not ship before it is paid 未付清前不得出货",
                "order.outstanding",
            ),
        ],
    )
    lines_table(doc, "en")
    approval = ["☐ Approved 同意出货", "☐ Hold 暂缓", "", "Signature 签字: ______________", "Date 日期: ______________"]
    sign_and_seal(
        doc,
        [
            ("Sales Director 销售总监", approval),
            ("Finance Director 财务总监", approval),
            ("Company seal 公司盖章", [""]),
        ],
        height=3.0,
    )
    return doc


def delivery_note(lang: str) -> Document:
    t = L[lang]
    m = "en" if lang == "en" else "zh"
    doc = new_document(lang)
    letterhead(doc, lang)
    title(doc, t["delivery_note"])
    fields(
        doc,
        [
            (t["order_no"], "{{ order.order_no }}"),
            (t["ship_date"], value("shipped", "tbc", m)),
            (t["po_number"], "{{ order.po_number }}"),
            (t["incoterms"], value("incoterms", "not_stated", m)),
            (t["consignee"], "{{ order.consignee or order.customer }}"),
            (t["forwarder"], value("forwarder", "to_advise", m)),
            (t["packages"], value("packages", "to_advise", m)),
            (t["gross_weight"], value("gross_weight", "to_advise", m)),
        ],
        label_width=2.8 if lang == "zh" else 3.6,
        optional=[
            (t["ship_to"], "{{ order.ship_to }}", "order.ship_to"),
            (t["net_weight"], "{{ order.net_weight }}", "order.net_weight"),
        ],
    )
    lines_table(doc, lang, prices=False)
    para(doc, "")
    sign_and_seal(
        doc,
        [
            (t["delivered_by"], [t["signature"] + t["colon"].strip(), "", t["seal"]]),
            (t["received_by"], [t["signature"] + t["colon"].strip(), "", t["seal"]]),
        ],
        height=2.8,
    )
    return doc


def notice_letter(kind: str, lang: str) -> Document:
    t = L[lang]
    doc = new_document(lang)
    letter(doc, lang, kind)
    if kind == "balance_notice":
        none = MISSING[lang]["none_yet"]
        fields(
            doc,
            [
                (t["total"], "{{ order.total }}"),
                (t["received"], f'{{{{ order.paid or "{none}" }}}}'),
                (t["balance"], "{{ order.balance_due }}"),
                (t["currency"], "{{ order.currency }}"),
                (t["reference"], "{{ order.po_number }} / {{ order.order_no }}"),
            ],
            columns=1,
            label_width=4.5,
            optional=[
                (t["pay_by"], "{{ extra.get('pay_by') }}", "extra.get('pay_by')"),
                (t["payment_terms"], "{{ order.payment_terms }}", "order.payment_terms"),
            ],
        )
        para(doc, "{%p if company.bank_lines %}")
        para(doc, t["bank"] + t["colon"].strip(), bold=True, space_after=2)
        para(doc, "{%p for text in company.bank_lines %}")
        para(doc, "{{ text }}", space_after=0)
        para(doc, "{%p endfor %}")
        para(doc, "{%p endif %}")
        para(doc, "")
    regards(doc, lang)
    return doc


_GRID_BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def grid_lines(doc) -> None:
    """Give every table of ``doc`` that names "Table Grid" what that style gives it — single
    lines around and between all cells, and single line spacing in its paragraphs — and remove
    the name (see the module docstring)."""
    for style in doc.element.body.iter(qn("w:tblStyle")):
        if style.get(qn("w:val")) != "TableGrid":
            continue
        tbl_pr = style.getparent()
        tbl_pr.remove(style)
        # the schema's order: tblBorders after tblW/jc/tblInd, before shd/tblLayout/tblCellMar/tblLook
        after = [qn(f"w:{name}") for name in ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                                              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd")]  # fmt: skip
        at = sum(1 for child in tbl_pr if child.tag in after)
        tbl_pr.insert(at, parse_xml(f"<w:tblBorders {nsdecls('w')}>{_GRID_BORDERS}</w:tblBorders>"))
        for paragraph in tbl_pr.getparent().iter(qn("w:p")):
            spacing = paragraph.get_or_add_pPr().get_or_add_spacing()
            if spacing.get(qn("w:after")) is None:
                spacing.set(qn("w:after"), "0")
            if spacing.get(qn("w:line")) is None:
                spacing.set(qn("w:line"), "240")
                spacing.set(qn("w:lineRule"), "auto")


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
        grid_lines(doc)
        buffer = io.BytesIO()
        doc.save(buffer)
        (outdir / name).write_bytes(reproducible(buffer.getvalue()))
        print(f"wrote {outdir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
