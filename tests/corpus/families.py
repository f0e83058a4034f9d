"""The wide corpus: many layout families, producers and languages (``tests/corpus/wide/``).

``generate.py`` builds the original corpus and then calls :func:`build` for this one. Each
document is rendered from a ground truth made here (a purchase order in one language, its lines,
how the buyer's system prints numbers and dates) and its golden file comes from that same truth.

The documents are grouped by *layout family*: the way a class of ERP or office tool lays a page
out (a SAP-style form with labels beside a boxed header, an AS/400 spool in monospace, a web ERP
printed from HTML, a workbook exported one row per line...). Every golden file records its
``family``; ``tests/test_extract_wide.py`` checks invariants on them and ``bench/parse_accuracy.py``
scores them. They are *not* asserted field by field in the test suite: they measure the extractor
while it is being improved.

Also here: business documents that are not orders (invoices, quotations, requests for quotation,
statements, shipping notices) and orders in unusual forms (bodies in ISO-2022-JP, Big5, cp1252,
Shift_JIS; the same PO as PDF and XLSX in one message).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
import email
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Callable

import generate as g

WIDE = "wide"
SEED = 20261203

# --------------------------------------------------------------------------- languages as data

# Per language: labels as a buyer's system prints them (two spellings each where systems differ),
# how it prints numbers and dates, its usual currency and unit word.
LANG: dict[str, dict[str, Any]] = {
    "en": dict(
        title=["PURCHASE ORDER", "Purchase Order"],
        po=["PO Number", "Purchase Order No."],
        date=["Order Date", "PO Date"],
        delivery=["Delivery Date", "Required Date"],
        currency=["Currency", "Currency"],
        payment=["Payment Terms", "Terms"],
        incoterms=["Incoterms", "Delivery Terms"],
        buyer=["Bill To", "Buyer"],
        supplier=["Vendor", "Supplier"],
        item=["Item No.", "Part Number"],
        desc=["Description", "Item Description"],
        qty=["Qty", "Quantity"],
        unit=["UOM", "Unit"],
        price=["Unit Price", "Price"],
        amount=["Amount", "Extended Price"],
        ldate=["Due Date", "Delivery"],
        total=["Total", "Order Total"],
        subtotal="Subtotal",
        tax="Sales Tax",
        num="en",
        dates=["us", "long"],
        currency_code="USD",
        unit_word="EA",
        payment_text="Net 30 days",
        page="Page {n} of {m}",
        contact="Contact",
        sign="Authorized signature",
    ),
    "de": dict(
        title=["BESTELLUNG", "Bestellung"],
        po=["Bestellnummer", "Bestell-Nr."],
        date=["Bestelldatum", "Datum"],
        delivery=["Liefertermin", "Wunschtermin"],
        currency=["Währung", "Währung"],
        payment=["Zahlungsbedingungen", "Zahlungsziel"],
        incoterms=["Lieferbedingungen", "Incoterms"],
        buyer=["Auftraggeber", "Rechnungsanschrift"],
        supplier=["Lieferant", "Lieferant"],
        item=["Artikel-Nr.", "Material"],
        desc=["Bezeichnung", "Bezeichnung"],
        qty=["Menge", "Menge"],
        unit=["ME", "Einheit"],
        price=["Einzelpreis", "Preis/Einheit"],
        amount=["Gesamtpreis", "Betrag"],
        ldate=["Liefertermin", "Termin"],
        total=["Gesamtbetrag", "Summe netto"],
        subtotal="Zwischensumme",
        tax="MwSt.",
        num="de",
        dates=["de", "de_long"],
        currency_code="EUR",
        unit_word="Stk",
        payment_text="30 Tage netto",
        page="Seite {n} von {m}",
        contact="Ansprechpartner",
        sign="Unterschrift",
    ),
    "fr": dict(
        title=["BON DE COMMANDE", "Commande"],
        po=["N° de commande", "Commande n°"],
        date=["Date de commande", "Date"],
        delivery=["Date de livraison", "Livraison souhaitée"],
        currency=["Devise", "Devise"],
        payment=["Conditions de paiement", "Règlement"],
        incoterms=["Incoterms", "Conditions de livraison"],
        buyer=["Acheteur", "Adresse de facturation"],
        supplier=["Fournisseur", "Fournisseur"],
        item=["Référence", "Réf."],
        desc=["Désignation", "Désignation"],
        qty=["Quantité", "Qté"],
        unit=["Unité", "U"],
        price=["Prix unitaire", "P.U. HT"],
        amount=["Montant", "Montant HT"],
        ldate=["Livraison", "Date liv."],
        total=["Total HT", "Montant total"],
        subtotal="Sous-total",
        tax="TVA",
        num="fr",
        dates=["fr", "fr_long"],
        currency_code="EUR",
        unit_word="pce",
        payment_text="30 jours fin de mois",
        page="Page {n}/{m}",
        contact="Contact",
        sign="Signature",
    ),
    "it": dict(
        title=["ORDINE DI ACQUISTO", "Ordine"],
        po=["N. ordine", "Numero ordine"],
        date=["Data ordine", "Data"],
        delivery=["Data di consegna", "Consegna richiesta"],
        currency=["Valuta", "Divisa"],
        payment=["Condizioni di pagamento", "Pagamento"],
        incoterms=["Resa", "Incoterms"],
        buyer=["Cliente", "Committente"],
        supplier=["Fornitore", "Fornitore"],
        item=["Codice", "Cod. articolo"],
        desc=["Descrizione", "Descrizione"],
        qty=["Quantità", "Q.tà"],
        unit=["U.M.", "UM"],
        price=["Prezzo unitario", "Prezzo"],
        amount=["Importo", "Totale riga"],
        ldate=["Consegna", "Data cons."],
        total=["Totale", "Totale ordine"],
        subtotal="Imponibile",
        tax="IVA",
        num="de",
        dates=["fr", "it_long"],
        currency_code="EUR",
        unit_word="pz",
        payment_text="Bonifico 60 gg d.f.f.m.",
        page="Pagina {n} di {m}",
        contact="Referente",
        sign="Firma",
    ),
    "es": dict(
        title=["ORDEN DE COMPRA", "Pedido de compra"],
        po=["N.º de pedido", "Número de orden"],
        date=["Fecha del pedido", "Fecha"],
        delivery=["Fecha de entrega", "Entrega"],
        currency=["Moneda", "Divisa"],
        payment=["Forma de pago", "Condiciones de pago"],
        incoterms=["Incoterms", "Condiciones de entrega"],
        buyer=["Comprador", "Facturar a"],
        supplier=["Proveedor", "Proveedor"],
        item=["Código", "Artículo"],
        desc=["Descripción", "Descripción"],
        qty=["Cantidad", "Cant."],
        unit=["Unidad", "Ud."],
        price=["Precio unitario", "Precio"],
        amount=["Importe", "Total línea"],
        ldate=["Entrega", "F. entrega"],
        total=["Total", "Importe total"],
        subtotal="Base imponible",
        tax="IVA",
        num="de",
        dates=["fr", "es_long"],
        currency_code="EUR",
        unit_word="ud",
        payment_text="Transferencia a 60 días",
        page="Página {n} de {m}",
        contact="Contacto",
        sign="Firma autorizada",
    ),
    "pt": dict(
        title=["PEDIDO DE COMPRA", "Ordem de Compra"],
        po=["N.º do pedido", "Pedido n.º"],
        date=["Data do pedido", "Data de emissão"],
        delivery=["Data de entrega", "Prazo de entrega"],
        currency=["Moeda", "Moeda"],
        payment=["Condições de pagamento", "Pagamento"],
        incoterms=["Incoterms", "Condições de entrega"],
        buyer=["Comprador", "Cliente"],
        supplier=["Fornecedor", "Fornecedor"],
        item=["Código", "Referência"],
        desc=["Descrição", "Descrição"],
        qty=["Quantidade", "Qtd."],
        unit=["Unidade", "Un."],
        price=["Preço unitário", "Preço unit."],
        amount=["Valor", "Valor total"],
        ldate=["Entrega", "Data entrega"],
        total=["Total", "Valor total do pedido"],
        subtotal="Subtotal",
        tax="IVA",
        num="de",
        dates=["fr", "pt_long"],
        currency_code="EUR",
        unit_word="un",
        payment_text="30 dias após fatura",
        page="Página {n} de {m}",
        contact="Contacto",
        sign="Assinatura",
    ),
    "nl": dict(
        title=["INKOOPORDER", "Bestelling"],
        po=["Ordernummer", "Inkoopordernr."],
        date=["Orderdatum", "Datum"],
        delivery=["Leverdatum", "Gewenste leverdatum"],
        currency=["Valuta", "Valuta"],
        payment=["Betalingsvoorwaarden", "Betaling"],
        incoterms=["Leveringsvoorwaarden", "Incoterms"],
        buyer=["Besteller", "Factuuradres"],
        supplier=["Leverancier", "Leverancier"],
        item=["Artikelnr.", "Artikel"],
        desc=["Omschrijving", "Omschrijving"],
        qty=["Aantal", "Aantal"],
        unit=["Eenheid", "Eenh."],
        price=["Stukprijs", "Prijs"],
        amount=["Bedrag", "Totaal"],
        ldate=["Leverdatum", "Levering"],
        total=["Totaal", "Totaalbedrag"],
        subtotal="Subtotaal",
        tax="BTW",
        num="de",
        dates=["nl", "nl_long"],
        currency_code="EUR",
        unit_word="st",
        payment_text="30 dagen netto",
        page="Pagina {n} van {m}",
        contact="Contactpersoon",
        sign="Handtekening",
    ),
    "sv": dict(
        title=["INKÖPSORDER", "Beställning"],
        po=["Ordernummer", "Beställningsnr"],
        date=["Orderdatum", "Datum"],
        delivery=["Leveransdatum", "Önskad leverans"],
        currency=["Valuta", "Valuta"],
        payment=["Betalningsvillkor", "Betalning"],
        incoterms=["Leveransvillkor", "Incoterms"],
        buyer=["Köpare", "Beställare"],
        supplier=["Leverantör", "Leverantör"],
        item=["Artikelnr", "Art.nr"],
        desc=["Benämning", "Beskrivning"],
        qty=["Antal", "Antal"],
        unit=["Enhet", "Enh"],
        price=["À-pris", "Pris/st"],
        amount=["Belopp", "Summa rad"],
        ldate=["Leverans", "Lev.datum"],
        total=["Summa", "Totalt"],
        subtotal="Delsumma",
        tax="Moms",
        num="fr",
        dates=["iso", "sv_long"],
        currency_code="SEK",
        unit_word="st",
        payment_text="30 dagar netto",
        page="Sida {n} av {m}",
        contact="Kontaktperson",
        sign="Underskrift",
    ),
    "pl": dict(
        title=["ZAMÓWIENIE", "Zamówienie zakupu"],
        po=["Nr zamówienia", "Zamówienie nr"],
        date=["Data zamówienia", "Data wystawienia"],
        delivery=["Termin dostawy", "Data dostawy"],
        currency=["Waluta", "Waluta"],
        payment=["Warunki płatności", "Płatność"],
        incoterms=["Warunki dostawy", "Incoterms"],
        buyer=["Zamawiający", "Nabywca"],
        supplier=["Dostawca", "Dostawca"],
        item=["Indeks", "Kod"],
        desc=["Nazwa towaru", "Opis"],
        qty=["Ilość", "Ilość"],
        unit=["J.m.", "Jedn."],
        price=["Cena jedn.", "Cena netto"],
        amount=["Wartość", "Wartość netto"],
        ldate=["Termin", "Dostawa"],
        total=["Razem", "Wartość zamówienia"],
        subtotal="Suma netto",
        tax="VAT",
        num="fr",
        dates=["pl", "pl_long"],
        currency_code="PLN",
        unit_word="szt.",
        payment_text="przelew 30 dni",
        page="Strona {n} z {m}",
        contact="Osoba kontaktowa",
        sign="Podpis",
    ),
    "ja": dict(
        title=["注文書", "発注書"],
        po=["注文番号", "発注番号"],
        date=["注文日", "発注日"],
        delivery=["納期", "納入期日"],
        currency=["通貨", "通貨"],
        payment=["支払条件", "お支払条件"],
        incoterms=["受渡条件", "取引条件"],
        buyer=["発注者", "注文者"],
        supplier=["仕入先", "御中"],
        item=["品番", "品目コード"],
        desc=["品名", "品名・仕様"],
        qty=["数量", "数量"],
        unit=["単位", "単位"],
        price=["単価", "単価"],
        amount=["金額", "金額"],
        ldate=["納期", "納入日"],
        total=["合計金額", "合計"],
        subtotal="小計",
        tax="消費税",
        num="en",
        dates=["ja", "ja_slash"],
        currency_code="JPY",
        unit_word="個",
        payment_text="月末締め翌月末払い",
        page="{n} / {m} ページ",
        contact="担当",
        sign="承認印",
    ),
    "zh-Hans": dict(
        title=["采购订单", "订购单"],
        po=["订单号", "采购单号"],
        date=["订单日期", "下单日期"],
        delivery=["交货日期", "要求交期"],
        currency=["币种", "币别"],
        payment=["付款方式", "结算方式"],
        incoterms=["贸易条款", "交货方式"],
        buyer=["需方", "买方"],
        supplier=["供方", "供应商"],
        item=["物料编码", "料号"],
        desc=["品名规格", "物料名称"],
        qty=["数量", "订购数量"],
        unit=["单位", "单位"],
        price=["单价", "未税单价"],
        amount=["金额", "未税金额"],
        ldate=["交期", "交货日期"],
        total=["合计", "总金额"],
        subtotal="小计",
        tax="税额",
        num="en",
        dates=["zh", "iso"],
        currency_code="CNY",
        unit_word="个",
        payment_text="月结60天",
        page="第{n}页 共{m}页",
        contact="联系人",
        sign="签章",
    ),
    "zh-Hant": dict(
        title=["訂購單", "採購單"],
        po=["訂單號碼", "採購單號"],
        date=["訂單日期", "採購日期"],
        delivery=["交貨日期", "預定交期"],
        currency=["幣別", "幣別"],
        payment=["付款條件", "付款方式"],
        incoterms=["交易條件", "交貨條件"],
        buyer=["訂購單位", "買方"],
        supplier=["供應商", "廠商"],
        item=["料號", "品號"],
        desc=["品名規格", "品名"],
        qty=["數量", "訂購數量"],
        unit=["單位", "單位"],
        price=["單價", "單價"],
        amount=["金額", "金額"],
        ldate=["交期", "交貨日"],
        total=["合計", "總計"],
        subtotal="小計",
        tax="營業稅",
        num="en",
        dates=["slash", "zh"],
        currency_code="TWD",
        unit_word="個",
        payment_text="月結30天",
        page="第{n}頁／共{m}頁",
        contact="聯絡人",
        sign="核准",
    ),
}

MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "en": "January February March April May June July August September October November December",
}


def fmt_date(d: date, style: str) -> str:
    """A date as the buyer's system prints it."""
    if style in ("us", "uk", "iso", "de", "zh", "long"):
        return g.fmt_date(d, style)
    month = lambda lang: MONTHS[lang].split()[d.month - 1]  # noqa: E731
    return {
        "fr": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "nl": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "pl": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "ja": f"{d.year}年{d.month}月{d.day}日",
        "ja_slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "de_long": f"{d.day}. {month('de')} {d.year}",
        "fr_long": f"{d.day} {month('fr')} {d.year}",
        "it_long": f"{d.day} {month('it')} {d.year}",
        "es_long": f"{d.day} de {month('es')} de {d.year}",
        "pt_long": f"{d.day} de {month('pt')} de {d.year}",
        "nl_long": f"{d.day} {month('nl')} {d.year}",
        "sv_long": f"{d.day} {month('sv')} {d.year}",
        "pl_long": f"{d.day} {month('pl')} {d.year}",
        "dmy_mon": f"{d.day:02d}-{month('en')[:3].upper()}-{d.year % 100:02d}",
        "dd_mon_yy": f"{d.day:02d}/{month('en')[:3]}/{d.year % 100:02d}",
    }[style]


# --------------------------------------------------------------------------- buyers and items


@dataclass
class Party:
    name: str
    address: list[str]
    person: str
    email: str
    lang: str
    currency: str | None = None  # default: the language's


BUYERS: list[Party] = [
    Party(
        "Harborline Outdoor Gear Inc.",
        ["4410 Marine View Dr", "Tacoma, WA 98422, USA"],
        "Dana Whitfield",
        "purchasing@harborline.example",
        "en",
    ),
    Party(
        "Cobalt Ridge Electronics LLC",
        ["18 Research Park Rd", "Boulder, CO 80301, USA"],
        "Marcus Lee",
        "po@cobaltridge.example",
        "en",
    ),
    Party(
        "Wexford Components Ltd",
        ["Unit 4, Kilkenny Business Park", "Kilkenny R95 X2Y7, Ireland"],
        "Siobhan Byrne",
        "buying@wexford-components.example",
        "en",
        "EUR",
    ),
    Party(
        "Pemberton Audio Ltd",
        ["21 Mill Lane", "Sheffield S3 8GG, United Kingdom"],
        "Oliver Grant",
        "procurement@pemberton-audio.example",
        "en",
        "GBP",
    ),
    Party(
        "Schwarzwald Präzisionstechnik GmbH",
        ["Talstraße 45", "78112 St. Georgen, Deutschland"],
        "Petra Vogel",
        "einkauf@sw-praezision.example",
        "de",
    ),
    Party(
        "Alpenland Haustechnik AG",
        ["Bahnhofstrasse 12", "6300 Zug, Schweiz"],
        "Urs Meier",
        "beschaffung@alpenland-ht.example",
        "de",
        "CHF",
    ),
    Party(
        "Lumière Équipements SAS",
        ["8 avenue de la Gare", "38000 Grenoble, France"],
        "Sophie Bernard",
        "achats@lumiere-equipements.example",
        "fr",
    ),
    Party(
        "Brasserie Métallique S.A.",
        ["Rue de l'Industrie 27", "4000 Liège, Belgique"],
        "Luc Dubois",
        "commandes@brasserie-metallique.example",
        "fr",
    ),
    Party(
        "Officine Meccaniche Rinaldi S.r.l.",
        ["Via dell'Artigianato 9", "25030 Brescia (BS), Italia"],
        "Giulia Rinaldi",
        "acquisti@omrinaldi.example",
        "it",
    ),
    Party(
        "Termoidraulica Veneta S.p.A.",
        ["Viale della Repubblica 140", "31100 Treviso, Italia"],
        "Marco Zanetti",
        "ordini@termoveneta.example",
        "it",
    ),
    Party(
        "Industrias Montserrat S.L.",
        ["Polígono Can Roqueta, C/ Torrent 12", "08202 Sabadell, Barcelona"],
        "Laura Puig",
        "compras@ind-montserrat.example",
        "es",
    ),
    Party(
        "Electrodomésticos del Sur S.A.",
        ["Av. de la Innovación 6", "41020 Sevilla, España"],
        "Javier Ortega",
        "pedidos@edsur.example",
        "es",
    ),
    Party(
        "Metalúrgica Douro, Lda.",
        ["Rua do Freixo 1071", "4300-219 Porto, Portugal"],
        "Ana Ferreira",
        "compras@metdouro.example",
        "pt",
    ),
    Party(
        "Vitória Utilidades Domésticas Ltda.",
        ["Av. Brasil 2200", "Joinville - SC, 89204-000, Brasil"],
        "Rafael Souza",
        "suprimentos@vitoria-ud.example",
        "pt",
        "BRL",
    ),
    Party(
        "Dijkstra Installatietechniek B.V.",
        ["Energieweg 14", "8938 AS Leeuwarden, Nederland"],
        "Jeroen Dijkstra",
        "inkoop@dijkstra-it.example",
        "nl",
    ),
    Party(
        "Vlaamse Verlichting NV",
        ["Kortrijksesteenweg 310", "9000 Gent, België"],
        "Els Peeters",
        "aankoop@vlaamse-verlichting.example",
        "nl",
    ),
    Party(
        "Norrsken Elektronik AB",
        ["Industrigatan 7", "903 27 Umeå, Sverige"],
        "Karin Nyström",
        "inkop@norrsken-el.example",
        "sv",
    ),
    Party(
        "Fjällbacka Marin AB",
        ["Hamnvägen 3", "457 40 Fjällbacka, Sverige"],
        "Anders Holm",
        "order@fjallbacka-marin.example",
        "sv",
    ),
    Party(
        "Zakłady Mechaniczne Wisła Sp. z o.o.",
        ["ul. Przemysłowa 18", "43-300 Bielsko-Biała, Polska"],
        "Tomasz Nowak",
        "zaopatrzenie@zm-wisla.example",
        "pl",
    ),
    Party(
        "Bałtyk Elektro S.A.",
        ["ul. Morska 55", "81-323 Gdynia, Polska"],
        "Magdalena Kowalska",
        "zakupy@baltyk-elektro.example",
        "pl",
    ),
    Party(
        "株式会社ヤマト精工",
        ["〒457-0071 愛知県名古屋市南区千竈通2-15"],
        "佐藤 健一",
        "hatchu@yamato-seiko.example",
        "ja",
    ),
    Party(
        "東邦電機工業株式会社",
        ["〒213-0012 神奈川県川崎市高津区坂戸3-2-1"],
        "高橋 美咲",
        "order@toho-denki.example",
        "ja",
    ),
    Party("苏州博远电子科技有限公司", ["江苏省苏州市吴中区东吴南路188号"], "周杰", "cg@boyuan-dz.example", "zh-Hans"),
    Party(
        "重庆天成汽车零部件股份有限公司",
        ["重庆市北碚区蔡家岗镇同熙路99号"],
        "吴芳",
        "purchase@tiancheng-auto.example",
        "zh-Hans",
    ),
    Party(
        "台灣精密機械股份有限公司", ["台中市西屯區工業區三十八路177號"], "林志明", "po@tw-precision.example", "zh-Hant"
    ),
    Party("香港聯興電子有限公司", ["香港九龍觀塘開源道55號"], "陳嘉欣", "order@luenhing.example", "zh-Hant", "HKD"),
]
OUR = g.OUR_NAME

# (noun key, spec, base price USD, unit class)
ITEMS = [
    ("standoff", "M4x20", "0.085", "pc"),
    ("bracket", "2 mm SUS304", "1.42", "pc"),
    ("board", "rev C", "18.60", "pc"),
    ("harness", "6P 300 mm", "2.35", "pc"),
    ("gasket", "EPDM 90 mm", "0.46", "pc"),
    ("spring", "0.8x6x20", "0.12", "pc"),
    ("housing", "AL6061 black", "7.80", "pc"),
    ("screw", "M3x8 A2", "0.021", "pc"),
    ("knob", "ABS 21 mm", "0.33", "pc"),
    ("motor", "12 V 3000 rpm", "4.90", "pc"),
    ("fan", "80x80x25 12 V", "1.95", "pc"),
    ("bearing", "608ZZ", "0.27", "pc"),
    ("psu", "24 V 5 A", "9.40", "pc"),
    ("cable", "2x0.75 mm2", "0.38", "m"),
    ("valve", '1/4" 24 V DC', "6.75", "pc"),
    ("label", "40x20 mm", "0.05", "pc"),
]
NOUNS = {
    "standoff": "Hex standoff|Sechskant-Abstandsbolzen|Entretoise hexagonale|Distanziale esagonale|Separador hexagonal|Espaçador sextavado|Zeskant afstandsbus|Distans sexkant|Tuleja dystansowa|六角スペーサー|六角铜柱|六角銅柱",
    "bracket": "Mounting bracket|Haltewinkel|Équerre de fixation|Staffa di montaggio|Soporte de montaje|Suporte de fixação|Montagebeugel|Monteringsvinkel|Wspornik montażowy|取付ブラケット|安装支架|安裝支架",
    "board": "Control board|Steuerplatine|Carte de commande|Scheda di controllo|Placa de control|Placa de controle|Besturingsprint|Styrkort|Płytka sterująca|制御基板|控制板|控制板",
    "harness": "Wire harness|Kabelbaum|Faisceau de câbles|Cablaggio|Mazo de cables|Chicote elétrico|Kabelboom|Kabelhärva|Wiązka przewodów|ワイヤーハーネス|线束|線束",
    "gasket": "Gasket|Dichtung|Joint|Guarnizione|Junta|Junta de vedação|Pakking|Packning|Uszczelka|ガスケット|密封圈|密封圈",
    "spring": "Compression spring|Druckfeder|Ressort de compression|Molla a compressione|Muelle de compresión|Mola de compressão|Drukveer|Tryckfjäder|Sprężyna naciskowa|圧縮ばね|压缩弹簧|壓縮彈簧",
    "housing": "Aluminium housing|Aluminiumgehäuse|Boîtier aluminium|Contenitore in alluminio|Carcasa de aluminio|Caixa de alumínio|Aluminium behuizing|Aluminiumhölje|Obudowa aluminiowa|アルミケース|铝外壳|鋁外殼",
    "screw": "Machine screw|Zylinderschraube|Vis machine|Vite|Tornillo|Parafuso|Machineschroef|Maskinskruv|Śruba|なべ小ねじ|盘头螺钉|盤頭螺絲",
    "knob": "Control knob|Drehknopf|Bouton rotatif|Manopola|Mando giratorio|Botão rotativo|Draaiknop|Vridratt|Pokrętło|つまみ|旋钮|旋鈕",
    "motor": "DC motor|Gleichstrommotor|Moteur CC|Motore DC|Motor CC|Motor CC|Gelijkstroommotor|DC-motor|Silnik DC|DCモーター|直流电机|直流馬達",
    "fan": "Axial fan|Axiallüfter|Ventilateur axial|Ventola assiale|Ventilador axial|Ventilador axial|Axiaalventilator|Axialfläkt|Wentylator osiowy|軸流ファン|轴流风扇|軸流風扇",
    "bearing": "Ball bearing|Kugellager|Roulement à billes|Cuscinetto a sfere|Rodamiento de bolas|Rolamento de esferas|Kogellager|Kullager|Łożysko kulkowe|玉軸受|深沟球轴承|滾珠軸承",
    "psu": "Power supply|Netzteil|Alimentation|Alimentatore|Fuente de alimentación|Fonte de alimentação|Voeding|Nätaggregat|Zasilacz|電源ユニット|开关电源|電源供應器",
    "cable": "Power cable|Netzkabel|Câble d'alimentation|Cavo di alimentazione|Cable de alimentación|Cabo de alimentação|Voedingskabel|Nätkabel|Przewód zasilający|電源ケーブル|电源线|電源線",
    "valve": "Solenoid valve|Magnetventil|Électrovanne|Elettrovalvola|Electroválvula|Válvula solenoide|Magneetventiel|Magnetventil|Zawór elektromagnetyczny|電磁弁|电磁阀|電磁閥",
    "label": "Rating label|Typenschild|Étiquette signalétique|Etichetta dati|Etiqueta de características|Etiqueta de identificação|Typeplaatje|Typskylt|Tabliczka znamionowa|銘板ラベル|铭牌标签|銘牌標籤",
}
LANG_INDEX = ["en", "de", "fr", "it", "es", "pt", "nl", "sv", "pl", "ja", "zh-Hans", "zh-Hant"]
METRE = {
    "en": "m",
    "de": "m",
    "fr": "m",
    "it": "m",
    "es": "m",
    "pt": "m",
    "nl": "m",
    "sv": "m",
    "pl": "mb",
    "ja": "m",
    "zh-Hans": "米",
    "zh-Hant": "米",
}
RATES = {
    "USD": Decimal("1"),
    "EUR": Decimal("0.92"),
    "GBP": Decimal("0.79"),
    "JPY": Decimal("150"),
    "CNY": Decimal("7.1"),
    "TWD": Decimal("32"),
    "HKD": Decimal("7.8"),
    "SEK": Decimal("10.6"),
    "PLN": Decimal("4.0"),
    "CHF": Decimal("0.88"),
    "BRL": Decimal("5.0"),
}
QTYS = [40, 60, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000, 1200, 1500, 2000, 2500, 3000, 5000, 10000]


def rng_for(name: str):
    import random

    return random.Random(SEED ^ zlib.crc32(name.encode()))


def make_po(
    name: str,
    buyer: Party,
    n: int,
    *,
    line_dates: bool = False,
    header_delivery: bool = True,
    incoterms: str | None = None,
    payment: bool = True,
    number: str | None = None,
) -> g.PO:
    """A purchase order of ``n`` lines for ``buyer``, drawn with a per-document seed."""
    rng = rng_for(name)
    lang = buyer.lang
    L = LANG[lang]
    currency = buyer.currency or L["currency_code"]
    po_date = g.pick_date(rng, date(2026, 11, 13), 12, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=21), 40, True)
    lines = []
    for key, spec, base, unit_class in rng.sample(ITEMS, n):
        noun = NOUNS[key].split("|")[LANG_INDEX.index(lang)]
        desc = f"{noun} {spec}"
        unit = METRE[lang] if unit_class == "m" else L["unit_word"]
        qty = Decimal(rng.choice(QTYS))
        if Decimal(base) >= 4:
            qty = Decimal(rng.choice([20, 50, 80, 100, 150, 200, 300, 500]))
        price = Decimal(base) * RATES[currency] * Decimal(rng.randrange(90, 116)) / 100
        places = 0 if currency in ("JPY", "TWD") and price >= 10 else (4 if price < Decimal("0.1") else 2)
        price = price.quantize(Decimal(1).scaleb(-places))
        if price == 0:
            price = Decimal(1).scaleb(-places)
        if currency in ("JPY", "TWD") and places:  # yen prices with decimals come with round quantities
            qty = Decimal(rng.choice([100, 200, 500, 1000, 2000, 5000]))
        amount = (qty * price).quantize(Decimal("1") if currency in ("JPY", "TWD") else Decimal("0.01"))
        ldate = g.pick_date(rng, delivery, 30, True) if line_dates else None
        item = f"{key[:3].upper()}-{rng.randrange(1000, 9999)}"
        lines.append(g.Line(item, desc, qty, unit, price, amount, ldate))
    if line_dates:
        lines[0].date = delivery
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = number or _po_number(rng, lang)
    party = g.Buyer(buyer.name, buyer.address, buyer.person, buyer.email, lang=lang, currency=currency)
    return g.PO(
        number,
        party,
        po_date,
        delivery if header_delivery else None,
        currency,
        incoterms,
        L["payment_text"] if payment else None,
        lines,
        total,
    )


def _po_number(rng, lang: str) -> str:
    shapes = {
        "en": lambda: f"PO-{rng.randrange(100000, 999999)}",
        "de": lambda: f"45{rng.randrange(10000000, 99999999)}",
        "fr": lambda: f"CF{rng.randrange(2026000, 2026999)}",
        "it": lambda: f"OA/{rng.randrange(1000, 9999)}/26",
        "es": lambda: f"PC-26-{rng.randrange(10000, 99999)}",
        "pt": lambda: f"PO{rng.randrange(20260000, 20269999)}",
        "nl": lambda: f"IO{rng.randrange(260000, 269999)}",
        "sv": lambda: f"{rng.randrange(700000, 799999)}",
        "pl": lambda: f"ZAM/{rng.randrange(100, 999)}/11/2026",
        "ja": lambda: f"H{rng.randrange(2611000, 2611999)}",
        "zh-Hans": lambda: f"CG2026{rng.randrange(110000, 119999)}",
        "zh-Hant": lambda: f"PO-TW-{rng.randrange(10000, 99999)}",
    }
    return shapes[lang]()


# --------------------------------------------------------------------------- what a document prints

NO_LABEL = {"en": "#", "ja": "#", "zh-Hans": "序号", "zh-Hant": "序號"}  # the line-number column; else "No."


@dataclass
class Page:
    """The printable pieces of one PO in one language and style; renderers lay them out."""

    po: g.PO
    lang: str
    variant: int = 0
    dates: str | None = None  # date style; default: the language's first
    amounts: bool = True
    totals: bool = True
    currency_field: bool = True  # a Currency label; otherwise the code follows the total
    supplier: bool = True
    cols: tuple[str, ...] = ("no", "item", "desc", "qty", "unit", "price", "amount")
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def L(self) -> dict[str, Any]:
        return LANG[self.lang]

    def lab(self, key: str) -> str:
        value = self.L[key]
        return value[self.variant % len(value)] if isinstance(value, list) else value

    @property
    def date_style(self) -> str:
        return self.dates or self.L["dates"][0]

    def d(self, value: date) -> str:
        return fmt_date(value, self.date_style)

    def n(self, value: Decimal) -> str:
        return g.fmt_num(value, self.L["num"])

    def header(self) -> list[tuple[str, str]]:
        po = self.po
        pairs = [(self.lab("po"), po.number), (self.lab("date"), self.d(po.po_date))]
        if po.delivery:
            pairs.append((self.lab("delivery"), self.d(po.delivery)))
        if self.currency_field:
            pairs.append((self.lab("currency"), po.currency))
        if po.incoterms:
            pairs.append((self.lab("incoterms"), po.incoterms))
        if po.payment:
            pairs.append((self.lab("payment"), po.payment))
        return pairs

    def buyer_lines(self) -> list[str]:
        b = self.po.buyer
        return [b.name, *b.address, f"{self.lab('contact')}: {b.contact}, {b.email}"]

    def supplier_lines(self) -> list[str]:
        return [OUR, *g.OUR_ADDRESS]

    def columns(self) -> list[tuple[str, str]]:
        cols = [c for c in self.cols if c != "amount" or self.amounts]
        if any(ln.date for ln in self.po.lines) and "ldate" not in cols:
            cols.append("ldate")
        labels = self.extra.get("labels") or {}  # column words of another language
        return [(c, labels.get(c) or (NO_LABEL.get(self.lang, "No.") if c == "no" else self.lab(c))) for c in cols]

    def cell(self, i: int, ln: g.Line, key: str) -> str:
        return {
            "no": str(i),
            "item": ln.item,
            "desc": ln.desc,
            "qty": self.n(ln.qty),
            "unit": ln.unit,
            "price": self.n(ln.price),
            "amount": self.n(ln.amount),
            "ldate": self.d(ln.date) if ln.date else "",
        }[key]

    def rows(self) -> list[list[str]]:
        keys = [k for k, _ in self.columns()]
        return [[self.cell(i, ln, k) for k in keys] for i, ln in enumerate(self.po.lines, 1)]

    def total_line(self) -> tuple[str, str] | None:
        if not self.totals:
            return None
        label = self.lab("total") if self.currency_field else f"{self.lab('total')} ({self.po.currency})"
        return label, self.n(self.po.total)

    def golden(self, **kw: Any) -> dict[str, Any]:
        st = g.Style(amounts=self.amounts, totals=self.totals, line_dates=any(ln.date for ln in self.po.lines))
        return g.expected_for(self.po, st, **kw)


# --------------------------------------------------------------------------- renderers: reportlab

_FONTS: dict[str, str] = {}


def rl_font(cjk: bool, bold: bool = False, mono: bool = False, latin2: bool = False) -> str:
    """A font for the text: Courier for spools, WenQuanYi for CJK, DejaVu (embedded) only where
    the standard Helvetica lacks the letters (Polish), so that the committed PDFs stay small."""
    if mono and latin2:
        if "mono" not in _FONTS:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont("DJVM", g.LATIN_FONT.replace("DejaVuSans.ttf", "DejaVuSansMono.ttf")))
            _FONTS["mono"] = "DJVM"
        return "DJVM"
    if mono:
        return "Courier-Bold" if bold else "Courier"
    if not cjk and not latin2:
        return "Helvetica-Bold" if bold else "Helvetica"
    if cjk:
        if "cjk" not in _FONTS:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont("WQYW", g.CJK_FONT, subfontIndex=0))
            _FONTS["cjk"] = "WQYW"
        return _FONTS["cjk"]
    if "dejavu" not in _FONTS:  # Latin with Polish/Swedish letters
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("DJV", g.LATIN_FONT))
        pdfmetrics.registerFont(TTFont("DJVB", g.LATIN_FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")))
        _FONTS["dejavu"] = "DJV"
    return "DJVB" if bold else "DJV"


LATIN2 = ("pl", "cs", "tr", "hu", "ro", "ru", "lt", "el", "hr", "bs", "mt")  # letters Helvetica lacks: DejaVu, embedded


def is_cjk(lang: str) -> bool:
    return lang in ("ja", "zh-Hans", "zh-Hant")


class Canvas:
    """A reportlab canvas with the few drawing calls the families need."""

    def __init__(self, path: Path, page: Page, *, landscape: bool = False, letter: bool = False):
        from reportlab.lib.pagesizes import A4, LETTER
        from reportlab.lib.pagesizes import landscape as land
        from reportlab.pdfgen import canvas

        size = LETTER if letter else A4
        self.W, self.H = land(size) if landscape else size
        self.c = canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1)
        self.c.setTitle(page.lab("title"))
        self.cjk = is_cjk(page.lang)
        self.latin2 = page.lang in LATIN2

    def text(
        self, x: float, y: float, s: str, size: float = 9, bold: bool = False, align: str = "l", mono: bool = False
    ) -> None:
        self.c.setFont(rl_font(self.cjk, bold, mono, self.latin2), size)
        {"l": self.c.drawString, "r": self.c.drawRightString, "c": self.c.drawCentredString}[align](x, y, s)

    def width(self, s: str, size: float = 9, mono: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(s, rl_font(self.cjk, False, mono, self.latin2), size)

    def box(self, x: float, y: float, w: float, h: float, fill: float | None = None) -> None:
        if fill is not None:
            self.c.setFillGray(fill)
        self.c.rect(x, y, w, h, stroke=1, fill=1 if fill is not None else 0)
        self.c.setFillGray(0)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.c.line(x1, y1, x2, y2)

    def next_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


WEIGHTS = {"no": 0.5, "item": 1.4, "desc": 3.8, "qty": 1.0, "unit": 0.7, "price": 1.2, "amount": 1.4, "ldate": 1.3}
NUMERIC = {"no", "qty", "price", "amount"}


def rl_table(
    cv: Canvas,
    page: Page,
    x0: float,
    y: float,
    width: float,
    *,
    grid: bool,
    size: float = 8,
    header_fill: float | None = 0.9,
    rows: list[list[str]] | None = None,
    sub_rows: bool = False,
    max_y: float = 70,
    repeat_header: bool = True,
    labels: dict[str, str] | None = None,
    header: bool = True,
) -> float:
    """A line table; wraps descriptions; continues on a new page when full. Returns the new y.
    ``labels`` replaces the header words; ``header=False`` prints no header row at all."""
    cols = [(k, (labels or {}).get(k, label)) for k, label in page.columns()]
    total_w = sum(WEIGHTS[k] for k, _ in cols)
    widths = [width * WEIGHTS[k] / total_w for k, _ in cols]
    lead = size + 3
    rows = rows if rows is not None else page.rows()

    def head(y: float) -> float:
        if grid or header_fill is not None:
            cv.box(x0, y - 4, width, lead + 4, fill=header_fill)
        x = x0
        for (k, label), w in zip(cols, widths):
            cv.text(x + w - 3 if k in NUMERIC else x + 3, y, label, size, True, "r" if k in NUMERIC else "l")
            x += w
        return y - lead - 4

    y = head(y) if header else y
    desc_i = [k for k, _ in cols].index("desc") if "desc" in [k for k, _ in cols] else None
    for r, ln in zip(rows, page.po.lines):
        wrapped = g._wrap(r[desc_i], widths[desc_i] - 6, lambda t: cv.width(t, size)) if desc_i is not None else [""]
        extra = 1 if sub_rows and ln.date else 0
        h = lead * (len(wrapped) + extra) + 3
        if y - h < max_y:
            cv.next_page()
            y = cv.H - 60
            if repeat_header and header:
                y = head(y)
        x = x0
        for i, ((k, _), w) in enumerate(zip(cols, widths)):
            if i == desc_i:
                for j, part in enumerate(wrapped):
                    cv.text(x + 3, y - j * lead, part, size)
            elif k in NUMERIC:
                cv.text(x + w - 3, y, r[i], size, align="r")
            else:
                cv.text(x + 3, y, r[i], size)
            x += w
        if extra:
            cv.text(x0 + widths[0] + 3, y - len(wrapped) * lead, f"{page.lab('ldate')}: {page.d(ln.date)}", size - 1)
        if grid:
            cv.c.rect(x0, y - h + lead, width, h, stroke=1, fill=0)
            xx = x0
            for w in widths[:-1]:
                xx += w
                cv.line(xx, y - h + lead, xx, y + lead)
        y -= h
    return y


def rl_kv(
    cv: Canvas,
    pairs: list[tuple[str, str]],
    x: float,
    y: float,
    *,
    label_w: float = 95,
    size: float = 9,
    sep: str = ":",
) -> float:
    for label, value in pairs:
        cv.text(x, y, f"{label}{sep}", size, True)
        cv.text(x + label_w, y, value, size)
        y -= size + 4
    return y


def rl_block(cv: Canvas, title: str, lines: list[str], x: float, y: float, size: float = 8.5) -> float:
    cv.text(x, y, title, size, True)
    for text in lines:
        y -= size + 2.5
        cv.text(x, y, text, size)
    return y - size


def rl_totals(cv: Canvas, page: Page, x_right: float, y: float, *, with_tax: bool = False) -> float:
    total = page.total_line()
    if not total:
        return y
    if with_tax:
        cv.text(x_right - 120, y, page.L["subtotal"], 9, align="r")
        cv.text(x_right, y, page.n(page.po.total), 9, align="r")
        y -= 13
        cv.text(x_right - 120, y, f"{page.L['tax']} 0%", 9, align="r")
        cv.text(x_right, y, page.n(Decimal("0.00")), 9, align="r")
        y -= 13
    cv.text(x_right - 120, y, total[0], 10, True, "r")
    cv.text(x_right, y, total[1], 10, True, "r")
    return y - 20


def pdf_classic(path: Path, page: Page) -> None:
    """Letterhead left, title and header fields right, parties, a ruled table, totals, a signature."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(m, H - 55, po.buyer.name, 14, True)
    y = H - 70
    for t in po.buyer.address:
        cv.text(m, y, t, 8.5)
        y -= 11
    cv.text(W - m, H - 55, page.lab("title"), 16, True, "r")
    rl_kv(cv, page.header(), W - m - 230, H - 80, label_w=110)
    y = H - 200
    yb = rl_block(cv, page.lab("buyer"), page.buyer_lines(), m, y)
    if page.supplier:
        rl_block(cv, page.lab("supplier"), page.supplier_lines(), W / 2 + 10, y)
    y = rl_table(cv, page, m, yb - 20, W - 2 * m, grid=page.extra.get("grid", True))
    y = rl_totals(cv, page, W - m - 3, y - 12, with_tax=page.extra.get("tax", False))
    cv.text(m, max(y - 30, 50), f"{page.L['sign']}: ____________________", 8)
    cv.save()


def pdf_header_band(path: Path, page: Page) -> None:
    """A JDE/Crystal-style band: labels in a row of boxes, their values in the row below."""
    cv = Canvas(path, page, letter=page.lang == "en")
    W, H, m = cv.W, cv.H, 36
    po = page.po
    cv.text(W / 2, H - 45, page.lab("title"), 15, True, "c")
    cv.text(m, H - 70, po.buyer.name, 11, True)
    y = H - 82
    for t in po.buyer.address:
        cv.text(m, y, t, 8)
        y -= 10
    pairs = page.header()
    bw = (W - 2 * m) / len(pairs)
    yb = H - 150
    for i, (label, value) in enumerate(pairs):
        x = m + i * bw
        cv.box(x, yb, bw, 14, fill=0.85)
        cv.box(x, yb - 16, bw, 16)
        cv.text(x + 3, yb + 4, label.upper() if page.lang == "en" else label, 6.5, True)
        cv.text(x + 3, yb - 11, value, 8)
    y = yb - 40
    if page.supplier:
        rl_block(cv, page.lab("supplier"), page.supplier_lines(), m, y)
    rl_block(cv, page.lab("buyer"), page.buyer_lines()[:-1], W / 2, y)
    y = rl_table(cv, page, m, y - 70, W - 2 * m, grid=True, header_fill=0.8)
    rl_totals(cv, page, W - m - 3, y - 10)
    cv.save()


# A charge or an allowance printed between the subtotal and the total: (label, sign).
SCHEDULE_CHARGES = {"en": ("Allowance Handling", -1), "de": ("Fracht", 1), "zh-Hans": ("运费", 1)}


def pdf_schedule_boxes(path: Path, page: Page, charge_label: str, charge: Decimal) -> None:
    """An Oracle-style form: the lines header set on two lines (a label's first words above
    the rest: "Unit" over "Price"), a ruled schedule box under each line (its promised date,
    quantity and amount, as a table of its own), and a charge or an allowance between the
    subtotal and the total."""
    cv = Canvas(path, page, letter=page.lang == "en")
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(W - m, H - 45, page.lab("title"), 14, True, "r")
    cv.text(m, H - 45, po.buyer.name, 11, True)
    y = H - 58
    for t in po.buyer.address:
        cv.text(m, y, t, 8)
        y -= 10
    y = rl_kv(cv, page.header(), m, y - 14, label_w=110)
    if page.supplier:
        y = rl_block(cv, page.lab("supplier"), page.supplier_lines(), m, y - 10)
    cols = page.columns()
    total_w = sum(WEIGHTS[k] for k, _ in cols)
    widths = [(W - 2 * m) * WEIGHTS[k] / total_w for k, _ in cols]
    xs = [m + sum(widths[:i]) for i in range(len(cols))]

    def at(i: int, yy: float, text: str, bold: bool = False) -> None:
        k = cols[i][0]
        if k in NUMERIC:
            cv.text(xs[i] + widths[i] - 3, yy, text, 8, bold, "r")
        else:
            cv.text(xs[i] + 3, yy, text, 8, bold)

    y -= 24
    for i, (_, label) in enumerate(cols):
        top, _, bottom = label.rpartition(" ")
        if top:
            at(i, y, top, True)
        at(i, y - 10, bottom or label, True)
    y -= 26
    box_x, box_w = xs[2], W - m - xs[2]
    heads = [page.lab("ldate"), page.lab("qty"), page.lab("amount")]
    for r, ln in zip(page.rows(), po.lines):
        for i, text in enumerate(r):
            at(i, y, text)
        top = y - 8
        cv.box(box_x, top - 28, box_w, 28)
        cv.line(box_x, top - 14, box_x + box_w, top - 14)
        for j, (head, value) in enumerate(
            zip(heads, [page.d(po.delivery or po.po_date), page.n(ln.qty), page.n(ln.amount)])
        ):
            x = box_x + j * box_w / 3
            if j:
                cv.line(x, top, x, top - 28)
            cv.text(x + 3, top - 10, head, 7, True)
            cv.text(x + 3, top - 24, value, 7)
        y -= 52
    right = W - m - 3
    shown = f"(-{page.n(-charge)})" if charge < 0 else page.n(charge)
    for label, value, bold in (
        (page.L["subtotal"], page.n(po.total), False),
        (charge_label, shown, False),
        (page.lab("total"), page.n(po.total + charge), True),
    ):
        cv.text(right - 140, y, label, 9, bold, "r")
        cv.text(right, y, value, 9, bold, "r")
        y -= 13
    cv.save()


def pdf_sap(path: Path, page: Page) -> None:
    """SAP-style: combined "PO number/date" label, values below, item sub-rows, net value line."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 50
    po = page.po
    cv.text(m, H - 50, po.buyer.name.upper(), 11, True)
    cv.text(W - 250, H - 70, page.lab("title"), 13, True)
    cv.text(W - 250, H - 88, f"{page.lab('po')}/{page.lab('date')}", 8)
    cv.text(W - 250, H - 100, f"{po.number} / {page.d(po.po_date)}", 9, True)
    y = H - 120
    for label, value in page.header()[2:]:
        cv.text(W - 250, y, label, 8)
        cv.text(W - 250, y - 11, value, 9)
        y -= 26
    if page.supplier:
        rl_block(cv, "", page.supplier_lines(), m, H - 90)
    rl_block(cv, page.lab("buyer"), page.buyer_lines()[:-1], m, H - 170)
    y = min(y, H - 250)
    cv.line(m, y, W - m, y)
    cols = page.columns()
    heads = " ".join(label for _, label in cols)
    cv.text(m, y - 12, heads, 8, True)
    cv.line(m, y - 16, W - m, y - 16)
    y -= 30
    for i, (_r, ln) in enumerate(zip(page.rows(), po.lines), 1):
        if y < 110:
            cv.next_page()
            y = H - 60
        cv.text(m, y, f"{i * 10:05d}  {ln.item}", 8.5)
        cv.text(m + 130, y, ln.desc, 8.5)
        y -= 12
        cv.text(m + 30, y, f"{page.n(ln.qty)} {ln.unit}", 8.5)
        cv.text(m + 250, y, page.n(ln.price), 8.5, align="r")
        if page.amounts:
            cv.text(W - m, y, page.n(ln.amount), 8.5, align="r")
        y -= 12
        if ln.date:
            cv.text(m + 30, y, f"{page.lab('ldate')}: {page.d(ln.date)}", 8)
            y -= 12
        cv.line(m, y + 4, W - m, y + 4)
        y -= 8
    if page.totals:
        cv.text(W - m - 90, y - 6, f"{page.lab('total')} {po.currency}", 9, True, "r")
        cv.text(W - m, y - 6, page.n(po.total), 9, True, "r")
    cv.save()


def pdf_mono(path: Path, page: Page) -> None:
    """An AS/400 / SAPscript spool printed to PDF: Courier, fixed columns, rules of dashes."""
    cv = Canvas(path, page)
    y = cv.H - 40
    for text in mono_text(page):
        if y < 40:
            cv.next_page()
            y = cv.H - 40
        cv.text(30, y, text, 8, mono=True)
        y -= 10
    cv.save()


def mono_text(page: Page, width: int = 96) -> list[str]:
    po = page.po
    out = [f"{po.buyer.name.upper():<60}{page.lab('title').upper():>36}"]
    out += [f"{t.upper():<60}" for t in po.buyer.address]
    out.append("")
    pairs = page.header()
    spans = [max(len(label), len(value)) + 3 for label, value in pairs[:5]]
    labels = "".join(f"{label.upper():<{w}}" for (label, _), w in zip(pairs[:5], spans))
    values = "".join(f"{value:<{w}}" for (_, value), w in zip(pairs[:5], spans))
    out += [labels.rstrip(), values.rstrip(), ""]
    for label, value in pairs[5:]:
        out.append(f"{label.upper()}: {value}")
    if page.supplier:
        out.append(f"{page.lab('supplier').upper()}: {OUR.upper()}")
    out.append("-" * width)
    cols = page.columns()
    rows = page.rows()
    widths = {k: max(len(label), *(len(r[i]) for r in rows)) + 2 for i, (k, label) in enumerate(cols)}
    out.append(
        " ".join(
            f"{label.upper():>{widths[k]}}" if k in NUMERIC else f"{label.upper():<{widths[k]}}" for k, label in cols
        )
    )
    out.append("-" * width)
    for r in rows:
        out.append(" ".join(f"{v:>{widths[k]}}" if k in NUMERIC else f"{v:<{widths[k]}}" for (k, _), v in zip(cols, r)))
    out.append("-" * width)
    if page.totals:
        label, value = page.total_line()
        out.append(f"{label.upper():>{width - 16}}{value:>16}")
    out += ["", "ALL DELIVERIES MUST QUOTE THE ORDER NUMBER.", f"{page.lab('sign').upper()}: ______________"]
    return out


def pdf_boxed(path: Path, page: Page) -> None:
    """Crystal-Reports-style boxes: every field in its own rectangle, label small in the corner."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 30
    po = page.po
    cv.box(m, H - 90, W - 2 * m, 60)
    cv.text(m + 10, H - 55, po.buyer.name, 13, True)
    cv.text(m + 10, H - 70, ", ".join(po.buyer.address), 8)
    cv.text(W - m - 10, H - 55, page.lab("title"), 14, True, "r")
    pairs = page.header()
    y = H - 100
    for i, (label, value) in enumerate(pairs):
        x = m + (i % 2) * (W - 2 * m) / 2
        if i % 2 == 0:
            y -= 30
        cv.box(x, y, (W - 2 * m) / 2, 28)
        cv.text(x + 4, y + 19, label, 6.5)
        cv.text(x + 10, y + 6, value, 10, True)
    y -= 20
    if page.supplier:
        cv.box(m, y - 60, (W - 2 * m) / 2, 60)
        rl_block(cv, page.lab("supplier"), page.supplier_lines(), m + 5, y - 12, 8)
    cv.box(W / 2, y - 60, (W - 2 * m) / 2, 60)
    rl_block(cv, page.lab("buyer"), page.buyer_lines()[:-1], W / 2 + 5, y - 12, 8)
    y = rl_table(cv, page, m, y - 80, W - 2 * m, grid=True, header_fill=0.75)
    if page.totals:
        label, value = page.total_line()
        cv.box(W - m - 200, y - 8, 200, 20)
        cv.text(W - m - 110, y - 2, label, 9, True, "r")
        cv.text(W - m - 5, y - 2, value, 10, True, "r")
    cv.save()


def pdf_terms_after(path: Path, page: Page) -> None:
    """Table, then a page of numbered conditions full of numbers, quantities and dates."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(m, H - 50, page.lab("title"), 15, True)
    cv.text(W - m, H - 50, po.buyer.name, 11, True, "r")
    rl_kv(cv, page.header(), m, H - 80, label_w=120)
    y = rl_table(cv, page, m, H - 190, W - 2 * m, grid=False, header_fill=0.92)
    y = rl_totals(cv, page, W - m - 3, y - 10)
    rl_block(cv, page.lab("buyer"), page.buyer_lines(), m, y - 20)
    cv.next_page()
    y = H - 50
    cv.text(
        m,
        y,
        "General Terms and Conditions of Purchase" if page.lang == "en" else page.lab("title") + " — AGB/T&C",
        11,
        True,
    )
    terms = [
        "1. Quantities: deliveries may exceed the ordered quantity by no more than 2 %; 100 pcs per carton, 40 cartons per pallet.",
        "2. Prices are fixed for 12 months from 01/01/2027; a price of 0.00 on a line means free of charge.",
        "3. Late delivery: 0.5 % of the order value per week, at most 5 %, e.g. 1,250.00 on 25,000.00.",
        "4. Payment 60 days after receipt of a correct invoice quoting PO number and line numbers 10, 20, 30.",
        "5. Warranty 24 months; call 0800 123 4567 or write to PO Box 4290 for returns.",
    ]
    for t in terms:
        y -= 14
        cv.text(m, y, t, 7.5)
    cv.save()


# Column words of a language the vocabulary does not know (Greek): a buyer's ERP that prints
# its table header in its own language, whatever the language of the rest.
UNKNOWN_HEADER = {
    "no": "Α/Α",
    "item": "Κωδικός",
    "desc": "Περιγραφή",
    "qty": "Ποσότητα",
    "unit": "Μ.Μ.",
    "price": "Τιμή μονάδας",
    "amount": "Αξία",
    "ldate": "Παράδοση",
}


def pdf_headerless(path: Path, page: Page, *, labels: dict[str, str] | None) -> None:
    """A table whose header no vocabulary names (``labels``), or with no header row at all
    (``labels=None``: a pre-printed form whose column titles were not printed), then the
    totals and conditions full of numbers under it."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(m, H - 50, page.lab("title"), 15, True)
    cv.text(W - m, H - 50, po.buyer.name, 11, True, "r")
    rl_kv(cv, page.header(), m, H - 80, label_w=120)
    y = rl_table(
        cv,
        page,
        m,
        H - 200,
        W - 2 * m,
        grid=False,
        header_fill=None if labels is None else 0.9,
        labels=labels,
        header=labels is not None,
    )
    y = rl_totals(cv, page, W - m - 3, y - 10)
    conditions = [
        "1. Deliveries may exceed the ordered quantity by 2 %; 100 pcs per carton, 40 cartons per pallet.",
        "2. Late delivery: 0.5 % of the order value per week, at most 5 %.",
        "3. Call 0800 123 4567 or write to PO Box 4290 for returns.",
    ]
    for t in conditions:
        y -= 13
        cv.text(m, y, t, 7.5)
    cv.save()


# --------------------------------------------------------------------------- fpdf2


def pdf_fpdf_banded(path: Path, page: Page) -> None:
    """fpdf2 with its table API: a coloured header band, zebra rows, the header as a two-column table."""
    import logging

    from fpdf import FPDF
    from fpdf.fonts import FontFace

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    po = page.po
    pdf = FPDF(format="A4")
    pdf.set_creation_date(g.FIXED_TIME)
    pdf.file_id = lambda: -1
    pdf.set_title(page.lab("title"))
    if is_cjk(page.lang):
        pdf.add_font("body", fname=g.CJK_FONT, collection_font_number=0)
    else:
        pdf.add_font("body", fname=g.LATIN_FONT)
    pdf.add_page()
    pdf.set_fill_color(30, 60, 110)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("body", size=15)
    pdf.cell(0, 12, f"  {page.lab('title')}", fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("body", size=10)
    pdf.cell(0, 7, po.buyer.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8)
    pdf.multi_cell(0, 4.5, "\n".join(po.buyer.address), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.table(col_widths=(35, 65), width=110, align="LEFT", line_height=5, first_row_as_headings=False) as t:
        for label, value in page.header():
            t.row([label, value])
    if page.supplier:
        pdf.ln(2)
        pdf.cell(0, 5, f"{page.lab('supplier')}: {OUR}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    cols = page.columns()
    with pdf.table(
        col_widths=tuple(WEIGHTS[k] for k, _ in cols),
        line_height=5,
        text_align=tuple("RIGHT" if k in NUMERIC else "LEFT" for k, _ in cols),
        cell_fill_color=(235, 240, 250),
        cell_fill_mode="ROWS",
        headings_style=FontFace(color=(255, 255, 255), fill_color=(30, 60, 110)),
    ) as t:
        t.row([label for _, label in cols])
        for r in page.rows():
            t.row(r)
    total = page.total_line()
    if total:
        pdf.set_font("body", size=10)
        pdf.cell(0, 9, f"{total[0]}: {total[1]}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# --------------------------------------------------------------------------- office documents


def docx_letter(path: Path, page: Page, *, paragraphs_only: bool = False) -> None:
    """python-docx: a letter-like PO; header fields as paragraphs or a two-column table."""
    from docx import Document
    from docx.shared import Cm, Pt

    po = page.po
    d = Document()
    d.core_properties.author = po.buyer.contact
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(10)
    p = d.add_paragraph()
    r = p.add_run(po.buyer.name)
    r.bold = True
    r.font.size = Pt(14)
    d.add_paragraph("\n".join(po.buyer.address))
    d.add_heading(page.lab("title"), level=1)
    if paragraphs_only:
        for label, value in page.header():
            d.add_paragraph(f"{label} – {value}")
    else:
        t = d.add_table(rows=0, cols=4)
        t.style = "Table Grid"
        pairs = page.header()
        for i in range(0, len(pairs), 2):
            cells = t.add_row().cells
            for j, (label, value) in enumerate(pairs[i : i + 2]):
                cells[2 * j].text, cells[2 * j + 1].text = label, value
    if page.supplier:
        d.add_paragraph(f"{page.lab('supplier')}: {OUR}")
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    t.autofit = False
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for row in page.rows():
        for cell, v in zip(t.add_row().cells, row):
            cell.text = v
    share = sum(WEIGHTS[k] for k, _ in cols)
    for column, (k, _) in zip(t.columns, cols):  # 16 cm of text width, shared by weight
        column.width = Cm(16 * WEIGHTS[k] / share)
        for cell in column.cells:
            cell.width = Cm(16 * WEIGHTS[k] / share)
    total = page.total_line()
    if total:
        d.add_paragraph(f"{total[0]}: {total[1]}")
    d.add_paragraph(f"{page.lab('contact')}: {po.buyer.contact}")
    d.save(str(path))
    g.normalize_zip(path)


def xlsx_form(
    path: Path, page: Page, *, start_row: int = 10, second_sheet: bool = False, stacked: bool = False
) -> None:
    """openpyxl: a form-like sheet (merged title, header fields, the table lower down)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    po = page.po
    wb = Workbook()
    ws = wb.active
    if second_sheet:
        ws.title = "Info"
        ws["A1"] = "ERP export"
        ws["A2"] = page.lab("title")
        ws = wb.create_sheet("PO")
    else:
        ws.title = page.lab("title")[:30]
    ws.merge_cells("A1:F1")
    ws["A1"] = po.buyer.name
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ", ".join(po.buyer.address)
    ws["E3"] = page.lab("title")
    ws["E3"].font = Font(bold=True, size=13)
    r = 4
    for label, value in page.header():
        if stacked:  # label above value
            ws.cell(row=r, column=5, value=label)
            ws.cell(row=r + 1, column=5, value=value)
            r += 2
        else:
            ws.cell(row=r, column=5, value=label)
            ws.cell(row=r, column=6, value=value)
            r += 1
    if page.supplier:
        ws.cell(row=4, column=1, value=page.lab("supplier"))
        ws.cell(row=5, column=1, value=OUR)
    r = max(r + 1, start_row)
    cols = page.columns()
    for j, (_, label) in enumerate(cols, 1):
        ws.cell(row=r, column=j, value=label).font = Font(bold=True)
    for i, ln in enumerate(po.lines, 1):
        for j, (k, _) in enumerate(cols, 1):
            value: Any = {
                "no": i,
                "item": ln.item,
                "desc": ln.desc,
                "qty": ln.qty,
                "unit": ln.unit,
                "price": ln.price,
                "amount": ln.amount,
                "ldate": datetime(ln.date.year, ln.date.month, ln.date.day) if ln.date else None,
            }[k]
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            ws.cell(row=r + i, column=j, value=value)
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=3):  # every column wide enough to print its values in full
        for cell in row:
            if cell.value is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), g._dw(str(cell.value)))
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00##"
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width * 1.1 + 2
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # printed one page wide, as a buyer sets it up
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    total = page.total_line()
    if total:
        rt = r + len(po.lines) + 2
        ws.cell(row=rt, column=len(cols) - 1, value=total[0])
        ws.cell(row=rt, column=len(cols), value=float(po.total))
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


def xlsx_flat_export(path: Path, page: Page) -> None:
    """An ERP export: one row per line, the order's header repeated on every row (like many portals)."""
    from openpyxl import Workbook

    po = page.po
    wb = Workbook()
    ws = wb.active
    ws.title = page.lab("title")[:30]
    heads = [
        page.lab("po"),
        page.lab("date"),
        page.lab("buyer"),
        page.lab("currency"),
        "#",
        page.lab("item"),
        page.lab("desc"),
        page.lab("qty"),
        page.lab("unit"),
        page.lab("price"),
        page.lab("amount"),
        page.lab("delivery"),
    ]
    ws.append(heads)
    for i, ln in enumerate(po.lines, 1):
        ws.append(
            [
                po.number,
                po.po_date.isoformat(),
                po.buyer.name,
                po.currency,
                i,
                ln.item,
                ln.desc,
                float(ln.qty),
                ln.unit,
                float(ln.price),
                float(ln.amount),
                ln.date.isoformat(),
            ]
        )
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 office:version="1.2">{styles}<office:body><office:text>{body}</office:text></office:body></office:document-content>"""


def odt_po(path: Path, page: Page) -> None:
    """A minimal OpenDocument text (as LibreOffice Writer users send): paragraphs and one table."""
    from xml.sax.saxutils import escape

    po = page.po
    parts = [f'<text:h text:outline-level="1">{escape(po.buyer.name)}</text:h>']
    parts += [f"<text:p>{escape(t)}</text:p>" for t in po.buyer.address]
    parts.append(f'<text:h text:outline-level="2">{escape(page.lab("title"))}</text:h>')
    parts += [f"<text:p>{escape(label)}: {escape(value)}</text:p>" for label, value in page.header()]
    if page.supplier:
        parts.append(f"<text:p>{escape(page.lab('supplier'))}: {escape(OUR)}</text:p>")
    cols = page.columns()

    def row(cells: list[str]) -> str:
        return (
            "<table:table-row>"
            + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>'
                for c in cells
            )
            + "</table:table-row>"
        )

    share = sum(WEIGHTS[k] for k, _ in cols)
    col_styles = "".join(f'<table:table-column table:style-name="C{k}"/>' for k, _ in cols)
    parts.append(
        '<table:table table:name="Lines" table:style-name="Lines">'
        + col_styles
        + row([label for _, label in cols])
        + "".join(row(r) for r in page.rows())
        + "</table:table>"
    )
    styles = (
        '<office:automatic-styles><style:style style:name="Lines" style:family="table">'
        '<style:table-properties style:width="17cm" table:align="left"/></style:style>'
        + "".join(
            f'<style:style style:name="C{k}" style:family="table-column"><style:table-column-properties '
            f'style:column-width="{17 * WEIGHTS[k] / share:.2f}cm"/></style:style>'
            for k, _ in cols
        )
        + "</office:automatic-styles>"
    )
    total = page.total_line()
    if total:
        parts.append(f"<text:p>{escape(total[0])}: {escape(total[1])}</text:p>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in (
            ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
            ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
            ("content.xml", ODT_CONTENT.format(styles=styles, body="".join(parts)), zipfile.ZIP_DEFLATED),
        ):
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 8, 0, 0))
            zi.compress_type = method
            z.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def html_web_erp(page: Page, style: int = 0) -> str:
    """A web ERP's printable page (Odoo-like cards, or a classic bordered table)."""
    from html import escape as e

    po = page.po
    lang = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}.get(page.lang, page.lang)
    font = "'WenQuanYi Zen Hei', sans-serif" if is_cjk(page.lang) else "'DejaVu Sans', sans-serif"
    cols = page.columns()
    head = "".join(f"<th>{e(label)}</th>" for _, label in cols)
    body = "".join(
        "<tr>"
        + "".join(f"<td class='{'n' if k in NUMERIC else 't'}'>{e(v)}</td>" for (k, _), v in zip(cols, r))
        + "</tr>"
        for r in page.rows()
    )
    meta = "".join(
        f"<div class='m'><div class='k'>{e(label)}</div><div class='v'>{e(value)}</div></div>"
        for label, value in page.header()
    )
    total = page.total_line()
    total_html = f"<p class='tot'>{e(total[0])}: <b>{e(total[1])}</b></p>" if total else ""
    supplier = (
        (
            f"<div class='card'><div class='k'>{e(page.lab('supplier'))}</div><b>{e(OUR)}</b><br>"
            f"{'<br>'.join(e(t) for t in g.OUR_ADDRESS)}</div>"
        )
        if page.supplier
        else ""
    )
    if style == 0:
        css = (
            "body{font-family:%s;font-size:10pt;margin:18mm} .top{display:flex;justify-content:space-between}"
            " h1{font-size:18pt;margin:0} .m{display:inline-block;width:30%%;margin:4px 0} .k{font-size:7pt;color:#666;"
            "text-transform:uppercase} table{width:100%%;border-collapse:collapse;margin-top:12px} th{background:#333;"
            "color:#fff;padding:4px;text-align:left} td{border-bottom:1px solid #ccc;padding:4px} td.n{text-align:right}"
            " .card{display:inline-block;width:45%%;vertical-align:top;margin-top:10px} .tot{text-align:right;font-size:12pt}"
        ) % font
        return (
            f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{e(page.lab('title'))} {e(po.number)}"
            f"</title><style>{css}</style></head><body><div class='top'><div><h1>{e(po.buyer.name)}</h1>"
            f"{'<br>'.join(e(t) for t in po.buyer.address)}</div><div><h1>{e(page.lab('title'))}</h1>"
            f"<div>{e(po.number)}</div></div></div><div class='meta'>{meta}</div>"
            f"<div class='card'><div class='k'>{e(page.lab('buyer'))}</div><b>{e(po.buyer.name)}</b><br>"
            f"{e(po.buyer.contact)}</div>{supplier}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
            f"</table>{total_html}</body></html>"
        )
    css = (
        "body{font-family:%s;font-size:9pt} table{border-collapse:collapse} td,th{border:1px solid #000;padding:3px}"
        " td.n{text-align:right} .hdr td{border:none}"
    ) % font
    hdr = "".join(f"<tr><td><b>{e(label)}</b></td><td>{e(value)}</td></tr>" for label, value in page.header())
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{e(po.number)}</title>"
        f"<style>{css}</style></head><body><h2 style='text-align:center'>{e(page.lab('title'))}</h2>"
        f"<table class='hdr'><tr><td valign='top'><b>{e(page.lab('buyer'))}</b><br>{e(po.buyer.name)}<br>"
        f"{'<br>'.join(e(t) for t in po.buyer.address)}</td><td valign='top'><table class='hdr'>{hdr}</table></td></tr>"
        f"</table>{supplier}<br><table width='100%'><tr>{head}</tr>{body}</table>{total_html}</body></html>"
    )


# --------------------------------------------------------------------------- scans


def pdf_scan(
    path: Path, page: Page, *, angle: float, dpi: int = 110, fax: bool = False, turn: int = 0, specks: float = 0.0
) -> None:
    """A rasterised page: rendered text, rotated a little, noise, JPEG, wrapped in an image-only PDF.
    ``turn`` (90, 180, 270) is a sheet fed sideways or upside down: the picture is turned whole and
    the PDF page takes the picture's shape, as a scanner or fax gateway writes it. ``specks`` (a
    share of the pixels) is a noisy fax line: black and white specks, and a few streaks across
    the page along the lines the fax machine sends."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scale = dpi / 72
    W, H = int(A4[0] * scale), int(A4[1] * scale)
    img = Image.new("L", (W, H), 250)
    d = ImageDraw.Draw(img)
    fontfile = g.CJK_FONT if is_cjk(page.lang) else g.LATIN_FONT
    big = ImageFont.truetype(fontfile, int(16 * scale))
    small = ImageFont.truetype(fontfile, int(8.5 * scale))
    po = page.po
    px = lambda v: int(v * scale)  # noqa: E731
    if fax:
        d.text(
            (px(30), px(12)),
            f"FROM: {po.buyer.email}   {g.fmt_date(po.po_date, 'iso')} 09:14   P.001/001",
            font=small,
            fill=60,
        )
    d.text((px(40), px(40)), po.buyer.name, font=big, fill=20)
    d.text((px(360), px(40)), page.lab("title"), font=big, fill=20)
    y = 80
    for t in po.buyer.address:
        d.text((px(40), px(y)), t, font=small, fill=40)
        y += 11
    y = 120
    for label, value in page.header():
        d.text((px(320), px(y)), f"{label}: {value}", font=small, fill=30)
        y += 13
    y += 20
    cols = page.columns()
    xs, x = [], 40.0
    for k, _ in cols:
        xs.append(x)
        x += 515 * WEIGHTS[k] / sum(WEIGHTS[c] for c, _ in cols)
    for x, (_, label) in zip(xs, cols):
        d.text((px(x), px(y)), label, font=small, fill=10)
    d.line((px(38), px(y + 12), px(560), px(y + 12)), fill=40, width=max(1, int(scale)))
    y += 18
    for r in page.rows():
        for x, (_k, _), v in zip(xs, cols, r):
            d.text((px(x), px(y)), v, font=small, fill=35)
        y += 14
    total = page.total_line()
    if total:
        d.text((px(380), px(y + 10)), f"{total[0]}: {total[1]}", font=small, fill=10)
    img = img.rotate(angle, fillcolor=250, resample=Image.BICUBIC)
    if turn:  # the fax machine's lines run across the picture as it is received
        img = img.rotate(turn, expand=True)
    noise = Image.effect_noise(img.size, 30)
    img = Image.blend(img, noise, 0.10 if fax else 0.06).filter(ImageFilter.GaussianBlur(0.5))
    if fax:
        img = img.point(lambda v: 0 if v < 150 else 255)
    if specks:
        rng = rng_for(f"{path.name}-specks")
        d = ImageDraw.Draw(img)
        for _ in range(int(img.width * img.height * specks)):
            d.point((rng.randrange(img.width), rng.randrange(img.height)), fill=rng.choice((0, 255)))
        for _ in range(4):
            y = rng.randrange(img.height)
            d.line((0, y, img.width, y), fill=0, width=rng.choice((1, 2)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=45)
    buf.seek(0)
    size = (A4[1], A4[0]) if turn in (90, 270) else A4
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    c.drawImage(ImageReader(buf), 0, 0, size[0], size[1])
    c.showPage()
    c.save()


def pdf_text_then_scan(path: Path, page: Page, *, split: int, dpi: int = 200) -> None:
    """A text page with the header and the first lines, then a scanned page (image only) with
    the rest of the table, no header repeated, and the total: a printed order whose second
    sheet went through the copier."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.utils import ImageReader

    cv = Canvas(path, page)
    cv.text(40, cv.H - 50, page.lab("title"), 15, True)
    cv.text(cv.W - 40, cv.H - 50, page.po.buyer.name, 11, True, "r")
    rl_kv(cv, page.header(), 40, cv.H - 80, label_w=120)
    rows = page.rows()
    x0, width, size = 40.0, cv.W - 80, 8
    rl_table(cv, page, x0, cv.H - 190, width, grid=False, header_fill=0.9, rows=rows[:split])
    cv.next_page()
    scale = dpi / 72
    W, H = int(cv.W * scale), int(cv.H * scale)
    img = Image.new("L", (W, H), 250)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(g.CJK_FONT if is_cjk(page.lang) else g.LATIN_FONT, int(size * scale))
    cols = page.columns()
    widths = [width * WEIGHTS[k] / sum(WEIGHTS[c] for c, _ in cols) for k, _ in cols]
    y = 60.0
    for r in rows[split:]:
        x = x0
        for (k, _), w, v in zip(cols, widths, r):
            left = x + w - 3 - font.getlength(v) / scale if k in NUMERIC else x + 3
            d.text((int(left * scale), int(y * scale)), v, font=font, fill=30)
            x += w
        y += size + 6
    total = page.total_line()
    if total:
        label_font = ImageFont.truetype(g.CJK_FONT if is_cjk(page.lang) else g.LATIN_FONT, int(10 * scale))
        right = cv.W - 43
        d.text(
            (int((right - 120 - label_font.getlength(total[0]) / scale) * scale), int((y + 10) * scale)),
            total[0],
            font=label_font,
            fill=10,
        )
        d.text(
            (int((right - label_font.getlength(total[1]) / scale) * scale), int((y + 10) * scale)),
            total[1],
            font=label_font,
            fill=10,
        )
    img = img.rotate(0.4, fillcolor=250, resample=Image.BICUBIC)
    img = Image.blend(img, Image.effect_noise(img.size, 30), 0.05).filter(ImageFilter.GaussianBlur(0.4))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=60)
    buf.seek(0)
    cv.c.drawImage(ImageReader(buf), 0, 0, cv.W, cv.H)
    cv.save()


# --------------------------------------------------------------------------- mail bodies


def body_text(page: Page, style: str) -> str:
    """A PO typed into a mail body, as a buyer's mail client lays it out."""
    po = page.po
    greet = {
        "en": "Hello,",
        "de": "Sehr geehrte Damen und Herren,",
        "fr": "Bonjour,",
        "it": "Buongiorno,",
        "es": "Estimados señores:",
        "pt": "Prezados,",
        "nl": "Geachte heer/mevrouw,",
        "sv": "Hej,",
        "pl": "Dzień dobry,",
        "ja": "いつもお世話になっております。",
        "zh-Hans": "您好！",
        "zh-Hant": "您好：",
    }[page.lang]
    ask = {
        "en": "please accept our order below and confirm the delivery date.",
        "de": "hiermit bestellen wir wie folgt und bitten um Auftragsbestätigung.",
        "fr": "veuillez trouver ci-dessous notre commande ; merci de nous confirmer le délai.",
        "it": "con la presente vi trasmettiamo il nostro ordine; vi preghiamo di confermarlo.",
        "es": "les remitimos nuestro pedido; rogamos confirmen la fecha de entrega.",
        "pt": "segue o nosso pedido; por favor confirmem o prazo de entrega.",
        "nl": "hierbij bestellen wij het volgende; graag een orderbevestiging.",
        "sv": "vi beställer härmed enligt nedan, vänligen bekräfta leveransdatum.",
        "pl": "przesyłamy zamówienie poniżej, prosimy o potwierdzenie terminu.",
        "ja": "下記の通り注文いたしますので、納期のご回答をお願いいたします。",
        "zh-Hans": "请按以下明细安排生产并回传确认。",
        "zh-Hant": "請依下列明細安排出貨並回覆確認。",
    }[page.lang]
    out = [greet, "", ask, ""]
    out += [f"{label}: {value}" for label, value in page.header()]
    out.append("")
    cols = page.columns()
    if style == "tabs":
        out.append("\t".join(label for _, label in cols))
        out += ["\t".join(r) for r in page.rows()]
    else:
        widths = [max(g._dw(label), *(g._dw(r[i]) for r in page.rows())) + 2 for i, (_, label) in enumerate(cols)]
        out.append(" ".join(g._dpad(label, w, k in NUMERIC) for (k, label), w in zip(cols, widths)))
        out += [" ".join(g._dpad(v, w, k in NUMERIC) for (k, _), w, v in zip(cols, widths, r)) for r in page.rows()]
    total = page.total_line()
    if total:
        out += ["", f"{total[0]}: {total[1]}"]
    out += ["", po.buyer.contact, po.buyer.name]
    return "\n".join(out) + "\n"


def body_html(page: Page, client: str) -> str:
    from html import escape as e

    text = body_text(page, "tabs")
    cols = page.columns()
    table = (
        "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
        "<tr>"
        + "".join(f"<td><b>{e(label)}</b></td>" for _, label in cols)
        + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>" for r in page.rows())
        + "</table>"
    )
    intro = "".join(
        f"<p class=MsoNormal>{e(t) or '&nbsp;'}</p>" if client == "outlook" else f"<div>{e(t) or '<br>'}</div>"
        for t in text.split("\n\n")[0].split("\n") + [""]
    )
    header = "".join(
        (
            f"<p class=MsoNormal><b>{e(label)}:</b> {e(value)}</p>"
            if client == "outlook"
            else f"<div><b>{e(label)}:</b> {e(value)}</div>"
        )
        for label, value in page.header()
    )
    total = page.total_line()
    tot = f"<p><b>{e(total[0])}: {e(total[1])}</b></p>" if total else ""
    sig = f"<p>{e(page.po.buyer.contact)}<br>{e(page.po.buyer.name)}</p>"
    if client == "outlook":
        return (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type '
            'content="text/html; charset=windows-1252"><style>p.MsoNormal{margin:0cm;font-family:Calibri}</style>'
            f"</head><body lang=EN-US><div class=WordSection1>{intro}{header}{table}{tot}{sig}</div></body></html>"
        )
    return f'<div dir="ltr">{intro}{header}<br>{table}{tot}{sig}<div class="gmail_signature">--</div></div>'


def text_part(text: str, subtype: str, charset: str):
    """A text part whose bytes really are in ``charset`` (the stdlib would turn Shift_JIS into ISO-2022-JP)."""
    import base64
    import quopri
    from email.mime.nonmultipart import MIMENonMultipart

    if charset == "utf-8":
        return MIMEText(text, subtype, "utf-8")
    part = MIMENonMultipart("text", subtype, charset=charset)
    data = text.encode(charset)
    if charset == "iso-2022-jp":
        part.set_payload(data.decode("ascii"))
        part["Content-Transfer-Encoding"] = "7bit"
    elif charset in ("windows-1252", "iso-8859-2"):
        part.set_payload(quopri.encodestring(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    else:
        part.set_payload(base64.encodebytes(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    return part


def message(
    path: Path,
    *,
    sender: tuple[str, str],
    subject: str,
    msgid: str,
    body: str | None = None,
    charset: str = "utf-8",
    html: str | None = None,
    html_charset: str | None = None,
    attachments: list[tuple[str, bytes, str]] = (),
    mailer: str | None = None,
    when: datetime = g.FIXED_TIME,
) -> None:
    """A MIME message with the body in a given charset (ISO-2022-JP, Big5, cp1252...), fixed boundaries."""
    from email.header import Header

    parts = []
    if body is not None:
        parts.append(text_part(body, "plain", charset))
    if html is not None:
        parts.append(text_part(html, "html", html_charset or charset))
    if len(parts) == 2:
        alt = MIMEMultipart("alternative", boundary=f"=_alt_{zlib.crc32(msgid.encode()):08x}")
        for p in parts:
            alt.attach(p)
        content = alt
    else:
        content = parts[0]
    if attachments:
        msg = MIMEMultipart("mixed", boundary=f"=_mix_{zlib.crc32(msgid.encode()):08x}")
        msg.attach(content)
        for name, data, ctype in attachments:
            if ctype == "message/rfc822":  # a mail attached as itself, never base64 (RFC 2046)
                part = MIMEMessage(email.message_from_bytes(data))
                part.add_header("Content-Disposition", "attachment")
                msg.attach(part)
                continue
            part = MIMEApplication(data, ctype.split("/")[1])
            part.replace_header("Content-Type", f'{ctype}; name="{name}"')
            part.add_header("Content-Disposition", "attachment", filename=name)
            msg.attach(part)
    else:
        msg = content
    header_charset = "utf-8" if charset in ("utf-8", "windows-1252") else charset
    msg["From"] = f"{Header(sender[0], header_charset).encode()} <{sender[1]}>"
    msg["To"] = "Example Manufacturing Orders <orders@example.com>"
    msg["Subject"] = Header(subject, header_charset).encode()
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{msgid}>"
    if mailer:
        msg["X-Mailer"] = mailer
    path.write_bytes(msg.as_bytes())


# --------------------------------------------------------------------------- not orders

NOT_ORDERS = {
    # kind of document: title per language
    "invoice": {
        "en": "INVOICE",
        "de": "RECHNUNG",
        "fr": "FACTURE",
        "it": "FATTURA",
        "es": "FACTURA",
        "pt": "FATURA",
        "nl": "FACTUUR",
        "sv": "FAKTURA",
        "pl": "FAKTURA VAT",
        "ja": "請求書",
        "zh-Hans": "发票",
        "zh-Hant": "請款單",
    },
    "quotation": {
        "en": "QUOTATION",
        "de": "ANGEBOT",
        "fr": "DEVIS",
        "it": "OFFERTA",
        "es": "PRESUPUESTO",
        "pt": "ORÇAMENTO",
        "nl": "OFFERTE",
        "sv": "OFFERT",
        "pl": "OFERTA",
        "ja": "見積書",
        "zh-Hans": "报价单",
        "zh-Hant": "報價單",
    },
    "rfq": {
        "en": "REQUEST FOR QUOTATION",
        "de": "ANFRAGE",
        "fr": "DEMANDE DE PRIX",
        "it": "RICHIESTA DI OFFERTA",
        "es": "SOLICITUD DE COTIZACIÓN",
        "pt": "PEDIDO DE COTAÇÃO",
        "nl": "OFFERTEAANVRAAG",
        "sv": "OFFERTFÖRFRÅGAN",
        "pl": "ZAPYTANIE OFERTOWE",
        "ja": "見積依頼書",
        "zh-Hans": "询价单",
        "zh-Hant": "詢價單",
    },
    "statement": {
        "en": "STATEMENT OF ACCOUNT",
        "de": "KONTOAUSZUG",
        "fr": "RELEVÉ DE COMPTE",
        "it": "ESTRATTO CONTO",
        "es": "EXTRACTO DE CUENTA",
        "pt": "EXTRATO DE CONTA",
        "nl": "REKENINGOVERZICHT",
        "sv": "KONTOUTDRAG",
        "pl": "WYCIĄG Z KONTA",
        "ja": "取引明細書",
        "zh-Hans": "对账单",
        "zh-Hant": "對帳單",
    },
    "shipping": {
        "en": "SHIPPING NOTICE",
        "de": "LIEFERAVIS",
        "fr": "AVIS D'EXPÉDITION",
        "it": "AVVISO DI SPEDIZIONE",
        "es": "AVISO DE ENVÍO",
        "pt": "AVISO DE EXPEDIÇÃO",
        "nl": "VERZENDBERICHT",
        "sv": "LEVERANSAVISERING",
        "pl": "AWIZO WYSYŁKI",
        "ja": "出荷案内書",
        "zh-Hans": "发货通知单",
        "zh-Hant": "出貨通知單",
    },
}
DOC_DATE = {
    "en": "Date",
    "de": "Datum",
    "fr": "Date",
    "it": "Data",
    "es": "Fecha",
    "pt": "Data",
    "nl": "Datum",
    "sv": "Datum",
    "pl": "Data",
    "ja": "発行日",
    "zh-Hans": "日期",
    "zh-Hant": "日期",
}
NUMBER_LABEL = {"invoice": "No.", "quotation": "No.", "rfq": "RFQ No.", "statement": "Account", "shipping": "ASN No."}


def pdf_not_order(path: Path, kind: str, page: Page, *, mention_po: bool) -> None:
    """An invoice / quotation / RFQ / statement / shipping notice: lines and amounts, but not an order."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    po = page.po
    title = NOT_ORDERS[kind][page.lang]
    issuer = po.buyer.name if kind in ("rfq",) else "Delta Components Trading Ltd"
    cv.text(m, H - 55, issuer, 13, True)
    cv.text(W - m, H - 55, title, 16, True, "r")
    pairs = [(NUMBER_LABEL[kind], f"{kind[:3].upper()}-{po.number[-5:]}"), (DOC_DATE[page.lang], page.d(po.po_date))]
    if mention_po:
        pairs.append((page.lab("po"), po.number))
    rl_kv(cv, pairs, W - m - 220, H - 85, label_w=100)
    rl_block(
        cv,
        page.lab("buyer") if kind != "rfq" else page.lab("supplier"),
        page.buyer_lines()[:-1] if kind != "rfq" else [OUR],
        m,
        H - 150,
    )
    y = rl_table(cv, page, m, H - 240, W - 2 * m, grid=True)
    if kind != "rfq":
        rl_totals(cv, page, W - m - 3, y - 10)
    cv.save()


# --------------------------------------------------------------------------- converters


@dataclass
class Job:
    rel: str
    source: Path
    target_ext: str  # "pdf" or "xlsx"

    @property
    def infilter(self) -> list[str]:
        # HTML through Writer (as "print to PDF" from an office suite), not Writer/Web's blank first page
        return ["--infilter=HTML (StarWriter)"] if self.source.suffix == ".html" else []


def run_conversions(b, jobs: list[Job]) -> None:
    """LibreOffice conversions, batched into one ``soffice`` run per target format.

    Like ``Builder.converted``: the output is not byte-reproducible, so the source's hash goes into
    ``converted.json`` and the committed file is kept while its source is unchanged.
    """
    tool = g._tool("soffice", "libreoffice")
    pending: list[Job] = []
    for job in jobs:
        digest = hashlib.sha256(job.source.read_bytes()).hexdigest()
        b.manifest[job.rel] = {"producer": "libreoffice", "source": job.source.name, "source_sha256": digest}
        kept = b.committed / job.rel
        same = b.old_manifest.get(job.rel, {}).get("source_sha256") == digest
        if kept.exists() and (same or not b.convert or tool is None):
            shutil.copyfile(kept, b.path(job.rel))
            if b.convert and tool is None and not same:
                b.notices.append(f"{job.rel}: LibreOffice not available; kept the committed file (source changed)")
                b.manifest[job.rel] = b.old_manifest.get(job.rel, b.manifest[job.rel])
            continue
        if not b.convert:
            continue
        if tool is None:
            b.notices.append(f"{job.rel}: LibreOffice not available; document skipped")
            b.manifest.pop(job.rel)
            continue
        pending.append(job)
    for ext, infilter in sorted({(j.target_ext, tuple(j.infilter)) for j in pending}):
        batch = [j for j in pending if j.target_ext == ext and tuple(j.infilter) == infilter]
        out = b.tmp / f"lo-out-{ext}"
        out.mkdir(exist_ok=True)
        subprocess.run(
            [
                *tool,
                "--headless",
                "-env:UserInstallation=file:///tmp/lo-corpus-profile",
                *infilter,
                "--convert-to",
                ext,
                "--outdir",
                str(out),
                *(str(j.source) for j in batch),
            ],
            check=True,
            capture_output=True,
            timeout=900,
        )
        for j in batch:
            shutil.move(out / f"{j.source.stem}.{ext}", b.path(j.rel))


# --------------------------------------------------------------------------- the wide corpus


def build(b) -> None:
    """Every document of the wide corpus, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    jobs: list[Job] = []
    src = b.tmp / "wide-src"
    src.mkdir(exist_ok=True)

    def add(rel: str, expected: dict[str, Any], producer: str, lang: str, family: str) -> None:
        fmt = rel.split("/")[0]
        b.docs.append(
            g.Built(
                f"{WIDE}/{rel}", {**expected, "format": fmt, "language": lang, "producer": producer, "family": family}
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{WIDE}/{rel}")

    def convert(rel: str, source: Path, ext: str) -> None:
        jobs.append(Job(f"{WIDE}/{rel}", source, ext))

    by_lang: dict[str, list[Party]] = {}
    for party in BUYERS:
        by_lang.setdefault(party.lang, []).append(party)

    renderers: list[tuple[str, str, Callable[[Path, Page], None]]] = [
        ("rl-classic-grid", "reportlab", pdf_classic),
        ("rl-header-band", "reportlab", pdf_header_band),
        ("rl-sap-subrows", "reportlab", pdf_sap),
        ("rl-boxed-crystal", "reportlab", pdf_boxed),
        ("rl-terms-after-table", "reportlab", pdf_terms_after),
        ("mono-spool", "reportlab-courier", pdf_mono),
        ("fpdf-banded", "fpdf2", pdf_fpdf_banded),
    ]
    for li, lang in enumerate(LANG_INDEX):
        parties = by_lang[lang]
        for k, (family, producer, render) in enumerate(renderers):
            party = parties[k % len(parties)]
            name = f"{lang.lower()}-{family}"
            rng = rng_for(name)
            po = make_po(
                name,
                party,
                2 + rng.randrange(5),
                line_dates=family == "rl-sap-subrows" and k % 2 == 0,
                incoterms="FCA Shenzhen" if rng.random() < 0.4 else None,
                payment=rng.random() < 0.8,
            )
            if family == "rl-sap-subrows" and any(ln.date for ln in po.lines):
                po.delivery = None
            page = Page(
                po,
                lang,
                variant=(li + k) % 2,
                dates=LANG[lang]["dates"][(li + k) % 2],
                amounts=family != "rl-header-band" or li % 3 != 0,
                currency_field=family not in ("rl-sap-subrows", "mono-spool"),
                extra={"grid": k % 2 == 0, "tax": li % 2 == 0},
            )
            if family == "mono-spool" and is_cjk(lang):
                continue  # Courier has no CJK glyphs; the CJK spool family is below
            render(out(f"pdf/{name}.pdf"), page)
            add(f"pdf/{name}.pdf", page.golden(), producer, lang, family)

    # Oracle-style schedule boxes under each line, a two-line header, a charge before the total
    for lang, (label, sign) in SCHEDULE_CHARGES.items():
        name = f"{lang.lower()}-schedule-boxes"
        po = make_po(name, by_lang[lang][1 % len(by_lang[lang])], 3)
        page = Page(po, lang)
        charge = sign * (po.total * Decimal("0.015")).quantize(Decimal("0.01"))
        pdf_schedule_boxes(out(f"pdf/{name}.pdf"), page, label, charge)
        expected = page.golden()
        expected["order"]["total"] = str(po.total + charge)
        add(f"pdf/{name}.pdf", expected, "reportlab", lang, "schedule-boxes")

    # CJK monospace (a Chinese ERP's dot-matrix style) as text-layer PDFs in the CJK font
    for lang in ("ja", "zh-Hans", "zh-Hant"):
        name = f"{lang.lower()}-cjk-dotmatrix"
        po = make_po(name, by_lang[lang][-1], 3)
        page = Page(po, lang, variant=1, dates=LANG[lang]["dates"][1], currency_field=True)
        text = [f"{po.buyer.name}    {page.lab('title')}", *po.buyer.address, ""]
        text += [f"{label}：{value}" for label, value in page.header()]
        text += ["-" * 80, "  ".join(label for _, label in page.columns())]
        text += ["  ".join(r) for r in page.rows()]
        total = page.total_line()
        text += ["-" * 80, f"{total[0]}：{total[1]}"]
        cv = Canvas(out(f"pdf/{name}.pdf"), page)
        y = cv.H - 50
        for t in text:
            cv.text(40, y, t, 9)
            y -= 14
        cv.save()
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "cjk-dotmatrix")

    # Multi-page: a long order continued without a repeated header
    for lang in ("en", "de", "zh-Hans"):
        name = f"{lang.lower()}-long-continued"
        po = make_po(name, by_lang[lang][0], 16)
        page = Page(po, lang)
        cv = Canvas(out(f"pdf/{name}.pdf"), page)
        cv.text(40, cv.H - 50, page.lab("title"), 15, True)
        cv.text(cv.W - 40, cv.H - 50, po.buyer.name, 11, True, "r")
        rl_kv(cv, page.header(), 40, cv.H - 80, label_w=120)
        y = rl_table(cv, page, 40, cv.H - 170, cv.W - 80, grid=False, header_fill=0.9, max_y=430, repeat_header=False)
        rl_totals(cv, page, cv.W - 43, y - 10)
        cv.save()
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "long-continued-no-header")

    # LibreOffice: docx, xlsx, odt and HTML printed to PDF
    lo_langs = ["en", "de", "fr", "it", "es", "pt", "nl", "sv", "pl", "ja", "zh-Hans", "zh-Hant"]
    for i, lang in enumerate(lo_langs):
        party = by_lang[lang][i % len(by_lang[lang])]
        kinds = [
            ("docx", "lo-docx-letter"),
            ("xlsx", "lo-xlsx-form"),
            ("odt", "lo-odt-writer"),
            ("html", "lo-html-erp"),
        ]
        for j in (i % 4, (i + 2) % 4):
            ext, family = kinds[j]
            name = f"{lang.lower()}-{family}"
            po = make_po(name, party, 3 + (i + j) % 3)
            page = Page(po, lang, variant=(i + j) % 2, dates=LANG[lang]["dates"][(i + j) % 2])
            source = src / f"{name}.{ext}"
            if ext == "docx":
                docx_letter(source, page)
            elif ext == "xlsx":
                xlsx_form(source, page)
            elif ext == "odt":
                odt_po(source, page)
            else:
                source.write_text(html_web_erp(page, style=i % 2), encoding="utf-8")
            convert(f"pdf/{name}.pdf", source, "pdf")
            add(f"pdf/{name}.pdf", page.golden(), "libreoffice", lang, family)

    # Workbooks: openpyxl forms, stacked labels, a PO on the second sheet, flat ERP exports,
    # and workbooks written by LibreOffice
    for i, lang in enumerate(LANG_INDEX):
        party = by_lang[lang][(i + 1) % len(by_lang[lang])]
        variants = [
            ("xlsx-form", dict()),
            ("xlsx-stacked-second-sheet", dict(second_sheet=True, stacked=True)),
            ("xlsx-flat-export", None),
        ]
        for j, (family, kw) in enumerate(variants):
            if (i + j) % 3 == 2 and family != "xlsx-flat-export":
                continue
            name = f"{lang.lower()}-{family}"
            po = make_po(name, party, 2 + (i + j) % 4)
            page = Page(po, lang, variant=(i + j) % 2)
            if kw is None:  # prints no total and no terms; every row carries its delivery date
                po.payment = po.incoterms = None
                for ln in po.lines:
                    ln.date = ln.date or po.delivery
                page.totals = False
                xlsx_flat_export(out(f"xlsx/{name}.xlsx"), page)
            else:
                xlsx_form(out(f"xlsx/{name}.xlsx"), page, **kw)
            add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, family)
        if i % 2 == 0:
            name = f"{lang.lower()}-lo-calc-workbook"
            po = make_po(name, party, 3)
            page = Page(po, lang, variant=1)
            source = src / f"{name}.xlsx"
            xlsx_form(source, page)
            convert(f"xlsx/{name}.xlsx", source, "xlsx")
            add(f"xlsx/{name}.xlsx", page.golden(), "libreoffice", lang, "lo-calc-workbook")

    # Word: header table and paragraph-only POs
    for i, lang in enumerate(LANG_INDEX):
        party = by_lang[lang][i % len(by_lang[lang])]
        family = "docx-header-table" if i % 2 == 0 else "docx-paragraph-labels"
        name = f"{lang.lower()}-{family}"
        po = make_po(name, party, 2 + i % 4)
        page = Page(po, lang, variant=i % 2)
        docx_letter(out(f"docx/{name}.docx"), page, paragraphs_only=family == "docx-paragraph-labels")
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, family)

    # HTML documents (a web ERP page saved and sent as .html)
    for i, lang in enumerate(("en", "fr", "es", "nl", "zh-Hant", "ja")):
        name = f"{lang.lower()}-web-erp-page"
        po = make_po(name, by_lang[lang][-1], 3)
        page = Page(po, lang, variant=i % 2)
        out(f"html/{name}.html").write_text(html_web_erp(page, style=i % 2), encoding="utf-8")
        add(f"html/{name}.html", page.golden(), "html", lang, "web-erp-html")

    # Scans: rasterised, rotated, noisy; a fax (1-bit). Image only: a correct parse asks for review.
    for i, lang in enumerate(("en", "de", "fr", "it", "es", "zh-Hans", "ja", "pl")):
        fax = i % 3 == 2
        name = f"{lang.lower()}-{'fax' if fax else 'scan'}"
        po = make_po(name, by_lang[lang][0], 2 + i % 3)
        page = Page(po, lang, variant=i % 2)
        pdf_scan(out(f"pdf/{name}.pdf"), page, angle=(-1.2, 0.7, 1.6, -0.5)[i % 4], dpi=130 if fax else 120, fax=fax)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), "pillow", lang, "fax-scan" if fax else "rotated-scan")

    # Tables with a header in a language no vocabulary knows, or without a header row: found
    # by column alignment and arithmetic.
    for i, lang in enumerate(("en", "de", "fr", "es", "nl", "zh-Hans")):
        unknown = i % 2 == 0
        family = "unknown-header" if unknown else "no-header"
        name = f"{lang.lower()}-{family}"
        po = make_po(name, by_lang[lang][i % len(by_lang[lang])], 2 + i % 4, incoterms=None)
        page = Page(po, lang, variant=i % 2)
        pdf_headerless(out(f"pdf/{name}.pdf"), page, labels=UNKNOWN_HEADER if unknown else None)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, family)
    for i, lang in enumerate(("en", "de", "it", "ja")):
        name = f"{lang.lower()}-xlsx-unknown-header"
        po = make_po(name, by_lang[lang][0], 2 + i % 3)
        page = Page(po, lang, variant=i % 2, extra={"labels": UNKNOWN_HEADER})
        xlsx_form(out(f"xlsx/{name}.xlsx"), page, stacked=i % 2 == 1)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "xlsx-unknown-header")
        name = f"{lang.lower()}-docx-unknown-header"
        po = make_po(name, by_lang[lang][-1], 2 + (i + 1) % 3)
        page = Page(po, lang, variant=i % 2, extra={"labels": UNKNOWN_HEADER})
        docx_letter(out(f"docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page.golden(), "python-docx", lang, "docx-unknown-header")

    # A text page, then the rest of the table on a scanned page (no header repeated): the
    # scanned values are read by OCR, in the columns of the page before, and flagged.
    for i, lang in enumerate(("en", "de", "fr")):
        name = f"{lang.lower()}-text-then-scan"
        po = make_po(name, by_lang[lang][1 % len(by_lang[lang])], 4 + i % 2, incoterms=None)
        page = Page(po, lang, variant=i % 2)
        pdf_text_then_scan(out(f"pdf/{name}.pdf"), page, split=2)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), "reportlab+pillow", lang, "text-then-scan")

    _mail(b, by_lang, add, out)
    _not_orders(b, by_lang, add, out)
    _trade(b, add, out)
    _forwarded(b, by_lang, add, out)
    _other_documents(b, by_lang, add, out)
    _customers(b, by_lang, add, out)
    run_conversions(b, jobs)


def _mail(b, by_lang, add, out) -> None:
    """POs in mail bodies (client styles and charsets) and a PO sent as both PDF and XLSX."""
    clients = [  # (family, language, charset, html client or None, mailer)
        ("outlook-html-cp1252", "en", "windows-1252", "outlook", "Microsoft Outlook 16.0"),
        ("outlook-html-cp1252", "fr", "windows-1252", "outlook", "Microsoft Outlook 16.0"),
        ("outlook-html-cp1252", "de", "windows-1252", "outlook", "Microsoft Outlook 16.0"),
        ("gmail-html", "es", "utf-8", "gmail", None),
        ("gmail-html", "it", "utf-8", "gmail", None),
        ("gmail-html", "pt", "utf-8", "gmail", None),
        ("applemail-text", "nl", "utf-8", None, "Apple Mail (2.3774)"),
        ("applemail-text", "sv", "utf-8", None, "Apple Mail (2.3774)"),
        ("plain-text-iso8859-2", "pl", "iso-8859-2", None, None),
        ("iso-2022-jp-text", "ja", "iso-2022-jp", None, "Becky! ver. 2.81"),
        ("shift-jis-text", "ja", "shift_jis", None, None),
        ("foxmail-gbk-text", "zh-Hans", "gbk", None, "Foxmail 7.2"),
        ("foxmail-big5-text", "zh-Hant", "big5", None, "Foxmail 7.2"),
        ("outlook-html-big5", "zh-Hant", "big5", "outlook", "Microsoft Outlook 16.0"),
    ]
    subjects = {
        "en": "Order",
        "fr": "Commande",
        "de": "Bestellung",
        "es": "Pedido",
        "it": "Ordine",
        "pt": "Pedido",
        "nl": "Bestelling",
        "sv": "Beställning",
        "pl": "Zamówienie",
        "ja": "注文書送付の件",
        "zh-Hans": "订单",
        "zh-Hant": "訂單",
    }
    for i, (family, lang, charset, client, mailer) in enumerate(clients):
        name = f"{lang.lower()}-{family}-{i}"
        party = by_lang[lang][i % len(by_lang[lang])]
        po = make_po(name, party, 2 + i % 3, incoterms=None)
        page = Page(po, lang, variant=i % 2, dates=LANG[lang]["dates"][0])
        text = body_text(page, "aligned" if i % 2 else "tabs")
        html = body_html(page, client) if client else None
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=f"{subjects[lang]} {po.number}" if i % 3 else subjects[lang],
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
            charset=charset,
            html=html,
            html_charset=charset,
            mailer=mailer,
        )
        add(f"eml/{name}.eml", page.golden(source="body"), "email", lang, family)

    # the same PO as a PDF and an XLSX in one message: one order, read from either
    for lang in ("en", "de"):
        name = f"{lang}-pdf-and-xlsx-same-po"
        party = by_lang[lang][-1]
        po = make_po(name, party, 3)
        page = Page(po, lang)
        tmp = b.tmp / f"{name}.pdf"
        pdf_classic(tmp, page)
        tmpx = b.tmp / f"{name}.xlsx"
        xlsx_form(tmpx, page)
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=f"PO {po.number}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=f"{po.number}: PDF + Excel.\n\n{party.person}\n{party.name}\n",
            attachments=[
                (f"{po.number}.pdf", tmp.read_bytes(), "application/pdf"),
                (
                    f"{po.number}.xlsx",
                    tmpx.read_bytes(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
            ],
        )
        add(f"eml/{name}.eml", page.golden(), "email + reportlab + openpyxl", lang, "pdf-and-xlsx-same-po")


def _not_orders(b, by_lang, add, out) -> None:
    """Business documents that must never become orders, in every language; some name a PO."""
    kinds = list(NOT_ORDERS)
    for i, lang in enumerate(LANG_INDEX):
        for j in range(3):
            kind = kinds[(i + j) % len(kinds)]
            name = f"{lang.lower()}-{kind}"
            po = make_po(name, by_lang[lang][j % len(by_lang[lang])], 2 + j)
            page = Page(po, lang, variant=j % 2)
            rel = f"pdf/{name}.pdf"
            if kind == "invoice" and i % 4 == 0:  # named like an order: it is still an invoice
                rel = f"pdf/purchase_order_{po.number.replace('/', '-')}-{lang.lower()}-invoice.pdf"
            pdf_not_order(out(rel), kind, page, mention_po=j != 1)
            add(rel, g.expected_for(None, None, kind="other", order_null=True), "reportlab", lang, f"not-order-{kind}")
    # a quotation and an invoice as mail bodies
    for lang, kind in (("en", "quotation"), ("de", "invoice"), ("zh-Hans", "quotation"), ("ja", "rfq")):
        name = f"{lang.lower()}-{kind}-body"
        party = by_lang[lang][0]
        po = make_po(name, party, 2)
        page = Page(po, lang)
        title = NOT_ORDERS[kind][lang]
        table = body_text(page, "aligned").split("\n")
        start = next(i for i, text in enumerate(table) if text.strip().startswith(page.columns()[0][1]))
        end = start + 1 + len(po.lines) + (3 if kind != "rfq" else 0)  # the table, and the total
        reference = f"{page.lab('po')}: {po.number}" if kind != "rfq" else ""
        body = (
            f"{title} {NUMBER_LABEL[kind]} {kind[:3].upper()}-{po.number[-5:]}\n"
            f"{DOC_DATE[lang]}: {page.d(po.po_date)}\n{reference}\n\n"
            + "\n".join(table[start:end])
            + "\n\nDelta Components Trading Ltd\n"
        )
        message(
            out(f"eml/{name}.eml"),
            sender=("Delta Components", "sales@delta-components.example"),
            subject=f"{title} {po.number[-5:]}",
            msgid=f"{name}@delta-components.example",
            body=body,
        )
        add(
            f"eml/{name}.eml",
            g.expected_for(None, None, kind="other", order_null=True),
            "email",
            lang,
            f"not-order-{kind}-body",
        )


# --------------------------------------------------------------------------- buyer languages of OEM trade

# Czech, Danish, Turkish, Korean, Finnish, Norwegian, Hungarian, Russian and Romanian buyers, and two
# languages mailflow has no words for (Lithuanian, Greek): an order there must still reach a person.
TRADE_LANG: dict[str, dict[str, Any]] = {
    "cs": dict(
        title=["OBJEDNÁVKA", "Objednávka"],
        po=["Číslo objednávky", "Objednávka č."],
        date=["Datum objednávky", "Datum vystavení"],
        delivery=["Termín dodání", "Datum dodání"],
        currency=["Měna", "Měna"],
        payment=["Platební podmínky", "Splatnost"],
        incoterms=["Dodací podmínky"] * 2,
        buyer=["Odběratel", "Objednatel"],
        supplier=["Dodavatel", "Dodavatel"],
        item=["Kód", "Katalogové číslo"],
        desc=["Název", "Popis"],
        qty=["Množství", "Počet"],
        unit=["MJ", "Jednotka"],
        price=["Cena/MJ", "Jednotková cena"],
        amount=["Cena celkem", "Částka"],
        ldate=["Termín", "Termín dodání"],
        total=["Celkem", "Celkem bez DPH"],
        subtotal="Mezisoučet",
        tax="DPH",
        num="fr",
        dates=["pl", "cs_long"],
        currency_code="CZK",
        unit_word="ks",
        payment_text="30 dní od vystavení faktury",
        page="Strana {n}/{m}",
        contact="Vyřizuje",
        sign="Podpis",
    ),
    "da": dict(
        title=["INDKØBSORDRE", "Bestilling"],
        po=["Ordrenummer", "Ordrenr."],
        date=["Ordredato", "Dato"],
        delivery=["Leveringsdato", "Ønsket leveringsdato"],
        currency=["Valuta", "Valuta"],
        payment=["Betalingsbetingelser"] * 2,
        incoterms=["Leveringsbetingelser"] * 2,
        buyer=["Kunde", "Køber"],
        supplier=["Leverandør", "Leverandør"],
        item=["Varenr.", "Varenummer"],
        desc=["Beskrivelse", "Betegnelse"],
        qty=["Antal", "Antal"],
        unit=["Enhed", "Enhed"],
        price=["Stk. pris", "Enhedspris"],
        amount=["Beløb", "Beløb"],
        ldate=["Levering", "Leveringsdato"],
        total=["I alt", "Total"],
        subtotal="Subtotal",
        tax="Moms",
        num="de",
        dates=["pl", "iso"],
        currency_code="DKK",
        unit_word="stk",
        payment_text="Netto 30 dage",
        page="Side {n} af {m}",
        contact="Kontaktperson",
        sign="Underskrift",
    ),
    "tr": dict(
        title=["SATIN ALMA SİPARİŞİ", "Sipariş Formu"],
        po=["Sipariş No", "Sipariş Numarası"],
        date=["Sipariş Tarihi", "Tarih"],
        delivery=["Teslim Tarihi", "Termin"],
        currency=["Para Birimi", "Döviz"],
        payment=["Ödeme Koşulları", "Ödeme Şekli"],
        incoterms=["Teslim Şekli"] * 2,
        buyer=["Alıcı", "Müşteri"],
        supplier=["Tedarikçi", "Satıcı"],
        item=["Ürün Kodu", "Stok Kodu"],
        desc=["Açıklama", "Ürün Adı"],
        qty=["Miktar", "Miktar"],
        unit=["Birim", "Birim"],
        price=["Birim Fiyat", "Birim Fiyat"],
        amount=["Tutar", "Toplam Tutar"],
        ldate=["Termin", "Teslim Tarihi"],
        total=["Genel Toplam", "Toplam"],
        subtotal="Ara Toplam",
        tax="KDV",
        num="de",
        dates=["pl", "pl"],
        currency_code="TRY",
        unit_word="adet",
        payment_text="60 gün vadeli",
        page="Sayfa {n}/{m}",
        contact="İlgili Kişi",
        sign="İmza",
    ),
    "ko": dict(
        title=["발주서", "구매주문서"],
        po=["발주번호", "주문번호"],
        date=["발주일", "발주일자"],
        delivery=["납기일", "납품기한"],
        currency=["통화", "통화"],
        payment=["결제조건", "지불조건"],
        incoterms=["인도조건"] * 2,
        buyer=["발주처", "발주자"],
        supplier=["공급자", "공급처"],
        item=["품번", "품목코드"],
        desc=["품명", "품명 및 규격"],
        qty=["수량", "수량"],
        unit=["단위", "단위"],
        price=["단가", "단가"],
        amount=["금액", "공급가액"],
        ldate=["납기", "납기일"],
        total=["합계", "합계금액"],
        subtotal="소계",
        tax="부가세",
        num="en",
        dates=["iso", "ko"],
        currency_code="KRW",
        unit_word="EA",
        payment_text="월말 마감 익월 말 현금",
        page="{n} / {m}",
        contact="담당자",
        sign="결재",
    ),
    "fi": dict(
        title=["OSTOTILAUS", "Tilaus"],
        po=["Tilausnumero", "Tilausnro"],
        date=["Tilauspäivä", "Päivämäärä"],
        delivery=["Toimituspäivä", "Toivottu toimituspäivä"],
        currency=["Valuutta", "Valuutta"],
        payment=["Maksuehdot", "Maksuehto"],
        incoterms=["Toimitusehdot"] * 2,
        buyer=["Asiakas", "Tilaaja"],
        supplier=["Toimittaja", "Toimittaja"],
        item=["Tuotenumero", "Tuotekoodi"],
        desc=["Kuvaus", "Nimitys"],
        qty=["Määrä", "Määrä"],
        unit=["Yksikkö", "Yks"],
        price=["Yksikköhinta", "À-hinta"],
        amount=["Summa", "Rivisumma"],
        ldate=["Toimitus", "Toimituspäivä"],
        total=["Yhteensä", "Loppusumma"],
        subtotal="Välisumma",
        tax="ALV",
        num="fr",
        dates=["pl", "fi_long"],
        currency_code="EUR",
        unit_word="kpl",
        payment_text="14 pv netto",
        page="Sivu {n}/{m}",
        contact="Yhteyshenkilö",
        sign="Allekirjoitus",
    ),
    "nb": dict(
        title=["INNKJØPSORDRE", "Bestilling"],
        po=["Ordrenummer", "Ordrenr."],
        date=["Ordredato", "Dato"],
        delivery=["Leveringsdato", "Ønsket leveringsdato"],
        currency=["Valuta", "Valuta"],
        payment=["Betalingsbetingelser"] * 2,
        incoterms=["Leveringsbetingelser"] * 2,
        buyer=["Kunde", "Kjøper"],
        supplier=["Leverandør", "Leverandør"],
        item=["Varenr.", "Artikkelnr."],
        desc=["Beskrivelse", "Betegnelse"],
        qty=["Antall", "Antall"],
        unit=["Enhet", "Enhet"],
        price=["Enhetspris", "Pris"],
        amount=["Beløp", "Sum"],
        ldate=["Levering", "Leveringsdato"],
        total=["Totalt", "Å betale"],
        subtotal="Delsum",
        tax="MVA",
        num="fr",
        dates=["pl", "iso"],
        currency_code="NOK",
        unit_word="stk",
        payment_text="30 dager netto",
        page="Side {n} av {m}",
        contact="Kontaktperson",
        sign="Signatur",
    ),
    "hu": dict(
        title=["MEGRENDELÉS", "Beszerzési megrendelés"],
        po=["Rendelésszám", "Megrendelés száma"],
        date=["Rendelés dátuma", "Kelt"],
        delivery=["Szállítási határidő", "Teljesítési határidő"],
        currency=["Pénznem", "Deviza"],
        payment=["Fizetési feltételek", "Fizetési mód"],
        incoterms=["Szállítási feltételek"] * 2,
        buyer=["Megrendelő", "Vevő"],
        supplier=["Szállító", "Eladó"],
        item=["Cikkszám", "Termékkód"],
        desc=["Megnevezés", "Megnevezés"],
        qty=["Mennyiség", "Mennyiség"],
        unit=["Me.", "Mennyiségi egység"],
        price=["Egységár", "Nettó egységár"],
        amount=["Érték", "Nettó érték"],
        ldate=["Határidő", "Szállítási határidő"],
        total=["Összesen", "Végösszeg"],
        subtotal="Részösszeg",
        tax="ÁFA",
        num="fr",
        dates=["hu", "hu"],
        currency_code="HUF",
        unit_word="db",
        payment_text="átutalás 30 nap",
        page="{n}/{m}. oldal",
        contact="Kapcsolattartó",
        sign="Aláírás",
    ),
    "ru": dict(
        title=["ЗАКАЗ", "Заказ поставщику"],
        po=["Номер заказа", "Заказ №"],
        date=["Дата заказа", "Дата"],
        delivery=["Срок поставки", "Дата поставки"],
        currency=["Валюта", "Валюта"],
        payment=["Условия оплаты", "Порядок оплаты"],
        incoterms=["Условия поставки"] * 2,
        buyer=["Заказчик", "Покупатель"],
        supplier=["Поставщик", "Поставщик"],
        item=["Артикул", "Код товара"],
        desc=["Наименование", "Наименование товара"],
        qty=["Количество", "Кол-во"],
        unit=["Ед. изм.", "Ед. изм."],
        price=["Цена", "Цена за ед."],
        amount=["Сумма", "Стоимость"],
        ldate=["Срок", "Срок поставки"],
        total=["Итого", "Всего к оплате"],
        subtotal="Промежуточный итог",
        tax="НДС",
        num="fr",
        dates=["pl", "ru_long"],
        currency_code="RUB",
        unit_word="шт",
        payment_text="отсрочка 30 дней",
        page="Стр. {n} из {m}",
        contact="Контактное лицо",
        sign="Подпись",
    ),
    "ro": dict(
        title=["COMANDĂ", "Comandă de achiziție"],
        po=["Număr comandă", "Nr. comandă"],
        date=["Data comenzii", "Data"],
        delivery=["Termen de livrare", "Data livrării"],
        currency=["Monedă", "Monedă"],
        payment=["Condiții de plată", "Termen de plată"],
        incoterms=["Condiții de livrare"] * 2,
        buyer=["Cumpărător", "Client"],
        supplier=["Furnizor", "Furnizor"],
        item=["Cod produs", "Cod articol"],
        desc=["Denumire", "Descriere"],
        qty=["Cantitate", "Cantitate"],
        unit=["U.M.", "U.M."],
        price=["Preț unitar", "Preț unitar"],
        amount=["Valoare", "Valoare totală"],
        ldate=["Termen", "Termen de livrare"],
        total=["Total", "Total general"],
        subtotal="Subtotal",
        tax="TVA",
        num="de",
        dates=["pl", "ro_long"],
        currency_code="RON",
        unit_word="buc",
        payment_text="OP la 30 de zile",
        page="Pagina {n} din {m}",
        contact="Persoană de contact",
        sign="Semnătura",
    ),
    "lt": dict(
        title=["UŽSAKYMAS", "Užsakymas"],
        po=["Užsakymo Nr.", "Užsakymo numeris"],
        date=["Data", "Data"],
        delivery=["Pristatymo data", "Pristatymo data"],
        currency=["Valiuta", "Valiuta"],
        payment=["Apmokėjimo sąlygos"] * 2,
        incoterms=["Pristatymo sąlygos"] * 2,
        buyer=["Pirkėjas", "Pirkėjas"],
        supplier=["Tiekėjas", "Tiekėjas"],
        item=["Kodas", "Kodas"],
        desc=["Pavadinimas", "Pavadinimas"],
        qty=["Kiekis", "Kiekis"],
        unit=["Mat. vnt.", "Mat. vnt."],
        price=["Kaina", "Kaina"],
        amount=["Suma", "Suma"],
        ldate=["Terminas", "Terminas"],
        total=["Iš viso", "Iš viso"],
        subtotal="Tarpinė suma",
        tax="PVM",
        num="fr",
        dates=["iso", "iso"],
        currency_code="EUR",
        unit_word="vnt.",
        payment_text="30 dienų",
        page="{n}/{m}",
        contact="Kontaktinis asmuo",
        sign="Parašas",
    ),
    # no language file: nothing here is a word mailflow knows
    "el": dict(
        title=["ΠΑΡΑΓΓΕΛΙΑ", "Παραγγελία"],
        po=["Αρ. παραγγελίας", "Αριθμός παραγγελίας"],
        date=["Ημερομηνία", "Ημερομηνία"],
        delivery=["Ημ. παράδοσης", "Ημ. παράδοσης"],
        currency=["Νόμισμα", "Νόμισμα"],
        payment=["Τρόπος πληρωμής"] * 2,
        incoterms=["Όροι παράδοσης"] * 2,
        buyer=["Αγοραστής", "Αγοραστής"],
        supplier=["Προμηθευτής", "Προμηθευτής"],
        item=["Κωδικός", "Κωδικός"],
        desc=["Περιγραφή", "Περιγραφή"],
        qty=["Ποσότητα", "Ποσότητα"],
        unit=["Μ.Μ.", "Μ.Μ."],
        price=["Τιμή", "Τιμή μονάδας"],
        amount=["Αξία", "Αξία"],
        ldate=["Παράδοση", "Παράδοση"],
        total=["Σύνολο", "Σύνολο"],
        subtotal="Μερικό σύνολο",
        tax="ΦΠΑ",
        num="de",
        dates=["pl", "pl"],
        currency_code="EUR",
        unit_word="τεμ.",
        payment_text="60 ημέρες",
        page="Σελίδα {n}/{m}",
        contact="Υπεύθυνος",
        sign="Υπογραφή",
    ),
    # described since: Croatian, Bosnian and Thai buyers
    "hr": dict(
        title=["NARUDŽBENICA", "Narudžba"],
        po=["Broj narudžbe", "Narudžbenica br."],
        date=["Datum narudžbe", "Datum"],
        delivery=["Rok isporuke", "Datum isporuke"],
        currency=["Valuta", "Valuta"],
        payment=["Uvjeti plaćanja", "Način plaćanja"],
        incoterms=["Uvjeti isporuke"] * 2,
        buyer=["Naručitelj", "Kupac"],
        supplier=["Dobavljač", "Dobavljač"],
        item=["Šifra", "Šifra artikla"],
        desc=["Naziv", "Opis"],
        qty=["Količina", "Kol."],
        unit=["JM", "Jed. mj."],
        price=["Cijena", "Jedinična cijena"],
        amount=["Iznos", "Vrijednost"],
        ldate=["Rok isporuke", "Rok isporuke"],
        total=["Ukupno", "Sveukupno"],
        subtotal="Osnovica",
        tax="PDV",
        num="de",
        dates=["pl", "pl"],
        currency_code="EUR",
        unit_word="kom",
        payment_text="30 dana od datuma računa",
        page="Stranica {n}/{m}",
        contact="Kontakt osoba",
        sign="Potpis",
    ),
    "bs": dict(
        title=["NARUDŽBENICA", "Narudžba"],
        po=["Broj narudžbe", "Br. narudžbenice"],
        date=["Datum narudžbe", "Datum"],
        delivery=["Rok isporuke", "Datum isporuke"],
        currency=["Valuta", "Valuta"],
        payment=["Uslovi plaćanja", "Način plaćanja"],
        incoterms=["Uslovi isporuke"] * 2,
        buyer=["Naručilac", "Kupac"],
        supplier=["Dobavljač", "Dobavljač"],
        item=["Šifra", "Šifra artikla"],
        desc=["Naziv", "Naziv artikla"],
        qty=["Količina", "Količina"],
        unit=["JM", "J.M."],
        price=["Cijena", "Jedinična cijena"],
        amount=["Iznos", "Vrijednost"],
        ldate=["Rok isporuke", "Rok isporuke"],
        total=["Ukupno", "Ukupno za plaćanje"],
        subtotal="Osnovica",
        tax="PDV",
        num="de",
        dates=["pl", "pl"],
        currency_code="BAM",
        unit_word="kom",
        payment_text="30 dana",
        page="Strana {n}/{m}",
        contact="Kontakt osoba",
        sign="Potpis",
    ),
    "th": dict(
        title=["ใบสั่งซื้อ", "ใบสั่งซื้อ"],
        po=["เลขที่ใบสั่งซื้อ", "เลขที่ใบสั่งซื้อ"],
        date=["วันที่", "วันที่สั่งซื้อ"],
        delivery=["กำหนดส่ง", "วันที่ส่งของ"],
        currency=["สกุลเงิน", "สกุลเงิน"],
        payment=["เงื่อนไขการชำระเงิน"] * 2,
        incoterms=["เงื่อนไขการส่งมอบ"] * 2,
        buyer=["ผู้สั่งซื้อ", "ลูกค้า"],
        supplier=["ผู้ขาย", "ผู้ขาย"],
        item=["รหัสสินค้า", "รหัสสินค้า"],
        desc=["รายการ", "รายละเอียด"],
        qty=["จำนวน", "จำนวน"],
        unit=["หน่วย", "หน่วย"],
        price=["ราคาต่อหน่วย", "ราคา/หน่วย"],
        amount=["จำนวนเงิน", "จำนวนเงิน"],
        ldate=["กำหนดส่ง", "กำหนดส่ง"],
        total=["รวมทั้งสิ้น", "ยอดรวมทั้งสิ้น"],
        subtotal="รวมเงิน",
        tax="ภาษีมูลค่าเพิ่ม",
        num="en",
        dates=["fr", "iso"],
        currency_code="THB",
        unit_word="ชิ้น",
        payment_text="เครดิต 30 วัน",
        page="หน้า {n}/{m}",
        contact="ผู้ติดต่อ",
        sign="ลายเซ็น",
    ),
    # Irish, Maltese, Welsh, Basque and Galician buyers
    "ga": dict(
        title=["ORDÚ CEANNAIGH", "Ordú"],
        po=["Uimhir an ordaithe", "Uimh. ordaithe"],
        date=["Dáta an ordaithe", "Dáta"],
        delivery=["Dáta seachadta", "Dáta seachadta"],
        currency=["Airgeadra", "Airgeadra"],
        payment=["Téarmaí íocaíochta"] * 2,
        incoterms=["Téarmaí seachadta"] * 2,
        buyer=["Ceannaitheoir", "Custaiméir"],
        supplier=["Soláthraí", "Soláthraí"],
        item=["Cód", "Cód earra"],
        desc=["Cur síos", "Cur síos"],
        qty=["Cainníocht", "Cainníocht"],
        unit=["Aonad", "Aonad"],
        price=["Praghas aonaid", "Praghas"],
        amount=["Méid", "Suim"],
        ldate=["Dáta seachadta", "Dáta seachadta"],
        total=["Iomlán", "Iomlán le híoc"],
        subtotal="Fo-iomlán",
        tax="CBL",
        num="en",
        dates=["uk", "iso"],
        currency_code="EUR",
        unit_word="píosa",
        payment_text="30 lá glan",
        page="Leathanach {n}/{m}",
        contact="Teagmhálaí",
        sign="Síniú",
    ),
    "mt": dict(
        title=["ORDNI TAX-XIRI", "Ordni"],
        po=["Numru tal-Ordni", "Nru. tal-Ordni"],
        date=["Data tal-Ordni", "Data"],
        delivery=["Data tal-Kunsinna", "Data tal-Kunsinna"],
        currency=["Munita", "Munita"],
        payment=["Kundizzjonijiet tal-Ħlas", "Termini tal-Ħlas"],
        incoterms=["Kundizzjonijiet tal-Kunsinna"] * 2,
        buyer=["Xerrej", "Klijent"],
        supplier=["Fornitur", "Fornitur"],
        item=["Kodiċi", "Kodiċi"],
        desc=["Deskrizzjoni", "Deskrizzjoni"],
        qty=["Kwantità", "Kwantità"],
        unit=["Unità", "Unità"],
        price=["Prezz Unitarju", "Prezz"],
        amount=["Ammont", "Ammont"],
        ldate=["Data tal-Kunsinna", "Data tal-Kunsinna"],
        total=["Total Ġenerali", "Total"],
        subtotal="Subtotal",
        tax="VAT",
        num="en",
        dates=["uk", "uk"],
        currency_code="EUR",
        unit_word="biċċiet",
        payment_text="30 jum nett",
        page="Paġna {n}/{m}",
        contact="Persuna ta' Kuntatt",
        sign="Firma",
    ),
    "cy": dict(
        title=["ARCHEB BRYNU", "Archeb"],
        po=["Rhif Archeb", "Rhif yr Archeb"],
        date=["Dyddiad Archeb", "Dyddiad"],
        delivery=["Dyddiad Danfon", "Dyddiad Cyflenwi"],
        currency=["Arian Cyfred", "Arian Cyfred"],
        payment=["Telerau Talu"] * 2,
        incoterms=["Telerau Danfon"] * 2,
        buyer=["Prynwr", "Cwsmer"],
        supplier=["Cyflenwr", "Cyflenwr"],
        item=["Cod", "Cod Eitem"],
        desc=["Disgrifiad", "Disgrifiad"],
        qty=["Nifer", "Maint"],
        unit=["Uned", "Uned"],
        price=["Pris Uned", "Pris"],
        amount=["Swm", "Cyfanswm"],
        ldate=["Dyddiad Danfon", "Dyddiad Danfon"],
        total=["Cyfanswm", "Cyfanswm i'w dalu"],
        subtotal="Is-gyfanswm",
        tax="TAW",
        num="en",
        dates=["uk", "uk"],
        currency_code="GBP",
        unit_word="darn",
        payment_text="30 diwrnod net",
        page="Tudalen {n} o {m}",
        contact="Person Cyswllt",
        sign="Llofnod",
    ),
    "eu": dict(
        title=["EROSKETA-ESKAERA", "Eskaera"],
        po=["Eskaera zenbakia", "Eskaera zk."],
        date=["Eskaera data", "Data"],
        delivery=["Entrega-data", "Entrega-data"],
        currency=["Txanpona", "Moneta"],
        payment=["Ordainketa-baldintzak"] * 2,
        incoterms=["Entrega-baldintzak"] * 2,
        buyer=["Eroslea", "Bezeroa"],
        supplier=["Hornitzailea", "Hornitzailea"],
        item=["Kodea", "Kodea"],
        desc=["Deskribapena", "Azalpena"],
        qty=["Kopurua", "Kopurua"],
        unit=["Unitatea", "Unitatea"],
        price=["Unitateko prezioa", "Prezioa"],
        amount=["Zenbatekoa", "Zenbatekoa"],
        ldate=["Entrega-data", "Entrega-data"],
        total=["Guztira", "Guztizkoa"],
        subtotal="Zerga-oinarria",
        tax="BEZ",
        num="de",
        dates=["fr", "iso"],
        currency_code="EUR",
        unit_word="ale",
        payment_text="30 egun",
        page="{n}/{m} orria",
        contact="Harremanetarako pertsona",
        sign="Sinadura",
    ),
    "gl": dict(
        title=["PEDIDO DE COMPRA", "Pedido"],
        po=["Número de pedido", "Nº de pedido"],
        date=["Data do pedido", "Data"],
        delivery=["Data de entrega", "Prazo de entrega"],
        currency=["Moeda", "Divisa"],
        payment=["Forma de pagamento", "Condicións de pagamento"],
        incoterms=["Condicións de entrega"] * 2,
        buyer=["Cliente", "Comprador"],
        supplier=["Provedor", "Provedor"],
        item=["Código", "Referencia"],
        desc=["Descrición", "Concepto"],
        qty=["Cantidade", "Cantidade"],
        unit=["Unidade", "Ud."],
        price=["Prezo unitario", "Prezo"],
        amount=["Importe", "Importe"],
        ldate=["Data de entrega", "Data de entrega"],
        total=["Total", "Total a pagar"],
        subtotal="Base impoñible",
        tax="IVE",
        num="de",
        dates=["fr", "fr"],
        currency_code="EUR",
        unit_word="ud.",
        payment_text="Transferencia a 30 días",
        page="Páxina {n}/{m}",
        contact="Persoa de contacto",
        sign="Sinatura",
    ),
}
LANG.update(TRADE_LANG)
TRADE_MONTHS = {  # the genitive forms long dates print (CLDR's format context)
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
}
TRADE_NOUNS = {  # item key → noun; items without one keep the English noun, as mixed-language ERPs print
    "cs": {
        "standoff": "Distanční sloupek",
        "bracket": "Montážní úhelník",
        "board": "Řídicí deska",
        "screw": "Šroub",
        "spring": "Tlačná pružina",
        "gasket": "Těsnění",
        "cable": "Napájecí kabel",
    },
    "da": {
        "standoff": "Afstandsbøsning",
        "bracket": "Monteringsbeslag",
        "board": "Styreprint",
        "screw": "Maskinskrue",
        "spring": "Trykfjeder",
        "gasket": "Pakning",
        "cable": "Strømkabel",
    },
    "tr": {
        "standoff": "Altıgen mesafe burcu",
        "bracket": "Montaj braketi",
        "board": "Kontrol kartı",
        "screw": "Makine vidası",
        "spring": "Basma yayı",
        "gasket": "Conta",
        "cable": "Güç kablosu",
    },
    "ko": {
        "standoff": "육각 스페이서",
        "bracket": "고정 브라켓",
        "board": "제어 보드",
        "screw": "머신 스크류",
        "spring": "압축 스프링",
        "gasket": "가스켓",
        "cable": "전원 케이블",
    },
    "fi": {
        "standoff": "Välikeholkki",
        "bracket": "Kiinnityskulma",
        "board": "Ohjainkortti",
        "screw": "Koneruuvi",
        "spring": "Puristusjousi",
        "gasket": "Tiiviste",
        "cable": "Virtajohto",
    },
    "nb": {
        "standoff": "Avstandshylse",
        "bracket": "Monteringsbrakett",
        "board": "Styrekort",
        "screw": "Maskinskrue",
        "spring": "Trykkfjær",
        "gasket": "Pakning",
        "cable": "Strømkabel",
    },
    "hu": {
        "standoff": "Távtartó",
        "bracket": "Rögzítő konzol",
        "board": "Vezérlőpanel",
        "screw": "Csavar",
        "spring": "Nyomórugó",
        "gasket": "Tömítés",
        "cable": "Tápkábel",
    },
    "ru": {
        "standoff": "Стойка шестигранная",
        "bracket": "Кронштейн",
        "board": "Плата управления",
        "screw": "Винт",
        "spring": "Пружина сжатия",
        "gasket": "Прокладка",
        "cable": "Кабель питания",
    },
    "ro": {
        "standoff": "Distanțier hexagonal",
        "bracket": "Suport de montaj",
        "board": "Placă de control",
        "screw": "Șurub",
        "spring": "Arc de compresie",
        "gasket": "Garnitură",
        "cable": "Cablu de alimentare",
    },
    "lt": {
        "standoff": "Tarpiklis",
        "bracket": "Tvirtinimo kampas",
        "board": "Valdymo plokštė",
        "screw": "Varžtas",
        "spring": "Spyruoklė",
        "gasket": "Tarpinė",
        "cable": "Maitinimo kabelis",
    },
    "hr": {
        "standoff": "Distantni stup",
        "bracket": "Montažni nosač",
        "board": "Upravljačka ploča",
        "screw": "Vijak",
        "spring": "Tlačna opruga",
        "gasket": "Brtva",
        "cable": "Kabel za napajanje",
    },
    "bs": {
        "standoff": "Distancer",
        "bracket": "Montažni nosač",
        "board": "Upravljačka ploča",
        "screw": "Vijak",
        "spring": "Opruga",
        "gasket": "Zaptivka",
        "cable": "Kabl za napajanje",
    },
    "th": {
        "standoff": "เสารองแผ่นวงจร",
        "bracket": "ขายึด",
        "board": "แผงควบคุม",
        "screw": "สกรู",
        "spring": "สปริงกด",
        "gasket": "ปะเก็น",
        "cable": "สายไฟ",
    },
    "ga": {"screw": "Scriú", "spring": "Spring brú", "cable": "Cábla cumhachta"},
    "mt": {"screw": "Kamin", "gasket": "Gasket", "cable": "Kejbil tal-elettriku"},
    "cy": {"screw": "Sgriw", "spring": "Sbring gwasgu", "cable": "Cebl pŵer", "board": "Bwrdd rheoli"},
    "eu": {"screw": "Torlojua", "spring": "Konpresio-malguki", "cable": "Elikatze-kablea", "gasket": "Juntura"},
    "gl": {
        "screw": "Parafuso",
        "spring": "Resorte de compresión",
        "cable": "Cable de alimentación",
        "board": "Placa de control",
    },
    "el": {
        "standoff": "Αποστάτης",
        "bracket": "Βάση στήριξης",
        "board": "Πλακέτα ελέγχου",
        "screw": "Βίδα",
        "spring": "Ελατήριο",
        "gasket": "Φλάντζα",
        "cable": "Καλώδιο τροφοδοσίας",
    },
}
TRADE_RATES = {
    "CZK": Decimal("23"),
    "DKK": Decimal("6.9"),
    "TRY": Decimal("32"),
    "KRW": Decimal("1350"),
    "NOK": Decimal("10.8"),
    "HUF": Decimal("360"),
    "RUB": Decimal("92"),
    "RON": Decimal("4.6"),
    "BAM": Decimal("1.8"),
    "THB": Decimal("36"),
}
WHOLE_UNITS = ("KRW", "HUF")  # prices in whole won and forint
TRADE_BUYERS: list[Party] = [
    Party(
        "Strojírny Vysočina s.r.o.",
        ["Průmyslová 1520/7", "586 01 Jihlava, Česká republika"],
        "Jan Novák",
        "nakup@strojirny-vysocina.example",
        "cs",
    ),
    Party(
        "Nordlys Elektronik ApS",
        ["Industrivej 14", "8600 Silkeborg, Danmark"],
        "Søren Østergaard",
        "indkob@nordlys-el.example",
        "da",
    ),
    Party(
        "Ege Makina Sanayi ve Ticaret A.Ş.",
        ["Atatürk OSB 10003 Sk. No:5", "35620 Çiğli / İzmir, Türkiye"],
        "Ayşe Yılmaz",
        "satinalma@egemakina.example",
        "tr",
    ),
    Party("대한정밀 주식회사", ["경기도 안산시 단원구 산단로 123"], "김민준", "order@daehan-precision.example", "ko"),
    Party(
        "Pohjolan Laite Oy",
        ["Teollisuustie 9", "33330 Tampere, Suomi"],
        "Mikko Virtanen",
        "hankinta@pohjolan-laite.example",
        "fi",
    ),
    Party(
        "Fjordteknikk AS",
        ["Verkstedveien 4", "5033 Bergen, Norge"],
        "Ingrid Hansen",
        "innkjop@fjordteknikk.example",
        "nb",
    ),
    Party(
        "Dunamenti Gépgyártó Kft.",
        ["Ipari park u. 12.", "2400 Dunaújváros, Magyarország"],
        "Nagy Péter",
        "beszerzes@dunamenti-gep.example",
        "hu",
    ),
    Party(
        "ООО «Уралприбор»",
        ["ул. Машиностроителей, д. 19", "620012 Екатеринбург, Россия"],
        "Иванов Сергей",
        "zakupki@uralpribor.example",
        "ru",
    ),
    Party(
        "Carpați Echipamente S.R.L.",
        ["Str. Fabricii nr. 21", "500269 Brașov, România"],
        "Andrei Popescu",
        "achizitii@carpati-echip.example",
        "ro",
    ),
    Party(
        "Baltijos Mechanika UAB",
        ["Pramonės g. 8", "LT-51329 Kaunas, Lietuva"],
        "Jonas Žukauskas",
        "pirkimai@baltijos-mech.example",
        "lt",
    ),
    Party(
        "Ελληνικά Εξαρτήματα Α.Ε.",
        ["Οδός Βιομηχανίας 14", "57022 Θεσσαλονίκη, Ελλάδα"],
        "Γιώργος Παπαδόπουλος",
        "promitheies@ellinika-ex.example",
        "el",
    ),
    Party(
        "Jadranski Strojevi d.o.o.",
        ["Industrijska ulica 12", "10000 Zagreb, Hrvatska"],
        "Ivan Horvat",
        "nabava@jadranski-strojevi.example",
        "hr",
    ),
    Party(
        "Bosanska Metalurgija d.o.o.",
        ["Zmaja od Bosne 45", "71000 Sarajevo, Bosna i Hercegovina"],
        "Emir Hadžić",
        "nabavka@bosmet.example",
        "bs",
    ),
    Party(
        "บริษัท สยามชิ้นส่วน จำกัด",
        ["99/1 ถนนบางนา-ตราด", "สมุทรปราการ 10540"],
        "สมชาย ใจดี",
        "purchasing@siam-parts.example",
        "th",
    ),
    Party(
        "Innealtóireacht an Iarthair Teo.",
        ["Páirc Ghnó na Gaillimhe 4", "Gaillimh H91 X2Y3, Éire"],
        "Seán Ó Briain",
        "ceannach@iarthair.example",
        "ga",
    ),
    Party(
        "Malta Precision Parts Limited",
        ["Triq l-Industrija 12", "Ħal Far BBG 3000, Malta"],
        "Marija Borg",
        "xiri@mpp.example",
        "mt",
    ),
    Party(
        "Peirianneg y Cymoedd Cyf.",
        ["Ystad Ddiwydiannol 7", "Merthyr Tudful CF48 4DR, Cymru"],
        "Rhys Pritchard",
        "pryniant@cymoedd.example",
        "cy",
    ),
    Party(
        "Mekanika Bizkaia S.Koop.",
        ["Industrialdea 14", "48200 Durango, Bizkaia"],
        "Ane Etxeberria",
        "erosketak@mekabiz.example",
        "eu",
    ),
    Party(
        "Talleres Atlánticos S.L.",
        ["Polígono do Tambre, rúa Vía Pasteur 22", "15890 Santiago de Compostela"],
        "Xoán Castro",
        "compras@tatlanticos.example",
        "gl",
    ),
]
TRADE_BODY = {  # greeting, the sentence before the table, sign-off
    "cs": ("Dobrý den,", "zasíláme objednávku níže a prosíme o potvrzení termínu dodání.", "S pozdravem"),
    "da": ("Hej,", "hermed vores bestilling nedenfor; bekræft venligst leveringsdatoen.", "Venlig hilsen"),
    "tr": ("Merhaba,", "aşağıdaki siparişimizi onaylamanızı ve termin bildirmenizi rica ederiz.", "Saygılarımızla,"),
    "ko": ("안녕하십니까.", "아래와 같이 발주하오니 납기 회신 부탁드립니다.", "감사합니다."),
    "fi": ("Hei,", "ohessa tilauksemme; pyydämme vahvistamaan toimituspäivän.", "Ystävällisin terveisin"),
    "nb": ("Hei,", "vedlagt følger vår bestilling; vennligst bekreft leveringsdato.", "Med vennlig hilsen"),
    "hu": (
        "Tisztelt Partnerünk!",
        "az alábbiakat megrendeljük, kérjük a szállítási határidő visszaigazolását.",
        "Üdvözlettel:",
    ),
    "ru": ("Добрый день!", "просим поставить следующие позиции и подтвердить срок поставки.", "С уважением,"),
    "ro": ("Bună ziua,", "vă transmitem comanda de mai jos și vă rugăm să confirmați termenul.", "Cu stimă,"),
    "lt": ("Laba diena,", "prašome pristatyti žemiau nurodytas prekes ir patvirtinti terminą.", "Pagarbiai,"),
    "el": ("Καλημέρα σας,", "παρακαλούμε για την αποστολή των παρακάτω ειδών και την επιβεβαίωση.", "Με εκτίμηση,"),
    "hr": ("Poštovani,", "molimo isporuku sljedeće robe i potvrdu roka isporuke.", "Srdačan pozdrav,"),
    "bs": ("Poštovani,", "molimo vas da nam isporučite sljedeću robu i potvrdite rok isporuke.", "Lijep pozdrav,"),
    "th": ("เรียน ฝ่ายขาย", "ขอสั่งซื้อสินค้าตามรายการด้านล่าง กรุณายืนยันกำหนดส่ง", "ขอแสดงความนับถือ"),
    "ga": (
        "A chara,",
        "seol chugainn na hearraí seo a leanas, le do thoil, agus deimhnigh an dáta seachadta.",
        "Le meas,",
    ),
    "mt": (
        "Għażiż Sinjur,",
        "jekk jogħġbok ibgħatilna l-oġġetti hawn taħt u kkonferma d-data tal-kunsinna.",
        "Dejjem tiegħek,",
    ),
    "cy": (
        "Annwyl gyflenwr,",
        "anfonwch yr eitemau isod os gwelwch yn dda, a chadarnhewch y dyddiad danfon.",
        "Yn gywir,",
    ),
    "eu": ("Kaixo,", "mesedez, bidal iezaguzue beheko materiala eta berretsi entrega-data.", "Adeitasunez,"),
    "gl": (
        "Bos días,",
        "pregámoslles que nos envíen o material seguinte e que confirmen a data de entrega.",
        "Un cordial saúdo,",
    ),
}
TRADE_CHARSETS = {
    "cs": "iso-8859-2",
    "da": "iso-8859-1",
    "tr": "iso-8859-9",
    "ko": "euc-kr",
    "fi": "iso-8859-15",
    "nb": "iso-8859-1",
    "hu": "iso-8859-2",
    "ru": "windows-1251",
    "ro": "iso-8859-16",
    "lt": "iso-8859-13",
    "el": "iso-8859-7",
    "hr": "iso-8859-2",
    "bs": "windows-1250",
    "th": "tis-620",
    "ga": "iso-8859-1",
    "mt": "iso-8859-3",
    "cy": "windows-1252",
    "eu": "iso-8859-15",
    "gl": "iso-8859-1",
}


# Thai months (CLDR's abbreviations) and the Buddhist era Thai documents count years in (2026 is 2569)
THAI_MONTHS = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค."


def trade_date(d: date, style: str) -> str:
    """Dates of the trade languages: Hungarian year first, Korean 년 월 일, genitive long dates,
    Thai in the Buddhist era ("13 ธ.ค. 2569")."""
    if style == "th_be":
        return f"{d.day} {THAI_MONTHS.split()[d.month - 1]} {d.year + 543}"
    if style == "hu":
        return f"{d.year}.{d.month:02d}.{d.day:02d}."
    if style == "ko":
        return f"{d.year}년 {d.month}월 {d.day}일"
    lang = style.split("_")[0]
    month = TRADE_MONTHS[lang].split()[d.month - 1]
    return f"{d.day}. {month} {d.year}" if lang in ("cs", "fi") else f"{d.day} {month} {d.year}"


def make_trade_po(name: str, buyer: Party, n: int) -> g.PO:
    """``make_po`` for the trade languages (their nouns, currencies and number shapes)."""
    rng = rng_for(name)
    lang = buyer.lang
    currency = buyer.currency or LANG[lang]["currency_code"]
    rate = TRADE_RATES.get(currency) or RATES[currency]
    po_date = g.pick_date(rng, date(2026, 11, 13), 12, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=21), 40, True)
    lines = []
    for key, spec, base, unit_class in rng.sample(ITEMS, n):
        noun = TRADE_NOUNS[lang].get(key) or NOUNS[key].split("|")[0]
        qty = Decimal(rng.choice(QTYS if Decimal(base) < 4 else [20, 50, 80, 100, 150, 200, 300, 500]))
        price = Decimal(base) * rate * Decimal(rng.randrange(90, 116)) / 100
        places = 0 if currency in WHOLE_UNITS else (4 if price < Decimal("0.1") else 2)
        price = max(price.quantize(Decimal(1).scaleb(-places)), Decimal(1).scaleb(-places))
        amount = (qty * price).quantize(Decimal(1) if currency in WHOLE_UNITS else Decimal("0.01"))
        unit = "m" if unit_class == "m" else LANG[lang]["unit_word"]
        lines.append(
            g.Line(f"{key[:3].upper()}-{rng.randrange(1000, 9999)}", f"{noun} {spec}", qty, unit, price, amount, None)
        )
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f"{lang.upper()}-{rng.randrange(2026000, 2026999)}"
    party = g.Buyer(buyer.name, buyer.address, buyer.person, buyer.email, lang=lang, currency=currency)
    return g.PO(number, party, po_date, delivery, currency, None, LANG[lang]["payment_text"], lines, total)


def trade_body(page: Page, style: str) -> str:
    """A PO typed into a mail body in a trade language (the layout of ``body_text``)."""
    greet, ask, bye = TRADE_BODY[page.lang]
    out = [greet, "", ask, ""]
    out += [f"{label}: {value}" for label, value in page.header()]
    out.append("")
    cols = page.columns()
    if style == "tabs":
        out.append("\t".join(label for _, label in cols))
        out += ["\t".join(r) for r in page.rows()]
    else:
        widths = [max(g._dw(label), *(g._dw(r[i]) for r in page.rows())) + 2 for i, (_, label) in enumerate(cols)]
        out.append(" ".join(g._dpad(label, w, k in NUMERIC) for (k, label), w in zip(cols, widths)))
        out += [" ".join(g._dpad(v, w, k in NUMERIC) for (k, _), w, v in zip(cols, widths, r)) for r in page.rows()]
    total = page.total_line()
    if total:
        out += ["", f"{total[0]}: {total[1]}"]
    out += ["", bye, page.po.buyer.contact, page.po.buyer.name]
    return "\n".join(out) + "\n"


class TradePage(Page):
    """A ``Page`` whose dates may be in the trade languages' own styles."""

    def d(self, value: date) -> str:
        style = self.date_style
        return (
            trade_date(value, style)
            if style in ("hu", "ko", "th_be") or style.endswith("_long") and style.split("_")[0] in TRADE_MONTHS
            else fmt_date(value, style)
        )


def _trade(b, add, out) -> None:
    """Orders from the buyer languages of OEM trade: bodies in their legacy charsets, an intranet page
    attached, printed PDFs and workbooks; orders in languages without vocabulary; and ordinary mail
    with numbers in those languages, which must stay plain mail."""
    by_lang = {p.lang: p for p in TRADE_BUYERS}
    neutral = {
        "cs": "Zboží",
        "da": "Varer",
        "tr": "Ürünler",
        "ko": "자재",
        "fi": "Tuotteet",
        "nb": "Varer",
        "hu": "Termékek",
        "ru": "Позиции",
        "ro": "Produse",
        "lt": "Prekės",
        "el": "Είδη",
        "hr": "Roba",
        "bs": "Artikli",
        "th": "รายการสินค้า",
        "ga": "Earraí",
        "mt": "Oġġetti",
        "cy": "Eitemau",
        "eu": "Materiala",
        "gl": "Material",
    }
    for i, (lang, party) in enumerate(by_lang.items()):
        name = f"{lang}-trade-body-{TRADE_CHARSETS[lang]}"
        po = make_trade_po(name, party, 2 + i % 3)
        page = TradePage(po, lang, variant=i % 2, dates=LANG[lang]["dates"][i % 2])
        # half name the order in the subject, half say nothing a dictionary would recognise
        subject = f"{page.lab('title')} {po.number}" if i % 2 == 0 else f"{neutral[lang]} {po.po_date:%m/%Y}"
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=subject,
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=trade_body(page, "tabs" if i % 3 == 0 else "aligned"),
            charset=TRADE_CHARSETS[lang],
        )
        if not g.described(lang):  # nothing names it: it must reach a person, as a possible order
            expected = g.expected_for(None, None, kind="purchase_order", needs_review=True)
        else:
            expected = page.golden(source="body")
        add(f"eml/{name}.eml", expected, "email", lang, "trade-body-legacy-charset")
    # a Thai order dated in the Buddhist era, as Thai offices print dates
    name = "th-trade-body-buddhist-era"
    po = make_trade_po(name, by_lang["th"], 3)
    page = TradePage(po, "th", variant=0, dates="th_be")
    message(
        out(f"eml/{name}.eml"),
        sender=(by_lang["th"].person, by_lang["th"].email),
        subject=f"{page.lab('title')} {po.number}",
        msgid=f"{name}@{by_lang['th'].email.split('@')[1]}",
        body=trade_body(page, "aligned"),
    )
    add(f"eml/{name}.eml", page.golden(source="body"), "email", "th", "trade-body-buddhist-era")

    # an intranet page attached, from a buyer nobody knows, under a subject that says nothing
    for lang in ("cs", "ko"):
        party = by_lang[lang]
        name = f"{lang}-trade-intranet-page"
        po = make_trade_po(name, party, 3)
        page = TradePage(po, lang, variant=1)
        attachment = f"pozadavek-{po.number}.htm" if lang == "cs" else f"req-{po.number}.html"
        html = html_web_erp(page, style=1)
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=neutral[lang],
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=f"{TRADE_BODY[lang][0]}\n\n{party.person}\n",
            charset=TRADE_CHARSETS[lang],
            attachments=[(attachment, html.encode("utf-8"), "text/html")],
        )
        add(f"eml/{name}.eml", page.golden(source=attachment), "email + html", lang, "trade-intranet-page-attached")

    # printed orders and workbooks
    for i, lang in enumerate(("cs", "tr", "ru", "hu", "ro")):
        name = f"{lang}-trade-rl-classic"
        po = make_trade_po(name, by_lang[lang], 3 + i % 2)
        page = TradePage(po, lang, variant=i % 2, dates=LANG[lang]["dates"][i % 2], extra={"grid": i % 2 == 0})
        pdf_classic(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "trade-rl-classic")
    for i, lang in enumerate(("hr", "bs", "ga", "mt", "cy", "eu", "gl")):  # described since
        name = f"{lang}-trade-rl-classic"
        po = make_trade_po(name, by_lang[lang], 3 + i % 2)
        page = TradePage(po, lang, variant=i % 2, dates=LANG[lang]["dates"][i % 2], extra={"grid": i % 2 == 0})
        pdf_classic(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "trade-rl-classic")
    for i, lang in enumerate(("da", "fi", "nb")):
        name = f"{lang}-trade-xlsx-form"
        po = make_trade_po(name, by_lang[lang], 2 + i)
        page = TradePage(po, lang, variant=i % 2)
        xlsx_form(out(f"xlsx/{name}.xlsx"), page)
        add(f"xlsx/{name}.xlsx", page.golden(), "openpyxl", lang, "trade-xlsx-form")

    # ordinary mail with numbers, and an invoice typed into a mail: never an order
    ordinary = {
        "cs": (
            "Porada",
            "Dobrý den,\n\nporada se přesouvá na 27.11.2026 v 10:30, zasedačka 3.\n"
            "Volejte na +420 602 123 456. Loni jsme prodali 3 200 ks, o 12 % více než v roce 2024.\n"
            "\nJan Novák\n",
        ),
        "tr": (
            "Toplantı",
            "Merhaba,\n\n2 Aralık 2026 saat 14:00'te fuarda görüşelim, stand 4B, salon 7.\n"
            "Bütçe 3 kişi için toplam 4.500 TL.\nTel: +90 232 555 12 34\n\nAyşe\n",
        ),
        "da": (
            "Lagerstatus",
            "Hej,\n\nLagerstatus pr. 20.11.2026:\nHal 1  120  130  140\nHal 2  150  160  170\n"
            "Hal 3  110  115  120\n\nSøren\n",
        ),
    }
    for lang, (subject, body) in ordinary.items():
        party = by_lang[lang]
        name = f"{lang}-trade-ordinary-mail"
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=subject,
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=body,
            charset=TRADE_CHARSETS[lang],
        )
        add(f"eml/{name}.eml", g.expected_for(None, None, kind="other"), "email", lang, "trade-ordinary-mail")
    invoices = {"cs": "FAKTURA - DAŇOVÝ DOKLAD", "tr": "FATURA", "da": "FAKTURA"}
    for lang, title in invoices.items():
        name = f"{lang}-trade-invoice-body"
        po = make_trade_po(name, by_lang[lang], 2)
        page = TradePage(po, lang)
        table = trade_body(page, "aligned").split("\n")
        start = next(i for i, text in enumerate(table) if text.strip().startswith(page.columns()[0][1]))
        body = (
            f"{title} {po.number[-4:]}/2026\n{page.lab('po')}: {po.number}\n\n"
            + "\n".join(table[start : start + 1 + len(po.lines)])
            + f"\n\n{page.total_line()[0]}: "
            f"{page.total_line()[1]}\n\nDelta Components Trading Ltd\n"
        )
        message(
            out(f"eml/{name}.eml"),
            sender=("Delta Components", "sales@delta-components.example"),
            subject=f"{title} {po.number[-4:]}",
            msgid=f"{name}@delta-components.example",
            body=body,
            charset=TRADE_CHARSETS[lang],
        )
        add(
            f"eml/{name}.eml",
            g.expected_for(None, None, kind="other", order_null=True),
            "email",
            lang,
            "trade-invoice-body",
        )


# --------------------------------------------------------------------------- forwarded by a colleague

# How a colleague's mail client writes over the mail it forwards, per client language: the
# subject prefix and the quoted header block's labels (From, Sent, To, Subject) or a marker line.
FORWARD_CLIENT: dict[str, dict[str, str]] = {
    "en": dict(prefix="FW", labels="From|Sent|To|Subject", sent="Friday, November 20, 2026 10:14 AM"),
    "de": dict(prefix="WG", labels="Von|Gesendet|An|Betreff", sent="Freitag, 20. November 2026 10:14"),
    "fr": dict(prefix="TR", labels="De|Envoyé|À|Objet", sent="vendredi 20 novembre 2026 10:14"),
    "it": dict(prefix="I", labels="Da|Inviato|A|Oggetto", sent="venerdì 20 novembre 2026 10:14"),
    "es": dict(prefix="RV", labels="De|Enviado el|Para|Asunto", sent="viernes, 20 de noviembre de 2026 10:14"),
    "pt": dict(prefix="ENC", labels="De|Enviada em|Para|Assunto", sent="sexta-feira, 20 de novembro de 2026 10:14"),
    "nl": dict(prefix="FW", labels="Van|Verzonden|Aan|Onderwerp", sent="vrijdag 20 november 2026 10:14"),
    "sv": dict(prefix="VB", labels="Från|Skickat|Till|Ämne", sent="den 20 november 2026 10:14"),
    "pl": dict(prefix="PD", labels="Od|Wysłano|Do|Temat", sent="piątek, 20 listopada 2026 10:14"),
    "ja": dict(prefix="転送", labels="差出人|送信日時|宛先|件名", sent="2026年11月20日 金曜日 10:14"),
    "zh-Hans": dict(prefix="转发", labels="发件人|发送时间|收件人|主题", sent="2026年11月20日 10:14"),
    "zh-Hant": dict(prefix="轉寄", labels="寄件者|寄件日期|收件者|主旨", sent="2026年11月20日 上午 10:14"),
    "hu": dict(prefix="Továbbítás", labels="Feladó|Elküldve|Címzett|Tárgy", sent="2026. november 20., péntek 10:14"),
    "fi": dict(
        prefix="VL", labels="Lähettäjä|Lähetetty|Vastaanottaja|Aihe", sent="perjantai 20. marraskuuta 2026 10.14"
    ),
    "da": dict(prefix="VS", labels="Fra|Sendt|Til|Emne", sent="20. november 2026 10:14"),
    "cs": dict(prefix="FW", labels="Od|Odesláno|Komu|Předmět", sent="pátek 20. listopadu 2026 10:14"),
    "ko": dict(prefix="전달", labels="보낸 사람|보낸 날짜|받는 사람|제목", sent="2026년 11월 20일 금요일 오전 10:14"),
    "ru": dict(prefix="Пересл", labels="От|Отправлено|Кому|Тема", sent="20 ноября 2026 г. 10:14"),
    "tr": dict(prefix="İLT", labels="Kimden|Gönderildi|Kime|Konu", sent="20 Kasım 2026 Cuma 10:14"),
    "ro": dict(prefix="FW", labels="De la|Trimis|Către|Subiect", sent="vineri, 20 noiembrie 2026 10:14"),
    "nb": dict(prefix="VS", labels="Fra|Sendt|Til|Emne", sent="fredag 20. november 2026 10:14"),
}
# Gmail's marker line over a forwarded message, in the colleague's interface language
GMAIL_MARKER = {
    "en": "---------- Forwarded message ---------",
    "de": "---------- Weitergeleitete Nachricht ---------",
    "fr": "---------- Message transféré ---------",
    "es": "---------- Mensaje reenviado ---------",
    "it": "---------- Messaggio inoltrato ---------",
    "nl": "---------- Doorgestuurd bericht ---------",
    "zh-Hans": "---------- 转发的邮件 ---------",
    "ja": "---------- 転送されたメッセージ ---------",
}
COLLEAGUE = ("Anna Kovacs", "anna.kovacs@example.com")
COLLEAGUE_NOTE = "Please enter this order.\n\nThanks,\nAnna Kovacs\nKey Account Manager\n" + OUR + "\n"


def outlook_block(lang: str, party: Party, subject: str) -> str:
    """The quoted header block a colleague's Outlook writes in its language over a forward."""
    client = FORWARD_CLIENT[lang]
    sender, sent, to, subj = client["labels"].split("|")
    return (
        "________________________________\n"
        f"{sender}: {party.person} <{party.email}>\n{sent}: {client['sent']}\n"
        f"{to}: Anna Kovacs <{COLLEAGUE[1]}>\n{subj}: {subject}\n\n"
    )


def gmail_block(lang: str, party: Party, subject: str) -> str:
    return (
        f"{GMAIL_MARKER[lang]}\nFrom: {party.person} <{party.email}>\nDate: Fri, Nov 20, 2026 at 10:14 AM\n"
        f"Subject: {subject}\nTo: <{COLLEAGUE[1]}>\n\n"
    )


def _forwarded(b, by_lang, add, out) -> None:
    """Customers' orders forwarded by our account manager: the order inside is the customer's
    (the customer is the original sender's company, never our colleague or us), in the header
    blocks of every client language; as quoted text under Outlook's or Gmail's header lines, with
    the PDF carried along, or as the original message attached (message/rfc822)."""
    trade = {p.lang: p for p in TRADE_BUYERS}
    # 1. a body order quoted under Outlook's header block, in the colleague's language
    for i, lang in enumerate(FORWARD_CLIENT):
        name = f"{lang.lower()}-forwarded-outlook-body"
        if lang in LANG_INDEX:
            party = by_lang[lang][(i + 1) % len(by_lang[lang])]
            po = make_po(name, party, 2 + i % 3, incoterms=None)
            page: Page = Page(po, lang, variant=i % 2, dates=LANG[lang]["dates"][0])
            text = body_text(page, "aligned" if i % 2 else "tabs")
        else:
            party = trade[lang]
            po = make_trade_po(name, party, 2 + i % 3)
            page = TradePage(po, lang, variant=i % 2, dates=LANG[lang]["dates"][i % 2])
            text = trade_body(page, "aligned" if i % 2 else "tabs")
        subject = f"{page.lab('title')} {po.number}"
        message(
            out(f"eml/{name}.eml"),
            sender=COLLEAGUE,
            subject=f"{FORWARD_CLIENT[lang]['prefix']}: {subject}",
            msgid=f"{name}@example.com",
            body=COLLEAGUE_NOTE + "\n" + outlook_block(lang, party, subject) + text,
        )
        golden = page.golden(source="body")
        add(f"eml/{name}.eml", golden, "email", lang, "forwarded-outlook-body")
    # 2. a printed order forwarded from Gmail: the marker line, the header lines, the PDF carried along
    for i, lang in enumerate(GMAIL_MARKER):
        name = f"{lang.lower()}-forwarded-gmail-pdf"
        party = by_lang[lang][i % len(by_lang[lang])]
        po = make_po(name, party, 2 + i % 3)
        page = Page(po, lang, variant=i % 2)
        tmp = b.tmp / f"{name}.pdf"
        pdf_classic(tmp, page)
        subject = f"{page.lab('po')} {po.number}"
        attachment = f"{po.number.replace('/', '-')}.pdf"
        message(
            out(f"eml/{name}.eml"),
            sender=COLLEAGUE,
            subject=f"Fwd: {subject}",
            msgid=f"{name}@example.com",
            body=COLLEAGUE_NOTE + "\n" + gmail_block(lang, party, subject) + f"{po.buyer.contact}\n{party.name}\n",
            attachments=[(attachment, tmp.read_bytes(), "application/pdf")],
        )
        golden = page.golden(source=attachment)
        add(f"eml/{name}.eml", golden, "email + reportlab", lang, "forwarded-gmail-pdf")
    # 3. the customer's mail attached as a message (message/rfc822), a body order inside
    for i, lang in enumerate(("en", "de", "ko", "tr", "zh-Hant")):
        name = f"{lang.lower()}-forwarded-as-attachment"
        if lang in LANG_INDEX:
            party = by_lang[lang][-1]
            po = make_po(name, party, 2 + i % 2, incoterms=None)
            page = Page(po, lang, dates=LANG[lang]["dates"][0])
            text = body_text(page, "aligned")
        else:
            party = trade[lang]
            po = make_trade_po(name, party, 2 + i % 2)
            page = TradePage(po, lang, dates=LANG[lang]["dates"][0])
            text = trade_body(page, "aligned")
        inner = b.tmp / f"{name}-inner.eml"
        subject = f"{page.lab('title')} {po.number}"
        message(inner, sender=(party.person, party.email), subject=subject, msgid=f"{name}@x", body=text)
        message(
            out(f"eml/{name}.eml"),
            sender=COLLEAGUE,
            subject=f"{FORWARD_CLIENT[lang]['prefix']}: {subject}",
            msgid=f"{name}@example.com",
            body=COLLEAGUE_NOTE,
            attachments=[(f"{po.number.replace('/', '-')}.eml", inner.read_bytes(), "message/rfc822")],
        )
        golden = page.golden(source="body")
        add(f"eml/{name}.eml", golden, "email", lang, "forwarded-as-attachment")


# --------------------------------------------------------------------------- what else a document may be

# Documents that state they are something else than an order, one or two per language: credit
# and debit notes, proforma invoices, return slips, order confirmations, payment advices.
OTHER_TITLES: list[tuple[str, str, str]] = [  # (language, kind, title as printed)
    ("en", "credit_note", "CREDIT NOTE"),
    ("en", "order_acknowledgement", "ORDER ACKNOWLEDGEMENT"),
    ("de", "return_note", "RETOURENSCHEIN"),
    ("de", "credit_note", "GUTSCHRIFT"),
    ("fr", "credit_note", "AVOIR"),
    ("fr", "order_acknowledgement", "CONFIRMATION DE COMMANDE"),
    ("it", "credit_note", "NOTA DI CREDITO"),
    ("it", "proforma_invoice", "FATTURA PROFORMA"),
    ("es", "credit_note", "NOTA DE CRÉDITO"),
    ("es", "debit_note", "NOTA DE DÉBITO"),
    ("pt", "remittance", "AVISO DE PAGAMENTO"),
    ("pt", "credit_note", "NOTA DE CRÉDITO"),
    ("nl", "credit_note", "CREDITNOTA"),
    ("nl", "order_acknowledgement", "ORDERBEVESTIGING"),
    ("sv", "credit_note", "KREDITNOTA"),
    ("sv", "return_note", "RETURSEDEL"),
    ("pl", "credit_note", "FAKTURA KORYGUJĄCA"),
    ("pl", "proforma_invoice", "FAKTURA PROFORMA"),
    ("ja", "return_note", "返品伝票"),
    ("ja", "order_acknowledgement", "注文請書"),
    ("zh-Hans", "return_note", "退货单"),
    ("zh-Hans", "order_acknowledgement", "订单确认书"),
    ("zh-Hant", "return_note", "退貨單"),
    ("zh-Hant", "remittance", "付款通知書"),
    ("cs", "credit_note", "DOBROPIS"),
    ("da", "credit_note", "KREDITNOTA"),
    ("tr", "return_note", "İADE İRSALİYESİ"),
    ("ru", "order_acknowledgement", "ПОДТВЕРЖДЕНИЕ ЗАКАЗА"),
    ("fi", "credit_note", "HYVITYSLASKU"),
    ("nb", "proforma_invoice", "PROFORMAFAKTURA"),
    ("hu", "credit_note", "JÓVÁÍRÓ SZÁMLA"),
    ("ru", "credit_note", "КРЕДИТ-НОТА"),
    ("ro", "proforma_invoice", "FACTURĂ PROFORMĂ"),
]
# What an order says of the documents around it: the quotation it follows, where the invoice
# goes, the confirmation it asks for. It stays an order.
ORDER_REFERENCES: dict[str, tuple[str, str, str]] = {
    "en": ("Quotation No.", "Invoice address", "Please send your order confirmation; invoices to accounts payable."),
    "de": (
        "Angebot Nr.",
        "Rechnungsadresse",
        "Bitte senden Sie uns eine Auftragsbestätigung; Rechnung an die Buchhaltung.",
    ),
    "fr": ("Devis n°", "Adresse de facturation", "Merci de nous envoyer la confirmation de commande et la facture."),
    "it": ("Offerta n.", "Indirizzo di fatturazione", "Inviare conferma d'ordine e fattura all'amministrazione."),
    "es": (
        "Presupuesto n.º",
        "Dirección de facturación",
        "Envíen la confirmación de pedido y la factura a contabilidad.",
    ),
    "pt": ("Orçamento n.º", "Endereço de faturação", "Enviem a confirmação de encomenda e a fatura à contabilidade."),
    "nl": ("Offerte nr.", "Factuuradres", "Graag een orderbevestiging; de factuur naar de administratie."),
    "sv": ("Offert nr", "Fakturaadress", "Skicka orderbekräftelse och faktura till ekonomiavdelningen."),
    "pl": ("Oferta nr", "Adres do faktury", "Prosimy o potwierdzenie zamówienia i fakturę."),
    "ja": ("見積書番号", "請求書送付先", "注文請書をご返送ください。"),
    "zh-Hans": ("报价单号", "发票寄送地址", "请回传订单确认书，发票寄至财务部。"),
    "zh-Hant": ("報價單號", "發票寄送地址", "請回傳訂單確認書，發票寄至財務部。"),
}


def pdf_titled_other(path: Path, title: str, page: Page, *, mention_po: bool) -> None:
    """A document with lines and amounts whose title says what else it is (``OTHER_TITLES``)."""
    cv = Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    po = page.po
    cv.text(m, H - 55, "Delta Components Trading Ltd", 13, True)
    cv.text(W - m, H - 55, title, 16, True, "r")
    pairs = [("No.", f"D-{po.number[-5:]}"), (DOC_DATE.get(page.lang, "Date"), page.d(po.po_date))]
    if mention_po:
        pairs.append((page.lab("po"), po.number))
    rl_kv(cv, pairs, W - m - 220, H - 85, label_w=100)
    rl_block(cv, page.lab("buyer"), page.buyer_lines()[:-1], m, H - 150)
    y = rl_table(cv, page, m, H - 240, W - 2 * m, grid=True)
    rl_totals(cv, page, W - m - 3, y - 10)
    cv.save()


class ReferencingPage(Page):
    """An order whose header names the quotation it follows and the invoice address."""

    def header(self) -> list[tuple[str, str]]:
        quote, invoice, _ = ORDER_REFERENCES[self.lang]
        return [*super().header(), (quote, f"Q-{self.po.number[-4:]}"), (invoice, self.po.buyer.address[0])]


def _other_documents(b, by_lang, add, out) -> None:
    """Documents that state what else they are, in every language (some name a PO and are
    named like one); and orders that speak of invoices, quotations and confirmations."""
    trade = {p.lang: p for p in TRADE_BUYERS}
    for i, (lang, kind, title) in enumerate(OTHER_TITLES):
        name = f"{lang.lower()}-titled-{i:02d}"  # a neutral name: the title alone says what it is
        party = by_lang[lang][i % len(by_lang[lang])] if lang in LANG_INDEX else trade[lang]
        po = make_po(name, party, 2 + i % 3) if lang in LANG_INDEX else make_trade_po(name, party, 2 + i % 3)
        page = Page(po, lang, variant=i % 2) if lang in LANG_INDEX else TradePage(po, lang, variant=i % 2)
        rel = f"pdf/{name}.pdf"
        if i % 5 == 0:  # named like an order: its title still says what it is
            rel = f"pdf/purchase_order_{po.number.replace('/', '-')}-{name}.pdf"
        pdf_titled_other(out(rel), title, page, mention_po=i % 3 != 1)
        add(rel, g.expected_for(None, None, kind="other", order_null=True), "reportlab", lang, f"not-order-{kind}")
    for i, lang in enumerate(ORDER_REFERENCES):
        name = f"{lang.lower()}-order-names-invoice-and-quote"
        po = make_po(name, by_lang[lang][(i + 2) % len(by_lang[lang])], 2 + i % 3)
        page = ReferencingPage(po, lang, variant=i % 2)
        pdf_classic(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "order-names-other-documents")


# --------------------------------------------------------------------------- who the customer is

LEGAL_SUFFIXES = (
    "Inc.",
    "LLC",
    "Ltd",
    "GmbH",
    "AG",
    "S.A.",
    "SAS",
    "S.r.l.",
    "S.p.A.",
    "S.L.",
    "Lda.",
    "Ltda.",
    "B.V.",
    "AB",
    "Sp. z o.o.",
    "SARL",
    "S.A.S.",
    "N.V.",
    "S.L.U.",
    "SpA",
)


def without_legal_form(name: str) -> str:
    """The buyer's name as people write it without its legal form ("Harborline Outdoor Gear")."""
    for suffix in sorted(LEGAL_SUFFIXES, key=len, reverse=True):
        if name.endswith(" " + suffix):
            return name[: -len(suffix) - 1].rstrip(" ,")
    return name


def _customers(b, by_lang, add, out) -> None:
    """Where the buying company is written: a sender's display name that also names the person,
    a free-mail sender who signs with the company, a sender whose domain alone says who it is
    (nobody may guess: the customer stays empty, flagged), and a party block naming the company
    without its legal form over a person's name, in each language."""
    for i, lang in enumerate(("en", "de", "fr", "it", "es", "nl")):
        party = by_lang[lang][(i + 2) % len(by_lang[lang])]
        name = f"{lang.lower()}-customer-in-display-name"
        po = make_po(name, party, 2 + i % 2, incoterms=None)
        page = Page(po, lang, dates=LANG[lang]["dates"][0])
        text = body_text(page, "tabs").replace(f"\n{party.name}\n", "\n")  # signed by the person only
        message(
            out(f"eml/{name}.eml"),
            sender=(f"{party.person} | {party.name}", party.email),
            subject=f"{page.lab('title')} {po.number}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=text,
        )
        add(f"eml/{name}.eml", page.golden(source="body"), "email", lang, "customer-in-display-name")

        name = f"{lang.lower()}-customer-free-mail-signature"
        po = make_po(name, party, 2 + (i + 1) % 2, incoterms=None)
        page = Page(po, lang, dates=LANG[lang]["dates"][0])
        first, last = party.person.split(" ", 1)
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, f"{first.lower()}.{last.lower().replace(' ', '')}@gmail.com"),
            subject=f"{page.lab('title')} {po.number}",
            msgid=f"{name}@mail.gmail.com",
            body=body_text(page, "tabs"),
        )
        add(f"eml/{name}.eml", page.golden(source="body"), "email", lang, "customer-free-mail-signature")

        name = f"{lang.lower()}-customer-only-a-domain"
        po = make_po(name, party, 2, incoterms=None)
        page = Page(po, lang, dates=LANG[lang]["dates"][0])
        message(
            out(f"eml/{name}.eml"),
            sender=(party.person, party.email),
            subject=f"{page.lab('title')} {po.number}",
            msgid=f"{name}@{party.email.split('@')[1]}",
            body=body_text(page, "tabs").replace(f"\n{party.name}\n", "\n"),
        )
        golden = page.golden(source="body", needs_review=True)
        golden["order"]["customer"] = None  # nothing names the company: a person does, never a guess
        add(f"eml/{name}.eml", golden, "email", lang, "customer-only-a-domain")
    for i, lang in enumerate(("en", "de", "fr", "it", "es", "pt", "nl", "sv", "pl")):
        party = by_lang[lang][i % len(by_lang[lang])]
        plain = Party(without_legal_form(party.name), party.address, party.person, party.email, lang, party.currency)
        name = f"{lang.lower()}-customer-block-without-legal-form"
        po = make_po(name, plain, 2 + i % 3)
        page = Page(po, lang, variant=i % 2)
        pdf_classic(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page.golden(), "reportlab", lang, "customer-block-without-legal-form")
