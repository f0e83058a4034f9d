#!/usr/bin/env python3
"""The sealed corpus: purchase orders and other business documents the extractor is never tuned on.

    python bench/sealed/generate.py --out DIR      # writes DIR/FORMAT/NAME.EXT + NAME.expected.json

Written separately from ``tests/corpus/`` (no code, buyers, wording or layouts shared with it)
and generated at bench time into a temporary directory, never committed, so that nobody tunes
the extractor on these documents: ``bench/parse_accuracy.py --sealed`` measures how it does on
layouts it has not seen. The golden files follow the same contract as the tuned corpus
(``tests/corpus/README.md``) and come from this generator's own order data.

Other producers and paths than the tuned corpus: reportlab *platypus* flowables, fpdf2 laid out
cell by cell, RTF and flat-ODT documents converted by LibreOffice (to PDF, and to .docx), Excel
97 (.xls) written by LibreOffice, workbooks laid out vertically, UTF-16 tab-separated text,
Thunderbird / Yahoo / Outlook-for-Mac bodies, letters that order in prose, and PNG scans.
Other wording (ship-to / sold-to / ordering party, "Our order ref."...), other number and date
conventions (1'234.50, 1,23,456.00, 20.11.26, 令和8年, Nov. 20th, 2026), and languages the tuned
corpus does not have (Danish, Czech, Korean, Turkish, Finnish, Norwegian, Hungarian, Romanian)
beside the ones it has. Orders passed on (an account manager's "FW:" with the customer's mail
quoted, a customer resending an earlier mail as an attached message) and order templates with a
cover sheet first and a hidden sheet of old orders.

Added for the closing measurement (``added_families``): SAP/Oracle-style spool print-outs in a
monospace font (labels and values apart, ``510/EA``, prices per 100 or 1,000, schedule sub-rows,
codes and descriptions wrapped over lines, a second page continuing the table without its header,
terms after it); Word forms by python-docx with a header band or label boxes over a ruled table with
empty template rows (as .docx, and printed to PDF by LibreOffice); Calc forms saved as .xlsx; faxes at 200 and 300 dpi; bodies
as Outlook, Apple Mail and Foxmail write them; orders placed by replying to a quotation; forwards
with the quoted headers in the customer's language; one order attached as PDF and as workbook;
small customers without a legal form; and order confirmations, quotations, pro-forma invoices,
return slips and delivery notes that look like orders. Swedish, Polish and Russian buyers join.

Added for the closing measurement too, in ``more_families.py`` beside this file (its own buyers,
goods, wording and order data): tax-exclusive and tax-inclusive unit prices side by side with a VAT
line (reportlab platypus frames; zh-Hans, de, pl, es), European thousands separators in fpdf2 PDFs
and in workbooks of text cells under merged headers (openpyxl), a table continued over pages without
its header (platypus LongTable) or with carried-forward rows and units stuck to quantities (fpdf2
cells), lines and a delivery schedule as two tables on a page (fpdf2), revised orders keeping their
PO number (python-docx, via LibreOffice, or as .docx with the change tracked), Calc sheets whose
amounts and totals are formulas (saved as .xlsx), RTF orders with list price, discount and net price
(LibreOffice), numbers that are not the PO number beside it (page, PO box, phone, VAT id, IBAN),
Japanese 注文書 (御中, 税抜/税込) and Korean 발주서 workbooks (also printed by LibreOffice Calc),
Italian/Portuguese/Dutch/Spanish ERP print-outs (HTML via LibreOffice Writer), an invoice sent as
``purchase_order_NNN.pdf``, requests for quotation, statements and shipping notices (openpyxl, flat
ODT via LibreOffice), flat windows-1252 CSV exports, .ods/.odt attachments zipped by hand, Word
orders in text boxes with a nested line table, procurement-portal HTML mail, a buyer named only in a
letterhead image and the footer, and "Attn:" party blocks; dates as ``11/Jan/27``, ``08-JAN-27``,
``2027-1-8``, ``令和9年1月8日``, ``2027. 1. 8.``, ``KW 11/2027 (15.03.2027)``.

Added last, in ``fresh_families.py`` (its own buyers, goods, wording and order data, written by
someone who never read the extractor nor ran it on them): SAP Smart Forms letters (labels above
their values, a return-address line in the window), Oracle BI Publisher bands, AS/400 green-bar
spools with the page header repeated, Crystal Reports group headers and subtotals, DATEV-style
Bestellungen, French bons de commande (HT/TTC, TPS/TVQ), Italian orders with a VAT summary and
freight, Polish and Czech net/VAT/gross prints, a Turkish Excel form with the total in words,
Vietnamese and Thai bilingual orders (Buddhist-era dates), a Kingdee-style 采购订单 (two-row head,
大写 total), a Taiwanese 訂購單 (民國 dates, 未稅/含稅), a Japanese 注文書 with its 注文請書 and one
in landscape with a date on every line, Word forms of content controls or FORMTEXT fields, Excel
orders typed by hand, EDI translator CSV, orders typed on a phone, marketplace and
procurement-network mails, portal PDFs (``500 (EA)``, ``1,234.00 USD``), NetSuite / Business
Central / Sage / NAV prints, Odoo orders and RFQs, Mexican and Chilean orders with the amount in
words, Swedish and Norwegian orders rounded to whole kronor, a Korean web ERP's EUC-KR mail,
rendered scans and phone photos; and, not orders, our own acknowledgement, forecasts (内示書) and
remittance advices.

Added after the fresh batch had been measured (and so was no longer blind), in
``fresh2_families.py``: a second fresh batch by the same rules (its own buyers, goods, wording and
order data; other ERPs' prints, spreadsheets, Writer and OpenDocument files, mail, scans and
documents that are not orders). Its family names and producers are in its ``FAMILIES``.

Added after fresh2 had been measured too, in ``fresh3_families.py``: a third fresh batch by the
same rules, built to differ from all the batches before it (languages none of them has, such as
Ukrainian, Bulgarian, Serbian, Slovenian, the Baltic languages, Malay and half-width katakana;
orders split over two attachments, two orders in one mail, an order in an attached message; a
price-unit column, discounts and delivery schedules under each line, the total only in words;
phone photos and two-page faxes; and documents that are not orders). Its ``FAMILIES`` name them.

Added after fresh3 had been measured too, in ``fresh4_families.py``: a fourth fresh batch by the
same rules, built to differ from all the batches before it (Icelandic, Catalan, Swahili, Afrikaans,
Mongolian, Georgian, Macedonian, Albanian, Kazakh, Filipino and Hindi buyers; reportlab page
templates with a table over several pages, fpdf2 ``multi_cell``, LibreOffice printing flat ODS and
HTML; labels apart from their values, units glued to figures, prices per hundred, a change order,
empty template rows, a table continued without its header; Gmail, Apple Mail, Thunderbird, Outlook
and phone mail; 200-300 dpi scans, a fax and a copier's TIFF; and documents that are not orders).

Added after fresh4 had been measured too, in ``fresh5_families.py``: a fifth fresh batch by the
same rules, written by someone who read neither the extractor nor the tuned corpus, built to differ
from all the batches before it (Basque, Galician, Armenian, Azerbaijani, Uzbek, Welsh, Maltese,
Belarusian, Bosnian, Persian, Urdu, Tamil, Somali, Zulu and Yoruba buyers; several tables on a page,
lines continued without a header, schedule sub-rows, discounts and tax codes on each line, a currency
sign in every cell, two currencies, right-to-left documents, Japanese full-width figures, VMI
call-offs and blanket releases, an order table in a reply, signatures full of order-like numbers;
and documents that are not orders, a payment advice and an auto-reply among them).

Added after fresh5 had been measured too, in ``fresh6_families.py``: a sixth fresh batch by the
same rules, written by someone who read neither the extractor nor the tuned corpus, built to differ
from all the batches before it (half in the main trade languages, half in Greek, Croatian,
Indonesian, Malay, Thai, Vietnamese, Hindi, Czech, Hungarian, Romanian, Swedish, Ukrainian, Arabic,
Hebrew, Persian, Swahili and Norwegian; labels above their values in ruled boxes, a procurement
portal's line cards, Tally GST forms, SAP and Oracle spools, Odoo-like prints, Reiwa dates, Word
forms in one table and Word letters, stacked workbook headings, formulas recalculated by Calc,
record files, forwards, replies and phone mails, scans, a fax and a photo; and look-alikes).

Added after fresh6, in ``fresh7_families.py``: a seventh fresh batch by the same rules, written by
someone who read neither the extractor nor the tuned corpus, built around order situations the
batches before it do not name (a line per delivery week, positions with components under them, a
revision history table, the sums in a second currency, the head in the page footer, landscape pages
with a drawing column, ship-to and vendor in two columns; the order in the third message of a mail
thread or above a quoted quotation, typed as a table in Outlook, Gmail, Apple Mail and Foxmail
bodies, packed in a zip with its terms or drawings; 28 languages) and ten kinds of look-alike.

Added after fresh7, in ``fresh8_families.py``: an eighth fresh batch by the same rules, written by
someone who read neither the extractor nor the tuned corpus, built around how an order desk is asked
for goods in ways the batches before it do not name (kanban cards four to a page, releases against a
blanket agreement with a cumulative-quantity column, a firm schedule followed by a forecast, a
call-off workbook with the weeks across its columns; prices per 100 or 1,000 and discounts on each
line, metres and kilograms, boxes of so many pieces, a second currency on each line, item codes with
spaces and slashes, the head spread over two pages; tables pasted from Excel into mail, ISO-2022-JP,
GBK and windows-1250 bodies; a fax with a RECEIVED stamp, a stamped and signed scan, a red company
seal; English, Chinese, Japanese and sixteen European languages) and nine kinds of look-alike.
``--batch fresh8`` writes that batch alone.

Added after fresh8, in ``fresh9_families.py``: a ninth fresh batch by the same rules, written by
someone who read neither the extractor, its vocabulary nor the tuned corpus, with its own low-level
writers, built around the failures seen on real purchase orders (labels and values apart, values
under their labels, header bands over boxed tables, units stuck to quantities, prices per 100 and
1,000, prices with and without VAT, schedule sub-rows, codes over two lines, terms after the table,
empty template rows, two tables, tables continued without a header, numbers near the PO number that
are not it, revised orders, dates in a dozen styles, stacked and merged workbook heads, the order on
a second sheet beside a hidden archive) and ERP styles (SAP, Oracle, Dynamics, Sage, Odoo, AS/400
green-bar, a web shop); sixteen languages with Korean, mail in eight charsets, Pillow scans as PDF,
JPEG and TIFF, and nine kinds of document that is not an order. ``--batch fresh9`` writes it alone.

Added after fresh9, in ``fresh10_families.py``: a tenth fresh batch by the same rules, written by
someone who read neither the extractor, its vocabulary, the tuned corpus nor the other batch
modules, with its own order data and writers: the same failures seen on real purchase orders drawn
in other ERPs' styles (Infor LN, Epicor, NetSuite, IFS, Syspro, JD Edwards green-bar, proALPHA,
abas, Sage X3, Comarch, Helios, Primavera, Monitor, Exact, AFAS, Netsis, Douzone, kintone, Yonyou,
Kingdee), sixteen languages with Japanese Reiwa, Taiwanese Minguo and Korean dates, workbooks with
stacked blocks, merged cells or the order on a second sheet, Word forms, LibreOffice prints and
re-saves, mail bodies in seven charsets, faxes and scans, and eight kinds of document that is not an
order. ``--batch fresh10`` writes it alone.

Added after fresh10, in ``fresh11_families.py``: an eleventh fresh batch by the same rules, written
by someone who read neither the extractor, its vocabulary, the tuned corpus nor the other batch
modules, with its own order data and writers: the same failures seen on real purchase orders drawn
in yet other ERPs' styles (Acumatica, Plex, QAD, Oracle Fusion, SAP S/4 output forms, SAP Business
ByDesign, Business Central, Odoo 17, Xero, QuickBooks, Zoho Books, Sage Intacct, Lexware, DATEV,
Visma, Fortnox, Unit4, Sage 100, TeamSystem, Holded, Symfonia, POHODA, Money S3, Mikro, ETA, PHC,
Uniconta, OBIC, ECOUNT, Douzone, 1688 and WeCom web prints), lines printed over two rows, sixteen
languages, one page model drawn by reportlab's canvas, fpdf2 and Pillow scans and faxes, workbooks
with stacked blocks, merged cells or the order on a second sheet beside a hidden archive, Word
forms, LibreOffice prints and re-saves, mail bodies in nine charsets, orders attached to mail as a
PDF or a spool text, and eight kinds of document that is not an order. ``--batch fresh11`` writes
it alone.

Every golden file names its ``batch``: ``base`` (this module), ``more`` (``more_families.py``),
``fresh`` (``fresh_families.py``), ``fresh2`` (``fresh2_families.py``), ``fresh3``
(``fresh3_families.py``), ``fresh4`` (``fresh4_families.py``), ``fresh5`` (``fresh5_families.py``), ``fresh6``
(``fresh6_families.py``), ``fresh7`` (``fresh7_families.py``), ``fresh8`` (``fresh8_families.py``),
``fresh9`` (``fresh9_families.py``), ``fresh10`` (``fresh10_families.py``) or ``fresh11``
(``fresh11_families.py``), so that ``bench/parse_accuracy.py`` can show each part alone.

``--seed`` draws the same families again with other numbers, dates, goods and line counts: a
measurement that was looked at is repeated on a fresh draw.
"""

from __future__ import annotations

import argparse
import base64
import csv
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # more_families.py lives beside this file
import fresh2_families  # noqa: E402
import fresh10_families  # noqa: E402
import fresh11_families  # noqa: E402
import fresh3_families  # noqa: E402
import fresh4_families  # noqa: E402
import fresh5_families  # noqa: E402
import fresh6_families  # noqa: E402
import fresh7_families  # noqa: E402
import fresh8_families  # noqa: E402
import fresh9_families  # noqa: E402
import fresh_families  # noqa: E402
import more_families  # noqa: E402

SEED = 77031
CJK = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
US = "Example Manufacturing Co., Ltd."
US_ZH = "示例制造有限公司"
US_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"


# ----------------------------------------------------------------------------- order data


@dataclass
class Item:
    code: str | None
    text: str
    qty: Decimal
    unit: str
    price: Decimal
    amount: Decimal
    due: date | None = None


@dataclass
class Order:
    number: str
    buyer: str
    buyer_addr: str
    person: str
    mail: str
    lang: str
    ordered: date
    due: date | None
    currency: str
    items: list[Item]
    payment: str | None = None
    incoterms: str | None = None
    total_printed: bool = True
    amounts_printed: bool = True

    @property
    def total(self) -> Decimal:
        return sum((i.amount for i in self.items), Decimal(0))

    def expected(self, *, review: bool = False, source: str | None = None, items_coded: bool = True) -> dict:
        """The golden result: what a correct ``parse --json`` says (keys left out are not asserted)."""
        dues = [i.due for i in self.items if i.due]
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": (self.due or (min(dues) if dues else None)).isoformat() if (self.due or dues) else None,
            "currency": self.currency,
            "incoterms": self.incoterms,
            "payment_terms": self.payment,
        }
        if self.total_printed:
            order["total"] = str(self.total)
        lines = []
        for i in self.items:
            line = {"description": i.text, "quantity": str(i.qty), "unit": i.unit, "unit_price": str(i.price)}
            if items_coded and i.code:
                line["item"] = i.code
            if self.amounts_printed:
                line["amount"] = str(i.amount)
            if i.due:
                line["delivery_date"] = i.due.isoformat()
            lines.append(line)
        order["lines"] = lines
        out: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            out["needs_review"] = True
        if source:
            out["source"] = source
        return out


# Buyers, per language: (company, address, person, mail domain, currency)
PEOPLE = {
    "en-US": [
        (
            "Redwood Valley Instruments, Inc.",
            "2200 Cabot Dr, Lisle, IL 60532",
            "Megan O'Connell",
            "rvinstruments.example",
            "USD",
        ),
        (
            "Tri-County Fixture Corp.",
            "95 Enterprise Ave, Secaucus, NJ 07094",
            "Carlos Medina",
            "tricountyfixture.example",
            "USD",
        ),
    ],
    "en-GB": [
        (
            "Hallam & Price Engineering Ltd",
            "Orgreave Way, Sheffield S13 9LS",
            "Rebecca Hallam",
            "hallamprice.example",
            "GBP",
        )
    ],
    "en-IN": [
        (
            "Sahyadri Electricals Pvt. Ltd.",
            "Plot 14, MIDC Bhosari, Pune 411026",
            "Anil Deshpande",
            "sahyadri-el.example",
            "INR",
        )
    ],
    "en-AU": [
        ("Southern Cross Pumps Pty Ltd", "17 Kembla St, Wollongong NSW 2500", "Liam Fraser", "scpumps.example", "AUD")
    ],
    "de-AT": [("Donautal Gerätebau GmbH", "Linzer Straße 301, 4020 Linz", "Andrea Huber", "donautal.example", "EUR")],
    "de-CH": [
        ("Rheintal Automation AG", "Werkstrasse 8, 9444 Diepoldsau", "Beat Keller", "rheintal-auto.example", "CHF")
    ],
    "fr-CA": [
        (
            "Les Industries Boréal inc.",
            "1450 boul. Industriel, Laval (Québec) H7S 2K1",
            "Geneviève Tremblay",
            "boreal.example",
            "CAD",
        )
    ],
    "fr-BE": [("Ateliers Mosans SRL", "Quai de la Boverie 12, 4020 Liège", "Pierre Lambert", "mosans.example", "EUR")],
    "es-MX": [
        (
            "Manufacturas del Bajío S.A. de C.V.",
            "Blvd. Aeropuerto 2400, León, Gto. 37545",
            "Mariana López",
            "mfbajio.example",
            "MXN",
        )
    ],
    "pt-BR": [
        (
            "Cerâmica Paulista Indústria e Comércio Ltda.",
            "Rod. Anhanguera km 104, Campinas - SP",
            "Fernanda Lima",
            "ceramicapaulista.example",
            "BRL",
        )
    ],
    "it": [
        (
            "Fonderia Lombarda S.p.A.",
            "Via Milano 77, 20831 Seregno (MB)",
            "Davide Colombo",
            "fonderialombarda.example",
            "EUR",
        )
    ],
    "nl": [
        ("Brabantse Koeltechniek B.V.", "Ekkersrijt 4012, 5692 DA Son", "Ruud van Dijk", "brabantkoel.example", "EUR")
    ],
    "da": [
        ("Nordjysk Maskinfabrik A/S", "Industrivej 22, 9200 Aalborg SV", "Mette Sørensen", "nordjysk-mf.example", "DKK")
    ],
    "cs": [
        (
            "Moravské strojírny s.r.o.",
            "Průmyslová 1180, 686 01 Uherské Hradiště",
            "Petr Dvořák",
            "moravske-stroj.example",
            "CZK",
        )
    ],
    "tr": [
        (
            "Ege Makina Sanayi A.Ş.",
            "Atatürk OSB 10003 Sk. No:5, Çiğli / İzmir",
            "Zeynep Kaya",
            "egemakina.example",
            "TRY",
        )
    ],
    "ko": [("한빛전자 주식회사", "경기도 수원시 영통구 삼성로 129", "김민준", "hanbit-elec.example", "KRW")],
    "ja": [("北陸精密株式会社", "〒920-0031 石川県金沢市広岡3-1-1", "中村 翔", "hokuriku-seimitsu.example", "JPY")],
    "zh-Hans": [
        ("深圳市鼎盛智能装备有限公司", "深圳市宝安区福永街道凤凰第一工业区", "黄丽", "dingsheng-zn.example", "CNY"),
        ("青岛海川精工股份有限公司", "青岛市城阳区春阳路88号", "孙涛", "haichuan-jg.example", "CNY"),
    ],
    "zh-Hant": [("新竹晶通科技股份有限公司", "新竹科學園區研發二路8號", "王怡君", "jingtong.example", "TWD")],
    "fi": [("Saimaan Konepaja Oy", "Kauppakatu 40, 53100 Lappeenranta", "Sanna Korhonen", "saimaankp.example", "EUR")],
    "nb": [("Vestlandske Elektro AS", "Sandbrogaten 9, 5003 Bergen", "Ingrid Berg", "vestel.example", "NOK")],
    "hu": [("Tiszavölgyi Műszaki Kft.", "Kossuth tér 3., 5000 Szolnok", "Kovács Eszter", "tiszavolgyi.example", "HUF")],
    "ro": [
        (
            "Someș Utilaje Tehnice S.R.L.",
            "Bd. Independenței 38, 430071 Baia Mare",
            "Mihai Ionescu",
            "somes-utilaje.example",
            "RON",
        )
    ],
    "sv": [
        ("Mälardalens Verktyg AB", "Verkstadsgatan 11, 721 30 Västerås", "Johan Lindqvist", "mvverktyg.example", "SEK")
    ],
    "pl": [
        (
            "Zakłady Mechaniczne Warta Sp. z o.o.",
            "ul. Przemysłowa 27, 62-800 Kalisz",
            "Katarzyna Wójcik",
            "zmwarta.example",
            "PLN",
        )
    ],
    "ru": [
        (
            "АО «Волжский арматурный завод»",
            "ул. Заводская 14, Тольятти 445011",
            "Алексей Смирнов",
            "vaz-armatura.example",
            "RUB",
        )
    ],
}

# Wording per language (deliberately not the labels of the tuned corpus)
WORDS: dict[str, dict[str, str]] = {
    "en": dict(
        title="Purchase Order",
        number="Our order ref.",
        date="Date of order",
        due="Deliver by",
        buyer="Ordering party",
        ship="Ship-to",
        vendor="To (vendor)",
        code="Article",
        text="Goods / service",
        qty="Ordered",
        unit="Unit",
        price="Price each",
        amount="Line value",
        total="Order value",
        payment="Terms of payment",
        line_due="Ship date",
        per_each="ea",
    ),
    "de": dict(
        title="Auftrag",
        number="Auftragsnummer",
        date="Auftragsdatum",
        due="Lieferdatum",
        buyer="Besteller",
        ship="Warenempfänger",
        vendor="An",
        code="Teilenummer",
        text="Artikelbezeichnung",
        qty="Bestellmenge",
        unit="Einh.",
        price="Preis je Einheit",
        amount="Positionswert",
        total="Auftragswert",
        payment="Zahlung",
        line_due="Liefertag",
        per_each="Stück",
    ),
    "fr": dict(
        title="Commande fournisseur",
        number="Référence commande",
        date="Émise le",
        due="Date souhaitée",
        buyer="Donneur d'ordre",
        ship="Livrer à",
        vendor="Destinataire",
        code="Code article",
        text="Libellé",
        qty="Qté commandée",
        unit="Unité",
        price="Prix unit.",
        amount="Total ligne",
        total="Total de la commande",
        payment="Modalités de paiement",
        line_due="Livraison",
        per_each="unité",
    ),
    "es": dict(
        title="Orden de Compra",
        number="Folio",
        date="Fecha de emisión",
        due="Fecha requerida",
        buyer="Solicitante",
        ship="Entregar en",
        vendor="Proveedor",
        code="Clave",
        text="Concepto",
        qty="Cantidad solicitada",
        unit="U. de medida",
        price="Precio unitario",
        amount="Subtotal",
        total="Total de la orden",
        payment="Condiciones",
        line_due="Entrega",
        per_each="pieza",
    ),
    "pt": dict(
        title="Ordem de Compra",
        number="Nº da OC",
        date="Emissão",
        due="Previsão de entrega",
        buyer="Solicitante",
        ship="Local de entrega",
        vendor="Fornecedor",
        code="Cód.",
        text="Descrição do item",
        qty="Qtde.",
        unit="UN",
        price="Vlr. unitário",
        amount="Vlr. total",
        total="Total da OC",
        payment="Cond. pagamento",
        line_due="Entrega",
        per_each="pç",
    ),
    "it": dict(
        title="Ordine Fornitore",
        number="Rif. ordine",
        date="Emesso il",
        due="Consegna entro",
        buyer="Ordinante",
        ship="Destinazione merce",
        vendor="Spett.le",
        code="Articolo",
        text="Descrizione articolo",
        qty="Quantità ordinata",
        unit="UM",
        price="Prezzo netto",
        amount="Valore",
        total="Totale documento",
        payment="Pagamento",
        line_due="Data consegna",
        per_each="nr",
    ),
    "nl": dict(
        title="Bestelbon",
        number="Bestelnummer",
        date="Besteldatum",
        due="Afleverdatum",
        buyer="Opdrachtgever",
        ship="Afleveradres",
        vendor="Aan",
        code="Artikelcode",
        text="Artikelomschrijving",
        qty="Besteld",
        unit="Eenheid",
        price="Prijs/eenheid",
        amount="Regeltotaal",
        total="Totaal excl. BTW",
        payment="Betaaltermijn",
        line_due="Levering",
        per_each="stuks",
    ),
    "da": dict(
        title="Indkøbsordre",
        number="Ordrenr.",
        date="Ordredato",
        due="Leveringsdato",
        buyer="Køber",
        ship="Leveringsadresse",
        vendor="Leverandør",
        code="Varenr.",
        text="Varebeskrivelse",
        qty="Antal",
        unit="Enhed",
        price="Stk.-pris",
        amount="Beløb",
        total="I alt",
        payment="Betalingsbetingelser",
        line_due="Levering",
        per_each="stk.",
    ),
    "cs": dict(
        title="Objednávka",
        number="Číslo objednávky",
        date="Datum objednávky",
        due="Termín dodání",
        buyer="Odběratel",
        ship="Místo dodání",
        vendor="Dodavatel",
        code="Kód zboží",
        text="Název zboží",
        qty="Množství",
        unit="MJ",
        price="Cena za MJ",
        amount="Celkem",
        total="Celkem k úhradě",
        payment="Platební podmínky",
        line_due="Dodání",
        per_each="ks",
    ),
    "tr": dict(
        title="Satın Alma Siparişi",
        number="Sipariş No",
        date="Sipariş Tarihi",
        due="Teslim Tarihi",
        buyer="Alıcı",
        ship="Teslimat Adresi",
        vendor="Tedarikçi",
        code="Stok Kodu",
        text="Ürün Açıklaması",
        qty="Miktar",
        unit="Birim",
        price="Birim Fiyat",
        amount="Tutar",
        total="Genel Toplam",
        payment="Ödeme Şekli",
        line_due="Teslim",
        per_each="adet",
    ),
    "ko": dict(
        title="발주서",
        number="발주번호",
        date="발주일자",
        due="납기일",
        buyer="발주처",
        ship="납품장소",
        vendor="공급처",
        code="품번",
        text="품명",
        qty="수량",
        unit="단위",
        price="단가",
        amount="금액",
        total="합계금액",
        payment="결제조건",
        line_due="납기",
        per_each="EA",
    ),
    "ja": dict(
        title="発注書",
        number="発注No.",
        date="発行日",
        due="納入期限",
        buyer="発注元",
        ship="納入場所",
        vendor="発注先",
        code="部品番号",
        text="部品名称",
        qty="発注数",
        unit="単位",
        price="単価(円)",
        amount="金額(円)",
        total="発注金額合計",
        payment="お支払い",
        line_due="納期",
        per_each="個",
    ),
    "zh-Hans": dict(
        title="采购单",
        number="单据编号",
        date="制单日期",
        due="到货日期",
        buyer="采购单位",
        ship="收货地址",
        vendor="供货单位",
        code="存货编码",
        text="存货名称",
        qty="采购数量",
        unit="计量单位",
        price="含税单价",
        amount="价税合计",
        total="合计金额",
        payment="结算方式",
        line_due="到货日期",
        per_each="件",
    ),
    "zh-Hant": dict(
        title="採購訂單",
        number="採購單號碼",
        date="開單日期",
        due="預交日",
        buyer="採購公司",
        ship="送貨地址",
        vendor="供應廠商",
        code="料件編號",
        text="品名/規格",
        qty="採購量",
        unit="單位",
        price="單價",
        amount="小計",
        total="總金額",
        payment="付款方式",
        line_due="預交日",
        per_each="PCS",
    ),
    "fi": dict(
        title="Ostotilaus",
        number="Tilausnumero",
        date="Tilauspäivä",
        due="Toimituspäivä",
        buyer="Tilaaja",
        ship="Toimitusosoite",
        vendor="Toimittaja",
        code="Tuotenro",
        text="Nimike",
        qty="Määrä",
        unit="Yks.",
        price="À-hinta",
        amount="Rivisumma",
        total="Yhteensä",
        payment="Maksuehto",
        line_due="Toimitus",
        per_each="kpl",
    ),
    "nb": dict(
        title="Innkjøpsordre",
        number="Ordrenummer",
        date="Ordredato",
        due="Leveringsdato",
        buyer="Bestiller",
        ship="Leveringsadresse",
        vendor="Leverandør",
        code="Varenr.",
        text="Beskrivelse",
        qty="Antall",
        unit="Enhet",
        price="Enhetspris",
        amount="Sum",
        total="Totalt",
        payment="Betalingsbetingelser",
        line_due="Levering",
        per_each="stk",
    ),
    "hu": dict(
        title="Megrendelés",
        number="Rendelésszám",
        date="Kelt",
        due="Szállítási határidő",
        buyer="Megrendelő",
        ship="Szállítási cím",
        vendor="Szállító",
        code="Cikkszám",
        text="Megnevezés",
        qty="Mennyiség",
        unit="Me.",
        price="Egységár",
        amount="Érték",
        total="Összesen",
        payment="Fizetési feltételek",
        line_due="Szállítás",
        per_each="db",
    ),
    "ro": dict(
        title="Comandă de achiziție",
        number="Nr. comandă",
        date="Data comenzii",
        due="Termen de livrare",
        buyer="Cumpărător",
        ship="Adresa de livrare",
        vendor="Furnizor",
        code="Cod produs",
        text="Denumire",
        qty="Cantitate",
        unit="UM",
        price="Preț unitar",
        amount="Valoare",
        total="Total comandă",
        payment="Condiții de plată",
        line_due="Livrare",
        per_each="buc",
    ),
    "sv": dict(
        title="Inköpsorder",
        number="Ordernummer",
        date="Orderdatum",
        due="Leveransdatum",
        buyer="Beställare",
        ship="Leveransadress",
        vendor="Leverantör",
        code="Artikelnr",
        text="Benämning",
        qty="Antal",
        unit="Enhet",
        price="À-pris",
        amount="Belopp",
        total="Summa",
        payment="Betalningsvillkor",
        line_due="Leverans",
        per_each="st",
    ),
    "pl": dict(
        title="Zamówienie zakupu",
        number="Nr zamówienia",
        date="Data zamówienia",
        due="Termin dostawy",
        buyer="Zamawiający",
        ship="Adres dostawy",
        vendor="Dostawca",
        code="Indeks",
        text="Nazwa towaru",
        qty="Ilość",
        unit="J.m.",
        price="Cena jedn.",
        amount="Wartość",
        total="Razem",
        payment="Warunki płatności",
        line_due="Dostawa",
        per_each="szt.",
    ),
    "ru": dict(
        title="Заказ на поставку",
        number="Номер заказа",
        date="Дата заказа",
        due="Срок поставки",
        buyer="Заказчик",
        ship="Адрес доставки",
        vendor="Поставщик",
        code="Артикул",
        text="Наименование",
        qty="Кол-во",
        unit="Ед. изм.",
        price="Цена за ед.",
        amount="Сумма",
        total="Итого",
        payment="Условия оплаты",
        line_due="Поставка",
        per_each="шт.",
    ),
}
PAYMENT = {
    "en": "30 days from invoice",
    "de": "innerhalb 45 Tagen netto",
    "fr": "45 jours date de facture",
    "es": "Crédito 30 días",
    "pt": "28/56 dias",
    "it": "RiBa 90 gg f.m.",
    "nl": "binnen 30 dagen",
    "da": "Netto 30 dage",
    "cs": "splatnost 30 dní",
    "tr": "60 gün vadeli",
    "ko": "월말 마감 익월 현금",
    "ja": "月末締め翌々月10日払い",
    "zh-Hans": "月结90天",
    "zh-Hant": "月結60天",
    "fi": "14 pv netto",
    "nb": "30 dager netto",
    "hu": "átutalás 30 nap",
    "ro": "OP la 45 de zile",
    "sv": "30 dagar netto",
    "pl": "przelew 30 dni",
    "ru": "отсрочка платежа 30 дней",
}
GOODS = [  # (code stem, English text, price USD)
    ("SNS", "Temperature sensor PT100, 2 m lead", "3.85"),
    ("RLY", "Relay 24 VDC, 2 changeover contacts", "1.12"),
    ("TRM", "Terminal block 4 mm2, grey", "0.23"),
    ("GRM", "Cable gland M20, nylon", "0.31"),
    ("PNL", "Front panel, powder coated RAL 9005", "5.60"),
    ("IMP", "Pump impeller, glass-filled PA66", "2.75"),
    ("SHT", "Shaft seal 20x35x7", "0.54"),
    ("LCD", "LCD module 16x2, backlit", "2.40"),
    ("HNG", "Hinge, stainless, 50 mm", "0.95"),
    ("FLT", "Air filter mat G4, 300x300", "1.70"),
    ("CAS", "Castor wheel 75 mm with brake", "2.05"),
    ("BZR", "Piezo buzzer 12 mm", "0.18"),
]
LOCAL_TEXT = {  # a few translated article texts, so bodies are not all English
    "de": {
        "SNS": "Temperaturfühler PT100, 2 m Leitung",
        "RLY": "Relais 24 VDC, 2 Wechsler",
        "HNG": "Scharnier Edelstahl 50 mm",
    },
    "fr": {
        "SNS": "Sonde de température PT100, câble 2 m",
        "GRM": "Presse-étoupe M20 nylon",
        "CAS": "Roulette 75 mm à frein",
    },
    "ja": {
        "SNS": "温度センサー PT100 リード2m",
        "RLY": "リレー DC24V 2c接点",
        "LCD": "液晶モジュール 16x2 バックライト付",
    },
    "zh-Hans": {"SNS": "温度传感器 PT100 线长2米", "RLY": "继电器 24VDC 两组转换", "PNL": "前面板 喷粉 RAL9005"},
    "zh-Hant": {"SNS": "溫度感測器 PT100 線長2米", "TRM": "端子台 4mm2 灰色", "FLT": "空氣濾網 G4 300x300"},
    "ko": {"SNS": "온도센서 PT100 2m", "RLY": "릴레이 24VDC", "BZR": "피에조 부저 12mm"},
    "ru": {"SNS": "Датчик температуры PT100, провод 2 м", "RLY": "Реле 24 В, 2 переключающих контакта"},
    "sv": {"HNG": "Gångjärn rostfritt 50 mm", "FLT": "Luftfiltermatta G4, 300x300"},
    "pl": {"GRM": "Dławnica kablowa M20, poliamid", "CAS": "Kółko 75 mm z hamulcem"},
}
FX = {
    "USD": "1",
    "GBP": "0.8",
    "INR": "83",
    "AUD": "1.5",
    "EUR": "0.92",
    "CHF": "0.88",
    "CAD": "1.36",
    "MXN": "17",
    "BRL": "5",
    "DKK": "6.9",
    "CZK": "23",
    "TRY": "32",
    "KRW": "1350",
    "JPY": "150",
    "CNY": "7.2",
    "TWD": "32",
    "NOK": "10.6",
    "HUF": "360",
    "RON": "4.6",
    "SEK": "10.5",
    "PLN": "4",
    "RUB": "92",
}


def rng(name: str) -> random.Random:
    return random.Random(f"{SEED}:{name}")


def set_seed(seed: int) -> None:
    """Another draw of the same families: other numbers, dates, goods and line counts."""
    global SEED
    SEED = seed


def order_for(name: str, locale: str, n: int, *, per_line_dates: bool = False, coded: bool = True, k: int = 0) -> Order:
    r = rng(name)
    lang = locale.split("-")[0] if locale.split("-")[0] not in ("zh",) else locale
    company, addr, person, domain, currency = PEOPLE[locale][k % len(PEOPLE[locale])]
    ordered = date(2026, 11, 16) + timedelta(days=r.randrange(10))
    while ordered.day <= 12:
        ordered += timedelta(days=1)
    due = ordered + timedelta(days=r.randrange(25, 70))
    while due.day <= 12:
        due += timedelta(days=1)
    items = []
    for stem, text, base in r.sample(GOODS, n):
        text = LOCAL_TEXT.get(lang, {}).get(stem, text)
        zero_dec = currency in ("KRW", "JPY", "TWD")
        price = Decimal(base) * Decimal(FX[currency]) * Decimal(r.randrange(92, 121)) / 100
        price = price.quantize(Decimal("1") if zero_dec else Decimal("0.01"))
        qty = Decimal(r.choice([24, 36, 48, 96, 144, 180, 360, 600, 720, 1080, 2400, 4800]))
        amount = (qty * price).quantize(Decimal("1") if zero_dec else Decimal("0.01"))
        line_due = due + timedelta(days=7 * r.randrange(0, 4)) if per_line_dates else None
        items.append(
            Item(
                f"{stem}-{r.randrange(10, 99)}{r.choice('ABCDEFGH')}" if coded else None,
                text,
                qty,
                WORDS[lang]["per_each"],
                price,
                amount,
                line_due,
            )
        )
    if per_line_dates:
        items[0].due = due
    number = {
        "en": f"{r.randrange(10, 99)}-{r.randrange(100000, 999999)}",
        "de": f"A{r.randrange(100000, 999999)}",
        "fr": f"BC-{r.randrange(2026000, 2026999)}",
        "es": f"OC{r.randrange(10000, 99999)}",
        "pt": f"{r.randrange(1000, 9999)}/2026",
        "it": f"{r.randrange(100, 999)}/OF",
        "nl": f"BST{r.randrange(10000, 99999)}",
        "da": f"{r.randrange(40000, 49999)}",
        "cs": f"OBJ-2026-{r.randrange(100, 999)}",
        "tr": f"SAS{r.randrange(100000, 999999)}",
        "ko": f"PO{r.randrange(202611000, 202611999)}",
        "ja": f"{r.randrange(26000, 26999)}-{r.randrange(10, 99)}",
        "zh-Hans": f"CGDD-{r.randrange(100000, 999999)}",
        "zh-Hant": f"PR{r.randrange(1150000, 1159999)}",
        "fi": f"OT{r.randrange(10000, 99999)}",
        "nb": f"IO-{r.randrange(1000, 9999)}",
        "hu": f"MR/{r.randrange(1000, 9999)}/26",
        "ro": f"CA{r.randrange(1000, 9999)}",
        "sv": f"{r.randrange(4500000, 4599999)}",
        "pl": f"ZZ/{r.randrange(100, 999)}/2026",
        "ru": f"УТ-{r.randrange(1000, 9999):08d}",
    }[lang]
    return Order(
        number,
        company,
        addr,
        person,
        f"{person.split()[0].lower()}@{domain}",
        lang,
        ordered,
        None if per_line_dates else due,
        currency,
        items,
        payment=PAYMENT[lang] if r.random() < 0.6 else None,
    )


# ----------------------------------------------------------------------------- printing conventions


def number(value: Decimal, style: str) -> str:
    places = max(0, -value.as_tuple().exponent)
    plain = f"{value:,.{places}f}"
    if style == "comma":  # 1.234,50
        return plain.replace(",", "_").replace(".", ",").replace("_", ".")
    if style == "space":  # 1 234,50 (narrow no-break space, as Danish/Czech software prints)
        return plain.replace(",", "\u202f").replace(".", ",")
    if style == "swiss":  # 1'234.50
        return plain.replace(",", "'")
    if style == "indian":  # 1,23,456.00
        whole, _, frac = f"{value:.{places}f}".partition(".")
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = ",".join(([head] if head else []) + groups + [tail]) if head or groups else tail
        return f"{text}.{frac}" if frac else text
    if style == "bare":
        return f"{value:.{places}f}"
    return plain


def when(d: date, style: str) -> str:
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1]
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {
        "us_long": f"{mon}. {d.day}{suffix}, {d.year}",
        "dmy_dash": f"{d.day:02d}-{mon}-{d.year}",
        "de_short": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "de": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "slash_dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "iso": d.isoformat(),
        "dots_ymd": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "cjk": f"{d.year}年{d.month:02d}月{d.day:02d}日",
        "roc": f"{d.year - 1911}/{d.month:02d}/{d.day:02d}",
        "ymd_slash": f"{d.year}/{d.month}/{d.day}",
        "us": f"{d.month}/{d.day}/{d.year}",
        "oracle": f"{d.day:02d}-{mon.upper()}-{d.year % 100:02d}",
        "slash_mon": f"{d.day:02d}/{mon}/{d.year % 100:02d}",
        "cjk_np": f"{d.year}年{d.month}月{d.day}日",
    }[style]


CONVENTIONS = {  # locale -> (number style, date style)
    "en-US": ("plain", "us_long"),
    "en-GB": ("plain", "dmy_dash"),
    "en-IN": ("indian", "slash_dmy"),
    "en-AU": ("plain", "slash_dmy"),
    "de-AT": ("comma", "de_short"),
    "de-CH": ("swiss", "de"),
    "fr-CA": ("space", "iso"),
    "fr-BE": ("comma", "slash_dmy"),
    "es-MX": ("plain", "slash_dmy"),
    "pt-BR": ("comma", "slash_dmy"),
    "it": ("comma", "slash_dmy"),
    "nl": ("comma", "dmy_dash"),
    "da": ("comma", "de"),
    "cs": ("space", "de"),
    "tr": ("comma", "de"),
    "ko": ("plain", "dots_ymd"),
    "ja": ("plain", "reiwa"),
    "zh-Hans": ("plain", "cjk"),
    "zh-Hant": ("plain", "roc"),
    "fi": ("space", "de"),
    "nb": ("space", "de"),
    "hu": ("space", "dots_ymd"),
    "ro": ("comma", "de"),
    "sv": ("space", "iso"),
    "pl": ("space", "de"),
    "ru": ("space", "de"),
}
ADDED_LOCALES = ("sv", "pl", "ru")  # only the families added for the closing measurement use these


@dataclass
class Sheet:
    """An order as one layout prints it: labels, formatted values, the table."""

    o: Order
    locale: str
    money: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def w(self) -> dict[str, str]:
        return WORDS[self.o.lang]

    def n(self, v: Decimal) -> str:
        return number(v, self.extra.get("numbers") or CONVENTIONS[self.locale][0])

    def d(self, v: date) -> str:
        return when(v, self.extra.get("dates") or CONVENTIONS[self.locale][1])

    def head(self) -> list[tuple[str, str]]:
        o, w = self.o, self.w
        rows = [(w["number"], o.number), (w["date"], self.d(o.ordered))]
        if o.due:
            rows.append((w["due"], self.d(o.due)))
        if o.payment:
            rows.append((w["payment"], o.payment))
        return rows

    def cols(self) -> list[str]:
        cols = (
            ["code", "text", "qty", "unit", "price"]
            if any(i.code for i in self.o.items)
            else ["text", "qty", "unit", "price"]
        )
        if self.o.amounts_printed:
            cols.append("amount")
        if any(i.due for i in self.o.items):
            cols.append("line_due")
        return cols

    def cell(self, i: Item, key: str) -> str:
        return {
            "code": i.code or "",
            "text": i.text,
            "qty": self.n(i.qty),
            "unit": i.unit,
            "price": self.n(i.price),
            "amount": self.n(i.amount),
            "line_due": self.d(i.due) if i.due else "",
        }[key]

    def table(self) -> list[list[str]]:
        return [[self.w[c] for c in self.cols()]] + [[self.cell(i, c) for c in self.cols()] for i in self.o.items]

    def total(self) -> str:
        return f"{self.w['total']} ({self.o.currency})"


def cjk(lang: str) -> bool:
    return lang in ("ja", "zh-Hans", "zh-Hant", "ko")


# ----------------------------------------------------------------------------- producers

_REG: set[str] = set()


def font(lang: str) -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if cjk(lang):
        if "cjk" not in _REG:
            pdfmetrics.registerFont(TTFont("SealedCJK", CJK, subfontIndex=0))
            _REG.add("cjk")
        return "SealedCJK", "SealedCJK"
    if lang in (
        "cs",
        "tr",
        "fr",
        "fi",
        "nb",
        "hu",
        "ro",
        "sv",
        "pl",
        "ru",
    ):  # letters or spaces (U+202F) the standard fonts lack
        if "serif" not in _REG:
            pdfmetrics.registerFont(TTFont("SealedSerif", SERIF))
            _REG.add("serif")
        return "SealedSerif", "SealedSerif"
    return "Times-Roman", "Times-Bold"


def platypus_pdf(path: Path, s: Sheet) -> None:
    """reportlab platypus flowables: a centred title, a key table, the items table, a totals table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from html import escape as x

    regular, bold = font(s.o.lang)
    p = ParagraphStyle("p", fontName=regular, fontSize=8.5, leading=10.5)
    h = ParagraphStyle("h", fontName=bold, fontSize=17, leading=21, alignment=1)
    o, w = s.o, s.w
    story = [
        Paragraph(x(o.buyer), ParagraphStyle("b", parent=p, fontName=bold, fontSize=12)),
        Paragraph(x(o.buyer_addr), p),
        Spacer(1, 8),
        Paragraph(x(w["title"]), h),
        Spacer(1, 8),
    ]
    key = Table(
        [[Paragraph(f"<b>{x(a)}</b>", p), Paragraph(x(b), p)] for a, b in s.head()],
        colWidths=[120, 170],
        hAlign="RIGHT",
    )
    story += [key, Spacer(1, 8)]
    parties = Table(
        [
            [
                Paragraph(f"<b>{x(w['vendor'])}</b><br/>{x(US)}<br/>{x(US_ADDR)}", p),
                Paragraph(f"<b>{x(w['ship'])}</b><br/>{x(o.buyer)}<br/>{x(o.buyer_addr)}", p),
            ]
        ],
        colWidths=[250, 250],
    )
    story += [parties, Spacer(1, 10)]
    rows = [[Paragraph(x(c), p) for c in r] for r in s.table()]
    t = Table(rows, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f4f4")]),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    if o.total_printed:
        story.append(
            Table(
                [[Paragraph(f"<b>{x(s.total())}</b>", p), Paragraph(f"<b>{s.n(o.total)}</b>", p)]],
                colWidths=[140, 90],
                hAlign="RIGHT",
            )
        )
    story += [Spacer(1, 16), Paragraph(x(f"{o.person} · {o.mail}"), p)]
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=w["title"],
        author=o.buyer,
        invariant=1,
        leftMargin=42,
        rightMargin=42,
        topMargin=36,
        bottomMargin=36,
    )
    doc.build(story)


def fpdf_cells_pdf(path: Path, s: Sheet) -> None:
    """fpdf2 laid out cell by cell: quantity first, description last, labels flush left, no ruling."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    o, w = s.o, s.w
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_creation_date(
        __import__("datetime").datetime(2026, 11, 25, 9, 0, tzinfo=__import__("datetime").timezone.utc)
    )
    pdf.file_id = lambda: -1
    pdf.add_font("f", fname=CJK if cjk(o.lang) else SANS, **({"collection_font_number": 0} if cjk(o.lang) else {}))
    pdf.add_page()
    pdf.set_font("f", size=9)
    pdf.cell(0, 5, f"{o.buyer} — {o.buyer_addr}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=16)
    pdf.cell(
        0,
        10,
        w["title"].upper() if o.lang not in ("ja", "zh-Hans", "zh-Hant", "ko") else w["title"],
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("f", size=9)
    for label, value in s.head():
        pdf.cell(55, 5, label)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(55, 5, w["vendor"])
    pdf.cell(0, 5, US, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    order = [c for c in ("qty", "unit", "code", "price", "amount", "line_due", "text") if c in s.cols()]
    widths = {"qty": 22, "unit": 16, "code": 28, "price": 28, "amount": 30, "line_due": 28, "text": 110}
    for c in order:
        pdf.cell(widths[c], 6, w[c], align="R" if c in ("qty", "price", "amount") else "L")
    pdf.ln(7)
    for i in o.items:
        for c in order:
            pdf.cell(widths[c], 5.5, s.cell(i, c), align="R" if c in ("qty", "price", "amount") else "L")
        pdf.ln(5.5)
    if o.total_printed:
        pdf.ln(3)
        pdf.cell(150, 6, s.total(), align="R")
        pdf.cell(30, 6, s.n(o.total), align="R")
    pdf.output(str(path))


def prose_letter_pdf(path: Path, s: Sheet) -> None:
    """A letter that orders in sentences (smaller buyers do this): no table at all."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from html import escape as x

    o = s.o
    regular, _ = font(o.lang)
    p = ParagraphStyle("p", fontName=regular, fontSize=10.5, leading=14)
    lines = [
        o.buyer,
        o.buyer_addr,
        "",
        s.d(o.ordered),
        "",
        US,
        US_ADDR,
        "",
        f"Re: Purchase Order {o.number}",
        "",
        "Dear Sir or Madam,",
        "",
        f"We hereby place our order no. {o.number} for the following goods, to be delivered by {s.d(o.due)}:",
    ]
    story = [Paragraph(x(t) or "&nbsp;", p) for t in lines]
    for k, i in enumerate(o.items, 1):
        story.append(
            Paragraph(
                x(
                    f"{k}. {s.n(i.qty)} {i.unit} of {i.text} (your part no. {i.code}) at "
                    f"{o.currency} {s.n(i.price)} each, {o.currency} {s.n(i.amount)} in total;"
                ),
                p,
            )
        )
    story += [Spacer(1, 6), Paragraph(x(f"The total value of this order is {o.currency} {s.n(o.total)}."), p)]
    if o.payment:
        story.append(Paragraph(x(f"Payment: {o.payment}."), p))
    story += [
        Spacer(1, 10),
        Paragraph("Kindly acknowledge this order by return.", p),
        Spacer(1, 18),
        Paragraph(f"Yours faithfully,<br/>{x(o.person)}<br/>Purchasing, {x(o.buyer)}", p),
    ]
    SimpleDocTemplate(str(path), pagesize=LETTER, invariant=1, title=f"Order {o.number}").build(story)


def rtf_doc(s: Sheet) -> str:
    """An RTF order (WordPad, old ERPs): converted by LibreOffice to PDF or .docx."""

    def esc(t: str) -> str:
        return "".join(
            c
            if ord(c) < 128 and c not in "\\{}"
            else (f"\\{c}" if c in "\\{}" else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?")
            for c in t
        )

    o, w = s.o, s.w
    out = [
        r"{\rtf1\ansi\deff0{\fonttbl{\f0 DejaVu Sans;}{\f1 WenQuanYi Zen Hei;}}\f%d\fs20" % (1 if cjk(o.lang) else 0)
    ]
    out.append(r"{\b\fs28 %s}\par %s\par\par {\b\fs32 %s}\par\par" % (esc(o.buyer), esc(o.buyer_addr), esc(w["title"])))
    for label, value in s.head():
        out.append(r"{\b %s:} %s\par" % (esc(label), esc(value)))
    out.append(r"\par %s: %s\par\par" % (esc(w["vendor"]), esc(US)))
    table = s.table()
    cellx = "".join(r"\clbrdrb\brdrs\cellx%d" % (1700 * (k + 1)) for k in range(len(table[0])))
    for r in table:
        out.append(r"\trowd" + cellx + "".join(r"\intbl %s\cell" % esc(c) for c in r) + r"\row")
    if o.total_printed:
        out.append(r"\pard\par{\b %s: %s}\par" % (esc(s.total()), esc(s.n(o.total))))
    out.append(r"\par %s\par}" % esc(o.person))
    return "\n".join(out)


def fodt_doc(s: Sheet) -> str:
    """A flat OpenDocument text (one XML file), as some document servers emit."""
    from xml.sax.saxutils import escape as x

    o, w = s.o, s.w
    body = [
        f'<text:p text:style-name="T">{x(w["title"])}</text:p>',
        f"<text:p>{x(o.buyer)}, {x(o.buyer_addr)}</text:p>",
    ]
    body += [f"<text:p>{x(a)}\t{x(b)}</text:p>" for a, b in s.head()]
    body.append(f"<text:p>{x(w['vendor'])}: {x(US)}</text:p>")
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{x(c)}</text:p></table:table-cell>" for c in r)
        + "</table:table-row>"
        for r in s.table()
    )
    body.append(
        f'<table:table table:name="Items"><table:table-column table:number-columns-repeated="{len(s.table()[0])}"/>'
        f"{rows}</table:table>"
    )
    if o.total_printed:
        body.append(f"<text:p>{x(s.total())}: {x(s.n(o.total))}</text:p>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
        '<style:style style:name="T" style:family="paragraph"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>'
        f"</style:style></office:automatic-styles><office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
    )


def html_dl(s: Sheet) -> str:
    """An intranet page: header as a definition list, items as a div grid (not a <table>)."""
    from html import escape as e

    o, w = s.o, s.w
    dl = "".join(f"<dt>{e(a)}</dt><dd>{e(b)}</dd>" for a, b in s.head())
    cols = s.cols()
    grid = "".join(
        "<div class='r'>" + "\u2003".join(f"<span class='{c}'>{e(v)}</span>" for c, v in zip(cols, r)) + "</div>"
        for r in s.table()
    )  # spaced even where the stylesheet is ignored
    total = f"<p class='t'>{e(s.total())}: <strong>{e(s.n(o.total))}</strong></p>" if o.total_printed else ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{e(w['title'])}</title><style>"
        "dt{font-weight:bold;float:left;width:12em}dd{margin-left:13em} .r span{display:inline-block;width:9em}"
        " .r span.text{width:20em}</style></head>"
        f"<body><header><strong>{e(o.buyer)}</strong><br><small>{e(o.buyer_addr)}</small></header>"
        f"<h1>{e(w['title'])}</h1><dl>{dl}</dl><p>{e(w['vendor'])}: {e(US)}</p><section>{grid}</section>{total}"
        f"<footer>{e(o.person)} &lt;{e(o.mail)}&gt;</footer></body></html>"
    )


def vertical_xlsx(path: Path, s: Sheet) -> None:
    """A workbook with the header as a two-column list on one sheet and the items on another."""
    from openpyxl import Workbook

    o, w = s.o, s.w
    wb = Workbook()
    head = wb.active
    head.title = "Header"
    head.append([w["title"], None])
    head.append([w["buyer"], o.buyer])
    for a, b in s.head():
        head.append([a, b])
    head.append(["Currency", o.currency])
    head.append([w["vendor"], US])
    items = wb.create_sheet("Items")
    items.append([w[c] for c in s.cols()])
    for i in o.items:
        row: list[Any] = []
        for c in s.cols():
            v = {
                "code": i.code,
                "text": i.text,
                "qty": i.qty,
                "unit": i.unit,
                "price": i.price,
                "amount": i.amount,
                "line_due": i.due,
            }[c]
            row.append(float(v) if isinstance(v, Decimal) else v)
        items.append(row)
    if o.total_printed:
        items.append([None] * (len(s.cols()) - 2) + [s.total(), float(o.total)])
    wb.properties.creator = o.person
    fixed = __import__("datetime").datetime(2026, 11, 25, 9, 0)
    wb.properties.created = wb.properties.modified = fixed
    wb.save(str(path))
    stable_zip(path)


def stable_zip(path: Path) -> None:
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 25, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-25T09:00:00Z", data)
            dst.writestr(zi, data)
    src.close()
    path.write_bytes(buf.getvalue())


def utf16_tsv(s: Sheet) -> bytes:
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated, a few header rows above the table."""
    o, w = s.o, s.w
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
    wr.writerow([w["title"], o.buyer])
    for a, b in s.head():
        wr.writerow([a, b])
    wr.writerow(["Currency", o.currency])
    wr.writerow([])
    for r in s.table():
        wr.writerow(r)
    if o.total_printed:
        wr.writerow([""] * (len(s.cols()) - 2) + [s.total(), s.n(o.total)])
    return buf.getvalue().encode("utf-16")


def png_scan_pdf(path: Path, s: Sheet, angle: float) -> None:
    """A phone-photo-like scan: greyscale PNG, skewed, uneven light; wrapped in a PDF."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    o = s.o
    W, H = 1240, 1754  # 150 dpi
    img = Image.new("L", (W, H), 240)
    d = ImageDraw.Draw(img)
    f_big = ImageFont.truetype(CJK if cjk(o.lang) else SERIF, 40)
    f = ImageFont.truetype(CJK if cjk(o.lang) else SERIF, 22)
    d.text((90, 90), o.buyer, font=f_big, fill=25)
    d.text((90, 145), o.buyer_addr, font=f, fill=40)
    d.text((700, 220), s.w["title"], font=f_big, fill=20)
    y = 300
    for a, b in s.head() + [("Currency", o.currency)]:
        d.text((90, y), f"{a}: {b}", font=f, fill=35)
        y += 34
    y += 40
    xs = [90, 260, 690, 820, 900, 1040, 1150][: len(s.cols())]
    for r in s.table():
        for x, v in zip(xs, r):
            d.text((x, y), v, font=f, fill=30)
        y += 36
    if o.total_printed:
        d.text((760, y + 30), f"{s.total()}: {s.n(o.total)}", font=f, fill=20)
    light = Image.linear_gradient("L").resize((W, H)).point(lambda v: 255 - v // 5)
    img = Image.composite(img, light, Image.new("L", (W, H), 200))
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=220, expand=False).filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    buf.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buf), 0, 0, *A4)
    c.showPage()
    c.save()


def body(s: Sheet, style: str) -> str:
    o, w = s.o, s.w
    if style == "prose":
        items = "\n".join(
            f"- {s.n(i.qty)} {i.unit} {i.text} ({i.code}), {o.currency} {s.n(i.price)}/{i.unit}" for i in o.items
        )
        pay = f" Payment {o.payment}, as usual." if o.payment else ""
        return (
            f"Hi {US.split()[0]} team,\n\nplease book the following under our PO {o.number} dated {s.d(o.ordered)}, "
            f"needed on site by {s.d(o.due)}:\n\n{items}\n\nThat makes {o.currency} {s.n(o.total)} altogether.{pay}"
            f"\n\nThanks,\n{o.person}\n{o.buyer}\n"
        )
    head = "\n".join(f"{a}: {b}" for a, b in s.head())
    rows = "\n".join(" | ".join(r) for r in s.table())
    total = f"\n{s.total()}: {s.n(o.total)}\n" if o.total_printed else ""
    return f"{w['title']}\n\n{head}\n\n{rows}\n{total}\n{o.person}\n{o.buyer}\n"


def mail(
    path: Path,
    o: Order,
    *,
    text: str,
    charset: str = "utf-8",
    html: str | None = None,
    attach: list[tuple[str, bytes, str]] = (),
    agent: str | None = None,
    subject: str | None = None,
) -> None:
    def part(content: str, sub: str):
        if charset == "utf-8":
            return MIMEText(content, sub, "utf-8")
        p = MIMENonMultipart("text", sub, charset=charset)
        content = content.replace("\u202f", "\u00a0")  # legacy charsets have the plain no-break space
        p.set_payload(base64.encodebytes(content.encode(charset)).decode())
        p["Content-Transfer-Encoding"] = "base64"
        return p

    main = part(text, "plain")
    if html:
        alt = MIMEMultipart("alternative", boundary="sealed-alt-" + o.number.replace("/", ""))
        alt.attach(main)
        alt.attach(part(html, "html"))
        main = alt
    if attach:
        msg = MIMEMultipart("mixed", boundary="sealed-mix-" + o.number.replace("/", ""))
        msg.attach(main)
        for name, data, ctype in attach:
            p = MIMENonMultipart(*ctype.split("/"), name=name)
            p.set_payload(base64.encodebytes(data).decode())
            p["Content-Transfer-Encoding"] = "base64"
            p.add_header("Content-Disposition", "attachment", filename=name)
            msg.attach(p)
    else:
        msg = main
    from email.header import Header

    msg["From"] = f"{Header(o.person, 'utf-8').encode()} <{o.mail}>"
    msg["To"] = "sales@example.com"
    msg["Subject"] = Header(subject or f"{WORDS[o.lang]['title']} {o.number}", "utf-8").encode()
    msg["Date"] = "Wed, 25 Nov 2026 09:12:00 +0100"
    msg["Message-ID"] = f"<sealed-{o.number.replace('/', '-')}@{o.mail.split('@')[1]}>"
    if agent:
        msg["User-Agent"] = agent
    path.write_bytes(msg.as_bytes())


def cover_sheet_xlsx(path: Path, s: Sheet, old: Sheet) -> None:
    """A customer's order template: a cover sheet of instructions first, the order on the second
    sheet (a header block, then the items), and a hidden sheet of earlier orders kept for lookup."""
    from openpyxl import Workbook

    o, w = s.o, s.w
    wb = Workbook()
    cover = wb.active
    cover.title = "Read me"
    cover["A1"] = o.buyer
    cover["A3"] = "Fill in the yellow cells only. Prices per unit, currency as stated."
    cover["A4"] = "Questions: " + o.mail
    sheet = wb.create_sheet("PO")
    sheet.merge_cells("A1:D1")
    sheet["A1"] = f"{o.buyer} - {w['title']}"
    r = 3
    for label, value in s.head() + [("Currency", o.currency), (w["vendor"], US)]:
        sheet.cell(r, 1, label)
        sheet.cell(r, 3, value)  # the value two columns to the right, as merged input cells leave it
        r += 1
    r += 1
    for row in [[w[c] for c in s.cols()]] + [
        [
            float(v) if isinstance(v, Decimal) else v
            for v in (
                {
                    "code": i.code,
                    "text": i.text,
                    "qty": i.qty,
                    "unit": i.unit,
                    "price": i.price,
                    "amount": i.amount,
                    "line_due": i.due,
                }[c]
                for c in s.cols()
            )
        ]
        for i in o.items
    ]:
        for col, v in enumerate(row, start=1):
            sheet.cell(r, col, v)
        r += 1
    if o.total_printed:
        sheet.cell(r + 1, len(s.cols()) - 1, s.total())
        sheet.cell(r + 1, len(s.cols()), float(o.total))
    archive = wb.create_sheet("Archive")
    archive.sheet_state = "hidden"
    archive.append([old.w["number"], old.o.number, old.d(old.o.ordered)])
    archive.append([old.w[c] for c in old.cols()])
    for i in old.o.items:
        archive.append([old.cell(i, c) for c in old.cols()])
    wb.active = 1
    wb.properties.creator = o.person
    fixed = __import__("datetime").datetime(2026, 11, 25, 9, 0)
    wb.properties.created = wb.properties.modified = fixed
    wb.save(str(path))
    stable_zip(path)


COLLEAGUE = ("Anna Weber", "anna.weber@example.com")  # one of our account managers


def forwarded_inline(s: Sheet) -> tuple[str, str]:
    """(subject, text) of an account manager passing a customer's order on, Outlook style."""
    o = s.o
    subject = f"{WORDS[o.lang]['title']} {o.number}"
    text = (
        f"Please enter this one, the customer called about it this morning.\n\nAnna\n\n"
        f"-----Original Message-----\nFrom: {o.person} <{o.mail}>\nSent: Tuesday, November 24, 2026 4:51 PM\n"
        f"To: {COLLEAGUE[0]} <{COLLEAGUE[1]}>\nSubject: {subject}\n\n{body(s, 'pipes')}"
    )
    return "FW: " + subject, text


def forwarded_attachment(path: Path, s: Sheet, pdf: bytes) -> None:
    """A customer resending an earlier mail of theirs as an attached message (message/rfc822)."""
    from email.header import Header
    from email.mime.message import MIMEMessage

    o = s.o
    inner = MIMEMultipart("mixed", boundary="sealed-inner-" + o.number.replace("/", ""))
    inner.attach(MIMEText(f"{o.person}\n{o.buyer}\n", "plain", "utf-8"))
    part = MIMENonMultipart("application", "pdf", name=f"{o.number.replace('/', '-')}.pdf")
    part.set_payload(base64.encodebytes(pdf).decode())
    part["Content-Transfer-Encoding"] = "base64"
    part.add_header("Content-Disposition", "attachment", filename=f"{o.number.replace('/', '-')}.pdf")
    inner.attach(part)
    inner["From"] = f"{Header(o.person, 'utf-8').encode()} <{o.mail}>"
    inner["To"] = "sales@example.com"
    inner["Subject"] = Header(f"{WORDS[o.lang]['title']} {o.number}", "utf-8").encode()
    inner["Date"] = "Mon, 23 Nov 2026 15:02:00 +0100"
    outer = MIMEMultipart("mixed", boundary="sealed-outer-" + o.number.replace("/", ""))
    outer.attach(
        MIMEText("Resending the mail below, we have had no confirmation yet.\n\n" + o.person + "\n", "plain", "utf-8")
    )
    outer.attach(MIMEMessage(inner))
    outer["From"] = f"{Header(o.person, 'utf-8').encode()} <{o.mail}>"
    outer["To"] = "sales@example.com"
    outer["Subject"] = Header(f"Fwd: {WORDS[o.lang]['title']} {o.number}", "utf-8").encode()
    outer["Date"] = "Wed, 25 Nov 2026 09:12:00 +0100"
    outer["Message-ID"] = f"<sealed-fwd-{o.number.replace('/', '-')}@{o.mail.split('@')[1]}>"
    path.write_bytes(outer.as_bytes())


# ----------------------------------------------------------------------------- not orders

NOT_ORDER_TITLES = {
    "credit note": {
        "en": "CREDIT NOTE",
        "de": "GUTSCHRIFT",
        "fr": "AVOIR",
        "es": "NOTA DE CRÉDITO",
        "it": "NOTA DI CREDITO",
        "nl": "CREDITNOTA",
        "da": "KREDITNOTA",
        "ja": "返品伝票",
        "zh-Hans": "红字发票",
        "ko": "반품전표",
        "cs": "DOBROPIS",
        "tr": "İADE FATURASI",
        "pt": "NOTA DE CRÉDITO",
        "zh-Hant": "折讓單",
        "fi": "HYVITYSLASKU",
        "nb": "KREDITNOTA",
        "hu": "JÓVÁÍRÓ SZÁMLA",
        "ro": "FACTURĂ DE STORNARE",
    },
    "delivery note": {
        "en": "DELIVERY NOTE",
        "de": "LIEFERSCHEIN",
        "fr": "BON DE LIVRAISON",
        "es": "ALBARÁN",
        "it": "DOCUMENTO DI TRASPORTO",
        "nl": "PAKBON",
        "da": "FØLGESEDDEL",
        "ja": "納品書",
        "zh-Hans": "送货单",
        "ko": "거래명세서",
        "cs": "DODACÍ LIST",
        "tr": "İRSALİYE",
        "pt": "GUIA DE REMESSA",
        "zh-Hant": "送貨單",
        "fi": "LÄHETYSLISTA",
        "nb": "FØLGESEDDEL",
        "hu": "SZÁLLÍTÓLEVÉL",
        "ro": "AVIZ DE ÎNSOȚIRE",
    },
    "pro-forma invoice": {
        "en": "PRO FORMA INVOICE",
        "de": "PROFORMA-RECHNUNG",
        "fr": "FACTURE PRO FORMA",
        "es": "FACTURA PROFORMA",
        "it": "FATTURA PROFORMA",
        "nl": "PROFORMA FACTUUR",
        "da": "PROFORMAFAKTURA",
        "ja": "見積請求書",
        "zh-Hans": "形式发票",
        "ko": "견적송장",
        "cs": "ZÁLOHOVÁ FAKTURA",
        "tr": "PROFORMA FATURA",
        "pt": "FATURA PRÓ-FORMA",
        "zh-Hant": "形式發票",
        "fi": "PROFORMALASKU",
        "nb": "PROFORMAFAKTURA",
        "hu": "DÍJBEKÉRŐ",
        "ro": "FACTURĂ PROFORMĂ",
    },
    "price list": {
        "en": "PRICE LIST 2027",
        "de": "PREISLISTE 2027",
        "fr": "TARIFS 2027",
        "es": "LISTA DE PRECIOS 2027",
        "it": "LISTINO PREZZI 2027",
        "nl": "PRIJSLIJST 2027",
        "da": "PRISLISTE 2027",
        "ja": "価格表 2027年版",
        "zh-Hans": "2027年价格表",
        "ko": "2027 단가표",
        "cs": "CENÍK 2027",
        "tr": "2027 FİYAT LİSTESİ",
        "pt": "TABELA DE PREÇOS 2027",
        "zh-Hant": "2027年價目表",
        "fi": "HINNASTO 2027",
        "nb": "PRISLISTE 2027",
        "hu": "ÁRLISTA 2027",
        "ro": "LISTĂ DE PREȚURI 2027",
    },
}


def not_order_pdf(path: Path, s: Sheet, kind: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    from html import escape as x

    regular, bold = font(s.o.lang)
    p = ParagraphStyle("p", fontName=regular, fontSize=9, leading=11)
    title = NOT_ORDER_TITLES[kind][s.o.lang]
    issuer = "Apex Distribution GmbH" if kind != "price list" else US
    story = [
        Paragraph(f"<b>{issuer}</b>", p),
        Spacer(1, 6),
        Paragraph(title, ParagraphStyle("h", fontName=bold, fontSize=16, leading=20)),
        Spacer(1, 6),
        Paragraph(f"No. {kind[:2].upper()}-{s.o.number}", p),
        Paragraph(s.d(s.o.ordered), p),
        Paragraph(x(f"{s.w['buyer']}: {s.o.buyer}"), p),
    ]
    if kind in ("credit note", "delivery note"):
        story.append(Paragraph(f"{s.w['number']}: {s.o.number}", p))  # refers to the buyer's order
    story += [Spacer(1, 8), Table([[Paragraph(x(c), p) for c in r] for r in s.table()])]
    if kind != "price list":
        story.append(Paragraph(f"{s.w['total']}: {s.n(s.o.total)} {s.o.currency}", p))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=title).build(story)


# ----------------------------------------------------------------------------- ERP print-outs and boxed forms
#
# The families below were added for the closing measurement: what ERPs and small customers
# print and mail that the families above do not have (spool print-outs with schedules and wrapped
# text over two pages, header bands over ruled tables written by python-docx, faxes at fax
# resolutions, mail clients' HTML, replies and forwards in the customer's language, one order
# attached twice, business documents that look like orders, customers without a legal form).

FIXED = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)  # the day every added document is stamped with
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

# Words only the spool print-outs use: item position, page, schedule line, terms after the table
SPOOL = {
    "en": dict(
        pos="Item",
        page="Page {p} of {n}",
        sched="Sched.",
        net="Net value excl. tax",
        terms="Terms and conditions",
        clauses=[
            "1. Deliveries: max. 2 per week, Mon-Thu 07:00-14:00, dock 3.",
            "2. Quantities over 5% above the ordered quantity will be returned at your cost.",
            "3. Invoice in 1 copy quoting PO number and item; 2% 10 days, 30 days net.",
        ],
    ),
    "de": dict(
        pos="Pos.",
        page="Seite {p} von {n}",
        sched="Einteilung",
        net="Nettowert ohne MwSt.",
        terms="Allgemeine Einkaufsbedingungen",
        clauses=[
            "1. Anlieferung Mo-Do 7:00-14:00 Uhr, Tor 4; max. 2 Anlieferungen pro Woche.",
            "2. Mehrlieferungen über 5 % gehen zu Ihren Lasten zurück.",
            "3. Rechnung in 1-facher Ausfertigung mit Bestellnummer; 3 % Skonto 14 Tage.",
        ],
    ),
    "sv": dict(
        pos="Pos",
        page="Sida {p} av {n}",
        sched="Delleverans",
        net="Nettovärde exkl. moms",
        terms="Allmänna inköpsvillkor",
        clauses=[
            "1. Leverans mån-tor 07.00-14.00, port 2; högst 2 leveranser per vecka.",
            "2. Överleverans över 5 % returneras på er bekostnad.",
            "3. Faktura i 1 ex. med ordernummer; 30 dagar netto.",
        ],
    ),
    "pl": dict(
        pos="Poz.",
        page="Strona {p} z {n}",
        sched="Harmonogram",
        net="Wartość netto bez VAT",
        terms="Ogólne warunki zakupu",
        clauses=[
            "1. Dostawy pn.-czw. 7:00-14:00, brama 1; maks. 2 dostawy w tygodniu.",
            "2. Nadwyżki powyżej 5% zostaną zwrócone na koszt dostawcy.",
            "3. Faktura w 1 egz. z numerem zamówienia; termin płatności 30 dni.",
        ],
    ),
    "ja": dict(
        pos="明細",
        page="{p}/{n} 頁",
        sched="分納",
        net="税抜合計",
        terms="取引条件",
        clauses=[
            "1. 納入時間は月～木 8:00～15:00、第2倉庫へ納入のこと。",
            "2. 発注数量の5%を超える過納品は返品します。",
            "3. 請求書は1部、発注No.を記載のこと。",
        ],
    ),
    "ru": dict(
        pos="Поз.",
        page="Лист {p} из {n}",
        sched="График",
        net="Сумма без НДС",
        terms="Общие условия поставки",
        clauses=[
            "1. Приёмка товара пн-чт 8:00-15:00, склад № 2; не более 2 поставок в неделю.",
            "2. Поставка сверх 5 % от заказанного количества возвращается за счёт поставщика.",
            "3. Счёт в 1 экз. с указанием номера заказа; оплата 30 дней.",
        ],
    ),
}
CURRENCY = {  # the label an order form puts before its currency code
    "en": "Currency",
    "de": "Währung",
    "sv": "Valuta",
    "pl": "Waluta",
    "ja": "通貨",
    "ru": "Валюта",
    "fr": "Devise",
    "it": "Valuta",
    "nl": "Valuta",
    "ko": "통화",
    "tr": "Para birimi",
    "zh-Hans": "币种",
    "zh-Hant": "幣別",
    "es": "Moneda",
    "pt": "Moeda",
    "da": "Valuta",
    "cs": "Měna",
    "ro": "Monedă",
    "hu": "Pénznem",
    "fi": "Valuutta",
    "nb": "Valuta",
}
ERP_UNIT = {"en": "EA", "de": "ST", "sv": "ST", "pl": "SZT", "ja": "PC", "ru": "ШТ"}


def wide(c: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(c) in ("W", "F")


def cols_of(text: str) -> int:
    """Columns a text takes in a monospace print-out (CJK characters take two)."""
    return sum(2 if wide(c) else 1 for c in text)


def fit(text: str, width: int, right: bool = False) -> str:
    pad = " " * max(0, width - cols_of(text))
    return pad + text if right else text + pad


def wrap_cols(text: str, width: int) -> list[str]:
    """Break a description as a spool does: at spaces, or anywhere in CJK text."""
    out, line = [], ""
    words = [piece for word in re.split(r"(?<= )", text) for piece in (list(word) if cols_of(word) > width else [word])]
    for word in words:
        if line and cols_of(line + word.rstrip()) > width:
            out.append(line.rstrip())
            line = ""
        line += word
    return out + ([line.rstrip()] if line.strip() else [])


def erp_items(o: Order, r: random.Random, unit: str, *, long_text: bool) -> list[int]:
    """ERP habits on an order's lines: an ERP unit, prices per 100 or 1,000 for cheap parts,
    long part numbers and long descriptions. Returns each line's price basis (1, 100 or 1000)."""
    zero_dec = o.currency in ("KRW", "JPY", "TWD")
    bases = []
    for i in o.items:
        i.unit = unit
        basis = 1
        if not zero_dec and i.price < 3:
            basis = 1000 if i.price < Decimal("0.5") else 100
            i.price = (i.price * basis).quantize(Decimal("0.01")) / basis
        i.amount = (i.qty * i.price).quantize(Decimal("1") if zero_dec else Decimal("0.01"))
        if r.random() < 0.5:
            i.code = f"{r.randrange(1000, 9999)}-{r.randrange(10000, 99999)}-{r.randrange(1, 999):04d}"
        if long_text:
            i.text += r.choice(
                [
                    ", RoHS, packed 50 per carton, label to drawing D-2207",
                    ", to spec. QS-114 rev. C, first article report required",
                    ", bulk packed, each carton marked with item number",
                ]
            )
        bases.append(basis)
    return bases


def schedules(o: Order, r: random.Random) -> list[list[tuple[date, Decimal]]]:
    """Delivery schedule of each line: several dates for the larger quantities."""
    out = []
    for i in o.items:
        if i.qty >= 360 and r.random() < 0.7:
            first = (i.qty * Decimal(r.choice([40, 50, 60])) / 100).quantize(Decimal("1"))
            base = o.due or o.ordered + timedelta(days=30)
            out.append([(base, first), (base + timedelta(days=14), i.qty - first)])
        else:
            out.append([])
    return out


def band_style():
    """Table headings on a grey band in the regular face (the fonts here have no bold)."""
    from fpdf.fonts import FontFace

    return FontFace(emphasis="", fill_color=(225, 225, 225))


def fpdf_new(lang: str, *, mono: bool, landscape: bool = False):
    """An fpdf2 document with a fixed date and id, so that a seed always makes the same bytes."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.file_id = lambda: -1
    if cjk(lang):
        pdf.add_font("f", fname=CJK, collection_font_number=1 if mono else 0)
    else:
        pdf.add_font("f", fname=MONO if mono else SANS)
    pdf.set_auto_page_break(False)
    return pdf


def spool_lines(s: Sheet, bases: list[int], scheds: list, break_after: int) -> list[list[str]]:
    """The print-out as pages of fixed-width lines: a header with labels in one column and values
    in the next, items with wrapped codes and text and schedule sub-rows, the table continued on
    page 2 without its header, then the net value and the terms."""
    o, w, sp = s.o, s.w, SPOOL[s.o.lang]
    width = 108
    w_pos, w_code, w_text, w_qty, w_price, w_amt = 6, 12, 34, 16, 22, 18
    p1 = [
        fit(o.buyer.upper(), 70) + fit(w["title"].upper(), width - 70, right=True),
        fit(o.buyer_addr, 80) + fit(sp["page"].format(p=1, n=2), width - 80, right=True),
        "",
        fit(f"{w['number']}/{w['date']}", 56) + w["vendor"],
        fit(f"{o.number} / {s.d(o.ordered)}", 56) + US,
        " " * 56 + US_ADDR,
        "",
        fit(w["buyer"], 24) + o.buyer,
        fit(w["due"], 24) + s.d(o.due),
    ]
    if o.payment:
        p1.append(fit(w["payment"], 24) + o.payment)
    p1 += [fit(CURRENCY[o.lang], 24) + o.currency, ""]
    p1 += [
        "=" * width,
        fit(sp["pos"], w_pos)
        + fit(w["code"], w_code)
        + fit(w["text"], w_text)
        + fit(w["qty"], w_qty, True)
        + fit(w["price"], w_price, True)
        + fit(w["amount"], w_amt, True),
        "-" * width,
    ]
    p2 = [f"{o.buyer}   {w['title']} {o.number}   {sp['page'].format(p=2, n=2)}", ""]
    page = p1
    for k, (i, basis, sched) in enumerate(zip(o.items, bases, scheds)):
        if k == break_after:
            page = p2
        code = i.code or ""
        codes = [code[:11], code[11:]] if cols_of(code) > w_code - 1 else [code]
        texts = wrap_cols(i.text, w_text - 2)
        price = s.n(i.price * basis) + (f"/{basis}" if basis > 1 else f"/{i.unit.title()}")  # 4.61/Ea
        for j in range(max(len(codes), len(texts))):
            row = fit(f"{(k + 1) * 10:05d}" if j == 0 else "", w_pos)
            row += fit(codes[j] if j < len(codes) else "", w_code) + fit(texts[j] if j < len(texts) else "", w_text)
            if j == 0:
                row += fit(f"{s.n(i.qty)}/{i.unit}", w_qty, True) + fit(price, w_price, True)
                row += fit(s.n(i.amount), w_amt, True)
            page.append(row.rstrip())
        for n_, (when_, qty) in enumerate(sched, 1):
            page.append(" " * (w_pos + w_code) + f"{sp['sched']} {n_}   {s.d(when_)}   {s.n(qty)} {i.unit}")
        page.append("")
    page += ["-" * width, fit(f"{sp['net']}  {o.currency}", width - w_amt, True) + fit(s.n(o.total), w_amt, True), ""]
    page += [sp["terms"], *sp["clauses"], "", o.person]
    return [p1, p2]


def spool_pdf(path: Path, s: Sheet, bases: list[int], scheds: list) -> None:
    """An SAP/Oracle-style purchase order spooled to PDF in a monospace font, two pages."""
    pdf = fpdf_new(s.o.lang, mono=True)
    for lines in spool_lines(s, bases, scheds, break_after=max(1, len(s.o.items) // 2 + 1)):
        pdf.add_page()
        pdf.set_font("f", size=7.4)
        pdf.set_y(12)
        for text in lines:
            pdf.cell(0, 3.7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def docx_form(path: Path, s: Sheet, bases: list[int], *, band: bool) -> None:
    """A Word order form: labels in a header band above their values (``band``) or in boxes beside
    them, a ruled items table with empty template rows, and the total inside the table."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    o, w = s.o, s.w
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(0.6)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(8.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    head = doc.add_paragraph()
    head.add_run(o.buyer).bold = True
    doc.add_paragraph(o.buyer_addr)
    doc.add_heading(w["title"], level=1)
    fields = s.head() + [(CURRENCY[o.lang], o.currency)]
    if band:
        t = doc.add_table(rows=2, cols=len(fields))
        t.style = "Table Grid"
        for c, (label, value) in enumerate(fields):
            t.cell(0, c).text = label
            t.cell(1, c).text = value
    else:
        pairs = [fields[k : k + 2] for k in range(0, len(fields), 2)]
        t = doc.add_table(rows=len(pairs), cols=4)
        t.style = "Table Grid"
        for r_, pair in enumerate(pairs):
            for c, (label, value) in enumerate(pair):
                t.cell(r_, 2 * c).text = label
                t.cell(r_, 2 * c + 1).text = value
    doc.add_paragraph()
    parties = doc.add_table(rows=1, cols=2)
    parties.style = "Table Grid"
    parties.cell(0, 0).text = f"{w['vendor']}\n{US}\n{US_ADDR}"
    parties.cell(0, 1).text = f"{w['ship']}\n{o.buyer}\n{o.buyer_addr}"
    doc.add_paragraph()
    cols = ["#", w["code"], w["text"], w["qty"], w["unit"], w["price"], w["amount"]]
    inches = [0.35, 1.25, 2.45, 0.75, 0.5, 1.0, 1.0]
    items = doc.add_table(rows=1, cols=len(cols))
    items.style = "Table Grid"
    items.autofit = False
    for c, label in enumerate(cols):
        items.cell(0, c).text = label
    for k, (i, basis) in enumerate(zip(o.items, bases), 1):
        price = s.n(i.price * basis) + (f" /{s.n(Decimal(basis))}" if basis > 1 else "")
        values = [str(k), i.code or "", i.text, s.n(i.qty), i.unit, price, s.n(i.amount)]
        row = items.add_row()
        for c, v in enumerate(values):
            row.cells[c].text = v
    for _ in range(3):  # the template's empty rows, left as they were
        items.add_row()
    total = items.add_row()
    total.cells[6].text = s.n(o.total)
    total.cells[0].merge(total.cells[5]).text = s.total()
    for c, column in enumerate(items.columns):  # Word reads the cells' widths, LibreOffice the grid's
        column.width = Inches(inches[c])
    for row in items.rows[:-1]:
        for c, cell in enumerate(row.cells):
            cell.width = Inches(inches[c])
    doc.add_paragraph()
    doc.add_paragraph(f"{o.person}\n{o.mail}")
    doc.core_properties.author = o.person
    doc.core_properties.created = doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.save(str(path))
    stable_zip(path)


def fax_pdf(path: Path, s: Sheet, *, dpi: int, angle: float, r: random.Random) -> None:
    """A faxed order: a boxed form drawn at fax resolution, the fax machine's header line, a slight
    rotation, speckle noise and 1-bit black and white, written by Pillow as an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont

    o = s.o
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    k = dpi / 200
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)

    def f(size: float):
        return ImageFont.truetype(CJK if cjk(o.lang) else SANS, int(size * k))

    m = int(110 * k)
    d.text(
        (m, int(30 * k)), "26/11/2026 09:14  FROM: +00 555 0141 22  TO: +86 769 5555 0100   P.01/01", font=f(17), fill=0
    )
    d.text((m, int(110 * k)), o.buyer, font=f(34), fill=0)
    d.text((m, int(160 * k)), o.buyer_addr, font=f(20), fill=0)
    d.text((W - m - int(560 * k), int(230 * k)), s.w["title"], font=f(38), fill=0)
    y = int(320 * k)
    fields = s.head() + [(CURRENCY[o.lang], o.currency), (s.w["vendor"], US)]
    for label, value in fields:
        d.rectangle([m, y, m + int(420 * k), y + int(40 * k)], outline=0, width=2)
        d.rectangle([m + int(420 * k), y, W - m, y + int(40 * k)], outline=0, width=2)
        d.text((m + int(10 * k), y + int(8 * k)), label, font=f(20), fill=0)
        d.text((m + int(430 * k), y + int(8 * k)), value, font=f(20), fill=0)
        y += int(40 * k)
    y += int(50 * k)
    table = s.table()
    size = 20.0
    while True:  # the columns as wide as their text, the font smaller until the table fits
        cells = table + [[""] * (len(table[0]) - 1) + [s.n(o.total)]]
        widths = [max(d.textlength(row[c], font=f(size)) for row in cells) + 20 * k for c in range(len(table[0]))]
        if sum(widths) <= W - 2 * m or size < 12:
            break
        size -= 1
    for row in table:
        x = m
        for c, v in enumerate(row):
            d.rectangle([x, y, x + widths[c], y + int(40 * k)], outline=0, width=2)
            d.text((x + 8 * k, y + int(9 * k)), v, font=f(size), fill=0)
            x += widths[c]
        y += int(40 * k)
    if o.total_printed:  # one box for the label across the columns, one for the amount
        last = m + sum(widths[:-1])
        d.rectangle([m, y, last, y + int(40 * k)], outline=0, width=2)
        d.rectangle([last, y, last + widths[-1], y + int(40 * k)], outline=0, width=2)
        label = s.total()
        d.text((last - d.textlength(label, font=f(size)) - 8 * k, y + int(9 * k)), label, font=f(size), fill=0)
        d.text((last + 8 * k, y + int(9 * k)), s.n(o.total), font=f(size), fill=0)
        y += int(40 * k)
    d.text((m, y + int(60 * k)), o.person, font=f(22), fill=0)
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    px = img.load()
    for _ in range(int(W * H / 900)):  # speckles of the line, and dropped-out dots
        x, yy = r.randrange(W), r.randrange(H)
        px[x, yy] = 0 if r.random() < 0.7 else 255
    img = img.point(lambda v: 0 if v < 150 else 255, "1")
    stamp = FIXED.timetuple()
    img.save(str(path), "PDF", resolution=float(dpi), title="FAX", creationDate=stamp, modDate=stamp)


def fods_form(s: Sheet) -> str:
    """A Calc order form as flat OpenDocument (saved by LibreOffice as .xlsx): a header band of
    labels above their values, real numbers and dates in the cells, empty rows before the total."""
    from xml.sax.saxutils import escape as x

    o, w = s.o, s.w

    def cell(v: Any) -> str:
        if isinstance(v, Decimal):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        if isinstance(v, date):
            return (
                f'<table:table-cell table:style-name="D" office:value-type="date" office:date-value="{v.isoformat()}">'
                f"<text:p>{s.d(v)}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{x(str(v))}</text:p></table:table-cell>'
            if v
            else ("<table:table-cell/>")
        )

    band = [(w["number"], o.number), (w["date"], o.ordered), (w["due"], o.due), (CURRENCY[o.lang], o.currency)]
    if o.payment:
        band.append((w["payment"], o.payment))
    keys = [c for c in ("code", "text", "qty", "unit", "price", "amount") if c in s.cols()]
    rows: list[list[Any]] = [
        [o.buyer],
        [o.buyer_addr],
        [],
        [w["title"]],
        [],
        [a for a, _ in band],
        [b for _, b in band],
    ]
    rows += [[], [w["vendor"], US], [], [w[c] for c in keys]]
    for i in o.items:
        rows.append(
            [
                {"code": i.code, "text": i.text, "qty": i.qty, "unit": i.unit, "price": i.price, "amount": i.amount}[c]
                for c in keys
            ]
        )
    rows += [[], [], [None] * (len(keys) - 2) + [s.total(), o.total]]
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles>'
        '<number:date-style style:name="N1"><number:day number:style="long"/><number:text>.</number:text>'
        '<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>'
        '</number:date-style><style:style style:name="D" style:family="table-cell" style:data-style-name="N1"/>'
        "</office:automatic-styles><office:body><office:spreadsheet>"
        f'<table:table table:name="{x(w["title"][:31])}">{body}</table:table></office:spreadsheet></office:body></office:document>'
    )


# ----------------------------------------------------------------------------- mail as clients send it


def compose(
    path: Path,
    *,
    sender: str,
    subject: str,
    key: str,
    text: str | None = None,
    html: str | None = None,
    charset: str = "utf-8",
    attach: list[tuple[str, bytes, str]] = (),
    headers: dict[str, str] | None = None,
) -> None:
    """One message: a text and/or HTML body in ``charset``, attachments, fixed boundaries and date."""
    from email.header import Header

    key = re.sub(r"[^A-Za-z0-9-]", "", key)
    codec = {"ks_c_5601-1987": "euc_kr"}.get(charset, charset)

    def part(content: str, sub: str) -> MIMENonMultipart:
        p = MIMENonMultipart("text", sub, charset=charset)
        p.set_payload(base64.encodebytes(content.encode(codec)).decode())
        p["Content-Transfer-Encoding"] = "base64"
        return p

    parts = [part(c, sub) for c, sub in ((text, "plain"), (html, "html")) if c is not None]
    main: Any = parts[0]
    if len(parts) == 2:
        main = MIMEMultipart("alternative", boundary=f"alt-{key}")
        for p in parts:
            main.attach(p)
    msg = main
    if attach:
        msg = MIMEMultipart("mixed", boundary=f"mix-{key}")
        msg.attach(main)
        for name, data, ctype in attach:
            a = MIMENonMultipart(*ctype.split("/"), name=name)
            a.set_payload(base64.encodebytes(data).decode())
            a["Content-Transfer-Encoding"] = "base64"
            a.add_header("Content-Disposition", "attachment", filename=name)
            msg.attach(a)
    name, addr = sender.rsplit(" <", 1)
    msg["From"] = f"{Header(name, 'utf-8').encode()} <{addr}"
    msg["To"] = "orders@example.com"
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Date"] = "Thu, 26 Nov 2026 08:41:00 +0100"
    msg["Message-ID"] = f"<{key}@{addr.rstrip('>').split('@')[1]}>"
    for k, v in (headers or {}).items():
        msg[k] = v
    path.write_bytes(msg.as_bytes())


def fixed_table(s: Sheet, sep: str = "  ") -> str:
    """The items as a customer types them into a plain-text mail: columns padded with spaces."""
    table = s.table()
    widths = [max(cols_of(r[c]) for r in table) for c in range(len(table[0]))]
    return "\n".join(
        sep.join(fit(v, widths[c], right=c > 1 and c != len(r) - 1) for c, v in enumerate(r)).rstrip() for r in table
    )


def html_table(s: Sheet, attrs: str, cell: str = "{}") -> str:
    from html import escape as e

    rows = "".join("<tr>" + "".join(f"<td>{cell.format(e(v))}</td>" for v in r) + "</tr>" for r in s.table())
    return f"<table {attrs}>{rows}</table>"


CLIENT_WORDS = {  # greeting, the order sentence, closing
    "de": ("Guten Tag", "anbei unsere Bestellung {n} vom {d}, Liefertermin {due}:", "Freundliche Grüsse"),
    "ko": ("안녕하세요", "발주번호 {n} ({d}) 건 아래와 같이 발주합니다. 납기: {due}", "감사합니다"),
    "fr": ("Bonjour", "veuillez enregistrer notre commande {n} du {d}, livraison souhaitée le {due} :", "Cordialement"),
    "sv": ("Hej", "här kommer vår beställning {n} av {d}, leverans senast {due}:", "Med vänliga hälsningar"),
    "zh-Hans": ("您好", "我司采购单 {n}（{d}）如下，请于 {due} 前交货：", "谢谢"),
    "zh-Hant": ("您好", "本公司採購單 {n}（{d}）如下，請於 {due} 前交貨：", "謝謝"),
}


def client_html_mail(path: Path, s: Sheet, client: str, charset: str) -> None:
    """An order typed into the body by Outlook, Apple Mail or Foxmail, each writing its own HTML."""
    from html import escape as e

    o = s.o
    hi, sentence, bye = CLIENT_WORDS[o.lang]
    said = sentence.format(n=o.number, d=s.d(o.ordered), due=s.d(o.due))
    total = f"{s.total()}: {s.n(o.total)}"
    text = (
        f"{hi},\n\n{said}\n\n"
        + "\n".join("\t".join(r) for r in s.table())
        + f"\n\n{total}\n\n{bye}\n{o.person}\n{o.buyer}\n"
    )
    if client == "outlook":
        html = (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
            '<head><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style>p.MsoNormal{margin:0cm;'
            'font-size:11.0pt;font-family:"Calibri",sans-serif}</style></head><body lang=DE-CH link="#0563C1"><div class=WordSection1>'
            f"<p class=MsoNormal>{e(hi)},<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            f"<p class=MsoNormal>{e(said)}<o:p></o:p></p>"
            + html_table(
                s,
                'class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;border:none"',
                "<p class=MsoNormal>{}<o:p></o:p></p>",
            )
            + f"<p class=MsoNormal><b>{e(total)}</b><o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            f"<p class=MsoNormal>{e(bye)}<br>{e(o.person)}<br>{e(o.buyer)}<o:p></o:p></p></div></body></html>"
        )
        headers = {"X-Mailer": "Microsoft Outlook 16.0", "Thread-Index": "AdtA1+9KoW3zq8x2TqGm"}
    elif client == "applemail":
        lines = "".join(
            f"<div>{e(i.code or '')} – {e(i.text)}: {e(s.n(i.qty))} {e(i.unit)} à {e(s.n(i.price))} = {e(s.n(i.amount))}</div>"
            for i in o.items
        )
        text = (
            f"{hi},\n\n{said}\n\n"
            + "\n".join(
                f"{i.code or ''} – {i.text}: {s.n(i.qty)} {i.unit} à {s.n(i.price)} = {s.n(i.amount)}" for i in o.items
            )
            + f"\n\n{total}\n\n{bye}\n{o.person}\n{o.buyer}\n"
        )
        html = (
            '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            f"<div>{e(hi)},</div><div><br></div><div>{e(said)}</div><div><br></div>{lines}<div><br></div>"
            f"<div><b>{e(total)}</b></div><div><br></div><div>{e(bye)}</div><div>{e(o.person)}</div>"
            f"<div>{e(o.buyer)}</div></body></html>"
        )
        headers = {"X-Mailer": "Apple Mail (2.3826.200.121)", "Mime-Version": "1.0 (Mac OS X Mail 16.0)"}
    else:  # foxmail
        html = (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><style>'
            f"body {{ font-size: 10.5pt; font-family: {'微軟正黑體' if charset == 'big5' else '微软雅黑'}; }}</style></head><body>"
            f"<div>{e(hi)}，</div><div>{e(said)}</div><div><br></div>"
            + html_table(s, 'border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse"')
            + f"<div>{e(total)}</div><div><br></div><hr style='width:210px;height:1px' align=left>"
            f"<div><span>{e(o.person)}</span></div><div>{e(o.buyer)}</div></body></html>"
        )
        headers = {"X-Mailer": "Foxmail 7.2.25.375[cn]"}
    compose(
        path,
        sender=f"{o.person} <{o.mail}>",
        subject=f"{s.w['title']} {o.number}",
        key=f"{client}-{o.lang}-{o.number}",
        text=text,
        html=html,
        charset=charset,
        headers=headers,
    )


REPLY = {  # reply prefix, greeting, order sentence, quote intro, "wrote" line, closing
    "en": (
        "Re:",
        "Hi Anna,",
        "thanks for your quote. Please book our order {n} dated {d}, delivery by {due}:",
        "Our quotation {q}, valid 30 days:",
        "On {when}, Anna Weber <anna.weber@example.com> wrote:",
        "Kind regards",
    ),
    "es": (
        "RE:",
        "Hola Anna:",
        "gracias por la cotización. Les confirmamos nuestra orden {n} del {d}, entrega a más tardar el {due}:",
        "Nuestra cotización {q}, vigencia 30 días:",
        "El {when}, Anna Weber <anna.weber@example.com> escribió:",
        "Saludos cordiales",
    ),
    "nl": (
        "Antw:",
        "Beste Anna,",
        "bedankt voor de offerte. Hierbij onze bestelling {n} van {d}, levering uiterlijk {due}:",
        "Onze offerte {q}, 30 dagen geldig:",
        "Op {when} schreef Anna Weber <anna.weber@example.com>:",
        "Met vriendelijke groet",
    ),
    "pl": (
        "Odp:",
        "Dzień dobry,",
        "dziękujemy za ofertę. Zamawiamy zgodnie z zamówieniem {n} z dnia {d}, termin dostawy {due}:",
        "Nasza oferta {q}, ważna 30 dni:",
        "W dniu {when} Anna Weber <anna.weber@example.com> napisała:",
        "Pozdrawiam",
    ),
    "da": (
        "Sv:",
        "Hej Anna,",
        "tak for tilbuddet. Vi bestiller hermed på ordre {n} af {d}, levering senest {due}:",
        "Vores tilbud {q}, gældende i 30 dage:",
        "Den {when} skrev Anna Weber <anna.weber@example.com>:",
        "Med venlig hilsen",
    ),
}


def reply_thread_mail(path: Path, s: Sheet, quote: Sheet) -> None:
    """A customer ordering by replying to our quotation: the order on top, the quotation quoted
    below with its own quantities and prices (price breaks), which are not the order."""
    o = s.o
    re_, hi, sentence, qintro, wrote, bye = REPLY[o.lang]
    qnum = f"Q-26-{quote.o.number[-4:]}"
    top = (
        f"{hi}\n\n{sentence.format(n=o.number, d=s.d(o.ordered), due=s.d(o.due))}\n\n{fixed_table(s)}\n\n"
        f"{s.total()}: {s.n(o.total)}\n\n{bye}\n{o.person}\n{o.buyer}\n{o.buyer_addr}\n\n"
    )
    quoted = f"{wrote.format(when=s.d(o.ordered - timedelta(days=6)))}\n" + "\n".join(
        "> " + line
        for line in (
            f"Dear {o.person.split()[0]},\n\n{qintro.format(q=qnum)}\n\n{fixed_table(quote)}\n\nAnna Weber\n{US}"
        ).splitlines()
    )
    compose(
        path,
        sender=f"{o.person} <{o.mail}>",
        subject=f"{re_} {qnum} - {US}",
        key=f"reply-{o.lang}-{o.number.replace('/', '')}",
        text=top + quoted + "\n",
        headers={"In-Reply-To": f"<{qnum}@example.com>", "References": f"<{qnum}@example.com>"},
    )


FORWARD = {  # prefix, note, header labels (from, sent, to, subject), sent date as printed
    "fr": (
        "TR :",
        "Merci de saisir cette commande, le client attend l'accusé de réception.",
        ("De", "Envoyé", "À", "Objet"),
        "mardi 24 novembre 2026 16:51",
    ),
    "es": (
        "RV:",
        "Por favor capturen este pedido, el cliente lo necesita urgente.",
        ("De", "Enviado el", "Para", "Asunto"),
        "martes, 24 de noviembre de 2026 16:51",
    ),
    "zh-Hans": (
        "转发：",
        "请录入这张订单，客户催得比较急。",
        ("发件人", "发送时间", "收件人", "主题"),
        "2026年11月24日 16:51",
    ),
    "nl": (
        "Doorst:",
        "Graag deze bestelling invoeren, klant wacht op bevestiging.",
        ("Van", "Verzonden", "Aan", "Onderwerp"),
        "dinsdag 24 november 2026 16:51",
    ),
    "it": (
        "I:",
        "Per favore inserite questo ordine, il cliente aspetta la conferma.",
        ("Da", "Inviato", "A", "Oggetto"),
        "martedì 24 novembre 2026 16:51",
    ),
}


def forwarded_localized_mail(path: Path, s: Sheet) -> None:
    """An account manager forwarding a customer's mail order with the quoted headers in the
    customer's language (as the mail client of that language writes them)."""
    o = s.o
    prefix, note, (l_from, l_sent, l_to, l_subj), sent = FORWARD[o.lang]
    subject = f"{s.w['title']} {o.number}"
    original = "\n".join(f"{a}: {b}" for a, b in s.head()) + f"\n{CURRENCY[o.lang]}: {o.currency}\n\n{fixed_table(s)}\n"
    total = f"\n{s.total()}: {s.n(o.total)}\n" if o.total_printed else ""
    text = (
        f"{note}\n\nAnna\n\n________________________________\n"
        f"{l_from}: {o.person} <{o.mail}>\n{l_sent}: {sent}\n{l_to}: {COLLEAGUE[0]} <{COLLEAGUE[1]}>\n"
        f"{l_subj}: {subject}\n\n{original}{total}\n{o.person}\n{o.buyer}\n"
    )
    compose(
        path,
        sender=f"{COLLEAGUE[0]} <{COLLEAGUE[1]}>",
        subject=f"{prefix} {subject}",
        key=f"fw-{o.lang}-{o.number.replace('/', '')}",
        text=text,
    )


def boxed_fpdf_pdf(path: Path, s: Sheet) -> None:
    """fpdf2's table API: a header band of labelled boxes above a ruled items table."""
    o, w = s.o, s.w
    pdf = fpdf_new(o.lang, mono=False)
    pdf.add_page()
    pdf.set_font("f", size=13)
    pdf.cell(0, 8, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=8)
    pdf.cell(0, 5, o.buyer_addr, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=15)
    pdf.cell(0, 12, w["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=8)
    fields = s.head() + [(CURRENCY[o.lang], o.currency)]
    with pdf.table(first_row_as_headings=True, headings_style=band_style(), line_height=5) as t:
        for row in ([a for a, _ in fields], [b for _, b in fields]):
            r_ = t.row()
            for v in row:
                r_.cell(v)
    pdf.ln(4)
    pdf.cell(0, 5, f"{w['vendor']}: {US}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    table = s.table()
    with pdf.table(first_row_as_headings=True, headings_style=band_style(), line_height=5, text_align="LEFT") as t:
        for row in table:
            r_ = t.row()
            for v in row:
                r_.cell(v)
    pdf.ln(3)
    pdf.cell(0, 6, f"{s.total()}   {s.n(o.total)}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def export_xlsx(path: Path, s: Sheet) -> None:
    """An ERP export of the same order: one row per line, the header fields repeated on each row."""
    from openpyxl import Workbook

    o, w = s.o, s.w
    wb = Workbook()
    sh = wb.active
    sh.title = o.number.replace("/", "-")[:31]
    sh.append(
        [
            w["number"],
            w["date"],
            w["due"],
            w["code"],
            w["text"],
            w["qty"],
            w["unit"],
            w["price"],
            w["amount"],
            CURRENCY[o.lang],
        ]
    )
    for i in o.items:
        sh.append(
            [
                o.number,
                o.ordered,
                o.due,
                i.code,
                i.text,
                float(i.qty),
                i.unit,
                float(i.price),
                float(i.amount),
                o.currency,
            ]
        )
    sh.append([None] * 7 + [s.total(), float(o.total), o.currency])
    wb.properties.creator = o.person
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    wb.save(str(path))
    stable_zip(path)


TWIN_NOTE = {
    "da": "Hermed vores ordre {n} som PDF og Excel.",
    "cs": "V příloze naše objednávka {n} v PDF a Excelu.",
    "ro": "Atașat comanda noastră {n} în format PDF și Excel.",
    "ja": "発注書 {n} をPDFとExcelでお送りします。",
    "hu": "Csatolva küldjük {n} számú megrendelésünket PDF és Excel formátumban.",
}


def twin_mail(path: Path, s: Sheet, pdf: bytes, xlsx: bytes) -> None:
    """The same order attached twice, as a PDF and as a workbook, in one message."""
    o = s.o
    stem = o.number.replace("/", "-")
    compose(
        path,
        sender=f"{o.person} <{o.mail}>",
        subject=f"{s.w['title']} {o.number}",
        key=f"twin-{o.lang}-{stem}",
        text=f"{TWIN_NOTE[o.lang].format(n=o.number)}\n\n{o.person}\n{o.buyer}\n",
        attach=[
            (f"{stem}.pdf", pdf, "application/pdf"),
            (f"{stem}.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ],
    )


# Small customers: a trading name with no legal form; the buyer signs the mail with it
NO_FORM = {
    "en-US": ("Cape Ann Marine Supply", "41 Harbor Loop, Gloucester, MA 01930", "Dana Pruitt", "capeannmarine.example"),
    "it": (
        "Officine Bertolini",
        "Via dell'Artigianato 6, 25030 Coccaglio (BS)",
        "Giorgio Fabbri",
        "officinebertolini.example",
    ),
    "ja": ("木村工房", "〒399-0704 長野県塩尻市広丘郷原1020", "木村 大輔", "kimura-kobo.example"),
    "sv": ("Nordkust Båtteknik", "Hamngatan 4, 852 30 Sundsvall", "Erik Sandström", "nordkustbat.example"),
    "pt-BR": ("Metalúrgica Serra Azul", "Rua das Indústrias 310, Joinville - SC", "Rafael Moura", "serraazul.example"),
}
NO_FORM_WORDS = {  # greeting, order sentence, role line, closing
    "en": (
        "Hello,",
        "We'd like to order the following, our PO {n} of {d}. We need it by {due}.",
        "Purchasing",
        "Best,",
    ),
    "it": (
        "Buongiorno,",
        "vi ordiniamo quanto segue, nostro ordine {n} del {d}, consegna entro il {due}.",
        "Ufficio acquisti",
        "Cordiali saluti,",
    ),
    "ja": (
        "いつもお世話になっております。",
        "下記の通り注文いたします。注文番号 {n}（{d}）、納期 {due}。",
        "購買担当",
        "よろしくお願いいたします。",
    ),
    "sv": ("Hej!", "Vi beställer följande, vår order {n} av {d}, leverans senast {due}.", "Inköp", "Hälsningar"),
    "pt": ("Bom dia,", "segue nosso pedido {n} de {d}, entrega até {due}.", "Compras", "Atenciosamente,"),
}


def no_legal_form_mail(path: Path, s: Sheet) -> None:
    """A small customer's order in the body, signed by the buyer with the trading name beneath."""
    o = s.o
    hi, sentence, role, bye = NO_FORM_WORDS[o.lang]
    lines = "\n".join(
        f"{k}) {i.code} {i.text} — {s.n(i.qty)} {i.unit} x {s.n(i.price)} {o.currency} = {s.n(i.amount)}"
        for k, i in enumerate(o.items, 1)
    )
    text = (
        f"{hi}\n\n{sentence.format(n=o.number, d=s.d(o.ordered), due=s.d(o.due))}\n\n{lines}\n\n"
        f"{s.total()}: {s.n(o.total)}\n\n{bye}\n\n{o.person}\n{role}\n{o.buyer}\n{o.buyer_addr}\n"
        f"Tel. +00 555 0{len(o.number)}41 22\n"
    )
    compose(
        path,
        sender=f"{o.person} <{o.mail}>",
        subject=f"{s.w['title']} {o.number}",
        key=f"small-{o.lang}-{o.number.replace('/', '')}",
        text=text,
    )


# ----------------------------------------------------------------------------- look like orders, are not

LOOKALIKE_TITLES = {
    "order-confirmation": {
        "sv": "Orderbekräftelse",
        "pl": "Potwierdzenie zamówienia",
        "ko": "주문 확인서",
        "fr": "Accusé de réception de commande",
    },
    "quotation": {"ru": "Коммерческое предложение", "nl": "Offerte", "ja": "御見積書", "pt": "Orçamento"},
    "proforma": {
        "pl": "Faktura proforma",
        "ko": "프로포마 인보이스",
        "nl": "Proforma factuur",
        "sv": "Proformafaktura",
    },
    "return-slip": {"fr": "Bon de retour", "it": "Nota di credito", "sv": "Kreditfaktura", "zh-Hant": "退貨單"},
    "delivery-note": {
        "ru": "Товарная накладная",
        "it": "Documento di trasporto (DDT)",
        "ja": "納品書",
        "ko": "거래명세서",
    },
}
YOUR_ORDER = {  # how these documents point at the order they belong to
    "sv": "Er order",
    "pl": "Państwa zamówienie",
    "ko": "귀사 발주번호",
    "fr": "Votre commande",
    "ru": "По заказу",
    "nl": "Uw referentie",
    "ja": "貴社注文番号",
    "pt": "Sua referência",
    "it": "Vs. ordine",
    "zh-Hant": "原訂單號碼",
}
LOOKALIKE_LOCALES = {
    "order-confirmation": ("sv", "pl", "ko", "fr-BE"),
    "quotation": ("ru", "nl", "ja", "pt-BR"),
    "proforma": ("pl", "ko", "nl", "sv"),
    "return-slip": ("fr-CA", "it", "sv", "zh-Hant"),
    "delivery-note": ("ru", "it", "ja", "ko"),
}


def lookalike_rows(s: Sheet, kind: str) -> tuple[str, list[tuple[str, str]]]:
    """Title and header of a document about an order: its own number, and the order's number."""
    o = s.o
    title = LOOKALIKE_TITLES[kind][o.lang]
    return title, [
        ("No.", f"{kind[:2].upper()}{o.number[-5:].replace('/', '')}"),
        (s.w["date"], s.d(o.ordered)),
        (YOUR_ORDER[o.lang], o.number),
        # a supplier's document is addressed to us as the buyer; a customer's return slip to us as the vendor
        (s.w["vendor"] if kind == "return-slip" else s.w["buyer"], US),
        (CURRENCY[o.lang], o.currency),
    ]


def lookalike_fpdf(path: Path, s: Sheet, kind: str) -> None:
    o = s.o
    title, rows = lookalike_rows(s, kind)
    pdf = fpdf_new(o.lang, mono=False)
    pdf.add_page()
    pdf.set_font("f", size=12)
    pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=16)
    pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f", size=8.5)
    for a, b in rows:
        pdf.cell(50, 5, a)
        pdf.cell(0, 5, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table(first_row_as_headings=True, headings_style=band_style(), line_height=5) as t:
        for row in s.table():
            r_ = t.row()
            for v in row:
                r_.cell(v)
    pdf.ln(2)
    pdf.cell(0, 6, f"{s.total()}   {s.n(o.total)}", align="R")
    pdf.output(str(path))


def lookalike_docx(path: Path, s: Sheet, kind: str) -> None:
    from docx import Document

    o = s.o
    title, rows = lookalike_rows(s, kind)
    doc = Document()
    doc.add_paragraph().add_run(o.buyer).bold = True
    doc.add_paragraph(o.buyer_addr)
    doc.add_heading(title, level=1)
    for a, b in rows:
        doc.add_paragraph(f"{a}: {b}")
    t = doc.add_table(rows=0, cols=len(s.table()[0]))
    t.style = "Table Grid"
    for row in s.table():
        cells = t.add_row().cells
        for c, v in enumerate(row):
            cells[c].text = v
    doc.add_paragraph(f"{s.total()}: {s.n(o.total)}")
    doc.core_properties.author = o.person
    doc.core_properties.created = doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.save(str(path))
    stable_zip(path)


def lookalike_xlsx(path: Path, s: Sheet, kind: str) -> None:
    from openpyxl import Workbook

    o = s.o
    title, rows = lookalike_rows(s, kind)
    wb = Workbook()
    sh = wb.active
    sh.title = title[:31]
    sh.append([o.buyer])
    sh.append([title])
    for a, b in rows:
        sh.append([a, b])
    sh.append([])
    for row in s.table():
        sh.append(row)
    sh.append([None] * (len(s.cols()) - 2) + [s.total(), float(o.total)])
    wb.properties.creator = o.person
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    wb.save(str(path))
    stable_zip(path)


def lookalike_mail(path: Path, s: Sheet, kind: str) -> None:
    o = s.o
    title, rows = lookalike_rows(s, kind)
    text = (
        f"{title}\n\n" + "\n".join(f"{a}: {b}" for a, b in rows) + f"\n\n{fixed_table(s)}\n\n"
        f"{s.total()}: {s.n(o.total)}\n\n{o.person}\n{o.buyer}\n"
    )
    compose(path, sender=f"{o.person} <{o.mail}>", subject=f"{title} {o.number}", key=f"{kind}-{o.lang}", text=text)


# ----------------------------------------------------------------------------- the added families

SPOOL_LOCALES = {"en-US": "oracle", "de-AT": "de", "sv": "iso", "pl": "de", "ja": "cjk_np", "ru": "de"}


def lang_of(loc: str) -> str:
    return loc if loc.startswith("zh") else loc.split("-")[0]


def added_order(name: str, locale: str, n: int) -> Order:
    """An order of the added families; a buyer whose name is not in Latin letters writes from a
    purchasing mailbox (a mail address is ASCII in practice)."""
    o = order_for(name, locale, n)
    if not o.mail.isascii():
        o.mail = "purchasing@" + o.mail.split("@")[1]
    return o


def added_families(out: Out, work: Path, pending: list) -> None:
    """The families added for the closing measurement (see the comment above ``SPOOL``)."""
    # SAP/Oracle spool print-outs: label and value apart, schedules, wrapped text, two pages, terms
    for loc, dates in SPOOL_LOCALES.items():
        lang, name = lang_of(loc), f"{loc.lower()}-spool-print"
        o = added_order(name, loc, 4 + len(name) % 3)
        r = rng(name + ":erp")
        bases = erp_items(o, r, ERP_UNIT[lang], long_text=True)
        s = Sheet(o, loc, extra={"dates": dates})
        spool_pdf(out.path(f"pdf/{name}.pdf"), s, bases, schedules(o, r))
        out.add(f"pdf/{name}.pdf", o.expected(), producer="fpdf2-monospace", lang=lang, family="spool-print-two-pages")
    # Word forms with a header band over a ruled table (.docx), or label boxes (printed by LibreOffice)
    for loc in ("fr-BE", "it", "nl", "ko", "pl", "tr", "zh-Hant", "es-MX"):
        lang = lang_of(loc)
        band = loc in ("fr-BE", "it", "nl", "ko")
        name = f"{loc.lower()}-{'docx-header-band' if band else 'docx-label-boxes'}"
        o = added_order(name, loc, 3 + len(name) % 3)
        bases = erp_items(o, rng(name + ":erp"), WORDS[lang]["per_each"], long_text=False)
        s = Sheet(o, loc)
        if band:
            docx_form(out.path(f"docx/{name}.docx"), s, bases, band=True)
            out.add(f"docx/{name}.docx", o.expected(), producer="python-docx", lang=lang, family="docx-header-band")
        else:
            src = work / f"{name}.docx"
            docx_form(src, s, bases, band=False)
            pending.append((src, "pdf", f"pdf/{name}.pdf", o.expected(), lang, "docx-label-boxes-pdf", ""))
    # Calc order forms saved as .xlsx by LibreOffice: header band, real numbers and dates
    for loc in ("de-CH", "fi", "hu", "ru", "ko"):
        lang, name = lang_of(loc), f"{loc.lower()}-calc-form"
        o = added_order(name, loc, 2 + len(name) % 4)
        src = work / f"{name}.fods"
        src.write_text(fods_form(Sheet(o, loc)), encoding="utf-8")
        pending.append((src, "xlsx", f"xlsx/{name}.xlsx", o.expected(), lang, "calc-header-band-xlsx", ""))
    # faxes at 200 and 300 dpi: image only, so a correct reading still goes to a person
    for k, loc in enumerate(("en-GB", "it", "tr", "zh-Hans", "ja", "sv")):
        lang, name = lang_of(loc), f"{loc.lower()}-fax"
        o = added_order(name, loc, 2 + k % 3)
        s = Sheet(o, loc, extra={"dates": "oracle"} if loc == "en-GB" else {})
        r = rng(name + ":noise")
        fax_pdf(out.path(f"pdf/{name}.pdf"), s, dpi=300 if k % 3 == 1 else 200, angle=r.uniform(-1.4, 1.4), r=r)
        out.add(f"pdf/{name}.pdf", o.expected(review=True), producer="pillow-fax", lang=lang, family="fax-scan")
    # bodies written by Outlook, Apple Mail and Foxmail
    for loc, client, charset in (
        ("de-CH", "outlook", "windows-1252"),
        ("ko", "outlook", "ks_c_5601-1987"),
        ("fr-CA", "applemail", "utf-8"),
        ("sv", "applemail", "utf-8"),
        ("zh-Hans", "foxmail", "gbk"),
        ("zh-Hant", "foxmail", "big5"),
    ):
        lang, name = lang_of(loc), f"{loc.lower()}-{client}-body"
        o = added_order(name, loc, 2 + len(name) % 3)
        o.payment = None
        client_html_mail(out.path(f"eml/{name}.eml"), Sheet(o, loc), client, charset)
        out.add(
            f"eml/{name}.eml",
            o.expected(source="body"),
            producer=f"email-{client}",
            lang=lang,
            family="client-html-body",
        )
    # orders placed by replying to our quotation, the quotation quoted below
    for loc in ("en-AU", "es-MX", "nl", "pl", "da"):
        lang, name = lang_of(loc), f"{loc.lower()}-reply-to-quote"
        o = added_order(name, loc, 2 + len(name) % 3)
        o.payment = None
        quote_items = [
            Item(i.code, i.text, i.qty * 2, i.unit, (i.price * Decimal("0.96")).quantize(i.price), Decimal(0))
            for i in o.items
        ]
        for i in quote_items:
            i.amount = (i.qty * i.price).quantize(o.items[0].amount)
        quote = Order(**{**o.__dict__, "items": quote_items})
        dates = {"dates": "slash_mon"} if loc == "en-AU" else {}
        reply_thread_mail(out.path(f"eml/{name}.eml"), Sheet(o, loc, extra=dates), Sheet(quote, loc, extra=dates))
        out.add(f"eml/{name}.eml", o.expected(source="body"), producer="email", lang=lang, family="reply-thread-body")
    # an account manager forwarding a customer's mail, the quoted headers in the customer's language
    for loc in ("fr-BE", "es-MX", "zh-Hans", "nl", "it"):
        lang, name = lang_of(loc), f"{loc.lower()}-forwarded-localized"
        o = added_order(name, loc, 2 + len(name) % 3)
        forwarded_localized_mail(out.path(f"eml/{name}.eml"), Sheet(o, loc))
        out.add(f"eml/{name}.eml", o.expected(source="body"), producer="email", lang=lang, family="forwarded-localized")
    # one order attached twice: a boxed PDF and an ERP export workbook
    for loc in ("da", "cs", "ro", "ja", "hu"):
        lang, name = lang_of(loc), f"{loc.lower()}-pdf-and-xlsx"
        o = added_order(name, loc, 2 + len(name) % 4)
        o.payment = None
        s = Sheet(o, loc)
        pdf, xlsx = work / f"{name}.pdf", work / f"{name}.xlsx"
        boxed_fpdf_pdf(pdf, s)
        export_xlsx(xlsx, s)
        twin_mail(out.path(f"eml/{name}.eml"), s, pdf.read_bytes(), xlsx.read_bytes())
        out.add(
            f"eml/{name}.eml",
            o.expected(),
            producer="email+fpdf2-table+openpyxl",
            lang=lang,
            family="pdf-and-xlsx-twin",
        )
    # small customers without a legal form, the buyer signing the mail
    for loc, (company, addr, person, domain) in NO_FORM.items():
        lang, name = lang_of(loc), f"{loc.lower()}-no-legal-form"
        o = added_order(name, loc, 2 + len(name) % 3)
        o.buyer, o.buyer_addr, o.person, o.payment = company, addr, person, None
        o.mail = f"{'info' if cjk(lang) else person.split()[0].lower()}@{domain}"
        no_legal_form_mail(out.path(f"eml/{name}.eml"), Sheet(o, loc))
        out.add(f"eml/{name}.eml", o.expected(source="body"), producer="email", lang=lang, family="no-legal-form-body")
    # documents about an order that are not one
    makers = {
        "order-confirmation": ("pdf", lookalike_fpdf, "fpdf2-table"),
        "quotation": ("docx", lookalike_docx, "python-docx"),
        "proforma": ("eml", lookalike_mail, "email"),
        "return-slip": ("xlsx", lookalike_xlsx, "openpyxl"),
        "delivery-note": ("docx-pdf", lookalike_docx, "libreoffice"),
    }
    for kind, locs in LOOKALIKE_LOCALES.items():
        ext, make, producer = makers[kind]
        for loc in locs:
            lang, name = lang_of(loc), f"{loc.lower()}-{kind}"
            s = Sheet(added_order(name, loc, 2 + len(name) % 3), loc)
            other = {"kind": "other", "order": None}
            if ext == "docx-pdf":
                src = work / f"{name}.docx"
                make(src, s, kind)
                pending.append((src, "pdf", f"pdf/{name}.pdf", other, lang, f"lookalike-{kind}", ""))
                continue
            make(out.path(f"{ext}/{name}.{ext}"), s, kind)
            out.add(f"{ext}/{name}.{ext}", other, producer=producer, lang=lang, family=f"lookalike-{kind}")


# ----------------------------------------------------------------------------- the corpus


@dataclass
class Out:
    root: Path
    made: list[tuple[str, dict]] = field(default_factory=list)

    def path(self, rel: str) -> Path:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def add(self, rel: str, expected: dict, *, producer: str, lang: str, family: str) -> None:
        self.made.append(
            (
                rel,
                {
                    **expected,
                    "format": rel.split("/")[0],
                    "language": lang,
                    "producer": producer,
                    "family": family,
                    "batch": batch_of(family),
                },
            )
        )


def batch_of(family: str) -> str:
    """Which part of the sealed corpus a family belongs to: ``fresh11``, ``fresh10``, ``fresh9``, ``fresh8``, ``fresh7``, ``fresh6``, ``fresh5``, ``fresh4``, ``fresh3``, ``fresh2``, ``fresh`` and
    ``more`` are the modules beside this file, ``base`` the families written here."""
    if family in fresh11_families.FAMILIES:
        return "fresh11"
    if family in fresh10_families.FAMILIES:
        return "fresh10"
    if family in fresh9_families.FAMILIES:
        return "fresh9"
    if family in fresh8_families.FAMILIES:
        return "fresh8"
    if family in fresh7_families.FAMILIES:
        return "fresh7"
    if family in fresh6_families.FAMILIES:
        return "fresh6"
    if family in fresh5_families.FAMILIES:
        return "fresh5"
    if family in fresh4_families.FAMILIES:
        return "fresh4"
    if family in fresh3_families.FAMILIES:
        return "fresh3"
    if family in fresh2_families.FAMILIES:
        return "fresh2"
    if family in fresh_families.FAMILIES:
        return "fresh"
    if family in more_families.FAMILIES:
        return "more"
    return "base"


BATCH_BUILDERS = {  # the batches kept in modules of their own: ``--batch`` writes one of them alone
    "more": more_families.build_more,
    "fresh": fresh_families.build_fresh,
    "fresh2": fresh2_families.build_fresh2,
    "fresh3": fresh3_families.build_fresh3,
    "fresh4": fresh4_families.build_fresh4,
    "fresh5": fresh5_families.build_fresh5,
    "fresh6": fresh6_families.build_fresh6,
    "fresh7": fresh7_families.build_fresh7,
    "fresh8": fresh8_families.build_fresh8,
    "fresh9": fresh9_families.build_fresh9,
    "fresh10": fresh10_families.build_fresh10,
    "fresh11": fresh11_families.build_fresh11,
}


def build(root: Path, *, convert: bool = True, batch: str | None = None) -> Out:
    out = Out(root)
    work = Path(tempfile.mkdtemp(prefix="sealed-src-"))
    pending: list[
        tuple[Path, str, str, dict, str, str, str]
    ] = []  # (source, target ext, rel, expected, lang, family, infilter)
    locales = [loc for loc in CONVENTIONS if loc not in ADDED_LOCALES]
    try:
        if batch:  # one batch alone: a measurement of the batch nobody has looked at, in minutes
            BATCH_BUILDERS[batch](out, work, pending, SEED)
            _convert(out, pending, work, convert)
            return _written(out)
        # PDFs: platypus and fpdf2 cell layouts, every locale
        for k, loc in enumerate(locales):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            for family, make in (("platypus-keytable", platypus_pdf), ("fpdf-qty-first", fpdf_cells_pdf)):
                name = f"{loc.lower()}-{family}"
                o = order_for(
                    name, loc, 2 + (k + len(family)) % 4, per_line_dates=(k % 3 == 0 and family == "platypus-keytable")
                )
                s = Sheet(o, loc)
                make(out.path(f"pdf/{name}.pdf"), s)
                out.add(
                    f"pdf/{name}.pdf",
                    o.expected(),
                    producer="reportlab-platypus" if "platypus" in family else "fpdf2-cells",
                    lang=lang,
                    family=family,
                )
        # letters in prose (English-speaking buyers)
        for k, loc in enumerate(("en-US", "en-GB", "en-IN", "en-AU")):
            name = f"{loc.lower()}-prose-letter"
            o = order_for(name, loc, 2 + k % 3)
            o.amounts_printed = True
            prose_letter_pdf(out.path(f"pdf/{name}.pdf"), Sheet(o, loc))
            out.add(f"pdf/{name}.pdf", o.expected(), producer="reportlab-platypus", lang="en", family="prose-letter")
        # LibreOffice: RTF -> PDF and -> DOCX, flat ODT -> PDF, HTML (no tables) -> PDF, XLSX -> XLS
        for k, loc in enumerate(locales):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            choice = k % 4
            name = f"{loc.lower()}-lo-{['rtf-pdf', 'rtf-docx', 'fodt-pdf', 'html-dl-pdf'][choice]}"
            o = order_for(name, loc, 3, k=1)
            s = Sheet(o, loc)
            if choice in (0, 1):
                src = work / f"{name}.rtf"
                src.write_text(rtf_doc(s), encoding="ascii")
            elif choice == 2:
                src = work / f"{name}.fodt"
                src.write_text(fodt_doc(s), encoding="utf-8")
            else:
                src = work / f"{name}.html"
                src.write_text(html_dl(s), encoding="utf-8")
            ext = "docx" if choice == 1 else "pdf"
            pending.append(
                (
                    src,
                    ext,
                    f"{ext}/{name}.{ext}",
                    o.expected(),
                    lang,
                    name.split("-lo-")[1],
                    "--infilter=HTML (StarWriter)" if choice == 3 else "",
                )
            )
        for k, loc in enumerate(locales[::2]):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            name = f"{loc.lower()}-vertical-workbook"
            o = order_for(name, loc, 2 + k % 4)
            src = work / f"{name}.xlsx"
            vertical_xlsx(src, Sheet(o, loc))
            if k % 2:
                pending.append((src, "xls", f"xls/{name}.xls", o.expected(), lang, "vertical-workbook-xls", ""))
            else:
                shutil.copyfile(src, out.path(f"xlsx/{name}.xlsx"))
                out.add(f"xlsx/{name}.xlsx", o.expected(), producer="openpyxl", lang=lang, family="vertical-workbook")
        # UTF-16 tab-separated text and intranet HTML pages
        for loc in locales[1::3]:
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            name = f"{loc.lower()}-unicode-text"
            o = order_for(name, loc, 3)
            out.path(f"csv/{name}.csv").write_bytes(utf16_tsv(Sheet(o, loc)))
            out.add(f"csv/{name}.csv", o.expected(), producer="excel-unicode-text", lang=lang, family="utf16-tsv")
            name = f"{loc.lower()}-intranet-page"
            o = order_for(name, loc, 2)
            out.path(f"html/{name}.html").write_text(html_dl(Sheet(o, loc)), encoding="utf-8")
            out.add(f"html/{name}.html", o.expected(), producer="html", lang=lang, family="intranet-dl-page")
        # scans (PNG, skewed); a correct parse asks for review
        for k, loc in enumerate(("en-US", "de-AT", "ja", "zh-Hans", "es-MX")):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            name = f"{loc.lower()}-photo-scan"
            o = order_for(name, loc, 2)
            png_scan_pdf(out.path(f"pdf/{name}.pdf"), Sheet(o, loc), angle=(-2.0, 1.2, -0.8, 2.4, 1.7)[k])
            out.add(f"pdf/{name}.pdf", o.expected(review=True), producer="pillow-png", lang=lang, family="photo-scan")
        # mail: bodies in prose and pipes, other clients and charsets, one XLS+PDF pair
        mails = [
            ("en-US", "prose", "utf-8", "Thunderbird/128.3"),
            ("en-GB", "prose", "utf-8", None),
            ("da", "pipes", "iso-8859-1", "Thunderbird/128.3"),
            ("cs", "pipes", "iso-8859-2", None),
            ("ko", "pipes", "euc-kr", None),
            ("ja", "pipes", "shift_jis", "Microsoft Outlook for Mac 16"),
            ("zh-Hant", "pipes", "big5", None),
            ("tr", "pipes", "iso-8859-9", "YahooMailWebmail"),
            ("pt-BR", "pipes", "utf-8", None),
            ("zh-Hans", "pipes", "gb18030", None),
        ]
        for loc, style, charset, agent in mails:
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            name = f"{loc.lower()}-body-{style}-{charset}"
            o = order_for(name, loc, 2 + len(name) % 3)
            o.amounts_printed = style != "prose"  # prose names each price, not each line's value
            s = Sheet(o, loc)
            html = f"<html><body><pre>{body(s, style)}</pre></body></html>" if agent and "Yahoo" in agent else None
            mail(out.path(f"eml/{name}.eml"), o, text=body(s, style), charset=charset, html=html, agent=agent)
            out.add(f"eml/{name}.eml", o.expected(source="body"), producer="email", lang=lang, family=f"body-{style}")
        # orders passed on: an account manager forwarding a body order, a customer resending
        # an earlier mail as an attached message
        for loc in ("en-GB", "de-AT", "fi", "hu"):
            lang = loc.split("-")[0]
            name = f"{loc.lower()}-forwarded-inline"
            o = order_for(name, loc, 2 + len(name) % 3)
            subject, text = forwarded_inline(Sheet(o, loc))
            mail(out.path(f"eml/{name}.eml"), o, text=text, subject=subject)
            msg = out.path(f"eml/{name}.eml")
            raw = msg.read_bytes().replace(f"<{o.mail}>".encode(), f"<{COLLEAGUE[1]}>".encode(), 1)
            msg.write_bytes(
                raw.replace(
                    b"From: " + raw.split(b"From: ", 1)[1].split(b" <", 1)[0], b"From: " + COLLEAGUE[0].encode(), 1
                )
            )
            out.add(
                f"eml/{name}.eml", o.expected(source="body"), producer="email", lang=lang, family="forwarded-inline"
            )
        for loc in ("ro", "nb", "es-MX"):
            lang = loc.split("-")[0]
            name = f"{loc.lower()}-forwarded-attachment"
            o = order_for(name, loc, 3)
            pdf = work / f"{name}.pdf"
            platypus_pdf(pdf, Sheet(o, loc))
            forwarded_attachment(out.path(f"eml/{name}.eml"), Sheet(o, loc), pdf.read_bytes())
            out.add(f"eml/{name}.eml", o.expected(), producer="email", lang=lang, family="forwarded-attachment")
        # order templates: a cover sheet first, the order second, a hidden sheet of old orders
        for loc in ("fi", "nl", "de-CH", "zh-Hans", "en-AU"):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            name = f"{loc.lower()}-cover-sheet-workbook"
            o = order_for(name, loc, 2 + len(name) % 4)
            old = order_for(name + "-old", loc, 2)
            cover_sheet_xlsx(out.path(f"xlsx/{name}.xlsx"), Sheet(o, loc), Sheet(old, loc))
            out.add(f"xlsx/{name}.xlsx", o.expected(), producer="openpyxl", lang=lang, family="cover-sheet-workbook")
        # not orders
        kinds = list(NOT_ORDER_TITLES)
        for k, loc in enumerate(locales):
            lang = loc.split("-")[0] if not loc.startswith("zh") else loc
            kind = kinds[k % len(kinds)]
            name = f"{loc.lower()}-{kind.replace(' ', '-')}"
            o = order_for(name, loc, 3)
            not_order_pdf(out.path(f"pdf/{name}.pdf"), Sheet(o, loc), kind)
            out.add(
                f"pdf/{name}.pdf",
                {"kind": "other", "order": None},
                producer="reportlab-platypus",
                lang=lang,
                family=f"not-order-{kind.replace(' ', '-')}",
            )
        added_families(out, work, pending)
        more_families.build_more(out, work, pending, SEED)
        fresh_families.build_fresh(out, work, pending, SEED)
        fresh2_families.build_fresh2(out, work, pending, SEED)
        fresh3_families.build_fresh3(out, work, pending, SEED)
        fresh4_families.build_fresh4(out, work, pending, SEED)
        fresh5_families.build_fresh5(out, work, pending, SEED)
        fresh6_families.build_fresh6(out, work, pending, SEED)
        fresh7_families.build_fresh7(out, work, pending, SEED)
        fresh8_families.build_fresh8(out, work, pending, SEED)
        fresh9_families.build_fresh9(out, work, pending, SEED)
        fresh10_families.build_fresh10(out, work, pending, SEED)
        fresh11_families.build_fresh11(out, work, pending, SEED)
        _convert(out, pending, work, convert)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _written(out)


def _written(out: Out) -> Out:
    """``out`` with a golden file written beside each of its documents."""
    for rel, expected in out.made:
        if out.path(rel).exists():
            exp = out.path(rel.rsplit(".", 1)[0] + ".expected.json")
            exp.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def _convert(out: Out, pending: list, work: Path, convert: bool) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not pending:
        return
    if not (convert and soffice):
        print(f"sealed: LibreOffice not available; {len(pending)} converted documents left out")
        return
    groups: dict[tuple[str, str], list] = {}
    for job in pending:
        groups.setdefault((job[1], job[6]), []).append(job)
    for (ext, infilter), jobs in sorted(groups.items()):
        target = work / f"out-{ext}-{len(infilter)}"
        target.mkdir(exist_ok=True)
        filt = {
            "pdf": "pdf",
            "docx": "docx:MS Word 2007 XML",
            "xls": "xls:MS Excel 97",
            "xlsx": "xlsx:Calc MS Excel 2007 XML",
            "odt": "odt:writer8",
            "ods": "ods:calc8",
        }[ext]
        cmd = [
            soffice,
            "--headless",
            "-env:UserInstallation=file:///tmp/lo-sealed-profile",
            *([infilter] if infilter else []),
            "--convert-to",
            filt,
            "--outdir",
            str(target),
            *(str(j[0]) for j in jobs),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=900)
        for src, ext_, rel, expected, lang, family, _ in jobs:
            made = target / f"{src.stem}.{ext_}"
            if made.exists():
                shutil.move(made, out.path(rel))
                out.add(rel, expected, producer="libreoffice", lang=lang, family=family)
            else:
                print(f"sealed: LibreOffice did not convert {src.name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="directory to write FORMAT/NAME.EXT and golden files into")
    ap.add_argument("--no-convert", action="store_true", help="leave out the documents LibreOffice makes")
    ap.add_argument("--seed", type=int, default=SEED, help=f"draw of the corpus (default {SEED})")
    ap.add_argument("--batch", choices=sorted(BATCH_BUILDERS), help="write only this batch of families")
    args = ap.parse_args(argv)
    set_seed(args.seed)
    root = Path(args.out)
    root.mkdir(parents=True, exist_ok=True)
    made = build(root, convert=not args.no_convert, batch=args.batch)
    print(f"sealed corpus: {sum(1 for rel, _ in made.made if (root / rel).exists())} documents in {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
