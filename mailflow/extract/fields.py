"""Header fields (PO number, dates, currency, terms, parties) from labelled text lines.

Contract
    ``read_fields(lines, vocab, opts) -> dict[field, Found]``. A field is taken from a label and
    its value, written as ``PO No: 4411`` in one segment, as a label cell beside its value cell,
    or as a label block ("Buyer:" with the name on the line below, in the same column). The first
    readable occurrence wins; a value that does not convert (a PO number without a digit, a date
    that is not a date) is skipped, never forced. Ambiguous values come back with the reason.

    Parties come back as ``buyer`` and ``supplier``; choosing the customer (never our own
    company) is the caller's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .document import Line
from .normalize import date_spans, find_currency, find_date, fold, parse_number, yearless_date
from .numberwords import amount_in_european_words
from .tables import Options
from .vocabulary import LABEL_REACH, Vocabulary, norm

QUALIFIER = re.compile(r"\(?\s*(?:[A-Z]{3}|[$€£¥￥]|人民币|元)\s*\)?\s*[:：]?|\([^)]{1,20}\)\s*[:：]?")
# Latin, Greek and Cyrillic letters: an ERP of Sofia or Kyiv numbers its orders "ПР-18186", "ЗМ-57418"
PO_TOKEN = re.compile(r"[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff][\w\-/.#]*[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff]|[0-9]")
INCOTERMS = re.compile(r"\b(EXW|FCA|FAS|FOB|CFR|CNF|CIF|CPT|CIP|DAP|DPU|DAT|DDP|DDU)\b", re.I)


TOTALS_BLOCK = 6  # lines of a block of totals: net, discount, tax, freight, total

# A label's translation printed after it on bilingual forms ("Order date · التاريخ", "Payment /
# 付款方式"): a separator, then words of another script without a digit. It is still the label.
_GLOSS = re.compile(r"[·•|/]\s*[^\x00-\x7f\d][^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\d]*")


@dataclass
class Found:
    value: Any
    where: str  # "PO.pdf p1 label 'PO No'"
    ambiguous: str = ""


def read_fields(lines: list[Line], vocab: Vocabulary, opts: Options) -> dict[str, Found]:
    found: dict[str, Found] = {}
    total_at = -1  # the line of the total found: a larger one just below it is the grand total
    total_ranks: list[int] = []  # what the labels of the totals found say about tax
    bare_date = ""  # the label of a PO date found under a bare "Date", which a print date also wears
    for li, line in enumerate(lines):
        segments, xs = _split_pairs(line, vocab)
        for si, segment in enumerate(segments):
            hit = label_hit(segment, vocab)
            if hit is None:
                continue
            name, label, rest, separated = hit
            if _GLOSS.fullmatch(rest.rstrip(" :：")):
                rest = ""  # "Payment · الدفع:": the label in a second language; the value follows it
            later_total = name == "total" and "total" in found and 0 < li - total_at <= TOTALS_BLOCK
            named_date = name == "po_date" and bool(bare_date) and not is_bare_date(label)
            if name == "ship_to" or (name in found and name != "total" and not named_date):
                continue
            if name == "total" and carried(segment, vocab):
                continue  # "Total carried forward 12,345.00", "Seitensumme": a page's running sum
            rank, better = 1, False
            if name == "total":
                if counts_things(label + " " + rest.split("  ")[0]):
                    continue  # "Total Order Qty  130.000", "Total line items: 1": a count, not money
                rank = 0 if vocab.is_row("subtotal", segment) else total_rank(segment)
                if name in found and (rank < total_ranks[-1] or (rank == total_ranks[-1] and not later_total)):
                    continue  # a grand total's label replaces a net one; a plain one only just below it
                better = name in found and rank > total_ranks[-1]
            where = f"{line.where} label '{label}'"
            # The value after the label; else ("TOTAL (USD)  1,018.00") the next cell; else,
            # for a bare label, the line below in the same column (a label block).
            candidates = [rest] if rest else []
            qualifier = not rest or QUALIFIER.fullmatch(rest)  # "TOTAL (USD)", "Amount RMB"
            if name == "total" and not re.search(r"\d", rest) and len(rest.split()) <= 3:
                qualifier = True  # "Total incl. VAT | 1,234.00", "Summe netto | 6.000,26"
            bare_word = name in ("buyer", "supplier") and not separated and len(label) <= 4
            if qualifier and si + 1 < len(segments) and value_cell(segments[si + 1], name, vocab) and not bare_word:
                candidates.append(segments[si + 1])  # not "TO  TRIAL" in "RIGHT TO TRIAL BY JURY"
            if not rest:
                below = _below(lines, li, xs[si] if xs else None, si, vocab, name)
                if below:
                    candidates.append(below)
            if name == "total":
                candidates = _with_figures(candidates, rest, segments[si + 1 :])
            for candidate in candidates:
                if name in ("buyer", "supplier") and _is_label(candidate, vocab):
                    continue  # "Supplier    Buyer" side by side: the next block's label, not a name
                converted = convert(name, candidate, opts, label)
                if converted is not None:
                    if name == "total" and candidate is not rest:
                        converted = with_label_currency(converted, rest, opts)
                        if si + 1 < len(segments) and candidate == segments[si + 1]:
                            converted = _one_of_several(converted, segments[si + 1 :], opts)
                    if later_total and not better and not converted.value[0] > found["total"].value[0]:
                        break  # "Total" then "Total": only a larger sum below is the grand total
                    if name == "payment_terms" and _GOES_ON.search(str(converted.value)) and line.x and xs:
                        # "NET 60 based on Receipt of" over "Goods": the terms go on in their column
                        column = xs[si + 1] if candidate is not rest and si + 1 < len(xs) else xs[si]
                        converted = _terms_continued(converted, lines, li, column, candidate is rest, vocab)
                    if named_date:
                        where += f" (it names the order's date; '{bare_date}' above may be the day the page was printed or the record made)"
                    found[name] = Found(converted.value, where, converted.ambiguous)
                    if name == "po_number" and "po_date" not in found and candidate is rest:
                        dated = date_after_number(rest, str(converted.value), opts)
                        if dated is not None:
                            found["po_date"] = Found(
                                dated.value, f"{where} (the date written after the number)", dated.ambiguous
                            )
                    if name == "po_date":
                        bare_date = label if is_bare_date(label) else ""
                    if name == "total":
                        total_at, total_ranks = li, [*total_ranks, rank]
                    break
    if "po_number" not in found:
        titled = _number_under_title(lines, vocab) or _revised_order_number(lines)
        if titled is not None:
            found["po_number"] = titled
    return found


# A revision's title names the order it changes: "CHANGE ORDER 2 TO PO 4500781234",
# "Amendment No. 1 to Purchase Order 4500781234", "Revision 3 of P.O. # 88120", "Änderung 2 zur
# Bestellung 4500781234". The revision's own number is not the PO number; the order's is.
_REVISED_ORDER = re.compile(
    r"\b(?:change\s+order|po\s+change|order\s+change|revision|rev\.?|amendment|amd\.?|änderung|modification|"
    r"modifica|modificación|wijziging)\s*(?:no\.?|nr\.?|n[°º.]|#|number)?\s*[:#]?\s*\d{1,3}\s+"
    r"(?:(?:to|of|for|on|zur|zu|der|de\s+la|à\s+la|a\s+la|alla|del|op|van)\s+|all['’]|dell['’])"
    r"(?:our\s+|the\s+|votre\s+|notre\s+)?"
    r"(?:p\.?\s?o\.?|purchase\s+order|order|bestellung|auftrag|commande|bon\s+de\s+commande|pedido|ordine|"
    r"orden\s+de\s+compra|bestelling|inkooporder)\s*(?:no\.?|nr\.?|number|n[°º.]|#)?\s*[:#]?\s*"
    r"((?=[\w\-/.]*\d)[A-Za-z0-9][\w\-/.]*)",
    re.I,
)


_DATE_LIKE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


_GLOSSED = re.compile(r"^(.*?[^\W_.#)]\.?#?\)?)\s*(" + _GLOSS.pattern + r")\s*$")


def label_hit(text: str, vocab: Vocabulary) -> tuple[str, str, str, bool] | None:
    """``vocab.label_at``, also for a label followed by its translation ("Date · 採購日期", "PO #
    / 订单号"): the translation ends the label as a colon would, so a short label ("Date")
    counts there too, and the value is whatever follows the pair. The buyer's own word is read
    first when the vocabulary knows it: a bare English "Terms" says less than 支払条件 beside it."""
    hit = vocab.label_at(text)
    if hit is not None:
        return hit
    glossed = _GLOSSED.match(text.strip())
    if glossed is None:
        return None
    gloss = glossed.group(2).lstrip("·•|/ ")
    for label in (gloss, glossed.group(1)):  # the buyer's own word says more ("Terms / 支払条件")
        hit = vocab.label_at(label + ":")
        if hit is not None and not hit[2]:
            return hit[0], hit[1], "", True
    return None


def _revised_order_number(lines: list[Line]) -> Found | None:
    """The PO number a change order's title names ("CHANGE ORDER 2 TO PO 4500781234")."""
    for line in lines:
        for segment in line.segments:
            match = _REVISED_ORDER.search(fold(segment))
            if match is None:
                continue
            if _DATE_LIKE.fullmatch(match.group(1).rstrip(".")):
                continue  # "Revision 1 to the order of 12/01/2026"
            converted = _po_number(match.group(1))
            if converted is not None:
                where = f"{line.where} '{segment.strip()[:60]}' (the order a revision changes)"
                return Found(converted.value, where, converted.ambiguous)
    return None


# (its numbers may be plain digits: "30 days · ٣٠ يوم" reads "30 days · 30 يوم")
_TRAILING_GLOSS = re.compile(r"\s*[·•]\s*[^A-Za-z·•]*[^\x00-\x7f][^A-Za-z·•]*$")


# Words that name a number with no word for what it numbers: under the title "Purchase order"
# they make the PO number ("Purchase order" / "Number  PO284256-1").
BARE_NUMBER = frozenset({"number", "no", "nr", "#", "nummer", "numéro", "número", "numero", "番号", "编号", "號碼"})
TITLE_LINES = 2  # the number stands on one of the two lines under the title


def _number_under_title(lines: list[Line], vocab: Vocabulary) -> Found | None:
    """The PO number as "Number  PO284256-1" right under the document's title "Purchase order"."""
    titles = set(vocab.documents.get("purchase_order", []))
    for li, line in enumerate(lines):
        if not line.segments or norm(line.segments[0]) not in BARE_NUMBER:
            continue
        value = line.segments[1] if len(line.segments) > 1 else None
        if value is None and li + 1 < len(lines) and len(lines[li + 1].segments) == 1:
            value = lines[li + 1].segments[0]  # "No." over "P00001284": a web page's boxes, one a line
        if value is None:
            continue
        above = lines[max(0, li - TITLE_LINES) : li]
        title = next((t for t in above if any(norm(seg) in titles for seg in t.segments)), None)
        if title is None:
            continue
        converted = _po_number(fold(value))
        if converted is not None:
            return Found(
                converted.value, f"{line.where} label '{line.segments[0]}' under the title", converted.ambiguous
            )
    return None


# Chinese invoices and orders write the total again in capital numerals (大写) beside the figures
# (小写): "价税合计(大写)：壹万贰仟元整  (小写)：¥12,000.00". The words are the same amount, never a
# second one: read apart, they check the figures.
_CAPITAL_DIGITS = {
    c: n for n, chars in enumerate(("零", "壹", "贰貳", "叁參叄", "肆", "伍", "陆陸", "柒", "捌", "玖")) for c in chars
}
_CAPITAL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}
_CAPITAL_SECTIONS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CAPITAL_CHARS = "".join(_CAPITAL_DIGITS) + "".join(_CAPITAL_UNITS) + "".join(_CAPITAL_SECTIONS) + "元圆圓角分整正"
_CAPITAL_RUN = re.compile(rf"[{_CAPITAL_CHARS}]*[{''.join(_CAPITAL_DIGITS)}][{_CAPITAL_CHARS}]*")
_CAPITAL_MARK = re.compile(r"[(（]?\s*(?:大写|大寫|小写|小寫)\s*[)）]?\s*[:：]?")


def in_capitals(text: str) -> tuple[str, str, Decimal | None]:
    """(the text without its capital numerals and 大写/小写 marks, the capitals, their amount).
    A run of capitals only counts when it names money (元, 角 or 分 in it): 壹 alone is a word."""
    words = ""
    for match in _CAPITAL_RUN.finditer(text):
        if re.search(r"[元圆圓角分]", match.group(0)) and capital_value(match.group(0)) is not None:
            words = match.group(0)
            break
    if not words:
        return text, "", None
    rest = _CAPITAL_MARK.sub(" ", text.replace(words, " ")).strip()
    return rest, words, capital_value(words)


def capital_value(words: str) -> Decimal | None:
    """壹万贰仟叁佰肆拾伍元陆角柒分 → 12345.67; None when the characters do not make an amount."""
    total, section, digit, cents = 0, 0, 0, Decimal(0)
    for char in words:
        if char in _CAPITAL_DIGITS:
            digit = _CAPITAL_DIGITS[char]
        elif char in _CAPITAL_UNITS:
            section += (digit or (1 if char == "拾" else 0)) * _CAPITAL_UNITS[char]
            digit = 0
        elif char in _CAPITAL_SECTIONS:
            size = _CAPITAL_SECTIONS[char]
            total = (total + section + digit) * size if size > 10**4 else total + (section + digit) * size
            section = digit = 0
        elif char in "元圆圓":
            total, section, digit = total + section + digit, 0, 0
        elif char in "角分":
            cents += Decimal(digit) / (10 if char == "角" else 100)
            digit = 0
        elif char not in "整正":
            return None
    if digit and not cents and not re.search(r"[元圆圓]", words):
        return None
    return Decimal(total + section + digit) + cents


# The total written out in English words ("Twelve thousand five hundred euros", "SAY US DOLLARS
# ONE THOUSAND TWO HUNDRED AND 50/100 ONLY", "Kuwaiti Dinars One Thousand ... and 500 Fils"):
# the amount they name, read only when every number word fits, and always said for a person.
_ONES = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_MAJOR = re.compile(
    r"^(?:dollars?|euros?|pounds?|dinars?|dirhams?|riyals?|rials?|rupees?|yuan|renminbi|yen|francs?|"
    r"lira|liras|ringgits?|pesos?|reais|rand|won|krona|kronor|kroner|zloty|forint|leva?|hryvnias?)$"
)
_MINOR = re.compile(r"^(?:cents?|fils|paise|pence|halalas?|baisas?|kopecks?|kopiykas?|centimes?|centavos?|sen)$")
_FILLER = frozenset(
    "and only say total us u s american kuwaiti saudi emirati bahraini omani qatari chinese hong kong singapore"
    " australian canadian new zealand indian amount of the sum".split()
)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join([*_ONES, *_TENS, "hundred", *_SCALES]) + r")\b", re.I)


def _words_number(words: list[str]) -> int | None:
    """The number English number words make ("one thousand two hundred and five"), or None."""
    whole, current, started = 0, 0, False
    for word in words:
        if word in _ONES or word in _TENS:
            current += _ONES.get(word, 0) + _TENS.get(word, 0)
            started = True
        elif word == "hundred" and started:
            current = (current or 1) * 100
        elif word in _SCALES and started:
            whole, current = whole + (current or 1) * _SCALES[word], 0
        elif word in _FILLER or _MAJOR.match(word):
            continue
        else:
            return None  # "two boxes": a word that is no number, no currency
    return whole + current if started else None


def amount_in_words(text: str) -> Decimal | None:
    """The amount English number words name, or None (a word that is no number nor currency,
    no number word at all). "and NN/100" and "and fifty cents" are the cents; fils and baisas
    after dinars or rials are thousandths."""
    low = text.lower().replace("-", " ")
    fraction = re.search(r"\band\s+(\d{1,3})\s*/\s*(100|1000)\b", low)
    if fraction:
        low = low[: fraction.start()] + " " + low[fraction.end() :]
    if re.search(r"\d", low) or not _NUMBER_WORD.search(low):
        return None
    words = re.findall(r"[a-z]+", low)
    minor_at = next((i for i, w in enumerate(words) if _MINOR.match(w)), None)
    minor_value, minor_word = Decimal(0), ""
    if minor_at is not None:
        before = words[:minor_at]
        cut = max((i for i, w in enumerate(before) if w == "and" or _MAJOR.match(w)), default=-1)
        minor = _words_number(before[cut + 1 :])
        if minor is None:
            return None
        minor_value, minor_word = Decimal(minor), words[minor_at]
        words = before[: cut + 1] + words[minor_at + 1 :]
    whole = _words_number(words)
    if whole is None:
        return None
    value = Decimal(whole)
    if fraction:
        parts = Decimal(fraction.group(2))
        value = (value + Decimal(fraction.group(1)) / parts).quantize(1 / parts)
    elif minor_word:
        dinars = any(w.startswith(("dinar", "rial")) for w in words)
        parts = Decimal(1000 if minor_word.startswith(("fils", "baisa")) and dinars else 100)
        value = (value + minor_value / parts).quantize(1 / parts)
    return value


def _with_figures(candidates: list[str], rest: str, after: list[str]) -> list[str]:
    """A total's value written in capitals alone in its cell or after its label ("价税合计 |
    叁仟陆佰伍拾玖元捌角肆分 | 3,659.84"): the figures in the next cell belong with them."""
    out = []
    for candidate in candidates:
        figures, words, _ = in_capitals(candidate)
        if words and not re.search(r"\d", figures):
            following = after[1:] if candidate is not rest and after and candidate == after[0] else after
            if following:
                out.append(f"{candidate} {following[0]}")
        out.append(candidate)
    return out


# "Bestellung 4500012345 vom 20.11.2026", "Commande n° CF2026345 du 20/11/2026", "PO 4411 dated
# 11/20/2026", "Zamówienie nr ZZ/1/2026 z dnia 20.11.2026", "MR-1 (2026. 11. 20.)": the order's
# date written after its number, joined by a word for "of" / "dated" or in brackets.
_DATED = re.compile(
    r"^[\s,;]*(?:\(|(?:dated|of|from|vom|von|du|del|de|dell['’]|van|från|fra|af|z\s+dnia|ze\s+dne|от|datato|datée?|"
    r"від|од|z\s+dne|zo\s+dňa|z\s+dňa|no|nuo|kuupäevaga)"
    r"(?![^\W\d_])\.?:?)\s*",
    re.I,
)


def date_after_number(rest: str, number: str, opts: Options) -> Converted | None:
    """The date written right after a PO number in its label's value, or None."""
    at = rest.find(number)
    if at < 0:
        return None
    tail = rest[at + len(number) :]
    joined = _DATED.match(tail)
    if joined is None:
        return None
    after = fold(tail[joined.end() :])
    spans = date_spans(after)
    if not spans or spans[0][0] != 0:
        return None
    parsed = find_date(after[: spans[0][1]], opts.today, opts.date_order, opts.languages)
    return Converted(parsed.value, parsed.ambiguous) if parsed.value is not None else None


# Labels of the day a record was made, which is the order's date only when nothing else says it.
MADE_DATE = frozenset({"制单日期", "制單日期"})


def is_bare_date(label: str) -> bool:
    """Whether a PO date's label is the bare word for "date" ("Date", "Datum", "Fecha", 日期) or
    the day the record was made (制单日期): the page head prints the day it was printed
    or exported under the bare word, and an ERP the day it was typed in, so a label that names the
    order's date ("Order Date", "Bestelldatum", 单据日期) further down outranks it."""
    words = norm(label)
    return words in MADE_DATE or (len(words) <= (6 if words.isascii() else 2) and " " not in words)


def carried(text: str, vocab: Vocabulary) -> bool:
    """Whether a total's label says it is a page's running sum ("Total carried forward",
    "Übertrag", 本页合计), not the order's total."""
    words = norm(text)
    return any(word in words for word in vocab.rows.get("carried", []))


def value_cell(text: str, name: str, vocab: Vocabulary) -> bool:
    """Whether the cell after a label is its value: not a label, or one that starts with a word
    of the same field ("Betalingsvoorwaarden | Betaling binnen 14 dagen"): a label is never
    followed by another label of its own field."""
    hit = vocab.label_at(text)
    return hit is None or (hit[0] == name and bool(hit[2]) and not hit[3])


# What a total's label says about tax: a grand total (after tax and charges) outranks a plain
# "Total", which outranks a sum before tax ("Total HT", "Summe netto", 不含税合计).
_GROSS = re.compile(
    r"\b(?:grand|gross|brutto\w*|bruttó|ttc|incl|inkl|including|inclusive|payable|endbetrag|gesamtbetrag|"
    r"fizetendő|do zapłaty|k úhradě|k úhrade|s dph|cu tva|de plată|de plata|z ddv|za plačilo|ar pvn|apmaksai|"
    r"su pvm|mokėti|käibemaksuga|tasuda|att betala|at betale|maksettava|sis\. alv|inkl\. moms|dahil|com iva|iva incluído|с ддс|за плащане|са пдв|sa pdv|за плаћање|za plaćanje|з пдв|до сплати)\b|"
    r"à payer|"
    r"价税|(?<!不)含税|税込|総額|总计|總計|应付",
    re.I,
)
_NET = re.compile(
    r"\b(?:net|netto|nettó|ht|excl|exkl|excluding|without|untaxed|ohne|sans|senza|zonder|before tax|hors taxes?|"
    r"imponibile|sub|bez dph|sem iva|ekskl|eks|veroton|ilman alv|líquido|hariç|základ|fără tva|fara tva|brez ddv|osnova|bez pvn|be pvm|ilma käibemaksuta|"
    r"без ддс|данъчна основа|без пдв|bez pdv|основица|osnovica)\b|税抜|不含税|未税|税前",
    re.I,
)


def total_rank(label: str) -> int:
    """2 for a grand total's label, 0 for a net one, 1 for a plain "Total"."""
    label = re.split(r"\d", label, maxsplit=1)[0]
    if _GROSS.search(label):
        return 2
    return 0 if _NET.search(label) else 1


# Words that make a "Total ..." label a count of things, not money.
_COUNTS = re.compile(
    r"\b(?:qty|qtys|quantity|quantities|pcs|pieces|units|items?|lines?|line items|cartons|pallets|weight|"
    r"menge|anzahl|stück|quantité|cantidad|quantità|aantal|antal|ilość)\b|数量|件数|箱数",
    re.I,
)


def counts_things(label: str) -> bool:
    """Whether a total's label counts things ("Total Order Qty", "Total line items")."""
    return bool(_COUNTS.search(label))


_MONEY_CELL = re.compile(r"^\D{0,4}\d[\d.,'\u00a0\u202f ]*[.,]\d{2,3}\D{0,5}$")


def _one_of_several(converted: "Converted", cells: list[str], opts: Options) -> "Converted":
    """A total's line that prints more than one amount after its label ("Total | 1,000.00 |
    1,190.00": before and after tax, or in two currencies): the one that is the others' sum is
    the order's total (net + tax); otherwise the first is kept and a person asked which it is.
    ``cells``: the value's cell and those after it."""
    amounts = []
    if re.fullmatch(r"\d{1,5}", cells[0].strip()) and any(_MONEY_CELL.match(c.strip()) for c in cells[1:]):
        # "Total | 130 | 5,000.00": a count of pieces, then the money
        count, cells = cells[0].strip(), cells[1:]
        money = next(c for c in cells if _MONEY_CELL.match(c.strip()))
        first = parse_number(fold(money), opts.decimal_comma)
        if first is not None:
            said = (
                f"the total's line prints {count} before {money.strip()}: read as a count of pieces, then the"
                f" total {first}: is it?"
            )
            converted = Converted((first, converted.value[1]), converted.ambiguous or said)
    for cell in cells:
        if not _MONEY_CELL.match(cell.strip()):
            continue
        value = parse_number(fold(cell), opts.decimal_comma)
        if value is not None and value not in amounts:
            amounts.append(value)
    if len(amounts) < 2:
        return converted
    largest = max(amounts)
    if largest == sum(amounts, Decimal(0)) - largest:
        return Converted((largest, converted.value[1]), converted.ambiguous)
    shown = ", ".join(str(a) for a in amounts[:4])
    return Converted(converted.value, f"the total's line prints several amounts ({shown}): which is the order's total?")


def with_label_currency(converted: "Converted", label_rest: str, opts: Options) -> "Converted":
    """A total whose amount names no currency takes the one its label names ("TOTAL (EUR)
    1 438,00", "Amount RMB  5,000.00"); a "¥" that could be two currencies stays unsaid."""
    value, currency = converted.value
    if currency is not None or not label_rest:
        return converted
    named = find_currency(label_rest, opts.currency_hint)
    if named.value and not named.ambiguous:
        return Converted((value, named.value), converted.ambiguous)
    return converted


def _is_label(text: str, vocab: Vocabulary) -> bool:
    """Whether ``text`` is itself a label: a field's ("Buyer") or a party block's ("Köpare")."""
    hit = vocab.label_at(text)
    if hit is not None and not hit[2]:
        return True
    words = norm(text)
    return any(words in group for group in vocab.parties.values())


def labelled_values(lines: list[Line], vocab: Vocabulary, name: str, opts: Options) -> list[str]:
    """Every distinct value labelled ``name`` in the lines ("PO No" on each page's footer is
    one value; two different ones mean two orders in one document)."""
    out: list[str] = []
    for line in lines:
        segments = _split_pairs(line, vocab)[0]
        for si, segment in enumerate(segments):
            hit = vocab.label_at(segment)
            if not hit or hit[0] != name:
                continue
            value = hit[2]
            if not value and si + 1 < len(segments) and vocab.label_at(segments[si + 1]) is None:
                value = segments[si + 1]  # a sheet's or a table's label cell, its value in the next cell
            if value:
                converted = convert(name, value, opts)
                if converted is not None and str(converted.value) not in out:
                    out.append(str(converted.value))
    return out


def _split_pairs(line: Line, vocab: Vocabulary) -> tuple[list[str], list[float]]:
    """Split "PO No: 4411 Date: 2026-11-20" where a second label with a colon starts."""
    segments: list[str] = []
    xs: list[float] = []
    for i, segment in enumerate(line.segments):
        x = line.x[i] if line.x and i < len(line.x) else float(i)
        start = 0
        for m in re.finditer(r"\s+", segment):
            # a label and its separator are within LABEL_REACH: a long line is not copied at each word
            hit = vocab.label_at(segment[m.end() : m.end() + LABEL_REACH])
            head = vocab.label_at(segment[start : min(m.start(), start + LABEL_REACH)]) if hit and hit[3] else None
            if head is not None and head[2]:  # "PO No: 4411 Date: ..." but not "PO Date: ..."
                segments.append(segment[start : m.start()])
                xs.append(x + start)
                start = m.end()
        segments.append(segment[start:])
        xs.append(x + start)
    return segments, xs


def _below(lines: list[Line], li: int, x: float | None, si: int, vocab: Vocabulary, name: str) -> str | None:
    """The value under a label in a label block: the next line's segment in the same column."""
    if li + 1 >= len(lines):
        return None
    nxt = lines[li + 1]
    if not nxt.segments or nxt.block != lines[li].block:
        return None
    if x is None or not nxt.x:
        index = si if si < len(nxt.segments) else None
    else:
        index = min(range(len(nxt.segments)), key=lambda i: abs(nxt.x[i] - x))
        if abs(nxt.x[index] - x) > 40:
            index = None
        elif lines[li].x and min(abs(other - nxt.x[index]) for other in lines[li].x) < abs(x - nxt.x[index]):
            index = None  # under another cell of the label's line (a sheet's columns), not under the label
    if index is None:
        return None
    segment = nxt.segments[index]
    return segment if value_cell(segment, name, vocab) else None


@dataclass
class Converted:
    value: Any
    ambiguous: str = ""


# a date written year, month, day without separators, as SAP and EDI exports print it
_COMPACT_DATE = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")


def convert(name: str, text: str, opts: Options, label: str = "") -> Converted | None:
    """A label's value as the field's type; None when it is not one. ``label``: the label it
    was found beside, when that decides (a bare "Terms" names payment terms only beside them)."""
    text = text.strip().strip("，,;；")
    if not text:
        return None
    if name == "payment_terms" and norm(label) in BARE_TERMS and not PAYMENT_WORDS.search(text):
        return None  # "Terms and conditions", "Terms: FOB Origin": not how the order is paid
    if name == "payment_terms" and re.match(r"\.\s+[^\W\d_]", text):
        return None  # "... payment. This is without prejudice ...": the word ends a sentence of the terms
    if name not in ("incoterms", "payment_terms", "buyer", "supplier"):
        text = fold(text)  # typed values read full-width digits; free text keeps its characters
    if name == "po_number":
        return _po_number(text)
    if name in ("po_date", "delivery_date"):
        if compact := _COMPACT_DATE.fullmatch(text):  # "20260108" under a date's label: SAP, EDI exports
            try:
                return Converted(date(*(int(part) for part in compact.groups())))
            except ValueError:
                return None
        parsed = find_date(text, opts.today, opts.date_order, opts.languages)
        if parsed.value is None and not parsed.ambiguous:
            parsed = yearless_date(text, opts.today, opts.date_order, past=name == "po_date")  # "2/4"
        if parsed.value is None and not parsed.ambiguous:
            return None
        return Converted(parsed.value, parsed.ambiguous)
    if name == "currency":
        parsed = find_currency(text, opts.currency_hint, labelled=True)
        return Converted(parsed.value, parsed.ambiguous) if parsed.value else None
    if name == "total":
        if _MEASURE.search(text):
            return None  # "Total Weight  28,721.14lb": a measure, not money
        figures, words, spoken = in_capitals(text)
        value = parse_number(figures, opts.decimal_comma)
        if value is None and words and not re.search(r"\d", figures):
            value = spoken  # only the capitals are printed: they are the amount
        worded = amount_in_words(text) if value is None and not words else None
        if value is None and not words and worded is None:
            worded = amount_in_european_words(text)  # "zwölftausendfünfhundert Euro", "douze mille euros"
        if worded is not None:
            # only words are printed ("Twelve thousand five hundred euros"): read, and checked by a person
            currency = find_currency(text, opts.currency_hint)
            return Converted(
                (worded, currency.value), f"the total is written only in words ('{text[:60]}'): read as {worded}"
            )
        if value is None:
            return None
        currency = find_currency(text, opts.currency_hint)
        if words and spoken != value:
            said = f"the total in figures ({value}) and in words ({words}) disagree"
            return Converted((value, currency.value), said)
        return Converted((value, currency.value), currency.ambiguous)
    if name == "incoterms":
        return Converted(text) if INCOTERMS.search(text) else None
    if name == "payment_terms":
        text = _TRAILING_GLOSS.sub("", text)  # "30 days · ٣٠ يوم": the terms, then their translation
        text = _SENTENCE_END.sub("", _before_next_label(text))
        if not re.search(r"[^\W_]", text):
            return None  # "·", "-": no terms at all
        connectives = sum(1 for w in text.split() if w.casefold().strip(",.;") in _CONNECTIVES)
        if connectives >= 4 and not _PAYING.search(text):
            return (
                None  # "This is without prejudice to any right of rejection or other right ...": the conditions' prose
            )
        return Converted(text, _weak_terms(text))
    if name in ("buyer", "supplier"):
        if _prose(text):
            return None  # "Vendor and Purchaser hereby agree as follows:": terms, not a party
        name_text = party_name(text)
        if _field_words(name_text):
            return None  # "Vendor Address", "Supplier Name", "Vendor Bill-to": the rest of a label
        return Converted(name_text) if re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", name_text) else None
    return Converted(text)


# Another field's label inside the terms' text ("Net 30 days  Ship Via: UPS Ground", "月结30天
# 交货地点：深圳"): one to three capitalised words, or a few Chinese or Japanese characters, and a
# colon. Words that go on speaking of paying ("Balance: before shipment") are not a new label.
_NEXT_LABEL = re.compile(
    r"\s+(?=(?:(?:[A-Z][\w./&'-]*\s?){1,3}|[\u3040-\u30ff\u4e00-\u9fff]{2,6})\s*[:：])|\s*[\u3000](?=\S+[:：])"
)
_STILL_PAYING = re.compile(r"^(?:balance|deposit|discount|skonto|acompte|anticipo|saldo|rest)\b", re.I)


# The end of a sentence after the terms ("30 Tage netto. Alle Preise in EUR."): a full stop after a
# word of three letters or more (not "30 Tg." or "d.f.f.m.") before a capitalised word.
_NEXT_SENTENCE = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_](?<![a-z]))")


def _before_next_label(text: str) -> str:
    """Payment terms up to the next label, or the next sentence, written after them on the same
    line; words that go on speaking of paying ("30% deposit. Balance before shipment") stay."""
    for pattern in (_NEXT_LABEL, _NEXT_SENTENCE):
        for match in pattern.finditer(text):
            if match.start() and not _STILL_PAYING.match(text[match.end() :]):
                text = text[: match.start() + (pattern is _NEXT_SENTENCE)].rstrip(" ,;，；")
                break
    return text


# The full stop after terms written in a sentence ("Zahlungsbedingungen: 30 Tage netto."), not
# the one of an abbreviation ("60 gg d.f.f.m.", "30 Tg.").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.$")

# "Terms" alone labels the payment terms on many forms ("TERMS  Net 30 days"), but also heads
# the terms and conditions: its value counts only when it speaks of paying.
BARE_TERMS = ("terms",)
PAYMENT_WORDS = re.compile(
    r"\d|\bnet\b|\bdays?\b|prepa|advance|\bcod\b|c\.o\.d|\bcash\b|receipt|\beom\b|end of month|"
    r"letter of credit|\bl/c\b|\bt/t\b|\bwire\b|\bmonths?\b|due on|"
    r"払|付款|月结|月結|结算|結算|货到|貨到|现金|現金|电汇|電匯",
    re.I,
)

# Terms a label does not support well enough to be taken unchecked: they stop on a word that
# goes on ("Net 30 days from", "30 Tage nach", "60 gg data") — the rest is on the next line —,
# run on past what terms say (more than a dozen words: the label's cell swallowed other text), or
# say nothing of paying (no number, no word of paying: another field's value beside the label).
_GOES_ON = re.compile(
    r"(?:[,;:&+/\-–]|\b(?:from|of|after|the|within|upon|on|by|to|at|and|or|with|per|plus|"
    r"von|nach|ab|bei|zum|zur|und|oder|innerhalb|de|du|des|à|a|après|et|ou|da|di|del|della|dopo|e|o|"
    r"desde|tras|y|após|van|na|binnen|en|of|från|efter|och|od|po|w|z|ze|i|lub|do|nuo|pēc|no|от|с|по|до|и)"
    r")\s*$",
    re.I,
)
_PAYING = re.compile(
    r"\d|\bnet|netto|nett\b|advance|prepa|vorkasse|vorauskasse|nachnahme|sofort|immediate|upon|receipt|"
    r"\bcod\b|c\.o\.d|\bcash|comptant|contado|contanti|anticip|\bsight|vista|\bl/?c\b|letter of credit|"
    r"\bt/?t\b|\bwire|transfer|überweis|virement|bonifico|transferencia|przelew|převod|prevod|átutalás|"
    r"pavedim|pārskaitījum|ülekan|нaложен|наложен|банков|вирман|предоплат|передоплат|оплат|"
    r"\beom\b|end of month|fin de mois|monatsende|fine mese|due|payable|zahlbar|payable|pagadero|"
    r"払|付款|月结|月結|结算|結算|货到|貨到|款到|现金|現金|电汇|電匯|마감|현금|선급|후불|"
    # a deposit and the balance ("No deposit, balance before shipment", "无定金，发货前付清")
    r"deposit|\bbalance|anzahlung|acompte|\bsolde|acconto|\bsaldo|定金|订金|預付|预付|尾款|余款|付清|頭金",
    re.I,
)
TERMS_WORDS = 12
CONTINUED_X = 15.0  # points: the next line's words start under the terms' own


def _terms_continued(
    converted: "Converted", lines: list[Line], li: int, x: float, after_label: bool, vocab: Vocabulary
) -> "Converted":
    """Terms that stop on a word that goes on, completed by the lines under them in their column
    (for terms after their label in one cell, the first words right of the label's start). Said
    for a person still when one more line stands there after them: it may go on too."""
    text, taken = str(converted.value), 0
    for below in lines[li + 1 : li + 4]:
        if not below.x or below.block != lines[li].block:
            break
        near = [
            i
            for i, bx in enumerate(below.x)
            if (x < bx <= x + 200 if after_label and taken == 0 else abs(bx - x) <= CONTINUED_X)
        ]
        hit = vocab.label_at(below.segments[near[0]]) if len(near) == 1 else None
        if len(near) != 1 or (hit is not None and (not hit[2] or hit[3])):
            break  # another label ("Ship Via:"), not the rest of the terms ("DATE OF INVOICE")
        if taken and not _GOES_ON.search(text):
            return Converted(text, f"the payment terms '{text}' may go on under them: check where they end")
        x = below.x[near[0]]
        text, taken = f"{text} {below.segments[near[0]].strip()}", taken + 1
        if not _GOES_ON.search(text) and len(text.split()) <= TERMS_WORDS:
            continue
    if not taken:
        return converted
    return Converted(text, _weak_terms(text))


def _weak_terms(text: str) -> str:
    """Why payment terms read beside their label need a person's check, or ""."""
    if _GOES_ON.search(text):
        return f"the payment terms '{text}' stop on a word that goes on: is the rest on the next line?"
    if len(text.split()) > TERMS_WORDS:
        return f"the payment terms '{text[:60]}…' run on past what terms say: where do they end?"
    if not _PAYING.search(text):
        return f"'{text}' beside the payment terms' label says nothing of paying: are these the terms?"
    return ""


# Words that finish a party label ("Vendor Address", "Supplier Name"): never a company's name.
FIELD_WORDS = frozenset(
    "address addr name number no nr code id information info details ordering contact phone tel fax email"
    " e-mail account site location attn attention ship bill to from remit"
    # the same words in the buyer languages: "Tedarikçi Kodu", "Nr dostawcy", "Lieferantennummer"
    " nummer adresse kodu numarası adresi adı kod numer adres nazwa código número nome morada endereço"
    " nummer adress namn kód číslo adresa název 코드 번호 주소 코드번호".split()
)


_CONNECTIVES = frozenset(
    "and or of the to by for with is are be at in on under this that which whether any such shall will may"
    " hereby agrees agree must".split()
)


def _prose(text: str) -> bool:
    """Whether the words after a party label are a sentence or a heading of the terms, not a
    name: "and Purchaser hereby agree as follows:", "designs or incorporates any new features",
    "'S INSURANCE OBLIGATIONS:" (the label's possessive)."""
    text = text.strip()
    if re.match(r"['’]s\b", text, re.I) or text.endswith((":", "：")):
        return True
    words = text.split()
    if sum(1 for w in words if w.casefold().strip(",.;") in _CONNECTIVES) >= 3:
        return True  # "COUNTERCLAIM, WHETHER AT LAW OR IN EQUITY, BROUGHT UNDER THIS"
    if not words or not re.match(r"[a-z]", words[0]):
        return False
    return words[0] in _CONNECTIVES or len(words) >= 4


def _field_words(text: str) -> bool:
    """Whether ``text`` is only words that finish a label, not a name."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text.casefold())
    parts = [p for w in words for p in w.split("-")]
    return bool(parts) and all(p in FIELD_WORDS for p in parts)


# A number with a unit of weight, length, volume or count after it: never an amount of money.
# "Ft" with its capital after an amount is the forint ("386 356,86 Ft"), not feet.
_MEASURE = re.compile(
    r"\d\s*(?!(?-i:Ft)\b)(?:lbs?|kgs?|g|t|tons?|mt|cbm|m3|m|cm|mm|ft|in|pcs|pc|ea|pallets?|cartons?|ctns?)\.?\s*$", re.I
)


# Numbers beside a PO label that are not the PO number: "PO Box 959", "Page 1/4", a phone.
# a page count, a box, a phone or a tax id after its word, in the languages orders come in
_NOT_PO = re.compile(
    r"^(?:p\.?\s?o\.?\s*box|box|bx|page|pg|tel|phone|fax|suite|ste|zip|vat|tax|gst|date|datum|fecha|seite|blatt|página|pagina|"
    r"strona|strana|sida|side|sivu|sayfa|oldal|stránka|lap|postfach|apartado|caixa postal|skrytka|nip|regon|"
    r"ičo|dič|cnpj|nif|org\.?\s?nr|ust-idnr|vergi)\b|^(?:頁|页|페이지|ページ|電話|电话|전화)",
    re.I,
)
# "1/4", "2 / 3": a page of a count; "504/27" (order 504 of the year '27) counts further than its total
_PAGE_COUNT = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
_PHONE = re.compile(r"^\+?[\d(][\d\s().-]{6,}\d$")
_STREET = re.compile(
    r"^\d{1,6}\s+(?:[NSEW]\.?\s+|[A-Z]?[a-z]+\.?\s+){0,3}(?:street|st|road|rd|avenue|ave|drive|dr|boulevard|blvd|lane|ln|"
    r"way|parkway|pkwy|highway|hwy|court|ct|place|pl|circle|cir|plaza)\b\.?",
    re.I,
)


def _not_a_po_number(text: str) -> bool:
    """A PO box, a page count, a phone number, a street address: near a PO label, never it."""
    text = text.strip()
    if _NOT_PO.search(text) or _STREET.search(text):
        return True
    page = _PAGE_COUNT.match(text)
    if page and int(page.group(1)) <= int(page.group(2)):
        return True
    return bool(_PHONE.match(text)) and bool(re.search(r"\d{3}[\s.)-]+\d{3,4}[\s.-]+\d{4}", text))


# A revision written onto the number ("4500012345-Rev.2"): a revised PO keeps its number.
_REVISION_SUFFIX = re.compile(r"[-_/ ]?(?:rev(?:ision)?|amendment|amd|change)\.?\s*\d{1,3}$", re.I)


_NUMBER_WORDS = frozenset({"NO", "NR", "NUM", "PO", "ORDER", "REF", "ID"})


def _po_number(text: str) -> Converted | None:
    if _not_a_po_number(text):
        return None
    tokens = [_REVISION_SUFFIX.sub("", t) for t in PO_TOKEN.findall(re.split(r"\s{2,}|\t", text)[0])]
    for index, token in enumerate(tokens):
        if re.search(r"\d", token) and not re.fullmatch(r"\d{1,2}", token):
            before = [t for t in tokens[:index] if re.fullmatch(r"[A-Z0-9\u0391-\u03a9\u0400-\u042f]{1,6}", t)]
            if before:  # "NW 4411": one number written with a space, or a word and a number?
                said = f"the PO number is written '{' '.join(before)} {token}'"
                prefix = before[-1]
                if token.startswith("0") and prefix.isalpha() and prefix.upper() not in _NUMBER_WORDS:
                    # "RS 0012697": digits padded with zeros after letters are the rest of one number
                    return Converted(prefix + token.rstrip("."))
                return Converted(token.rstrip("."), said)
            return Converted(token.rstrip("."))
    return None


def is_company(text: str | None, names: list[str]) -> bool:
    """Whether ``text`` names one of ``names`` (our company, its Chinese name, its aliases)."""
    if not text:
        return False
    mine = _squash(text)
    letters = re.sub(r"[\W_]+", "", fold(text).lower())
    for name in names:
        theirs = _squash(name)
        if theirs and mine and (mine == theirs or (len(theirs) >= 5 and (theirs in mine or mine in theirs))):
            return True
        # "YourCompany" in "Your Company Tagline": the words _squash leaves out are one with the name
        spelled = re.sub(r"[\W_]+", "", fold(name).lower())
        if len(spelled) >= 8 and spelled in letters:
            return True
    return False


def _squash(text: str) -> str:
    text = fold(text).lower()
    text = re.sub(r"\b(co|ltd|limited|inc|llc|gmbh|corp|corporation|company|the)\b\.?", "", text)
    return re.sub(r"[\W_]+", "", text)


COMPANY_NAME = re.compile(
    r"([A-Z][\w&'.\- ]{1,60}?(?:\bCo\.,? ?Ltd\.?|\bLtd\.?|\bLimited\b|\bInc\.?|\bLLC\b|\bGmbH\b|\bAG\b|\bCorp\.?|"
    r"\bCorporation\b|\bS\.A\.|\bSAS\b|\bSARL\b|\bS\.A\.R\.L\.|\bB\.V\.|\bPty Ltd\b|\bPLC\b|\bKG\b|\bAB\b|\bSpA\b|\bS\.r\.l\.|\bK\.K\.|\bOy\b|\bA/S\b)(?![^\W\d_]))"
    r"|((?<![我贵本])[\u4e00-\u9fff]{2,30}(?:有限公司|公司|厂|集团))"
)


def company_names(text: str) -> list[str]:
    """Company names written in ``text`` (signatures, letterheads), in order of appearance."""
    out = []
    for match in COMPANY_NAME.finditer(text):
        name = (match.group(1) or match.group(2)).strip()
        name = re.sub(r"^(?:Purchasing|Accounts Payable|Sales|Procurement|Buyer|From|Regards),?\s+", "", name)
        name = re.sub(r"(采购部|财务部|销售部)$", "", name)
        if name not in out:
            out.append(name)
    return out


_CONTACT_CUT = re.compile(
    r"\s+[—–]\s+|\s+-\s+(?=[A-Z\u4e00-\u9fff])|\s*[,，]\s*(?=(?:attn|contact|联系人)\b)|\s*\(", re.I
)


def party_name(text: str) -> str:
    """The company in "Kobayashi Seiki Co., Ltd. — Hiroshi Sato" or "ACME LLC, Tom Becker"."""
    text = re.split(r"\s{2,}|\t", text.strip())[0]
    company = COMPANY_NAME.match(text)
    if company:
        return (company.group(1) or company.group(2)).strip()
    text = _CONTACT_CUT.split(text)[0]
    head, sep, tail = text.partition(", ")
    if sep and _person(tail):
        text = head
    head, sep, tail = text.partition("，")
    if sep and _person(tail):
        text = head
    return text.strip()


def _person(text: str) -> bool:
    text = text.strip()
    return bool(re.fullmatch(r"(?:[A-Z][a-z'\-]+\.?\s?){1,3}|[\u4e00-\u9fff]{2,3}", text))


# --------------------------------------------------------------------------- a PO number by its shape

# Signs that number something in most languages ("Nr.", "No.", "№", "N°", "#", "Ref"): beside an
# unknown word, they still say "the number of ...". Greek "Αρ.", South Slavic "Br.", Czech "Č.".
_NUMBER_MARK = re.compile(
    r"(?<![^\W\d_])(?:no|nr|n°|nº|n\.º|num|nro|núm|ref|αρ|št|br|bil|số|sz|č|Nb)(?![^\W\d_])\.?|#|№|n°|nº",
    re.I,
)
# Labels of numbers that are never the order's in most languages' abbreviations
_NOT_ORDER_MARK = re.compile(
    r"(?<![^\W\d_])(?:tel|fax|phone|mob|gsm|iban|bic|swift|vat|tax|e-?mail|www|http|page|zip|plz|kvk|ust|nip|regon)|"
    r"\bcif\b|\bnif\b|\boib\b|\bičo?\b|\bdič\b|\bein\b|\bgst\b|\babn\b|\bpib\b|\binn\b|\bkpp\b|konto|account|"
    r"bank|\bcvr\b|\borg\b|\bvkn\b|\bmst\b|\bnpwp\b|\bbrn\b|\bssm\b|\bafm\b|\bαφμ\b|\bδου\b|kennitala|\bkt\b|"
    r"\bpostcode\b|\bp\.?\s?o\.?\s?box\b|\bbox\b",
    re.I,
)
# A code an order may be numbered by: a digit in it, letters, digits and joiners, 4 to 30 signs
_CODE = re.compile(
    r"[#№]?\s?((?=[^\s]*\d)[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff][\w\-/.]{2,28}[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff])"
)
# "label: value" or "label value" where the label holds no digit
_MARKED = re.compile(r"^(?P<label>[^\d:：]{1,40}?)\s*[:：]?\s*(?P<value>[#№]?\s?\S+)$")
HEAD_LINES = 30  # the PO number stands in the document's head, above its lines
SHAPE_BELOW_X = 40.0  # points: a value under its label cell starts within this of the label


def _code_value(text: str) -> str | None:
    """The code in ``text`` when it is one a PO is numbered by: not a date, an amount, a phone
    number, a percentage or a quantity."""
    text = text.strip().rstrip(".,;")
    match = _CODE.fullmatch(text)
    if match is None:
        return None
    code = match.group(1)
    if date_spans(code) or _not_a_po_number(code) or re.search(r"\d[.,]\d{2}$", code):
        return None
    if re.fullmatch(r"\d{1,3}", code) or (code.isdigit() and len(code) > 14):
        return None
    if re.fullmatch(r"\d[\d.,]*", code) and re.search(r"[.,]", code):
        return None  # "1.250": a number, not a code
    return code


def _table_row(line: Line) -> bool:
    """A row of the lines table: three cells or more hold numbers."""
    return sum(1 for segment in line.segments if re.fullmatch(r"[\d\s.,'/-]*\d[\d\s.,'%]*", segment.strip())) >= 3


def _head(lines: list[Line]) -> list[Line]:
    """The document's head: its first lines, above the first row of the lines table."""
    head: list[Line] = []
    for line in lines[: HEAD_LINES * 2]:
        if _table_row(line) or len(head) >= HEAD_LINES:
            break
        head.append(line)
    return head


def _head_pairs(head: list[Line], vocab: Vocabulary) -> list[tuple[str, str, bool, Line]]:
    """(label, value, a colon or a cell of its own, line) for every value in the head beside a
    label no vocabulary knows: "label: value" in one string, a label cell and the next cell, a
    label cell and the one right under it (a header band)."""
    out = []
    for li, line in enumerate(head):
        for si, segment in enumerate(line.segments):
            segment = segment.strip()
            pairs: list[tuple[str, str, bool]] = []
            match = _MARKED.match(segment)
            if match:
                pairs.append((match.group("label"), match.group("value"), bool(re.search(r"[:：]", segment))))
            if si + 1 < len(line.segments) and not re.search(r"\d", segment) and len(segment) <= 40:
                pairs.append((segment, line.segments[si + 1], True))
            below = _under(head, li, si)
            if below is not None and not re.search(r"\d", segment) and len(segment) <= 40:
                pairs.append((segment, below, True))
            for label, value, colon in pairs:
                label = label.strip().rstrip(":：").strip()
                if not label or len(label.split()) > 5 or "@" in value:
                    continue
                hit = vocab.label_at(label + ":") or vocab.label_at(label)
                if hit is not None and not hit[2].strip(" :："):
                    continue  # a known label ("Kunden-Nr.", "Datum"), not one that starts like it ("Datum na isporaka")
                out.append((label, value.strip(), colon, line))
    return out


def _under(head: list[Line], li: int, si: int) -> str | None:
    """The cell right under segment ``si`` of head line ``li`` (a header band), or None."""
    line = head[li]
    if li + 1 >= len(head) or not line.x or si >= len(line.x) or not head[li + 1].x:
        return None
    below = head[li + 1]
    near = [i for i, bx in enumerate(below.x or []) if abs(bx - line.x[si]) <= SHAPE_BELOW_X]
    if len(near) == 1 and near[0] < len(below.segments) and below.block == line.block:
        return below.segments[near[0]]
    return None


def _nearest(line: Line, x: float) -> int:
    """The index of ``line``'s segment that starts nearest ``x`` (0 when it has no positions)."""
    if not line.x:
        return 0
    return min(range(len(line.x)), key=lambda i: abs(line.x[i] - x))  # type: ignore[index]


def shaped_po_number(lines: list[Line], vocab: Vocabulary, names: tuple[str, ...] = ()) -> Found | None:
    """The PO number of an order whose label no vocabulary knows ("Pöntunarnúmer: IS-2026982",
    "Nambari ya Agizo  SW-48812", "Nr. narudžbe" over "HR-2026/118"), found by its shape in the
    document's head: a code with a digit after a label that holds a sign for "number" (No., Nr.,
    №, N°, #, Ref) or a colon, in a label cell's next cell, or under it. A code that is also
    written in ``names`` (the mail's subject, the file's name) is chosen first; then a label with
    a sign for "number"; then the first. Always for a person to check: the label says nothing known."""
    joined = " ".join(_squash_code(n) for n in names)
    candidates: list[tuple[int, int, str, str, str]] = []  # (-score, order, code, label, where)
    for label, value, colon, line in _head_pairs(_head(lines), vocab):
        if _NOT_ORDER_MARK.search(label):
            continue
        code = _code_value(value)
        if code is None:
            continue
        marked = bool(_NUMBER_MARK.search(label)) or value.lstrip().startswith(("#", "№"))
        named = len(code) >= 4 and _squash_code(code) in joined
        if not (marked or colon or named):
            continue
        score = 4 * named + 2 * marked + colon
        candidates.append((-score, len(candidates), code, label, line.where))
    if not candidates:
        return None
    score, _, code, label, where = min(candidates)
    if score > -4 and any(_NAMED_PO.search(n) for n in names):
        return None  # "PO 4500012345" in the subject, and not in the head: the subject says it
    converted = _po_number(code)
    if converted is None:
        return None
    said = f"the PO number {converted.value!r} was read by its shape beside '{label[:40]}', a label no vocabulary knows: a person checks it"
    return Found(converted.value, f"{where} '{label[:40]}' (by its shape)", said)


# A PO number a subject names after a word for the order or a sign for "number"
_NAMED_PO = re.compile(
    r"(?:\bp\.?\s?o\b\.?|\border\b|#|№|\bnr\b\.?|\bno\b\.?)\s*[:#]?\s*(?=[\w\-/]*\d)[A-Za-z0-9][\w\-/]{2,}", re.I
)
ARRIVAL_DAYS = 1  # a PO dated tomorrow: the buyer's time zone


def shaped_dates(lines: list[Line], vocab: Vocabulary, opts: Options, found: dict[str, Found]) -> dict[str, Found]:
    """The PO date and the delivery date an order writes in its head beside labels no
    vocabulary knows ("Tarehe: 16.11.2026", "Afleweringsdatum" over "27.12.2026"), for the ones
    ``found`` lacks: the first date is the order's (unless it lies after the day the order
    arrived: then it is when the goods are due), the first later one is the delivery date.
    Each is said for a person: the label says nothing known."""
    dates: list[tuple[Any, str, str, str]] = []  # (day, ambiguity, label, where)
    for label, value, _, line in _head_pairs(_head(lines), vocab):
        spans = date_spans(value)
        if not spans or spans[0][1] - spans[0][0] < len(value.rstrip(" .г")) - 3:
            continue  # a date with words around it is a sentence, not a field's value
        parsed = find_date(value, opts.today, opts.date_order, opts.languages)
        if parsed.value is not None and parsed.value not in [d for d, *_ in dates]:
            dates.append((parsed.value, parsed.ambiguous, label, line.where))
    out: dict[str, Found] = {}
    known_po = found["po_date"].value if "po_date" in found and found["po_date"].value else None
    late = opts.today + timedelta(days=ARRIVAL_DAYS) if opts.today else None
    for day, ambiguous, label, where in dates:
        said = f"read by its shape beside '{label[:40]}', a label no vocabulary knows: a person checks it"
        if known_po is None and "po_date" not in out and "delivery_date" not in out and (late is None or day <= late):
            out["po_date"] = Found(
                day,
                f"{where} '{label[:40]}' (by its shape)",
                f"the PO date {day.isoformat()} {said}" + (f"; {ambiguous}" if ambiguous else ""),
            )
            continue
        start = out["po_date"].value if "po_date" in out else known_po
        if "delivery_date" not in found and "delivery_date" not in out and (start is None or day > start):
            out["delivery_date"] = Found(
                day,
                f"{where} '{label[:40]}' (by its shape)",
                f"the delivery date {day.isoformat()} {said}" + (f"; {ambiguous}" if ambiguous else ""),
            )
    return out


def _squash_code(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u0370-\u03ff\u0400-\u04ff]", "", text).upper()


# --------------------------------------------------------------------------- payment terms by their shape

# "30 dagen netto", "60 dagen einde maand", "30 dni od prejema računa", "innerhalb 45 Tagen
# netto", "Transferencia a 60 días", "siku 30", "net 30": a number of days in any language, with
# a word of net, of the month's end, of paying or of the invoice beside it.
_DAY_WORD = (
    r"(?:days?|d\.|dagen|dage|dagar|dager|dgn|tagen?|tg\.?|jours?|j\.|d[ií]as|dies|giorni|gg\.?|dni|dní|dnů|dana|dni|"
    r"dienų|dienu|dienas|päeva|päivää|pv\.?|nap|napon|napos|napra|gün|дней|дни|днів|дня|дана|днева|ден|hari|araw|"
    r"siku|dae|ημέρες|ημερών|ημ\.|daga|dögum|zile|ditë|ditësh|дена|денови|өдөр|өдрийн|күн|күндік|დღე|დღის|ngày|วัน|天|日|일)"
)
_DAYS = re.compile(
    rf"(?<![\w.,])\d{{1,3}}\s*-?\s*{_DAY_WORD}(?![^\W\d_])|(?<![^\W\d_]){_DAY_WORD}\s*\d{{1,3}}(?![\d.,])", re.I
)
_TERMS_WORD = re.compile(
    r"net|nett|neto|nettó|eom|e\.o\.m|end of month|einde maand|eind maand|fin de mois|fine mese|f\.m\.|fin de mes|"
    r"fim do mês|monatsende|ultimo|månedens|månadens|kuun lopusta|konca meseca|końca miesiąca|"
    r"pay|zahl|paiement|payable|pago|pagament|pagamento|betal|plač|płat|płatn|platb|plat|fizet|maks|ödeme|"
    r"оплат|плащ|плаћ|плаќ|bayar|pembayaran|malipo|greiðsl|greitt|betaal|pagesa|төлем|төлбөр|გადახდ|plată|plata|"
    r"πληρωμ|ชำระ|thanh toán|transfer|überweis|virement|bonifico|przelew|převod|prevod|átutal|havale|"
    r"invoice|rechnung|facture|factura|fattura|faktur|factuur|račun|rachunk|számla|fatura|счет|рахун|фактур|"
    r"ankara|reikning|ფაქტურ|кредит|kredit|crédit|credit|πίστωσ|τιμολόγ|"
    r"skonto|sconto|descuento|escompte|korting|rabat",
    re.I,
)
# Words of delivery or of a lead time: "Lieferung innerhalb 30 Tagen" is no payment term
_LEAD_TIME = re.compile(
    r"deliver|liefer|livraison|entrega|consegna|levering|leverans|levert|dostaw|dodá|dobav|szállít|teslim|"
    r"доставк|поставк|pengiriman|penghantaran|afhend|valid|gültig|validit|offer|angebot|warrant|garant",
    re.I,
)
TERMS_PHRASE_WORDS = 8


def terms_by_shape(lines: list[Line], vocab: Vocabulary) -> Found | None:
    """Payment terms written as a number of days beside a word of net, month's end, paying or
    the invoice ("30 dagen netto", "Transferencia a 60 días") in a cell or after a colon of their
    own, under or beside a label no vocabulary knows, or alone in the footer. Read as written;
    said for a person when the phrase stands under no label or twice with different words."""
    seen: list[tuple[str, str, bool]] = []  # (terms, where, beside or under a label)
    for li, line in enumerate(lines):
        if _table_row(line):
            continue
        for si, segment in enumerate(line.segments):
            text = segment.strip()
            before = line.segments[si - 1] if si and not re.search(r"\d", line.segments[si - 1]) else ""
            above = (
                _under(lines, li - 1, _nearest(lines[li - 1], line.x[si]))
                if li and line.x and si < len(line.x)
                else None
            )
            band = (
                len(lines[li - 1].segments) >= 2 or lines[li - 1].text.rstrip().endswith((":", "：")) if li else False
            )
            if above is not None and above == segment and band and not re.search(r"\d", lines[li - 1].text):
                before = f"{before} {lines[li - 1].segments[_nearest(lines[li - 1], line.x[si])]}"  # a header band
            if not _DAYS.search(text) or not _TERMS_WORD.search(f"{before} {text}") or _LEAD_TIME.search(text):
                continue  # ("Όροι πληρωμής | Πίστωση 60 ημερών": the label cell speaks of paying)
            if _LEAD_TIME.search(before):
                continue
            if vocab.label_at(text) is not None:
                continue  # a known label's value ("Lieferzeit: 30 Tage"): the label reader had its chance
            if si and vocab.label_at(line.segments[si - 1]) is not None:
                continue  # the value of the known label beside it
            head, colon, tail = re.split(r"([:：])", text, maxsplit=1) if re.search(r"[:：]", text) else (text, "", "")
            labelled = bool(before.strip())
            if colon and _DAYS.search(tail) and not _DAYS.search(head) and len(head.split()) <= 4:
                text, labelled = tail.strip(), True  # "Malipo: siku 30 baada ya ankara": the value after its label
            if len(text.split()) > TERMS_PHRASE_WORDS or re.search(r"\d[.,]\d{2}(?!\d)", text):
                continue  # a sentence of the conditions, or an amount: not the terms' own cell
            value = text.rstrip(" .;,")
            if value not in (v for v, _, _ in seen):
                seen.append((value, line.where, labelled))
    if not seen:
        return None
    value, where, labelled = seen[0]
    doubt = ""
    if not labelled:  # "30 dagen netto" alone in the footer: the terms, or a sentence of the conditions?
        doubt = f"the payment terms '{value}' were read from a line of their own, under no label: are they the order's?"
    if len(seen) > 1:
        doubt = f"payment terms read by their shape, but the document writes several ({'; '.join(v for v, _, _ in seen[:3])}): which are they?"
    return Found(value, f"{where} '{value[:40]}' (terms by their shape: a number of days and a word of paying)", doubt)


def unread_terms_label(lines: list[Line], vocab: Vocabulary) -> str:
    """Where a payment-terms label stands (not the bare "Terms" that heads the conditions) whose
    value was not understood, or "": such terms are for a person, never silently lost."""
    for line in lines:
        segments = _split_pairs(line, vocab)[0]
        for si, segment in enumerate(segments):
            hit = label_hit(segment, vocab)
            if hit is None or hit[0] != "payment_terms" or norm(hit[1]) in BARE_TERMS:
                continue
            written = hit[2].strip(" :：-–—") or (segments[si + 1].strip() if si + 1 < len(segments) else "")
            if written:  # an empty field of a form says no terms, not terms nobody understood
                return f"{line.where} label '{hit[1]}' ('{written[:40]}')"
    return ""
