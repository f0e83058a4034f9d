"""Header fields of buyers the other families do not print (``wide/``): Central European orders
with the currency after the amount, Chinese ERP print-outs, and forms crowded with numbers and
dates that are not the order's.

``generate.py`` calls :func:`build` after the other wide families. Each document is drawn from a
ground truth made here and its golden file comes from that truth, never from mailflow's output.

* ``header-cee-suffix`` (reportlab): Hungarian, Polish, Czech and Romanian orders as their
  accounting programs print them: money written with spaces or dots between thousands, a decimal
  comma and the currency after the amount ("1 234,50 Ft", "12.345,00 zł", "8 790,00 Kč",
  "1.250,00 lei"); dates year first with dots ("2026. 12. 04.", "2026.12.04.", "2026. december
  4."), or day first with a trailing dot or spaces ("04.12.2026.", "4. 12. 2026"); the labels
  ("Rendelésszám", "Kelt", "Szállítási határidő") beside their values, in a ruled grid of label
  and value cells, or over their values. Half name no currency field: only the amounts say it.
* ``header-cn-erp`` (reportlab): purchase orders printed by Chinese ERPs (用友 U8, 金蝶 K/3): a
  ruled grid of label cells each with its value in the next cell (订单编号, 单据日期, 供应商, 币种,
  汇率, 计划到货日期, 部门, 业务员), the print date and the document's making date (制单日期, 打印日期)
  beside the order's, lines with 原币单价 and 原币金额, then 合计, 税额 and 价税合计 with the amount
  in capital numerals (大写: 壹万贰仟元整) beside the number.
* ``header-crowded`` (reportlab): English and German forms whose header prints, near the PO
  number, a quotation number, a customer number, a release number, the page count and a VAT
  number; near the PO date, the date the form was printed or exported; before the total, a
  subtotal; the label's value to its right, under it in the same box, or in a column of values
  beside a column of labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import families as f
import generate as g

# --------------------------------------------------------------------------- Central Europe

CEE_BUYERS = {
    "hu": f.Party(
        "Tiszamenti Fémipari Zrt.",
        ["Gyártelep út 4.", "5000 Szolnok, Magyarország"],
        "Kovács Eszter",
        "beszerzes@tiszamenti.example",
        "hu",
    ),
    "pl": f.Party(
        "Zakłady Mechaniczne Wisła Sp. z o.o.",
        ["ul. Przemysłowa 18", "43-460 Wisła, Polska"],
        "Anna Kowalczyk",
        "zakupy@zm-wisla.example",
        "pl",
    ),
    "cs": f.Party(
        "Moravské Strojírny a.s.",
        ["Tovární 311", "779 00 Olomouc, Česká republika"],
        "Petr Dvořák",
        "nakup@moravske-strojirny.example",
        "cs",
    ),
    "ro": f.Party(
        "Carpați Echipamente S.R.L.",
        ["Str. Fabricii nr. 7", "550234 Sibiu, România"],
        "Andrei Popescu",
        "achizitii@carpati-echip.example",
        "ro",
    ),
}
CEE_CURRENCY = {"hu": "HUF", "pl": "PLN", "cs": "CZK", "ro": "RON"}
CEE_RATE = {"HUF": Decimal("360"), "PLN": Decimal("4.0"), "CZK": Decimal("23"), "RON": Decimal("4.6")}
# the currency as the amounts write it after them, per document drawn from these
CEE_SUFFIX = {"hu": ["Ft", "HUF", "Ft"], "pl": ["zł", "PLN"], "cs": ["Kč", "CZK"], "ro": ["lei", "RON"]}
# how the program writes numbers: thousands with a space ("fr") or a dot ("de"), decimal comma
CEE_NUM = {"hu": ["fr"], "pl": ["fr", "de"], "cs": ["fr"], "ro": ["de"]}
CEE_LABELS = {
    "hu": {
        "title": ["MEGRENDELÉS", "Megrendelés"],
        "po": ["Rendelésszám", "Megrendelés száma", "Megrendelésszám"],
        "date": ["Kelt", "Rendelés dátuma", "Megrendelés kelte"],
        "delivery": ["Szállítási határidő", "Teljesítési határidő", "Kért szállítási dátum"],
        "currency": ["Pénznem", "Deviza"],
        "payment": ["Fizetési feltételek", "Fizetési mód"],
        "supplier": ["Szállító", "Eladó"],
        "sums": [("Nettó összesen", "ÁFA 27%", "Bruttó végösszeg"), ("Nettó érték", "ÁFA 27%", "Fizetendő összesen")],
        "tax": ["0.27"],
        "payment_text": ["Átutalás 30 nap", "Átutalás, 15 nap"],
        "cols": {"item": "Cikkszám", "desc": "Megnevezés", "qty": "Mennyiség", "unit": "Me.", "price": "Egységár"},
        "amount": "Nettó érték",
        "unit": "db",
        "page": "1/1. oldal",
    },
    "pl": {
        "title": ["ZAMÓWIENIE", "Zamówienie zakupu"],
        "po": ["Nr zamówienia", "Zamówienie nr"],
        "date": ["Data zamówienia", "Data wystawienia"],
        "delivery": ["Termin dostawy", "Data dostawy"],
        "currency": ["Waluta"],
        "payment": ["Warunki płatności", "Forma płatności"],
        "supplier": ["Dostawca"],
        "sums": [("Razem netto", "VAT 23%", "Razem brutto"), ("Wartość netto", "VAT 23%", "Do zapłaty")],
        "tax": ["0.23"],
        "payment_text": ["Przelew 30 dni", "Przelew 14 dni"],
        "cols": {"item": "Indeks", "desc": "Nazwa towaru", "qty": "Ilość", "unit": "J.m.", "price": "Cena netto"},
        "amount": "Wartość netto",
        "unit": "szt.",
        "page": "Strona 1 z 1",
    },
    "cs": {
        "title": ["OBJEDNÁVKA", "Objednávka"],
        "po": ["Číslo objednávky", "Objednávka č."],
        "date": ["Datum objednávky", "Datum vystavení"],
        "delivery": ["Termín dodání", "Datum dodání"],
        "currency": ["Měna"],
        "payment": ["Platební podmínky", "Způsob úhrady"],
        "supplier": ["Dodavatel"],
        "sums": [("Celkem bez DPH", "DPH 21%", "Celkem k úhradě"), ("Základ daně", "DPH 21%", "Celkem s DPH")],
        "tax": ["0.21"],
        "payment_text": ["Převodem, splatnost 30 dní", "Převodním příkazem 14 dní"],
        "cols": {"item": "Kód", "desc": "Název", "qty": "Množství", "unit": "MJ", "price": "Cena/MJ"},
        "amount": "Celkem",
        "unit": "ks",
        "page": "Strana 1/1",
    },
    "ro": {
        "title": ["COMANDĂ", "Comandă de achiziție"],
        "po": ["Număr comandă", "Nr. comandă"],
        "date": ["Data comenzii", "Data emiterii"],
        "delivery": ["Termen de livrare", "Data livrării"],
        "currency": ["Monedă"],
        "payment": ["Condiții de plată", "Termen de plată"],
        "supplier": ["Furnizor"],
        "sums": [("Total fără TVA", "TVA 19%", "Total de plată"), ("Valoare netă", "TVA 19%", "Total cu TVA")],
        "tax": ["0.19"],
        "payment_text": ["OP la 30 de zile", "OP la 45 de zile"],
        "cols": {"item": "Cod articol", "desc": "Denumire", "qty": "Cantitate", "unit": "U.M.", "price": "Preț unitar"},
        "amount": "Valoare",
        "unit": "buc",
        "page": "Pagina 1 din 1",
    },
}
HU_MONTHS = "január február március április május június július augusztus szeptember október november december"
# date styles per language: the forms their programs print
CEE_DATES = {
    "hu": ["hu_spaced", "hu_dots", "hu_long", "iso"],
    "pl": ["dmy_dot", "dmy_dot_r", "iso"],
    "cs": ["dmy_spaced", "dmy_dot", "dmy_trailing"],
    "ro": ["dmy_dot", "dmy_trailing"],
}


def cee_date(d: date, style: str) -> str:
    """A date as Central European programs print it."""
    return {
        "hu_spaced": f"{d.year}. {d.month:02d}. {d.day:02d}.",
        "hu_dots": f"{d.year}.{d.month:02d}.{d.day:02d}.",
        "hu_long": f"{d.year}. {HU_MONTHS.split()[d.month - 1]} {d.day}.",
        "iso": d.isoformat(),
        "dmy_dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy_dot_r": f"{d.day:02d}.{d.month:02d}.{d.year} r.",
        "dmy_spaced": f"{d.day}. {d.month}. {d.year}",
        "dmy_trailing": f"{d.day:02d}.{d.month:02d}.{d.year}.",
    }[style]


ITEM_NOUNS = {
    "hu": ["Távtartó M4x20", "Rögzítő konzol", "Vezérlőpanel rev C", "Nyomórugó 0.8x6x20", "Tömítés EPDM 90 mm"],
    "pl": [
        "Tuleja dystansowa M4x20",
        "Wspornik montażowy",
        "Płytka sterująca rev C",
        "Sprężyna naciskowa",
        "Uszczelka",
    ],
    "cs": ["Distanční sloupek M4x20", "Montážní konzola", "Řídicí deska rev C", "Tlačná pružina", "Těsnění EPDM"],
    "ro": ["Distanțier hexagonal M4x20", "Suport de montaj", "Placă de control rev C", "Arc de compresie", "Garnitură"],
    "zh-Hans": ["六角铜柱 M4x20", "安装支架 SUS304", "控制板 C版", "压缩弹簧 0.8x6x20", "密封圈 EPDM", "直流电机 12V"],
    "en": ["Hex standoff M4x20", "Mounting bracket 2 mm", "Control board rev C", "Compression spring", "Gasket EPDM"],
    "de": ["Abstandsbolzen M4x20", "Haltewinkel 2 mm", "Steuerplatine Rev. C", "Druckfeder 0,8x6x20", "Dichtung EPDM"],
}
BASE_PRICES = ["0.085", "1.42", "18.60", "0.12", "0.46", "4.90"]


@dataclass
class Sheet:
    """One header-family document: its ground truth and how it prints it."""

    po: g.PO
    lang: str
    num: str
    dates: str
    labels: dict[str, str]
    sums: tuple[str, str, str]
    subtotal: Decimal
    tax: Decimal
    suffix: str = ""  # the currency written after amounts ("Ft"); "" for none
    currency_field: bool = True
    variant: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def n(self, value: Decimal, money: bool = False) -> str:
        text = g.fmt_num(value, self.num)
        return f"{text} {self.suffix}" if money and self.suffix else text

    def d(self, value: date) -> str:
        return cee_date(value, self.dates) if self.dates in _CEE_STYLES else f.fmt_date(value, self.dates)

    def header_pairs(self) -> list[tuple[str, str]]:
        po = self.po
        pairs = [(self.labels["po"], po.number), (self.labels["date"], self.d(po.po_date))]
        if po.delivery:
            pairs.append((self.labels["delivery"], self.d(po.delivery)))
        if self.currency_field:
            pairs.append((self.labels["currency"], po.currency))
        if po.payment:
            pairs.append((self.labels["payment"], po.payment))
        return pairs

    def sum_rows(self) -> list[tuple[str, str]]:
        sub, tax, total = self.sums
        return [
            (sub, self.n(self.subtotal, True)),
            (tax, self.n(self.tax, True)),
            (total, self.n(self.po.total or 0, True)),
        ]

    def golden(self) -> dict[str, Any]:
        return g.expected_for(self.po, g.Style(amounts=True, totals=True))


_CEE_STYLES = {"hu_spaced", "hu_dots", "hu_long", "dmy_dot", "dmy_dot_r", "dmy_spaced", "dmy_trailing"}


def make_lines(name: str, lang: str, currency: str, rate: Decimal, n: int, places: int) -> list[g.Line]:
    rng = f.rng_for(name + "/lines")
    nouns = rng.sample(ITEM_NOUNS[lang], n)
    unit = CEE_LABELS[lang]["unit"] if lang in CEE_LABELS else {"zh-Hans": "个", "en": "EA", "de": "Stk"}[lang]
    lines = []
    for k, noun in enumerate(nouns):
        base = Decimal(BASE_PRICES[(k + len(name)) % len(BASE_PRICES)])
        qty = Decimal(rng.choice([50, 100, 200, 250, 500, 1000, 1500, 2000] if base < 4 else [20, 50, 100, 150]))
        price = (base * rate * Decimal(rng.randrange(90, 116)) / 100).quantize(Decimal(1).scaleb(-places))
        price = max(price, Decimal(1).scaleb(-places))
        amount = (qty * price).quantize(Decimal("0.01"))
        item = (
            f"{noun[:3].upper()}-{rng.randrange(1000, 9999)}"
            if lang != "zh-Hans"
            else f"0{rng.randrange(10101, 19999)}"
        )
        lines.append(g.Line(item, noun, qty, unit, price, amount))
    return lines


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def make_cee(name: str, lang: str, k: int) -> Sheet:
    rng = f.rng_for(name)
    labels = {key: rng.choice(CEE_LABELS[lang][key]) for key in ("title", "po", "date", "delivery", "currency")}
    labels.update({key: rng.choice(CEE_LABELS[lang][key]) for key in ("payment", "supplier")})
    currency = CEE_CURRENCY[lang]
    places = 0 if currency == "HUF" and k % 2 else 2
    lines = make_lines(name, lang, currency, CEE_RATE[currency], 2 + k % 3, places)
    sub = sum((ln.amount for ln in lines), Decimal(0))
    tax = _q(sub * Decimal(CEE_LABELS[lang]["tax"][0]))
    po_date = g.pick_date(rng, date(2026, 11, 13), 9, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    number = {
        "hu": f"MR-2026/{rng.randrange(1000, 9999)}",
        "pl": f"ZZ/{rng.randrange(100, 999)}/2026",
        "cs": f"OBJ{rng.randrange(260000, 269999)}",
        "ro": f"CA-{rng.randrange(10000, 99999)}",
    }[lang]
    party = CEE_BUYERS[lang]
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang=lang, currency=currency)
    payment = rng.choice(CEE_LABELS[lang]["payment_text"])
    po = g.PO(number, buyer, po_date, delivery, currency, None, payment, lines, sub + tax)
    return Sheet(
        po,
        lang,
        num=CEE_NUM[lang][k % len(CEE_NUM[lang])],
        dates=CEE_DATES[lang][k % len(CEE_DATES[lang])],
        labels=labels,
        sums=rng.choice(CEE_LABELS[lang]["sums"]),
        subtotal=sub,
        tax=tax,
        suffix=CEE_SUFFIX[lang][k % len(CEE_SUFFIX[lang])],
        currency_field=k % 2 == 0,
        variant=k,
    )


def _canvas(path: Path, sheet: Sheet) -> f.Canvas:
    po = sheet.po
    page = f.Page(po, sheet.lang if sheet.lang in f.LANG else "en")
    cv = f.Canvas(path, page)
    cv.c.setTitle(sheet.labels.get("title", ""))
    cv.latin2 = sheet.lang in f.LATIN2 or sheet.lang in ("hu", "cs", "ro") or bool(sheet.extra.get("words"))
    cv.cjk = sheet.lang == "zh-Hans"
    return cv


def _lines_table(cv: f.Canvas, sheet: Sheet, cols: list[tuple[str, str]], x0: float, y: float, width: float) -> float:
    """A ruled table of the lines: numbers right-aligned, the money cells with the suffix or not."""
    weights = {"no": 0.5, "item": 1.3, "desc": 3.4, "qty": 1.0, "unit": 0.7, "price": 1.3, "amount": 1.6}
    total_w = sum(weights[k] for k, _ in cols)
    widths = [width * weights[k] / total_w for k, _ in cols]
    money_suffix = sheet.extra.get("cell_suffix", False)

    def cell(i: int, ln: g.Line, key: str) -> str:
        return {
            "no": str(i),
            "item": ln.item,
            "desc": ln.desc or "",
            "qty": sheet.n(ln.qty),
            "unit": ln.unit,
            "price": sheet.n(ln.price, money_suffix),
            "amount": sheet.n(ln.amount, money_suffix),
        }[key]

    rows = [[label for _, label in cols]] + [
        [cell(i, ln, k) for k, _ in cols] for i, ln in enumerate(sheet.po.lines, 1)
    ]
    for r, row in enumerate(rows):
        x = x0
        cv.box(x0, y - 5, width, 16, fill=0.88 if r == 0 else None)
        for (k, _), w, text in zip(cols, widths, row):
            right = k in ("no", "qty", "price", "amount")
            cv.text(x + w - 3 if right else x + 3, y, text, 8, r == 0, "r" if right else "l")
            cv.line(x, y - 5, x, y + 11)
            x += w
        y -= 16
    return y


def pdf_cee(path: Path, sheet: Sheet) -> None:
    """A Central European order: letterhead, title, header in one of three layouts, lines, sums."""
    cv = _canvas(path, sheet)
    W, H, m = cv.W, cv.H, 40
    po = sheet.po
    cv.text(m, H - 50, po.buyer.name, 13, True)
    y = H - 50
    for line in po.buyer.address:
        y -= 11
        cv.text(m, y, line, 8.5)
    cv.text(W - m, H - 50, sheet.labels["title"], 15, True, "r")
    spec = sheet.extra.get("words") or CEE_LABELS[sheet.lang]  # another family's words (families_east)
    cv.text(W - m, H - 64, spec["page"], 8, align="r")
    pairs = sheet.header_pairs()
    y -= 30
    layout = sheet.variant % 3
    if layout == 0:  # "Label: value", two pairs a line
        for i in range(0, len(pairs), 2):
            for k, (label, value) in enumerate(pairs[i : i + 2]):
                cv.text(m + k * 260, y, f"{label}:", 9, True)
                cv.text(m + k * 260 + 120, y, value, 9)
            y -= 14
    elif layout == 1:  # a ruled grid of label and value cells, two pairs a row
        for i in range(0, len(pairs), 2):
            x = m
            for label, value in pairs[i : i + 2]:
                cv.box(x, y - 5, 110, 16, fill=0.9)
                cv.box(x + 110, y - 5, 147, 16)
                cv.text(x + 3, y, label, 8, True)
                cv.text(x + 114, y, value, 8.5)
                x += 257
            y -= 16
    else:  # labels in small type over their values, three to a row
        col = (W - 2 * m) / 3
        for i in range(0, len(pairs), 3):
            for k, (label, value) in enumerate(pairs[i : i + 3]):
                cv.text(m + k * col, y, label, 7)
                cv.text(m + k * col, y - 11, value, 9.5, True)
            y -= 30
    y -= 14
    cv.text(m, y, f"{sheet.labels['supplier']}:", 8.5, True)
    for k, line in enumerate([f.OUR, *g.OUR_ADDRESS]):
        cv.text(m + 70, y - k * 10.5, line, 8.5)
    y -= 48
    labels = spec["cols"]
    cols = [("no", "#"), *[(k, labels[k]) for k in ("item", "desc", "qty", "unit", "price")]]
    cols.append(("amount", spec["amount"]))
    y = _lines_table(cv, sheet, cols, m, y, W - 2 * m)
    y -= 14
    for label, value in sheet.sum_rows():
        bold = label == sheet.sums[2]
        cv.text(W - m - 120, y, label, 9, bold, "r")
        cv.text(W - m - 3, y, value, 9, bold, "r")
        y -= 13
    cv.save()


# --------------------------------------------------------------------------- Chinese ERP prints

CN_BUYERS = [
    f.Party("无锡宏达精密部件有限公司", ["江苏省无锡市新吴区长江路21号"], "王磊", "cg@hongda-jm.example", "zh-Hans"),
    f.Party(
        "佛山市顺德区美辰电器有限公司",
        ["广东省佛山市顺德区大良街道工业大道8号"],
        "李娜",
        "po@meichen.example",
        "zh-Hans",
    ),
]
CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital_amount(value: Decimal) -> str:
    """An amount in Chinese capital numerals, as 大写 prints it: 壹万贰仟叁佰肆拾伍元陆角柒分."""
    value = value.quantize(Decimal("0.01"))
    yuan = int(value)
    jiao, fen = int(value * 10) % 10, int(value * 100) % 10

    def section(n: int) -> str:
        out, zero = "", False
        for unit_value, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            digit = n // unit_value % 10
            if digit:
                out += ("零" if zero and out else "") + CN_DIGITS[digit] + unit
                zero = False
            else:
                zero = True
        return out

    parts = []
    for big, unit in ((100000000, "亿"), (10000, "万"), (1, "")):
        chunk = yuan // big % 10000
        if chunk:
            text = section(chunk)
            if parts and chunk < 1000:
                text = "零" + text
            parts.append(text + unit)
    words = "".join(parts) + "元" if yuan else ""
    if not jiao and not fen:
        return words + "整"
    if jiao:
        words += CN_DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    if fen:
        words += CN_DIGITS[fen] + "分"
    return words


CN_SYSTEMS = {
    "u8": dict(
        title="采购订单",
        po="订单编号",
        date="单据日期",
        delivery="计划到货日期",
        made="制单日期",
        printed="打印日期",
        cols={
            "item": "存货编码",
            "desc": "存货名称",
            "unit": "主计量",
            "qty": "数量",
            "price": "原币单价",
            "amount": "原币金额",
        },
        sums=("合计", "原币税额", "价税合计"),
    ),
    "kingdee": dict(
        title="采购订单",
        po="单据编号",
        date="日期",
        delivery="到货日期",
        made="制单日期",
        printed="打印时间",
        cols={"item": "物料代码", "desc": "物料名称", "unit": "单位", "qty": "数量", "price": "单价", "amount": "金额"},
        sums=("合计", "税额", "价税合计"),
    ),
}


def make_cn(name: str, k: int) -> Sheet:
    rng = f.rng_for(name)
    system = CN_SYSTEMS["u8" if k % 2 == 0 else "kingdee"]
    party = CN_BUYERS[k % len(CN_BUYERS)]
    lines = make_lines(name, "zh-Hans", "CNY", Decimal("7.1"), 2 + k % 3, 2)
    sub = sum((ln.amount for ln in lines), Decimal(0))
    tax = _q(sub * Decimal("0.13"))
    po_date = g.pick_date(rng, date(2026, 11, 13), 8, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    number = f"CGDD{po_date:%Y%m}{rng.randrange(1000, 9999)}" if k % 2 == 0 else f"POORD{rng.randrange(100000, 999999)}"
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang="zh-Hans", currency="CNY")
    po = g.PO(
        number, buyer, po_date, delivery, "CNY", None, rng.choice(["月结30天", "货到票到60天付款"]), lines, sub + tax
    )
    labels = {key: system[key] for key in ("title", "po", "date", "delivery")}
    return Sheet(
        po,
        "zh-Hans",
        num="en",
        dates=["iso", "slash", "zh"][k % 3],
        labels=labels,
        sums=system["sums"],
        subtotal=sub,
        tax=tax,
        variant=k,
        extra={"system": system, "made": po_date + timedelta(days=k % 2), "printed": date(2026, 11, 22)},
    )


def pdf_cn_erp(path: Path, sheet: Sheet) -> None:
    """A Chinese ERP's purchase order: a ruled grid of label cells with the value in the next cell."""
    cv = _canvas(path, sheet)
    W, H, m = cv.W, cv.H, 36
    po, system = sheet.po, sheet.extra["system"]
    cv.text(W / 2, H - 46, po.buyer.name, 13, True, "c")
    cv.text(W / 2, H - 66, system["title"], 16, True, "c")
    printed = f"{system['printed']}：{sheet.d(sheet.extra['printed'])}"
    cv.text(W - m, H - 84, printed, 8, align="r")
    cv.text(m, H - 84, "第1页 共1页", 8)
    currency = ["人民币", "CNY"][sheet.variant % 2]
    grid = [
        [(system["po"], po.number), (system["date"], sheet.d(po.po_date)), ("供应商", f.OUR)],
        [("币种", currency), ("汇率", "1.00000000"), ("部门", "采购部")],
        [
            (system["delivery"], sheet.d(po.delivery) if po.delivery else ""),
            ("付款条件", po.payment or ""),
            ("业务员", po.buyer.contact),
        ],
        [("税率", "13.00"), ("采购类型", "普通采购"), (system["made"], sheet.d(sheet.extra["made"]))],
    ]
    widths = (62, 120, 52, 88, 52, W - 2 * m - 374)
    y = H - 108
    for row in grid:
        x = m
        for c, (label, value) in enumerate(row):
            wl, wv = widths[2 * c], widths[2 * c + 1]
            cv.box(x, y - 5, wl, 17, fill=0.92)
            cv.box(x + wl, y - 5, wv, 17)
            cv.text(x + 3, y, label, 8, True)
            cv.text(x + wl + 3, y, value, 7.5 if len(value) > 20 else 8.5)
            x += wl + wv
        y -= 17
    y -= 16
    labels = system["cols"]
    cols = [("no", "行号"), *[(key, labels[key]) for key in ("item", "desc", "unit", "qty", "price", "amount")]]
    y = _lines_table(cv, sheet, cols, m, y, W - 2 * m)
    sub, tax, total = sheet.sums
    rows = [(sub, g.fmt_num(sheet.subtotal, "en")), (tax, g.fmt_num(sheet.tax, "en"))]
    for label, value in rows:
        cv.box(m, y - 5, W - 2 * m, 16)
        cv.text(m + 3, y, label, 8.5, True)
        cv.text(W - m - 3, y, value, 8.5, align="r")
        y -= 16
    total_value = po.total or Decimal(0)
    cv.box(m, y - 5, W - 2 * m, 16)
    if sheet.variant % 3 == 0:
        cv.text(m + 3, y, f"{total}(大写)：{capital_amount(total_value)}", 8.5, True)
        cv.text(W - m - 3, y, f"(小写)：￥{g.fmt_num(total_value, 'en')}", 8.5, align="r")
    else:
        cv.text(m + 3, y, total, 8.5, True)
        cv.text(m + 80, y, capital_amount(total_value), 8.5)
        cv.text(W - m - 3, y, g.fmt_num(total_value, "en"), 8.5, align="r")
    y -= 30
    cv.text(m, y, f"制单人：{po.buyer.contact}      审核人：张伟      审核日期：{sheet.d(sheet.extra['made'])}", 8.5)
    cv.save()


# --------------------------------------------------------------------------- crowded forms

CROWD_BUYERS = {
    "en": f.Party(
        "Blue Heron Instruments Inc.",
        ["PO Box 2210", "3300 Commerce Pkwy", "Beaverton, OR 97005, USA"],
        "Karen Mills",
        "purchasing@blueheron.example",
        "en",
    ),
    "de": f.Party(
        "Schwarzwald Feinwerktechnik GmbH",
        ["Postfach 2040", "Gewerbestraße 17", "78048 Villingen-Schwenningen"],
        "Markus Vogel",
        "einkauf@sw-feinwerk.example",
        "de",
    ),
}
CROWD = {
    "en": dict(
        title="PURCHASE ORDER",
        po=["PO Number", "Purchase Order No.", "PO Nbr", "Purchasing Document", "Order Reference"],
        date=["PO Date", "Order Date", "Order Dt"],
        delivery=["Delivery Date", "Required Date", "Need Date", "Required Ship Date", "Del. Date"],
        currency=["Currency"],
        payment=["Payment Terms"],
        quote="Quotation No.",
        customer="Customer No.",
        release="Release No.",
        vat="VAT Reg. No.",
        page="Page 1 of 1",
        printed=["Print Date", "Printed on", "Export Date", "Date printed", "Date", "Date"],
        sums=("Subtotal", "Sales Tax 8.25%", "Total"),
        tax="0.0825",
        num="en",
        dates="us_unambiguous",
        carried="Carried forward",
        cols={"item": "Part No.", "desc": "Description", "qty": "Qty", "unit": "UOM", "price": "Unit Price"},
        amount="Amount",
    ),
    "de": dict(
        title="BESTELLUNG",
        po=["Bestellnummer", "Bestell-Nr.", "Belegnummer"],
        date=["Bestelldatum", "Belegdatum"],
        delivery=["Liefertermin", "Wunschtermin", "Wunschliefertermin", "Anlieferdatum"],
        currency=["Währung"],
        payment=["Zahlungsbedingungen"],
        quote="Angebots-Nr.",
        customer="Kunden-Nr.",
        release="Abruf-Nr.",
        vat="USt-IdNr.",
        page="Seite 1 von 1",
        printed=["Druckdatum", "Gedruckt am", "Exportdatum", "Datum", "Datum"],
        sums=("Summe netto", "MwSt. 19%", "Gesamtbetrag"),
        tax="0.19",
        num="de",
        dates="de",
        carried="Übertrag",
        cols={"item": "Artikel-Nr.", "desc": "Bezeichnung", "qty": "Menge", "unit": "ME", "price": "Einzelpreis"},
        amount="Gesamtpreis",
    ),
}


def make_crowd(name: str, lang: str, k: int) -> Sheet:
    rng = f.rng_for(name)
    spec = CROWD[lang]
    labels = {key: rng.choice(spec[key]) for key in ("po", "date", "delivery", "currency", "payment", "printed")}
    labels["title"] = spec["title"]
    currency = "USD" if lang == "en" else "EUR"
    lines = make_lines(name, lang, currency, Decimal(1) if lang == "en" else Decimal("0.92"), 2 + k % 3, 2)
    sub = sum((ln.amount for ln in lines), Decimal(0))
    tax = _q(sub * Decimal(spec["tax"]))
    po_date = g.pick_date(rng, date(2026, 11, 13), 7, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    number = f"45{rng.randrange(10000000, 99999999)}" if lang == "de" else f"{rng.randrange(100000, 999999)}"
    party = CROWD_BUYERS[lang]
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang=lang, currency=currency)
    payment = "Net 30 days" if lang == "en" else "30 Tage netto"
    po = g.PO(number, buyer, po_date, delivery, currency, None, payment, lines, sub + tax)
    return Sheet(
        po,
        lang,
        num=spec["num"],
        dates="long" if lang == "en" else "de",
        labels=labels,
        sums=spec["sums"],
        subtotal=sub,
        tax=tax,
        variant=k,
        extra={
            "spec": spec,
            "printed": date(2026, 11, 22) if k % 2 else po_date + timedelta(days=3),
            "quote": f"Q-{rng.randrange(20000, 29999)}",
            "customer": str(rng.randrange(10000, 99999)),
            "release": str(1 + rng.randrange(9)),
            "vat": "US 94-1234567" if lang == "en" else "DE 812 345 678",
        },
    )


def pdf_crowded(path: Path, sheet: Sheet) -> None:
    """A header crowded with numbers and dates that are not the order's, in one of three layouts:
    value right of its label, value under its label in the same box, a column of labels beside a
    column of values. The print or export date is printed before the PO date."""
    cv = _canvas(path, sheet)
    W, H, m = cv.W, cv.H, 40
    po, spec, extra = sheet.po, sheet.extra["spec"], sheet.extra
    cv.text(m, H - 50, po.buyer.name, 13, True)
    y = H - 50
    for line in po.buyer.address:
        y -= 11
        cv.text(m, y, line, 8.5)
    cv.text(W - m, H - 50, spec["title"], 15, True, "r")
    cv.text(W - m, H - 64, f"{sheet.labels['printed']}: {sheet.d(extra['printed'])}", 8, align="r")
    cv.text(W - m, H - 76, spec["page"], 8, align="r")
    pairs = [
        (spec["customer"], extra["customer"]),
        (spec["quote"], extra["quote"]),
        (sheet.labels["po"], po.number),
        (spec["release"], extra["release"]),
        (sheet.labels["date"], sheet.d(po.po_date)),
        (sheet.labels["delivery"], sheet.d(po.delivery) if po.delivery else ""),
        (sheet.labels["currency"], po.currency),
        (sheet.labels["payment"], po.payment or ""),
        (spec["vat"], extra["vat"]),
    ]
    y -= 26
    layout = sheet.variant % 3
    if layout == 0:  # boxes: label in small type at the top, the value under it in the same box
        bw = (W - 2 * m) / 3
        for i in range(0, len(pairs), 3):
            for k, (label, value) in enumerate(pairs[i : i + 3]):
                x = m + k * bw
                cv.box(x, y - 18, bw, 30)
                cv.text(x + 4, y + 3, label, 6.5)
                cv.text(x + 4, y - 11, value, 9.5, True)
            y -= 30
    elif layout == 1:  # a column of labels, then a column of values, twice
        half = (len(pairs) + 1) // 2
        for column, chunk in enumerate((pairs[:half], pairs[half:])):
            yy = y
            for label, value in chunk:
                cv.text(m + column * 265, yy, label, 8.5, True)
                cv.text(m + column * 265 + 115, yy, value, 9)
                yy -= 13
        y -= 13 * half
    else:  # the value far right of its label, across the page
        for label, value in pairs:
            cv.text(m, y, label, 9)
            cv.text(m + 300, y, value, 9)
            y -= 13
    y -= 16
    cv.text(m, y, "Vendor:" if sheet.lang == "en" else "Lieferant:", 8.5, True)
    for k, line in enumerate([f.OUR, *g.OUR_ADDRESS]):
        cv.text(m + 70, y - k * 10.5, line, 8.5)
    y -= 48
    cols = [("no", "#"), *[(key, spec["cols"][key]) for key in ("item", "desc", "qty", "unit", "price")]]
    cols.append(("amount", spec["amount"]))
    y = _lines_table(cv, sheet, cols, m, y, W - 2 * m)
    y -= 14
    for label, value in sheet.sum_rows():
        bold = label == sheet.sums[2]
        cv.text(W - m - 120, y, label, 9, bold, "r")
        cv.text(W - m - 3, y, value, 9, bold, "r")
        y -= 13
    cv.text(m, 50, f"{sheet.labels['printed']} {sheet.d(extra['printed'])} 14:05   {spec['page']}", 7)
    cv.save()


# --------------------------------------------------------------------------- the families

CEE_DOCS = {"hu": 6, "pl": 3, "cs": 3, "ro": 2}
CN_DOCS = 6
CROWD_DOCS = {"en": 8, "de": 5}


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, sheet: Sheet, family: str) -> None:
        expected = {
            **sheet.golden(),
            "format": "pdf",
            "language": sheet.lang,
            "producer": "reportlab",
            "family": family,
        }
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", expected))

    for lang, count in CEE_DOCS.items():
        for k in range(count):
            name = f"{lang}-header-cee-suffix-{k}"
            sheet = make_cee(name, lang, k)
            pdf_cee(b.path(f"{f.WIDE}/pdf/{name}.pdf"), sheet)
            add(f"pdf/{name}.pdf", sheet, "header-cee-suffix")
    for k in range(CN_DOCS):
        name = f"zh-hans-header-cn-erp-{k}"
        sheet = make_cn(name, k)
        pdf_cn_erp(b.path(f"{f.WIDE}/pdf/{name}.pdf"), sheet)
        add(f"pdf/{name}.pdf", sheet, "header-cn-erp")
    for lang, count in CROWD_DOCS.items():
        for k in range(count):
            name = f"{lang}-header-crowded-{k}"
            sheet = make_crowd(name, lang, k)
            pdf_crowded(b.path(f"{f.WIDE}/pdf/{name}.pdf"), sheet)
            add(f"pdf/{name}.pdf", sheet, "header-crowded")
