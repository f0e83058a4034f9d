"""``Alternation`` finds what the one regular expression it stands for finds, match for match."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mailflow.extract import classify, normalize
from mailflow.extract.alternation import Alternation
from mailflow.extract.normalize import fold
from mailflow.extract.vocabulary import Vocabulary, norm

CORPUS = Path(__file__).parent / "corpus"


def _texts(count: int) -> list[str]:
    """Text of the tuned corpus (every language it has), cut at random places."""
    rng = random.Random(18)
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".eml", ".csv", ".html", ".yaml"))
    whole = [p.read_text(encoding="utf-8", errors="replace")[:4000] for p in files]
    out = []
    for _ in range(count):
        text = whole[rng.randrange(len(whole))]
        start = rng.randrange(max(1, len(text)))
        out.append(fold(text[start : start + rng.randrange(1, 400)]))
    return out


def _found(pattern: re.Pattern[str] | Alternation, text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_labels_found_in_prose_are_those_of_the_whole_pattern() -> None:
    vocab = Vocabulary.bundled()
    assert isinstance(vocab._label_find, Alternation)
    whole = re.compile(vocab._label_find.pattern, re.I)
    texts = _texts(400) + [f"Dear supplier, our {w.upper()}: 4411 and p.o. no 12" for w in list(vocab.labels)[:50]]
    found = 0
    for text in texts:
        expected = _found(whole, text)
        assert _found(vocab._label_find, text) == expected, text
        found += len(expected)
    assert found > 100  # the texts do name labels


@pytest.mark.parametrize("kind", ["mdy_words", "mdy_short"])
def test_month_dates_are_found_as_by_the_whole_pattern(kind: str) -> None:
    pattern = dict(normalize._DATE_PATTERNS)[kind]
    assert isinstance(pattern, Alternation)
    whole = re.compile(pattern.pattern, re.I)
    rng = random.Random(5)
    months = normalize._MONTH_LIST if kind == "mdy_words" else normalize._SHORT_LIST
    written = []
    for _ in range(1500):  # every month word of every language, in every case, after and before other text
        month = rng.choice(months)
        month = rng.choice([month, month.upper(), month.title()])
        before = rng.choice(["", "x", "1", " ", "Due ", "a-", "("])
        after = rng.choice([" ", ". ", ".", "", "  "]) + str(rng.randint(1, 40)) + rng.choice(["", ", 2026", " 2026"])
        written.append(before + month + after)
    found = 0
    for text in _texts(200) + written:
        expected = _found(whole, text)
        assert _found(pattern, text) == expected, text
        match = whole.search(text, 3)
        again = pattern.search(text, 3)
        assert (again.span(), again.groups()) == (match.span(), match.groups()) if match else again is None
        found += len(expected)
    assert found > 500


def test_each_place_tries_only_the_words_of_its_letter_under_the_flags() -> None:
    words = ["Straße", "strasse", "ſtar", "kelvin", "ünter", "über", "ab", "abc"]
    alternation = Alternation(r"(?<!\w)", [(w[0], re.escape(w)) for w in words], r"(?!\w)", re.I)
    whole = re.compile(alternation.pattern, re.I)
    for text in ["STRASSE straße STAR ſtar Star", "\u212aELVIN Kelvin", "ÜBER über Ünter", "abc ab xabc ABC", ""]:
        assert _found(alternation, text) == _found(whole, text)
    assert _found(alternation, "AB abc") == [((0, 2), ("AB",)), ((3, 6), ("abc",))]


def test_currency_names_are_found_as_by_the_whole_pattern() -> None:
    assert isinstance(normalize.CURRENCY_NAME, Alternation)
    whole = re.compile(normalize.CURRENCY_NAME.pattern, re.I)
    rng = random.Random(7)
    signs = [sign for sign, _ in normalize._SYMBOLS_LONGEST] + sorted(normalize._ISO_CODES)
    words = ["Canadian dollars", "dólares canadienses", "francs suisses", "kroner", "港币", "NT$", "C$", "zł", "euro"]
    written = []
    for _ in range(1500):
        name = rng.choice(signs + words)
        name = rng.choice([name, name.upper(), name.lower(), name.title()])
        written.append(
            rng.choice(["", "x", "1", " ", "in ", "12.50 "]) + name + rng.choice(["", " ", "s", "1", " only"])
        )
    found = 0
    for text in _texts(300) + written:
        expected = _found(whole, text)
        assert _found(normalize.CURRENCY_NAME, text) == expected, text
        found += len(expected)
    assert found > 500


def test_document_titles_are_found_as_by_the_whole_pattern() -> None:
    pattern, kinds = classify._title_pattern(Vocabulary.bundled())
    assert isinstance(pattern, Alternation)
    whole = re.compile(pattern.pattern)
    rng = random.Random(9)
    written = [
        norm(rng.choice(["", "acme ", "本公司", "1 ", "x"]) + title + rng.choice(["", " no. 4411", "s", " / invoice"]))
        for title in rng.sample(sorted(kinds), 400)
    ]
    found = 0
    for text in [norm(line) for piece in _texts(300) for line in piece.splitlines()] + written:
        expected = _found(whole, text)
        assert _found(pattern, text) == expected, text
        found += len(expected)
    assert found > 300


def test_a_currency_word_is_found_by_one_search_where_one_of_its_patterns_finds_it() -> None:
    rng = random.Random(11)
    words = ["Canadian dollars", "francs suisses", "kroner", "dollars", "pesos", "euro", "złotych", "рублей", "円"]
    written = [
        rng.choice(["", "in ", "x"]) + rng.choice(words).upper() + rng.choice(["", "s", " only"]) for _ in range(300)
    ]
    named = 0
    for text in _texts(400) + written:
        each = any(pattern.search(text) for pattern, _ in normalize._WORD_RES)
        assert bool(normalize._ANY_WORD.search(text)) == each, text
        ambiguous = any(pattern.search(text) for pattern, _, _ in normalize._AMBIGUOUS_RES)
        assert bool(normalize._ANY_AMBIGUOUS.search(text)) == ambiguous, text
        named += each + ambiguous
    assert named > 100
