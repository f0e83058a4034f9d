"""Word orders whose header fields sit where a template puts them: a band of labels over values
at the top, a text box, a content control, a legacy form field, the page header or footer, a
revised order's "Rev." beside its number, and labels in Catalan and Filipino. Each document is
written with python-docx (and the XML Word writes for boxes and fields) and read back whole."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from mailflow.extract import ParseContext, parse_file

W = nsdecls("w")
WPS = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
HEADS = {
    "en": ["Item", "Part No.", "Description", "Qty", "Unit", "Unit Price", "Amount"],
    "ca": ["Línia", "Codi", "Descripció", "Quantitat", "Unitat", "Preu unitari", "Import"],
    "fil": ["Blg.", "Kodigo", "Paglalarawan", "Dami", "Yunit", "Presyo", "Halaga"],
}
LINES = [
    ["1", "HB-840", "Hex bolt M8", "200", "pcs", "4.20", "840.00"],
    ["2", "WS-100", "Washer 8 mm", "500", "pcs", "0.10", "50.00"],
]


def lines_table(doc, lang: str = "en") -> None:
    table = doc.add_table(rows=1, cols=7)
    for cell, text in zip(table.rows[0].cells, HEADS[lang]):
        cell.text = text
    for line in LINES:
        for cell, text in zip(table.add_row().cells, line):
            cell.text = text
    doc.add_paragraph("Total: 890.00 EUR")


def text_box(doc, *paragraphs: str) -> None:
    inner = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    run = (
        f'<w:r {W} {WPS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>"
    )
    doc.add_paragraph()._p.append(parse_xml(run))


def form_text(doc, label: str, value: str) -> None:
    paragraph = parse_xml(
        f'<w:p {W}><w:r><w:t xml:space="preserve">{label} </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="f"/><w:enabled/><w:textInput/></w:ffData>'
        '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{value}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    doc.element.body.insert(len(doc.element.body) - 1, paragraph)


def controls_table(doc, pairs: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(pairs), cols=2)
    for row, (label, value) in zip(table.rows, pairs):
        row.cells[0].text = label
        cell = row.cells[1]._tc
        for paragraph in cell.findall(f"{{{cell.nsmap['w']}}}p"):
            cell.remove(paragraph)
        cell.append(
            parse_xml(
                f'<w:sdt {W}><w:sdtPr><w:alias w:val="{label}"/><w:text/></w:sdtPr>'
                f"<w:sdtContent><w:p><w:r><w:t>{value}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            )
        )


def header_band(doc) -> None:
    doc.add_paragraph("PURCHASE ORDER")
    band = doc.add_table(rows=2, cols=4)
    for cell, text in zip(band.rows[0].cells, ["PO Number", "PO Date", "Buyer", "Currency"]):
        cell.text = text
    for cell, text in zip(band.rows[1].cells, ["PO-558120", "12/11/2026", "Tamarack Fluid Systems Inc.", "EUR"]):
        cell.text = text


def in_text_box(doc) -> None:
    doc.add_paragraph("PURCHASE ORDER")
    text_box(doc, "PO Number: PO-558120", "Order Date: 12 Nov 2026")
    doc.add_paragraph("Buyer: Tamarack Fluid Systems Inc.")


def in_form_fields(doc) -> None:
    doc.add_paragraph("PURCHASE ORDER")
    for label, value in (
        ("PO Number:", "PO-558120"),
        ("Date:", "12 Nov 2026"),
        ("Buyer:", "Tamarack Fluid Systems Inc."),
    ):
        form_text(doc, label, value)


def in_controls(doc) -> None:
    doc.add_paragraph("PURCHASE ORDER")
    controls_table(doc, [("PO Number", "PO-558120"), ("Date", "12 Nov 2026"), ("Buyer", "Tamarack Fluid Systems Inc.")])


def in_page_header(doc) -> None:
    doc.sections[0].header.paragraphs[0].text = "Purchase Order No. PO-558120    Date: 12 Nov 2026"
    doc.add_paragraph("Buyer: Tamarack Fluid Systems Inc.")


def in_page_footer(doc) -> None:
    doc.sections[0].footer.paragraphs[0].text = "Purchase Order No. PO-558120    Date: 12 Nov 2026"
    doc.add_paragraph("PURCHASE ORDER")
    doc.add_paragraph("Buyer: Tamarack Fluid Systems Inc.")


def revised(doc) -> None:
    doc.add_paragraph("REVISED PURCHASE ORDER")
    band = doc.add_table(rows=2, cols=3)
    for cell, text in zip(band.rows[0].cells, ["Order No.", "Rev.", "Date"]):
        cell.text = text
    for cell, text in zip(band.rows[1].cells, ["PO-558120", "3", "12.11.2026"]):
        cell.text = text
    doc.add_paragraph("Buyer: Tamarack Fluid Systems Inc.")


@pytest.mark.parametrize(
    "layout", [header_band, in_text_box, in_form_fields, in_controls, in_page_header, in_page_footer, revised]
)
def test_header_fields_wherever_the_template_keeps_them(tmp_path, layout):
    doc = Document()
    layout(doc)
    lines_table(doc)
    path = tmp_path / "order.docx"
    doc.save(path)
    result = parse_file(path, ParseContext(today=dt.date(2026, 11, 22)))
    order = result.order
    assert order.po_number == "PO-558120"
    assert order.po_date == dt.date(2026, 11, 12)
    assert order.customer == "Tamarack Fluid Systems Inc."
    assert [(ln.item, ln.quantity, ln.amount) for ln in order.lines] == [
        ("HB-840", Decimal("200"), Decimal("840.00")),
        ("WS-100", Decimal("500"), Decimal("50.00")),
    ]


@pytest.mark.parametrize(
    "lang, title, labels, number, buyer",
    [
        ("ca", "COMANDA DE COMPRA", ("Núm. de comanda:", "Data:", "Client:"), "C-2026/118", "Indústries Mataró S.L."),
        (
            "fil",
            "ORDER NG PAGBILI",
            ("Blg. ng Order:", "Petsa:", "Mamimili:"),
            "PH-77120",
            "Mabuhay Manufacturing Corp.",
        ),
    ],
)
def test_catalan_and_filipino_labels(tmp_path, lang, title, labels, number, buyer):
    doc = Document()
    doc.add_paragraph(title)
    for label, value in zip(labels, (number, "12/11/2026", buyer)):
        doc.add_paragraph(f"{label} {value}")
    lines_table(doc, lang)
    path = tmp_path / f"{lang}.docx"
    doc.save(path)
    result = parse_file(path, ParseContext(today=dt.date(2026, 11, 22)))
    assert result.kind == "purchase_order"
    assert result.order.po_number == number
    assert result.order.customer == buyer
    assert len(result.order.lines) == 2


def test_a_table_row_broken_over_a_page_by_libreoffice_is_one_line(tmp_path, soffice):
    """A row whose description runs long is broken over the page by LibreOffice: the rest of its
    description opens the next page's table, in a row with nothing in its first column. It is
    the same line, not a second one (nor numbers taken from its words)."""
    doc = Document()
    for text in (
        "PURCHASE ORDER",
        "PO Number: PO-660021",
        "Order Date: 12 Nov 2026",
        "Buyer: Tamarack Fluid Systems Inc.",
    ):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Item", "Part No.", "Description", "Qty", "Unit Price", "Amount"]):
        cell.text = text
    total = Decimal(0)
    for n in range(1, 23):
        quantity, price = 10 * n, Decimal("2.50")
        description = f"Valve body type {n}"
        if n == 19:
            description = "\n".join(f"Machined manifold block, drawing rev {k}, anodised" for k in range(12))
        values = [str(n), f"MB-{1000 + n}", description, str(quantity), f"{price}", f"{quantity * price:.2f}"]
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
        total += quantity * price
    doc.add_paragraph(f"Total: {total:.2f} USD")
    source = tmp_path / "broken-row.docx"
    doc.save(source)
    pdf = soffice.convert(source, tmp_path / "pdf")
    result = parse_file(pdf, ParseContext(today=dt.date(2026, 11, 22)))
    order = result.order
    assert [ln.item for ln in order.lines] == [f"MB-{1000 + n}" for n in range(1, 23)]
    assert sum(ln.amount for ln in order.lines) == total == order.total
    broken = order.lines[18]
    assert broken.quantity == Decimal("190")
    assert "rev 0" in broken.description and "rev 1," in broken.description
