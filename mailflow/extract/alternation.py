"""A long alternation of words looked for anywhere in a text, in microseconds instead of milliseconds.

``Alternation(head, alternatives, tail, flags)`` finds what
``re.compile(head + "(" + "|".join(alternatives) + ")" + tail, flags)`` finds — the same
matches, with the same groups — but at each place it tries only the alternatives whose first
character is the one there. Python's ``re`` tries every alternative at every position of the
text when the pattern is case-insensitive (a label among two thousand, a month's name among
six hundred languages' ones: 0.1-10 ms a text), which made these look-ups a large share of what
reading an order costs.

``head`` must match nothing but a position (a look-behind such as ``(?<![^\\W\\d_])``, or
nothing); each alternative starts with the character it is listed under (a word's pattern, e.g.
``p\\.?o`` for "P.O."). A place is a candidate when ``head`` holds there and its character is,
under ``flags``, one an alternative starts with; there, the alternatives starting with that
character (in their order) are tried, then ``tail``. The first candidate that matches is the
match the whole pattern gives: no alternative left out could have started there, and those
kept are in their order, so the same one wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants, _parser  # type: ignore[attr-defined]  # how a pattern starts: read from its parse

MAX_PATTERNS = 512  # sub-patterns kept (one per set of first characters a text's character stands for)


class Alternation:
    def __init__(self, head: str, alternatives: Sequence[tuple[str, str]], tail: str = "", flags: int = 0) -> None:
        """``alternatives``: (the characters it starts with, pattern) in the order they are to be tried."""
        if any(not firsts for firsts, _ in alternatives):
            raise ValueError("every alternative is listed under the characters it starts with")
        self.head, self.tail, self.flags = head, tail, flags
        self._alternatives = list(alternatives)
        self._firsts = sorted({first for firsts, _ in alternatives for first in firsts})
        self.pattern = f"{head}({'|'.join(p for _, p in alternatives) or '(?!)'}){tail}"
        self._candidate = (
            re.compile(head + "[" + "".join(re.escape(f) for f in self._firsts) + "]", flags) if self._firsts else None
        )
        self._by_char: dict[str, re.Pattern[str]] = {}
        self._by_firsts: dict[frozenset[str], re.Pattern[str]] = {}
        self._matchers: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}

    def _at(self, char: str) -> re.Pattern[str]:
        pattern = self._by_char.get(char)
        if pattern is None:
            firsts = frozenset(f for f in self._firsts if self._may_stand_for(f, char))
            pattern = self._by_firsts.get(firsts)
            if pattern is None:
                chosen = "|".join(p for fs, p in self._alternatives if not firsts.isdisjoint(fs)) or "(?!)"
                pattern = re.compile(f"{self.head}({chosen}){self.tail}", self.flags)
                if len(self._by_firsts) < MAX_PATTERNS:
                    self._by_firsts[firsts] = pattern
            if len(self._by_char) < MAX_PATTERNS:
                self._by_char[char] = pattern
        return pattern

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self._candidate is None:
            return None
        while True:
            candidate = self._candidate.search(text, pos)
            if candidate is None:
                return None
            at = candidate.start()
            found = self._at(text[at]).match(text, at)
            if found is not None:
                return found
            pos = at + 1

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while pos <= len(text):
            found = self.search(text, pos)
            if found is None:
                return
            yield found
            pos = found.end() if found.end() > found.start() else found.end() + 1

    def _may_stand_for(self, first: str, char: str) -> bool:
        """Whether ``char`` may be matched by ``first`` where a pattern starts with it, alone or
        in a set of characters (erring on the side of yes: an alternative tried for nothing costs
        time, one left out would change the match)."""
        if first == char:
            return True
        if not self.flags & re.IGNORECASE:
            return False
        if first.isascii() and char.isascii():
            return first.lower() == char.lower()  # ASCII letters are each other's case and nothing else's
        if first.lower() == char.lower() or first.upper() == char.upper() or first.casefold() == char.casefold():
            return True
        matchers = self._matchers.get(first)
        if matchers is None:  # as the pattern's own first step matches it (compiled once, not per character)
            literal = re.escape(first)
            matchers = self._matchers[first] = (re.compile(literal, self.flags), re.compile(f"[{literal}]", self.flags))
        return any(matcher.match(char) for matcher in matchers)


_SPECIAL = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = ("?", "*", "+", "{")
_BRANCHING = set("|()")


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """The characters a match of ``pattern`` can start with, when it must start with one of a
    few characters written out (literals, a set of them, the first letters of alternatives);
    None when it may start otherwise (a class such as ``\\w``, a range under IGNORECASE, an
    empty match), or when the pattern has groups of its own."""
    if (
        pattern[:1]
        and pattern[0] not in _SPECIAL
        and pattern[1:2] not in _QUANTIFIERS
        and not _BRANCHING & set(pattern)
    ):
        return pattern[0]  # a word: its first letter (thousands of labels, read at each start)
    parsed = _parser.parse(pattern, flags)
    if parsed.state.groups > 1:
        return None
    found = _firsts_of(list(parsed), flags)
    if found is None or found[1]:
        return None
    return "".join(sorted(found[0]))


def _firsts_of(items: list, flags: int) -> tuple[set[str], bool] | None:
    """(first characters, whether ``items`` can match nothing at all) of a parsed sequence."""
    out: set[str] = set()
    for item in items:
        found = _item_firsts(item, flags)
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
    return out, True


def _item_firsts(item: tuple, flags: int) -> tuple[set[str], bool] | None:
    c = _constants
    op, av = item
    if op is c.LITERAL:
        return {chr(av)}, False
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # a position, not a character
    if op is c.IN:
        out = set()
        for kind, value in av:
            if kind is c.LITERAL:
                out.add(chr(value))
            elif kind is c.RANGE and not flags & re.IGNORECASE and value[1] - value[0] < 64:
                out.update(chr(n) for n in range(value[0], value[1] + 1))
            else:
                return None
        return out, False
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _firsts_of(list(inner), flags)
    if op is c.BRANCH:
        out, empty = set(), False
        for branch in av[1]:
            found = _firsts_of(list(branch), flags)
            if found is None:
                return None
            out |= found[0]
            empty = empty or found[1]
        return out, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _high, inner = av
        found = _firsts_of(list(inner), flags)
        return None if found is None else (found[0], found[1] or low == 0)
    return None


def alternation(
    head: str, alternatives: Sequence[str], tail: str = "", flags: int = 0
) -> Alternation | re.Pattern[str]:
    """``re.compile(head + "(" + "|".join(alternatives) + ")" + tail, flags)``, as an
    ``Alternation`` when each alternative starts with characters written out and has no group
    of its own (``first_characters``: its groups would be numbered otherwise), else as that pattern."""
    listed = []
    for pattern in alternatives if alternatives else [""]:
        firsts = first_characters(pattern, flags)
        if firsts is None:
            return re.compile(f"{head}({'|'.join(alternatives)}){tail}", flags)
        listed.append((firsts, pattern))
    return Alternation(head, listed, tail, flags)
