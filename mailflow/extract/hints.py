"""What an inbox rule would need, for the values the generic reader could not read.

Contract
    ``rule_hints(order, doc, lines, vocab, opts) -> list[str]``: one sentence per header field
    the order lacks, and one for a missing lines table, for ``mailflow parse FILE --explain``.
    A hint names what the document shows: a label the vocabulary does not know beside a value
    of the field's type ("'Fecha pedido' beside '24/11/2026'"), with the rule entry that would
    read it (``labels: {po_date: ['Fecha pedido']}``); for the lines, the row of words over the
    first row of numbers (a header in another language) and the ``columns`` entry naming its
    cells. Nothing here changes the reading: a person decides whether to write the rule.

    ``unread_values(order, lines, vocab, opts)``: the same search, as review warnings, for a
    value an order cannot do without and the document visibly prints (a PO date, a total
    equal to the lines' sum) beside a label nobody knows, or a currency it names where none
    was read: never taken, never silently lost.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import ParsedOrder
from .document import Document, Line
from .fields import convert
from .normalize import CURRENCY_NAME, date_spans, find_currency, find_date, parse_number
from .tables import Options
from .vocabulary import Vocabulary

HEADER_FIELDS = ("po_number", "po_date", "delivery_date", "currency", "total", "payment_terms")
MAX_LABEL_WORDS = 4


def rule_hints(order: ParsedOrder, doc: Document, lines: list[Line], vocab: Vocabulary, opts: Options) -> list[str]:
    hints = []
    for name in HEADER_FIELDS:
        value = getattr(order, name)
        if value is not None:
            # a value read by its shape beside an unknown label: a rule naming the label makes it certain
            shaped = [
                (label, f"'{text}', {where}")
                for label, text, where in _unknown_labels(lines, name, vocab, opts)
                if getattr(convert(name, text, opts), "value", None) == value
            ]
            if shaped:
                label, where = shaped[0]
                hints.append(
                    f"{name} read by its shape beside '{label}' ({where}): an inbox rule would name the label"
                    f" — labels: {{{name}: ['{label}']}}"
                )
            continue
        seen = _unknown_labels(lines, name, vocab, opts)
        if seen:
            shown = "; ".join(f"'{label}' beside '{value}' ({where})" for label, value, where in seen[:2])
            labels = ", ".join(f"'{label}'" for label, _, _ in seen[:2])
            hints.append(
                f"{name} not read. The document shows {shown}: an inbox rule would name the label —"
                f" labels: {{{name}: [{labels}]}}"
            )
        else:
            hints.append(
                f"{name} not read, and no unknown label stands beside a value of its kind: an inbox rule"
                f" would give a pattern with one group — fields: {{{name}: '<label>\\s*(<value>)'}}"
            )
    if not order.lines:
        header = _header_candidate(lines)
        if header is not None:
            words, where = header
            hints.append(
                "no order lines read. The row " + " | ".join(f"'{w}'" for w in words) + f" ({where}) stands"
                " over rows of numbers: an inbox rule would name its cells — columns: {item: [...],"
                " description: [...], quantity: [...], unit_price: [...], amount: [...]}"
            )
        else:
            hints.append(
                "no order lines read, and no row of words stands over rows of numbers: the table's"
                " header cells would be named in an inbox rule's columns"
            )
    return hints


def unread_values(order: ParsedOrder, lines: list[Line], vocab: Vocabulary, opts: Options, text: str = "") -> list[str]:
    """Warnings for values the document prints but the reader did not take, where an order
    cannot do without them: a PO date (every order has one) beside a label the vocabulary
    does not know, or a number equal to the lines' sum beside such a label when no total
    was read, or a currency named anywhere in ``text`` (the whole document: terms and
    conditions say "invoices in U.S. Dollars") when none was read. They are named for a
    person, never taken: the label says nothing known."""
    out = []
    if order.lines and order.po_date is None:
        taken = {order.delivery_date, *(line.delivery_date for line in order.lines)}
        seen = [
            (label, value, where)
            for label, value, where in _unknown_labels(lines, "po_date", vocab, opts)
            if getattr(convert("po_date", value, opts), "value", None) not in taken
        ]
        if seen:
            label, value, where = seen[0]
            out.append(f"no PO date read, but a date is printed beside '{label}': '{value}' ({where})")
    if order.lines and order.currency is None:
        named = _named_currency(text.splitlines() if text else [line.text for line in lines])
        if named:
            code, where = named
            out.append(f"no currency read, but the document names {code} ({where}): which currency is the order in?")
    if order.lines and order.currency == "USD":
        other = _other_dollar(text.splitlines() if text else [line.text for line in lines])
        if other:
            code, where = other
            out.append(f"the currency was read as USD, but the document names {code} ({where}): which is it?")
    amounts = [line.amount for line in order.lines]
    if order.total is None and amounts and None not in amounts:
        lines_sum = sum(amounts, Decimal(0))
        for label, value, where in _unknown_labels(lines, "total", vocab, opts):
            if parse_number(value, opts.decimal_comma) == lines_sum:
                out.append(f"no total read, but '{label}' is printed beside '{value}', the lines' sum ({where})")
                break
    return out


def _named_currency(texts: list[str]) -> tuple[str, str] | None:
    """(ISO code, where) of the first currency a line names by its code or in words ("USD",
    "U.S. Dollars", "C$", "港币"), when no label gave the order's currency; a bare "$" says too little."""
    for text in texts:
        match = CURRENCY_NAME.search(text)
        if match and (match.group(1).isupper() or len(match.group(1)) > 3 or not match.group(1).isascii()):
            found = find_currency(match.group(0))
            if found.value:
                return found.value, f"'{text.strip()[:60]}'"
    return None


_DOLLARS = ("CAD", "AUD", "HKD", "SGD", "TWD", "NZD", "MXN")  # also written with a "$"


def _other_dollar(texts: list[str]) -> tuple[str, str] | None:
    """(ISO code, where) of a dollar that is not the US one, named in words or by its sign
    ("Canadian funds", "C$", "NT$"): a bare "$" read as USD may be that one."""
    for text in texts:
        for match in CURRENCY_NAME.finditer(text):
            if not (match.group(1).isupper() or len(match.group(1)) > 3 or not match.group(1).isascii()):
                continue
            found = find_currency(match.group(0))
            if found.value in _DOLLARS and not found.ambiguous:
                return found.value, f"'{text.strip()[:60]}'"
    return None


def _unknown_labels(lines: list[Line], name: str, vocab: Vocabulary, opts: Options) -> list[tuple[str, str, str]]:
    """(label, value, where) for each cell of words beside a value of the field's type, the
    words not a label the vocabulary knows."""
    out = []
    for line in lines:
        if sum(1 for segment in line.segments if parse_number(segment) is not None) >= 3:
            continue  # a row of a table: its words are units and codes, not labels
        pairs = list(zip(line.segments, line.segments[1:]))
        pairs += [(m.group(1), m.group(2)) for segment in line.segments if (m := _INLINE.match(segment))]
        for label, value in pairs:
            label = label.strip().rstrip(":：#").strip()
            if not _label_like(label) or vocab.label_at(label) is not None or not _of_kind(name, value, opts):
                continue
            out.append((label, value, line.where))
    return out


_INLINE = re.compile(r"^([^\d:：]{2,40}?)\s*(?:[:：]|\s[–—-])\s*(\S.*)$")  # "Ordernummer – 797258", "Fecha: 24/11"


def _label_like(text: str) -> bool:
    return bool(text) and not re.search(r"\d", text) and len(text.split()) <= MAX_LABEL_WORDS and len(text) <= 40


def _of_kind(name: str, value: str, opts: Options) -> bool:
    """Whether ``value`` looks like a value of field ``name`` on its own."""
    if name in ("po_date", "delivery_date"):
        return bool(date_spans(value)) and convert(name, value, opts) is not None
    if name == "total":
        number = parse_number(value, opts.decimal_comma)
        return number is not None and number > 0 and bool(re.search(r"\d[.,]\d{2}$", value.strip()))
    if name == "currency":
        return bool(re.fullmatch(r"[A-Z]{3}", value.strip())) and convert(name, value, opts) is not None
    if name == "po_number":
        return bool(re.fullmatch(r"(?=.*\d)[A-Z0-9][A-Z0-9\-/_.]{3,24}", value.strip(), re.I)) and not date_spans(value)
    return False  # free text (terms): any words beside any label; a pattern says more


def _header_candidate(lines: list[Line]) -> tuple[list[str], str] | None:
    """The first row of three or more word cells right above a row with two or more numbers."""
    for line, below in zip(lines, lines[1:]):
        words = line.segments
        if len(words) < 3 or any(re.search(r"\d", w) for w in words):
            continue
        numbers = [s for s in below.segments if parse_number(s) is not None]
        if len(numbers) >= 2:
            return words, line.where
    return None


# An automatic notice says it cannot be answered: "This email was sent from a notification-only
# address", "Bitte antworten Sie nicht auf diese Nachricht", "merci de ne pas y répondre", 请勿直接回复.
_AUTOMATIC = re.compile(
    r"notification-only|do not reply|don't reply|no-?reply|antworten sie nicht|nicht auf diese (?:e-mail|nachricht)|"
    r"ne pas (?:y )?répondre|no responda|non rispondere|niet beantwoorden|請勿(?:直接)?回覆|请勿(?:直接)?回复|"
    r"返信(?:しないで|できません)",
    re.I,
)


def ships_on_receipt(text: str, order: ParsedOrder, days: tuple[object, ...] = ()) -> str:
    """Why an order without a delivery date is complete, or "": a marketplace's or shop's
    automatic sale notice ships on receipt and says no more. Only when the notice prints no
    date but the order's own (``order.po_date``, or one of ``days``: the day the mail was
    sent), and no calendar week: a date written anywhere else might be the delivery date that
    was not read, which a person must see."""
    if order.delivery_date is not None or any(line.delivery_date for line in order.lines):
        return ""
    automatic = _AUTOMATIC.search(text)
    if automatic is None:
        return ""
    known = {order.po_date, *days}
    for start, end in date_spans(text):
        if find_date(text[start:end], order.po_date).value not in known:
            return ""
    if any(find_date(line, order.po_date).value not in (None, *known) for line in text.splitlines()):
        return ""  # "bis KW 12": a delivery week
    return f"an automatic notice ('{automatic.group(0)}') that prints no date but the order's: it ships on receipt"
