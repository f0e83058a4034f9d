"""Every document and email of one order's life, in English and Chinese, read as the customer and
the directors get them: the Word documents converted to PDF by a real LibreOffice and checked
from the PDF's own text (pdfplumber), the emails from the .eml files the outbox wrote.

The order goes from PO to shipped through the real workflow (staff edits, timers, the outbox's
file transport) with ten order lines, the most an English form must hold on one page. What is
checked, generally (no document is special-cased):

* one page each;
* no word broken across lines inside a table cell ("shipm/ent", "15 Jan 202/7"): every Latin
  word the PDF shows in a table is a word of the document's own text;
* every label has a value: no empty value cell in a label/value table, no line ending in a
  colon with nothing after it, no "None", no empty brackets, no dangling punctuation;
* the money adds up: the lines' amounts sum to the printed total, which is the order's; the
  deposit, the balance and the payments printed are the order's;
* the emails: a person signs, the greeting is not the company, the acknowledgement is not a
  confirmation, a payment request states amount, currency, deadline, bank details, reference.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from email import policy
from email.parser import BytesParser
from pathlib import Path

import docx
import pytest

from mailflow import config as config_mod
from mailflow import outbox
from mailflow.archive import Archive
from mailflow.context import Env, fixed_clock
from mailflow.model import Order, OrderLine, StaffEdit
from mailflow.store import Store
from mailflow.workflow.engine import advance, apply_edits
from mailflow.workflow.calendar import WorkingCalendar

pdfplumber = pytest.importorskip("pdfplumber")
pytestmark = pytest.mark.soffice

REPO = Path(__file__).resolve().parents[1]
SH = dt.timezone(dt.timedelta(hours=8))
ORDER_NO = "SO-2026-0007"
CENT = Decimal("0.01")
DESCRIPTIONS = (
    "Brake caliper bracket, powder coated black", "Silicone gasket 40 x 3 mm, food grade",
    "Aluminium housing, anodised", "Stainless steel hex bolt M8 x 40", "Packaging carton with foam insert",
    "Power cable 1.5 m, EU plug", "Control board rev. C", "User manual, bilingual", "Mounting bracket",
    "Rubber feet (set of 4)",
)  # fmt: skip
# By kind and the milestone it was made for: the order form twice, acknowledged and confirmed.
EXPECTED_DOCUMENTS = {"order_form", "order_form:confirmed", "review_form", "pre_assembly_notice", "inspection_notice",
                      "balance_notice", "shipping_order", "delivery_note"}  # fmt: skip


def at(y, m, d, h=9) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=SH)


def edit(field, new, old=None) -> StaffEdit:
    return StaffEdit(ORDER_NO, field, old, new)


def the_order(lang: str, now: dt.datetime) -> Order:
    lines = [OrderLine(f"HX-{2040 + i}-BLK", text, Decimal(1500 + 250 * i), "pcs", Decimal("12.35") + i)
             for i, text in enumerate(DESCRIPTIONS)]  # fmt: skip
    for line in lines:
        line.amount = (line.quantity * line.unit_price).quantize(CENT)
    total = sum(line.amount for line in lines)
    return Order(ORDER_NO, "PO-77120", "Acme Robotics Inc.", now, customer_email="buyer@acme.test", language=lang,
                 po_date=dt.date(2026, 4, 28), requested_delivery=dt.date(2026, 7, 15),
                 currency="CNY" if lang == "zh" else "USD", total=total, incoterms="FOB Shenzhen",
                 payment_terms="30% deposit, balance before shipment", lines=lines,
                 archive_dir=f"Acme Robotics Inc/{ORDER_NO} PO PO-77120")  # fmt: skip


def live(workspace: Path, lang: str) -> tuple[Env, Order]:
    """PO to shipped, as staff would drive it through the tracker; the outbox flushed daily."""
    config = config_mod.load(REPO / "config.yaml")  # the bundled example company, bank and signatory
    config.base_dir = workspace
    config.documents.pdf = "never"  # converted below, all in one LibreOffice start
    env = Env(
        config=config,
        store=Store(workspace / "state.db"),
        archive=Archive(workspace / "archive"),
        clock=fixed_clock(at(2026, 4, 30, 10)),
    )
    order = the_order(lang, at(2026, 4, 30, 10))
    with env.store.transaction():
        env.store.save_order(order, at(2026, 4, 30, 10))
    deposit = (order.total * Decimal("0.3")).quantize(CENT, ROUND_HALF_UP)
    steps = [
        (at(2026, 4, 30, 10), []),
        (at(2026, 5, 6, 15), [edit("confirmed_delivery", dt.date(2026, 7, 20)), edit("status", "Confirmed")]),
        (at(2026, 5, 8, 11), [edit("deposit_received", deposit), edit("assembly_date", dt.date(2026, 6, 10))]),
        (at(2026, 5, 31, 9), []),  # ten days before assembly: the pre-assembly notice
        (at(2026, 6, 16, 17), [edit("production_complete", dt.date(2026, 6, 16)),
                               edit("inspection_date", dt.date(2026, 6, 18))]),
        (at(2026, 6, 18, 11), [edit("inspection_result", "Passed")]),
        (at(2026, 6, 20, 10), [edit("balance_received", order.total - deposit), edit("forwarder", "Kuehne + Nagel"),
                               edit("consignee", "Acme Robotics GmbH"), edit("packages", "12 cartons"),
                               edit("ship_to", "Industriestrasse 12, 70565 Stuttgart, Germany"),
                               edit("gross_weight", Decimal("250")), edit("net_weight", Decimal("231.5"))]),
        (at(2026, 6, 21, 10), [edit("sales_director_approved", dt.date(2026, 6, 21)),
                               edit("finance_director_approved", dt.date(2026, 6, 21))]),  # pickup after both
        (at(2026, 6, 22, 18), [edit("shipped", dt.date(2026, 6, 22))]),
    ]  # fmt: skip
    for now, edits in steps:
        if edits:
            apply_edits(env, edits, now)
        advance(env, now)
        outbox.flush(env, now + dt.timedelta(minutes=5))
    return env, env.store.order(ORDER_NO)


@pytest.fixture(scope="module")
def life(tmp_path_factory, soffice):
    """Both languages' lives; every .docx converted to PDF in one LibreOffice run."""
    lives, docxs = {}, []
    for lang in ("en", "zh"):
        env, order = live(tmp_path_factory.mktemp(f"life-{lang}"), lang)
        documents = {}
        for key, paths in order.facts["documents"].items():
            kind, _, trigger = key.partition(":")
            documents[key if key == "order_form:confirmed" else kind] = env.archive.resolve(paths[0])
        docxs += documents.values()
        lives[lang] = (env, order, documents)
    copies = []
    folder = tmp_path_factory.mktemp("pdf")
    for i, path in enumerate(docxs):  # distinct names: both languages' files share theirs
        copy = folder / f"{i:02d} {path.stem}.docx"
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    pdfs = dict(zip(docxs, soffice.convert_all(copies, folder)))
    yield {
        lang: (env, order, {kind: (path, pdfs[path]) for kind, path in documents.items()})
        for lang, (env, order, documents) in lives.items()
    }
    for env, _order, _docs in lives.values():
        env.close()


# --------------------------------------------------------------------------- reading a PDF

LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,/&+%'()-]*[A-Za-z0-9]|[A-Za-z0-9]")
DANGLING = (
    (re.compile(r"\bNone\b"), "None"),
    (re.compile(r"\(\s*\)|（\s*）"), "empty brackets"),
    (re.compile(r"[:：]\s*[.。,，;；]"), "a label followed by punctuation"),
    (re.compile(r"\s[.,，。]"), "punctuation after a gap"),
    (re.compile(r"\{\{|\{%"), "a template tag"),
)


def words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(text))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def read_pdf(path: Path) -> tuple[int, str, list[list[list[str | None]]]]:
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tables = [table for page in pdf.pages for table in page.extract_tables()]
        return len(pdf.pages), text, tables


def problems_in(text: str) -> list[str]:
    """Dangling text; and a label (a short line ending in a colon, not the greeting) with no
    value on the line right after it ("Bank details:" and then nothing)."""
    found = []
    lines = [line.strip() for line in text.splitlines()]
    for pattern, what in DANGLING:
        found += [f"{what}: {line!r}" for line in lines if pattern.search(line)]
    for i, line in enumerate(lines[1:], start=1):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if re.search(r"[:：]$", line) and len(line) <= 40 and (not following or re.search(r"[:：]$", following)):
            found.append(f"a label without a value: {line!r}")
    return found


def amount(text: str) -> Decimal:
    return Decimal(re.sub(r"[^0-9.\-]", "", text))


def money_text(value: Decimal, lang: str) -> str:
    return f"¥{value:,.2f}" if lang == "zh" else f"USD {value:,.2f}"


# --------------------------------------------------------------------------- documents


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_document_of_the_life_is_made(life, lang):
    _env, order, documents = life[lang]
    assert set(documents) == EXPECTED_DOCUMENTS
    assert order.status == "Shipped"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", sorted(EXPECTED_DOCUMENTS))
def test_document_reads_right_from_its_pdf(life, lang, kind):
    _env, order, documents = life[lang]
    source, pdf = documents[kind]
    pages, text, tables = read_pdf(pdf)
    assert pages == 1, f"{kind} ({lang}) runs to {pages} pages with {len(order.lines)} lines"
    allowed = words(docx_text(source))
    for table in tables:
        for row in table:
            for cell in row:
                broken = words(cell or "") - allowed
                assert not broken, f"{kind} ({lang}): a word broken inside a table cell: {cell!r}"
    assert problems_in(text) == [], kind
    label_tables = [t for t in tables if t and len(t[0]) in (2, 4) and len(t) > 1 and t is tables[0]]
    for table in label_tables:  # the header fields: every label has its value
        for row in table:
            cells = [c for c in row if c is not None]
            assert len(cells) >= 2 and all(c.strip() for c in cells), f"{kind} ({lang}): {row}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_totals_and_balances_are_the_orders(life, lang):
    _env, order, documents = life[lang]
    total = order.total
    deposit = Decimal(order.facts["deposit_received"])
    balance = total - deposit
    assert deposit == (total * Decimal("0.3")).quantize(CENT, ROUND_HALF_UP)
    for kind in ("order_form", "review_form", "shipping_order"):
        _pages, text, tables = read_pdf(documents[kind][1])
        lines = next(t for t in tables if len(t[0]) > 6 and (t[0][6] or "") in ("Amount", "金额"))
        amounts = [amount(row[6]) for row in lines[1:-1]]
        assert len(amounts) == len(order.lines) and sum(amounts) == total, kind
        assert amount(next(c for c in lines[-1] if c and re.search(r"\d", c))) == total, kind
    form = read_pdf(documents["order_form"][1])[1]
    assert money_text(deposit, lang) in form  # 30 % of the total, printed as the deposit
    confirmed = read_pdf(documents["order_form:confirmed"][1])[1]
    if lang == "zh":
        assert "评审中" in form and "客户订单确认表" not in form
        assert "订单已确认" in confirmed and "客户订单确认表" in confirmed and "2026年7月20日" in confirmed
    else:
        assert "under review" in form and "Order confirmed" not in form
        assert "Order confirmed" in confirmed and "20 Jul 2026" in confirmed
    notice = read_pdf(documents["balance_notice"][1])[1]
    for value in (total, deposit, balance):
        assert money_text(value, lang) in notice
    shipping = read_pdf(documents["shipping_order"][1])[1]
    assert money_text(deposit, "zh" if lang == "zh" else "en") in shipping
    assert money_text(balance, "zh" if lang == "zh" else "en") in shipping
    assert "Outstanding" not in shipping  # paid in full: no shortfall to flag


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_forms_carry_the_dates_signatures_and_shipping_facts(life, lang):
    env, order, documents = life[lang]
    review = read_pdf(documents["review_form"][1])[1]
    reply_due = WorkingCalendar(env.config.calendar).add(dt.date(2026, 4, 30), env.config.deadlines.reply_due)
    assert reply_due == dt.date(2026, 5, 7)  # after the Golden Week holidays
    assert "Reply due" in review and "7 May 2026" in review  # internal forms: English values
    assert "Director approval" in review and "Company seal" in review
    shipping = read_pdf(documents["shipping_order"][1])[1]
    for value in ("Acme Robotics GmbH", "Kuehne + Nagel", "12 cartons", "250 kg", "231.5 kg", "Stuttgart",
                  "Sales Director", "Finance Director", "Company seal"):  # fmt: skip
        assert value in shipping, value
    note = read_pdf(documents["delivery_note"][1])[1]
    for value in ("Acme Robotics GmbH", "Industriestrasse 12", "Kuehne + Nagel", "12 cartons", "250 kg"):
        assert value in note, value
    letter = read_pdf(documents["balance_notice"][1])[1]
    signer, title = ("陈丽", "客户经理") if lang == "zh" else ("Lily Chen", "Account Manager")
    closing = letter[letter.rindex("敬礼" if lang == "zh" else "Yours faithfully,") :].splitlines()
    assert closing[1:3] == [signer, title] and "@" not in "".join(closing)
    assert ("尊敬的客户" if lang == "zh" else "Dear Sir or Madam") in letter
    assert "Beneficiary: Example Manufacturing" in letter and "PO-77120 / SO-2026-0007" in letter
    inspection = read_pdf(documents["inspection_notice"][1])[1]
    assert ("2026年6月18日" if lang == "zh" else "18 Jun 2026") in inspection


# --------------------------------------------------------------------------- emails


def emails(env: Env) -> dict[str, object]:
    folder = env.config.path(env.config.outbox.path)
    parsed = [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))]
    return {str(m["X-Mailflow-Notice"]): m for m in parsed}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_email_reads_right(life, lang):
    env, order, _documents = life[lang]
    mails = emails(env)
    assert {"order_ack", "review_request", "order_confirmation", "deposit_request", "pre_assembly_notice",
            "inspection_notice", "balance_notice", "shipping_approval_request", "pickup_notice",
            "shipment_notice"} <= set(mails)  # fmt: skip
    for kind, mail in mails.items():
        text = mail.get_body(("plain",)).get_content()
        assert problems_in(text) == [], kind
        assert problems_in(str(mail["Subject"])) == [], kind
        html = mail.get_body(("html",))
        if html is not None:
            assert "None" not in html.get_content() and "()" not in html.get_content(), kind
        if mail["To"] == "buyer@acme.test":  # to the customer: greeted neutrally, signed by a person
            assert "Acme Robotics" not in text.splitlines()[0], kind
            assert ("陈丽" if lang == "zh" else "Lily Chen") in text, kind
            assert not any(
                line.strip().endswith("@example.com") and "·" not in line for line in text.splitlines()[-4:-1]
            ), kind


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_acknowledgement_and_payment_requests_say_what_the_customer_needs(life, lang):
    env, order, _documents = life[lang]
    mails = emails(env)
    ack = mails["order_ack"]
    if lang == "zh":
        assert "订单确认" not in str(ack["Subject"]) and "评审" in str(ack["Subject"])
    else:
        assert (
            "under review" in str(ack["Subject"])
            and "not yet an order confirmation" in ack.get_body(("plain",)).get_content()
        )
    deposit = Decimal(order.facts["deposit_received"])
    request = mails["deposit_request"].get_body(("plain",)).get_content()
    assert "for confirming" not in request and "感谢贵司确认" not in request  # we confirmed, not they
    pay_by = "2026年5月9日" if lang == "zh" else "9 May 2026"  # the request's day + 3 calendar days
    for value in (money_text(deposit, lang), order.currency, pay_by, "SWIFT: BKCHCNBJ45A", "PO-77120", ORDER_NO):
        assert value in request, value
    balance = mails["balance_notice"].get_body(("plain",)).get_content()
    for value in (money_text(order.total - deposit, lang), order.currency, "SWIFT: BKCHCNBJ45A", "PO-77120"):
        assert value in balance, value
    pickup = mails["pickup_notice"].get_body(("plain",)).get_content()
    assert "FOB Shenzhen" in pickup and "（）" not in pickup
