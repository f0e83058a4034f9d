"""A month word is read in the language the document is written in: "listopada" is November in a
Polish order and October in a Croatian one, "12-ago-2026" is August in a Spanish or Portuguese
order, "12. des. 2026" December in a Norwegian one. Without a language the document's words tell,
a word languages disagree on is still said for a person, and a short abbreviation is not a date."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from mailflow.extract import ParseContext, parse_message
from mailflow.extract.languages import document_languages
from mailflow.extract.normalize import date_spans, find_date
from mailflow.model import Attachment, Message

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Zamówienie zakupu  Numer zamówienia  Termin dostawy  Warunki płatności", "pl"),
        ("Narudžbenica  Broj narudžbe  Datum isporuke  Uvjeti plaćanja", "hr"),
        ("Objednávka  Číslo objednávky  Datum dodání  Platební podmínky", "cs"),
        ("Naročilnica  Številka naročila  Datum dobave", "sl"),
        ("Pedido de compra  Número do pedido  Data de entrega  Condições de pagamento", "pt"),
        ("Orden de compra  Número de pedido  Fecha de entrega  Forma de pago", "es"),
        ("Innkjøpsordre  Ordrenummer  Leveringsdato  Betalingsbetingelser", "nb"),
        ("Inköpsorder  Ordernummer  Leveransdatum  Betalningsvillkor", "sv"),
    ],
)
def test_the_words_of_a_document_tell_its_language(text, language):
    assert language in document_languages(text)


def test_words_no_language_owns_tell_none():
    assert document_languages("12 x 450 / 2026 — 3,50") == ()
    # a stray word of another language beside many of the document's own does not count
    croatian = "Narudžbenica  Broj narudžbe  Datum isporuke  Uvjeti plaćanja  Količina  Jedinična cijena  dostawy"
    assert "pl" not in document_languages(croatian)


@pytest.mark.parametrize(
    ("cell", "languages", "day"),
    [
        # the genitive month alone in its cell, no letter of its language beside it
        ("12 listopada 2026", ("pl",), dt.date(2026, 11, 12)),
        ("12. listopada 2026.", ("hr", "bs"), dt.date(2026, 10, 12)),
        ("listopad 12, 2026", ("hr",), dt.date(2026, 10, 12)),
        ("12 listopad 2026", ("cs",), dt.date(2026, 11, 12)),
        # short abbreviations, with their year
        ("12-ago-2026", ("es", "gl", "pt"), dt.date(2026, 8, 12)),
        ("12/set/2026", ("pt",), dt.date(2026, 9, 12)),
        ("03-out-26", ("pt",), dt.date(2026, 10, 3)),
        ("12 dic 2026", ("it",), dt.date(2026, 12, 12)),
        ("12. des. 2026", ("nb", "da"), dt.date(2026, 12, 12)),
        ("12 lis 2026", ("pl",), dt.date(2026, 11, 12)),
        ("12 lis 2026", ("hr",), dt.date(2026, 10, 12)),
        ("12 lip 2026", ("hr",), dt.date(2026, 6, 12)),
        ("12 lip 2026", ("pl",), dt.date(2026, 7, 12)),
        ("12. srp. 2026", ("cs",), dt.date(2026, 8, 12)),
        ("12. avg. 2026", ("sl",), dt.date(2026, 8, 12)),
        ("ago 12, 2026", ("es",), dt.date(2026, 8, 12)),
    ],
)
def test_a_month_word_is_read_in_the_documents_language(cell, languages, day):
    parsed = find_date(cell, TODAY, None, languages)
    assert parsed.value == day
    assert parsed.ambiguous == ""


def test_without_the_documents_language_a_shared_word_is_still_said_for_a_person():
    parsed = find_date("12 listopada 2026", TODAY)
    assert parsed.value is None and "listopada" in parsed.ambiguous
    # languages of the document that disagree on it decide nothing
    both = find_date("12 listopada 2026", TODAY, None, ("pl", "hr"))
    assert both.value is None and "listopada" in both.ambiguous
    # the letters of its own text still choose, for a person to confirm
    letters = find_date("Data dostawy: 12 listopada 2026 r., płatność", TODAY)
    assert letters.value == dt.date(2026, 11, 12) and letters.ambiguous


def test_a_short_abbreviation_is_a_month_only_in_its_language_and_with_a_year():
    assert find_date("12 set 2026", TODAY).value is None  # no language: not a date
    assert find_date("12 set 2026", TODAY, None, ("en",)).value is None
    assert find_date("1 set", TODAY, None, ("pt",)).value is None  # a quantity and its unit
    assert find_date("Qty 2 set 2026 pcs, due 3 December 2026", TODAY, None, ("it",)).value == dt.date(2026, 9, 2)
    assert find_date("2 set 10", TODAY, None, ("pt",)).value is None
    assert date_spans("Fecha 12-ago-2026") == [(6, 17)]


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parse(data: bytes):
    name = "order.xlsx"
    attachment = Attachment(
        name,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        data,
        original_filename=name,
    )
    message = Message(
        "0" * 64, len(data), "<m@x>", subject="PO 4711", from_addr="buyer@customer.example", attachments=(attachment,)
    )
    return parse_message(message, ParseContext(today=TODAY))


LINES = [
    ["A-100", "Obudowa", 10, 12.5, 125],
    ["A-200", "Pokrywa", 4, 25, 100],
]


def test_a_polish_workbooks_delivery_date_is_read_in_polish():
    data = _workbook(
        [
            ["Zamówienie zakupu"],
            ["Numer zamówienia", "PO-4711"],
            ["Data zamówienia", "2026-11-02"],
            ["Termin dostawy", "12 listopada 2026"],
            ["Waluta", "PLN"],
            [],
            ["Indeks", "Opis", "Ilość", "Cena jedn.", "Wartość"],
            *LINES,
        ]
    )
    order = _parse(data).order
    assert order is not None
    assert order.delivery_date == dt.date(2026, 11, 12)


def test_a_croatian_workbooks_delivery_date_is_read_in_croatian():
    data = _workbook(
        [
            ["Narudžbenica"],
            ["Broj narudžbe", "PO-4711"],
            ["Datum narudžbe", "2026-09-28"],
            ["Rok isporuke", "12. listopada 2026."],
            ["Valuta", "EUR"],
            [],
            ["Šifra", "Naziv", "Količina", "Jedinična cijena", "Iznos"],
            *LINES,
        ]
    )
    order = _parse(data).order
    assert order is not None
    assert order.delivery_date == dt.date(2026, 10, 12)


def test_a_portuguese_workbooks_abbreviated_dates_are_read():
    data = _workbook(
        [
            ["Pedido de compra"],
            ["Número do pedido", "PO-4711"],
            ["Data do pedido", "02-out-2026"],
            ["Data de entrega", "15-dez-2026"],
            ["Moeda", "EUR"],
            [],
            ["Código", "Descrição", "Quantidade", "Preço unitário", "Valor total"],
            *LINES,
        ]
    )
    order = _parse(data).order
    assert order is not None
    assert (order.po_date, order.delivery_date) == (dt.date(2026, 10, 2), dt.date(2026, 12, 15))


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("12. tammik. 2026", dt.date(2026, 1, 12)),  # Finnish, cut short
        ("3. lokak. 2026", dt.date(2026, 10, 3)),
        ("12 febbr. 2026", dt.date(2026, 2, 12)),  # Italian
        ("4 Dezemb. 2026", dt.date(2026, 12, 4)),
    ],
)
def test_a_month_cut_short_is_read_with_its_year_never_without_it(cell, day):
    # the month's first letters are not read as a shorter month word without the year after it
    assert find_date(cell, TODAY).value == day


def test_a_word_that_begins_with_no_single_month_is_not_a_date():
    assert find_date("12 Stück. 2026", TODAY).value is None
    assert find_date("12 list. 2026", TODAY).value is None  # listopad: October or November


def test_only_a_month_cut_short_is_where_a_date_is_written():
    assert date_spans("Lieferung 12. Dezemb. 2026") == [(10, 26)]
    assert date_spans("20 Pack. 2026") == []


# ---- the same in a mail's body: the sentence asking for delivery is read in the mail's language

BODY_TABLE = (
    "Indeks     Opis       Ilość   Cena   Wartość\n"  # the header in the mail's language, as typed
    "A-100      Obudowa       10  12,50    125,00\n"
    "A-200      Pokrywa        4  25,00    100,00\n"
)


def _mail(text: str):
    message = Message(
        "0" * 64,
        len(text),
        "<b@x>",
        subject="Zamówienie PO-4711",
        from_addr="buyer@customer.example",
        date=dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc),
        text=text,
    )
    return parse_message(message, ParseContext(today=TODAY))


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Dostawa w dniu 18 sty 2027, prosimy o potwierdzenie.", dt.date(2027, 1, 18)),  # short: Polish only
        ("Dostawa w dniu 12 listopada 2027, prosimy o potwierdzenie.", dt.date(2027, 11, 12)),  # Polish November
        ("Prosimy o dostawę 3 gru 2026.", dt.date(2026, 12, 3)),
    ],
)
def test_a_polish_mails_delivery_sentence_is_read_in_polish(sentence, day):
    text = f"Dzień dobry,\n\nzamawiamy:\n\nNumer zamówienia: PO-4711\n\n{BODY_TABLE}\n{sentence}\n\nPozdrawiam\n"
    order = _mail(text).order
    assert order is not None and len(order.lines) == 2
    assert order.delivery_date == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Buongiorno,\n\nvi ordiniamo quanto segue:\n\nNumero ordine: PO-4711\n\n"
            "Codice     Descrizione   Quantità  Prezzo  Importo\n"
            "A-100      Coperchio           10   12,50   125,00\n\n"
            "Spedizione il 18 set 2027, grazie.\n",
            dt.date(2027, 9, 18),
        ),
        (
            "Hei,\n\ntilaamme seuraavat:\n\nTilausnumero: PO-4711\n\n"
            "Tuotekoodi  Kuvaus     Määrä  Yksikköhinta  Summa\n"
            "A-100       Kansi         10         12,50  125,00\n\n"
            "Toivomme toimitusta 18. tammikuuta 2027.\n",
            dt.date(2027, 1, 18),
        ),
    ],
    ids=["it-short-month", "fi-month-word"],
)
def test_an_italian_or_finnish_mails_delivery_sentence_is_read(text, day):
    order = _mail(text).order
    assert order is not None and order.lines
    assert order.delivery_date == day


def test_a_date_a_sentence_goes_on_after_is_a_date_but_a_number_after_it_is_not():
    assert find_date("18 sty 2027, prosimy", TODAY, None, ("pl",)).value == dt.date(2027, 1, 18)
    assert find_date("18 sty 2027.", TODAY, None, ("pl",)).value == dt.date(2027, 1, 18)
    assert find_date("2 set 2026,50", TODAY, None, ("it",)).value is None
