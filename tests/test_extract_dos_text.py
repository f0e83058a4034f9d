"""Text files an ERP printed in a DOS code page, attached with no charset or a wrong one.

The bytes are read in the code page they are in (cp852, cp866, cp850, cp437), told apart by how
plausibly each reads, and a table drawn with box characters (┌─┬─┐ │) is a table like one drawn
in ASCII (+---+ |). Messages go through the real MIME parser and extractor.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from email.message import EmailMessage

import pytest

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.body import box_rules
from mailflow.extract.codepages import SAMPLE, dos_reading
from mailflow.extract.csv import decode
from mailflow.message import parse as parse_mime
from mailflow.model import ParseResult

HUNGARIAN = """MEGRENDELÉS
Rendelésszám: HU-2026117
Rendelés dátuma: 2026.11.18.
Szállítási határidő: 2026.12.15.
Pénznem: EUR

┌──────────┬──────────────────────┬───────────┬──────────┬───────────┐
│ Cikkszám │ Megnevezés           │ Mennyiség │ Egységár │ Érték     │
├──────────┼──────────────────────┼───────────┼──────────┼───────────┤
│ HX-2040  │ Ház alumínium fekete │       500 │     3,20 │  1 600,00 │
│ HX-2041  │ Fedél ABS szürke     │     1 200 │     0,85 │  1 020,00 │
└──────────┴──────────────────────┴───────────┴──────────┴───────────┘
Összesen: 2 620,00

Győri Gépgyártó Kft.
"""
RUSSIAN = """ЗАКАЗ
Номер заказа: RU-2026331
Дата заказа: 18.11.2026
Валюта: RUB

╔══════════╦═════════════════════╦════════════╦══════════╦════════════╗
║ Артикул  ║ Наименование        ║ Количество ║ Цена     ║ Сумма      ║
╠══════════╬═════════════════════╬════════════╬══════════╬════════════╣
║ HX-2040  ║ Корпус алюминиевый  ║        500 ║   320,00 ║ 160 000,00 ║
║ HX-2041  ║ Крышка ABS серая    ║      1 200 ║    85,00 ║ 102 000,00 ║
╚══════════╩═════════════════════╩════════════╩══════════╩════════════╝
Итого: 262 000,00

ООО "Уралмаш-Комплект"
"""
ENGLISH = """PURCHASE ORDER
PO Number: 4500012345
PO Date: 2026-11-18
Currency: USD

╔══════════╦══════════════════════════╦═══════╦════════╦══════════╗
║ Item     ║ Description              ║  Qty  ║ Price  ║ Amount   ║
╠══════════╬══════════════════════════╬═══════╬════════╬══════════╣
║ KNO-4917 ║ Control knob ABS 21 mm   ║   500 ║   0.33 ║   165.00 ║
║ LAB-2210 ║ Rating label 40x20 mm    ║ 1,000 ║   0.05 ║    50.00 ║
╚══════════╩══════════════════════════╩═══════╩════════╩══════════╝
Total: 215.00

Northwind Components Ltd
"""


def mail_with(name: str, data: bytes, ctype: str = "text/plain", label: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Buyer <buyer@factory.example>"
    message["To"] = "orders@example.com"
    message["Subject"] = "order"
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0100"
    message["Message-ID"] = f"<{abs(hash(data))}@factory.example>"
    message.set_content("See the attached file.\n")
    main, sub = ctype.split("/")
    message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    raw = message.as_bytes()
    if label:  # the attachment says it is in a charset it is not in
        raw = raw.replace(b"Content-Type: text/plain\n", f'Content-Type: text/plain; charset="{label}"\n'.encode(), 1)
    return raw


def parse(raw: bytes) -> ParseResult:
    return parse_message(parse_mime(raw), ParseContext(today=dt.date(2026, 11, 23)))


@pytest.mark.parametrize(
    "text, codec",
    [
        (HUNGARIAN, "cp852"),
        (RUSSIAN, "cp866"),
        (ENGLISH, "cp437"),
        ("BESTELLUNG Nr. 4500012345\nÄußere Hülse Ø 6 mm, Dichtung für Gehäuse, Schlüssel, Größe\n", "cp850"),
        ("Vis à tête hexagonale, écrou, rondelle élastique, déjà livré, 25 °C\n", "cp850"),
        ("Šroub M4 nerez, těsnění kruhové, ložisko, Dodavatel: Příklad s.r.o.\n", "cp852"),
    ],
)
def test_a_dos_code_page_is_told_apart_by_how_its_text_reads(text, codec):
    data = text.encode(codec)
    first, encoding = decode(data)
    chosen = dos_reading(data, first, encoding) if first != text else None
    assert (chosen[0] if chosen else first) == text


def test_text_that_reads_well_keeps_its_reading():
    for text, codec in (
        ("Bestellung: Größe, Straße, Gerätebau – 25 °C", "cp1252"),
        ("Заказ поставщику: количество, цена, итого", "cp1251"),
        ("采购订单 供应商：示例有限公司 数量 单价 金额 合计", "gb18030"),
    ):
        data = (text + "\n") * 5
        assert dos_reading(data.encode(codec), data, codec) is None, codec


def test_only_a_bounded_sample_is_scored():
    text = ("Ház alumínium fekete │ 500 │ 3,20\n" * (SAMPLE // 20)).encode("cp852")
    found = dos_reading(text, text.decode("cp1252"), "cp1252")
    assert found is not None and found[1] == "cp852" and len(found[0]) == len(text)


def test_box_rules_become_ascii_rules():
    assert box_rules("┌──┬──┐\n│ a│ b│\n╠══╬══╣") == "+--+--+\n| a| b|\n+--+--+"
    plain = "no box here"
    assert box_rules(plain) is plain


@pytest.mark.parametrize("label", [None, "iso-8859-1", "utf-8"])
def test_a_hungarian_cp852_file_with_a_box_table_is_read_in_full(label):
    result = parse(mail_with("RENDELES.TXT", HUNGARIAN.encode("cp852"), label=label))
    assert result.kind == "purchase_order"
    order = result.order
    assert order is not None
    assert (order.po_number, order.currency, order.total) == ("HU-2026117", "EUR", Decimal("2620.00"))
    assert order.customer == "Győri Gépgyártó Kft."
    assert [(ln.description, ln.quantity, ln.amount) for ln in order.lines] == [
        ("Ház alumínium fekete", Decimal("500"), Decimal("1600.00")),
        ("Fedél ABS szürke", Decimal("1200"), Decimal("1020.00")),
    ]
    assert not result.needs_review, result.warnings


def test_a_russian_cp866_file_sent_as_octet_stream_is_read():
    result = parse(mail_with("ZAKAZ.TXT", RUSSIAN.encode("cp866"), ctype="application/octet-stream"))
    assert result.kind == "purchase_order"
    order = result.order
    assert order is not None and order.po_number == "RU-2026331"
    assert order.total == Decimal("262000.00")
    assert [ln.description for ln in order.lines] == ["Корпус алюминиевый", "Крышка ABS серая"]


def test_an_english_cp437_file_with_double_rules_keeps_whole_descriptions():
    result = parse(mail_with("PO.TXT", ENGLISH.encode("cp437")))
    order = result.order
    assert order is not None and order.po_number == "4500012345"
    assert [ln.description for ln in order.lines] == ["Control knob ABS 21 mm", "Rating label 40x20 mm"]
    assert [ln.quantity for ln in order.lines] == [Decimal("500"), Decimal("1000")]


@pytest.mark.parametrize(
    "text, codec",
    [
        ("PO 4512 Заказ\nBolt M8 200 pcs 4.20\n", "cp1251"),
        ("Замовлення № 4512\nГвинт М8 200 шт 4,20 грн\n", "cp1251"),
        ("PO 4512\nŠroub M8 200 ks 4,20\nDěkujeme\n", "cp1250"),
        ("Zamówienie 4512\nPozycja 1: śruba 200 szt\nDostawa do 15.01.2027, płatność 30 dni", "cp1250"),
        ("Narudžba br. 4512\nVijak M8 200 kom 4,20 €\nHvala, Đurđa Šarić", "cp1250"),
        ("Bestellung 4512: Dichtung für Gehäuse, 200 Stück", "cp1252"),
        ("Megrendelés 4512\nCsavar M8 200 db 4,20\nSzállítási határidő: 2027.01.15.", "cp1250"),
        ("Pedido 4512: as instruções e as condições de entrega", "cp1252"),
    ],
)
def test_a_short_windows_text_is_read_in_its_code_page(text, codec):
    """A few letters outside ASCII leave a charset guess among near ties; the page whose letters
    make one script's, one language's words is taken, never a Latin-1 mojibake."""
    assert decode(text.encode(codec))[0] == text


def test_an_html_page_is_read_in_the_charset_it_declares():
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1250'></head>"
        "<body><p>Objednávka č. 4512</p><p>Dodací lhůta: 15.01.2027. Jiří Řezníček</p></body></html>"
    )
    assert decode(page.encode("cp1250")) == (page, "cp1250")


RUSSIAN_WINDOWS = """Заказ на поставку
Номер заказа: RU-2026418
Дата заказа: 18.11.2026
Валюта: RUB

Артикул | Наименование | Количество | Цена | Сумма
HX-2040 | Корпус алюминиевый | 500 | 320,00 | 160 000,00
HX-2041 | Крышка серая | 1 200 | 85,00 | 102 000,00
Итого: 262 000,00
"""


def test_a_windows_1251_text_attachment_labelled_latin_1_is_read_in_cyrillic():
    result = parse(mail_with("zakaz.txt", RUSSIAN_WINDOWS.encode("cp1251"), label="iso-8859-1"))
    order = result.order
    assert order is not None and order.po_number == "RU-2026418"
    assert [ln.description for ln in order.lines] == ["Корпус алюминиевый", "Крышка серая"]
    assert order.total == Decimal("262000.00")


def test_a_utf8_text_with_a_stray_windows_byte_keeps_its_letters():
    """One "€" typed by an old program into a UTF-8 file: the file is still UTF-8, not
    windows-1252 mojibake ("GehÃ¤use") throughout."""
    text = "Bestellung 4512 für Müller & Söhne\nGehäuse Aluminium, 200 Stück, Größe M, Dichtungsmaß 4 mm\nPreis: 4,20 "
    decoded, codec = decode(text.encode("utf-8") + "€ netto\n".encode("cp1252"))
    assert (decoded, codec) == (text + "€ netto\n", "utf-8")
