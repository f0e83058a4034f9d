"""HTML mail bodies as plain text a person and the body extractor can both read.

Tables matter most: a PO pasted into Outlook arrives as an HTML table, so each ``<tr>`` becomes
one line and its cells are joined with ``" | "`` (empty cells kept, so columns stay aligned
with the header row). Blocks (p, div, li, headings, br) become line breaks; script, style and
head are dropped, and so is what the HTML hides from its reader (``hidden.py``); runs of
blank lines collapse. Also ``cid_references``: the Content-IDs the
HTML shows inline (``<img src="cid:...">``), so those parts are marked inline, not taken as POs.

The walk over the parsed tree is iterative (``descendants``), never recursive: hostile mail
nests tags thousands deep. BeautifulSoup with the stdlib ``html.parser`` backend copes with
broken markup and needs no compiled dependency.
"""

from __future__ import annotations

import re
import warnings
from typing import Callable
from urllib.parse import unquote

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4 import XMLParsedAsHTMLWarning

from .hidden import Hidden, drop_hidden

CELL_SEPARATOR = " | "
_CELL = "\x1f"  # marks a cell boundary during the walk; cells are trimmed, then joined
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "blockquote",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "address",
    "caption",
    "thead",
    "tbody",
    "tfoot",
}
_CID = re.compile(r"^\s*cid:(.+?)\s*$", re.I)


def soup_of(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # Mail HTML is often XHTML or Office XML-ish; html.parser is what we want regardless.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", UserWarning)
        return BeautifulSoup(html, "html.parser")


def html_to_text(html: str) -> str:
    """Readable text of ``html``: one table row per line, cells joined by ``CELL_SEPARATOR``."""
    return soup_to_text(soup_of(html))


def soup_to_text(soup: BeautifulSoup) -> str:
    """Text of ``soup`` as its reader sees it (``soup`` loses what is hidden on the way)."""
    return visible_text(soup)[0]


def visible_text(soup: BeautifulSoup, tick: Callable[[], None] | None = None) -> tuple[str, Hidden]:
    """Text of ``soup`` as its reader sees it, and what was hidden (``hidden.drop_hidden``,
    ``tick`` called now and then); ``soup`` loses the hidden elements."""
    hidden = drop_hidden(soup, tick)
    # Checking ancestors costs the nesting depth per string: only pay it when there is a <pre>.
    has_pre = soup.find("pre") is not None
    out: list[str] = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            name = node.name.lower()
            if name in ("td", "th"):
                if _previous_cell(node) is not None:
                    out.append(_CELL)
            elif name in _BLOCKS:
                out.append("\n")
            continue
        if not isinstance(node, NavigableString) or isinstance(node, Comment):
            continue
        if type(node) is not NavigableString:  # Doctype, CData, ProcessingInstruction…
            continue
        text = str(node)
        if has_pre and any(parent.name == "pre" for parent in node.parents):
            out.append(text)
        else:
            out.append(re.sub(r"\s+", " ", text.replace("\xa0", " ")))
    return _tidy("".join(out)), hidden


def _previous_cell(cell: Tag) -> Tag | None:
    for sibling in cell.previous_siblings:
        if isinstance(sibling, Tag) and sibling.name in ("td", "th"):
            return sibling
    return None


def _tidy(text: str) -> str:
    lines = []
    for line in text.replace(_CELL + "\n", _CELL).splitlines():
        cells = [re.sub(r"[ \t]{2,}", " ", cell).strip() for cell in line.split(_CELL)]
        lines.append(CELL_SEPARATOR.join(cells))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def cid_references(soup: BeautifulSoup) -> set[str]:
    """Content-IDs (without ``<>``) that the HTML displays: ``src``/``background`` = ``cid:``."""
    found: set[str] = set()
    for tag in soup.find_all(True):
        for attribute in ("src", "background", "href"):
            value = tag.get(attribute)
            if isinstance(value, str):
                match = _CID.match(value)
                if match:
                    found.add(unquote(match.group(1)).strip("<>"))
    return found
