"""Documents: the Word templates rendered for real orders, opened back with python-docx, converted
by a real LibreOffice and read with pdfplumber (fonts included), and check_templates on broken ones."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import logging
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from helpers.printed import printed
from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env
from mailflow.documents import DOC_KINDS, check_templates, generate, jinja_environment, render
from mailflow.preflight import template_problems
from mailflow.documents import pdf as pdf_mod
from mailflow.documents.template_context import context_for, day, money, quantity, sample_order
from mailflow.errors import MailflowError, TemplateError
from mailflow.model import Order, OrderLine
from mailflow.store import Store

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path):
    config = config_mod.defaults(tmp_path)
    config.company.name = "Example Manufacturing Co., Ltd."
    config.company.name_zh = "示例制造有限公司"
    config.company.bank_details = "Bank of China, Dongguan Branch\nSWIFT BKCHCNBJ\nAccount 1234 5678 9012"
    config.documents.pdf = "never"
    e = Env(config=config, store=Store(tmp_path / "state" / "mailflow.db"), archive=Archive(tmp_path / "archive"))
    yield e
    e.close()


def order(lang: str = "en", currency: str = "USD") -> Order:
    return Order(
        order_no="SO-2026-0042", po_number="PO-77120", customer="Smith & Sons Trading",
        received_at=dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc), language=lang,
        account_manager="Lily Chen", po_date=dt.date(2026, 11, 18), requested_delivery=dt.date(2026, 12, 15),
        currency=currency, total=Decimal("1234.5"), incoterms="FOB Shenzhen", payment_terms="30% T/T in advance",
        lines=[OrderLine("BRK-200", "Brake caliper bracket", Decimal("1500"), "pcs", Decimal("0.823"), Decimal("1234.5"),
                         dt.date(2026, 12, 15))],
        facts={"assembly_date": "2026-12-01", "production_complete": "2026-12-08", "inspection_date": "2026-12-10",
               "deposit_received": "370.35"},
    )  # fmt: skip


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# --------------------------------------------------------------------------- values


def test_money_and_dates_are_formatted_by_currency_and_language():
    assert money(Decimal("1234.5"), "USD") == "USD 1,234.50"
    assert money(Decimal("1234.5"), "CNY", "zh") == "¥1,234.50"
    assert money(Decimal("0.125"), "EUR") == "EUR 0.13"  # half up, not banker's rounding
    assert money(None, "USD") == ""
    assert day(dt.date(2026, 12, 15)) == "15 Dec 2026"
    assert day("2026-12-15", "zh") == "2026年12月15日"
    assert quantity(Decimal("1500.000")) == "1,500" and quantity(Decimal("2.50")) == "2.5"


def test_context_computes_deposit_and_balance_from_the_order(env):
    ctx = context_for(env, order(), NOW)
    assert ctx["order"]["deposit_amount"] == "USD 370.35"  # 30 % of 1,234.50
    assert ctx["order"]["balance_due"] == "USD 864.15"
    assert ctx["lines"][0]["quantity"] == "1,500" and ctx["lines"][0]["unit_price"] == "USD 0.82"
    assert ctx["company"]["bank_lines"][1] == "SWIFT BKCHCNBJ"
    zh = context_for(env, order("zh", "CNY"), NOW)
    assert zh["company"]["display_name"] == "示例制造有限公司" and zh["today"] == "2026年11月23日"


# --------------------------------------------------------------------------- docx


def test_order_form_holds_the_order_values_and_no_template_tags(env):
    paths = generate(env, order(), "order_form", NOW)
    assert paths == ["Smith & Sons Trading/SO-2026-0042 PO PO-77120/documents/SO-2026-0042 Order Form.docx"]
    text = docx_text(env.archive.resolve(paths[0]))
    for value in ("PO-77120", "SO-2026-0042", "Smith & Sons Trading", "Brake caliper bracket", "1,500",
                  "USD 1,234.50", "USD 370.35", "15 Dec 2026", "18 Nov 2026", "FOB Shenzhen",
                  "Example Manufacturing Co., Ltd.", "Customer Order Form"):  # fmt: skip
        assert value in text, value
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("kind", sorted(DOC_KINDS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_kind_renders_in_both_languages(env, kind, lang):
    path = env.archive.resolve(generate(env, order(lang, "CNY" if lang == "zh" else "USD"), kind, NOW)[0])
    text = docx_text(path)
    assert "{{" not in text and "{%" not in text
    assert "SO-2026-0042" in text
    if lang == "zh" and DOC_KINDS[kind].customer:
        assert "示例制造有限公司" in text  # the Chinese letterhead
        assert "年" in text


def test_review_form_has_a_sign_off_row_per_department(env):
    path = env.archive.resolve(generate(env, order(), "review_form", NOW)[0])
    sign_off = docx.Document(str(path)).tables[-2]  # the last one: director approval and seal
    departments = [row.cells[0].text for row in sign_off.rows[1:]]
    assert [d.split()[0] for d in departments] == ["Sales", "Finance", "PMC", "QC", "Engineering"]


def test_balance_notice_lists_each_bank_detail_line(env):
    text = docx_text(env.archive.resolve(generate(env, order(), "balance_notice", NOW)[0]))
    assert "SWIFT BKCHCNBJ" in text and "USD 864.15" in text


def test_templates_use_a_cjk_east_asian_font(env):
    document = docx.Document(str(REPO / "templates" / "order_form.zh.docx"))
    fonts = document.styles.element.xpath("//w:docDefaults//w:rFonts")[0]
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "WenQuanYi Zen Hei"


def test_build_script_reproduces_the_committed_templates(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(REPO / "scripts" / "build_templates.py"), str(tmp_path)], check=True,
                   capture_output=True)  # fmt: skip
    for built in tmp_path.glob("*.docx"):
        assert built.read_bytes() == (REPO / "templates" / built.name).read_bytes(), built.name


def build_templates_module():
    spec = importlib.util.spec_from_file_location("build_templates", REPO / "scripts" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_templates_draw_their_table_lines_without_a_table_style():
    # LibreOffice opens a document a third faster when its tables name no table style
    tables = 0
    for template in (REPO / "templates").glob("*.docx"):
        body = zipfile.ZipFile(template).read("word/document.xml").decode()
        assert "<w:tblStyle " not in body, template.name
        assert body.count("<w:tbl>") == body.count("<w:tblBorders>"), template.name
        tables += body.count("<w:tbl>")
    assert tables >= 8


@pytest.mark.soffice
def test_table_lines_drawn_directly_print_as_the_table_grid_style_did(tmp_path, soffice):
    build = build_templates_module()
    document = docx.Document()
    document.add_paragraph("Before the tables")
    for rows in (2, 3):
        table = document.add_table(rows=rows, cols=3)
        table.style = "Table Grid"
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.paragraphs[0].add_run(f"r{r}c{c}")
        table.cell(0, 0).add_paragraph("a second paragraph, no spacing of its own")
        spaced = table.cell(1, 1).add_paragraph("spaced before")
        spaced.paragraph_format.space_before = docx.shared.Pt(6)
        document.add_paragraph("After a table")
    document.save(tmp_path / "styled.docx")
    build.grid_lines(document)
    document.save(tmp_path / "direct.docx")
    direct = zipfile.ZipFile(tmp_path / "direct.docx").read("word/document.xml").decode()
    assert "TableGrid" not in direct and direct.count("<w:tblBorders>") == 2
    styled, drawn = (
        printed(soffice.convert(tmp_path / f"{name}.docx", tmp_path / name)) for name in ("styled", "direct")
    )
    assert drawn == styled and len(styled[2]) >= 10  # the same words in the same places, and every line


# --------------------------------------------------------------------------- PDF


@pytest.mark.soffice
def test_chinese_order_form_pdf_embeds_a_cjk_font(env, soffice):
    env.config.documents.pdf = "always"
    started = dt.datetime.now()
    paths = generate(env, order("zh", "CNY"), "order_form", NOW)
    seconds = (dt.datetime.now() - started).total_seconds()
    assert [Path(p).suffix for p in paths] == [".docx", ".pdf"]
    import pdfplumber

    with pdfplumber.open(env.archive.resolve(paths[1])) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        cjk_fonts = {c["fontname"] for c in page.chars if c["text"] in "客户订单表"}
    assert (
        "客户订单表" in text and "订单确认" not in text.split("\n")[2]
    )  # not confirmed yet: not 确认表 and "¥1,234.50" in text and "PO-77120" in text
    assert "2026年12月15日" in text
    assert cjk_fonts and all("WenQuanYi" in name for name in cjk_fonts), cjk_fonts
    assert seconds < 60


@pytest.mark.soffice
def test_english_letter_pdf_has_the_values(env, soffice):
    env.config.documents.pdf = "auto"
    paths = generate(env, order(), "inspection_notice", NOW)
    import pdfplumber

    with pdfplumber.open(env.archive.resolve(paths[-1])) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Inspection Notice" in text and "8 Dec 2026" in text and "PO-77120" in text


def test_internal_documents_get_no_pdf(env, monkeypatch):
    env.config.documents.pdf = "always"
    called = []
    monkeypatch.setattr("mailflow.documents.to_pdf", lambda *a, **k: called.append(a))
    assert len(generate(env, order(), "shipping_order", NOW)) == 1 and not called


def test_without_libreoffice_auto_warns_once_and_always_fails(env, caplog, monkeypatch):
    env.config.documents.soffice = "no-such-soffice"
    env.config.documents.pdf = "auto"
    monkeypatch.setattr(pdf_mod, "_warned", False)
    with caplog.at_level(logging.WARNING, logger="mailflow.documents"):
        assert len(generate(env, order(), "order_form", NOW)) == 1
        assert len(generate(env, order(), "delivery_note", NOW)) == 1
    assert sum("not found" in r.getMessage() for r in caplog.records) == 1
    env.config.documents.pdf = "always"
    with pytest.raises(MailflowError, match="LibreOffice"):
        generate(env, order(), "order_form", NOW)


# --------------------------------------------------------------------------- check_templates


def broken_docx(path: Path, text: str) -> None:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))


def test_check_templates_passes_on_the_shipped_templates(env):
    assert check_templates(env) == []
    assert template_problems(env) == []


def test_check_templates_names_each_broken_template(env):
    folder = env.config.path(env.config.workspace.templates)
    shutil.copytree(REPO / "templates", folder)
    broken_docx(folder / "order_form.docx", "PO {{ order.po_numbr }}")  # unknown field
    broken_docx(folder / "delivery_note.zh.docx", "PO {{ order.po_number ")  # bad tag
    (folder / "email" / "pickup_notice.en.txt.j2").write_text("{% set subject %}Hi{% endset %}{{ order.nope }}")
    problems = template_problems(env)  # the Word templates and the email templates
    assert any("order_form.docx" in p and "po_numbr" in p for p in problems), problems
    assert any("delivery_note.zh.docx" in p for p in problems), problems
    assert any("pickup_notice.en.txt.j2" in p and "nope" in p for p in problems), problems
    assert len(problems) == 3, problems
    with pytest.raises(TemplateError, match="order_form.docx"):
        render(folder / "order_form.docx", context_for(env, sample_order(), NOW))


def test_letters_are_signed_by_a_person_and_greet_neutrally_without_a_contact(env):
    am = order().with_(account_manager="am@example.com")
    ctx = context_for(env, am, NOW)
    assert "@" not in ctx["signatory"]["name"] and ctx["signatory"]["name"] == "Order Desk"  # nobody configured
    assert ctx["greeting"] == "Dear Sir or Madam," and ctx["closing"] == "Yours faithfully,"
    env.config.company.signatory.name, env.config.company.signatory.title = "Lily Chen", "Account Manager"
    env.config.company.signatory.name_zh, env.config.company.signatory.title_zh = "陈丽", "客户经理"
    signatory = context_for(env, am, NOW)["signatory"]
    assert (signatory["name"], signatory["title"]) == ("Lily Chen", "Account Manager")
    zh = context_for(env, am.with_(language="zh"), NOW)
    assert (zh["signatory"]["name"], zh["signatory"]["title"], zh["greeting"]) == ("陈丽", "客户经理", "尊敬的客户：")
    named = context_for(env, order(), NOW)  # the tracker names the account manager: that person signs
    assert (named["signatory"]["name"], named["signatory"]["title"]) == ("Lily Chen", "Account Manager")
    other = context_for(env, order().with_(account_manager="Wang Wei"), NOW)["signatory"]
    assert (other["name"], other["title"]) == ("Wang Wei", "Account Manager")
    contact = order()
    contact.facts["contact"] = "Ms Clarke"
    assert context_for(env, contact, NOW)["greeting"] == "Dear Ms Clarke,"


def test_reply_due_is_on_the_form_from_receipt_on_the_working_calendar(env):
    # Received Friday 20 Nov 2026 10:00 in Shanghai; 2 working days later is Tuesday 24 Nov.
    assert context_for(env, order(), NOW)["order"]["reply_due"] == "24 Nov 2026"
    text = docx_text(env.archive.resolve(generate(env, order(), "review_form", NOW)[0]))
    assert "24 Nov 2026" in text


def test_shipping_order_flags_money_still_outstanding_and_carries_the_shipping_facts(env):
    short = order()  # deposit received, balance not: the directors must see the shortfall
    text = docx_text(env.archive.resolve(generate(env, short, "shipping_order", NOW)[0]))
    assert "Outstanding" in text and "USD 864.15" in text
    paid = order()
    paid.facts.update(
        balance_received="864.15",
        consignee="Smith & Sons GmbH",
        forwarder="DHL Global Forwarding",
        packages="3 pallets",
        gross_weight="412.5",
        ship_to="Hafenstrasse 1, Hamburg",
    )
    text = docx_text(env.archive.resolve(generate(env, paid, "shipping_order", NOW)[0]))
    assert "Outstanding" not in text
    for value in ("Smith & Sons GmbH", "DHL Global Forwarding", "3 pallets", "412.5 kg", "Hafenstrasse 1, Hamburg"):
        assert value in text, value
    note = docx_text(env.archive.resolve(generate(env, paid, "delivery_note", NOW)[0]))
    assert "Hafenstrasse 1, Hamburg" in note and "Smith & Sons GmbH" in note


def test_a_missing_value_says_what_is_missing_or_leaves_its_line_out(env):
    bare = order().with_(payment_terms=None, incoterms=None, po_date=None)
    text = docx_text(env.archive.resolve(generate(env, bare, "order_form", NOW)[0]))
    assert "Payment terms: ." not in text and "Payment:" not in text  # the terms sentence is left out
    assert text.count("not stated on the PO") == 3 and "to be confirmed" in text  # confirmed delivery
    assert "Received and under review" in text and "Order confirmed" not in text
    letter = docx_text(env.archive.resolve(generate(env, bare.with_(facts={}), "inspection_notice", NOW)[0]))
    assert "Please let us know the date you would like to inspect" in letter and "None" not in letter


def test_a_template_compiled_once_renders_each_order_with_its_own_values(env, tmp_path):
    """The compiled template is kept between documents: the second order gets its own values,
    and a template edited in Word (new text) is compiled afresh, not served from the cache."""
    template = REPO / "templates" / "order_form.docx"
    first, second = order(), order()
    second.po_number, second.customer = "PO-99001", "Garcia Industrial"
    for number, one in enumerate((first, second)):
        path = tmp_path / f"form{number}.docx"
        path.write_bytes(render(template, context_for(env, one, NOW)))
        text = docx_text(path)
        assert one.po_number in text and one.customer in text
        assert (second if one is first else first).po_number not in text
    edited = docx.Document(str(template))
    edited.add_paragraph("Edited by staff: {{ order.po_number }} again")
    edited_path = tmp_path / "order_form.docx"
    edited.save(str(edited_path))
    out = tmp_path / "edited-out.docx"
    out.write_bytes(render(edited_path, context_for(env, second, NOW)))
    assert "Edited by staff: PO-99001 again" in docx_text(out)


def _docxtpl_save(template: Path, context: dict) -> bytes:
    """What docxtpl's own open-render-save gives for ``template``."""
    theirs = DocxTemplate(str(template))
    theirs.render(context, jinja_env=jinja_environment(), autoescape=True)
    buffer = io.BytesIO()
    theirs.save(buffer)
    return buffer.getvalue()


LEFT_OUT = {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"}  # see documents/package.py
PACKAGING = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"}


def _style_ids(root) -> set[str]:
    return {s.get(qn("w:styleId")) for s in root.iter(qn("w:style"))}


def test_every_template_renders_the_parts_docxtpl_itself_writes(env, tmp_path):
    """The template is read once and the parts nobody renders are copied as they are (``package``):
    each shipped template, rendered for an order, holds the parts and part bytes that docxtpl's
    own open-render-save gives, less Word's style gallery (the styles it never uses, the latent
    styles, ``stylesWithEffects``) and the template's preview picture; rendered twice it is the
    same file."""
    templates = sorted((REPO / "templates").glob("*.docx"))
    assert len(templates) >= 10
    for template in templates:
        context = context_for(env, order().with_(language="zh" if ".zh." in template.name else "en"), NOW)
        ours = render(template, context)
        with zipfile.ZipFile(io.BytesIO(ours)) as a, zipfile.ZipFile(io.BytesIO(_docxtpl_save(template, context))) as b:
            assert a.testzip() is None
            assert LEFT_OUT <= set(b.namelist()), template.name  # the shipped templates have them
            assert a.namelist() == [name for name in b.namelist() if name not in LEFT_OUT], template.name
            for name in a.namelist():
                if name not in PACKAGING:
                    assert a.read(name) == b.read(name), (template.name, name)
            assert not any(left in a.read(name).decode() for name in PACKAGING for left in LEFT_OUT)
            full, lean = etree.fromstring(b.read("word/styles.xml")), etree.fromstring(a.read("word/styles.xml"))
        assert lean.find(qn("w:latentStyles")) is None and full.find(qn("w:latentStyles")) is not None
        assert lean.find(qn("w:docDefaults")) is not None
        assert {"Normal", "TableNormal", "DefaultParagraphFont"} <= _style_ids(lean) < _style_ids(full)
        assert len(_style_ids(lean)) < len(_style_ids(full)) / 5
        assert render(template, context) == ours
        (tmp_path / template.name).write_bytes(ours)
        assert order().po_number in docx_text(tmp_path / template.name)
        document = docx.Document(str(tmp_path / template.name))  # every style named is defined
        used = {p.style.style_id for p in document.paragraphs} | {t.style.style_id for t in document.tables if t.style}
        assert used <= _style_ids(lean), template.name


def test_a_style_staff_add_in_word_is_kept_with_what_it_is_based_on(env, tmp_path):
    """A template edited in Word: the styles its text uses stay, with the styles they are based
    on and linked to, while the rest of Word's gallery goes."""
    edited = docx.Document(str(REPO / "templates" / "inspection_notice.docx"))
    own = edited.styles.add_style("Customer Heading", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = edited.styles["Heading 1"]
    edited.add_paragraph("{{ order.po_number }} is a heading now", style="Customer Heading")
    edited.add_paragraph("Quoted: {{ order.customer }}", style="Intense Quote")
    path = tmp_path / "inspection_notice.docx"
    edited.save(str(path))
    out = tmp_path / "out.docx"
    out.write_bytes(render(path, context_for(env, order(), NOW)))
    ids = _style_ids(etree.fromstring(zipfile.ZipFile(out).read("word/styles.xml")))
    assert {"CustomerHeading", "Heading1", "Heading1Char", "IntenseQuote", "IntenseQuoteChar", "Normal"} <= ids
    assert "Heading2" not in ids and "Title" not in ids and "ListParagraph" not in ids
    document = docx.Document(str(out))
    heading = next(p for p in document.paragraphs if p.text.startswith("PO-77120 is a heading"))
    assert heading.style.name == "Customer Heading" and heading.style.base_style.name == "Heading 1"


@pytest.mark.soffice
def test_libreoffice_prints_the_lean_document_as_the_full_one(env, soffice, tmp_path):
    """Without Word's style gallery LibreOffice prints the same page: the same words in the same
    places in the same fonts, and the same table rules and shading."""
    import pdfplumber

    context = context_for(env, order("zh", "CNY"), NOW)
    template = REPO / "templates" / "order_form.zh.docx"
    (tmp_path / "lean.docx").write_bytes(render(template, context))
    (tmp_path / "full.docx").write_bytes(_docxtpl_save(template, context))
    env.config.documents.pdf = "always"
    pages = {}
    for name in ("lean", "full"):
        pdf = pdf_mod.to_pdf(tmp_path / f"{name}.docx", env, tmp_path / name)
        with pdfplumber.open(pdf) as document:
            pages[name] = [
                (
                    [
                        (w["text"], round(w["x0"], 1), round(w["top"], 1), w["fontname"])
                        for w in page.extract_words(extra_attrs=["fontname"])
                    ],
                    [
                        (r["x0"], r["top"], r["x1"], r["bottom"], str(r["non_stroking_color"]))
                        for r in page.rects + page.lines
                    ],
                )
                for page in document.pages
            ]
    assert pages["lean"] == pages["full"]
    assert any(word[0].startswith("PO-77120") for word in pages["lean"][0][0])


def test_tabs_breaks_and_a_tagged_property_come_out_as_docxtpl_makes_them(env, tmp_path):
    """Only the paragraphs whose values hold a tab, a line or page break or a new paragraph are
    given to docxtpl's treatment of them, and only tagged document properties are rendered: the
    document is the same, byte for byte, as docxtpl's own open-render-save."""
    made = docx.Document()
    made.add_paragraph("Notes: {{ notes }}")
    made.add_paragraph("Plain text between, nothing to do")
    made.add_paragraph("Terms: {{ terms }}")
    made.core_properties.title = "Order {{ po }}"
    made.core_properties.subject = "Order form"
    template = tmp_path / "listing.docx"
    made.save(str(template))
    context = {"notes": "first\tsecond\nthird\fnext page\aown paragraph", "terms": "30 days", "po": "PO-17"}
    ours = render(template, context)
    with zipfile.ZipFile(io.BytesIO(ours)) as a, zipfile.ZipFile(io.BytesIO(_docxtpl_save(template, context))) as b:
        for name in ("word/document.xml", "docProps/core.xml"):
            assert a.read(name) == b.read(name), name
    (tmp_path / "out.docx").write_bytes(ours)
    out = docx.Document(str(tmp_path / "out.docx"))
    assert out.core_properties.title == "Order PO-17" and out.core_properties.subject == "Order form"
    assert "own paragraph" in [p.text for p in out.paragraphs]
