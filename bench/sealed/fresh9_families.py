"""The ninth fresh batch of sealed families ("fresh9"): kept blind for the closing measurement.

Written by someone who has read neither the extractor, its vocabulary nor the tuned corpus, and who
has never run the extractor on these documents. Self-contained: its own buyers, goods, wording, order
data and low-level writers (a reportlab canvas page, fpdf2, openpyxl, python-docx, flat ODT, MIME
messages and Pillow scans); nothing is borrowed from the batches before it. Every golden value comes
from the order this module drew and printed, never from what a reader makes of the document.

It is built around the failures an order desk sees on real purchase orders:

- labels and values apart: an SAP-style window letter whose facts sit in a label column and a value
  column, ``PO number/date  4500… / 18.11.2026`` in one cell, values on the line below their label,
  a header band of labels above a boxed table, an Oracle grid of boxes;
- figures: units stuck to quantities (``2.500/UD``, ``510/EA``), prices per 1,000 (``PER M``, ``za
  1000 szt.``) and per 100, tax-inclusive prices beside tax-exclusive ones, quantities with thousands
  separators (``12 500``, ``12.500``, ``12'500``), freight and VAT under the lines;
- tables: delivery schedule sub-rows under a line, descriptions wrapped over several lines, item codes
  split over two lines, terms and conditions after the table, empty template rows, two tables on a
  page, a table continued on the next page without its header;
- numbers that are not the PO number beside it: ``Page 1 of 2``, street numbers, a PO box, phone and
  fax numbers, tax ids; revised orders (``Rev. 2``, ``Änderung 1``) keep their PO number;
- dates: ``Nov 18, 2026``, ``18/Nov/26``, ``18-NOV-26``, ``2026-11-18``, ``2026年11月18日``,
  ``令和8年11月18日``, ``115年11月18日``, ``2026. 11. 18.``, ``2026.11.18.``;
- workbooks: stacked header blocks, merged cells, the order on the second sheet, a hidden sheet of
  old orders, empty template rows;
- ERP and shop styles: SAP, Oracle, Dynamics, Sage, Odoo, AS/400 green-bar spools, a web-shop print-out;
- mail bodies in ISO-8859-2, ISO-8859-15, Shift_JIS, ISO-2022-JP, Big5, EUC-KR, windows-1254 and UTF-8,
  plain and HTML; scans rasterised by Pillow with noise and a slight turn (PDF, TIFF and JPEG);
- documents an order desk receives that are not orders: an acknowledgement from a supplier, an
  invoice, a packing list, a quotation, a request for quotation, a statement of account, a shipping
  notice, a remittance advice and a forecast.

Languages: English (US, UK), German, simplified and traditional Chinese, Japanese, Korean, French,
Italian, Spanish, Portuguese (Brazil), Polish, Dutch, Swedish, Czech, Turkish and Hungarian.

Called from ``generate.build()`` (``build_fresh9``). Orders are dated 13 to 20 November 2026 (the
bench's "today" is 22 November 2026), deliveries weeks later, and a day-month date is never
ambiguous (the day is past the 12th).

Golden values: ``unit_price`` and ``amount`` per unit of the printed quantity, tax-exclusive (a price
per 1,000 or per 100 is divided down); ``total`` is what the document calls its total (the lines,
plus freight and VAT when the document adds them); schedule sub-rows are not lines (the line's
``delivery_date`` is its first scheduled date); images ask for review (``needs_review: true``); a
mail whose order is in its body says ``source: body``.
"""

from __future__ import annotations

import base64
import io
import quopri
import random
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any, Callable

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ZH = "示例制造有限公司"
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"JPY", "HUF", "KRW"}  # these buyers print money without decimals
FIXED = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)  # every file's own time stamp
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
CJK = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ----------------------------------------------------------------------------- wording

KEYS = "title no date due vendor item desc qty unit price amount net vat total pay buyer ship freight page per".split()
LABELS = {
    "en": "PURCHASE ORDER|PO Number|PO Date|Delivery Date|Vendor|Part No.|Description|Quantity|UoM|Unit Price|"
    "Ext. Price|Subtotal|Tax|Order Total|Terms|Buyer|Ship To|Freight|Page|Per",
    "de": "BESTELLUNG|Bestellnummer|Bestelldatum|Liefertermin|Lieferant|Materialnr.|Kurztext|Bestellmenge|Einheit|"
    "Preis|Nettowert|Summe netto|USt.|Endbetrag|Zahlungsbedingung|Einkäufer|Lieferanschrift|Fracht|Seite|pro",
    "fr": "COMMANDE D'ACHAT|Numéro de commande|Date|Date de livraison|Fournisseur|Code article|Libellé|Quantité|"
    "U.|P.U. HT|Montant HT|Total HT|TVA|Net à payer TTC|Règlement|Acheteur|Adresse de livraison|Port|Page|pour",
    "it": "ORDINE FORNITORE|N. ordine|Data ordine|Consegna richiesta|Spett.le fornitore|Articolo|Descrizione|"
    "Quantità|UM|Prezzo|Importo|Totale imponibile|IVA|Totale ordine|Pagamento|Buyer|Destinazione merce|Trasporto|"
    "Pag.|per",
    "es": "PEDIDO DE COMPRA|Pedido nº|Fecha pedido|Fecha entrega|Proveedor|Referencia|Concepto|Cant.|Ud.|Precio|"
    "Importe|Base imponible|IVA|Total pedido|Forma de pago|Comprador|Dirección de entrega|Portes|Página|por",
    "pt": "PEDIDO DE COMPRA|Nº do pedido|Data de emissão|Data de entrega|Fornecedor|Código|Descrição do material|"
    "Qtde.|Un.|Valor unitário|Valor total|Total dos produtos|IPI|Valor total do pedido|Condição de pagamento|"
    "Comprador|Local de entrega|Frete|Página|por",
    "nl": "BESTELBON|Bestelnummer|Besteldatum|Gewenste leverdatum|Leverancier|Artikelnr.|Artikelomschrijving|Aantal|"
    "Eenheid|Stuksprijs|Regelbedrag|Totaal excl. btw|Btw|Totaal incl. btw|Betaaltermijn|Inkoper|Afleveradres|"
    "Vracht|Pagina|per",
    "pl": "ZAMÓWIENIE ZAKUPU|Numer zamówienia|Data wystawienia|Data dostawy|Dostawca|Kod towaru|Nazwa|Ilość|Jedn.|"
    "Cena jedn.|Wartość|Suma netto|VAT|Do zapłaty brutto|Termin płatności|Zaopatrzeniowiec|Adres dostawy|"
    "Transport|Strona|za",
    "cs": "NÁKUPNÍ OBJEDNÁVKA|Objednávka č.|Datum vystavení|Požadované dodání|Dodavatel|Katalogové č.|Popis|Počet|"
    "Jedn.|Jedn. cena|Cena celkem|Celkem bez DPH|DPH|Celkem s DPH|Splatnost|Vyřizuje|Místo určení|Doprava|Strana|za",
    "sv": "BESTÄLLNING|Beställningsnr|Beställningsdatum|Önskad leverans|Leverantör|Art.nr|Text|Kvantitet|Enh|Pris|"
    "Summa|Netto|Moms|Totalt|Betalningsvillkor|Vår referens|Godsmärkning/leveransadress|Frakt|Sida|per",
    "tr": "SATIN ALMA SİPARİŞ FORMU|Sipariş Numarası|Düzenleme Tarihi|Termin|Firma|Malzeme Kodu|Malzeme Açıklaması|"
    "Sipariş Miktarı|Ölçü Birimi|Birim Fiyatı|Toplam Tutar|Mal Hizmet Toplamı|KDV|Vergiler Dahil Toplam|"
    "Vade|Satın Alma Sorumlusu|Sevk Adresi|Nakliye|Sayfa|başına",
    "hu": "BESZERZÉSI MEGRENDELŐ|Rendelésszám|Rendelés dátuma|Kért szállítási nap|Szállító neve|Anyagkód|"
    "Megnevezés|Rendelt mennyiség|ME|Nettó egységár|Nettó összeg|Nettó összesen|ÁFA|Fizetendő bruttó|"
    "Fizetési mód|Beszerző|Szállítási cím|Fuvardíj|Oldal|per",
    "zh": "采购订单|采购单号|下单日期|要求到货日期|供货单位|存货编码|存货名称及规格|采购数量|计量单位|无税单价|"
    "无税金额|合计(不含税)|税额|价税合计|结算方式|采购员|收货地址|运费|页|每",
    "zh-Hant": "訂購單|訂單編號|訂購日期|預交日期|供應商|品號|品名/規格|訂購數量|單位|未稅單價|未稅金額|"
    "未稅合計|稅額|總計|付款方式|採購員|送貨地址|運費|頁|每",
    "ja": "発注書|発注番号|発注日|希望納期|発注先|品目コード|品名・仕様|発注数|単位|単価|金額|税抜合計|消費税|"
    "税込合計|支払条件|発注担当|納品場所|運賃|頁|当り",
    "ko": "발주서|발주번호|발주일자|납기일자|공급업체|품목코드|품명 및 규격|발주수량|단위|단가|공급가액|"
    "공급가액 합계|부가세|합계금액|결제조건|구매담당|납품장소|운임|페이지|당",
}
LAB = {k: dict(zip(KEYS, v.split("|"), strict=True)) for k, v in LABELS.items()}

# goods: stem, base price in USD per piece, quantities drawn
GOODS: list[tuple[str, Decimal, tuple[int, ...]]] = [
    ("HSG", Decimal("4.85"), (200, 500, 800, 1200)),
    ("SCR", Decimal("0.046"), (5000, 10000, 25000, 40000)),
    ("GSK", Decimal("0.62"), (1000, 2000, 3000, 6000)),
    ("WHN", Decimal("3.40"), (250, 500, 1000, 1500)),
    ("CVR", Decimal("1.18"), (1000, 2500, 4000, 12500)),
    ("TRF", Decimal("14.20"), (50, 100, 150, 300)),
    ("EXT", Decimal("6.75"), (100, 200, 400, 600)),
    ("LBL", Decimal("9.60"), (20, 40, 60, 120)),
]
GOODS_TEXT = {
    "en": "Sensor housing die-cast aluminium ADC12, machined, powder-coated RAL 7035|Socket head cap screw M5x16 "
    "A2-70 DIN 912|Silicone gasket 80x60x3 mm 60 Shore A|Wire harness 12-pole 450 mm with JST connector|"
    "Injection-moulded cover PC/ABS light grey|Transformer 230V/24V 60VA|Aluminium profile 40x40 cut to 600 mm|"
    "Polyester label roll 50x25 mm, 1000 labels per roll",
    "de": "Sensorgehäuse Alu-Druckguss ADC12, bearbeitet, pulverbeschichtet RAL 7035|Zylinderschraube M5x16 A2-70 "
    "DIN 912|Silikondichtung 80x60x3 mm 60 Shore A|Kabelbaum 12-polig 450 mm mit JST-Stecker|"
    "Abdeckung Spritzguss PC/ABS lichtgrau|Trafo 230V/24V 60VA|Alu-Profil 40x40 auf 600 mm abgelängt|"
    "Etikettenrolle Polyester 50x25 mm, 1000 Etiketten je Rolle",
    "fr": "Boîtier capteur fonderie alu ADC12, usiné, peinture poudre RAL 7035|Vis CHC M5x16 A2-70 DIN 912|"
    "Joint silicone 80x60x3 mm 60 Shore A|Faisceau 12 voies 450 mm avec connecteur JST|"
    "Capot injecté PC/ABS gris clair|Transformateur 230V/24V 60VA|Profilé alu 40x40 coupé à 600 mm|"
    "Rouleau d'étiquettes polyester 50x25 mm, 1000 étiquettes",
    "it": "Corpo sensore pressofuso alluminio ADC12, lavorato, verniciato a polvere RAL 7035|Vite TCEI M5x16 "
    "A2-70 DIN 912|Guarnizione silicone 80x60x3 mm 60 Shore A|Cablaggio 12 poli 450 mm con connettore JST|"
    "Coperchio stampato PC/ABS grigio chiaro|Trasformatore 230V/24V 60VA|Profilo alluminio 40x40 tagliato a 600 mm|"
    "Rotolo etichette poliestere 50x25 mm, 1000 etichette",
    "es": "Carcasa de sensor inyectada aluminio ADC12, mecanizada, pintada en polvo RAL 7035|Tornillo Allen M5x16 "
    "A2-70 DIN 912|Junta de silicona 80x60x3 mm 60 Shore A|Mazo de cables 12 vías 450 mm con conector JST|"
    "Tapa inyectada PC/ABS gris claro|Transformador 230V/24V 60VA|Perfil de aluminio 40x40 cortado a 600 mm|"
    "Rollo de etiquetas poliéster 50x25 mm, 1000 etiquetas",
    "pt": "Carcaça de sensor em alumínio injetado ADC12, usinada, pintura epóxi RAL 7035|Parafuso Allen M5x16 "
    "A2-70 DIN 912|Junta de silicone 80x60x3 mm 60 Shore A|Chicote elétrico 12 vias 450 mm com conector JST|"
    "Tampa injetada PC/ABS cinza claro|Transformador 230V/24V 60VA|Perfil de alumínio 40x40 cortado em 600 mm|"
    "Rolo de etiquetas poliéster 50x25 mm, 1000 etiquetas",
    "nl": "Sensorbehuizing aluminium spuitgiet ADC12, nabewerkt, poedergecoat RAL 7035|Cilinderkopschroef M5x16 "
    "A2-70 DIN 912|Siliconen pakking 80x60x3 mm 60 Shore A|Kabelboom 12-polig 450 mm met JST-connector|"
    "Spuitgegoten kap PC/ABS lichtgrijs|Transformator 230V/24V 60VA|Aluminium profiel 40x40 op 600 mm gezaagd|"
    "Etiketrol polyester 50x25 mm, 1000 etiketten per rol",
    "pl": "Obudowa czujnika odlew aluminiowy ADC12, obrobiona, malowana proszkowo RAL 7035|Śruba imbusowa M5x16 "
    "A2-70 DIN 912|Uszczelka silikonowa 80x60x3 mm 60 Shore A|Wiązka przewodów 12-pin 450 mm ze złączem JST|"
    "Pokrywa wtryskowa PC/ABS jasnoszara|Transformator 230V/24V 60VA|Profil aluminiowy 40x40 cięty na 600 mm|"
    "Rolka etykiet poliestrowych 50x25 mm, 1000 etykiet",
    "cs": "Pouzdro senzoru hliníkový odlitek ADC12, obrobené, práškově lakované RAL 7035|Šroub s válcovou hlavou "
    "M5x16 A2-70 DIN 912|Silikonové těsnění 80x60x3 mm 60 Shore A|Kabelový svazek 12pólový 450 mm s konektorem JST|"
    "Kryt vstřikovaný PC/ABS světle šedý|Transformátor 230V/24V 60VA|Hliníkový profil 40x40 řezaný na 600 mm|"
    "Role polyesterových etiket 50x25 mm, 1000 etiket",
    "sv": "Sensorhus pressgjuten aluminium ADC12, bearbetat, pulverlackerat RAL 7035|Insexskruv M5x16 A2-70 DIN 912|"
    "Silikonpackning 80x60x3 mm 60 Shore A|Kabelstam 12-polig 450 mm med JST-kontakt|"
    "Formsprutat lock PC/ABS ljusgrå|Transformator 230V/24V 60VA|Aluminiumprofil 40x40 kapad till 600 mm|"
    "Etikettrulle polyester 50x25 mm, 1000 etiketter per rulle",
    "tr": "Sensör gövdesi alüminyum döküm ADC12, işlenmiş, toz boyalı RAL 7035|İmbus cıvata M5x16 A2-70 DIN 912|"
    "Silikon conta 80x60x3 mm 60 Shore A|Kablo demeti 12 pin 450 mm JST konnektörlü|"
    "Enjeksiyon kapak PC/ABS açık gri|Trafo 230V/24V 60VA|Alüminyum profil 40x40 600 mm kesilmiş|"
    "Polyester etiket rulosu 50x25 mm, 1000 etiket",
    "hu": "Érzékelőház alumínium nyomásos öntvény ADC12, megmunkált, porfestett RAL 7035|Imbuszcsavar M5x16 "
    "A2-70 DIN 912|Szilikon tömítés 80x60x3 mm 60 Shore A|Kábelköteg 12 pólusú 450 mm JST csatlakozóval|"
    "Fröccsöntött fedél PC/ABS világosszürke|Transzformátor 230V/24V 60VA|Alumínium profil 40x40 600 mm-re vágva|"
    "Poliészter címketekercs 50x25 mm, 1000 címke",
    "zh": "传感器外壳 ADC12铝压铸 机加工 喷粉RAL7035|内六角圆柱头螺钉 M5x16 A2-70 DIN912|硅胶密封垫 80x60x3mm 60度|"
    "12芯线束 450mm 带JST端子|注塑盖板 PC/ABS 浅灰|变压器 230V/24V 60VA|铝型材 40x40 切长600mm|"
    "聚酯标签卷 50x25mm 每卷1000张",
    "zh-Hant": "感測器外殼 ADC12鋁壓鑄 加工 粉體塗裝RAL7035|內六角螺絲 M5x16 A2-70 DIN912|矽膠墊片 80x60x3mm 60度|"
    "12芯線束 450mm 附JST端子|射出上蓋 PC/ABS 淺灰|變壓器 230V/24V 60VA|鋁擠型 40x40 裁切600mm|"
    "聚酯標籤捲 50x25mm 每捲1000張",
    "ja": "センサーハウジング ADC12アルミダイカスト 加工済 粉体塗装RAL7035|六角穴付ボルト M5x16 A2-70 DIN912|"
    "シリコンガスケット 80x60x3mm 硬度60|ワイヤーハーネス 12極 450mm JSTコネクタ付|成形カバー PC/ABS ライトグレー|"
    "トランス 230V/24V 60VA|アルミフレーム 40x40 600mm切断|ポリエステルラベル 50x25mm 1000枚巻",
    "ko": "센서 하우징 알루미늄 다이캐스팅 ADC12 가공 분체도장 RAL7035|육각렌치볼트 M5x16 A2-70 DIN912|"
    "실리콘 가스켓 80x60x3mm 60 Shore A|와이어 하네스 12핀 450mm JST 커넥터|사출 커버 PC/ABS 라이트그레이|"
    "변압기 230V/24V 60VA|알루미늄 프로파일 40x40 600mm 절단|폴리에스터 라벨 롤 50x25mm 1000매",
}
FX = {
    "USD": "1", "GBP": "0.79", "EUR": "0.92", "CNY": "7.2", "TWD": "32", "JPY": "150", "KRW": "1380",
    "PLN": "4.0", "CZK": "23", "SEK": "10.6", "HUF": "365", "TRY": "34", "BRL": "5.6",
}  # fmt: skip


@dataclass
class Loc:
    words: str  # key of LAB and GOODS_TEXT
    lang: str  # the golden file's language
    nums: str  # style of ``num``
    dates: str  # style of ``day``
    vat: str  # VAT rate, %
    unit: str  # pieces, as these buyers write them
    pay: str
    buyers: list[tuple[str, str, str, str, str]]  # company, address, person, mail domain, phone


LOCS: dict[str, Loc] = {
    "en-US": Loc("en", "en", "en", "us", "0", "EA", "Net 30", [
        ("Cedar Rapids Instrument Works, Inc.", "2150 Blairs Ferry Rd NE, Cedar Rapids, IA 52402", "Marcy Lindgren",
         "crinstrument.example", "+1 319 555 0187"),
        ("Tidewater Pump Systems LLC", "7700 Jefferson Ave, Newport News, VA 23605", "Dwayne Coker",
         "tidewaterpump.example", "+1 757 555 0142"),
    ]),
    "en-GB": Loc("en", "en", "en", "uk", "20", "EACH", "30 days net", [
        ("Humberside Fluid Controls Ltd", "Unit 14, Saxon Way, Hessle HU13 9PB", "Gemma Holroyd",
         "humbersidefluid.example", "01482 555 310"),
        ("Cotswold Lighting Engineering Ltd", "4 Love Lane, Cirencester GL7 1YG", "Rupert Ashworth",
         "cotswoldlighting.example", "01285 555 716"),
    ]),
    "de": Loc("de", "de", "eu", "dot", "19", "ST", "30 Tage netto", [
        ("Oberpfälzer Antriebstechnik GmbH", "Regensburger Straße 212, 92224 Amberg", "Kathrin Weidinger",
         "opf-antrieb.example", "+49 9621 555 4410"),
        ("Siegerländer Elektrobau GmbH & Co. KG", "Hüttenstraße 7, 57072 Siegen", "Dirk Schmelzer",
         "siegerlaender-eb.example", "+49 271 555 8830"),
    ]),
    "fr": Loc("fr", "fr", "space", "slash", "20", "PCE", "45 jours fin de mois", [
        ("Fonderie et Mécanique du Vercors SAS", "12 avenue de l'Isère, 38160 Saint-Marcellin", "Sandrine Roux",
         "fmvercors.example", "+33 4 76 55 12 90"),
        ("Automatismes Picards SARL", "ZA de la Vallée, 80090 Amiens", "Thierry Delaporte",
         "autopicards.example", "+33 3 22 55 47 10"),
    ]),
    "it": Loc("it", "it", "eu", "slash", "22", "NR", "Ri.Ba. 90 gg f.m.", [
        ("Officine Meccaniche del Canavese S.r.l.", "Via Torino 148, 10015 Ivrea (TO)", "Federica Gilardi",
         "omcanavese.example", "+39 0125 555 731"),
        ("Quadri Elettrici Romagnoli S.p.A.", "Via Emilia Ponente 880, 47522 Cesena (FC)", "Stefano Pollini",
         "qeromagnoli.example", "+39 0547 555 208"),
    ]),
    "es": Loc("es", "es", "eu", "slash", "21", "UD", "Transferencia a 60 días", [
        ("Estampaciones Metálicas del Ebro S.L.", "Polígono Malpica, calle E 14, 50016 Zaragoza",
         "Ainhoa Lasheras", "emebro.example", "+34 976 555 402"),
        ("Iluminación Levantina S.A.", "Avda. de la Industria 33, 46980 Paterna (Valencia)", "Vicent Ferrer",
         "ilevantina.example", "+34 961 555 870"),
    ]),
    "pt": Loc("pt", "pt", "eu", "slash", "5", "PC", "28 DDL", [
        ("Metalúrgica Alto Vale Blumenau Ltda.", "Rua Dr. Pedro Zimmermann 1020, Blumenau - SC, 89068-000",
         "Cristiane Hoffmann", "metalvale.example", "+55 47 5555 3120"),
        ("Eletroferragens Campinas Ltda.", "Av. John Boyd Dunlop 3900, Campinas - SP, 13060-904",
         "Rodrigo Tavares", "eletrocampinas.example", "+55 19 5555 8644"),
    ]),
    "nl": Loc("nl", "nl", "eu", "dash", "21", "ST", "30 dagen netto", [
        ("Twentse Machinefabriek Hengelo B.V.", "Industriestraat 51, 7553 CM Hengelo", "Marloes ter Horst",
         "tmfhengelo.example", "+31 74 555 2180"),
        ("Limburgse Paneelbouw B.V.", "Celsiusweg 9, 5928 PR Venlo", "Jeroen Peeters", "lpaneelbouw.example",
         "+31 77 555 9013"),
    ]),
    "pl": Loc("pl", "pl", "space", "dot", "23", "szt.", "przelew 45 dni", [
        ("Podkarpackie Zakłady Metalowe Sp. z o.o.", "ul. Przemysłowa 18, 35-105 Rzeszów", "Magdalena Wróbel",
         "pzmetal.example", "+48 17 555 21 40"),
        ("Pomorska Elektrotechnika S.A.", "ul. Łużycka 8, 81-537 Gdynia", "Tomasz Kaczmarek",
         "pomelektro.example", "+48 58 555 76 02"),
    ]),
    "cs": Loc("cs", "cs", "space", "dot", "21", "ks", "14 dní", [
        ("Horácké strojírny Třebíč s.r.o.", "Jihlavská 1557/41, 674 01 Třebíč", "Zuzana Horáková",
         "strojvysocina.example", "+420 568 555 312"),
        ("Elektro Slezsko a.s.", "Těšínská 2910/112, 710 00 Ostrava", "Martin Kopecký", "elslezsko.example",
         "+420 596 555 047"),
    ]),
    "sv": Loc("sv", "sv", "space", "iso", "25", "st", "30 dagar netto", [
        ("Bergslagens Hydraulik AB", "Bruksgatan 21, 691 31 Karlskoga", "Karin Sjöberg", "bergshydraulik.example",
         "+46 586 555 120"),
        ("Gävle Elkomponent AB", "Atlasgatan 4, 802 67 Gävle", "Anders Nyström", "gavleelkomp.example",
         "+46 26 555 804"),
    ]),
    "tr": Loc("tr", "tr", "eu", "dot", "20", "ADET", "45 gün", [
        ("Ege Elektromekanik San. ve Tic. A.Ş.", "Atatürk OSB 10002 Sk. No:14, 35620 Çiğli/İzmir", "Seda Yıldırım",
         "egeelektro.example", "+90 232 555 3412"),
        ("Anadolu Hassas Döküm Ltd. Şti.", "Sincan OSB 2. Cd. No:31, 06935 Sincan/Ankara", "Hakan Özdemir",
         "anadoluhassas.example", "+90 312 555 7781"),
    ]),
    "hu": Loc("hu", "hu", "space", "hu", "27", "db", "átutalás 30 nap", [
        ("Észak-Magyarországi Gépgyár Kft.", "Sajó utca 5, 3527 Miskolc", "Varga Eszter", "emgepgyar.example",
         "+36 46 555 218"),
        ("Pannon Kapcsolóberendezés Zrt.", "Szombathelyi út 40, 9027 Győr", "Horváth Balázs", "pannonkapcs.example",
         "+36 96 555 730"),
    ]),
    "zh": Loc("zh", "zh", "en", "zh", "13", "PCS", "月结60天", [
        ("宁波北仑精工机械有限公司", "浙江省宁波市北仑区长江路1188号", "陈晓燕", "nbjinggong.example", "0574-5551 2688"),
        ("青岛海湾电气设备有限公司", "山东省青岛市黄岛区江山南路459号", "王建国", "qdhaiwan.example", "0532-5558 3107"),
    ]),
    "zh-Hant": Loc("zh-Hant", "zh-Hant", "en", "roc", "5", "PCS", "月結90天", [
        ("桃園宏達精密工業股份有限公司", "桃園市龜山區文化一路58號", "張雅婷", "ty-hongda.example", "03-555-2816"),
        ("高雄港都電機有限公司", "高雄市前鎮區復興四路12號", "吳俊賢", "kh-gangdu.example", "07-555-3390"),
    ]),
    "ja": Loc("ja", "ja", "en", "ja", "10", "個", "月末締め翌月末払い", [
        ("株式会社信州メカトロニクス", "長野県松本市和田4010-8", "小林 恵子", "shinshu-mecha.example", "0263-55-4821"),
        ("北陸精機工業株式会社", "富山県高岡市二塚322-5", "山田 修", "hokuriku-seiki.example", "0766-55-1093"),
    ]),
    "ko": Loc("ko", "ko", "en", "ko", "10", "EA", "월말 마감 익월 말 현금", [
        ("(주)대경정밀", "대구광역시 달서구 성서공단로 215", "김민지", "daekyung-pm.example", "053-555-7720"),
        ("한빛전자부품(주)", "경기도 안산시 단원구 산단로 77", "이준호", "hanbit-ep.example", "031-555-4418"),
    ]),
}  # fmt: skip

# ----------------------------------------------------------------------------- dates and numbers

MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day(d: date, style: str) -> str:
    """``d`` as a buyer of that style writes it."""
    return {
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "uk": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy": f"{MON[d.month - 1]} {d.day:02d}, {d.year}",
        "d_mon_yy": f"{d.day:02d}/{MON[d.month - 1]}/{d.year % 100:02d}",
        "d_mon_yy_dash": f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year % 100:02d}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
        "iso_short": f"{d.year}-{d.month}-{d.day}",
        "hu": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "zh": f"{d.year}年{d.month}月{d.day}日",
        "roc": f"{d.year - 1911}年{d.month}月{d.day}日",
        "roc_dot": f"{d.year - 1911}.{d.month:02d}.{d.day:02d}",
        "ja": f"{d.year}年{d.month}月{d.day}日",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "ko": f"{d.year}. {d.month}. {d.day}.",
        "ko_dash": f"{d.year}-{d.month:02d}-{d.day:02d}",
        "dmy_short": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
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
    """A Decimal as the golden file writes it: no exponent, at least the cents."""
    text = format(v.normalize(), "f")
    if "." not in text or len(text.split(".")[1]) < 2:
        text = f"{v:.2f}"
    return text


def num(v: Decimal, style: str, places: int) -> str:
    """``v`` with ``places`` decimals in a buyer's style: ``en`` 1,234.50, ``eu`` 1.234,50, ``space``
    1 234,50 (a no-break space), ``ch`` 1'234.50, ``plain`` 1234.50."""
    text = f"{v:,.{places}f}"
    whole, _, frac = text.partition(".")
    sep, dec = {
        "en": (",", "."),
        "eu": (".", ","),
        "space": ("\u00a0", ","),
        "ch": ("'", "."),
        "plain": ("", "."),
        "plain_comma": ("", ","),
    }[style]
    whole = whole.replace(",", sep)
    return f"{whole}{dec}{frac}" if frac else whole


# ----------------------------------------------------------------------------- orders


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per unit of ``qty``, tax-exclusive
    amount: Decimal
    per: int = 1  # the price is printed for this many units
    when: date | None = None  # the line's own delivery date
    sched: list[tuple[date, Decimal]] = field(default_factory=list)  # delivery schedule sub-rows


@dataclass
class Order:
    """One drawn order; ``golden`` is what a correct parse says about a document printing it."""

    number: str
    buyer: str
    address: str
    person: str
    mail: str
    phone: str
    lang: str
    loc: str
    ordered: date
    due: date
    currency: str
    lines: list[Line]
    vat: Decimal = Decimal(0)  # % added by the document (0: none printed)
    freight: Decimal = Decimal(0)  # added before VAT (0: none printed)
    payment: str | None = None
    line_tax: bool = False  # VAT worked out line by line (the document prints each line's tax)

    @property
    def w(self) -> dict[str, str]:
        return LAB[LOCS[self.loc].words]

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        if self.line_tax:
            return sum((money(ln.amount * self.vat / 100, self.currency) for ln in self.lines), Decimal(0))
        return money((self.net + self.freight) * self.vat / 100, self.currency)

    @property
    def gross(self) -> Decimal:
        return self.net + self.freight + self.tax

    def n(self, v: Decimal, places: int | None = None, style: str | None = None) -> str:
        """``v`` as the buyer writes money (no decimals for yen, won and forint)."""
        if places is None:
            exp = -int(v.normalize().as_tuple().exponent)  # type: ignore[operator]
            places = 0 if self.currency in WHOLE and exp <= 0 else max(2, exp)
        return num(v, style or LOCS[self.loc].nums, places)

    def q(self, v: Decimal, style: str | None = None) -> str:
        return num(v, style or LOCS[self.loc].nums, 0)

    def d(self, v: date, style: str | None = None) -> str:
        return day(v, style or LOCS[self.loc].dates)

    def pct(self, v: Decimal) -> str:
        text = format(v.normalize(), "f")
        return text.replace(".", ",") if LOCS[self.loc].nums in ("eu", "space") else text

    def first_due(self) -> date:
        dates = [self.due] + [ln.when for ln in self.lines if ln.when] + [d for ln in self.lines for d, _ in ln.sched]
        return min(dates)

    def golden(self, *, review: bool = False, source: str | None = None, total: bool = True) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.first_due().isoformat(),
            "currency": self.currency,
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
            when = ln.when or (min(d for d, _ in ln.sched) if ln.sched else None)
            if when:
                line["delivery_date"] = when.isoformat()
            lines.append(line)
        order["lines"] = lines
        out: dict[str, Any] = {"kind": "purchase_order", "order": order}
        if review:
            out["needs_review"] = True
        if source:
            out["source"] = source
        return out


FREIGHT = (
    "12.95",
    "19.99",
    "25.00",
    "38.50",
    "45.00",
    "46.50",
    "60.00",
    "62.40",
    "75.00",
    "85.00",
    "95.00",
    "95.50",
    "120.00",
    "150.00",
    "180.00",
    "250.00",
)  # the freight charges the families draw from
OTHER: dict[str, Any] = {"kind": "other", "order": None}
NOT_AN_ORDER: dict[str, Any] = {"order": None}  # a payment advice: only "not an order" is asserted


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh9:{name}")


def digits(lo: int, hi: int, pre: str = "", post: str = "") -> Callable[[random.Random], str]:
    return lambda r: f"{pre}{r.randrange(lo, hi)}{post}"


def make_order(
    seed: int,
    name: str,
    loc: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    currency: str | None = None,
    goods: tuple[int, ...] | None = None,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``loc``, dated 13-20 November 2026."""
    r = draw(seed, name)
    info = LOCS[loc]
    company, address, person, domain, phone = info.buyers[k % len(info.buyers)]
    cur = currency or {
        "en-US": "USD", "en-GB": "GBP", "zh": "CNY", "zh-Hant": "TWD", "ja": "JPY", "ko": "KRW", "pl": "PLN",
        "cs": "CZK", "sv": "SEK", "hu": "HUF", "tr": "TRY", "pt": "BRL",
    }.get(loc, "EUR")  # fmt: skip
    ordered = date(2026, 11, 13) + timedelta(days=r.randrange(8))
    due = later(ordered, r.randrange(20, 60))
    texts = GOODS_TEXT[info.words].split("|")
    pool = list(goods) if goods else list(range(len(GOODS)))
    lines = []
    for j in sorted(r.sample(pool, min(n, len(pool)))):
        stem, base, qtys = GOODS[j]
        price = base * Decimal(FX[cur]) * Decimal(r.randrange(85, 131)) / 100
        if cur in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.0001") if price < Decimal("0.1") else Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        q = Decimal(r.choice(qtys))
        code = f"{stem}-{r.randrange(1000, 9999)}-{r.choice('ABCDEFGH')}{r.randrange(10, 99)}"
        lines.append(Line(code, texts[j], q, info.unit, price, money(q * price, cur)))
    r.shuffle(lines)
    local = person.split()[0].lower() if person.isascii() else "einkauf" if loc == "de" else "purchasing"
    local = "".join(ch for ch in local if ch.isalpha() and ch.isascii()) or "purchasing"
    return Order(number(r), company, address, person, f"{local}@{domain}", phone, info.lang, loc, ordered, due, cur,
                 lines)  # fmt: skip


def per_basis(o: Order, r: random.Random, basis: int = 1000) -> None:
    """Price the cheap lines (and now and then another) per ``basis`` units, to the cent per that many."""
    for ln in o.lines:
        if ln.price < 1 or r.random() < 0.25:
            ln.per = basis
            ln.price = (ln.price * basis).quantize(Decimal(1) if o.currency in WHOLE else CENT) / basis
            ln.amount = money(ln.qty * ln.price, o.currency)


def schedule(o: Order, r: random.Random, share: float = 0.7) -> None:
    """Split some lines' quantities over two or three delivery dates (schedule sub-rows)."""
    for ln in o.lines:
        if r.random() < share:
            parts = r.choice([2, 2, 3])
            first = later(o.ordered, r.randrange(18, 30))
            dates = [first]
            for _ in range(parts - 1):
                dates.append(later(dates[-1], r.choice([14, 21, 28])))
            step = (ln.qty / parts).quantize(Decimal(1))
            qtys = [step] * (parts - 1) + [ln.qty - step * (parts - 1)]
            ln.sched = list(zip(dates, qtys))
    if all(ln.sched for ln in o.lines):  # no date of the order's own is printed: its first delivery is
        o.due = min(d for ln in o.lines for d, _ in ln.sched)


def with_dates(o: Order, r: random.Random) -> None:
    """A delivery date on each line."""
    for ln in o.lines:
        ln.when = later(o.ordered, r.randrange(20, 50))
    o.due = min(ln.when for ln in o.lines if ln.when)  # the order's date, where one is printed, is its first


def basis_price(price: Decimal, per: int) -> Decimal:
    v = (price * per).normalize()
    return v.quantize(CENT) if -int(v.as_tuple().exponent) < 2 else v  # type: ignore[operator]


def sums(o: Order, *, freight: bool = True) -> list[tuple[str, str]]:
    w = o.w
    rows = [(w["net"], o.n(o.net))]
    if freight and o.freight:
        rows.append((w["freight"], o.n(o.freight)))
    if o.vat:
        rows.append((f"{w['vat']} {o.pct(o.vat)}%", o.n(o.tax)))
    rows.append((w["total"], o.n(o.gross)))
    return rows


def facts(o: Order, *, style: str | None = None) -> list[tuple[str, str]]:
    w = o.w
    pairs = [(w["no"], o.number), (w["date"], o.d(o.ordered, style)), (w["due"], o.d(o.due, style)),
             (w["buyer"], o.person)]  # fmt: skip
    if o.payment:
        pairs.append((w["pay"], o.payment))
    return pairs


def grid(
    o: Order, cols: list[str], *, heads: dict[str, str] | None = None, style: str | None = None
) -> list[list[str]]:
    """A header row and a row a line. Columns: ``pos``, ``item``, ``desc``, ``qty``, ``unit``, ``qtyu``
    (quantity and unit in one cell, ``510 EA``), ``qtyslash`` (``510/EA``), ``price`` (per ``per``
    units when a ``per`` column is there), ``per``, ``priceslash`` (``1,25/UD``), ``gprice`` (the
    unit price with VAT), ``amount``, ``gamount`` (the amount with VAT), ``when``, ``vat``."""
    w = o.w
    label = {"pos": "#", "qtyu": w["qty"], "qtyslash": w["qty"], "priceslash": w["price"], "when": w["due"],
             "gprice": w["price"] + " (+" + w["vat"] + ")", "gamount": w["amount"] + " (+" + w["vat"] + ")",
             **w, **(heads or {})}  # fmt: skip
    rows = [[label[c] for c in cols]]
    for j, ln in enumerate(o.lines, 1):
        per = ln.per if "per" in cols else 1
        gross = money(ln.price * (100 + o.vat) / 100, o.currency) if ln.price >= 1 else (
            ln.price * (100 + o.vat) / 100).quantize(Decimal("0.0001"), ROUND_HALF_UP)  # fmt: skip
        cell = {
            "pos": str(j),
            "item": ln.code,
            "desc": ln.text,
            "qty": o.q(ln.qty),
            "unit": ln.unit,
            "qtyu": f"{o.q(ln.qty)} {ln.unit}",
            "qtyslash": f"{o.q(ln.qty)}/{ln.unit}",
            "price": o.n(basis_price(ln.price, per)),
            "per": f"{per} {ln.unit}" if per > 1 else f"1 {ln.unit}",
            "priceslash": f"{o.n(basis_price(ln.price, 1))}/{ln.unit}",
            "gprice": o.n(gross),
            "amount": o.n(ln.amount),
            "gamount": o.n(ln.amount + money(ln.amount * o.vat / 100, o.currency)),
            "when": o.d(ln.when or o.due, style),
            "vat": f"{o.pct(o.vat)}%",
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
        o.payment = LOCS[loc].pay
        return o

    def r(self, name: str) -> random.Random:
        return draw(self.seed, name + ":layout")

    @staticmethod
    def named(rel: str) -> str:
        """``rel`` with its file name marked as this batch's (``pdf/f9-…``): every batch writes into
        the same folders, and a name an earlier batch also uses would overwrite its document."""
        folder, _, name = rel.rpartition("/")
        return f"{folder}/f9-{name}"

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

    def src(self, name: str) -> Path:
        """A file LibreOffice converts: its stem is the document's final name."""
        return self.work / f"f9-{name}"


def build_fresh9(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


# ----------------------------------------------------------------------------- writers: reportlab canvas

_FONTS: dict[str, str] = {}


def _fonts() -> dict[str, str]:
    """Register the fonts once: sans, bold, mono, serif and a CJK font (Chinese, Japanese, Korean)."""
    if not _FONTS:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for key, path in (("sans", SANS), ("bold", BOLD), ("mono", MONO), ("serif", SERIF)):
            pdfmetrics.registerFont(TTFont(f"F9-{key}", path))
            _FONTS[key] = f"F9-{key}"
        pdfmetrics.registerFont(TTFont("F9-cjk", CJK, subfontIndex=0))
        _FONTS["cjk"] = "F9-cjk"
    return _FONTS


CJK_LOCS = {"zh", "zh-Hant", "ja", "ko"}


class Page:
    """A reportlab canvas addressed from the top left, byte-stable (``invariant``)."""

    def __init__(self, path: Path, *, cjk: bool = False, mono: bool = False, size: Any = None, creator: str = "",
                 title: str = "") -> None:  # fmt: skip
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        f = _fonts()
        self.regular = f["cjk"] if cjk else f["mono"] if mono else f["sans"]
        self.bold = f["cjk"] if cjk else f["mono"] if mono else f["bold"]
        self.width, self.height = size or A4
        self.c = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        self.c.setCreator(creator)
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.page = 1

    def text(self, x: float, y: float, s: str, size: float = 9, *, bold: bool = False, align: str = "left",
             font: str | None = None) -> None:  # fmt: skip
        self.c.setFont(font or (self.bold if bold else self.regular), size)
        yy = self.height - y
        if align == "right":
            self.c.drawRightString(x, yy, s)
        elif align == "center":
            self.c.drawCentredString(x, yy, s)
        else:
            self.c.drawString(x, yy, s)

    def width_of(self, s: str, size: float, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(s, self.bold if bold else self.regular, size)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x1, self.height - y1, x2, self.height - y2)

    def box(self, x: float, y: float, w: float, h: float, *, fill: tuple[float, float, float] | None = None,
            stroke: bool = True, width: float = 0.6) -> None:  # fmt: skip
        self.c.setLineWidth(width)
        if fill:
            self.c.setFillColorRGB(*fill)
        self.c.rect(x, self.height - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
        self.c.setFillColorRGB(0, 0, 0)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (at spaces; CJK anywhere)."""
        if "\n" in text:
            return [s for part in text.split("\n") for s in self.wrap(part, width, size, bold)]
        out: list[str] = []
        words = list(text) if any(ord(ch) > 0x2E80 for ch in text) and " " not in text else text.split(" ")
        joiner = "" if len(words) == len(text) else " "
        cur = ""
        for wd in words:
            cand = f"{cur}{joiner}{wd}" if cur else wd
            if self.width_of(cand, size, bold) <= width or not cur:
                cur = cand
            else:
                out.append(cur)
                cur = wd
        if cur:
            out.append(cur)
        return out or [""]

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def page_for(path: Path, o: Order, creator: str, **kw: Any) -> Page:
    return Page(path, cjk=o.loc in CJK_LOCS, creator=creator, title=f"{o.w['title']} {o.number}", **kw)


def table(
    p: Page,
    y: float,
    rows: list[list[str]],
    widths: list[float],
    *,
    x0: float = 36,
    size: float = 7.8,
    right: set[int] | None = None,
    boxed: bool = True,
    head_fill: tuple[float, float, float] | None = (0.85, 0.85, 0.85),
    sub: dict[int, list[str]] | None = None,
    bottom: float = 70,
    on_break: Callable[[Page], float] | None = None,
    head_again: bool = True,
) -> float:
    """Rows on the canvas, cells wrapped to their widths; ``sub`` holds, per data row, sub-rows
    printed under it (a schedule). A new page when the page is full: ``on_break`` draws its top,
    and the header row is printed again unless ``head_again`` is false. Returns the ``y`` under it."""
    right = right if right is not None else set(range(3, len(widths)))
    lead = size + 2.4
    total = sum(widths)

    def row(y: float, cells: list[str], bold: bool, fill: tuple[float, float, float] | None) -> float:
        wrapped = [p.wrap(c, wd - 5, size, bold) for c, wd in zip(cells, widths)]
        h = max(len(c) for c in wrapped) * lead + 4
        if fill:
            p.box(x0, y, total, h, fill=fill, stroke=boxed)
        x = x0
        for i, (lines, wd) in enumerate(zip(wrapped, widths)):
            for t, s in enumerate(lines):
                if i in right and not bold:
                    p.text(x + wd - 2.5, y + size + 1.5 + t * lead, s, size, align="right")
                else:
                    p.text(x + 2.5, y + size + 1.5 + t * lead, s, size, bold=bold)
            if boxed:
                p.line(x, y, x, y + h, 0.4)
            x += wd
        if boxed:
            p.line(x, y, x, y + h, 0.4)
            p.line(x0, y + h, x0 + total, y + h, 0.4)
            p.line(x0, y, x0 + total, y, 0.4)
        return y + h

    y = row(y, rows[0], True, head_fill)
    for k, cells in enumerate(rows[1:], 1):
        need = (max(len(p.wrap(c, wd - 5, size)) for c, wd in zip(cells, widths)) + len((sub or {}).get(k, []))) * lead
        if y + need + 8 > p.height - bottom:
            p.new_page()
            y = on_break(p) if on_break else 50
            if head_again:
                y = row(y, rows[0], True, head_fill)
        y = row(y, cells, False, None)
        for s in (sub or {}).get(k, []):
            p.text(x0 + widths[0] + 8, y + size + 1, s, size - 0.6)
            y += lead
    return y


def sums_block(p: Page, y: float, pairs: list[tuple[str, str]], *, x: float | None = None, size: float = 8.5,
               gap: float = 120) -> float:  # fmt: skip
    x = p.width - 36 - gap if x is None else x
    for k, (label, value) in enumerate(pairs):
        last = k == len(pairs) - 1
        p.text(x, y, label, size, bold=last, align="right")
        p.text(x + gap, y, value, size, bold=last, align="right")
        y += size + 5
    return y


def paragraph(p: Page, y: float, text: str, *, x: float = 36, size: float = 7.2, width: float | None = None) -> float:
    for s in p.wrap(text, width or p.width - 2 * x, size):
        p.text(x, y, s, size)
        y += size + 2.6
    return y


def widths_for(p: Page, rows: list[list[str]], total: float, flex: int, size: float, cap: float = 120) -> list[float]:
    """Columns as wide as their widest cell (capped), the ``flex`` column taking the rest."""
    widths = [
        min(cap, max(p.width_of(r[i], size, k == 0) for k, r in enumerate(rows)) + 9) for i in range(len(rows[0]))
    ]
    widths[flex] = max(70.0, total - sum(wd for i, wd in enumerate(widths) if i != flex))
    return widths


# ----------------------------------------------------------------------------- writers: fpdf2


def fpdf_doc(*, landscape: bool = False, creator: str = "") -> Any:
    from fpdf import FPDF

    pdf = FPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_creator(creator)
    pdf.set_producer("fpdf2")
    pdf.add_font("f9", "", SANS)
    pdf.add_font("f9", "B", BOLD)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(14, 14, 14)
    return pdf


def fpdf_rows(pdf: Any, rows: list[list[str]], widths: list[float], *, right_from: int = 3, h: float = 5.2,
              border: Any = 1, fill_head: bool = True, size: float = 8, head: bool = True) -> None:  # fmt: skip
    """A table of cells, the first row its header (unless ``head`` is false); long cells wrap
    (``multi_cell``) and the row takes their height."""
    for k, row in enumerate(rows, 0 if head else 1):
        pdf.set_font("f9", "B" if k == 0 else "", size)
        lines = [len(pdf.multi_cell(wd, h, c, dry_run=True, output="LINES")) for c, wd in zip(row, widths)]
        height = max(lines) * h
        if pdf.get_y() + height > pdf.h - 20:
            pdf.add_page()
        x, y = pdf.get_x(), pdf.get_y()
        if k == 0 and fill_head:
            pdf.set_fill_color(225, 225, 225)
        for i, (c, wd) in enumerate(zip(row, widths)):
            pdf.set_xy(x, y)
            align = "R" if i >= right_from and k else "L"
            pdf.multi_cell(wd, height / lines[i], c, border=border, align=align, fill=k == 0 and fill_head,
                           new_x="RIGHT", new_y="TOP")  # fmt: skip
            x += wd
        pdf.set_xy(pdf.l_margin, y + height)


# ----------------------------------------------------------------------------- writers: zips with fixed times


def stable_zip(path: Path) -> None:
    """Rewrite an OOXML file with fixed member times and document properties (a seed always makes
    the same bytes)."""
    with zipfile.ZipFile(path) as src:
        members = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-25T09:00:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 25, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


def xlsx_save(wb: Any, path: Path) -> None:
    wb.properties.creator = "Microsoft Excel"
    wb.properties.created = wb.properties.modified = FIXED.replace(tzinfo=None)
    wb.save(path)
    stable_zip(path)


def docx_save(doc: Any, path: Path, author: str = "") -> None:
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    doc.save(str(path))
    stable_zip(path)


# ----------------------------------------------------------------------------- writers: mail


def message(
    o: Order,
    name: str,
    subject: str,
    *,
    text: str | None = None,
    html: str | None = None,
    charset: str = "utf-8",
    agent: str | None = None,
    files: list[tuple[str, bytes, str]] | None = None,
    sender: tuple[str, str] | None = None,
    to: str = SALES,
) -> Any:
    """A message as a mail client writes it: a plain and/or HTML body in ``charset`` and attachments;
    fixed date, Message-ID and boundaries (a seed always makes the same bytes)."""
    quoted = charset.lower() in ("utf-8", "iso-8859-2", "iso-8859-15", "windows-1254", "windows-1250")

    def body(content: str, sub: str) -> MIMENonMultipart:
        raw = content.replace("\n", "\r\n").encode(charset)
        part = MIMENonMultipart("text", sub, charset=charset)
        if quoted:
            part.set_payload(quopri.encodestring(raw).decode("ascii"))
            part["Content-Transfer-Encoding"] = "quoted-printable"
        else:
            part.set_payload(base64.encodebytes(raw).decode("ascii"))
            part["Content-Transfer-Encoding"] = "base64"
        return part

    parts: list[Any] = []
    if text is not None and html is not None:
        alt = MIMEMultipart("alternative", boundary=f"----=_alt_f9_{name}")
        alt.attach(body(text, "plain"))
        alt.attach(body(html, "html"))
        parts.append(alt)
    elif html is not None:
        parts.append(body(html, "html"))
    else:
        parts.append(body(text or "", "plain"))
    for fname, data, mime in files or []:
        main_t, sub_t = mime.split("/", 1)
        att = MIMEBase(main_t, sub_t, name=fname)
        att.set_payload(data)
        from email import encoders

        encoders.encode_base64(att)
        att.add_header("Content-Disposition", "attachment", filename=fname)
        parts.append(att)
    if len(parts) == 1:
        msg = parts[0]
    else:
        msg = MIMEMultipart("mixed", boundary=f"----=_mix_f9_{name}")
        for part in parts:
            msg.attach(part)
    who, addr = sender or (o.person, o.mail)
    from email.header import Header

    msg["From"] = f"{Header(who, 'utf-8').encode() if not who.isascii() else who} <{addr}>"
    msg["To"] = to
    msg["Subject"] = Header(subject, "utf-8").encode() if not subject.isascii() else subject
    sent = datetime.combine(min(o.ordered + timedelta(days=1), date(2026, 11, 21)), datetime.min.time())
    sent = sent.replace(hour=8 + len(name) % 9, minute=(len(name) * 7) % 60, tzinfo=timezone(timedelta(hours=1)))
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<f9-{name}.{o.number.replace(' ', '')}@{addr.split('@')[1]}>"
    msg["MIME-Version"] = "1.0"
    if agent:
        msg["X-Mailer" if "Outlook" in agent or "Foxmail" in agent else "User-Agent"] = agent
    return msg


def esc(s: str) -> str:
    return escape(s, quote=False)


def html_table(rows: list[list[str]], *, attrs: str = 'border="1" cellspacing="0" cellpadding="3"',
               right_from: int = 3) -> str:  # fmt: skip
    out = [f"<table {attrs}>"]
    for k, row in enumerate(rows):
        tag = "th" if k == 0 else "td"
        cells = "".join(
            f"<{tag}{' align=right' if i >= right_from and k else ''}>{esc(c)}</{tag}>" for i, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def text_table(rows: list[list[str]], right_from: int = 3, sep: str = "  ") -> list[str]:
    """Rows padded to columns (East Asian wide characters count double)."""

    def cols(s: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)

    widths = [max(cols(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for k, row in enumerate(rows):
        cells = []
        for i, c in enumerate(row):
            pad = " " * (widths[i] - cols(c))
            cells.append(pad + c if i >= right_from and k else c + pad)
        out.append(sep.join(cells).rstrip())
    return out


# ----------------------------------------------------------------------------- writers: scans (Pillow)


def scan_pages(lines_of_pages: list[list[tuple[float, float, str, float, bool]]], r: random.Random, *, dpi: int,
               angle: float, noise: int, cjk: bool = False, grey: bool = True) -> list[Any]:  # fmt: skip
    """A page drawn as a scanner sees it: each ``(x_mm, y_mm, text, size_pt, bold)`` drawn on an A4
    image at ``dpi``, turned by ``angle`` degrees, speckled with ``noise`` dots, softened, greyscale
    or black and white (a fax)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    w, h = int(210 / 25.4 * dpi), int(297 / 25.4 * dpi)
    out = []
    fonts: dict[tuple[str, int], Any] = {}
    for items in lines_of_pages:
        img = Image.new("L", (w, h), 255)
        dr = ImageDraw.Draw(img)
        for x, y, s, size, bold in items:
            if s == "\u2500":  # a rule across
                dr.line([(int(x / 25.4 * dpi), int(y / 25.4 * dpi)), (w - int(x / 25.4 * dpi), int(y / 25.4 * dpi))],
                        fill=40, width=max(1, dpi // 150))  # fmt: skip
                continue
            px = int(size / 72 * dpi)
            path = CJK if cjk else (BOLD if bold else SANS)
            if (path, px) not in fonts:
                fonts[path, px] = ImageFont.truetype(path, px, index=0)
            font = fonts[path, px]
            dr.text((int(x / 25.4 * dpi), int(y / 25.4 * dpi)), s, fill=20, font=font)
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        px_ = img.load()
        for _ in range(noise):
            xx, yy = r.randrange(w), r.randrange(h)
            px_[xx, yy] = r.choice((0, 60, 120))
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        if not grey:
            img = img.point(lambda v: 0 if v < 150 else 255).convert("1")
        out.append(img)
    return out


def scan_pdf(pages: list[Any], path: Path, dpi: int) -> None:
    """Images as the pages of a PDF with no text layer (reportlab, byte-stable)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setCreator("Scan to PDF")
    for img in pages:
        buf = io.BytesIO()
        img.convert("L").save(buf, "PNG", optimize=False)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, A4[0], A4[1])
        c.showPage()
    c.save()


def cjk_text(s: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in s)


def chunks(text: str, per: int) -> list[str]:
    """``text`` in pieces of at most ``per`` characters, broken at spaces where it has them."""
    if cjk_text(text) and " " not in text:
        return [text[i : i + per] for i in range(0, len(text), per)] or [""]
    out: list[str] = []
    cur = ""
    for wd in text.split(" "):
        if cur and len(cur) + 1 + len(wd) > per:
            out.append(cur)
            cur = wd
        else:
            cur = f"{cur} {wd}" if cur else wd
    return out + [cur] if cur else out or [""]


def order_lines_for_scan(o: Order, title: str, cols: list[str], *, widths_mm: list[float], style: str | None = None
                         ) -> list[
        tuple[float, float, str, float, bool]]:  # fmt: skip
    """An order laid out in millimetres for ``scan_pages``."""
    w = o.w
    items: list[tuple[float, float, str, float, bool]] = [
        (18, 14, o.buyer, 14, True),
        (18, 21, o.address, 8.5, False),
        (18, 26, f"Tel. {o.phone}   {o.mail}", 8, False),
        (130, 36, title, 15, True),
        (18, 40, w["vendor"], 8, True),
        (18, 45, SUPPLIER, 9, False),
        (18, 50, SUPPLIER_ADDR, 7.5, False),
    ]
    y = 44.0
    for label, value in facts(o, style=style):
        items += [(130, y, label, 8.5, True), (170, y, value, 8.5, False)]
        y += 5.2
    y = max(y, 58) + 6
    x = 18.0
    rows = grid(o, cols)
    for k, row in enumerate(rows):
        x = 18.0
        tall = 1
        for c, wd in zip(row, widths_mm):
            per = max(4, int(wd / (3.2 if cjk_text(c) else 1.75)))
            parts = [c] if k == 0 else chunks(c, per)
            for t, part in enumerate(parts):
                items.append((x, y + t * 4.4, part, 8, k == 0))
            tall = max(tall, len(parts))
            x += wd
        y += 2 + 4.4 * tall
        if k == 0:
            items.append((18, y - 1.5, "\u2500", 0, False))
    y += 4
    for label, value in sums(o):
        items += [(120, y, label, 9, True), (172, y, value, 9, False)]
        y += 5.5
    return items


# ----------------------------------------------------------------------------- canvas heads


def buyer_head(p: Page, o: Order, *, y: float = 40, size: float = 13, phone: bool = True) -> float:
    p.text(36, y, o.buyer, size, bold=True)
    p.text(36, y + 13, o.address, 7.8)
    if phone:
        p.text(36, y + 23, f"Tel. {o.phone}  ·  {o.mail}", 7.4)
    return y + 36


def vendor_lines(p: Page, o: Order, x: float, y: float, label: str | None = None) -> float:
    p.text(x, y, label or o.w["vendor"], 7.2, bold=True)
    p.text(x, y + 11, SUPPLIER_ZH if o.loc in ("zh", "zh-Hant") and o.number[-1] in "02468" else SUPPLIER, 8.6)
    p.text(x, y + 21, SUPPLIER_ADDR, 7.2)
    return y + 32


def pairs_right(p: Page, pairs: list[tuple[str, str]], y: float, *, x: float | None = None, gap: float = 100,
                size: float = 8.2) -> float:  # fmt: skip
    """Labels in one column and values in the next, on the right of the page."""
    x = p.width - 36 - gap - 110 if x is None else x
    for label, value in pairs:
        p.text(x, y, label, size, bold=True)
        p.text(x + gap, y, value, size)
        y += size + 4.5
    return y


def boxes_values_below(p: Page, pairs: list[tuple[str, str]], y: float, *, x: float = 36, per_row: int = 4,
                       width: float | None = None, size: float = 8.4) -> float:  # fmt: skip
    """A grid of ruled boxes: a small label at the top of each box, its value on the line below."""
    width = width or p.width - 72
    cw = width / per_row
    h = size * 2 + 10
    for k, (label, value) in enumerate(pairs):
        row, col = divmod(k, per_row)
        bx, by = x + col * cw, y + row * h
        p.box(bx, by, cw, h)
        p.text(bx + 3, by + 7.5, label, 6.3)
        p.text(bx + 3, by + 8 + size + 4, value, size, bold=True)
    return y + ((len(pairs) + per_row - 1) // per_row) * h + 10


def label_band(p: Page, pairs: list[tuple[str, str]], y: float, *, x: float = 36, width: float | None = None,
               size: float = 8) -> float:  # fmt: skip
    """A shaded band of labels across the page, the values in a ruled band under it."""
    width = width or p.width - 72
    cw = width / len(pairs)
    for k, (label, value) in enumerate(pairs):
        p.box(x + k * cw, y, cw, size + 7, fill=(0.2, 0.2, 0.2))
        p.c.setFillColorRGB(1, 1, 1)
        p.text(x + k * cw + 3, y + size + 2, label, size - 0.8, bold=True)
        p.c.setFillColorRGB(0, 0, 0)
        p.box(x + k * cw, y + size + 7, cw, size + 9)
        p.text(x + k * cw + 3, y + 2 * size + 11, value, size)
    return y + 2 * size + 26


def canvas_po(
    path: Path,
    o: Order,
    cols: list[str],
    *,
    creator: str,
    head: Callable[[Page], float],
    heads: dict[str, str] | None = None,
    style: str | None = None,
    sub: dict[int, list[str]] | None = None,
    after: Callable[[Page, float], float] | None = None,
    sums_rows: list[tuple[str, str]] | None = None,
    on_break: Callable[[Page], float] | None = None,
    head_again: bool = True,
    boxed: bool = True,
    size: float = 7.8,
    landscape: bool = False,
    flex: str = "desc",
    bottom: float = 70,
    extra_rows: list[list[str]] | None = None,
) -> None:
    """A canvas order: ``head`` draws the top and returns where the table starts; the table, the
    sums (``sums_rows`` or the order's), then ``after`` (terms, signatures)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turned

    p = page_for(path, o, creator, size=turned(A4) if landscape else None)
    y = head(p)
    rows = grid(o, cols, heads=heads, style=style) + (extra_rows or [])
    widths = widths_for(p, rows, p.width - 72, cols.index(flex), size)
    right = {i for i, c in enumerate(cols) if c not in ("pos", "item", "desc", "unit", "when", "per")}
    y = table(p, y, rows, widths, right=right, sub=sub, on_break=on_break, head_again=head_again, boxed=boxed,
              size=size, bottom=bottom)  # fmt: skip
    if sums_rows is None:
        sums_rows = sums(o)
    if y + 16 * len(sums_rows) > p.height - 60:
        p.new_page()
        y = on_break(p) if on_break else 50
    y = sums_block(p, y + 14, sums_rows)
    if after:
        after(p, y + 8)
    p.save()


def page_no(p: Page, x: float, y: float, text: str, size: float = 7.5) -> None:
    p.text(x, y, text, size, align="right")


# ----------------------------------------------------------------------------- canvas families


@family("de-sap-fensterbrief-bestellnummer-datum-kombiniert", "reportlab-canvas-sap-window-letter")
def de_sap_window(m: Maker) -> None:
    """An SAP purchase order letter: a return-address line over the window, the facts in a label
    column and a value column (``Bestellnummer/Datum 4500… / 18.11.2026``, contact and phone,
    ``Seite 1 von 2``), each position a line of its own with its price line under it, delivery
    schedule sub-rows (Einteilungen), the table continued on the next page without its header,
    terms after it; the net total only (no VAT printed)."""
    for k in range(4):
        name = f"de-sap-{k}"
        o = m.order(name, "de", 3 + k % 3, digits(4500100000, 4500999999), k=k, goods=(0, 2, 3, 4, 5, 6, 7))
        o.vat = Decimal(0)
        r = m.r(name)
        schedule(o, r, 0.6)
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "SAP NetWeaver")
        pages = 2

        def top(p: Page, first: bool, *, o: Any = o, pages: Any = pages) -> float:
            p.text(36, 36, o.buyer, 12, bold=True)
            p.text(p.width - 36, 36, f"Seite {p.page} von {pages}", 7.5, align="right")
            if not first:
                p.text(36, 52, f"Bestellung {o.number} vom {o.d(o.ordered)}", 8)
                return 72.0
            p.text(56, 108, f"{o.buyer} · {o.address}", 6.2)
            p.line(56, 111, 300, 111, 0.3)
            p.text(56, 124, SUPPLIER, 9)
            for t, part in enumerate(SUPPLIER_ADDR.split(", ")):
                p.text(56, 135 + t * 10, part, 8.5)
            pairs = [("Bestellnummer/Datum", f"{o.number} / {o.d(o.ordered)}"),
                     ("Ansprechpartner/Telefon", f"{o.person} / {o.phone}"),
                     ("Unsere Lieferantennummer", str(70000000 + int(o.number[-5:]))),
                     ("Währung", o.currency), ("Zahlungsbedingungen", o.payment or "")]  # fmt: skip
            pairs_right(p, pairs, 108, x=300, gap=124, size=7.8)
            p.text(36, 214, "Bestellung", 15, bold=True)
            paragraph(p, 230, "Bitte liefern Sie zu unseren umseitigen Einkaufsbedingungen. Bestellnummer und "
                      "Positionsnummer auf allen Lieferpapieren angeben.", size=7.8)  # fmt: skip
            p.text(36, 258, "Pos.   Material            Bezeichnung", 7.8, bold=True)
            p.text(p.width - 36, 258, "Bestellmenge   Einh.   Preis pro Einheit        Nettowert", 7.8, bold=True,
                   align="right")  # fmt: skip
            p.line(36, 262, p.width - 36, 262, 0.6)
            return 276.0

        y = top(p, True)
        for j, ln in enumerate(o.lines, 1):
            need = 30 + 10 * len(ln.sched)
            if y + need > p.height - 80 or (j == 3 and len(o.lines) >= 4):
                p.new_page()
                y = top(p, False)
            p.text(36, y, f"{j * 10:05d}", 8)
            p.text(72, y, ln.code, 8)
            for part in p.wrap(ln.text, 250, 8):
                p.text(160, y, part, 8)
                y += 11
            p.text(p.width - 250, y, f"{o.q(ln.qty)}", 8, align="right")
            p.text(p.width - 240, y, ln.unit, 8)
            p.text(p.width - 130, y, f"{o.n(ln.price)} / 1 {ln.unit}", 8, align="right")
            p.text(p.width - 36, y, o.n(ln.amount), 8, align="right")
            y += 11
            if ln.sched:
                p.text(72, y, "Einteilungen:", 7.2)
                y += 9.5
                for d, qty in ln.sched:
                    p.text(90, y, f"Liefertermin {o.d(d)}", 7.2)
                    p.text(230, y, f"Menge {o.q(qty)} {ln.unit}", 7.2)
                    y += 9.5
            else:
                p.text(72, y, f"Liefertermin: {o.d(o.due)}", 7.2)
                y += 9.5
            y += 5
        if p.page < pages:
            p.new_page()
            y = top(p, False)
        p.line(36, y, p.width - 36, y, 0.6)
        p.text(300, y + 13, f"Gesamtnettowert ohne Mwst  {o.currency}", 8.5, bold=True)
        p.text(p.width - 36, y + 13, o.n(o.gross), 8.5, bold=True, align="right")
        paragraph(
            p,
            y + 36,
            "Es gelten unsere Allgemeinen Einkaufsbedingungen, Stand 01/2026. Abweichende "
            "Bedingungen des Lieferanten gelten nur mit unserer schriftlichen Zustimmung. Lieferungen "
            "werktags 7-14 Uhr an Tor 3. Bei Über- oder Unterlieferung von mehr als 5 % bitte Rücksprache.",
        )
        p.save()
        for ln in o.lines:
            if not ln.sched:
                ln.when = o.due
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-sap-fensterbrief-bestellnummer-datum-kombiniert")


@family("en-us-oracle-boxes-values-below-per-m", "reportlab-canvas-oracle-boxes")
def en_us_oracle(m: Maker) -> None:
    """An Oracle-style print: the head in ruled boxes with each value under its label (PO number,
    revision 0, order date ``18-NOV-26``, buyer, terms, ship via, page ``1 of 1``), a phone number
    and ship-to street numbers nearby; screws and gaskets priced ``PER M``; sales tax and freight."""
    for k in range(4):
        name = f"en-us-oracle-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(108000, 108999), k=k)
        r = m.r(name)
        per_basis(o, r, 1000)
        o.vat = Decimal(("6.25", "5.3", "7", "6")[k])
        o.freight = Decimal(r.choice(["85.00", "120.00", "46.50"]))
        style = "d_mon_yy_dash"

        def head(p: Page, *, k: Any = k, o: Any = o, style: Any = style) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, "PURCHASE ORDER", 16, bold=True, align="right")
            pairs = [("Purchase Order No.", o.number), ("Revision", "0"), ("Order Date", o.d(o.ordered, style)),
                     ("Page", "1 of 1"), ("Buyer", o.person), ("Buyer Phone", o.phone),
                     ("Payment Terms", o.payment or ""), ("Ship Via", "UPS Ground"),
                     ("Need-By Date", o.d(o.due, style)), ("FOB", "Origin"), ("Currency", o.currency),
                     ("Supplier No.", f"{200000 + k * 17}")]  # fmt: skip
            y = boxes_values_below(p, pairs, y + 4)
            vendor_lines(p, o, 36, y, "Supplier:")
            p.text(320, y, "Ship To:", 7.2, bold=True)
            p.text(320, y + 11, o.buyer, 8.6)
            p.text(320, y + 21, "Receiving Dock 2, " + o.address, 7.2)
            return y + 44

        heads = {"pos": "Line", "item": "Item", "price": "Unit Price", "per": "Per", "amount": "Extended Price"}
        cols = ["pos", "item", "desc", "qty", "unit", "price", "per", "amount"]
        canvas_po(m.path(f"pdf/{name}.pdf"), o, cols, creator="Oracle Reports", head=head, heads=heads,
                  sums_rows=[("Subtotal", o.n(o.net)), ("Freight", o.n(o.freight)),
                             (f"Sales Tax {o.pct(o.vat)}%", o.n(o.tax)), (f"Total {o.currency}", o.n(o.gross))],
                  after=lambda p, y, o=o: paragraph(p, y, "Authorized by: " + o.person + "   This order is subject to "
                                               "the terms and conditions on our website. Reference the PO number "
                                               "on all invoices and packing slips."))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-oracle-boxes-values-below-per-m")


@family("fr-bandeau-libelles-tableau-encadre-port", "reportlab-canvas-label-band")
def fr_band(m: Maker) -> None:
    """A French order whose head is a dark band of labels with the values in boxes under it, above
    a boxed table; freight (port) and VAT under the lines, the total TTC."""
    for k in range(4):
        name = f"fr-bandeau-{k}"
        o = m.order(name, "fr", 2 + k % 4, lambda r: f"CA{r.randrange(24000, 24999)}/{r.randrange(1, 9)}", k=k)
        o.freight = Decimal(m.r(name).choice(["45.00", "60.00", "95.00"]))
        w = o.w

        def head(p: Page, *, k: Any = k, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 15, bold=True, align="right")
            vendor_lines(p, o, 320, y - 30)
            pairs = [(w["no"], o.number), (w["date"], o.d(o.ordered)), ("Code fournisseur", f"F{4100 + k}"),
                     (w["due"], o.d(o.due)), (w["pay"], o.payment or "")]  # fmt: skip
            return label_band(p, pairs, y + 16) + 6

        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["item", "desc", "qty", "unit", "price", "amount"],
            creator="Sage 100",
            head=head,
            after=lambda p, y: paragraph(
                p,
                y,
                "Merci de rappeler notre numéro de commande sur le bon de "
                "livraison et la facture. Livraison du lundi au jeudi, 8h-12h.",
            ),
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "fr", "fr-bandeau-libelles-tableau-encadre-port")


@family("it-ordine-revisione-annulla-e-sostituisce", "reportlab-canvas-revised")
def it_revision(m: Maker) -> None:
    """A revised Italian order: ``Rev. 2`` printed beside the number, "annulla e sostituisce" the
    earlier revision with its own date; changed lines marked; IVA 22 %."""
    for k in range(4):
        name = f"it-revisione-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"{r.randrange(10, 99)}/{r.randrange(1000, 9999):05d}", k=k)
        rev = 1 + k % 3
        w = o.w
        earlier = o.ordered - timedelta(days=3 + k)

        def head(p: Page, *, earlier: Any = earlier, k: Any = k, o: Any = o, rev: Any = rev, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, f"{w['title']}", 14, bold=True, align="right")
            p.text(p.width - 36, 56, f"N. {o.number}  Rev. {rev}  del {o.d(o.ordered)}", 10, bold=True,
                   align="right")  # fmt: skip
            p.text(p.width - 36, 68, f"Annulla e sostituisce la Rev. {rev - 1} del {o.d(earlier)}", 7.5,
                   align="right")  # fmt: skip
            vendor_lines(p, o, 36, y, w["vendor"])
            pairs_right(p, [(w["due"], o.d(o.due)), (w["pay"], o.payment or ""), (w["buyer"], o.person),
                            ("P. IVA", f"IT0{k}8451200{k + 3}5")], y, x=330, gap=95)  # fmt: skip
            return y + 62

        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["pos", "item", "desc", "qty", "unit", "price", "amount"],
            creator="TeamSystem",
            head=head,
            after=lambda p, y, rev=rev: paragraph(
                p,
                y,
                f"Modifiche rispetto alla Rev. {rev - 1}: quantità e data di "
                "consegna. Confermare la presente revisione entro 3 giorni.",
            ),
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "it", "it-ordine-revisione-annulla-e-sostituisce")


@family("ja-hacchusho-reiwa-line-dates", "reportlab-canvas-cjk-reiwa")
def ja_reiwa(m: Maker) -> None:
    """A Japanese 発注書: 御中 to us, 令和 dates, a delivery date on every line, the order number next
    to the page count and the phone and fax numbers, 税抜合計 / 消費税 / 税込合計 in yen."""
    for k in range(4):
        name = f"ja-reiwa-{k}"
        o = m.order(name, "ja", 2 + k % 4, lambda r: f"{r.randrange(10, 99)}-{r.randrange(100000, 999999)}", k=k)
        with_dates(o, m.r(name))
        w = o.w

        def head(p: Page, *, o: Any = o, w: Any = w) -> float:
            p.text(p.width / 2, 42, w["title"], 18, bold=True, align="center")
            p.text(p.width - 36, 28, f"頁 1/1   {w['no']} {o.number}", 8, align="right")
            p.text(36, 80, f"{SUPPLIER} 御中", 11)
            p.line(36, 84, 280, 84, 0.6)
            p.text(36, 100, "下記の通り発注いたします。", 8.5)
            x = 330
            p.text(x, 80, o.buyer, 10.5)
            p.text(x, 93, o.address, 7.5)
            p.text(x, 104, f"TEL {o.phone}  FAX {o.phone[:-4]}{int(o.phone[-4:]) + 1:04d}", 7.5)
            p.text(x, 115, f"{w['buyer']}: {o.person}", 7.5)
            y = pairs_right(p, [(w["date"], o.d(o.ordered, "reiwa")), (w["pay"], o.payment or "")], 130, x=x, gap=60)
            p.box(36, 118, 240, 26)
            p.text(42, 135, f"{w['total']}  ¥{o.n(o.gross)}-", 12, bold=True)
            return y + 12

        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["pos", "item", "desc", "qty", "unit", "price", "amount", "when"],
            creator="販売管理システム",
            head=head,
            style="reiwa",
            sums_rows=[(w["net"], o.n(o.net)), (f"{w['vat']}(10%)", o.n(o.tax)), (w["total"], o.n(o.gross))],
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-hacchusho-reiwa-line-dates")


@family("zh-caigou-wushui-hanshui-danjia-bingpai", "reportlab-canvas-cjk-tax-columns")
def zh_tax_columns(m: Maker) -> None:
    """A 采购订单 printing each line's price without and with 13 % VAT side by side, the amount without
    VAT and the 价税合计 per line, then the sums; golden prices are those without VAT."""
    for k in range(4):
        name = f"zh-hanshui-{k}"
        o = m.order(name, "zh", 2 + k % 4, lambda r: f"CG{r.randrange(20261100, 20261199)}{r.randrange(10, 99)}",
                    k=k)  # fmt: skip
        o.line_tax = True
        w = o.w

        def head(p: Page, *, o: Any = o, w: Any = w) -> float:
            p.text(p.width / 2, 40, o.buyer, 14, bold=True, align="center")
            p.text(p.width / 2, 60, w["title"], 16, bold=True, align="center")
            pairs = [(w["no"], o.number), (w["date"], o.d(o.ordered)), (w["vendor"], SUPPLIER_ZH),
                     (w["due"], o.d(o.due)), (w["buyer"], f"{o.person} {o.phone}"), (w["pay"], o.payment or ""),
                     (w["ship"], o.address), ("币种", "人民币 CNY")]  # fmt: skip
            y = 80.0
            for i in range(0, len(pairs), 2):
                for j, (label, value) in enumerate(pairs[i : i + 2]):
                    p.text(36 + j * 270, y, f"{label}：{value}", 8.5)
                y += 14
            return y + 4

        heads = {"gprice": "含税单价", "gamount": "价税合计", "vat": "税率", "pos": "序号"}
        canvas_po(m.path(f"pdf/{name}.pdf"), o,
                  ["pos", "item", "desc", "unit", "qty", "price", "gprice", "vat", "amount", "gamount"],
                  creator="用友U8", head=head, heads=heads, size=7.2, landscape=True,
                  sums_rows=[(w["net"], o.n(o.net)), (w["vat"], o.n(o.tax)), (w["total"], o.n(o.gross))])  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "zh", "zh-caigou-wushui-hanshui-danjia-bingpai")


@family("zh-hant-dinggou-minguo-jiaohuo-paicheng-second-table", "reportlab-canvas-cjk-two-tables")
def zh_hant_two_tables(m: Maker) -> None:
    """A Taiwanese 訂購單 dated in the 民國 calendar: the lines, then a second table, 交貨排程, with
    each line's deliveries (code, date, quantity), which are not lines of their own; 營業稅 5 %."""
    for k in range(4):
        name = f"zh-hant-paicheng-{k}"
        o = m.order(name, "zh-Hant", 2 + k % 3, lambda r: f"PO{r.randrange(1151100, 1151199)}-{r.randrange(1, 9)}",
                    k=k)  # fmt: skip
        r = m.r(name)
        schedule(o, r, 1.0)
        w = o.w

        def head(p: Page, *, k: Any = k, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 16, bold=True, align="right")
            vendor_lines(p, o, 36, y)
            pairs_right(
                p,
                [
                    (w["no"], o.number),
                    (w["date"], o.d(o.ordered)),
                    (w["buyer"], o.person),
                    (w["pay"], o.payment or ""),
                    ("統一編號", f"{24536800 + k * 11}"),
                ],
                y,
                x=340,
                gap=70,
            )
            return y + 70

        def plan(p: Page, y: float, *, o: Any = o) -> float:
            p.text(36, y + 6, "交貨排程", 10, bold=True)
            rows = [["品號", "交貨日期", "數量"]]
            for ln in o.lines:
                for d, qty in ln.sched:
                    rows.append([ln.code, o.d(d), o.q(qty)])
            return table(p, y + 14, rows, [140, 110, 80], right={2})

        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["pos", "item", "desc", "qty", "unit", "price", "amount"],
            creator="鼎新ERP",
            head=head,
            heads={"pos": "項次"},
            after=plan,
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "zh-Hant", "zh-hant-dinggou-minguo-jiaohuo-paicheng-second-table")


@family("ko-balju-gongeupja-bakneun-ja-boxes", "reportlab-canvas-cjk-korean")
def ko_balju(m: Maker) -> None:
    """A Korean 발주서: the two party boxes side by side (공급자 and 발주처, each with a business
    registration number that is not the order number), dates ``2026. 11. 18.``, 공급가액 and 부가세
    per line, the sum in won."""
    for k in range(4):
        name = f"ko-balju-{k}"
        o = m.order(name, "ko", 2 + k % 4, lambda r: f"PO-{r.randrange(2611000, 2611999)}", k=k)
        o.line_tax = True
        w = o.w

        def head(p: Page, *, k: Any = k, o: Any = o, w: Any = w) -> float:
            p.text(p.width / 2, 44, w["title"], 18, bold=True, align="center")
            p.text(36, 70, f"{w['no']}: {o.number}", 9)
            p.text(p.width - 36, 70, f"{w['date']}: {o.d(o.ordered)}", 9, align="right")
            for j, (role, who, addr, reg) in enumerate(
                [("발주처", o.buyer, o.address, f"{514 + k}-81-{23456 + k * 7}"),
                 ("공급자", SUPPLIER, SUPPLIER_ADDR, "해외사업자")]):  # fmt: skip
                x = 36 + j * 265
                p.box(x, 80, 258, 70)
                p.text(x + 5, 93, role, 8.5, bold=True)
                p.text(x + 5, 107, f"상호: {who}", 8)
                p.text(x + 5, 119, f"주소: {addr}"[:48], 7.2)
                p.text(x + 5, 131, f"사업자등록번호: {reg}", 7.2)
                if j == 0:
                    p.text(x + 5, 143, f"담당: {o.person}  전화: {o.phone}", 7.2)
            y = pairs_right(p, [(w["due"], o.d(o.due)), (w["pay"], o.payment or ""), (w["ship"], o.address)], 166,
                            x=36, gap=70)  # fmt: skip
            return y + 6

        heads = {"pos": "순번", "gamount": "합계", "amount": "공급가액"}
        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["pos", "item", "desc", "unit", "qty", "price", "amount", "gamount"],
            creator="더존 iCUBE",
            head=head,
            heads=heads,
            sums_rows=[(w["net"], o.n(o.net)), (w["vat"], o.n(o.tax)), (w["total"], o.n(o.gross))],
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "ko", "ko-balju-gongeupja-bakneun-ja-boxes")


@family("nl-bestelbon-tabel-doorlopend-zonder-kop", "reportlab-canvas-continued")
def nl_continued(m: Maker) -> None:
    """A Dutch order whose table runs on to a second page without its header row; ``Pagina 1 van
    2`` printed right under the order number, descriptions wrapped over several lines with a
    packing note, the sums on the second page."""
    for k in range(4):
        name = f"nl-doorlopend-{k}"
        o = m.order(name, "nl", 5 + k % 3, lambda r: f"B{r.randrange(26, 27)}-{r.randrange(10000, 99999)}", k=k)
        notes = ["verpakt per 50 stuks in doos", "met CE-verklaring", "levering op europallet, max. 120 cm hoog",
                 "tekening rev. D"]  # fmt: skip
        for j, ln in enumerate(o.lines):
            ln.text = f"{ln.text}, {notes[(j + k) % len(notes)]}"
        w = o.w

        def first(p: Page, *, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 15, bold=True, align="right")
            y2 = pairs_right(p, [(w["no"], o.number), (w["page"], "1 van 2"), (w["date"], o.d(o.ordered)),
                                 (w["due"], o.d(o.due)), (w["buyer"], o.person), (w["pay"], o.payment or "")],
                             y, x=330, gap=100)  # fmt: skip
            vendor_lines(p, o, 36, y)
            paragraph(p, y2 + 6, "Wij verzoeken u vriendelijk onderstaande artikelen te leveren volgens onze "
                      "algemene inkoopvoorwaarden (gedeponeerd bij de KvK onder nummer 0817 2233). Vermeld ons "
                      "bestelnummer op pakbon en factuur. Levertijden zijn fataal.", size=8)  # fmt: skip
            return y2 + 200

        def again(p: Page, *, o: Any = o, w: Any = w) -> float:
            p.text(36, 40, f"{o.buyer} – {w['no']} {o.number}", 8)
            p.text(p.width - 36, 40, f"{w['page']} 2 van 2", 8, align="right")
            return 60.0

        canvas_po(
            m.path(f"pdf/{name}.pdf"),
            o,
            ["pos", "item", "desc", "qty", "unit", "price", "amount"],
            creator="Exact Globe",
            head=first,
            on_break=again,
            head_again=False,
            size=9,
            bottom=330,
        )
        m.add(f"pdf/{name}.pdf", o.golden(), "nl", "nl-bestelbon-tabel-doorlopend-zonder-kop")


@family("sv-bestallning-artikelnummer-pa-tva-rader", "reportlab-canvas-split-codes")
def sv_split_codes(m: Maker) -> None:
    """A Swedish order from a Visma-style print whose article-number column is so narrow that each
    code is printed over two lines of its cell; descriptions wrap too; moms 25 %."""
    for k in range(4):
        name = f"sv-artnr-{k}"
        o = m.order(name, "sv", 2 + k % 4, digits(30100, 30999, "IO-"), k=k)
        w = o.w

        def head(p: Page, *, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 15, bold=True, align="right")
            vendor_lines(p, o, 36, y)
            pairs_right(p, facts(o) + [("Leveransvillkor", "FCA Shenzhen")], y, x=320, gap=110)
            return y + 86

        def draw_it(path: Path, *, o: Any = o) -> None:
            p = page_for(path, o, "Visma Business")
            y = head(p)
            rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
            for row in rows[1:]:
                code = row[0]
                row[0] = f"{code[:9]}\n{code[9:]}"
            widths = [52.0, 0.0, 60, 32, 70, 80]
            widths[1] = p.width - 72 - sum(widths)
            y = table(p, y, rows, widths, right={2, 4, 5}, size=8.2, head_fill=(0.8, 0.88, 0.95))
            sums_block(p, y + 14, sums(o))
            p.save()

        draw_it(m.path(f"pdf/{name}.pdf"))
        m.add(f"pdf/{name}.pdf", o.golden(), "sv", "sv-bestallning-artikelnummer-pa-tva-rader")


@family("cs-objednavka-prazdne-radky-podminky-za-tabulkou", "reportlab-canvas-template-rows")
def cs_template(m: Maker) -> None:
    """A Czech order form with twelve numbered rows, the unused ones empty, and numbered conditions
    after the table full of figures (percentages, days, amounts) that are not lines; DPH 21 %."""
    for k in range(4):
        name = f"cs-sablona-{k}"
        o = m.order(name, "cs", 2 + k % 3, lambda r: f"OBJ-{r.randrange(2026000, 2026999)}", k=k)
        w = o.w
        empty = [[str(j), "", "", "", "", "", ""] for j in range(len(o.lines) + 1, 13)]

        def head(p: Page, *, k: Any = k, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 14, bold=True, align="right")
            p.text(p.width - 36, 56, f"{w['no']} {o.number}", 10, bold=True, align="right")
            vendor_lines(p, o, 36, y)
            pairs_right(p, [(w["date"], o.d(o.ordered)), (w["due"], o.d(o.due)), (w["pay"], o.payment or ""),
                            ("IČO / DIČ", f"2{k}45 6712 / CZ2{k}456712"), (w["buyer"], o.person)], y, x=320,
                        gap=100)  # fmt: skip
            return y + 78

        terms = ("Obchodní podmínky: 1. Dodavatel potvrdí objednávku do 2 pracovních dnů. 2. Při prodlení s "
                 "dodávkou je odběratel oprávněn účtovat smluvní pokutu 0,5 % z ceny za každý den prodlení, "
                 "nejvýše 10 %. 3. Faktura bez čísla objednávky bude vrácena. 4. Množstevní tolerance ±3 %. "
                 "5. Záruka 24 měsíců. 6. Místo plnění: sklad č. 2, brána 4.")  # fmt: skip
        canvas_po(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                  creator="Helios Orange", head=head, extra_rows=empty,
                  after=lambda p, y, terms=terms: paragraph(p, y, terms, size=7.6))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "cs", "cs-objednavka-prazdne-radky-podminky-za-tabulkou")


@family("tr-siparis-toplamlar-ikinci-sayfada", "reportlab-canvas-totals-overleaf")
def tr_overleaf(m: Maker) -> None:
    """A Turkish order whose lines fill the first page and whose totals (KDV 20 %), terms and
    signature boxes are on the second; ``Sayfa 1/2`` beside the order number."""
    for k in range(4):
        name = f"tr-ikinci-sayfa-{k}"
        o = m.order(name, "tr", 3 + k % 3, lambda r: f"SAS{r.randrange(2026, 2027)}{r.randrange(100000, 999999)}",
                    k=k)  # fmt: skip
        w = o.w
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "Logo Tiger")
        y = buyer_head(p, o)
        p.text(p.width - 36, 40, w["title"], 13, bold=True, align="right")
        pairs_right(p, [(w["no"], o.number), (w["page"], "1/2"), (w["date"], o.d(o.ordered)),
                        (w["due"], o.d(o.due)), ("Vergi No", f"{4560012300 + k}")], y, x=330, gap=100)  # fmt: skip
        vendor_lines(p, o, 36, y)
        y = table(p, y + 80, grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"]),
                  [22, 80, 200, 60, 44, 58, 59], right={3, 5, 6}, size=8.4)  # fmt: skip
        p.new_page()
        p.text(36, 40, f"{o.buyer} · {w['no']} {o.number}", 8)
        p.text(p.width - 36, 40, f"{w['page']} 2/2", 8, align="right")
        y2 = sums_block(p, 70, sums(o))
        y2 = paragraph(
            p,
            y2 + 10,
            f"{w['pay']}: {o.payment}. Teslimat: {o.address}. Fatura üzerinde sipariş "
            "numarası belirtilmelidir. Kalite belgeleri (3.1 sertifika) sevkiyatla birlikte gönderilecektir.",
        )
        for j, role in enumerate(("Hazırlayan", "Onaylayan", "Satın Alma Müdürü")):
            p.box(36 + j * 175, y2 + 20, 165, 60)
            p.text(42 + j * 175, y2 + 32, role, 8, bold=True)
        p.save()
        m.add(f"pdf/{name}.pdf", o.golden(), "tr", "tr-siparis-toplamlar-ikinci-sayfada")


@family("hu-megrendelo-netto-brutto-egysegar", "reportlab-canvas-gross-unit-price")
def hu_gross(m: Maker) -> None:
    """A Hungarian order in forint printing the net and the gross unit price and the net and gross
    value on each line (ÁFA 27 %), dates ``2026.11.18.``."""
    for k in range(4):
        name = f"hu-brutto-{k}"
        o = m.order(name, "hu", 2 + k % 4, lambda r: f"BM/{r.randrange(2026, 2027)}/{r.randrange(1000, 9999)}", k=k)
        o.line_tax = True
        w = o.w

        def head(p: Page, *, k: Any = k, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 14, bold=True, align="right")
            vendor_lines(p, o, 36, y)
            pairs_right(p, facts(o) + [("Adószám", f"1{k}234567-2-{10 + k}")], y, x=320, gap=110)
            return y + 84

        heads = {"gprice": "Bruttó egységár", "gamount": "Bruttó összeg", "pos": "Ssz."}
        canvas_po(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "gprice", "amount",
                                                 "gamount"],
                  creator="Kulcs-Soft", head=head, heads=heads, size=7.4)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "hu", "hu-megrendelo-netto-brutto-egysegar")


@family("en-gb-sage-po-box-unit-numbers-carriage", "reportlab-canvas-sage")
def en_gb_sage(m: Maker) -> None:
    """A Sage 50 order: ``Order No.`` in a box top right, the buyer's address with a unit number and
    a PO box, the phone and VAT registration number near the order number, dates ``18/Nov/26``,
    carriage and VAT 20 % under the lines."""
    for k in range(4):
        name = f"en-gb-sage-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, digits(4100, 4999), k=k)
        o.freight = Decimal(m.r(name).choice(["25.00", "38.50", "12.95"]))
        style = "d_mon_yy"

        def head(p: Page, *, k: Any = k, o: Any = o, style: Any = style) -> float:
            p.text(36, 40, o.buyer, 14, bold=True)
            p.text(36, 54, o.address, 8)
            p.text(36, 64, f"PO Box {2200 + k * 31}, Hull HU1 {k + 1}XX", 8)
            p.text(36, 74, f"Tel: {o.phone}   VAT Reg No: GB {284 + k} 5512 {60 + k}", 8)
            p.text(p.width - 36, 40, "Purchase Order", 16, bold=True, align="right")
            p.box(p.width - 180, 52, 144, 40)
            p.text(p.width - 174, 64, "Order No.", 8, bold=True)
            p.text(p.width - 42, 64, o.number, 10, bold=True, align="right")
            p.text(p.width - 174, 78, "Date", 8, bold=True)
            p.text(p.width - 42, 78, o.d(o.ordered, style), 9, align="right")
            p.text(p.width - 174, 88, "A/C Ref", 7, bold=True)
            p.text(p.width - 42, 88, f"EXA00{k + 1}", 7, align="right")
            vendor_lines(p, o, 36, 96, "Supplier")
            pairs_right(p, [("Delivery Date", o.d(o.due, style)), ("Terms", o.payment or ""),
                            ("Contact", o.person)], 110, x=320, gap=100)  # fmt: skip
            return 150.0

        sums_rows = [("Total Net", o.n(o.net)), ("Carriage", o.n(o.freight)), ("Total VAT", o.n(o.tax)),
                     ("TOTAL", o.n(o.gross))]  # fmt: skip
        canvas_po(m.path(f"pdf/{name}.pdf"), o, ["item", "desc", "qty", "price", "amount"], creator="Sage 50 Accounts",
                  head=head, heads={"item": "Product Code", "price": "Unit Price", "amount": "Net Amount"},
                  sums_rows=sums_rows)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-gb-sage-po-box-unit-numbers-carriage")


@family("en-us-dynamics-gp-promised-dates-mon-d-y", "reportlab-canvas-dynamics")
def en_us_dynamics(m: Maker) -> None:
    """A Dynamics GP order: dates as ``Nov 18, 2026``, a required and a promised date on each line,
    the vendor ID and the ship-to ID around the PO number, trade discount none, freight and tax."""
    for k in range(4):
        name = f"en-us-dynamics-{k}"
        o = m.order(name, "en-US", 2 + k % 4, digits(21000, 21999, "PO0"), k=k)
        r = m.r(name)
        with_dates(o, r)
        o.vat = Decimal(("7", "6.5", "8.25", "0")[k])
        o.freight = Decimal(r.choice(["150.00", "0", "62.40"]))
        style = "mdy"

        def head(p: Page, *, k: Any = k, o: Any = o, style: Any = style) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, "Purchase Order", 15, bold=True, align="right")
            pairs_right(p, [("Purchase Order Number", o.number), ("Date", o.d(o.ordered, style)),
                            ("Vendor ID", "EXAMPLEMFG01"), ("Ship To ID", f"MAIN{k}"), ("Page", "1")], 60, x=350,
                        gap=110)  # fmt: skip
            vendor_lines(p, o, 36, y + 20, "Vendor:")
            pairs_right(p, [("Payment Terms", o.payment or ""), ("Buyer", o.person), ("Required Date",
                            o.d(o.due, style))], y + 46, x=350, gap=110)  # fmt: skip
            return y + 100

        sums_rows = [("Subtotal", o.n(o.net))]
        if o.freight:
            sums_rows.append(("Freight", o.n(o.freight)))
        sums_rows += [("Tax", o.n(o.tax)), ("Total", o.n(o.gross))]
        canvas_po(m.path(f"pdf/{name}.pdf"), o, ["item", "desc", "unit", "qty", "price", "amount", "when"],
                  creator="Microsoft Dynamics GP", head=head, style=style, sums_rows=sums_rows,
                  heads={"item": "Item Number", "when": "Promised Date", "price": "Unit Cost",
                         "amount": "Extended Cost", "unit": "U of M", "qty": "Ordered"})  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-dynamics-gp-promised-dates-mon-d-y")


def greenbar(path: Path, lines: list[str], *, creator: str, per_page: int = 60) -> None:
    """A spool printed on green-bar paper: fixed-pitch text, bands of light green every three lines."""
    from reportlab.lib.pagesizes import landscape as turned
    from reportlab.lib.pagesizes import letter

    p = Page(path, mono=True, size=turned(letter), creator=creator)
    for start in range(0, len(lines), per_page):
        if start:
            p.new_page()
        for band in range(0, per_page, 6):
            p.box(20, 30 + band * 9, p.width - 40, 27, fill=(0.86, 0.95, 0.86), stroke=False)
        for t, s in enumerate(lines[start : start + per_page]):
            p.text(28, 38 + t * 9, s, 7.6)
    p.save()


@family("en-us-as400-greenbar-qty-slash-uom-per-m", "reportlab-canvas-as400-greenbar")
def en_us_as400(m: Maker) -> None:
    """An AS/400 spool on green-bar paper: the PO number at the far right of a row of other numbers
    (page, vendor, ship-to), dates ``18-NOV-26``, quantities ``510/EA``, cheap parts priced per
    thousand (``46.00 M``), a second page repeating the banner, the total at the end."""
    for k in range(4):
        name = f"en-us-as400-{k}"
        o = m.order(name, "en-US", 3 + k % 3, digits(700000, 799999), k=k)
        r = m.r(name)
        per_basis(o, r, 1000)
        o.vat = Decimal(0)
        o.payment = (o.payment or "").upper()  # the spool prints capitals
        st = "d_mon_yy_dash"
        banner = [f"{o.buyer.upper()[:40]:40}  PURCHASE ORDER            PAGE    1",
                  f"RUN DATE {o.d(o.ordered, st)}   PGM POR410   VENDOR 0004711   SHIP-TO 01   PO NUMBER: {o.number}",
                  ""]  # fmt: skip
        body = banner + [
            f"VENDOR:  {SUPPLIER.upper()}",
            f"         {SUPPLIER_ADDR.upper()[:60]}",
            f"BUYER:   {o.person.upper():24}PHONE {o.phone}",
            f"TERMS:   {o.payment:24}ORDER DATE {o.d(o.ordered, st)}   REQ DATE {o.d(o.due, st)}",
            "",
            "LN  ITEM NUMBER      DESCRIPTION                         QTY/UOM          UNIT COST   EXTENSION",
            "--- ---------------- ----------------------------------- --------------- ----------- -----------",
        ]
        for j, ln in enumerate(o.lines, 1):
            ln.text = desc = ln.text.upper()  # the spool prints capitals: the golden says what it prints
            price = f"{o.n(basis_price(ln.price, ln.per))} {'M' if ln.per == 1000 else 'E'}"
            parts = chunks(desc, 35)
            body.append(f"{j:03d} {ln.code:16} {parts[0]:35} {o.q(ln.qty) + '/' + ln.unit:>15} {price:>11} "
                        f"{o.n(ln.amount):>11}")  # fmt: skip
            for part in parts[1:]:
                body.append(f"    {'':16} {part}")
        body += ["", f"{'':60}TOTAL PO AMOUNT  {o.currency} {o.n(o.gross):>14}", "",
                 "*** PRICES PER M ARE PER THOUSAND PIECES ***", "*** END OF PURCHASE ORDER ***"]  # fmt: skip
        if k % 2:  # a long one: the banner again on a second page, after the second line
            cut = next(i for i, s in enumerate(body) if s.startswith("003 "))
            body = (
                body[:cut]
                + [""] * (60 - cut)
                + [banner[0].replace("PAGE    1", "PAGE    2"), banner[1], ""]
                + body[cut:]
            )
        greenbar(m.path(f"pdf/{name}.pdf"), body, creator="IBM i Spool")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-as400-greenbar-qty-slash-uom-per-m")


@family("de-odoo-bestellung-referenz-in-klammern", "reportlab-canvas-odoo")
def de_odoo(m: Maker) -> None:
    """An Odoo purchase order print: ``Bestellung #P00…``, the internal reference in brackets before
    each product name, a tax column (``19 % USt.``), a planned date on each line with the time,
    quantities with decimals and the unit (``500,00 Stk``)."""
    for k in range(4):
        name = f"de-odoo-{k}"
        o = m.order(name, "de", 2 + k % 4, digits(1200, 4999, "P0"), k=k)
        o.payment = None  # not printed
        r = m.r(name)
        with_dates(o, r)
        for ln in o.lines:
            ln.unit = "Stk"

        def draw_it(path: Path, *, k: Any = k, o: Any = o) -> None:
            p = page_for(path, o, "Odoo")
            p.text(36, 40, o.buyer, 11, bold=True)
            p.text(36, 52, o.address, 7.5)
            p.text(330, 90, SUPPLIER, 9)
            p.text(330, 101, SUPPLIER_ADDR, 7)
            p.text(36, 140, f"Bestellung #{o.number}", 17, bold=True)
            pairs = [("Einkaufsvertreter", o.person), ("Bestelldatum", f"{o.d(o.ordered)} 09:{10 + k * 7}:00"),
                     ("Ihre Referenz", f"ANG-{2026}-{300 + k * 41}")]  # fmt: skip
            for j, (a, b) in enumerate(pairs):
                p.text(36 + j * 175, 160, a, 7.5, bold=True)
                p.text(36 + j * 175, 171, b, 8.5)
            rows = [["Beschreibung", "Steuern", "Geplantes Datum", "Menge", "Stückpreis", "Betrag"]]
            for ln in o.lines:
                rows.append([f"[{ln.code}] {ln.text}", "19 % USt.", f"{o.d(ln.when or o.due)} 08:00",
                             f"{num(ln.qty, 'eu', 2)} {ln.unit}", o.n(ln.price), f"{o.n(ln.amount)} €"])  # fmt: skip
            widths = [0.0, 56, 84, 70, 60, 70]
            widths[0] = p.width - 72 - sum(widths)
            y = table(p, 190, rows, widths, right={3, 4, 5}, boxed=False, head_fill=None, size=7.8)
            p.line(36, y + 2, p.width - 36, y + 2, 0.4)
            sums_block(p, y + 16, [("Nettobetrag", f"{o.n(o.net)} €"), ("USt. 19 %", f"{o.n(o.tax)} €"),
                                   ("Gesamt", f"{o.n(o.gross)} €")])  # fmt: skip
            p.text(36, p.height - 40, f"Tel. {o.phone} · {o.mail} · Seite 1 / 1", 7)
            p.save()

        draw_it(m.path(f"pdf/{name}.pdf"))
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-odoo-bestellung-referenz-in-klammern")


# ----------------------------------------------------------------------------- fpdf2 families


def fpdf_head(pdf: Any, o: Order, title: str, pairs: list[tuple[str, str]], *, vendor: bool = True) -> None:
    pdf.add_page()
    pdf.set_font("f9", "B", 13)
    pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f9", "", 8)
    pdf.cell(0, 4.5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 4.5, f"{o.phone} · {o.mail}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("f9", "B", 14)
    pdf.set_xy(110, 14)
    pdf.cell(86, 8, title, align="R")
    y = 30.0
    for label, value in pairs:
        pdf.set_xy(110, y)
        pdf.set_font("f9", "B", 8)
        pdf.cell(38, 5, label)
        pdf.set_font("f9", "", 8.5)
        pdf.cell(48, 5, value, align="R")
        y += 5
    if vendor:
        pdf.set_xy(14, 34)
        pdf.set_font("f9", "B", 7.5)
        pdf.cell(80, 4, o.w["vendor"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("f9", "", 8.5)
        pdf.cell(80, 4.5, SUPPLIER, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("f9", "", 7)
        pdf.cell(80, 4, SUPPLIER_ADDR, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(14, max(y, 52) + 6)


def fpdf_sums(pdf: Any, pairs: list[tuple[str, str]]) -> None:
    pdf.ln(3)
    for k, (label, value) in enumerate(pairs):
        pdf.set_font("f9", "B" if k == len(pairs) - 1 else "", 9)
        pdf.set_x(110)
        pdf.cell(50, 5.5, label, align="R")
        pdf.cell(36, 5.5, value, align="R", new_x="LMARGIN", new_y="NEXT")


def fpdf_widths(pdf: Any, rows: list[list[str]], flex: int, total: float = 182, size: float = 8) -> list[float]:
    pdf.set_font("f9", "B", size)
    widths = [min(45.0, max(pdf.get_string_width(r[i]) for r in rows) + 3.5) for i in range(len(rows[0]))]
    widths[flex] = max(30.0, total - sum(wd for i, wd in enumerate(widths) if i != flex))
    return widths


@family("es-pedido-fpdf-cantidad-y-precio-con-unidad-pegada", "fpdf2-units-attached")
def es_units_attached(m: Maker) -> None:
    """A Spanish order (fpdf2) whose quantity and price cells carry their unit: ``2.500/UD`` and
    ``0,0512 €/UD``; no separate unit column; IVA 21 %."""
    for k in range(4):
        name = f"es-unidad-pegada-{k}"
        o = m.order(name, "es", 2 + k % 4, lambda r: f"PC{r.randrange(26, 27)}-{r.randrange(100000, 999999)}", k=k)
        w = o.w
        pdf = fpdf_doc(creator="Sage 200")
        fpdf_head(pdf, o, w["title"], facts(o))
        rows = [[w["item"], w["desc"], w["qty"], w["price"], w["amount"]]]
        for ln in o.lines:
            rows.append([ln.code, ln.text, f"{o.q(ln.qty)}/{ln.unit}", f"{o.n(ln.price)} €/{ln.unit}",
                         f"{o.n(ln.amount)} €"])  # fmt: skip
        fpdf_rows(pdf, rows, fpdf_widths(pdf, rows, 1), right_from=2)
        fpdf_sums(pdf, sums(o))
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "es", "es-pedido-fpdf-cantidad-y-precio-con-unidad-pegada")


@family("pl-zamowienie-fpdf-cena-za-1000-szt", "fpdf2-per-thousand")
def pl_per_thousand(m: Maker) -> None:
    """A Polish order (fpdf2) pricing small parts ``za 1000 szt.`` in a column of its own, quantities
    with spaces between thousands, VAT 23 %."""
    for k in range(4):
        name = f"pl-za-1000-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZZ/{r.randrange(1000, 9999)}/11/2026", k=k,
                    goods=(1, 2, 4, 0, 7))  # fmt: skip
        per_basis(o, m.r(name), 1000)
        w = o.w
        pdf = fpdf_doc(creator="Comarch ERP Optima")
        fpdf_head(pdf, o, w["title"], facts(o) + [("NIP", f"8{k}3-12-44-{50 + k}")])
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "per", "amount"],
                    heads={"pos": "Lp.", "per": "Cena za"})  # fmt: skip
        fpdf_rows(pdf, rows, fpdf_widths(pdf, rows, 2), right_from=3)
        fpdf_sums(pdf, sums(o))
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "pl", "pl-zamowienie-fpdf-cena-za-1000-szt")


@family("it-ordine-fpdf-due-tabelle-per-destinazione", "fpdf2-two-tables")
def it_two_tables(m: Maker) -> None:
    """An Italian order (fpdf2) with two tables on the page, one per delivery site (Stabilimento 1
    and 2), each with its lines and a site subtotal; the order total under both."""
    for k in range(4):
        name = f"it-due-tabelle-{k}"
        o = m.order(name, "it", 4 + k % 3, lambda r: f"OF-{r.randrange(26000, 26999)}", k=k)
        w = o.w
        pdf = fpdf_doc(creator="Gamma Enterprise")
        fpdf_head(pdf, o, w["title"], facts(o))
        half = len(o.lines) // 2
        cols = ["pos", "item", "desc", "qty", "unit", "price", "amount"]
        rows = grid(o, cols)
        for site, part in ((f"Stabilimento 1 – {o.address}", rows[1 : half + 1]),
                           ("Stabilimento 2 – Via dell'Artigianato 4, magazzino B", rows[half + 1 :])):  # fmt: skip
            pdf.set_font("f9", "B", 9)
            pdf.cell(0, 6, f"{w['ship']}: {site}", new_x="LMARGIN", new_y="NEXT")
            block = [rows[0]] + part
            fpdf_rows(pdf, block, fpdf_widths(pdf, rows, 2), right_from=3)
            sub = sum((Decimal(0) + o.lines[int(r[0]) - 1].amount for r in part), Decimal(0))
            pdf.set_font("f9", "", 8)
            pdf.cell(0, 5, f"Subtotale stabilimento: {o.n(sub)}", align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        fpdf_sums(pdf, sums(o))
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "it", "it-ordine-fpdf-due-tabelle-per-destinazione")


@family("fr-commande-fpdf-prix-au-cent-milliers-espaces", "fpdf2-per-hundred")
def fr_per_hundred(m: Maker) -> None:
    """A French order (fpdf2) with prices ``pour 100`` pieces in a column of their own, quantities
    like ``12 500`` (a no-break space between thousands), the total TTC."""
    for k in range(4):
        name = f"fr-au-cent-{k}"
        o = m.order(name, "fr", 2 + k % 4, lambda r: f"{r.randrange(2026, 2027)}-CF-{r.randrange(1000, 9999)}", k=k)
        per_basis(o, m.r(name), 100)
        w = o.w
        pdf = fpdf_doc(creator="Divalto")
        fpdf_head(pdf, o, w["title"], facts(o) + [("SIRET", f"4{k}2 118 930 000{k}4")])
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "per", "amount"])
        fpdf_rows(pdf, rows, fpdf_widths(pdf, rows, 1), right_from=2)
        fpdf_sums(pdf, sums(o))
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "fr", "fr-commande-fpdf-prix-au-cent-milliers-espaces")


@family("pt-br-pedido-fpdf-ipi-frete-cnpj", "fpdf2-brazil")
def pt_br(m: Maker) -> None:
    """A Brazilian pedido de compra (fpdf2): CNPJ and inscrição estadual beside the order number,
    IPI 5 % and freight (frete) added to the total, reais with decimal commas."""
    for k in range(4):
        name = f"pt-br-ipi-{k}"
        o = m.order(name, "pt", 2 + k % 3, digits(45000, 45999), k=k)
        o.freight = Decimal(m.r(name).choice(["180.00", "250.00", "95.50"]))
        w = o.w
        pdf = fpdf_doc(creator="TOTVS Protheus")
        pairs = [(w["no"], o.number), ("CNPJ", f"0{k}.45{k}.118/0001-{20 + k}"), ("Insc. Estadual", f"25{k}.118.93{k}"),
                 (w["date"], o.d(o.ordered)), (w["due"], o.d(o.due)), (w["pay"], o.payment or "")]  # fmt: skip
        fpdf_head(pdf, o, w["title"], pairs)
        rows = grid(o, ["pos", "item", "desc", "unit", "qty", "price", "amount"], heads={"pos": "Item"})
        fpdf_rows(pdf, rows, fpdf_widths(pdf, rows, 2), right_from=4)
        fpdf_sums(pdf, [(w["net"], o.n(o.net)), (w["freight"], o.n(o.freight)), (f"IPI {o.pct(o.vat)}%", o.n(o.tax)),
                        (w["total"], o.n(o.gross))])  # fmt: skip
        pdf.set_font("f9", "", 7)
        pdf.multi_cell(0, 4, "Observações: Frete CIF. Enviar XML da NF-e para nfe@" + o.mail.split("@")[1] + ". "
                       "Pedido sujeito às condições gerais de compra.")  # fmt: skip
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-br-pedido-fpdf-ipi-frete-cnpj")


@family("de-lieferplan-fpdf-einteilungen-unter-position", "fpdf2-schedule-rows")
def de_schedule_fpdf(m: Maker) -> None:
    """A German order (fpdf2) with each position followed by indented schedule rows (``Teilmenge
    … am …``) which are not positions, the total quantity on the position row, MwSt. 19 %."""
    for k in range(4):
        name = f"de-einteilung-{k}"
        o = m.order(name, "de", 2 + k % 3, lambda r: f"BE{r.randrange(260000, 269999)}", k=k)
        schedule(o, m.r(name), 1.0)
        w = o.w
        pdf = fpdf_doc(creator="proAlpha")
        fpdf_head(pdf, o, w["title"], [(w["no"], o.number), (w["date"], o.d(o.ordered)), (w["buyer"], o.person),
                                       (w["pay"], o.payment or "")])  # fmt: skip
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"pos": "Pos"})
        widths = fpdf_widths(pdf, rows, 2)
        fpdf_rows(pdf, rows[:1], widths)
        for ln, row in zip(o.lines, rows[1:]):
            fpdf_rows(pdf, [row], widths, right_from=3, head=False)
            pdf.set_font("f9", "", 7.5)
            for d, qty in ln.sched:
                pdf.set_x(14 + widths[0] + widths[1])
                pdf.cell(widths[2], 4.2, f"Teilmenge {o.q(qty)} {ln.unit} am {o.d(d)}", new_x="LMARGIN", new_y="NEXT")
        fpdf_sums(pdf, sums(o))
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-lieferplan-fpdf-einteilungen-unter-position")


# ----------------------------------------------------------------------------- openpyxl families


def xl_numbers(o: Order, ln: Line, per: int = 1) -> tuple[Any, Any, Any]:
    """A line's quantity, price and amount as numbers in cells (ints where whole)."""
    q = int(ln.qty)
    price = basis_price(ln.price, per)
    return q, float(price) if price != price.to_integral() else int(price), float(ln.amount)


def money_format(o: Order) -> str:
    return "#,##0" if o.currency in WHOLE else "#,##0.00"


def xl_lines(ws: Any, o: Order, row: int, cols: list[str], *, heads: dict[str, str] | None = None, col: int = 1,
             fill: str = "D9D9D9", dates: bool = False) -> int:  # fmt: skip
    """The line table from ``row`` on, numbers as numbers with formats; returns the next free row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    w = o.w
    label = {"pos": "#", "when": w["due"], **w, **(heads or {})}
    for i, c in enumerate(cols):
        cell = ws.cell(row, col + i, label[c])
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for j, ln in enumerate(o.lines, 1):
        q, price, amount = xl_numbers(o, ln, ln.per if "per" in cols else 1)
        value = {"pos": j, "item": ln.code, "desc": ln.text, "qty": q, "unit": ln.unit, "price": price,
                 "per": ln.per, "amount": amount, "when": ln.when or o.due}  # fmt: skip
        for i, c in enumerate(cols):
            cell = ws.cell(row + j, col + i, value[c])
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            if c in ("price", "amount"):
                cell.number_format = money_format(o) if c == "amount" or ln.price >= 1 else "#,##0.0000"
            elif c == "qty":
                cell.number_format = "#,##0"
            elif c == "when":
                cell.number_format = {"de": "DD.MM.YYYY", "ja": "yyyy/mm/dd", "ko": "yyyy-mm-dd"}.get(
                    o.loc, "DD-MM-YYYY"
                )
            elif c == "desc":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return row + len(o.lines) + 1


def xl_sums(ws: Any, o: Order, row: int, col: int, pairs: list[tuple[str, Decimal]]) -> int:
    from openpyxl.styles import Font

    for k, (label, value) in enumerate(pairs):
        ws.cell(row + k, col, label).font = Font(bold=k == len(pairs) - 1)
        cell = ws.cell(row + k, col + 1, float(value))
        cell.number_format = money_format(o)
    return row + len(pairs)


def sum_values(o: Order) -> list[tuple[str, Decimal]]:
    w = o.w
    rows = [(w["net"], o.net)]
    if o.freight:
        rows.append((w["freight"], o.freight))
    if o.vat:
        rows.append((f"{w['vat']} {o.pct(o.vat)}%", o.tax))
    rows.append((w["total"], o.gross))
    return rows


def xlsx_stacked(path: Path, o: Order) -> None:
    """Header blocks stacked down the left and beside each other, titles in merged cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    w = o.w
    wb = Workbook()
    ws = wb.active
    ws.title = "Bestellung"
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{o.buyer} – {w['title']}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    blocks = [
        (3, 1, "Besteller", [("Firma", o.buyer), ("Anschrift", o.address), (w["buyer"], o.person),
                             ("Telefon", o.phone)]),
        (3, 5, "Bestelldaten", [(w["no"], o.number), (w["date"], o.ordered), (w["due"], o.due),
                                (w["pay"], o.payment or "")]),
        (9, 1, w["vendor"], [("Firma", SUPPLIER), ("Anschrift", SUPPLIER_ADDR), ("Lieferantennr.", "K-70311")]),
        (9, 5, w["ship"], [("Werk", "Werk 2 / Tor 5"), ("Anschrift", o.address)]),
    ]  # fmt: skip
    for row, col, title, pairs in blocks:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 2)
        head = ws.cell(row, col, title)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor="1F4E78")
        for t, (label, value) in enumerate(pairs, 1):
            ws.cell(row + t, col, label).font = Font(bold=True)
            ws.merge_cells(start_row=row + t, start_column=col + 1, end_row=row + t, end_column=col + 2)
            cell = ws.cell(row + t, col + 1, value)
            if isinstance(value, date):
                cell.number_format = "DD.MM.YYYY"
    end = xl_lines(ws, o, 15, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"pos": "Pos."},
                   fill="BDD7EE")  # fmt: skip
    xl_sums(ws, o, end + 1, 6, sum_values(o))
    for c, wd in zip("ABCDEFG", (8, 18, 46, 11, 7, 12, 14)):
        ws.column_dimensions[c].width = wd
    xlsx_save(wb, path)


@family("de-xlsx-gestapelte-kopfbloecke-verbundene-zellen", "openpyxl-stacked-blocks")
def de_stacked(m: Maker) -> None:
    """A German workbook: four header blocks (Besteller, Bestelldaten, Lieferant, Lieferanschrift)
    in two stacks side by side, their titles and values in merged cells, dates as date cells."""
    for k in range(4):
        name = f"de-kopfbloecke-{k}"
        o = m.order(name, "de", 2 + k % 4, digits(7310000, 7319999, "B-"), k=k)
        xlsx_stacked(m.path(f"xlsx/{name}.xlsx"), o)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "de", "de-xlsx-gestapelte-kopfbloecke-verbundene-zellen")


@family("en-us-xlsx-po-on-second-sheet-hidden-archive", "openpyxl-second-sheet-hidden-archive")
def en_us_second_sheet(m: Maker) -> None:
    """A US buyer's workbook: an instructions sheet first, the order on the second sheet, and a
    hidden sheet of old orders with other PO numbers, dates and parts."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    for k in range(4):
        name = f"en-us-second-sheet-{k}"
        o = m.order(name, "en-US", 2 + k % 4, digits(55100, 55999, "TPS-"), k=k)
        old = make_order(m.seed, name + "-old", "en-US", 3, digits(54000, 54999, "TPS-"), k=k)
        wb = Workbook()
        info = wb.active
        info.title = "Instructions"
        for t, s in enumerate(
            [
                "How to use this form",
                "1. Fill in the PO tab. 2. Save as PDF or send the workbook.",
                "3. Vendors: confirm within 48 hours to purchasing.",
                f"Questions: {o.phone}",
            ],
            1,
        ):
            info.cell(t, 1, s)  # fmt: skip
        info["A1"].font = Font(bold=True, size=13)
        ws = wb.create_sheet("PO")
        ws["A1"] = o.buyer
        ws["A1"].font = Font(bold=True, size=14)
        ws["A2"] = o.address
        ws["F1"] = "PURCHASE ORDER"
        ws["F1"].font = Font(bold=True, size=14)
        for t, (label, value) in enumerate([("PO #", o.number), ("Date", o.ordered), ("Need by", o.due),
                                            ("Terms", o.payment or ""), ("Buyer", o.person)], 3):  # fmt: skip
            ws.cell(t, 6, label).font = Font(bold=True)
            cell = ws.cell(t, 7, value)
            if isinstance(value, date):
                cell.number_format = "mm/dd/yyyy"
        ws["A4"], ws["A5"], ws["A6"] = "Vendor:", SUPPLIER, SUPPLIER_ADDR
        ws["A4"].font = Font(bold=True)
        end = xl_lines(ws, o, 10, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                       heads={"pos": "Line", "item": "Part #", "price": "Unit Cost", "amount": "Total"})  # fmt: skip
        xl_sums(ws, o, end + 1, 6, [("Subtotal", o.net), ("Total", o.gross)])
        for c, wd in zip("ABCDEFG", (6, 16, 44, 10, 6, 11, 13)):
            ws.column_dimensions[c].width = wd
        arch = wb.create_sheet("Old orders")
        arch.sheet_state = "hidden"
        arch.append(["PO #", "Date", "Part #", "Description", "Qty", "Unit Cost"])
        for ln in old.lines:
            arch.append([old.number, old.ordered, ln.code, ln.text, int(ln.qty), float(ln.price)])
        wb.active = 1
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"))
        m.add(f"xlsx/{name}.xlsx", o.golden(), "en", "en-us-xlsx-po-on-second-sheet-hidden-archive")


@family("ja-xlsx-chumon-merged-onchu-zeikomi", "openpyxl-japanese-merged")
def ja_xlsx(m: Maker) -> None:
    """A Japanese 発注書 workbook: 御中 and our name in a merged block, the buyer's seal box, the
    税込合計 in a big merged cell above the lines, dates as 2026/11/18 date cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    for k in range(4):
        name = f"ja-xlsx-{k}"
        o = m.order(name, "ja", 2 + k % 4, lambda r: f"H{r.randrange(261100, 261199)}-{r.randrange(10, 99)}", k=k)
        w = o.w
        wb = Workbook()
        ws = wb.active
        ws.title = "発注書"
        ws.merge_cells("A1:H1")
        ws["A1"] = w["title"]
        ws["A1"].font = Font(bold=True, size=18)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.merge_cells("A3:D3")
        ws["A3"] = f"{SUPPLIER}　御中"
        ws["A3"].font = Font(size=12, underline="single")
        for t, (label, value) in enumerate([(w["no"], o.number), (w["date"], o.ordered), (w["due"], o.due),
                                            (w["pay"], o.payment or "")], 3):  # fmt: skip
            ws.cell(t, 6, label)
            ws.merge_cells(start_row=t, start_column=7, end_row=t, end_column=8)
            cell = ws.cell(t, 7, value)
            if isinstance(value, date):
                cell.number_format = "yyyy/mm/dd"
        ws["F8"], ws["F9"], ws["F10"] = o.buyer, o.address, f"TEL {o.phone}  {w['buyer']} {o.person}"
        ws.merge_cells("A6:D7")
        ws["A6"] = f"{w['total']}　¥{o.n(o.gross)}-（{w['vat']}込）"
        ws["A6"].font = Font(bold=True, size=14)
        end = xl_lines(ws, o, 12, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"pos": "No."})
        xl_sums(ws, o, end + 1, 6, [(w["net"], o.net), (f"{w['vat']}(10%)", o.tax), (w["total"], o.gross)])
        for c, wd in zip("ABCDEFGH", (5, 16, 40, 9, 6, 10, 13, 8)):
            ws.column_dimensions[c].width = wd
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"))
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ja", "ja-xlsx-chumon-merged-onchu-zeikomi")


def template_xlsx(path: Path, o: Order, *, rows: int = 25, text_numbers: bool = False, sheet: str = "Order") -> None:
    """An order template: a numbered grid of ``rows`` rows, the used ones at the top, the rest
    empty but for their number and a dash in the amount; the numbers typed as text when
    ``text_numbers`` (as a buyer pasting from another system does)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    w = o.w
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = w["title"]
    ws["A1"].font = Font(bold=True, size=15)
    ws["A2"] = o.buyer
    ws["A3"] = o.address
    for t, (label, value) in enumerate(facts(o), 1):
        ws.cell(t, 5, label).font = Font(bold=True)
        ws.cell(t, 6, value)
    ws["A5"], ws["A6"] = w["vendor"], SUPPLIER
    ws["A5"].font = Font(bold=True)
    head = 9
    cols = ["pos", "item", "desc", "qty", "unit", "price", "amount"]
    for i, c in enumerate(cols, 1):
        ws.cell(head, i, {"pos": "#", **w}[c]).font = Font(bold=True)
    for j in range(1, rows + 1):
        ws.cell(head + j, 1, j)
        if j <= len(o.lines):
            ln = o.lines[j - 1]
            q, price, amount = xl_numbers(o, ln)
            vals: list[Any] = [ln.code, ln.text, q, ln.unit, price, amount]
            if text_numbers:
                vals = [ln.code, ln.text, o.q(ln.qty), ln.unit, o.n(ln.price), o.n(ln.amount)]
            for i, v in enumerate(vals, 2):
                cell = ws.cell(head + j, i, v)
                if i == 3:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if i in (6, 7) and not text_numbers:
                    cell.number_format = money_format(o) if i == 7 or ln.price >= 1 else "#,##0.0000"
        else:
            ws.cell(head + j, 7, "-")
    r = head + rows + 2
    for k, (label, value) in enumerate(sum_values(o)):
        ws.cell(r + k, 6, label).font = Font(bold=True)
        ws.cell(r + k, 7, o.n(value) if text_numbers else float(value)).number_format = money_format(o)
    for c, wd in zip("ABCDEFG", (5, 16, 44, 24, 20, 16, 16)):
        ws.column_dimensions[c].width = wd
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    xlsx_save(wb, path)


@family("nl-xlsx-bestelsjabloon-25-regels-leeg", "openpyxl-template-rows")
def nl_template(m: Maker) -> None:
    """A Dutch order template of 25 numbered rows, only the first few used; the rest carry their
    number and a dash in the amount column."""
    for k in range(4):
        name = f"nl-sjabloon-{k}"
        o = m.order(name, "nl", 2 + k % 4, lambda r: f"IO{r.randrange(2600000, 2699999)}", k=k)
        template_xlsx(m.path(f"xlsx/{name}.xlsx"), o, sheet="Bestelling")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "nl", "nl-xlsx-bestelsjabloon-25-regels-leeg")


@family("tr-xlsx-siparis-sayilar-metin-olarak", "openpyxl-numbers-as-text")
def tr_text_numbers(m: Maker) -> None:
    """A Turkish order workbook whose quantities, prices and sums are text in the Turkish style
    (``12.500``, ``1.234,50``), as pasted from another system; a 30-row template, KDV 20 %."""
    for k in range(4):
        name = f"tr-metin-sayi-{k}"
        o = m.order(name, "tr", 2 + k % 4, lambda r: f"SA-{r.randrange(2026, 2027)}-{r.randrange(10000, 99999)}", k=k)
        template_xlsx(m.path(f"xlsx/{name}.xlsx"), o, rows=30, text_numbers=True, sheet="Sipariş")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "tr", "tr-xlsx-siparis-sayilar-metin-olarak")


@family("ko-xlsx-balju-segeum-gyesanseo-columns", "openpyxl-korean-tax-columns")
def ko_xlsx(m: Maker) -> None:
    """A Korean 발주서 workbook with 공급가액 and 세액 (10 %) per line, 합계 on each row, the head
    across merged cells at the right, dates as date cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    for k in range(4):
        name = f"ko-xlsx-{k}"
        o = m.order(name, "ko", 2 + k % 4, lambda r: f"{r.randrange(2026, 2027)}{r.randrange(1100, 1199)}-{r.randrange(100, 999)}",
                    k=k)  # fmt: skip
        o.payment = None  # not printed
        o.line_tax = True
        w = o.w
        wb = Workbook()
        ws = wb.active
        ws.title = "발주서"
        ws.merge_cells("A1:I1")
        ws["A1"] = w["title"]
        ws["A1"].font = Font(bold=True, size=18)
        ws["A3"], ws["A4"], ws["A5"] = f"{SUPPLIER} 귀하", "아래와 같이 발주합니다.", f"{w['due']}: {o.d(o.due)}"
        for t, (label, value) in enumerate(
            [
                (w["no"], o.number),
                (w["date"], o.ordered),
                ("상호", o.buyer),
                ("주소", o.address),
                (w["buyer"], f"{o.person} {o.phone}"),
            ],
            3,
        ):
            ws.cell(t, 6, label).font = Font(bold=True)  # fmt: skip
            ws.merge_cells(start_row=t, start_column=7, end_row=t, end_column=9)
            cell = ws.cell(t, 7, value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
        head = 10
        for i, t in enumerate(["순번", w["item"], w["desc"], w["unit"], w["qty"], w["price"], w["amount"], "세액",
                               "합계"], 1):  # fmt: skip
            ws.cell(head, i, t).font = Font(bold=True)
        for j, ln in enumerate(o.lines, 1):
            tax = money(ln.amount * o.vat / 100, o.currency)
            for i, v in enumerate([j, ln.code, ln.text, ln.unit, int(ln.qty), int(ln.price), int(ln.amount), int(tax),
                                   int(ln.amount + tax)], 1):  # fmt: skip
                ws.cell(head + j, i, v).number_format = "#,##0"
        xl_sums(ws, o, head + len(o.lines) + 2, 7, [(w["net"], o.net), (w["vat"], o.tax), (w["total"], o.gross)])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"))
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ko", "ko-xlsx-balju-segeum-gyesanseo-columns")


# ----------------------------------------------------------------------------- python-docx families


def docx_cell(cell: Any, text: str, *, bold: bool = False, size: float = 9, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.text = ""
    par = cell.paragraphs[0]
    run = par.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if right:
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def docx_po(
    path: Path,
    o: Order,
    *,
    cols: list[str],
    author: str,
    empty_rows: int = 0,
    merged_head: bool = False,
    terms: str | None = None,
    pairs_table: bool = True,
    style: str | None = None,
) -> None:
    """A Word order: the buyer's name and title, the facts in a two-column table of label and value
    cells (or, with ``merged_head``, one table whose top cells are merged across), the line table
    (with ``empty_rows`` blank rows left in the template), the sums, and ``terms`` after it."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    w = o.w
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(9)
    title = doc.add_paragraph()
    run = title.add_run(o.buyer)
    run.bold = True
    run.font.size = Pt(14)
    doc.add_paragraph(f"{o.address}\nTel. {o.phone} · {o.mail}")
    head = doc.add_paragraph()
    run = head.add_run(w["title"])
    run.bold = True
    run.font.size = Pt(16)
    pairs = facts(o, style=style) + [(w["vendor"], f"{SUPPLIER}, {SUPPLIER_ADDR}"), (w["ship"], o.address)]
    if merged_head:
        t = doc.add_table(rows=3 + (len(pairs) + 1) // 2, cols=4)
        t.style = "Table Grid"
        top = t.cell(0, 0).merge(t.cell(0, 3))
        docx_cell(top, f"{w['title']} – {o.buyer}", bold=True, size=11)
        for i, (label, value) in enumerate(pairs):
            r, c = 1 + i // 2, (i % 2) * 2
            docx_cell(t.cell(r, c), label, bold=True)
            docx_cell(t.cell(r, c + 1), value)
        last = 1 + (len(pairs) + 1) // 2
        note = t.cell(last, 0).merge(t.cell(last + 1, 3))
        docx_cell(note, "Please confirm by return mail. / Vänligen bekräfta per e-post." if o.loc == "sv" else "")
    elif pairs_table:
        t = doc.add_table(rows=len(pairs), cols=2)
        t.style = "Table Grid"
        for i, (label, value) in enumerate(pairs):
            docx_cell(t.cell(i, 0), label, bold=True)
            docx_cell(t.cell(i, 1), value)
    doc.add_paragraph()
    rows = grid(o, cols, style=style)
    t = doc.add_table(rows=len(rows) + empty_rows, cols=len(cols))
    t.style = "Table Grid"
    right_cols = {i for i, c in enumerate(cols) if c in ("qty", "price", "amount", "gprice", "gamount")}
    t.autofit = False
    cm = {"pos": 0.9, "item": 2.9, "qty": 2.0, "unit": 1.2, "price": 2.0, "amount": 2.4, "when": 2.2}
    grid_cols = t._tbl.tblGrid.findall(qn("w:gridCol"))
    for i, c in enumerate(cols):
        width = Cm(cm.get(c, 0) or 17 - sum(cm.get(x, 0) for x in cols))
        grid_cols[i].set(qn("w:w"), str(int(width.emu / 635)))  # twips: what Writer lays the table out by
        for cell in t.columns[i].cells:
            cell.width = width
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            docx_cell(t.cell(r, c), text, bold=r == 0, size=8.5, right=r > 0 and c in right_cols)
    for r in range(len(rows), len(rows) + empty_rows):
        if "pos" in cols:
            docx_cell(t.cell(r, cols.index("pos")), str(r), size=8.5)
    doc.add_paragraph()
    s = doc.add_table(rows=len(sums(o)), cols=2)
    for i, (label, value) in enumerate(sums(o)):
        docx_cell(s.cell(i, 0), label, bold=True)
        docx_cell(s.cell(i, 1), value, right=True)
    if terms:
        doc.add_paragraph()
        doc.add_paragraph(terms)
    docx_save(doc, path, author)


@family("en-gb-docx-label-cells-empty-template-rows", "python-docx-template-rows")
def en_gb_docx(m: Maker) -> None:
    """A UK Word order: the facts in label and value cells, a line table with eight blank template
    rows under the used ones, dates ``18/11/2026``, VAT 20 %."""
    for k in range(4):
        name = f"en-gb-docx-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, lambda r: f"HFC/{r.randrange(2600, 2699)}/{r.randrange(100, 999)}", k=k)
        docx_po(m.path(f"docx/{name}.docx"), o, cols=["pos", "item", "desc", "qty", "unit", "price", "amount"],
                author=o.person, empty_rows=8)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "en", "en-gb-docx-label-cells-empty-template-rows")


@family("sv-docx-bestallning-sammanslagna-celler", "python-docx-merged-head")
def sv_docx(m: Maker) -> None:
    """A Swedish Word order whose head is one table with merged cells (a title across, the facts two
    pairs a row, a note across two rows); dates ISO, moms 25 %."""
    for k in range(4):
        name = f"sv-docx-{k}"
        o = m.order(name, "sv", 2 + k % 4, digits(88000, 88999, "BST"), k=k)
        docx_po(m.path(f"docx/{name}.docx"), o, cols=["item", "desc", "qty", "unit", "price", "amount"],
                author=o.person, merged_head=True)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "sv", "sv-docx-bestallning-sammanslagna-celler")


@family("es-docx-pedido-condiciones-tras-la-tabla", "python-docx-terms-after")
def es_docx(m: Maker) -> None:
    """A Spanish Word order with long conditions after the table (clauses full of percentages, days
    and amounts), IVA 21 %."""
    terms = ("CONDICIONES GENERALES: 1. El proveedor confirmará el pedido en 48 horas. 2. Penalización por "
             "retraso: 1 % del importe por semana, máximo 10 %. 3. Se admite una tolerancia de cantidad de ±2 %. "
             "4. Horario de recepción: 8:00 a 14:00, muelle 3. 5. Facturas con número de pedido; las facturas "
             "inferiores a 50,00 € se abonarán trimestralmente.")  # fmt: skip
    for k in range(4):
        name = f"es-docx-{k}"
        o = m.order(name, "es", 2 + k % 3, lambda r: f"PED-{r.randrange(26000, 26999)}", k=k)
        docx_po(m.path(f"docx/{name}.docx"), o, cols=["pos", "item", "desc", "qty", "unit", "price", "amount"],
                author="Compras", terms=terms)  # fmt: skip
        m.add(f"docx/{name}.docx", o.golden(), "es", "es-docx-pedido-condiciones-tras-la-tabla")


# ----------------------------------------------------------------------------- LibreOffice conversions


@family("it-docx-stampato-da-libreoffice", "libreoffice-docx-pdf")
def it_docx_pdf(m: Maker) -> None:
    """An Italian Word order printed to PDF by LibreOffice: label cells, blank template rows."""
    for k in range(4):
        name = f"it-docx-pdf-{k}"
        o = m.order(name, "it", 2 + k % 4, lambda r: f"ODA{r.randrange(260000, 269999)}", k=k)
        src = m.src(name).with_suffix(".docx")
        docx_po(src, o, cols=["pos", "item", "desc", "qty", "unit", "price", "amount"], author=o.person,
                empty_rows=4)  # fmt: skip
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "it", "it-docx-stampato-da-libreoffice")


@family("nl-docx-opgeslagen-als-odt", "libreoffice-docx-odt")
def nl_docx_odt(m: Maker) -> None:
    """A Dutch Word order with a merged head, saved as OpenDocument text by LibreOffice."""
    for k in range(4):
        name = f"nl-docx-odt-{k}"
        o = m.order(name, "nl", 2 + k % 3, lambda r: f"{r.randrange(4400, 4499)}.{r.randrange(100, 999)}", k=k)
        src = m.src(name).with_suffix(".docx")
        docx_po(src, o, cols=["item", "desc", "qty", "unit", "price", "amount"], author=o.person, merged_head=True)
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "nl", "nl-docx-opgeslagen-als-odt")


@family("hu-xlsx-nyomtatva-libreoffice", "libreoffice-xlsx-pdf")
def hu_xlsx_pdf(m: Maker) -> None:
    """A Hungarian order template printed to PDF by LibreOffice Calc (numbered empty rows)."""
    for k in range(4):
        name = f"hu-xlsx-pdf-{k}"
        o = m.order(name, "hu", 2 + k % 4, lambda r: f"MR-{r.randrange(26000, 26999)}", k=k)
        src = m.src(name).with_suffix(".xlsx")
        template_xlsx(src, o, rows=12, sheet="Megrendelés")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "hu", "hu-xlsx-nyomtatva-libreoffice")


@family("cs-xlsx-ulozeno-jako-ods-bloky", "libreoffice-xlsx-ods")
def cs_xlsx_ods(m: Maker) -> None:
    """A Czech order template (fifteen numbered rows, most of them empty) saved as .ods by
    LibreOffice Calc."""
    for k in range(4):
        name = f"cs-xlsx-ods-{k}"
        o = m.order(name, "cs", 2 + k % 3, lambda r: f"NO{r.randrange(260000, 269999)}", k=k)
        src = m.src(name).with_suffix(".xlsx")
        template_xlsx(src, o, rows=15, sheet="Objednávka")
        m.convert(src, "ods", f"ods/{name}.ods", o.golden(), "cs", "cs-xlsx-ulozeno-jako-ods-bloky")


def fodt(o: Order, cols: list[str], *, style: str | None = None, note: str = "") -> str:
    """A flat OpenDocument text: title, facts in a two-column table, the lines, the sums."""

    def cell(t: str, style_name: str = "P") -> str:
        return f'<table:table-cell office:value-type="string"><text:p text:style-name="{style_name}">{esc(t)}</text:p></table:table-cell>'

    def tab(rows: list[list[str]], name: str, kinds: list[str] | None = None) -> str:
        body = "".join("<table:table-row>" + "".join(cell(c, "H" if k == 0 and name == "Lines" else "P")
                                                     for c in r) + "</table:table-row>"
                       for k, r in enumerate(rows))  # fmt: skip
        columns = "".join(f'<table:table-column table:style-name="C{c}"/>' for c in (kinds or ["half"] * len(rows[0])))
        return f'<table:table table:name="{name}" table:style-name="Tab">{columns}{body}</table:table>'

    w = o.w
    pairs = [[a, b] for a, b in facts(o, style=style)] + [[w["vendor"], SUPPLIER]]
    cm = {"pos": 0.9, "item": 2.9, "qty": 1.8, "unit": 1.2, "price": 2.0, "amount": 2.4, "when": 2.2, "half": 8.5}
    cm["desc"] = 17 - sum(cm.get(c, 0) for c in cols if c != "desc")
    widths = "\n".join(f'<style:style style:name="C{c}" style:family="table-column"><style:table-column-properties '
                       f'style:column-width="{v:.1f}cm"/></style:style>' for c, v in cm.items())  # fmt: skip
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="T" style:family="paragraph"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:font-weight="bold"/></style:style>
<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Tab" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>
{widths}
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="T">{esc(o.buyer)}</text:p>
<text:p text:style-name="P">{esc(o.address)} · {esc(o.phone)}</text:p>
<text:p text:style-name="T">{esc(w["title"])}</text:p>
{tab(pairs, "Head")}
<text:p text:style-name="P"/>
{tab(grid(o, cols, style=style), "Lines", cols)}
<text:p text:style-name="P"/>
{tab([[a, b] for a, b in sums(o)], "Sums")}
<text:p text:style-name="P">{esc(note)}</text:p>
</office:text></office:body></office:document>
"""


@family("pl-fodt-drukowane-libreoffice", "libreoffice-fodt-pdf")
def pl_fodt_pdf(m: Maker) -> None:
    """A Polish order written as flat OpenDocument and printed to PDF by LibreOffice Writer."""
    for k in range(4):
        name = f"pl-fodt-{k}"
        o = m.order(name, "pl", 2 + k % 4, lambda r: f"ZAM/{r.randrange(100, 999)}/2026", k=k)
        src = m.src(name).with_suffix(".fodt")
        src.write_text(
            fodt(
                o,
                ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                note="Prosimy o potwierdzenie zamówienia w ciągu 2 dni roboczych.",
            ),
            encoding="utf-8",
        )
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "pl", "pl-fodt-drukowane-libreoffice")


@family("tr-fodt-kaydedildi-odt", "libreoffice-fodt-odt")
def tr_fodt_odt(m: Maker) -> None:
    """A Turkish order written as flat OpenDocument and saved as .odt by LibreOffice Writer."""
    for k in range(4):
        name = f"tr-fodt-odt-{k}"
        o = m.order(name, "tr", 2 + k % 3, lambda r: f"TS{r.randrange(26000, 26999)}", k=k)
        src = m.src(name).with_suffix(".fodt")
        src.write_text(fodt(o, ["item", "desc", "qty", "unit", "price", "amount"]), encoding="utf-8")
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "tr", "tr-fodt-kaydedildi-odt")


# ----------------------------------------------------------------------------- HTML and mail families


@family("en-us-webshop-order-printout-html", "html-webshop-printout")
def en_us_webshop(m: Maker) -> None:
    """A B2B web shop's order page saved as HTML: ``Order #WS…`` placed on ``Nov 18, 2026``, the
    items as cards (SKU, Qty, Price each, line total), billing and shipping addresses, shipping and
    sales tax in the summary."""
    for k in range(4):
        name = f"en-us-webshop-{k}"
        o = m.order(name, "en-US", 2 + k % 4, digits(100200000, 100299999, "WS"), k=k)
        r = m.r(name)
        o.vat = Decimal(("6", "7.25", "0", "4.5")[k])
        o.freight = Decimal(r.choice(["19.99", "45.00", "0"]))
        cards = "\n".join(
            f'<div class="item"><div class="name">{esc(ln.text)}</div><div class="sku">SKU: {esc(ln.code)}</div>'
            f'<div class="qty">Qty: {o.q(ln.qty)} {ln.unit}</div><div class="price">Price each: ${o.n(ln.price)}</div>'
            f'<div class="total">${o.n(ln.amount)}</div></div>'
            for ln in o.lines
        )
        page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Order {o.number} | Supplier Portal</title>
<style>.item{{border:1px solid #ccc;margin:6px;padding:6px}} .total{{font-weight:bold}}</style></head><body>
<header><a href="/">Example Manufacturing B2B Shop</a> | <a href="/account">My account</a> | Cart (0)</header>
<h1>Order #{o.number}</h1><p>Placed on {o.d(o.ordered, "mdy")} by {esc(o.person)} ({esc(o.mail)})</p>
<p>Status: Submitted · Requested delivery: {o.d(o.due, "mdy")} · Payment: {esc(o.payment or "")}</p>
<section><h2>Billing address</h2><p>{esc(o.buyer)}<br>{esc(o.address)}<br>{esc(o.phone)}</p>
<h2>Shipping address</h2><p>{esc(o.buyer)}<br>Receiving, {esc(o.address)}</p></section>
<section><h2>Items ({len(o.lines)})</h2>{cards}</section>
<section><h2>Order summary</h2><table><tr><td>Items subtotal</td><td>${o.n(o.net)}</td></tr>
<tr><td>Shipping</td><td>${o.n(o.freight)}</td></tr><tr><td>Sales tax ({o.pct(o.vat)}%)</td><td>${o.n(o.tax)}</td></tr>
<tr><th>Order total (USD)</th><th>${o.n(o.gross)}</th></tr></table></section>
<footer>© 2026 Example Manufacturing Co., Ltd. · Page printed {o.d(o.ordered, "us")} 10:4{k} AM</footer></body></html>
"""
        m.path(f"html/{name}.html").write_text(page, encoding="utf-8")
        m.add(f"html/{name}.html", o.golden(), "en", "en-us-webshop-order-printout-html")


def outlook_html(o: Order, paragraphs: list[str], rows: list[list[str]], right_from: int = 3) -> str:
    paras = "".join(f"<p class=MsoNormal>{esc(p) or '&nbsp;'}<o:p></o:p></p>" for p in paragraphs)
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type '
        'content="text/html; charset=iso-8859-15"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;'
        'font-family:"Calibri",sans-serif}</style></head><body lang=DE><div class=WordSection1>'
        f"{paras}"
        + html_table(
            rows,
            attrs='class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse"',
            right_from=right_from,
        )  # fmt: skip
        + "<p class=MsoNormal>&nbsp;<o:p></o:p></p>"
        f"<p class=MsoNormal>Mit freundlichen Grüßen<br>{esc(o.person)}<br>Einkauf<br>{esc(o.buyer)}<br>"
        f"{esc(o.address)}<br>Tel. {esc(o.phone)}</p></div></body></html>"
    )


@family("de-outlook-html-iso-8859-15-tabelle", "email-outlook-html")
def de_outlook(m: Maker) -> None:
    """An order typed into an Outlook mail as a table (HTML in ISO-8859-15 with a plain part), the
    order number and date in the text above it, the net total and the delivery date below."""
    for k in range(4):
        name = f"de-outlook-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(45100, 45999, "EK-"), k=k)
        o.vat = Decimal(0)
        rows = grid(
            o, ["item", "desc", "qty", "unit", "price", "amount"], heads={"price": "Preis/ST", "amount": "Wert"}
        )
        paras = ["Sehr geehrte Damen und Herren,", "",
                 f"hiermit bestellen wir mit Bestellnummer {o.number} vom {o.d(o.ordered)}:", ""]  # fmt: skip
        after = [f"Gesamt netto: {o.n(o.net)} EUR", f"Liefertermin: {o.d(o.due)}, frei Haus Werk 2",
                 f"Zahlung: {o.payment}"]  # fmt: skip
        html = outlook_html(o, paras, rows, right_from=2).replace(
            "<p class=MsoNormal>&nbsp;<o:p></o:p></p>",
            "".join(f"<p class=MsoNormal>{esc(t)}<o:p></o:p></p>" for t in [""] + after), 1)  # fmt: skip
        text = "\n".join(
            paras
            + text_table(rows, 2, " | ")
            + [""]
            + after
            + ["", "Mit freundlichen Grüßen", o.person, o.buyer, o.phone]
        )
        msg = message(o, name, f"Bestellung {o.number}", text=text, html=html, charset="iso-8859-15",
                      agent="Microsoft Outlook 16.0")  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "de", "de-outlook-html-iso-8859-15-tabelle")


def plain_order_body(o: Order, greet: str, ask: str, cols: list[str], close: str, *, extra: list[str] | None = None,
                     right_from: int = 3, sep: str = "  ", style: str | None = None) -> str:  # fmt: skip
    w = o.w
    out = [greet, "", ask, ""]
    out += [f"{w['no']}: {o.number}", f"{w['date']}: {o.d(o.ordered, style)}", f"{w['due']}: {o.d(o.due, style)}", ""]
    out += text_table(grid(o, cols, style=style), right_from, sep)
    out += [""] + [f"{a}: {b}" for a, b in sums(o)] + [""] + (extra or []) + [close, o.person, o.buyer, o.address,
                                                                               f"Tel. {o.phone}"]  # fmt: skip
    return "\n".join(out)


@family("cs-mail-iso-8859-2-sloupce", "email-plain-iso-8859-2")
def cs_mail(m: Maker) -> None:
    """A Czech order typed as a plain mail in ISO-8859-2, the lines in padded columns."""
    for k in range(4):
        name = f"cs-mail-{k}"
        o = m.order(name, "cs", 2 + k % 4, lambda r: f"{r.randrange(26, 27)}OB{r.randrange(10000, 99999)}", k=k)
        text = plain_order_body(o, "Dobrý den,", "objednáváme u Vás následující zboží:",
                                ["item", "desc", "qty", "unit", "price", "amount"], "S pozdravem",
                                extra=[f"Platba: {o.payment}.", ""], right_from=2)  # fmt: skip
        msg = message(o, name, f"Objednávka {o.number}", text=text, charset="iso-8859-2", agent="Thunderbird/128.4")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "cs", "cs-mail-iso-8859-2-sloupce")


@family("ja-mail-shift-jis-chumon", "email-plain-shift-jis")
def ja_mail(m: Maker) -> None:
    """A Japanese order mail in Shift_JIS: いつもお世話になっております, the lines padded with
    full-width-aware columns, 税抜 and 税込 sums."""
    for k in range(4):
        name = f"ja-mail-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"M{r.randrange(2611000, 2611999)}", k=k)
        o.payment = None  # not printed
        text = plain_order_body(o, f"{SUPPLIER}\n営業部 御中\n\nいつもお世話になっております。",
                                "下記の通り注文いたします。ご確認のほどよろしくお願いいたします。",
                                ["item", "desc", "qty", "unit", "price", "amount"], "以上、よろしくお願いいたします。",
                                right_from=2)  # fmt: skip
        msg = message(
            o, name, f"注文書送付の件（{o.number}）", text=text, charset="shift_jis", agent="Becky! ver. 2.81"
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ja", "ja-mail-shift-jis-chumon")


@family("zh-hant-mail-big5-html-table", "email-html-big5")
def zh_hant_mail(m: Maker) -> None:
    """A Taiwanese order mail in Big5, an HTML table only (no plain part), 民國 dates above it."""
    for k in range(4):
        name = f"zh-hant-mail-{k}"
        o = m.order(name, "zh-Hant", 2 + k % 4, lambda r: f"TP{r.randrange(1151100, 1151199)}{r.randrange(10, 99)}",
                    k=k)  # fmt: skip
        w = o.w
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        html = (f"<html><head><meta charset='big5'></head><body><p>{esc(SUPPLIER)} 業務部 您好：</p>"
                f"<p>茲訂購下列物品，請依交期出貨。</p><p>{w['no']}：{o.number}<br>{w['date']}：{o.d(o.ordered)}<br>"
                f"{w['due']}：{o.d(o.due)}<br>{w['pay']}：{o.payment}</p>{html_table(rows, right_from=2)}"
                f"<p>{'<br>'.join(f'{a}：{b}' for a, b in sums(o))}</p><p>{esc(o.person)}<br>{esc(o.buyer)}<br>"
                f"電話 {o.phone}</p></body></html>")  # fmt: skip
        msg = message(o, name, f"訂購單 {o.number}", html=html, charset="big5", agent="Foxmail 7.2")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "zh-Hant", "zh-hant-mail-big5-html-table")


@family("ko-mail-euc-kr-plain-balju", "email-plain-euc-kr")
def ko_mail(m: Maker) -> None:
    """A Korean order mail in EUC-KR: 안녕하세요, the lines as a padded table, 공급가액 and 부가세."""
    for k in range(4):
        name = f"ko-mail-{k}"
        o = m.order(name, "ko", 2 + k % 3, lambda r: f"B{r.randrange(26110, 26119)}-{r.randrange(1000, 9999)}", k=k)
        o.payment = None  # not printed
        text = plain_order_body(o, f"{SUPPLIER} 담당자님, 안녕하세요.", "아래와 같이 발주하오니 납기 내 납품 부탁드립니다.",
                                ["item", "desc", "qty", "unit", "price", "amount"], "감사합니다.", right_from=2,
                                style="ko_dash")  # fmt: skip
        msg = message(o, name, f"[발주] {o.number}", text=text, charset="euc-kr", agent="Daum Mail")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ko", "ko-mail-euc-kr-plain-balju")


@family("tr-mail-windows-1254-madde-isaretli", "email-plain-windows-1254")
def tr_mail(m: Maker) -> None:
    """A Turkish order written as bullet points in windows-1254, each line a sentence (``- 2.500
    ADET HSG-… Sensör gövdesi…, birim fiyat 4,85 EUR``), the sums after them."""
    for k in range(4):
        name = f"tr-mail-{k}"
        o = m.order(name, "tr", 2 + k % 4, digits(660000, 669999, "SP"), k=k, currency="EUR")
        bullets = [f"- {o.q(ln.qty)} {ln.unit} {ln.code} {ln.text}, birim fiyat {o.n(ln.price)} EUR, tutar "
                   f"{o.n(ln.amount)} EUR" for ln in o.lines]  # fmt: skip
        text = "\n".join(
            ["Merhaba,", "", f"{o.d(o.ordered)} tarihli {o.number} numaralı siparişimiz aşağıdadır:", ""]
            + bullets
            + [
                "",
                f"Ara toplam: {o.n(o.net)} EUR",
                f"KDV %{o.pct(o.vat)}: {o.n(o.tax)} EUR",
                f"Genel toplam: {o.n(o.gross)} EUR",
                f"Termin: {o.d(o.due)}",
                f"Vade: {o.payment}",
                "",
                "Saygılarımızla,",
                o.person,
                o.buyer,
                o.phone,
            ]
        )
        msg = message(o, name, f"Sipariş {o.number}", text=text, charset="windows-1254", agent="Microsoft Outlook 15.0")
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "tr", "tr-mail-windows-1254-madde-isaretli")


@family("pt-br-gmail-html-pedido-utf8", "email-gmail-html")
def pt_br_gmail(m: Maker) -> None:
    """A Brazilian order from Gmail: ``<div dir=ltr>`` paragraphs and a pasted table, the plain part
    with ``*`` for bold, IPI and frete in the sums, the signature with CNPJ and phone numbers."""
    for k in range(4):
        name = f"pt-br-gmail-{k}"
        o = m.order(name, "pt", 2 + k % 3, digits(3300, 3999, "PC-"), k=k)
        o.freight = Decimal(m.r(name).choice(["120.00", "75.00"]))
        w = o.w
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        head = ["Bom dia,", f"Segue nosso pedido de compra nº {o.number} de {o.d(o.ordered)}.",
                f"Entrega até {o.d(o.due)}. {w['pay']}: {o.payment}."]  # fmt: skip
        sign = [o.person, o.buyer, f"CNPJ 1{k}.220.431/0001-0{k}", o.phone]
        html = (
            '<div dir="ltr">'
            + "".join(f"<div>{esc(t)}</div>" for t in head)
            + "<br>"
            + html_table(rows, attrs='border="1" style="border-collapse:collapse"', right_from=2)
            + "<br>"
            + "".join(f"<div><b>{esc(a)}:</b> {esc(b)}</div>" for a, b in sums(o))
            + '<br><div class="gmail_signature">'
            + "<br>".join(esc(t) for t in sign)
            + "</div></div>"
        )
        text = "\n".join(head + [""] + text_table(rows, 2, " | ") + [""] + [f"*{a}:* {b}" for a, b in sums(o)]
                         + ["", "--"] + sign)  # fmt: skip
        msg = message(o, name, f"Pedido de compra {o.number}", text=text, html=html, agent=None)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "pt", "pt-br-gmail-html-pedido-utf8")


@family("sv-mail-pdf-bilaga-kort-text", "email-pdf-attachment")
def sv_mail_pdf(m: Maker) -> None:
    """A Swedish mail of two lines with the order as a PDF attachment (a boxed canvas order); the
    body names another number (the buyer's project) that is not the order number."""
    for k in range(4):
        name = f"sv-mail-pdf-{k}"
        o = m.order(name, "sv", 2 + k % 4, digits(51000, 51999, "IO"), k=k)
        o.payment = None  # not printed
        w = o.w
        src = m.work / f"f9-{name}.pdf"

        def head(p: Page, *, o: Any = o, w: Any = w) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, w["title"], 15, bold=True, align="right")
            return boxes_values_below(p, [(w["no"], o.number), (w["date"], o.d(o.ordered)), (w["due"], o.d(o.due)),
                                          (w["buyer"], o.person)], y + 6)  # fmt: skip

        canvas_po(src, o, ["item", "desc", "qty", "unit", "price", "amount"], creator="Monitor ERP", head=head)
        text = f"Hej!\n\nBifogar beställning för projekt P-{2200 + k * 7}. Bekräfta gärna leveransdatum.\n\n" \
               f"Mvh\n{o.person}\n{o.buyer}\n{o.phone}"  # fmt: skip
        msg = message(o, name, f"Beställning {o.number}", text=text,
                      files=[(f"Bestallning_{o.number}.pdf", src.read_bytes(), "application/pdf")])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(), "sv", "sv-mail-pdf-bilaga-kort-text")


@family("en-gb-mail-spool-text-attachment", "email-text-attachment")
def en_gb_spool_txt(m: Maker) -> None:
    """A UK buyer's ERP mails its spool file as a .txt attachment: fixed columns, the PO number and
    date in a banner with the page number, values apart from labels, VAT and carriage at the end."""
    for k in range(4):
        name = f"en-gb-spool-{k}"
        o = m.order(name, "en-GB", 2 + k % 4, digits(300100, 300999, "P"), k=k)
        o.freight = Decimal("0")
        o.payment = (o.payment or "").upper()  # the spool prints capitals
        st = "dmy_short"
        lines = [f"{o.buyer.upper():50}PAGE: 0001",
                 f"{'PURCHASE ORDER':50}PO NO: {o.number}",
                 f"{'':50}DATE : {o.d(o.ordered, st)}", "",
                 f"SUPPLIER : {SUPPLIER}", f"           {SUPPLIER_ADDR}", "",
                 f"DELIVER BY   {o.d(o.due, st)}      TERMS  {o.payment}", "",
                 f"{'PART':16} {'DESCRIPTION':44} {'QTY':>8} {'UOM':4} {'PRICE':>10} {'VALUE':>11}",
                 "-" * 98]  # fmt: skip
        for ln in o.lines:
            ln.text = desc = ln.text.upper()  # the spool prints capitals: the golden says what it prints
            parts = chunks(desc, 44)
            lines.append(f"{ln.code:16} {parts[0]:44} {o.q(ln.qty):>8} {ln.unit:4} {o.n(ln.price):>10} "
                         f"{o.n(ln.amount):>11}")  # fmt: skip
            for part in parts[1:]:
                lines.append(f"{'':16} {part}")
        lines += ["-" * 98, f"{'GOODS':>86} {o.n(o.net):>11}", f"{'VAT 20%':>86} {o.n(o.tax):>11}",
                  f"{'TOTAL GBP':>86} {o.n(o.gross):>11}", "", "END OF REPORT"]  # fmt: skip
        data = ("\r\n".join(lines) + "\r\n").encode("cp1252")
        msg = message(o, name, f"Purchase Order {o.number}", text="Please find our purchase order attached.\n\n"
                      "This is an automatically generated message.",
                      files=[(f"PO{o.number}.TXT", data, "text/plain")], sender=("Purchasing", o.mail))  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(), "en", "en-gb-mail-spool-text-attachment")


# ----------------------------------------------------------------------------- scans (Pillow)

SCAN_COLS = ["pos", "item", "desc", "qty", "unit", "price", "amount"]
SCAN_WIDTHS = [8.0, 28, 56, 24, 12, 20, 26]


@family("de-scan-grau-300dpi-leicht-gedreht", "pillow-scan-grey-pdf")
def de_scan(m: Maker) -> None:
    """A German order printed, signed and scanned at 300 dpi in grey, turned by about a degree, with
    speckles; an image-only PDF."""
    for k in range(4):
        name = f"de-scan-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(88100, 88999, "BS-"), k=k)
        r = m.r(name)
        items = order_lines_for_scan(o, o.w["title"], SCAN_COLS, widths_mm=SCAN_WIDTHS)
        pages = scan_pages([items], r, dpi=300, angle=r.choice([-1.2, -0.6, 0.7, 1.1]), noise=2500)
        scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "de", "de-scan-grau-300dpi-leicht-gedreht")


@family("zh-chuanzhen-200dpi-heibai", "pillow-fax-bw-pdf")
def zh_fax(m: Maker) -> None:
    """A Chinese order faxed at 200 dpi in black and white: a fax header line at the top, turned a
    little, noisy; an image-only PDF."""
    for k in range(4):
        name = f"zh-fax-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"QD{r.randrange(2611000, 2611999)}", k=k)
        r = m.r(name)
        items = order_lines_for_scan(o, o.w["title"], SCAN_COLS, widths_mm=[8.0, 30, 58, 18, 12, 20, 28])
        items.insert(0, (8, 4, f"FROM: {o.phone}   {o.d(o.ordered, 'iso')} 09:{12 + k}   P.1/1", 7, False))
        pages = scan_pages([items], r, dpi=200, angle=r.choice([-0.9, 0.5, 1.3]), noise=1800, cjk=True, grey=False)
        scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "zh", "zh-chuanzhen-200dpi-heibai")


@family("es-foto-jpeg-adjunta-al-correo", "pillow-scan-jpeg-mail")
def es_jpeg(m: Maker) -> None:
    """A Spanish order photographed or scanned to JPEG and sent as the only attachment of a short
    mail."""
    for k in range(4):
        name = f"es-jpeg-{k}"
        o = m.order(name, "es", 2 + k % 3, lambda r: f"P{r.randrange(2026, 2027)}/{r.randrange(1000, 9999)}", k=k)
        r = m.r(name)
        items = order_lines_for_scan(o, o.w["title"], SCAN_COLS, widths_mm=SCAN_WIDTHS)
        img = scan_pages([items], r, dpi=150, angle=r.choice([-1.5, 0.8, 1.6]), noise=1200)[0]
        buf = io.BytesIO()
        img.convert("L").save(buf, "JPEG", quality=72)
        msg = message(o, name, "Pedido", text=f"Buenos días,\nos adjunto el pedido escaneado.\nSaludos,\n{o.person}",
                      files=[(f"pedido_{k + 1}.jpg", buf.getvalue(), "image/jpeg")])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "es", "es-foto-jpeg-adjunta-al-correo")


@family("fr-scan-tiff-copieur-courriel", "pillow-scan-tiff-mail")
def fr_tiff(m: Maker) -> None:
    """A French order sent from a copier: a black-and-white TIFF at 200 dpi attached to a mail
    without text but the copier's line."""
    for k in range(4):
        name = f"fr-tiff-{k}"
        o = m.order(name, "fr", 2 + k % 4, lambda r: f"BC{r.randrange(260000, 269999)}", k=k)
        r = m.r(name)
        items = order_lines_for_scan(o, o.w["title"], SCAN_COLS, widths_mm=SCAN_WIDTHS, style="slash")
        img = scan_pages([items], r, dpi=200, angle=r.choice([-0.8, 0.6]), noise=1500, grey=False)[0]
        buf = io.BytesIO()
        img.save(buf, "TIFF", compression="group4", dpi=(200, 200))
        msg = message(o, name, f"Numérisation du {o.d(o.ordered)}", text="Document numérisé par RICOH MP C3004.",
                      files=[(f"SCAN_{k:04d}.tif", buf.getvalue(), "image/tiff")],
                      sender=("Copieur Achats", o.mail))  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "fr", "fr-scan-tiff-copieur-courriel")


# ----------------------------------------------------------------------------- not orders


def from_supplier(o: Order, company: str, address: str, person: str, domain: str) -> Order:
    """The same drawn figures, from one of our own suppliers (the document is about what we buy)."""
    o.buyer, o.address, o.person = company, address, person
    o.mail = f"{person.split()[0].lower()}@{domain}"
    return o


@family("not-order-en-us-supplier-order-acknowledgement", "reportlab-canvas-acknowledgement")
def no_ack(m: Maker) -> None:
    """A supplier of ours acknowledges the order we placed with them: ``Sales Order Acknowledgement``
    with their sales order number, "Your PO" (ours), confirmed ship dates; it is not an order to us."""
    for k in range(4):
        name = f"no-ack-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(610000, 619999, "SO-"), k=k)
        from_supplier(o, "Great Lakes Resin Supply Co.", "4410 W Forest Home Ave, Milwaukee, WI 53219", "Kyle Brandt",
                      "glresin.example")  # fmt: skip

        def head(p: Page, *, k: Any = k, o: Any = o) -> float:
            y = buyer_head(p, o)
            p.text(p.width - 36, 40, "SALES ORDER ACKNOWLEDGEMENT", 13, bold=True, align="right")
            p.text(36, y, "Sold To:", 7.5, bold=True)
            p.text(36, y + 11, SUPPLIER, 8.6)
            p.text(36, y + 21, SUPPLIER_ADDR, 7.2)
            pairs_right(p, [("Sales Order", o.number), ("Order Date", o.d(o.ordered, "us")),
                            ("Your PO", f"EM-PO-{26000 + k * 113}"), ("Ship Date (confirmed)", o.d(o.due, "us")),
                            ("Sales Rep", o.person)], y, x=330, gap=110)  # fmt: skip
            return y + 78

        canvas_po(m.path(f"pdf/{name}.pdf"), o, ["pos", "item", "desc", "qty", "unit", "price", "amount"],
                  creator="Epicor Kinetic", head=head,
                  after=lambda p, y: paragraph(p, y, "Thank you for your order. This acknowledgement confirms "
                                               "quantities, prices and ship dates. Please review and advise any "
                                               "discrepancy within 2 business days."))  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "en", "not-order-en-us-supplier-order-acknowledgement")


@family("not-order-de-rechnung-fpdf", "fpdf2-invoice")
def no_invoice(m: Maker) -> None:
    """An invoice (Rechnung) that names an order number and has lines like an order: invoice number
    and date, due date, bank details; sent to the order desk by mistake."""
    for k in range(4):
        name = f"no-rechnung-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(2026100, 2026999, "RE-"), k=k)
        from_supplier(o, "Rheingauer Verpackungswerk GmbH", "Industriestraße 31, 65375 Oestrich-Winkel",
                      "Britta Keller", "rheingau-pack.example")  # fmt: skip
        pdf = fpdf_doc(creator="Lexware")
        fpdf_head(pdf, o, "RECHNUNG", [("Rechnungsnummer", o.number), ("Rechnungsdatum", o.d(o.ordered)),
                                       ("Ihre Bestellung", f"4500{318000 + k * 77}"), ("Lieferschein", f"LS-{88100 + k}"),
                                       ("Fällig am", o.d(o.due))], vendor=False)  # fmt: skip
        pdf.set_font("f9", "", 8.5)
        pdf.multi_cell(90, 4.5, f"Rechnungsempfänger:\n{SUPPLIER}\n{SUPPLIER_ADDR}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        rows = grid(o, ["pos", "item", "desc", "qty", "unit", "price", "amount"], heads={"pos": "Pos"})
        fpdf_rows(pdf, rows, fpdf_widths(pdf, rows, 2))
        fpdf_sums(pdf, [("Nettobetrag", o.n(o.net)), ("USt. 19 %", o.n(o.tax)), ("Rechnungsbetrag", o.n(o.gross))])
        pdf.set_font("f9", "", 7.5)
        pdf.multi_cell(0, 4, "Bitte überweisen Sie den Rechnungsbetrag bis zum Fälligkeitsdatum auf IBAN DE12 5105 "
                       "0015 0123 4567 89, BIC NASSDE55XXX. Es gelten unsere Lieferbedingungen.")  # fmt: skip
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", OTHER, "de", "not-order-de-rechnung-fpdf")


@family("not-order-zh-zhuangxiangdan-xlsx", "openpyxl-packing-list")
def no_packing(m: Maker) -> None:
    """A 装箱单 (packing list) workbook: cartons, pieces per carton, net and gross weights, the
    order number it ships against, no prices."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    for k in range(4):
        name = f"no-zhuangxiang-{k}"
        o = m.order(name, "zh", 2 + k % 3, lambda r: f"ZX{r.randrange(26110, 26119)}-{r.randrange(10, 99)}", k=k)
        wb = Workbook()
        ws = wb.active
        ws.title = "装箱单"
        ws["A1"] = f"{o.buyer}  装箱单 PACKING LIST"
        ws["A1"].font = Font(bold=True, size=14)
        for t, (a, b) in enumerate([("装箱单号", o.number), ("日期", o.d(o.ordered)), ("订单号", f"PO{260000 + k * 31}"),
                                    ("收货人", SUPPLIER)], 3):  # fmt: skip
            ws.cell(t, 1, a).font = Font(bold=True)
            ws.cell(t, 2, b)
        ws.append([])
        ws.append(["箱号", "物料编码", "品名", "每箱数量", "箱数", "总数量", "净重(kg)", "毛重(kg)"])
        first = 1
        for ln in o.lines:
            per_box = 500 if ln.qty >= 1000 else 50 if ln.qty >= 100 else 10
            boxes = max(1, int(ln.qty) // per_box)
            ws.append([f"{first}-{first + boxes - 1}", ln.code, ln.text, per_box, boxes, int(ln.qty),
                       round(boxes * 7.5, 1), round(boxes * 8.2, 1)])  # fmt: skip
            first += boxes
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"))
        m.add(f"xlsx/{name}.xlsx", OTHER, "zh", "not-order-zh-zhuangxiangdan-xlsx")


@family("not-order-fr-devis-docx", "python-docx-quotation")
def no_quote(m: Maker) -> None:
    """A quotation (devis) in Word from a supplier of ours: prices offered, valid 30 days, "bon pour
    accord" to sign; not an order."""
    import docx

    for k in range(4):
        name = f"no-devis-{k}"
        o = m.order(name, "fr", 2 + k % 3, lambda r: f"DV-{r.randrange(26000, 26999)}", k=k)
        from_supplier(o, "Plasturgie du Haut-Jura SA", "3 rue des Lacs, 39400 Morez", "Céline Vuillet",
                      "plasturgie-hj.example")  # fmt: skip
        doc = docx.Document()
        doc.add_paragraph(o.buyer).runs[0].bold = True
        doc.add_paragraph(o.address)
        doc.add_heading(f"DEVIS N° {o.number}", 1)
        doc.add_paragraph(f"Date : {o.d(o.ordered)}   Validité : 30 jours   À l'attention de : {SUPPLIER}")
        rows = grid(o, ["item", "desc", "qty", "unit", "price", "amount"])
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                docx_cell(t.cell(r, c), text, bold=r == 0, size=8.5)
        doc.add_paragraph(f"Total HT : {o.n(o.net)} €   TVA 20 % : {o.n(o.tax)} €   Total TTC : {o.n(o.gross)} €")
        doc.add_paragraph("Prix départ usine, délai 4 semaines après réception de votre commande. "
                          "Bon pour accord (date, signature, cachet) :")  # fmt: skip
        docx_save(doc, m.path(f"docx/{name}.docx"), o.person)
        m.add(f"docx/{name}.docx", OTHER, "fr", "not-order-fr-devis-docx")


@family("not-order-it-richiesta-di-offerta-mail", "email-rfq")
def no_rfq(m: Maker) -> None:
    """A request for quotation by mail: the buyer lists parts and yearly quantities and asks for
    prices and lead times by a date; no prices, nothing ordered."""
    for k in range(4):
        name = f"no-rdo-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"RDO-{r.randrange(2600, 2699)}", k=k)
        rows = [["Codice", "Descrizione", "Q.tà annua", "UM"]] + [[ln.code, ln.text, o.q(ln.qty * 12), ln.unit]
                                                                 for ln in o.lines]  # fmt: skip
        text = "\n".join(["Buongiorno,", "", f"con la presente Vi chiediamo la Vostra migliore offerta (rif. {o.number}) "
                          "per i seguenti articoli:", ""] + text_table(rows, 2) +
                         ["", f"Vi preghiamo di indicare prezzo unitario, lotto minimo e tempi di consegna entro il "
                          f"{o.d(o.due)}.", "La presente non costituisce ordine.", "", "Cordiali saluti,", o.person, o.buyer,
                          o.phone])  # fmt: skip
        msg = message(o, name, f"Richiesta di offerta {o.number}", text=text, agent="Microsoft Outlook 16.0")
        m.mail(f"eml/{name}.eml", msg, OTHER, "it", "not-order-it-richiesta-di-offerta-mail")


@family("not-order-es-extracto-de-cuenta", "reportlab-canvas-statement")
def no_statement(m: Maker) -> None:
    """A statement of account from a customer's accounts department: invoices, payments and the
    open balance by date; it names order numbers but orders nothing."""
    for k in range(4):
        name = f"no-extracto-{k}"
        o = m.order(name, "es", 3, lambda r: f"EC-{r.randrange(2600, 2699)}", k=k)
        r = m.r(name)
        p = page_for(m.path(f"pdf/{name}.pdf"), o, "SAP Business One")
        y = buyer_head(p, o)
        p.text(p.width - 36, 40, "EXTRACTO DE CUENTA", 14, bold=True, align="right")
        pairs_right(p, [("Nº extracto", o.number), ("Fecha", o.d(o.ordered)), ("Cuenta", f"400{k}1"),
                        ("Periodo", "01/10/2026 - 31/10/2026")], y, x=330, gap=90)  # fmt: skip
        rows = [["Fecha", "Documento", "Su pedido", "Cargo", "Abono", "Saldo"]]
        bal = Decimal(0)
        for j in range(5):
            d = date(2026, 10, 14 + j * 3)
            amount = Decimal(r.randrange(80000, 900000)) / 100
            pay = j % 3 == 2
            bal += -amount if pay else amount
            rows.append([o.d(d), f"{'COBRO' if pay else 'FAC'} {26000 + j * 17}", "" if pay else f"PC{4100 + j}",
                         "" if pay else o.n(amount), o.n(amount) if pay else "", o.n(bal)])  # fmt: skip
        y = table(p, y + 70, rows, [70, 100, 80, 90, 90, 93], right={3, 4, 5})
        p.text(p.width - 36, y + 16, f"Saldo pendiente: {o.n(bal)} EUR", 10, bold=True, align="right")
        p.save()
        m.add(f"pdf/{name}.pdf", OTHER, "es", "not-order-es-extracto-de-cuenta")


@family("not-order-ja-shukka-annai-mail", "email-shipping-notice")
def no_shipping(m: Maker) -> None:
    """A shipping notice (出荷案内) by mail from a supplier of ours: what was shipped today against
    which order, the carrier and tracking number; not an order."""
    for k in range(4):
        name = f"no-shukka-{k}"
        o = m.order(name, "ja", 2 + k % 3, lambda r: f"S{r.randrange(261100, 261199)}", k=k)
        from_supplier(o, "株式会社東海樹脂工業", "愛知県豊田市広川町5-12", "伊藤 誠", "tokai-jushi.example")
        rows = [["品目コード", "品名", "出荷数", "単位"]] + [[ln.code, ln.text, o.q(ln.qty), ln.unit] for ln in o.lines]
        text = "\n".join([f"{SUPPLIER} 御中", "", "いつもお世話になっております。", "本日、下記の通り出荷いたしました。", "",
                          f"出荷番号: {o.number}", f"貴社注文番号: PO-{5500 + k * 21}", f"出荷日: {o.d(o.ordered)}",
                          f"運送会社: 西濃運輸  送り状番号: 4{k}82-1190-33{k}5", ""] + text_table(rows, 2)
                         + ["", "着荷後、ご確認をお願いいたします。", o.person, o.buyer])  # fmt: skip
        msg = message(o, name, f"出荷案内 {o.number}", text=text, charset="iso-2022-jp")
        m.mail(f"eml/{name}.eml", msg, OTHER, "ja", "not-order-ja-shukka-annai-mail")


@family("not-order-nl-betalingsadvies-mail", "email-remittance-advice")
def no_remittance(m: Maker) -> None:
    """A remittance advice from a customer's accounts payable: which of our invoices it paid, on
    which date, the amount transferred; a payment, not an order."""
    for k in range(4):
        name = f"no-betaling-{k}"
        o = m.order(name, "nl", 3, lambda r: f"BA{r.randrange(2600000, 2699999)}", k=k)
        r = m.r(name)
        rows = [["Factuurnr.", "Factuurdatum", "Uw ref.", "Bedrag", "Korting", "Betaald"]]
        paid = Decimal(0)
        for j in range(2 + k % 3):
            amount = Decimal(r.randrange(150000, 2400000)) / 100
            paid += amount
            rows.append([f"INV-26{3300 + j * 41 + k}", o.d(date(2026, 10, 15 + j * 4)), f"PO {4400 + j}",
                         o.n(amount), "0,00", o.n(amount)])  # fmt: skip
        text = "\n".join(["Geachte heer/mevrouw,", "", f"Hierbij ontvangt u de betalingsspecificatie {o.number}. Het "
                          f"bedrag van EUR {o.n(paid)} is op {o.d(o.ordered)} overgemaakt naar uw rekening.", ""]
                         + text_table(rows, 3) + ["", "Met vriendelijke groet,", "Crediteurenadministratie",
                                                    o.buyer])  # fmt: skip
        msg = message(
            o, name, f"Betalingsadvies {o.number}", text=text, sender=("Crediteuren", f"ap@{o.mail.split('@')[1]}")
        )
        m.mail(f"eml/{name}.eml", msg, NOT_AN_ORDER, "nl", "not-order-nl-betalingsadvies-mail")


@family("not-order-pl-prognoza-12-tygodni-xlsx", "openpyxl-forecast")
def no_forecast(m: Maker) -> None:
    """A twelve-week forecast workbook (prognoza zapotrzebowania): parts down, weeks across, "nie
    stanowi zamówienia" (not an order) under it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    for k in range(4):
        name = f"no-prognoza-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"PR/{r.randrange(40, 52)}/2026", k=k)
        r = m.r(name)
        wb = Workbook()
        ws = wb.active
        ws.title = "Prognoza"
        ws["A1"] = f"{o.buyer} – PROGNOZA ZAPOTRZEBOWANIA {o.number}"
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = f"Data: {o.d(o.ordered)}  Dostawca: {SUPPLIER}"
        monday = o.ordered + timedelta(days=7 - o.ordered.weekday())
        ws.append([])
        ws.append(["Indeks", "Nazwa"] + [f"KW{(monday + timedelta(weeks=i)).isocalendar()[1]:02d}" for i in range(12)])
        for ln in o.lines:
            ws.append([ln.code, ln.text] + [int(ln.qty) // 4 * r.choice([0, 1, 1, 2]) for _ in range(12)])
        ws.append([])
        ws.append(["Prognoza ma charakter informacyjny i nie stanowi zamówienia. Zamówienia wysyłamy osobno."])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"))
        m.add(f"xlsx/{name}.xlsx", OTHER, "pl", "not-order-pl-prognoza-12-tygodni-xlsx")
