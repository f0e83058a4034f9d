"""The tenth fresh batch of the sealed corpus: ``build_fresh10(out, work, pending, seed)``.

Written by someone who read neither the extractor, its vocabulary, the tuned corpus nor the other
batch modules, with its own order data and low-level writers. Every family is one producer's
layout drawn four times with other numbers, goods, dates and line counts; the golden values come
from the order data below, never from reading a document back.

Built around the failures seen on real purchase orders, in ERP styles drawn afresh (Infor LN,
Epicor, NetSuite, IFS, Syspro, JD Edwards green-bar, proALPHA, abas, Sage X3, Comarch, enova,
Helios, Primavera, Monitor, Exact, AFAS, Navision, Netsis, Logo Tiger, Douzone, kintone, Yonyou,
Kingdee, Zucchetti, Divalto, SAP Business One): labels in a right column, over
their values in boxes, in a band over a boxed table, or two labels for one value (``PO No./Date
78475015 / 22-Oct-2026``); units stuck to figures (``510/EA``, ``4,61/ST``); prices per 100 and per
1,000 (``PER M``); net and tax-inclusive prices side by side; European thousands separators;
delivery schedules under a line or in a second table; descriptions wrapped over several lines; item
codes broken over two lines; terms printed after the table; empty numbered template rows; a table
continued on the next page without its header; page numbers, street numbers, PO boxes and telephone
numbers beside the PO number; revised and change orders that keep their PO number; dates as ``Nov
18, 2026``, ``18/Nov/26``, ``18.11.2026``, ``2026-1-8``, ``2026年11月18日``, ``令和8年11月18日``,
``民國115年11月18日``, ``18-NOV-26``, ``2026. 11. 18.``; workbooks with stacked header blocks, merged
cells, the order on the second sheet beside a hidden archive sheet.

Producers: reportlab canvas, fpdf2, openpyxl, python-docx, LibreOffice at bench time (Word to PDF
and to ODT, a workbook printed to PDF and one saved again by Calc), mail bodies in plain text and
HTML in seven charsets, and Pillow scans (200-300 dpi, turned 1-3 degrees, speckled; faxes in black
and white) as image-only PDFs and a PNG attached to a mail. Sixteen languages. Ten families of 67
are not orders, of eight kinds (an acknowledgement and an order confirmation, an invoice, two
quotations, a delivery note, a remittance advice, a request for quotation, a statement, a forecast).
"""

from __future__ import annotations

import io
import logging
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime
from pathlib import Path
from typing import Any

FIXED = datetime(2026, 11, 21, 8, 30, tzinfo=timezone.utc)  # every file of the batch is stamped with it
ZIP_TIME = (2026, 11, 21, 8, 30, 0)
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
US = "Example Manufacturing Co., Ltd."  # the supplier every order goes to
US_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
WHOLE = {"JPY", "KRW", "TWD", "HUF"}  # currencies priced in whole units
FREIGHT = ("35.00", "48.50", "120.00", "2500")  # freight charges an order may add
CJK = {"ja", "zh", "zh-Hant", "ko"}
PREFIX = "f10-"  # every file name of the batch starts with it: no earlier batch's file is overwritten


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


def _w(*pairs: str) -> dict[str, str]:
    keys = (
        "title po date due vendor ship item desc qty unit price amount net vat total page terms phone rev pos per buyer"
    ).split()
    assert len(pairs) == len(keys), pairs
    return dict(zip(keys, pairs))


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
            "PURCHASE ORDER",
            "PO Number",
            "Order Date",
            "Need By",
            "Supplier",
            "Ship To",
            "Part No.",
            "Description",
            "Qty",
            "UoM",
            "Unit Cost",
            "Ext. Cost",
            "Subtotal",
            "Sales Tax",
            "Total",
            "Page",
            "Terms and Conditions",
            "Phone",
            "Revision",
            "Ln",
            "Per",
            "Buyer",
        ),
        (
            ("Quillback Hydraulics Inc.", "4411 Tannery Road, Dayton, OH 45417", "Doreen Pascoe", "quillback.example"),
            ("Marrowstone Optics LLC", "1290 Halyard Way, Everett, WA 98203", "Tobias Renn", "marrowstone.example"),
            ("Cinder Gap Motion Corp.", "77 Furnace Street, Reading, PA 19601", "Ines Walcott", "cindergap.example"),
        ),
        (
            ("HX", "Hex flange bolt M10 x 30 grade 8.8 zinc", "0.42"),
            ("GSK", "Spiral wound gasket DN50 PN40 graphite filler", "6.85"),
            ("BRG", "Deep groove ball bearing 6204-2RS C3", "3.10"),
            ("CBL", "Control cable 4 x 0.75 mm2 shielded grey", "1.95"),
            ("MTR", "Stepper motor NEMA 23 2.8 A dual shaft", "38.40"),
            ("VLV", "Solenoid valve 24 VDC normally closed brass body", "27.75"),
            ("PCB", "Relay interface board 8 channel opto isolated", "14.20"),
        ),
    ),
    "de": Loc(
        "de",
        ",",
        ".",
        "dmy_dot",
        "EUR",
        "19",
        "ST",
        _w(
            "BESTELLUNG",
            "Bestellnummer",
            "Bestelldatum",
            "Liefertermin",
            "Lieferant",
            "Lieferanschrift",
            "Artikel-Nr.",
            "Bezeichnung",
            "Menge",
            "ME",
            "Einzelpreis",
            "Gesamtpreis",
            "Nettobetrag",
            "MwSt. 19 %",
            "Gesamtbetrag",
            "Seite",
            "Allgemeine Einkaufsbedingungen",
            "Telefon",
            "Änderungsstand",
            "Pos.",
            "PE",
            "Einkäufer",
        ),
        (
            (
                "Kesselbrink Antriebstechnik GmbH",
                "Hafenstraße 118, 47119 Duisburg",
                "Jörg Almeroth",
                "kesselbrink.example",
            ),
            (
                "Wendeler & Spohr Messgeräte KG",
                "Am Sandtorkai 9, 20457 Hamburg",
                "Silke Wendeler",
                "wendeler-spohr.example",
            ),
            ("Ostalb Kunststofftechnik GmbH", "Röntgenstraße 31, 73431 Aalen", "Uwe Brenninger", "ostalb-kt.example"),
        ),
        (
            ("DIN912", "Zylinderschraube DIN 912 M8x25 verzinkt", "0,18"),
            ("RDR", "Radialwellendichtring 35x52x7 NBR", "1,64"),
            ("KLM", "Klemmleiste 12-polig 2,5 mm² grau", "3,90"),
            ("SNS", "Induktiver Näherungsschalter M12 PNP Schließer", "24,60"),
            ("ZHR", "Zahnriemen HTD 8M-1200 Breite 30 mm", "41,25"),
            ("GHS", "Gehäuse Aluminium-Druckguss 160x100x60", "17,80"),
            ("LGR", "Gleitlager Buchse 20x23x20 Bronze", "2,35"),
        ),
    ),
    "fr": Loc(
        "fr",
        ",",
        "\u202f",
        "long",
        "EUR",
        "20",
        "U",
        _w(
            "BON DE COMMANDE",
            "N° de commande",
            "Date de commande",
            "Date de livraison",
            "Fournisseur",
            "Adresse de livraison",
            "Référence",
            "Désignation",
            "Quantité",
            "Unité",
            "Prix unitaire HT",
            "Montant HT",
            "Total HT",
            "TVA 20 %",
            "Total TTC",
            "Page",
            "Conditions générales d'achat",
            "Tél.",
            "Indice de révision",
            "Ligne",
            "Par",
            "Acheteur",
        ),
        (
            (
                "Tréfileries du Vercors SAS",
                "14 rue des Forges, 38120 Saint-Égrève",
                "Amandine Rouvier",
                "trefvercors.example",
            ),
            (
                "Menuiseries Garonnaises SA",
                "3 chemin de Lestang, 31100 Toulouse",
                "Hugo Castagné",
                "mengaronne.example",
            ),
            ("Optiques Brennilis SARL", "Zone de Kerhuel, 29150 Châteaulin", "Maëlle Kervella", "brennilis.example"),
        ),
        (
            ("VIS", "Vis à tête fraisée M6x20 inox A2", "0,09"),
            ("JNT", "Joint torique 40x3 EPDM 70 Shore", "0,37"),
            ("CPT", "Capteur de pression 0-10 bar sortie 4-20 mA", "86,50"),
            ("PAL", "Palier applique fonte UCFL 205", "12,40"),
            ("TOL", "Tôle galvanisée 1,5 mm format 1000x2000", "28,90"),
            ("FLX", "Flexible hydraulique DN12 longueur 800 mm", "19,75"),
            ("RLS", "Relais temporisé multifonction 24 V", "31,60"),
        ),
    ),
    "es": Loc(
        "es",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "21",
        "UD",
        _w(
            "PEDIDO DE COMPRA",
            "Nº Pedido",
            "Fecha pedido",
            "Fecha de entrega",
            "Proveedor",
            "Dirección de entrega",
            "Código",
            "Descripción",
            "Cantidad",
            "Unidad",
            "Precio unitario",
            "Importe",
            "Base imponible",
            "IVA 21 %",
            "Total pedido",
            "Página",
            "Condiciones generales",
            "Tel.",
            "Revisión",
            "Lín.",
            "Por",
            "Comprador",
        ),
        (
            (
                "Calderería Navarra del Ebro S.L.",
                "Polígono Las Labradas 7, 31500 Tudela",
                "Íñigo Arbeloa",
                "calnavarra.example",
            ),
            (
                "Envases Levantinos Alboraya S.A.",
                "Camí de la Mar 41, 46120 Alboraia",
                "Rocío Ferrandis",
                "envaseslev.example",
            ),
            (
                "Talleres Mecánicos Órbigo S.L.",
                "Calle La Vega 22, 24350 Veguellina",
                "Marcos Alonso",
                "tmorbigo.example",
            ),
        ),
        (
            ("TOR", "Tornillo hexagonal M12x40 calidad 10.9", "0,31"),
            ("ROD", "Rodamiento de rodillos cónicos 30206", "9,80"),
            ("MAN", "Manguera de aire PU 8x6 azul rollo 50 m", "36,40"),
            ("VAL", "Válvula de bola latón 1/2 pulgada", "7,15"),
            ("CHP", "Chapa de acero inoxidable 2 mm pulida", "54,20"),
            ("FUS", "Fusible cerámico 10x38 gG 16 A", "0,88"),
            ("CIL", "Cilindro neumático ISO 15552 diámetro 50 carrera 200", "73,60"),
        ),
    ),
    "it": Loc(
        "it",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "22",
        "PZ",
        _w(
            "ORDINE DI ACQUISTO",
            "Numero ordine",
            "Data ordine",
            "Data consegna",
            "Fornitore",
            "Destinazione merce",
            "Codice articolo",
            "Descrizione",
            "Quantità",
            "UM",
            "Prezzo unitario",
            "Importo",
            "Imponibile",
            "IVA 22%",
            "Totale ordine",
            "Pagina",
            "Condizioni generali di acquisto",
            "Tel.",
            "Revisione",
            "Riga",
            "Per",
            "Buyer",
        ),
        (
            (
                "Officine Meccaniche Valtrompia S.r.l.",
                "Via Artigiani 58, 25063 Gardone V.T. (BS)",
                "Elisa Bonometti",
                "omvaltrompia.example",
            ),
            (
                "Plastiche Adriatiche S.p.A.",
                "Zona Industriale Campolungo 12, 63100 Ascoli Piceno",
                "Fabio Cinciripini",
                "plastadriatiche.example",
            ),
            (
                "Elettromeccanica Sannita S.r.l.",
                "Contrada Pezzapiana 4, 82100 Benevento",
                "Chiara Iannace",
                "elsannita.example",
            ),
        ),
        (
            ("VTE", "Vite testa esagonale M10x35 zincata", "0,21"),
            ("CSC", "Cuscinetto a sfere 6305 ZZ", "4,45"),
            ("GUA", "Guarnizione piana in fibra DN80", "2,80"),
            ("MOT", "Motoriduttore coassiale 0,37 kW rapporto 1:20", "212,00"),
            ("INT", "Interruttore magnetotermico 2P 16A curva C", "11,90"),
            ("TUB", "Tubo acciaio trafilato 25x2 barra 6 m", "46,30"),
            ("MOL", "Molla a compressione filo 2 mm acciaio armonico", "0,64"),
        ),
    ),
    "nl": Loc(
        "nl",
        ",",
        ".",
        "dmy_dash",
        "EUR",
        "21",
        "ST",
        _w(
            "INKOOPORDER",
            "Ordernummer",
            "Orderdatum",
            "Leverdatum",
            "Leverancier",
            "Afleveradres",
            "Artikelnr.",
            "Omschrijving",
            "Aantal",
            "Eenh.",
            "Prijs",
            "Bedrag",
            "Subtotaal",
            "BTW 21%",
            "Totaal",
            "Pagina",
            "Algemene inkoopvoorwaarden",
            "Tel.",
            "Revisie",
            "Regel",
            "Per",
            "Inkoper",
        ),
        (
            (
                "Van Oirschot Pomptechniek B.V.",
                "Ekkersrijt 4102, 5692 DA Son",
                "Maarten Verhoeven",
                "vanoirschot.example",
            ),
            (
                "Hollandse Kabelwerken Zaanstad B.V.",
                "Westzijde 211, 1506 EG Zaandam",
                "Femke Kuiper",
                "hkzaanstad.example",
            ),
        ),
        (
            ("BUT", "Zeskantbout M16x60 thermisch verzinkt", "0,74"),
            ("PAK", "Pakking rubber EPDM 3 mm dik", "5,30"),
            ("KAB", "Installatiekabel YMvK 3x2,5 mm² per meter", "1,42"),
            ("PMP", "Dompelpomp RVS 0,75 kW met vlotter", "189,00"),
            ("FLT", "Luchtfilter paneel G4 592x592x48", "8,65"),
            ("KLP", "Vlinderklep DN100 gietijzer", "64,90"),
        ),
    ),
    "pl": Loc(
        "pl",
        ",",
        " ",
        "long",
        "PLN",
        "23",
        "szt.",
        _w(
            "ZAMÓWIENIE ZAKUPU",
            "Numer zamówienia",
            "Data zamówienia",
            "Termin dostawy",
            "Dostawca",
            "Miejsce dostawy",
            "Indeks",
            "Nazwa towaru",
            "Ilość",
            "J.m.",
            "Cena netto",
            "Wartość netto",
            "Razem netto",
            "VAT 23%",
            "Razem brutto",
            "Strona",
            "Ogólne warunki zakupu",
            "Tel.",
            "Korekta",
            "Lp.",
            "Za",
            "Zamawiający",
        ),
        (
            (
                "Zakłady Metalowe Podkarpacie Sp. z o.o.",
                "ul. Hutnicza 17, 39-400 Tarnobrzeg",
                "Grzegorz Wołek",
                "zmpodkarpacie.example",
            ),
            (
                "Elektrobud Kujawy S.A.",
                "ul. Toruńska 231, 87-800 Włocławek",
                "Agnieszka Lis",
                "elektrobud-kujawy.example",
            ),
        ),
        (
            ("SRB", "Śruba z łbem sześciokątnym M8x30 ocynk", "0,46"),
            ("USZ", "Uszczelka płaska klingeryt DN65", "3,75"),
            ("LOZ", "Łożysko kulkowe 6206 2RS", "14,90"),
            ("PRZ", "Przewód OMY 3x1,5 mm2 biały", "2,85"),
            ("STY", "Stycznik modułowy 25A 2Z 230V", "68,40"),
            ("PRF", "Profil aluminiowy 40x40 anodowany 6 m", "121,00"),
        ),
    ),
    "pt": Loc(
        "pt",
        ",",
        ".",
        "dmy_slash",
        "EUR",
        "23",
        "UN",
        _w(
            "NOTA DE ENCOMENDA",
            "N.º Encomenda",
            "Data da encomenda",
            "Data de entrega",
            "Fornecedor",
            "Local de entrega",
            "Código",
            "Descrição",
            "Quantidade",
            "Unid.",
            "Preço unitário",
            "Valor",
            "Total ilíquido",
            "IVA 23%",
            "Total a pagar",
            "Página",
            "Condições gerais de compra",
            "Tel.",
            "Revisão",
            "Item",
            "Por",
            "Comprador",
        ),
        (
            (
                "Metalúrgica do Vouga, Lda.",
                "Zona Industrial de Albergaria, Lote 31, 3850-184 Albergaria-a-Velha",
                "Rui Tavares",
                "metvouga.example",
            ),
            (
                "Cerâmicas Ribatejanas, S.A.",
                "Estrada Nacional 3, km 12, 2005-002 Santarém",
                "Inês Brandão",
                "ceramribatejo.example",
            ),
        ),
        (
            ("PRF", "Parafuso sextavado M12x50 galvanizado", "0,38"),
            ("ROL", "Rolamento de esferas 6003 2RS", "2,10"),
            ("VED", "Vedante de borracha nitrílica 60x80x8", "1,95"),
            ("ISO", "Placa isolante cerâmica 300x300 mm", "23,50"),
            ("DSJ", "Disjuntor diferencial 40A 30mA", "47,80"),
            ("ENG", "Engrenagem cilíndrica módulo 2 com 40 dentes", "36,25"),
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
            "INKÖPSORDER",
            "Ordernummer",
            "Orderdatum",
            "Leveransdatum",
            "Leverantör",
            "Leveransadress",
            "Artikelnr",
            "Benämning",
            "Antal",
            "Enhet",
            "À-pris",
            "Belopp",
            "Summa exkl. moms",
            "Moms 25 %",
            "Att betala",
            "Sida",
            "Allmänna inköpsvillkor",
            "Tfn",
            "Ändringsorder",
            "Rad",
            "Per",
            "Inköpare",
        ),
        (
            (
                "Norrlands Pressgjuteri AB",
                "Industrivägen 14, 891 42 Örnsköldsvik",
                "Annika Hedlund",
                "norrpress.example",
            ),
            ("Vättern Hydraulik AB", "Lovangsvägen 3, 561 39 Huskvarna", "Mats Lindqvist", "vatternhyd.example"),
        ),
        (
            ("SKR", "Sexkantskruv M10x40 förzinkad", "2,40"),
            ("KUL", "Kullager 6305-2Z", "48,00"),
            ("SLG", "Hydraulslang 1/2 tum 2SN per meter", "96,50"),
            ("PKN", "Packning O-ring 25x3 FKM", "6,20"),
            ("GIV", "Temperaturgivare PT100 klass A", "385,00"),
            ("PLT", "Stålplåt S355 8 mm laserskuren", "712,00"),
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
            "OBJEDNÁVKA",
            "Číslo objednávky",
            "Datum objednávky",
            "Termín dodání",
            "Dodavatel",
            "Místo dodání",
            "Kód zboží",
            "Název",
            "Množství",
            "MJ",
            "Cena/MJ",
            "Celkem",
            "Základ DPH",
            "DPH 21 %",
            "Celkem k úhradě",
            "Strana",
            "Všeobecné nákupní podmínky",
            "Tel.",
            "Revize",
            "Poř.",
            "Za",
            "Nákupčí",
        ),
        (
            (
                "Strojírny Horácko Bystřice s.r.o.",
                "Průmyslová 1417, 591 01 Žďár nad Sázavou",
                "Petr Dvořáček",
                "strojhoracko.example",
            ),
            ("Elektro Lipník a.s.", "Hranická 88, 751 31 Lipník nad Bečvou", "Lenka Šimková", "elektrolipnik.example"),
        ),
        (
            ("SRO", "Šroub šestihranný M8x35 pozink", "3,20"),
            ("LOZ", "Ložisko kuličkové 6204 ZZ", "62,00"),
            ("TSN", "Těsnění pryžové 42x30x3", "8,90"),
            ("KBL", "Kabel CYKY-J 3x2,5 metráž", "24,50"),
            ("CID", "Čidlo teploty NTC 10k s kabelem", "118,00"),
            ("PRZ", "Pružina tažná nerez 1,2 mm", "15,40"),
        ),
    ),
    "tr": Loc(
        "tr",
        ",",
        ".",
        "dmy_dot",
        "TRY",
        "20",
        "AD",
        _w(
            "SATINALMA SİPARİŞİ",
            "Sipariş No",
            "Sipariş Tarihi",
            "Teslim Tarihi",
            "Tedarikçi",
            "Teslimat Adresi",
            "Stok Kodu",
            "Açıklama",
            "Miktar",
            "Birim",
            "Birim Fiyat",
            "Tutar",
            "Ara Toplam",
            "KDV %20",
            "Genel Toplam",
            "Sayfa",
            "Genel Satınalma Şartları",
            "Tel",
            "Revizyon",
            "Sıra",
            "Başına",
            "Satınalmacı",
        ),
        (
            (
                "Boğaziçi Döküm Sanayi A.Ş.",
                "Gebze OSB 1600. Sokak No:1604, 41400 Gebze/Kocaeli",
                "Serkan Yıldırım",
                "bogazicidokum.example",
            ),
            (
                "Ege Pompa ve Vana Ltd. Şti.",
                "Atatürk OSB 10003 Sk. No:7, 35620 Çiğli/İzmir",
                "Gülşen Aydın",
                "egepompa.example",
            ),
        ),
        (
            ("CVT", "Altıgen başlı cıvata M12x45 8.8 galvaniz", "4,80"),
            ("RLM", "Sabit bilyalı rulman 6207 2RS", "96,00"),
            ("CNT", "Conta klingerit DN100 PN16", "38,50"),
            ("VNA", "Küresel vana 1 inç paslanmaz", "412,00"),
            ("KBL", "NYAF kablo 1x2,5 mm² mavi", "9,75"),
            ("SLN", "Silindir pnömatik 32x100 manyetik", "1.240,00"),
        ),
    ),
    "ja": Loc(
        "ja",
        ".",
        ",",
        "ja",
        "JPY",
        "10",
        "個",
        _w(
            "注文書",
            "注文番号",
            "発注日",
            "納期",
            "仕入先",
            "納入場所",
            "品番",
            "品名",
            "数量",
            "単位",
            "単価",
            "金額",
            "小計",
            "消費税(10%)",
            "合計金額",
            "頁",
            "注文条件",
            "電話",
            "改訂",
            "No.",
            "単価基準",
            "担当",
        ),
        (
            ("株式会社北陸精機製作所", "富山県高岡市二塚322番地3", "松井 健太", "hokuriku-seiki.example"),
            ("東邦樹脂工業株式会社", "愛知県春日井市神屋町713-8", "小野寺 彩", "toho-jushi.example"),
        ),
        (
            ("BLT", "六角ボルト M8×20 ステンレス", "18"),
            ("BRG", "深溝玉軸受 6202ZZ", "240"),
            ("ORG", "Oリング P-22 NBR", "35"),
            ("CNT", "コネクタ 10極 圧着タイプ", "186"),
            ("SPR", "圧縮ばね 線径1.0 外径8", "52"),
            ("PLT", "アルミ板 A5052 t3 切板", "2400"),
        ),
    ),
    "zh": Loc(
        "zh",
        ".",
        ",",
        "zh",
        "CNY",
        "13",
        "个",
        _w(
            "采购订单",
            "订单编号",
            "下单日期",
            "交货日期",
            "供应商",
            "收货地址",
            "物料编码",
            "物料名称",
            "数量",
            "单位",
            "单价",
            "金额",
            "不含税合计",
            "税额(13%)",
            "价税合计",
            "页",
            "采购条款",
            "电话",
            "版本",
            "序号",
            "每",
            "采购员",
        ),
        (
            ("苏州工业园区恒拓自动化设备有限公司", "江苏省苏州市工业园区星龙街428号", "周晓峰", "hengtuo.example"),
            ("宁波北仑启航模具有限公司", "浙江省宁波市北仑区明州西路599号", "陈丽娜", "qihangmould.example"),
        ),
        (
            ("LS", "内六角螺钉 M6×16 镀锌", "0.12"),
            ("ZC", "深沟球轴承 6205-2RS", "8.60"),
            ("MF", "氟橡胶密封圈 30×2.5", "1.35"),
            ("DJ", "伺服电机 400W 带刹车", "1260.00"),
            ("XL", "屏蔽电缆 RVVP 4×0.5", "3.80"),
            ("BJ", "钣金机箱 冷轧板 喷塑", "96.50"),
        ),
    ),
    "zh-Hant": Loc(
        "zh-Hant",
        ".",
        ",",
        "minguo",
        "TWD",
        "5",
        "PCS",
        _w(
            "訂購單",
            "訂單號碼",
            "訂購日期",
            "交貨日期",
            "廠商",
            "送貨地址",
            "料號",
            "品名規格",
            "數量",
            "單位",
            "單價",
            "金額",
            "未稅合計",
            "營業稅 5%",
            "含稅總計",
            "頁次",
            "採購條款",
            "電話",
            "版次",
            "項次",
            "每",
            "採購人員",
        ),
        (
            ("台中精密機械股份有限公司", "台中市西屯區工業區三十八路189號", "林怡君", "tcprecision.example"),
            ("新竹光電科技有限公司", "新竹市東區光復路二段101號", "黃建宏", "hsinchuoe.example"),
        ),
        (
            ("SC", "不鏽鋼螺絲 M5×12", "2"),
            ("BR", "滾珠軸承 6001ZZ", "45"),
            ("LD", "LED 燈條 12V 白光", "180"),
            ("PC", "印刷電路板 雙層 FR4", "320"),
            ("CB", "排線 20P 長度300mm", "28"),
            ("HS", "散熱片 鋁擠型 50×50", "65"),
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
            "발주서",
            "발주번호",
            "발주일자",
            "납기일자",
            "공급업체",
            "납품장소",
            "품목코드",
            "품명 및 규격",
            "수량",
            "단위",
            "단가",
            "공급가액",
            "공급가액 합계",
            "부가세(10%)",
            "합계금액",
            "페이지",
            "발주 조건",
            "전화",
            "개정",
            "순번",
            "기준",
            "담당자",
        ),
        (
            ("대성정밀공업 주식회사", "경기도 안산시 단원구 산단로 163", "김민수", "daesungprec.example"),
            ("한빛전자부품(주)", "충청북도 청주시 흥덕구 직지대로 409", "박지영", "hanbitparts.example"),
        ),
        (
            ("BT", "육각볼트 M10×25 아연도금", "120"),
            ("BR", "볼베어링 6203ZZ", "2800"),
            ("OR", "오링 NBR 30×3", "350"),
            ("CN", "커넥터 6핀 방수형", "1900"),
            ("MT", "감속모터 60W 1:30", "87000"),
            ("PL", "알루미늄 판재 2T 가공품", "15400"),
        ),
    ),
    "da": Loc(
        "da",
        ",",
        ".",
        "dmy_dot",
        "DKK",
        "25",
        "stk",
        _w(
            "INDKØBSORDRE",
            "Ordrenummer",
            "Ordredato",
            "Leveringsdato",
            "Leverandør",
            "Leveringsadresse",
            "Varenr.",
            "Beskrivelse",
            "Antal",
            "Enhed",
            "Stykpris",
            "Beløb",
            "Subtotal",
            "Moms 25 %",
            "Total",
            "Side",
            "Generelle indkøbsbetingelser",
            "Tlf.",
            "Revision",
            "Linje",
            "Pr.",
            "Indkøber",
        ),
        (("Limfjordens Maskinfabrik A/S", "Havnevej 27, 7800 Skive", "Søren Kjærgaard", "limfjordmf.example"),),
        (
            ("BLT", "Sekskantbolt M12x35 varmforzinket", "3,10"),
            ("LEJ", "Kugleleje 6305 2RS", "52,00"),
            ("PKN", "Pakning EPDM DN80", "14,50"),
            ("FRQ", "Frekvensomformer 1,5 kW 400 V", "2.140,00"),
            ("SLG", "Trykluftslange PU 10x8 blå", "9,80"),
        ),
    ),
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "da": "januar februar marts april maj juni juli august september oktober november december",
}


def when(d: date, style: str, lang: str = "en") -> str:
    """A date as a buyer prints it (every day drawn is after the 12th: no day/month doubt)."""
    mon = MONTHS["en"].split()[d.month - 1][:3]
    if style == "iso":
        return d.isoformat()
    if style == "iso_short":  # 2026-1-8
        return f"{d.year}-{d.month}-{d.day}"
    if style == "ymd_slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy_dot2":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "mdy_slash":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mon_d_y":  # Nov 18, 2026
        return f"{mon} {d.day:02d}, {d.year}"
    if style == "d_mon_y_slash":  # 18/Nov/26
        return f"{d.day:02d}/{mon}/{d.year % 100:02d}"
    if style == "d_mon_y_upper":  # 18-NOV-26
        return f"{d.day:02d}-{mon.upper()}-{d.year % 100:02d}"
    if style == "d_mon_yyyy":  # 18-Nov-2026
        return f"{d.day}-{mon}-{d.year}"
    if style in ("ja", "zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "reiwa":
        return f"令和{d.year - 2018}年{d.month}月{d.day}日"
    if style == "minguo":
        return f"民國{d.year - 1911}年{d.month}月{d.day}日"
    if style == "minguo_slash":
        return f"{d.year - 1911}/{d.month:02d}/{d.day:02d}"
    if style == "ko":
        return f"{d.year}. {d.month}. {d.day}."
    if style == "ko_long":
        return f"{d.year}년 {d.month}월 {d.day}일"
    if style == "long":
        name = MONTHS[lang].split()[d.month - 1]
        if lang in ("de", "cs", "da"):
            return f"{d.day}. {name} {d.year}"
        if lang in ("es", "pt"):
            return f"{d.day} de {name} de {d.year}"
        if lang == "en":
            return f"{name} {d.day}, {d.year}"
        return f"{d.day} {name} {d.year}"
    raise ValueError(style)


def money(value: Decimal, loc: Loc, places: int = 2, *, thou: str | None = None, dec: str | None = None) -> str:
    """``value`` with the buyer's decimal mark and thousands separator."""
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    text = f"{value.quantize(q, ROUND_HALF_UP):,.{places}f}"
    t = loc.thou if thou is None else thou
    d = loc.dec if dec is None else dec
    return text.replace(",", "\0").replace(".", d).replace("\0", t)


def qty_text(q: Decimal, loc: Loc, *, thou: str | None = None) -> str:
    places = 0 if q == q.to_integral_value() else 2
    return money(q, loc, places, thou=thou)


# --------------------------------------------------------------------------- order data


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per unit, as the golden file says
    amount: Decimal
    per: int = 1  # the price is printed per this many units
    due: date | None = None  # a date printed on the line
    sched: list[tuple[date, Decimal]] = field(default_factory=list)  # delivery sub-rows


@dataclass
class Order:
    number: str
    buyer: str
    addr: str
    person: str
    domain: str
    lang: str
    currency: str
    ordered: date
    due: date
    lines: list[Line]
    vat: Decimal = Decimal(0)
    freight: Decimal = Decimal(0)
    line_tax: bool = False  # VAT worked out line by line
    total_printed: bool = True
    revision: str | None = None
    party: tuple[str, str] | None = None  # who the document is addressed to, when not us

    @property
    def places(self) -> Decimal:
        return Decimal(1) if self.currency in WHOLE else Decimal("0.01")

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        rate = self.vat / 100
        if self.line_tax:
            return sum(((ln.amount * rate).quantize(self.places, ROUND_HALF_UP) for ln in self.lines), Decimal(0))
        return ((self.net + self.freight) * rate).quantize(self.places, ROUND_HALF_UP)

    @property
    def total(self) -> Decimal:
        return self.net + self.freight + self.tax

    @property
    def delivery(self) -> date:
        dues = [ln.due for ln in self.lines if ln.due] + [d for ln in self.lines for d, _ in ln.sched]
        return min(dues) if dues else self.due

    def golden(self) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.delivery.isoformat(),
            "currency": self.currency,
        }
        if self.total_printed:
            order["total"] = str(self.total)
        lines = []
        for ln in self.lines:
            row: dict[str, Any] = {
                "item": ln.code,
                "description": ln.text,
                "quantity": str(ln.qty),
                "unit": ln.unit,
                "unit_price": str(ln.price.normalize() if ln.per > 1 else ln.price),
                "amount": str(ln.amount),
            }
            first = ln.due or (min(d for d, _ in ln.sched) if ln.sched else None)
            if first:
                row["delivery_date"] = first.isoformat()
            lines.append(row)
        order["lines"] = lines
        return {"kind": "purchase_order", "order": order}


def _price(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", ".")) if "," in text else Decimal(text)


def make_order(seed: int, name: str, lang: str, n: int, number: Callable[[random.Random], str]) -> Order:
    """One order of family ``name`` for a buyer of ``lang``: the buyer stays with the family, the
    seed draws the number, dates, goods, quantities and prices."""
    loc = LOCS[lang]
    fam = name.rsplit("-", 1)[0]
    company, addr, person, domain = loc.buyers[sum(map(ord, fam)) % len(loc.buyers)]
    r = random.Random(f"fresh10:{seed}:{name}")
    ordered = date(2026, 10, 19) + timedelta(days=r.randrange(0, 32))
    while ordered.day <= 12 or ordered > date(2026, 11, 21):
        ordered -= timedelta(days=1) if ordered > date(2026, 11, 21) else timedelta(days=-1)
    due = date(2026, 11, 25) + timedelta(days=r.randrange(0, 80))
    while due.day <= 12:
        due += timedelta(days=1)
    goods = r.sample(loc.goods, min(n, len(loc.goods)))
    while len(goods) < n:
        goods.append(r.choice(loc.goods))
    places = Decimal(1) if loc.currency in WHOLE else Decimal("0.01")
    lines = []
    used: set[str] = set()
    for stem, text, base in goods:
        code = f"{stem}-{r.randrange(1000, 99999)}"
        while code in used:
            code = f"{stem}-{r.randrange(1000, 99999)}"
        used.add(code)
        qty = Decimal(r.choice((5, 8, 10, 12, 20, 24, 25, 40, 50, 60, 100, 120, 150, 200, 250, 400, 500, 1200, 2500)))
        price = (_price(base) * Decimal(r.randrange(85, 116)) / 100).quantize(places, ROUND_HALF_UP)
        price = max(price, places)
        lines.append(Line(code, text, qty, loc.unit, price, (qty * price).quantize(places, ROUND_HALF_UP)))
    return Order(number(r), company, addr, person, domain, lang, loc.currency, ordered, due, lines)


def per_basis(o: Order, r: random.Random, per: int) -> None:
    """Small parts priced per ``per`` units: the printed price has two decimals per ``per``, the
    golden unit price is that divided by ``per``, the amount is made of it."""
    for ln in o.lines:
        printed = Decimal(r.randrange(800, 9000)) / 100  # 8.00 .. 89.99 per hundred / thousand
        ln.price = printed / per
        ln.per = per
        ln.qty = Decimal(r.choice((1000, 2000, 2500, 5000, 10000, 12000, 20000, 25000)))
        ln.amount = (ln.qty * ln.price).quantize(o.places, ROUND_HALF_UP)


def printed_price(ln: Line, loc: Loc) -> str:
    places = 0 if ln.price * ln.per == (ln.price * ln.per).to_integral_value() and loc.currency in WHOLE else 2
    return money(ln.price * ln.per, loc, places)


def schedule(o: Order, r: random.Random) -> None:
    """Each line delivered in two or three parts, a sub-row each; the line keeps its total."""
    for ln in o.lines:
        parts = r.choice((2, 3))
        if ln.qty < parts * 2:
            ln.qty = Decimal(parts * 10)
            ln.amount = (ln.qty * ln.price).quantize(o.places, ROUND_HALF_UP)
        step = (ln.qty / parts).to_integral_value(rounding="ROUND_FLOOR")
        d = o.due
        sched = []
        for k in range(parts):
            q = step if k < parts - 1 else ln.qty - step * (parts - 1)
            sched.append((d, q))
            d = d + timedelta(days=14 + r.randrange(0, 8))
            while d.day <= 12:
                d += timedelta(days=1)
        ln.sched = sched


def line_dates(o: Order, r: random.Random) -> None:
    """A delivery date printed on every line, the earliest is the order's."""
    for k, ln in enumerate(o.lines):
        d = o.due + timedelta(days=7 * k + (r.randrange(0, 4) if k else 0))  # the first is the head's date
        while d.day <= 12:
            d += timedelta(days=1)
        ln.due = d


def number_maker(style: str) -> Callable[[random.Random], str]:
    """PO numbers in an ERP's own style."""

    def make(r: random.Random) -> str:
        n = r.randrange(10**5, 10**6)
        return {
            "infor": f"PO{r.randrange(100, 999)}{n:06d}",
            "epicor": f"{r.randrange(20000, 89999)}",
            "netsuite": f"PO{r.randrange(10000, 99999)}",
            "ifs": f"P{r.randrange(100000, 999999)}",
            "syspro": f"{r.randrange(100000, 999999):06d}"[:2] + f"{n:06d}",
            "jde": f"{r.randrange(1000000, 9999999)} OP",
            "sap": f"45{r.randrange(10**7, 10**8)}",
            "tally": f"PO/{r.randrange(100, 999)}/26-27",
            "yonyou": f"CG2026{r.randrange(10**5, 10**6)}",
            "kingdee": f"CGDD{r.randrange(10**6, 10**7)}",
            "dash": f"{r.randrange(10, 99)}-{r.randrange(10000, 99999)}",
            "slash": f"{r.randrange(100, 999)}/{r.randrange(1000, 9999)}/2026",
            "letters": f"{r.choice('ABCDEFGHKMNPRSTW')}{r.choice('ABCDEFGHKMNPRSTW')}-{n}",
            "ja": f"{r.randrange(10, 99)}-{r.randrange(1000, 9999)}-{r.randrange(10, 99)}",
            "ko": f"PO-2026{r.randrange(1000, 9999)}-{r.randrange(10, 99)}",
            "tw": f"PO{r.randrange(11500000, 11599999)}",
        }[style]

    return make


# --------------------------------------------------------------------------- page layout
# A page is a list of drawing operations in points from the top left corner (A4 portrait);
# reportlab, fpdf2 and Pillow each draw the same operations.

PAGE_W, PAGE_H = 595.0, 842.0


@dataclass
class Op:
    kind: str  # "t" text (y is the baseline), "r" rectangle, "l" line
    x: float
    y: float
    a: float = 0.0  # rectangle width / line end x
    b: float = 0.0  # rectangle height / line end y
    text: str = ""
    size: float = 8.5
    bold: bool = False
    align: str = "l"  # l, r, c
    mono: bool = False
    fill: float | None = None  # grey level of a filled rectangle


def T(x: float, y: float, text: str, size: float = 8.5, bold: bool = False, align: str = "l", mono: bool = False) -> Op:
    return Op("t", x, y, text=text, size=size, bold=bold, align=align, mono=mono)


def R(x: float, y: float, w: float, h: float, fill: float | None = None) -> Op:
    return Op("r", x, y, w, h, fill=fill)


def L(x1: float, y1: float, x2: float, y2: float) -> Op:
    return Op("l", x1, y1, x2, y2)


def text_width(text: str, size: float, mono: bool = False) -> float:
    if mono:
        return sum(size * (1.2 if ord(c) > 0x2E7F else 0.602) for c in text)
    return sum(size * (1.0 if ord(c) > 0x2E7F else 0.56) for c in text)


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a longer word stays whole)."""
    out: list[str] = []
    cur = ""
    for word in text.split(" "):
        probe = f"{cur} {word}".strip()
        if cur and text_width(probe, size) > width:
            out.append(cur)
            cur = word
        else:
            cur = probe
    if cur:
        out.append(cur)
    return out


@dataclass
class Style:
    """What makes one family's page its own."""

    head: str = "right"  # right | below | band | combined | boxed | letter
    cols: tuple[str, ...] = ("pos", "item", "desc", "qty", "unit", "price", "amount")
    dates: str | None = None  # date style, else the locale's
    qty_attached: bool = False  # "510/EA" in the quantity column, no unit column
    price_attached: bool = False  # "4,61/ST" in the price column
    per_label: str | None = None  # text of the per column ("1000", "PER M"...)
    long_text: bool = False  # descriptions with drawing and packing details, wrapped over lines
    split_code: bool = False  # the item code broken over two lines of its cell
    template_rows: int = 0  # empty numbered rows after the lines
    terms: bool = False  # terms and conditions after the table
    break_after: int = 0  # lines on page one; the rest continue on page two without the header row
    second_table: str | None = None  # "schedule" | "packing"
    gross: bool = False  # net and tax-inclusive unit prices side by side
    title: str | None = None
    size: float = 8.0
    labels: dict[str, str] = field(default_factory=dict)  # the family's own wording over the locale's


COL_W = {"pos": 26, "item": 70, "qty": 48, "unit": 36, "price": 62, "per": 36, "amount": 70, "due": 58, "gross": 62}
RIGHT = {"qty", "price", "amount", "gross", "per"}


def words_of(loc: Loc, st: Style) -> dict[str, str]:
    return {**loc.words, **st.labels}


def vendor_block(o: Order, loc: Loc) -> list[str]:
    return list(o.party) if o.party else [US, US_ADDR]


def header_pairs(o: Order, loc: Loc, st: Style, pages: int) -> list[tuple[str, str]]:
    w = words_of(loc, st)
    ds = st.dates or loc.dates
    pairs = [
        (w["po"], o.number),
        (w["date"], when(o.ordered, ds, loc.lang)),
        (w["due"], when(o.due, ds, loc.lang)),
        (w["page"], f"1/{pages}"),
        (w["buyer"], o.person),
    ]
    if o.revision:
        pairs.insert(1, (w["rev"], o.revision))
    return pairs


TERMS = {
    "en": [
        "1. Delivery: goods must arrive within 30 days of the date above unless another date is given per line.",
        "2. Quantity tolerance +/- 5 % per delivery; over-deliveries above 105 % will be returned at supplier cost.",
        "3. Late delivery penalty 0.5 % per week, at most 5 % of the order value.",
        "4. Invoices quoting our order number in 2 copies to accounts payable, P.O. Box 3310.",
        "5. Payment 60 days net from receipt of invoice; 2 % discount if paid within 14 days.",
        "6. Certificates per EN 10204 3.1 to be enclosed with every shipment.",
    ],
    "de": [
        "1. Die Lieferung hat frei Haus innerhalb von 21 Arbeitstagen zu erfolgen.",
        "2. Mehr- oder Mindermengen über 3 % werden nicht angenommen.",
        "3. Vertragsstrafe 0,3 % je Werktag Verzug, höchstens 5 % des Auftragswertes.",
        "4. Rechnungen zweifach unter Angabe unserer Bestellnummer an Postfach 10 14 52.",
        "5. Zahlung innerhalb 14 Tagen mit 3 % Skonto oder 45 Tage netto.",
        "6. Gerichtsstand ist der Sitz des Bestellers.",
    ],
    "fr": [
        "1. Toute livraison doit être accompagnée d'un bon de livraison rappelant notre numéro de commande.",
        "2. Pénalités de retard : 1 % par semaine, plafonnées à 10 % du montant HT.",
        "3. Paiement à 45 jours fin de mois à réception de facture.",
        "4. Tolérance de quantité : plus ou moins 2 % par ligne.",
        "5. Les présentes conditions prévalent sur celles du fournisseur.",
    ],
    "it": [
        "1. Consegna franco nostro stabilimento entro 20 giorni lavorativi.",
        "2. Penale dello 0,5 % per ogni settimana di ritardo, massimo 8 %.",
        "3. Pagamento a 60 giorni data fattura fine mese.",
        "4. Tolleranza quantità ammessa: 3 %.",
        "5. Ogni fornitura deve riportare il numero d'ordine e il codice articolo.",
    ],
}


def compose(o: Order, loc: Loc, st: Style, r: random.Random) -> list[list[Op]]:
    """The pages of an order (or a look-alike) drawn in ``st``'s layout."""
    w = words_of(loc, st)
    sz = st.size
    pages: list[list[Op]] = [[]]
    ops = pages[0]
    n_pages = 2 if st.break_after and st.break_after < len(o.lines) else 1
    title = st.title or w["title"]
    ops.append(T(40, 50, o.buyer, 12, True))
    ops.append(T(40, 63, o.addr, 7.5))
    box = r.randrange(1000, 9999)
    ops.append(
        T(
            40,
            74,
            f"P.O. Box {box} · {w['phone']} +{r.randrange(20, 89)} {r.randrange(100, 999)} {r.randrange(1000000, 9999999)}",
            7.5,
        )
    )
    ops.append(T(555, 50, title, 14, True, "r"))
    pairs = header_pairs(o, loc, st, n_pages)
    y = 100.0
    if st.head == "right":  # labels in a column, values far right of them
        for k, (lab, val) in enumerate(pairs):
            ops.append(T(330, 84 + 13 * k, lab, sz))
            ops.append(T(555, 84 + 13 * k, val, sz, k == 0, "r"))
        y = 84 + 13 * len(pairs) + 8
        ops.append(T(40, y, w["vendor"], sz, True))
        for k, t in enumerate(vendor_block(o, loc)):
            ops.append(T(40, y + 12 * (k + 1), t, sz))
        y += 50
    elif st.head == "below":  # a label over each value, in boxes
        cw = 515 / len(pairs)
        for k, (lab, val) in enumerate(pairs):
            ops.append(R(40 + k * cw, 92, cw, 30))
            ops.append(T(43 + k * cw, 101, lab, sz - 1.5))
            ops.append(T(43 + k * cw, 116, val, sz, k == 0))
        vb = vendor_block(o, loc)
        ops.append(T(40, 140, f"{w['vendor']}: {vb[0]}", sz))
        ops.append(T(40, 152, vb[1], sz))
        y = 172
    elif st.head == "band":  # a shaded band of labels, the values in boxes under it
        cw = 515 / len(pairs)
        ops.append(R(40, 90, 515, 14, fill=0.85))
        for k, (lab, val) in enumerate(pairs):
            ops.append(T(43 + k * cw, 100, lab, sz - 0.5, True))
            ops.append(R(40 + k * cw, 104, cw, 16))
            ops.append(T(43 + k * cw, 115, val, sz))
        ops.append(T(40, 140, w["vendor"], sz, True))
        vb = vendor_block(o, loc)
        ops.append(T(130, 140, vb[0], sz))
        ops.append(T(130, 151, vb[1], sz))
        y = 170
    elif st.head == "combined":  # two labels for one value: "PO No./Date  P-1 / 18-Nov-26"
        ds = st.dates or loc.dates
        ops.append(T(300, 86, f"{w['po']}/{w['date']}", sz, True))
        ops.append(T(300, 98, f"{o.number} / {when(o.ordered, ds, loc.lang)}", sz))
        ops.append(T(450, 86, f"{w['due']}/{w['page']}", sz, True))
        ops.append(T(450, 98, f"{when(o.due, ds, loc.lang)} / 1/{n_pages}", sz))
        if o.revision:
            ops.append(T(300, 112, f"{w['rev']}: {o.revision}", sz))
        ops.append(T(40, 120, f"{w['vendor']}:", sz, True))
        vb = vendor_block(o, loc)
        ops.append(T(40, 132, vb[0], sz))
        ops.append(T(40, 143, vb[1], sz))
        y = 165
    elif st.head == "boxed":  # each label with its value in one framed box, two columns of boxes
        for k, (lab, val) in enumerate(pairs):
            bx, by = 40 + (k % 2) * 260, 88 + (k // 2) * 20
            ops.append(R(bx, by, 255, 18))
            ops.append(T(bx + 4, by + 12, lab, sz - 0.5))
            ops.append(T(bx + 251, by + 12, val, sz, False, "r"))
        y = 88 + ((len(pairs) + 1) // 2) * 20 + 14
        ops.append(T(40, y, f"{w['vendor']}: {', '.join(vendor_block(o, loc))}", sz - 0.5))
        y += 18
    else:  # letter: our address in the window, a reference row of labels and values under it
        ops.append(T(40, 110, f"{o.buyer} · {o.addr}", 6))
        ops.append(L(40, 113, 280, 113))
        for k, t in enumerate(vendor_block(o, loc)):
            ops.append(T(40, 126 + 12 * k, t, sz + 1))
        cw = 515 / len(pairs)
        for k, (lab, val) in enumerate(pairs):
            ops.append(T(40 + k * cw, 180, lab, sz - 1.5))
            ops.append(T(40 + k * cw, 192, val, sz))
        y = 212
    y = table(pages, o, loc, st, y, r)
    ops = pages[-1]
    if st.second_table:
        y = second_table(ops, o, loc, st, y + 10)
    if st.terms:
        terms = TERMS.get(loc.lang, TERMS["en"])
        ops.append(T(40, y + 14, w["terms"], sz, True))
        y += 16
        for t in terms:
            for part in wrap(t, 515, sz - 1):
                y += 11
                ops.append(T(40, y, part, sz - 1))
    if n_pages == 2:
        ops.append(T(555, 820, f"{w['page']} 2/2", 7, align="r"))
        pages[0].append(T(555, 820, f"{w['page']} 1/2", 7, align="r"))
    return pages


def _cols(st: Style) -> list[tuple[str, float, float]]:
    """(column, left x, width) across the 515 points of the table."""
    fixed = sum(COL_W[c] for c in st.cols if c != "desc")
    out = []
    x = 40.0
    for c in st.cols:
        wdt = float(COL_W[c]) if c != "desc" else 515.0 - fixed
        out.append((c, x, wdt))
        x += wdt
    return out


def cell_text(c: str, k: int, ln: Line, o: Order, loc: Loc, st: Style) -> str:
    if c == "pos":
        return str((k + 1) * 10 if st.head in ("letter", "band") else k + 1)
    if c == "item":
        return ln.code
    if c == "desc":
        return ln.text
    if c == "qty":
        q = qty_text(ln.qty, loc)
        return f"{q}/{ln.unit}" if st.qty_attached else q
    if c == "unit":
        return ln.unit
    if c == "price":
        p = printed_price(ln, loc)
        return f"{p}/{ln.unit}" if st.price_attached else p
    if c == "per":
        return str(ln.per) if not st.per_label else st.per_label
    if c == "gross":
        places = 0 if o.currency in WHOLE else 2
        return money(ln.price * ln.per * (1 + o.vat / 100), loc, places)
    if c == "amount":
        return money(ln.amount, loc, 0 if o.currency in WHOLE else 2)
    if c == "due":
        return when(ln.due or o.due, st.dates or loc.dates, loc.lang) if ln.due else ""
    return ""


def col_head(c: str, loc: Loc, st: Style, o: Order) -> str:
    w = words_of(loc, st)
    return {
        "pos": w["pos"],
        "item": w["item"],
        "desc": w["desc"],
        "qty": w["qty"],
        "unit": w["unit"],
        "price": w["price"],
        "per": w["per"],
        "amount": w["amount"],
        "due": w["due"],
        "gross": w.get("gross", "Gross"),
    }[c]


def long_text(ln: Line, r: random.Random, lang: str) -> None:
    """A description with its drawing and packing details: several printed lines."""
    extra = {
        "de": f"gemäß Zeichnung Z-{r.randrange(1000, 9999)} Index C, Verpackung zu {r.choice((10, 25, 50))} Stück im Karton, Prüfbericht erforderlich",
        "fr": f"selon plan P-{r.randrange(1000, 9999)} indice B, conditionnement par {r.choice((10, 25, 50))} pièces, certificat matière exigé",
        "es": f"según plano {r.randrange(1000, 9999)}-A, embalaje de {r.choice((10, 25, 50))} unidades por caja, certificado de material",
        "it": f"secondo disegno D{r.randrange(1000, 9999)} rev. B, imballo da {r.choice((10, 25, 50))} pezzi, certificato 3.1 richiesto",
        "pt": f"conforme desenho {r.randrange(1000, 9999)} rev. A, embalagem de {r.choice((10, 25, 50))} unidades, certificado obrigatório",
        "nl": f"volgens tekening T{r.randrange(1000, 9999)} revisie B, verpakt per {r.choice((10, 25, 50))} stuks, met materiaalcertificaat",
    }.get(
        lang,
        f"per drawing D-{r.randrange(1000, 9999)} rev C, packed {r.choice((10, 25, 50))} per carton, material certificate required",
    )
    ln.text = f"{ln.text} {extra}"


def table(pages: list[list[Op]], o: Order, loc: Loc, st: Style, y: float, r: random.Random) -> float:
    """The line table from ``y`` down; returns where it ends (totals included)."""
    ops = pages[-1]
    sz = st.size
    cols = _cols(st)
    row_h = sz + 5
    ops.append(R(40, y, 515, row_h + 2, fill=0.9))
    for c, x, wdt in cols:
        head = col_head(c, loc, st, o)
        if c in RIGHT:
            ops.append(T(x + wdt - 3, y + row_h - 2, head, sz - 0.5, True, "r"))
        else:
            ops.append(T(x + 3, y + row_h - 2, head, sz - 0.5, True))
    y += row_h + 2
    top = y
    for k, ln in enumerate(o.lines):
        if st.break_after and k == st.break_after:  # the rest on a new page, no header row again
            ops.append(L(40, y + 2, 555, y + 2))
            ops.append(T(555, y + 14, "./.", sz, align="r"))
            pages.append([])
            ops = pages[-1]
            ops.append(T(40, 40, f"{o.number} · {o.buyer}", 7))
            y = 56.0
            top = y
        lines_here = 1
        texts = {c: cell_text(c, k, ln, o, loc, st) for c, _, _ in cols}
        for c, x, wdt in cols:
            t = texts[c]
            if c == "desc":
                parts = wrap(t, wdt - 6, sz)
                for j, part in enumerate(parts):
                    ops.append(T(x + 3, y + row_h - 2 + j * (sz + 2), part, sz))
                lines_here = max(lines_here, len(parts))
            elif c == "item" and st.split_code:
                cut = t.index("-") + 1
                ops.append(T(x + 3, y + row_h - 2, t[:cut], sz))
                ops.append(T(x + 3, y + row_h - 2 + sz + 2, t[cut:], sz))
                lines_here = max(lines_here, 2)
            elif c in RIGHT:
                ops.append(T(x + wdt - 3, y + row_h - 2, t, sz, align="r"))
            else:
                ops.append(T(x + 3, y + row_h - 2, t, sz))
        y += row_h + (lines_here - 1) * (sz + 2)
        for d, q in ln.sched if st.second_table != "schedule" else []:  # the schedule under its line
            dx = next(x for c, x, _ in cols if c == "desc")
            ops.append(T(dx + 12, y + row_h - 3, f"→ {when(d, st.dates or loc.dates, loc.lang)}", sz - 1))
            qx = next(x + wdt for c, x, wdt in cols if c == "qty")
            ops.append(T(qx - 3, y + row_h - 3, qty_text(q, loc), sz - 1, align="r"))
            y += row_h - 1
        ops.append(L(40, y + 1, 555, y + 1))
        y += 2
    for k in range(st.template_rows):
        ops.append(T(43, y + row_h - 2, str(len(o.lines) + k + 1), sz))
        ops.append(L(40, y + row_h + 1, 555, y + row_h + 1))
        y += row_h + 2
    for _c, x, _wdt in cols:
        ops.append(L(x, top, x, y))
    ops.append(L(555, top, 555, y))
    return totals(ops, o, loc, st, y + 6)


def totals(ops: list[Op], o: Order, loc: Loc, st: Style, y: float) -> float:
    w = words_of(loc, st)
    places = 0 if o.currency in WHOLE else 2
    rows = [(w["net"], o.net)]
    if o.freight:
        rows.append((w.get("freight", "Freight"), o.freight))
    if o.vat:
        rows.append((w["vat"], o.tax))
    if o.total_printed and (o.vat or o.freight):
        rows.append((f"{w['total']} {o.currency}", o.total))
    elif o.total_printed:
        rows = [(f"{w['total']} {o.currency}", o.total)]
    else:
        rows = []
    for lab, val in rows:
        y += sz_step(st)
        ops.append(T(440, y, lab, st.size, lab.startswith(w["total"]), "r"))
        ops.append(T(555, y, money(val, loc, places), st.size, lab.startswith(w["total"]), "r"))
    return y + 4


def sz_step(st: Style) -> float:
    return st.size + 5


def second_table(ops: list[Op], o: Order, loc: Loc, st: Style, y: float) -> float:
    """A second table on the page: the delivery schedule per line, or the packing instructions."""
    w = words_of(loc, st)
    sz = st.size
    if st.second_table == "schedule":
        heads = (w["item"], w["due"], w["qty"])
        rows = [
            (ln.code, when(d, st.dates or loc.dates, loc.lang), qty_text(q, loc)) for ln in o.lines for d, q in ln.sched
        ]
    else:
        heads = (w["item"], w.get("pack", "Packing"), w.get("label", "Label"))
        rows = [(ln.code, f"{r_pack(ln)} / {ln.unit}", f"{o.number}-{k + 1:02d}") for k, ln in enumerate(o.lines)]
    y += 8
    ops.append(R(40, y, 330, sz + 6, fill=0.9))
    for k, h in enumerate(heads):
        ops.append(T(44 + 110 * k, y + sz + 2, h, sz, True))
    y += sz + 6
    for row in rows:
        y += sz + 4
        for k, t in enumerate(row):
            ops.append(T(44 + 110 * k, y, t, sz))
    ops.append(R(40, y - (sz + 4) * len(rows) - sz - 6, 330, (sz + 4) * len(rows) + sz + 10))
    return y + 6


def r_pack(ln: Line) -> int:
    return 10 if ln.qty < 100 else 50 if ln.qty < 1000 else 500


# --------------------------------------------------------------------------- writers


def _rl_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "F10Sans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("F10Sans", SANS))
        pdfmetrics.registerFont(TTFont("F10Bold", SANS_BOLD))
        pdfmetrics.registerFont(TTFont("F10Mono", MONO))
        pdfmetrics.registerFont(TTFont("F10CJK", CJK_FONT, subfontIndex=0))


def _font_key(op: Op, cjk: bool) -> str:
    if cjk and any(ord(c) > 0x2E7F for c in op.text):
        return "cjk"
    if op.mono:
        return "mono"
    return "bold" if op.bold else "sans"


def reportlab_pdf(path: Path, pages: list[list[Op]], lang: str, title: str = "") -> None:
    from reportlab.pdfgen import canvas

    _rl_fonts()
    names = {"cjk": "F10CJK", "mono": "F10Mono", "bold": "F10Bold", "sans": "F10Sans"}
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    for ops in pages:
        for op in ops:
            if op.kind == "t":
                c.setFont(names[_font_key(op, lang in CJK)], op.size)
                y = PAGE_H - op.y
                if op.align == "r":
                    c.drawRightString(op.x, y, op.text)
                elif op.align == "c":
                    c.drawCentredString(op.x, y, op.text)
                else:
                    c.drawString(op.x, y, op.text)
            elif op.kind == "r":
                if op.fill is not None:
                    c.setFillGray(op.fill)
                    c.rect(op.x, PAGE_H - op.y - op.b, op.a, op.b, stroke=0, fill=1)
                    c.setFillGray(0)
                else:
                    c.setLineWidth(0.5)
                    c.rect(op.x, PAGE_H - op.y - op.b, op.a, op.b, stroke=1, fill=0)
            else:
                c.setLineWidth(0.4)
                c.line(op.x, PAGE_H - op.y, op.a, PAGE_H - op.b)
        c.showPage()
    c.save()


def fpdf_pdf(path: Path, pages: list[list[Op]], lang: str, title: str = "") -> None:
    from fpdf import FPDF

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "BDF NOT subset" for the CJK font
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(title)
    pdf.set_auto_page_break(False)
    pdf.add_font("f10sans", "", SANS)
    pdf.add_font("f10sans", "B", SANS_BOLD)
    pdf.add_font("f10mono", "", MONO)
    if lang in CJK:
        pdf.add_font("f10cjk", "", CJK_FONT)
    for ops in pages:
        pdf.add_page()
        for op in ops:
            if op.kind == "t":
                key = _font_key(op, lang in CJK)
                family, style = {"cjk": ("f10cjk", ""), "mono": ("f10mono", ""), "bold": ("f10sans", "B")}.get(
                    key, ("f10sans", "")
                )
                pdf.set_font(family, style, op.size)
                wdt = pdf.get_string_width(op.text)
                x = op.x - wdt if op.align == "r" else op.x - wdt / 2 if op.align == "c" else op.x
                pdf.text(x, op.y, op.text)
            elif op.kind == "r":
                if op.fill is not None:
                    pdf.set_fill_color(int(op.fill * 255))
                    pdf.rect(op.x, op.y, op.a, op.b, style="F")
                else:
                    pdf.set_line_width(0.5)
                    pdf.rect(op.x, op.y, op.a, op.b)
            else:
                pdf.set_line_width(0.4)
                pdf.line(op.x, op.y, op.a, op.b)
    pdf.output(str(path))


def raster(pages: list[list[Op]], lang: str, dpi: int, angle: float, r: random.Random, fax: bool) -> list[Any]:
    """The pages as a scanner or fax machine sees them: greyscale, turned, speckled."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    scale = dpi / 72
    fonts: dict[tuple[str, int], Any] = {}

    def font(key: str, size: float) -> Any:
        px = max(6, int(size * scale))
        if (key, px) not in fonts:
            file = {"cjk": CJK_FONT, "mono": MONO, "bold": SANS_BOLD}.get(key, SANS)
            fonts[(key, px)] = ImageFont.truetype(file, px)
        return fonts[(key, px)]

    images = []
    for ops in pages:
        im = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 255)
        d = ImageDraw.Draw(im)
        for op in ops:
            if op.kind == "t":
                f = font(_font_key(op, lang in CJK), op.size)
                wdt = d.textlength(op.text, font=f)
                x = op.x * scale - (wdt if op.align == "r" else wdt / 2 if op.align == "c" else 0)
                d.text((x, op.y * scale), op.text, font=f, fill=0, anchor="ls")
            elif op.kind == "r":
                box = [op.x * scale, op.y * scale, (op.x + op.a) * scale, (op.y + op.b) * scale]
                if op.fill is not None:
                    d.rectangle(box, fill=int(op.fill * 255) if not fax else 255)
                else:
                    d.rectangle(box, outline=0, width=max(1, int(scale / 3)))
            else:
                d.line([op.x * scale, op.y * scale, op.a * scale, op.b * scale], fill=0, width=max(1, int(scale / 3)))
        im = im.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        px = im.load()
        wdt, hgt = im.size
        for _ in range(int(wdt * hgt / (900 if fax else 2500))):  # specks of dust and toner
            px[r.randrange(wdt), r.randrange(hgt)] = r.choice((0, 60, 120))
        if fax:  # black and white, a little smeared
            im = im.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 0 if v < 150 else 255)
        else:
            im = im.filter(ImageFilter.GaussianBlur(0.4))
        images.append(im)
    return images


def image_pdf(path: Path, images: list[Any], dpi: int) -> None:
    """Image-only PDF pages (no text layer), one scan per page, written by reportlab."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for im in images:
        w, h = im.size[0] * 72 / dpi, im.size[1] * 72 / dpi
        c.setPageSize((w, h))
        buf = io.BytesIO()
        im.save(buf, format="PNG", optimize=False)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, w, h)
        c.showPage()
    c.save()


def stable_zip(path: Path) -> None:
    """A zip container (xlsx, docx) written again with fixed entry times: same seed, same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":  # the library stamps the time of saving
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def spool(o: Order, loc: Loc, st: Style, r: random.Random) -> list[list[Op]]:
    """A green-bar style print-out in a fixed-width font (JD Edwards, Syspro, AS/400 spools):
    labels and values apart, units stuck to quantities, the table run on without its header."""
    w = words_of(loc, st)
    ds = st.dates or loc.dates
    rows: list[str] = []
    rows.append(f"{o.buyer[:40]:<40}{st.title or w['title']:>40}")
    rows.append(f"{o.addr[:60]:<60}")
    rows.append(
        f"P.O. BOX {r.randrange(100, 9999):<8} {w['phone'].upper()} {r.randrange(200, 999)}-{r.randrange(100, 999)}-{r.randrange(1000, 9999)}"
    )
    rows.append("")
    rows.append(f"{w['po'].upper() + ' / ' + w['date'].upper():<40}{o.number} / {when(o.ordered, ds, loc.lang)}")
    if o.revision:
        rows.append(f"{w['rev'].upper():<40}{o.revision}")
    rows.append(f"{w['due'].upper():<40}{when(o.due, ds, loc.lang)}")
    vb = vendor_block(o, loc)
    rows.append(f"{w['vendor'].upper():<40}{vb[0]}")
    rows.append(f"{'':<40}{vb[1][:40]}")
    rows.append("-" * 80)
    rows.append(
        f"{w['pos'][:3]:<4}{w['item'][:12]:<14}{w['desc'][:26]:<27}{w['qty'][:12]:>12}{w['price'][:11]:>11}{w['amount'][:11]:>12}"
    )
    rows.append("-" * 80)
    for k, ln in enumerate(o.lines):
        parts = wrap(ln.text, 26 * 5.6, 10)  # the description over as many lines as it needs
        q = f"{qty_text(ln.qty, loc)}/{ln.unit}"
        p = printed_price(ln, loc) + (f"/{ln.per}" if ln.per > 1 else "")
        rows.append(f"{k + 1:<4}{ln.code:<14}{parts[0]:<27}{q:>12}{p:>11}{money(ln.amount, loc):>12}")
        for extra in parts[1:]:
            rows.append(f"{'':<18}{extra[:60]}")
        for d, sq in ln.sched:
            rows.append(f"{'':<18}{'  ' + when(d, ds, loc.lang):<27}{qty_text(sq, loc):>12}")
    rows.append("-" * 80)
    rows.append(f"{'':<45}{w['total'].upper() + ' ' + o.currency:<20}{money(o.total, loc):>15}")
    per_page = st.break_after or 999
    pages: list[list[Op]] = []
    body = rows
    first, rest = body[: 12 + per_page], body[12 + per_page :]
    for chunk in [first, rest] if rest else [first]:
        ops = [T(36, 48 + 11 * k, t, 7.6, mono=True) for k, t in enumerate(chunk)]
        pages.append(ops)
    if len(pages) == 2:
        pages[0].append(T(36, 800, f"{w['page'].upper()} 1 OF 2", 7.6, mono=True))
        pages[1].append(T(36, 800, f"{w['page'].upper()} 2 OF 2", 7.6, mono=True))
    return pages


# --------------------------------------------------------------------------- workbooks


def _wb_fixed(wb: Any) -> None:
    wb.properties.creator = "ERP export"
    wb.properties.created = FIXED.replace(tzinfo=None)
    wb.properties.modified = FIXED.replace(tzinfo=None)


def xlsx_order(path: Path, o: Order, loc: Loc, variant: str, r: random.Random, st: Style) -> None:
    """An order workbook: ``stacked`` header blocks, ``merged`` cells, the order on the
    ``second`` sheet beside a hidden archive, ``text`` cells with European separators."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    w = words_of(loc, st)
    ds = st.dates or loc.dates
    wb = openpyxl.Workbook()
    _wb_fixed(wb)
    ws = wb.active
    if variant == "second":
        ws.title = "Info"
        ws["A1"] = {"fr": "Mode d'emploi du formulaire", "de": "Hinweise zum Formular"}.get(
            loc.lang, "How to use this form"
        )
        ws["A3"] = {"fr": "Ne pas modifier les formules. Commande sur l'onglet suivant."}.get(
            loc.lang, "Do not change the formulas. The order is on the next sheet."
        )
        ws["A5"] = f"{w['phone']} +{r.randrange(30, 49)} {r.randrange(100, 999)} {r.randrange(100000, 999999)}"
        ws = wb.create_sheet(w["title"][:28])
    bold = Font(bold=True)
    band = PatternFill("solid", fgColor="D9E1F2")
    ws["A1"] = o.buyer
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = o.addr
    ws["F1"] = st.title or w["title"]
    ws["F1"].font = Font(bold=True, size=13)
    row = 4
    if variant in ("stacked", "text", "second"):  # blocks of labels over their values, one under another
        blocks = [
            [(w["po"], o.number), (w["date"], when(o.ordered, ds, loc.lang)), (w["due"], when(o.due, ds, loc.lang))],
            [(w["vendor"], vendor_block(o, loc)[0]), (w["ship"], o.addr), (w["buyer"], o.person)],
        ]
        if o.revision:
            blocks[0].append((w["rev"], o.revision))
        for block in blocks:
            for k, (lab, val) in enumerate(block):
                col = 1 + 2 * k
                ws.cell(row, col, lab).font = bold
                ws.cell(row, col).fill = band
                ws.cell(row + 1, col, val)
            row += 3
    else:  # merged: label cells over two columns, values merged over three
        for lab, val in (
            (w["po"], o.number),
            (w["date"], when(o.ordered, ds, loc.lang)),
            (w["due"], when(o.due, ds, loc.lang)),
            (w["vendor"], vendor_block(o, loc)[0]),
        ):
            ws.cell(row, 1, lab).font = bold
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            ws.cell(row, 3, val)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
            row += 1
        ws.merge_cells("F1:H2")
        ws["F1"].alignment = Alignment(horizontal="center", vertical="center")
        row += 1
    cols = [c for c in st.cols]
    for k, c in enumerate(cols):
        cell = ws.cell(row, k + 1, col_head(c, loc, st, o))
        cell.font = bold
        cell.fill = band
    row += 1
    places = 0 if o.currency in WHOLE else 2
    fmt = "#,##0" if places == 0 else "#,##0.00"
    for k, ln in enumerate(o.lines):
        for j, c in enumerate(cols):
            if variant == "text" or c in ("pos", "item", "desc", "unit", "due") or (c == "qty" and st.qty_attached):
                val: Any = cell_text(c, k, ln, o, loc, st)
            elif c == "qty":
                val = int(ln.qty) if ln.qty == ln.qty.to_integral_value() else float(ln.qty)
            elif c == "price":
                val = float(ln.price * ln.per)
            elif c == "gross":
                val = float((ln.price * ln.per * (1 + o.vat / 100)).quantize(o.places, ROUND_HALF_UP))
            elif c == "per":
                val = ln.per
            else:
                val = float(ln.amount)
            cell = ws.cell(row, j + 1, val)
            if isinstance(val, float):
                cell.number_format = fmt
        row += 1
        for d, q in ln.sched:
            ws.cell(row, cols.index("desc") + 1, f"  {when(d, ds, loc.lang)}")
            ws.cell(row, cols.index("qty") + 1, qty_text(q, loc) if variant == "text" else int(q))
            row += 1
    for k in range(st.template_rows):
        ws.cell(row, 1, len(o.lines) + k + 1)
        row += 1
    row += 1
    amt_col = cols.index("amount") + 1
    rows = [(w["net"], o.net)]
    if o.freight:
        rows.append((w.get("freight", "Freight"), o.freight))
    if o.vat:
        rows.append((w["vat"], o.tax))
    if o.vat or o.freight:
        rows.append((f"{w['total']} {o.currency}", o.total))
    else:
        rows = [(f"{w['total']} {o.currency}", o.total)]
    for lab, val in rows:
        ws.cell(row, amt_col - 1, lab).font = bold
        cell = ws.cell(row, amt_col, money(val, loc, places) if variant == "text" else float(val))
        cell.number_format = fmt
        row += 1
    for k, c in enumerate(cols):
        ws.column_dimensions["ABCDEFGHIJ"[k]].width = {"pos": 6, "item": 14, "desc": 56, "unit": 7, "price": 20}.get(
            c, 14
        )
    ws.page_setup.orientation = "landscape"  # printed on one page width
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if variant == "second":  # old orders kept on a hidden sheet
        arch = wb.create_sheet("Archiv" if loc.lang == "de" else "Archive")
        arch.sheet_state = "hidden"
        arch.append([w["po"], w["date"], w["item"], w["qty"], w["amount"]])
        for k in range(6):
            arch.append(
                [
                    f"{o.number[:-3]}{r.randrange(100, 999)}",
                    when(o.ordered - timedelta(days=40 * (k + 1)), ds, loc.lang),
                    f"{o.lines[0].code[:4]}{r.randrange(1000, 9999)}",
                    r.randrange(10, 500),
                    float(r.randrange(1000, 90000)) / 10,
                ]
            )
    wb.save(path)
    stable_zip(path)


# --------------------------------------------------------------------------- Word


def _docx_fixed(doc: Any) -> None:
    cp = doc.core_properties
    cp.author = "ERP"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_modified_by = "ERP"
    cp.revision = 1


def _shade(cell: Any, color: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shd)


def docx_order(path: Path, o: Order, loc: Loc, variant: str, r: random.Random, st: Style) -> None:
    """A Word order: a ``band`` of labels over a row of values, label ``boxes`` with the value
    under each label, or a ``revision`` table of changes; the line table may keep empty template
    rows and be followed by the terms."""
    import docx
    from docx.shared import Inches, Pt

    w = words_of(loc, st)
    ds = st.dates or loc.dates
    doc = docx.Document()
    _docx_fixed(doc)
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(0.6)
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_paragraph().add_run(o.buyer).bold = True
    doc.add_paragraph(
        f"{o.addr} · P.O. Box {r.randrange(100, 9999)} · {w['phone']} {r.randrange(100, 999)} {r.randrange(100000, 999999)}"
    )
    doc.add_heading(st.title or w["title"], level=1)
    pairs = header_pairs(o, loc, st, 1)
    if variant == "boxes":  # the value under its label in each box, two rows of boxes
        t = doc.add_table(rows=4, cols=3)
        t.style = "Table Grid"
        for k, (lab, val) in enumerate(pairs[:6]):
            t.cell((k // 3) * 2, k % 3).text = lab
            t.cell((k // 3) * 2 + 1, k % 3).text = val
    else:
        t = doc.add_table(rows=2, cols=len(pairs))
        t.style = "Table Grid"
        for k, (lab, val) in enumerate(pairs):
            t.cell(0, k).text = lab
            _shade(t.cell(0, k), "D0D0D0")
            t.cell(1, k).text = val
    doc.add_paragraph(f"{w['vendor']}: {', '.join(vendor_block(o, loc))}")
    if variant == "revision":
        doc.add_paragraph(f"{w['rev']}").runs[0].bold = True
        h = doc.add_table(rows=3, cols=3)
        h.style = "Table Grid"
        for k, (a, b, c) in enumerate(
            (
                (w["rev"], w["date"], w["desc"]),
                ("0", when(o.ordered - timedelta(days=6), ds, loc.lang), "—"),
                (o.revision or "1", when(o.ordered, ds, loc.lang), f"{w['qty']} / {w['due']}"),
            )
        ):
            h.cell(k, 0).text, h.cell(k, 1).text, h.cell(k, 2).text = a, b, c
    cols = list(st.cols)
    lt = doc.add_table(rows=1, cols=len(cols))
    lt.style = "Table Grid"
    lt.autofit = False
    inches = {"pos": 0.45, "item": 1.2, "qty": 0.75, "unit": 0.45, "price": 0.95, "amount": 0.95, "per": 0.5}
    rest = 7.0 - sum(inches.get(c, 0) for c in cols if c != "desc")
    for c, column in zip(cols, lt.columns):
        column.width = Inches(inches.get(c, rest))
    for row in lt.rows:
        for c, cell in zip(cols, row.cells):
            cell.width = Inches(inches.get(c, rest))
    for k, c in enumerate(cols):
        lt.cell(0, k).text = col_head(c, loc, st, o)
        _shade(lt.cell(0, k), "E0E0E0")
    for k, ln in enumerate(o.lines):
        cells = lt.add_row().cells
        for j, c in enumerate(cols):
            cells[j].text = cell_text(c, k, ln, o, loc, st)
        for d, q in ln.sched:
            cells = lt.add_row().cells
            cells[cols.index("desc")].text = f"→ {when(d, ds, loc.lang)}"
            cells[cols.index("qty")].text = qty_text(q, loc)
    for k in range(st.template_rows):
        lt.add_row().cells[0].text = str(len(o.lines) + k + 1)
    places = 0 if o.currency in WHOLE else 2
    rows = [(w["net"], o.net)]
    if o.vat:
        rows += [(w["vat"], o.tax), (f"{w['total']} {o.currency}", o.total)]
    else:
        rows = [(f"{w['total']} {o.currency}", o.total)]
    for lab, val in rows:
        cells = lt.add_row().cells
        label = cells[0].merge(cells[-2])  # the label over the row's width, the figure under the amounts
        label.text = lab
        label.paragraphs[0].alignment = 2
        cells[-1].text = money(val, loc, places)
    if st.terms:
        doc.add_paragraph().add_run(w["terms"]).bold = True
        for t_ in TERMS.get(loc.lang, TERMS["en"]):
            doc.add_paragraph(t_)
    doc.save(str(path))
    stable_zip(path)


# --------------------------------------------------------------------------- mail


def _mail_headers(msg: Any, o: Order, subject: str, charset: str, client: str, to: str = "orders@example.com") -> None:
    msg["From"] = (
        f"{Header(o.person, charset).encode()} <{o.person.split()[0].lower()}@{o.domain}>"
        if o.lang not in CJK
        else f"{Header(o.person, charset).encode()} <buyer@{o.domain}>"
    )
    msg["To"] = to
    msg["Subject"] = Header(subject, charset).encode()
    msg["Date"] = format_datetime(FIXED)
    msg["Message-ID"] = f"<{abs(hash_text(o.number + subject)) % 10**12}.f10@{o.domain}>"
    msg["X-Mailer"] = client


def hash_text(text: str) -> int:
    h = 7
    for ch in text:
        h = (h * 131 + ord(ch)) % (2**61 - 1)
    return h


def sums(o: Order, w: dict[str, str]) -> list[tuple[str, Decimal]]:
    """The rows under the lines: net, freight and VAT when the order adds them, then the total."""
    rows = [(w["net"], o.net)] if o.vat or o.freight else []
    if o.freight:
        rows.append((w.get("freight", "Freight"), o.freight))
    if o.vat:
        rows.append((w["vat"], o.tax))
    return rows + [(w["total"], o.total)]


def body_text(o: Order, loc: Loc, st: Style, greeting: str, sentence: str, closing: str) -> str:
    w = words_of(loc, st)
    ds = st.dates or loc.dates
    out = [greeting, "", sentence, ""]
    out.append(f"{w['po']}: {o.number}")
    out.append(f"{w['date']}: {when(o.ordered, ds, loc.lang)}")
    out.append(f"{w['due']}: {when(o.due, ds, loc.lang)}")
    out.append("")
    for k, ln in enumerate(o.lines):
        out.append(
            f"{k + 1}. {ln.code}  {ln.text}  {qty_text(ln.qty, loc)} {ln.unit} x {printed_price(ln, loc)} {o.currency}"
            f" = {money(ln.amount, loc, 0 if o.currency in WHOLE else 2)}"
        )
    out.append("")
    for lab, val in sums(o, w):
        out.append(f"{lab}: {money(val, loc, 0 if o.currency in WHOLE else 2)} {o.currency}")
    out += ["", closing, o.person, o.buyer, o.addr]
    return "\n".join(out)


def body_html(o: Order, loc: Loc, st: Style, greeting: str, sentence: str, closing: str) -> str:
    w = words_of(loc, st)
    ds = st.dates or loc.dates
    places = 0 if o.currency in WHOLE else 2
    cols = ("item", "desc", "qty", "unit", "price", "amount")
    head = "".join(f"<th style='background:#ddd'>{col_head(c, loc, st, o)}</th>" for c in cols)
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell_text(c, k, ln, o, loc, st)}</td>" for c in cols) + "</tr>"
        for k, ln in enumerate(o.lines)
    )
    return (
        f"<html><body><p>{greeting}</p><p>{sentence}</p>"
        f"<p><b>{w['po']}:</b> {o.number}<br><b>{w['date']}:</b> {when(o.ordered, ds, loc.lang)}<br>"
        f"<b>{w['due']}:</b> {when(o.due, ds, loc.lang)}</p>"
        f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}"
        + "".join(
            f"<tr><td colspan='5' align='right'><b>{lab} {o.currency}</b></td><td><b>{money(val, loc, places)}</b></td></tr>"
            for lab, val in sums(o, w)
        )
        + "</table>"
        f"<p>{closing}<br>{o.person}<br>{o.buyer}<br>{o.addr}</p></body></html>"
    )


MAIL_WORDS = {  # greeting, order sentence, closing
    "en": ("Hello,", "Please accept our order below and confirm the delivery date.", "Thanks and regards,"),
    "de": ("Guten Tag,", "hiermit bestellen wir zu den vereinbarten Konditionen:", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour,", "Veuillez trouver ci-dessous notre commande.", "Cordialement,"),
    "pl": ("Dzień dobry,", "Prosimy o realizację poniższego zamówienia.", "Pozdrawiam,"),
    "cs": ("Dobrý den,", "objednáváme u Vás následující zboží:", "S pozdravem"),
    "tr": ("Merhaba,", "Aşağıdaki siparişimizin teyidini rica ederiz.", "Saygılarımızla,"),
    "ja": (
        "いつもお世話になっております。",
        "下記の通り注文いたします。納期のご確認をお願いいたします。",
        "よろしくお願いいたします。",
    ),
    "zh": ("您好，", "请按以下明细安排生产并回复交期。", "谢谢！"),
    "ko": ("안녕하세요.", "아래와 같이 발주하오니 납기 회신 부탁드립니다.", "감사합니다."),
    "it": ("Buongiorno,", "con la presente vi ordiniamo quanto segue:", "Cordiali saluti,"),
    "nl": ("Goedemorgen,", "Hierbij bestellen wij het volgende:", "Met vriendelijke groet,"),
    "sv": ("Hej,", "Vi beställer härmed enligt nedan:", "Vänliga hälsningar"),
    "es": ("Buenos días,", "Les enviamos el siguiente pedido:", "Un saludo,"),
    "pt": ("Bom dia,", "Segue a nossa encomenda:", "Com os melhores cumprimentos,"),
    "zh-Hant": ("您好，", "請依下列明細出貨並回覆交期。", "謝謝！"),
    "da": ("Hej,", "Hermed bestiller vi følgende:", "Med venlig hilsen"),
}


def _text_part(text: str, subtype: str, charset: str) -> MIMENonMultipart:
    """A text part in exactly ``charset`` (the email package would send EUC-JP as ISO-2022-JP)."""
    cs = Charset(charset)
    cs.output_charset = charset
    cs.output_codec = charset
    cs.body_encoding = BASE64 if charset.lower() in ("euc-jp", "gb2312", "big5", "euc-kr", "utf-8") else QP
    part = MIMENonMultipart("text", subtype)
    part.set_payload(text, cs)
    return part


def order_mail(path: Path, o: Order, loc: Loc, st: Style, charset: str, html: bool, client: str, subject: str) -> None:
    words = MAIL_WORDS[loc.lang]
    text = body_text(o, loc, st, *words)
    if html:
        msg: Any = MIMEMultipart("alternative", boundary=f"=_f10_{hash_text(o.number) % 10**8}")
        msg.attach(_text_part(text, "plain", charset))
        msg.attach(_text_part(body_html(o, loc, st, *words), "html", charset))
    else:
        msg = _text_part(text, "plain", charset)
    _mail_headers(msg, o, subject, charset, client)
    path.write_bytes(msg.as_bytes())


def attachment_mail(
    path: Path, o: Order, loc: Loc, subject: str, text: str, name: str, data: bytes, image: bool
) -> None:
    msg = MIMEMultipart("mixed", boundary=f"=_f10_att_{hash_text(o.number) % 10**8}")
    msg.attach(MIMEText(text, "plain", "utf-8"))
    part: Any = MIMEImage(data, "png") if image else MIMEApplication(data, "pdf")
    part.add_header("Content-Disposition", "attachment", filename=name)
    msg.attach(part)
    _mail_headers(msg, o, subject, "utf-8", "Microsoft Outlook 16.0")
    path.write_bytes(msg.as_bytes())


# --------------------------------------------------------------------------- families


@dataclass
class Fam:
    """One layout family: a producer, a language, a layout and what its orders hold."""

    name: str
    lang: str
    producer: str
    number: str
    st: Style = field(default_factory=Style)
    prep: tuple[str, ...] = ()
    variant: str = ""
    lines: tuple[int, int] = (2, 5)
    kind: str = "purchase_order"
    subject: str = ""


def S(**kw: Any) -> Style:
    return Style(**kw)


PDF_COLS = ("pos", "item", "desc", "qty", "unit", "price", "amount")
PER_COLS = ("pos", "item", "desc", "qty", "unit", "price", "per", "amount")
GROSS_COLS = ("pos", "item", "desc", "qty", "unit", "price", "gross", "amount")
ATT_COLS = ("pos", "item", "desc", "qty", "price", "amount")
DUE_COLS = ("pos", "item", "desc", "qty", "unit", "price", "amount", "due")

FAMILY_LIST: list[Fam] = [
    # reportlab canvas
    Fam(
        "en-infor-ln-labels-right-per-m",
        "en",
        "reportlab",
        "infor",
        S(
            head="right",
            cols=("pos", "item", "desc", "qty", "price", "per", "amount"),
            qty_attached=True,
            per_label="PER M",
        ),
        ("per1000",),
    ),
    Fam("de-proalpha-kopfband-kasten-agb", "de", "reportlab", "sap", S(head="band", terms=True), ("vat",)),
    Fam(
        "fr-sage-x3-libelles-dessous-texte-long",
        "fr",
        "reportlab",
        "letters",
        S(head="below", long_text=True),
        ("vat", "long"),
    ),
    Fam("es-epicor-pedido-subfilas-entrega", "es", "reportlab", "epicor", S(head="right"), ("vat", "sched")),
    Fam(
        "it-ifs-ordine-continua-senza-intestazione",
        "it",
        "reportlab",
        "ifs",
        S(head="boxed", break_after=4),
        ("vat",),
        lines=(6, 8),
    ),
    Fam(
        "nl-exact-inkooporder-twee-tabellen",
        "nl",
        "reportlab",
        "dash",
        S(head="letter", second_table="packing"),
        ("vat",),
    ),
    Fam(
        "pl-comarch-cena-netto-brutto",
        "pl",
        "reportlab",
        "slash",
        S(head="right", cols=GROSS_COLS, gross=True, labels={"gross": "Cena brutto"}),
        ("vat",),
    ),
    Fam("pt-primavera-codigo-em-duas-linhas", "pt", "reportlab", "letters", S(head="band", split_code=True), ("vat",)),
    Fam(
        "sv-monitor-andringsorder-rev",
        "sv",
        "reportlab",
        "dash",
        S(head="boxed", title="ÄNDRINGSORDER"),
        ("vat", "rev"),
    ),
    Fam("cs-helios-cena-za-100-ks", "cs", "reportlab", "slash", S(head="right", cols=PER_COLS), ("vat", "per100")),
    Fam(
        "ja-chumonsho-reiwa-zeinuki",
        "ja",
        "reportlab",
        "ja",
        S(head="band", dates="reiwa", labels={"price": "単価(税抜)", "total": "合計金額(税込)"}),
        ("vat",),
    ),
    Fam(
        "zh-yonyou-hanshui-danjia",
        "zh",
        "reportlab",
        "yonyou",
        S(
            head="boxed",
            cols=GROSS_COLS,
            gross=True,
            dates="iso_short",
            labels={"price": "不含税单价", "gross": "含税单价", "amount": "不含税金额"},
        ),
        ("vat",),
    ),
    Fam(
        "zh-hant-dinggoudan-minguo-weishui",
        "zh-Hant",
        "reportlab",
        "tw",
        S(head="right", labels={"price": "未稅單價"}),
        ("vat",),
    ),
    Fam("ko-baljuseo-boxed-labels", "ko", "reportlab", "ko", S(head="boxed"), ("vat",)),
    Fam(
        "tr-netsis-siparis-nakliye-kdv",
        "tr",
        "reportlab",
        "dash",
        S(head="letter", dates="long", labels={"freight": "Nakliye"}),
        ("vat", "freight"),
    ),
    Fam(
        "en-jde-green-bar-schedule-spool",
        "en",
        "spool-reportlab",
        "jde",
        S(dates="d_mon_y_upper", break_after=7),
        ("sched",),
        lines=(3, 5),
    ),
    # fpdf2
    Fam(
        "en-syspro-po-no-date-combined",
        "en",
        "fpdf2",
        "syspro",
        S(
            head="combined",
            dates="d_mon_yyyy",
            labels={"po": "PO No.", "date": "Date", "due": "Ship By", "freight": "Freight"},
        ),
        ("freight",),
    ),
    Fam(
        "de-abas-preis-je-einheit",
        "de",
        "fpdf2",
        "dash",
        S(head="right", cols=ATT_COLS, qty_attached=True, price_attached=True, dates="dmy_dot2"),
        ("vat",),
    ),
    Fam(
        "fr-divalto-designations-sur-plusieurs-lignes",
        "fr",
        "fpdf2",
        "slash",
        S(head="boxed", long_text=True, dates="dmy_slash"),
        ("vat", "long"),
    ),
    Fam("es-sap-b1-pedido-filas-vacias", "es", "fpdf2", "sap", S(head="band", template_rows=6, dates="long"), ("vat",)),
    Fam(
        "it-zucchetti-due-pagine-condizioni",
        "it",
        "fpdf2",
        "slash",
        S(head="right", break_after=5, terms=True),
        ("vat",),
        lines=(7, 9),
    ),
    Fam(
        "pl-enova-cena-za-1000-szt",
        "pl",
        "fpdf2",
        "letters",
        S(head="boxed", cols=PER_COLS, per_label="1000 szt."),
        ("vat", "per1000"),
    ),
    Fam("ja-kintone-nonyubi-gyogoto", "ja", "fpdf2", "ja", S(head="right", cols=DUE_COLS), ("vat", "linedates")),
    Fam(
        "ko-douzone-gonggeupgaek-haengbyeol-seae",
        "ko",
        "fpdf2",
        "ko",
        S(head="band", dates="ko_long"),
        ("vat", "linetax"),
    ),
    Fam(
        "da-navision-indkob-to-tabeller",
        "da",
        "fpdf2",
        "dash",
        S(head="letter", second_table="schedule"),
        ("vat", "sched"),
    ),
    Fam(
        "de-as400-spool-einheit-am-wert",
        "de",
        "spool-fpdf2",
        "sap",
        S(dates="dmy_dot2", long_text=True, break_after=6),
        ("long",),
        lines=(3, 5),
    ),
    Fam("nl-afas-labels-rechts-iso", "nl", "fpdf2", "dash", S(head="right", dates="iso"), ("vat",)),
    Fam("tr-logo-tiger-teslim-plani", "tr", "fpdf2", "dash", S(head="boxed"), ("vat", "sched")),
    # openpyxl
    Fam("en-netsuite-xlsx-stacked-blocks", "en", "xlsx", "netsuite", S(dates="mdy_slash"), variant="stacked"),
    Fam("de-xlsx-verbundene-zellen", "de", "xlsx", "sap", S(), ("vat",), variant="merged"),
    Fam("fr-xlsx-commande-second-onglet-archive", "fr", "xlsx", "letters", S(), ("vat",), variant="second"),
    Fam(
        "es-xlsx-pedido-precio-por-cien", "es", "xlsx", "slash", S(cols=PER_COLS), ("vat", "per100"), variant="stacked"
    ),
    Fam(
        "zh-kingdee-xlsx-hanshui-danjia",
        "zh",
        "xlsx",
        "kingdee",
        S(cols=GROSS_COLS, gross=True, dates="ymd_slash", labels={"price": "不含税单价", "gross": "含税单价"}),
        ("vat",),
        variant="merged",
    ),
    Fam("ja-xlsx-chumon-reiwa-bloku", "ja", "xlsx", "ja", S(dates="reiwa"), ("vat",), variant="stacked"),
    Fam("pl-xlsx-harmonogram-dostaw", "pl", "xlsx", "slash", S(dates="dmy_dot"), ("vat", "sched"), variant="stacked"),
    Fam("sv-xlsx-textceller-tusental", "sv", "xlsx", "dash", S(), ("vat",), variant="text"),
    Fam("ko-xlsx-dubeonjjae-siteu-balju", "ko", "xlsx", "ko", S(), ("vat",), variant="second"),
    # python-docx
    Fam(
        "en-jde-docx-header-band-empty-rows",
        "en",
        "docx",
        "jde",
        S(dates="d_mon_y_slash", template_rows=5),
        (),
        variant="band",
    ),
    Fam(
        "it-docx-righe-vuote-condizioni",
        "it",
        "docx",
        "slash",
        S(template_rows=8, terms=True),
        ("vat",),
        variant="band",
    ),
    Fam("nl-docx-labels-boven-waarden", "nl", "docx", "dash", S(), ("vat",), variant="boxes"),
    Fam("cs-docx-objednavka-revize", "cs", "docx", "slash", S(dates="dmy_dot"), ("vat", "rev"), variant="revision"),
    Fam(
        "tr-docx-miktar-birim-bitisik",
        "tr",
        "docx",
        "dash",
        S(cols=ATT_COLS, qty_attached=True),
        ("vat",),
        variant="boxes",
    ),
    # LibreOffice at bench time
    Fam("de-docx-gedruckt-libreoffice", "de", "lo-docx-pdf", "sap", S(terms=True), ("vat",), variant="band"),
    Fam("pt-docx-gravado-odt-libreoffice", "pt", "lo-docx-odt", "letters", S(), ("vat",), variant="boxes"),
    Fam("es-xlsx-impreso-libreoffice", "es", "lo-xlsx-pdf", "epicor", S(), ("vat",), variant="merged"),
    Fam("fr-xlsx-reenregistre-calc", "fr", "lo-xlsx-xlsx", "slash", S(), ("vat",), variant="second"),
    # mail bodies
    Fam(
        "de-outlook-html-iso-8859-1",
        "de",
        "mail",
        "sap",
        S(),
        ("vat",),
        variant="iso-8859-1:html:Microsoft Outlook 16.0",
        subject="Bestellung",
    ),
    Fam(
        "pl-thunderbird-tekst-iso-8859-2",
        "pl",
        "mail",
        "slash",
        S(),
        (),
        variant="iso-8859-2:plain:Mozilla Thunderbird",
        subject="Zamówienie",
    ),
    Fam(
        "ja-mail-euc-jp-chumon",
        "ja",
        "mail",
        "ja",
        S(),
        (),
        variant="euc-jp:plain:Becky! ver. 2.81",
        subject="注文書送付の件",
    ),
    Fam(
        "zh-foxmail-gb2312-html-caigou",
        "zh",
        "mail",
        "yonyou",
        S(),
        (),
        variant="gb2312:html:Foxmail 7.2",
        subject="采购订单",
    ),
    Fam(
        "tr-mail-windows-1254-siparis",
        "tr",
        "mail",
        "dash",
        S(),
        (),
        variant="windows-1254:plain:Microsoft Outlook 15.0",
        subject="Sipariş",
    ),
    Fam(
        "cs-mail-windows-1250-html-objednavka",
        "cs",
        "mail",
        "slash",
        S(),
        (),
        variant="windows-1250:html:Microsoft Outlook 16.0",
        subject="Objednávka",
    ),
    Fam("ko-mail-utf8-balju", "ko", "mail", "ko", S(), (), variant="utf-8:plain:Naver Mail", subject="발주서 송부"),
    # scans
    Fam("en-epicor-fax-200dpi", "en", "scan-fax", "epicor", S(head="right"), ("freight",)),
    Fam("de-scan-300dpi-gedreht", "de", "scan-pdf", "sap", S(head="band"), ("vat",)),
    Fam("ja-fax-200dpi-chumonsho", "ja", "scan-fax", "ja", S(head="boxed", dates="reiwa"), ("vat",)),
    Fam("it-scan-png-allegato-mail", "it", "scan-mail", "slash", S(head="letter"), ("vat",)),
    # not orders
    Fam(
        "not-order-en-order-acknowledgement",
        "en",
        "reportlab",
        "infor",
        S(
            head="right",
            title="ORDER ACKNOWLEDGEMENT",
            labels={"po": "Your PO No.", "vendor": "Customer", "date": "Acknowledged", "due": "Confirmed Ship Date"},
        ),
        ("ours",),
        kind="other",
    ),
    Fam(
        "not-order-de-rechnung",
        "de",
        "fpdf2",
        "sap",
        S(
            head="boxed",
            title="RECHNUNG",
            labels={"po": "Ihre Bestellung", "vendor": "Kunde", "date": "Rechnungsdatum", "due": "Fällig am"},
        ),
        ("vat", "ours"),
        kind="other",
    ),
    Fam(
        "not-order-fr-devis-chiffre-docx",
        "fr",
        "docx",
        "letters",
        S(title="DEVIS", labels={"po": "Devis n°", "vendor": "Client", "date": "Date du devis", "due": "Validité"}),
        ("vat", "ours"),
        variant="band",
        kind="other",
    ),
    Fam(
        "not-order-es-albaran-entrega-xlsx",
        "es",
        "xlsx",
        "slash",
        S(
            title="ALBARÁN DE ENTREGA",
            labels={"po": "Su pedido", "vendor": "Cliente", "date": "Fecha albarán", "due": "Fecha entrega"},
        ),
        ("ours",),
        variant="stacked",
        kind="other",
    ),
    Fam(
        "not-order-nl-betalingsadvies-crediteuren-mail",
        "nl",
        "remittance",
        "dash",
        S(),
        (),
        kind="payment_advice",
        subject="Betalingsadvies",
    ),
    Fam(
        "not-order-it-richiesta-offerta-mail",
        "it",
        "rfq",
        "slash",
        S(),
        (),
        kind="other",
        subject="Richiesta di offerta",
    ),
    Fam(
        "not-order-sv-kontoutdrag",
        "sv",
        "reportlab",
        "dash",
        S(
            head="letter",
            title="KONTOUTDRAG",
            cols=("pos", "item", "desc", "amount"),
            labels={
                "po": "Kundnummer",
                "vendor": "Kund",
                "date": "Datum",
                "due": "Förfallodag",
                "item": "Faktura",
                "desc": "Text",
                "net": "Summa öppna poster",
            },
        ),
        ("statement", "ours"),
        kind="other",
    ),
    Fam(
        "not-order-ja-naiji-forecast-xlsx",
        "ja",
        "xlsx",
        "ja",
        S(title="内示書(注文書ではありません)", labels={"po": "内示番号"}),
        (),
        variant="stacked",
        kind="other",
    ),
    Fam(
        "not-order-ko-gyeonjeokseo",
        "ko",
        "fpdf2",
        "ko",
        S(
            head="band",
            title="견적서",
            labels={"po": "견적번호", "vendor": "수신", "date": "견적일자", "due": "유효기간"},
        ),
        ("vat", "ours"),
        kind="other",
    ),
    Fam(
        "not-order-pl-potwierdzenie-zamowienia",
        "pl",
        "reportlab",
        "slash",
        S(
            head="boxed",
            title="POTWIERDZENIE ZAMÓWIENIA",
            labels={
                "po": "Wasze zamówienie",
                "vendor": "Odbiorca",
                "date": "Data potwierdzenia",
                "due": "Potwierdzony termin",
            },
        ),
        ("vat", "ours"),
        kind="other",
    ),
]
FAMILIES: dict[str, Fam] = {f.name: f for f in FAMILY_LIST}
CONVERTED = {f.name for f in FAMILY_LIST if f.producer.startswith("lo-")}
IMAGES = {f.name for f in FAMILY_LIST if f.producer.startswith("scan-")}
BODIES = {f.name for f in FAMILY_LIST if f.producer == "mail"}
CODES_SPLIT = {f.name for f in FAMILY_LIST if f.st.split_code}


class Maker:
    """Draws the families into ``out`` (documents LibreOffice makes go to ``pending``)."""

    def __init__(self, out: Any, work: Path, pending: list, seed: int) -> None:
        self.out, self.work, self.pending, self.seed = out, work, pending, seed

    def order(self, fam: Fam, k: int) -> Order:
        name = f"{fam.name}-{k}"
        r = random.Random(f"fresh10-prep:{self.seed}:{name}")
        o = make_order(self.seed, name, fam.lang, r.randint(*fam.lines), number_maker(fam.number))
        loc = LOCS[fam.lang]
        for p in fam.prep:
            if p == "vat":
                o.vat = Decimal(loc.vat)
            elif p == "linetax":
                o.line_tax = True
            elif p == "freight":
                o.freight = Decimal(FREIGHT[3] if o.currency in WHOLE else FREIGHT[k % 3])
            elif p == "per100":
                per_basis(o, r, 100)
            elif p == "per1000":
                per_basis(o, r, 1000)
            elif p == "sched":
                schedule(o, r)
            elif p == "linedates":
                line_dates(o, r)
            elif p == "rev":
                o.revision = str(r.randrange(1, 5))
            elif p == "long":
                for ln in o.lines:
                    long_text(ln, r, fam.lang)
            elif p == "statement":  # open invoices, each naming the order it billed
                for ln in o.lines:
                    ln.code = f"F{r.randrange(2026000, 2026999)}"
                    ln.text = f"Faktura avser order {o.number[:2]}{r.randrange(1000, 9999)}"
                    ln.qty, ln.unit, ln.price = Decimal(1), "", ln.amount
            elif p == "ours":  # a document we issue: our name on top, the buyer addressed
                o.party = (o.buyer, o.addr)
                o.buyer, o.addr = US, US_ADDR
        return o

    def build(self, fam: Fam) -> None:
        for k in range(4):
            self.one(fam, k)

    def one(self, fam: Fam, k: int) -> None:
        o = self.order(fam, k)
        loc = LOCS[fam.lang]
        r = random.Random(f"fresh10-draw:{self.seed}:{fam.name}-{k}")
        stem = f"{PREFIX}{fam.name}-{k}"
        golden: dict[str, Any] = o.golden() if fam.kind == "purchase_order" else {"kind": fam.kind, "order": None}
        p = fam.producer
        if p in ("reportlab", "fpdf2", "spool-reportlab", "spool-fpdf2"):
            pages = spool(o, loc, fam.st, r) if p.startswith("spool") else compose(o, loc, fam.st, r)
            path = self.out.path(f"pdf/{stem}.pdf")
            (reportlab_pdf if p.endswith("reportlab") else fpdf_pdf)(
                path, pages, fam.lang, fam.st.title or loc.words["title"]
            )
            self.add(f"pdf/{stem}.pdf", golden, "reportlab" if p.endswith("reportlab") else "fpdf2", fam)
        elif p.startswith("scan-"):
            fax = p == "scan-fax"
            dpi = 200 if fax else (300 if k % 2 else 250)
            angle = r.choice((-1, 1)) * (1 + r.random() * 2)
            images = raster(compose(o, loc, fam.st, r), fam.lang, dpi, angle, r, fax)
            golden["needs_review"] = True
            if p == "scan-mail":
                buf = io.BytesIO()
                images[0].save(buf, format="PNG", optimize=False)
                note = {"it": "Buongiorno, in allegato l'ordine scansionato. Cordiali saluti"}.get(
                    fam.lang, "Order attached."
                )
                attachment_mail(
                    self.out.path(f"eml/{stem}.eml"),
                    o,
                    loc,
                    f"Ordine {o.number}",
                    note,
                    f"scan_{k}.png",
                    buf.getvalue(),
                    True,
                )
                self.add(f"eml/{stem}.eml", golden, "pillow-png-mail", fam)
            else:
                image_pdf(self.out.path(f"pdf/{stem}.pdf"), images, dpi)
                self.add(f"pdf/{stem}.pdf", golden, "pillow-fax" if fax else "pillow-scan", fam)
        elif p == "xlsx":
            xlsx_order(self.out.path(f"xlsx/{stem}.xlsx"), o, loc, fam.variant, r, fam.st)
            self.add(f"xlsx/{stem}.xlsx", golden, "openpyxl", fam)
        elif p == "docx":
            docx_order(self.out.path(f"docx/{stem}.docx"), o, loc, fam.variant, r, fam.st)
            self.add(f"docx/{stem}.docx", golden, "python-docx", fam)
        elif p.startswith("lo-"):
            _, src_kind, target = p.split("-")
            src = self.work / f"{stem}.{src_kind}"
            if src_kind == "docx":
                docx_order(src, o, loc, fam.variant, r, fam.st)
            else:
                xlsx_order(src, o, loc, fam.variant, r, fam.st)
            fmt = {"pdf": "pdf", "odt": "odt", "xlsx": "xlsx", "ods": "ods"}[target]
            self.pending.append((src, target, f"{fmt}/{stem}.{target}", {**golden}, fam.lang, fam.name, ""))
        elif p == "mail":
            charset, kind, client = fam.variant.split(":")
            order_mail(
                self.out.path(f"eml/{stem}.eml"),
                o,
                loc,
                fam.st,
                charset,
                kind == "html",
                client,
                f"{fam.subject} {o.number}",
            )
            golden["source"] = "body"
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p == "remittance":
            remittance_mail(self.out.path(f"eml/{stem}.eml"), o, loc, r, fam.subject)
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        elif p == "rfq":
            rfq_mail(self.out.path(f"eml/{stem}.eml"), o, loc, fam.subject)
            self.add(f"eml/{stem}.eml", golden, "email", fam)
        else:
            raise ValueError(p)

    def add(self, rel: str, golden: dict, producer: str, fam: Fam) -> None:
        self.out.add(rel, golden, producer=producer, lang=fam.lang, family=fam.name)


def remittance_mail(path: Path, o: Order, loc: Loc, r: random.Random, subject: str) -> None:
    """The buyer's accounts payable telling us what it paid: invoices, their orders, amounts."""
    rows = []
    for ln in o.lines:
        rows.append(f"Factuur F{r.randrange(2026000, 2026999)}  order {o.number}  {money(ln.amount, loc)} {o.currency}")
    text = (
        "Geachte relatie,\n\nOnderstaande facturen zijn vandaag door ons betaald.\n\n"
        + "\n".join(rows)
        + f"\n\nTotaal betaald: {money(o.net, loc)} {o.currency}\nBetaaldatum: {when(o.ordered, 'dmy_dash')}\n\n"
        + f"Crediteurenadministratie\n{o.buyer}\n{o.addr}"
    )
    msg = MIMEText(text, "plain", "utf-8")
    _mail_headers(msg, o, f"{subject} {when(o.ordered, 'dmy_dash')}", "utf-8", "Microsoft Outlook 16.0")
    path.write_bytes(msg.as_bytes())


def rfq_mail(path: Path, o: Order, loc: Loc, subject: str) -> None:
    """A request for quotation: goods and quantities, no prices, an answer asked by a date."""
    rows = "".join(
        f"<tr><td>{ln.code}</td><td>{ln.text}</td><td>{qty_text(ln.qty, loc)} {ln.unit}</td></tr>" for ln in o.lines
    )
    html = (
        "<html><body><p>Buongiorno,</p><p>vi chiediamo gentilmente la vostra migliore offerta per i seguenti articoli, "
        f"entro il {when(o.due, 'dmy_slash')}. Non si tratta di un ordine.</p>"
        f"<p>Richiesta n. {o.number}</p><table border='1'><tr><th>Codice</th><th>Descrizione</th><th>Quantità</th></tr>{rows}</table>"
        f"<p>Cordiali saluti<br>{o.person}<br>{o.buyer}</p></body></html>"
    )
    msg = MIMEMultipart("alternative", boundary=f"=_f10_rfq_{hash_text(o.number) % 10**8}")
    msg.attach(MIMEText(html, "html", "utf-8"))
    _mail_headers(msg, o, f"{subject} {o.number}", "utf-8", "Mozilla Thunderbird")
    path.write_bytes(msg.as_bytes())


BUILDER_OF: dict[str, Callable[[Maker], None]] = {
    f.name: (lambda maker, fam=f: maker.build(fam))
    for f in FAMILY_LIST  # type: ignore[misc]
}


def build_fresh10(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of the batch, four documents each, drawn with ``seed``."""
    maker = Maker(out, work, pending, seed)
    for fam in FAMILY_LIST:
        maker.build(fam)
