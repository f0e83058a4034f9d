"""The eighth fresh batch of sealed families ("fresh8"): kept blind for the closing measurement.

Every batch before it (base, more, fresh, fresh2 ... fresh7) has been or will be measured and then
looked at. This module is written by someone who has read neither the extractor nor the tuned
corpus, and it is built around the ways an order desk of a contract manufacturer is asked for goods
that the batches before it do not name:

- replenishment signals: kanban cards printed four to a page (a bin quantity times a number of
  bins), a Japanese 納入指示かんばん, a kanban re-order sheet; releases against a blanket agreement
  (the release's own number, the agreement's, a cumulative quantity column that is not the
  quantity), a schedule with a firm part and a forecast part (only the firm rows are ordered), a
  call-off workbook with the weeks across the columns;
- prices and quantities: per 1,000 (milheiro, per mille), per 100 in a price-unit column, list
  price with a discount on each line, quantities in metres and kilograms, boxes of so many pieces,
  prices tax-exclusive and tax-inclusive side by side, totals with VAT, GST or KDV added, a second
  currency beside each line or under the total, item codes with spaces and slashes;
- layout: the head spread over two pages, conditions on a first page and the lines on the next,
  item codes that wrap, a Word letter releasing a blanket order, merged workbook heads;
- mail: a table pasted from Excel into Outlook (HTML with ``x:num`` cells and a tab-separated
  plain part) and into Thunderbird (tabs only), an ISO-2022-JP order, a GBK web-mail table, an
  iPhone's three lines, a windows-1250 mail, a workbook attached with a one-line body;
- images: a fax with the fax machine's header line and a RECEIVED stamp, a 300 dpi scan with an
  approval stamp and a signature, a scan with a company's red seal over the total;
- documents that look like orders and are not: an order acknowledgement from one of our own
  suppliers, a quotation, a credit note, a delivery note, a request for quotation, a statement, a
  price list and a delivery forecast.

Languages: English (US, UK, India), simplified and traditional Chinese, Japanese, German, French,
Italian, Spanish, Portuguese, Dutch, Polish, Czech, Swedish, Danish, Finnish, Hungarian, Romanian,
Greek and Turkish. Producers: reportlab canvas, fpdf2, python-docx, openpyxl, flat ODT, LibreOffice
(Word and Calc files printed to PDF or saved as OpenDocument), mail clients and scans (Pillow).

Called from ``generate.build()`` (``build_fresh8``). Self-contained like the batches before it: its
own buyers, goods, wording and order data; only low-level writers are borrowed (the canvas page,
the fixed-time fpdf2 document, number formats, the message builder, the savers that stamp fixed
times, and the scan helpers). Every golden value comes from the order this module drew and printed,
never from what a reader makes of the document. Orders are dated 12 to 19 November 2026 (the
bench's "today" is 22 November 2026), deliveries weeks later, and a day-month date is never
ambiguous (day > 12).

Golden values: ``unit_price`` and ``amount`` per unit of the printed quantity, tax-exclusive and
after the line's discount (a price per 1,000 is divided by 1,000; a quantity in boxes is counted in
pieces); ``total`` is what the document calls its total (the lines, plus VAT when the document adds
it); forecast rows and cumulative quantities are not lines; a line per (part, week) in a call-off
grid is a line, with its own ``delivery_date``. Images ask for review (``needs_review: true``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from fresh2_families import Page, fpdf_new, num
from fresh3_families import docx_save, file_part, message, save_scan_pdf, xlsx_save
from fresh6_families import scan_of

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"JPY", "HUF"}  # these buyers print money without decimals

KEYS = "title no date due supplier item desc qty unit price amount net vat total pay buyer ship disc listp per".split()
LABELS = {
    "en": "PURCHASE ORDER|Order Number|Order Date|Required Date|Supplier|Item Code|Item Description|Order Qty|Unit|"
    "Price|Line Value|Goods Value|VAT|Total Value|Payment Terms|Ordered By|Deliver To|Disc. %|List Price|Price Unit",
    "de": "EINKAUFSBESTELLUNG|Bestell-Nr.|Bestelldatum|Wunschtermin|Lieferant|Sachnummer|Bezeichnung|Menge|ME|Preis|"
    "Betrag|Nettowarenwert|MwSt.|Gesamtbetrag|Zahlungsbedingungen|Besteller|Warenempfänger|Rab. %|Listenpreis|PE",
    "fr": "BON DE COMMANDE|N° de commande|Date de commande|Date de livraison demandée|Fournisseur|Référence|"
    "Désignation|Qté|Unité|Prix unitaire|Montant|Total marchandises HT|TVA|Total TTC|Conditions de paiement|"
    "Demandeur|Lieu de livraison|Rem. %|Prix tarif|Par",
    "it": "ORDINE D'ACQUISTO|Numero ordine|Data ordine|Data consegna|Fornitore|Codice|Descrizione|Q.tà|U.M.|"
    "Prezzo unitario|Importo|Imponibile|IVA|Totale|Pagamento|Richiedente|Luogo di consegna|Sconto %|Prezzo listino|"
    "Per",
    "es": "ORDEN DE COMPRA|Nº de orden|Fecha|Fecha de entrega|Proveedor|Código|Descripción|Cantidad|Unidad|"
    "Precio unitario|Importe|Base imponible|IVA|Total|Forma de pago|Solicitante|Entregar en|Dto. %|Precio tarifa|Por",
    "pt": "NOTA DE ENCOMENDA|N.º encomenda|Data|Data de entrega|Fornecedor|Artigo|Descrição|Qtd.|Un.|Preço unitário|"
    "Valor|Total ilíquido|IVA|Total a pagar|Condições de pagamento|Requisitante|Local de entrega|Desc. %|"
    "Preço tabela|Por",
    "nl": "INKOOPORDER|Ordernummer|Orderdatum|Leverdatum|Leverancier|Artikelcode|Omschrijving|Aantal|Eenh.|Prijs|"
    "Bedrag|Subtotaal|BTW|Totaal|Betalingsvoorwaarden|Besteld door|Afleveradres|Korting %|Bruto prijs|Per",
    "pl": "ZAMÓWIENIE|Nr zamówienia|Data zamówienia|Termin dostawy|Dostawca|Indeks|Nazwa towaru|Ilość|J.m.|"
    "Cena netto|Wartość netto|Razem netto|VAT|Razem brutto|Warunki płatności|Zamawiający|Miejsce dostawy|Rabat %|"
    "Cena katalogowa|Za",
    "cs": "OBJEDNÁVKA|Číslo objednávky|Datum objednávky|Termín dodání|Dodavatel|Kód zboží|Název|Množství|MJ|Cena/MJ|"
    "Celkem|Základ|DPH|Celkem k úhradě|Platební podmínky|Objednal|Místo dodání|Sleva %|Ceníková cena|Za",
    "sv": "INKÖPSORDER|Ordernummer|Orderdatum|Leveransdatum|Leverantör|Artikelnummer|Benämning|Antal|Enhet|Á-pris|"
    "Belopp|Summa exkl. moms|Moms|Att betala|Betalningsvillkor|Beställare|Leveransadress|Rabatt %|Listpris|Per",
    "da": "KØBSORDRE|Købsordrenr.|Dato|Leveringsdato|Leverandør|Varenummer|Beskrivelse|Antal|Enhed|Enhedspris|Beløb|"
    "Varebeløb|Moms|Total|Betaling|Rekvirent|Leveringssted|Rabat %|Listepris|Pr.",
    "fi": "TILAUS|Tilausnro|Päiväys|Toivottu toimitus|Toimittaja|Tuotekoodi|Tuotenimi|Määrä|Yksikkö|Yksikköhinta|"
    "Summa|Veroton summa|ALV|Verollinen summa|Maksuehdot|Tilaaja|Toimitusosoite|Ale %|Listahinta|Per",
    "hu": "MEGRENDELÉS|Megrendelés szám|Kelte|Szállítási határidő|Szállító|Cikkszám|Megnevezés|Mennyiség|Me.e.|"
    "Egységár|Érték|Nettó érték|ÁFA|Bruttó érték|Fizetési feltétel|Megrendelő|Szállítási hely|Eng. %|Listaár|Per",
    "ro": "COMANDĂ DE ACHIZIȚIE|Nr. comandă|Data comenzii|Termen de livrare|Furnizor|Cod articol|Descriere|"
    "Cantitate|UM|Preț unitar|Valoare|Total fără TVA|TVA|Total cu TVA|Condiții de plată|Solicitant|Loc de livrare|"
    "Disc. %|Preț listă|Per",
    "el": "ΠΑΡΑΓΓΕΛΙΑ ΑΓΟΡΑΣ|Αρ. παραγγελίας|Ημερομηνία|Ημ/νία παράδοσης|Προμηθευτής|Κωδικός|Περιγραφή|Ποσότητα|"
    "Μον.|Τιμή μονάδας|Αξία|Καθαρή αξία|ΦΠΑ|Γενικό σύνολο|Τρόπος πληρωμής|Αιτών|Τόπος παράδοσης|Έκπτ. %|"
    "Τιμή καταλόγου|Ανά",
    "tr": "SATINALMA SİPARİŞİ|Sipariş No|Sipariş Tarihi|Teslim Tarihi|Tedarikçi|Stok Kodu|Stok Adı|Miktar|Birim|"
    "Birim Fiyat|Tutar|Ara Toplam|KDV|Genel Toplam|Ödeme Şekli|Talep Eden|Teslim Adresi|İsk. %|Liste Fiyatı|Birim Başı",
    "zh": "采购订单|订单编号|订单日期|交货日期|供应商|物料编码|物料名称|数量|单位|单价|金额|未税合计|增值税|价税合计|"
    "付款条件|采购员|交货地点|折扣%|目录价|计价单位",
    "zh-Hant": "採購單|採購單號|採購日期|交貨日期|廠商|料號|品名規格|數量|單位|單價|金額|未稅合計|營業稅|含稅總計|"
    "付款條件|採購人員|交貨地點|折扣%|定價|計價單位",
    "ja": "注文書|注文番号|注文日|納期|仕入先|品番|品名|数量|単位|単価|金額|小計|消費税|合計金額|支払条件|担当者|"
    "納入先|値引%|定価|単価単位",
}
LAB = {k: dict(zip(KEYS, v.split("|"), strict=True)) for k, v in LABELS.items()}

# goods: stem, base price in USD per unit, the unit kind, quantities drawn
GOODS: list[tuple[str, Decimal, str, tuple[int, ...]]] = [
    ("KVG", Decimal("0.38"), "pc", (1000, 2000, 2500, 5000, 10000)),
    ("BIN", Decimal("0.065"), "pc", (5000, 10000, 20000, 25000)),
    ("ORE", Decimal("0.041"), "pc", (5000, 10000, 20000, 50000)),
    ("HST", Decimal("0.26"), "m", (250, 500, 1000, 1500)),
    ("SMT", Decimal("11.80"), "pc", (20, 40, 60, 100, 150)),
    ("PCB", Decimal("23.50"), "pc", (50, 100, 200, 300)),
    ("CUW", Decimal("12.40"), "kg", (25, 50, 75, 100)),
]
GOODS_TEXT = {
    "en": "Cable gland M20x1.5 PA black|Brass threaded insert M4x6|EPDM O-ring 24x2 mm|Heat-shrink tube 6.4/3.2 black|"
    "Stepper motor 42 mm 0.4 Nm|Controller PCB assembly rev. C|Enamelled copper wire 0.50 mm",
    "de": "Kabelverschraubung M20x1,5 PA schwarz|Gewindeeinsatz Messing M4x6|O-Ring EPDM 24x2|"
    "Schrumpfschlauch 6,4/3,2 schwarz|Schrittmotor 42 mm 0,4 Nm|Steuerplatine bestückt Rev. C|Kupferlackdraht 0,50 mm",
    "fr": "Presse-étoupe M20x1,5 PA noir|Insert taraudé laiton M4x6|Joint torique EPDM 24x2|"
    "Gaine thermorétractable 6,4/3,2 noire|Moteur pas à pas 42 mm 0,4 Nm|Carte électronique de commande rév. C|"
    "Fil de cuivre émaillé 0,50 mm",
    "it": "Pressacavo M20x1,5 PA nero|Inserto filettato ottone M4x6|O-ring EPDM 24x2|Guaina termorestringente 6,4/3,2 nera|"
    "Motore passo-passo 42 mm 0,4 Nm|Scheda di controllo assemblata rev. C|Filo di rame smaltato 0,50 mm",
    "es": "Prensaestopas M20x1,5 PA negro|Inserto roscado latón M4x6|Junta tórica EPDM 24x2|"
    "Tubo termorretráctil 6,4/3,2 negro|Motor paso a paso 42 mm 0,4 Nm|Placa de control montada rev. C|"
    "Hilo de cobre esmaltado 0,50 mm",
    "pt": "Bucim M20x1,5 PA preto|Inserto roscado latão M4x6|O-ring EPDM 24x2|Manga termorretrátil 6,4/3,2 preta|"
    "Motor passo a passo 42 mm 0,4 Nm|Placa de controlo montada rev. C|Fio de cobre esmaltado 0,50 mm",
    "nl": "Kabelwartel M20x1,5 PA zwart|Draadinzet messing M4x6|O-ring EPDM 24x2|Krimpkous 6,4/3,2 zwart|"
    "Stappenmotor 42 mm 0,4 Nm|Besturingsprint bestukt rev. C|Gelakt koperdraad 0,50 mm",
    "pl": "Dławnica kablowa M20x1,5 PA czarna|Wkładka gwintowana mosiężna M4x6|O-ring EPDM 24x2|"
    "Rurka termokurczliwa 6,4/3,2 czarna|Silnik krokowy 42 mm 0,4 Nm|Płytka sterownika zmontowana rew. C|"
    "Drut nawojowy miedziany 0,50 mm",
    "cs": "Kabelová vývodka M20x1,5 PA černá|Závitová vložka mosaz M4x6|O-kroužek EPDM 24x2|"
    "Smršťovací bužírka 6,4/3,2 černá|Krokový motor 42 mm 0,4 Nm|Osazená řídicí deska rev. C|"
    "Lakovaný měděný drát 0,50 mm",
    "sv": "Kabelförskruvning M20x1,5 PA svart|Gänginsats mässing M4x6|O-ring EPDM 24x2|Krympslang 6,4/3,2 svart|"
    "Stegmotor 42 mm 0,4 Nm|Styrkort monterat rev. C|Lackerad koppartråd 0,50 mm",
    "da": "Kabelforskruning M20x1,5 PA sort|Gevindindsats messing M4x6|O-ring EPDM 24x2|Krympeflex 6,4/3,2 sort|"
    "Stepmotor 42 mm 0,4 Nm|Styreprint monteret rev. C|Lakeret kobbertråd 0,50 mm",
    "fi": "Kaapeliläpivienti M20x1,5 PA musta|Kierreholkki messinki M4x6|O-rengas EPDM 24x2|"
    "Kutistesukka 6,4/3,2 musta|Askelmoottori 42 mm 0,4 Nm|Ohjainkortti kalustettu rev. C|Lakattu kuparilanka 0,50 mm",
    "hu": "Kábeltömszelence M20x1,5 PA fekete|Menetes betét sárgaréz M4x6|O-gyűrű EPDM 24x2|"
    "Zsugorcső 6,4/3,2 fekete|Léptetőmotor 42 mm 0,4 Nm|Vezérlőpanel szerelt rev. C|Zománcozott rézhuzal 0,50 mm",
    "ro": "Presetupă M20x1,5 PA neagră|Insert filetat alamă M4x6|Garnitură O-ring EPDM 24x2|"
    "Tub termocontractabil 6,4/3,2 negru|Motor pas cu pas 42 mm 0,4 Nm|Placă de comandă echipată rev. C|"
    "Sârmă de cupru emailată 0,50 mm",
    "el": "Στυπιοθλίπτης M20x1,5 PA μαύρος|Ορειχάλκινο σπείρωμα M4x6|Δακτύλιος O-ring EPDM 24x2|"
    "Θερμοσυστελλόμενο 6,4/3,2 μαύρο|Βηματικός κινητήρας 42 mm 0,4 Nm|Πλακέτα ελέγχου συναρμολογημένη rev. C|"
    "Σύρμα χαλκού εμαγιέ 0,50 mm",
    "tr": "Kablo rakoru M20x1,5 PA siyah|Pirinç dişli insert M4x6|EPDM O-ring 24x2|Daralan makaron 6,4/3,2 siyah|"
    "Step motor 42 mm 0,4 Nm|Kontrol kartı dizgili rev. C|Emaye bakır tel 0,50 mm",
    "zh": "尼龙电缆防水接头 M20x1.5 黑色|黄铜螺纹嵌件 M4x6|EPDM O型圈 24x2|热缩套管 6.4/3.2 黑色|42步进电机 0.4Nm|"
    "控制板组件 C版|漆包铜线 0.50mm",
    "zh-Hant": "尼龍電纜固定頭 M20x1.5 黑色|黃銅螺紋嵌件 M4x6|EPDM O型環 24x2|熱縮套管 6.4/3.2 黑色|"
    "42步進馬達 0.4Nm|控制板組件 C版|漆包銅線 0.50mm",
    "ja": "ケーブルグランド M20x1.5 黒|黄銅インサート M4x6|EPDM Oリング 24x2|熱収縮チューブ 6.4/3.2 黒|"
    "ステッピングモーター 42mm 0.4Nm|制御基板組立品 Rev.C|エナメル銅線 0.50mm",
}
FX = {
    "USD": "1", "GBP": "0.79", "INR": "84", "EUR": "0.92", "CNY": "7.2", "TWD": "32", "JPY": "150", "PLN": "4.0",
    "CZK": "23", "SEK": "10.6", "DKK": "6.9", "HUF": "365", "RON": "4.6", "TRY": "34",
}  # fmt: skip


@dataclass
class Loc:
    words: str  # key of LAB / GOODS_TEXT
    nums: str  # fresh2's ``num`` styles
    dates: str  # style of ``day``
    vat: str  # VAT rate, %
    units: tuple[str, str, str]  # pieces, metres, kilograms as these buyers write them
    pay: str
    buyers: list[tuple[str, str, str, str, str]]  # company, address, person, mail domain, currency


LOCS: dict[str, Loc] = {
    "en-US": Loc("en", "en", "us", "0", ("EA", "FT", "LB"), "Net 45 days", [
        ("Kettle Moraine Controls, Inc.", "W220 N1650 Jericho Ct, Waukesha, WI 53186", "Dana Schroeder",
         "kmcontrols.example", "USD"),
        ("Ashby Dental Equipment Corp.", "410 Pleasant St, Ashby, MA 01431", "Victor Almeida", "ashbydental.example",
         "USD"),
    ]),
    "en-GB": Loc("en", "en", "uk", "20", ("EA", "M", "KG"), "30 days end of month", [
        ("Pennine Valve & Actuator Ltd", "Calder Park, Wakefield WF2 7AW", "Helen Ackroyd", "penninevalve.example",
         "GBP"),
        ("Solent Marine Electrics Ltd", "Hamble Lane, Southampton SO31 4NN", "Owen Pritchard", "solentmarine.example",
         "GBP"),
    ]),
    "en-IN": Loc("en", "lakh", "in", "18", ("Nos", "Mtr", "Kg"), "45 days from receipt of material", [
        ("Kaveri Switchgear Pvt. Ltd.", "Plot 22, Peenya Industrial Area Phase II, Bengaluru 560058",
         "Srinivas Rao", "kaveriswitchgear.example", "INR"),
        ("Gomti Auto Components Pvt. Ltd.", "B-14, Sarojini Nagar Industrial Area, Lucknow 226008", "Neha Srivastava",
         "gomtiauto.example", "INR"),
    ]),
    "zh": Loc("zh", "en", "zh", "13", ("个", "米", "千克"), "月结30天", [
        ("苏州吴江恒达精密五金有限公司", "江苏省苏州市吴江区松陵镇开平路2000号", "周敏", "hengda-wj.example", "CNY"),
        ("佛山顺德美泰电器有限公司", "广东省佛山市顺德区北滘镇工业大道38号", "梁志强", "meitai-sd.example", "CNY"),
    ]),
    "zh-Hant": Loc("zh-Hant", "en", "roc", "5", ("PCS", "M", "KG"), "月結60天", [
        ("新竹精密電子股份有限公司", "新竹縣湖口鄉光復北路12號", "林佩君", "hc-precision.example", "TWD"),
        ("台中工具機零件有限公司", "台中市西屯區工業區一路77號", "黃冠宇", "tc-toolparts.example", "TWD"),
    ]),
    "ja": Loc("ja", "en", "ja", "10", ("個", "m", "kg"), "月末締め翌々月10日払い", [
        ("株式会社浜松テクノパーツ", "静岡県浜松市中央区都田町7700", "鈴木 美穂", "hamamatsu-tp.example", "JPY"),
        ("東邦電装株式会社", "愛知県刈谷市昭和町2-3-1", "加藤 大輔", "toho-denso.example", "JPY"),
    ]),
    "de": Loc("de", "eu", "dot", "19", ("Stk", "m", "kg"), "14 Tage 2 % Skonto, 30 Tage netto", [
        ("Allgäuer Präzisionsteile GmbH", "Kemptener Straße 88, 87509 Immenstadt", "Stefanie Wegmann",
         "allgaeu-praezision.example", "EUR"),
        ("Lausitzer Gerätebau GmbH", "Spremberger Straße 40, 03046 Cottbus", "Rico Hentschel", "lausitzer-gb.example",
         "EUR"),
    ]),
    "fr": Loc("fr", "space", "slash", "20", ("pce", "m", "kg"), "Virement à 45 jours fin de mois", [
        ("Mécanique de Précision du Jura SARL", "ZI des Trois Pierres, 39100 Dole", "Nathalie Girod",
         "mpjura.example", "EUR"),
        ("Électrotechnique Bretonne SAS", "Rue de la Rigourdière, 35510 Cesson-Sévigné", "Yann Le Goff",
         "elec-bretonne.example", "EUR"),
    ]),
    "it": Loc("it", "eu", "slash", "22", ("pz", "m", "kg"), "Bonifico 60 gg d.f.f.m.", [
        ("Minuterie Bresciane S.r.l.", "Via Industriale 15, 25016 Ghedi (BS)", "Chiara Bonetti",
         "minuteriebresciane.example", "EUR"),
        ("Elettronica Marchigiana S.p.A.", "Via Brodolini 9, 60035 Jesi (AN)", "Luca Santinelli",
         "elmarchigiana.example", "EUR"),
    ]),
    "es": Loc("es", "eu", "dash", "21", ("ud", "m", "kg"), "Confirming a 90 días", [
        ("Componentes Eléctricos del Vallès S.L.", "Polígono Can Roqueta, 08202 Sabadell (Barcelona)",
         "Montserrat Puig", "cevalles.example", "EUR"),
        ("Talleres Mecánicos Asturianos S.A.", "Parque Tecnológico de Asturias, 33428 Llanera", "Xuan Fernández",
         "tmasturianos.example", "EUR"),
    ]),
    "pt": Loc("pt", "space", "dash", "23", ("un", "m", "kg"), "Transferência bancária a 60 dias", [
        ("Moldes e Plásticos da Marinha Grande, Lda.", "Zona Industrial, 2430-028 Marinha Grande", "Sofia Carreira",
         "mpmarinha.example", "EUR"),
        ("Eletrocomponentes do Ave, S.A.", "Rua da Indústria 210, 4760-000 Vila Nova de Famalicão", "Rui Magalhães",
         "ecave.example", "EUR"),
    ]),
    "nl": Loc("nl", "eu", "dash", "21", ("st", "m", "kg"), "Betaling binnen 30 dagen", [
        ("Brabantse Meettechniek B.V.", "Ekkersrijt 4000, 5692 DA Son", "Femke van der Heijden",
         "brabantsemeet.example", "EUR"),
        ("Zeeuwse Pomp & Aandrijving B.V.", "Edisonweg 12, 4382 NW Vlissingen", "Kees Dekker", "zeeuwsepomp.example",
         "EUR"),
    ]),
    "pl": Loc("pl", "space", "dot", "23", ("szt.", "mb", "kg"), "Przelew 60 dni od daty faktury", [
        ("Śląskie Zakłady Aparatury Sp. z o.o.", "ul. Wyzwolenia 12, 44-100 Gliwice", "Agnieszka Kowalczyk",
         "szaparatury.example", "PLN"),
        ("Wielkopolska Fabryka Złączy S.A.", "ul. Głogowska 300, 60-104 Poznań", "Paweł Nowicki", "wfzlaczy.example",
         "PLN"),
    ]),
    "cs": Loc("cs", "space", "dot", "21", ("ks", "m", "kg"), "Převodem, splatnost 30 dnů", [
        ("Moravské Strojírny Zlín a.s.", "třída Tomáše Bati 1650, 760 01 Zlín", "Lucie Dvořáková",
         "msz-zlin.example", "CZK"),
        ("Jihočeská Elektronika s.r.o.", "Husova 45, 370 01 České Budějovice", "Petr Procházka",
         "jihoel.example", "CZK"),
    ]),
    "sv": Loc("sv", "space", "iso", "25", ("st", "m", "kg"), "30 dagar netto", [
        ("Norrlands Reglerteknik AB", "Storgatan 50, 903 26 Umeå", "Elin Lundqvist", "norrregler.example", "SEK"),
        ("Smålands Mekaniska Verkstad AB", "Södra Ringvägen 3, 352 46 Växjö", "Johan Berg", "smalandsmek.example",
         "SEK"),
    ]),
    "da": Loc("da", "eu", "dash", "25", ("stk.", "m", "kg"), "Netto 30 dage", [
        ("Sjællands Automatik A/S", "Hedelykken 6, 2640 Hedehusene", "Louise Andersen", "sjautomatik.example", "DKK"),
        ("Nordjysk Maskinfabrik ApS", "Hjulmagervej 20, 9000 Aalborg", "Niels Kristensen", "njmaskin.example",
         "DKK"),
    ]),
    "fi": Loc("fi", "space", "fi", "25.5", ("kpl", "m", "kg"), "21 päivää netto", [
        ("Satakunnan Koneistus Oy", "Tehtaankatu 12, 28100 Pori", "Hanna Virtanen", "satakoneistus.example", "EUR"),
        ("Lapin Sähkökomponentit Oy", "Teollisuustie 2, 96320 Rovaniemi", "Mikko Korhonen", "lapinsahko.example",
         "EUR"),
    ]),
    "hu": Loc("hu", "space", "hu", "27", ("db", "m", "kg"), "Átutalás, 45 nap", [
        ("Dunántúli Műszergyártó Kft.", "Ipari park utca 7, 8000 Székesfehérvár", "Kiss Katalin",
         "dunantulimuszer.example", "HUF"),
        ("Alföldi Elektromechanika Zrt.", "Kecskeméti út 50, 6000 Kecskemét", "Tóth Gábor", "alfoldiem.example",
         "HUF"),
    ]),
    "ro": Loc("ro", "eu", "dot", "21", ("buc.", "m", "kg"), "Plata la 45 de zile", [
        ("Electromotor Transilvania S.A.", "Str. Fabricii 104, 400620 Cluj-Napoca", "Ioana Mureșan",
         "emtransilvania.example", "RON"),
        ("Piese Industriale Prahova S.R.L.", "Bd. Republicii 200, 100111 Ploiești", "Mihai Stanciu",
         "pipprahova.example", "RON"),
    ]),
    "el": Loc("el", "eu", "slash", "24", ("τεμ.", "μ.", "κιλ."), "Πίστωση 60 ημερών", [
        ("Βιομηχανία Ηλεκτρικών Ειδών Πάτρας Α.Ε.", "ΒΙ.ΠΕ. Πατρών, 25018 Πάτρα", "Μαρία Παπαδοπούλου",
         "bieppatras.example", "EUR"),
        ("Κρητικά Μηχανουργεία Ο.Ε.", "ΒΙΠΕ Ηρακλείου, 71601 Ηράκλειο", "Νίκος Μανουσάκης", "kritmech.example",
         "EUR"),
    ]),
    "tr": Loc("tr", "eu", "dot", "20", ("ADET", "MT", "KG"), "60 gün vadeli", [
        ("Bursa Otomotiv Parça Sanayi A.Ş.", "Nilüfer OSB Ertuğrul Cd. No:8, 16140 Nilüfer/Bursa", "Elif Demirtaş",
         "bursaotoparca.example", "TRY"),
        ("Konya Döküm ve Makine Ltd. Şti.", "Büyükkayacık OSB 5. Cd. No:21, 42300 Selçuklu/Konya", "Murat Çelik",
         "konyadokum.example", "TRY"),
    ]),
}  # fmt: skip

# ----------------------------------------------------------------------------- dates and numbers

MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day(d: date, style: str) -> str:
    """``d`` as a buyer of that style writes it."""
    return {
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "uk": f"{d.day} {MON[d.month - 1]} {d.year}",
        "in": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
        "fi": f"{d.day}.{d.month}.{d.year}",
        "hu": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "zh": f"{d.year}年{d.month}月{d.day}日",
        "roc": f"{d.year - 1911}年{d.month:02d}月{d.day:02d}日",
        "ja": f"{d.year}年{d.month}月{d.day}日",
        "reiwa": f"R{d.year - 2018}.{d.month}.{d.day}",
        "d_mon_y": f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year % 100:02d}",
    }[style]


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


def plain(v: Decimal) -> str:
    """A Decimal as the golden file writes it: no exponent, no trailing zeros past the cents."""
    text = format(v.normalize(), "f")
    if "." in text and len(text.split(".")[1]) < 2:
        text = f"{v:.2f}"
    return text


# ----------------------------------------------------------------------------- orders


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per unit of ``qty``, tax-exclusive, after the line's discount
    amount: Decimal
    per: int = 1  # the price is printed for this many units
    listed: Decimal = Decimal(0)  # the price before the line's discount (0: none printed)
    off: Decimal = Decimal(0)  # the line's discount, %
    when: date | None = None  # the line's own delivery date (call-off grids)
    bins: tuple[int, int] | None = None  # kanban: number of bins, pieces per bin


@dataclass
class Order:
    """One drawn order; ``golden`` is what a correct parse says about a document printing it."""

    number: str
    buyer: str
    address: str
    person: str
    mail: str
    lang: str  # the golden file's language
    loc: str  # key of LOCS
    ordered: date
    due: date
    currency: str
    lines: list[Line]
    vat: Decimal = Decimal(0)  # % added by the document (0: none printed)
    payment: str | None = None

    @property
    def w(self) -> dict[str, str]:
        return LAB[LOCS[self.loc].words]

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return money(self.net * self.vat / 100, self.currency)

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax

    def n(self, v: Decimal, places: int | None = None) -> str:
        """``v`` as the buyer writes money (no decimals for yen and forint)."""
        if places is None:
            places = 0 if self.currency in WHOLE else max(2, -int(v.as_tuple().exponent))  # type: ignore[operator]
        return num(v, LOCS[self.loc].nums, places)

    def q(self, v: Decimal) -> str:
        return num(v, LOCS[self.loc].nums, 0)

    def pct(self, v: Decimal) -> str:
        """A rate as the buyer writes it: ``7,5`` in Europe, ``7.5`` elsewhere, ``20`` for whole ones."""
        text = format(v.normalize(), "f")
        return text.replace(".", ",") if LOCS[self.loc].nums in ("eu", "space") else text

    def d(self, v: date, style: str | None = None) -> str:
        return day(v, style or LOCS[self.loc].dates)

    def golden(self, *, review: bool = False, source: str | None = None, total: bool = True) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": min([self.due] + [ln.when for ln in self.lines if ln.when]).isoformat(),
            "currency": self.currency,
            "incoterms": None,
            "payment_terms": self.payment,
        }
        if total:
            order["total"] = str(self.gross)
        lines = []
        for ln in self.lines:
            line: dict[str, Any] = {"item": ln.code, "description": ln.text, "quantity": str(ln.qty)}
            line["unit"] = ln.unit
            line["unit_price"] = plain(ln.price)
            line["amount"] = str(ln.amount)
            if ln.when:
                line["delivery_date"] = ln.when.isoformat()
            lines.append(line)
        order["lines"] = lines
        out: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            out["needs_review"] = True
        if source:
            out["source"] = source
        return out


OTHER: dict[str, Any] = {"kind": "other", "order": None}


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh8:{name}")


def plain_code(r: random.Random, stem: str) -> str:
    return f"{stem}-{r.randrange(10000, 99999)}"


def spaced_code(r: random.Random, stem: str) -> str:
    """Codes as some ERPs print them: groups apart, a slash for the variant (``KVG 204 15/03``)."""
    return f"{stem} {r.randrange(100, 999)} {r.randrange(10, 99)}/{r.randrange(1, 9):02d}"


def make_order(
    seed: int,
    name: str,
    loc: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    codes: Callable[[random.Random, str], str] = plain_code,
    kinds: tuple[str, ...] = ("pc",),
    currency: str | None = None,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``loc`` (goods of the unit ``kinds``),
    dated 12-19 November 2026."""
    r = draw(seed, name)
    info = LOCS[loc]
    company, address, person, domain, cur = info.buyers[k % len(info.buyers)]
    cur = currency or cur
    ordered = later(date(2026, 11, 9), r.randrange(8))
    due = later(ordered, r.randrange(21, 70))
    texts = GOODS_TEXT[info.words].split("|")
    pool = [j for j, g in enumerate(GOODS) if g[2] in kinds]
    lines = []
    for j in sorted(r.sample(pool, min(n, len(pool)))):
        stem, base, kind, qtys = GOODS[j]
        price = base * Decimal(FX[cur]) * Decimal(r.randrange(85, 136)) / 100
        if cur in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.0001") if price < Decimal("0.1") else Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        q = Decimal(r.choice(qtys))
        unit = info.units[("pc", "m", "kg").index(kind)]
        lines.append(Line(codes(r, stem), texts[j], q, unit, price, money(q * price, cur)))
    r.shuffle(lines)
    local = person.split()[0].lower() if person.isascii() else "purchasing"
    local = "".join(ch for ch in local if ch.isalpha() and ch.isascii()) or "purchasing"
    lang = loc if loc == "zh-Hant" else loc.split("-")[0]
    return Order(number(r), company, address, person, f"{local}@{domain}", lang, loc, ordered, due, cur, lines)


def per_thousand(o: Order, r: random.Random, basis: int = 1000) -> None:
    """Price the cheap lines per ``basis`` units (to the cent per that many)."""
    for ln in o.lines:
        if ln.price < 1 or r.random() < 0.2:
            ln.per = basis
            ln.price = (ln.price * basis).quantize(Decimal(1) if o.currency in WHOLE else CENT) / basis
            ln.amount = money(ln.qty * ln.price, o.currency)


def line_discounts(o: Order, r: random.Random) -> None:
    """A discount on each line: list price, discount %, and the net price the amount is made of."""
    for ln in o.lines:
        ln.off = Decimal(r.choice(["0", "2", "5", "7.5", "10", "15"]))
        ln.listed = ln.price
        places = Decimal(1) if o.currency in WHOLE else (CENT if ln.listed >= 1 else Decimal("0.0001"))
        ln.price = (ln.listed * (100 - ln.off) / 100).quantize(places, ROUND_HALF_UP)
        ln.amount = money(ln.qty * ln.price, o.currency)


def in_bins(o: Order, r: random.Random) -> None:
    """Kanban: each quantity a number of bins of a fixed fill."""
    for ln in o.lines:
        fill = r.choice([50, 100, 200, 250, 500]) if ln.qty >= 500 else r.choice([5, 10, 20])
        count = r.randrange(2, 9)
        ln.bins = (count, fill)
        ln.qty = Decimal(count * fill)
        ln.amount = money(ln.qty * ln.price, o.currency)


def sent_on(d: date, hour: int = 8, minute: int = 41, offset: int = 1) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


def digits(lo: int, hi: int, pre: str = "", post: str = "") -> Callable[[random.Random], str]:
    return lambda r: f"{pre}{r.randrange(lo, hi)}{post}"


def sum_values(o: Order) -> list[tuple[str, Decimal]]:
    w = o.w
    rows = [(w["net"], o.net)]
    if o.vat:
        rows.append((f"{w['vat']} {o.pct(o.vat)}%", o.tax))
    rows.append((w["total"], o.gross))
    return rows


def sums(o: Order) -> list[tuple[str, str]]:
    return [(a, o.n(v)) for a, v in sum_values(o)]


def facts(o: Order) -> list[tuple[str, str]]:
    w = o.w
    pairs = [(w["no"], o.number), (w["date"], o.d(o.ordered)), (w["due"], o.d(o.due)), (w["buyer"], o.person)]
    if o.payment:
        pairs.append((w["pay"], o.payment))
    return pairs


COLS = "pos item desc qty unit price amount".split()


def basis(price: Decimal, per: int) -> Decimal:
    """A price for ``per`` units, as short as its digits allow (two places at least)."""
    v = (price * per).normalize()
    return v.quantize(CENT) if -int(v.as_tuple().exponent) < 2 else v  # type: ignore[operator]


def grid(o: Order, cols: list[str] = COLS, *, heads: dict[str, str] | None = None) -> list[list[str]]:
    """A header row and a row a line. Columns: ``pos``, ``item``, ``desc``, ``qty``, ``qtyu`` (the
    quantity with its unit), ``unit``, ``price`` (per ``per`` units when the line has one), ``per``,
    ``listp``, ``disc``, ``amount``, ``when``, ``bins``."""
    w = o.w
    label = {"pos": "Pos.", "qtyu": w["qty"], "when": w["due"], "bins": "Bins", **w, **(heads or {})}
    rows = [[label[c] for c in cols]]
    for j, ln in enumerate(o.lines, 1):
        cell = {
            "pos": str(j * 10),
            "item": ln.code,
            "desc": ln.text,
            "qty": o.q(ln.qty),
            "qtyu": f"{o.q(ln.qty)} {ln.unit}",
            "unit": ln.unit,
            "price": o.n(basis(ln.price, ln.per if "per" in cols else 1)),
            "per": str(ln.per) if ln.per > 1 else "1",
            "listp": o.n(basis(ln.listed or ln.price, ln.per if "per" in cols else 1)),
            "disc": o.pct(ln.off) if ln.off else "-",
            "amount": o.n(ln.amount),
            "when": o.d(ln.when or o.due),
            "bins": f"{ln.bins[0]} x {o.q(Decimal(ln.bins[1]))}" if ln.bins else "",
        }
        rows.append([cell[c] for c in cols])
    return rows


# ----------------------------------------------------------------------------- the registry

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

    def order(self, name: str, loc: str, n: int, number: Callable[[random.Random], str], **kw: Any) -> Order:
        o = make_order(self.seed, name, loc, n, number, **kw)
        o.vat = Decimal(LOCS[loc].vat)
        o.payment = LOCS[loc].pay if len(name) % 3 else None
        return o

    def r(self, name: str) -> random.Random:
        return draw(self.seed, name + ":layout")

    @staticmethod
    def named(rel: str) -> str:
        """``rel`` with its file name marked as this batch's (``pdf/f8-…``): every batch writes into
        the same folders, and a name an earlier batch also uses would overwrite its document."""
        folder, _, name = rel.rpartition("/")
        return f"{folder}/f8-{name}"

    def path(self, rel: str) -> Path:
        return self.out.path(self.named(rel))

    def add(self, rel: str, golden: dict[str, Any], lang: str, family: str) -> None:
        self.out.add(self.named(rel), golden, producer=FAMILIES[family], lang=lang, family=family)

    def mail(self, rel: str, msg: Any, golden: dict[str, Any], lang: str, family: str) -> None:
        self.path(rel).write_bytes(msg.as_bytes())
        self.add(rel, golden, lang, family)

    def convert(
        self, src: Path, ext: str, rel: str, golden: dict[str, Any], lang: str, family: str, infilter: str = ""
    ) -> None:
        self.pending.append((src, ext, self.named(rel), golden, lang, family, infilter))


def build_fresh8(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


def mailer(o: Order, name: str, subject: str, **kw: Any) -> Any:
    return message(sender=(o.person, o.mail), subject=subject, key=f"f8-{name}", sent=sent_on(o.ordered), **kw)


def esc(s: str) -> str:
    return escape(s, quote=False)


# ----------------------------------------------------------------------------- reportlab canvas

CJK_LOCS = {"zh", "zh-Hant", "ja"}


def page_for(path: Path, o: Order, creator: str, *, size: Any = None) -> Page:
    if o.loc in CJK_LOCS:
        return Page(path, "cjk0", "cjk1", size=size, creator=creator)
    return Page(path, "sans", "bold", size=size, creator=creator)


def canvas_rows(
    p: Page,
    y: float,
    rows: list[list[str]],
    widths: list[float],
    *,
    x0: float = 36,
    size: float = 7.6,
    right_from: int = 3,
    fill: tuple[float, float, float] = (0.88, 0.88, 0.88),
    ruled: bool = True,
    repeat: Callable[[Page], float] | None = None,
) -> float:
    """A table on the canvas, cells wrapped to their widths; a new page (its head drawn by
    ``repeat``) when the page is full. Returns the ``y`` under the table."""
    lead = size + 2.6
    for k, row in enumerate(rows):
        cells = [p.wrap(c, wd - 4, size) for c, wd in zip(row, widths)]
        h = max(len(c) for c in cells) * lead + 4
        if y + h > p.height - 60 and k:
            p.new_page()
            y = repeat(p) if repeat else 50
        if k == 0:
            p.box(x0, y, sum(widths), h, fill=fill, stroke=ruled)
        elif ruled:
            p.line(x0, y + h, x0 + sum(widths), y + h, 0.3)
        x = x0
        for i, (lines, wd) in enumerate(zip(cells, widths)):
            for t, s in enumerate(lines):
                right = i >= right_from and k > 0
                p.text(x + wd - 2 if right else x + 2, y + size + 1.5 + t * lead, s, size, bold=k == 0,
                       align="right" if right else "left")  # fmt: skip
            x += wd
        y += h
    return y


def canvas_sums(p: Page, y: float, pairs: list[tuple[str, str]], x: float, *, size: float = 8.2) -> float:
    for label, value in pairs:
        p.text(x, y, label, size, bold=True, align="right")
        p.text(x + 120, y, value, size, align="right")
        y += size + 4
    return y


def fit_widths(p: Page, rows: list[list[str]], total: float, flex: int, size: float) -> list[float]:
    """Columns as wide as their widest cell (capped), the ``flex`` column taking the rest."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = [
        min(110.0, max(stringWidth(r[i], p.bold if k == 0 else p.regular, size) for k, r in enumerate(rows)) + 8)
        for i in range(len(rows[0]))
    ]
    widths[flex] = max(80.0, total - sum(wd for i, wd in enumerate(widths) if i != flex))
    return widths


def letterhead(p: Page, o: Order, title: str, *, x: float = 36, y: float = 46) -> float:
    p.text(x, y, o.buyer, 13, bold=True)
    p.text(x, y + 14, o.address, 8)
    p.text(x, y + 25, f"{o.mail}", 7.5)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    wide = stringWidth(o.buyer, p.bold, 13) + stringWidth(title, p.bold, 14) + 30 > p.width - 2 * x
    p.text(p.width - 36, y - 18 if wide else y, title, 14, bold=True, align="right")  # above a long name
    return y + 44


def supplier_block(p: Page, o: Order, y: float, *, x: float = 36, label: str | None = None) -> float:
    p.text(x, y, label or o.w["supplier"], 7.5, bold=True)
    p.text(x, y + 11, SUPPLIER, 8.5)
    p.text(x, y + 22, SUPPLIER_ADDR, 7.5)
    return y + 36


def facts_box(p: Page, pairs: list[tuple[str, str]], x: float | None, y: float, *, size: float = 8) -> float:
    """Label and value pairs in a ruled box, as wide as they need; right-aligned when ``x`` is None."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    gap = max(stringWidth(a, p.bold, size) for a, _ in pairs) + 14
    wd = gap + max(stringWidth(b, p.regular, size) for _, b in pairs) + 10
    x = p.width - 36 - wd if x is None else x
    h = len(pairs) * (size + 5) + 6
    p.box(x, y, wd, h)
    for i, (a, b) in enumerate(pairs):
        p.text(x + 5, y + 4 + size + i * (size + 5), a, size, bold=True)
        p.text(x + gap, y + 4 + size + i * (size + 5), b, size)
    return y + h + 8


def canvas_order(
    path: Path,
    o: Order,
    cols: list[str],
    *,
    creator: str,
    title: str | None = None,
    heads: dict[str, str] | None = None,
    extra_facts: list[tuple[str, str]] | None = None,
    notes: list[str] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    stamp: str | None = None,
    fax: str | None = None,
    seal: bool = False,
    pairs: list[tuple[str, str]] | None = None,
    party_label: str | None = None,
    after: Callable[[Page, float], float] | None = None,
) -> None:
    """A one-or-more page order on the canvas: letterhead, supplier, facts box, the lines, the sums,
    notes; for scans a rubber stamp, a fax header line or a round company seal drawn over it."""
    from reportlab.lib.pagesizes import A4, landscape

    p = page_for(path, o, creator, size=landscape(A4) if len(cols) >= 9 else None)  # a wide table turns the page
    y = 30.0
    if fax:
        p.text(24, 18, fax, 7)
    y = letterhead(p, o, title or o.w["title"], y=max(y, 46))
    top = y
    supplier_block(p, o, y, label=party_label)
    y = facts_box(p, (pairs or facts(o)) + (extra_facts or []), None, top)
    y = max(y, top + 44)
    rows = grid(o, cols, heads=heads)
    flex = cols.index("desc")
    widths = fit_widths(p, rows, p.width - 72, flex, 7.6)
    y = canvas_rows(p, y, rows, widths, right_from=next(i for i, c in enumerate(cols) if c not in
                                                          ("pos", "item", "desc", "unit", "when")))  # fmt: skip
    y = canvas_sums(p, y + 14, sums_rows or sums(o), p.width - 160)
    for text in notes or []:
        for s in p.wrap(text, p.width - 72, 7.5):
            p.text(36, y + 6, s, 7.5)
            y += 10.5
    if after:
        y = after(p, y + 10)
    if stamp:
        c = p.c
        c.saveState()
        c.setStrokeColorRGB(0.75, 0.1, 0.1)
        c.setFillColorRGB(0.75, 0.1, 0.1)
        c.translate(p.width - 200, p.height - y - 70)
        c.rotate(12)
        c.setLineWidth(2)
        c.roundRect(0, 0, 150, 44, 6)
        c.setFont(p.bold, 13)
        c.drawCentredString(75, 26, stamp.split("|")[0])
        c.setFont(p.regular, 9)
        c.drawCentredString(75, 10, stamp.split("|")[1])
        c.restoreState()
        c.setLineWidth(1.2)
        c.bezier(60, p.height - y - 60, 90, p.height - y - 30, 110, p.height - y - 90, 160, p.height - y - 50)
    if seal:
        c = p.c
        c.saveState()
        c.setStrokeColorRGB(0.85, 0.1, 0.1)
        c.setFillColorRGB(0.85, 0.1, 0.1)
        cx, cy = p.width - 120, p.height - y + 30
        c.setLineWidth(2.5)
        c.circle(cx, cy, 42)
        c.setFont(p.regular, 7)
        c.drawCentredString(cx, cy + 18, o.buyer[:12])
        c.setFont(p.bold, 16)
        c.drawCentredString(cx, cy - 6, "★")
        c.setFont(p.regular, 8)
        c.drawCentredString(cx, cy - 28, "合同专用章" if o.loc == "zh" else "採購專用章")
        c.restoreState()
    p.save()


# ----------------------------------------------------------------------------- fpdf2


def fpdf_order(
    path: Path,
    o: Order,
    cols: list[str],
    *,
    landscape: bool = False,
    title: str | None = None,
    heads: dict[str, str] | None = None,
    notes: list[str] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    sub_rows: dict[int, list[list[str]]] | None = None,
    band: tuple[int, int, int] = (32, 64, 96),
    pairs: list[tuple[str, str]] | None = None,
    party_label: str | None = None,
) -> None:
    """fpdf2: a coloured band with the title and number, the parties side by side, the facts in a
    row of boxes, the lines as ``pdf.table`` (wrapped cells), rows under a line from ``sub_rows``."""
    from fpdf.fonts import FontFace

    w = o.w
    narrow = {"pos": 11, "item": 30, "qty": 18, "qtyu": 24, "unit": 12, "price": 22, "per": 12, "listp": 22,
              "disc": 14, "amount": 26, "when": 22, "bins": 20}  # fmt: skip
    landscape = landscape or 186 - sum(narrow.get(c, 0) for c in cols) < 60  # a wide table turns the page
    pdf = fpdf_new(landscape=landscape)
    pdf.add_page()
    width = pdf.w - 24
    pdf.set_fill_color(*band)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("dv", "B", 13)
    pdf.cell(width * 0.6, 10, f"  {title or w['title']}", fill=True)
    pdf.cell(width * 0.4, 10, f"{o.number}  ", fill=True, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.ln(3)
    half = width / 2
    y = pdf.get_y()
    pdf.set_font("dv", "B", 9)
    pdf.multi_cell(half, 4.6, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 7.8)
    pdf.multi_cell(half, 4.0, f"{o.address}\n{o.person} · {o.mail}", new_x="LMARGIN", new_y="NEXT")
    after = pdf.get_y()
    pdf.set_xy(12 + half, y)
    pdf.set_font("dv", "B", 7.5)
    pdf.cell(half, 4.2, party_label or w["supplier"], new_x="LEFT", new_y="NEXT")
    pdf.set_font("dv", "", 7.8)
    pdf.multi_cell(half, 4.0, f"{SUPPLIER}\n{SUPPLIER_ADDR}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(after, pdf.get_y()) + 3)
    pairs = pairs or facts(o)
    box = width / len(pairs)
    pdf.set_font("dv", "B", 6.8)
    for a, _ in pairs:
        pdf.cell(box, 4.5, a, border="LTR")
    pdf.ln()
    pdf.set_font("dv", "", 7.8)
    for _, b in pairs:
        pdf.cell(box, 5.5, b if pdf.get_string_width(b) < box - 2 else b[: int(len(b) * (box - 4) /
                                                                          pdf.get_string_width(b))], border="LBR")  # fmt: skip
    pdf.ln(8)
    if o.payment and pdf.get_string_width(o.payment) >= box - 2:
        pdf.set_font("dv", "", 7.5)
        pdf.cell(0, 4.5, f"{w['pay']}: {o.payment}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    rows = grid(o, cols, heads=heads)
    body: list[list[str]] = []
    for j, row in enumerate(rows):
        body.append(row)
        for sub in (sub_rows or {}).get(j, []):
            body.append(sub)
    widths = [narrow.get(c, 0) for c in cols]
    widths[cols.index("desc")] = width - sum(widths)
    aligns = tuple("LEFT" if c in ("pos", "item", "desc", "unit", "when") else "RIGHT" for c in cols)
    pdf.set_font("dv", "", 7.4)
    with pdf.table(col_widths=widths, text_align=aligns, line_height=4.0,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(220, 228, 236))) as t:  # fmt: skip
        for row in body:
            tr = t.row()
            for cell in row:
                tr.cell(cell)
    pdf.ln(3)
    for label, value in sums_rows or sums(o):
        pdf.set_font("dv", "B" if label == w["total"] else "", 8.5)
        pdf.cell(width - 42, 5, label, align="R")
        pdf.cell(42, 5, f"{value} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    for text in notes or []:
        pdf.ln(1)
        pdf.set_font("dv", "", 7.4)
        pdf.multi_cell(0, 4.0, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# ----------------------------------------------------------------------------- python-docx


def docx_order(
    path: Path,
    o: Order,
    cols: list[str],
    *,
    author: str,
    title: str | None = None,
    heads: dict[str, str] | None = None,
    intro: list[str] | None = None,
    outro: list[str] | None = None,
    conditions_first: bool = False,
    head_table: bool = True,
    pairs: list[tuple[str, str]] | None = None,
    party_label: str | None = None,
) -> None:
    """python-docx: the buyer's name as a heading, a two-column table of facts (or a letter's
    paragraphs), the lines as a Word table, the sums as a right-aligned table; with
    ``conditions_first`` the lines begin on the second page after the conditions."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.6)
    style = doc.styles["Normal"]
    style.font.size = Pt(9)
    if o.loc in CJK_LOCS:
        style.font.name = "Noto Sans CJK SC"
    doc.add_heading(o.buyer, level=1)
    doc.add_paragraph(o.address)
    doc.add_heading(title or o.w["title"], level=2)
    if head_table:
        head = [(party_label or o.w["supplier"], f"{SUPPLIER}, {SUPPLIER_ADDR}")] + (pairs or facts(o))
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for a, b in head:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = a, b
    for text in intro or []:
        doc.add_paragraph(text)
    if conditions_first:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    rows = grid(o, cols, heads=heads)
    t = doc.add_table(rows=0, cols=len(cols))
    t.style = "Table Grid"
    t.autofit = False
    size = {"pos": 1.1, "item": 2.9, "qty": 1.9, "qtyu": 2.4, "unit": 1.3, "price": 2.1, "per": 1.1, "listp": 2.1,
            "disc": 1.3, "amount": 2.4, "when": 2.2, "bins": 2.2}  # fmt: skip
    widths = [size.get(c, 0.0) for c in cols]
    widths[cols.index("desc")] = max(3.5, 17.8 - sum(widths))
    for column, wd in zip(t.columns, widths):  # the grid LibreOffice lays the table out by
        column.width = Cm(wd)
    for j, row in enumerate(rows):
        cells = t.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row)):
            cell.width = Cm(widths[i])
            cell.text = text
            if j == 0:
                cell.paragraphs[0].runs[0].bold = True
            elif cols[i] not in ("pos", "item", "desc", "unit", "when"):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    for label, value in sums(o):
        para = doc.add_paragraph(f"{label}: {value} {o.currency}")
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in outro or []:
        doc.add_paragraph(text)
    docx_save(doc, path, author)


# ----------------------------------------------------------------------------- openpyxl


def xlsx_order(
    path: Path,
    o: Order,
    cols: list[str],
    *,
    author: str,
    heads: dict[str, str] | None = None,
    merged_head: bool = False,
    numbers: bool = True,
    sheet: str = "PO",
    title: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
    party_label: str | None = None,
) -> None:
    """openpyxl: the facts as label/value pairs at the top (under a merged title when
    ``merged_head``), the lines with numbers as numbers (formatted), the sums under them."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    width = len(cols)
    ws.cell(1, 1, o.buyer).font = Font(bold=True, size=13)
    ws.cell(2, 1, o.address)
    ws.cell(3, 1, title or o.w["title"]).font = Font(bold=True, size=12)
    if merged_head:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
        ws.cell(3, 1).alignment = Alignment(horizontal="center")
    row = 5
    for a, b in [(party_label or o.w["supplier"], SUPPLIER)] + (pairs or facts(o)):
        ws.cell(row, 1, a).font = Font(bold=True)
        ws.cell(row, 3, b)
        if merged_head:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        row += 1
    row += 1
    grid_rows = grid(o, cols, heads=heads)
    for i, h in enumerate(grid_rows[0], 1):
        ws.cell(row, i, h).font = Font(bold=True)
    places = "0" if o.currency in WHOLE else "0.00"
    for ln, cells in zip(o.lines, grid_rows[1:]):
        row += 1
        for i, (c, text) in enumerate(zip(cols, cells), 1):
            value: Any = text
            if numbers and c in ("qty", "price", "amount", "listp", "per", "disc"):
                value = {
                    "qty": int(ln.qty),
                    "price": float(basis(ln.price, ln.per if "per" in cols else 1)),
                    "amount": float(ln.amount),
                    "listp": float(basis(ln.listed or ln.price, ln.per if "per" in cols else 1)),
                    "per": ln.per,
                    "disc": float(ln.off),
                }[c]
            cell = ws.cell(row, i, value)
            if isinstance(value, float) and c != "disc":
                cell.number_format = f"#,##{places}" if c == "amount" else "#,##0.00##"
    row += 2
    for label, total in sum_values(o):
        ws.cell(row, width - 1, label).font = Font(bold=True)
        ws.cell(row, width, float(total) if numbers else o.n(total))
        row += 1
    for i in range(1, width + 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = 14 if cols[i - 1] != "desc" else 38
    ws.page_setup.orientation = "landscape"  # printed on one page's width, as the buyer set it up
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    xlsx_save(wb, path, author)


# ----------------------------------------------------------------------------- flat ODT


def fodt(o: Order, cols: list[str], *, title: str | None = None) -> str:
    """A flat OpenDocument text: paragraphs for the head, a table for the lines."""
    rows = grid(o, cols)

    def para(s: str, style: str = "P") -> str:
        return f'<text:p text:style-name="{style}">{esc(s)}</text:p>'

    cells = "".join(
        "<table:table-row>"
        + "".join(f'<table:table-cell office:value-type="string">{para(c)}</table:table-cell>' for c in r)
        + "</table:table-row>"
        for r in rows
    )
    head = "".join(para(f"{a}: {b}") for a, b in [(o.w["supplier"], f"{SUPPLIER}, {SUPPLIER_ADDR}")] + facts(o))
    tail = "".join(para(f"{a}: {b} {o.currency}") for a, b in sums(o))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:automatic-styles>"
        '<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="9pt"/>'
        "</style:style>"
        '<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="14pt" '
        'fo:font-weight="bold"/></style:style>'
        "</office:automatic-styles><office:body><office:text>"
        f"{para(o.buyer, 'H')}{para(o.address)}{para(title or o.w['title'], 'H')}{head}"
        f'<table:table table:name="Lines"><table:table-column table:number-columns-repeated="{len(cols)}"/>'
        f"{cells}</table:table>{tail}"
        "</office:text></office:body></office:document>\n"
    )


# ----------------------------------------------------------------------------- mail bodies


def tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def excel_html(rows: list[list[str]], numeric: set[int]) -> str:
    """A range copied from Excel and pasted into Outlook: ``x:num`` cells, mso classes, widths in pt."""
    out = [
        '<table border=0 cellpadding=0 cellspacing=0 width=720 style="border-collapse:collapse;width:540pt">',
        '<col width=64 style="width:48pt">' * len(rows[0]),
    ]
    for k, r in enumerate(rows):
        cells = []
        for i, c in enumerate(r):
            cls = "xl66" if k == 0 else ("xl68" if i in numeric else "xl67")
            num_attr = f' x:num="{c.replace(",", "")}"' if k and i in numeric else ""
            cells.append(f'<td class={cls}{num_attr} style="border:.5pt solid windowtext">{esc(c)}</td>')
        out.append(f'<tr height=20 style="height:15.0pt">{"".join(cells)}</tr>')
    out.append("</table>")
    return "\n".join(out)


def html_mail(body: str, *, client: str) -> str:
    if client == "outlook":
        return (
            '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">'
            '<head><meta name=Generator content="Microsoft Word 15 (filtered medium)">'
            '<style>td.xl66{font-weight:700;background:#D9E1F2}td.xl68{mso-number-format:"\\#\\,\\#\\#0\\.00"}'
            "</style></head>"
            f'<body lang=EN-US link="#0563C1"><div class=WordSection1>{body}</div></body></html>'
        )
    if client == "apple":
        return (
            '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            f"{body}</body></html>"
        )
    return f'<html><head><meta charset="utf-8"></head><body><div style="font-family:Microsoft YaHei">{body}</div></body></html>'


def html_table(rows: list[list[str]], right_from: int = 3) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">']
    for k, r in enumerate(rows):
        tag = "th" if k == 0 else "td"
        out.append(
            "<tr>"
            + "".join(
                f"<{tag}{' align=right' if k and i >= right_from else ''}>{esc(c)}</{tag}>" for i, c in enumerate(r)
            )
            + "</tr>"
        )
    out.append("</table>")
    return "".join(out)


PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_column(rows: list[list[str]], at: int, head: str, values: list[str]) -> list[list[str]]:
    """``rows`` with a column ``head`` inserted at ``at`` (one value a line)."""
    return [r[:at] + [v] + r[at:] for r, v in zip(rows, [head, *values])]


ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen "
    "Seventeen Eighteen Nineteen"
).split()
TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def indian_words(v: Decimal) -> str:
    """``v`` rupees in words the Indian way (crore, lakh): "Rupees One Lakh ... and Paise Fifty Only"."""

    def two(x: int) -> str:
        return ONES[x] if x < 20 else TENS[x // 10] + (f" {ONES[x % 10]}" if x % 10 else "")

    def three(x: int) -> str:
        h, rest = divmod(x, 100)
        return " ".join(([f"{ONES[h]} Hundred"] if h else []) + ([two(rest)] if rest else []))

    whole = int(v)
    paise = int((v - whole) * 100)
    parts = []
    for size, name in ((10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand")):
        count, whole = divmod(whole, size)
        if count:
            parts.append(f"{three(count) if count >= 100 else two(count)} {name}")
    if whole:
        parts.append(three(whole))
    text = "Rupees " + " ".join(parts or ["Zero"])
    return text + (f" and Paise {two(paise)}" if paise else "") + " Only"


# ----------------------------------------------------------------------------- kanban cards


def kanban_pdf(path: Path, o: Order, lab: dict[str, str], *, creator: str, back: bool = False) -> None:
    """Kanban cards four to a page, one a part: the order number on every card, the bin count times
    the bin's fill, the price and value; the release's total and date under the last card."""
    p = page_for(path, o, creator)
    r = random.Random(o.number)
    cw, ch = (p.width - 84) / 2, (p.height - 170) / 2
    for j, ln in enumerate(o.lines):
        if j % 4 == 0:
            if j:
                p.new_page()
            p.text(36, 36, o.buyer, 10, bold=True)
            p.text(36, 48, o.address, 7.5)
            p.text(p.width - 36, 36, lab["title"], 12, bold=True, align="right")
            p.text(p.width - 36, 50, f"{lab['po']} {o.number}", 9, align="right")
        x = 36 + (j % 2) * (cw + 12)
        y = 70 + ((j % 4) // 2) * (ch + 12)
        p.box(x, y, cw, ch, width=1.2)
        p.box(x, y, cw, 22, fill=(0.85, 0.85, 0.85))
        p.text(x + 6, y + 15, f"{lab['po']} {o.number}", 9, bold=True)
        p.text(x + cw - 6, y + 15, f"{lab['card']} {j + 1}/{len(o.lines)}", 8, align="right")
        assert ln.bins
        fields = [
            (lab["part"], ln.code),
            (lab["desc"], ln.text),
            (lab["bins"], f"{ln.bins[0]} x {o.q(Decimal(ln.bins[1]))} {ln.unit}"),
            (lab["qty"], f"{o.q(ln.qty)} {ln.unit}"),
            (lab["price"], f"{o.n(ln.price)} {o.currency}"),
            (lab["value"], f"{o.n(ln.amount)} {o.currency}"),
            (lab["due"], o.d(o.due)),
            (lab["dock"], f"{r.choice('ABCDE')}{r.randrange(1, 30):02d}-{r.randrange(1, 9)}"),
        ]
        if back:
            fields.insert(0, (lab["back"], f"{r.choice('ABKMNRS')}{r.randrange(10, 99)}"))
        for i, (a, b) in enumerate(fields):
            yy = y + 38 + i * 15.5
            p.text(x + 6, yy, a, 7.2, bold=True)
            for t, s in enumerate(p.wrap(b, cw - 98, 8.4)[:2]):
                p.text(x + 92, yy + t * 9, s, 8.4)
        for b in range(34):  # a bar code's look, no text in it
            if r.random() < 0.6:
                p.box(x + 8 + b * 4.2, y + ch - 30, 2.1 if r.random() < 0.5 else 3.2, 20, fill=(0, 0, 0), stroke=False)
        p.text(x + cw - 6, y + ch - 38, lab["supplier"] + ": " + SUPPLIER, 6.5, align="right")
    p.text(36, p.height - 64, f"{lab['issued']}: {o.d(o.ordered)}", 8.5)
    p.text(p.width - 36, p.height - 64, f"{lab['total']}: {o.n(o.gross)} {o.currency}", 9, bold=True, align="right")
    if o.payment:
        p.text(36, p.height - 50, f"{o.w['pay']}: {o.payment}", 7.5)
    p.save()


KANBAN_EN = {
    "title": "KANBAN RELEASE", "po": "PO", "card": "Card", "part": "Part No.", "desc": "Description",
    "bins": "Bins x fill", "qty": "Release qty", "price": "Unit price", "value": "Value", "due": "Deliver by",
    "dock": "Dock / loc.", "supplier": "Supplier", "issued": "Issued", "total": "Release total", "back": "",
}  # fmt: skip
KANBAN_JA = {
    "title": "納入指示かんばん", "po": "注文番号", "card": "かんばん", "part": "品番", "desc": "品名",
    "bins": "箱数 x 収容数", "qty": "納入数", "price": "単価", "value": "金額", "due": "納入日", "dock": "受入場所",
    "supplier": "仕入先", "issued": "発行日", "total": "合計金額(税込)", "back": "背番号",
}  # fmt: skip


@family("en-us-kanban-cards-four-up", "reportlab-canvas-kanban-cards")
def en_us_kanban(m: Maker) -> None:
    """A US buyer's pull system prints a kanban card per part, four to a page; the PO number on
    every card, the quantity as bins times fill, no sales tax."""
    for k in range(4):
        name = f"en-us-kanban-{k}"
        o = m.order(name, "en-US", 3 + k % 3, digits(300000, 399999, "KB"), k=k)
        in_bins(o, m.r(name))
        kanban_pdf(m.path(f"pdf/{name}.pdf"), o, KANBAN_EN, creator="Plex Manufacturing Cloud")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-kanban-cards-four-up")


@family("ja-kanban-nonyu-shiji", "reportlab-canvas-kanban-cjk")
def ja_kanban(m: Maker) -> None:
    """納入指示かんばん: a Japanese buyer's delivery kanban, 背番号 (a back number that is not the
    part number) on each card, 箱数 x 収容数, the total with consumption tax."""
    for k in range(4):
        name = f"ja-kanban-{k}"
        o = m.order(name, "ja", 2 + k % 4, lambda r: f"KD{r.randrange(10, 99)}-{r.randrange(100000, 999999)}", k=k)
        in_bins(o, m.r(name))
        kanban_pdf(m.path(f"pdf/{name}.pdf"), o, KANBAN_JA, creator="生産管理システム", back=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-kanban-nonyu-shiji")


# ----------------------------------------------------------------------------- releases and schedules


@family("de-lieferabruf-rahmenvertrag-fortschrittszahl", "reportlab-canvas-release")
def de_abruf(m: Maker) -> None:
    """Lieferabruf zu einem Rahmenvertrag: the release's own number is the order's, the agreement's
    number beside it, and a cumulative quantity (Fortschrittszahl) column that is not the quantity."""
    for k in range(4):
        name = f"de-abruf-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(5500100, 5599999), k=k)
        r = m.r(name)
        cum = [o.q(ln.qty + Decimal(r.randrange(4, 30) * 1000)) for ln in o.lines]
        rows = add_column(
            grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"]), 4, "Fortschrittszahl", cum
        )
        pairs = [
            ("Abruf-Nr.", o.number),
            ("Rahmenvertrag", f"RV-{2026}-{r.randrange(100, 999)}"),
            ("Abruf vom", o.d(o.ordered)),
            ("Anliefertermin", o.d(o.due)),
            ("Besteller", o.person),
        ] + ([("Zahlung", o.payment)] if o.payment else [])
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "proALPHA")
        y = letterhead(p, o, "LIEFERABRUF")
        top = y
        supplier_block(p, o, y)
        y = max(facts_box(p, pairs, None, top), top + 44)
        p.text(36, y, f"Abruf {r.randrange(3, 19)} zum Rahmenvertrag - bitte Abruf-Nr. auf Lieferschein angeben.", 8)
        widths = fit_widths(p, rows, p.width - 72, 2, 7.6)
        y = canvas_rows(p, y + 10, rows, widths, right_from=3)
        canvas_sums(p, y + 14, sums(o), p.width - 160)
        p.save()
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-lieferabruf-rahmenvertrag-fortschrittszahl")


@family("en-gb-schedule-firm-and-forecast", "reportlab-canvas-firm-forecast")
def en_gb_firm(m: Maker) -> None:
    """A UK delivery schedule: the firm lines (the order) with a VAT total, then a forecast table of
    later weeks "for planning only" whose quantities are not ordered."""
    for k in range(4):
        name = f"en-gb-firm-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, digits(60000, 69999, "SCH/"), k=k)
        r = m.r(name)

        def forecast(p: Page, y: float, o: Order = o, r: random.Random = r) -> float:
            p.text(36, y + 10, "FORECAST - FOR PLANNING ONLY. NOT AN AUTHORITY TO MANUFACTURE OR SHIP.", 9, bold=True)
            rows = [["Part No.", "Description", "Week", "Forecast qty"]]
            for ln in o.lines:
                for wk in range(2):
                    when = o.due + timedelta(weeks=4 + 3 * wk)
                    rows.append([ln.code, ln.text, f"w/c {when.day} {MON[when.month - 1]} {when.year}",
                                 o.q(ln.qty * r.choice([1, 2, 3]))])  # fmt: skip
            return canvas_rows(p, y + 18, rows, [90, 230, 110, 90], right_from=3, fill=(0.95, 0.95, 0.8))

        canvas_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                     creator="Epicor Kinetic", title="DELIVERY SCHEDULE - FIRM ORDER", after=forecast)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-gb-schedule-firm-and-forecast")


@family("en-gb-fpdf-call-off-against-blanket", "fpdf2-call-off")
def en_gb_calloff(m: Maker) -> None:
    """A call-off against a blanket order, its number with a slash (``CO-44817/07``), codes with
    slashes too, VAT added."""
    for k in range(4):
        name = f"en-gb-calloff-{k}"
        o = m.order(name, "en-GB", 2 + (k + 1) % 3,
                    lambda r: f"CO-{r.randrange(40000, 49999)}/{r.randrange(1, 20):02d}", k=k,
                    codes=lambda r, s: f"{s}/{r.randrange(100, 999)}/{r.choice('ABC')}")  # fmt: skip
        blanket = o.number.split("/")[0].replace("CO-", "BO-")
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   title="CALL-OFF ORDER", band=(90, 40, 40),
                   notes=[f"This call-off is made under blanket order {blanket}; quote the call-off number on "
                          "all delivery notes and invoices."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-gb-fpdf-call-off-against-blanket")


@family("en-gb-xlsx-calloff-weeks-across", "openpyxl-weeks-across")
def en_gb_weeks_across(m: Maker) -> None:
    """A call-off workbook with the weeks across the columns (``w/c 14 Dec 2026``), a row a part:
    each filled cell is a delivery (a line with its week's Monday as its date); no VAT printed."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"en-gb-weeks-across-{k}"
        o = m.order(name, "en-GB", 2 + k % 2, digits(7100, 7999, "CAL-"), k=k)
        o.vat = Decimal(0)
        r = m.r(name)
        first = o.due + timedelta(days=(7 - o.due.weekday()) % 7)
        weeks = [first + timedelta(weeks=i) for i in range(5)]
        parts, lines = list(o.lines), []
        table = []
        for ln in parts:
            cells: list[int | None] = []
            for i, wk in enumerate(weeks):
                q = r.choice([None, 200, 400, 500, 1000]) if i else r.choice([400, 500, 1000])
                cells.append(q)
                if q:
                    lines.append(Line(ln.code, ln.text, Decimal(q), ln.unit, ln.price, money(q * ln.price, o.currency),
                                      when=wk))  # fmt: skip
            table.append((ln, cells))
        o.lines = lines
        o.due = first
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Call-off"
        ws["A1"] = o.buyer
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = o.address
        ws["A4"], ws["B4"] = "Call-off No.", o.number
        ws["A5"], ws["B5"] = "Issued", o.d(o.ordered)
        ws["A6"], ws["B6"] = "Supplier", SUPPLIER
        ws["A7"], ws["B7"] = "Buyer", o.person
        if o.payment:
            ws["A8"], ws["B8"] = "Terms", o.payment
        head = ["Part No.", "Description", "UoM", "Unit price (GBP)"]
        head += [f"w/c {wk.day} {MON[wk.month - 1]} {wk.year}" for wk in weeks] + ["Total qty", "Value (GBP)"]
        for i, h in enumerate(head, 1):
            ws.cell(10, i, h).font = Font(bold=True)
        row = 10
        for ln, cells in table:
            row += 1
            qty = sum(c or 0 for c in cells)
            values = [ln.code, ln.text, ln.unit, float(ln.price), *cells, qty, float(money(qty * ln.price, "GBP"))]
            for i, v in enumerate(values, 1):
                ws.cell(row, i, v)
        ws.cell(row + 2, len(head) - 1, "Total value excl. VAT").font = Font(bold=True)
        ws.cell(row + 2, len(head), float(o.gross))
        ws.column_dimensions["B"].width = 34
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "en", "en-gb-xlsx-calloff-weeks-across")


@family("en-us-docx-blanket-release-letter", "python-docx-release-letter")
def en_us_release(m: Maker) -> None:
    """A Word letter releasing quantities against a blanket purchase agreement: the release PO
    number (``4500123456-014``) and the agreement's number in the text, the lines in a table."""
    for k in range(4):
        name = f"en-us-release-{k}"
        o = m.order(name, "en-US", 2 + k % 3,
                    lambda r: f"45{r.randrange(10000000, 19999999)}-{r.randrange(1, 40):03d}", k=k)  # fmt: skip
        r = m.r(name)
        intro = [
            o.d(o.ordered, "uk").replace(" ", " ", 1),
            f"{SUPPLIER}\n{SUPPLIER_ADDR}",
            f"Re: Release PO No. {o.number} against Blanket Purchase Agreement BPA-{r.randrange(2000, 2999)}",
            "Dear Sir or Madam,",
            f"Under the above agreement please ship the quantities below to arrive no later than "
            f"{o.d(o.due)}. Release date {o.d(o.ordered)}.",
        ]
        outro = [f"Terms: {o.payment}." if o.payment else "Terms as per agreement.", "Sincerely,", o.person,
                 f"Buyer, {o.buyer}"]  # fmt: skip
        docx_order(m.path(f"docx/{name}.docx"), o, ["item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person, title="RELEASE", intro=intro, outro=outro, head_table=False)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "en", "en-us-docx-blanket-release-letter")


# ----------------------------------------------------------------------------- prices, units, taxes


@family("cs-objednavka-kody-mezery-lomitka", "reportlab-canvas-spaced-codes")
def cs_codes(m: Maker) -> None:
    """Czech order whose item codes hold spaces and a slash (``KVG 204 15/03``), CZK with DPH."""
    for k in range(4):
        name = f"cs-kody-{k}"
        o = m.order(name, "cs", 2 + k % 3, digits(26001, 26999, "OBJ-2026-"), k=k, codes=spaced_code)
        canvas_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                     creator="Money S5")  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "cs", "cs-objednavka-kody-mezery-lomitka")


@family("nl-inkooporder-usd-met-eur-kolom", "reportlab-canvas-two-currencies")
def nl_usd(m: Maker) -> None:
    """A Dutch buyer orders in US dollars; each line also shows its value in euros at a stated
    rate (a reference column), the totals in USD."""
    for k in range(4):
        name = f"nl-usd-{k}"
        o = m.order(name, "nl", 2 + k % 3, digits(4410000, 4419999, "IO"), k=k, currency="USD")
        o.vat = Decimal(0)
        rate = Decimal("0.9") + Decimal(m.r(name).randrange(100, 900)) / 10000
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"price": "Prijs USD",
                                                                                         "amount": "Bedrag USD"})  # fmt: skip
        rows = add_column(rows, 7, "Ter info EUR", [o.n(money(ln.amount * rate, "EUR")) for ln in o.lines])
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "Exact Globe")
        y = letterhead(p, o, o.w["title"])
        top = y
        supplier_block(p, o, y)
        y = max(facts_box(p, facts(o) + [("Valuta", "USD")], None, top), top + 44)
        y = canvas_rows(p, y, rows, fit_widths(p, rows, p.width - 72, 2, 7.6), right_from=3)
        y = canvas_sums(p, y + 14, [("Totaal USD", o.n(o.gross))], p.width - 160)
        p.text(36, y + 8, f"Koers 1 USD = {num(rate, 'eu', 4)} EUR; euro-bedragen alleen ter informatie. "
                          "Factuur in USD, btw verlegd.", 7.5)  # fmt: skip
        p.save()
        m.add(f"pdf/{name}.pdf", o.golden(), "nl", "nl-inkooporder-usd-met-eur-kolom")


@family("zh-caigou-hanshui-weishui-danjia", "reportlab-canvas-cjk-tax-columns")
def zh_tax_columns(m: Maker) -> None:
    """采购订单 with the unit price without tax and with 13% VAT side by side, 价税合计 as the total."""
    for k in range(4):
        name = f"zh-hanshui-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"CG{r.randrange(20261100, 20261199)}{r.randrange(10, 99)}", k=k)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"price": "不含税单价",
                                                                                        "amount": "不含税金额"})  # fmt: skip
        incl = [o.n((ln.price * (100 + o.vat) / 100).quantize(Decimal("0.0001") if ln.price < 1 else CENT,
                                                              ROUND_HALF_UP)) for ln in o.lines]  # fmt: skip
        rows = add_column(rows, 6, "含税单价", incl)
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "用友U8")
        y = letterhead(p, o, "采购订单")
        top = y
        supplier_block(p, o, y)
        y = max(facts_box(p, facts(o) + [("币种", "人民币 CNY")], None, top), top + 44)
        y = canvas_rows(p, y, rows, fit_widths(p, rows, p.width - 72, 2, 7.6), right_from=3)
        canvas_sums(p, y + 14, sums(o), p.width - 160)
        p.save()
        m.add(f"pdf/{name}.pdf", o.golden(), "zh", "zh-caigou-hanshui-weishui-danjia")


@family("es-orden-cabecera-en-dos-paginas", "reportlab-canvas-head-over-two-pages")
def es_two_pages(m: Maker) -> None:
    """A Spanish order whose head is spread over two pages: the number, parties and lines on the
    first, the dates, terms and totals in a box at the top of the second."""
    for k in range(4):
        name = f"es-dos-paginas-{k}"
        o = m.order(name, "es", 2 + k % 3, lambda r: f"OC/{r.randrange(26000, 26999)}", k=k)
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "SAGE 200")
        y = letterhead(p, o, f"{o.w['title']} {o.number}")
        supplier_block(p, o, y)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"])
        y = canvas_rows(p, y + 50, rows, fit_widths(p, rows, p.width - 72, 2, 7.6), right_from=3)
        p.text(p.width - 36, p.height - 40, "Continúa en la página 2 / Página 1 de 2", 7.5, align="right")
        p.new_page()
        p.text(36, 40, f"{o.buyer} - {o.w['title']} {o.number} - Página 2 de 2", 8)
        pairs = [(o.w["date"], o.d(o.ordered)), (o.w["due"], o.d(o.due)), (o.w["buyer"], o.person)]
        pairs += [(o.w["pay"], o.payment)] if o.payment else []
        y = facts_box(p, pairs, 36, 56)
        canvas_sums(p, y + 12, sums(o), p.width - 160)
        p.save()
        m.add(f"pdf/{name}.pdf", o.golden(), "es", "es-orden-cabecera-en-dos-paginas")


@family("el-paraggelia-ekptosi-ana-grammi", "reportlab-canvas-line-discounts")
def el_discounts(m: Maker) -> None:
    """Greek order: list price, discount % and the net price on every line, ΦΠΑ 24%."""
    for k in range(4):
        name = f"el-ekptosi-{k}"
        o = m.order(name, "el", 2 + k % 3, digits(1200, 1999, "ΠΑΡ-26/"), k=k)
        line_discounts(o, m.r(name))
        canvas_order(m.path(f"pdf/{name}.pdf"), o,
                     ["pos", "item", "desc", "qty", "unit", "listp", "disc", "price", "amount"],
                     creator="SoftOne ERP", heads={"price": "Καθαρή τιμή"})  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "el", "el-paraggelia-ekptosi-ana-grammi")


@family("pt-encomenda-preco-ao-milheiro", "reportlab-canvas-per-thousand")
def pt_milheiro(m: Maker) -> None:
    """Portuguese order with small parts priced ao milheiro (per thousand): a ``Por`` column says
    1000 or 1; IVA 23%."""
    for k in range(4):
        name = f"pt-milheiro-{k}"
        o = m.order(name, "pt", 2 + k % 3, digits(2600100, 2600999, "NE "), k=k)
        per_thousand(o, m.r(name))
        canvas_order(m.path(f"pdf/{name}.pdf"), o,
                     ["pos", "item", "desc", "qty", "unit", "price", "per", "amount"], creator="PHC CS",
                     heads={"price": "Preço €"})  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-encomenda-preco-ao-milheiro")


@family("hu-megrendeles-eur-forint-arfolyam", "reportlab-canvas-eur-huf")
def hu_eur(m: Maker) -> None:
    """A Hungarian buyer orders in euros; under the totals the same in forints at the central bank's
    rate (for the tax return), which is not the order's currency."""
    for k in range(4):
        name = f"hu-eur-{k}"
        o = m.order(name, "hu", 2 + k % 3, digits(100, 999, "MR-2026/"), k=k, currency="EUR")
        rate = Decimal(385) + Decimal(m.r(name).randrange(0, 1500)) / 100
        notes = [
            f"MNB középárfolyam: 1 EUR = {num(rate, 'space', 2)} HUF",
            f"Bruttó érték forintban: {num(money(o.gross * rate, 'HUF'), 'space', 0)} HUF (tájékoztató adat)",
        ]
        canvas_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                     creator="Kulcs-Soft", notes=notes, extra_facts=[("Pénznem", "EUR")])  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "hu", "hu-megrendeles-eur-forint-arfolyam")


@family("it-ordine-prezzo-al-mille-sconto-riga", "fpdf2-per-mille-discounts")
def it_mille(m: Maker) -> None:
    """Italian order: small parts priced per thousand, each line with list price and a discount;
    the price column is the net price per the ``Per`` column's units."""
    for k in range(4):
        name = f"it-mille-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"{r.randrange(1, 999)}/OF/2026", k=k)
        r = m.r(name)
        per_thousand(o, r)
        line_discounts(o, r)
        fpdf_order(m.path(f"pdf/{name}.pdf"), o,
                   ["pos", "item", "desc", "qty", "unit", "listp", "disc", "price", "per", "amount"],
                   heads={"price": "Prezzo netto"}, band=(20, 90, 50))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "it", "it-ordine-prezzo-al-mille-sconto-riga")


@family("pl-zamowienie-metry-kilogramy", "fpdf2-units-glued")
def pl_units(m: Maker) -> None:
    """Polish order of wire by the kilogram and tubing by the metre beside pieces, the unit glued to
    the quantity in one column (``500 mb``)."""
    for k in range(4):
        name = f"pl-jm-{k}"
        o = m.order(name, "pl", 2 + k % 2, lambda r: f"ZZ/{r.randrange(1000, 4999)}/11/2026", k=k,
                    kinds=("m", "kg", "pc"))  # fmt: skip
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qtyu", "price", "amount"],
                   heads={"price": "Cena netto/j.m."})  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "pl", "pl-zamowienie-metry-kilogramy")


@family("en-in-po-hsn-igst-amount-in-words", "fpdf2-gst-words")
def en_in_gst(m: Maker) -> None:
    """Indian PO: HSN code column, IGST 18% added, lakh grouping, the grand total again in words."""
    for k in range(4):
        name = f"en-in-gst-{k}"
        o = m.order(name, "en-IN", 2 + k % 3, lambda r: f"KSW/PO/26-27/{r.randrange(1000, 4999)}", k=k)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"])
        hsn = {"KVG": "85472000", "BIN": "74199930", "ORE": "40169330", "HST": "39173990", "SMT": "85011019",
               "PCB": "85371000", "CUW": "74081990"}  # fmt: skip
        sub = {j: [] for j in range(len(rows))}
        for j, ln in enumerate(o.lines, 1):
            sub[j] = [["", f"HSN {hsn[ln.code[:3]]}", "", "", "", "", ""]]
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   sums_rows=[("Taxable Value", o.n(o.net)), ("IGST @ 18%", o.n(o.tax)), ("Grand Total", o.n(o.gross))],
                   notes=[f"Amount in words: {indian_words(o.gross)}", "GSTIN: 29AAACK" + o.number[-4:] + "L1Z5"],
                   sub_rows=sub, band=(120, 60, 0))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-in-po-hsn-igst-amount-in-words")


@family("fr-commande-ttc-escompte-non-deduit", "fpdf2-ttc")
def fr_ttc(m: Maker) -> None:
    """French order with the total TTC, and an early-payment discount offered in the terms but not
    taken off (escompte pour paiement anticipé)."""
    for k in range(4):
        name = f"fr-ttc-{k}"
        o = m.order(name, "fr", 2 + k % 3, digits(26000, 26999, "BC"), k=k)
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   notes=["Escompte de 2 % pour paiement sous 10 jours, non déduit du total ci-dessus.",
                          "Merci de rappeler notre numéro de commande sur tous vos documents."],
                   band=(40, 40, 120))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "fr", "fr-commande-ttc-escompte-non-deduit")


@family("tr-siparis-iskonto-kdv", "fpdf2-discounts-kdv")
def tr_iskonto(m: Maker) -> None:
    """Turkish order: a discount (İskonto) on each line, KDV 20% added, the general total."""
    for k in range(4):
        name = f"tr-iskonto-{k}"
        o = m.order(name, "tr", 2 + k % 3, lambda r: f"SAS{r.randrange(2026000, 2026999)}", k=k)
        line_discounts(o, m.r(name))
        fpdf_order(m.path(f"pdf/{name}.pdf"), o,
                   ["pos", "item", "desc", "qty", "unit", "listp", "disc", "price", "amount"],
                   heads={"price": "Net Fiyat"}, band=(160, 20, 20))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "tr", "tr-siparis-iskonto-kdv")


@family("fi-tilaus-laatikot-kertaa-kpl", "fpdf2-boxes")
def fi_boxes(m: Maker) -> None:
    """Finnish order counting boxes of so many pieces (``6 x 500``) beside the quantity in pieces."""
    for k in range(4):
        name = f"fi-ltk-{k}"
        o = m.order(name, "fi", 2 + k % 3, digits(45000, 45999, "TI-"), k=k)
        in_bins(o, m.r(name))
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "bins", "qty", "unit", "price", "amount"],
                   heads={"bins": "Ltk x kpl"}, band=(0, 70, 140))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "fi", "fi-tilaus-laatikot-kertaa-kpl")


@family("ro-comanda-termen-pe-linie-landscape", "fpdf2-landscape-line-dates")
def ro_dates(m: Maker) -> None:
    """Romanian order in landscape, each line with its own delivery date (the order's is the first)."""
    for k in range(4):
        name = f"ro-termen-{k}"
        o = m.order(name, "ro", 2 + k % 3, digits(1000, 9999, "CA-"), k=k)
        for j, ln in enumerate(o.lines):
            ln.when = later(o.due, 7 * j)
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "when", "qty", "unit", "price", "amount"],
                   landscape=True, band=(0, 43, 127))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "ro", "ro-comanda-termen-pe-linie-landscape")


@family("sv-inkopsorder-rabatt-per-rad", "fpdf2-line-discounts")
def sv_rabatt(m: Maker) -> None:
    """Swedish order with a discount on each line, moms 25% added."""
    for k in range(4):
        name = f"sv-rabatt-{k}"
        o = m.order(name, "sv", 2 + k % 3, digits(880000, 889999), k=k)
        line_discounts(o, m.r(name))
        fpdf_order(m.path(f"pdf/{name}.pdf"), o,
                   ["pos", "item", "desc", "qty", "unit", "listp", "disc", "price", "amount"],
                   heads={"price": "Nettopris"}, band=(0, 82, 147))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "sv", "sv-inkopsorder-rabatt-per-rad")


@family("da-kobsordre-delleveringer-underrader", "fpdf2-partial-deliveries")
def da_partial(m: Maker) -> None:
    """Danish order whose lines are delivered in two lots, each lot a sub-row with its own quantity
    and date; the line's quantity is the sum."""
    for k in range(4):
        name = f"da-dellev-{k}"
        o = m.order(name, "da", 2 + k % 3, digits(70000, 79999, "KO"), k=k)
        sub: dict[int, list[list[str]]] = {}
        for j, ln in enumerate(o.lines, 1):
            first = (ln.qty * Decimal("0.4")).quantize(Decimal(1))
            sub[j] = [["", "", f"  Dellevering 1: {o.q(first)} {ln.unit} den {o.d(o.due)}", "", "", "", ""],
                      ["", "", f"  Dellevering 2: {o.q(ln.qty - first)} {ln.unit} den {o.d(later(o.due, 14))}", "",
                       "", "", ""]]  # fmt: skip
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   sub_rows=sub, band=(198, 12, 48))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "da", "da-kobsordre-delleveringer-underrader")


# ----------------------------------------------------------------------------- Word


@family("de-docx-preiseinheit-100", "python-docx-price-unit")
def de_pe(m: Maker) -> None:
    """German Word order: prices per 100 pieces in a PE column (``PE 100``)."""
    for k in range(4):
        name = f"de-pe-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(4500200000, 4500299999), k=k)
        per_thousand(o, m.r(name), basis=100)
        docx_order(m.path(f"docx/{name}.docx"), o, ["pos", "item", "desc", "qty", "unit", "price", "per", "amount"],
                   author=o.person)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "de", "de-docx-preiseinheit-100")


@family("fr-docx-conditions-puis-lignes", "python-docx-conditions-first")
def fr_conditions(m: Maker) -> None:
    """French Word order: the head and the purchase conditions fill the first page, the lines begin
    on the second."""
    conditions = [
        "Conditions particulières d'achat :",
        "1. Toute livraison doit être accompagnée d'un bon de livraison rappelant notre numéro de commande.",
        "2. Les marchandises voyagent aux risques du fournisseur jusqu'à réception dans nos locaux.",
        "3. Les certificats de conformité RoHS et REACH sont à joindre à la première livraison.",
        "4. Tout retard de livraison devra nous être signalé par écrit au moins 8 jours à l'avance.",
        "5. Pénalités de retard : 0,5 % du montant de la commande par semaine de retard, plafonnées à 5 %.",
    ]
    for k in range(4):
        name = f"fr-conditions-{k}"
        o = m.order(name, "fr", 2 + k % 3, lambda r: f"CDE-{r.randrange(2026000, 2026999)}", k=k)
        docx_order(m.path(f"docx/{name}.docx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person, intro=conditions, conditions_first=True)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "fr", "fr-docx-conditions-puis-lignes")


@family("it-docx-codici-con-spazi-e-barre", "python-docx-spaced-codes")
def it_codes(m: Maker) -> None:
    """Italian Word order whose codes hold spaces and a slash."""
    for k in range(4):
        name = f"it-codici-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"ODA {r.randrange(100, 999)}/26", k=k, codes=spaced_code)
        docx_order(m.path(f"docx/{name}.docx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "it", "it-docx-codici-con-spazi-e-barre")


@family("zh-hant-docx-hanshui-zongji", "python-docx-cjk")
def zh_hant_docx(m: Maker) -> None:
    """Traditional Chinese Word order (民國 dates), 營業稅 5% added, 含稅總計 as the total."""
    for k in range(4):
        name = f"zh-hant-docx-{k}"
        o = m.order(name, "zh-Hant", 2 + k % 3, lambda r: f"PO{r.randrange(1151100, 1151199)}{r.randrange(10, 99)}",
                    k=k)  # fmt: skip
        docx_order(m.path(f"docx/{name}.docx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "zh-Hant", "zh-hant-docx-hanshui-zongji")


@family("pl-docx-printed-by-libreoffice", "libreoffice-docx-pdf")
def pl_docx_pdf(m: Maker) -> None:
    """A Polish Word order printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"pl-docx-pdf-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZAM/{r.randrange(100, 999)}/2026", k=k)
        src = m.work / f"f8-{name}.docx"
        docx_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "pl", "pl-docx-printed-by-libreoffice")


@family("ja-docx-saved-as-odt", "libreoffice-docx-odt")
def ja_docx_odt(m: Maker) -> None:
    """A Japanese Word order saved as OpenDocument text by LibreOffice."""
    for k in range(4):
        name = f"ja-odt-{k}"
        o = m.order(name, "ja", 2 + k % 3, digits(2611000, 2611999, "HC-"), k=k)
        src = m.work / f"f8-{name}.docx"
        docx_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person)
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "ja", "ja-docx-saved-as-odt")


# ----------------------------------------------------------------------------- workbooks


@family("de-xlsx-kanban-nachschub", "openpyxl-kanban-list")
def de_kanban_xlsx(m: Maker) -> None:
    """A German kanban re-order list: containers times fill in one column, the quantity beside it."""
    for k in range(4):
        name = f"de-kanban-xlsx-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(910000, 919999, "KAN-"), k=k)
        in_bins(o, m.r(name))
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, ["pos", "item", "desc", "bins", "qty", "unit", "price", "amount"],
                   author=o.person, heads={"bins": "Behälter x Füllmenge"}, title="KANBAN-NACHSCHUBBESTELLUNG")  # fmt: skip
        m.add(f"xlsx/{name}.xlsx", o.golden(), "de", "de-xlsx-kanban-nachschub")


@family("zh-xlsx-merged-head-caigou", "openpyxl-merged-head")
def zh_xlsx(m: Maker) -> None:
    """采购订单 workbook with merged title rows and label cells, numbers as numbers."""
    for k in range(4):
        name = f"zh-xlsx-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"PO-HD-{r.randrange(261100, 261199)}{r.randrange(10, 99)}", k=k)
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person, merged_head=True, sheet="采购订单")  # fmt: skip
        m.add(f"xlsx/{name}.xlsx", o.golden(), "zh", "zh-xlsx-merged-head-caigou")


@family("es-xlsx-unidades-mixtas", "openpyxl-mixed-units")
def es_units(m: Maker) -> None:
    """Spanish workbook ordering metres, kilograms and pieces."""
    for k in range(4):
        name = f"es-unidades-{k}"
        o = m.order(name, "es", 2 + k % 2, digits(5000, 5999, "PC-26-"), k=k, kinds=("m", "kg", "pc"))
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person)  # fmt: skip
        m.add(f"xlsx/{name}.xlsx", o.golden(), "es", "es-xlsx-unidades-mixtas")


@family("cs-xlsx-printed-by-libreoffice", "libreoffice-xlsx-pdf")
def cs_xlsx_pdf(m: Maker) -> None:
    """A Czech workbook order printed to PDF by LibreOffice Calc."""
    for k in range(4):
        name = f"cs-xlsx-pdf-{k}"
        o = m.order(name, "cs", 2 + k % 3, digits(2026100, 2026999, "NO"), k=k)
        src = m.work / f"f8-{name}.xlsx"
        xlsx_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person, numbers=False)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "cs", "cs-xlsx-printed-by-libreoffice")


@family("sv-xlsx-saved-as-ods", "libreoffice-xlsx-ods")
def sv_ods(m: Maker) -> None:
    """A Swedish workbook order saved as an OpenDocument spreadsheet by LibreOffice."""
    for k in range(4):
        name = f"sv-ods-{k}"
        o = m.order(name, "sv", 2 + k % 3, digits(330000, 339999, "IO-"), k=k)
        src = m.work / f"f8-{name}.xlsx"
        xlsx_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person)
        m.convert(src, "ods", f"ods/{name}.ods", o.golden(), "sv", "sv-xlsx-saved-as-ods")


@family("pt-fodt-printed-by-libreoffice", "libreoffice-fodt-pdf")
def pt_fodt(m: Maker) -> None:
    """A Portuguese flat OpenDocument order printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"pt-fodt-{k}"
        o = m.order(name, "pt", 2 + k % 3, lambda r: f"ENC {r.randrange(2026, 2027)}/{r.randrange(100, 999)}", k=k)
        src = m.work / f"f8-{name}.fodt"
        src.write_text(fodt(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"]), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "pt", "pt-fodt-printed-by-libreoffice")


# ----------------------------------------------------------------------------- mail bodies


def text_table(rows: list[list[str]], right_from: int = 3) -> list[str]:
    """Rows as columns padded with spaces (figures right-aligned from ``right_from`` on)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.rjust(wd) if i >= right_from else c.ljust(wd) for i, (c, wd) in enumerate(zip(r, widths))).rstrip()
        for r in rows
    ]


@family("en-us-outlook-table-pasted-from-excel", "email-outlook-excel-paste")
def en_us_excel_paste(m: Maker) -> None:
    """A US buyer copies a range from Excel into Outlook: HTML with ``x:num`` cells and mso classes,
    the plain part tab-separated; a total row under the range."""
    for k in range(4):
        name = f"en-us-paste-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(881000, 889999), k=k)
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        rows.append(["", "", "", "", "Total", o.n(o.gross)])
        intro = f"Hi team,<br><br>Please accept PO {o.number} dated {o.d(o.ordered)}. Need on dock by {o.d(o.due)}."
        outro = (f"<br>Terms: {o.payment}<br>" if o.payment else "<br>") + f"Thanks,<br>{o.person}<br>{o.buyer}"
        html = html_mail(f"<p>{intro}</p>{excel_html(rows, {2, 4, 5})}<p>{outro}</p>", client="outlook")
        text = (
            f"Hi team,\n\nPlease accept PO {o.number} dated {o.d(o.ordered)}. Need on dock by {o.d(o.due)}.\n\n"
            + tsv(rows)
            + (f"\n\nTerms: {o.payment}" if o.payment else "")
            + f"\n\nThanks,\n{o.person}\n{o.buyer}\n"
        )
        msg = mailer(o, name, f"PO {o.number}", text=text, html=html, headers={"X-Mailer": "Microsoft Outlook 16.0"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "en", "en-us-outlook-table-pasted-from-excel")


@family("de-thunderbird-tabs-from-excel", "email-thunderbird-tabs")
def de_tabs(m: Maker) -> None:
    """Thunderbird, plain text only: the lines pasted from a spreadsheet as tab-separated text."""
    for k in range(4):
        name = f"de-tabs-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(77000, 77999, "B-"), k=k)
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        text = "\n".join([
            "Guten Tag,", "",
            f"anbei unsere Bestellung {o.number} vom {o.d(o.ordered)}, Liefertermin {o.d(o.due)}:", "",
            tsv(rows), "",
            f"Warenwert netto\t{o.n(o.net)} EUR", f"zzgl. 19 % MwSt.\t{o.n(o.tax)} EUR", f"Gesamt\t{o.n(o.gross)} EUR",
            "", *([f"Zahlung: {o.payment}", ""] if o.payment else []),
            "Viele Grüße", o.person, "--", o.buyer, o.address,
        ])  # fmt: skip
        msg = mailer(o, name, f"Bestellung {o.number}", text=text,
                     headers={"User-Agent": "Mozilla Thunderbird 128.5.0"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "de", "de-thunderbird-tabs-from-excel")


@family("ja-iso-2022-jp-order-body", "email-iso-2022-jp")
def ja_jis(m: Maker) -> None:
    """A Japanese order in the body, ISO-2022-JP as older mailers send it, a block per line
    (品番／品名／数量／単価／金額) between rules."""
    for k in range(4):
        name = f"ja-jis-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"2026-{r.randrange(1000, 9999)}", k=k)
        blocks = []
        for j, ln in enumerate(o.lines, 1):
            blocks += [
                f"【{j}】品番：{ln.code}",
                f"　　品名：{ln.text}",
                f"　　数量：{o.q(ln.qty)} {ln.unit}　単価：{o.n(ln.price)}円　金額：{o.n(ln.amount)}円",
            ]
        text = "\n".join([
            f"{SUPPLIER}", "営業部 御中", "", "いつもお世話になっております。", f"{o.buyer}の{o.person.split()[0]}です。", "",
            "下記の通り注文いたします。", "", f"注文番号：{o.number}", f"注文日　：{o.d(o.ordered)}",
            f"納期　　：{o.d(o.due)}", "―" * 20, *blocks, "―" * 20,
            f"小計　　：{o.n(o.net)}円", f"消費税　：{o.n(o.tax)}円", f"合計　　：{o.n(o.gross)}円",
            *([f"支払条件：{o.payment}"] if o.payment else []), "", "よろしくお願いいたします。", "", o.buyer, o.person,
        ])  # fmt: skip
        msg = mailer(o, name, f"注文書送付の件（{o.number}）", text=text, charset="iso-2022-jp",
                     headers={"X-Mailer": "Becky! ver. 2.81.04"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ja", "ja-iso-2022-jp-order-body")


@family("zh-gbk-webmail-html-table", "email-webmail-gbk")
def zh_gbk(m: Maker) -> None:
    """A Chinese web-mail order: an HTML table in GBK, no plain part."""
    for k in range(4):
        name = f"zh-gbk-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"MT{r.randrange(2611000, 2611999)}", k=k)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"])
        body = (
            f"<p>您好！</p><p>我司{o.buyer}现下单如下，订单号：{o.number}，下单日期：{o.d(o.ordered)}，"
            f"要求交期：{o.d(o.due)}。</p>{html_table(rows)}"
            f"<p>未税合计：{o.n(o.net)} 元；增值税13%：{o.n(o.tax)} 元；价税合计：{o.n(o.gross)} 元</p>"
            + (f"<p>付款：{o.payment}</p>" if o.payment else "")
            + f"<p>请回传确认，谢谢！<br>{o.person}<br>{o.buyer}</p>"
        )
        msg = mailer(o, name, f"采购订单 {o.number}", html=html_mail(body, client="web"), charset="gbk")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "zh", "zh-gbk-webmail-html-table")


@family("fr-apple-mail-tableau-html", "email-apple-mail-table")
def fr_apple(m: Maker) -> None:
    """Apple Mail: a French order typed as an HTML table, the plain part with padded columns."""
    for k in range(4):
        name = f"fr-apple-{k}"
        o = m.order(name, "fr", 2 + k % 3, digits(3300, 3999, "CMD"), k=k)
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        head = f"Bonjour,<br><br>Veuillez trouver ci-dessous notre commande n° {o.number} du {o.d(o.ordered)}."
        tail = (f"Livraison souhaitée le {o.d(o.due)}.<br>Total HT {o.n(o.net)} €, TVA 20 % {o.n(o.tax)} €, "
                f"total TTC {o.n(o.gross)} €." + (f"<br>Règlement : {o.payment}." if o.payment else "")
                + f"<br><br>Cordialement,<br>{o.person}<br>{o.buyer}")  # fmt: skip
        html = html_mail(f"<div>{head}</div><br>{html_table(rows, 2)}<br><div>{tail}</div>", client="apple")
        text = "\n".join([
            "Bonjour,", "", f"Veuillez trouver ci-dessous notre commande n° {o.number} du {o.d(o.ordered)}.", "",
            *text_table(rows, 2), "", f"Livraison souhaitée le {o.d(o.due)}.",
            f"Total HT {o.n(o.net)} €, TVA 20 % {o.n(o.tax)} €, total TTC {o.n(o.gross)} €.",
            *([f"Règlement : {o.payment}."] if o.payment else []), "", "Cordialement,",
            o.person, o.buyer,
        ])  # fmt: skip
        msg = mailer(o, name, f"Commande {o.number}", text=text, html=html,
                     headers={"X-Mailer": "Apple Mail (2.3826.200.121)"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "fr", "fr-apple-mail-tableau-html")


@family("nl-iphone-drie-regels", "email-iphone-short")
def nl_iphone(m: Maker) -> None:
    """Three lines typed on a phone: quantity, code, description and price each; no total."""
    for k in range(4):
        name = f"nl-iphone-{k}"
        o = m.order(name, "nl", 1 + k % 3, digits(7700, 7799, "PO "), k=k)
        o.payment = None  # a phone's three lines say nothing of payment
        lines = [f"{o.q(ln.qty)} {ln.unit} {ln.code} ({ln.text}) à € {o.n(ln.price)}" for ln in o.lines]
        text = "\n".join([
            "Hoi,", "", f"Graag leveren onder ons ordernummer {o.number} (besteld {o.d(o.ordered)}):", *lines,
            f"Levering uiterlijk {o.d(o.due)}.", "", "Groet,", f"{o.person} | {o.buyer}", "", "Verstuurd vanaf mijn iPhone",
        ])  # fmt: skip
        o.vat = Decimal(0)
        msg = mailer(o, name, f"Bestelling {o.number}", text=text, headers={"X-Mailer": "iPhone Mail (22B91)"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body", total=False), "nl", "nl-iphone-drie-regels")


@family("pl-windows-1250-plain-columns", "email-windows-1250")
def pl_cp1250(m: Maker) -> None:
    """A Polish order in plain text, windows-1250, columns padded with spaces."""
    for k in range(4):
        name = f"pl-1250-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZAM {r.randrange(1000, 1999)}/26", k=k)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"])
        text = "\n".join([
            "Dzień dobry,", "", f"zamawiamy zgodnie z poniższym zestawieniem. Zamówienie nr {o.number} z dnia "
            f"{o.d(o.ordered)}, termin dostawy {o.d(o.due)}.", "", *text_table(rows), "",
            f"Razem netto: {o.n(o.net)} PLN", f"VAT 23%: {o.n(o.tax)} PLN", f"Razem brutto: {o.n(o.gross)} PLN", "",
            *([f"Płatność: {o.payment}", ""] if o.payment else []), "Pozdrawiam", o.person, o.buyer,
        ]).replace("\u00a0", " ")  # fmt: skip
        msg = mailer(o, name, f"Zamówienie {o.number}", text=text, charset="windows-1250")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "pl", "pl-windows-1250-plain-columns")


@family("it-mail-xlsx-allegato-una-riga", "email-xlsx-attachment")
def it_xlsx_mail(m: Maker) -> None:
    """An Italian order as a workbook attached to a one-line mail."""
    for k in range(4):
        name = f"it-xlsx-mail-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"OA-{r.randrange(2600, 2699)}-{r.randrange(10, 99)}", k=k)
        src = m.work / f"f8-{name}.xlsx"
        xlsx_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person)
        text = f"Buongiorno, in allegato il nostro ordine {o.number}.\n\n{o.person}\n{o.buyer}\n"
        msg = mailer(o, name, f"Ordine {o.number}", text=text,
                     attach=[file_part(f"Ordine_{o.number}.xlsx", src.read_bytes(), XLSX)])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(), "it", "it-mail-xlsx-allegato-una-riga")


@family("en-in-gmail-nos-lakh-gst", "email-gmail-lakh")
def en_in_gmail(m: Maker) -> None:
    """Gmail from an Indian buyer: numbered lines ``5,000 Nos @ Rs. 31.92 = Rs. 1,59,600.00``, GST added."""
    for k in range(4):
        name = f"en-in-gmail-{k}"
        o = m.order(name, "en-IN", 2 + k % 3, lambda r: f"GAC/PUR/{r.randrange(700, 999)}", k=k)
        lines = [f"{j}) {ln.code} - {ln.text} - {o.q(ln.qty)} {ln.unit} @ Rs. {o.n(ln.price)} = Rs. {o.n(ln.amount)}"
                 for j, ln in enumerate(o.lines, 1)]  # fmt: skip
        body = [
            "Dear Sir,", "", f"Kindly supply the following against our PO No. {o.number} dated {o.d(o.ordered)}:", "",
            *lines, "", f"Basic value: Rs. {o.n(o.net)}", f"GST @ 18%: Rs. {o.n(o.tax)}",
            f"Total: Rs. {o.n(o.gross)}", "", f"Delivery: on or before {o.d(o.due)}",
            *([f"Payment: {o.payment}"] if o.payment else []), "", "Thanks & Regards,", o.person, "Purchase Dept.",
            o.buyer,
        ]  # fmt: skip
        html = '<div dir="ltr">' + "".join(f"<div>{esc(s) or '<br>'}</div>" for s in body) + "</div>"
        msg = mailer(o, name, f"PO {o.number}", text="\n".join(body), html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "en", "en-in-gmail-nos-lakh-gst")


# ----------------------------------------------------------------------------- images


@family("en-us-fax-received-stamp-200dpi", "pillow-fax-stamp")
def en_us_fax(m: Maker) -> None:
    """A US order faxed at 200 dpi, black and white: the fax machine's line on top, a RECEIVED stamp
    and a signature over the page."""
    for k in range(4):
        name = f"en-us-fax-{k}"
        o = m.order(name, "en-US", 2 + k % 2, digits(51000, 51999, "P"), k=k)
        src = m.work / f"f8-{name}.pdf"
        when = o.ordered + timedelta(days=1)
        canvas_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], creator="Fax",
                     fax=f"{MON[when.month - 1].upper()}-{when.day}-{when.year} 08:1{k} FROM: 262 555 014{k} "
                         "TO: 86 769 8520 1100 P.01/01",
                     stamp=f"RECEIVED|{MON[when.month - 1].upper()} {when.day} {when.year}")  # fmt: skip
        r = m.r(name)
        pages = scan_of(src, r, dpi=200, angle=r.choice([-0.7, 0.4, 0.9]), noise=1800, fax=True)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "en", "en-us-fax-received-stamp-200dpi")


@family("de-scan-genehmigt-stempel-300dpi", "pillow-scan-stamp")
def de_scan(m: Maker) -> None:
    """A German order signed and stamped GENEHMIGT, scanned at 300 dpi in grey, turned a little."""
    for k in range(4):
        name = f"de-scan-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(4700000, 4799999), k=k)
        src = m.work / f"f8-{name}.pdf"
        canvas_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], creator="Scan",
                     stamp=f"GENEHMIGT|Einkauf {o.d(o.ordered)}")  # fmt: skip
        r = m.r(name)
        pages = scan_of(src, r, dpi=300, angle=r.choice([-1.1, 0.6, 1.4]), noise=1400)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "de", "de-scan-genehmigt-stempel-300dpi")


@family("zh-scan-red-seal-over-total", "pillow-scan-seal")
def zh_seal(m: Maker) -> None:
    """A Chinese order with the company's round red seal over the total, scanned at 300 dpi."""
    for k in range(4):
        name = f"zh-seal-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"SD-PO-{r.randrange(261100, 261199)}-{r.randrange(1, 99):02d}",
                    k=k)  # fmt: skip
        src = m.work / f"f8-{name}.pdf"
        canvas_order(src, o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], creator="Scan", seal=True)
        r = m.r(name)
        pages = scan_of(src, r, dpi=300, angle=r.choice([-0.9, 0.5, 1.2]), noise=1500)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "zh", "zh-scan-red-seal-over-total")


# ----------------------------------------------------------------------------- look-alikes (not orders)


def from_supplier(o: Order, company: str, address: str, person: str) -> Order:
    """The same drawn figures, sent by one of our own suppliers (the document is about something we buy)."""
    o.buyer, o.address, o.person = company, address, person
    return o


@family("not-order-de-auftragsbestaetigung-vom-lieferanten", "reportlab-canvas-acknowledgement")
def no_de_ab(m: Maker) -> None:
    """An order acknowledgement one of our suppliers sends us about the order WE placed with them."""
    for k in range(4):
        name = f"no-de-ab-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(26000, 26999, "AB-"), k=k)
        from_supplier(o, "Rheinische Kunststoffwerke GmbH", "Industriestraße 14, 53842 Troisdorf", "Uwe Bender")
        pairs = [("Auftragsbestätigung", o.number), ("Datum", o.d(o.ordered)),
                 ("Ihre Bestellung", f"EM-PO-{o.number[-5:]}"), ("Liefertermin bestätigt", o.d(o.due))]  # fmt: skip
        canvas_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                     creator="SAP", title="AUFTRAGSBESTÄTIGUNG", pairs=pairs, party_label="Kunde",
                     notes=["Wir danken für Ihren Auftrag, den wir zu unseren Verkaufs- und Lieferbedingungen "
                            "bestätigen."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "de", "not-order-de-auftragsbestaetigung-vom-lieferanten")


@family("not-order-en-gb-quotation-docx", "python-docx-quotation")
def no_en_quote(m: Maker) -> None:
    """A quotation in Word: prices offered, valid for 30 days, "to order, please quote ..."."""
    for k in range(4):
        name = f"no-en-quote-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, digits(3000, 3999, "Q-"), k=k)
        from_supplier(o, "Midland Cable Assemblies Ltd", "Unit 7, Tame Valley Ind. Est., Tamworth B77 5BY", "Gary Hope")
        pairs = [("Quotation No.", o.number), ("Date", o.d(o.ordered)), ("Valid until", o.d(o.due)),
                 ("Lead time", "6-8 weeks from order")]  # fmt: skip
        docx_order(m.path(f"docx/{name}.docx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author=o.person, title="QUOTATION", pairs=pairs, party_label="Prepared for",
                   outro=["Prices are firm for 30 days. To place an order please send your purchase order quoting "
                          "the quotation number above."])  # fmt: skip
        m.add(f"docx/{name}.docx", OTHER, "en", "not-order-en-gb-quotation-docx")


@family("not-order-it-nota-di-credito", "fpdf2-credit-note")
def no_it_credit(m: Maker) -> None:
    """A credit note: goods returned, amounts credited back, the original invoice and order named."""
    for k in range(4):
        name = f"no-it-nc-{k}"
        o = m.order(name, "it", 1 + k % 3, lambda r: f"NC {r.randrange(10, 99)}/2026", k=k)
        from_supplier(
            o, "Trafilerie Lombarde S.p.A.", "Via Valassina 40, 20813 Bovisio Masciago (MB)", "Ufficio vendite"
        )
        pairs = [("Nota di credito n.", o.number), ("Data", o.d(o.ordered)), ("Rif. fattura", f"FT {o.number[3:5]}1/2026"),
                 ("Rif. vs. ordine", f"EM-{o.number[3:5]}77")]  # fmt: skip
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   title="NOTA DI CREDITO", pairs=pairs, party_label="Cliente", band=(110, 110, 110),
                   notes=["Storno per reso merce non conforme (rapporto NC allegato)."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "it", "not-order-it-nota-di-credito")


@family("not-order-fr-bon-de-livraison", "fpdf2-delivery-note")
def no_fr_bl(m: Maker) -> None:
    """A delivery note: quantities shipped and parcels, the order it delivers named, no prices."""
    for k in range(4):
        name = f"no-fr-bl-{k}"
        o = m.order(name, "fr", 2 + k % 3, digits(80000, 89999, "BL"), k=k)
        from_supplier(o, "Découpage Fin Savoyard SAS", "ZA Les Iles, 74300 Cluses", "Service expéditions")
        pairs = [("Bon de livraison", o.number), ("Date d'expédition", o.d(o.ordered)),
                 ("Votre commande", f"EMC-{o.number[-4:]}"), ("Colis", str(len(o.lines) + 2))]  # fmt: skip
        fpdf_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit"], title="BON DE LIVRAISON",
                   pairs=pairs, party_label="Destinataire", sums_rows=[("Nombre de colis", str(len(o.lines) + 2))],
                   band=(80, 80, 80))  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "fr", "not-order-fr-bon-de-livraison")


@family("not-order-es-solicitud-de-oferta-mail", "email-rfq")
def no_es_rfq(m: Maker) -> None:
    """A customer asks for prices (solicitud de oferta): the quantities and dates they may need, no
    prices, "this is not an order"."""
    for k in range(4):
        name = f"no-es-rfq-{k}"
        o = m.order(name, "es", 2 + k % 3, digits(400, 999, "SO-26-"), k=k)
        rows = [[ln.code, ln.text, f"{o.q(ln.qty)} {ln.unit}"] for ln in o.lines]
        text = "\n".join([
            "Buenos días:", "", f"Les rogamos nos envíen su mejor oferta para los artículos siguientes (ref. {o.number}):",
            "", *text_table([["Código", "Descripción", "Cantidad estimada"], *rows], 2), "",
            f"Fecha límite para la oferta: {o.d(o.due)}. Esta solicitud no constituye un pedido.", "",
            "Un saludo,", o.person, o.buyer,
        ])  # fmt: skip
        msg = mailer(o, name, f"Solicitud de oferta {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, OTHER, "es", "not-order-es-solicitud-de-oferta-mail")


@family("not-order-ja-seikyu-meisai-xlsx", "openpyxl-statement")
def no_ja_statement(m: Maker) -> None:
    """請求明細書: a supplier's monthly statement of what it delivered and invoices us for."""
    for k in range(4):
        name = f"no-ja-seikyu-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"S{r.randrange(261100, 261199)}", k=k)
        from_supplier(o, "有限会社三河樹脂工業", "愛知県豊川市穂ノ原3-12", "経理課")
        pairs = [("請求書番号", o.number), ("締日", o.d(o.ordered)), ("お支払期日", o.d(o.due))]
        xlsx_order(m.path(f"xlsx/{name}.xlsx"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                   author="経理課", title="請求明細書", pairs=pairs, party_label="請求先", sheet="請求明細")  # fmt: skip
        m.add(f"xlsx/{name}.xlsx", OTHER, "ja", "not-order-ja-seikyu-meisai-xlsx")


@family("not-order-pl-cennik-xlsx", "openpyxl-price-list")
def no_pl_prices(m: Maker) -> None:
    """A price list for next year: codes, descriptions, minimum quantities and prices, no order."""
    import openpyxl
    from openpyxl.styles import Font

    for k in range(4):
        name = f"no-pl-cennik-{k}"
        o = m.order(name, "pl", 3 + k % 3, digits(1, 9, "CEN/2027/"), k=k)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Cennik 2027"
        ws["A1"] = "Zakłady Metalowe Mazowsze Sp. z o.o."
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = f"CENNIK {o.number} - ważny od 01.01.2027"
        ws["A3"] = f"Dla: {SUPPLIER}"
        for i, h in enumerate(["Indeks", "Nazwa", "MOQ", "J.m.", "Cena netto PLN"], 1):
            ws.cell(5, i, h).font = Font(bold=True)
        for j, ln in enumerate(o.lines, 6):
            for i, v in enumerate([ln.code, ln.text, int(ln.qty), ln.unit, float(ln.price)], 1):
                ws.cell(j, i, v)
        ws.cell(
            len(o.lines) + 8, 1, "Ceny nie zawierają VAT. Cennik nie stanowi oferty w rozumieniu Kodeksu cywilnego."
        )
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), "Dział handlowy")
        m.add(f"xlsx/{name}.xlsx", OTHER, "pl", "not-order-pl-cennik-xlsx")


@family("not-order-sv-prognos-mail", "email-forecast")
def no_sv_forecast(m: Maker) -> None:
    """A customer's rolling forecast by week, "prognos, ej bindande": quantities, no order."""
    for k in range(4):
        name = f"no-sv-prognos-{k}"
        o = m.order(name, "sv", 2 + k % 3, digits(40, 52, "Prognos v. "), k=k)
        weeks = [o.due + timedelta(weeks=i) for i in range(4)]
        rows = [["Artikelnummer", "Benämning", *[f"v. {wk.isocalendar()[1]}" for wk in weeks]]]
        rows += [[ln.code, ln.text, *[o.q(ln.qty * (i + 1)) for i in range(4)]] for ln in o.lines]
        text = "\n".join([
            "Hej,", "", f"Här kommer vår rullande prognos ({o.number}). Observera att prognosen inte är bindande "
            "och inte ska ses som en beställning; avrop sker separat.", "", *text_table(rows, 2), "",
            "Med vänlig hälsning", o.person, o.buyer,
        ])  # fmt: skip
        msg = mailer(o, name, f"Rullande prognos {o.number}", text=text)
        m.mail(f"eml/{name}.eml", msg, OTHER, "sv", "not-order-sv-prognos-mail")


@family("not-order-zh-baojiadan-canvas", "reportlab-canvas-cjk-quotation")
def no_zh_quote(m: Maker) -> None:
    """报价单: a mould maker's quotation to us, prices with tax, valid for 30 days."""
    for k in range(4):
        name = f"no-zh-bjd-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"BJ{r.randrange(20261100, 20261199)}", k=k)
        from_supplier(o, "东莞长安华丰模具厂", "广东省东莞市长安镇锦厦河东路18号", "何经理")
        pairs = [
            ("报价单号", o.number),
            ("报价日期", o.d(o.ordered)),
            ("有效期至", o.d(o.due)),
            ("交期", "收到订单后25天"),
        ]
        canvas_order(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                     creator="金蝶KIS", title="报价单", pairs=pairs, party_label="客户",
                     notes=["以上报价含13%增值税，有效期30天。如确认请回传采购订单。"])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "zh", "not-order-zh-baojiadan-canvas")
