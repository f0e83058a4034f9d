"""The second fresh batch of sealed families ("fresh2"): kept blind for the closing measurement.

The "fresh" batch was measured and its weak families named, so it is no longer blind. This module
adds families with other producers, layouts and wording than every family before it (sealed or
tuned): prints in the manner of IFS, Infor LN, Epicor, JD Edwards, Dynamics AX, QAD, SAP Business
One, Exact, 用友 U8 and 奉行; 金蝶云星空 and Acumatica grid exports; Japanese Excel graph-paper
forms and vertically set headers; Brazilian orders with CNPJ and IPI, Indian GST orders, Greek,
Hungarian, Romanian, Indonesian and Croatian orders (the last filled into a Word template by
docxtpl), Hebrew Word orders and right-to-left mail (Hebrew, Arabic); Writer tables saved as .odt,
spreadsheets written as .ods by hand, Google-Sheets-style PDF exports, ERPNext's print view as
.html, PDFs whose text is placed glyph by glyph, DOS code-page-852 text attachments, orders over
three pages with their head repeated, call-offs (kanban, framework contract, blanket release),
Outlook forwards of an HTML table, faxes received sideways; and documents that look like orders but
are not (packing lists, price lists, requests for quotation, commercial invoices, consignment
consumption reports).

Called from ``generate.build()`` (``build_fresh2``). Self-contained like ``fresh_families``: its own
buyers, goods, wording and order data; nothing shared with ``tests/corpus/``. Every golden value
comes from the order this module drew, never from what a reader makes of the document. The
documents arrive in November 2026 (the bench's "today" is 22 November 2026): orders are dated
13 to 20 November, deliveries weeks later, and a day-month date is never ambiguous (day > 12).

Golden values follow ``tests/corpus/README.md``: ``unit_price`` and ``amount`` are tax-exclusive;
``total`` is what the document calls its total (lines, plus the charges and taxes the document
adds); keys a document does not print are left out. Faxes are image only: a correct reading still
asks for review. Documents that are not orders are ``kind: other`` with no order.
"""

from __future__ import annotations

import base64
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
SERIF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
COND_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"
MONO_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
STAMP = datetime(2026, 11, 21, 6, 10, tzinfo=timezone.utc)  # every file of this module carries this time
SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ZH = "示例制造有限公司"
SUPPLIER_JA = "示例製造有限公司"
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
CENT = Decimal("0.01")
WHOLE = {"JPY", "HUF", "IDR"}  # printed without decimals by these buyers

# locale -> buyers: (company, address, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "en-US": [
        ("Bluestem Controls Corp.", "410 Lincoln Way, Ames, IA 50010", "Dana Kowalczyk", "bluestemctl.example", "USD"),
        (
            "Harbor Point Marine Systems LLC",
            "2900 Terminal Blvd, Norfolk, VA 23505",
            "Marcus Bell",
            "harborpointmarine.example",
            "USD",
        ),
        (
            "Sawtooth Outdoor Power Inc.",
            "6100 W Franklin Rd, Boise, ID 83709",
            "Kelsey Ward",
            "sawtoothop.example",
            "USD",
        ),
    ],
    "en-GB": [
        (
            "Trent Valley Hydraulics Ltd",
            "Brunel Drive, Newark NG24 2EG",
            "Oliver Pratt",
            "trentvalleyhyd.example",
            "GBP",
        ),
        (
            "Cairngorm Instruments Ltd",
            "Dalfaber Industrial Estate, Aviemore PH22 1ST",
            "Isla Grant",
            "cairngorm-inst.example",
            "GBP",
        ),
    ],
    "en-AU": [
        (
            "Gippsland Pump & Valve Pty Ltd",
            "27 Argyle St, Traralgon VIC 3844",
            "Nathan Briggs",
            "gippslandpv.example",
            "AUD",
        )
    ],
    "en-IN": [
        (
            "Narmada Switchgear Pvt. Ltd.",
            "Plot 118, GIDC Makarpura, Vadodara 390010",
            "Hetal Parikh",
            "narmadasg.example",
            "INR",
        ),
        (
            "Kaveri Auto Components Pvt. Ltd.",
            "SIPCOT Phase II, Hosur 635109",
            "Senthil Kumar",
            "kaveriauto.example",
            "INR",
        ),
    ],
    "sv": [
        ("Vätternbygdens Mekaniska AB", "Lovsjövägen 12, 554 75 Jönköping", "Elin Sjöberg", "vatternmek.example", "SEK")
    ],
    "fi": [
        ("Pohjanmaan Koneistus Oy", "Teollisuustie 9, 60100 Seinäjoki", "Jari Mäkelä", "pohjankoneistus.example", "EUR")
    ],
    "de": [
        (
            "Schwarzwälder Antriebstechnik GmbH",
            "Vockenhauser Str. 7, 78048 Villingen-Schwenningen",
            "Tobias Riegger",
            "sw-antrieb.example",
            "EUR",
        ),
        ("Lausitzer Gusswerk GmbH", "Am Seegraben 21, 03051 Cottbus", "Katrin Noack", "lausitzer-guss.example", "EUR"),
    ],
    "de-AT": [
        (
            "Tiroler Präzisionsteile GmbH",
            "Grabenweg 68, 6020 Innsbruck",
            "Lukas Pichler",
            "tirolprazision.example",
            "EUR",
        ),
        (
            "Mühlviertler Elektrobau GmbH",
            "Industriestraße 11, 4240 Freistadt",
            "Sabine Hofer",
            "mv-elektrobau.example",
            "EUR",
        ),
    ],
    "de-CH": [
        ("Emmentaler Gerätebau AG", "Lyssachstrasse 92, 3400 Burgdorf", "Urs Zaugg", "emmentaler-gb.example", "CHF")
    ],
    "es": [
        (
            "Talleres Navarros del Ebro, S.L.",
            "Polígono La Serna, Calle C 14, 31500 Tudela",
            "Iñaki Arregui",
            "tne-ebro.example",
            "EUR",
        )
    ],
    "es-MX": [
        (
            "Herramientas del Pacífico S.A. de C.V.",
            "Av. Vallarta 6503, Zapopan, Jal. 45010",
            "Verónica Ibarra",
            "hpacifico.example",
            "MXN",
        )
    ],
    "pt-BR": [
        (
            "Metalúrgica Vale do Itajaí Ltda.",
            "Rua Bahia 2800, Salto Weissbach, Blumenau - SC, 89032-001",
            "Rafael Schmitt",
            "mvitajai.example",
            "BRL",
        ),
        (
            "Eletromecânica Serra Gaúcha S.A.",
            "Rua Ludovico Cavinato 1431, Caxias do Sul - RS, 95112-000",
            "Camila Bortolini",
            "eletroserragaucha.example",
            "BRL",
        ),
    ],
    "nl": [
        (
            "Brabantse Kunststofverwerking B.V.",
            "Kraaivenstraat 25, 5048 AB Tilburg",
            "Sanne de Wit",
            "brabantkunststof.example",
            "EUR",
        )
    ],
    "nl-BE": [
        (
            "Kempense Metaalbouw NV",
            "Industriezone Hagelberg 14, 2440 Geel",
            "Wouter Peeters",
            "kempense-mb.example",
            "EUR",
        )
    ],
    "hu": [
        (
            "Balatonfelvidéki Gépgyártó Kft.",
            "Házgyári út 8, 8200 Veszprém",
            "Kovács Eszter",
            "bfgepgyarto.example",
            "HUF",
        ),
        ("Tiszamenti Elektronika Zrt.", "Kereskedő utca 5, 6728 Szeged", "Nagy Balázs", "tiszamenti.example", "HUF"),
    ],
    "ro": [
        (
            "Ardealul Componente Auto S.R.L.",
            "Str. Ștefan cel Mare 160, 550321 Sibiu",
            "Andreea Mureșan",
            "ardealulca.example",
            "RON",
        ),
        (
            "Dunărea Echipamente Industriale S.A.",
            "Bd. Dunării 44, 800124 Galați",
            "Cristian Stoica",
            "dunarea-ei.example",
            "RON",
        ),
    ],
    "el": [
        (
            "Θεσσαλική Βιομηχανία Αντλιών Α.Ε.",
            "ΒΙ.ΠΕ. Λάρισας, Οδός Β2, 41500 Λάρισα",
            "Νίκος Παπαδόπουλος",
            "thessalpumps.example",
            "EUR",
        ),
        (
            "Ηπειρωτικά Ηλεκτρικά Ε.Π.Ε.",
            "Λεωφ. Δωδώνης 120, 45221 Ιωάννινα",
            "Μαρία Κωστοπούλου",
            "ipeirotika-il.example",
            "EUR",
        ),
    ],
    "he": [
        ("מערכות גליל בע״מ", "אזור התעשייה 14, כרמיאל", "יעל לוי", "galil-sys.example", "ILS"),
        ("נגב פתרונות מתכת בע״מ", "רחוב המלאכה 7, באר שבע", "אבי כהן", "negevmetal.example", "ILS"),
    ],
    "ar": [
        (
            "شركة الخليج للصناعات الكهربائية ذ.م.م",
            "المنطقة الصناعية 6، الشارقة",
            "خالد المنصوري",
            "gulfelectro.example",
            "AED",
        ),
        (
            "مصنع الرياض للأجهزة المنزلية",
            "المدينة الصناعية الثانية، الرياض",
            "سارة العتيبي",
            "riyadh-appl.example",
            "SAR",
        ),
    ],
    "zh-Hans": [
        ("苏州金湖精密机械有限公司", "江苏省苏州市吴中区金湖路18号", "沈立新", "jinhu-precision.example", "CNY"),
        ("宁波北仑华盛电器有限公司", "浙江省宁波市北仑区新碶街道明州路366号", "王海燕", "huasheng-nb.example", "CNY"),
        ("佛山顺德美宜家电有限公司", "广东省佛山市顺德区容桂街道华口工业区", "梁志强", "meiyi-sd.example", "CNY"),
    ],
    "ja": [
        ("株式会社北陸精機製作所", "富山県高岡市戸出町5-12-3", "中川 智子", "hokuriku-seiki.example", "JPY"),
        ("東海電装工業株式会社", "静岡県浜松市中央区高丘北2-8-1", "杉山 健一", "tokai-denso.example", "JPY"),
        ("有限会社信州ダイカスト", "長野県上田市上丸子1120", "宮下 亮", "shinshu-dc.example", "JPY"),
        ("株式会社瀬戸内プレス工業", "岡山県倉敷市児島味野3-4-10", "藤井 美穂", "setouchi-press.example", "JPY"),
    ],
    "fr": [
        ("Savoie Décolletage SARL", "145 rue des Écoles, 74300 Cluses", "Julien Perrier", "savoie-decol.example", "EUR")
    ],
    "it": [
        (
            "Officine Meccaniche Irpine S.r.l.",
            "Zona ASI Pianodardine, 83100 Avellino",
            "Carmine Iannaccone",
            "omirpine.example",
            "EUR",
        )
    ],
    "pl": [
        (
            "Zakłady Metalowe Podkarpacie Sp. z o.o.",
            "ul. Przemysłowa 22, 39-300 Mielec",
            "Katarzyna Wójcik",
            "zm-podkarpacie.example",
            "PLN",
        )
    ],
    "cs": [
        (
            "Moravské strojírny Zlín s.r.o.",
            "Třída Tomáše Bati 1650, 760 01 Zlín",
            "Petr Dvořák",
            "ms-zlin.example",
            "CZK",
        )
    ],
    "id": [
        (
            "PT Sinar Jaya Elektrindo",
            "Kawasan Industri MM2100 Blok J-7, Cikarang Barat, Bekasi 17530",
            "Dewi Lestari",
            "sinarjaya-el.example",
            "IDR",
        ),
        (
            "PT Mitra Presisi Nusantara",
            "Jl. Raya Serang Km 12, Cikupa, Tangerang 15710",
            "Budi Santoso",
            "mitrapresisi.example",
            "IDR",
        ),
    ],
    "hr": [
        (
            "Jadranska Strojogradnja d.o.o.",
            "Industrijska zona Kukuljanovo 14, 51227 Kukuljanovo",
            "Ivana Horvat",
            "jadran-strojo.example",
            "EUR",
        ),
        (
            "Slavonska Elektroindustrija d.d.",
            "Vukovarska cesta 210, 31000 Osijek",
            "Marko Babić",
            "slavonska-ei.example",
            "EUR",
        ),
    ],
    "sk": [
        (
            "Považské strojárne a.s.",
            "Robotnícka 2129, 017 01 Považská Bystrica",
            "Jana Kováčová",
            "povazske-stroj.example",
            "EUR",
        )
    ],
    "da": [("Fynske Pumpefabrik A/S", "Stenhuggervej 9, 5230 Odense M", "Mette Kjær", "fynskepumpe.example", "DKK")],
}

# goods: (code stem, texts per language, base price in USD)
GOODS: list[tuple[str, dict[str, str], str]] = [
    (
        "CBL",
        {
            "en": "Cable harness 12-way, 450 mm",
            "de": "Kabelbaum 12-polig, 450 mm",
            "zh": "12芯线束 450mm",
            "ja": "ワイヤーハーネス 12極 450mm",
            "es": "Arnés de cables 12 vías, 450 mm",
            "pt": "Chicote elétrico 12 vias, 450 mm",
        },
        "3.85",
    ),
    (
        "BRK",
        {
            "en": "Mounting bracket, galvanised steel",
            "de": "Montagewinkel, Stahl verzinkt",
            "zh": "镀锌钢安装支架",
            "ja": "取付ブラケット 亜鉛めっき鋼板",
            "es": "Soporte de montaje, acero galvanizado",
            "pt": "Suporte de fixação, aço galvanizado",
        },
        "0.92",
    ),
    (
        "PCB",
        {
            "en": "Controller PCB assembly rev. C",
            "de": "Steuerplatine bestückt, Rev. C",
            "zh": "控制板组件 C版",
            "ja": "制御基板ASSY Rev.C",
            "es": "Placa de control ensamblada rev. C",
            "pt": "Placa controladora montada rev. C",
        },
        "14.60",
    ),
    (
        "MOT",
        {
            "en": "BLDC fan motor 24 V, 18 W",
            "de": "EC-Lüftermotor 24 V, 18 W",
            "zh": "直流无刷风扇电机 24V 18W",
            "ja": "DCブラシレスファンモータ 24V 18W",
            "es": "Motor de ventilador BLDC 24 V, 18 W",
            "pt": "Motor de ventilador BLDC 24 V, 18 W",
        },
        "11.30",
    ),
    (
        "HSG",
        {
            "en": "Housing, PC/ABS, black",
            "de": "Gehäuse PC/ABS schwarz",
            "zh": "PC/ABS外壳 黑色",
            "ja": "筐体 PC/ABS 黒",
            "es": "Carcasa PC/ABS negra",
            "pt": "Carcaça PC/ABS preta",
        },
        "2.45",
    ),
    (
        "SEN",
        {
            "en": "NTC temperature sensor 10k, lead 300 mm",
            "de": "NTC-Temperaturfühler 10k, Leitung 300 mm",
            "zh": "NTC温度传感器 10K 线长300mm",
            "ja": "NTC温度センサ 10kΩ リード300mm",
            "es": "Sensor de temperatura NTC 10k, cable 300 mm",
            "pt": "Sensor de temperatura NTC 10k, cabo 300 mm",
        },
        "0.78",
    ),
    (
        "GSK",
        {
            "en": "EPDM gasket 80 x 60 mm",
            "de": "EPDM-Dichtung 80 x 60 mm",
            "zh": "三元乙丙密封垫 80x60mm",
            "ja": "EPDMガスケット 80×60mm",
            "es": "Junta EPDM 80 x 60 mm",
            "pt": "Junta EPDM 80 x 60 mm",
        },
        "0.36",
    ),
    (
        "TRF",
        {
            "en": "Toroidal transformer 230/12 V, 50 VA",
            "de": "Ringkerntrafo 230/12 V, 50 VA",
            "zh": "环形变压器 230/12V 50VA",
            "ja": "トロイダルトランス 230/12V 50VA",
            "es": "Transformador toroidal 230/12 V, 50 VA",
            "pt": "Transformador toroidal 230/12 V, 50 VA",
        },
        "9.75",
    ),
    (
        "VLV",
        {
            "en": 'Solenoid valve 1/2", 24 VDC, NC',
            "de": 'Magnetventil 1/2", 24 V DC, NC',
            "zh": "电磁阀 1/2寸 24VDC 常闭",
            "ja": "電磁弁 1/2 24VDC NC",
            "es": 'Electroválvula 1/2", 24 VCC, NC',
            "pt": 'Válvula solenoide 1/2", 24 VCC, NF',
        },
        "6.20",
    ),
    (
        "SPR",
        {
            "en": "Compression spring, stainless, d=1.2 mm",
            "de": "Druckfeder Edelstahl, d=1,2 mm",
            "zh": "不锈钢压缩弹簧 线径1.2mm",
            "ja": "圧縮ばね ステンレス 線径1.2mm",
            "es": "Muelle de compresión inox, d=1,2 mm",
            "pt": "Mola de compressão inox, d=1,2 mm",
        },
        "0.14",
    ),
    (
        "LCD",
        {
            "en": 'LCD module 3.5", 320x240, SPI',
            "de": 'LCD-Modul 3,5", 320x240, SPI',
            "zh": "3.5寸液晶模组 320x240 SPI",
            "ja": "液晶モジュール 3.5型 320×240 SPI",
            "es": 'Módulo LCD 3,5", 320x240, SPI',
            "pt": 'Módulo LCD 3,5", 320x240, SPI',
        },
        "8.40",
    ),
    (
        "KNB",
        {
            "en": "Control knob, aluminium, knurled",
            "de": "Drehknopf Aluminium, gerändelt",
            "zh": "铝合金旋钮 滚花",
            "ja": "つまみ アルミ ローレット",
            "es": "Mando giratorio de aluminio, moleteado",
            "pt": "Botão giratório de alumínio, recartilhado",
        },
        "1.05",
    ),
]
FX = {
    "USD": "1",
    "GBP": "0.79",
    "AUD": "1.53",
    "INR": "84",
    "SEK": "10.7",
    "EUR": "0.93",
    "CHF": "0.89",
    "MXN": "17.6",
    "BRL": "5.2",
    "HUF": "365",
    "RON": "4.63",
    "ILS": "3.7",
    "AED": "3.67",
    "SAR": "3.75",
    "CNY": "7.2",
    "JPY": "151",
    "PLN": "4.05",
    "CZK": "23.4",
    "DKK": "6.9",
    "IDR": "15800",
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
class Order:
    """One drawn order; ``golden`` is what a correct parse says about a document printing it."""

    number: str
    buyer: str
    address: str
    person: str
    mail: str
    lang: str
    locale: str
    ordered: date
    due: date | None
    currency: str
    lines: list[Line]
    payment: str | None = None
    incoterms: str | None = None
    taxes: list[tuple[str, Decimal]] = field(default_factory=list)  # (label, rate %) added to the lines
    charges: list[tuple[str, Decimal]] = field(default_factory=list)  # (label, amount): freight, packing
    tax_per_line: bool = False  # the tax is computed (and rounded) line by line, then added up

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def base(self) -> Decimal:
        return self.net + sum((v for _, v in self.charges), Decimal(0))

    def line_tax(self, ln: Line, rate: Decimal) -> Decimal:
        return money(ln.amount * rate / 100, self.currency)

    def tax_amounts(self) -> list[tuple[str, Decimal, Decimal]]:
        if self.tax_per_line:
            return [
                (lb, rate, sum((self.line_tax(ln, rate) for ln in self.lines), Decimal(0))) for lb, rate in self.taxes
            ]
        return [(label, rate, money(self.base * rate / 100, self.currency)) for label, rate in self.taxes]

    @property
    def tax(self) -> Decimal:
        return sum((t for _, _, t in self.tax_amounts()), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return self.base + sum((t for _, _, t in self.tax_amounts()), Decimal(0))

    def golden(
        self,
        *,
        review: bool = False,
        source: str | None = None,
        total: bool = True,
        codes: bool = True,
        units: bool = True,
        prices: bool = True,
        amounts: bool = True,
        line_dates: bool = True,
    ) -> dict[str, Any]:
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
        if total and prices:
            order["total"] = str(self.gross)
        lines = []
        for ln in self.lines:
            line: dict[str, Any] = {"item": ln.code} if codes else {}
            line["description"] = ln.text
            line["quantity"] = str(ln.qty)
            if units:
                line["unit"] = ln.unit
            if prices:
                line["unit_price"] = str(ln.price)
                if amounts:
                    line["amount"] = str(ln.amount)
            if line_dates and ln.due:
                line["delivery_date"] = ln.due.isoformat()
            lines.append(line)
        order["lines"] = lines
        out: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            out["needs_review"] = True
        if source:
            out["source"] = source
        return out


OTHER: dict[str, Any] = {"kind": "other", "order": None}


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


def lang_of(locale: str) -> str:
    return locale if locale.startswith("zh") else locale.split("-")[0]


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh2:{name}")


def make_order(
    seed: int,
    name: str,
    locale: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    unit: str = "PCS",
    k: int = 0,
    big: bool = False,
    line_dates: bool = False,
    text_lang: str | None = None,
) -> Order:
    """Draw an order of ``n`` lines from the buyer ``k`` of ``locale``, dated 13-20 November 2026."""
    r = draw(seed, name)
    lang = lang_of(locale)
    company, address, person, domain, currency = BUYERS[locale][k % len(BUYERS[locale])]
    ordered = later(date(2026, 11, 10), r.randrange(8))
    due = later(ordered, r.randrange(21, 60))
    words = text_lang or ("zh" if lang.startswith("zh") else lang)
    picks = [GOODS[r.randrange(len(GOODS))] for _ in range(n)] if n > len(GOODS) else r.sample(GOODS, n)
    lines = []
    for j, (stem, texts, base) in enumerate(picks):
        text = texts.get(words) or texts["en"]
        if n > len(GOODS):
            text = f"{text}, var. {j + 1:02d}"
        price = Decimal(base) * Decimal(FX[currency]) * Decimal(r.randrange(86, 127)) / 100
        if currency in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.0001"))
        else:
            price = price.quantize(CENT)
        qty = Decimal(
            r.choice([3000, 4000, 6000, 8000, 12000, 16000]) if big else r.choice([30, 50, 80, 150, 240, 320, 500, 960])
        )
        lines.append(
            Line(
                f"{stem}{r.randrange(1000, 9999)}{r.choice('ABCDEFGHJK')}",
                text,
                qty,
                unit,
                price,
                money(qty * price, currency),
                later(due, 7 * r.randrange(0, 4)) if line_dates else None,
            )
        )
    if line_dates:
        lines[0].due = due
    local = re.sub(r"[^a-z]", "", person.split()[0].lower()) if person.isascii() else ""
    return Order(
        number(r),
        company,
        address,
        person,
        f"{local or 'purchasing'}@{domain}",
        lang,
        locale,
        ordered,
        None if line_dates else due,
        currency,
        lines,
    )


# ----------------------------------------------------------------------------- numbers and dates


def num(v: Decimal, style: str = "en", places: int | None = None) -> str:
    """``en`` 12,500.00 · ``eu`` 12.500,00 · ``space`` 12 500,00 · ``plain`` 12500.00 · ``swiss``
    12'500.00 · ``lakh`` 1,23,456.00 · ``arabic`` the same digits written ٠١٢٣٤٥٦٧٨٩ with ٬ and ٫."""
    if places is None:
        places = max(0, -int(v.as_tuple().exponent))  # type: ignore[arg-type]
    text = f"{v:,.{places}f}"
    if style == "eu":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    if style == "space":
        return text.replace(",", "\u00a0").replace(".", ",")
    if style == "plain":
        return text.replace(",", "")
    if style == "swiss":
        return text.replace(",", "'")
    if style == "lakh":
        whole, _, frac = f"{v:.{places}f}".partition(".")
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = ",".join(([head] if head else []) + groups + [tail])
        return f"{text}.{frac}" if frac else text
    if style == "comma_plain":
        return text.replace(",", "").replace(".", ",")
    if style == "arabic":
        return text.translate(str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫"))
    return text


MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
KANJI = "〇一二三四五六七八九"


def kanji_number(n: int) -> str:
    """令和八年十一月十八日: the numbers of a date in kanji, as a vertically set letter writes them."""
    if n < 10:
        return KANJI[n]
    tens, ones = divmod(n, 10)
    return (KANJI[tens] if tens > 1 else "") + "十" + (KANJI[ones] if ones else "")


def day(d: date, style: str) -> str:
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "mdy_short": f"{d.month}/{d.day}/{d.year % 100:02d}",
        "iso": d.isoformat(),
        "d_mon_y": f"{d.day}-{MON[d.month - 1]}-{d.year}",
        "mon_d_y": f"{MON[d.month - 1]} {d.day}, {d.year}",
        "hu": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "ymd_slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "cjk": f"{d.year}年{d.month}月{d.day}日",
        "reiwa_kanji": f"令和{kanji_number(d.year - 2018)}年{kanji_number(d.month)}月{kanji_number(d.day)}日",
        "r_short": f"R{d.year - 2018}.{d.month:02d}.{d.day:02d}",
        "jde": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        "ifs": f"{d.year}-{d.month:02d}-{d.day:02d}",
    }[style]


# ----------------------------------------------------------------------------- files made the same way every time


def fix_zip(path: Path, *, odf: bool = False) -> None:
    """Rewrite an OOXML or ODF zip with fixed timestamps and order (one seed, the same bytes)."""
    src = zipfile.ZipFile(path)
    names = src.namelist()
    first = "mimetype" if odf else "[Content_Types].xml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for name in sorted(names, key=lambda n: (n != first, n)):
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-21T06:10:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 6, 10, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    src.close()
    path.write_bytes(buf.getvalue())


def xlsx_save(wb: Any, path: Path, author: str) -> None:
    wb.properties.creator = author
    wb.properties.created = wb.properties.modified = STAMP.replace(tzinfo=None)
    wb.save(str(path))
    fix_zip(path)


def docx_save(doc: Any, path: Path, author: str) -> None:
    doc.core_properties.author = author
    doc.core_properties.created = doc.core_properties.modified = STAMP.replace(tzinfo=None)
    doc.core_properties.revision = 1
    doc.save(str(path))
    fix_zip(path)


def mail(
    path: Path,
    *,
    sender: tuple[str, str],
    subject: str,
    key: str,
    sent: datetime,
    text: str | None = None,
    html: str | None = None,
    attach: list[tuple[str, bytes, str]] | None = None,
    charset: str = "utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    """A message built part by part, with fixed boundaries, id and date."""
    key = re.sub(r"[^A-Za-z0-9-]", "", key)

    def part(content: str, sub: str) -> MIMENonMultipart:
        p = MIMENonMultipart("text", sub, charset=charset)
        p.set_payload(base64.encodebytes(content.encode(charset)).decode())
        p["Content-Transfer-Encoding"] = "base64"
        return p

    bodies = [part(c, sub) for c, sub in ((text, "plain"), (html, "html")) if c is not None]
    msg: Any = bodies[0]
    if len(bodies) == 2:
        msg = MIMEMultipart("alternative", boundary=f"----=_f2alt_{key}")
        for b in bodies:
            msg.attach(b)
    if attach:
        mixed = MIMEMultipart("mixed", boundary=f"----=_f2mix_{key}")
        mixed.attach(msg)
        for name, data, ctype in attach:
            a = MIMENonMultipart(*ctype.split("/"), name=name)
            a.set_payload(base64.encodebytes(data).decode())
            a["Content-Transfer-Encoding"] = "base64"
            a.add_header("Content-Disposition", "attachment", filename=name)
            mixed.attach(a)
        msg = mixed
    msg["From"] = formataddr(sender, charset="utf-8")
    msg["To"] = "sales@example.com"
    msg["Subject"] = Header(subject, "utf-8", header_name="Subject")
    msg["Date"] = sent.strftime("%a, %d %b %Y %H:%M:%S %z")
    msg["Message-ID"] = f"<{key}.{sent:%Y%m%d%H%M}@{sender[1].split('@')[1]}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    path.write_bytes(msg.as_bytes())


def sent_on(d: date, hour: int = 10, minute: int = 41, offset: int = 1) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


# ----------------------------------------------------------------------------- reportlab canvas

_FONTS: set[str] = set()


def rl_font(kind: str) -> str:
    """A registered font: ``sans``, ``bold``, ``serif``, ``cond``, ``mono``, or ``cjk0``-``cjk2``
    (the three faces of WenQuanYi Zen Hei)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"F2{kind}"
    if name not in _FONTS:
        files = {"sans": SANS_FONT, "bold": SANS_BOLD, "serif": SERIF_FONT, "cond": COND_FONT, "mono": MONO_FONT}
        if kind.startswith("cjk"):
            pdfmetrics.registerFont(TTFont(name, CJK_FONT, subfontIndex=int(kind[3:])))
        else:
            pdfmetrics.registerFont(TTFont(name, files[kind]))
        _FONTS.add(name)
    return name


class Page:
    """A reportlab canvas drawn from the top (``y`` is the distance from the top edge, in points)."""

    def __init__(
        self, path: Path, font: str = "sans", bold: str = "bold", *, size: Any = None, creator: str = ""
    ) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        self.width, self.height = size or A4
        self.c = Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        self.c.setCreator(creator or "Report Writer")
        self.regular = font if font in ("Helvetica", "Courier", "Times-Roman") else rl_font(font)
        self.bold = bold if bold in ("Helvetica-Bold", "Courier-Bold", "Times-Bold") else rl_font(bold)

    def text(self, x: float, y: float, s: str, size: float = 8.5, *, bold: bool = False, align: str = "left") -> None:
        self.c.setFont(self.bold if bold else self.regular, size)
        if align == "right":
            self.c.drawRightString(x, self.height - y, s)
        elif align == "center":
            self.c.drawCentredString(x, self.height - y, s)
        else:
            self.c.drawString(x, self.height - y, s)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: tuple[float, float, float] | None = None,
        width: float = 0.5,
        stroke: bool = True,
    ) -> None:
        self.c.setLineWidth(width)
        if fill:
            self.c.setFillColorRGB(*fill)
        self.c.rect(x, self.height - y - h, w, h, stroke=int(stroke), fill=int(bool(fill)))
        self.c.setFillColorRGB(0, 0, 0)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x1, self.height - y1, x2, self.height - y2)

    def wrap(self, s: str, width: float, size: float) -> list[str]:
        """``s`` in lines no wider than ``width``: at spaces, or anywhere in CJK text."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        out, current = [], ""
        for tok in re.split(r"(?<= )", s) if " " in s else list(s):
            if current and stringWidth(current + tok, self.regular, size) > width:
                out.append(current.rstrip())
                current = tok
            else:
                current += tok
        return out + [current.rstrip()] if current.strip() else out or [""]

    def row(self, y: float, cols: list[tuple[float, str, str]], size: float = 8, *, bold: bool = False) -> None:
        """Cells of one row: (x, text, align) with x the left edge, or the right edge for ``right``."""
        for x, s, align in cols:
            self.text(x, y, s, size, bold=bold, align=align)

    def new_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def fpdf_new(*, landscape: bool = False, fonts: bool = True) -> Any:
    """An fpdf2 document with a fixed date and id; DejaVu (regular, bold, mono) unless ``fonts`` is off."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(orientation="L" if landscape else "P", format="A4", unit="mm")
    pdf.set_creation_date(STAMP)
    pdf.file_id = lambda: -1
    if fonts:
        pdf.add_font("dv", fname=SANS_FONT)
        pdf.add_font("dv", style="B", fname=SANS_BOLD)
        pdf.add_font("dvm", fname=MONO_FONT)
    pdf.set_margins(12, 10, 12)
    pdf.set_auto_page_break(False)
    return pdf


# ----------------------------------------------------------------------------- the families

FAMILIES: dict[str, str] = {}  # family -> producer (also in each golden file's "producer"); filled by @family
BUILDERS: list[Callable[["Maker"], None]] = []
BUILDER_OF: dict[str, Callable[["Maker"], None]] = {}  # family -> the function that makes its documents


def family(name: str, producer: str) -> Callable[[Callable[["Maker"], None]], Callable[["Maker"], None]]:
    def register(build: Callable[["Maker"], None]) -> Callable[["Maker"], None]:
        FAMILIES[name] = producer
        BUILDERS.append(build)
        BUILDER_OF[name] = build
        return build

    return register


class Maker:
    """Adds each document and its golden file to ``out``; what LibreOffice makes goes to ``pending``
    (run once for the whole corpus by ``generate._convert``)."""

    def __init__(self, out: Any, work: Path, pending: list, seed: int) -> None:
        self.out, self.work, self.pending, self.seed = out, work, pending, seed

    def order(self, name: str, locale: str, n: int, number: Callable[[random.Random], str], **kw: Any) -> Order:
        return make_order(self.seed, name, locale, n, number, **kw)

    def r(self, name: str) -> random.Random:
        return draw(self.seed, name + ":layout")

    def path(self, rel: str) -> Path:
        return self.out.path(rel)

    def add(self, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.out.add(rel, golden, producer=FAMILIES[family], lang=lang, family=family)

    def convert(self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.pending.append((src, ext, rel, golden, lang, family, ""))


def build_fresh2(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


# --- IFS Applications: a reference band of five boxed labels, lines numbered "line/release" with
# the part number over its description, a wanted delivery date on every line.


def ifs_pdf(path: Path, o: Order) -> None:
    p = Page(path, "Helvetica", "Helvetica-Bold", creator="IFS Applications Report Designer")
    p.text(40, 48, o.buyer, 12, bold=True)
    p.text(40, 60, o.address, 7.5)
    p.text(360, 46, "PURCHASE ORDER", 14, bold=True)
    p.box(360, 56, 195, 46)
    for j, (label, value) in enumerate(
        (("Order No", o.number), ("Order Date", day(o.ordered, "ifs")), ("Page", "1 (1)"))
    ):
        p.text(366, 68 + 13 * j, label, 7)
        p.text(440, 68 + 13 * j, value, 9, bold=j == 0)
    p.text(40, 100, "Supplier", 7)
    p.text(40, 111, SUPPLIER, 9)
    p.text(40, 121, SUPPLIER_ADDR, 7.5)
    p.text(300, 140, "Delivery Address", 7)
    p.text(300, 151, o.buyer, 8.5)
    p.text(300, 161, o.address, 7.5)
    band = [
        ("Our Reference", o.person),
        ("Your Reference", ""),
        ("Delivery Terms", o.incoterms or ""),
        ("Pay Term", o.payment or ""),
        ("Currency", o.currency),
    ]
    for j, (label, value) in enumerate(band):
        p.box(40 + 103 * j, 178, 103, 28)
        p.text(44 + 103 * j, 187, label, 6.5)
        p.text(44 + 103 * j, 200, value, 8)
    y = 228
    head = [
        (40, "Line/Rel", "left"),
        (82, "Part No / Description", "left"),
        (350, "Quantity", "right"),
        (356, "Purch U/M", "left"),
        (436, "Price/Curr", "right"),
        (444, "Wanted Del Date", "left"),
        (555, "Net Amount", "right"),
    ]
    p.row(y, head, 7.5, bold=True)
    p.line(40, y + 4, 555, y + 4)
    y += 18
    for j, ln in enumerate(o.lines, 1):
        p.row(
            y,
            [
                (40, f"{j}/1", "left"),
                (82, ln.code, "left"),
                (350, num(ln.qty, "en", 2), "right"),
                (356, ln.unit, "left"),
                (436, num(ln.price), "right"),
                (444, day(ln.due or o.ordered, "ifs"), "left"),
                (555, num(ln.amount), "right"),
            ],
            8,
        )
        p.text(82, y + 10, ln.text, 7.5)
        y += 26
    p.line(40, y, 555, y)
    p.text(380, y + 14, "Total Net Amount excl. VAT", 8, bold=True)
    p.text(555, y + 14, f"{num(o.net)} {o.currency}", 8.5, bold=True, align="right")
    p.text(40, 790, "Please state our order number on all delivery notes and invoices.", 7)
    p.save()


@family("ifs-order-release", "reportlab-canvas-core-fonts")
def ifs(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-GB", 0), ("sv", 0), ("en-GB", 1), ("fi", 0))):
        name = f"{loc.lower()}-ifs-order-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3 + (k == 3),
            lambda r: f"{r.randrange(100000, 199999)}",
            k=bk,
            line_dates=True,
            text_lang="en",
        )
        o.payment = ("30 Days Net", None, "45 Days EOM", "60 Days Net")[k]
        o.incoterms = ("FCA Shenzhen", "EXW Dongguan", "FCA Hong Kong", None)[k]
        ifs_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "ifs-order-release")


# --- Infor LN: landscape, labels with colons aligned in two columns, positions 10/20/30 with a
# sequence number, a price unit column, the delivery date at the end of each line.

LN = {
    "de": dict(
        title="Bestellung",
        no="Bestellung",
        date="Bestelldatum",
        buyer="Einkäufer",
        terms="Zahlungsbedingung",
        deliv="Lieferbedingung",
        cur="Währung",
        page="Seite",
        cols=["Pos.", "Seq.", "Artikel", "Beschreibung", "Bestellmenge", "ME", "Preis", "PE", "Betrag", "Liefertermin"],
        total="Gesamtbetrag Bestellung (ohne MwSt.)",
        sup="Lieferant",
    ),
    "en": dict(
        title="Purchase Order",
        no="Purchase Order",
        date="Order Date",
        buyer="Buyer",
        terms="Payment Terms",
        deliv="Terms of Delivery",
        cur="Currency",
        page="Page",
        cols=[
            "Pos.",
            "Seq.",
            "Item",
            "Description",
            "Ordered Qty",
            "Unit",
            "Price",
            "P.U.",
            "Amount",
            "Planned Receipt",
        ],
        total="Total Order Amount (excl. VAT)",
        sup="Supplier",
    ),
}


def infor_ln_pdf(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    w = LN[wl]
    pdf = fpdf_new(landscape=True)
    pdf.add_page()
    pdf.set_font("dv", "B", 15)
    pdf.text(12, 16, w["title"])
    pdf.set_font("dv", "", 8)
    pdf.text(240, 12, f"{w['page']}: 1 / 1")
    pdf.set_font("dv", "B", 9)
    pdf.text(12, 24, o.buyer)
    pdf.set_font("dv", "", 8)
    pdf.text(12, 28.5, o.address)
    left = [(w["no"], o.number), (w["date"], day(o.ordered, dates)), (w["buyer"], o.person)]
    right = [
        (w["sup"], SUPPLIER),
        (w["terms"], o.payment or "-"),
        (w["deliv"], o.incoterms or "-"),
        (w["cur"], o.currency),
    ]
    for j, (label, value) in enumerate(left):
        pdf.text(12, 40 + 5 * j, label)
        pdf.text(48, 40 + 5 * j, f": {value}")
    for j, (label, value) in enumerate(right):
        pdf.text(150, 40 + 5 * j, label)
        pdf.text(188, 40 + 5 * j, f": {value}")
    widths = [12, 10, 34, 86, 26, 12, 24, 10, 30, 29]
    y = 66
    pdf.set_line_width(0.3)
    pdf.line(12, y - 4, 285, y - 4)
    pdf.set_font("dv", "B", 7.5)
    x = 12.0
    for wd, label in zip(widths, w["cols"]):
        pdf.text(x + 1, y, label)
        x += wd
    pdf.line(12, y + 2, 285, y + 2)
    pdf.set_font("dv", "", 8)
    y += 8
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(10 * j),
            "0",
            ln.code,
            ln.text,
            num(ln.qty, numbers, 3),
            ln.unit,
            num(ln.price, numbers),
            "1",
            num(ln.amount, numbers),
            day(ln.due or o.due or o.ordered, dates),
        ]
        x = 12.0
        for i, (wd, cell) in enumerate(zip(widths, cells)):
            if i in (4, 6, 8):
                pdf.text(x + wd - 1 - pdf.get_string_width(cell), y, cell)
            else:
                pdf.text(x + 1, y, cell)
            x += wd
        y += 6
    pdf.line(12, y - 2, 285, y - 2)
    pdf.set_font("dv", "B", 8.5)
    pdf.text(150, y + 5, w["total"])
    value = f"{num(o.net, numbers)} {o.currency}"
    pdf.text(285 - pdf.get_string_width(value), y + 5, value)
    pdf.output(str(path))


@family("infor-ln-positions", "fpdf2-landscape")
def infor_ln(m: Maker) -> None:
    docs = (
        ("de", 0, "de", "eu", "dot"),
        ("de", 1, "de", "eu", "dot"),
        ("de-CH", 0, "de", "swiss", "dot"),
        ("en-US", 1, "en", "en", "mdy"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-infor-ln-{k}"
        o = m.order(
            name,
            loc,
            2 + k,
            lambda r: f"PO{r.randrange(1000000, 1999999)}",
            k=bk,
            line_dates=k % 2 == 0,
            unit="pcs" if wl == "en" else "Stk",
            text_lang=wl,
        )
        o.payment = {"de": "30 Tage netto", "en": "Net 30"}[wl] if k != 1 else None
        o.incoterms = "FCA Shenzhen" if k % 2 else None
        infor_ln_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers, dates)
        m.add(f"pdf/{name}.pdf", o.golden(), wl, "infor-ln-positions")


# --- Epicor: "PO: 20417 Rev: 0" in a corner box, vendor and ship-to boxes side by side, a band of
# order facts, and under each line a release row carrying its due date.


def epicor_pdf(path: Path, o: Order) -> None:
    from reportlab.lib.pagesizes import LETTER

    p = Page(path, "cond", "bold", size=LETTER, creator="Epicor SSRS")
    p.text(36, 50, o.buyer, 13, bold=True)
    p.text(36, 62, o.address, 8)
    p.box(410, 34, 166, 40, fill=(0.92, 0.92, 0.92))
    p.text(418, 50, "PURCHASE ORDER", 11, bold=True)
    p.text(418, 66, f"PO: {o.number}    Rev: 0", 10)
    p.box(36, 90, 260, 64)
    p.text(42, 101, "Vendor:", 7, bold=True)
    p.text(42, 114, SUPPLIER, 8.5)
    p.text(42, 125, SUPPLIER_ADDR, 7)
    p.box(316, 90, 260, 64)
    p.text(322, 101, "Ship To:", 7, bold=True)
    p.text(322, 114, o.buyer, 8.5)
    p.text(322, 125, o.address, 7.5)
    band = [
        ("Order Date", day(o.ordered, "mdy_short")),
        ("Buyer", o.person),
        ("Ship Via", "Ocean"),
        ("FOB", o.incoterms or ""),
        ("Terms", o.payment or ""),
    ]
    for j, (label, value) in enumerate(band):
        p.box(36 + 108 * j, 166, 108, 26)
        p.text(40 + 108 * j, 175, label, 6.5, bold=True)
        p.text(40 + 108 * j, 187, value, 8)
    y = 212
    p.row(
        y,
        [
            (36, "Line", "left"),
            (66, "Part / Rev", "left"),
            (170, "Description", "left"),
            (420, "Our Qty", "right"),
            (428, "UOM", "left"),
            (505, "Unit Cost", "right"),
            (576, "Ext. Cost", "right"),
        ],
        7.5,
        bold=True,
    )
    p.line(36, y + 4, 576, y + 4)
    y += 17
    for j, ln in enumerate(o.lines, 1):
        p.row(
            y,
            [
                (36, str(j), "left"),
                (66, f"{ln.code} / A", "left"),
                (170, ln.text, "left"),
                (420, num(ln.qty, "en", 2), "right"),
                (428, ln.unit, "left"),
                (505, num(ln.price, "en", 5 if ln.price < 1 else 2), "right"),
                (576, num(ln.amount), "right"),
            ],
            8,
        )
        p.text(
            80,
            y + 11,
            f"Rel  1    Due Date: {day(ln.due or o.ordered, 'mdy_short')}    Rel Qty: {num(ln.qty, 'en', 2)}",
            7,
        )
        y += 28
    p.line(36, y, 576, y)
    p.text(430, y + 14, "Total:", 9, bold=True)
    p.text(576, y + 14, f"{num(o.net)} {o.currency}", 9, bold=True, align="right")
    p.text(
        36,
        740,
        "Vendor must reference PO and line number on packing slip. Over-shipments beyond 5% will be returned.",
        7,
    )
    p.save()


@family("epicor-release-rows", "reportlab-canvas-condensed")
def epicor(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-US", 0), ("en-US", 1), ("en-US", 2), ("en-AU", 0))):
        name = f"{loc.lower()}-epicor-po-{k}"
        o = m.order(
            name,
            loc,
            2 + (k + 1) % 4,
            lambda r: f"{r.randrange(20000, 29999)}",
            k=bk,
            line_dates=True,
            unit="EA",
            text_lang="en",
        )
        o.payment = ("Net 30", "Net 45", None, "30 Days EOM")[k]
        o.incoterms = ("FOB Shenzhen", None, "FCA Hong Kong", "FOB Shenzhen")[k]
        epicor_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "epicor-release-rows")


# --- JD Edwards EnterpriseOne: Courier, the order number printed with its order type and company
# ("123456 OP 00100"), line numbers with three decimals, request dates as mm/dd/yy.


def jde_pdf(path: Path, o: Order) -> None:
    pdf = fpdf_new(fonts=False)
    pdf.add_page()
    pdf.set_font("Courier", "B", 11)
    pdf.text(12, 14, "PURCHASE ORDER")
    pdf.set_font("Courier", "", 8)
    rows = [
        f"{o.buyer:<58}Order Number/Type/Co",
        f"{o.address:<58}{o.number}  OP  00100",
        f"{'':<58}Order Date   {day(o.ordered, 'jde')}",
        f"{'':<58}Page         1",
        "",
        f"Supplier: 4100782   {SUPPLIER}",
        f"          {SUPPLIER_ADDR}",
        "",
        f"Ship To:  {o.buyer}",
        f"Buyer:    {o.person:<30}Payment Terms: {o.payment or ''}",
        f"Currency: {o.currency:<30}Freight Terms: {o.incoterms or ''}",
    ]
    for j, text in enumerate(rows):
        pdf.text(12, 22 + 4 * j, text)
    y = 22 + 4 * len(rows) + 6
    pdf.text(12, y, "-" * 112)
    pdf.text(
        12,
        y + 4,
        f"{'Line':>6} {'Item Number':<14} {'Description':<38} {'Quantity':>10} {'UM':<3} {'Unit Cost':>11} {'Extended Cost':>13} {'Request':>9}",
    )
    pdf.text(12, y + 8, "-" * 112)
    y += 13
    for j, ln in enumerate(o.lines, 1):
        text = ln.text[:38]
        pdf.text(
            12,
            y,
            f"{j:>6}.000 {ln.code:<10} {text:<38} {num(ln.qty, 'en', 0):>10} {ln.unit:<3} {num(ln.price, 'en', 4):>11} {num(ln.amount):>13} {day(ln.due or o.due or o.ordered, 'jde'):>9}",
        )
        if len(ln.text) > 38:
            pdf.text(12, y + 4, f"{'':<22}{ln.text[38:]}")
            y += 4
        y += 5
    pdf.text(12, y, "-" * 112)
    pdf.set_font("Courier", "B", 8)
    pdf.text(12, y + 5, f"{'Order Total':>88} {num(o.net):>13}")
    pdf.output(str(path))


@family("jde-order-type-courier", "fpdf2-core-courier")
def jde(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-US", 1), ("en-GB", 0), ("en-AU", 0), ("en-US", 2))):
        name = f"{loc.lower()}-jde-po-{k}"
        o = m.order(name, loc, 3 + k % 3, lambda r: f"{r.randrange(300000, 399999)}", k=bk, unit="EA", text_lang="en")
        o.payment = ("Net 60", "Net 30", "Net 45", None)[k]
        jde_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "jde-order-type-courier")


# --- Dynamics AX 2012: title top right, facts as a list under it, a discount column, sales tax and
# the amount including it (Danish, Flemish, English).

AX = {
    "da": dict(
        title="Indkøbsordre",
        no="Indkøbsordre",
        date="Dato",
        acct="Vores kontonummer",
        due="Leveringsdato",
        terms="Betalingsbetingelser",
        dlv="Leveringsbetingelser",
        cols=["Varenummer", "Beskrivelse", "Antal", "Enhed", "Enhedspris", "Rabat", "Beløb"],
        sub="Ordresaldo",
        tax="Moms",
        total="I alt",
    ),
    "nl": dict(
        title="Inkooporder",
        no="Inkooporder",
        date="Datum",
        acct="Ons rekeningnummer",
        due="Leverdatum",
        terms="Betalingsvoorwaarden",
        dlv="Leveringsvoorwaarden",
        cols=["Artikelnummer", "Omschrijving", "Aantal", "Eenheid", "Eenheidsprijs", "Korting", "Bedrag"],
        sub="Orderbedrag",
        tax="Btw",
        total="Totaal",
    ),
    "en": dict(
        title="Purchase order",
        no="Purchase order",
        date="Date",
        acct="Our account no.",
        due="Delivery date",
        terms="Terms of payment",
        dlv="Delivery terms",
        cols=["Item number", "Description", "Quantity", "Unit", "Unit price", "Discount", "Amount"],
        sub="Order balance",
        tax="Sales tax",
        total="Total",
    ),
}


def ax_pdf(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    w = AX[wl]
    p = Page(path, "serif", "bold", creator="Microsoft Dynamics AX")
    p.text(40, 60, o.buyer, 11, bold=True)
    p.text(40, 73, o.address, 8)
    p.text(555, 60, w["title"], 20, align="right")
    facts = [
        (w["no"], o.number),
        (w["date"], day(o.ordered, dates)),
        (w["acct"], "KR-3311"),
        (w["due"], day(o.due or o.ordered, dates)),
        (w["dlv"], o.incoterms or ""),
        (w["terms"], o.payment or ""),
    ]
    for j, (label, value) in enumerate(facts):
        p.text(340, 92 + 12 * j, label, 8)
        p.text(450, 92 + 12 * j, value, 8)
    p.text(40, 110, SUPPLIER, 9)
    p.text(40, 121, SUPPLIER_ADDR, 7.5)
    y = 190
    xs = [(40, "left"), (120, "left"), (355, "right"), (362, "left"), (445, "right"), (490, "right"), (555, "right")]
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, w["cols"])], 8, bold=True)
    p.line(40, y + 4, 555, y + 4, 1)
    y += 18
    for ln in o.lines:
        cells = [
            ln.code,
            ln.text,
            num(ln.qty, numbers, 2),
            ln.unit,
            num(ln.price, numbers),
            "0,00" if numbers == "eu" else "0.00",
            num(ln.amount, numbers),
        ]
        p.row(y, [(x, c, a) for (x, a), c in zip(xs, cells)], 8)
        y += 14
    p.line(300, y, 555, y)
    ((label, rate, tax),) = o.tax_amounts()
    for j, (text, value) in enumerate(
        ((w["sub"], o.net), (f"{w['tax']} {num(rate, numbers, 0)}%", tax), (f"{w['total']} {o.currency}", o.gross))
    ):
        p.text(340, y + 14 + 13 * j, text, 8.5, bold=j == 2)
        p.text(555, y + 14 + 13 * j, num(value, numbers), 8.5, bold=j == 2, align="right")
    p.save()


@family("dynamics-ax-title-right", "reportlab-canvas-serif")
def dynamics_ax(m: Maker) -> None:
    docs = (
        ("da", 0, "da", "eu", "dot", "25"),
        ("nl-BE", 0, "nl", "eu", "dmy", "21"),
        ("en-GB", 0, "en", "en", "d_mon_y", "20"),
        ("en-GB", 1, "en", "en", "dmy", "20"),
    )
    for k, (loc, bk, wl, numbers, dates, vat) in enumerate(docs):
        name = f"{loc.lower()}-dynamics-ax-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"PO-{r.randrange(10000, 99999):06d}",
            k=bk,
            unit={"da": "stk", "nl": "st", "en": "ea"}[wl],
            text_lang="en",
        )
        o.taxes = [(AX[wl]["tax"], Decimal(vat))]
        o.payment = {"da": "Netto 30 dage", "nl": "30 dagen netto", "en": "Net 30 days"}[wl] if k != 3 else None
        o.incoterms = ("FOB Shenzhen", "FCA Shenzhen", None, "CIF Felixstowe")[k]
        ax_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers, dates)
        m.add(f"pdf/{name}.pdf", o.golden(), wl, "dynamics-ax-title-right")


# --- SAP Business One (print layout designer): the document box top right, a discount column,
# freight and tax under "Gesamt vor Rabatt", the grand total last (German, Austrian, Swiss).


def b1_pdf(path: Path, o: Order, numbers: str) -> None:
    p = Page(path, "sans", "bold", creator="SAP Business One Print Layout Designer")
    p.box(40, 36, 160, 40, fill=(0.2, 0.3, 0.45))
    p.c.setFillColorRGB(1, 1, 1)
    p.text(48, 61, o.buyer.split()[0].upper(), 13, bold=True)
    p.c.setFillColorRGB(0, 0, 0)
    p.text(40, 96, f"{o.buyer} · {o.address}", 6.5)
    p.text(40, 114, SUPPLIER, 9)
    p.text(40, 125, SUPPLIER_ADDR, 8)
    p.box(345, 90, 210, 84)
    facts = [
        ("Bestellung Nr.", o.number),
        ("Datum", day(o.ordered, "dot")),
        ("Lieferdatum", day(o.due or o.ordered, "dot")),
        ("Ihre Lieferantennr.", "L70021"),
        ("Ansprechpartner", o.person),
        ("Seite", "1 von 1"),
    ]
    for j, (label, value) in enumerate(facts):
        p.text(351, 102 + 12.5 * j, label, 7.5, bold=j == 0)
        p.text(450, 102 + 12.5 * j, value, 7.5, bold=j == 0)
    y = 200
    p.box(40, y - 11, 515, 16, fill=(0.85, 0.88, 0.92), stroke=False)
    xs = [
        (44, "#", "left"),
        (60, "Artikelnr.", "left"),
        (130, "Beschreibung", "left"),
        (365, "Menge", "right"),
        (370, "Einheit", "left"),
        (445, "Preis", "right"),
        (490, "Rabatt %", "right"),
        (553, f"Gesamt ({o.currency})", "right"),
    ]
    p.row(y, xs, 7.5, bold=True)
    y += 17
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.code,
            "",
            num(ln.qty, numbers, 0),
            ln.unit,
            num(ln.price, numbers),
            num(Decimal(0), numbers, 2),
            num(ln.amount, numbers),
        ]
        p.row(y, [(x, c, a) for (x, _, a), c in zip(xs, cells)], 8)
        for i, part in enumerate(p.wrap(ln.text, 200, 8)):
            p.text(130, y + 10 * i, part, 8)
        y += 12 + 10 * len(p.wrap(ln.text, 200, 8))
    p.line(40, y, 555, y)
    ((label, rate, tax),) = o.tax_amounts()
    rows = (
        [("Gesamt vor Rabatt", o.net), ("Rabatt 0 %", Decimal("0.00"))]
        + [(lb, v) for lb, v in o.charges]
        + [(f"{label} {num(rate, numbers, 1)} %", tax), (f"Gesamtsumme {o.currency}", o.gross)]
    )
    for j, (text, value) in enumerate(rows):
        last = j == len(rows) - 1
        p.text(370, y + 14 + 12 * j, text, 8, bold=last)
        p.text(553, y + 14 + 12 * j, num(value, numbers), 8, bold=last, align="right")
    p.text(
        40, 800, "Es gelten unsere Allgemeinen Einkaufsbedingungen. Bitte Bestellnummer auf Lieferschein angeben.", 6.5
    )
    p.save()


@family("sap-b1-bestellung", "reportlab-canvas-b1")
def sap_b1(m: Maker) -> None:
    docs = (
        ("de-AT", 0, "eu", "20", "USt"),
        ("de-AT", 1, "eu", "20", "USt"),
        ("de", 1, "eu", "19", "MwSt."),
        ("de-CH", 0, "swiss", "8.1", "MWST"),
    )
    for k, (loc, bk, numbers, vat, tax_word) in enumerate(docs):
        name = f"{loc.lower()}-b1-bestellung-{k}"
        o = m.order(
            name, loc, 2 + (k * 2) % 5, lambda r: f"{r.randrange(2000, 9999)}", k=bk, unit="Stk", text_lang="de"
        )
        if k % 2 == 0:
            o.charges = [("Fracht", money(Decimal(m.r(name).randrange(40, 180)), o.currency))]
        o.taxes = [(tax_word, Decimal(vat))]
        b1_pdf(m.path(f"pdf/{name}.pdf"), o, numbers)
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "sap-b1-bestellung")


# --- 用友 U8 采购订单: header fields in three columns with full-width colons, the line table in
# U8's columns (原币单价 and 原币含税单价 side by side, tax per line), 合计 row, 制单人/审核人.


def u8_pdf(path: Path, o: Order, face: str) -> None:
    from reportlab.lib.pagesizes import A4, landscape

    p = Page(path, face, face, size=landscape(A4), creator="UFIDA U8")
    p.text(421, 42, "采购订单", 18, align="center")
    rate = o.taxes[0][1]
    head = [
        ("订单编号", o.number),
        ("日期", day(o.ordered, "iso")),
        ("业务类型", "普通采购"),
        ("供应商", SUPPLIER_ZH),
        ("部门", "采购部"),
        ("业务员", o.person),
        ("税率", f"{rate:.2f}"),
        ("币种", "人民币"),
        ("汇率", "1"),
        ("采购单位", o.buyer),
        ("付款条件", o.payment or ""),
        ("备注", ""),
    ]
    for j, (label, value) in enumerate(head):
        p.text(40 + 260 * (j % 3), 72 + 15 * (j // 3), f"{label}：{value}", 8.5)
    cols = [
        "存货编码",
        "存货名称",
        "主计量",
        "数量",
        "原币含税单价",
        "原币单价",
        "原币金额",
        "原币税额",
        "原币价税合计",
        "计划到货日期",
    ]
    widths = [72, 190, 40, 60, 68, 62, 72, 62, 78, 74]
    y = 140
    x = 40.0
    for wd, c in zip(widths, cols):
        p.box(x, y, wd, 18)
        p.text(x + 3, y + 12, c, 7.5)
        x += wd
    y += 18
    sums = [Decimal(0)] * 3
    for ln in o.lines:
        tax = o.line_tax(ln, rate)
        gross_price = (ln.price * (100 + rate) / 100).quantize(Decimal("0.0001"))
        cells = [
            ln.code,
            ln.text,
            ln.unit,
            num(ln.qty, "plain", 2),
            num(gross_price, "plain", 4),
            num(ln.price, "plain", 4),
            num(ln.amount, "plain", 2),
            num(tax, "plain", 2),
            num(ln.amount + tax, "plain", 2),
            day(ln.due or o.due or o.ordered, "iso"),
        ]
        sums = [sums[0] + ln.amount, sums[1] + tax, sums[2] + ln.amount + tax]
        x = 40.0
        for i, (wd, c) in enumerate(zip(widths, cells)):
            p.box(x, y, wd, 17)
            p.text(x + wd - 3 if 3 <= i <= 8 else x + 3, y + 11.5, c, 7.5, align="right" if 3 <= i <= 8 else "left")
            x += wd
        y += 17
    x = 40.0
    total_cells = {0: "合计", 6: num(sums[0], "plain", 2), 7: num(sums[1], "plain", 2), 8: num(sums[2], "plain", 2)}
    for i, wd in enumerate(widths):
        p.box(x, y, wd, 17)
        if i in total_cells:
            p.text(x + wd - 3 if i else x + 3, y + 11.5, total_cells[i], 7.5, align="right" if i else "left")
        x += wd
    p.text(40, y + 40, f"制单人：{o.person}", 8.5)
    p.text(300, y + 40, "审核人：", 8.5)
    p.text(560, y + 40, f"打印日期：{day(o.ordered, 'iso')}", 8.5)
    p.save()


@family("zh-yonyou-u8-cgdd", "reportlab-canvas-wqy-faces")
def yonyou(m: Maker) -> None:
    for k, (bk, face) in enumerate(((0, "cjk1"), (1, "cjk2"), (2, "cjk0"), (0, "cjk2"))):
        name = f"zh-hans-u8-cgdd-{k}"
        o = m.order(
            name,
            "zh-Hans",
            2 + (k + 2) % 4,
            lambda r: f"CG{r.randrange(10000000, 19999999)}",
            k=bk,
            unit="个",
            line_dates=k % 2 == 1,
        )
        o.taxes, o.tax_per_line = [("税额", Decimal(13))], True
        o.payment = ("月结30天", None, "货到票到60天", "月结90天")[k]
        u8_pdf(m.path(f"pdf/{name}.pdf"), o, face)
        m.add(f"pdf/{name}.pdf", o.golden(), "zh-Hans", "zh-yonyou-u8-cgdd")


# --- 奉行-style 発注書: addressed 御中 to us, the sum including tax boxed under the greeting and
# written ￥1,234,567-, a 納期 per line, 小計 / 消費税 / 合計 under the table, a seal box.


def bugyo_pdf(path: Path, o: Order) -> None:
    p = Page(path, "cjk0", "cjk0", creator="OBC Bugyo")
    p.text(297, 52, "発　注　書", 20, align="center")
    p.text(555, 78, f"発注番号　{o.number}", 9, align="right")
    p.text(555, 92, f"発注日　{day(o.ordered, 'ymd_slash')}", 9, align="right")
    p.text(40, 110, f"{SUPPLIER_JA}　御中", 13)
    p.line(40, 114, 270, 114, 0.8)
    p.text(40, 134, "下記の通り発注いたします。", 9)
    p.text(360, 120, o.buyer, 10)
    p.text(360, 134, o.address, 7.5)
    p.text(360, 147, f"担当：{o.person}", 8)
    p.box(500, 152, 40, 40)
    p.text(520, 176, "印", 10, align="center")
    p.box(40, 150, 250, 30)
    p.text(46, 170, "発注金額合計（税込）", 9)
    p.text(284, 170, f"￥{num(o.gross, 'en', 0)}-", 12, align="right")
    cols = [
        ("No", 24),
        ("商品コード", 78),
        ("商品名", 170),
        ("数量", 50),
        ("単位", 30),
        ("単価", 55),
        ("金額", 70),
        ("納期", 38 + 30),
    ]
    y, x = 210.0, 40.0
    for label, wd in cols:
        p.box(x, y, wd, 16, fill=(0.88, 0.92, 0.97))
        p.text(x + wd / 2, y + 11, label, 8, align="center")
        x += wd
    y += 16
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.code,
            ln.text,
            num(ln.qty, "en", 0),
            ln.unit,
            num(ln.price, "en"),
            num(ln.amount, "en"),
            day(ln.due or o.due or o.ordered, "ymd_slash"),
        ]
        x = 40.0
        for i, ((_, wd), c) in enumerate(zip(cols, cells)):
            p.box(x, y, wd, 18)
            right = i in (3, 5, 6)
            p.text(
                x + wd - 3 if right else x + 3, y + 12.5, c, 7.5 if i != 2 else 7, align="right" if right else "left"
            )
            x += wd
        y += 18
    ((_, rate, tax),) = o.tax_amounts()
    for j, (label, value) in enumerate((("小計", o.net), (f"消費税（{rate}%）", tax), ("合計", o.gross))):
        p.box(347, y + 18 * j, 95, 18)
        p.box(442, y + 18 * j, 70, 18)
        p.text(352, y + 12.5 + 18 * j, label, 8)
        p.text(509, y + 12.5 + 18 * j, num(value, "en", 0), 8, align="right")
    p.text(40, y + 80, "備考：納品書・請求書には必ず発注番号をご記入ください。", 8)
    p.save()


@family("ja-bugyo-hacchusho", "reportlab-canvas-wqy")
def bugyo(m: Maker) -> None:
    for k in range(4):
        name = f"ja-bugyo-hacchu-{k}"
        o = m.order(
            name,
            "ja",
            2 + k % 4,
            lambda r: f"H{r.randrange(202611000, 202611999)}",
            k=k,
            unit=("個", "本", "台", "個")[k],
            line_dates=True,
        )
        o.taxes = [("消費税", Decimal(10))]
        bugyo_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-bugyo-hacchusho")


# --- A Japanese letter whose head is set vertically (縦書き) on the right: the addressee, the title,
# the date in kanji numerals (令和八年十一月十八日) and the sender, column by column; the number in
# the top corner and the lines in an ordinary table below.


def tategaki_pdf(path: Path, o: Order) -> None:
    p = Page(path, "cjk0", "cjk0", creator="Yayoi")
    p.text(40, 40, f"No. {o.number}", 9)

    def column(x: float, y: float, s: str, size: float) -> None:
        for i, ch in enumerate(s):
            p.text(x, y + i * size * 1.1, ch, size, align="center")

    column(540, 60, f"{SUPPLIER_JA}御中", 12)
    column(505, 90, "注文書", 18)
    column(470, 60, day(o.ordered, "reiwa_kanji"), 10)
    column(440, 60, o.buyer, 10)
    column(415, 80, f"担当　{o.person}", 9)
    p.text(40, 80, "拝啓　貴社ますますご清栄のこととお慶び申し上げます。", 9)
    p.text(40, 94, "下記のとおり注文いたしますので、よろしくお願い申し上げます。", 9)
    p.text(40, 120, f"納入期日　{day(o.due or o.ordered, 'cjk')}", 9)
    p.text(40, 134, f"支払条件　{o.payment or '別途協議'}", 9)
    y = 330
    cols = [("品番", 80), ("品名", 180), ("数量", 55), ("単価", 65), ("金額", 80)]
    x = 40.0
    for label, wd in cols:
        p.box(x, y, wd, 18)
        p.text(x + wd / 2, y + 12.5, label, 9, align="center")
        x += wd
    y += 18
    for ln in o.lines:
        cells = [ln.code, ln.text, f"{num(ln.qty, 'en', 0)}{ln.unit}", num(ln.price, "en"), num(ln.amount, "en")]
        x = 40.0
        for i, ((_, wd), c) in enumerate(zip(cols, cells)):
            p.box(x, y, wd, 18)
            p.text(x + wd - 3 if i >= 2 else x + 3, y + 12.5, c, 7.5, align="right" if i >= 2 else "left")
            x += wd
        y += 18
    ((_, rate, tax),) = o.tax_amounts()
    for j, (label, value) in enumerate((("税抜合計", o.net), (f"消費税等（{rate}%）", tax), ("税込合計", o.gross))):
        p.text(330, y + 16 + 14 * j, label, 9)
        p.text(460, y + 16 + 14 * j, f"{num(value, 'en', 0)}円", 9, align="right")
    p.text(420, y + 80, "以上", 9)
    p.line(40, 790, 555, 790)
    p.text(40, 802, f"{o.buyer}　{o.address}　購買課", 7)
    p.save()


@family("ja-tategaki-head", "reportlab-canvas-vertical")
def tategaki(m: Maker) -> None:
    for k in range(4):
        name = f"ja-tategaki-chumon-{k}"
        o = m.order(
            name,
            "ja",
            1 + k % 3,
            lambda r: f"{r.randrange(26, 27)}-{r.randrange(1000, 9999)}",
            k=3 - k,
            unit=("個", "セット", "個", "枚")[k],
        )
        o.taxes = [("消費税", Decimal(10))]
        o.payment = ("月末締め翌月末払い", None, "検収後60日 現金", None)[k]
        tategaki_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-tategaki-head")


# --- 金蝶云星空 list export: one row per entry, the document's head repeated on every row, the
# tax-inclusive price beside the tax-exclusive one, the header on row 1 with a filter.

KINGDEE_COLS = [
    "单据编号",
    "采购日期",
    "供应商",
    "采购组织",
    "采购员",
    "结算币别",
    "物料编码",
    "物料名称",
    "采购单位",
    "采购数量",
    "单价",
    "含税单价",
    "税率(%)",
    "金额",
    "价税合计",
    "交货日期",
    "单据状态",
]


def kingdee_xlsx(path: Path, o: Order, dated: bool) -> None:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "采购订单"
    ws.append(KINGDEE_COLS)
    for c in ws[1]:
        c.font = Font(name="宋体", bold=True, size=10)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    rate = o.taxes[0][1]
    for ln in o.lines:
        tax = o.line_tax(ln, rate)
        row: list[Any] = [
            o.number,
            o.ordered if dated else day(o.ordered, "ymd_slash"),
            SUPPLIER_ZH,
            o.buyer,
            o.person,
            "人民币",
            ln.code,
            ln.text,
            ln.unit,
            float(ln.qty),
            float(ln.price),
            float((ln.price * (100 + rate) / 100).quantize(Decimal("0.000001"))),
            float(rate),
            float(ln.amount),
            float(ln.amount + tax),
            (ln.due or o.due) if dated else day(ln.due or o.due or o.ordered, "ymd_slash"),
            "已审核",
        ]
        ws.append(row)
    for r in ws.iter_rows(min_row=2):
        for c in r:
            c.font = Font(name="宋体", size=10)
            if hasattr(c.value, "year"):
                c.number_format = "yyyy/m/d"
    ws.auto_filter.ref = f"A1:Q{ws.max_row}"
    ws.freeze_panes = "A2"
    for col, wd in zip("ABCDEFGHIJKLMNOPQ", (16, 11, 22, 26, 8, 8, 14, 26, 8, 10, 10, 10, 7, 12, 12, 11, 8)):
        ws.column_dimensions[col].width = wd
    xlsx_save(wb, path, "Kingdee Cloud Galaxy")


@family("zh-kingdee-cloud-export", "openpyxl-list-export")
def kingdee_cloud(m: Maker) -> None:
    for k in range(4):
        name = f"zh-hans-kingdee-cloud-{k}"
        o = m.order(
            name,
            "zh-Hans",
            2 + k,
            lambda r: f"CGDD{r.randrange(100000, 999999):06d}",
            k=k,
            unit=("Pcs", "个", "套", "个")[k],
            line_dates=k >= 2,
        )
        o.taxes, o.tax_per_line = [("税额", Decimal(13))], True
        kingdee_xlsx(m.path(f"xlsx/{name}.xlsx"), o, dated=k % 2 == 0)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "zh-Hans", "zh-kingdee-cloud-export")


# --- Acumatica: the screen exported to Excel, a "Summary" sheet of caption rows over value rows
# (two records of captions, as the form's two columns) and a "Details" sheet of the grid.


def acumatica_xlsx(path: Path, o: Order) -> None:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws.append(["Type", "Order Nbr.", "Hold", "Status", "Date", "Promised On", "Description"])
    ws.append(["Normal", o.number, False, "Open", o.ordered, o.due, f"Replenishment {o.ordered:%b %Y}"])
    ws.append([])
    ws.append(["Vendor", "Location", "Owner", "Currency", "Vendor Ref.", "Terms", "Line Total", "Order Total"])
    ws.append([SUPPLIER, "MAIN", o.person, o.currency, "", o.payment or "", float(o.net), float(o.gross)])
    ws.append([])
    ws.append(["Company", o.buyer])
    for r in (1, 4):
        for c in ws[r]:
            c.font = Font(bold=True)
    for c in (ws["E2"], ws["F2"]):
        c.number_format = "m/d/yyyy"
    det = wb.create_sheet("Details")
    det.append(
        [
            "Branch",
            "Inventory ID",
            "Line Description",
            "UOM",
            "Order Qty.",
            "Unit Cost",
            "Ext. Cost",
            "Discount Percent",
            "Amount",
            "Requested",
            "Promised",
        ]
    )
    for c in det[1]:
        c.font = Font(bold=True)
    for ln in o.lines:
        det.append(
            [
                "HQ",
                ln.code,
                ln.text,
                ln.unit,
                float(ln.qty),
                float(ln.price),
                float(ln.amount),
                0,
                float(ln.amount),
                o.due,
                o.due,
            ]
        )
        for c in det[det.max_row][9:]:
            c.number_format = "m/d/yyyy"
    xlsx_save(wb, path, "Acumatica")


@family("acumatica-summary-details", "openpyxl-screen-export")
def acumatica(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-US", 0), ("en-US", 2), ("en-GB", 1), ("en-AU", 0))):
        name = f"{loc.lower()}-acumatica-{k}"
        o = m.order(name, loc, 3 + k % 3, lambda r: f"PO{r.randrange(1000, 9999):06d}", k=bk, unit="EA", text_lang="en")
        o.payment = ("30D", "NET45", None, "30D")[k]
        if k == 2:
            o.taxes = [("VAT", Decimal(20))]
        acumatica_xlsx(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "en", "acumatica-summary-details")


# --- Excel 方眼紙: every column two characters wide, each field a run of merged cells, labels and
# values in merged blocks, the lines in merged blocks too, empty template rows before the sums.


def hogan_xlsx(path: Path, o: Order) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter as col

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "注文書"
    for i in range(1, 45):
        ws.column_dimensions[col(i)].width = 2.6
    thin = Side(style="thin")

    def put(
        row: int,
        c1: int,
        c2: int,
        value: Any,
        *,
        size: int = 10,
        right: bool = False,
        box: bool = False,
        fmt: str | None = None,
    ) -> None:
        ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
        cell = ws.cell(row, c1, value)
        cell.font = Font(name="ＭＳ Ｐゴシック", size=size)
        cell.alignment = Alignment(horizontal="right" if right else "left", vertical="center")
        if fmt:
            cell.number_format = fmt
        if box:
            for c in range(c1, c2 + 1):
                ws.cell(row, c).border = Border(
                    top=thin, bottom=thin, left=thin if c == c1 else None, right=thin if c == c2 else None
                )

    put(2, 14, 30, "注　文　書", size=16)
    put(4, 30, 35, "注文番号", box=True)
    put(4, 36, 44, o.number, box=True)
    put(5, 30, 35, "注文日", box=True)
    put(5, 36, 44, o.ordered, box=True, fmt="yyyy年m月d日")
    put(6, 2, 18, f"{SUPPLIER_JA}　御中", size=12)
    put(8, 26, 44, o.buyer)
    put(9, 26, 44, o.address, size=8)
    put(10, 26, 44, f"担当：{o.person}", size=9)
    put(12, 2, 9, "納期", box=True)
    put(12, 10, 20, o.due, box=True, fmt="yyyy/mm/dd")
    put(13, 2, 9, "支払条件", box=True)
    put(13, 10, 20, o.payment or "", box=True)
    heads = [
        (2, 3, "No"),
        (4, 10, "品番"),
        (11, 24, "品名"),
        (25, 28, "数量"),
        (29, 30, "単位"),
        (31, 35, "単価"),
        (36, 41, "金額"),
        (42, 44, "備考"),
    ]
    for c1, c2, label in heads:
        put(15, c1, c2, label, box=True)
    r = 16
    for j, ln in enumerate(o.lines, 1):
        values = [j, ln.code, ln.text, float(ln.qty), ln.unit, float(ln.price), float(ln.amount), ""]
        for (c1, c2, _), v in zip(heads, values):
            put(r, c1, c2, v, box=True, right=isinstance(v, (int, float)), fmt="#,##0" if c1 in (25, 31, 36) else None)
        r += 1
    for _ in range(3):  # empty template rows
        for c1, c2, _ in heads:
            put(r, c1, c2, None, box=True)
        r += 1
    ((_, rate, tax),) = o.tax_amounts()
    for j, (label, value) in enumerate((("小計", o.net), (f"消費税({rate}%)", tax), ("合計", o.gross))):
        put(r + j, 29, 35, label, box=True)
        put(r + j, 36, 41, float(value), box=True, right=True, fmt="#,##0")
    xlsx_save(wb, path, "Excel")


@family("ja-excel-hogan-shi", "openpyxl-graph-paper")
def hogan(m: Maker) -> None:
    for k in range(4):
        name = f"ja-hogan-chumon-{k}"
        o = m.order(name, "ja", 2 + (k + 1) % 4, lambda r: f"No.{r.randrange(1000, 9999)}", k=(k + 2) % 4, unit="個")
        o.number = o.number.removeprefix("No.")
        o.taxes = [("消費税", Decimal(10))]
        o.payment = ("月末締め翌月末払い", "月末締め翌々月15日払い", None, "納品後30日")[k]
        hogan_xlsx(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ja", "ja-excel-hogan-shi")


# --- OpenDocument spreadsheets written by hand (no office suite): cells typed as floats with
# their display text, repeated empty columns and rows, a covered (merged) title, dates as values.

ODS_WORDS = {
    "fr": dict(
        sup="Fournisseur",
        title="BON DE COMMANDE",
        no="N° de commande",
        date="Date de commande",
        due="Date de livraison souhaitée",
        cols=["Réf.", "Désignation", "Qté", "Unité", "PU HT", "Montant HT"],
        net="Total HT",
        tax="TVA",
        total="Total TTC",
        pay="Règlement",
    ),
    "es": dict(
        sup="Proveedor",
        title="PEDIDO DE COMPRA",
        no="Nº pedido",
        date="Fecha pedido",
        due="Fecha de entrega",
        cols=["Código", "Descripción", "Cant.", "Ud.", "Precio", "Importe"],
        net="Base imponible",
        tax="IVA",
        total="Total pedido",
        pay="Forma de pago",
    ),
    "it": dict(
        sup="Fornitore",
        title="ORDINE DI ACQUISTO",
        no="Ordine n.",
        date="Data ordine",
        due="Consegna richiesta",
        cols=["Codice", "Descrizione", "Q.tà", "U.M.", "Prezzo unit.", "Importo"],
        net="Imponibile",
        tax="IVA",
        total="Totale ordine",
        pay="Pagamento",
    ),
    "pl": dict(
        sup="Dostawca",
        title="ZAMÓWIENIE",
        no="Nr zamówienia",
        date="Data zamówienia",
        due="Termin dostawy",
        cols=["Indeks", "Nazwa towaru", "Ilość", "J.m.", "Cena netto", "Wartość netto"],
        net="Razem netto",
        tax="VAT",
        total="Razem brutto",
        pay="Płatność",
    ),
}


def ods_cell(value: Any, shown: str | None = None, *, span: int = 0) -> str:
    spanned = f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"' if span else ""
    covered = "<table:covered-table-cell/>" * (span - 1) if span else ""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}"{spanned}><text:p>{shown}</text:p></table:table-cell>{covered}'
    if isinstance(value, Decimal):
        return f'<table:table-cell office:value-type="float" office:value="{value}"{spanned}><text:p>{shown}</text:p></table:table-cell>{covered}'
    return f'<table:table-cell office:value-type="string"{spanned}><text:p>{escape(str(value))}</text:p></table:table-cell>{covered}'


def ods_file(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    w = ODS_WORDS[wl]
    rows: list[list[str]] = [
        [ods_cell(w["title"], span=4)],
        [ods_cell(o.buyer, span=3)],
        [ods_cell(o.address, span=3)],
        [],
        [ods_cell(w["no"]), ods_cell(o.number)],
        [ods_cell(w["date"]), ods_cell(o.ordered, day(o.ordered, dates))],
        [ods_cell(w["due"]), ods_cell(o.due, day(o.due, dates))] if o.due else [],
        [ods_cell(w["pay"]), ods_cell(o.payment or "")],
        [ods_cell(w["sup"]), ods_cell(SUPPLIER)],
        [],
        [ods_cell(c) for c in w["cols"]],
    ]
    for ln in o.lines:
        rows.append(
            [
                ods_cell(ln.code),
                ods_cell(ln.text),
                ods_cell(ln.qty, num(ln.qty, numbers, 0)),
                ods_cell(ln.unit),
                ods_cell(ln.price, num(ln.price, numbers)),
                ods_cell(ln.amount, num(ln.amount, numbers)),
            ]
        )
    rows.append([])
    ((label, rate, tax),) = o.tax_amounts()
    pad = [ods_cell(None)] * 4
    rows.append(pad + [ods_cell(w["net"]), ods_cell(o.net, num(o.net, numbers))])
    rows.append(pad + [ods_cell(f"{w['tax']} {num(rate, numbers, 0)} %"), ods_cell(tax, num(tax, numbers))])
    rows.append(pad + [ods_cell(f"{w['total']} ({o.currency})"), ods_cell(o.gross, num(o.gross, numbers))])
    body = "".join(
        f'<table:table-row>{"".join(r)}<table:table-cell table:number-columns-repeated="1018"/></table:table-row>'
        if r
        else '<table:table-row><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        for r in rows
    )
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:spreadsheet>'
        f'<table:table table:name="{escape(w["title"].title())}">'
        '<table:table-column table:number-columns-repeated="1024"/>'
        f'{body}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in (
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
            ("META-INF/manifest.xml", manifest),
        ):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 6, 10, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


@family("ods-written-by-hand", "odf-xml-by-hand")
def ods_by_hand(m: Maker) -> None:
    docs = (
        ("fr", "fr", "space", "dmy", "20"),
        ("es", "es", "eu", "dmy", "21"),
        ("it", "it", "eu", "dmy", "22"),
        ("pl", "pl", "space", "dot", "23"),
    )
    for k, (loc, wl, numbers, dates, vat) in enumerate(docs):
        name = f"{loc.lower()}-ods-by-hand-{k}"
        o = m.order(
            name,
            loc,
            2 + (k + 3) % 4,
            lambda r: f"{r.randrange(100, 999)}/{r.randrange(10, 99)}",
            unit={"fr": "pce", "es": "ud", "it": "pz", "pl": "szt"}[wl],
            text_lang="en",
        )
        o.number = f"{wl.upper()}-{o.number}"
        o.taxes = [(ODS_WORDS[wl]["tax"], Decimal(vat))]
        o.payment = (
            {
                "fr": "30 jours fin de mois",
                "es": "Transferencia 60 días",
                "it": "Bonifico 90 gg d.f.",
                "pl": "przelew 30 dni",
            }[wl]
            if k != 2
            else None
        )
        ods_file(m.path(f"ods/{name}.ods"), o, wl, numbers, dates)
        m.add(f"ods/{name}.ods", o.golden(), wl, "ods-written-by-hand")


# --- Writer tables saved as .odt by LibreOffice: the order written as a flat ODT with a two-column
# table of facts and a line table with a sum row; converted at bench time (Romanian, Portuguese,
# Spanish, Czech).

ODT_WORDS = {
    "ro": dict(
        title="Comandă de aprovizionare",
        no="Nr. comandă",
        date="Data",
        due="Termen de livrare",
        pay="Condiții de plată",
        sup="Furnizor",
        cols=["Nr. crt.", "Cod articol", "Denumire", "U.M.", "Cantitate", "Preț unitar", "Valoare"],
        net="Total fără TVA",
        tax="TVA",
        total="Total de plată",
    ),
    "pt": dict(
        title="Nota de Encomenda",
        no="Encomenda n.º",
        date="Data",
        due="Data de entrega",
        pay="Condições de pagamento",
        sup="Fornecedor",
        cols=["N.º", "Artigo", "Descrição", "Un.", "Qtd.", "Preço unit.", "Valor"],
        net="Total ilíquido",
        tax="IVA",
        total="Total",
    ),
    "es": dict(
        title="Pedido a proveedor",
        no="Número",
        date="Fecha",
        due="Entrega prevista",
        pay="Forma de pago",
        sup="Proveedor",
        cols=["Lín.", "Referencia", "Concepto", "Ud.", "Unidades", "Precio", "Importe"],
        net="Suma",
        tax="IVA",
        total="Total pedido",
    ),
    "cs": dict(
        title="Objednávka vydaná",
        no="Číslo objednávky",
        date="Datum vystavení",
        due="Požadované datum dodání",
        pay="Forma úhrady",
        sup="Dodavatel",
        cols=["Pol.", "Kód", "Název", "MJ", "Množství", "Cena/MJ", "Celkem bez DPH"],
        net="Celkem bez DPH",
        tax="DPH",
        total="Celkem k úhradě",
    ),
}


def fodt_order(o: Order, wl: str, numbers: str, dates: str) -> str:
    w = ODT_WORDS[wl]

    def cell(s: str, style: str = "P1") -> str:
        return f'<table:table-cell office:value-type="string"><text:p text:style-name="{style}">{escape(s)}</text:p></table:table-cell>'

    facts = [
        (w["no"], o.number),
        (w["date"], day(o.ordered, dates)),
        (w["due"], day(o.due or o.ordered, dates)),
        (w["pay"], o.payment or ""),
        (w["sup"], SUPPLIER),
    ]
    fact_rows = "".join(f"<table:table-row>{cell(a, 'B')}{cell(b)}</table:table-row>" for a, b in facts)
    head = "".join(cell(c, "B") for c in w["cols"])
    lines = "".join(
        "<table:table-row>"
        + "".join(
            cell(c, "R" if i >= 4 else "P1")
            for i, c in enumerate(
                [
                    str(j),
                    ln.code,
                    ln.text,
                    ln.unit,
                    num(ln.qty, numbers, 0),
                    num(ln.price, numbers),
                    num(ln.amount, numbers),
                ]
            )
        )
        + "</table:table-row>"
        for j, ln in enumerate(o.lines, 1)
    )
    ((label, rate, tax),) = o.tax_amounts()
    sums = "".join(
        "<table:table-row>" + cell("") * 5 + cell(text, "B") + cell(num(v, numbers), "R") + "</table:table-row>"
        for text, v in (
            (w["net"], o.net),
            (f"{w['tax']} {num(rate, numbers, 0)}%", tax),
            (f"{w['total']} {o.currency}", o.gross),
        )
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="B" style:family="paragraph"><style:text-properties fo:font-weight="bold" fo:font-size="9pt"/></style:style>
<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="R" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="B">{escape(o.buyer)}</text:p><text:p text:style-name="P1">{escape(o.address)}</text:p>
<text:p text:style-name="H">{escape(w["title"])}</text:p>
<table:table table:name="Antet"><table:table-column table:number-columns-repeated="2"/>{fact_rows}</table:table>
<text:p text:style-name="P1"/>
<table:table table:name="Linii"><table:table-column table:number-columns-repeated="7"/><table:table-row>{head}</table:table-row>{lines}{sums}</table:table>
<text:p text:style-name="P1">{escape(o.person)}</text:p>
</office:text></office:body></office:document>
"""


@family("writer-table-odt", "libreoffice-writer-odt")
def writer_odt(m: Maker) -> None:
    docs = (
        ("ro", 0, "eu", "dot", "19"),
        ("ro", 1, "eu", "dot", "19"),
        ("es", 0, "eu", "dmy", "21"),
        ("cs", 0, "space", "dot", "21"),
    )
    for k, (loc, bk, numbers, dates, vat) in enumerate(docs):
        wl = lang_of(loc)
        name = f"{loc.lower()}-writer-odt-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"{r.randrange(10000, 99999)}",
            k=bk,
            unit={"ro": "buc", "es": "ud", "cs": "ks"}[wl],
            text_lang="en",
        )
        o.taxes = [(ODT_WORDS[wl]["tax"], Decimal(vat))]
        o.payment = {"ro": "OP 60 zile", "es": "Recibo 60 días", "cs": "Převodem 30 dní"}[wl] if k != 1 else None
        o.number = {"ro": "CA", "es": "PC", "cs": "OV"}[wl] + o.number
        src = m.work / f"{name}.fodt"
        src.write_text(fodt_order(o, wl, numbers, dates), encoding="utf-8")
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), wl, "writer-table-odt")


# --- Hebrew Word orders: right-to-left paragraphs and table (w:bidi, w:bidiVisual), the shekel
# sign after the number, מע"מ added under the table.

HE = dict(
    title="הזמנת רכש",
    no="מספר הזמנה",
    date="תאריך",
    due="תאריך אספקה",
    pay="תנאי תשלום",
    sup="לכבוד",
    cols=["מק״ט", "תיאור", "כמות", "יחידה", "מחיר ליחידה", "סה״כ"],
    net="סה״כ לפני מע״מ",
    tax="מע״מ",
    total="סה״כ לתשלום",
)


def rtl(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(qn("w:cs"), "David")


def he_docx(path: Path, o: Order) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10)
    for text, size in ((o.buyer, 14), (o.address, 9), (HE["title"], 18)):
        para = d.add_paragraph()
        para.add_run(text).font.size = Pt(size)
        rtl(para)
    ((label, rate, tax),) = o.tax_amounts()
    facts = [
        (HE["no"], o.number),
        (HE["date"], day(o.ordered, "dot")),
        (HE["due"], day(o.due or o.ordered, "dot")),
        (HE["pay"], o.payment or ""),
        (HE["sup"], SUPPLIER),
    ]
    for a, b in facts:
        para = d.add_paragraph()
        para.add_run(f"{a}: ")
        para.add_run(b)
        rtl(para)
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    t._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    for c, text in zip(t.rows[0].cells, HE["cols"]):
        c.text = text
        rtl(c.paragraphs[0])
    for ln in o.lines:
        cells = t.add_row().cells
        for c, text in zip(
            cells, [ln.code, ln.text, num(ln.qty, "en", 0), ln.unit, f"{num(ln.price)} ₪", f"{num(ln.amount)} ₪"]
        ):
            c.text = text
            rtl(c.paragraphs[0])
    for text, v in ((HE["net"], o.net), (f"{HE['tax']} {rate}%", tax), (HE["total"], o.gross)):
        para = d.add_paragraph()
        para.add_run(f"{text}: {num(v)} ₪")
        rtl(para)
    para = d.add_paragraph()
    para.add_run(f"בברכה, {o.person}")
    rtl(para)
    docx_save(d, path, o.person)


@family("he-rtl-docx", "python-docx-bidi")
def hebrew_docx(m: Maker) -> None:
    for k in range(4):
        name = f"he-rtl-docx-{k}"
        o = m.order(
            name, "he", 1 + (k + 2) % 4, lambda r: f"{r.randrange(60000, 69999)}", k=k, unit="יח׳", text_lang="en"
        )
        o.taxes = [("מע״מ", Decimal(18))]
        o.payment = ("שוטף + 60", "שוטף + 30", None, "שוטף + 90")[k]
        he_docx(m.path(f"docx/{name}.docx"), o)
        m.add(f"docx/{name}.docx", o.golden(), "he", "he-rtl-docx")


# --- Exact-style Dutch/Flemish Word order: the facts in the page header's table, a line table
# with a "Korting" column, the totals in a two-column table of their own.


def exact_docx(path: Path, o: Order, numbers: str) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(9)
    header = d.sections[0].header
    ht = header.add_table(
        rows=3, cols=4, width=d.sections[0].page_width - d.sections[0].left_margin - d.sections[0].right_margin
    )
    pairs = [
        ("Ordernummer", o.number),
        ("Orderdatum", day(o.ordered, "dmy")),
        ("Gewenste leverdatum", day(o.due or o.ordered, "dmy")),
        ("Uw leveranciersnummer", "30517"),
        ("Betalingsconditie", o.payment or ""),
        ("Leveringsconditie", o.incoterms or ""),
    ]
    for j, (a, b) in enumerate(pairs):
        ht.cell(j % 3, (j // 3) * 2).text = a
        ht.cell(j % 3, (j // 3) * 2 + 1).text = b
    d.add_paragraph().add_run("INKOOPORDER").bold = True
    d.add_paragraph(f"{o.buyer}\n{o.address}")
    d.add_paragraph(f"Aan: {SUPPLIER}\n{SUPPLIER_ADDR}")
    t = d.add_table(rows=1, cols=7)
    t.style = "Light Grid Accent 1"
    for c, text in zip(
        t.rows[0].cells, ["Artikelcode", "Omschrijving", "Aantal", "Eenheid", "Prijs", "Korting", "Bedrag"]
    ):
        c.text = text
    for ln in o.lines:
        for c, text in zip(
            t.add_row().cells,
            [ln.code, ln.text, num(ln.qty, numbers, 0), ln.unit, num(ln.price, numbers), "0%", num(ln.amount, numbers)],
        ):
            c.text = text
    d.add_paragraph()
    ((label, rate, tax),) = o.tax_amounts()
    tt = d.add_table(rows=0, cols=2)
    for text, v in (("Totaal excl. btw", o.net), (f"Btw {rate}%", tax), (f"Totaal incl. btw {o.currency}", o.gross)):
        cells = tt.add_row().cells
        cells[0].text, cells[1].text = text, num(v, numbers)
    d.add_paragraph(f"Met vriendelijke groet,\n{o.person}\nInkoop")
    docx_save(d, path, "Exact")


@family("nl-exact-header-table-docx", "python-docx-page-header")
def exact(m: Maker) -> None:
    for k, loc in enumerate(("nl", "nl-BE", "nl", "nl-BE")):
        name = f"{loc.lower()}-exact-inkoop-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(20260000, 20269999)}", unit="stuk", text_lang="en")
        o.taxes = [("Btw", Decimal(21))]
        o.payment = ("30 dagen netto", None, "14 dagen 2% korting, 30 dagen netto", "60 dagen einde maand")[k]
        o.incoterms = ("FOB Shenzhen", "FCA Shenzhen", None, None)[k]
        exact_docx(m.path(f"docx/{name}.docx"), o, "eu")
        m.add(f"docx/{name}.docx", o.golden(), "nl", "nl-exact-header-table-docx")


# --- Hungarian megrendelés (fpdf2): forint without decimals, nettó egységár, ÁFA 27 %, bruttó
# végösszeg, dates 2026.11.18., the tax number beside the order number.


def hu_pdf(path: Path, o: Order) -> None:
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 16)
    pdf.cell(0, 10, "MEGRENDELÉS", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(95, 5, f"Megrendelő: {o.buyer}")
    pdf.cell(0, 5, f"Szállító: {SUPPLIER}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(95, 5, o.address)
    pdf.cell(0, 5, "Dongguan, Kína", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(95, 5, "Adószám: 24417386-2-19", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for label, value in (
        ("Megrendelés száma", o.number),
        ("Kelt", day(o.ordered, "hu")),
        ("Szállítási határidő", day(o.due or o.ordered, "hu")),
        ("Fizetési mód", o.payment or "átutalás"),
        ("Ügyintéző", o.person),
    ):
        pdf.set_font("dv", "B", 8.5)
        pdf.cell(45, 5.5, f"{label}:", border="B")
        pdf.set_font("dv", "", 8.5)
        pdf.cell(60, 5.5, value, border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    widths = [8, 26, 64, 18, 12, 25, 33]
    pdf.set_font("dv", "B", 7.5)
    pdf.set_fill_color(230, 230, 230)
    for wd, label in zip(
        widths, ["Ssz.", "Cikkszám", "Megnevezés", "Mennyiség", "Me.", "Nettó egységár", "Nettó érték"]
    ):
        pdf.cell(wd, 7, label, border=1, fill=True, align="C")
    pdf.ln()
    pdf.set_font("dv", "", 7.5)
    for j, ln in enumerate(o.lines, 1):
        for i, (wd, c) in enumerate(
            zip(
                widths,
                [
                    f"{j}.",
                    ln.code,
                    ln.text,
                    num(ln.qty, "space", 0),
                    ln.unit,
                    f"{num(ln.price, 'space', 0)} Ft",
                    f"{num(ln.amount, 'space', 0)} Ft",
                ],
            )
        ):
            pdf.cell(wd, 6.5, c, border=1, align="R" if i in (3, 5, 6) else "L")
        pdf.ln()
    ((label, rate, tax),) = o.tax_amounts()
    for text, v in (("Nettó összesen:", o.net), (f"ÁFA ({rate}%):", tax), ("Bruttó végösszeg:", o.gross)):
        pdf.cell(sum(widths[:5]), 6, "")
        pdf.set_font("dv", "B" if text.startswith("Br") else "", 8)
        pdf.cell(25, 6, text)
        pdf.cell(33, 6, f"{num(v, 'space', 0)} Ft", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("dv", "", 8)
    pdf.cell(
        0,
        5,
        f"{o.address.split()[-1]}, {day(o.ordered, 'hu')}    ......................................  cégszerű aláírás",
    )
    pdf.output(str(path))


@family("hu-megrendeles-forint", "fpdf2-cells-border")
def hungarian(m: Maker) -> None:
    for k in range(4):
        name = f"hu-megrendeles-{k}"
        o = m.order(
            name, "hu", 2 + k % 3, lambda r: f"MR-{r.randrange(2026000, 2026999)}", k=k, unit="db", text_lang="en"
        )
        o.taxes = [("ÁFA", Decimal(27))]
        o.payment = ("átutalás 30 nap", "átutalás 60 nap", None, "átutalás 45 nap")[k]
        hu_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "hu", "hu-megrendeles-forint")


# --- Greek παραγγελία (reportlab, serif): ΑΦΜ and ΔΟΥ of the buyer, Φ.Π.Α. 24 %, dates 18/11/2026,
# numbers 1.234,56, the order number after "Αρ." in a ruled head box.


def el_pdf(path: Path, o: Order) -> None:
    p = Page(path, "serif", "bold", creator="SoftOne")
    p.text(40, 50, o.buyer, 12, bold=True)
    p.text(40, 63, o.address, 8)
    p.text(40, 75, "ΑΦΜ: 094512387   ΔΟΥ: Λάρισας   Τηλ.: 2410 555 310", 7.5)
    p.box(330, 90, 225, 58)
    p.text(442, 104, "ΠΑΡΑΓΓΕΛΙΑ ΑΓΟΡΑΣ", 11, bold=True, align="center")
    p.text(338, 120, f"Αρ.: {o.number}", 9)
    p.text(338, 133, f"Ημερομηνία: {day(o.ordered, 'dmy')}", 9)
    p.text(338, 146, f"Παράδοση έως: {day(o.due or o.ordered, 'dmy')}", 8)
    p.text(40, 104, "Προμηθευτής:", 8, bold=True)
    p.text(40, 116, SUPPLIER, 8.5)
    p.text(40, 127, SUPPLIER_ADDR, 7.5)
    p.text(40, 160, f"Τρόπος πληρωμής: {o.payment or '—'}", 8)
    y = 185
    xs = [
        (40, "Κωδικός", "left"),
        (110, "Περιγραφή", "left"),
        (360, "Ποσότητα", "right"),
        (366, "Μ.Μ.", "left"),
        (455, "Τιμή μονάδας", "right"),
        (555, "Αξία", "right"),
    ]
    p.line(40, y - 11, 555, y - 11)
    p.row(y, xs, 8, bold=True)
    p.line(40, y + 5, 555, y + 5)
    y += 18
    for ln in o.lines:
        p.row(
            y,
            [
                (x, c, a)
                for (x, _, a), c in zip(
                    xs, [ln.code, ln.text, num(ln.qty, "eu", 0), ln.unit, num(ln.price, "eu"), num(ln.amount, "eu")]
                )
            ],
            8,
        )
        y += 14
    p.line(40, y, 555, y)
    ((label, rate, tax),) = o.tax_amounts()
    for j, (text, v) in enumerate((("Καθαρή αξία", o.net), (f"Φ.Π.Α. {rate}%", tax), ("Σύνολο παραγγελίας", o.gross))):
        p.text(380, y + 15 + 13 * j, text, 8.5, bold=j == 2)
        p.text(555, y + 15 + 13 * j, f"{num(v, 'eu')} €", 8.5, bold=j == 2, align="right")
    p.text(40, y + 80, f"Ο υπεύθυνος προμηθειών: {o.person}", 8)
    p.save()


@family("el-paraggelia-fpa", "reportlab-canvas-greek")
def greek(m: Maker) -> None:
    for k in range(4):
        name = f"el-paraggelia-{k}"
        o = m.order(
            name, "el", 2 + (k + 1) % 3, lambda r: f"ΠΑΡ-{r.randrange(1000, 9999)}", k=k, unit="τεμ.", text_lang="en"
        )
        if k % 2:
            o.number = o.number.replace("ΠΑΡ-", "PA-")  # some ERPs keep the series code in Latin letters
        o.taxes = [("Φ.Π.Α.", Decimal(24))]
        o.payment = ("Επί πιστώσει 60 ημερών", None, "Μετρητοίς", "Επί πιστώσει 30 ημερών")[k]
        el_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "el", "el-paraggelia-fpa")


# --- Brazilian pedido de compra (fpdf2): CNPJ and inscrição estadual of both sides, NCM and IPI per
# line, "Valor total dos produtos" + IPI = "Valor total do pedido", prazo de entrega per line.


def br_pdf(path: Path, o: Order, ipi: Decimal) -> None:
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(120, 8, o.buyer, border="LT")
    pdf.cell(0, 8, "PEDIDO DE COMPRA", border="LTR", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 7.5)
    pdf.cell(120, 5, o.address, border="L")
    pdf.cell(0, 5, f"Nº {o.number}", border="LR", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(120, 5, "CNPJ: 82.640.315/0001-47   IE: 251.093.884", border="LB")
    pdf.cell(0, 5, f"Emissão: {day(o.ordered, 'dmy')}", border="LRB", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("dv", "B", 7.5)
    pdf.cell(0, 5, "FORNECEDOR", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 7.5)
    pdf.cell(0, 4.5, f"{SUPPLIER} - {SUPPLIER_ADDR}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(
        0,
        4.5,
        f"Condição de pagamento: {o.payment or 'a combinar'}    Frete: {o.incoterms or 'CIF'}    Comprador: {o.person}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    widths = [8, 24, 58, 16, 14, 10, 22, 10, 24]
    heads = ["It.", "Código", "Descrição", "NCM", "Qtde", "Un", "Vlr. Unit.", "IPI %", "Vlr. Total"]
    pdf.set_font("dv", "B", 7)
    for wd, h in zip(widths, heads):
        pdf.cell(wd, 6, h, border=1, align="C")
    pdf.ln()
    pdf.set_font("dv", "", 7)
    for j, ln in enumerate(o.lines, 1):
        cells = [
            f"{j:03d}",
            ln.code,
            ln.text[:40],
            "8544.42.00",
            num(ln.qty, "eu", 0),
            ln.unit,
            num(ln.price, "eu"),
            num(ipi, "eu", 2),
            num(ln.amount, "eu"),
        ]
        for i, (wd, c) in enumerate(zip(widths, cells)):
            pdf.cell(wd, 5.5, c, border=1, align="R" if i in (4, 6, 7, 8) else "L")
        pdf.ln()
        pdf.cell(widths[0], 4.5, "")
        pdf.set_font("dv", "", 6.5)
        pdf.cell(0, 4.5, f"Prazo de entrega: {day(ln.due or o.due or o.ordered, 'dmy')}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 7)
    ((label, rate, tax),) = o.tax_amounts()
    pdf.ln(2)
    for text, v in (("Valor total dos produtos", o.net), ("Valor do IPI", tax), ("Valor total do pedido", o.gross)):
        pdf.cell(120, 5, "")
        pdf.cell(40, 5, text, border=1)
        pdf.cell(26, 5, f"R$ {num(v, 'eu')}", border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(
        0,
        4,
        "Observações: Favor mencionar o número deste pedido na nota fiscal. ICMS incluso no preço unitário. Mercadoria sujeita a inspeção no recebimento.",
    )
    pdf.output(str(path))


@family("pt-br-pedido-ipi", "fpdf2-cells-cnpj")
def brazil(m: Maker) -> None:
    for k in range(4):
        name = f"pt-br-pedido-ipi-{k}"
        o = m.order(
            name,
            "pt-BR",
            2 + (k + 2) % 3,
            lambda r: f"{r.randrange(10000, 99999)}",
            k=k,
            unit="PC",
            line_dates=k % 2 == 0,
        )
        ipi = Decimal((5, 10, "3.25", "6.5")[k])
        o.taxes, o.tax_per_line = [("IPI", ipi)], True
        o.payment = ("28 DDL", "30/60/90 dias", None, "28/42 DDL")[k]
        br_pdf(m.path(f"pdf/{name}.pdf"), o, ipi)
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-br-pedido-ipi")


# --- Indian GST purchase order: GSTIN, HSN per line, CGST + SGST (intra-state) or IGST, lakh
# grouping, the total in words ("Rupees ... Only"), the place of supply.

ONES = "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen".split()
TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def words_in(n: int) -> str:
    """A whole number in the Indian way of naming it (crore, lakh, thousand, hundred)."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    for size, word in ((10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand"), (100, "Hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{words_in(head)} {word}" + ("" if rest == 0 else " " + words_in(rest))
    return ""


def gst_pdf(path: Path, o: Order, inter: bool) -> None:
    p = Page(path, "sans", "bold", creator="Tally.ERP 9")
    p.box(30, 30, 535, 780)
    p.text(297, 48, "PURCHASE ORDER", 13, bold=True, align="center")
    p.line(30, 56, 565, 56)
    p.text(36, 70, o.buyer, 10, bold=True)
    p.text(36, 82, o.address, 7.5)
    p.text(
        36,
        94,
        f"GSTIN/UIN: 24AAHCN{o.number[-4:]}Q1Z{o.number[-1]}    State Name: {'Gujarat' if 'Vadodara' in o.address else 'Tamil Nadu'}",
        7.5,
    )
    p.line(300, 56, 300, 150)
    for j, (a, b) in enumerate(
        (
            ("Voucher No.", o.number),
            ("Dated", day(o.ordered, "d_mon_y")),
            ("Mode/Terms of Payment", o.payment or ""),
            ("Dispatch through", "Sea"),
            ("Terms of Delivery", o.incoterms or ""),
        )
    ):
        p.text(306, 68 + 16 * j, a, 7)
        p.text(430, 68 + 16 * j, b, 8, bold=j == 0)
    p.line(30, 150, 565, 150)
    p.text(36, 162, "Supplier (Bill from)", 7)
    p.text(36, 174, SUPPLIER, 8.5, bold=True)
    p.text(36, 185, SUPPLIER_ADDR, 7)
    y = 210
    p.line(30, y - 12, 565, y - 12)
    xs = [
        (36, "Sl", "left"),
        (52, "Description of Goods", "left"),
        (290, "HSN/SAC", "left"),
        (380, "Quantity", "right"),
        (440, "Rate", "right"),
        (452, "per", "left"),
        (559, "Amount", "right"),
    ]
    p.row(y, xs, 7.5, bold=True)
    p.line(30, y + 5, 565, y + 5)
    y += 18
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.text,
            "85044090",
            f"{num(ln.qty, 'lakh', 0)} {ln.unit}",
            num(ln.price, "lakh"),
            ln.unit,
            num(ln.amount, "lakh"),
        ]
        p.row(y, [(x, c, a) for (x, _, a), c in zip(xs, cells)], 8)
        p.text(52, y + 10, f"Part No. {ln.code}", 6.5)
        y += 24
    p.line(30, y, 565, y)
    for label, rate, tax in o.tax_amounts():
        y += 13
        p.text(300, y, f"{label} @ {num(rate, 'en', 0)}%", 8)
        p.text(559, y, num(tax, "lakh"), 8, align="right")
    y += 16
    p.line(30, y - 10, 565, y - 10)
    p.text(300, y + 2, "Total", 9, bold=True)
    p.text(559, y + 2, f"₹ {num(o.gross, 'lakh')}", 9, bold=True, align="right")
    rupees, paise = divmod(int(o.gross * 100), 100)
    said = f"INR {words_in(rupees)}" + (f" and {words_in(paise)} paise" if paise else "") + " Only"
    p.text(36, y + 22, "Amount Chargeable (in words)", 7)
    p.text(36, y + 34, said, 8, bold=True)
    p.text(36, 790, "This is a Computer Generated Document", 7)
    p.text(559, 770, f"for {o.buyer}", 8, align="right")
    p.text(559, 790, "Authorised Signatory", 7, align="right")
    p.save()


@family("in-gst-tally-po", "reportlab-canvas-tally")
def india(m: Maker) -> None:
    for k in range(4):
        name = f"en-in-gst-po-{k}"
        o = m.order(
            name,
            "en-IN",
            2 + k % 4,
            lambda r: f"PO/{r.randrange(1000, 9999)}/26-27",
            k=k,
            unit="Nos",
            big=k % 2 == 1,
            text_lang="en",
        )
        inter = k in (1, 2)  # from Dongguan the order is an import; some buyers still print CGST/SGST
        o.taxes = [("IGST", Decimal(18))] if inter else [("CGST", Decimal(9)), ("SGST", Decimal(9))]
        o.payment = ("45 Days", "Against Delivery", None, "60 Days from GRN")[k]
        o.incoterms = (None, "CIF Nhava Sheva", "FOB Shenzhen", None)[k]
        gst_pdf(m.path(f"pdf/{name}.pdf"), o, inter)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "in-gst-tally-po")


# --- Right-to-left mail bodies: a Hebrew order from Outlook in windows-1255 and Arabic orders in
# UTF-8, an HTML table with dir="rtl"; one Arabic buyer writes every number in Arabic-Indic digits.

RTL = {
    "he": dict(
        subject="הזמנת רכש מס׳ {no}",
        hello="שלום רב,",
        ask="מצורפת הזמנת רכש מס׳ {no} מתאריך {date}. נא לאשר קבלה ומועד אספקה.",
        cols=["מק״ט", "תיאור", "כמות", "מחיר ליח׳", "סה״כ"],
        due="מועד אספקה נדרש: {due}",
        net="סה״כ לפני מע״מ",
        tax="מע״מ {rate}%",
        total="סה״כ כולל מע״מ",
        bye="בברכה,",
        cur="₪",
    ),
    "ar": dict(
        subject="أمر شراء رقم {no}",
        hello="السادة المحترمون،",
        ask="نرجو توريد الأصناف التالية بموجب أمر الشراء رقم {no} بتاريخ {date}.",
        cols=["رمز الصنف", "الوصف", "الكمية", "سعر الوحدة", "الإجمالي"],
        due="تاريخ التسليم المطلوب: {due}",
        net="المجموع قبل الضريبة",
        tax="ضريبة القيمة المضافة {rate}%",
        total="الإجمالي شامل الضريبة",
        bye="مع التحية،",
        cur="",
    ),
}


def rtl_html(o: Order, wl: str, numbers: str) -> str:
    w = RTL[wl]

    def n(v: Decimal, places: int | None = None) -> str:
        return num(v, numbers, places)

    def d(v: date) -> str:
        text = day(v, "dmy")
        return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) if numbers == "arabic" else text

    rows = "".join(
        f"<tr><td>{ln.code}</td><td>{escape(ln.text)}</td><td>{n(ln.qty, 0)}</td><td>{n(ln.price)}</td><td>{n(ln.amount)}</td></tr>"
        for ln in o.lines
    )
    ((label, rate, tax),) = o.tax_amounts()
    sums = "".join(
        f'<tr><td colspan="4" style="text-align:left">{t}</td><td>{n(v)} {w["cur"] or o.currency}</td></tr>'
        for t, v in ((w["net"], o.net), (w["tax"].format(rate=n(rate, 0)), tax), (w["total"], o.gross))
    )
    head = "".join(f"<th>{c}</th>" for c in w["cols"])
    return (
        f'<html dir="rtl"><head><meta charset="{"windows-1255" if wl == "he" else "utf-8"}"></head>'
        f'<body dir="rtl" style="font-family:Arial"><p>{w["hello"]}</p><p>{w["ask"].format(no=o.number, date=d(o.ordered))}</p>'
        f'<table dir="rtl" border="1" cellspacing="0" cellpadding="4"><tr>{head}</tr>{rows}{sums}</table>'
        f"<p>{w['due'].format(due=d(o.due or o.ordered))}</p><p>{w['bye']}<br>{escape(o.person)}<br>{escape(o.buyer)}<br>{escape(o.address)}</p></body></html>"
    )


@family("rtl-html-mail", "email-html-rtl")
def rtl_mail(m: Maker) -> None:
    docs = (
        ("he", 0, "en", "windows-1255"),
        ("he", 1, "en", "windows-1255"),
        ("ar", 0, "en", "utf-8"),
        ("ar", 1, "arabic", "utf-8"),
    )
    for k, (loc, bk, numbers, charset) in enumerate(docs):
        name = f"{loc}-rtl-mail-{k}"
        o = m.order(
            name, loc, 2 + k % 2, lambda r: f"{r.randrange(4000, 4999)}-{r.randrange(10, 99)}", k=bk, text_lang="en"
        )
        o.taxes = [("VAT", Decimal({"ILS": 18, "AED": 5, "SAR": 15}[o.currency]))]
        html = rtl_html(o, loc, numbers)
        subject = RTL[loc]["subject"].format(no=o.number)
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject=subject,
            key=name,
            sent=sent_on(o.ordered, offset=2),
            html=html,
            charset=charset,
            headers={"X-Mailer": "Microsoft Outlook 16.0"} if loc == "he" else None,
        )
        # nothing in the mail names the goods' unit: the golden file leaves the unit out
        m.add(f"eml/{name}.eml", o.golden(source="body", units=False), loc, "rtl-html-mail")


# --- A buyer's colleague forwards the order inside the customer's company, in Outlook's HTML: the
# MsoNormalTable of lines under Outlook's header block (From/Sent/To/Subject), a short note on top.

FW = {
    "en": dict(
        note="Hi team, please see below our order as discussed with {person} - kindly confirm delivery.",
        hdr=("From:", "Sent:", "To:", "Subject:"),
        fw="FW:",
        greet="Dear Sir/Madam,",
        ask="Please supply the following under our purchase order {no} dated {date}:",
        cols=["Part No.", "Description", "Qty", "Unit Price", "Amount"],
        total="Total",
        due="Required delivery: {due}",
        regards="Best regards",
    ),
    "de": dict(
        note="Hallo zusammen, anbei unsere Bestellung zur Info, bitte Liefertermin bestätigen.",
        hdr=("Von:", "Gesendet:", "An:", "Betreff:"),
        fw="WG:",
        greet="Sehr geehrte Damen und Herren,",
        ask="hiermit bestellen wir gemäß Bestellung {no} vom {date}:",
        cols=["Teilenr.", "Bezeichnung", "Menge", "Einzelpreis", "Gesamt"],
        total="Summe netto",
        due="Gewünschter Liefertermin: {due}",
        regards="Mit freundlichen Grüßen",
    ),
    "fr": dict(
        note="Bonjour, je vous transfère la commande ci-dessous, merci de confirmer le délai.",
        hdr=("De :", "Envoyé :", "À :", "Objet :"),
        fw="TR :",
        greet="Madame, Monsieur,",
        ask="Veuillez trouver ci-dessous notre commande {no} du {date} :",
        cols=["Référence", "Désignation", "Quantité", "Prix unitaire", "Montant"],
        total="Total HT",
        due="Livraison souhaitée : {due}",
        regards="Cordialement",
    ),
}


def fw_html(o: Order, wl: str, numbers: str, dates: str, colleague: tuple[str, str]) -> str:
    w = FW[wl]
    cell = '<td style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">{}<o:p></o:p></p></td>'
    rows = "".join(
        "<tr>"
        + "".join(
            cell.format(escape(c))
            for c in (ln.code, ln.text, num(ln.qty, numbers, 0), num(ln.price, numbers), num(ln.amount, numbers))
        )
        + "</tr>"
        for ln in o.lines
    )
    head = "<tr>" + "".join(cell.format(f"<b>{c}</b>") for c in w["cols"]) + "</tr>"
    total = (
        "<tr>"
        + cell.format("") * 3
        + cell.format(f"<b>{w['total']}</b>")
        + cell.format(f"<b>{num(o.net, numbers)} {o.currency}</b>")
        + "</tr>"
    )
    sent = sent_on(o.ordered, 8, 5)
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}</style></head><body lang="EN-US"><div class="WordSection1">'
        f'<p class="MsoNormal">{escape(w["note"].format(person=SUPPLIER))}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        f'<p class="MsoNormal">{escape(colleague[0])}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
        f'<p class="MsoNormal"><b>{w["hdr"][0]}</b> {escape(o.person)} &lt;{o.mail}&gt;<br><b>{w["hdr"][1]}</b> {sent:%d.%m.%Y %H:%M}<br>'
        f"<b>{w['hdr'][2]}</b> sales@example.com<br><b>{w['hdr'][3]}</b> PO {o.number}<o:p></o:p></p></div>"
        f'<p class="MsoNormal">{w["greet"]}<o:p></o:p></p><p class="MsoNormal">{escape(w["ask"].format(no=o.number, date=day(o.ordered, dates)))}<o:p></o:p></p>'
        f'<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">{head}{rows}{total}</table>'
        f'<p class="MsoNormal">{escape(w["due"].format(due=day(o.due or o.ordered, dates)))}<o:p></o:p></p>'
        f'<p class="MsoNormal">{w["regards"]}<br>{escape(o.person)}<br>{escape(o.buyer)}<br>{escape(o.address)}<o:p></o:p></p></div></body></html>'
    )


@family("outlook-fw-within-buyer", "email-outlook-mso-table")
def outlook_fw(m: Maker) -> None:
    docs = (
        ("en-US", 1, "en", "en", "mon_d_y"),
        ("de", 0, "de", "eu", "dot"),
        ("de-AT", 1, "de", "eu", "dot"),
        ("fr", 0, "fr", "space", "dmy"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-outlook-fw-{k}"
        o = m.order(
            name,
            loc,
            2 + (k + 1) % 3,
            lambda r: f"{r.randrange(7100000, 7199999)}",
            k=bk,
            text_lang="de" if wl == "de" else "en",
        )
        domain = o.mail.split("@")[1]
        colleague = (("Jordan Ellis", "Anke Bauer", "Stefan Moser", "Claire Martin")[k], f"assistant@{domain}")
        html = fw_html(o, wl, numbers, dates, colleague)
        mail(
            m.path(f"eml/{name}.eml"),
            sender=colleague,
            subject=f"{FW[wl]['fw']} PO {o.number}",
            key=name,
            sent=sent_on(o.ordered, 9, 30),
            html=html,
            headers={"X-Mailer": "Microsoft Outlook 16.0", "Thread-Topic": f"PO {o.number}"},
        )
        m.add(f"eml/{name}.eml", o.golden(source="body", units=False), wl, "outlook-fw-within-buyer")


# --- Kanban call-offs: a plain-text mail from the buyer's line-side system, one row per card
# (bins x quantity per bin), the call-off number and the framework contract it draws on; no
# prices (they are in the contract).

KANBAN = {
    "en": dict(
        subject="KANBAN CALL-OFF {no}",
        intro="Automatic kanban signal from {buyer} - please ship the emptied bins below.",
        no="Call-off no.",
        contract="Framework contract",
        date="Signal date",
        due="Deliver by",
        cols=("Card", "Part number", "Description", "Bins", "Qty/bin", "Total qty"),
    ),
    "de": dict(
        subject="Kanban-Abruf {no}",
        intro="Automatischer Kanban-Abruf der {buyer} - bitte die folgenden leeren Behälter nachliefern.",
        no="Abruf-Nr.",
        contract="Rahmenvertrag",
        date="Abrufdatum",
        due="Anliefertermin",
        cols=("Karte", "Sachnummer", "Benennung", "Behälter", "Menge/Beh.", "Gesamtmenge"),
    ),
    "pl": dict(
        subject="Zamówienie kanban {no}",
        intro="Automatyczny sygnał kanban z {buyer} - prosimy o dostawę poniższych pojemników.",
        no="Nr zamówienia",
        contract="Umowa ramowa",
        date="Data sygnału",
        due="Termin dostawy",
        cols=("Karta", "Nr części", "Nazwa", "Pojemniki", "Szt./poj.", "Ilość razem"),
    ),
    "cs": dict(
        subject="Kanban odvolávka {no}",
        intro="Automatický kanban signál od {buyer} - prosíme o doplnění prázdných obalů.",
        no="Číslo odvolávky",
        contract="Rámcová smlouva",
        date="Datum signálu",
        due="Dodat do",
        cols=("Karta", "Číslo dílu", "Název", "Obaly", "Ks/obal", "Celkem ks"),
    ),
}


def kanban_text(o: Order, wl: str, bins: list[int], numbers: str, dates: str) -> str:
    w = KANBAN[wl]
    rows = [
        f"{w['no']:<20}: {o.number}",
        f"{w['contract']:<20}: RV-{o.number[-4:]}-2025",
        f"{w['date']:<20}: {day(o.ordered, dates)}",
        f"{w['due']:<20}: {day(o.due or o.ordered, dates)}",
        "",
    ]
    c = w["cols"]
    rows.append(f"{c[0]:<8}{c[1]:<14}{c[2]:<42}{c[3]:>9}{c[4]:>12}{c[5]:>13}")
    rows.append("-" * 98)
    for j, (ln, b) in enumerate(zip(o.lines, bins), 1):
        per = ln.qty / b
        rows.append(
            f"{'K' + str(700 + j):<8}{ln.code:<14}{ln.text[:41]:<42}{b:>9}{num(per, numbers, 0):>12}{num(ln.qty, numbers, 0):>13}"
        )
    rows.append("-" * 98)
    return w["intro"].format(buyer=o.buyer) + "\n\n" + "\n".join(rows) + f"\n\n{o.person}\n{o.buyer}\n{o.address}\n"


@family("kanban-calloff-text", "email-plain-kanban")
def kanban(m: Maker) -> None:
    docs = (
        ("en-US", 0, "en", "en", "mdy"),
        ("de", 1, "de", "eu", "dot"),
        ("pl", 0, "pl", "space", "dot"),
        ("cs", 0, "cs", "space", "dot"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-kanban-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"KB{r.randrange(10000000, 99999999)}",
            k=bk,
            text_lang="de" if wl == "de" else "en",
        )
        r = m.r(name)
        bins = []
        for ln in o.lines:  # whole bins: the quantity is bins x quantity per bin
            b = r.choice([2, 3, 4, 5, 6])
            ln.qty = Decimal(b * r.choice([20, 25, 40, 50, 100]))
            ln.amount = money(ln.qty * ln.price, o.currency)
            bins.append(b)
        mail(
            m.path(f"eml/{name}.eml"),
            sender=("Kanban Server", f"kanban@{o.mail.split('@')[1]}"),
            subject=KANBAN[wl]["subject"].format(no=o.number),
            key=name,
            sent=sent_on(o.ordered, 5, 2),
            text=kanban_text(o, wl, bins, numbers, dates),
        )
        m.add(f"eml/{name}.eml", o.golden(source="body", prices=False, units=False), wl, "kanban-calloff-text")


# --- Call-offs from a framework contract typed in a mail body: the contract and its prices named in
# sentences, a short tab-separated list of quantities, the call-off number in the subject and text.

CALLOFF = {
    "de": dict(
        subject="Abruf {no} aus Rahmenvertrag {contract}",
        text="Guten Tag {sup},\n\nhiermit rufen wir aus dem Rahmenvertrag {contract} (Preise gemäß Vertrag, netto in {cur}) unter der Abrufnummer {no} vom {date} folgende Mengen ab:\n\n{rows}\n\nAbrufwert netto: {net} {cur}\nLiefertermin frei Haus: {due}\n\nFreundliche Grüße\n{person}\n{buyer}\n",
        cols="Sachnr.\tBezeichnung\tMenge\tPreis/Stk",
    ),
    "fr": dict(
        subject="Appel de livraison {no} - contrat cadre {contract}",
        text="Bonjour,\n\nDans le cadre du contrat {contract}, nous vous passons l'appel de livraison n° {no} en date du {date} (prix du contrat, HT en {cur}) :\n\n{rows}\n\nMontant de l'appel HT : {net} {cur}\nLivraison franco le {due}\n\nBien cordialement,\n{person}\n{buyer}\n",
        cols="Réf.\tDésignation\tQuantité\tPrix unitaire",
    ),
    "it": dict(
        subject="Richiamo {no} su contratto quadro {contract}",
        text="Buongiorno,\n\ncon la presente richiamiamo dal contratto quadro {contract} con il numero {no} del {date} le seguenti quantità (prezzi da contratto, netti in {cur}):\n\n{rows}\n\nValore netto del richiamo: {net} {cur}\nConsegna entro il {due}\n\nCordiali saluti\n{person}\n{buyer}\n",
        cols="Codice\tDescrizione\tQuantità\tPrezzo cad.",
    ),
}


@family("framework-calloff-body", "email-plain-tabs")
def framework(m: Maker) -> None:
    docs = (
        ("de", 0, "de", "eu", "dot"),
        ("de-CH", 0, "de", "swiss", "dot"),
        ("fr", 0, "fr", "space", "dmy"),
        ("it", 0, "it", "eu", "dmy"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-framework-calloff-{k}"
        o = m.order(
            name,
            loc,
            1 + k % 3,
            lambda r: f"{r.randrange(100, 999)}/{r.randrange(1, 40):02d}",
            k=bk,
            text_lang="de" if wl == "de" else "en",
        )
        w = CALLOFF[wl]
        contract = f"RV{o.number.split('/')[0]}7"
        rows = (
            w["cols"]
            + "\n"
            + "\n".join(f"{ln.code}\t{ln.text}\t{num(ln.qty, numbers, 0)}\t{num(ln.price, numbers)}" for ln in o.lines)
        )
        text = w["text"].format(
            sup=SUPPLIER,
            contract=contract,
            cur=o.currency,
            no=o.number,
            date=day(o.ordered, dates),
            rows=rows,
            net=num(o.net, numbers),
            due=day(o.due or o.ordered, dates),
            person=o.person,
            buyer=o.buyer,
        )
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject=w["subject"].format(no=o.number, contract=contract),
            key=name,
            sent=sent_on(o.ordered, 14, 20),
            text=text,
            charset="iso-8859-1" if wl == "fr" else "utf-8",
        )
        m.add(f"eml/{name}.eml", o.golden(source="body", units=False, amounts=False), wl, "framework-calloff-body")


# --- Orders over three pages, the head repeated on every page (number, date, "Page 2 of 3"), the
# table header repeated, "Continued on next page" at the foot, the sums on the last page only.

LONG = {
    "en": dict(
        title="PURCHASE ORDER",
        no="PO Number",
        date="PO Date",
        page="Page {p} of {n}",
        cols=["Item", "Material", "Description", "Qty", "UoM", "Net Price", "Net Value"],
        cont="Continued on next page",
        net="Total net value",
        tax="VAT",
        total="Total order value",
        due="Delivery date",
    ),
    "de": dict(
        title="BESTELLUNG",
        no="Bestellnummer",
        date="Bestelldatum",
        page="Seite {p} von {n}",
        cols=["Pos.", "Material", "Kurztext", "Menge", "ME", "Nettopreis", "Nettowert"],
        cont="Fortsetzung auf der nächsten Seite",
        net="Gesamtnettowert",
        tax="MwSt.",
        total="Gesamtwert",
        due="Liefertermin",
    ),
}


def long_pdf(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    w = LONG[wl]
    per_page = (len(o.lines) + 2) // 3
    pages = [o.lines[i : i + per_page] for i in range(0, len(o.lines), per_page)]
    p = Page(path, "Helvetica", "Helvetica-Bold", creator="SAP NetWeaver")
    j = 0
    for pno, chunk in enumerate(pages, 1):
        p.text(40, 40, o.buyer, 11, bold=True)
        p.text(40, 52, o.address, 7.5)
        p.text(555, 40, w["title"], 13, bold=True, align="right")
        p.text(555, 54, f"{w['no']}: {o.number}", 8.5, align="right")
        p.text(555, 66, f"{w['date']}: {day(o.ordered, dates)}", 8.5, align="right")
        p.text(555, 78, w["page"].format(p=pno, n=len(pages)), 8, align="right")
        y = 100.0
        if pno == 1:
            p.text(40, 96, SUPPLIER, 9)
            p.text(40, 107, SUPPLIER_ADDR, 7.5)
            p.text(40, 122, f"{w['due']}: {day(o.due or o.ordered, dates)}", 8.5)
            y = 145
        xs = [(40, "left"), (70, "left"), (140, "left"), (410, "right"), (416, "left"), (490, "right"), (555, "right")]
        p.row(y, [(x, c, a) for (x, a), c in zip(xs, w["cols"])], 8, bold=True)
        p.line(40, y + 4, 555, y + 4)
        y += 16
        for ln in chunk:
            j += 1
            cells = [
                f"{10 * j:05d}",
                ln.code,
                ln.text,
                num(ln.qty, numbers, 0),
                ln.unit,
                num(ln.price, numbers),
                num(ln.amount, numbers),
            ]
            p.row(y, [(x, c, a) for (x, a), c in zip(xs, cells)], 7.5)
            y += 13
        if pno < len(pages):
            p.text(555, 800, w["cont"], 7.5, align="right")
            p.new_page()
            continue
        p.line(380, y, 555, y)
        taxes = [(f"{w['tax']} {num(rate, numbers, 0)}%", tax) for _, rate, tax in o.tax_amounts()]
        sums = [(w["net"], o.net)] + taxes + [(f"{w['total']} {o.currency}", o.gross)]
        for i, (t, v) in enumerate(sums):
            last = i == len(sums) - 1
            p.text(380, y + 14 + 12 * i, t, 8, bold=last)
            p.text(555, y + 14 + 12 * i, num(v, numbers), 8, bold=last, align="right")
    p.save()


@family("three-pages-head-repeated", "reportlab-canvas-multipage")
def three_pages(m: Maker) -> None:
    docs = (
        ("en-GB", 0, "en", "en", "d_mon_y", "20"),
        ("de", 0, "de", "eu", "dot", "19"),
        ("en-US", 2, "en", "en", "mdy", "0"),
        ("de-AT", 0, "de", "eu", "dot", "20"),
    )
    for k, (loc, bk, wl, numbers, dates, vat) in enumerate(docs):
        name = f"{loc.lower()}-three-pages-{k}"
        o = m.order(
            name,
            loc,
            60 + 9 * k,
            lambda r: f"45{r.randrange(10000000, 99999999)}",
            k=bk,
            unit="PC" if wl == "en" else "ST",
            text_lang=wl,
        )
        o.taxes = [(LONG[wl]["tax"], Decimal(vat))] if vat != "0" else []
        long_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers, dates)
        m.add(f"pdf/{name}.pdf", o.golden(), wl, "three-pages-head-repeated")


# --- A Google Sheets order form printed to PDF: light grey gridlines around every cell, the sheet's
# own column widths, labels in column A and values in B, the sheet name and page in the footer.


def sheet_pdf(path: Path, o: Order, numbers: str, dates: str, labels: dict[str, str]) -> None:
    from reportlab.lib.pagesizes import LETTER

    p = Page(path, "sans", "bold", size=LETTER, creator="Google Sheets")
    widths = [70, 190, 55, 45, 70, 80]
    rows: list[list[str]] = [
        [labels["title"], "", "", "", "", ""],
        [labels["company"], o.buyer, "", "", "", ""],
        [labels["no"], o.number, "", "", labels["date"], day(o.ordered, dates)],
        [labels["vendor"], SUPPLIER, "", "", labels["due"], day(o.due or o.ordered, dates)],
        ["", "", "", "", "", ""],
        labels["cols"].split("|"),
    ]
    for ln in o.lines:
        rows.append(
            [ln.code, ln.text, num(ln.qty, numbers, 0), ln.unit, num(ln.price, numbers), num(ln.amount, numbers)]
        )
    rows += [["", "", "", "", "", ""]] * 2 + [["", "", "", "", labels["total"], num(o.gross, numbers)]]
    y = 50.0
    for row in rows:
        x = 36.0
        for i, (wd, c) in enumerate(zip(widths, row)):
            p.c.setStrokeColorRGB(0.8, 0.8, 0.8)
            p.box(x, y, wd, 16, width=0.3)
            p.c.setStrokeColorRGB(0, 0, 0)
            right = i >= 2 and c[:1].isdigit()
            p.text(
                x + wd - 3 if right else x + 3, y + 11.5, c, 8, align="right" if right else "left", bold=row is rows[0]
            )
            x += wd
        y += 16
    p.text(306, 770, f"{labels['sheet']}  -  1", 7, align="center")
    p.save()


SHEET_LABELS = {
    "en": dict(
        title="PURCHASE ORDER",
        company="Company",
        no="PO #",
        date="Date",
        vendor="Vendor",
        due="Need by",
        cols="SKU|Item|Qty|Unit|Unit cost|Line total",
        total="TOTAL",
        sheet="PO form",
    ),
    "es": dict(
        title="ORDEN DE COMPRA",
        company="Empresa",
        no="OC #",
        date="Fecha",
        vendor="Proveedor",
        due="Entregar antes de",
        cols="SKU|Artículo|Cant.|Unidad|Costo unit.|Importe",
        total="TOTAL",
        sheet="Formato OC",
    ),
}


@family("google-sheets-pdf", "reportlab-canvas-sheet-grid")
def google_sheets(m: Maker) -> None:
    docs = (
        ("en-US", 0, "en", "en", "mdy"),
        ("en-US", 1, "en", "en", "mon_d_y"),
        ("es-MX", 0, "es", "en", "dmy"),
        ("en-AU", 0, "en", "en", "dmy"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-google-sheets-{k}"
        o = m.order(
            name,
            loc,
            2 + (k * 3) % 5,
            lambda r: f"{r.randrange(1000, 1999)}",
            k=bk,
            unit=("ea", "pcs", "pza", "ea")[k],
            text_lang="es" if wl == "es" else "en",
        )
        o.number = f"{('HP', 'SW', 'HPAC', 'GPV')[k]}-{o.number}"
        sheet_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, dates, SHEET_LABELS[wl])
        m.add(f"pdf/{name}.pdf", o.golden(), wl, "google-sheets-pdf")


# --- Faxes received sideways: a printed order rendered at 200 dpi, turned 90 or 270 degrees (the
# sheet went in across), slightly skewed, 1-bit, saved as an image-only PDF by Pillow. Read by OCR at
# best: a correct reading still goes to a person.


def fax_form(path: Path, o: Order, wl: str) -> None:
    w = {
        "en": ("PURCHASE ORDER", "Order No.", "Date", "Delivery", "Total"),
        "de": ("BESTELLUNG", "Bestell-Nr.", "Datum", "Liefertermin", "Summe"),
        "es": ("PEDIDO", "Pedido nº", "Fecha", "Entrega", "Total"),
    }.get(wl, ("采购订单", "订单号", "日期", "交期", "合计"))
    p = Page(path, "cjk0" if wl == "zh" else "mono", "cjk0" if wl == "zh" else "mono", creator="Fax")
    p.text(40, 30, f"FAX  {o.ordered:%d/%m/%Y} 08:1{len(o.lines)}  +00 555 0100  P.001/001", 7)
    p.text(297, 70, w[0], 16, align="center")
    p.text(40, 100, o.buyer, 11)
    p.text(40, 114, o.address, 8)
    p.text(360, 140, f"{w[1]}: {o.number}", 10)
    p.text(360, 156, f"{w[2]}: {day(o.ordered, 'iso')}", 10)
    p.text(360, 172, f"{w[3]}: {day(o.due or o.ordered, 'iso')}", 10)
    y = 210
    for ln in o.lines:
        p.text(40, y, ln.code, 9)
        p.text(130, y, ln.text[:34], 9)
        p.text(400, y, num(ln.qty, "en", 0), 9, align="right")
        p.text(470, y, num(ln.price), 9, align="right")
        p.text(555, y, num(ln.amount), 9, align="right")
        y += 18
    p.text(470, y + 10, f"{w[4]} {o.currency}", 10, align="right")
    p.text(555, y + 10, num(o.gross), 10, align="right")
    p.save()


def sideways_fax(src: Path, dst: Path, r: random.Random, turn: int) -> None:
    import pypdfium2
    from PIL import Image

    doc = pypdfium2.PdfDocument(str(src))
    img = doc[0].render(scale=200 / 72).to_pil().convert("L")
    doc.close()
    img = img.rotate(r.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=255).rotate(turn, expand=True)
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 900):
        px[r.randrange(w), r.randrange(h)] = 0
    img.point(lambda v: 255 if v > 150 else 0).convert("1").save(
        str(dst), "PDF", resolution=200, creationDate=STAMP.timetuple(), modDate=STAMP.timetuple()
    )


@family("fax-received-sideways", "pillow-1bit-pdf")
def fax_sideways(m: Maker) -> None:
    docs = (("en-GB", 1, "en", 90), ("de", 1, "de", 270), ("es", 0, "es", 90), ("zh-Hans", 1, "zh", 270))
    for k, (loc, bk, wl, turn) in enumerate(docs):
        name = f"{loc.lower()}-fax-sideways-{k}"
        o = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(50000, 59999)}", k=bk, text_lang=wl)
        src = m.work / f"{name}-printed.pdf"
        fax_form(src, o, wl)
        sideways_fax(src, m.path(f"pdf/{name}.pdf"), m.r(name), turn)
        m.add(
            f"pdf/{name}.pdf",
            o.golden(review=True, units=False),
            "zh-Hans" if wl == "zh" else wl,
            "fax-received-sideways",
        )


# --- Blanket-order releases (Plex-style): the release printed as "PO/Release 8821-014" with the
# blanket order beside it, each line with its due date, release quantity and a cumulative required
# quantity that is not the quantity ordered.


def release_pdf(path: Path, o: Order, blanket: str, rel: int, cums: list[Decimal]) -> None:
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 14)
    pdf.cell(100, 8, "SCHEDULED RELEASE")
    pdf.set_font("dv", "", 9)
    pdf.cell(0, 8, f"PO/Release: {o.number}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(100, 5, o.buyer)
    pdf.cell(0, 5, f"Blanket PO: {blanket}   Release: {rel}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(100, 5, o.address)
    pdf.cell(0, 5, f"Release Date: {day(o.ordered, 'mdy')}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(100, 5, f"Supplier: {SUPPLIER}")
    pdf.cell(0, 5, f"Buyer: {o.person}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_fill_color(40, 40, 40)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("dv", "B", 7.5)
    widths = [9, 25, 55, 21, 19, 19, 17, 21]
    for wd, h in zip(
        widths, ["Ln", "Part No", "Description", "Due Date", "Release Qty", "Cum Req'd", "Price", "Extended"]
    ):
        pdf.cell(wd, 6, h, fill=True, align="C")
    pdf.ln()
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("dv", "", 7.5)
    for j, (ln, cum) in enumerate(zip(o.lines, cums), 1):
        pdf.set_fill_color(242, 242, 242)
        cells = [
            str(j),
            ln.code,
            ln.text,
            day(ln.due or o.ordered, "mdy"),
            num(ln.qty, "en", 0),
            num(cum, "en", 0),
            num(ln.price, "en", 4),
            num(ln.amount),
        ]
        for i, (wd, c) in enumerate(zip(widths, cells)):
            pdf.cell(
                wd,
                6,
                c if pdf.get_string_width(c) < wd - 1 else c[: int(wd / 1.6)],
                fill=j % 2 == 0,
                align="R" if i >= 4 else "L",
            )
        pdf.ln()
        if pdf.get_string_width(ln.text) >= widths[2] - 1:
            pdf.cell(widths[0] + widths[1], 4, "")
            pdf.cell(widths[2], 4, ln.text[int(widths[2] / 1.6) :], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("dv", "B", 9)
    pdf.cell(0, 6, f"Release Total: {num(o.net)} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 7)
    pdf.multi_cell(
        0,
        4,
        f"Terms per blanket order {blanket}. Ship complete; partial shipments require approval. Cumulative quantities are for information only.",
    )
    pdf.output(str(path))


@family("blanket-release-cum", "fpdf2-dark-header")
def blanket_release(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-US", 0), ("en-US", 2), ("en-US", 1), ("en-AU", 0))):
        name = f"{loc.lower()}-blanket-release-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"{r.randrange(8000, 8999)}",
            k=bk,
            line_dates=True,
            unit="EA",
            text_lang="en",
        )
        r = m.r(name)
        rel = r.randrange(3, 40)
        blanket = o.number
        o.number = f"{blanket}-{rel:03d}"
        cums = [ln.qty * r.randrange(rel, rel * 3) for ln in o.lines]
        release_pdf(m.path(f"pdf/{name}.pdf"), o, blanket, rel, cums)
        m.add(f"pdf/{name}.pdf", o.golden(units=False), "en", "blanket-release-cum")


# --- QAD Enterprise Edition: a monospaced report, the item number over its description, site and
# due date per line, a "Disc%" column, "Order Total" under a ruled line.


def qad_pdf(path: Path, o: Order) -> None:
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dvm", "", 7.5)
    lines = [
        f"{o.buyer:<60}Purchase Order: {o.number}",
        f"{o.address:<60}Revision: 0",
        f"{'':<60}Order Date: {day(o.ordered, 'mdy')}",
        f"{'':<60}Page: 1",
        "",
        f"Supplier: {SUPPLIER}",
        f"Ship-To:  {o.buyer}",
        f"Buyer:    {o.person:<28}Credit Terms: {o.payment or ''}",
        f"Currency: {o.currency:<28}FOB: {o.incoterms or ''}",
        "",
        f"{'Ln':>3} {'Item Number':<18} {'Site':<6} {'Due Date':<10} {'Qty Ordered':>12} {'UM':<3} {'Unit Cost':>12} {'Disc%':>6} {'Ext Cost':>14}",
        f"{'---':>3} {'-' * 18} {'-' * 6} {'-' * 10} {'-' * 12} {'-' * 3} {'-' * 12} {'-' * 6} {'-' * 14}",
    ]
    for j, ln in enumerate(o.lines, 1):
        lines.append(
            f"{j:>3} {ln.code:<18} {'10-100':<6} {day(ln.due or o.due or o.ordered, 'mdy'):<10} {num(ln.qty, 'en', 2):>12} {ln.unit:<3} {num(ln.price, 'en', 4):>12} {'0.00':>6} {num(ln.amount):>14}"
        )
        lines.append(f"{'':>3} {ln.text}")
    lines += [f"{'':>76}{'-' * 14}", f"{'Order Total:':>76}{num(o.net):>14}"]
    for j, text in enumerate(lines):
        pdf.text(10, 14 + 4 * j, text)
    pdf.output(str(path))


@family("qad-mono-report", "fpdf2-dejavu-mono")
def qad(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("en-GB", 1), ("sv", 0), ("en-IN", 1), ("en-US", 0))):
        name = f"{loc.lower()}-qad-po-{k}"
        o = m.order(
            name,
            loc,
            3 + k % 3,
            lambda r: f"P{r.randrange(100000, 999999)}",
            k=bk,
            unit="EA",
            text_lang="en",
            line_dates=k % 2 == 1,
        )
        o.payment = ("30 DAYS", "60 DAYS NET", None, "NET 30")[k]
        o.incoterms = ("FCA Shenzhen", None, "CIF Chennai", "FOB Shenzhen")[k]
        qad_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "qad-mono-report")


# --- Not orders: documents that name a PO, parts, quantities and money, and order nothing.


def packing_pdf(path: Path, o: Order, wl: str) -> None:
    w = {
        "en": (
            "PACKING LIST",
            "Customer PO",
            "Date",
            ["Carton", "Part No.", "Description", "Qty", "N.W. kg", "G.W. kg"],
            "Total cartons",
        ),
        "de": (
            "PACKLISTE",
            "Ihre Bestellung",
            "Datum",
            ["Karton", "Teilenr.", "Bezeichnung", "Menge", "Netto kg", "Brutto kg"],
            "Kartons gesamt",
        ),
        "es": (
            "LISTA DE EMPAQUE",
            "Su pedido",
            "Fecha",
            ["Caja", "Código", "Descripción", "Cant.", "P. neto kg", "P. bruto kg"],
            "Total de cajas",
        ),
        "zh": ("装箱单", "客户订单号", "日期", ["箱号", "料号", "品名", "数量", "净重kg", "毛重kg"], "总箱数"),
    }[wl]
    p = Page(path, "cjk0" if wl == "zh" else "sans", "cjk0" if wl == "zh" else "bold", creator="Forwarder")
    p.text(297, 50, w[0], 16, bold=True, align="center")
    p.text(40, 80, f"Shipper: {SUPPLIER}", 8.5)
    p.text(40, 92, f"Consignee: {o.buyer}", 8.5)
    p.text(40, 104, o.address, 7.5)
    p.text(400, 80, f"{w[1]}: {o.number}", 8.5)
    p.text(400, 92, f"{w[2]}: {day(o.ordered, 'iso')}", 8.5)
    p.text(400, 104, "B/L: COSU6281904410", 8.5)
    y = 140
    xs = [(40, "left"), (90, "left"), (170, "left"), (420, "right"), (480, "right"), (550, "right")]
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, w[3])], 8, bold=True)
    p.line(40, y + 4, 555, y + 4)
    y += 16
    for j, ln in enumerate(o.lines, 1):
        nw = (ln.qty * Decimal("0.035")).quantize(CENT)
        p.row(
            y,
            [
                (x, c, a)
                for (x, a), c in zip(xs, [f"{j}-{j + 2}", ln.code, ln.text, num(ln.qty, "en", 0), num(nw), num(nw + 3)])
            ],
            8,
        )
        y += 14
    p.text(40, y + 14, f"{w[4]}: {len(o.lines) * 3}", 8.5)
    p.save()


@family("not-order-packing-list", "reportlab-canvas-forwarder")
def packing_lists(m: Maker) -> None:
    for k, (loc, wl) in enumerate((("en-US", "en"), ("de", "de"), ("es-MX", "es"), ("zh-Hans", "zh"))):
        name = f"{loc.lower()}-packing-list-{k}"
        o = m.order(name, loc, 2 + k, lambda r: f"{r.randrange(100000, 999999)}", text_lang=wl)
        packing_pdf(m.path(f"pdf/{name}.pdf"), o, wl)
        m.add(f"pdf/{name}.pdf", OTHER, "zh-Hans" if wl == "zh" else wl, "not-order-packing-list")


PRICE_LIST = {
    "en": ("Price list {year}", "valid from", ["Item", "Description", "MOQ", "Price 1-999", "Price 1000+", "Currency"]),
    "fr": (
        "Tarif {year}",
        "valable à partir du",
        ["Article", "Désignation", "MOQ", "Prix 1-999", "Prix 1000+", "Devise"],
    ),
    "de": (
        "Preisliste {year}",
        "gültig ab",
        ["Artikel", "Bezeichnung", "MOQ", "Preis 1-999", "Preis ab 1000", "Währung"],
    ),
    "it": (
        "Listino prezzi {year}",
        "valido dal",
        ["Articolo", "Descrizione", "MOQ", "Prezzo 1-999", "Prezzo 1000+", "Valuta"],
    ),
}


def price_list_xlsx(path: Path, o: Order, wl: str) -> None:
    import openpyxl
    from openpyxl.styles import Font

    title, valid, cols = PRICE_LIST[wl]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title.format(year=2027)[:30]
    ws.append([o.buyer])
    ws.append([title.format(year=2027), None, None, f"{valid} 01.01.2027"])
    ws.append([f"Ref. {o.number}"])
    ws.append([])
    ws.append(cols)
    ws["A2"].font = Font(bold=True, size=14)
    for ln in o.lines:
        ws.append(
            [
                ln.code,
                ln.text,
                int(ln.qty),
                float(ln.price),
                float((ln.price * Decimal("0.94")).quantize(CENT)),
                o.currency,
            ]
        )
    xlsx_save(wb, path, o.person)


@family("not-order-tiered-price-workbook", "openpyxl-price-list")
def price_lists(m: Maker) -> None:
    for k, (loc, wl) in enumerate((("en-GB", "en"), ("fr", "fr"), ("de-AT", "de"), ("it", "it"))):
        name = f"{loc.lower()}-price-list-{k}"
        o = m.order(name, loc, 4 + k, lambda r: f"PL-{r.randrange(100, 999)}", text_lang="de" if wl == "de" else "en")
        price_list_xlsx(m.path(f"xlsx/{name}.xlsx"), o, wl)
        m.add(f"xlsx/{name}.xlsx", OTHER, wl, "not-order-tiered-price-workbook")


RFQ = {
    "en": (
        "Request for Quotation",
        "RFQ No.",
        "Please quote your best price and lead time for the items below by {due}.",
        ["Item", "Description", "Annual qty", "Target price"],
    ),
    "de": (
        "Anfrage",
        "Anfrage-Nr.",
        "Bitte senden Sie uns bis {due} Ihr Angebot mit Preis und Lieferzeit für folgende Positionen.",
        ["Artikel", "Bezeichnung", "Jahresmenge", "Zielpreis"],
    ),
    "nl": (
        "Offerteaanvraag",
        "Aanvraagnr.",
        "Graag ontvangen wij vóór {due} uw offerte met prijs en levertijd voor onderstaande artikelen.",
        ["Artikel", "Omschrijving", "Jaarvolume", "Richtprijs"],
    ),
    "pl": (
        "Zapytanie ofertowe",
        "Nr zapytania",
        "Prosimy o przesłanie oferty z ceną i terminem dostawy do {due}.",
        ["Indeks", "Nazwa", "Ilość roczna", "Cena docelowa"],
    ),
}


def rfq_docx(path: Path, o: Order, wl: str) -> None:
    import docx

    title, no, ask, cols = RFQ[wl]
    d = docx.Document()
    d.add_heading(title, level=1)
    d.add_paragraph(f"{o.buyer}\n{o.address}")
    d.add_paragraph(f"{no} {o.number}    {day(o.ordered, 'dot')}")
    d.add_paragraph(ask.format(due=day(o.due or o.ordered, "dot")))
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, text in zip(t.rows[0].cells, cols):
        c.text = text
    for ln in o.lines:
        for c, text in zip(t.add_row().cells, [ln.code, ln.text, num(ln.qty * 12, "en", 0), num(ln.price, "en")]):
            c.text = text
    d.add_paragraph(o.person)
    docx_save(d, path, o.person)


@family("not-order-rfq-docx", "python-docx-rfq")
def rfqs(m: Maker) -> None:
    for k, (loc, wl) in enumerate((("en-US", "en"), ("de", "de"), ("nl-BE", "nl"), ("pl", "pl"))):
        name = f"{loc.lower()}-rfq-docx-{k}"
        o = m.order(
            name, loc, 3 + k % 2, lambda r: f"RFQ{r.randrange(10000, 99999)}", text_lang="de" if wl == "de" else "en"
        )
        rfq_docx(m.path(f"docx/{name}.docx"), o, wl)
        m.add(f"docx/{name}.docx", OTHER, wl, "not-order-rfq-docx")


def invoice_pdf(path: Path, o: Order, wl: str) -> None:
    w = {
        "en": ("COMMERCIAL INVOICE", "Invoice No.", "Your PO", "Date", "Amount due"),
        "es": ("FACTURA COMERCIAL", "Factura nº", "Su pedido", "Fecha", "Importe a pagar"),
        "pt": ("FATURA COMERCIAL", "Fatura n.º", "Seu pedido", "Data", "Valor a pagar"),
        "ro": ("FACTURĂ", "Factura nr.", "Comanda dvs.", "Data", "Total de plată"),
    }[wl]
    p = Page(path, "sans", "bold", creator="Invoicing")
    p.text(40, 50, w[0], 15, bold=True)
    p.text(40, 70, f"{w[1]} INV-{o.number}", 9)
    p.text(40, 82, f"{w[2]}: {o.number}", 9)
    p.text(40, 94, f"{w[3]}: {day(o.ordered, 'dmy')}", 9)
    p.text(330, 70, f"Bill to: {o.buyer}", 8.5)
    p.text(330, 82, o.address, 7.5)
    y = 130
    for ln in o.lines:
        p.row(
            y,
            [
                (40, ln.code, "left"),
                (110, ln.text, "left"),
                (400, num(ln.qty, "en", 0), "right"),
                (470, num(ln.price), "right"),
                (555, num(ln.amount), "right"),
            ],
            8,
        )
        y += 14
    p.text(470, y + 14, w[4], 9, bold=True, align="right")
    p.text(555, y + 14, f"{num(o.net)} {o.currency}", 9, bold=True, align="right")
    p.text(40, y + 40, "Bank: Example Bank, SWIFT EXAMCNSZ, A/C 4410 2231 8871", 7.5)
    p.save()


@family("not-order-commercial-invoice", "reportlab-canvas-invoice")
def invoices(m: Maker) -> None:
    for k, (loc, wl) in enumerate((("en-GB", "en"), ("es", "es"), ("pt-BR", "pt"), ("ro", "ro"))):
        name = f"{loc.lower()}-commercial-invoice-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(30000, 39999)}", text_lang=wl)
        invoice_pdf(m.path(f"pdf/{name}.pdf"), o, wl)
        m.add(f"pdf/{name}.pdf", OTHER, wl, "not-order-commercial-invoice")


CONSIGN = {
    "en": (
        "Consignment withdrawal report",
        ["Withdrawal date", "Part number", "Description", "Qty withdrawn", "Unit price", "Value", "Stock after"],
    ),
    "de": (
        "Konsignationslager Entnahmemeldung",
        ["Entnahmedatum", "Sachnummer", "Bezeichnung", "Entnommene Menge", "Preis", "Wert", "Restbestand"],
    ),
    "sv": (
        "Konsignationslager uttagsrapport",
        ["Uttagsdatum", "Artikelnr", "Benämning", "Uttaget antal", "Pris", "Värde", "Saldo"],
    ),
    "cs": (
        "Konsignační sklad - hlášení o odběru",
        ["Datum odběru", "Číslo dílu", "Název", "Odebráno", "Cena", "Hodnota", "Zůstatek"],
    ),
}


def consignment_csv(o: Order, wl: str, numbers: str) -> str:
    title, cols = CONSIGN[wl]
    rows = [f"{title};{o.buyer};{day(o.ordered, 'dot')}", f"Ref.;{o.number}", ";".join(cols)]
    for ln in o.lines:
        rows.append(
            ";".join(
                [
                    day(o.ordered - timedelta(days=2), "dot"),
                    ln.code,
                    ln.text,
                    num(ln.qty, numbers, 0),
                    num(ln.price, numbers),
                    num(ln.amount, numbers),
                    num(ln.qty * 3, numbers, 0),
                ]
            )
        )
    return "\r\n".join(rows) + "\r\n"


@family("not-order-consignment-report", "csv-semicolon-self-billing")
def consignment(m: Maker) -> None:
    for k, (loc, wl, numbers) in enumerate(
        (("en-GB", "en", "plain"), ("de", "de", "comma"), ("sv", "sv", "comma"), ("cs", "cs", "comma"))
    ):
        name = f"{loc.lower()}-consignment-{k}"
        o = m.order(
            name, loc, 3 + k % 3, lambda r: f"KS{r.randrange(1000, 9999)}", text_lang="de" if wl == "de" else "en"
        )
        text = consignment_csv(o, wl, numbers.replace("comma", "eu"))
        m.path(f"csv/{name}.csv").write_bytes(text.encode("utf-8-sig" if wl != "de" else "cp1252"))
        m.add(f"csv/{name}.csv", OTHER, wl, "not-order-consignment-report")


# --- Indonesian pesanan pembelian: rupiah with "Rp" and ",00", PPN 11 % on the DPP, NPWP of the
# buyer, the total spelled out ("Terbilang"), dates "18 November 2026".

ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
ID_ONES = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()


def terbilang(n: int) -> str:
    """A whole number in Indonesian words (the "Terbilang" line under an Indonesian total)."""
    if n < 12:
        return ID_ONES[n]
    if n < 20:
        return f"{ID_ONES[n - 10]} belas"
    if n < 100:
        return f"{ID_ONES[n // 10]} puluh" + (f" {ID_ONES[n % 10]}" if n % 10 else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        return f"{ID_ONES[n // 100]} ratus" + (f" {terbilang(n % 100)}" if n % 100 else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    for size, word in ((10**9, "miliar"), (10**6, "juta"), (1000, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{terbilang(head)} {word}" + (f" {terbilang(rest)}" if rest else "")
    return ""


def id_day(d: date) -> str:
    return f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}"


def id_pdf(path: Path, o: Order) -> None:
    p = Page(path, "cond", "bold", creator="Accurate")
    p.text(40, 48, o.buyer, 12, bold=True)
    p.text(40, 60, o.address, 7.5)
    p.text(40, 71, "NPWP: 01.847.392.5-413.000", 7.5)
    p.text(555, 48, "PESANAN PEMBELIAN", 13, bold=True, align="right")
    p.text(555, 62, "(Purchase Order)", 8, align="right")
    for j, (a, b) in enumerate(
        (
            ("No. PO", o.number),
            ("Tanggal", id_day(o.ordered)),
            ("Tgl. Kirim", id_day(o.due or o.ordered)),
            ("Syarat Bayar", o.payment or "-"),
        )
    ):
        p.text(380, 86 + 12 * j, a, 8)
        p.text(450, 86 + 12 * j, f": {b}", 8)
    p.text(40, 92, "Kepada Yth.", 8)
    p.text(40, 104, SUPPLIER, 8.5, bold=True)
    p.text(40, 115, SUPPLIER_ADDR, 7.5)
    y = 150
    xs = [
        (40, "No", "left"),
        (60, "Kode Barang", "left"),
        (130, "Nama Barang", "left"),
        (370, "Kuantitas", "right"),
        (376, "Satuan", "left"),
        (470, "Harga Satuan", "right"),
        (555, "Jumlah", "right"),
    ]
    p.box(40, y - 11, 515, 16, fill=(0.9, 0.95, 0.9), stroke=False)
    p.row(y, xs, 8, bold=True)
    y += 17
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.code,
            ln.text,
            num(ln.qty, "eu", 0),
            ln.unit,
            num(ln.price, "eu", 2),
            num(ln.amount, "eu", 2),
        ]
        p.row(y, [(x, c, a) for (x, _, a), c in zip(xs, cells)], 8)
        y += 14
    p.line(40, y, 555, y)
    ((label, rate, tax),) = o.tax_amounts()
    for j, (t, v) in enumerate((("DPP", o.net), (f"PPN {rate}%", tax), ("Total", o.gross))):
        p.text(400, y + 14 + 12 * j, t, 8.5, bold=j == 2)
        p.text(555, y + 14 + 12 * j, f"Rp {num(v, 'eu', 2)}", 8.5, bold=j == 2, align="right")
    p.text(40, y + 60, f"Terbilang: {terbilang(int(o.gross)).capitalize()} rupiah", 8)
    p.text(40, y + 110, "Disetujui oleh,", 8)
    p.text(40, y + 150, o.person, 8)
    p.save()


@family("id-pesanan-pembelian", "reportlab-canvas-condensed-rupiah")
def indonesian(m: Maker) -> None:
    for k in range(4):
        name = f"id-pesanan-{k}"
        o = m.order(
            name,
            "id",
            2 + (k + 1) % 4,
            lambda r: f"PO/{r.randrange(100, 999)}/XI/2026",
            k=k,
            unit=("PCS", "Unit", "PCS", "Set")[k],
            text_lang="en",
        )
        o.taxes = [("PPN", Decimal(11))]
        o.payment = ("30 hari", "Net 45", None, "60 hari setelah invoice")[k]
        id_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "id", "id-pesanan-pembelian")


# --- A Croatian narudžbenica filled into a Word template by docxtpl (the buyer's template, its
# Jinja fields and a table row repeated per item), PDV 25 %, "Ukupno za platiti".


def hr_template(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("{{ buyer }}\n{{ address }}\nOIB: 48291736015")
    d.add_heading("NARUDŽBENICA br. {{ number }}", level=1)
    d.add_paragraph(
        "Datum narudžbe: {{ ordered }}\nRok isporuke: {{ due }}\nNačin plaćanja: {{ payment }}\nDobavljač: {{ supplier }}"
    )
    t = d.add_table(rows=3, cols=6)
    t.style = "Table Grid"
    for c, text in zip(t.rows[0].cells, ["Šifra", "Naziv artikla", "Količina", "JM", "Cijena", "Iznos"]):
        c.text = text
    t.rows[1].cells[0].text = "{%tr for ln in lines %}"
    for c, text in zip(
        t.rows[2].cells,
        ["{{ ln.code }}", "{{ ln.text }}", "{{ ln.qty }}", "{{ ln.unit }}", "{{ ln.price }}", "{{ ln.amount }}"],
    ):
        c.text = text
    row = t.add_row()
    row.cells[0].text = "{%tr endfor %}"
    d.add_paragraph("Ukupno bez PDV-a: {{ net }} EUR\nPDV 25%: {{ tax }} EUR\nUkupno za platiti: {{ gross }} EUR")
    d.add_paragraph("Narudžbu izdao/la: {{ person }}")
    d.save(str(path))


def hr_docx(path: Path, template: Path, o: Order) -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    ((label, rate, tax),) = o.tax_amounts()
    lines = [
        dict(
            code=ln.code,
            text=ln.text,
            qty=num(ln.qty, "eu", 0),
            unit=ln.unit,
            price=num(ln.price, "eu"),
            amount=num(ln.amount, "eu"),
        )
        for ln in o.lines
    ]
    tpl.render(
        dict(
            buyer=o.buyer,
            address=o.address,
            number=o.number,
            ordered=day(o.ordered, "dot") + ".",
            due=day(o.due or o.ordered, "dot") + ".",
            payment=o.payment or "virman",
            supplier=SUPPLIER,
            lines=lines,
            net=num(o.net, "eu"),
            tax=num(tax, "eu"),
            gross=num(o.gross, "eu"),
            person=o.person,
        )
    )
    tpl.docx.core_properties.author = o.person
    tpl.docx.core_properties.created = tpl.docx.core_properties.modified = STAMP.replace(tzinfo=None)
    tpl.docx.core_properties.revision = 1
    tpl.save(str(path))
    fix_zip(path)


@family("hr-docxtpl-narudzbenica", "docxtpl")
def croatian(m: Maker) -> None:
    template = m.work / "hr-template.docx"
    hr_template(template)
    for k in range(4):
        name = f"hr-narudzbenica-{k}"
        o = m.order(
            name,
            "hr",
            2 + k % 3,
            lambda r: f"{r.randrange(100, 999)}-{r.randrange(1, 9)}/2026",
            k=k,
            unit="kom",
            text_lang="en",
        )
        o.taxes = [("PDV", Decimal(25))]
        o.payment = ("virman 30 dana", None, "virman 60 dana", "avans")[k]
        hr_docx(m.path(f"docx/{name}.docx"), template, o)
        m.add(f"docx/{name}.docx", o.golden(), "hr", "hr-docxtpl-narudzbenica")


# --- An order exported by an old DOS system as a text file in code page 852, attached to a short
# mail: box-drawing characters around the table, decimal commas (Slovak, Polish, Czech, Hungarian).

DOS = {
    "sk": (
        "OBJEDNÁVKA č.",
        "Dátum",
        "Termín dodania",
        ["Číslo", "Názov", "Množstvo", "MJ", "Cena/MJ", "Spolu"],
        "Spolu bez DPH",
        "Objednávku posielame v prílohe.",
    ),
    "pl": (
        "ZAMÓWIENIE nr",
        "Data",
        "Termin dostawy",
        ["Indeks", "Nazwa", "Ilość", "JM", "Cena", "Wartość"],
        "Razem netto",
        "W załączniku przesyłamy zamówienie.",
    ),
    "cs": (
        "OBJEDNÁVKA č.",
        "Datum",
        "Termín dodání",
        ["Číslo", "Název", "Množství", "MJ", "Cena/MJ", "Celkem"],
        "Celkem bez DPH",
        "V příloze zasíláme objednávku.",
    ),
    "hu": (
        "MEGRENDELÉS sz.",
        "Dátum",
        "Szállítási határidő",
        ["Cikkszám", "Megnevezés", "Mennyiség", "Me.", "Egységár", "Érték"],
        "Nettó összesen",
        "Mellékelten küldjük megrendelésünket.",
    ),
}


def dos_text(o: Order, wl: str) -> str:
    title, date_w, due_w, cols, net_w, _ = DOS[wl]
    places = 0 if o.currency in WHOLE else 2
    widths = [12, 40, 10, 5, 12, 14]

    def bar(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * w for w in widths) + right

    out = [
        o.buyer,
        o.address,
        "",
        f"{title} {o.number}",
        f"{date_w}: {day(o.ordered, 'dot')}",
        f"{due_w}: {day(o.due or o.ordered, 'dot')}",
        "",
        bar("┌", "┬", "┐"),
    ]
    out.append("│" + "│".join(f"{c:<{w}}" for c, w in zip(cols, widths)) + "│")
    out.append(bar("├", "┼", "┤"))
    for ln in o.lines:
        cells = [
            ln.code,
            ln.text,
            num(ln.qty, "comma_plain", 0),
            ln.unit,
            num(ln.price, "comma_plain", places if ln.price >= 1 else 4),
            num(ln.amount, "comma_plain", places),
        ]
        out.append(
            "│"
            + "│".join(f"{c:<{w}}" if i in (0, 1, 3) else f"{c:>{w}}" for i, (c, w) in enumerate(zip(cells, widths)))
            + "│"
        )
    out.append(bar("└", "┴", "┘"))
    out.append(f"{net_w:>81} {num(o.net, 'comma_plain', places)} {o.currency}")
    return "\r\n".join(out) + "\r\n"


@family("dos-cp852-text-attachment", "email+cp852-text")
def dos_text_mail(m: Maker) -> None:
    for k, (loc, bk) in enumerate((("sk", 0), ("pl", 0), ("cs", 0), ("hu", 1))):
        name = f"{loc}-dos-cp852-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"{r.randrange(1000, 9999)}/{r.randrange(10, 99)}",
            k=bk,
            unit={"sk": "ks", "pl": "szt", "cs": "ks", "hu": "db"}[loc],
            text_lang="en",
        )
        data = dos_text(o, loc).encode("cp852")
        fname = f"OBJ{o.number.replace('/', '')}.TXT"
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject=f"{DOS[loc][0]} {o.number}",
            key=name,
            sent=sent_on(o.ordered, 7, 55),
            text=f"{DOS[loc][5]}\n\n{o.person}\n{o.buyer}\n",
            attach=[(fname, data, "text/plain")],
        )
        m.add(f"eml/{name}.eml", o.golden(source=fname), loc, "dos-cp852-text-attachment")


# --- ERPNext's print view saved as an .html file: Bootstrap-like markup, the facts in a two-column
# grid of divs (label and value in separate <div>s), the items in a table with "Rate" and "Amount",
# taxes in a second table, the grand total and "In Words".


def erpnext_html(o: Order, sign: str, numbers: str, dates: str) -> str:
    def fact(label: str, value: str) -> str:
        return f'<div class="row data-field"><div class="col-xs-5"><label>{label}</label></div><div class="col-xs-7 value">{escape(value)}</div></div>'

    left = fact("Supplier", SUPPLIER) + fact("Company", o.buyer) + fact("Address", o.address)
    right = (
        fact("Date", day(o.ordered, dates))
        + fact("Required By", day(o.due or o.ordered, dates))
        + fact("Payment Terms Template", o.payment or "")
    )
    rows = "".join(
        f'<tr><td class="text-center">{j}</td><td><b>{ln.code}</b><br>{escape(ln.text)}</td><td class="text-right">{num(ln.qty, numbers, 3)} {ln.unit}</td>'
        f'<td class="text-right">{sign} {num(ln.price, numbers)}</td><td class="text-right">{sign} {num(ln.amount, numbers)}</td></tr>'
        for j, ln in enumerate(o.lines, 1)
    )
    taxes = "".join(
        f'<tr><td class="text-right">{label} @ {num(rate, numbers, 1)}</td><td class="text-right">{sign} {num(tax, numbers)}</td></tr>'
        for label, rate, tax in o.tax_amounts()
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + escape(o.number) + "</title>"
        "<style>.text-right{text-align:right}.col-xs-5,.col-xs-7,.col-xs-6{display:inline-block;vertical-align:top}</style></head>"
        f'<body><div class="print-format"><div class="letter-head"><h3>{escape(o.buyer)}</h3></div>'
        f'<h2 class="text-center">Purchase Order</h2><h4 class="text-center">{o.number}</h4>'
        f'<div class="row section-break"><div class="col-xs-6 column-break">{left}</div><div class="col-xs-6 column-break">{right}</div></div>'
        '<table class="table table-bordered"><thead><tr><th>Sr</th><th>Item</th><th class="text-right">Quantity</th><th class="text-right">Rate</th><th class="text-right">Amount</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<div class="row"><div class="col-xs-6"></div><div class="col-xs-6"><table class="table"><tr><td class="text-right">Total</td><td class="text-right">{sign} {num(o.net, numbers)}</td></tr>{taxes}'
        f'<tr><td class="text-right"><b>Grand Total</b></td><td class="text-right"><b>{sign} {num(o.gross, numbers)}</b></td></tr></table></div></div>'
        f'<p>In Words: {o.currency} {escape(words_in(int(o.gross)))} only.</p><p class="text-muted">{escape(o.person)}</p></div></body></html>'
    )


@family("erpnext-print-html", "html-erpnext-print-view")
def erpnext(m: Maker) -> None:
    docs = (
        ("en-IN", 0, "₹", "lakh", "dmy"),
        ("es-MX", 0, "$", "en", "dmy"),
        ("ar", 0, "AED", "en", "dmy"),
        ("en-GB", 1, "£", "en", "dmy"),
    )
    for k, (loc, bk, sign, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-erpnext-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"PUR-ORD-2026-{r.randrange(1, 999):05d}",
            k=bk,
            unit="Nos",
            text_lang="es" if loc == "es-MX" else "en",
        )
        o.taxes = {
            "INR": [("IGST", Decimal(18))],
            "MXN": [("IVA", Decimal(16))],
            "AED": [("VAT", Decimal(5))],
            "GBP": [("VAT", Decimal(20))],
        }[o.currency]
        o.payment = ("Net 30", None, "50% advance, 50% before shipment", "30 days EOM")[k]
        m.path(f"html/{name}.html").write_text(erpnext_html(o, sign, numbers, dates), encoding="utf-8")
        m.add(f"html/{name}.html", o.golden(), "en" if loc != "es-MX" else "es", "erpnext-print-html")


# --- A PDF whose text is placed glyph by glyph (each character its own text object at its own
# position, as some print drivers write it), with letter spacing inside words and wide gaps between
# columns: the words exist only as positions.


class GlyphPage(Page):
    """A page that writes every character separately, slightly spaced, instead of whole strings."""

    def text(self, x: float, y: float, s: str, size: float = 8.5, *, bold: bool = False, align: str = "left") -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font = self.bold if bold else self.regular
        track = size * 0.06
        width = sum(stringWidth(ch, font, size) + track for ch in s)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        for ch in s:
            t = self.c.beginText(x, self.height - y)
            t.setFont(font, size)
            t.textOut(ch)
            self.c.drawText(t)
            x += stringWidth(ch, font, size) + track


GLYPH = {
    "en": dict(
        vendor="Vendor",
        title="PURCHASE ORDER",
        no="P.O. No.",
        date="Date",
        due="Ship Date",
        cols=["Item Code", "Description", "Qty", "U/M", "Rate", "Amount"],
        total="Total",
    ),
    "es": dict(
        vendor="Proveedor",
        title="ORDEN DE COMPRA",
        no="O.C. Núm.",
        date="Fecha",
        due="Fecha de embarque",
        cols=["Código", "Descripción", "Cant.", "U/M", "Precio", "Importe"],
        total="Total",
    ),
    "pt": dict(
        vendor="Fornecedor",
        title="ORDEM DE COMPRA",
        no="O.C. N.º",
        date="Data",
        due="Data de embarque",
        cols=["Código", "Descrição", "Qtd.", "Un.", "Preço", "Valor"],
        total="Total",
    ),
}


def glyph_pdf(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    w = GLYPH[wl]
    p = GlyphPage(path, "sans", "bold", creator="Microsoft: Print To PDF")
    p.text(40, 50, o.buyer, 12, bold=True)
    p.text(40, 63, o.address, 8)
    p.text(555, 50, w["title"], 14, bold=True, align="right")
    p.box(400, 62, 155, 48)
    for j, (a, b) in enumerate(
        ((w["date"], day(o.ordered, dates)), (w["no"], o.number), (w["due"], day(o.due or o.ordered, dates)))
    ):
        p.text(405, 75 + 13 * j, a, 7.5)
        p.text(550, 75 + 13 * j, b, 8, align="right")
    p.text(40, 100, w["vendor"], 7.5, bold=True)
    p.text(40, 112, SUPPLIER, 8.5)
    y = 150
    xs = [(40, "left"), (120, "left"), (400, "right"), (410, "left"), (480, "right"), (555, "right")]
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, w["cols"])], 8, bold=True)
    p.line(40, y + 4, 555, y + 4)
    y += 17
    for ln in o.lines:
        p.row(
            y,
            [
                (x, c, a)
                for (x, a), c in zip(
                    xs,
                    [
                        ln.code,
                        ln.text,
                        num(ln.qty, numbers, 0),
                        ln.unit,
                        num(ln.price, numbers),
                        num(ln.amount, numbers),
                    ],
                )
            ],
            8,
        )
        y += 15
    p.line(40, y, 555, y)
    p.text(380, y + 16, w["total"], 9, bold=True)
    p.text(555, y + 16, f"{o.currency} {num(o.net, numbers)}", 9, bold=True, align="right")
    p.save()


@family("glyph-by-glyph-pdf", "reportlab-per-glyph-text")
def glyph_by_glyph(m: Maker) -> None:
    docs = (
        ("en-US", 2, "en", "en", "mdy"),
        ("es", 0, "es", "eu", "dmy"),
        ("pt-BR", 1, "pt", "eu", "dmy"),
        ("en-AU", 0, "en", "en", "dmy"),
    )
    for k, (loc, bk, wl, numbers, dates) in enumerate(docs):
        name = f"{loc.lower()}-glyph-pdf-{k}"
        o = m.order(
            name,
            loc,
            2 + (k + 2) % 3,
            lambda r: f"{r.randrange(1000, 9999)}",
            k=bk,
            unit=("ea", "ud", "pç", "ea")[k],
            text_lang=wl if wl in ("es", "pt") else "en",
        )
        o.payment = ("Net 30", None, None, "Net 60")[k]
        glyph_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers, dates)
        m.add(f"pdf/{name}.pdf", o.golden(), wl, "glyph-by-glyph-pdf")
