"""The fifth fresh batch of sealed families ("fresh5"): kept blind for the closing measurement.

The batches before it (base, more, fresh, fresh2, fresh3, fresh4) have all been measured, so they
no longer say how the extractor does on a layout nobody has seen. This module is written by
someone who has read neither the extractor nor the tuned corpus, and adds families that none of
them has, by language, producer, channel or layout:

- buyers writing Basque, Galician, Armenian, Azerbaijani, Uzbek, Welsh, Maltese, Belarusian,
  Bosnian, Persian, Urdu, Tamil, Somali, Zulu and Yoruba, beside Japanese, Chinese, Arabic,
  Hebrew, German, English, Spanish, French, Dutch and Turkish buyers in new guises; each with its
  own dates (Basque year first, Welsh and Maltese month names, Persian digits, Japanese full-width
  figures) and currencies (dram, manat, som, pula-free rand, naira, rupees, shekels, yen...);
- producers: reportlab canvas and platypus, fpdf2 cells, python-docx (right to left too),
  openpyxl (a right-to-left sheet), LibreOffice printing .docx, .xlsx and HTML, saving .docx as
  .odt, .xlsx as .ods, HTML as .docx and an .xlsx again as .xlsx, CSV and TSV exports, mail bodies
  as Outlook, Gmail, Apple Mail, an Android phone and plain text write them, and Pillow scans (300 dpi, turned and specked), 200 dpi faxes and a
  phone photo;
- layouts: several tables on a page (a lines table, a tax summary by code, a delivery plan, bank
  details), items continued on the next page without the table's header, delivery schedule
  sub-rows under each line, a discount on each line (list price, discount, net price), a tax
  code on each line with a summary per code, a currency sign in every cell, prices in one
  currency beside their value in another, right-to-left documents with Latin part codes,
  Japanese full-width figures and a vertical title, a vendor-managed-inventory call-off, a
  release against a blanket order with its cumulative quantities, an order as an HTML table in a
  reply above an older order quoted, a signature whose phone and fax numbers look like order
  numbers;
- documents that are not orders but look like them: a quotation, an invoice naming the order, a
  shipping notice, a buyer chasing the delivery of an order already placed, a statement of
  account, a supplier's acknowledgement of an order we placed, the buyer's payment advice
  (``kind: payment_advice``) and an out-of-office auto-reply
  quoting an order (``kind: auto_reply``).

Called from ``generate.build()`` (``build_fresh5``). Self-contained like the batches before it: its
own buyers, goods, wording and order data; only low-level writers are borrowed (the canvas page,
the fixed-time fpdf2 document, number formats, the message builder, the zip-stamping savers and the
scan helpers). Every golden value comes from the order this module drew and printed, never from
what a reader makes of the document. Orders are dated 13 to 20 November 2026 (the bench's "today"
is 22 November 2026), deliveries weeks later, and a day-month date is never ambiguous (day > 12).

Golden values: ``unit_price`` and ``amount`` per piece, tax-exclusive and after any discount;
``total`` is what the document calls its total; keys a document does not print are left out.
Images (scans, faxes, photos) ask for review (``needs_review: true``), the values still those the
documents print. Documents that are not orders are ``kind: other`` unless they are plainly one of
mailflow's other kinds (a payment advice, an auto-reply).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from fresh2_families import Page, fpdf_new, num, rl_font
from fresh3_families import docx_save, file_part, grid, message, rasterise, save_scan_pdf, scanned, xlsx_save

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"JPY", "UZS", "AMD"}  # printed without decimals by these buyers

# locale -> buyers: (company, address, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "eu": [
        (
            "Urola Mekanizatuak S.Koop.",
            "Industrialdea 14, 20730 Azpeitia",
            "Maite Etxeberria",
            "urolamek.example",
            "EUR",
        ),
        ("Deba Hidraulika S.L.", "Arriaga kalea 3, 20600 Eibar", "Iñaki Agirre", "debahidraulika.example", "EUR"),
    ],
    "gl": [
        (
            "Conservas Ría de Arousa S.L.",
            "Rúa do Porto 22, 36600 Vilagarcía",
            "Uxía Castro",
            "riaarousa.example",
            "EUR",
        ),
        (
            "Talleres Miño S.A.",
            "Polígono do Ceao, Rúa da Industria 8, 27003 Lugo",
            "Breixo Pena",
            "tmino.example",
            "EUR",
        ),
    ],
    "hy": [
        ("«Արարատ Մեքենաշին» ՍՊԸ", "Արշակունյաց պող. 34, Երևան 0023", "Արամ Սարգսյան", "ararat-mech.example", "AMD"),
        ("«Գյումրի Տեխնիկա» ՓԲԸ", "Տիգրան Մեծի 11, Գյումրի 3101", "Անի Հովհաննիսյան", "gyumritech.example", "USD"),
    ],
    "az": [
        ("Xəzər Mexanika MMC", "Nobel prospekti 25, AZ1025 Bakı", "Rəşad Məmmədov", "xezermex.example", "AZN"),
        ("Gəncə Nasos ASC", "Atatürk prospekti 140, AZ2000 Gəncə", "Leyla Hüseynova", "gencenasos.example", "USD"),
    ],
    "uz": [
        (
            "Chirchiq Mashinasozlik MChJ",
            "Amir Temur ko'chasi 41, Chirchiq 111700",
            "Dilshod Karimov",
            "chmash.example",
            "UZS",
        ),
        ("Samarqand Nasos AJ", "Registon ko'chasi 7, Samarqand 140100", "Nodira Yusupova", "samnasos.example", "UZS"),
    ],
    "cy": [
        (
            "Peirianneg Dyffryn Conwy Cyf.",
            "Uned 4, Stad Ddiwydiannol, Llanrwst LL26 0HU",
            "Eleri Pritchard",
            "dyffrynconwy.example",
            "GBP",
        ),
        (
            "Gwaith Dur Tawe Cyf.",
            "Heol y Gamlas 12, Abertawe SA1 2DE",
            "Rhodri Llewelyn",
            "gwaithdurtawe.example",
            "GBP",
        ),
    ],
    "mt": [
        (
            "Marsaxlokk Marine Engineering Ltd",
            "Triq il-Port 18, Marsaxlokk MXK 1221",
            "Rita Camilleri",
            "mxkmarine.example",
            "EUR",
        ),
        (
            "Ħal Far Precision Parts Ltd",
            "Ħal Far Industrial Estate, Birżebbuġa BBG 3000",
            "Joseph Borg",
            "halfarparts.example",
            "EUR",
        ),
    ],
    "be": [
        (
            "ААТ «Гомельскі станкабудаўнічы завод»",
            "вул. Прамысловая 9, 246007 Гомель",
            "Алесь Карпенка",
            "gomelstanok.example",
            "EUR",
        ),
        (
            "ТАА «Мінскі гідраўлічны цэх»",
            "вул. Кальварыйская 42, 220073 Мінск",
            "Алена Шыманская",
            "minskhydro.example",
            "EUR",
        ),
    ],
    "bs": [
        ("Una-Metal d.o.o. Bihać", "Bihaćkih branilaca 15, 77000 Bihać", "Amra Hodžić", "unametal.example", "BAM"),
        ("Neretva Pumpe d.d.", "Maršala Tita 88, 88000 Mostar", "Edin Kovačević", "neretvapumpe.example", "BAM"),
    ],
    "fa": [
        (
            "شرکت صنایع ماشین‌سازی البرز",
            "تهران، جاده مخصوص کرج، کیلومتر ۱۲، پلاک ۴۸",
            "مهدی رضایی",
            "alborzmachine.example",
            "CNY",
        ),
        ("شرکت پمپ‌سازی سپاهان", "اصفهان، شهرک صنعتی محمودآباد، خیابان ۷", "سارا کریمی", "sepahanpump.example", "EUR"),
    ],
    "ar": [
        (
            "شركة الخليج للمعدات الصناعية ذ.م.م",
            "المنطقة الصناعية 2، الشارقة، الإمارات",
            "خالد المنصوري",
            "gulf-equip.example",
            "USD",
        ),
        ("مؤسسة النخبة للصيانة", "حي السلي، الرياض 14322، السعودية", "فهد العتيبي", "nukhba-maint.example", "SAR"),
    ],
    "he": [
        ('גליל הנדסה בע"מ', "רח' התעשייה 12, כרמיאל 2165", "רונית לוי", "galil-eng.example", "ILS"),
        ('נגב מערכות שאיבה בע"מ', "אזור תעשייה עמק שרה, באר שבע", "יוסי כהן", "negevpumps.example", "ILS"),
    ],
    "ur": [
        (
            "سیالکوٹ انجینئرنگ ورکس (پرائیویٹ) لمیٹڈ",
            "انڈسٹریل اسٹیٹ، سیالکوٹ",
            "عمران بٹ",
            "sialkot-eng.example",
            "PKR",
        ),
        ("کراچی پمپس اینڈ والوز", "سائٹ ایریا، کراچی", "عائشہ صدیقی", "khi-pumps.example", "PKR"),
    ],
    "ta": [
        (
            "யாழ் இயந்திரப் பொறியியல் (பிரைவேட்) லிமிடெட்",
            "காங்கேசன்துறை வீதி 112, யாழ்ப்பாணம்",
            "குமரன் சிவராஜா",
            "jaffnaeng.example",
            "LKR",
        ),
        ("திருகோணமலை கடல் உபகரணங்கள்", "துறைமுக வீதி 8, திருகோணமலை", "மாலதி இராஜேந்திரன்", "trincomarine.example", "LKR"),
    ],
    "so": [
        (
            "Shirkadda Berbera Engineering",
            "Waddada Dekedda, Berbera",
            "Cabdiraxmaan Xasan",
            "berbera-eng.example",
            "USD",
        ),
        ("Hargeisa Water Pumps Ltd", "Jidka Xorriyadda, Hargeysa", "Hodan Maxamed", "hgpumps.example", "USD"),
    ],
    "zu": [
        (
            "Umgeni Engineering (Pty) Ltd",
            "14 Jacobs Road, Mobeni, Durban 4052",
            "Sipho Dlamini",
            "umgeni-eng.example",
            "ZAR",
        ),
        (
            "Thukela Pumps & Valves (Pty) Ltd",
            "7 Industria Street, Ladysmith 3370",
            "Nomvula Zulu",
            "thukela.example",
            "ZAR",
        ),
    ],
    "yo": [
        (
            "Ọ̀yọ́ Agro Machinery Nigeria Ltd",
            "Km 7 Ibadan-Ọ̀yọ́ Road, Ibadan",
            "Adéwálé Ògúnlẹ́yẹ",
            "oyoagro.example",
            "NGN",
        ),
        ("Òṣogbo Steel Fabricators Ltd", "Gbọ́ngán Road, Òṣogbo", "Fúnmiláyọ̀ Àjàyí", "osogbosteel.example", "NGN"),
    ],
    "ja": [
        ("株式会社北陸精機製作所", "富山県高岡市二塚322-5", "中村 智子", "hokuriku-seiki.example", "JPY"),
        ("東邦ポンプ工業株式会社", "愛知県豊橋市明海町5-10", "佐々木 健", "toho-pump.example", "JPY"),
    ],
    "zh": [
        (
            "宁波甬江机电设备有限公司",
            "浙江省宁波市北仑区大港工业城黄山西路188号",
            "陈丽华",
            "yongjiang-me.example",
            "CNY",
        ),
        ("青岛海湾泵业股份有限公司", "山东省青岛市黄岛区江山中路66号", "刘建国", "haiwanpump.example", "CNY"),
    ],
    "de": [
        ("Albtal Fördertechnik GmbH", "Am Kanal 17, 76275 Ettlingen", "Sabine Kächele", "albtal-ft.example", "EUR"),
        (
            "Weserbergland Pumpenbau GmbH & Co. KG",
            "Industriestraße 4, 31785 Hameln",
            "Jörg Brinkmann",
            "wb-pumpen.example",
            "EUR",
        ),
    ],
    "en-GB": [
        (
            "Pennine Process Equipment Ltd",
            "Unit 9, Calder Park, Wakefield WF2 7AX",
            "Gareth Holroyd",
            "pennine-pe.example",
            "GBP",
        ),
        (
            "Solent Marine Systems Ltd",
            "3 Quay Lane, Gosport PO12 4LJ",
            "Fiona McAllister",
            "solentmarine.example",
            "GBP",
        ),
    ],
    "en-US": [
        (
            "Great Lakes Fluid Power, Inc.",
            "2210 Industrial Pkwy, Toledo, OH 43612",
            "Megan Kowalski",
            "glfluidpower.example",
            "USD",
        ),
        (
            "Red River Automation LLC",
            "850 Commerce St, Shreveport, LA 71101",
            "Travis Boudreaux",
            "redriverauto.example",
            "USD",
        ),
    ],
    "es": [
        (
            "Hidráulicas del Segura S.A.",
            "Polígono Oeste, Calle 3 n.º 12, 30169 Murcia",
            "Carmen Navarro",
            "hsegura.example",
            "EUR",
        ),
        ("Montajes Navarra S.L.", "Calle Berroa 5, 31192 Tajonar", "Javier Goñi", "montajesnavarra.example", "EUR"),
    ],
    "fr": [
        (
            "Décolletage Vuillet-Haut-Jura SAS",
            "12 rue des Horlogers, 39200 Saint-Claude",
            "Céline Vuillet",
            "mecajura.example",
            "EUR",
        ),
        (
            "Pompes de l'Adour SARL",
            "5 allée du Port, 64100 Bayonne",
            "Mathieu Etcheverry",
            "pompesadour.example",
            "EUR",
        ),
    ],
    "nl": [
        (
            "Twentse Aandrijftechniek B.V.",
            "Hengelosestraat 210, 7521 AM Enschede",
            "Eva Mulder",
            "twentse-at.example",
            "EUR",
        ),
        (
            "Zeeuwse Pomp- en Klepservice B.V.",
            "Havenweg 3, 4381 NM Vlissingen",
            "Bram de Wit",
            "zeeuwsepomp.example",
            "EUR",
        ),
    ],
    "tr": [
        (
            "Ege Hidrolik Makina San. ve Tic. A.Ş.",
            "Atatürk OSB 10007 Sk. No:4, Çiğli/İzmir",
            "Elif Yıldırım",
            "egehidrolik.example",
            "TRY",
        ),
        (
            "Bursa Otomasyon Ltd. Şti.",
            "Nilüfer OSB, Kırmızı Cad. No:12, Bursa",
            "Murat Aksoy",
            "bursaoto.example",
            "TRY",
        ),
    ],
}

# stem, price in dollars, texts (English is the catalogue's; others where the buyer writes its own)
GOODS: list[tuple[str, str, dict[str, str]]] = [
    (
        "HX",
        "2.35",
        {
            "en": "Hex bolt M10x40 8.8 zinc plated",
            "de": "Sechskantschraube M10x40 8.8 verzinkt",
            "ja": "六角ボルト M10×40 8.8 亜鉛めっき",
            "zh": "六角螺栓 M10×40 8.8级 镀锌",
            "fa": "پیچ شش‌گوش M10x40 گالوانیزه",
            "ar": "مسمار سداسي M10x40 مجلفن",
            "he": "בורג משושה M10x40 מגולוון",
        },
    ),
    (
        "BR",
        "14.80",
        {
            "en": "Deep groove ball bearing 6204-2RS",
            "de": "Rillenkugellager 6204-2RS",
            "ja": "深溝玉軸受 6204-2RS",
            "zh": "深沟球轴承 6204-2RS",
            "fa": "بلبرینگ شیار عمیق 6204-2RS",
            "ar": "رولمان بلي 6204-2RS",
            "he": "מסב כדורי 6204-2RS",
        },
    ),
    (
        "OR",
        "0.42",
        {
            "en": "O-ring NBR 70 32x3 mm",
            "de": "O-Ring NBR 70 32x3 mm",
            "ja": "Oリング NBR70 32×3",
            "zh": "O型圈 NBR70 32×3",
            "fa": "اورینگ NBR 32x3",
            "ar": "حلقة مانعة للتسرب NBR 32x3",
            "he": "אטם O-ring NBR 32x3",
        },
    ),
    (
        "BV",
        "38.50",
        {
            "en": "Ball valve DN25 PN40 stainless 316",
            "de": "Kugelhahn DN25 PN40 Edelstahl 1.4401",
            "ja": "ボールバルブ DN25 PN40 SUS316",
            "zh": "不锈钢球阀 DN25 PN40 316",
            "fa": "شیر توپی DN25 PN40 استیل",
            "ar": "صمام كروي DN25 PN40 ستانلس",
            "he": "ברז כדורי DN25 PN40 נירוסטה",
        },
    ),
    (
        "CG",
        "6.90",
        {
            "en": "Cable gland M20x1.5 IP68 nylon",
            "de": "Kabelverschraubung M20x1,5 IP68 PA",
            "ja": "ケーブルグランド M20×1.5 IP68",
            "zh": "尼龙电缆接头 M20×1.5 IP68",
            "fa": "گلند کابل M20 IP68",
            "ar": "جلاند كابل M20 IP68",
            "he": "אנטיגרון M20 IP68",
        },
    ),
    (
        "SP",
        "1.15",
        {
            "en": "Compression spring 1.2x12x40 mm",
            "de": "Druckfeder 1,2x12x40 mm",
            "ja": "圧縮ばね 1.2×12×40",
            "zh": "压缩弹簧 1.2×12×40",
            "fa": "فنر فشاری 1.2x12x40",
            "ar": "زنبرك ضغط 1.2x12x40",
            "he": "קפיץ לחיצה 1.2x12x40",
        },
    ),
    (
        "GM",
        "212.00",
        {
            "en": "Gear motor 0.37 kW 1:20 IE3",
            "de": "Getriebemotor 0,37 kW i=20 IE3",
            "ja": "ギヤードモータ 0.37kW 1/20",
            "zh": "减速电机 0.37kW 速比1:20",
            "fa": "گیربکس موتور 0.37 کیلووات",
            "ar": "محرك مع علبة تروس 0.37 كيلوواط",
            "he": 'מנוע גיר 0.37 קו"ט',
        },
    ),
    (
        "AF",
        "9.60",
        {
            "en": "Air filter element 200x200 G4",
            "de": "Luftfilterelement 200x200 G4",
            "ja": "エアフィルタエレメント 200×200 G4",
            "zh": "空气滤芯 200×200 G4",
            "fa": "فیلتر هوا 200x200 G4",
            "ar": "عنصر فلتر هواء 200x200 G4",
            "he": "מסנן אוויר 200x200 G4",
        },
    ),
    (
        "PF",
        "3.25",
        {
            "en": "Push-in fitting 8 mm straight",
            "de": "Steckverschraubung 8 mm gerade",
            "ja": "ワンタッチ継手 8mm ストレート",
            "zh": "快插接头 8mm 直通",
            "fa": "اتصال فشاری 8 میلی‌متر",
            "ar": "وصلة ضغط 8 مم مستقيمة",
            "he": 'מחבר מהיר 8 מ"מ ישר',
        },
    ),
    (
        "HH",
        "27.40",
        {
            "en": 'Hydraulic hose 1/2" 2SN 1 m',
            "de": "Hydraulikschlauch DN12 2SN 1 m",
            "ja": "油圧ホース 1/2 2SN 1m",
            "zh": "液压软管 1/2寸 2SN 1米",
            "fa": "شلنگ هیدرولیک نیم اینچ 1 متر",
            "ar": "خرطوم هيدروليك 1/2 بوصة 1 م",
            "he": "צינור הידראולי 1/2 אינץ' 1 מ'",
        },
    ),
    (
        "IS",
        "54.00",
        {
            "en": "Inductive sensor M18 PNP NO",
            "de": "Induktiver Sensor M18 PNP Schließer",
            "ja": "近接センサ M18 PNP",
            "zh": "电感式传感器 M18 PNP 常开",
            "fa": "سنسور القایی M18 PNP",
            "ar": "حساس حثي M18 PNP",
            "he": "חיישן השראתי M18 PNP",
        },
    ),
    (
        "SB",
        "4.75",
        {
            "en": "Steel bracket 90 degree galvanised",
            "de": "Stahlwinkel 90° verzinkt",
            "ja": "L型ブラケット 亜鉛めっき",
            "zh": "90度镀锌角码",
            "fa": "براکت فولادی 90 درجه",
            "ar": "كتيفة فولاذية 90 درجة",
            "he": "זווית פלדה 90 מעלות",
        },
    ),
]

FX = {  # units of the currency a dollar buys, about
    "EUR": "0.92",
    "GBP": "0.79",
    "USD": "1",
    "AMD": "388",
    "AZN": "1.70",
    "UZS": "12800",
    "BAM": "1.80",
    "CNY": "7.2",
    "SAR": "3.75",
    "ILS": "3.70",
    "PKR": "278",
    "LKR": "296",
    "ZAR": "18.2",
    "NGN": "1540",
    "JPY": "152",
    "TRY": "34.5",
    "BYN": "3.27",
}
VAT = {  # the buyer's VAT (or sales tax) rate, %
    "eu": "21",
    "gl": "21",
    "hy": "20",
    "az": "18",
    "uz": "12",
    "cy": "20",
    "mt": "18",
    "be": "20",
    "bs": "17",
    "fa": "10",
    "ar": "5",
    "he": "18",
    "ur": "18",
    "ta": "18",
    "so": "0",
    "zu": "15",
    "yo": "7.5",
    "ja": "10",
    "zh": "13",
    "de": "19",
    "en": "20",
    "es": "21",
    "fr": "20",
    "nl": "21",
    "tr": "20",
}
UNIT = {
    "en": "pcs",
    "eu": "ud.",
    "gl": "ud.",
    "hy": "հատ",
    "az": "ədəd",
    "uz": "dona",
    "cy": "darn",
    "mt": "biċċa",
    "be": "шт.",
    "bs": "kom",
    "fa": "عدد",
    "ar": "حبة",
    "he": "יח'",
    "ur": "عدد",
    "ta": "எண்",
    "so": "xabbo",
    "zu": "ea",
    "yo": "pcs",
    "ja": "個",
    "zh": "个",
    "de": "Stk",
    "es": "ud.",
    "fr": "pce",
    "nl": "st",
    "tr": "adet",
}


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per piece, tax-exclusive, after any discount
    amount: Decimal
    listed: Decimal = Decimal(0)  # the price before the line's discount (0: no discount printed)
    off: Decimal = Decimal(0)  # the line's discount, %
    code_tax: str = ""  # the tax code printed on the line ("" : the order's one rate)
    rate: Decimal | None = None  # that code's rate, %
    plan: list[tuple[date, Decimal]] = field(default_factory=list)  # delivery schedule sub-rows


@dataclass
class Order:
    """One drawn order; ``golden`` is what a correct parse says about a document printing it."""

    number: str
    buyer: str
    address: str
    person: str
    mail: str
    lang: str  # the golden file's language
    words: str  # the key of LAB / UNIT / GOODS texts the document is written in
    ordered: date
    due: date
    currency: str
    lines: list[Line]
    payment: str | None = None
    vat: Decimal = Decimal(0)

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    def tax_groups(self) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        """(code, rate, base, tax) per tax code of the lines, in the order first seen."""
        groups: dict[str, list[Decimal]] = {}
        for ln in self.lines:
            g = groups.setdefault(ln.code_tax, [ln.rate if ln.rate is not None else self.vat, Decimal(0)])
            g[1] += ln.amount
        return [(c, rate, base, money(base * rate / 100, self.currency)) for c, (rate, base) in groups.items()]

    @property
    def tax(self) -> Decimal:
        return sum((g[3] for g in self.tax_groups()), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax

    def golden(
        self,
        *,
        review: bool = False,
        source: str | None = None,
        total: bool = True,
        codes: bool = True,
        units: bool = True,
        amounts: bool = True,
        due: bool = True,
    ) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.due.isoformat() if due else None,
            "currency": self.currency,
            "incoterms": None,
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


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh5:{name}")


def make_order(
    seed: int,
    name: str,
    locale: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    words: str | None = None,
    currency: str | None = None,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``locale``, dated 13-20 November 2026."""
    r = draw(seed, name)
    lang = locale.split("-")[0]
    wl = words or lang
    company, address, person, domain, cur = BUYERS[locale][k % len(BUYERS[locale])]
    cur = currency or cur
    ordered = later(date(2026, 11, 10), r.randrange(8))
    due = later(ordered, r.randrange(24, 62))
    picks = r.sample(GOODS, min(n, len(GOODS)))
    lines = []
    for stem, base, texts in picks:
        price = Decimal(base) * Decimal(FX[cur]) * Decimal(r.randrange(85, 128)) / 100
        if cur in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        q = Decimal(r.choice([10, 20, 25, 40, 60, 100, 120, 250, 400, 600, 1500]))
        code = f"{stem}-{r.randrange(1000, 9999)}-{r.choice('ABCDEFGH')}"
        lines.append(Line(code, texts.get(wl) or texts["en"], q, UNIT.get(wl, "pcs"), price, money(q * price, cur)))
    local = person.split()[0].lower() if person.isascii() else "purchasing"
    local = "".join(ch for ch in local if ch.isalpha() and ch.isascii()) or "purchasing"
    return Order(number(r), company, address, person, f"{local}@{domain}", lang, wl, ordered, due, cur, lines)


# ----------------------------------------------------------------------------- words, dates and numbers

KEYS = (
    "title no date due buyer supplier item desc qty unit price amount net vat total pay pos page "
    "disc listp netp taxc ship cur sched cont"
).split()


def _lab(*values: str) -> dict[str, str]:
    assert len(values) == len(KEYS), values[0]
    return dict(zip(KEYS, values))


LAB: dict[str, dict[str, str]] = {
    "en": _lab(
        "PURCHASE ORDER",
        "PO Number",
        "Order Date",
        "Delivery Date",
        "Buyer",
        "Supplier",
        "Part No.",
        "Description",
        "Qty",
        "UoM",
        "Unit Price",
        "Amount",
        "Subtotal",
        "VAT",
        "Total",
        "Payment Terms",
        "Line",
        "Page",
        "Disc. %",
        "List Price",
        "Net Price",
        "Tax Code",
        "Ship To",
        "Currency",
        "Delivery schedule",
        "continued",
    ),
    "de": _lab(
        "BESTELLUNG",
        "Bestell-Nr.",
        "Bestelldatum",
        "Liefertermin",
        "Besteller",
        "Lieferant",
        "Artikel-Nr.",
        "Bezeichnung",
        "Menge",
        "ME",
        "Preis/ME",
        "Betrag",
        "Nettobetrag",
        "MwSt.",
        "Gesamtbetrag",
        "Zahlungsbedingungen",
        "Pos.",
        "Seite",
        "Rabatt %",
        "Listenpreis",
        "Nettopreis",
        "St.-Kz.",
        "Lieferanschrift",
        "Währung",
        "Lieferplan",
        "Fortsetzung",
    ),
    "es": _lab(
        "PEDIDO DE COMPRA",
        "N.º de pedido",
        "Fecha",
        "Fecha de entrega",
        "Comprador",
        "Proveedor",
        "Código",
        "Descripción",
        "Cantidad",
        "Ud.",
        "Precio unit.",
        "Importe",
        "Base imponible",
        "IVA",
        "Total",
        "Forma de pago",
        "Lín.",
        "Página",
        "Dto. %",
        "Precio tarifa",
        "Precio neto",
        "Cód. IVA",
        "Entregar en",
        "Moneda",
        "Calendario de entregas",
        "continúa",
    ),
    "fr": _lab(
        "BON DE COMMANDE",
        "N° de commande",
        "Date",
        "Date de livraison",
        "Acheteur",
        "Fournisseur",
        "Référence",
        "Désignation",
        "Qté",
        "Unité",
        "P.U. HT",
        "Montant HT",
        "Total HT",
        "TVA",
        "Total TTC",
        "Conditions de paiement",
        "Pos.",
        "Page",
        "Remise %",
        "Prix catalogue",
        "P.U. net HT",
        "Code TVA",
        "Livrer à",
        "Devise",
        "Échéancier",
        "suite",
    ),
    "nl": _lab(
        "INKOOPORDER",
        "Ordernummer",
        "Orderdatum",
        "Leverdatum",
        "Besteller",
        "Leverancier",
        "Artikelnr.",
        "Omschrijving",
        "Aantal",
        "Eenh.",
        "Prijs p/st",
        "Bedrag",
        "Subtotaal",
        "BTW",
        "Totaal",
        "Betalingscondities",
        "Regel",
        "Pagina",
        "Korting %",
        "Bruto prijs",
        "Netto prijs",
        "BTW-code",
        "Afleveradres",
        "Valuta",
        "Leverschema",
        "vervolg",
    ),
    "tr": _lab(
        "SATINALMA SİPARİŞİ",
        "Sipariş No",
        "Tarih",
        "Teslim Tarihi",
        "Alıcı",
        "Tedarikçi",
        "Stok Kodu",
        "Açıklama",
        "Miktar",
        "Birim",
        "Birim Fiyat",
        "Tutar",
        "Ara Toplam",
        "KDV",
        "Genel Toplam",
        "Ödeme Koşulları",
        "Sıra",
        "Sayfa",
        "İsk. %",
        "Liste Fiyatı",
        "Net Fiyat",
        "Vergi Kodu",
        "Teslim Yeri",
        "Para Birimi",
        "Teslimat Planı",
        "devam",
    ),
    "ja": _lab(
        "注文書",
        "注文番号",
        "注文日",
        "納期",
        "発注者",
        "仕入先",
        "品番",
        "品名",
        "数量",
        "単位",
        "単価",
        "金額",
        "小計",
        "消費税",
        "合計金額",
        "支払条件",
        "No.",
        "頁",
        "値引率",
        "定価",
        "正味単価",
        "税区分",
        "納入先",
        "通貨",
        "分納予定",
        "続き",
    ),
    "zh": _lab(
        "采购订单",
        "订单号",
        "订单日期",
        "交货日期",
        "采购方",
        "供应商",
        "物料编码",
        "物料名称",
        "数量",
        "单位",
        "单价",
        "金额",
        "不含税金额",
        "增值税",
        "价税合计",
        "付款条件",
        "行号",
        "页",
        "折扣%",
        "原价",
        "净价",
        "税码",
        "收货地址",
        "币种",
        "交货计划",
        "续",
    ),
    "ar": _lab(
        "أمر شراء",
        "رقم أمر الشراء",
        "التاريخ",
        "تاريخ التسليم",
        "المشتري",
        "المورد",
        "رمز الصنف",
        "الوصف",
        "الكمية",
        "الوحدة",
        "سعر الوحدة",
        "المبلغ",
        "المجموع الفرعي",
        "ضريبة القيمة المضافة",
        "الإجمالي",
        "شروط الدفع",
        "م",
        "صفحة",
        "خصم %",
        "السعر الأصلي",
        "السعر الصافي",
        "رمز الضريبة",
        "عنوان التسليم",
        "العملة",
        "جدول التسليم",
        "تابع",
    ),
    "he": _lab(
        "הזמנת רכש",
        "מס' הזמנה",
        "תאריך",
        "תאריך אספקה",
        "מזמין",
        "ספק",
        'מק"ט',
        "תיאור",
        "כמות",
        "יח'",
        "מחיר יחידה",
        "סכום",
        'סה"כ לפני מע"מ',
        'מע"מ',
        'סה"כ לתשלום',
        "תנאי תשלום",
        "שורה",
        "עמוד",
        "הנחה %",
        "מחיר מחירון",
        "מחיר נטו",
        "קוד מס",
        "כתובת אספקה",
        "מטבע",
        "לוח אספקות",
        "המשך",
    ),
    "fa": _lab(
        "سفارش خرید",
        "شماره سفارش",
        "تاریخ",
        "تاریخ تحویل",
        "خریدار",
        "فروشنده",
        "کد کالا",
        "شرح کالا",
        "تعداد",
        "واحد",
        "فی",
        "مبلغ",
        "جمع",
        "مالیات بر ارزش افزوده",
        "جمع کل",
        "شرایط پرداخت",
        "ردیف",
        "صفحه",
        "تخفیف ٪",
        "قیمت پایه",
        "قیمت خالص",
        "کد مالیاتی",
        "محل تحویل",
        "ارز",
        "برنامه تحویل",
        "ادامه",
    ),
    "ur": _lab(
        "خریداری آرڈر",
        "آرڈر نمبر",
        "تاریخ",
        "تاریخِ ترسیل",
        "خریدار",
        "سپلائر",
        "آئٹم کوڈ",
        "تفصیل",
        "مقدار",
        "یونٹ",
        "فی یونٹ قیمت",
        "رقم",
        "ذیلی میزان",
        "سیلز ٹیکس",
        "کل رقم",
        "ادائیگی کی شرائط",
        "نمبر شمار",
        "صفحہ",
        "رعایت %",
        "فہرستی قیمت",
        "خالص قیمت",
        "ٹیکس کوڈ",
        "ترسیل کا پتہ",
        "کرنسی",
        "ترسیل کا شیڈول",
        "جاری",
    ),
    "ta": _lab(
        "கொள்முதல் ஆணை",
        "ஆணை எண்",
        "தேதி",
        "விநியோக தேதி",
        "வாங்குபவர்",
        "வழங்குநர்",
        "பொருள் குறியீடு",
        "விவரம்",
        "அளவு",
        "அலகு",
        "அலகு விலை",
        "தொகை",
        "கூட்டுத்தொகை",
        "VAT",
        "மொத்தம்",
        "கட்டண நிபந்தனைகள்",
        "வ.எண்",
        "பக்கம்",
        "தள்ளுபடி %",
        "பட்டியல் விலை",
        "நிகர விலை",
        "வரி குறியீடு",
        "விநியோக முகவரி",
        "நாணயம்",
        "விநியோக அட்டவணை",
        "தொடர்ச்சி",
    ),
    "hy": _lab(
        "ԳՆՄԱՆ ՊԱՏՎԵՐ",
        "Պատվերի համար",
        "Ամսաթիվ",
        "Մատակարարման ամսաթիվ",
        "Գնորդ",
        "Մատակարար",
        "Ապրանքի կոդ",
        "Անվանում",
        "Քանակ",
        "Չ/մ",
        "Միավորի գին",
        "Գումար",
        "Ընդամենը առանց ԱԱՀ",
        "ԱԱՀ",
        "Ընդամենը",
        "Վճարման պայմաններ",
        "N",
        "Էջ",
        "Զեղչ %",
        "Գնացուցակային գին",
        "Զուտ գին",
        "Հարկային կոդ",
        "Առաքման հասցե",
        "Արժույթ",
        "Մատակարարման ժամանակացույց",
        "շարունակություն",
    ),
    "az": _lab(
        "SATINALMA SİFARİŞİ",
        "Sifariş №",
        "Tarix",
        "Çatdırılma tarixi",
        "Alıcı",
        "Təchizatçı",
        "Məhsul kodu",
        "Təsvir",
        "Miqdar",
        "Vahid",
        "Vahidin qiyməti",
        "Məbləğ",
        "Cəmi (ƏDV-siz)",
        "ƏDV",
        "Yekun məbləğ",
        "Ödəniş şərtləri",
        "№",
        "Səhifə",
        "Endirim %",
        "Siyahı qiyməti",
        "Xalis qiymət",
        "Vergi kodu",
        "Çatdırılma ünvanı",
        "Valyuta",
        "Çatdırılma qrafiki",
        "davamı",
    ),
    "uz": _lab(
        "XARID BUYURTMASI",
        "Buyurtma raqami",
        "Sana",
        "Yetkazib berish sanasi",
        "Xaridor",
        "Yetkazib beruvchi",
        "Mahsulot kodi",
        "Nomi",
        "Miqdori",
        "O'lch. bir.",
        "Narxi",
        "Summa",
        "QQSsiz jami",
        "QQS",
        "Jami",
        "To'lov shartlari",
        "T/r",
        "Sahifa",
        "Chegirma %",
        "Prays narxi",
        "Sof narx",
        "Soliq kodi",
        "Yetkazish manzili",
        "Valyuta",
        "Yetkazib berish jadvali",
        "davomi",
    ),
    "eu": _lab(
        "EROSKETA ESKAERA",
        "Eskaera zk.",
        "Data",
        "Entrega data",
        "Eroslea",
        "Hornitzailea",
        "Kodea",
        "Deskribapena",
        "Kopurua",
        "Unit.",
        "Prezio unitarioa",
        "Zenbatekoa",
        "Zerga-oinarria",
        "BEZ",
        "Guztira",
        "Ordainketa baldintzak",
        "Lerroa",
        "Orria",
        "Desk. %",
        "Tarifa prezioa",
        "Prezio garbia",
        "Zerga kodea",
        "Entrega helbidea",
        "Moneta",
        "Entrega egutegia",
        "jarraipena",
    ),
    "gl": _lab(
        "PEDIDO DE COMPRA",
        "N.º de pedido",
        "Data",
        "Data de entrega",
        "Comprador",
        "Provedor",
        "Código",
        "Descrición",
        "Cantidade",
        "Ud.",
        "Prezo unitario",
        "Importe",
        "Base impoñible",
        "IVE",
        "Total",
        "Forma de pagamento",
        "Liña",
        "Páxina",
        "Desc. %",
        "Prezo de tarifa",
        "Prezo neto",
        "Cód. IVE",
        "Lugar de entrega",
        "Moeda",
        "Calendario de entregas",
        "continúa",
    ),
    "cy": _lab(
        "ARCHEB BRYNU",
        "Rhif archeb",
        "Dyddiad",
        "Dyddiad danfon",
        "Prynwr",
        "Cyflenwr",
        "Cod eitem",
        "Disgrifiad",
        "Nifer",
        "Uned",
        "Pris yr uned",
        "Swm",
        "Is-gyfanswm",
        "TAW",
        "Cyfanswm",
        "Telerau talu",
        "Llinell",
        "Tudalen",
        "Gostyngiad %",
        "Pris rhestr",
        "Pris net",
        "Cod treth",
        "Danfon i",
        "Arian cyfred",
        "Amserlen danfon",
        "parhad",
    ),
    "mt": _lab(
        "ORDNI TA' XIRI",
        "Numru tal-ordni",
        "Data",
        "Data tal-kunsinna",
        "Xerrej",
        "Fornitur",
        "Kodiċi",
        "Deskrizzjoni",
        "Kwantità",
        "Unità",
        "Prezz kull unità",
        "Ammont",
        "Subtotal",
        "VAT",
        "Total",
        "Kundizzjonijiet tal-ħlas",
        "Linja",
        "Paġna",
        "Skont %",
        "Prezz tal-lista",
        "Prezz nett",
        "Kodiċi tat-taxxa",
        "Wassal lil",
        "Munita",
        "Skeda tal-kunsinna",
        "tkompli",
    ),
    "be": _lab(
        "ЗАМОВА НА ПАСТАЎКУ",
        "Нумар замовы",
        "Дата",
        "Тэрмін пастаўкі",
        "Пакупнік",
        "Пастаўшчык",
        "Код тавару",
        "Найменне",
        "Колькасць",
        "Адз.",
        "Цана за адз.",
        "Сума",
        "Разам без ПДВ",
        "ПДВ",
        "Усяго",
        "Умовы аплаты",
        "№",
        "Старонка",
        "Зніжка %",
        "Прэйскурантная цана",
        "Цана са зніжкай",
        "Код падатку",
        "Адрас дастаўкі",
        "Валюта",
        "Графік паставак",
        "працяг",
    ),
    "bs": _lab(
        "NARUDŽBENICA",
        "Broj narudžbe",
        "Datum",
        "Rok isporuke",
        "Kupac",
        "Dobavljač",
        "Šifra",
        "Opis",
        "Količina",
        "JM",
        "Jed. cijena",
        "Iznos",
        "Osnovica",
        "PDV",
        "Ukupno",
        "Uslovi plaćanja",
        "R.br.",
        "Stranica",
        "Rabat %",
        "Cjenovnik",
        "Neto cijena",
        "Šifra poreza",
        "Mjesto isporuke",
        "Valuta",
        "Plan isporuka",
        "nastavak",
    ),
    "so": _lab(
        "DALAB IIBSASHO",
        "Lambarka dalabka",
        "Taariikh",
        "Taariikhda keenista",
        "Iibsade",
        "Alaab-qeybiye",
        "Koodhka",
        "Sharaxaad",
        "Tirada",
        "Cabbir",
        "Qiimaha halkii",
        "Qadarka",
        "Wadarta hoose",
        "Canshuur",
        "Wadarta guud",
        "Shuruudaha lacag bixinta",
        "Tr.",
        "Bogga",
        "Qiimo dhimis %",
        "Qiimaha liiska",
        "Qiimaha saafiga",
        "Koodhka canshuurta",
        "Goobta keenista",
        "Lacagta",
        "Jadwalka keenista",
        "sii wadid",
    ),
    "zu": _lab(
        "I-ODA YOKUTHENGA",
        "Inombolo ye-oda",
        "Usuku",
        "Usuku lokulethwa",
        "Umthengi",
        "Umhlinzeki",
        "Ikhodi",
        "Incazelo",
        "Inani",
        "Iyunithi",
        "Intengo ngayinye",
        "Imali",
        "Isamba esingaphansi",
        "I-VAT",
        "Isamba",
        "Imigomo yokukhokha",
        "Umugqa",
        "Ikhasi",
        "Isaphulelo %",
        "Intengo yohlu",
        "Intengo ephelele",
        "Ikhodi yentela",
        "Thumela ku",
        "Uhlobo lwemali",
        "Uhlelo lokulethwa",
        "kuyaqhubeka",
    ),
    "yo": _lab(
        "ÌWÉ ÀṢẸ RÍRA",
        "Nọ́mbà àṣẹ",
        "Ọjọ́",
        "Ọjọ́ ìfijíṣẹ́",
        "Olùrà",
        "Olùpèsè",
        "Kóòdù ọjà",
        "Àpèjúwe",
        "Iye",
        "Ẹ̀yà",
        "Owó ẹyọ kan",
        "Àpapọ̀ owó",
        "Àpapọ̀ kékeré",
        "VAT",
        "Àpapọ̀ gbogbo",
        "Òfin ìsanwó",
        "Nọ́.",
        "Ojú ìwé",
        "Ẹ̀dínwó %",
        "Owó àkọsílẹ̀",
        "Owó àpapọ̀ ẹyọ",
        "Kóòdù owó orí",
        "Ibi ìfijíṣẹ́",
        "Owó",
        "Ètò ìfijíṣẹ́",
        "ń bá a lọ",
    ),
}
PAY = {
    "en": "Net 30 days from invoice",
    "de": "30 Tage netto",
    "es": "Transferencia a 60 días fecha factura",
    "fr": "Virement à 45 jours fin de mois",
    "nl": "30 dagen netto",
    "tr": "Fatura tarihinden itibaren 60 gün",
    "ja": "月末締め翌月末現金払い",
    "zh": "月结60天电汇",
    "ar": "تحويل بنكي خلال 30 يوماً من تاريخ الفاتورة",
    "he": "שוטף + 60",
    "fa": "۳۰٪ پیش‌پرداخت، ۷۰٪ پیش از حمل",
    "ur": "ترسیل کے 30 دن بعد",
    "ta": "விநியோகத்திலிருந்து 30 நாட்கள்",
    "hy": "Կանխավճար 30%, մնացածը առաքումից հետո",
    "az": "Hesab-fakturadan 30 gün sonra",
    "uz": "100% oldindan to'lov",
    "eu": "Transferentzia 60 egunera",
    "gl": "Transferencia a 30 días",
    "cy": "30 diwrnod net",
    "mt": "30 jum mid-data tal-fattura",
    "be": "Перадаплата 50%, астатак па факце пастаўкі",
    "bs": "Virmanski, 30 dana",
    "so": "Lacag caddaan ah marka la keeno",
    "zu": "Izinsuku ezingu-30 kusukela ku-invoyisi",
    "yo": "Ọgbọ̀n ọjọ́ lẹ́yìn ìwé owó",
}
NUMS = {  # how each language's buyers group and mark decimals
    "en": "en",
    "de": "eu",
    "es": "eu",
    "fr": "space",
    "nl": "eu",
    "tr": "eu",
    "ja": "en",
    "zh": "en",
    "ar": "en",
    "he": "en",
    "fa": "persian",
    "ur": "en",
    "ta": "en",
    "hy": "space",
    "az": "space",
    "uz": "space",
    "eu": "eu",
    "gl": "eu",
    "cy": "en",
    "mt": "en",
    "be": "space",
    "bs": "eu",
    "so": "en",
    "zu": "space",
    "yo": "en",
}
DATES = {
    "en": "d_mon_y",
    "de": "dot",
    "es": "dmy",
    "fr": "dmy",
    "nl": "dmy_dash",
    "tr": "dot",
    "ja": "ja",
    "zh": "iso",
    "ar": "dmy",
    "he": "dot",
    "fa": "fa",
    "ur": "dmy_dash",
    "ta": "dmy_dash",
    "hy": "dot",
    "az": "dot",
    "uz": "dot",
    "eu": "eu",
    "gl": "dmy",
    "cy": "cy",
    "mt": "mt",
    "be": "dot",
    "bs": "bs",
    "so": "dmy",
    "zu": "iso",
    "yo": "dmy",
}
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "cy": "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr",
    "mt": "Jannar Frar Marzu April Mejju Ġunju Lulju Awwissu Settembru Ottubru Novembru Diċembru",
    "eu": "urtarrila otsaila martxoa apirila maiatza ekaina uztaila abuztua iraila urria azaroa abendua",
    "hy": "հունվարի փետրվարի մարտի ապրիլի մայիսի հունիսի հուլիսի օգոստոսի սեպտեմբերի հոկտեմբերի նոյեմբերի դեկտեմբերի",
    "az": "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
    "uz": "yanvar fevral mart aprel may iyun iyul avgust sentabr oktabr noyabr dekabr",
    "be": "студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка лістапада снежня",
    "so": "Janaayo Febraayo Maarso Abriil Maajo Juun Luuliyo Ogost Sebtembar Oktoobar Nofembar Desembar",
}
PERSIAN = str.maketrans("0123456789,.", "۰۱۲۳۴۵۶۷۸۹٬٫")
FULLWIDTH = str.maketrans("0123456789,.-/", "０１２３４５６７８９，．－／")


def day(d: date, style: str) -> str:
    mo = {k: v.split() for k, v in MONTHS.items()}
    return {
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "bs": f"{d.day:02d}.{d.month:02d}.{d.year}.",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "dmy_dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
        "ja": f"{d.year}年{d.month}月{d.day}日",
        "ja_full": f"{d.year}年{d.month}月{d.day}日".translate(FULLWIDTH),
        "fa": f"{d.year}/{d.month:02d}/{d.day:02d}".translate(PERSIAN),
        "eu": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "eu_long": f"{d.year}ko {mo['eu'][d.month - 1]}ren {d.day}a",
        "cy": f"{d.day} {mo['cy'][d.month - 1]} {d.year}",
        "mt": f"{d.day} ta' {mo['mt'][d.month - 1]} {d.year}",
        "hy_long": f"{d.day} {mo['hy'][d.month - 1]} {d.year} թ.",
        "az_long": f"{d.day} {mo['az'][d.month - 1]} {d.year}",
        "uz_long": f"{d.year}-yil {d.day}-{mo['uz'][d.month - 1]}",
        "be_long": f"{d.day} {mo['be'][d.month - 1]} {d.year} г.",
        "so_long": f"{d.day} {mo['so'][d.month - 1]} {d.year}",
        "d_mon_y": f"{d.day} {MON[d.month - 1]} {d.year}",
        "mon_d_y": f"{mo['en'][d.month - 1]} {d.day}, {d.year}",
        "ordinal": f"{d.day}th {mo['en'][d.month - 1]} {d.year}",
    }[style]


def fmt(v: Decimal, style: str, places: int | None = None) -> str:
    if style == "persian":
        return num(v, "en", places).translate(PERSIAN)
    if style == "fullwidth":
        return num(v, "en", places).translate(FULLWIDTH)
    return num(v, style, places)


def n(o: Order, v: Decimal, places: int | None = None) -> str:
    """``v`` written as the order's buyer writes money."""
    return fmt(v, NUMS[o.words], 0 if o.currency in WHOLE else places)


def qty(o: Order, v: Decimal) -> str:
    return fmt(v, NUMS[o.words], 0)


def d(o: Order, v: date) -> str:
    return day(v, DATES[o.words])


def w_of(o: Order) -> dict[str, str]:
    return LAB[o.words]


def sent_on(d: date, hour: int = 9, minute: int = 7, offset: int = 0) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


# ----------------------------------------------------------------------------- columns of a lines table


@dataclass
class Col:
    head: str
    width: float  # relative
    align: str  # l, r or c
    cell: Callable[[int, Line], str]
    role: str = ""  # "qty" or "desc": where a schedule sub-row puts its quantity and its date


def columns(
    o: Order,
    *,
    discount: bool = False,
    taxcode: bool = False,
    sign: str = "",
    fx: tuple[str, Decimal] | None = None,
    unit: bool = True,
    code: bool = True,
) -> list[Col]:
    """The columns of the lines: position, code, text, quantity, unit, then the prices — a list
    price, discount and net price (``discount``), a tax code (``taxcode``), ``sign`` before every
    amount, and the amount again in another currency at a rate (``fx``)."""
    w = w_of(o)
    m = (lambda v: f"{sign}{n(o, v)}") if sign else (lambda v: n(o, v))
    cols = [Col(w["pos"], 5, "c", lambda j, ln: str(j))]
    if code:
        cols.append(Col(w["item"], 12, "l", lambda j, ln: ln.code))
    cols.append(Col(w["desc"], 30, "l", lambda j, ln: ln.text, "desc"))
    cols.append(Col(w["qty"], 8, "r", lambda j, ln: qty(o, ln.qty), "qty"))
    if unit:
        cols.append(Col(w["unit"], 6, "c", lambda j, ln: ln.unit))
    if discount:
        cols += [
            Col(w["listp"], 11, "r", lambda j, ln: m(ln.listed)),
            Col(w["disc"], 7, "r", lambda j, ln: fmt(ln.off, NUMS[o.words])),
            Col(w["netp"], 11, "r", lambda j, ln: m(ln.price)),
        ]
    else:
        cols.append(Col(w["price"], 11, "r", lambda j, ln: m(ln.price)))
    if taxcode:
        cols.append(Col(w["taxc"], 6, "c", lambda j, ln: ln.code_tax))
    cols.append(Col(w["amount"], 12, "r", lambda j, ln: m(ln.amount)))
    if fx:
        cur, rate = fx
        cols.append(Col(cur, 13, "r", lambda j, ln: fmt((ln.amount * rate).quantize(CENT), NUMS[o.words])))
    return cols


def table_rows(o: Order, cols: list[Col], *, plans: bool = False) -> list[list[str]]:
    """The body rows; with ``plans`` each line is followed by its delivery schedule sub-rows (the
    date in the text column, the quantity in the quantity column)."""
    w = w_of(o)
    rows = []
    qcol = next(i for i, c in enumerate(cols) if c.role == "qty")
    tcol = next(i for i, c in enumerate(cols) if c.role == "desc")
    for j, ln in enumerate(o.lines, 1):
        rows.append([c.cell(j, ln) for c in cols])
        if plans:
            for when, q in ln.plan:
                sub = [""] * len(cols)
                sub[tcol] = f"   {w['sched']}: {d(o, when)}"
                sub[qcol] = qty(o, q)
                rows.append(sub)
    return rows


def sums(o: Order, sign: str = "") -> list[tuple[str, str]]:
    w = w_of(o)
    rate = fmt(o.vat, NUMS[o.words])
    return [
        (w["net"], f"{sign}{n(o, o.net)}"),
        (f"{w['vat']} {rate}%", f"{sign}{n(o, o.tax)}"),
        (w["total"], f"{sign}{n(o, o.gross)}"),
    ]


def widths(cols: list[Col], total: float) -> list[float]:
    s = sum(c.width for c in cols)
    return [c.width * total / s for c in cols]


def add_plans(o: Order, r: random.Random) -> None:
    """A delivery schedule for each line: two or three dates from the order's delivery date on,
    the quantities adding up to the line's."""
    for ln in o.lines:
        parts = r.choice([2, 2, 3])
        if ln.qty < 20:
            parts = 1
        each = (ln.qty / parts).quantize(Decimal(1), rounding="ROUND_DOWN")
        qs = [each] * (parts - 1) + [ln.qty - each * (parts - 1)]
        ln.plan = [(o.due + timedelta(days=14 * i), q) for i, q in enumerate(qs)]


def add_discounts(o: Order, r: random.Random) -> None:
    """A discount on each line: the list price printed, the discount and the net price (the
    line's price) after it."""
    for ln in o.lines:
        ln.off = Decimal(r.choice([0, 3, 5, 8, 10, 12.5, 15]))
        ln.listed = ln.price
        ln.price = money(ln.listed * (100 - ln.off) / 100, o.currency) if ln.off else ln.listed
        if o.currency not in WHOLE and ln.listed < 1:
            ln.price = (ln.listed * (100 - ln.off) / 100).quantize(Decimal("0.001"), ROUND_HALF_UP)
        ln.amount = money(ln.qty * ln.price, o.currency)


def add_tax_codes(o: Order, codes: list[tuple[str, Decimal]], r: random.Random) -> None:
    """A tax code on each line, drawn from ``codes`` (code, rate %); the first line has the first."""
    for j, ln in enumerate(o.lines):
        ln.code_tax, ln.rate = codes[0] if j == 0 else r.choice(codes)


# ----------------------------------------------------------------------------- PDF writers

Extra = tuple[str, list[list[str]], list[float], str]  # a further table: title, rows (head first), widths, aligns


def canvas_pdf(
    path: Path,
    o: Order,
    cols: list[Col],
    *,
    creator: str,
    font: str = "sans",
    bold: str = "bold",
    plans: bool = False,
    split: int | None = None,
    extra: list[Extra] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    head: list[tuple[str, str]] | None = None,
    title: str | None = None,
    boxed_head: bool = False,
    size: float = 7.5,
    before_sums: list[Extra] | None = None,
    hook: Callable[[Page], None] | None = None,
    no_label: str | None = None,
) -> None:
    """reportlab canvas: the buyer's letterhead, the title and number, the head as label/value
    pairs (boxed as a table with ``boxed_head``), the lines as a ruled table; with ``split`` the
    rows after that many go on a second page with no header row; ``before_sums`` tables between
    the lines and the sums, ``extra`` tables after them."""
    w = w_of(o)
    p = Page(path, font, bold, creator=creator)
    p.text(40, 46, o.buyer, 12, bold=True)
    p.text(40, 59, o.address, 7.5)
    p.text(555, 46, title or w["title"], 13, bold=True, align="right")
    p.text(555, 60, f"{no_label or w['no']} {o.number}", 9, bold=True, align="right")
    pairs = head or [
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["cur"], o.currency),
        (w["pay"], o.payment or "-"),
    ]
    y = 84.0
    if boxed_head:
        y = grid(p, 40, y, [150, 365], "ll", [[a, b] for a, b in pairs], size=7.5, height=14, bold_first=False) + 12
    else:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        at = max(150, 52 + max(stringWidth(f"{label}:", p.bold, 8) for label, _ in pairs))
        for label, value in pairs:
            p.text(40, y, f"{label}:", 8, bold=True)
            p.text(at, y, value, 8)
            y += 12
        y += 10
    ws = widths(cols, 515)
    al = "".join(c.align for c in cols)
    rows = table_rows(o, cols, plans=plans)
    first = rows if split is None else rows[:split]
    y = grid(p, 40, y, ws, al, [[c.head for c in cols], *first], size=size, height=15)
    if split is not None:
        p.text(555, y + 12, f"{w['cont']} →", 7.5, align="right")
        p.text(297, 815, f"{w['page']} 1 / 2", 7, align="center")
        p.new_page()
        p.text(40, 40, f"{o.buyer} · {w['no']} {o.number}", 7.5)
        p.text(297, 815, f"{w['page']} 2 / 2", 7, align="center")
        y = grid(p, 40, 60, ws, al, rows[split:], size=size, height=15, bold_first=False)
    for t, trs, tw, ta in before_sums or []:
        p.text(40, y + 16, t, 8.5, bold=True)
        y = grid(p, 40, y + 22, tw, ta, trs, size=7.5, height=14)
    y += 8
    for label, value in sums_rows if sums_rows is not None else sums(o):
        y += 13
        p.text(470, y, label, 8.5, bold=True, align="right")
        p.text(555, y, value, 8.5, bold=True, align="right")
    for t, trs, tw, ta in extra or []:
        p.text(40, y + 24, t, 8.5, bold=True)
        y = grid(p, 40, y + 30, tw, ta, trs, size=7.5, height=14)
    p.text(40, y + 30, f"{o.person} · {o.mail}", 7.5)
    if hook:
        hook(p)
    p.save()


def vertical_title(text: str) -> Callable[[Page], None]:
    """A title set vertically down the left edge, one character under the other (tategaki)."""

    def draw_it(p: Page) -> None:
        for i, ch in enumerate(text):
            p.text(20, 300 + 22 * i, ch, 16, bold=True)

    return draw_it


def fpdf_pdf(
    path: Path,
    o: Order,
    cols: list[Col],
    *,
    plans: bool = False,
    head: list[tuple[str, str]] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    extra: list[Extra] | None = None,
    landscape: bool = False,
    note: str = "",
    title: str | None = None,
    split: int | None = None,
) -> None:
    """fpdf2 cells: the title and head as label cells, the lines with their borders, sums right,
    ``extra`` tables under them (widths in mm)."""
    w = w_of(o)
    pdf = fpdf_new(landscape=landscape)
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 6, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 7.5)
    pdf.cell(0, 4, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("dv", "B", 14)
    pdf.cell(0, 8, title or w["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    for label, value in head or [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["cur"], o.currency),
        (w["pay"], o.payment or "-"),
    ]:
        pdf.set_font("dv", "B", 8.5)
        pdf.cell(48, 5, label)
        pdf.set_font("dv", "", 8.5)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    full = 273 if landscape else 186
    ws = widths(cols, full)
    pdf.set_font("dv", "B", 6.5)
    for c, wd in zip(cols, ws):
        pdf.cell(wd, 6, c.head, border=1, align="C")
    pdf.ln()
    pdf.set_font("dv", "", 7)
    for k, row in enumerate(table_rows(o, cols, plans=plans)):
        if k == split:  # the rest on a new page, under a running line and no header row
            pdf.add_page()
            pdf.set_font("dv", "", 7.5)
            pdf.cell(0, 5, f"{o.buyer} - {w['no']} {o.number} - {w['page']} 2", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            pdf.set_font("dv", "", 7)
        sub = not row[0]
        for c, wd, cell in zip(cols, ws, row):
            pdf.cell(wd, 5.5, cell, border="LR" if sub else 1, align={"l": "L", "r": "R", "c": "C"}[c.align])
        pdf.ln()
    pdf.ln(2)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums_rows if sums_rows is not None else sums(o):
        pdf.cell(full - 34, 5.5, label, align="R")
        pdf.cell(34, 5.5, v, align="R", new_x="LMARGIN", new_y="NEXT")
    for t, trs, tw, ta in extra or []:
        pdf.ln(3)
        pdf.set_font("dv", "B", 8.5)
        pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
        for k, row in enumerate(trs):
            pdf.set_font("dv", "B" if k == 0 else "", 7.5)
            for wd, a, cell in zip(tw, ta, row):
                pdf.cell(wd, 5, cell, border=1, align={"l": "L", "r": "R", "c": "C"}[a])
            pdf.ln()
    if note:
        pdf.ln(3)
        pdf.set_font("dv", "", 7.5)
        pdf.multi_cell(0, 4, note)
    pdf.ln(4)
    pdf.set_font("dv", "", 7.5)
    pdf.cell(0, 4, f"{o.person} · {o.mail}")
    pdf.output(str(path))


def platypus_pdf(
    path: Path,
    o: Order,
    cols: list[Col],
    *,
    creator: str,
    head: list[tuple[str, str]] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    title: str | None = None,
    notes: list[str] | None = None,
    plans: bool = False,
) -> None:
    """reportlab platypus: a SimpleDocTemplate, a title, the head as a two-column table, the lines
    as a Table with wrapped descriptions and a repeated header row, the sums, notes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    w = w_of(o)
    sans, boldf = rl_font("sans"), rl_font("bold")
    small = ParagraphStyle("s", fontName=sans, fontSize=7.5, leading=9)
    big = ParagraphStyle("b", fontName=boldf, fontSize=14, leading=17)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, creator=creator, leftMargin=40, rightMargin=40)
    story: list[Any] = [Paragraph(escape(o.buyer), big), Paragraph(escape(o.address), small), Spacer(1, 8)]
    story += [Paragraph(escape(title or w["title"]), big), Spacer(1, 6)]
    pairs = head or [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or "-"),
    ]
    ht = Table([[a, b] for a, b in pairs], colWidths=[150, 365])
    ht.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), sans, 8), ("FONT", (0, 0), (0, -1), boldf, 8)]))
    story += [ht, Spacer(1, 12)]
    body = [
        [Paragraph(escape(c), small) if k == 2 and c else c for k, c in enumerate(r)]
        for r in table_rows(o, cols, plans=plans)
    ]
    hstyle = ParagraphStyle("h", fontName=boldf, fontSize=7.5, leading=9)
    t = Table([[Paragraph(escape(c.head), hstyle) for c in cols], *body], colWidths=widths(cols, 515), repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), sans, 7.5),
                ("FONT", (0, 0), (-1, 0), boldf, 7.5),
                ("GRID", (0, 0), (-1, -1), 0.4, (0.4, 0.4, 0.4)),
                ("BACKGROUND", (0, 0), (-1, 0), (0.88, 0.9, 0.94)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *[("ALIGN", (i, 0), (i, -1), "RIGHT") for i, c in enumerate(cols) if c.align == "r"],
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    st = Table([["", a, b] for a, b in (sums_rows if sums_rows is not None else sums(o))], colWidths=[255, 150, 110])
    st.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), boldf, 8.5), ("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    story += [st, Spacer(1, 14)]
    for para in notes or []:
        story.append(Paragraph(escape(para), small))
    story.append(Paragraph(escape(f"{o.person} · {o.mail}"), small))
    doc.build(story)


# ----------------------------------------------------------------------------- Word, workbooks, HTML, text


def _rtl_par(par: Any) -> None:
    from docx.oxml import OxmlElement

    from docx.oxml.ns import qn

    par._p.get_or_add_pPr().insert(0, OxmlElement("w:bidi"))
    for run in par.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))
        size = OxmlElement("w:szCs")  # right-to-left runs take the complex-script size
        size.set(qn("w:val"), str(int((run.font.size.pt if run.font.size else 9) * 2)))
        rpr.append(size)


def docx_order(
    path: Path,
    o: Order,
    cols: list[Col],
    *,
    rtl: bool = False,
    head: list[tuple[str, str]] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    letter: list[str] | None = None,
    after: list[str] | None = None,
    font: str = "DejaVu Sans",
) -> None:
    """python-docx: a heading, the head as a borderless two-column table, a letter's paragraphs,
    the lines in a grid table, the sums as rows under it, then paragraphs; ``rtl`` sets every
    paragraph and table right to left (the part codes and figures stay Latin)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    w = w_of(o)
    doc = docx.Document()
    doc.sections[0].left_margin = doc.sections[0].right_margin = Cm(1.8)
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(9)
    pars: list[Any] = []
    tables: list[Any] = []
    pars.append(doc.add_paragraph(o.buyer))
    pars[-1].runs[0].bold = True
    pars.append(doc.add_paragraph(o.address))
    pars.append(doc.add_heading(w["title"], level=1))
    ht = doc.add_table(rows=0, cols=2)
    tables.append(ht)
    for label, value in head or [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["cur"], o.currency),
        (w["pay"], o.payment or "-"),
    ]:
        cells = ht.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
        pars += [cells[0].paragraphs[0], cells[1].paragraphs[0]]
    for text in letter or []:
        pars.append(doc.add_paragraph(text))
    pars.append(doc.add_paragraph(""))
    t = doc.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    tables.append(t)
    for cell, c in zip(t.rows[0].cells, cols):
        run = cell.paragraphs[0].add_run(c.head)
        run.bold, run.font.size = True, Pt(8)
        pars.append(cell.paragraphs[0])
    for row in table_rows(o, cols):
        for cell, value in zip(t.add_row().cells, row):
            cell.paragraphs[0].add_run(value).font.size = Pt(8)
            pars.append(cell.paragraphs[0])
    t.autofit = False
    for k, wd in enumerate(widths(cols, 17.5)):  # the widths of the columns as drawn: figures never wrap
        t.columns[k].width = Cm(wd)
        for cell in t.columns[k].cells:
            cell.width = Cm(wd)
    for label, value in sums_rows if sums_rows is not None else sums(o):
        cells = t.add_row().cells
        merged = cells[0].merge(cells[len(cols) - 2])
        merged.paragraphs[0].add_run(label).bold = True
        cells[-1].paragraphs[0].add_run(value).bold = True
        pars += [merged.paragraphs[0], cells[-1].paragraphs[0]]
    for text in after or []:
        pars.append(doc.add_paragraph(text))
    pars.append(doc.add_paragraph(f"{o.person} · {o.mail}"))
    if rtl:
        for par in pars:
            _rtl_par(par)
        for tb in tables:
            tb._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    docx_save(doc, path, o.person)


def xlsx_order(
    path: Path,
    o: Order,
    cols: list[Col],
    *,
    rtl: bool = False,
    head: list[tuple[str, str]] | None = None,
    numbers: bool = True,
    sums_rows: list[tuple[str, Decimal]] | None = None,
    fmt_money: str = "#,##0.00",
    title: str | None = None,
    after: list[list[Any]] | None = None,
) -> None:
    """openpyxl: a title, the head as label/value rows, the lines with numbers as numbers
    (``numbers``; else the cells as printed), the sums; ``rtl`` shows the sheet right to left."""
    import openpyxl
    from openpyxl.styles import Font

    w = w_of(o)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = (title or w["title"])[:28]
    if rtl:
        ws.sheet_view.rightToLeft = True
    ws["A1"] = title or w["title"]
    ws["A1"].font = Font(size=15, bold=True)
    ws["A2"] = o.buyer
    ws["A3"] = o.address
    r = 5
    for label, value in head or [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["cur"], o.currency),
        (w["pay"], o.payment or "-"),
    ]:
        ws.cell(r, 1, label).font = Font(bold=True)
        ws.cell(r, 3, value)
        r += 1
    r += 1
    for c, col in enumerate(cols, 1):
        ws.cell(r, c, col.head).font = Font(bold=True)
    raw: dict[str, Callable[[int, Line], Any]] = {
        w["pos"]: lambda j, ln: j,
        w["qty"]: lambda j, ln: int(ln.qty),
        w["price"]: lambda j, ln: float(ln.price),
        w["netp"]: lambda j, ln: float(ln.price),
        w["listp"]: lambda j, ln: float(ln.listed),
        w["disc"]: lambda j, ln: float(ln.off) / 100,
        w["amount"]: lambda j, ln: float(ln.amount),
    }
    for j, ln in enumerate(o.lines, 1):
        r += 1
        for c, col in enumerate(cols, 1):
            if numbers and col.head in raw:
                cell = ws.cell(r, c, raw[col.head](j, ln))
                if col.head == w["disc"]:
                    cell.number_format = "0.0%"
                elif col.head in (w["price"], w["netp"], w["listp"], w["amount"]):
                    cell.number_format = fmt_money
            else:
                ws.cell(r, c, col.cell(j, ln))
    r += 1
    for label, v in (
        sums_rows
        if sums_rows is not None
        else [
            (sums(o)[0][0], o.net),
            (sums(o)[1][0], o.tax),
            (sums(o)[2][0], o.gross),
        ]
    ):
        r += 1
        ws.cell(r, len(cols) - 1, label).font = Font(bold=True)
        cell = ws.cell(r, len(cols), float(v) if numbers else n(o, v))
        cell.number_format = fmt_money
    for row in after or []:
        r += 1
        for c, v in enumerate(row, 1):
            ws.cell(r, c, v)
    for c, col in enumerate(cols, 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = max(8, col.width * 1.4)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    xlsx_save(wb, path, o.person)


def html_table(
    o: Order, cols: list[Col], *, rtl: bool = False, style: str = "", sums_rows: list[tuple[str, str]] | None = None
) -> str:
    """The lines as an HTML table (its head row, the rows, the sums spanning the columns)."""
    cell = f' style="{style}"' if style else ""
    th = "".join(f"<th{cell}>{escape(c.head)}</th>" for c in cols)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td{cell} align="{"right" if c.align == "r" else "left"}">{escape(v)}</td>' for c, v in zip(cols, row)
        )
        + "</tr>"
        for row in table_rows(o, cols)
    )
    body += "".join(
        f'<tr><td{cell} colspan="{len(cols) - 1}" align="right"><b>{escape(a)}</b></td><td{cell} align="right"><b>{escape(b)}</b></td></tr>'
        for a, b in (sums_rows if sums_rows is not None else sums(o))
    )
    direction = ' dir="rtl"' if rtl else ""
    return f'<table border="1" cellspacing="0" cellpadding="3"{direction}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def html_page(
    o: Order,
    cols: list[Col],
    *,
    rtl: bool = False,
    lang: str = "",
    head: list[tuple[str, str]] | None = None,
    title: str | None = None,
) -> str:
    w = w_of(o)
    pairs = head or [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["cur"], o.currency),
        (w["pay"], o.payment or "-"),
    ]
    rows = "".join(f'<tr><th align="left">{escape(a)}</th><td>{escape(b)}</td></tr>' for a, b in pairs)
    direction = ' dir="rtl"' if rtl else ""
    return (
        f'<!DOCTYPE html><html lang="{lang or o.words}"{direction}><head><meta charset="utf-8">'
        f"<title>{escape(title or w['title'])} {escape(o.number)}</title></head><body>"
        f"<h3>{escape(o.buyer)}</h3><p>{escape(o.address)}</p><h1>{escape(title or w['title'])}</h1>"
        f"<table>{rows}</table><br>{html_table(o, cols, rtl=rtl)}<p>{escape(o.person)} · {escape(o.mail)}</p>"
        "</body></html>"
    )


OUTLOOK_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">'
    '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" '
    'content="Microsoft Word 15 (filtered medium)"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;'
    'font-family:"Calibri",sans-serif;} --></style></head><body lang="{lang}" link="#0563C1" vlink="#954F72"'
    '{dir} style="word-wrap:break-word"><div class="WordSection1">'
)


def mso(text: str) -> str:
    return f'<p class="MsoNormal">{escape(text) if text else "<o:p>&nbsp;</o:p>"}</p>'


def outlook_html(lang: str, top: list[str], table: str, tail: list[str], *, rtl: bool = False, quoted: str = "") -> str:
    return (
        OUTLOOK_HEAD.replace("{lang}", lang).replace("{dir}", ' dir="rtl"' if rtl else "")
        + "".join(mso(t) for t in top)
        + table
        + "".join(mso(t) for t in tail)
        + quoted
        + "</div></body></html>"
    )


def text_table(o: Order, cols: list[Col]) -> list[str]:
    """The lines as a text table in columns padded with spaces, as a mail client's plain part."""
    rows = [[c.head for c in cols], *table_rows(o, cols)]
    ws = [max(len(r[i]) for r in rows) for i in range(len(cols))]
    out = []
    for row in rows:
        out.append(
            "  ".join(v.rjust(wd) if c.align == "r" else v.ljust(wd) for c, v, wd in zip(cols, row, ws)).rstrip()
        )
    return out


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
        o = make_order(self.seed, name, locale, n, number, **kw)
        o.vat = Decimal(VAT[o.words])
        return o

    def r(self, name: str) -> random.Random:
        return draw(self.seed, name + ":layout")

    def path(self, rel: str) -> Path:
        return self.out.path(rel)

    def add(self, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.out.add(rel, golden, producer=FAMILIES[family], lang=lang, family=family)

    def mail(self, rel: str, msg: Any, golden: dict[str, Any], lang: str, family: str) -> None:
        self.path(rel).write_bytes(msg.as_bytes())
        self.add(rel, golden, lang, family)

    def convert(
        self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str, infilter: str = ""
    ) -> None:
        self.pending.append((src, ext, rel, golden, lang, family, infilter))


def build_fresh5(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


def mailer(o: Order, name: str, subject: str, **kw: Any) -> Any:
    return message(sender=(o.person, o.mail), subject=subject, key=f"f5-{name}", sent=sent_on(o.ordered), **kw)


def digits(lo: int, hi: int) -> Callable[[random.Random], str]:
    return lambda r: str(r.randrange(lo, hi))


# --- reportlab canvas


@family("eu-eskaera-schedule-subrows", "reportlab-canvas-schedules")
def basque_schedules(m: Maker) -> None:
    """Basque: dates year first (2026/11/18), each line followed by its delivery schedule sub-rows."""
    for k in range(4):
        name = f"eu-eskaera-{k}"
        o = m.order(name, "eu", 2 + k % 3, lambda r: f"EE{r.randrange(26000, 26999)}", k=k)
        o.payment = PAY["eu"] if k % 2 else None
        add_plans(o, m.r(name))
        canvas_pdf(m.path(f"pdf/{name}.pdf"), o, columns(o), creator="Ahora ERP", plans=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "eu", "eu-eskaera-schedule-subrows")


@family("gl-pedido-continued-bare", "reportlab-canvas-two-pages")
def galician_continued(m: Maker) -> None:
    """Galician: the lines go on on the second page with no header row and no carried-forward row."""
    for k in range(4):
        name = f"gl-pedido-{k}"
        o = m.order(name, "gl", 9 + k, lambda r: f"PC/{r.randrange(100, 999)}/26", k=k)
        o.payment = PAY["gl"] if k % 2 == 0 else None
        canvas_pdf(m.path(f"pdf/{name}.pdf"), o, columns(o), creator="Sage 200", split=5 + k % 3)
        m.add(f"pdf/{name}.pdf", o.golden(), "gl", "gl-pedido-continued-bare")


@family("mt-ordni-three-tables", "reportlab-canvas-boxed-tables")
def maltese_tables(m: Maker) -> None:
    """Maltese: the head as a boxed table, the lines, a VAT summary table before the sums and a
    delivery and bank details table after them: four tables on one page."""
    for k in range(4):
        name = f"mt-ordni-{k}"
        o = m.order(name, "mt", 2 + k % 3, lambda r: f"MX-{r.randrange(4000, 4999)}", k=k)
        w = w_of(o)
        o.payment = PAY["mt"]
        vat = [["VAT %", "Bażi", "VAT"], [f"{o.vat}%", f"€{n(o, o.net)}", f"€{n(o, o.tax)}"]]
        bank = [
            [w["ship"], "Bank", "IBAN"],
            [o.address.split(",")[0], "Bank of Valletta", f"MT84 VALL 2201 3000 0000 {k + 4}0{len(o.buyer)}1 2345"],
        ]
        canvas_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o, sign="€"),
            creator="Microsoft Dynamics NAV",
            boxed_head=True,
            before_sums=[("Sommarju tal-VAT", vat, [100, 120, 120], "rrr")],
            extra=[("Kunsinna u ħlas", bank, [170, 120, 225], "lll")],
            sums_rows=sums(o, "€"),
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "mt", "mt-ordni-three-tables")


@family("ja-chumonsho-fullwidth-figures", "reportlab-canvas-cjk-fullwidth")
def japanese_fullwidth(m: Maker) -> None:
    """Japanese: every figure full-width (数量 １，５００, 単価 ￥２，３４０), the date 令和-free but
    full-width, the title set vertically down the left edge, a seal box."""
    for k in range(4):
        name = f"ja-chumon-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"HS-{r.randrange(26000, 26999)}", k=k)
        w = w_of(o)
        o.payment = PAY["ja"] if k % 2 else None
        cols = columns(o)
        fw = [
            Col(c.head, c.width, c.align, (lambda f: lambda j, ln: f(j, ln).translate(FULLWIDTH))(c.cell), c.role)
            if c.align != "l"
            else c
            for c in cols
        ]
        head = [
            (w["date"], day(o.ordered, "ja_full")),
            (w["due"], day(o.due, "ja_full")),
            (w["supplier"], f"{SUPPLIER} 御中"),
            (w["pay"], o.payment or "-"),
        ]
        s = [(a, "￥" + b.translate(FULLWIDTH)) for a, b in sums(o)]
        src = m.path(f"pdf/{name}.pdf")
        canvas_pdf(
            src,
            o,
            fw,
            creator="楽々販売",
            font="cjk0",
            bold="cjk1",
            head=head,
            sums_rows=s,
            title="注文書",
            size=7,
            hook=vertical_title("注文書"),
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-chumonsho-fullwidth-figures")


@family("zh-cgdd-plan-and-tax-tables", "reportlab-canvas-cjk-tables")
def chinese_tables(m: Maker) -> None:
    """Chinese: the lines table, then a delivery-plan table (行号, 日期, 数量) and a tax table by rate."""
    for k in range(4):
        name = f"zh-cgdd-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"CG{r.randrange(20261100, 20261199)}{r.randrange(10, 99)}", k=k)
        w = w_of(o)
        o.payment = PAY["zh"] if k % 2 == 0 else None
        r = m.r(name)
        add_plans(o, r)
        plan = [["行号", w["item"], "交货日期", w["qty"]]] + [
            [str(j), ln.code, d(o, when), qty(o, q)] for j, ln in enumerate(o.lines, 1) for when, q in ln.plan
        ]
        tax = [["税率", "不含税金额", "税额"], [f"{o.vat}%", n(o, o.net), n(o, o.tax)]]
        canvas_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o),
            creator="用友U9",
            font="cjk0",
            bold="cjk1",
            before_sums=[(w["sched"], plan, [60, 140, 120, 100], "lllr"), ("税额明细", tax, [100, 140, 140], "rrr")],
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "zh", "zh-cgdd-plan-and-tax-tables")


@family("de-lieferabruf-blanket-release", "reportlab-canvas-release")
def german_release(m: Maker) -> None:
    """A release against a blanket order (Lieferabruf zum Rahmenauftrag): the blanket's number and
    quantity, what was called off before, this release's quantity; the release's own number is
    the order number."""
    for k in range(4):
        name = f"de-abruf-{k}"
        o = m.order(name, "de", 2 + k % 2, lambda r: f"LA-{r.randrange(460000, 469999)}-{r.randrange(1, 9):02d}", k=k)
        w = w_of(o)
        o.payment = PAY["de"]
        frame = f"RV-{4600000 + len(o.buyer) * 101 + k}"
        cols = columns(o)
        cols.insert(3, Col("Rahmen", 8, "r", lambda j, ln, o=o: qty(o, ln.qty * 10)))
        cols.insert(4, Col("abgerufen", 8, "r", lambda j, ln, o=o: qty(o, ln.qty * (j + 2))))
        cols[5].head = "Abruf"
        head = [
            ("Abruf-Nr. (Bestell-Nr.)", o.number),
            ("Rahmenauftrag", f"{frame} vom 02.01.2026, gültig bis 31.12.2026"),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due)),
            (w["supplier"], SUPPLIER),
            (w["pay"], o.payment),
        ]
        canvas_pdf(m.path(f"pdf/{name}.pdf"), o, cols, creator="proALPHA", head=head, title="LIEFERABRUF")
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-lieferabruf-blanket-release")


# --- fpdf2


@family("hy-patver-line-discounts", "fpdf2-cells-discounts")
def armenian_discounts(m: Maker) -> None:
    """Armenian: list price, discount % and net price on each line, drams without decimals."""
    for k in range(4):
        name = f"hy-patver-{k}"
        o = m.order(name, "hy", 2 + k % 3, lambda r: f"ԳՊ-{r.randrange(1000, 9999)}", k=0, currency="AMD")
        o.payment = PAY["hy"] if k % 2 else None
        add_discounts(o, m.r(name))
        fpdf_pdf(m.path(f"pdf/{name}.pdf"), o, columns(o, discount=True), landscape=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "hy", "hy-patver-line-discounts")


@family("az-sifaris-tax-codes", "fpdf2-cells-tax-codes")
def azerbaijani_tax_codes(m: Maker) -> None:
    """Azerbaijani: a tax code on each line (A: ƏDV 18%, E: exempt), a summary table per code."""
    for k in range(4):
        name = f"az-sifaris-{k}"
        o = m.order(name, "az", 3 + k % 2, lambda r: f"SF-{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=k)
        w = w_of(o)
        add_tax_codes(o, [("A", Decimal(18)), ("E", Decimal(0))], m.r(name))
        summary = [[w["taxc"], "Dərəcə", "Baza", w["vat"]]] + [
            [c, f"{fmt(rate, 'space')}%", n(o, base), n(o, t)] for c, rate, base, t in o.tax_groups()
        ]
        s = [(w["net"], n(o, o.net)), (w["vat"], n(o, o.tax)), (w["total"], n(o, o.gross))]
        fpdf_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o, taxcode=True),
            sums_rows=s,
            extra=[("ƏDV üzrə xülasə", summary, [25, 25, 40, 40], "crrr")],
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "az", "az-sifaris-tax-codes")


@family("be-zamova-two-currencies", "fpdf2-cells-two-currencies")
def belarusian_two_currencies(m: Maker) -> None:
    """Belarusian: prices and amounts in euro, each amount again in roubles at the printed rate
    (a column "BYN"); the order is in euro."""
    for k in range(4):
        name = f"be-zamova-{k}"
        o = m.order(name, "be", 2 + k % 3, lambda r: f"З-{r.randrange(1000, 9999)}/26", k=k)
        w = w_of(o)
        rate = Decimal("3.5521") + Decimal(k) / 1000
        o.payment = PAY["be"] if k % 2 == 0 else None
        note = f"Курс НБРБ на {d(o, o.ordered)}: 1 EUR = {fmt(rate, 'space')} BYN. Разлікі ў EUR."
        s = sums(o, "€ ") + [(f"{w['total']}, BYN", fmt((o.gross * rate).quantize(CENT), "space"))]
        fpdf_pdf(m.path(f"pdf/{name}.pdf"), o, columns(o, fx=("BYN", rate)), sums_rows=s, note=note)
        m.add(f"pdf/{name}.pdf", o.golden(), "be", "be-zamova-two-currencies")


# --- platypus


@family("uz-buyurtma-som-in-each-cell", "reportlab-platypus-currency-cells")
def uzbek_currency_cells(m: Maker) -> None:
    """Uzbek: every price and amount written with "so'm" after it, whole sums with spaces."""
    for k in range(4):
        name = f"uz-buyurtma-{k}"
        o = m.order(name, "uz", 2 + k % 3, lambda r: f"XB-{r.randrange(100, 999)}", k=k)
        o.payment = PAY["uz"] if k % 2 else None
        cols = columns(o)
        for c in cols:
            if c.align == "r" and c.head not in (w_of(o)["qty"],):
                c.cell = (lambda f: lambda j, ln: f"{f(j, ln)} so'm")(c.cell)
        s = [(a, f"{b} so'm") for a, b in sums(o)]
        platypus_pdf(m.path(f"pdf/{name}.pdf"), o, cols, creator="1C:Korxona", sums_rows=s)
        m.add(f"pdf/{name}.pdf", o.golden(), "uz", "uz-buyurtma-som-in-each-cell")


@family("cy-archeb-bilingual-pounds", "reportlab-platypus-bilingual")
def welsh_bilingual(m: Maker) -> None:
    """Welsh and English on every label ("Rhif archeb / Order No."), £ in every cell."""
    en = LAB["en"]
    for k in range(4):
        name = f"cy-archeb-{k}"
        o = m.order(name, "cy", 2 + k % 3, lambda r: f"AB{r.randrange(100000, 999999)}", k=k)
        w = w_of(o)
        o.payment = PAY["cy"] if k % 2 == 0 else None
        cols = columns(o, sign="£")
        for c in cols:
            key = next(kk for kk, v in w.items() if v == c.head)
            c.head = f"{c.head} / {en[key]}"
        head = [
            (f"{w[kk]} / {en[kk]}", v)
            for kk, v in (
                ("no", o.number),
                ("date", d(o, o.ordered)),
                ("due", d(o, o.due)),
                ("supplier", SUPPLIER),
                ("pay", o.payment or "-"),
            )
        ]
        s = [
            (f"{w['net']} / {en['net']}", f"£{n(o, o.net)}"),
            (f"{w['vat']} / VAT 20%", f"£{n(o, o.tax)}"),
            (f"{w['total']} / {en['total']}", f"£{n(o, o.gross)}"),
        ]
        platypus_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            cols,
            creator="Sage 50",
            head=head,
            sums_rows=s,
            title=f"{w['title']} / {en['title']}",
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "cy", "cy-archeb-bilingual-pounds")


# --- Word and workbooks, direct and through LibreOffice


@family("fa-sefaresh-docx-printed-rtl", "python-docx-rtl+libreoffice")
def persian_docx_printed(m: Maker) -> None:
    """Persian, right to left, Persian digits in the head and the figures, Latin part codes; the
    .docx printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"fa-sefaresh-{k}"
        o = m.order(name, "fa", 2 + k % 3, lambda r: f"PO-{r.randrange(14050, 14059)}-{r.randrange(100, 999)}", k=k)
        o.payment = PAY["fa"] if k % 2 else None
        src = m.work / f"f5-{name}.docx"
        docx_order(src, o, columns(o), rtl=True)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "fa", "fa-sefaresh-docx-printed-rtl")


@family("fa-sefaresh-xlsx-rtl-sheet", "openpyxl-rtl")
def persian_xlsx(m: Maker) -> None:
    """Persian: a sheet shown right to left, labels in Persian, figures as numbers."""
    for k in range(4):
        name = f"fa-sheet-{k}"
        o = m.order(name, "fa", 2 + (k + 1) % 3, lambda r: f"{r.randrange(1405000, 1405999)}", k=k + 1)
        o.payment = PAY["fa"] if k % 2 == 0 else None
        head = [
            (a, b)
            for a, b in [
                (w_of(o)["no"], o.number),
                (w_of(o)["date"], o.ordered.strftime("%Y/%m/%d")),
                (w_of(o)["due"], o.due.strftime("%Y/%m/%d")),
                (w_of(o)["supplier"], SUPPLIER),
                (w_of(o)["cur"], o.currency),
                (w_of(o)["pay"], o.payment or "-"),
            ]
        ]
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, columns(o), rtl=True, head=head)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "fa", "fa-sefaresh-xlsx-rtl-sheet")


@family("ar-amr-docx-usd-and-aed", "python-docx-rtl")
def arabic_docx(m: Maker) -> None:
    """Arabic, right to left: prices in dollars, each amount again in dirhams; a .docx."""
    for k in range(4):
        name = f"ar-amr-{k}"
        o = m.order(name, "ar", 2 + k % 3, lambda r: f"GE/PO/{r.randrange(2600, 2699)}", k=0, currency="USD")
        w = w_of(o)
        o.payment = PAY["ar"] if k % 2 else None
        rate = Decimal("3.6725")
        s = sums(o, "$") + [(f"{w['total']} (AED)", fmt((o.gross * rate).quantize(CENT), "en"))]
        docx_order(
            m.path(f"docx/{name}.docx"),
            o,
            columns(o, fx=("AED", rate)),
            rtl=True,
            sums_rows=s,
            after=[f"سعر الصرف: 1 USD = {rate} AED. العملة المعتمدة: دولار أمريكي."],
        )
        m.add(f"docx/{name}.docx", o.golden(), "ar", "ar-amr-docx-usd-and-aed")


@family("he-hazmana-docx-printed-rtl", "python-docx-rtl+libreoffice")
def hebrew_printed(m: Maker) -> None:
    """Hebrew, right to left, ₪ in each cell, printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"he-hazmana-{k}"
        o = m.order(name, "he", 2 + k % 3, lambda r: f"{r.randrange(70000, 79999)}", k=k)
        o.payment = PAY["he"] if k % 2 == 0 else None
        src = m.work / f"f5-{name}.docx"
        docx_order(src, o, columns(o, sign="₪"), rtl=True, sums_rows=sums(o, "₪"))
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "he", "he-hazmana-docx-printed-rtl")


@family("eu-eskaera-docx-saved-odt", "python-docx+libreoffice-odt")
def basque_odt(m: Maker) -> None:
    for k in range(4):
        name = f"eu-odt-{k}"
        o = m.order(name, "eu", 2 + (k + 1) % 3, lambda r: f"ESK-{r.randrange(1000, 9999)}", k=k + 1)
        o.payment = PAY["eu"] if k % 2 == 0 else None
        src = m.work / f"f5-{name}.docx"
        docx_order(src, o, columns(o), letter=["Kaixo,", "Honako materiala eskatzen dizuegu:"])
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "eu", "eu-eskaera-docx-saved-odt")


@family("be-zamova-xlsx-saved-ods", "openpyxl+libreoffice-ods")
def belarusian_ods(m: Maker) -> None:
    for k in range(4):
        name = f"be-ods-{k}"
        o = m.order(name, "be", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}-З", k=k + 1)
        o.payment = PAY["be"] if k % 2 else None
        src = m.work / f"f5-{name}.xlsx"
        xlsx_order(src, o, columns(o))
        m.convert(src, "ods", f"ods/{name}.ods", o.golden(), "be", "be-zamova-xlsx-saved-ods")


@family("bs-narudzba-xlsx-printed-rabat", "openpyxl+libreoffice-pdf")
def bosnian_printed(m: Maker) -> None:
    """Bosnian: a workbook with a rabat (discount) on each line, printed to PDF by LibreOffice Calc."""
    for k in range(4):
        name = f"bs-narudzba-{k}"
        o = m.order(name, "bs", 2 + k % 3, lambda r: f"NAR-{r.randrange(100, 999)}/2026", k=k)
        o.payment = PAY["bs"] if k % 2 == 0 else None
        add_discounts(o, m.r(name))
        src = m.work / f"f5-{name}.xlsx"
        xlsx_order(src, o, columns(o, discount=True), numbers=False)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "bs", "bs-narudzba-xlsx-printed-rabat")


@family("uz-buyurtma-html-printed", "html+libreoffice")
def uzbek_html_printed(m: Maker) -> None:
    """Uzbek: a web ERP's order page printed to PDF by LibreOffice Writer; long dates (2026-yil 18-noyabr)."""
    for k in range(4):
        name = f"uz-html-{k}"
        o = m.order(name, "uz", 2 + (k + 1) % 3, lambda r: f"B-{r.randrange(10000, 99999)}", k=k + 1)
        w = w_of(o)
        o.payment = PAY["uz"] if k % 2 == 0 else None
        head = [
            (w["no"], o.number),
            (w["date"], day(o.ordered, "uz_long")),
            (w["due"], day(o.due, "uz_long")),
            (w["supplier"], SUPPLIER),
            (w["cur"], "UZS"),
            (w["pay"], o.payment or "-"),
        ]
        src = m.work / f"f5-{name}.html"
        src.write_text(html_page(o, columns(o), head=head), encoding="utf-8")
        m.convert(
            src, "pdf", f"pdf/{name}.pdf", o.golden(), "uz", "uz-buyurtma-html-printed", "--infilter=HTML (StarWriter)"
        )


@family("fr-commande-remise-par-ligne-docx", "python-docx-discounts")
def french_discount_docx(m: Maker) -> None:
    for k in range(4):
        name = f"fr-remise-{k}"
        o = m.order(name, "fr", 2 + k % 3, lambda r: f"CDE{r.randrange(260000, 269999)}", k=k)
        o.payment = PAY["fr"] if k % 2 else None
        add_discounts(o, m.r(name))
        docx_order(m.path(f"docx/{name}.docx"), o, columns(o, discount=True), font="Liberation Sans")
        m.add(f"docx/{name}.docx", o.golden(), "fr", "fr-commande-remise-par-ligne-docx")


@family("nl-bestelling-btw-codes-xlsx", "openpyxl-tax-codes")
def dutch_tax_codes(m: Maker) -> None:
    """Dutch: a BTW code on each line (H 21%, L 9%), the VAT summed per code under the lines."""
    for k in range(4):
        name = f"nl-btw-{k}"
        o = m.order(name, "nl", 3 + k % 2, lambda r: f"IO{r.randrange(26000, 26999)}", k=k)
        w = w_of(o)
        o.payment = PAY["nl"] if k % 2 == 0 else None
        add_tax_codes(o, [("H", Decimal(21)), ("L", Decimal(9))], m.r(name))
        s: list[tuple[str, Decimal]] = [(w["net"], o.net)]
        s += [(f"BTW {c} {rate}%", t) for c, rate, _, t in o.tax_groups()]
        s.append((w["total"], o.gross))
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, columns(o, taxcode=True), sums_rows=s, fmt_money='"€" #,##0.00')
        m.add(f"xlsx/{name}.xlsx", o.golden(), "nl", "nl-bestelling-btw-codes-xlsx")


@family("zh-vmi-jiaoliao-xlsx", "openpyxl-vmi-call-off")
def chinese_vmi(m: Maker) -> None:
    """A vendor-managed-inventory call-off (VMI叫料单): for each part the buyer's minimum, maximum
    and stock in the hub, and the quantity called off now at the contract price: an order."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"zh-vmi-{k}"
        o = m.order(name, "zh", 3 + k % 2, lambda r: f"JL{r.randrange(2611000, 2611999)}", k=k)
        o.vat = Decimal(0)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "叫料单"
        ws["A1"] = "VMI 叫料单（补货通知）"
        ws["A1"].font = Font(size=14, bold=True)
        head = [
            ("叫料单号", o.number),
            ("叫料日期", d(o, o.ordered)),
            ("要求到货日期", d(o, o.due)),
            ("采购方", o.buyer),
            ("供应商", SUPPLIER),
            ("VMI仓", "宁波保税区中转仓 3号库"),
            ("币种", o.currency),
        ]
        for i, (a, b) in enumerate(head, 3):
            ws.cell(i, 1, a).font = Font(bold=True)
            ws.cell(i, 2, b)
        r0 = len(head) + 4
        heads = [
            "序号",
            "物料编码",
            "物料名称",
            "单位",
            "最低库存",
            "最高库存",
            "当前库存",
            "本次叫料数量",
            "合同单价",
            "金额",
        ]
        for c, h in enumerate(heads, 1):
            ws.cell(r0, c, h).font = Font(bold=True)
        for j, ln in enumerate(o.lines, 1):
            stock = int(ln.qty) // 4
            vals = [
                j,
                ln.code,
                ln.text,
                ln.unit,
                int(ln.qty) // 2,
                int(ln.qty) + stock,
                stock,
                int(ln.qty),
                float(ln.price),
                float(ln.amount),
            ]
            for c, v in enumerate(vals, 1):
                ws.cell(r0 + j, c, v)
        ws.cell(r0 + len(o.lines) + 2, 9, "合计").font = Font(bold=True)
        ws.cell(r0 + len(o.lines) + 2, 10, float(o.net))
        ws.cell(r0 + len(o.lines) + 4, 1, "请按本次叫料数量从VMI仓出库送货，逾期按合同条款处理。")
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "zh", "zh-vmi-jiaoliao-xlsx")


@family("yo-ibere-docx-letter-terms", "python-docx-letter")
def yoruba_letter(m: Maker) -> None:
    """Yoruba with English: a letter above the lines table and terms below it."""
    for k in range(4):
        name = f"yo-ibere-{k}"
        o = m.order(name, "yo", 2 + k % 3, lambda r: f"OAM/PO/{r.randrange(260, 299)}/{r.randrange(10, 99)}", k=k)
        o.payment = PAY["yo"] if k % 2 else None
        o.vat = Decimal("7.5")
        letter = [
            "Ẹ kú iṣẹ́ o,",
            "Jọ̀wọ́ ẹ pèsè àwọn ọjà wọ̀nyí fún wa gẹ́gẹ́ bí a ti ṣàlàyé nísàlẹ̀ (please supply as below):",
        ]
        after = [
            "Àwọn òfin (terms): 1. Ẹ fi nọ́mbà àṣẹ yìí sí gbogbo ìwé ìfijíṣẹ́ àti ìwé owó.",
            "2. Ọjà tí kò bá ní ìwé ẹ̀rí dídára kò ní gbà.",
            "3. Owó tí a kọ sílẹ̀ yìí jẹ́ Naira (NGN), VAT 7.5% wà nínú àpapọ̀ gbogbo.",
        ]
        docx_order(
            m.path(f"docx/{name}.docx"), o, columns(o, sign="₦"), letter=letter, after=after, sums_rows=sums(o, "₦")
        )
        m.add(f"docx/{name}.docx", o.golden(), "yo", "yo-ibere-docx-letter-terms")


# --- CSV and TSV


@family("gl-pedido-tsv-export", "erp-tsv")
def galician_tsv(m: Maker) -> None:
    """Galician: a TSV export, the head as KEY<TAB>value rows, then the lines, decimals with commas."""
    for k in range(4):
        name = f"gl-tsv-{k}"
        o = m.order(name, "gl", 2 + k % 3, lambda r: f"{r.randrange(2026000, 2026999)}", k=k + 1)
        w = w_of(o)
        o.vat = Decimal(0)
        buf = io.StringIO()
        out = csv.writer(buf, delimiter="\t", lineterminator="\n")
        for a, b in (
            (w["title"], ""),
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due)),
            (w["buyer"], o.buyer),
            (w["supplier"], SUPPLIER),
            (w["cur"], o.currency),
        ):
            out.writerow([a, b])
        out.writerow([])
        out.writerow([w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]])
        for j, ln in enumerate(o.lines, 1):
            out.writerow([j, ln.code, ln.text, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount)])
        out.writerow(["", "", "", "", "", w["total"], n(o, o.gross)])
        m.path(f"txt/{name}.txt").write_text(buf.getvalue(), encoding="utf-8")  # saved by the ERP as .txt
        m.add(f"txt/{name}.txt", o.golden(), "gl", "gl-pedido-tsv-export")


@family("mt-ordni-csv-euro-in-cells", "csv-currency-cells")
def maltese_csv(m: Maker) -> None:
    """Maltese: a comma-separated export whose prices are quoted with the euro sign ("€1,234.50")."""
    for k in range(4):
        name = f"mt-csv-{k}"
        o = m.order(name, "mt", 2 + (k + 1) % 3, lambda r: f"PO{r.randrange(18000, 18999)}", k=k + 1)
        w = w_of(o)
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        out.writerow(
            [
                w["no"],
                w["date"],
                w["due"],
                w["buyer"],
                w["item"],
                w["desc"],
                w["qty"],
                w["unit"],
                w["price"],
                w["amount"],
            ]
        )
        for ln in o.lines:
            out.writerow(
                [
                    o.number,
                    d(o, o.ordered),
                    d(o, o.due),
                    o.buyer,
                    ln.code,
                    ln.text,
                    qty(o, ln.qty),
                    ln.unit,
                    f"€{n(o, ln.price)}",
                    f"€{n(o, ln.amount)}",
                ]
            )
        for label, v in sums(o, "€"):
            out.writerow(["", "", "", "", "", "", "", "", label, v])
        m.path(f"csv/{name}.csv").write_text(buf.getvalue(), encoding="utf-8")
        m.add(f"csv/{name}.csv", o.golden(), "mt", "mt-ordni-csv-euro-in-cells")


@family("tr-vmi-cagri-csv", "csv-vmi-call-off")
def turkish_vmi_csv(m: Maker) -> None:
    """A VMI call-off as a semicolon CSV in Turkish: min/max/stock beside the quantity called off."""
    for k in range(4):
        name = f"tr-vmi-{k}"
        o = m.order(name, "tr", 2 + k % 3, lambda r: f"CGR-{r.randrange(26000, 26999)}", k=k)
        o.vat = Decimal(0)
        buf = io.StringIO()
        out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        out.writerow(["VMI ÇAĞRI EMRİ"])
        out.writerow(["Çağrı No", o.number])
        out.writerow(["Çağrı Tarihi", d(o, o.ordered)])
        out.writerow(["İstenen Teslim", d(o, o.due)])
        out.writerow(["Müşteri", o.buyer])
        out.writerow(["Tedarikçi", SUPPLIER])
        out.writerow(["Para Birimi", o.currency])
        out.writerow([])
        out.writerow(
            [
                "Sıra",
                "Stok Kodu",
                "Açıklama",
                "Min",
                "Max",
                "Depo Stok",
                "Çağrı Miktarı",
                "Birim",
                "Birim Fiyat",
                "Tutar",
            ]
        )
        for j, ln in enumerate(o.lines, 1):
            stock = ln.qty // 5
            out.writerow(
                [
                    j,
                    ln.code,
                    ln.text,
                    qty(o, ln.qty // 2),
                    qty(o, ln.qty + stock),
                    qty(o, stock),
                    qty(o, ln.qty),
                    ln.unit,
                    n(o, ln.price),
                    n(o, ln.amount),
                ]
            )
        out.writerow(["", "", "", "", "", "", "", "", "Toplam", n(o, o.net)])
        m.path(f"csv/{name}.csv").write_bytes(buf.getvalue().encode("cp1254"))
        m.add(f"csv/{name}.csv", o.golden(), "tr", "tr-vmi-cagri-csv")


# --- mail bodies


@family("he-hazmana-outlook-rtl-table", "email-outlook-rtl")
def hebrew_outlook(m: Maker) -> None:
    """Outlook in Hebrew: a right-to-left body, the lines as a table with Latin part codes, ₪ in the cells."""
    for k in range(4):
        name = f"he-outlook-{k}"
        o = m.order(
            name, "he", 2 + (k + 1) % 3, lambda r: f"PO{r.randrange(4500, 4599)}{r.randrange(100, 999)}", k=k + 1
        )
        w = w_of(o)
        o.payment = PAY["he"] if k % 2 else None
        top = [
            "שלום רב,",
            "",
            f"מצורפת {w['title']} {o.number} מתאריך {d(o, o.ordered)}.",
            f"{w['due']}: {d(o, o.due)}",
            "",
        ]
        tail = [
            "",
            *(f"{w['pay']}: {o.payment}" for _ in [0] if o.payment),
            "",
            "בברכה,",
            o.person,
            o.buyer,
            "טל' 04-9{0}88{1}0 | נייד 052-{1}4{0}7713".format(len(o.buyer) % 10, k),
        ]
        cols = columns(o, sign="₪")
        html = outlook_html("HE", top, html_table(o, cols, rtl=True, sums_rows=sums(o, "₪")), tail, rtl=True)
        text = "\n".join([*top, *text_table(o, cols), *(f"{a} {b}" for a, b in sums(o, "₪")), *tail])
        msg = mailer(
            o, name, f"{w['title']} {o.number}", text=text, html=html, headers={"X-Mailer": "Microsoft Outlook 16.0"}
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "he", "he-hazmana-outlook-rtl-table")


@family("ur-kharid-text-mail", "email-plain-urdu")
def urdu_mail(m: Maker) -> None:
    """Urdu plain text: right-to-left sentences, a line per item with Latin codes and Western digits."""
    for k in range(4):
        name = f"ur-kharid-{k}"
        o = m.order(name, "ur", 2 + k % 3, lambda r: f"SEW-PO-{r.randrange(1000, 9999)}", k=k)
        w = w_of(o)
        o.payment = PAY["ur"]
        lines = [
            f"{j}. {ln.code} — {ln.text} — {w['qty']}: {qty(o, ln.qty)} {ln.unit} — {w['price']}: Rs. {n(o, ln.price)}"
            f" — {w['amount']}: Rs. {n(o, ln.amount)}"
            for j, ln in enumerate(o.lines, 1)
        ]
        text = "\n".join(
            [
                "السلام علیکم،",
                "",
                f"براہ کرم درج ذیل اشیاء کی فراہمی کریں۔ {w['no']}: {o.number}، {w['date']}: {d(o, o.ordered)}",
                "",
                *lines,
                "",
                f"{w['net']}: Rs. {n(o, o.net)}",
                f"{w['vat']} {o.vat}%: Rs. {n(o, o.tax)}",
                f"{w['total']}: Rs. {n(o, o.gross)}",
                "",
                f"{w['due']}: {d(o, o.due)}",
                f"{w['pay']}: {o.payment}",
                "",
                "شکریہ،",
                o.person,
                o.buyer,
                o.address,
            ]
        )
        msg = mailer(o, name, f"{w['title']} {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ur", "ur-kharid-text-mail")


@family("ta-kolmuthal-text-mail", "email-plain-tamil")
def tamil_mail(m: Maker) -> None:
    """Tamil plain text (a Sri Lankan buyer, rupees): a fixed-width table under a short letter."""
    for k in range(4):
        name = f"ta-aanai-{k}"
        o = m.order(name, "ta", 2 + (k + 1) % 3, lambda r: f"JE/{r.randrange(100, 999)}/2026", k=k)
        w = w_of(o)
        cols = columns(o)
        text = "\n".join(
            [
                "வணக்கம்,",
                "",
                f"கீழ்க்கண்ட பொருட்களை வழங்குமாறு கேட்டுக்கொள்கிறோம். {w['no']}: {o.number}",
                f"{w['date']}: {d(o, o.ordered)}",
                f"{w['due']}: {d(o, o.due)}",
                f"{w['cur']}: LKR",
                "",
                *text_table(o, cols),
                "",
                *(f"{a}: {b}" for a, b in sums(o)),
                "",
                "நன்றி,",
                o.person,
                o.buyer,
            ]
        )
        msg = mailer(o, name, f"{w['title']} {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ta", "ta-kolmuthal-text-mail")


@family("so-dalab-android-terse", "email-mobile-android")
def somali_android(m: Maker) -> None:
    """Somali from a phone: terse lines ("200 xabbo BR-1234-A @ $14.20"), no line amounts, a total."""
    for k in range(4):
        name = f"so-android-{k}"
        o = m.order(name, "so", 1 + (k + 1) % 3, lambda r: f"BE-{r.randrange(100, 999)}", k=k)
        o.vat = Decimal(0)
        lines = [f"{qty(o, ln.qty)} {ln.unit} {ln.code} ({ln.text}) @ ${n(o, ln.price)}" for ln in o.lines]
        text = "\n".join(
            [
                "Asc,",
                "",
                f"Fadlan noo soo dir dalabkan, lambarka dalabka {o.number}, taariikh {day(o.ordered, 'so_long')}:",
                *lines,
                "",
                f"Wadarta guud: ${n(o, o.gross)} USD",
                f"Waxaan u baahanahay ka hor {day(o.due, 'so_long')}.",
                "",
                "Mahadsanid,",
                o.person,
                o.buyer,
                "",
                "Sent from my Samsung Galaxy",
            ]
        )
        html = (
            '<div dir="auto">'
            + "".join(f'<div dir="auto">{escape(t) or "<br>"}</div>' for t in text.split("\n"))
            + "</div>"
        )
        msg = mailer(o, name, f"Dalab {o.number}", text=text, html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body", amounts=False), "so", "so-dalab-android-terse")


@family("zu-oda-outlook-table", "email-outlook-html")
def zulu_outlook(m: Maker) -> None:
    """Zulu and English in Outlook: MsoNormal paragraphs, the lines in a MsoTableGrid, R in the cells."""
    for k in range(4):
        name = f"zu-outlook-{k}"
        o = m.order(name, "zu", 2 + k % 3, lambda r: f"PO{r.randrange(60000, 69999)}", k=k)
        w = w_of(o)
        o.payment = PAY["zu"] if k % 2 == 0 else None
        cols = columns(o, sign="R ")
        top = [
            "Sawubona,",
            "",
            f"Sicela ukuthi usithumelele lokhu okulandelayo ku-oda lethu {o.number} "
            f"losuku lwe-{d(o, o.ordered)}. {w['due']}: {d(o, o.due)}.",
            "",
        ]
        tail = [
            "",
            *([f"{w['pay']}: {o.payment}"] if o.payment else []),
            "",
            "Ngiyabonga,",
            o.person,
            "Procurement",
            o.buyer,
            f"Tel: +27 31 {460 + k} {1200 + len(o.buyer)}",
        ]
        html = outlook_html("EN-ZA", top, html_table(o, cols, sums_rows=sums(o, "R ")), tail)
        text = "\n".join([*top, *text_table(o, cols), *(f"{a}: {b}" for a, b in sums(o, "R ")), *tail])
        msg = mailer(o, name, f"I-oda {o.number}", text=text, html=html, headers={"X-Mailer": "Microsoft Outlook 16.0"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "zu", "zu-oda-outlook-table")


@family("yo-ibere-gmail-html", "email-gmail-html")
def yoruba_gmail(m: Maker) -> None:
    """Gmail: a Yoruba note with an HTML table of the lines, naira in each cell."""
    for k in range(4):
        name = f"yo-gmail-{k}"
        o = m.order(name, "yo", 2 + (k + 1) % 3, lambda r: f"OSF-{r.randrange(1000, 9999)}", k=k + 1)
        w = w_of(o)
        cols = columns(o, sign="₦")
        intro = f"Ẹ káàsán. Ẹ jọ̀wọ́ ẹ pèsè àwọn ọjà yìí. {w['no']}: {o.number}, {w['date']}: {d(o, o.ordered)}, {w['due']}: {d(o, o.due)}."
        html = (
            f'<div dir="ltr"><div>{escape(intro)}</div><br>{html_table(o, cols, style="border:1px solid #ccc;padding:2px 4px", sums_rows=sums(o, "₦"))}'
            f'<br><div>Ẹ ṣé púpọ̀!</div><div>-- <br><div dir="ltr" class="gmail_signature">{escape(o.person)}<br>{escape(o.buyer)}</div></div></div>'
        )
        text = "\n".join(
            [
                intro,
                "",
                *text_table(o, cols),
                *(f"{a}: {b}" for a, b in sums(o, "₦")),
                "",
                "Ẹ ṣé púpọ̀!",
                "-- ",
                o.person,
                o.buyer,
            ]
        )
        msg = mailer(o, name, f"Àṣẹ rírà {o.number}", text=text, html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "yo", "yo-ibere-gmail-html")


@family("en-us-po-table-in-reply", "email-outlook-reply")
def reply_with_table(m: Maker) -> None:
    """Outlook: a reply whose new text holds the order as an HTML table, above the quoted thread
    holding an earlier order's table (another number, other quantities)."""
    for k in range(4):
        name = f"en-us-reply-{k}"
        o = m.order(name, "en-US", 2 + k % 3, lambda r: f"{r.randrange(4500100000, 4500199999)}", k=k, words="en")
        old = m.order(name + "-old", "en-US", 2, lambda r: f"{r.randrange(4500000000, 4500099999)}", k=k, words="en")
        o.vat = old.vat = Decimal(0)
        o.payment = PAY["en"] if k % 2 else None
        w = w_of(o)
        cols = columns(o, sign="$")
        top = [
            "Hi team,",
            "",
            f"Thanks for the quick turnaround last time. Please book the following as PO {o.number} "
            f"dated {day(o.ordered, 'mon_d_y')}, needed at our dock by {day(o.due, 'mon_d_y')}:",
            "",
        ]
        tail = [
            "",
            f"Total: ${n(o, o.gross)}",
            *([f"{w['pay']}: {o.payment}"] if o.payment else []),
            "",
            "Thanks,",
            o.person,
            o.buyer,
        ]
        old_cols = columns(old, sign="$")
        quoted = (
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            + mso(f"From: {o.person} <{o.mail}>")
            + mso("Sent: Tuesday, October 20, 2026 10:14 AM")
            + mso(f"To: {SALES}")
            + mso(f"Subject: PO {old.number}")
            + "</div>"
            + mso(f"Please supply against PO {old.number}, delivery {day(old.due - timedelta(days=60), 'mon_d_y')}:")
            + html_table(old, old_cols, sums_rows=[("Total", f"${n(old, old.gross)}")])
        )
        html = outlook_html(
            "EN-US", top, html_table(o, cols, sums_rows=[("Total", f"${n(o, o.gross)}")]), tail, quoted=quoted
        )
        text = "\n".join(
            [
                *top,
                *text_table(o, cols),
                *tail,
                "",
                "From: " + o.person,
                f"Subject: PO {old.number}",
                "",
                *(f"> {t}" for t in text_table(old, old_cols)),
            ]
        )
        msg = mailer(
            o,
            name,
            f"RE: PO {old.number}",
            text=text,
            html=html,
            headers={"X-Mailer": "Microsoft Outlook 16.0", "In-Reply-To": f"<po-{old.number}@{o.mail.split('@')[1]}>"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "en", "en-us-po-table-in-reply")


@family("en-gb-signature-numbers-like-po", "email-plain-signature")
def signature_numbers(m: Maker) -> None:
    """Plain text: an eight-digit order number, and a signature whose phone, mobile and fax numbers
    and company number are eight digits too."""
    for k in range(4):
        name = f"en-gb-sig-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, lambda r: f"{r.randrange(45000000, 45999999)}", k=k, words="en")
        num8 = o.number
        lines = [
            f"  {ln.code}  {ln.text}  x {qty(o, ln.qty)} @ £{n(o, ln.price)} = £{n(o, ln.amount)}" for ln in o.lines
        ]
        text = "\n".join(
            [
                "Morning,",
                "",
                f"Order {num8} below please, dated {day(o.ordered, 'd_mon_y')}, delivery w/c {day(o.due, 'd_mon_y')}.",
                "",
                *lines,
                "",
                f"Sub-total £{n(o, o.net)}",
                f"VAT @ 20% £{n(o, o.tax)}",
                f"Order total £{n(o, o.gross)}",
                "",
                "Cheers,",
                o.person,
                "Buyer",
                o.buyer,
                f"T: 0{num8[1:5]} {num8[5:]}{k} | M: 07{num8[:3]} {num8[3:]}9 | F: {int(num8) + 17 + k}",
                f"Registered in England No. {int(num8) - 3120 - k} | VAT GB {num8[:3]} {num8[3:7]} {k}1",
            ]
        )
        msg = mailer(o, name, f"Order {num8}" if k % 2 else "New order", text=text)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body", units=False), "en", "en-gb-signature-numbers-like-po")


@family("es-pedido-abierto-liberacion-mail", "email-plain-release")
def spanish_release_mail(m: Maker) -> None:
    """A release against an open order in a mail body: its own number (the order), the open
    order's number, the quantities called off now and the cumulative ones."""
    for k in range(4):
        name = f"es-liberacion-{k}"
        o = m.order(name, "es", 2 + k % 2, lambda r: f"PE-{r.randrange(26000, 26999)}", k=k)
        o.vat = Decimal(0)
        frame = f"PA-2026-{10 + k * 7:03d}"
        lines = [
            f"- {ln.code} {ln.text}: liberamos {qty(o, ln.qty)} {ln.unit} a {n(o, ln.price)} € = {n(o, ln.amount)} € "
            f"(acumulado {qty(o, ln.qty * (k + 2))} de {qty(o, ln.qty * 12)} contratadas)"
            for ln in o.lines
        ]
        text = "\n".join(
            [
                "Buenos días,",
                "",
                f"Les enviamos la liberación (pedido de entrega) n.º {o.number} contra el pedido abierto {frame}, "
                f"de fecha {d(o, o.ordered)}:",
                "",
                *lines,
                "",
                f"Importe de esta liberación: {n(o, o.net)} € (IVA no incluido).",
                f"Entrega en nuestro almacén de Murcia el {d(o, o.due)}.",
                "",
                "Un saludo,",
                o.person,
                o.buyer,
            ]
        )
        msg = mailer(o, name, f"Liberación {o.number} / pedido abierto {frame}", text=text)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "es", "es-pedido-abierto-liberacion-mail")


@family("de-vmi-abruf-edi-csv-mail", "email-csv-attachment")
def german_vmi_mail(m: Maker) -> None:
    """A VMI hub's call-off mailed as a CSV attachment (one row a part, the head repeated on each
    row), with a two-line generated body."""
    for k in range(4):
        name = f"de-vmi-{k}"
        o = m.order(name, "de", 2 + k % 3, lambda r: f"VMI{r.randrange(700000, 799999)}", k=k + 1)
        o.vat = Decimal(0)
        buf = io.StringIO()
        out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        out.writerow(
            [
                "Abrufnummer",
                "Abrufdatum",
                "Wunschtermin",
                "Kunde",
                "Lager",
                "Artikel",
                "Bezeichnung",
                "Min",
                "Max",
                "Bestand",
                "Abrufmenge",
                "ME",
                "Preis",
                "Waehrung",
                "Wert",
            ]
        )
        for ln in o.lines:
            out.writerow(
                [
                    o.number,
                    d(o, o.ordered),
                    d(o, o.due),
                    o.buyer,
                    "Konsilager Hameln",
                    ln.code,
                    ln.text,
                    qty(o, ln.qty // 2),
                    qty(o, ln.qty * 2),
                    qty(o, ln.qty // 3),
                    qty(o, ln.qty),
                    ln.unit,
                    n(o, ln.price),
                    "EUR",
                    n(o, ln.amount),
                ]
            )
        text = (
            f"Automatisch erzeugter Lieferabruf {o.number} aus dem Konsignationslager.\n"
            "Bitte liefern Sie die Abrufmengen zum Wunschtermin.\n"
        )
        msg = message(
            sender=("VMI Portal", f"vmi-noreply@{o.mail.split('@')[1]}"),
            subject=f"Lieferabruf {o.number}",
            key=f"f5-{name}",
            sent=sent_on(o.ordered, 5, 30),
            text=text,
            attach=[file_part(f"ABRUF_{o.number}.csv", buf.getvalue().encode("cp1252"), "text/csv")],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(total=False), "de", "de-vmi-abruf-edi-csv-mail")


@family("ar-amr-html-page-arabic-digits", "html-saved-page-rtl")
def arabic_page(m: Maker) -> None:
    """A web portal's order page saved as .html, right to left, every figure in Arabic-Indic
    digits (١٢٬٥٠٠٫٠٠) beside Latin part codes."""
    for k in range(4):
        name = f"ar-page-{k}"
        o = m.order(name, "ar", 2 + (k + 1) % 3, lambda r: f"SO-{r.randrange(10000, 99999)}", k=1)
        w = w_of(o)
        o.payment = PAY["ar"] if k % 2 == 0 else None
        o.vat = Decimal(15)  # a Saudi buyer
        ar = lambda v: fmt(v, "arabic", 2)  # noqa: E731
        cols = columns(o)
        for c in cols:
            if c.align == "r":
                c.cell = (lambda f: lambda j, ln: f(j, ln).translate(str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")))(
                    c.cell
                )
        arabic_date = lambda v: day(v, "dmy").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))  # noqa: E731
        head = [
            (w["no"], o.number),
            (w["date"], arabic_date(o.ordered)),
            (w["due"], arabic_date(o.due)),
            (w["supplier"], SUPPLIER),
            (w["cur"], "ريال سعودي (SAR)"),
            (w["pay"], o.payment or "-"),
        ]
        page = html_page(o, cols, rtl=True, head=head)
        s = [(w["net"], ar(o.net)), (f"{w['vat']} ١٥٪", ar(o.tax)), (w["total"], ar(o.gross))]
        page = page.replace(html_table(o, cols, rtl=True), html_table(o, cols, rtl=True, sums_rows=s))
        m.path(f"html/{name}.html").write_text(page, encoding="utf-8")
        m.add(f"html/{name}.html", o.golden(), "ar", "ar-amr-html-page-arabic-digits")


# --- scans, faxes and a photo


def fax_pages(src: Path, r: random.Random, header: str, dpi: int = 200) -> list[Any]:
    """The pages of ``src`` as a fax receives them: black and white, a line of the sending
    machine's header on top of each page, a little turned, specked."""
    from PIL import ImageDraw

    pages = []
    raster = rasterise(src, dpi)
    for i, pg in enumerate(raster, 1):
        pg = scanned(pg, r, angle=r.choice([-0.8, -0.4, 0.5, 0.9]), noise=1500)
        ImageDraw.Draw(pg).text((40, 8), f"{header}  P.{i:02d}/{len(raster):02d}", fill=0)
        pages.append(pg.point(lambda v: 255 if v > 150 else 0).convert("1"))
    return pages


@family("hy-patver-fax-200dpi", "pillow-fax-200dpi")
def armenian_fax(m: Maker) -> None:
    for k in range(4):
        name = f"hy-fax-{k}"
        o = m.order(name, "hy", 2 + k % 2, lambda r: f"{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=1)
        w = w_of(o)
        o.payment = PAY["hy"] if k % 2 == 0 else None
        src = m.work / f"f5-{name}.pdf"
        head = [
            (w["date"], day(o.ordered, "hy_long")),
            (w["due"], day(o.due, "hy_long")),
            (w["supplier"], SUPPLIER),
            (w["cur"], o.currency),
            (w["pay"], o.payment or "-"),
        ]
        canvas_pdf(src, o, columns(o, sign="$"), creator="ArmSoft", head=head, sums_rows=sums(o, "$"))
        r = m.r(name)
        pages = fax_pages(src, r, f"{d(o, o.ordered)} 11:{20 + k:02d} FAX +374 312 {5400 + k}")
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "hy", "hy-patver-fax-200dpi")


@family("cy-archeb-scan-300dpi-turned", "pillow-scan-300dpi")
def welsh_scan(m: Maker) -> None:
    for k in range(4):
        name = f"cy-scan-{k}"
        o = m.order(name, "cy", 2 + (k + 1) % 3, lambda r: f"PDC{r.randrange(1000, 9999)}", k=1)
        o.payment = PAY["cy"] if k % 2 else None
        src = m.work / f"f5-{name}.pdf"
        platypus_pdf(src, o, columns(o, sign="£"), creator="Sage 50", sums_rows=sums(o, "£"))
        r = m.r(name)
        pages = [scanned(pg, r, angle=r.choice([-2.0, -1.3, 1.1, 1.8]), noise=800) for pg in rasterise(src, 300)]
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "cy", "cy-archeb-scan-300dpi-turned")


@family("ja-chumonsho-fax-fine", "pillow-fax-200dpi-cjk")
def japanese_fax(m: Maker) -> None:
    """The full-width order faxed: 200 dpi, black and white, with the sender's header line."""
    for k in range(4):
        name = f"ja-fax-{k}"
        o = m.order(name, "ja", 2 + (k + 1) % 3, lambda r: f"{r.randrange(2611000, 2611999)}", k=1)
        w = w_of(o)
        src = m.work / f"f5-{name}.pdf"
        head = [(w["date"], day(o.ordered, "ja")), (w["due"], day(o.due, "ja")), (w["supplier"], f"{SUPPLIER} 御中")]
        s = [(a, "￥" + b) for a, b in sums(o)]
        canvas_pdf(
            src, o, columns(o), creator="弥生販売", font="cjk0", bold="cjk1", head=head, sums_rows=s, title="注文書"
        )
        r = m.r(name)
        pages = fax_pages(src, r, f"{o.ordered:%Y/%m/%d} 16:{k + 10:02d} FROM 0532-{k + 20}-4411")
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "ja", "ja-chumonsho-fax-fine")


@family("az-sifaris-phone-photo-mail", "pillow-phone-photo-jpeg")
def azerbaijani_photo(m: Maker) -> None:
    """A printed order photographed with a phone (turned, shaded towards a corner) and mailed as JPEG."""
    for k in range(4):
        name = f"az-photo-{k}"
        o = m.order(name, "az", 2 + k % 2, lambda r: f"S-{r.randrange(1000, 9999)}", k=k)
        src = m.work / f"f5-{name}.pdf"
        fpdf_pdf(src, o, columns(o))
        r = m.r(name)
        img = scanned(rasterise(src, 150)[0], r, angle=r.choice([-3.0, 2.5, 3.5]), noise=2500, shade=True)
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=72)
        msg = mailer(
            o,
            name,
            f"Sifariş {o.number}",
            text=f"Salam,\nSifarişin şəkli əlavədədir.\n\n{o.person}\n{o.buyer}\n",
            attach=[file_part(f"IMG_2026{o.ordered:%m%d}_{1030 + k}.jpg", buf.getvalue(), "image/jpeg")],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "az", "az-sifaris-phone-photo-mail")


# ----------------------------------------------------------------------------- look-alikes that are not orders


@family("not-order-eu-eskaintza-quotation", "reportlab-canvas-quotation")
def basque_quotation(m: Maker) -> None:
    """A Basque supplier's quotation (ESKAINTZA) to the buyer, in the same table layout as an order."""
    for k in range(4):
        name = f"eu-eskaintza-{k}"
        o = m.order(name, "eu", 2 + k % 3, lambda r: f"ESK-OF-{r.randrange(100, 999)}", k=k)
        w = w_of(o)
        head = [
            ("Eskaintza zk.", o.number),
            (w["date"], d(o, o.ordered)),
            ("Baliozkotasuna", f"{d(o, o.due)} arte"),
            ("Bezeroa", SUPPLIER),
            (w["cur"], o.currency),
        ]
        canvas_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o),
            creator="Ahora ERP",
            head=head,
            title="ESKAINTZA",
            no_label="Eskaintza zk.",
        )
        m.add(f"pdf/{name}.pdf", dict(OTHER), "eu", "not-order-eu-eskaintza-quotation")


@family("not-order-az-hesab-faktura", "fpdf2-invoice")
def azerbaijani_invoice(m: Maker) -> None:
    """An invoice (HESAB-FAKTURA) naming the buyer's order number: lines, VAT, bank details."""
    for k in range(4):
        name = f"az-faktura-{k}"
        o = m.order(name, "az", 2 + k % 3, lambda r: f"HF-{r.randrange(10000, 99999)}", k=k)
        w = w_of(o)
        head = [
            ("Hesab-faktura №", o.number),
            (w["date"], d(o, o.ordered)),
            ("Sifariş №", f"SF-{2600 + k}/{40 + k}"),
            ("Ödəniş müddəti", d(o, o.due)),
            ("Alıcı", SUPPLIER),
            ("VÖEN", f"17{k}0{len(o.buyer)}4411"),
        ]
        fpdf_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o),
            head=head,
            title="HESAB-FAKTURA",
            note="Bank: Kapital Bank ASC, IBAN AZ21NABZ00000000137010001944. Bu hesab-faktura ödəniş üçündür.",
        )
        m.add(f"pdf/{name}.pdf", dict(OTHER), "az", "not-order-az-hesab-faktura")


@family("not-order-fa-shipping-notice-mail", "email-html-rtl-notice")
def persian_shipping_notice(m: Maker) -> None:
    """A buyer's forwarder tells of a shipment (اعلامیه حمل): the order's number and lines, the
    container and the ship; it orders nothing."""
    for k in range(4):
        name = f"fa-haml-{k}"
        o = m.order(name, "fa", 2 + k % 3, lambda r: f"PO-14057-{r.randrange(100, 999)}", k=k)
        rows = "".join(
            f"<tr><td>{j}</td><td>{escape(ln.code)}</td><td>{escape(ln.text)}</td><td>{qty(o, ln.qty)}</td>"
            f"<td>{qty(o, Decimal(int(ln.qty) // 50 + 1))}</td></tr>"
            for j, ln in enumerate(o.lines, 1)
        )
        html = (
            '<html><body dir="rtl"><p>با سلام،</p>'
            f"<p>به اطلاع می‌رساند محموله سفارش {escape(o.number)} در تاریخ {d(o, o.ordered)} بارگیری شد.</p>"
            f"<p>کانتینر: MSKU {7712300 + k} — کشتی: MAERSK KOWLOON — بندر مقصد: بندرعباس — "
            f"زمان تقریبی رسیدن: {d(o, o.due)}</p>"
            '<table border="1" dir="rtl"><tr><th>ردیف</th><th>کد کالا</th><th>شرح کالا</th><th>تعداد</th>'
            f"<th>تعداد کارتن</th></tr>{rows}</table><p>این پیام اعلامیه حمل است و سفارش جدید نیست.</p>"
            f"<p>با احترام،<br>{escape(o.person)}<br>شرکت حمل و نقل بین‌المللی پارس</p></body></html>"
        )
        msg = message(
            sender=(o.person, f"shipping@{o.mail.split('@')[1]}"),
            subject=f"اعلامیه حمل — سفارش {o.number}",
            key=f"f5-{name}",
            sent=sent_on(o.ordered),
            html=html,
        )
        m.mail(f"eml/{name}.eml", msg, dict(OTHER), "fa", "not-order-fa-shipping-notice-mail")


@family("not-order-cy-delivery-chaser-mail", "email-plain-chaser")
def welsh_chaser(m: Maker) -> None:
    """The buyer chases an order placed weeks ago (nodyn atgoffa): its number, lines and quantities
    still open, a date by which they are wanted; no new order."""
    for k in range(4):
        name = f"cy-atgoffa-{k}"
        o = m.order(name, "cy", 2 + k % 3, lambda r: f"AB{r.randrange(100000, 999999)}", k=k)
        lines = [
            f"  {ln.code}  {ln.text}  archebwyd {qty(o, ln.qty)}, heb gyrraedd {qty(o, ln.qty // 2)}" for ln in o.lines
        ]
        text = "\n".join(
            [
                "Bore da,",
                "",
                f"Nodyn atgoffa / Reminder: archeb {o.number} dyddiedig {day(o.ordered - timedelta(days=40), 'cy')}.",
                "Mae'r eitemau canlynol yn dal heb eu danfon / still outstanding:",
                "",
                *lines,
                "",
                f"Byddwn yn ddiolchgar o'u cael erbyn {d(o, o.due)}. Nid archeb newydd yw hon / this is not a new order.",
                "",
                "Diolch,",
                o.person,
                o.buyer,
            ]
        )
        msg = mailer(o, name, f"Nodyn atgoffa: archeb {o.number} / Delivery reminder", text=text)
        m.mail(f"eml/{name}.eml", msg, dict(OTHER), "cy", "not-order-cy-delivery-chaser-mail")


@family("not-order-be-statement-xlsx", "openpyxl-statement")
def belarusian_statement(m: Maker) -> None:
    """A statement of account (акт зверкі) as a workbook: our invoices, the buyer's order numbers
    beside them, payments and the balance."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"be-akt-{k}"
        o = m.order(name, "be", 4, lambda r: f"{r.randrange(100, 999)}-З", k=k)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Акт зверкі"
        ws["A1"] = "АКТ ЗВЕРКІ ўзаемных разлікаў"
        ws["A1"].font = Font(size=14, bold=True)
        ws["A2"] = f"паміж {o.buyer} і {SUPPLIER} за перыяд 01.08.2026 – {d(o, o.ordered)}"
        ws.append([])
        ws.append(["Дата", "Дакумент", "Замова", "Дэбет, EUR", "Крэдыт, EUR", "Сальда, EUR"])
        balance = Decimal(0)
        for j, ln in enumerate(o.lines):
            balance += ln.amount
            ws.append(
                [
                    d(o, o.ordered - timedelta(days=80 - 15 * j)),
                    f"Рахунак INV-{7700 + j + 10 * k}",
                    f"{o.number[:-2]}{j}-З",
                    float(ln.amount),
                    None,
                    float(balance),
                ]
            )
            if j == 1:
                balance -= o.lines[0].amount
                ws.append(
                    [
                        d(o, o.ordered - timedelta(days=40)),
                        "Аплата",
                        None,
                        None,
                        float(o.lines[0].amount),
                        float(balance),
                    ]
                )
        ws.append([])
        ws.append(["Сальда на канец перыяду", None, None, None, None, float(balance)])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", dict(OTHER), "be", "not-order-be-statement-xlsx")


@family("not-order-mt-payment-advice-pdf", "reportlab-canvas-payment-advice")
def maltese_payment_advice(m: Maker) -> None:
    """The buyer's accounts payable tells us of a payment (Avviż ta' ħlas / Payment advice): the
    invoices paid, the orders they belong to, the bank reference. A payment advice, not an order."""
    for k in range(4):
        name = f"mt-hlas-{k}"
        o = m.order(name, "mt", 3, lambda r: f"PAY{r.randrange(100000, 999999)}", k=k)
        p = Page(m.path(f"pdf/{name}.pdf"), "sans", "bold", creator="Sage 200")
        p.text(40, 50, o.buyer, 12, bold=True)
        p.text(40, 63, o.address, 7.5)
        p.text(555, 50, "AVVIŻ TA' ĦLAS / PAYMENT ADVICE", 12, bold=True, align="right")
        pairs = [
            ("Lil / To", SUPPLIER),
            ("Data tal-ħlas / Payment date", d(o, o.ordered)),
            ("Referenza / Reference", o.number),
            ("Bank", "Bank of Valletta, SEPA credit transfer"),
        ]
        y = 95.0
        for a, b in pairs:
            p.text(40, y, a, 8, bold=True)
            p.text(200, y, b, 8)
            y += 13
        rows = [["Fattura / Invoice", "Ordni / Order", "Ammont / Amount"]] + [
            [f"INV-26-{3100 + 7 * j + k}", f"MX-{4400 + j * 13 + k}", f"€{n(o, ln.amount)}"]
            for j, ln in enumerate(o.lines)
        ]
        y = grid(p, 40, y + 10, [170, 170, 175], "llr", rows, size=8)
        p.text(555, y + 18, f"Total imħallas / Total paid: €{n(o, o.net)}", 10, bold=True, align="right")
        p.save()
        m.add(f"pdf/{name}.pdf", {"kind": "payment_advice", "order": None}, "mt", "not-order-mt-payment-advice-pdf")


@family("not-order-ja-auto-reply-quoting", "email-auto-reply")
def japanese_auto_reply(m: Maker) -> None:
    """An out-of-office auto-reply (不在通知, ``Auto-Submitted: auto-replied``) to our acknowledgement,
    quoting it: the order's number and lines are in the quote."""
    for k in range(4):
        name = f"ja-fuzai-{k}"
        o = m.order(name, "ja", 2 + k % 2, lambda r: f"HS-{r.randrange(26000, 26999)}", k=k)
        quoted = [f"> {ln.code} {ln.text} {qty(o, ln.qty)}{ln.unit} 単価{n(o, ln.price)}円" for ln in o.lines]
        text = "\n".join(
            [
                "【自動返信】",
                "",
                "誠に恐れ入りますが、11月30日まで不在にしております。",
                "急ぎのご用件は購買課（0766-22-1234）までご連絡ください。",
                "",
                o.person,
                o.buyer,
                "",
                f"> 件名: 注文請書 {o.number}",
                f"> 注文番号 {o.number} を承りました。",
                *quoted,
            ]
        )
        msg = mailer(
            o,
            name,
            f"自動応答: 注文請書 {o.number}",
            text=text,
            headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        )
        m.mail(f"eml/{name}.eml", msg, {"kind": "auto_reply", "order": None}, "ja", "not-order-ja-auto-reply-quoting")


# --- added after the first draw: more producers and one more look-alike


@family("bs-narudzba-fpdf-continued-bare", "fpdf2-cells-two-pages")
def bosnian_continued(m: Maker) -> None:
    """Bosnian, fpdf2: the lines table goes on on a second page under a running line, without its
    header row; the sums at the end of the second page."""
    for k in range(4):
        name = f"bs-nastavak-{k}"
        o = m.order(name, "bs", 8 + k, lambda r: f"{r.randrange(100, 999)}-{r.randrange(10, 99)}/26", k=k + 1)
        o.payment = PAY["bs"] if k % 2 else None
        fpdf_pdf(m.path(f"pdf/{name}.pdf"), o, columns(o), split=4 + k % 3)
        m.add(f"pdf/{name}.pdf", o.golden(), "bs", "bs-narudzba-fpdf-continued-bare")


@family("mt-ordni-apple-mail-divs", "email-apple-mail")
def maltese_apple(m: Maker) -> None:
    """Apple Mail: one div a line, each order line as "code description — qty × €price = €amount"."""
    for k in range(4):
        name = f"mt-apple-{k}"
        o = m.order(name, "mt", 1 + k % 3, lambda r: f"HF-{r.randrange(10000, 99999)}", k=1)
        w = w_of(o)
        lines = [
            f"{ln.code} {ln.text} — {qty(o, ln.qty)} {ln.unit} × €{n(o, ln.price)} = €{n(o, ln.amount)}"
            for ln in o.lines
        ]
        text = [
            "Bonġu,",
            "",
            f"Jekk jogħġbok ibagħtilna dawn li ġejjin. {w['no']}: {o.number}, {w['date']}: {d(o, o.ordered)}.",
            "",
            *lines,
            "",
            f"{w['net']}: €{n(o, o.net)} / VAT 18%: €{n(o, o.tax)} / {w['total']}: €{n(o, o.gross)}",
            f"{w['due']}: {d(o, o.due)}",
            "",
            "Grazzi,",
            o.person,
            o.buyer,
        ]
        divs = "".join(f"<div>{escape(t) if t else '<br>'}</div>" for t in text)
        html = (
            '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            f'<div dir="auto">{divs}</div></body></html>'
        )
        msg = mailer(
            o,
            name,
            f"Ordni {o.number}",
            text="\n".join(text),
            html=html,
            headers={"X-Mailer": "Apple Mail (2.3826.300.87.4.3)"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "mt", "mt-ordni-apple-mail-divs")


@family("uz-buyurtma-xlsx-resaved-by-calc", "openpyxl+libreoffice-xlsx")
def uzbek_resaved(m: Maker) -> None:
    """Uzbek: a workbook opened and saved again as .xlsx by LibreOffice Calc (its own styles,
    shared strings and number formats), the sums typed as numbers under the lines."""
    for k in range(4):
        name = f"uz-calc-{k}"
        o = m.order(name, "uz", 2 + k % 3, lambda r: f"XB/{r.randrange(1000, 9999)}", k=k)
        o.payment = PAY["uz"] if k % 2 == 0 else None
        src = m.work / f"f5-{name}.xlsx"
        xlsx_order(src, o, columns(o), fmt_money="#,##0")
        m.convert(src, "xlsx", f"xlsx/{name}.xlsx", o.golden(), "uz", "uz-buyurtma-xlsx-resaved-by-calc")


@family("tr-siparis-html-saved-as-docx", "html+libreoffice-docx")
def turkish_docx(m: Maker) -> None:
    """Turkish: a web ERP's order page saved as .docx by LibreOffice Writer (tables of its own)."""
    for k in range(4):
        name = f"tr-docx-{k}"
        o = m.order(name, "tr", 2 + (k + 1) % 3, lambda r: f"SAS-{r.randrange(2026000, 2026999)}", k=k)
        o.payment = PAY["tr"] if k % 2 else None
        src = m.work / f"f5-{name}.html"
        src.write_text(html_page(o, columns(o, sign="₺")), encoding="utf-8")
        m.convert(
            src,
            "docx",
            f"docx/{name}.docx",
            o.golden(),
            "tr",
            "tr-siparis-html-saved-as-docx",
            "--infilter=HTML (StarWriter)",
        )


@family("not-order-zu-order-acknowledgement", "fpdf2-acknowledgement")
def zulu_acknowledgement(m: Maker) -> None:
    """A supplier of ours acknowledges the order we placed with it (ORDER ACKNOWLEDGEMENT /
    Isiqinisekiso se-oda): our name as the customer, its lines and prices. Not an order to us."""
    for k in range(4):
        name = f"zu-ack-{k}"
        o = m.order(name, "zu", 2 + k % 3, lambda r: f"SO{r.randrange(300000, 399999)}", k=k)
        w = w_of(o)
        head = [
            ("Sales Order No.", o.number),
            ("Your PO", f"EM-{4100 + 17 * k}"),
            (w["date"], d(o, o.ordered)),
            ("Expected dispatch", d(o, o.due)),
            ("Customer / Ikhasimende", SUPPLIER),
            (w["cur"], o.currency),
        ]
        fpdf_pdf(
            m.path(f"pdf/{name}.pdf"),
            o,
            columns(o, sign="R "),
            head=head,
            sums_rows=sums(o, "R "),
            title="ORDER ACKNOWLEDGEMENT / ISIQINISEKISO SE-ODA",
            note="We confirm receipt of your order and will dispatch as above. This is not an invoice.",
        )
        m.add(f"pdf/{name}.pdf", dict(OTHER), "zu", "not-order-zu-order-acknowledgement")
