"""Orders inside mail threads (``tests/corpus/wide/eml/thread-*.eml``): the order was typed in an
earlier message, and the mail that arrives quotes it.

Called by ``generate.py`` after the wide corpus. Each message is rendered from a ground truth
made here (the orders of ``families_body``) and its golden file is written from that truth.
The families:

* ``thread-order-below``: the buyer answers their own order a few days later ("please see our
  order below and confirm the delivery date", in the buyer's language) and the order is quoted
  under the client's reply header: Outlook's "-----Original Message-----" block and its
  translations ("Von: / Gesendet: / An: / Betreff:", "De : / Envoyé : / À : / Objet :", "De: /
  Enviado el:", "Da: / Inviato:", "Van: / Verzonden:", "发件人: / 发送时间:", "差出人: / 送信日時:")
  under a rule of underscores or nothing; Gmail's attribution line ("On … wrote:", "Am … schrieb
  …:", "Le … a écrit :", "在 … 写道：") over lines quoted with ">"; Apple Mail's; Thunderbird's
  "-------- Original Message --------" (and "Message original", "Originalnachricht") over its
  Subject / Date / From / To lines; Foxmail's "------------------ Original ------------------"
  and "原始邮件" blocks; and as HTML: Gmail's ``gmail_quote`` blockquote, Outlook's border-top
  ``div`` over bold labels, Apple Mail's ``blockquote type="cite"``. The order is the quoted
  one, its sender the buyer; the delivery date the buyer asks about is the order's. Read only from
  a quote (the original never reached us, or the reply edited it), the order goes to review.
* ``thread-third-down``: the order is the third message down: the buyer asks for news, over our
  sales desk's short answer (sent from our company, signed with our name), over the buyer's
  order; quoted as Outlook blocks one under the other, or with ">" and ">>" levels (to review, too).
* ``thread-forward``: the buyer's purchasing colleague forwards a thread to us ("WG:", "TR:",
  "RV:", "I:", "转发:"): the forwarded mail is the buyer's short note ("please order this"), the
  order is quoted under it (an Outlook block, or lines quoted with ">"); under Outlook's
  translated header block or Gmail's localised forward marker.
* ``thread-revised``: a revised order on top, the old order of the same thread quoted below
  (in text or in an HTML blockquote): the new one is the order, the old one is neither a second
  order nor extra lines.
* ``thread-confirmation``: the buyer thanks us for our order confirmation, which is quoted
  below with its lines and prices: not an order at all.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, datetime, timedelta, timezone
from html import escape
from typing import Any

import families as f
import families_body as fb
import generate as g

SEED = 20261206
SALES = ("Sales Desk", "sales@example.com")
ORDERS = "orders@example.com"

# What the buyer writes on top of the quoted order (language → (greeting, request, closing))
ASK = {
    "en": ("Hello,", "Please see our order below and confirm the delivery date.", "Best regards,"),
    "de": (
        "Guten Tag,",
        "bitte bestätigen Sie uns den Termin für die untenstehende Bestellung.",
        "Mit freundlichen Grüßen",
    ),
    "fr": ("Bonjour,", "Pourriez-vous confirmer la commande ci-dessous ?", "Cordialement,"),
    "es": ("Buenos días:", "¿Nos pueden confirmar el pedido de abajo?", "Saludos cordiales"),
    "it": ("Buongiorno,", "vi preghiamo di confermare l'ordine qui sotto.", "Cordiali saluti"),
    "nl": ("Goedendag,", "Kunt u onderstaande bestelling bevestigen?", "Met vriendelijke groet,"),
    "pl": ("Dzień dobry,", "proszę o potwierdzenie zamówienia poniżej.", "Pozdrawiam"),
    "zh-Hans": ("您好！", "请确认下面的订单，谢谢。", "此致"),
    "ja": ("お世話になっております。", "下記の注文をご確認ください。", "よろしくお願いいたします。"),
}
# Asking for news, three messages down
NEWS = {
    "en": "Hello, any news on our order? Thanks.",
    "de": "Hallo, gibt es zu unserer Bestellung schon Neuigkeiten? Danke.",
    "zh-Hans": "您好，这个订单有进展吗？谢谢。",
    "es": "Hola, ¿hay novedades de nuestro pedido? Gracias.",
}
# Our sales desk's short answer in between
CHECKING = {
    "en": "Dear customer,\n\nthank you, we are checking with production and come back to you.\n\nSales Desk",
    "de": "Sehr geehrte Damen und Herren,\n\nvielen Dank, wir klären das mit der Fertigung.\n\nSales Desk",
    "zh-Hans": "您好，\n\n收到，我们正在和生产部门确认，稍后回复。\n\nSales Desk",
    "es": "Estimado cliente:\n\ngracias, lo estamos revisando con producción.\n\nSales Desk",
}
# The colleague's note over a forward, the buyer's note over the order, the forward's subject prefix
PASS_ON = {
    "en": (
        "Hello,\n\nplease see the order below from our engineering team.",
        "Hi,\n\nplease place this one for us.",
        "FW",
    ),
    "de": ("Guten Tag,\n\nanbei die Bestellung unserer Technik.", "Hallo,\n\nbitte beim Lieferanten bestellen.", "WG"),
    "fr": (
        "Bonjour,\n\nci-dessous la demande de notre bureau d'études.",
        "Bonjour,\n\nmerci de passer cette commande.",
        "TR",
    ),
    "es": (
        "Buenos días:\n\nles reenvío la solicitud de nuestro departamento técnico.",
        "Hola,\n\npor favor, pedidlo.",
        "RV",
    ),
    "it": (
        "Buongiorno,\n\nvi inoltro la richiesta del nostro ufficio tecnico.",
        "Ciao,\n\nper favore ordinalo tu.",
        "I",
    ),
    "zh-Hans": ("您好！\n\n转发我司技术部的订单，请查收。", "你好，\n\n请帮忙下单。", "转发"),
}
FORWARD_MARKER = {
    "en": "---------- Forwarded message ---------",
    "de": "---------- Weitergeleitete Nachricht ---------",
    "fr": "---------- Message transféré ---------",
    "es": "---------- Mensaje reenviado ---------",
}
# Gmail's lines under its forward marker: (from, date, subject, to)
GMAIL_FORWARD = {
    "en": ("From", "Date", "Subject", "To"),
    "de": ("Von", "Date", "Subject", "To"),
    "fr": ("De ", "Date ", "Subject", "To"),
    "es": ("De", "Date", "Subject", "To"),
}
REVISED = {
    "en": "Hello,\n\nplease replace our order with this revised version:",
    "de": "Guten Tag,\n\nbitte ersetzen Sie unsere Bestellung durch diese geänderte Fassung:",
    "ja": "お世話になっております。\n\n下記の通り注文内容を変更いたします。",
    "fr": "Bonjour,\n\nveuillez remplacer notre commande par cette version modifiée :",
}
THANKS = {
    "en": "Hello,\n\nthank you for your confirmation, all fine on our side.\n\nBest regards,",
    "de": "Guten Tag,\n\nvielen Dank für die Auftragsbestätigung, passt so.\n\nMit freundlichen Grüßen",
    "zh-Hans": "您好，\n\n收到确认，谢谢！\n\n此致",
    "it": "Buongiorno,\n\ngrazie per la conferma, per noi va bene.\n\nCordiali saluti",
}
CONFIRMATION = {
    "en": ("Order confirmation {ab}", "We confirm your order {po} as follows:"),
    "de": ("Auftragsbestätigung {ab}", "wir bestätigen Ihre Bestellung {po} wie folgt:"),
    "zh-Hans": ("订单确认 {ab}", "兹确认贵司订单 {po} 如下："),
    "it": ("Conferma d'ordine {ab}", "confermiamo il vostro ordine {po} come segue:"),
}
# How each language's client dates a mail (Outlook's "Sent:" line; Gmail's attribution)
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
}
# Outlook's header labels: (from, sent, to, subject)
OUTLOOK = {
    "en": ("From", "Sent", "To", "Subject"),
    "de": ("Von", "Gesendet", "An", "Betreff"),
    "fr": ("De ", "Envoyé ", "À ", "Objet "),
    "es": ("De", "Enviado el", "Para", "Asunto"),
    "it": ("Da", "Inviato", "A", "Oggetto"),
    "nl": ("Van", "Verzonden", "Aan", "Onderwerp"),
    "pl": ("Od", "Wysłano", "Do", "Temat"),
    "zh-Hans": ("发件人", "发送时间", "收件人", "主题"),
    "ja": ("差出人", "送信日時", "宛先", "件名"),
}
TITLE = {"en": "PO", "de": "Bestellung", "fr": "Commande", "es": "Pedido", "it": "Ordine", "nl": "Bestelling"}
TITLE.update({"pl": "Zamówienie", "zh-Hans": "订单", "ja": "注文書"})
REPLY = {"de": "AW", "fr": "RE ", "es": "RE", "it": "R", "nl": "RE", "pl": "Odp", "zh-Hans": "回复", "ja": "RE"}


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def sent_at(d: date, lang: str) -> str:
    """The day and time an Outlook header block gives the quoted mail, in its language."""
    if lang in ("zh-Hans", "ja"):
        return f"{d.year}年{d.month}月{d.day}日 10:12"
    w, m = WEEKDAYS[lang][d.weekday()], MONTHS[lang][d.month - 1]
    if lang == "en":
        return f"{w}, {m} {d.day}, {d.year} 10:12 AM"
    if lang == "de":
        return f"{w}, {d.day}. {m} {d.year} 10:12"
    if lang == "es":
        return f"{w}, {d.day} de {m} de {d.year} 10:12"
    return f"{w} {d.day} {m} {d.year} 10:12"


def who(party: f.Party | tuple[str, str]) -> str:
    name, email = (party.person, party.email) if isinstance(party, f.Party) else party
    return f"{name} <{email}>"


def outlook_block(lang: str, sender: str, when: date, subject: str, *, rule: str) -> list[str]:
    fr, se, to, su = OUTLOOK[lang]
    head = {"original": ["-----Original Message-----"], "line": ["_" * 32], "none": []}[rule]
    return [*head, f"{fr}: {sender}", f"{se}: {sent_at(when, lang)}", f"{to}: {ORDERS}", f"{su}: {subject}", ""]


def attribution(client: str, lang: str, sender: str, when: date) -> str:
    """Gmail's and Apple Mail's line over a quoted mail."""
    if client == "apple":
        return f"On {when.day} {MONTHS['en'][when.month - 1][:3]} {when.year}, at 10:12, {sender} wrote:"
    if lang == "de":
        return f"Am {WEEKDAYS['de'][when.weekday()][:2]}., {when.day}. {MONTHS['de'][when.month - 1][:3]}. {when.year} um 10:12 Uhr schrieb {sender}:"
    if lang == "fr":
        return f"Le {WEEKDAYS['fr'][when.weekday()][:3]}. {when.day} {MONTHS['fr'][when.month - 1][:3]}. {when.year} à 10:12, {sender} a écrit :"
    if lang == "zh-Hans":
        return f"在 {when.year}年{when.month}月{when.day}日 10:12，{sender} 写道："
    if lang == "ja":  # no word for "wrote"
        return f"{when.year}年{when.month}月{when.day}日({'月火水木金土日'[when.weekday()]}) 10:12 {sender}:"
    if lang == "it":
        return f"Il giorno {WEEKDAYS['it'][when.weekday()][:3]} {when.day} {MONTHS['it'][when.month - 1][:3]} {when.year} alle ore 10:12 {sender} ha scritto:"
    if lang == "es":
        name, _, email = sender.partition(" <")
        return f"El {WEEKDAYS['es'][when.weekday()][:3]}, {when.day} {MONTHS['es'][when.month - 1][:3]} {when.year} a las 10:12, {name} (<{email}) escribió:"
    if lang == "nl":
        return f"Op {WEEKDAYS['nl'][when.weekday()][:2]} {when.day} {MONTHS['nl'][when.month - 1][:3]} {when.year} om 10:12 schreef {sender}:"
    return f"On {when.strftime('%a')}, {MONTHS['en'][when.month - 1][:3]} {when.day}, {when.year} at 10:12 AM {sender} wrote:"


def thunderbird_block(lang: str, sender: str, when: date, subject: str) -> list[str]:
    marker, labels = {
        "en": ("Original Message", ("Subject", "Date", "From", "To")),
        "de": ("Originalnachricht", ("Betreff", "Datum", "Von", "An")),
        "fr": ("Message original", ("Sujet ", "Date ", "De ", "Pour ")),
    }[lang]
    day = f"{when.strftime('%a')}, {when.day} {when.strftime('%b')} {when.year} 10:12:07 +0100"
    su, da, fr, to = labels
    return [
        f"-------- {marker} --------",
        f"{su}: \t{subject}",
        f"{da}: \t{day}",
        f"{fr}: \t{sender}",
        f"{to}: \t{ORDERS}",
        "",
    ]


def foxmail_block(lang: str, sender_name: str, email: str, when: date, subject: str) -> list[str]:
    if lang == "zh-Hans":
        return [
            "------------------ 原始邮件 ------------------",
            f'发件人: "{sender_name}"<{email}>;',
            f"发送时间: {when.year}年{when.month}月{when.day}日(星期{'一二三四五六日'[when.weekday()]}) 上午10:12",
            f'收件人: "orders"<{ORDERS}>;',
            f"主题: {subject}",
            "",
        ]
    return [
        "------------------ Original ------------------",
        f'From: "{sender_name}"<{email}>;',
        f"Date: {when.strftime('%a')}, {when.strftime('%b')} {when.day}, {when.year} 10:12 AM",
        f'To: "orders"<{ORDERS}>;',
        f"Subject: {subject}",
        "",
    ]


def quote(lines: list[str], depth: int = 1) -> list[str]:
    mark = ">" * depth
    return [f"{mark} {x}".rstrip() for x in lines]


def note(lang: str, party: f.Party, text: str | None = None) -> list[str]:
    hello, ask, bye = ASK[lang]
    return [hello, "", text or ask, "", bye, party.person, ""]


def order_text(page: fb.BodyPage, rng: random.Random) -> list[str]:
    return fb.body(page, "aligned" if rng.random() < 0.5 else "tabs", rng).rstrip("\n").split("\n")


def page_for(name: str, party: f.Party, n: int) -> fb.BodyPage:
    po = fb.make_po(name, party, n)
    styles = {"en": "en", "de": "de", "it": "de", "es": "de", "nl": "de", "ja": "en", "zh-Hans": "en"}
    return fb.BodyPage(po, party.lang, variant=n % 2, extra={"num": styles.get(party.lang, "space")})


def later(po: g.PO, days: int = 4) -> datetime:
    d = po.po_date + timedelta(days=days)
    return datetime(d.year, d.month, d.day, 8, 45, 0, tzinfo=timezone.utc)


def html_page(inner: str) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>{inner}</body></html>'


def html_lines(lines: list[str]) -> str:
    return "".join(f"<div>{escape(x) or '<br>'}</div>" for x in lines)


def html_order(page: fb.BodyPage, rng: random.Random, client: str) -> str:
    """The order as the client wrote it in HTML (its table), without the <html> wrapper."""
    inner = fb.html_body(page, client, rng)
    if "<body" in inner:
        inner = inner.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
    return inner


# --------------------------------------------------------------------------- the families


def order_below(
    client: str, lang: str, page: fb.BodyPage, party: f.Party, rng: random.Random
) -> tuple[str | None, str | None]:
    """(text, html) of the buyer's mail over their own quoted order."""
    po = page.po
    subject = f"{TITLE[lang]} {po.number}"
    top = note(lang, party)
    order = order_text(page, rng) if not client.endswith("html") else []
    if client.startswith("outlook-") and not client.endswith("html"):
        rule = client.split("-", 1)[1]
        return "\n".join(top + outlook_block(lang, who(party), po.po_date, subject, rule=rule) + order) + "\n", None
    if client in ("gmail", "apple"):
        head = attribution(client, lang, who(party), po.po_date)
        return "\n".join(top + [head, ""] + quote(order)) + "\n", None
    if client == "thunderbird-reply":  # Thunderbird's reply line names the writer, not the address
        head = f"On {po.po_date.strftime('%d/%m/%Y')} 10:12, {party.person} wrote:"
        return "\n".join(top + [head, ""] + quote(order)) + "\n", None
    if client == "thunderbird":
        return "\n".join(top + thunderbird_block(lang, who(party), po.po_date, subject) + order) + "\n", None
    if client == "foxmail":
        return "\n".join(top + foxmail_block(lang, party.person, party.email, po.po_date, subject) + order) + "\n", None
    if client == "gmail-html":
        head = escape(attribution("gmail", lang, who(party), po.po_date))
        return None, html_page(
            f'<div dir="ltr">{html_lines(top)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{head}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid'
            f' rgb(204,204,204);padding-left:1ex">{html_order(page, rng, "gmail")}</blockquote></div>'
        )
    if client == "outlook-html":
        fr, se, to, su = OUTLOOK[lang]
        block = (
            "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
            f"<p class=MsoNormal><b>{fr}:</b> {escape(who(party))}<br><b>{se}:</b> {sent_at(po.po_date, lang)}<br>"
            f"<b>{to}:</b> {ORDERS}<br><b>{su}:</b> {escape(subject)}</p></div>"
        )
        return None, html_page(
            f"<div class=WordSection1>{html_lines(top)}{block}{html_order(page, rng, 'outlook')}</div>"
        )
    if client == "apple-html":
        head = escape(attribution("apple", lang, who(party), po.po_date))
        return None, html_page(
            f'<div>{html_lines(top)}</div><div><br><blockquote type="cite">{head}<br><br></blockquote></div>'
            f'<blockquote type="cite"><div>{html_order(page, rng, "gmail")}</div></blockquote>'
        )
    raise ValueError(client)


def third_down(style: str, lang: str, page: fb.BodyPage, party: f.Party, rng: random.Random) -> str:
    """The buyer's question over our answer over the buyer's order."""
    po = page.po
    subject = f"{TITLE.get(lang, 'PO')} {po.number}"
    answered = po.po_date + timedelta(days=1)
    top = [NEWS[lang], "", party.person, ""]
    ours = CHECKING[lang].split("\n") + [g.OUR_NAME, ""]
    order = order_text(page, rng)
    if style == "outlook":
        return (
            "\n".join(
                top
                + outlook_block(lang, who(SALES), answered, f"RE: {subject}", rule="line")
                + ours
                + outlook_block(lang, who(party), po.po_date, subject, rule="line")
                + order
            )
            + "\n"
        )
    inner = [attribution("gmail", lang, who(party), po.po_date), "", *quote(order)]
    return "\n".join(top + [attribution("gmail", lang, who(SALES), answered), ""] + quote(ours + inner)) + "\n"


def build(b: Any) -> None:
    by_lang: dict[str, list[f.Party]] = {}
    for party in f.BUYERS:
        by_lang.setdefault(party.lang, []).append(party)

    def add(name: str, page: fb.BodyPage | None, family: str, lang: str, **kw: Any) -> None:
        golden = page.golden(source="body") if page is not None else {"kind": "other", "order": None}
        b.docs.append(
            g.Built(
                f"{f.WIDE}/eml/{name}.eml",
                {**golden, "format": "eml", "language": lang, "producer": "email", "family": family, **kw},
            )
        )

    def send(name: str, party: f.Party, subject: str, when: datetime, text: str | None, html: str | None) -> None:
        kw: dict[str, Any] = {"charset": "utf-8", "html": html}
        fb._fit_charsets(text, kw)
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=subject,
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
            when=when,
            **kw,
        )

    below = [
        ("outlook-original", "en"),
        ("outlook-line", "de"),
        ("outlook-none", "fr"),
        ("outlook-line", "es"),
        ("outlook-none", "it"),
        ("outlook-line", "nl"),
        ("outlook-none", "zh-Hans"),
        ("outlook-line", "ja"),
        ("outlook-line", "pl"),
        ("gmail", "en"),
        ("gmail", "de"),
        ("gmail", "fr"),
        ("gmail", "zh-Hans"),
        ("apple", "en"),
        ("thunderbird", "en"),
        ("thunderbird", "de"),
        ("thunderbird", "fr"),
        ("foxmail", "en"),
        ("foxmail", "zh-Hans"),
        ("gmail-html", "en"),
        ("gmail-html", "de"),
        ("outlook-html", "fr"),
        ("outlook-html", "zh-Hans"),
        ("apple-html", "en"),
        ("gmail", "ja"),
        ("gmail", "it"),
        ("gmail", "es"),
        ("gmail", "nl"),
        ("thunderbird-reply", "en"),
    ]
    for i, (client, lang) in enumerate(below, start=1):
        name = f"thread-order-below-{client}-{lang.lower()}"
        party = by_lang[lang][i % len(by_lang[lang])]
        rng = rng_for(name)
        page = page_for(name, party, 2 + i % 2)
        text, html = order_below(client, lang, page, party, rng)
        subject = f"{REPLY.get(lang, 'RE')}: {TITLE[lang]} {page.po.number}"
        send(name, party, subject, later(page.po), text, html)
        add(name, page, "thread-order-below", lang, needs_review=True)  # read only from a quote: a person checks

    for i, (style, lang) in enumerate([("outlook", "en"), ("outlook", "zh-Hans"), ("gmail", "de"), ("gmail", "es")]):
        name = f"thread-third-down-{style}-{lang.lower()}"
        party = by_lang[lang][(i + 1) % len(by_lang[lang])]
        rng = rng_for(name)
        page = page_for(name, party, 2 + i % 2)
        text = third_down(style, lang, page, party, rng)
        send(name, party, f"RE: RE: {TITLE.get(lang, 'PO')} {page.po.number}", later(page.po, 6), text, None)
        add(name, page, "thread-third-down", lang, needs_review=True)

    forwards = [
        ("outlook", "de"),
        ("outlook", "it"),
        ("outlook", "zh-Hans"),
        ("gmail", "en"),
        ("gmail", "fr"),
        ("gmail", "es"),
    ]
    for i, (style, lang) in enumerate(forwards):
        name = f"thread-forward-{style}-{lang.lower()}"
        parties = by_lang[lang]
        buyer = parties[i % len(parties)]
        rng = rng_for(name)
        page = page_for(name, buyer, 2 + i % 2)
        user, domain = buyer.email.split("@")
        colleague = f.Party(
            buyer.name,
            buyer.address,
            f"{'Lisa Park' if lang == 'en' else buyer.person.split()[0]} B.",
            f"assistant@{domain}",
            lang,
        )
        top_note, buyer_note, prefix = PASS_ON[lang]
        subject = f"{TITLE.get(lang, 'PO')} {page.po.number}"
        asked = page.po.po_date + timedelta(days=1)
        order = order_text(page, rng)
        if style == "outlook":
            inner = outlook_block(lang, who(buyer), page.po.po_date, subject, rule="line") + order
            first = outlook_block(lang, who(buyer), asked, f"{prefix}: {subject}", rule="line")
            text = "\n".join(
                [
                    *top_note.split("\n"),
                    "",
                    colleague.person,
                    "",
                    *first,
                    *buyer_note.split("\n"),
                    "",
                    buyer.person,
                    "",
                    *inner,
                ]
            )
        else:
            fr, da, su, to = GMAIL_FORWARD[lang]
            head = [
                FORWARD_MARKER[lang],
                f"{fr}: {who(buyer)}",
                f"{da}: {sent_at(asked, 'en')}",
                f"{su}: {subject}",
                f"{to}: {who(colleague)}",
                "",
            ]
            inner = [attribution("gmail", lang, who(buyer), page.po.po_date), "", *quote(order)]
            text = "\n".join(
                [
                    *top_note.split("\n"),
                    "",
                    colleague.person,
                    "",
                    *head,
                    *buyer_note.split("\n"),
                    "",
                    buyer.person,
                    "",
                    *inner,
                ]
            )
        send(name, colleague, f"{prefix}: {subject}", later(page.po, 2), text + "\n", None)
        add(name, page, "thread-forward", lang)

    for i, (style, lang) in enumerate([("outlook", "en"), ("gmail", "de"), ("outlook", "ja"), ("gmail-html", "fr")]):
        name = f"thread-revised-{style}-{lang.lower()}"
        party = by_lang[lang][i % len(by_lang[lang])]
        rng = rng_for(name)
        old = page_for(name + "-old", party, 3)
        page = page_for(name, party, 2)
        page.po.number = old.po.number  # the same order, revised
        page.po.po_date = old.po.po_date + timedelta(days=2)
        old_text = order_text(old, rng)
        top = REVISED[lang].split("\n") + [""]
        if style == "outlook":
            quoted = (
                outlook_block(
                    lang if lang in OUTLOOK else "en",
                    who(party),
                    old.po.po_date,
                    f"PO {old.po.number}",
                    rule="original",
                )
                + old_text
            )
            text, html = "\n".join(top + order_text(page, rng) + [""] + quoted) + "\n", None
        elif style == "gmail":
            quoted = [attribution("gmail", lang, who(party), old.po.po_date), "", *quote(old_text)]
            text, html = "\n".join(top + order_text(page, rng) + [""] + quoted) + "\n", None
        else:
            head = escape(attribution("gmail", lang, who(party), old.po.po_date))
            text = None
            html = html_page(
                f'<div dir="ltr">{html_lines(top)}{html_order(page, rng, "gmail")}</div><br><div class="gmail_quote">'
                f'<div dir="ltr" class="gmail_attr">{head}<br></div><blockquote class="gmail_quote">'
                f"{html_order(old, rng, 'gmail')}</blockquote></div>"
            )
        send(name, party, f"RE: {TITLE.get(lang, 'PO')} {page.po.number}", later(page.po, 1), text, html)
        add(name, page, "thread-revised", lang)

    for i, (style, lang) in enumerate(
        [("outlook", "en"), ("gmail", "de"), ("outlook", "zh-Hans"), ("outlook-html", "it")]
    ):
        name = f"thread-confirmation-{style}-{lang.lower()}"
        party = by_lang[lang][i % len(by_lang[lang])]
        rng = rng_for(name)
        page = page_for(name, party, 2 + i % 2)
        ab = f"AB-{rng.randrange(10000, 99999)}"
        title, intro = CONFIRMATION[lang]
        confirmation = [
            title.format(ab=ab),
            "",
            intro.format(po=page.po.number),
            "",
            *fb.table_text(page, "aligned"),
            "",
            f"{page.total_line()[0]}: {page.total_line()[1]}" if page.total_line() else "",
            "",
            SALES[0],
            g.OUR_NAME,
        ]
        top = THANKS[lang].split("\n") + [party.person, ""]
        subject = f"RE: {title.format(ab=ab)}"
        when = later(page.po, 2)
        if style == "outlook":
            text, html = (
                "\n".join(
                    top
                    + outlook_block(
                        lang, who(SALES), page.po.po_date + timedelta(days=1), title.format(ab=ab), rule="line"
                    )
                    + confirmation
                )
                + "\n",
                None,
            )
        elif style == "gmail":
            head = attribution("gmail", lang, who(SALES), page.po.po_date + timedelta(days=1))
            text, html = "\n".join(top + [head, ""] + quote(confirmation)) + "\n", None
        else:
            fr, se, to, su = OUTLOOK[lang]
            block = (
                "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
                f"<p class=MsoNormal><b>{fr}:</b> {escape(who(SALES))}<br><b>{se}:</b> "
                f"{sent_at(page.po.po_date + timedelta(days=1), lang)}<br><b>{to}:</b> {escape(who(party))}<br>"
                f"<b>{su}:</b> {escape(title.format(ab=ab))}</p></div>"
            )
            table = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                for row in [[label for _, label in page.columns()], *page.rows()]
            )
            text = None
            html = html_page(
                f"<div class=WordSection1>{html_lines(top)}{block}{html_lines(confirmation[:4])}"
                f"<table border=1>{table}</table>{html_lines(confirmation[-4:])}</div>"
            )
        send(name, party, subject, when, text, html)
        add(name, None, "thread-confirmation", lang)
