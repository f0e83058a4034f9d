"""Orders that arrive as the mail itself, sent by a system or typed on a phone
(``tests/corpus/wide/eml/mail-*.eml``).

Called by ``generate.py`` after the other families. Each message is rendered from a ground
truth made here and its golden file is written from that truth. The families:

* ``mail-marketplace``: an online marketplace tells the seller "you have a new order": the order
  number, the buyer, the items (an HTML table, or text blocks of "Item / SKU / Quantity /
  Price" in the plain part only), shipping and tax before the order total, the shipping address;
  in English, German, French and Chinese;
* ``mail-portal``: a procurement portal's notification ("Purchase Order 4500012345 has been
  issued"): a block of label/value cells, then the lines in an HTML table (Line / Part /
  Description / Qty / UOM / Unit Price / Need-by date / Amount), buttons and a footer;
* ``mail-phone``: an order typed on a phone: short lines ("10 x ABC-123 @ 4.50"), a delivery
  day written as the buyer says it ("need by Friday 4th", "bis Fr. 27.11.", "12月4号前到货",
  "4日(金)までに"), "Sent from my iPhone"; where the day cannot be placed ("early December")
  the golden file asks for review and names no date;
* ``mail-ko-erp``: a Korean web ERP's HTML order (발주번호, 발주일자, 납기일, 품번, 품명, 수량,
  단가, 금액; supply value, VAT and total), in EUC-KR or UTF-8;
* ``mail-not-order``: what the same systems send that is not an order: a marketplace's shipping
  confirmation and its newsletter, a portal's invoice status and a shipping notice.
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

SEED = 20261203
EMAIL_DAY = datetime(2026, 11, 19, 9, 30, 0, tzinfo=timezone.utc)  # a Thursday

PARTS = [
    ("Cable gland PG9 IP68", "0.41"),
    ("LED driver 24 V 60 W", "7.90"),
    ("Relay 24 V DC 10 A", "1.85"),
    ("Axial fan 80x80x25 12 V", "1.95"),
    ("Solenoid valve 1/4 inch 24 V DC", "6.75"),
    ("Proximity sensor M12 PNP", "4.30"),
    ("Stainless hinge 60 mm", "1.10"),
    ("Terminal block 2.5 mm2 grey", "0.38"),
    ("Silicone gasket 120x80", "0.95"),
    ("Power supply 12 V 5 A", "9.40"),
]
PARTS_ZH = ["防水接头PG9", "LED驱动电源24V", "继电器24V 10A", "轴流风扇8025", "接近开关M12", "不锈钢合页60mm"]
PARTS_KO = [
    "케이블 글랜드 PG9",
    "LED 드라이버 24V",
    "릴레이 24V 10A",
    "축류 팬 80x80",
    "근접 센서 M12",
    "스테인리스 경첩",
]


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def _lines(rng: random.Random, n: int, currency: str, units: list[str], descs: list[str] | None = None) -> list[g.Line]:
    out = []
    for k, (desc, base) in enumerate(rng.sample(PARTS, n)):
        qty = Decimal(rng.choice([2, 5, 10, 20, 25, 50, 100, 250, 400, 1200]))
        rate = f.RATES.get(currency) or f.TRADE_RATES.get(currency, Decimal(1))
        price = Decimal(base) * rate * Decimal(rng.randrange(90, 130)) / 100
        whole = currency in ("JPY", "KRW")
        price = price.quantize(Decimal(1) if whole else Decimal("0.01"))
        price = max(price, Decimal(1) if whole else Decimal("0.01"))
        amount = (qty * price).quantize(Decimal(1) if whole else Decimal("0.01"))
        item = f"{desc.split()[0][:3].upper()}-{rng.randrange(100, 9999)}"
        if descs:
            desc = descs[k % len(descs)]
        out.append(g.Line(item, desc, qty, rng.choice(units), price, amount))
    return out


def _buyer(party: f.Party, currency: str) -> g.Buyer:
    return g.Buyer(party.name, party.address, party.person, party.email, lang=party.lang, currency=currency)


def _money(value: Decimal, style: str) -> str:
    return g.fmt_num(value, style)


def _send(b: Any, name: str, sender: tuple[str, str], subject: str, text: str | None, **kw: Any) -> None:
    for key, part in (("charset", text), ("html_charset", kw.get("html"))):
        try:
            (part or "").encode(kw.get(key) or "utf-8")
        except UnicodeEncodeError:
            kw[key] = "utf-8"
    f.message(
        b.path(f"{f.WIDE}/eml/{name}.eml"),
        sender=sender,
        subject=subject,
        msgid=f"{name}@{sender[1].split('@')[1]}",
        body=text,
        when=EMAIL_DAY,
        **kw,
    )


def _golden(b: Any, name: str, expected: dict[str, Any], lang: str, family: str, producer: str) -> None:
    expected = {**expected, "format": "eml", "language": lang, "producer": producer, "family": family}
    b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", expected))


def _po_golden(po: g.PO, *, amounts: bool = True, totals: bool = True, **kw: Any) -> dict[str, Any]:
    st = g.Style(amounts=amounts, totals=totals, line_dates=any(ln.date for ln in po.lines))
    return g.expected_for(po, st, source="body", **kw)


# --------------------------------------------------------------------------- marketplace

MARKET = {
    "en": dict(
        site="ShopHub Seller Central",
        sender=("ShopHub Seller Central", "seller-notification@shophub.example"),
        subject="Sold, ship now: order {po}",
        hello="Hello {seller},",
        intro="You have a new order. Please ship the item(s) below by {ship_by}.",
        intro_no_date="You have a new order. Please ship the item(s) below.",
        order="Order ID",
        date="Order date",
        buyer="Buyer",
        ship_to="Ship to",
        product="Product",
        sku="SKU",
        qty="Quantity",
        price="Price",
        subtotal="Subtotal",
        item_subtotal="Item subtotal",
        shipping="Shipping",
        tax="Tax",
        total="Order total",
        footer="This email was sent from a notification-only address. Please do not reply.",
        dates="long",
        num="en",
        currency="USD",
        symbol="$",
    ),
    "de": dict(
        site="Marktplatz Händlerportal",
        sender=("Marktplatz Händlerportal", "verkauf@marktplatz-haendler.example"),
        subject="Neue Bestellung {po} – bitte versenden",
        hello="Guten Tag {seller},",
        intro="Sie haben eine neue Bestellung erhalten. Bitte versenden Sie die Artikel bis {ship_by}.",
        intro_no_date="Sie haben eine neue Bestellung erhalten.",
        order="Bestellnummer",
        date="Bestelldatum",
        buyer="Käufer",
        ship_to="Lieferadresse",
        product="Artikel",
        sku="Artikelnummer",
        qty="Menge",
        price="Preis",
        subtotal="Summe",
        item_subtotal="Zwischensumme",
        shipping="Versand",
        tax="MwSt.",
        total="Gesamtbetrag",
        footer="Diese E-Mail wurde automatisch versandt. Bitte antworten Sie nicht auf diese Nachricht.",
        dates="de",
        num="de",
        currency="EUR",
        symbol="€",
    ),
    "fr": dict(
        site="Place de marché Pro",
        sender=("Place de marché Pro", "vendeurs@placedemarche-pro.example"),
        subject="Nouvelle commande n° {po}",
        hello="Bonjour {seller},",
        intro="Vous avez reçu une nouvelle commande. Merci d'expédier avant le {ship_by}.",
        intro_no_date="Vous avez reçu une nouvelle commande.",
        order="Numéro de commande",
        date="Date de commande",
        buyer="Acheteur",
        ship_to="Adresse de livraison",
        product="Produit",
        sku="Référence",
        qty="Quantité",
        price="Prix unitaire",
        subtotal="Sous-total",
        item_subtotal="Sous-total article",
        shipping="Frais de port",
        tax="TVA",
        total="Total de la commande",
        footer="Ceci est un message automatique, merci de ne pas y répondre.",
        dates="fr",
        num="de",
        currency="EUR",
        symbol="€",
    ),
    "zh-Hans": dict(
        site="商贸通卖家中心",
        sender=("商贸通卖家中心", "notice@shangmaotong.example"),
        subject="您有新订单：{po}",
        hello="尊敬的{seller}：",
        intro="您有一笔新订单，请于{ship_by}前发货。",
        intro_no_date="您有一笔新订单，请尽快发货。",
        order="订单号",
        date="下单时间",
        buyer="买家",
        ship_to="收货地址",
        product="商品名称",
        sku="商品编码",
        qty="数量",
        price="单价",
        subtotal="小计",
        item_subtotal="小计",
        shipping="运费",
        tax="税费",
        total="实付金额",
        footer="此邮件由系统自动发送，请勿直接回复。",
        dates="zh",
        num="en",
        currency="CNY",
        symbol="¥",
    ),
}


def _market_number(rng: random.Random, lang: str) -> str:
    if lang == "en":
        return f"{rng.randrange(100, 999)}-{rng.randrange(1000000, 9999999)}-{rng.randrange(1000000, 9999999)}"
    if lang == "zh-Hans":
        return f"{rng.randrange(10**17, 10**18)}"
    return f"{rng.randrange(10, 99)}-{rng.randrange(10000, 99999)}-{rng.randrange(10000, 99999)}"


def _market_po(name: str, party: f.Party, lang: str, n: int, ship_by: bool) -> tuple[g.PO, Decimal, Decimal]:
    rng = rng_for(name)
    m = MARKET[lang]
    currency = m["currency"]
    units = ["pcs"]
    lines = _lines(rng, n, currency, units, PARTS_ZH if lang == "zh-Hans" else None)
    for ln in lines:
        ln.unit = None  # a marketplace prints no unit
    po_date = EMAIL_DAY.date() - timedelta(days=rng.randrange(0, 2))
    delivery = po_date + timedelta(days=rng.randrange(3, 9)) if ship_by else None
    shipping = Decimal(rng.choice(["4.99", "9.90", "12.00", "0.00"]))
    tax = (sum((ln.amount for ln in lines), Decimal(0)) * Decimal("0.07")).quantize(Decimal("0.01"))
    total = sum((ln.amount for ln in lines), Decimal(0)) + shipping + tax
    buyer = _buyer(party, currency)
    po = g.PO(_market_number(rng, lang), buyer, po_date, delivery, currency, None, None, lines, total)
    return po, shipping, tax


def _market_text(po: g.PO, lang: str, shipping: Decimal, tax: Decimal, blocks: bool) -> str:
    m = MARKET[lang]
    d = lambda x: f.fmt_date(x, m["dates"])  # noqa: E731
    money = lambda v: f"{m['symbol']}{_money(v, m['num'])}"  # noqa: E731
    out = [m["hello"].format(seller="Example Manufacturing"), ""]
    out.append(m["intro"].format(ship_by=d(po.delivery)) if po.delivery else m["intro_no_date"])
    out += ["", f"{m['order']}: {po.number}", f"{m['date']}: {d(po.po_date)}", f"{m['buyer']}: {po.buyer.name}", ""]
    for ln in po.lines:
        if blocks:
            out += [
                f"{m['product']}: {ln.desc}",
                f"{m['sku']}: {ln.item}",
                f"{m['qty']}: {_money(ln.qty, m['num'])}",
                f"{m['price']}: {money(ln.price)}",
                f"{m['item_subtotal']}: {money(ln.amount)}",
                "",
            ]
        else:
            out.append(f"{ln.desc}\t{ln.item}\t{_money(ln.qty, m['num'])}\t{money(ln.price)}\t{money(ln.amount)}")
    if not blocks:
        header = "\t".join([m["product"], m["sku"], m["qty"], m["price"], m["subtotal"]])
        out.insert(out.index(f"{m['buyer']}: {po.buyer.name}") + 2, header)
        out.append("")
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    out += [f"{m['subtotal']}: {money(sub)}", f"{m['shipping']}: {money(shipping)}", f"{m['tax']}: {money(tax)}"]
    out += [f"{m['total']}: {money(po.total)}", ""]
    out += [f"{m['ship_to']}:", po.buyer.contact, po.buyer.name, *po.buyer.address, ""]
    out += [m["footer"], f"© 2026 {m['site']}"]
    return "\n".join(out) + "\n"


def _market_html(po: g.PO, lang: str, shipping: Decimal, tax: Decimal) -> str:
    m = MARKET[lang]
    d = lambda x: f.fmt_date(x, m["dates"])  # noqa: E731
    money = lambda v: f"{m['symbol']}{_money(v, m['num'])}"  # noqa: E731
    e = escape
    intro = m["intro"].format(ship_by=d(po.delivery)) if po.delivery else m["intro_no_date"]
    facts = "".join(
        f'<tr><td style="color:#555">{e(k)}</td><td><b>{e(v)}</b></td></tr>'
        for k, v in ((m["order"], po.number), (m["date"], d(po.po_date)), (m["buyer"], po.buyer.name))
    )
    head = "".join(f"<th>{e(h)}</th>" for h in (m["product"], m["sku"], m["qty"], m["price"], m["subtotal"]))
    rows = "".join(
        f"<tr><td>{e(ln.desc)}</td><td>{e(ln.item)}</td><td align=center>{_money(ln.qty, m['num'])}</td>"
        f"<td align=right>{e(money(ln.price))}</td><td align=right>{e(money(ln.amount))}</td></tr>"
        for ln in po.lines
    )
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    sums = "".join(
        f"<tr><td colspan=4 align=right>{e(k)}</td><td align=right>{e(money(v))}</td></tr>"
        for k, v in ((m["subtotal"], sub), (m["shipping"], shipping), (m["tax"], tax), (m["total"], po.total))
    )
    address = "<br>".join(e(x) for x in (po.buyer.contact, po.buyer.name, *po.buyer.address))
    return (
        '<html><head><meta charset="utf-8"><style>td{font-family:Arial}</style></head><body>'
        '<table width="100%" cellpadding=0 cellspacing=0><tr><td align=center>'
        f'<table width=600 cellpadding=8><tr><td style="background:#232f3e;color:#fff"><b>{e(m["site"])}</b></td></tr>'
        f"<tr><td><p>{e(m['hello'].format(seller='Example Manufacturing'))}</p><p>{e(intro)}</p>"
        f"<table cellpadding=4>{facts}</table>"
        f'<table cellpadding=6 style="border-collapse:collapse" border=1><tr>{head}</tr>{rows}{sums}</table>'
        f"<p><b>{e(m['ship_to'])}</b><br>{address}</p>"
        f'<p style="font-size:11px;color:#888">{e(m["footer"])}<br>&copy; 2026 {e(m["site"])}</p>'
        "</td></tr></table></td></tr></table></body></html>"
    )


def _market_divs(po: g.PO, lang: str, shipping: Decimal, tax: Decimal) -> str:
    """Each item as a block of its own lines in the HTML (title, then "SKU: …", "Quantity: …",
    "Price: …"), no table: how marketplaces write for phones."""
    m = MARKET[lang]
    d = lambda x: f.fmt_date(x, m["dates"])  # noqa: E731
    money = lambda v: f"{m['symbol']}{_money(v, m['num'])}"  # noqa: E731
    e = escape
    intro = m["intro"].format(ship_by=d(po.delivery)) if po.delivery else m["intro_no_date"]
    items = "".join(
        f'<div style="border-bottom:1px solid #eee"><p><b>{e(ln.desc)}</b></p>'
        f"<p>{e(m['sku'])}: {e(ln.item)}<br>{e(m['qty'])}: {_money(ln.qty, m['num'])}<br>"
        f"{e(m['price'])}: {e(money(ln.price))}<br>{e(m['item_subtotal'])}: {e(money(ln.amount))}</p></div>"
        for ln in po.lines
    )
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    sums = "".join(
        f"<div>{e(k)}: {e(money(v))}</div>"
        for k, v in ((m["subtotal"], sub), (m["shipping"], shipping), (m["tax"], tax), (m["total"], po.total))
    )
    address = "<br>".join(e(x) for x in (po.buyer.contact, po.buyer.name, *po.buyer.address))
    return (
        f'<html><body><div style="max-width:600px"><h3>{e(m["site"])}</h3>'
        f"<p>{e(m['hello'].format(seller='Example Manufacturing'))}</p><p>{e(intro)}</p>"
        f'<p>{e(m["order"])}: <a href="https://market.example/o/{po.number}">{e(po.number)}</a><br>'
        f"{e(m['date'])}: {e(d(po.po_date))}<br>{e(m['buyer'])}: {e(po.buyer.name)}</p>"
        f"{items}{sums}<p><b>{e(m['ship_to'])}</b><br>{address}</p><p>{e(m['footer'])}</p></div></body></html>"
    )


def _market_shop(po: g.PO, lang: str, shipping: Decimal, tax: Decimal) -> str:
    """A web shop's order mail: "Order #1042 placed by …", each item a row of nested cells
    (a picture, the title with its SKU under it, "× 2", the line's total; no unit price)."""
    m = MARKET[lang]
    money = lambda v: f"{m['symbol']}{_money(v, m['num'])}"  # noqa: E731
    e = escape
    items = "".join(
        '<tr><td width=60><img src="https://cdn.shop.example/p.jpg" width=50></td>'
        f'<td><span style="font-weight:600">{e(ln.desc)}</span><br><span style="color:#999">{e(m["sku"])}: '
        f"{e(ln.item)}</span></td><td>× {_money(ln.qty, m['num'])}</td><td align=right>{e(money(ln.amount))}</td></tr>"
        for ln in po.lines
    )
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    sums = "".join(
        f"<tr><td>{e(k)}</td><td align=right>{e(money(v))}</td></tr>"
        for k, v in ((m["subtotal"], sub), (m["shipping"], shipping), (m["tax"], tax))
    )
    sums += f"<tr><td><b>{e(m['total'])}</b></td><td align=right><b>{e(money(po.total))} {po.currency}</b></td></tr>"
    address = "<br>".join(e(x) for x in (po.buyer.contact, po.buyer.name, *po.buyer.address))
    d = f.fmt_date(po.po_date, m["dates"])
    intro = m["intro"].format(ship_by=f.fmt_date(po.delivery, m["dates"])) if po.delivery else m["intro_no_date"]
    return (
        '<html><body><table width="100%"><tr><td><table width=560 align=center><tr><td>'
        f"<h2>{e(m['order'])} #{e(po.number)}</h2><p>{e(m['date'])}: {e(d)}</p><p>{e(intro)}</p>"
        f'<table width="100%">{items}</table><table width="100%">{sums}</table>'
        f"<h3>{e(m['buyer'])}</h3><p>{address}</p><p>{e(m['footer'])}</p>"
        "</td></tr></table></td></tr></table></body></html>"
    )


def _market_cells(po: g.PO, lang: str, shipping: Decimal, tax: Decimal) -> str:
    """An auction site's sale mail: each item a nested table, a picture beside one cell holding
    the title and "Quantity: 2", "Item price: $8.20", "SKU: …" on lines of their own."""
    m = MARKET[lang]
    money = lambda v: f"{m['symbol']}{_money(v, m['num'])}"  # noqa: E731
    e = escape
    items = "".join(
        '<tr><td><table><tr><td><img src="https://img.market.example/i.jpg"></td><td>'
        f"<b>{e(ln.desc)}</b><br>{e(m['qty'])}: {_money(ln.qty, m['num'])}<br>{e(m['price'])}: {e(money(ln.price))}"
        f"<br>{e(m['sku'])}: {e(ln.item)}</td></tr></table></td></tr>"
        for ln in po.lines
    )
    d = f.fmt_date(po.po_date, m["dates"])
    intro = m["intro"].format(ship_by=f.fmt_date(po.delivery, m["dates"])) if po.delivery else m["intro_no_date"]
    facts = f"{e(m['order'])}: {e(po.number)}<br>{e(m['date'])}: {e(d)}<br>{e(m['buyer'])}: {e(po.buyer.name)}"
    facts = f"{e(intro)}</p><p>{facts}"
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    sums = "<br>".join(
        f"{e(k)}: {e(money(v))}"
        for k, v in ((m["subtotal"], sub), (m["shipping"], shipping), (m["tax"], tax), (m["total"], po.total))
    )
    return (
        f'<html><body><table width="100%"><tr><td><p>{facts}</p></td></tr>{items}'
        f"<tr><td><p>{sums}</p><p>{e(m['footer'])}</p>"
        '<p><a href="https://market.example/prefs">Unsubscribe</a> from sale notifications.</p></td></tr></table>'
        "</body></html>"
    )


def build_marketplace(b: Any) -> None:
    parties = {p.lang: [q for q in f.BUYERS if q.lang == p.lang] for p in f.BUYERS}
    plan = [
        ("en", "html", True),
        ("en", "blocks", False),
        ("en", "html", False),
        ("de", "html", True),
        ("de", "blocks", True),
        ("fr", "html", False),
        ("zh-Hans", "html", True),
        ("zh-Hans", "blocks", False),
        ("en", "divs", True),
        ("de", "divs", False),
        ("en", "shop", True),
        ("fr", "shop", False),
        ("en", "cells", True),
        ("zh-Hans", "cells", False),
    ]
    for i, (lang, form, ship_by) in enumerate(plan):
        name = f"mail-marketplace-{form}-{lang.lower()}-{i}"
        party = parties[lang][i % len(parties[lang])]
        po, shipping, tax = _market_po(name, party, lang, 1 + i % 3, ship_by)
        m = MARKET[lang]
        text = _market_text(po, lang, shipping, tax, blocks=form == "blocks")
        html = _market_html(po, lang, shipping, tax) if form == "html" else None
        if form == "divs":
            html = _market_divs(po, lang, shipping, tax)
        if form in ("shop", "cells"):  # HTML only, as most shops send it
            html = (_market_shop if form == "shop" else _market_cells)(po, lang, shipping, tax)
            text = None
        _send(b, name, m["sender"], m["subject"].format(po=po.number), text, html=html)
        _golden(b, name, _po_golden(po), lang, "mail-marketplace", "marketplace")


# --------------------------------------------------------------------------- procurement portal

PORTAL = {
    "coupa": dict(
        sender="{buyer} via Coupa",
        address="do_not_reply@{slug}.coupahost.example",
        subject="Purchase Order #{po} from {buyer}",
        intro="{buyer} has sent you a new Purchase Order. Please review and acknowledge it.",
        facts=("PO Number", "Order Date", "Supplier", "Requester", "Payment Terms", "Currency"),
        cols=("Line", "Part Number", "Description", "Qty", "UOM", "Unit Price", "Need By", "Total"),
        total="Total",
        button="Acknowledge PO",
        footer="Powered by Coupa. Do not reply to this email.",
        dates="us",
    ),
    "ariba": dict(
        sender="{buyer} - Ariba Network",
        address="ordersender-prod@ansmtp.ariba.example",
        subject="{buyer} sent a new Purchase Order {po}",
        intro="Purchase Order {po} has been issued by {buyer}. The order is summarized below.",
        facts=("Purchase Order", "Order Date", "Supplier", "Contact", "Payment Terms", "Currency"),
        cols=("Line #", "Supplier Part", "Description", "Quantity", "Unit", "Unit Price", "Need-by Date", "Subtotal"),
        total="Order Total",
        button="Process order",
        footer="Ariba Network. You are receiving this email because your customer transacts with you online.",
        dates="dmy_mon",
    ),
    "jaggaer": dict(
        sender="{buyer} eProcurement",
        address="notifications@{slug}.jaggaer.example",
        subject="PO {po} has been issued",
        intro="Purchase Order {po} has been issued to your organization by {buyer}.",
        facts=("PO No.", "PO Date", "Vendor", "Buyer Contact", "Terms", "Currency"),
        cols=("Ln", "Catalog No.", "Product Description", "Qty", "UOM", "Unit Price", "Required Date", "Ext. Price"),
        total="PO Total",
        button="View PO",
        footer="This is an automated message from the eProcurement system.",
        dates="iso",
    ),
    "sap-de": dict(
        sender="{buyer} Einkauf",
        address="einkauf-noreply@{slug}.example",
        subject="Bestellung {po} wurde erstellt",
        intro="Die Bestellung {po} wurde von {buyer} freigegeben und an Sie übermittelt.",
        facts=("Bestellnummer", "Bestelldatum", "Lieferant", "Ansprechpartner", "Zahlungsbedingungen", "Währung"),
        cols=("Pos.", "Materialnummer", "Bezeichnung", "Menge", "ME", "Preis", "Liefertermin", "Nettowert"),
        total="Gesamtnettowert",
        button="Bestellung bestätigen",
        footer="Diese Nachricht wurde automatisch erzeugt.",
        dates="de",
        num="de",
    ),
}


def _portal_po(name: str, party: f.Party, n: int, header_date: bool) -> g.PO:
    rng = rng_for(name)
    currency = party.currency or f.LANG[party.lang]["currency_code"]
    units = ["EA", "PC", "BOX", "SET"] if party.lang == "en" else ["ST", "Stk", "PAK"]
    lines = _lines(rng, n, currency, units)
    po_date = EMAIL_DAY.date() - timedelta(days=rng.randrange(0, 3))
    first = po_date + timedelta(days=rng.randrange(14, 40))
    if not header_date:
        for k, ln in enumerate(lines):
            ln.date = first + timedelta(days=7 * (k % 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f"45000{rng.randrange(10000, 99999)}"
    payment = f.LANG[party.lang]["payment_text"]
    return g.PO(
        number, _buyer(party, currency), po_date, first if header_date else None, currency, None, payment, lines, total
    )


def _portal_html(po: g.PO, style: str) -> str:
    p = PORTAL[style]
    num = p.get("num", "en")
    d = lambda x: f.fmt_date(x, p["dates"])  # noqa: E731
    e = escape
    buyer = po.buyer.name
    values = (po.number, d(po.po_date), f.OUR, po.buyer.contact, po.payment, po.currency)
    facts = "".join(
        f'<tr><td style="font-weight:bold;width:160px">{e(k)}</td><td>{e(v)}</td></tr>'
        for k, v in zip(p["facts"], values)
    )
    if po.delivery:
        label = {"sap-de": "Liefertermin"}.get(style, "Need By")
        facts += f'<tr><td style="font-weight:bold">{e(label)}</td><td>{e(d(po.delivery))}</td></tr>'
    ship = "<br>".join(e(x) for x in (po.buyer.name, *po.buyer.address))
    facts += f'<tr><td style="font-weight:bold;vertical-align:top">Ship To</td><td>{ship}</td></tr>'
    cols = [c for c in p["cols"] if c not in (p["cols"][6],) or not po.delivery]
    head = "".join(f'<th style="background:#eee">{e(c)}</th>' for c in cols)
    rows = ""
    for k, ln in enumerate(po.lines, 1):
        cells = [str(k), ln.item, ln.desc, g.fmt_num(ln.qty, num), ln.unit, g.fmt_num(ln.price, num)]
        if not po.delivery:
            cells.append(d(ln.date))
        cells.append(g.fmt_num(ln.amount, num))
        rows += "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>"
    total = f'<p style="text-align:right"><b>{e(p["total"])}: {g.fmt_num(po.total, num)} {po.currency}</b></p>'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Helvetica">'
        '<table width="100%"><tr><td>'
        f"<h2>{e(p['subject'].format(po=po.number, buyer=buyer))}</h2>"
        f"<p>{e(p['intro'].format(po=po.number, buyer=buyer))}</p>"
        f'<table cellpadding=3 style="border:1px solid #ccc">{facts}</table><br>'
        f'<table cellpadding=4 border=1 style="border-collapse:collapse"><tr>{head}</tr>{rows}</table>'
        f"{total}"
        f'<p><a href="https://portal.example/po/{po.number}" style="background:#0070d2;color:#fff;padding:8px">'
        f"{e(p['button'])}</a></p>"
        f'<p style="font-size:10px;color:#999">{e(p["footer"])}</p>'
        "</td></tr></table></body></html>"
    )


def _portal_blocks_html(po: g.PO, style: str) -> str:
    """Each line as a block of its own (a nested table of label/value cells), as portals lay out
    their mails for phones: "Line 1", then Part Number, Description, Quantity, Price, Need By."""
    p = PORTAL[style]
    num = p.get("num", "en")
    d = lambda x: f.fmt_date(x, p["dates"])  # noqa: E731
    e = escape
    cols = p["cols"]
    blocks = ""
    for k, ln in enumerate(po.lines, 1):
        pairs = [
            (cols[1], ln.item),
            (cols[2], ln.desc),
            (cols[3], f"{g.fmt_num(ln.qty, num)} {ln.unit}"),
            (cols[5], f"{g.fmt_num(ln.price, num)} {po.currency}"),
        ]
        if ln.date:
            pairs.append((cols[6], d(ln.date)))
        pairs.append((cols[7], f"{g.fmt_num(ln.amount, num)} {po.currency}"))
        cells = "".join(f'<tr><td style="color:#666">{e(a)}</td><td>{e(v)}</td></tr>' for a, v in pairs)
        blocks += (
            f'<tr><td><table width="100%" style="border-top:1px solid #ddd"><tr><td colspan=2><b>{e(cols[0])} {k}</b>'
            f"</td></tr>{cells}</table></td></tr>"
        )
    facts = "".join(
        f"<tr><td>{e(a)}</td><td><b>{e(v)}</b></td></tr>"
        for a, v in zip(p["facts"], (po.number, d(po.po_date), f.OUR, po.buyer.contact, po.payment, po.currency))
    )
    return (
        '<html><body><table width="100%"><tr><td><table width=600 align=center><tr><td>'
        f"<p>{e(p['intro'].format(po=po.number, buyer=po.buyer.name))}</p>"
        f"<table>{facts}</table></td></tr>{blocks}"
        f"<tr><td align=right><b>{e(p['total'])}: {g.fmt_num(po.total, num)} {po.currency}</b></td></tr>"
        f'<tr><td><a href="https://portal.example/po/{po.number}">{e(p["button"])}</a>'
        f'<p style="font-size:10px">{e(p["footer"])}</p></td></tr></table></td></tr></table></body></html>'
    )


def _portal_joined_html(po: g.PO, style: str) -> str:
    """A portal's lines table with the unit in the quantity cell ("10 EA"), the currency in
    the price cells ("1.85 USD") and the need-by date written out ("Dec 4, 2026")."""
    p = PORTAL[style]
    e = escape
    cols = p["cols"]
    head = "".join(f"<th>{e(c)}</th>" for c in (cols[0], cols[1], cols[2], cols[3], cols[5], cols[6], cols[7]))
    rows = "".join(
        f"<tr><td>{k}</td><td>{e(ln.item)}</td><td>{e(ln.desc)}</td><td>{g.fmt_num(ln.qty, 'en')} {ln.unit}</td>"
        f"<td>{g.fmt_num(ln.price, 'en')} {po.currency}</td><td>{f.fmt_date(ln.date, 'long')}</td>"
        f"<td>{g.fmt_num(ln.amount, 'en')} {po.currency}</td></tr>"
        for k, ln in enumerate(po.lines, 1)
    )
    facts = "".join(
        f"<p><b>{e(a)}:</b> {e(v)}</p>"
        for a, v in zip(
            p["facts"], (po.number, f.fmt_date(po.po_date, "long"), f.OUR, po.buyer.contact, po.payment, po.currency)
        )
    )
    ship = "<br>".join(e(x) for x in (po.buyer.name, *po.buyer.address, "Tel. +1 555 0142"))
    return (
        f"<html><body><div><h3>{e(p['intro'].format(po=po.number, buyer=po.buyer.name))}</h3>{facts}"
        f"<p><b>Ship To:</b><br>{ship}</p><table border=1>{head and '<tr>' + head + '</tr>'}{rows}</table>"
        f"<p><b>{e(p['total'])}:</b> {g.fmt_num(po.total, 'en')} {po.currency}</p>"
        f'<p><a href="https://portal.example/po/{po.number}">{e(p["button"])}</a></p></div></body></html>'
    )


def _portal_text_blocks(po: g.PO, style: str) -> str:
    """The plain-text notification with each line as a block of "Label: value" lines, its own
    need-by date among them (the lines' dates differ: the order's is the earliest)."""
    p = PORTAL[style]
    num = p.get("num", "en")
    d = lambda x: f.fmt_date(x, p["dates"])  # noqa: E731
    cols = p["cols"]
    out = [p["intro"].format(po=po.number, buyer=po.buyer.name), ""]
    facts = (po.number, d(po.po_date), f.OUR, po.buyer.contact, po.payment, po.currency)
    out += [f"{a}: {v}" for a, v in zip(p["facts"], facts)] + [""]
    for k, ln in enumerate(po.lines, 1):
        out += [
            f"{cols[0]} {k}",
            f"{cols[1]}: {ln.item}",
            f"{cols[2]}: {ln.desc}",
            f"{cols[3]}: {g.fmt_num(ln.qty, num)} {ln.unit}",
            f"{cols[5]}: {g.fmt_num(ln.price, num)} {po.currency}",
            f"{cols[6]}: {d(ln.date)}",
            f"{cols[7]}: {g.fmt_num(ln.amount, num)} {po.currency}",
            "",
        ]
    out += [f"{p['total']}: {g.fmt_num(po.total, num)} {po.currency}", p["footer"]]
    return "\n".join(out) + "\n"


def _portal_text(po: g.PO, style: str) -> str:
    """The plain-text notification: facts as "Label: value", the lines in aligned columns."""
    p = PORTAL[style]
    num = p.get("num", "en")
    d = lambda x: f.fmt_date(x, p["dates"])  # noqa: E731
    out = [p["intro"].format(po=po.number, buyer=po.buyer.name), ""]
    out += [
        f"{a}: {v}"
        for a, v in zip(p["facts"], (po.number, d(po.po_date), f.OUR, po.buyer.contact, po.payment, po.currency))
    ]
    out += ["Ship To:", po.buyer.name, *po.buyer.address, ""]
    rows = [list(p["cols"])]
    for k, ln in enumerate(po.lines, 1):
        rows.append(
            [
                str(k),
                ln.item,
                ln.desc,
                g.fmt_num(ln.qty, num),
                ln.unit,
                g.fmt_num(ln.price, num),
                d(ln.date),
                g.fmt_num(ln.amount, num),
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        out.append(
            "  ".join(
                c.rjust(w) if i in (0, 3, 5, 7) else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))
            ).rstrip()
        )
    out += [
        "",
        f"{p['total']}: {g.fmt_num(po.total, num)} {po.currency}",
        "",
        f"{p['button']}: https://portal.example/po/{po.number}",
        p["footer"],
    ]
    return "\n".join(out) + "\n"


def build_portal(b: Any) -> None:
    en = [p for p in f.BUYERS if p.lang == "en"]
    de = [p for p in f.BUYERS if p.lang == "de"]
    plan = [
        ("coupa", en[0], True),
        ("coupa", en[1 % len(en)], False),
        ("ariba", en[2 % len(en)], False),
        ("ariba", en[0], True),
        ("jaggaer", en[1 % len(en)], False),
        ("sap-de", de[0], False),
        ("sap-de", de[1 % len(de)], True),
    ]
    for i, (style, party, header_date) in enumerate(plan):
        name = f"mail-portal-{style}-{i}"
        po = _portal_po(name, party, 2 + i % 3, header_date)
        p = PORTAL[style]
        slug = party.email.split("@")[1].split(".")[0]
        sender = (p["sender"].format(buyer=party.name), p["address"].format(slug=slug))
        html = _portal_html(po, style)
        _send(b, name, sender, p["subject"].format(po=po.number, buyer=party.name), None, html=html)
        _golden(b, name, _po_golden(po), party.lang, "mail-portal", "portal")
    for i, (style, party, form) in enumerate(
        [
            ("coupa", en[2 % len(en)], "blocks"),
            ("ariba", en[1 % len(en)], "text"),
            ("jaggaer", en[0], "blocks"),
            ("sap-de", de[0], "text"),
            ("coupa", en[0], "text"),
            ("coupa", en[1 % len(en)], "joined"),
            ("ariba", en[2 % len(en)], "joined"),
            ("coupa", en[0], "textblocks"),
            ("sap-de", de[1 % len(de)], "textblocks"),
        ]
    ):
        name = f"mail-portal-{style}-{form}-{i}"
        po = _portal_po(name, party, 1 + i % 3, False)
        p = PORTAL[style]
        slug = party.email.split("@")[1].split(".")[0]
        sender = (p["sender"].format(buyer=party.name), p["address"].format(slug=slug))
        subject = p["subject"].format(po=po.number, buyer=party.name)
        if form == "blocks":
            _send(b, name, sender, subject, _portal_text(po, style), html=_portal_blocks_html(po, style))
        elif form == "textblocks":
            _send(b, name, sender, subject, _portal_text_blocks(po, style))
        elif form == "joined":
            _send(b, name, sender, subject, None, html=_portal_joined_html(po, style))
        else:
            _send(b, name, sender, subject, _portal_text(po, style))
        _golden(b, name, _po_golden(po), party.lang, "mail-portal", "portal")


# --------------------------------------------------------------------------- typed on a phone

# (how the day is written, the day it means) relative to EMAIL_DAY (Thursday 19 November 2026)
PHONE_DAYS = {
    "en": [
        ("need by Friday 4th", date(2026, 12, 4)),
        ("need them by the 15th pls", date(2026, 12, 15)),
        ("deliver by Tue Dec 1", date(2026, 12, 1)),
        ("need these early December, asap", None),
    ],
    "de": [
        ("Liefertermin Fr. 27.11.", date(2026, 11, 27)),
        ("bitte bis Freitag, den 4. liefern", date(2026, 12, 4)),
        ("Lieferung Anfang Dezember", None),
    ],
    "zh-Hans": [("12月4号前到货", date(2026, 12, 4)), ("下周五前到货", date(2026, 11, 27)), ("月底左右交货", None)],
    "ja": [
        ("12/4(金)までに納品お願いします", date(2026, 12, 4)),
        ("4日(金)必着でお願いします", date(2026, 12, 4)),
        ("年内に納品お願いします", None),
    ],
}
PHONE = {
    "en": dict(
        hello=["Hi Tom,", "Hi,", "Tom -"],
        ask=["pls send", "can you ship", "order below"],
        po="PO {po}",
        bye=["Thx", "Thanks", "cheers"],
        sig="Sent from my iPhone",
        currency="USD",
    ),
    "de": dict(
        hello=["Hallo Herr Weber,", "Hi,"],
        ask=["bitte liefern:", "wir brauchen:"],
        po="Bestellung {po}",
        bye=["Danke + Gruß", "VG"],
        sig="Von meinem iPhone gesendet",
        currency="EUR",
    ),
    "zh-Hans": dict(
        hello=["王经理好，", "你好"],
        ask=["下单：", "请发货："],
        po="订单号{po}",
        bye=["谢谢", "辛苦"],
        sig="发自我的iPhone",
        currency="CNY",
    ),
    "ja": dict(
        hello=["お世話になっております。", "佐藤さん"],
        ask=["下記お願いします。", "注文です。"],
        po="注文番号{po}",
        bye=["よろしくお願いします", "宜しくです"],
        sig="iPhoneから送信",
        currency="JPY",
    ),
}


# per language: (how a line is typed, the unit it names)
PHONE_LINES = {
    "en": [
        ("{qty} x {item} @ {price}", None),
        ("{item} x{qty} @{price}", None),
        ("{qty}pcs {item} ${price} ea", "pcs"),
    ],
    "de": [("{qty} x {item} à {price} €", None), ("{qty} Stk {item} je {price}", "Stk")],
    "zh-Hans": [("{item} {qty}个 单价{price}元", "个"), ("{item} x {qty} @ {price}", None)],
    "ja": [("{item} {qty}個 @{price}円", "個"), ("{item}を{qty}個 単価{price}円", "個")],
}


def build_phone(b: Any) -> None:
    parties = {lang: [p for p in f.BUYERS if p.lang == lang] for lang in PHONE}
    k = 0
    for lang, days in PHONE_DAYS.items():
        for j, (said, day) in enumerate(days):
            k += 1
            name = f"mail-phone-{lang.lower()}-{j}"
            rng = rng_for(name)
            party = parties[lang][j % len(parties[lang])]
            ph = PHONE[lang]
            currency = ph["currency"]
            lines = _lines(rng, 1 + (j + k) % 3, currency, ["pcs"])
            typed, unit = rng.choice(PHONE_LINES[lang])
            for ln in lines:
                ln.desc = None
                ln.unit = unit
            with_po = j % 2 == 0
            number = f._po_number(rng, lang) if with_po else None
            buyer = _buyer(party, currency)
            shown_currency = currency if any(mark in typed for mark in "$€円元") else None
            po = g.PO(number, buyer, EMAIL_DAY.date(), day, shown_currency, None, None, lines, None)
            out = [rng.choice(ph["hello"]), rng.choice(ph["ask"])]
            if with_po:
                out.append(ph["po"].format(po=number))
            decimals = "de" if lang == "de" else "en"
            out += [typed.format(qty=ln.qty, item=ln.item, price=g.fmt_num(ln.price, decimals)) for ln in lines]
            signed = j < 2  # the company after the name; otherwise only the sender's domain says it
            out += [said, rng.choice(ph["bye"]), party.person.split()[0], *([party.name] if signed else [])]
            out += ["", ph["sig"]]
            subject = {"en": "order", "de": "Bestellung", "zh-Hans": "订单", "ja": "注文"}[lang]
            if with_po:
                subject += f" {number}"
            charset = {"ja": "iso-2022-jp", "zh-Hans": "gbk"}.get(lang, "utf-8")
            _send(b, name, (party.person, party.email), subject, "\n".join(out) + "\n", charset=charset)
            unsure = day is None or not with_po or not signed
            expected = _po_golden(po, amounts=False, totals=False, needs_review=unsure)
            if not signed:
                expected["order"]["customer"] = None  # nobody may guess it from the domain
            _golden(b, name, expected, lang, "mail-phone", "phone")


# --------------------------------------------------------------------------- Korean web ERP

KO_DATES = ["iso", "dot", "ko"]


def _ko_date(d: date, style: str) -> str:
    return {
        "iso": d.isoformat(),
        "dot": f"{d.year}.{d.month:02d}.{d.day:02d}",
        "ko": f"{d.year}년 {d.month}월 {d.day}일",
    }[style]


def build_korean(b: Any) -> None:
    party = next(p for p in f.TRADE_BUYERS if p.lang == "ko")
    others = [
        f.Party(
            "(주)한빛전자", ["서울특별시 금천구 가산디지털1로 145"], "이서연", "purchase@hanbit-elec.example", "ko"
        ),
        f.Party("세진산업 주식회사", ["부산광역시 강서구 녹산산업중로 77"], "박지훈", "order@sejin-ind.example", "ko"),
    ]
    for i, (who, style, charset, spec) in enumerate(
        [(party, "iso", "euc-kr", False), (others[0], "dot", "utf-8", True), (others[1], "ko", "euc-kr", False)]
    ):
        name = f"mail-ko-erp-{i}"
        rng = rng_for(name)
        lines = _lines(rng, 2 + i, "KRW", ["EA", "개", "SET"], PARTS_KO)
        po_date = EMAIL_DAY.date() - timedelta(days=1)
        delivery = po_date + timedelta(days=rng.randrange(14, 30))
        supply = sum((ln.amount for ln in lines), Decimal(0))
        vat = (supply / 10).quantize(Decimal(1))
        number = f"PO{po_date:%Y%m%d}-{rng.randrange(1, 99):03d}"
        po = g.PO(
            number, _buyer(who, "KRW"), po_date, delivery, "KRW", None, "월말 마감 익월 말 현금", lines, supply + vat
        )
        e = escape
        d = lambda x, style=style: _ko_date(x, style)  # noqa: E731
        n = lambda v: g.fmt_num(v, "en")  # noqa: E731
        facts = [
            ("발주번호", po.number, "발주일자", d(po.po_date)),
            ("발주처", who.name, "공급자", "Example Manufacturing Co., Ltd."),
            ("담당자", who.person, "납기일", d(delivery)),
            ("결제조건", po.payment, "통화", "KRW"),
        ]
        fact_rows = "".join(
            f'<tr><th bgcolor="#dde">{e(a)}</th><td>{e(b_)}</td><th bgcolor="#dde">{e(c)}</th><td>{e(d_)}</td></tr>'
            for a, b_, c, d_ in facts
        )
        cols = ["번호", "품번", "품명", *(["규격"] if spec else []), "단위", "수량", "단가", "금액", "비고"]
        head = "".join(f'<th bgcolor="#dde">{c}</th>' for c in cols)
        rows = ""
        for k, ln in enumerate(lines, 1):
            cells = [
                str(k),
                ln.item,
                ln.desc,
                *(["-"] if spec else []),
                ln.unit,
                n(ln.qty),
                n(ln.price),
                n(ln.amount),
                "",
            ]
            rows += "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>"
        span = len(cols) - 2
        sums = "".join(
            f"<tr><td colspan={span} align=center>{e(k)}</td><td align=right>{n(v)}</td><td></td></tr>"
            for k, v in (("공급가액", supply), ("부가세", vat), ("합계금액", po.total))
        )
        html = (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head><body>'
            f"<p>{e(who.name)}에서 발주서를 보내드립니다.</p>"
            "<table width=700 border=1 cellspacing=0><tr><td align=center><h1>발 주 서</h1></td></tr></table>"
            f"<table width=700 border=1 cellspacing=0>{fact_rows}</table><br>"
            f"<table width=700 border=1 cellspacing=0><tr>{head}</tr>{rows}{sums}</table>"
            "<p>본 메일은 발신 전용입니다. 문의사항은 담당자에게 연락 바랍니다.</p></body></html>"
        )
        _send(
            b, name, (f"{who.name} 구매팀", who.email), f"[발주서] {po.number}", None, html=html, html_charset=charset
        )
        _golden(b, name, _po_golden(po), "ko", "mail-ko-erp", "web-erp")


KO_WEEKDAYS = "월화수목금토일"


def build_korean_band(b: Any) -> None:
    """A Korean ERP's other layout: labels in a band over their values, line columns with the
    supply value and the VAT of each line (공급가액 / 세액), money with 원, dates with their weekday."""
    buyers = [
        f.Party("(주)동양기계", ["인천광역시 남동구 남동대로 215"], "최유진", "buy@dongyang-mc.example", "ko"),
        f.Party("주식회사 미래테크", ["대전광역시 유성구 테크노2로 40"], "정하늘", "po@mirae-tech.example", "ko"),
        f.Party("(주)서해정공", ["충청남도 아산시 둔포면 아산밸리로 88"], "한지민", "scm@seohae-jg.example", "ko"),
    ]
    # the words another ERP uses for the same band and columns
    words = [
        ("발주번호", "발주일자", "발주처", "납기일", "품목코드", "품명", "공급가액"),
        ("발주번호", "발주일자", "발주처", "납기일", "품목코드", "품명", "공급가액"),
        ("발주 NO", "작성일자", "발주업체", "납품일자", "제품코드", "품목명", "공급가"),
    ]
    for i, who in enumerate(buyers):
        name = f"mail-ko-erp-band-{i}"
        rng = rng_for(name)
        lines = _lines(rng, 2 + i, "KRW", ["EA", "개"], PARTS_KO[::-1])
        po_date = EMAIL_DAY.date() - timedelta(days=2)
        delivery = po_date + timedelta(days=rng.randrange(10, 25))
        supply = sum((ln.amount for ln in lines), Decimal(0))
        vats = [(ln.amount / 10).quantize(Decimal(1)) for ln in lines]
        number = f"{po_date:%y%m%d}{rng.randrange(1000, 9999)}"
        po = g.PO(number, _buyer(who, "KRW"), po_date, delivery, "KRW", None, None, lines, supply + sum(vats))
        e = escape
        d = lambda x: f"{x.isoformat()}({KO_WEEKDAYS[x.weekday()]})"  # noqa: E731
        won = lambda v, i=i: f"{g.fmt_num(v, 'en')}원" if i == 0 else f"₩{g.fmt_num(v, 'en')}"  # noqa: E731
        w = words[i]
        band = [
            (w[0], po.number),
            (w[1], d(po_date)),
            (w[2], who.name),
            (w[3], d(delivery)),
            ("담당자", f"{who.person} ({who.email})"),
        ]
        labels = "".join(f'<td bgcolor="#eef" align=center>{e(a)}</td>' for a, _ in band)
        values = "".join(f"<td align=center>{e(v)}</td>" for _, v in band)
        cols = ["No", w[4], w[5], "수량", "단위", "단가", w[6], "세액"]
        head = "".join(f'<td bgcolor="#eef">{c}</td>' for c in cols)
        rows = ""
        for k, (ln, vat) in enumerate(zip(lines, vats), 1):
            cells = [
                str(k),
                ln.item,
                ln.desc,
                g.fmt_num(ln.qty, "en"),
                ln.unit,
                won(ln.price),
                won(ln.amount),
                won(vat),
            ]
            rows += "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>"
        sums = (
            f"<tr><td colspan=6>합계</td><td>{e(won(supply))}</td><td>{e(won(sum(vats)))}</td></tr>"
            f"<tr><td colspan=6>총 합계금액 (VAT 포함)</td><td colspan=2>{e(won(po.total))}</td></tr>"
        )
        html = (
            '<html><head><meta charset="utf-8"></head><body><div style="font-family:Malgun Gothic">'
            f"<p>안녕하세요. {e(who.name)} 구매팀입니다.<br>아래와 같이 발주하오니 확인 부탁드립니다.</p>"
            f"<h2>구매 발주서</h2><table border=1 cellspacing=0><tr>{labels}</tr><tr>{values}</tr></table><br>"
            f"<table border=1 cellspacing=0><tr>{head}</tr>{rows}{sums}</table>"
            "<p>※ 납품 시 거래명세서를 첨부해 주십시오.</p></div></body></html>"
        )
        _send(b, name, (who.person, who.email), f"발주서 송부 ({po.number})", None, html=html)
        _golden(b, name, _po_golden(po), "ko", "mail-ko-erp", "web-erp")


# --------------------------------------------------------------------------- not orders


def build_not_orders(b: Any) -> None:
    en = [p for p in f.BUYERS if p.lang == "en"]
    m = MARKET["en"]
    # a marketplace's shipping confirmation: order number, items and quantities, a tracking number
    name = "mail-not-order-marketplace-shipped"
    po, shipping, tax = _market_po(name, en[0], "en", 2, False)
    rows = "".join(
        f"<tr><td>{escape(ln.desc)}</td><td>{ln.item}</td><td>{ln.qty}</td><td>${g.fmt_num(ln.price, 'en')}</td></tr>"
        for ln in po.lines
    )
    html = (
        f"<html><body><p>Hello Example Manufacturing,</p><p>Your shipment for order {po.number} has been"
        " confirmed and the buyer has been notified.</p>"
        f"<p>Carrier: UPS<br>Tracking number: 1Z999AA1{zlib.crc32(name.encode()) % 10**10:010d}</p>"
        f"<table border=1><tr><th>Product</th><th>SKU</th><th>Quantity shipped</th><th>Price</th></tr>{rows}</table>"
        f"<p>{escape(m['footer'])}</p></body></html>"
    )
    _send(b, name, m["sender"], f"Shipment confirmed for order {po.number}", None, html=html)
    _golden(b, name, g.expected_for(None, None, kind="other", order_null=True), "en", "mail-not-order", "marketplace")
    # a marketplace's newsletter: products and prices, nothing ordered
    name = "mail-not-order-marketplace-newsletter"
    rng = rng_for(name)
    lines = _lines(rng, 4, "USD", ["pcs"])
    rows = "".join(
        f"<tr><td>{escape(ln.desc)}</td><td>{ln.item}</td><td>Min. order {ln.qty}</td><td>${g.fmt_num(ln.price, 'en')}</td></tr>"
        for ln in lines
    )
    html = (
        "<html><body><h2>Top deals for sellers this week</h2><p>Restock your best sellers before the holiday"
        f" season. Prices valid until November 30.</p><table>{rows}</table>"
        '<p><a href="https://shophub.example/unsubscribe">Unsubscribe</a></p></body></html>'
    )
    _send(
        b, name, ("ShopHub Deals", "deals@news.shophub.example"), "Top deals for your store this week", None, html=html
    )
    _golden(b, name, g.expected_for(None, None, kind="other", order_null=True), "en", "mail-not-order", "marketplace")
    # a portal's invoice status: the PO number, an invoice number, an amount
    name = "mail-not-order-portal-invoice"
    po = _portal_po(name, en[1 % len(en)], 2, True)
    html = (
        f"<html><body><h2>Invoice INV-{po.number[-5:]} has been approved</h2>"
        f"<p>{escape(po.buyer.name)} has approved your invoice INV-{po.number[-5:]} against Purchase Order"
        f" {po.number}.</p><table><tr><td>Invoice Total</td><td>{g.fmt_num(po.total, 'en')} {po.currency}</td></tr>"
        f"<tr><td>Payment due</td><td>{f.fmt_date(po.po_date + timedelta(days=30), 'us')}</td></tr></table>"
        "<p>Powered by Coupa. Do not reply to this email.</p></body></html>"
    )
    sender = (f"{po.buyer.name} via Coupa", "do_not_reply@buyer.coupahost.example")
    _send(b, name, sender, f"Invoice INV-{po.number[-5:]} approved", None, html=html)
    _golden(b, name, g.expected_for(None, None, kind="other", order_null=True), "en", "mail-not-order", "portal")


def build(b: Any) -> None:
    build_marketplace(b)
    build_portal(b)
    build_phone(b)
    build_korean(b)
    build_korean_band(b)
    build_not_orders(b)
