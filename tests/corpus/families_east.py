"""Header fields of Baltic, Slovene, Slovak, Bulgarian, Serbian and Ukrainian buyers, and of
Gulf buyers who type their numbers in Arabic-Indic or Persian digits (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Each document is drawn from a
ground truth made here and its golden file comes from that truth, never from mailflow's output.

* ``header-east-long`` (reportlab, DejaVu embedded): orders in Slovak, Slovenian, Latvian,
  Lithuanian, Estonian, Bulgarian, Serbian (Cyrillic) and Ukrainian, their dates written out in
  the language's long form ("2026. gada 14. novembris", "2026 m. lapkričio 14 d.", "14. novembra
  2026", "14 листопада 2026 р.", "14 ноември 2026 г.") or day-first with dots, the labels of the
  buyer's language beside, over or in a grid with their values (the layouts of
  ``header-cee-suffix``), money with the currency after it ("1 250,00 лв.", "4 800,00 грн"),
  a net sum, VAT and a gross total.
* ``header-arabic-digits`` (reportlab and openpyxl): bilingual English/Arabic forms of Gulf
  buyers whose PO number, dates, quantities and money are typed in Arabic-Indic digits
  (٤٥٠٠١٢٣٤٥٦, ١٤/١١/٢٠٢٦, ١٬١٥٤٫٥٠٠) or Persian ones (۱۴۰۵), as a PDF and as a workbook.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import families as f
import families_header as h
import generate as g

EAST_MONTHS = {
    # the month as the long date writes it (genitive where the language declines it)
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "sl": "januar februar marec april maj junij julij avgust september oktober november december",
    "lv": "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris",
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
    "et": "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "sr": "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
}
LONG_FORM = {
    "sk": "{d}. {m} {y}",
    "sl": "{d}. {m} {y}",
    "lv": "{y}. gada {d}. {m}",
    "lt": "{y} m. {m} {d} d.",
    "et": "{d}. {m} {y}",
    "bg": "{d} {m} {y} г.",
    "sr": "{d}. {m} {y}.",
    "uk": "{d} {m} {y} р.",
}


def long_date(d: date, lang: str) -> str:
    return LONG_FORM[lang].format(d=d.day, m=EAST_MONTHS[lang].split()[d.month - 1], y=d.year)


EAST_BUYERS = {
    "sk": f.Party(
        "Považské Strojárne s. r. o.",
        ["Priemyselná 12", "017 01 Považská Bystrica"],
        "Ján Novák",
        "nakup@pov-stroj.example",
        "sk",
    ),
    "sl": f.Party(
        "Savinja Kovinarstvo d.o.o.",
        ["Industrijska cesta 5", "3310 Žalec, Slovenija"],
        "Maja Kranjc",
        "nabava@savinja-kov.example",
        "sl",
    ),
    "lv": f.Party(
        "SIA Daugavas Metāls",
        ["Rūpniecības iela 21", "Rīga, LV-1045"],
        "Anna Bērziņa",
        "iepirkumi@daugavas-metals.example",
        "lv",
    ),
    "lt": f.Party(
        "UAB Nemuno Gamyba",
        ["Pramonės g. 14", "LT-51327 Kaunas"],
        "Jonas Kazlauskas",
        "pirkimai@nemuno-gamyba.example",
        "lt",
    ),
    "et": f.Party(
        "Peipsi Tehnika OÜ", ["Tööstuse tn 8", "50106 Tartu, Eesti"], "Kadri Tamm", "ost@peipsi-tehnika.example", "et"
    ),
    "bg": f.Party(
        "Тракия Машини ЕООД",
        ["ул. Индустриална 9", "4000 Пловдив, България"],
        "Иван Петров",
        "dostavki@trakia-mashini.example",
        "bg",
    ),
    "sr": f.Party(
        "Морава Алати д.о.о.",
        ["Индустријска 17", "34000 Крагујевац, Србија"],
        "Марко Јовановић",
        "nabavka@morava-alati.example",
        "sr",
    ),
    "uk": f.Party(
        "ТОВ Дніпро Комплект",
        ["вул. Заводська, 3", "49000 Дніпро, Україна"],
        "Олена Шевченко",
        "zakupivli@dnipro-komplekt.example",
        "uk",
    ),
}
EAST_CURRENCY = {"sk": "EUR", "sl": "EUR", "lv": "EUR", "lt": "EUR", "et": "EUR", "bg": "BGN", "sr": "RSD", "uk": "UAH"}
EAST_SUFFIX = {
    "sk": ["€", "EUR"],
    "sl": ["EUR", "€"],
    "lv": ["EUR", "€"],
    "lt": ["Eur", "€"],
    "et": ["€", "EUR"],
    "bg": ["лв.", "BGN"],
    "sr": ["дин.", "RSD"],
    "uk": ["грн", "UAH"],
}
EAST_RATE = {"EUR": Decimal("1"), "BGN": Decimal("1.96"), "RSD": Decimal("117"), "UAH": Decimal("44")}
EAST_NUM = {"sk": "fr", "sl": "de", "lv": "fr", "lt": "fr", "et": "fr", "bg": "fr", "sr": "de", "uk": "fr"}
EAST_LABELS: dict[str, dict[str, Any]] = {
    "sk": {
        "title": ["OBJEDNÁVKA", "Objednávka"],
        "po": ["Číslo objednávky", "Objednávka č."],
        "date": ["Dátum objednávky", "Dátum vystavenia"],
        "delivery": ["Termín dodania", "Dátum dodania"],
        "currency": ["Mena"],
        "payment": ["Platobné podmienky", "Splatnosť"],
        "supplier": ["Dodávateľ"],
        "sums": [("Spolu bez DPH", "DPH 20%", "Spolu s DPH"), ("Základ dane", "DPH 20%", "Celkom k úhrade")],
        "tax": "0.20",
        "payment_text": ["Prevodom, 30 dní", "Prevodný príkaz 14 dní"],
        "cols": {"item": "Kód", "desc": "Názov tovaru", "qty": "Množstvo", "unit": "MJ", "price": "Jednotková cena"},
        "amount": "Suma",
        "unit": "ks",
        "page": "Strana 1/1",
        "nouns": [
            "Dištančný stĺpik M4x20",
            "Montážna konzola",
            "Riadiaca doska rev C",
            "Tlačná pružina",
            "Tesnenie EPDM",
        ],
    },
    "sl": {
        "title": ["NAROČILNICA", "Naročilnica"],
        "po": ["Številka naročila", "Naročilnica št."],
        "date": ["Datum naročila", "Datum izdaje"],
        "delivery": ["Rok dobave", "Datum dobave"],
        "currency": ["Valuta"],
        "payment": ["Plačilni pogoji", "Rok plačila"],
        "supplier": ["Dobavitelj"],
        "sums": [("Skupaj brez DDV", "DDV 22%", "Skupaj z DDV"), ("Osnova za DDV", "DDV 22%", "Za plačilo")],
        "tax": "0.22",
        "payment_text": ["30 dni od prejema računa", "Nakazilo v 60 dneh"],
        "cols": {"item": "Šifra", "desc": "Naziv artikla", "qty": "Količina", "unit": "EM", "price": "Cena/EM"},
        "amount": "Vrednost",
        "unit": "kos",
        "page": "Stran 1/1",
        "nouns": ["Distančnik M4x20", "Montažni nosilec", "Krmilna plošča rev C", "Tlačna vzmet", "Tesnilo EPDM"],
    },
    "lv": {
        "title": ["PASŪTĪJUMS", "Pirkuma pasūtījums"],
        "po": ["Pasūtījuma numurs", "Pasūtījuma Nr."],
        "date": ["Pasūtījuma datums", "Datums"],
        "delivery": ["Piegādes datums", "Piegādes termiņš"],
        "currency": ["Valūta"],
        "payment": ["Apmaksas noteikumi", "Apmaksas termiņš"],
        "supplier": ["Piegādātājs"],
        "sums": [("Kopā bez PVN", "PVN 21%", "Kopā apmaksai")],
        "tax": "0.21",
        "payment_text": ["Pārskaitījums 30 dienu laikā", "30 dienas pēc rēķina saņemšanas"],
        "cols": {"item": "Kods", "desc": "Nosaukums", "qty": "Daudzums", "unit": "Mērv.", "price": "Cena"},
        "amount": "Summa",
        "unit": "gab.",
        "page": "Lapa 1 no 1",
        "nouns": ["Distanceris M4x20", "Montāžas kronšteins", "Vadības plate rev C", "Spiedes atspere", "Blīve EPDM"],
    },
    "lt": {
        "title": ["UŽSAKYMAS", "Pirkimo užsakymas"],
        "po": ["Užsakymo numeris", "Užsakymo Nr."],
        "date": ["Užsakymo data", "Išrašymo data"],
        "delivery": ["Pristatymo data", "Pristatymo terminas"],
        "currency": ["Valiuta"],
        "payment": ["Mokėjimo sąlygos", "Apmokėjimo terminas"],
        "supplier": ["Tiekėjas"],
        "sums": [("Iš viso be PVM", "PVM 21%", "Iš viso su PVM")],
        "tax": "0.21",
        "payment_text": ["Pavedimu per 30 dienų", "30 dienų nuo sąskaitos gavimo"],
        "cols": {"item": "Kodas", "desc": "Pavadinimas", "qty": "Kiekis", "unit": "Mato vnt.", "price": "Kaina"},
        "amount": "Suma",
        "unit": "vnt.",
        "page": "Puslapis 1 iš 1",
        "nouns": [
            "Distancinis stovas M4x20",
            "Montavimo laikiklis",
            "Valdymo plokštė rev C",
            "Spyruoklė",
            "Tarpinė EPDM",
        ],
    },
    "et": {
        "title": ["OSTUTELLIMUS", "Tellimus"],
        "po": ["Tellimuse number", "Tellimuse nr"],
        "date": ["Tellimuse kuupäev", "Kuupäev"],
        "delivery": ["Tarnekuupäev", "Tarneaeg"],
        "currency": ["Valuuta"],
        "payment": ["Maksetingimused", "Maksetähtaeg"],
        "supplier": ["Tarnija"],
        "sums": [("Kokku ilma käibemaksuta", "Käibemaks 22%", "Kokku käibemaksuga")],
        "tax": "0.22",
        "payment_text": ["Ülekandega 14 päeva", "30 päeva arve saamisest"],
        "cols": {"item": "Kood", "desc": "Nimetus", "qty": "Kogus", "unit": "Ühik", "price": "Ühiku hind"},
        "amount": "Summa",
        "unit": "tk",
        "page": "Lehekülg 1/1",
        "nouns": ["Vahepuks M4x20", "Kinnitusklamber", "Juhtplaat rev C", "Survevedru", "Tihend EPDM"],
    },
    "bg": {
        "title": ["ПОРЪЧКА", "Поръчка за покупка"],
        "po": ["Номер на поръчка", "Поръчка №"],
        "date": ["Дата на поръчка", "Дата"],
        "delivery": ["Срок на доставка", "Дата на доставка"],
        "currency": ["Валута"],
        "payment": ["Условия на плащане", "Начин на плащане"],
        "supplier": ["Доставчик"],
        "sums": [("Общо без ДДС", "ДДС 20%", "Общо с ДДС"), ("Данъчна основа", "ДДС 20%", "Сума за плащане")],
        "tax": "0.20",
        "payment_text": ["По банков път, 30 дни", "Банков превод до 15 дни"],
        "cols": {"item": "Код", "desc": "Наименование", "qty": "Количество", "unit": "Мярка", "price": "Ед. цена"},
        "amount": "Стойност",
        "unit": "бр.",
        "page": "Страница 1 от 1",
        "nouns": [
            "Дистанционна втулка M4x20",
            "Монтажна конзола",
            "Управляваща платка rev C",
            "Натискна пружина",
            "Уплътнение EPDM",
        ],
    },
    "sr": {
        "title": ["НАРУЏБЕНИЦА", "Наруџбеница"],
        "po": ["Број наруџбенице", "Наруџбеница бр."],
        "date": ["Датум наруџбенице", "Датум"],
        "delivery": ["Рок испоруке", "Датум испоруке"],
        "currency": ["Валута"],
        "payment": ["Услови плаћања", "Рок плаћања"],
        "supplier": ["Добављач"],
        "sums": [("Основица", "ПДВ 20%", "Укупно за плаћање")],
        "tax": "0.20",
        "payment_text": ["Вирмански, 30 дана", "45 дана од пријема фактуре"],
        "cols": {"item": "Шифра", "desc": "Назив", "qty": "Количина", "unit": "ЈМ", "price": "Цена"},
        "amount": "Износ",
        "unit": "ком",
        "page": "Страна 1/1",
        "nouns": ["Дистанцер M4x20", "Монтажни носач", "Управљачка плоча rev C", "Потисна опруга", "Заптивка EPDM"],
    },
    "uk": {
        "title": ["ЗАМОВЛЕННЯ", "Замовлення постачальнику"],
        "po": ["Номер замовлення", "Замовлення №"],
        "date": ["Дата замовлення", "Дата"],
        "delivery": ["Термін поставки", "Дата поставки"],
        "currency": ["Валюта"],
        "payment": ["Умови оплати", "Термін оплати"],
        "supplier": ["Постачальник"],
        "sums": [("Разом без ПДВ", "ПДВ 20%", "Разом з ПДВ"), ("Разом без ПДВ", "ПДВ 20%", "Всього до сплати")],
        "tax": "0.20",
        "payment_text": ["Оплата 30 днів", "Оплата протягом 14 днів"],
        "cols": {"item": "Артикул", "desc": "Найменування", "qty": "Кількість", "unit": "Од.", "price": "Ціна"},
        "amount": "Сума",
        "unit": "шт",
        "page": "Сторінка 1 з 1",
        "nouns": [
            "Стійка дистанційна M4x20",
            "Кронштейн монтажний",
            "Плата керування rev C",
            "Пружина стиснення",
            "Ущільнювач EPDM",
        ],
    },
}
EAST_NUMBER = {
    "sk": "OBJ-{n}/2026",
    "sl": "NAR-2026-{n}",
    "lv": "PAS-{n}",
    "lt": "UZS-{n}",
    "et": "TL{n}",
    "bg": "ПР-{n}",
    "sr": "НБ-{n}/26",
    "uk": "ЗМ-{n}",
}
EAST_DOCS = {"sk": 3, "sl": 3, "lv": 3, "lt": 3, "et": 3, "bg": 3, "sr": 3, "uk": 3}


class EastSheet(h.Sheet):
    """A ``header-cee-suffix`` sheet whose dates are the language's long form (or dotted)."""

    def d(self, value: date) -> str:
        return long_date(value, self.lang) if self.dates == "long" else h.cee_date(value, self.dates)


def make_east(name: str, lang: str, k: int) -> EastSheet:
    spec = EAST_LABELS[lang]
    rng = f.rng_for(name)
    labels = {
        key: rng.choice(spec[key]) for key in ("title", "po", "date", "delivery", "currency", "payment", "supplier")
    }
    currency = EAST_CURRENCY[lang]
    rate = EAST_RATE[currency]
    nouns = rng.sample(spec["nouns"], 2 + k % 3)
    lines = []
    for i, noun in enumerate(nouns):
        base = Decimal(h.BASE_PRICES[(i + len(name)) % len(h.BASE_PRICES)])
        qty = Decimal(rng.choice([50, 100, 200, 250, 500, 1000, 1500] if base < 4 else [20, 50, 100, 150]))
        price = max((base * rate * Decimal(rng.randrange(90, 116)) / 100).quantize(Decimal("0.01")), Decimal("0.01"))
        lines.append(g.Line(f"{chr(65 + i)}{rng.randrange(10000, 99999)}", noun, qty, spec["unit"], price, qty * price))
    sub = sum((ln.amount for ln in lines), Decimal(0))
    tax = h._q(sub * Decimal(spec["tax"]))
    po_date = g.pick_date(rng, date(2026, 11, 13), 9, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    number = EAST_NUMBER[lang].format(n=rng.randrange(10000, 99999))
    party = EAST_BUYERS[lang]
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang=lang, currency=currency)
    payment = rng.choice(spec["payment_text"])
    po = g.PO(number, buyer, po_date, delivery, currency, None, payment, lines, sub + tax)
    return EastSheet(
        po,
        lang,
        num=EAST_NUM[lang],
        dates="long" if k != 1 else "dmy_dot",
        labels=labels,
        sums=rng.choice(spec["sums"]),
        subtotal=sub,
        tax=tax,
        suffix=EAST_SUFFIX[lang][k % 2],
        currency_field=k % 2 == 0,
        variant=k,
        extra={"words": spec},
    )


def pdf_east(path: Path, sheet: EastSheet) -> None:
    """The ``header-cee-suffix`` page in the buyer's language, its letters in an embedded font."""
    h.pdf_cee(path, sheet)


# --------------------------------------------------------------------------- Arabic-Indic digits

ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
GULF_BUYERS = [
    f.Party(
        "Al Noor Trading W.L.L.",
        ["Shuwaikh Industrial Area, Block 2", "Kuwait"],
        "Fatima Al-Sabah",
        "purchase@alnoor-trading.example",
        "ar",
        "KWD",
    ),
    f.Party(
        "Gulf Horizon Industries LLC",
        ["Al Quoz Industrial 3", "Dubai, UAE"],
        "Omar Haddad",
        "procurement@gulfhorizon.example",
        "ar",
        "AED",
    ),
    f.Party(
        "Pars Sanat Co.", ["Azadi St. 120", "Tehran, Iran"], "Reza Ahmadi", "kharid@pars-sanat.example", "ar", "USD"
    ),
]


def in_digits(text: str, digits: str) -> str:
    """``text`` with its digits written in ``digits``; with Arabic-Indic ones, the Arabic decimal
    and thousands signs too ("1,154.500" → "١٬١٥٤٫٥٠٠")."""
    out = text.translate({ord(str(k)): digits[k] for k in range(10)})
    if digits == ARABIC_DIGITS:
        out = out.replace(",", "\u066c").replace(".", "\u066b")
    return out


def make_gulf(name: str, k: int) -> tuple[g.PO, str]:
    rng = f.rng_for(name)
    party = GULF_BUYERS[k % len(GULF_BUYERS)]
    currency = party.currency or "USD"
    places = 3 if currency == "KWD" else 2
    step = Decimal(1).scaleb(-places)
    lines = []
    for i in range(2 + k % 2):
        qty = Decimal(rng.choice([10, 20, 40, 50, 120, 250]))
        price = (Decimal(rng.randrange(500, 25000)) / 1000).quantize(step)
        lines.append(
            g.Line(
                f"GH-{rng.randrange(100, 999)}-{i + 1}",
                ["Smart watch", "Wireless earbuds", "Power bank 10000 mAh"][i],
                qty,
                "PCS",
                price,
                (qty * price).quantize(step),
            )
        )
    po_date = g.pick_date(rng, date(2026, 11, 13), 9, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=10), 20, True)
    total = sum((ln.amount for ln in lines), Decimal(0))
    buyer = g.Buyer(party.name, party.address, party.person, party.email, lang="ar", currency=currency)
    po = g.PO(
        f"{rng.randrange(4500000000, 4599999999)}",
        buyer,
        po_date,
        delivery,
        currency,
        None,
        "Net 30 days",
        lines,
        total,
    )
    return po, (ARABIC_DIGITS if k % 3 != 2 else PERSIAN_DIGITS)


def _gulf_rows(po: g.PO, digits: str) -> tuple[list[tuple[str, str]], list[list[str]], str]:
    def n(value: Decimal) -> str:
        return in_digits(g.fmt_num(value, "en"), digits)

    def d(value: date) -> str:
        return in_digits(f"{value.day:02d}/{value.month:02d}/{value.year}", digits)

    header = [
        ("PO No. · رقم أمر الشراء", in_digits(po.number, digits)),
        ("PO Date · تاريخ الأمر", d(po.po_date)),
        ("Delivery Date · تاريخ التسليم", d(po.delivery) if po.delivery else ""),
        ("Currency · العملة", po.currency),
        ("Payment Terms · شروط الدفع", po.payment or ""),
    ]
    rows = [["#", "Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]]
    for i, ln in enumerate(po.lines, 1):
        rows.append([in_digits(str(i), digits), ln.item, ln.desc or "", n(ln.qty), ln.unit, n(ln.price), n(ln.amount)])
    return header, rows, n(po.total or Decimal(0))


def pdf_gulf(path: Path, po: g.PO, digits: str) -> None:
    page = f.Page(po, "en")
    cv = f.Canvas(path, page)
    cv.latin2 = True  # DejaVu: the Arabic-Indic digits and the Arabic words
    W, H, m = cv.W, cv.H, 40
    cv.text(m, H - 50, po.buyer.name, 13, True)
    y = H - 50
    for line in po.buyer.address:
        y -= 11
        cv.text(m, y, line, 8.5)
    cv.text(W - m, H - 50, "PURCHASE ORDER", 15, True, "r")
    header, rows, total = _gulf_rows(po, digits)
    y -= 30
    for label, value in header:
        cv.text(m, y, f"{label}:", 9, True)
        cv.text(m + 190, y, value, 9)
        y -= 14
    y -= 10
    cv.text(m, y, "Vendor · المورد:", 8.5, True)
    cv.text(m + 90, y, f.OUR, 8.5)
    y -= 30
    widths = [25, 80, 160, 50, 40, 70, 90]
    for r, row in enumerate(rows):
        x = m
        for w, text, right in zip(widths, row, [1, 0, 0, 1, 0, 1, 1]):
            cv.text(x + w - 3 if right else x + 3, y, text, 8.5, r == 0, "r" if right else "l")
            x += w
        y -= 15
    y -= 6
    cv.text(m + sum(widths) - 95, y, "Total · الإجمالي", 9, True, "r")
    cv.text(m + sum(widths) - 3, y, f"{total} {po.currency}", 9, True, "r")
    cv.save()


def xlsx_gulf(path: Path, po: g.PO, digits: str) -> None:
    from openpyxl import Workbook

    header, rows, total = _gulf_rows(po, digits)
    wb = Workbook()
    ws = wb.active
    ws.title = "PO"
    ws["A1"] = po.buyer.name
    ws["A2"] = ", ".join(po.buyer.address)
    ws["A3"] = "PURCHASE ORDER · أمر شراء"
    r = 5
    for label, value in header:
        ws.cell(r, 1, label)
        ws.cell(r, 3, value)  # typed as text, in the buyer's digits
        r += 1
    ws.cell(r, 1, "Vendor · المورد")
    ws.cell(r, 3, f.OUR)
    r += 2
    for row in rows:
        for c, value in enumerate(row, 1):
            ws.cell(r, c, value)
        r += 1
    ws.cell(r, 6, "Total · الإجمالي")
    ws.cell(r, 7, total)
    wb.properties.created = g.FIXED_TIME.replace(tzinfo=None)
    wb.properties.modified = g.FIXED_TIME.replace(tzinfo=None)
    wb.save(str(path))
    g.normalize_zip(path)


GULF_DOCS = 6


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""
    for lang, count in EAST_DOCS.items():
        for k in range(count):
            name = f"{lang}-header-east-long-{k}"
            sheet = make_east(name, lang, k)
            pdf_east(b.path(f"{f.WIDE}/pdf/{name}.pdf"), sheet)
            expected = {
                **sheet.golden(),
                "format": "pdf",
                "language": lang,
                "producer": "reportlab",
                "family": "header-east-long",
            }
            b.docs.append(g.Built(f"{f.WIDE}/pdf/{name}.pdf", expected))
    for k in range(GULF_DOCS):
        name = f"ar-header-arabic-digits-{k}"
        po, digits = make_gulf(name, k)
        fmt = "pdf" if k % 2 == 0 else "xlsx"
        if fmt == "pdf":
            pdf_gulf(b.path(f"{f.WIDE}/pdf/{name}.pdf"), po, digits)
        else:
            xlsx_gulf(b.path(f"{f.WIDE}/xlsx/{name}.xlsx"), po, digits)
        golden = g.expected_for(po, g.Style(amounts=True, totals=True))
        producer = "reportlab" if fmt == "pdf" else "openpyxl"
        expected = {**golden, "format": fmt, "language": "ar", "producer": producer, "family": "header-arabic-digits"}
        b.docs.append(g.Built(f"{f.WIDE}/{fmt}/{name}.{fmt}", expected))
