"""The fourth fresh batch of sealed families ("fresh4"): kept blind for the closing measurement.

The batches before it (base, more, fresh, fresh2, fresh3) have been looked at, so they no longer
say how the extractor does on a layout nobody has seen. This module adds families that none of them
has, by language, producer, channel or layout:

- buyers writing Icelandic, Catalan, Swahili, Afrikaans, Mongolian (Cyrillic), Georgian,
  Macedonian, Albanian, Kazakh, Filipino, Hindi, Korean, Romanian, Portuguese (Portugal), Danish,
  Finnish, and the English of Ireland, the Philippines, Kenya and India; each with its own dates,
  digit grouping and currency (whole krónur, tögrög, shillings, tenge and won);
- producers: reportlab's page templates with a long table split over pages, reportlab canvas
  (header bands, dotted leaders, narrow columns), fpdf2 ``multi_cell`` (wrapped descriptions) and
  cells, LibreOffice printing flat ODT, flat ODS, .docx, .xlsx and HTML, and saving .docx as .odt;
  openpyxl workbooks typed by hand, python-docx forms and letters, CSV/TSV exports, a web page
  saved as .html;
- channels: mail bodies as Outlook, Gmail, Apple Mail, Thunderbird, an iPhone and an Android phone
  write them, a reply above a quoted quotation, a forward within the buyer, scans at 200-300 dpi
  (turned, specked, faxed in black and white, a multi-page TIFF from a copier's scan-to-mail);
- the failure categories seen on real orders in new guises: labels apart from their values (a
  header band, values under labels, dotted leaders, labels in one column and values three columns
  on), units glued to quantities and prices, prices per hundred or thousand, net and gross prices
  side by side, delivery schedules under a line, codes wrapped in a narrow column, terms and a
  second table after the lines, empty template rows, a table continued on the next page without
  its header and with a carried-forward row, page numbers, PO boxes and phone numbers beside the
  PO number, a change order's revision, an order on a workbook's second sheet beside a hidden
  archive, dates without leading zeros;
- documents that are not orders but look like them: a supplier's order confirmation, a dunning
  letter, a price list, a tender invitation, a dispatch advice, a statement of account, a buyer
  asking after an order's delivery, a goods-received note.

Called from ``generate.build()`` (``build_fresh4``). Self-contained like the batches before it: its
own buyers, goods, wording and order data (only low-level writers are borrowed: the canvas page,
the fixed-time fpdf2 document, the zip rewriter, number formats, the message builder and the scan
helpers). Every golden value comes from the order this module drew, never from what a reader makes
of the document. Orders are dated 13 to 20 November 2026 (the bench's "today" is 22 November
2026), deliveries weeks later, and a day-month date is never ambiguous (day > 12).

Golden values follow ``tests/corpus/README.md``: ``unit_price`` and ``amount`` are per piece,
tax-exclusive; ``total`` is what the document calls its total; keys a document does not print are
left out. Images (scans, faxes) ask for review (``needs_review: true``), the values still those the
documents print. Documents that are not orders are ``kind: other``.
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from fresh2_families import Page, fpdf_new, num
from fresh3_families import docx_save, file_part, message, rasterise, save_scan_pdf, scanned, xlsx_save

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"ISK", "KRW", "MNT", "TZS", "KZT", "ALL"}  # printed without decimals by these buyers
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# locale -> buyers: (company, address, person, mail domain, currency)
BUYERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "is": [
        (
            "Hafnarás Vélsmiðja ehf.",
            "Pósthólf 212, Hvaleyrarbraut 31, 220 Hafnarfjörður",
            "Sigrún Þórsdóttir",
            "hafnaras.example",
            "ISK",
        ),
        ("Norðurljós Rafbúnaður hf.", "Óseyri 14, 603 Akureyri", "Gunnar Bjarnason", "nordurljos-raf.example", "ISK"),
    ],
    "ca": [
        (
            "Indústries Montseny SL",
            "Carrer de la Indústria 118, 08402 Granollers",
            "Jordi Puigdomènech",
            "montseny-ind.example",
            "EUR",
        ),
        (
            "Mecanitzats del Ter SA",
            "Polígon Can Roqueta, Carrer del Ter 7, 17190 Salt",
            "Núria Casals",
            "mecanitzatster.example",
            "EUR",
        ),
    ],
    "ro": [
        (
            "Carpatic Hidraulic SRL",
            "Str. Fabricii nr. 46, 400620 Cluj-Napoca",
            "Andreea Munteanu",
            "carpatic-hidraulic.example",
            "RON",
        ),
        (
            "Dunărea Echipamente SA",
            "Bd. Dunării nr. 12, 800011 Galați",
            "Mihai Dragomir",
            "dunarea-echip.example",
            "RON",
        ),
    ],
    "pt": [
        (
            "Metalomecânica do Vouga, Lda.",
            "Zona Industrial de Cacia, Lote 9, 3800-533 Aveiro",
            "Rui Magalhães",
            "mvouga.example",
            "EUR",
        ),
        (
            "Tejo Automação Industrial, S.A.",
            "Rua da Indústria 44, 2610-129 Amadora",
            "Inês Carvalho",
            "tejoautomacao.example",
            "EUR",
        ),
    ],
    "da": [
        ("Limfjord Maskinfabrik ApS", "Havnevej 27, 9000 Aalborg", "Mette Kjærgaard", "limfjordmaskin.example", "DKK"),
        ("Fynske Pumpeværker A/S", "Svendborgvej 140, 5260 Odense S", "Anders Holm", "fynskepumper.example", "DKK"),
    ],
    "fi": [
        ("Kymijoen Konepaja Oy", "Teollisuustie 19, 45100 Kouvola", "Sanna Mäkelä", "kymijoenkonepaja.example", "EUR"),
        (
            "Pohjanmaan Sähkötekniikka Oy",
            "Rantakatu 8, 65100 Vaasa",
            "Jukka Lehtinen",
            "pohjanmaansahko.example",
            "EUR",
        ),
    ],
    "sw": [
        (
            "Kilimanjaro Agro Machinery Ltd",
            "S.L.P. 3127, Barabara ya Sokoine, Arusha",
            "Neema Mwakyusa",
            "kiliagromach.example",
            "TZS",
        ),
        (
            "Pwani Pumps & Valves Ltd",
            "S.L.P. 45190, Mtaa wa Nyerere, Dar es Salaam",
            "Baraka Mushi",
            "pwanipumps.example",
            "TZS",
        ),
    ],
    "af": [
        (
            "Karoo Staalwerke (Edms) Bpk",
            "Posbus 1184, Industriaweg 22, Worcester, 6850",
            "Pieter van der Merwe",
            "karoostaal.example",
            "ZAR",
        ),
        ("Boland Besproeiing BK", "Hoofstraat 61, Paarl, 7646", "Annelie Botha", "bolandbesproeiing.example", "ZAR"),
    ],
    "mn": [
        (
            "Хангай Техник ХХК",
            "Сүхбаатар дүүрэг, 1-р хороо, Энхтайваны өргөн чөлөө 17, Улаанбаатар",
            "Батбаяр Ганболд",
            "khangai-tech.example",
            "MNT",
        ),
        ("Орхон Уул Инженеринг ХХК", "Баян-Өндөр сум, Орхон аймаг", "Оюунчимэг Дорж", "orkhonuul.example", "MNT"),
    ],
    "ka": [
        (
            "შპს კავკასიონ ინჟინერინგი",
            "წერეთლის გამზ. 116, 0119 თბილისი",
            "ნინო ბერიძე",
            "kavkasioni-eng.example",
            "GEL",
        ),
        ("შპს რიონი ტექნიკა", "ჭავჭავაძის ქ. 33, 4600 ქუთაისი", "გიორგი კაპანაძე", "rionitech.example", "GEL"),
    ],
    "mk": [
        (
            "Вардар Машини ДООЕЛ",
            "ул. Индустриска бр. 9, 1000 Скопје",
            "Марија Стојановска",
            "vardarmasini.example",
            "MKD",
        ),
        (
            "Пелагонија Пумпи ДОО",
            "ул. Гоце Делчев бр. 51, 7000 Битола",
            "Драган Петровски",
            "pelagonija.example",
            "MKD",
        ),
    ],
    "sq": [
        (
            "Adriatik Metal Sh.p.k.",
            "Rruga Industriale nr. 14, 2001 Durrës",
            "Elira Hoxha",
            "adriatikmetal.example",
            "ALL",
        ),
        (
            "Shkumbini Teknik Sh.a.",
            "Lagjja 5 Maji, Rruga e Kavajës 80, Elbasan",
            "Arben Kola",
            "shkumbiniteknik.example",
            "ALL",
        ),
    ],
    "kk": [
        ("Алатау Механика ЖШС", "Сүйінбай даңғылы 89, 050016 Алматы", "Айгүл Сейітова", "alataumech.example", "KZT"),
        (
            "Ертіс Энергомаш АҚ",
            "Қаныш Сәтбаев к-сі 12, 140000 Павлодар",
            "Нұрлан Жақсыбеков",
            "ertis-em.example",
            "KZT",
        ),
    ],
    "fil": [
        (
            "Bagong Lakas Fabrication Corp.",
            "Lot 7 Blk 3, Light Industry & Science Park, Cabuyao, Laguna 4025",
            "Maricel Dela Cruz",
            "bagonglakas.example",
            "PHP",
        ),
        ("Mindanao Agri-Motors Inc.", "KM 9 Sasa, Davao City 8000", "Ramon Villanueva", "mindanaoagri.example", "PHP"),
    ],
    "hi": [
        (
            "गंगा हाइड्रोलिक्स प्राइवेट लिमिटेड",
            "प्लॉट 44, सेक्टर 8, आईएमटी मानेसर, गुरुग्राम 122051",
            "राजेश शर्मा",
            "gangahydraulics.example",
            "INR",
        ),
    ],
    "ko": [
        ("한빛정밀공업 주식회사", "경상남도 창원시 성산구 공단로 271", "김서연", "hanbit-precision.example", "KRW"),
        ("동해기계산업(주)", "울산광역시 남구 산업로 88", "박준호", "donghae-mach.example", "KRW"),
    ],
    "en-IE": [
        (
            "Shannon Valve Engineering Ltd",
            "Unit 12, Smithstown Industrial Estate, Shannon, Co. Clare V14 DX59",
            "Ciarán O'Donnell",
            "shannonvalve.example",
            "EUR",
        ),
        (
            "Liffey Controls Ltd",
            "Block C, Ballymount Business Park, Dublin 24 D24 KX31",
            "Aoife Brennan",
            "liffeycontrols.example",
            "EUR",
        ),
    ],
    "en-PH": [
        (
            "Visayas Power Systems Corp.",
            "P.O. Box 2231, Mandaue City, Cebu 6014",
            "Jerome Abad",
            "visayaspower.example",
            "PHP",
        ),
    ],
    "en-KE": [
        (
            "Rift Valley Irrigation Works Ltd",
            "P.O. Box 18760-00500, Enterprise Road, Nairobi",
            "Wanjiru Kamau",
            "riftvalleyirr.example",
            "KES",
        ),
    ],
    "en-IN": [
        (
            "Sahyadri Fluid Controls Pvt. Ltd.",
            "Plot B-27, MIDC Bhosari, Pune 411026",
            "Prakash Kulkarni",
            "sahyadrifluid.example",
            "INR",
        ),
        (
            "Coromandel Motor Parts Pvt. Ltd.",
            "No. 14, SIDCO Industrial Estate, Ambattur, Chennai 600098",
            "Lakshmi Narayanan",
            "coromandelmp.example",
            "INR",
        ),
    ],
}

# stem, price in USD, texts (en always; some languages their own)
GOODS: list[tuple[str, str, dict[str, str]]] = [
    (
        "HB",
        "3.85",
        {
            "en": "Hex bolt M10x40 A2-70",
            "ro": "Șurub hexagonal M10x40 A2-70",
            "pt": "Parafuso sextavado M10x40 A2-70",
            "da": "Sekskantbolt M10x40 A2-70",
            "ko": "육각볼트 M10x40 A2-70",
            "is": "Sexkantsbolti M10x40 A2-70",
        },
    ),
    (
        "GS",
        "0.42",
        {
            "en": "Grub screw M6x8",
            "ro": "Știft filetat M6x8",
            "pt": "Perno roscado M6x8",
            "da": "Pinolskrue M6x8",
            "ko": "무두볼트 M6x8",
            "is": "Stilliskrúfa M6x8",
        },
    ),
    (
        "OR",
        "0.18",
        {
            "en": "O-ring 22x2.5 NBR70",
            "ro": "Garnitură O-ring 22x2,5 NBR70",
            "pt": "Anel O 22x2,5 NBR70",
            "da": "O-ring 22x2,5 NBR70",
            "ko": "오링 22x2.5 NBR70",
            "is": "O-hringur 22x2,5 NBR70",
        },
    ),
    (
        "WS",
        "0.07",
        {
            "en": "Spring washer M8 zinc",
            "ro": "Șaibă Grower M8 zincată",
            "pt": "Anilha de mola M8 zincada",
            "da": "Fjederskive M8 forzinket",
            "ko": "스프링와셔 M8 아연도금",
            "is": "Fjaðurskinna M8 sinkhúðuð",
        },
    ),
    (
        "RV",
        "0.05",
        {
            "en": "Blind rivet 4.0x10 alu",
            "ro": "Nit orb 4,0x10 aluminiu",
            "pt": "Rebite cego 4,0x10 alumínio",
            "da": "Blindnitte 4,0x10 alu",
            "ko": "블라인드 리벳 4.0x10 알루미늄",
            "is": "Blindhnoð 4,0x10 ál",
        },
    ),
    (
        "BR",
        "6.40",
        {
            "en": "Deep groove ball bearing 6204-2RS",
            "ro": "Rulment radial 6204-2RS",
            "pt": "Rolamento rígido de esferas 6204-2RS",
            "da": "Kugleleje 6204-2RS",
            "ko": "깊은홈 볼베어링 6204-2RS",
            "is": "Kúlulega 6204-2RS",
        },
    ),
    (
        "CP",
        "24.90",
        {
            "en": "Jaw coupling 28/38 with spider",
            "ro": "Cuplaj elastic cu gheare 28/38",
            "pt": "Acoplamento elástico 28/38",
            "da": "Klokobling 28/38 med stjerne",
            "ko": "조 커플링 28/38",
            "is": "Tengi 28/38 með stjörnu",
        },
    ),
    (
        "SV",
        "48.00",
        {
            "en": "Solenoid valve 1/2in 24VDC NC",
            "ro": "Electrovalvă 1/2 țol 24Vcc NI",
            "pt": "Válvula solenoide 1/2 pol. 24Vcc NF",
            "da": "Magnetventil 1/2 tomme 24VDC NC",
            "ko": "솔레노이드 밸브 1/2인치 24VDC",
            "is": "Segulloki 1/2 tomma 24VDC",
        },
    ),
    (
        "PG",
        "17.25",
        {
            "en": "Pressure gauge 0-16 bar 63 mm",
            "ro": "Manometru 0-16 bar 63 mm",
            "pt": "Manómetro 0-16 bar 63 mm",
            "da": "Manometer 0-16 bar 63 mm",
            "ko": "압력계 0-16 bar 63 mm",
            "is": "Þrýstimælir 0-16 bar 63 mm",
        },
    ),
    (
        "HH",
        "31.60",
        {
            "en": "Hydraulic hose assembly DN12 1.5 m",
            "ro": "Furtun hidraulic DN12 1,5 m",
            "pt": "Mangueira hidráulica DN12 1,5 m",
            "da": "Hydraulikslange DN12 1,5 m",
            "ko": "유압호스 어셈블리 DN12 1.5m",
            "is": "Vökvaslanga DN12 1,5 m",
        },
    ),
    (
        "TB",
        "2.35",
        {
            "en": "Terminal block 4 mm2 grey",
            "ro": "Clemă șir 4 mm2 gri",
            "pt": "Borne de passagem 4 mm2 cinza",
            "da": "Rækkeklemme 4 mm2 grå",
            "ko": "단자대 4mm2 회색",
            "is": "Tengiklemma 4 mm2 grá",
        },
    ),
    (
        "CB",
        "12.80",
        {
            "en": "Cable gland M25 brass nickel",
            "ro": "Presetupă M25 alamă nichelată",
            "pt": "Bucim M25 latão niquelado",
            "da": "Kabelforskruning M25 messing",
            "ko": "케이블 글랜드 M25 황동",
            "is": "Kapalþétti M25 messing",
        },
    ),
    (
        "VB",
        "3.10",
        {
            "en": "V-belt SPZ 1250",
            "ro": "Curea trapezoidală SPZ 1250",
            "pt": "Correia trapezoidal SPZ 1250",
            "da": "Kilerem SPZ 1250",
            "ko": "V벨트 SPZ 1250",
            "is": "Kílreim SPZ 1250",
        },
    ),
    (
        "FL",
        "9.95",
        {
            "en": "Hydraulic return filter element 10 um",
            "ro": "Element filtrant retur 10 µm",
            "pt": "Elemento filtrante de retorno 10 µm",
            "da": "Returfilterelement 10 µm",
            "ko": "리턴 필터 엘리먼트 10um",
            "is": "Síueining 10 µm",
        },
    ),
    (
        "GR",
        "74.50",
        {
            "en": "Worm gearbox ratio 30:1 size 50",
            "ro": "Reductor melcat 30:1 mărimea 50",
            "pt": "Redutor sem-fim 30:1 tamanho 50",
            "da": "Snekkegear 30:1 str. 50",
            "ko": "웜 감속기 30:1 사이즈 50",
            "is": "Snigilgír 30:1 stærð 50",
        },
    ),
    (
        "MT",
        "129.00",
        {
            "en": "Three-phase motor 1.1 kW 4-pole B3",
            "ro": "Motor trifazat 1,1 kW 4 poli B3",
            "pt": "Motor trifásico 1,1 kW 4 polos B3",
            "da": "Trefaset motor 1,1 kW 4-polet B3",
            "ko": "3상 모터 1.1kW 4극 B3",
            "is": "Þriggja fasa mótor 1,1 kW",
        },
    ),
    (
        "PX",
        "21.70",
        {
            "en": "Inductive proximity sensor M18 PNP",
            "ro": "Senzor inductiv M18 PNP",
            "pt": "Sensor indutivo M18 PNP",
            "da": "Induktiv føler M18 PNP",
            "ko": "근접센서 M18 PNP",
            "is": "Spannunemi M18 PNP",
        },
    ),
    (
        "RL",
        "8.60",
        {
            "en": "Relay 24VDC 2 changeover with socket",
            "ro": "Releu 24Vcc 2 contacte cu soclu",
            "pt": "Relé 24Vcc 2 inversores com base",
            "da": "Relæ 24VDC 2 skifte med sokkel",
            "ko": "릴레이 24VDC 2c 소켓 포함",
            "is": "Liði 24VDC með sökkli",
        },
    ),
    (
        "SP",
        "1.45",
        {
            "en": "Compression spring 1.2x12x40",
            "ro": "Arc de compresiune 1,2x12x40",
            "pt": "Mola de compressão 1,2x12x40",
            "da": "Trykfjeder 1,2x12x40",
            "ko": "압축스프링 1.2x12x40",
            "is": "Þrýstifjöður 1,2x12x40",
        },
    ),
    (
        "NV",
        "36.40",
        {
            "en": "Needle valve stainless 1/4 NPT",
            "ro": "Robinet cu ac inox 1/4 NPT",
            "pt": "Válvula de agulha inox 1/4 NPT",
            "da": "Nåleventil rustfri 1/4 NPT",
            "ko": "니들밸브 스테인리스 1/4 NPT",
            "is": "Nálarloki ryðfrír 1/4 NPT",
        },
    ),
    (
        "CY",
        "58.30",
        {
            "en": "Pneumatic cylinder 32x100 ISO 15552",
            "ro": "Cilindru pneumatic 32x100 ISO 15552",
            "pt": "Cilindro pneumático 32x100 ISO 15552",
            "da": "Pneumatisk cylinder 32x100",
            "ko": "공압 실린더 32x100 ISO 15552",
            "is": "Lofttjakkur 32x100",
        },
    ),
    (
        "FT",
        "1.90",
        {
            "en": "Push-in fitting 8 mm 1/4 straight",
            "ro": "Racord instant 8 mm 1/4 drept",
            "pt": "Conector instantâneo 8 mm 1/4 reto",
            "da": "Lynkobling 8 mm 1/4 lige",
            "ko": "원터치 피팅 8mm 1/4 직선",
            "is": "Hraðtengi 8 mm 1/4 beint",
        },
    ),
    (
        "KN",
        "0.95",
        {
            "en": "Clamping knob M8 black",
            "ro": "Buton de strângere M8 negru",
            "pt": "Manípulo M8 preto",
            "da": "Spændegreb M8 sort",
            "ko": "클램핑 노브 M8 검정",
            "is": "Herðihnappur M8 svartur",
        },
    ),
    (
        "LD",
        "4.75",
        {
            "en": "LED indicator 22 mm green 24V",
            "ro": "Lampă de semnalizare 22 mm verde 24V",
            "pt": "Sinalizador LED 22 mm verde 24V",
            "da": "LED signallampe 22 mm grøn 24V",
            "ko": "LED 표시등 22mm 녹색 24V",
            "is": "LED ljós 22 mm grænt 24V",
        },
    ),
    (
        "PU",
        "212.00",
        {
            "en": "Centrifugal pump 0.75 kW cast iron",
            "ro": "Pompă centrifugă 0,75 kW fontă",
            "pt": "Bomba centrífuga 0,75 kW ferro fundido",
            "da": "Centrifugalpumpe 0,75 kW støbejern",
            "ko": "원심펌프 0.75kW 주철",
            "is": "Miðflóttadæla 0,75 kW",
        },
    ),
    (
        "SH",
        "15.20",
        {
            "en": "Precision shaft 20 h6 x 500 mm",
            "ro": "Ax de precizie 20 h6 x 500 mm",
            "pt": "Veio retificado 20 h6 x 500 mm",
            "da": "Præcisionsaksel 20 h6 x 500 mm",
            "ko": "정밀 샤프트 20 h6 x 500mm",
            "is": "Nákvæmnisöxull 20 h6 x 500 mm",
        },
    ),
    (
        "CH",
        "27.80",
        {
            "en": "Roller chain 08B-1 5 m",
            "ro": "Lanț cu role 08B-1 5 m",
            "pt": "Corrente de rolos 08B-1 5 m",
            "da": "Rullekæde 08B-1 5 m",
            "ko": "롤러체인 08B-1 5m",
            "is": "Rúllukeðja 08B-1 5 m",
        },
    ),
    (
        "GK",
        "0.33",
        {
            "en": "Flat gasket DN25 PN16 EPDM",
            "ro": "Garnitură plată DN25 PN16 EPDM",
            "pt": "Junta plana DN25 PN16 EPDM",
            "da": "Flangepakning DN25 PN16 EPDM",
            "ko": "평 가스켓 DN25 PN16 EPDM",
            "is": "Flansþétting DN25 PN16 EPDM",
        },
    ),
    (
        "PS",
        "88.00",
        {
            "en": "DIN rail power supply 24V 5A",
            "ro": "Sursă de alimentare șină DIN 24V 5A",
            "pt": "Fonte de alimentação calha DIN 24V 5A",
            "da": "DIN-skinne strømforsyning 24V 5A",
            "ko": "DIN레일 전원공급기 24V 5A",
            "is": "Aflgjafi á DIN braut 24V 5A",
        },
    ),
    (
        "HN",
        "2.10",
        {
            "en": "Machine handle 110 mm aluminium",
            "ro": "Mâner de mașină 110 mm aluminiu",
            "pt": "Puxador de máquina 110 mm alumínio",
            "da": "Maskinhåndtag 110 mm aluminium",
            "ko": "기계 손잡이 110mm 알루미늄",
            "is": "Vélarhandfang 110 mm ál",
        },
    ),
]
# the wrapped descriptions of a form printed in narrow columns: the part and its specification
SPEC = [
    "material certificate EN 10204 3.1 required with each delivery",
    "packed 50 per bag, bags labelled with our part number and the order number",
    "drawing revision C applies, tolerances per ISO 2768-mK",
    "RoHS and REACH compliant, declaration to be sent before the first shipment",
    "surface: zinc flake coating, 480 h salt spray",
    "each unit tested and marked with its serial number",
]

FX = {  # units of the currency a dollar buys, about
    "ISK": "138",
    "EUR": "0.92",
    "RON": "4.58",
    "DKK": "6.87",
    "TZS": "2650",
    "ZAR": "18.2",
    "MNT": "3420",
    "GEL": "2.70",
    "MKD": "56.6",
    "ALL": "93",
    "KZT": "505",
    "PHP": "56.4",
    "INR": "84.1",
    "KRW": "1390",
    "KES": "129",
    "USD": "1",
}
VAT = {  # the buyers' VAT (or sales tax) rate, %
    "is": "24",
    "ca": "21",
    "ro": "19",
    "pt": "23",
    "da": "25",
    "fi": "25.5",
    "sw": "18",
    "af": "15",
    "mn": "10",
    "ka": "18",
    "mk": "18",
    "sq": "20",
    "kk": "12",
    "fil": "12",
    "hi": "18",
    "ko": "10",
    "en": "23",
}
UNIT = {
    "en": "PCS",
    "is": "stk.",
    "ca": "u.",
    "ro": "buc",
    "pt": "un",
    "da": "stk",
    "fi": "kpl",
    "sw": "pcs",
    "af": "st",
    "mn": "ш",
    "ka": "ც",
    "mk": "пар",
    "sq": "copë",
    "kk": "дана",
    "fil": "pcs",
    "hi": "नग",
    "ko": "EA",
}


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per piece, tax-exclusive
    amount: Decimal


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
    incoterms: str | None = None
    vat: Decimal = Decimal(0)  # % added to the net (0: the document adds no tax)

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return money(self.net * self.vat / 100, self.currency)

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
        currency: bool = True,
    ) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.due.isoformat(),
            "currency": self.currency if currency else None,
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
    return random.Random(f"{seed}:fresh4:{name}")


def make_order(
    seed: int,
    name: str,
    locale: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    words: str | None = None,
    cheap: bool = False,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``locale``, dated 13-20 November 2026.
    ``words``: the language its texts are in (default the buyer's); ``cheap``: small parts only, in
    large quantities (the orders priced per hundred)."""
    r = draw(seed, name)
    lang = locale.split("-")[0]
    wl = words or lang
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
            r.choice([5000, 10000, 20000, 30000]) if cheap else r.choice([10, 24, 50, 80, 150, 200, 300, 500, 1200])
        )
        code = f"{stem}{r.randrange(10, 99)}-{r.randrange(1000, 9999)}"
        lines.append(
            Line(code, texts.get(wl) or texts["en"], qty, UNIT.get(wl, "PCS"), price, money(qty * price, currency))
        )
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
        due,
        currency,
        lines,
    )


# ----------------------------------------------------------------------------- words, dates and numbers

# title, number, date, delivery, buyer, supplier, item, description, quantity, unit, price, amount, net,
# tax, total, payment terms, position, page
LAB: dict[str, dict[str, str]] = {
    "en": dict(
        title="PURCHASE ORDER",
        no="PO No.",
        date="Date",
        due="Delivery Date",
        buyer="Buyer",
        supplier="Supplier",
        item="Item Code",
        desc="Description",
        qty="Quantity",
        unit="Unit",
        price="Unit Price",
        amount="Amount",
        net="Sub-total",
        vat="VAT",
        total="Total",
        pay="Payment Terms",
        pos="No.",
        page="Page",
    ),
    "is": dict(
        title="INNKAUPAPÖNTUN",
        no="Pöntun nr.",
        date="Dagsetning",
        due="Afhendingardagur",
        buyer="Kaupandi",
        supplier="Birgir",
        item="Vörunúmer",
        desc="Lýsing",
        qty="Magn",
        unit="Ein.",
        price="Einingarverð",
        amount="Upphæð",
        net="Samtals án VSK",
        vat="VSK",
        total="Samtals",
        pay="Greiðsluskilmálar",
        pos="Lína",
        page="Síða",
    ),
    "ca": dict(
        title="COMANDA DE COMPRA",
        no="Núm. comanda",
        date="Data",
        due="Data de lliurament",
        buyer="Comprador",
        supplier="Proveïdor",
        item="Codi",
        desc="Descripció",
        qty="Quantitat",
        unit="Unitat",
        price="Preu unitari",
        amount="Import",
        net="Base imposable",
        vat="IVA",
        total="Total",
        pay="Forma de pagament",
        pos="Línia",
        page="Pàgina",
    ),
    "ro": dict(
        title="COMANDĂ DE ACHIZIȚIE",
        no="Nr. comandă",
        date="Data",
        due="Termen de livrare",
        buyer="Cumpărător",
        supplier="Furnizor",
        item="Cod articol",
        desc="Denumire",
        qty="Cantitate",
        unit="UM",
        price="Preț unitar",
        amount="Valoare",
        net="Total fără TVA",
        vat="TVA",
        total="Total de plată",
        pay="Condiții de plată",
        pos="Nr. crt.",
        page="Pagina",
    ),
    "pt": dict(
        title="NOTA DE ENCOMENDA",
        no="N.º encomenda",
        date="Data",
        due="Data de entrega",
        buyer="Cliente",
        supplier="Fornecedor",
        item="Referência",
        desc="Designação",
        qty="Quant.",
        unit="Un.",
        price="Preço unit.",
        amount="Valor",
        net="Total ilíquido",
        vat="IVA",
        total="Total",
        pay="Condições de pagamento",
        pos="Lin.",
        page="Página",
    ),
    "da": dict(
        title="INDKØBSORDRE",
        no="Ordrenr.",
        date="Dato",
        due="Leveringsdato",
        buyer="Køber",
        supplier="Leverandør",
        item="Varenr.",
        desc="Beskrivelse",
        qty="Antal",
        unit="Enhed",
        price="Enhedspris",
        amount="Beløb",
        net="Subtotal",
        vat="Moms",
        total="Total",
        pay="Betalingsbetingelser",
        pos="Pos.",
        page="Side",
    ),
    "fi": dict(
        title="OSTOTILAUS",
        no="Tilausnumero",
        date="Päivämäärä",
        due="Toimituspäivä",
        buyer="Tilaaja",
        supplier="Toimittaja",
        item="Tuotekoodi",
        desc="Nimike",
        qty="Määrä",
        unit="Yks.",
        price="A-hinta",
        amount="Yhteensä",
        net="Veroton yhteensä",
        vat="ALV",
        total="Verollinen yhteensä",
        pay="Maksuehto",
        pos="Rivi",
        page="Sivu",
    ),
    "sw": dict(
        title="AGIZO LA UNUNUZI",
        no="Namba ya Agizo",
        date="Tarehe",
        due="Tarehe ya Kufikisha",
        buyer="Mnunuzi",
        supplier="Msambazaji",
        item="Namba ya Bidhaa",
        desc="Maelezo",
        qty="Idadi",
        unit="Kipimo",
        price="Bei ya Kimoja",
        amount="Jumla",
        net="Jumla ndogo",
        vat="VAT",
        total="Jumla Kuu",
        pay="Masharti ya Malipo",
        pos="Na.",
        page="Ukurasa",
    ),
    "af": dict(
        title="BESTELORDER",
        no="Bestelnommer",
        date="Datum",
        due="Afleweringsdatum",
        buyer="Koper",
        supplier="Verskaffer",
        item="Itemkode",
        desc="Beskrywing",
        qty="Hoeveelheid",
        unit="Eenheid",
        price="Eenheidsprys",
        amount="Bedrag",
        net="Subtotaal",
        vat="BTW",
        total="Totaal",
        pay="Betalingsvoorwaardes",
        pos="Nr.",
        page="Bladsy",
    ),
    "mn": dict(
        title="ХУДАЛДАН АВАХ ЗАХИАЛГА",
        no="Захиалгын дугаар",
        date="Огноо",
        due="Нийлүүлэх огноо",
        buyer="Захиалагч",
        supplier="Нийлүүлэгч",
        item="Барааны код",
        desc="Барааны нэр",
        qty="Тоо хэмжээ",
        unit="Хэм.нэгж",
        price="Нэгжийн үнэ",
        amount="Дүн",
        net="Дүн (НӨАТ-гүй)",
        vat="НӨАТ",
        total="Нийт дүн",
        pay="Төлбөрийн нөхцөл",
        pos="№",
        page="Хуудас",
    ),
    "ka": dict(
        title="შესყიდვის შეკვეთა",
        no="შეკვეთის №",
        date="თარიღი",
        due="მიწოდების თარიღი",
        buyer="შემკვეთი",
        supplier="მომწოდებელი",
        item="კოდი",
        desc="დასახელება",
        qty="რაოდენობა",
        unit="ერთ.",
        price="ერთეულის ფასი",
        amount="თანხა",
        net="ჯამი დღგ-ს გარეშე",
        vat="დღგ",
        total="სულ ჯამი",
        pay="გადახდის პირობები",
        pos="№",
        page="გვერდი",
    ),
    "mk": dict(
        title="НАРАЧКА",
        no="Број на нарачка",
        date="Датум",
        due="Рок на испорака",
        buyer="Нарачател",
        supplier="Добавувач",
        item="Шифра",
        desc="Опис",
        qty="Количина",
        unit="Е.м.",
        price="Цена без ДДВ",
        amount="Износ",
        net="Вкупно без ДДВ",
        vat="ДДВ",
        total="Вкупно за плаќање",
        pay="Услови на плаќање",
        pos="Р.бр.",
        page="Страна",
    ),
    "sq": dict(
        title="POROSI BLERJEJE",
        no="Nr. i porosisë",
        date="Data",
        due="Data e dorëzimit",
        buyer="Blerësi",
        supplier="Furnitori",
        item="Kodi",
        desc="Përshkrimi",
        qty="Sasia",
        unit="Njësia",
        price="Çmimi",
        amount="Vlera",
        net="Vlera pa TVSH",
        vat="TVSH",
        total="Totali",
        pay="Kushtet e pagesës",
        pos="Nr.",
        page="Faqja",
    ),
    "kk": dict(
        title="САТЫП АЛУ ТАПСЫРЫСЫ",
        no="Тапсырыс №",
        date="Күні",
        due="Жеткізу күні",
        buyer="Тапсырыс беруші",
        supplier="Жеткізуші",
        item="Коды",
        desc="Атауы",
        qty="Саны",
        unit="Өлш. бірл.",
        price="Бағасы",
        amount="Сомасы",
        net="ҚҚС-сыз жиыны",
        vat="ҚҚС",
        total="Барлығы",
        pay="Төлем шарттары",
        pos="№",
        page="Бет",
    ),
    "fil": dict(
        title="PURCHASE ORDER",
        no="Blg. ng PO",
        date="Petsa",
        due="Petsa ng Paghahatid",
        buyer="Mamimili",
        supplier="Supplier",
        item="Code",
        desc="Paglalarawan",
        qty="Dami",
        unit="Yunit",
        price="Presyo",
        amount="Halaga",
        net="Subtotal",
        vat="VAT",
        total="Kabuuan",
        pay="Tuntunin ng Bayad",
        pos="Blg.",
        page="Pahina",
    ),
    "hi": dict(
        title="क्रय आदेश",
        no="आदेश संख्या",
        date="दिनांक",
        due="डिलीवरी तिथि",
        buyer="क्रेता",
        supplier="आपूर्तिकर्ता",
        item="आइटम कोड",
        desc="विवरण",
        qty="मात्रा",
        unit="इकाई",
        price="दर",
        amount="राशि",
        net="उप-योग",
        vat="जीएसटी",
        total="कुल राशि",
        pay="भुगतान शर्तें",
        pos="क्र.",
        page="पृष्ठ",
    ),
    "ko": dict(
        title="발 주 서",
        no="발주번호",
        date="발주일자",
        due="납기일자",
        buyer="발주처",
        supplier="공급처",
        item="품번",
        desc="품명 및 규격",
        qty="수량",
        unit="단위",
        price="단가",
        amount="금액",
        net="공급가액",
        vat="부가세",
        total="합계금액",
        pay="결제조건",
        pos="순번",
        page="페이지",
    ),
}
PAY = {
    "en": "30 days net from date of invoice",
    "is": "Staðgreiðsla 30 dögum eftir reikningsdag",
    "ca": "Transferència a 60 dies data factura",
    "ro": "Ordin de plată la 45 de zile de la factură",
    "pt": "Transferência bancária a 60 dias",
    "da": "Netto 30 dage",
    "fi": "14 pv netto",
    "sw": "Siku 30 baada ya ankara",
    "af": "30 dae na staat",
    "mn": "Нэхэмжлэх ирснээс хойш 30 хоногт",
    "ka": "გადახდა ინვოისიდან 30 დღეში",
    "mk": "30 дена по фактура",
    "sq": "Pagesë me transfertë brenda 30 ditëve",
    "kk": "Шот-фактурадан кейін 30 күн ішінде",
    "fil": "30 araw mula sa invoice",
    "hi": "बिल की तारीख से 45 दिन",
    "ko": "월말 마감 익월 말 현금",
}
NUMS = {  # how each language's buyers group and mark decimals (styles of fresh2_families.num)
    "en": "en",
    "is": "eu",
    "ca": "eu",
    "ro": "eu",
    "pt": "space",
    "da": "eu",
    "fi": "space",
    "sw": "en",
    "af": "space",
    "mn": "en",
    "ka": "space",
    "mk": "eu",
    "sq": "space",
    "kk": "space",
    "fil": "en",
    "hi": "lakh",
    "ko": "en",
}
DATES = {
    "en": "dmy",
    "is": "dot",
    "ca": "dmy",
    "ro": "dot",
    "pt": "dmy_dash",
    "da": "dot_dk",
    "fi": "fi",
    "sw": "dmy",
    "af": "iso",
    "mn": "mn",
    "ka": "dot",
    "mk": "mk",
    "sq": "dot",
    "kk": "kk",
    "fil": "mon_d_y",
    "hi": "dmy_dash",
    "ko": "ko",
}
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTH = "January February March April May June July August September October November December".split()
IS_MONTHS = "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember".split()
CA_MONTHS = "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre".split()
RO_MONTHS = "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split()
SW_MONTHS = "Januari Februari Machi Aprili Mei Juni Julai Agosti Septemba Oktoba Novemba Desemba".split()


def day(d: date, style: str) -> str:
    return {
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dot_dk": f"{d.day}.{d.month}.{d.year}",
        "fi": f"{d.day}.{d.month}.{d.year}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
        "mn": f"{d.year} оны {d.month} сарын {d.day}",
        "mk": f"{d.day:02d}.{d.month:02d}.{d.year} год.",
        "kk": f"{d.day:02d}.{d.month:02d}.{d.year} ж.",
        "ko": f"{d.year}. {d.month}. {d.day}.",
        "mon_d_y": f"{MONTH[d.month - 1]} {d.day}, {d.year}",
        "d_mon_yy": f"{d.day:02d}-{MON[d.month - 1]}-{d.year % 100:02d}",
        "d_mon_y": f"{d.day} {MON[d.month - 1]} {d.year}",
        "is_long": f"{d.day}. {IS_MONTHS[d.month - 1]} {d.year}",
        "ca_long": f"{d.day} de {CA_MONTHS[d.month - 1]} de {d.year}",
        "ro_long": f"{d.day} {RO_MONTHS[d.month - 1]} {d.year}",
        "sw_long": f"{d.day} {SW_MONTHS[d.month - 1]} {d.year}",
        "ordinal": f"{d.day}th {MONTH[d.month - 1]} {d.year}",
    }[style]


def n(o: Order, v: Decimal, places: int | None = None) -> str:
    """``v`` written as the order's buyer writes numbers (whole krónur, won, tögrög, shillings...)."""
    return num(v, NUMS[o.words], 0 if o.currency in WHOLE else places)


def qty(o: Order, v: Decimal) -> str:
    return num(v, NUMS[o.words], 0)


def d(o: Order, v: date) -> str:
    return day(v, DATES[o.words])


def rows_of(o: Order) -> list[list[str]]:
    """The usual cells of each line: position, code, text, quantity, unit, price, amount."""
    return [
        [str(j), ln.code, ln.text, qty(o, ln.qty), ln.unit, n(o, ln.price), n(o, ln.amount)]
        for j, ln in enumerate(o.lines, 1)
    ]


def heads(o: Order) -> list[str]:
    w = LAB[o.words]
    return [w["pos"], w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]


def sums(o: Order) -> list[tuple[str, str]]:
    w = LAB[o.words]
    rate = num(o.vat, NUMS[o.words])
    return [(w["net"], n(o, o.net)), (f"{w['vat']} {rate}%", n(o, o.tax)), (w["total"], n(o, o.gross))]


def sent_on(d: date, hour: int = 9, minute: int = 7, offset: int = 0) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


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


def build_fresh4(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


# ----------------------------------------------------------------------------- PDFs: reportlab and fpdf2


def _font(kind: str) -> str:
    from fresh2_families import rl_font

    return rl_font(kind)


def platypus_long_pdf(path: Path, o: Order) -> None:
    """reportlab page templates: a frame for the head on the first page, a running header on every
    page (the buyer, the order number, "Síða N"), and a LongTable that splits over the pages with its
    header row repeated."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, LongTable, PageTemplate, Paragraph, Spacer, TableStyle

    w = LAB[o.words]
    sans, bold = _font("sans"), _font("bold")
    small = ParagraphStyle("s", fontName=sans, fontSize=8, leading=10)
    big = ParagraphStyle("b", fontName=bold, fontSize=15, leading=18)

    def running(c: Any, doc: Any) -> None:
        c.saveState()
        c.setFont(sans, 7.5)
        c.drawString(40, A4[1] - 30, f"{o.buyer} · kt. 540{len(o.buyer)}12-0{len(o.person)}90")
        c.drawRightString(A4[0] - 40, A4[1] - 30, f"{w['no']} {o.number}   {w['page']} {doc.page}")
        c.line(40, A4[1] - 34, A4[0] - 40, A4[1] - 34)
        c.drawString(40, 30, f"{o.address} · Sími 555 {len(o.address)}40")
        c.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1, creator="Navision Report Engine", title=w["title"])
    frame = Frame(40, 50, A4[0] - 80, A4[1] - 100, id="body")
    doc.addPageTemplates([PageTemplate(id="all", frames=[frame], onPage=running)])
    story: list[Any] = [Paragraph(w["title"], big), Spacer(1, 6)]
    head = [
        [w["no"], o.number, w["supplier"], SUPPLIER],
        [w["date"], d(o, o.ordered), "", SUPPLIER_ADDR[:44]],
        [w["due"], d(o, o.due), w["pay"], o.payment or "-"],
        ["Gjaldmiðill", "ISK", "", ""],
    ]
    ht = LongTable(head, colWidths=[80, 110, 70, 255])
    ht.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), sans, 8), ("FONT", (0, 0), (0, -1), bold, 8)]))
    story += [ht, Spacer(1, 14)]
    rows = [heads(o)] + [[r[0], r[1], Paragraph(escape(r[2]), small), *r[3:]] for r in rows_of(o)]
    t = LongTable(rows, colWidths=[28, 72, 185, 50, 32, 70, 78], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), sans, 8),
                ("FONT", (0, 0), (-1, 0), bold, 8),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, (0, 0, 0)),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [(1, 1, 1), (0.94, 0.95, 0.97)]),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    story += [t, Spacer(1, 10)]
    st = LongTable([["", label, f"{v} kr."] for label, v in sums(o)], colWidths=[275, 140, 100])
    st.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), bold, 8.5), ("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    story += [st, Spacer(1, 20), Paragraph(f"{o.person} · {o.mail}", small)]
    doc.build(story)


@family("is-pontun-longtable-pages", "reportlab-platypus-longtable")
def icelandic_long(m: Maker) -> None:
    for k in range(4):
        name = f"is-pontun-{k}"
        o = m.order(name, "is", 20 + 3 * k, lambda r: f"IP-{r.randrange(260000, 269999)}", k=k)
        o.payment = PAY["is"] if k % 2 else None
        platypus_long_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "is", "is-pontun-longtable-pages")


def continued_pdf(path: Path, o: Order, first: int) -> None:
    """reportlab canvas, two pages: the first ``first`` lines under the table's header, then a
    carried-forward row ("Mbartur"); the second page goes on with the same columns and no header."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Alpha ERP 7")
    xs = [(40, "l"), (62, "l"), (130, "l"), (390, "r"), (398, "l"), (480, "r"), (555, "r")]

    def put(y: float, cells: list[str], bold: bool = False) -> None:
        p.row(y, [(x, c, "right" if a == "r" else "left") for (x, a), c in zip(xs, cells)], 8, bold=bold)

    carried = sum((ln.amount for ln in o.lines[:first]), Decimal(0))
    p.text(40, 50, o.buyer, 12, bold=True)
    p.text(40, 64, o.address, 8)
    p.text(555, 50, f"{w['page']} 1/2", 8, align="right")
    p.text(40, 100, f"{w['title']} {o.number}", 14, bold=True)
    p.text(40, 118, f"{w['date']}: {d(o, o.ordered)}     {w['due']}: {d(o, o.due)}", 9)
    p.text(40, 132, f"{w['supplier']}: {SUPPLIER}     Monedha: ALL (lekë)", 9)
    y = 160
    put(y, heads(o), bold=True)
    p.line(40, y + 4, 555, y + 4)
    for row in rows_of(o)[:first]:
        y += 18
        put(y, row)
    y += 22
    p.line(40, y - 12, 555, y - 12)
    p.text(480, y, "Mbartur / Transport:", 8, bold=True, align="right")
    p.text(555, y, n(o, carried), 8, bold=True, align="right")
    p.new_page()
    p.text(555, 50, f"{w['page']} 2/2", 8, align="right")
    p.text(40, 50, f"{w['no']} {o.number}", 8)
    p.text(480, 80, "Transport:", 8, bold=True, align="right")
    p.text(555, 80, n(o, carried), 8, bold=True, align="right")
    y = 80
    for row in rows_of(o)[first:]:
        y += 18
        put(y, row)
    y += 14
    p.line(40, y, 555, y)
    for label, v in sums(o):
        y += 16
        p.text(480, y, label, 8.5, bold=True, align="right")
        p.text(555, y, f"{v} L", 8.5, bold=True, align="right")
    p.text(40, y + 40, f"{w['pay']}: {o.payment or '-'}", 8)
    p.text(40, y + 54, f"Përgatiti: {o.person}", 8)
    p.save()


@family("sq-porosi-continued-no-header", "reportlab-canvas-two-pages")
def albanian_continued(m: Maker) -> None:
    for k in range(4):
        name = f"sq-porosi-{k}"
        o = m.order(name, "sq", 7 + k, lambda r: f"PB-{r.randrange(1000, 9999)}/2026", k=k)
        o.payment = PAY["sq"] if k % 2 == 0 else None
        continued_pdf(m.path(f"pdf/{name}.pdf"), o, 4 + k % 2)
        m.add(f"pdf/{name}.pdf", o.golden(), "sq", "sq-porosi-continued-no-header")


def multicell_pdf(path: Path, o: Order) -> None:
    """fpdf2: descriptions wrapped by ``multi_cell`` over two to four lines, the other cells of the
    row as tall as the description; the head as two blocks of ``multi_cell`` text."""
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 8, w["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.multi_cell(
        92, 4.5, f"{o.buyer}\n{o.address}\nNIF B{len(o.buyer)}4471{len(o.address)}", new_x="RIGHT", new_y="TOP"
    )
    pdf.multi_cell(
        0,
        4.5,
        f"{w['no']}: {o.number}\n{w['date']}: {d(o, o.ordered)}\n{w['due']}: {d(o, o.due)}\n"
        f"{w['supplier']}: {SUPPLIER}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    cols = [(10, "C"), (26, "L"), (70, "L"), (18, "R"), (12, "C"), (22, "R"), (28, "R")]
    pdf.set_font("dv", "B", 8)
    for (wd, a), label in zip(cols, heads(o)):
        pdf.cell(wd, 6, label, border=1, align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for row in rows_of(o):
        lines = pdf.multi_cell(70, 4, row[2], dry_run=True, output="LINES")
        h = 4 * len(lines) + 2
        x0, y0 = pdf.get_x(), pdf.get_y()
        for (wd, a), cell in zip(cols, row):
            x = pdf.get_x()
            pdf.rect(x, y0, wd, h)
            if cell is row[2]:
                pdf.multi_cell(wd, 4, cell, align="L", new_x="RIGHT", new_y="TOP", padding=(1, 1, 1, 1))
                pdf.set_xy(x + wd, y0)
            else:
                pdf.cell(wd, 6, cell, align=a)
        pdf.set_xy(x0, y0 + h)
    pdf.ln(3)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(158, 5.5, label, align="R")
        pdf.cell(28, 5.5, f"{v} €", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.ln(4)
    pdf.cell(0, 5, f"{w['pay']}: {o.payment or '-'}")
    pdf.output(str(path))


@family("ca-comanda-multicell-wrapped", "fpdf2-multi-cell")
def catalan_wrapped(m: Maker) -> None:
    for k in range(4):
        name = f"ca-comanda-{k}"
        o = m.order(name, "ca", 3 + k % 3, lambda r: f"CC{r.randrange(26, 27)}/{r.randrange(10000, 99999)}", k=k)
        o.payment = PAY["ca"]
        r = m.r(name)
        for ln in o.lines:  # the part's name and its specification, one text wrapped over 2-4 lines
            ln.text = f"{ln.text} - {'; '.join(r.sample(SPEC, r.choice([1, 2, 3])))}"
        multicell_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ca", "ca-comanda-multicell-wrapped")


def band_pdf(path: Path, o: Order) -> None:
    """reportlab canvas: the labels of the head in a grey band, each value in the box under it; the
    lines in a boxed table; rand amounts as "R 1 234,56"."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Pastel Partner")
    p.text(40, 50, o.buyer, 13, bold=True)
    p.text(40, 64, o.address, 8)
    p.text(40, 76, f"Tel 023 {len(o.buyer)}4 {len(o.address)}18 · BTW-nr 4{len(o.person)}70123456", 8)
    p.text(555, 50, w["title"], 15, bold=True, align="right")
    labels = [w["no"], w["date"], w["due"], w["pay"]]
    values = [o.number, d(o, o.ordered), d(o, o.due), o.payment or "-"]
    widths = [100, 90, 110, 215]
    x = 40
    for label, value, wd in zip(labels, values, widths):
        p.box(x, 100, wd, 14, fill=(0.82, 0.84, 0.86))
        p.text(x + 4, 110, label, 7.5, bold=True)
        p.box(x, 114, wd, 18)
        p.text(x + 4, 127, value, 8.5)
        x += wd
    p.text(40, 154, f"{w['supplier']}: {SUPPLIER}, {SUPPLIER_ADDR}", 8)
    y = 172
    widths = [26, 70, 190, 54, 32, 70, 73]
    x = 40
    for wd, label in zip(widths, heads(o)):
        p.box(x, y, wd, 16, fill=(0.82, 0.84, 0.86))
        p.text(x + 3, y + 11, label, 7.5, bold=True)
        x += wd
    y += 16
    for row in rows_of(o):
        x = 40
        for j, (wd, cell) in enumerate(zip(widths, row)):
            p.box(x, y, wd, 16)
            right = j in (3, 5, 6)
            p.text(x + wd - 3 if right else x + 3, y + 11, cell, 8, align="right" if right else "left")
            x += wd
        y += 16
    for label, v in sums(o):
        y += 15
        p.text(470, y, label, 8.5, bold=True, align="right")
        p.text(555, y, f"R {v}", 8.5, bold=True, align="right")
    p.text(40, y + 40, f"Gemagtigde koper: {o.person}", 8)
    p.save()


@family("af-bestelling-header-band", "reportlab-canvas-band")
def afrikaans_band(m: Maker) -> None:
    for k in range(4):
        name = f"af-bestelling-{k}"
        o = m.order(name, "af", 2 + k % 4, lambda r: f"BO{r.randrange(100000, 999999)}", k=k)
        o.payment = PAY["af"] if k != 1 else None
        band_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "af", "af-bestelling-header-band")


def below_pdf(path: Path, o: Order) -> None:
    """fpdf2: each head label small and grey, its value under it in bold, three to a row."""
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 15)
    pdf.cell(0, 9, w["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    blocks = [
        (w["buyer"], o.buyer),
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        ("Anwani", o.address),
        (w["due"], d(o, o.due)),
        ("Simu", f"+255 7{len(o.buyer)} {len(o.address)}4 118"),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or "-"),
        ("Sarafu", "TZS"),
    ]
    for i in range(0, len(blocks), 3):
        y = pdf.get_y()
        for j, (label, value) in enumerate(blocks[i : i + 3]):
            pdf.set_xy(12 + 62 * j, y)
            pdf.set_font("dv", "", 7)
            pdf.set_text_color(110, 110, 110)
            pdf.cell(60, 4, label, new_x="LEFT", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("dv", "B", 8.5)
            pdf.multi_cell(60, 4.5, value)
        pdf.set_xy(12, y + 16)
    pdf.ln(4)
    cols = [(10, "C"), (32, "L"), (64, "L"), (16, "R"), (16, "C"), (22, "R"), (26, "R")]
    pdf.set_font("dv", "B", 8)
    pdf.set_fill_color(200, 225, 205)
    for (wd, a), label in zip(cols, heads(o)):
        pdf.cell(wd, 6, label, align=a, fill=True)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for row in rows_of(o):
        for (wd, a), cell in zip(cols, row):
            pdf.cell(wd, 6, cell, align=a, border="B")
        pdf.ln()
    pdf.ln(3)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(160, 5.5, label, align="R")
        pdf.cell(26, 5.5, f"TSh {v}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@family("sw-agizo-value-below-label", "fpdf2-cells-stacked-labels")
def swahili_below(m: Maker) -> None:
    for k in range(4):
        name = f"sw-agizo-{k}"
        o = m.order(name, "sw", 2 + k % 3, lambda r: f"LPO/{r.randrange(1000, 9999)}/26", k=k)
        o.payment = PAY["sw"] if k % 2 else None
        below_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "sw", "sw-agizo-value-below-label")


def mongol_pdf(path: Path, o: Order) -> None:
    """reportlab canvas in Cyrillic Mongolian: the approving signature block and its stamp at the
    top right, the labels right-aligned in a column with the values after them, tögrög with ₮."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Ерөнхий Нягтлан 5")
    p.text(380, 40, "БАТЛАВ:", 8, bold=True)
    p.text(380, 54, "Гүйцэтгэх захирал ________", 8)
    p.c.circle(470, p.height - 80, 24)
    p.text(470, 82, "ТАМГА", 7, align="center")
    p.text(297, 120, w["title"], 14, bold=True, align="center")
    y = 150
    for label, value in (
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["buyer"], o.buyer),
        ("Хаяг", o.address[:70]),
        ("Утас", f"7011-{len(o.buyer)}{len(o.person)}45"),
        (w["supplier"], SUPPLIER),
        (w["due"], d(o, o.due)),
    ):
        p.text(160, y, f"{label}:", 8.5, align="right")
        p.text(170, y, value, 8.5, bold=label == w["no"])
        y += 15
    y += 10
    widths = [22, 66, 180, 56, 36, 70, 85]
    from fresh3_families import grid

    y = grid(p, 40, y, widths, "cllrcrr", [heads(o), *rows_of(o)], size=7.5)
    for label, v in sums(o):
        y += 14
        p.text(470, y, label + ":", 8.5, bold=True, align="right")
        p.text(555, y, f"{v}₮", 8.5, bold=True, align="right")
    p.text(40, y + 36, f"{w['pay']}: {o.payment or '-'}", 8)
    p.text(40, y + 52, f"Хүлээн авсан: {o.person}", 8)
    p.save()


@family("mn-zahialga-signature-stamp", "reportlab-canvas-cyrillic")
def mongolian(m: Maker) -> None:
    for k in range(4):
        name = f"mn-zahialga-{k}"
        o = m.order(name, "mn", 2 + k % 3, lambda r: f"ХАЗ-{r.randrange(100, 999)}", k=k)
        o.payment = PAY["mn"] if k % 2 == 0 else None
        mongol_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "mn", "mn-zahialga-signature-stamp")


def dotted_pdf(path: Path, o: Order) -> None:
    """reportlab canvas in Georgian: each head field a label, a dotted leader and the value at the
    right margin; the lines as ruled text without a grid."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="ORIS Buhgalteria")
    p.text(297, 50, w["title"], 14, bold=True, align="center")
    y = 80
    for label, value in (
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["buyer"], o.buyer),
        ("მისამართი", o.address),
        ("ს/კ", f"40{len(o.buyer)}51{len(o.address)}7"),
        (w["supplier"], SUPPLIER),
        (w["due"], d(o, o.due)),
        (w["pay"], o.payment or "-"),
    ):
        p.text(40, y, label, 8.5)
        p.text(555, y, value, 8.5, align="right")
        from reportlab.pdfbase.pdfmetrics import stringWidth

        start = 46 + stringWidth(label, p.regular, 8.5)
        end = 549 - stringWidth(value, p.regular, 8.5)
        dots = "." * max(3, int((end - start) / stringWidth(".", p.regular, 8.5)))
        p.text(start, y, dots, 8.5)
        y += 15
    y += 12
    xs = [(40, "left"), (60, "left"), (125, "left"), (385, "right"), (392, "left"), (475, "right"), (555, "right")]
    p.row(y, list(zip([x for x, _ in xs], heads(o), [a for _, a in xs])), 7.5, bold=True)
    p.line(40, y + 4, 555, y + 4)
    for row in rows_of(o):
        y += 15
        p.row(y, list(zip([x for x, _ in xs], row, [a for _, a in xs])), 7.5)
    p.line(40, y + 5, 555, y + 5)
    for label, v in sums(o):
        y += 15
        p.text(475, y, label, 8, bold=True, align="right")
        p.text(555, y, f"{v} GEL", 8, bold=True, align="right")
    p.text(40, y + 36, f"ხელმოწერა: {o.person}", 8)
    p.save()


@family("ka-shekveta-dotted-leaders", "reportlab-canvas-georgian")
def georgian(m: Maker) -> None:
    for k in range(4):
        name = f"ka-shekveta-{k}"
        o = m.order(name, "ka", 2 + (k + 1) % 3, lambda r: f"შ-{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=k)
        o.payment = PAY["ka"] if k % 2 else None
        dotted_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ka", "ka-shekveta-dotted-leaders")


def net_gross_pdf(path: Path, o: Order) -> None:
    """fpdf2 cells in Macedonian: the unit price without and with VAT side by side, the amount
    without VAT and the amount with it."""
    w = LAB[o.words]
    pdf = fpdf_new(landscape=True)
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(140, 7, o.buyer)
    pdf.cell(0, 7, f"{w['title']} бр. {o.number}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(140, 5, o.address)
    pdf.cell(0, 5, f"{w['date']}: {d(o, o.ordered)}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(140, 5, f"ЕДБ: МК40{len(o.buyer)}3009{len(o.address)}1")
    pdf.cell(0, 5, f"{w['due']}: {d(o, o.due)}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, f"{w['supplier']}: {SUPPLIER}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    head = [*heads(o)[:6], "Цена со ДДВ", "Износ без ДДВ", "Износ со ДДВ"]
    cols = [(12, "C"), (28, "L"), (82, "L"), (22, "R"), (14, "C"), (26, "R"), (26, "R"), (30, "R"), (30, "R")]
    pdf.set_font("dv", "B", 7.5)
    for (wd, a), label in zip(cols, head):
        pdf.cell(wd, 7, label, border=1, align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    rate = 1 + o.vat / 100
    for row, ln in zip(rows_of(o), o.lines):
        cells = [*row[:6], n(o, money(ln.price * rate, o.currency)), row[6], n(o, money(ln.amount * rate, o.currency))]
        for (wd, a), cell in zip(cols, cells):
            pdf.cell(wd, 6, cell, border=1, align=a)
        pdf.ln()
    pdf.ln(2)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(210, 5.5, label, align="R")
        pdf.cell(60, 5.5, f"{v} ден.", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 6, f"{w['pay']}: {o.payment or '-'}    Нарачал: {o.person}")
    pdf.output(str(path))


@family("mk-naracka-net-and-gross-prices", "fpdf2-cells-landscape")
def macedonian(m: Maker) -> None:
    for k in range(4):
        name = f"mk-naracka-{k}"
        o = m.order(name, "mk", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}-11/26", k=k)
        o.payment = PAY["mk"] if k != 2 else None
        net_gross_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "mk", "mk-naracka-net-and-gross-prices")


TERMS_EN = [
    "1. Quote our PO number on every delivery note and invoice; invoices without it will be returned.",
    "2. Deliveries Monday to Friday 08:00-15:30 only, max. 2 pallets of 1200 x 800 mm per delivery.",
    "3. Goods remain at the supplier's risk until signed for at Goods Inwards, Door 4.",
    "4. Prices are fixed for the duration of this order; no surcharges accepted without written consent.",
    "5. 10 working days' notice of any delay; a delay of more than 14 days entitles us to cancel.",
]


def terms_pdf(path: Path, o: Order) -> None:
    """reportlab SimpleDocTemplate: the invoice and delivery addresses in a table of their own, the
    lines in a second table, then numbered terms full of numbers (days, pallets, millimetres)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    w = LAB["en"]
    sans, bold = _font("sans"), _font("bold")
    small = ParagraphStyle("s", fontName=sans, fontSize=8, leading=10.5)
    big = ParagraphStyle("b", fontName=bold, fontSize=16, leading=20)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, creator="Sage 200 Report Designer")
    story: list[Any] = [
        Paragraph(escape(o.buyer), big),
        Paragraph(
            escape(o.address) + " · Tel +353 61 {0}4 {1}20 · VAT IE{0}71{1}2K".format(len(o.buyer), len(o.address)),
            small,
        ),
        Spacer(1, 12),
        Paragraph(f"{w['title']} &nbsp; {escape(o.number)}", big),
        Paragraph(f"{w['date']}: {d(o, o.ordered)} &nbsp;&nbsp; Required by: {d(o, o.due)}", small),
        Spacer(1, 10),
    ]
    addr = Table(
        [
            ["Invoice to", "Deliver to", "Supplier"],
            [o.buyer, "Goods Inwards, Door 4", SUPPLIER],
            ["Accounts Payable", o.address.rsplit(", ", 2)[0], "88 Industrial Road"],
            ["", ", ".join(o.address.rsplit(", ", 2)[1:]), "Dongguan, China"],
        ],
        colWidths=[170, 170, 175],
    )
    addr.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), sans, 8),
                ("FONT", (0, 0), (-1, 0), bold, 8),
                ("BOX", (0, 0), (0, -1), 0.5, (0, 0, 0)),
                ("BOX", (1, 0), (1, -1), 0.5, (0, 0, 0)),
                ("BOX", (2, 0), (2, -1), 0.5, (0, 0, 0)),
            ]
        )
    )
    story += [addr, Spacer(1, 14)]
    rows = [heads(o), *rows_of(o)]
    t = Table(rows, colWidths=[26, 72, 190, 52, 32, 68, 75])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), sans, 8),
                ("FONT", (0, 0), (-1, 0), bold, 8),
                ("GRID", (0, 0), (-1, -1), 0.4, (0.4, 0.4, 0.4)),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    story += [t, Spacer(1, 6)]
    st = Table([[label, f"€{v}"] for label, v in sums(o)], colWidths=[120, 75], hAlign="RIGHT")
    st.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), bold, 8.5), ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    story += [
        st,
        Spacer(1, 10),
        Paragraph(f"{w['pay']}: {o.payment or '-'}", small),
        Spacer(1, 8),
        Paragraph("<b>Terms and conditions</b>", small),
    ]
    story += [Paragraph(escape(t_), small) for t_ in TERMS_EN]
    story += [Spacer(1, 10), Paragraph(f"Authorised by {escape(o.person)}", small)]
    doc.build(story)


@family("en-ie-terms-after-two-tables", "reportlab-platypus-simpledoc")
def irish_terms(m: Maker) -> None:
    for k in range(4):
        name = f"en-ie-po-{k}"
        o = m.order(name, "en-IE", 2 + k % 3, lambda r: f"{r.randrange(40000, 49999)}", k=k, words="en")
        o.payment = PAY["en"] if k % 2 == 0 else None
        terms_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-ie-terms-after-two-tables")


def change_order_pdf(path: Path, o: Order, rev: int) -> None:
    """reportlab canvas: a change order (revision ``rev``) of the same PO number, a PO box, phone
    and fax numbers and "Page 1 of 1" around the number; the revised lines in full."""
    p = Page(path, "Helvetica", "Helvetica-Bold", creator="JD Edwards EnterpriseOne")
    p.text(40, 46, o.buyer, 12, bold=True)
    p.text(40, 58, o.address, 8)
    p.text(40, 69, "Tel. (032) 345-6789 · Fax (032) 345-6790 · TIN 004-118-227-000", 8)
    p.text(555, 46, "PURCHASE ORDER - CHANGE ORDER", 12, bold=True, align="right")
    p.text(555, 58, "Page 1 of 1", 8, align="right")
    p.box(340, 82, 215, 62)
    for i, (label, value) in enumerate(
        (
            ("PO No.", o.number),
            ("Revision", f"Rev. {rev}"),
            ("PO Date", d(o, o.ordered)),
            ("Change Date", d(o, o.ordered + timedelta(days=1))),
        )
    ):
        p.text(346, 95 + 14 * i, label, 8, bold=True)
        p.text(420, 95 + 14 * i, value, 8)
    p.text(40, 95, f"Supplier: {SUPPLIER}", 8)
    p.text(40, 109, "Supplier No. 200417", 8)
    p.text(40, 123, f"Ship by: {d(o, o.due)}", 8)
    p.text(40, 137, "Reason for change: quantities revised, all other terms unchanged", 8)
    xs = [(40, "left"), (62, "left"), (130, "left"), (390, "right"), (398, "left"), (480, "right"), (555, "right")]
    y = 170
    p.box(40, y - 11, 515, 15, fill=(0.85, 0.85, 0.85), stroke=False)
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, heads(o))], 7.5, bold=True)
    for row in rows_of(o):
        y += 16
        p.row(y, [(x, c, a) for (x, a), c in zip(xs, row)], 8)
    y += 10
    p.line(40, y, 555, y)
    for label, v in sums(o):
        y += 15
        p.text(480, y, label, 8.5, bold=True, align="right")
        p.text(555, y, f"PHP {v}", 8.5, bold=True, align="right")
    p.text(40, y + 30, f"This revision supersedes Rev. {rev - 1} and all earlier issues of PO {o.number}.", 8)
    p.text(40, y + 44, f"Buyer: {o.person}   Terms: {o.payment or '-'}", 8)
    p.save()


@family("en-ph-change-order-revision", "reportlab-canvas-helvetica")
def change_order(m: Maker) -> None:
    for k in range(4):
        name = f"en-ph-change-order-{k}"
        o = m.order(name, "en-PH", 2 + k % 3, lambda r: f"45{r.randrange(10**7, 10**8)}", k=k, words="en")
        o.vat = Decimal(12)
        o.payment = PAY["en"]
        change_order_pdf(m.path(f"pdf/{name}.pdf"), o, 2 + k)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-ph-change-order-revision")


def glued_pdf(path: Path, o: Order) -> None:
    """fpdf2 cells in Portuguese: quantity and unit in one cell ("1 200/un"), the price with its
    currency and unit ("4,610 €/un")."""
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 11)
    pdf.cell(0, 6, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 4.5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(
        0, 4.5, f"NIF PT50{len(o.buyer)}71{len(o.address)}9 · Capital social 250 000 €", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(6)
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 7, f"{w['title']} N.º {o.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(0, 5, f"{w['date']}: {d(o, o.ordered)}  ·  {w['due']}: {d(o, o.due)}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, f"{w['supplier']}: {SUPPLIER}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    cols = [(10, "C"), (28, "L"), (76, "L"), (26, "R"), (24, "R"), (28, "R")]
    head = [w["pos"], w["item"], w["desc"], w["qty"], w["price"], w["amount"]]
    pdf.set_font("dv", "B", 8)
    for (wd, a), label in zip(cols, head):
        pdf.cell(wd, 6, label, border="TB", align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.code,
            ln.text,
            f"{qty(o, ln.qty)}/{ln.unit}",
            f"{n(o, ln.price)} €/{ln.unit}",
            f"{n(o, ln.amount)} €",
        ]
        for (wd, a), cell in zip(cols, cells):
            pdf.cell(wd, 6, cell, align=a)
        pdf.ln()
    pdf.ln(2)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(164, 5.5, label, align="R")
        pdf.cell(28, 5.5, f"{v} €", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.ln(3)
    pdf.cell(0, 5, f"{w['pay']}: {o.payment or '-'}")
    pdf.output(str(path))


@family("pt-encomenda-units-glued", "fpdf2-cells-rules")
def portuguese_glued(m: Maker) -> None:
    for k in range(4):
        name = f"pt-encomenda-{k}"
        o = m.order(name, "pt", 2 + k % 3, lambda r: f"NE {r.randrange(2026000, 2026999)}", k=k)
        o.payment = PAY["pt"] if k % 2 else None
        glued_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-encomenda-units-glued")


def per_hundred_pdf(path: Path, o: Order) -> None:
    """reportlab canvas in Romanian: each price written per hundred pieces in its own cell
    ("12,50 lei/100 buc"); the value is the quantity times the price of one."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="WinMENTOR")
    p.text(40, 48, f"Furnizor: {SUPPLIER}", 8)
    p.text(40, 60, f"{w['buyer']}: {o.buyer}", 8, bold=True)
    p.text(40, 72, f"Sediu: {o.address}", 8)
    p.text(40, 84, f"CUI RO{len(o.buyer)}40{len(o.address)}17 · Nr. Reg. Com. J12/{len(o.person)}06/2011", 8)
    p.text(297, 120, w["title"], 14, bold=True, align="center")
    p.text(297, 136, f"nr. {o.number} din {day(o.ordered, 'ro_long')}", 9, align="center")
    p.text(40, 160, f"{w['due']}: {d(o, o.due)}", 8.5)
    from fresh3_families import grid

    rows = [[w["pos"], w["item"], w["desc"], w["unit"], w["qty"], "Preț / 100 buc", w["amount"]]]
    for j, ln in enumerate(o.lines, 1):
        rows.append(
            [
                str(j),
                ln.code,
                ln.text,
                ln.unit,
                qty(o, ln.qty),
                f"{n(o, ln.price * 100, 2)} lei/100 buc",
                n(o, ln.amount),
            ]
        )
    y = grid(p, 40, 174, [30, 66, 170, 28, 56, 85, 80], "cllcrrr", rows, size=7.5)
    for label, v in sums(o):
        y += 14
        p.text(470, y, label, 8.5, bold=True, align="right")
        p.text(555, y, f"{v} lei", 8.5, bold=True, align="right")
    p.text(40, y + 34, f"{w['pay']}: {o.payment or '-'}", 8)
    p.text(40, y + 48, f"Întocmit: {o.person}", 8)
    p.save()


@family("ro-comanda-price-per-hundred", "reportlab-canvas-winmentor")
def romanian_hundred(m: Maker) -> None:
    for k in range(4):
        name = f"ro-comanda-suta-{k}"
        o = m.order(name, "ro", 2 + k % 2, lambda r: f"{r.randrange(1000, 9999)}", k=k, cheap=True)
        o.payment = PAY["ro"] if k % 2 == 0 else None
        per_hundred_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ro", "ro-comanda-price-per-hundred")


def schedule_pdf(path: Path, o: Order, plans: list[list[tuple[date, Decimal]]]) -> None:
    """reportlab canvas in Danish: under each line its partial deliveries ("Delleverance 2:
    14.1.2027  400 stk"), indented, in a smaller face; no delivery date in the head."""
    w = LAB[o.words]
    p = Page(path, "sans", "bold", creator="Microsoft Dynamics C5")
    p.text(40, 50, o.buyer, 13, bold=True)
    p.text(40, 63, f"{o.address} · CVR {len(o.buyer)}4{len(o.address)}871", 8)
    p.text(40, 100, f"{w['title']} {o.number}", 14, bold=True)
    p.text(40, 118, f"{w['date']}: {d(o, o.ordered)}", 9)
    p.text(40, 131, f"{w['supplier']}: {SUPPLIER}", 9)
    p.text(40, 144, f"Vores ref.: {o.person}", 9)
    xs = [(40, "left"), (64, "left"), (132, "left"), (390, "right"), (398, "left"), (480, "right"), (555, "right")]
    y = 172
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, heads(o))], 8, bold=True)
    p.line(40, y + 4, 555, y + 4)
    for row, plan in zip(rows_of(o), plans):
        y += 17
        p.row(y, [(x, c, a) for (x, a), c in zip(xs, row)], 8)
        for s, (when, part) in enumerate(plan, 1):
            y += 11
            p.text(140, y, f"Delleverance {s}: {d(o, when)}", 7)
            p.text(390, y, f"{qty(o, part)} {o.lines[0].unit}", 7, align="right")
    p.line(40, y + 8, 555, y + 8)
    y += 8
    for label, v in sums(o):
        y += 15
        p.text(480, y, label, 8.5, bold=True, align="right")
        p.text(555, y, f"{v} kr.", 8.5, bold=True, align="right")
    p.text(40, y + 34, f"{w['pay']}: {o.payment or '-'}", 8)
    p.save()


@family("da-indkoeb-partial-deliveries", "reportlab-canvas-c5")
def danish_schedules(m: Maker) -> None:
    for k in range(4):
        name = f"da-indkoeb-{k}"
        o = m.order(name, "da", 2 + k % 2, lambda r: f"IO-{r.randrange(30000, 39999)}", k=k)
        r = m.r(name)
        plans = []
        for ln in o.lines:  # two or three deliveries a fortnight apart, adding up to the line's quantity
            parts = r.choice([2, 3]) if ln.qty >= 50 else 1
            share = (ln.qty / parts).quantize(Decimal(1), "ROUND_DOWN")
            qtys = [share] * (parts - 1) + [ln.qty - share * (parts - 1)]
            plans.append([(later(o.due, 14 * s) if s else o.due, q) for s, q in enumerate(qtys)])
        o.payment = PAY["da"] if k % 2 else None
        schedule_pdf(m.path(f"pdf/{name}.pdf"), o, plans)
        # the first delivery is the order's; the later ones are not lines
        m.add(f"pdf/{name}.pdf", o.golden(), "da", "da-indkoeb-partial-deliveries")


def narrow_code_pdf(path: Path, o: Order) -> None:
    """fpdf2 in Finnish: a product-code column so narrow that each code wraps after its hyphen,
    the rest of the row on the first of the two text lines."""
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(110, 7, o.buyer)
    pdf.cell(0, 7, w["title"], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(110, 5, o.address)
    pdf.cell(0, 5, f"{w['no']} {o.number}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(110, 5, f"Y-tunnus {len(o.buyer)}4{len(o.address)}71-{len(o.person) % 10}")
    pdf.cell(0, 5, f"{w['date']} {d(o, o.ordered)}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(110, 5, f"{w['supplier']}: {SUPPLIER}")
    pdf.cell(0, 5, f"{w['due']} {d(o, o.due)}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    cols = [(10, "C"), (15, "L"), (83, "L"), (20, "R"), (12, "C"), (22, "R"), (24, "R")]
    pdf.set_font("dv", "B", 7.5)
    for (wd, a), label in zip(cols, [heads(o)[0], "Tuote", *heads(o)[2:]]):
        pdf.cell(wd, 6, label, border="B", align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for row in rows_of(o):
        y0 = pdf.get_y()
        x = 12.0
        for (wd, a), cell in zip(cols, row):
            pdf.set_xy(x, y0)
            if cell is row[1]:
                head, _, tail = cell.partition("-")
                pdf.multi_cell(wd, 4, f"{head}-\n{tail}", align="L")
            else:
                pdf.cell(wd, 4, cell, align=a)
            x += wd
        pdf.set_xy(12, y0 + 10)
    pdf.ln(2)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(162, 5.5, label, align="R")
        pdf.cell(24, 5.5, f"{v} €", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.ln(3)
    pdf.cell(0, 5, f"{w['pay']}: {o.payment or '-'} · Viitteemme: {o.person}")
    pdf.output(str(path))


@family("fi-tilaus-code-wrapped-narrow", "fpdf2-multi-cell-narrow")
def finnish_narrow(m: Maker) -> None:
    for k in range(4):
        name = f"fi-tilaus-{k}"
        o = m.order(name, "fi", 2 + (k + 1) % 3, lambda r: f"{r.randrange(4500000, 4599999)}", k=k)
        o.payment = PAY["fi"] if k % 2 == 0 else None
        narrow_code_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "fi", "fi-tilaus-code-wrapped-narrow")


def korean_pdf(path: Path, o: Order) -> None:
    """reportlab canvas in Korean: the buyer's and the supplier's boxes side by side (등록번호,
    상호, 대표자, 주소), the lines, the won total in figures, then a second table of delivery places."""
    w = LAB[o.words]
    p = Page(path, "cjk0", "cjk0", creator="더존 iCUBE")
    p.text(297, 50, w["title"], 18, bold=True, align="center")
    p.text(40, 80, f"{w['no']}: {o.number}", 9)
    p.text(40, 94, f"{w['date']}: {d(o, o.ordered)}", 9)
    p.text(40, 108, f"{w['due']}: {d(o, o.due)}", 9)
    from fresh3_families import grid

    left = [
        ["발주처", ""],
        ["상호", o.buyer],
        ["주소", o.address[:22]],
        ["담당자", o.person],
        ["전화", f"055-{len(o.buyer)}8{len(o.address)}-1140"],
    ]
    right = [
        ["공급처", ""],
        ["상호", SUPPLIER[:24]],
        ["주소", "Dongguan, China"],
        ["담당자", "Sales"],
        ["이메일", SALES],
    ]
    grid(p, 40, 122, [50, 205], "ll", left, size=7.5, height=15)
    grid(p, 300, 122, [50, 205], "ll", right, size=7.5, height=15)
    y = grid(p, 40, 212, [30, 70, 170, 50, 30, 75, 90], "cllrcrr", [heads(o), *rows_of(o)], size=7.5)
    for label, v in sums(o):
        y += 14
        p.text(465, y, label, 8.5, align="right")
        p.text(555, y, f"₩{v}", 8.5, align="right")
    y += 24
    p.text(40, y, "납품장소", 9)
    y = grid(
        p,
        40,
        y + 6,
        [120, 290, 105],
        "lll",
        [["구분", "주소", "인수자"], ["본사 자재창고", o.address[:30], o.person], ["제2공장", "(동일)", "-"]],
        size=7.5,
    )
    p.text(40, y + 24, f"{w['pay']}: {o.payment or '-'}", 8)
    p.save()


@family("ko-balju-boxes-and-place-table", "reportlab-canvas-cjk")
def korean_boxes(m: Maker) -> None:
    for k in range(4):
        name = f"ko-balju-{k}"
        o = m.order(name, "ko", 2 + k % 3, lambda r: f"PO{r.randrange(2611000, 2611999)}-{r.randrange(1, 9):02d}", k=k)
        o.payment = PAY["ko"] if k % 2 else None
        korean_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "ko", "ko-balju-boxes-and-place-table")


def gst_pdf(path: Path, o: Order) -> Decimal:
    """reportlab canvas, Indian English: CGST and SGST at half the rate each, amounts in lakh
    grouping, dates as 18-Nov-26, the total in words; returns the total it prints."""
    p = Page(path, "sans", "bold", creator="Tally.ERP 9")
    half = money(o.net * o.vat / 200, o.currency)
    total = o.net + 2 * half
    p.text(297, 40, "PURCHASE ORDER", 13, bold=True, align="center")
    p.box(40, 50, 515, 70)
    p.text(46, 62, o.buyer, 9, bold=True)
    p.text(46, 74, o.address, 7.5)
    p.text(46, 86, f"GSTIN/UIN: 27AAB{len(o.buyer)}C{len(o.address)}41Z5  State Name: Maharashtra, Code: 27", 7.5)
    p.text(46, 98, f"Mob. 98{len(o.buyer)}0{len(o.address)}2114", 7.5)
    p.text(360, 62, "Voucher No.", 7.5)
    p.text(430, 62, o.number, 8, bold=True)
    p.text(360, 76, "Dated", 7.5)
    p.text(430, 76, day(o.ordered, "d_mon_yy"), 8, bold=True)
    p.text(360, 90, "Due on", 7.5)
    p.text(430, 90, day(o.due, "d_mon_yy"), 8, bold=True)
    p.text(360, 104, "Mode/Terms", 7.5)
    p.text(430, 104, o.payment or "", 7.5)
    p.text(46, 134, f"Supplier (Bill from): {SUPPLIER}", 8)
    xs = [(46, "left"), (66, "left"), (132, "left"), (385, "right"), (392, "left"), (480, "right"), (550, "right")]
    y = 156
    hd = ["Sl", "Part No.", "Description of Goods", "Quantity", "per", "Rate", "Amount"]
    p.row(y, [(x, c, a) for (x, a), c in zip(xs, hd)], 7.5, bold=True)
    p.line(40, y + 4, 555, y + 4)
    for j, ln in enumerate(o.lines, 1):
        y += 16
        cells = [
            str(j),
            ln.code,
            ln.text,
            f"{qty(o, ln.qty)} {ln.unit}",
            ln.unit,
            num(ln.price, "lakh", 2),
            num(ln.amount, "lakh", 2),
        ]
        p.row(y, [(x, c, a) for (x, a), c in zip(xs, cells)], 8)
    y += 10
    p.line(40, y, 555, y)
    for label, v in (
        ("Taxable Value", o.net),
        (f"CGST @ {o.vat / 2}%", half),
        (f"SGST @ {o.vat / 2}%", half),
        ("Total", total),
    ):
        y += 14
        p.text(480, y, label, 8, bold=label == "Total", align="right")
        p.text(550, y, f"₹ {num(v, 'lakh', 2)}", 8, bold=label == "Total", align="right")
    p.text(46, y + 26, f"Amount Chargeable (in words): INR {rupee_words(int(total))} Only", 8)
    p.text(46, y + 50, "E. & O.E.", 7)
    p.text(555, y + 70, f"for {o.buyer}", 8, align="right")
    p.text(555, y + 96, "Authorised Signatory", 8, align="right")
    p.save()
    return total


def rupee_words(v: int) -> str:
    from fresh3_families import in_words

    crore, rest = divmod(v, 10**7)
    lakh, rest = divmod(rest, 10**5)
    parts = [f"{in_words(crore)} Crore"] if crore else []
    parts += [f"{in_words(lakh)} Lakh"] if lakh else []
    parts += [in_words(rest)] if rest else []
    return " ".join(parts).title()


@family("en-in-tally-cgst-sgst", "reportlab-canvas-tally")
def indian_gst(m: Maker) -> None:
    for k in range(4):
        name = f"en-in-tally-po-{k}"
        o = m.order(name, "en-IN", 2 + k % 3, lambda r: f"PO/{r.randrange(100, 999)}/26-27", k=k, words="en")
        o.vat = Decimal(18)
        o.payment = "45 Days" if k % 2 else None
        for ln in o.lines:
            ln.unit = "Nos"
        total = gst_pdf(m.path(f"pdf/{name}.pdf"), o)
        golden = o.golden()
        golden["order"]["total"] = str(total)  # CGST and SGST rounded each
        m.add(f"pdf/{name}.pdf", golden, "en", "en-in-tally-cgst-sgst")


def template_rows_pdf(path: Path, o: Order, rows: int) -> None:
    """fpdf2 in Kazakh: a printed form of ``rows`` numbered rows, the order filling the first few;
    the rest stay empty but for their numbers."""
    w = LAB[o.words]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "", 7.5)
    pdf.cell(0, 4, "Нысан З-2 · Бекітілген 2024 ж.", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 8, f"{w['title']} {w['no']} {o.number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    pdf.cell(0, 5, d(o, o.ordered), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for label, value in (
        (w["buyer"], f"{o.buyer}, {o.address}"),
        ("БСН", f"0{len(o.buyer)}0440{len(o.address)}117"),
        (w["supplier"], SUPPLIER),
        (w["due"], d(o, o.due)),
        (w["pay"], o.payment or "-"),
    ):
        pdf.cell(40, 5, f"{label}:")
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    cols = [(10, "C"), (26, "L"), (70, "L"), (18, "R"), (16, "C"), (22, "R"), (24, "R")]
    pdf.set_font("dv", "B", 7.5)
    for (wd, _), label in zip(cols, heads(o)):
        pdf.cell(wd, 7, label, border=1, align="C")
    pdf.ln()
    pdf.set_font("dv", "", 8)
    filled = rows_of(o)
    for j in range(rows):
        cells = filled[j] if j < len(filled) else [str(j + 1), "", "", "", "", "", ""]
        for (wd, a), cell in zip(cols, cells):
            pdf.cell(wd, 6, cell, border=1, align=a)
        pdf.ln()
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(162, 6, label, border=1, align="R")
        pdf.cell(24, 6, v, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.ln(3)
    pdf.cell(0, 5, f"Валюта: теңге (KZT).  Жауапты: {o.person} ________   М.О.")
    pdf.output(str(path))


@family("kk-tapsyrys-empty-template-rows", "fpdf2-printed-form")
def kazakh_template(m: Maker) -> None:
    for k in range(4):
        name = f"kk-tapsyrys-{k}"
        o = m.order(name, "kk", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}", k=k)
        o.payment = PAY["kk"] if k % 2 == 0 else None
        template_rows_pdf(m.path(f"pdf/{name}.pdf"), o, 12 + 3 * (k % 2))
        m.add(f"pdf/{name}.pdf", o.golden(), "kk", "kk-tapsyrys-empty-template-rows")


# ----------------------------------------------------------------------------- Word, OpenDocument, LibreOffice


def _cell_text(cell: Any, text: str, *, bold: bool = False, size: float = 9, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def docx_form(
    path: Path,
    o: Order,
    *,
    blank_rows: int = 0,
    terms: list[str] | None = None,
    header: bool = False,
    letter: str = "",
    symbol: str = "",
) -> None:
    """python-docx: the head as a two-column table of labels and values (or, with ``header``, the
    number and date in the page header), the lines in a grid table with ``blank_rows`` empty rows
    left for more, the sums, then ``terms`` paragraphs; ``letter`` a salutation before the table."""
    import docx
    from docx.shared import Pt

    w = LAB[o.words]
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(9)
    if header:
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = f"{o.buyer}\t\t{w['no']} {o.number} · {w['date']} {d(o, o.ordered)}"
    doc.add_heading(w["title"], level=1)
    fields = [(w["buyer"], o.buyer), ("", o.address)]
    if not header:
        fields += [(w["no"], o.number), (w["date"], d(o, o.ordered))]
    fields += [(w["due"], d(o, o.due)), (w["supplier"], SUPPLIER), (w["pay"], o.payment or "-")]
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for label, value in fields:
        cells = t.add_row().cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], value)
    if letter:
        doc.add_paragraph("")
        for para in letter.split("\n"):
            doc.add_paragraph(para)
    doc.add_paragraph("")
    lines = doc.add_table(rows=1, cols=7)
    lines.style = "Table Grid"
    for cell, label in zip(lines.rows[0].cells, heads(o)):
        _cell_text(cell, label, bold=True, size=8)
    for row in rows_of(o):
        cells = lines.add_row().cells
        for j, (cell, value) in enumerate(zip(cells, row)):
            _cell_text(cell, value, size=8, right=j in (3, 5, 6))
    for _ in range(blank_rows):
        lines.add_row()
    for label, v in sums(o):
        cells = lines.add_row().cells
        merged = cells[0].merge(cells[5])
        _cell_text(merged, label, bold=True, size=8, right=True)
        _cell_text(cells[6], f"{symbol}{v}", bold=True, size=8, right=True)
    for para in terms or []:
        doc.add_paragraph(para)
    doc.add_paragraph(f"{o.person} · {o.mail}")
    docx_save(doc, path, o.person)


@family("ca-comanda-docx-form-blank-rows", "python-docx-form")
def catalan_docx(m: Maker) -> None:
    for k in range(4):
        name = f"ca-comanda-docx-{k}"
        o = m.order(name, "ca", 2 + k % 3, lambda r: f"COM-{r.randrange(2600, 2699)}-{r.randrange(100, 999)}", k=k + 1)
        o.payment = PAY["ca"] if k % 2 else None
        docx_form(m.path(f"docx/{name}.docx"), o, blank_rows=6 + k, symbol="€ ")
        m.add(f"docx/{name}.docx", o.golden(), "ca", "ca-comanda-docx-form-blank-rows")


FIL_LETTER = (
    "Magandang araw po!\n"
    "Narito po ang aming Purchase Order para sa mga sumusunod na items. Paki-confirm po ang "
    "delivery date at paki-send ang proforma invoice bago mag-ship."
)
FIL_TERMS = [
    "Mga Tuntunin:",
    "1. Ang delivery ay dapat sa loob ng 45 araw mula sa petsa ng PO.",
    "2. Isama ang PO number sa lahat ng invoice at delivery receipt.",
    "3. 2% na multa bawat linggo ng pagkaantala, hanggang 10%.",
]


@family("fil-po-docx-letter-terms", "python-docx-letter")
def filipino_docx(m: Maker) -> None:
    for k in range(4):
        name = f"fil-po-docx-{k}"
        o = m.order(name, "fil", 2 + (k + 1) % 3, lambda r: f"BLF-PO-{r.randrange(26000, 26999)}", k=k)
        o.payment = PAY["fil"] if k % 2 == 0 else None
        docx_form(m.path(f"docx/{name}.docx"), o, letter=FIL_LETTER, terms=FIL_TERMS, symbol="₱")
        m.add(f"docx/{name}.docx", o.golden(), "fil", "fil-po-docx-letter-terms")


@family("en-ke-docx-number-in-page-header", "python-docx-header")
def kenyan_docx(m: Maker) -> None:
    for k in range(4):
        name = f"en-ke-lpo-{k}"
        o = m.order(name, "en-KE", 2 + k % 3, lambda r: f"LPO{r.randrange(5000, 9999)}", k=k, words="en")
        o.vat = Decimal(16)
        o.payment = PAY["en"] if k % 2 else None
        docx_form(m.path(f"docx/{name}.docx"), o, header=True, symbol="KES ")
        m.add(f"docx/{name}.docx", o.golden(), "en", "en-ke-docx-number-in-page-header")


@family("da-indkoeb-docx-printed", "python-docx+libreoffice")
def danish_printed(m: Maker) -> None:
    for k in range(4):
        name = f"f4-da-docx-print-{k}"
        o = m.order(name, "da", 2 + k % 3, lambda r: f"{r.randrange(200000, 299999)}", k=k + 1)
        o.payment = PAY["da"] if k != 1 else None
        src = m.work / f"{name}.docx"
        docx_form(src, o, blank_rows=2, symbol="kr. ")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "da", "da-indkoeb-docx-printed")


@family("sq-porosi-docx-saved-as-odt", "python-docx+libreoffice-odt")
def albanian_odt(m: Maker) -> None:
    for k in range(4):
        name = f"f4-sq-odt-{k}"
        o = m.order(name, "sq", 2 + (k + 2) % 3, lambda r: f"POR-{r.randrange(10000, 99999)}", k=k + 1)
        o.payment = PAY["sq"] if k % 2 else None
        src = m.work / f"{name}.docx"
        docx_form(src, o, header=k % 2 == 1, symbol="ALL ")
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "sq", "sq-porosi-docx-saved-as-odt")


def fodt_ro(o: Order) -> str:
    """A flat ODT in Romanian: the head as two side-by-side tables (the buyer's and ours), the
    lines, the sums in a table of their own, the signatures."""
    w = LAB[o.words]

    def p(text: str, style: str = "P") -> str:
        return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

    def table(name: str, rows: list[list[str]]) -> str:
        cols = max(len(r) for r in rows)
        return (
            f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{cols}"/>'
            + "".join(
                "<table:table-row>"
                + "".join(f'<table:table-cell office:value-type="string">{p(c)}</table:table-cell>' for c in r)
                + "</table:table-row>"
                for r in rows
            )
            + "</table:table>"
        )

    body = "".join(
        [
            table(
                "Parti",
                [
                    [f"{w['buyer']}: {o.buyer}", f"{w['supplier']}: {SUPPLIER}"],
                    [o.address, SUPPLIER_ADDR],
                    [f"CIF RO{len(o.buyer)}77{len(o.address)}1", "Tel. +86 769 8888 0000"],
                ],
            ),
            p(""),
            p(w["title"], "T"),
            p(f"Nr. {o.number} / {d(o, o.ordered)}", "C"),
            p(""),
            p(f"{w['due']}: {day(o.due, 'ro_long')}"),
            p(f"{w['pay']}: {o.payment or '-'}"),
            p(""),
            table("Linii", [heads(o), *rows_of(o)]),
            p(""),
            table("Totaluri", [[label, f"{v} lei"] for label, v in sums(o)]),
            p(""),
            p(f"Aprobat: {o.person}"),
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
        '<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/>'
        "</style:style>"
        '<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="10pt"/></style:style>'
        '<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>'
        "</office:styles><office:body><office:text>" + body + "</office:text></office:body></office:document>"
    )


@family("ro-comanda-fodt-printed", "flat-odt+libreoffice")
def romanian_fodt(m: Maker) -> None:
    for k in range(4):
        name = f"f4-ro-fodt-{k}"
        o = m.order(name, "ro", 2 + k % 3, lambda r: f"CMD{r.randrange(10000, 99999)}", k=k + 1)
        o.payment = PAY["ro"] if k % 2 else None
        src = m.work / f"{name}.fodt"
        src.write_text(fodt_ro(o), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "ro", "ro-comanda-fodt-printed")


def fods_ca(o: Order) -> str:
    """A flat ODS in Catalan as a person lays one out: the head in column A with its values in D,
    the numbers as real numbers formatted by the sheet, the lines under them."""
    w = LAB[o.words]

    def cell(v: Any, fmt: str = "") -> str:
        if isinstance(v, Decimal):
            style = f' table:style-name="{fmt}"' if fmt else ""
            return f'<table:table-cell{style} office:value-type="float" office:value="{v}"/>'
        if v == "":
            return "<table:table-cell/>"
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

    rows: list[list[Any]] = [
        [o.buyer],
        [o.address],
        [],
        [w["title"], "", "", "", o.number],
        [w["date"], "", "", "", d(o, o.ordered)],
        [w["due"], "", "", "", d(o, o.due)],
        [w["supplier"], "", "", "", SUPPLIER],
        [w["pay"], "", "", "", o.payment or "-"],
        ["Moneda", "", "", "", "EUR"],
        [],
        heads(o),
    ]
    for j, ln in enumerate(o.lines, 1):
        rows.append([Decimal(j), ln.code, ln.text, ln.qty, ln.unit, ln.price, ln.amount])
    rows.append([])
    for (label, _), v in zip(sums(o), (o.net, o.tax, o.gross)):
        rows.append(["", "", "", "", label, "", v])  # the label runs on over the empty cell beside it
    body = "".join(
        "<table:table-row>"
        + "".join(cell(v, "money" if j == 6 else "") for j, v in enumerate(r))
        + "</table:table-row>"
        for r in rows
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        '<office:styles><style:default-style style:family="table-cell"><style:text-properties fo:font-size="8pt"/>'
        "</style:default-style></office:styles>"
        '<office:automatic-styles><number:number-style style:name="N2"><number:number number:decimal-places="2" '
        'number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
        '<style:style style:name="money" style:family="table-cell" style:data-style-name="N2"/>'
        + "".join(
            f'<style:style style:name="co{j}" style:family="table-column"><style:table-column-properties '
            f'style:column-width="{wd}in"/></style:style>'
            for j, wd in enumerate(("0.35", "0.9", "2.4", "0.55", "0.4", "0.95", "0.95"))
        )
        + "</office:automatic-styles>"
        '<office:body><office:spreadsheet><table:table table:name="Comanda">'
        + "".join(f'<table:table-column table:style-name="co{j}"/>' for j in range(7))
        + body
        + "</table:table></office:spreadsheet></office:body></office:document>"
    )


@family("ca-comanda-fods-printed", "flat-ods+libreoffice")
def catalan_fods(m: Maker) -> None:
    for k in range(4):
        name = f"f4-ca-fods-{k}"
        o = m.order(name, "ca", 2 + (k + 1) % 3, lambda r: f"{r.randrange(2026100, 2026999)}", k=k)
        o.payment = PAY["ca"] if k % 2 == 0 else None
        src = m.work / f"{name}.fods"
        src.write_text(fods_ca(o), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "ca", "ca-comanda-fods-printed")


def html_fi(o: Order) -> str:
    """A web ERP's order page in Finnish (definition list head, a table of lines, a sums table)."""
    w = LAB[o.words]
    head = "".join(
        f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>"
        for a, b in (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due)),
            (w["buyer"], o.buyer),
            ("Osoite", o.address),
            (w["supplier"], SUPPLIER),
            (w["pay"], o.payment or "-"),
        )
    )
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows_of(o))
    th = "".join(f"<th>{escape(c)}</th>" for c in heads(o))
    sm = "".join(f"<tr><th>{escape(a)}</th><td>{b} €</td></tr>" for a, b in sums(o))
    return (
        f'<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>{w["title"]} {o.number}</title></head>'
        f"<body><h1>{w['title']}</h1><dl>{head}</dl>"
        f'<table border="1" cellpadding="3"><thead><tr>{th}</tr></thead><tbody>{rows}</tbody></table>'
        f'<table align="right">{sm}</table><p>Yhteyshenkilö: {escape(o.person)}</p></body></html>'
    )


@family("fi-tilaus-html-printed", "html+libreoffice")
def finnish_html(m: Maker) -> None:
    for k in range(4):
        name = f"f4-fi-html-{k}"
        o = m.order(name, "fi", 2 + k % 3, lambda r: f"TIL-{r.randrange(100000, 999999)}", k=k + 1)
        o.payment = PAY["fi"] if k % 2 else None
        src = m.work / f"{name}.html"
        src.write_text(html_fi(o), encoding="utf-8")
        m.convert(
            src, "pdf", f"pdf/{name}.pdf", o.golden(), "fi", "fi-tilaus-html-printed", "--infilter=HTML (StarWriter)"
        )


# ----------------------------------------------------------------------------- workbooks typed by hand


def _thin() -> Any:
    from openpyxl.styles import Border, Side

    s = Side(style="thin")
    return Border(left=s, right=s, top=s, bottom=s)


def stacked_xlsx(path: Path, o: Order, *, blank_rows: int, symbol: str, author: str) -> None:
    """openpyxl: a merged title, the head stacked in column A with each value merged over C:E (B
    left empty), then the lines in a bordered block with ``blank_rows`` empty rows left for more,
    numbers as numbers with the sheet's formats; the sums under the empty rows."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    w = LAB[o.words]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = w["title"][:30].title()
    ws.merge_cells("A1:G1")
    ws["A1"] = w["title"]
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    r = 3
    for label, value in (
        (w["buyer"], o.buyer),
        ("", o.address),
        (w["no"], o.number),
        (w["date"], d(o, o.ordered)),
        (w["due"], d(o, o.due)),
        (w["supplier"], SUPPLIER),
        (w["pay"], o.payment or "-"),
        ({"af": "Geldeenheid", "pt": "Moeda"}.get(o.words, "Currency"), o.currency),
    ):
        ws.cell(r, 1, label).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=5)
        ws.cell(r, 3, value)
        r += 1
    r += 1
    fill = PatternFill("solid", fgColor="D9E1F2")
    for c, label in enumerate(heads(o), 1):
        cell = ws.cell(r, c, label)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, _thin()
    for j, ln in enumerate(o.lines, 1):
        r += 1
        for c, v in enumerate([j, ln.code, ln.text, ln.qty, ln.unit, ln.price, ln.amount], 1):
            cell = ws.cell(r, c, v)
            cell.border = _thin()
            if c == 7:  # the price as typed (it may have three or four decimals), the amount formatted
                cell.number_format = f'"{symbol}" #,##0.00' if o.currency not in WHOLE else "#,##0"
    for _ in range(blank_rows):
        r += 1
        for c in range(1, 8):
            ws.cell(r, c).border = _thin()
    for (label, _), v in zip(sums(o), (o.net, o.tax, o.gross)):
        r += 1
        ws.cell(r, 6, label).font = Font(bold=True)
        cell = ws.cell(r, 7, v)
        cell.number_format = f'"{symbol}" #,##0.00' if o.currency not in WHOLE else "#,##0"
    for col, width in zip("ABCDEFG", (14, 14, 38, 10, 8, 16, 18)):
        ws.column_dimensions[col].width = width
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # printed: one page wide
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    xlsx_save(wb, path, author)


@family("af-bestelling-xlsx-stacked-head", "openpyxl-by-hand")
def afrikaans_xlsx(m: Maker) -> None:
    for k in range(4):
        name = f"af-bestelling-xlsx-{k}"
        o = m.order(name, "af", 2 + k % 3, lambda r: f"KS-{r.randrange(2600, 2699)}{r.choice('ABC')}", k=k + 1)
        o.payment = PAY["af"] if k % 2 else None
        stacked_xlsx(m.path(f"xlsx/{name}.xlsx"), o, blank_rows=8, symbol="R", author=o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "af", "af-bestelling-xlsx-stacked-head")


@family("pt-encomenda-xlsx-printed", "openpyxl+libreoffice")
def portuguese_xlsx_printed(m: Maker) -> None:
    for k in range(4):
        name = f"f4-pt-xlsx-print-{k}"
        o = m.order(
            name, "pt", 2 + (k + 2) % 3, lambda r: f"ENC/{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=k + 1
        )
        o.payment = PAY["pt"] if k % 2 == 0 else None
        src = m.work / f"{name}.xlsx"
        stacked_xlsx(src, o, blank_rows=3, symbol="€", author=o.person)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "pt", "pt-encomenda-xlsx-printed")


SW_OLD = ["LPO/0917/25", "LPO/1123/25", "LPO/0088/26"]


@family("sw-agizo-xlsx-second-sheet-archive", "openpyxl-three-sheets")
def swahili_xlsx(m: Maker) -> None:
    """openpyxl: a first sheet of instructions, the order on the second, and a hidden third sheet
    of earlier orders (their numbers, dates and goods) kept by the buyer's clerk."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"sw-agizo-xlsx-{k}"
        o = m.order(name, "sw", 2 + k % 3, lambda r: f"LPO/{r.randrange(2000, 2999)}/26", k=k + 1)
        o.payment = PAY["sw"] if k % 2 == 0 else None
        w = LAB[o.words]
        wb = openpyxl.Workbook()
        info = wb.active
        info.title = "Maelekezo"
        for i, text in enumerate(
            [
                "Jinsi ya kujaza agizo hili:",
                "1. Jaza namba ya bidhaa na idadi kwenye karatasi 'Agizo'.",
                "2. Bei ziwe bila VAT; VAT ya 18% huongezwa kwenye jumla.",
                "3. Tuma kwa barua pepe kwa msambazaji na nakala kwa idara ya fedha.",
            ],
            1,
        ):
            info.cell(i, 1, text)
        ws = wb.create_sheet("Agizo")
        ws["A1"] = w["title"]
        ws["A1"].font = Font(size=14, bold=True)
        rows = [
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["due"], d(o, o.due)),
            (w["buyer"], o.buyer),
            ("Anwani", o.address),
            (w["supplier"], SUPPLIER),
            (w["pay"], o.payment or "-"),
            ("Sarafu", "TZS"),
        ]
        for i, (label, value) in enumerate(rows, 3):
            ws.cell(i, 1, label).font = Font(bold=True)
            ws.cell(i, 2, value)
        r = 3 + len(rows) + 1
        for c, label in enumerate(heads(o), 1):
            ws.cell(r, c, label).font = Font(bold=True)
        for j, ln in enumerate(o.lines, 1):
            r += 1
            for c, v in enumerate([j, ln.code, ln.text, ln.qty, ln.unit, ln.price, ln.amount], 1):
                ws.cell(r, c, v).number_format = "#,##0"
        r += 1
        for (label, _), v in zip(sums(o), (o.net, o.tax, o.gross)):
            r += 1
            ws.cell(r, 6, label).font = Font(bold=True)
            ws.cell(r, 7, v).number_format = "#,##0"
        old = wb.create_sheet("Kumbukumbu")
        old.sheet_state = "hidden"
        old.append([w["no"], w["date"], w["item"], w["desc"], w["qty"], w["price"]])
        rr = m.r(name)
        for number in SW_OLD:
            stem, base, texts = rr.choice(GOODS)
            old.append(
                [
                    number,
                    f"{rr.randrange(13, 28)}/0{rr.randrange(1, 9)}/2025",
                    f"{stem}{rr.randrange(10, 99)}-0000",
                    texts["en"],
                    rr.choice([10, 50, 100]),
                    int(Decimal(base) * 2650),
                ]
            )
        wb.active = 1
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "sw", "sw-agizo-xlsx-second-sheet-archive")


@family("ko-balju-xlsx-two-blocks", "openpyxl-side-by-side")
def korean_xlsx(m: Maker) -> None:
    """openpyxl in Korean: the buyer's block in A:C and the supplier's in E:G on the same rows
    (label, value), the order's number and dates in a merged band over them, then the lines."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    for k in range(4):
        name = f"ko-balju-xlsx-{k}"
        o = m.order(
            name, "ko", 2 + (k + 2) % 3, lambda r: f"HB-{r.randrange(26110, 26120)}-{r.randrange(100, 999)}", k=k + 1
        )
        o.payment = PAY["ko"] if k % 2 == 0 else None
        w = LAB[o.words]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "발주서"
        ws.merge_cells("A1:G1")
        ws["A1"] = w["title"]
        ws["A1"].font = Font(size=18, bold=True)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.merge_cells("A3:G3")
        ws["A3"] = f"{w['no']}: {o.number}    {w['date']}: {d(o, o.ordered)}    {w['due']}: {d(o, o.due)}    (KRW)"
        left = [
            ("발주처", o.buyer),
            ("주소", o.address),
            ("담당자", o.person),
            ("전화", "052-{0}7-{1}30".format(len(o.buyer), len(o.address))),
        ]
        right = [("공급처", SUPPLIER), ("주소", "Dongguan, China"), ("담당", "Sales"), ("이메일", SALES)]
        for i, ((a, b), (c, e)) in enumerate(zip(left, right), 5):
            ws.cell(i, 1, a).font = Font(bold=True)
            ws.cell(i, 2, b)
            ws.cell(i, 5, c).font = Font(bold=True)
            ws.cell(i, 6, e)
        r = 10
        for c, label in enumerate(heads(o), 1):
            ws.cell(r, c, label).font = Font(bold=True)
        for j, ln in enumerate(o.lines, 1):
            r += 1
            for c, v in enumerate([j, ln.code, ln.text, ln.qty, ln.unit, ln.price, ln.amount], 1):
                ws.cell(r, c, v).number_format = "#,##0"
        for (label, _), v in zip(sums(o), (o.net, o.tax, o.gross)):
            r += 1
            ws.cell(r, 6, label).font = Font(bold=True)
            ws.cell(r, 7, v).number_format = "₩#,##0"
        ws.cell(r + 2, 1, f"{w['pay']}: {o.payment or '-'}")
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ko", "ko-balju-xlsx-two-blocks")


@family("is-pontun-xlsx-numbers-as-text", "openpyxl-text-cells")
def icelandic_xlsx(m: Maker) -> None:
    """openpyxl in Icelandic: every cell typed as text, as a clerk copies figures from a web
    page ("1.200", "4.227 kr."), the head as "label:" cells with the value two columns on."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"is-pontun-xlsx-{k}"
        o = m.order(name, "is", 2 + k % 3, lambda r: f"{r.randrange(11000, 11999)}-26", k=k + 1)
        o.payment = PAY["is"] if k % 2 else None
        w = LAB[o.words]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Pöntun"
        ws["A1"] = o.buyer
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = o.address
        ws["E1"] = w["title"]
        ws["E1"].font = Font(bold=True, size=13)
        for i, (label, value) in enumerate(
            (
                (w["no"], o.number),
                (w["date"], d(o, o.ordered)),
                (w["due"], d(o, o.due)),
                (w["supplier"], SUPPLIER),
                (w["pay"], o.payment or "-"),
            ),
            4,
        ):
            ws.cell(i, 1, f"{label}:")
            ws.cell(i, 3, value)
        r = 10
        for c, label in enumerate(heads(o), 1):
            ws.cell(r, c, label).font = Font(bold=True)
        for row in rows_of(o):
            r += 1
            for c, v in enumerate(row, 1):
                ws.cell(r, c, f"{v} kr." if c >= 6 else v)
        r += 1
        for label, v in sums(o):
            r += 1
            ws.cell(r, 6, label)
            ws.cell(r, 7, f"{v} kr.")
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "is", "is-pontun-xlsx-numbers-as-text")


# ----------------------------------------------------------------------------- text exports


@family("da-ordre-csv-semicolon-cp1252", "erp-csv-windows-1252")
def danish_csv(m: Maker) -> None:
    """An ERP's export in Windows-1252: the head as "key;value" rows, an empty row, then the lines
    with a header row; decimal commas, dates day.month.year."""
    for k in range(4):
        name = f"da-ordre-csv-{k}"
        o = m.order(name, "da", 2 + (k + 1) % 4, lambda r: f"{r.randrange(70000, 79999)}", k=k)
        o.payment = PAY["da"] if k % 2 == 0 else None
        w = LAB[o.words]
        buf = io.StringIO()
        out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        for label, value in (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["buyer"], o.buyer),
            ("Adresse", o.address),
            (w["supplier"], SUPPLIER),
            (w["due"], d(o, o.due)),
            ("Valuta", "DKK"),
            (w["pay"], o.payment or ""),
        ):
            out.writerow([label, value])
        out.writerow([])
        out.writerow(heads(o))
        for row in rows_of(o):
            out.writerow(
                [
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    num(Decimal(row[5].replace(".", "").replace(",", ".")), "comma_plain"),
                    num(Decimal(row[6].replace(".", "").replace(",", ".")), "comma_plain"),
                ]
            )
        out.writerow([])
        for (label, _), v in zip(sums(o), (o.net, o.tax, o.gross)):
            out.writerow(["", "", "", "", "", label, num(v, "comma_plain")])
        m.path(f"csv/{name}.csv").write_bytes(buf.getvalue().encode("cp1252"))
        m.add(f"csv/{name}.csv", o.golden(), "da", "da-ordre-csv-semicolon-cp1252")


@family("fi-tilaus-tsv-flat-rows", "erp-tsv-flat")
def finnish_tsv(m: Maker) -> None:
    """A flat tab-separated export (.txt, UTF-8 with a byte-order mark): every row repeats the
    order's number, dates and buyer beside one line's figures; no sums."""
    for k in range(4):
        name = f"fi-tilaus-tsv-{k}"
        o = m.order(name, "fi", 2 + k % 4, lambda r: f"PO{r.randrange(880000, 889999)}", k=k + 1)
        head = [
            "Tilausnro",
            "Tilauspvm",
            "Toimituspvm",
            "Tilaaja",
            "Rivi",
            "Tuote",
            "Nimike",
            "Määrä",
            "Yksikkö",
            "Hinta",
            "Summa",
            "Valuutta",
        ]
        rows = ["\t".join(head)]
        for j, ln in enumerate(o.lines, 1):
            rows.append(
                "\t".join(
                    [
                        o.number,
                        day(o.ordered, "iso"),
                        day(o.due, "iso"),
                        o.buyer,
                        str(j * 10),
                        ln.code,
                        ln.text,
                        str(ln.qty),
                        ln.unit,
                        num(ln.price, "comma_plain"),
                        num(ln.amount, "comma_plain"),
                        "EUR",
                    ]
                )
            )
        m.path(f"txt/{name}.txt").write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
        m.add(f"txt/{name}.txt", o.golden(total=False), "fi", "fi-tilaus-tsv-flat-rows")


@family("mn-zahialga-csv-quoted-thousands", "csv-quoted-numbers")
def mongolian_csv(m: Maker) -> None:
    """A comma-separated file in Mongolian (UTF-8) whose numbers keep their thousands commas inside
    quotes ("1,200", "87,470"); the head as rows of label and value above the lines."""
    for k in range(4):
        name = f"mn-zahialga-csv-{k}"
        o = m.order(name, "mn", 2 + (k + 2) % 3, lambda r: f"З-{r.randrange(26000, 26999)}", k=k + 1)
        o.payment = PAY["mn"] if k % 2 else None
        w = LAB[o.words]
        buf = io.StringIO()
        out = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        out.writerow([w["title"]])
        for label, value in (
            (w["no"], o.number),
            (w["date"], d(o, o.ordered)),
            (w["buyer"], o.buyer),
            (w["supplier"], SUPPLIER),
            (w["due"], d(o, o.due)),
            (w["pay"], o.payment or ""),
            ("Валют", "MNT"),
        ):
            out.writerow([label, value])
        out.writerow([])
        out.writerow(heads(o))
        for row in rows_of(o):
            out.writerow(row)
        for label, v in sums(o):
            out.writerow(["", "", "", "", "", label, v])
        m.path(f"csv/{name}.csv").write_bytes(buf.getvalue().encode("utf-8"))
        m.add(f"csv/{name}.csv", o.golden(), "mn", "mn-zahialga-csv-quoted-thousands")


# ----------------------------------------------------------------------------- mail bodies


def _mailer(o: Order, name: str, subject: str, **kw: Any) -> Any:
    return message(sender=(o.person, o.mail), subject=subject, key=f"f4-{name}", sent=sent_on(o.ordered), **kw)


@family("ko-balju-apple-mail", "email-apple-mail")
def korean_apple(m: Maker) -> None:
    """Apple Mail's HTML: one div a line, the order lines as "품번 품명 — 수량 × 단가 = 금액"."""
    for k in range(4):
        name = f"ko-apple-{k}"
        o = m.order(name, "ko", 2 + k % 3, lambda r: f"DH{r.randrange(261100, 261199)}", k=k + 1)
        w = LAB[o.words]
        lines = [
            f"{ln.code} {ln.text} — {qty(o, ln.qty)} {ln.unit} × ₩{n(o, ln.price)} = ₩{n(o, ln.amount)}"
            for ln in o.lines
        ]
        text = [
            "안녕하세요, 동해기계산업 구매팀입니다." if k % 2 == 0 else "안녕하세요.",
            "",
            f"아래와 같이 발주합니다. ({w['no']}: {o.number}, {w['date']}: {d(o, o.ordered)})",
            "",
            *lines,
            "",
            f"{w['net']}: ₩{n(o, o.net)} / {w['vat']}: ₩{n(o, o.tax)} / {w['total']}: ₩{n(o, o.gross)}",
            f"{w['due']}: {d(o, o.due)}까지 입고 부탁드립니다.",
            "",
            "감사합니다.",
            f"{o.person} 드림",
            o.buyer,
        ]
        divs = "".join(f"<div>{escape(t) if t else '<br>'}</div>" for t in text)
        html = (
            '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            f'<div dir="auto">{divs}</div></body></html>'
        )
        msg = _mailer(
            o,
            name,
            f"발주서 송부 - {o.number}",
            text="\n".join(text),
            html=html,
            headers={"X-Mailer": "Apple Mail (2.3826.300.87.4.3)"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ko", "ko-balju-apple-mail")


@family("fil-order-gmail-sheets-paste", "email-gmail-html")
def filipino_gmail(m: Maker) -> None:
    """Gmail: a Taglish message in ``<div dir="ltr">`` with a table pasted from Google Sheets
    (``data-sheets-value`` cells), and the plain alternative with tabs."""
    for k in range(4):
        name = f"fil-gmail-{k}"
        o = m.order(
            name, "fil", 2 + (k + 1) % 3, lambda r: f"PO-{r.randrange(2600, 2699)}-{r.randrange(100, 999)}", k=k + 1
        )
        cells = [heads(o), *rows_of(o)]
        trs = "".join(
            '<tr style="height:21px">'
            + "".join(
                f'<td style="border:1px solid #ccc;padding:2px 3px" data-sheets-value="{escape(c)}">{escape(c)}</td>'
                for c in r
            )
            + "</tr>"
            for r in cells
        )
        intro = (
            f"Hi po! Pa-order po kami ng mga sumusunod. PO {o.number}, petsa {d(o, o.ordered)}. "
            f"Kailangan po namin by {d(o, o.due)}."
        )
        outro = f"Kabuuan: ₱{n(o, o.gross)} (kasama na ang VAT 12%). Salamat po!"
        html = (
            f'<div dir="ltr"><div>{escape(intro)}</div><br><google-sheets-html-origin>'
            f'<table cellspacing="0" cellpadding="0" dir="ltr" border="1" '
            f'style="table-layout:fixed;font-size:10pt;font-family:Arial;border-collapse:collapse;border:none">'
            f"<tbody>{trs}</tbody></table></google-sheets-html-origin><br><div>{escape(outro)}</div><br>"
            f'<div>-- <br><div dir="ltr" class="gmail_signature">{escape(o.person)}<br>Purchasing<br>'
            f"{escape(o.buyer)}</div></div></div>"
        )
        text = "\n".join(
            [intro, "", *("\t".join(r) for r in cells), "", outro, "", "-- ", o.person, "Purchasing", o.buyer]
        )
        msg = _mailer(o, name, f"PO {o.number} - {o.buyer}", text=text, html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "fil", "fil-order-gmail-sheets-paste")


@family("hi-kray-adesh-text-mail", "email-plain-hindi")
def hindi_mail(m: Maker) -> None:
    """Plain text in Hindi: numbered lines in a sentence each, rupees in lakh grouping."""
    for k in range(4):
        name = f"hi-kray-adesh-{k}"
        o = m.order(name, "hi", 2 + k % 3, lambda r: f"GH/PO/{r.randrange(1000, 9999)}", k=k)
        w = LAB[o.words]
        lines = [
            f"{j}) {ln.code} — {ln.text} — {w['qty']} {qty(o, ln.qty)} {ln.unit} — {w['price']} "
            f"₹{n(o, ln.price, 2)} — {w['amount']} ₹{n(o, ln.amount, 2)}"
            for j, ln in enumerate(o.lines, 1)
        ]
        text = "\n".join(
            [
                "नमस्ते,",
                "",
                f"कृपया निम्नलिखित सामग्री की आपूर्ति करें। {w['no']}: {o.number}, {w['date']}: {d(o, o.ordered)}",
                "",
                *lines,
                "",
                f"{w['net']}: ₹{n(o, o.net, 2)}",
                f"{w['vat']} {o.vat}%: ₹{n(o, o.tax, 2)}",
                f"{w['total']}: ₹{n(o, o.gross, 2)}",
                "",
                f"{w['due']}: {d(o, o.due)}",
                f"{w['pay']}: {PAY['hi']}",
                "",
                "धन्यवाद,",
                o.person,
                o.buyer,
                o.address,
            ]
        )
        o.payment = PAY["hi"]
        msg = _mailer(o, name, f"क्रय आदेश {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "hi", "hi-kray-adesh-text-mail")


@family("ca-comanda-thunderbird-reply", "email-thunderbird-flowed")
def catalan_reply(m: Maker) -> None:
    """Thunderbird, format=flowed: the order written above the quoted quotation it accepts, with
    other quantities and prices in the quote ("> ")."""
    for k in range(4):
        name = f"ca-thunderbird-{k}"
        o = m.order(name, "ca", 2 + k % 3, lambda r: f"C-{r.randrange(26000, 26999)}", k=k)
        w = LAB[o.words]
        r = m.r(name)
        lines = [
            f"- {ln.code} {ln.text}: {qty(o, ln.qty)} {ln.unit} a {n(o, ln.price)} € = {n(o, ln.amount)} €"
            for ln in o.lines
        ]
        quoted = [
            f"> {ln.code}  {ln.text}  MOQ {r.choice([100, 500, 1000])}  "
            f"{n(o, (ln.price * Decimal('1.08')).quantize(CENT))} €"
            for ln in o.lines
        ]
        text = "\n".join(
            [
                "Bon dia,",
                "",
                f"D'acord amb la vostra oferta us fem la comanda núm. {o.number} ({day(o.ordered, 'ca_long')}):",
                "",
                *lines,
                "",
                f"{w['net']}: {n(o, o.net)} €",
                f"{w['vat']} {o.vat}%: {n(o, o.tax)} €",
                f"{w['total']}: {n(o, o.gross)} €",
                "",
                f"Lliurament abans del {day(o.due, 'ca_long')}.",
                "",
                "Salutacions,",
                "",
                "-- ",
                o.person,
                o.buyer,
                "",
                f"El {d(o, o.ordered - timedelta(days=3))} a les 10:14, Example Manufacturing Sales ha escrit:",
                "> Benvolguts,",
                ">",
                "> us enviem la nostra oferta Q-" + str(r.randrange(5000, 5999)) + ", vàlida 30 dies:",
                ">",
                *quoted,
                ">",
                "> Termini de lliurament: 6 setmanes.",
            ]
        )
        msg = _mailer(
            o,
            name,
            "Re: Oferta",
            text=text,
            headers={"User-Agent": "Mozilla Thunderbird 128.5.0", "In-Reply-To": f"<q-{name}@example.com>"},
        )
        msg.set_param("format", "flowed")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ca", "ca-comanda-thunderbird-reply")


OUTLOOK_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" '
    'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">'
    '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" '
    'content="Microsoft Word 15 (filtered medium)"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;'
    'font-family:"Calibri",sans-serif;} --></style></head><body lang="{lang}" link="#0563C1" vlink="#954F72" '
    'style="word-wrap:break-word"><div class="WordSection1">'
)


def _mso(text: str) -> str:
    return f'<p class="MsoNormal">{escape(text) if text else "<o:p>&nbsp;</o:p>"}</p>'


def _mso_table(rows: list[list[str]]) -> str:
    trs = "".join(
        "<tr>"
        + "".join(
            f'<td valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">{_mso(c)}</td>'
            for c in r
        )
        + "</tr>"
        for r in rows
    )
    return (
        f'<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        f'style="border-collapse:collapse;border:none">{trs}</table>'
    )


@family("pt-encomenda-outlook-forward", "email-outlook-forward")
def portuguese_forward(m: Maker) -> None:
    """Outlook: a colleague of the buyer forwards the buyer's order ("-----Mensagem original-----"
    style block, "De: / Enviada: / Para: / Assunto:") with a line of his own above it; the lines in a
    Word table in the HTML, tab-separated in the plain text."""
    colleagues = ["Tiago Ferreira", "Marta Sousa", "Hugo Pinto", "Sofia Lopes"]
    for k in range(4):
        name = f"pt-outlook-fw-{k}"
        o = m.order(name, "pt", 2 + k % 3, lambda r: f"EC{r.randrange(260000, 269999)}", k=k + 1)
        o.payment = PAY["pt"] if k % 2 else None
        w = LAB[o.words]
        who = colleagues[k]
        mail_of = f"{who.split()[0].lower()}@{o.mail.split('@')[1]}"
        sent = sent_on(o.ordered)
        top = [
            "Bom dia,",
            "",
            "Reencaminho a encomenda abaixo, que ficou na minha caixa por engano.",
            "Obrigado,",
            who,
            "",
        ]
        fw = [
            f"De: {o.person} <{o.mail}>",
            f"Enviada: {day(o.ordered, 'dmy')} 17:42",
            f"Para: {who} <{mail_of}>",
            f"Assunto: {w['title'].title()} {o.number}",
            "",
            "Caros senhores,",
            "",
            f"Segue a nossa {w['title'].lower()} n.º {o.number} de {d(o, o.ordered)}, a entregar até {d(o, o.due)}:",
            "",
        ]
        tail = [
            "",
            *(f"{a}: {b} €" for a, b in sums(o)),
            f"{w['pay']}: {o.payment or '-'}",
            "",
            "Cumprimentos,",
            o.person,
            o.buyer,
            o.address,
        ]
        rows = [heads(o), *rows_of(o)]
        text = "\n".join([*top, "", *fw, *("\t".join(r) for r in rows), *tail])
        html = (
            OUTLOOK_HEAD.replace("{lang}", "PT")
            + "".join(_mso(t) for t in top)
            + '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            + "".join(_mso(t) for t in fw[:4])
            + "</div>"
            + "".join(_mso(t) for t in fw[4:])
            + _mso_table(rows)
            + "".join(_mso(t) for t in tail)
            + "</div></body></html>"
        )
        msg = message(
            sender=(who, mail_of),
            subject=f"FW: {w['title'].title()} {o.number}",
            key=f"f4-{name}",
            sent=sent,
            text=text,
            html=html,
            headers={"X-Mailer": "Microsoft Outlook 16.0"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "pt", "pt-encomenda-outlook-forward")


@family("ro-comanda-iphone-terse", "email-mobile-iphone")
def romanian_mobile(m: Maker) -> None:
    """A phone: a few terse lines ("20.000 buc GK68-3469 la 1,78 lei/buc"), no amounts, the sum
    without VAT, "Trimis de pe iPhone"."""
    for k in range(4):
        name = f"ro-iphone-{k}"
        o = m.order(name, "ro", 1 + k % 3, lambda r: f"{r.randrange(500, 999)}/{r.randrange(13, 20)}.11", k=k)
        o.vat = Decimal(0)
        lines = [
            f"{qty(o, ln.qty)} {ln.unit} {ln.code} ({ln.text}) la {n(o, ln.price)} lei/{ln.unit}" for ln in o.lines
        ]
        text = "\n".join(
            [
                "Bună ziua,",
                "",
                f"Vă rog comanda nr {o.number} din {d(o, o.ordered)}:",
                *lines,
                f"Total fără TVA {n(o, o.net)} lei.",
                f"Livrare până pe {d(o, o.due)}, la depozitul din {o.address.split(', ')[-1]}.",
                "",
                "Mulțumesc,",
                o.person.split()[0],
                o.buyer,
                "",
                "Trimis de pe iPhone",
            ]
        )
        msg = _mailer(o, name, f"Comanda {o.number}", text=text, headers={"X-Mailer": "iPhone Mail (22B91)"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body", amounts=False), "ro", "ro-comanda-iphone-terse")


@family("en-ie-outlook-html-table", "email-outlook-html")
def irish_outlook(m: Maker) -> None:
    """Outlook's HTML body (MsoNormal paragraphs, a MsoTableGrid table), the reference in the
    subject and the text, a signature with phone numbers and the company's registered number."""
    for k in range(4):
        name = f"en-ie-outlook-{k}"
        o = m.order(name, "en-IE", 2 + (k + 1) % 3, lambda r: f"LC-{r.randrange(30000, 39999)}", k=k + 1, words="en")
        o.payment = PAY["en"] if k % 2 == 0 else None
        w = LAB["en"]
        top = [
            "Hi there,",
            "",
            f"Please supply the following against our order {o.number} dated "
            f"{day(o.ordered, 'ordinal')}, required on site by {day(o.due, 'ordinal')}.",
            "",
        ]
        tail = [
            "",
            *(f"{a}: €{b}" for a, b in sums(o)),
            f"{w['pay']}: {o.payment or 'as agreed'}",
            "",
            "Kind regards,",
            o.person,
            "Procurement",
            o.buyer,
            o.address,
            "T: +353 1 {0}0 {1}55 | M: +353 87 {0}1 {1}99 | Reg. No. 6{0}4{1}".format(len(o.buyer), len(o.address)),
        ]
        rows = [heads(o), *rows_of(o)]
        html = (
            OUTLOOK_HEAD.replace("{lang}", "EN-IE")
            + "".join(_mso(t) for t in top)
            + _mso_table(rows)
            + "".join(_mso(t) for t in tail)
            + "</div></body></html>"
        )
        text = "\n".join([*top, *("\t".join(r) for r in rows), *tail])
        msg = _mailer(
            o,
            name,
            f"Purchase Order {o.number}",
            text=text,
            html=html,
            headers={"X-Mailer": "Microsoft Outlook 16.0", "Thread-Topic": f"Purchase Order {o.number}"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "en", "en-ie-outlook-html-table")


# ----------------------------------------------------------------------------- scans and faxes


@family("ro-comanda-scan-300dpi-turned", "pillow-scan-300dpi")
def romanian_scan(m: Maker) -> None:
    """The per-hundred order printed, signed and scanned at 300 dpi, turned up to 1.5 degrees,
    specked."""
    for k in range(4):
        name = f"ro-scan-{k}"
        o = m.order(name, "ro", 2 + k % 2, lambda r: f"{r.randrange(1000, 9999)}", k=k + 1, cheap=True)
        o.payment = PAY["ro"] if k % 2 else None
        src = m.work / f"f4-{name}.pdf"
        per_hundred_pdf(src, o)
        r = m.r(name)
        pages = [scanned(pg, r, angle=r.choice([-1.5, -0.9, 0.6, 1.2]), noise=900) for pg in rasterise(src, 300)]
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "ro", "ro-comanda-scan-300dpi-turned")


def fax_pages(src: Path, r: random.Random, header: str) -> list[Any]:
    """The pages of ``src`` as a G3 fax receives them: 200 dpi, black and white, a line of the
    sending machine's header on top of each page, a little turned."""
    from PIL import ImageDraw

    pages = []
    raster = rasterise(src, 200)
    for i, pg in enumerate(raster, 1):
        pg = scanned(pg, r, angle=r.choice([-0.7, 0.4, 0.8]), noise=1400)
        ImageDraw.Draw(pg).text((40, 8), f"{header}   P.{i:02d}/{len(raster):02d}", fill=0)
        pages.append(pg.point(lambda v: 255 if v > 150 else 0).convert("1"))
    return pages


@family("is-pontun-fax-200dpi-pages", "pillow-fax-200dpi")
def icelandic_fax(m: Maker) -> None:
    for k in range(4):
        name = f"is-fax-{k}"
        o = m.order(name, "is", 19 + k, lambda r: f"IP-{r.randrange(270000, 279999)}", k=k + 1)
        o.payment = PAY["is"] if k % 2 == 0 else None
        src = m.work / f"f4-{name}.pdf"
        platypus_long_pdf(src, o)
        r = m.r(name)
        stamp = f"{day(o.ordered, 'dot')} 14:{10 + k:02d}  FAX +354 555 {4000 + k}  {o.buyer[:20].upper()}"
        pages = fax_pages(src, r, stamp)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "is", "is-pontun-fax-200dpi-pages")


@family("da-indkoeb-scan-tiff-mail", "copier-scan-to-mail-tiff")
def danish_tiff(m: Maker) -> None:
    """A copier's scan-to-mail: a short generated body and the order as a multi-page TIFF (CCITT
    group 4, 200 dpi)."""
    for k in range(4):
        name = f"da-scan-tiff-{k}"
        o = m.order(name, "da", 2 + k % 2, lambda r: f"IO-{r.randrange(40000, 49999)}", k=k)
        o.payment = PAY["da"] if k % 2 else None
        src = m.work / f"f4-{name}.pdf"
        r = m.r(name)
        plans = [[(o.due, ln.qty)] for ln in o.lines]
        schedule_pdf(src, o, plans)
        pages = [
            scanned(pg, r, angle=r.choice([-1.0, 0.5, 1.1]), noise=1200)
            .point(lambda v: 255 if v > 150 else 0)
            .convert("1")
            for pg in rasterise(src, 200)
        ]
        buf = io.BytesIO()
        pages[0].save(buf, "TIFF", compression="group4", dpi=(200, 200), save_all=True, append_images=pages[1:])
        scan = f"SCAN_{day(o.ordered, 'iso').replace('-', '')}_{1400 + k}.tif"
        msg = message(
            sender=("Scanner 2. sal", f"scanner@{o.mail.split('@')[1]}"),
            subject=f"Scannet dokument fra RICOH IM C3000 ({scan})",
            key=f"f4-{name}",
            sent=sent_on(o.ordered),
            text=f"Dokument scannet af {o.person}.\nAntal sider: {len(pages)}\nOpløsning: 200 dpi\n",
            attach=[file_part(scan, buf.getvalue(), "image/tiff")],
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "da", "da-indkoeb-scan-tiff-mail")


# ----------------------------------------------------------------------------- look-alikes that are not orders

# A supplier of ours (we buy castings and packaging too) confirms our order to it: its lines and
# figures, our name as the customer, its own number and the order number we gave it.
ROMETAL = ("Turnătoria Someș SRL", "Str. Uzinei nr. 3, 430012 Baia Mare")


@family("not-order-ro-confirmare-comanda", "reportlab-canvas-confirmation")
def romanian_confirmation(m: Maker) -> None:
    for k in range(4):
        name = f"ro-confirmare-{k}"
        o = m.order(name, "ro", 2 + k % 3, lambda r: f"PO-EM-{r.randrange(10000, 99999)}", k=k)
        p = Page(m.path(f"pdf/{name}.pdf"), "sans", "bold", creator="SmartBill")
        p.text(40, 48, ROMETAL[0], 12, bold=True)
        p.text(40, 61, ROMETAL[1], 8)
        p.text(297, 100, "CONFIRMARE DE COMANDĂ", 14, bold=True, align="center")
        p.text(297, 116, f"nr. CF-{o.number[-5:]} din {d(o, o.ordered + timedelta(days=1))}", 9, align="center")
        p.text(40, 140, f"Client: {SUPPLIER}, {SUPPLIER_ADDR}", 8)
        p.text(40, 153, f"Confirmăm primirea comenzii dumneavoastră nr. {o.number} din {d(o, o.ordered)}.", 8.5)
        p.text(40, 166, f"Data estimată de livrare: {d(o, o.due)}. Vă rugăm verificați datele de mai jos.", 8.5)
        from fresh3_families import grid

        y = grid(p, 40, 180, [30, 66, 170, 56, 28, 80, 85], "cllrcrr", [heads(o), *rows_of(o)], size=7.5)
        for label, v in sums(o):
            y += 14
            p.text(470, y, label, 8.5, bold=True, align="right")
            p.text(555, y, f"{v} lei", 8.5, bold=True, align="right")
        p.text(40, y + 34, "Această confirmare nu este factură.", 8)
        p.save()
        m.add(f"pdf/{name}.pdf", dict(OTHER), "ro", "not-order-ro-confirmare-comanda")


@family("not-order-da-rykker-docx", "python-docx-dunning")
def danish_dunning(m: Maker) -> None:
    """A forwarder's second reminder (rykker) for overdue invoices: invoice numbers, dates,
    amounts, a fee and interest, and a total to pay."""
    import docx

    for k in range(4):
        name = f"da-rykker-{k}"
        o = m.order(name, "da", 3, lambda r: f"{r.randrange(100000, 199999)}", k=k)
        doc = docx.Document()
        doc.add_paragraph(f"{o.buyer}\n{o.address}")
        doc.add_paragraph(f"{SUPPLIER}\n{SUPPLIER_ADDR}")
        doc.add_heading(f"{1 + k % 2}. RYKKER", level=1)
        doc.add_paragraph(f"Dato: {d(o, o.ordered)}    Kundenr.: {o.number[:5]}")
        doc.add_paragraph(
            "Vi kan ikke se, at følgende fakturaer er betalt. Vi beder Dem indbetale det skyldige beløb "
            f"senest {d(o, o.due)}."
        )
        t = doc.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        for cell, label in zip(t.rows[0].cells, ["Fakturanr.", "Fakturadato", "Forfald", "Beløb", "Restbeløb"]):
            cell.text = label
        total = Decimal(0)
        for j, ln in enumerate(o.lines):
            cells = t.add_row().cells
            issued = o.ordered - timedelta(days=60 + 14 * j)
            values = [
                f"F{o.number}{j}",
                d(o, issued),
                d(o, issued + timedelta(days=30)),
                n(o, ln.amount),
                n(o, ln.amount),
            ]
            for cell, v in zip(cells, values):
                cell.text = v
            total += ln.amount
        fee = Decimal("100.00")
        doc.add_paragraph(f"Rykkergebyr: {n(o, fee)} kr.")
        doc.add_paragraph(f"Morarenter 0,8 % pr. påbegyndt måned: {n(o, money(total * Decimal('0.008'), 'DKK'))} kr.")
        doc.add_paragraph(f"I alt at betale: {n(o, total + fee + money(total * Decimal('0.008'), 'DKK'))} kr.")
        doc.add_paragraph(
            "Reg.nr. 5301 Kontonr. 0241 556 781. Har De allerede betalt, bedes De se bort fra denne rykker."
        )
        docx_save(doc, m.path(f"docx/{name}.docx"), o.person)
        m.add(f"docx/{name}.docx", dict(OTHER), "da", "not-order-da-rykker-docx")


@family("not-order-is-verdskra-xlsx", "openpyxl-price-list")
def icelandic_price_list(m: Maker) -> None:
    """A distributor's price list workbook (verðskrá): codes, names, units, list prices, a
    minimum quantity and a discount column; valid from a date; no order number, no quantities
    ordered."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"is-verdskra-{k}"
        o = m.order(name, "is", 8 + k, lambda r: f"V{r.randrange(2026, 2027)}", k=k)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Verðskrá"
        ws["A1"] = f"VERÐSKRÁ {o.ordered.year + 1}"
        ws["A1"].font = Font(size=14, bold=True)
        ws["A2"] = f"{o.buyer} · {o.address}"
        ws["A3"] = f"Gildir frá {d(o, o.due)} · Öll verð án VSK"
        ws.append([])
        ws.append(["Vörunúmer", "Lýsing", "Ein.", "Listaverð", "Lágmarksmagn", "Afsláttur %", "Nettóverð"])
        for ln in o.lines:
            disc = Decimal(5 * (len(ln.code) % 3))
            ws.append(
                [
                    ln.code,
                    ln.text,
                    ln.unit,
                    ln.price,
                    int(ln.qty // 10) or 1,
                    disc,
                    money(ln.price * (100 - disc) / 100, o.currency),
                ]
            )
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", dict(OTHER), "is", "not-order-is-verdskra-xlsx")


@family("not-order-ca-licitacio-mail", "email-tender-invitation")
def catalan_tender(m: Maker) -> None:
    """A public body's invitation to tender: lots with quantities, the deadline for offers, the
    file number; asks for prices, orders nothing."""
    bodies = [
        "Consorci d'Aigües del Vallès",
        "Ajuntament de Vic - Servei de Manteniment",
        "Ports de la Generalitat",
        "Consorci Sanitari del Maresme",
    ]
    for k in range(4):
        name = f"ca-licitacio-{k}"
        o = m.order(name, "ca", 3 + k % 2, lambda r: f"EXP-{r.randrange(2026, 2027)}/{r.randrange(100, 999)}", k=k)
        lots = [
            f"Lot {j}: {ln.code} {ln.text} - {qty(o, ln.qty)} {ln.unit} (pressupost màxim "
            f"{n(o, money(ln.amount * Decimal('1.1'), 'EUR'))} € sense IVA)"
            for j, ln in enumerate(o.lines, 1)
        ]
        text = "\n".join(
            [
                "Benvolguts,",
                "",
                f"{bodies[k]} us convida a presentar oferta en el procediment de contractació menor "
                f"expedient {o.number}.",
                "",
                *lots,
                "",
                f"Termini de presentació d'ofertes: {day(o.due, 'ca_long')}, a les 14:00 h.",
                "Les ofertes s'han de presentar a través de la Plataforma de Contractació Pública.",
                "Aquesta invitació no comporta cap compromís de compra.",
                "",
                "Atentament,",
                "Unitat de Contractació",
                bodies[k],
            ]
        )
        msg = message(
            sender=(bodies[k], f"contractacio@{o.mail.split('@')[1]}"),
            key=f"f4-{name}",
            subject=f"Invitació a presentar oferta - expedient {o.number}",
            sent=sent_on(o.ordered),
            text=text,
        )
        m.mail(f"eml/{name}.eml", msg, dict(OTHER), "ca", "not-order-ca-licitacio-mail")


@family("not-order-sw-dispatch-advice", "fpdf2-dispatch-advice")
def swahili_dispatch(m: Maker) -> None:
    """A shipping notice (taarifa ya usafirishaji) from the buyer's clearing agent: the buyer's
    order number and lines, containers, weights and the vessel; a notice, not an order."""
    for k in range(4):
        name = f"sw-usafirishaji-{k}"
        o = m.order(name, "sw", 2 + k % 3, lambda r: f"LPO/{r.randrange(3000, 3999)}/26", k=k)
        pdf = fpdf_new()
        pdf.add_page()
        pdf.set_font("dv", "B", 14)
        pdf.cell(0, 8, "TAARIFA YA USAFIRISHAJI / SHIPPING NOTICE", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 8.5)
        for label, value in (
            ("Wakala", "Bandari Clearing & Forwarding Ltd, Dar es Salaam"),
            ("Mteja", o.buyer),
            ("Agizo la Mteja", o.number),
            ("Meli", f"MSC ASYA V.{k + 41}N"),
            ("Kontena", f"MSCU {4518230 + k} 40HC"),
            ("Tarehe ya Kuwasili (ETA)", d(o, o.due)),
        ):
            pdf.cell(50, 5, f"{label}:")
            pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("dv", "B", 8)
        for wd, label in ((30, "Namba ya Bidhaa"), (80, "Maelezo"), (25, "Idadi"), (25, "Katoni"), (25, "Uzito kg")):
            pdf.cell(wd, 6, label, border=1)
        pdf.ln()
        pdf.set_font("dv", "", 8)
        for ln in o.lines:
            for wd, v in (
                (30, ln.code),
                (80, ln.text),
                (25, qty(o, ln.qty)),
                (25, str(int(ln.qty) // 50 + 1)),
                (25, num(ln.qty * Decimal("0.35"), "en", 1)),
            ):
                pdf.cell(wd, 6, v, border=1)
            pdf.ln()
        pdf.ln(4)
        pdf.multi_cell(0, 4.5, "Tafadhali andaa nyaraka za forodha. Taarifa hii si ankara wala agizo la ununuzi.")
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", dict(OTHER), "sw", "not-order-sw-dispatch-advice")


@family("not-order-af-rekeningstaat", "reportlab-canvas-statement")
def afrikaans_statement(m: Maker) -> None:
    """A customer's statement of account (rekeningstaat) sent to us: our invoices to them, their
    order numbers beside them, payments, a running balance and an ageing line."""
    for k in range(4):
        name = f"af-rekeningstaat-{k}"
        o = m.order(name, "af", 4, lambda r: f"BO{r.randrange(100000, 999999)}", k=k)
        p = Page(m.path(f"pdf/{name}.pdf"), "sans", "bold", creator="Pastel Partner")
        p.text(40, 50, o.buyer, 13, bold=True)
        p.text(40, 63, o.address, 8)
        p.text(555, 50, "REKENINGSTAAT", 14, bold=True, align="right")
        p.text(555, 64, f"Datum: {d(o, o.ordered)}", 8, align="right")
        p.text(40, 90, f"Verskaffer: {SUPPLIER}   Rekeningnr.: EXM{k + 1}01", 8.5)
        xs = [(40, "left"), (110, "left"), (190, "left"), (330, "right"), (420, "right"), (515, "right")]
        y = 120
        p.row(
            y,
            [(x, c, a) for (x, a), c in zip(xs, ["Datum", "Faktuur", "Ons bestelling", "Debiet", "Krediet", "Saldo"])],
            8,
            bold=True,
        )
        balance = Decimal(0)
        for j, ln in enumerate(o.lines):
            y += 15
            balance += ln.amount
            when = o.ordered - timedelta(days=75 - 18 * j)
            p.row(
                y,
                [
                    (x, c, a)
                    for (x, a), c in zip(
                        xs,
                        [
                            d(o, when),
                            f"INV{88000 + 7 * j + k}",
                            f"{o.number[:-1]}{j}",
                            f"R {n(o, ln.amount)}",
                            "",
                            f"R {n(o, balance)}",
                        ],
                    )
                ],
                8,
            )
            if j == 1:
                y += 15
                paid = o.lines[0].amount
                balance -= paid
                p.row(
                    y,
                    [
                        (x, c, a)
                        for (x, a), c in zip(
                            xs,
                            [
                                d(o, when + timedelta(days=3)),
                                "Betaling",
                                "",
                                "",
                                f"R {n(o, paid)}",
                                f"R {n(o, balance)}",
                            ],
                        )
                    ],
                    8,
                )
        y += 30
        p.text(40, y, "Huidig        30 dae        60 dae        90 dae+", 8, bold=True)
        p.text(40, y + 14, f"R {n(o, o.lines[-1].amount)}    R {n(o, o.lines[-2].amount)}    R 0,00    R 0,00", 8)
        p.text(40, y + 40, f"Verskuldigde saldo: R {n(o, balance)}", 9, bold=True)
        p.save()
        m.add(f"pdf/{name}.pdf", dict(OTHER), "af", "not-order-af-rekeningstaat")


@family("not-order-ko-napgi-inquiry-mail", "email-delivery-inquiry")
def korean_inquiry(m: Maker) -> None:
    """A buyer asks when an order already placed will arrive (납기 확인 요청): its number, its
    lines and quantities, a new date wanted; it orders nothing new."""
    for k in range(4):
        name = f"ko-napgi-{k}"
        o = m.order(name, "ko", 2 + k % 2, lambda r: f"PO{r.randrange(2610000, 2610999)}-01", k=k)
        lines = [
            f"- {ln.code} {ln.text}: 주문수량 {qty(o, ln.qty)} {ln.unit}, 미입고 {qty(o, ln.qty // 2)} {ln.unit}"
            for ln in o.lines
        ]
        text = "\n".join(
            [
                "안녕하세요.",
                "",
                f"지난달 발주드린 {o.number} 건의 미입고 수량 납기 확인 부탁드립니다.",
                "",
                *lines,
                "",
                f"생산 일정상 {d(o, o.due)}까지 입고가 필요합니다. 가능 여부 회신 부탁드립니다.",
                "추가 발주는 아닙니다.",
                "",
                "감사합니다.",
                o.person,
                o.buyer,
            ]
        )
        msg = _mailer(o, name, f"[납기 확인 요청] {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, dict(OTHER), "ko", "not-order-ko-napgi-inquiry-mail")


@family("not-order-fi-vastaanotto-csv", "erp-csv-goods-received")
def finnish_goods_received(m: Maker) -> None:
    """A buyer's goods-received note (vastaanottokuittaus) exported as CSV: the order number,
    each line ordered and received, a difference column; it confirms a delivery."""
    for k in range(4):
        name = f"fi-vastaanotto-{k}"
        o = m.order(name, "fi", 2 + k % 3, lambda r: f"{r.randrange(4500000, 4599999)}", k=k)
        buf = io.StringIO()
        out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        out.writerow(["VASTAANOTTOKUITTAUS"])
        out.writerow(["Tilausnumero", o.number])
        out.writerow(["Vastaanotettu", day(o.ordered, "fi")])
        out.writerow(["Vastaanottaja", o.buyer])
        out.writerow(["Toimittaja", SUPPLIER])
        out.writerow([])
        out.writerow(["Rivi", "Tuotekoodi", "Nimike", "Tilattu", "Vastaanotettu", "Erotus", "Yks."])
        for j, ln in enumerate(o.lines, 1):
            got = ln.qty if j % 2 else ln.qty - ln.qty // 10
            out.writerow([j, ln.code, ln.text, ln.qty, got, ln.qty - got, ln.unit])
        m.path(f"csv/{name}.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))
        m.add(f"csv/{name}.csv", dict(OTHER), "fi", "not-order-fi-vastaanotto-csv")


# ----------------------------------------------------------------------------- added after the first draw


def per_mille_pdf(path: Path, o: Order) -> None:
    """fpdf2 cells, Kenyan English: small parts priced per thousand ("Rate PER M" column, the rate
    written "1,250.00 /M"), the amount the quantity times the rate of one; VAT 16%."""
    w = LAB["en"]
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 12)
    pdf.cell(0, 6, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(
        0,
        4.5,
        f"{o.address} · PIN P05{len(o.buyer)}1{len(o.address)}7Q · Tel 0722 {len(o.person)}40 118",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(5)
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 7, "LOCAL PURCHASE ORDER", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8.5)
    for label, value in (
        ("LPO No.", o.number),
        ("Date", day(o.ordered, "d_mon_y")),
        ("Deliver by", day(o.due, "d_mon_y")),
        ("Supplier", SUPPLIER),
        ("Currency", "KES"),
        (w["pay"], o.payment or "-"),
    ):
        pdf.cell(30, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    cols = [(10, "C"), (28, "L"), (70, "L"), (22, "R"), (12, "C"), (28, "R"), (26, "R")]
    pdf.set_font("dv", "B", 8)
    for (wd, a), label in zip(cols, ["#", "Part No.", "Description", "Qty", "UoM", "Rate PER M", "Amount"]):
        pdf.cell(wd, 6, label, border="TB", align=a)
    pdf.ln()
    pdf.set_font("dv", "", 8)
    for j, ln in enumerate(o.lines, 1):
        cells = [
            str(j),
            ln.code,
            ln.text,
            qty(o, ln.qty),
            ln.unit,
            f"{num(ln.price * 1000, 'en', 2)} /M",
            n(o, ln.amount),
        ]
        for (wd, a), cell in zip(cols, cells):
            pdf.cell(wd, 6, cell, align=a)
        pdf.ln()
    pdf.ln(2)
    pdf.set_font("dv", "B", 8.5)
    for label, v in sums(o):
        pdf.cell(170, 5.5, label, align="R")
        pdf.cell(26, 5.5, v, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@family("en-ke-lpo-price-per-thousand", "fpdf2-cells-per-mille")
def kenyan_per_mille(m: Maker) -> None:
    for k in range(4):
        name = f"en-ke-per-m-{k}"
        o = m.order(name, "en-KE", 2 + k % 2, lambda r: f"LPO-{r.randrange(10000, 19999)}", k=k, words="en", cheap=True)
        o.vat = Decimal(16)
        o.payment = "Cash on delivery" if k % 2 else None
        for ln in o.lines:  # a rate per thousand has two decimals: the price of one, four
            ln.price = (ln.price * 1000).quantize(CENT) / 1000
            ln.amount = money(ln.qty * ln.price, o.currency)
        per_mille_pdf(m.path(f"pdf/{name}.pdf"), o)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-ke-lpo-price-per-thousand")


@family("sw-agizo-android-mail", "email-mobile-android")
def swahili_android(m: Maker) -> None:
    """A phone (Gmail for Android): a short order in Swahili, one line a part as "pcs 200 x
    HB15-1806 @ 9,794", the total with VAT, "Imetumwa kutoka Samsung Galaxy yangu"."""
    for k in range(4):
        name = f"sw-android-{k}"
        o = m.order(name, "sw", 1 + (k + 1) % 3, lambda r: f"AG-{r.randrange(100, 999)}", k=k)
        lines = [f"{ln.unit} {qty(o, ln.qty)} x {ln.code} ({ln.text}) @ {n(o, ln.price)}" for ln in o.lines]
        text = "\n".join(
            [
                "Habari,",
                "",
                f"Naomba mtuletee mzigo ufuatao, agizo namba {o.number} la tarehe {day(o.ordered, 'sw_long')}:",
                *lines,
                "",
                f"Jumla pamoja na VAT 18%: TSh {n(o, o.gross)}",
                f"Tunauhitaji kabla ya {day(o.due, 'sw_long')}.",
                "",
                "Asante,",
                o.person,
                o.buyer,
                "",
                "Imetumwa kutoka Samsung Galaxy yangu",
            ]
        )
        html = '<div dir="auto">' + "".join(f'<div dir="auto">{escape(t) or "<br>"}</div>' for t in text.split("\n"))
        msg = _mailer(o, name, f"Agizo {o.number}", text=text, html=html + "</div>")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body", amounts=False), "sw", "sw-agizo-android-mail")


def kk_page(o: Order) -> str:
    """A web ERP's order page in Kazakh saved as .html: a definition list head, dates written
    year-month-day without leading zeros (2027-1-15), a table whose last rows are the sums."""
    w = LAB[o.words]

    def ymd(v: date) -> str:
        return f"{v.year}-{v.month}-{v.day}"

    head = "".join(
        f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>"
        for a, b in (
            (w["no"], o.number),
            (w["date"], ymd(o.ordered)),
            (w["due"], ymd(o.due)),
            (w["buyer"], o.buyer),
            (w["supplier"], SUPPLIER),
            ("Валюта", "KZT"),
            (w["pay"], o.payment or "-"),
        )
    )
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows_of(o))
    body += "".join(f'<tr class="sum"><td colspan="6">{escape(a)}</td><td>{b}</td></tr>' for a, b in sums(o))
    th = "".join(f"<th>{escape(c)}</th>" for c in heads(o))
    return (
        f'<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>{escape(w["title"])} {escape(o.number)}'
        f"</title><style>td,th{{border:1px solid #999;padding:2px 6px}}</style></head><body>"
        f'<div class="nav">Басты бет › Сатып алу › Тапсырыстар › {escape(o.number)}</div>'
        f"<h2>{escape(w['title'])}</h2><dl>{head}</dl>"
        f'<table cellspacing="0"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'
        f'<p class="footer">© 2026 {escape(o.buyer)} · 1С:Кәсіпорын</p></body></html>'
    )


@family("kk-tapsyrys-html-page", "html-saved-page")
def kazakh_page(m: Maker) -> None:
    for k in range(4):
        name = f"kk-html-{k}"
        o = m.order(name, "kk", 2 + (k + 1) % 3, lambda r: f"ТП-{r.randrange(1000, 9999)}", k=k + 1)
        o.payment = PAY["kk"] if k % 2 else None
        m.path(f"html/{name}.html").write_text(kk_page(o), encoding="utf-8")
        m.add(f"html/{name}.html", o.golden(), "kk", "kk-tapsyrys-html-page")
