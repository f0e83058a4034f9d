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
    body = wordbody.read(word.element.body)  # tracked changes accepted, text boxes, nested tables
    for index, text in enumerate(body.paragraphs, start=1):
        for part in text.split("\n"):
            if part.strip():
                doc.lines.append(split_text_line(part, f"{name} paragraph {index}"))
    for number, rows in enumerate(body.tables, start=1):
        doc.grids.append(Grid(rows, f"{name} table {number}"))
    if not doc.all_text().strip():
        return _scanned(word, name, vocab, doc)
    return doc


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
