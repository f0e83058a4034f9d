"""Replies and forwards as mail clients write them in languages with thin vocabulary, and a PO
number only a subject names (the documents are in ``tests/corpus/wide/eml/client-*``)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from mailflow.extract import ParseContext, body, classify, parse_file, quoted
from mailflow.extract.vocabulary import Vocabulary
from mailflow.message import charsets

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from compare import TODAY, compare, load_cases  # noqa: E402


@pytest.mark.parametrize(
    "subject, number",
    [
        ("PO 4512029509", "4512029509"),
        ("Order #CP-26-0418", "CP-26-0418"),
        ("№ 4711-26", "4711-26"),
        ("Bestellung 4711", "4711"),
        ("Comanda 4512029509", "4512029509"),
        ("Αρ. παραγγελίας 4500123", "4500123"),
        ("FW: RE: Pedido nº 88213", "88213"),
        ("Re: Order No. 88213", "88213"),
    ],
)
def test_a_subject_names_the_po_number(subject, number):
    assert classify.subject_po_number(subject, Vocabulary.bundled()) == number


@pytest.mark.parametrize(
    "subject",
    [
        "Invoice 2026-311",
        "Oferta 2026-311",
        "Order 12/03/2026",
        "Your order has shipped",
        "Newsletter #12",
        "Order for 200 pcs",
    ],
)
def test_a_subject_without_an_order_number(subject):
    assert classify.subject_po_number(subject, Vocabulary.bundled()) is None


def test_prefixes_of_forwards_and_replies_come_off():
    assert quoted.forward_prefix_removed("ENC: RES: Pedido 4500781234") == "Pedido 4500781234"
    assert quoted.forward_prefix_removed("Pedido 4500781234") == "Pedido 4500781234"


CLIENT_CASES = load_cases(pattern="wide/eml/client-*.expected.json")


@pytest.mark.parametrize("case", CLIENT_CASES, ids=[c.name for c in CLIENT_CASES])
def test_the_order_in_a_clients_reply_or_forward_is_read(case):
    """Every field of the order right — the quoted quotation's rows are no lines, the forwarded
    order is the order — and review asked exactly when the golden file says (Catalan: read by
    its shape; a PO number only the subject names, unless the subject names it as one)."""
    result = parse_file(case.document, ParseContext(today=date(*TODAY)))
    actual = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    wrong = [c for c in compare(case.expected, actual) if not c.ok]
    assert not wrong, "\n".join(str(w) for w in wrong)
    assert bool(actual.get("needs_review")) == case.needs_review, actual.get("warnings")
    if case.expected.get("family") == "client-subject-po" and case.needs_review:
        assert any(w.startswith("po_number:") and "subject" in w for w in actual["warnings"])
    if case.expected.get("family") == "client-charset-lie":
        assert any("mojibake" in note for note in result.explain), result.explain[:3]


def test_the_client_families_are_there():
    families = {c.expected.get("family") for c in CLIENT_CASES}
    assert families == {"client-reply", "client-forward", "client-subject-po", "client-charset-lie"}
    assert {c.expected.get("language") for c in CLIENT_CASES} >= {"ca", "pt", "ko"}


LIED = [
    (
        "안녕하세요. 아래와 같이 발주합니다. 발주번호: KP-2026-1203 품명 볼 밸브 수량 200",
        "euc-kr",
        "iso-8859-1",
        "cp949",
    ),
    ("Здравствуйте! Просим поставить: Заказ № 4711, клапан шаровой 200 шт.", "cp1251", "iso-8859-1", "cp1251"),
    ("Dzień dobry, zamawiamy: łożysko kulkowe, ilość 200 szt. Wysłano z telefonu.", "iso-8859-2", "iso-8859-1", None),
]


@pytest.mark.parametrize("text, real, declared, codec", LIED)
def test_a_declared_charset_that_reads_as_mojibake_is_not_taken(text, real, declared, codec):
    decoded, warning = charsets.decode(text.encode(real), declared, "body")
    assert decoded == text
    assert warning and "mojibake" in warning and declared in warning
    if codec:
        assert codec in warning


def test_the_html_meta_charset_is_a_candidate():
    page = b'<html><head><meta charset="windows-1251"></head><body>' + "Заказ № 4711 от 03.12.2026".encode("cp1251")
    decoded, warning = charsets.decode(page, "iso-8859-1", "body")
    assert "Заказ № 4711" in decoded and "<meta> charset" in (warning or "")


@pytest.mark.parametrize(
    "text, charset",
    [
        ("Bonjour, 200 pièces à 4,85 € — échéance 18/12. Col·lecció. Nº 5, 10 kΩ, 5 µm", "cp1252"),
        ("Atenção: informações e condições de pagamento. Órgão", "iso-8859-1"),
        ("Zamówienie nr 4711: łożysko kulkowe", "iso-8859-2"),
    ],
)
def test_text_in_its_declared_charset_is_kept(text, charset):
    data = text.encode(charset) if charset != "cp1252" else text.replace("Ω", "O").encode(charset)
    decoded, warning = charsets.decode(data, charset, "body")
    assert warning is None and decoded == data.decode(charsets.codec_for(charset) or charset)


def test_lines_that_show_their_sums_are_read_in_any_language():
    text = (
        '1. VLV-2210 — बॉल वाल्व 1/2" — 200 नग × ₹485.00 = ₹97,000.00\n'
        "2. PMP-7710 — गियर पंप 24 V — 12 नग × ₹11,890.00 = ₹1,42,680.00\n"
        "3. FLT-0330 — जाली फ़िल्टर 60 mm — 150 नग × ₹240.00 = ₹36,500.00\n"  # does not add up: no line
        "दिनांक 03 × 12 = 2026\n"
    )
    found = body.reckoned_lines(text, "the mail")
    assert found is not None
    grid, taken = found
    assert taken == {0, 1}
    assert grid.rows[1] == ["VLV-2210", 'बॉल वाल्व 1/2"', "200", "नग", "₹485.00", "₹97,000.00"]
    assert grid.rows[2][0] == "PMP-7710" and grid.rows[2][5] == "₹1,42,680.00"


def test_a_line_sum_with_the_currency_code_after_the_figures_and_groups_split_by_spaces():
    commas = (
        "1. CVT-2576  Altıgen başlı cıvata M12x45  50 AD x 4,85 TRY = 242,50\n"
        "2. STY-35059  Stycznik modułowy 25A  2 500 szt. x 58,14 PLN = 145 350,00\n"
        "3. OR-79265  Ring  20 szt. x 3,00 PLN = 61,00\n"  # does not add up: no line
    )
    grid, taken = body.reckoned_lines(commas, "the mail") or (None, None)
    assert taken == {0, 1}
    assert grid.rows[1] == ["CVT-2576", "Altıgen başlı cıvata M12x45", "50", "AD", "4,85 TRY", "242,50"]
    assert grid.rows[2][2:] == ["2 500", "szt.", "58,14 PLN", "145 350,00"]
    points = "1. SPR-32329  圧縮ばね 線径1.0  200 個 x 55 JPY = 11,000\n2. CN-96486  커넥터 6핀  50 EA x 1,824 KRW = 91,200\n"
    grid, taken = body.reckoned_lines(points, "the mail") or (None, None)
    assert taken == {0, 1}
    assert grid.rows[1][4:] == ["55 JPY", "11,000"] and grid.rows[2][4:] == ["1,824 KRW", "91,200"]


def test_a_hindi_order_is_read_by_its_words():
    """Hindi is described (``languages/hi.yaml``): its labels name the PO number, the dates and
    the total, so nothing is read by shape alone and the order passes without review; a
    supplier's quotation in the same words is no order, and says what it is."""
    cases = load_cases(pattern="wide/eml/body-hindi-*.expected.json")
    assert len(cases) >= 3
    for case in cases:
        result = parse_file(case.document, ParseContext(today=date(*TODAY)))
        if case.expected["kind"] != "purchase_order":  # a quotation in the same words stays no order
            assert result.kind == "other" and not result.needs_review, result.warnings
            continue
        actual = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
        wrong = [c for c in compare(case.expected, actual) if not c.ok]
        assert not wrong, f"{case.name}: " + "; ".join(str(w) for w in wrong)
        assert not actual["needs_review"], actual["warnings"]


def test_kanban_cards_are_neither_the_item_nor_the_quantity():
    """A call-off's card number ("K701") and count of cards beside the part number and the
    pieces: the part is the item and the pieces the quantity, or a person is asked which."""
    cases = load_cases(pattern="wide/eml/calloff-cards-*.expected.json")
    assert len(cases) >= 5
    for case in cases:
        result = parse_file(case.document, ParseContext(today=date(*TODAY)))
        actual = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
        lines = actual["order"]["lines"]
        assert not any(str(line["item"]).startswith("K7") for line in lines) or actual["needs_review"], case.name
        wrong = [c for c in compare(case.expected, actual) if not c.ok]
        if case.needs_review:
            assert actual["needs_review"] and any("two columns could be" in w for w in actual["warnings"]), case.name
        else:
            assert not wrong and not actual["needs_review"], f"{case.name}: {wrong} {actual['warnings']}"
