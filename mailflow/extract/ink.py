"""Text a PDF page holds where nobody sees it, left out before the page is read.

A forged order can print one PO number, price or quantity where the buyer sees it and another
where only a program reads it: in white on the white page, in a font too small to see, or off
the edge of the page. A person reading the PDF sees none of those, so the reader does not read
them either:

* characters drawn outside the page's box (the crop box a viewer shows, within the media box,
  taken as the PDF writes them: pdfplumber's own page box is wrong for a box written upside
  down, ``[0 0 612 -792]``);
* characters smaller than ``MIN_SIZE`` points;
* white characters (``WHITE`` or more of every channel; for CMYK, no ink) with no filled shape
  or picture under them that is not white itself: white headings on a dark table header are
  read, white text on the page is not;
* characters a white filled shape drawn after them covers (their middle inside it): the page
  shows the shape, not the text under it (``_drawn_over``; the order of drawing is the content
  stream's, as pdfminer lays it out).

    shown(page) -> page      the page itself when all its text shows, else a pdfplumber
                             ``FilteredPage`` without the unseen characters

Text set in an invisible render mode (``3 Tr``, ``7 Tr``) is read where a picture lies under it:
that is how a scanner's OCR layer lies under the scan it transcribes. Elsewhere it shows nothing
and is not read (``_drawn_over``; pdfplumber does not keep the render mode, so ``_hook`` marks
such characters as pdfminer lays them out, once ``prepare`` ran). Bounded: the white check looks at the first ``MAX_GROUNDS`` filled shapes
and pictures (a page with more is taken as showing its white text).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

MIN_SIZE = 1.5  # points: smaller is a line, not letters (small print is 5 to 6)
WHITE = 0.95  # of each colour channel (1 is full)
MAX_GROUNDS = 2000  # filled shapes and pictures looked at under white text
BAND = 50.0  # points: the height of the strips the shapes are sorted into


def shown(page: Any) -> Any:
    """``page`` without the characters nobody sees (see above)."""
    chars = page.chars
    if not chars:
        return page
    box = _page_box(page)
    unseen = {id(c) for c in chars if _size(c) < MIN_SIZE or (box is not None and _outside(c, box))}
    white = [c for c in chars if id(c) not in unseen and _whitish(c.get("non_stroking_color"), c.get("ncs"))]
    if white:
        unseen.update(id(c) for c in _on_white(page, white))
    unseen.update(id(c) for c in _drawn_over(page, chars))
    if not unseen:
        return page
    return page.filter(lambda obj: id(obj) not in unseen)


def _page_box(page: Any) -> tuple[float, float, float, float] | None:
    """The part of the page a viewer shows, in the coordinates of pdfminer's characters (the
    PDF's own, less the media box's first corner); None when the PDF's boxes say nothing usable."""
    try:
        media = [float(v) for v in page.page_obj.mediabox]
        crop = [float(v) for v in (page.page_obj.cropbox or media)]
    except (AttributeError, TypeError, ValueError):
        return None
    if len(media) != 4 or len(crop) != 4:
        return None
    ox, oy = media[0], media[1]

    def normal(b: list[float]) -> tuple[float, float, float, float]:
        return min(b[0], b[2]) - ox, min(b[1], b[3]) - oy, max(b[0], b[2]) - ox, max(b[1], b[3]) - oy

    m, c = normal(media), normal(crop)
    box = max(m[0], c[0]), max(m[1], c[1]), min(m[2], c[2]), min(m[3], c[3])
    return box if box[2] - box[0] > 1 and box[3] - box[1] > 1 else None


def _outside(char: dict, box: tuple[float, float, float, float]) -> bool:
    try:
        x0, y0, x1, y1 = float(char["x0"]), float(char["y0"]), float(char["x1"]), float(char["y1"])
    except (KeyError, TypeError, ValueError):
        return False
    return x1 <= box[0] or x0 >= box[2] or y1 <= box[1] or y0 >= box[3]


def _on_white(page: Any, white: list[dict]) -> list[dict]:
    """Those of the white characters with nothing but white under their middle."""
    grounds = [
        shape
        for shape in (*page.rects, *page.curves)
        if shape.get("fill") and not _whitish(shape.get("non_stroking_color"), None)
    ]
    grounds += list(page.images)
    if len(grounds) > MAX_GROUNDS:
        return []  # too many shapes to tell: the white text is read
    bands: dict[int, list[dict]] = {}
    for ground in grounds:
        for band in range(int(ground["top"] // BAND), int(ground["bottom"] // BAND) + 1):
            bands.setdefault(band, []).append(ground)
    out = []
    for char in white:
        mx, my = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        under = bands.get(int(my // BAND), ())
        if not any(g["x0"] <= mx <= g["x1"] and g["top"] <= my <= g["bottom"] for g in under):
            out.append(char)
    return out


def _drawing_order(page: Any) -> Iterator[Any]:
    """pdfminer's objects of ``page`` in the content stream's order, a form's contents in its
    place (as pdfplumber reads them: its n-th character is the n-th here); none for a page
    pdfminer did not lay out (a cropped or filtered view)."""
    from pdfminer.layout import LTContainer  # the PDF reader's library: loaded with the first PDF

    try:
        layout = page.layout
    except Exception:
        return
    stack = [iter(layout._objs)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTContainer):
            stack.append(iter(obj._objs))
        else:
            yield obj


def _drawn_over(page: Any, chars: list[dict]) -> list[dict]:
    """The characters a white filled shape drawn after them hides (its box holds their middle),
    and those set in an invisible render mode with no picture under their middle (an OCR layer
    over its scan is read; the same text over nothing shows nothing).

    pdfplumber keeps each kind of object in drawing order but not the order between kinds, nor
    the render mode, so the page's layout is walked once (``_drawing_order``); its n-th character
    is pdfplumber's n-th. Nothing is taken when the two do not match; no covering shape past
    ``MAX_GROUNDS`` white shapes, no invisible text past ``MAX_PICTURES`` pictures (read then)."""
    look = any(s.get("fill") and _whitish(s.get("non_stroking_color"), None) for s in (*page.rects, *page.curves))
    if not look and not _HOOKED:
        return []
    from pdfminer.layout import LTChar, LTCurve

    drawn: list[tuple[float, float, float, float]] = []  # each character's box, in drawing order
    covers: list[tuple[int, tuple[float, float, float, float]]] = []  # (characters before it, its box)
    marked: list[int] = []  # the characters ``_hook`` marked invisible
    for obj in _drawing_order(page):
        if isinstance(obj, LTChar):
            if getattr(obj, _MARK, False):
                marked.append(len(drawn))
            drawn.append(obj.bbox)
        elif look and isinstance(obj, LTCurve) and obj.fill and drawn and _whitish(obj.non_stroking_color, None):
            if all(math.isfinite(v) for v in obj.bbox):
                covers.append((len(drawn), obj.bbox))
            if len(covers) > MAX_GROUNDS:
                look, covers = False, []  # too many shapes to tell: the text is read
    if len(drawn) != len(chars):
        return []
    hidden = _covered(drawn, covers) | _invisible(chars, marked, page)
    return [chars[index] for index in sorted(hidden)]


def _covered(drawn: list[tuple[float, float, float, float]], covers: list) -> set[int]:
    """The indexes of the characters (boxes in drawing order) a later cover holds the middle of."""
    if not covers:
        return set()
    bands: dict[int, list[tuple[int, float, float]]] = {}  # strips of the page: (index, middle x, y)
    for index, (cx0, cy0, cx1, cy1) in enumerate(drawn):
        middle_y = (cy0 + cy1) / 2
        bands.setdefault(int(middle_y // BAND), []).append((index, (cx0 + cx1) / 2, middle_y))
    hidden: set[int] = set()
    lowest, highest = min(bands), max(bands)  # a shape drawn a mile off the page costs nothing
    for before, (x0, y0, x1, y1) in covers:
        for band in range(max(lowest, int(y0 // BAND)), min(highest, int(y1 // BAND)) + 1):
            for index, mx, my in bands.get(band, ()):
                if index >= before:
                    break  # drawn after the shape: on top of it
                if x0 <= mx <= x1 and y0 <= my <= y1:
                    hidden.add(index)
    return hidden


INVISIBLE_MODES = (3, 7)  # text render modes that paint nothing (7 also clips)
MAX_PICTURES = 200  # pictures looked at under invisible text (a scan has one a page)
_MARK = "mailflow_invisible"  # the attribute ``_hook`` sets on pdfminer's characters


def _hook() -> bool:
    """Mark the characters pdfminer lays out in an invisible render mode (once per process):
    pdfplumber's layout device is wrapped so that the characters a text-showing operator added
    under ``3 Tr`` or ``7 Tr`` carry ``_MARK``. False when pdfplumber has no such device."""
    try:
        from pdfplumber.page import PDFPageAggregatorWithMarkedContent as Device
    except ImportError:
        return False
    if getattr(Device.render_string, "_marks_invisible", False):
        return True
    plain = Device.render_string

    def render_string(self, textstate, seq, ncs, graphicstate):  # type: ignore[no-untyped-def]
        item = self.cur_item
        before = len(item._objs)
        result = plain(self, textstate, seq, ncs, graphicstate)
        if getattr(textstate, "render", 0) in INVISIBLE_MODES:
            for obj in item._objs[before:]:
                setattr(obj, _MARK, True)
        return result

    render_string._marks_invisible = True  # type: ignore[attr-defined]
    Device.render_string = render_string
    return True


_HOOKED = False  # ``prepare`` wraps pdfplumber's device before the first page is laid out


def prepare() -> None:
    """Call once pdfplumber is imported, before a page is laid out (``pdf.read`` does): from then
    on invisible characters are marked. pdfplumber is not imported before a PDF arrives."""
    global _HOOKED
    if not _HOOKED:
        _HOOKED = _hook()


def _invisible(chars: list[dict], marked: list[int], page: Any) -> set[int]:
    """The indexes among ``marked`` (invisible characters) of those with no picture under them."""
    if not marked:
        return set()
    pictures = list(page.images)
    if len(pictures) > MAX_PICTURES:
        return set()  # too many pictures to tell: the text is read
    out = set()
    for index in marked:
        char = chars[index]
        mx, my = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not any(p["x0"] <= mx <= p["x1"] and p["top"] <= my <= p["bottom"] for p in pictures):
            out.add(index)
    return out


def _size(char: dict) -> float:
    try:
        return float(char.get("size") or 0) or float(char["bottom"] - char["top"])
    except (TypeError, ValueError):
        return MIN_SIZE


def _whitish(colour: Any, space: Any) -> bool:
    """Whether a pdfplumber colour is white: grey or RGB at ``WHITE`` or more, CMYK with no ink.
    A pattern, a named colour or nothing set (black) is not."""
    if not isinstance(colour, (tuple, list)) or not colour:
        return False
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in colour):
        return False
    if len(colour) == 4 or "CMYK" in str(space or ""):
        return all(v <= 1 - WHITE for v in colour)
    if len(colour) in (1, 3):
        return all(v >= WHITE for v in colour)
    return False
