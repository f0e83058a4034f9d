"""Families of the wide corpus about who is buying and what a message is (``wide/``, after
``families.build``): the ways a customer, a currency or an order hides on layouts the other
families do not draw.

- ``party-words-*``: party blocks that hold a word standing for a party before the buyer's name
  (需方: 本公司, 採購公司:, "Purchaser / Company", "Auftraggeber / Firma"), and a Japanese order
  addressed to us ("… 御中") in a spelling the configuration does not know;
- ``fax-header-line``: a faxed order whose transmission line names the sending machine's owner
  (a copy shop), not the buyer;
- ``currency-in-words``: the currency written as a name with its country or as a sign with its
  country's letters ("Canadian Dollars", "francs suisses", "C$", 港币): never US dollars or renminbi;
- ``sender-cjk-local-part``: a mail whose sender address is written in Chinese or Japanese
  (an encoded local part), signed only by a person: the company is the sender's display name;
- ``reply-to-quotation``: a customer answering our quotation with the order attached;
- ``hand-forward``: a colleague passing a customer's order on with a note, no forward marker.

Every golden file comes from the generator's own data (``families.make_po`` and ``Page``).
"""

from __future__ import annotations

import base64
from email.header import Header
from pathlib import Path
from typing import Any, Callable

import families as f
import generate as g

# our company as a Japanese customer writes it; the configuration knows only the English and
# Chinese names, so nothing but the 御中 after it says it is not the buyer
OUR_JA = "イグザンプル製造株式会社"


def _buyer(by_lang: dict[str, list[f.Party]], lang: str, i: int) -> f.Party:
    return by_lang[lang][i % len(by_lang[lang])]


def pdf_party_words(path: Path, page: f.Page, head: list[str], blocks: list[tuple[str, list[str]]]) -> None:
    """A title, free lines at the top (``head``), header fields, then labelled blocks side by side."""
    cv = f.Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    cv.text(W - m, H - 55, page.lab("title"), 16, True, "r")
    y = H - 55
    for text in head:
        cv.text(m, y, text, 10, True)
        y -= 14
    f.rl_kv(cv, page.header(), W - m - 230, H - 80, label_w=110)
    y = H - 210
    lowest = y
    for k, (title, lines) in enumerate(blocks):
        lowest = min(lowest, f.rl_block(cv, title, lines, m + k * (W - 2 * m) / len(blocks), y))
    y = f.rl_table(cv, page, m, lowest - 20, W - 2 * m, grid=True)
    f.rl_totals(cv, page, W - m - 3, y - 12)
    cv.save()


def _party_words(b, by_lang, add, out) -> None:
    po_lines = lambda page: page.buyer_lines()  # noqa: E731 - the buyer's name, address, contact
    cases: list[tuple[str, Callable[[f.Page], tuple[list[str], list[tuple[str, list[str]]]]]]] = [
        ("zh-Hant", lambda p: ([], [("採購公司：", po_lines(p)), ("供應商：", [g.OUR_NAME_ZH, *g.OUR_ADDRESS_ZH])])),
        ("zh-Hans", lambda p: (["需方：本公司"], [("订货单位：", po_lines(p)), ("供方：", [g.OUR_NAME_ZH])])),
        ("ja", lambda p: ([f"{OUR_JA} 御中"], [("発注者", po_lines(p))])),
        ("en", lambda p: ([], [("Vendor", p.supplier_lines()), ("Purchaser", ["Company", *po_lines(p)])])),
        ("de", lambda p: ([], [("Lieferant", p.supplier_lines()), ("Auftraggeber", ["Firma", *po_lines(p)])])),
    ]
    for i, (lang, layout) in enumerate(cases):
        name = f"{lang.lower()}-party-words"
        po = f.make_po(name, _buyer(by_lang, lang, i + 1), 2 + i % 3)
        page = f.Page(po, lang, variant=i % 2)
        head, blocks = layout(page)
        pdf_party_words(out(f"pdf/{name}.pdf"), page, head, blocks)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "party-words")
    # the Japanese order addressed to us, its issuer only in the letterhead on the right
    name = "ja-addressed-to-us"
    po = f.make_po(name, _buyer(by_lang, "ja", 0), 3)
    page = f.Page(po, "ja", variant=1)
    cv = f.Canvas(out(f"pdf/{name}.pdf"), page)
    W, H = cv.W, cv.H
    cv.text(40, H - 50, page.lab("title"), 16, True)
    cv.text(40, H - 80, f"{OUR_JA} 御中", 11, True)
    y = H - 80
    for text in [po.buyer.name, *po.buyer.address]:
        cv.text(W - 40, y, text, 9, align="r")
        y -= 12
    f.rl_kv(cv, page.header(), 40, H - 130, label_w=90)
    y = f.rl_table(cv, page, 40, H - 250, W - 80, grid=True)
    f.rl_totals(cv, page, W - 43, y - 12)
    cv.save()
    add(f"pdf/{name}.pdf", page.golden(), "reportlab", "ja", "party-words")


def _fax_header(b, by_lang, add, out) -> None:
    """An e-fax gateway's text PDF: the machine's transmission line over the buyer's page."""
    shops = {"en": "PRINTWORKS COPY CENTER INC", "de": "NORDKOPIE SERVICE GMBH", "fr": "REPRO EXPRESS SARL"}
    for i, (lang, shop) in enumerate(shops.items()):
        name = f"{lang.lower()}-fax-header-line"
        po = f.make_po(name, _buyer(by_lang, lang, i + 2), 3)
        page = f.Page(po, lang, variant=i % 2)
        cv = f.Canvas(out(f"pdf/{name}.pdf"), page)
        when = g.fmt_date(po.po_date, "iso")
        cv.text(20, cv.H - 18, f"{when} 09:14   FROM: {shop}   +49 40 1234567   TO: +86 769 8888 1234   P.001/001", 7)
        _classic_on(cv, page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "fax-header-line")


def _classic_on(cv: f.Canvas, page: f.Page) -> None:
    """``families.pdf_classic`` drawn on a canvas already holding a line above it."""
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(m, H - 55, po.buyer.name, 14, True)
    y = H - 70
    for t in po.buyer.address:
        cv.text(m, y, t, 8.5)
        y -= 11
    cv.text(W - m, H - 55, page.lab("title"), 16, True, "r")
    f.rl_kv(cv, page.header(), W - m - 230, H - 80, label_w=110)
    yb = f.rl_block(cv, page.lab("buyer"), page.buyer_lines(), m, H - 200)
    f.rl_block(cv, page.lab("supplier"), page.supplier_lines(), W / 2 + 10, H - 200)
    y = f.rl_table(cv, page, m, yb - 20, W - 2 * m, grid=True)
    f.rl_totals(cv, page, W - m - 3, y - 12)
    cv.save()


class WordsPage(f.Page):
    """A page that writes its currency as a name or a sign (``extra['money']``), never the code."""

    def header(self) -> list[tuple[str, str]]:
        words = self.extra["money"]
        return [(k, words if v == self.po.currency else v) for k, v in super().header()]

    def total_line(self) -> tuple[str, str] | None:
        line = super().total_line()
        if line and not self.currency_field:
            return f"{self.lab('total')} ({self.extra['money']})", line[1]
        return line


# (language, ISO code, as the buyer writes it, a Currency field or only the total's label)
CURRENCY_WORDS = [
    ("en", "CAD", "Canadian Dollars", True),
    ("en", "AUD", "A$", False),
    ("en", "TWD", "New Taiwan Dollars", True),
    ("fr", "CHF", "francs suisses", True),
    ("de", "CHF", "Schweizer Franken", True),
    ("es", "MXN", "pesos mexicanos", True),
    ("zh-Hans", "HKD", "港币", True),
    ("zh-Hans", "SGD", "新加坡元", False),
    ("en", "CAD", "C$", False),
]


def _currency_words(b, by_lang, add, out) -> None:
    for i, (lang, code, words, field) in enumerate(CURRENCY_WORDS):
        name = f"{lang.lower()}-currency-in-words-{i}"
        party = _buyer(by_lang, lang, i)
        po = f.make_po(name, f.Party(party.name, party.address, party.person, party.email, lang, "USD"), 3)
        po.currency = code  # the prices stay as drawn; the order is in the currency the words name
        page = WordsPage(po, lang, variant=i % 2, currency_field=field, extra={"money": words})
        f.pdf_classic(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "currency-in-words")


def _encoded(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


def _rewrite_from(path: Path, from_value: str) -> None:
    """The From line as some Chinese and Japanese mail clients write it (an encoded local part)."""
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join(b"From: " + from_value.encode() if ln.startswith(b"From: ") else ln for ln in lines))


def _cjk_senders(b, by_lang, add, out) -> None:
    locals_ = {"zh-Hans": "采购部", "zh-Hant": "採購部", "ja": "購買部"}
    for i, (lang, local) in enumerate(locals_.items()):
        party = _buyer(by_lang, lang, i + 1)
        name = f"{lang.lower()}-sender-cjk-local-part"
        po = f.make_po(name, party, 2 + i % 2, incoterms=None)
        page = f.Page(po, lang)
        text = f.body_text(page, "tabs").replace(f"\n{party.name}\n", "\n")  # signed by the person only
        domain = party.email.split("@")[1]
        f.message(
            out(f"eml/{name}.eml"),
            sender=(party.name, f"order@{domain}"),
            subject=f"{page.lab('title')} {po.number}",
            msgid=f"{name}@{domain}",
            body=text,
        )
        _rewrite_from(out(f"eml/{name}.eml"), f"{Header(party.name, 'utf-8').encode()} <{_encoded(local)}@{domain}>")
        add(f"eml/{name}.eml", page.golden(source="body"), "email", lang, "sender-cjk-local-part")


REPLY = {  # subject word for a quotation, the customer's sentence
    "en": ("Quotation", "Thank you for your quotation. Please proceed: our purchase order is attached."),
    "de": ("Angebot", "vielen Dank für Ihr Angebot. Anbei unsere Bestellung."),
    "fr": ("Devis", "merci pour votre devis. Veuillez trouver ci-joint notre commande."),
    "zh-Hans": ("报价单", "谢谢贵司报价，附件为我司采购订单，请安排生产。"),
}
RE = {"en": "Re:", "de": "AW:", "fr": "RE :", "zh-Hans": "回复："}


def _replies_and_forwards(b, by_lang, add, out) -> None:
    for i, (lang, (quote, sentence)) in enumerate(REPLY.items()):
        party = _buyer(by_lang, lang, i + 2)
        name = f"{lang.lower()}-reply-to-quotation"
        po = f.make_po(name, party, 3)
        page = f.Page(po, lang, variant=i % 2)
        source = f"{name}.pdf"
        f.pdf_classic(out(f"pdf/{name}-attachment.pdf"), page)
        data = out(f"pdf/{name}-attachment.pdf").read_bytes()
        out(f"pdf/{name}-attachment.pdf").unlink()
        f.message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=f"{RE[lang]} {quote} Q-{po.number[-4:]}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=f"{sentence}\n\n{party.person}\n",
            attachments=[(source, data, "application/pdf")],
        )
        _add_header(out(f"eml/{name}.eml"), f"In-Reply-To: <quote-{po.number[-4:]}@example.com>")
        add(f"eml/{name}.eml", page.golden(source=source), "email", lang, "reply-to-quotation")
    notes = {"en": "Please enter this order.", "de": "Bitte erfassen.", "ja": "登録をお願いします。"}
    for i, (lang, note) in enumerate(notes.items()):
        party = _buyer(by_lang, lang, i + 3)
        name = f"{lang.lower()}-hand-forward"
        po = f.make_po(name, party, 2 + i % 2)
        page = f.Page(po, lang, variant=(i + 1) % 2)
        source = "scan0001.pdf"
        f.pdf_classic(out(f"pdf/{name}-attachment.pdf"), page)
        data = out(f"pdf/{name}-attachment.pdf").read_bytes()
        out(f"pdf/{name}-attachment.pdf").unlink()
        f.message(
            out(f"eml/{name}.eml"),
            sender=f.COLLEAGUE,
            subject=po.buyer.name,
            msgid=f"{name}@example.com",
            body=f"{note}\n\n{f.COLLEAGUE[0]}\n",
            attachments=[(source, data, "application/pdf")],
        )
        add(f"eml/{name}.eml", page.golden(source=source), "email", lang, "hand-forward")


def _add_header(path: Path, header: str) -> None:
    data = path.read_bytes()
    path.write_bytes(header.encode() + b"\n" + data)


def build(b) -> None:
    """The families above, into ``b`` (a ``generate.Builder``) under ``wide/``, as ``families.build`` adds its own."""

    def add(rel: str, expected: dict[str, Any], producer: str, lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        extra = {"format": fmt, "language": lang, "producer": producer, "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", {**expected, **extra}))

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    by_lang: dict[str, list[f.Party]] = {}
    for party in f.BUYERS:
        by_lang.setdefault(party.lang, []).append(party)
    _party_words(b, by_lang, add, out)
    _fax_header(b, by_lang, add, out)
    _currency_words(b, by_lang, add, out)
    _cjk_senders(b, by_lang, add, out)
    _replies_and_forwards(b, by_lang, add, out)
