"""The sixth fresh batch of sealed families ("fresh6"): kept blind for the closing measurement.

Every batch before it (base, more, fresh, fresh2 ... fresh5) has been measured and then looked
at, so none of them still says how the extractor does on a layout nobody has seen. This module is
written by someone who has read neither the extractor nor the tuned corpus, and it is built to
differ from the batches before it in layout, producer quirks and wording:

- about half of its families are in the main trade languages (English of the US, UK, India,
  Australia and Singapore; German, Swiss and Austrian German; simplified and traditional Chinese;
  Japanese with Reiwa dates; Spanish and Mexican Spanish; French, Italian, Portuguese and
  Brazilian Portuguese, Korean, Dutch, Polish, Turkish), the other half in Greek, Croatian,
  Indonesian, Malay, Thai (Buddhist-era years), Vietnamese, Hindi, Czech, Hungarian, Romanian,
  Swedish, Ukrainian, Arabic, Hebrew, Persian, Swahili and Norwegian;
- layouts: labels printed above their values in ruled header boxes (Dynamics style), a procurement
  portal's print with each line as a card (part number, need-by date and figures on rows of their
  own), a Tally GST form with HSN codes and CGST/SGST in lakhs, an SAP R/3 spool over two pages with
  its header repeated, an Odoo-like print with a taxes column, Reiwa-dated Japanese forms with a
  tax-inclusive grand total, Brazilian IPI, a header-and-line record file, Word forms with merged
  cells and Word letters, workbooks with stacked headers, merged cells, the order on a second sheet
  and amounts as formulas (recalculated by LibreOffice), flat CSV exports, replies, forwards and
  phone mails, Outlook, Gmail, Apple Mail and Thunderbird HTML, and scans, faxes and photos;
- money: VAT-exclusive and VAT-inclusive totals, tax-free exports, document discounts, freight
  (taxed with the goods), several VAT rates across the batch, currency codes and signs (€, £, $,
  ¥, ₩, ₹, ₺, zł, Kč, kr, ₫, Rp, RM, ฿, ₴, ﷼, ₪, KSh), European, Swiss, space and Indian
  (lakh) digit grouping, and dates in many forms (14-NOV-26, 令和8年11月14日, 2026. 11. 14.,
  14/11/2569, ngày 14 tháng 11 năm 2026, 2026.11.14., 14. November 2026 ...);
- documents that look like orders but are not: a quotation, an invoice naming the order, a
  shipping notice, a statement of account, a supplier's acknowledgement of an order we placed, the
  buyer's payment advice (``kind: payment_advice``), an out-of-office auto-reply quoting an order
  (``kind: auto_reply``), a buyer chasing an order already placed and a request for quotation.

Called from ``generate.build()`` (``build_fresh6``). Self-contained like the batches before it: its
own buyers, goods, wording and order data; only low-level writers are borrowed (the canvas page,
the fixed-time fpdf2 document, number formats, the message builder, the zip-stamping savers and the
scan helpers). Every golden value comes from the order this module drew and printed, never from
what a reader makes of the document. Orders are dated 13 to 20 November 2026 (the bench's "today"
is 22 November 2026), deliveries weeks later, and a day-month date is never ambiguous (day > 12).

Golden values: ``unit_price`` and ``amount`` per piece, tax-exclusive; ``total`` is what the
document calls its total (the lines, less the document's discount, plus freight, plus VAT when
the document adds VAT); keys a document does not print are left out. Images (scans, faxes,
photos) ask for review (``needs_review: true``), the values still those the documents print.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
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
WHOLE = {"JPY", "KRW", "VND", "IDR", "HUF"}  # printed without decimals by these buyers

KEYS = "title no date due supplier item desc qty unit price amount net vat total pay freight disc buyer page".split()

LABELS = {
    "en": "PURCHASE ORDER|PO Number|Order Date|Delivery Date|Supplier|Item No.|Description|Qty|UoM|Unit Price|"
    "Amount|Subtotal|VAT|Total|Payment Terms|Freight|Discount|Buyer|Page",
    "de": "BESTELLUNG|Bestell-Nr.|Bestelldatum|Liefertermin|Lieferant|Artikel-Nr.|Bezeichnung|Menge|ME|"
    "Einzelpreis|Gesamtpreis|Nettobetrag|MwSt.|Gesamtbetrag|Zahlungsbedingungen|Fracht|Rabatt|Besteller|Seite",
    "zh": "采购订单|订单编号|订单日期|交货日期|供应商|物料编码|物料描述|数量|单位|单价|金额|不含税金额|增值税|"
    "价税合计|付款条件|运费|折扣|采购方|页",
    "zh-Hant": "採購單|採購單號|採購日期|交貨日期|廠商|料號|品名規格|數量|單位|單價|金額|未稅合計|營業稅|總計|"
    "付款條件|運費|折讓|採購方|頁",
    "ja": "注文書|注文番号|注文日|納期|仕入先|品番|品名|数量|単位|単価|金額|小計|消費税|合計金額|支払条件|運賃|"
    "値引|発注者|頁",
    "es": "ORDEN DE COMPRA|N.º de orden|Fecha de emisión|Fecha de entrega|Proveedor|Código|Descripción|Cantidad|"
    "Unidad|Precio unitario|Importe|Base imponible|IVA|Total|Forma de pago|Portes|Descuento|Comprador|Página",
    "fr": "BON DE COMMANDE|N° de commande|Date de commande|Date de livraison|Fournisseur|Référence|Désignation|"
    "Qté|Unité|Prix unitaire HT|Montant HT|Total HT|TVA|Total TTC|Conditions de paiement|Frais de port|Remise|"
    "Acheteur|Page",
    "it": "ORDINE DI ACQUISTO|N. ordine|Data ordine|Data consegna|Fornitore|Codice articolo|Descrizione|Q.tà|"
    "U.M.|Prezzo unitario|Importo|Imponibile|IVA|Totale documento|Pagamento|Trasporto|Sconto|Acquirente|Pagina",
    "pt": "PEDIDO DE COMPRA|Nº do pedido|Data de emissão|Data de entrega|Fornecedor|Código|Descrição|Qtd.|Un.|"
    "Valor unitário|Valor total|Total dos produtos|IVA|Valor total do pedido|Condição de pagamento|Frete|"
    "Desconto|Comprador|Página",
    "ko": "발주서|발주번호|발주일자|납기일자|공급업체|품목코드|품명|수량|단위|단가|금액|공급가액|부가세|합계금액|"
    "결제조건|운임|할인|발주처|페이지",
    "nl": "INKOOPORDER|Ordernummer|Orderdatum|Leverdatum|Leverancier|Artikelcode|Omschrijving|Aantal|Eenh.|"
    "Prijs per stuk|Bedrag|Subtotaal|BTW|Totaal|Betalingsvoorwaarden|Vracht|Korting|Inkoper|Pagina",
    "pl": "ZAMÓWIENIE|Nr zamówienia|Data zamówienia|Termin dostawy|Dostawca|Indeks|Nazwa towaru|Ilość|J.m.|"
    "Cena netto|Wartość netto|Razem netto|VAT|Razem brutto|Warunki płatności|Transport|Rabat|Zamawiający|Strona",
    "tr": "SATINALMA SİPARİŞİ|Sipariş No|Sipariş Tarihi|Teslim Tarihi|Tedarikçi|Stok Kodu|Malzeme Adı|Miktar|"
    "Birim|Birim Fiyat|Tutar|Ara Toplam|KDV|Genel Toplam|Ödeme Şekli|Nakliye|İskonto|Alıcı|Sayfa",
    "el": "ΠΑΡΑΓΓΕΛΙΑ ΑΓΟΡΑΣ|Αρ. παραγγελίας|Ημερομηνία|Ημ/νία παράδοσης|Προμηθευτής|Κωδικός|Περιγραφή|"
    "Ποσότητα|Μ.Μ.|Τιμή μονάδας|Αξία|Καθαρή αξία|ΦΠΑ|Σύνολο|Τρόπος πληρωμής|Μεταφορικά|Έκπτωση|Αγοραστής|Σελίδα",
    "hr": "NARUDŽBENICA|Broj narudžbe|Datum narudžbe|Rok isporuke|Dobavljač|Šifra|Naziv artikla|Količina|JM|"
    "Cijena|Iznos|Osnovica|PDV|Ukupno za platiti|Uvjeti plaćanja|Prijevoz|Rabat|Naručitelj|Stranica",
    "id": "PESANAN PEMBELIAN|No. PO|Tanggal PO|Tanggal Kirim|Pemasok|Kode Barang|Nama Barang|Jumlah|Satuan|"
    "Harga Satuan|Jumlah Harga|Subtotal|PPN|Total|Syarat Pembayaran|Ongkos Kirim|Diskon|Pembeli|Halaman",
    "ms": "PESANAN BELIAN|No. Pesanan|Tarikh|Tarikh Penghantaran|Pembekal|Kod Item|Perihal|Kuantiti|Unit|"
    "Harga Seunit|Jumlah|Jumlah Kecil|SST|Jumlah Besar|Terma Bayaran|Caj Penghantaran|Diskaun|Pembeli|Muka surat",
    "th": "ใบสั่งซื้อ|เลขที่ใบสั่งซื้อ|วันที่|กำหนดส่ง|ผู้ขาย|รหัสสินค้า|รายการ|จำนวน|หน่วย|ราคาต่อหน่วย|จำนวนเงิน|"
    "รวมเงิน|ภาษีมูลค่าเพิ่ม|ยอดรวมทั้งสิ้น|เงื่อนไขการชำระเงิน|ค่าขนส่ง|ส่วนลด|ผู้สั่งซื้อ|หน้า",
    "vi": "ĐƠN ĐẶT HÀNG|Số đơn hàng|Ngày đặt hàng|Ngày giao hàng|Nhà cung cấp|Mã hàng|Tên hàng|Số lượng|ĐVT|"
    "Đơn giá|Thành tiền|Cộng tiền hàng|Thuế GTGT|Tổng cộng|Điều khoản thanh toán|Phí vận chuyển|Chiết khấu|"
    "Bên mua|Trang",
    "hi": "क्रय आदेश|आदेश संख्या|आदेश दिनांक|डिलीवरी दिनांक|आपूर्तिकर्ता|मद कोड|विवरण|मात्रा|इकाई|दर|राशि|उप-योग|"
    "जीएसटी|कुल योग|भुगतान शर्तें|भाड़ा|छूट|क्रेता|पृष्ठ",
    "cs": "OBJEDNÁVKA|Číslo objednávky|Datum vystavení|Termín dodání|Dodavatel|Kód zboží|Název|Množství|MJ|"
    "Cena/MJ|Celkem|Základ DPH|DPH|Celkem k úhradě|Platební podmínky|Doprava|Sleva|Odběratel|Strana",
    "hu": "MEGRENDELŐ|Rendelésszám|Kelte|Szállítási határidő|Szállító|Cikkszám|Megnevezés|Mennyiség|Me.|"
    "Egységár|Nettó érték|Nettó összesen|ÁFA|Bruttó végösszeg|Fizetési feltételek|Szállítási díj|Engedmény|"
    "Megrendelő|Oldal",
    "ro": "COMANDĂ DE ACHIZIȚIE|Nr. comandă|Data|Termen de livrare|Furnizor|Cod articol|Denumire|Cantitate|UM|"
    "Preț unitar|Valoare|Total fără TVA|TVA|Total de plată|Condiții de plată|Transport|Discount|Cumpărător|Pagina",
    "sv": "INKÖPSORDER|Ordernummer|Orderdatum|Leveransdatum|Leverantör|Artikelnr|Benämning|Antal|Enhet|À-pris|"
    "Belopp|Summa exkl. moms|Moms|Att betala|Betalningsvillkor|Frakt|Rabatt|Beställare|Sida",
    "uk": "ЗАМОВЛЕННЯ ПОСТАЧАЛЬНИКУ|№ замовлення|Дата|Термін поставки|Постачальник|Артикул|Найменування|"
    "Кількість|Од.|Ціна без ПДВ|Сума без ПДВ|Разом без ПДВ|ПДВ|Всього з ПДВ|Умови оплати|Доставка|Знижка|"
    "Замовник|Сторінка",
    "ar": "أمر شراء|رقم أمر الشراء|تاريخ الأمر|تاريخ التسليم|المورد|رمز الصنف|الوصف|الكمية|الوحدة|سعر الوحدة|"
    "المبلغ|المجموع الفرعي|ضريبة القيمة المضافة|الإجمالي|شروط الدفع|الشحن|الخصم|المشتري|صفحة",
    "he": 'הזמנת רכש|מספר הזמנה|תאריך הזמנה|תאריך אספקה|ספק|מק"ט|תיאור|כמות|יח\'|מחיר ליחידה|סה"כ שורה|'
    'סה"כ לפני מע"מ|מע"מ|סה"כ לתשלום|תנאי תשלום|הובלה|הנחה|המזמין|עמוד',
    "fa": "سفارش خرید|شماره سفارش|تاریخ سفارش|تاریخ تحویل|تأمین‌کننده|کد کالا|شرح کالا|مقدار|واحد|قیمت واحد|"
    "مبلغ|جمع|مالیات بر ارزش افزوده|جمع کل|شرایط پرداخت|هزینه حمل|تخفیف|خریدار|صفحه",
    "sw": "AGIZO LA UNUNUZI|Nambari ya Agizo|Tarehe|Tarehe ya Kupokea|Msambazaji|Msimbo|Maelezo|Idadi|Kipimo|"
    "Bei ya Kimoja|Jumla|Jumla Ndogo|VAT|Jumla Kuu|Masharti ya Malipo|Usafirishaji|Punguzo|Mnunuzi|Ukurasa",
    "nb": "INNKJØPSORDRE|Ordrenummer|Ordredato|Leveringsdato|Leverandør|Varenr.|Beskrivelse|Antall|Enhet|"
    "Enhetspris|Beløp|Sum eks. mva.|MVA|Totalt inkl. mva.|Betalingsbetingelser|Frakt|Rabatt|Bestiller|Side",
}
LAB = {k: dict(zip(KEYS, v.split("|"), strict=True)) for k, v in LABELS.items()}

GOODS_EN = (
    "Hex bolt M8x30 stainless A2|Die-cast aluminium housing|Silicone gasket 60 mm|Controller PCB assembly|"
    "ABS front cover, black|Brass valve body DN15|Steel bracket, powder coated|Cable harness 1.5 m"
)
GOODS_TEXT = {
    "en": GOODS_EN,
    "de": "Sechskantschraube M8x30 A2|Aluminium-Druckgussgehäuse|Silikondichtung 60 mm|Steuerplatine bestückt|"
    "Frontabdeckung ABS schwarz|Messing-Ventilkörper DN15|Stahlwinkel pulverbeschichtet|Kabelbaum 1,5 m",
    "zh": "不锈钢六角螺栓 M8x30|铝合金压铸外壳|硅胶密封圈 60mm|控制器电路板组件|ABS前盖 黑色|黄铜阀体 DN15|"
    "喷塑钢支架|线束 1.5米",
    "zh-Hant": "不鏽鋼六角螺栓 M8x30|鋁合金壓鑄外殼|矽膠墊圈 60mm|控制器電路板組件|ABS前蓋 黑色|黃銅閥體 DN15|"
    "烤漆鋼支架|線束 1.5米",
    "ja": "六角ボルト M8x30 SUS|アルミダイカストハウジング|シリコンガスケット 60mm|制御基板アッシー|"
    "ABSフロントカバー 黒|黄銅バルブボディ DN15|粉体塗装スチールブラケット|ケーブルハーネス 1.5m",
    "es": "Tornillo hexagonal M8x30 inox A2|Carcasa de aluminio inyectado|Junta de silicona 60 mm|"
    "Placa controladora montada|Tapa frontal ABS negra|Cuerpo de válvula de latón DN15|"
    "Soporte de acero pintado en polvo|Mazo de cables 1,5 m",
    "fr": "Vis tête hexagonale M8x30 inox A2|Boîtier aluminium moulé sous pression|Joint silicone 60 mm|"
    "Carte contrôleur assemblée|Capot avant ABS noir|Corps de vanne laiton DN15|Équerre acier thermolaquée|"
    "Faisceau de câbles 1,5 m",
    "it": "Vite testa esagonale M8x30 inox A2|Carcassa in alluminio pressofuso|Guarnizione in silicone 60 mm|"
    "Scheda controller assemblata|Coperchio frontale ABS nero|Corpo valvola in ottone DN15|"
    "Staffa in acciaio verniciata a polvere|Cablaggio 1,5 m",
    "pt": "Parafuso sextavado M8x30 inox A2|Carcaça de alumínio injetado|Junta de silicone 60 mm|"
    "Placa controladora montada|Tampa frontal ABS preta|Corpo de válvula em latão DN15|"
    "Suporte de aço com pintura eletrostática|Chicote elétrico 1,5 m",
    "ko": "육각볼트 M8x30 SUS|알루미늄 다이캐스팅 하우징|실리콘 가스켓 60mm|컨트롤러 PCB 조립품|ABS 전면 커버 블랙|"
    "황동 밸브 바디 DN15|분체도장 스틸 브래킷|케이블 하네스 1.5m",
    "nl": "Zeskantbout M8x30 RVS A2|Aluminium spuitgietbehuizing|Siliconen pakking 60 mm|Besturingsprint bestukt|"
    "Frontkap ABS zwart|Messing klephuis DN15|Stalen beugel gepoedercoat|Kabelboom 1,5 m",
    "pl": "Śruba sześciokątna M8x30 A2|Obudowa aluminiowa odlewana|Uszczelka silikonowa 60 mm|"
    "Płytka sterownika zmontowana|Pokrywa przednia ABS czarna|Korpus zaworu mosiężny DN15|"
    "Wspornik stalowy malowany proszkowo|Wiązka kablowa 1,5 m",
    "tr": "Altıgen cıvata M8x30 paslanmaz|Alüminyum döküm gövde|Silikon conta 60 mm|Kontrol kartı montajlı|"
    "ABS ön kapak siyah|Pirinç vana gövdesi DN15|Elektrostatik boyalı çelik braket|Kablo demeti 1,5 m",
    "el": "Εξάγωνη βίδα M8x30 ανοξείδωτη|Περίβλημα χυτού αλουμινίου|Φλάντζα σιλικόνης 60 mm|"
    "Πλακέτα ελεγκτή συναρμολογημένη|Μπροστινό κάλυμμα ABS μαύρο|Σώμα βαλβίδας ορειχάλκινο DN15|"
    "Χαλύβδινο στήριγμα βαμμένο|Πλεξούδα καλωδίων 1,5 m",
    "hr": "Šesterokutni vijak M8x30 inox|Kućište od tlačno lijevanog aluminija|Silikonska brtva 60 mm|"
    "Upravljačka pločica sklopljena|Prednji poklopac ABS crni|Mjedeno tijelo ventila DN15|"
    "Čelični nosač plastificiran|Kabelski snop 1,5 m",
    "id": "Baut hex M8x30 stainless|Rumah aluminium die-cast|Gasket silikon 60 mm|Rakitan PCB kontroler|"
    "Tutup depan ABS hitam|Badan katup kuningan DN15|Braket baja powder coating|Wiring harness 1,5 m",
    "ms": "Bolt heks M8x30 keluli tahan karat|Perumah aluminium tuangan|Gasket silikon 60 mm|"
    "Pemasangan PCB pengawal|Penutup depan ABS hitam|Badan injap loyang DN15|Pendakap keluli bersalut serbuk|"
    "Abah kabel 1.5 m",
    "th": "สลักเกลียวหกเหลี่ยม M8x30 สแตนเลส|เสื้ออะลูมิเนียมหล่อ|ปะเก็นซิลิโคน 60 มม.|แผงวงจรควบคุมประกอบ|"
    "ฝาครอบหน้า ABS สีดำ|ตัววาล์วทองเหลือง DN15|ขายึดเหล็กพ่นสี|ชุดสายไฟ 1.5 ม.",
    "vi": "Bu lông lục giác M8x30 inox|Vỏ nhôm đúc áp lực|Gioăng silicon 60 mm|Bo mạch điều khiển lắp ráp|"
    "Nắp trước ABS màu đen|Thân van đồng DN15|Giá đỡ thép sơn tĩnh điện|Bó dây điện 1,5 m",
    "hi": "षट्कोण बोल्ट M8x30 स्टेनलेस|डाई-कास्ट एल्युमिनियम हाउसिंग|सिलिकॉन गैस्केट 60 मिमी|कंट्रोलर पीसीबी असेंबली|"
    "एबीएस फ्रंट कवर काला|पीतल वाल्व बॉडी DN15|पाउडर कोटेड स्टील ब्रैकेट|केबल हार्नेस 1.5 मी",
    "cs": "Šroub šestihranný M8x30 nerez A2|Hliníková tlakově litá skříň|Silikonové těsnění 60 mm|"
    "Osazená deska řídicí jednotky|Přední kryt ABS černý|Mosazné tělo ventilu DN15|"
    "Ocelový držák práškově lakovaný|Kabelový svazek 1,5 m",
    "hu": "Hatlapfejű csavar M8x30 A2|Alumínium nyomásos öntvényház|Szilikon tömítés 60 mm|"
    "Vezérlő panel szerelt|ABS előlap fekete|Sárgaréz szelepház DN15|Porfestett acél konzol|Kábelköteg 1,5 m",
    "ro": "Șurub hexagonal M8x30 inox A2|Carcasă din aluminiu turnat|Garnitură din silicon 60 mm|"
    "Placă controler asamblată|Capac frontal ABS negru|Corp de robinet din alamă DN15|"
    "Suport din oțel vopsit în câmp electrostatic|Fascicul de cabluri 1,5 m",
    "sv": "Sexkantskruv M8x30 rostfri A2|Pressgjutet aluminiumhölje|Silikonpackning 60 mm|Styrkort monterat|"
    "Frontlock ABS svart|Ventilhus i mässing DN15|Stålkonsol pulverlackerad|Kabelstam 1,5 m",
    "uk": "Болт шестигранний M8x30 нерж.|Корпус алюмінієвий литий|Прокладка силіконова 60 мм|"
    "Плата контролера зібрана|Передня кришка ABS чорна|Корпус клапана латунний DN15|"
    "Кронштейн сталевий порошкове фарбування|Джгут кабельний 1,5 м",
    "ar": "مسمار سداسي M8x30 ستانلس|غلاف ألمنيوم مصبوب|حشية سيليكون 60 مم|لوحة تحكم مجمعة|غطاء أمامي ABS أسود|"
    "جسم صمام نحاسي DN15|حامل فولاذي مطلي|حزمة كابلات 1.5 م",
    "he": 'בורג משושה M8x30 נירוסטה|בית אלומיניום יצוק|אטם סיליקון 60 מ"מ|מכלול כרטיס בקר|מכסה קדמי ABS שחור|'
    "גוף מגוף פליז DN15|תושבת פלדה צבועה|רתמת כבלים 1.5 מ'",
    "fa": "پیچ شش‌گوش M8x30 استیل|بدنه آلومینیومی ریخته‌گری|واشر سیلیکونی ۶۰ میلی‌متر|مجموعه برد کنترلر|"
    "درپوش جلو ABS مشکی|بدنه شیر برنجی DN15|براکت فولادی رنگ پودری|دسته سیم ۱٫۵ متر",
    "sw": "Bolti ya hex M8x30 chuma cha pua|Kasha la alumini la kusubu|Gasketi ya silikoni 60 mm|"
    "Bodi ya kidhibiti iliyounganishwa|Kifuniko cha mbele ABS cheusi|Kiwiliwili cha vali ya shaba DN15|"
    "Bano la chuma lililopakwa rangi|Kifurushi cha nyaya 1.5 m",
    "nb": "Sekskantskrue M8x30 rustfri A2|Trykkstøpt aluminiumshus|Silikonpakning 60 mm|Kontrollerkort montert|"
    "Frontdeksel ABS svart|Ventilhus i messing DN15|Stålbrakett pulverlakkert|Kabelsett 1,5 m",
}
GOODS = [(stem, Decimal(base)) for stem, base in (
    ("HB8", "0.42"), ("DCH", "18.60"), ("SG60", "0.95"), ("PCB", "27.40"),
    ("ABC", "3.15"), ("BVB", "6.80"), ("SBR", "2.25"), ("CH15", "4.70"),
)]  # fmt: skip
FX = {
    "USD": "1", "GBP": "0.79", "EUR": "0.92", "CHF": "0.88", "INR": "84", "AUD": "1.52", "SGD": "1.34",
    "CNY": "7.2", "TWD": "32", "JPY": "150", "MXN": "18", "BRL": "5.5", "KRW": "1380", "PLN": "4.0",
    "TRY": "34", "IDR": "15800", "MYR": "4.5", "THB": "35", "VND": "25000", "CZK": "23", "HUF": "365",
    "RON": "4.6", "SEK": "10.6", "UAH": "41", "SAR": "3.75", "ILS": "3.7", "AED": "3.67", "KES": "129",
    "NOK": "10.9",
}  # fmt: skip


@dataclass
class Loc:
    words: str  # key of LAB / GOODS_TEXT
    nums: str  # digit grouping (fresh2's ``num`` styles)
    dates: str  # date style of ``day``
    vat: str  # VAT rate, %
    unit: str
    pay: str
    buyers: list[tuple[str, str, str, str, str]]  # company, address, person, mail domain, currency


LOCS: dict[str, Loc] = {
    "en-US": Loc("en", "en", "mdy", "0", "EA", "Net 45", [
        ("Cuyahoga Valve & Controls, Inc.", "4100 Brookpark Rd, Cleveland, OH 44135", "Dana Whitfield",
         "cuyahogavalve.example", "USD"),
        ("Sierra Foothill Robotics Corp.", "77 Industrial Way, Auburn, CA 95603", "Marcus Bell",
         "sierrafoothill.example", "USD"),
    ]),
    "en-GB": Loc("en", "en", "d_mon_y", "20", "each", "30 days end of month", [
        ("Humber Estuary Pumps Ltd", "Unit 4, Saltend Business Park, Hull HU12 8DS", "Claire Ainsworth",
         "humberpumps.example", "GBP"),
        ("Black Country Fabrications Ltd", "22 Cradley Road, Dudley DY2 9SW", "Neil Oakes",
         "bcfab.example", "GBP"),
    ]),
    "en-IN": Loc("en", "lakh", "dmy_dash", "18", "Nos", "45 days from receipt of material", [
        ("Kaveri Precision Components Pvt. Ltd.", "Plot 41, KIADB Industrial Area, Hosur Road, Bengaluru 560099",
         "Ramesh Iyengar", "kaveriprecision.example", "INR"),
        ("Narmada Electro Controls Pvt. Ltd.", "B-17, GIDC Estate, Vadodara 390010", "Priya Desai",
         "narmadaelectro.example", "INR"),
    ]),
    "en-AU": Loc("en", "en", "dmy", "10", "ea", "30 days EOM", [
        ("Gippsland Irrigation Supplies Pty Ltd", "14 Princes Drive, Morwell VIC 3840", "Kylie Hargreaves",
         "gippsirrigation.example", "AUD"),
        ("Hunter Valley Mining Spares Pty Ltd", "9 Glenwood Drive, Thornton NSW 2322", "Brett Sullivan",
         "hvminingspares.example", "AUD"),
    ]),
    "en-SG": Loc("en", "en", "d_mon_y", "9", "pcs", "60 days", [
        ("Jurong Marine Automation Pte. Ltd.", "31 Tuas Avenue 11, Singapore 639105", "Tan Wei Ling",
         "jurongmarine.example", "SGD"),
        ("Kallang Cleanroom Systems Pte. Ltd.", "5 Kallang Sector, Singapore 349279", "Rajesh Nair",
         "kallangclean.example", "SGD"),
    ]),
    "de": Loc("de", "eu", "dot", "19", "Stk", "14 Tage 2 % Skonto, 30 Tage netto", [
        ("Lahntal Gerätebau GmbH", "Gießener Straße 58, 35396 Gießen", "Katrin Weidemann",
         "lahntal-geraetebau.example", "EUR"),
        ("Oberpfälzer Antriebssysteme GmbH", "Regensburger Str. 112, 92224 Amberg", "Thomas Grillmeier",
         "opf-antriebe.example", "EUR"),
    ]),
    "de-CH": Loc("de", "swiss", "dot", "8.1", "Stk", "30 Tage netto", [
        ("Emmentaler Feinmechanik AG", "Bahnhofstrasse 19, 3400 Burgdorf", "Ursula Käser",
         "emmental-fm.example", "CHF"),
        ("Rheintaler Messtechnik AG", "Industriestrasse 5, 9443 Widnau", "Reto Schegg",
         "rheintal-mt.example", "CHF"),
    ]),
    "de-AT": Loc("de", "eu", "dot", "20", "Stk", "30 Tage netto", [
        ("Mühlviertler Kunststofftechnik GmbH", "Linzer Straße 40, 4240 Freistadt", "Andrea Pichler",
         "mv-kunststoff.example", "EUR"),
        ("Steirische Ventilwerke GmbH", "Grazer Straße 7, 8700 Leoben", "Markus Url",
         "stvw.example", "EUR"),
    ]),
    "zh": Loc("zh", "en", "zh", "13", "个", "月结30天", [
        ("苏州工业园区恒润精密机械有限公司", "江苏省苏州市工业园区星湖街328号", "周晓燕", "hengrun-precision.example",
         "CNY"),
        ("佛山市顺德区美达电器配件有限公司", "广东省佛山市顺德区北滘镇工业大道9号", "黄志强", "meida-parts.example",
         "CNY"),
    ]),
    "zh-Hant": Loc("zh-Hant", "en", "slash_ymd", "5", "PCS", "月結60天", [
        ("台中精機零件股份有限公司", "台中市西屯區工業區三十六路18號", "林美玲", "tc-parts.example", "TWD"),
        ("新竹電子組件有限公司", "新竹市東區光復路二段101號", "陳冠宇", "hsinchu-ec.example", "TWD"),
    ]),
    "ja": Loc("ja", "en", "reiwa", "10", "個", "月末締め翌々月10日払い", [
        ("株式会社浜松精密工業", "静岡県浜松市中央区高塚町4888", "鈴木 美穂", "hamamatsu-seimitsu.example", "JPY"),
        ("岡山化工機株式会社", "岡山県倉敷市水島川崎通1-14", "藤原 大輔", "okayama-kakoki.example", "JPY"),
    ]),
    "es": Loc("es", "eu", "es_long", "21", "ud", "Confirming a 90 días", [
        ("Fundiciones del Nervión S.A.", "Polígono Ugaldeguren III, 48170 Zamudio (Bizkaia)", "Ainhoa Urrutia",
         "fnervion.example", "EUR"),
        ("Componentes Agrícolas de Lleida S.L.", "Carrer de la Indústria 14, 25191 Lleida", "Jordi Solé",
         "cal-lleida.example", "EUR"),
    ]),
    "es-MX": Loc("es", "en", "dmy_mon", "16", "PZA", "Crédito 30 días", [
        ("Maquinados del Bajío S.A. de C.V.", "Av. Industria 1203, Parque Industrial, 36541 Irapuato, Gto.",
         "Verónica Zamora", "maqbajio.example", "MXN"),
        ("Refacciones Industriales Regio S.A. de C.V.", "Av. Ruiz Cortines 4410, 64500 Monterrey, N.L.",
         "Alejandro Garza", "refaregio.example", "MXN"),
    ]),
    "fr": Loc("fr", "space", "fr_long", "20", "pce", "Virement à 60 jours date de facture", [
        ("Ateliers Mécaniques du Vercors SAS", "ZA Les Jarrands, 38250 Villard-de-Lans", "Sophie Arnaud",
         "amvercors.example", "EUR"),
        ("Chaudronnerie Picarde SARL", "14 rue de l'Industrie, 80300 Albert", "Olivier Lefèbvre",
         "chaudpicarde.example", "EUR"),
    ]),
    "it": Loc("it", "eu", "dmy", "22", "pz", "Bonifico 60 gg d.f.f.m.", [
        ("Officine Meccaniche Brianzole S.r.l.", "Via Vittorio Veneto 88, 20833 Giussano (MB)", "Chiara Colombo",
         "ombrianzole.example", "EUR"),
        ("Idraulica Salentina S.p.A.", "Zona Industriale, Via Taranto 5, 73100 Lecce", "Antonio De Santis",
         "idrosalentina.example", "EUR"),
    ]),
    "pt": Loc("pt", "space", "dmy", "23", "un", "Pronto pagamento a 30 dias", [
        ("Metalúrgica do Vouga, Lda.", "Zona Industrial de Albergaria, 3850-184 Albergaria-a-Velha",
         "Inês Cardoso", "metvouga.example", "EUR"),
        ("Moldes da Marinha Grande, S.A.", "Rua da Indústria 210, 2430-028 Marinha Grande", "Rui Figueiredo",
         "moldesmg.example", "EUR"),
    ]),
    "pt-BR": Loc("pt", "eu", "dmy", "5", "PC", "28/56 DDL", [
        ("Usinagem Vale do Itajaí Ltda.", "Rua Blumenau 1500, Distrito Industrial, Joinville - SC, 89219-500",
         "Fernanda Schmitt", "usivale.example", "BRL"),
        ("Autopeças Paraíba do Sul Ltda.", "Av. das Indústrias 820, Taubaté - SP, 12042-000", "Rodrigo Almeida",
         "autopecasps.example", "BRL"),
    ]),
    "ko": Loc("ko", "en", "ko", "10", "EA", "월말 마감 익월 말 현금", [
        ("(주)창원정밀기계", "경상남도 창원시 성산구 공단로 271", "김민지", "changwon-pm.example", "KRW"),
        ("한빛전자부품 주식회사", "경기도 화성시 동탄산단6길 15", "박성훈", "hanbit-ep.example", "KRW"),
    ]),
    "nl": Loc("nl", "eu", "dmy_dash", "21", "st", "30 dagen na factuurdatum", [
        ("Brabantse Precisietechniek B.V.", "Ekkersrijt 4102, 5692 DA Son", "Femke van der Linden",
         "brabantprecisie.example", "EUR"),
        ("Zeeuwse Hydrauliek B.V.", "Kanaalweg 33, 4538 AG Terneuzen", "Jeroen de Wit", "zeeuwsehyd.example",
         "EUR"),
    ]),
    "pl": Loc("pl", "space", "dot_r", "23", "szt.", "przelew 30 dni", [
        ("Zakłady Mechaniczne „Warta” Sp. z o.o.", "ul. Przemysłowa 12, 62-800 Kalisz", "Agnieszka Nowicka",
         "zmwarta.example", "PLN"),
        ("Śląskie Techniki Pompowe S.A.", "ul. Gliwicka 210, 40-860 Katowice", "Paweł Wróbel",
         "stpompy.example", "PLN"),
    ]),
    "tr": Loc("tr", "eu", "dot", "20", "adet", "60 gün vadeli", [
        ("Bursa Otomotiv Yan Sanayi A.Ş.", "Nilüfer OSB, 16140 Nilüfer/Bursa", "Elif Karaca",
         "bursayansanayi.example", "TRY"),
        ("Konya Döküm ve Makine Ltd. Şti.", "Büyük Kayacık OSB, 42300 Selçuklu/Konya", "Murat Öztürk",
         "konyadokum.example", "TRY"),
    ]),
    "el": Loc("el", "eu", "dmy", "24", "τεμ.", "Πίστωση 60 ημερών", [
        ("Μηχανουργική Θεσσαλίας Α.Ε.", "ΒΙ.ΠΕ. Βόλου, 38500 Βόλος", "Γεωργία Παπαδοπούλου",
         "mixthessalias.example", "EUR"),
        ("Ηλεκτρομηχανική Κρήτης Ε.Π.Ε.", "ΒΙ.ΠΕ. Ηρακλείου, Οδός Β΄ 12, 71601 Ηράκλειο", "Νίκος Μανωλάκης",
         "ilkritis.example", "EUR"),
    ]),
    "hr": Loc("hr", "eu", "dot_hr", "25", "kom", "30 dana od primitka računa", [
        ("Slavonska Strojogradnja d.o.o.", "Vukovarska cesta 45, 31000 Osijek", "Ivana Babić",
         "slavstroj.example", "EUR"),
        ("Jadranski Brodski Servis d.d.", "Obala kneza Branimira 8, 21000 Split", "Ante Perić",
         "jbservis.example", "EUR"),
    ]),
    "id": Loc("id", "eu", "id_long", "11", "pcs", "Kredit 30 hari setelah faktur diterima", [
        ("PT Cikarang Presisi Teknik", "Jl. Jababeka XI Blok H3, Cikarang, Bekasi 17530", "Dewi Lestari",
         "cikarangpresisi.example", "IDR"),
        ("PT Surabaya Mesin Utama", "Jl. Rungkut Industri III No. 21, Surabaya 60293", "Budi Santoso",
         "sbymesin.example", "IDR"),
    ]),
    "ms": Loc("ms", "en", "d_mon_y", "10", "unit", "30 hari", [
        ("Perindustrian Jitra Sdn. Bhd.", "Lot 12, Kawasan Perindustrian Jitra, 06000 Jitra, Kedah",
         "Nurul Aisyah", "jitraindustri.example", "MYR"),
        ("Kejuruteraan Pasir Gudang Sdn. Bhd.", "PLO 88, Jalan Tembaga 4, 81700 Pasir Gudang, Johor",
         "Ahmad Faizal", "kejpg.example", "MYR"),
    ]),
    "th": Loc("th", "en", "th_be", "7", "ชิ้น", "เครดิต 30 วัน", [
        ("บริษัท ระยองออโต้พาร์ท จำกัด", "นิคมอุตสาหกรรมอมตะซิตี้ ระยอง 21140", "สุภาพร ศรีสุข",
         "rayongauto.example", "THB"),
        ("บริษัท ชลบุรีไฮดรอลิค จำกัด (มหาชน)", "นิคมอุตสาหกรรมแหลมฉบัง ชลบุรี 20230", "วิชัย ทองดี",
         "chonburihyd.example", "THB"),
    ]),
    "vi": Loc("vi", "eu", "vi_long", "8", "cái", "Chuyển khoản 30 ngày", [
        ("Công ty TNHH Cơ khí Chính xác Bình Dương", "KCN VSIP II, Thủ Dầu Một, Bình Dương", "Nguyễn Thị Lan",
         "ckbinhduong.example", "VND"),
        ("Công ty Cổ phần Thiết bị Điện Hải Phòng", "KCN Đình Vũ, Hải An, Hải Phòng", "Trần Văn Hùng",
         "tbdhaiphong.example", "VND"),
    ]),
    "hi": Loc("hi", "lakh", "dmy", "18", "नग", "माल प्राप्ति के 30 दिन बाद", [
        ("गंगा इंजीनियरिंग वर्क्स प्राइवेट लिमिटेड", "औद्योगिक क्षेत्र, साइट-4, साहिबाबाद, गाज़ियाबाद 201010",
         "सुरेश वर्मा", "gangaeng.example", "INR"),
        ("मालवा पंप्स एंड मोटर्स", "सेक्टर-3, पीथमपुर, धार 454775", "अनीता शर्मा", "malwapumps.example", "INR"),
    ]),
    "cs": Loc("cs", "space", "cs", "21", "ks", "Splatnost 30 dnů", [
        ("Horácké Strojírny Žďár s.r.o.", "Průmyslová 1480, 591 01 Žďár nad Sázavou", "Lenka Dvořáková",
         "strojvysocina.example", "CZK"),
        ("Moravské Hydraulické Závody a.s.", "Hulínská 2199, 767 01 Kroměříž", "Jiří Procházka",
         "mhz-hydraulika.example", "CZK"),
    ]),
    "hu": Loc("hu", "space", "hu", "27", "db", "Átutalás 30 nap", [
        ("Alföldi Gépgyártó Kft.", "Ipari park, Déli út 7, 6000 Kecskemét", "Tóth Katalin",
         "alfoldigep.example", "HUF"),
        ("Dunamenti Szivattyú Zrt.", "Ipartelep u. 3, 2400 Dunaújváros", "Horváth Gábor",
         "dunamenti.example", "HUF"),
    ]),
    "ro": Loc("ro", "eu", "dot", "21", "buc", "Plata la 45 de zile", [
        ("Mecanica Ardeleană S.R.L.", "Str. Fabricii 21, 400632 Cluj-Napoca", "Ioana Mureșan",
         "mecardeleana.example", "RON"),
        ("Pompe Dunărea S.A.", "Bd. Dunării 77, 800208 Galați", "Radu Constantinescu",
         "pompedunarea.example", "RON"),
    ]),
    "sv": Loc("sv", "space", "iso", "25", "st", "30 dagar netto", [
        ("Bergslagens Verkstads AB", "Bruksgatan 12, 713 30 Nora", "Karin Lindqvist",
         "bergslagensverkstad.example", "SEK"),
        ("Norrlands Hydraulik AB", "Industrivägen 4, 901 32 Umeå", "Erik Sjöberg", "norrhydraulik.example",
         "SEK"),
    ]),
    "uk": Loc("uk", "space", "uk", "20", "шт.", "Оплата протягом 30 днів", [
        ("ТОВ «Запорізький машинобудівний завод Хортиця»", "вул. Заводська 12, 69035 Запоріжжя",
         "Оксана Коваленко", "khortytsia-mz.example", "UAH"),
        ("ПрАТ «Львівські насосні системи»", "вул. Промислова 50, 79024 Львів", "Тарас Мельник",
         "lvivpumps.example", "UAH"),
    ]),
    "ar": Loc("ar", "en", "iso", "15", "حبة", "الدفع خلال 60 يوماً", [
        ("شركة الدمام للصناعات المعدنية المحدودة", "المدينة الصناعية الثانية، الدمام 34332، السعودية",
         "عبدالله القحطاني", "dammam-metal.example", "SAR"),
        ("مصنع جدة للمضخات", "المنطقة الصناعية، المرحلة الرابعة، جدة 22446، السعودية", "سلمان الزهراني",
         "jeddahpumps.example", "SAR"),
    ]),
    "he": Loc("he", "en", "dmy", "18", "יח'", "שוטף + 30", [
        ('אשדוד מערכות הידראוליות בע"מ', "רח' הבנאים 7, אזור תעשייה צפוני, אשדוד", "מיכל אברהם",
         "ashdod-hyd.example", "ILS"),
        ('עמק חפר אלקטרוניקה בע"מ', "פארק תעשייה עמק חפר, בניין 3", "אבי שפירא", "emek-elec.example", "ILS"),
    ]),
    "fa": Loc("fa", "en", "dmy", "5", "عدد", "پرداخت ۳۰ روزه", [
        ("شرکت بازرگانی دیبا کیش", "دبی، منطقه آزاد جبل علی، انبار ۱۴", "علی محمدی", "dibakish.example", "AED"),
        ("شرکت فنی مهندسی آریا تجارت", "شارجه، منطقه صنعتی ۱۰، پلاک ۲۲", "نرگس احمدی", "aryatejarat.example",
         "AED"),
    ]),
    "sw": Loc("sw", "en", "sw_long", "16", "pcs", "Siku 30 baada ya ankara", [
        ("Mombasa Marine Engineering Ltd", "Shimanzi Road, Mombasa", "Amina Mwinyi", "mombasamarine.example",
         "KES"),
        ("Thika Agro Machinery Ltd", "Garissa Road, Thika", "Peter Kamau", "thikaagro.example", "KES"),
    ]),
    "nb": Loc("nb", "space", "dot", "25", "stk", "30 dager netto", [
        ("Vestlandet Maskinering AS", "Industrivegen 18, 5353 Straume", "Ingrid Haugland",
         "vestmaskin.example", "NOK"),
        ("Trøndelag Pumpeservice AS", "Heggstadmyra 6, 7080 Heimdal", "Ole Martin Rønning",
         "trondpumpe.example", "NOK"),
    ]),
}  # fmt: skip

SIGN = {
    "USD": "$", "GBP": "£", "EUR": "€", "INR": "₹", "AUD": "A$", "SGD": "S$", "CNY": "¥", "TWD": "NT$",
    "JPY": "¥", "MXN": "$", "BRL": "R$", "KRW": "₩", "PLN": "zł", "TRY": "₺", "IDR": "Rp", "MYR": "RM",
    "THB": "฿", "VND": "₫", "CZK": "Kč", "HUF": "Ft", "RON": "lei", "SEK": "kr", "UAH": "₴", "SAR": "﷼",
    "ILS": "₪", "AED": "AED", "KES": "KSh", "NOK": "kr", "CHF": "CHF",
}  # fmt: skip

# ----------------------------------------------------------------------------- dates and numbers

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "sw": "Januari Februari Machi Aprili Mei Juni Julai Agosti Septemba Oktoba Novemba Desemba",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
TH_MON = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day(d: date, style: str) -> str:
    """``d`` as a buyer of that style writes it."""
    mo = {k: v.split() for k, v in MONTHS.items()}
    if style == "vi_long":
        return f"ngày {d.day} tháng {d.month} năm {d.year}"
    if style.endswith("_long") and style[:-5] in mo:
        lang = style[:-5]
        name = mo[lang][d.month - 1]
        return {
            "en": f"{name} {d.day}, {d.year}",
            "de": f"{d.day}. {name} {d.year}",
            "es": f"{d.day} de {name} de {d.year}",
            "fr": f"{d.day} {name} {d.year}",
            "pt": f"{d.day} de {name} de {d.year}",
            "id": f"{d.day} {name} {d.year}",
            "sw": f"{d.day} {name} {d.year}",
            "nl": f"{d.day} {name} {d.year}",
        }[lang]
    return {
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dot_r": f"{d.day:02d}.{d.month:02d}.{d.year} r.",
        "dot_hr": f"{d.day:02d}.{d.month:02d}.{d.year}.",
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "dmy_dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": d.isoformat(),
        "d_mon_y": f"{d.day} {MON[d.month - 1]} {d.year}",
        "dmy_mon": f"{d.day:02d}/{MON[d.month - 1].lower()}/{d.year}",
        "oracle": f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year % 100:02d}",
        "zh": f"{d.year}年{d.month}月{d.day}日",
        "reiwa": f"令和{d.year - 2018}年{d.month}月{d.day}日",
        "ko": f"{d.year}. {d.month}. {d.day}.",
        "ko_long": f"{d.year}년 {d.month}월 {d.day}일",
        "hu": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "th_be": f"{d.day:02d}/{d.month:02d}/{d.year + 543}",
        "th_long": f"{d.day} {TH_MON[d.month - 1]} {d.year + 543}",
        "slash_ymd": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "cs": f"{d.day}. {d.month}. {d.year}",
        "uk": f"{d.day:02d}.{d.month:02d}.{d.year} р.",
        "compact": f"{d.year}{d.month:02d}{d.day:02d}",
    }[style]


def later(d: date, days: int) -> date:
    """``days`` after ``d``, moved on past the 12th of its month (day and month never swap)."""
    d += timedelta(days=days)
    while d.day <= 12:
        d += timedelta(days=1)
    return d


def money(v: Decimal, currency: str) -> Decimal:
    return v.quantize(Decimal(1) if currency in WHOLE else CENT, ROUND_HALF_UP)


# ----------------------------------------------------------------------------- orders


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
        return num(v, style or LOCS[self.loc].nums, places)

    def q(self, v: Decimal) -> str:
        return num(v, LOCS[self.loc].nums, 0)

    def d(self, v: date, style: str | None = None) -> str:
        return day(v, style or LOCS[self.loc].dates)

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


def draw(seed: int, name: str) -> random.Random:
    """The random draws of one document: the seed and the document's name decide them all."""
    return random.Random(f"{seed}:fresh6:{name}")


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
    """Draw an order of ``n`` lines from buyer ``k`` of ``loc``, dated 13-20 November 2026."""
    r = draw(seed, name)
    info = LOCS[loc]
    company, address, person, domain, cur = info.buyers[k % len(info.buyers)]
    cur = currency or cur
    ordered = later(date(2026, 11, 10), r.randrange(8))
    due = later(ordered, r.randrange(21, 70))
    texts = GOODS_TEXT[info.words].split("|")
    lines = []
    for j in sorted(r.sample(range(len(GOODS)), min(n, len(GOODS)))):
        stem, base = GOODS[j]
        price = base * Decimal(FX[cur]) * Decimal(r.randrange(80, 131)) / 100
        if cur in WHOLE:
            price = price.quantize(Decimal(1)) or Decimal(1)
        elif price < 1:
            price = price.quantize(Decimal("0.001"))
        else:
            price = price.quantize(CENT)
        q = Decimal(r.choice([12, 24, 30, 50, 75, 150, 200, 300, 480, 800, 1200, 2500]))
        code = f"{stem}-{r.randrange(100, 999)}{r.choice('KLMNPRSTVX')}"
        lines.append(Line(code, texts[j], q, info.unit, price, money(q * price, cur)))
    r.shuffle(lines)
    local = person.split()[0].lower() if person.isascii() else "purchasing"
    local = "".join(ch for ch in local if ch.isalpha() and ch.isascii()) or "purchasing"
    lang = loc if loc == "zh-Hant" else loc.split("-")[0]
    return Order(number(r), company, address, person, f"{local}@{domain}", lang, loc, ordered, due, cur, lines)


def sent_on(d: date, hour: int = 8, minute: int = 41, offset: int = 1) -> datetime:
    """The mail is sent the day after the order is dated (never after the bench's today)."""
    d = min(d + timedelta(days=1), date(2026, 11, 21))
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


def digits(lo: int, hi: int, pre: str = "", post: str = "") -> Callable[[random.Random], str]:
    return lambda r: f"{pre}{r.randrange(lo, hi)}{post}"


def sum_values(o: Order) -> list[tuple[str, Decimal]]:
    """The totals block: the lines, the discount and freight when there are, VAT when the document
    adds it, and the total."""
    w = o.w
    rows = [(w["net"], o.net)]
    if o.off:
        rows.append((f"{w['disc']} {num(o.off, LOCS[o.loc].nums)}%", -o.discount))
    if o.freight:
        rows.append((w["freight"], o.freight))
    if o.vat:
        rows.append((f"{w['vat']} {num(o.vat, LOCS[o.loc].nums)}%", o.tax))
    rows.append((w["total"], o.gross))
    return rows


def sums(o: Order, sign: str = "", *, style: str | None = None) -> list[tuple[str, str]]:
    """``sum_values`` as the buyer prints them, ``sign`` before each."""
    return [(a, ("-" if v < 0 else "") + sign + o.n(abs(v), style)) for a, v in sum_values(o)]


def head_pairs(o: Order, *, pay: bool = True) -> list[tuple[str, str]]:
    w = o.w
    pairs = [
        (w["no"], o.number),
        (w["date"], o.d(o.ordered)),
        (w["due"], o.d(o.due)),
        (w["supplier"], SUPPLIER),
        (w["buyer"], o.person),
    ]
    if pay and o.payment:
        pairs.append((w["pay"], o.payment))
    return pairs


def line_rows(o: Order, *, sign: str = "", unit: bool = True, pos: bool = True) -> list[list[str]]:
    """Header row, then a row a line: position, code, text, quantity, unit, price, amount."""
    w = o.w
    m = (lambda v: f"{sign}{o.n(v)}") if sign else o.n
    head = (["#"] if pos else []) + [w["item"], w["desc"], w["qty"]] + ([w["unit"]] if unit else [])
    rows = [head + [w["price"], w["amount"]]]
    for j, ln in enumerate(o.lines, 1):
        cells = ([str(j * 10)] if pos else []) + [ln.code, ln.text, o.q(ln.qty)] + ([ln.unit] if unit else [])
        rows.append(cells + [m(ln.price), m(ln.amount)])
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


def build_fresh6(out: Any, work: Path, pending: list, seed: int) -> None:
    """Every family of this module, written into ``out``; ``seed`` draws the orders."""
    m = Maker(out, work, pending, seed)
    for build in BUILDERS:
        build(m)


def mailer(o: Order, name: str, subject: str, **kw: Any) -> Any:
    return message(sender=(o.person, o.mail), subject=subject, key=f"f6-{name}", sent=sent_on(o.ordered), **kw)


# ----------------------------------------------------------------------------- PDF writers


def boxed_pdf(
    path: Path,
    o: Order,
    *,
    creator: str,
    font: str = "sans",
    bold: str = "bold",
    sign: str = "",
    two_row: bool = False,
    title: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
    totals: list[tuple[str, str]] | None = None,
    notes: list[str] | None = None,
    extra_cols: tuple[str, list[str]] | None = None,
) -> None:
    """reportlab canvas in the style of Dynamics and Business Central prints: the head as ruled
    boxes, three a row, each with its label in small type above its value; the lines ruled (with
    ``two_row`` the description on a row of its own under the code); the sums in a box at the right.
    ``extra_cols``: (heading, one cell a line) printed between the text and the quantity."""
    w = o.w
    p = Page(path, font, bold, creator=creator)
    p.text(40, 46, o.buyer, 12.5, bold=True)
    p.text(40, 59, o.address, 7.5)
    p.text(555, 46, title or w["title"], 15, bold=True, align="right")
    y = 80.0
    boxes = pairs or head_pairs(o)
    bw = 515 / 3
    for k, (label, value) in enumerate(boxes):
        x = 40 + (k % 3) * bw
        if k and k % 3 == 0:
            y += 28
        p.box(x, y, bw, 28, width=0.5)
        p.text(x + 4, y + 8, label, 6)
        p.text(x + 4, y + 21, value, 8.5 if len(value) < 34 else 6.8, bold=k == 0)
    y += 44
    amount_head = f"{w['amount']} ({o.currency})"
    if two_row:
        widths = [30, 190, 60, 40, 85, 110]
        rows = [["#", w["item"] + " / " + w["desc"], w["qty"], w["unit"], w["price"], amount_head]]
        y = grid(p, 40, y, widths, "clrcrr", rows, size=7.5, height=16)
        for j, ln in enumerate(o.lines, 1):
            top = [str(j), ln.code, o.q(ln.qty), ln.unit, sign + o.n(ln.price), sign + o.n(ln.amount)]
            y = grid(p, 40, y, widths, "clrcrr", [top], size=8, height=14, ruled=False, bold_first=False)
            p.text(78, y + 7, ln.text, 7.5)
            y += 12
            p.line(40, y, 555, y, 0.3)
    else:
        rows = line_rows(o, sign=sign)
        rows[0][-1] = amount_head
        widths = [28, 72, 180, 48, 34, 70, 83]
        aligns = "cllrcrr"
        if extra_cols:
            heading, cells = extra_cols
            rows = [r[:3] + [heading if i == 0 else cells[i - 1]] + r[3:] for i, r in enumerate(rows)]
            widths = [26, 66, 150, 46, 46, 32, 66, 83]
            aligns = "cllcrcrr"
        y = grid(p, 40, y, widths, aligns, rows, size=7.5, height=16)
    y += 10
    rows_s = totals if totals is not None else sums(o, sign)
    p.box(345, y, 210, 15 * len(rows_s) + 6, width=0.6)
    for k, (label, value) in enumerate(rows_s):
        last = k == len(rows_s) - 1
        p.text(350, y + 14 + 15 * k, label, 8.5, bold=last)
        p.text(550, y + 14 + 15 * k, value, 8.5, bold=last, align="right")
    y += 15 * len(rows_s) + 26
    for text in notes or []:
        p.text(40, y, text, 7.5)
        y += 11
    p.text(40, 800, f"{o.person} · {o.mail}", 7)
    p.text(555, 800, f"{w['page']} 1/1", 7, align="right")
    p.save()


def text_pages_pdf(path: Path, pages: list[list[str]], *, creator: str, size: float = 7.6, font: str = "mono") -> None:
    """Fixed-pitch lines, page by page, as a spool file printed to PDF."""
    p = Page(path, font, "Courier-Bold" if font == "Courier" else font, creator=creator)
    for k, lines in enumerate(pages):
        if k:
            p.new_page()
        for i, s in enumerate(lines):
            p.text(34, 40 + i * (size + 3), s, size)
    p.save()


def fit(s: str, width: int, right: bool = False) -> str:
    """``s`` padded to ``width``: figures to the right (never cut), text to the left (cut)."""
    return s.rjust(width) if right else s[:width].ljust(width)


def sap_spool(o: Order, *, per_page: int = 2) -> list[list[str]]:
    """An SAP R/3 purchase order as its spool prints it: address block, a key block on the right,
    the positions with a delivery date row under each, the header repeated on the next page."""
    w = o.w

    def head(page: int, pages: int) -> list[str]:
        return [
            fit(o.buyer, 56) + fit(w["title"], 36, True),
            fit(o.address, 56) + fit(f"{w['no']}/{w['date']}", 36, True),
            fit("", 56) + fit(f"{o.number}/{o.d(o.ordered)}", 36, True),
            fit(f"{w['supplier']}: {SUPPLIER}", 56) + fit(f"{w['page']} {page}/{pages}", 36, True),
            "",
            fit(f"{w['buyer']}: {o.person}", 80),
            fit(f"{w['pay']}: {o.payment or '-'}", 80),
            "-" * 92,
            fit("Pos.", 6)
            + fit(w["item"], 16)
            + fit(w["desc"], 28)
            + fit(w["qty"], 9, True)
            + " "
            + fit(w["unit"], 4)
            + fit(w["price"], 13, True)
            + fit(o.currency, 15, True),
            "-" * 92,
        ]

    for ln in o.lines:  # the spool cuts a text at 27 characters: that is what the document says
        ln.text = ln.text[:27].rstrip()
    chunks = [o.lines[i : i + per_page] for i in range(0, len(o.lines), per_page)]
    pages = []
    j = 0
    for k, chunk in enumerate(chunks, 1):
        body = head(k, len(chunks))
        for ln in chunk:
            j += 1
            body.append(
                fit(f"{j * 10:05d}", 6)
                + fit(ln.code, 16)
                + fit(ln.text, 28)
                + fit(o.q(ln.qty), 9, True)
                + " "
                + fit(ln.unit, 4)
                + fit(o.n(ln.price), 13, True)
                + fit(o.n(ln.amount), 15, True)
            )
            body.append(fit("", 6) + f"{w['due']}: T {o.d(o.due)}")
            body.append("")
        if k == len(chunks):
            body.append("-" * 92)
            for label, value in sums(o):
                body.append(fit("", 44) + fit(label, 26) + fit(f"{value} {o.currency}", 22, True))
        else:
            body.append(fit("", 62) + fit("*** -> ***", 30, True))
        pages.append(body)
    return pages


def oracle_spool(o: Order) -> list[list[str]]:
    """An Oracle EBS purchase order report in a fixed font: upper-case labels, NEED-BY and SHIP-TO
    rows under each line, the total on a line of equal signs."""
    lines = [
        fit(o.buyer.upper(), 56) + fit("STANDARD PURCHASE ORDER", 26, True),
        fit(o.address.upper(), 56) + fit(f"PO NUMBER {o.number}  REV 0", 26, True),
        fit("", 56) + fit(f"ORDER DATE {o.d(o.ordered, 'oracle')}", 26, True),
        "",
        f"VENDOR: {SUPPLIER.upper()}",
        f"        {SUPPLIER_ADDR.upper()}",
        f"BUYER: {o.person.upper()}       "
        + (f"TERMS: {o.payment.upper()}       " if o.payment else "")
        + f"CURRENCY: {o.currency}",
        "=" * 82,
        fit("LN", 4)
        + fit("ITEM/DESCRIPTION", 40)
        + fit("QUANTITY", 10, True)
        + fit("UOM", 5, True)
        + fit("UNIT PRICE", 11, True)
        + fit("EXTENSION", 12, True),
        "=" * 82,
    ]
    for j, ln in enumerate(o.lines, 1):
        lines.append(
            fit(str(j), 4)
            + fit(ln.code, 40)
            + fit(o.q(ln.qty), 10, True)
            + fit(ln.unit, 5, True)
            + fit(o.n(ln.price), 11, True)
            + fit(o.n(ln.amount), 12, True)
        )
        lines.append(fit("", 4) + ln.text.upper())
        lines.append(
            fit("", 4) + f"NEED-BY: {o.d(o.due, 'oracle')}   SHIP-TO: {o.address.split(',')[-2].strip().upper()}"
        )
        lines.append("")
    lines.append("=" * 82)
    if o.freight:
        lines.append(fit("", 48) + fit("FREIGHT", 20) + fit(o.n(o.freight), 14, True))
    lines.append(fit("", 48) + fit(f"TOTAL {o.currency}", 20) + fit(o.n(o.gross), 14, True))
    lines.append("")
    lines.append("APPROVED ELECTRONICALLY - NO SIGNATURE REQUIRED")
    return [lines]


def portal_pdf(path: Path, o: Order, *, sign: str, title: str, labels: dict[str, str]) -> None:
    """fpdf2, a procurement portal's printable page: the number as a big heading, a status, fields
    in two columns, then each line as a card — text in bold, the part number and need-by date on a
    row of their own, the quantity, price and line total on a third — and a summary at the end."""
    pdf = fpdf_new()
    pdf.add_page()
    pdf.set_font("dv", "B", 16)
    pdf.cell(0, 9, f"{title} #{o.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 8)
    pdf.set_fill_color(222, 242, 226)
    pdf.cell(22, 5, labels["status"], fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    left = [(labels["created"], o.d(o.ordered)), (labels["requester"], o.person), (labels["company"], o.buyer)]
    right = [(labels["supplier"], SUPPLIER), (labels["ship"], o.address), (labels["terms"], o.payment or "-")]
    for (a, b), (c, e) in zip(left, right):
        y = pdf.get_y()
        pdf.set_font("dv", "B", 7.5)
        pdf.cell(32, 5, a)
        pdf.set_font("dv", "", 7.5)
        pdf.cell(60, 5, b)
        pdf.set_font("dv", "B", 7.5)
        pdf.cell(26, 5, c)
        pdf.set_font("dv", "", 7.5)
        pdf.multi_cell(0, 5, e, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), y + 6))
    pdf.ln(4)
    pdf.set_font("dv", "B", 10)
    pdf.cell(0, 6, labels["lines"], new_x="LMARGIN", new_y="NEXT")
    for j, ln in enumerate(o.lines, 1):
        pdf.set_draw_color(190, 190, 190)
        y0 = pdf.get_y()
        pdf.set_font("dv", "B", 8.5)
        pdf.cell(0, 6, f"{j}.  {ln.text}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 7.5)
        pdf.cell(8)
        pdf.cell(70, 4.5, f"{labels['part']}: {ln.code}")
        pdf.cell(0, 4.5, f"{labels['needby']}: {o.d(o.due)}", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(8)
        pdf.cell(50, 4.5, f"{labels['qty']}: {o.q(ln.qty)} {ln.unit}")
        pdf.cell(50, 4.5, f"{labels['price']}: {sign}{o.n(ln.price)}")
        pdf.set_font("dv", "B", 7.5)
        pdf.cell(0, 4.5, f"{sign}{o.n(ln.amount)} {o.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.rect(12, y0, 186, pdf.get_y() - y0 + 1.5)
        pdf.ln(3.5)
    pdf.ln(2)
    for label, value in sums(o, sign):
        pdf.set_font("dv", "B" if label == o.w["total"] else "", 9)
        pdf.cell(140, 5.5, label, align="R")
        pdf.cell(0, 5.5, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def odoo_pdf(
    path: Path,
    o: Order,
    *,
    creator: str,
    font: str = "sans",
    bold: str = "bold",
    sign: str = "",
    labels: dict[str, str],
) -> None:
    """reportlab platypus in the manner of Odoo's print: our address block first (the supplier is
    addressed), the title with the number, a row of three facts with the label above the value, the
    lines with a taxes column and the need-by date per line, then untaxed / taxes / total."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    reg, bf = rl_font(font), rl_font(bold)
    small = ParagraphStyle("s", fontName=reg, fontSize=7.5, leading=9.5)
    big = ParagraphStyle("b", fontName=bf, fontSize=15, leading=19)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, creator=creator, leftMargin=40, rightMargin=40)
    story: list[Any] = [
        Paragraph(esc(o.buyer), ParagraphStyle("c", fontName=bf, fontSize=9, leading=11)),
        Paragraph(esc(o.address), small),
        Spacer(1, 10),
        Table([["", Paragraph(esc(SUPPLIER) + "<br/>" + esc(SUPPLIER_ADDR), small)]],
              colWidths=[300, 215]),
        Spacer(1, 14),
        Paragraph(esc(f"{labels['title']} #{o.number}"), big),
        Spacer(1, 8),
    ]  # fmt: skip
    facts = Table(
        [[labels["rep"], labels["ordered"], labels["deadline"]], [o.person, o.d(o.ordered), o.d(o.due)]],
        colWidths=[172, 172, 171],
    )
    facts.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), bf, 8), ("FONT", (0, 1), (-1, 1), reg, 8.5)]))
    story += [facts, Spacer(1, 12)]
    rate = f"{num(o.vat, LOCS[o.loc].nums)}%" if o.vat else ""
    rows = [[labels["desc"], labels["taxes"], labels["datereq"], labels["qty"], labels["price"], labels["amount"]]]
    for ln in o.lines:
        rows.append(
            [
                Paragraph(esc(f"[{ln.code}] {ln.text}"), small),
                rate,
                o.d(o.due),
                f"{o.q(ln.qty)} {ln.unit}",
                o.n(ln.price),
                f"{sign}{o.n(ln.amount)}",
            ]
        )
    t = Table(rows, colWidths=[190, 45, 70, 65, 60, 85], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), reg, 7.5),
                ("FONT", (0, 0), (-1, 0), bf, 7.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, (0, 0, 0)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, (0.7, 0.7, 0.7)),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [t, Spacer(1, 10)]
    srows = [[labels["untaxed"], f"{sign}{o.n(o.base)}"]]
    if o.vat:
        srows.append([labels["taxes"], f"{sign}{o.n(o.tax)}"])
    srows.append([labels["total"], f"{sign}{o.n(o.gross)}"])
    st = Table([["", a, b] for a, b in srows], colWidths=[295, 120, 100])
    st.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), reg, 8.5),
                ("FONT", (0, -1), (-1, -1), bf, 9),
                ("LINEABOVE", (1, -1), (-1, -1), 0.8, (0, 0, 0)),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ]
        )
    )
    story += [st, Spacer(1, 16)]
    if o.payment:
        story.append(Paragraph(esc(f"{labels['terms']}: {o.payment}"), small))
    doc.build(story)


def tally_pdf(path: Path, o: Order, hsn: list[str], *, interstate: bool = False) -> None:
    """reportlab canvas in the manner of a Tally purchase order: the buyer's block and the order's
    facts in boxes side by side, "Dated" and "Mode/Terms of Payment" beside the voucher number, the
    lines with HSN/SAC, the tax rows (CGST and SGST halves, or IGST) as rows of the same table,
    amounts grouped in lakhs, and the total in words' place a line saying E. & O.E."""
    p = Page(path, "sans", "bold", creator="Tally.ERP 9")
    p.text(297, 36, "PURCHASE ORDER", 12, bold=True, align="center")
    p.box(30, 46, 270, 84)
    p.text(34, 58, o.buyer, 9, bold=True)
    for i, part in enumerate(o.address.split(", ")[:4]):
        p.text(34, 70 + i * 10, part, 7.5)
    p.text(34, 122, "GSTIN/UIN: 29AAKCK4127M1Z" + str(len(o.buyer) % 10), 7)
    facts = [
        ("Voucher No.", o.number),
        ("Dated", o.d(o.ordered, "d_mon_y").replace(" ", "-")),
        ("Mode/Terms of Payment", o.payment or ""),
        ("Supplier's Ref./Order No.", "-"),
        ("Delivery Date", o.d(o.due)),
        ("Terms of Delivery", "Door delivery"),
    ]
    for k, (label, value) in enumerate(facts):
        x, y = 300 + (k % 2) * 137.5, 46 + (k // 2) * 28
        p.box(x, y, 137.5, 28)
        p.text(x + 3, y + 9, label, 6.5)
        p.text(x + 3, y + 21, value, 8, bold=k == 0)
    p.box(30, 130, 545, 40)
    p.text(34, 142, "Supplier (Bill from)", 6.5)
    p.text(34, 154, SUPPLIER, 8.5, bold=True)
    p.text(34, 165, SUPPLIER_ADDR, 7)
    widths = [24, 175, 60, 52, 40, 70, 25, 94]
    rows = [["Sl", "Description of Goods", "HSN/SAC", "Quantity", "per", "Rate", "Disc", "Amount"]]
    for j, (ln, code) in enumerate(zip(o.lines, hsn), 1):
        rows.append([str(j), f"{ln.code} {ln.text}", code, f"{o.q(ln.qty)} {ln.unit}", ln.unit, o.n(ln.price), "",
                     o.n(ln.amount)])  # fmt: skip
    half = money(o.tax / 2, o.currency)
    taxes = (
        [["", f"IGST @ {o.vat}%", "", "", "", "", "", o.n(o.tax)]]
        if interstate
        else [
            ["", f"CGST @ {o.vat / 2}%", "", "", "", "", "", o.n(half)],
            ["", f"SGST @ {o.vat / 2}%", "", "", "", "", "", o.n(o.tax - half)],
        ]
    )
    qsum = sum((ln.qty for ln in o.lines), Decimal(0))
    rows += taxes + [["", "Total", "", o.q(qsum), "", "", "", f"₹ {o.n(o.gross)}"]]
    y = grid(p, 30, 176, widths, "llcrcrcr", rows, size=7.5, height=17)
    p.text(34, y + 14, "Amount Chargeable (in words)", 7)
    p.text(575, y + 14, "E. & O.E", 7, align="right")
    p.text(34, y + 28, "Indian Rupees as per total above only", 8, bold=True)
    p.text(575, y + 70, f"for {o.buyer}", 8, bold=True, align="right")
    p.text(575, y + 110, "Authorised Signatory", 7.5, align="right")
    p.text(297, 815, "This is a Computer Generated Document", 6.5, align="center")
    p.save()


def letter_pdf(path: Path, o: Order, paras: list[str], closing: list[str], *, creator: str, sign: str) -> None:
    """reportlab platypus, a typed letter: letterhead, the supplier's address, a date line, the
    order in sentences, a small unruled table, the sum in a sentence, regards and signature."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    reg, bf = rl_font("serif"), rl_font("bold")
    body = ParagraphStyle("p", fontName=reg, fontSize=9.5, leading=13)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, creator=creator, leftMargin=60, rightMargin=60)
    story: list[Any] = [
        Paragraph(esc(o.buyer), ParagraphStyle("h", fontName=bf, fontSize=13, leading=16)),
        Paragraph(esc(o.address), ParagraphStyle("a", fontName=reg, fontSize=8, leading=10)),
        Spacer(1, 22),
        Paragraph(esc(SUPPLIER), body),
        Paragraph(esc(SUPPLIER_ADDR), body),
        Spacer(1, 14),
    ]
    story += [Paragraph(esc(t), body) for t in paras] + [Spacer(1, 8)]
    rows = [[ln.code, ln.text, f"{o.q(ln.qty)} {ln.unit}", f"{sign}{o.n(ln.price)}", f"{sign}{o.n(ln.amount)}"]
            for ln in o.lines]  # fmt: skip
    t = Table(rows, colWidths=[80, 190, 60, 70, 75])
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), reg, 8.5), ("ALIGN", (2, 0), (-1, -1), "RIGHT")]))
    story += [t, Spacer(1, 10)]
    story += [Paragraph(esc(t), body) for t in closing]
    doc.build(story)


def esc(s: str) -> str:
    return escape(s, quote=False)


# ----------------------------------------------------------------------------- Word


def docx_form(
    path: Path,
    o: Order,
    *,
    sign: str = "",
    font: str = "DejaVu Sans",
    author: str,
    rtl: bool = False,
    title: str | None = None,
    notes: list[str] | None = None,
) -> None:
    """python-docx, a form in one big table: the title over the full width (merged), the buyer and
    the supplier side by side, the facts as label/value pairs two a row, the lines, the sums in
    rows whose label spans the first columns; nothing outside the table but the notes."""
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    w = o.w
    doc = docx.Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.5)
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(8.5)
    rows = line_rows(o, sign=sign)
    ncol = len(rows[0])
    t = doc.add_table(rows=0, cols=ncol)
    t.style = "Table Grid"

    def merged_row(parts: list[tuple[int, int, str, bool]]) -> None:
        cells = t.add_row().cells
        for a, b, text, bold in parts:
            c = cells[a].merge(cells[b]) if b > a else cells[a]
            run = c.paragraphs[0].add_run(text)
            run.bold = bold

    merged_row([(0, ncol - 1, title or w["title"], True)])
    merged_row(
        [
            (0, 2, f"{w['buyer']}:\n{o.buyer}\n{o.address}", False),
            (3, ncol - 1, f"{w['supplier']}:\n{SUPPLIER}\n{SUPPLIER_ADDR}", False),
        ]
    )
    pairs = head_pairs(o)[:3] + [(w["pay"], o.payment or "-")]
    for a, b in zip(pairs[::2], pairs[1::2]):
        merged_row([(0, 1, a[0], True), (2, 2, a[1], False), (3, 4, b[0], True), (5, ncol - 1, b[1], False)])
    for k, row in enumerate(rows):
        cells = t.add_row().cells
        for c, v in zip(cells, row):
            run = c.paragraphs[0].add_run(v)
            run.bold = k == 0
            run.font.size = Pt(8)
    for label, value in sums(o, sign):
        merged_row([(0, ncol - 2, label, True), (ncol - 1, ncol - 1, value, True)])
    if rtl:
        t._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    for text in notes or []:
        doc.add_paragraph(text)
    docx_save(doc, path, author)


def docx_letter(
    path: Path,
    o: Order,
    paras: list[str],
    closing: list[str],
    *,
    sign: str = "",
    author: str,
    font: str = "DejaVu Serif",
    rtl: bool = False,
    header_no: bool = False,
) -> None:
    """python-docx, a letter: letterhead paragraphs, the order's facts in the running text, the lines
    in a light table with a sums row, the closing; ``header_no`` puts the number in the page header."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    w = o.w
    doc = docx.Document()
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(10)
    pars = []
    if header_no:
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = f"{w['no']}: {o.number}"
        pars.append(hp)
    head = doc.add_paragraph()
    head.add_run(o.buyer).bold = True
    head.add_run("\n" + o.address)
    pars.append(head)
    pars.append(doc.add_paragraph(f"{SUPPLIER}\n{SUPPLIER_ADDR}"))
    for text in paras:
        pars.append(doc.add_paragraph(text))
    rows = line_rows(o, sign=sign, pos=False)
    t = doc.add_table(rows=0, cols=len(rows[0]))
    t.style = "Light List"
    for k, row in enumerate(rows):
        cells = t.add_row().cells
        for c, v in zip(cells, row):
            c.paragraphs[0].add_run(v).bold = k == 0
            if k and v and v[-1].isdigit():
                c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pars.append(c.paragraphs[0])
    for label, value in sums(o, sign):
        cells = t.add_row().cells
        cells[-2].paragraphs[0].add_run(label).bold = True
        cells[-1].paragraphs[0].add_run(value).bold = True
    for text in closing:
        pars.append(doc.add_paragraph(text))
    if rtl:
        for par in pars:
            ppr = par._p.get_or_add_pPr()
            ppr.append(OxmlElement("w:bidi"))
        t._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    docx_save(doc, path, author)


# ----------------------------------------------------------------------------- workbooks


def xlsx_stacked(
    path: Path,
    o: Order,
    *,
    author: str,
    second: str | None = None,
    formulas: bool = False,
    rtl: bool = False,
    group: tuple[str, str] = ("", ""),
    sign_format: str = "#,##0.00",
) -> None:
    """openpyxl: a merged title, the facts in two blocks side by side (labels in A and E), a header
    over two rows (a merged group heading over the price and the amount), the lines, sums with
    merged labels; ``second``: an instructions sheet first, the order on the second; ``formulas``:
    amounts and sums as formulas (no cached values: LibreOffice recalculates them when it saves)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    w = o.w
    wb = openpyxl.Workbook()
    ws = wb.active
    if second:
        ws.title = second
        ws["A1"] = second
        ws["A3"] = "1."
        ws["B3"] = f"{w['no']}, {w['date']}, {w['due']}"
        ws["A4"] = "2."
        ws["B4"] = f"{w['qty']} × {w['price']} = {w['amount']}"
        ws = wb.create_sheet(w["title"][:28])
    ws.sheet_view.rightToLeft = rtl
    ws.merge_cells("A1:G1")
    ws["A1"] = w["title"]
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = o.buyer
    ws["A2"].font = Font(bold=True)
    ws["A3"] = o.address
    left = [(w["no"], o.number), (w["date"], o.ordered), (w["due"], o.due)]
    right = [(w["supplier"], SUPPLIER), (w["buyer"], o.person), (w["pay"], o.payment or "-")]
    for i, ((a, b), (c, e)) in enumerate(zip(left, right), 5):
        ws.cell(i, 1, a).font = Font(bold=True)
        cell = ws.cell(i, 2, b)
        if isinstance(b, date):
            cell.number_format = {"dmy": "dd/mm/yyyy", "dot": "dd.mm.yyyy", "iso": "yyyy-mm-dd"}.get(
                LOCS[o.loc].dates, "dd/mm/yyyy")  # fmt: skip
        ws.cell(i, 5, c).font = Font(bold=True)
        ws.cell(i, 6, e)
    top = 10
    heads = ["#", w["item"], w["desc"], w["qty"], w["unit"], w["price"], w["amount"]]
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=7)
    ws.cell(top, 6, group[0] or o.currency).alignment = Alignment(horizontal="center")
    for c in range(1, 6):
        ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
        ws.cell(top, c, heads[c - 1]).font = Font(bold=True)
    ws.cell(top + 1, 6, heads[5]).font = Font(bold=True)
    ws.cell(top + 1, 7, heads[6]).font = Font(bold=True)
    r = top + 2
    first = r
    for j, ln in enumerate(o.lines, 1):
        ws.cell(r, 1, j)
        ws.cell(r, 2, ln.code)
        ws.cell(r, 3, ln.text)
        ws.cell(r, 4, int(ln.qty))
        ws.cell(r, 5, ln.unit)
        ws.cell(r, 6, float(ln.price)).number_format = sign_format
        amount = f"=ROUND(D{r}*F{r},{0 if o.currency in WHOLE else 2})" if formulas else float(ln.amount)
        ws.cell(r, 7, amount).number_format = sign_format
        r += 1
    last = r - 1
    r += 1
    for k, (label, value) in enumerate(sum_values(o)):
        ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=6)
        ws.cell(r, 5, label).font = Font(bold=True)
        if formulas and k == 0:
            ws.cell(r, 7, f"=SUM(G{first}:G{last})")
        elif formulas and o.vat and k == 1:
            ws.cell(r, 7, f"=ROUND(G{r - 1}*{o.vat}/100,2)")
        elif formulas and k == 2:
            ws.cell(r, 7, f"=G{r - 2}+G{r - 1}")
        else:
            ws.cell(r, 7, float(value))
        ws.cell(r, 7).number_format = sign_format
        r += 1
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 38
    ws.column_dimensions["G"].width = 14
    xlsx_save(wb, path, author)


# ----------------------------------------------------------------------------- text, HTML and mail


def plain_table(rows: list[list[str]], right_from: int = 3) -> list[str]:
    """Rows as columns of text padded with spaces (figures right-aligned from ``right_from`` on)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(wd) if i >= right_from else c.ljust(wd) for i, (c, wd) in enumerate(zip(r, widths))]
        out.append("  ".join(cells).rstrip())
    return out


def html_rows(rows: list[list[str]], *, table: str, th: str, td: str, right_from: int = 3) -> str:
    """An HTML table; the first row as headings."""
    out = [f"<table {table}>"]
    for k, r in enumerate(rows):
        tag, style = ("th", th) if k == 0 else ("td", td)
        cells = "".join(
            f'<{tag} style="{style}{"text-align:right;" if i >= right_from and k else ""}">{esc(c)}</{tag}>'
            for i, c in enumerate(r)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def csv_text(rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def scan_of(src: Path, r: random.Random, *, dpi: int, angle: float, noise: int, fax: bool = False) -> list[Any]:
    """The pages of ``src`` as a scanner (grey, specked, turned) or a fax (black and white) makes them."""
    pages = []
    for pg in rasterise(src, dpi):
        pg = scanned(pg, r, angle=angle, noise=noise)
        if fax:
            pg = pg.point(lambda v: 255 if v > 150 else 0).convert("1")
        pages.append(pg)
    return pages


# ----------------------------------------------------------------------------- the families: PDF


@family("en-us-oracle-spool-need-by", "oracle-ebs-spool-pdf")
def en_us_oracle(m: Maker) -> None:
    """An Oracle EBS standard purchase order in a fixed font: dates as 14-NOV-26, a NEED-BY row
    under each line, freight and the total at the end, no sales tax (bought for resale)."""
    for k in range(4):
        name = f"en-us-oracle-{k}"
        o = m.order(name, "en-US", 2 + k % 3, digits(1100000, 1199999), k=k)
        o.payment = "Net 45" if k % 2 == 0 else None
        o.freight = Decimal([0, "145.00", 0, "62.50"][k])
        text_pages_pdf(m.path(f"pdf/{name}.pdf"), oracle_spool(o), creator="Oracle Reports", font="Courier")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-oracle-spool-need-by")


@family("en-gb-dynamics-label-boxes", "reportlab-canvas-label-boxes")
def en_gb_boxes(m: Maker) -> None:
    """Business Central style: the head in ruled boxes with the label in small type above each
    value, pound signs on every figure, a discount on some orders, VAT at 20%."""
    for k in range(4):
        name = f"en-gb-boxes-{k}"
        o = m.order(name, "en-GB", 3 + k % 2, digits(10400, 10999, "PO-"), k=k)
        o.payment = LOCS["en-GB"].pay if k != 2 else None
        o.off = Decimal([0, "2.5", 0, 5][k])
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="Microsoft Dynamics 365 Business Central", sign="£")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-gb-dynamics-label-boxes")


@family("en-in-tally-gst-lakh", "tally-canvas-gst")
def en_in_tally(m: Maker) -> None:
    """A Tally purchase order from India: facts in boxes beside the buyer, HSN codes, CGST and SGST
    (or IGST) as rows of the lines table, figures grouped in lakhs."""
    for k in range(4):
        name = f"en-in-tally-{k}"
        o = m.order(name, "en-IN", 2 + k % 3, lambda r: f"KPC/PO/{r.randrange(100, 999)}/26-27", k=k)
        o.payment = LOCS["en-IN"].pay
        r = m.r(name)
        hsn = [str(r.choice([7318, 7616, 4016, 8537, 3926, 8481, 7326, 8544])) + "00" for _ in o.lines]
        tally_pdf(m.path(f"pdf/{name}.pdf"), o, hsn, interstate=k % 2 == 1)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-in-tally-gst-lakh")


PORTAL_EN = {
    "status": "Issued", "created": "Created", "requester": "Requester", "company": "Bill To",
    "supplier": "Supplier", "ship": "Ship To", "terms": "Payment Terms", "lines": "Lines", "part": "Supplier Part #",
    "needby": "Need By", "qty": "Qty", "price": "Price",
}  # fmt: skip


@family("en-us-portal-line-cards", "fpdf2-procurement-portal")
def en_us_portal(m: Maker) -> None:
    """A procurement portal's printable order: the lines as cards, each with its part number, need-by
    date, quantity, price and line total on rows of their own."""
    for k in range(4):
        name = f"en-us-portal-{k}"
        o = m.order(name, "en-US", 2 + (k + 1) % 3, digits(3000, 3999, "PO"), k=k + 1)
        o.payment = "Net 30" if k % 2 else None
        o.freight = Decimal([0, 0, "38.00", 0][k])
        portal_pdf(m.path(f"pdf/{name}.pdf"), o, sign="$", title="Purchase Order", labels=PORTAL_EN)
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-us-portal-line-cards")


@family("de-sap-spool-two-pages", "sap-r3-spool-pdf")
def de_sap(m: Maker) -> None:
    """An SAP R/3 order printed from the spool: two positions a page, the head repeated on every
    page with "Seite n/m", a delivery date row under each position, the sums on the last page."""
    for k in range(4):
        name = f"de-sap-{k}"
        o = m.order(name, "de", 3 + k % 3, digits(4500100000, 4500199999), k=k)
        o.payment = LOCS["de"].pay if k != 1 else None
        text_pages_pdf(m.path(f"pdf/{name}.pdf"), sap_spool(o), creator="SAP NetWeaver Spool")
        m.add(f"pdf/{name}.pdf", o.golden(), "de", "de-sap-spool-two-pages")


ODOO = {
    "zh": {"title": "采购订单", "rep": "采购代表", "ordered": "订单日期", "deadline": "订单截止日期", "desc": "说明",
           "taxes": "税", "datereq": "需求日期", "qty": "数量", "price": "单价", "amount": "金额",
           "untaxed": "未含税金额", "total": "总计", "terms": "付款条款"},
    "el": {"title": "Παραγγελία αγοράς", "rep": "Υπεύθυνος αγορών", "ordered": "Ημερομηνία παραγγελίας",
           "deadline": "Προθεσμία", "desc": "Περιγραφή", "taxes": "Φόροι", "datereq": "Ημ. απαίτησης",
           "qty": "Ποσότητα", "price": "Τιμή μονάδας", "amount": "Ποσό", "untaxed": "Αφορολόγητο ποσό",
           "total": "Σύνολο", "terms": "Όροι πληρωμής"},
}  # fmt: skip


@family("zh-odoo-print-tax-column", "reportlab-platypus-odoo-like")
def zh_odoo(m: Maker) -> None:
    """Chinese, in the manner of an Odoo print: the supplier's address first, the title with the
    number, three facts with their labels above, a taxes column and a need-by date on each line,
    untaxed amount, taxes and total."""
    for k in range(4):
        name = f"zh-odoo-{k}"
        o = m.order(name, "zh", 2 + k % 3, digits(10000, 99999, "P"), k=k)
        o.payment = LOCS["zh"].pay if k % 2 else None
        odoo_pdf(m.path(f"pdf/{name}.pdf"), o, creator="Odoo", font="cjk0", bold="cjk1", sign="¥", labels=ODOO["zh"])
        m.add(f"pdf/{name}.pdf", o.golden(), "zh", "zh-odoo-print-tax-column")


@family("el-odoo-print-fpa", "reportlab-platypus-odoo-like")
def el_odoo(m: Maker) -> None:
    """Greek, the Odoo-like print: a taxes column reading 24%, euro signs on the amounts only."""
    for k in range(4):
        name = f"el-odoo-{k}"
        o = m.order(name, "el", 2 + (k + 2) % 3, digits(100, 999, "ΠΑΡ-2026-"), k=k)
        o.payment = LOCS["el"].pay if k != 3 else None
        odoo_pdf(m.path(f"pdf/{name}.pdf"), o, creator="Odoo", sign="€ ", labels=ODOO["el"])
        m.add(f"pdf/{name}.pdf", o.golden(), "el", "el-odoo-print-fpa")


@family("ja-reiwa-boxes-zeikomi", "reportlab-canvas-label-boxes-cjk")
def ja_reiwa(m: Maker) -> None:
    """Japanese, dated in the Reiwa era (令和8年11月14日), the head in label-over-value boxes, the
    total printed as 合計金額（税込）."""
    for k in range(4):
        name = f"ja-reiwa-{k}"
        o = m.order(name, "ja", 2 + k % 3, digits(260000, 269999, "HS-"), k=k)
        o.payment = LOCS["ja"].pay if k % 2 == 0 else None
        totals = [(a.replace("合計金額", "合計金額（税込）"), "¥" + b) for a, b in sums(o)]
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="奉行クラウド", font="cjk0", bold="cjk1", totals=totals,
                  two_row=k % 2 == 1)  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "ja", "ja-reiwa-boxes-zeikomi")


@family("es-mx-boxes-two-row-lines", "reportlab-canvas-label-boxes")
def es_mx_boxes(m: Maker) -> None:
    """Mexican Spanish: dates as 14/nov/2026, the description on a row of its own under each code,
    IVA at 16%, dollar signs for pesos."""
    for k in range(4):
        name = f"es-mx-boxes-{k}"
        o = m.order(name, "es-MX", 2 + (k + 1) % 3, digits(20000, 29999, "OC-"), k=k)
        o.payment = LOCS["es-MX"].pay if k != 0 else None
        o.freight = Decimal([0, "850.00", 0, "1200.00"][k])
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="CONTPAQi Comercial", sign="$", two_row=True)
        m.add(f"pdf/{name}.pdf", o.golden(), "es", "es-mx-boxes-two-row-lines")


@family("pt-br-boxes-ipi", "reportlab-canvas-label-boxes")
def pt_br_ipi(m: Maker) -> None:
    """Brazilian Portuguese: the products' total, IPI at 5% and the order's total; R$ on every figure,
    European digit grouping; NCM codes in a column of their own."""
    for k in range(4):
        name = f"pt-br-ipi-{k}"
        o = m.order(name, "pt-BR", 2 + k % 3, digits(4000, 8999), k=k)
        o.payment = LOCS["pt-BR"].pay if k % 2 else None
        r = m.r(name)
        ncm = [f"{r.choice([7318, 7616, 4016, 8537, 3926, 8481])}.{r.randrange(10, 99)}.00" for _ in o.lines]
        totals = [("Total dos produtos", "R$ " + o.n(o.net)), ("Valor do IPI (5%)", "R$ " + o.n(o.tax)),
                  ("Valor total do pedido", "R$ " + o.n(o.gross))]  # fmt: skip
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="TOTVS Protheus", sign="R$ ", totals=totals,
                  extra_cols=("NCM", ncm))  # fmt: skip
        m.add(f"pdf/{name}.pdf", o.golden(), "pt", "pt-br-boxes-ipi")


@family("cs-boxes-pohoda-kc", "reportlab-canvas-label-boxes")
def cs_boxes(m: Maker) -> None:
    """Czech: the head in boxes, dates as 14. 11. 2026, figures grouped with spaces, the amounts in
    Kč named in the column's heading, DPH at 21%, sometimes a discount."""
    for k in range(4):
        name = f"cs-boxes-{k}"
        o = m.order(name, "cs", 3 + k % 2, digits(260100, 260999, "OV"), k=k)
        o.payment = LOCS["cs"].pay if k != 3 else None
        o.off = Decimal([0, 3, 0, 0][k])
        totals = [(a, b + " Kč") for a, b in sums(o)]
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="POHODA", totals=totals)
        m.add(f"pdf/{name}.pdf", o.golden(), "cs", "cs-boxes-pohoda-kc")


@family("ro-sap-spool-pages", "sap-r3-spool-pdf")
def ro_sap(m: Maker) -> None:
    """Romanian, the SAP spool over two or three pages: head repeated, TVA 21%."""
    for k in range(4):
        name = f"ro-sap-{k}"
        o = m.order(name, "ro", 3 + (k + 1) % 3, digits(4100020000, 4100029999), k=k)
        o.payment = LOCS["ro"].pay if k % 2 == 0 else None
        text_pages_pdf(m.path(f"pdf/{name}.pdf"), sap_spool(o), creator="SAP NetWeaver Spool")
        m.add(f"pdf/{name}.pdf", o.golden(), "ro", "ro-sap-spool-pages")


@family("sv-typed-letter-pdf", "reportlab-platypus-letter")
def sv_letter(m: Maker) -> None:
    """Swedish, a typed letter: the order, its date and delivery date in sentences, a small
    unruled table, the sum with and without moms in a sentence."""
    for k in range(4):
        name = f"sv-letter-{k}"
        o = m.order(name, "sv", 2 + k % 2, digits(7000, 7999, "IO-"), k=k)
        o.payment = LOCS["sv"].pay if k % 2 else None
        paras = [
            f"{o.address.split(',')[-1].strip().split(' ', 2)[-1]}, {o.d(o.ordered)}",
            f"Beställning {o.number}",
            "Hej,",
            f"Vi beställer härmed nedanstående artiklar med leverans senast {o.d(o.due)}. Ange vårt "
            f"ordernummer {o.number} på följesedel och faktura.",
        ]
        closing = [
            f"Summa exkl. moms {o.n(o.net)} kr, moms 25 % {o.n(o.tax)} kr, att betala {o.n(o.gross)} kr.",
            *([f"Betalningsvillkor: {o.payment}."] if o.payment else []),
            "Med vänlig hälsning",
            f"{o.person}, inköp",
            o.buyer,
        ]
        letter_pdf(m.path(f"pdf/{name}.pdf"), o, paras, closing, creator="Microsoft Word", sign="")
        m.add(f"pdf/{name}.pdf", o.golden(), "sv", "sv-typed-letter-pdf")


@family("en-sg-letter-gst-pdf", "reportlab-platypus-letter")
def en_sg_letter(m: Maker) -> None:
    """Singapore English, a letter of order: "Please supply the following", a table without
    headings, GST at 9% in the closing sentence."""
    for k in range(4):
        name = f"en-sg-letter-{k}"
        o = m.order(name, "en-SG", 2 + (k + 2) % 3, lambda r: f"JMA/PUR/{r.randrange(1000, 9999)}", k=k)
        o.payment = LOCS["en-SG"].pay if k != 1 else None
        paras = [
            o.d(o.ordered),
            f"Our Ref: {o.number}",
            "Dear Sirs,",
            f"PURCHASE ORDER {o.number}",
            f"With reference to your quotation, please supply the following for delivery on or before "
            f"{o.d(o.due)} to our premises at {o.address}.",
        ]
        closing = [
            f"The total value of this order is S${o.n(o.gross)} inclusive of 9% GST (S${o.n(o.tax)}).",
            *([f"Payment terms: {o.payment}."] if o.payment else []),
            "Yours faithfully,",
            o.person,
            f"Purchasing, {o.buyer}",
        ]
        letter_pdf(m.path(f"pdf/{name}.pdf"), o, paras, closing, creator="Microsoft Word", sign="S$")
        m.add(f"pdf/{name}.pdf", o.golden(), "en", "en-sg-letter-gst-pdf")


@family("it-fpdf-sconto-trasporto", "fpdf2-ruled-cells")
def it_fpdf(m: Maker) -> None:
    """Italian, fpdf2: the head as a label column and a value column on the left and the supplier in
    a box on the right, the lines in ruled cells, a document discount and the freight before IVA."""
    for k in range(4):
        name = f"it-fpdf-{k}"
        o = m.order(name, "it", 2 + k % 3, lambda r: f"{r.randrange(100, 999)}/2026", k=k)
        o.payment = LOCS["it"].pay if k % 2 == 0 else None
        o.off = Decimal([3, 0, 5, 0][k])
        o.freight = Decimal(["45.00", "60.00", 0, "25.00"][k])
        w = o.w
        pdf = fpdf_new()
        pdf.add_page()
        pdf.set_font("dv", "B", 13)
        pdf.cell(0, 7, o.buyer, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 7.5)
        pdf.cell(0, 4, o.address, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        top = pdf.get_y()
        for a, b in head_pairs(o)[:3] + [(w["pay"], o.payment or "—")]:
            pdf.set_font("dv", "B", 8)
            pdf.cell(32, 5.5, a, border=1)
            pdf.set_font("dv", "", 8)
            pdf.cell(58, 5.5, b, border=1, new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(110, top)
        pdf.set_font("dv", "", 8)
        pdf.multi_cell(88, 5.5, f"Spett.le\n{SUPPLIER}\n{SUPPLIER_ADDR}", border=1)
        pdf.set_y(top + 30)
        pdf.set_font("dv", "B", 12)
        pdf.cell(0, 8, f"{w['title']} N. {o.number}", new_x="LMARGIN", new_y="NEXT")
        widths = [28, 70, 20, 12, 26, 30]
        rows = line_rows(o, pos=False)
        for i, row in enumerate(rows):
            pdf.set_font("dv", "B" if i == 0 else "", 7.5)
            for wd, c, a in zip(widths, row, "LLRCRR"):
                pdf.cell(wd, 6, c, border=1, align=a)
            pdf.ln(6)
        pdf.ln(3)
        for label, value in sums(o, "€ "):
            pdf.set_font("dv", "B", 8.5)
            pdf.cell(136, 5.5, label, align="R")
            pdf.cell(50, 5.5, value, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", o.golden(), "it", "it-fpdf-sconto-trasporto")


# ----------------------------------------------------------------------------- the families: Word and LibreOffice


@family("zh-hant-docx-form-merged", "python-docx-form-table")
def zh_hant_form(m: Maker) -> None:
    """Traditional Chinese (Taiwan), a Word form in one table: merged title row, buyer and supplier
    side by side, facts two a row, lines, sums whose labels span the first columns; 營業稅 5%."""
    for k in range(4):
        name = f"zh-hant-form-{k}"
        o = m.order(name, "zh-Hant", 2 + k % 3, digits(11500000, 11599999, "PO"), k=k)
        o.payment = LOCS["zh-Hant"].pay if k % 2 == 0 else None
        docx_form(m.path(f"docx/{name}.docx"), o, font="WenQuanYi Zen Hei", author=o.person, sign="NT$")
        m.add(f"docx/{name}.docx", o.golden(), "zh-Hant", "zh-hant-docx-form-merged")


@family("ko-docx-form-merged", "python-docx-form-table")
def ko_form(m: Maker) -> None:
    """Korean, the one-table Word form: dates as 2026. 11. 14., won without decimals, 부가세 10%."""
    for k in range(4):
        name = f"ko-form-{k}"
        o = m.order(
            name, "ko", 2 + (k + 1) % 3, lambda r: f"PO-2026{r.randrange(1100, 1199)}-{r.randrange(10, 99)}", k=k
        )
        o.payment = LOCS["ko"].pay if k != 2 else None
        docx_form(m.path(f"docx/{name}.docx"), o, font="WenQuanYi Zen Hei", author=o.person, sign="₩")
        m.add(f"docx/{name}.docx", o.golden(), "ko", "ko-docx-form-merged")


@family("hi-docx-form-lakh", "python-docx-form-table")
def hi_form(m: Maker) -> None:
    """Hindi, the one-table Word form: rupee signs, figures grouped in lakhs, GST 18%."""
    for k in range(4):
        name = f"hi-form-{k}"
        o = m.order(name, "hi", 2 + k % 3, lambda r: f"GEW/{r.randrange(100, 999)}/2026-27", k=k)
        o.payment = LOCS["hi"].pay if k % 2 else None
        docx_form(m.path(f"docx/{name}.docx"), o, author=o.person, sign="₹")
        m.add(f"docx/{name}.docx", o.golden(), "hi", "hi-docx-form-lakh")


@family("de-ch-docx-brief-swiss-digits", "python-docx-letter")
def de_ch_letter(m: Maker) -> None:
    """Swiss German, a Word letter: the order in the running text ("Bestellung Nr. … vom …"),
    figures with apostrophes (12'450.00), MWST 8.1%, the number in the page header too."""
    for k in range(4):
        name = f"de-ch-brief-{k}"
        o = m.order(name, "de-CH", 2 + k % 3, digits(80000, 89999, "B-"), k=k)
        o.payment = LOCS["de-CH"].pay if k % 2 == 0 else None
        paras = [
            f"{o.address.split(', ')[-1].split(' ', 1)[-1]}, {o.d(o.ordered)}",
            f"Bestellung Nr. {o.number} vom {o.d(o.ordered)}",
            "Sehr geehrte Damen und Herren",
            f"Gestützt auf Ihre Offerte bestellen wir zur Lieferung bis {o.d(o.due)} frei Haus:",
        ]
        closing = [
            *([f"Zahlung: {o.payment}."] if o.payment else []),
            "Freundliche Grüsse",
            o.person,
            o.buyer,
        ]
        docx_letter(m.path(f"docx/{name}.docx"), o, paras, closing, author=o.person, header_no=True, sign="CHF ")
        m.add(f"docx/{name}.docx", o.golden(), "de", "de-ch-docx-brief-swiss-digits")


@family("th-docx-letter-buddhist-year", "python-docx-letter")
def th_letter(m: Maker) -> None:
    """Thai, a Word letter: dates in the Buddhist era (14 พ.ย. 2569), baht, VAT 7%."""
    for k in range(4):
        name = f"th-letter-{k}"
        o = m.order(name, "th", 2 + (k + 1) % 3, digits(6900100, 6900999, "PO"), k=k)
        o.payment = LOCS["th"].pay if k != 1 else None
        paras = [
            f"วันที่ {o.d(o.ordered, 'th_long')}",
            f"เรื่อง ใบสั่งซื้อเลขที่ {o.number}",
            f"เรียน {SUPPLIER}",
            f"บริษัทฯ ขอสั่งซื้อสินค้าตามรายการด้านล่าง กำหนดส่งภายในวันที่ {o.d(o.due, 'th_long')}",
        ]
        closing = [
            *([f"เงื่อนไขการชำระเงิน: {o.payment}"] if o.payment else []),
            "ขอแสดงความนับถือ",
            o.person,
            o.buyer,
        ]
        docx_letter(m.path(f"docx/{name}.docx"), o, paras, closing, author=o.person, font="Tahoma")
        m.add(f"docx/{name}.docx", o.golden(), "th", "th-docx-letter-buddhist-year")


@family("fa-docx-letter-rtl-dirham", "python-docx-letter-rtl")
def fa_letter(m: Maker) -> None:
    """Persian, a right-to-left Word letter from a Dubai trading house: Latin part codes and figures,
    dirhams, VAT 5%."""
    for k in range(4):
        name = f"fa-letter-{k}"
        o = m.order(name, "fa", 2 + k % 3, digits(1400, 1999, "DK-"), k=k)
        o.payment = LOCS["fa"].pay if k % 2 == 0 else None
        paras = [
            f"تاریخ: {o.d(o.ordered)}",
            f"شماره: {o.number}",
            f"جناب آقای مدیر فروش {SUPPLIER}",
            f"با سلام، خواهشمند است کالاهای زیر را تا تاریخ {o.d(o.due)} تحویل فرمایید.",
        ]
        closing = [*([f"شرایط پرداخت: {o.payment}"] if o.payment else []), "با تشکر", o.person, o.buyer]
        docx_letter(m.path(f"docx/{name}.docx"), o, paras, closing, author="Dibakish", rtl=True, font="Tahoma")
        m.add(f"docx/{name}.docx", o.golden(), "fa", "fa-docx-letter-rtl-dirham")


@family("fr-docx-form-printed", "libreoffice-docx-printed")
def fr_printed(m: Maker) -> None:
    """French, the one-table Word form printed to PDF by LibreOffice: Total HT, TVA 20 %, Total TTC,
    figures grouped with spaces."""
    for k in range(4):
        name = f"fr-form-{k}"
        o = m.order(name, "fr", 2 + k % 3, digits(2600, 2999, "BC"), k=k)
        o.payment = LOCS["fr"].pay if k != 2 else None
        src = m.work / f"f6-{name}.docx"
        docx_form(src, o, author=o.person, sign="")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "fr", "fr-docx-form-printed")


@family("uk-docx-letter-printed", "libreoffice-docx-printed")
def uk_printed(m: Maker) -> None:
    """Ukrainian, a Word letter printed to PDF by LibreOffice: dates as 14.11.2026 р., hryvnias,
    ПДВ 20%."""
    for k in range(4):
        name = f"uk-letter-{k}"
        o = m.order(name, "uk", 2 + (k + 1) % 3, digits(1000, 1999, "ЗП-"), k=k)
        o.payment = LOCS["uk"].pay if k % 2 else None
        paras = [
            f"Замовлення № {o.number} від {o.d(o.ordered)}",
            f"Директору {SUPPLIER}",
            f"Просимо поставити такі товари до {o.d(o.due)}:",
        ]
        closing = [*([f"Умови оплати: {o.payment}."] if o.payment else []), "З повагою,", o.person, o.buyer]
        src = m.work / f"f6-{name}.docx"
        docx_letter(src, o, paras, closing, author=o.person, sign="")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "uk", "uk-docx-letter-printed")


def shop_page(o: Order, sign: str, labels: dict[str, str]) -> str:
    """A web shop's 'order placed' page saved by a buyer: the cart as a table of divs-turned-table."""
    rows = [[labels["item"], labels["desc"], labels["qty"], labels["price"], labels["amount"]]]
    rows += [[ln.code, ln.text, f"{o.q(ln.qty)} {ln.unit}", f"{o.n(ln.price)} {sign}", f"{o.n(ln.amount)} {sign}"]
             for ln in o.lines]  # fmt: skip
    sums_html = "".join(
        f'<tr><td colspan="4" style="text-align:right">{esc(a)}</td><td style="text-align:right">{esc(b)} {sign}</td></tr>'
        for a, b in sums(o)
    )
    table = html_rows(
        rows,
        table='class="cart" style="width:100%;border-collapse:collapse"',
        th="border-bottom:2px solid #333;",
        td="border-bottom:1px solid #ccc;",
        right_from=2,
    )
    table = table.replace("</table>", sums_html + "</table>")
    return (
        '<!DOCTYPE html><html lang="pt"><head><meta charset="utf-8"><title>'
        f'{esc(labels["heading"])} {esc(o.number)}</title></head><body style="font-family:sans-serif">'
        f"<header><b>{esc(SUPPLIER)}</b> · B2B</header><h1>{esc(labels['heading'])} {esc(o.number)}</h1>"
        f"<p>{esc(labels['thanks'])}</p>"
        f"<dl><dt>{esc(labels['date'])}</dt><dd>{esc(o.d(o.ordered))}</dd>"
        f"<dt>{esc(labels['company'])}</dt><dd>{esc(o.buyer)}<br>{esc(o.address)}</dd>"
        f"<dt>{esc(labels['due'])}</dt><dd>{esc(o.d(o.due))}</dd>"
        + (f"<dt>{esc(labels['pay'])}</dt><dd>{esc(o.payment)}</dd>" if o.payment else "")
        + f"</dl>{table}<footer>{esc(o.person)} · {esc(o.mail)}</footer></body></html>"
    )


@family("pt-b2b-shop-page-printed", "libreoffice-html-printed")
def pt_shop(m: Maker) -> None:
    """European Portuguese, a supplier B2B shop's confirmation page as the buyer saved it, printed
    to PDF by LibreOffice: the euro sign after each figure, spaces between thousands."""
    labels = {"item": "Referência", "desc": "Artigo", "qty": "Quantidade", "price": "Preço unit.",
              "amount": "Subtotal", "heading": "Encomenda n.º", "thanks": "Obrigado pela sua encomenda.",
              "date": "Data da encomenda", "company": "Cliente", "due": "Entrega prevista",
              "pay": "Pagamento"}  # fmt: skip
    for k in range(4):
        name = f"pt-shop-{k}"
        o = m.order(name, "pt", 2 + k % 3, digits(100000, 199999, "WEB-"), k=k)
        o.payment = LOCS["pt"].pay if k % 2 else None
        src = m.work / f"f6-{name}.html"
        src.write_text(shop_page(o, "€", labels), encoding="utf-8")
        m.convert(src, "pdf", f"pdf/{name}.pdf", o.golden(), "pt", "pt-b2b-shop-page-printed",
                  "--infilter=HTML (StarWriter)")  # fmt: skip


# ----------------------------------------------------------------------------- the families: workbooks and exports


@family("fr-xlsx-second-sheet-stacked-head", "openpyxl-stacked-head")
def fr_xlsx(m: Maker) -> None:
    """French, a workbook whose first sheet explains how to fill it in and whose second holds the
    order: facts in two blocks, a heading over two rows with a merged 'EUR' over the prices."""
    for k in range(4):
        name = f"fr-xlsx-{k}"
        o = m.order(name, "fr", 2 + (k + 1) % 3, digits(5000, 5999, "CDE-26-"), k=k)
        o.payment = LOCS["fr"].pay if k % 2 == 0 else None
        xlsx_stacked(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, second="Mode d'emploi")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "fr", "fr-xlsx-second-sheet-stacked-head")


@family("tr-xlsx-merged-head-kdv", "openpyxl-stacked-head")
def tr_xlsx(m: Maker) -> None:
    """Turkish, a workbook with the heading over two rows ('Fiyat (TRY)' merged over unit price and
    amount), KDV 20%, dates as real cells."""
    for k in range(4):
        name = f"tr-xlsx-{k}"
        o = m.order(name, "tr", 2 + k % 3, digits(2026000, 2026999, "SAS"), k=k)
        o.payment = LOCS["tr"].pay if k != 0 else None
        xlsx_stacked(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, group=("Fiyat (TRY)", ""))
        m.add(f"xlsx/{name}.xlsx", o.golden(), "tr", "tr-xlsx-merged-head-kdv")


@family("hr-xlsx-upute-second-sheet", "openpyxl-stacked-head")
def hr_xlsx(m: Maker) -> None:
    """Croatian, the order on the second sheet after 'Upute', PDV 25%."""
    for k in range(4):
        name = f"hr-xlsx-{k}"
        o = m.order(name, "hr", 2 + (k + 2) % 3, lambda r: f"{r.randrange(100, 999)}-2026", k=k)
        o.payment = LOCS["hr"].pay if k % 2 else None
        xlsx_stacked(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, second="Upute")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "hr", "hr-xlsx-upute-second-sheet")


@family("vi-xlsx-dong-whole", "openpyxl-stacked-head")
def vi_xlsx(m: Maker) -> None:
    """Vietnamese, a workbook in dong without decimals, thuế GTGT 8%, the heading over two rows."""
    for k in range(4):
        name = f"vi-xlsx-{k}"
        o = m.order(name, "vi", 2 + k % 3, digits(100, 999, "ĐH-2026/"), k=k)
        o.payment = LOCS["vi"].pay if k % 2 == 0 else None
        xlsx_stacked(m.path(f"xlsx/{name}.xlsx"), o, author=o.person, group=("Giá (VND)", ""), sign_format="#,##0")
        m.add(f"xlsx/{name}.xlsx", o.golden(), "vi", "vi-xlsx-dong-whole")


@family("pl-xlsx-formulas-recalculated", "libreoffice-xlsx-formulas")
def pl_formulas(m: Maker) -> None:
    """Polish, a workbook whose amounts, net sum, VAT and gross are formulas, saved again by
    LibreOffice Calc (which stores the values it calculates)."""
    for k in range(4):
        name = f"pl-formulas-{k}"
        o = m.order(name, "pl", 2 + k % 3, lambda r: f"ZAM/{r.randrange(100, 999)}/11/2026", k=k)
        o.payment = LOCS["pl"].pay if k != 3 else None
        src = m.work / f"f6-{name}.xlsx"
        xlsx_stacked(src, o, author=o.person, formulas=True)
        m.convert(src, "xlsx", f"xlsx/{name}.xlsx", o.golden(), "pl", "pl-xlsx-formulas-recalculated")


@family("nb-xlsx-formulas-recalculated", "libreoffice-xlsx-formulas")
def nb_formulas(m: Maker) -> None:
    """Norwegian, the formula workbook saved again by LibreOffice Calc, on a second sheet; MVA 25%."""
    for k in range(4):
        name = f"nb-formulas-{k}"
        o = m.order(name, "nb", 2 + (k + 1) % 3, digits(45000, 45999), k=k)
        o.payment = LOCS["nb"].pay if k % 2 else None
        src = m.work / f"f6-{name}.xlsx"
        xlsx_stacked(src, o, author=o.person, formulas=True, second="Veiledning")
        m.convert(src, "xlsx", f"xlsx/{name}.xlsx", o.golden(), "nb", "nb-xlsx-formulas-recalculated")


@family("de-at-record-file-h-l-t", "csv-record-types")
def de_at_records(m: Maker) -> None:
    """Austrian German, a flat file of typed records separated by pipes: a head record (H), one
    line record per position (L) and a trailer (T); dates as 20261114, decimal points."""
    for k in range(4):
        name = f"de-at-records-{k}"
        o = m.order(name, "de-AT", 2 + k % 3, digits(700000, 799999), k=k)
        o.payment = None
        rows = [["H", o.number, o.d(o.ordered, "compact"), o.d(o.due, "compact"), o.buyer, o.currency, SUPPLIER]]
        for j, ln in enumerate(o.lines, 1):
            rows.append(["L", str(j), ln.code, ln.text, str(ln.qty), ln.unit, str(ln.price), str(ln.amount)])
        rows.append(["T", str(len(o.lines)), str(o.net), str(o.tax), str(o.gross)])
        m.path(f"csv/{name}.csv").write_text(csv_text(rows, "|"), encoding="utf-8")
        m.add(f"csv/{name}.csv", o.golden(), "de", "de-at-record-file-h-l-t")


@family("hu-csv-flat-latin2", "csv-flat-rows-latin2")
def hu_csv(m: Maker) -> None:
    """Hungarian, a semicolon export in ISO-8859-2 with the order's facts repeated on every row,
    dates as 2026.11.14., forint without decimals; no total printed."""
    for k in range(4):
        name = f"hu-csv-{k}"
        o = m.order(name, "hu", 2 + k % 3, digits(26000, 26999, "MR-"), k=k)
        w = o.w
        rows = [[w["no"], w["date"], w["due"], w["buyer"], w["item"], w["desc"], w["qty"], w["unit"], w["price"],
                 w["amount"], "Pénznem"]]  # fmt: skip
        for ln in o.lines:
            rows.append([o.number, o.d(o.ordered), o.d(o.due), o.buyer, ln.code, ln.text, o.q(ln.qty), ln.unit,
                         o.n(ln.price), o.n(ln.amount), o.currency])  # fmt: skip
        m.path(f"csv/{name}.csv").write_bytes(csv_text(rows, ";").encode("iso-8859-2"))
        m.add(f"csv/{name}.csv", o.golden(total=False), "hu", "hu-csv-flat-latin2")


@family("ar-csv-export-utf8", "csv-flat-rows")
def ar_csv(m: Maker) -> None:
    """Arabic, a comma export with a byte-order mark: the facts in a block of key/value rows, an
    empty row, the lines with Arabic headings, then the sums; riyals."""
    for k in range(4):
        name = f"ar-csv-{k}"
        o = m.order(name, "ar", 2 + (k + 1) % 3, digits(4500, 4999, "PO-SA-"), k=k)
        o.payment = LOCS["ar"].pay if k % 2 else None
        rows = [["الشركة", o.buyer]] + [[a, b] for a, b in head_pairs(o)] + [["العملة", o.currency], []]
        rows += line_rows(o)
        rows += [["", "", "", "", "", a, b] for a, b in sums(o)]
        m.path(f"csv/{name}.csv").write_text(csv_text(rows, ","), encoding="utf-8-sig")
        m.add(f"csv/{name}.csv", o.golden(), "ar", "ar-csv-export-utf8")


# ----------------------------------------------------------------------------- the families: mail


@family("es-apple-mail-lines-in-sentences", "email-apple-mail-text")
def es_apple(m: Maker) -> None:
    """Spanish, written in Apple Mail: one sentence a line ("300 ud. de HB8-123K (…) a 0,42 € = 126,00 €"),
    the IVA and total in a sentence, and our quotation quoted under "El … escribió:"."""
    for k in range(4):
        name = f"es-apple-{k}"
        o = m.order(name, "es", 2 + k % 3, digits(26000, 26999, "PC-"), k=k)
        o.payment = LOCS["es"].pay if k % 2 == 0 else None
        lines = [f"- {o.q(ln.qty)} {ln.unit}. de {ln.code} ({ln.text}) a {o.n(ln.price)} € = {o.n(ln.amount)} €"
                 for ln in o.lines]  # fmt: skip
        sent = sent_on(o.ordered)
        text = "\n".join(
            [
                "Buenos días:",
                "",
                f"Les confirmamos nuestro pedido {o.number} de fecha {o.d(o.ordered)}:",
                "",
                *lines,
                "",
                f"Base imponible {o.n(o.net)} €, IVA 21 % {o.n(o.tax)} €, total {o.n(o.gross)} €.",
                f"Fecha de entrega: {o.d(o.due)}.",
                *([f"Forma de pago: {o.payment}."] if o.payment else []),
                "",
                "Un saludo,",
                o.person,
                o.buyer,
                "",
                f"> El {sent.day - 3 if sent.day > 3 else sent.day} nov 2026, a las 16:02, Ventas <{SALES}> escribió:",
                ">",
                "> Estimados señores, adjuntamos nuestra oferta según lo solicitado.",
                "> Plazo de validez: 30 días.",
            ]
        )
        msg = mailer(o, name, f"Pedido {o.number}", text=text, headers={"X-Mailer": "Apple Mail (2.3826)"})
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "es", "es-apple-mail-lines-in-sentences")


@family("it-thunderbird-forward-text", "email-thunderbird-forward")
def it_forward(m: Maker) -> None:
    """Italian, a buyer's colleague forwards the order from Thunderbird: "-------- Messaggio inoltrato
    --------" with its own Oggetto/Data/Mittente lines, the order as a text table under it."""
    for k in range(4):
        name = f"it-forward-{k}"
        o = m.order(name, "it", 2 + (k + 1) % 3, lambda r: f"OA-{r.randrange(1000, 1999)}/26", k=k)
        o.payment = LOCS["it"].pay if k != 1 else None
        table = plain_table(line_rows(o))
        text = "\n".join(
            [
                "Ciao, ti giro l'ordine come da accordi.",
                "",
                "Marco",
                "",
                "-------- Messaggio inoltrato --------",
                f"Oggetto: \tOrdine di acquisto {o.number}",
                f"Data: \t{o.d(o.ordered)} 10:14",
                f"Mittente: \t{o.person} <{o.mail}>",
                f"A: \t{SALES}",
                "",
                f"Vi trasmettiamo l'ordine n. {o.number} del {o.d(o.ordered)}, consegna entro il {o.d(o.due)}.",
                "",
                *table,
                "",
                *[f"{a}: € {b}" for a, b in sums(o)],
                *([f"Pagamento: {o.payment}"] if o.payment else []),
                "",
                o.person,
                o.buyer,
            ]
        )
        msg = message(
            sender=("Marco Ferrari", f"m.ferrari@{o.mail.split('@')[1]}"),
            subject=f"Fwd: Ordine di acquisto {o.number}",
            key=f"f6-{name}",
            sent=sent_on(o.ordered, 11, 3),
            text=text,
            headers={"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Thunderbird/128.4.2"},
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "it", "it-thunderbird-forward-text")


@family("ja-gmail-html-table", "email-gmail-html")
def ja_gmail(m: Maker) -> None:
    """Japanese, from Gmail: a greeting, the order as an HTML table with inline styles, the totals
    as table rows, the plain part the same text with tabs; dates 2026年11月14日."""
    for k in range(4):
        name = f"ja-gmail-{k}"
        o = m.order(name, "ja", 2 + k % 3, digits(5000, 5999, "TK-"), k=k)
        o.payment = LOCS["ja"].pay if k % 2 else None
        w = o.w
        rows = line_rows(o, sign="¥")
        sums_rows = [["", "", "", "", "", a, b] for a, b in sums(o, "¥")]
        intro = [f"{SUPPLIER}", "ご担当者様", "", "いつもお世話になっております。", "下記の通り注文いたします。", "",
                 f"{w['no']}：{o.number}", f"{w['date']}：{o.d(o.ordered, 'zh')}", f"{w['due']}：{o.d(o.due, 'zh')}"]  # fmt: skip
        if o.payment:
            intro.append(f"{w['pay']}：{o.payment}")
        outro = ["", "よろしくお願いいたします。", "", o.buyer, o.person]
        table = html_rows(rows + sums_rows, table='border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse"',
                          th="background:#eee;", td="")  # fmt: skip
        html = ('<div dir="ltr">' + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in intro) + "<br>" + table
                + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in outro) + "</div>")  # fmt: skip
        text = "\n".join(intro + [""] + ["\t".join(r) for r in rows + sums_rows] + outro)
        msg = mailer(o, name, f"注文書送付の件（{o.number}）", text=text, html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "ja", "ja-gmail-html-table")


@family("nl-outlook-html-mso-table", "email-outlook-html")
def nl_outlook(m: Maker) -> None:
    """Dutch, from Outlook: MsoNormal paragraphs, the lines in an MsoTableGrid table, the total
    under it, a signature with phone and KvK numbers; the plain part as Outlook makes it."""
    for k in range(4):
        name = f"nl-outlook-{k}"
        o = m.order(name, "nl", 2 + (k + 1) % 3, digits(240000, 249999, "IO"), k=k)
        o.payment = LOCS["nl"].pay if k % 2 == 0 else None
        o.off = Decimal([0, 0, 2, 0][k])
        w = o.w
        rows = line_rows(o, sign="€ ")
        p = '<p class="MsoNormal">{}</p>'
        intro = [
            "Goedemorgen,",
            "",
            f"Hierbij bestellen wij onder ordernummer {o.number} ({w['date']} {o.d(o.ordered)}):",
        ]
        outro = [*[f"{a}: € {b}" for a, b in sums(o)], "", f"Gewenste leverdatum: {o.d(o.due)}",
                 *([f"Betaling: {o.payment}"] if o.payment else []), "", "Met vriendelijke groet,", o.person, o.buyer,
                 f"T +31 40 {2300000 + k * 1111}  |  KvK {17000000 + k * 3131}"]  # fmt: skip
        table = html_rows(rows, table='class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0"',
                          th="padding:0cm 5.4pt;", td="padding:0cm 5.4pt;")  # fmt: skip
        html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
                '<style>p.MsoNormal{margin:0cm;font-family:"Calibri",sans-serif}</style></head><body lang="NL">'
                '<div class="WordSection1">' + "".join(p.format(esc(t) or "&nbsp;") for t in intro) + table
                + "".join(p.format(esc(t) or "&nbsp;") for t in outro) + "</div></body></html>")  # fmt: skip
        text = "\n".join(intro + [""] + ["\t".join(r) for r in rows] + [""] + outro)
        msg = mailer(o, name, f"Bestelling {o.number}", text=text, html=html,
                     headers={"X-Mailer": "Microsoft Outlook 16.0", "Thread-Index": "AdtXk2Vb3Q=="})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "nl", "nl-outlook-html-mso-table")


@family("id-gmail-forward-text", "email-gmail-forward")
def id_forward(m: Maker) -> None:
    """Indonesian, the purchasing admin forwards the manager's order from Gmail ("---------- Forwarded
    message ---------"): rupiah without decimals, dots between thousands, PPN 11%."""
    for k in range(4):
        name = f"id-forward-{k}"
        o = m.order(name, "id", 2 + k % 3, lambda r: f"PO/{r.randrange(100, 999)}/XI/2026", k=k)
        o.payment = LOCS["id"].pay if k % 2 else None
        table = plain_table(line_rows(o, sign="Rp "))
        sent = sent_on(o.ordered)
        text = "\n".join(
            [
                "Dear tim sales,",
                "Mohon diproses PO berikut. Terima kasih.",
                "",
                "Salam,",
                "Admin Purchasing",
                "",
                "---------- Forwarded message ---------",
                f"From: {o.person} <{o.mail}>",
                f"Date: {sent:%a}, {o.d(o.ordered)} pukul 14.05",
                f"Subject: PO {o.number}",
                f"To: Admin Purchasing <admin@{o.mail.split('@')[1]}>",
                "",
                f"Tolong kirim PO {o.number} ke supplier, tanggal kirim {o.d(o.due)}.",
                "",
                *table,
                "",
                *[f"{a}: Rp {b}" for a, b in sums(o)],
                *([f"Pembayaran: {o.payment}"] if o.payment else []),
                "",
                o.buyer,
            ]
        )
        msg = message(
            sender=("Admin Purchasing", f"admin@{o.mail.split('@')[1]}"),
            subject=f"Fwd: PO {o.number}",
            key=f"f6-{name}",
            sent=sent_on(o.ordered, 15, 20, 7),
            text=text,
        )
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "id", "id-gmail-forward-text")


@family("ms-android-terse-lines", "email-android-text")
def ms_android(m: Maker) -> None:
    """Malay, typed on an Android phone: one line a product ("HB8-123K x 200 @ RM0.42"), the total
    with SST in one line, "Dihantar dari Samsung Galaxy saya"; no amounts per line, no units."""
    for k in range(4):
        name = f"ms-android-{k}"
        o = m.order(name, "ms", 2 + (k + 1) % 3, digits(3300, 3999, "PB"), k=k)
        lines = [f"{ln.code} x {o.q(ln.qty)} @ RM{o.n(ln.price)}" for ln in o.lines]
        text = "\n".join(
            [
                f"Salam, ini pesanan kami no {o.number} ({o.d(o.ordered)})",
                *lines,
                f"Jumlah RM{o.n(o.net)} + SST 10% = RM{o.n(o.gross)}",
                f"Hantar sebelum {o.d(o.due)} ya. Tq",
                "",
                f"{o.person} - {o.buyer}",
                "",
                "Dihantar dari Samsung Galaxy saya",
            ]
        )
        msg = mailer(o, name, f"Pesanan {o.number}", text=text)
        golden = o.golden(source="body", units=False, amounts=False)
        for ln in golden["order"]["lines"]:
            ln.pop("description")
        m.mail(f"eml/{name}.eml", msg, golden, "ms", "ms-android-terse-lines")


@family("he-gmail-html-rtl", "email-gmail-html-rtl")
def he_gmail(m: Maker) -> None:
    """Hebrew, from Gmail with dir="rtl": the order's facts in lines, an HTML table with Latin part
    codes, shekels, מע"מ 18%."""
    for k in range(4):
        name = f"he-gmail-{k}"
        o = m.order(name, "he", 2 + k % 3, digits(55000, 55999), k=k)
        o.payment = LOCS["he"].pay if k % 2 == 0 else None
        w = o.w
        rows = line_rows(o, sign="₪")
        intro = ["שלום רב,", f"מצורפת הזמנת רכש מספר {o.number}.", f"{w['date']}: {o.d(o.ordered)}",
                 f"{w['due']}: {o.d(o.due)}"] + ([f"{w['pay']}: {o.payment}"] if o.payment else [])  # fmt: skip
        outro = [f"{a}: ₪{b}" for a, b in sums(o)] + ["", "בברכה,", o.person, o.buyer]
        table = html_rows(rows, table='dir="rtl" border="1" style="border-collapse:collapse"', th="", td="")
        html = ('<div dir="rtl">' + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in intro) + table
                + "".join(f"<div>{esc(t) or '<br>'}</div>" for t in outro) + "</div>")  # fmt: skip
        text = "\n".join(intro + [""] + ["\t".join(r) for r in rows] + [""] + outro)
        msg = mailer(o, name, f"הזמנת רכש {o.number}", text=text, html=html)
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "he", "he-gmail-html-rtl")


@family("sw-outlook-reply-over-quotation", "email-outlook-reply-text")
def sw_reply(m: Maker) -> None:
    """Swahili, an Outlook reply placing the order above our quotation, which Outlook quotes under a
    line of underscores with its own From/Sent/To/Subject block and its own (other) figures."""
    for k in range(4):
        name = f"sw-reply-{k}"
        o = m.order(name, "sw", 2 + (k + 2) % 3, digits(880, 999, "LPO/2026/"), k=k)
        o.payment = LOCS["sw"].pay if k % 2 else None
        table = plain_table(line_rows(o))
        quoted = [
            f"{ln.code}  {ln.text}  USD {num(ln.price / Decimal(FX['KES']) * Decimal('1.1'), 'en', 2)}"
            for ln in o.lines
        ]
        text = "\n".join(
            [
                "Habari,",
                "",
                f"Tafadhali pokea agizo letu {o.number} la tarehe {o.d(o.ordered)}:",
                "",
                *table,
                "",
                *[f"{a}: KSh {b}" for a, b in sums(o)],
                f"Tarehe ya kupokea: {o.d(o.due)}",
                *([f"Malipo: {o.payment}"] if o.payment else []),
                "",
                "Asante,",
                o.person,
                o.buyer,
                "",
                "________________________________",
                f"From: Sales <{SALES}>",
                "Sent: Tuesday, 10 November 2026 09:30",
                f"To: {o.person} <{o.mail}>",
                "Subject: Quotation Q-2611-" + o.number[-3:],
                "",
                "Dear customer, please find our prices below (valid 30 days):",
                *quoted,
            ]
        )
        msg = mailer(o, name, f"RE: Quotation Q-2611-{o.number[-3:]}", text=text,
                     headers={"X-Mailer": "Microsoft Outlook 16.0", "In-Reply-To": f"<q2611{k}@example.com>"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(source="body"), "sw", "sw-outlook-reply-over-quotation")


@family("en-au-iphone-reply-terse", "email-iphone-text")
def en_au_iphone(m: Maker) -> None:
    """Australian English, a reply typed on an iPhone: the order number, lines as "qty x code
    at $price", GST-inclusive total, "Sent from my iPhone" and the quoted mail under "On … wrote:"."""
    for k in range(4):
        name = f"en-au-iphone-{k}"
        o = m.order(name, "en-AU", 2 + k % 2, digits(6100, 6999, "GIS"), k=k)
        lines = [f"{o.q(ln.qty)} x {ln.code} at ${o.n(ln.price)} ea = ${o.n(ln.amount)}" for ln in o.lines]
        text = "\n".join(
            [
                f"Hi team, go ahead with PO {o.number} please:",
                "",
                *lines,
                "",
                f"${o.n(o.net)} + GST ${o.n(o.tax)} = ${o.n(o.gross)} inc GST",
                f"Need it on site by {o.d(o.due)}.",
                "",
                "Cheers",
                o.person,
                o.buyer,
                "",
                "Sent from my iPhone",
                "",
                f"> On {o.d(o.ordered, 'd_mon_y')}, at 4:47 pm, Sales <{SALES}> wrote:",
                ">",
                "> Hi, thanks for the enquiry, we can do these from stock. Let us know.",
                f"> {o.buyer}",
            ]
        )
        msg = mailer(o, name, f"Re: Enquiry {o.buyer.split()[0]}", text=text)
        golden = o.golden(source="body", units=False)
        for ln in golden["order"]["lines"]:  # codes only: the phone's lines name no goods
            ln.pop("description")
        m.mail(f"eml/{name}.eml", msg, golden, "en", "en-au-iphone-reply-terse")


# ----------------------------------------------------------------------------- the families: scans


@family("en-us-oracle-fax-200dpi", "pillow-fax-200dpi")
def en_us_fax(m: Maker) -> None:
    """The Oracle spool faxed: 200 dpi, black and white, the sending machine's line on top."""
    from PIL import ImageDraw

    for k in range(4):
        name = f"en-us-fax-{k}"
        o = m.order(name, "en-US", 2 + (k + 1) % 2, digits(1200000, 1299999), k=k + 1)
        o.payment = "Net 45" if k % 2 else None
        src = m.work / f"f6-{name}.pdf"
        text_pages_pdf(src, oracle_spool(o), creator="Oracle Reports", font="Courier", size=8.4)
        r = m.r(name)
        pages = scan_of(src, r, dpi=200, angle=r.choice([-0.7, 0.4, 0.9]), noise=1800, fax=True)
        for pg in pages:
            ImageDraw.Draw(pg).text((30, 6), f"NOV-{o.ordered.day}-2026 10:{12 + k} FROM:2164330{k}91 P.1", fill=0)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 200)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "en", "en-us-oracle-fax-200dpi")


@family("de-at-boxes-scan-300dpi", "pillow-scan-300dpi")
def de_at_scan(m: Maker) -> None:
    """The label-over-value box print, printed and scanned at 300 dpi in grey, turned a little."""
    for k in range(4):
        name = f"de-at-scan-{k}"
        o = m.order(name, "de-AT", 2 + k % 3, digits(4400, 4999, "BE-"), k=k)
        o.payment = LOCS["de-AT"].pay if k % 2 == 0 else None
        src = m.work / f"f6-{name}.pdf"
        boxed_pdf(src, o, creator="BMD NTCS", sign="€ ")
        r = m.r(name)
        pages = scan_of(src, r, dpi=300, angle=r.choice([-1.6, -0.9, 1.2, 1.9]), noise=900)
        save_scan_pdf(pages, m.path(f"pdf/{name}.pdf"), 300)
        m.add(f"pdf/{name}.pdf", o.golden(review=True), "de", "de-at-boxes-scan-300dpi")


@family("zh-odoo-phone-photo-png-mail", "pillow-phone-photo-png")
def zh_photo(m: Maker) -> None:
    """The Chinese Odoo-like print photographed with a phone, sent as a PNG in a two-line mail."""
    for k in range(4):
        name = f"zh-photo-{k}"
        o = m.order(name, "zh", 2 + (k + 1) % 2, digits(10000, 99999, "P"), k=k + 1)
        src = m.work / f"f6-{name}.pdf"
        odoo_pdf(src, o, creator="Odoo", font="cjk0", bold="cjk1", sign="¥", labels=ODOO["zh"])
        r = m.r(name)
        img = scanned(rasterise(src, 160)[0], r, angle=r.choice([-2.6, 2.2, 3.1]), noise=2600, shade=True)
        buf = io.BytesIO()
        img.save(buf, "PNG", optimize=False)
        msg = mailer(o, name, f"采购订单 {o.number}", text=f"您好，订单见附件照片，请确认。\n\n{o.person}\n{o.buyer}\n",
                     attach=[file_part(f"IMG_{o.ordered:%Y%m%d}_{143000 + k}.png", buf.getvalue(), "image/png")])  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, o.golden(review=True), "zh", "zh-odoo-phone-photo-png-mail")


# ----------------------------------------------------------------------------- look-alikes that are not orders


@family("not-order-it-offerta-quotation", "reportlab-canvas-quotation")
def it_quotation(m: Maker) -> None:
    """An Italian supplier's quotation (OFFERTA) to us, laid out like an order: boxes, lines, sums,
    a validity date; it quotes prices, it orders nothing."""
    for k in range(4):
        name = f"it-offerta-{k}"
        o = m.order(name, "it", 3, lambda r: f"OFF-{r.randrange(2600, 2699)}/{r.randrange(10, 99)}", k=k)
        pairs = [("N. offerta", o.number), ("Data offerta", o.d(o.ordered)), ("Validità", o.d(o.due)),
                 ("Cliente", SUPPLIER), ("Referente", o.person), ("Resa", "Franco nostro stabilimento")]  # fmt: skip
        boxed_pdf(m.path(f"pdf/{name}.pdf"), o, creator="Zucchetti Ad Hoc", title="OFFERTA", pairs=pairs, sign="€ ",
                  notes=["La presente offerta non costituisce conferma d'ordine.",
                         "Per accettazione, inviare il vostro ordine indicando il numero di offerta."])  # fmt: skip
        m.add(f"pdf/{name}.pdf", OTHER, "it", "not-order-it-offerta-quotation")


@family("not-order-pl-faktura-naming-order", "fpdf2-invoice")
def pl_invoice(m: Maker) -> None:
    """A Polish VAT invoice (Faktura VAT) that names the order it bills ("Zamówienie nr …"): lines,
    net, VAT and gross — an invoice, not an order."""
    for k in range(4):
        name = f"pl-faktura-{k}"
        o = m.order(name, "pl", 2 + k % 2, lambda r: f"FV/{r.randrange(100, 999)}/11/2026", k=k)
        pdf = fpdf_new()
        pdf.add_page()
        pdf.set_font("dv", "B", 14)
        pdf.cell(0, 8, f"Faktura VAT nr {o.number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dv", "", 8)
        for text in [f"Data wystawienia: {o.d(o.ordered)}", f"Data sprzedaży: {o.d(o.ordered)}",
                     f"Termin płatności: {o.d(o.due)}", f"Zamówienie nr: ZAM/{400 + k}/11/2026",
                     f"Sprzedawca: {o.buyer}, {o.address}", f"Nabywca: {SUPPLIER}"]:  # fmt: skip
            pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        rows = [["Lp.", "Nazwa", "Ilość", "J.m.", "Cena netto", "Wartość netto", "VAT", "Wartość brutto"]]
        for j, ln in enumerate(o.lines, 1):
            gross = money(ln.amount * Decimal("1.23"), o.currency)
            rows.append([str(j), ln.text, o.q(ln.qty), ln.unit, o.n(ln.price), o.n(ln.amount), "23%", o.n(gross)])
        for i, row in enumerate(rows):
            pdf.set_font("dv", "B" if i == 0 else "", 7)
            for wd, c in zip([8, 62, 14, 10, 22, 24, 10, 26], row):
                pdf.cell(wd, 6, c, border=1)
            pdf.ln(6)
        pdf.ln(3)
        pdf.set_font("dv", "B", 9)
        pdf.cell(0, 6, f"Do zapłaty: {o.n(o.gross)} PLN", new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(m.path(f"pdf/{name}.pdf")))
        m.add(f"pdf/{name}.pdf", OTHER, "pl", "not-order-pl-faktura-naming-order")


@family("not-order-sv-leveransavisering-mail", "email-shipping-notice")
def sv_shipping(m: Maker) -> None:
    """A Swedish forwarder's shipping notice (leveransavisering) naming the order, the parcels and
    the tracking number, with the goods listed by code and quantity — not an order."""
    for k in range(4):
        name = f"sv-avisering-{k}"
        o = m.order(name, "sv", 2 + k % 2, digits(7000, 7999, "IO-"), k=k)
        text = "\n".join(
            [
                "Leveransavisering",
                "",
                f"Er order: {o.number}",
                f"Sändningsnummer: 00370726{k}{o.ordered:%m%d}4411",
                f"Beräknad leverans: {o.d(o.due)}",
                "Antal kollin: 3, vikt 42 kg",
                "",
                *[f"{ln.code}  {ln.text}  {o.q(ln.qty)} {ln.unit}" for ln in o.lines],
                "",
                "Spåra din sändning på vår webbplats. Detta meddelande kan inte besvaras.",
            ]
        )
        msg = message(sender=("DSV Road AB", "no-reply@dsv-notify.example"), subject=f"Leveransavisering – order {o.number}",
                      key=f"f6-{name}", sent=sent_on(o.ordered, 6, 2), text=text, to=o.mail)  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, OTHER, "sv", "not-order-sv-leveransavisering-mail")


@family("not-order-hu-folyoszamla-xlsx", "openpyxl-statement")
def hu_statement(m: Maker) -> None:
    """A Hungarian customer's statement of account (folyószámla-kivonat) as a workbook: invoices,
    orders they belong to, due dates, paid and open amounts — a statement, not an order."""
    import openpyxl

    for k in range(4):
        name = f"hu-kivonat-{k}"
        o = m.order(name, "hu", 4, digits(26000, 26999, "MR-"), k=k)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Folyószámla"
        ws["A1"] = f"Folyószámla-kivonat — {o.buyer}"
        ws["A2"] = f"Szállító: {SUPPLIER}"
        ws["A3"] = f"Fordulónap: {o.d(o.ordered)}"
        ws.append([])
        ws.append(["Számla", "Rendelés", "Kelte", "Esedékes", "Összeg (HUF)", "Fizetve", "Nyitott"])
        for j, ln in enumerate(o.lines):
            paid = ln.amount if j % 2 else Decimal(0)
            ws.append([f"E-2026-{3100 + j * 17 + k}", f"MR-{26100 + j * 7 + k}", o.d(o.ordered - timedelta(days=30 + j)),
                       o.d(o.ordered + timedelta(days=j)), int(ln.amount), int(paid), int(ln.amount - paid)])  # fmt: skip
        ws.append(["Összesen", "", "", "", int(o.net), "", ""])
        xlsx_save(wb, m.path(f"xlsx/{name}.xlsx"), o.person)
        m.add(f"xlsx/{name}.xlsx", OTHER, "hu", "not-order-hu-folyoszamla-xlsx")


@family("not-order-ko-supplier-acknowledgement-docx", "python-docx-acknowledgement")
def ko_ack(m: Maker) -> None:
    """A Korean supplier's acknowledgement (주문 확인서) of an order we placed with it: our company is
    the buyer, theirs the seller; lines, prices and a confirmed delivery date — not a customer's order."""
    import docx

    for k in range(4):
        name = f"ko-ack-{k}"
        o = m.order(name, "ko", 2 + k % 2, lambda r: f"SO-{r.randrange(260000, 269999)}", k=k)
        doc = docx.Document()
        doc.add_heading("주문 확인서 (Order Acknowledgement)", level=1)
        doc.add_paragraph(f"수신: {SUPPLIER} 구매팀 귀중")
        doc.add_paragraph(f"귀사의 발주서 EX-PO-{5500 + k * 13} 을(를) 아래와 같이 접수하였음을 확인합니다.")
        doc.add_paragraph(f"확인번호: {o.number}    확인일자: {o.d(o.ordered)}    출하예정일: {o.d(o.due)}")
        t = doc.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, ["품목코드", "품명", "수량", "단가", "금액"]):
            c.text = h
        for ln in o.lines:
            for c, v in zip(t.add_row().cells, [ln.code, ln.text, o.q(ln.qty), o.n(ln.price), o.n(ln.amount)]):
                c.text = v
        doc.add_paragraph(f"합계금액: ₩{o.n(o.gross)} (부가세 포함)")
        doc.add_paragraph(f"공급자: {o.buyer}  담당: {o.person}")
        docx_save(doc, m.path(f"docx/{name}.docx"), o.person)
        m.add(f"docx/{name}.docx", OTHER, "ko", "not-order-ko-supplier-acknowledgement-docx")


@family("not-order-en-in-payment-advice-mail", "email-payment-advice")
def en_in_payment(m: Maker) -> None:
    """An Indian buyer's accounts payable tells us of an RTGS payment: the invoices paid, their
    purchase orders, TDS deducted, the net paid in lakhs — a payment advice."""
    for k in range(4):
        name = f"en-in-payment-{k}"
        o = m.order(name, "en-IN", 3, lambda r: f"PAY/{r.randrange(1000, 9999)}", k=k)
        rows = [["Invoice No.", "PO No.", "Invoice Amt", "TDS", "Paid"]]
        for j, ln in enumerate(o.lines):
            tds = money(ln.amount * Decimal("0.001"), "INR")
            rows.append([f"EX/{2600 + j * 11 + k}", f"KPC/PO/{300 + j * 17}/26-27", o.n(ln.amount), o.n(tds),
                         o.n(ln.amount - tds)])  # fmt: skip
        text = "\n".join(
            [
                "Dear Sir/Madam,",
                "",
                f"We have remitted the amount below by RTGS on {o.d(o.ordered)} (UTR HDFCR5202611{k}8841{k}).",
                f"Payment advice ref. {o.number}",
                "",
                *plain_table(rows, 2),
                "",
                "This is a system generated payment advice; please do not reply.",
                "Accounts Payable",
                o.buyer,
            ]
        )
        msg = message(sender=("Accounts Payable", f"ap@{o.mail.split('@')[1]}"), subject=f"Payment Advice {o.number}",
                      key=f"f6-{name}", sent=sent_on(o.ordered, 18, 5, 5), text=text)  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, {"kind": "payment_advice", "order": None}, "en",
               "not-order-en-in-payment-advice-mail")  # fmt: skip


@family("not-order-de-abwesenheit-auto-reply", "email-auto-reply")
def de_auto_reply(m: Maker) -> None:
    """A German buyer's out-of-office reply to our order confirmation, quoting it with its number and
    lines (``Auto-Submitted: auto-replied``) — an auto-reply."""
    for k in range(4):
        name = f"de-abwesend-{k}"
        o = m.order(name, "de", 2 + k % 2, digits(4500100000, 4500199999), k=k)
        quoted = [f"> {ln.code}  {ln.text}  {o.q(ln.qty)} {ln.unit}  {o.n(ln.price)} EUR" for ln in o.lines]
        text = "\n".join(
            [
                "Vielen Dank für Ihre Nachricht.",
                f"Ich bin bis einschließlich {o.d(o.due)} nicht im Büro und habe keinen Zugriff auf meine E-Mails.",
                f"In dringenden Fällen wenden Sie sich bitte an einkauf@{o.mail.split('@')[1]}.",
                "",
                o.person,
                o.buyer,
                "",
                f"> Auftragsbestätigung zu Ihrer Bestellung {o.number} vom {o.d(o.ordered)}",
                *quoted,
            ]
        )
        msg = mailer(o, name, f"Automatische Antwort: Auftragsbestätigung {o.number}", text=text,
                     headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"})  # fmt: skip
        m.mail(f"eml/{name}.eml", msg, {"kind": "auto_reply", "order": None}, "de",
               "not-order-de-abwesenheit-auto-reply")  # fmt: skip


@family("not-order-es-reclamacion-entrega-mail", "email-order-chaser")
def es_chaser(m: Maker) -> None:
    """A Spanish buyer chasing an order placed weeks ago: its number, the lines still missing, the
    date promised — a reminder, not a new order."""
    for k in range(4):
        name = f"es-reclamacion-{k}"
        o = m.order(name, "es", 2 + k % 2, digits(25000, 25999, "PC-"), k=k)
        text = "\n".join(
            [
                "Buenas tardes:",
                "",
                f"Les escribimos en relación con nuestro pedido {o.number} del 2 de octubre de 2026, cuya entrega "
                f"estaba confirmada para el 6 de noviembre y que todavía no hemos recibido.",
                "",
                "Quedan pendientes:",
                *[f"- {ln.code} {ln.text}: {o.q(ln.qty)} {ln.unit}" for ln in o.lines],
                "",
                "Les rogamos que nos indiquen cuanto antes la nueva fecha de envío.",
                "",
                "Un saludo,",
                o.person,
                o.buyer,
            ]
        )
        msg = mailer(o, name, f"Reclamación pedido {o.number} – entrega pendiente", text=text)
        m.mail(f"eml/{name}.eml", msg, OTHER, "es", "not-order-es-reclamacion-entrega-mail")


@family("not-order-cs-poptavka-rfq-docx", "python-docx-rfq")
def cs_rfq(m: Maker) -> None:
    """A Czech request for quotation (POPTÁVKA): the goods and quantities wanted, a date by which to
    answer, no prices — a request, not an order."""
    import docx

    for k in range(4):
        name = f"cs-poptavka-{k}"
        o = m.order(name, "cs", 3, digits(100, 999, "POP-2026-"), k=k)
        doc = docx.Document()
        doc.add_heading("POPTÁVKA", level=1)
        doc.add_paragraph(f"Číslo poptávky: {o.number}    Datum: {o.d(o.ordered)}")
        doc.add_paragraph(f"Vážení, prosíme o zaslání cenové nabídky na níže uvedené zboží do {o.d(o.due)}.")
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, ["Kód zboží", "Název", "Množství", "MJ"]):
            c.text = h
        for ln in o.lines:
            for c, v in zip(t.add_row().cells, [ln.code, ln.text, o.q(ln.qty), ln.unit]):
                c.text = v
        doc.add_paragraph("Nabídku prosím zašlete e-mailem. Tato poptávka není objednávkou.")
        doc.add_paragraph(f"{o.person}, {o.buyer}")
        docx_save(doc, m.path(f"docx/{name}.docx"), o.person)
        m.add(f"docx/{name}.docx", OTHER, "cs", "not-order-cs-poptavka-rfq-docx")
