"""Inbox rules: validation with file:line errors, matching, and `mailflow check` problems."""

from pathlib import Path

import pytest

from mailflow.errors import ConfigError
from mailflow.model import Message
from mailflow.inbox_rules import check_rules, load_rules, match

REPO_RULES = Path(__file__).resolve().parents[1] / "inbox_rules"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def msg(sender: str, subject: str = "", text: str = "") -> Message:
    return Message("4" * 64, 1, None, subject=subject, from_addr=sender, text=text)


def test_the_example_rules_are_valid():
    rules = load_rules(REPO_RULES)
    assert {r.name for r in rules} >= {"northwind", "bergmann", "huaqiang"}
    assert check_rules(REPO_RULES) == []
    huaqiang = next(r for r in rules if r.name == "huaqiang")
    assert huaqiang.language == "zh" and huaqiang.currency == "CNY"


def test_an_unknown_key_names_file_and_line(tmp_path):
    write(tmp_path / "rules", "acme.yaml", "match:\n  senders: [acme.example]\ncustomer: Acme\ncurrancy: USD\n")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path / "rules")
    assert "acme.yaml:4 currancy: unknown key" in str(error.value)


def test_a_bad_sender_names_file_and_line(tmp_path):
    write(tmp_path / "rules", "acme.yaml", "customer: Acme\nmatch:\n  senders:\n    - not an address\n")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path / "rules")
    assert "acme.yaml:3 match.senders" in str(error.value) and "not an address" in str(error.value)


def test_a_pattern_needs_a_group(tmp_path):
    write(tmp_path / "rules", "acme.yaml", "match: {senders: [acme.example]}\nfields:\n  po_number: 'PO-\\d+'\n")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path / "rules")
    assert "acme.yaml:2 fields" in str(error.value) and "group" in str(error.value)


def test_a_rule_must_match_something(tmp_path):
    write(tmp_path / "rules", "acme.yaml", "match: {}\ncustomer: Acme\n")
    with pytest.raises(ConfigError, match="at least one of senders"):
        load_rules(tmp_path / "rules")


def test_matching_senders_domains_subject_and_body(tmp_path):
    write(
        tmp_path / "rules",
        "acme.yaml",
        "match:\n  senders: [acme.example, tom@other.example]\n  subject: [PO, order]\n",
    )
    write(tmp_path / "rules", "zeta.yaml", "match:\n  body: [Zeta Corp]\n")
    rules = load_rules(tmp_path / "rules")
    assert [r.name for r in match(rules, msg("ann@sales.acme.example", "New PO 4411"))] == ["acme"]
    assert [r.name for r in match(rules, msg("tom@other.example", "Order"))] == ["acme"]
    assert match(rules, msg("ann@acme.example", "Invoice")) == []  # subject keyword missing
    assert match(rules, msg("ann@notacme.example", "PO")) == []
    assert [r.name for r in match(rules, msg("x@y.example", "hi", "Regards, Zeta Corp"))] == ["zeta"]


def test_check_lists_every_problem_and_overlapping_rules(tmp_path):
    folder = tmp_path / "rules"
    write(folder, "a.yaml", "match: {senders: [acme.example]}\n")
    write(folder, "b.yaml", "match: {senders: [acme.example]}\n")
    write(folder, "c.yaml", "match: {senders: [c.example]}\nlanguage: fr\n")
    problems = check_rules(folder)
    assert any("b.yaml" in p and "same senders as" in p for p in problems)
    assert any(p.startswith(f"{folder / 'c.yaml'}:2 language") for p in problems)


def test_check_names_a_field_pattern_that_repeats_a_repeat_and_it_is_that_slow(tmp_path):
    """(\\w+\\s?)+ on a hostile mail's text takes exponential time: ``mailflow check`` says so,
    and leaves patterns that repeat one thing (or repeat possessively) alone."""
    import re
    import time

    folder = tmp_path / "rules"
    write(folder, "slow.yaml", "match: {senders: [slow.example]}\nfields:\n  customer: 'Buyer:\\s*((?:\\w+\\s?)+)!'\n")
    write(
        folder, "fast.yaml", "match: {senders: [fast.example]}\nfields:\n  total: 'Total:\\s*(\\d{1,3}(?:,\\d{3})*)'\n"
    )
    write(
        folder, "tamed.yaml", "match: {senders: [tamed.example]}\nfields:\n  customer: 'Buyer:\\s*((?:\\w++\\s?)+)!'\n"
    )
    problems = check_rules(folder)
    assert [p for p in problems if "repeats a repeat" in p] == [
        f"{folder / 'slow.yaml'}: fields customer: 'Buyer:\\s*((?:\\w+\\s?)+)!' repeats a repeat (like (\\w+\\s?)+):"
        " on a hostile mail's text it can run for minutes, and the mail is quarantined for it; repeat one thing"
        " only ([\\w\\s]+) or make the inner repeat possessive (\\w++)"
    ]
    hostile = "Buyer: " + "a" * 22  # no "!": every way of splitting the letters is tried
    started = time.monotonic()
    assert re.search(load_rules(folder)[1].fields["customer"], hostile) is None
    slow = time.monotonic() - started
    started = time.monotonic()
    assert re.search(load_rules(folder)[2].fields["customer"], hostile) is None
    assert time.monotonic() - started < slow / 10
