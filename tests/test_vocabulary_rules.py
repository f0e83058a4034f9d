"""A rule's synonyms make a copy of the vocabulary; the copy is made once per set of synonyms and
kept for the next message the rule matches (building one cost a tenth of a second, which every
order of such a customer paid), and the orders read with a kept copy are the orders read with a
fresh one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mailflow.config import Limits
from mailflow.extract import ParseContext, parse_message
from mailflow.extract import vocabulary as vocabulary_mod
from mailflow.extract.vocabulary import Vocabulary
from mailflow.inbox_rules import load_rules
from mailflow.message import parse as parse_mime

DATA = Path(vocabulary_mod.__file__).resolve().parents[1] / "data"


def test_the_same_synonyms_give_the_same_copy_and_other_synonyms_another():
    base = Vocabulary.bundled()
    first = base.extended({"item": ["Zorblat"]}, {"po_number": ["Quaxnummer"]})
    again = base.extended({"item": ["Zorblat"]}, {"po_number": ["Quaxnummer"]})  # equal, not the same lists
    other = base.extended({"item": ["Wibbelkode"]}, None)
    assert again is first and other is not first
    assert first.column_of("Zorblat") == "item" and other.column_of("Wibbelkode") == "item"
    assert base.column_of("Zorblat") is None  # the bundled vocabulary is left as it was
    assert base.extended(None, None) is base


def test_the_copies_kept_are_bounded(monkeypatch):
    base = Vocabulary.bundled()
    monkeypatch.setattr(vocabulary_mod, "EXTENDED_KEPT", 3)
    copies = [base.extended({"item": [f"Zorblat {n}"]}, None) for n in range(5)]
    assert len(base._extended) <= 3
    assert base.extended({"item": ["Zorblat 4"]}, None) is copies[4]  # the last is still kept
    assert base.extended({"item": ["Zorblat 0"]}, None).column_of("Zorblat 0") == "item"  # an old one made again


def test_an_order_read_with_a_kept_copy_is_the_order_read_with_a_fresh_one(monkeypatch):
    rules = load_rules(DATA / "workspace" / "inbox_rules")
    ctx = dataclasses.replace(ParseContext(limits=Limits()), rules=rules)
    raw = (DATA / "samples" / "02-bergmann-xlsx-po.eml").read_bytes()
    kept = [parse_message(parse_mime(raw, Limits()), ctx).order for _ in range(2)]
    monkeypatch.setattr(Vocabulary.bundled(), "_extended", {})  # nothing kept: a copy made afresh
    fresh = parse_message(parse_mime(raw, Limits()), ctx).order
    assert fresh is not None and fresh.lines
    assert kept[0] == kept[1] == fresh
