"""Long mail bodies are read for what they say, however long they are: an order typed after a
paragraph sent as one long line, or above a signature of thousands of dashes, is still read; and
the shortcuts that keep such bodies linear (a label looked for in a text's head, a label asked
of only the labels its first letter can start, a clause read back only as far as it goes) give
what the whole search gave. How long they take is measured in ``bench/hostile_bodies.py``.

Mails go through the real MIME parser and extractor (``helpers.orders``)."""

from __future__ import annotations

import random
import re

import pytest

from mailflow.extract import body, classify
from mailflow.extract.vocabulary import LABEL_REACH, Vocabulary, _label_pattern, _plain, fold
from helpers.orders import mail, parse

VOCAB = Vocabulary.bundled()
PROSE = (
    "Thank you for the quick reply yesterday, we will check the drawings with our engineering "
    "department and come back to you about the delivery schedule next week. "
)
ORDER = (
    "PO Number: 4500012345\nPO Date: 2026-11-20\n\n"
    "Item      Description        Qty   Unit Price   Amount\n"
    "HX-2040   Hex bolt M8        500   0.40         200.00\n\n"
    "Total: USD 200.00\n"
)


def _read(text: str) -> tuple[str | None, list[tuple[str | None, str]], str | None]:
    order = parse(mail(subject="Purchase order", body=text)).order
    assert order is not None
    return order.po_number, [(line.item, str(line.quantity)) for line in order.lines], str(order.total)


def test_an_order_typed_after_200_kb_of_prose_on_one_line_is_read() -> None:
    # a paragraph sent as one line took minutes here, past the minute a message may take to read
    prose = (PROSE * (200 * 1024 // len(PROSE) + 1))[: 200 * 1024]
    assert _read(prose + "\n\n" + ORDER) == ("4500012345", [("HX-2040", "500")], "200.00")


@pytest.mark.parametrize(
    "tail",
    [
        "-" * 32768,  # a signature's rule gone wrong
        "abcdefghij" * 3277,  # a pasted key: letters without a digit
        "ok\nthanks\n" * 2000,
    ],
    ids=["dashes", "letters", "short-lines"],
)
def test_an_order_above_a_long_tail_is_read(tail: str) -> None:
    assert _read(ORDER + "\n" + tail) == ("4500012345", [("HX-2040", "500")], "200.00")


def test_a_label_at_the_head_of_a_long_text_has_the_whole_text_after_it_as_its_value() -> None:
    rest = "4411 " + "and more words " * 2000
    assert VOCAB.label_at("PO Number: " + rest) == ("po_number", "PO Number", rest.strip(), True)
    assert VOCAB.label_at(" " * (LABEL_REACH - 20) + "PO Number: 4411") is not None
    assert VOCAB.label_at("please send " * 2000 + "PO Number: 4411") is None


def _reference(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"^\s*({'|'.join(_label_pattern(w) for w in words)})", re.I)


def test_a_label_is_found_among_the_labels_of_its_first_letter_as_among_all() -> None:
    pairs = sorted(((w, n) for n, ws in VOCAB.labels.items() for w in ws), key=lambda p: len(p[0]), reverse=True)
    plain = sorted({(_plain(w), n) for w, n in pairs if _plain(w) != w}, key=lambda p: len(p[0]), reverse=True)
    whole, whole_plain = _reference([w for w, _ in pairs]), _reference([w for w, _ in plain])
    assert VOCAB._label_re is not None and VOCAB._plain_re is not None
    texts = []
    for word in [w for w, _ in pairs] + [w for ws in VOCAB.columns.values() for w in ws]:
        # as printed, shouted, with blanks and a value, Turkish capitals, a long s, cut short
        texts += [word, word.upper(), "  " + word.title() + ": 1", word.upper().replace("I", "İ"), " " + word[:3]]
        texts += [word.replace("s", "ſ"), word.replace("i", "ı"), "4411 " + word, "…" + word]
    for text in texts:
        for folded in (text, fold(text), _plain(fold(text))):
            for ours, reference in ((VOCAB._label_re, whole), (VOCAB._plain_re, whole_plain)):
                expected, found = reference.match(folded), ours.match(folded)
                assert (found and (found.span(), found.span(1))) == (expected and (expected.span(), expected.span(1)))


def _clause_code(text: str, line_start: int, end: int) -> bool:
    """What the prose reader asked before: the whole line up to ``end``, split into clauses."""
    clause = re.split(r"[,;，；、]|\b(?:and|und|et|y|e|en|och|i)\b|和|及", text[line_start:end])[-1]
    return re.search(body.CODE, clause) is not None


def test_a_clause_read_back_in_windows_is_the_clause_split_from_the_line() -> None:
    pieces = ["HX-2040", "M4X10", "AB12", " ", "  ", ", ", "; ", " and ", "e ", "the ", "Grund ", "500 pcs", "x", "和"]
    pieces += ["bolts ", "-" * 70, "a" * 90, "B7-" * 30]
    rng = random.Random(20261205)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        end = rng.randint(0, len(text))
        start = rng.randint(0, end)
        assert body._code_earlier_in_clause(text, start, end) == _clause_code(text, start, end), (text, start, end)


def test_order_lines_typed_as_sentences_are_all_read_in_a_long_body() -> None:
    text = "".join(f"{i % 900 + 1} pcs of HX-{i:05d} at USD 3.20, thanks\n" for i in range(3000))
    grid = body.prose_lines(text, VOCAB)
    assert grid is not None and len(grid.rows) == 3001
    assert grid.rows[1][:3] == ["HX-00000", None, "1"] and grid.rows[3000][:3] == ["HX-02999", None, "300"]


def test_a_reference_holds_a_digit_within_it_however_long_the_run_before_it() -> None:
    assert classify.references("-" * 65536 + " PO 4500012345") == ["4500012345"]
    assert classify.references("order-" * 10000) == []
    assert classify.references("Order ABC-12, order ABC-12 and PO 77-10") == ["ABC-12", "77-10"]
    known = {"HX-4411"}
    assert classify.references("x" * 50000 + " HX-4411", known.__contains__) == ["HX-4411"]
