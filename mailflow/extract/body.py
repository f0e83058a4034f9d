"""Plain text (an email body, a .txt file) → ``Document``: aligned columns and prose orders.

Contract
    ``read(data, name, vocab)`` / ``from_text(text, name, vocab)`` never raise.

    * Quoted earlier mail (``>`` lines, "On ... wrote:", "-----Original Message-----",
      "From: / Sent:", "Von: / Gesendet:", "发件人: / 发送时间:" blocks, in every language of
      ``quoted``) is cut: an old order in a reply is not this message's order. A forwarded
      message (a forward's marker line) is kept — it is the content; so is the earlier mail of
      a thread the extractor made the content (a reply asking about the order quoted under it,
      ``quoted.lift``). Dates are read in the languages the text is written in.
    * Aligned columns ("Item   Qty   Price", monospace) are read as a whitespace table by the
      same column finder as PDFs, with character positions in place of points.
    * Prose: ``prose_lines(text)`` finds "500 pcs of HX-2040 at USD 3.20", "HX-2040 x 500 pcs
      @ $3.20", "HX-2040 500个 单价8.60". The grid it returns goes through the same table
      reader, so totals, numbers and checks are shared.
"""

from __future__ import annotations

import bisect
import re

import unicodedata

from collections.abc import Collection
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from . import compiled
from .columns import as_line, boundaries, cells, find_header_line, group_lines, table_end
from . import aligned, codepages, digits, quoted, spoken, texttable
from .csv import decode
from .document import Document, Grid, Line
from .html import call_off_columns, half_width, worded_twin
from .languages import document_languages
from .normalize import TOTAL_LINE_CHARS, date_spans, find_currency, find_date, guess_decimal_comma, parse_number
from .vocabulary import Vocabulary

CHAR = 6.0  # pseudo-points per character: two spaces make a column gap, one does not

# Bounded and anchored at the start of a word: an item code is at most 40 characters, and a
# long run of letters and digits (an encoded blob) must not make the search quadratic.
CODE = (
    r"(?<![A-Za-z0-9\-_/.])(?P<item>(?=[A-Z0-9\-_/.]{0,39}[A-Z])(?=[A-Z0-9\-_/.]{0,39}\d)"
    r"[A-Z0-9][A-Z0-9\-_/.]{0,38}[A-Z0-9])(?![A-Za-z0-9\-_/])"
)
QTY = r"(?<![\d,.])(?P<qty>\d{1,3}(?:[,.\s]\d{3}){1,4}|\d{1,9})(?![\d])"
MONEY = (
    r"(?P<price>(?:(?:USD|US\$|EUR|GBP|RMB|CNY|JPY|HKD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|TRY|RUB|KRW|INR|TWD|AUD|CAD"
    r"|SGD|BRL|MXN|ZAR|人民币|美元|\$|€|£|¥|￥|₩)\s?)?\d[\d,.]*(?:\.\d+)?"
    r"(?:\s?(?:USD|EUR|GBP|RMB|CNY|JPY|CHF|SEK|NOK|DKK|PLN|CZK|KRW|元|円|원))?)"
)
PRICE_CUE = (
    r"(?:\s*(?:,|，)?\s*(?:at|@|unit price|price|each at|单价为|单价|單價|単価)\s*[:：]?\s*"
    + MONEY
    + r"(?:\s*(?:/|per)\s*(?:pc|pcs|piece|unit|ea|个|個|件))?(?:\s*each)?)?"
)


def _units(vocab: Vocabulary) -> str:
    return r"(?P<unit>" + _unit_words(tuple(vocab.units)) + r")(?![A-Za-z])"


@lru_cache(maxsize=8)
def _unit_words(units: tuple[str, ...]) -> str:
    """The units as alternatives of a pattern, the longest first (built once, not per line)."""
    return "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))


def _patterns(vocab: Vocabulary) -> list[re.Pattern[str]]:
    units = _units(vocab)
    return [
        # 500 pcs of HX-2040 (housing) at USD 3.20
        compiled.pattern(
            QTY
            + r"\s*"
            + units
            + r"\s+(?:of\s+)?(?:(?:item|part|model|sku|part no\.?|item no\.?)\s*#?\s*)?"
            + CODE
            + r"(?P<desc>\s*\([^)\n]{1,80}\))?"
            + PRICE_CUE,
            re.I,
        ),
        # HX-2040 x 500 pcs @ $3.20 ; HX-2040: 500 pcs ; HX-2040 500个 单价8.60
        compiled.pattern(
            CODE
            + r"(?P<desc>\s*\([^)\n]{1,80}\))?\s*(?:[x×*:：,，-]|qty|数量)?\s*[:：]?\s*"
            + QTY
            + r"\s*"
            + units
            + PRICE_CUE,
            re.I,
        ),
        # 500 x HX-2040 at $3.20
        compiled.pattern(QTY + r"\s*[x×]\s*" + CODE + r"(?P<desc>\s*\([^)\n]{1,80}\))?" + PRICE_CUE, re.I),
        # GSK-090 三元乙丙密封圈 90mm，数量3,000个，单价人民币0.35元 ; HX-2040 hex standoff, qty 500 pcs
        compiled.pattern(
            CODE
            + r"\s+(?P<desc>[^，,;；\n]{1,60}?)\s*[，,]\s*(?:数量|qty|quantity)\s*[:：]?\s*"
            + QTY
            + r"\s*"
            + units
            + r"\s*(?:[，,]\s*)?(?:(?:单价|單價|単価|unit price|price)\s*[:：]?\s*"
            + MONEY
            + r")?",
            re.I,
        ),
    ]


def strip_quoted(text: str) -> str:
    """The new part of a reply; forwarded content is kept (``quoted``: the header blocks,
    marker lines and "wrote:" lines of every language)."""
    if quoted.forward_marker(text) is not None:
        return text
    cut = quoted.reply_cut(text)
    if cut is not None:
        text = "\n".join(text.split("\n")[:cut])
    # lines split at line feeds only: a spool's form feed stays, for the table reader to see its pages
    return "\n".join(line.rstrip("\r") for line in text.split("\n") if not line.lstrip().startswith(">"))


def unquote(doc: Document, text: str) -> Document:
    """An HTML mail's document without what is only in its quoted part: a table or a line
    written only below the reply cut ("On ... wrote:", "From: / Sent:") is the old order the
    customer replied to, never this mail's. ``text``: the mail's plain text."""
    new = _squash(strip_quoted(text))
    old = _squash(text)

    def quoted(pieces: list[str], shortest: int = 4) -> bool:
        squashed = [p for p in (_squash(x) for x in pieces) if len(p) >= shortest]
        return bool(squashed) and not any(p in new for p in squashed) and all(p in old for p in squashed)

    new_lines = [_squash(x) for x in strip_quoted(text).split("\n")]
    old_lines = [_squash(x) for x in text.split("\n")]

    def on_a_line(cells: list[str], lines: list[str]) -> bool:
        return any(all(c in line for c in cells) for line in lines)

    def quoted_rows(grid: Grid) -> bool:
        """Every row (of the first few) written whole on one line of the quoted part, and on none
        of the new part: the quoted quotation's rows, though they name the same parts as the order."""
        rows = [[_squash(str(c)) for c in row if c not in (None, "") and str(c).strip()] for row in grid.rows[1:4]]
        rows = [row for row in rows if len(row) >= 2]
        return bool(rows) and all(not on_a_line(row, new_lines) and on_a_line(row, old_lines) for row in rows)

    doc.grids = [
        grid
        for grid in doc.grids
        if not quoted([str(c) for row in grid.rows[1:4] for c in row if c not in (None, "") and str(c).strip()])
        and not quoted_rows(grid)
    ]
    doc.lines = [line for line in doc.lines if not quoted([line.text], shortest=2)]  # "To:" too
    return doc


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    """A text file: its bytes decoded (UTF-8, else the best guess; a file an ERP printed in a
    DOS code page, cp852 or cp866, is read in it even when the guess says otherwise)."""
    text, encoding = decode(data)
    if not encoding.startswith("utf"):
        better = codepages.dos_reading(data, text, encoding)
        text = better[0] if better else text
    return from_text(text or "", name, vocab)


def from_text(text: str, name: str, vocab: Vocabulary, sent: date | None = None) -> Document:
    """``sent``: the day the mail was sent, from which "by Friday 4th" is counted."""
    doc = Document(name)
    text = texttable.prepare(
        _URL.sub("", strip_quoted(box_rules(half_width(digits.plain(text))).replace("\r\n", "\n")))
    )
    doc.text = text
    langs = document_languages(text)  # "18 sty 2027", "18 listopada": read in the mail's language
    words = _words(text)
    lines = group_lines(words)
    where = name
    in_blocks: set[int] = set()  # text lines an item block took: never a header field
    tables = texttable.find_all(text.split("\n"), vocab, name)  # parts, then tooling: each its own table
    typed = tables[0] if tables else None
    header_at, header = (None, []) if typed else find_header_line(lines, vocab)  # joins a two-line header
    text_lines = [as_line(line, f"{where} line {int(line[0]['top'] / 12) + 1}") for line in lines]
    if typed is not None:
        for table in tables:
            doc.warnings.extend(call_off_columns(table.grid, vocab))
            worded_twin(table.grid, vocab)
        doc.grids.extend(table.grid for table in tables)
        typed.taken = set().union(*(table.taken for table in tables))
        if len(typed.grid.rows) > texttable.MAX_ROWS:
            doc.warnings.append(f"{name}: a table of more than {texttable.MAX_ROWS} rows: only the first were read")
        doc.lines = [line for words_, line in zip(lines, text_lines) if int(words_[0]["top"] / 12) not in typed.taken]
    elif header_at is not None:
        end = table_end(lines, header_at, vocab)
        bounds = boundaries(lines, header_at, end, [(x0, x1) for _, x0, x1 in header], vocab)
        rows = [[t for t, _, _ in header]] + [cells(lines[i], bounds) for i in range(header_at + 1, end)]
        names = [f"line {int(lines[i][0]['top'] / 12) + 1}" for i in range(header_at, end)]
        doc.grids.append(Grid(rows, f"{where} columns", names))
        doc.warnings.extend(call_off_columns(doc.grids[-1], vocab))
        doc.lines = text_lines[:header_at] + text_lines[end:]
    elif (blocks := record_blocks(text, vocab, name)) is not None:
        doc.grids.append(blocks[0])
        in_blocks = blocks[1]  # an item's lines are its line, not the header's
        doc.lines = [line for words_, line in zip(lines, text_lines) if int(words_[0]["top"] / 12) not in in_blocks]
    else:
        doc.lines = text_lines
        headerless = (
            texttable.find_headerless(text.split("\n"), vocab, name) if speaks_of_an_order(text, vocab) else None
        )
        shaped = shaped_table(text.split("\n"), vocab, name, sent, langs) if headerless is None else None
        if headerless is not None:
            doc.grids.append(headerless.grid)
        elif shaped is not None:
            doc.grids.append(shaped.grid)
            doc.lines = [
                line for words_, line in zip(lines, text_lines) if int(words_[0]["top"] / 12) not in shaped.taken
            ]
            doc.lines.extend(shaped.fields)
            doc.warnings.extend(shaped.doubts)
        taken = headerless.taken if headerless else shaped.taken if shaped else set()
        prose = prose_lines(text, vocab, name, skip=taken)
        reckoned = reckoned_lines(text, name, skip=taken) if headerless is None and shaped is None else None
        if prose is not None and (reckoned is None or len(prose.rows) >= len(reckoned[0].rows)):
            doc.grids.append(prose)
            doc.lines.extend(prices_currency(prose, name))
        elif reckoned is not None:
            grid, rows_at = reckoned
            doc.grids.append(grid)
            doc.lines = [line for words_, line in zip(lines, text_lines) if int(words_[0]["top"] / 12) not in rows_at]
            if not speaks_of_an_order(text, vocab) and not _THIN_ORDER.search(text):
                doc.grids.pop()  # lines adding up in a mail that calls itself no order: for a person to see
                doc.lines = text_lines
            elif not speaks_of_an_order(text, vocab):  # in words no vocabulary knows: every value is asked about
                split = text.split("\n")
                doubts = [f"{name}: {RECKONED}: a person checks them"]
                doc.lines.extend(_sum_below(split, grid, max(rows_at) + 1, name, doubts))
                doc.lines.extend(_shaped_header(split[: min(rows_at)], vocab, name, sent, doubts, langs))
                named = prices_currency(grid, name)
                doc.lines.extend(named)
                doubts.extend(
                    f"currency: {line.text.split(': ', 1)[-1]} read from the prices' sign: a person checks it"
                    for line in named
                )
                doc.warnings.extend(doubts)
            else:
                doc.lines.extend(prices_currency(grid, name))
    delivery = delivery_phrases(text, name, sent, doc.warnings, langs)
    # a day placed from the way it was said goes first: the line it was written on ("Delivery:
    # Friday 4th") holds no date the header reader could read
    doc.lines = [d for d in delivery if d.where.endswith(SAID)] + doc.lines
    doc.lines.extend(d for d in delivery if not d.where.endswith(SAID))
    doc.lines.extend(prose_fields(text, vocab, name, in_blocks))
    return doc


# Box-drawing characters (what a DOS-era ERP draws its tables with: ┌─┬─┐ │ ├─┼─┤ ╔═╦═╗ ║) as the
# ASCII a text table is also drawn with (+-+-+ |): one kind of ruled table for the readers.
_BOX = str.maketrans(
    {
        **{chr(code): "+" for code in range(0x2500, 0x2580)},
        **{c: "-" for c in "─━┄┅┈┉╌╍═╴╶╸╺╼╾"},
        **{c: "|" for c in "│┃┆┇┊┋╎╏║╵╷╹╻╽╿"},
    }
)
_ANY_BOX = re.compile("[\u2500-\u257f]")


def box_rules(text: str) -> str:
    """``text`` with its box-drawing rules and walls written in ASCII ("│ 500 │" → "| 500 |")."""
    return text.translate(_BOX) if _ANY_BOX.search(text) else text


# "Quantity: 2", "SKU: CAB-4821", "单价：¥30.22": one line of an item's block
_FIELD_LINE = re.compile(r"^\s*(?P<label>[^:：\d][^:：]{0,38}?)\s*[:：]\s*(?P<value>\S.{0,200}?)\s*$")
_BLOCK_COLUMNS = ("item", "description", "quantity", "unit", "unit_price", "amount", "delivery_date")


def record_blocks(text: str, vocab: Vocabulary, name: str) -> tuple[Grid, set[int]] | None:
    """Order lines written as blocks, one per item, of "Label: value" lines (how marketplaces
    and portals write for phones): "Product: …", "SKU: …", "Quantity: 2", "Price: $8.20". A
    label seen again starts the next item; a line with no label right above a block is the
    item's name when the block has none. A block is a line only with a quantity and a price or
    an amount, or (a call-off against a blanket order, priced there) an item, a quantity and a
    date; a cumulative quantity ("Cum qty received: 12,500") is passed over. The grid has the
    standard header, so the one table reader checks it. Returns
    the grid and the numbers of the text lines its blocks took."""
    header = ["Item", "Description", "Qty", "Unit", "Unit Price", "Amount", "Delivery Date"]
    rows: list[list[str | None]] = []
    taken: set[int] = set()
    names: list[str] = []
    current: dict[str, str] = {}
    start = number = 0
    title: str | None = None
    above: str | None = None

    def close() -> None:
        # a call-off's item gives its quantity and need date; its price is the blanket order's
        priced = "unit_price" in current or "amount" in current or ("item" in current and "delivery_date" in current)
        if "quantity" in current and priced:
            if "description" not in current and title:
                current["description"] = title
            if "item" in current or "description" in current:
                rows.append([current.get(c) for c in _BLOCK_COLUMNS])
                names.append(f"line {start + 1} block")
                taken.update(range(start, number))
        current.clear()

    for number, raw in enumerate(text.split("\n")):
        line = raw.strip().strip("|").strip()  # " | Title": a cell beside a picture
        match = _FIELD_LINE.match(line)
        column = vocab.column_of(match.group("label")) if match else None
        hit = vocab.label_at(line) if match and column is None else None
        if hit and hit[0] == "delivery_date":
            column = "delivery_date"  # "Need By: 12/04/2026": the item's own date
        if column == "line_no":
            column = None
        if column == "cumulative" and current:
            continue  # "Cum qty received: 12,500" inside a call-off's item: never its quantity
        if column in _BLOCK_COLUMNS and match:
            value = match.group("value")
            if column == "item" and "item" in current and "description" not in current:
                # "Artikel: Relais 24 V" beside "Artikelnummer: REL-7757": the words are its name
                worded = [v for v in (current["item"], value) if " " in v.strip()]
                if len(worded) == 1:
                    current["description"] = worded[0]
                    current["item"] = value if worded[0] is current["item"] else current["item"]
                    continue
            if column in current:
                close()
            if not current:
                start, title = number, above
            current[column] = value
            continue
        close()
        above = line if line and match is None and len(line) <= 120 else None
    number = len(text.split("\n"))
    close()
    if len(rows) < 1:
        return None
    return Grid([header, *rows], f"{name} item blocks", ["(blocks)", *names]), taken


# A link's address is never a value of the order ("View PO: https://portal.example/po/4500012345")
_URL = re.compile(r"<?\b(?:https?://|www\.)[^\s<>]+>?", re.I)


@lru_cache(maxsize=None)
def _order_word(cue: str) -> re.Pattern[str]:
    """An order word as a whole word (a Latin one) or anywhere (one of a script without spaces)."""
    return re.compile(rf"(?<![^\W\d_]){re.escape(cue)}(?![^\W\d_])" if cue.isascii() else re.escape(cue))


def speaks_of_an_order(text: str, vocab: Vocabulary) -> bool:
    """Whether the text calls itself an order (an order word, or a PO number's label): rows
    without a header are read as lines only then; otherwise they are for a person to see."""
    lowered = text.lower()
    for cue in vocab.kinds.get("purchase_order", []):
        if cue in lowered and _order_word(cue).search(lowered):
            return True
    return any(
        (hit := vocab.label_at(text[start : start + 60])) and hit[0] == "po_number" for start in vocab.labels_in(text)
    )


def _words(text: str) -> list[dict]:
    out = []
    for number, line in enumerate(text.split("\n")):
        line = line.replace("\t", "    ").replace(" | ", "   ")  # cells of a converted HTML table
        # Columns are aligned on screen, where a Chinese character takes two cells.
        column = [0]
        for char in line:
            column.append(column[-1] + (2 if unicodedata.east_asian_width(char) in "WF" else 1))
        for match in re.finditer(r"(?:\S|\u202f(?=\d))+", line):
            out.append(
                {
                    "text": match.group(0),
                    "x0": column[match.start()] * CHAR,
                    "x1": column[match.end()] * CHAR,
                    "top": number * 12.0,
                    "bottom": number * 12.0 + 10,
                    "size": 10.0,
                }
            )
    return out


def prose_lines(text: str, vocab: Vocabulary, name: str = "body", skip: set[int] | None = None) -> Grid | None:
    """Order lines written as sentences, as a grid with a standard header; None if none.
    ``skip``: indices of text lines read already (rows of a table without a header)."""
    rows: list[list[str | None]] = [["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]]
    names = ["(prose)"]
    # the spans read so far, never overlapping, in order: an overlap is found by bisection, not
    # by asking each of thousands of lines
    taken: list[tuple[int, int]] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        found = (listed_line(line, vocab) or typed_line(line, vocab)) if number - 1 not in (skip or set()) else None
        if number - 1 in (skip or set()):
            taken.append((offset, offset + len(line)))
        if found is not None:
            rows.append(found)
            names.append(f"line {number} prose '{line.strip()[:60]}'")
            taken.append((offset, offset + len(line)))
        offset += len(line) + 1
    starts = line_starts(text)
    for pattern in _patterns(vocab):
        for match in pattern.finditer(text):
            span = match.span()
            before = bisect.bisect_left(taken, (span[1],))  # the spans that start before this one ends
            if before and taken[before - 1][1] > span[0]:
                continue
            line_no = bisect.bisect_right(starts, span[0])
            if _code_earlier_in_clause(text, starts[line_no - 1], span[0]):
                continue  # a code earlier in the clause is the item: this one is a size ("M4x10")
            bisect.insort(taken, span)
            groups = match.groupdict()
            desc = (groups.get("desc") or "").strip().strip("()") or None
            rows.append([groups["item"], desc, groups["qty"], groups.get("unit"), groups.get("price"), None])
            names.append(f"line {line_no} prose '{match.group(0).strip()[:60]}'")
    if len(rows) == 1:
        return None
    order = sorted(range(1, len(rows)), key=lambda i: int(names[i].split()[1]))
    return Grid([rows[0]] + [rows[i] for i in order], name, [names[0]] + [names[i] for i in order])


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts: the line (from 1) of an offset is
    ``bisect_right(starts, offset)``, without counting the line feeds before it again."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


_CLAUSE_SEPARATOR = re.compile(r"[,;，；、]|\b(?:and|und|et|y|e|en|och|i)\b|和|及")
_CODE = re.compile(CODE)


def _code_earlier_in_clause(text: str, line_start: int, end: int) -> bool:
    """Whether the clause of ``text[line_start:end]`` that ends at ``end`` (its part after the last
    comma or "and") holds an item code. Read back from ``end`` in widening windows, as far as the
    clause's start or a code, not from the line's start for each match of a long line.

    In a window that starts inside the line, a separator or a code is taken only from its second
    character on: its first has lost what stood before it (the word a lone "e" ends)."""
    width = 64
    while True:
        lo = max(line_start, end - width)
        window = text[lo:end]
        first = 1 if lo > line_start else 0
        cuts = [m for m in _CLAUSE_SEPARATOR.finditer(window) if m.start() >= first]
        if cuts or lo == line_start:
            return _CODE.search(window[cuts[-1].end() :] if cuts else window) is not None
        if _CODE.search(window, first) is not None:
            return True
        width *= 4


# What an order calls itself in languages no file describes (Catalan, Greek, Icelandic, Malay,
# Hindi...): a subject's number after one is the PO number, and lines that show their sums are an
# order's only under one of them (or "PO"); a quotation or an invoice in such a language is not.
THIN_ORDER_WORDS = (
    "comanda",
    "encàrrec",
    "παραγγελία",
    "παραγγελίας",
    "εντολή αγοράς",
    "pöntun",
    "innkaupapöntun",
    "pesanan",
    "pesanan pembelian",
    "eskaera",
    "ऑर्डर",
    "क्रय आदेश",
    "खरीद आदेश",
    "आदेश",
    "سفارش",
    "הזמנה",
)
_THIN_ORDER = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in THIN_ORDER_WORDS) + r"|p\.?\s?o)(?![^\W\d_])", re.I
)


# An order line that shows its sum, in any language: "1. VLV-2210 — बॉल वाल्व 1/2" — 200 नग × ₹485.00
# = ₹97,000.00", "FLT-0330 | Filtre 60 mm | 150 u. x 2,40 € = 360,00 €": a quantity (perhaps a unit
# word after it), a times sign, a price (perhaps a currency and a "/unit"), an equals sign and the
# amount, which must be quantity × price.
_SIGN = r"(?:[$€£¥₩₹₽]|Rs\.?|INR|USD|EUR|GBP|[A-Z]{3}(?=\s?\d))"
_SIGN_AFTER = r"(?:[$€£¥₩₹₽]|[A-Z]{3}(?![^\W\d_]))"  # "4,85 TRY", "55 JPY": a code after the figure
_FIGURE = r"\d(?:[\d,.'\u202f\u00a0]|\s(?=\d{3}(?!\d)))*"  # "29 070,00": groups of three after a space too
_RECKONED = re.compile(
    r"^(?P<head>.*?)(?<![\w.,/-])(?P<qty>\d{1,3}(?:[,.\u202f' ]\d{2,3})+|\d{1,9})(?:[.,]\d{1,3})?"
    r"\s*(?P<unit>[^\W\d_]{1,8}\.?)?\s*[x×*]\s*"
    rf"(?P<price>{_SIGN}?\s?{_FIGURE}(?:\s?{_SIGN_AFTER})?)(?:\s*/\s*[^\W\d_]{{1,6}}\.?)?"
    rf"\s*=\s*(?P<amount>{_SIGN}?\s?{_FIGURE}(?:\s?{_SIGN_AFTER})?)\s*[.;]?\s*$",
)
_HEAD_GAP = re.compile(r"\s+[—–|-]\s+|\t|\s{2,}|\s*[:：]\s+")
RECKONED = "the lines were read by their sums (quantity × price = amount) in words no vocabulary knows"


def reckoned_lines(text: str, name: str, skip: set[int] | None = None) -> tuple[Grid, set[int]] | None:
    """Order lines that show their own sum ("… 200 नग × ₹485.00 = ₹97,000.00"), as a grid with
    a standard header, and the text lines they took; None when no line adds up."""
    rows: list[list[str | None]] = [["Item", "Description", "Qty", "Unit", "Unit Price", "Amount"]]
    names = ["(lines that show their sums)"]
    taken: set[int] = set()
    lines = text.split("\n")
    comma = guess_decimal_comma(text)
    for index, line in enumerate(lines):
        if index in (skip or set()) or len(line) > 300 or "=" not in line:
            continue
        match = _RECKONED.match(line.strip())
        if match is None:
            continue
        qty = parse_number(match.group("qty"), comma)
        price = parse_number(re.sub(r"[^\d,.'\u202f]", "", match.group("price")), comma)
        amount = parse_number(re.sub(r"[^\d,.'\u202f]", "", match.group("amount")), comma)
        if qty is None or price is None or amount is None or qty <= 0:
            continue
        if abs(qty * price - amount) > max(Decimal("0.01"), amount * Decimal("0.0005")):
            continue  # not a line's sum: a date, a size, a sentence
        head = _BULLET.sub("", match.group("head"), count=1).strip(" -–—|:：,;")
        parts = [p.strip(" -–—|,;") for p in _HEAD_GAP.split(head) if p.strip(" -–—|,;")]
        code = _LISTED_CODE.fullmatch(parts[0]) if parts else None
        item = parts.pop(0) if code else None
        description = " ".join(parts) or None
        if item is None and description is None:
            continue
        rows.append(
            [item, description, match.group("qty"), match.group("unit"), match.group("price"), match.group("amount")]
        )
        names.append(f"line {index + 1} '{line.strip()[:60]}'")
        taken.add(index)
    if len(rows) == 1:
        return None
    return Grid(rows, f"{name} lines with their sums", names), taken


def prices_currency(grid: Grid, name: str) -> list[Line]:
    """ "Currency: JPY" when every price typed in the lines names the same currency ("65円",
    "9,30 €"), and no price goes without: the order states no currency of its own."""
    parsed = [find_currency(str(row[4] or "")) for row in grid.rows[1:]]
    found = {p.value if not p.ambiguous else None for p in parsed}  # "¥": yen or yuan, for the reader to ask
    if len(found) != 1 or None in found:
        return []
    return [Line([f"Currency: {found.pop()}"], f"{name} the currency every typed price names")]


_BULLET = re.compile(r"^\s*(?:[-*•·–]|\(?\d{1,3}[.)])\s*")
_LISTED_CODE = re.compile(r"(?=[A-Z0-9\-_/.]{0,39}[A-Z])(?=[A-Z0-9\-_/.]{0,39}\d)[A-Z0-9][A-Z0-9\-_/.]{0,38}[A-Z0-9]")
_LISTED_PRICE = re.compile(
    r"\s*(?:@|\bat\b|\bà\b|\bje\b|\bzu\b|\bper\b|\ba\b|单价|單價|unit price|price)\s*[:：]?\s*"
    + MONEY
    + r"(?:\s*(?:/|per)\s*[^\W\d_]{1,6}\.?)?(?:\s*(?:=|→)\s*(?P<amount>(?:[A-Z]{3}\s?|[$€£¥])?\d[\d,.'\s]*\d))?",
    re.I,
)


def listed_line(line: str, vocab: Vocabulary) -> list[str | None] | None:
    """One order line typed as a list entry: "1) KNO-4917 Control knob ABS 21 mm - 500 pcs @
    USD 1.20 (= 600.00)": a code first, then its description, then the quantity with its unit
    and the price. The description keeps its own numbers: the quantity is the number written
    with a unit word, the last one before the price. None for any other line."""
    body = _BULLET.sub("", line, count=1).strip()
    code = _LISTED_CODE.match(body)
    if code is None or len(body) > 300:
        return None
    units = _unit_words(tuple(vocab.units))
    quantities = list(
        compiled.pattern(
            rf"(?<![\w.,])(\d{{1,3}}(?:[,.\s\u202f']\d{{3}})+|\d{{1,9}})\s*({units})(?![^\W\d_])", re.I
        ).finditer(body)
    )
    quantities = [q for q in quantities if q.start() > code.end()]
    if not quantities:
        return None
    quantity = quantities[-1]
    price = _LISTED_PRICE.match(body, quantity.end())
    if price is None:
        price = _LISTED_PRICE.match(re.sub(r"[,;]", " ", body[quantity.end() :]))
        if price is None:
            return None
    description = body[code.end() : quantity.start()].strip(" -–—:,;()x×*").strip() or None
    return [
        code.group(0),
        description,
        quantity.group(1),
        quantity.group(2),
        price.group("price"),
        price.group("amount"),
    ]


# A line typed on a phone: "10 x ABC-123 @ 4.50", "ABC-123 x10 @4.50", "10pcs ABC-123 $4.50 ea",
# "2 Stk REL-7757 je 1,89", "PRO-3159を25個 単価710円": one part code, a quantity marked by "x"
# or a unit, and a price marked by a word ("@", "à", "je", "单价") or a currency.
_TYPED_CODE = re.compile(
    r"(?<![A-Za-z0-9\-/.])(?=[A-Z0-9\-_/.]{0,39}[A-Z])(?=[A-Z0-9\-_/.]{0,39}\d)"
    r"[A-Z0-9][A-Z0-9\-_/.]{1,38}[A-Z0-9](?![A-Za-z0-9\-/])"
)
_TYPED_QTY = r"(?P<qty>\d{1,3}(?:[,.\u202f']\d{3})+|\d{1,7})"
_CURRENCY_MARK = r"(?:USD|US\$|EUR|GBP|CHF|CNY|RMB|JPY|\$|€|£|¥|￥)"
_CURRENCY_AFTER = r"(?:€|円|元|EUR|USD|CHF|GBP|CNY|RMB|JPY)"
_TYPED_PRICE = re.compile(
    r"\s*[,;]?\s*(?P<cue>@|à|\bzu je\b|\bje\b|\bzu\b|\bat\b|\beach\b|\bper\b|单价|單價|単価|unit price|price|preis)?\s*[:：]?\s*"
    r"(?P<price>(?P<before>"
    + _CURRENCY_MARK
    + r")?\s?(?P<number>\d[\d.,']*\d|\d)\s?(?P<after>"
    + _CURRENCY_AFTER
    + r")?)"
    r"\s*(?P<per>/\s*[^\W\d_]{1,5}\.?|\bea\b\.?|\beach\b|\bpro\s+st(?:ück|k)\.?)?\s*[.!]?\s*$",
    re.I,
)


def typed_line(line: str, vocab: Vocabulary) -> list[str | None] | None:
    """One order line as typed on a phone (see ``_TYPED_CODE``): [item, None, quantity, unit,
    price, None], or None for any other line. The price must be marked, so that a line with a
    part number and two bare numbers (a size, a date) is not taken for an order line."""
    body = unicodedata.normalize("NFKC", _BULLET.sub("", line, count=1)).strip()  # "ＡＢＣ－１２３を１０個"
    if not body or len(body) > 120:
        return None
    codes = [c for c in _TYPED_CODE.finditer(body) if not re.fullmatch(r"[xX×]\d+", c.group(0))]
    if len(codes) != 1:
        return None
    code = codes[0]
    units = _unit_words(tuple(vocab.units))
    unit = rf"(?:\s*(?P<unit>{units})(?![^\W\d_]))?"
    before = compiled.pattern(_TYPED_QTY + unit + r"\s*(?P<x>[x×*]|of)?\s*", re.I).fullmatch(body[: code.start()])
    after = compiled.pattern(
        r"\s*(?P<x>[x×*]|を|:|要|需要|qty|数量|menge|qté|quantity)?\s*[:：]?\s*" + _TYPED_QTY + unit, re.I
    ).match(body[code.end() :])
    described = None
    if not (after and (after.group("x") or after.group("unit"))):
        # "HX-2040六角螺栓100个，单价0.12元", "HX-2040 hex bolt, 100 pcs @ 0.12": the part's name
        # between its code and a quantity its unit marks (words without digits, so no size
        # is taken for the quantity)
        described = compiled.pattern(
            r"\s*(?P<desc>[^\W\d_][^\d@:：,]{0,40}?)\s*,?\s*(?:qty|数量|menge|qté|quantity)?\s*[:：]?\s*"
            + _TYPED_QTY
            + unit,
            re.I,
        ).match(body[code.end() :])
        if described is not None and not described.group("unit"):
            described = None
    if before and (before.group("x") or before.group("unit")):
        qty, rest = before, body[code.end() :]
    elif after and (after.group("x") or after.group("unit")):
        qty, rest = after, body[code.end() + after.end() :]
    elif described is not None:
        qty, rest = described, body[code.end() + described.end() :]
    else:
        return None
    desc = described.group("desc").strip() if described is not None and qty is described else None
    price = _TYPED_PRICE.match(rest)
    if not rest.strip(" .,;!"):
        return [code.group(0), desc, qty.group("qty"), qty.group("unit"), None, None]  # "ABC-123 x10": no price
    if price is None or not any(price.group(g) for g in ("cue", "before", "after", "per")):
        return None
    return [code.group(0), desc, qty.group("qty"), qty.group("unit"), price.group("price").strip(), None]


# "delivery by", "Lieferung bis", "livraison avant le", "consegna entro il", "納期：": a delivery
# word, then within a few words a word that introduces its date (in the languages of the vocabulary)
DELIVERY_CUE = re.compile(
    r"(?:deliver(?:y|ed)?|ship(?:ment|ped|ping)?|ETD|ETA|required|needed|need it|arrive|交货|交期|出货|到货|送货"
    r"|(?<![^\W\d_])(?:liefer(?:ung|termin|datum)?|anlieferung|livr(?:aison|er|é)|consegn(?:a|are)|entreg(?:a|ar)"
    r"|lever(?:ing|en|datum|tijd|ans|era)|dostaw(?:a|y|ę|ić)|dodání|toimitus|szállítás)|納期|納品|納入)"
    r"[^.\n]{0,25}?(?<![^\W\d_])(?:by|before|on|until|no later than|latest|date|bis(?: spätestens)?(?: zum)?"
    r"|spätestens(?: am| bis)?|avant(?: le)?|au plus tard(?: le)?|pour le|entro(?: il)?|per il|antes del?|para el"
    r"|até(?: o dia)?|vóór|uiterlijk|senast|do dnia|najpóźniej|[:：]|前|日期|までに)(?![^\W\d_])\s*",
    re.I,
)


# Fields whose value converts (or fails) by type can be taken from anywhere in a sentence;
# free-text fields only after an explicit "label:".
_TYPED = ("po_number", "po_date", "delivery_date", "total", "currency")
# A full stop before the next sentence's capital; not the day's dot of "15. März 2027", nor the
# dot of an initial or a short abbreviation ("J. Smith", "30 Tg. Netto", "Co. Ltd", "Nr. 4511")
_SENTENCE_END = r"(?<!\b\d)(?<!\b\d\d)(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.(?=\s+[^\W\d_](?<![a-z]))"
# A clause ends at a semicolon, a bracket, a comma before a lower-case word, or a full stop
# before the next sentence ("... 18.11.2026. Liefertermin: ..."; not "Nr. 4511", not "Co. Ltd")
_CLAUSE_END = re.compile(
    r"(?<!\d)，|，(?!\d)|[。；;\n]|\)|（|\(|, (?=[a-z])|" + _SENTENCE_END + r"|\.(?=[ \t]*(?:\n|$))"
)
# "order 4512029509 of 18.11.2026", "Bestellung Nr. 4512 vom 18.11.2026": the PO date after the number
_DATED = re.compile(r"^(\S+)\s*,?\s+(?:dated|of|from|vom|von|du|del|dal|de|van|från|z dnia|от)\s+(\S.*)$", re.I)
# "Prices are in USD", "Alle Preise in EUR", "prix en EUR": the currency said in a sentence
_PRICES_IN = re.compile(
    r"\b(?:prices?|amounts?|preise|beträge|prix|montants|prezzi|precios|preços|prijzen|priser|ceny)\b"
    r"[^.\n]{0,20}?\b(?:in|en|em|i|w)\s+([A-Z]{3})\b",
    re.I,
)


def prose_fields(text: str, vocab: Vocabulary, name: str, skip: set[int] | None = None) -> list[Line]:
    """Labels inside sentences ("Our PO number is NW-4431 (dated 11/19/2026)",
    "订单号：YX20261121-05，下单日期2026年11月21日") as one labelled line per clause. ``skip``: the
    numbers (from 0) of text lines that belong to an item, not to the header."""
    out = []
    starts = line_starts(text)
    for start in vocab.labels_in(text):
        line_no = bisect.bisect_right(starts, start)
        if skip and line_no - 1 in skip:
            continue
        clause = _CLAUSE_END.split(text[start : start + 120])[0].strip()
        hit = vocab.label_at(clause)
        if hit is None or (hit[0] not in _TYPED and not hit[3]):
            continue
        name_, label, rest, _ = hit
        if name_ == "po_number":
            rest = re.sub(r"^(?:is|was|are|=)\s+", "", rest, flags=re.I)
            dated = _DATED.match(rest)
            if dated:
                rest = dated.group(1)
                out.append(
                    Line([f"PO Date: {dated.group(2)}"], f"{name} line {line_no} sentence (the PO number's date)")
                )
        out.append(Line([f"{label}: {rest}"], f"{name} line {line_no} sentence"))
    for match in _PRICES_IN.finditer(text):
        line_no = bisect.bisect_right(starts, match.start())
        out.append(Line([f"Currency: {match.group(1)}"], f"{name} line {line_no} '{match.group(0).strip()}'"))
    return out


def delivery_phrases(
    text: str,
    name: str,
    sent: date | None = None,
    doubts: list[str] | None = None,
    languages: Collection[str] | None = None,
) -> list[Line]:
    """'..., delivery by Dec 15' as a labelled line, so the header reader takes the date. A day
    typed the way people say it ("need by Friday 4th", "bis Fr. 27.11.", "下周五前到货") is placed
    from the day the mail was sent (``spoken``); one nobody can place ("early December") is
    added to ``doubts``, for a person to settle. Month words are read in ``languages`` (by
    default the ones the text is written in), as the header reader reads them: "18 sty 2027"
    in a Polish mail, "18 set 2027" in an Italian one, "18 listopada" as Polish November."""
    langs = tuple(languages) if languages is not None else document_languages(text)
    out = []
    said: set[int] = set()
    starts = line_starts(text)
    for match in DELIVERY_CUE.finditer(text):
        rest = re.split(_SENTENCE_END + r"|[;；。\n]", text[match.end() : match.end() + 40])[0]
        line_no = bisect.bisect_right(starts, match.start())
        said.add(line_no)
        if find_date(rest, sent or date.today(), languages=langs).value is None:  # for the header reader
            placed = spoken.place(rest, sent)
            if placed is not None:
                _doubt(placed, doubts)
                if placed.value is None:
                    continue
                out.append(Line([f"Delivery Date: {placed.value.isoformat()}"], f"{name} line {line_no} {SAID}"))
                continue
        out.append(Line([f"Delivery Date: {rest}"], f"{name} line {line_no} '{match.group(0).strip()}'"))
    for match in DELIVERY_BEFORE.finditer(text):  # 要求2026年12月15日前交货
        line_no = bisect.bisect_right(starts, match.start())
        said.add(line_no)
        out.append(Line([f"Delivery Date: {match.group(1)}"], f"{name} line {line_no} '{match.group(0).strip()}'"))
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line_no in said or len(line) > 160 or not DELIVERY_WORD.search(line) or _ADDRESS_WORD.search(line):
            continue
        labelled = _LABELLED_LINE.match(line)
        where = f"{name} line {line_no} '{line.strip()[:60]}'"
        # the day is after the delivery word ("下单日期2026年11月14日，交货期：2026年12月18日"), or
        # before it on a line that names no other ("bis Freitag, den 4. liefern"); "… bis
        # 24.11.2026." ends a sentence, not the date
        word = DELIVERY_WORD.search(line)
        after = line[word.start() :].strip().rstrip(".!。！") if word else ""
        whole = line.strip().rstrip(".!。！")
        written = next(
            (t for t in (after, whole) if find_date(t, sent or date.today(), languages=langs).value is not None), None
        )
        if written is not None:
            if labelled and DELIVERY_WORD.search(labelled.group(1)):
                continue  # "Need By: 12/04/2026": a label and its value, for the header reader
            if written is whole and len(date_spans(whole)) > 1:
                continue  # several dates, none after the delivery word: which is it is not ours to say
            out.append(Line([f"Delivery Date: {written}"], where))  # read (and doubted) as any date
            continue
        placed = spoken.place(line[word.start() :], sent) if word else None
        placed = placed or spoken.place(line, sent)
        if placed is not None:
            _doubt(placed, doubts)
            if placed.value is not None:
                out.append(Line([f"Delivery Date: {placed.value.isoformat()}"], f"{where} {SAID}"))
    return out


_LABELLED_LINE = re.compile(r"^\s*([^:：\d]{1,30})[:：]")


SAID = "(the day as said, counted from the mail's date)"


def _doubt(placed: spoken.Spoken, doubts: list[str] | None) -> None:
    if placed.doubt and doubts is not None:
        doubts.append(f"delivery_date: the mail asks for delivery {placed.doubt}: a person sets the date")


# A line that speaks of delivering, whatever its grammar ("need them by the 15th", "bitte bis
# Freitag, den 4. liefern", "4日(金)必着", "下周五前到货"): its day is looked for in the whole line.
DELIVERY_WORD = re.compile(
    r"(?<![^\W\d_])(?:deliver\w*|need(?:ed|s)?|required|ship\w*|dispatch\w*|ETA|arriv\w*|liefer\w*|anliefer\w*"
    r"|versend\w*|versand\w*|zustell\w*|livr\w*|expédi\w*|consegn\w*|spedi\w*|entreg\w*|envi\w*|lever\w*|verzend\w*"
    r"|dostaw\w*|toimit\w*|isporu\w*|dostav\w*|dodání|dodania|dodací|dodacia|dodávk\w*|szállít\w*|teslim\w*"
    r"|поставк\w*|доставк\w*|отгруз\w*)(?![^\W\d_])"
    r"|交货|交期|到货|送货|发货|出货|交付|送达|前到|天到|号到|送到|納品|納期|必着|納入|出荷|配送|まで|납기|납품|배송"
    r"|^\s*(?:by|bis|until|till|before|avant|entro|antes|vóór|senast)(?![^\W\d_])",  # "by Friday the 4th", "bis 4.12."
    re.I,
)
_ADDRESS_WORD = re.compile(r"address|adresse|anschrift|indirizzo|dirección|endereço|地址|住所|주소", re.I)


DELIVERY_BEFORE = re.compile(
    r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:之?前|以前)?\s*(?:交货|交付|送达|到货|出货)"
)


# --------------------------------------------------------------------------- an order read by its shape


class Shaped:
    """A lines table read by its arithmetic under a header no vocabulary knows, with the header
    facts found by their shape above it and its total below it (see ``shaped_table``)."""

    def __init__(self, grid: Grid, taken: set[int], fields: list[Line], doubts: list[str]) -> None:
        self.grid = grid
        self.taken = taken  # text lines read into the grid
        self.fields = fields  # "PO Number: …" lines for the header reader
        self.doubts = doubts  # warnings: every value read this way is for a person to check


_CELL_GAP = re.compile(r"\t| {2,}|\u3000+")


def _cells_of(line: str) -> list[str]:
    """A text line's cells: between tabs or pipes (empty ones kept, so columns stay in place),
    else the runs of text between gaps of two spaces or more."""
    if "\t" in line.strip():
        return [c.strip() for c in line.strip("\n").split("\t")]
    if line.count("|") >= 2:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c.strip() for c in _CELL_GAP.split(line.strip()) if c.strip()]


def shaped_table(
    lines: list[str], vocab: Vocabulary, name: str, sent: date | None = None, languages: Collection[str] = ()
) -> Shaped | None:
    """An order whose words no vocabulary knows (Lithuanian, Malay, Greek…), read by its shape:
    rows whose quantity × price = amount in the same columns are its lines (``aligned.find``,
    the other columns named by what they hold); a number right under them equal to their sum is
    its total; above them, a short code after a colon is its order number, a date its PO date
    (or, after the day the mail was sent, its delivery date), a currency code its currency.
    Each value read so is named in a warning: a person checks it. None without such rows."""
    text = "\n".join(lines)
    split = [_cells_of(line) if len(line) <= texttable.MAX_HEADER else [] for line in lines]
    rows = [[aligned.Cell(c, k * 100.0, k * 100.0 + 50.0) for k, c in enumerate(cells) if c] for cells in split]
    comma = guess_decimal_comma(text)
    found = aligned.find(rows, vocab, comma)
    if found is None:
        return None
    end = found.rows[-1] + 1
    while end < found.end and not re.search(r"\d", lines[end]):
        end += 1  # a description wrapped under the last item; a line with a figure is the total, below
    found.end = end
    header = found.header()
    grid_rows: list[list[str | None]] = [list(header)]
    names = ["(columns found by arithmetic)"]
    for index in range(found.first, found.end):
        row: list[str | None] = [None] * len(header)
        for cell in rows[index]:
            column = _span_of(found.spans, cell)
            row[column] = f"{row[column]} {cell.text}" if row[column] else cell.text
        grid_rows.append(row)
        names.append(f"line {index + 1}")
    head = lines[found.first - 1].strip() if found.first > 0 else ""
    grid = Grid(
        grid_rows,
        f"{name} columns",
        names,
        note=f"{name}: {found.describe(lambda x0, _: 'cell ' + str(round(x0 / 100) + 1))}",
    )
    doubts = [
        f"{name}: the lines were read by their arithmetic (quantity × price = amount) under a header no vocabulary"
        f" knows ({head[:60]!r}): a person checks them"
    ]
    fields = _shaped_total(lines, found, rows, comma, vocab, name, doubts)
    fields += _shaped_header(lines[: max(found.first - 1, 0)], vocab, name, sent, doubts, languages)
    return Shaped(grid, set(range(found.first, found.end)), fields, doubts)


# What every doubt about a value read by its shape says (the words no vocabulary knows): a
# subject's PO number beside such an order is asked about too.
SHAPED = "no vocabulary knows"


def _sum_below(lines: list[str], grid: Grid, start: int, name: str, doubts: list[str]) -> list[Line]:
    """The total under lines that show their sums: a number ending one of the next few lines
    that equals the sum of their amounts (a label no vocabulary knows beside it)."""
    comma = guess_decimal_comma("\n".join(lines))
    amounts = [parse_number(re.sub(r"[^\d,.'\u202f]", "", str(row[5] or "")), comma) for row in grid.rows[1:]]
    if any(a is None for a in amounts):
        return []
    total = sum((a for a in amounts if a is not None), Decimal(0))
    found = _total_as_sum(lines, start, total, comma, name, doubts, " :：=—–-₹$€£¥")
    return found[2] if found else []


def _total_as_sum(
    lines: list[str],
    start: int,
    total: Decimal,
    comma: bool | None,
    name: str,
    doubts: list[str],
    strip: str,
    vocab: Vocabulary | None = None,
) -> tuple[int, str, list[Line]] | None:
    """The line under ``start`` that ends with ``total`` (``_sum_line``) as the order's total,
    asked about in ``doubts`` (its label, less ``strip``, is no word a vocabulary knows): (its
    index, the line, the total's line)."""
    read = _sum_line(lines, start, total, comma, vocab)
    if read is None:
        return None
    index, line, match = read
    label = line[: match.start()].strip(strip)
    doubts.append(
        f"total: {match.group(1)} read beside {label[:40]!r}, a label no vocabulary knows, as it is the lines' sum: a person checks it"
    )
    return index, line, [Line([f"Total: {match.group(1)}"], f"{name} line {index + 1} {line[:60]!r} (the lines' sum)")]


def _sum_line(
    lines: list[str], start: int, total: Decimal, comma: bool | None, vocab: Vocabulary | None = None
) -> tuple[int, str, re.Match[str]] | None:
    """(index, line, its last number) of the line among the next four under ``start`` that ends
    with ``total`` beside words; with ``vocab``, none once a line is a label or total the reader
    knows (it reads that one itself)."""
    seen = 0
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > 4:
            break
        if vocab is not None and (vocab.label_at(line) or vocab.is_row("total", line)):
            return None
        match = _LAST_NUMBER.search(line) if len(line) <= TOTAL_LINE_CHARS else None
        value = parse_number(match.group(1).replace(" ", ""), comma) if match else None
        if match and value == total and re.search(r"[^\W\d_]", line[: match.start()]):
            return index, line, match
    return None


def _span_of(spans: list[tuple[float, float]], cell: aligned.Cell) -> int:
    centre = (cell.x0 + cell.x1) / 2
    return min(
        range(len(spans)),
        key=lambda i: (
            0 if spans[i][0] <= centre <= spans[i][1] else min(abs(centre - spans[i][0]), abs(centre - spans[i][1]))
        ),
    )


_LAST_NUMBER = re.compile(r"(\d[\d.,'\u202f ]*\d|\d)(?:\s*[^\W\d_]{1,4}\.?|\s*[$€£¥₩₹₽])?\s*$")


def _shaped_total(
    lines: list[str],
    found: aligned.Found,
    rows: list[list[aligned.Cell]],
    comma: bool | None,
    vocab: Vocabulary,
    name: str,
    doubts: list[str],
) -> list[Line]:
    """ "Iš viso: 177,60" under the lines: the number that ends a line right under the table and
    equals the sum of the lines' amounts is the total (a label no vocabulary knows beside it)."""
    amount = found.names.index("amount")
    amounts = []
    for index in found.rows:
        cell = next((c for c in rows[index] if _span_of(found.spans, c) == amount), None)
        value = parse_number(cell.text, comma) if cell else None
        if value is None:
            return []
        amounts.append(value)
    total = sum(amounts, Decimal(0))
    read = _total_as_sum(lines, found.end, total, comma, name, doubts, " :：=", vocab)
    if read is None:
        return []
    index, line, out = read
    said = find_currency(line)
    currency = said.value
    if currency and not said.ambiguous:  # "MYR 2,800.00", "2.800,00 €": the order's currency, asked about
        doubts.append(f"currency: {currency} read beside the total ({line[:40]!r}): a person checks it")
        out.append(Line([f"Currency: {currency}"], f"{name} line {index + 1} {line[:60]!r} (beside the total)"))
    return out


# "Užsakymo numeris: LT-2026175", "Αρ. Παραγγελίας: 4411", "No. Pesanan: PO/2026/118"
_LABELLED = re.compile(
    r"^\s*(?P<label>[^:：\d\s][^:：—–]{0,40}?)\s*(?:[:：]|\s[—–]\s)\s*(?P<value>\S.{0,60}?)\s*$"
)  # "Tarikh: 03/12/2026", "आदेश संख्या — 4500781234"
_ORDER_NUMBER = re.compile(r"^[#№]?\s?(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9\-_/.]{1,28}[A-Za-z0-9]$")
_NUMBER_SIGN = re.compile(
    r"(?<![^\W\d_])(?:no|nr|n°|nº|num|#|№|αρ|št|br|bil|số|sz)(?![^\W\d_])\.?|#|№|संख्या|क्रमांक", re.I
)
# Labels of what is no order number in most languages' abbreviations: a phone, a bank, a tax id
_NOT_ORDER_LABEL = re.compile(r"tel|fax|phone|mob|gsm|iban|bic|swift|vat|tax|e-?mail|www|http", re.I)
_FIELD_NAMES = {
    "po_number": "PO Number",
    "po_date": "PO Date",
    "delivery_date": "Delivery Date",
    "currency": "Currency",
}


def _shaped_header(
    lines: list[str],
    vocab: Vocabulary,
    name: str,
    sent: date | None,
    doubts: list[str],
    languages: Collection[str] = (),
) -> list[Line]:
    """The header facts written above an order's lines as "label: value" under labels no
    vocabulary knows, each found by the shape of its value (see ``shaped_table``). A field a
    known label names anywhere above is left to that label."""
    known: set[str] = set()
    candidates: list[tuple[int, str, str]] = []  # (line index, label, value)
    for index, line in enumerate(lines):
        if len(line) > 120:
            continue
        hit = vocab.label_at(line.strip())
        if hit is not None:
            known.add(hit[0])
            continue
        match = _LABELLED.match(line)
        if match and not _NOT_ORDER_LABEL.search(match.group("label")) and "@" not in match.group("value"):
            candidates.append((index, match.group("label").strip(), match.group("value").strip()))
    today = sent or date.today()
    found: dict[str, tuple[int, str, str]] = {}
    dates: list[tuple[date, int, str, str]] = []
    numbered: list[tuple[int, str, str]] = []
    for index, label, value in candidates:
        when = find_date(value, today, languages=languages)
        spans = date_spans(value)
        if when.value is not None and spans and spans[0][1] - spans[0][0] >= len(value.rstrip(" .г")) - 3:
            dates.append((when.value, index, label, value))
            continue
        if re.fullmatch(r"[A-Z]{3}|[$€£¥₩₹₽]", value) and find_currency(value).value:
            found.setdefault("currency", (index, label, value))
            continue
        plain = value.lstrip("#№ ")
        if (
            _ORDER_NUMBER.match(value)
            and len(plain) >= 4
            and parse_number(plain) is None
            or (plain.isdigit() and 4 <= len(plain) <= 12)
        ):
            numbered.append((index, label, value))
    if numbered:
        signed = [n for n in numbered if _NUMBER_SIGN.search(n[1])]
        found["po_number"] = (signed or numbered)[0]
    if dates:
        first = dates[0]
        if sent is not None and first[0] > sent + timedelta(days=1):
            found["delivery_date"] = first[1:]
        else:
            found["po_date"] = first[1:]
            later = next((d for d in dates[1:] if d[0] > first[0]), None)
            if later is not None:
                found["delivery_date"] = later[1:]
    out = []
    for field, (index, label, value) in found.items():
        if field in known or (field == "po_date" and "po_date" in known):
            continue
        out.append(
            Line(
                [f"{_FIELD_NAMES[field]}: {value}"],
                f"{name} line {index + 1} {lines[index].strip()[:60]!r} (by its shape)",
            )
        )
        doubts.append(
            f"{field}: {value!r} read by its shape beside {label[:40]!r}, a label no vocabulary knows: a person checks it"
        )
    return out
