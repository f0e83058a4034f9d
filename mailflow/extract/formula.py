"""The arithmetic of a spreadsheet formula Excel never computed, from the sheet's own cells.

A workbook written by a program (an ERP's export, a buyer's macro, a form filled in by a web
tool) holds its amounts and totals as formulas with no saved result: read as they stand, the
line amounts and the total were missing. Most are plain arithmetic: ``=D20*F20``,
``=IF(E21=FALSE,(1*F21)*D21,(F21*E21)*D21)``, ``=SUM(G20:G45)``, ``=ROUND(G46*0.07,2)``.

Contract
    ``evaluate(formula, value_of) -> Decimal | None``: the value of ``formula`` ("=..."), where
    ``value_of(ref)`` gives a cell's value ("G20": a Decimal, a text, a bool, None for empty,
    or ``UNKNOWN`` when it cannot be known). ``None`` for anything but numbers, cell references
    of the same sheet, ranges inside SUM, + - * / ^, comparisons, parentheses, TRUE/FALSE and the
    functions in ``FUNCTIONS``: another sheet, a text function, TODAY() stay unknown, never
    guessed. Bounded: a formula longer than ``MAX_CHARS`` or a range larger than ``MAX_RANGE``
    cells is not computed. Decimal arithmetic throughout (an empty cell is 0, as in Excel).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation
from typing import Any, Callable

MAX_CHARS = 500
MAX_RANGE = 5000


class Unknown(Exception):
    """The formula holds something not computed here."""


UNKNOWN = object()  # a cell whose value cannot be known (an uncomputable formula)

_TOKEN = re.compile(
    r"\s*(?:(?P<range>\$?[A-Z]{1,3}\$?\d{1,7}:\$?[A-Z]{1,3}\$?\d{1,7})"
    r"|(?P<ref>\$?[A-Z]{1,3}\$?\d{1,7})(?![\w(!])"
    r"|(?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"|(?P<name>[A-Z][A-Z0-9.]*)(?=\s*\()|(?P<bool>TRUE|FALSE)\b"
    r"|(?P<op><=|>=|<>|[-+*/^=<>(),&]))",
    re.IGNORECASE,
)


def _round(value: Decimal, places: Decimal = Decimal(0)) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)


FUNCTIONS: dict[str, Callable[..., Decimal]] = {
    "SUM": lambda *xs: sum(xs, Decimal(0)),
    "ROUND": _round,
    "ABS": abs,
    "MIN": lambda *xs: min(xs),
    "MAX": lambda *xs: max(xs),
}


def evaluate(formula: str, value_of: Callable[[str], Any]) -> Decimal | None:
    """The formula's value, or None when it holds anything not computed here."""
    if not formula.startswith("=") or len(formula) > MAX_CHARS:
        return None
    try:
        tokens = _tokens(formula[1:])
        parser = _Parser(tokens, value_of)
        value = parser.comparison()
        if parser.at < len(tokens):
            return None
        number = _number(value)
        return number if number.is_finite() else None
    except (Unknown, InvalidOperation, DivisionByZero, ValueError, OverflowError, RecursionError):
        return None


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    at = 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None or match.end() == at:
            if text[at:].strip():
                raise Unknown(text[at:])
            break
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind).upper().replace("$", "")))
        at = match.end()
    return out


def _number(value: Any) -> Decimal:
    """A value as a number, as Excel's arithmetic takes it: empty is 0, TRUE is 1."""
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    raise Unknown(repr(value))


class _Parser:
    """Recursive descent over comparison < sum < product < power < unary < atom."""

    def __init__(self, tokens: list[tuple[str, str]], value_of: Callable[[str], Any]):
        self.tokens = tokens
        self.at = 0
        self.value_of = value_of

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.at += 1
        return token

    def expect(self, text: str) -> None:
        if self.take() != ("op", text):
            raise Unknown(f"expected {text}")

    def comparison(self) -> Any:
        left = self.sum()
        while self.peek() in (("op", "="), ("op", "<>"), ("op", "<"), ("op", ">"), ("op", "<="), ("op", ">=")):
            op = self.take()[1]
            right = self.sum()
            left = _compare(op, left, right)
        return left

    def sum(self) -> Any:
        left = self.product()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            right = _number(self.product())
            left = _number(left) + right if op == "+" else _number(left) - right
        return left

    def product(self) -> Any:
        left = self.power()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            right = _number(self.power())
            left = _number(left) * right if op == "*" else _number(left) / right
        return left

    def power(self) -> Any:
        left = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            exponent = _number(self.unary())
            if exponent != exponent.to_integral_value() or abs(exponent) > 12:
                raise Unknown("power")
            left = _number(left) ** int(exponent)
        return left

    def unary(self) -> Any:
        if self.peek() in (("op", "-"), ("op", "+")):
            sign = self.take()[1]
            value = _number(self.unary())
            return -value if sign == "-" else value
        return self.atom()

    def atom(self) -> Any:
        kind, text = self.take()
        if kind == "number":
            return Decimal(text)
        if kind == "bool":
            return text == "TRUE"
        if kind == "ref":
            return self.cell(text)
        if kind == "name":
            return self.call(text)
        if (kind, text) == ("op", "("):
            value = self.comparison()
            self.expect(")")
            return value
        raise Unknown(text or "end")

    def cell(self, ref: str) -> Any:
        value = self.value_of(ref)
        if value is UNKNOWN:
            raise Unknown(ref)
        return value

    def call(self, name: str) -> Any:
        self.expect("(")
        args: list[Any] = []
        if self.peek() != ("op", ")"):
            while True:
                if self.peek()[0] == "range":
                    args.extend(self.cells(self.take()[1]))
                else:
                    args.append(self.comparison())
                if self.peek() != ("op", ","):
                    break
                self.take()
        self.expect(")")
        if name == "IF":
            if len(args) not in (2, 3):
                raise Unknown("IF")
            chosen = args[1] if _truth(args[0]) else (args[2] if len(args) == 3 else False)
            return chosen
        function = FUNCTIONS.get(name)
        if function is None or not args:
            raise Unknown(name)
        if name == "SUM":  # SUM skips text and empty cells, as Excel does
            args = [a for a in args if isinstance(a, (Decimal, bool)) or a is None]
        return function(*[_number(a) for a in args])

    def cells(self, span: str) -> list[Any]:
        first, last = span.split(":")
        (c0, r0), (c1, r1) = _split(first), _split(last)
        if (abs(c1 - c0) + 1) * (abs(r1 - r0) + 1) > MAX_RANGE:
            raise Unknown("range")
        return [
            self.cell(f"{_letters(c)}{r}")
            for r in range(min(r0, r1), max(r0, r1) + 1)
            for c in range(min(c0, c1), max(c0, c1) + 1)
        ]


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, str) or isinstance(right, str):
        if op not in ("=", "<>"):
            raise Unknown("text comparison")
        same = str(left or "").lower() == str(right or "").lower()
        return same if op == "=" else not same
    a, b = _number(left), _number(right)
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _truth(value: Any) -> bool:
    if isinstance(value, str):
        raise Unknown("text as a condition")
    return _number(value) != 0


def _split(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]{1,3})(\d{1,7})", ref)
    if match is None:
        raise Unknown(ref)
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return column, int(match.group(2))


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out
