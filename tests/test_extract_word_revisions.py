"""A Word order as it reads with its tracked changes accepted, text boxes and nested tables read.

The buyer corrected the order with "track changes" on: the new PO number and a new line are
insertions (``w:ins``), the old number and a cancelled line deletions (``w:del``, a deleted
table row), a paragraph was moved (``w:moveFrom``/``w:moveTo``). The delivery address sits in a
text box, the PO number in a content control, the lines in a table nested in a layout table.
python-docx's ``.text`` drops insertions and all of those places; the order must read whole.
"""

from __future__ import annotations

import io
import json
import subprocess
from decimal import Decimal

import docx
from docx.oxml import parse_xml

from mailflow.extract import docx as word_reader
from mailflow.extract.vocabulary import Vocabulary

from helpers.daemon import MAILFLOW, NOW, clean_environ

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DRAWING = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
LINES = [("HX-100", "Hex bolt M8 x 40", "1200", "0.85", "1020.00"), ("GR-900", "Gear rack", "4", "1234.50", "4938.00")]
CANCELLED = ("OLD-7", "Cancelled part", "9", "1.00", "9.00")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted(text: str) -> str:
    return f'<w:del w:id="1" w:author="Buyer"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="2" w:author="Buyer">{run(text)}</w:ins>'


def row(cells, tracked: str = "") -> str:
    properties = f"<w:trPr>{tracked}</w:trPr>" if tracked else ""
    return f"<w:tr>{properties}" + "".join(f"<w:tc><w:p>{run(c)}</w:p></w:tc>" for c in cells) + "</w:tr>"


def revised_order() -> bytes:
    document = docx.Document()
    body = document.element.body
    blocks = [
        f"<w:p {W}>{run('Purchase Order')}</w:p>",
        # the PO number in a content control, corrected with changes tracked
        f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p>{run('PO Number: ')}{deleted('HX-66001')}{inserted('HX-77120')}"
        "</w:p></w:sdtContent></w:sdt>",
        f"<w:p {W}><w:moveFrom w:id='3' w:author='Buyer'>{run('PO Date: 2026-11-02')}</w:moveFrom></w:p>",
        f"<w:p {W}><w:moveTo w:id='4' w:author='Buyer'>{run('PO Date: 2026-11-18')}</w:moveTo></w:p>",
        # a text box, as Word writes it: the drawing and its VML fallback hold the same text
        f"<w:p {W} {DRAWING}><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
        f"<w:txbxContent><w:p>{run('Ship to: Gate 3, Hafenstrasse 9')}</w:p></w:txbxContent></wps:txbx></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>{run('Ship to: Gate 3, Hafenstrasse 9')}"
        "</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        # the lines in a table nested in a one-cell layout table
        f"<w:tbl {W}><w:tr><w:tc><w:p>{run('Order lines')}</w:p><w:tbl>"
        + row(("Item", "Description", "Qty", "Unit Price", "Amount"))
        + row(LINES[0])
        + row(CANCELLED, tracked='<w:del w:id="5" w:author="Buyer"/>')
        + row(LINES[1], tracked='<w:ins w:id="6" w:author="Buyer"/>')
        + row(("", "", "", "Total", "5958.00"))
        + "</w:tbl><w:p/></w:tc></w:tr></w:tbl>",
    ]
    anchor = body[-1]  # the section properties stay last
    for xml in blocks:
        anchor.addprevious(parse_xml(xml))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_revised_word_order_reads_as_accepted(tmp_path):
    data = revised_order()
    doc = word_reader.read(data, "order.docx", Vocabulary.bundled())
    text = doc.all_text()
    assert "PO Number: HX-77120" in text and "PO Date: 2026-11-18" in text
    assert "HX-66001" not in text and "2026-11-02" not in text and "OLD-7" not in text
    assert text.count("Ship to: Gate 3") == 1  # the text box once, not again from its fallback
    outer, lines = doc.grids
    assert outer.rows == [["Order lines"]]  # the nested table is a table of its own
    assert lines.rows[1:3] == [list(LINES[0]), list(LINES[1])]

    path = tmp_path / "order.docx"
    path.write_bytes(data)
    result = subprocess.run(
        [MAILFLOW, "--now", NOW, "parse", str(path), "--json"],
        capture_output=True, text=True, timeout=120, env=clean_environ(), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    order = json.loads(result.stdout)["order"]
    assert order["po_number"] == "HX-77120" and order["po_date"] == "2026-11-18"
    assert [(l["item"], Decimal(l["quantity"]), Decimal(l["amount"])) for l in order["lines"]] == [
        (item, Decimal(qty), Decimal(amount)) for item, _, qty, _, amount in LINES
    ]
    assert Decimal(order["total"]) == Decimal("5958.00")
