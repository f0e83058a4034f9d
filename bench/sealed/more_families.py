"""More sealed families: what OEM buyers send that the families in ``generate.py`` lack.

Called from ``generate.build()`` (``more_families.build_more``). Self-contained on purpose: its own
buyers, goods, wording, number and date conventions and its own order data, so that the golden
files come from this module's own ground truth and nothing here echoes the tuned corpus.

The families (``FAMILIES`` lists them with their producer):

- tax-exclusive and tax-inclusive unit prices side by side (不含税单价/含税单价, netto/brutto,
  sin IVA/con IVA), a VAT line and a grand total;
- quantities and prices with European thousands separators (``12.500``, ``1.234,50``) in fpdf2
  PDFs and in workbooks whose cells hold the printed text, under merged header cells;
- a long line table continued on the next pages without its header (platypus, ``Page 1/3``);
- two tables on one page: the lines, then a delivery schedule (fpdf2 ``table()`` twice);
- a small firm's order drawn cell by cell (fpdf2): units stuck to quantities (``1.200 Stk``),
  currency signs to prices, "Übertrag"/"Carried forward" rows at the page break;
- revised orders ("Revision 2", "Change order No. 3", "Änderung 1"): still the same PO number
  (python-docx, printed to PDF by LibreOffice, or as .docx with the change tracked: the old
  quantity deleted, the new one inserted);
- numbers that are not the PO number beside it: page ``1/1``, PO box, phone, fax, VAT id, IBAN,
  company registration (platypus with page header and footer callbacks);
- Japanese 注文書 (御中, 税抜/税込, 令和 dates) and Korean 발주서 workbooks (공급가액/세액, merged cells),
  also printed to PDF by LibreOffice Calc;
- Italian, Portuguese, Dutch and Spanish ERP print-outs (HTML printed to PDF by LibreOffice Writer);
- an invoice attached as ``purchase_order_NNN.pdf`` (still an invoice), and requests for quotation,
  statements of account and shipping notices that look like orders (LibreOffice from flat ODT, openpyxl);
- flat CSV exports in windows-1252, semicolons and decimal commas, the header repeated on every row;
- Calc order sheets whose amounts and totals are formulas, saved as .xlsx by LibreOffice;
- RTF orders printing list price, discount and net price per line (LibreOffice to PDF);
- orders attached as OpenDocument (.ods, .odt zipped by hand);
- Word orders with the header in text boxes and the lines in a table nested in a table;
- HTML mail from a buyer's procurement portal (order number, lines in a ``<table>``, VAT rows);
- a buyer named only in a letterhead image and the footer's small print;
- party blocks with the person and the company on separate lines ("Attn: Ms Chen").

Dates in the forms real ERPs print: ``16/Nov/26``, ``16-NOV-26``, ``2026-11-16``, ``令和8年11月16日``,
``2026. 11. 16.``, ``16 November 2026``, ``Nov 16, 2026``, and a delivery date led by its calendar
week (``KW 02/2027 (15.01.2027)``). Orders are dated in the first three weeks of November 2026, the
bench's "today" being 22 November 2026 (they were dated in 2027 at first, which made every one of
them an implausible, future PO date); deliveries follow three to nine weeks later.

Golden values: a line's ``unit_price`` and ``amount`` are tax-exclusive and after any discount; ``total`` is what the
document calls its total (the lines' sum, plus the VAT where the document adds it). Documents that
only describe a request, an invoice or a shipment are ``kind: other`` with no order.
"""

from __future__ import annotations

import base64
import csv
import io
import random
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import formataddr
from html import escape
from pathlib import Path
from typing import Any, Callable

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANS_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
STAMP = datetime(2026, 11, 21, 8, 30, tzinfo=timezone.utc)  # every document of this module is stamped so
SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
CENT = Decimal("0.01")

# ----------------------------------------------------------------------------- buyers and goods

# locale -> buyers: (company, address lines, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "en-US": [
        (
            "Kestrel Ridge Controls LLC",
            "PO Box 7716, 410 Ferro Way, Dayton, OH 45414",
            "Dana Whitfield",
            "kestrelridge.example",
            "USD",
        )
    ],
    "en-GB": [
        (
            "Thornbury Marine Systems Ltd",
            "Unit 9, Avonmouth Park, Bristol BS11 8DE",
            "Gareth Pryce",
            "thornbury-marine.example",
            "GBP",
        )
    ],
    "en-SG": [
        (
            "Lumen Harbour Technologies Pte. Ltd.",
            "21 Kallang Way #05-12, Singapore 349283",
            "Ms Chen Yiling",
            "lumenharbour.example",
            "USD",
        )
    ],
    "en-CN": [
        (
            "Shenzhen Hongyuan Precision Electronics Co., Ltd.",
            "Bldg 6, Xinhe Industrial Park, Longgang, Shenzhen 518116",
            "Ms Chen Jia",
            "hongyuan-pe.example",
            "USD",
        ),
        (
            "Ningbo Baiyue Appliance Co., Ltd.",
            "No. 255 Binhai 2nd Road, Hangzhou Bay New Zone, Ningbo",
            "Mr Xu Hao",
            "baiyue-appl.example",
            "USD",
        ),
    ],
    "de": [
        (
            "Baarblick Antriebstechnik GmbH",
            "Postfach 1122, Talstraße 41, 78048 Villingen-Schwenningen",
            "Jürgen Kienzle",
            "baarblick-antrieb.example",
            "EUR",
        ),
        (
            "Weserland Kältetechnik GmbH & Co. KG",
            "Hafenstraße 7, 28197 Bremen",
            "Svenja Meyerhoff",
            "weserland-kt.example",
            "EUR",
        ),
    ],
    "fr": [
        (
            "Ardennes Thermique SAS",
            "BP 215, 12 rue des Forges, 08000 Charleville-Mézières",
            "Élodie Marchal",
            "ardennes-thermique.example",
            "EUR",
        )
    ],
    "it": [
        (
            "Officine Meccaniche Valtrompia S.r.l.",
            "Via Artigiani 18, 25063 Gardone Val Trompia (BS)",
            "Chiara Bettinzoli",
            "omvaltrompia.example",
            "EUR",
        )
    ],
    "es": [
        (
            "Talleres Navarro Hermanos, S.L.",
            "Polígono Landaben, Calle E 14, 31012 Pamplona",
            "Iñaki Zabaleta",
            "talleresnavarro.example",
            "EUR",
        )
    ],
    "pt": [
        (
            "Metalúrgica do Ave, Lda.",
            "Zona Industrial de Lousado, Lote 22, 4760-469 Vila Nova de Famalicão",
            "Rui Figueiredo",
            "metalave.example",
            "EUR",
        )
    ],
    "nl": [
        (
            "Zeeuwse Pompentechniek B.V.",
            "Postbus 402, Kanaalweg 31, 4389 PB Ritthem",
            "Sanne de Visser",
            "zeeuwsepomp.example",
            "EUR",
        )
    ],
    "pl": [
        (
            "Śląskie Zakłady Elektrotechniczne S.A.",
            "ul. Hutnicza 9, 44-100 Gliwice",
            "Tomasz Wróbel",
            "szel-gliwice.example",
            "PLN",
        )
    ],
    "sv": [
        (
            "Norrbottens Elmaskin AB",
            "Box 318, Industrigatan 4, 972 38 Luleå",
            "Elin Backman",
            "nbelmaskin.example",
            "SEK",
        )
    ],
    "ja": [
        ("東海計装株式会社", "〒461-0005 愛知県名古屋市東区東桜2-9-3", "山田 真由美", "tokai-keiso.example", "JPY"),
        (
            "株式会社みちのく電機製作所",
            "〒980-0021 宮城県仙台市青葉区中央4-6-1",
            "佐藤 健太",
            "michinoku-denki.example",
            "JPY",
        ),
    ],
    "ko": [
        ("대성정밀 주식회사", "경상남도 창원시 성산구 공단로 271", "이서연", "daesung-jm.example", "KRW"),
        ("(주)한강테크", "인천광역시 남동구 남동대로 215", "박지훈", "hangang-tech.example", "KRW"),
    ],
    "zh-Hans": [
        ("苏州恒泰机电设备有限公司", "江苏省苏州市吴中区越溪街道友翔路18号", "周敏", "hengtai-jd.example", "CNY"),
        ("东莞市锦航塑胶制品有限公司", "东莞市常平镇横江厦工业区", "陈静", "jinhang-sj.example", "CNY"),
    ],
}
COMPANY_ONLY_IN_FOOTER = {  # buyers whose name the letterhead shows as a logo image only
    "en-GB": (
        "Brackenfield Instruments Ltd",
        "Station Road, Hebden Bridge HX7 8AD",
        "Oliver Brack",
        "brackenfield.example",
        "GBP",
    ),
    "de": ("Kupferhammer Messtechnik GmbH", "Hammerweg 3, 58762 Altena", "Birgit Sauer", "kupferhammer.example", "EUR"),
    "fr": ("Savoie Hydraulique SARL", "ZA des Marais, 73200 Albertville", "Luc Perrier", "savoie-hydro.example", "EUR"),
}

# (code stem, description per language (en fallback), base price in USD)
GOODS: list[tuple[str, dict[str, str], str]] = [
    (
        "BRK",
        {
            "en": "Mounting bracket, galvanised steel 2 mm",
            "de": "Montagewinkel, verzinkt 2 mm",
            "zh-Hans": "安装支架 镀锌钢板2mm",
            "ja": "取付ブラケット 亜鉛めっき鋼板",
            "ko": "고정 브라켓 아연도금",
        },
        "0.86",
    ),
    (
        "ORG",
        {
            "en": "O-ring 24x2.5 NBR 70",
            "de": "O-Ring 24x2,5 NBR 70",
            "it": "Anello OR 24x2,5 NBR 70",
            "zh-Hans": "O型圈 24x2.5 丁腈橡胶",
            "ja": "Oリング 24x2.5 NBR",
        },
        "0.07",
    ),
    (
        "PCB",
        {
            "en": "Controller PCB assembly, rev. D",
            "de": "Steuerplatine bestückt, Rev. D",
            "fr": "Carte contrôleur équipée, ind. D",
            "zh-Hans": "控制板组件 D版",
            "ko": "컨트롤러 PCB 조립품",
        },
        "11.40",
    ),
    (
        "SPR",
        {
            "en": "Compression spring 0.8x6x20",
            "es": "Muelle de compresión 0,8x6x20",
            "pt": "Mola de compressão 0,8x6x20",
            "ja": "圧縮ばね 0.8x6x20",
        },
        "0.12",
    ),
    (
        "HSG",
        {
            "en": "Housing, ABS UL94-V0, black",
            "nl": "Behuizing ABS UL94-V0 zwart",
            "it": "Custodia ABS UL94-V0 nera",
            "zh-Hans": "外壳 ABS 阻燃 黑色",
            "ko": "하우징 ABS 블랙",
        },
        "1.95",
    ),
    (
        "CBL",
        {
            "en": "Cable harness 6-pole, 450 mm",
            "de": "Kabelbaum 6-polig, 450 mm",
            "pl": "Wiązka kablowa 6-pin, 450 mm",
            "sv": "Kabelstam 6-polig, 450 mm",
        },
        "2.30",
    ),
    (
        "MTR",
        {
            "en": "BLDC motor 24 V, 40 W",
            "de": "BLDC-Motor 24 V, 40 W",
            "fr": "Moteur BLDC 24 V, 40 W",
            "ja": "ブラシレスモーター 24V 40W",
        },
        "18.75",
    ),
    (
        "SCR",
        {
            "en": "Screw M4x10 ISO 7380, A2",
            "de": "Linsenkopfschraube M4x10 A2",
            "nl": "Schroef M4x10 ISO 7380 RVS",
            "es": "Tornillo M4x10 ISO 7380 inox",
        },
        "0.03",
    ),
    (
        "FAN",
        {
            "en": "Axial fan 80x80x25, 12 VDC",
            "it": "Ventola assiale 80x80x25 12 Vcc",
            "pt": "Ventilador axial 80x80x25 12 Vcc",
            "zh-Hans": "轴流风扇 80x80x25 12V",
        },
        "1.48",
    ),
    (
        "VLV",
        {
            "en": 'Solenoid valve 1/4", 230 VAC',
            "de": "Magnetventil G1/4, 230 V AC",
            "es": 'Electroválvula 1/4" 230 Vca',
            "ko": "솔레노이드 밸브 1/4인치",
        },
        "6.20",
    ),
    (
        "LBL",
        {
            "en": "Rating label, polyester, printed",
            "fr": "Étiquette signalétique polyester",
            "pl": "Tabliczka znamionowa, poliester",
            "sv": "Typskylt, polyester",
        },
        "0.09",
    ),
    (
        "GSK",
        {
            "en": "Gasket, silicone 120x80",
            "nl": "Pakking silicone 120x80",
            "pt": "Junta de silicone 120x80",
            "ja": "シリコンガスケット 120x80",
        },
        "0.44",
    ),
    (
        "KNB",
        {
            "en": "Control knob 25 mm, aluminium",
            "de": "Drehknopf 25 mm, Aluminium",
            "it": "Manopola 25 mm alluminio",
            "zh-Hans": "旋钮 25mm 铝合金",
        },
        "0.62",
    ),
    (
        "TRF",
        {
            "en": "Transformer 230/24 V, 60 VA",
            "es": "Transformador 230/24 V 60 VA",
            "nl": "Transformator 230/24 V 60 VA",
            "ko": "변압기 230/24V 60VA",
        },
        "7.90",
    ),
]
FX = {"USD": "1", "GBP": "0.79", "EUR": "0.93", "PLN": "4.1", "SEK": "10.4", "JPY": "148", "KRW": "1330", "CNY": "7.15"}
WHOLE = {"JPY", "KRW"}  # currencies printed without decimals
UNITS = {
    "en": "pcs",
    "de": "Stk",
    "fr": "pce",
    "it": "pz",
    "es": "ud",
    "pt": "un",
    "nl": "st",
    "pl": "szt",
    "sv": "st",
    "ja": "個",
    "ko": "EA",
    "zh-Hans": "个",
}
VAT = {
    "de": "19",
    "fr": "20",
    "it": "22",
    "es": "21",
    "pt": "23",
    "nl": "21",
    "pl": "23",
    "sv": "25",
    "ja": "10",
    "ko": "10",
    "zh-Hans": "13",
    "en": "20",
}


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # tax-exclusive
    amount: Decimal  # tax-exclusive
    due: date | None = None


@dataclass
class Po:
    """One order as this module's families print it; ``golden`` is what a correct parse says."""

    number: str
    buyer: str
    address: str
    person: str
    mail: str
    lang: str
    ordered: date
    due: date | None
    currency: str
    lines: list[Line]
    payment: str | None = None
    incoterms: str | None = None
    vat_rate: Decimal | None = None  # printed VAT added under the lines
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def vat(self) -> Decimal:
        if self.vat_rate is None:
            return Decimal(0)
        return money(self.net * self.vat_rate / 100, self.currency)

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat

    def gross_price(self, ln: Line) -> Decimal:
        return (ln.price * (100 + (self.vat_rate or Decimal(0))) / 100).quantize(
            Decimal(1) if self.currency in WHOLE else CENT, ROUND_HALF_UP
        )

    def golden(self, *, review: bool = False, source: str | None = None, total: bool = True) -> dict[str, Any]:
        dues = [ln.due for ln in self.lines if ln.due]
        head_due = self.due or (min(dues) if dues else None)
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": head_due.isoformat() if head_due else None,
            "currency": self.currency,
            "incoterms": self.incoterms,
            "payment_terms": self.payment,
        }
        if total:
            order["total"] = str(self.gross)
        order["lines"] = [
            {
                "item": ln.code,
                "description": ln.text,
                "quantity": str(ln.qty),
                "unit": ln.unit,
                "unit_price": str(ln.price),
                "amount": str(ln.amount),
                **({"delivery_date": ln.due.isoformat()} if ln.due else {}),
            }
            for ln in self.lines
        ]
        out: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            out["needs_review"] = True
        if source:
            out["source"] = source
        return out


OTHER: dict[str, Any] = {"kind": "other", "order": None}


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


class Draw:
    """The random draws of one document: the seed and the document's name decide them all."""

    def __init__(self, seed: int, name: str) -> None:
        self.r = random.Random(f"{seed}:more:{name}")

    def day(self, start: date, span: int, *, any_day: bool) -> date:
        d = start + timedelta(days=self.r.randrange(span))
        while not any_day and d.day <= 12:  # day and month must not be swappable in d/m/y prints
            d += timedelta(days=1)
        return d


def make_po(
    seed: int,
    name: str,
    locale: str,
    n: int,
    *,
    big: bool = False,
    any_day: bool = False,
    line_dates: bool = False,
    buyer: tuple[str, str, str, str, str] | None = None,
    number: Callable[[random.Random], str] | None = None,
) -> Po:
    """Draw an order: goods, quantities (``big``: thousands), prices in the buyer's currency."""
    d = Draw(seed, name)
    r = d.r
    lang = locale if locale.startswith("zh") else locale.split("-")[0]
    choices = BUYERS[locale]
    company, address, person, domain, currency = buyer or choices[len(name) % len(choices)]
    ordered = d.day(date(2026, 11, 2), 19, any_day=any_day)  # on or before 20 Nov
    due = d.day(ordered + timedelta(days=21), 40, any_day=any_day)
    pool = list(GOODS)
    lines = []
    picks = [pool[r.randrange(len(pool))] for _ in range(n)] if n > len(pool) else r.sample(pool, n)
    for k, (stem, texts, base) in enumerate(picks):
        text = texts.get(lang) or texts["en"]
        if n > len(pool):
            text = f"{text}, variant {chr(65 + k % 26)}{k // 26 + 1}"
        price = Decimal(base) * Decimal(FX[currency]) * Decimal(r.randrange(85, 125)) / 100
        if currency in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < Decimal("0.5"):
            price = price.quantize(Decimal("0.001")) or Decimal("0.001")
        else:
            price = price.quantize(CENT)
        qty = Decimal(
            r.choice([1200, 2500, 4800, 10000, 12500, 25000, 36000])
            if big
            else r.choice([50, 100, 240, 300, 500, 800, 1000, 1500])
        )
        lines.append(
            Line(
                f"{stem}-{r.randrange(1000, 9999)}",
                text,
                qty,
                UNITS[lang],
                price,
                money(qty * price, currency),
                due + timedelta(days=7 * r.randrange(0, 5)) if line_dates else None,
            )
        )
    if line_dates:
        lines[0].due = due
    po_number = number(r) if number else f"{r.randrange(4500000000, 4599999999)}"
    return Po(
        po_number,
        company,
        address,
        person,
        f"{re.sub(r'[^a-z]', '', person.split()[-1].lower()) or 'purchasing'}@{domain}"
        if person.isascii()
        else f"purchasing@{domain}",
        lang,
        ordered,
        None if line_dates else due,
        currency,
        lines,
    )


# ----------------------------------------------------------------------------- wording and conventions

KEYS = "title no date due bill ship vendor pos code text qty unit price gross rate amount net vat total currency payment page"
_WORDS = {
    "en": "Purchase Order|PO No.|PO Date|Required by|Bill to|Deliver to|Supplier|Ln|Part No.|Description|Order Qty|UoM|Unit Price (net)|Unit Price (gross)|VAT %|Net Amount|Net total|VAT|Total|Currency|Payment terms|Page",
    "de": "Bestellung|Bestell-Nr.|Bestelldatum|Liefertermin|Rechnungsanschrift|Lieferanschrift|Lieferant|Pos|Artikel-Nr.|Bezeichnung|Menge|ME|Einzelpreis netto|Einzelpreis brutto|USt %|Gesamt netto|Summe netto|zzgl. USt.|Gesamtbetrag|Währung|Zahlungsbedingungen|Seite",
    "fr": "Bon de commande|N° de commande|Date de commande|Date de livraison|Facturer à|Livrer à|Fournisseur|Lig.|Réf. article|Désignation|Quantité|U.|P.U. HT|P.U. TTC|TVA %|Montant HT|Total HT|TVA|Total TTC|Devise|Conditions de paiement|Page",
    "it": "Ordine d'acquisto|N. ordine|Data ordine|Data consegna|Intestatario|Luogo di consegna|Fornitore|Pos.|Codice|Descrizione|Q.tà|UM|Prezzo unit.|Prezzo IVA incl.|IVA %|Importo|Imponibile|IVA|Totale ordine|Valuta|Pagamento|Pagina",
    "es": "Pedido de compra|Nº pedido|Fecha pedido|Fecha de entrega|Facturar a|Entregar en|Proveedor|Lín.|Referencia|Descripción|Cantidad|Ud.|Precio sin IVA|Precio con IVA|IVA %|Importe|Base imponible|IVA|Total pedido|Moneda|Forma de pago|Página",
    "pt": "Nota de encomenda|Nº encomenda|Data|Data de entrega|Faturar a|Local de entrega|Fornecedor|Lin.|Referência|Designação|Quant.|Un.|Preço unit.|Preço c/ IVA|IVA %|Valor|Total ilíquido|IVA|Total|Moeda|Condições de pagamento|Página",
    "nl": "Inkooporder|Ordernr.|Orderdatum|Leverdatum|Factuuradres|Afleveradres|Leverancier|Rgl|Artikelnr.|Omschrijving|Aantal|Eenh.|Prijs excl. btw|Prijs incl. btw|Btw %|Bedrag|Subtotaal|Btw|Totaal|Valuta|Betalingscondities|Pagina",
    "pl": "Zamówienie|Nr zamówienia|Data wystawienia|Termin realizacji|Nabywca|Miejsce dostawy|Dostawca|Lp.|Indeks|Nazwa|Ilość|J.m.|Cena netto|Cena brutto|VAT %|Wartość netto|Razem netto|VAT|Razem brutto|Waluta|Termin płatności|Strona",
    "sv": "Beställning|Beställningsnr|Beställningsdatum|Önskad leverans|Fakturaadress|Leveransadress|Leverantör|Rad|Art.nr|Benämning|Antal|Enh.|Pris exkl. moms|Pris inkl. moms|Moms %|Belopp|Summa exkl. moms|Moms|Att betala|Valuta|Betalningsvillkor|Sida",
    "ja": "注文書|注文番号|注文日|納期|請求先|納入先|仕入先|No.|品番|品名|数量|単位|単価(税抜)|単価(税込)|税率|金額(税抜)|小計|消費税|合計(税込)|通貨|支払条件|頁",
    "ko": "발주서|발주번호|발주일|납기일자|발주업체|납품처|공급업체|순번|품번|품명/규격|수량|단위|단가|부가세포함단가|세율|공급가액|공급가액 합계|세액|합계금액|통화|결제조건|페이지",
    "zh-Hans": "采购订单|订单号|订单日期|交货日期|买方|收货地址|供应商|序号|物料编码|物料描述|数量|单位|不含税单价|含税单价|税率|不含税金额|不含税合计|税额|价税合计|币种|付款方式|页",
}
WORDS: dict[str, dict[str, str]] = {lang: dict(zip(KEYS.split(), text.split("|"))) for lang, text in _WORDS.items()}
PAYMENT = {
    "en": "Net 45 days EOM",
    "de": "30 Tage 2 % Skonto, 60 Tage netto",
    "fr": "60 jours fin de mois",
    "it": "Bonifico 60 gg d.f.f.m.",
    "es": "Confirming 90 días",
    "pt": "60 dias após fatura",
    "nl": "45 dagen na factuurdatum",
    "pl": "przelew 45 dni",
    "sv": "60 dagar netto",
    "ja": "月末締め翌月末払い",
    "ko": "세금계산서 발행 후 30일",
    "zh-Hans": "票到60天电汇",
}


WEEK = {"de": "KW", "nl": "wk", "sv": "v.", "en": "CW", "fr": "S", "it": "sett.", "pl": "tydz."}


def num(v: Decimal, style: str, places: int | None = None) -> str:
    """A number as the buyer's software prints it: ``en`` 12,500.00, ``eu`` 12.500,00, ``space``
    12 500,00, ``plain`` 12500.00."""
    if places is None:
        places = max(0, -int(v.as_tuple().exponent))  # type: ignore[arg-type]
    text = f"{v:,.{places}f}"
    if style == "eu":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    if style == "space":
        return text.replace(",", " ").replace(".", ",")
    if style == "plain":
        return text.replace(",", "")
    return text


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def day(d: date, style: str) -> str:
    return {
        "slash_mon": f"{d.day:02d}/{MONTHS[d.month - 1]}/{d.year % 100:02d}",  # 11/Jan/27
        "oracle": f"{d.day:02d}-{MONTHS[d.month - 1].upper()}-{d.year % 100:02d}",  # 08-JAN-27
        "iso_short": f"{d.year}-{d.month}-{d.day}",  # 2026-11-8, 2027-1-8
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "korean": f"{d.year}. {d.month}. {d.day}.",
        "cjk": f"{d.year}年{d.month}月{d.day}日",
        "long": f"{d.day} {LONG_MONTHS[d.month - 1]} {d.year}",
        "us_mon": f"{MONTHS[d.month - 1]} {d.day:02d}, {d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
    }[style]


@dataclass
class Print:
    """How one document prints an order: its wording, numbers and dates."""

    po: Po
    numbers: str = "en"
    dates: str = "iso"
    week: bool = False  # the delivery date led by its calendar week: "KW 02/2027 (15.01.2027)"

    @property
    def w(self) -> dict[str, str]:
        return WORDS[self.po.lang]

    def n(self, v: Decimal) -> str:
        return num(v, self.numbers)

    def q(self, v: Decimal) -> str:
        return num(v, self.numbers, 0)

    def d(self, v: date) -> str:
        return day(v, self.dates)

    def head(self, *, payment: bool = True) -> list[tuple[str, str]]:
        po, w = self.po, self.w
        rows = [(w["no"], po.number), (w["date"], self.d(po.ordered))]
        if po.due:
            due = self.d(po.due)
            if self.week:
                week, year = po.due.isocalendar().week, po.due.isocalendar().year  # 1 Jan 2027 is in week 53 of 2026
                due = f"{WEEK[po.lang]} {week:02d}/{year} ({due})"
            rows.append((w["due"], due))
        rows.append((w["currency"], po.currency))
        if payment and po.payment:
            rows.append((w["payment"], po.payment))
        return rows

    def rows(self, *, gross: bool = False) -> list[list[str]]:
        """The line table: header row, then one row per line (tax-exclusive amounts)."""
        w, po = self.w, self.po
        keys = ["pos", "code", "text", "qty", "unit", "price"] + (["gross"] if gross else []) + ["amount"]
        out = [[w[k] for k in keys]]
        for k, ln in enumerate(po.lines, 1):
            cells = {
                "pos": str(k * 10 if po.lang in ("de", "en") else k),
                "code": ln.code,
                "text": ln.text,
                "qty": self.q(ln.qty),
                "unit": ln.unit,
                "price": self.n(ln.price),
                "gross": self.n(po.gross_price(ln)),
                "amount": self.n(ln.amount),
            }
            out.append([cells[k_] for k_ in keys])
        return out

    def totals(self) -> list[tuple[str, str]]:
        po, w = self.po, self.w
        if po.vat_rate is None:  # nothing added: the net sum is the total
            return [(f"{w['net']} {po.currency}", self.n(po.net))]
        return [
            (w["net"], self.n(po.net)),
            (f"{w['vat']} {po.vat_rate}%", self.n(po.vat)),
            (f"{w['total']} {po.currency}", self.n(po.gross)),
        ]


def cjk(lang: str) -> bool:
    return lang in ("ja", "ko", "zh-Hans")


# ----------------------------------------------------------------------------- reportlab platypus

_FONTS: set[str] = set()


def rl_fonts(lang: str) -> tuple[str, str]:
    """DejaVu for Latin scripts (Polish, Swedish...), WenQuanYi for Chinese, Japanese and Korean."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if cjk(lang):
        if "cjk" not in _FONTS:
            pdfmetrics.registerFont(TTFont("MoreCJK", CJK_FONT, subfontIndex=0))
            _FONTS.add("cjk")
        return "MoreCJK", "MoreCJK"
    if "sans" not in _FONTS:
        pdfmetrics.registerFont(TTFont("MoreSans", SANS_FONT))
        pdfmetrics.registerFont(TTFont("MoreSansBold", SANS_BOLD))
        _FONTS.add("sans")
    return "MoreSans", "MoreSansBold"


def numbered_canvas(label: str, font_name: str) -> type:
    """A canvas that prints "Page n/N" at the foot of every page once the page count is known."""
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font_name, 7.5)
                self.drawRightString(560, 24, f"{label} {self._pageNumber}/{len(self._pages)}")
                super().showPage()
            super().save()

    return Numbered


@dataclass
class Platypus:
    """Options of the platypus order form (one function, several families)."""

    gross: bool = False  # a tax-inclusive unit price column beside the net one
    repeat_header: bool = True  # False: the table runs on over the next pages without its header
    distractors: list[str] = field(default_factory=list)  # numbers printed around the PO number
    footer: str = ""  # small print at the foot of every page
    attn: bool = False  # the bill-to block names the person first, the company on the next line
    japanese: bool = False  # 注文書: the supplier 御中 top left, the buyer top right


def platypus_order(path: Path, pr: Print, opt: Platypus) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, LongTable, PageTemplate, Paragraph, Spacer, Table, TableStyle

    po, w = pr.po, pr.w
    regular, bold = rl_fonts(po.lang)
    p = ParagraphStyle("p", fontName=regular, fontSize=8, leading=10)
    pb = ParagraphStyle("pb", parent=p, fontName=bold)
    title = ParagraphStyle("t", fontName=bold, fontSize=15, leading=19, alignment=1 if opt.japanese else 0)

    def para(text: str, style: ParagraphStyle = p) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    story: list[Any] = []
    if opt.japanese:
        story.append(
            Table(
                [[para(f"{SUPPLIER}　御中", pb), para(f"{po.buyer}\n{po.address}\n担当：{po.person}", p)]],
                colWidths=[270, 240],
            )
        )
        story += [Spacer(1, 6), para(w["title"], title), Spacer(1, 4), para("下記の通り注文いたします。"), Spacer(1, 6)]
    else:
        story += [para(po.buyer, ParagraphStyle("b", parent=pb, fontSize=12, leading=15)), para(po.address)]
        if opt.distractors:
            story.append(para("   ·   ".join(opt.distractors[:3])))
        story += [Spacer(1, 10), para(w["title"].upper(), title), Spacer(1, 6)]
    head = pr.head()
    if opt.distractors:  # a page number and the buyer's references printed in the same box as the PO number
        head = [(w["page"], "1/1")] + head[:1] + [tuple(x.split(": ", 1)) for x in opt.distractors[3:]] + head[1:]  # type: ignore[misc]
    key = Table([[para(a, pb), para(b)] for a, b in head], colWidths=[110, 150], hAlign="LEFT")
    key.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey)])
    )
    if opt.attn:
        first, _, rest = po.address.partition(", ")
        bill = f"{w['bill']}:\nAttn: {po.person}\n{po.buyer}\n{first}\n{rest}"
    else:
        bill = f"{w['bill']}:\n{po.buyer}\n{po.address}"
    parties = Table([[para(bill), para(f"{w['vendor']}:\n{SUPPLIER}\n{SUPPLIER_ADDR}")]], colWidths=[250, 250])
    if opt.japanese:
        story += [key, Spacer(1, 8)]
    else:
        story += [Table([[key, parties]], colWidths=[270, 250]), Spacer(1, 10)]
    rows = [[para(c) for c in r] for r in pr.rows(gross=opt.gross)]
    widths = [30, 68, 148, 52, 30, 58] + ([58] if opt.gross else []) + [66]
    t = LongTable(rows, colWidths=widths, repeatRows=1 if opt.repeat_header else 0)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [t, Spacer(1, 6)]
    tot = Table([[para(a, pb), para(b, pb)] for a, b in pr.totals()], colWidths=[130, 80], hAlign="RIGHT")
    tot.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]))
    story += [tot, Spacer(1, 14)]
    story.append(para(f"{po.person} · {po.mail}"))

    def on_page(canvas: Any, doc: Any) -> None:
        if opt.footer:
            canvas.setFont(regular, 6.5)
            canvas.drawString(40, 24, opt.footer)

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        invariant=1,
        title=w["title"],
        author="",
        leftMargin=40,
        rightMargin=40,
        topMargin=40,
        bottomMargin=48,
    )
    doc.addPageTemplates([PageTemplate("all", [Frame(40, 48, A4[0] - 80, A4[1] - 88, id="body")], onPage=on_page)])
    doc.build(story, canvasmaker=numbered_canvas(w["page"], regular))


# ----------------------------------------------------------------------------- fpdf2


def fpdf_doc(lang: str, *, landscape: bool = False) -> Any:
    """An fpdf2 document with a fixed date and file id (a seed always makes the same bytes)."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_creation_date(STAMP)
    pdf.file_id = lambda: -1
    if cjk(lang):
        pdf.add_font("u", fname=CJK_FONT, collection_font_number=0)
        pdf.add_font("u", style="B", fname=CJK_FONT, collection_font_number=0)
    else:
        pdf.add_font("u", fname=SANS_FONT)
        pdf.add_font("u", style="B", fname=SANS_BOLD)
    pdf.set_margins(14, 12, 14)
    pdf.add_page()
    return pdf


def fpdf_table(pdf: Any, rows: list[list[str]], widths: list[float], *, numeric_from: int) -> None:
    from fpdf.fonts import FontFace

    with pdf.table(
        col_widths=widths,
        text_align=["LEFT"] * numeric_from + ["RIGHT"] * (len(widths) - numeric_from),
        headings_style=FontFace(emphasis="BOLD", fill_color=(210, 222, 235)),
        line_height=5.2,
        borders_layout="SINGLE_TOP_LINE",
    ) as table:
        for r in rows:
            row = table.row()
            for c in r:
                row.cell(c)


def fpdf_euro_pdf(path: Path, pr: Print) -> None:
    """A mid-size ERP's order: thousands in quantities (``12.500``), ``1.234,50`` prices, VAT rows."""
    po, w = pr.po, pr.w
    pdf = fpdf_doc(po.lang)
    pdf.set_font("u", "B", 13)
    pdf.cell(0, 7, po.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8)
    pdf.multi_cell(90, 4, po.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("u", "B", 16)
    pdf.cell(0, 9, w["title"], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8.5)
    y = pdf.get_y()
    for label, value in pr.head():
        pdf.set_x(102)
        pdf.cell(44, 5, label + ":")
        pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    head_end = pdf.get_y()
    pdf.set_xy(14, y)
    pdf.multi_cell(84, 4.5, f"{w['vendor']}:\n{SUPPLIER}\n{SUPPLIER_ADDR}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), head_end) + 4)
    fpdf_table(pdf, pr.rows(), [10, 24, 62, 20, 10, 24, 30], numeric_from=3)
    pdf.ln(3)
    for label, value in pr.totals():
        pdf.set_x(110)
        pdf.cell(50, 5, label, align="R")
        pdf.cell(26, 5, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(0, 5, f"{po.person}, {po.mail}")
    pdf.output(str(path))


SCHEDULE = {  # the second table's title and columns: item, date, quantity
    "en": ("Delivery schedule", "Ln", "Delivery date", "Quantity"),
    "de": ("Lieferplan", "Pos", "Liefertermin", "Teilmenge"),
    "nl": ("Leverschema", "Rgl", "Leverdatum", "Deelaantal"),
    "sv": ("Leveransplan", "Rad", "Leveransdatum", "Delantal"),
}


def fpdf_schedule_pdf(path: Path, pr: Print) -> None:
    """Lines with no dates of their own, then a second table on the page: each line's deliveries
    in two or three parts (the quantities add up to the line's)."""
    po, w = pr.po, pr.w
    pdf = fpdf_doc(po.lang)
    pdf.set_font("u", "B", 14)
    pdf.cell(0, 8, f"{w['title']}  {po.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8.5)
    pdf.cell(0, 5, f"{po.buyer} · {po.address}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for label, value in pr.head():
        if label == w["no"]:
            continue
        pdf.cell(40, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(40, 5, w["vendor"])
    pdf.cell(0, 5, SUPPLIER, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    fpdf_table(pdf, pr.rows(), [12, 26, 62, 20, 12, 22, 28], numeric_from=3)
    pdf.ln(2)
    for label, value in pr.totals():
        pdf.set_x(100)
        pdf.cell(60, 5, label, align="R")
        pdf.cell(22, 5, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    title, c_pos, c_date, c_qty = SCHEDULE[po.lang]
    pdf.set_font("u", "B", 10)
    pdf.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8.5)
    rows = [[c_pos, w["code"], c_date, c_qty]]
    for k, (ln, parts) in enumerate(zip(po.lines, po.extra["schedule"]), 1):
        for when_, qty in parts:
            rows.append([str(k * 10 if po.lang in ("de", "en") else k), ln.code, pr.d(when_), pr.q(qty)])
    fpdf_table(pdf, rows, [14, 30, 34, 26], numeric_from=3)
    pdf.output(str(path))


CARRY = {  # the row closing a page, the row opening the next, "page n of N", currency signs
    "de": ("Übertrag", "Übertrag", "Seite {p} von {n}"),
    "en": ("Carried forward", "Brought forward", "Page {p} of {n}"),
    "fr": ("À reporter", "Report", "Page {p} sur {n}"),
    "nl": ("Transport", "Transport", "Blad {p} van {n}"),
}
SIGN = {"EUR": "€", "GBP": "£", "USD": "$"}


def fpdf_carried_pdf(path: Path, pr: Print, split: int) -> None:
    """A small firm's order laid out cell by cell: the unit stuck to the quantity (``1.200 Stk``),
    the currency sign to the price, and at the page break a carried-forward row closing page 1
    and a brought-forward row opening page 2 (which repeats no table header)."""
    po, w = pr.po, pr.w
    close, open_, page_label = CARRY[po.lang]
    sign = SIGN[po.currency]

    def price(v: Decimal) -> str:
        return f"{sign}{pr.n(v)}" if po.lang == "en" else f"{pr.n(v)} {sign}"

    pdf = fpdf_doc(po.lang)
    pdf.set_auto_page_break(False)

    def footer(page: int) -> None:
        pdf.set_xy(14, 285)
        pdf.set_font("u", "", 7)
        pdf.cell(0, 4, page_label.format(p=page, n=2), align="C")

    pdf.set_font("u", "B", 11)
    pdf.cell(0, 6, po.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8)
    pdf.cell(0, 4, po.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("u", "B", 15)
    pdf.cell(0, 8, w["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8.5)
    for label, value in pr.head() + [(w["vendor"], SUPPLIER)]:
        pdf.cell(42, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = [10, 24, 68, 24, 28, 28]
    heads = [w["pos"], w["code"], w["text"], w["qty"], w["price"], w["amount"]]
    pdf.set_font("u", "B", 7.5)
    for c, (width, text) in enumerate(zip(widths, heads)):
        pdf.cell(width, 6, text, border="B", align="L" if c < 3 else "R")
    pdf.ln(6)
    pdf.set_font("u", "", 8)
    running = Decimal(0)

    def carry(label: str) -> None:
        pdf.set_font("u", "B", 8)
        pdf.cell(sum(widths[:-1]), 6, f"{label} {po.currency}", border="T", align="R")
        pdf.cell(widths[-1], 6, pr.n(running), border="T", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("u", "", 8)

    for k, ln in enumerate(po.lines, 1):
        if k == split + 1:
            carry(close)
            footer(1)
            pdf.add_page()
            pdf.set_y(20)
            carry(open_)
        cells = [str(k), ln.code, ln.text, f"{pr.q(ln.qty)} {ln.unit}", price(ln.price), pr.n(ln.amount)]
        for c, (width, text) in enumerate(zip(widths, cells)):
            pdf.cell(width, 5.5, text, align="L" if c < 3 else "R")
        pdf.ln(5.5)
        running += ln.amount
    pdf.ln(2)
    for label, value in pr.totals():
        pdf.set_x(80)
        pdf.cell(78, 5, label, align="R")
        pdf.cell(28, 5, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(0, 5, f"{po.person} · {po.mail}")
    footer(2)
    pdf.output(str(path))


def split_schedule(po: Po, r: random.Random) -> list[list[tuple[date, Decimal]]]:
    """Two or three deliveries per line, the first on the order's delivery date."""
    assert po.due is not None
    out = []
    for ln in po.lines:
        parts = r.choice([2, 3])
        first = (ln.qty / parts).quantize(Decimal(1))
        qtys = [first] * (parts - 1) + [ln.qty - first * (parts - 1)]
        out.append([(po.due + timedelta(days=14 * k), q) for k, q in enumerate(qtys)])
    return out


INVOICE = {  # title, number label, "your order" label, due label, bank line
    "en": (
        "TAX INVOICE",
        "Invoice No.",
        "Your PO",
        "Payment due",
        "Please remit to: Bank of Example, IBAN GB82 WEST 1234 5698 7654 32",
    ),
    "de": (
        "RECHNUNG",
        "Rechnungs-Nr.",
        "Ihre Bestellung",
        "Fällig am",
        "Bankverbindung: IBAN DE89 3704 0044 0532 0130 00",
    ),
    "fr": (
        "FACTURE",
        "N° de facture",
        "Votre commande",
        "Échéance",
        "Règlement par virement : IBAN FR76 3000 6000 0112 3456 7890 189",
    ),
    "zh-Hans": ("销售发票", "发票号码", "贵司订单号", "付款期限", "开户行：示例银行东莞分行 账号 4400 1234 5678 9012"),
}


def fpdf_invoice_pdf(path: Path, pr: Print, invoice_no: str) -> None:
    """An invoice from us for the buyer's order (it names the order; it is not one)."""
    po, w = pr.po, pr.w
    title, no_label, po_label, due_label, bank = INVOICE[po.lang]
    pdf = fpdf_doc(po.lang)
    pdf.set_font("u", "B", 12)
    pdf.cell(0, 6, SUPPLIER, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8)
    pdf.cell(0, 4, SUPPLIER_ADDR, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("u", "B", 18)
    pdf.cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("u", "", 8.5)
    for label, value in (
        (no_label, invoice_no),
        (po_label, po.number),
        (w["date"], pr.d(po.due or po.ordered)),
        (due_label, pr.d((po.due or po.ordered) + timedelta(days=45))),
        (w["bill"], f"{po.buyer}, {po.address}"),
    ):
        pdf.cell(40, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    fpdf_table(pdf, pr.rows(), [10, 24, 62, 20, 10, 24, 30], numeric_from=3)
    pdf.ln(2)
    for label, value in pr.totals():
        pdf.set_x(110)
        pdf.cell(50, 5, label, align="R")
        pdf.cell(26, 5, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(0, 5, bank)
    pdf.output(str(path))


# ----------------------------------------------------------------------------- python-docx


def fix_zip(path: Path) -> None:
    """Rewrite an OOXML/ODF zip with fixed timestamps and order (same seed, same bytes)."""
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    names = sorted(src.namelist(), key=lambda n: (n != "mimetype", n))
    with zipfile.ZipFile(buf, "w") as dst:
        for name in names:
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-21T08:30:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 8, 30, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    src.close()
    path.write_bytes(buf.getvalue())


REVISION = {  # the revision banner, the revision-date label, the note saying what changed
    "en": (
        "Change Order No. {k} to Purchase Order",
        "Change date",
        "Quantities of line 2 changed; all other terms unchanged.",
    ),
    "de": ("Änderung {k} zur Bestellung", "Änderungsdatum", "Menge Pos. 20 geändert, sonst unverändert."),
    "it": ("Revisione {k} dell'ordine", "Data revisione", "Modificata la quantità della riga 2; invariato il resto."),
    "es": (
        "Modificación nº {k} del pedido",
        "Fecha modificación",
        "Cambio de cantidad en la línea 2; resto sin cambios.",
    ),
    "fr": (
        "Avenant n° {k} à la commande",
        "Date de l'avenant",
        "Quantité de la ligne 2 modifiée ; autres conditions inchangées.",
    ),
}


def docx_basics(lang: str) -> Any:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(0.7)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(8.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    return doc


def docx_save(doc: Any, path: Path, author: str) -> None:
    doc.core_properties.author = author
    doc.core_properties.created = doc.core_properties.modified = STAMP.replace(tzinfo=None)
    doc.core_properties.revision = 1
    doc.save(str(path))
    fix_zip(path)


TRACKED = (
    '<w:{kind} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="{id}" '
    'w:author="{author}" w:date="2026-11-20T10:00:00Z"><w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r></w:{kind}>'
)


def tracked_change(cell: Any, old: str, new: str, author: str, ident: int) -> None:
    """A cell whose value was changed with Word's change tracking on: the old value deleted, the
    new one inserted, both still in the file."""
    from docx.oxml import parse_xml

    cell.text = ""
    p = cell.paragraphs[0]._p
    a = escape(author)
    p.append(parse_xml(TRACKED.format(kind="del", id=ident, author=a, tag="delText", text=escape(old))))
    p.append(parse_xml(TRACKED.format(kind="ins", id=ident + 1, author=a, tag="t", text=escape(new))))


def docx_revised(path: Path, pr: Print, revision: int, revised: date, *, tracked: bool = False) -> None:
    """A revised order: the same PO number with a revision number beside it and a change date;
    ``tracked``: line 2's quantity and amount changed with change tracking left on."""
    po, w = pr.po, pr.w
    banner, date_label, note = REVISION[po.lang]
    doc = docx_basics(po.lang)
    doc.add_paragraph().add_run(po.buyer).bold = True
    doc.add_paragraph(po.address)
    doc.add_heading(f"{w['title']} {po.number} – Rev. {revision}", level=1)
    doc.add_paragraph(banner.format(k=revision) + f" {po.number}")
    head = pr.head()
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    cells = head[:2] + [("Rev.", str(revision)), (date_label, pr.d(revised))] + head[2:]
    for k in range(0, len(cells), 2):
        row = t.add_row().cells
        for j, (a, b) in enumerate(cells[k : k + 2]):
            row[2 * j].text, row[2 * j + 1].text = a, b
    doc.add_paragraph()
    doc.add_paragraph(f"{w['vendor']}: {SUPPLIER}")
    rows = pr.rows()
    items = doc.add_table(rows=0, cols=len(rows[0]))
    items.style = "Table Grid"
    for r in rows:
        for c, v in zip(items.add_row().cells, r):
            c.text = v
    if tracked and len(po.lines) > 1:
        ln = po.lines[1]
        old = ln.qty + 200 if ln.qty < 1000 else ln.qty - 200
        row = items.rows[2].cells
        tracked_change(row[3], pr.q(old), pr.q(ln.qty), po.person, 1)
        tracked_change(row[-1], pr.n(money(old * ln.price, po.currency)), pr.n(ln.amount), po.person, 3)
    for label, value in pr.totals():
        doc.add_paragraph(f"{label}: {value}")
    doc.add_paragraph(note)
    doc.add_paragraph(f"{po.person} – {po.mail}")
    docx_save(doc, path, po.person)


TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="{id}" type="#_x0000_t202" '
    'style="position:absolute;margin-left:{left}pt;margin-top:0;width:{width}pt;height:{height}pt;z-index:1">'
    "<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def textbox_xml(shape_id: str, left: int, width: int, lines: list[str]) -> Any:
    from docx.oxml import parse_xml

    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in lines)
    return parse_xml(TEXTBOX.format(id=shape_id, left=left, width=width, height=16 * len(lines) + 10, paras=paras))


def docx_boxes_nested(path: Path, pr: Print) -> None:
    """A Word order drawn by a designer: the buyer and the order's header fields in text boxes,
    the lines in a table nested inside the cell of an outer layout table."""
    po, w = pr.po, pr.w
    doc = docx_basics(po.lang)
    anchor = doc.add_paragraph()
    anchor._p.append(textbox_xml("buyer", 0, 230, [po.buyer, po.address, po.person]))
    anchor._p.append(textbox_xml("head", 270, 220, [f"{a}: {b}" for a, b in pr.head()]))
    for _ in range(6):
        doc.add_paragraph()
    doc.add_heading(w["title"], level=1)
    outer = doc.add_table(rows=2, cols=1)
    outer.style = "Table Grid"
    outer.cell(0, 0).text = f"{w['vendor']}: {SUPPLIER}, {SUPPLIER_ADDR}"
    cell = outer.cell(1, 0)
    rows = pr.rows()
    inner = cell.add_table(rows=0, cols=len(rows[0]))
    inner.style = "Table Grid"
    for r in rows:
        for c, v in zip(inner.add_row().cells, r):
            c.text = v
    for label, value in pr.totals():
        cell.add_paragraph(f"{label}  {value}")
    docx_save(doc, path, po.person)


# ----------------------------------------------------------------------------- openpyxl


def xlsx_save(wb: Any, path: Path, author: str) -> None:
    wb.properties.creator = author
    wb.properties.created = wb.properties.modified = STAMP.replace(tzinfo=None)
    wb.save(str(path))
    fix_zip(path)


def xlsx_euro_text(path: Path, pr: Print) -> None:
    """An ERP export pasted into a template: merged title and address cells, every number stored
    as the printed text (``12.500``, ``0,455``), an instructions sheet first, a hidden sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    po, w = pr.po, pr.w
    wb = Workbook()
    info = wb.active
    info.title = "Info"
    info["A1"] = {
        "de": "Bitte Auftragsbestätigung innerhalb 48 h an den Einkauf.",
        "it": "Inviare conferma d'ordine entro 48 ore.",
        "nl": "Graag binnen 48 uur een orderbevestiging sturen.",
        "fr": "Merci de confirmer sous 48 h.",
    }.get(po.lang, "Please confirm within 48 h.")
    ws = wb.create_sheet(w["title"][:31])
    ws.merge_cells("A1:G1")
    ws["A1"] = po.buyer
    ws["A1"].font = Font(size=14, bold=True)
    ws.merge_cells("A2:G2")
    ws["A2"] = po.address
    ws.merge_cells("A4:G4")
    ws["A4"] = w["title"]
    ws["A4"].alignment = Alignment(horizontal="center")
    row = 6
    for label, value in pr.head():
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 1, label)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
        ws.cell(row, 3, value)
        row += 1
    ws.cell(row, 1, w["vendor"])
    ws.cell(row, 3, SUPPLIER)
    row += 2
    for r in pr.rows():
        for c, v in enumerate(r, 1):
            ws.cell(row, c, v)
        row += 1
    row += 1
    for label, value in pr.totals():
        ws.cell(row, 5, label)
        ws.cell(row, 7, value)
        row += 1
    for col, width in zip("ABCDEFG", (6, 14, 38, 10, 6, 12, 14)):
        ws.column_dimensions[col].width = width
    old = wb.create_sheet("Archiv")
    old.sheet_state = "hidden"
    old.append([w["no"], w["date"], w["total"]])
    old.append([po.number[:-2] + "07", pr.d(po.ordered - timedelta(days=90)), pr.n(po.net * 2)])
    xlsx_save(wb, path, po.person)


def xlsx_korean(path: Path, pr: Print) -> None:
    """A Korean 발주서 as a workbook: merged form cells, supply value and VAT per line, the
    grand total in words and figures. Numbers are real number cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    po, w = pr.po, pr.w
    wb = Workbook()
    ws = wb.active
    ws.title = "발주서"
    thin = Side(style="thin")
    ws.merge_cells("A1:H1")
    ws["A1"] = "발   주   서"
    ws["A1"].font = Font(size=18, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    form = [
        (w["no"], po.number, w["bill"], po.buyer),
        (w["date"], pr.d(po.ordered), "주소", po.address),
        (w["due"], pr.d(po.due) if po.due else "", "담당자", po.person),
        (w["vendor"], f"{SUPPLIER} 귀하", w["payment"], po.payment or ""),
    ]
    for k, (a, b, c, d) in enumerate(form, 3):
        ws.cell(k, 1, a)
        ws.merge_cells(start_row=k, start_column=2, end_row=k, end_column=4)
        ws.cell(k, 2, b)
        ws.cell(k, 5, c)
        ws.merge_cells(start_row=k, start_column=6, end_row=k, end_column=8)
        ws.cell(k, 6, d)
    ws.cell(8, 1, "아래와 같이 발주합니다.")
    head = [w["pos"], w["code"], w["text"], w["unit"], w["qty"], w["price"], w["amount"], w["vat"]]
    for c, v in enumerate(head, 1):
        ws.cell(10, c, v).border = Border(top=thin, bottom=thin)
    row = 11
    for k, ln in enumerate(po.lines, 1):
        tax = money(ln.amount * (po.vat_rate or 0) / 100, po.currency)
        for c, v in enumerate([k, ln.code, ln.text, ln.unit, int(ln.qty), int(ln.price), int(ln.amount), int(tax)], 1):
            cell = ws.cell(row, c, v)
            if isinstance(v, int) and c > 4:
                cell.number_format = "#,##0"
        row += 1
    row += 1
    for label, value in ((w["net"], po.net), (w["vat"], po.vat), (w["total"], po.gross)):
        ws.merge_cells(start_row=row, start_column=5, end_row=row, end_column=6)
        ws.cell(row, 5, label)
        ws.cell(row, 7, int(value)).number_format = "#,##0"
        row += 1
    ws.cell(row + 1, 1, f"통화: {po.currency}  (부가세 별도 단가)")
    for col, width in zip("ABCDEFGH", (6, 14, 30, 6, 10, 10, 14, 12)):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"  # printed on one page across
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    xlsx_save(wb, path, po.person)


LOOKS_LIKE = {  # kind -> language -> (title, the sentence that says what the document asks for)
    "rfq": {
        "en": (
            "REQUEST FOR QUOTATION",
            "Please quote your best price and lead time for the quantities below by the closing date.",
        ),
        "de": ("ANFRAGE", "Bitte senden Sie uns Ihr Angebot mit Preis und Lieferzeit für folgende Mengen."),
        "it": ("RICHIESTA DI OFFERTA", "Vi preghiamo di inviarci la vostra migliore offerta per le quantità indicate."),
        "zh-Hans": ("询价单", "请就以下数量报价并注明交期，报价截止日期见上。"),
    },
    "statement": {
        "en": ("STATEMENT OF ACCOUNT", "Open items on your account as of the statement date."),
        "nl": ("REKENINGOVERZICHT", "Openstaande posten op uw rekening per de overzichtsdatum."),
        "es": ("EXTRACTO DE CUENTA", "Partidas abiertas en su cuenta a la fecha del extracto."),
    },
    "asn": {
        "en": ("ADVANCE SHIPPING NOTICE", "The goods below have been dispatched against your order."),
        "de": ("LIEFERAVIS", "Folgende Ware wurde zu Ihrer Bestellung versandt."),
        "pl": ("AWIZO WYSYŁKI", "Poniższy towar został wysłany do Państwa zamówienia."),
        "ja": ("出荷案内書", "ご注文の下記商品を本日出荷いたしました。"),
    },
}


def xlsx_rfq(path: Path, pr: Print) -> None:
    """A buyer's request for quotation as a workbook: parts, quantities and a closing date, the
    price columns left empty for us to fill in."""
    from openpyxl import Workbook

    po, w = pr.po, pr.w
    title, ask = LOOKS_LIKE["rfq"][po.lang]
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([po.buyer])
    ws.append([po.address])
    ws.append([])
    ws.append([title])
    ws.append(["RFQ", f"Q{po.number[-6:]}"])
    ws.append([w["date"], pr.d(po.ordered)])
    ws.append(["Closing date" if po.lang == "en" else "Deadline", pr.d(po.ordered + timedelta(days=10))])
    ws.append([ask])
    ws.append([])
    ws.append([w["pos"], w["code"], w["text"], w["qty"], w["unit"], w["price"], w["amount"]])
    for k, ln in enumerate(po.lines, 1):
        ws.append([k, ln.code, ln.text, int(ln.qty), ln.unit, None, None])
    xlsx_save(wb, path, po.person)


# ----------------------------------------------------------------------------- LibreOffice sources


def erp_html(pr: Print) -> str:
    """A southern-European ERP's print layout as HTML (printed to PDF by LibreOffice Writer): a
    header of boxes, a ruled line table with VAT per line, the VAT summary and total."""
    po, w = pr.po, pr.w
    e = escape
    head = "".join(f"<tr><th align=left>{e(a)}</th><td>{e(b)}</td></tr>" for a, b in pr.head())
    cols = [w["pos"], w["code"], w["text"], w["qty"], w["unit"], w["price"], w["rate"], w["amount"]]
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{e(v)}</td>"
            for v in (
                str(k),
                ln.code,
                ln.text,
                pr.q(ln.qty),
                ln.unit,
                pr.n(ln.price),
                str(po.vat_rate),
                pr.n(ln.amount),
            )
        )
        + "</tr>"
        for k, ln in enumerate(po.lines, 1)
    )
    totals = "".join(f"<tr><td align=right><b>{e(a)}</b></td><td align=right>{e(b)}</td></tr>" for a, b in pr.totals())
    return (
        f"<html><head><meta charset='utf-8'><title>{e(w['title'])}</title></head><body style='font-family:DejaVu Sans;font-size:9pt'>"
        f"<table width='100%'><tr><td><b style='font-size:13pt'>{e(po.buyer)}</b><br>{e(po.address)}</td>"
        f"<td align=right><b style='font-size:15pt'>{e(w['title'].upper())}</b></td></tr></table><br>"
        f"<table border=1 cellspacing=0 cellpadding=3>{head}</table><br>"
        f"<table border=1 cellspacing=0 cellpadding=3 width='100%'><tr><td><b>{e(w['vendor'])}</b><br>{e(SUPPLIER)}<br>{e(SUPPLIER_ADDR)}</td>"
        f"<td><b>{e(w['ship'])}</b><br>{e(po.buyer)}<br>{e(po.address)}</td></tr></table><br>"
        f"<table border=1 cellspacing=0 cellpadding=3 width='100%'><tr>{''.join(f'<th>{e(c)}</th>' for c in cols)}</tr>{body}</table><br>"
        f"<table align=right border=0>{totals}</table><br clear=all><p>{e(po.person)} &lt;{e(po.mail)}&gt;</p></body></html>"
    )


def fodt_lookalike(pr: Print, kind: str) -> str:
    """A statement of account or shipping notice as flat ODT: it names the buyer's order and its
    lines, but asks for nothing to be made."""
    from xml.sax.saxutils import escape as x

    po, w = pr.po, pr.w
    title, sentence = LOOKS_LIKE[kind][po.lang]
    issuer = SUPPLIER if kind == "statement" else "Example Manufacturing Co., Ltd. – Logistics"
    paras = [
        issuer,
        SUPPLIER_ADDR,
        "",
        title,
        "",
        sentence,
        f"{w['bill']}: {po.buyer}",
        f"{w['no']}: {po.number}",
        f"{w['date']}: {pr.d(po.due or po.ordered)}",
    ]
    if kind == "asn":
        paras += ["Tracking: 1Z 999 AA1 01 2345 6784", "Colli: 4 / 212 kg"]
    rows = pr.rows()
    if kind == "statement":
        rows = [["Doc.", w["date"], w["no"], w["total"], "Open"]] + [
            [
                f"INV-{po.number[-4:]}{k}",
                pr.d(po.ordered + timedelta(days=20 * k)),
                po.number,
                pr.n(ln.amount),
                pr.n(ln.amount),
            ]
            for k, ln in enumerate(po.lines, 1)
        ]
    p = "".join(f"<text:p>{x(t)}</text:p>" for t in paras)
    cells = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{x(v)}</text:p></table:table-cell>" for v in r)
        + "</table:table-row>"
        for r in rows
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        f'{p}<table:table table:name="T1"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>{cells}</table:table>'
        f"<text:p>{x(w['net'])}: {x(pr.n(po.net))} {po.currency}</text:p></office:text></office:body></office:document>"
    )


def fods_formulas(pr: Print) -> str:
    """A Calc order sheet with formulas: each amount is quantity × price, the net total a SUM, the
    VAT and the gross total computed too (saved as .xlsx by LibreOffice, formulas and results)."""
    from xml.sax.saxutils import escape as x

    po, w = pr.po, pr.w
    rate = po.vat_rate or Decimal(0)

    def text(v: str) -> str:
        return (
            f'<table:table-cell office:value-type="string"><text:p>{x(v)}</text:p></table:table-cell>'
            if v
            else "<table:table-cell/>"
        )

    def number(v: Decimal, formula: str = "") -> str:
        f = f' table:formula="of:={formula}"' if formula else ""
        return f'<table:table-cell table:style-name="M"{f} office:value-type="float" office:value="{v}"><text:p>{pr.n(v)}</text:p></table:table-cell>'

    def when(d: date) -> str:
        return f'<table:table-cell table:style-name="D" office:value-type="date" office:date-value="{d.isoformat()}"><text:p>{pr.d(d)}</text:p></table:table-cell>'

    rows = [[text(po.buyer)], [text(po.address)], [], [text(w["title"])], []]
    rows += [[text(w["no"]), text(po.number)], [text(w["date"]), when(po.ordered)]]
    if po.due:
        rows.append([text(w["due"]), when(po.due)])
    rows.append([text(w["currency"]), text(po.currency)])
    if po.payment:
        rows.append([text(w["payment"]), text(po.payment)])
    rows += [[text(w["vendor"]), text(SUPPLIER)], []]
    rows.append([text(w[k]) for k in ("pos", "code", "text", "qty", "unit", "price", "amount")])
    first = len(rows) + 1
    for k, ln in enumerate(po.lines):
        r = first + k
        rows.append(
            [
                number(Decimal(k + 1)),
                text(ln.code),
                text(ln.text),
                number(ln.qty),
                text(ln.unit),
                number(ln.price),
                number(ln.amount, f"[.D{r}]*[.F{r}]"),
            ]
        )
    last = first + len(po.lines) - 1
    rows.append([])
    net_row = last + 2
    rows.append([text("")] * 5 + [text(w["net"]), number(po.net, f"SUM([.G{first}:.G{last}])")])
    if po.vat_rate is not None:
        rows.append(
            [text("")] * 5 + [text(f"{w['vat']} {rate}%"), number(po.vat, f"ROUND([.G{net_row}]*{rate}/100;2)")]
        )
        rows.append(
            [text("")] * 5 + [text(f"{w['total']} {po.currency}"), number(po.gross, f"[.G{net_row}]+[.G{net_row + 1}]")]
        )
    body = "".join("<table:table-row>" + "".join(r) + "</table:table-row>" for r in rows)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles>'
        '<number:date-style style:name="ND"><number:day number:style="long"/><number:text>.</number:text>'
        '<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>'
        '<number:number-style style:name="NM"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
        '<style:style style:name="D" style:family="table-cell" style:data-style-name="ND"/>'
        '<style:style style:name="M" style:family="table-cell" style:data-style-name="NM"/>'
        "</office:automatic-styles><office:body><office:spreadsheet>"
        f'<table:table table:name="{x(w["title"][:31])}">{body}</table:table></office:spreadsheet></office:body></office:document>'
    )


DISCOUNT = {  # list price, discount, net price columns of an order that prints the buyer's discount
    "de": ("Listenpreis", "Rabatt %", "Nettopreis"),
    "it": ("Prezzo listino", "Sconto %", "Prezzo netto"),
    "es": ("Precio tarifa", "Dto. %", "Precio neto"),
    "fr": ("Prix tarif", "Remise %", "Prix net"),
}


def apply_discounts(po: Po, r: random.Random) -> list[tuple[Decimal, Decimal]]:
    """Each line's list price and discount; the line's price becomes the net price after it."""
    out = []
    for ln in po.lines:
        rate = Decimal(r.choice(["5", "10", "12.5", "15", "20", "25"]))
        listed = ln.price
        ln.price = (listed * (100 - rate) / 100).quantize(Decimal("0.0001") if listed < 1 else CENT, ROUND_HALF_UP)
        ln.amount = money(ln.qty * ln.price, po.currency)
        out.append((listed, rate))
    return out


def rtf_discount(pr: Print, listed: list[tuple[Decimal, Decimal]]) -> str:
    """An RTF order (written by an old ERP's report engine) with list price, discount and net price
    per line; LibreOffice prints it to PDF."""

    def esc(t: str) -> str:
        return "".join(
            c
            if 32 <= ord(c) < 128 and c not in "\\{}"
            else (f"\\{c}" if c in "\\{}" else f"\\u{ord(c) - 65536 if ord(c) > 32767 else ord(c)}?")
            for c in t
        )

    po, w = pr.po, pr.w
    list_h, disc_h, net_h = DISCOUNT[po.lang]
    heads = [w["pos"], w["code"], w["text"], w["qty"], w["unit"], list_h, disc_h, net_h, w["amount"]]
    edges = [500, 1700, 4500, 5400, 5900, 7000, 7800, 8900, 10200]

    def row(cells: list[str], bold: bool = False) -> str:
        defs = "".join(f"\\clbrdrb\\brdrs\\brdrw10\\cellx{e}" for e in edges)
        on, off = ("\\b ", "\\b0") if bold else ("", "")
        body = ""
        for k, c in enumerate(cells):
            align = "\\qr" if k >= 3 and k != 4 else ""
            body += f"\\pard\\intbl{align} {on}{esc(c)}{off}\\cell"
        return f"\\trowd\\trgaph60{defs}{body}\\row\n"

    out = ["{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 DejaVu Sans;}}\\fs17\n"]
    out.append(f"\\pard{{\\b\\fs24 {esc(po.buyer)}}}\\par {esc(po.address)}\\par\\par\n")
    out.append(f"\\pard\\qr{{\\b\\fs30 {esc(w['title'])}}}\\par\\pard\\par\n")
    for label, value in pr.head():
        out.append(f"{{\\b {esc(label)}:}}\\tab {esc(value)}\\par\n")
    out.append(f"{{\\b {esc(w['vendor'])}:}}\\tab {esc(SUPPLIER)}\\par\\par\n")
    out.append(row(heads, bold=True))
    for k, (ln, (lp, rate)) in enumerate(zip(po.lines, listed), 1):
        out.append(
            row(
                [
                    str(k),
                    ln.code,
                    ln.text,
                    pr.q(ln.qty),
                    ln.unit,
                    pr.n(lp),
                    pr.n(rate.normalize()),
                    pr.n(ln.price),
                    pr.n(ln.amount),
                ]
            )
        )
    out.append("\\pard\\par\n")
    for label, value in pr.totals():
        out.append(f"\\pard\\qr{{\\b {esc(label)}}}\\tab {esc(value)}\\par\n")
    out.append(f"\\pard\\par {esc(po.person)} \\endash  {esc(po.mail)}\\par}}")
    return "".join(out)


# ----------------------------------------------------------------------------- OpenDocument by hand

ODF_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"'
)


def odf_package(mime: str, body: str) -> bytes:
    """An OpenDocument zip: ``mimetype`` stored first, then the manifest and the content."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in (
            ("mimetype", mime, zipfile.ZIP_STORED),
            ("META-INF/manifest.xml", ODF_MANIFEST.format(mime=mime), zipfile.ZIP_DEFLATED),
            (
                "content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:body>{body}</office:body></office:document-content>',
                zipfile.ZIP_DEFLATED,
            ),
        ):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 8, 30, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def ods_order(pr: Print) -> bytes:
    """A Calc order sheet: header block, then the lines with real numbers."""
    from xml.sax.saxutils import escape as x

    po, w = pr.po, pr.w

    def cell(v: Any) -> str:
        if isinstance(v, Decimal):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{pr.n(v)}</text:p></table:table-cell>'
        return (
            f'<table:table-cell office:value-type="string"><text:p>{x(str(v))}</text:p></table:table-cell>'
            if v
            else "<table:table-cell/>"
        )

    rows: list[list[Any]] = (
        [[po.buyer], [po.address], [], [w["title"]]] + [[a, b] for a, b in pr.head()] + [[w["vendor"], SUPPLIER], []]
    )
    rows.append([w[k] for k in ("pos", "code", "text", "qty", "unit", "price", "amount")])
    rows += [[str(k), ln.code, ln.text, ln.qty, ln.unit, ln.price, ln.amount] for k, ln in enumerate(po.lines, 1)]
    rows.append(["", "", "", "", "", f"{w['total']} {po.currency}", po.net])
    table = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    return odf_package(
        "application/vnd.oasis.opendocument.spreadsheet",
        f'<office:spreadsheet><table:table table:name="{x(w["title"])}">{table}</table:table></office:spreadsheet>',
    )


def odt_order(pr: Print) -> bytes:
    """A Writer order letter: header paragraphs, the lines in a table, the total below."""
    from xml.sax.saxutils import escape as x

    po, w = pr.po, pr.w
    paras = (
        [po.buyer, po.address, "", w["title"]]
        + [f"{a}: {b}" for a, b in pr.head()]
        + [f"{w['vendor']}: {SUPPLIER}", ""]
    )
    rows = pr.rows()
    table = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{x(v)}</text:p></table:table-cell>" for v in r)
        + "</table:table-row>"
        for r in rows
    )
    body = (
        "".join(f"<text:p>{x(t)}</text:p>" for t in paras)
        + f'<table:table table:name="T"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>{table}</table:table>'
        + "".join(f"<text:p>{x(a)}: {x(b)}</text:p>" for a, b in pr.totals())
        + f"<text:p>{x(po.person)}</text:p>"
    )
    return odf_package("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>")


# ----------------------------------------------------------------------------- mail, text, images


def mime_mail(
    path: Path,
    *,
    sender: tuple[str, str],
    subject: str,
    key: str,
    text: str | None = None,
    html: str | None = None,
    attach: list[tuple[str, bytes, str]] | None = None,
    charset: str = "utf-8",
) -> None:
    """A message built part by part: base64 bodies in ``charset``, fixed boundaries and date."""
    key = re.sub(r"[^A-Za-z0-9-]", "", key)

    def part(content: str, sub: str) -> MIMENonMultipart:
        p = MIMENonMultipart("text", sub, charset=charset)
        p.set_payload(base64.encodebytes(content.encode(charset)).decode())
        p["Content-Transfer-Encoding"] = "base64"
        return p

    bodies = [part(c, sub) for c, sub in ((text, "plain"), (html, "html")) if c is not None]
    msg: Any = bodies[0]
    if len(bodies) == 2:
        msg = MIMEMultipart("alternative", boundary=f"=_alt_{key}")
        for b in bodies:
            msg.attach(b)
    if attach:
        mixed = MIMEMultipart("mixed", boundary=f"=_mix_{key}")
        mixed.attach(msg)
        for name, data, ctype in attach:
            a = MIMENonMultipart(*ctype.split("/"), name=name)
            a.set_payload(base64.encodebytes(data).decode())
            a["Content-Transfer-Encoding"] = "base64"
            a.add_header("Content-Disposition", "attachment", filename=name)
            mixed.attach(a)
        msg = mixed
    msg["From"] = formataddr(sender, charset="utf-8")
    msg["To"] = "orders@example.com"
    msg["Subject"] = Header(subject, "utf-8", header_name="Subject")
    msg["Date"] = "Sat, 21 Nov 2026 09:20:00 +0100"
    msg["Message-ID"] = f"<{key}@{sender[1].split('@')[1]}>"
    path.write_bytes(msg.as_bytes())


PORTAL = {  # intro ({buyer} has sent...), bill-to, ship, shipping row, footer
    "en": (
        "{buyer} has sent you a new purchase order through ProcureLink.",
        "Bill To",
        "Ship To",
        "Shipping & handling",
        "Do not reply to this message. Acknowledge the order in the supplier portal.",
    ),
    "de": (
        "{buyer} hat Ihnen über ProcureLink eine neue Bestellung gesendet.",
        "Rechnungsempfänger",
        "Lieferadresse",
        "Versandkosten",
        "Bitte nicht auf diese Nachricht antworten. Bestätigen Sie die Bestellung im Lieferantenportal.",
    ),
    "fr": (
        "{buyer} vous a envoyé une nouvelle commande via ProcureLink.",
        "Adresse de facturation",
        "Adresse de livraison",
        "Frais de port",
        "Ne répondez pas à ce message. Confirmez la commande sur le portail fournisseur.",
    ),
    "nl": (
        "{buyer} heeft u via ProcureLink een nieuwe inkooporder gestuurd.",
        "Factuuradres",
        "Afleveradres",
        "Verzendkosten",
        "Niet op dit bericht antwoorden. Bevestig de order in het leveranciersportaal.",
    ),
}


def portal_html(pr: Print) -> str:
    """A procurement portal's notification: the order number, the buyer in the bill-to block, the
    lines in a ``<table>``, net total, VAT row, free shipping and the grand total."""
    po, w = pr.po, pr.w
    e = escape
    intro, bill, ship, shipping, footer = PORTAL[po.lang]
    lines = "".join(
        f"<tr><td>{k}</td><td>{e(ln.code)}</td><td>{e(ln.text)}</td><td style='text-align:right'>{pr.q(ln.qty)}</td>"
        f"<td>{e(ln.unit)}</td><td style='text-align:right'>{pr.n(ln.price)}</td><td style='text-align:right'>{pr.n(ln.amount)}</td></tr>"
        for k, ln in enumerate(po.lines, 1)
    )
    totals = [
        (w["net"], pr.n(po.net)),
        (f"{w['vat']} ({po.vat_rate}%)", pr.n(po.vat)),
        (shipping, pr.n(Decimal("0.00"))),
        (f"{w['total']} ({po.currency})", pr.n(po.gross)),
    ]
    rows = "".join(
        f"<tr><td colspan=6 style='text-align:right'>{e(a)}</td><td style='text-align:right'><b>{e(b)}</b></td></tr>"
        for a, b in totals
    )
    head = "".join(f"<tr><td style='color:#666'>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in pr.head())
    return (
        "<!DOCTYPE html><html><body style='font-family:Arial,sans-serif;font-size:13px'>"
        "<div style='background:#1d3c6e;color:#fff;padding:10px'>ProcureLink</div>"
        f"<p>{e(intro.format(buyer=po.buyer))}</p><h2>{e(w['title'])} #{e(po.number)}</h2>"
        f"<table>{head}</table><table width='100%'><tr><td valign=top><b>{e(bill)}</b><br>{e(po.buyer)}<br>{e(po.address)}</td>"
        f"<td valign=top><b>{e(ship)}</b><br>{e(po.buyer)}<br>{e(po.address)}<br>Attn: {e(po.person)}</td></tr></table>"
        "<table border=1 cellpadding=4 style='border-collapse:collapse' width='100%'><thead><tr>"
        + "".join(f"<th>{e(c)}</th>" for c in pr.rows()[0])
        + f"</tr></thead><tbody>{lines}{rows}</tbody></table><p style='color:#888;font-size:11px'>{e(footer)}</p></body></html>"
    )


def portal_text(pr: Print) -> str:
    po, w = pr.po, pr.w
    intro = PORTAL[po.lang][0].format(buyer=po.buyer)
    return (
        f"{intro}\n\n{w['title']} #{po.number}\n"
        + "\n".join(f"{a}: {b}" for a, b in pr.head())
        + f"\n\n{w['total']} ({po.currency}): {pr.n(po.gross)}\n"
    )


FLAT = {  # the column titles of a flat export (one row per line, the header fields repeated)
    "de": "Bestellnummer;Bestelldatum;Besteller;Lieferant;Pos;Artikelnummer;Bezeichnung;Menge;ME;Preis;Betrag;Liefertermin;Währung",
    "fr": "N° commande;Date commande;Client;Fournisseur;Ligne;Article;Désignation;Quantité;Unité;Prix unitaire;Montant;Date livraison;Devise",
    "nl": "Ordernummer;Orderdatum;Klant;Leverancier;Regel;Artikel;Omschrijving;Aantal;Eenheid;Prijs;Bedrag;Leverdatum;Valuta",
    "it": "Numero ordine;Data ordine;Cliente;Fornitore;Riga;Articolo;Descrizione;Quantità;UM;Prezzo;Importo;Data consegna;Valuta",
}


def flat_csv(pr: Print) -> bytes:
    """An ERP's flat export as Excel on a European Windows saves it: windows-1252, semicolons,
    decimal commas and thousands points, the order's header fields on every row."""
    po = pr.po
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    wr.writerow(FLAT[po.lang].split(";"))
    for k, ln in enumerate(po.lines, 1):
        assert ln.due is not None
        wr.writerow(
            [
                po.number,
                pr.d(po.ordered),
                po.buyer,
                SUPPLIER,
                k,
                ln.code,
                ln.text,
                pr.q(ln.qty),
                ln.unit,
                pr.n(ln.price),
                pr.n(ln.amount),
                pr.d(ln.due),
                po.currency,
            ]
        )
    return buf.getvalue().encode("cp1252")


def logo_png(text: str, seed_text: str) -> bytes:
    """The buyer's name as a logo image (so the text layer does not carry it)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (900, 150), "white")
    d = ImageDraw.Draw(img)
    hue = sum(map(ord, seed_text)) % 200
    d.ellipse((10, 15, 130, 135), fill=(30, 60 + hue // 2, 120))
    d.text((150, 30), text, font=ImageFont.truetype(SANS_BOLD, 46), fill=(30, 60 + hue // 2, 120))
    d.text((152, 92), "precision since 1962", font=ImageFont.truetype(SANS_FONT, 24), fill=(120, 120, 120))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


FOOTER = {  # the footer's small print: {company}, registration and VAT ids, bank
    "en": "{company} · Registered in England and Wales No. 04417731 · VAT GB 311 4421 90 · Barclays, IBAN GB33 BUKB 2020 1555 5555 55",
    "de": "{company} · Sitz Altena · Amtsgericht Iserlohn HRB 5521 · USt-IdNr. DE 813 554 102 · IBAN DE44 4585 0005 0000 1234 56",
    "fr": "{company} au capital de 50 000 € · RCS Chambéry 412 778 093 · TVA FR 58 412778093 · IBAN FR14 2004 1010 0505 0001 3M02 606",
}


def letterhead_pdf(path: Path, pr: Print, short_name: str) -> None:
    """A letterhead whose company name is only an image; the text layer names the company only
    in the footer's small print. Drawn on the reportlab canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    po, w = pr.po, pr.w
    regular, bold = rl_fonts(po.lang)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(w["title"])
    c.drawImage(ImageReader(io.BytesIO(logo_png(short_name, po.number))), 40, 770, width=270, height=45)
    c.setFont(regular, 8)
    c.drawString(40, 758, po.address)
    c.setFont(bold, 15)
    c.drawRightString(555, 790, w["title"].upper())
    y = 720
    for label, value in pr.head():
        c.setFont(bold, 8.5)
        c.drawString(300, y, label)
        c.setFont(regular, 8.5)
        c.drawString(425, y, value)
        y -= 13
    c.setFont(regular, 8.5)
    c.drawString(40, 720, f"{w['vendor']}:")
    c.drawString(40, 707, SUPPLIER)
    street, _, region = SUPPLIER_ADDR.partition(", Dongguan")
    c.drawString(40, 694, street + ",")
    c.drawString(40, 681, "Dongguan" + region)
    y = min(y, 680) - 16
    xs = [40, 62, 130, 330, 378, 410, 475]
    rows = pr.rows()
    for k, r in enumerate(rows):
        c.setFont(bold if k == 0 else regular, 8)
        for x, v in zip(xs, r):
            if x >= 330 and k:
                c.drawRightString(x + 42 if x != 475 else 555, y, v) if x != 378 else c.drawString(x, y, v)
            else:
                c.drawString(x, y, v[:40])
        if k == 0:
            c.line(40, y - 3, 555, y - 3)
        y -= 14
    c.line(40, y + 8, 555, y + 8)
    for label, value in pr.totals():
        y -= 12
        c.setFont(bold, 8.5)
        c.drawRightString(470, y, label)
        c.drawRightString(555, y, value)
    c.setFont(regular, 8.5)
    c.drawString(40, y - 40, po.person)
    c.setFont(regular, 6)
    c.drawString(40, 28, FOOTER[po.lang].format(company=po.buyer))
    c.showPage()
    c.save()


# ----------------------------------------------------------------------------- the families

NUMBERS: dict[str, Callable[[random.Random], str]] = {  # PO number styles per family
    "zh": lambda r: f"CG{r.randrange(2026110000, 2026119999)}",
    "sap": lambda r: f"{r.randrange(4500000000, 4599999999)}",
    "dash": lambda r: f"PO-27-{r.randrange(10000, 99999)}",
    "slash": lambda r: f"{r.randrange(100, 999)}/27",
    "ja": lambda r: f"HC-{r.randrange(270000, 279999)}",
    "ko": lambda r: f"DS27-{r.randrange(1000, 9999)}",
    "oracle": lambda r: f"{r.randrange(100000, 999999)}",
    "alpha": lambda r: f"ORD{r.randrange(1000000, 9999999)}",
}
FAMILIES = {  # family -> producer (also in each golden file's "producer")
    "tax-split-prices": "reportlab-platypus-frames",
    "euro-separators-pdf": "fpdf2-table",
    "euro-text-workbook": "openpyxl-merged",
    "continued-without-header": "reportlab-platypus-longtable",
    "lines-and-schedule": "fpdf2-two-tables",
    "carried-forward-units-attached": "fpdf2-cells",
    "revised-order": "python-docx",
    "distractor-numbers": "reportlab-platypus-frames",
    "ja-chumonsho": "reportlab-platypus-frames",
    "ko-balju-workbook": "openpyxl-merged",
    "ko-balju-calc-print": "libreoffice-calc",
    "formula-workbook": "libreoffice-calc-xlsx",
    "discount-columns": "libreoffice-rtf",
    "erp-html-print": "libreoffice-writer-html",
    "invoice-named-as-order": "email+fpdf2-table",
    "rfq-workbook": "openpyxl",
    "statement-or-shipping-notice": "libreoffice-fodt",
    "flat-export-csv": "csv-cp1252",
    "opendocument-attachment": "email+odf-by-hand",
    "docx-textboxes-nested-table": "python-docx-vml",
    "portal-html-body": "email-html",
    "letterhead-image": "reportlab-canvas+pillow",
    "attn-party-block": "reportlab-platypus-frames",
}
DISTRACTORS = {  # letterhead line (3 items), then numbers beside the PO number in its box
    "en-GB": [
        "Tel. +44 117 555 0188",
        "Fax +44 117 555 0189",
        "VAT Reg. GB 284 5521 07",
        "Our ref.: 20931",
        "Supplier no.: 300418",
    ],
    "nl": [
        "Tel. 0118-555 412",
        "KvK 22041187",
        "btw NL8123.45.678.B01",
        "Uw referentie: 77120",
        "Leveranciersnr.: 10442",
    ],
    "it": ["Tel. 030 555 8811", "P.IVA IT 02841150987", "REA BS-482211", "Ns. rif.: 6612", "Cod. fornitore: 40015"],
    "pt": [
        "Tel. 252 555 014",
        "NIF PT 504 881 237",
        "Capital social 250.000 €",
        "N/ referência: 3318",
        "Cód. fornecedor: 2207",
    ],
    "de": [
        "Tel. 07721 555-0",
        "Fax 07721 555-199",
        "USt-IdNr. DE 142 857 330",
        "Unser Zeichen: KI/88",
        "Lieferanten-Nr.: 700521",
    ],
}
BODY_NOTE = {  # the short mail text that goes with an attached order
    "de": "Guten Tag,\n\nanbei unsere Bestellung {n}.\n\nMit freundlichen Grüßen\n{p}",
    "fr": "Bonjour,\n\nveuillez trouver ci-joint notre commande {n}.\n\nCordialement,\n{p}",
    "nl": "Goedendag,\n\nin de bijlage onze order {n}.\n\nMet vriendelijke groet,\n{p}",
    "sv": "Hej,\n\nbifogat finns vår beställning {n}.\n\nMed vänliga hälsningar\n{p}",
}
INVOICE_MAIL = {  # subject, body of a buyer's accounts-payable mail about our invoice
    "en": (
        "Invoice query – PO {n}",
        "Hello,\n\nthe attached invoice for our PO {n} does not match our records. Please check the prices.\n\nAccounts Payable\n{b}",
    ),
    "de": (
        "Rückfrage zu Ihrer Rechnung, Bestellung {n}",
        "Guten Tag,\n\ndie beigefügte Rechnung zu unserer Bestellung {n} stimmt nicht mit unseren Preisen überein.\n\nKreditorenbuchhaltung\n{b}",
    ),
    "fr": (
        "Question sur facture – commande {n}",
        "Bonjour,\n\nla facture jointe pour notre commande {n} ne correspond pas à nos prix.\n\nComptabilité fournisseurs\n{b}",
    ),
    "zh-Hans": ("关于订单 {n} 的发票", "您好：\n\n附件发票与我司订单 {n} 的单价不一致，请核对。\n\n财务部\n{b}"),
}


def lang_of(locale: str) -> str:
    return locale if locale.startswith("zh") else locale.split("-")[0]


class Maker:
    """Adds each document and its golden file to ``out`` (documents LibreOffice makes go to
    ``pending``, which ``generate._convert`` runs once for the whole corpus)."""

    def __init__(self, out: Any, work: Path, pending: list, seed: int) -> None:
        self.out, self.work, self.pending, self.seed = out, work, pending, seed

    def po(self, name: str, locale: str, n: int, numbers: str, **kw: Any) -> Po:
        po = make_po(self.seed, name, locale, n, number=NUMBERS[numbers], **kw)
        po.payment = PAYMENT[po.lang] if Draw(self.seed, name + ":pay").r.random() < 0.6 else None
        return po

    def add(self, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.out.add(rel, golden, producer=FAMILIES[family], lang=lang, family=family)

    def convert(
        self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str, infilter: str = ""
    ) -> None:
        self.pending.append((src, ext, rel, golden, lang, family, infilter))


def build_more(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    tax_and_numbers(m)
    long_and_scheduled(m)
    carried_forward(m)
    revised_and_distracting(m)
    japanese_and_korean(m)
    not_orders(m)
    other_carriers(m)
    formula_workbooks(m)
    discounts(m)
    parties(m)


def tax_and_numbers(m: Maker) -> None:
    for k, (loc, numbers, dates) in enumerate(
        (
            ("zh-Hans", "en", "cjk"),
            ("zh-Hans", "en", "iso_short"),
            ("de", "eu", "dot"),
            ("pl", "space", "dot"),
            ("es", "eu", "dmy"),
        )
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-tax-split-prices-{k}"
        po = m.po(name, loc, 3 + k % 3, "zh" if lang == "zh-Hans" else "dash", any_day=dates in ("cjk", "iso_short"))
        po.vat_rate = Decimal(VAT[lang])
        platypus_order(m.out.path(f"pdf/{name}.pdf"), Print(po, numbers, dates), Platypus(gross=True))
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "tax-split-prices")
    for k, (loc, vat) in enumerate((("de", True), ("it", False), ("nl", True), ("pt", True))):
        lang, name = lang_of(loc), f"{loc}-euro-separators-{k}"
        po = m.po(name, loc, 2 + k % 3, "sap" if k % 2 else "slash", big=True)
        po.vat_rate = Decimal(VAT[lang]) if vat else None
        fpdf_euro_pdf(m.out.path(f"pdf/{name}.pdf"), Print(po, "eu", "dot" if lang in ("de", "nl") else "dmy"))
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "euro-separators-pdf")
    for k, loc in enumerate(("de", "it", "nl", "fr")):
        lang, name = lang_of(loc), f"{loc}-euro-text-workbook"
        po = m.po(name, loc, 3 + k % 2, "alpha" if k % 2 else "sap", big=True)
        xlsx_euro_text(
            m.out.path(f"xlsx/{name}.xlsx"),
            Print(po, "eu" if lang != "fr" else "space", "dot" if lang == "de" else "dmy"),
        )
        m.add(f"xlsx/{name}.xlsx", po.golden(), lang, "euro-text-workbook")


def long_and_scheduled(m: Maker) -> None:
    for k, (loc, numbers, dates) in enumerate(
        (("en-US", "en", "us_mon"), ("de", "eu", "dot"), ("fr", "space", "dmy"), ("sv", "space", "iso"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-continued-without-header"
        po = m.po(name, loc, 34 + 4 * k, "oracle" if k % 2 else "sap", any_day=dates in ("us_mon", "iso"))
        po.vat_rate = Decimal(VAT[lang]) if lang in ("de", "sv") else None
        platypus_order(m.out.path(f"pdf/{name}.pdf"), Print(po, numbers, dates), Platypus(repeat_header=False))
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "continued-without-header")
    for k, (loc, numbers, dates) in enumerate(
        (("en-GB", "en", "long"), ("de", "eu", "dot"), ("nl", "eu", "dash"), ("sv", "space", "iso"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-lines-and-schedule"
        po = m.po(name, loc, 2 + k % 3, "dash" if k % 2 else "sap", any_day=dates in ("long", "iso"))
        po.extra["schedule"] = split_schedule(po, Draw(m.seed, name + ":schedule").r)
        fpdf_schedule_pdf(m.out.path(f"pdf/{name}.pdf"), Print(po, numbers, dates))
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "lines-and-schedule")


def carried_forward(m: Maker) -> None:
    for k, (loc, numbers, dates) in enumerate(
        (("de", "eu", "dot"), ("en-GB", "en", "slash_mon"), ("fr", "space", "dmy"), ("nl", "eu", "dash"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-carried-forward"
        n = 24 + 3 * k
        po = m.po(name, loc, n, ("slash", "sap", "dash", "alpha")[k], any_day=dates == "slash_mon")
        po.vat_rate = Decimal(VAT[lang]) if k % 2 == 0 else None
        pr = Print(po, numbers, dates, week=lang in ("de", "nl"))
        fpdf_carried_pdf(m.out.path(f"pdf/{name}.pdf"), pr, split=n - 6 - k)
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "carried-forward-units-attached")


def revised_and_distracting(m: Maker) -> None:
    for k, (loc, numbers, dates, as_pdf) in enumerate(
        (
            ("en-US", "en", "oracle", False),
            ("de", "eu", "dot", False),
            ("it", "eu", "dmy", True),
            ("es", "eu", "dmy", True),
            ("fr", "space", "dmy", True),
        )
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-revised-order"
        po = m.po(name, loc, 2 + k % 3, "sap" if k % 2 else "dash")
        revised = po.ordered + timedelta(days=3 + k)
        pr = Print(po, numbers, dates)
        if as_pdf:
            src = m.work / f"{name}.docx"
            docx_revised(src, pr, 2 + k, revised)
            m.convert(src, "pdf", f"pdf/{name}.pdf", po.golden(), lang, "revised-order")
        else:
            docx_revised(m.out.path(f"docx/{name}.docx"), pr, 2 + k, revised, tracked=True)
            m.add(f"docx/{name}.docx", po.golden(), lang, "revised-order")
    for k, (loc, numbers, dates) in enumerate(
        (("en-GB", "en", "dmy"), ("nl", "eu", "dash"), ("it", "eu", "dmy"), ("pt", "space", "dmy"), ("de", "eu", "dot"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-distractor-numbers"
        po = m.po(name, loc, 2 + k % 3, ("oracle", "alpha", "slash", "dash", "sap")[k])
        po.vat_rate = Decimal(VAT[lang]) if k % 2 else None
        iban = {
            "en": "IBAN GB71 BARC 2003 5340 8012 44",
            "nl": "IBAN NL91 ABNA 0417 1643 00",
            "it": "IBAN IT60 X054 2811 1010 0000 0123 456",
            "pt": "IBAN PT50 0002 0123 1234 5678 9015 4",
            "de": "IBAN DE12 6945 0065 0001 2345 67",
        }[lang]
        platypus_order(
            m.out.path(f"pdf/{name}.pdf"),
            Print(po, numbers, dates),
            Platypus(distractors=DISTRACTORS[loc], footer=f"{po.buyer} · {po.address} · {iban}"),
        )
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "distractor-numbers")


def japanese_and_korean(m: Maker) -> None:
    for k, dates in enumerate(("reiwa", "cjk", "iso_short")):
        name = f"ja-chumonsho-{k}"
        po = m.po(name, "ja", 2 + k, "ja", any_day=True)
        po.vat_rate = Decimal(10)
        platypus_order(m.out.path(f"pdf/{name}.pdf"), Print(po, "en", dates), Platypus(gross=k == 1, japanese=True))
        m.add(f"pdf/{name}.pdf", po.golden(), "ja", "ja-chumonsho")
    for k in range(3):
        name = f"ko-balju-workbook-{k}"
        po = m.po(name, "ko", 2 + k, "ko", any_day=True)
        po.vat_rate = Decimal(10)
        xlsx_korean(m.out.path(f"xlsx/{name}.xlsx"), Print(po, "en", "korean"))
        m.add(f"xlsx/{name}.xlsx", po.golden(), "ko", "ko-balju-workbook")
    for k in range(2):  # the same form printed to PDF by LibreOffice Calc
        name = f"ko-balju-calc-print-{k}"
        po = m.po(name, "ko", 3 + k, "ko", any_day=True)
        po.vat_rate = Decimal(10)
        src = m.work / f"{name}.xlsx"
        xlsx_korean(src, Print(po, "en", "korean"))
        m.convert(src, "pdf", f"pdf/{name}.pdf", po.golden(), "ko", "ko-balju-calc-print")


def not_orders(m: Maker) -> None:
    for k, (loc, dates) in enumerate((("en-US", "slash_mon"), ("de", "dot"), ("fr", "dmy"), ("zh-Hans", "cjk"))):
        lang, name = lang_of(loc), f"{loc.lower()}-invoice-named-as-order"
        po = m.po(name, loc, 2 + k % 2, "sap", any_day=dates in ("slash_mon", "cjk"))
        pdf = m.work / f"{name}.pdf"
        fpdf_invoice_pdf(pdf, Print(po, "eu" if lang in ("de", "fr") else "en", dates), f"INV{27000 + k * 131}")
        subject, text = INVOICE_MAIL["en" if lang == "en" else lang]
        mime_mail(
            m.out.path(f"eml/{name}.eml"),
            sender=(f"Accounts Payable – {po.buyer}", f"ap@{po.mail.split('@')[1]}"),
            subject=subject.format(n=po.number),
            key=name,
            text=text.format(n=po.number, b=po.buyer),
            attach=[(f"purchase_order_{po.number}.pdf", pdf.read_bytes(), "application/pdf")],
        )
        m.add(f"eml/{name}.eml", dict(OTHER), lang, "invoice-named-as-order")
    for k, loc in enumerate(("en-US", "de", "it", "zh-Hans")):
        lang, name = lang_of(loc), f"{loc.lower()}-rfq-workbook"
        po = m.po(name, loc, 3 + k % 2, "sap", any_day=True)
        xlsx_rfq(m.out.path(f"xlsx/{name}.xlsx"), Print(po, "en", "iso"))
        m.add(f"xlsx/{name}.xlsx", dict(OTHER), lang, "rfq-workbook")
    for kind, locs in (("statement", ("en-US", "nl", "es")), ("asn", ("en-GB", "de", "pl", "ja"))):
        for loc in locs:
            lang, name = lang_of(loc), f"{loc.lower()}-{kind}-lookalike"
            po = m.po(name, loc, 2 + len(name) % 3, "dash", any_day=True)
            src = m.work / f"{name}.fodt"
            src.write_text(fodt_lookalike(Print(po, "en", "iso" if lang != "ja" else "cjk"), kind), encoding="utf-8")
            m.convert(src, "pdf", f"pdf/{name}.pdf", dict(OTHER), lang, "statement-or-shipping-notice")


def other_carriers(m: Maker) -> None:
    for k, loc in enumerate(("it", "pt", "nl", "es")):
        lang, name = lang_of(loc), f"{loc}-erp-html-print"
        po = m.po(name, loc, 3 + k % 2, ("slash", "dash", "alpha", "sap")[k])
        po.vat_rate = Decimal(VAT[lang])
        src = m.work / f"{name}.html"
        src.write_text(erp_html(Print(po, "eu", "dash" if lang == "nl" else "dmy")), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", po.golden(), lang, "erp-html-print", "--infilter=HTML (StarWriter)")
    for k, loc in enumerate(("de", "fr", "it", "nl")):
        lang, name = lang_of(loc), f"{loc}-flat-export"
        po = m.po(name, loc, 3 + k % 3, "sap" if k % 2 else "slash", big=k % 2 == 0)
        for ln in po.lines:
            ln.due = po.due
        po.payment = None  # a flat export carries no terms
        m.out.path(f"csv/{name}.csv").write_bytes(flat_csv(Print(po, "eu", "dot" if lang == "de" else "dmy")))
        m.add(f"csv/{name}.csv", po.golden(total=False), lang, "flat-export-csv")
    for k, (loc, ext) in enumerate((("de", "ods"), ("fr", "odt"), ("nl", "ods"), ("sv", "odt"))):
        lang, name = lang_of(loc), f"{loc}-opendocument-{ext}"
        po = m.po(name, loc, 2 + k % 3, "dash" if k % 2 else "alpha")
        pr = Print(po, "eu" if lang != "sv" else "space", "dot" if lang == "de" else "iso" if lang == "sv" else "dmy")
        data = ods_order(pr) if ext == "ods" else odt_order(pr)
        mime = f"application/vnd.oasis.opendocument.{'spreadsheet' if ext == 'ods' else 'text'}"
        attachment = f"{WORDS[lang]['title']}_{re.sub(r'[^A-Za-z0-9]', '_', po.number)}.{ext}"
        mime_mail(
            m.out.path(f"eml/{name}.eml"),
            sender=(po.person, po.mail),
            subject=f"{WORDS[lang]['title']} {po.number}",
            key=name,
            text=BODY_NOTE[lang].format(n=po.number, p=po.person),
            attach=[(attachment, data, mime)],
        )
        m.add(f"eml/{name}.eml", po.golden(source=attachment), lang, "opendocument-attachment")
    for k, (loc, numbers, dates) in enumerate(
        (("en-US", "en", "us_mon"), ("de", "eu", "dot"), ("zh-Hans", "en", "cjk"), ("es", "eu", "dmy"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-docx-textboxes"
        po = m.po(name, loc, 2 + k % 3, ("oracle", "sap", "zh", "slash")[k], any_day=dates in ("us_mon", "cjk"))
        docx_boxes_nested(m.out.path(f"docx/{name}.docx"), Print(po, numbers, dates))
        m.add(f"docx/{name}.docx", po.golden(), lang, "docx-textboxes-nested-table")
    for k, (loc, numbers, dates) in enumerate(
        (("en-US", "en", "us_mon"), ("de", "eu", "dot"), ("fr", "space", "dmy"), ("nl", "eu", "dash"))
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-portal-html-body"
        po = m.po(name, loc, 2 + k % 3, ("alpha", "sap", "dash", "oracle")[k], any_day=dates == "us_mon")
        po.vat_rate = Decimal(VAT[lang] if lang != "en" else "7")
        pr = Print(po, numbers, dates)
        portal = f"procurelink@{po.mail.split('@')[1].split('.')[0]}.procurelink.example"
        mime_mail(
            m.out.path(f"eml/{name}.eml"),
            sender=(f"{po.buyer} via ProcureLink", portal),
            subject=f"{WORDS[lang]['title']} #{po.number} – {po.buyer}",
            key=name,
            text=portal_text(pr),
            html=portal_html(pr),
        )
        m.add(f"eml/{name}.eml", po.golden(source="body"), lang, "portal-html-body")


def formula_workbooks(m: Maker) -> None:
    for k, (loc, numbers, dates) in enumerate(
        (("de", "eu", "dot"), ("it", "eu", "dmy"), ("pl", "space", "dot"), ("sv", "space", "iso"))
    ):
        lang, name = lang_of(loc), f"{loc}-formula-workbook"
        po = m.po(name, loc, 3 + k % 3, ("sap", "slash", "dash", "oracle")[k], big=k % 2 == 1, any_day=dates == "iso")
        po.vat_rate = Decimal(VAT[lang]) if k % 2 == 0 else None
        src = m.work / f"{name}.fods"
        src.write_text(fods_formulas(Print(po, numbers, dates)), encoding="utf-8")
        m.convert(src, "xlsx", f"xlsx/{name}.xlsx", po.golden(), lang, "formula-workbook")


def discounts(m: Maker) -> None:
    for k, (loc, numbers, dates) in enumerate(
        (("de", "eu", "dot"), ("it", "eu", "dmy"), ("es", "eu", "dash"), ("fr", "space", "dmy"))
    ):
        lang, name = lang_of(loc), f"{loc}-discount-columns"
        po = m.po(name, loc, 3 + k % 2, ("alpha", "slash", "sap", "dash")[k])
        listed = apply_discounts(po, Draw(m.seed, name + ":discount").r)
        po.vat_rate = Decimal(VAT[lang]) if k % 2 else None
        src = m.work / f"{name}.rtf"
        src.write_text(rtf_discount(Print(po, numbers, dates), listed), encoding="ascii")
        m.convert(src, "pdf", f"pdf/{name}.pdf", po.golden(), lang, "discount-columns")


def parties(m: Maker) -> None:
    for loc, (numbers, dates) in (("en-GB", ("en", "dmy")), ("de", ("eu", "dot")), ("fr", ("space", "dmy"))):
        lang, name = lang_of(loc), f"{loc.lower()}-letterhead-image"
        buyer = COMPANY_ONLY_IN_FOOTER[loc]
        po = m.po(name, loc, 2 + len(name) % 3, "dash", buyer=buyer)
        letterhead_pdf(m.out.path(f"pdf/{name}.pdf"), Print(po, numbers, dates), buyer[0].split()[0].upper())
        m.add(f"pdf/{name}.pdf", po.golden(), lang, "letterhead-image")
    for k, (loc, dates) in enumerate((("en-SG", "slash_mon"), ("en-CN", "oracle"), ("en-CN", "iso_short"))):
        name = f"{loc.lower()}-attn-party-block-{k}"
        buyer = BUYERS[loc][k % len(BUYERS[loc])]
        po = m.po(name, loc, 2 + k, ("oracle", "dash", "alpha")[k], any_day=True, buyer=buyer)
        platypus_order(m.out.path(f"pdf/{name}.pdf"), Print(po, "en", dates), Platypus(attn=True))
        m.add(f"pdf/{name}.pdf", po.golden(), "en", "attn-party-block")
