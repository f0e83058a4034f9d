"""Orders in replies and forwards as mail clients write them in languages with thin vocabulary
(``tests/corpus/wide/eml/client-*.eml``).

Called by ``generate.py`` after the wide corpus. Each message is rendered from a ground truth
made here and its golden file is written from that truth. The families:

* ``client-reply``: a buyer's order typed above the quoted quotation it answers, whose rows name
  the same parts with other quantities and prices: Thunderbird in Catalan ("El 3/12/26 a les
  15:12, … ha escrit:" over lines quoted with ">", or HTML with the attribution in a
  ``moz-cite-prefix`` and the quotation in a ``<blockquote type="cite">``), Gmail's Catalan
  attribution ("El dj., 3 de des. 2026 a les 15:12, … va escriure:"), Apple Mail in Korean ("2026. 12.
  1. 오후 3:12, … 작성:", as text or as HTML whose quoted table sits in a blockquote), Outlook in
  Portuguese (HTML, the quotation under "De: / Enviado: / Para: / Assunto:");
* ``client-forward``: an order forwarded by our account manager or the buyer's colleague: Outlook
  in Portuguese ("ENC:", the header block as text or bold HTML labels), Thunderbird in Catalan
  ("-------- Missatge reenviat --------" over "Assumpte: / Data: / De: / Per a:" lines or
  Thunderbird's HTML header table), Apple Mail in Korean ("전달된 메일:" inside blockquotes); the
  order inside the forward is the order, its sender's company the customer; also a forward
  written as a reply's quote ("Fwd:" over "Em qui., 3 de dez. de 2026 às 15:12, … escreveu:");
* ``client-subject-po``: orders in Malay whose text names no PO number: the subject does ("PO
  4512…", "Order #…", "№ …", "Bestellung 4711", "Pesanan …"); read from there and flagged
  (``needs_review: true``), unless the subject names it as an order's number over an order in
  a language a file describes.

The replies and forwards, in languages the language files describe, pass without review.
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

SEED = 20261205
EMAIL_DAY = datetime(2026, 12, 3, 15, 40, 0, tzinfo=timezone.utc)
COLLEAGUE = ("Anna Kovacs", "anna.kovacs@example.com")
SALES = ("Vendes / Sales", "sales@example.com")

PARTS = {
    "ca": [
        ("VLV", 'Vàlvula de bola 1/2" DN15', "4.85"),
        ("FLT", "Filtre de malla 60 mm", "2.40"),
        ("JNT", "Junta tòrica 12x2 NBR", "0.06"),
        ("RAC", "Racord ràpid 8 mm", "1.35"),
        ("SNS", "Sensor de pressió 0-10 bar", "18.90"),
    ],
    "pt": [
        ("VLV", 'Válvula de esfera 1/2" DN15', "4.85"),
        ("FLT", "Filtro de malha 60 mm", "2.40"),
        ("ANL", "Anel de vedação 12x2 NBR", "0.06"),
        ("CNX", "Conector rápido 8 mm", "1.35"),
        ("SNS", "Sensor de pressão 0-10 bar", "18.90"),
    ],
    "ms": [
        ("VLV", 'Injap bebola 1/2" DN15', "4.85"),
        ("FLT", "Penapis jaring 60 mm", "2.40"),
        ("ORG", "Gelang-O 12x2 NBR", "0.06"),
        ("PGS", "Penyambung pantas 8 mm", "1.35"),
        ("SNS", "Penderia tekanan 0-10 bar", "18.90"),
    ],
    "pl": [
        ("ZAW", 'Zawór kulowy 1/2" DN15', "19.40"),
        ("FLT", "Filtr siatkowy 60 mm", "9.60"),
        ("ORG", "Pierścień uszczelniający 12x2 NBR", "0.24"),
        ("ZLC", "Złączka szybka 8 mm", "5.40"),
    ],
    "ru": [
        ("KLP", 'Клапан шаровой 1/2" DN15', "420.00"),
        ("FLT", "Фильтр сетчатый 60 мм", "210.00"),
        ("KLC", "Кольцо уплотнительное 12x2 NBR", "5.40"),
        ("FTG", "Фитинг быстроразъёмный 8 мм", "118.00"),
    ],
    "ko": [
        ("VLV", '볼 밸브 1/2" DN15', "4850"),
        ("FLT", "메쉬 필터 60 mm", "2400"),
        ("ORG", "오링 12x2 NBR", "60"),
        ("CNT", "원터치 피팅 8 mm", "1350"),
        ("SNS", "압력 센서 0-10 bar", "18900"),
    ],
}
BUYERS = {
    "ca": [
        (
            "Metalls del Vallès, S.L.",
            ["Carrer de la Indústria 14", "08203 Sabadell"],
            "Joan Puig",
            "joan.puig@metallsvalles.example",
        ),
        (
            "Hidràulica Empordà, S.A.",
            ["Polígon Mas Xirgu 7", "17005 Girona"],
            "Marta Soler",
            "compres@hidraulica-emporda.example",
        ),
    ],
    "pt": [
        (
            "Ferragens Souza Ltda.",
            ["Rua das Indústrias 220", "09210-000 Santo André SP"],
            "Carla Souza",
            "carla@ferragens-souza.example",
        ),
        (
            "Metalúrgica Tejo, Lda.",
            ["Estrada Nacional 10, km 12", "2615-000 Alverca"],
            "Rui Matos",
            "compras@metalurgica-tejo.example",
        ),
    ],
    "ms": [
        (
            "Perkakas Jaya Sdn. Bhd.",
            ["Lot 12, Jalan Perindustrian 3", "47500 Subang Jaya, Selangor"],
            "Aminah Yusof",
            "aminah@perkakasjaya.example",
        ),
        (
            "Teguh Hidraulik Sdn. Bhd.",
            ["No. 8, Jalan Kilang 2", "81200 Johor Bahru"],
            "Hafiz Rahman",
            "belian@teguh-hidraulik.example",
        ),
    ],
    "pl": [
        (
            "Armatura Śląsk Sp. z o.o.",
            ["ul. Przemysłowa 14", "40-020 Katowice"],
            "Łukasz Wójcik",
            "zakupy@armatura-slask.example",
        ),
    ],
    "ru": [
        ("ООО «Гидромаш»", ["ул. Заводская, 12", "620000 Екатеринбург"], "Сергей Волков", "snab@gidromash.example"),
    ],
    "ko": [
        ("(주)한빛정밀", ["경기도 안산시 단원구 산단로 55"], "김민준", "minjun.kim@hanbit-precision.example"),
        ("대성산업(주)", ["부산광역시 사상구 새벽로 101"], "이서연", "purchase@daesung-ind.example"),
    ],
}
CURRENCY = {"ca": "EUR", "pt": "BRL", "ko": "KRW", "ms": "MYR", "pl": "PLN", "ru": "RUB"}
WORDS: dict[str, dict[str, Any]] = {
    "ca": dict(
        hello="Bon dia,",
        ask="Us fem la comanda següent:",
        bye="Salutacions,",
        po="Comanda núm.",
        date="Data",
        need="Data de lliurament",
        heads=["Codi", "Descripció", "Quantitat", "Preu unit.", "Import"],
        total="Total",
        quote_hello="Benvolguts, us enviem la nostra oferta:",
    ),
    "pt": dict(
        hello="Bom dia,",
        ask="Segue o nosso pedido de compra:",
        bye="Atenciosamente,",
        po="Pedido nº",
        date="Data do pedido",
        need="Data de entrega",
        heads=["Código", "Descrição", "Quantidade", "Preço unitário", "Valor total"],
        total="Valor total",
        quote_hello="Prezados, segue a nossa cotação:",
    ),
    "ms": dict(
        hello="Selamat pagi,",
        ask="Kami ingin memesan barang berikut:",
        bye="Sekian, terima kasih.",
        po="No. pesanan",
        date="Tarikh",
        need="Tarikh penghantaran",
        heads=["Kod", "Keterangan", "Kuantiti", "Harga seunit", "Jumlah"],
        total="Jumlah keseluruhan",
        quote_hello="Sebut harga kami:",
    ),
    "pl": dict(
        hello="Dzień dobry,",
        ask="zamawiamy następujące pozycje:",
        bye="Z poważaniem",
        po="Numer zamówienia",
        date="Data zamówienia",
        need="Termin dostawy",
        heads=["Indeks", "Nazwa", "Ilość", "Cena jedn.", "Wartość"],
        total="Razem",
        quote_hello="Oferta:",
    ),
    "ru": dict(
        hello="Добрый день!",
        ask="Просим поставить следующие позиции:",
        bye="С уважением,",
        po="Номер заказа",
        date="Дата заказа",
        need="Срок поставки",
        heads=["Артикул", "Наименование", "Количество", "Цена", "Сумма"],
        total="Итого",
        quote_hello="Предложение:",
    ),
    "ko": dict(
        hello="안녕하세요,",
        ask="아래와 같이 발주합니다.",
        bye="감사합니다.",
        po="발주번호",
        date="발주일",
        need="납기일",
        heads=["품번", "품명", "수량", "단가", "금액"],
        total="합계",
        quote_hello="견적 드립니다.",
    ),
}


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def number(value: Decimal, lang: str, places: int = 2) -> str:
    """1.234,56 in Catalan and Portuguese, 1,234.56 in Malay, 1,234 (won) in Korean; quantities
    without decimals."""
    if lang == "ko":
        return f"{value:,.0f}"
    text = f"{value:,.{places}f}"
    if lang == "ms":
        return text
    if lang in ("pl", "ru"):
        return text.replace(",", "\u00a0").replace(".", ",")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def day(d: date, lang: str) -> str:
    if lang in ("pl", "ru"):
        return d.strftime("%d.%m.%Y")
    return f"{d.year}. {d.month}. {d.day}." if lang == "ko" else d.strftime("%d/%m/%Y")


def make_po(name: str, lang: str, n: int, *, buyer: int = 0) -> g.PO:
    rng = rng_for(name)
    company, address, person, email = BUYERS[lang][buyer % len(BUYERS[lang])]
    currency = CURRENCY[lang]
    po_date = date(2026, 12, 3)
    delivery = g.pick_date(rng, po_date + timedelta(days=14), 20, True)
    lines = []
    for code, desc, base in rng.sample(PARTS[lang], n):
        qty = Decimal(rng.choice([50, 100, 150, 200, 250, 500, 1200]))
        price = Decimal(base) * Decimal(rng.randrange(90, 116)) / 100
        price = price.quantize(Decimal(1) if lang == "ko" else Decimal("0.01"))
        amount = (qty * price).quantize(Decimal(1) if lang == "ko" else Decimal("0.01"))
        lines.append(g.Line(f"{code}-{rng.randrange(1000, 9999)}", desc, qty, None, price, amount))  # type: ignore[arg-type]
    total = sum((ln.amount for ln in lines), Decimal(0))
    numbers = {
        "ca": f"CP-26-{rng.randrange(100, 999):04d}",
        "pt": f"45{rng.randrange(10**7, 10**8)}",
        "ko": f"KP-2026-{rng.randrange(1000, 9999)}",
        "ms": f"PJ/{rng.randrange(1000, 9999)}-26",
        "pl": f"ZAM/{rng.randrange(100, 999)}/2026",
        "ru": f"ЗК-{rng.randrange(1000, 9999)}",
    }
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    return g.PO(numbers[lang], party, po_date, delivery, currency, None, None, lines, total)


def quotation_of(po: g.PO, name: str) -> g.PO:
    """The quotation the order answers: the same parts, other quantities and prices."""
    rng = rng_for(name + "/quotation")
    lines = []
    for ln in po.lines:
        qty = ln.qty * 2 + 100
        price = (ln.price * Decimal("1.04")).quantize(ln.price)
        lines.append(g.Line(ln.item, ln.desc, qty, ln.unit, price, (qty * price).quantize(ln.amount)))
    total = sum((ln.amount for ln in lines), Decimal(0))
    return g.PO(
        f"Q-{rng.randrange(100, 999)}",
        po.buyer,
        po.po_date - timedelta(days=2),
        None,
        po.currency,
        None,
        None,
        lines,
        total,
    )


def rows(po: g.PO, lang: str) -> list[list[str]]:
    return [
        [ln.item, ln.desc or "", number(ln.qty, lang, 0), number(ln.price, lang), number(ln.amount, lang)]
        for ln in po.lines
    ]


def aligned(table: list[list[str]]) -> list[str]:
    widths = [max(g._dw(r[i]) for r in table) for i in range(len(table[0]))]
    return ["  ".join(g._dpad(c, w, i >= 2) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in table]


def total_text(po: g.PO, lang: str) -> str:
    if lang == "ko":
        return f"{number(po.total, lang)}원"
    if lang == "ms":
        return f"MYR {number(po.total, lang)}"
    if lang in ("pl", "ru"):
        return f"{number(po.total, lang)} {po.currency}"
    return f"{number(po.total, lang)} {'EUR' if lang == 'ca' else 'BRL'}"


def order_text(po: g.PO, lang: str, *, po_number: bool = True) -> str:
    w = WORDS[lang]
    head = [f"{w['po']}: {po.number}"] if po_number else []
    head += [f"{w['date']}: {day(po.po_date, lang)}", f"{w['need']}: {day(po.delivery, lang)}"]
    b = po.buyer
    return "\n".join(
        [
            w["hello"],
            "",
            w["ask"],
            "",
            *head,
            "",
            *aligned([w["heads"], *rows(po, lang)]),
            "",
            f"{w['total']}: {total_text(po, lang)}",
            "",
            w["bye"],
            b.contact,
            b.name,
            *b.address,
            "",
        ]
    )


def html_table(po: g.PO, lang: str) -> str:
    w = WORDS[lang]
    head = "".join(f"<th>{escape(h)}</th>" for h in w["heads"])
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows(po, lang))
    return f'<table border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'


def order_html(po: g.PO, lang: str) -> str:
    w = WORDS[lang]
    b = po.buyer
    return (
        f"<div>{escape(w['hello'])}</div><div><br></div><div>{escape(w['ask'])}</div><div><br></div>"
        f"<div>{escape(w['po'])}: {escape(po.number)}</div><div>{escape(w['date'])}: {day(po.po_date, lang)}</div>"
        f"<div>{escape(w['need'])}: {day(po.delivery, lang)}</div><div><br></div>{html_table(po, lang)}"
        f"<div><br></div><div>{escape(w['total'])}: {escape(total_text(po, lang))}</div><div><br></div>"
        f"<div>{escape(w['bye'])}<br>{escape(b.contact)}<br>{escape(b.name)}<br>"
        + "<br>".join(escape(a) for a in b.address)
        + "</div>"
    )


def quotation_text(q: g.PO, lang: str) -> str:
    w = WORDS[lang]
    return "\n".join(
        [
            w["quote_hello"],
            "",
            *aligned([w["heads"], *rows(q, lang)]),
            "",
            f"{w['total']}: {total_text(q, lang)}",
            "",
            SALES[0],
        ]
    )


def quotation_html(q: g.PO, lang: str) -> str:
    w = WORDS[lang]
    return f"<div>{escape(w['quote_hello'])}</div>{html_table(q, lang)}<div>{escape(w['total'])}: {escape(total_text(q, lang))}</div>"


def page(inner: str) -> str:
    return f'<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8"></head><body>{inner}</body></html>'


# --------------------------------------------------------------------------- how each client quotes


def reply(client: str, po: g.PO, q: g.PO, lang: str) -> tuple[str | None, str | None]:
    """(text, html) of the buyer's reply: the order above the quoted quotation."""
    sales = f"{SALES[0]} <{SALES[1]}>"
    if client == "thunderbird-text":
        head = "El 1/12/26 a les 10:02, Vendes ha escrit:"
        return order_text(po, lang) + "\n" + head + "\n" + "\n".join(
            f"> {x}".rstrip() for x in quotation_text(q, lang).split("\n")
        ) + "\n", None
    if client == "gmail-text":
        head = f"El dt., 1 de des. 2026 a les 10:02, {sales} va escriure:"
        return order_text(po, lang) + "\n" + head + "\n\n" + "\n".join(
            f"> {x}".rstrip() for x in quotation_text(q, lang).split("\n")
        ) + "\n", None
    if client == "thunderbird-html":
        cite = "El 1/12/26 a les 10:02, Vendes ha escrit:"
        return None, page(
            f'{order_html(po, lang)}<div class="moz-cite-prefix">{escape(cite)}<br></div>'
            f'<blockquote type="cite" cite="mid:q@example.com">{quotation_html(q, lang)}</blockquote>'
        )
    if client == "apple-text":
        head = f"2026. 12. 1. 오전 10:02, {sales} 작성:"
        return order_text(po, lang) + "\n" + head + "\n\n" + "\n".join(
            f"> {x}".rstrip() for x in quotation_text(q, lang).split("\n")
        ) + "\n", None
    if client == "apple-html":
        head = escape(f"2026. 12. 1. 오전 10:02, {sales} 작성:")
        return None, page(
            f'<div dir="ltr">{order_html(po, lang)}</div><div dir="ltr"><br><blockquote type="cite">{head}<br><br></blockquote></div>'
            f'<blockquote type="cite"><div dir="ltr">{quotation_html(q, lang)}</div></blockquote>'
        )
    if client == "outlook-html":
        block = (
            "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
            f"<p class=MsoNormal><b>De:</b> {escape(sales)}<br><b>Enviado:</b> terça-feira, 1 de dezembro de 2026 10:02<br>"
            f"<b>Para:</b> {escape(po.buyer.contact)} &lt;{po.buyer.email}&gt;<br><b>Assunto:</b> Cotação {q.number}</p></div>"
        )
        return None, page(f"<div class=WordSection1>{order_html(po, lang)}{block}{quotation_html(q, lang)}</div>")
    raise ValueError(client)


NOTE = {
    "pt": "Bom dia, por favor lancem este pedido.\n\nAnna Kovacs\nKey Account Manager\n" + f.OUR + "\n",
    "ca": "Si us plau, entreu aquesta comanda.\n\nAnna Kovacs\nKey Account Manager\n" + f.OUR + "\n",
    "ko": "이 주문 입력 부탁드립니다.\n\nAnna Kovacs\nKey Account Manager\n" + f.OUR + "\n",
}


def forward(client: str, po: g.PO, lang: str, subject: str) -> tuple[str | None, str | None]:
    """(text, html) of our colleague's forward of the buyer's order."""
    b = po.buyer
    who = f"{b.contact} <{b.email}>"
    me = f"{COLLEAGUE[0]} <{COLLEAGUE[1]}>"
    note = NOTE[lang]
    note_html = "".join(f"<div>{escape(x) or '<br>'}</div>" for x in note.split("\n"))
    if client == "outlook-text":
        block = (
            "________________________________\n"
            f"De: {who}\nEnviado: quinta-feira, 3 de dezembro de 2026 15:12\nPara: {me}\nAssunto: {subject}\n\n"
        )
        return note + "\n" + block + order_text(po, lang), None
    if client == "outlook-html":
        block = (
            "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
            f"<p class=MsoNormal><b>De:</b> {escape(who)}<br><b>Enviado:</b> quinta-feira, 3 de dezembro de 2026 15:12<br>"
            f"<b>Para:</b> {escape(me)}<br><b>Assunto:</b> {escape(subject)}</p></div>"
        )
        return None, page(f"<div class=WordSection1>{note_html}{block}{order_html(po, lang)}</div>")
    if client == "thunderbird-text":
        block = (
            "\n\n-------- Missatge reenviat --------\n"
            f"Assumpte: \t{subject}\nData: \tThu, 3 Dec 2026 15:12:07 +0100\nDe: \t{who}\nPer a: \t{me}\n\n\n\n"
        )
        return note + block + order_text(po, lang), None
    if client == "thunderbird-html":
        rows_ = [
            ("Assumpte", escape(subject)),
            ("Data", "Thu, 3 Dec 2026 15:12:07 +0100"),
            ("De", escape(who)),
            ("Per a", escape(me)),
        ]
        table = "".join(
            f'<tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">{k}: </th><td>{v}</td></tr>' for k, v in rows_
        )
        return None, page(
            f'{note_html}<div class="moz-forward-container"><br><br>-------- Missatge reenviat --------\n'
            f'<table class="moz-email-headers-table" cellspacing="0" cellpadding="0" border="0"><tbody>{table}</tbody></table><br>'
            f"{order_html(po, lang)}</div>"
        )
    if client == "apple-html":
        head = (
            f"<b>보낸 사람:</b> {escape(who)}<br><b>날짜:</b> 2026년 12월 3일 오후 3:12:07 GMT+9<br>"
            f"<b>받는 사람:</b> {escape(me)}<br><b>제목:</b> <b>{escape(subject)}</b><br><br>"
        )
        return None, page(
            f'<div dir="ltr">{note_html}</div><div dir="ltr"><br><blockquote type="cite">전달된 메일:<br><br></blockquote></div>'
            f'<blockquote type="cite"><div dir="ltr">{head}</div></blockquote>'
            f'<blockquote type="cite"><div dir="ltr">{order_html(po, lang)}</div></blockquote>'
        )
    if client == "quoted-text":  # a phone's client forwards as it replies: the mail quoted under its attribution
        head = f"Em qui., 3 de dez. de 2026 às 15:12, {who} escreveu:"
        quoted = "\n".join(f"> {x}".rstrip() for x in order_text(po, lang).split("\n"))
        return note + "\n" + head + "\n\n" + quoted + "\n", None
    if client == "apple-text":
        block = f"\n\n전달된 메일:\n\n보낸 사람: {who}\n제목: {subject}\n날짜: 2026년 12월 3일 오후 3:12:07 GMT+9\n받는 사람: {me}\n\n"
        return note + block + order_text(po, lang), None
    raise ValueError(client)


TITLE = {"ca": "Comanda", "pt": "Pedido", "ko": "발주서", "pl": "Zamówienie", "ru": "Заказ"}


def _add(b: Any, name: str, po: g.PO, lang: str, family: str, *, review: bool, **message: Any) -> None:
    f.message(
        b.path(f"{f.WIDE}/eml/{name}.eml"),
        msgid=f"{name}@{message['sender'][1].split('@')[1]}",
        when=EMAIL_DAY,
        **message,
    )
    expected = g.expected_for(po, g.Style(), needs_review=review, source="body")
    meta = {"format": "eml", "language": lang, "producer": "email", "family": family}
    b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))


def build(b: Any) -> None:
    replies = [
        ("ca", "thunderbird-text"),
        ("ca", "gmail-text"),
        ("ca", "thunderbird-html"),
        ("ko", "apple-text"),
        ("ko", "apple-html"),
        ("pt", "outlook-html"),
    ]
    for i, (lang, client) in enumerate(replies, start=1):
        name = f"client-reply-{lang}-{client}-{i}"
        po = make_po(name, lang, 2 + i % 2, buyer=i)
        q = quotation_of(po, name)
        text, html = reply(client, po, q, lang)
        prefix = {"ca": "Re", "pt": "RES", "ko": "Re"}[lang]
        _add(
            b,
            name,
            po,
            lang,
            "client-reply",
            review=False,
            sender=(po.buyer.contact, po.buyer.email),
            subject=f"{prefix}: {q.number}",
            body=text,
            html=html,
        )
    forwards = [
        ("pt", "outlook-text"),
        ("pt", "outlook-html"),
        ("ca", "thunderbird-text"),
        ("ca", "thunderbird-html"),
        ("ko", "apple-html"),
        ("ko", "apple-text"),
        ("pt", "quoted-text"),
    ]
    for i, (lang, client) in enumerate(forwards, start=1):
        name = f"client-forward-{lang}-{client}-{i}"
        po = make_po(name, lang, 2 + i % 2, buyer=i)
        subject = f"{TITLE[lang]} {po.number}"
        prefix = {"pt": "ENC", "ca": "Fwd", "ko": "Fwd"}[lang]
        text, html = forward(client, po, lang, subject)
        _add(
            b,
            name,
            po,
            lang,
            "client-forward",
            review=False,
            sender=COLLEAGUE,
            subject=f"{prefix}: {subject}",
            body=text,
            html=html,
        )
    subjects = ["PO {n}", "Order #{n}", "№ {n}", "Bestellung {n}", "Pesanan {n}"]
    # the subject alone names the PO number: a person checks it, unless the subject names it as
    # an order's number ("PO 4512…", "Bestellung 4711") over an order in words mailflow reads
    named = ("PO {n}", "Bestellung {n}")
    for i, form in enumerate(subjects, start=1):
        name = f"client-subject-po-ms-{i}"
        po = make_po(name, "ms", 2 + i % 2, buyer=i)
        if i in (1, 4):
            po.number = (
                str(4512000000 + rng_for(name).randrange(10**6)) if i == 1 else str(rng_for(name).randrange(4000, 4999))
            )
        _add(
            b,
            name,
            po,
            "ms",
            "client-subject-po",
            review=not (g.described("ms") and form in named),
            sender=(po.buyer.contact, po.buyer.email),
            subject=form.format(n=po.number),
            body=order_text(po, "ms", po_number=False),
        )


# --------------------------------------------------------------------------- charsets that lie

# (language, the charset the bytes are in, the charset the MIME header declares, the charset the
# HTML's <meta> names or None)
LIES = [
    ("ko", "euc-kr", "iso-8859-1", "euc-kr"),
    ("ru", "windows-1251", "iso-8859-1", None),
    ("pl", "iso-8859-2", "windows-1252", "iso-8859-2"),
    ("ko", "euc-kr", "windows-1252", None),
    ("ru", "windows-1251", "windows-1252", "windows-1251"),
]


def build_charsets(b: Any) -> None:
    """``client-charset-lie``: HTML orders whose part declares a charset its bytes are not in
    (an intranet page or an old client that labels everything Latin-1): the text is read in the
    charset that gives valid text with no signs of mojibake (the page's <meta>, else the detector
    or a legacy charset), and an explain note says so. The order passes without review."""
    for i, (lang, real, declared, meta) in enumerate(LIES, start=1):
        name = f"client-charset-lie-{lang}-{i}"
        po = make_po(name, lang, 2 + i % 2, buyer=i)
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
        html = f"<html><head>{head}</head><body>{order_html(po, lang)}</body></html>"
        path = b.path(f"{f.WIDE}/eml/{name}.eml")
        f.message(
            path,
            sender=(po.buyer.contact, po.buyer.email),
            subject=f"{TITLE.get(lang, 'Order')} {po.number}",
            msgid=f"{name}@{po.buyer.email.split('@')[1]}",
            html=html,
            charset=real,
            when=EMAIL_DAY,
        )
        raw = path.read_bytes()
        label = f'text/html; charset="{real}"'.encode()
        assert label in raw, label
        path.write_bytes(raw.replace(label, f'text/html; charset="{declared}"'.encode(), 1))
        expected = g.expected_for(po, g.Style(), source="body")
        meta_ = {"format": "eml", "language": lang, "producer": "email", "family": "client-charset-lie"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta_}))


# --------------------------------------------------------------------------- Hindi bodies

HI_PARTS = [
    ("VLV", 'बॉल वाल्व 1/2" DN15', "485.00"),
    ("FLT", "जाली फ़िल्टर 60 mm", "240.00"),
    ("SNS", "प्रेशर सेंसर 0-10 bar", "1725.50"),
    ("ORG", "ओ-रिंग 12x2 NBR", "6.40"),
    ("PMP", "गियर पंप 24 V", "11890.00"),
]
HI_BUYERS = [
    (
        "Shree Ganesh Engineering Pvt. Ltd.",
        ["Plot 42, MIDC Bhosari", "Pune 411026"],
        "राजेश कुमार",
        "rajesh@ganesh-eng.example",
    ),
    (
        "Bharat Hydraulics Pvt. Ltd.",
        ["B-17, Sector 63", "Noida 201301"],
        "सुनीता शर्मा",
        "purchase@bharat-hydraulics.example",
    ),
]


def lakh(value: Decimal) -> str:
    """1,19,237.00: the last three digits, then groups of two."""
    whole, _, frac = f"{value:.2f}".partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([g_ for g_ in [head, *groups] if g_] + [tail]) + "." + frac


def hindi_po(name: str, n: int, buyer: int) -> g.PO:
    rng = rng_for(name)
    company, address, person, email = HI_BUYERS[buyer % len(HI_BUYERS)]
    po_date = date(2026, 12, 3)
    delivery = g.pick_date(rng, po_date + timedelta(days=10), 20, True)
    lines = []
    for code, desc, base in rng.sample(HI_PARTS, n):
        qty = Decimal(rng.choice([20, 50, 100, 150, 200, 500]))
        price = (Decimal(base) * Decimal(rng.randrange(95, 111)) / 100).quantize(Decimal("0.01"))
        lines.append(g.Line(f"{code}-{rng.randrange(1000, 9999)}", desc, qty, None, price, qty * price))  # type: ignore[arg-type]
    total = sum((ln.amount for ln in lines), Decimal(0))
    party = g.Buyer(company, address, person, email, lang="hi", currency="INR")
    return g.PO(f"PO/2026/{rng.randrange(100, 999):04d}", party, po_date, delivery, "INR", None, None, lines, total)


def hindi_text(po: g.PO, layout: str) -> str:
    """A Hindi order: "क्रय आदेश संख्या: …" labels (or "— " between label and value), its lines
    as "code — description — 200 नग × ₹485.00 = ₹97,000.00" entries or an aligned table."""
    sep = " — " if layout != "list-colon" else ": "
    d = "%d-%m-%Y" if layout != "table" else "%d.%m.%Y"
    head = [
        f"क्रय आदेश संख्या{sep}{po.number}",
        f"दिनांक{sep}{po.po_date.strftime(d)}",
        f"डिलीवरी तिथि{sep}{po.delivery.strftime(d)}",
    ]
    if layout == "table":
        table = [["क्रम", "कोड", "विवरण", "मात्रा", "दर", "राशि"]]
        table += [
            [str(k), ln.item, ln.desc or "", str(ln.qty), f"₹{lakh(ln.price)}", f"₹{lakh(ln.amount)}"]
            for k, ln in enumerate(po.lines, start=1)
        ]
        widths = [max(g._dw(r[i]) for r in table) for i in range(6)]
        body = ["  ".join(g._dpad(c, w, i >= 3) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in table]
    else:
        dash = " — " if layout == "list-colon" else " - "
        unit = "नग" if layout == "list-colon" else "pcs"
        body = [
            f"{k}. {ln.item}{dash}{ln.desc}{dash}{ln.qty} {unit} × ₹{lakh(ln.price)} = ₹{lakh(ln.amount)}"
            for k, ln in enumerate(po.lines, start=1)
        ]
    b = po.buyer
    return "\n".join(
        [
            "नमस्ते,",
            "",
            "कृपया निम्नलिखित क्रय आदेश स्वीकार करें।",
            "",
            *head,
            "",
            *body,
            "",
            f"कुल राशि{sep}₹{lakh(po.total)}",
            "",
            "धन्यवाद,",
            b.contact,
            b.name,
            *b.address,
            "",
        ]
    )


def build_hindi(b: Any) -> None:
    """``body-hindi``: orders typed in Hindi: Devanagari words, amounts in lakh groups
    (₹1,19,237.00), "—" between label and value or between an entry's parts; lines as "qty नग ×
    ₹price = ₹amount" entries or an aligned table. Read by the words of ``languages/hi.yaml``;
    without that file, by their shape — the lines by quantity × price = amount, the PO number and
    dates by their values — and every value flagged (``needs_review: true``)."""
    for i, layout in enumerate(["list-colon", "list-dash", "table", "list-colon"], start=1):
        name = f"body-hindi-{layout}-{i}"
        po = hindi_po(name, 2 + i % 3, i)
        if layout != "table":  # the unit typed after the quantity is the line's unit
            for ln in po.lines:
                ln.unit = "नग" if layout == "list-colon" else "pcs"
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(po.buyer.contact, po.buyer.email),
            subject="क्रय आदेश" if i % 2 else f"क्रय आदेश {po.number}",
            msgid=f"{name}@{po.buyer.email.split('@')[1]}",
            body=hindi_text(po, layout),
            when=EMAIL_DAY,
        )
        expected = g.expected_for(po, g.Style(), needs_review=not g.described("hi"), source="body")
        meta = {"format": "eml", "language": "hi", "producer": "email", "family": "body-hindi"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))
    # a supplier's quotation in the same words and lines: no order (a person sees what it is)
    name = "body-hindi-quotation-5"
    po = hindi_po(name, 3, 5)
    text = hindi_text(po, "list-dash").replace("कृपया निम्नलिखित क्रय आदेश स्वीकार करें।", "आपके अनुरोध पर हमारा कोटेशन:")
    text = text.replace(f"क्रय आदेश संख्या — {po.number}\n", "")
    f.message(
        b.path(f"{f.WIDE}/eml/{name}.eml"),
        sender=("Sales", "sales@supplier-in.example"),
        subject="कोटेशन",
        msgid=f"{name}@supplier-in.example",
        body=text,
        when=EMAIL_DAY,
    )
    expected = g.expected_for(None, None, kind="other", needs_review=not g.described("hi"))
    meta = {"format": "eml", "language": "hi", "producer": "email", "family": "body-hindi-not-order"}
    b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))


# --------------------------------------------------------------------------- kanban cards beside the part

CARD_PARTS = [
    ("VLV", "Ball valve 1/2 inch DN15", "4.85"),
    ("FLT", "Mesh filter 60 mm", "2.40"),
    ("SNS", "Pressure sensor 0-10 bar", "17.25"),
    ("ORG", "O-ring 12x2 NBR", "0.06"),
    ("CNT", "Push-in fitting 8 mm", "1.35"),
]
# (language, layout, headers, priced, needs review): the card's number first, the count of cards
# before or after the quantity in pieces
CARD_LAYOUTS = [
    ("en", "tabs", ["Card", "Part no.", "Description", "Cards", "Qty", "Unit price", "Amount"], True, False),
    (
        "en",
        "aligned",
        ["Kanban No.", "Part Number", "Description", "No. of cards", "Quantity", "Price", "Total"],
        True,
        False,
    ),
    ("de", "tabs", ["Karte", "Sachnummer", "Bezeichnung", "Anz. Karten", "Menge", "Preis", "Betrag"], True, False),
    ("en", "html", ["Card no.", "Part no.", "Description", "Quantity", "Pcs", "Price", "Amount"], True, False),
    ("en", "tabs", ["Code", "Part", "Description", "Cards", "Qty"], False, True),
    ("de", "aligned", ["Karten-Nr.", "Teil", "Bezeichnung", "Menge", "Stückzahl", "Preis"], True, True),
]


def build_card_calloffs(b: Any) -> None:
    """``calloff-cards``: kanban call-offs against a blanket PO whose table carries the kanban
    card's own number ("K701") and how many cards are sent beside the part number and the
    quantity in pieces (pieces per card × cards). The golden item is the part number and the
    quantity the pieces; where the headers and the arithmetic cannot tell which column is the
    item ("Code" beside "Part") or the quantity (no amount to check), the order asks for review."""
    for i, (lang, layout, heads, priced, review) in enumerate(CARD_LAYOUTS, start=1):
        name = f"calloff-cards-{lang}-{layout}-{i}"
        rng = rng_for(name)
        blanket = f"45{rng.randrange(10**7, 10**8)}"
        lines, cells = [], []
        for k, (code, desc, base) in enumerate(rng.sample(CARD_PARTS, 3)):
            per_card = rng.choice([25, 50, 100])
            cards = rng.randrange(2, 6)
            qty = Decimal(per_card * cards)
            price = (Decimal(base) * Decimal(rng.randrange(95, 106)) / 100).quantize(Decimal("0.01"))
            amount = qty * price
            item = f"{code}-{rng.randrange(1000, 9999)}"
            lines.append(g.Line(item, desc, qty, None, price if priced else None, amount if priced else None))  # type: ignore[arg-type]
            card_no = f"K{700 + 10 * i + k}"
            by_head = {
                0: card_no,
                1: item,
                2: desc,
                3: str(cards) if heads[3] not in ("Quantity", "Menge") or heads[4] in ("Qty",) else str(cards),
                4: str(qty),
                5: f"{price:.2f}" if lang == "en" else f"{price:.2f}".replace(".", ","),
                6: f"{amount:.2f}" if lang == "en" else f"{amount:.2f}".replace(".", ","),
            }
            cells.append([by_head[c] for c in range(len(heads))])
        total = sum((ln.amount for ln in lines), Decimal(0)) if priced and len(heads) > 6 else None
        party = g.Buyer(
            "Harborline Outdoor Gear Inc." if lang == "en" else "Kessler Antriebstechnik GmbH",
            ["4410 Marine View Dr", "Tacoma, WA 98422"] if lang == "en" else ["Gewerbepark 9", "72760 Reutlingen"],
            "Dana Whitfield" if lang == "en" else "Lena Kessler",
            "po@harborline.example" if lang == "en" else "einkauf@kessler-antriebe.example",
            lang=lang,
            currency="USD" if lang == "en" else "EUR",
        )
        delivery = g.pick_date(rng, date(2026, 12, 10), 12, True)
        currency = party.currency if total is not None else None  # named only beside the total
        po = g.PO(blanket, party, date(2026, 12, 3), delivery, currency, None, None, lines, total)  # type: ignore[arg-type]
        words = {
            "en": ("Hello,", f"Kanban call-off against blanket PO {blanket}.", "Delivery", "Total", "Regards,"),
            "de": (
                "Guten Tag,",
                f"Kanban-Abruf zur Rahmenbestellung {blanket}.",
                "Liefertermin",
                "Gesamt",
                "Mit freundlichen Grüßen",
            ),
        }[lang]
        when = delivery.isoformat() if lang == "en" else delivery.strftime("%d.%m.%Y")
        table = [heads, *cells]
        text_table: list[str] = []
        html = None
        if layout == "tabs":
            text_table = ["\t".join(r) for r in table]
        elif layout == "aligned":
            widths = [max(g._dw(r[c]) for r in table) for c in range(len(heads))]
            text_table = [
                "  ".join(g._dpad(cell, w, c >= 3) for c, (cell, w) in enumerate(zip(r, widths))).rstrip()
                for r in table
            ]
        money = f"{total:,.2f} {party.currency}" if total is not None else ""
        if lang == "de" and total is not None:
            money = f"{total:,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " EUR"
        foot = [f"{words[3]}: {money}", ""] if total is not None else []
        text = "\n".join(
            [
                words[0],
                "",
                words[1],
                f"{words[2]}: {when}",
                "",
                *text_table,
                "",
                *foot,
                words[4],
                party.contact,
                party.name,
                "",
            ]
        )
        if layout == "html":
            rows_html = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in cells)
            head_html = "".join(f"<th>{escape(h)}</th>" for h in heads)
            html = page(
                f"<p>{escape(words[0])}</p><p>{escape(words[1])}<br>{escape(words[2])}: {when}</p>"
                f'<table border="1"><tr>{head_html}</tr>{rows_html}</table>'
                f"<p>{escape(words[3])}: {escape(money)}</p><p>{escape(words[4])}<br>{escape(party.contact)}<br>{escape(party.name)}</p>"
            )
            text = None
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=(party.contact, party.email),
            subject=f"Kanban call-off {blanket}" if lang == "en" else f"Kanban-Abruf {blanket}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
            html=html,
            when=EMAIL_DAY,
        )
        style = g.Style(amounts=priced and len(heads) > 6, totals=total is not None)
        expected = g.expected_for(po, style, needs_review=review, source="body")
        if not priced:
            for line in expected["order"]["lines"]:
                line["unit_price"] = None
        meta = {"format": "eml", "language": lang, "producer": "email", "family": "calloff-cards"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))
