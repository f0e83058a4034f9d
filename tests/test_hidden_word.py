"""A Word order is read as it prints: white text on a white page and 1-point text are not read.

A forged order can print one PO number and hide another beside it in white, or in a font too
small to see; the reader took the first it met. White headings on a shaded table header (the
usual order template) are read as always.
"""

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from mailflow.extract import ParseContext, parse_file

TODAY = dt.date(2026, 11, 22)
VISIBLE_PO = "4500012345"
HIDDEN_PO = "4500099999"


def shade(element, fill: str) -> None:
    """A shading of ``fill`` on a cell's, paragraph's or run's properties element."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    element.append(shading)


def order(tmp_path, hide=None, heading_fill: str | None = "1F3864"):
    """An order letter with a lines table whose heading is white on ``heading_fill``;
    ``hide(word)`` first adds what a forger hides."""
    word = docx.Document()
    if hide:
        hide(word)
    word.add_heading("Purchase Order", 1)
    word.add_paragraph(f"PO Number: {VISIBLE_PO}")
    word.add_paragraph("Buyer: Harborline Outdoor Gear Inc.")
    rows = (
        ["Part No.", "Description", "Qty", "Unit Price", "Amount"],
        ["KNO-4917", "Control knob ABS 21 mm", "500", "1.20", "600.00"],
        ["VLV-5200", "Check valve 1/2 in", "40", "12.50", "500.00"],
    )
    table = word.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            run = cell.paragraphs[0].add_run(value)
            if r == 0 and heading_fill:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                shade(cell._tc.get_or_add_tcPr(), heading_fill)
    word.add_paragraph("Total: USD 1,100.00")
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "PO.docx"
    path.write_bytes(buffer.getvalue())
    return parse_file(path, ParseContext(today=TODAY))


def hidden_po(colour=None, size=None, highlight=None):
    def hide(word):
        run = word.add_paragraph().add_run(f"PO Number: {HIDDEN_PO}")
        if colour:
            run.font.color.rgb = colour
        if size:
            run.font.size = size
        if highlight:
            mark = OxmlElement("w:highlight")
            mark.set(qn("w:val"), highlight)
            run._r.get_or_add_rPr().append(mark)

    return hide


def test_white_headings_on_a_shaded_table_header_are_read(tmp_path):
    result = order(tmp_path)
    assert result.order.po_number == VISIBLE_PO
    assert [line.quantity for line in result.order.lines] == [Decimal(500), Decimal(40)]
    assert [line.item for line in result.order.lines] == ["KNO-4917", "VLV-5200"]


def test_a_po_number_in_white_on_the_white_page_is_not_read(tmp_path):
    result = order(tmp_path, hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF)))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def test_a_po_number_in_a_one_point_font_is_not_read(tmp_path):
    result = order(tmp_path, hidden_po(size=Pt(1)))
    assert result.order.po_number == VISIBLE_PO


def test_white_text_on_a_highlight_or_a_dark_page_is_read(tmp_path):
    # white on black highlight: shown, so it is what the buyer printed first
    result = order(tmp_path, hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF), highlight="black"))
    assert result.order.po_number == HIDDEN_PO

    def dark_page(word):
        background = OxmlElement("w:background")
        background.set(qn("w:color"), "000000")
        word.element.insert(0, background)
        hidden_po(colour=RGBColor(0xFF, 0xFF, 0xFF))(word)

    assert order(tmp_path, dark_page).order.po_number == HIDDEN_PO


# Styles hide text as well as a run's own properties: a character style or a paragraph style
# (or a style either is based on) set to hidden, white or 1 point hides every run wearing it.


def styled(kind, name, base=None, **font):
    """A ``hide(word)`` adding a ``kind`` style ``name`` (based on ``base``) with ``font`` settings,
    and a paragraph with the hidden PO number wearing it."""
    from docx.enum.style import WD_STYLE_TYPE

    def hide(word):
        style_type = WD_STYLE_TYPE.CHARACTER if kind == "character" else WD_STYLE_TYPE.PARAGRAPH
        if base is not None:
            base_style = word.styles.add_style(f"{name}Base", style_type)
            for key, value in base.items():
                setattr(base_style.font, key, value) if key != "color" else setattr(base_style.font.color, "rgb", value)
        style = word.styles.add_style(name, style_type)
        if base is not None:
            style.base_style = word.styles[f"{name}Base"]
        for key, value in font.items():
            setattr(style.font, key, value) if key != "color" else setattr(style.font.color, "rgb", value)
        if kind == "character":
            word.add_paragraph().add_run(f"PO Number: {HIDDEN_PO}", style=name)
        else:
            word.add_paragraph(f"PO Number: {HIDDEN_PO}", style=name)

    return hide


def test_a_po_number_in_a_hidden_character_style_is_not_read(tmp_path):
    result = order(tmp_path, styled("character", "Ghost", hidden=True))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def test_a_paragraph_style_based_on_a_white_one_hides_its_text(tmp_path):
    white = RGBColor(0xFF, 0xFF, 0xFF)
    result = order(tmp_path, styled("paragraph", "Faint", base={"color": white}))
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


def test_a_paragraph_style_of_one_point_hides_its_text(tmp_path):
    result = order(tmp_path, styled("paragraph", "Tiny", size=Pt(1)))
    assert result.order.po_number == VISIBLE_PO


def test_a_run_shown_against_its_hidden_style_is_read(tmp_path):
    def shown(word):
        styled("character", "Ghost", hidden=True)(word)
        word.paragraphs[-1].runs[0].font.hidden = False  # the run's own setting wins: Word shows it

    assert order(tmp_path, shown).order.po_number == HIDDEN_PO


def test_a_digit_hidden_by_a_style_inside_a_quantity_is_not_read(tmp_path):
    """500 printed, 5000 forged: a hidden "0" after the quantity in the lines table."""
    from docx.enum.style import WD_STYLE_TYPE

    word = docx.Document()
    word.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER).font.hidden = True
    word.add_paragraph(f"PO Number: {VISIBLE_PO}")
    rows = (
        ["Part No.", "Description", "Qty", "Unit Price", "Amount"],
        ["KNO-4917", "Control knob ABS 21 mm", "500", "1.20", "600.00"],
    )
    table = word.add_table(rows=2, cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).paragraphs[0].add_run(value)
    table.cell(1, 2).paragraphs[0].add_run("0", style="Ghost")
    word.add_paragraph("Total: USD 600.00")
    path = tmp_path / "PO.docx"
    word.save(path)
    result = parse_file(path, ParseContext(today=TODAY))
    assert [(line.quantity, line.amount) for line in result.order.lines] == [(Decimal(500), Decimal("600.00"))]


def test_a_hidden_style_in_the_page_header_hides_its_text(tmp_path):
    def in_header(word):
        from docx.enum.style import WD_STYLE_TYPE

        word.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER).font.hidden = True
        word.sections[0].header.paragraphs[0].add_run(f"PO Number: {HIDDEN_PO}", style="Ghost")

    result = order(tmp_path, in_header)
    assert result.order.po_number == VISIBLE_PO
    assert HIDDEN_PO not in " ".join(result.references)


@pytest.mark.soffice
def test_what_styles_hide_is_what_libreoffice_does_not_print(tmp_path, soffice):
    """The reader's notion of hidden, set against a real renderer: every marker LibreOffice
    prints is read, and none it leaves out — through chains of styles, both styles hiding, a
    style switched off on the run, defaults of the document."""
    import pdfplumber
    from docx.enum.style import WD_STYLE_TYPE

    from mailflow.extract import wordbody

    word = docx.Document()
    styles = word.styles
    styles.add_style("HidPara", WD_STYLE_TYPE.PARAGRAPH).font.hidden = True
    styles.add_style("HidChar", WD_STYLE_TYPE.CHARACTER).font.hidden = True
    styles.add_style("ShowChar", WD_STYLE_TYPE.CHARACTER).font.hidden = False
    base = styles.add_style("WhiteBase", WD_STYLE_TYPE.CHARACTER)
    base.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    derived = styles.add_style("WhiteDerived", WD_STYLE_TYPE.CHARACTER)
    derived.base_style = base
    twice = styles.add_style("HidTwice", WD_STYLE_TYPE.CHARACTER)
    twice.base_style = styles["HidChar"]
    twice.font.hidden = True
    cases = [  # (marker, paragraph style, character style, the run's own hidden setting)
        ("MARKA1", None, None, None),
        ("MARKB2", "HidPara", None, None),
        ("MARKC3", None, "HidChar", None),
        ("MARKD4", "HidPara", "HidChar", None),
        ("MARKE5", None, "HidTwice", None),
        ("MARKF6", None, "WhiteDerived", None),
        ("MARKG7", None, "HidChar", False),
        ("MARKH8", "HidPara", "ShowChar", None),
        ("MARKI9", "HidPara", None, False),
    ]
    for marker, paragraph_style, character_style, own in cases:
        paragraph = word.add_paragraph(style=paragraph_style) if paragraph_style else word.add_paragraph()
        run = paragraph.add_run(marker, style=character_style)
        if own is not None:
            run.font.hidden = own
    path = tmp_path / "styles.docx"
    word.save(path)
    with pdfplumber.open(soffice.convert(path, tmp_path)) as pdf:
        inked = [c for c in pdf.pages[0].chars if tuple(c["non_stroking_color"] or (0,)) not in ((1,), (1, 1, 1))]
        printed = "".join(c["text"] for c in inked)  # in ink: white letters on the page are not seen
    shown_by_libreoffice = {marker for marker, *_ in cases if marker in printed}

    reread = docx.Document(str(path))
    body = wordbody.read(reread.element.body, wordbody.Styles(reread.styles.element))
    read = {marker for marker, *_ in cases if marker in "\n".join(body.paragraphs)}
    assert shown_by_libreoffice == {"MARKA1", "MARKG7", "MARKH8", "MARKI9"}
    assert read == shown_by_libreoffice
