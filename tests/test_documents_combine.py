"""Forms of one template converted by one LibreOffice load and cut into one PDF each
(``documents/combine.py``): each PDF must be the one the form gets converted alone — the same
pages, words, places, fonts and rules — read back with pdfplumber; what cannot be put side by
side without printing differently is converted alone; a combined conversion that fails leaves
no form without its PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from conftest import _missing
from helpers.printed import printed
from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env
from mailflow.documents import combine, render_document
from mailflow.documents import pdf as pdf_mod
from mailflow.documents.template_context import sample_order
from mailflow.model import OrderLine
from mailflow.store import Store
from servers import MissingBinary

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def uno_python(soffice) -> str:
    if subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode != 0:
        _missing(MissingBinary("python3-uno", "apt-get install python3-uno"))
    return "/usr/bin/python3"


@pytest.fixture
def listeners():
    pdf_mod.close_listeners()
    yield pdf_mod._listeners()
    pdf_mod.close_listeners()


def forms(tmp_path: Path, line_counts: list[int]) -> list[tuple[Path, str]]:
    """Order forms (and every third a review form) of orders with ``line_counts`` lines, rendered
    from mailflow's templates; each with the PO number it must show."""
    config = config_mod.defaults(tmp_path)
    env = Env(config=config, store=Store(tmp_path / "state" / "mailflow.db"), archive=Archive(tmp_path / "archive"))
    made = []
    try:
        for n, count in enumerate(line_counts):
            lines = [
                OrderLine(f"P-{n}-{k}", f"Part {k} of order {n}", Decimal(100 + k), "pcs", Decimal("1.25"),
                          Decimal(100 + k) * Decimal("1.25"), dt.date(2027, 1, 15))
                for k in range(count)
            ]  # fmt: skip
            total = sum((line.amount for line in lines), Decimal(0))
            order = dataclasses.replace(
                sample_order(), order_no=f"SO-2026-{n + 1:04d}", po_number=f"PO-{7100 + n}", lines=lines, total=total
            )
            kind = "review_form" if n % 3 == 2 else "order_form"
            made.append((render_document(env, order, kind, NOW).path, order.po_number))
    finally:
        env.close()
    return made


def convert(tmp_path: Path, documents: list[Path], name: str, combined: int) -> dict[Path, Path | None]:
    config = config_mod.defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.converters = 1
    env = type("E", (), {"config": config})()
    converter = pdf_mod.Converter(env, tmp_path / name)
    converter.COMBINE = combined
    futures = {path: converter.submit(path) for path in documents}
    converter.close()
    return {path: future.result() for path, future in futures.items()}


def test_forms_converted_as_one_print_exactly_as_each_converted_alone(tmp_path, uno_python, listeners, monkeypatch):
    made = forms(tmp_path, [1, 3, 2, 12, 60, 5, 7, 1, 4])  # 60 lines: an order form over two pages
    documents = [path for path, _ in made]
    alone = convert(tmp_path, documents, "alone", 1)
    calls = []
    real = combine.combine
    monkeypatch.setattr(combine, "combine", lambda paths, target: calls.append(len(paths)) or real(paths, target))
    together = convert(tmp_path, documents, "together", pdf_mod.Converter.COMBINE)
    # one template's package (styles, page set-up) is the other's: order and review forms go together (the
    # first may be taken alone by the LibreOffice still running, before the others came)
    assert sum(calls) >= len(documents) - 1 and max(calls) > 2
    pages = []
    for path, po_number in made:
        one, other = alone[path], together[path]
        assert one is not None and other is not None and one != other
        assert printed(other) == printed(one)
        assert any(word[3] == po_number for word in printed(other)[1])
        pages.append(printed(other)[0])
    assert max(pages) >= 2 and min(pages) == 1


def test_a_combined_conversion_that_fails_gives_each_form_its_own(tmp_path, uno_python, listeners, monkeypatch, caplog):
    made = forms(tmp_path, [1, 2, 3, 4])
    failures = []

    def fails_once(pdf, starts, targets):
        failures.append(len(targets))
        raise ValueError("cut in the wrong place")

    monkeypatch.setattr(combine, "split", fails_once)
    pdfs = convert(tmp_path, [path for path, _ in made], "out", pdf_mod.Converter.COMBINE)
    assert failures and sum(failures) >= 3  # tried as one: then each alone
    for path, po_number in made:
        pdf = pdfs[path]
        assert pdf is not None and any(word[3] == po_number for word in printed(pdf)[1])
    assert any("converted as one failed (cut in the wrong place)" in r.getMessage() for r in caplog.records)
    assert not list((tmp_path / "out").glob("*combined*"))


def word_file(path: Path, build) -> Path:
    document = Document()
    build(document)
    document.save(path)
    return path


def test_only_what_prints_the_same_side_by_side_is_combined(tmp_path):
    def plain(text):
        return lambda document: document.add_paragraph(text)

    one, two = word_file(tmp_path / "one.docx", plain("One")), word_file(tmp_path / "two.docx", plain("Two"))
    assert combine.signature(one) is not None and combine.signature(one) == combine.signature(two)

    def header(document):
        document.sections[0].header.paragraphs[0].text = "Letterhead"
        document.add_paragraph("Body")

    def numbered(document):
        document.add_paragraph("First item", style="List Number")

    def landscape(document):
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        document.add_paragraph("Wide")

    def two_sections(document):
        document.add_paragraph("Part one")
        document.add_section()
        document.add_paragraph("Part two")

    def table_first(document):
        document.add_table(rows=1, cols=2)
        document.add_paragraph("After the table")

    assert combine.signature(word_file(tmp_path / "header.docx", header)) is None
    assert combine.signature(word_file(tmp_path / "numbered.docx", numbered)) is None
    assert combine.signature(word_file(tmp_path / "sections.docx", two_sections)) is None
    assert combine.signature(word_file(tmp_path / "table.docx", table_first)) is None
    wide = combine.signature(word_file(tmp_path / "wide.docx", landscape))
    assert wide is not None and wide != combine.signature(one)  # its own page set-up: never with the others
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    assert combine.signature(tmp_path / "broken.docx") is None

    def page_field(document):
        paragraph = document.add_paragraph("Page ")
        run = paragraph.add_run()
        run._r.append(run._r.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fldSimple", {}))

    assert combine.signature(word_file(tmp_path / "field.docx", page_field)) is None


def test_each_part_begins_a_page_of_its_own_under_its_bookmark(tmp_path):
    first = word_file(tmp_path / "a.docx", lambda d: d.add_paragraph("Alpha"))
    second = word_file(tmp_path / "b.docx", lambda d: d.add_paragraph("Beta", style="Title"))
    marks = combine.combine([first, second], tmp_path / "both.docx")
    assert marks == ["mailflowpart0", "mailflowpart1"]
    body = zipfile.ZipFile(tmp_path / "both.docx").read("word/document.xml").decode()
    assert body.count("<w:pageBreakBefore/>") == 1 and body.count("<w:sectPr") == 1
    assert body.index("Alpha") < body.index('w:name="mailflowpart1"') < body.index("Beta")
    assert '<w:pStyle w:val="Title"/><w:pageBreakBefore/>' in body  # the style first, as Word writes it
    reopened = Document(str(tmp_path / "both.docx"))
    assert [p.text for p in reopened.paragraphs] == ["Alpha", "Beta"]


def test_a_pdf_without_the_parts_destinations_is_not_cut(tmp_path):
    blank = pypdfium2.PdfDocument.new()
    for _ in range(2):
        blank.new_page(595, 842)
    blank.save(str(tmp_path / "blank.pdf"))
    blank.close()
    targets = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    with pytest.raises(ValueError, match="no destination mailflowpart0"):
        combine.split(tmp_path / "blank.pdf", ["mailflowpart0", "mailflowpart1"], targets)
    assert not any(target.exists() for target in targets)
