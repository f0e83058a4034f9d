"""Tables drawn with whitespace: columns found from word positions (PDF points or text columns).

Contract
    Words are dicts with ``text``, ``x0``, ``x1``, ``top`` (and optionally ``size``), as
    pdfplumber gives them; plain text makes the same dicts from character positions. Then:
    ``group_lines(words)`` → visual lines; ``as_line`` → a ``Line`` split at column gaps;
    ``boundaries(lines, header_at)`` → x positions between columns, each the middle of the
    widest empty vertical stripe between two neighbouring header columns (numbers are
    right-aligned, text left-aligned, so the header's own edges are not enough); ``cells``
    splits a line at those boundaries; ``table_end`` finds the total row or the big gap that
    ends a table (a page footer is far below the last line).
"""

from __future__ import annotations

import re
from statistics import median
from typing import Any, Collection

from .document import Line
from .normalize import parse_number
from .tables import header_columns
from .vocabulary import Vocabulary, norm

LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
# A hostile mail body (thousands of long lines of numbers) must not cost minutes: a header
# line is short, and a text that offers many header-like lines without a table is not an order.
MAX_HEADER_WORDS = 40  # words: a longer line is prose or data, never a header
MAX_HEADER_TRIES = 60  # lines tried as a header (they name a column) before giving up
MAX_CELL_CHARS = 60  # characters: a longer run of words is no column name


def group_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [_join_blanks(sorted(line, key=lambda w: w["x0"])) for line in lines]


_BLANK = re.compile(r"_{2,}")
_BLANK_UNIT = re.compile(r"[^\W\d_]{1,6}\.?")


def _join_blanks(line: list[dict]) -> list[dict]:
    """A quantity, a blank left for the supplier and a unit ("450 ____ PA") are one word: the
    quantity with its unit. Read apart, the blank is taken for a ruler and the number and the
    unit fall into different columns."""
    out: list[dict] = []
    k = 0
    while k < len(line):
        word = line[k]
        if (
            k + 2 < len(line)
            and _BLANK.fullmatch(line[k + 1]["text"])
            and parse_number(word["text"]) is not None
            and _BLANK_UNIT.fullmatch(line[k + 2]["text"])
            and line[k + 1]["x0"] - word["x1"] < _gap_limit(word)
            and line[k + 2]["x0"] - line[k + 1]["x1"] < _gap_limit(word)
        ):
            unit = line[k + 2]
            out.append({**word, "text": f"{word['text']} {line[k + 1]['text']} {unit['text']}", "x1": unit["x1"]})
            k += 3
            continue
        out.append(word)
        k += 1
    return out


def _gap_limit(word: dict) -> float:
    # A space is about a quarter of the font size; a column gap is several spaces.
    return max(float(word.get("size") or 10) * 0.8, 4.0)


def _segments(words: list[dict]) -> list[list[dict]]:
    """Words closer than a column gap belong to one cell."""
    segments: list[list[dict]] = []
    for word in words:
        if segments and word["x0"] - segments[-1][-1]["x1"] < _gap_limit(word):
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def as_line(words: list[dict], where: str) -> Line:
    segments = _segments(words)
    return Line([" ".join(w["text"] for w in s) for s in segments], where, [s[0]["x0"] for s in segments])


def is_ruler(word: dict) -> bool:
    """A drawn line made of characters ("-----", "=====") is not text."""
    return bool(re.fullmatch(r"[-=_~*·.+|]{3,}", word["text"]))


def header_cells(words: list[dict], vocab: Vocabulary) -> list[tuple[str, float, float]]:
    """A possible header line as (text, x0, x1) cells.

    Words closer than a column gap form one cell, unless splitting them names more columns:
    a narrow table's "序号 物料编码" or "数量 单位" are two headers set close together, while
    "Unit Price" stays one.
    """
    segments = _segments(words)
    plain = [_cell(s) for s in segments]
    pieces: list[list[tuple[str, float, float]]] = []  # each segment's cells, split where words name columns
    for segment in segments:
        split: list[tuple[str, float, float]] = []
        group = [segment[0]]
        alone = segment[0]["text"]
        for at, word in enumerate(segment[1:], 1):
            joined = f"{alone} {word['text']}"
            qualifier = word["text"].startswith(("(", "（", "["))  # "Quantity (Unit)", "Price (USD)": one column
            qualifier = qualifier or _basis_word(segment, at)  # "Prijs per 100": the price, for 100
            qualifier = qualifier or word["text"] in ("/", "|", "-", "–", "&", "+")  # "Material / Bezeichnung"
            named = _exact(joined, vocab) and norm(joined) != norm(word["text"])  # "# Part" is "#", then "Part"
            if qualifier or named or not (_exact(alone, vocab) or _exact(word["text"], vocab)):
                group.append(word)
                alone = joined
            else:
                split.append(_cell(group))
                group, alone = [word], word["text"]
        split.append(_cell(group))
        pieces.append(split)

    def named(cells: list[tuple[str, float, float]]) -> int:
        columns = header_columns([c[0] for c in cells], vocab)
        return len(set(columns.values())) if columns else 0

    # A segment is split only where its parts name more columns than it does whole ("Số lượng
    # ĐVT", "Line 2nd Item" set close together), not wherever a word in it is a column word
    # ("Tên hàng hóa" stays one).
    cells_: list[tuple[str, float, float]] = []
    for whole, parts in zip(plain, pieces):
        # (counted by the columns named: "품명 및 규격", description and spec, is one column)
        naming = len({vocab.column_of(c[0]) for c in parts} - {None})
        cells_.extend(parts if naming > (1 if vocab.column_of(whole[0]) is not None else 0) else [whole])
    return cells_ if named(cells_) >= named(plain) else plain


_PER = re.compile(r"per|je|par|pro|por|pour|à|za|for|für", re.I)
_BASIS = re.compile(r"1[.,' ]?000|100|m|1", re.I)


def _basis_word(segment: list[dict], at: int) -> bool:
    """Whether word ``at`` says how many units a price is for: "per" before "100", or "100"
    after "per" ("Prijs per 100", "Preis je 1.000"), never a "Per" column of its own."""
    text = segment[at]["text"]
    after = segment[at + 1]["text"] if at + 1 < len(segment) else ""
    before = segment[at - 1]["text"] if at > 0 else ""
    return bool(_PER.fullmatch(text) and _BASIS.fullmatch(after)) or bool(
        _PER.fullmatch(before) and _BASIS.fullmatch(text)
    )


def _exact(text: str, vocab: Vocabulary) -> bool:
    """``vocab.exact_column`` for a short text; a long run of words is never a column name
    (and looking it up would make a long line cost its length squared)."""
    return len(text) <= MAX_CELL_CHARS and vocab.exact_column(text)


def _may_be_header(line: list[dict], vocab: Vocabulary) -> bool:
    """A cheap test before the costly one: a header line is short and names a column in at
    least one of its words ("Quantity" over "UOP" names one; a line of numbers names none)."""
    if len(line) > MAX_HEADER_WORDS:
        return False
    return any(not re.search(r"\d", w["text"]) and vocab.column_of(w["text"]) is not None for w in line)


def _cell(words: list[dict]) -> tuple[str, float, float]:
    return " ".join(w["text"] for w in words), words[0]["x0"], words[-1]["x1"]


def boundaries(
    lines: list[list[dict]], header_at: int, end: int, spans: list[tuple[float, float]], vocab: Vocabulary
) -> list[float]:
    """x between neighbouring columns: in the empty vertical stripes of the table's rows.

    Between two header centres, the stripes at least a column gap wide are candidates; the
    rightmost wins (a left-aligned description runs right, towards right-aligned numbers, so
    the stripe just before the numbers is the gutter; narrower stripes inside the text are
    where single spaces happen to line up). With no such stripe, the widest one.
    """
    centres = [(a + b) / 2 for a, b in spans]
    rows = [line for line in lines[header_at + 1 : end] if not _is_total(line, vocab) and not _prose(line, centres)]
    below = [w for line in rows for w in line if not is_ruler(w)]
    min_gap = _gap_limit(below[0]) if below else 4.0
    out = []
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        lo, hi = (a0 + a1) / 2, (b0 + b1) / 2
        covered = [(max(w["x0"], lo), min(w["x1"], hi)) for w in below if w["x1"] > lo and w["x0"] < hi]
        covered += [(max(a0, lo), min(a1, hi)), (max(b0, lo), min(b1, hi))]
        gaps: list[tuple[float, float]] = []
        cursor = lo
        for start, stop in sorted(covered):
            if start > cursor:
                gaps.append((cursor, start))
            cursor = max(cursor, stop)
        if hi > cursor:
            gaps.append((cursor, hi))
        wide = [g for g in gaps if g[1] - g[0] >= min_gap]
        edge = _right_aligned_edge([w for w in below if w["x1"] > lo and w["x0"] < hi], b0)
        if edge is not None:
            # a sheet printed as it is laid out: headings at their cells' left edges, numbers at
            # the right edges, so a column's numbers end just before the next heading begins
            out.append((edge + b0) / 2)
            continue
        if wide:
            best = max(wide, key=lambda g: g[0])
        elif gaps:
            best = max(gaps, key=lambda g: g[1] - g[0])
        else:
            best = (a1, b0) if a1 < b0 else (a1, a1)
        out.append((best[0] + best[1]) / 2)
    return out


def _right_aligned_edge(words: list[dict], next_start: float) -> float | None:
    """The common right edge of numbers set flush right against the start of the next
    column's heading, with nothing else between the two headings, or None. (Only then: numbers
    whose column heading is wider than they are end well before the next column, and words of
    the next column reaching left of its heading make the stripe the usual rule's.)"""
    if len(words) < 2 or any(w["x1"] > next_start + 1 or parse_number(w["text"]) is None for w in words):
        return None
    edges = [w["x1"] for w in words]
    if max(edges) - min(edges) > 1.5 or next_start - max(edges) > 8:
        return None
    return max(edges)


def _prose(line: list[dict], centres: list[float]) -> bool:
    """A line of words without a number running across two columns or more ("ALL DELIVERIES
    MUST QUOTE THE ORDER NUMBER." under the table): it says nothing about where columns part."""
    words = [w for w in line if not is_ruler(w)]
    if not words or any(parse_number(w["text"]) is not None for w in words):
        return False
    x0, x1 = min(w["x0"] for w in words), max(w["x1"] for w in words)
    return sum(1 for c in centres if x0 < c < x1) >= 2 and len(_segments(words)) < len(words)


def _is_total(line: list[dict], vocab: Vocabulary) -> bool:
    if _is_carried(line, vocab):
        return False  # "Suma y sigue": a running sum at a page break, the table goes on
    return vocab.is_row("total", line[0]["text"]) or vocab.is_row("total", " ".join(w["text"] for w in line[:2]))


def _is_carried(line: list[dict], vocab: Vocabulary) -> bool:
    """A running sum carried over a page break ("Carried forward", "Suma y sigue", "Übertrag")."""
    words = [w["text"] for w in line if parse_number(w["text"]) is None]
    return bool(words) and vocab.is_row("carried", " ".join(words[:4]))


_NUMBER_THEN_WORD = re.compile(r"^(\d[\d.,'’]*)([^\W\d_][^\W\d_.]*\.?)$")
GLUE_SLACK = 6.0  # points: how near the column boundary a number must end to be cut from its unit there


def _unglued(words: list[dict], boundaries: list[float], units: Collection[str]) -> list[dict]:
    """A quantity run into its unit across a column boundary ("300Stk", "7450EA": a sheet
    printed with the quantity flush right against the unit flush left) as the two words they
    are, each in its column: only a unit word, and only where the number ends at the boundary
    (a description running over its column, "608ZZ", stays whole)."""
    out = []
    for word in words:
        match = _NUMBER_THEN_WORD.match(word["text"])
        if match is None or match.group(2).lower().rstrip(".") not in units:
            out.append(word)
            continue
        cut = word["x0"] + (word["x1"] - word["x0"]) * len(match.group(1)) / len(word["text"])
        if not any(abs(cut - b) <= GLUE_SLACK and word["x0"] < b < word["x1"] for b in boundaries):
            out.append(word)
            continue
        out.append({**word, "text": match.group(1), "x1": cut})
        out.append({**word, "text": match.group(2), "x0": cut})
    return out


def cells(words: list[dict], boundaries: list[float], units: Collection[str] = ()) -> list[str]:
    cells: list[list[str]] = [[] for _ in range(len(boundaries) + 1)]
    for word in _unglued(words, boundaries, units) if units else words:
        if is_ruler(word):
            continue
        center = (word["x0"] + word["x1"]) / 2
        column = sum(1 for b in boundaries if center > b)
        cells[column].append(word["text"])
    return [" ".join(c) for c in cells]


def band_cells(words: list[dict], boundaries: list[float], header: list[str], vocab: Vocabulary) -> list[Any]:
    """``cells``, except for a band of text across a table that has no description column: one
    run of words with no column gap in it, starting in the first column and running over two
    column boundaries or more, or over one out of a column of line numbers, which never holds
    words (a line's description printed under its numbers, as Oracle BI
    Publisher prints it), maybe after a "Description" label. Cut at the boundaries, its words
    would fall into the item and number columns; the band is given as one cell across the row
    (the rest None, as a ruled table gives a merged cell), for the table reader to take as the
    line's description."""
    row: list[Any] = cells(words, boundaries, vocab.units)
    if not boundaries or any(vocab.column_of(h) == "description" for h in header):
        return row
    text = [w for w in words if not is_ruler(w)]
    if not text or text[0]["x0"] >= boundaries[0]:
        return row  # not from the first column
    runs = [" ".join(w["text"] for w in run) for run in _segments(text)]
    if len(runs) == 2 and vocab.column_of(runs[0]) == "description":
        return runs + [None] * (len(boundaries) - 1)  # "Description" | the text
    if len(runs) != 1:
        return row
    crossed = sum(1 for b in boundaries if text[0]["x0"] < b < text[-1]["x1"])
    numbered = bool(header) and vocab.column_of(header[0]) == "line_no"  # words never stand in it
    if crossed < (1 if numbered else 2) or not re.search(r"[^\W\d_]{2,}", text[0]["text"]):
        return row
    return runs + [None] * len(boundaries)


def _line_gaps(lines: list[list[dict]]) -> float:
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:]) if b[0]["top"] > a[0]["top"]]
    return median(gaps) if gaps else 12.0


def table_end(
    lines: list[list[dict]], start: int, vocab: Vocabulary, boxes: list[tuple[float, float]] | None = None
) -> int:
    """Index after the table's last line: a total row, or a gap well over the line spacing.
    Not before the first row with a number: the header's own second line ("Price count/item")
    may stand apart from the rows as far as one row from the next. ``boxes``: (top, bottom) of
    ruled boxes read apart (a schedule box under each line): the space they take is no gap."""
    spacing = _line_gaps(lines[start : start + 8])
    first_row: list[dict] | None = None  # the first row with a number: the shape of a line
    for i in range(start + 1, len(lines)):
        if _is_total(lines[i], vocab):
            return _totals_block_end(lines, i, spacing, vocab)
        above, below = lines[i - 1][0]["top"], lines[i][0]["top"]
        boxed = sum(b - t for t, b in boxes or () if above < t and b < below)
        gap = below - above - boxed
        if first_row is not None and gap > max(spacing * 2.2, spacing + 14) and not _same_shape(lines[i], first_row):
            return i
        if first_row is None and any(re.search(r"\d", w["text"]) for w in lines[i]):
            first_row = lines[i]
    return len(lines)


MAX_TOTALS_LINES = 6  # lines of a totals block under its first total: tax, charges, the grand total


def _totals_block_end(lines: list[list[dict]], at: int, spacing: float, vocab: Vocabulary) -> int:
    """Index after the totals block whose first total is ``lines[at]``: the lines close under it
    that go on with sums — a label of tax, charges or another total with its amount ("Total HT",
    "TVA 20 %", "Net à payer"), or the amount alone under a label that had none ("Total (USD)"
    over "3,433.00", "Net à payer" over "EUR 2 372,40"). The first total of a block may be the
    net, and the order's total follow it. Counts ("Total line items: 1") end the block."""
    end = at + 1
    if _money_line(lines[at], vocab) == "label" and end < len(lines) and _money_line(lines[end], vocab) == "amount":
        end += 1  # "Total (USD)" over "3,433.00"
    while end < len(lines) and end - at <= MAX_TOTALS_LINES:
        if lines[end][0]["top"] - lines[end - 1][0]["top"] > spacing * 1.8:
            break
        kind = _money_line(lines[end], vocab)
        if kind == "label" and end + 1 < len(lines) and _money_line(lines[end + 1], vocab) == "amount":
            end += 2  # a total's label, its amount on the line under it
        elif kind in ("amount", "sum"):
            end += 1
        else:
            break
    return end


def _money_line(line: list[dict], vocab: Vocabulary) -> str:
    """What a line under a total is: "amount" (an amount alone, perhaps with its currency),
    "sum" (a label of a total, tax or charge with its amount), "label" (a total's label alone),
    or "" (anything else: a count, a note, a line)."""
    texts = [w["text"] for w in line if not is_ruler(w)]
    numbers = [t for t in texts if parse_number(t) is not None]
    words = " ".join(t for t in texts if parse_number(t) is None)
    if not texts or vocab.is_row("quantity_total", words):
        return ""
    if not numbers:
        return "label" if vocab.is_row("total", words) and len(texts) <= 6 else ""
    if not _MONEY.search(" ".join(numbers)):
        return ""  # "Total line items: 1"
    if len(texts) <= 3 and (not words or _CURRENCY_WORD.fullmatch(words)):
        return "amount"
    return "sum" if words and any(vocab.is_row(kind, words) for kind in ("total", "subtotal", "charges")) else ""


_CURRENCY_WORD = re.compile(r"[A-Z]{3}|[€$£¥￥]|[^\W\d_]{1,3}\$")
_MONEY = re.compile(r"\d[.,]\d{2}(?!\d)|(?<![\d.,'])\d{1,3}(?:[,.' ]\d{3})+(?![\d.,])")


def _same_shape(line: list[dict], row: list[dict]) -> bool:
    """Whether ``line`` has two numbers or more ending where the numbers of ``row`` end: a
    line of the same table after a gap (a note or a schedule under the line above), not the
    page's footer or its terms."""
    ends = [w["x1"] for w in row if parse_number(w["text"]) is not None]
    mine = [w["x1"] for w in line if parse_number(w["text"]) is not None]
    return sum(1 for x in mine if any(abs(x - e) <= 2.0 for e in ends)) >= 2


def has_total(lines: list[list[dict]], vocab: Vocabulary) -> bool:
    return any(_is_total(line, vocab) for line in lines)


def find_header_line(lines: list[list[dict]], vocab: Vocabulary) -> tuple[int | None, list[tuple[str, float, float]]]:
    """The first line that is a lines-table header, with its cells.

    A header set on two lines ("Unit" over "Price") is joined: the second line's words go into
    the header cells above them, and that line is removed from ``lines``. Only short lines that
    name a column are tried, at most ``MAX_HEADER_TRIES`` of them: the work stays bounded
    whatever the text holds.
    """
    tries = 0
    for index, line in enumerate(lines):
        if not _may_be_header(line, vocab):
            continue
        tries += 1
        if tries > MAX_HEADER_TRIES:
            break
        cells_ = header_cells(line, vocab)
        ruled = _dash_ruled_header(lines, index, cells_, vocab)
        if ruled is not None:
            return ruled
        if (
            not header_columns([c[0] for c in cells_], vocab)
            and index > 0
            and _header_continues(lines[index - 1], line)
        ):
            # "Quantity" set over "UOP": the line is a header only with the words above it
            joined = _join_header(cells_, lines[index - 1], above=True)
            if header_columns([c[0] for c in joined], vocab):
                del lines[index - 1]
                return index - 1, joined
        stacked = _record_header(lines, index, cells_, vocab)
        if stacked is not None:
            del lines[index + 1]
            return index, stacked
        if (
            not header_columns([c[0] for c in cells_], vocab)
            and index + 1 < len(lines)
            and _header_continues(line, lines[index + 1])
        ):
            # narrow columns wrap their headings inside a word ("Quanti" over "té", "Uni" over "té")
            joined = _join_header(cells_, lines[index + 1], sep="\n")
            wrapped = header_columns([c[0] for c in joined], vocab)
            # two lines of whole words ("Line" over "Item", "Due" over "Date") are read from the
            # second line, the first joined above it (below): only words cut inside are joined here
            spaced = header_columns([c[0] for c in _join_header(cells_, lines[index + 1])], vocab)
            if wrapped and len(wrapped) > len(spaced or {}):
                del lines[index + 1]
                return index, joined
        if header_columns([c[0] for c in cells_], vocab):
            if index > 0 and _header_continues(lines[index - 1], line):
                # "Due" over "Date", "Order" over "Quantity": the header's first line is above
                joined = _join_header(cells_, lines[index - 1], above=True)
                if _names_more(joined, cells_, vocab):
                    del lines[index - 1]
                    index, cells_ = index - 1, joined
            if index + 1 < len(lines) and _header_continues(line, lines[index + 1]):
                joined = _join_header(cells_, lines[index + 1])
                if _names_more(joined, cells_, vocab):
                    del lines[index + 1]
                    return index, joined
            return index, cells_
    return None, []


_DASHES = re.compile(r"[-=_]{2,}")
MAX_HEADER_LINES = 3  # lines of a heading set over a rule of dashes


def _dash_ruled_header(
    lines: list[list[dict]], index: int, cells_: list[tuple[str, float, float]], vocab: Vocabulary
) -> tuple[int, list[tuple[str, float, float]]] | None:
    """A report's heading over a rule of dashes, one run of dashes under each column (QAD,
    JD Edwards, AS/400 spools: "Ln Item Number  Description ... Qty" over "Ordered" over
    "-- ----------- ----------- ..."). The runs are the columns, exactly: each heading word,
    of every heading line, belongs to the run under it, and a column is as wide as its run,
    however short its heading or wide its data. The heading's lines and the rule are taken out
    of ``lines``; (the heading's first line, its cells), or None without such a rule."""
    first = index - 1 if index > 0 and _header_continues(lines[index - 1], lines[index]) else index
    rule = None
    for k in range(index + 1, min(index + 1 + MAX_HEADER_LINES, len(lines))):
        words = lines[k]
        if len(words) >= 3 and all(_DASHES.fullmatch(w["text"]) for w in words):
            rule = k
            break
        if not _heading_line(lines[k - 1], words):
            return None
    if rule is None:
        return None
    runs = [(w["x0"], w["x1"]) for w in lines[rule]]
    texts: list[list[str]] = [[] for _ in runs]
    for line in lines[first:rule]:
        for word in line:
            center = (word["x0"] + word["x1"]) / 2
            k = min(range(len(runs)), key=lambda i: max(runs[i][0] - center, center - runs[i][1], 0.0))
            texts[k].append(word["text"])
    ruled = [(" ".join(t), x0, x1) for t, (x0, x1) in zip(texts, runs)]
    names = set((header_columns([c[0] for c in ruled], vocab) or {}).values())
    if not names or len(names) < len(set((header_columns([c[0] for c in cells_], vocab) or {}).values())):
        return None
    del lines[first + 1 : rule + 1]  # the heading's first line stands for all of it
    return first, ruled


def _heading_line(line: list[dict], below: list[dict]) -> bool:
    """Words close under a heading line that go on with it: no rule and no figure among them
    (a heading may number its parts: JD Edwards' "Description 2")."""
    close = below[0]["top"] - line[0]["top"] <= 1.6 * max(float(line[0].get("size") or 10), 10.0)
    return close and all(not re.search(r"\d\d|\d[.,]\d", w["text"]) and not is_ruler(w) for w in below)


def _record_header(
    lines: list[list[dict]], index: int, cells_: list[tuple[str, float, float]], vocab: Vocabulary
) -> list[tuple[str, float, float]] | None:
    """A header printed as two rows of different columns, as SAP prints an item over two rows
    ("Item  Material  Description" over "Order qty.  Unit  Price per unit  Net value"): neither
    row is a lines header alone, both together are. Their cells, side by side in the order of
    their centres, make the header; the rows under it are read with the arithmetic
    (quantity × price = amount) wherever their numbers fall."""
    if len(cells_) < 2 or index + 1 >= len(lines) or not _header_continues(lines[index], lines[index + 1]):
        return None
    below = lines[index + 1]
    if header_columns([c[0] for c in cells_], vocab):
        return None
    second = header_cells(below, vocab)
    if len(cells_) < 2 or len(second) < 2 or header_columns([c[0] for c in second], vocab):
        return None  # a header word set over one column ("Quantity" over "UOP") is joined below
    both = sorted(cells_ + second, key=lambda c: (c[1] + c[2]) / 2)
    names = set((header_columns([c[0] for c in both], vocab) or {}).values())
    first_names = {vocab.column_of(c[0]) for c in cells_}
    second_names = {vocab.column_of(c[0]) for c in second}
    if (
        "quantity" not in names
        or not names & {"unit_price", "amount"}
        or not first_names - {None}
        or not second_names - {None}
    ):
        return None
    return both


def _names_more(
    joined: list[tuple[str, float, float]], cells_: list[tuple[str, float, float]], vocab: Vocabulary
) -> bool:
    """Whether the joined header cells name more line fields than the cells alone, or as many
    and the item where there was none ("Item" over "No." is the part number column, not the
    line number)."""
    before = set((header_columns([c[0] for c in cells_], vocab) or {}).values())
    after = set((header_columns([c[0] for c in joined], vocab) or {}).values())
    return len(after) > len(before) or (len(after) == len(before) and "item" in after - before)


def _header_continues(line: list[dict], below: list[dict]) -> bool:
    """Words right under a header, none a number nor a ruler, close below it. A heading may
    number its parts (JD Edwards' "Description 2"): a lone digit is no number of a row."""
    return _heading_line(line, below)


def _join_header(
    cells_: list[tuple[str, float, float]], other: list[dict], above: bool = False, sep: str = " "
) -> list[tuple[str, float, float]]:
    """The words of the header's other line (below it, or ``above``) added to the cells they
    stand over or under; ``sep`` "\n" keeps the cell's lines apart, to be read as a cell
    wrapped inside a word or as two words, whichever names a column."""
    joined = [list(c) for c in cells_]
    added: list[list[str]] = [[] for _ in joined]
    for word in other:
        center = (word["x0"] + word["x1"]) / 2
        k = min(
            range(len(joined)),
            key=lambda i: (
                0
                if joined[i][1] <= center <= joined[i][2]
                else min(abs(center - joined[i][1]), abs(center - joined[i][2]))
            ),
        )
        added[k].append(word["text"])
        joined[k][1], joined[k][2] = min(joined[k][1], word["x0"]), max(joined[k][2], word["x1"])
    for cell, words in zip(joined, added):
        if words:
            cell[0] = f"{' '.join(words)}{sep}{cell[0]}" if above else f"{cell[0]}{sep}{' '.join(words)}"
    return [(t, a, b) for t, a, b in joined]


def rejoin_cut_words(
    table: Any, rows: list[list[Any]], words: list[dict], chars: list[dict], doubts: list[str] | None = None
) -> list[list[Any]]:
    """A ruled table's rows with the words that the cell's edge cut in two joined again.

    A word wider than its cell is broken inside by the printing office suite: LibreOffice moves
    it to a line of its own and breaks it where the cell ends ("Alimenta" over "tore"). Read as
    two lines, the cell says "Alimenta tore". A break is such a cut when the line before it is
    that one word, left-aligned with the others, reaching so close to the cell's right edge
    (the cell's padding mirrored from its left) that the next line's first character could
    not stand there, and the two pieces meet as the inside of a word does (not a lower-case
    letter before a capital: "standoff" over "M4x20" is two words). ``table`` is
    pdfplumber's (its rows' cells are the boxes, None where merged); ``chars`` the page's.

    A whole word that happens to fill its line as tightly looks the same ("Aluminium" over
    "housing"), so only a piece of one or two characters after the cut ("Kugellag" over "er")
    or digits on both sides is sure; every other join is said in ``doubts``, for a person to
    check."""
    for table_row, row in zip(table.rows[1:], rows[1:]):  # not the header: "Unit" over "Price" fills a cell too
        for index, (box, text) in enumerate(zip(table_row.cells, row)):
            if box is not None and isinstance(text, str) and "\n" in text:
                row[index] = _rejoined(text, box, words, chars, doubts)
    return rows


def _rejoined(
    text: str, box: tuple[float, float, float, float], words: list[dict], chars: list[dict], doubts: list[str] | None
) -> str:
    x0, top, x1, bottom = box
    inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    lines = group_lines(inside)
    parts = text.split("\n")
    if len(lines) != len(parts) or len(lines) < 2:
        return text
    left = min(line[0]["x0"] for line in lines)
    if any(line[0]["x0"] - left > 1.0 for line in lines):
        return text  # not left-aligned text (numbers, centred headings): nothing to tell by the edge
    edge = x1 - (left - x0)
    out = parts[0]
    for above, below, part in zip(lines, lines[1:], parts[1:]):
        word, nxt = above[-1], below[0]
        end, start = word["text"][-1:], nxt["text"][:1]
        cut = (
            len(above) == 1
            and end.isalnum()
            and start.isalnum()
            and not (end.islower() and start.isupper())
            and word["x1"] + _first_char_width(nxt, chars) > edge
        )
        sure = len(nxt["text"]) <= 2 or (end.isdigit() and start.isdigit())
        if cut and not sure and doubts is not None:
            doubts.append(
                f"'{word['text']}' over '{nxt['text']}' fills its cell to the edge: read as one word cut there"
                f" ('{word['text']}{nxt['text']}'); check it"
            )
        out += ("" if cut else "\n") + part
    return out


def _first_char_width(word: dict, chars: list[dict]) -> float:
    """The width of a word's first character, as printed (an average of its characters when
    the character is not found)."""
    for char in chars:
        if abs(char["x0"] - word["x0"]) < 0.05 and abs(char["top"] - word["top"]) < 1.0:
            return float(char["x1"] - char["x0"])
    return (word["x1"] - word["x0"]) / max(len(word["text"]), 1)
