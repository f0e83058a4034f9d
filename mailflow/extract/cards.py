"""Order lines written as cards: one item a card, its labels beside their values, no table.

Contract
    ``card_grids(pages, vocab) -> list[Grid]``: from positioned words (a PDF page's words, or a
    sheet's or a Word table's cells as ``layout.grid_pages`` places them), the blocks of
    "label: value" pairs whose labels are words of a lines table's columns ("Part No.",
    "Qty", "Unit Price", "Due Date"), as kanban call-offs and single-item call-off cards print
    them, two to four cards a page, side by side or one under the other. Each card becomes a
    row of a grid whose header row holds the labels, so that the table reader reads its numbers,
    dates and arithmetic as it reads any line. Only cards with a quantity and an item or a
    description count; labels no column names (the card's storage location) are left out.

    The caller asks for cards only where no lines table was found.

    Cards side by side are told apart by where their labels start (a column of labels each);
    one card from the next by a gap wider than the lines inside a card, or by a label coming
    again. A run of pairs without a quantity (the order's own header fields above the cards)
    is no card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from .document import Grid
from .layout import Cell, _cells
from .vocabulary import Vocabulary

CARD_FIELDS = (
    "item",
    "item_alt",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "price_per",
    "amount",
    "delivery_date",
)
COLUMN_SLACK = 20.0  # points: labels starting this close are one column of labels
MAX_VALUE_GAP = 220.0  # points from a label to its value on the same line
CARD_GAP = 1.6  # a gap this many times the usual line distance ends a card
MAX_CARDS = 200  # a page holding more "cards" is no call-off (a list, a hostile file)
_SEPARATOR = re.compile(r"\s*[:：]\s*")


@dataclass
class _Pair:
    field: str
    label: str
    value: str
    cell: Cell


def _label(text: str, vocab: Vocabulary) -> tuple[str, str, str] | None:
    """(field, label, value in the same cell) when ``text`` is a card's label: a column word,
    "Label:" ("Preis/Einheit:" names the price though it is no single column word), or
    "Label: value" in one cell."""
    parts = _SEPARATOR.split(text, maxsplit=1)
    head, rest = parts[0].strip(), parts[1].strip() if len(parts) > 1 else ""
    if not head:
        return None
    name = vocab.column_of(head)
    if name not in CARD_FIELDS:
        return None
    if not (vocab.exact_column(head) or len(parts) > 1 or _short_words(head)):
        return None  # ("Preis/Einheit" names the price in its parts: a label when it stands alone)
    return name, head, rest


def _short_words(text: str) -> bool:
    return len(text) <= 30 and len(text.split()) <= 3 and not re.search(r"\d", text)


def _pairs(lines: list[list[Cell]], vocab: Vocabulary) -> list[_Pair]:
    pairs: list[_Pair] = []
    values: list[tuple[_Pair, Cell]] = []  # a value cell, for the rest of its text on the lines below
    under: set[tuple[int, int]] = set()  # (line, cell) taken as a value under its label
    for li, line in enumerate(lines):
        taken: set[int] = {ci for l2, ci in under if l2 == li}
        for i, cell in enumerate(line):
            if i in taken:
                continue
            hit = _label(cell.text, vocab)
            if hit is None:
                continue
            taken.add(i)
            name, label, value = hit
            right = line[i + 1] if i + 1 < len(line) else None
            if value:
                pairs.append(_Pair(name, label, value, cell))
            elif right is not None and right.x0 - cell.x1 <= MAX_VALUE_GAP and _label(right.text, vocab) is None:
                pair = _Pair(name, label, right.text, cell)
                pairs.append(pair)
                values.append((pair, right))
                taken.add(i + 1)
            elif li + 1 < len(lines) and (below := _under(cell, lines[li + 1], vocab)) is not None:
                # a box with a small label over its value ("Part No." over "HX-2040")
                pair = _Pair(name, label, lines[li + 1][below].text, cell)
                pairs.append(pair)
                under.add((li + 1, below))
        for i, cell in enumerate(line):
            if i in taken:
                continue
            wrapped = next((pv for pv in values if _goes_on(pv[1], cell)), None)
            if wrapped is not None:  # a value wrapped in its box: "Moteur CC 12 V" over "3000 rpm"
                pair, _ = wrapped
                pair.value = f"{pair.value} {cell.text}"
                values[values.index(wrapped)] = (pair, cell)
    return pairs


def _under(label: Cell, below: list[Cell], vocab: Vocabulary) -> int | None:
    """The index of the cell in ``below`` (the next line) that starts where ``label`` starts and
    is no label itself: the label's value, under it."""
    for index, cell in enumerate(below):
        if abs(cell.x0 - label.x0) <= 4 and _label(cell.text, vocab) is None:
            return index
    return None


def _goes_on(value: Cell, cell: Cell) -> bool:
    """``cell`` is the next line of a value's text: right under it, starting where it starts."""
    return cell.line == value.line + 1 and abs(cell.x0 - value.x0) <= 3


def _columns(pairs: list[_Pair]) -> list[list[_Pair]]:
    """The pairs by the column their labels start in, each column top to bottom."""
    columns: list[list[_Pair]] = []
    for pair in sorted(pairs, key=lambda p: p.cell.x0):
        if columns and pair.cell.x0 - columns[-1][0].cell.x0 <= COLUMN_SLACK:
            columns[-1].append(pair)
        else:
            columns.append([pair])
    return [sorted(column, key=lambda p: (p.cell.top, p.cell.x0)) for column in columns]


def _cards(column: list[_Pair]) -> list[list[_Pair]]:
    """A column of pairs cut into cards: at a wide gap, or where a field comes again."""
    steps = [b.cell.top - a.cell.top for a, b in zip(column, column[1:]) if b.cell.top > a.cell.top]
    usual = median(steps) if steps else 0.0
    cards: list[list[_Pair]] = []
    for pair in column:
        card = cards[-1] if cards else None
        if (
            card is None
            or any(p.field == pair.field for p in card)
            or (usual and pair.cell.top - card[-1].cell.top > CARD_GAP * usual)
        ):
            cards.append([pair])
        else:
            card.append(pair)
    return cards


def _side_by_side(blocks: list[list[_Pair]]) -> list[list[_Pair]]:
    """Blocks of one card whose labels stand in two columns (a grid of boxes: "Description" and
    "Qty" side by side) joined: a block beside another, level with it, naming other fields."""
    merged: list[list[_Pair]] = []
    for block in sorted(blocks, key=lambda b: b[0].cell.x0):
        top, bottom = block[0].cell.top, block[-1].cell.top
        fields = {p.field for p in block}
        for other in merged:
            level = other[0].cell.top <= bottom + 2 and top <= other[-1].cell.top + 2
            if level and not fields & {p.field for p in other} and not (_is_card(other) and _is_card(block)):
                other.extend(block)
                other.sort(key=lambda p: (p.cell.top, p.cell.x0))
                break
        else:
            merged.append(list(block))
    return merged


def _is_card(card: list[_Pair]) -> bool:
    fields = {p.field for p in card}
    return "quantity" in fields and bool(fields & {"item", "item_alt", "description"}) and len(fields) >= 3


def card_grids(pages: list[tuple[str, list[dict]]], vocab: Vocabulary) -> list[Grid]:
    """One grid per page holding cards: a header row of the cards' labels, a row per card."""
    grids: list[Grid] = []
    for where, words in pages:
        pairs = _pairs(_cells(words), vocab)
        if len({p.field for p in pairs} & {"quantity"}) == 0:
            continue
        blocks = [card for column in _columns(pairs) for card in _cards(column)]
        cards = [card for card in _side_by_side(blocks) if _is_card(card)]
        if not cards or len(cards) > MAX_CARDS:
            continue
        # the order a person reads them in: row of cards by row, left to right
        cards.sort(key=lambda card: (round(card[0].cell.top / 4), card[0].cell.x0))
        fields: list[str] = []
        labels: dict[str, str] = {}
        for card in cards:
            for pair in card:
                if pair.field not in labels:
                    fields.append(pair.field)
                    labels[pair.field] = pair.label
        rows: list[list[object]] = [[labels[f] for f in fields]]
        names = ["(the cards' labels)"]
        for number, card in enumerate(cards, 1):
            values = {p.field: p.value for p in card}
            rows.append([values.get(f) for f in fields])
            names.append(f"card {number} ('{card[0].label}' at line {card[0].cell.line + 1})")
        grids.append(Grid(rows, where, names, note=f"{where}: {len(cards)} card(s) of labels and values, no table"))
    return grids
