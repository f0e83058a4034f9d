"""The third fresh batch of sealed families ("fresh3"): kept blind for the closing measurement.

The batches before it (base, more, fresh, fresh2) have been measured and their weak families named,
so they no longer say how the extractor does on a layout nobody has looked at. This module adds
families that none of them has, by language, producer, channel or layout:

- buyers writing in Ukrainian (a 1C print form), Bulgarian, Serbian Cyrillic, Slovenian, Estonian,
  Latvian, Lithuanian, Slovak, Vietnamese, Thai, Malay, Indonesian, Greek, Arabic, Hebrew, Japanese
  in half-width katakana (Shift_JIS exports of old host systems) and Traditional Chinese from Hong
  Kong and Taiwan;
- producers: reportlab canvas, fpdf2 cells and ``FPDF.table``, python-docx (also printed by
  LibreOffice, right to left for Arabic), openpyxl (a right-to-left sheet, a transposed table, the
  header block under the lines; also printed by LibreOffice or saved by it as .ods), flat ODT and
  HTML printed by LibreOffice, CSV in Shift_JIS, mail as text and HTML;
- layouts: the total only in words, a price-unit column (per 1, 100 or 1,000), a discount row under
  each line, several deliveries under each line, lines spanning two table rows, unit prices and
  amounts that include the VAT, freight as a row of the lines table, an order written as a letter
  in sentences (Word);
- channels: two orders in one mail, one order split over two attachments (head and lines), an
  order forwarded twice inline, an order inside an attached message (message/rfc822) whose body is
  HTML, a reply placing the order above the quoted quotation, a text export attached in the
  Cyrillic Windows code page, a web page attached as .htm in the Central European one, a phone photo sent as a JPEG, a skewed grey scan, a two-page fax, a
  PDF whose print driver turned the text into curves;
- documents that are not orders but look like them: a Ukrainian invoice for payment, a Vietnamese
  quotation, a German shipping notice, an Estonian request for quotation, a Latvian payment advice,
  a Slovak credit note.

Called from ``generate.build()`` (``build_fresh3``). Self-contained like the batches before it: its
own buyers, goods, wording and order data; nothing shared with ``tests/corpus/`` (only low-level
writers are borrowed from ``fresh2_families``: the canvas page, the fixed-time fpdf2 document, the
zip rewriter and number formats). Every golden value comes from the order this module drew, never
from what a reader makes of the document. The documents arrive in November 2026 (the bench's
"today" is 22 November 2026): orders are dated 13 to 20 November, deliveries weeks later, and a
day-month date is never ambiguous (day > 12).

Golden values follow ``tests/corpus/README.md``: ``unit_price`` and ``amount`` are per piece,
tax-exclusive and after any discount; ``total`` is what the document calls its total; keys a
document does not print are left out. Images (scans, photos, faxes) and messages a person must look
at (two orders in one mail, an order split over two files; text drawn as curves) ask for review: ``needs_review: true``,
the values still those the documents print. Documents that are not orders are ``kind: other``
(a payment advice only ``order: null``: the project reads those as a kind of their own).
"""

from __future__ import annotations

import base64
import csv
import io
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from email.header import Header
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import formataddr
from html import escape
from pathlib import Path
from typing import Any, Callable

from fresh2_families import STAMP, Page, fix_zip, fpdf_new, num

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"JPY", "VND", "IDR", "TWD"}  # printed without decimals by these buyers
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANS_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# locale -> buyers: (company, address, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "en-US": [
        (
            "Prairie Forge Components Inc.",
            "1820 Commerce Pkwy, Fargo, ND 58102",
            "Tyler Brandt",
            "prairieforge.example",
            "USD",
        ),
        (
            "Chesapeake Signal Works LLC",
            "77 Harbor Gate Rd, Annapolis, MD 21401",
            "Renee Whitaker",
            "chesasignal.example",
            "USD",
        ),
    ],
    "en-CA": [
        (
            "Laurentide Fluid Power Ltd.",
            "4410 Rue Hochelaga, Montréal QC H1V 1C6",
            "Graham Tessier",
            "laurentidefp.example",
            "CAD",
        ),
    ],
    "en-SG": [
        (
            "Straits Precision Assembly Pte. Ltd.",
            "21 Tuas Avenue 3, Singapore 639415",
            "Wong Mei Lin",
            "straitsprecision.example",
            "SGD",
        ),
    ],
    "en-NZ": [
        ("Waitaki Irrigation Systems Ltd", "12 Humber St, Oamaru 9400", "Hamish Roberts", "waitaki-irr.example", "NZD"),
    ],
    "en-GB": [
        (
            "Pennine Lift Controls Ltd",
            "Unit 4 Calder Park, Wakefield WF2 7AW",
            "Siobhan Kerr",
            "penninelift.example",
            "GBP",
        ),
    ],
    "de": [
        (
            "Allgäuer Förderanlagen GmbH",
            "Kemptener Str. 41, 87600 Kaufbeuren",
            "Florian Zettler",
            "allgaeu-foerder.example",
            "EUR",
        ),
        ("Vogtland Kühltechnik GmbH", "Am Lohberg 3, 08523 Plauen", "Anja Seidel", "vogtland-kuehl.example", "EUR"),
    ],
    "fr": [
        (
            "Ateliers de la Dordogne SAS",
            "ZA des Guillonnets, 24100 Bergerac",
            "Laure Dufresne",
            "ateliers-dordogne.example",
            "EUR",
        ),
    ],
    "it": [
        (
            "Carpenterie Lariane S.p.A.",
            "Via per Cernobbio 22, 22100 Como",
            "Stefano Brambilla",
            "carplariane.example",
            "EUR",
        ),
    ],
    "es": [
        (
            "Construcciones Eléctricas del Segura S.A.",
            "Polígono Oeste, Parcela 9, 30169 Murcia",
            "Lucía Navarro",
            "ce-segura.example",
            "EUR",
        ),
    ],
    "pt": [
        (
            "Moldes do Lis, Lda.",
            "Zona Industrial da Cova das Faias, 2415-017 Leiria",
            "Tiago Ferreira",
            "moldesdolis.example",
            "EUR",
        ),
    ],
    "nl": [
        (
            "Twentse Aandrijftechniek B.V.",
            "Haaksbergerstraat 190, 7513 EM Enschede",
            "Joost Brinkman",
            "twentse-at.example",
            "EUR",
        ),
    ],
    "pl": [
        (
            "Mazurskie Zakłady Elektroniki S.A.",
            "ul. Lubelska 12, 10-408 Olsztyn",
            "Tomasz Zieliński",
            "mze-olsztyn.example",
            "PLN",
        ),
    ],
    "uk": [
        (
            'ТОВ "Карпатські системи керування"',
            "вул. Промислова, 14, м. Івано-Франківськ, 76000",
            "Оксана Мельник",
            "karpaty-sk.example",
            "UAH",
        ),
        (
            'ПрАТ "Дніпровський арматурний завод"',
            "вул. Будівельників, 31, м. Дніпро, 49000",
            "Андрій Коваленко",
            "dniproarm.example",
            "UAH",
        ),
    ],
    "bg": [
        (
            '"Тракия Електромеханика" ООД',
            "ул. Кукленско шосе 17, 4004 Пловдив",
            "Георги Димитров",
            "trakia-em.example",
            "EUR",
        ),
        ('"Дунав Машини" АД', "Индустриална зона Запад, 7000 Русе", "Мария Петрова", "dunav-mashini.example", "EUR"),
    ],
    "sr": [
        (
            "Шумадија Машинопромет д.о.о.",
            "Краљевачког батаљона 44, 34000 Крагујевац",
            "Милан Јовановић",
            "sumadija-mp.example",
            "RSD",
        ),
    ],
    "sl": [
        (
            "Savinjska Strojegradnja d.o.o.",
            "Cesta v Trnovlje 7, 3000 Celje",
            "Mojca Kranjc",
            "savinjska-sg.example",
            "EUR",
        ),
        (
            "Gorenjski Elektro Sistemi d.d.",
            "Ljubljanska cesta 28, 4000 Kranj",
            "Rok Zupan",
            "gorenjski-es.example",
            "EUR",
        ),
    ],
    "et": [
        ("Peipsi Metallitööd OÜ", "Tööstuse 18, 50106 Tartu", "Kadri Tamm", "peipsi-metall.example", "EUR"),
        ("Virumaa Elektroonika AS", "Kalevi 11, 30322 Kohtla-Järve", "Margus Saar", "virumaa-el.example", "EUR"),
    ],
    "lv": [
        ("SIA Daugavas Iekārtas", "Ganību dambis 24, Rīga, LV-1005", "Ilze Bērziņa", "daugavas-iek.example", "EUR"),
        ("AS Kurzemes Mašīnbūve", "Brīvības iela 93, Liepāja, LV-3401", "Jānis Ozols", "kurzemes-mb.example", "EUR"),
    ],
    "lt": [
        ("UAB Nemuno Automatika", "Pramonės pr. 8, LT-51329 Kaunas", "Rasa Kazlauskienė", "nemuno-auto.example", "EUR"),
        (
            "AB Žemaitijos Gamykla",
            "Pramonės g. 3, LT-87101 Telšiai",
            "Darius Petrauskas",
            "zemaitijos-g.example",
            "EUR",
        ),
    ],
    "sk": [
        ("Tatranské Strojárne s.r.o.", "Hlavná 112, 058 01 Poprad", "Martin Hudák", "tatranske-str.example", "EUR"),
        (
            "Záhorská Elektrotechnika a.s.",
            "Priemyselná 6, 901 01 Malacky",
            "Zuzana Kollárová",
            "zahorska-et.example",
            "EUR",
        ),
    ],
    "vi": [
        (
            "Công ty TNHH Cơ khí Chính xác Sông Hồng",
            "Lô C4, KCN Quế Võ, Bắc Ninh",
            "Nguyễn Thị Hương",
            "songhong-ck.example",
            "VND",
        ),
        (
            "Công ty Cổ phần Điện tử Miền Nam",
            "Đường số 9, KCN Tân Tạo, TP. Hồ Chí Minh",
            "Trần Minh Khoa",
            "dientumiennam.example",
            "VND",
        ),
    ],
    "th": [
        ("บริษัท สยามชิ้นส่วนยานยนต์ จำกัด", "นิคมอุตสาหกรรมอมตะซิตี้ ชลบุรี 20000", "สมชาย วงศ์ใหญ่", "siam-autoparts.example", "THB"),
        (
            "บริษัท เชียงใหม่ อิเล็กทรอนิกส์ จำกัด (มหาชน)",
            "นิคมอุตสาหกรรมภาคเหนือ ลำพูน 51000",
            "อรุณี แก้วมณี",
            "cm-electronics.example",
            "THB",
        ),
    ],
    "ms": [
        (
            "Perkasa Jentera Sdn. Bhd.",
            "Lot 22, Kawasan Perindustrian Bayan Lepas, 11900 Pulau Pinang",
            "Ahmad Faizal bin Osman",
            "perkasajentera.example",
            "MYR",
        ),
        (
            "Syarikat Elektrik Johor Bhd.",
            "No. 5, Jalan Tampoi 7, 81200 Johor Bahru",
            "Nurul Aina binti Hassan",
            "sej-johor.example",
            "MYR",
        ),
    ],
    "id": [
        (
            "PT Borneo Mesin Utama",
            "Jl. Mulawarman No. 88, Balikpapan 76114",
            "Rina Wulandari",
            "borneomesin.example",
            "IDR",
        ),
        (
            "PT Cahaya Komponen Semarang",
            "Kawasan Industri Wijayakusuma Blok C-3, Semarang 50186",
            "Agus Prasetyo",
            "cahayakomponen.example",
            "IDR",
        ),
    ],
    "el": [
        (
            "Μακεδονικές Κατασκευές Μηχανών Α.Ε.",
            "ΒΙΠΕ Σίνδου, Οδός 12, 57022 Θεσσαλονίκη",
            "Γιώργος Αθανασίου",
            "makedonikes-km.example",
            "EUR",
        ),
        (
            "Κρητικά Ηλεκτρομηχανολογικά Ι.Κ.Ε.",
            "ΒΙΠΕ Ηρακλείου, 71601 Ηράκλειο",
            "Ελένη Μαυρογιάννη",
            "kritika-im.example",
            "EUR",
        ),
    ],
    "ar": [
        (
            "شركة الدمام للصناعات المعدنية",
            "المدينة الصناعية الثانية، الدمام",
            "فيصل القحطاني",
            "dammam-metal.example",
            "SAR",
        ),
        ("مؤسسة جدة للتجهيزات الكهربائية", "حي الصناعية، جدة", "نورة الحربي", "jeddah-elec.example", "SAR"),
    ],
    "he": [
        ("אלקטרו-גליל תעשיות בע״מ", "אזור תעשייה בר-לב, משגב", "רונית שמעוני", "electrogalil.example", "ILS"),
        ("שרון מכונות בע״מ", "רחוב הברזל 9, נתניה", "משה אברהם", "sharon-machines.example", "ILS"),
    ],
    "ja": [
        ("ﾄｳﾎｸｾｲｷ ｶﾌﾞｼｷｶﾞｲｼｬ", "ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ｵｵｷﾞﾏﾁ 3-1", "ｻﾄｳ ﾋﾛｼ", "tohoku-seiki.example", "JPY"),
        ("ｶﾌﾞｼｷｶﾞｲｼｬ ｷﾀｶﾝﾄｳﾃﾞﾝｷ", "ｸﾞﾝﾏｹﾝ ｵｵﾀｼ ｼﾝｺｳﾁｮｳ 8-12", "ﾀｶﾊｼ ﾕｳｺ", "kitakanto-denki.example", "JPY"),
    ],
    "zh-Hant-HK": [
        ("九龍灣精密五金有限公司", "香港九龍灣宏開道15號九龍灣工業中心8樓", "陳嘉欣", "klbprecision.example", "HKD"),
        (
            "荃灣電子製品廠有限公司",
            "香港新界荃灣沙咀道68號華達工業中心A座12樓",
            "李志強",
            "tw-electronics-hk.example",
            "HKD",
        ),
    ],
    "zh-Hant-TW": [
        ("台中精機零件股份有限公司", "台中市西屯區工業區三十八路12號", "林雅婷", "taichung-parts.example", "TWD"),
        ("新竹光電科技股份有限公司", "新竹市東區力行二路5號", "黃志明", "hsinchu-opto.example", "TWD"),
    ],
}

# goods: (code stem, base price in USD, texts per language; English where a language has none)
GOODS: list[tuple[str, str, dict[str, str]]] = [
    (
        "SNS",
        "6.40",
        {
            "en": "Proximity sensor M12, PNP, 4 mm",
            "de": "Näherungsschalter M12, PNP, 4 mm",
            "fr": "Détecteur de proximité M12, PNP, 4 mm",
            "it": "Sensore di prossimità M12, PNP, 4 mm",
            "es": "Sensor de proximidad M12, PNP, 4 mm",
            "pt": "Sensor de proximidade M12, PNP, 4 mm",
            "nl": "Naderingsschakelaar M12, PNP, 4 mm",
            "pl": "Czujnik zbliżeniowy M12, PNP, 4 mm",
            "uk": "Датчик наближення M12, PNP, 4 мм",
            "bg": "Индуктивен датчик M12, PNP, 4 мм",
            "sr": "Индуктивни сензор M12, PNP, 4 мм",
            "sl": "Induktivno stikalo M12, PNP, 4 mm",
            "et": "Lähedusandur M12, PNP, 4 mm",
            "lv": "Tuvuma sensors M12, PNP, 4 mm",
            "lt": "Artumo jutiklis M12, PNP, 4 mm",
            "sk": "Indukčný snímač M12, PNP, 4 mm",
            "vi": "Cảm biến tiệm cận M12, PNP, 4 mm",
            "th": "เซนเซอร์จับวัตถุ M12 PNP 4 มม.",
            "ms": "Penderia kedekatan M12, PNP, 4 mm",
            "id": "Sensor proximity M12, PNP, 4 mm",
            "el": "Επαγωγικός αισθητήρας M12, PNP, 4 mm",
            "ar": "حساس تقارب M12 نوع PNP مسافة 4 مم",
            "he": "חיישן קרבה M12, PNP, 4 מ״מ",
            "ja": "ｷﾝｾﾂｾﾝｻ M12 PNP 4MM",
            "zh": "接近開關 M12 PNP 4mm",
        },
    ),
    (
        "GRM",
        "0.18",
        {
            "en": "Rubber grommet 22 mm, EPDM",
            "de": "Gummitülle 22 mm, EPDM",
            "fr": "Passe-fil caoutchouc 22 mm, EPDM",
            "it": "Passacavo in gomma 22 mm, EPDM",
            "es": "Pasacables de goma 22 mm, EPDM",
            "pt": "Passa-cabos de borracha 22 mm, EPDM",
            "nl": "Rubber doorvoertule 22 mm, EPDM",
            "pl": "Przepust gumowy 22 mm, EPDM",
            "uk": "Втулка гумова прохідна 22 мм, EPDM",
            "bg": "Гумена втулка 22 мм, EPDM",
            "sr": "Гумена уводница 22 мм, EPDM",
            "sl": "Gumijasta uvodnica 22 mm, EPDM",
            "et": "Kummist läbiviik 22 mm, EPDM",
            "lv": "Gumijas ieliktnis 22 mm, EPDM",
            "lt": "Guminė įvorė 22 mm, EPDM",
            "sk": "Gumová priechodka 22 mm, EPDM",
            "vi": "Khoen cao su 22 mm, EPDM",
            "th": "ยางร้อยสาย 22 มม. EPDM",
            "ms": "Gromet getah 22 mm, EPDM",
            "id": "Grommet karet 22 mm, EPDM",
            "el": "Ελαστικός δακτύλιος διέλευσης 22 mm, EPDM",
            "ar": "جلبة مطاطية 22 مم EPDM",
            "he": "גרומט גומי 22 מ״מ, EPDM",
            "ja": "ｺﾞﾑﾌﾞｯｼｭ 22MM EPDM",
            "zh": "橡膠護線環 22mm EPDM",
        },
    ),
    (
        "HSG",
        "11.90",
        {
            "en": "Aluminium housing, die-cast, anodised",
            "de": "Aluminiumgehäuse, Druckguss, eloxiert",
            "fr": "Boîtier aluminium moulé sous pression, anodisé",
            "it": "Custodia in alluminio pressofuso, anodizzata",
            "es": "Carcasa de aluminio inyectado, anodizada",
            "pt": "Caixa de alumínio injetado, anodizada",
            "nl": "Aluminium behuizing, spuitgegoten, geanodiseerd",
            "pl": "Obudowa aluminiowa, odlew, anodowana",
            "uk": "Корпус алюмінієвий литий, анодований",
            "bg": "Алуминиев корпус, леят, анодиран",
            "sr": "Алуминијумско кућиште, ливено, елоксирано",
            "sl": "Aluminijasto ohišje, tlačno lito, eloksirano",
            "et": "Alumiiniumkorpus, survevalu, anodeeritud",
            "lv": "Alumīnija korpuss, liets, anodēts",
            "lt": "Aliuminio korpusas, lietas, anoduotas",
            "sk": "Hliníková skriňa, odliatok, eloxovaná",
            "vi": "Vỏ nhôm đúc áp lực, anod hóa",
            "th": "กล่องอะลูมิเนียมหล่อ ชุบอะโนไดซ์",
            "ms": "Perumah aluminium tuangan, dianod",
            "id": "Housing aluminium cor, anodized",
            "el": "Περίβλημα αλουμινίου χυτό, ανοδιωμένο",
            "ar": "غلاف ألومنيوم مصبوب مؤكسد",
            "he": "בית אלומיניום יצוק, מאולגן",
            "ja": "ｱﾙﾐﾀﾞｲｶｽﾄｹｰｽ ｱﾙﾏｲﾄ",
            "zh": "鋁壓鑄外殼 陽極處理",
        },
    ),
    (
        "TRF",
        "17.25",
        {
            "en": "Toroidal transformer 230/24 V, 80 VA",
            "de": "Ringkerntransformator 230/24 V, 80 VA",
            "fr": "Transformateur torique 230/24 V, 80 VA",
            "it": "Trasformatore toroidale 230/24 V, 80 VA",
            "es": "Transformador toroidal 230/24 V, 80 VA",
            "pt": "Transformador toroidal 230/24 V, 80 VA",
            "nl": "Ringkerntransformator 230/24 V, 80 VA",
            "pl": "Transformator toroidalny 230/24 V, 80 VA",
            "uk": "Трансформатор тороїдальний 230/24 В, 80 ВА",
            "bg": "Тороидален трансформатор 230/24 V, 80 VA",
            "sr": "Тороидни трансформатор 230/24 V, 80 VA",
            "sl": "Toroidni transformator 230/24 V, 80 VA",
            "et": "Toroidtrafo 230/24 V, 80 VA",
            "lv": "Toroidālais transformators 230/24 V, 80 VA",
            "lt": "Toroidinis transformatorius 230/24 V, 80 VA",
            "sk": "Toroidný transformátor 230/24 V, 80 VA",
            "vi": "Biến áp xuyến 230/24 V, 80 VA",
            "th": "หม้อแปลงทอรอยด์ 230/24 V 80 VA",
            "ms": "Pengubah toroid 230/24 V, 80 VA",
            "id": "Trafo toroid 230/24 V, 80 VA",
            "el": "Τοροειδής μετασχηματιστής 230/24 V, 80 VA",
            "ar": "محول حلقي 230/24 فولت 80 فولت أمبير",
            "he": "שנאי טורואידי 230/24 וולט, 80 VA",
            "ja": "ﾄﾛｲﾀﾞﾙﾄﾗﾝｽ 230/24V 80VA",
            "zh": "環形變壓器 230/24V 80VA",
        },
    ),
    (
        "LCD",
        "9.35",
        {
            "en": "LCD module 2.8 in, SPI",
            "de": "LCD-Modul 2,8 Zoll, SPI",
            "fr": "Module LCD 2,8 pouces, SPI",
            "it": "Modulo LCD 2,8 pollici, SPI",
            "es": "Módulo LCD 2,8 pulgadas, SPI",
            "pt": "Módulo LCD 2,8 pol., SPI",
            "nl": "LCD-module 2,8 inch, SPI",
            "pl": "Moduł LCD 2,8 cala, SPI",
            "uk": "Модуль РКД 2,8 дюйма, SPI",
            "bg": "LCD модул 2,8 инча, SPI",
            "sr": "LCD модул 2,8 инча, SPI",
            "sl": "LCD modul 2,8 palca, SPI",
            "et": "LCD-moodul 2,8 tolli, SPI",
            "lv": "LCD modulis 2,8 collas, SPI",
            "lt": "LCD modulis 2,8 colio, SPI",
            "sk": "LCD modul 2,8 palca, SPI",
            "vi": "Mô-đun LCD 2,8 inch, SPI",
            "th": "โมดูลจอ LCD 2.8 นิ้ว SPI",
            "ms": "Modul LCD 2.8 inci, SPI",
            "id": "Modul LCD 2,8 inci, SPI",
            "el": "Οθόνη LCD 2,8 ιντσών, SPI",
            "ar": "وحدة شاشة LCD مقاس 2.8 بوصة SPI",
            "he": "מודול LCD ‏2.8 אינץ׳, SPI",
            "ja": "ｴｷｼｮｳﾓｼﾞｭｰﾙ 2.8ｲﾝﾁ SPI",
            "zh": "LCD顯示模組 2.8吋 SPI",
        },
    ),
    (
        "FLT",
        "3.10",
        {
            "en": "Air filter cartridge F7",
            "de": "Luftfilterpatrone F7",
            "fr": "Cartouche filtre à air F7",
            "it": "Cartuccia filtro aria F7",
            "es": "Cartucho filtro de aire F7",
            "pt": "Cartucho de filtro de ar F7",
            "nl": "Luchtfilterpatroon F7",
            "pl": "Wkład filtra powietrza F7",
            "uk": "Картридж повітряного фільтра F7",
            "bg": "Филтърен патрон за въздух F7",
            "sr": "Уложак филтера ваздуха F7",
            "sl": "Vložek zračnega filtra F7",
            "et": "Õhufiltri padrun F7",
            "lv": "Gaisa filtra kasetne F7",
            "lt": "Oro filtro kasetė F7",
            "sk": "Vložka vzduchového filtra F7",
            "vi": "Lõi lọc khí F7",
            "th": "ไส้กรองอากาศ F7",
            "ms": "Kartrij penapis udara F7",
            "id": "Cartridge filter udara F7",
            "el": "Φυσίγγιο φίλτρου αέρα F7",
            "ar": "خرطوشة فلتر هواء F7",
            "he": "מחסנית מסנן אוויר F7",
            "ja": "ｴｱﾌｨﾙﾀｶｰﾄﾘｯｼﾞ F7",
            "zh": "空氣濾芯 F7",
        },
    ),
    (
        "SPR",
        "0.27",
        {
            "en": "Compression spring 1.2 x 14 mm, stainless",
            "de": "Druckfeder 1,2 x 14 mm, Edelstahl",
            "fr": "Ressort de compression 1,2 x 14 mm, inox",
            "it": "Molla a compressione 1,2 x 14 mm, inox",
            "es": "Muelle de compresión 1,2 x 14 mm, inoxidable",
            "pt": "Mola de compressão 1,2 x 14 mm, inox",
            "nl": "Drukveer 1,2 x 14 mm, rvs",
            "pl": "Sprężyna naciskowa 1,2 x 14 mm, nierdzewna",
            "uk": "Пружина стиснення 1,2 x 14 мм, нержавіюча",
            "bg": "Натискова пружина 1,2 x 14 мм, неръждаема",
            "sr": "Притисна опруга 1,2 x 14 мм, нерђајућа",
            "sl": "Tlačna vzmet 1,2 x 14 mm, nerjavna",
            "et": "Survevedru 1,2 x 14 mm, roostevaba",
            "lv": "Spiedes atspere 1,2 x 14 mm, nerūsējoša",
            "lt": "Spaudimo spyruoklė 1,2 x 14 mm, nerūdijanti",
            "sk": "Tlačná pružina 1,2 x 14 mm, nerezová",
            "vi": "Lò xo nén 1,2 x 14 mm, inox",
            "th": "สปริงกด 1.2 x 14 มม. สแตนเลส",
            "ms": "Spring mampatan 1.2 x 14 mm, keluli tahan karat",
            "id": "Pegas tekan 1,2 x 14 mm, stainless",
            "el": "Ελατήριο θλίψης 1,2 x 14 mm, ανοξείδωτο",
            "ar": "نابض ضغط 1.2 × 14 مم ستانلس",
            "he": "קפיץ לחיצה 1.2 x 14 מ״מ, נירוסטה",
            "ja": "ｱｯｼｭｸﾊﾞﾈ 1.2X14 SUS",
            "zh": "壓縮彈簧 1.2x14mm 不鏽鋼",
        },
    ),
    (
        "KNB",
        "0.84",
        {
            "en": "Control knob 30 mm, black",
            "de": "Drehknopf 30 mm, schwarz",
            "fr": "Bouton de commande 30 mm, noir",
            "it": "Manopola 30 mm, nera",
            "es": "Mando giratorio 30 mm, negro",
            "pt": "Botão rotativo 30 mm, preto",
            "nl": "Draaiknop 30 mm, zwart",
            "pl": "Pokrętło 30 mm, czarne",
            "uk": "Ручка регулятора 30 мм, чорна",
            "bg": "Копче 30 мм, черно",
            "sr": "Дугме регулатора 30 мм, црно",
            "sl": "Vrtljivi gumb 30 mm, črn",
            "et": "Juhtnupp 30 mm, must",
            "lv": "Regulēšanas poga 30 mm, melna",
            "lt": "Valdymo rankenėlė 30 mm, juoda",
            "sk": "Otočný gombík 30 mm, čierny",
            "vi": "Núm vặn 30 mm, màu đen",
            "th": "ลูกบิดปรับ 30 มม. สีดำ",
            "ms": "Tombol kawalan 30 mm, hitam",
            "id": "Knop pengatur 30 mm, hitam",
            "el": "Περιστροφικό κουμπί 30 mm, μαύρο",
            "ar": "مقبض تحكم 30 مم أسود",
            "he": "כפתור סיבובי 30 מ״מ, שחור",
            "ja": "ﾂﾏﾐ 30MM ｸﾛ",
            "zh": "旋鈕 30mm 黑色",
        },
    ),
    (
        "PSU",
        "22.40",
        {
            "en": "Power supply 48 V, 150 W, DIN rail",
            "de": "Netzteil 48 V, 150 W, Hutschiene",
            "fr": "Alimentation 48 V, 150 W, rail DIN",
            "it": "Alimentatore 48 V, 150 W, barra DIN",
            "es": "Fuente de alimentación 48 V, 150 W, carril DIN",
            "pt": "Fonte de alimentação 48 V, 150 W, calha DIN",
            "nl": "Voeding 48 V, 150 W, DIN-rail",
            "pl": "Zasilacz 48 V, 150 W, szyna DIN",
            "uk": "Блок живлення 48 В, 150 Вт, DIN-рейка",
            "bg": "Захранване 48 V, 150 W, DIN шина",
            "sr": "Напајање 48 V, 150 W, DIN шина",
            "sl": "Napajalnik 48 V, 150 W, DIN letev",
            "et": "Toiteplokk 48 V, 150 W, DIN-liist",
            "lv": "Barošanas bloks 48 V, 150 W, DIN sliede",
            "lt": "Maitinimo šaltinis 48 V, 150 W, DIN bėgelis",
            "sk": "Napájací zdroj 48 V, 150 W, DIN lišta",
            "vi": "Bộ nguồn 48 V, 150 W, gắn thanh DIN",
            "th": "พาวเวอร์ซัพพลาย 48 V 150 W ราง DIN",
            "ms": "Bekalan kuasa 48 V, 150 W, rel DIN",
            "id": "Power supply 48 V, 150 W, rel DIN",
            "el": "Τροφοδοτικό 48 V, 150 W, ράγα DIN",
            "ar": "مزود طاقة 48 فولت 150 واط قضيب DIN",
            "he": "ספק כוח 48 וולט, 150 וואט, פס DIN",
            "ja": "ﾃﾞﾝｹﾞﾝﾕﾆｯﾄ 48V 150W DINﾚｰﾙ",
            "zh": "電源供應器 48V 150W 導軌式",
        },
    ),
    (
        "CNH",
        "0.52",
        {
            "en": "Connector housing 8-pin, PA66",
            "de": "Steckergehäuse 8-polig, PA66",
            "fr": "Boîtier de connecteur 8 broches, PA66",
            "it": "Corpo connettore 8 poli, PA66",
            "es": "Carcasa de conector 8 vías, PA66",
            "pt": "Carcaça de conector 8 vias, PA66",
            "nl": "Connectorbehuizing 8-polig, PA66",
            "pl": "Obudowa złącza 8-pin, PA66",
            "uk": "Корпус роз'єму 8-контактний, PA66",
            "bg": "Корпус на конектор 8 пина, PA66",
            "sr": "Кућиште конектора 8 пинова, PA66",
            "sl": "Ohišje konektorja 8-polno, PA66",
            "et": "Pistiku korpus 8-kontaktiline, PA66",
            "lv": "Savienotāja korpuss 8 kontaktu, PA66",
            "lt": "Jungties korpusas 8 kontaktų, PA66",
            "sk": "Puzdro konektora 8-pólové, PA66",
            "vi": "Vỏ đầu nối 8 chân, PA66",
            "th": "ตัวเรือนคอนเนคเตอร์ 8 ขา PA66",
            "ms": "Perumah penyambung 8 pin, PA66",
            "id": "Housing konektor 8 pin, PA66",
            "el": "Κέλυφος συνδέσμου 8 ακίδων, PA66",
            "ar": "غلاف موصل 8 أطراف PA66",
            "he": "בית מחבר 8 פינים, PA66",
            "ja": "ｺﾈｸﾀﾊｳｼﾞﾝｸﾞ 8P PA66",
            "zh": "連接器膠殼 8P PA66",
        },
    ),
    (
        "LBL",
        "0.09",
        {
            "en": "Rating label, polyester, printed",
            "de": "Typenschild, Polyester, bedruckt",
            "fr": "Étiquette signalétique, polyester, imprimée",
            "it": "Targhetta dati, poliestere, stampata",
            "es": "Etiqueta de características, poliéster, impresa",
            "pt": "Etiqueta de características, poliéster, impressa",
            "nl": "Typeplaatje, polyester, bedrukt",
            "pl": "Tabliczka znamionowa, poliester, nadruk",
            "uk": "Етикетка паспортна, поліестер, з друком",
            "bg": "Табелка с данни, полиестер, печатна",
            "sr": "Натписна плочица, полиестер, штампана",
            "sl": "Napisna tablica, poliester, tiskana",
            "et": "Andmesilt, polüester, trükitud",
            "lv": "Datu uzlīme, poliesters, apdrukāta",
            "lt": "Duomenų lipdukas, poliesteris, spausdintas",
            "sk": "Typový štítok, polyester, potlačený",
            "vi": "Nhãn thông số, polyester, in sẵn",
            "th": "ฉลากพิกัด โพลีเอสเตอร์ พิมพ์แล้ว",
            "ms": "Label kadaran, poliester, bercetak",
            "id": "Label rating, polyester, cetak",
            "el": "Πινακίδα χαρακτηριστικών, πολυεστέρας, τυπωμένη",
            "ar": "ملصق بيانات بوليستر مطبوع",
            "he": "תווית נתונים, פוליאסטר, מודפסת",
            "ja": "ﾃｲｶｸﾗﾍﾞﾙ PET ｲﾝｻﾂｽﾞﾐ",
            "zh": "銘牌標籤 聚酯 印刷",
        },
    ),
    (
        "SCR",
        "0.06",
        {
            "en": "Screw M4 x 12, Torx, A2",
            "de": "Schraube M4 x 12, Torx, A2",
            "fr": "Vis M4 x 12, Torx, A2",
            "it": "Vite M4 x 12, Torx, A2",
            "es": "Tornillo M4 x 12, Torx, A2",
            "pt": "Parafuso M4 x 12, Torx, A2",
            "nl": "Schroef M4 x 12, Torx, A2",
            "pl": "Wkręt M4 x 12, Torx, A2",
            "uk": "Гвинт M4 x 12, Torx, A2",
            "bg": "Винт M4 x 12, Torx, A2",
            "sr": "Завртањ M4 x 12, Torx, A2",
            "sl": "Vijak M4 x 12, Torx, A2",
            "et": "Kruvi M4 x 12, Torx, A2",
            "lv": "Skrūve M4 x 12, Torx, A2",
            "lt": "Varžtas M4 x 12, Torx, A2",
            "sk": "Skrutka M4 x 12, Torx, A2",
            "vi": "Vít M4 x 12, Torx, A2",
            "th": "สกรู M4 x 12 หัวทอร์ค A2",
            "ms": "Skru M4 x 12, Torx, A2",
            "id": "Baut M4 x 12, Torx, A2",
            "el": "Βίδα M4 x 12, Torx, A2",
            "ar": "برغي M4 × 12 تورکس A2",
            "he": "בורג M4 x 12, טורקס, A2",
            "ja": "ﾈｼﾞ M4X12 ﾄﾙｸｽ A2",
            "zh": "螺絲 M4x12 星型 A2",
        },
    ),
]
FX = {
    "USD": "1",
    "CAD": "1.38",
    "SGD": "1.34",
    "NZD": "1.68",
    "GBP": "0.79",
    "EUR": "0.93",
    "PLN": "4.05",
    "UAH": "41.5",
    "RSD": "108",
    "VND": "25400",
    "THB": "35.5",
    "MYR": "4.5",
    "IDR": "15800",
    "SAR": "3.75",
    "ILS": "3.7",
    "JPY": "151",
    "HKD": "7.8",
    "TWD": "32",
}
VAT = {  # the buyers' VAT (or sales tax) rate, %
    "uk": 20,
    "bg": 20,
    "sr": 20,
    "sl": 22,
    "et": 24,
    "lv": 21,
    "lt": 21,
    "sk": 23,
    "vi": 10,
    "th": 7,
    "ms": 10,
    "id": 11,
    "el": 24,
    "ar": 15,
    "he": 18,
    "pl": 23,
    "pt": 23,
    "fr": 20,
    "de": 19,
    "it": 22,
    "es": 21,
    "nl": 21,
    "ja": 10,
    "zh-Hant-TW": 5,
}
UNIT = {
    "en": "EA",
    "de": "Stk",
    "fr": "pce",
    "it": "pz",
    "es": "ud",
    "pt": "un",
    "nl": "st",
    "pl": "szt.",
    "uk": "шт",
    "bg": "бр.",
    "sr": "ком",
    "sl": "kos",
    "et": "tk",
    "lv": "gab.",
    "lt": "vnt.",
    "sk": "ks",
    "vi": "cái",
    "th": "ชิ้น",
    "ms": "unit",
    "id": "pcs",
    "el": "τεμ.",
    "ar": "حبة",
    "he": "יח׳",
    "ja": "ｺ",
    "zh": "PCS",
}


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per piece, tax-exclusive, after any discount
    amount: Decimal
    due: date | None = None


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
    due: date | None
    currency: str
    lines: list[Line]
    payment: str | None = None
    incoterms: str | None = None
    vat: Decimal = Decimal(0)  # % added to the net (0: the document adds no tax)
    freight: Decimal = Decimal(0)

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return money((self.net + self.freight) * self.vat / 100, self.currency)

    @property
    def gross(self) -> Decimal:
        return self.net + self.freight + self.tax

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


def no_currency(golden: dict[str, Any]) -> dict[str, Any]:
    """A document that never names its currency (a domestic host export: yen go without saying):
    a reader must not supply one."""
    golden["order"]["currency"] = None
    return golden


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


def lang_of(locale: str) -> str:
    return "zh-Hant" if locale.startswith("zh-Hant") else locale.split("-")[0]


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh3:{name}")


def make_order(
    seed: int,
    name: str,
    locale: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    words: str | None = None,
    line_dates: bool = False,
    cheap: bool = False,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``locale``, dated 13-20 November 2026.
    ``words``: the language its texts are in (default the buyer's); ``cheap``: small parts only, in
    large quantities (the orders priced per 100 or 1,000)."""
    r = draw(seed, name)
    lang = lang_of(locale)
    wl = words or ("zh" if lang == "zh-Hant" else lang)
    company, address, person, domain, currency = BUYERS[locale][k % len(BUYERS[locale])]
    ordered = later(date(2026, 11, 10), r.randrange(8))
    due = later(ordered, r.randrange(24, 62))
    pool = [g for g in GOODS if Decimal(g[1]) < 1] if cheap else GOODS
    picks = r.sample(pool, min(n, len(pool)))
    lines = []
    for stem, base, texts in picks:
        price = Decimal(base) * Decimal(FX[currency]) * Decimal(r.randrange(85, 128)) / 100
        if currency in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.0001") if cheap else Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        qty = Decimal(
            r.choice([5000, 10000, 20000, 25000]) if cheap else r.choice([20, 40, 60, 100, 120, 250, 400, 600])
        )
        lines.append(
            Line(
                f"{stem}-{r.randrange(100, 999)}{r.choice('ABCDEFGHKM')}",
                texts.get(wl) or texts["en"],
                qty,
                UNIT.get(wl, "EA"),
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
        wl,
        ordered,
        None if line_dates else due,
        currency,
        lines,
    )


# ----------------------------------------------------------------------------- dates and words

TH_MONTHS = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()
UK_MONTHS = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
LV_MONTHS = (
    "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris".split()
)
ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()


def day(d: date, style: str) -> str:
    return {
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dot_g": f"{d.day:02d}.{d.month:02d}.{d.year} г.",
        "dot_end": f"{d.day:02d}.{d.month:02d}.{d.year}.",
        "dot_space": f"{d.day}. {d.month}. {d.year}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "iso": d.isoformat(),
        "ymd_slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "be": f"{d.day:02d}/{d.month:02d}/{d.year + 543}",
        "th_long": f"{d.day} {TH_MONTHS[d.month - 1]} {d.year + 543}",
        "uk_long": f"{d.day} {UK_MONTHS[d.month - 1]} {d.year} р.",
        "lv_long": f"{d.year}. gada {d.day}. {LV_MONTHS[d.month - 1]}",
        "id_long": f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}",
        "d_mon_y": f"{d.day} {'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()[d.month - 1]} {d.year}",
        "mon_d_y": f"{'January February March April May June July August September October November December'.split()[d.month - 1]} {d.day}, {d.year}",
        "cjk": f"{d.year}年{d.month}月{d.day}日",
    }[style]


ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """A whole number in English words, as a cheque writes it."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ONES[n // 100]} hundred" + (f" and {in_words(n % 100)}" if n % 100 else "")
    for size, word in ((10**6, "million"), (1000, "thousand")):
        if n >= size:
            head, rest = divmod(n, size)
            tail = (" and " if rest < 100 else " ") + in_words(rest) if rest else ""
            return f"{in_words(head)} {word}{tail}"
    return ""


# ----------------------------------------------------------------------------- files made the same way every time


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


def text_part(content: str, sub: str = "plain", charset: str = "utf-8") -> MIMENonMultipart:
    p = MIMENonMultipart("text", sub, charset=charset)
    p.set_payload(base64.encodebytes(content.encode(charset)).decode())
    p["Content-Transfer-Encoding"] = "base64"
    return p


def file_part(name: str, data: bytes, ctype: str) -> MIMENonMultipart:
    a = MIMENonMultipart(*ctype.split("/"), name=name)
    a.set_payload(base64.encodebytes(data).decode())
    a["Content-Transfer-Encoding"] = "base64"
    a.add_header("Content-Disposition", "attachment", filename=name)
    return a


def message(
    *,
    sender: tuple[str, str],
    subject: str,
    key: str,
    sent: datetime,
    text: str | None = None,
    html: str | None = None,
    attach: list[Any] | None = None,
    charset: str = "utf-8",
    to: str = SALES,
    headers: dict[str, str] | None = None,
) -> Any:
    """A message built part by part, with fixed boundaries, id and date. ``attach`` holds parts
    (``file_part``, or a ``MIMEMessage`` for a message sent on as an attachment)."""
    key = re.sub(r"[^A-Za-z0-9-]", "", key)
    bodies = [text_part(c, sub, charset) for c, sub in ((text, "plain"), (html, "html")) if c is not None]
    msg: Any = bodies[0]
    if len(bodies) == 2:
        msg = MIMEMultipart("alternative", boundary=f"----=_f3alt_{key}")
        for b in bodies:
            msg.attach(b)
    if attach:
        mixed = MIMEMultipart("mixed", boundary=f"----=_f3mix_{key}")
        mixed.attach(msg)
        for a in attach:
            mixed.attach(a)
        msg = mixed
    msg["From"] = formataddr(sender, charset="utf-8")
    msg["To"] = to
    msg["Subject"] = Header(subject, "utf-8", header_name="Subject")
    msg["Date"] = sent.strftime("%a, %d %b %Y %H:%M:%S %z")
    msg["Message-ID"] = f"<{key}.{sent:%Y%m%d%H%M}@{sender[1].split('@')[1]}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    return msg


def sent_on(d: date, hour: int = 9, minute: int = 12, offset: int = 2) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


def rasterise(src: Path, dpi: int) -> list[Any]:
    """The pages of a PDF as greyscale images."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(src))
    pages = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    doc.close()
    return pages


def scanned(img: Any, r: random.Random, *, angle: float, noise: int, shade: bool = False) -> Any:
    """A page as a scanner or a phone camera makes it: turned a little, specks, uneven light."""
    from PIL import Image

    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=244)
    px = img.load()
    w, h = img.size
    for _ in range(w * h // noise):
        x, y = r.randrange(w), r.randrange(h)
        px[x, y] = r.choice((0, 90, 160))
    if shade:  # a phone photo: darker towards one corner
        ramp = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - v // 4)
        from PIL import ImageChops

        img = ImageChops.multiply(img, ramp)
    return img


def save_scan_pdf(pages: list[Any], dst: Path, dpi: int) -> None:
    pages[0].save(
        str(dst),
        "PDF",
        resolution=dpi,
        save_all=True,
        append_images=pages[1:],
        creationDate=STAMP.timetuple(),
        modDate=STAMP.timetuple(),
    )


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

    def mail(self, rel: str, msg: Any, golden: dict[str, Any], lang: str, family: str) -> None:
        self.path(rel).write_bytes(msg.as_bytes())
        self.add(rel, golden, lang, family)

    def convert(
        self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str, infilter: str = ""
    ) -> None:
        self.pending.append((src, ext, rel, golden, lang, family, infilter))


def build_fresh3(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


# Each language's words: title, number, date, delivery, buyer, supplier, item, description, quantity,
# unit, price, amount, net, tax, total, payment terms, position
LAB: dict[str, dict[str, str]] = {
    "en": dict(
        title="PURCHASE ORDER",
        no="PO Number",
        date="Order Date",
        due="Required Date",
        buyer="Buyer",
        supplier="Vendor",
        item="Part No.",
        desc="Description",
        qty="Qty",
        unit="UoM",
        price="Unit Price",
        amount="Extended",
        net="Subtotal",
        vat="Tax",
        total="Total",
        pay="Terms",
        pos="Ln",
    ),
    "de": dict(
        title="Bestellung",
        no="Bestellnummer",
        date="Bestelldatum",
        due="Liefertermin",
        buyer="Besteller",
        supplier="Lieferant",
        item="Artikel-Nr.",
        desc="Bezeichnung",
        qty="Menge",
        unit="ME",
        price="Preis",
        amount="Betrag",
        net="Nettobetrag",
        vat="MwSt.",
        total="Gesamtbetrag",
        pay="Zahlungsbedingungen",
        pos="Pos.",
    ),
    "fr": dict(
        title="Commande fournisseur",
        no="N° de commande",
        date="Date de commande",
        due="Date de livraison",
        buyer="Acheteur",
        supplier="Fournisseur",
        item="Référence",
        desc="Désignation",
        qty="Qté",
        unit="Unité",
        price="P.U. HT",
        amount="Montant HT",
        net="Total HT",
        vat="TVA",
        total="Total TTC",
        pay="Conditions de paiement",
        pos="Ligne",
    ),
    "it": dict(
        title="Ordine di acquisto",
        no="Numero ordine",
        date="Data ordine",
        due="Data consegna",
        buyer="Committente",
        supplier="Fornitore",
        item="Codice",
        desc="Descrizione",
        qty="Q.tà",
        unit="U.M.",
        price="Prezzo unit.",
        amount="Importo",
        net="Imponibile",
        vat="IVA",
        total="Totale ordine",
        pay="Pagamento",
        pos="Riga",
    ),
    "es": dict(
        title="Pedido de compra",
        no="Nº pedido",
        date="Fecha pedido",
        due="Fecha de entrega",
        buyer="Comprador",
        supplier="Proveedor",
        item="Código",
        desc="Descripción",
        qty="Cantidad",
        unit="Ud.",
        price="Precio",
        amount="Importe",
        net="Base imponible",
        vat="IVA",
        total="Total pedido",
        pay="Forma de pago",
        pos="Lín.",
    ),
    "pt": dict(
        title="Nota de Encomenda",
        no="N.º Encomenda",
        date="Data",
        due="Data de entrega",
        buyer="Cliente",
        supplier="Fornecedor",
        item="Artigo",
        desc="Descrição",
        qty="Qtd.",
        unit="Un.",
        price="Preço unit.",
        amount="Valor",
        net="Total ilíquido",
        vat="IVA",
        total="Total",
        pay="Condições de pagamento",
        pos="L.",
    ),
    "nl": dict(
        title="Inkooporder",
        no="Ordernummer",
        date="Orderdatum",
        due="Leverdatum",
        buyer="Inkoper",
        supplier="Leverancier",
        item="Artikelnr.",
        desc="Omschrijving",
        qty="Aantal",
        unit="Eenh.",
        price="Prijs",
        amount="Bedrag",
        net="Subtotaal",
        vat="BTW",
        total="Totaal",
        pay="Betaling",
        pos="Regel",
    ),
    "pl": dict(
        title="Zamówienie",
        no="Nr zamówienia",
        date="Data zamówienia",
        due="Termin dostawy",
        buyer="Zamawiający",
        supplier="Dostawca",
        item="Indeks",
        desc="Nazwa towaru",
        qty="Ilość",
        unit="J.m.",
        price="Cena netto",
        amount="Wartość netto",
        net="Razem netto",
        vat="VAT",
        total="Razem brutto",
        pay="Forma płatności",
        pos="Lp.",
    ),
    "uk": dict(
        title="Замовлення постачальнику",
        no="Замовлення №",
        date="від",
        due="Термін поставки",
        buyer="Покупець",
        supplier="Постачальник",
        item="Код",
        desc="Товар",
        qty="Кіл-сть",
        unit="Од.",
        price="Ціна без ПДВ",
        amount="Сума без ПДВ",
        net="Разом без ПДВ",
        vat="ПДВ",
        total="Всього з ПДВ",
        pay="Умови оплати",
        pos="№",
    ),
    "bg": dict(
        title="ПОРЪЧКА",
        no="Поръчка №",
        date="Дата",
        due="Срок на доставка",
        buyer="Възложител",
        supplier="Доставчик",
        item="Код",
        desc="Наименование",
        qty="Кол.",
        unit="Мярка",
        price="Ед. цена",
        amount="Стойност",
        net="Данъчна основа",
        vat="ДДС",
        total="Сума за плащане",
        pay="Плащане",
        pos="№",
    ),
    "sr": dict(
        title="ПОРУЏБЕНИЦА",
        no="Поруџбеница бр.",
        date="Датум",
        due="Рок испоруке",
        buyer="Наручилац",
        supplier="Добављач",
        item="Шифра",
        desc="Назив",
        qty="Кол.",
        unit="Ј.м.",
        price="Цена",
        amount="Износ",
        net="Основица",
        vat="ПДВ",
        total="Укупно за уплату",
        pay="Плаћање",
        pos="Р.бр.",
    ),
    "sl": dict(
        title="NAROČILNICA",
        no="Naročilnica št.",
        date="Datum",
        due="Rok dobave",
        buyer="Naročnik",
        supplier="Dobavitelj",
        item="Šifra",
        desc="Naziv",
        qty="Količina",
        unit="EM",
        price="Cena",
        amount="Vrednost",
        net="Skupaj brez DDV",
        vat="DDV",
        total="Skupaj z DDV",
        pay="Plačilo",
        pos="Zap.",
    ),
    "et": dict(
        title="OSTUTELLIMUS",
        no="Tellimuse nr",
        date="Kuupäev",
        due="Tarneaeg",
        buyer="Tellija",
        supplier="Tarnija",
        item="Kood",
        desc="Nimetus",
        qty="Kogus",
        unit="Üh",
        price="Hind",
        amount="Summa",
        net="Summa km-ta",
        vat="Käibemaks",
        total="Kokku",
        pay="Maksetingimus",
        pos="Nr",
    ),
    "lv": dict(
        title="PASŪTĪJUMS",
        no="Pasūtījuma Nr.",
        date="Datums",
        due="Piegādes termiņš",
        buyer="Pasūtītājs",
        supplier="Piegādātājs",
        item="Kods",
        desc="Nosaukums",
        qty="Daudzums",
        unit="Mērv.",
        price="Cena",
        amount="Summa",
        net="Kopā bez PVN",
        vat="PVN",
        total="Kopā apmaksai",
        pay="Apmaksa",
        pos="Nr.",
    ),
    "lt": dict(
        title="UŽSAKYMAS",
        no="Užsakymo Nr.",
        date="Data",
        due="Pristatymo data",
        buyer="Pirkėjas",
        supplier="Tiekėjas",
        item="Kodas",
        desc="Pavadinimas",
        qty="Kiekis",
        unit="Mato vnt.",
        price="Kaina",
        amount="Suma",
        net="Suma be PVM",
        vat="PVM",
        total="Iš viso su PVM",
        pay="Apmokėjimas",
        pos="Eil.",
    ),
    "sk": dict(
        title="OBJEDNÁVKA",
        no="Objednávka č.",
        date="Dátum",
        due="Termín dodania",
        buyer="Odberateľ",
        supplier="Dodávateľ",
        item="Kód",
        desc="Názov",
        qty="Množstvo",
        unit="MJ",
        price="Cena/MJ",
        amount="Spolu",
        net="Základ DPH",
        vat="DPH",
        total="Celkom k úhrade",
        pay="Platobné podmienky",
        pos="P.č.",
    ),
    "vi": dict(
        title="ĐƠN ĐẶT HÀNG",
        no="Số",
        date="Ngày",
        due="Ngày giao hàng",
        buyer="Bên mua",
        supplier="Bên bán",
        item="Mã hàng",
        desc="Tên hàng",
        qty="Số lượng",
        unit="ĐVT",
        price="Đơn giá",
        amount="Thành tiền",
        net="Cộng tiền hàng",
        vat="Thuế GTGT",
        total="Tổng cộng",
        pay="Thanh toán",
        pos="STT",
    ),
    "th": dict(
        title="ใบสั่งซื้อ",
        no="เลขที่",
        date="วันที่",
        due="กำหนดส่ง",
        buyer="ผู้ซื้อ",
        supplier="ผู้ขาย",
        item="รหัสสินค้า",
        desc="รายการ",
        qty="จำนวน",
        unit="หน่วย",
        price="ราคาต่อหน่วย",
        amount="จำนวนเงิน",
        net="รวมเงิน",
        vat="ภาษีมูลค่าเพิ่ม",
        total="รวมทั้งสิ้น",
        pay="เงื่อนไขการชำระเงิน",
        pos="ลำดับ",
    ),
    "ms": dict(
        title="PESANAN BELIAN",
        no="No. Pesanan",
        date="Tarikh",
        due="Tarikh Penghantaran",
        buyer="Pembeli",
        supplier="Pembekal",
        item="Kod Item",
        desc="Keterangan",
        qty="Kuantiti",
        unit="Unit",
        price="Harga Seunit",
        amount="Jumlah",
        net="Jumlah Kecil",
        vat="SST",
        total="Jumlah Besar",
        pay="Terma Bayaran",
        pos="Bil",
    ),
    "id": dict(
        title="PURCHASE ORDER / PESANAN PEMBELIAN",
        no="No. PO",
        date="Tanggal",
        due="Tgl. Kirim",
        buyer="Pemesan",
        supplier="Pemasok",
        item="Kode Barang",
        desc="Nama Barang",
        qty="Qty",
        unit="Satuan",
        price="Harga Satuan",
        amount="Jumlah",
        net="Subtotal",
        vat="PPN",
        total="Grand Total",
        pay="Termin",
        pos="No",
    ),
    "el": dict(
        title="ΠΑΡΑΓΓΕΛΙΑ ΑΓΟΡΑΣ",
        no="Αρ. Παραγγελίας",
        date="Ημερομηνία",
        due="Ημ/νία Παράδοσης",
        buyer="Αγοραστής",
        supplier="Προμηθευτής",
        item="Κωδικός",
        desc="Περιγραφή",
        qty="Ποσότητα",
        unit="Μ.Μ.",
        price="Τιμή Μονάδας",
        amount="Αξία",
        net="Καθαρή Αξία",
        vat="ΦΠΑ",
        total="Γενικό Σύνολο",
        pay="Τρόπος Πληρωμής",
        pos="Α/Α",
    ),
    "ar": dict(
        title="أمر شراء",
        no="رقم أمر الشراء",
        date="التاريخ",
        due="تاريخ التسليم",
        buyer="المشتري",
        supplier="المورد",
        item="رمز الصنف",
        desc="الوصف",
        qty="الكمية",
        unit="الوحدة",
        price="سعر الوحدة",
        amount="الإجمالي",
        net="المجموع قبل الضريبة",
        vat="ضريبة القيمة المضافة",
        total="المجموع الكلي",
        pay="شروط الدفع",
        pos="م",
    ),
    "he": dict(
        title="הזמנת רכש",
        no="מספר הזמנה",
        date="תאריך",
        due="תאריך אספקה",
        buyer="המזמין",
        supplier="ספק",
        item='מק"ט',
        desc="תיאור",
        qty="כמות",
        unit="יחידה",
        price="מחיר ליחידה",
        amount="סה״כ",
        net="סה״כ לפני מע״מ",
        vat="מע״מ",
        total="סה״כ לתשלום",
        pay="תנאי תשלום",
        pos="שורה",
    ),
    "ja": dict(
        title="ﾁｭｳﾓﾝｼｮ",
        no="ﾁｭｳﾓﾝNO",
        date="ﾁｭｳﾓﾝﾋﾞ",
        due="ﾉｳｷ",
        buyer="ﾁｭｳﾓﾝｼｬ",
        supplier="ｼｲﾚｻｷ",
        item="ﾋﾝﾊﾞﾝ",
        desc="ﾋﾝﾒｲ",
        qty="ｽｳﾘｮｳ",
        unit="ﾀﾝｲ",
        price="ﾀﾝｶ",
        amount="ｷﾝｶﾞｸ",
        net="ｺﾞｳｹｲ",
        vat="ｼｮｳﾋｾﾞｲ",
        total="ｿｳｺﾞｳｹｲ",
        pay="ｼﾊﾗｲｼﾞｮｳｹﾝ",
        pos="NO",
    ),
    "zh": dict(
        title="採購訂單",
        no="訂單編號",
        date="訂單日期",
        due="交貨日期",
        buyer="採購方",
        supplier="供應商",
        item="貨號",
        desc="品名規格",
        qty="數量",
        unit="單位",
        price="單價",
        amount="金額",
        net="小計",
        vat="營業稅",
        total="總計",
        pay="付款條件",
        pos="項次",
    ),
}
PAY = {
    "uk": "Оплата протягом 30 банківських днів",
    "bg": "По банков път, 30 дни",
    "sr": "Вирмански, 45 дана",
    "sl": "30 dni od prejema računa",
    "et": "14 päeva",
    "lv": "30 dienu laikā pēc rēķina saņemšanas",
    "lt": "Per 30 dienų",
    "sk": "Splatnosť 30 dní",
    "vi": "Chuyển khoản trong 30 ngày",
    "th": "เครดิต 30 วัน",
    "ms": "30 hari",
    "id": "30 hari setelah barang diterima",
    "el": "Πίστωση 60 ημερών",
    "ar": "آجل 60 يوم",
    "he": "שוטף + 60",
    "ja": "ﾏﾂｼﾒ ﾖｸﾏﾂﾊﾞﾗｲ",
    "zh": "月結60天",
    "en": "Net 45",
    "de": "30 Tage netto",
    "fr": "60 jours fin de mois",
    "it": "Bonifico 60 gg d.f.f.m.",
    "es": "Confirming 90 días",
    "pt": "60 dias",
    "nl": "30 dagen netto",
    "pl": "Przelew 21 dni",
}
NUMS = {  # how each language's buyers group and mark decimals (styles of fresh2_families.num)
    "en": "en",
    "de": "eu",
    "fr": "space",
    "it": "eu",
    "es": "eu",
    "pt": "space",
    "nl": "eu",
    "pl": "space",
    "uk": "space",
    "bg": "space",
    "sr": "eu",
    "sl": "eu",
    "et": "space",
    "lv": "space",
    "lt": "space",
    "sk": "space",
    "vi": "eu",
    "th": "en",
    "ms": "en",
    "id": "eu",
    "el": "eu",
    "ar": "en",
    "he": "en",
    "ja": "en",
    "zh": "en",
}
DATES = {
    "en": "mdy",
    "de": "dot",
    "fr": "dmy",
    "it": "dmy",
    "es": "dmy",
    "pt": "dmy",
    "nl": "dot",
    "pl": "dot",
    "uk": "dot",
    "bg": "dot_g",
    "sr": "dot_end",
    "sl": "dot_space",
    "et": "dot",
    "lv": "dot_end",
    "lt": "iso",
    "sk": "dot_space",
    "vi": "dmy",
    "th": "be",
    "ms": "dmy",
    "id": "id_long",
    "el": "dmy",
    "ar": "dmy",
    "he": "dmy",
    "ja": "ymd_slash",
    "zh": "ymd_slash",
}


def n(o: Order, v: Decimal, places: int | None = None) -> str:
    """``v`` written as the order's buyer writes numbers (whole yen, dong, rupiah and NT dollars)."""
    return num(v, NUMS[o.words], 0 if o.currency in WHOLE else places)


def qty(o: Order, v: Decimal) -> str:
    return num(v, NUMS[o.words], 0)


def d(o: Order, v: date) -> str:
    return day(v, DATES[o.words])


def rows_of(o: Order, *, code: bool = True) -> list[list[str]]:
    """The usual cells of each line: position, code, text, quantity, unit, price, amount."""
    return [
        [str(j), ln.code if code else "", ln.text, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount)]
        for j, ln in enumerate(o.lines, 1)
    ]


def grid(
    p: Page,
    x0: float,
    y: float,
    widths: list[float],
    aligns: str,
    rows: list[list[str]],
    *,
    size: float = 8,
    height: float = 16,
    ruled: bool = True,
    bold_first: bool = True,
) -> float:
    """Rows of cells at ``y`` (left ``x0``), ruled or not; ``aligns`` one of l/r/c a column.
    Returns the ``y`` under the last row."""
    for k, row in enumerate(rows):
        x = x0
        for w, a, cell in zip(widths, aligns, row):
            if ruled:
                p.box(x, y, w, height, width=0.4)
            tx = {"l": x + 3, "r": x + w - 3, "c": x + w / 2}[a]
            p.text(
                tx,
                y + height - 4.5,
                cell,
                size,
                bold=bold_first and k == 0,
                align={"l": "left", "r": "right", "c": "center"}[a],
            )
            x += w
        y += height
    return y


def fit_text(p: Page, s: str, width: float, size: float) -> str:
    """``s`` cut to fit ``width`` (wrapping would split a cell's text over rows the grid does not have)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while s and stringWidth(s, p.regular, size) > width:
        s = s[:-1]
    return s


# --- Ukrainian 1C print form: the number and date in one title line ("№ … від 18 листопада 2026
# р."), supplier and buyer as "label: value" paragraphs, a fully ruled grid, the net, VAT and gross
# under it, then "Всього найменувань N, на суму …" with the amount again.


def uk_1c_pdf(path: Path, o: Order, *, invoice: bool = False) -> None:
    w = LAB["uk"]
    p = Page(path, "sans", "bold", creator="1С:Підприємство 8.3")
    title = "Рахунок на оплату" if invoice else w["title"]
    p.text(40, 60, f"{title} № {o.number} від {day(o.ordered, 'uk_long')}", 13, bold=True)
    p.line(40, 68, 555, 68, 1.5)
    parties = [(w["supplier"], f"{SUPPLIER}, Dongguan"), (w["buyer"], f"{o.buyer}, {o.address}")]
    if invoice:
        parties = [(w["supplier"], f"{o.buyer}, {o.address}"), (w["buyer"], f"{SUPPLIER}, Dongguan")]
    y = 86
    for label, value in parties:
        p.text(40, y, f"{label}:", 8.5)
        p.text(118, y, value, 8.5, bold=True)
        y += 16
    if not invoice:
        p.text(40, y, f"{w['due']}:", 8.5)
        p.text(118, y, f"до {day(o.due or o.ordered, 'dot')}", 8.5)
        y += 16
    if o.payment:
        p.text(40, y, f"{w['pay']}:", 8.5)
        p.text(118, y, o.payment, 8.5)
        y += 16
    y += 8
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    widths = [24, 60, 190, 52, 30, 76, 83]
    body = [[r[0], r[1], fit_text(p, r[2], 184, 7.5), *r[3:]] for r in rows_of(o)]
    y = grid(p, 40, y, widths, "cllrcrr", [head, *body], size=7.5)
    totals = [(w["net"] + ":", o.net), (f"{w['vat']} {o.vat}%:", o.tax), (w["total"] + ":", o.gross)]
    for label, v in totals:
        y += 14
        p.text(470, y, label, 8.5, bold=True, align="right")
        p.text(555, y, n(o, v), 8.5, bold=True, align="right")
    y += 26
    p.text(40, y, f"Всього найменувань {len(o.lines)}, на суму {n(o, o.gross)} грн.", 8.5)
    p.line(40, y + 8, 555, y + 8, 1.5)
    p.text(40, y + 40, "Відповідальний: ______________  " + o.person, 8.5)
    p.save()


@family("uk-1c-zamovlennia", "reportlab-canvas-1c")
def uk_1c(m: Maker) -> None:
    for k in range(4):
        name = f"uk-1c-zamovlennia-{k}"
        o = m.order(name, "uk", 2 + k % 3, lambda r: f"{r.choice(['ДК', 'ІФ'])}-{r.randrange(100, 999):06d}", k=k)
        o.vat = Decimal(VAT["uk"])
        o.payment = PAY["uk"] if k % 2 else None
        uk_1c_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "uk", "uk-1c-zamovlennia")


@family("not-order-uk-rakhunok", "reportlab-canvas-1c")
def uk_invoice(m: Maker) -> None:
    """Our customer's 1C prints an invoice for payment (рахунок на оплату) in the order's layout: not an order."""
    for k in range(4):
        name = f"uk-1c-rakhunok-{k}"
        o = m.order(name, "uk", 2 + k % 2, lambda r: f"СФ-{r.randrange(1000, 9999)}", k=k)
        o.vat = Decimal(VAT["uk"])
        uk_1c_pdf(m.path(f"pdf/{name}.pdf"), o, invoice=True)
        m.add(f"pdf/{name}.pdf", OTHER, "uk", "not-order-uk-rakhunok")


# --- Bulgarian: a serif letter with the number, date and delivery in a ruled box at the top
# right, the buyer as "Възложител" with its ЕИК, lines without codes, "Словом:" under the total.


def bg_pdf(path: Path, o: Order) -> None:
    w = LAB["bg"]
    p = Page(path, "serif", "bold", creator="Microinvest Склад Pro")
    p.text(40, 56, o.buyer, 13, bold=True)
    p.text(40, 70, o.address, 8)
    p.text(40, 82, f"ЕИК 2{o.number[-4:]}77310  ·  Тел. 032 555 {o.number[-3:]}", 7.5)
    p.box(360, 44, 195, 58)
    for j, (label, value) in enumerate(
        ((w["no"], o.number), (w["date"], d(o, o.ordered)), (w["due"], d(o, o.due or o.ordered)))
    ):
        p.text(366, 58 + 16 * j, label, 8)
        p.text(549, 58 + 16 * j, value, 9, bold=j == 0, align="right")
    p.text(297, 130, w["title"], 16, bold=True, align="center")
    p.text(40, 156, f"{w['supplier']}: {SUPPLIER}", 9)
    head = [w["pos"], w["desc"], w["unit"], w["qty"], w["price"], w["amount"]]
    body = [[r[0], r[2], r[4], r[3], r[5], r[6]] for r in rows_of(o, code=False)]
    y = grid(p, 40, 172, [26, 235, 40, 58, 70, 86], "clcrrr", [head, *body], size=8, height=18)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        y += 15
        p.text(460, y, label, 9, align="right")
        p.text(555, y, f"{n(o, v)} €", 9, bold=True, align="right")
    p.text(40, y + 34, f"{w['pay']}: {o.payment or 'в брой'}", 8.5)
    p.text(40, y + 70, "Съставил: " + o.person, 8.5)
    p.save()


@family("bg-poruchka-serif-box", "reportlab-canvas-serif-bg")
def bulgarian(m: Maker) -> None:
    for k in range(4):
        name = f"bg-poruchka-{k}"
        o = m.order(name, "bg", 2 + (k + 1) % 3, lambda r: f"{r.randrange(1, 9)}{r.randrange(1000, 9999)}", k=k)
        o.vat = Decimal(VAT["bg"])
        o.payment = PAY["bg"]
        bg_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(codes=False), "bg", "bg-poruchka-serif-box")


# --- Serbian in Cyrillic, fpdf2's table: the head as a two-column key/value table, the lines with
# a header row filled grey, the VAT base, VAT and the amount to pay in a table of their own.


def sr_pdf(path: Path, o: Order) -> None:
    w = LAB["sr"]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 14)
    pdf.cell(0, 8, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 5, f"{o.address}  ·  ПИБ 10{o.number[-5:]}88", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 8, f"{w['title']}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("dv", "", 8.5)
    with pdf.table(col_widths=(45, 95), width=140, align="LEFT", first_row_as_headings=False) as t:
        for label, value in (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["supplier"], SUPPLIER),
            (w["due"], d(o, o.due or o.ordered)),
            (w["pay"], o.payment or ""),
        ):
            row = t.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(6)
    head = [w["pos"], w["item"], w["desc"], w["unit"], w["qty"], w["price"], w["amount"]]
    with pdf.table(
        col_widths=(10, 24, 62, 12, 18, 22, 28),
        text_align=("CENTER", "LEFT", "LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT"),
    ) as t:
        t.row(head)
        for r in rows_of(o):
            t.row([r[0], r[1], r[2], r[4], r[3], r[5], r[6]])
    pdf.ln(5)
    with pdf.table(
        col_widths=(50, 30), width=80, align="RIGHT", first_row_as_headings=False, text_align=("LEFT", "RIGHT")
    ) as t:
        for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
            t.row([label, f"{n(o, v)} RSD"])
    pdf.ln(12)
    pdf.cell(0, 5, f"М.П.          {o.person}")
    pdf.output(str(path))


@family("sr-cyrillic-fpdf-table", "fpdf2-table-cyrillic")
def serbian(m: Maker) -> None:
    for k in range(4):
        name = f"sr-porudzbenica-{k}"
        o = m.order(name, "sr", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}/2026", k=k)
        o.vat = Decimal(VAT["sr"])
        o.payment = PAY["sr"] if k != 2 else None
        sr_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "sr", "sr-cyrillic-fpdf-table")


# --- Slovenian, fpdf2 cells with no rules: the order number large at the top right, the buyer in
# a window on the left, lines with the code under the name, a "Rok dobave" column on every line.


def sl_pdf(path: Path, o: Order) -> None:
    w = LAB["sl"]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "", 8)
    pdf.set_xy(12, 14)
    pdf.multi_cell(90, 4.2, f"{o.buyer}\n{o.address}\nID za DDV: SI{o.number[-4:]}8812")
    pdf.set_xy(118, 14)
    pdf.set_font("dv", "B", 15)
    pdf.cell(80, 8, f"{w['no']} {o.number}", align="R")
    pdf.set_font("dv", "", 8.5)
    pdf.set_xy(118, 24)
    pdf.cell(80, 5, f"{w['date']}: {d(o, o.ordered)}", align="R")
    pdf.set_xy(12, 42)
    pdf.multi_cell(90, 4.2, f"{w['supplier']}:\n{SUPPLIER}\n{SUPPLIER_ADDR}")
    y = 70
    pdf.set_font("dv", "B", 8)
    cols = [
        (12, 10, w["pos"], "L"),
        (22, 78, w["desc"], "L"),
        (100, 20, w["qty"], "R"),
        (120, 10, w["unit"], "L"),
        (130, 20, w["price"], "R"),
        (150, 22, w["amount"], "R"),
        (174, 24, w["due"], "R"),
    ]
    for x, wd, label, a in cols:
        pdf.set_xy(x, y)
        pdf.cell(wd, 5, label, align=a)
    pdf.set_font("dv", "", 8)
    y += 8
    for j, ln in enumerate(o.lines, 1):
        cells = [str(j), ln.text, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount), d(o, ln.due or o.ordered)]
        for (x, wd, _, a), value in zip(cols, cells):
            pdf.set_xy(x, y)
            pdf.cell(wd, 5, value, align=a)
        pdf.set_xy(22, y + 4.5)
        pdf.set_font("dv", "", 6.5)
        pdf.cell(78, 4, f"{w['item']}: {ln.code}")
        pdf.set_font("dv", "", 8)
        y += 11
    pdf.line(12, y, 198, y)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat} %", o.tax), (w["total"], o.gross)):
        y += 6
        pdf.set_xy(100, y)
        pdf.cell(72, 5, label, align="R")
        pdf.cell(26, 5, f"{n(o, v)} EUR", align="R")
    pdf.set_xy(12, y + 16)
    pdf.cell(0, 5, f"{w['pay']}: {o.payment}    Naročil: {o.person}")
    pdf.output(str(path))


@family("sl-narocilnica-date-per-line", "fpdf2-cells-unruled")
def slovenian(m: Maker) -> None:
    for k in range(4):
        name = f"sl-narocilnica-{k}"
        o = m.order(name, "sl", 2 + (k * 2) % 4, lambda r: f"NAR-26-{r.randrange(1000, 9999)}", k=k, line_dates=True)
        o.vat = Decimal(VAT["sl"])
        o.payment = PAY["sl"]
        sl_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "sl", "sl-narocilnica-date-per-line")


# --- Word documents: a header table and a lines table (python-docx); printed by LibreOffice, or
# sent as .docx. ``rtl`` sets the paragraphs and tables right to left (Arabic, Hebrew).


def docx_order(
    path: Path,
    o: Order,
    *,
    rtl: bool = False,
    head_style: str = "table",
    vat_label: str = "",
    dates: str | None = None,
    currency_word: str = "",
) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    w = LAB[o.words]
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(9)
    dt = (lambda v: day(v, dates)) if dates else (lambda v: d(o, v))

    def para(text: str, size: float = 9, bold: bool = False, center: bool = False) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        if rtl:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        elif center:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(rows: list[list[str]], bold_first: bool = True, widths: tuple[float, ...] = ()) -> None:
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        if rtl:
            t._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        if widths:
            t.autofit = False
            for col, width in zip(t.columns, widths):
                col.width = Cm(width)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = t.cell(i, j)
                if widths:  # a description column wide enough for its words
                    cell.width = Cm(widths[j])
                cell.text = value
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(8)
                        run.bold = bold_first and i == 0
                        if rtl:
                            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
                    if rtl:
                        p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))

    para(o.buyer, 13, bold=True)
    para(o.address, 8)
    para(w["title"], 15, bold=True, center=True)
    head = [
        (w["no"], o.number),
        (w["date"], dt(o.ordered)),
        (w["due"], dt(o.due or o.ordered)),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or ""),
    ]
    if head_style == "table":
        table([[a, b] for a, b in head], bold_first=False)
    else:
        for a, b in head:
            para(f"{a}: {b}")
    para("")
    rows = [[w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]], *rows_of(o)]
    table(rows, widths=(1.0, 2.3, 5.9, 1.7, 1.3, 2.0, 2.4))
    para("")
    sums = [(w["net"], o.net), (f"{vat_label or w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)]
    table([[a, f"{n(o, v)} {currency_word}".strip()] for a, v in sums], bold_first=False)
    para("")
    para(o.person)
    docx_save(doc, path, o.person)


@family("et-tellimus-docx-printed", "python-docx+libreoffice")
def estonian(m: Maker) -> None:
    for k in range(4):
        name = f"et-ostutellimus-{k}"
        o = m.order(name, "et", 2 + k % 3, lambda r: f"OT{r.randrange(26000, 26999)}", k=k)
        o.vat = Decimal(VAT["et"])
        o.payment = PAY["et"] if k < 3 else None
        src = m.work / f"{name}.docx"
        docx_order(src, o, head_style="lines" if k % 2 else "table", currency_word="EUR")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "et", "et-tellimus-docx-printed")


@family("ar-rtl-docx-printed", "python-docx-bidi+libreoffice")
def arabic(m: Maker) -> None:
    for k in range(4):
        name = f"ar-amr-shira-{k}"
        o = m.order(name, "ar", 2 + k % 2, lambda r: f"PO-{r.randrange(2600, 2699)}-{r.randrange(100, 999)}", k=k)
        o.vat = Decimal(VAT["ar"])
        o.payment = PAY["ar"] if k % 2 else None
        src = m.work / f"{name}.docx"
        docx_order(src, o, rtl=True, currency_word="ر.س")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "ar", "ar-rtl-docx-printed")


@family("vi-don-dat-hang-docx", "python-docx")
def vietnamese(m: Maker) -> None:
    for k in range(4):
        name = f"vi-don-dat-hang-{k}"
        o = m.order(name, "vi", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}/2026/ĐĐH-{r.choice(['SH', 'MN'])}", k=k)
        o.vat = Decimal(8 if k % 2 else 10)
        o.payment = PAY["vi"]
        docx_order(m.path(f"docx/{name}.docx"), o, head_style="lines", currency_word="VNĐ")
        m.add(f"docx/{name}.docx", o.golden(), "vi", "vi-don-dat-hang-docx")


@family("th-bai-sang-sue-docx", "python-docx-thai")
def thai(m: Maker) -> None:
    for k in range(4):
        name = f"th-bai-sang-sue-{k}"
        o = m.order(name, "th", 2 + (k + 2) % 3, lambda r: f"PO{r.randrange(6911000, 6911999)}", k=k)
        o.vat = Decimal(VAT["th"])
        o.payment = PAY["th"]
        docx_order(m.path(f"docx/{name}.docx"), o, dates="th_long" if k % 2 else "be", currency_word="บาท")
        m.add(f"docx/{name}.docx", o.golden(), "th", "th-bai-sang-sue-docx")


# --- Workbooks (openpyxl)


def xlsx_lv(path: Path, o: Order) -> None:
    """Latvian: the date written out ("2026. gada 18. novembris"), labels in column A with values
    merged over B:D, lines from row 12, the sums under the amount column with their labels beside."""
    import openpyxl
    from openpyxl.styles import Font

    w = LAB["lv"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pasūtījums"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = o.address
    ws["E1"] = f"{w['title']} Nr. {o.number}"
    ws["E1"].font = Font(bold=True, size=12)
    ws["E2"] = day(o.ordered, "lv_long")
    for r, (label, value) in enumerate(
        (
            (w["supplier"], SUPPLIER),
            (w["due"], d(o, o.due or o.ordered)),
            (w["pay"], o.payment or ""),
            ("Kontaktpersona", o.person),
        ),
        start=4,
    ):
        ws.cell(r, 1, f"{label}:")
        ws.cell(r, 2, value)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
    head = [w["pos"], w["item"], w["desc"], w["unit"], w["qty"], w["price"], w["amount"]]
    for c, h in enumerate(head, 1):
        ws.cell(11, c, h).font = Font(bold=True)
    r = 12
    for j, ln in enumerate(o.lines, 1):
        for c, v in enumerate((j, ln.code, ln.text, ln.unit, int(ln.qty), float(ln.price), float(ln.amount)), 1):
            ws.cell(r, c, v)
        ws.cell(r, 6).number_format, ws.cell(r, 7).number_format = "#,##0.00##", "#,##0.00"
        r += 1
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        r += 1
        ws.cell(r, 5, label)
        ws.cell(r, 7, float(v)).number_format = "#,##0.00"
    ws.cell(r + 2, 1, "Summa apmaksai EUR")
    for col, width in zip("ABCDEFG", (6, 14, 40, 8, 10, 11, 13)):
        ws.column_dimensions[col].width = width
    xlsx_save(wb, path, o.person)


@family("lv-pasutijums-long-date-xlsx", "openpyxl-merged-values")
def latvian(m: Maker) -> None:
    for k in range(4):
        name = f"lv-pasutijums-{k}"
        o = m.order(name, "lv", 2 + k % 3, lambda r: f"P-{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=k)
        o.vat = Decimal(VAT["lv"])
        o.payment = PAY["lv"] if k != 1 else None
        xlsx_lv(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "lv", "lv-pasutijums-long-date-xlsx")


def xlsx_he(path: Path, o: Order) -> None:
    """Hebrew: the sheet set right to left, labels and values in pairs, prices with ₪."""
    import openpyxl
    from openpyxl.styles import Font

    w = LAB["he"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "הזמנה"
    ws.sheet_view.rightToLeft = True
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = o.address
    ws["D1"] = w["title"]
    ws["D1"].font = Font(bold=True, size=14)
    pairs = [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due or o.ordered)),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or ""),
    ]
    for r, (label, value) in enumerate(pairs, start=4):
        ws.cell(r, 1, label).font = Font(bold=True)
        ws.cell(r, 2, value)
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    for c, h in enumerate(head, 1):
        ws.cell(10, c, h).font = Font(bold=True)
    r = 11
    for j, ln in enumerate(o.lines, 1):
        for c, v in enumerate((j, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)), 1):
            ws.cell(r, c, v)
        ws.cell(r, 6).number_format, ws.cell(r, 7).number_format = '"₪" #,##0.00##', '"₪" #,##0.00'
        r += 1
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        ws.cell(r, 6, label).font = Font(bold=True)
        ws.cell(r, 7, float(v)).number_format = '"₪" #,##0.00'
        r += 1
    ws.cell(r + 1, 6, "מטבע")
    ws.cell(r + 1, 7, "ש״ח (ILS)")
    xlsx_save(wb, path, o.person)


@family("he-rtl-sheet-xlsx", "openpyxl-right-to-left")
def hebrew(m: Maker) -> None:
    for k in range(4):
        name = f"he-hazmana-{k}"
        o = m.order(name, "he", 2 + (k + 1) % 3, lambda r: f"{r.randrange(45000, 45999)}", k=k)
        o.vat = Decimal(VAT["he"])
        o.payment = PAY["he"]
        xlsx_he(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "he", "he-rtl-sheet-xlsx")


# --- Japanese host-system exports in half-width katakana (JIS X 0201), Shift_JIS: a CSV with a
# header record and detail records, and a fixed-width print pasted into a mail body.


def hankaku_csv(o: Order) -> bytes:
    w = LAB["ja"]
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(["H", w["no"], w["date"], w["buyer"], w["supplier"], w["pay"]])
    out.writerow(["H", o.number, o.ordered.strftime("%Y%m%d"), o.buyer, "ｼﾞｪｲｼｾｲｿﾞｳ ﾕｳｹﾞﾝｺｳｼ", o.payment or ""])
    out.writerow(["D", w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"], w["due"]])
    for j, ln in enumerate(o.lines, 1):
        out.writerow(
            [
                "D",
                j,
                ln.code,
                ln.text,
                int(ln.qty),
                ln.unit,
                str(ln.price),
                str(ln.amount),
                (ln.due or o.due or o.ordered).strftime("%Y%m%d"),
            ]
        )
    out.writerow(["T", w["net"], str(o.net), w["vat"], str(o.tax), w["total"], str(o.gross)])
    return buf.getvalue().encode("shift_jis")


@family("ja-hankaku-csv-sjis", "csv-host-export-jisx0201")
def hankaku_csv_family(m: Maker) -> None:
    for k in range(4):
        name = f"ja-hankaku-export-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"{r.randrange(70000000, 79999999)}", k=k, line_dates=k % 2 == 1)
        o.vat = Decimal(VAT["ja"])
        o.payment = PAY["ja"] if k < 2 else None
        m.path(f"csv/{name}.csv").write_bytes(hankaku_csv(o))
        m.add(f"csv/{name}.csv", no_currency(o.golden()), "ja", "ja-hankaku-csv-sjis")


def hankaku_print(o: Order) -> str:
    w = LAB["ja"]
    rows = [
        f"{' ' * 24}*** {w['title']} ***",
        f"{w['no']} : {o.number}          {w['date']} : {day(o.ordered, 'ymd_slash')}",
        f"{w['buyer']} : {o.buyer}",
        f"{w['due']} : {day(o.due or o.ordered, 'ymd_slash')}",
        "-" * 78,
        f"{w['pos']:<3} {w['item']:<10} {w['desc']:<28} {w['qty']:>8} {w['unit']:<3} {w['price']:>9} {w['amount']:>10}",
        "-" * 78,
    ]
    for j, ln in enumerate(o.lines, 1):
        rows.append(
            f"{j:<3} {ln.code:<10} {ln.text:<28} {int(ln.qty):>8,} {ln.unit:<3} {ln.price:>9,} {ln.amount:>10,}"
        )
    rows += [
        "-" * 78,
        f"{'':<45}{w['net']:>12} {o.net:>19,}",
        f"{'':<45}{w['vat']:>12} {o.tax:>19,}",
        f"{'':<45}{w['total']:>12} {o.gross:>19,}",
    ]
    return "\n".join(rows)


@family("ja-hankaku-text-mail", "email-shift-jis-fixed")
def hankaku_mail(m: Maker) -> None:
    for k in range(4):
        name = f"ja-hankaku-mail-{k}"
        o = m.order(name, "ja", 2 + (k + 1) % 3, lambda r: f"A{r.randrange(100000, 999999)}", k=k)
        o.vat = Decimal(VAT["ja"])
        text = f"ｵｾﾜﾆﾅｯﾃｵﾘﾏｽ｡\nｲｶﾉﾄｵﾘ ﾁｭｳﾓﾝｲﾀｼﾏｽ｡\n\n{hankaku_print(o)}\n\n{o.buyer}\n{o.person}\n"
        msg = message(
            sender=(o.person, o.mail),
            subject=f"ﾁｭｳﾓﾝ {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=text,
            charset="shift_jis",
        )
        m.mail(f"eml/{name}.eml", msg, no_currency(o.golden(source="body")), "ja", "ja-hankaku-text-mail")


# --- Mail


def html_lines(o: Order, *, style: str = "", code: bool = True) -> str:
    w = LAB[o.words]
    cells = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    keep = [0, 1, 2, 3, 4, 5, 6] if code else [0, 2, 3, 4, 5, 6]
    head = "".join(f"<th{style}>{escape(cells[i])}</th>" for i in keep)
    body = "".join("<tr>" + "".join(f"<td{style}>{escape(r[i])}</td>" for i in keep) + "</tr>" for r in rows_of(o))
    return f'<table cellspacing="0" cellpadding="4" border="1"><tr>{head}</tr>{body}</table>'


def text_lines(o: Order, sep: str = " | ") -> str:
    w = LAB[o.words]
    rows = [[w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]], *rows_of(o)]
    return "\n".join(sep.join(r) for r in rows)


LT_BODY = (
    "<p>Laba diena,</p><p>prašome priimti užsakymą <b>Nr. {no}</b> ({date}). Pristatymo data: <b>{due}</b>.</p>"
    "{table}<p>{net}: {netv} EUR<br>{vat} {rate}%: {tax} EUR<br><b>{total}: {gross} EUR</b></p>"
    "<p>{pay}</p><p>Pagarbiai<br>{person}<br>{buyer}<br>{address}</p>"
)


@family("lt-uzsakymas-html-mail", "email-html-lithuanian")
def lithuanian(m: Maker) -> None:
    w = LAB["lt"]
    for k in range(4):
        name = f"lt-uzsakymas-{k}"
        o = m.order(name, "lt", 2 + k % 3, lambda r: f"UZ{r.randrange(260000, 269999)}", k=k)
        o.vat = Decimal(VAT["lt"])
        o.payment = PAY["lt"] if k % 2 == 0 else None
        body = LT_BODY.format(
            no=o.number,
            date=d(o, o.ordered),
            due=d(o, o.due or o.ordered),
            table=html_lines(o),
            net=w["net"],
            netv=n(o, o.net),
            vat=w["vat"],
            rate=o.vat,
            tax=n(o, o.tax),
            total=w["total"],
            gross=n(o, o.gross),
            pay=f"{w['pay']}: {o.payment}" if o.payment else "",
            person=o.person,
            buyer=o.buyer,
            address=o.address,
        )
        html = f'<html><body style="font-family:Calibri">{body}</body></html>'
        msg = message(
            sender=(o.person, o.mail), subject=f"Užsakymas {o.number}", key=name, sent=sent_on(o.ordered), html=html
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "lt", "lt-uzsakymas-html-mail")


MS_BODY = """Tuan/Puan,

Sila bekalkan barangan berikut mengikut Pesanan Belian di bawah.

{no_l}      : {no}
{date_l}         : {date}
{due_l} : {due}
{pay_l}   : {pay}

{lines}

{net_l}: RM {net}
{vat_l} {rate}%: RM {tax}
{total_l}: RM {gross}

Sila sahkan penerimaan pesanan ini.

Terima kasih,
{person}
Jabatan Perolehan
{buyer}
{address}
"""


@family("ms-pesanan-belian-text-mail", "email-plain-malay")
def malay(m: Maker) -> None:
    w = LAB["ms"]
    for k in range(4):
        name = f"ms-pesanan-belian-{k}"
        o = m.order(name, "ms", 2 + (k + 2) % 3, lambda r: f"PB/{r.randrange(2600, 2699)}/{r.randrange(100, 999)}", k=k)
        o.vat = Decimal(VAT["ms"])
        o.payment = PAY["ms"]
        text = MS_BODY.format(
            no_l=w["no"],
            no=o.number,
            date_l=w["date"],
            date=d(o, o.ordered),
            due_l=w["due"],
            due=d(o, o.due or o.ordered),
            pay_l=w["pay"],
            pay=o.payment,
            lines=text_lines(o, "\t"),
            net_l=w["net"],
            net=n(o, o.net),
            vat_l=w["vat"],
            rate=o.vat,
            tax=n(o, o.tax),
            total_l=w["total"],
            gross=n(o, o.gross),
            person=o.person,
            buyer=o.buyer,
            address=o.address,
        )
        msg = message(
            sender=(o.person, o.mail),
            subject=f"Pesanan Belian {o.number}",
            key=name,
            sent=sent_on(o.ordered, offset=8),
            text=text,
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ms", "ms-pesanan-belian-text-mail")


@family("id-order-forwarded-twice", "email-plain-forward-chain")
def indonesian_forwards(m: Maker) -> None:
    """The buyer's purchasing clerk wrote the order; the manager forwarded it to the buyer's
    logistics lead, who forwarded it to us: two forward blocks above the order, the sender is the
    last one (the same company)."""
    w = LAB["id"]
    for k in range(4):
        name = f"id-po-diteruskan-{k}"
        o = m.order(name, "id", 2 + k % 3, lambda r: f"PO/{r.randrange(1000, 9999)}/XI/2026", k=k)
        o.vat = Decimal(VAT["id"])
        o.payment = PAY["id"] if k != 3 else None
        domain = o.mail.split("@")[1]
        fwd1 = ("Hendra Gunawan", f"hendra.gunawan@{domain}")
        fwd2 = ("Siti Rahmawati", f"siti.rahmawati@{domain}")
        when0 = sent_on(o.ordered, 8, 5, 7) - timedelta(days=1)
        original = (
            f"Dengan hormat,\n\nBerikut kami sampaikan {w['title'].split(' / ')[1].title()}:\n\n"
            f"{w['no']}: {o.number}\n{w['date']}: {d(o, o.ordered)}\n{w['due']}: {d(o, o.due or o.ordered)}\n"
            f"{w['pay']}: {o.payment or '-'}\n\n{text_lines(o)}\n\n{w['net']}: Rp {n(o, o.net)}\n"
            f"{w['vat']} {o.vat}%: Rp {n(o, o.tax)}\n{w['total']}: Rp {n(o, o.gross)}\n\nHormat kami,\n{o.person}\n"
            f"{o.buyer}\n{o.address}"
        )
        hop1 = (
            f"Pak Hendra, mohon diteruskan ke supplier.\n\n---------- Pesan terusan ---------\n"
            f"Dari: {o.person} <{o.mail}>\nTanggal: {when0:%a, %d %b %Y} pukul 08.05\n"
            f"Subjek: PO {o.number}\nKepada: {fwd1[0]} <{fwd1[1]}>\n\n{original}"
        )
        text = (
            f"Dear Sales Team,\n\nPlease see our PO below, kindly confirm the delivery date.\n\nRegards,\n{fwd2[0]}\n"
            f"Logistics - {o.buyer}\n\n---------- Forwarded message ---------\nFrom: {fwd1[0]} <{fwd1[1]}>\n"
            f"Date: {when0 + timedelta(hours=3):%a, %b %d, %Y at %I:%M %p}\nSubject: Fwd: PO {o.number}\n"
            f"To: {fwd2[0]} <{fwd2[1]}>\n\n{hop1}\n"
        )
        msg = message(
            sender=fwd2, subject=f"Fwd: Fwd: PO {o.number}", key=name, sent=sent_on(o.ordered, offset=7), text=text
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "id", "id-order-forwarded-twice")


EL_QUOTE = """Αγαπητή κα {person},

σας αποστέλλουμε την προσφορά μας Q-{qno}:

{rows}

Τιμές χωρίς ΦΠΑ, ισχύς 30 ημέρες.

Με εκτίμηση,
Sales Department
{supplier}"""


@family("el-order-over-quoted-quotation", "email-reply-greek")
def greek_reply(m: Maker) -> None:
    """The order is written above our quotation, which is quoted below with other quantities and
    the prices we offered before the buyer's discount: only the text above the quote is the order."""
    w = LAB["el"]
    for k in range(4):
        name = f"el-apantisi-prosfora-{k}"
        o = m.order(name, "el", 2 + k % 2, lambda r: f"ΠΑΡ-{r.randrange(26000, 26999)}", k=k)
        o.vat = Decimal(VAT["el"])
        o.payment = PAY["el"] if k % 2 else None
        r = m.r(name)
        quoted = [
            f"{ln.code}  {ln.text}  {qty(o, ln.qty * r.choice([2, 5]))} {ln.unit} x "
            f"{n(o, (ln.price * Decimal('1.06')).quantize(CENT))} EUR"
            for ln in o.lines
        ]
        quote = EL_QUOTE.format(person=o.person, qno=r.randrange(4000, 4999), rows="\n".join(quoted), supplier=SUPPLIER)
        head = (
            f"Καλημέρα σας,\n\nσε συνέχεια της προσφοράς σας, σας στέλνουμε την παραγγελία μας.\n\n"
            f"{w['no']}: {o.number}\n{w['date']}: {d(o, o.ordered)}\n{w['due']}: {d(o, o.due or o.ordered)}\n"
            + (f"{w['pay']}: {o.payment}\n" if o.payment else "")
            + f"\n{text_lines(o)}\n\n{w['net']}: {n(o, o.net)} €\n{w['vat']} {o.vat}%: {n(o, o.tax)} €\n"
            f"{w['total']}: {n(o, o.gross)} €\n\nΕυχαριστώ,\n{o.person}\n{o.buyer}\n{o.address}\n"
        )
        sent = sent_on(o.ordered)
        marker = f"Στις {(sent - timedelta(days=2)):%d/%m/%Y} 3:20 μ.μ., ο/η Sales <{SALES}> έγραψε:"
        text = head + "\n" + marker + "\n" + "\n".join("> " + q for q in quote.splitlines()) + "\n"
        html = (
            '<div dir="ltr">'
            + escape(head).replace("\n", "<br>").replace(escape(text_lines(o)).replace("\n", "<br>"), html_lines(o))
            + '</div><br><div class="gmail_quote">'
            f'<div class="gmail_attr">{escape(marker)}</div><blockquote class="gmail_quote">'
            + escape(quote).replace("\n", "<br>")
            + "</blockquote></div>"
        )
        msg = message(
            sender=(o.person, o.mail),
            subject=f"RE: Προσφορά Q-{r.randrange(4000, 4999)}",
            key=name,
            sent=sent,
            text=text,
            html=html,
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "el", "el-order-over-quoted-quotation")


# --- Slovak, a flat OpenDocument text (.fodt) printed by LibreOffice: the head as tab-aligned
# paragraphs, the lines in a table whose amounts carry "€", "Celkom k úhrade" in bold.


def fodt_sk(o: Order) -> str:
    w = LAB["sk"]

    def p(text: str, style: str = "P") -> str:
        return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

    def row(cells: list[str]) -> str:
        return (
            "<table:table-row>"
            + "".join(f'<table:table-cell office:value-type="string">{p(c)}</table:table-cell>' for c in cells)
            + "</table:table-row>"
        )

    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    lines = [[r[0], r[1], r[2], r[3], r[4], f"{r[5]} €", f"{r[6]} €"] for r in rows_of(o)]
    body = "".join(
        [
            p(o.buyer, "B"),
            p(o.address),
            p(f"IČO: 3{o.number[-5:]}21   IČ DPH: SK20{o.number[-5:]}3311"),
            p(""),
            p(f"{w['title']} č. {o.number}", "T"),
            p(""),
            p(f"{w['supplier']}:\t{SUPPLIER}"),
            p(f"{w['date']}:\t{d(o, o.ordered)}"),
            p(f"{w['due']}:\t{d(o, o.due or o.ordered)}"),
            p(f"{w['pay']}:\t{o.payment or 'prevodom'}"),
            p(""),
            '<table:table table:name="Polozky"><table:table-column table:number-columns-repeated="7"/>',
            row(head),
            *(row(r) for r in lines),
            "</table:table>",
            p(""),
            p(f"{w['net']}: {n(o, o.net)} €"),
            p(f"{w['vat']} {o.vat} %: {n(o, o.tax)} €"),
            p(f"{w['total']}: {n(o, o.gross)} €", "B"),
            p(""),
            p(f"Vystavil: {o.person}"),
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:styles>"
        '<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>'
        '<style:style style:name="B" style:family="paragraph"><style:text-properties fo:font-size="10pt" '
        'fo:font-weight="bold"/></style:style>'
        '<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>'
        "</office:styles><office:body><office:text>" + body + "</office:text></office:body></office:document>"
    )


@family("sk-objednavka-fodt-printed", "flat-odt+libreoffice")
def slovak(m: Maker) -> None:
    for k in range(4):
        name = f"sk-objednavka-{k}"
        o = m.order(name, "sk", 2 + (k + 1) % 3, lambda r: f"OBJ{r.randrange(2026000, 2026999)}", k=k)
        o.vat = Decimal(VAT["sk"])
        o.payment = PAY["sk"] if k != 2 else None
        src = m.work / f"{name}.fodt"
        src.write_text(fodt_sk(o), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "sk", "sk-objednavka-fodt-printed")


# --- Hong Kong: a bilingual (English over Traditional Chinese) canvas print, HKD, no tax, the
# date day first, "貨號 Item Code" headers, "To 致:" for us and "From 由:" for the buyer.


def hk_pdf(path: Path, o: Order) -> None:
    p = Page(path, "cjk0", "cjk1", creator="Crystal Reports for Windows")
    p.text(297, 46, o.buyer, 14, bold=True, align="center")
    p.text(297, 62, o.address, 8, align="center")
    p.text(297, 92, "PURCHASE ORDER  採購單", 15, bold=True, align="center")
    p.text(40, 120, f"To 致: {SUPPLIER}", 9)
    p.text(40, 134, f"From 由: {o.person}", 9)
    for j, (label, value) in enumerate(
        (
            ("P.O. No. 單號", o.number),
            ("Date 日期", day(o.ordered, "dmy")),
            ("Delivery 交貨", day(o.due or o.ordered, "dmy")),
            ("Terms 條款", o.payment or "C.O.D."),
        )
    ):
        p.text(360, 120 + 14 * j, label, 8.5)
        p.text(450, 120 + 14 * j, value, 9, bold=j == 0)
    y = 196
    p.line(40, y - 12, 555, y - 12, 1)
    cols = [
        (40, "Item 項目", "left"),
        (78, "Code 貨號", "left"),
        (150, "Description 品名", "left"),
        (400, "Qty 數量", "right"),
        (470, "U/Price 單價", "right"),
        (555, "Amount 金額", "right"),
    ]
    p.row(y, cols, 8, bold=True)
    p.line(40, y + 5, 555, y + 5, 0.5)
    y += 20
    for j, ln in enumerate(o.lines, 1):
        p.row(
            y,
            [
                (40, str(j), "left"),
                (78, ln.code, "left"),
                (150, ln.text, "left"),
                (400, f"{qty(o, ln.qty)} {ln.unit}", "right"),
                (470, n(o, ln.price), "right"),
                (555, n(o, ln.amount), "right"),
            ],
            8.5,
        )
        y += 17
    p.line(40, y, 555, y, 1)
    p.text(470, y + 16, "TOTAL 總額 HK$", 9, bold=True, align="right")
    p.text(555, y + 16, n(o, o.gross), 9.5, bold=True, align="right")
    p.text(40, y + 60, "Authorised Signature 授權簽署 ____________________", 8.5)
    p.save()


@family("zh-hant-hk-bilingual-po", "reportlab-canvas-cjk-bilingual")
def hong_kong(m: Maker) -> None:
    for k in range(4):
        name = f"zh-hant-hk-po-{k}"
        o = m.order(
            name,
            "zh-Hant-HK",
            2 + k % 3,
            lambda r: f"KB{r.randrange(26000, 26999)}",
            k=k,
            words="en" if k % 2 else "zh",
        )
        o.words = "zh"  # numbers and dates as Hong Kong writes them, whatever the texts' language
        o.payment = "30 days 月結30天" if k < 3 else None
        hk_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "zh-Hant", "zh-hant-hk-bilingual-po")


# --- Taiwan: a workbook saved by LibreOffice Calc as .ods; 未稅 prices, 營業稅 5 % and 含稅 total,
# whole New Taiwan dollars, the date 2026/11/18.


def tw_xlsx(path: Path, o: Order) -> None:
    import openpyxl
    from openpyxl.styles import Font

    w = LAB["zh"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "採購單"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.address
    ws["A3"] = w["title"]
    ws["A3"].font = Font(bold=True, size=13)
    for r, (a, b, c, dd) in enumerate(
        (
            (w["no"], o.number, w["date"], day(o.ordered, "ymd_slash")),
            (w["supplier"], SUPPLIER, w["due"], day(o.due or o.ordered, "ymd_slash")),
            ("採購人員", o.person, w["pay"], o.payment or ""),
            ("幣別", "新台幣 NTD", "", ""),
        ),
        start=5,
    ):
        ws.cell(r, 1, a)
        ws.cell(r, 2, b)
        ws.cell(r, 5, c)
        ws.cell(r, 6, dd)
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], "未稅單價", "未稅金額"]
    for c, h in enumerate(head, 1):
        ws.cell(9, c, h).font = Font(bold=True)
    r = 10
    for j, ln in enumerate(o.lines, 1):
        for c, v in enumerate((j, ln.code, ln.text, int(ln.qty), ln.unit, int(ln.price), int(ln.amount)), 1):
            ws.cell(r, c, v)
        r += 1
    for label, v in (("未稅合計", o.net), ("營業稅 5%", o.tax), ("含稅總計", o.gross)):
        ws.cell(r, 6, label)
        ws.cell(r, 7, int(v)).number_format = "#,##0"
        r += 1
    xlsx_save(wb, path, o.person)


@family("zh-hant-tw-calc-ods", "openpyxl+libreoffice-ods")
def taiwan(m: Maker) -> None:
    for k in range(4):
        name = f"zh-hant-tw-caigou-{k}"
        o = m.order(name, "zh-Hant-TW", 2 + (k + 2) % 3, lambda r: f"PO{r.randrange(11511000, 11511999)}", k=k)
        o.vat = Decimal(VAT["zh-Hant-TW"])
        o.payment = PAY["zh"] if k % 2 else None
        src = m.work / f"{name}.xlsx"
        tw_xlsx(src, o)
        m.convert(src, "ods", f"ods/{name}.ods", o.golden(), "zh-Hant", "zh-hant-tw-calc-ods")


# --- Layouts in common languages


def words_pdf(path: Path, o: Order) -> None:
    """A US/Commonwealth order whose only total is written out in words, as on a cheque: the lines
    carry their amounts, the foot says "TOTAL ORDER VALUE: Four thousand ... and 50/100 US Dollars"."""
    cur = {"USD": "US Dollars", "CAD": "Canadian Dollars", "SGD": "Singapore Dollars", "NZD": "New Zealand Dollars"}
    p = Page(path, "Times-Roman", "Times-Bold", creator="Sage 100 Crystal")
    p.text(40, 52, o.buyer.upper(), 14, bold=True)
    p.text(40, 66, o.address, 9)
    p.text(555, 52, "PURCHASE ORDER", 16, bold=True, align="right")
    p.text(555, 70, f"No. {o.number}", 11, bold=True, align="right")
    p.text(40, 104, "ISSUED TO:", 8, bold=True)
    p.text(40, 116, SUPPLIER, 10)
    p.text(40, 128, SUPPLIER_ADDR, 8)
    p.text(360, 104, "Date of order:", 9)
    p.text(555, 104, day(o.ordered, "mon_d_y"), 9, align="right")
    p.text(360, 118, "Deliver no later than:", 9)
    p.text(555, 118, day(o.due or o.ordered, "mon_d_y"), 9, align="right")
    if o.payment:
        p.text(360, 132, "Terms:", 9)
        p.text(555, 132, o.payment, 9, align="right")
    y = 170
    p.line(40, y - 12, 555, y - 12, 1)
    p.row(
        y,
        [
            (40, "QUANTITY", "left"),
            (110, "ITEM", "left"),
            (190, "DESCRIPTION", "left"),
            (470, "UNIT COST", "right"),
            (555, "AMOUNT", "right"),
        ],
        8.5,
        bold=True,
    )
    p.line(40, y + 5, 555, y + 5)
    y += 20
    for ln in o.lines:
        p.row(
            y,
            [
                (40, f"{qty(o, ln.qty)} {ln.unit}", "left"),
                (110, ln.code, "left"),
                (190, ln.text, "left"),
                (470, f"{ln.price:,}", "right"),
                (555, f"{ln.amount:,}", "right"),
            ],
            9,
        )
        y += 16
    p.line(40, y, 555, y, 1)
    whole, cents = divmod(o.gross, 1)
    words = f"{in_words(int(whole))} and {int(cents * 100):02d}/100 {cur[o.currency]}"
    p.text(40, y + 22, "TOTAL ORDER VALUE:", 9, bold=True)
    p.text(40, y + 36, words[0].upper() + words[1:], 10)
    p.text(40, y + 80, "Purchasing Agent: " + o.person, 9)
    p.save()


@family("total-only-in-words", "reportlab-canvas-times")
def total_in_words(m: Maker) -> None:
    for k, loc in enumerate(("en-US", "en-CA", "en-SG", "en-US")):
        name = f"{loc.lower()}-total-in-words-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(20000, 29999)}", k=k // 3, words="en")
        o.payment = PAY["en"] if k != 1 else None
        words_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "total-only-in-words")


PE = {  # the price-unit column's title and how it writes "per 1,000"
    "de": ("PE", "Preis/PE"),
    "nl": ("PE", "Prijs/PE"),
    "pl": ("j.c.", "Cena/j.c."),
    "en": ("Per", "Price/Per"),
}


def price_unit_pdf(path: Path, o: Order, bases: list[int]) -> None:
    """fpdf2 cells: a price-unit column (1, 100 or 1000) beside the price; amount = qty x price / unit."""
    w = LAB[o.words]
    pe, price_h = PE[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 4.5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 7, f"{w['title']} {o.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    for label, value in (
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due or o.ordered)),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or "-"),
    ):
        pdf.cell(36, 5, f"{label}:")
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    cols = [
        (10, w["pos"], "C"),
        (26, w["item"], "L"),
        (64, w["desc"], "L"),
        (18, w["qty"], "R"),
        (10, w["unit"], "C"),
        (22, price_h, "R"),
        (12, pe, "R"),
        (24, w["amount"], "R"),
    ]
    pdf.set_font("dv", "B", 8)
    pdf.set_fill_color(225, 230, 240)
    for wd, label, a in cols:
        pdf.cell(wd, 6, label, border=1, align=a, fill=True)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for j, (ln, basis) in enumerate(zip(o.lines, bases), 1):
        shown = n(o, (ln.price * basis).quantize(CENT))
        cells = [str(j), ln.code, ln.text, qty(o, ln.qty), ln.unit, shown, str(basis), n(o, ln.amount)]
        for (wd, _, a), value in zip(cols, cells):
            pdf.cell(wd, 6, value, border=1, align=a)
        pdf.ln()
    pdf.ln(2)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        pdf.cell(150, 5.5, label, align="R")
        pdf.cell(36, 5.5, f"{n(o, v)} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@family("price-unit-column", "fpdf2-cells-filled-head")
def price_unit(m: Maker) -> None:
    for k, loc in enumerate(("de", "nl", "pl", "en-GB")):
        name = f"{loc.lower()}-price-unit-column-{k}"
        o = m.order(name, loc, 3 + k % 2, lambda r: f"45{r.randrange(10000000, 19999999)}", k=k, cheap=k % 2 == 0)
        r = m.r(name)
        bases = []
        for ln in o.lines:  # cheap parts priced per 100 or 1,000 (to the cent per that many)
            basis = 1000 if ln.price < Decimal("0.2") else 100 if ln.price < 2 else 1
            basis = basis if r.random() < 0.85 else 1
            ln.price = (ln.price * basis).quantize(CENT) / basis
            ln.amount = money(ln.qty * ln.price, o.currency)
            bases.append(basis)
        o.vat = Decimal(VAT.get(o.words, 20))
        o.payment = PAY[o.words] if k != 3 else None
        price_unit_pdf(m.path(f"pdf/{name}.pdf"), o, bases)
        m.add(f"pdf/{name}.pdf", o.golden(), lang_of(loc), "price-unit-column")


DISCOUNT_WORD = {"fr": "Remise", "it": "Sconto", "es": "Descuento", "pt": "Desconto"}


def discount_row_pdf(path: Path, o: Order, listed: list[tuple[Decimal, Decimal]]) -> None:
    """Each line at its list price, then an indented row "Remise 8 %  -12,34" and the net amount:
    the line's price is the list price less the discount."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Cegid")
    p.text(40, 50, o.buyer, 13, bold=True)
    p.text(40, 63, o.address, 8)
    p.text(555, 50, w["title"].upper(), 14, bold=True, align="right")
    p.text(555, 66, f"{w['no']} : {o.number}", 9, align="right")
    p.text(555, 78, f"{w['date']} : {d(o, o.ordered)}", 9, align="right")
    p.text(555, 90, f"{w['due']} : {d(o, o.due or o.ordered)}", 9, align="right")
    p.text(40, 112, f"{w['supplier']} : {SUPPLIER}", 8.5)
    y = 140
    p.box(40, y - 11, 515, 15, fill=(0.9, 0.9, 0.9), stroke=False)
    p.row(
        y,
        [
            (44, w["item"], "left"),
            (120, w["desc"], "left"),
            (370, w["qty"], "right"),
            (440, w["price"], "right"),
            (550, w["amount"], "right"),
        ],
        8,
        bold=True,
    )
    y += 18
    for ln, (lst, pct) in zip(o.lines, listed):
        gross_line = money(ln.qty * lst, o.currency)
        p.row(
            y,
            [
                (44, ln.code, "left"),
                (120, ln.text, "left"),
                (370, f"{qty(o, ln.qty)} {ln.unit}", "right"),
                (440, n(o, lst), "right"),
                (550, n(o, gross_line), "right"),
            ],
            8,
        )
        y += 12
        p.row(
            y,
            [
                (130, f"{DISCOUNT_WORD[o.words]} {pct} %", "left"),
                (440, f"-{n(o, lst - ln.price)}", "right"),
                (550, f"-{n(o, gross_line - ln.amount)}", "right"),
            ],
            7.5,
        )
        y += 12
        p.row(
            y, [(130, "Net", "left"), (440, n(o, ln.price), "right"), (550, n(o, ln.amount), "right")], 7.5, bold=True
        )
        y += 18
    p.line(40, y - 6, 555, y - 6)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat} %", o.tax), (w["total"], o.gross)):
        y += 13
        p.text(440, y, label, 8.5, align="right")
        p.text(550, y, f"{n(o, v)} €", 8.5, bold=True, align="right")
    p.text(40, y + 40, f"{w['pay']} : {o.payment or '-'}", 8)
    p.save()


@family("discount-row-under-line", "reportlab-canvas-cegid")
def discount_rows(m: Maker) -> None:
    for k, loc in enumerate(("fr", "it", "es", "pt")):
        name = f"{loc}-remise-par-ligne-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"CF{r.randrange(260000, 269999)}", k=k)
        r = m.r(name)
        listed = []
        for ln in o.lines:
            pct = Decimal(r.choice([5, 8, 10, 12, 15]))
            lst = ln.price
            ln.price = (lst * (100 - pct) / 100).quantize(Decimal("0.0001") if lst < 1 else CENT, ROUND_HALF_UP)
            ln.amount = money(ln.qty * ln.price, o.currency)
            listed.append((lst, pct))
        o.vat = Decimal(VAT[loc])
        o.payment = PAY[loc]
        discount_row_pdf(m.path(f"pdf/{name}.pdf"), o, listed)
        m.add(f"pdf/{name}.pdf", o.golden(), loc, "discount-row-under-line")


SCHEDULE_WORD = {"it": "Consegna", "pt": "Entrega", "de": "Abruf", "en": "Delivery"}


def schedules_pdf(path: Path, o: Order, plans: list[list[tuple[date, Decimal]]]) -> None:
    """fpdf2: each line followed by its delivery schedule, one sub-row per date and quantity; no
    delivery date in the head."""
    w = LAB[o.words]
    word = SCHEDULE_WORD[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 14)
    pdf.cell(0, 8, w["title"].upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.multi_cell(95, 4.5, f"{o.buyer}\n{o.address}", new_x="RIGHT", new_y="TOP")
    pdf.multi_cell(
        0,
        4.5,
        f"{w['no']}: {o.number}\n{w['date']}: {d(o, o.ordered)}\n{w['supplier']}: {SUPPLIER}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    cols = [
        (10, w["pos"], "C"),
        (28, w["item"], "L"),
        (72, w["desc"], "L"),
        (20, w["qty"], "R"),
        (12, w["unit"], "C"),
        (20, w["price"], "R"),
        (24, w["amount"], "R"),
    ]
    pdf.set_font("dv", "B", 8)
    for wd, label, a in cols:
        pdf.cell(wd, 6, label, border="B", align=a)
    pdf.ln()
    for j, (ln, plan) in enumerate(zip(o.lines, plans), 1):
        pdf.set_font("dv", "", 8)
        for (wd, _, a), value in zip(
            cols, [str(j), ln.code, ln.text, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount)]
        ):
            pdf.cell(wd, 5.5, value, align=a)
        pdf.ln()
        pdf.set_font("dv", "", 7)
        for s, (when, part) in enumerate(plan, 1):
            pdf.cell(38, 4.2, "")
            pdf.cell(72, 4.2, f"{word} {s}: {d(o, when)}")
            pdf.cell(20, 4.2, qty(o, part), align="R")
            pdf.cell(12, 4.2, ln.unit, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(3)
    pdf.set_font("dv", "B", 8.5)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        pdf.cell(162, 5.5, label, align="R")
        pdf.cell(24, 5.5, f"{n(o, v)} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.ln(4)
    pdf.cell(0, 5, f"{w['pay']}: {o.payment or '-'}")
    pdf.output(str(path))


@family("schedules-under-each-line", "fpdf2-cells-schedule")
def schedule_rows(m: Maker) -> None:
    for k, loc in enumerate(("it", "pt", "de", "en-GB")):
        name = f"{loc.lower()}-consegne-multiple-{k}"
        o = m.order(name, loc, 2 + k % 2, lambda r: f"OA-{r.randrange(26000, 26999)}", k=k)
        r = m.r(name)
        plans = []
        for ln in o.lines:  # two to four deliveries, a fortnight apart, adding up to the line's quantity
            parts = r.choice([2, 3, 4])
            share = (ln.qty / parts).quantize(Decimal(1), "ROUND_DOWN")
            qtys = [share] * (parts - 1) + [ln.qty - share * (parts - 1)]
            plans.append([(later(o.due or o.ordered, 14 * s), q) for s, q in enumerate(qtys)])
        o.vat = Decimal(VAT.get(o.words, 20))
        o.payment = PAY[o.words] if k % 2 == 0 else None
        schedules_pdf(m.path(f"pdf/{name}.pdf"), o, plans)
        # the earliest delivery is the order's; a line's several dates are not one date
        m.add(f"pdf/{name}.pdf", o.golden(), lang_of(loc), "schedules-under-each-line")


def two_row_docx(path: Path, o: Order) -> None:
    """python-docx: each line takes two table rows, the numbers on the first, the description on
    the second, merged across the whole width; the head as a borderless two-column table."""
    import docx
    from docx.shared import Pt

    w = LAB[o.words]
    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_paragraph().add_run(o.buyer).bold = True
    doc.add_paragraph(o.address)
    doc.add_heading(w["title"], level=1)
    head = doc.add_table(rows=4, cols=2)
    for i, (a, b) in enumerate(
        (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due or o.ordered)),
            (w["supplier"], SUPPLIER),
        )
    ):
        head.cell(i, 0).text, head.cell(i, 1).text = a, b
    doc.add_paragraph("")
    t = doc.add_table(rows=1 + 2 * len(o.lines), cols=6)
    t.style = "Table Grid"
    for c, h in enumerate([w["pos"], w["item"], w["qty"], w["unit"], w["price"], w["amount"]]):
        t.cell(0, c).text = h
    for j, ln in enumerate(o.lines):
        top = 1 + 2 * j
        for c, v in enumerate([str(j + 1), ln.code, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount)]):
            t.cell(top, c).text = v
        merged = t.cell(top + 1, 1).merge(t.cell(top + 1, 5))
        merged.text = ln.text
    doc.add_paragraph("")
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        doc.add_paragraph(f"{label}: {n(o, v)} {o.currency}")
    if o.payment:
        doc.add_paragraph(f"{w['pay']}: {o.payment}")
    doc.add_paragraph(o.person)
    docx_save(doc, path, o.person)


@family("docx-line-over-two-rows", "python-docx-merged-rows")
def two_rows(m: Maker) -> None:
    for k, loc in enumerate(("fr", "nl", "es", "pl")):
        name = f"{loc}-docx-deux-rangees-{k}"
        o = m.order(name, loc, 2 + (k + 1) % 3, lambda r: f"{r.randrange(3000000, 3999999)}", k=k)
        o.vat = Decimal(VAT[loc])
        o.payment = PAY[loc] if k != 1 else None
        two_row_docx(m.path(f"docx/{name}.docx"), o)
        m.add(f"docx/{name}.docx", o.golden(), loc, "docx-line-over-two-rows")


# --- Mail carrying more than one order, or one order in pieces


@family("two-orders-one-mail", "email-plain-two-orders")
def two_orders(m: Maker) -> None:
    """One mail body holds two orders (two plants of the buyer, two PO numbers): a person must see
    that; the golden order is the first one, as printed."""
    intro = {
        "en": ("Hello,\n\nplease find below two orders, one per plant.\n", "Regards"),
        "de": ("Guten Tag,\n\nanbei zwei Bestellungen, je Werk eine.\n", "Mit freundlichen Grüßen"),
        "pl": ("Dzień dobry,\n\nponiżej dwa zamówienia, osobno dla każdego zakładu.\n", "Pozdrawiam"),
        "nl": ("Goedemorgen,\n\nhieronder twee orders, één per vestiging.\n", "Met vriendelijke groet"),
    }
    for k, loc in enumerate(("en-US", "de", "pl", "nl")):
        name = f"{loc.lower()}-two-orders-one-mail-{k}"
        first = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(60000, 69999)}", k=k)
        second = m.order(name + "-b", loc, 2, lambda r: f"{r.randrange(70000, 79999)}", k=k)
        w = LAB[first.words]
        hello, bye = intro[first.words]
        parts = [hello]
        for o, plant in ((first, "1"), (second, "2")):
            parts.append(
                f"=== {w['title']} {o.number} (Plant {plant}) ===\n{w['date']}: {d(o, o.ordered)}\n"
                f"{w['due']}: {d(o, o.due or o.ordered)}\n\n{text_lines(o)}\n\n{w['total']}: {n(o, o.gross)} "
                f"{o.currency}\n"
            )
        parts.append(f"{bye}\n{first.person}\n{first.buyer}\n{first.address}\n")
        msg = message(
            sender=(first.person, first.mail),
            subject=f"{w['title']} {first.number} + {second.number}",
            key=name,
            sent=sent_on(max(first.ordered, second.ordered)),
            text="\n".join(parts),
        )
        golden = first.golden(review=True, source="body")
        m.mail(f"eml/{name}.eml", msg, golden, lang_of(loc), "two-orders-one-mail")


def head_only_pdf(path: Path, o: Order, annex: str) -> None:
    """The order's first part: its head, terms and total, the lines "see attached list"."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Exact Globe")
    p.text(40, 52, o.buyer, 13, bold=True)
    p.text(40, 66, o.address, 8)
    p.text(40, 110, w["title"], 16, bold=True)
    for j, (label, value) in enumerate(
        (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due or o.ordered)),
            (w["supplier"], SUPPLIER),
            (w["pay"], o.payment or "-"),
        )
    ):
        p.text(40, 140 + 15 * j, label, 9)
        p.text(170, 140 + 15 * j, value, 9, bold=j == 0)
    p.text(40, 240, annex, 9)
    p.text(40, 270, f"{w['total']}: {n(o, o.gross)} {o.currency}", 10, bold=True)
    p.text(40, 320, o.person, 9)
    p.save()


def lines_only_xlsx(path: Path, o: Order) -> None:
    import openpyxl

    w = LAB[o.words]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lines"
    ws.append([f"{w['no']} {o.number}"])
    ws.append([])
    ws.append([w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]])
    for j, ln in enumerate(o.lines, 1):
        ws.append([j, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)])
    xlsx_save(wb, path, o.person)


ANNEX = {
    "nl": ("Zie bijgevoegde artikellijst (Excel).", "Bijgaand onze order {no}: de orderbrief en de artikellijst."),
    "de": (
        "Positionen siehe beigefügte Positionsliste.",
        "anbei unsere Bestellung {no}: Anschreiben und Positionsliste.",
    ),
    "en": (
        "Line items: see the attached schedule.",
        "Please find our PO {no} attached: cover sheet and line schedule.",
    ),
    "it": ("Righe d'ordine: vedi elenco allegato.", "In allegato il nostro ordine {no}: testata ed elenco righe."),
}


@family("order-split-over-two-attachments", "email+reportlab+openpyxl")
def split_order(m: Maker) -> None:
    """The head (number, dates, terms, total) comes as a PDF, the lines as a workbook: neither file
    alone is the order, so a person looks; the golden order is the two together."""
    for k, loc in enumerate(("nl", "de", "en-GB", "it")):
        name = f"{loc.lower()}-split-head-lines-{k}"
        o = m.order(name, loc, 3 + k % 2, lambda r: f"IO{r.randrange(100000, 199999)}", k=k)
        o.payment = PAY[o.words]
        note, body = ANNEX[o.words]
        head, lines = m.work / f"{name}-head.pdf", m.work / f"{name}-lines.xlsx"
        head_only_pdf(head, o, note)
        lines_only_xlsx(lines, o)
        msg = message(
            sender=(o.person, o.mail),
            subject=f"{LAB[o.words]['title']} {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=f"{body.format(no=o.number)}\n\n{o.person}\n{o.buyer}\n",
            attach=[
                file_part(f"{o.number}.pdf", head.read_bytes(), "application/pdf"),
                file_part(
                    f"{o.number}_lines.xlsx",
                    lines.read_bytes(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
            ],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), lang_of(loc), "order-split-over-two-attachments")


@family("order-in-attached-html-message", "email-message-rfc822-html")
def attached_message(m: Maker) -> None:
    """A colleague at the buyer sends the order on as an attached message (message/rfc822) whose
    body is an HTML table; the outer mail says only "see below"."""
    outer = {
        "es": "Os reenvío el pedido de la planta, ¿podéis confirmar?",
        "pt": "Segue a encomenda em anexo.",
        "fr": "Ci-joint la commande transmise par notre usine.",
        "it": "Inoltro l'ordine ricevuto dal reparto.",
    }
    for k, loc in enumerate(("es", "pt", "fr", "it")):
        name = f"{loc}-attached-html-message-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(4100, 4999)}-{r.randrange(10, 99)}", k=k)
        o.vat = Decimal(VAT[loc])
        o.payment = PAY[loc] if k % 2 else None
        w = LAB[o.words]
        html = (
            f"<html><body><p><b>{escape(w['title'])} {escape(o.number)}</b></p><p>{escape(w['date'])}: "
            f"{d(o, o.ordered)}<br>{escape(w['due'])}: {d(o, o.due or o.ordered)}"
            + (f"<br>{escape(w['pay'])}: {escape(o.payment)}" if o.payment else "")
            + f"</p>{html_lines(o)}<p>{escape(w['net'])}: {n(o, o.net)} €<br>{escape(w['vat'])} {o.vat}%: "
            f"{n(o, o.tax)} €<br><b>{escape(w['total'])}: {n(o, o.gross)} €</b></p><p>{escape(o.person)}<br>"
            f"{escape(o.buyer)}</p></body></html>"
        )
        inner = message(
            sender=(o.person, o.mail),
            subject=f"{w['title']} {o.number}",
            key=name + "-inner",
            sent=sent_on(o.ordered) - timedelta(hours=20),
            html=html,
            to=f"compras@{o.mail.split('@')[1]}",
        )
        colleague = ("Compras", f"compras@{o.mail.split('@')[1]}")
        msg = message(
            sender=colleague,
            subject=f"TR: {w['title']} {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=f"{outer[loc]}\n\n{o.buyer}\n",
            attach=[MIMEMessage(inner)],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(), loc, "order-in-attached-html-message")


# --- A B2B shop's order page printed by LibreOffice: no table, each line a block of <div>s.


def shop_html(o: Order) -> str:
    cur = {"NZD": "NZ$", "SGD": "S$", "GBP": "£", "CAD": "C$", "USD": "US$"}[o.currency]
    blocks = "".join(
        f'<div class="item"><div><b>{escape(ln.text)}</b></div><div>SKU: {escape(ln.code)}</div>'
        f"<div>Qty: {qty(o, ln.qty)} &times; {cur}{ln.price:,} each</div><div>Line total: {cur}{ln.amount:,}</div></div>"
        "<hr>"
        for ln in o.lines
    )
    return (
        '<html><head><meta charset="utf-8"><title>Order placed</title></head><body>'
        f"<h2>Thank you, {escape(o.person)} - your order has been placed with {escape(SUPPLIER)}</h2>"
        f"<p>Purchase order reference: <b>{escape(o.number)}</b><br>Placed on {day(o.ordered, 'd_mon_y')}<br>"
        f"Requested delivery: {day(o.due or o.ordered, 'd_mon_y')}</p>"
        f"<p>Ship to:<br>{escape(o.buyer)}<br>{escape(o.address)}</p><h3>Items</h3>{blocks}"
        f"<p>Items subtotal: {cur}{o.net:,}<br>Freight: {cur}{o.freight:,}<br>GST {o.vat}%: {cur}{o.tax:,}</p>"
        f"<p><b>Order total: {cur}{o.gross:,}</b></p>"
        "<p>Payment: on account" + (f" ({escape(o.payment)})" if o.payment else "") + "</p></body></html>"
    )


@family("b2b-shop-page-printed", "html+libreoffice-writer")
def shop_page(m: Maker) -> None:
    for k, loc in enumerate(("en-NZ", "en-SG", "en-GB", "en-CA")):
        name = f"{loc.lower()}-b2b-shop-page-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"WEB-{r.randrange(100000, 999999)}", words="en")
        o.vat = Decimal({"en-NZ": 15, "en-SG": 9, "en-GB": 20, "en-CA": 5}[loc])
        o.freight = Decimal(m.r(name).choice([25, 40, 65]))
        o.payment = "Net 30" if k % 2 else None
        src = m.work / f"{name}.html"
        src.write_text(shop_html(o), encoding="utf-8")
        m.convert(
            src, "pdf", f"pdf/{name}.pdf", o.golden(), "en", "b2b-shop-page-printed", "--infilter=HTML (StarWriter)"
        )


# --- Workbooks laid out against habit


def transposed_xlsx(path: Path, o: Order) -> None:
    """The lines run across: one column per line, the fields down column A."""
    import openpyxl
    from openpyxl.styles import Font

    w = LAB[o.words]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PO"
    ws["A1"] = f"{o.buyer} - {w['title']}"
    ws["A1"].font = Font(bold=True, size=13)
    for r, (label, value) in enumerate(
        (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due or o.ordered)),
            (w["supplier"], SUPPLIER),
        ),
        start=3,
    ):
        ws.cell(r, 1, label)
        ws.cell(r, 2, value)
    labels = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    for i, label in enumerate(labels):
        ws.cell(9 + i, 1, label).font = Font(bold=True)
    for j, ln in enumerate(o.lines, 1):
        for i, v in enumerate((j, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount))):
            ws.cell(9 + i, 1 + j, v)
    ws.cell(17, 1, w["total"]).font = Font(bold=True)
    ws.cell(17, 2, float(o.gross))
    ws.cell(18, 1, o.currency)
    xlsx_save(wb, path, o.person)


@family("xlsx-lines-across", "openpyxl-transposed")
def transposed(m: Maker) -> None:
    for k, loc in enumerate(("en-CA", "en-US", "de", "nl")):
        name = f"{loc.lower()}-lines-across-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"P{r.randrange(300000, 399999)}", k=k)
        transposed_xlsx(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), lang_of(loc), "xlsx-lines-across")


def head_below_xlsx(path: Path, o: Order) -> None:
    """The lines from row 1; the order's number, dates, supplier and sums in a block under them."""
    import openpyxl
    from openpyxl.styles import Font

    w = LAB[o.words]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = w["title"][:30]
    ws.append([w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]])
    for c in range(1, 8):
        ws.cell(1, c).font = Font(bold=True)
    for j, ln in enumerate(o.lines, 1):
        ws.append([j, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)])
    ws.append([])
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        ws.append(["", "", "", "", "", label, float(v)])
    ws.append([])
    for label, value in (
        (w["title"], ""),
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due or o.ordered)),
        (w["buyer"], o.buyer),
        ("", o.address),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or ""),
        (
            "Waluta" if o.words == "pl" else "Moeda" if o.words == "pt" else "Valuta" if o.words == "it" else "Moneda",
            o.currency,
        ),
    ):
        ws.append([label, value])
    xlsx_save(wb, path, o.person)


@family("xlsx-head-under-lines", "openpyxl-head-last")
def head_below(m: Maker) -> None:
    for k, loc in enumerate(("pl", "pt", "it", "es")):
        name = f"{loc}-head-under-lines-{k}"
        o = m.order(name, loc, 2 + (k + 2) % 3, lambda r: f"ZK/{r.randrange(1000, 9999)}/26", k=k)
        o.vat = Decimal(VAT[loc])
        o.payment = PAY[loc] if k != 2 else None
        head_below_xlsx(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), loc, "xlsx-head-under-lines")


def el_xlsx(path: Path, o: Order) -> None:
    """Greek: a form sheet with the head in a bordered band of label cells over value cells."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    w = LAB["el"]
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Παραγγελία"
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{o.address} · ΑΦΜ 09{o.number[-5:]}41 · ΔΟΥ ΦΑΕ"
    ws["A4"] = w["title"]
    ws["A4"].font = Font(bold=True, size=14)
    band = [
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due or o.ordered)),
        (w["pay"], o.payment or ""),
        (w["supplier"], SUPPLIER),
    ]
    for c, (label, value) in enumerate(band, 1):
        ws.cell(6, c, label).font = Font(bold=True, size=8)
        ws.cell(7, c, value)
        ws.cell(6, c).border = ws.cell(7, c).border = box
        ws.cell(6, c).alignment = ws.cell(7, c).alignment = wrap
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    for c, h in enumerate(head, 1):
        ws.cell(9, c, h).font = Font(bold=True)
    r = 10
    for j, ln in enumerate(o.lines, 1):
        for c, v in enumerate((j, ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price), float(ln.amount)), 1):
            ws.cell(r, c, v).border = box
            ws.cell(r, c).alignment = wrap
        ws.cell(r, 6).number_format, ws.cell(r, 7).number_format = "#,##0.00## €", "#,##0.00 €"
        r += 1
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        ws.cell(r, 6, label)
        ws.cell(r, 7, float(v)).number_format = "#,##0.00 €"
        r += 1
    for col, width in zip("ABCDEFG", (16, 16, 40, 16, 34, 13, 14)):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    xlsx_save(wb, path, o.person)


@family("el-band-sheet-printed", "openpyxl+libreoffice-calc-pdf")
def greek_sheet(m: Maker) -> None:
    for k in range(4):
        name = f"el-parangelia-fyllo-{k}"
        o = m.order(name, "el", 2 + k % 3, lambda r: f"{r.randrange(1, 9)}.{r.randrange(10000, 99999)}", k=k)
        o.vat = Decimal(VAT["el"] if k != 3 else 17)  # the islands' reduced rate
        o.payment = PAY["el"] if k % 2 == 0 else None
        src = m.work / f"{name}.xlsx"
        el_xlsx(src, o)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "el", "el-band-sheet-printed")


# --- Images: a grey scan turned a little, a phone photo sent as a JPEG, a fax over two pages.
# Nothing but pixels: a correct reading asks for review.


def plain_pdf(path: Path, o: Order, *, rows_per_page: int = 99, page: type[Page] = Page) -> None:
    """A simple print of the order (the paper that is then scanned, photographed or faxed)."""
    w = LAB[o.words]
    p = page(path, "sans", "bold", creator="Scanner")
    p.text(40, 56, o.buyer, 14, bold=True)
    p.text(40, 72, o.address, 9)
    p.text(555, 56, w["title"], 14, bold=True, align="right")
    for j, (label, value) in enumerate(
        ((w["no"], o.number), (w["date"], d(o, o.ordered)), (w["due"], d(o, o.due or o.ordered)))
    ):
        p.text(360, 90 + 16 * j, f"{label}:", 10)
        p.text(555, 90 + 16 * j, value, 11, bold=j == 0, align="right")
    p.text(40, 150, f"{w['supplier']}: {SUPPLIER}", 10)
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["price"], w["amount"]]
    widths = [26, 70, 200, 62, 70, 87]
    y = grid(p, 40, 176, widths, "cllrrr", [head], size=9.5, height=20)
    body = [[r[0], r[1], fit_text(p, r[2], 194, 9.5), f"{r[3]} {r[4]}", r[5], r[6]] for r in rows_of(o)]
    for i, row in enumerate(body):
        if i and i % rows_per_page == 0:
            p.text(555, 800, "./.", 9, align="right")
            p.new_page()
            p.text(40, 50, f"{w['no']} {o.number} (2)", 10)
            y = 80
        y = grid(p, 40, y, widths, "cllrrr", [row], size=9.5, height=20, bold_first=False)
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        y += 18
        p.text(440, y, label, 10, align="right")
        p.text(555, y, f"{n(o, v)} {o.currency}", 10, bold=True, align="right")
    p.text(40, y + 50, o.person, 10)
    p.save()


@family("grey-scan-skewed", "pypdfium2+pillow-jpeg-pdf")
def grey_scan(m: Maker) -> None:
    for k, loc in enumerate(("el", "bg", "sk", "lt")):
        name = f"{loc}-grey-scan-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(10000, 99999)}", k=k)
        o.vat = Decimal(VAT[loc])
        src = m.work / f"{name}-paper.pdf"
        plain_pdf(src, o)
        r = m.r(name)
        pages = [
            scanned(img, r, angle=r.uniform(0.6, 2.2) * r.choice((-1, 1)), noise=700) for img in rasterise(src, 150)
        ]
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 150)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), loc, "grey-scan-skewed")


@family("phone-photo-jpeg-mail", "email+pillow-jpeg")
def phone_photo(m: Maker) -> None:
    texts = {
        "uk": "Добрий день, замовлення на фото.",
        "vi": "Gửi anh/chị đơn hàng (ảnh chụp).",
        "id": "Terlampir foto PO kami.",
        "en": "PO attached (photo), pls confirm.",
    }
    for k, loc in enumerate(("uk", "vi", "id", "en-US")):
        name = f"{loc.lower()}-phone-photo-{k}"
        o = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(1000, 9999)}", k=k)
        o.vat = Decimal(VAT.get(o.words, 0))
        src = m.work / f"{name}-paper.pdf"
        plain_pdf(src, o)
        r = m.r(name)
        img = scanned(rasterise(src, 110)[0], r, angle=r.uniform(2.0, 4.0) * r.choice((-1, 1)), noise=2500, shade=True)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=72)
        fname = f"IMG_2026{o.ordered:%m%d}_{r.randrange(100000, 999999)}.jpg"
        msg = message(
            sender=(o.person, o.mail),
            subject="PO",
            key=name,
            sent=sent_on(o.ordered),
            text=f"{texts[o.words]}\n\n{o.person}\n{o.buyer}\n\nSent from my phone",
            attach=[file_part(fname, buf.getvalue(), "image/jpeg")],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True, source=fname), lang_of(loc), "phone-photo-jpeg-mail")


@family("fax-over-two-pages", "pillow-1bit-two-page-pdf")
def fax_two_pages(m: Maker) -> None:
    for k, loc in enumerate(("de", "en-GB", "sl", "lv")):
        name = f"{loc.lower()}-fax-two-pages-{k}"
        o = m.order(name, loc, 5 + k % 3, lambda r: f"{r.randrange(500000, 599999)}", k=k)
        o.vat = Decimal(VAT.get(o.words, 20))
        src = m.work / f"{name}-paper.pdf"
        plain_pdf(src, o, rows_per_page=3)
        r = m.r(name)
        pages = []
        for img in rasterise(src, 200):
            img = scanned(img, r, angle=r.uniform(-0.8, 0.8), noise=1500)
            pages.append(img.point(lambda v: 255 if v > 150 else 0).convert("1"))
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), lang_of(loc), "fax-over-two-pages")


# --- Not orders: documents that look like one


def quote_pdf(path: Path, o: Order) -> None:
    """A Vietnamese quotation (Báo giá) from a supplier of the buyer: the order's layout, a validity."""
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("dv", "B", 15)
    pdf.cell(0, 8, "BẢNG BÁO GIÁ", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(0, 5, f"Số: BG-{o.number}    Ngày: {d(o, o.ordered)}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 5, "Kính gửi: Quý khách hàng", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Chúng tôi xin gửi báo giá các mặt hàng như sau:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    w = LAB["vi"]
    with pdf.table(col_widths=(10, 26, 70, 18, 14, 24, 28)) as t:
        t.row([w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]])
        for r in rows_of(o):
            t.row([r[0], r[1], r[2], r[3], r[4], r[5], r[6]])
    pdf.ln(3)
    pdf.cell(0, 5, f"{w['total']}: {n(o, o.net)} VNĐ (chưa bao gồm VAT)", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(
        0,
        5,
        "Báo giá có hiệu lực trong 30 ngày. Thời gian giao hàng: 4 tuần sau khi nhận đơn đặt hàng.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.output(str(path))


@family("not-order-vi-bao-gia", "fpdf2-table-quotation")
def vi_quote(m: Maker) -> None:
    for k in range(4):
        name = f"vi-bao-gia-{k}"
        o = m.order(name, "vi", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}", k=k)
        quote_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", OTHER, "vi", "not-order-vi-bao-gia")


ASN = {
    "de": (
        "Lieferavis",
        "Sehr geehrte Damen und Herren,\n\nheute haben wir folgende Ware zu Ihrer Bestellung {no} versandt:",
        "Sendungsnummer",
        "Voraussichtliche Ankunft",
    ),
    "nl": (
        "Verzendbericht",
        "Geachte heer/mevrouw,\n\nvandaag is de volgende zending voor uw order {no} verstuurd:",
        "Zendingnummer",
        "Verwachte aankomst",
    ),
    "pl": (
        "Awizo dostawy",
        "Szanowni Państwo,\n\ndziś wysłaliśmy następujący towar do zamówienia {no}:",
        "Numer przesyłki",
        "Przewidywana dostawa",
    ),
    "en": (
        "Advance shipping notice",
        "Dear customer,\n\nthe following goods against your order {no} left our warehouse today:",
        "Tracking number",
        "Estimated arrival",
    ),
}


@family("not-order-shipping-notice-mail", "email-plain-asn")
def shipping_notice(m: Maker) -> None:
    """A forwarder's or a supplier's shipping notice: the PO number, items and quantities shipped."""
    for k, loc in enumerate(("de", "nl", "pl", "en-GB")):
        name = f"{loc.lower()}-lieferavis-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(4500000000, 4599999999)}", k=k)
        title, intro, track, eta = ASN[o.words]
        w = LAB[o.words]
        rows = "\n".join(f"{j}  {ln.code}  {ln.text}  {qty(o, ln.qty)} {ln.unit}" for j, ln in enumerate(o.lines, 1))
        text = (
            f"{intro.format(no=o.number)}\n\n{w['pos']}  {w['item']}  {w['desc']}  {w['qty']}\n{rows}\n\n"
            f"{track}: 1Z{m.r(name).randrange(10**9, 10**10)}\n{eta}: {d(o, o.due or o.ordered)}\n\n"
            f"Logistics\n{o.buyer}\n"
        )
        msg = message(
            sender=("Logistics", f"logistics@{o.mail.split('@')[1]}"),
            subject=f"{title} {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=text,
        )
        m.mail(f"eml/{name}.eml", msg, OTHER, lang_of(loc), "not-order-shipping-notice-mail")


RFQ = {
    "et": ("Hinnapäring", "Palun esitage hinnapakkumine järgmistele toodetele hiljemalt {due}:", "Lugupidamisega"),
    "lv": ("Cenu pieprasījums", "Lūdzam iesniegt cenu piedāvājumu šādām precēm līdz {due}:", "Ar cieņu"),
    "lt": ("Kainos užklausa", "Prašome pateikti kainų pasiūlymą šioms prekėms iki {due}:", "Pagarbiai"),
    "sk": ("Dopyt", "Prosíme o cenovú ponuku na nasledujúce položky do {due}:", "S pozdravom"),
}


@family("not-order-rfq-html-mail", "email-html-rfq")
def rfq_mail(m: Maker) -> None:
    """A request for quotation in a Baltic or Slovak buyer's words: items and quantities, no prices."""
    for k, loc in enumerate(("et", "lv", "lt", "sk")):
        name = f"{loc}-hinnaparing-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"RFQ-{r.randrange(1000, 9999)}", k=k)
        title, ask, bye = RFQ[loc]
        w = LAB[loc]
        rows = "".join(
            f"<tr><td>{j}</td><td>{escape(ln.code)}</td><td>{escape(ln.text)}</td>"
            f"<td>{qty(o, ln.qty)}</td><td>{escape(ln.unit)}</td></tr>"
            for j, ln in enumerate(o.lines, 1)
        )
        html = (
            f"<html><body><p>{escape(title)} {escape(o.number)}</p><p>{escape(ask.format(due=d(o, o.due or o.ordered)))}</p>"
            f'<table border="1"><tr><th>{w["pos"]}</th><th>{w["item"]}</th><th>{w["desc"]}</th>'
            f"<th>{w['qty']}</th><th>{w['unit']}</th></tr>{rows}</table><p>{escape(bye)},<br>{escape(o.person)}<br>"
            f"{escape(o.buyer)}</p></body></html>"
        )
        msg = message(
            sender=(o.person, o.mail), subject=f"{title} {o.number}", key=name, sent=sent_on(o.ordered), html=html
        )
        m.mail(f"eml/{name}.eml", msg, OTHER, loc, "not-order-rfq-html-mail")


ADVICE = {
    "lv": ("Maksājuma paziņojums", "Rēķins", "Pasūtījums", "Summa", "Samaksāts kopā"),
    "et": ("Maksekorraldus / Makseteatis", "Arve", "Tellimus", "Summa", "Makstud kokku"),
    "en": ("Payment advice", "Invoice", "Your PO ref.", "Amount", "Total paid"),
    "de": ("Zahlungsavis", "Rechnung", "Bestellung", "Betrag", "Überwiesen gesamt"),
}


def advice_pdf(path: Path, o: Order, invoices: list[tuple[str, str, Decimal]]) -> None:
    title, inv, po, amount, paid = ADVICE[o.words]
    p = Page(path, "sans", "bold", creator="Horizon")
    p.text(40, 52, o.buyer, 13, bold=True)
    p.text(40, 66, o.address, 8)
    p.text(40, 104, title, 15, bold=True)
    p.text(40, 124, f"{SUPPLIER}", 9)
    p.text(400, 124, d(o, o.ordered), 9)
    rows = [[inv, po, "", amount]] + [[a, b, "", f"{n(o, v)} {o.currency}"] for a, b, v in invoices]
    y = grid(p, 40, 150, [120, 150, 100, 145], "lllr", rows, size=8.5)
    p.text(
        555,
        y + 18,
        f"{paid}: {n(o, sum((v for _, _, v in invoices), Decimal(0)))} {o.currency}",
        10,
        bold=True,
        align="right",
    )
    p.save()


@family("not-order-payment-advice-pdf", "reportlab-canvas-advice")
def payment_advice(m: Maker) -> None:
    for k, loc in enumerate(("lv", "et", "en-GB", "de")):
        name = f"{loc.lower()}-payment-advice-{k}"
        o = m.order(name, loc, 3, lambda r: f"{r.randrange(10000, 99999)}", k=k)
        r = m.r(name)
        invoices = [(f"INV-26{r.randrange(10000, 99999)}", f"{r.randrange(40000, 49999)}", ln.amount) for ln in o.lines]
        advice_pdf(m.path(f"pdf/{name}.pdf"), o, invoices)
        # not an order; whether it is read as a payment advice or as other mail is not asserted
        m.add(f"pdf/{name}.pdf", {"order": None}, lang_of(loc), "not-order-payment-advice-pdf")


CREDIT = {"sk": "DOBROPIS", "sl": "DOBROPIS", "bg": "КРЕДИТНО ИЗВЕСТИЕ", "el": "ΠΙΣΤΩΤΙΚΟ ΤΙΜΟΛΟΓΙΟ"}


@family("not-order-credit-note-xlsx", "openpyxl-credit-note")
def credit_note(m: Maker) -> None:
    """A buyer's credit note (returned goods) in the order's table layout, with its order number."""
    import openpyxl

    for k, loc in enumerate(("sk", "sl", "bg", "el")):
        name = f"{loc}-dobropis-{k}"
        o = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(100000, 999999)}", k=k)
        w = LAB[loc]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([o.buyer])
        ws.append([o.address])
        ws.append([])
        ws.append([CREDIT[loc], f"DB-{o.number}"])
        ws.append([w["date"], d(o, o.ordered)])
        ws.append([w["no"], o.number])
        ws.append([w["supplier"], SUPPLIER])
        ws.append([])
        ws.append([w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]])
        for j, ln in enumerate(o.lines, 1):
            ws.append([j, ln.code, ln.text, -int(ln.qty), ln.unit, float(ln.price), -float(ln.amount)])
        ws.append(["", "", "", "", "", w["total"], -float(o.net)])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", OTHER, loc, "not-order-credit-note-xlsx")


# --- Prices only with the tax in them: each line's unit price and amount include VAT, the foot
# says how much of the total is VAT. The golden prices are the tax-exclusive ones they stand for
# (drawn so that price x (1 + rate) is exact: nothing is rounded away).

GROSS = {
    "uk": ("Ціна з ПДВ", "Сума з ПДВ", "Всього до сплати", "У тому числі ПДВ 20%"),
    "pl": ("Cena brutto", "Wartość brutto", "Do zapłaty", "w tym VAT 23%"),
    "vi": ("Đơn giá (đã có VAT)", "Thành tiền (đã có VAT)", "Tổng thanh toán", "Trong đó thuế GTGT 10%"),
    "id": ("Harga (termasuk PPN)", "Jumlah (termasuk PPN)", "Total Bayar", "Termasuk PPN 11%"),
}


def gross_pdf(path: Path, o: Order) -> None:
    w = LAB[o.words]
    price_h, amount_h, total_h, of_which = GROSS[o.words]
    rate = 1 + o.vat / 100
    p = Page(path, "cond", "bold", creator="ERP Web Print")
    p.text(40, 50, w["title"], 15, bold=True)
    p.text(555, 50, f"{w['no']} {o.number}", 11, bold=True, align="right")
    p.text(555, 64, f"{w['date']}: {d(o, o.ordered)}", 9, align="right")
    p.text(40, 84, f"{w['buyer']}: {o.buyer}", 9)
    p.text(40, 97, o.address, 8)
    p.text(40, 114, f"{w['supplier']}: {SUPPLIER}", 9)
    p.text(40, 128, f"{w['due']}: {d(o, o.due or o.ordered)}", 9)
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], price_h, amount_h]
    body = [
        [
            str(j),
            ln.code,
            fit_text(p, ln.text, 144, 7.5),
            qty(o, ln.qty),
            ln.unit,
            n(o, ln.price * rate, 2),
            n(o, ln.amount * rate, 2),
        ]
        for j, ln in enumerate(o.lines, 1)
    ]
    y = grid(p, 40, 146, [20, 58, 150, 44, 28, 105, 110], "cllrcrr", [head, *body], size=7.5, height=17)
    p.text(440, y + 18, total_h, 9.5, bold=True, align="right")
    p.text(555, y + 18, f"{n(o, o.gross)} {o.currency}", 9.5, bold=True, align="right")
    p.text(440, y + 32, of_which, 8.5, align="right")
    p.text(555, y + 32, f"{n(o, o.tax)} {o.currency}", 8.5, align="right")
    p.save()


@family("prices-with-tax-in-them", "reportlab-canvas-condensed-gross")
def gross_prices(m: Maker) -> None:
    for k, loc in enumerate(("uk", "pl", "vi", "id")):
        name = f"{loc}-gross-prices-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(2600, 2699)}-{r.randrange(1000, 9999)}", k=k)
        o.vat = Decimal(VAT[loc])
        step = {"uk": Decimal("0.05"), "pl": Decimal(1), "vi": Decimal(100), "id": Decimal(100)}[loc]
        for ln in o.lines:  # a net price whose gross is exact to the cent (to the dong, the rupiah)
            ln.price = max(step, (ln.price / step).quantize(Decimal(1)) * step)
            ln.amount = money(ln.qty * ln.price, o.currency)
        gross_pdf(m.path(f"pdf/{name}.pdf"), o)
        assert all(money(ln.price * (1 + o.vat / 100), o.currency) == ln.price * (1 + o.vat / 100) for ln in o.lines)
        m.add(f"pdf/{name}.pdf", o.golden(), loc, "prices-with-tax-in-them")


# --- Orders written as a letter in sentences (python-docx), in the Baltic languages and Slovenian:
# each item in a sentence with its quantity and unit price; no line amounts, the total in a sentence.

PROSE = {
    "lt": dict(
        hello="Gerbiamieji,",
        intro="Užsakymu Nr. {no} ({date}) užsakome šias prekes:",
        item="{qty} {unit} – {text} (kodas {code}), kaina {price} EUR už vnt.;",
        due="Prekes prašome pristatyti iki {due}.",
        total="Bendra užsakymo suma be PVM: {net} EUR, PVM {rate}%: {tax} EUR, iš viso: {gross} EUR.",
        bye="Pagarbiai,",
    ),
    "lv": dict(
        hello="Labdien!",
        intro="Ar pasūtījumu Nr. {no} ({date}) pasūtām šādas preces:",
        item="{qty} {unit} – {text} (kods {code}), cena {price} EUR par gabalu;",
        due="Lūdzam piegādāt līdz {due}.",
        total="Pasūtījuma summa bez PVN: {net} EUR, PVN {rate}%: {tax} EUR, kopā: {gross} EUR.",
        bye="Ar cieņu",
    ),
    "et": dict(
        hello="Tere!",
        intro="Tellimusega nr {no} ({date}) tellime järgmised tooted:",
        item="{qty} {unit} – {text} (kood {code}), hind {price} EUR/tk;",
        due="Palume tarnida hiljemalt {due}.",
        total="Tellimuse summa km-ta: {net} EUR, käibemaks {rate}%: {tax} EUR, kokku: {gross} EUR.",
        bye="Lugupidamisega",
    ),
    "sl": dict(
        hello="Spoštovani,",
        intro="z naročilnico št. {no} z dne {date} naročamo:",
        item="{qty} {unit} – {text} (šifra {code}) po ceni {price} EUR/kos;",
        due="Blago dobavite najkasneje do {due}.",
        total="Skupna vrednost brez DDV: {net} EUR, DDV {rate} %: {tax} EUR, skupaj: {gross} EUR.",
        bye="Lep pozdrav,",
    ),
}


def prose_docx(path: Path, o: Order) -> None:
    import docx
    from docx.shared import Pt

    t = PROSE[o.words]
    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_paragraph().add_run(o.buyer).bold = True
    doc.add_paragraph(o.address)
    doc.add_paragraph(f"{SUPPLIER}\n{SUPPLIER_ADDR}")
    doc.add_paragraph(t["hello"])
    doc.add_paragraph(t["intro"].format(no=o.number, date=d(o, o.ordered)))
    for ln in o.lines:
        doc.add_paragraph(
            t["item"].format(qty=qty(o, ln.qty), unit=ln.unit, text=ln.text, code=ln.code, price=n(o, ln.price)),
            style="List Bullet",
        )
    doc.add_paragraph(t["due"].format(due=d(o, o.due or o.ordered)))
    doc.add_paragraph(t["total"].format(net=n(o, o.net), rate=o.vat, tax=n(o, o.tax), gross=n(o, o.gross)))
    doc.add_paragraph(f"{t['bye']}\n{o.person}\n{o.buyer}")
    docx_save(doc, path, o.person)


@family("order-letter-in-sentences-docx", "python-docx-letter")
def prose_letters(m: Maker) -> None:
    for k, loc in enumerate(("lt", "lv", "et", "sl")):
        name = f"{loc}-order-letter-{k}"
        o = m.order(name, loc, 2 + k % 2, lambda r: f"{r.randrange(100, 999)}-{r.randrange(10, 99)}/26", k=k + 1)
        o.vat = Decimal(VAT[loc])
        prose_docx(m.path(f"docx/{name}.docx"), o)
        m.add(f"docx/{name}.docx", o.golden(amounts=False), loc, "order-letter-in-sentences-docx")


# --- A text file attached in windows-1251 (Cyrillic Windows code page), fixed-width columns, as
# old accounting programs export it; the mail body only says that the order is attached.

CP1251 = {
    "bg": ("Поръчка", "Здравейте,\nприлагаме поръчка {no}.\n\nПоздрави,\n{person}"),
    "uk": ("Замовлення", "Добрий день!\nНадсилаємо замовлення {no} у вкладенні.\n\nЗ повагою,\n{person}"),
    "sr": ("Поруџбеница", "Поштовани,\nу прилогу је поруџбеница {no}.\n\nСрдачан поздрав,\n{person}"),
}


def cp1251_text(o: Order) -> str:
    w = LAB[o.words]
    rows = [
        o.buyer,
        o.address,
        "",
        f"{w['title']} {w['no'].split()[-1] if o.words == 'uk' else ''} {o.number}".replace("  ", " "),
        f"{w['date']}: {d(o, o.ordered)}",
        f"{w['due']}: {d(o, o.due or o.ordered)}",
        f"{w['supplier']}: {SUPPLIER}",
        "=" * 96,
        f"{w['pos']:<4}{w['item']:<11}{w['desc']:<38}{w['qty']:>9} {w['unit']:<5}{w['price']:>13}{w['amount']:>15}",
        "-" * 96,
    ]
    for j, ln in enumerate(o.lines, 1):
        rows.append(
            f"{j:<4}{ln.code:<11}{ln.text[:37]:<38}{qty(o, ln.qty):>9} {ln.unit:<5}{n(o, ln.price):>13}"
            f"{n(o, ln.amount):>15}"
        )
    rows += ["-" * 96]
    for label, v in ((w["net"], o.net), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        rows.append(f"{label:>80}{n(o, v):>15} {o.currency}")
    return "\r\n".join(rows) + "\r\n"


@family("cp1251-text-attachment", "email+windows-1251-text")
def cp1251_attachment(m: Maker) -> None:
    for k, loc in enumerate(("bg", "uk", "sr", "bg")):
        name = f"{loc}-cp1251-attachment-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(1000, 9999)}", k=k + 1)
        for ln in o.lines:  # the export's narrow column
            ln.text = ln.text[:37].rstrip()
        o.vat = Decimal(VAT[loc])
        title, body = CP1251[loc]
        data = cp1251_text(o).replace("\u00a0", " ").encode("cp1251")
        fname = f"{o.number}.txt"
        part = file_part(fname, data, "text/plain")
        if k % 2 == 0:  # a mail client names the code page; an export tool often does not
            part.set_param("charset", "windows-1251")
        msg = message(
            sender=(o.person, o.mail),
            subject=f"{title} {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=body.format(no=o.number, person=o.person),
            attach=[part],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(), loc, "cp1251-text-attachment")


# --- A print driver that converts text to curves: the page shows every word, the PDF holds no
# text at all (only filled outlines), so a reader sees it as it sees a scan: a person checks.

_FACES: dict[bool, Any] = {}


def _face(bold: bool) -> Any:
    """DejaVu Sans (bold or regular) as fontTools reads it: glyph outlines, the character map."""
    if bold not in _FACES:
        from fontTools.ttLib import TTFont

        font = TTFont(SANS_BOLD if bold else SANS_FONT)
        _FACES[bold] = (font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm)
    return _FACES[bold]


class OutlinePage(Page):
    def text(self, x: float, y: float, s: str, size: float = 8.5, *, bold: bool = False, align: str = "left") -> None:
        from fontTools.pens.basePen import BasePen
        from reportlab.pdfbase.pdfmetrics import stringWidth

        glyphs, cmap, upm = _face(bold)
        width = stringWidth(s, self.bold if bold else self.regular, size)
        x -= width if align == "right" else width / 2 if align == "center" else 0
        path = self.c.beginPath()
        scale, base = size / upm, self.height - y

        class Pen(BasePen):
            dx = 0.0

            def _p(self, pt: tuple[float, float]) -> tuple[float, float]:
                return (x + (self.dx + pt[0]) * scale, base + pt[1] * scale)

            def _moveTo(self, pt: Any) -> None:
                path.moveTo(*self._p(pt))

            def _lineTo(self, pt: Any) -> None:
                path.lineTo(*self._p(pt))

            def _curveToOne(self, p1: Any, p2: Any, p3: Any) -> None:
                path.curveTo(*self._p(p1), *self._p(p2), *self._p(p3))

            def _closePath(self) -> None:
                path.close()

        pen = Pen(glyphs)
        for ch in s:
            glyph = glyphs[cmap.get(ord(ch), ".notdef")]
            glyph.draw(pen)
            pen.dx += glyph.width
        self.c.drawPath(path, stroke=0, fill=1)


@family("text-as-curves-pdf", "reportlab-outlined-glyphs")
def outlined(m: Maker) -> None:
    for k, loc in enumerate(("en-US", "de", "pt", "nl")):
        name = f"{loc.lower()}-text-as-curves-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(800000, 899999)}", k=k + 1)
        o.vat = Decimal(VAT.get(o.words, 0))
        plain_pdf(m.path(f"pdf/{name}.pdf"), o, page=OutlinePage)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), lang_of(loc), "text-as-curves-pdf")


# --- A web ERP's page saved as .htm in windows-1250 (the charset named in a <meta> tag), attached
# to a short mail; Central European buyers.


def cp1250_page(o: Order) -> str:
    w = LAB[o.words]
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows_of(o))
    head = "".join(f"<th>{escape(w[k])}</th>" for k in ("pos", "item", "desc", "qty", "unit", "price", "amount"))
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
        f"<title>{escape(w['title'])} {escape(o.number)}</title></head><body>"
        f'<table width="100%"><tr><td><b>{escape(o.buyer)}</b><br>{escape(o.address)}</td>'
        f'<td align="right"><h2>{escape(w["title"])}</h2>{escape(w["no"])}: <b>{escape(o.number)}</b><br>'
        f"{escape(w['date'])}: {d(o, o.ordered)}<br>{escape(w['due'])}: {d(o, o.due or o.ordered)}</td></tr></table>"
        f"<p>{escape(w['supplier'])}: {escape(SUPPLIER)}</p>"
        f'<table border="1" cellspacing="0">{"<tr>" + head + "</tr>"}{rows}</table>'
        f"<p>{escape(w['net'])}: {n(o, o.net)} {o.currency}<br>{escape(w['vat'])} {o.vat}%: {n(o, o.tax)} "
        f"{o.currency}<br><b>{escape(w['total'])}: {n(o, o.gross)} {o.currency}</b></p>"
        + (f"<p>{escape(w['pay'])}: {escape(o.payment)}</p>" if o.payment else "")
        + "</body></html>"
    )


@family("cp1250-htm-attachment", "email+html-windows-1250")
def cp1250_htm(m: Maker) -> None:
    notes = {
        "sl": "V prilogi pošiljamo naročilnico.",
        "sk": "V prílohe posielame objednávku.",
        "pl": "W załączniku przesyłamy zamówienie.",
    }
    for k, loc in enumerate(("sl", "sk", "pl", "sk")):
        name = f"{loc}-cp1250-htm-{k}"
        o = m.order(name, loc, 2 + k % 3, lambda r: f"{r.randrange(26, 27)}-{r.randrange(10000, 99999)}", k=k + 1)
        o.vat = Decimal(VAT[loc])
        o.payment = PAY[loc] if k % 2 else None
        fname = f"narocilo_{o.number}.htm" if loc == "sl" else f"{o.number}.htm"
        data = cp1250_page(o).replace("\u00a0", " ").encode("cp1250")
        msg = message(
            sender=(o.person, o.mail),
            subject=f"{LAB[loc]['title'].title()} {o.number}",
            key=name,
            sent=sent_on(o.ordered),
            text=f"{notes[loc]}\n\n{o.person}\n{o.buyer}\n",
            attach=[file_part(fname, data, "text/html")],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source=fname), loc, "cp1250-htm-attachment")


# --- Freight as a row of the lines table (quantity 1, "Ongkos kirim", "Caj penghantaran"...): it is
# a charge in the total, not a line; the Incoterms printed in the head.

FREIGHT_WORD = {"id": "Ongkos kirim", "ms": "Caj penghantaran", "vi": "Cước vận chuyển", "en": "Freight charge"}
INCOTERMS = {"id": "CIF Jakarta", "ms": "CIF Port Klang", "vi": "CIF Hai Phong", "en": "DAP Singapore"}


def freight_row_pdf(path: Path, o: Order) -> None:
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 4.5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 7, w["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    for label, value in (
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due or o.ordered)),
        (w["supplier"], SUPPLIER),
        ("Incoterms", o.incoterms or ""),
        (w["pay"], o.payment or "-"),
    ):
        pdf.cell(40, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    cols = [
        (10, w["pos"], "C"),
        (26, w["item"], "L"),
        (70, w["desc"], "L"),
        (18, w["qty"], "R"),
        (14, w["unit"], "C"),
        (22, w["price"], "R"),
        (26, w["amount"], "R"),
    ]
    pdf.set_font("dv", "B", 8)
    for wd, label, a in cols:
        pdf.cell(wd, 6, label, border=1, align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    rows = rows_of(o) + [[str(len(o.lines) + 1), "", FREIGHT_WORD[o.words], "1", "", n(o, o.freight), n(o, o.freight)]]
    for row in rows:
        for (wd, _, a), value in zip(cols, row):
            pdf.cell(wd, 6, value, border=1, align=a)
        pdf.ln()
    pdf.ln(2)
    for label, v in ((w["net"], o.net + o.freight), (f"{w['vat']} {o.vat}%", o.tax), (w["total"], o.gross)):
        pdf.cell(150, 5.5, label, align="R")
        pdf.cell(36, 5.5, f"{n(o, v)} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@family("freight-as-a-table-row", "fpdf2-cells-freight-row")
def freight_row(m: Maker) -> None:
    for k, loc in enumerate(("id", "ms", "vi", "en-SG")):
        name = f"{loc.lower()}-freight-row-{k}"
        o = m.order(
            name,
            loc,
            2 + k % 3,
            lambda r: f"PO{r.randrange(26000, 26999)}-{r.randrange(10, 99)}",
            k=k + 1,
            words="en" if loc == "en-SG" else None,
        )
        o.vat = Decimal(VAT.get(o.words, 9 if loc == "en-SG" else 0))
        o.freight = money(o.net * Decimal(m.r(name).choice([3, 4, 5])) / 100, o.currency)
        o.incoterms = INCOTERMS[o.words]
        o.payment = PAY[o.words] if k % 2 == 0 else None
        freight_row_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), lang_of(loc), "freight-as-a-table-row")
