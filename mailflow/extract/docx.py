"""Word .docx → ``Document`` with python-docx: paragraphs as text lines, tables as grids.

Contract
    ``read(data, name, vocab)`` never raises for a bad file (the document comes back
    ``unreadable`` with a warning). A horizontally merged cell is returned by python-docx once
    per grid column it spans; it is kept once (the first column) so a header cell does not
    name two columns. Paragraphs inside table cells stay in their cell (joined by a space).
    The text is read as it stands with tracked changes accepted, text boxes and content
    controls included, a nested table as a table of its own (``wordbody``).
"""

from __future__ import annotations

import io

from . import ocr, wordbody
from .document import Document, Grid, split_text_line
from .vocabulary import Vocabulary


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the Word file ({type(exc).__name__}: {exc})")
        return doc
    for where, header in _page_headers(word, name):
        _add(doc, header, where)
    body = wordbody.read(word.element.body)  # tracked changes accepted, text boxes, nested tables
    _add(doc, body, name)
    if not doc.all_text().strip():
        return _scanned(word, name, vocab, doc)
    return doc


HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
MAX_HEADERS = 6  # a first-page, an even and a default header per section; more is not an order


def _page_headers(word, name: str) -> list[tuple[str, wordbody.Body]]:
    """The page headers' text (order templates put the PO number and dates there, repeated on
    every page), each header once however many sections or pages repeat it. Footers are not
    read: they hold page numbers, bank details and registrations, not the order."""
    out: list[tuple[str, wordbody.Body]] = []
    seen: set[tuple] = set()
    parts = [rel.target_part for rel in word.part.rels.values() if rel.reltype == HEADER and not rel.is_external]
    for part in parts[:MAX_HEADERS]:
        element = getattr(part, "element", None)
        if element is None:
            continue
        header = wordbody.read(element)
        key = (tuple(header.paragraphs), repr(header.tables))
        if key in seen or not (any(p.strip() for p in header.paragraphs) or header.tables):
            continue
        seen.add(key)
        out.append((f"{name} page header" + (f" {len(out) + 1}" if out else ""), header))
    return out


def _add(doc: Document, body: wordbody.Body, where: str) -> None:
    """Paragraphs as text lines, tables as grids, named after where they stand."""
    for index, text in enumerate(body.paragraphs, start=1):
        for part in text.split("\n"):
            if part.strip():
                doc.lines.append(split_text_line(part, f"{where} paragraph {index}"))
    for number, rows in enumerate(body.tables, start=1):
        doc.grids.append(Grid(rows, f"{where} table {number}"))


def _scanned(word, name: str, vocab: Vocabulary, doc: Document) -> Document:
    """A Word file holding only a picture of the order (a screenshot, a scan): the largest
    picture is read by OCR when it is installed."""
    images = [part for part in word.part.package.parts if part.content_type.startswith("image/")]
    if not images:
        return doc
    if not ocr.available():
        return doc  # as without OCR ever: the picture is not read
    largest = max(images, key=lambda part: len(part.blob))
    read = ocr.read_image(largest.blob, f"{name} picture", vocab)
    read.name = name
    return read
