"""The month words the date readers know come from a stored copy of CLDR's (``data/month_words.json``),
which must be what CLDR says now; reading them loads no CLDR data into the process."""

from __future__ import annotations

from babel import localedata

from mailflow.extract import languages


def test_the_stored_month_words_are_cldrs_for_every_language():
    stored = languages.stored_month_words()
    for tag in languages.load().tags:
        assert stored.get(tag) == languages.cldr_month_words(tag), (
            f"{languages.MONTH_WORDS} is out of date for {tag!r}: run python scripts/month_words.py"
        )


def test_month_words_load_no_cldr_data():
    languages.month_words.cache_clear()
    localedata.clear_caches()
    words = languages.month_words()
    assert words["märz"] == 3 and words["janvier"] == 1 and words["september"] == 9
    assert "set" not in words  # three-letter abbreviations of other languages are everyday words
    assert not localedata._cache  # the locale data of CLDR was never read (about 28 MB kept for good)


def test_the_stored_month_abbreviations_are_cldrs_for_every_language():
    stored = languages.stored_month_abbreviations()
    for tag in languages.load().tags:
        assert stored.get(tag) == languages.cldr_month_abbreviations(tag), (
            f"{languages.MONTH_ABBREVIATIONS} is out of date for {tag!r}: run python scripts/month_words.py"
        )
    short = languages.short_month_words()
    assert set(short["ago"]) == {8} and {"es", "it", "pt"} <= set(short["ago"][8])
    assert short["lis"][10] == ["hr"] and "pl" in short["lis"][11]
