"""Sizes and specifications written like codes: a thread "M6x20", a section "3x2.5mm²", a
diameter "Φ12", a pipe size "DN50", an inch thread '1/4"-20'. They stand in descriptions and
hold letters and digits as item codes do, but they say what the part is, never which part:
readers that take a code from a description's words ask here first.

Contract
    ``is_size(token) -> bool`` for one whitespace-free token (full-width forms are folded).
"""

from __future__ import annotations

import re
import unicodedata

_NUMBER = r"\d+(?:[.,]\d+)?"
_TIMES = r"\s?[x×*]\s?"
_UNIT = r"(?:mm²|mm2|mm|cm|m|in|\"|″)"
_SIZE = re.compile(
    "|".join(
        (
            rf"M{_NUMBER}(?:{_TIMES}{_NUMBER}){{0,2}}{_UNIT}?",  # M6x20, M8x1.25, M10x1.5x40
            rf"{_NUMBER}(?:{_TIMES}{_NUMBER})+{_UNIT}?",  # 10x20mm, 3x2.5mm², 80x80x25
            rf"[ΦφØø⌀]{_NUMBER}{_UNIT}?(?:{_TIMES}{_NUMBER}{_UNIT}?)?",  # Φ12, Ø8x1mm
            rf"(?:DN|PN|NPS|AWG){_NUMBER}",  # DN50, PN16, AWG18
            r"(?:[GR]|Rc|Rp)?\d+(?:-\d+)?/\d+(?:\"|″|'')?(?:-\d+)?(?:UNC|UNF|UNEF|NPT|NPTF|BSPP?|BSPT)?",  # 1/4"-20, G1/2
            rf"{_NUMBER}(?:mm²|mm2|mm|cm|kg|kw|kv|v|mah|hz|khz|mhz|rpm|bar|mpa|nm)",  # 21mm, 12V, 2.5mm²
        )
    ),
    re.I,
)


def is_size(token: str) -> bool:
    """Whether ``token`` is a size or a specification, not an item code."""
    text = unicodedata.normalize("NFKC", token).strip(" ,;:()[]（）")
    return bool(text) and _SIZE.fullmatch(text) is not None
