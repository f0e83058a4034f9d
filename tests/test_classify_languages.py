"""Languages are data (``mailflow/data/languages/``): checked on load, merged into the vocabulary,
month names and number signs from CLDR."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from mailflow.extract.classify import REPLY_PREFIX, document_title
from mailflow.extract import languages
from mailflow.extract.normalize import find_currency, find_date
from mailflow.extract.vocabulary import Vocabulary

REQUIRED = {"en", "zh-Hans", "zh-Hant", "ja", "de", "fr", "it", "es", "pt", "nl", "sv", "pl"}


def test_every_required_language_is_there_with_titles_cues_and_parties():
    loaded = languages.load()
    assert REQUIRED <= set(loaded.tags)
    vocab = Vocabulary.bundled()
    for kind in languages.DOCUMENT_KINDS:
        assert vocab.documents[kind], kind
    assert {"company", "person"} <= set(vocab.parties)
    for word in (
        "bon de commande",
        "ordine",
        "pedido de compra",
        "inkooporder",
        "beställning",
        "zamówienie",
        "注文書",
        "発注書",
        "采购订单",
        "订购单",
        "訂購單",
        "訂單",
        "bestellung",
    ):
        assert word in vocab.documents["purchase_order"], word
    for label in (
        "bill to",
        "sold to",
        "buyer",
        "purchaser",
        "invoice to",
        "customer",
        "auftraggeber",
        "acheteur",
        "买方",
        "需方",
        "订货单位",
        "発注者",
    ):
        assert label in vocab.parties["company"] + vocab.parties["person"], label
    assert "menge" in vocab.columns["quantity"] and "quantità" in vocab.columns["quantity"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"language": "xx", "titles": {}}, "unknown key 'titles'"),
        ({"language": "xx", "documents": {"order_form": ["x"]}}, "documents.order_form is not one of"),
        ({"language": "xx", "labels": {"po_number": ["nr", "NR"]}}, "'NR' is listed twice"),
        ({"language": "xx", "units": []}, "non-empty list"),
        ({"documents": {"invoice": ["x"]}}, "'language'"),
        ({"language": "xx", "cues": {"purchase_order": [""]}}, "is not a word"),
    ],
)
def test_a_malformed_language_file_is_refused_naming_file_and_key(data, message):
    with pytest.raises(languages.LanguageDataError, match="languages/xx.yaml") as error:
        languages.check(data, "languages/xx.yaml")
    assert message in str(error.value)


def test_a_title_two_kinds_claim_is_refused():
    a = ("languages/a.yaml", {"language": "a", "documents": {"purchase_order": ["ordre"]}})
    b = ("languages/b.yaml", {"language": "b", "documents": {"invoice": ["Ordre"]}})
    with pytest.raises(languages.LanguageDataError, match="Ordre"):
        languages.merge([a, b])


@pytest.mark.parametrize(
    "text, day",
    [
        ("12 März 2026", dt.date(2026, 3, 12)),
        ("3 février 2026", dt.date(2026, 2, 3)),
        ("15 maart 2026", dt.date(2026, 3, 15)),
        ("7 września 2026", dt.date(2026, 9, 7)),
        ("21 dicembre 2026", dt.date(2026, 12, 21)),
    ],
)
def test_month_names_of_every_language_read_as_dates(text, day):
    assert find_date(text, dt.date(2026, 6, 1), "DMY").value == day


def test_everyday_three_letter_words_are_not_months():
    months = languages.month_words()
    for word in ("set", "out", "ago", "sie", "gen", "lip"):
        assert word not in months


def test_number_signs_come_from_cldr():
    assert languages.number_symbols("de") == (",", ".")
    assert languages.number_symbols("en") == (".", ",")
    assert languages.number_symbols("fr")[0] == ","


@pytest.mark.parametrize(
    "subject, reply",
    [
        ("AW: Bestellung 4411", True),
        ("Odp: zamówienie", True),
        ("回复：订单", True),
        ("SV: order", True),
        ("FW: Purchase order 4411", False),
        ("WG: Bestellung", False),
        ("Bestellung 4411", False),
    ],
)
def test_reply_prefixes_are_replies_not_forwards(subject, reply):
    assert bool(REPLY_PREFIX.match(subject)) is reply


# ------------------------------------------------------------------ buyer languages of OEM trade

TRADE = {"cs", "da", "tr", "ko", "fi", "nb", "hu", "ru", "ro"}


def test_the_trade_languages_are_there_with_titles_parties_and_legal_forms():
    loaded = languages.load()
    assert TRADE <= set(loaded.tags)
    vocab = Vocabulary.bundled()
    for word in (
        "objednávka",
        "indkøbsordre",
        "satin alma siparişi",
        "발주서",
        "ostotilaus",
        "innkjøpsordre",
        "megrendelés",
        "заказ",
        "comandă",
    ):
        assert word in vocab.documents["purchase_order"], word
    for form in (
        "s.r.o.",
        "a.s.",
        "ApS",
        "A/S",
        "A.Ş.",
        "Ltd. Şti.",
        "주식회사",
        "Oy",
        "AS",
        "Kft.",
        "Zrt.",
        "ООО",
        "АО",
        "S.R.L.",
    ):
        assert form in vocab.legal_forms, form
    for tag in TRADE:  # CLDR knows every one of them: months and number signs are not typed by hand
        decimal, group = languages.number_symbols(tag)
        assert decimal in ",." and decimal != group


@pytest.mark.parametrize(
    "text, kind",
    [
        ("OBJEDNÁVKA\nČíslo objednávky: 2026/118", "purchase_order"),
        ("Objednávka č. 2026/118", "purchase_order"),
        ("FAKTURA - DAŇOVÝ DOKLAD\nVaše objednávka č. 4411", "invoice"),
        ("Indkøbsordre 55120", "purchase_order"),
        ("SATIN ALMA SİPARİŞİ\nSipariş No: 4411", "purchase_order"),  # Turkish capitals: İ and I
        ("SEVK İRSALİYESİ\nSipariş No: 4411", "shipping_notice"),
        ("발주서\n발주번호: K-1", "purchase_order"),
        ("견적서\n견적번호 Q-22", "quotation"),
        ("Ostotilaus nro 4411", "purchase_order"),
        ("Megrendelés", "purchase_order"),
        ("Заказ № 118", "purchase_order"),
        ("Comandă nr. 118", "purchase_order"),
        ("Tilbud nr. 2291", "quotation"),
    ],
)
def test_trade_language_titles(text, kind):
    assert document_title(text, Vocabulary.bundled()).kind == kind


def test_a_cyrillic_title_is_a_whole_word():
    # "счет-фактура" is an invoice, but "заказчик" (the customer) is no order title
    vocab = Vocabulary.bundled()
    assert document_title("Заказчик: ООО «Ромашка»", vocab).kind is None
    assert document_title("СЧЕТ-ФАКТУРА № 118", vocab).kind == "invoice"


@pytest.mark.parametrize(
    "text, day",
    [
        ("23. listopadu 2026", dt.date(2026, 11, 23)),
        ("23. November 2026", dt.date(2026, 11, 23)),  # the day's dot, as German and Nordic dates write it
        ("23. marraskuuta 2026", dt.date(2026, 11, 23)),
        ("23 Kasım 2026", dt.date(2026, 11, 23)),
        ("23 ноября 2026", dt.date(2026, 11, 23)),
        ("23 noiembrie 2026", dt.date(2026, 11, 23)),
        ("2026. november 23.", dt.date(2026, 11, 23)),
    ],
)
def test_trade_language_dates(text, day):
    assert find_date(text, dt.date(2026, 6, 1), "DMY").value == day


# ------------------------------------------------------------------ more languages of trade

MORE = {"el", "hr", "id", "ms", "th", "hi", "bs", "sq", "mk", "is", "ga", "mt", "cy", "eu", "gl", "af", "sw"}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ΠΑΡΑΓΓΕΛΙΑ ΑΓΟΡΑΣ\nΑρ. παραγγελίας: 4411", "purchase_order"),  # Greek capitals drop the accents
        ("ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", "invoice"),
        ("Δελτίο Αποστολής 118", "shipping_notice"),
        ("NARUDŽBENICA br. 118/2026", "purchase_order"),
        ("Otpremnica br. 55", "shipping_notice"),
        ("PESANAN PEMBELIAN", "purchase_order"),
        ("Surat Jalan No. 118", "shipping_notice"),
        ("Pesanan Belian", "purchase_order"),
        ("Sebut Harga", "quotation"),
        ("ใบสั่งซื้อ", "purchase_order"),
        ("ใบเสนอราคา", "quotation"),
        ("क्रय आदेश", "purchase_order"),
        ("Porosi blerje", "purchase_order"),
        ("Нарачка бр. 118", "purchase_order"),
        ("Фактура бр. 118", "invoice"),
        ("INNKAUPAPÖNTUN", "purchase_order"),
        ("Reikningur nr. 118", "invoice"),
        ("Ordú ceannaigh", "purchase_order"),
        ("ORDNI TAX-XIRI", "purchase_order"),
        ("Kwotazzjoni", "quotation"),
        ("ARCHEB BRYNU", "purchase_order"),
        ("Anfoneb 118", "invoice"),
        ("EROSKETA-ESKAERA", "purchase_order"),
        ("Albarana 55", "shipping_notice"),
        ("Pedido de compra", "purchase_order"),
        ("Albará de entrega", "shipping_notice"),
        ("AANKOOPBESTELLING", "purchase_order"),
        ("Belastingfaktuur", "invoice"),
        ("AGIZO LA UNUNUZI", "purchase_order"),
        ("Ankara ya Kodi", "invoice"),
    ],
)
def test_more_trade_language_titles(text, kind):
    assert MORE <= set(languages.load().tags)
    assert document_title(text, Vocabulary.bundled()).kind == kind


def test_more_trade_languages_name_their_companies_and_currencies():
    vocab = Vocabulary.bundled()
    for form in ("Sdn. Bhd.", "PT", "d.o.o.", "sh.p.k.", "ДООЕЛ", "Α.Ε.", "จำกัด", "ehf.", "Teo.", "Cyf.", "(Edms) Bpk"):
        assert form in vocab.legal_forms, form
    assert find_currency("Rp 1.250.000").value == "IDR"
    assert find_currency("Rp. 1.250.000,00").value == "IDR"
    assert find_currency("RM 1,250.00").value == "MYR"
    assert find_currency("Kode RM-100").value is None  # "RM" beside no amount: a raw material, a room
    assert find_currency("RMA 2026-118").value is None


def test_a_month_two_languages_name_differently_is_read_by_the_texts_letters_and_always_asked_about():
    # Croatian "listopad" is October, Czech and Polish "listopad" November: never a silent month
    assert "listopad" not in languages.month_words()
    assert languages.shared_month_words()["listopad"] == {11: ["cs", "pl"], 10: ["hr"]}
    assert find_date("14. studenoga 2026", dt.date(2026, 6, 1), "DMY").value == dt.date(2026, 11, 14)
    today = dt.date(2026, 6, 1)
    polish = find_date("Data zamówienia: 20 listopada 2026, Wrocław", today, "DMY")
    croatian = find_date("Datum narudžbe: 20. listopada 2026., Đakovo", today, "DMY")
    assert (polish.value, croatian.value) == (dt.date(2026, 11, 20), dt.date(2026, 10, 20))
    assert "listopada" in polish.ambiguous and "listopada" in croatian.ambiguous
    # no letter of either language, and as many languages for each month: no date, and why
    bare = find_date("20 listopada 2026", today, "DMY")
    assert bare.value is None and "not read" in bare.ambiguous
    # Czech and Polish against Croatian: November, as most of them mean it, still asked about
    most = find_date("20. listopad 2026", today, "DMY")
    assert most.value == dt.date(2026, 11, 20) and "read as month 11" in most.ambiguous
    assert find_date("23. listopadu 2026", today, "DMY") == find_date("23.11.2026", today, "DMY")  # Czech's own form


def test_no_language_titles_a_document_with_a_word_another_language_prints_in_every_order():
    """A document title of one language must not be a label, column heading or total row of
    another: Maltese 'kwota' (a quota) as a quotation's title made every Polish order, whose
    amount column says 'Kwota', a quotation nobody was asked about."""
    folder = Path(languages.__file__).resolve().parents[1] / "data" / "languages"
    titles: dict[str, set[str]] = {}
    printed: dict[str, set[str]] = {}
    for path in folder.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for words in (data.get("documents") or {}).values():
            for word in words:
                titles.setdefault(word.lower(), set()).add(path.stem)
        for key in ("labels", "columns", "rows"):
            for words in (data.get(key) or {}).values():
                for word in words or []:
                    if isinstance(word, str):
                        printed.setdefault(word.lower(), set()).add(path.stem)
    clashes = {
        word: (titles[word], printed[word]) for word in titles.keys() & printed.keys() if printed[word] - titles[word]
    }
    assert not clashes, clashes
