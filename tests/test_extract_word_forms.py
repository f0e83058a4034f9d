"""Word order forms filled in through content controls and legacy form fields."""

import datetime as dt
import io

import docx
from docx.oxml import parse_xml

from mailflow.extract import ParseContext, parse_file

TODAY = dt.date(2026, 11, 22)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def control(text: str) -> str:
    return f'<w:sdt><w:sdtPr><w:alias w:val="Field"/></w:sdtPr><w:sdtContent>{run(text)}</w:sdtContent></w:sdt>'


def placeholder() -> str:
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="Field"/><w:showingPlcHdr/></w:sdtPr>'
        f"<w:sdtContent>{run('Click or tap here to enter text.')}</w:sdtContent></w:sdt>"
    )


def formtext(text: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:textInput/></w:ffData>'
        '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def dropdown(entries: list[str], chosen: int) -> str:
    listed = "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/>'
        f'<w:ddList><w:result w:val="{chosen}"/>{listed}</w:ddList></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def fill(cell, inner: str) -> None:
    p = cell._tc.p_lst[0]
    for node in parse_xml(f"<w:p {W}>{inner}</w:p>"):
        p.append(node)


def test_values_in_controls_and_form_fields_are_read_placeholders_are_not(tmp_path):
    d = docx.Document()
    d.add_paragraph("Juniper Castings Ltd")
    d.add_heading("PURCHASE ORDER", level=1)
    fields = d.add_table(rows=0, cols=2)
    for label, inner in [
        ("PO Number", control("JC-40417")),
        ("Order Date", formtext("11/18/2026")),
        ("Currency", dropdown(["USD", "GBP", "EUR"], 1)),
        ("Payment Terms", placeholder()),
    ]:
        cells = fields.add_row().cells
        cells[0].text = label
        fill(cells[1], inner)
    lines = d.add_table(rows=1, cols=4)
    for cell, title in zip(lines.rows[0].cells, ["Item No.", "Description", "Qty", "Unit Price"]):
        cell.text = title
    for values in [("JC-100", "Valve body DN25", "40", "18.50"), ("JC-200", "Flange gasket", "400", "0.85")]:
        for cell, value in zip(lines.add_row().cells, values):
            fill(cell, control(value) if value[0] != "J" else formtext(value))
    for cell in lines.add_row().cells:  # a spare row of the template
        fill(cell, placeholder())
    buffer = io.BytesIO()
    d.save(buffer)
    path = tmp_path / "JC-40417.docx"
    path.write_bytes(buffer.getvalue())
    result = parse_file(path, ParseContext(today=TODAY))
    order = result.order
    assert order.po_number == "JC-40417"
    assert order.po_date == dt.date(2026, 11, 18)
    assert order.currency == "GBP"  # the drop-down's choice, not its first entry
    assert order.payment_terms is None  # the placeholder is no value
    assert [(ln.item, str(ln.quantity), str(ln.unit_price)) for ln in order.lines] == [
        ("JC-100", "40", "18.50"),
        ("JC-200", "400", "0.85"),
    ]
    assert "Click or tap" not in result.to_json().__repr__()
