"""The PDF reader's own way of making pdfplumber's characters gives what pdfplumber gives: the
same dicts, keys in the same order, for every character of the corpus's PDFs; other objects
stay pdfplumber's; another pdfplumber version keeps its own way."""

from pathlib import Path

import pdfplumber
import pytest
from pdfminer.layout import LTChar, LTContainer
from pdfplumber import page as plumber_page
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from mailflow.extract import ParseContext, parse_file, pdfchars

CORPUS = Path(__file__).parent / "corpus"
# every PDF of the hand-made corpus, and every fifth of the generated one (its layouts, fonts,
# scripts, crops and scans, about 170 files)
PDFS = sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "wide").rglob("*.pdf"))[::5]


def laid_out(page):
    """Every object pdfplumber turns into a dict, in its order (``iter_layout_objects``)."""
    found = []

    def walk(objects):
        for obj in objects:
            if isinstance(obj, LTContainer):
                if page.pdf.laparams is not None:
                    found.append(obj)
                walk(obj._objs)
            else:
                found.append(obj)

    walk(page.layout._objs)
    return found


def compared(path):
    """(characters compared, other objects) of the PDF at ``path``; fails at the first that differs."""
    assert pdfchars.install()
    chars = others = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:10]:
            for obj in laid_out(page):
                mine, theirs = pdfchars.process_object(page, obj), pdfchars.pdfplumbers_own(page, obj)
                if type(obj) is LTChar:
                    chars += 1
                else:
                    others += 1
                    theirs.pop("stream", None), mine.pop("stream", None)  # a picture's stream: its own object
                assert list(mine.items()) == list(theirs.items()), (path.name, page.page_number, obj)
    return chars, others


def test_the_corpus_has_text_pdfs_to_compare():
    assert len(PDFS) > 150


@pytest.mark.parametrize("chunk", range(4))
def test_each_character_is_the_dict_pdfplumber_makes(chunk):
    chars = others = 0
    for path in PDFS[chunk::4]:
        c, o = compared(path)
        chars, others = chars + c, others + o
    assert chars > 20_000  # text PDFs, not only scans
    assert others > 0


def white_and_cmyk_pdf(path):
    """Characters in colours of every kind (grey, RGB, CMYK), a rotated one, a tiny one."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFillGray(0.5)
    pdf.drawString(50, 780, "PO Number: 4500012345")
    pdf.setFillColorRGB(1, 1, 1)
    pdf.drawString(50, 760, "white 4500099999")
    pdf.setFillColorCMYK(0.1, 0.2, 0.3, 0.4)
    pdf.drawString(50, 740, "CMYK Total: 1,100.00")
    pdf.setFont("Helvetica", 1)
    pdf.drawString(50, 720, "tiny")
    pdf.saveState()
    pdf.translate(300, 400)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(0, 0, "turned")
    pdf.restoreState()
    pdf.save()
    return path


def test_colours_rotation_and_sizes_are_made_the_same(tmp_path):
    chars, _ = compared(white_and_cmyk_pdf(tmp_path / "colours.pdf"))
    assert chars == len("PO Number: 4500012345white 4500099999CMYK Total: 1,100.00tinyturned")


def test_reading_a_pdf_uses_it_and_reads_the_order(tmp_path):
    result = parse_file(CORPUS / "pdf" / "acme-fpdf.pdf", ParseContext())
    assert plumber_page.Page.process_object is pdfchars.process_object
    assert result.order is not None and result.order.po_number == "AF-26-1204"


def test_another_pdfplumber_keeps_its_own(monkeypatch):
    pdfchars.install()
    own = pdfchars.pdfplumbers_own
    monkeypatch.setattr(plumber_page.Page, "process_object", own)
    monkeypatch.setattr(pdfchars._lib, "version", "0.12.0")
    assert pdfchars.install() is False
    assert plumber_page.Page.process_object is own
    monkeypatch.setattr(pdfchars._lib, "version", "0.11.11")
    assert pdfchars.install() is True
    assert plumber_page.Page.process_object is pdfchars.process_object


def test_colour_space_names_kept_are_bounded():
    """A hostile file's many or long colour-space names are decoded as pdfplumber decodes them,
    and never kept beyond the bound."""
    pdfchars.install()
    own = pdfchars._lib.resolve_and_decode
    names = [f"CS{n}" for n in range(pdfchars.MAX_NAMES + 50)] + ["X" * 10_000, "Sp\xe9cial"]
    assert [pdfchars._decoded(name, pdfchars._lib) for name in names] == [own(name) for name in names]
    assert len(pdfchars._names) <= pdfchars.MAX_NAMES
    assert all(len(name) <= pdfchars.MAX_NAME_LENGTH for name in pdfchars._names)
