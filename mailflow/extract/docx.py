"""Word .docx → ``Document`` with python-docx: paragraphs as text lines, tables as grids.

Contract
    ``read(data, name, vocab)`` never raises for a bad file (the document comes back
    ``unreadable`` with a warning). A horizontally merged cell is returned by python-docx once
    per grid column it spans; it is kept once (the first column) so a header cell does not
    name two columns. Paragraphs inside table cells stay in their cell (joined by a space).
    The text is read as it stands with tracked changes accepted, text boxes and content
    controls included, a nested table as a table of its own (``wordbody``).
    An order written as a letter ("Please supply 200 pcs of HB-840 (hex bolt) at EUR 4.20 each,
    delivery by 15 January 2027"), with no table of lines, has its sentences read the way a
    mail's are (``body.prose_lines``, ``prose_fields``, ``delivery_phrases``).
"""

from __future__ import annotations

import io

from . import body, ocr, wordbody
from .document import Document, Grid, split_text_line
from .tables import find_header
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
    styles = _styles(word)  # what they hide is not read
    for where, header in _page_parts(word, name, HEADER, "page header", styles):
        _add(doc, header, where, vocab)
    body = wordbody.read(word.element.body, styles)  # tracked changes accepted, text boxes, nested tables
    _add(doc, body, name, vocab)
    for where, footer in _page_parts(word, name, FOOTER, "page footer", styles):
        _add(doc, footer, where, vocab)  # after the body: what the body says comes first
    if not doc.all_text().strip():
        return _scanned(word, name, vocab, doc)
    if not any(find_header(grid.rows, vocab) for grid in doc.grids):
        _sentences(doc, body.paragraphs, name, vocab)
    return doc


def _sentences(doc: Document, paragraphs: list[str], name: str, vocab: Vocabulary) -> None:
    """An order letter: lines, header facts and a delivery day said in its sentences."""
    text = "\n".join(part for paragraph in paragraphs for part in paragraph.split("\n"))
    prose = body.prose_lines(text, vocab, f"{name} sentences")
    if prose is not None:
        doc.grids.append(prose)
        doc.lines.extend(body.prices_currency(prose, name))
    doc.lines.extend(body.prose_fields(text, vocab, name))
    doc.lines.extend(body.delivery_phrases(text, name, None, doc.warnings))


HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
MAX_HEADERS = 6  # a first-page, an even and a default header per section; more is not an order


def _styles(word) -> wordbody.Styles:
    """The document's styles, as far as they decide what shows (none when the part is missing or
    cannot be read: the runs' own properties still count)."""
    try:
        return wordbody.Styles(word.styles.element)
    except Exception:  # a broken styles part: python-docx raises what lxml raised
        return wordbody.Styles.NONE


def _page_parts(
    word, name: str, kind: str, what: str, styles: wordbody.Styles | None = None
) -> list[tuple[str, wordbody.Body]]:
    """The page headers' or footers' text (order templates put the PO number and dates in the
    header, some in the footer, repeated on every page), each once however many sections or
    pages repeat it. Footers are read after the body, so that their page numbers, bank details
    and registrations come last: a field the body states is read from the body."""
    out: list[tuple[str, wordbody.Body]] = []
    seen: set[tuple] = set()
    parts = [rel.target_part for rel in word.part.rels.values() if rel.reltype == kind and not rel.is_external]
    for part in parts[:MAX_HEADERS]:
        element = getattr(part, "element", None)
        if element is None:
            continue
        header = wordbody.read(element, styles)
        key = (tuple(header.paragraphs), repr(header.tables))
        if key in seen or not (any(p.strip() for p in header.paragraphs) or header.tables):
            continue
        seen.add(key)
        out.append((f"{name} {what}" + (f" {len(out) + 1}" if out else ""), header))
    return out


def _add(doc: Document, body: wordbody.Body, where: str, vocab: Vocabulary) -> None:
    """Paragraphs as text lines, tables as grids, named after where they stand."""
    for index, text in enumerate(body.paragraphs, start=1):
        for part in text.split("\n"):
            if part.strip():
                doc.lines.append(split_text_line(part, f"{where} paragraph {index}"))
    for number, rows in enumerate(body.tables, start=1):
        continued = body.continued[number - 1] if number <= len(body.continued) else set()
        doc.grids.append(Grid(one_line_per_merge(rows, continued, vocab), f"{where} table {number}"))


def one_line_per_merge(
    rows: list[list[str | None]], continued: set[tuple[int, int]], vocab: Vocabulary
) -> list[list[str | None]]:
    """A line set over two rows of a lines table, its position, code and numbers in cells
    merged down and its description's second part on the second row: the merged cells are
    the first row's only. Repeated on the second row, they read as a second line of the same
    quantity and amount, a silent double. A row with numbers of its own keeps what a merge
    repeats into it (a delivery date merged over several lines is each line's)."""
    header = find_header(rows, vocab) if continued else None
    if header is None:
        return rows
    at, fields = header
    numbers = {column for column, name in fields.items() if name in _LINE_NUMBERS}
    out = []
    for index, row in enumerate(rows):
        merged = {column for column in range(len(row)) if (index, column) in continued}
        if index > at and merged & numbers:
            row = [None if column in merged else value for column, value in enumerate(row)]
        out.append(row)
    return out


_LINE_NUMBERS = ("quantity", "unit_price", "amount")


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
