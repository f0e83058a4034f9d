"""The eleventh fresh batch of the sealed corpus: ``build_fresh11(out, work, pending, seed)``.

Written by someone who read neither the extractor, its vocabulary, the tuned corpus nor the other
batch modules, with its own order data and low-level writers. Every family is one producer's
layout drawn four times with other numbers, goods, dates and line counts; the golden values come
from the order data below, never from reading a document back.

Built around the failures seen on real purchase orders, in ERP styles drawn afresh (Acumatica,
Plex, QAD, Oracle Fusion, SAP S/4 output forms, SAP Business ByDesign, Business Central, Odoo 17,
Xero, QuickBooks, Zoho Books, Sage Intacct, Lexware, DATEV, Visma, Fortnox, Unit4, Sage 100,
TeamSystem, Holded, Symfonia, POHODA, Money S3, Mikro, ETA, PHC, Uniconta, OBIC, ECOUNT, Douzone,
Alibaba 1688 and WeCom web prints): labels in a column left of their values,
over their values in boxes, in a band over a boxed table, or two labels for one value (``PO
No./Date 4580473958 / 10/26/2026``); units stuck to figures (``510/EA``, ``4.61/Ea``, ``450 ____
PA``); prices per 100 and per 1,000 (``PER M``); tax-inclusive beside net prices (``含税单价``);
European thousands separators; a line printed over two rows (code and description over quantity,
price and value); delivery schedules under a line or in a second table; descriptions
wrapped over several lines; item codes broken over two lines; terms printed after the table; empty
template rows; a table continued on the next page without its header; page numbers ``1/2``,
street numbers, PO boxes and telephone numbers beside the PO number; change orders (``Rev 2``)
that keep their PO number; dates as ``Jan 08, 2026``, ``11/Jan/26``, ``08.01.2026``,
``2026-1-8``, ``2026年1月8日``, ``令和8年1月8日``, ``08-JAN-26``, ``2026. 1. 8.``; workbooks with
stacked header blocks, merged cells, the order on the second sheet beside a hidden archive sheet.

One page model (``Layout``) is drawn by three writers of this module: reportlab's canvas, fpdf2
and Pillow (the scans: 200-300 dpi, turned 1-3 degrees, speckled; faxes in black and white, as
image-only PDFs and as PNG or JPEG attached to a mail). Beside them openpyxl workbooks,
python-docx documents, LibreOffice at bench time (Word and a workbook printed to PDF, a workbook
saved again by Calc), mail bodies in plain text and HTML in nine charsets, and mails with the
order attached as a PDF or as an ERP's spool text in windows-1252. Sixteen languages. Eleven
families of 85 are not orders, of eight kinds (an order acknowledgement, an invoice, two
quotations, two delivery notes, a remittance advice, two requests for quotation, a statement, a
forecast); those the supplier writes carry its letterhead and name the buyer as the customer.
"""

from __future__ import annotations

import io
import logging
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import encoders
from email.utils import format_datetime
from pathlib import Path
from typing import Any

FIXED = datetime(2026, 11, 21, 9, 15, tzinfo=timezone.utc)  # every file of the batch is stamped with it
ZIP_TIME = (2026, 11, 21, 9, 15, 0)
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
US = "Example Manufacturing Co., Ltd."  # the supplier every order goes to
US_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
WHOLE = {"JPY", "KRW", "TWD"}  # currencies priced in whole units
FREIGHT = ("40.00", "65.50", "150.00", "3000")  # freight charges an order may add
CJK = {"ja", "zh", "zh-Hant", "ko"}
PREFIX = "f11-"  # every file name of the batch starts with it: no earlier batch's file is overwritten
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # fpdf2 subsetting the CJK font says much


# --------------------------------------------------------------------------- locales


@dataclass(frozen=True)
class Loc:
    """How one language's buyers write: figures, dates, words, who buys and what."""

    lang: str
    dec: str  # decimal mark
    thou: str  # thousands separator
    dates: str  # default date style (see ``when``)
    currency: str
    vat: str  # the usual VAT rate, percent
    unit: str  # the unit word for pieces
    words: dict[str, str]
    buyers: tuple[tuple[str, str, str, str], ...]  # (company, street address, person, mail domain)
    goods: tuple[tuple[str, str, str], ...]  # (code stem, description, price in the currency)


WORD_KEYS = (
    "title po date due vendor ship item desc qty unit price amount net vat total page terms rev per gross".split()
)


def _w(text: str) -> dict[str, str]:
    """The words of a language, ``|``-separated in the order of ``WORD_KEYS``."""
    parts = [p.strip() for p in text.split("|")]
    assert len(parts) == len(WORD_KEYS), parts
    return dict(zip(WORD_KEYS, parts))


LOCS: dict[str, Loc] = {
    "en": Loc(
        "en",
        ".",
        ",",
        "mon_d_y",
        "USD",
        "0",
        "EA",
        _w(
            "PURCHASE ORDER|PO Number|Order Date|Required Date|Vendor|Ship To|Item|Description|Qty|UOM|"
            "Unit Price|Extended|Subtotal|Sales Tax|Total|Page|Terms and Conditions|Revision|Per|Price incl. Tax"
        ),
        (
            (
                "Hollowbrook Fastener Supply LLC",
                "4471 Kestrel Park Rd, Suite 210, Fort Wayne, IN 46825",
                "Dana Whitcombe",
                "hollowbrookfs.example",
            ),
            (
                "Marrowgate Pump & Valve Co.",
                "PO Box 7318, 95 Tiller Ave, Duluth, MN 55802",
                "Luis Ferreira",
                "marrowgatepv.example",
            ),
            (
                "Quillstone Enclosures Inc.",
                "1280 Ashgrove Blvd, Reno, NV 89502",
                "Priya Venkataraman",
                "quillstone-enc.example",
            ),
        ),
        (
            ("HX-BRK", "Zinc plated mounting bracket, 3 hole, 14 gauge steel", "2.35"),
            ("GSK-NBR", "Nitrile gasket 62 mm bore, shore 70, food grade", "0.84"),
            ("SPR-CMP", "Compression spring 0.8 mm wire, stainless 302", "0.19"),
            ("HNG-PNL", "Piano hinge 36 inch aluminum, mill finish", "11.60"),
            ("LBL-TH", "Thermal transfer label 4x6 inch, 1000 per roll", "18.25"),
            ("CBL-TIE", "Cable tie 8 inch UV black nylon", "0.05"),
        ),
    ),
    "de": Loc(
        "de",
        ",",
        ".",
        "dmy_dot",
        "EUR",
        "19",
        "Stk",
        _w(
            "BESTELLUNG|Bestellnummer|Bestelldatum|Liefertermin|Lieferant|Lieferanschrift|Artikel|Bezeichnung|Menge|ME|"
            "Einzelpreis|Gesamtpreis|Nettobetrag|MwSt.|Gesamtbetrag|Seite|Allgemeine Einkaufsbedingungen|Änderung|Preiseinheit|Preis brutto"
        ),
        (
            (
                "Auenhain Kunststofftechnik GmbH",
                "Lindenstraße 147, 73430 Aalen",
                "Frau Birte Scholten",
                "auenhain-kt.example",
            ),
            (
                "Brennwald Gerätebau KG",
                "Postfach 21 08, Am Mühlbach 9, 88212 Ravensburg",
                "Herr Timo Lachner",
                "brennwald-geraete.example",
            ),
            (
                "Feldkamp & Söhne Metallwaren GmbH",
                "Industriestraße 62a, 32051 Herford",
                "Frau Ilka Reimers",
                "feldkamp-mw.example",
            ),
        ),
        (
            ("GWS-M6", "Gewindestift M6x12 Innensechskant verzinkt", "0.12"),
            ("DRF-40", "Druckfeder 40 mm Federstahl blank", "0.48"),
            ("KAB-3G", "Anschlussleitung 3G1,5 schwarz 2 m", "3.90"),
            ("GEH-ALU", "Aluminiumgehäuse eloxiert 120x80x40 mm", "14.75"),
            ("DIC-OR", "O-Ring 24x2 FKM schwarz", "0.31"),
            ("SCH-TAS", "Taster rund 22 mm grün mit Schutzkragen", "6.20"),
        ),
    ),
    "fr": Loc(
        "fr",
        ",",
        "\u202f",
        "dmy_slash",
        "EUR",
        "20",
        "pce",
        _w(
            "BON DE COMMANDE|N° de commande|Date de commande|Date de livraison|Fournisseur|Adresse de livraison|Référence|Désignation|Quantité|Unité|"
            "Prix unitaire HT|Montant HT|Total HT|TVA|Total TTC|Page|Conditions générales d'achat|Révision|Par|Prix TTC"
        ),
        (
            (
                "Ateliers Morvandelle SAS",
                "17 rue des Tanneurs, 21200 Beaune",
                "Mme Solène Garnier",
                "morvandelle.example",
            ),
            (
                "Cartonnages du Vexin SARL",
                "BP 412, 3 chemin de la Forge, 95450 Vigny",
                "M. Hugo Bessières",
                "cartvexin.example",
            ),
        ),
        (
            ("VIS-TF", "Vis tête fraisée inox A2 M5x20", "0.09"),
            ("JNT-SIL", "Joint silicone translucide 30 mm", "0.65"),
            ("BOI-ABS", "Boîtier ABS gris avec couvercle vissé", "7.80"),
            ("RES-CHA", "Résistance chauffante 230 V 500 W", "21.40"),
            ("ETQ-ADH", "Étiquette adhésive polyester blanche 50x30", "0.04"),
            ("RAC-LAI", "Raccord laiton coudé 1/2 pouce", "3.15"),
        ),
    ),
    "it": Loc(
        "it",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "22",
        "pz",
        _w(
            "ORDINE DI ACQUISTO|Numero ordine|Data ordine|Data consegna|Fornitore|Destinazione merce|Codice|Descrizione|Quantità|UM|"
            "Prezzo unitario|Importo|Imponibile|IVA|Totale documento|Pagina|Condizioni generali di acquisto|Revisione|Per|Prezzo IVA inclusa"
        ),
        (
            (
                "Officine Brughetti S.r.l.",
                "Via dei Calzolai 58, 40026 Imola (BO)",
                "Sig.ra Chiara Manfredini",
                "brughetti.example",
            ),
            (
                "Termoplast Valtidone S.p.A.",
                "Casella Postale 77, Strada Provinciale 12 n. 4, 29010 Pianello",
                "Ing. Marco Re",
                "termovaltidone.example",
            ),
        ),
        (
            ("VTE-M8", "Vite testa esagonale M8x30 zincata", "0.11"),
            ("GUA-EP", "Guarnizione piana EPDM 45 mm", "0.57"),
            ("CUS-SF", "Cuscinetto a sfere 6204 schermato", "2.95"),
            ("PRF-AL", "Profilato alluminio 30x30 barra 2 m", "12.40"),
            ("MOL-TR", "Molla a trazione acciaio inox", "0.36"),
            ("SCA-CAR", "Scatola cartone onda doppia 400x300x250", "1.18"),
        ),
    ),
    "es": Loc(
        "es",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "21",
        "ud",
        _w(
            "PEDIDO DE COMPRA|Nº Pedido|Fecha pedido|Fecha entrega|Proveedor|Dirección de entrega|Artículo|Descripción|Cantidad|Ud.|"
            "Precio unitario|Importe|Base imponible|IVA|Total pedido|Página|Condiciones generales de compra|Revisión|Por|Precio con IVA"
        ),
        (
            (
                "Herrajes Almazara S.L.",
                "Polígono El Carrascal, nave 14, 41500 Alcalá de Guadaíra",
                "Dña. Lucía Berrocal",
                "herrajesalmazara.example",
            ),
            (
                "Plásticos Tordesilla S.A.",
                "Apartado 233, Calle Alfareros 8, 47100 Tordesillas",
                "D. Andrés Quiroga",
                "plastordesilla.example",
            ),
        ),
        (
            ("TOR-INX", "Tornillo inoxidable cabeza alomada M4x16", "0.07"),
            ("JUN-TOR", "Junta tórica NBR 18x2,5", "0.22"),
            ("CAJ-EST", "Caja estanca IP65 con bornas", "9.60"),
            ("TUB-PVC", "Tubo PVC rígido 20 mm gris 3 m", "2.70"),
            ("BIS-ACE", "Bisagra acero inoxidable 60 mm", "1.85"),
            ("ETI-TER", "Etiqueta térmica 100x150 rollo", "14.90"),
        ),
    ),
    "pt": Loc(
        "pt",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "23",
        "un",
        _w(
            "NOTA DE ENCOMENDA|N.º Encomenda|Data|Data de entrega|Fornecedor|Local de entrega|Artigo|Descrição|Quantidade|Un.|"
            "Preço unitário|Valor|Total ilíquido|IVA|Total|Página|Condições gerais de compra|Revisão|Por|Preço c/ IVA"
        ),
        (
            (
                "Cutelarias Ribafria Lda.",
                "Rua da Fundição 221, 2430-118 Marinha Grande",
                "Sra. Inês Valadares",
                "ribafria.example",
            ),
            (
                "Moldes Serrazina S.A.",
                "Apartado 56, Zona Industrial Lote 9, 3860-210 Estarreja",
                "Eng. Rui Pestana",
                "serrazina-moldes.example",
            ),
        ),
        (
            ("PAR-ZN", "Parafuso sextavado zincado M10x40", "0.19"),
            ("ANI-VED", "Anilha de vedação cobre 14 mm", "0.08"),
            ("CXA-ELE", "Caixa eléctrica estanque cinzenta", "4.60"),
            ("MOL-CMP", "Mola de compressão aço inox", "0.42"),
            ("CHP-ALU", "Chapa alumínio 2 mm 1000x500", "27.30"),
            ("VAL-ESF", "Válvula de esfera latão 3/4", "8.75"),
        ),
    ),
    "nl": Loc(
        "nl",
        ",",
        ".",
        "dmy_dash",
        "EUR",
        "21",
        "st",
        _w(
            "INKOOPORDER|Ordernummer|Orderdatum|Leverdatum|Leverancier|Afleveradres|Artikelnr.|Omschrijving|Aantal|Eenh.|"
            "Prijs|Bedrag|Subtotaal|BTW|Totaal|Pagina|Algemene inkoopvoorwaarden|Revisie|Per|Prijs incl. BTW"
        ),
        (
            (
                "Kolkwater Installatietechniek B.V.",
                "Havenweg 311, 8861 LD Harlingen",
                "Dhr. Sjoerd Haitsma",
                "kolkwater.example",
            ),
            (
                "Veenhoorn Verpakkingen B.V.",
                "Postbus 1184, Turfstekerstraat 6, 7901 BD Hoogeveen",
                "Mevr. Anouk Brink",
                "veenhoorn.example",
            ),
        ),
        (
            ("BOU-M12", "Zeskantbout M12x50 thermisch verzinkt", "0.44"),
            ("AFD-RING", "Afdichtring rubber 32 mm", "0.18"),
            ("KAB-GOT", "Kabelgoot PVC 40x60 lengte 2 m", "6.35"),
            ("SCH-BAL", "Kogelkraan messing 1 duim", "11.20"),
            ("DOO-KRT", "Verzenddoos karton 300x200x150", "0.92"),
            ("KLM-RVS", "Slangklem RVS 16-27 mm", "0.61"),
        ),
    ),
    "pl": Loc(
        "pl",
        ",",
        " ",
        "dmy_dot",
        "PLN",
        "23",
        "szt.",
        _w(
            "ZAMÓWIENIE|Nr zamówienia|Data zamówienia|Termin dostawy|Dostawca|Miejsce dostawy|Indeks|Nazwa towaru|Ilość|J.m.|"
            "Cena netto|Wartość netto|Razem netto|VAT|Razem brutto|Strona|Ogólne warunki zakupu|Rewizja|Za|Cena brutto"
        ),
        (
            (
                "Zakłady Wierzbnickie Sp. z o.o.",
                "ul. Kuźnicza 73, 27-200 Starachowice",
                "Pani Marta Kołodziej",
                "wierzbnickie.example",
            ),
            (
                "Odlewnia Brzozowa Polana S.A.",
                "skrytka pocztowa 19, ul. Hutnicza 4, 42-400 Zawiercie",
                "Pan Kamil Urbański",
                "brzozowapolana.example",
            ),
        ),
        (
            ("SRB-M6", "Śruba z łbem walcowym M6x25 ocynk", "0.21"),
            ("PRZ-GUM", "Przelotka gumowa 12 mm czarna", "0.35"),
            ("OBU-ALU", "Obudowa aluminiowa frezowana", "48.00"),
            ("SPR-NAC", "Sprężyna naciskowa stal nierdzewna", "0.95"),
            ("KAR-KLA", "Karton klapowy pięciowarstwowy 600x400x400", "4.15"),
            ("ZAW-KUL", "Zawór kulowy mosiężny 1/2 cala", "17.80"),
        ),
    ),
    "cs": Loc(
        "cs",
        ",",
        " ",
        "dmy_dot",
        "CZK",
        "21",
        "ks",
        _w(
            "OBJEDNÁVKA|Číslo objednávky|Datum objednávky|Termín dodání|Dodavatel|Místo dodání|Kód zboží|Název|Množství|MJ|"
            "Cena za MJ|Celkem|Základ daně|DPH|Celkem k úhradě|Strana|Všeobecné nákupní podmínky|Revize|Za|Cena s DPH"
        ),
        (
            (
                "Strojírna Hluboček s.r.o.",
                "Tovární 1148/22, 783 61 Hlubočky",
                "Ing. Petra Dvořáková",
                "strojirna-hlubocek.example",
            ),
            (
                "Kovolis Radějov a.s.",
                "P.O. Box 38, Nádražní 517, 696 67 Radějov",
                "Tomáš Vávra",
                "kovolis-radejov.example",
            ),
        ),
        (
            ("SRO-M5", "Šroub s válcovou hlavou M5x16 pozink", "2.40"),
            ("TES-PRY", "Těsnění pryžové 40 mm", "6.80"),
            ("KRY-PLA", "Kryt plastový šedý s víkem", "145.00"),
            ("PRU-TAZ", "Pružina tažná nerez", "9.50"),
            ("LOZ-KUL", "Ložisko kuličkové 6202 2RS", "58.00"),
            ("KAB-SPO", "Kabelová spojka 3 pól", "31.00"),
        ),
    ),
    "sv": Loc(
        "sv",
        ",",
        " ",
        "iso",
        "SEK",
        "25",
        "st",
        _w(
            "INKÖPSORDER|Ordernummer|Orderdatum|Leveransdatum|Leverantör|Leveransadress|Artikelnr|Benämning|Antal|Enh|"
            "À-pris|Belopp|Summa exkl. moms|Moms|Att betala|Sida|Allmänna inköpsvillkor|Revision|Per|Pris inkl. moms"
        ),
        (
            (
                "Fjällnäs Mekaniska Verkstad AB",
                "Brukstorget 14, 776 35 Hedemora",
                "Sara Lindqvist",
                "fjallnasmek.example",
            ),
            ("Ekeby Tryckgjuteri AB", "Box 2207, Gjutarvägen 3, 731 30 Köping", "Johan Åkerlund", "ekebytryck.example"),
        ),
        (
            ("SKR-M8", "Sexkantskruv M8x40 förzinkad", "1.20"),
            ("TAT-RNG", "Tätningsring nitril 28 mm", "2.35"),
            ("KAP-ALU", "Kapsling aluminium 160x100", "189.00"),
            ("FJA-TRY", "Tryckfjäder rostfri 25 mm", "3.80"),
            ("KUL-LAG", "Kullager 6005 tätat", "42.50"),
            ("WELL-LD", "Wellpapplåda 500x300x300", "11.90"),
        ),
    ),
    "tr": Loc(
        "tr",
        ",",
        ".",
        "dmy_dot",
        "TRY",
        "20",
        "adet",
        _w(
            "SATINALMA SİPARİŞİ|Sipariş No|Sipariş Tarihi|Teslim Tarihi|Tedarikçi|Teslim Adresi|Stok Kodu|Açıklama|Miktar|Birim|"
            "Birim Fiyat|Tutar|Ara Toplam|KDV|Genel Toplam|Sayfa|Genel Satınalma Şartları|Revizyon|Birim Başına|KDV Dahil Fiyat"
        ),
        (
            (
                "Kızılırmak Bağlantı Elemanları A.Ş.",
                "Organize Sanayi Bölgesi 7. Cadde No: 44, Kayseri",
                "Elif Yücel",
                "kizilirmak-be.example",
            ),
            (
                "Gökçeada Ambalaj San. ve Tic. Ltd. Şti.",
                "PK 62, Sanayi Mah. Kutu Sok. No: 3, Manisa",
                "Murat Kaya",
                "gokceada-ambalaj.example",
            ),
        ),
        (
            ("CIV-M10", "Altıgen başlı cıvata M10x35 galvaniz", "4.60"),
            ("CNT-KAU", "Kauçuk conta 50 mm siyah", "2.15"),
            ("KUT-OLK", "Oluklu mukavva kutu 400x300x200", "18.40"),
            ("YAY-BAS", "Basma yayı paslanmaz çelik", "3.35"),
            ("RUL-600", "Rulman 6004 kapaklı", "56.00"),
            ("VAN-KUR", "Küresel vana pirinç 1 inç", "240.00"),
        ),
    ),
    "zh": Loc(
        "zh",
        ".",
        ",",
        "cjk",
        "CNY",
        "13",
        "个",
        _w(
            "采购订单|订单编号|下单日期|交货日期|供应商|收货地址|物料编码|物料名称 规格|数量|单位|"
            "单价|金额|不含税金额|税额|价税合计|页|采购条款|版本|每|含税单价"
        ),
        (
            ("常州青枫电器配件有限公司", "江苏省常州市武进区湖塘镇青枫路318号", "沈晓雯", "qingfeng-dq.example"),
            ("宁波澜石五金制品有限公司", "浙江省宁波市北仑区大碶街道澜石路77号", "邬建平", "lanshi-wj.example"),
        ),
        (
            ("LS-M4", "十字盘头螺钉 M4x10 镀镍", "0.06"),
            ("MF-O", "硅胶密封圈 内径20mm 红色", "0.35"),
            ("WK-ABS", "ABS外壳 灰色 带卡扣", "6.80"),
            ("TH-304", "压缩弹簧 304不锈钢 线径1.0", "0.22"),
            ("DX-UL", "电源线 UL2464 3芯 1.5米", "4.75"),
            ("ZX-5C", "五层瓦楞纸箱 500x400x300", "3.90"),
        ),
    ),
    "zh-Hant": Loc(
        "zh-Hant",
        ".",
        ",",
        "cjk",
        "TWD",
        "5",
        "個",
        _w(
            "採購單|採購單號|採購日期|交貨日期|供應商|送貨地址|料號|品名 規格|數量|單位|"
            "單價|金額|未稅合計|營業稅|含稅總計|頁|採購條款|版次|每|含稅單價"
        ),
        (
            ("新竹雲岫精密股份有限公司", "新竹縣湖口鄉光復北路168號", "林佩君", "yunxiu-precision.example"),
            ("台中禾楓塑膠工業有限公司", "台中市大雅區雅潭路三段52號", "張志豪", "hefeng-plastic.example"),
        ),
        (
            ("SC-M3", "不鏽鋼螺絲 M3x8 圓頭", "2"),
            ("OR-V", "氟橡膠 O型環 內徑15", "5"),
            ("HS-PC", "PC透明外殼 附螺絲", "85"),
            ("SP-CU", "磷銅彈片 鍍錫", "3"),
            ("CB-FL", "排線 20P 間距1.27 長度30cm", "28"),
            ("BX-KR", "牛皮紙箱 三層 450x350x250", "36"),
        ),
    ),
    "ja": Loc(
        "ja",
        ".",
        ",",
        "cjk",
        "JPY",
        "10",
        "個",
        _w(
            "注文書|注文番号|発注日|納期|仕入先|納入場所|品番|品名 仕様|数量|単位|"
            "単価|金額|小計|消費税|合計金額|頁|取引条件|改訂|当たり|税込単価"
        ),
        (
            (
                "株式会社岩槻ハーネス工業",
                "埼玉県さいたま市岩槻区本丸2丁目14番6号",
                "田村 恵理",
                "iwatsuki-harness.example",
            ),
            ("有限会社霧島精工", "鹿児島県霧島市国分野口町21-3", "坂元 健太", "kirishima-seiko.example"),
        ),
        (
            ("NJ-M5", "六角ナット M5 ステンレス", "4"),
            ("PK-ニトリル", "Oリング ニトリル 内径22", "12"),
            ("CS-ALD", "アルミダイカスト ケース 黒", "860"),
            ("BN-SUS", "圧縮ばね SUS304 線径0.6", "18"),
            ("HN-UL", "ハーネス 4芯 300mm コネクタ付", "340"),
            ("DB-A", "段ボール箱 A式 400x300x250", "150"),
        ),
    ),
    "ko": Loc(
        "ko",
        ".",
        ",",
        "ko",
        "KRW",
        "10",
        "EA",
        _w(
            "발주서|발주번호|발주일자|납기일자|공급업체|납품장소|품목코드|품명 규격|수량|단위|"
            "단가|금액|공급가액|부가세|합계금액|페이지|구매 조건|개정|당|부가세 포함 단가"
        ),
        (
            ("창원한별정밀 주식회사", "경상남도 창원시 성산구 공단로 271번길 9", "박서연", "hanbyul-precision.example"),
            ("인천푸른솔포장 주식회사", "인천광역시 남동구 남동대로 88", "최민호", "pureunsol-pack.example"),
        ),
        (
            ("BT-M6", "육각볼트 M6x20 아연도금", "85"),
            ("OR-NBR", "오링 NBR 내경 30", "120"),
            ("CS-AL", "알루미늄 케이스 검정 아노다이징", "12500"),
            ("SP-SUS", "압축 스프링 스테인리스", "240"),
            ("HN-4P", "와이어 하네스 4핀 250mm", "1850"),
            ("BX-3", "골판지 상자 3겹 400x300x200", "960"),
        ),
    ),
    "da": Loc(
        "da",
        ",",
        ".",
        "dmy_dash",
        "DKK",
        "25",
        "stk",
        _w(
            "INDKØBSORDRE|Ordrenummer|Ordredato|Leveringsdato|Leverandør|Leveringsadresse|Varenr.|Beskrivelse|Antal|Enhed|"
            "Stykpris|Beløb|Subtotal|Moms|I alt|Side|Almindelige indkøbsbetingelser|Revision|Pr.|Pris inkl. moms"
        ),
        (
            ("Skovlunde Hydraulik ApS", "Kornmarken 42, 2740 Skovlunde", "Mette Kjærgaard", "skovlunde-hyd.example"),
            (
                "Vesterbølle Emballage A/S",
                "Postboks 118, Fabriksvej 5, 9640 Farsø",
                "Anders Holm",
                "vesterbolle.example",
            ),
        ),
        (
            ("BLT-M8", "Sekskantbolt M8x30 galvaniseret", "1.10"),
            ("PAK-NBR", "Pakning nitril 35 mm", "2.40"),
            ("KAS-ALU", "Aluminiumskasse 200x120x60", "165.00"),
            ("FJD-RF", "Trykfjeder rustfri 20 mm", "3.20"),
            ("LEJ-KUG", "Kugleleje 6203 lukket", "38.00"),
            ("PAP-KAS", "Papkasse 400x300x300 dobbelt bølge", "9.80"),
        ),
    ),
}


# --------------------------------------------------------------------------- figures and dates

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "da": "januar februar marts april maj juni juli august september oktober november december",
}


def when(d: date, style: str, lang: str = "en") -> str:
    """``d`` written the way one ERP or one country writes it."""
    mon = MONTHS["en"].split()[d.month - 1][:3]
    if style == "mon_d_y":  # Jan 08, 2026
        return f"{mon} {d.day:02d}, {d.year}"
    if style == "d_mon_yy_slash":  # 08/Jan/26
        return f"{d.day:02d}/{mon}/{d.year % 100:02d}"
    if style == "d_mon_y":  # 8 Jan 2026
        return f"{d.day} {mon} {d.year}"
    if style == "upper":  # 08-JAN-26
        return f"{d.day:02d}-{mon.upper()}-{d.year % 100:02d}"
    if style == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "mdy_slash":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "dmy_dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "iso_short":  # 2026-1-8
        return f"{d.year}-{d.month}-{d.day}"
    if style == "ymd_slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "cjk":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "reiwa":
        return f"令和{d.year - 2018}年{d.month}月{d.day}日"
    if style == "ko":
        return f"{d.year}. {d.month}. {d.day}."
    if style == "long":
        name = MONTHS[lang].split()[d.month - 1]
        if lang == "en":
            return f"{name} {d.day}, {d.year}"
        if lang in ("de", "cs", "da"):
            return f"{d.day}. {name} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {name} de {d.year}"
        return f"{d.day} {name} {d.year}"
    raise ValueError(style)


def num(x: Decimal, loc: Loc, places: int = 2, thousands: bool = True) -> str:
    """``x`` with the language's decimal mark and (optionally) thousands separator."""
    text = f"{x:,.{places}f}" if thousands else f"{x:.{places}f}"
    return text.replace(",", "\0").replace(".", loc.dec).replace("\0", loc.thou if thousands else "")


def places_of(currency: str) -> int:
    return 0 if currency in WHOLE else 2


def qty_text(q: Decimal, loc: Loc) -> str:
    """A quantity: whole numbers without decimals, thousands separated."""
    if q == q.to_integral_value():
        return num(q, loc, 0)
    return num(q, loc, 3)


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


# --------------------------------------------------------------------------- order data


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per unit, as golden
    places: int
    per: int = 1  # the price is printed per this many units
    due: date | None = None
    sched: list[tuple[date, Decimal]] = field(default_factory=list)  # (date, quantity) parts

    @property
    def amount(self) -> Decimal:
        return (self.qty * self.price).quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)


@dataclass
class Order:
    family: str
    lang: str
    buyer: str
    addr: str
    person: str
    domain: str
    number: str
    ordered: date
    due: date
    currency: str
    lines: list[Line]
    vat: Decimal = Decimal(0)
    freight: Decimal = Decimal(0)
    line_tax: bool = False  # VAT worked out line by line (else on the sum)
    rev: int = 0

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-places_of(self.currency))

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        rate = self.vat / 100
        if self.line_tax:
            return sum(((ln.amount * rate).quantize(self.quantum, ROUND_HALF_UP) for ln in self.lines), Decimal(0))
        return ((self.net + self.freight) * rate).quantize(self.quantum, ROUND_HALF_UP)

    @property
    def total(self) -> Decimal:
        return self.net + self.freight + self.tax

    @property
    def first_due(self) -> date:
        dates = [d for ln in self.lines for d, _ in ln.sched] + [ln.due for ln in self.lines if ln.due]
        return min(dates) if dates else self.due

    def golden(self, *, review: bool = False, source: str | None = None) -> dict:
        """What a correct reading of the order says (the keys the bench compares)."""
        lines = []
        for ln in self.lines:
            line = {
                "item": ln.code,
                "description": ln.text,
                "quantity": str(ln.qty),
                "unit": ln.unit,
                "unit_price": str(ln.price),
                "amount": str(ln.amount),
            }
            due = ln.sched[0][0] if ln.sched else ln.due
            if due:
                line["delivery_date"] = due.isoformat()
            lines.append(line)
        order = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.first_due.isoformat(),
            "currency": self.currency,
            "total": str(self.total),
            "lines": lines,
        }
        golden: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            golden["needs_review"] = True
        if source:
            golden["source"] = source
        return golden


QTYS = (12, 25, 40, 60, 75, 100, 120, 150, 200, 240, 300, 450, 500, 510, 600, 750, 1000, 1200, 2500)


def make_order(seed: int, key: str, lang: str, n: int, numberer: Callable[[random.Random], str]) -> Order:
    """An order of ``n`` lines for the family drawn as ``key``: the buyer is the key's own (the
    same for every seed), the number, dates, goods and quantities are the seed's draw."""
    loc = LOCS[lang]
    company, addr, person, domain = random.Random(f"buyer:{key}").choice(loc.buyers)
    r = random.Random(f"{seed}:{key}")
    places = places_of(loc.currency)
    number = numberer(r)
    ordered = date(2026, 9, 21) + timedelta(days=r.randrange(0, 60))  # up to 19 Nov 2026
    due = date(2026, 11, 30) + timedelta(days=r.randrange(0, 75))
    lines = []
    for stem, text, base in r.sample(loc.goods, min(n, len(loc.goods))):
        factor = Decimal(r.randrange(85, 125)) / 100
        price = (Decimal(base) * factor).quantize(Decimal(1).scaleb(-max(places, 2 if places else 0)), ROUND_HALF_UP)
        if places == 0:
            price = max(Decimal(1), price.quantize(Decimal(1), ROUND_HALF_UP))
        elif price < Decimal("0.01"):
            price = Decimal("0.01")
        code = f"{stem}-{r.randrange(100, 999)}" if r.random() < 0.5 else f"{stem}{r.randrange(1000, 9999)}"
        lines.append(Line(code, text, Decimal(r.choice(QTYS)), loc.unit, price, places))
    return Order(key, lang, company, addr, person, domain, number, ordered, due, loc.currency, lines)


def per_basis(o: Order, r: random.Random, per: int) -> None:
    """Prices printed per ``per`` units (per 100, per 1,000): the printed price has two decimals,
    the golden unit price is that over ``per``; quantities come in round lots."""
    for ln in o.lines:
        ln.per = per
        printed = (ln.price * per * Decimal(r.randrange(90, 110)) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        ln.price = printed / per
        ln.qty = Decimal(r.choice((2000, 5000, 8000, 10000, 12500, 20000, 25000)))


def printed_price(ln: Line, loc: Loc) -> str:
    """The price as the document prints it: per ``ln.per`` units, never thousands-separated when
    smaller than a unit."""
    value = ln.price * ln.per
    places = ln.places if ln.per == 1 else 2
    if value < 1 and ln.places:
        places = max(places, len(str(value.normalize()).split(".")[-1]) if "." in str(value.normalize()) else 2)
    return num(value, loc, places)


def schedule(o: Order, r: random.Random) -> None:
    """Each line delivered in two or three parts: the parts add up to the line's quantity."""
    for ln in o.lines:
        parts = r.choice((2, 3))
        lot = (ln.qty / parts).quantize(Decimal(1), ROUND_HALF_UP)
        qtys = [lot] * (parts - 1) + [ln.qty - lot * (parts - 1)]
        start = o.due + timedelta(days=r.randrange(0, 10))
        ln.sched = [(start + timedelta(days=14 * k), q) for k, q in enumerate(qtys)]


def line_dates(o: Order, r: random.Random) -> None:
    """Each line due on a date of its own, none before the order's."""
    for k, ln in enumerate(o.lines):
        ln.due = o.due + timedelta(days=7 * k + r.randrange(0, 3))


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Fam:
    """One producer's layout: how every drawing of the family looks."""

    name: str
    lang: str
    producer: str  # canvas, fpdf, scan-pdf, scan-png-mail, scan-jpeg-mail, xlsx, docx, lo-docx-pdf, lo-xlsx-pdf, lo-xlsx-xlsx, mail-text, mail-html
    head: str = "right"  # right, under, band, combo, letter, spool
    number: str = "PO#####"  # '#' a digit, 'A' a letter
    dates: str | None = None  # date style; None: the language's own
    flags: frozenset = frozenset()  # what the layout does (see ``Layout`` and the writers)
    per: int = 1
    footer: str = ""  # the ERP's print stamp
    kind: str | None = None  # not an order: ack, invoice, quote, delivery, remit, rfq, statement, forecast
    charset: str = "utf-8"
    subject: str = ""
    dpi: int = 200

    def has(self, flag: str) -> bool:
        return flag in self.flags


def F(name: str, lang: str, producer: str, flags: str = "", **kw: Any) -> Fam:
    return Fam(name, lang, producer, flags=frozenset(flags.split()), **kw)


FAMILY_LIST: tuple[Fam, ...] = (
    # ---- reportlab canvas
    F(
        "en-acumatica-labels-left-per-m-stuck-units",
        "en",
        "canvas",
        "stuck vat0",
        head="right",
        number="PO######",
        per=1000,
        footer="Acumatica Cloud ERP",
    ),
    F(
        "en-oracle-fusion-po-no-date-one-label-rev",
        "en",
        "canvas",
        "rev noise",
        head="combo",
        number="45########",
        dates="mdy_slash",
        footer="Oracle Fusion Procurement",
    ),
    F(
        "de-sap-s4-ausgabeformular-fensterbrief",
        "de",
        "canvas",
        "terms noise vat",
        head="letter",
        number="45########",
        footer="SAP S/4HANA Ausgabeformular",
    ),
    F(
        "de-lexware-preis-je-100-umbrochen",
        "de",
        "canvas",
        "wrap vat",
        head="under",
        number="B-2026-####",
        per=100,
        footer="Lexware warenwirtschaft",
    ),
    F(
        "fr-sage100-sous-lignes-echeancier",
        "fr",
        "canvas",
        "sched vat",
        head="band",
        number="BC######",
        dates="long",
        footer="Sage 100 Gestion commerciale",
    ),
    F(
        "it-teamsystem-codici-su-due-righe",
        "it",
        "canvas",
        "split vat",
        head="right",
        number="OA/2026/####",
        footer="TeamSystem Enterprise",
    ),
    F(
        "es-holded-pedido-sigue-sin-cabecera",
        "es",
        "canvas",
        "cont vat",
        head="under",
        number="PC-2026-#####",
        footer="Holded",
    ),
    F(
        "nl-visma-net-inkooporder-kopband",
        "nl",
        "canvas",
        "vat wrap",
        head="band",
        number="IO#######",
        dates="long",
        footer="Visma.net ERP",
    ),
    F(
        "pl-symfonia-cena-netto-i-brutto",
        "pl",
        "canvas",
        "gross vat",
        head="right",
        number="ZK/####/11/2026",
        footer="Symfonia Handel",
    ),
    F(
        "cs-pohoda-objednavka-dve-tabulky",
        "cs",
        "canvas",
        "two vat",
        head="letter",
        number="OBV26#####",
        footer="POHODA",
    ),
    F(
        "sv-fortnox-inkopsorder-tomma-rader",
        "sv",
        "canvas",
        "empty terms vat",
        head="under",
        number="######",
        footer="Fortnox",
    ),
    F(
        "zh-1688-web-print-hanshui-danjia",
        "zh",
        "canvas",
        "gross vat",
        head="band",
        number="CG2026########",
        footer="1688采购助手 网页打印",
    ),
    F(
        "zh-hant-dingxin-caigoudan-fenpi",
        "zh-Hant",
        "canvas",
        "sched vat",
        head="right",
        number="PO-########",
        dates="ymd_slash",
        footer="鼎新 Workflow ERP",
    ),
    F(
        "ja-obic-chumonsho-reiwa-waku",
        "ja",
        "canvas",
        "vat noise",
        head="under",
        number="A#######",
        dates="reiwa",
        footer="OBIC7 販売管理",
    ),
    F("ko-ecount-balju-jeom-naljja", "ko", "canvas", "vat", head="band", number="PO-2026-####", footer="ECOUNT ERP"),
    F(
        "tr-mikro-satinalma-kdv-dahil",
        "tr",
        "canvas",
        "gross vat",
        head="right",
        number="SAS######",
        footer="Mikro Yazılım",
    ),
    F(
        "pt-phc-encomenda-etiquetas-a-esquerda",
        "pt",
        "canvas",
        "vat freight",
        head="right",
        number="EF 2026/####",
        dates="long",
        footer="PHC CS",
    ),
    F(
        "en-plex-spool-schedule-upper-dates",
        "en",
        "canvas",
        "sched mono",
        head="spool",
        number="######",
        dates="upper",
        footer="Plex Manufacturing Cloud",
    ),
    F(
        "en-qad-spool-continued-page-two",
        "en",
        "canvas",
        "cont mono page",
        head="spool",
        number="PO#####",
        dates="d_mon_yy_slash",
        footer="QAD Adaptive ERP",
    ),
    F(
        "en-business-central-wrapped-descriptions",
        "en",
        "canvas",
        "wrap freight",
        head="band",
        number="PO-#####",
        dates="mon_d_y",
        footer="Microsoft Dynamics 365 Business Central",
    ),
    F(
        "da-uniconta-indkobsordre-linjedatoer",
        "da",
        "canvas",
        "linedates vat",
        head="under",
        number="IK#####",
        footer="Uniconta",
    ),
    # ---- fpdf2
    F(
        "en-xero-po-values-under-labels",
        "en",
        "fpdf",
        "",
        head="under",
        number="PO-####",
        dates="d_mon_y",
        footer="Xero",
    ),
    F(
        "en-quickbooks-po-box-phone-near-number",
        "en",
        "fpdf",
        "noise freight",
        head="right",
        number="####",
        dates="mdy_slash",
        footer="QuickBooks Online",
    ),
    F(
        "en-zoho-books-revised-po-keeps-number",
        "en",
        "fpdf",
        "rev",
        head="band",
        number="PO-#####",
        dates="d_mon_y",
        footer="Zoho Books",
    ),
    F(
        "de-datev-blank-line-units",
        "de",
        "fpdf",
        "blank vat",
        head="letter",
        number="#######",
        footer="DATEV Auftragswesen",
    ),
    F(
        "fr-ebp-prix-au-mille",
        "fr",
        "fpdf",
        "vat",
        head="right",
        number="CF####",
        per=1000,
        footer="EBP Gestion Commerciale",
    ),
    F(
        "es-a3erp-fechas-por-linea",
        "es",
        "fpdf",
        "linedates vat",
        head="band",
        number="####/26",
        dates="long",
        footer="a3ERP",
    ),
    F(
        "it-danea-ordine-fornitore-a-capo",
        "it",
        "fpdf",
        "wrap vat",
        head="under",
        number="##/2026",
        dates="long",
        footer="Danea Easyfatt",
    ),
    F(
        "pl-wapro-ceny-za-100-szt",
        "pl",
        "fpdf",
        "vat",
        head="letter",
        number="ZD ####/2026",
        per=100,
        footer="WAPRO Mag",
    ),
    F("nl-unit4-twee-labels-een-waarde", "nl", "fpdf", "vat", head="combo", number="45#######", footer="Unit4 ERP"),
    F(
        "zh-wecom-shenpi-dayin-duanriqi",
        "zh",
        "fpdf",
        "vat",
        head="under",
        number="PR########",
        dates="iso_short",
        footer="企业微信审批 打印",
    ),
    F(
        "ja-rakuten-style-chumon-suryo-tani-ittai",
        "ja",
        "fpdf",
        "vat stuck",
        head="right",
        number="R-########",
        dates="cjk",
        footer="受発注システム",
    ),
    F(
        "sv-pyramid-bestallning-sidnummer",
        "sv",
        "fpdf",
        "cont page vat",
        head="right",
        number="B######",
        footer="Pyramid Business Studio",
    ),
    F("cs-money-s3-objednavka-revize", "cs", "fpdf", "rev vat", head="band", number="OV-####/26", footer="Money S3"),
    F(
        "tr-eta-siparis-satir-tarihleri",
        "tr",
        "fpdf",
        "linedates vat",
        head="under",
        number="ST-#####",
        footer="ETA:SQL",
    ),
    F("ko-douzone-balju-du-pyo", "ko", "fpdf", "vat two", head="right", number="B2026####", footer="더존 iCUBE"),
    F(
        "en-sage-intacct-price-stuck-to-unit",
        "en",
        "fpdf",
        "pricestuck freight",
        head="under",
        number="PO-######",
        dates="mon_d_y",
        footer="Sage Intacct",
    ),
    F(
        "en-sap-po-number-slash-date-item-over-two-rows",
        "en",
        "canvas",
        "tworow vendorno page",
        head="combo",
        number="45########",
        dates="mdy_slash",
        per=1000,
        footer="SAP S/4HANA",
    ),
    F(
        "de-bydesign-position-zweizeilig-lieferantennr",
        "de",
        "fpdf",
        "tworow vendorno vat",
        head="right",
        number="########",
        footer="SAP Business ByDesign",
    ),
    F(
        "es-odoo17-impresion-web-dos-filas",
        "es",
        "fpdf",
        "tworow vat",
        head="under",
        number="P#####",
        footer="Odoo 17",
    ),
    # ---- openpyxl
    F("en-xlsx-stacked-header-blocks", "en", "xlsx", "stacked freight", number="PO-#####", dates="mdy_slash"),
    F("de-xlsx-bestellung-zellen-verbunden-kopf", "de", "xlsx", "merged vat", number="BE-######"),
    F("fr-xlsx-deuxieme-feuille-archive-masquee", "fr", "xlsx", "second vat", number="CMD-#####"),
    F("nl-xlsx-eenheid-in-aantal-cel", "nl", "xlsx", "stuck vat", number="#######"),
    F("zh-xlsx-caigou-hanshui-danjia", "zh", "xlsx", "gross merged vat", number="PO########"),
    F("ja-xlsx-chumon-reiwa-tsumiage", "ja", "xlsx", "stacked vat", number="######", dates="reiwa"),
    F("pt-xlsx-encomenda-segunda-folha", "pt", "xlsx", "second vat", number="ENC-####"),
    F("it-xlsx-ordine-prezzo-per-100", "it", "xlsx", "merged vat", number="OF######", per=100),
    # ---- python-docx
    F("en-docx-header-band-empty-rows", "en", "docx", "empty terms", number="PO####", dates="mon_d_y"),
    F("it-docx-ordine-caselle-etichette", "it", "docx", "boxes vat", number="ODA-####"),
    F("es-docx-pedido-condiciones-al-final", "es", "docx", "terms vat", number="P######"),
    F("ko-docx-balju-pyo", "ko", "docx", "boxes vat", number="KP-######"),
    # ---- LibreOffice at bench time
    F("de-docx-einkauf-formular-pdf-libreoffice", "de", "lo-docx-pdf", "boxes vat terms", number="EK-#####"),
    F("pl-xlsx-drukowany-libreoffice", "pl", "lo-xlsx-pdf", "merged vat", number="ZAM/####/26"),
    F("sv-xlsx-sparad-om-calc", "sv", "lo-xlsx-xlsx", "stacked vat", number="IO-#####"),
    # ---- mail bodies
    F(
        "ja-mail-iso-2022-jp-chumon-hombun",
        "ja",
        "mail-text",
        "vat",
        number="######",
        charset="iso-2022-jp",
        subject="注文書送付の件",
    ),
    F(
        "ko-mail-euc-kr-balju-bonmun",
        "ko",
        "mail-text",
        "vat",
        number="PO######",
        charset="euc-kr",
        subject="발주 요청",
    ),
    F("zh-hant-mail-big5-caigou", "zh-Hant", "mail-text", "vat", number="P########", charset="big5", subject="採購單"),
    F(
        "zh-mail-gbk-caigou-dingdan-zhengwen",
        "zh",
        "mail-text",
        "vat",
        number="CG######",
        charset="gbk",
        subject="采购订单",
    ),
    F(
        "it-mail-html-iso-8859-15-ordine-tabella",
        "it",
        "mail-html",
        "vat",
        number="OA-#####",
        charset="iso-8859-15",
        subject="Ordine di acquisto",
    ),
    F(
        "pl-mail-iso-8859-2-zamowienie",
        "pl",
        "mail-text",
        "vat",
        number="ZAM-#####",
        charset="iso-8859-2",
        subject="Zamówienie",
    ),
    F(
        "tr-mail-html-windows-1254-siparis",
        "tr",
        "mail-html",
        "vat",
        number="SP######",
        charset="windows-1254",
        subject="Sipariş",
    ),
    F(
        "en-mail-html-outlook-table-utf8",
        "en",
        "mail-html",
        "freight",
        number="PO-######",
        charset="utf-8",
        subject="Purchase Order",
    ),
    F(
        "cs-mail-html-windows-1250-objednavka",
        "cs",
        "mail-html",
        "vat",
        number="OBJ######",
        charset="windows-1250",
        subject="Objednávka",
    ),
    # ---- orders attached to a mail
    F(
        "de-mail-pdf-anhang-weclapp-fensterbrief",
        "de",
        "attach-pdf",
        "vat terms",
        head="letter",
        number="B######",
        subject="Bestellung",
        footer="weclapp",
    ),
    F(
        "fr-mail-pdf-joint-cegid-bandeau",
        "fr",
        "attach-pdf",
        "vat sched",
        head="band",
        number="CDE######",
        dates="dmy_dot",
        subject="Commande",
        footer="Cegid",
    ),
    F(
        "en-mail-spool-txt-attachment-syteline",
        "en",
        "attach-txt",
        "freight",
        number="P#######",
        dates="upper",
        subject="PO",
    ),
    F(
        "sv-mail-txt-bilaga-visma-administration",
        "sv",
        "attach-txt",
        "vat terms",
        number="#####",
        subject="Inköpsorder",
    ),
    # ---- scans (image only: a person checks)
    F("de-fax-200dpi-schwarzweiss", "de", "scan-pdf", "fax vat", head="letter", number="45########", dpi=200),
    F("en-scan-300dpi-rotated-pdf", "en", "scan-pdf", "", head="band", number="PO#####", dates="mon_d_y", dpi=300),
    F(
        "fr-scan-jpeg-joint-courriel",
        "fr",
        "scan-jpeg-mail",
        "vat",
        head="right",
        number="BC-#####",
        dpi=200,
        subject="Commande",
    ),
    F(
        "zh-scan-png-youjian-fujian",
        "zh",
        "scan-png-mail",
        "vat",
        head="under",
        number="CG########",
        dpi=200,
        subject="采购订单",
    ),
    F(
        "ja-fax-200dpi-chumonsho-reiwa",
        "ja",
        "scan-pdf",
        "fax vat",
        head="right",
        number="######",
        dates="reiwa",
        dpi=200,
    ),
    F(
        "it-scan-250dpi-ordine-due-righe",
        "it",
        "scan-pdf",
        "tworow vat",
        head="under",
        number="OA######",
        dpi=250,
    ),
    # ---- not orders
    F(
        "not-order-de-lieferschein-mail-pdf",
        "de",
        "attach-pdf",
        "",
        head="under",
        number="45########",
        kind="delivery",
        subject="Lieferschein zu Ihrer Bestellung",
    ),
    F("not-order-en-po-acknowledgement", "en", "fpdf", "", head="right", number="PO#####", kind="ack"),
    F("not-order-ja-mitsumori-irai-fpdf", "ja", "fpdf", "", head="under", number="MI-######", kind="rfq"),
    F(
        "not-order-de-rechnung-mit-bestellbezug",
        "de",
        "canvas",
        "vat",
        head="letter",
        number="45########",
        kind="invoice",
    ),
    F("not-order-fr-devis-fournisseur", "fr", "canvas", "vat", head="band", number="BC#####", kind="quote"),
    F("not-order-nl-pakbon-levering", "nl", "canvas", "", head="under", number="IO#######", kind="delivery"),
    F(
        "not-order-sv-betalningsavisering-mail",
        "sv",
        "mail-text",
        "",
        number="######",
        kind="remit",
        subject="Betalningsavisering",
    ),
    F(
        "not-order-it-rdo-richiesta-quotazione-mail",
        "it",
        "mail-html",
        "",
        number="RDO-####",
        kind="rfq",
        subject="Richiesta di offerta",
    ),
    F(
        "not-order-es-extracto-cuenta-proveedor-fpdf",
        "es",
        "fpdf",
        "",
        head="right",
        number="PC-2026-#####",
        kind="statement",
    ),
    F("not-order-zh-xuqiu-yuce-xlsx", "zh", "xlsx", "", number="FC########", kind="forecast"),
    F("not-order-pl-oferta-cenowa", "pl", "fpdf", "vat", head="band", number="ZK/####/11/2026", kind="quote"),
)

FAMILIES: tuple[str, ...] = tuple(f.name for f in FAMILY_LIST)
FAMILY_OF = {f.name: f for f in FAMILY_LIST}
CONVERTED = frozenset(f.name for f in FAMILY_LIST if f.producer.startswith("lo-"))
IMAGES = frozenset(f.name for f in FAMILY_LIST if f.producer.startswith("scan-"))
BODIES = frozenset(f.name for f in FAMILY_LIST if f.producer.startswith("mail-") and not f.kind)
CODES_SPLIT = frozenset(f.name for f in FAMILY_LIST if f.has("split"))
NOT_ORDER_KIND = {"remit": "payment_advice"}  # every other kind is "other"

KIND_TITLES = {  # the title of a document that is not an order, per kind (languages without one: English)
    "ack": {"en": "ORDER ACKNOWLEDGEMENT", "cs": "POTVRZENÍ OBJEDNÁVKY"},
    "invoice": {"de": "RECHNUNG", "en": "INVOICE"},
    "quote": {"fr": "DEVIS", "pl": "OFERTA CENOWA", "en": "QUOTATION"},
    "delivery": {"nl": "PAKBON", "de": "LIEFERSCHEIN", "en": "DELIVERY NOTE"},
    "statement": {"es": "EXTRACTO DE CUENTA", "en": "STATEMENT OF ACCOUNT"},
    "forecast": {"zh": "滚动需求预测 (非订单)", "en": "FORECAST - NOT AN ORDER"},
    "rfq": {"ja": "見積依頼書", "en": "REQUEST FOR QUOTATION"},
}
KIND_REF = {  # how such a document refers to the buyer's order or request
    "ack": {"en": "Your PO"},
    "invoice": {"de": "Ihre Bestellung"},
    "quote": {"fr": "Votre demande", "pl": "Zapytanie nr"},
    "delivery": {"nl": "Uw inkooporder", "de": "Ihre Bestellung"},
    "statement": {"es": "Su pedido"},
    "forecast": {"zh": "参考订单"},
    "rfq": {"ja": "見積依頼番号"},
}
CURRENCY_LABEL = {
    "en": "Currency",
    "de": "Währung",
    "fr": "Devise",
    "it": "Valuta",
    "es": "Moneda",
    "pt": "Moeda",
    "nl": "Valuta",
    "pl": "Waluta",
    "cs": "Měna",
    "sv": "Valuta",
    "tr": "Para Birimi",
    "zh": "币种",
    "zh-Hant": "幣別",
    "ja": "通貨",
    "ko": "통화",
    "da": "Valuta",
}


def doc_title(fam: Fam, loc: Loc) -> str:
    """What the document calls itself: an order, or the kind of look-alike it is."""
    if fam.kind in KIND_TITLES:
        return KIND_TITLES[fam.kind].get(loc.lang, KIND_TITLES[fam.kind]["en"])
    return loc.words["title"]


def numberer(pattern: str) -> Callable[[random.Random], str]:
    """A PO number drawer: ``#`` a digit, ``A`` a capital letter, the rest as is."""

    def draw(r: random.Random) -> str:
        out = []
        for ch in pattern:
            if ch == "#":
                out.append(str(r.randrange(1 if not out or not out[-1].isdigit() else 0, 10)))
            elif ch == "A":
                out.append(chr(65 + r.randrange(26)))
            else:
                out.append(ch)
        return "".join(out)

    return draw


# --------------------------------------------------------------------------- the page model


def font_name(lang: str, mono: bool = False, bold: bool = False) -> str:
    if lang in CJK:
        return "F11Cjk"
    if mono:
        return "F11Mono"
    return "F11SansBold" if bold else "F11Sans"


FONT_FILES = {"F11Cjk": CJK_FONT, "F11Mono": MONO, "F11SansBold": SANS_BOLD, "F11Sans": SANS}
_registered = False


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, path in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0) if path.endswith(".ttc") else TTFont(name, path))
    _registered = True


def width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    _register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


@dataclass
class Op:
    kind: str  # text, line, rect
    args: tuple


class Layout:
    """Pages of text, lines and boxes in points from the top-left corner: what the canvas, fpdf2
    and Pillow writers draw."""

    def __init__(self, lang: str, mono: bool = False):
        self.lang, self.mono = lang, mono
        self.pages: list[list[Op]] = [[]]
        self.y = 48.0

    def font(self, bold: bool = False) -> str:
        return font_name(self.lang, self.mono, bold)

    def text(
        self, x: float, y: float, s: str, size: float = 9, bold: bool = False, white: bool = False, right: bool = False
    ) -> None:
        f = self.font(bold)
        if right:
            x -= width(s, f, size)
        self.pages[-1].append(Op("text", (x, y, s, f, size, white)))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.pages[-1].append(Op("line", (x1, y1, x2, y2)))

    def rect(self, x: float, y: float, w: float, h: float, fill: bool = False) -> None:
        self.pages[-1].append(Op("rect", (x, y, w, h, fill)))

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 48.0

    def room(self, height: float) -> bool:
        """Starts a new page unless ``height`` points still fit above the footer; whether it did."""
        if self.y + height <= PAGE_H - 48:
            return False
        self.new_page()
        return True

    def wrap(self, s: str, w: float, size: float, bold: bool = False) -> list[str]:
        """``s`` broken at spaces into lines no wider than ``w`` (a word never broken)."""
        out: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for word in para.split(" "):
                trial = f"{cur} {word}" if cur else word
                if cur and width(trial, self.font(bold), size) > w:
                    out.append(cur)
                    cur = word
                else:
                    cur = trial
            out.append(cur)
        return out


# --------------------------------------------------------------------------- what a document says


def head_pairs(o: Order, loc: Loc, fam: Fam, style: str) -> list[tuple[str, str]]:
    """The labelled values of the head, in the order printed."""
    w = loc.words
    pairs: list[tuple[str, str]] = []
    if fam.kind == "rfq":  # a request: asked on a date, to be answered by another
        return [("見積依頼番号", o.number), ("依頼日", when(o.ordered, style)), ("回答期限", when(o.due, style))]
    if fam.kind:
        pairs.append((KIND_REF.get(fam.kind, {}).get(loc.lang, w["po"]), o.number))
        pairs.append((w["date"], when(o.ordered, style, loc.lang)))
        return pairs
    if fam.head == "combo":
        pairs.append((f"{w['po']}/{w['date']}", f"{o.number} / {when(o.ordered, style, loc.lang)}"))
    else:
        pairs.append((w["po"], o.number))
        pairs.append((w["date"], when(o.ordered, style, loc.lang)))
    if o.rev:
        pairs.append((w["rev"], f"Rev {o.rev}"))
        pairs.append((f"{w['rev']} {w['date']}", when(o.ordered + timedelta(days=3), style, loc.lang)))
    if fam.has("noise") or fam.has("page"):
        pairs.append((w["page"], "1/2" if fam.has("cont") else "1/1"))
    if fam.has("vendorno"):  # our number in the buyer's books: digits that are not the PO number
        pairs.append((VENDOR_NO.get(loc.lang, VENDOR_NO["en"]), str(100000 + crc(o.buyer) % 900000)))
    if fam.has("noise"):
        pairs.append(
            ("Tel.", f"+{30 + crc(o.buyer) % 60} {crc(o.number) % 900 + 100} {crc(o.family) % 9000000 + 1000000}")
        )
        pairs.append((PO_BOX.get(loc.lang, PO_BOX["en"]), str(1000 + crc(o.addr) % 9000)))
    if not any(ln.due or ln.sched for ln in o.lines):
        pairs.append((w["due"], when(o.due, style, loc.lang)))
    pairs.append((CURRENCY_LABEL[loc.lang], o.currency))
    return pairs


PO_BOX = {"en": "P.O. Box", "de": "Postfach", "ja": "私書箱"}  # a box number beside the PO number
VENDOR_NO = {
    "en": "Your vendor number with us",
    "de": "Ihre Lieferantennummer",
    "es": "Su nº de proveedor",
    "fr": "Votre n° fournisseur",
    "nl": "Uw leveranciersnummer",
}


def columns(o: Order, loc: Loc, fam: Fam) -> list[tuple[str, float, bool]]:
    """(heading, relative width, right-aligned) of each column of the lines table."""
    w = loc.words
    cols = [("#", 0.4, False), (w["item"], 1.5, False), (w["desc"], 3.6, False)]
    if fam.has("linedates"):
        cols.append((w["due"], 1.3, False))
    if fam.has("stuck") or fam.has("blank"):
        cols.append((w["qty"], 1.4, True))
    else:
        cols += [(w["qty"], 0.9, True), (w["unit"], 0.6, False)]
    price_head = w["price"]
    if fam.per == 1000 and loc.lang == "en":
        cols += [(price_head, 1.1, True), ("PER", 0.6, False)]
    elif fam.per > 1:
        cols += [(f"{price_head} / {fam.per}", 1.3, True)]
    else:
        cols.append((price_head, 1.1, True))
    if fam.has("gross"):
        cols.append((w["gross"], 1.2, True))
    cols.append((w["amount"], 1.3, True))
    return cols


def row_cells(o: Order, loc: Loc, fam: Fam, k: int, ln: Line, style: str) -> list[str]:
    """One line's cells, in the order of ``columns``."""
    code = ln.code
    if fam.has("split"):  # the ERP breaks long codes over two lines
        code = f"{ln.code[:5]}\n{ln.code[5:]}"
    cells = [str(10 * (k + 1)) if loc.lang in ("de", "en", "sv") else str(k + 1), code, ln.text]
    if fam.has("linedates"):
        cells.append(when(ln.due, style, loc.lang) if ln.due else "")
    if fam.has("stuck"):
        cells.append(f"{qty_text(ln.qty, loc)}/{ln.unit}")
    elif fam.has("blank"):
        cells.append(f"{qty_text(ln.qty, loc)} ____ {ln.unit}")
    else:
        cells += [qty_text(ln.qty, loc), ln.unit]
    cells.append(f"{printed_price(ln, loc)}/{ln.unit.title()}" if fam.has("pricestuck") else printed_price(ln, loc))
    if fam.per == 1000 and loc.lang == "en":
        cells.append("M")
    if fam.has("gross"):
        gross = (ln.price * (1 + o.vat / 100)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        cells.append(num(gross, loc, max(2, ln.places)))
    cells.append(num(ln.amount, loc, ln.places))
    return cells


def sched_cells(loc: Loc, fam: Fam, ncols: int, part: tuple[date, Decimal], style: str) -> list[str]:
    """A schedule sub-row under its line: the date and the part's quantity."""
    cells = [""] * ncols
    cells[2] = f"   {loc.words['due']}: {when(part[0], style, loc.lang)}"
    qty_col = 3 + fam.has("linedates")
    cells[qty_col] = qty_text(part[1], loc)
    return cells


def totals(o: Order, loc: Loc, fam: Fam) -> list[tuple[str, str]]:
    w = loc.words
    p = places_of(o.currency)
    rows = [(w["net"], num(o.net, loc, p))]
    if o.freight:
        rows.append(("Freight" if loc.lang == "en" else "Transport", num(o.freight, loc, p)))
    if o.vat or fam.has("vat0"):
        rows.append((f"{w['vat']} {o.vat}%", num(o.tax, loc, p)))
    rows.append((f"{w['total']} {o.currency}", num(o.total, loc, p)))
    return rows


TERMS = {
    "en": "1. Supplier shall reference the PO number on all packing lists and invoices. 2. Partial shipments only "
    "with prior written consent. 3. Goods remain subject to incoming inspection. 4. Invoices to accounts payable "
    "within 10 days of shipment.",
    "de": "1. Die Bestellnummer ist auf allen Lieferpapieren anzugeben. 2. Teillieferungen nur nach Absprache. "
    "3. Es gelten unsere Einkaufsbedingungen, Stand 01/2026. 4. Gerichtsstand ist der Sitz des Bestellers.",
    "sv": "1. Ordernummer ska anges på följesedel och faktura. 2. Delleveranser endast efter överenskommelse. "
    "3. Betalning 30 dagar netto. 4. Leverans fritt vårt lager.",
    "es": "1. Indique el número de pedido en albaranes y facturas. 2. No se admiten entregas parciales sin "
    "autorización. 3. Pago a 60 días fecha factura. 4. Mercancía sujeta a control de recepción.",
    "fr": "1. Le numéro de commande doit figurer sur tous les documents. 2. Livraisons partielles sur accord "
    "préalable. 3. Paiement à 45 jours fin de mois.",
}


def terms_text(loc: Loc) -> str:
    return TERMS.get(loc.lang, TERMS["en"])


# --------------------------------------------------------------------------- laying an order out


def compose(o: Order, loc: Loc, fam: Fam) -> Layout:
    """The pages of ``o`` in ``fam``'s layout."""
    mono = fam.has("mono")
    lay = Layout(loc.lang, mono)
    style = fam.dates or loc.dates
    w = loc.words
    title = doc_title(fam, loc)
    if o.rev:
        title += f"  -  {w['rev']} {o.rev}"
    pairs = head_pairs(o, loc, fam, style)
    left, right = 40.0, PAGE_W - 40.0
    if fam.head == "spool":
        _spool_head(lay, o, loc, fam, title, pairs)
    else:
        # letterhead: the buyer's name and address (ours on what we issue)
        if fam.kind in ISSUED_BY_US:
            lay.text(left, lay.y, US, 13, bold=True)
            lay.text(left, lay.y + 14, US_ADDR, 8)
            lay.text(left, lay.y + 25, "sales@example-manufacturing.example  ·  +86 769 8000 0000", 8)
        else:
            lay.text(left, lay.y, o.buyer, 13, bold=True)
            lay.text(left, lay.y + 14, o.addr, 8)
            lay.text(left, lay.y + 25, f"{o.person}  ·  purchasing@{o.domain}", 8)
        lay.y += 44
        if fam.head == "band":
            lay.rect(left, lay.y, right - left, 20, fill=True)
            lay.text(left + 6, lay.y + 14, title, 12, bold=True, white=True)
            lay.y += 28
            per_row = 4
            cw = (right - left) / per_row
            for i, (label, value) in enumerate(pairs):
                row, colno = divmod(i, per_row)
                x, y = left + colno * cw, lay.y + row * 30
                lay.rect(x, y, cw, 30)
                lay.text(x + 3, y + 10, label, 6.5)
                lay.text(x + 3, y + 24, value, 8, bold=True)
            lay.y += 30 * ((len(pairs) + per_row - 1) // per_row) + 12
            _vendor_block(lay, o, loc, left, issued_by_us=fam.kind in ISSUED_BY_US)
        elif fam.head == "under":
            lay.text(left, lay.y, title, 15, bold=True)
            lay.y += 14
            per_row = 3
            cw = (right - left) / per_row
            for i, (label, value) in enumerate(pairs):
                row, colno = divmod(i, per_row)
                x, y = left + colno * cw, lay.y + row * 32
                lay.rect(x, y, cw, 32)
                lay.text(x + 4, y + 10, label, 7)
                lay.text(x + 4, y + 25, value, 9.5, bold=True)
            lay.y += 32 * ((len(pairs) + per_row - 1) // per_row) + 14
            _vendor_block(lay, o, loc, left, issued_by_us=fam.kind in ISSUED_BY_US)
        elif fam.head == "letter":
            _vendor_block(lay, o, loc, left, window=True, issued_by_us=fam.kind in ISSUED_BY_US)
            x = 330.0
            y0 = lay.y - 58
            gap = max(width(label, lay.font(), 7.5) for label, _ in pairs) + 8
            for i, (label, value) in enumerate(pairs):
                lay.text(x, y0 + 12 * i, label, 7.5)
                lay.text(x + gap, y0 + 12 * i, value, 8)
            lay.y = max(lay.y, y0 + 12 * len(pairs)) + 12
            lay.text(left, lay.y, f"{title} {o.number}", 13, bold=True)
            lay.y += 20
        else:  # right: a column of labels, the values in the next column
            lay.text(right, lay.y - 44, title, 14, bold=True, right=True)
            box = max(width(label, lay.font(True), 7) for label, _ in pairs) + 8
            value_w = max(width(value, lay.font(), 8) for _, value in pairs)
            x = right - box - 6 - value_w
            y0 = lay.y
            for i, (label, value) in enumerate(pairs):
                lay.rect(x, y0 + 14 * i - 10, box, 14, fill=False)
                lay.text(x + 3, y0 + 14 * i, label, 7, bold=True)
                lay.text(x + box + 4, y0 + 14 * i, value, 8)
            _vendor_block(lay, o, loc, left, stacked=x - left - 12, issued_by_us=fam.kind in ISSUED_BY_US)
            lay.y = max(lay.y, y0 + 14 * len(pairs)) + 10
    _lines_table(lay, o, loc, fam, style, left, right)
    # totals
    sums = totals(o, loc, fam)
    if fam.kind in ("delivery", "rfq"):
        sums = []
    elif fam.kind == "statement":
        sums = [("Saldo pendiente", f"{num(o.net, loc)} {o.currency}")]
    for label, value in sums:
        lay.room(13)
        lay.text(right - 90, lay.y, label, 8.5, bold=True, right=True)
        lay.text(right, lay.y, value, 8.5, bold=label.startswith(w["total"]), right=True)
        lay.y += 13
    lay.y += 8
    if fam.has("two"):
        _schedule_table(lay, o, loc, style, left)
    if fam.has("terms"):
        lay.text(left, lay.y, w["terms"], 9, bold=True)
        lay.y += 12
        for row in lay.wrap(terms_text(loc), right - left, 7.5):
            lay.room(10)
            lay.text(left, lay.y, row, 7.5)
            lay.y += 10
    if fam.footer:
        for page_no, page in enumerate(lay.pages, 1):
            foot = f"{fam.footer}   {w['page']} {page_no}/{len(lay.pages)}"
            page.append(Op("text", (left, PAGE_H - 24, foot, lay.font(), 6.5, False)))
    return lay


US_ADDR_LINES = ("88 Industrial Road", "Chang'an Town, Dongguan", "Guangdong, China")


ISSUED_BY_US = {"ack", "invoice", "quote", "delivery", "statement"}  # the look-alikes the supplier writes
PARTY_WORD = {  # the buyer's label on what the supplier writes
    "en": "Customer",
    "de": "Kunde",
    "fr": "Client",
    "nl": "Klant",
    "es": "Cliente",
    "pl": "Nabywca",
    "cs": "Odběratel",
}


def _vendor_block(
    lay: Layout,
    o: Order,
    loc: Loc,
    left: float,
    window: bool = False,
    stacked: float = 0,
    issued_by_us: bool = False,
) -> None:
    """The supplier's address (in a window-envelope field for letters) and the ship-to address,
    side by side or, in a column ``stacked`` points wide, one under the other."""
    w = loc.words
    ours = issued_by_us  # a document we issue names the buyer in the address field
    if window:
        sender = f"{US} · {US_ADDR}" if ours else f"{o.buyer} · {o.addr}"
        lay.text(left, lay.y - 4, sender, 5.5)
        lay.line(left, lay.y - 1, left + 250, lay.y - 1)
    lay.text(left, lay.y + 8, PARTY_WORD.get(loc.lang, "Customer") if ours else w["vendor"], 7.5, bold=True)
    party = [o.buyer, *lay.wrap(o.addr, 240, 8)] if ours else [US, *US_ADDR_LINES]
    lay.text(left, lay.y + 19, party[0], 8.5)
    for i, part in enumerate(party[1:]):
        lay.text(left, lay.y + 30 + 10 * i, part, 8)
    if window:
        lay.y += 70
        return
    if stacked:
        lay.y += 66
        x, wide = left, stacked
    else:
        x, wide = left + 260, 250.0
    lay.text(x, lay.y + 8, w["ship"], 7.5, bold=True)
    lines = [o.buyer, *lay.wrap(o.addr, wide, 8)]
    for i, part in enumerate(lines):
        lay.text(x, lay.y + 19 + 10 * i, part, 8)
    lay.y += max(70, 26 + 10 * len(lines))


def _spool_head(lay: Layout, o: Order, loc: Loc, fam: Fam, title: str, pairs: list[tuple[str, str]]) -> None:
    """A monospace spool: the head as fixed-width text, labels with dotted leaders."""
    left = 36.0
    lay.text(left, lay.y, f"{o.buyer}", 10, bold=True)
    lay.text(left, lay.y + 11, o.addr, 8)
    lay.y += 30
    lay.text(left, lay.y, f"*** {title} ***", 11)
    lay.y += 18
    top = lay.y
    for i, (label, value) in enumerate(pairs):
        lay.text(left, top + 10 * i, f"{label:.<22} {value}", 8)
    for i, part in enumerate((f"{loc.words['vendor'].upper()}:", US, *US_ADDR_LINES)):
        lay.text(320, top + 10 * i, part, 8)
    lay.y = top + 10 * max(len(pairs), 2 + len(US_ADDR_LINES)) + 12


def table_of(o: Order, loc: Loc, fam: Fam, style: str) -> tuple[list[tuple[str, float, bool]], list[list[str]]]:
    """The columns and rows of a document's table: an order's lines with their schedule parts and
    empty template rows, a delivery note's goods without prices, a statement's open invoices."""
    cols = columns(o, loc, fam)
    if fam.kind == "statement":
        cols = [(h, wide, ralign) for h, wide, ralign in STATEMENT_COLUMNS]
        r = random.Random(f"{o.number}:statement")
        rows, balance = [], Decimal(0)
        for k, ln in enumerate(o.lines):
            balance += ln.amount
            issued = o.ordered - timedelta(days=30 - 7 * k)
            cells = [f"FV26-{r.randrange(10000, 99999)}", when(issued, style, loc.lang), o.number]
            cells += [when(issued + timedelta(days=60), style, loc.lang), num(ln.amount, loc), num(balance, loc)]
            rows.append(cells)
        return cols, rows
    rows: list[list[str]] = []
    for k, ln in enumerate(o.lines):
        rows.append(row_cells(o, loc, fam, k, ln, style))
        for part in ln.sched:
            rows.append(sched_cells(loc, fam, len(cols), part, style))
    if fam.has("empty"):
        rows += [[str(10 * (len(o.lines) + i + 1))] + [""] * (len(cols) - 1) for i in range(4)]
    if fam.kind in ("delivery", "rfq"):  # goods and quantities, no prices
        cols, rows = cols[:5], [cells[:5] for cells in rows]
    return cols, rows


STATEMENT_COLUMNS = (
    ("Factura", 1.4, False),
    ("Fecha", 1.3, False),
    ("Su pedido", 1.6, False),
    ("Vencimiento", 1.3, False),
    ("Importe", 1.2, True),
    ("Saldo", 1.2, True),
)


def _lines_table(lay: Layout, o: Order, loc: Loc, fam: Fam, style: str, left: float, right: float) -> None:
    cols, rows = table_of(o, loc, fam, style)
    total_w = sum(c[1] for c in cols)
    widths = [(right - left) * c[1] / total_w for c in cols]
    xs = [left + sum(widths[:i]) for i in range(len(cols))]
    size = 7.5
    boxed = not fam.has("mono")

    def bands(cells: list[str], bold: bool) -> list[list[tuple[float, float, bool, list[str]]]]:
        """The cells of a row as bands of (x, width, right-aligned, wrapped lines): one band, or
        two when the ERP prints a line over two rows (number, code and description over
        quantity, price and value)."""
        spans = [(range(len(cells)), xs, widths)]
        if fam.has("tworow"):
            spans = [
                (range(3), xs[:3], [widths[0], widths[1], right - xs[2]]),
                (range(3, len(cells)), xs[3:], widths[3:]),
            ]
        out = []
        for idx, bxs, bws in spans:
            band = [(x, cw, cols[j][2], lay.wrap(cells[j], cw - 4, size, bold)) for j, x, cw in zip(idx, bxs, bws)]
            if any(part for *_, parts in band for part in parts):
                out.append(band)
        return out

    def draw(cells: list[str], bold: bool = False, white: bool = False) -> float:
        """Draws a row at ``lay.y``; its height."""
        y = lay.y
        for band in bands(cells, bold):
            for x, cw, ralign, parts in band:
                for i, part in enumerate(parts):
                    lay.text(
                        x + cw - 2 if ralign else x + 2, y + 10 * i, part, size, bold=bold, white=white, right=ralign
                    )
            y += 10 * max(len(parts) for *_, parts in band)
        return y - lay.y

    def header() -> None:
        names = [name for name, _, _ in cols]
        height = 10 * sum(max(len(parts) for *_, parts in band) for band in bands(names, True)) + 4
        if boxed:
            lay.rect(left, lay.y - 10, right - left, height, fill=fam.head == "band")
        else:
            lay.line(left, lay.y + height - 10, right, lay.y + height - 10)
        draw(names, bold=True, white=boxed and fam.head == "band")
        lay.y += height

    header()
    break_after = 2 if fam.has("cont") else None
    for index, cells in enumerate(rows):
        if break_after is not None and index == break_after + sum(len(ln.sched) for ln in o.lines[:break_after]):
            lay.text(right, lay.y + 6, "./.", 7, right=True)
            lay.new_page()
            lay.text(left, lay.y, f"{o.buyer}   {loc.words['po']} {o.number}   {loc.words['page']} 2/2", 7)
            lay.y += 16  # the table goes on without its header
        if lay.room(10 * sum(max(len(parts) for *_, parts in band) for band in bands(cells, False)) + 3):
            header()  # a page full: the table goes on under its header repeated
        height = draw(cells) + 3
        if boxed:
            lay.line(left, lay.y + height - 9, right, lay.y + height - 9)
        lay.y += height
    lay.y += 10


def _schedule_table(lay: Layout, o: Order, loc: Loc, style: str, left: float) -> None:
    """A second table on the page: when each line comes, a row per line."""
    w = loc.words
    lay.room(26 + 11 * len(o.lines) + 10)
    lay.text(left, lay.y, f"{w['due']} / {w['item']}", 9, bold=True)
    lay.y += 13
    lay.rect(left, lay.y - 10, 330, 13)
    lay.text(left + 3, lay.y, w["item"], 7.5, bold=True)
    lay.text(left + 130, lay.y, w["qty"], 7.5, bold=True)
    lay.text(left + 210, lay.y, w["due"], 7.5, bold=True)
    lay.y += 13
    for ln in o.lines:
        lay.text(left + 3, lay.y, ln.code, 7.5)
        lay.text(left + 130, lay.y, qty_text(ln.qty, loc), 7.5)
        lay.text(left + 210, lay.y, when(ln.due or o.due, style, loc.lang), 7.5)
        lay.y += 11
    lay.y += 10


# --------------------------------------------------------------------------- the three page writers


def canvas_pdf(path: Path, lay: Layout, title: str) -> None:
    """The layout through reportlab's canvas (an invariant file: the same bytes every time)."""
    from reportlab.pdfgen import canvas

    _register_fonts()
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setTitle(title)
    c.setAuthor("")
    for page in lay.pages:
        for op in page:
            if op.kind == "text":
                x, y, s, f, size, white = op.args
                c.setFillGray(1 if white else 0)
                c.setFont(f, size)
                c.drawString(x, PAGE_H - y, s)
            elif op.kind == "line":
                x1, y1, x2, y2 = op.args
                c.setLineWidth(0.5)
                c.line(x1, PAGE_H - y1, x2, PAGE_H - y2)
            else:
                x, y, w, h, fill = op.args
                c.setFillGray(0.25)
                c.setLineWidth(0.6)
                c.rect(x, PAGE_H - y - h, w, h, stroke=1, fill=1 if fill else 0)
                c.setFillGray(0)
        c.showPage()
    c.save()


def fpdf_pdf(path: Path, lay: Layout, title: str) -> None:
    """The layout through fpdf2 (a fixed creation date: the same bytes every time)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(title)
    pdf.set_auto_page_break(False)
    for name in sorted({op.args[3] for page in lay.pages for op in page if op.kind == "text"}):
        pdf.add_font(name, "", FONT_FILES[name])
    for page in lay.pages:
        pdf.add_page()
        for op in page:
            if op.kind == "text":
                x, y, s, f, size, white = op.args
                pdf.set_text_color(255 if white else 0)
                pdf.set_font(f, "", size)
                pdf.text(x, y, s)
            elif op.kind == "line":
                pdf.set_line_width(0.5)
                pdf.line(*op.args)
            else:
                x, y, w, h, fill = op.args
                pdf.set_fill_color(64)
                pdf.set_line_width(0.6)
                pdf.rect(x, y, w, h, style="DF" if fill else "D")
    path.write_bytes(bytes(pdf.output()))


def page_image(lay: Layout, page: list[Op], dpi: int, r: random.Random, fax: bool) -> Any:
    """One page drawn by Pillow as a scanner sees it: turned a little, speckled, grey or fax
    black and white."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    k = dpi / 72
    img = Image.new("L", (int(PAGE_W * k), int(PAGE_H * k)), 255)
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[str, float], Any] = {}
    for op in page:
        if op.kind == "text":
            x, y, s, f, size, white = op.args
            key = (f, size)
            if key not in fonts:
                fonts[key] = ImageFont.truetype(FONT_FILES[f], max(6, int(size * k)), index=0)
            draw.text((x * k, y * k), s, fill=255 if white else 20, font=fonts[key], anchor="ls")
        elif op.kind == "line":
            x1, y1, x2, y2 = op.args
            draw.line((x1 * k, y1 * k, x2 * k, y2 * k), fill=40, width=max(1, int(k * 0.6)))
        else:
            x, y, w, h, fill = op.args
            draw.rectangle(
                (x * k, y * k, (x + w) * k, (y + h) * k),
                outline=40,
                fill=70 if fill else None,
                width=max(1, int(k * 0.6)),
            )
    for _ in range(int(600 * k)):  # dust on the glass
        px, py = r.randrange(img.width), r.randrange(img.height)
        draw.point((px, py), fill=r.randrange(0, 120))
    angle = r.choice((-1, 1)) * (1 + r.random() * 2)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.4 * k / 3))
    if fax:
        img = img.point(lambda v: 255 if v > 150 else 0).convert("1")
    return img


def scan_pdf(path: Path, images: list[Any]) -> None:
    """Images as the pages of a PDF that carries no text at all."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for img in images:
        c.drawImage(ImageReader(img.convert("L")), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()


# --------------------------------------------------------------------------- workbooks and Word


def fix_zip(path: Path) -> None:
    """Rewrite an Office file with fixed member times and a fixed document date: the same bytes
    for the same content."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", b"2026-11-21T09:15:00Z", data)
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(buf.getvalue())


def xlsx_order(path: Path, o: Order, loc: Loc, fam: Fam, old: Order | None) -> None:
    """The order as a workbook: stacked header blocks, merged cells, or the order on a second sheet
    beside a hidden archive of old orders."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    w = loc.words
    style = fam.dates or loc.dates
    wb = openpyxl.Workbook()
    wb.properties.creator = o.person
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    ws = wb.active
    if fam.has("second") and old is not None:
        ws.title = "Archiv" if loc.lang == "de" else "Archive"
        ws.append([w["po"], w["date"], w["item"], w["qty"], w["price"]])
        for ln in old.lines:
            ws.append([old.number, when(old.ordered, style, loc.lang), ln.code, float(ln.qty), float(ln.price)])
        ws.sheet_state = "hidden"
        ws = wb.create_sheet(w["title"][:28].title())
    else:
        ws.title = w["title"][:28].title() if not fam.kind else "Forecast"
    bold = Font(bold=True)
    title = doc_title(fam, loc)
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.buyer
    ws["A3"] = o.addr
    pairs = head_pairs(o, loc, fam, style)
    row = 5
    if fam.has("stacked"):  # label row over value row, in blocks of three
        for start in range(0, len(pairs), 3):
            block = pairs[start : start + 3]
            for i, (label, value) in enumerate(block):
                ws.cell(row, 1 + 2 * i, label).font = bold
                ws.cell(row + 1, 1 + 2 * i, value)
            row += 3
    elif fam.has("merged"):  # label in A:B merged, value in C:E merged
        ws.merge_cells("A1:H1")
        ws["A1"].alignment = Alignment(horizontal="center")
        for label, value in pairs:
            ws.cell(row, 1, label).font = bold
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            ws.cell(row, 3, value)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
            row += 1
        row += 1
    else:
        for label, value in pairs:
            ws.cell(row, 1, label).font = bold
            ws.cell(row, 2, value)
            row += 1
        row += 1
    ws.cell(row, 1, w["vendor"]).font = bold
    ws.cell(row, 2, US)
    row += 2
    heads = [w["item"], w["desc"], w["qty"]]
    if not fam.has("stuck"):
        heads.append(w["unit"])
    heads.append(w["price"] if fam.per == 1 else f"{w['price']} / {fam.per}")
    if fam.has("gross"):
        heads.append(w["gross"])
    heads.append(w["amount"])
    fill = PatternFill("solid", fgColor="D9E1F2")
    for i, h in enumerate(heads, 1):
        c = ws.cell(row, i, h)
        c.font, c.fill = bold, fill
    row += 1
    for ln in o.lines:
        cells: list[Any] = [ln.code, ln.text]
        if fam.has("stuck"):
            cells.append(f"{qty_text(ln.qty, loc)} {ln.unit}")
        else:
            cells += [int(ln.qty), ln.unit]
        cells.append(float(ln.price * ln.per))
        if fam.has("gross"):
            cells.append(float((ln.price * (1 + o.vat / 100)).quantize(Decimal("0.01"), ROUND_HALF_UP)))
        cells.append(float(ln.amount))
        for i, v in enumerate(cells, 1):
            c = ws.cell(row, i, v)
            if isinstance(v, float):
                c.number_format = "#,##0.00" if ln.places else "#,##0"
        row += 1
    row += 1
    for label, value in totals(o, loc, fam):
        ws.cell(row, len(heads) - 1, label).font = bold
        ws.cell(row, len(heads), value)
        row += 1
    for letter, wide in zip("ABCDEFGH", (18, 46, 14, 10, 14, 14, 16, 16)):
        ws.column_dimensions[letter].width = wide
    ws.page_setup.orientation = "landscape"  # printed by Calc: the whole table on the page's width
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.save(path)
    fix_zip(path)


def forecast_xlsx(path: Path, o: Order, r: random.Random) -> None:
    """A buyer's rolling forecast: quantities per month for its parts, expressly not an order."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wb.properties.creator = o.person
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    ws = wb.active
    ws.title = "需求预测"
    ws["A1"] = KIND_TITLES["forecast"]["zh"]
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.buyer
    ws["A3"] = f"版本 {o.number}  编制日期 {when(o.ordered, 'cjk')}"
    ws["A4"] = "本预测仅供产能规划参考，不构成采购订单，请以正式订单为准。"
    months = [date(2027, m, 1) for m in range(1, 7)]
    ws.append([])
    ws.append(["物料编码", "物料名称", *(f"{d.year}年{d.month}月" for d in months)])
    for cell in ws[6]:
        cell.font = Font(bold=True)
    for ln in o.lines:
        ws.append([ln.code, ln.text, *(int(ln.qty) * r.randrange(1, 5) for _ in months)])
    ws.column_dimensions["B"].width = 36
    wb.save(path)
    fix_zip(path)


def docx_order(path: Path, o: Order, loc: Loc, fam: Fam) -> None:
    """The order as a Word document: a header band in the page header, label boxes (value under
    its label) or a label table, the lines in a ruled table, empty template rows, terms after it."""
    import docx
    from docx.shared import Cm, Pt

    w = loc.words
    style = fam.dates or loc.dates
    d = docx.Document()
    d.core_properties.author = o.person
    d.core_properties.created = d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.last_modified_by = o.person
    d.styles["Normal"].font.size = Pt(9)
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.5)
    head = section.header.paragraphs[0]
    head.text = f"{o.buyer}  |  {o.addr}"
    d.add_heading(w["title"], level=1)
    pairs = head_pairs(o, loc, fam, style)
    if fam.has("boxes"):
        t = d.add_table(rows=2, cols=len(pairs))
        t.style = "Table Grid"
        for i, (label, value) in enumerate(pairs):
            t.cell(0, i).text = label
            t.cell(1, i).text = value
    else:
        t = d.add_table(rows=len(pairs), cols=2)
        for i, (label, value) in enumerate(pairs):
            t.cell(i, 0).text = label
            t.cell(i, 1).text = value
    d.add_paragraph(f"{w['vendor']}: {US}, {US_ADDR}")
    d.add_paragraph(f"{w['ship']}: {o.buyer}, {o.addr}")
    heads = ["#", w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    extra = 4 if fam.has("empty") else 0
    t = d.add_table(rows=1 + len(o.lines) + extra, cols=len(heads))
    t.style = "Table Grid"
    for i, h in enumerate(heads):
        t.cell(0, i).text = h
    for k, ln in enumerate(o.lines, 1):
        cells = [
            str(k),
            ln.code,
            ln.text,
            qty_text(ln.qty, loc),
            ln.unit,
            printed_price(ln, loc),
            num(ln.amount, loc, ln.places),
        ]
        for i, v in enumerate(cells):
            t.cell(k, i).text = v
    for k in range(extra):
        t.cell(1 + len(o.lines) + k, 0).text = str(len(o.lines) + k + 1)
    t.autofit = False
    for i, wide in enumerate((0.8, 3.0, 6.2, 1.7, 1.3, 2.4, 2.6)):
        t.columns[i].width = Cm(wide)  # the grid LibreOffice lays the table out by
        for cell in t.columns[i].cells:
            cell.width = Cm(wide)
    for label, value in totals(o, loc, fam):
        p = d.add_paragraph(f"{label}: {value}")
        p.runs[0].font.size = Pt(10)
    if fam.has("terms"):
        d.add_heading(w["terms"], level=2)
        d.add_paragraph(terms_text(loc))
    d.add_paragraph(f"{o.person}, {o.buyer}")
    d.save(path)
    fix_zip(path)


# --------------------------------------------------------------------------- mail


def _headers(msg: Any, o: Order, subject: str, mailer: str) -> None:
    from email.header import Header

    msg["From"] = f"{o.person} <purchasing@{o.domain}>"
    msg["To"] = "Order Desk <orders@example-manufacturing.example>"
    msg["Subject"] = Header(subject, "utf-8").encode() if not subject.isascii() else subject
    msg["Date"] = format_datetime(FIXED)
    msg["Message-ID"] = f"<f11.{crc(o.number + o.family):08x}@{o.domain}>"
    msg["X-Mailer"] = mailer


def body_text(o: Order, loc: Loc, fam: Fam) -> str:
    """An order typed into a mail: a greeting, the head, the lines in aligned columns, the sums."""
    w = loc.words
    style = fam.dates or loc.dates
    greet = {
        "ja": "いつもお世話になっております。\n下記の通り注文いたします。",
        "ko": "안녕하세요.\n아래와 같이 발주합니다.",
        "zh-Hant": "您好，\n請依下列內容出貨。",
        "pl": "Dzień dobry,\nprosimy o realizację poniższego zamówienia.",
        "zh": "您好，\n请按以下订单安排生产和发货，谢谢。",
        "it": "Buongiorno,\nvi trasmettiamo il seguente ordine di acquisto.",
        "cs": "Dobrý den,\nobjednáváme u Vás následující zboží.",
        "tr": "Merhaba,\naşağıdaki siparişimizi iletiyoruz.",
    }.get(loc.lang, "Hello,\nplease find our order below.")
    rows = [
        f"{w['po']}: {o.number}",
        f"{w['date']}: {when(o.ordered, style, loc.lang)}",
        f"{w['due']}: {when(o.due, style, loc.lang)}",
        "",
    ]
    for k, ln in enumerate(o.lines, 1):
        rows.append(
            f"{k}. {ln.code}  {ln.text}  {qty_text(ln.qty, loc)} {ln.unit}  x {printed_price(ln, loc)} = {num(ln.amount, loc, ln.places)} {o.currency}"
        )
    rows.append("")
    rows += [f"{label}: {value}" for label, value in totals(o, loc, fam)]
    return f"{greet}\n\n" + "\n".join(rows) + f"\n\n{o.person}\n{o.buyer}\n{o.addr}\n"


def body_html(o: Order, loc: Loc, fam: Fam) -> str:
    """An order typed as a table in an HTML mail (Outlook-like markup)."""
    import html as h

    w = loc.words
    style = fam.dates or loc.dates
    head = "".join(
        f"<tr><td><b>{h.escape(a)}</b></td><td>{h.escape(b)}</td></tr>" for a, b in head_pairs(o, loc, fam, style)
    )
    cols = [w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td style='border:1px solid #999'>{h.escape(c)}</td>"
            for c in (
                ln.code,
                ln.text,
                qty_text(ln.qty, loc),
                ln.unit,
                printed_price(ln, loc),
                num(ln.amount, loc, ln.places),
            )
        )
        + "</tr>"
        for ln in o.lines
    )
    sums = "".join(f"<p class=MsoNormal>{h.escape(a)}: <b>{h.escape(b)}</b></p>" for a, b in totals(o, loc, fam))
    return (
        "<html><head><meta http-equiv='Content-Type' content='text/html'></head><body lang=EN-US>"
        f"<p class=MsoNormal>{h.escape(w['title'])}</p><table>{head}</table><br>"
        "<table class=MsoNormalTable style='border-collapse:collapse'><tr>"
        + "".join(f"<th style='background:#DDEBF7'>{h.escape(c)}</th>" for c in cols)
        + f"</tr>{rows}</table>{sums}<p class=MsoNormal>{h.escape(o.person)}<br>{h.escape(o.buyer)}<br>{h.escape(o.addr)}</p></body></html>"
    )


def mail_body(path: Path, o: Order, loc: Loc, fam: Fam) -> None:
    """A mail whose text is the order, in ``fam.charset``."""
    if fam.producer == "mail-html":
        text = body_text(o, loc, fam)
        msg: Any = MIMEMultipart("alternative", boundary=f"----=_f11_{crc(o.number):08x}")
        msg.attach(MIMEText(text, "plain", fam.charset))
        msg.attach(MIMEText(body_html(o, loc, fam), "html", fam.charset))
    else:
        msg = MIMEText(body_text(o, loc, fam), "plain", fam.charset)
    _headers(
        msg,
        o,
        f"{fam.subject} {o.number}",
        "Microsoft Outlook 16.0" if fam.producer == "mail-html" else "Thunderbird 128.4",
    )
    path.write_bytes(msg.as_bytes())


ATTACH_NOTE = {  # the few words above an attached order
    "de": "Guten Tag,\nanbei erhalten Sie unsere Bestellung als PDF.\nMit freundlichen Grüßen",
    "fr": "Bonjour,\nveuillez trouver ci-joint notre bon de commande.\nCordialement",
    "en": "Hi,\nour purchase order is attached (spool print).\nRegards",
    "sv": "Hej,\nbifogat finns vår inköpsorder.\nMed vänliga hälsningar",
}


def mail_with_file(path: Path, o: Order, fam: Fam, data: bytes, name: str, mime: tuple[str, str]) -> None:
    """A short mail with the order attached as a file (a PDF, a spool text)."""
    sender = US if fam.kind in ISSUED_BY_US else f"{o.person}\n{o.buyer}"
    msg = MIMEMultipart("mixed", boundary=f"----=_f11_att_{crc(o.number):08x}")
    msg.attach(MIMEText(f"{ATTACH_NOTE.get(fam.lang, ATTACH_NOTE['en'])}\n{sender}\n", "plain", "utf-8"))
    part = MIMEBase(*mime)
    part.set_payload(data)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=name)
    msg.attach(part)
    _headers(msg, o, f"{fam.subject} {o.number}", "Microsoft Outlook 16.0")
    if fam.kind in ISSUED_BY_US:  # our own papers go from our sales desk to the buyer
        msg.replace_header("From", "Example Manufacturing Sales <sales@example-manufacturing.example>")
        msg.replace_header("To", f"{o.person} <purchasing@{o.domain}>")
    path.write_bytes(msg.as_bytes())


def spool_text(o: Order, loc: Loc, fam: Fam) -> str:
    """The order as an old ERP's spool file: fixed-width text, labels with dotted leaders, the
    table's columns padded with spaces, a form feed between pages."""
    style = fam.dates or loc.dates
    w = loc.words
    out = [f"{o.buyer:<60}{w['page']} 1", o.addr, "", f"{'':>20}{w['title']}", ""]
    out += [f"{label:.<28} {value}" for label, value in head_pairs(o, loc, fam, style)]
    out += ["", f"{w['vendor']}: {US}", f"{'':>{len(w['vendor']) + 2}}{US_ADDR}", ""]
    cols, rows = table_of(o, loc, fam, style)
    grid = [[name for name, _, _ in cols], *rows]
    wide = [max(len(r[i]) for r in grid) for i in range(len(cols))]
    rule = "-" * (sum(wide) + 2 * len(wide))
    for n, r in enumerate(grid):
        cells = [c.rjust(wide[i]) if cols[i][2] else c.ljust(wide[i]) for i, c in enumerate(r)]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append(rule)
    out.append(rule)
    out += [f"{label:>{len(rule) - 16}} {value:>15}" for label, value in totals(o, loc, fam)]
    if fam.has("terms"):
        out += ["", w["terms"], terms_text(loc)]
    return "\r\n".join(out) + "\r\n"


def mail_with_image(path: Path, o: Order, fam: Fam, data: bytes, ext: str) -> None:
    """A short mail with the scanned order attached as an image."""
    text = {
        "fr": "Bonjour,\nveuillez trouver ci-joint notre commande scannée.\nCordialement",
        "zh": "您好，\n附件为我司采购订单扫描件，请查收。\n谢谢",
    }.get(fam.lang, "Please see the attached order.")
    msg = MIMEMultipart("mixed", boundary=f"----=_f11_{crc(o.number):08x}")
    msg.attach(MIMEText(f"{text}\n{o.person}\n{o.buyer}\n", "plain", "utf-8"))
    part = MIMEBase("image", "jpeg" if ext == "jpg" else "png")
    part.set_payload(data)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=f"scan_{crc(o.number) % 10000:04d}.{ext}")
    msg.attach(part)
    _headers(msg, o, f"{fam.subject} {o.number}", "Mozilla Thunderbird")
    path.write_bytes(msg.as_bytes())


def remittance_text(o: Order, loc: Loc, r: random.Random) -> str:
    """The buyer's accounts payable telling us what it paid: invoices, their orders, amounts."""
    rows = [
        f"Faktura {r.randrange(260000, 269999)}   Order {o.number}   {num(ln.amount, loc)} {o.currency}"
        for ln in o.lines
    ]
    return (
        "Hej,\nnedan följer vår betalningsavisering.\n\n"
        + "\n".join(rows)
        + f"\n\nSumma betalt: {num(o.net, loc)} {o.currency}\nBetaldatum: {when(o.ordered, 'iso')}\n\n"
        + f"Leverantörsreskontra\n{o.buyer}\n{o.addr}\n"
    )


def rfq_html(o: Order, loc: Loc) -> str:
    """A request for quotation: goods and quantities, no prices, an answer asked by a date."""
    rows = "".join(
        f"<tr><td>{ln.code}</td><td>{ln.text}</td><td>{qty_text(ln.qty, loc)} {ln.unit}</td></tr>" for ln in o.lines
    )
    return (
        "<html><body><p>Spettabile fornitore,</p><p>Vi chiediamo la Vostra migliore offerta per gli articoli "
        f"seguenti entro il {when(o.due, 'dmy_slash')}. La presente non costituisce ordine.</p>"
        f"<p>Richiesta n. {o.number}</p><table border='1'><tr><th>Codice</th><th>Descrizione</th><th>Quantità</th></tr>{rows}</table>"
        f"<p>Distinti saluti<br>{o.person}<br>{o.buyer}</p></body></html>"
    )


# --------------------------------------------------------------------------- building the families


class Maker:
    """Draws families into ``out`` (LibreOffice's sources into ``work``, queued on ``pending``)."""

    def __init__(self, out: Any, work: Path, pending: list, seed: int):
        self.out, self.work, self.pending, self.seed = out, Path(work), pending, seed

    def order(self, fam: Fam, k: int) -> Order:
        n = 2 + (k + len(fam.name)) % 4
        if fam.has("cont"):
            n = 4 + k % 3
        o = make_order(self.seed, f"{fam.name}-{k}", fam.lang, n, numberer(fam.number))
        r = random.Random(f"{self.seed}:{fam.name}:{k}:shape")
        if fam.has("vat") or fam.has("gross"):
            o.vat = Decimal(LOCS[fam.lang].vat)
            o.line_tax = fam.lang in ("pl", "zh") and k % 2 == 1
        if fam.has("freight"):
            o.freight = Decimal(FREIGHT[3] if o.currency in WHOLE else FREIGHT[k % 3])
        if fam.per > 1:
            per_basis(o, r, fam.per)
        if fam.has("sched"):
            schedule(o, r)
        if fam.has("linedates") or fam.has("two"):
            line_dates(o, r)
        if fam.has("rev"):
            o.rev = 1 + k % 3
        if fam.has("wrap"):  # longer texts, wrapped by the table over two to four lines
            for ln in o.lines:
                ln.text = f"{ln.text} {WRAP_TAIL.get(fam.lang, WRAP_TAIL['en'])[k % 3]}"
        return o

    def build(self, fam: Fam) -> None:
        for k in range(4):
            self.one(fam, k)

    def one(self, fam: Fam, k: int) -> None:
        o = self.order(fam, k)
        loc = LOCS[fam.lang]
        stem = f"{PREFIX}{fam.name}-{k + 1}"
        golden: dict[str, Any] = o.golden()
        if fam.kind:
            golden = {"kind": NOT_ORDER_KIND.get(fam.kind, "other"), "order": None}
        p = fam.producer
        title = f"{doc_title(fam, loc)} {o.number}"
        if p in ("canvas", "fpdf"):
            lay = compose(o, loc, fam)
            write = canvas_pdf if p == "canvas" else fpdf_pdf
            write(self.out.path(f"pdf/{stem}.pdf"), lay, title)
            self.add(f"pdf/{stem}.pdf", golden, "reportlab-canvas" if p == "canvas" else "fpdf2", fam)
        elif p == "attach-pdf":
            lay = compose(o, loc, fam)
            pdf = self.work / f"{stem}.pdf"
            canvas_pdf(pdf, lay, title)
            name = f"{title.split()[0].title()}_{o.number}.pdf".replace("/", "-")
            mail_with_file(self.out.path(f"eml/{stem}.eml"), o, fam, pdf.read_bytes(), name, ("application", "pdf"))
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p == "attach-txt":
            data = spool_text(o, loc, fam).encode("cp1252")
            name = f"PO{o.number}.TXT"
            mail_with_file(self.out.path(f"eml/{stem}.eml"), o, fam, data, name, ("text", "plain"))
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p.startswith("scan-"):
            lay = compose(o, loc, fam)
            r = random.Random(f"{self.seed}:{fam.name}:{k}:scan")
            images = [page_image(lay, page, fam.dpi, r, fam.has("fax")) for page in lay.pages]
            golden = o.golden(review=True)
            if p == "scan-pdf":
                scan_pdf(self.out.path(f"pdf/{stem}.pdf"), images)
                self.add(f"pdf/{stem}.pdf", golden, "pillow-scan", fam)
            else:
                ext = "jpg" if p == "scan-jpeg-mail" else "png"
                buf = io.BytesIO()
                if ext == "jpg":
                    images[0].convert("L").save(buf, "JPEG", quality=70, dpi=(fam.dpi, fam.dpi))
                else:
                    images[0].save(buf, "PNG", dpi=(fam.dpi, fam.dpi))
                mail_with_image(self.out.path(f"eml/{stem}.eml"), o, fam, buf.getvalue(), ext)
                self.add(f"eml/{stem}.eml", golden, "pillow-scan", fam)
        elif p == "xlsx" and fam.kind == "forecast":
            forecast_xlsx(self.out.path(f"xlsx/{stem}.xlsx"), o, random.Random(f"{self.seed}:{stem}"))
            self.add(f"xlsx/{stem}.xlsx", golden, "openpyxl", fam)
        elif p == "xlsx":
            old = (
                make_order(self.seed + 1, f"{fam.name}-{k}-old", fam.lang, 3, numberer(fam.number))
                if fam.has("second")
                else None
            )
            xlsx_order(self.out.path(f"xlsx/{stem}.xlsx"), o, loc, fam, old)
            self.add(f"xlsx/{stem}.xlsx", golden, "openpyxl", fam)
        elif p == "docx":
            docx_order(self.out.path(f"docx/{stem}.docx"), o, loc, fam)
            self.add(f"docx/{stem}.docx", golden, "python-docx", fam)
        elif p == "lo-docx-pdf":
            src = self.work / f"{stem}.docx"
            docx_order(src, o, loc, fam)
            self.pending.append((src, "pdf", f"pdf/{stem}.pdf", golden, fam.lang, fam.name, ""))
        elif p in ("lo-xlsx-pdf", "lo-xlsx-xlsx"):
            src = self.work / f"{stem}.xlsx"
            xlsx_order(src, o, loc, fam, None)
            ext = p.rsplit("-", 1)[1]
            self.pending.append((src, ext, f"{ext}/{stem}.{ext}", golden, fam.lang, fam.name, ""))
        elif p in ("mail-text", "mail-html") and fam.kind == "remit":
            msg = MIMEText(remittance_text(o, loc, random.Random(f"{self.seed}:{stem}")), "plain", "utf-8")
            _headers(msg, o, f"{fam.subject} {when(o.ordered, 'iso')}", "Microsoft Outlook 16.0")
            self.out.path(f"eml/{stem}.eml").write_bytes(msg.as_bytes())
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p == "mail-html" and fam.kind == "rfq":
            msg = MIMEMultipart("alternative", boundary=f"----=_f11_rfq_{crc(o.number):08x}")
            msg.attach(MIMEText(rfq_html(o, loc), "html", "utf-8"))
            _headers(msg, o, f"{fam.subject} {o.number}", "Mozilla Thunderbird")
            self.out.path(f"eml/{stem}.eml").write_bytes(msg.as_bytes())
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p in ("mail-text", "mail-html"):
            mail_body(self.out.path(f"eml/{stem}.eml"), o, loc, fam)
            self.add(f"eml/{stem}.eml", {**golden, "source": "body"}, "email", fam)
        else:
            raise ValueError(p)

    def add(self, rel: str, golden: dict, producer: str, fam: Fam) -> None:
        self.out.add(rel, golden, producer=producer, lang=fam.lang, family=fam.name)


WRAP_TAIL = {  # words that make a description long enough to wrap (part of the description)
    "en": (
        "RoHS compliant, packed 50 per inner carton, label each carton with part number and lot",
        "per drawing rev C, deburr all edges, no sharp corners",
        "supplier certificate of conformance required with each shipment",
    ),
    "de": (
        "RoHS-konform, je 50 Stück im Innenkarton, Kartons mit Artikelnummer und Charge beschriften",
        "nach Zeichnung Index C, alle Kanten entgratet",
        "mit Werkszeugnis 3.1 nach EN 10204 zu jeder Lieferung",
    ),
    "nl": (
        "RoHS conform, verpakt per 50 stuks in binnendoos, dozen voorzien van artikelnummer en lotnummer",
        "volgens tekening revisie C, alle randen ontbramen",
        "met conformiteitsverklaring bij elke levering",
    ),
    "it": (
        "conforme RoHS, imballo da 50 pezzi per scatola interna, etichettare con codice e lotto",
        "secondo disegno revisione C, sbavare tutti gli spigoli",
        "certificato di conformità richiesto ad ogni consegna",
    ),
}


BUILDER_OF: dict[str, Callable[[Maker], None]] = {
    f.name: (lambda maker, fam=f: maker.build(fam))
    for f in FAMILY_LIST  # type: ignore[misc]
}


def build_fresh11(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of the batch, four documents each, drawn with ``seed``."""
    maker = Maker(out, work, pending, seed)
    for fam in FAMILY_LIST:
        maker.build(fam)
