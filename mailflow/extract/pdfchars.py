"""pdfplumber's characters, made without its generic walk over every attribute.

pdfplumber turns each object pdfminer laid out into a dict (``Page.process_object``): for every
attribute of every character it calls a recursive resolver, for the colour space's name a
decoder, and a regular expression for the object's kind. A purchase order has a few thousand
characters a page, and that walk was about a tenth of what reading a PDF order costs.

``install()`` (once pdfplumber is imported, before a page is read) replaces that method with one
that makes a character's dict directly and gives every other object to pdfplumber's own: the
same keys, in the same order, with the same values (``tests/test_pdfchars.py`` compares the two
on every character of the test corpus's hand-made PDFs and of every fifth generated one). A
value that is not a plain number, text or tuple of them (an object reference, a PDF name) still
goes through pdfplumber's resolver. It replaces only the method of the pdfplumber version it was
written against (``VERIFIED``): with another, pdfplumber keeps its own and the reading is as
correct, only slower.
"""

from __future__ import annotations

from typing import Any
from unicodedata import normalize as normalize_unicode

VERIFIED = ("0.11.",)  # the pdfplumber versions whose ``process_object`` this one repeats
MAX_NAMES = 256  # colour-space names kept decoded (a page uses two or three)
MAX_NAME_LENGTH = 64  # longer ones (a hostile file's) are decoded each time, never kept

_PLAIN = frozenset((float, int, str, bool, type(None)))
_names: dict[str, Any] = {}


class _Library:
    """What the fast path takes from pdfplumber and pdfminer (imported with the first PDF)."""

    def __init__(self) -> None:
        import pdfplumber
        from pdfminer.layout import LTChar
        from pdfplumber import page
        from pdfplumber.utils import resolve_all, resolve_and_decode

        self.version: str = pdfplumber.__version__
        self.page = page
        self.own = page.Page.process_object  # pdfplumber's, for every object but a character
        self.char = LTChar
        self.attrs = page.ALL_ATTRS
        self.resolve_all = resolve_all
        self.resolve_and_decode = resolve_and_decode


_lib: _Library | None = None


def install() -> bool:
    """Use the fast character path from now on (in this process); False when this pdfplumber
    is not one it was verified against (pdfplumber's own path is kept)."""
    global _lib
    if _lib is None:
        _lib = _Library()
    if _lib.page.Page.process_object is process_object:
        return True
    if not _lib.version.startswith(VERIFIED):
        return False
    _lib.page.Page.process_object = process_object
    return True


def pdfplumbers_own(page: Any, obj: Any) -> dict[str, Any]:
    """What pdfplumber itself makes of ``obj`` (after ``install``)."""
    assert _lib is not None, "install() first"
    return _lib.own(page, obj)


def process_object(self: Any, obj: Any) -> dict[str, Any]:
    """``Page.process_object``: a character made here, anything else by pdfplumber."""
    lib = _lib
    assert lib is not None
    if type(obj) is not lib.char:
        return lib.own(self, obj)
    attr: dict[str, Any] = {}
    for key, value in obj.__dict__.items():
        if key in lib.attrs:
            kind = type(value)
            if kind in _PLAIN or (kind is tuple and all(type(item) in _PLAIN for item in value)):
                attr[key] = value  # what the resolver gives back for these: the same values
            else:
                attr[key] = lib.resolve_all(value)
    attr["object_type"] = "char"
    attr["page_number"] = self.page_number
    for space in ("ncs", "scs"):
        if hasattr(obj, space):
            attr[space] = _decoded(getattr(obj, space).name, lib)
    text = obj.get_text()
    norm = self.pdf.unicode_norm
    attr["text"] = normalize_unicode(norm, text) if norm is not None else text
    state = obj.graphicstate
    attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
    attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
    if isinstance(attr["fontname"], bytes):
        attr["fontname"] = lib.page.fix_fontname_bytes(attr["fontname"])
    x0, top = self.mediabox[:2]  # pdfminer's coordinates are the media box's
    attr["top"] = (self.height - attr["y1"]) + top
    attr["bottom"] = (self.height - attr["y0"]) + top
    attr["doctop"] = self.initial_doctop + attr["top"]
    if x0 != 0:
        attr["x0"] = attr["x0"] + x0
        attr["x1"] = attr["x1"] + x0
    return attr


def _decoded(name: Any, lib: _Library) -> Any:
    if type(name) is not str or len(name) > MAX_NAME_LENGTH:
        return lib.resolve_and_decode(name)
    found = _names.get(name)
    if found is None:
        found = lib.resolve_and_decode(name)
        if len(_names) < MAX_NAMES:
            _names[name] = found
    return found
