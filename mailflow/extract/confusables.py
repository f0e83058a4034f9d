"""Numbers written with letters that look like digits: said, never guessed.

"l20 pcs", "USD 1O.50", "PO 45OOO12345": a person reads 120, 10.50 and 4500012345; a reader of
digits takes 20, 1 or a PO number nobody will find again. Which digit a letter stands for is a
guess (a typo, a scan, or a forger counting on the reader), so nothing is rewritten: every
such number the order was read from is named for a person, and the order goes to review.

    look_alike_numbers(text, order) -> list[str]   warnings, one per such number (at most ``MAX_SAID``)

Only numbers that touch what was taken count: one whose digits are a value the order holds (the
PO number, a quantity, price or amount, the total: "l20" beside a quantity of 20), or one on a
line that names the order's PO number or one of its item codes ("supply I20 pcs of HX-2040").
Elsewhere such a run is a code of its own: SAP prints its payment-terms key as "I036". Capital
I or O before digits alone ("IO263064", a Dutch buyer's order number) is a prefix, said only
when its digits are a value taken.

A number here is a run of digits with the letters O, o, l, I mixed in, perhaps with "." or ","
inside, standing on its own (not part of a word or code such as "HX-2040" or "CO2"). It needs
two digits, or to start with one: "O2" or "I5" alone are too often names. A trailing "l"
(10l, 2.5l: litres) is a unit and a trailing "o" (1o, 2o: primero, segundo) an ordinal.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..cleantext import one_line
from ..model import ParsedOrder

MAX_SAID = 5
_TOKEN = re.compile(r"(?<![\w\-/])[0-9OoIl](?:[0-9OoIl]|[.,](?=[0-9OoIl]))*(?![\w\-/])")
_LETTERS = re.compile(r"[OoIl]")
_PREFIXED = re.compile(r"[IO]+[0-9]+")


def look_alike_numbers(text: str, order: ParsedOrder) -> list[str]:
    """Warnings for numbers in ``text`` that carry a letter in a digit's place and touch what
    ``order`` was read as (see above)."""
    values = order.figures()
    names = [n for n in (order.po_number, *(line.item for line in order.lines)) if n and len(n) >= 3]
    out: list[str] = []
    for line in (text or "").splitlines():
        for match in _TOKEN.finditer(line):
            token = match.group(0)
            if not _suspect(token):
                continue
            if _PREFIXED.fullmatch(token):
                # "IO263064", "I036": a capital I or O before digits is a code's prefix unless
                # its digits are a value taken ("I20 pcs" beside a quantity of 20)
                if not _taken(token, values):
                    continue
            elif token != order.po_number and not _taken(token, values) and not any(n in line for n in names):
                continue
            said = (
                f"'{token}' is a number written with a letter in a digit's place (O for 0, l or I for 1),"
                f" in '{one_line(' '.join(line.split())[:80])}': which number is meant is for a person to read"
            )
            if said not in out:
                out.append(said)
            if len(out) >= MAX_SAID:
                return out
    return out


def _suspect(token: str) -> bool:
    core = token[:-1] if token[-1] in "lo" and re.fullmatch(r"[\d.,]+", token[:-1]) else token
    if not _LETTERS.search(core):
        return False
    digits = sum(c.isdigit() for c in core)
    return digits >= 2 or (digits >= 1 and core[0].isdigit())


def _taken(token: str, values: set[Decimal]) -> bool:
    """Whether a run of digits in ``token`` (the letters taken out) is one of ``values``."""
    for run in _LETTERS.split(token):
        try:
            if run.strip(".,") and Decimal(run.strip(".,").replace(",", ".")) in values:
                return True
        except InvalidOperation:
            continue
    return False
