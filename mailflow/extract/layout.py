"""Header fields found by position: a label and the value right of it, or under it.

Contract
    ``fill_fields(pages, vocab, opts, found)`` adds to ``found`` the header fields it lacks,
    from the positioned words of each page (``Document.pages``: a PDF page's words, or a
    scan's words from OCR, all of them — inside ruled boxes too; ``grid_pages``: a sheet's or
    a Word table's cells, one word per cell, so spreadsheets and documents share the rules). It never replaces a value
    ``fields.read_fields`` already took from the text lines; it fills what a line-by-line
    reading cannot see:

    * the value right of its label on the same visual line, however wide the gap, when no
      other label stands between them ("Purchase Order Date        8/20/2021");
    * the value under its label, in the same column, within two lines ("PO DATE" over
      "1/11/21" in a header band; "PO number/date" over "4512029509 / 01/27/2021");
    * a compound label "X/Y" names two fields whose values are written "x / y".

    Every value says where it came from ("... label 'PO #' (value right of it)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .columns import _segments, group_lines, is_ruler
from .document import Grid, cell_text
from .fields import Found, convert, counts_things, label_hit, total_rank, value_cell, with_label_currency
from .tables import Options, header_columns
from .vocabulary import Vocabulary

FIELDS = ("po_number", "po_date", "delivery_date", "currency", "total", "payment_terms", "incoterms")
MAX_GAP = 260.0  # points between a label and a value to its right (a form's two columns)
BELOW_LINES = 2  # a value under its label is on one of the next two lines
# "TERMS AND CONDITIONS": the heading of the general conditions, never the payment terms' label
CONDITIONS_HEADING = re.compile(r"\s*(?:general\s+)?terms\s*(?:and|&)\s*conditions\b", re.I)


@dataclass
class Cell:
    """Words set close together on one line: a label, a value, or both."""

    text: str
    x0: float
    x1: float
    top: float
    line: int


def _cells(words: list[dict]) -> list[list[Cell]]:
    lines = []
    for index, line in enumerate(group_lines([w for w in words if not is_ruler(w)])):
        lines.append(
            [
                Cell(" ".join(w["text"] for w in seg), seg[0]["x0"], seg[-1]["x1"], seg[0]["top"], index)
                for seg in _segments(line)
            ]
        )
    return lines


CELL_WIDTH = 120.0  # points per spreadsheet / Word-table column: a label's value two columns away is "right of it"
ROW_HEIGHT = 14.0


def grid_pages(grids: list[Grid]) -> list[tuple[str, list[dict]]]:
    """Spreadsheet sheets and Word tables as positioned words, one word per filled cell, so
    that labels and values are found by the same proximity rules as on a PDF page: a label
    with its value cells to the right (merged cells leave the columns between empty), or a
    stacked header block (a row of labels over a row of values)."""
    pages = []
    for grid in grids:
        words = []
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                text = cell_text(value)
                if not text.strip():
                    continue
                x0 = c * CELL_WIDTH
                words.append(
                    {
                        "text": text.strip(),
                        "x0": x0,
                        "x1": x0 + min(CELL_WIDTH - 20, 5.0 * len(text) + 4),
                        "top": r * ROW_HEIGHT,
                        "bottom": r * ROW_HEIGHT + 10,
                        "size": 10.0,
                    }
                )
        if words:
            pages.append((grid.where, words))
    return pages


def fill_fields(
    pages: list[tuple[str, list[dict]]], vocab: Vocabulary, opts: Options, found: dict[str, Found]
) -> list[str]:
    """Fill the fields ``found`` lacks; returns explain lines for what was filled."""
    explain: list[str] = []
    placed_rank: int | None = None  # what the label of a total placed here says about tax
    for where, words in pages:
        if all(name in found for name in FIELDS):
            break
        lines = _cells(words)
        repeated = _repeated_labels(lines, vocab)
        for li, line in enumerate(lines):
            hits = [
                (ci, cell, hit)
                for ci, cell in enumerate(line)
                if (hit := _compound(cell.text, vocab) or label_hit(cell.text, vocab)) is not None
            ]
            if not hits or header_columns([c.text for c in line], vocab):
                continue  # no label; or a lines-table header: "Total" over a line's amount is not the total
            for ci, cell, hit in hits:
                if vocab.is_row("quantity_total", cell.text) or counts_things(cell.text):
                    continue
                name, label, rest, _ = hit
                if name == "payment_terms" and CONDITIONS_HEADING.match(cell.text):
                    continue
                if name in repeated:
                    continue  # "Entrega parcial" under every line: a line's label, not the order's
                second = _second_label(rest, vocab) or (rest[2:] if rest.startswith("//") else None)
                names = [name, second] if second else [name]
                rank = _total_rank(cell.text, vocab) if name == "total" else 0
                # "Valoare netă" placed first, "Total cu TVA" below it: the grand total's label outranks
                upgrade = name == "total" and placed_rank is not None and rank > placed_rank
                if all(n in found or n not in FIELDS for n in names) and not upgrade:
                    continue
                if rest and not second and (same := convert(name, rest, opts, label)) is not None:
                    # "PO #: 1497" in one cell, the value in a box the text lines do not hold
                    if name in FIELDS and name not in found:
                        found[name] = Found(
                            same.value, f"{where} label '{cell.text}' (value in the same cell)", same.ambiguous
                        )
                        explain.append(f"{name}: label and value found by position: '{cell.text}' (one cell)")
                    continue
                for value, how in _values(lines, li, ci, vocab, name):
                    parts = [p.strip() for p in re.split(r"\s+/\s+", value, maxsplit=1)] if second else [value]
                    if second and len(parts) != 2:
                        continue
                    converted = [convert(n, part, opts, label) for n, part in zip(names, parts)]
                    if converted[0] is None:
                        continue
                    if name == "total":  # "TOTAL (EUR)" over or beside its amount
                        converted[0] = with_label_currency(converted[0], rest, opts)
                    for n, c in zip(names, converted):
                        if c is not None and (n not in found or (n == "total" and upgrade)) and n in FIELDS:
                            found[n] = Found(c.value, f"{where} label '{cell.text}' (value {how})", c.ambiguous)
                            explain.append(f"{n}: label and value found by position: '{cell.text}' → '{value}' ({how})")
                            placed_rank = rank if n == "total" else placed_rank
                    break
    return explain


def _total_rank(label: str, vocab: Vocabulary) -> int:
    """``fields.total_rank``, a subtotal's row label ("Valoare netă", "Wartość netto") counting as net."""
    return 0 if vocab.is_row("subtotal", label) else total_rank(label)


def _repeated_labels(lines: list[list[Cell]], vocab: Vocabulary) -> set[str]:
    """Date fields whose label starts three lines or more of the page: schedule rows under
    the lines ("Sched. 01/15/2027"), each a line's date, none the order's."""
    counts: dict[str, int] = {}
    for line in lines:
        for cell in line[:2]:
            hit = vocab.label_at(cell.text)
            if hit is not None and hit[0] in ("delivery_date", "po_date"):
                counts[hit[0]] = counts.get(hit[0], 0) + 1
    return {name for name, count in counts.items() if count >= 3}


# "Nr / data zamówienia", "Nº / Data do pedido", "발주번호 / 발주일자": two labels sharing one box, the
# first often without the noun both share ("Nr" for "Nr zamówienia"); their values are "x / y"
_COMPOUND = re.compile(r"\s*([^/]{1,30}?)\s*/\s*([^/]{2,40}?)\s*[:：]?\s*")


def _compound(text: str, vocab: Vocabulary) -> tuple[str, str, str, bool] | None:
    """A label cell naming two fields, as ``label_hit`` gives a hit: the first field, the cell as
    its label, and ``//`` and the second field as the rest (read by ``fill_fields``). The second
    half must be a label on its own; the first is one on its own or with the second's last words
    ("Číslo / datum objednávky": "Číslo objednávky")."""
    match = _COMPOUND.fullmatch(text)
    if match is None:
        return None
    left, right = match.groups()
    second = vocab.label_at(right)
    if second is None or second[2] or second[0] not in FIELDS:
        return None
    words = right.split()
    for tail in ["", *(" ".join(words[k:]) for k in range(1, len(words)))]:
        first = vocab.label_at(f"{left} {tail}".strip())
        if first is not None and not first[2] and first[0] in FIELDS and first[0] != second[0]:
            return first[0], text.strip(), f"//{second[0]}", False
    return None


def _second_label(rest: str, vocab: Vocabulary) -> str | None:
    """ "PO number/date": the field the part after the slash names."""
    match = re.match(r"^\s*/\s*(\S.*)$", rest)
    if not match:
        return None
    word = match.group(1)
    for candidate in (word, f"po {word}", f"order {word}"):
        hit = vocab.label_at(candidate)
        if hit and not hit[2]:
            return hit[0]
    return None


def _values(lines: list[list[Cell]], li: int, ci: int, vocab: Vocabulary, name: str):
    """Candidate values for the label of field ``name`` at ``lines[li][ci]``: right of it, then
    under it (a total is never taken from under its label: that is a column of amounts)."""
    label = lines[li][ci]
    right = lines[li][ci + 1] if ci + 1 < len(lines[li]) else None
    if right is not None and right.x0 - label.x1 <= MAX_GAP and value_cell(right.text, name, vocab):
        yield right.text, "right of it"
    if name == "total":
        return
    for below in lines[li + 1 : li + 1 + BELOW_LINES]:
        under = [c for c in below if _overlap(label, c)]
        if not under:
            continue
        cell = min(under, key=lambda c: abs(c.x0 - label.x0))
        text = cell.text
        after = below.index(cell) + 1
        if text.endswith("/") and after < len(below):  # "4503665116 /"  "01/27/2021": one value
            text = f"{text} {below[after].text}"
        if value_cell(cell.text, name, vocab):
            yield text, "under it"
        return


def _overlap(label: Cell, cell: Cell) -> bool:
    """A cell in the label's column: overlapping it, or starting within a few points of it."""
    return (cell.x0 < label.x1 and cell.x1 > label.x0) or abs(cell.x0 - label.x0) < 12
