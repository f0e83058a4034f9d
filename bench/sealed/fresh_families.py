"""Fresh sealed families: layouts, producers and wordings neither the tuned corpus nor the other
sealed families have, so that the closing measurement keeps a part nobody has looked at.

Called from ``generate.build()`` (``fresh_families.build_fresh``), after ``more_families``. Like that
module it is self-contained: its own buyers, goods, wording, number and date conventions and its own
order data, and it shares no code with ``tests/corpus/``. Every golden file comes from the order this
module drew, never from what any reader makes of the document. ``FAMILIES`` lists each family with
its producer; the golden files carry ``"batch": "fresh"`` (added by ``generate.Out``) so that
``bench/parse_accuracy.py`` can show this part on its own.

The documents arrive in November 2026 (the bench's "today" is 22 November 2026): orders are dated
a few days before, deliveries a few weeks after; a day-month order is never ambiguous (day > 12).

Golden values follow the rules of ``tests/corpus/README.md`` and ``more_families``: a line's
``unit_price`` and ``amount`` are tax-exclusive; ``total`` is what the document calls its total
(lines, plus freight and taxes where the document adds them); keys a document does not print are
left out (an item code, a unit, line amounts). Documents that are not orders are ``kind: other``,
but for the remittance advices of the buyers' accounts payable: ``kind: payment_advice``.
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
MONO_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
STAMP = datetime(2026, 11, 20, 7, 45, tzinfo=timezone.utc)  # every file of this module is stamped so
SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ZH = "示例制造有限公司"
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
CENT = Decimal("0.01")
WHOLE = {"JPY", "KRW", "VND", "CLP"}  # currencies printed without decimals

# ----------------------------------------------------------------------------- buyers and goods

# locale -> buyers: (company, address, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "en-US": [
        (
            "Cobalt Creek Appliances, Inc.",
            "1180 Quarry Rd, Madison, WI 53713",
            "Tyler Brandt",
            "cobaltcreek.example",
            "USD",
        ),
        (
            "Granite Shoals Medical Devices LLC",
            "7400 Ranch Rd 2222, Austin, TX 78730",
            "Priya Raman",
            "graniteshoals-md.example",
            "USD",
        ),
    ],
    "en-GB": [
        (
            "Pennine Valve & Flow Ltd",
            "Leeds Road, Huddersfield HD2 1YR",
            "Craig Holroyd",
            "penninevalve.example",
            "GBP",
        ),
        (
            "Solent Lighting Systems Ltd",
            "Test Lane, Totton, Southampton SO40 3WX",
            "Amy Whitlock",
            "solentlight.example",
            "GBP",
        ),
    ],
    "en-AU": [
        (
            "Murray Basin Irrigation Pty Ltd",
            "44 Ninth St, Mildura VIC 3500",
            "Kirsty Nolan",
            "murraybasin.example",
            "AUD",
        )
    ],
    "en-ZA": [
        (
            "Highveld Switchgear (Pty) Ltd",
            "12 Yaldwyn Rd, Jet Park, Boksburg 1459",
            "Sipho Ndlovu",
            "highveldsg.example",
            "ZAR",
        )
    ],
    "de": [
        (
            "Hohenlohe Wärmesysteme GmbH",
            "Amrichshäuser Str. 20, 74653 Künzelsau",
            "Markus Ebert",
            "hohenlohe-ws.example",
            "EUR",
        ),
        (
            "Elbtal Sensorik GmbH",
            "Meißner Landstraße 58, 01157 Dresden",
            "Claudia Fiedler",
            "elbtal-sensorik.example",
            "EUR",
        ),
    ],
    "de-AT": [("Steirische Pumpenwerke GmbH", "Puchstraße 85, 8020 Graz", "Florian Gruber", "stpumpen.example", "EUR")],
    "de-CH": [
        (
            "Zürcher Oberland Feinmechanik AG",
            "Industriestrasse 14, 8620 Wetzikon",
            "Reto Brunner",
            "zo-feinmech.example",
            "CHF",
        )
    ],
    "fr": [
        ("Loire Électrotechnique SAS", "ZI Saint-Serge, 49100 Angers", "Nathalie Guérin", "loire-elec.example", "EUR")
    ],
    "fr-CA": [
        (
            "Équipements Saguenay inc.",
            "2255 rue de la Fonderie, Chicoutimi (Québec) G7H 8B9",
            "Maxime Côté",
            "equip-saguenay.example",
            "CAD",
        )
    ],
    "fr-CH": [
        (
            "Ateliers du Léman SA",
            "Route de Genève 92, 1028 Préverenges",
            "Sophie Rochat",
            "ateliers-leman.example",
            "CHF",
        )
    ],
    "it": [
        (
            "Meccanica Valsesia S.r.l.",
            "Via per Novara 41, 13019 Varallo (VC)",
            "Paolo Ferraris",
            "mecvalsesia.example",
            "EUR",
        ),
        (
            "Termoidraulica Adriatica S.p.A.",
            "Strada Montefeltro 104, 61122 Pesaro (PU)",
            "Giulia Renzi",
            "termoadriatica.example",
            "EUR",
        ),
    ],
    "es": [
        (
            "Hidráulica del Cantábrico, S.A.",
            "Polígono Raos, Parcela 11, 39011 Santander",
            "Lucía Gutiérrez",
            "hidrocantabrico.example",
            "EUR",
        )
    ],
    "es-CL": [
        (
            "Maestranza Los Andes SpA",
            "Av. Américo Vespucio 1501, Quilicura, Santiago",
            "Rodrigo Fuentes",
            "maestranza-andes.example",
            "CLP",
        )
    ],
    "es-MX": [
        (
            "Electrodomésticos del Norte S.A. de C.V.",
            "Av. Ruiz Cortines 3300, Monterrey, N.L. 64410",
            "Adriana Garza",
            "electronorte.example",
            "MXN",
        ),
        (
            "Plásticos Técnicos del Bajío, S. de R.L. de C.V.",
            "Carretera Celaya-Salvatierra km 3.5, Celaya, Gto. 38160",
            "Jorge Villalobos",
            "ptbajio.example",
            "MXN",
        ),
    ],
    "pt-BR": [
        (
            "Automação Serra Gaúcha Ltda.",
            "Rua Sinimbu 1200, Caxias do Sul - RS",
            "Guilherme Bortolini",
            "serragaucha-aut.example",
            "BRL",
        )
    ],
    "nl": [
        (
            "Twentse Klimaattechniek B.V.",
            "Hengelosestraat 600, 7521 AN Enschede",
            "Bart Nijhuis",
            "twenteklimaat.example",
            "EUR",
        )
    ],
    "nl-BE": [("Kempense Verpakkingen NV", "Industrieweg 7, 2440 Geel", "Lotte Peeters", "kempverpak.example", "EUR")],
    "pl": [
        (
            "Fabryka Armatury Podkarpacie Sp. z o.o.",
            "ul. Przemysłowa 14, 35-105 Rzeszów",
            "Marek Kowalczyk",
            "fap-rzeszow.example",
            "PLN",
        )
    ],
    "cs": [
        (
            "Jihočeská elektrotechnika a.s.",
            "Husova tř. 622, 370 05 České Budějovice",
            "Jana Procházková",
            "jc-elektro.example",
            "CZK",
        )
    ],
    "tr": [
        (
            "Marmara Beyaz Eşya Parçaları San. ve Tic. A.Ş.",
            "Nilüfer OSB, Ertuğrul Cd. No:12, 16140 Nilüfer / Bursa",
            "Emre Aydın",
            "marmarabeyaz.example",
            "TRY",
        )
    ],
    "vi": [
        (
            "Công ty TNHH Cơ khí Chính xác Đồng Nai",
            "Đường số 9, KCN Biên Hòa 2, Đồng Nai",
            "Nguyễn Thị Lan",
            "ckdongnai.example",
            "VND",
        ),
        (
            "Công ty Cổ phần Điện tử Hải Phòng",
            "Lô C4, KCN Tràng Duệ, An Dương, Hải Phòng",
            "Trần Văn Minh",
            "dientu-hp.example",
            "VND",
        ),
    ],
    "th": [
        (
            "Siam Chonburi Autoparts Co., Ltd.",
            "700/88 Amata City, Chon Buri 20000",
            "Somchai Wongsakul",
            "siamchonburi.example",
            "THB",
        )
    ],
    "zh-Hans": [
        ("宁波甬江电器有限公司", "浙江省宁波市北仑区甬江路66号", "郑晓燕", "yongjiang-dq.example", "CNY"),
        ("佛山市顺德区美涛五金制品有限公司", "佛山市顺德区北滘镇工业大道9号", "梁国栋", "meitao-wj.example", "CNY"),
    ],
    "zh-Hant": [("桃園宏碩電子股份有限公司", "桃園市龜山區興華二路18號", "林佳蓉", "hongshuo-tw.example", "TWD")],
    "ja": [
        ("信州電装株式会社", "〒390-0852 長野県松本市島立1250", "小林 大輔", "shinshu-denso.example", "JPY"),
        ("株式会社瀬戸内マシナリー", "〒721-0956 広島県福山市箕沖町107", "藤井 彩", "setouchi-mach.example", "JPY"),
    ],
    "ko": [
        ("동해기전 주식회사", "울산광역시 북구 효자로 85", "최영호", "donghae-kj.example", "KRW"),
        ("(주)서해오토텍", "인천광역시 서구 가좌로 30번길 12", "정수빈", "seohae-autotech.example", "KRW"),
    ],
    "sv": [
        ("Bergslagens Pumpteknik AB", "Bruksgatan 6, 691 31 Karlskoga", "Anders Holm", "bergslagen-pt.example", "SEK"),
        ("Västkustens Kylteknik AB", "Importgatan 19, 422 46 Hisings Backa", "Linnea Ek", "vkkyl.example", "SEK"),
    ],
    "nb": [
        (
            "Trøndelag Styringsteknikk AS",
            "Fossegrenda 30, 7038 Trondheim",
            "Eirik Haugen",
            "trondelag-st.example",
            "NOK",
        )
    ],
}

# (code stem, description per language (English when a buyer writes its parts in English), price in USD)
GOODS: list[tuple[str, dict[str, str], str]] = [
    (
        "HNG",
        {
            "en": "Hinge, stainless steel 40x40",
            "de": "Scharnier Edelstahl 40x40",
            "fr": "Charnière inox 40x40",
            "it": "Cerniera inox 40x40",
            "es": "Bisagra acero inoxidable 40x40",
            "zh-Hans": "不锈钢合页 40x40",
            "zh-Hant": "不鏽鋼鉸鏈 40x40",
            "ja": "ステンレス蝶番 40x40",
            "ko": "스테인리스 경첩 40x40",
            "vi": "Bản lề inox 40x40",
        },
        "0.92",
    ),
    (
        "NTC",
        {
            "en": "Thermistor NTC 10k 3950, lead 50 mm",
            "de": "Thermistor NTC 10k, Anschluss 50 mm",
            "pl": "Termistor NTC 10k, wyprowadzenia 50 mm",
            "zh-Hans": "热敏电阻 NTC 10K 引线50mm",
            "ja": "サーミスタ NTC 10k",
            "ko": "서미스터 NTC 10k",
        },
        "0.31",
    ),
    (
        "TBK",
        {
            "en": "Terminal block 5.08 mm, 4-pole",
            "de": "Leiterplattenklemme RM 5,08, 4-polig",
            "fr": "Bornier 5,08 mm 4 pôles",
            "nl": "Printklem 5,08 mm 4-polig",
            "cs": "Svorkovnice 5,08 mm, 4pól",
            "tr": "Klemens 5,08 mm 4'lü",
            "zh-Hant": "端子台 5.08mm 4P",
            "ja": "端子台 5.08mm 4極",
        },
        "0.27",
    ),
    (
        "LID",
        {
            "en": "Die-cast lid ADC12, powder coated",
            "de": "Druckgussdeckel ADC12, pulverbeschichtet",
            "it": "Coperchio pressofuso ADC12 verniciato",
            "es": "Tapa de fundición ADC12 pintada",
            "zh-Hans": "压铸盖 ADC12 喷粉",
            "vi": "Nắp đúc ADC12 sơn tĩnh điện",
        },
        "3.85",
    ),
    (
        "KPD",
        {
            "en": "Silicone keypad, 12 keys",
            "fr": "Clavier silicone 12 touches",
            "es": "Teclado de silicona 12 teclas",
            "pt": "Teclado de silicone 12 teclas",
            "zh-Hans": "硅胶按键 12键",
            "ko": "실리콘 키패드 12키",
            "th": "Silicone keypad 12 keys (แป้นซิลิโคน)",
        },
        "0.74",
    ),
    (
        "STP",
        {
            "en": "Stepper motor NEMA 17, 0.4 Nm",
            "de": "Schrittmotor NEMA 17, 0,4 Nm",
            "it": "Motore passo-passo NEMA 17 0,4 Nm",
            "sv": "Stegmotor NEMA 17, 0,4 Nm",
            "ja": "ステッピングモーター NEMA17",
            "zh-Hant": "步進馬達 NEMA17",
        },
        "9.60",
    ),
    (
        "DRV",
        {
            "en": "LED driver 350 mA constant current",
            "de": "LED-Treiber 350 mA Konstantstrom",
            "fr": "Driver LED 350 mA courant constant",
            "nl": "LED-driver 350 mA constante stroom",
            "pl": "Zasilacz LED 350 mA",
            "tr": "LED sürücü 350 mA",
            "zh-Hans": "LED驱动电源 350mA 恒流",
        },
        "2.45",
    ),
    (
        "FOM",
        {
            "en": "Foam insert EPE 300x200x40",
            "de": "Schaumstoffeinlage EPE 300x200x40",
            "es": "Inserto de espuma EPE 300x200x40",
            "nl": "Schuiminlage EPE 300x200x40",
            "cs": "Pěnová vložka EPE 300x200x40",
            "vi": "Mút xốp EPE 300x200x40",
            "th": "Foam insert EPE 300x200x40 (โฟม)",
        },
        "0.58",
    ),
    (
        "CTN",
        {
            "en": "Carton box 5-ply 400x300x250",
            "de": "Faltkarton 2-wellig 400x300x250",
            "fr": "Carton double cannelure 400x300x250",
            "it": "Scatola cartone 5 onde 400x300x250",
            "zh-Hans": "五层纸箱 400x300x250",
            "zh-Hant": "五層紙箱 400x300x250",
        },
        "0.66",
    ),
    (
        "RSW",
        {
            "en": "Reed switch NO, 10 W, glass 14 mm",
            "de": "Reedschalter Schließer 10 W",
            "pl": "Kontaktron NO 10 W",
            "tr": "Reed röle NO 10 W",
            "ja": "リードスイッチ 10W",
            "ko": "리드 스위치 10W",
        },
        "0.39",
    ),
    (
        "INS",
        {
            "en": "Threaded insert M3, brass, heat-set",
            "de": "Gewindeeinsatz M3 Messing",
            "it": "Inserto filettato M3 ottone",
            "cs": "Závitová vložka M3 mosaz",
            "sv": "GängInsats M3 mässing",
            "zh-Hans": "铜螺母 M3 热熔",
        },
        "0.05",
    ),
    (
        "WIR",
        {
            "en": "Hook-up wire UL1015 18 AWG red",
            "de": "Schaltlitze UL1015 AWG18 rot",
            "fr": "Fil de câblage UL1015 AWG18 rouge",
            "es": "Cable UL1015 18 AWG rojo",
            "pt": "Fio UL1015 18 AWG vermelho",
            "zh-Hant": "電子線 UL1015 18AWG 紅",
        },
        "0.21",
    ),
    (
        "GLS",
        {
            "en": "Tempered glass panel 180x120x4",
            "de": "ESG-Glasscheibe 180x120x4",
            "nl": "Gehard glaspaneel 180x120x4",
            "ja": "強化ガラスパネル 180x120",
            "zh-Hans": "钢化玻璃面板 180x120x4",
            "vi": "Kính cường lực 180x120x4",
        },
        "1.72",
    ),
    (
        "PMP",
        {
            "en": "Drain pump 230 V, 30 W",
            "de": "Ablaufpumpe 230 V, 30 W",
            "it": "Pompa di scarico 230 V 30 W",
            "tr": "Tahliye pompası 230 V 30 W",
            "pl": "Pompa odpływowa 230 V 30 W",
            "ko": "배수 펌프 230V 30W",
        },
        "6.90",
    ),
]
FX = {
    "USD": "1",
    "GBP": "0.79",
    "EUR": "0.92",
    "CHF": "0.88",
    "AUD": "1.52",
    "ZAR": "18.1",
    "CAD": "1.38",
    "CLP": "930",
    "MXN": "17.4",
    "BRL": "5.1",
    "PLN": "4.0",
    "CZK": "23",
    "TRY": "34",
    "VND": "25400",
    "THB": "35",
    "CNY": "7.1",
    "TWD": "32",
    "JPY": "150",
    "KRW": "1380",
    "SEK": "10.6",
    "NOK": "10.9",
}


# ----------------------------------------------------------------------------- order data


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
    taxes: list[tuple[str, Decimal]] = field(default_factory=list)  # (label, rate %) added under the lines
    charges: list[tuple[str, Decimal]] = field(default_factory=list)  # freight, packing: added, not lines
    locale: str = ""
    rounding: Decimal = Decimal(0)  # the öre or cents rounded away from the total ("Öresutjämning")

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def base(self) -> Decimal:
        """What the taxes are computed on: the lines and the charges."""
        return self.net + sum((v for _, v in self.charges), Decimal(0))

    def tax_amounts(self) -> list[tuple[str, Decimal, Decimal]]:
        return [(label, rate, money(self.base * rate / 100, self.currency)) for label, rate in self.taxes]

    @property
    def tax(self) -> Decimal:
        return sum((t for _, _, t in self.tax_amounts()), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return self.base + self.tax + self.rounding

    def golden(
        self,
        *,
        review: bool = False,
        source: str | None = None,
        total: bool = True,
        codes: bool = True,
        units: bool = True,
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
        if total:
            order["total"] = str(self.gross)
        lines = []
        for ln in self.lines:
            line: dict[str, Any] = {"item": ln.code} if codes else {}
            line["description"] = ln.text
            line["quantity"] = str(ln.qty)
            if units:
                line["unit"] = ln.unit
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
    """``days`` after ``d``, moved on to a day after the 12th (so d/m and m/d cannot be confused)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh:{name}")


def make_order(
    seed: int,
    name: str,
    locale: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    unit: str = "pcs",
    big: bool = False,
    line_dates: bool = False,
    k: int = 0,
    currency: str | None = None,
) -> Order:
    """Draw an order: goods, quantities, prices in the buyer's currency, dates in November 2026."""
    r = draw(seed, name)
    lang = lang_of(locale)
    company, address, person, domain, home = BUYERS[locale][k % len(BUYERS[locale])]
    currency = currency or home  # some buyers order in another currency than their own
    ordered = later(date(2026, 11, 9), r.randrange(9))  # 13 to 20 November
    due = later(ordered, r.randrange(24, 70))
    picks = [GOODS[r.randrange(len(GOODS))] for _ in range(n)] if n > len(GOODS) else r.sample(GOODS, n)
    lines = []
    for j, (stem, texts, base) in enumerate(picks):
        text = texts.get(lang) or texts["en"]
        if n > len(GOODS):
            text = f"{text} - type {j + 1:02d}"
        price = Decimal(base) * Decimal(FX[currency]) * Decimal(r.randrange(88, 124)) / 100
        if currency in WHOLE:
            price = price.quantize(Decimal(10) if price > 1000 else Decimal(1)) or Decimal(1)
        elif price < Decimal("0.5"):
            price = price.quantize(Decimal("0.0001"))
        else:
            price = price.quantize(CENT)
        qty = Decimal(
            r.choice([2000, 3000, 5000, 6000, 10000, 15000, 20000])
            if big
            else r.choice([40, 60, 120, 200, 250, 400, 600, 750, 1200])
        )
        lines.append(
            Line(
                f"{stem}{r.randrange(100, 999)}-{r.choice('KLMNPRSTVX')}{r.randrange(1, 9)}",
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
    ascii_person = re.sub(r"[^a-z]", "", person.split()[0].lower()) if person.isascii() else ""
    return Order(
        number(r),
        company,
        address,
        person,
        f"{ascii_person or 'purchasing'}@{domain}",
        lang,
        ordered,
        None if line_dates else due,
        currency,
        lines,
        locale=locale,
    )


# ----------------------------------------------------------------------------- numbers and dates


def num(v: Decimal, style: str, places: int | None = None) -> str:
    """A number as the buyer's software prints it.

    ``en`` 12,500.00 · ``eu`` 12.500,00 · ``space`` 12 500,00 (no-break space) · ``plain`` 12500.00 ·
    ``swiss`` 12'500.00 · ``comma`` 12500,00 (no grouping)."""
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
    if style == "comma":
        return text.replace(",", "").replace(".", ",")
    return text


MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS = {
    "en": MONTHS_EN,
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
}


def day(d: date, style: str) -> str:
    """A date as the buyer's software prints it."""
    mon = MONTHS_EN[d.month - 1][:3]
    return {
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dot_short": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "mdy_short": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        "iso": d.isoformat(),
        "oracle4": f"{d.day:02d}-{mon.upper()}-{d.year}",
        "mon_d_y": f"{mon} {d.day}, {d.year}",
        "d_mon_y": f"{d.day} {mon} {d.year}",
        "ymd": f"{d.year}{d.month:02d}{d.day:02d}",
        "cyymmdd": f"1{d.year % 100:02d}{d.month:02d}{d.day:02d}",
        "cjk": f"{d.year}年{d.month}月{d.day}日",
        "cjk_pad": f"{d.year}年{d.month:02d}月{d.day:02d}日",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "roc": f"{d.year - 1911}/{d.month:02d}/{d.day:02d}",
        "roc_cjk": f"民國{d.year - 1911}年{d.month}月{d.day}日",
        "be": f"{d.day:02d}/{d.month:02d}/{d.year + 543}",
        "ko": f"{d.year}년 {d.month}월 {d.day}일",
        "vi": f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
        "long_en": f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
        "long_de": f"{d.day}. {MONTHS['de'][d.month - 1]} {d.year}",
        "long_fr": f"{d.day} {MONTHS['fr'][d.month - 1]} {d.year}",
        "long_it": f"{d.day} {MONTHS['it'][d.month - 1]} {d.year}",
        "long_es": f"{d.day} de {MONTHS['es'][d.month - 1]} de {d.year}",
        "long_nl": f"{d.day} {MONTHS['nl'][d.month - 1]} {d.year}",
        "long_tr": f"{d.day} {MONTHS['tr'][d.month - 1]} {d.year}",
    }[style]


# ----------------------------------------------------------------------------- files made the same way every time


def fix_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed timestamps and order (one seed, the same bytes)."""
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-20T07:45:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 7, 45, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
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
    encoding: str = "base64",
    headers: dict[str, str] | None = None,
) -> None:
    """A message built part by part, with fixed boundaries, id and date (``sent``)."""
    key = re.sub(r"[^A-Za-z0-9-]", "", key)

    def part(content: str, sub: str) -> MIMENonMultipart:
        p = MIMENonMultipart("text", sub, charset=charset)
        data = content.encode(charset)
        if encoding == "quoted-printable":
            import quopri

            p.set_payload(quopri.encodestring(data).decode("ascii"))
        else:
            p.set_payload(base64.encodebytes(data).decode())
        p["Content-Transfer-Encoding"] = encoding
        return p

    bodies = [part(c, sub) for c, sub in ((text, "plain"), (html, "html")) if c is not None]
    msg: Any = bodies[0]
    if len(bodies) == 2:
        msg = MIMEMultipart("alternative", boundary=f"=_fresh_alt_{key}")
        for b in bodies:
            msg.attach(b)
    if attach:
        mixed = MIMEMultipart("mixed", boundary=f"=_fresh_mix_{key}")
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
    msg["Date"] = sent.strftime("%a, %d %b %Y %H:%M:%S %z")
    msg["Message-ID"] = f"<{key}.{sent:%Y%m%d%H%M}@{sender[1].split('@')[1]}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    path.write_bytes(msg.as_bytes())


def sent_on(d: date, hour: int = 9, minute: int = 12, offset: int = 1) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


# ----------------------------------------------------------------------------- reportlab canvas

_FONTS: set[str] = set()


def rl_fonts(lang: str, *, mono: bool = False, serif: bool = False) -> tuple[str, str]:
    """Registered font names (regular, bold): WenQuanYi for CJK, DejaVu for the rest."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    wanted = {
        "FreshCJK": (CJK_FONT, 0),
        "FreshSans": (SANS_FONT, None),
        "FreshSansBold": (SANS_BOLD, None),
        "FreshMono": (MONO_FONT, None),
        "FreshSerif": (SERIF_FONT, None),
    }
    if not _FONTS:
        for font_name, (fname, index) in wanted.items():
            font = TTFont(font_name, fname, subfontIndex=index) if index is not None else TTFont(font_name, fname)
            pdfmetrics.registerFont(font)
            _FONTS.add(font_name)
    if lang in ("ja", "ko", "zh-Hans", "zh-Hant"):
        return "FreshCJK", "FreshCJK"
    if mono:
        return "FreshMono", "FreshMono"
    if serif:
        return "FreshSerif", "FreshSansBold"
    return "FreshSans", "FreshSansBold"


class Page:
    """A reportlab canvas drawn from the top (``y`` is the distance from the top edge, in points),
    with the few strokes these forms need: text, boxes, shaded bands and ruled grids."""

    def __init__(self, path: Path, lang: str, *, landscape: bool = False, mono: bool = False, serif: bool = False):
        from reportlab.lib.pagesizes import A4, LETTER
        from reportlab.lib.pagesizes import landscape as turned
        from reportlab.pdfgen.canvas import Canvas

        size = LETTER if lang == "en" and not landscape else A4
        self.width, self.height = turned(size) if landscape else size
        self.c = Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        self.c.setCreator("fresh-forms")
        self.regular, self.bold = rl_fonts(lang, mono=mono, serif=serif)
        self.cjk = lang in ("ja", "ko", "zh-Hans", "zh-Hant")

    def text(self, x: float, y: float, s: str, size: float = 8.5, *, bold: bool = False, align: str = "left") -> None:
        font = self.bold if bold else self.regular
        self.c.setFont(font, size)
        if align == "right":
            self.c.drawRightString(x, self.height - y, s)
        elif align == "center":
            self.c.drawCentredString(x, self.height - y, s)
        else:
            self.c.drawString(x, self.height - y, s)

    def width_of(self, s: str, size: float, *, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(s, self.bold if bold else self.regular, size)

    def wrap(self, s: str, width: float, size: float, *, bold: bool = False) -> list[str]:
        """``s`` broken into lines no wider than ``width``: at its line breaks, at spaces, or anywhere
        in CJK text."""
        out: list[str] = []
        for paragraph in s.split("\n"):
            current = ""
            cjk_text = self.cjk and " " not in paragraph.strip()
            for tok in list(paragraph) if cjk_text else re.split(r"(?<= )", paragraph):
                if current and self.width_of(current + tok, size, bold=bold) > width:
                    out.append(current.rstrip())
                    current = tok.lstrip()
                else:
                    current += tok
            if current.strip():
                out.append(current.rstrip())
        return out or [""]

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: tuple[float, float, float] | None = None,
        stroke: bool = True,
        width: float = 0.6,
    ) -> None:
        self.c.setLineWidth(width)
        if fill:
            self.c.setFillColorRGB(*fill)
        self.c.rect(x, self.height - y - h, w, h, stroke=int(stroke), fill=int(bool(fill)))
        self.c.setFillColorRGB(0, 0, 0)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        self.c.setLineWidth(width)
        self.c.line(x1, self.height - y1, x2, self.height - y2)

    def grid(
        self,
        x: float,
        y: float,
        widths: list[float],
        rows: list[list[str]],
        *,
        size: float = 7.5,
        right_from: int = 99,
        head_fill: tuple[float, float, float] | None = (0.85, 0.85, 0.85),
        ruled: bool = True,
        lead: float = 1.25,
    ) -> float:
        """A ruled table, text wrapped inside its cells; the first row is the header. Returns the
        bottom edge."""
        for k, row in enumerate(rows):
            cells = [self.wrap(v, widths[i] - 5, size, bold=k == 0) for i, v in enumerate(row)]
            h = max(len(c) for c in cells) * size * lead + 5
            cx = x
            for i, lines in enumerate(cells):
                if ruled or k == 0:
                    self.box(cx, y, widths[i], h, fill=head_fill if k == 0 else None, stroke=ruled)
                for j, text in enumerate(lines):
                    ty = y + 3 + size + j * size * lead - 1
                    if i >= right_from and k > 0:
                        self.text(cx + widths[i] - 2.5, ty, text, size, align="right")
                    else:
                        self.text(cx + 2.5, ty, text, size, bold=k == 0)
                cx += widths[i]
            y += h
        return y

    def page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


# ----------------------------------------------------------------------------- families

FAMILIES = {  # family -> producer (also in each golden file's "producer")
    "smartform-din-window": "reportlab-canvas-smartform",
    "bip-boxed-bands": "reportlab-canvas-bip",
    "greenbar-as400": "reportlab-canvas-greenbar",
    "crystal-group-headers": "fpdf2-core-fonts",
    "datev-bestellung": "fpdf2-din5008",
    "fr-bon-de-commande-ttc": "python-docx+libreoffice",
    "it-ordine-riepilogo-iva": "openpyxl+libreoffice-calc",
    "pl-cs-netto-brutto": "reportlab-canvas",
    "tr-siparis-yalniz": "openpyxl",
    "vi-bilingual-order": "reportlab-canvas",
    "th-bilingual-workbook": "openpyxl",
    "zh-kingdee-tax-columns": "reportlab-canvas",
    "zh-hant-roc-workbook": "openpyxl",
    "ja-chumonsho-ukesho": "reportlab-canvas",
    "docx-content-controls": "python-docx-sdt",
    "docx-legacy-form-fields": "python-docx-formtext",
    "excel-made-by-hand": "openpyxl-styled",
    "edi-translator-csv": "csv-edi-translator",
    "phone-typed-body": "email-mobile",
    "marketplace-order-mail": "email-html-shop",
    "rendered-scan": "pypdfium2+pillow",
    "portal-pdf-qty-unit": "reportlab-canvas-portal",
    "portal-notification-mail": "email-html-portal",
    "erp-print-fpdf-html": "fpdf2-write-html",
    "odoo-po-or-rfq": "reportlab-canvas-odoo",
    "our-acknowledgement": "fpdf2+email",
    "forecast-schedule": "openpyxl+reportlab",
    "remittance-advice-mail": "email-plain-fixed",
    "es-importe-con-letra": "fpdf2-cells",
    "ko-erp-html-mail": "email-html-euc-kr",
    "ja-yoko-chumonsho": "reportlab-canvas-landscape",
    "nordic-oresavrundning": "fpdf2-cells",
}
PAYMENT = {
    "en-US": "Net 30 days from receipt of invoice",
    "en-GB": "30 days end of month",
    "en-AU": "Net 60 days",
    "en-ZA": "30 days from statement",
    "de": "14 Tage 3 % Skonto, 45 Tage netto",
    "de-AT": "30 Tage netto",
    "de-CH": "30 Tage netto",
    "fr": "45 jours fin de mois",
    "fr-CA": "Net 30 jours",
    "fr-CH": "30 jours net",
    "it": "RiBa 60 gg f.m.",
    "es": "Transferencia a 60 días",
    "es-CL": "Crédito 30 días",
    "es-MX": "Crédito a 45 días",
    "pt-BR": "28/56 dias",
    "nl": "Betaling binnen 30 dagen",
    "nl-BE": "60 dagen einde maand",
    "pl": "Przelew 30 dni",
    "cs": "Převodem, splatnost 30 dní",
    "tr": "60 gün vadeli",
    "vi": "Chuyển khoản 30 ngày",
    "th": "Credit 30 days",
    "zh-Hans": "月结60天",
    "zh-Hant": "月結45天",
    "ja": "月末締め翌々月10日払い",
    "ko": "세금계산서 발행 후 45일",
    "sv": "30 dagar netto",
    "nb": "30 dager netto",
}


class Maker:
    """Adds each document and its golden file to ``out`` (documents LibreOffice makes go to
    ``pending``, which ``generate._convert`` runs once for the whole corpus)."""

    def __init__(self, out: Any, work: Path, pending: list, seed: int) -> None:
        self.out, self.work, self.pending, self.seed = out, work, pending, seed

    def order(self, name: str, locale: str, n: int, number: Callable[[random.Random], str], **kw: Any) -> Order:
        o = make_order(self.seed, name, locale, n, number, **kw)
        o.payment = PAYMENT[locale] if draw(self.seed, name + ":pay").random() < 0.65 else None
        return o

    def path(self, rel: str) -> Path:
        return self.out.path(rel)

    def add(self, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.out.add(rel, golden, producer=FAMILIES[family], lang=lang, family=family)

    def convert(self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.pending.append((src, ext, rel, golden, lang, family, ""))


def sap_number(r: random.Random) -> str:
    return f"45{r.randrange(10000000, 99999999)}"


# --- SAP Smart Forms: a DIN 5008 letter window with the sender's return line, an information block
# whose labels stand above their values, item blocks of two or three rows without vertical rules.

SMARTFORM = {
    "de": dict(
        title="Bestellung",
        info=[
            ("Bestellnummer/Datum", "{no} / {date}"),
            ("Ansprechpartner/Telefon", "{person} / +49 7940 1204-{ext}"),
            ("Ihre Lieferantennummer bei uns", "70{sup}"),
            ("Lieferbedingung", "{inco}"),
        ],
        intro="Sehr geehrte Damen und Herren, bitte liefern Sie zu den umseitigen Bedingungen:",
        head=["Pos.", "Material", "Bezeichnung", "Bestellmenge", "Einh.", "Preis pro Einheit", "Nettowert"],
        due="Liefertermin: Tag {d}",
        total="Gesamtnettowert ohne Mwst {cur}",
        pay="Zahlungsbedingungen:",
        unit="ST",
        terms="Es gelten ausschließlich unsere Allgemeinen Einkaufsbedingungen (Stand 01/2026). "
        "Bitte bestätigen Sie diese Bestellung innerhalb von 3 Arbeitstagen.",
        page="Seite {p} von {n}",
    ),
    "en": dict(
        title="Purchase Order",
        info=[
            ("PO Number/Date", "{no} / {date}"),
            ("Contact person/Telephone", "{person} / +1 608 555 01{ext}"),
            ("Your vendor number with us", "70{sup}"),
            ("Terms of delivery", "{inco}"),
        ],
        intro="Please supply the following items subject to our terms and conditions of purchase:",
        head=["Item", "Material", "Description", "Order qty.", "Unit", "Price per unit", "Net value"],
        due="Delivery date: Day {d}",
        total="Total net value excl. tax {cur}",
        pay="Terms of payment:",
        unit="PC",
        terms="Our general terms and conditions of purchase apply. Please acknowledge this order "
        "within 3 working days quoting the PO number.",
        page="Page {p} of {n}",
    ),
    "es": dict(
        title="Pedido",
        info=[
            ("Número de pedido/Fecha", "{no} / {date}"),
            ("Persona de contacto/Teléfono", "{person} / +34 942 55 02 {ext}"),
            ("Su número de proveedor", "70{sup}"),
            ("Condiciones de entrega", "{inco}"),
        ],
        intro="Les rogamos suministren el siguiente material según nuestras condiciones generales de compra:",
        head=["Pos.", "Material", "Denominación", "Cantidad", "UM", "Precio por unidad", "Valor neto"],
        due="Fecha de entrega: Día {d}",
        total="Valor neto total sin IVA {cur}",
        pay="Condiciones de pago:",
        unit="UN",
        terms="Son de aplicación nuestras condiciones generales de compra. Rogamos confirmen "
        "el pedido en un plazo de 3 días laborables.",
        page="Página {p} de {n}",
    ),
}


def smartform_pdf(path: Path, o: Order, numbers: str, dates: str, words: dict[str, Any]) -> None:
    p = Page(path, o.lang)
    r = draw(0, o.number)
    fmt = {
        "no": o.number,
        "date": day(o.ordered, dates),
        "person": o.person,
        "ext": f"{r.randrange(10, 99)}",
        "sup": f"{r.randrange(1000, 9999)}",
        "inco": o.incoterms or "",
        "cur": o.currency,
    }
    p.text(p.width - 40, 50, o.buyer, 13, bold=True, align="right")
    p.text(p.width - 40, 63, o.address, 7.5, align="right")
    sender = f"{o.buyer} · {o.address}"
    p.text(57, 128, sender, 5.5)
    p.line(57, 130, 57 + p.width_of(sender, 5.5), 130, 0.3)
    for k, text in enumerate([SUPPLIER, "Sales Department", *SUPPLIER_ADDR.split(", ", 1)]):
        p.text(57, 145 + 11 * k, text, 9)
    y = 120
    for label, value in words["info"]:
        if "{inco}" in value and not o.incoterms:
            continue
        p.text(340, y, label, 7)
        p.text(340, y + 10, value.format(**fmt), 9)
        y += 25
    p.text(57, 250, words["title"], 15, bold=True)
    p.text(57, 272, words["intro"], 8)
    anchors = [
        (57, "left"),
        (90, "left"),
        (160, "left"),
        (385, "right"),
        (392, "left"),
        (488, "right"),
        (p.width - 40, "right"),
    ]
    y = 295
    for (x, align), h in zip(anchors, words["head"]):
        p.text(x, y, h, 7.5, bold=True, align=align)
    p.line(57, y + 4, p.width - 40, y + 4)
    y += 18
    for k, ln in enumerate(o.lines, 1):
        cells = [
            f"{k * 10:05d}",
            ln.code,
            "",
            num(ln.qty, numbers, 0),
            words["unit"],
            f"{num(ln.price, numbers)} / 1",
            num(ln.amount, numbers),
        ]
        for (x, align), v in zip(anchors, cells):
            p.text(x, y, v, 8, align=align)
        text_lines = p.wrap(ln.text, 160, 8)
        for j, t in enumerate(text_lines):
            p.text(160, y + 10 * j, t, 8)
        y += 10 * len(text_lines)
        if ln.due:
            p.text(90, y + 2, words["due"].format(d=day(ln.due, dates)), 7.5)
            y += 12
        y += 8
    if o.due:
        p.text(57, y + 4, words["due"].format(d=day(o.due, dates)), 8)
        y += 16
    p.line(330, y, p.width - 40, y)
    p.text(330, y + 13, words["total"].format(cur=o.currency), 8.5, bold=True)
    p.text(p.width - 40, y + 13, num(o.gross, numbers), 8.5, bold=True, align="right")
    y += 34
    if o.payment:
        p.text(57, y, f"{words['pay']} {o.payment}", 8)
        y += 14
    for j, t in enumerate(p.wrap(words["terms"], p.width - 100, 6.5)):
        p.text(57, y + 8 * j, t, 6.5)
    p.text(p.width / 2, p.height - 30, words["page"].format(p=1, n=1), 7, align="center")
    p.save()


def smartform(m: Maker) -> None:
    for k, (loc, numbers, dates, wl) in enumerate(
        (
            ("de", "eu", "dot", "de"),
            ("de-AT", "eu", "dot", "de"),
            ("en-US", "en", "mdy", "en"),
            ("es", "eu", "dmy", "es"),
        )
    ):
        name = f"{loc.lower()}-smartform-din-window"
        o = m.order(name, loc, 2 + k % 3, sap_number, unit=SMARTFORM[wl]["unit"], line_dates=k % 2 == 0, k=k)
        o.incoterms = ("FCA Shenzhen", None, "FOB Yantian", "CIP Santander")[k]
        smartform_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, dates, SMARTFORM[wl])
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "smartform-din-window")


# --- Oracle BI Publisher: a dark title band, boxed party columns, a row of label-over-value boxes,
# lines with their need-by date and a schedule row, money with the currency code after it.

BIP = {
    "en": dict(
        title="PURCHASE ORDER",
        order="Order",
        rev="Rev",
        page="Page {p} of {n}",
        supplier="Supplier:",
        ship="Ship To:",
        bill="Bill To:",
        boxes=["Supplier No.", "Order Date", "Buyer", "Payment Terms", "FOB", "Currency"],
        head=["Line", "Part Number / Description", "Need By", "Quantity", "UOM", "Unit Price", "Amount"],
        sched="Schedule {k}: Ship To {city}",
        total="Total",
        unit="Each",
        note="Please reference the order number on all shipping documents and invoices.",
    ),
    "pt": dict(
        title="PEDIDO DE COMPRA",
        order="Pedido",
        rev="Rev",
        page="Página {p} de {n}",
        supplier="Fornecedor:",
        ship="Entregar em:",
        bill="Faturar para:",
        boxes=["Nº Fornecedor", "Data do Pedido", "Comprador", "Condições de Pagamento", "Frete", "Moeda"],
        head=["Linha", "Item / Descrição", "Necessário em", "Quantidade", "UDM", "Preço Unitário", "Valor"],
        sched="Programação {k}: Entrega em {city}",
        total="Total",
        unit="UN",
        note="Favor mencionar o número do pedido em todas as notas fiscais.",
    ),
    "fr": dict(
        title="BON DE COMMANDE",
        order="Commande",
        rev="Rév.",
        page="Page {p} de {n}",
        supplier="Fournisseur :",
        ship="Expédier à :",
        bill="Facturer à :",
        boxes=["N° fournisseur", "Date de commande", "Acheteur", "Conditions de paiement", "FAB", "Devise"],
        head=["Ligne", "Article / Description", "Requis le", "Quantité", "UM", "Prix unitaire", "Montant"],
        sched="Échéance {k} : livrer à {city}",
        total="Total",
        unit="CH",
        note="Veuillez indiquer le numéro de commande sur tous les documents d'expédition.",
    ),
}


def bip_pdf(path: Path, o: Order, numbers: str, words: dict[str, Any]) -> None:
    p = Page(path, o.lang)
    W = p.width
    p.box(30, 30, W - 60, 26, fill=(0.22, 0.27, 0.36))
    p.c.setFillColorRGB(1, 1, 1)
    p.text(40, 48, words["title"], 14, bold=True)
    p.c.setFont(p.bold, 9)
    p.c.drawRightString(W - 40, p.height - 41, f"{words['order']}: {o.number}, {words['rev']} 0")
    p.c.drawRightString(W - 40, p.height - 52, words["page"].format(p=1, n=1))
    p.c.setFillColorRGB(0, 0, 0)
    col = (W - 60) / 3
    city = o.address.split(",")[-2].strip() if o.address.count(",") >= 2 else o.address
    blocks = [
        (words["supplier"], [SUPPLIER, *SUPPLIER_ADDR.split(", ", 1)]),
        (words["ship"], [o.buyer, "Receiving Dock 3", o.address]),
        (words["bill"], [o.buyer, "Accounts Payable", o.address]),
    ]
    for k, (label, lines) in enumerate(blocks):
        x = 30 + k * col
        p.box(x, 64, col, 70)
        p.text(x + 4, 74, label, 7, bold=True)
        yy = 86
        for text in lines:
            for t in p.wrap(text, col - 10, 7.5):
                p.text(x + 4, yy, t, 7.5)
                yy += 9
    values = [
        f"{draw(0, o.number).randrange(10000, 99999)}",
        day(o.ordered, "oracle4"),
        o.person,
        o.payment or "",
        o.incoterms or "",
        o.currency,
    ]
    widths = [60, 70, 90, 145, 90, W - 60 - 455]
    x = 30
    for label, value, w in zip(words["boxes"], values, widths):
        p.box(x, 140, w, 30, fill=(0.93, 0.93, 0.93))
        p.text(x + 3, 149, label, 6.5, bold=True)
        size = 8.0
        while size > 5 and p.width_of(value, size) > w - 6:  # a long value shrinks to fit its box
            size -= 0.5
        p.text(x + 3, 163, value, size)
        x += w
    rows = [words["head"]]
    for k, ln in enumerate(o.lines, 1):
        rows.append(
            [
                str(k),
                f"{ln.code}\n{ln.text}",
                day(ln.due or o.ordered, "oracle4"),
                num(ln.qty, numbers),
                words["unit"],
                num(ln.price, numbers),
                f"{num(ln.amount, numbers)} {o.currency}",
            ]
        )
    widths = [28, 200, 62, 55, 34, 60, W - 60 - 439]
    y = 180
    y = p.grid(30, y, widths, rows[:1], size=7)
    for row in rows[1:]:
        code, text = row[1].split("\n", 1)
        cells = [row[0], code, *row[2:]]
        y0 = y
        xs = [30]
        for w in widths[:-1]:
            xs.append(xs[-1] + w)
        for i, v in enumerate(cells):
            if i >= 3:
                p.text(xs[i] + widths[i] - 3, y0 + 10, v, 7.5, align="right")
            else:
                p.text(xs[i] + 3, y0 + 10, v, 7.5, bold=i == 1)
        text_lines = p.wrap(text, widths[1] - 6, 7.5)
        for j, t in enumerate(text_lines):
            p.text(xs[1] + 3, y0 + 20 + 9 * j, t, 7.5)
        y = y0 + 22 + 9 * len(text_lines)
        p.text(xs[1] + 12, y, words["sched"].format(k=1, city=city), 6.5)
        y += 8
        p.line(30, y, W - 30, y, 0.3)
    p.text(W - 160, y + 16, words["total"], 9, bold=True)
    p.text(W - 33, y + 16, f"{num(o.gross, numbers)} {o.currency}", 9, bold=True, align="right")
    p.text(30, y + 40, words["note"], 7)
    p.save()


def bip(m: Maker) -> None:
    for k, (loc, numbers, wl) in enumerate(
        (("en-US", "en", "en"), ("en-AU", "en", "en"), ("pt-BR", "eu", "pt"), ("fr-CA", "space", "fr"))
    ):
        name = f"{loc.lower()}-bip-boxed-bands"
        o = m.order(
            name,
            loc,
            2 + (k + 1) % 3,
            lambda r: f"{r.randrange(100000, 999999)}",
            unit=BIP[wl]["unit"],
            line_dates=k % 2 == 1,
            k=k + 1,
        )
        o.incoterms = ("FCA Shenzhen", "FOB Shenzhen", "CIF Santos", "FCA Hong Kong")[k]
        for ln in o.lines:  # every line prints its need-by date
            ln.due = ln.due or o.due
        bip_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, BIP[wl])
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "bip-boxed-bands")


# --- AS/400 green-bar spool: 132 columns in landscape over green bands and tractor holes, the page
# header (program, run date and time, page) and the column heads repeated on every page.

GREENBAR = {
    "en": dict(
        title="P U R C H A S E   O R D E R",
        prog="POR110",
        run="RUN DATE",
        time="TIME",
        page="PAGE",
        labels=[
            ("PO NUMBER", "no"),
            ("ORDER DATE", "date"),
            ("VENDOR", "vendor"),
            ("BUYER", "buyer"),
            ("REQ SHIP", "due"),
            ("TERMS", "pay"),
            ("CURRENCY", "cur"),
        ],
        head="LN  ITEM NUMBER      DESCRIPTION                          QTY ORDERED  U/M      UNIT COST        EXTENSION",
        total="*** PO TOTAL ***",
        cont="*** CONTINUED ***",
        end="*** END OF PURCHASE ORDER ***",
    ),
    "it": dict(
        title="O R D I N E   D I   A C Q U I S T O",
        prog="ACQ210",
        run="DATA ELAB",
        time="ORA",
        page="PAG.",
        labels=[
            ("NR. ORDINE", "no"),
            ("DATA ORDINE", "date"),
            ("FORNITORE", "vendor"),
            ("COMPRATORE", "buyer"),
            ("CONSEGNA", "due"),
            ("PAGAMENTO", "pay"),
            ("DIVISA", "cur"),
        ],
        head="RG  CODICE ARTICOLO  DESCRIZIONE                          Q.TA ORDINATA UM      PREZZO UNIT.     IMPORTO",
        total="*** TOTALE ORDINE ***",
        cont="*** SEGUE ***",
        end="*** FINE ORDINE ***",
    ),
}


def greenbar_lines(o: Order, numbers: str, dates: str, words: dict[str, Any], unit: str) -> list[str]:
    values = {
        "no": o.number,
        "date": day(o.ordered, dates),
        "vendor": f"004471 {SUPPLIER.upper()}",
        "buyer": f"{o.buyer.upper()}",
        "due": day(o.due, dates) if o.due else "",
        "pay": (o.payment or "").upper(),
        "cur": o.currency,
    }
    body = []
    pairs = [(lbl, values[key]) for lbl, key in words["labels"] if values[key]]
    for k in range(0, len(pairs), 2):  # two label columns, dots up to the colon
        left = f"{pairs[k][0]:.<12}: {pairs[k][1]}"
        right = f"{pairs[k + 1][0]:.<12}: {pairs[k + 1][1]}" if k + 1 < len(pairs) else ""
        body.append(f"  {left:<66}{right}")
    body.append("")
    body.append("SHIP TO: " + o.buyer.upper() + "  " + o.address.upper())
    body.append("")
    items = []
    for k, ln in enumerate(o.lines, 1):
        text = ln.text.upper()
        first, rest = text, ""
        if len(text) > 36:  # the description field holds 36 characters; the rest goes on a second row
            cut = text.rfind(" ", 0, 37)
            first, rest = text[:cut], text[cut + 1 :]
        rows = [
            f"{k:>3} {ln.code:<16} {first:<36} {num(ln.qty, numbers, 3):>13}  {unit:<4} "
            f"{num(ln.price, numbers, 4):>14} {num(ln.amount, numbers):>16}"
        ]
        if rest:
            rows.append(f"{'':>21}{rest}")
        items.append("\n".join(rows))
    return (
        body
        + ["@ITEMS"]
        + items
        + ["", f"{'':>68}{words['total']:<24}{num(o.gross, numbers):>24}", "", f"{'':>40}{words['end']}"]
    )


def greenbar_pdf(
    path: Path, o: Order, numbers: str, dates: str, words: dict[str, Any], unit: str, per_page: int
) -> None:
    p = Page(path, "en", landscape=True, mono=True)
    W, H = p.width, p.height
    lines = greenbar_lines(o, numbers, dates, words, unit)
    split = lines.index("@ITEMS")
    head, rest = lines[:split], lines[split + 1 :]
    pages = [rest[i : i + per_page] for i in range(0, len(rest), per_page)] or [[]]  # an item never splits
    pages = [[row for entry in chunk for row in entry.split("\n")] for chunk in pages]
    run = o.ordered + timedelta(days=1)
    for n, chunk in enumerate(pages, 1):
        for b in range(0, 36):  # green bands every other three lines, tractor holes in the margins
            if b % 2 == 0:
                p.box(28, 40 + b * 15, W - 56, 15, fill=(0.86, 0.94, 0.86), stroke=False)
        for y in range(30, int(H) - 20, 36):
            p.c.circle(14, H - y, 4.5, stroke=1, fill=0)
            p.c.circle(W - 14, H - y, 4.5, stroke=1, fill=0)
        text = [
            f"{words['prog']:<10}{o.buyer.upper():^92}{words['page']} {n:>4}",
            f"{words['run']} {day(run, dates):<10} {words['time']} 06.14.{10 + n:02d}{words['title']:^70}",
            "",
        ]
        if n == 1:
            text += head
        text += [words["head"], "-" * 112] + chunk
        if n < len(pages):
            text += ["", f"{'':>44}{words['cont']}"]
        for k, t in enumerate(text):
            p.text(36, 52 + k * 11.2, t, 7.6)
        if n < len(pages):
            p.page()
    p.save()


def greenbar(m: Maker) -> None:
    for k, (loc, numbers, dates, wl, n) in enumerate(
        (
            ("en-US", "en", "mdy_short", "en", 3),
            ("en-US", "en", "mdy_short", "en", 26),
            ("it", "eu", "dmy", "it", 4),
            ("en-ZA", "en", "d_mon_y", "en", 5),
        )
    ):
        name = f"{loc.lower()}-greenbar-as400-{k}"
        o = m.order(name, loc, n, lambda r: f"P{r.randrange(100000, 999999)}", unit="EA", k=k)
        greenbar_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, dates, GREENBAR[wl], "EA", per_page=20)
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "greenbar-as400")


# ----------------------------------------------------------------------------- fpdf2


def fpdf_doc(*, core: bool = False, landscape: bool = False) -> Any:
    """An fpdf2 document with a fixed date and file id (one seed, the same bytes); ``core``: the
    PDF's own Helvetica (as Crystal Reports exports), else DejaVu embedded."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_creation_date(STAMP)
    pdf.file_id = lambda: -1
    if not core:
        pdf.add_font("dv", fname=SANS_FONT)
        pdf.add_font("dv", style="B", fname=SANS_BOLD)
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(False)
    return pdf


# --- Crystal Reports: the page header repeated, lines grouped under shaded group headers with a
# subtotal under each group, the order total in the report footer, a "printed" time stamp.

CRYSTAL = {
    "en": dict(
        title="Purchase Order",
        printed="Printed",
        fields=["PO Number", "PO Date", "Vendor", "Required Date", "Terms"],
        group="Cost Centre",
        head=["Item No.", "Description", "Qty", "UOM", "Unit Cost", "Ext. Cost"],
        sub="Subtotal for {g}",
        net="Order Subtotal",
        total="Order Total",
        page="Page {p} of {n}",
        groups=["Production - Line 2", "Maintenance Stores", "R&D Prototypes"],
        unit="EA",
    ),
    "es": dict(
        title="Orden de Compra",
        printed="Impreso",
        fields=["N° OC", "Fecha OC", "Proveedor", "Fecha Requerida", "Condición"],
        group="Centro de Costo",
        head=["Código", "Descripción", "Cant.", "UM", "Costo Unit.", "Total"],
        sub="Subtotal {g}",
        net="Neto",
        total="Total",
        page="Página {p} de {n}",
        groups=["Planta Quilicura", "Mantención", "Bodega Central"],
        unit="UN",
    ),
}


def crystal_pdf(path: Path, o: Order, numbers: str, dates: str, words: dict[str, Any], groups: list[int]) -> None:
    pdf = fpdf_doc(core=True)
    pdf.add_page()
    n_pages = 1
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, o.buyer, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 4, o.address, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 9, words["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 7)
    printed = sent_on(o.ordered, 16, 12)
    pdf.cell(
        0,
        4,
        f"{words['printed']}: {day(o.ordered, dates)} {printed:%I:%M:%S%p}",
        align="R",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    values = [o.number, day(o.ordered, dates), SUPPLIER, day(o.due, dates) if o.due else "", o.payment or ""]
    pdf.set_font("Helvetica", "", 8.5)
    for label, value in zip(words["fields"], values):
        if value:
            pdf.set_font("Helvetica", "B", 8.5)
            pdf.cell(35, 5, f"{label}:", align="R")
            pdf.set_font("Helvetica", "", 8.5)
            pdf.cell(0, 5, "  " + value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = [28, 72, 18, 12, 24, 26]
    pdf.set_font("Helvetica", "B", 8)
    for w, h in zip(widths, words["head"]):
        pdf.cell(w, 6, h, border="B", align="R" if h in words["head"][2:] and h != words["head"][3] else "L")
    pdf.ln(7)
    start = 0
    for g, size in enumerate(groups):
        pdf.set_fill_color(222, 226, 240)
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(sum(widths), 6, f"{words['group']}: {words['groups'][g]}", fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 8)
        chunk = o.lines[start : start + size]
        for ln in chunk:
            cells = [
                ln.code,
                ln.text,
                num(ln.qty, numbers, 0),
                words["unit"],
                num(ln.price, numbers),
                num(ln.amount, numbers),
            ]
            for i, (w, v) in enumerate(zip(widths, cells)):
                pdf.cell(w, 5, v, align="R" if i in (2, 4, 5) else "L")
            pdf.ln(5)
        sub = sum((ln.amount for ln in chunk), Decimal(0))
        pdf.set_font("Helvetica", "I", 8)
        pdf.cell(sum(widths[:5]), 5, words["sub"].format(g=words["groups"][g]) + ":", align="R")
        pdf.cell(widths[5], 5, num(sub, numbers), border="T", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        start += size
    pdf.ln(2)
    rows = [(words["net"], o.net)] + [(f"{label} {num(rate, numbers)}%", t) for label, rate, t in o.tax_amounts()]
    rows.append((f"{words['total']} {o.currency}", o.gross))
    for k, (label, value) in enumerate(rows):
        pdf.set_font("Helvetica", "B" if k == len(rows) - 1 else "", 9)
        pdf.cell(sum(widths[:5]), 6, label + ":", align="R")
        pdf.cell(widths[5], 6, num(value, numbers), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-18)
    pdf.set_font("Helvetica", "", 7)
    pdf.cell(0, 4, words["page"].format(p=1, n=n_pages), align="C")
    pdf.output(str(path))


def crystal(m: Maker) -> None:
    for k, (loc, numbers, dates, wl, tax) in enumerate(
        (
            ("en-US", "en", "mdy", "en", None),
            ("en-GB", "en", "d_mon_y", "en", ("VAT", "20")),
            ("en-AU", "en", "dmy", "en", ("GST", "10")),
            ("es-CL", "eu", "dmy_dash", "es", ("IVA", "19")),
        )
    ):
        name = f"{loc.lower()}-crystal-group-headers"
        groups = [2 + k % 2, 2, 1 + k % 3]
        o = m.order(name, loc, sum(groups), lambda r: f"{r.randrange(20000, 29999)}", unit=CRYSTAL[wl]["unit"], k=k)
        if tax:
            o.taxes = [(tax[0], Decimal(tax[1]))]
        crystal_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, dates, CRYSTAL[wl], groups)
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "crystal-group-headers")


# --- A small German firm's order from its accounting package (DATEV/Lexware style): DIN 5008
# letter, the quantity before the article, "€" after the amounts, net + VAT = gross, a footer of
# register and bank numbers.

DATEV = {
    "de": dict(
        title="Bestellung",
        no="Bestell-Nr.",
        date="Datum",
        sup="Lieferanten-Nr.",
        clerk="Bearbeiter",
        intro="Sehr geehrte Damen und Herren,\nhiermit bestellen wir zu den vereinbarten Konditionen:",
        head=["Pos.", "Menge", "Einheit", "Art.-Nr.", "Bezeichnung", "Einzelpreis", "Gesamtpreis"],
        net="Nettobetrag",
        vat="zzgl. {r} % USt.",
        total="Gesamtbetrag",
        due="Liefertermin: spätestens {d}",
        pay="Zahlung: {p}",
        close="Mit freundlichen Grüßen",
        unit="Stück",
        footer=[
            "Geschäftsführer: {person}",
            "Amtsgericht Stuttgart HRB 73{n}",
            "USt-IdNr. DE 1{n}77{n}",
            "IBAN DE21 6005 0101 00{n}{n} 4711",
        ],
    ),
    "de-CH": dict(
        title="Bestellung",
        no="Bestellnummer",
        date="Datum",
        sup="Lieferantennummer",
        clerk="Sachbearbeiter",
        intro="Sehr geehrte Damen und Herren\nGerne bestellen wir bei Ihnen wie folgt:",
        head=["Pos.", "Menge", "Einheit", "Art.-Nr.", "Bezeichnung", "Preis", "Betrag"],
        net="Total exkl. MWST",
        vat="MWST {r} %",
        total="Total inkl. MWST",
        due="Liefertermin: {d}",
        pay="Zahlungsbedingungen: {p}",
        close="Freundliche Grüsse",
        unit="Stk.",
        footer=[
            "UID CHE-1{n}.4{n}.2{n} MWST",
            "Handelsregister Kanton Zürich",
            "{person}",
            "IBAN CH93 0076 2011 6238 5295 7",
        ],
    ),
}


def datev_pdf(path: Path, o: Order, numbers: str, words: dict[str, Any], sign: str) -> None:
    pdf = fpdf_doc()
    pdf.add_page()
    r = draw(1, o.number)
    n = f"{r.randrange(100, 999)}"

    def money_text(v: Decimal) -> str:
        return f"{num(v, numbers)} {sign}" if sign == "€" else f"{sign} {num(v, numbers)}"

    pdf.set_font("dv", "B", 15)
    pdf.set_xy(110, 14)
    pdf.cell(85, 7, o.buyer, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.set_x(110)
    pdf.multi_cell(85, 4, o.address.replace(", ", "\n"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(20, 50)
    pdf.set_font("dv", "", 9.5)
    pdf.multi_cell(85, 4.6, f"{SUPPLIER}\n{SUPPLIER_ADDR.replace(', ', chr(10), 1)}", new_x="LMARGIN", new_y="NEXT")
    info = [
        (words["no"], o.number),
        (words["date"], day(o.ordered, "dot")),
        (words["sup"], f"L{n}0"),
        (words["clerk"], o.person),
    ]
    for k, (label, value) in enumerate(info):
        pdf.set_xy(125, 50 + 5 * k)
        pdf.cell(36, 5, label + ":")
        pdf.cell(0, 5, value)
    pdf.set_xy(20, 92)
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 7, f"{words['title']} {o.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font("dv", "", 9)
    pdf.multi_cell(0, 4.5, words["intro"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = [10, 16, 15, 25, 64, 22, 24]
    pdf.set_x(20)
    pdf.set_font("dv", "B", 8)
    for i, (w, h) in enumerate(zip(widths, words["head"])):
        pdf.cell(w, 6, h, border="TB", align="R" if i in (1, 5, 6) else "L")
    pdf.ln(6)
    pdf.set_font("dv", "", 8)
    for k, ln in enumerate(o.lines, 1):
        pdf.set_x(20)
        cells = [
            str(k),
            num(ln.qty, numbers, 0),
            words["unit"],
            ln.code,
            ln.text,
            money_text(ln.price),
            money_text(ln.amount),
        ]
        for i, (w, v) in enumerate(zip(widths, cells)):
            pdf.cell(w, 5.5, v, align="R" if i in (1, 5, 6) else "L")
        pdf.ln(5.5)
    pdf.set_x(20)
    pdf.cell(sum(widths), 1, "", border="T", new_x="LMARGIN", new_y="NEXT")
    rows = [(words["net"], o.net)] + [(words["vat"].format(r=num(rate, numbers)), t) for _, rate, t in o.tax_amounts()]
    rows.append((words["total"], o.gross))
    for k, (label, value) in enumerate(rows):
        pdf.set_x(20)
        pdf.set_font("dv", "B" if k == len(rows) - 1 else "", 9)
        pdf.cell(sum(widths[:6]), 5.5, label, align="R")
        pdf.cell(widths[6], 5.5, money_text(value), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("dv", "", 9)
    if o.due:
        pdf.set_x(20)
        pdf.cell(0, 5, words["due"].format(d=day(o.due, "dot")), new_x="LMARGIN", new_y="NEXT")
    if o.payment:
        pdf.set_x(20)
        pdf.cell(0, 5, words["pay"].format(p=o.payment), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_x(20)
    pdf.multi_cell(0, 4.5, f"{words['close']}\n\n{o.person}\n{o.buyer}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 6.5)
    for k, text in enumerate(words["footer"]):
        pdf.set_xy(20 + 45 * k, 280)
        pdf.multi_cell(44, 3, text.format(person=o.person, n=n))
    pdf.output(str(path))


def datev(m: Maker) -> None:
    for k, (loc, wl, numbers, rate, sign) in enumerate(
        (
            ("de", "de", "eu", "19", "€"),
            ("de", "de", "eu", "19", "€"),
            ("de-AT", "de", "eu", "20", "€"),
            ("de-CH", "de-CH", "swiss", "8.1", "CHF"),
        )
    ):
        name = f"{loc.lower()}-datev-bestellung-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"2026-{r.randrange(100, 999):04d}", unit=DATEV[wl]["unit"], k=k)
        o.taxes = [("USt", Decimal(rate))]
        datev_pdf(m.path(f"pdf/{name}.pdf"), o, numbers, DATEV[wl], sign)
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "datev-bestellung")


# ----------------------------------------------------------------------------- office files


def docx_new() -> Any:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(1.8)
        section.top_margin = Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(8.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    return doc


def cell_text(cell: Any, text: str, *, bold: bool = False, right: bool = False, size: float | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = cell.paragraphs[0]
    for k, part in enumerate(text.split("\n")):
        if k:
            para = cell.add_paragraph()
        run = para.add_run(part)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if right:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# --- French "bon de commande": prices HT, the VAT per line, HT + TVA = TTC (Quebec: TPS and TVQ),
# a "bon pour accord" block; Word, printed to PDF by LibreOffice.

BDC = {
    "fr": dict(
        title="BON DE COMMANDE",
        no="N°",
        date="Date",
        sup="Fournisseur",
        due="Date de livraison souhaitée",
        pay="Conditions de règlement",
        inco="Incoterm",
        head=["Réf.", "Désignation", "Qté", "PU HT", "Total HT", "TVA"],
        net="Total HT",
        total="Total TTC",
        sign="Bon pour accord — le service achats",
        unit=None,
    ),
    "fr-CA": dict(
        title="BON DE COMMANDE",
        no="No de commande",
        date="Date",
        sup="Fournisseur",
        due="Date de livraison requise",
        pay="Modalités",
        inco="Incoterm",
        head=["Code", "Description", "Qté", "Prix unitaire", "Montant", "Taxes"],
        net="Sous-total",
        total="Total",
        sign="Autorisé par",
        unit=None,
    ),
}


def bdc_docx(path: Path, o: Order, words: dict[str, Any], numbers: str, sign: str, tax_cell: str) -> None:
    from docx.shared import Cm

    doc = docx_new()

    def cash(v: Decimal) -> str:
        return f"{num(v, numbers)} {sign}" if sign in ("€", "$") else f"{sign} {num(v, numbers)}"

    top = doc.add_table(rows=1, cols=2)
    phone = {"fr": "+33 2 41 55", "fr-CA": "+1 418 555", "fr-CH": "+41 21 555"}[o.locale]
    cell_text(top.cell(0, 0), f"{o.buyer}\n{o.address}\nTél. {phone} {draw(2, o.number).randrange(10, 99)} 00", size=9)
    cell_text(top.cell(0, 1), words["title"], bold=True, right=True, size=16)
    para = top.cell(0, 1).add_paragraph(f"{words['no']} : {o.number}\n{words['date']} : {day(o.ordered, 'long_fr')}")
    para.alignment = 2
    doc.add_paragraph()
    doc.add_paragraph(f"{words['sup']} : {SUPPLIER}, {SUPPLIER_ADDR}")
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for i, h in enumerate(words["head"]):
        cell_text(table.rows[0].cells[i], h, bold=True)
    for ln in o.lines:
        cells = table.add_row().cells
        values = [ln.code, ln.text, num(ln.qty, numbers, 0), cash(ln.price), cash(ln.amount), tax_cell]
        for i, v in enumerate(values):
            cell_text(cells[i], v, right=i >= 2)
    table.autofit = False
    for i, w in enumerate((2.6, 6.4, 1.6, 2.4, 2.6, 1.8)):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    doc.add_paragraph()
    totals = doc.add_table(rows=0, cols=2)
    rows = [(words["net"], o.net)] + [(f"{label} {num(rate, 'comma')} %", t) for label, rate, t in o.tax_amounts()]
    rows.append((words["total"], o.gross))
    for label, value in rows:
        cells = totals.add_row().cells
        cell_text(cells[0], label, bold=label == words["total"], right=True)
        cell_text(cells[1], cash(value), bold=label == words["total"], right=True)
    doc.add_paragraph()
    if o.due:
        doc.add_paragraph(f"{words['due']} : {day(o.due, 'long_fr')}")
    if o.payment:
        doc.add_paragraph(f"{words['pay']} : {o.payment}")
    if o.incoterms:
        doc.add_paragraph(f"{words['inco']} : {o.incoterms}")
    if o.currency == "CAD":  # a dollar sign alone would not say which dollar
        doc.add_paragraph("Montants en dollars canadiens (CAD).")
    doc.add_paragraph(f"\n{words['sign']}\n{o.person}")
    docx_save(doc, path, o.person)


def bon_de_commande(m: Maker) -> None:
    for k, (loc, wl, numbers, sign, taxes, tax_cell) in enumerate(
        (
            ("fr", "fr", "space", "€", [("TVA", "20")], "20 %"),
            ("fr", "fr", "space", "€", [("TVA", "20")], "20 %"),
            ("fr-CA", "fr-CA", "space", "$", [("TPS", "5"), ("TVQ", "9.975")], "TPS/TVQ"),
            ("fr-CH", "fr", "swiss", "CHF", [("TVA", "8.1")], "8,1 %"),
        )
    ):
        name = f"{loc.lower()}-bon-de-commande-ttc-{k}"
        o = m.order(name, loc, 2 + (k + 2) % 3, lambda r: f"BDC{r.randrange(26000, 26999)}-{r.randrange(1, 9)}", k=k)
        o.taxes = [(label, Decimal(rate)) for label, rate in taxes]
        o.incoterms = "DAP Angers" if k == 1 else None
        src = m.work / f"{name}.docx"
        bdc_docx(src, o, BDC[wl], numbers, sign, tax_cell)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(units=False), o.lang, "fr-bon-de-commande-ttc")


# --- Italian "ordine d'acquisto" printed from a Calc sheet: the VAT code per line, a VAT summary
# (riepilogo IVA), transport charges added under the goods and taxed with them.


def ordine_xlsx(path: Path, o: Order) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Ordine"
    thin = Side(style="thin")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    r = draw(3, o.number)
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.address
    ws["A3"] = (
        f"P.IVA IT0{r.randrange(1000000000, 9999999999)} - Tel. 0{r.randrange(100, 999)} {r.randrange(100000, 999999)}"
    )
    ws["E5"] = "ORDINE D'ACQUISTO"
    ws["E5"].font = Font(bold=True, size=13)
    head = [
        ("Numero ordine", o.number),
        ("Data", day(o.ordered, "dmy")),
        ("Fornitore", SUPPLIER),
        ("Data consegna", day(o.due, "dmy") if o.due else ""),
        ("Pagamento", o.payment or ""),
        ("Resa", o.incoterms or ""),
    ]
    row = 7
    for label, value in head:
        if value:
            ws.cell(row, 1, label).font = Font(bold=True)
            ws.cell(row, 3, value)
            row += 1
    row += 1
    cols = ["Codice", "Descrizione", "", "UM", "Quantità", "Prezzo", "Importo", "C.IVA"]
    for c, h in enumerate(cols, 1):
        cell = ws.cell(row, c, h)
        cell.font = Font(bold=True)
        cell.border = box
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    for ln in o.lines:
        row += 1
        values = [ln.code, ln.text, "", ln.unit, num(ln.qty, "eu", 0), num(ln.price, "eu"), num(ln.amount, "eu"), "22"]
        for c, v in enumerate(values, 1):
            cell = ws.cell(row, c, v)
            cell.border = box
            if c >= 5:
                cell.alignment = Alignment(horizontal="right")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    row += 2
    ws.cell(row, 1, "Riepilogo IVA").font = Font(bold=True)
    for c, h in enumerate(["Aliquota", "Imponibile", "Imposta"], 1):
        ws.cell(row + 1, c, h).font = Font(bold=True)
    ((_, rate, tax),) = o.tax_amounts()
    ws.cell(row + 2, 1, f"{num(rate, 'eu')}%")
    ws.cell(row + 2, 2, num(o.base, "eu"))
    ws.cell(row + 2, 3, num(tax, "eu"))
    totals = [("Totale merce", o.net)] + [(label, v) for label, v in o.charges]
    totals += [("Totale imponibile", o.base), ("Totale IVA", tax), ("TOTALE ORDINE EUR", o.gross)]
    for k, (label, value) in enumerate(totals):
        ws.cell(row + k, 6, label).font = Font(bold=label.startswith("TOTALE"))
        ws.cell(row + k, 7, num(value, "eu")).alignment = Alignment(horizontal="right")
    for col, w in zip("ABCDEFGH", (14, 30, 8, 6, 10, 22, 14, 7)):
        ws.column_dimensions[col].width = w
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    xlsx_save(wb, path, o.person)


def ordine_iva(m: Maker) -> None:
    for k in range(4):
        name = f"it-ordine-riepilogo-iva-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"{r.randrange(1, 999)}/26", unit=("pz", "nr", "PZ", "n.")[k], k=k)
        o.taxes = [("IVA", Decimal(22))]
        if k % 2 == 0:
            o.charges = [("Spese di trasporto", Decimal(("85.00", "120.00")[k // 2]))]
        o.incoterms = "EXW Varallo" if k == 1 else None
        src = m.work / f"{name}.xlsx"
        ordine_xlsx(src, o)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "it", "it-ordine-riepilogo-iva")


# --- Polish and Czech accounting prints: net price, net value, VAT rate, VAT and gross value on
# every line, the parties side by side with their tax numbers, "do zapłaty" / "k úhradě".

NETTO = {
    "pl": dict(
        title="ZAMÓWIENIE NR {no}",
        issued="Data wystawienia",
        due="Termin dostawy",
        seller="Dostawca",
        buyer="Zamawiający",
        tax_id="NIP",
        pay="Forma płatności",
        head=[
            "Lp.",
            "Nazwa towaru",
            "Kod",
            "Ilość",
            "J.m.",
            "Cena netto",
            "Wartość netto",
            "VAT %",
            "Kwota VAT",
            "Wartość brutto",
        ],
        sums="Razem",
        net="netto",
        vat="VAT",
        gross="brutto",
        total="Do zapłaty",
        cur="PLN",
        sign="zł",
        closing="Prosimy o potwierdzenie przyjęcia zamówienia do realizacji.",
        unit="szt.",
    ),
    "cs": dict(
        title="OBJEDNÁVKA č. {no}",
        issued="Datum vystavení",
        due="Datum dodání",
        seller="Dodavatel",
        buyer="Odběratel",
        tax_id="IČ",
        pay="Forma úhrady",
        head=[
            "Č.",
            "Označení dodávky",
            "Kód",
            "Počet",
            "MJ",
            "Cena za MJ",
            "Celkem bez DPH",
            "DPH %",
            "DPH",
            "Celkem s DPH",
        ],
        sums="Součet",
        net="bez DPH",
        vat="DPH",
        gross="s DPH",
        total="Celkem k úhradě",
        cur="CZK",
        sign="Kč",
        closing="Objednávku prosím potvrďte e-mailem.",
        unit="ks",
    ),
}


def netto_pdf(path: Path, o: Order, words: dict[str, Any], rate: Decimal) -> None:
    p = Page(path, o.lang)
    W = p.width
    r = draw(4, o.number)
    p.text(W / 2, 50, words["title"].format(no=o.number), 14, bold=True, align="center")
    p.text(W - 40, 70, f"{words['issued']}: {day(o.ordered, 'dot')}", 8.5, align="right")
    if o.due:
        p.text(W - 40, 82, f"{words['due']}: {day(o.due, 'dot')}", 8.5, align="right")
    half = (W - 80) / 2
    for k, (label, lines) in enumerate(
        (
            (words["seller"], [SUPPLIER, SUPPLIER_ADDR]),
            (
                words["buyer"],
                [
                    o.buyer,
                    o.address,
                    f"{words['tax_id']}: {r.randrange(100, 999)}-{r.randrange(100, 999)}-"
                    f"{r.randrange(10, 99)}-{r.randrange(10, 99)}",
                ],
            ),
        )
    ):
        x = 40 + k * (half + 10)
        p.box(x, 95, half - 10, 70)
        p.text(x + 5, 107, label + ":", 8, bold=True)
        yy = 120
        for text in lines:
            for t in p.wrap(text, half - 22, 8):
                p.text(x + 5, yy, t, 8)
                yy += 10
    rows = [words["head"]]
    for k, ln in enumerate(o.lines, 1):
        vat = money(ln.amount * rate / 100, o.currency)
        rows.append(
            [
                str(k),
                ln.text,
                ln.code,
                num(ln.qty, "space", 0),
                words["unit"],
                num(ln.price, "space"),
                num(ln.amount, "space"),
                num(rate, "comma"),
                num(vat, "space"),
                num(ln.amount + vat, "space"),
            ]
        )
    widths = [18, 118, 56, 34, 26, 44, 52, 28, 42, 0]
    widths[-1] = W - 80 - sum(widths)
    y = p.grid(40, 180, widths, rows, size=6.8, right_from=3, head_fill=(0.9, 0.9, 0.8))
    ((_, _, tax),) = o.tax_amounts()
    sums = [
        ("", words["net"], words["vat"], words["gross"]),
        (words["sums"], num(o.net, "space"), num(tax, "space"), num(o.gross, "space")),
    ]
    y += 8
    for row in sums:
        for i, v in enumerate(row):
            p.text(
                W - 250 + i * 55 + (0 if i == 0 else 50),
                y,
                v,
                8,
                bold=row is sums[0],
                align="left" if i == 0 else "right",
            )
        y += 11
    y += 8
    p.text(40, y, f"{words['total']}: {num(o.gross, 'space')} {words['sign']}", 11, bold=True)
    if o.payment:
        p.text(40, y + 16, f"{words['pay']}: {o.payment}", 8.5)
    p.text(40, y + 34, words["closing"], 8.5)
    p.text(W - 40, y + 70, o.person, 8.5, align="right")
    p.save()


def netto_brutto(m: Maker) -> None:
    for k, (loc, number) in enumerate(
        (
            ("pl", lambda r: f"ZAM/{r.randrange(100, 999)}/11/2026"),
            ("pl", lambda r: f"ZZ-{r.randrange(1000, 9999)}/26"),
            ("cs", lambda r: f"OV26{r.randrange(10000, 99999)}"),
            ("cs", lambda r: f"{r.randrange(2026100, 2026999)}"),
        )
    ):
        lang = lang_of(loc)
        name = f"{loc}-netto-brutto-{k}"
        o = m.order(name, loc, 2 + (k * 2) % 4, number, unit=NETTO[lang]["unit"])
        rate = Decimal(23 if lang == "pl" else 21)
        o.taxes = [("VAT", rate)]
        netto_pdf(m.path(f"pdf/{name}.pdf"), o, NETTO[lang], rate)
        m.add(f"pdf/{name}.pdf", o.golden(), lang, "pl-cs-netto-brutto")


# --- A Turkish purchasing form kept in Excel: numbers and (half of them) dates as real cells, the
# total also in words ("Yalnız: ..."), some orders in euros or dollars.

TR_ONES = ["", "BİR", "İKİ", "ÜÇ", "DÖRT", "BEŞ", "ALTI", "YEDİ", "SEKİZ", "DOKUZ"]
TR_TENS = ["", "ON", "YİRMİ", "OTUZ", "KIRK", "ELLİ", "ALTMIŞ", "YETMİŞ", "SEKSEN", "DOKSAN"]


def tr_words(n: int) -> str:
    """An amount in Turkish words, as Turkish forms print it after "Yalnız:" (``1200`` → BİN İKİ YÜZ)."""
    if n == 0:
        return "SIFIR"
    parts = []
    for value, name in ((1_000_000, "MİLYON"), (1000, "BİN"), (1, "")):
        chunk, n = divmod(n, value)
        if not chunk:
            continue
        hundreds, rest = divmod(chunk, 100)
        words = [] if hundreds == 0 else ([TR_ONES[hundreds]] if hundreds > 1 else []) + ["YÜZ"]
        words += [w for w in (TR_TENS[rest // 10], TR_ONES[rest % 10]) if w]
        if name == "BİN" and chunk == 1:
            words = []
        parts.append(" ".join(words + ([name] if name else [])).strip())
    return " ".join(p for p in parts if p)


TR_MONEY = {"TRY": ("TL", "KURUŞ"), "EUR": ("AVRO", "SENT"), "USD": ("ABD DOLARI", "SENT")}


def tr_xlsx(path: Path, o: Order, date_cells: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Sipariş"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = o.address
    ws["A4"] = "SATINALMA SİPARİŞ FORMU"
    ws["A4"].font = Font(bold=True, size=14)
    ws.merge_cells("A4:G4")
    ws["A4"].alignment = Alignment(horizontal="center")
    fields = [
        ("Sipariş No", o.number),
        ("Sipariş Tarihi", o.ordered),
        ("Teslim Tarihi", o.due),
        ("Tedarikçi", SUPPLIER),
        ("Para Birimi", o.currency),
        ("Ödeme Şekli", o.payment),
        ("Teslim Şekli", o.incoterms),
    ]
    row = 6
    for label, value in fields:
        if value is None:
            continue
        ws.cell(row, 1, label + ":").font = Font(bold=True)
        cell = ws.cell(row, 3, value if date_cells or not isinstance(value, date) else day(value, "dot"))
        if isinstance(value, date) and date_cells:
            cell.number_format = "DD.MM.YYYY"
            cell.alignment = Alignment(horizontal="left")
        row += 1
    row += 1
    head = ["Sıra", "Stok Kodu", "Malzeme Açıklaması", "Miktar", "Birim", "Birim Fiyat", "Tutar"]
    fill = PatternFill("solid", fgColor="FCE4D6")
    for c, h in enumerate(head, 1):
        cell = ws.cell(row, c, h)
        cell.font = Font(bold=True)
        cell.fill = fill
    for k, ln in enumerate(o.lines, 1):
        row += 1
        for c, v in enumerate([k, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)], 1):
            cell = ws.cell(row, c, v)
            if c >= 6:
                cell.number_format = "#,##0.00##" if c == 6 else "#,##0.00"
    row += 2
    ((_, rate, tax),) = o.tax_amounts()
    for label, value in (("Ara Toplam", o.net), (f"KDV (%{rate})", tax), ("Genel Toplam", o.gross)):
        ws.cell(row, 6, label).font = Font(bold=label == "Genel Toplam")
        ws.cell(row, 7, float(value)).number_format = "#,##0.00"
        row += 1
    whole, cents = divmod(int(o.gross * 100), 100)
    unit, sub = TR_MONEY[o.currency]
    ws.cell(row + 1, 1, f"Yalnız: {tr_words(whole)} {unit}" + (f" {tr_words(cents)} {sub}" if cents else ""))
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=7)
    ws.cell(row + 3, 1, "Hazırlayan: " + o.person)
    ws.cell(row + 3, 5, "Onaylayan: Satınalma Müdürü")
    for col, w in zip("ABCDEFG", (6, 14, 36, 10, 8, 14, 16)):
        ws.column_dimensions[col].width = w
    xlsx_save(wb, path, o.person)


def turkish_form(m: Maker) -> None:
    for k, currency in enumerate(("TRY", "EUR", "TRY", "USD")):
        name = f"tr-siparis-yalniz-{k}"
        o = m.order(
            name, "tr", 2 + k % 3, lambda r: f"SAS-2026-{r.randrange(1000, 9999)}", unit="Adet", currency=currency
        )
        o.taxes = [("KDV", Decimal(20))]
        o.incoterms = "FOB Shanghai" if currency == "USD" else None
        tr_xlsx(m.path(f"xlsx/{name}.xlsx"), o, date_cells=k % 2 == 0)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "tr", "tr-siparis-yalniz")


# --- Vietnamese orders with every label in two languages (Vietnamese / English), dong without
# decimals grouped with dots, VAT 8 or 10 %; one buyer orders in dollars.

VI_HEAD = [
    "STT\nNo.",
    "Mã hàng\nItem code",
    "Tên hàng\nDescription",
    "ĐVT\nUnit",
    "Số lượng\nQty",
    "Đơn giá\nUnit price",
    "Thành tiền\nAmount",
]


def vi_pdf(path: Path, o: Order, numbers: str, rate: Decimal) -> None:
    p = Page(path, "vi")
    W = p.width
    p.text(40, 45, o.buyer, 11, bold=True)
    p.text(40, 58, o.address, 8)
    p.text(40, 70, f"MST / Tax code: 36{draw(5, o.number).randrange(10000000, 99999999)}", 8)
    p.text(W / 2, 100, "ĐƠN ĐẶT HÀNG", 15, bold=True, align="center")
    p.text(W / 2, 114, "PURCHASE ORDER", 10, align="center")
    rows = [
        ("Số / No.", o.number),
        ("Ngày / Date", day(o.ordered, "dmy")),
        ("Bên bán / Seller", SUPPLIER),
        ("Bên mua / Buyer", o.buyer),
    ]
    if o.due:
        rows.append(("Ngày giao hàng / Delivery date", day(o.due, "dmy")))
    if o.payment:
        rows.append(("Thanh toán / Payment", o.payment))
    if o.incoterms:
        rows.append(("Điều kiện giao hàng / Incoterms", o.incoterms))
    y = 135
    for label, value in rows:
        p.text(40, y, label + ":", 8.5, bold=True)
        p.text(200, y, value, 8.5)
        y += 13
    table = [VI_HEAD] + [
        [str(k), ln.code, ln.text, ln.unit, num(ln.qty, numbers, 0), num(ln.price, numbers), num(ln.amount, numbers)]
        for k, ln in enumerate(o.lines, 1)
    ]
    widths = [30, 70, 170, 40, 55, 70, 0]
    widths[-1] = W - 80 - sum(widths)
    y = p.grid(40, y + 8, widths, table, size=7.5, right_from=4, head_fill=(0.85, 0.92, 0.98))
    ((_, _, tax),) = o.tax_amounts()
    for label, value in (
        ("Cộng tiền hàng / Sub-total", o.net),
        (f"Thuế GTGT {rate}% / VAT {rate}%", tax),
        (f"Tổng cộng / Grand total ({o.currency})", o.gross),
    ):
        y += 13
        p.text(W - 150, y, label, 8.5, bold="Grand" in label, align="right")
        p.text(W - 42, y, num(value, numbers), 8.5, bold="Grand" in label, align="right")
    p.text(90, y + 50, "Người lập / Prepared by", 8.5, align="center")
    p.text(90, y + 95, o.person, 8.5, align="center")
    p.text(W - 120, y + 50, "Giám đốc / Director", 8.5, align="center")
    p.save()


def vietnamese(m: Maker) -> None:
    for k, (currency, rate) in enumerate((("VND", "8"), ("USD", "10"), ("VND", "10"), ("VND", "8"))):
        name = f"vi-bilingual-order-{k}"
        o = m.order(
            name,
            "vi",
            2 + (k + 1) % 3,
            lambda r: f"DH{r.randrange(2611000, 2611999)}",
            unit="Cái",
            currency=currency,
            k=k,
        )
        o.taxes = [("VAT", Decimal(rate))]
        o.incoterms = "CIF Hai Phong" if currency == "USD" else None
        vi_pdf(m.path(f"pdf/{name}.pdf"), o, "en" if currency == "USD" else "eu", Decimal(rate))
        m.add(f"pdf/{name}.pdf", o.golden(), "vi", "vi-bilingual-order")


# --- A Thai buyer's workbook: labels in Thai and English, dates in the Buddhist era as text, or as
# real date cells; VAT 7 %.

TH_LABELS = [
    ("เลขที่ / PO No.", "no"),
    ("วันที่ / Date", "date"),
    ("ผู้ขาย / Supplier", "sup"),
    ("กำหนดส่ง / Delivery", "due"),
    ("เงื่อนไขการชำระเงิน / Payment", "pay"),
]
TH_HEAD = [
    "ลำดับ\nNo.",
    "รหัสสินค้า\nCode",
    "รายการ\nDescription",
    "จำนวน\nQty",
    "หน่วย\nUnit",
    "ราคา/หน่วย\nUnit Price",
    "จำนวนเงิน\nAmount",
]


def th_xlsx(path: Path, o: Order, date_cells: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "PO"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = o.address + "  Tax ID 0105" + f"{draw(6, o.number).randrange(100000000, 999999999)}"
    ws["E1"] = "ใบสั่งซื้อ / PURCHASE ORDER"
    ws["E1"].font = Font(bold=True, size=14)
    values = {"no": o.number, "date": o.ordered, "sup": SUPPLIER, "due": o.due, "pay": o.payment}
    row = 4
    for label, key in TH_LABELS:
        value = values[key]
        if value is None:
            continue
        ws.cell(row, 1, label)
        cell = ws.cell(row, 3, value if date_cells or not isinstance(value, date) else day(value, "be"))
        if isinstance(value, date) and date_cells:
            cell.number_format = "DD/MM/YYYY"
        row += 1
    row += 1
    for c, h in enumerate(TH_HEAD, 1):
        cell = ws.cell(row, c, h)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    for k, ln in enumerate(o.lines, 1):
        row += 1
        for c, v in enumerate([k, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)], 1):
            cell = ws.cell(row, c, v)
            if c >= 6:
                cell.number_format = "#,##0.00##"
    ((_, _, tax),) = o.tax_amounts()
    row += 1
    for label, value in (
        ("รวมเงิน / Sub Total", o.net),
        ("ภาษีมูลค่าเพิ่ม 7% / VAT 7%", tax),
        ("รวมทั้งสิ้น / Grand Total (THB)", o.gross),
    ):
        row += 1
        ws.cell(row, 5, label)
        ws.cell(row, 7, float(value)).number_format = "#,##0.00"
    ws.cell(row + 2, 1, "ผู้สั่งซื้อ / Ordered by: " + o.person)
    for col, w in zip("ABCDEFG", (7, 14, 38, 9, 8, 13, 14)):
        ws.column_dimensions[col].width = w
    xlsx_save(wb, path, o.person)


def thai(m: Maker) -> None:
    for k in range(4):
        name = f"th-bilingual-workbook-{k}"
        o = m.order(name, "th", 2 + k % 3, lambda r: f"PO{r.randrange(6911000, 6911999)}", unit="ชิ้น")
        o.taxes = [("VAT", Decimal(7))]
        th_xlsx(m.path(f"xlsx/{name}.xlsx"), o, date_cells=k % 2 == 1)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "th", "th-bilingual-workbook")


# --- A Kingdee/Yonyou-style 采购订单: a header grid, a two-row table head (金额 over 未税金额 / 税额 /
# 价税合计), tax per line, the total again in capital numerals (大写).

DIGITS_CAP = "零壹贰叁肆伍陆柒捌玖"


def capital_yuan(v: Decimal) -> str:
    """An amount in the capital numerals of Chinese money (``1203.50`` → 壹仟贰佰零叁元伍角整)."""
    fen_total = int((v * 100).to_integral_value(ROUND_HALF_UP))
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)

    def section(n: int) -> str:
        out, zero = "", False
        for unit, value in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
            d, n = divmod(n, value)
            if d:
                out += ("零" if zero and out else "") + DIGITS_CAP[d] + unit
                zero = False
            else:
                zero = True
        return out

    wan, low = divmod(yuan, 10000)
    text = (section(wan) + "万" if wan else "") + (("零" if wan and low < 1000 and low else "") + section(low))
    text = (text or "零") + "元"
    if jiao:
        text += DIGITS_CAP[jiao] + "角"
    elif fen:
        text += "零"
    if fen:
        text += DIGITS_CAP[fen] + "分"
    return text + ("" if fen else "整")


def kingdee_pdf(path: Path, o: Order, rate: Decimal, dates: str) -> None:
    p = Page(path, "zh-Hans")
    W = p.width
    p.text(W / 2, 42, o.buyer, 14, bold=True, align="center")
    p.text(W / 2, 64, "采 购 订 单", 16, bold=True, align="center")
    head = [
        ("单据编号", o.number),
        ("单据日期", day(o.ordered, dates)),
        ("供应商", SUPPLIER_ZH),
        ("采购员", o.person),
        ("交货日期", day(o.due, dates) if o.due else ""),
        ("结算方式", o.payment or ""),
        ("币别", "人民币"),
        ("税率", f"{rate}%"),
    ]
    x0, cw = 40, (W - 80) / 4
    for k, (label, value) in enumerate(head):
        x, y = x0 + (k % 2) * cw * 2, 80 + (k // 2) * 18
        p.box(x, y, cw * 0.6, 18, fill=(0.93, 0.93, 0.93))
        p.box(x + cw * 0.6, y, cw * 1.4, 18)
        p.text(x + 4, y + 12, label, 8)
        p.text(x + cw * 0.6 + 4, y + 12, value, 8)
    y = 80 + 4 * 18 + 12
    cols = [
        ("序号", 26),
        ("物料编码", 66),
        ("物料名称", 140),
        ("单位", 28),
        ("数量", 44),
        ("未税单价", 50),
        ("未税金额", 0),
        ("税额", 50),
        ("价税合计", 60),
    ]
    widths = [w for _, w in cols]
    widths[6] = W - 80 - sum(widths)
    xs = [40]
    for w in widths:
        xs.append(xs[-1] + w)
    for i, (label, _) in enumerate(cols):  # the first six heads span two rows, 金额 spans the last three
        if i < 6:
            p.box(xs[i], y, widths[i], 32, fill=(0.88, 0.92, 0.97))
            p.text(xs[i] + widths[i] / 2, y + 20, label, 8, align="center")
        else:
            p.box(xs[i], y + 16, widths[i], 16, fill=(0.88, 0.92, 0.97))
            p.text(xs[i] + widths[i] / 2, y + 27, label, 8, align="center")
    p.box(xs[6], y, xs[9] - xs[6], 16, fill=(0.88, 0.92, 0.97))
    p.text((xs[6] + xs[9]) / 2, y + 11, "金额", 8, align="center")
    y += 32
    for k, ln in enumerate(o.lines, 1):
        tax = money(ln.amount * rate / 100, o.currency)
        cells = [
            str(k),
            ln.code,
            ln.text,
            ln.unit,
            num(ln.qty, "en", 0),
            num(ln.price, "en"),
            num(ln.amount, "en"),
            num(tax, "en"),
            num(ln.amount + tax, "en"),
        ]
        text_lines = p.wrap(ln.text, widths[2] - 6, 8)
        h = 6 + 10 * len(text_lines)
        for i, v in enumerate(cells):
            p.box(xs[i], y, widths[i], h)
            if i == 2:
                for j, t in enumerate(text_lines):
                    p.text(xs[i] + 3, y + 12 + 10 * j, t, 8)
            elif i >= 4:
                p.text(xs[i + 1] - 3, y + 12, v, 8, align="right")
            else:
                p.text(xs[i] + 3, y + 12, v, 8)
        y += h
    ((_, _, tax_total),) = o.tax_amounts()
    sums = {
        4: num(sum((ln.qty for ln in o.lines), Decimal(0)), "en", 0),
        6: num(o.net, "en"),
        7: num(tax_total, "en"),
        8: num(o.gross, "en"),
    }
    p.box(40, y, W - 80, 18)
    p.text(44, y + 12, "合计", 8.5, bold=True)
    for i, v in sums.items():
        p.text(xs[i + 1] - 3, y + 12, v, 8, align="right")
    y += 18
    p.box(40, y, W - 80, 18)
    p.text(44, y + 12, f"价税合计（大写）：人民币{capital_yuan(o.gross)}", 8.5)
    p.text(W - 44, y + 12, f"（小写）：¥{num(o.gross, 'en')}", 8.5, align="right")
    y += 36
    for k, text in enumerate(
        (
            "1. 请于收到订单后24小时内回签确认，逾期视为接受。",
            "2. 送货单须注明本订单编号，否则仓库拒收。",
            f"3. 收货地址：{o.address}",
        )
    ):
        p.text(40, y + 12 * k, text, 7.5)
    p.text(40, y + 60, "制单：" + o.person, 8.5)
    p.text(W / 2, y + 60, "审核：", 8.5)
    p.text(W - 140, y + 60, "供应商确认（盖章）：", 8.5)
    p.save()


def kingdee(m: Maker) -> None:
    for k, dates in enumerate(("iso", "cjk", "iso", "cjk_pad")):
        name = f"zh-hans-kingdee-tax-columns-{k}"
        unit = ("个", "PCS", "套", "个")[k]
        o = m.order(
            name, "zh-Hans", 2 + (k + 2) % 4, lambda r: f"CGDD{r.randrange(261100000, 261199999)}", unit=unit, k=k
        )
        o.taxes = [("增值税", Decimal(13))]
        kingdee_pdf(m.path(f"pdf/{name}.pdf"), o, Decimal(13), dates)
        m.add(f"pdf/{name}.pdf", o.golden(), "zh-Hans", "zh-kingdee-tax-columns")


# --- A Taiwanese 訂購單 kept in Excel: 民國 dates as text, 未稅 prices, a notes column, 營業稅 5 % and
# the 含稅 total, the currency named in words (新台幣).


def roc_xlsx(path: Path, o: Order, dates: str, notes: list[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "訂購單"
    thin = Side(style="thin")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "訂 購 單"
    ws["A2"].font = Font(bold=True, size=16)
    ws.merge_cells("A2:H2")
    ws["A2"].alignment = Alignment(horizontal="center")
    fields = [
        ("廠商名稱", SUPPLIER),
        ("訂購單號", o.number),
        ("訂購日期", day(o.ordered, dates)),
        ("交貨日期", day(o.due, dates) if o.due else None),
        ("付款條件", o.payment),
        ("幣別", "新台幣 NTD"),
        ("聯絡人", o.person),
    ]
    row = 4
    for k, (label, value) in enumerate(f for f in fields if f[1]):
        r, c = row + k // 2, 1 + (k % 2) * 4
        ws.cell(r, c, label + "：").font = Font(bold=True)
        ws.cell(r, c + 1, value)
    row += 5
    head = ["項次", "品號", "品名規格", "數量", "單位", "未稅單價", "未稅金額", "備註"]
    for c, h in enumerate(head, 1):
        cell = ws.cell(row, c, h)
        cell.font = Font(bold=True)
        cell.border = box
    for k, ln in enumerate(o.lines, 1):
        row += 1
        values = [
            k,
            ln.code,
            ln.text,
            int(ln.qty),
            ln.unit,
            float(ln.price),
            float(ln.amount),
            notes[(k - 1) % len(notes)],
        ]
        for c, v in enumerate(values, 1):
            cell = ws.cell(row, c, v)
            cell.border = box
            if c in (6, 7):
                cell.number_format = "#,##0.00##" if c == 6 else "#,##0.00"
    ((_, _, tax),) = o.tax_amounts()
    for label, value in (("未稅合計", o.net), ("營業稅 5%", tax), ("含稅總計", o.gross)):
        row += 1
        ws.cell(row, 6, label).font = Font(bold=label == "含稅總計")
        ws.cell(row, 7, float(value)).number_format = "#,##0.00"
    ws.cell(row + 2, 1, "※ 請於交貨時附上出貨單並註明訂購單號，發票請開立含稅金額。")
    for col, w in zip("ABCDEFGH", (6, 14, 34, 9, 6, 11, 13, 18)):
        ws.column_dimensions[col].width = w
    xlsx_save(wb, path, o.person)


def roc_workbook(m: Maker) -> None:
    notes = ["急件", "", "依圖面 REV.B", "分批交貨"]
    for k, dates in enumerate(("roc", "roc_cjk", "roc", "roc_cjk")):
        name = f"zh-hant-roc-workbook-{k}"
        o = m.order(
            name,
            "zh-Hant",
            2 + k % 3,
            lambda r: f"PO-{r.randrange(115110000, 115119999)}",
            unit=("PCS", "個", "組", "PCS")[k],
        )
        o.taxes = [("營業稅", Decimal(5))]
        roc_xlsx(m.path(f"xlsx/{name}.xlsx"), o, dates, notes[k:] + notes[:k])
        m.add(f"xlsx/{name}.xlsx", o.golden(), "zh-Hant", "zh-hant-roc-workbook")


# --- A Japanese 注文書 with its 注文請書 (the copy the supplier stamps and returns) as the second
# page: the same table twice, amounts with the yen sign and a closing dash (¥123,456-).


def chumonsho_pdf(path: Path, o: Order, dates: str) -> None:
    p = Page(path, "ja")
    W = p.width
    ((_, _, tax),) = o.tax_amounts()
    for title, note in (
        ("注 文 書", "下記の通り注文いたします。"),
        ("注 文 請 書", "上記の通り注文をお請けいたします。"),
    ):
        p.text(W / 2, 50, title, 18, bold=True, align="center")
        p.text(40, 85, f"{SUPPLIER} 御中", 11)
        p.line(40, 89, 270, 89)
        p.text(W - 40, 80, f"注文番号：{o.number}", 9, align="right")
        p.text(W - 40, 93, f"注文日：{day(o.ordered, dates)}", 9, align="right")
        p.text(W - 40, 115, o.buyer, 10, align="right")
        p.text(W - 40, 128, o.address, 8, align="right")
        p.text(W - 40, 141, f"担当：{o.person}", 8, align="right")
        p.box(W - 75, 150, 35, 35)
        p.text(W - 57.5, 171, "印", 10, align="center")
        p.text(40, 130, note, 9)
        p.text(40, 160, "ご注文金額（税込）", 10)
        p.text(150, 160, f"¥{num(o.gross, 'en')}-", 13, bold=True)
        p.line(40, 164, 260, 164)
        rows = [["No.", "品番", "品名", "数量", "単位", "単価", "金額（税抜）"]]
        rows += [
            [str(k), ln.code, ln.text, num(ln.qty, "en", 0), ln.unit, num(ln.price, "en"), num(ln.amount, "en")]
            for k, ln in enumerate(o.lines, 1)
        ]
        widths = [26, 72, 170, 50, 32, 60, 0]
        widths[-1] = W - 80 - sum(widths)
        y = p.grid(40, 195, widths, rows, size=8, right_from=3)
        for label, value in (("小計（税抜）", o.net), ("消費税（10%）", tax), ("合計（税込）", o.gross)):
            p.box(W - 200, y, 80, 16, fill=(0.93, 0.93, 0.93))
            p.box(W - 120, y, 80, 16)
            p.text(W - 196, y + 11, label, 8)
            p.text(W - 43, y + 11, f"¥{num(value, 'en')}-", 8, align="right")
            y += 16
        y += 16
        terms = [
            ("納期", day(o.due, dates) if o.due else "別途指示"),
            ("納入場所", o.address),
            ("支払条件", o.payment or ""),
        ]
        for label, value in (t for t in terms if t[1]):
            p.text(40, y, f"{label}：{value}", 8.5)
            y += 13
        if title.startswith("注 文 請"):
            p.text(W - 40, y + 20, "受注者　記名捺印", 9, align="right")
            p.box(W - 75, y + 28, 35, 35)
        p.page()
    p.c.save()


def chumonsho(m: Maker) -> None:
    for k, dates in enumerate(("reiwa", "cjk", "reiwa", "iso")):
        name = f"ja-chumonsho-ukesho-{k}"
        o = m.order(
            name,
            "ja",
            2 + (k + 1) % 3,
            lambda r: f"{r.randrange(2611, 2612)}-{r.randrange(1000, 9999)}",
            unit=("個", "台", "本", "個")[k],
            k=k,
        )
        o.taxes = [("消費税", Decimal(10))]
        chumonsho_pdf(m.path(f"pdf/{name}.pdf"), o, dates)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-chumonsho-ukesho")


# --- Word order forms: the header and line cells are content controls (structured document tags),
# the unused rows still show their placeholder text.

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLACEHOLDER = {
    "en": "Click or tap here to enter text.",
    "de": "Klicken oder tippen Sie hier, um Text einzugeben.",
    "sv": "Klicka eller tryck här för att ange text.",
    "ko": "텍스트를 입력하려면 여기를 클릭하거나 탭하세요.",
}
SDT_FORM = {
    "en": dict(
        title="PURCHASE ORDER FORM",
        fields=["PO No.", "Order date", "Requested delivery", "Payment terms", "Buyer", "Supplier"],
        head=["Part number", "Description", "Quantity", "Unit", "Unit price", "Line total"],
        total="Order total",
        unit="pcs",
    ),
    "de": dict(
        title="BESTELLFORMULAR",
        fields=[
            "Bestellnummer",
            "Bestelldatum",
            "Gewünschter Liefertermin",
            "Zahlungsbedingungen",
            "Besteller",
            "Lieferant",
        ],
        head=["Artikelnummer", "Beschreibung", "Menge", "Einheit", "Einzelpreis", "Gesamt"],
        total="Gesamtsumme",
        unit="Stück",
    ),
    "sv": dict(
        title="BESTÄLLNINGSBLANKETT",
        fields=["Ordernummer", "Orderdatum", "Önskat leveransdatum", "Betalningsvillkor", "Beställare", "Leverantör"],
        head=["Artikelnummer", "Beskrivning", "Antal", "Enhet", "À-pris", "Summa"],
        total="Totalt",
        unit="st",
    ),
    "ko": dict(
        title="발 주 서",
        fields=["발주번호", "발주일자", "납기일", "결제조건", "발주처", "공급처"],
        head=["품목코드", "품명", "수량", "단위", "단가", "금액"],
        total="합계금액",
        unit="EA",
    ),
}


def sdt(text: str, tag: str, *, placeholder: bool = False) -> Any:
    """A plain-text content control holding ``text`` (or showing its placeholder)."""
    from lxml import etree

    def w(name: str) -> str:
        return f"{{{W_NS}}}{name}"

    el = etree.Element(w("sdt"))
    pr = etree.SubElement(el, w("sdtPr"))
    etree.SubElement(pr, w("alias")).set(w("val"), tag)
    etree.SubElement(pr, w("tag")).set(w("val"), tag)
    etree.SubElement(pr, w("id")).set(w("val"), str(sum(map(ord, tag)) * 97))
    if placeholder:
        etree.SubElement(pr, w("showingPlcHdr"))
    etree.SubElement(pr, w("text"))
    content = etree.SubElement(el, w("sdtContent"))
    run = etree.SubElement(content, w("r"))
    if placeholder:
        rpr = etree.SubElement(run, w("rPr"))
        etree.SubElement(rpr, w("color")).set(w("val"), "808080")
    t = etree.SubElement(run, w("t"))
    t.text = text
    return el


def sdt_docx(path: Path, o: Order, wl: str, numbers: str, dates: str, blank_rows: int) -> None:
    words = SDT_FORM[wl]
    doc = docx_new()
    head = doc.add_paragraph()
    run = head.add_run(words["title"])
    run.bold = True
    run.font.size = 215900  # 17 pt
    doc.add_paragraph(o.buyer + " · " + o.address)
    values = [o.number, day(o.ordered, dates), day(o.due, dates) if o.due else None, o.payment, o.person, SUPPLIER]
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in zip(words["fields"], values):
        cells = table.add_row().cells
        cell_text(cells[0], label, bold=True)
        cells[1].paragraphs[0]._p.append(sdt(value or PLACEHOLDER[wl], label, placeholder=value is None))
    doc.add_paragraph()
    lines = doc.add_table(rows=1, cols=6)
    lines.style = "Table Grid"
    for i, h in enumerate(words["head"]):
        cell_text(lines.rows[0].cells[i], h, bold=True)
    for k, ln in enumerate(o.lines, 1):
        cells = lines.add_row().cells
        values = [ln.code, ln.text, num(ln.qty, numbers, 0), ln.unit, num(ln.price, numbers), num(ln.amount, numbers)]
        for i, v in enumerate(values):
            cells[i].paragraphs[0]._p.append(sdt(v, f"line{k}_{i}"))
    for k in range(blank_rows):  # the form's empty rows, placeholders showing
        cells = lines.add_row().cells
        for i in range(6):
            cells[i].paragraphs[0]._p.append(sdt(PLACEHOLDER[wl], f"blank{k}_{i}", placeholder=True))
    para = doc.add_paragraph(f"{words['total']} ({o.currency}): ")
    para._p.append(sdt(num(o.gross, numbers), "total"))
    docx_save(doc, path, o.person)


def content_controls(m: Maker) -> None:
    for k, (loc, wl, numbers, dates) in enumerate(
        (
            ("en-US", "en", "en", "mdy"),
            ("de", "de", "eu", "dot"),
            ("sv", "sv", "space", "iso"),
            ("ko", "ko", "en", "ko"),
        )
    ):
        name = f"{loc.lower()}-docx-content-controls"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"F-{r.randrange(26000, 26999)}", unit=SDT_FORM[wl]["unit"], k=k)
        sdt_docx(m.path(f"docx/{name}.docx"), o, wl, numbers, dates, blank_rows=3 + k % 2)
        m.add(f"docx/{name}.docx", o.golden(), o.lang, "docx-content-controls")


# --- Word forms with the old form fields (FORMTEXT): each value between the field's begin, separate
# and end marks, empty fields showing five en spaces, a check box for urgent orders.

LEGACY_FORM = {
    "en": dict(
        title="Purchase Requisition / Order",
        fields=["Order No", "Date raised", "Delivery required", "Payment", "Raised by", "Company", "Urgent"],
        head=["Our part no.", "Description", "Qty", "Price", "Value"],
        total="TOTAL",
    ),
    "fr": dict(
        title="Demande d'achat / Commande",
        fields=["N° commande", "Date", "Livraison souhaitée", "Règlement", "Demandeur", "Société", "Urgent"],
        head=["Référence", "Désignation", "Qté", "Prix", "Montant"],
        total="TOTAL",
    ),
    "es": dict(
        title="Solicitud de compra / Pedido",
        fields=["Nº pedido", "Fecha", "Entrega solicitada", "Pago", "Solicitante", "Empresa", "Urgente"],
        head=["Referencia", "Descripción", "Cant.", "Precio", "Importe"],
        total="TOTAL",
    ),
    "nl": dict(
        title="Inkoopaanvraag / Bestelling",
        fields=["Bestelnr.", "Datum", "Gewenste levering", "Betaling", "Aangevraagd door", "Bedrijf", "Spoed"],
        head=["Artikelnr.", "Omschrijving", "Aantal", "Prijs", "Bedrag"],
        total="TOTAAL",
    ),
}


def form_field(paragraph: Any, value: str, name: str, *, checkbox: bool | None = None) -> None:
    """Append a legacy form field (FORMTEXT, or FORMCHECKBOX when ``checkbox`` is given)."""
    from lxml import etree

    def w(tag: str) -> str:
        return f"{{{W_NS}}}{tag}"

    def run() -> Any:
        r = etree.SubElement(paragraph._p, w("r"))
        return r

    begin = etree.SubElement(run(), w("fldChar"))
    begin.set(w("fldCharType"), "begin")
    data = etree.SubElement(begin, w("ffData"))
    etree.SubElement(data, w("name")).set(w("val"), name)
    etree.SubElement(data, w("enabled"))
    if checkbox is None:
        etree.SubElement(data, w("textInput"))
    else:
        box = etree.SubElement(data, w("checkBox"))
        etree.SubElement(box, w("sizeAuto"))
        etree.SubElement(box, w("default")).set(w("val"), "1" if checkbox else "0")
    instr = etree.SubElement(run(), w("instrText"))
    instr.text = " FORMCHECKBOX " if checkbox is not None else " FORMTEXT "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if checkbox is None:
        etree.SubElement(run(), w("fldChar")).set(w("fldCharType"), "separate")
        t = etree.SubElement(run(), w("t"))
        t.text = value or "\u2002" * 5
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(run(), w("fldChar")).set(w("fldCharType"), "end")


def legacy_docx(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    words = LEGACY_FORM[wl]
    doc = docx_new()
    title = doc.add_paragraph()
    title.add_run(words["title"]).bold = True
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    values = [o.number, day(o.ordered, dates), day(o.due, dates) if o.due else "", o.payment or "", o.person, o.buyer]
    pairs = list(zip(words["fields"], values))
    for k in range(0, len(pairs), 2):
        cells = table.add_row().cells
        for j, (label, value) in enumerate(pairs[k : k + 2]):
            cell_text(cells[2 * j], label, bold=True)
            form_field(cells[2 * j + 1].paragraphs[0], value, f"Text{k + j + 1}")
    urgent = doc.add_paragraph(words["fields"][6] + " ")
    form_field(urgent, "", "Check1", checkbox=draw(7, o.number).random() < 0.5)
    lines = doc.add_table(rows=1, cols=5)
    lines.style = "Table Grid"
    for i, h in enumerate(words["head"]):
        cell_text(lines.rows[0].cells[i], h, bold=True)
    for k, ln in enumerate(o.lines):
        cells = lines.add_row().cells
        for i, v in enumerate(
            [ln.code, ln.text, num(ln.qty, numbers, 0), num(ln.price, numbers), num(ln.amount, numbers)]
        ):
            form_field(cells[i].paragraphs[0], v, f"L{k}C{i}")
    for k in range(len(o.lines), 8):  # the form's remaining rows: empty fields
        cells = lines.add_row().cells
        for i in range(5):
            form_field(cells[i].paragraphs[0], "", f"L{k}C{i}")
    para = doc.add_paragraph(f"{words['total']} {o.currency} ")
    form_field(para, num(o.gross, numbers), "Total")
    doc.add_paragraph(f"{o.buyer}, {o.address}")
    docx_save(doc, path, o.person)


def legacy_fields(m: Maker) -> None:
    for k, (loc, wl, numbers, dates) in enumerate(
        (
            ("en-GB", "en", "en", "dmy"),
            ("fr", "fr", "space", "dmy"),
            ("es", "es", "eu", "dmy_dash"),
            ("nl-BE", "nl", "eu", "dmy_dash"),
        )
    ):
        name = f"{loc.lower()}-docx-legacy-form-fields"
        o = m.order(name, loc, 2 + (k + 1) % 3, lambda r: f"{r.randrange(100000, 999999)}", k=k)
        legacy_docx(m.path(f"docx/{name}.docx"), o, wl, numbers, dates)
        m.add(f"docx/{name}.docx", o.golden(units=False), o.lang, "docx-legacy-form-fields")


# --- Orders typed into Excel by hand: a title in red, blank spacer columns, coloured rows, notes
# beside lines and in a cell comment, the total in merged cells, dates as date cells or as text.

HAND = {
    "en": dict(
        title="ORDER",
        sender="from:",
        no="Order no.",
        date="Date",
        due="Delivery",
        ship="Ship to",
        head=["Item", "Part #", "Description", "Qty", "Price", "Total", "Notes"],
        total="TOTAL",
        notes=["pls pack 50 per carton", "", "same as last order", "colour: black"],
        tax="+ GST {r}%",
    ),
    "de": dict(
        title="BESTELLUNG",
        sender="von:",
        no="Bestell-Nr.",
        date="Datum",
        due="Liefertermin",
        ship="Lieferadresse",
        head=["Pos", "Art.-Nr.", "Bezeichnung", "Menge", "Preis", "Summe", "Bemerkung"],
        total="SUMME",
        notes=["", "bitte 50 Stk/Karton", "wie letzte Lieferung", ""],
        tax="+ MwSt {r}%",
    ),
    "es": dict(
        title="PEDIDO",
        sender="de:",
        no="Nº pedido",
        date="Fecha",
        due="Entrega",
        ship="Dirección",
        head=["Lín.", "Ref.", "Descripción", "Cant.", "Precio", "Total", "Notas"],
        total="TOTAL",
        notes=["urgente", "", "embalaje individual", ""],
        tax="+ IVA {r}%",
    ),
}


def hand_xlsx(
    path: Path, o: Order, wl: str, *, date_cells: bool, dates: str, codes: bool, qty_text: bool, numbers: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    words = HAND[wl]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = words["title"]
    ws["A1"].font = Font(bold=True, size=20, color="C00000")
    ws["G1"] = words["sender"]
    ws["H1"] = o.buyer
    ws["H1"].font = Font(bold=True)

    def when(d: date) -> Any:
        return d if date_cells else day(d, dates)

    rows = [
        (words["no"], o.number),
        (words["date"], when(o.ordered)),
        (words["due"], when(o.due) if o.due else None),
        (words["ship"], o.address),
    ]
    r = 3
    for label, value in rows:
        if value is None:
            continue
        ws.cell(r, 1, label).font = Font(bold=True)
        cell = ws.cell(r, 3, value)
        if isinstance(value, date):
            cell.number_format = "d-mmm-yy"
            cell.alignment = Alignment(horizontal="left")
        r += 1
    r += 1
    columns = [1, 3, 5, 7, 8, 9, 11]  # B, D, F and J stay empty: narrow spacer columns
    yellow = PatternFill("solid", fgColor="FFF2CC")
    green = PatternFill("solid", fgColor="E2EFDA")
    heads = words["head"] if codes else [h for i, h in enumerate(words["head"]) if i != 1]
    cols = columns if codes else [c for i, c in enumerate(columns) if i != 1]
    for c, h in zip(cols, heads):
        cell = ws.cell(r, c, h)
        cell.font = Font(bold=True)
        cell.fill = yellow
    for k, ln in enumerate(o.lines, 1):
        r += 1
        qty: Any = f"{num(ln.qty, numbers, 0)} {ln.unit}" if qty_text else int(ln.qty)
        values = [k, ln.code, ln.text, qty, float(ln.price), float(ln.amount), words["notes"][(k - 1) % 4]]
        if not codes:
            values.pop(1)
        for c, v in zip(cols, values):
            cell = ws.cell(r, c, v)
            if k % 2 == 0:
                cell.fill = green
        if k == 1:
            ws.cell(r, cols[-4]).comment = Comment(f"{o.person.split()[0]}: check MOQ with supplier", o.person)
    r += 2
    if o.taxes:
        ((_, rate, tax),) = o.tax_amounts()
        ws.cell(r, 1, f"{words['total']} ({o.currency}) net")
        ws.cell(r, 9, float(o.net))
        ws.cell(r + 1, 1, words["tax"].format(r=rate))
        ws.cell(r + 1, 9, float(tax))
        r += 2
    ws.cell(r, 1, f"{words['total']} ({o.currency})").alignment = Alignment(horizontal="right")
    ws.cell(r, 1).font = Font(bold=True, size=12)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
    ws.cell(r, 9, float(o.gross)).font = Font(bold=True, size=12)
    ws.merge_cells(start_row=r, start_column=9, end_row=r, end_column=10)
    ws.cell(r + 2, 1, f"{o.person} - {o.mail}")
    for col, w in zip("ABCDEFGHIJK", (6, 1.5, 13, 1.5, 34, 1.5, 11, 9, 11, 1.5, 24)):
        ws.column_dimensions[col].width = w
    xlsx_save(wb, path, o.person)


def hand_made(m: Maker) -> None:
    for k, (loc, wl, dates, codes, qty_text, numbers) in enumerate(
        (
            ("en-AU", "en", "dmy", True, False, "en"),
            ("en-US", "en", "mdy", False, False, "en"),
            ("de", "de", "dot_short", True, True, "eu"),
            ("es", "es", "dmy", True, False, "eu"),
        )
    ):
        name = f"{loc.lower()}-excel-made-by-hand"
        unit = {"en": "pcs", "de": "Stk", "es": "uds"}[wl]
        o = m.order(name, loc, 3 + k % 3, lambda r: f"{r.randrange(100, 999)}{r.choice('ABCD')}", unit=unit, k=k)
        o.payment = None  # a sheet typed by hand names no terms
        if loc == "en-AU":
            o.taxes = [("GST", Decimal(10))]
        hand_xlsx(
            m.path(f"xlsx/{name}.xlsx"),
            o,
            wl,
            date_cells=k % 3 == 0,
            dates=dates,
            codes=codes,
            qty_text=qty_text,
            numbers=numbers,
        )
        m.add(f"xlsx/{name}.xlsx", o.golden(codes=codes, units=qty_text), o.lang, "excel-made-by-hand")


# --- What an EDI translator hands the order desk: record-type CSV (H/D/S rows, each kind with its own
# column names) or one row per line with the X12 / EDIFACT element names as columns.


def edi_records(o: Order) -> str:
    out = io.StringIO()
    rows = [
        [
            "RecordType",
            "TransactionSet",
            "PONumber",
            "PODate",
            "BuyerName",
            "BuyerGLN",
            "Currency",
            "PaymentTerms",
            "RequestedDeliveryDate",
        ],
        [
            "H",
            "850",
            o.number,
            day(o.ordered, "ymd"),
            o.buyer,
            f"0{draw(8, o.number).randrange(10**12, 10**13)}",
            o.currency,
            o.payment or "",
            day(o.due, "ymd") if o.due else "",
        ],
        [
            "RecordType",
            "LineNumber",
            "BuyerPartNumber",
            "VendorPartNumber",
            "Description",
            "Quantity",
            "UOM",
            "UnitPrice",
            "ExtendedPrice",
        ],
    ]
    for k, ln in enumerate(o.lines, 1):
        rows.append(
            [
                "D",
                str(k),
                f"B{draw(9, ln.code).randrange(100000, 999999)}",
                ln.code,
                ln.text,
                str(ln.qty),
                ln.unit,
                f"{ln.price:.4f}",
                f"{ln.amount:.2f}",
            ]
        )
    rows += [["RecordType", "LineCount", "TotalAmount"], ["S", str(len(o.lines)), f"{o.gross:.2f}"]]
    import csv

    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def edi_flat(o: Order, *, edifact: bool) -> str:
    import csv

    out = io.StringIO()
    if edifact:
        head = [
            "BGM_Belegnummer",
            "DTM137_Belegdatum",
            "NAD_BY_Name",
            "CUX_Waehrung",
            "LIN_Position",
            "PIA_Lieferantenartikel",
            "IMD_Beschreibung",
            "QTY21_Menge",
            "QTY21_Einheit",
            "PRI_AAA_Nettopreis",
            "MOA203_Positionsbetrag",
            "DTM2_Liefertermin",
        ]
    else:
        head = [
            "BEG03_PurchaseOrderNumber",
            "BEG05_Date",
            "N1_BY_Name",
            "CUR02_Currency",
            "PO101_LineNumber",
            "PO107_VendorPartNumber",
            "PID05_Description",
            "PO102_Quantity",
            "PO103_UOM",
            "PO104_UnitPrice",
            "AMT02_LineAmount",
            "DTM02_DeliveryRequested",
        ]
    writer = csv.writer(out, delimiter=";" if edifact else ",", lineterminator="\r\n")
    writer.writerow(head)
    for k, ln in enumerate(o.lines, 1):
        price = f"{ln.price:.4f}".replace(".", ",") if edifact else f"{ln.price:.4f}"
        amount = f"{ln.amount:.2f}".replace(".", ",") if edifact else f"{ln.amount:.2f}"
        writer.writerow(
            [
                o.number,
                day(o.ordered, "ymd"),
                o.buyer,
                o.currency,
                str(k * 10 if edifact else k),
                ln.code,
                ln.text,
                str(ln.qty),
                ln.unit,
                price,
                amount,
                day(ln.due or o.due, "ymd") if (ln.due or o.due) else "",
            ]
        )
    return out.getvalue()


def edi_csv(m: Maker) -> None:
    for k, (loc, kind, unit, attached) in enumerate(
        (
            ("en-US", "records", "EA", False),
            ("de", "edifact", "PCE", False),
            ("en-US", "x12", "EA", True),
            ("en-GB", "records", "PCE", True),
        )
    ):
        name = f"{loc.lower()}-edi-translator-csv-{k}"
        o = m.order(name, loc, 3 + k % 3, lambda r: f"{r.randrange(4000000, 4999999)}", unit=unit, k=k)
        o.payment = None if kind != "records" else o.payment
        for ln in o.lines:
            ln.due = o.due if kind != "records" else None
        text = edi_records(o) if kind == "records" else edi_flat(o, edifact=kind == "edifact")
        golden = o.golden(total=kind == "records")
        if not attached:
            m.path(f"csv/{name}.csv").write_text(text, encoding="utf-8")
            m.add(f"csv/{name}.csv", golden, o.lang, "edi-translator-csv")
            continue
        attachment = f"{'ORDERS' if kind == 'records' else '850'}_{o.number}.csv"
        mail(
            m.path(f"eml/{name}.eml"),
            sender=("EDI Gateway", f"edi-noreply@{o.mail.split('@')[1]}"),
            subject=f"EDI 850 {o.number} translated",
            key=name,
            sent=sent_on(o.ordered, 2, 5, 0),
            text=f"Transaction set 850 from {o.buyer}, control number {draw(10, name).randrange(10**8, 10**9)}.\n"
            "Translated document attached. This mailbox is not monitored.",
            attach=[(attachment, text.encode("utf-8"), "text/csv")],
        )
        m.add(f"eml/{name}.eml", {**golden, "source": attachment}, o.lang, "edi-translator-csv")


# --- Orders typed on a phone: no table, uneven spacing, units glued to quantities, "@ price = amount",
# a date without its year, the mobile signature; the mail's date is the order's date.

PHONE = {
    "en": dict(
        greet="Hi {c},\n\npls ship asap:",
        line="{q}{sp}{u}{sp2}{code}  {text} @{p} = {a}",
        total="total {t} {cur}",
        no="PO# {n}",
        due="need by {d} pls",
        bye="thx\n{first}\n{company}\n\nSent from my iPhone",
        months=[m.lower()[:3] for m in MONTHS_EN],
        due_fmt="{mon} {day}",
    ),
    "de": dict(
        greet="Hallo Frau Li,\n\nbitte liefern:",
        line="{q}{sp}{u}{sp2}{code} {text} à {p} = {a}",
        total="gesamt {t} {cur}",
        no="Bestellnr. {n}",
        due="Liefertermin bis {d}",
        bye="Danke + Gruß\n{first}\n{company}\n\nVon meinem iPhone gesendet",
        months=None,
        due_fmt="{day}.{month}.",
    ),
    "es": dict(
        greet="Hola {c}:\n\nfavor de enviar:",
        line="{q}{sp}{u}{sp2}{code}  {text}  a {p} = {a}",
        total="total {t} {cur}",
        no="OC {n}",
        due="para el {d} porfa",
        bye="saludos\n{first}\n{company}\n\nEnviado desde mi iPhone",
        months=[m[:3] for m in MONTHS["es"]],
        due_fmt="{day} {mon}",
    ),
    "zh-Hans": dict(
        greet="李经理好，下单：",
        line="{code} {text} {q}{u} 单价{p} 金额{a}",
        total="合计{t}元",
        no="订单号{n}",
        due="交期{d}前",
        bye="{first}\n{company}\n\n发自我的iPhone",
        months=None,
        due_fmt="{month}月{day}日",
    ),
}


def phone_text(o: Order, wl: str, numbers: str, r: random.Random) -> str:
    words = PHONE[wl]
    out = [words["greet"].format(c="Wei"), ""]
    for ln in o.lines:
        out.append(
            words["line"].format(
                q=num(ln.qty, "plain", 0),
                sp=r.choice(["", " "]),
                u=ln.unit,
                sp2=r.choice(["  ", " ", "   "]),
                code=ln.code,
                text=ln.text.lower() if wl != "zh-Hans" else ln.text,
                p=num(ln.price, numbers).lstrip("0") if wl == "en" and ln.price < 1 else num(ln.price, numbers),
                a=num(ln.amount, numbers),
            )
        )
        out.append("" if r.random() < 0.5 else " ")
    due = o.due or o.ordered
    mon = words["months"][due.month - 1] if words["months"] else ""
    out += [
        words["total"].format(t=num(o.gross, numbers), cur=o.currency.lower()),
        words["no"].format(n=o.number),
        words["due"].format(d=words["due_fmt"].format(mon=mon, day=due.day, month=due.month)),
        "",
        words["bye"].format(first=o.person.split()[0] if wl != "zh-Hans" else o.person, company=o.buyer),
    ]
    return "\n".join(out)


def phone_bodies(m: Maker) -> None:
    for k, (loc, wl, numbers, unit) in enumerate(
        (
            ("en-US", "en", "en", "pcs"),
            ("de", "de", "eu", "Stk"),
            ("es-MX", "es", "en", "pzas"),
            ("zh-Hans", "zh-Hans", "en", "个"),
        )
    ):
        name = f"{loc.lower()}-phone-typed-body"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(1000, 9999)}-{r.randrange(10, 99)}", unit=unit, k=k)
        o.payment = None
        text = phone_text(o, wl, numbers, draw(m.seed, name + ":typing"))
        subject = {"en": "order", "de": "Bestellung", "es": "pedido", "zh-Hans": "下单"}[wl]
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject=subject,
            key=name,
            sent=sent_on(o.ordered, 10, 47, -6 if loc == "es-MX" else 1),
            text=text,
            encoding="quoted-printable",
            headers={"X-Mailer": "iPhone Mail (22B91)"},
        )
        m.add(f"eml/{name}.eml", o.golden(source="body"), o.lang, "phone-typed-body")


# --- A B2B marketplace's "new order" mail to the seller: the order in nested layout tables, each
# product with its SKU under the name and "qty × price", shipping and tax above the total.

SHOP = {
    "en": dict(
        title="You have a new order!",
        intro="{buyer} placed order {no} on {date}.",
        no="Order",
        buyer="Buyer",
        ship="Ship by",
        sub="Subtotal",
        freight="Shipping (sea freight)",
        tax="Sales tax",
        total="Total",
        pay="Payment",
        cta="View order in Seller Center",
        date="mon_d_y",
    ),
    "de": dict(
        title="Sie haben eine neue Bestellung!",
        intro="{buyer} hat am {date} die Bestellung {no} aufgegeben.",
        no="Bestellung",
        buyer="Käufer",
        ship="Versand bis",
        sub="Zwischensumme",
        freight="Versand (Seefracht)",
        tax="MwSt.",
        total="Gesamt",
        pay="Zahlung",
        cta="Bestellung im Verkäuferportal ansehen",
        date="dot",
    ),
    "es": dict(
        title="¡Tienes un pedido nuevo!",
        intro="{buyer} realizó el pedido {no} el {date}.",
        no="Pedido",
        buyer="Comprador",
        ship="Enviar antes del",
        sub="Subtotal",
        freight="Envío (marítimo)",
        tax="IVA",
        total="Total",
        pay="Pago",
        cta="Ver pedido en el Centro de vendedores",
        date="dmy",
    ),
}


def shop_html(o: Order, wl: str, numbers: str, sign: str) -> str:
    words = SHOP[wl]

    def cash(v: Decimal) -> str:
        return f"{sign}{num(v, numbers)}"

    rows = "".join(
        f'<tr><td style="padding:8px 0;border-bottom:1px solid #eee"><table role="presentation"><tr>'
        f'<td style="width:56px"><img src="cid:thumb{k}" width="48" height="48" alt=""></td>'
        f'<td><div style="font-weight:600">{escape(ln.text)}</div><div style="color:#888;font-size:12px">SKU: '
        f"{escape(ln.code)}</div></td></tr></table></td>"
        f'<td style="text-align:right;white-space:nowrap">{num(ln.qty, numbers, 0)} × {cash(ln.price)}</td>'
        f'<td style="text-align:right;font-weight:600">{cash(ln.amount)}</td></tr>'
        for k, ln in enumerate(o.lines, 1)
    )
    sums = [(words["sub"], o.net)] + [(words["freight"], v) for _, v in o.charges]
    sums += [(f"{words['tax']} ({num(rate, numbers)}%)", t) for _, rate, t in o.tax_amounts()]
    totals = "".join(
        f'<tr><td colspan="2" style="text-align:right">{escape(label)}</td>'
        f'<td style="text-align:right">{cash(v)}</td></tr>'
        for label, v in sums
    )
    info = [
        (words["no"], f"#{o.number}"),
        (words["buyer"], o.buyer),
        (words["ship"], day(o.due, words["date"]) if o.due else ""),
    ]
    info_rows = "".join(
        f"<tr><td style='color:#666'>{escape(a)}</td><td><b>{escape(b)}</b></td></tr>" for a, b in info if b
    )
    return (
        '<html><body style="font-family:Helvetica,Arial,sans-serif;background:#f4f4f4">'
        '<table role="presentation" width="600" align="center" style="background:#fff"><tr><td style="padding:24px">'
        f'<h1 style="font-size:22px">{escape(words["title"])}</h1>'
        f"<p>{escape(words['intro'].format(buyer=o.buyer, no='#' + o.number, date=day(o.ordered, words['date'])))}</p>"
        f'<table role="presentation">{info_rows}</table>'
        f'<table role="presentation" width="100%" style="margin-top:16px">{rows}{totals}'
        f'<tr><td colspan="2" style="text-align:right;font-size:18px"><b>{words["total"]} {o.currency}</b></td>'
        f'<td style="text-align:right;font-size:18px"><b>{cash(o.gross)}</b></td></tr></table>'
        f'<p><a href="https://seller.tradehub.example/orders/{o.number}" style="background:#ff6a00;color:#fff;'
        f'padding:10px 18px;text-decoration:none">{escape(words["cta"])}</a></p>'
        "</td></tr></table></body></html>"
    )


def shop_text(o: Order, wl: str, numbers: str, sign: str) -> str:
    words = SHOP[wl]
    lines = [
        words["title"],
        "",
        words["intro"].format(buyer=o.buyer, no="#" + o.number, date=day(o.ordered, words["date"])),
        "",
    ]
    for ln in o.lines:
        lines.append(
            f"{ln.text} (SKU {ln.code}) - {num(ln.qty, numbers, 0)} x {sign}{num(ln.price, numbers)} = "
            f"{sign}{num(ln.amount, numbers)}"
        )
    lines += ["", f"{words['total']} {o.currency}: {sign}{num(o.gross, numbers)}"]
    return "\n".join(lines)


def marketplace(m: Maker) -> None:
    for k, (loc, wl, numbers, sign, tax) in enumerate(
        (
            ("en-US", "en", "en", "$", None),
            ("en-GB", "en", "en", "£", "20"),
            ("de", "de", "eu", "€", "19"),
            ("es-MX", "es", "en", "$", "16"),
        )
    ):
        name = f"{loc.lower()}-marketplace-order-mail"
        o = m.order(name, loc, 2 + (k + 1) % 3, lambda r: f"TH{r.randrange(2611000000, 2611999999)}", k=k)
        o.payment = None
        o.charges = [("freight", money(Decimal(draw(m.seed, name + ":freight").randrange(40, 400)), o.currency))]
        o.taxes = [("tax", Decimal(tax))] if tax else []
        mail(
            m.path(f"eml/{name}.eml"),
            sender=("TradeHub Orders", "no-reply@orders.tradehub.example"),
            subject=f"{SHOP[wl]['title']} #{o.number}",
            key=name,
            sent=sent_on(o.ordered, 3, 21, 0),
            text=shop_text(o, wl, numbers, sign),
            html=shop_html(o, wl, numbers, sign),
        )
        m.add(f"eml/{name}.eml", o.golden(source="body", units=False), o.lang, "marketplace-order-mail")


# --- Scans of a printed form: the PDF rendered by PDFium, then turned a little, speckled, blurred
# and saved as JPEG (as a PDF from a copier, or as a phone photo with a perspective and shading).

SCAN_FORM = {
    "en": dict(
        title="PURCHASE ORDER",
        fields=["Order No.", "Date", "Delivery", "Supplier"],
        head=["Code", "Description", "Qty", "Unit", "Price", "Amount"],
        total="TOTAL",
    ),
    "de": dict(
        title="BESTELLUNG",
        fields=["Bestell-Nr.", "Datum", "Liefertermin", "Lieferant"],
        head=["Art.-Nr.", "Bezeichnung", "Menge", "ME", "Preis", "Betrag"],
        total="GESAMT",
    ),
    "es": dict(
        title="ORDEN DE COMPRA",
        fields=["Nº de orden", "Fecha", "Entrega", "Proveedor"],
        head=["Código", "Descripción", "Cant.", "Ud.", "Precio", "Importe"],
        total="TOTAL",
    ),
    "zh-Hans": dict(
        title="采购订单",
        fields=["订单编号", "日期", "交货日期", "供应商"],
        head=["物料编码", "品名", "数量", "单位", "单价", "金额"],
        total="合计",
    ),
}


def printed_form_pdf(path: Path, o: Order, wl: str, numbers: str, dates: str) -> None:
    words = SCAN_FORM[wl]
    p = Page(path, o.lang, serif=True)
    W = p.width
    p.text(50, 60, o.buyer, 14, bold=True)
    p.text(50, 75, o.address, 9)
    p.text(W - 50, 60, words["title"], 16, bold=True, align="right")
    values = [o.number, day(o.ordered, dates), day(o.due, dates) if o.due else "", SUPPLIER]
    y = 100
    for label, value in zip(words["fields"], values):
        p.box(50, y, 110, 20)
        p.box(160, y, W - 210, 20)
        p.text(55, y + 14, label, 10)
        p.text(165, y + 14, value, 10)
        y += 20
    rows = [words["head"]] + [
        [ln.code, ln.text, num(ln.qty, numbers, 0), ln.unit, num(ln.price, numbers), num(ln.amount, numbers)]
        for ln in o.lines
    ]
    y = p.grid(50, y + 20, [80, 190, 50, 35, 60, W - 100 - 415], rows, size=10, right_from=2, head_fill=None)
    p.text(W - 120, y + 18, f"{words['total']} {o.currency}", 11, bold=True, align="right")
    p.text(W - 52, y + 18, num(o.gross, numbers), 11, bold=True, align="right")
    p.text(50, y + 60, o.person, 10)
    p.save()


def scan_image(pdf: Path, dpi: int, r: random.Random, *, photo: bool) -> Any:
    """The first page of ``pdf`` as a copier or a phone would capture it (a Pillow image)."""
    import pypdfium2
    from PIL import Image, ImageChops, ImageFilter

    doc = pypdfium2.PdfDocument(str(pdf))
    img = doc[0].render(scale=dpi / 72).to_pil().convert("L")
    doc.close()
    img = img.rotate(r.uniform(-1.6, 1.6), resample=Image.BICUBIC, fillcolor=255 if not photo else 90, expand=False)
    w, h = img.size
    if photo:  # a sheet on a desk: the corners pulled in, light falling off to one side
        d = [
            int(v * w)
            for v in (r.uniform(0.01, 0.04), r.uniform(0.0, 0.03), r.uniform(0.0, 0.03), r.uniform(0.01, 0.04))
        ]
        img = img.transform(
            (w, h),
            Image.QUAD,
            (-d[0], -d[1], d[2], h + d[1], w + d[3], h + d[2], w - d[0], -d[3]),
            resample=Image.BICUBIC,
            fillcolor=90,
        )
        shade = Image.linear_gradient("L").rotate(90 if r.random() < 0.5 else -90).resize((w, h))
        shade = shade.point(lambda v: 150 + v * 105 // 255)
        img = ImageChops.multiply(img, shade)
    px = img.load()
    for _ in range(w * h // 700):  # dust and toner specks
        x, y = r.randrange(w), r.randrange(h)
        px[x, y] = r.choice((0, 40, 255))
    return img.filter(ImageFilter.GaussianBlur(0.6))


def rendered_scans(m: Maker) -> None:
    for k, (loc, wl, numbers, dates, photo) in enumerate(
        (
            ("en-GB", "en", "en", "dmy", False),
            ("de", "de", "eu", "dot", False),
            ("es", "es", "eu", "dmy", True),
            ("zh-Hans", "zh-Hans", "en", "iso", True),
        )
    ):
        name = f"{loc.lower()}-rendered-scan"
        unit = {"en": "pcs", "de": "Stk", "es": "ud", "zh-Hans": "个"}[wl]
        o = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(10000, 99999)}", unit=unit, k=k)
        o.payment = None
        src = m.work / f"{name}-print.pdf"
        printed_form_pdf(src, o, wl, numbers, dates)
        r = draw(m.seed, name + ":scan")
        img = scan_image(src, 150 if photo else (200, 300)[k % 2] if not photo else 150, r, photo=photo)
        if not photo:
            stamp = STAMP.timetuple()
            img.save(
                str(m.path(f"pdf/{name}.pdf")),
                "PDF",
                resolution=float((200, 300)[k % 2]),
                quality=70,
                title="Scan",
                creationDate=stamp,
                modDate=stamp,
            )
            m.add(f"pdf/{name}.pdf", o.golden(review=True), o.lang, "rendered-scan")
            continue
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=72)
        photo_name = f"IMG_{r.randrange(1000, 9999)}.jpg"
        note = {"es": "Adjunto foto de la orden firmada.", "zh-Hans": "订单照片见附件，请安排。"}[wl]
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject={"es": "orden", "zh-Hans": "订单"}[wl],
            key=name,
            sent=sent_on(o.ordered, 11, 3),
            text=note + "\n\n" + o.person,
            attach=[(photo_name, buf.getvalue(), "image/jpeg")],
        )
        m.add(f"eml/{name}.eml", {**o.golden(review=True), "source": photo_name}, o.lang, "rendered-scan")


# --- A procurement portal's order PDF (Ariba/Coupa style): the amount and version at the top, the
# quantity with its unit in parentheses, money with the currency code after it, a ship-to line
# under every item.

PORTAL = {
    "en": dict(
        title="Purchase Order",
        status="(New)",
        fields=["Order ID", "Version", "Amount", "Order Date"],
        frm="From:",
        to="To:",
        pay="Payment Terms:",
        ship="Ship All Items To:",
        head=["Line #", "Part # / Description", "Type", "Qty (Unit)", "Need By", "Unit Price", "Subtotal"],
        kind="Material",
        shipline="Ship To: {a}",
        sub="Sub-total:",
        total="Est. Grand Total:",
        foot="Please acknowledge this order through the supplier portal.",
        dates="d_mon_y",
    ),
    "de": dict(
        title="Bestellung",
        status="(Neu)",
        fields=["Bestell-ID", "Version", "Betrag", "Bestelldatum"],
        frm="Von:",
        to="An:",
        pay="Zahlungsbedingungen:",
        ship="Alle Artikel liefern an:",
        head=[
            "Pos.",
            "Teilenr. / Beschreibung",
            "Typ",
            "Menge (Einheit)",
            "Benötigt bis",
            "Stückpreis",
            "Zwischensumme",
        ],
        kind="Material",
        shipline="Lieferadresse: {a}",
        sub="Zwischensumme:",
        total="Geschätzte Gesamtsumme:",
        foot="Bitte bestätigen Sie diese Bestellung im Lieferantenportal.",
        dates="dot",
    ),
    "fr": dict(
        title="Commande",
        status="(Nouvelle)",
        fields=["ID de commande", "Version", "Montant", "Date de commande"],
        frm="De :",
        to="À :",
        pay="Conditions de paiement :",
        ship="Livrer tous les articles à :",
        head=["Ligne", "Réf. / Description", "Type", "Qté (Unité)", "Requis le", "Prix unitaire", "Sous-total"],
        kind="Matériel",
        shipline="Livrer à : {a}",
        sub="Sous-total :",
        total="Total général estimé :",
        foot="Veuillez confirmer cette commande sur le portail fournisseur.",
        dates="dmy",
    ),
    "ja": dict(
        title="注文書",
        status="(新規)",
        fields=["注文ID", "バージョン", "金額", "注文日"],
        frm="発注元：",
        to="宛先：",
        pay="支払条件：",
        ship="納入先：",
        head=["明細", "品番 / 品名", "タイプ", "数量 (単位)", "必要日", "単価", "小計"],
        kind="資材",
        shipline="納入先：{a}",
        sub="小計：",
        total="見積総額：",
        foot="サプライヤーポータルにて本注文を確認してください。",
        dates="iso",
    ),
}


def portal_pdf(path: Path, o: Order, wl: str, numbers: str) -> None:
    words = PORTAL[wl]
    p = Page(path, o.lang)
    W = p.width

    def cash(v: Decimal) -> str:
        return f"{num(v, numbers)} {o.currency}"

    p.text(40, 50, o.buyer, 13, bold=True)
    p.text(W - 40, 50, f"{words['title']} {words['status']}", 15, bold=True, align="right")
    values = [o.number, "1", cash(o.gross), day(o.ordered, words["dates"])]
    for k, (label, value) in enumerate(zip(words["fields"], values)):
        p.text(W - 200, 70 + 12 * k, label, 8, bold=True)
        p.text(W - 40, 70 + 12 * k, value, 8, align="right")
    p.text(40, 75, words["frm"], 8, bold=True)
    for k, t in enumerate([o.buyer, o.address, f"{o.person} <{o.mail}>"]):
        p.text(40, 87 + 10 * k, t, 8)
    p.text(40, 130, words["to"], 8, bold=True)
    for k, t in enumerate([SUPPLIER, SUPPLIER_ADDR]):
        p.text(40, 142 + 10 * k, t, 8)
    y = 175
    if o.payment:
        p.text(40, y, f"{words['pay']} {o.payment}", 8)
        y += 12
    p.text(40, y, f"{words['ship']} {o.address}", 8)
    y += 16
    widths = [34, 170, 44, 62, 62, 70, 0]
    widths[-1] = W - 80 - sum(widths)
    y = p.grid(40, y, widths, [words["head"]], size=7.2, head_fill=(0.8, 0.86, 0.93))
    for k, ln in enumerate(o.lines, 1):
        row = [
            str(k),
            f"{ln.code}\n{ln.text}",
            words["kind"],
            f"{num(ln.qty, numbers, 0)} ({ln.unit})",
            day(ln.due or o.due or o.ordered, words["dates"]),
            cash(ln.price),
            cash(ln.amount),
        ]
        y = p.grid(
            40, y, widths, [["", "", "", "", "", "", ""], row][1:], size=7.5, right_from=3, ruled=False, head_fill=None
        )
        p.text(40 + widths[0] + 3, y + 2, words["shipline"].format(a=o.address), 6.5)
        y += 10
        p.line(40, y, W - 40, y, 0.3)
    p.text(W - 140, y + 16, words["sub"], 8.5, align="right")
    p.text(W - 40, y + 16, cash(o.net), 8.5, align="right")
    p.text(W - 140, y + 30, words["total"], 9, bold=True, align="right")
    p.text(W - 40, y + 30, cash(o.gross), 9, bold=True, align="right")
    p.text(40, y + 60, words["foot"], 7.5)
    p.save()


def portal_pdfs(m: Maker) -> None:
    for k, (loc, wl, numbers, unit) in enumerate(
        (("en-US", "en", "en", "EA"), ("de", "de", "eu", "ST"), ("fr", "fr", "space", "U"), ("ja", "ja", "en", "PC"))
    ):
        name = f"{loc.lower()}-portal-pdf-qty-unit"
        o = m.order(name, loc, 2 + (k + 2) % 3, lambda r: f"PO{r.randrange(1000000, 9999999)}", unit=unit, k=k + 1)
        for ln in o.lines:
            ln.due = o.due
        portal_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers)
        m.add(f"pdf/{name}.pdf", o.golden(), o.lang, "portal-pdf-qty-unit")


# --- A procurement network's notification mail with the whole order in it: two rows per item (the
# part, quantity and need-by date; then the description with price and subtotal), a button.

NOTIFY = {
    "en": dict(
        subject="Purchase Order {no} from {buyer}",
        intro="{buyer} sent you a new purchase order.",
        fields=["Order Number", "Order Date", "Order Total", "Payment Terms"],
        line="Line",
        part="Part #",
        qty="Qty",
        need="Need By",
        price="Unit Price",
        sub="Subtotal",
        button="Process order",
        dates="d_mon_y",
    ),
    "de": dict(
        subject="Bestellung {no} von {buyer}",
        intro="{buyer} hat Ihnen eine neue Bestellung gesendet.",
        fields=["Bestellnummer", "Bestelldatum", "Bestellsumme", "Zahlungsbedingungen"],
        line="Pos.",
        part="Teilenr.",
        qty="Menge",
        need="Benötigt bis",
        price="Stückpreis",
        sub="Zwischensumme",
        button="Bestellung bearbeiten",
        dates="dot",
    ),
    "nl": dict(
        subject="Inkooporder {no} van {buyer}",
        intro="{buyer} heeft u een nieuwe inkooporder gestuurd.",
        fields=["Ordernummer", "Orderdatum", "Ordertotaal", "Betalingsvoorwaarden"],
        line="Regel",
        part="Onderdeelnr.",
        qty="Aantal",
        need="Nodig op",
        price="Stukprijs",
        sub="Subtotaal",
        button="Order verwerken",
        dates="dmy_dash",
    ),
    "ja": dict(
        subject="{buyer}からの注文書 {no}",
        intro="{buyer}から新しい注文書が届きました。",
        fields=["注文番号", "注文日", "注文合計", "支払条件"],
        line="明細",
        part="品番",
        qty="数量",
        need="必要日",
        price="単価",
        sub="小計",
        button="注文を処理",
        dates="cjk",
    ),
}


def notify_html(o: Order, wl: str, numbers: str) -> str:
    words = NOTIFY[wl]

    def cash(v: Decimal) -> str:
        return f"{num(v, numbers)} {o.currency}"

    head = [o.number, day(o.ordered, words["dates"]), cash(o.gross), o.payment or ""]
    info = "".join(
        f"<tr><td style='color:#555;padding-right:16px'>{escape(a)}</td><td>{escape(b)}</td></tr>"
        for a, b in zip(words["fields"], head)
        if b
    )
    items = ""
    for k, ln in enumerate(o.lines, 1):
        items += (
            f"<tr style='background:#f2f6fa'><td>{words['line']} {k}</td><td>{words['part']} {escape(ln.code)}</td>"
            f"<td>{words['qty']} {num(ln.qty, numbers, 0)} {escape(ln.unit)}</td>"
            f"<td>{words['need']} {day(ln.due or o.due or o.ordered, words['dates'])}</td></tr>"
            f"<tr><td></td><td colspan='2'>{escape(ln.text)}</td>"
            f"<td>{words['price']} {cash(ln.price)}<br>{words['sub']} {cash(ln.amount)}</td></tr>"
        )
    return (
        "<html><body style='font-family:Arial,sans-serif;font-size:13px'>"
        f"<p>{escape(words['intro'].format(buyer=o.buyer))}</p><table>{info}</table><br>"
        f"<table cellpadding='6' style='border-collapse:collapse;width:100%'>{items}</table><br>"
        f"<p><a href='https://supplier.supplybridge.example/po/{o.number}' style='background:#0a6ed1;color:#fff;"
        f"padding:10px 20px;text-decoration:none'>{escape(words['button'])}</a></p>"
        f"<p style='color:#888;font-size:11px'>{escape(o.buyer)} · {escape(o.address)}</p></body></html>"
    )


def notifications(m: Maker) -> None:
    for k, (loc, wl, numbers, unit) in enumerate(
        (
            ("en-GB", "en", "en", "each"),
            ("de", "de", "eu", "Stück"),
            ("nl", "nl", "eu", "stuks"),
            ("ja", "ja", "en", "個"),
        )
    ):
        name = f"{loc.lower()}-portal-notification-mail"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"{r.randrange(4300000000, 4399999999)}",
            unit=unit,
            line_dates=k % 2 == 0,
            k=k + 1,
        )
        for ln in o.lines:
            ln.due = ln.due or o.due
        words = NOTIFY[wl]
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(f"{o.buyer} via SupplyBridge", "ordersender@supplybridge.example"),
            subject=words["subject"].format(no=o.number, buyer=o.buyer),
            key=name,
            sent=sent_on(o.ordered, 8, 2, 0),
            html=notify_html(o, wl, numbers),
        )
        m.add(f"eml/{name}.eml", o.golden(source="body"), o.lang, "portal-notification-mail")


# --- Mid-market ERP prints (NetSuite, Business Central, Sage 50, Dynamics NAV), each with its own
# column names, laid out by fpdf2's HTML renderer.

ERP_PRINT = {
    "netsuite": dict(
        title="Purchase Order",
        no="PO #",
        date="Date",
        extra=[("Vendor #", "V{v}"), ("Currency", "US Dollar"), ("Memo", "Q4 replenishment")],
        cols=["Item", "Options", "Quantity", "Units", "Description", "Rate", "Amount"],
        net=None,
        total="Total",
        dates="mdy",
        numbers="en",
        due="Expected Receipt",
    ),
    "bc": dict(
        title="Purchase - Order",
        no="Order No.",
        date="Document Date",
        extra=[("Purchaser", "{person}"), ("Vendor No.", "V{v}")],
        cols=[
            "No.",
            "Description",
            "Quantity",
            "Unit of Measure",
            "Direct Unit Cost Excl. VAT",
            "Discount %",
            "Line Amount Excl. VAT",
        ],
        net="Total {cur} Excl. VAT",
        vat="{rate}% VAT",
        total="Total {cur} Incl. VAT",
        dates="dmy",
        numbers="en",
        due="Expected Receipt Date",
    ),
    "sage": dict(
        title="PURCHASE ORDER",
        no="Order Number",
        date="Order Date",
        extra=[("A/C Ref", "EXAM{v}")],
        cols=["Product Code", "Description", "Quantity", "Price", "Net", "VAT"],
        net="Total Net Amount",
        vat="Total VAT Amount",
        carriage="Carriage",
        total="TOTAL {cur}",
        dates="dmy",
        numbers="en",
        due="Delivery Date",
    ),
    "nav": dict(
        title="Inkooporder",
        no="Ordernr.",
        date="Documentdatum",
        extra=[("Inkoper", "{person}")],
        cols=["Nr.", "Omschrijving", "Aantal", "Eenheid", "Directe kostprijs excl. btw", "Regelbedrag excl. btw"],
        net="Totaal {cur} excl. btw",
        vat="{rate}% btw",
        total="Totaal {cur} incl. btw",
        dates="dmy_dash",
        numbers="eu",
        due="Verwachte ontvangstdatum",
    ),
}


def erp_print_pdf(path: Path, o: Order, kind: str) -> None:
    words = ERP_PRINT[kind]
    numbers, dates = words["numbers"], words["dates"]
    pdf = fpdf_doc()
    pdf.add_page()
    pdf.set_font("dv", "", 8.5)
    v = draw(11, o.number).randrange(1000, 9999)
    fields = [(words["no"], o.number), (words["date"], day(o.ordered, dates))]
    fields += [(label, value.format(v=v, person=o.person)) for label, value in words["extra"]]
    if o.due:
        fields.append((words["due"], day(o.due, dates)))
    if o.payment:
        fields.append(("Terms" if kind != "nav" else "Betalingscondities", o.payment))
    head_rows = "".join(f"<tr><td><b>{escape(a)}</b></td><td>{escape(b)}</td></tr>" for a, b in fields)
    lines = ""
    for ln in o.lines:
        cells = {
            "netsuite": [
                ln.code,
                "",
                num(ln.qty, numbers, 0),
                ln.unit,
                ln.text,
                num(ln.price, numbers),
                num(ln.amount, numbers),
            ],
            "bc": [
                ln.code,
                ln.text,
                num(ln.qty, numbers, 0),
                ln.unit,
                num(ln.price, numbers),
                "",
                num(ln.amount, numbers),
            ],
            "sage": [ln.code, ln.text, num(ln.qty, numbers, 0), num(ln.price, numbers), num(ln.amount, numbers), "T1"],
            "nav": [
                ln.code,
                ln.text,
                num(ln.qty, numbers, 0),
                ln.unit,
                num(ln.price, numbers),
                num(ln.amount, numbers),
            ],
        }[kind]
        lines += "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
    width = {
        "netsuite": [14, 10, 10, 8, 32, 12, 14],
        "bc": [13, 33, 9, 10, 14, 8, 13],
        "sage": [16, 42, 10, 12, 12, 8],
        "nav": [13, 37, 9, 10, 16, 15],
    }[kind]
    heads = "".join(f'<th width="{w}%">{escape(c)}</th>' for c, w in zip(words["cols"], width))
    sums: list[tuple[str, Decimal]] = []
    if words.get("net"):
        sums.append((words["net"].format(cur=o.currency), o.net))
    sums += [(words.get("carriage", "Freight"), v_) for _, v_ in o.charges]
    sums += [(words["vat"].format(rate=num(rate, "plain")), t) for _, rate, t in o.tax_amounts()]
    sums.append((words["total"].format(cur=o.currency), o.gross))
    sum_rows = "".join(
        f'<tr><td{" width=70%" if k == 0 else ""} align="right"><b>{escape(a)}</b></td>'
        f'<td{" width=30%" if k == 0 else ""} align="right">{num(b, numbers)}</td></tr>'
        for k, (a, b) in enumerate(sums)
    )
    html = (
        f"<h2>{escape(o.buyer)}</h2><p>{escape(o.address)}</p>"
        f"<h1 align='right'>{escape(words['title'])}</h1>"
        f"<table width='60%'>{head_rows}</table>"
        f"<p><b>Vendor</b><br>{escape(SUPPLIER)}<br>{escape(SUPPLIER_ADDR)}</p>"
        f"<table border='1' width='100%'><thead><tr>{heads}</tr></thead><tbody>{lines}</tbody></table>"
        f"<table width='100%'>{sum_rows}</table>"
    )
    pdf.write_html(html)
    pdf.output(str(path))


def erp_prints(m: Maker) -> None:
    for k, (loc, kind, unit) in enumerate(
        (("en-US", "netsuite", "Each"), ("en-GB", "bc", "PCS"), ("en-GB", "sage", "pcs"), ("nl", "nav", "STUKS"))
    ):
        name = f"{loc.lower()}-erp-print-{kind}"
        o = m.order(name, loc, 2 + (k + 1) % 4, lambda r: f"PO{r.randrange(10000, 99999)}", unit=unit, k=k)
        if kind in ("bc", "sage", "nav"):
            o.taxes = [("VAT", Decimal(20 if loc == "en-GB" else 21))]
        if kind == "sage":
            o.charges = [("Carriage", Decimal("45.00"))]
        erp_print_pdf(m.path(f"pdf/{name}.pdf"), o, kind)
        m.add(f"pdf/{name}.pdf", o.golden(units=kind != "sage"), o.lang, "erp-print-fpdf-html")


# --- Odoo prints: the order and the request for quotation share one layout; the RFQ has no prices
# (it is not an order). Descriptions carry the internal reference in brackets, quantities their unit.

ODOO = {
    "en": dict(
        po="Purchase Order #{no}",
        rfq="Request for Quotation #{no}",
        rep="Purchase Representative",
        date="Order Date",
        deadline="Order Deadline",
        ship="Shipping address",
        head_po=["Description", "Taxes", "Date Req.", "Qty", "Unit Price", "Amount"],
        head_rfq=["Description", "Expected Date", "Qty"],
        net="Untaxed Amount",
        tax="Taxes",
        total="Total",
        unit="Units",
        dates="dmy",
    ),
    "nl": dict(
        po="Inkooporder #{no}",
        rfq="Offerteaanvraag #{no}",
        rep="Inkoopvertegenwoordiger",
        date="Orderdatum",
        deadline="Uiterste besteldatum",
        ship="Afleveradres",
        head_po=["Omschrijving", "Belastingen", "Datum gevraagd", "Hoev.", "Prijs per stuk", "Bedrag"],
        head_rfq=["Omschrijving", "Verwachte datum", "Hoev."],
        net="Bedrag excl. btw",
        tax="Btw",
        total="Totaal",
        unit="Stuks",
        dates="dmy",
    ),
}


def odoo_pdf(path: Path, o: Order, wl: str, numbers: str, rfq: bool) -> None:
    words = ODOO[wl]
    p = Page(path, o.lang)
    W = p.width
    p.text(40, 45, o.buyer, 12, bold=True)
    p.text(40, 58, o.address, 8)
    p.line(40, 66, W - 40, 66, 1.2)
    p.text(40, 85, words["ship"] + ":", 8, bold=True)
    p.text(40, 97, o.buyer, 8)
    p.text(40, 107, o.address, 8)
    p.text(340, 85, SUPPLIER, 8.5)
    for k, t in enumerate(SUPPLIER_ADDR.split(", ", 2)):
        p.text(340, 97 + 10 * k, t, 8)
    p.text(40, 150, (words["rfq"] if rfq else words["po"]).format(no=o.number), 16, bold=True)
    p.text(40, 172, words["rep"], 8, bold=True)
    p.text(40, 183, o.person, 8)
    p.text(220, 172, words["deadline"] if rfq else words["date"], 8, bold=True)
    p.text(220, 183, day(o.ordered, words["dates"]) + " 10:00:00", 8)
    rate = o.taxes[0][1] if o.taxes else Decimal(0)
    if rfq:
        rows = [words["head_rfq"]] + [
            [
                f"[{ln.code}] {ln.text}",
                day(o.due or o.ordered, words["dates"]),
                f"{num(ln.qty, numbers)} {words['unit']}",
            ]
            for ln in o.lines
        ]
        widths = [300, 110, W - 80 - 410]
    else:
        rows = [words["head_po"]] + [
            [
                f"[{ln.code}] {ln.text}",
                f"{num(rate, 'plain')}%",
                day(o.due or o.ordered, words["dates"]),
                f"{num(ln.qty, numbers, 2)} {words['unit']}",
                num(ln.price, numbers),
                f"{num(ln.amount, numbers)} {o.currency}",
            ]
            for ln in o.lines
        ]
        widths = [170, 60, 70, 74, 62, W - 80 - 436]
    y = p.grid(40, 200, widths, rows, size=7.8, right_from=1, head_fill=None, ruled=False)
    p.line(40, y, W - 40, y)
    if not rfq:
        sums = [(words["net"], o.net), (words["tax"], o.tax), (words["total"], o.gross)]
        for k, (label, value) in enumerate(sums):
            p.text(W - 200, y + 16 + 14 * k, label, 8.5, bold=k == 2)
            p.text(W - 40, y + 16 + 14 * k, f"{num(value, numbers)} {o.currency}", 8.5, bold=k == 2, align="right")
    p.text(W / 2, p.height - 30, f"{o.buyer} · {o.mail} · Page 1 / 1", 7, align="center")
    p.save()


def odoo(m: Maker) -> None:
    for k, (loc, wl, numbers, rfq) in enumerate(
        (
            ("en-ZA", "en", "en", False),
            ("nl-BE", "nl", "eu", False),
            ("en-ZA", "en", "en", True),
            ("nl-BE", "nl", "eu", True),
        )
    ):
        name = f"{loc.lower()}-odoo-{'rfq' if rfq else 'po'}-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"P{r.randrange(100, 999):05d}", unit=ODOO[wl]["unit"])
        o.taxes = [("VAT", Decimal(15 if loc == "en-ZA" else 21))]
        o.payment = None
        odoo_pdf(m.path(f"pdf/{name}.pdf"), o, wl, numbers, rfq)
        m.add(f"pdf/{name}.pdf", dict(OTHER) if rfq else o.golden(), o.lang, "odoo-po-or-rfq")


# --- Our own order acknowledgement (a sales order with the customer's PO quoted): printed alone, or
# sent back by the customer, signed, in a reply.

ACK = {
    "en": dict(
        title="SALES ORDER ACKNOWLEDGEMENT",
        so="Our SO No.",
        po="Your PO No.",
        cust="Customer",
        head=["Item", "Description", "Qty", "Unit Price", "Amount", "Confirmed ship date"],
        total="Total",
        sign="Please sign and return within 2 working days.",
        dates="d_mon_y",
        numbers="en",
    ),
    "zh-Hans": dict(
        title="销售订单确认书",
        so="我司订单号",
        po="贵司采购单号",
        cust="客户",
        head=["料号", "品名", "数量", "单价", "金额", "确认交期"],
        total="合计",
        sign="请于两个工作日内签字盖章回传。",
        dates="iso",
        numbers="en",
    ),
    "de": dict(
        title="AUFTRAGSBESTÄTIGUNG",
        so="Unsere Auftrags-Nr.",
        po="Ihre Bestell-Nr.",
        cust="Kunde",
        head=["Artikel", "Bezeichnung", "Menge", "Preis", "Betrag", "Bestätigter Versandtermin"],
        total="Summe",
        sign="Bitte unterschrieben zurücksenden.",
        dates="dot",
        numbers="eu",
    ),
    "es": dict(
        title="CONFIRMACIÓN DE PEDIDO",
        so="Nuestro pedido",
        po="Su orden de compra",
        cust="Cliente",
        head=["Artículo", "Descripción", "Cant.", "Precio", "Importe", "Fecha de embarque"],
        total="Total",
        sign="Rogamos firmen y devuelvan este documento.",
        dates="dmy",
        numbers="eu",
    ),
}


def ack_pdf(path: Path, o: Order, wl: str, so: str, signed: bool) -> None:
    words = ACK[wl]
    pdf = fpdf_doc()
    if o.lang in ("zh-Hans", "ja", "ko", "zh-Hant"):
        pdf.add_font("cjk", fname=CJK_FONT, collection_font_number=0)
        font = "cjk"
    else:
        font = "dv"
    pdf.add_page()
    pdf.set_font(font, "", 13)
    pdf.cell(0, 7, SUPPLIER + (f"  {SUPPLIER_ZH}" if wl == "zh-Hans" else ""), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 8)
    pdf.cell(0, 4, SUPPLIER_ADDR + " · sales@example.com", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(font, "", 15)
    pdf.cell(0, 9, words["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 9)
    for label, value in (
        (words["so"], so),
        (words["po"], o.number),
        (words["cust"], o.buyer),
        ("Date", day(o.ordered + timedelta(days=1), words["dates"])),
    ):
        pdf.cell(45, 5.5, label + ":")
        pdf.cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = [24, 62, 16, 22, 26, 30]
    pdf.set_font(font, "", 8)
    for w, h in zip(widths, words["head"]):
        pdf.cell(w, 6, h, border=1)
    pdf.ln(6)
    ship = later(o.due or o.ordered, 3)
    for ln in o.lines:
        cells = [
            ln.code,
            ln.text,
            num(ln.qty, words["numbers"], 0),
            num(ln.price, words["numbers"]),
            num(ln.amount, words["numbers"]),
            day(ship, words["dates"]),
        ]
        for i, (w, c) in enumerate(zip(widths, cells)):
            pdf.cell(
                w,
                6,
                c if pdf.get_string_width(c) < w - 1 else c[: int(len(c) * (w - 3) / pdf.get_string_width(c))],
                border=1,
                align="R" if i in (2, 3, 4) else "L",
            )
        pdf.ln(6)
    pdf.cell(sum(widths[:4]), 6, f"{words['total']} ({o.currency})", align="R")
    pdf.cell(widths[4], 6, num(o.gross, words["numbers"]), border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.cell(0, 5, words["sign"], new_x="LMARGIN", new_y="NEXT")
    if signed:
        pdf.ln(4)
        pdf.set_text_color(20, 40, 160)
        pdf.cell(
            0, 6, f"{o.person}  {day(o.ordered + timedelta(days=2), words['dates'])}  OK", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_text_color(0, 0, 0)
    pdf.output(str(path))


def acknowledgements(m: Maker) -> None:
    for k, (loc, wl, reply) in enumerate(
        (("en-US", "en", False), ("zh-Hans", "zh-Hans", False), ("de", "de", True), ("es", "es", True))
    ):
        name = f"{loc.lower()}-our-acknowledgement"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(4500000000, 4599999999)}", k=k)
        so = f"SO-2026-{draw(m.seed, name + ':so').randrange(1000, 9999)}"
        if not reply:
            ack_pdf(m.path(f"pdf/{name}.pdf"), o, wl, so, signed=False)
            m.add(f"pdf/{name}.pdf", dict(OTHER), o.lang, "our-acknowledgement")
            continue
        pdf = m.work / f"{name}.pdf"
        ack_pdf(pdf, o, wl, so, signed=True)
        text = {
            "de": f"Hallo,\n\nanbei die unterschriebene Auftragsbestätigung {so} zurück.\n\nGruß\n{o.person}\n{o.buyer}",
            "es": f"Hola:\n\nadjunto la confirmación {so} firmada.\n\nSaludos,\n{o.person}\n{o.buyer}",
        }[wl]
        prefix = {"de": "AW", "es": "RE"}[wl]
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.person, o.mail),
            subject=f"{prefix}: {ACK[wl]['title'].title()} {so}",
            key=name,
            sent=sent_on(o.ordered + timedelta(days=2), 14, 30),
            text=text,
            attach=[(f"{so}_signed.pdf", pdf.read_bytes(), "application/pdf")],
            headers={"In-Reply-To": f"<{so}@example.com>"},
        )
        m.add(f"eml/{name}.eml", dict(OTHER), o.lang, "our-acknowledgement")


# --- Forecasts and call-off previews: quantities per week, no prices, "not a purchase order" (a
# workbook, or a PDF; the Japanese 内示書 is the forecast that precedes the 注文書).

FORECAST = {
    "en": dict(
        title="12-WEEK DELIVERY FORECAST",
        note="This forecast is for planning purposes only and does not "
        "constitute a purchase order. Firm orders will follow as separate POs.",
        part="Part number",
        text="Description",
        week="CW {w:02d}/{y}",
        firm="Status",
        issued="Issued",
        ref="Forecast ref.",
    ),
    "de": dict(
        title="LIEFERABRUF-VORSCHAU (PROGNOSE)",
        note="Unverbindliche Vorschau zur Kapazitätsplanung. Keine "
        "Bestellung – verbindlich sind nur gesondert erteilte Bestellungen.",
        part="Sachnummer",
        text="Benennung",
        week="KW {w:02d}/{y}",
        firm="Status",
        issued="Erstellt am",
        ref="Abruf-Nr.",
    ),
    "ja": dict(
        title="内 示 書",
        note="本書は生産計画のための内示であり、注文書ではありません。確定分は別途注文書にて発注いたします。",
        part="品番",
        text="品名",
        week="{y}年第{w}週",
        firm="区分",
        issued="発行日",
        ref="内示番号",
    ),
}


def forecast_rows(o: Order, seed: int, weeks: int) -> tuple[list[str], list[list[str]]]:
    start = o.ordered + timedelta(days=7)
    labels = []
    for k in range(weeks):
        iso = (start + timedelta(days=7 * k)).isocalendar()
        labels.append((iso.week, iso.year))
    r = draw(seed, o.number + ":forecast")
    rows = [
        [ln.code, ln.text] + [str(int(ln.qty) // 4 * r.choice((0, 1, 1, 2))) for _ in range(weeks)] for ln in o.lines
    ]
    return [f"{w}|{y}" for w, y in labels], rows


def forecast_xlsx(path: Path, o: Order, wl: str, seed: int) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    words = FORECAST[wl]
    labels, rows = forecast_rows(o, seed, 12)
    wb = Workbook()
    ws = wb.active
    ws.title = "Forecast"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = words["title"]
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = f"{words['ref']}: FC-{o.number}"
    ws["A4"] = f"{words['issued']}: {day(o.ordered, 'dot' if wl == 'de' else 'dmy')}"
    ws["A5"] = words["note"]
    ws["A5"].font = Font(italic=True, color="C00000")
    head = [words["part"], words["text"]] + [
        words["week"].format(w=int(x.split("|")[0]), y=x.split("|")[1]) for x in labels
    ]
    for c, h in enumerate(head, 1):
        ws.cell(7, c, h).font = Font(bold=True)
    status = ["Firm", "Firm"] + ["Forecast"] * 10 if wl == "en" else ["fest", "fest"] + ["Prognose"] * 10
    ws.cell(8, 1, words["firm"])
    for c, v in enumerate(status, 3):
        ws.cell(8, c, v).fill = PatternFill("solid", fgColor="DDEBF7" if c < 5 else "FFFFFF")
    for k, row in enumerate(rows):
        for c, v in enumerate(row, 1):
            ws.cell(9 + k, c, int(v) if c > 2 else v)
    xlsx_save(wb, path, o.person)


def forecast_pdf(path: Path, o: Order, wl: str, seed: int) -> None:
    words = FORECAST[wl]
    labels, rows = forecast_rows(o, seed, 8)
    p = Page(path, o.lang, landscape=True)
    W = p.width
    p.text(40, 45, o.buyer, 12, bold=True)
    p.text(W / 2, 70, words["title"], 15, bold=True, align="center")
    p.text(W - 40, 45, f"{words['ref']}: FC-{o.number}", 9, align="right")
    p.text(W - 40, 58, f"{words['issued']}: {day(o.ordered, 'cjk' if wl == 'ja' else 'd_mon_y')}", 9, align="right")
    p.text(40, 90, f"{SUPPLIER}{' 御中' if wl == 'ja' else ''}", 10)
    head = [words["part"], words["text"]] + [
        words["week"].format(w=int(x.split("|")[0]), y=x.split("|")[1]) for x in labels
    ]
    widths = [80, 170] + [(W - 80 - 250) / 8] * 8
    y = p.grid(40, 110, widths, [head] + rows, size=7.5, right_from=2)
    for k, t in enumerate(p.wrap(words["note"], W - 80, 8.5)):
        p.text(40, y + 20 + 11 * k, t, 8.5)
    p.save()


def forecasts(m: Maker) -> None:
    for k, (loc, wl, as_pdf) in enumerate(
        (("en-US", "en", False), ("de", "de", False), ("en-GB", "en", True), ("ja", "ja", True))
    ):
        name = f"{loc.lower()}-forecast-schedule"
        o = m.order(name, loc, 3 + k % 3, lambda r: f"{r.randrange(100000, 999999)}", k=k)
        if as_pdf:
            forecast_pdf(m.path(f"pdf/{name}.pdf"), o, wl, m.seed)
            m.add(f"pdf/{name}.pdf", dict(OTHER), o.lang, "forecast-schedule")
        else:
            forecast_xlsx(m.path(f"xlsx/{name}.xlsx"), o, wl, m.seed)
            m.add(f"xlsx/{name}.xlsx", dict(OTHER), o.lang, "forecast-schedule")


# --- A remittance advice from the buyer's accounts payable: a fixed-width text table of the invoices
# paid, each with the PO it belongs to and an amount.

REMIT = {
    "en": dict(
        subject="Remittance advice {ref}",
        title="REMITTANCE ADVICE",
        paid="Payment date",
        ref="Payment ref",
        amount="Amount paid",
        to="Paid to",
        cols=("Invoice No", "Invoice Date", "Your PO", "Gross", "Discount", "Paid"),
        total="TOTAL",
        bye="This is an automated message from Accounts Payable.",
        dates="mdy",
        numbers="en",
    ),
    "de": dict(
        subject="Zahlungsavis {ref}",
        title="ZAHLUNGSAVIS",
        paid="Zahlungsdatum",
        ref="Zahlungsreferenz",
        amount="Zahlbetrag",
        to="Empfänger",
        cols=("Rechnungs-Nr.", "Rg.-Datum", "Bestell-Nr.", "Brutto", "Skonto", "Bezahlt"),
        total="SUMME",
        bye="Diese Nachricht wurde automatisch von der Kreditorenbuchhaltung erstellt.",
        dates="dot",
        numbers="eu",
    ),
    "fr": dict(
        subject="Avis de paiement {ref}",
        title="AVIS DE PAIEMENT",
        paid="Date de paiement",
        ref="Référence",
        amount="Montant réglé",
        to="Bénéficiaire",
        cols=("N° facture", "Date facture", "Commande", "Montant TTC", "Escompte", "Réglé"),
        total="TOTAL",
        bye="Message automatique du service comptabilité fournisseurs.",
        dates="dmy",
        numbers="space",
    ),
    "nl": dict(
        subject="Betalingsadvies {ref}",
        title="BETALINGSADVIES",
        paid="Betaaldatum",
        ref="Betalingskenmerk",
        amount="Betaald bedrag",
        to="Begunstigde",
        cols=("Factuurnr.", "Factuurdatum", "Ordernr.", "Bruto", "Korting", "Betaald"),
        total="TOTAAL",
        bye="Dit bericht is automatisch verstuurd door de crediteurenadministratie.",
        dates="dmy_dash",
        numbers="eu",
    ),
}


def remittance_text(o: Order, wl: str, seed: int) -> tuple[str, str]:
    words = REMIT[wl]
    r = draw(seed, o.number + ":remit")
    ref = f"PAY{r.randrange(100000, 999999)}"
    rows = []
    for k in range(2 + r.randrange(3)):
        gross = money(Decimal(r.randrange(80000, 2500000)) / 100, o.currency)
        disc = money(gross * Decimal("0.02"), o.currency) if r.random() < 0.4 else Decimal("0.00")
        inv_date = o.ordered - timedelta(days=30 + 9 * k)
        po = o.number if k == 0 else f"{int(re.sub(r'[^0-9]', '', o.number) or 0) - 17 * k}"
        rows.append((f"INV-26-{r.randrange(1000, 9999)}", day(inv_date, words["dates"]), po, gross, disc, gross - disc))
    total = sum((row[5] for row in rows), Decimal(0))
    n = words["numbers"]
    lines = [
        words["title"],
        "",
        f"{words['paid']}: {day(o.ordered, words['dates'])}",
        f"{words['ref']}: {ref}",
        f"{words['amount']}: {num(total, n)} {o.currency}",
        f"{words['to']}: {SUPPLIER}",
        "",
        "{:<15}{:<14}{:<14}{:>13}{:>11}{:>13}".format(*words["cols"]),
        "-" * 80,
    ]
    for row in rows:
        lines.append(
            f"{row[0]:<15}{row[1]:<14}{row[2]:<14}{num(row[3], n):>13}{num(row[4], n):>11}{num(row[5], n):>13}"
        )
    lines += [
        "-" * 80,
        f"{words['total']:<43}{num(sum((x[3] for x in rows), Decimal(0)), n):>13}"
        f"{num(sum((x[4] for x in rows), Decimal(0)), n):>11}{num(total, n):>13}",
        "",
        o.buyer,
        words["bye"],
    ]
    return ref, "\n".join(lines)


def remittances(m: Maker) -> None:
    for k, (loc, wl) in enumerate((("en-US", "en"), ("de", "de"), ("fr", "fr"), ("nl", "nl"))):
        name = f"{loc.lower()}-remittance-advice-mail"
        o = m.order(name, loc, 1, lambda r: f"{r.randrange(4500000, 4599999)}", k=k)
        ref, text = remittance_text(o, wl, m.seed)
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(f"{o.buyer} Accounts Payable", f"ap@{o.mail.split('@')[1]}"),
            subject=REMIT[wl]["subject"].format(ref=ref),
            key=name,
            sent=sent_on(o.ordered, 6, 0),
            text=text,
        )
        # the buyer's accounts payable tells us (the payee) what it paid: a payment advice, which
        # mailflow reads as one (a proposed payment), not a mail of no kind
        m.add(f"eml/{name}.eml", {"kind": "payment_advice", "order": None}, o.lang, "remittance-advice-mail")


# --- A Latin American "orden de compra": subtotal, IVA and total, and the amount again in words
# ("Importe con letra: UN MIL ... PESOS 45/100 M.N."), as Mexican and Chilean systems print it.

ES_UNITS = (
    "",
    "UN",
    "DOS",
    "TRES",
    "CUATRO",
    "CINCO",
    "SEIS",
    "SIETE",
    "OCHO",
    "NUEVE",
    "DIEZ",
    "ONCE",
    "DOCE",
    "TRECE",
    "CATORCE",
    "QUINCE",
    "DIECISÉIS",
    "DIECISIETE",
    "DIECIOCHO",
    "DIECINUEVE",
    "VEINTE",
    "VEINTIÚN",
    "VEINTIDÓS",
    "VEINTITRÉS",
    "VEINTICUATRO",
    "VEINTICINCO",
    "VEINTISÉIS",
    "VEINTISIETE",
    "VEINTIOCHO",
    "VEINTINUEVE",
)
ES_TENS = ("", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA")
ES_HUNDREDS = (
    "",
    "CIENTO",
    "DOSCIENTOS",
    "TRESCIENTOS",
    "CUATROCIENTOS",
    "QUINIENTOS",
    "SEISCIENTOS",
    "SETECIENTOS",
    "OCHOCIENTOS",
    "NOVECIENTOS",
)


def es_words(n: int) -> str:
    """A whole amount in Spanish words, as cheques and Mexican invoices print it (``1200`` → MIL DOSCIENTOS)."""

    def below_thousand(v: int) -> str:
        if v == 100:
            return "CIEN"
        hundreds, rest = divmod(v, 100)
        words = [ES_HUNDREDS[hundreds]] if hundreds else []
        if rest < 30:
            words += [ES_UNITS[rest]] if rest else []
        else:
            tens, unit = divmod(rest, 10)
            words += [ES_TENS[tens]] + (["Y", ES_UNITS[unit]] if unit else [])
        return " ".join(words)

    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else f"{below_thousand(millions)} MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else f"{below_thousand(thousands)} MIL")
    if units:
        parts.append(below_thousand(units))
    return " ".join(parts)


LETRA = {
    "MXN": ("PESOS", "/100 M.N.", "16"),
    "USD": ("DÓLARES AMERICANOS", "/100 USD", "16"),
    "CLP": ("PESOS CHILENOS", None, "19"),
}


def letra_pdf(path: Path, o: Order, numbers: str) -> None:
    pdf = fpdf_doc()
    pdf.add_page()
    name, cents_word, _ = LETRA[o.currency]
    ((_, rate, tax),) = o.tax_amounts()
    pdf.set_font("dv", "B", 13)
    pdf.cell(120, 7, o.buyer)
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 7, "ORDEN DE COMPRA", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    rfc = "RFC " if o.currency != "CLP" else "RUT "
    pdf.cell(120, 4.5, o.address)
    pdf.cell(0, 4.5, f"Folio: {o.number}", align="R", new_x="LMARGIN", new_y="NEXT")
    r = draw(12, o.number)
    pdf.cell(
        120,
        4.5,
        rfc
        + (
            f"PTB{r.randrange(100000, 999999)}K{r.randrange(10, 99)}"
            if o.currency != "CLP"
            else f"{r.randrange(76, 77)}.{r.randrange(100, 999)}.{r.randrange(100, 999)}-{r.randrange(1, 9)}"
        ),
    )
    pdf.cell(0, 4.5, f"Fecha de emisión: {day(o.ordered, 'dmy')}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_fill_color(230, 230, 230)
    pdf.set_font("dv", "B", 8)
    pdf.cell(90, 5, "PROVEEDOR", fill=True)
    pdf.cell(0, 5, "CONDICIONES", fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    conditions = [
        f"Moneda: {o.currency}",
        f"Fecha de entrega: {day(o.due, 'dmy')}" if o.due else "",
        f"Condiciones de pago: {o.payment}" if o.payment else "",
        f"Incoterm: {o.incoterms}" if o.incoterms else "",
    ]
    left = [SUPPLIER, *SUPPLIER_ADDR.split(", ", 2)]
    for a, b in zip(left, [c for c in conditions if c] + [""] * 4):
        pdf.cell(90, 4.5, a)
        pdf.cell(0, 4.5, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = [12, 26, 66, 18, 14, 22, 24]
    heads = ["Part.", "Clave", "Descripción", "Cantidad", "Unidad", "P. Unitario", "Importe"]
    pdf.set_font("dv", "B", 7.5)
    for w, h in zip(widths, heads):
        pdf.cell(w, 6, h, border=1, fill=True, align="C")
    pdf.ln(6)
    pdf.set_font("dv", "", 7.5)
    for k, ln in enumerate(o.lines, 1):
        cells = [
            str(k),
            ln.code,
            ln.text,
            num(ln.qty, numbers, 0),
            ln.unit,
            f"$ {num(ln.price, numbers)}",
            f"$ {num(ln.amount, numbers)}",
        ]
        for i, (w, c) in enumerate(zip(widths, cells)):
            pdf.cell(w, 5.5, c, border="LR", align="R" if i in (3, 5, 6) else "L")
        pdf.ln(5.5)
    pdf.cell(sum(widths), 0.1, "", border="T", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for label, value in (("Subtotal", o.net), (f"IVA {rate}%", tax), ("Total", o.gross)):
        pdf.set_font("dv", "B" if label == "Total" else "", 8.5)
        pdf.cell(sum(widths[:6]), 5.5, label, align="R")
        pdf.cell(widths[6], 5.5, f"$ {num(value, numbers)}", align="R", new_x="LMARGIN", new_y="NEXT")
    whole, cents = divmod(int(o.gross * 100), 100)
    letra = f"({es_words(whole)} {name}" + (f" {cents:02d}{cents_word})" if cents_word else ")")
    pdf.ln(3)
    pdf.set_font("dv", "", 8)
    pdf.multi_cell(0, 4.5, f"Importe con letra: {letra}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    for k, label in enumerate(("Elaboró", "Autorizó", "Recibió proveedor")):
        pdf.set_xy(20 + 62 * k, pdf.get_y())
        pdf.cell(50, 5, label + (f": {o.person}" if k == 0 else ""), border="T", align="C")
    pdf.output(str(path))


def importe_con_letra(m: Maker) -> None:
    for k, (loc, currency, numbers) in enumerate(
        (("es-MX", "MXN", "en"), ("es-MX", "USD", "en"), ("es-CL", "CLP", "eu"), ("es-MX", "MXN", "en"))
    ):
        name = f"{loc.lower()}-importe-con-letra-{k}"
        o = m.order(
            name,
            loc,
            2 + (k + 1) % 3,
            lambda r: f"OC-{r.randrange(10000, 99999)}",
            unit=("PZA", "PZA", "UN", "KIT")[k],
            currency=currency,
            k=k,
        )
        o.taxes = [("IVA", Decimal(LETRA[currency][2]))]
        o.incoterms = "FOB Shekou" if currency == "USD" else None
        letra_pdf(m.path(f"pdf/{name}.pdf"), o, numbers)
        m.add(f"pdf/{name}.pdf", o.golden(), "es", "es-importe-con-letra")


# --- A Korean web ERP's order mail (ECOUNT style): an HTML 발주서 in EUC-KR, 공급가액 / 부가세 /
# 합계 per line, amounts in 원, the order number in the subject's brackets.


def ko_erp_html(o: Order) -> str:
    rows = ""
    for k, ln in enumerate(o.lines, 1):
        vat = money(ln.amount / 10, o.currency)
        rows += (
            f"<tr><td>{k}</td><td>{escape(ln.code)}</td><td>{escape(ln.text)}</td><td>{ln.unit}</td>"
            f"<td align=right>{num(ln.qty, 'en', 0)}</td><td align=right>{num(ln.price, 'en')}</td>"
            f"<td align=right>{num(ln.amount, 'en')}</td><td align=right>{num(vat, 'en')}</td>"
            f"<td align=right>{num(ln.amount + vat, 'en')}</td></tr>"
        )
    ((_, _, tax),) = o.tax_amounts()
    head = [
        ("발주번호", o.number),
        ("발주일자", day(o.ordered, "iso")),
        ("납기일자", day(o.due, "iso") if o.due else ""),
        ("발주처", o.buyer),
        ("담당자", o.person),
        ("결제조건", o.payment or ""),
    ]
    info = "".join(f"<tr><th align=left bgcolor='#eef3fb'>{a}</th><td>{escape(b)}</td></tr>" for a, b in head if b)
    return (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=euc-kr'></head><body>"
        f"<p>{escape(SUPPLIER)} 귀중</p><p>아래와 같이 발주합니다.</p>"
        f"<h2 style='text-align:center'>발 주 서</h2><table border=1 cellspacing=0 cellpadding=4>{info}</table><br>"
        "<table border=1 cellspacing=0 cellpadding=4><tr bgcolor='#eef3fb'><th>No</th><th>품목코드</th><th>품목명[규격]</th>"
        "<th>단위</th><th>수량</th><th>단가</th><th>공급가액</th><th>부가세</th><th>합계</th></tr>"
        f"{rows}<tr><td colspan=6 align=center><b>합 계</b></td><td align=right>{num(o.net, 'en')}</td>"
        f"<td align=right>{num(tax, 'en')}</td><td align=right><b>{num(o.gross, 'en')}</b></td></tr></table>"
        f"<p>총 합계금액: {num(o.gross, 'en')}원 (부가세 포함)</p>"
        f"<p style='color:#888'>본 메일은 ECOUNT ERP에서 발송되었습니다. {escape(o.buyer)} · {escape(o.address)}</p>"
        "</body></html>"
    )


def korean_erp_mail(m: Maker) -> None:
    for k in range(4):
        name = f"ko-erp-html-mail-{k}"
        o = m.order(
            name,
            "ko",
            2 + k % 3,
            lambda r: f"{day(date(2026, 11, 13 + r.randrange(8)), 'ymd')}-{r.randrange(1, 40)}",
            unit=("EA", "개", "SET", "EA")[k],
            k=k,
        )
        o.number = f"{day(o.ordered, 'ymd')}-{o.number.split('-')[1]}"  # the day it was entered, then a count
        o.taxes = [("부가세", Decimal(10))]
        mail(
            m.path(f"eml/{name}.eml"),
            sender=(o.buyer, o.mail),
            subject=f"[{o.buyer}] 발주서 [{o.number}]",
            key=name,
            sent=sent_on(o.ordered, 15, 40, 9),
            html=ko_erp_html(o),
            charset="euc-kr",
        )
        m.add(f"eml/{name}.eml", o.golden(source="body"), "ko", "ko-erp-html-mail")


# --- A Japanese 注文書 in landscape (横型): a delivery date and place on every line, amounts with the
# yen sign in front, the qualified-invoice summary (10%対象) and the buyer's 13-digit registration
# number (登録番号 T...) beside the order number.


def yoko_pdf(path: Path, o: Order) -> None:
    p = Page(path, "ja", landscape=True)
    W = p.width
    r = draw(13, o.number)
    ((_, _, tax),) = o.tax_amounts()
    p.text(W / 2, 45, "注　文　書", 18, bold=True, align="center")
    p.text(40, 80, f"{SUPPLIER}　御中", 11)
    p.line(40, 84, 300, 84)
    p.text(40, 100, "下記の通り発注いたします。納期厳守にてお願いいたします。", 8.5)
    right = [
        ("発注No.", o.number),
        ("発注日", f"{o.ordered:%Y/%m/%d}"),
        ("登録番号", f"T{r.randrange(10**12, 10**13)}"),
    ]
    for k, (label, value) in enumerate(right):
        p.text(W - 230, 70 + 12 * k, label, 8.5)
        p.text(W - 40, 70 + 12 * k, value, 8.5, align="right")
    p.text(W - 40, 115, o.buyer, 10, align="right")
    p.text(W - 40, 128, o.address, 8, align="right")
    p.text(
        W - 40,
        141,
        f"購買部　{o.person}　TEL 0{r.randrange(100, 999)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
        8,
        align="right",
    )
    rows = [["行", "品番", "品名・規格", "数量", "単位", "単価", "金額", "納期", "納入場所", "摘要"]]
    for k, ln in enumerate(o.lines, 1):
        rows.append(
            [
                str(k),
                ln.code,
                ln.text,
                num(ln.qty, "en", 0),
                ln.unit,
                f"¥{num(ln.price, 'en')}",
                f"¥{num(ln.amount, 'en')}",
                f"{ln.due:%Y/%m/%d}" if ln.due else "",
                "本社工場 受入口",
                ("", "図面No.確認", "", "検査成績書要")[k % 4],
            ]
        )
    widths = [24, 70, 170, 50, 30, 60, 70, 62, 80, 0]
    widths[-1] = W - 80 - sum(widths)
    y = p.grid(40, 160, widths, rows, size=8, right_from=3, head_fill=(0.9, 0.95, 0.9))
    summary = [("10%対象　小計", o.net), ("消費税(10%)", tax), ("合計金額", o.gross)]
    for k, (label, value) in enumerate(summary):
        p.box(W - 240, y + 8 + 16 * k, 100, 16, fill=(0.93, 0.93, 0.93))
        p.box(W - 140, y + 8 + 16 * k, 100, 16)
        p.text(W - 236, y + 19 + 16 * k, label, 8)
        p.text(W - 44, y + 19 + 16 * k, f"¥{num(value, 'en')}", 8, align="right")
    if o.payment:
        p.text(40, y + 20, f"支払条件：{o.payment}", 8.5)
    p.text(40, y + 34, "※ 納品書には必ず発注No.をご記入ください。", 8)
    p.save()


def yoko(m: Maker) -> None:
    for k in range(4):
        name = f"ja-yoko-chumonsho-{k}"
        o = m.order(
            name,
            "ja",
            2 + (k + 2) % 3,
            lambda r: f"A{r.randrange(2600000, 2699999)}",
            unit=("個", "pcs", "セット", "個")[k],
            line_dates=True,
            k=k + 1,
        )
        o.taxes = [("消費税", Decimal(10))]
        yoko_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-yoko-chumonsho")


# --- A Swedish or Norwegian small-business order (Fortnox / Tripletex style): "Er referens" and
# "Vår referens" name people, VAT is 25 %, and the total is rounded to whole kronor with a rounding
# line ("Öresutjämning", "Øreavrunding") between the VAT and the amount to pay.

NORDIC = {
    "sv": dict(
        title="Inköpsorder",
        no="Ordernummer",
        date="Orderdatum",
        your="Er referens",
        ours="Vår referens",
        due="Leveransdatum",
        pay="Betalningsvillkor",
        head=["Art.nr", "Benämning", "Antal", "Enhet", "À-pris", "Belopp"],
        net="Netto",
        vat="Moms 25 %",
        rounding="Öresutjämning",
        total="Att betala",
        unit="st",
        org="Org.nr 556{n}-{m}",
        bank="Bankgiro",
    ),
    "nb": dict(
        title="Innkjøpsordre",
        no="Ordrenr.",
        date="Ordredato",
        your="Deres ref.",
        ours="Vår ref.",
        due="Leveringsdato",
        pay="Betalingsbetingelser",
        head=["Varenr.", "Beskrivelse", "Antall", "Enhet", "Pris", "Beløp"],
        net="Sum eks. mva.",
        vat="Mva. 25 %",
        rounding="Øreavrunding",
        total="Å betale",
        unit="stk",
        org="Org.nr. 9{n} {m} MVA",
        bank="Kontonr. 1503",
    ),
}


def nordic_pdf(path: Path, o: Order, words: dict[str, Any]) -> None:
    pdf = fpdf_doc()
    pdf.add_page()
    r = draw(14, o.number)
    pdf.set_font("dv", "B", 14)
    pdf.cell(110, 8, o.buyer)
    pdf.set_font("dv", "B", 16)
    pdf.cell(0, 8, words["title"], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 4, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    info = [
        (words["no"], o.number),
        (words["date"], day(o.ordered, "iso")),
        (words["your"], "Wei Chen"),
        (words["ours"], o.person),
    ]
    if o.due:
        info.append((words["due"], day(o.due, "iso")))
    if o.payment:
        info.append((words["pay"], o.payment))
    top = pdf.get_y()
    for label, value in info:
        pdf.set_x(115)
        pdf.set_font("dv", "", 7)
        pdf.cell(0, 3.5, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(115)
        pdf.set_font("dv", "", 9)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    end = pdf.get_y()
    pdf.set_xy(15, top + 4)
    pdf.set_font("dv", "", 9.5)
    pdf.multi_cell(90, 4.8, f"{SUPPLIER}\n{SUPPLIER_ADDR.replace(', ', chr(10), 2)}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(end, pdf.get_y()) + 6)
    widths = [26, 74, 18, 14, 22, 26]
    pdf.set_font("dv", "B", 8)
    for i, (w, h) in enumerate(zip(widths, words["head"])):
        pdf.cell(w, 6, h, border="B", align="R" if i in (2, 4, 5) else "L")
    pdf.ln(7)
    pdf.set_font("dv", "", 8)
    for ln in o.lines:
        cells = [ln.code, ln.text, num(ln.qty, "space", 0), ln.unit, num(ln.price, "space"), num(ln.amount, "space")]
        for i, (w, c) in enumerate(zip(widths, cells)):
            pdf.cell(w, 5.5, c, align="R" if i in (2, 4, 5) else "L")
        pdf.ln(5.5)
    pdf.ln(3)
    ((_, _, tax),) = o.tax_amounts()
    rows = [
        (words["net"], o.net),
        (words["vat"], tax),
        (words["rounding"], o.rounding),
        (f"{words['total']} {o.currency}", o.gross),
    ]
    for k, (label, value) in enumerate(rows):
        pdf.set_font("dv", "B" if k == 3 else "", 9)
        pdf.cell(sum(widths[:5]), 5.5, label, align="R")
        pdf.cell(widths[5], 5.5, num(value, "space"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-22)
    pdf.set_font("dv", "", 6.5)
    org = words["org"].format(n=r.randrange(100, 999), m=r.randrange(1000, 9999))
    pdf.cell(
        0,
        3.5,
        f"{o.buyer} · {o.address} · {org} · {words['bank']} {r.randrange(100, 999)}-{r.randrange(1000, 9999)}",
        align="C",
    )
    pdf.output(str(path))


def nordic(m: Maker) -> None:
    for k, loc in enumerate(("sv", "sv", "nb", "sv")):
        name = f"{loc}-nordic-oresavrundning-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(1000, 9999)}", unit=NORDIC[loc]["unit"], k=k)
        o.taxes = [("moms", Decimal(25))]
        unrounded = o.gross
        o.rounding = unrounded.quantize(Decimal(1), ROUND_HALF_UP) - unrounded
        nordic_pdf(m.path(f"pdf/{name}.pdf"), o, NORDIC[loc])
        m.add(f"pdf/{name}.pdf", o.golden(), loc, "nordic-oresavrundning")


BUILDERS: list[Callable[[Maker], None]] = [
    smartform,
    bip,
    greenbar,
    crystal,
    datev,
    bon_de_commande,
    ordine_iva,
    netto_brutto,
    turkish_form,
    vietnamese,
    thai,
    kingdee,
    roc_workbook,
    chumonsho,
    content_controls,
    legacy_fields,
    hand_made,
    edi_csv,
    phone_bodies,
    marketplace,
    rendered_scans,
    portal_pdfs,
    notifications,
    erp_prints,
    odoo,
    acknowledgements,
    forecasts,
    remittances,
    importe_con_letra,
    korean_erp_mail,
    yoko,
    nordic,
]


def build_fresh(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)
