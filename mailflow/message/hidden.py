"""What an HTML mail hides from the person reading it, taken out before anything reads it.

A mail client shows the HTML part; a forged order can put one PO number, amount or date where
the reader sees it and another where only a program reads it. Every reader of HTML (the body
text, the HTML tables) first calls ``drop_hidden(soup)``, which removes what a browser would
not show and returns the text it held, so that the text read is the text the buyer sees, and a
hidden number can be said in a Review row (``hidden_note``).

Hidden here means, on the element or (for colours) inherited from above:

* the ``hidden`` attribute; elements that are never rendered (script, style, head, title,
  template, noscript, svg, object, iframe);
* CSS in its ``style`` attribute or in a ``<style>`` rule whose selector matches it (rules
  inside ``@media`` and other at-rules are left out: they apply to some screens only):
  ``display:none``, ``visibility:hidden|collapse``, ``opacity:0``, ``font-size:0``,
  ``mso-hide:all``, a zero ``width``/``height``/``max-height`` with ``overflow:hidden``,
  ``clip``/``clip-path`` to nothing, ``transform:scale(0)``, ``text-indent`` or an absolute
  position far off the page (100 px or more to the left or top);
* text coloured like its background (``color`` / ``<font color>`` against the nearest
  ``background``/``bgcolor`` above it, white when none), or transparent.

The walk is iterative over the document (hostile mail nests tags thousands deep); the style
sheet is read up to ``MAX_RULES`` rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..cleantext import visible

NEVER_SHOWN = ("script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe")
MAX_RULES = 300  # style sheet rules applied; a mail's own are a few dozen
MAX_VISITS = 600_000  # elements walked to apply them: a second or so
MAX_NOTE = 120  # characters of hidden text quoted in the Review row
OFF_PAGE_PX = 100
HIDDEN_NOTE = "the mail's HTML hides text from its reader"

_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_AT_BLOCK = re.compile(r"@[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}|@[^{};]*;")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_ZERO = re.compile(r"^[-+]?0*(?:\.0*)?(?:px|pt|em|rem|%|ex|ch|vw|vh|mm|cm|in|pc)?$")
_LENGTH = re.compile(r"^([-+]?\d*\.?\d+)(px|pt|em|rem|%|cm|mm|in)?$")
_HEX = re.compile(r"^#([0-9a-f]{3,8})$")
_RGB = re.compile(r"^rgba?\(\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$")
_NAMED = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "red": (255, 0, 0),
    "green": (0, 128, 0),
    "blue": (0, 0, 255),
    "yellow": (255, 255, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "silver": (192, 192, 192),
    "whitesmoke": (245, 245, 245),
    "snow": (255, 250, 250),
    "ivory": (255, 255, 240),
    "ghostwhite": (248, 248, 255),
    "navy": (0, 0, 128),
}
TRANSPARENT = "transparent"
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
SAME_COLOUR = 24  # sum of channel differences under which text does not stand out from its ground

Colour = tuple[int, int, int]


@dataclass
class Hidden:
    """What ``drop_hidden`` took out: the hidden texts in order, and the style sheet rules it
    could not apply (over ``MAX_RULES``: what they hide may still be read)."""

    texts: list[str] = field(default_factory=list)
    rules_unread: int = 0


def drop_hidden(soup: BeautifulSoup, tick: Callable[[], None] | None = None) -> Hidden:
    """Remove from ``soup`` every element a reader does not see; says what it removed.
    ``tick`` is called now and then (the caller's deadline)."""
    found = Hidden()
    sheet = _sheet_declarations(soup, found, tick)
    for tag in soup.find_all(NEVER_SHOWN):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    drop: list[Tag] = []
    gone: set[int] = set()  # elements dropped or inside one dropped
    colours: dict[int, tuple[Colour | str, Colour | None]] = {}  # element → (text colour, background)
    for tag in soup.find_all(True):
        parent = tag.parent
        if parent is not None and id(parent) in gone:
            gone.add(id(tag))
            continue
        style = {**sheet.get(id(tag), {}), **_declarations(tag.get("style"))}
        above = colours.get(id(parent)) if parent is not None else None
        colour, ground = above or (BLACK, WHITE)
        if "url(" in style.get("background", "") or style.get("background-image") or tag.get("background"):
            ground = None  # text over a picture: its colour says nothing
        else:
            own = _colour(style.get("background-color") or _background(style.get("background")) or tag.get("bgcolor"))
            ground = own if isinstance(own, tuple) else ground
        own_colour = _colour(style.get("color") or (tag.get("color") if tag.name == "font" else None))
        if own_colour is not None:
            colour = own_colour
        colours[id(tag)] = (colour, ground)
        if (
            tag.name in NEVER_SHOWN
            or tag.has_attr("hidden")
            or _hides(style)
            or (_has_own_text(tag) and _invisible(colour, ground))
        ):
            drop.append(tag)
            gone.add(id(tag))
    for tag in drop:
        text = " ".join(tag.get_text(" ").split())
        if text and tag.name not in NEVER_SHOWN:
            found.texts.append(text)
        tag.decompose()
    return found


def hidden_note(hidden: Hidden) -> str | None:
    """The Review row's words for hidden text that holds a digit (a number the reader does not
    see: a PO number, an amount, a date), or for a style sheet too long to apply; None when
    nothing hidden matters."""
    if hidden.rules_unread:
        return (
            f"{HIDDEN_NOTE} perhaps: its style sheet has more than {MAX_RULES} rules and the rest were not"
            " applied — check the order against the mail as shown"
        )
    numbers = [text for text in hidden.texts if any(c.isdigit() for c in text)]
    if not numbers:
        return None
    quoted = visible(" … ".join(numbers))  # the mail's text: no invisible mark of it reorders the row
    if len(quoted) > MAX_NOTE:
        quoted = quoted[: MAX_NOTE - 1] + "…"
    return (
        f"{HIDDEN_NOTE} (invisible in a mail client) and it holds numbers: “{quoted}”; only the visible"
        " text was read — check the order against the mail as shown"
    )


ALTERNATIVE_NOTE = "the mail's plain text says numbers its HTML (what a mail client shows) does not"
_NUMBER = re.compile(r"\d(?:[,.](?=\d)|\d)*")
_NOT_TEXT = re.compile(r"<[^<>\s]+>|\b[\w.+-]+@[\w.-]+|\b\w+://\S+|\bwww\.\S+")


def unseen_numbers(plain: str, shown: str) -> list[str]:
    """The numbers (of two digits or more) the plain-text version of a mail holds and its HTML
    version does not show, as written, in order: the text is what is read, the HTML what the
    buyer and staff see. Links and addresses, which a client writes out only in the text, are
    left out. Empty when every number of the text is shown."""
    seen = {_digits(x) for x in _numbers(shown)}
    return [n for n in dict.fromkeys(_numbers(plain)) if _digits(n) not in seen]


def unseen_note(numbers: Iterable[str]) -> str:
    """The Review row's words for ``numbers`` (from ``unseen_numbers``)."""
    quoted = ", ".join(numbers)
    if len(quoted) > MAX_NOTE:
        quoted = quoted[: MAX_NOTE - 1] + "…"
    return f"{ALTERNATIVE_NOTE}: {quoted} — check the order against the mail as shown"


def _numbers(text: str) -> list[str]:
    return [n for n in _NUMBER.findall(_NOT_TEXT.sub(" ", text or "")) if len(_digits(n)) >= 2]


def _digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def _has_own_text(tag: Tag) -> bool:
    return any(isinstance(child, NavigableString) and child.strip() for child in tag.children)


def _sheet_declarations(
    soup: BeautifulSoup, found: Hidden, tick: Callable[[], None] | None
) -> dict[int, dict[str, str]]:
    """Declarations of the mail's ``<style>`` rules that can hide text, by element (later rules
    win). Rules past ``MAX_RULES``, or past ``MAX_VISITS`` of walking the document, are counted
    in ``found.rules_unread``."""
    out: dict[int, dict[str, str]] = {}
    styles = soup.find_all("style")
    if not styles:
        return out
    index = _Index(soup)
    rules = 0
    for style in styles:
        css = _AT_BLOCK.sub("", _CSS_COMMENT.sub("", style.get_text()))
        for match in _RULE.finditer(css):
            wanted = {k: v for k, v in _declarations(match.group(2)).items() if k in _READ}
            if not (_hides(wanted) or any(k in wanted for k in _COLOURS)):
                continue
            rules += 1
            if rules > MAX_RULES or index.visits > MAX_VISITS:
                found.rules_unread += 1
                continue
            if tick is not None:
                tick()
            for selector in match.group(1).split(","):
                for element in index.select(selector.strip()):
                    out.setdefault(id(element), {}).update(wanted)
    return out


class _Index:
    """The elements of a document by tag, class and id, to apply a style sheet's selectors:
    ``tag``, ``.class``, ``#id`` and compounds of them (``td.note``) are looked up; a chain of
    them (``.footer td``) is one walk over the document; anything else goes to soupsieve.
    ``visits`` counts the elements walked."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.elements = soup.find_all(True)
        self.by_name: dict[str, list[Tag]] = {}
        self.by_class: dict[str, list[Tag]] = {}
        self.by_id: dict[str, list[Tag]] = {}
        for element in self.elements:
            self.by_name.setdefault(element.name, []).append(element)
            for name in _classes(element):
                self.by_class.setdefault(name, []).append(element)
            ident = element.get("id")
            if isinstance(ident, str):
                self.by_id.setdefault(ident, []).append(element)
        self.visits = len(self.elements)

    def select(self, selector: str) -> list[Tag]:
        if not selector:
            return []
        chain = [_compound(part) for part in selector.split()]
        if all(c is not None for c in chain):
            compounds = [c for c in chain if c is not None]
            if not all(self._any(c) for c in compounds):  # a part no element matches: nothing does
                return []
            if len(compounds) == 1:
                return [e for e in self._candidates(compounds[0]) if _matches(e, compounds[0])]
            return self._descendants(compounds)
        self.visits += 5 * len(self.elements)  # soupsieve walks them all, more slowly
        try:
            return list(self.soup.select(selector))
        except Exception:  # a selector soupsieve does not know (pseudo-elements, junk)
            return []

    def _any(self, compound: _Compound) -> bool:
        candidates = self._candidates(compound)
        for number, element in enumerate(candidates, start=1):
            if _matches(element, compound):
                self.visits += number
                return True
        self.visits += len(candidates)
        return False

    def _candidates(self, compound: _Compound) -> list[Tag]:
        name, classes, ident = compound
        if ident is not None:
            return self.by_id.get(ident, [])
        if classes:
            return self.by_class.get(next(iter(classes)), [])
        if name is not None:
            return self.by_name.get(name, [])
        return self.elements

    def _descendants(self, chain: list[_Compound]) -> list[Tag]:
        """Elements matching the last compound below elements matching the others, in order: the
        longest prefix of the chain met above each element is carried down the document."""
        self.visits += len(self.elements)
        last = len(chain) - 1
        met: dict[int, int] = {}
        out = []
        for element in self.elements:
            above = met.get(id(element.parent), 0)
            if above == last and _matches(element, chain[last]):
                out.append(element)
            met[id(element)] = above + 1 if above < last and _matches(element, chain[above]) else above
        return out


_Compound = tuple[str | None, frozenset[str], str | None]
_COMPOUND = re.compile(r"([a-z][a-z0-9]*|\*)?((?:[.#][A-Za-z0-9_-]+)*)")
_COLOURS = ("color", "background", "background-color")


def _compound(text: str) -> _Compound | None:
    match = _COMPOUND.fullmatch(text.lower() if not re.search(r"[.#]", text) else text)
    if not match or not text:
        return None
    name = match.group(1)
    parts = re.findall(r"[.#][A-Za-z0-9_-]+", match.group(2))
    ids = [p[1:] for p in parts if p[0] == "#"]
    if len(ids) > 1:
        return None
    return (
        None if name in (None, "*") else name.lower(),
        frozenset(p[1:] for p in parts if p[0] == "."),
        ids[0] if ids else None,
    )


def _classes(element: Tag) -> list[str]:
    value = element.get("class")
    if isinstance(value, str):
        return value.split()
    return list(value or ())


def _matches(element: Tag, compound: _Compound) -> bool:
    name, classes, ident = compound
    if name is not None and element.name != name:
        return False
    if ident is not None and element.get("id") != ident:
        return False
    return not classes or classes <= set(_classes(element))


_READ = {
    "display",
    "visibility",
    "opacity",
    "font-size",
    "mso-hide",
    "width",
    "height",
    "max-height",
    "max-width",
    "overflow",
    "clip",
    "clip-path",
    "transform",
    "text-indent",
    "position",
    "left",
    "top",
    "color",
    "background",
    "background-color",
}


def _declarations(style: object) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(style, str):
        return out
    for part in style.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            value = value.replace("!important", "").strip().lower()
            out[name.strip().lower()] = value
    return out


def _hides(style: dict[str, str]) -> bool:
    get = style.get
    if get("display") == "none" or get("visibility") in ("hidden", "collapse") or get("mso-hide") == "all":
        return True
    if _is_zero(get("opacity")) or _is_zero(get("font-size")):
        return True
    if get("overflow") == "hidden" and any(_is_zero(get(k)) for k in ("width", "height", "max-height", "max-width")):
        return True
    clip = get("clip") or ""
    if clip.startswith("rect(") and all(_is_zero(v) for v in re.split(r"[\s,]+", clip[5:].rstrip(")").strip())):
        return True
    if re.fullmatch(r"inset\(\s*(?:50|100)%\s*\)|circle\(\s*0\S*\s*\)", get("clip-path") or ""):
        return True
    if re.search(r"scale[xy]?\(\s*0(?:\.0*)?\s*[,)]", get("transform") or ""):
        return True
    if _far_off(get("text-indent")):
        return True
    return get("position") in ("absolute", "fixed") and (_far_off(get("left")) or _far_off(get("top")))


def _is_zero(value: str | None) -> bool:
    return value is not None and _ZERO.match(value.strip()) is not None


def _far_off(value: str | None) -> bool:
    match = _LENGTH.match((value or "").strip())
    if not match:
        return False
    number = float(match.group(1))
    unit = match.group(2) or "px"
    px = number * {"em": 16, "rem": 16, "pt": 4 / 3, "cm": 38, "mm": 3.8, "in": 96}.get(unit, 1)
    return px <= -OFF_PAGE_PX if unit != "%" else number <= -100


def _background(value: str | None) -> str | None:
    """The colour in a ``background`` shorthand (``#fff url(x) no-repeat``), if it names one."""
    for word in (value or "").split():
        if _colour(word) is not None:
            return word
    return None


def _colour(value: object) -> Colour | str | None:
    """``#fff``, ``#ffffff``, ``rgb(…)``, a few names → (r, g, b); ``"transparent"`` for a colour
    that shows nothing; None for what is not read (a colour we cannot tell is never hidden)."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower()
    if value == TRANSPARENT:
        return TRANSPARENT
    if value in _NAMED:
        return _NAMED[value]
    hexa = _HEX.match(value)
    if hexa:
        digits = hexa.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        if len(digits) not in (6, 8):
            return None
        if len(digits) == 8 and int(digits[6:], 16) == 0:
            return TRANSPARENT
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    rgb = _RGB.match(value)
    if rgb:
        channels = [_channel(v) for v in rgb.groups()[:3]]
        alpha = rgb.group(4)
        if alpha is not None and float(alpha.rstrip("%") or 1) == 0:
            return TRANSPARENT
        return (channels[0], channels[1], channels[2])
    return None


def _channel(value: str) -> int:
    if value.endswith("%"):
        return round(float(value[:-1]) * 2.55)
    return min(255, round(float(value)))


def _invisible(colour: Colour | str, ground: Colour | None) -> bool:
    if colour == TRANSPARENT:
        return True
    if isinstance(colour, str) or ground is None:
        return False
    return sum(abs(a - b) for a, b in zip(colour, ground)) < SAME_COLOUR
