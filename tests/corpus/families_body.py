"""Orders typed into mail bodies, the way buyers' mail clients and keyboards lay them out
(``tests/corpus/wide/eml/body-*.eml``).

Called by ``generate.py`` after the wide corpus. Each message is rendered from a ground truth
made here and its golden file is written from that truth. The families:

* ``body-tabs``, ``body-pipes``, ``body-aligned``: a lines table with cells between tabs,
  between pipes (Markdown), or in columns aligned with spaces (numbers right-aligned, the unit
  one space after the quantity);
* ``body-html``: an HTML table as Outlook (windows-1252), Gmail and Foxmail write it, with its
  plain-text alternative;
* ``body-reply``: a new order above the quoted old one (which must not become lines), and a
  signature with telephone, fax and street numbers;
* ``body-sentences``: the PO number, dates, payment terms and currency stated in sentences
  or label lines; one body states no PO date (the email's Date is the PO date);
* ``body-list``: lines typed as list entries ("1) KNO-4917 Control knob ABS 21 mm - 500 pcs @
  USD 1.20"); ``body-no-header``: aligned rows with no header row; ``body-fullwidth``: a
  Japanese table in full-width digits and ideographic spaces; ``body-html-reply``: an HTML-only
  reply over the quoted old order's table; ``body-delivery-week``: "Lieferung bis KW 3/2027"
  (read as the week's Friday, and asked about);
* ``body-rtl-html`` (``build_scripts``): right-to-left HTML orders in Arabic and Hebrew
  (dir="rtl", a right-to-left mark or embedding before every number, Arabic-Indic digits with
  the Arabic decimal and thousands signs, month names in Arabic) and one in Persian, in
  Persian digits; ``body-vi``:
  Vietnamese bodies with the decimal comma;
* ``body-calloff`` (``build_calloffs``): kanban call-offs and blanket-order releases in English
  and German (aligned, tabbed, one "Label: value" block per item; priced or "prices as per
  blanket order"), with a cumulative-quantity column before or after the quantity; the PO number
  is always the blanket PO, never the call-off's or the release's own number;
* ``txt-dos-codepage`` (``build_dos_files``): orders printed to .txt files in DOS code pages
  (cp852 Hungarian, Polish, Czech; cp866 Russian; cp850 German, French; cp437 English),
  attached with no charset, their table drawn with box characters or in ASCII.

Descriptions hold numbers ("M4x10 2.5 mm", "Ø 6", "24 V", "IP65"); numbers are grouped with
spaces, no-break spaces (U+00A0), narrow no-break spaces (U+202F), apostrophes (de-CH) or the
Indian way (1,23,456.00); units are many buyers' words (pcs, Stk., szt., st, 個, 件, 只, 台, pz,
uds, EA, PC, m, kg, sets).
"""

from __future__ import annotations

import random
import zlib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from html import escape
from typing import Any

import families as f
import generate as g

SEED = 20261204
EMAIL_DAY = datetime(2026, 11, 19, 9, 30, 0, tzinfo=timezone.utc)

# (description, base price in USD): descriptions whose numbers are not the line's numbers
PARTS = [
    ("Control knob ABS 21 mm", "0.33"),
    ("Hex standoff M4x10 2.5 mm", "0.085"),
    ("Cable gland PG9 IP68 Ø 6 mm", "0.41"),
    ("LED driver 24 V 60 W IP65", "7.90"),
    ("Relay 24 V DC 10 A", "1.85"),
    ("Axial fan 80x80x25 12 V", "1.95"),
    ("Machine screw M3x8 A2", "0.021"),
    ('Solenoid valve 1/4" 24 V DC', "6.75"),
    ("Rating label 40x20 mm", "0.05"),
    ("O-ring 12x2 NBR 70", "0.06"),
]
UNITS = {
    "en": ["pcs", "EA", "PC", "sets"],
    "de": ["Stk.", "Stk"],
    "fr": ["pce", "pièces"],
    "it": ["pz", "pezzi"],
    "es": ["uds", "ud"],
    "pt": ["un", "pçs"],
    "nl": ["st", "stuks"],
    "sv": ["st", "styck"],
    "pl": ["szt.", "szt"],
    "ja": ["個", "台", "本"],
    "zh-Hans": ["件", "只", "台", "个"],
    "zh-Hant": ["個", "台", "只"],
}
MEASURED = {"en": ("m", "kg"), "de": ("m", "kg"), "fr": ("m", "kg"), "pl": ("m", "kg"), "sv": ("m", "kg")}
QTYS = [100, 250, 500, 1200, 1500, 2500, 5000, 12000]


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def group(value: Decimal, style: str) -> str:
    """A number as the buyer writes it: en 1,234.56 | de 1.234,56 | space 1 234,56 | nbsp
    1 234,56 with U+00A0 | nnbsp with U+202F | apos 1'234.56 | indian 1,23,456.00."""
    places = max(0, -value.as_tuple().exponent)
    whole, _, frac = f"{value:.{places}f}".partition(".")
    if style == "indian":
        head, tail = whole[:-3], whole[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        grouped = ",".join([p for p in [head, *parts] if p] + [tail]) if head or parts else tail
        return grouped + (f".{frac}" if frac else "")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = {
        "en": (",", "."),
        "de": (".", ","),
        "space": (" ", ","),
        "nbsp": ("\u00a0", ","),
        "nnbsp": ("\u202f", ","),
        "apos": ("'", "."),
    }[style]
    return sep.join(groups) + (f"{dec}{frac}" if frac else "")


class BodyPage(f.Page):
    """A ``families.Page`` whose numbers are grouped in the family's style."""

    def n(self, value: Decimal) -> str:
        return group(value, self.extra["num"])


def make_po(name: str, party: f.Party, n: int, currency: str | None = None) -> g.PO:
    """An order of ``n`` lines whose descriptions carry numbers and whose units vary."""
    rng = rng_for(name)
    lang = party.lang
    currency = currency or party.currency or f.LANG[lang]["currency_code"]
    po_date = g.pick_date(rng, date(2026, 11, 10), 9, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=25), 40, True)
    lines = []
    for k, (desc, base) in enumerate(rng.sample(PARTS, n)):
        unit = rng.choice(UNITS[lang])
        if k == 1 and lang in MEASURED:
            unit = MEASURED[lang][k % 2]
        qty = Decimal(rng.choice(QTYS))
        price = Decimal(base) * f.RATES.get(currency, Decimal(1)) * Decimal(rng.randrange(90, 116)) / 100
        places = 0 if currency in ("JPY", "TWD") and price >= 10 else (4 if price < Decimal("0.1") else 2)
        price = max(price.quantize(Decimal(1).scaleb(-places)), Decimal(1).scaleb(-places))
        amount = (qty * price).quantize(Decimal("1") if currency in ("JPY", "TWD") else Decimal("0.01"))
        item = f"{desc.split()[0][:3].upper()}-{rng.randrange(1000, 9999)}"
        lines.append(g.Line(item, desc, qty, unit, price, amount))
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f._po_number(rng, lang)
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang=lang, currency=currency)
    return g.PO(number, buyer, po_date, delivery, currency, None, f.LANG[lang]["payment_text"], lines, total)


# --------------------------------------------------------------------------- table layouts


def table_text(page: BodyPage, layout: str) -> list[str]:
    """The lines table as typed: tabs, pipes (Markdown) or aligned spaces."""
    cols = page.columns()
    labels = [label for _, label in cols]
    rows = page.rows()
    if layout == "tabs":
        return ["\t".join(labels), *("\t".join(r) for r in rows)]
    if layout == "pipes":
        rule = "|" + "|".join("---" for _ in cols) + "|"
        return ["| " + " | ".join(labels) + " |", rule, *("| " + " | ".join(r) + " |" for r in rows)]
    widths = [max(g._dw(label), *(g._dw(r[i]) for r in rows)) for i, label in enumerate(labels)]
    out = []
    for cells in [labels, *rows]:
        parts = []
        for (key, _), width, cell in zip(cols, widths, cells):
            right = key in f.NUMERIC
            parts.append(g._dpad(cell, width, right))
        # two spaces between columns, one between a right-aligned quantity and its unit
        line = ""
        for i, part in enumerate(parts):
            gap = " " if i and cols[i][0] == "unit" else "  "
            line += (gap if i else "") + part
        out.append(line.rstrip())
    return out


GREETING = {
    "en": ("Hello,", "please supply the following:", "Best regards,"),
    "de": ("Guten Tag,", "wir bestellen wie folgt:", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour,", "merci de nous livrer :", "Cordialement,"),
    "it": ("Buongiorno,", "vi ordiniamo quanto segue:", "Cordiali saluti"),
    "es": ("Buenos días:", "les pedimos lo siguiente:", "Saludos cordiales"),
    "pt": ("Bom dia,", "segue o nosso pedido:", "Atenciosamente,"),
    "nl": ("Goedendag,", "wij bestellen het volgende:", "Met vriendelijke groet,"),
    "sv": ("Hej,", "vi beställer följande:", "Med vänliga hälsningar"),
    "pl": ("Dzień dobry,", "zamawiamy:", "Pozdrawiam"),
    "ja": ("お世話になっております。", "下記の通り注文いたします。", "よろしくお願いいたします。"),
    "zh-Hans": ("您好！", "请按以下明细供货：", "谢谢！"),
    "zh-Hant": ("您好：", "請依下列明細供貨：", "謝謝！"),
}


def signature(page: BodyPage, rng: random.Random) -> list[str]:
    """A signature block whose numbers (telephone, fax, street) are not order lines."""
    b = page.po.buyer
    phone = f"+{rng.randrange(30, 89)} {rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
    fax = f"+{rng.randrange(30, 89)} {rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
    return ["--", b.contact, b.name, *b.address, f"Tel. {phone}", f"Fax {fax}", b.email]


def body(page: BodyPage, layout: str, rng: random.Random, *, header: bool = True) -> str:
    hello, ask, bye = GREETING[page.lang]
    out = [hello, "", ask, ""]
    if header:
        out += [f"{label}: {value}" for label, value in page.header()] + [""]
    out += table_text(page, layout)
    total = page.total_line()
    if total:
        out += ["", f"{total[0]}: {total[1]}"]
    out += ["", bye, *signature(page, rng)]
    return "\n".join(out) + "\n"


def html_body(page: BodyPage, client: str, rng: random.Random) -> str:
    """An HTML table as Outlook, Gmail or Foxmail writes it; grouping spaces as &nbsp;."""
    hello, ask, bye = GREETING[page.lang]

    def cell(text: str) -> str:
        return escape(text).replace("\u00a0", "&nbsp;").replace("\u202f", "&#8239;")

    head = "".join(f"<td><b>{cell(label)}</b></td>" for _, label in page.columns())
    rows = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in page.rows())
    table = f"<table border=1 cellspacing=0 cellpadding=2><tr>{head}</tr>{rows}</table>"
    para = "<p class=MsoNormal>{}</p>" if client == "outlook" else "<div>{}</div>"
    facts = "".join(para.format(f"<b>{cell(k)}:</b> {cell(v)}") for k, v in page.header())
    total = page.total_line()
    tot = para.format(f"<b>{cell(total[0])}: {cell(total[1])}</b>") if total else ""
    sig = "<br>".join(cell(s) for s in signature(page, rng))
    inner = f"{para.format(cell(hello))}{para.format(cell(ask))}{facts}{table}{tot}{para.format(cell(bye))}<p>{sig}</p>"
    if client == "outlook":
        return (
            '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'
            f"<body lang=EN-US><div class=WordSection1>{inner}</div></body></html>"
        )
    if client == "foxmail":
        return f'<html><head><meta charset="GBK"></head><body><div style="font-family:宋体">{inner}</div></body></html>'
    return f'<div dir="ltr">{inner}<div class="gmail_signature">--</div></div>'


# --------------------------------------------------------------------------- sentences

SENTENCES = {
    "en": "Please find our order {po} dated {date} below. Delivery is required by {delivery}. Payment terms: {pay}. "
    "Prices are in {cur}.",
    "de": "anbei unsere Bestellung Nr. {po} vom {date}. Liefertermin: {delivery}. Zahlungsbedingungen: {pay}. "
    "Währung: {cur}.",
    "fr": "Voici notre commande n° {po} du {date}. Date de livraison : {delivery}. Conditions de paiement : {pay}. "
    "Devise : {cur}.",
    "zh-Hans": "订单号：{po}，下单日期{date}，交货期：{delivery}，付款方式：{pay}，币种：{cur}。",
    "ja": "注文番号: {po}\n注文日: {date}\n納期: {delivery}\n支払条件: {pay}\n通貨: {cur}",
}
SENTENCE_DATES = {"en": "long", "de": "de", "fr": "fr", "zh-Hans": "zh", "ja": "ja"}
NO_DATE = {
    "en": "Our PO number is {po}. Delivery by {delivery}, currency {cur}. Payment terms: {pay}.",
    "de": "Unsere Bestellnummer: {po}. Liefertermin: {delivery}. Zahlungsbedingungen: {pay}. Währung: {cur}.",
}


# --------------------------------------------------------------------------- build


def _fit_charsets(text: str | None, kw: dict[str, Any]) -> None:
    """A part whose text the charset cannot hold ("Ø" in Shift_JIS) is sent in UTF-8, as a
    mail client does."""
    for key, part in (("charset", text), ("html_charset", kw.get("html"))):
        try:
            (part or "").encode(kw.get(key) or "utf-8")
        except UnicodeEncodeError:
            kw[key] = "utf-8"


def build(b: Any) -> None:
    """Every body family, into ``b`` (a ``generate.Builder``) under ``wide/eml/``."""
    by_lang: dict[str, list[f.Party]] = {}
    for party in f.BUYERS:
        by_lang.setdefault(party.lang, []).append(party)

    def add(name: str, po: g.PO, page: BodyPage, family: str, **kw: Any) -> None:
        b.docs.append(
            g.Built(
                f"{f.WIDE}/eml/{name}.eml",
                {
                    **page.golden(source="body", **kw),
                    "format": "eml",
                    "language": page.lang,
                    "producer": "email",
                    "family": family,
                },
            )
        )

    def send(name: str, party: f.Party, po: g.PO, text: str | None, **kw: Any) -> None:
        _fit_charsets(text, kw)
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=kw.pop("subject", f"PO {po.number}"),
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
            when=EMAIL_DAY,
            **kw,
        )

    # tables: tabs, pipes, aligned spaces; numbers grouped the buyer's way
    layouts = [
        ("tabs", ["en", "de", "fr", "pl", "sv", "zh-Hans"]),
        ("pipes", ["en", "it", "es", "nl", "ja"]),
        ("aligned", ["en", "de", "fr", "pt", "pl", "sv", "zh-Hant", "ja"]),
    ]
    styles = {"en": "en", "de": "de", "it": "de", "es": "de", "nl": "de", "pt": "de", "ja": "en", "zh-Hans": "en"}
    spaced = ["space", "nbsp", "nnbsp"]
    charsets = {"ja": "iso-2022-jp", "zh-Hans": "gbk", "zh-Hant": "big5", "pl": "iso-8859-2", "de": "windows-1252"}
    for layout, langs in layouts:
        for i, lang in enumerate(langs):
            name = f"body-{layout}-{lang.lower()}"
            party = by_lang[lang][i % len(by_lang[lang])]
            rng = rng_for(name)
            po = make_po(name, party, 2 + i % 3)
            num = styles.get(lang) or spaced[i % 3]
            if lang == "de" and layout == "aligned":
                num = "apos"  # de-CH
            if lang == "en" and layout == "tabs":
                num = "indian"
            page = BodyPage(po, lang, variant=i % 2, extra={"num": num})
            charset = charsets.get(lang, "utf-8")
            if num in ("nbsp", "nnbsp") and charset not in ("utf-8",):
                charset = "utf-8"
            send(name, party, po, body(page, layout, rng), charset=charset)
            add(name, po, page, f"body-{layout}")

    # HTML tables from Outlook (windows-1252), Gmail and Foxmail (GBK), with the text alternative
    for i, (client, lang, charset) in enumerate(
        [
            ("outlook", "de", "windows-1252"),
            ("outlook", "fr", "windows-1252"),
            ("gmail", "pl", "utf-8"),
            ("gmail", "sv", "utf-8"),
            ("foxmail", "zh-Hans", "gbk"),
        ]
    ):
        name = f"body-html-{client}-{lang.lower()}"
        party = by_lang[lang][(i + 1) % len(by_lang[lang])]
        rng = rng_for(name)
        po = make_po(name, party, 3)
        num = {"de": "de", "fr": "nbsp", "pl": "nnbsp", "sv": "space", "zh-Hans": "en"}[lang]
        page = BodyPage(po, lang, variant=i % 2, extra={"num": num})
        text = body(page, "tabs", rng)
        if charset != "utf-8":
            text = text.replace("\u202f", " ").replace("\u00a0", " ")
        send(name, party, po, text, charset=charset, html=html_body(page, client, rng), html_charset=charset)
        add(name, po, page, "body-html")

    # replies: the new order above, the old order quoted below (never lines)
    for i, (lang, quote) in enumerate([("en", "wrote"), ("de", "outlook"), ("fr", "wrote"), ("zh-Hans", "outlook")]):
        name = f"body-reply-{lang.lower()}"
        party = by_lang[lang][-1]
        rng = rng_for(name)
        po = make_po(name, party, 2)
        old = make_po(name + "-old", party, 3)
        page = BodyPage(po, lang, variant=i % 2, extra={"num": styles.get(lang, "space")})
        old_page = BodyPage(old, lang, variant=i % 2, extra={"num": styles.get(lang, "space")})
        quoted = body(old_page, "aligned", rng).rstrip("\n").split("\n")
        if quote == "wrote":
            head = [f"On Mon, 9 Nov 2026 at 10:12, {party.person} <{party.email}> wrote:"]
            tail = [f"> {q}" if q else ">" for q in quoted]
        else:
            head = [
                "-----Original Message-----",
                f"From: {party.person} <{party.email}>",
                "Sent: Monday, November 9, 2026 10:12 AM",
                "To: orders@example.com",
                f"Subject: PO {old.number}",
                "",
            ]
            tail = quoted
        text = body(page, "tabs" if i % 2 else "aligned", rng) + "\n" + "\n".join(head + tail) + "\n"
        send(name, party, po, text, charset="utf-8", subject=f"Re: new order {po.number}")
        add(name, po, page, "body-reply")

    # header facts in sentences; one body names no PO date: the email's Date is the PO date
    for lang in SENTENCES:
        name = f"body-sentences-{lang.lower()}"
        party = by_lang[lang][0]
        rng = rng_for(name)
        po = make_po(name, party, 2)
        page = BodyPage(po, lang, extra={"num": styles.get(lang, "space")})
        style = SENTENCE_DATES[lang]
        delivery = f.fmt_date(po.delivery, style)
        if lang == "ja":
            delivery = f"{po.delivery.month}月{po.delivery.day}日"  # no year: the nearest one
        facts = SENTENCES[lang].format(
            po=po.number, date=f.fmt_date(po.po_date, style), delivery=delivery, pay=po.payment, cur=po.currency
        )
        hello, ask, bye = GREETING[lang]
        lines = [hello, "", *facts.split("\n"), "", *table_text(page, "tabs"), ""]
        total = page.total_line()
        lines += [f"{total[0]}: {total[1]}", "", bye, *signature(page, rng)]
        send(name, party, po, "\n".join(lines) + "\n", charset={"ja": "shift_jis"}.get(lang, "utf-8"))
        add(name, po, page, "body-sentences")
    for lang, text in NO_DATE.items():
        name = f"body-no-po-date-{lang}"
        party = by_lang[lang][1]
        rng = rng_for(name)
        po = make_po(name, party, 2)
        po.po_date = EMAIL_DAY.date()
        page = BodyPage(po, lang, extra={"num": styles.get(lang, "space")})
        facts = text.format(po=po.number, delivery=page.d(po.delivery), pay=po.payment, cur=po.currency)
        hello, ask, bye = GREETING[lang]
        total = page.total_line()
        lines = [hello, "", facts, "", *table_text(page, "aligned"), "", f"{total[0]}: {total[1]}", "", bye]
        send(name, party, po, "\n".join(lines + signature(page, rng)) + "\n", charset="utf-8")
        add(name, po, page, "body-sentences")


def _list_line(k: int, ln: g.Line, page: BodyPage) -> str:
    cur = page.po.currency
    return f"{k}) {ln.item} {ln.desc} - {page.n(ln.qty)} {ln.unit} @ {cur} {page.n(ln.price)}"


def build_more(b: Any) -> None:
    """List entries, rows without a header, full-width columns, an HTML-only reply over the
    quoted old order, a delivery week."""
    by_lang: dict[str, list[f.Party]] = {}
    for party in f.BUYERS:
        by_lang.setdefault(party.lang, []).append(party)

    def add(name: str, page: BodyPage, family: str, **kw: Any) -> None:
        expected = {**page.golden(source="body", **kw), "format": "eml", "language": page.lang}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, "producer": "email", "family": family}))

    def send(name: str, party: f.Party, po: g.PO, text: str | None, **kw: Any) -> None:
        _fit_charsets(text, kw)
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=kw.pop("subject", f"Purchase order {po.number}"),
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
            when=EMAIL_DAY,
            **kw,
        )

    for i, lang in enumerate(["en", "de", "fr"]):
        party = by_lang[lang][i % len(by_lang[lang])]
        hello, ask, bye = GREETING[lang]
        # list entries: no amounts printed, the reader computes them
        name = f"body-list-{lang}"
        rng = rng_for(name)
        po = make_po(name, party, 3)
        page = BodyPage(po, lang, amounts=False, totals=False, extra={"num": {"en": "en"}.get(lang, "de")})
        facts = [f"{label}: {value}" for label, value in page.header()]
        lines = [hello, "", ask, "", *facts, "", *(_list_line(k, ln, page) for k, ln in enumerate(po.lines, 1))]
        send(name, party, po, "\n".join([*lines, "", bye, *signature(page, rng)]) + "\n")
        add(name, page, "body-list")
        # rows without a header row
        name = f"body-no-header-{lang}"
        rng = rng_for(name)
        po = make_po(name, party, 2 + i % 2)
        page = BodyPage(po, lang, extra={"num": ["en", "de", "nbsp"][i]})
        page.cols = ("item", "desc", "qty", "unit", "price", "amount")
        table = table_text(page, "aligned")[1:]  # the header row left out
        facts = [f"{label}: {value}" for label, value in page.header()]
        total = page.total_line()
        lines = [hello, "", ask, "", *facts, "", *table, "", f"{total[0]}: {total[1]}", "", bye]
        send(name, party, po, "\n".join(lines + signature(page, rng)) + "\n")
        add(name, page, "body-no-header")

    # a Japanese table typed in full-width digits with ideographic spaces
    party = by_lang["ja"][0]
    name = "body-fullwidth-ja"
    rng = rng_for(name)
    po = make_po(name, party, 2, currency="JPY")
    page = BodyPage(po, "ja", extra={"num": "en"})
    wide = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
    rows = ["\u3000\u3000".join(label for _, label in page.columns())]
    rows += ["\u3000\u3000".join(cell.translate(wide) for cell in row) for row in page.rows()]
    facts = [f"{label}：{value}" for label, value in page.header()]
    total = page.total_line()
    hello, ask, bye = GREETING["ja"]
    text = [hello, ask, "", *facts, "", *rows, "", f"{total[0]}：{total[1].translate(wide)}", "", bye]
    send(name, party, po, "\n".join(text + signature(page, rng)) + "\n", charset="iso-2022-jp", subject="注文書")
    add(name, page, "body-fullwidth")

    # an HTML-only reply (Outlook): the new order's table above, the old order's table quoted
    party = by_lang["en"][1]
    name = "body-html-reply-en"
    rng = rng_for(name)
    po, old = make_po(name, party, 2), make_po(name + "-old", party, 3)
    page, old_page = BodyPage(po, "en", extra={"num": "en"}), BodyPage(old, "en", extra={"num": "en"})
    quoted = html_body(old_page, "gmail", rng)
    fresh = html_body(page, "outlook", rng).replace("</div></body></html>", "")
    html = (
        f"{fresh}<div id=divRplyFwdMsg><hr><p><b>From:</b> {escape(party.person)} &lt;{party.email}&gt;<br>"
        f"<b>Sent:</b> Monday, November 9, 2026 10:12 AM<br><b>To:</b> orders@example.com<br>"
        f"<b>Subject:</b> PO {old.number}</p></div>{quoted}</div></body></html>"
    )
    send(name, party, po, None, html=html, html_charset="windows-1252", subject=f"RE: next order {po.number}")
    add(name, page, "body-html-reply")

    # a delivery week: read as its Friday, always for a person to confirm
    party = by_lang["de"][0]
    name = "body-delivery-week-de"
    rng = rng_for(name)
    po = make_po(name, party, 2)
    po.delivery = date.fromisocalendar(po.delivery.isocalendar()[0], po.delivery.isocalendar()[1], 5)
    page = BodyPage(po, "de", extra={"num": "de"})
    week = po.delivery.isocalendar()
    facts = [f"{label}: {value}" for label, value in page.header() if label != page.lab("delivery")]
    hello, ask, bye = GREETING["de"]
    lines = [hello, "", f"{ask} Lieferung bis KW {week[1]}/{week[0]}.", "", *facts, "", *table_text(page, "tabs")]
    total = page.total_line()
    lines += ["", f"{total[0]}: {total[1]}", "", bye]
    send(name, party, po, "\n".join(lines + signature(page, rng)) + "\n", charset="windows-1252")
    add(name, page, "body-delivery-week", needs_review=True)


# --------------------------------------------------------------------------- right-to-left and Vietnamese mail

# Orders typed by buyers writing Arabic, Hebrew, Persian or Vietnamese: right-to-left HTML as
# their mail clients write it (dir="rtl", a right-to-left mark before every number and code),
# Arabic-Indic digits with the Arabic decimal and thousands signs (١٬٥٠٠٫٠٠), Persian digits,
# month names in Arabic, Vietnamese in its decimal comma.
ARABIC_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
PERSIAN_DIGITS = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")
RLM, RLE, PDF_MARK = "\u200f", "\u202b", "\u202c"
ARABIC_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()

# labels, column heads, the words around the table, per language
SCRIPT_LANG: dict[str, dict[str, Any]] = {
    "ar": dict(
        hello="السادة المحترمون،",
        ask="نرجو توريد الأصناف التالية:",
        bye="مع خالص التحية",
        po="رقم أمر الشراء",
        date="تاريخ الطلب",
        delivery="تاريخ التسليم",
        currency="العملة",
        total="الإجمالي",
        cols=("الرمز", "الوصف", "الكمية", "الوحدة", "سعر الوحدة", "المبلغ"),
        subject="أمر شراء {po}",
        units=["قطعة", "حبة"],
        descs=["برغي سداسي M4x20", "صامولة M6", "مروحة محورية 80x80 12V", "حلقة مانعة 12x2", "مرحل 24V"],
    ),
    "he": dict(
        hello="שלום רב,",
        ask="נא לספק את הפריטים הבאים:",
        bye="בברכה,",
        po="מספר הזמנה",
        date="תאריך הזמנה",
        delivery="תאריך אספקה",
        currency="מטבע",
        total='סה"כ לתשלום',
        cols=('מק"ט', "תיאור", "כמות", "יחידה", "מחיר ליחידה", "סכום"),
        subject="הזמנת רכש {po}",
        units=["יח'", "יחידות"],
        descs=["בורג M4x20", "אום M6", "מאוורר 80x80 12V", "טבעת O 12x2", "ממסר 24V"],
    ),
    "fa": dict(
        hello="با سلام و احترام،",
        ask="لطفاً اقلام زیر را ارسال فرمایید:",
        bye="با تشکر",
        po="شماره سفارش",
        date="تاریخ",
        delivery="تاریخ تحویل",
        currency="ارز",
        total="جمع کل",
        cols=("کد کالا", "شرح کالا", "تعداد", "واحد", "قیمت واحد", "مبلغ کل"),
        subject="سفارش خرید {po}",
        units=["عدد"],
        descs=["پیچ M4x20", "مهره M6", "فن 80x80 12V", "اورینگ 12x2", "رله 24V"],
    ),
    "vi": dict(
        hello="Kính gửi Quý công ty,",
        ask="Chúng tôi xin đặt hàng như sau:",
        bye="Trân trọng,",
        po="Số đơn hàng",
        date="Ngày đặt hàng",
        delivery="Ngày giao hàng",
        currency="Tiền tệ",
        total="Tổng cộng",
        cols=("Mã hàng", "Tên hàng", "Số lượng", "ĐVT", "Đơn giá", "Thành tiền"),
        subject="Đơn đặt hàng {po}",
        units=["cái", "bộ"],
        descs=["Bu lông M4x20", "Đai ốc M6", "Quạt hướng trục 80x80 12V", "Gioăng 12x2", "Rơ le 24V"],
    ),
}
SCRIPT_BUYERS = {
    "ar": [
        (
            "شركة الخليج للمعدات ذ.م.م",
            ["ص.ب 1234", "دبي، الإمارات العربية المتحدة"],
            "أحمد خليل",
            "purchase@gulf-equip.example",
        ),
        (
            "مصنع النور للصناعات ش.م.م",
            ["المنطقة الصناعية الثانية", "الرياض، السعودية"],
            "سارة يوسف",
            "mushtarayat@alnoor-ind.example",
        ),
    ],
    "he": [('אלקטרו-טק מערכות בע"מ', ["רחוב התעשייה 12", "חיפה, ישראל"], "דנה לוי", "rechesh@electrotech.example")],
    "fa": [("شرکت صنایع پارس", ["خیابان صنعت ۱۲", "تهران، ایران"], "علی رضایی", "kharid@pars-sanaye.example")],
    "vi": [
        (
            "Công ty TNHH Cơ khí Sài Gòn",
            ["Số 12 Đường Số 3, KCN Tân Bình", "TP. Hồ Chí Minh, Việt Nam"],
            "Nguyễn Văn An",
            "muahang@cokhisaigon.example",
        ),
        (
            "Công ty Cổ phần Điện tử Hà Nội",
            ["Lô B2, KCN Thăng Long", "Hà Nội, Việt Nam"],
            "Trần Thị Hoa",
            "purchasing@dientuhanoi.example",
        ),
    ],
}
SCRIPT_CURRENCY = {"ar": ["SAR", "AED", "USD"], "he": ["ILS", "USD"], "fa": ["USD"], "vi": ["USD", "EUR"]}
SCRIPT_NUMBERS = {"ar": "en", "he": "en", "fa": "en", "vi": "de"}  # vi: 1.500,00


def script_po(name: str, lang: str, buyer: tuple[str, list[str], str, str], n: int, currency: str) -> g.PO:
    """An order for the right-to-left and Vietnamese families (descriptions in the buyer's words)."""
    rng = rng_for(name)
    spec = SCRIPT_LANG[lang]
    po_date = g.pick_date(rng, date(2026, 11, 10), 9, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=25), 40, True)
    lines = []
    for k, desc in enumerate(rng.sample(spec["descs"], n)):
        qty = Decimal(rng.choice(QTYS))
        price = (Decimal(rng.randrange(8, 900)) / 100 * f.RATES.get(currency, Decimal(1))).quantize(Decimal("0.01"))
        amount = (qty * price).quantize(Decimal("0.01"))
        item = f"{'ABCDEFGHKMNPRS'[rng.randrange(14)]}{'ABCDEFGHKMNPRS'[rng.randrange(14)]}-{rng.randrange(1000, 9999)}"
        lines.append(g.Line(item, desc, qty, spec["units"][k % len(spec["units"])], price, amount))
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f"PO-{rng.randrange(26000, 26999)}-{rng.randrange(10, 99)}"
    company, address, person, email = buyer
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    return g.PO(number, party, po_date, delivery, currency, None, None, lines, total)


def script_number(value: Decimal, lang: str, digits: str) -> str:
    """A number as the buyer's keyboard writes it: Arabic-Indic or Persian digits, or Latin."""
    text = group(value, SCRIPT_NUMBERS[lang])
    if digits == "arabic":
        return text.translate(ARABIC_DIGITS)
    if digits == "persian":
        return text.translate(PERSIAN_DIGITS)
    return text


def script_date(day: date, lang: str, digits: str, words: bool) -> str:
    """20/11/2026 (day first, as all these buyers write), or "٢٠ نوفمبر ٢٠٢٦" in Arabic words."""
    if words and lang == "ar":
        return f"{day.day} {ARABIC_MONTHS[day.month - 1]} {day.year}".translate(ARABIC_DIGITS)
    text = f"{day.day:02d}/{day.month:02d}/{day.year}" if lang != "he" else f"{day.day:02d}.{day.month:02d}.{day.year}"
    return text.translate(ARABIC_DIGITS if digits == "arabic" else PERSIAN_DIGITS) if digits != "latin" else text


def script_facts(po: g.PO, lang: str, digits: str, words: bool) -> list[tuple[str, str]]:
    spec = SCRIPT_LANG[lang]
    return [
        (spec["po"], po.number),
        (spec["date"], script_date(po.po_date, lang, digits, words)),
        (spec["delivery"], script_date(po.delivery, lang, digits, words)),  # type: ignore[arg-type]
        (spec["currency"], po.currency),
    ]


def script_rows(po: g.PO, lang: str, digits: str, mark: str) -> list[list[str]]:
    """The line cells; ``mark`` (a right-to-left mark or embedding) before every number and code."""
    out = []
    for ln in po.lines:
        num = [script_number(v, lang, digits) for v in (ln.qty, ln.price, ln.amount)]
        out.append([mark + ln.item, ln.desc or "", mark + num[0], ln.unit, mark + num[1], mark + num[2]])
    return out


def rtl_html(po: g.PO, lang: str, digits: str, mark: str, words: bool) -> str:
    """An HTML order as Outlook or Gmail writes it for a right-to-left language."""
    spec = SCRIPT_LANG[lang]
    para = '<p dir="rtl" style="text-align:right">{}</p>'
    facts = "".join(
        para.format(f"<b>{escape(k)}:</b> {mark}{escape(v)}") for k, v in script_facts(po, lang, digits, words)
    )
    head = "".join(f"<th>{escape(c)}</th>" for c in spec["cols"])
    rows = "".join(
        "<tr>" + "".join(f'<td dir="rtl">{escape(c)}</td>' for c in row) + "</tr>"
        for row in script_rows(po, lang, digits, mark)
    )
    total = f"{spec['total']}: {mark}{script_number(po.total or Decimal(0), lang, digits)} {po.currency}"
    b = po.buyer
    sig = "<br>".join(escape(s) for s in (b.contact, b.name, *b.address, b.email))
    return (
        '<html dir="rtl"><head><meta charset="utf-8"></head><body dir="rtl"><div dir="rtl">'
        f"{para.format(escape(spec['hello']))}{para.format(RLE + escape(spec['ask']) + PDF_MARK)}{facts}"
        f'<table dir="rtl" border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{rows}</table>'
        f'{para.format("<b>" + escape(total) + "</b>")}{para.format(escape(spec["bye"]))}<p dir="rtl">{sig}</p>'
        "</div></body></html>"
    )


def script_text(po: g.PO, lang: str, digits: str, mark: str, layout: str) -> str:
    """The same order as plain text (the HTML mail's text part, or a Vietnamese body)."""
    spec = SCRIPT_LANG[lang]
    out = [spec["hello"], "", spec["ask"], ""]
    out += [f"{k}: {mark}{v}" for k, v in script_facts(po, lang, digits, False)] + [""]
    rows = [list(spec["cols"]), *script_rows(po, lang, digits, mark)]
    if layout == "tabs":
        out += ["\t".join(r) for r in rows]
    else:
        widths = [max(g._dw(r[i]) for r in rows) for i in range(len(rows[0]))]
        out += [
            "  ".join(g._dpad(c, w, i in (2, 4, 5)) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in rows
        ]
    out += ["", f"{spec['total']}: {mark}{script_number(po.total or Decimal(0), lang, digits)} {po.currency}", ""]
    b = po.buyer
    out += [spec["bye"], b.contact, b.name, *b.address, b.email]
    return "\n".join(out) + "\n"


def build_scripts(b: Any) -> None:
    """Right-to-left HTML orders (Arabic, Hebrew, Persian in its own digits) and
    Vietnamese bodies, under ``wide/eml/body-rtl-*`` and ``wide/eml/body-vi-*``."""

    def send(name: str, po: g.PO, lang: str, text: str | None, html: str | None, expected: dict[str, Any]) -> None:
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(po.buyer.contact, po.buyer.email),
            subject=SCRIPT_LANG[lang]["subject"].format(po=RLM + po.number if lang != "vi" else po.number),
            msgid=f"{name}@{po.buyer.email.split('@')[1]}",
            body=text,
            html=html,
            when=EMAIL_DAY,
        )
        family = "body-vi" if lang == "vi" else "body-rtl-html"
        meta = {"format": "eml", "language": lang, "producer": "email", "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))

    # (lang, digits, direction mark, Arabic month words, with a text part)
    variants = [
        ("ar", "arabic", RLM, True, False),
        ("ar", "arabic", "", False, True),
        ("ar", "latin", RLM, False, False),
        ("he", "latin", RLM, False, True),
        ("he", "latin", RLE, False, False),
        ("fa", "persian", RLM, False, False),
    ]
    for i, (lang, digits, mark, words, with_text) in enumerate(variants):
        name = f"body-rtl-html-{lang}-{i + 1}"
        buyers = SCRIPT_BUYERS[lang]
        currencies = SCRIPT_CURRENCY[lang]
        po = script_po(name, lang, buyers[i % len(buyers)], 2 + i % 3, currencies[i % len(currencies)])
        html = rtl_html(po, lang, digits, mark, words)
        text = script_text(po, lang, digits, mark, "tabs") if with_text else None
        expected = g.expected_for(po, g.Style(), source="body")
        send(name, po, lang, text, html, expected)

    for i, layout in enumerate(("tabs", "aligned")):
        name = f"body-vi-{layout}-{i + 1}"
        buyers = SCRIPT_BUYERS["vi"]
        po = script_po(name, "vi", buyers[i % len(buyers)], 2 + i, SCRIPT_CURRENCY["vi"][i % 2])
        send(
            name,
            po,
            "vi",
            script_text(po, "vi", "latin", "", layout),
            None,
            g.expected_for(po, g.Style(), source="body"),
        )


# --------------------------------------------------------------------------- call-offs against blanket orders

# Kanban call-offs and blanket-order releases typed into mail: a release number, the blanket PO
# it draws on (always the order's PO number, never the call-off's own number nor the release's),
# and beside each line's quantity the cumulative quantity received so far, which is never it.
CALLOFF_BUYERS = [
    (
        "Alpen Antriebe GmbH",
        ["Industriestraße 7", "6850 Dornbirn, Österreich"],
        "Mia Keller",
        "abruf@alpen-antriebe.example",
        "de",
    ),
    (
        "Northwind Components Ltd",
        ["Unit 4, Riverside Park", "Coventry CV1 2AB, UK"],
        "Tom Hale",
        "supply@northwind-comp.example",
        "en",
    ),
    (
        "Lakeshore Motion Inc.",
        ["2200 Harbor Drive", "Milwaukee, WI 53202, USA"],
        "Ann Brooks",
        "releases@lakeshore-motion.example",
        "en",
    ),
]
CALLOFF_PARTS = [
    ("Housing AL6061 black", "3.20"),
    ("Cover ABS grey", "0.85"),
    ("Hex standoff M4x10", "0.085"),
    ("Control knob ABS 21 mm", "0.33"),
    ("Cable gland PG9", "0.41"),
]
CALLOFF_WORDS = {
    "en": dict(
        head=["Part No.", "Description", "Qty", "Cum Qty Rec.", "Unit Price", "Amount", "Need Date"],
        block=["Part", "Description", "Qty", "Cum qty received", "Unit price", "Amount", "Need date"],
        title="CALL-OFF No. {calloff}",
        against="Release {release} against blanket PO {po}",
        date="Call-off date",
        hello="Hello,",
        ask="please deliver the following against our blanket order:",
        priced="Unit prices as per blanket order.",
        bye="Best regards,",
        total="Total",
    ),
    "de": dict(
        head=["Sachnummer", "Bezeichnung", "Abrufmenge", "Fortschrittszahl", "Preis", "Betrag", "Liefertermin"],
        block=["Sachnummer", "Bezeichnung", "Abrufmenge", "Fortschrittszahl", "Preis", "Betrag", "Liefertermin"],
        title="Lieferabruf Nr. {calloff}",
        against="Abruf {release} zum Rahmenauftrag {po}",
        date="Abrufdatum",
        hello="Sehr geehrte Damen und Herren,",
        ask="bitte liefern Sie gemäß folgendem Abruf:",
        priced="Preise laut Rahmenauftrag.",
        bye="Mit freundlichen Grüßen",
        total="Gesamt",
    ),
}


def calloff_po(
    name: str, buyer: tuple[str, list[str], str, str, str], n: int, priced: bool
) -> tuple[g.PO, dict[str, Any]]:
    """A release against a blanket order: the lines, each with its need date and the cumulative
    quantity received before it; and the numbers around it (call-off number, release number)."""
    rng = rng_for(name)
    company, address, person, email, lang = buyer
    po_date = g.pick_date(rng, date(2026, 11, 10), 9, True)
    lines, cums = [], []
    for desc, base in rng.sample(CALLOFF_PARTS, n):
        qty = Decimal(rng.choice([200, 500, 800, 1200, 2000, 5000]))
        price = Decimal(base)
        need = g.pick_date(rng, po_date + timedelta(days=10), 30, True)
        item = f"{desc.split()[0][:3].upper()}-{rng.randrange(1000, 9999)}"
        lines.append(g.Line(item, desc, qty, "", price, (qty * price).quantize(Decimal("0.01")), need))
        cums.append(qty * rng.randrange(6, 40))  # more than the release: never read as it
    currency = "EUR" if lang == "de" else "USD"
    total = sum((ln.amount for ln in lines), Decimal(0)) if priced else None
    number = f"45000{rng.randrange(10000, 99999)}"
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    po = g.PO(number, party, po_date, None, currency if priced else None, None, None, lines, total)  # type: ignore[arg-type]
    extra = {
        "calloff": f"{rng.randrange(2026, 2027)}-{rng.randrange(1000, 9999)}",
        "release": rng.randrange(3, 40),
        "cums": cums,
    }
    return po, extra


def calloff_text(po: g.PO, extra: dict[str, Any], lang: str, layout: str, cum_first: bool, priced: bool) -> str:
    """The call-off as typed: an aligned table, a tabbed one, or one block of "Label: value" per item."""
    w = CALLOFF_WORDS[lang]
    style = "de" if lang == "de" else "en"
    day = (lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}") if lang == "de" else (lambda d: d.isoformat())
    out = [w["hello"], "", w["ask"], "", w["title"].format(calloff=extra["calloff"])]
    out += [w["against"].format(release=extra["release"], po=po.number), f"{w['date']}: {day(po.po_date)}", ""]
    keys = ["item", "desc", "qty", "cum", "price", "amount", "date"]
    if cum_first:
        keys = ["item", "desc", "cum", "qty", "price", "amount", "date"]
    if not priced:
        keys = [k for k in keys if k not in ("price", "amount")]
    words = dict(
        zip(["item", "desc", "qty", "cum", "price", "amount", "date"], w["block" if layout == "blocks" else "head"])
    )

    def cell(ln: g.Line, cum: Decimal, key: str) -> str:
        value = {"item": ln.item, "desc": ln.desc or "", "qty": group(ln.qty, style), "cum": group(cum, style)}
        value.update({"price": group(ln.price, style), "amount": group(ln.amount, style), "date": day(ln.date)})  # type: ignore[arg-type]
        return value[key]

    rows = [[cell(ln, cum, k) for k in keys] for ln, cum in zip(po.lines, extra["cums"])]
    if layout == "blocks":
        for row in rows:
            out += [f"{words[k]}: {v}" for k, v in zip(keys, row)] + [""]
    elif layout == "tabs":
        out += ["\t".join(words[k] for k in keys), *("\t".join(r) for r in rows), ""]
    else:
        table = [[words[k] for k in keys], *rows]
        widths = [max(g._dw(r[i]) for r in table) for i in range(len(keys))]
        right = {"qty", "cum", "price", "amount"}
        out += [
            "   ".join(g._dpad(c, wd, keys[i] in right) for i, (c, wd) in enumerate(zip(r, widths))).rstrip()
            for r in table
        ]
        out.append("")
    if priced:
        out += [f"{w['total']}: {group(po.total or Decimal(0), style)} {po.buyer.currency}", ""]
    else:
        out += [w["priced"], ""]
    b = po.buyer
    out += [w["bye"], b.contact, b.name, *b.address]
    return "\n".join(out) + "\n"


def build_calloffs(b: Any) -> None:
    """Call-offs and blanket releases typed into mail, under ``wide/eml/body-calloff-*``."""
    variants = [  # (buyer, layout, cumulative column first, priced)
        (1, "aligned", False, True),
        (2, "aligned", True, False),
        (1, "tabs", True, True),
        (2, "blocks", False, False),
        (1, "blocks", False, True),
        (0, "aligned", False, False),
        (0, "tabs", True, True),
        (0, "blocks", False, False),
    ]
    for i, (who, layout, cum_first, priced) in enumerate(variants):
        buyer = CALLOFF_BUYERS[who]
        lang = buyer[4]
        name = f"body-calloff-{layout}-{lang}-{i + 1}"
        po, extra = calloff_po(name, buyer, 2 + i % 3, priced)
        text = calloff_text(po, extra, lang, layout, cum_first, priced)
        st = g.Style(amounts=priced, totals=priced, line_dates=True)
        expected = g.expected_for(po, st, source="body", needs_review=not priced)
        for line in expected["order"]["lines"]:
            line.pop("unit", None)  # a call-off names no unit
            if not priced:
                line.pop("unit_price", None)  # the blanket order's price, not in the mail
        subject = f"Call-off {extra['calloff']} / PO {po.number}" if lang == "en" else f"Lieferabruf {extra['calloff']}"
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(buyer[2], buyer[3]),
            subject=subject,
            msgid=f"{name}@{buyer[3].split('@')[1]}",
            body=text,
            charset="utf-8",
            when=EMAIL_DAY,
        )
        meta = {"format": "eml", "language": lang, "producer": "email", "family": "body-calloff"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))


# --------------------------------------------------------------------------- text files in DOS code pages

# Orders printed to a .txt file by a DOS-era ERP: in cp852 (Hungarian, Polish, Czech), cp866
# (Russian), cp850 (German, French) or cp437 (English), attached with no charset at all, their
# lines table drawn with box characters (┌─┬─┐ │ ├─┼─┤, ╔═╦═╗ ║) or in ASCII (+---+ |).
DOS_FILES = [  # (language, code page, box style, file name, MIME type)
    ("hu", "cp852", "single", "RENDELES.TXT", "text/plain"),
    ("pl", "cp852", "ascii", "ZAMOWIEN.TXT", "text/plain"),
    ("cs", "cp852", "double", "OBJEDNAV.TXT", "application/octet-stream"),
    ("ru", "cp866", "single", "ZAKAZ.TXT", "text/plain"),
    ("de", "cp850", "single", "BESTELL.TXT", "text/plain"),
    ("fr", "cp850", "double", "COMMANDE.TXT", "text/plain"),
    ("en", "cp437", "double", "PO.TXT", "text/plain"),
]
BOXES = {  # corners and tees top, middle, bottom; the wall; the rule
    "single": ("┌┬┐", "├┼┤", "└┴┘", "│", "─"),
    "double": ("╔╦╗", "╠╬╣", "╚╩╝", "║", "═"),
    "ascii": ("+++", "+++", "+++", "|", "-"),
}


def box_table(page: f.Page, style: str) -> list[str]:
    """The lines table drawn with ``style``'s box characters, numbers right-aligned."""
    top, middle, bottom, wall, rule = BOXES[style]
    cols = page.columns()
    table = [[label for _, label in cols], *page.rows()]
    widths = [max(g._dw(row[i]) for row in table) + 2 for i in range(len(cols))]

    def ruled(corners: str) -> str:
        return corners[0] + corners[1].join(rule * w for w in widths) + corners[2]

    def walled(row: list[str]) -> str:
        cells = [" " + g._dpad(c, w - 2, cols[i][0] in f.NUMERIC) + " " for i, (c, w) in enumerate(zip(row, widths))]
        return wall + wall.join(cells) + wall

    return [ruled(top), walled(table[0]), ruled(middle), *(walled(r) for r in table[1:]), ruled(bottom)]


def _encodable(po: g.PO, codec: str) -> None:
    """Descriptions the code page cannot hold ("Ø" in cp852) written as the ERP would print them;
    a company's «guillemets» (not in cp866) as straight quotes."""
    po.buyer.name = po.buyer.name.replace("«", '"').replace("»", '"')
    for line in po.lines:
        if line.desc:
            line.desc = line.desc.encode(codec, "replace").decode(codec).replace("?", "D")


def build_dos_files(b: Any) -> None:
    """Orders as .txt files in DOS code pages, under ``wide/eml/txt-dos-*``."""
    trade = {p.lang: p for p in f.TRADE_BUYERS}
    hello = {**{k: v[0] for k, v in f.TRADE_BODY.items()}, **{k: v[0] for k, v in GREETING.items()}}
    for i, (lang, codec, style, filename, ctype) in enumerate(DOS_FILES):
        name = f"txt-dos-{codec}-{lang}-{style}"
        if lang in trade:
            party = trade[lang]
            po = f.make_trade_po(name, party, 2 + i % 3)
            page: f.Page = f.TradePage(po, lang, variant=i % 2)
        else:
            party = next(p for p in f.BUYERS if p.lang == lang)
            po = make_po(name, party, 2 + i % 3)
            page = f.Page(po, lang, variant=i % 2)
        _encodable(po, codec)
        out = [page.lab("title"), "", *page.buyer_lines(), ""]
        out += [f"{label}: {value}" for label, value in page.header()] + [""]
        out += box_table(page, style)
        total = page.total_line()
        if total:
            out += [f"{total[0]}: {total[1]}"]
        text = "\r\n".join(out) + "\r\n"  # a DOS file ends its lines so
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=f"{page.lab('title')} {po.number}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=f"{hello[lang]}\n\n{party.person}\n",
            charset="utf-8",
            attachments=[(filename, text.encode(codec), ctype)],
            when=EMAIL_DAY,
        )
        meta = {"format": "eml", "language": lang, "producer": "email", "family": "txt-dos-codepage"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**page.golden(source=filename), **meta}))


# --------------------------------------------------------------------------- orders in languages nobody described

# Buyers writing in languages no language file describes (Icelandic, Malay, Greek, Indonesian, and
# Japanese in half-width katakana as old systems send it): the order must be read by its shape —
# the lines by their arithmetic, the order number, dates, currency and total by what their values
# look like — and every value read so is flagged for a person (``needs_review: true``).
UNKNOWN_LANG: dict[str, dict[str, Any]] = {
    "is": dict(
        hello="Góðan dag,",
        ask="vinsamlegast afgreiðið eftirfarandi vörur og staðfestið móttöku.",
        po="Pöntunarnúmer",
        date="Dagsetning",
        delivery="Afhendingardagur",
        currency="Gjaldmiðill",
        cols=["Nr.", "Vörunúmer", "Lýsing", "Magn", "Eining", "Einingarverð", "Upphæð"],
        total="Samtals",
        bye="Með kveðju,",
        num="de",
        dates="dotted",
        units=["stk.", "sett"],
        subject="Pöntun {po}",
        buyer=(
            "Norðurljós Vélsmiðja ehf.",
            ["Hafnargata 12", "220 Hafnarfjörður"],
            "Jón Sigurðsson",
            "innkaup@nordurljos.example",
        ),
        currency_code="EUR",
        descs=["Lega 608ZZ", "Skrúfa M6x20 ryðfrí", "Festing 40 mm", "Kapalþétti PG9", "Gormur Ø8"],
    ),
    "ms": dict(
        hello="Tuan/Puan,",
        ask="Sila bekalkan barangan berikut mengikut pesanan belian kami.",
        po="No. Pesanan Belian",
        date="Tarikh",
        delivery="Tarikh Penghantaran",
        currency="Mata Wang",
        cols=["Bil", "Kod Barang", "Perihal", "Kuantiti", "Unit", "Harga Seunit", "Jumlah"],
        total="Jumlah Keseluruhan",
        bye="Sekian, terima kasih.",
        num="en",
        dates="dmy",
        units=["unit", "set"],
        subject="Pesanan Belian {po}",
        buyer=(
            "Perintis Kejuruteraan Sdn. Bhd.",
            ["Lot 12, Jalan Perindustrian 3", "40000 Shah Alam, Selangor"],
            "Nurul Aina binti Hassan",
            "perolehan@perintis.example",
        ),
        currency_code="MYR",
        descs=["Bearing 608ZZ", "Skru M6x20 keluli tahan karat", "Pendakap 40 mm", "Kelenjar kabel PG9", "Spring Ø8"],
    ),
    "el": dict(
        hello="Καλημέρα σας,",
        ask="σύμφωνα με την προσφορά σας, παρακαλούμε να μας αποστείλετε τα παρακάτω:",
        po="Αρ. Παραγγελίας",
        date="Ημερομηνία",
        delivery="Ημερομηνία παράδοσης",
        currency="Νόμισμα",
        cols=["Α/Α", "Κωδικός", "Περιγραφή", "Ποσότητα", "Μ.Μ.", "Τιμή μονάδας", "Αξία"],
        total="Σύνολο",
        bye="Με εκτίμηση,",
        num="de",
        dates="dmy",
        units=["τεμ.", "σετ"],
        subject="Παραγγελία {po}",
        buyer=(
            "Αιγαίο Μηχανολογική Α.Ε.",
            ["Λεωφ. Βιομηχανίας 24", "57009 Θεσσαλονίκη"],
            "Γιώργος Παπαδόπουλος",
            "agores@aigaio-mech.example",
        ),
        currency_code="EUR",
        descs=["Ρουλεμάν 608ZZ", "Βίδα M6x20 ανοξείδωτη", "Βραχίονας 40 mm", "Στυπιοθλίπτης PG9", "Ελατήριο 8 mm"],
    ),
    "id": dict(
        hello="Dengan hormat,",
        ask="mohon dikirimkan barang-barang berikut ini.",
        po="Nomor Pesanan Pembelian",
        date="Tanggal",
        delivery="Tanggal Pengiriman",
        currency="Mata Uang",
        cols=["No", "Kode Barang", "Nama Barang", "Kuantitas", "Satuan", "Harga Satuan", "Nilai"],
        total="Jumlah Bayar",
        bye="Hormat kami,",
        num="de",
        dates="dmy",
        units=["buah", "set"],
        subject="Pesanan Pembelian {po}",
        buyer=(
            "PT Sinar Teknik Mandiri",
            ["Jl. Industri Raya No. 8", "Bekasi 17520"],
            "Budi Santoso",
            "pembelian@sinarteknik.example",
        ),
        currency_code="USD",
        descs=["Bantalan 608ZZ", "Baut M6x20 tahan karat", "Braket 40 mm", "Kelenjar kabel PG9", "Pegas Ø8"],
    ),
    "ja": dict(
        hello="ｵｾﾜﾆﾅｯﾃｵﾘﾏｽ｡",
        ask="ｲｶﾉﾄｵﾘ ﾊｯﾁｭｳｲﾀｼﾏｽ｡",
        po="ﾊｯﾁｭｳNo",
        date="ﾊｯﾁｭｳﾋﾞ",
        delivery="ｷﾎﾞｳﾉｳｷ",
        currency="ﾂｳｶ",
        cols=["ｷﾞｮｳ", "ﾋﾝﾊﾞﾝ", "ﾋﾝﾒｲ", "ｽｳﾘｮｳ", "ﾀﾝｲ", "ﾀﾝｶ", "ｷﾝｶﾞｸ"],
        total="ｺﾞｳｹｲ",
        bye="ﾖﾛｼｸｵﾈｶﾞｲｲﾀｼﾏｽ｡",
        num="en",
        dates="slash",
        units=["ｺ", "ｾｯﾄ"],
        subject="注文書 {po}",  # a mail header cannot carry half-width katakana (ISO-2022-JP)
        buyer=("東海精機株式会社", ["ｱｲﾁｹﾝ ﾅｺﾞﾔｼ ﾐﾅﾄｸ 1-2-3"], "山田 太郎", "kobai@tokai-seiki.example"),
        currency_code="JPY",
        descs=["ﾍﾞｱﾘﾝｸﾞ 608ZZ", "ﾎﾞﾙﾄ M6x20 SUS", "ﾌﾞﾗｹｯﾄ 40mm", "ｹｰﾌﾞﾙｸﾞﾗﾝﾄﾞ PG9", "ｽﾌﾟﾘﾝｸﾞ φ8"],
    ),
}
UNKNOWN_QTYS = ["120", "250", "400", "1500", "3000", "60", "2400"]


def unknown_po(name: str, lang: str, n: int) -> g.PO:
    rng = rng_for(name)
    spec = UNKNOWN_LANG[lang]
    po_date = g.pick_date(rng, date(2026, 11, 13), 6, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    currency = spec["currency_code"]
    lines = []
    for k, desc in enumerate(rng.sample(spec["descs"], n)):
        qty = Decimal(rng.choice(UNKNOWN_QTYS))
        cents = Decimal(rng.randrange(12, 4800)) / 100
        price = cents.quantize(Decimal("1")) * 10 if currency == "JPY" else cents
        amount = g.q(qty * price, currency)
        prefix = "".join(rng.choice("BCDFGHKLMNPRST") for _ in range(3))
        lines.append(g.Line(f"{prefix}-{rng.randrange(1000, 9999)}", desc, qty, spec["units"][k % 2], price, amount))
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f"{lang.upper()}-{po_date.year}{rng.randrange(100, 999)}"
    company, address, person, email = spec["buyer"]
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    return g.PO(number, party, po_date, delivery, currency, None, None, lines, total)


def unknown_date(day: date, style: str) -> str:
    return {
        "iso": day.isoformat(),
        "dmy": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "de": f"{day.day}. {day.month}. {day.year}",
        "slash": f"{day.year}/{day.month:02d}/{day.day:02d}",
        "dotted": f"{day.day:02d}.{day.month:02d}.{day.year}",
    }[style]


def unknown_rows(po: g.PO, lang: str) -> list[list[str]]:
    spec = UNKNOWN_LANG[lang]
    rows = [list(spec["cols"])]
    for k, ln in enumerate(po.lines, start=1):
        money = [group(v, spec["num"]) for v in (ln.price, ln.amount)]
        rows.append([str(k), ln.item, ln.desc or "", group(ln.qty, spec["num"]), ln.unit, *money])
    return rows


def unknown_facts(po: g.PO, lang: str) -> list[str]:
    spec = UNKNOWN_LANG[lang]
    return [
        f"{spec['po']}: {po.number}",
        f"{spec['date']}: {unknown_date(po.po_date, spec['dates'])}",
        f"{spec['delivery']}: {unknown_date(po.delivery, spec['dates'])}",  # type: ignore[arg-type]
        f"{spec['currency']}: {po.currency}",
    ]


def unknown_text(po: g.PO, lang: str, layout: str) -> str:
    spec = UNKNOWN_LANG[lang]
    rows = unknown_rows(po, lang)
    if layout == "tabs":
        table = ["\t".join(r) for r in rows]
    else:
        widths = [max(g._dw(r[i]) for r in rows) for i in range(len(rows[0]))]
        table = [
            "  ".join(g._dpad(c, w, i in (0, 3, 5, 6)) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
            for r in rows
        ]
    total = f"{spec['total']}: {group(po.total or Decimal(0), spec['num'])} {po.currency}"
    b = po.buyer
    out = [spec["hello"], "", spec["ask"], "", *unknown_facts(po, lang), "", *table, "", total, "", spec["bye"]]
    return "\n".join([*out, b.contact, b.name, *b.address, b.email]) + "\n"


def unknown_html(po: g.PO, lang: str) -> str:
    """The order as Outlook writes an HTML mail: paragraphs, then a bordered table."""
    spec = UNKNOWN_LANG[lang]
    rows = unknown_rows(po, lang)
    para = '<p class="MsoNormal">{}</p>'
    head = "".join(f"<td><b>{escape(c)}</b></td>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
    facts = "".join(para.format(escape(x)) for x in unknown_facts(po, lang))
    total = f"{spec['total']}: {group(po.total or Decimal(0), spec['num'])} {po.currency}"
    b = po.buyer
    sig = "<br>".join(escape(s) for s in (b.contact, b.name, *b.address, b.email))
    return (
        '<html><head><meta charset="utf-8"></head><body><div class="WordSection1">'
        f"{para.format(escape(spec['hello']))}{para.format(escape(spec['ask']))}{facts}"
        f'<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0"><tr>{head}</tr>{body}</table>'
        f"{para.format('<b>' + escape(total) + '</b>')}{para.format(escape(spec['bye']))}{para.format(sig)}"
        "</div></body></html>"
    )


# A quotation the buyer replies to, quoted under the reply: its prices must not become the order's.
QUOTED_QUOTE = {
    "outlook": [
        "________________________________",
        "Από: Πωλήσεις <sales@example.com>",
        "Στάλθηκε: Τρίτη, 10 Νοεμβρίου 2026 11:42 π.μ.",
        "Προς: {buyer}",
        "Θέμα: Προσφορά Q-2611",
        "",
    ],
    "gmail": ["Στις Τρί, 10 Νοε 2026 στις 11:42 π.μ., Πωλήσεις <sales@example.com> έγραψε:", ""],
}


def quoted_quotation(po: g.PO, style: str) -> str:
    """The supplier's quotation the order follows: the same parts at other quantities and prices."""
    head = [line.format(buyer=po.buyer.email) for line in QUOTED_QUOTE[style]]
    rows = ["Κωδικός    Περιγραφή                  Ποσότητα   Τιμή      Αξία"]
    extra = g.Line("OPT-1000", "Δακτύλιος 20 mm", Decimal(500), "τεμ.", Decimal("0.80"), Decimal("400.00"))
    for ln in [*po.lines, extra]:  # one part more than was ordered: the quotation's table is the larger
        qty, price = ln.qty * 2, ln.price - Decimal("0.05")
        rows.append(
            f"{ln.item:<10} {(ln.desc or ''):<26} {group(qty, 'de'):>8}   {group(price, 'de'):>7}  {group(qty * price, 'de'):>9}"
        )
    body = [
        "Αγαπητοί κύριοι,",
        "",
        "σας αποστέλλουμε την προσφορά μας:",
        "",
        *rows,
        "",
        "Με εκτίμηση,",
        "Τμήμα Πωλήσεων",
    ]
    if style == "gmail":
        body = [f"> {line}".rstrip() for line in body]
    return "\n".join(head + body) + "\n"


def build_unknown_languages(b: Any) -> None:
    """Orders in languages no language file describes, under ``wide/eml/body-unknown-*``: read by
    their shape and flagged. Icelandic as Outlook HTML (with and without a text part), Malay and
    Indonesian as plain text, Greek as a reply above the quoted quotation it follows, Japanese in
    half-width katakana (Shift_JIS, as old systems send it)."""
    variants = [
        ("is", "html", None),
        ("is", "html+text", None),
        ("ms", "aligned", None),
        ("ms", "tabs", None),
        ("el", "aligned", "outlook"),
        ("el", "tabs", "gmail"),
        ("id", "aligned", None),
        ("ja", "aligned", None),
        ("ja", "tabs", None),
    ]
    for i, (lang, layout, quote) in enumerate(variants, start=1):
        name = f"body-unknown-{lang}-{layout.replace('+', '-')}-{i}"
        spec = UNKNOWN_LANG[lang]
        po = unknown_po(name, lang, 2 + i % 3)
        text: str | None = None
        html: str | None = None
        if layout.startswith("html"):
            html = unknown_html(po, lang)
            text = unknown_text(po, lang, "tabs") if layout == "html+text" else None
        else:
            text = unknown_text(po, lang, layout)
            if quote:
                text += "\n" + quoted_quotation(po, quote)
        charset = {"ja": "shift_jis", "el": "iso-8859-7", "is": "iso-8859-1"}.get(lang, "utf-8")
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(po.buyer.contact, po.buyer.email),
            subject=spec["subject"].format(po=po.number),
            msgid=f"{name}@{po.buyer.email.split('@')[1]}",
            body=text,
            html=html,
            charset=charset if text is not None and not html else "utf-8",
            when=EMAIL_DAY,
        )
        # read by its shape while no language file describes it; half-width katakana always asked about
        expected = g.expected_for(po, g.Style(), needs_review=lang == "ja" or not g.described(lang), source="body")
        meta = {"format": "eml", "language": lang, "producer": "email", "family": "body-unknown-language"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))


# --------------------------------------------------------------------------- web shops and portals laid out with <div>s

DIV_BUYERS = [
    (
        "Harborline Outdoor Gear Inc.",
        ["4410 Marine View Dr", "Tacoma, WA 98422"],
        "Dana Whitfield",
        "po@harborline.example",
        "en",
        "USD",
    ),
    (
        "Kessler Antriebstechnik GmbH",
        ["Gewerbepark 9", "72760 Reutlingen"],
        "Lena Kessler",
        "einkauf@kessler-antriebe.example",
        "de",
        "EUR",
    ),
    (
        "Brightwater Fixtures Ltd",
        ["12 Quay Street", "Bristol BS1 4DJ"],
        "Owen Price",
        "buying@brightwater.example",
        "en",
        "GBP",
    ),
]
DIV_WORDS = {
    "en": dict(
        po="Order number",
        date="Order date",
        need="Need by",
        bill="Bill to",
        heads=["Line", "Part No.", "Description", "Qty", "UOM", "Unit Price", "Ext. Price"],
        sku="SKU",
        qty="Qty",
        price="Unit price",
        total="Order total",
        title="Purchase Order",
    ),
    "de": dict(
        po="Bestellnummer",
        date="Bestelldatum",
        need="Liefertermin",
        bill="Rechnungsadresse",
        heads=["Pos.", "Artikelnr.", "Bezeichnung", "Menge", "ME", "Einzelpreis", "Gesamtpreis"],
        sku="Artikelnr.",
        qty="Menge",
        price="Einzelpreis",
        total="Gesamtsumme",
        title="Bestellung",
    ),
}
SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}


def div_po(name: str, n: int, buyer: tuple[str, list[str], str, str, str, str]) -> g.PO:
    rng = rng_for(name)
    company, address, person, email, lang, currency = buyer
    po_date = g.pick_date(rng, date(2026, 11, 12), 6, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    lines = []
    for desc, base in rng.sample(PARTS, n):
        qty = Decimal(rng.choice(["2", "5", "12", "40", "150", "500", "1200"]))
        price = (Decimal(base) * Decimal(rng.randrange(90, 160)) / 100).quantize(Decimal("0.01"))
        price = max(price, Decimal("0.05"))
        prefix = "".join(rng.choice("ABCDEFGHKLMNPRST") for _ in range(3))
        lines.append(
            g.Line(
                f"{prefix}-{rng.randrange(1000, 9999)}", desc, qty, "EA", price, (qty * price).quantize(Decimal("0.01"))
            )
        )
    total = sum((ln.amount for ln in lines), Decimal(0))
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    return g.PO(f"WS-{rng.randrange(100000, 999999)}", party, po_date, delivery, currency, None, None, lines, total)


def div_page(po: g.PO, style: str) -> str:
    """A web shop's or portal's order page: header facts as label/value divs, then the items as
    blocks of divs, no <table> anywhere."""
    w = DIV_WORDS[po.buyer.lang]
    sym = SYMBOL[po.currency]
    b = po.buyer

    def money(v: Decimal) -> str:
        return f"{sym}{v:,.2f}" if po.buyer.lang == "en" else f"{group(v, 'de')} {sym}"

    def qty(v: Decimal) -> str:
        return group(v, "en" if po.buyer.lang == "en" else "de")

    facts = [(w["po"], po.number), (w["date"], po.po_date.isoformat()), (w["need"], po.delivery.isoformat())]  # type: ignore[union-attr]
    head = "".join(
        f'<div class="field"><span class="label">{escape(k)}:</span> <span class="value">{escape(v)}</span></div>'
        for k, v in facts
    )
    head += f'<div class="field"><span class="label">Currency:</span> <span class="value">{po.currency}</span></div>'
    bill = (
        f'<div class="address"><div class="label">{escape(w["bill"])}</div><div>{escape(b.name)}</div>'
        + "".join(f"<div>{escape(a)}</div>" for a in b.address)
        + "</div>"
    )
    items = []
    if style == "flex-rows":  # a B2B portal: a header row and item rows, all <div>s in a flex grid
        items.append(
            '<div class="row row-head">'
            + "".join(f'<div class="cell">{escape(h)}</div>' for h in w["heads"])
            + "</div>"
        )
        for k, ln in enumerate(po.lines, start=1):
            cells = [str(k), ln.item, ln.desc or "", qty(ln.qty), ln.unit, money(ln.price), money(ln.amount)]
            items.append(
                '<div class="row">' + "".join(f'<div class="cell">{escape(c)}</div>' for c in cells) + "</div>"
            )
        lines_html = '<div class="grid">' + "".join(items) + "</div>"
    elif style == "cards":  # a web shop: a card per product, the SKU and quantity labelled
        for ln in po.lines:
            items.append(
                '<div class="product-card">'
                f'<div class="product-name"><a href="https://shop.example/p/{ln.item}">{escape(ln.desc or "")}</a></div>'
                f'<div class="sku"><span>{escape(w["sku"])}:</span> {escape(ln.item)}</div>'
                f'<div class="qty"><span>{escape(w["qty"])}:</span> {qty(ln.qty)}</div>'
                f'<div class="price"><span>{escape(w["price"])}:</span> {money(ln.price)}</div>'
                f'<div class="line-total">{money(ln.amount)}</div></div>'
            )
        lines_html = '<div class="cart">' + "".join(items) + "</div>"
    else:  # "list": <ul><li> with spans side by side
        for ln in po.lines:
            spans = [ln.item, ln.desc or "", qty(ln.qty), money(ln.price), money(ln.amount)]
            items.append("<li>" + "".join(f'<span class="c">{escape(s)}</span>' for s in spans) + "</li>")
        lines_html = '<ul class="order-lines">' + "".join(items) + "</ul>"
    total = f'<div class="totals"><div class="total"><span>{escape(w["total"])}:</span> <span>{money(po.total or Decimal(0))}</span></div></div>'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>.row,.product-card{display:flex}</style></head>'
        f'<body><div class="page"><h1>{escape(w["title"])}</h1>{head}{bill}{lines_html}{total}'
        f'<div class="contact">{escape(b.contact)} · {escape(b.email)}</div></div></body></html>'
    )


def build_div_pages(b: Any) -> None:
    """Web-shop and portal order pages laid out with <div>s (no <table>), sent as .html files and
    as HTML-only mail, under ``wide/html/div-*`` and ``wide/eml/div-*``."""
    styles = ["flex-rows", "cards", "list"]
    for i in range(6):
        buyer = DIV_BUYERS[i % len(DIV_BUYERS)]
        style = styles[i % 3]
        name = f"div-{style}-{buyer[4]}-{i + 1}"
        po = div_po(name, 2 + i % 3, buyer)
        for ln in po.lines:
            if style != "flex-rows":
                ln.unit = None  # type: ignore[assignment]  # a shop prints no unit
        page = div_page(po, style)
        meta = {"language": buyer[4], "family": "html-div-blocks"}
        if i < 3:
            path = f"{f.WIDE}/html/{name}.html"
            b.path(path).write_text(page, encoding="utf-8")
            expected = g.expected_for(po, g.Style())
            b.docs.append(g.Built(path, {**expected, "format": "html", "producer": "html", **meta}))
        else:
            path = f"{f.WIDE}/eml/{name}.eml"
            f.message(
                b.path(path),
                sender=(buyer[2], buyer[3]),
                subject=f"{DIV_WORDS[buyer[4]]['title']} {po.number}",
                msgid=f"{name}@{buyer[3].split('@')[1]}",
                html=page,
                when=EMAIL_DAY,
            )
            expected = g.expected_for(po, g.Style(), source="body")
            b.docs.append(g.Built(path, {**expected, "format": "eml", "producer": "email", **meta}))
