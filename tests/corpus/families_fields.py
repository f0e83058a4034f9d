"""Header fields set out in ways the other families do not print them (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from
a ground truth made here and its golden file comes from that truth, never from mailflow's
output. What the families vary is the header: where a label's value stands, which numbers near
the PO number are not it, how dates are written and which of several sums is the order's total.

* ``fields-kv-grid`` (reportlab): a ruled key/value grid, two pairs to a row (label, value,
  label, value); the first row holds the page count and the buyer's VAT number, the payment
  terms share their row with the shipping method.
* ``fields-label-over`` (reportlab): a card of labels in small grey type with each value on the
  line under its label, three to a row, the letterhead with a PO box, telephone and IBAN.
* ``fields-band-combined`` (reportlab): a band of boxed labels over their values right above the
  lines table, SAP's combined ``PO number/date`` over ``4512029509 / 01/27/2021``, a revision.
* ``fields-spool-leaders`` (reportlab Courier): an AS/400 header block, labels with dot leaders
  in two columns (``ORDER NUMBER. . . : 4500012345  REV 02   PAGE . . . : 1 OF 1``).
* ``fields-fpdf-columns`` (fpdf2): two columns of label and value cells side by side.
* ``fields-docx-kv`` (python-docx, and printed by LibreOffice as ``fields-lo-docx-kv``): a Word
  table of label cells and value cells, two pairs a row.
* ``fields-change-order`` (reportlab): a revised order whose PO number stands only in the line
  naming the revision ("CHANGE ORDER 2 TO PO 4500781234", "Änderung 2 zur Bestellung …"), no
  label before it; under the order's title or across the page under the letterhead; the
  revision and vendor numbers and the page count printed nearby.
* ``fields-bilingual-labels`` (reportlab): a Chinese or Japanese buyer's form whose labels are
  printed in English and in the buyer's language ("Order Date · 订单日期", "Payment Terms / 付款方式"),
  each value under its label or to the right of it.

Each document prints a subtotal (or net amount), tax and often freight before the grand total,
whose label varies ("Summe netto" then "Gesamtbetrag", 合计 then 价税合计, "Total HT" then
"Total TTC"); the golden total is the grand total. Dates are written in the forms buyers' systems
print (``08-JAN-21``, ``11/Jan/24``, ``Jan 08, 2021``, ``2021-1-8``, ``08.01.2021``, 令和8年…,
2026年1月8日), day numbers above 12 so that nothing is ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

# Buyers of this module only: letterheads the reader has not met.
BUYERS = {
    "en": [
        f.Party(
            "Tidewater Marine Systems Inc.",
            ["PO Box 4411", "1207 Harbor Blvd", "Norfolk, VA 23510, USA"],
            "Erin Walsh",
            "purchasing@tidewater.example",
            "en",
        ),
        f.Party(
            "Pennine Controls Ltd",
            ["Unit 7, Calder Park", "Wakefield WF2 7AW, United Kingdom"],
            "Tom Ashworth",
            "orders@pennine.example",
            "en",
            currency="GBP",
        ),
    ],
    "de": [
        f.Party(
            "Allgäuer Antriebstechnik GmbH",
            ["Postfach 1120", "Riedstraße 9", "87435 Kempten"],
            "Sabine Huber",
            "einkauf@allgaeuer.example",
            "de",
        )
    ],
    "fr": [
        f.Party(
            "Mécanique du Jura SAS",
            ["BP 208", "4 rue des Horlogers", "39200 Saint-Claude"],
            "Hélène Roux",
            "achats@mecajura.example",
            "fr",
        )
    ],
    "es": [
        f.Party(
            "Componentes Levante S.A.",
            ["Apartado 318", "Av. del Puerto 22", "46024 Valencia"],
            "Jorge Ibáñez",
            "compras@levante.example",
            "es",
        )
    ],
    "it": [
        f.Party(
            "Officine Brianza S.p.A.",
            ["Casella postale 77", "Via Valassina 40", "20851 Lissone MB"],
            "Giulia Conti",
            "acquisti@brianza.example",
            "it",
        )
    ],
    "nl": [
        f.Party(
            "Twente Aandrijvingen B.V.",
            ["Postbus 512", "Hengelosestraat 120", "7514 AK Enschede"],
            "Ruud Jansen",
            "inkoop@twente.example",
            "nl",
        )
    ],
    "ja": [f.Party("株式会社東海プレス工業", ["愛知県豊田市元町2-18"], "鈴木一郎", "koubai@tokai-press.example", "ja")],
    "zh-Hans": [
        f.Party(
            "苏州恒瑞精密机械有限公司", ["江苏省苏州市工业园区星湖街328号"], "陈刚", "cg@hengrui.example", "zh-Hans"
        )
    ],
    "zh-Hant": [
        f.Party("台中永新機械股份有限公司", ["台中市西屯區工業區一路12號"], "黃建國", "po@yongxin.example", "zh-Hant")
    ],
}

# Labels as different systems print them (several per field; each document draws one).
LABELS: dict[str, dict[str, list[str]]] = {
    "en": {
        "po": ["P.O. No.", "Order No.", "PO #", "Purchase Order Number", "Order Number"],
        "date": ["P.O. Date", "Order Date", "Date Issued", "Date"],
        "delivery": ["Delivery Date", "Required By", "Need By Date", "Requested Delivery"],
        "payment": ["Payment Terms", "Terms of Payment", "Terms"],
        "currency": ["Currency"],
    },
    "de": {
        "po": ["Bestell-Nr.", "Bestellnummer", "Unsere Bestellnummer"],
        "date": ["Bestelldatum", "Datum"],
        "delivery": ["Liefertermin", "Lieferdatum", "Anliefertermin"],
        "payment": ["Zahlungsbedingungen", "Zahlungsbedingung"],
        "currency": ["Währung"],
    },
    "fr": {
        "po": ["N° de commande", "Commande N°", "Bon de commande n°"],
        "date": ["Date de commande", "Date"],
        "delivery": ["Date de livraison", "Livraison prévue"],
        "payment": ["Conditions de paiement", "Mode de règlement"],
        "currency": ["Devise"],
    },
    "es": {
        "po": ["Nº de pedido", "Pedido nº", "Número de pedido"],
        "date": ["Fecha de pedido", "Fecha"],
        "delivery": ["Fecha de entrega", "Entrega prevista"],
        "payment": ["Forma de pago", "Condiciones de pago"],
        "currency": ["Moneda"],
    },
    "it": {
        "po": ["N. ordine", "Ordine n.", "Numero ordine"],
        "date": ["Data ordine", "Data"],
        "delivery": ["Data consegna", "Consegna richiesta"],
        "payment": ["Condizioni di pagamento", "Pagamento"],
        "currency": ["Valuta"],
    },
    "nl": {
        "po": ["Ordernummer", "Bestelnummer", "Inkooporder nr."],
        "date": ["Orderdatum", "Datum"],
        "delivery": ["Leverdatum", "Gewenste leverdatum"],
        "payment": ["Betalingsvoorwaarden", "Betaling"],
        "currency": ["Valuta"],
    },
    "ja": {
        "po": ["注文番号", "発注番号", "注文書番号"],
        "date": ["注文日", "発注日"],
        "delivery": ["納期", "納入期日", "希望納期"],
        "payment": ["支払条件", "お支払条件"],
        "currency": ["通貨"],
    },
    "zh-Hans": {
        "po": ["订单编号", "采购订单号", "订单号"],
        "date": ["订单日期", "下单日期"],
        "delivery": ["交货日期", "交期", "要求到货日期"],
        "payment": ["付款方式", "付款条件", "结算方式"],
        "currency": ["币种", "币别"],
    },
    "zh-Hant": {
        "po": ["訂單編號", "採購單號"],
        "date": ["訂單日期", "採購日期"],
        "delivery": ["交貨日期", "交期"],
        "payment": ["付款條件", "付款方式"],
        "currency": ["幣別"],
    },
}

# (subtotal, tax, grand total) labels: the grand total is the order's total.
SUMS: dict[str, list[tuple[str, str, str]]] = {
    "en": [
        ("Subtotal", "Sales Tax", "Total"),
        ("Net Amount", "VAT", "Total incl. VAT"),
        ("Merchandise Total", "Tax", "Grand Total"),
    ],
    "de": [("Summe netto", "MwSt.", "Gesamtbetrag"), ("Nettobetrag", "USt.", "Bruttobetrag")],
    "fr": [("Total HT", "TVA", "Total TTC"), ("Montant HT", "TVA", "Net à payer")],
    "es": [("Base imponible", "IVA", "Total"), ("Subtotal", "IVA", "Importe total")],
    "it": [("Imponibile", "IVA", "Totale documento"), ("Totale merce", "IVA", "Totale ordine")],
    "nl": [("Subtotaal", "BTW", "Totaal incl. BTW"), ("Netto bedrag", "BTW", "Totaalbedrag")],
    "ja": [("小計", "消費税", "合計金額(税込)"), ("税抜合計", "消費税", "総額")],
    "zh-Hans": [("合计", "税额", "价税合计"), ("小计", "增值税", "总计")],
    "zh-Hant": [("小計", "營業稅", "總計")],
}
TAX = {"en": "0.0825", "de": "0.19", "fr": "0.20", "es": "0.21", "it": "0.22", "nl": "0.21"}
TAX.update({"ja": "0.10", "zh-Hans": "0.13", "zh-Hant": "0.05"})
FREIGHT = {"en": "Freight", "de": "Fracht", "fr": "Port", "es": "Portes", "it": "Trasporto", "nl": "Vracht"}
FREIGHT.update({"ja": "運賃", "zh-Hans": "运费", "zh-Hant": "運費"})

PAYMENT = {
    "en": ["Net 30 days", "2% 10 days, net 30 days", "Net 45 days end of month"],
    "de": ["30 Tage netto", "14 Tage 2% Skonto, 30 Tage netto"],
    "fr": ["30 jours fin de mois", "45 jours date de facture"],
    "es": ["30 días fecha factura", "Transferencia a 60 días"],
    "it": ["Bonifico 60 gg data fattura", "30 giorni data fattura"],
    "nl": ["30 dagen netto", "Betaling binnen 14 dagen"],
    "ja": ["月末締め翌月末払い", "納品後60日"],
    "zh-Hans": ["月结30天", "货到付款"],
    "zh-Hant": ["月結60天"],
}
# A label and value printed beside the payment terms on the same row: never part of them.
BESIDE_TERMS = {
    "en": ("Ship Via", "UPS Ground"),
    "de": ("Versandart", "Spedition"),
    "fr": ("Transport", "Messagerie"),
    "es": ("Transporte", "Agencia"),
    "it": ("Spedizione", "Corriere"),
    "nl": ("Verzendwijze", "Koerier"),
    "ja": ("配送方法", "路線便"),
    "zh-Hans": ("运输方式", "汽运"),
    "zh-Hant": ("運送方式", "貨運"),
}
# Numbers printed near the PO number that are not it: (label, value) per language.
PAGE_WORD = {"en": "Page", "de": "Seite", "fr": "Page", "es": "Página", "it": "Pagina", "nl": "Pagina"}
PAGE_WORD.update({"ja": "頁", "zh-Hans": "页码", "zh-Hant": "頁次"})
VAT_ID = {
    "en": ("VAT Reg. No.", "GB 284 5517 90"),
    "de": ("USt-IdNr.", "DE 812 345 678"),
    "fr": ("N° TVA intracom.", "FR 41 512 345 678"),
    "es": ("NIF", "ESB46123456"),
    "it": ("P. IVA", "IT 02345670963"),
    "nl": ("BTW-nr.", "NL 8123.45.678.B01"),
    "ja": ("登録番号", "T1180301012345"),
    "zh-Hans": ("税号", "91320594MA1XYZ1234"),
    "zh-Hant": ("統一編號", "24536807"),
}
VENDOR_NO = {"en": "Vendor No.", "de": "Lieferanten-Nr.", "fr": "N° fournisseur", "es": "Nº proveedor"}
VENDOR_NO.update({"it": "Cod. fornitore", "nl": "Leveranciersnr.", "ja": "仕入先コード", "zh-Hans": "供应商编码"})
VENDOR_NO.update({"zh-Hant": "廠商代號"})
REVISION = {"en": "Rev 2", "de": "Änderung 2", "fr": "Révision 2", "es": "Revisión 2", "it": "Rev. 2"}
REVISION.update({"nl": "Wijziging 2", "ja": "改訂2", "zh-Hans": "变更2", "zh-Hant": "變更2"})

# Date styles per language, drawn per document: the forms the issue lists, and a few more.
DATE_STYLES = {
    "en": ["dmy_mon", "dd_mon_yy", "mon_dd_yyyy", "iso_nopad", "ukl"],
    "de": ["de", "de_long", "iso"],
    "fr": ["fr", "fr_long", "dmy_mon"],
    "es": ["fr", "es_long", "iso_nopad"],
    "it": ["fr", "it_long", "de"],
    "nl": ["nl", "nl_long", "iso"],
    "ja": ["reiwa", "ja", "ja_slash"],
    "zh-Hans": ["zh", "iso_nopad", "slash"],
    "zh-Hant": ["zh", "slash"],
}
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def fmt_date(d: date, style: str) -> str:
    """A date in ``style``: the styles of ``families.fmt_date`` and three more."""
    if style == "mon_dd_yyyy":
        return f"{MON[d.month - 1]} {d.day:02d}, {d.year}"
    if style == "iso_nopad":
        return f"{d.year}-{d.month}-{d.day}"
    if style == "ukl":
        return g.fmt_date(d, style)
    return f.fmt_date(d, style)


@dataclass
class FieldPage(f.Page):
    """A page whose header labels, sums and distractors are drawn per document."""

    labels: dict[str, str] = field(default_factory=dict)
    sums: tuple[str, str, str] = ("", "", "")
    tax: Decimal = Decimal(0)
    freight: Decimal = Decimal(0)
    subtotal: Decimal = Decimal(0)
    revision: bool = False

    def d(self, value: date) -> str:
        return fmt_date(value, self.date_style)

    def field_pairs(self) -> list[tuple[str, str]]:
        """(label, value) of the header fields, in the order this page prints them."""
        po = self.po
        number = f"{po.number}   {REVISION[self.lang]}" if self.revision else po.number
        pairs = [(self.labels["po"], number), (self.labels["date"], self.d(po.po_date))]
        if po.delivery:
            pairs.append((self.labels["delivery"], self.d(po.delivery)))
        pairs.append((self.labels["currency"], po.currency))
        if po.payment:
            pairs.append((self.labels["payment"], po.payment))
        return pairs

    def sum_rows(self) -> list[tuple[str, str]]:
        """Subtotal, tax, freight (when charged) and the grand total, as printed."""
        sub, tax, total = self.sums
        rate = self.n(Decimal(TAX[self.lang]) * 100)
        rows = [(sub, self.n(self.subtotal)), (f"{tax} {rate}%", self.n(self.tax))]
        if self.freight:
            rows.append((FREIGHT[self.lang], self.n(self.freight)))
        rows.append((f"{total} {self.po.currency}" if self.variant % 2 else total, self.n(self.po.total or 0)))
        return rows

    def distractors(self) -> list[tuple[str, str]]:
        """Numbers a header prints near the PO number that are not it."""
        return [
            (PAGE_WORD[self.lang], "1/1" if self.variant % 2 else "1 of 1"),
            VAT_ID[self.lang],
            (VENDOR_NO[self.lang], "100234"),
        ]


def _q(value: Decimal, currency: str) -> Decimal:
    return value.quantize(Decimal("1") if currency in ("JPY", "TWD") else Decimal("0.01"), rounding=ROUND_HALF_UP)


def make_page(name: str, lang: str, index: int) -> FieldPage:
    """The ground truth of one document and how it prints it."""
    rng = f.rng_for(name)
    party = BUYERS[lang][index % len(BUYERS[lang])]
    po = f.make_po(name, party, 2 + rng.randrange(3), payment=True)
    po.payment = rng.choice(PAYMENT[lang])
    labels = {key: rng.choice(words) for key, words in LABELS[lang].items()}
    sub = sum((ln.amount for ln in po.lines), Decimal(0))
    tax = _q(sub * Decimal(TAX[lang]), po.currency)
    freight = Decimal(0) if rng.random() < 0.4 else _q(Decimal("85.50") * f.RATES[po.currency], po.currency)
    po.total = sub + tax + freight
    return FieldPage(
        po,
        lang,
        variant=index,
        dates=rng.choice(DATE_STYLES[lang]),
        currency_field=True,
        labels=labels,
        sums=rng.choice(SUMS[lang]),
        tax=tax,
        freight=freight,
        subtotal=sub,
        revision=rng.random() < 0.35,
    )


# --------------------------------------------------------------------------- reportlab layouts


def _letterhead(cv: f.Canvas, page: FieldPage, x: float, y: float, *, extra: bool) -> float:
    po = page.po
    cv.text(x, y, po.buyer.name, 13, True)
    for line in po.buyer.address:
        y -= 11
        cv.text(x, y, line, 8.5)
    if extra:  # telephone and a bank account under the address
        y -= 11
        cv.text(x, y, "Tel. +1 (757) 412-5858   Fax +1 (757) 412-5843", 8)
        y -= 11
        cv.text(x, y, "IBAN DE89 3704 0044 0532 0130 00   BIC COBADEFFXXX", 8)
    return y - 14


def _sums(cv: f.Canvas, page: FieldPage, x_right: float, y: float) -> float:
    for label, value in page.sum_rows():
        bold = label.startswith(page.sums[2])
        cv.text(x_right - 110, y, label, 9, bold, "r")
        cv.text(x_right, y, value, 9, bold, "r")
        y -= 13
    return y


def _parties(cv: f.Canvas, page: FieldPage, x: float, y: float) -> float:
    f.rl_block(cv, page.lab("supplier"), page.supplier_lines(), x, y)
    return y - 60


def pdf_kv_grid(path: Path, page: FieldPage) -> None:
    """A ruled key/value grid, two pairs a row; page count and VAT number on its first row,
    the payment terms beside the shipping method."""
    cv = f.Canvas(path, page)
    W, H, m = cv.W, cv.H, 36
    _letterhead(cv, page, m, H - 50, extra=False)
    cv.text(W - m, H - 50, page.lab("title"), 15, True, "r")
    pairs = page.distractors()[:2] + page.field_pairs() + [BESIDE_TERMS[page.lang]]
    if len(pairs) % 2:
        pairs.append(page.distractors()[2])
    widths = (95, 170, 95, W - 2 * m - 360)
    y = H - 150
    rows = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
    # the payment terms share their row with the shipping method
    terms = [p for p in pairs if p[0] == page.labels["payment"]]
    if terms:
        rest = [p for p in pairs if p not in (terms[0], BESIDE_TERMS[page.lang])]
        rows = [rest[i : i + 2] for i in range(0, len(rest), 2)] + [[terms[0], BESIDE_TERMS[page.lang]]]
    for row in rows:
        x = m
        for label, value in row:
            cv.box(x, y - 5, widths[0], 16, fill=0.9)
            cv.box(x + widths[0], y - 5, widths[1] if x == m else widths[3], 16)
            cv.text(x + 3, y, label, 8, True)
            cv.text(x + widths[0] + 4, y, value, 8.5)
            x += widths[0] + widths[1]
        y -= 16
    y = _parties(cv, page, m, y - 20)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=True)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_label_over(path: Path, page: FieldPage) -> None:
    """Labels in small grey type, each value on the line under its label, three to a row."""
    cv = f.Canvas(path, page, letter=page.lang == "en")
    W, H, m = cv.W, cv.H, 40
    y = _letterhead(cv, page, m, H - 50, extra=True)
    cv.text(W - m, H - 50, page.lab("title"), 16, True, "r")
    cv.text(W - m, H - 64, f"{PAGE_WORD[page.lang]} 1/1", 8, align="r")
    pairs = page.field_pairs()
    col = (W - 2 * m) / 3
    y -= 10
    for i in range(0, len(pairs), 3):
        for k, (label, value) in enumerate(pairs[i : i + 3]):
            x = m + k * col
            cv.c.setFillGray(0.45)
            cv.text(x, y, label.upper() if page.lang == "en" else label, 6.5)
            cv.c.setFillGray(0)
            cv.text(x, y - 11, value, 9.5, True)
        y -= 30
    y = _parties(cv, page, m, y - 6)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=False, header_fill=0.92)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_band_combined(path: Path, page: FieldPage) -> None:
    """A band of boxed labels over their values right above the lines table, the PO number and
    date in one box ("PO number/date" over "4512029509 / 01/27/2021")."""
    cv = f.Canvas(path, page, letter=page.lang == "en")
    W, H, m = cv.W, cv.H, 36
    po = page.po
    _letterhead(cv, page, m, H - 50, extra=False)
    cv.text(W - m, H - 50, page.lab("title"), 15, True, "r")
    if page.revision:
        cv.text(W - m, H - 64, f"{REVISION[page.lang]} / Change order", 8.5, align="r")
    cv.text(W - m, H - 76, f"{PAGE_WORD[page.lang]} 1 / 1", 8, align="r")
    y = _parties(cv, page, m, H - 140)
    combined = f"{page.labels['po']}/{_date_word(page)}"
    band = [(combined, f"{po.number} / {page.d(po.po_date)}")]
    band += [(label, value) for label, value in page.field_pairs()[2:]]
    band.insert(1, (VENDOR_NO[page.lang], "100234"))
    bw = (W - 2 * m) / len(band)
    for i, (label, value) in enumerate(band):
        x = m + i * bw
        cv.box(x, y, bw, 13, fill=0.85)
        cv.box(x, y - 15, bw, 15)
        cv.text(x + 3, y + 4, label, 6.5, True)
        cv.text(x + 3, y - 10, value, 8)
    y = f.rl_table(cv, page, m, y - 30, W - 2 * m, grid=True, header_fill=0.8)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def _date_word(page: FieldPage) -> str:
    """The word for "date" that follows "PO number/" in a combined label."""
    return {"en": "Date", "de": "Datum", "fr": "Date", "es": "Fecha", "it": "Data", "nl": "Datum"}.get(
        page.lang, page.labels["date"]
    )


def spool_lines(page: FieldPage) -> list[str]:
    """An AS/400 print-out: a two-column header block with dot leaders, then the lines."""
    po = page.po

    def lead(label: str, value: str, width: int = 24) -> str:
        dots = ". " * ((width - len(label)) // 2)
        return f"{label.upper()} {dots}".ljust(width) + f": {value}"

    right = [
        lead(PAGE_WORD[page.lang], "1 OF 1", 16),
        lead(VENDOR_NO[page.lang], "100234", 16),
        lead(*BESIDE_TERMS[page.lang], 16),
    ]
    left = [lead(label, value) for label, value in page.field_pairs()]
    out = [f"{po.buyer.name.upper():<60}{page.lab('title').upper():>40}"]
    out += [line.upper() for line in po.buyer.address]
    out.append("")
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        out.append(f"{a:<62}{b}".rstrip())
    out += ["", f"{page.lab('supplier').upper()}: {f.OUR.upper()}", "-" * 100]
    cols = page.columns()
    rows = page.rows()
    widths = {k: max(len(label), *(len(r[i]) for r in rows)) + 2 for i, (k, label) in enumerate(cols)}

    def row(cells: list[str]) -> str:
        return " ".join(
            f"{v:>{widths[k]}}" if k in f.NUMERIC else f"{v:<{widths[k]}}" for (k, _), v in zip(cols, cells)
        )

    out += [row([label.upper() for _, label in cols]), "-" * 100]
    out += [row(r) for r in rows]
    out.append("-" * 100)
    out += [f"{label.upper():>80}{value:>20}" for label, value in page.sum_rows()]
    out += ["", "PLEASE CONFIRM WITHIN 48 HOURS. QUOTE THE ORDER NUMBER ON ALL DOCUMENTS."]
    return out


def pdf_spool(path: Path, page: FieldPage) -> None:
    cv = f.Canvas(path, page, letter=True)
    y = cv.H - 40
    for text in spool_lines(page):
        cv.text(28, y, text, 7.6, mono=True)
        y -= 10
    cv.save()


# The line naming a revision and the order it changes, per language: {n} the revision, {po} the
# order's number (the only place the number is printed).
CHANGE_LINE = {
    "en": ["CHANGE ORDER {n} TO PO {po}", "Amendment No. {n} to Purchase Order {po}", "Revision {n} of P.O. # {po}"],
    "de": ["Änderung {n} zur Bestellung {po}", "ÄNDERUNG {n} ZUR BESTELLUNG NR. {po}"],
    "fr": ["Modification {n} de la commande {po}", "Modification n° {n} de la commande n° {po}"],
    "es": ["Modificación {n} a la orden de compra {po}", "Modificación {n} del pedido {po}"],
    "it": ["Modifica {n} all'ordine {po}", "Modifica n. {n} dell'ordine {po}"],
    "nl": ["Wijziging {n} op bestelling {po}", "Wijziging {n} van inkooporder {po}"],
}
REVISION_LABEL = {"en": "Revision", "de": "Änderungs-Nr.", "fr": "Révision", "es": "Revisión"}
REVISION_LABEL.update({"it": "Revisione", "nl": "Wijzigingsnr."})


def pdf_change_order(path: Path, page: FieldPage) -> None:
    """A revised order: the PO number only in the line naming the revision, never labelled."""
    cv = f.Canvas(path, page, letter=page.lang == "en")
    W, H, m = cv.W, cv.H, 40
    po = page.po
    rng = f.rng_for(path.name)
    revision = str(1 + rng.randrange(4))
    change = rng.choice(CHANGE_LINE[page.lang]).format(n=revision, po=po.number)
    y = _letterhead(cv, page, m, H - 50, extra=page.variant % 2 == 0)
    # under the order's own title (a document calling itself only a change is a change request)
    cv.text(W - m, H - 50, page.lab("title"), 15, True, "r")
    if page.variant % 2:
        cv.text(W - m, H - 66, change, 10, True, "r")
    else:  # the change line set apart under the letterhead, across the page
        cv.text(m, y - 4, change, 11, True)
        y -= 18
    cv.text(W - m, H - 80, f"{PAGE_WORD[page.lang]} 1/1", 8, align="r")
    pairs = [(REVISION_LABEL[page.lang], revision), *page.field_pairs()[1:], (VENDOR_NO[page.lang], "100234")]
    y -= 12
    for i in range(0, len(pairs), 2):
        for k, (label, value) in enumerate(pairs[i : i + 2]):
            x = m + k * 260
            cv.text(x, y, f"{label}:", 9, True)
            cv.text(x + 110, y, value, 9)
        y -= 14
    y = _parties(cv, page, m, y - 10)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=page.variant % 3 == 0)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


def pdf_bilingual(path: Path, page: FieldPage) -> None:
    """Labels in English and in the buyer's language, the value under the label or right of it."""
    cv = f.Canvas(path, page)
    W, H, m = cv.W, cv.H, 40
    rng = f.rng_for(path.name)
    y = _letterhead(cv, page, m, H - 50, extra=False)
    cv.text(W - m, H - 50, f"PURCHASE ORDER · {page.lab('title')}", 14, True, "r")
    english = {key: rng.choice(words) for key, words in LABELS["en"].items()}
    keys = {page.labels[key]: key for key in ("po", "date", "delivery", "payment", "currency")}
    sep = rng.choice((" · ", " / "))
    pairs = [(f"{english[keys[label]]}{sep}{label}", value) for label, value in page.field_pairs()]
    y -= 10
    if page.variant % 2:  # the value right of its label, two pairs a line
        for i in range(0, len(pairs), 2):
            for k, (label, value) in enumerate(pairs[i : i + 2]):
                x = m + k * 265
                cv.text(x, y, label, 8.5, True)
                cv.text(x + 135, y, value, 9)
            y -= 15
    else:  # the value under its label, three to a line
        col = (W - 2 * m) / 3
        for i in range(0, len(pairs), 3):
            for k, (label, value) in enumerate(pairs[i : i + 3]):
                cv.text(m + k * col, y, label, 7.5, True)
                cv.text(m + k * col, y - 12, value, 9.5)
            y -= 30
    y = _parties(cv, page, m, y - 8)
    y = f.rl_table(cv, page, m, y, W - 2 * m, grid=True)
    _sums(cv, page, W - m - 3, y - 12)
    cv.save()


# --------------------------------------------------------------------------- fpdf2 and Word


def pdf_fpdf_columns(path: Path, page: FieldPage) -> None:
    """fpdf2: two columns of label and value cells side by side, distractors in the left one."""
    import logging

    from fpdf import FPDF
    from fpdf.fonts import FontFace

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    po = page.po
    pdf = FPDF(format="A4")
    pdf.set_creation_date(g.FIXED_TIME)
    pdf.file_id = lambda: -1
    pdf.set_title(page.lab("title"))
    pdf.add_font("body", fname=g.CJK_FONT if f.is_cjk(page.lang) else g.LATIN_FONT)
    pdf.add_page()
    pdf.set_font("body", size=14)
    pdf.cell(0, 9, po.buyer.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8)
    pdf.multi_cell(0, 4.2, "\n".join(po.buyer.address), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=13)
    pdf.cell(0, 10, page.lab("title"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=8.5)
    fields = page.field_pairs()
    left = [page.distractors()[1], page.distractors()[2], *fields[:2]]
    right = [*fields[2:], BESIDE_TERMS[page.lang]]
    for k in range(max(len(left), len(right))):
        for pairs in (left, right):
            label, value = pairs[k] if k < len(pairs) else ("", "")
            pdf.cell(40, 6, label, border=1 if label else 0)
            pdf.cell(55, 6, value, border=1 if label else 0)
        pdf.ln(6)
    pdf.ln(3)
    pdf.cell(0, 5, f"{page.lab('supplier')}: {f.OUR}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    cols = page.columns()
    with pdf.table(
        col_widths=tuple(f.WEIGHTS[k] for k, _ in cols),
        line_height=5,
        text_align=tuple("RIGHT" if k in f.NUMERIC else "LEFT" for k, _ in cols),
        headings_style=FontFace(fill_color=(220, 220, 220)),
    ) as t:
        t.row([label for _, label in cols])
        for r in page.rows():
            t.row(r)
    pdf.ln(2)
    for label, value in page.sum_rows():
        pdf.cell(150, 6, label, align="R")
        pdf.cell(30, 6, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def docx_kv(path: Path, page: FieldPage) -> None:
    """A Word order: the header as a table of label and value cells, two pairs a row."""
    from docx import Document
    from docx.shared import Pt

    po = page.po
    d = Document()
    d.core_properties.created = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    d.core_properties.author = po.buyer.contact
    d.core_properties.last_modified_by = po.buyer.contact
    d.styles["Normal"].font.size = Pt(9)
    run = d.add_paragraph().add_run(po.buyer.name)
    run.bold = True
    run.font.size = Pt(14)
    d.add_paragraph("\n".join(po.buyer.address))
    d.add_heading(page.lab("title"), level=1)
    pairs = [page.distractors()[1], *page.field_pairs(), BESIDE_TERMS[page.lang]]
    if len(pairs) % 2:
        pairs.append(page.distractors()[0])
    table = d.add_table(rows=len(pairs) // 2, cols=4)
    table.style = "Table Grid"
    for k, (label, value) in enumerate(pairs):
        cells = table.rows[k // 2].cells
        cells[2 * (k % 2)].text = label
        cells[2 * (k % 2) + 1].text = value
    d.add_paragraph(f"{page.lab('supplier')}: {f.OUR}")
    cols = page.columns()
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for cell, (_, label) in zip(t.rows[0].cells, cols):
        cell.text = label
    for r in page.rows():
        for cell, v in zip(t.add_row().cells, r):
            cell.text = v
    sums = d.add_table(rows=0, cols=2)
    for label, value in page.sum_rows():
        cells = sums.add_row().cells
        cells[0].text = label
        cells[1].text = value
    d.save(str(path))
    g.normalize_zip(path)


# --------------------------------------------------------------------------- the families

RENDERERS = [
    ("fields-kv-grid", "reportlab", pdf_kv_grid),
    ("fields-label-over", "reportlab", pdf_label_over),
    ("fields-band-combined", "reportlab", pdf_band_combined),
    ("fields-spool-leaders", "reportlab-courier", pdf_spool),
    ("fields-fpdf-columns", "fpdf2", pdf_fpdf_columns),
]
LANGS = ("en", "de", "fr", "es", "it", "nl", "ja", "zh-Hans", "zh-Hant")
CHANGE_ORDERS = 2  # documents of fields-change-order per language of CHANGE_LINE
BILINGUAL = ("zh-Hans", "zh-Hant", "ja")  # buyers whose forms print English labels beside their own


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    jobs: list[f.Job] = []
    src = b.tmp / "fields-src"
    src.mkdir(exist_ok=True)

    def add(rel: str, page: FieldPage, producer: str, family: str) -> None:
        fmt = rel.split("/")[0]
        expected: dict[str, Any] = page.golden()
        expected = {**expected, "format": fmt, "language": page.lang, "producer": producer, "family": family}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", expected))

    for li, lang in enumerate(LANGS):
        for k, (family, producer, render) in enumerate(RENDERERS):
            if family == "fields-spool-leaders" and f.is_cjk(lang):
                continue  # Courier has no CJK glyphs
            name = f"{lang.lower()}-{family}"
            page = make_page(name, lang, li + k)
            render(b.path(f"{f.WIDE}/pdf/{name}.pdf"), page)
            add(f"pdf/{name}.pdf", page, producer, family)
        name = f"{lang.lower()}-fields-docx-kv"
        page = make_page(name, lang, li)
        docx_kv(b.path(f"{f.WIDE}/docx/{name}.docx"), page)
        add(f"docx/{name}.docx", page, "python-docx", "fields-docx-kv")
        if li % 2 == 0:  # the same kind of form printed to PDF by LibreOffice
            lo = f"{lang.lower()}-fields-lo-docx-kv"
            lo_page = make_page(lo, lang, li + 1)
            source = src / f"{lo}.docx"
            docx_kv(source, lo_page)
            jobs.append(f.Job(f"{f.WIDE}/pdf/{lo}.pdf", source, "pdf"))
            add(f"pdf/{lo}.pdf", lo_page, "libreoffice", "fields-lo-docx-kv")
    for li, lang in enumerate(CHANGE_LINE):
        for k in range(CHANGE_ORDERS):
            name = f"{lang.lower()}-fields-change-order-{k}"
            page = make_page(name, lang, li + k)
            page.revision = False  # the revision is the line that names the order, not a suffix
            pdf_change_order(b.path(f"{f.WIDE}/pdf/{name}.pdf"), page)
            add(f"pdf/{name}.pdf", page, "reportlab", "fields-change-order")
    for li, lang in enumerate(BILINGUAL):
        for k in range(2):
            name = f"{lang.lower()}-fields-bilingual-labels-{k}"
            page = make_page(name, lang, li + k)
            page.revision = False
            pdf_bilingual(b.path(f"{f.WIDE}/pdf/{name}.pdf"), page)
            add(f"pdf/{name}.pdf", page, "reportlab", "fields-bilingual-labels")
    f.run_conversions(b, jobs)
