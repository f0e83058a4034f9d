"""The seventh fresh batch of sealed families ("fresh7"): kept blind for the closing measurement.

Every batch before it (base, more, fresh, fresh2 ... fresh6) has been or will be measured and then
looked at. This module is written by someone who has read neither the extractor nor the tuned
corpus, and it is built to differ from the batches before it in the situations an order desk
meets, not only in layout and wording:

- orders with a line per delivery week (the same part on several rows, each with its week and
  date), positions with sub-items under them (components with a quantity and no price, SAP
  style: 10, 10.1, 10.2), purchase orders carrying a revision history table (the number is the
  same, the revision is not), summary boxes giving the total in a second currency beside the
  order's, the head printed in the page footer rather than at the top, landscape pages with a
  drawing and revision column, bill-to, ship-to and supplier in two columns of labels and values;
- mail: the order in the third message of a thread (a colleague forwards the thread; the buyer's
  order sits under two later replies), an order typed as a table in the body by Outlook, Gmail,
  Apple Mail, Foxmail and Thunderbird, an order above a quoted quotation with other prices, an
  order and its terms packed in a zip, Thai, Hindi and Hebrew bodies;
- producers: reportlab canvas (portrait and landscape), fpdf2 (multi-cell rows, landscape),
  fixed-pitch spool prints, python-docx (head in the page footer, revision tables), openpyxl
  (right to left, head under the lines, revision sheet), LibreOffice (.docx printed and saved as
  .odt, .xlsx printed and saved as .ods, HTML printed), mail clients, zip archives and scans (a
  300 dpi scan, a 200 dpi fax, a phone photo);
- languages: English (US, UK), German, French, Spanish, Italian, Brazilian Portuguese, Dutch,
  Polish, Czech, Slovak, Swedish, Danish, Finnish, Turkish, Greek, Russian, Romanian, Hungarian,
  simplified and traditional Chinese, Japanese, Korean, Vietnamese, Thai, Arabic, Hebrew, Hindi
  and Indonesian (28);
- documents that look like orders and are not: an order confirmation from one of our own
  suppliers, a pro-forma invoice, a quotation, a delivery note, a statement of account, a request
  for quotation, an invoice, a credit note, a delivery forecast by week and a price-change notice.

Called from ``generate.build()`` (``build_fresh7``). Self-contained like the batches before it: its
own buyers, goods, wording and order data; only low-level writers are borrowed (the canvas page,
the fixed-time fpdf2 document, number formats, the message builder, the zip-stamping savers and the
scan helpers). Every golden value comes from the order this module drew and printed, never from
what a reader makes of the document. Orders are dated 12 to 19 November 2026 (the bench's "today"
is 22 November 2026), deliveries weeks later, and a day-month date is never ambiguous (day > 12).

Golden values: ``unit_price`` and ``amount`` per piece, tax-exclusive; ``total`` is what the
document calls its total (the lines, less the document's discount, plus freight, plus VAT when
the document adds VAT); sub-items are not lines; a line per delivery week is a line. Images
(scans, faxes, photos) ask for review (``needs_review: true``), the values still those printed.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from fresh2_families import Page, fpdf_new, num
from fresh3_families import docx_save, file_part, message, rasterise, save_scan_pdf, scanned, xlsx_save
from fresh6_families import plain_table, scan_of, text_pages_pdf

SUPPLIER = "Example Manufacturing Co., Ltd."  # us: printed as the vendor, never the customer
SUPPLIER_ADDR = "88 Industrial Road, Chang'an Town, Dongguan, Guangdong, China"
SALES = "sales@example.com"
CENT = Decimal("0.01")
WHOLE = {"JPY", "KRW", "VND", "IDR", "HUF"}  # printed without decimals by these buyers

KEYS = "title no date due supplier item desc qty unit price amount net vat total pay buyer page ship week".split()

LABELS = {
    "en": "PURCHASE ORDER|PO No.|PO Date|Delivery Date|Vendor|Part No.|Description|Qty|UOM|Unit Price|Ext. Price|"
    "Merchandise Total|Sales Tax|Order Total|Terms|Buyer|Page|Ship To|Week",
    "de": "BESTELLUNG|Bestellnummer|Datum|Liefertermin|Lieferant|Materialnr.|Kurztext|Bestellmenge|Einh.|"
    "Preis/Einh.|Positionswert|Warenwert netto|Umsatzsteuer|Endbetrag|Zahlungsziel|Einkäufer|Blatt|"
    "Lieferanschrift|KW",
    "fr": "COMMANDE FOURNISSEUR|Commande n°|Émise le|Livraison souhaitée|Fournisseur|Code article|Libellé|Quantité|"
    "U|P.U. HT|Montant HT|Total HT|TVA|Net à payer TTC|Règlement|Acheteur|Page|Adresse de livraison|Semaine",
    "es": "PEDIDO A PROVEEDOR|Pedido nº|Fecha pedido|Entrega prevista|Proveedor|Referencia|Concepto|Unidades|Ud.|"
    "Precio|Importe|Suma|IVA|Total pedido|Forma de pago|Comprador|Hoja|Lugar de entrega|Semana",
    "it": "ORDINE FORNITORE|Ordine n.|Del|Consegna richiesta|Spett.le|Cod. art.|Descrizione articolo|Quantità|UM|"
    "Prezzo|Valore|Totale merce|IVA|Totale ordine|Modalità di pagamento|Buyer|Foglio|Destinazione merce|Settimana",
    "pt": "PEDIDO DE COMPRA|Pedido|Emissão|Previsão de entrega|Fornecedor|Código|Descrição do material|Quant.|UN|"
    "Preço unit.|Valor|Valor dos produtos|IPI|Valor total|Cond. pagamento|Comprador|Folha|Local de entrega|Semana",
    "nl": "BESTELBON|Bestelnummer|Besteldatum|Gewenste leverdatum|Leverancier|Artikelnr.|Artikelomschrijving|"
    "Aantal|Eenheid|Stukprijs|Regeltotaal|Totaal excl. btw|Btw|Totaal incl. btw|Betaaltermijn|Inkoper|Blad|"
    "Afleveradres|Week",
    "pl": "ZAMÓWIENIE ZAKUPU|Zamówienie nr|Data wystawienia|Data dostawy|Dostawca|Kod towaru|Nazwa|Ilość|JM|"
    "Cena jedn. netto|Wartość|Suma netto|VAT|Do zapłaty|Termin płatności|Zamawiający|Strona|Adres dostawy|Tydzień",
    "cs": "NÁKUPNÍ OBJEDNÁVKA|Objednávka č.|Ze dne|Požadované dodání|Dodavatel|Číslo položky|Popis|Počet|MJ|"
    "Jedn. cena|Cena celkem|Mezisoučet|DPH|Celkem s DPH|Splatnost|Vyřizuje|List|Místo dodání|Týden",
    "sk": "OBJEDNÁVKA|Číslo objednávky|Dátum|Termín dodania|Dodávateľ|Kód|Názov položky|Množstvo|MJ|Cena za MJ|"
    "Spolu|Základ dane|DPH|Celkom k úhrade|Splatnosť|Vybavuje|Strana|Miesto dodania|Týždeň",
    "sv": "BESTÄLLNING|Beställningsnr|Datum|Önskat leveransdatum|Leverantör|Art.nr|Benämning|Kvantitet|Enh|"
    "Pris/enh|Radbelopp|Netto|Moms|Totalt|Betalningsvillkor|Vår referens|Sida|Leveransadress|Vecka",
    "da": "INDKØBSORDRE|Ordrenr.|Ordredato|Ønsket levering|Leverandør|Varenr.|Varetekst|Antal|Enhed|Stk.pris|"
    "Beløb|Subtotal|Moms|I alt DKK|Betalingsbetingelser|Indkøber|Side|Leveringsadresse|Uge",
    "fi": "OSTOTILAUS|Tilausnumero|Tilauspäivä|Toimituspäivä|Toimittaja|Nimike|Nimitys|Määrä|Yks.|À-hinta|"
    "Rivisumma|Veroton yhteensä|ALV|Yhteensä|Maksuehto|Ostaja|Sivu|Toimitusosoite|Viikko",
    "tr": "SATIN ALMA SİPARİŞ FORMU|Sipariş Numarası|Düzenleme Tarihi|Termin|Satıcı Firma|Malzeme Kodu|Açıklama|"
    "Miktar|Br.|Br. Fiyat|Tutar|Mal Hizmet Toplamı|KDV|Sipariş Toplamı|Vade|Satın Alma Sorumlusu|Sayfa|"
    "Teslim Yeri|Hafta",
    "el": "ΕΝΤΟΛΗ ΑΓΟΡΑΣ|Αριθμός εντολής|Ημ. έκδοσης|Ημ. παράδοσης|Προμηθευτής|Κωδ. είδους|Είδος|Ποσ.|ΜΜ|"
    "Τιμή|Αξία|Σύνολο αξιών|ΦΠΑ|Τελικό σύνολο|Όροι πληρωμής|Υπεύθυνος αγορών|Σελ.|Τόπος παράδοσης|Εβδομάδα",
    "ru": "ЗАКАЗ ПОСТАВЩИКУ|Заказ №|Дата заказа|Срок поставки|Поставщик|Артикул|Наименование|Кол-во|Ед.|"
    "Цена|Сумма|Итого без НДС|НДС|Всего к оплате|Условия оплаты|Менеджер|Лист|Адрес доставки|Неделя",
    "ro": "COMANDĂ FURNIZOR|Comanda nr.|Data emiterii|Data livrării|Furnizor|Cod produs|Denumire produs|Cant.|U.M.|"
    "Preț fără TVA|Valoare|Total fără TVA|TVA|Total comandă|Termen de plată|Achizitor|Fila|Adresa de livrare|"
    "Săptămâna",
    "hu": "BESZERZÉSI RENDELÉS|Rendelés száma|Kiállítás dátuma|Kért szállítási dátum|Eladó|Anyagszám|Megnevezés|"
    "Menny.|ME|Nettó egységár|Nettó ár|Nettó összesen|ÁFA 27%|Bruttó összesen|Fizetési mód|Beszerző|Lap|"
    "Szállítási cím|Hét",
    "zh": "采购订单|采购单号|下单日期|要求到货日期|供货单位|料号|品名规格|订购数量|单位|不含税单价|金额|货款合计|税额|"
    "订单总额|结算方式|采购员|第页|收货地址|周次",
    "zh-Hant": "訂購單|訂購單號|訂購日期|預定交期|供應商|品號|品名/規格|訂購量|單位|單價|小計|合計|稅額|總金額|"
    "付款方式|採購人員|頁次|送貨地址|週別",
    "ja": "発注書|発注番号|発注日|納入期日|発注先|部品番号|品名・仕様|発注数|単位|単価|金額|税抜合計|消費税|"
    "税込合計|支払条件|発注担当|頁|納入場所|週",
    "ko": "구매발주서|발주 번호|발주일|납품 요청일|협력업체|자재코드|자재명|발주수량|단위|단가|공급가|합계|세액|"
    "총 발주금액|지불 조건|구매 담당|쪽|납품 장소|주차",
    "vi": "PHIẾU ĐẶT MUA|Số phiếu|Ngày lập|Ngày cần hàng|Đơn vị bán|Mã vật tư|Diễn giải|SL|Đơn vị|Giá|Tiền|"
    "Tiền hàng|VAT|Tổng thanh toán|Hình thức thanh toán|Người đặt|Tờ|Giao tại|Tuần",
    "th": "ใบสั่งซื้อสินค้า|เลขที่|วันที่สั่งซื้อ|วันที่ต้องการสินค้า|ถึงผู้จำหน่าย|รหัส|รายละเอียด|จำนวน|หน่วยนับ|"
    "ราคา/หน่วย|จำนวนเงิน|รวมเป็นเงิน|ภาษีมูลค่าเพิ่ม 7%|รวมทั้งสิ้น|การชำระเงิน|ผู้สั่งซื้อ|หน้า|สถานที่ส่งของ|สัปดาห์",
    "ar": "طلب توريد|رقم الطلب|التاريخ|موعد التوريد|إلى المورد|رقم القطعة|البيان|العدد|الوحدة|السعر|القيمة|"
    "الإجمالي قبل الضريبة|الضريبة|الإجمالي النهائي|طريقة الدفع|مسؤول المشتريات|صفحة|عنوان التسليم|الأسبوع",
    "he": 'הזמנה|הזמנה מס\'|תאריך|מועד אספקה|לכבוד|פריט|שם פריט|כמות|יחידה|מחיר|סה"כ|סכום ביניים|מע"מ|'
    'סה"כ כולל מע"מ|תנאי תשלום|קניין|דף|כתובת למשלוח|שבוע',
    "hi": "खरीद आदेश|पी.ओ. क्रमांक|दिनांक|आपूर्ति तिथि|विक्रेता|पार्ट नं.|सामग्री का विवरण|मात्रा|इकाई|दर|रकम|"
    "कुल रकम|जीएसटी|सकल योग|भुगतान की शर्तें|क्रय अधिकारी|पृष्ठ|डिलीवरी पता|सप्ताह",
    "id": "ORDER PEMBELIAN|Nomor PO|Tgl. PO|Tgl. Pengiriman|Kepada|Part Number|Uraian|Qty|Sat.|Harga|Total|DPP|"
    "PPN 12%|Grand Total|Pembayaran|Purchasing|Hal.|Alamat Kirim|Minggu",
}
LAB = {k: dict(zip(KEYS, v.split("|"), strict=True)) for k, v in LABELS.items()}

GOODS = [(stem, Decimal(base)) for stem, base in (
    ("CSP", "0.18"), ("PAC", "0.07"), ("AHS", "3.90"), ("SSH", "0.64"), ("SKP", "1.85"), ("UCA", "2.35"),
)]  # fmt: skip
GOODS_EN = (
    "Compression spring 0.8x6x20|PA66 snap clip, natural|Anodised aluminium heat sink 40x40|"
    "Stamped steel EMI shield|Silicone keypad, 12 keys|USB-C cable assembly 0.5 m"
)
GOODS_TEXT = {
    "en": GOODS_EN,
    "de": "Druckfeder 0,8x6x20|Schnappclip PA66 natur|Kühlkörper Alu eloxiert 40x40|Abschirmblech Stahl gestanzt|"
    "Silikon-Tastenmatte 12 Tasten|USB-C-Kabelkonfektion 0,5 m",
    "fr": "Ressort de compression 0,8x6x20|Clip PA66 naturel|Dissipateur alu anodisé 40x40|Blindage CEM acier embouti|"
    "Clavier silicone 12 touches|Cordon USB-C 0,5 m",
    "es": "Muelle de compresión 0,8x6x20|Clip PA66 natural|Disipador de aluminio anodizado 40x40|"
    "Blindaje EMI de acero estampado|Teclado de silicona 12 teclas|Cable USB-C montado 0,5 m",
    "it": "Molla a compressione 0,8x6x20|Clip a scatto PA66 naturale|Dissipatore in alluminio anodizzato 40x40|"
    "Schermo EMI in acciaio tranciato|Tastiera in silicone 12 tasti|Cavo USB-C assemblato 0,5 m",
    "pt": "Mola de compressão 0,8x6x20|Clipe PA66 natural|Dissipador de alumínio anodizado 40x40|"
    "Blindagem EMI de aço estampado|Teclado de silicone 12 teclas|Cabo USB-C montado 0,5 m",
    "nl": "Drukveer 0,8x6x20|Klemclip PA66 naturel|Koellichaam aluminium geanodiseerd 40x40|Afschermkap staal gestanst|"
    "Siliconen toetsenmat 12 toetsen|USB-C-kabel geassembleerd 0,5 m",
    "pl": "Sprężyna naciskowa 0,8x6x20|Klips zatrzaskowy PA66 naturalny|Radiator aluminiowy anodowany 40x40|"
    "Ekran EMI stalowy tłoczony|Klawiatura silikonowa 12 klawiszy|Przewód USB-C 0,5 m",
    "cs": "Tlačná pružina 0,8x6x20|Západková spona PA66 přírodní|Chladič hliníkový eloxovaný 40x40|"
    "Stínicí kryt ocelový lisovaný|Silikonová klávesnice 12 tlačítek|Kabel USB-C 0,5 m",
    "sk": "Tlačná pružina 0,8x6x20|Zacvakávacia spona PA66|Hliníkový chladič eloxovaný 40x40|Tieniaci kryt z ocele|"
    "Silikónová klávesnica 12 tlačidiel|Kábel USB-C 0,5 m",
    "sv": "Tryckfjäder 0,8x6x20|Snäppclips PA66 natur|Kylfläns aluminium anodiserad 40x40|Skärmplåt stål stansad|"
    "Knappsats silikon 12 knappar|USB-C-kabel 0,5 m",
    "da": "Trykfjeder 0,8x6x20|Klipsbeslag PA66 natur|Køleprofil alu anodiseret 40x40|Afskærmning stål stanset|"
    "Silikone-tastatur 12 taster|USB-C-kabel 0,5 m",
    "fi": "Puristusjousi 0,8x6x20|Pikakiinnike PA66 luonnonvärinen|Jäähdytyslevy alumiini anodisoitu 40x40|"
    "Suojalevy teräs meistetty|Silikoninäppäimistö 12 näppäintä|USB-C-kaapeli 0,5 m",
    "tr": "Basma yayı 0,8x6x20|PA66 geçme klips naturel|Eloksallı alüminyum soğutucu 40x40|Sac EMI kalkanı|"
    "Silikon tuş takımı 12 tuş|USB-C kablo 0,5 m",
    "el": "Ελατήριο θλίψης 0,8x6x20|Κλιπ PA66 φυσικό|Ψύκτρα αλουμινίου ανοδιωμένη 40x40|Θωράκιση EMI από χάλυβα|"
    "Πληκτρολόγιο σιλικόνης 12 πλήκτρων|Καλώδιο USB-C 0,5 m",
    "ru": "Пружина сжатия 0,8х6х20|Клипса PA66 натуральная|Радиатор алюминиевый анодированный 40х40|"
    "Экран ЭМС стальной штампованный|Клавиатура силиконовая 12 кнопок|Кабель USB-C в сборе 0,5 м",
    "ro": "Arc de compresiune 0,8x6x20|Clips PA66 natur|Radiator aluminiu anodizat 40x40|Ecran EMI din oțel ștanțat|"
    "Tastatură silicon 12 taste|Cablu USB-C asamblat 0,5 m",
    "hu": "Nyomórugó 0,8x6x20|PA66 pattintó klipsz|Eloxált alumínium hűtőborda 40x40|Sajtolt acél árnyékolás|"
    "Szilikon billentyűzet 12 gombos|USB-C kábel 0,5 m",
    "zh": "压缩弹簧 0.8x6x20|PA66卡扣 本色|阳极氧化铝散热片 40x40|冲压钢屏蔽罩|硅胶按键 12键|USB-C线材组件 0.5米",
    "zh-Hant": "壓縮彈簧 0.8x6x20|PA66卡扣 本色|陽極處理鋁散熱片 40x40|沖壓鋼遮蔽罩|矽膠按鍵 12鍵|USB-C線材組 0.5米",
    "ja": "圧縮ばね 0.8x6x20|PA66スナップクリップ ナチュラル|アルマイトヒートシンク 40x40|プレス鋼板シールド|"
    "シリコンキーパッド 12キー|USB-Cケーブル組立品 0.5m",
    "ko": "압축 스프링 0.8x6x20|PA66 스냅 클립 내추럴|아노다이징 알루미늄 방열판 40x40|프레스 스틸 차폐 커버|"
    "실리콘 키패드 12키|USB-C 케이블 어셈블리 0.5m",
    "vi": "Lò xo nén 0,8x6x20|Kẹp PA66 màu tự nhiên|Tản nhiệt nhôm anod 40x40|Tấm chắn EMI thép dập|"
    "Bàn phím silicon 12 phím|Cáp USB-C 0,5 m",
    "th": "สปริงกด 0.8x6x20|คลิป PA66 สีธรรมชาติ|ฮีทซิงค์อะลูมิเนียมชุบอโนไดซ์ 40x40|แผ่นชีลด์เหล็กปั๊ม|"
    "แผงปุ่มซิลิโคน 12 ปุ่ม|สาย USB-C 0.5 ม.",
    "ar": "نابض ضغط 0.8x6x20|مشبك PA66 طبيعي|مشتت حرارة ألمنيوم 40x40|درع فولاذي مضغوط|لوحة مفاتيح سيليكون 12 مفتاح|"
    "كابل USB-C طول 0.5 م",
    "he": "קפיץ לחיצה 0.8x6x20|תפס PA66 טבעי|גוף קירור אלומיניום 40x40|מגן EMI פלדה|מקלדת סיליקון 12 מקשים|"
    "כבל USB-C באורך 0.5 מ'",
    "hi": "कम्प्रेशन स्प्रिंग 0.8x6x20|PA66 स्नैप क्लिप|एनोडाइज़्ड एल्युमिनियम हीट सिंक 40x40|स्टैम्प्ड स्टील शील्ड|"
    "सिलिकॉन कीपैड 12 की|USB-C केबल असेंबली 0.5 मी",
    "id": "Pegas tekan 0,8x6x20|Klip PA66 natural|Heatsink aluminium anodized 40x40|Pelindung EMI baja press|"
    "Keypad silikon 12 tombol|Kabel USB-C 0,5 m",
}
FX = {
    "USD": "1", "GBP": "0.79", "EUR": "0.92", "BRL": "5.5", "PLN": "4.0", "CZK": "23", "SEK": "10.6",
    "DKK": "6.9", "TRY": "34", "RUB": "92", "RON": "4.6", "HUF": "365", "CNY": "7.2", "TWD": "32", "JPY": "150",
    "KRW": "1380", "VND": "25000", "THB": "35", "SAR": "3.75", "ILS": "3.7", "INR": "84", "IDR": "15800",
}  # fmt: skip
SIGN = {
    "USD": "$", "GBP": "£", "EUR": "€", "BRL": "R$", "PLN": "zł", "CZK": "Kč", "SEK": "kr", "DKK": "kr",
    "TRY": "TL", "RUB": "₽", "RON": "lei", "HUF": "Ft", "CNY": "¥", "TWD": "NT$", "JPY": "¥", "KRW": "₩",
    "VND": "đ", "THB": "บาท", "SAR": "ر.س", "ILS": "₪", "INR": "₹", "IDR": "Rp",
}  # fmt: skip


@dataclass
class Loc:
    words: str  # key of LAB / GOODS_TEXT
    nums: str  # digit grouping (fresh2's ``num`` styles, and ``thin``)
    dates: str  # date style of ``day``
    vat: str  # VAT rate, %
    unit: str
    pay: str
    buyers: list[tuple[str, str, str, str, str]]  # company, address, person, mail domain, currency


LOCS: dict[str, Loc] = {
    "en-US": Loc("en", "en", "mon_d_y", "0", "PC", "2% 10 Net 30", [
        ("Tonawanda Instrument Works, Inc.", "1850 Niagara Falls Blvd, Tonawanda, NY 14150", "Gretchen Kowalski",
         "tonawandainstrument.example", "USD"),
        ("Chattahoochee Medical Devices LLC", "300 Technology Pkwy, Peachtree Corners, GA 30092", "Darnell Hughes",
         "chattmed.example", "USD"),
    ]),
    "en-GB": Loc("en", "en", "d_month_y", "20", "No.", "Nett monthly account", [
        ("Severnside Control Gear Ltd", "Avonmouth Way, Bristol BS11 9HX", "Fiona McAllister",
         "severnsidecg.example", "GBP"),
        ("Tyne & Wear Instrumentation plc", "Team Valley Trading Estate, Gateshead NE11 0QD", "Graham Robson",
         "twinstrum.example", "GBP"),
    ]),
    "de": Loc("de", "eu", "dot_short", "19", "ST", "30 Tage rein netto", [
        ("Schwäbische Sensorik GmbH & Co. KG", "Carl-Zeiss-Straße 11, 73431 Aalen", "Jürgen Häberle",
         "schwaebische-sensorik.example", "EUR"),
        ("Elbtal Medizintechnik GmbH", "Dohnaer Straße 246, 01239 Dresden", "Annett Richter",
         "elbtal-medtech.example", "EUR"),
    ]),
    "fr": Loc("fr", "thin", "fr_long", "20", "U", "45 jours fin de mois", [
        ("Électronique du Val de Loire SA", "12 allée des Tisserands, 37100 Tours", "Céline Marchand",
         "evloire.example", "EUR"),
        ("Savoie Domotique SAS", "Parc d'activités des Glaisins, 74940 Annecy", "Julien Perrier",
         "savoiedomo.example", "EUR"),
    ]),
    "es": Loc("es", "eu", "dmy_slash2", "21", "UD", "Recibo domiciliado a 60 días", [
        ("Electrodomésticos Levante S.L.", "Polígono Fuente del Jarro, 46988 Paterna (Valencia)", "Marta Beltrán",
         "elevante.example", "EUR"),
        ("Iluminación Técnica Navarra S.A.", "Polígono Landaben, Calle E, 31012 Pamplona", "Iñaki Goñi",
         "itnavarra.example", "EUR"),
    ]),
    "it": Loc("it", "eu", "it_long", "22", "NR", "RiBa 90 gg f.m.", [
        ("Elettromeccanica Emiliana S.p.A.", "Via dell'Industria 31, 42124 Reggio Emilia", "Federica Bonacini",
         "elemiliana.example", "EUR"),
        ("Termotecnica Friulana S.r.l.", "Zona Industriale Ponte Rosso, 33078 San Vito al Tagliamento",
         "Massimo Zanin", "termofriulana.example", "EUR"),
    ]),
    "pt-BR": Loc("pt", "eu", "dmy", "10", "PÇ", "30/60/90 dias", [
        ("Eletrônicos Serra Gaúcha Ltda.", "Rua Sinimbu 2200, Caxias do Sul - RS, 95020-002", "Luciana Bortolini",
         "eletroserra.example", "BRL"),
        ("Metalúrgica Vale do Paraíba S.A.", "Av. Independência 3300, São José dos Campos - SP, 12232-000",
         "Thiago Nogueira", "metvale.example", "BRL"),
    ]),
    "nl": Loc("nl", "eu", "nl_long", "21", "ST", "Netto 30 dagen", [
        ("Twentse Apparatenbouw B.V.", "Haaksbergerstraat 200, 7513 EM Enschede", "Sanne Oude Kotte",
         "twentse-app.example", "EUR"),
        ("Limburgse Kunststof Industrie B.V.", "Businesspark Stein 205, 6181 MB Elsloo", "Bram Hermans",
         "lki.example", "EUR"),
    ]),
    "pl": Loc("pl", "space", "pl_long", "23", "szt", "przelew 45 dni", [
        ("Pomorskie Zakłady Elektroniczne S.A.", "ul. Trzy Lipy 3, 80-172 Gdańsk", "Katarzyna Wiśniewska",
         "pze-gdansk.example", "PLN"),
        ("Podkarpacka Fabryka Osprzętu Sp. z o.o.", "ul. Lwowska 170, 35-301 Rzeszów", "Grzegorz Mazur",
         "pfo-rzeszow.example", "PLN"),
    ]),
    "cs": Loc("cs", "space", "cs_long", "21", "ks", "14 dní od doručení faktury", [
        ("Elektrotechna Pardubice a.s.", "Hradecká 660, 530 09 Pardubice", "Markéta Svobodová",
         "elektrotechna.example", "CZK"),
        ("Západočeské Přístroje s.r.o.", "Domažlická 190, 318 00 Plzeň", "Tomáš Kučera", "zcpristroje.example",
         "CZK"),
    ]),
    "sk": Loc("sk", "space", "dot", "23", "ks", "30 dní", [
        ("Považská Strojáreň a.s.", "Šoltésovej 14, 017 01 Považská Bystrica", "Zuzana Hudecová",
         "povazska.example", "EUR"),
        ("Elektrokomponenty Košice s.r.o.", "Južná trieda 82, 040 01 Košice", "Martin Baláž", "ekkosice.example",
         "EUR"),
    ]),
    "sv": Loc("sv", "space", "iso", "25", "st", "Netto 30 dagar", [
        ("Hälsinge Elektronik AB", "Kungsgatan 30, 824 30 Hudiksvall", "Sofia Wallin", "halsinge-el.example", "SEK"),
        ("Västgöta Apparat AB", "Fabriksgatan 9, 532 37 Skara", "Anders Holm", "vgapparat.example", "SEK"),
    ]),
    "da": Loc("da", "eu", "dot", "25", "stk", "Løbende måned + 30 dage", [
        ("Fynsk Pumpeteknik A/S", "Lindvedvej 75, 5260 Odense S", "Mette Kjær", "fynskpumpe.example", "DKK"),
        ("Vestjysk Elektronik ApS", "Industrivej 22, 6950 Ringkøbing", "Søren Thomsen", "vjelektronik.example", "DKK"),
    ]),
    "fi": Loc("fi", "space", "fi", "25.5", "kpl", "14 pv netto", [
        ("Pohjanmaan Laitetekniikka Oy", "Teollisuustie 8, 60100 Seinäjoki", "Riikka Mäkelä", "pohjlaite.example",
         "EUR"),
        ("Kainuun Elektroniikka Oy", "Tehdaskatu 3, 87100 Kajaani", "Jari Heikkinen", "kainuunel.example", "EUR"),
    ]),
    "tr": Loc("tr", "eu", "dot", "20", "AD", "90 gün vade", [
        ("Ege Elektronik Sanayi ve Ticaret A.Ş.", "Atatürk OSB 10007 Sk. No:4, 35620 Çiğli/İzmir", "Zeynep Aydın",
         "egeelektronik.example", "TRY"),
        ("Kocaeli Beyaz Eşya Yan Sanayi Ltd. Şti.", "GOSB 1200. Sk. No:12, 41480 Gebze/Kocaeli", "Hakan Yıldız",
         "kocaelibeyaz.example", "TRY"),
    ]),
    "el": Loc("el", "eu", "dmy", "24", "ΤΕΜ", "Επί πιστώσει 90 ημερών", [
        ("Ηλεκτρονικά Μακεδονίας Α.Β.Ε.Ε.", "ΒΙ.ΠΕ. Σίνδου, 57022 Θεσσαλονίκη", "Ελένη Καραγιάννη",
         "ilmakedonias.example", "EUR"),
        ("Αττική Ψυκτική Α.Ε.", "Λεωφ. Αθηνών 102, 19200 Ελευσίνα", "Δημήτρης Σταθόπουλος", "attikipsyktiki.example",
         "EUR"),
    ]),
    "ru": Loc("ru", "space", "ru_long", "20", "шт", "Отсрочка 30 календарных дней", [
        ("ООО «Уральский приборостроительный завод»", "ул. Фронтовых бригад 18, 620017 Екатеринбург",
         "Ирина Смирнова", "uralpribor.example", "RUB"),
        ("АО «Калужские электронные системы»", "ул. Московская 247, 248010 Калуга", "Сергей Волков",
         "kalugaes.example", "RUB"),
    ]),
    "ro": Loc("ro", "eu", "dot", "21", "buc", "Ordin de plată la 60 de zile", [
        ("Electroconstruct Banat S.A.", "Calea Buziașului 11, 300693 Timișoara", "Andreea Popescu",
         "ecbanat.example", "RON"),
        ("Componente Auto Argeș S.R.L.", "Str. Depozitelor 8, 110078 Pitești", "Cristian Ionescu",
         "caarges.example", "RON"),
    ]),
    "hu": Loc("hu", "space", "hu", "27", "db", "Átutalás 60 nap", [
        ("Mátravidéki Elektronika Zrt.", "Ipari út 4, 3200 Gyöngyös", "Szabó Eszter", "matravidek.example", "HUF"),
        ("Győri Járműalkatrész Kft.", "Kardán u. 3, 9027 Győr", "Nagy Balázs", "gyorijarmu.example", "HUF"),
    ]),
    "zh": Loc("zh", "en", "zh_dash", "13", "PCS", "月结60天", [
        ("宁波北仑华信电器有限公司", "浙江省宁波市北仑区新碶街道明州路288号", "陈丽娟", "hx-dianqi.example", "CNY"),
        ("厦门海沧精工电子有限公司", "福建省厦门市海沧区翁角路1899号", "林建华", "hcjinggong.example", "CNY"),
    ]),
    "zh-Hant": Loc("zh-Hant", "en", "roc", "5", "PCS", "月結90天", [
        ("桃園光電科技股份有限公司", "桃園市龜山區文化一路99號", "張雅婷", "ty-optronics.example", "TWD"),
        ("台南機電工業有限公司", "台南市安南區工業二路31號", "王志明", "tn-jidian.example", "TWD"),
    ]),
    "ja": Loc("ja", "en", "ja_slash", "10", "個", "月末締め翌月末払い", [
        ("株式会社諏訪精電", "長野県諏訪市湖南3300", "小林 智子", "suwa-seiden.example", "JPY"),
        ("北九州メカトロ株式会社", "福岡県北九州市小倉北区井堀2-4-1", "田中 健一", "kq-mechatro.example", "JPY"),
    ]),
    "ko": Loc("ko", "en", "ko_dash", "10", "EA", "세금계산서 발행 후 30일", [
        ("(주)구미전자부품", "경상북도 구미시 3공단1로 152", "이수진", "gumi-ep.example", "KRW"),
        ("대전정밀모터 주식회사", "대전광역시 유성구 테크노2로 55", "최동욱", "djmotor.example", "KRW"),
    ]),
    "vi": Loc("vi", "eu", "dmy", "10", "chiếc", "Thanh toán 45 ngày", [
        ("Công ty TNHH Điện tử Bắc Ninh", "KCN Quế Võ, Bắc Ninh", "Phạm Thu Hà", "dtbacninh.example", "VND"),
        ("Công ty CP Cơ điện Đồng Nai", "KCN Biên Hòa 2, Đồng Nai", "Lê Quốc Bảo", "cdongnai.example", "VND"),
    ]),
    "th": Loc("th", "en", "th_be", "7", "ชิ้น", "เครดิต 60 วัน", [
        ("บริษัท สมุทรปราการอิเล็กทรอนิกส์ จำกัด", "นิคมอุตสาหกรรมบางพลี สมุทรปราการ 10540", "กนกวรรณ ใจดี",
         "spelectronics.example", "THB"),
        ("บริษัท อยุธยาเครื่องกล จำกัด", "นิคมอุตสาหกรรมโรจนะ อยุธยา 13210", "ประเสริฐ วงศ์ใหญ่", "ayutmech.example",
         "THB"),
    ]),
    "ar": Loc("ar", "en", "dmy", "15", "قطعة", "آجل 60 يوماً", [
        ("شركة الجبيل للأجهزة الكهربائية", "المدينة الصناعية، الجبيل 35718، السعودية", "فهد العتيبي",
         "jubailelec.example", "SAR"),
        ("مصنع الرياض للمكونات الدقيقة", "المدينة الصناعية الثالثة، الرياض 14332", "نورة الشمري",
         "riyadhprecision.example", "SAR"),
    ]),
    "he": Loc("he", "en", "dot", "18", "יח'", "שוטף + 60", [
        ('כרמל רכיבים אלקטרוניים בע"מ', "רח' המדע 4, פארק תעשיות מתן, חיפה", "רונית כהן", "carmelcomp.example",
         "ILS"),
        ('נגב מערכות בקרה בע"מ', "אזור תעשייה עמק שרה, באר שבע", "יוסי לוי", "negevcontrol.example", "ILS"),
    ]),
    "hi": Loc("hi", "lakh", "dmy_dot", "18", "नग", "बिल के 45 दिन बाद", [
        ("सतलुज इलेक्ट्रिकल्स प्राइवेट लिमिटेड", "फोकल पॉइंट, फेज़-8, लुधियाना 141010", "हरप्रीत सिंह",
         "satlujelec.example", "INR"),
        ("नर्मदा कंट्रोल्स लिमिटेड", "सेक्टर-1, पीथमपुर औद्योगिक क्षेत्र, धार 454775", "कविता जोशी",
         "narmadacontrols.example", "INR"),
    ]),
    "id": Loc("id", "eu", "id_short", "12", "PCS", "Tempo 45 hari", [
        ("PT Batam Elektronika Mandiri", "Kawasan Industri Batamindo, Muka Kuning, Batam 29433", "Rina Wulandari",
         "batamelektronika.example", "IDR"),
        ("PT Karawang Komponen Otomotif", "Kawasan KIIC Lot C-12, Karawang 41361", "Agus Setiawan",
         "kkotomotif.example", "IDR"),
    ]),
}  # fmt: skip

# ----------------------------------------------------------------------------- dates and numbers

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day(d: date, style: str) -> str:
    """``d`` as a buyer of that style writes it."""
    mo = {k: v.split() for k, v in MONTHS.items()}
    return {
        "mon_d_y": f"{MON[d.month - 1]} {d.day}, {d.year}",
        "d_month_y": f"{d.day} {mo['en'][d.month - 1]} {d.year}",
        "fr_long": f"{d.day} {mo['fr'][d.month - 1]} {d.year}",
        "it_long": f"{d.day} {mo['it'][d.month - 1]} {d.year}",
        "nl_long": f"{d.day} {mo['nl'][d.month - 1]} {d.year}",
        "pl_long": f"{d.day} {mo['pl'][d.month - 1]} {d.year} r.",
        "cs_long": f"{d.day}. {mo['cs'][d.month - 1]} {d.year}",
        "ru_long": f"«{d.day}» {mo['ru'][d.month - 1]} {d.year} г.",
        "dot_short": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_slash2": f"{d.day}/{d.month}/{d.year % 100:02d}",
        "dmy_dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "iso": d.isoformat(),
        "fi": f"{d.day}.{d.month}.{d.year}",
        "hu": f"{d.year}. {mo['en'][d.month - 1][:3].lower()}. {d.day}.",
        "zh_dash": f"{d.year}-{d.month}-{d.day}",
        "roc": f"{d.year - 1911}/{d.month:02d}/{d.day:02d}",
        "ja_slash": f"{d.year}/{d.month}/{d.day}",
        "ko_dash": f"{d.year}-{d.month:02d}-{d.day:02d}",
        "th_be": f"{d.day}/{d.month}/{d.year + 543}",
        "id_short": f"{d.day:02d}-{MON[d.month - 1].replace('May', 'Mei').replace('Aug', 'Agu')}-{d.year}",
        "d_mon_y": f"{d.day:02d}-{MON[d.month - 1]}-{d.year}",
    }[style]


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


def figure(v: Decimal, style: str, places: int) -> str:
    """``num`` and one grouping of its own: ``thin`` 12 500,00 with narrow no-break spaces."""
    if style == "thin":
        return num(v, "space", places).replace("\u00a0", "\u202f")
    return num(v, style, places)


# ----------------------------------------------------------------------------- orders


@dataclass
class Line:
    code: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal  # per piece, tax-exclusive
    amount: Decimal
    when: date | None = None  # the week's delivery date of a schedule row
    subs: list[tuple[str, str, Decimal]] = field(default_factory=list)  # components: code, text, quantity


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
    freight: Decimal = Decimal(0)  # added before VAT
    off: Decimal = Decimal(0)  # the document's discount, % of the lines

    @property
    def w(self) -> dict[str, str]:
        return LAB[LOCS[self.loc].words]

    @property
    def net(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def discount(self) -> Decimal:
        return money(self.net * self.off / 100, self.currency)

    @property
    def base(self) -> Decimal:
        return self.net - self.discount + self.freight

    @property
    def tax(self) -> Decimal:
        return money(self.base * self.vat / 100, self.currency)

    @property
    def gross(self) -> Decimal:
        return self.base + self.tax

    def n(self, v: Decimal, style: str | None = None) -> str:
        """``v`` as the buyer writes money (no decimals for yen, won, dong, rupiah and forint)."""
        places = 0 if self.currency in WHOLE else max(2, -int(v.as_tuple().exponent))  # type: ignore[operator]
        return figure(v, style or LOCS[self.loc].nums, places)

    def q(self, v: Decimal) -> str:
        return figure(v, LOCS[self.loc].nums, 0)

    def d(self, v: date, style: str | None = None) -> str:
        return day(v, style or LOCS[self.loc].dates)

    def golden(
        self, *, review: bool = False, source: str | None = None, total: bool = True, amounts: bool = True
    ) -> dict[str, Any]:
        order: dict[str, Any] = {
            "po_number": self.number,
            "customer": self.buyer,
            "po_date": self.ordered.isoformat(),
            "delivery_date": self.due.isoformat(),
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


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh7:{name}")


def make_order(
    seed: int,
    name: str,
    loc: str,
    n: int,
    number: Callable[[random.Random], str],
    *,
    k: int = 0,
    currency: str | None = None,
) -> Order:
    """Draw an order of ``n`` lines from buyer ``k`` of ``loc``, dated 12-19 November 2026."""
    r = draw(seed, name)
    info = LOCS[loc]
    company, address, person, domain, cur = info.buyers[k % len(info.buyers)]
    cur = currency or cur
    ordered = later(date(2026, 11, 9), r.randrange(8))
    due = later(ordered, r.randrange(24, 75))
    texts = GOODS_TEXT[info.words].split("|")
    lines = []
    for j in sorted(r.sample(range(len(GOODS)), min(n, len(GOODS)))):
        stem, base = GOODS[j]
        price = base * Decimal(FX[cur]) * Decimal(r.randrange(85, 136)) / 100
        if cur in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.0001") if price < Decimal("0.1") else Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        q = Decimal(r.choice([100, 250, 400, 500, 1000, 1500, 2000, 3000, 5000, 8000]))
        code = f"{stem}{r.randrange(1000, 9999)}-{r.choice('ABCDEFGH')}{r.randrange(1, 9)}"
        lines.append(Line(code, texts[j], q, info.unit, price, money(q * price, cur)))
    r.shuffle(lines)
    local = person.split()[0].lower() if person.isascii() else "einkauf"
    local = "".join(ch for ch in local if ch.isalpha() and ch.isascii()) or "purchasing"
    lang = loc if loc == "zh-Hant" else loc.split("-")[0]
    return Order(number(r), company, address, person, f"{local}@{domain}", lang, loc, ordered, due, cur, lines)


def weekly(o: Order, r: random.Random, rows: int) -> None:
    """A line per delivery week: the order's parts spread over ``rows`` rows, each part on two to four
    consecutive weeks from the delivery date on, each row with its own quantity."""
    out: list[Line] = []
    parts = list(o.lines)
    k = 0
    while len(out) < rows:
        ln = parts[k % len(parts)]
        week = sum(1 for x in out if x.code == ln.code)
        qty = Decimal(r.choice([200, 300, 400, 600, 800, 1200]))
        out.append(Line(ln.code, ln.text, qty, ln.unit, ln.price, money(qty * ln.price, o.currency),
                        o.due + timedelta(weeks=week)))  # fmt: skip
        k += 1
    out.sort(key=lambda x: (x.code, x.when or o.due))
    o.lines = out


def with_subitems(o: Order, r: random.Random) -> None:
    """Give some positions components under them (a quantity, no price): they are not lines."""
    parts = {
        "CSP": [("W-0.8-SH", "wire 0.8 SH")],
        "PAC": [("RES-PA66", "PA66 GF0 resin"), ("COL-N", "colour batch")],
        "AHS": [("PRF-40", "profile 40"), ("ANO-BK", "anodising black"), ("TIM-01", "thermal pad")],
        "SSH": [("SPC-03", "SPCC 0.3 coil")],
        "SKP": [("SIL-50", "silicone 50 Sh A"), ("PRT-12", "legend print")],
        "UCA": [("CON-C", "USB-C plug"), ("CAB-28", "cable 28AWG"), ("OVM-01", "overmould")],
    }
    for j, ln in enumerate(o.lines):
        if j % 2 == 0 or r.random() < 0.4:
            comps = parts[ln.code[:3]]
            ln.subs = [(f"{c}-{r.randrange(10, 99)}", t, Decimal(r.choice([1, 2, 4]))) for c, t in comps]


def sent_on(d: date, hour: int = 10, minute: int = 7, offset: int = 1) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


def digits(lo: int, hi: int, pre: str = "", post: str = "") -> Callable[[random.Random], str]:
    return lambda r: f"{pre}{r.randrange(lo, hi)}{post}"


OFF = {"fr": "Remise", "de": "Rabatt", "it": "Sconto"}
FREIGHT = {"fr": "Port", "de": "Fracht", "it": "Spese di trasporto"}


def sum_values(o: Order) -> list[tuple[str, Decimal]]:
    """The totals block: the lines, the discount and freight when there are, VAT when the document
    adds it, and the total."""
    w = o.w
    rows = [(w["net"], o.net)]
    words = LOCS[o.loc].words
    if o.off:
        rows.append((f"{OFF.get(words, 'Discount')} {o.off}%", -o.discount))
    if o.freight:
        rows.append((FREIGHT.get(words, "Freight"), o.freight))
    if o.vat:
        rows.append((w["vat"] if "%" in w["vat"] else f"{w['vat']} {o.vat}%", o.tax))
    rows.append((w["total"], o.gross))
    return rows


def sums(o: Order, sign: str = "") -> list[tuple[str, str]]:
    return [(a, ("-" if v < 0 else "") + sign + o.n(abs(v))) for a, v in sum_values(o)]


def line_rows(o: Order, *, pos: bool = True, week: bool = False, sign: str = "") -> list[list[str]]:
    """Header row, then a row a line: position, code, text, (week, date), quantity, unit, price, amount."""
    w = o.w
    head = (["Pos"] if pos else []) + [w["item"], w["desc"]] + ([w["week"], w["due"]] if week else [])
    rows = [head + [w["qty"], w["unit"], w["price"], w["amount"]]]
    for j, ln in enumerate(o.lines, 1):
        cells = ([str(j * 10)] if pos else []) + [ln.code, ln.text]
        if week:
            when = ln.when or o.due
            cells += [f"{when.isocalendar()[1]}/{when.isocalendar()[0]}", o.d(when)]
        rows.append(cells + [o.q(ln.qty), ln.unit, sign + o.n(ln.price), sign + o.n(ln.amount)])
    return rows


def head_pairs(o: Order) -> list[tuple[str, str]]:
    w = o.w
    pairs = [(w["no"], o.number), (w["date"], o.d(o.ordered)), (w["due"], o.d(o.due)), (w["buyer"], o.person)]
    if o.payment:
        pairs.append((w["pay"], o.payment))
    return pairs


def revisions(o: Order, count: int) -> list[tuple[str, str, str]]:
    """A revision history: revision 0 on the order's date, later ones a day apart (before today)."""
    texts = ["Original issue", "Qty changed on one position", "Delivery date confirmed", "Price updated"]
    out = []
    for k in range(count):
        when = min(o.ordered + timedelta(days=k), date(2026, 11, 21))
        out.append((str(k), o.d(when), texts[k % len(texts)]))
    return out


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
        return o

    def r(self, name: str) -> random.Random:
        return draw(self.seed, name + ":layout")

    @staticmethod
    def named(rel: str) -> str:
        """``rel`` with its file name marked as this batch's (``pdf/f7-…``): every batch writes into
        the same folders, and a name an earlier batch also uses would overwrite its document."""
        folder, _, name = rel.rpartition("/")
        return f"{folder}/f7-{name}"

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


def build_fresh7(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


def mailer(o: Order, name: str, subject: str, **kw: Any) -> Any:
    return message(sender=(o.person, o.mail), subject=subject, key=f"f7-{name}", sent=sent_on(o.ordered), **kw)


def esc(s: str) -> str:
    return escape(s, quote=False)


# ----------------------------------------------------------------------------- PDF writers


def table(
    p: Page,
    x0: float,
    y: float,
    widths: list[float],
    aligns: str,
    rows: list[list[str]],
    *,
    size: float = 7.5,
    head: bool = True,
    ruled: bool = True,
    lead: float = 9.5,
) -> float:
    """Rows of cells whose text wraps inside its column (the row as tall as its tallest cell);
    returns the ``y`` under the last row."""
    for k, row in enumerate(rows):
        wrapped = [p.wrap(cell, wd - 6, size) for wd, cell in zip(widths, row)]
        height = lead * max(len(c) for c in wrapped) + 5
        x = x0
        for wd, a, cell in zip(widths, aligns, wrapped):
            if ruled:
                p.box(x, y, wd, height, width=0.4, fill=(0.9, 0.9, 0.9) if head and k == 0 else None)
            for i, part in enumerate(cell):
                tx = {"l": x + 3, "r": x + wd - 3, "c": x + wd / 2}[a]
                p.text(tx, y + lead * (i + 1), part, size, bold=head and k == 0,
                       align={"l": "left", "r": "right", "c": "center"}[a])  # fmt: skip
            x += wd
        y += height
    return y


def canvas_po(
    path: Path,
    o: Order,
    *,
    creator: str,
    font: str = "sans",
    bold: str = "bold",
    sign: str = "",
    head: str = "top",
    addr2col: bool = False,
    revs: int = 0,
    fx: tuple[str, Decimal] | None = None,
    week: bool = False,
    subs: bool = False,
    landscape: bool = False,
    title: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
    notes: list[str] | None = None,
    party: str | None = None,
) -> None:
    """reportlab canvas: the buyer top left, the title top right; the facts as ``label: value``
    at the right (``head="top"``) or in a band in the page footer (``head="footer"``); with
    ``addr2col`` the ship-to and the vendor side by side; ``revs`` rows of revision history; the lines
    (wrapped text, ``week`` and date columns for a schedule, components under a position with
    ``subs``); the sums in a box, and with ``fx`` a second box with the sums in another currency."""
    from reportlab.lib.pagesizes import A4, landscape as turned

    w = o.w
    size = turned(A4) if landscape else A4
    p = Page(path, font, bold, size=size, creator=creator)
    right = p.width - 40
    span = right - 40
    p.text(40, 46, o.buyer, 12.5, bold=True)
    p.text(40, 59, o.address, 7.5)
    p.text(right, 46, title or w["title"], 15, bold=True, align="right")
    facts = pairs or head_pairs(o)
    y = 80.0
    if revs:
        facts = facts[:1] + [("Rev.", str(revs - 1))] + facts[1:]
    if head == "top":
        for label, value in facts:
            p.text(right - 190, y, label, 7.5, bold=True)
            p.text(right - 100, y, value, 8)
            y += 11
        y += 6
    if addr2col:
        half = span / 2
        p.text(40, y, w["ship"], 7, bold=True)
        p.text(40 + half, y, party or w["supplier"], 7, bold=True)
        p.text(40, y + 11, o.buyer, 8)
        p.text(40, y + 21, "Receiving, Gate 3", 8)
        p.text(40, y + 31, o.address, 8)
        p.text(40 + half, y + 11, SUPPLIER, 8)
        p.text(40 + half, y + 21, SUPPLIER_ADDR, 7)
        y += 44
    elif head == "top":
        p.text(40, y, f"{party or w['supplier']}: {SUPPLIER}", 8)
        y += 16
    else:
        p.text(40, y, SUPPLIER, 8)
        p.text(40, y + 10, SUPPLIER_ADDR, 7)
        y += 26
    if revs:
        y = table(p, 40, y, [40, 80, 220], "cll", [["Rev.", w["date"], "Change / Änderung"]]
                  + [list(r) for r in revisions(o, revs)], size=7)  # fmt: skip
        y += 10
    rows = line_rows(o, week=week, sign=sign)
    size_of = {"Pos": 26, w["item"]: 72, w["week"]: 34, w["due"]: 56, w["qty"]: 44, w["unit"]: 28, w["price"]: 62,
               w["amount"]: 72, w["desc"]: 0}  # fmt: skip
    align_of = {"Pos": "c", w["item"]: "l", w["desc"]: "l", w["week"]: "c", w["due"]: "c", w["unit"]: "c"}
    widths = [size_of[h] for h in rows[0]]
    widths[2] = span - sum(widths)
    aligns = "".join(align_of.get(h, "r") for h in rows[0])
    y = table(p, 40, y, widths, aligns, rows[:1])
    for j, row in enumerate(rows[1:]):
        y = table(p, 40, y, widths, aligns, [row], head=False)
        ln = o.lines[j]
        if subs and ln.subs:
            for i, (code, text, per) in enumerate(ln.subs, 1):
                p.text(48, y + 9, f"{row[0]}.{i}", 6.5)
                p.text(72, y + 9, code, 6.5)
                p.text(72 + widths[1], y + 9, f"{text} — {o.q(per * ln.qty)} {ln.unit}", 6.5)
                y += 10
            y += 3
        if y > p.height - 120:
            p.text(right, p.height - 40, f"{w['page']} 1", 7, align="right")
            p.new_page()
            y = 50.0
            y = table(p, 40, y, widths, aligns, rows[:1])
    y += 10
    block = sums(o, sign)
    p.box(right - 220, y, 220, 14 * len(block) + 6, width=0.6)
    for k, (label, value) in enumerate(block):
        last = k == len(block) - 1
        p.text(right - 215, y + 13 + 14 * k, label, 8, bold=last)
        p.text(right - 5, y + 13 + 14 * k, f"{value} {o.currency}" if not sign else value, 8, bold=last,
               align="right")  # fmt: skip
    if fx:
        cur, rate = fx
        p.box(40, y, 220, 14 * len(block) + 20, width=0.6)
        p.text(45, y + 11, f"{cur} · 1 {o.currency} = {rate} {cur} (informative)", 6.5)
        for k, (label, value) in enumerate(sum_values(o)):
            p.text(45, y + 25 + 14 * k, label, 7.5)
            p.text(255, y + 25 + 14 * k, f"{money(value * rate, cur):,.2f} {cur}", 7.5, align="right")
    y += 14 * len(block) + 30
    for text in notes or []:
        p.text(40, y, text, 7.5)
        y += 11
    if head == "footer":
        base = p.height - 62
        p.line(40, base, right, base, 0.6)
        step = span / 3
        for k, (label, value) in enumerate(facts):
            x = 40 + (k % 3) * step
            yy = base + 12 + 20 * (k // 3)
            p.text(x, yy, label, 6)
            p.text(x, yy + 9, value, 7.5, bold=k == 0)
    else:
        p.text(40, p.height - 30, f"{o.person} · {o.mail}", 7)
    p.text(right, p.height - 18, f"{w['page']} 1", 7, align="right")
    p.save()


def fpdf_po(
    path: Path,
    o: Order,
    *,
    landscape: bool = False,
    sign: str = "",
    drawing: bool = False,
    subs: bool = False,
    week: bool = False,
    head: str = "top",
    fx: tuple[str, Decimal] | None = None,
    addr2col: bool = False,
    title: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
    notes: list[str] | None = None,
    party: str | None = None,
) -> None:
    """fpdf2: ``pdf.table`` with wrapped cells; in landscape with a drawing and revision column when
    ``drawing``; the facts at the top in two columns or, with ``head="footer"``, in the page footer."""
    from fpdf.fonts import FontFace

    w = o.w
    pdf = fpdf_new(landscape=landscape)
    facts = pairs or head_pairs(o)
    if head == "footer":

        def footer() -> None:
            pdf.set_y(-22)
            pdf.set_font("dv", "", 6.5)
            pdf.set_draw_color(0, 0, 0)
            pdf.line(12, pdf.get_y(), pdf.w - 12, pdf.get_y())
            pdf.ln(1)
            pdf.multi_cell(0, 3.6, "   |   ".join(f"{a}: {b}" for a, b in facts), new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 3.6, f"{w['page']} {pdf.page_no()}", align="R")

        pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    pdf.set_font("dv", "B", 14)
    pdf.cell(0, 8, title or w["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "B", 10)
    pdf.cell(0, 5.5, o.buyer, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.cell(0, 4.5, o.address, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if addr2col:
        half = (pdf.w - 24) / 2
        y = pdf.get_y()
        pdf.set_font("dv", "B", 7.5)
        pdf.cell(half, 4.5, w["supplier"])
        pdf.cell(half, 4.5, w["ship"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 8)
        pdf.multi_cell(half, 4.2, f"{SUPPLIER}\n{SUPPLIER_ADDR}")
        pdf.set_xy(12 + half, y + 4.5)
        pdf.multi_cell(half, 4.2, f"{o.buyer}\nWarehouse B\n{o.address}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    else:
        pdf.cell(0, 4.5, f"{party or w['supplier']}: {SUPPLIER}, {SUPPLIER_ADDR}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if head == "top":
        pdf.set_font("dv", "", 8)
        for a, b in zip(facts[::2], facts[1::2] + [("", "")]):
            pdf.set_font("dv", "B", 8)
            pdf.cell(34, 5, a[0])
            pdf.set_font("dv", "", 8)
            pdf.cell(60, 5, a[1])
            pdf.set_font("dv", "B", 8)
            pdf.cell(34, 5, b[0])
            pdf.set_font("dv", "", 8)
            pdf.cell(0, 5, b[1], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    rows = line_rows(o, week=week, sign=sign)
    if drawing:
        r = random.Random(o.number)
        rows[0] = rows[0][:3] + ["Drawing / Rev.", w["due"]] + rows[0][3:]
        for j, row in enumerate(rows[1:]):
            rows[j + 1] = row[:3] + [f"DWG-{r.randrange(10000, 99999)} / {r.choice('ABCD')}", o.d(o.due)] + row[3:]
    body = []
    for j, row in enumerate(rows):
        body.append(row)
        if subs and j and o.lines[j - 1].subs:
            ln = o.lines[j - 1]
            for i, (code, text, per) in enumerate(ln.subs, 1):
                body.append([f"{row[0]}.{i}", code, f"{text} ({o.q(per * ln.qty)} {ln.unit})"] + [""] * (len(row) - 3))
    pdf.set_font("dv", "", 7.5)
    total_w = pdf.w - 24
    narrow = {"Pos": 10, w["qty"]: 16, w["unit"]: 11, w["price"]: 22, w["amount"]: 26, w["item"]: 27,
              "Drawing / Rev.": 30, w["due"]: 22, w["week"]: 12}  # fmt: skip
    widths = [narrow.get(h, 0) for h in rows[0]]
    widths[2] = total_w - sum(widths)
    aligns = tuple("RIGHT" if i >= len(rows[0]) - 2 or rows[0][i] == w["qty"] else "LEFT" for i in range(len(rows[0])))
    with pdf.table(col_widths=widths, text_align=aligns, line_height=4.2,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225))) as t:  # fmt: skip
        for row in body:
            tr = t.row()
            for cell in row:
                tr.cell(cell)
    pdf.ln(3)
    for label, value in sums(o, sign):
        pdf.set_font("dv", "B" if label == w["total"] else "", 8.5)
        pdf.cell(total_w - 40, 5, label, align="R")
        pdf.cell(40, 5, f"{value} {o.currency}" if not sign else value, align="R", new_x="LMARGIN", new_y="NEXT")
    if fx:
        cur, rate = fx
        pdf.ln(2)
        pdf.set_font("dv", "", 7.5)
        pdf.cell(0, 4.5, f"Equivalent in {cur} at {rate}:", new_x="LMARGIN", new_y="NEXT")
        for label, value in sum_values(o):
            pdf.cell(60, 4.5, label)
            pdf.cell(40, 4.5, f"{money(value * rate, cur):,.2f} {cur}", align="R", new_x="LMARGIN", new_y="NEXT")
    for text in notes or []:
        pdf.set_font("dv", "", 7.5)
        pdf.multi_cell(0, 4.2, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def spool_subitems(o: Order, *, title: str) -> list[list[str]]:
    """A fixed-pitch print of positions with sub-items (SAP style): position 00010 with its
    components 00010.1 ... under it, a quantity and no price; the sums after the positions."""

    def fit(s: str, wd: int, right: bool = False) -> str:
        return s.rjust(wd) if right else s[:wd].ljust(wd)

    w = o.w
    lines = [
        fit(o.buyer, 58) + fit(title, 32, True),
        fit(o.address, 58),
        "",
        fit(f"{w['no']}: {o.number}", 45) + fit(f"{w['date']}: {o.d(o.ordered)}", 45, True),
        fit(f"{w['supplier']}: {SUPPLIER}", 90),
        fit(f"{w['buyer']}: {o.person}", 45) + fit(f"{w['due']}: {o.d(o.due)}", 45, True),
        *([fit(f"{w['pay']}: {o.payment}", 90)] if o.payment else []),
        "=" * 90,
        fit("Pos", 8) + fit(w["item"], 16) + fit(w["desc"], 30) + fit(w["qty"], 9, True) + " " + fit(w["unit"], 4)
        + fit(w["price"], 10, True) + fit(w["amount"], 12, True),
        "=" * 90,
    ]  # fmt: skip
    for j, ln in enumerate(o.lines, 1):
        pos = f"{j * 10:05d}"
        text = ln.text if len(ln.text) <= 30 else ln.text[:29] + "…"
        lines.append(fit(pos, 8) + fit(ln.code, 16) + fit(text, 30) + fit(o.q(ln.qty), 9, True) + " "
                     + fit(ln.unit, 4) + fit(o.n(ln.price), 10, True) + fit(o.n(ln.amount), 12, True))  # fmt: skip
        if len(ln.text) > 30:
            lines.append(fit("", 24) + ln.text)
        for i, (code, sub, per) in enumerate(ln.subs, 1):
            lines.append(fit(f"{pos}.{i}", 10) + fit(code, 14) + fit(sub, 30) + fit(o.q(per * ln.qty), 9, True))
        lines.append("")
    lines.append("-" * 90)
    for label, value in sums(o):
        lines.append(fit("", 44) + fit(label, 26) + fit(f"{value} {o.currency}", 20, True))
    return [lines]


# ----------------------------------------------------------------------------- Word and workbooks


def docx_po(
    path: Path,
    o: Order,
    *,
    author: str,
    font: str = "Liberation Sans",
    footer_head: bool = False,
    revs: int = 0,
    week: bool = False,
    subs: bool = False,
    rtl: bool = False,
    title: str | None = None,
    notes: list[str] | None = None,
    party: str | None = None,
) -> None:
    """python-docx: the title, the buyer; the facts in a two-column table or (``footer_head``) in the
    page footer; the vendor and ship-to side by side; a revision table; the lines (with components
    under a position, or a week and date column); the sums as rows under the amounts."""
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    w = o.w
    doc = docx.Document()
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(9)
    if week:  # a week and a date column more: the page turned, so that no part number wraps
        from docx.enum.section import WD_ORIENT

        sec = doc.sections[0]
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    pars = []
    facts = head_pairs(o)
    if footer_head:
        fp = doc.sections[0].footer.paragraphs[0]
        fp.text = "  ·  ".join(f"{a}: {b}" for a, b in facts)
        pars.append(fp)
    t0 = doc.add_paragraph()
    t0.add_run(title or w["title"]).bold = True
    pars.append(t0)
    p1 = doc.add_paragraph()
    p1.add_run(o.buyer).bold = True
    p1.add_run("\n" + o.address)
    pars.append(p1)
    tables = []
    if not footer_head:
        ft = doc.add_table(rows=0, cols=2)
        for a, b in facts:
            cells = ft.add_row().cells
            cells[0].paragraphs[0].add_run(a).bold = True
            cells[1].paragraphs[0].add_run(b)
        tables.append(ft)
    at = doc.add_table(rows=2, cols=2)
    at.style = "Table Grid"
    at.cell(0, 0).paragraphs[0].add_run(party or w["supplier"]).bold = True
    at.cell(0, 1).paragraphs[0].add_run(w["ship"]).bold = True
    at.cell(1, 0).paragraphs[0].add_run(f"{SUPPLIER}\n{SUPPLIER_ADDR}")
    at.cell(1, 1).paragraphs[0].add_run(f"{o.buyer}\n{o.address}")
    tables.append(at)
    if revs:
        pars.append(doc.add_paragraph(f"Rev. {revs - 1}"))
        rt = doc.add_table(rows=1, cols=3)
        rt.style = "Table Grid"
        for c, v in zip(rt.rows[0].cells, ["Rev.", w["date"], "Change"]):
            c.paragraphs[0].add_run(v).bold = True
        for rev in revisions(o, revs):
            for c, v in zip(rt.add_row().cells, rev):
                c.paragraphs[0].add_run(v)
        tables.append(rt)
    pars.append(doc.add_paragraph(""))
    rows = line_rows(o, week=week)
    t = doc.add_table(rows=0, cols=len(rows[0]))
    t.style = "Table Grid"
    for k, row in enumerate(rows):
        cells = t.add_row().cells
        for c, v in zip(cells, row):
            run = c.paragraphs[0].add_run(v)
            run.bold = k == 0
            run.font.size = Pt(8)
        if subs and k and o.lines[k - 1].subs:
            ln = o.lines[k - 1]
            for i, (code, text, per) in enumerate(ln.subs, 1):
                sub = t.add_row().cells
                sub[0].paragraphs[0].add_run(f"{row[0]}.{i}").font.size = Pt(7)
                sub[1].paragraphs[0].add_run(code).font.size = Pt(7)
                sub[2].paragraphs[0].add_run(f"{text} — {o.q(per * ln.qty)} {ln.unit}").italic = True
    for label, value in sums(o):
        cells = t.add_row().cells
        merged = cells[0].merge(cells[-2])
        merged.paragraphs[0].add_run(label).bold = True
        cells[-1].paragraphs[0].add_run(value).bold = True
    tables.append(t)
    for text in notes or []:
        pars.append(doc.add_paragraph(text))
    if rtl:
        for par in pars:
            par._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for tb in tables:
            tb._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    docx_save(doc, path, author)


def xlsx_po(
    path: Path,
    o: Order,
    *,
    author: str,
    head_below: bool = False,
    revs: int = 0,
    week: bool = False,
    rtl: bool = False,
    fx: tuple[str, Decimal] | None = None,
    subs: bool = False,
    title: str | None = None,
    money_format: str = "#,##0.00",
) -> None:
    """openpyxl: the title and buyer on top; the facts as label/value rows above the lines, or
    (``head_below``) under the sums; ``revs``: a revision sheet first, the order on the second;
    ``fx``: a second currency column beside the sums; ``subs``: component rows under a position."""
    import openpyxl
    from openpyxl.styles import Font

    w = o.w
    wb = openpyxl.Workbook()
    ws = wb.active
    if revs:
        ws.title = "Revisions"
        ws.append(["Rev.", w["date"], "Change", w["no"]])
        for rev in revisions(o, revs):
            ws.append([*rev, o.number])
        ws = wb.create_sheet("PO")
    else:
        ws.title = "PO"
    ws.sheet_view.rightToLeft = rtl
    ws["A1"] = title or w["title"]
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.buyer
    ws["A3"] = o.address
    facts = head_pairs(o) + [(w["supplier"], SUPPLIER)]
    r = 5
    if not head_below:
        for a, b in facts:
            ws.cell(r, 1, a).font = Font(bold=True)
            ws.cell(r, 3, b)
            r += 1
        r += 1
    rows = line_rows(o, week=week)
    fmt = "0" if o.currency in WHOLE else money_format
    for k, row in enumerate(rows):
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c)
            if k and c >= len(row) - 3 and c != len(row) - 2:
                src = o.lines[k - 1]
                cell.value = {len(row) - 3: int(src.qty), len(row) - 1: float(src.price), len(row): float(src.amount)}[
                    c
                ]
                if c >= len(row) - 1:
                    cell.number_format = fmt
            else:
                cell.value = v
                cell.font = Font(bold=k == 0)
        r += 1
        if subs and k and o.lines[k - 1].subs:
            ln = o.lines[k - 1]
            for i, (code, text, per) in enumerate(ln.subs, 1):
                ws.cell(r, 1, f"{row[0]}.{i}")
                ws.cell(r, 2, code)
                ws.cell(r, 3, text)
                ws.cell(r, len(row) - 3, int(per * ln.qty))
                ws.cell(r, len(row) - 2, ln.unit)
                r += 1
    r += 1
    ncol = len(rows[0])
    if fx:
        ws.cell(r - 1, ncol, o.currency).font = Font(bold=True)
        ws.cell(r - 1, ncol + 1, fx[0]).font = Font(bold=True)
    for label, value in sum_values(o):
        ws.cell(r, ncol - 1, label).font = Font(bold=True)
        ws.cell(r, ncol, float(value)).number_format = fmt
        if fx:
            ws.cell(r, ncol + 1, float(money(value * fx[1], fx[0]))).number_format = "#,##0.00"
        r += 1
    if fx:
        ws.cell(r, ncol - 1, f"1 {o.currency} = {fx[1]} {fx[0]}")
        r += 1
    if head_below:
        r += 1
        for a, b in facts:
            ws.cell(r, 1, a).font = Font(bold=True)
            ws.cell(r, 3, b)
            r += 1
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 36
    xlsx_save(wb, path, author)


# ----------------------------------------------------------------------------- mail bodies


def typed_table_html(o: Order, client: str, intro: list[str], outro: list[str], *, rtl: bool = False) -> str:
    """The order typed by hand as a table in the body, in the markup each client writes."""
    rows = line_rows(o, pos=False)
    sumrows = sums(o)
    d = ' dir="rtl"' if rtl else ""
    if client == "outlook":
        p = '<p class="MsoNormal">{}<o:p></o:p></p>'
        cells = "".join(
            "<tr>" + "".join(f'<td style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">{p.format(esc(c))}</td>'
                             for c in row) + "</tr>" for row in rows + [[""] * (len(rows[0]) - 2) + list(s) for s in sumrows]
        )  # fmt: skip
        body = "".join(p.format(esc(t) or "&nbsp;") for t in intro)
        tail = "".join(p.format(esc(t) or "&nbsp;") for t in outro)
        return (f'<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft '
                f'Word 15 (filtered medium)"></head><body lang=EN-US><div class=WordSection1{d}>{body}'
                f'<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;'
                f'border:none">{cells}</table>{tail}</div></body></html>')  # fmt: skip
    if client == "gmail":
        cells = "".join(
            "<tr>" + "".join(f'<td style="border:1px solid rgb(204,204,204);padding:3px 6px">{esc(c)}</td>' for c in row)
            + "</tr>" for row in rows + [[""] * (len(rows[0]) - 2) + list(s) for s in sumrows]
        )  # fmt: skip
        return (f'<div dir="{"rtl" if rtl else "ltr"}">' + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in intro)
                + f'<table cellspacing="0" cellpadding="0" dir="{"rtl" if rtl else "ltr"}" border="1" '
                f'style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;'
                f'border:none"><tbody>{cells}</tbody></table>'
                + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in outro) + "</div>")  # fmt: skip
    if client == "apple":
        cells = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
        cells += "".join(f'<tr><td colspan="{len(rows[0]) - 1}"><b>{esc(a)}</b></td><td>{esc(b)}</td></tr>'
                         for a, b in sumrows)  # fmt: skip
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
                + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in intro)
                + f'<table border="1" style="border-collapse: collapse;">{cells}</table>'
                + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in outro) + "</body></html>")  # fmt: skip
    # foxmail
    span = '<span style="font-family: 微软雅黑, &quot;Microsoft YaHei&quot;; font-size: 10.5pt;">{}</span>'
    cells = "".join("<tr>" + "".join(f'<td style="border:1px solid #000;">{span.format(esc(c))}</td>' for c in row)
                    + "</tr>" for row in rows + [[""] * (len(rows[0]) - 2) + list(s) for s in sumrows])  # fmt: skip
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8"><style>body { line-height: '
            '1.5; }</style></head><body>' + "".join(f"<div>{span.format(esc(t) or '<br>')}</div>" for t in intro)
            + f'<table border="1" cellspacing="0" style="border-collapse:collapse">{cells}</table>'
            + "".join(f"<div>{span.format(esc(t) or '<br>')}</div>" for t in outro)
            + "<div><includetail><!--<![endif]--></includetail></div></body></html>")  # fmt: skip


def text_rows(o: Order) -> list[str]:
    rows = line_rows(o, pos=False)
    return plain_table(rows, 3) + [""] + [f"{a}: {b} {o.currency}" for a, b in sums(o)]


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``files`` with fixed times (one seed, the same bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 16, 45, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# ----------------------------------------------------------------------------- the families: reportlab canvas

CJK = {"font": "cjk0", "bold": "cjk1"}


@family("de-lieferplan-line-per-week", "reportlab-canvas-week-rows")
def de_weeks(m: Maker) -> None:
    """German call-off plan as an order: each part on two to four rows, one per delivery week (KW and
    date columns), quantities differing week by week; the order's delivery date is the first week."""
    for k in range(4):
        name = f"de-weeks-{k}"
        o = m.order(name, "de", 2, digits(4700010000, 4700099999), k=k)
        o.payment = LOCS["de"].pay if k % 2 == 0 else None
        weekly(o, m.r(name), 4 + k)
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="proALPHA", week=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-lieferplan-line-per-week")


@family("en-us-po-revision-history", "reportlab-canvas-revisions")
def en_us_revs(m: Maker) -> None:
    """A US purchase order at its second to fourth revision: the revision beside the number and a
    revision history table (each revision dated) above the lines; the number is the same."""
    for k in range(4):
        name = f"en-us-revs-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(200100, 200999, "", "-00"), k=k)
        o.payment = LOCS["en-US"].pay if k != 1 else None
        o.freight = Decimal(["85.00", 0, "40.00", 0][k])
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="Epicor Kinetic", revs=2 + k % 3, sign="$")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-po-revision-history")


@family("nl-head-in-page-footer", "reportlab-canvas-footer-head")
def nl_footer(m: Maker) -> None:
    """Dutch: nothing but the buyer and the title on top; the number, date, delivery date and buyer in
    a ruled band in the page footer, each label in small type over its value."""
    for k in range(4):
        name = f"nl-footer-{k}"
        o = m.order(name, "nl", 2 + (k + 1) % 3, digits(60000, 69999, "IO"), k=k)
        o.payment = LOCS["nl"].pay if k % 2 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="AFAS Profit", head="footer", sign="€ ")
        m.add(f"pdf/{name}.pdf", o.golden(), "nl", "nl-head-in-page-footer")


@family("fr-ship-to-and-vendor-two-columns", "reportlab-canvas-two-columns")
def fr_two_col(m: Maker) -> None:
    """French: the delivery address and the supplier side by side in two columns of labels and
    values, figures grouped with narrow no-break spaces, TVA 20 %."""
    for k in range(4):
        name = f"fr-two-col-{k}"
        o = m.order(name, "fr", 3 + k % 2, digits(2026100, 2026999, "CF"), k=k)
        o.payment = LOCS["fr"].pay
        o.off = Decimal([0, 2, 0, 3][k])
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="Sage 100 Gestion commerciale", addr2col=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "fr", "fr-ship-to-and-vendor-two-columns")


@family("pl-pln-order-eur-summary-box", "reportlab-canvas-two-currencies")
def pl_fx(m: Maker) -> None:
    """Polish, in złoty, with a second summary box giving the sums in euro at a stated rate (for
    information): the order's total is the złoty one."""
    for k in range(4):
        name = f"pl-fx-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZZ/{r.randrange(100, 999)}/11/2026", k=k)
        o.payment = LOCS["pl"].pay if k != 3 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="Comarch ERP XL", fx=("EUR", Decimal("0.2351")))
        m.add(f"pdf/{name}.pdf", o.golden(), "pl", "pl-pln-order-eur-summary-box")


@family("ja-nonyu-line-per-week", "reportlab-canvas-week-rows-cjk")
def ja_weeks(m: Maker) -> None:
    """Japanese, a delivery plan order: each part on a row per week (週 and date), yen without
    decimals, 消費税 10%, dates as 2026/11/16."""
    for k in range(4):
        name = f"ja-weeks-{k}"
        o = m.order(name, "ja", 2 + k % 2, digits(5100000, 5199999, "HN-"), k=k)
        o.payment = LOCS["ja"].pay
        weekly(o, m.r(name), 4 + k % 3)
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="GRANDIT", week=True, **CJK)
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-nonyu-line-per-week")


@family("zh-cny-order-usd-summary-box", "reportlab-canvas-two-currencies-cjk")
def zh_fx(m: Maker) -> None:
    """Chinese, in yuan with 13% VAT, a second box with the sums in US dollars at a stated rate."""
    for k in range(4):
        name = f"zh-fx-{k}"
        o = m.order(name, "zh", 2 + (k + 1) % 3, digits(20261100, 20261199, "CG"), k=k)
        o.payment = LOCS["zh"].pay if k % 2 == 0 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="金蝶K/3 WISE", fx=("USD", Decimal("0.1389")), sign="¥",
                  **CJK)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "zh", "zh-cny-order-usd-summary-box")


@family("ko-revision-history-cjk", "reportlab-canvas-revisions-cjk")
def ko_revs(m: Maker) -> None:
    """Korean purchase order at a later revision: 차수 beside the number, a revision table, won."""
    for k in range(4):
        name = f"ko-revs-{k}"
        o = m.order(name, "ko", 2 + k % 3, digits(2611000, 2611999, "PO"), k=k)
        o.payment = LOCS["ko"].pay if k != 2 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="더존 iCUBE", revs=2 + (k + 1) % 3, **CJK)
        m.add(f"pdf/{name}.pdf", o.golden(), "ko", "ko-revision-history-cjk")


@family("it-landscape-head-in-footer", "reportlab-canvas-landscape-footer")
def it_landscape(m: Maker) -> None:
    """Italian on a landscape page, the order's facts in the page footer, RiBa terms, IVA 22%."""
    for k in range(4):
        name = f"it-landscape-{k}"
        o = m.order(name, "it", 3 + k % 3, lambda r: f"{r.randrange(100, 999)}/OF/2026", k=k)
        o.payment = LOCS["it"].pay if k != 0 else None
        o.freight = Decimal([0, "35.00", 0, "60.00"][k])
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="TeamSystem Alyante", head="footer", landscape=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "it", "it-landscape-head-in-footer")


@family("ro-landscape-revision-history", "reportlab-canvas-landscape-revisions")
def ro_landscape(m: Maker) -> None:
    """Romanian, landscape, a revision history over the lines, lei, TVA 21%."""
    for k in range(4):
        name = f"ro-landscape-{k}"
        o = m.order(name, "ro", 2 + (k + 2) % 3, digits(3000, 3999, "CA-"), k=k)
        o.payment = LOCS["ro"].pay if k % 2 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="SAP Business One", revs=2 + k % 2, landscape=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "ro", "ro-landscape-revision-history")


@family("pt-br-positions-with-components", "reportlab-canvas-sub-items")
def pt_subs(m: Maker) -> None:
    """Brazilian: positions with their components under them (10.1, 10.2 …, a quantity, no price),
    reais, IPI 10% added."""
    for k in range(4):
        name = f"pt-subs-{k}"
        o = m.order(name, "pt-BR", 2 + k % 3, digits(45000, 45999), k=k)
        o.payment = LOCS["pt-BR"].pay if k != 1 else None
        with_subitems(o, m.r(name))
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="TOTVS Protheus", subs=True, sign="R$ ")
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-br-positions-with-components")


@family("zh-hant-roc-dates-two-columns", "reportlab-canvas-two-columns-cjk")
def zh_hant_two_col(m: Maker) -> None:
    """Traditional Chinese: dates in the Republic of China era (115/11/16), ship-to and supplier side
    by side, 營業稅 5%."""
    for k in range(4):
        name = f"zh-hant-two-col-{k}"
        o = m.order(name, "zh-Hant", 2 + (k + 1) % 3, digits(11511000, 11511999, "PO"), k=k)
        o.payment = LOCS["zh-Hant"].pay if k % 2 == 0 else None
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="鼎新 Workflow ERP", addr2col=True, sign="NT$", **CJK)
        m.add(f"pdf/{name}.pdf", o.golden(), "zh-Hant", "zh-hant-roc-dates-two-columns")


# ----------------------------------------------------------------------------- fpdf2 and spool prints


@family("cs-fpdf-landscape-drawing-column", "fpdf2-landscape-drawing")
def cs_landscape(m: Maker) -> None:
    """Czech, fpdf2 on a landscape page: a drawing and revision column and a date per line, dates as
    16. listopadu 2026, koruny, DPH 21 %."""
    for k in range(4):
        name = f"cs-landscape-{k}"
        o = m.order(name, "cs", 3 + k % 2, digits(26000100, 26000999, "OV"), k=k)
        o.payment = LOCS["cs"].pay if k != 3 else None
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, landscape=True, drawing=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "cs", "cs-fpdf-landscape-drawing-column")


@family("el-fpdf-components-under-positions", "fpdf2-sub-items")
def el_subs(m: Maker) -> None:
    """Greek, fpdf2: positions with their components as rows of the table (no price), ΦΠΑ 24%."""
    for k in range(4):
        name = f"el-subs-{k}"
        o = m.order(name, "el", 2 + k % 3, digits(1100, 1999, "ΕΑ-"), k=k)
        o.payment = LOCS["el"].pay if k % 2 else None
        with_subitems(o, m.r(name))
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, subs=True, sign="€")
        m.add(f"pdf/{name}.pdf", o.golden(), "el", "el-fpdf-components-under-positions")


@family("ru-fpdf-vendor-and-ship-to-columns", "fpdf2-two-columns")
def ru_two_col(m: Maker) -> None:
    """Russian, fpdf2: supplier and delivery address side by side, dates as «16» ноября 2026 г.,
    НДС 20%, rubles."""
    for k in range(4):
        name = f"ru-two-col-{k}"
        o = m.order(name, "ru", 2 + (k + 1) % 3, digits(100, 999, "ЗП-"), k=k)
        o.payment = LOCS["ru"].pay if k != 2 else None
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, addr2col=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "ru", "ru-fpdf-vendor-and-ship-to-columns")


@family("tr-fpdf-try-with-usd-equivalent", "fpdf2-two-currencies")
def tr_fx(m: Maker) -> None:
    """Turkish, in lira with KDV 20%, the sums repeated in US dollars under them at a stated rate."""
    for k in range(4):
        name = f"tr-fx-{k}"
        o = m.order(name, "tr", 2 + k % 3, lambda r: f"SAS-2026-{r.randrange(1000, 9999)}", k=k)
        o.payment = LOCS["tr"].pay if k % 2 == 0 else None
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, fx=("USD", Decimal("0.0294")))
        m.add(f"pdf/{name}.pdf", o.golden(), "tr", "tr-fpdf-try-with-usd-equivalent")


@family("sk-fpdf-head-in-page-footer", "fpdf2-footer-head")
def sk_footer(m: Maker) -> None:
    """Slovak, fpdf2: the number, dates and buyer only in the page footer, DPH 23 %."""
    for k in range(4):
        name = f"sk-footer-{k}"
        o = m.order(name, "sk", 2 + (k + 2) % 3, digits(2026000, 2026999, "OBJ"), k=k)
        o.payment = LOCS["sk"].pay if k != 1 else None
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, head="footer")
        m.add(f"pdf/{name}.pdf", o.golden(), "sk", "sk-fpdf-head-in-page-footer")


@family("sv-spool-positions-sub-items", "sap-spool-sub-items")
def sv_spool(m: Maker) -> None:
    """Swedish SAP print in a fixed font: positions 00010, 00020 with their components 00010.1 … under
    them (quantity, no price); dates in ISO form, moms 25%."""
    for k in range(4):
        name = f"sv-spool-{k}"
        o = m.order(name, "sv", 2 + k % 3, digits(4500300000, 4500399999), k=k)
        o.payment = LOCS["sv"].pay if k % 2 == 0 else None
        with_subitems(o, m.r(name))
        text_pages_pdf(m.path(f"pdf/{name}.pdf"), spool_subitems(o, title="BESTÄLLNING"), creator="SAP Spool",
                       size=7.4)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "sv", "sv-spool-positions-sub-items")


# ----------------------------------------------------------------------------- python-docx


@family("da-docx-line-per-week", "python-docx-week-rows")
def da_weeks(m: Maker) -> None:
    """Danish Word order: a row per part and delivery week (uge and date), moms 25%."""
    for k in range(4):
        name = f"da-weeks-{k}"
        o = m.order(name, "da", 2, digits(30000, 39999, "IO-"), k=k)
        o.payment = LOCS["da"].pay if k != 2 else None
        weekly(o, m.r(name), 3 + k)
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, week=True)
        m.add(f"docx/{name}.docx", o.golden(), "da", "da-docx-line-per-week")


@family("fi-docx-revision-table", "python-docx-revisions")
def fi_revs(m: Maker) -> None:
    """Finnish Word order with a revision table (Rev. 1-3 with dates), ALV 25,5 %."""
    for k in range(4):
        name = f"fi-revs-{k}"
        o = m.order(name, "fi", 2 + k % 3, digits(700000, 799999), k=k)
        o.payment = LOCS["fi"].pay if k % 2 else None
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, revs=2 + k % 3)
        m.add(f"docx/{name}.docx", o.golden(), "fi", "fi-docx-revision-table")


@family("vi-docx-components-under-positions", "python-docx-sub-items")
def vi_subs(m: Maker) -> None:
    """Vietnamese Word order: components as rows under their position, đồng without decimals."""
    for k in range(4):
        name = f"vi-subs-{k}"
        o = m.order(name, "vi", 2 + (k + 1) % 3, lambda r: f"PDM{r.randrange(1000, 9999)}/2026", k=k)
        o.payment = LOCS["vi"].pay if k != 0 else None
        with_subitems(o, m.r(name))
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, subs=True, font="Times New Roman")
        m.add(f"docx/{name}.docx", o.golden(), "vi", "vi-docx-components-under-positions")


@family("en-gb-docx-head-in-page-footer", "python-docx-footer-head")
def en_gb_footer(m: Maker) -> None:
    """A British Word order whose number, date, delivery date and buyer are in the page footer only."""
    for k in range(4):
        name = f"en-gb-footer-{k}"
        o = m.order(name, "en-GB", 2 + k % 3, digits(80000, 89999, "SCG/"), k=k)
        o.payment = LOCS["en-GB"].pay if k % 2 == 0 else None
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, footer_head=True)
        m.add(f"docx/{name}.docx", o.golden(), "en", "en-gb-docx-head-in-page-footer")


@family("he-docx-rtl-revision-table", "python-docx-rtl-revisions")
def he_revs(m: Maker) -> None:
    """Hebrew Word order, right to left, with a revision table; Latin part codes, shekels."""
    for k in range(4):
        name = f"he-revs-{k}"
        o = m.order(name, "he", 2 + k % 3, digits(45000, 45999, "PO"), k=k)
        o.payment = LOCS["he"].pay if k != 3 else None
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, revs=2 + (k + 1) % 2, rtl=True, font="Arial")
        m.add(f"docx/{name}.docx", o.golden(), "he", "he-docx-rtl-revision-table")


# ----------------------------------------------------------------------------- LibreOffice


@family("es-docx-week-rows-printed", "libreoffice-docx-printed")
def es_printed(m: Maker) -> None:
    """Spanish Word order with a row per delivery week, printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"es-weeks-printed-{k}"
        o = m.order(name, "es", 2, digits(2600, 2999, "PC26/"), k=k)
        o.payment = LOCS["es"].pay if k % 2 else None
        weekly(o, m.r(name), 3 + k % 3)
        src = m.work / f"f7-{name}.docx"
        docx_po(src, o, author=o.person, week=True)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "es", "es-docx-week-rows-printed")


@family("de-docx-components-saved-as-odt", "libreoffice-docx-to-odt")
def de_odt(m: Maker) -> None:
    """German Word order with components under its positions, saved as .odt by LibreOffice."""
    for k in range(4):
        name = f"de-odt-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(4100, 4999, "B-"), k=k + 1)
        o.payment = LOCS["de"].pay if k != 1 else None
        with_subitems(o, m.r(name))
        src = m.work / f"f7-{name}.docx"
        docx_po(src, o, author=o.person, subs=True)
        m.convert(src, "odt", f"odt/{name}.odt", o.golden(), "de", "de-docx-components-saved-as-odt")


@family("nl-xlsx-printed-head-below", "libreoffice-xlsx-printed")
def nl_xlsx_printed(m: Maker) -> None:
    """Dutch workbook with the facts under the sums, printed to PDF by LibreOffice."""
    for k in range(4):
        name = f"nl-xlsx-printed-{k}"
        o = m.order(name, "nl", 2 + (k + 1) % 3, digits(70000, 79999, "BO"), k=k + 1)
        o.payment = LOCS["nl"].pay if k % 2 == 0 else None
        src = m.work / f"f7-{name}.xlsx"
        xlsx_po(src, o, author=o.person, head_below=True)
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "nl", "nl-xlsx-printed-head-below")


@family("pl-xlsx-saved-as-ods-eur-column", "libreoffice-xlsx-to-ods")
def pl_ods(m: Maker) -> None:
    """Polish workbook with a euro column beside the złoty sums, saved as .ods by LibreOffice."""
    for k in range(4):
        name = f"pl-ods-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZAM/{r.randrange(1000, 9999)}/2026", k=k + 1)
        o.payment = LOCS["pl"].pay if k != 2 else None
        src = m.work / f"f7-{name}.xlsx"
        xlsx_po(src, o, author=o.person, fx=("EUR", Decimal("0.2351")))
        m.convert(src, "ods", f"ods/{name}.ods", o.golden(), "pl", "pl-xlsx-saved-as-ods-eur-column")


def html_page(o: Order, title: str) -> str:
    rows = line_rows(o)
    cells = "".join(
        "<tr>" + "".join(f"<td{' nowrap' if i == 1 else ''}>{esc(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )  # the part number kept on one line
    facts = "".join(f"<tr><th>{esc(a)}</th><td>{esc(b)}</td></tr>" for a, b in head_pairs(o))
    tot = "".join(f"<tr><th>{esc(a)}</th><td>{esc(b)} {o.currency}</td></tr>" for a, b in sums(o))
    return (f"<html><head><meta charset='utf-8'><title>{esc(title)}</title></head><body><h1>{esc(title)}</h1>"
            f"<p><b>{esc(o.buyer)}</b><br>{esc(o.address)}</p><table>{facts}</table>"
            f"<p>{esc(o.w['supplier'])}: {esc(SUPPLIER)}</p><table border='1'>{cells}</table>"
            f"<table>{tot}</table></body></html>")  # fmt: skip


@family("hu-html-page-printed", "libreoffice-html-printed")
def hu_html(m: Maker) -> None:
    """Hungarian order page of a web ERP, printed to PDF by LibreOffice: forints, dates 2026. nov. 16."""
    for k in range(4):
        name = f"hu-html-{k}"
        o = m.order(name, "hu", 2 + k % 3, digits(100000, 199999, "BR-"), k=k)
        o.payment = LOCS["hu"].pay if k % 2 else None
        src = m.work / f"f7-{name}.html"
        src.write_text(html_page(o, o.w["title"]), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "hu", "hu-html-page-printed",
                  "--infilter=HTML (StarWriter)")  # fmt: skip


# ----------------------------------------------------------------------------- openpyxl


@family("sv-xlsx-line-per-week", "openpyxl-week-rows")
def sv_weeks(m: Maker) -> None:
    """Swedish workbook: a row per part and delivery week (vecka and date), kronor."""
    for k in range(4):
        name = f"sv-weeks-{k}"
        o = m.order(name, "sv", 2, digits(50000, 59999, "IO"), k=k + 1)
        o.payment = LOCS["sv"].pay if k != 0 else None
        weekly(o, m.r(name), 4 + k % 2)
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, week=True, money_format="#,##0.00 [$kr-41D]")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "sv", "sv-xlsx-line-per-week")


@family("zh-hant-xlsx-revision-sheet-first", "openpyxl-revisions")
def zh_hant_revs(m: Maker) -> None:
    """Traditional Chinese workbook: a revision sheet first, the order on the second sheet."""
    for k in range(4):
        name = f"zh-hant-revs-{k}"
        o = m.order(name, "zh-Hant", 2 + k % 3, digits(11500000, 11599999, "P"), k=k)
        o.payment = LOCS["zh-Hant"].pay if k % 2 else None
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, revs=2 + k % 3)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "zh-Hant", "zh-hant-xlsx-revision-sheet-first")


@family("ar-xlsx-rtl-riyal-and-dollar", "openpyxl-rtl-two-currencies")
def ar_fx(m: Maker) -> None:
    """Arabic workbook, right to left, in riyals with VAT 15%, a dollar column beside the sums."""
    for k in range(4):
        name = f"ar-fx-{k}"
        o = m.order(name, "ar", 2 + (k + 1) % 3, digits(2600, 2999, "PO-"), k=k)
        o.payment = LOCS["ar"].pay if k != 1 else None
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, rtl=True, fx=("USD", Decimal("0.2667")))
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ar", "ar-xlsx-rtl-riyal-and-dollar")


@family("id-xlsx-head-under-lines", "openpyxl-head-below")
def id_below(m: Maker) -> None:
    """Indonesian workbook: the lines first, the PO number, dates and buyer under the sums."""
    for k in range(4):
        name = f"id-below-{k}"
        o = m.order(name, "id", 2 + k % 3, lambda r: f"PO/BEM/{r.randrange(1000, 9999)}/XI/26", k=k)
        o.payment = LOCS["id"].pay if k % 2 == 0 else None
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, head_below=True)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "id", "id-xlsx-head-under-lines")


@family("ko-xlsx-components-under-positions", "openpyxl-sub-items")
def ko_subs(m: Maker) -> None:
    """Korean workbook: components under each position (a quantity, no price), won."""
    for k in range(4):
        name = f"ko-subs-{k}"
        o = m.order(name, "ko", 2 + (k + 2) % 3, digits(26110000, 26119999, "B"), k=k + 1)
        o.payment = LOCS["ko"].pay if k % 2 else None
        with_subitems(o, m.r(name))
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, subs=True)
        m.add(f"xlsx/{name}.xlsx", o.golden(), "ko", "ko-xlsx-components-under-positions")


# ----------------------------------------------------------------------------- mail


@family("en-us-thread-order-in-third-message", "email-outlook-thread")
def en_us_thread(m: Maker) -> None:
    """A colleague of the buyer sends on a thread: her note on top, then our reply, then (third
    message down) the buyer's order with its table; Outlook's ``-----Original Message-----`` blocks."""
    for k in range(4):
        name = f"en-us-thread-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(300100, 300999, "PO "), k=k)
        o.payment = LOCS["en-US"].pay if k % 2 == 0 else None
        o.vat = Decimal(0)
        first = o.person.split()[0]
        colleague = ("Pat Oyelaran", f"poyelaran@{o.mail.split('@')[1]}")
        text = "\n".join(
            [
                "Hi team,",
                "",
                f"{first} is out this week, so I am following up on her order below. Please confirm the ship date.",
                "",
                "Thanks,",
                colleague[0],
                o.buyer,
                "",
                "-----Original Message-----",
                f"From: Sales <{SALES}>",
                f"Sent: {o.d(o.ordered)} 4:12 PM",
                f"To: {o.person} <{o.mail}>",
                f"Subject: RE: {o.number}",
                "",
                f"Dear {first}, thank you, we received it and will revert with the lead time.",
                "",
                "-----Original Message-----",
                f"From: {o.person} <{o.mail}>",
                f"Sent: {o.d(o.ordered)} 9:30 AM",
                f"To: Sales <{SALES}>",
                f"Subject: {o.number}",
                "",
                f"Please accept our purchase order {o.number} dated {o.d(o.ordered)}.",
                f"Delivery required by {o.d(o.due)}.",
                *([f"Terms: {o.payment}"] if o.payment else []),
                "",
                *text_rows(o),
                "",
                o.person,
                f"Purchasing, {o.buyer}",
            ]
        )
        msg = message(sender=colleague, subject=f"FW: RE: {o.number}", key=f"f7-{name}", sent=sent_on(o.ordered, 14),
                      text=text, headers={"X-Mailer": "Microsoft Outlook 16.0"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "en", "en-us-thread-order-in-third-message")


@family("de-outlook-order-typed-in-table", "email-outlook-html-table")
def de_outlook(m: Maker) -> None:
    """A German buyer types the order as a table in an Outlook mail (MsoTableGrid), no attachment."""
    for k in range(4):
        name = f"de-outlook-{k}"
        o = m.order(name, "de", 2 + k % 3, digits(8800, 8999, "BE-"), k=k)
        o.payment = LOCS["de"].pay if k != 3 else None
        intro = [
            "Sehr geehrte Damen und Herren,",
            "",
            f"hiermit bestellen wir unter der Bestellnummer {o.number} vom {o.d(o.ordered)}:",
            "",
        ]
        outro = ["", f"Liefertermin: {o.d(o.due)}", *([f"Zahlungsziel: {o.payment}"] if o.payment else []), "",
                 "Mit freundlichen Grüßen", o.person, o.buyer]  # fmt: skip
        text = "\n".join(intro + text_rows(o) + outro)
        html = typed_table_html(o, "outlook", intro, outro)
        msg = mailer(o, name, f"Bestellung {o.number}", text=text, html=html,
                     headers={"X-Mailer": "Microsoft Outlook 16.0"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "de", "de-outlook-order-typed-in-table")


@family("he-gmail-order-typed-in-table-rtl", "email-gmail-html-table-rtl")
def he_gmail(m: Maker) -> None:
    """A Hebrew order typed as a table in Gmail, right to left, Latin part codes."""
    for k in range(4):
        name = f"he-gmail-{k}"
        o = m.order(name, "he", 2 + (k + 1) % 3, digits(7700, 7999, "PO-"), k=k)
        o.payment = LOCS["he"].pay if k % 2 == 0 else None
        intro = ["שלום רב,", "", f"מצורפת הזמנה מס' {o.number} מתאריך {o.d(o.ordered)}:", ""]
        outro = ["", f"מועד אספקה: {o.d(o.due)}", *([f"תנאי תשלום: {o.payment}"] if o.payment else []), "",
                 "בברכה,", o.person, o.buyer]  # fmt: skip
        text = "\n".join(intro + text_rows(o) + outro)
        html = typed_table_html(o, "gmail", intro, outro, rtl=True)
        m.mail(f"eml/{name}.eml", mailer(o, name, f"הזמנה {o.number}", text=text, html=html),
               o.golden(source="body"), "he", "he-gmail-order-typed-in-table-rtl")  # fmt: skip


@family("th-apple-mail-order-typed-in-table", "email-apple-mail-html-table")
def th_apple(m: Maker) -> None:
    """A Thai order typed as a table in Apple Mail, dates in the Buddhist era (16/11/2569), VAT 7%."""
    for k in range(4):
        name = f"th-apple-{k}"
        o = m.order(name, "th", 2 + k % 3, digits(6911000, 6911999, "PO"), k=k)
        o.payment = LOCS["th"].pay if k != 2 else None
        intro = ["เรียน ฝ่ายขาย", "", f"ขอสั่งซื้อสินค้าตามใบสั่งซื้อเลขที่ {o.number} ลงวันที่ {o.d(o.ordered)} ดังนี้", ""]
        outro = ["", f"กำหนดส่งสินค้า {o.d(o.due)}", *([f"การชำระเงิน: {o.payment}"] if o.payment else []), "",
                 "ขอบคุณค่ะ", o.person, o.buyer]  # fmt: skip
        text = "\n".join(intro + text_rows(o) + outro)
        html = typed_table_html(o, "apple", intro, outro)
        msg = mailer(o, name, f"ใบสั่งซื้อ {o.number}", text=text, html=html, headers={"X-Mailer": "Apple Mail (2.3826)"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "th", "th-apple-mail-order-typed-in-table")


@family("zh-foxmail-order-over-quoted-quotation", "email-foxmail-html-thread")
def zh_foxmail(m: Maker) -> None:
    """Chinese, Foxmail: the order typed as a table on top (the third message of the thread), under
    it our quotation (other, older prices) and the buyer's first enquiry, each behind Foxmail's
    ``原始邮件`` separator."""
    for k in range(4):
        name = f"zh-foxmail-{k}"
        o = m.order(name, "zh", 2 + (k + 1) % 3, digits(26110000, 26119999, "PO"), k=k + 1)
        o.payment = LOCS["zh"].pay if k % 2 else None
        intro = ["您好：", "", f"按贵司报价，现下采购订单 {o.number}（{o.d(o.ordered)}），明细如下：", ""]
        quoted = [f"{ln.code}  {ln.text}  报价 {o.n((ln.price * Decimal('1.06')).quantize(CENT))}" for ln in o.lines]
        outro = ["", f"要求到货日期：{o.d(o.due)}", *([f"结算方式：{o.payment}"] if o.payment else []), "",
                 o.person, o.buyer, "", "------------------&nbsp;原始邮件&nbsp;------------------",
                 f"发件人: Sales <{SALES}>", "主题: 回复: 询价", "", "您好，报价如下（含税，有效期30天）：", *quoted, "",
                 "------------------&nbsp;原始邮件&nbsp;------------------", f"发件人: {o.person} <{o.mail}>",
                 "主题: 询价", "", "请报价，谢谢。"]  # fmt: skip
        text = "\n".join(intro + text_rows(o) + [t.replace("&nbsp;", " ") for t in outro])
        html = typed_table_html(o, "foxmail", intro, outro).replace("&amp;nbsp;", "&nbsp;")
        msg = mailer(o, name, f"采购订单 {o.number}", text=text, html=html,
                     headers={"X-Mailer": "Foxmail 7.2.25.375[cn]"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "zh", "zh-foxmail-order-over-quoted-quotation")


@family("es-gmail-order-above-offer-and-enquiry", "email-gmail-html-thread")
def es_gmail(m: Maker) -> None:
    """Spanish, Gmail: the order on top (third message), our offer quoted under it in a
    ``gmail_quote`` block with other prices, the enquiry quoted under that."""
    for k in range(4):
        name = f"es-gmail-{k}"
        o = m.order(name, "es", 2 + k % 3, digits(26000, 26999, "P-"), k=k + 1)
        o.payment = LOCS["es"].pay if k % 2 == 0 else None
        intro = ["Hola,", "", f"Os pasamos el pedido {o.number} con fecha {o.d(o.ordered)}:", ""]
        outro = ["", f"Entrega: {o.d(o.due)}", *([f"Pago: {o.payment}"] if o.payment else []), "", "Saludos,",
                 o.person, o.buyer]  # fmt: skip
        offer = "".join(f"<div>{esc(ln.code)}: {o.n((ln.price * Decimal('1.08')).quantize(CENT))} €/ud</div>"
                        for ln in o.lines)  # fmt: skip
        html = typed_table_html(o, "gmail", intro, outro) + (
            f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El vie, 13 nov 2026 a las 11:02, Ventas '
            f'&lt;{SALES}&gt; escribió:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Buenos días, nuestra oferta:</div>{offer}'
            f'<div class="gmail_quote"><div class="gmail_attr">El jue, 12 nov 2026 a las 9:40, {esc(o.person)} '
            f'escribió:</div><blockquote class="gmail_quote"><div>¿Nos podéis ofertar estas referencias?</div>'
            f"</blockquote></div></blockquote></div>")  # fmt: skip
        text = "\n".join(intro + text_rows(o) + outro)
        m.mail(f"eml/{name}.eml", mailer(o, name, f"Re: Oferta - pedido {o.number}", text=text, html=html),
               o.golden(source="body"), "es", "es-gmail-order-above-offer-and-enquiry")  # fmt: skip


@family("hi-text-mail-line-per-week", "email-text-week-rows")
def hi_weeks(m: Maker) -> None:
    """A Hindi text mail: the order as a row per part and delivery week, rupees in lakhs, GST 18%."""
    for k in range(4):
        name = f"hi-weeks-{k}"
        o = m.order(name, "hi", 2, lambda r: f"SEPL/PO/{r.randrange(1000, 9999)}", k=k)
        o.payment = LOCS["hi"].pay if k != 1 else None
        weekly(o, m.r(name), 3 + k % 3)
        rows = line_rows(o, pos=False, week=True)
        text = "\n".join(
            [
                "महोदय,",
                "",
                f"कृपया निम्नलिखित खरीद आदेश स्वीकार करें। {o.w['no']}: {o.number}, {o.w['date']}: {o.d(o.ordered)}",
                f"पहली आपूर्ति: {o.d(o.due)}",
                "",
                *plain_table(rows, 5),
                "",
                *[f"{a}: ₹ {b}" for a, b in sums(o)],
                *([f"{o.w['pay']}: {o.payment}"] if o.payment else []),
                "",
                "धन्यवाद,",
                o.person,
                o.buyer,
            ]
        )
        m.mail(f"eml/{name}.eml", mailer(o, name, f"खरीद आदेश {o.number}", text=text), o.golden(source="body"), "hi",
               "hi-text-mail-line-per-week")  # fmt: skip


@family("fr-thunderbird-zip-order-and-terms", "email-zip-pdf")
def fr_zip(m: Maker) -> None:
    """French, Thunderbird: one zip attached holding the order (a PDF) and the buyer's general
    purchasing terms (another PDF, no figures)."""
    for k in range(4):
        name = f"fr-zip-{k}"
        o = m.order(name, "fr", 2 + (k + 1) % 3, digits(26500, 26999, "CA"), k=k + 1)
        o.payment = LOCS["fr"].pay if k % 2 else None
        po = m.work / f"f7-{name}.pdf"
        canvas_po(po, o, creator="Cegid XRP", sign="")
        cga = m.work / f"f7-{name}-cga.pdf"
        p = Page(cga, "serif", "bold", creator="Cegid XRP")
        p.text(40, 50, "CONDITIONS GÉNÉRALES D'ACHAT", 13, bold=True)
        for i, t in enumerate(
            [
                "1. Toute commande est ferme dès réception.",
                "2. Les délais sont impératifs.",
                "3. Pénalités de retard : 0,5 % par semaine.",
                "4. Droit applicable : droit français.",
            ]
        ):
            p.text(40, 80 + 14 * i, t, 9)  # fmt: skip
        p.save()
        archive = zip_bytes([(f"Commande_{o.number}.pdf", po.read_bytes()), ("CGA_2026.pdf", cga.read_bytes())])
        msg = mailer(o, name, f"Commande {o.number}", text=f"Bonjour,\n\nVeuillez trouver notre commande dans "
                     f"l'archive jointe.\n\nCordialement,\n{o.person}\n{o.buyer}\n",
                     attach=[file_part(f"Commande_{o.number}.zip", archive, "application/zip")],
                     headers={"User-Agent": "Mozilla Thunderbird"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(), "fr", "fr-thunderbird-zip-order-and-terms")


@family("it-mail-zip-workbook-and-drawing-list", "email-zip-xlsx")
def it_zip(m: Maker) -> None:
    """Italian: a zip holding the order as a workbook and a list of drawings (a text file)."""
    for k in range(4):
        name = f"it-zip-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"OA{r.randrange(10000, 99999)}", k=k + 1)
        o.payment = LOCS["it"].pay if k != 0 else None
        book = m.work / f"f7-{name}.xlsx"
        xlsx_po(book, o, author=o.person)
        drawings = "\r\n".join(f"{ln.code};DIS-{ln.code[:3]}-{i:03d};rev.B" for i, ln in enumerate(o.lines, 1))
        archive = zip_bytes([(f"ODA_{o.number}.xlsx", book.read_bytes()), ("elenco_disegni.txt", drawings.encode())])
        msg = mailer(o, name, f"Ordine {o.number}", text=f"Buongiorno,\nin allegato l'ordine {o.number} con i "
                     f"disegni.\n\nCordiali saluti\n{o.person}\n{o.buyer}\n",
                     attach=[file_part(f"ordine_{o.number}.zip", archive, "application/x-zip-compressed")])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(), "it", "it-mail-zip-workbook-and-drawing-list")


# ----------------------------------------------------------------------------- scans


@family("it-revision-print-scan-300dpi", "pillow-scan-300dpi")
def it_scan(m: Maker) -> None:
    """The Italian revision print (portrait, revision table) scanned at 300 dpi, grey, turned a little."""
    for k in range(4):
        name = f"it-scan-{k}"
        o = m.order(name, "it", 2 + k % 2, lambda r: f"{r.randrange(1000, 1999)}/26", k=k)
        o.payment = LOCS["it"].pay if k % 2 else None
        src = m.work / f"f7-{name}.pdf"
        canvas_po(src, o, creator="Mexal", revs=2, sign="€ ")
        r = m.r(name)
        save_scan_pdf(scan_of(src, r, dpi=300, angle=r.choice([-1.3, 0.8, 1.5]), noise=1100), m.path(f"pdf/{name}.pdf"),
                      300)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "it", "it-revision-print-scan-300dpi")


@family("es-week-rows-fax-200dpi", "pillow-fax-200dpi")
def es_fax(m: Maker) -> None:
    """The Spanish week-row order faxed at 200 dpi in black and white, with the fax header line."""
    from PIL import ImageDraw

    for k in range(4):
        name = f"es-fax-{k}"
        o = m.order(name, "es", 2, digits(27000, 27999, "PF-"), k=k)
        o.payment = LOCS["es"].pay if k % 2 == 0 else None
        weekly(o, m.r(name), 3 + k % 2)
        src = m.work / f"f7-{name}.pdf"
        canvas_po(src, o, creator="Navision", week=True)
        r = m.r(name + "-fax")
        pages = scan_of(src, r, dpi=200, angle=r.choice([-0.6, 0.5, 0.9]), noise=2000, fax=True)
        for pg in pages:
            ImageDraw.Draw(pg).text((30, 6), f"16/11/2026 11:0{k} FAX +34 96 134 22{k}0 P.01/01", fill=0)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "es", "es-week-rows-fax-200dpi")


@family("ru-phone-photo-jpeg-mail", "pillow-phone-photo-jpeg")
def ru_photo(m: Maker) -> None:
    """The Russian two-column fpdf2 order photographed with a phone, a JPEG in a two-line mail."""
    for k in range(4):
        name = f"ru-photo-{k}"
        o = m.order(name, "ru", 2 + k % 2, digits(1000, 1999, "З-"), k=k + 1)
        src = m.work / f"f7-{name}.pdf"
        fpdf_po(src, o, addr2col=True)
        r = m.r(name)
        img = scanned(rasterise(src, 150)[0], r, angle=r.choice([-2.2, 1.8, 2.7]), noise=2400, shade=True)
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=80)
        msg = mailer(o, name, f"Заказ {o.number}", text=f"Добрый день! Заказ на фото во вложении.\n\n{o.person}\n",
                     attach=[file_part(f"IMG_2026111{k}_0930.jpg", buf.getvalue(), "image/jpeg")])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "ru", "ru-phone-photo-jpeg-mail")


# ----------------------------------------------------------------------------- look-alikes that are not orders


@family("not-order-de-auftragsbestaetigung-to-us", "reportlab-canvas-confirmation")
def de_ab(m: Maker) -> None:
    """A German supplier confirms an order we placed with it (Auftragsbestätigung, our order number
    as "Ihre Bestellung"): lines and sums like an order, but it is a confirmation sent to us."""
    for k in range(4):
        name = f"de-ab-{k}"
        o = m.order(name, "de", 3, digits(30000, 39999, "AB "), k=k)
        pairs = [("AB-Nr.", o.number), ("Datum", o.d(o.ordered)), ("Ihre Bestellung", f"EX-PO-{7100 + k}"),
                 ("Kunde", SUPPLIER), ("Liefertermin bestätigt", o.d(o.due))]  # fmt: skip
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="proALPHA", title="AUFTRAGSBESTÄTIGUNG", pairs=pairs, party="Kunde",
                  notes=["Wir danken für Ihren Auftrag, den wir zu unseren Lieferbedingungen bestätigen."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "de", "not-order-de-auftragsbestaetigung-to-us")


@family("not-order-fr-facture-pro-forma", "fpdf2-pro-forma")
def fr_proforma(m: Maker) -> None:
    """A French pro-forma invoice (for a prepayment) naming an order: lines, TVA, total TTC."""
    for k in range(4):
        name = f"fr-proforma-{k}"
        o = m.order(name, "fr", 2 + k % 2, digits(900, 999, "PF-2026-"), k=k)
        pairs = [("Pro forma n°", o.number), ("Date", o.d(o.ordered)), ("Votre commande", f"CF{2026500 + k}"),
                 ("Validité", o.d(o.due))]  # fmt: skip
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, title="FACTURE PRO FORMA", pairs=pairs, party="Client",
                notes=["Document sans valeur comptable — règlement à la commande par virement."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "fr", "not-order-fr-facture-pro-forma")


@family("not-order-es-presupuesto-docx", "python-docx-quotation")
def es_quote(m: Maker) -> None:
    """A Spanish quotation (PRESUPUESTO) as a Word file: our customer's would-be lines, valid 30 days."""
    for k in range(4):
        name = f"es-presupuesto-{k}"
        o = m.order(name, "es", 3, digits(1500, 1999, "PRE-"), k=k)
        docx_po(m.path(f"docx/{name}.docx"), o, author=o.person, title="PRESUPUESTO", party="Cliente",
                notes=["Presupuesto válido 30 días. No constituye pedido."])  # fmt: skip
        m.add(f"docx/{name}.docx", OTHER, "es", "not-order-es-presupuesto-docx")


@family("not-order-nl-pakbon", "reportlab-canvas-delivery-note")
def nl_pakbon(m: Maker) -> None:
    """A Dutch delivery note (PAKBON) for goods sent to us, naming the order it delivers."""
    for k in range(4):
        name = f"nl-pakbon-{k}"
        o = m.order(name, "nl", 2 + k % 3, digits(500000, 599999, "PB"), k=k)
        pairs = [("Pakbonnummer", o.number), ("Verzenddatum", o.d(o.ordered)), ("Uw order", f"EX-{8800 + k}"),
                 ("Vervoerder", "DHL Freight")]  # fmt: skip
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="Exact Globe", title="PAKBON", pairs=pairs, party="Geleverd aan",
                  notes=["Goederen in goede staat ontvangen: ____________"])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "nl", "not-order-nl-pakbon")


@family("not-order-sv-kontoutdrag-xlsx", "openpyxl-statement")
def sv_statement(m: Maker) -> None:
    """A Swedish statement of account as a workbook: invoices with their order numbers, due dates,
    amounts and a running balance."""
    import openpyxl

    for k in range(4):
        name = f"sv-kontoutdrag-{k}"
        o = m.order(name, "sv", 4, digits(100, 999, "KU-"), k=k)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["KONTOUTDRAG", "", "", o.number])
        ws.append([o.buyer])
        ws.append([])
        ws.append(["Faktura", "Order", "Förfallodag", "Belopp", "Saldo"])
        balance = Decimal(0)
        for j, ln in enumerate(o.lines):
            balance += ln.amount
            ws.append([f"F{26100 + j * 7 + k}", f"IO{50010 + j}", o.d(o.due), float(ln.amount), float(balance)])
        ws.append(["", "", "Att betala", float(balance)])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", OTHER, "sv", "not-order-sv-kontoutdrag-xlsx")


@family("not-order-en-us-rfq-outlook-table", "email-outlook-rfq")
def en_us_rfq(m: Maker) -> None:
    """A US buyer asks for a quotation in an Outlook table: part numbers and quantities, no price."""
    for k in range(4):
        name = f"en-us-rfq-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(5000, 5999, "RFQ-"), k=k)
        rows = [["Part No.", "Description", "Annual Qty"]] + [[ln.code, ln.text, o.q(ln.qty * 12)] for ln in o.lines]
        cells = "".join("<tr>" + "".join(f'<td style="border:solid windowtext 1.0pt"><p class="MsoNormal">{esc(c)}'
                                         f"</p></td>" for c in row) + "</tr>" for row in rows)  # fmt: skip
        intro = f"Request for quotation {o.number}: please quote your best price and lead time by {o.d(o.due)}."
        html = (f'<html><body><div class=WordSection1><p class="MsoNormal">{esc(intro)}</p><table class=MsoTableGrid '
                f'border=1 cellspacing=0 cellpadding=0>{cells}</table><p class="MsoNormal">This is not a purchase '
                f"order.</p><p class=\"MsoNormal\">{esc(o.person)}<br>{esc(o.buyer)}</p></div></body></html>")  # fmt: skip
        text = "\n".join([intro, "", *plain_table(rows, 2), "", "This is not a purchase order.", o.person, o.buyer])
        m.mail(f"eml/{name}.eml", mailer(o, name, f"RFQ {o.number}", text=text, html=html), OTHER, "en",
               "not-order-en-us-rfq-outlook-table")  # fmt: skip


@family("not-order-ja-seikyusho", "reportlab-canvas-invoice-cjk")
def ja_invoice(m: Maker) -> None:
    """A Japanese invoice (請求書) to us from a parts maker, naming its order: lines, 消費税, 請求金額."""
    for k in range(4):
        name = f"ja-seikyusho-{k}"
        o = m.order(name, "ja", 2 + k % 3, digits(80000, 89999, "INV-"), k=k)
        pairs = [("請求書番号", o.number), ("請求日", o.d(o.ordered)), ("注文番号", f"EX-{4400 + k}"),
                 ("お支払期限", o.d(o.due))]  # fmt: skip
        canvas_po(m.path(f"pdf/{name}.pdf"), o, creator="弥生販売", title="請求書", pairs=pairs, party="請求先",
                  notes=["下記の通りご請求申し上げます。"], **CJK)  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "ja", "not-order-ja-seikyusho")


@family("not-order-pl-faktura-korygujaca", "fpdf2-credit-note")
def pl_credit(m: Maker) -> None:
    """A Polish corrective invoice (credit note) for goods returned, naming the order and invoice."""
    for k in range(4):
        name = f"pl-korekta-{k}"
        o = m.order(name, "pl", 2, lambda r: f"FK/{r.randrange(10, 99)}/11/2026", k=k)
        pairs = [("Faktura korygująca nr", o.number), ("Data wystawienia", o.d(o.ordered)),
                 ("Do faktury", f"FV/{300 + k}/10/2026"), ("Przyczyna korekty", "zwrot towaru")]  # fmt: skip
        fpdf_po(m.path(f"pdf/{name}.pdf"), o, title="FAKTURA KORYGUJĄCA", pairs=pairs, party="Nabywca")
        m.add(f"pdf/{name}.pdf", OTHER, "pl", "not-order-pl-faktura-korygujaca")


@family("not-order-tr-haftalik-tahmin-xlsx", "openpyxl-forecast")
def tr_forecast(m: Maker) -> None:
    """A Turkish buyer's delivery forecast by week as a workbook: parts, weeks, quantities and
    prices — not binding, says its title; it orders nothing."""
    for k in range(4):
        name = f"tr-tahmin-{k}"
        o = m.order(name, "tr", 2, digits(100, 999, "TAHMIN-"), k=k)
        weekly(o, m.r(name), 4 + k % 2)
        xlsx_po(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, week=True,
                title="HAFTALIK İHTİYAÇ TAHMİNİ (bağlayıcı değildir / forecast, not an order)")  # fmt: skip
        m.add(f"xlsx/{name}.xlsx", OTHER, "tr", "not-order-tr-haftalik-tahmin-xlsx")


@family("not-order-ko-price-change-notice-mail", "email-price-notice")
def ko_notice(m: Maker) -> None:
    """A Korean supplier of ours announces new prices from next month (a table of parts and old and
    new prices) — a notice, not an order."""
    for k in range(4):
        name = f"ko-notice-{k}"
        o = m.order(name, "ko", 3, digits(100, 999, "공지-"), k=k)
        rows = [["자재코드", "자재명", "현 단가", "변경 단가"]] + [
            [ln.code, ln.text, o.n(ln.price), o.n(money(ln.price * Decimal("1.05"), o.currency))] for ln in o.lines
        ]
        text = "\n".join([f"단가 변경 안내 ({o.number})", "", "2027년 1월 1일 출고분부터 아래와 같이 단가가 변경됩니다.", "",
                          *plain_table(rows, 2), "", "양해 부탁드립니다.", o.person, o.buyer])  # fmt: skip
        m.mail(f"eml/{name}.eml", mailer(o, name, f"[안내] 단가 변경 {o.number}", text=text), OTHER, "ko",
               "not-order-ko-price-change-notice-mail")  # fmt: skip
