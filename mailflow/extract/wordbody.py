"""The text of a Word document's body as it reads with its tracked changes accepted.

python-docx's ``paragraph.text`` and ``cell.text`` read only the runs that are direct children
of a paragraph: text a reviser inserted (``w:ins``) or moved in (``w:moveTo``), fields, content
controls (``w:sdt``, common in order templates), text boxes, and tables nested in a cell are
left out; ``document.paragraphs``/``tables`` miss what sits in a content control. An order
edited with "track changes" on, or typed into a template's boxes, lost its PO number or lines.

``read(body)`` walks the body's XML instead, in document order: inserted and moved-in text is
read, deleted and moved-away text (``w:del``, ``w:delText``, ``w:moveFrom``) and deleted table
rows are not; a text box's paragraphs are paragraphs (after the one that anchors it), its
tables tables; a table nested in a cell is a table of its own (after the one holding it), not
part of the cell's text. A form's values are read where it keeps them: in content controls, in
legacy text fields' results, in a legacy drop-down's chosen entry; a control still showing its
placeholder text ("Click or tap here to enter text.") holds no value and is not read. Text
Word neither shows nor prints legibly is not read either: hidden text (a run marked
``w:vanish``), text of 1 point or less, and white text on no shading (a forged order can
print one PO number and hide another beside it; white headings on a shaded cell, paragraph
or run, in a table drawn by a table style, or on a coloured page, are read) — set on the run
itself or by the styles it wears (``Styles``: its character style, its paragraph's style, each
with the styles it is based on, and the document's defaults; the nearest setting wins, as
LibreOffice shows it). Cells are as
python-docx gives them: a horizontally merged cell once (its first column, then ``None``), a vertically merged one repeated into the rows it covers
(``Body.continued`` names the repeats, so that a lines table can leave them out).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC = W + "p", W + "tbl", W + "tr", W + "tc"
SDT, SDT_CONTENT, CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
TEXT_BOX = W + "txbxContent"
RUN = W + "r"
FIELD_CHAR = W + "fldChar"
VAL = W + "val"
# Not the document as it reads once its changes are accepted; properties hold no text (a
# ``w:del`` inside ``w:rPr`` marks a deleted paragraph mark); a drawing's fallback repeats its choice.
_GONE = {
    W + "del",
    W + "moveFrom",
    W + "delText",
    W + "delInstrText",
    W + "instrText",
    W + "pPr",
    W + "rPr",
    W + "sdtPr",
    W + "tblPr",
    W + "tblGrid",
    W + "trPr",
    W + "tcPr",
    MC + "Fallback",
}
_WRAPPERS = {SDT_CONTENT, CUSTOM_XML, W + "ins", W + "moveTo", W + "smartTag"}  # blocks or rows inside
_TEXT = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}
MAX_DEPTH = 20  # tables in cells in text boxes...: deeper is not an order


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str | None]]] = field(default_factory=list)
    # per table, the (row, column) cells a vertical merge continues (their text is the repeat)
    continued: list[set[tuple[int, int]]] = field(default_factory=list)
    styles: "Styles | None" = field(default=None, repr=False, compare=False)


class Styles:
    """What a document's styles part (``w:styles``) says of the three run properties that decide
    whether text shows: hidden (``w:vanish``), its size (``w:sz``) and colour (``w:color``).

    ``of(run)`` gives them as the run shows them: its own properties first, then its character
    style (``w:rStyle``) and the styles that one is based on, then its paragraph's style
    (``w:pStyle``, else the default paragraph style) and its bases, then the document's defaults
    (``w:docDefaults``). A chain of ``basedOn`` is followed ``MAX_BASES`` deep (a loop ends it)."""

    MAX_BASES = 16
    NONE: "Styles"  # no styles part: a run's own properties only

    def __init__(self, styles: Any = None) -> None:
        self._own: dict[str, tuple[Any, str | None]] = {}  # style id -> (its w:rPr, its basedOn)
        self._resolved: dict[str, tuple] = {}
        self.default_paragraph: str | None = None
        self.defaults: tuple = (None, None, None)
        if styles is None:
            return
        for style in styles.findall(W + "style"):
            style_id = style.get(W + "styleId")
            if not style_id or len(self._own) >= 10_000:
                continue
            based = style.find(W + "basedOn")
            self._own[style_id] = (style.find(W + "rPr"), based.get(VAL) if based is not None else None)
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self.default_paragraph = style_id
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = _settings(defaults)

    def of(self, run: Any, paragraph_style: str | None) -> tuple[bool, int | None, str | None]:
        """(hidden, size in half points or None, colour or None) of ``run`` in a paragraph of
        ``paragraph_style``."""
        own = _settings(run.find(W + "rPr"))
        character = run.find(f"{W}rPr/{W}rStyle")
        levels = [own, self._chain(character.get(VAL) if character is not None else None)]
        levels += [self._chain(paragraph_style or self.default_paragraph), self.defaults]
        vanish, size, colour = (next((level[i] for level in levels if level[i] is not None), None) for i in range(3))
        return bool(vanish), size, colour

    def _chain(self, style_id: str | None) -> tuple:
        """The settings a style gives, with those of the styles it is based on beneath them."""
        if not style_id:
            return (None, None, None)
        if style_id in self._resolved:
            return self._resolved[style_id]
        settings: list = [None, None, None]
        seen, current = set(), style_id
        while current and current in self._own and current not in seen and len(seen) < self.MAX_BASES:
            seen.add(current)
            properties, current = self._own[current]
            for index, value in enumerate(_settings(properties)):
                if settings[index] is None:
                    settings[index] = value
        self._resolved[style_id] = found = tuple(settings)
        return found


def _settings(properties: Any) -> tuple[bool | None, int | None, str | None]:
    """(hidden, size in half points, colour) as ``properties`` (a ``w:rPr``) sets them, None where
    it says nothing."""
    if properties is None:
        return (None, None, None)
    vanish = properties.find(W + "vanish")
    hidden = None if vanish is None else vanish.get(VAL, "true").lower() not in ("0", "false", "off")
    size = properties.find(W + "sz")
    value = (size.get(VAL) or "") if size is not None else ""
    half_points = int(value) if value.isdigit() and len(value) < 6 else None
    colour = properties.find(W + "color")
    return hidden, half_points, colour.get(VAL) if colour is not None else None


Styles.NONE = Styles()


def read(body: Any, styles: Styles | None = None) -> Body:
    """The paragraphs and tables of ``body`` (an lxml element: ``w:body``, a header or footer),
    text its ``styles`` hide left out."""
    out = Body(styles=styles or Styles.NONE)
    _blocks(body, out, 0)
    return out


def _blocks(container: Any, out: Body, depth: int) -> None:
    """Paragraphs and tables of a body, a text box or a content control, in order."""
    for child in _children(container, (P, TBL)):
        if child.tag == P:
            boxes: list[Any] = []
            out.paragraphs.append(_text(child, boxes, out.styles))
            for box in boxes:
                if depth < MAX_DEPTH:
                    _blocks(box, out, depth + 1)
        elif depth < MAX_DEPTH:
            _table(child, out, depth + 1)


def _table(tbl: Any, out: Body, depth: int) -> None:
    slot = len(out.tables)
    out.tables.append([])  # its place: before the tables nested in it
    out.continued.append(set())
    rows: list[list[str | None]] = []
    above: dict[int, str] = {}  # grid column → text of the cell a vertical merge continues
    for tr in _children(tbl, (TR,)):
        properties = tr.find(W + "trPr")
        if properties is not None and properties.find(W + "del") is not None:
            continue  # a row deleted with changes tracked
        column = _number(properties, "gridBefore", 0)
        cells: list[str | None] = [None] * column
        for tc in _children(tr, (TC,)):
            tc_properties = tc.find(W + "tcPr")
            span = max(1, _number(tc_properties, "gridSpan", 1))
            merge = tc_properties.find(W + "vMerge") if tc_properties is not None else None
            if merge is not None and merge.get(VAL, "continue") == "continue":
                text = above.get(column, "")
                out.continued[slot].add((len(rows), column))
            else:
                text = _cell_text(tc, out, depth)
                for covered in range(column, column + span):
                    above[covered] = text
            cells.append(text)
            cells.extend([None] * (span - 1))
            column += span
        rows.append(cells)
    out.tables[slot] = rows


def _cell_text(tc: Any, out: Body, depth: int) -> str:
    """A cell's paragraphs, one per line; its nested tables and text boxes go to ``out``."""
    paragraphs: list[str] = []
    for child in _children(tc, (P, TBL)):
        if child.tag == P:
            boxes: list[Any] = []
            paragraphs.append(_text(child, boxes, out.styles))
            for box in boxes:
                if depth < MAX_DEPTH:
                    _blocks(box, out, depth + 1)
        elif depth < MAX_DEPTH:
            _table(child, out, depth + 1)
    return "\n".join(paragraphs).strip()


def _text(p: Any, boxes: list[Any], styles: Styles | None = None) -> str:
    """A paragraph's text with its changes accepted; the text boxes it anchors into ``boxes``."""
    styles = styles or Styles.NONE
    own_style = p.find(f"{W}pPr/{W}pStyle")
    paragraph_style = own_style.get(VAL) if own_style is not None else None
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _GONE:
            continue  # an XML comment, or not the text as it reads
        if tag in _TEXT:
            parts.append(_TEXT[tag] or child.text or "")
        elif tag == W + "br":
            parts.append("\n" if child.get(W + "type", "textWrapping") == "textWrapping" else "")
        elif tag == TEXT_BOX:
            boxes.append(child)
        elif tag == FIELD_CHAR:
            parts.append(_dropdown_choice(child))
        elif tag == SDT and _placeholder(child):
            continue  # "Click or tap here to enter text.": a control nobody filled
        elif tag == RUN and _unseen(child, styles, paragraph_style):
            continue  # hidden, white on white or too small: Word shows nothing a person reads
        elif tag not in (P, TBL):
            stack.append(iter(child))
    return "".join(parts)


def _unseen(run: Any, styles: Styles, paragraph_style: str | None) -> bool:
    """Whether Word shows a run's text to nobody: hidden text (``w:vanish``, not switched off),
    a font of 1 point or less, or white text with nothing behind it but the page (no shading of
    the run, its paragraph, cell or table, no table style, a white page); set on the run or by
    its styles."""
    hidden, size, colour = styles.of(run, paragraph_style)
    if hidden:
        return True
    if size is not None and size <= MIN_HALF_POINTS:
        return True
    return colour is not None and whitish(colour) and not _shaded(run)


MIN_HALF_POINTS = 2  # w:sz counts half points: 1 point or less is a line, not letters
_TABLE_STYLES_PLAIN = {"TableGrid", "TableNormal", "Tabellenraster", "NormalTable"}  # lines, no fill


def whitish(value: str | None) -> bool:
    """Whether a hex colour ("FFFFFF", "#fefefe") is white or next to it; "auto", a theme name
    or anything malformed is not. The OpenDocument reader asks it too."""
    text = (value or "").strip().lstrip("#")
    if len(text) != 6 or any(c not in "0123456789abcdefABCDEF" for c in text):
        return False
    return sum(255 - int(text[i : i + 2], 16) for i in (0, 2, 4)) < 24


def _shaded(run: Any) -> bool:
    """Whether something other than a white page lies behind ``run``: a shading or highlight of
    the run, a shading of its paragraph, cell or table, a table style (which may fill the
    cells), or a page colour."""
    properties = run.find(W + "rPr")
    if _fill(properties) or _highlight(properties):
        return True
    for above in run.iterancestors():
        tag = above.tag
        if tag == P and _fill(above.find(W + "pPr")):
            return True
        if tag == TC and _fill(above.find(W + "tcPr")):
            return True
        if tag == TBL:
            table = above.find(W + "tblPr")
            style = table.find(W + "tblStyle") if table is not None else None
            if _fill(table) or (style is not None and style.get(VAL) not in _TABLE_STYLES_PLAIN):
                return True
        if tag == TR and _fill(above.find(W + "trPr")):
            return True
    page = run.getroottree().getroot().find(W + "background")
    return page is not None and not whitish(page.get(W + "color") or "FFFFFF")


def _fill(properties: Any) -> bool:
    shading = properties.find(W + "shd") if properties is not None else None
    if shading is None:
        return False
    fill = (shading.get(W + "fill") or "auto").strip()
    pattern = (shading.get(VAL) or "clear").strip()
    return not (fill.lower() == "auto" or whitish(fill)) or pattern not in ("clear", "nil")


def _highlight(properties: Any) -> bool:
    mark = properties.find(W + "highlight") if properties is not None else None
    return mark is not None and (mark.get(VAL) or "none") not in ("none", "white")


def _placeholder(sdt: Any) -> bool:
    """Whether a content control shows its placeholder text (``w:showingPlcHdr``), not a value."""
    properties = sdt.find(W + "sdtPr")
    return properties is not None and properties.find(W + "showingPlcHdr") is not None


def _dropdown_choice(field_char: Any) -> str:
    """A legacy drop-down form field (FORMDROPDOWN) shows no text of its own: its choice is the
    entry its data names (``w:result``, the first when none). Other field characters: nothing."""
    data = field_char.find(W + "ffData")
    listing = data.find(W + "ddList") if data is not None else None
    if listing is None:
        return ""
    entries = [entry.get(VAL, "") for entry in listing.findall(W + "listEntry")]
    result = listing.find(W + "result")
    chosen = result.get(VAL, "0") if result is not None else "0"
    index = int(chosen) if chosen.isdigit() and len(chosen) < 4 else 0
    return entries[index] if index < len(entries) else ""


def _children(parent: Any, tags: tuple[str, ...]) -> list[Any]:
    """The ``tags`` children of ``parent``, looking through content controls, custom XML and
    tracked insertions that wrap them; a deleted or moved-away one is not there."""
    found: list[Any] = []
    stack = [iter(parent)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in tags:
            found.append(child)
        elif child.tag == SDT:
            if _placeholder(child):
                continue  # a block of placeholder text: nobody filled the control
            content = child.find(SDT_CONTENT)
            if content is not None and len(stack) < MAX_DEPTH:
                stack.append(iter(content))
        elif child.tag in _WRAPPERS and len(stack) < MAX_DEPTH:
            stack.append(iter(child))
    return found


def _number(properties: Any, name: str, default: int) -> int:
    """A ``w:val`` count in a row's or cell's properties (``gridSpan``, ``gridBefore``)."""
    element = properties.find(W + name) if properties is not None else None
    value = element.get(VAL, "") if element is not None else ""
    return min(int(value), 64) if value.isdigit() and len(value) < 6 else default
