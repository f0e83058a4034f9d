"""PDF → ``Document`` with pdfplumber: ruled tables, whitespace-aligned columns, text lines.

Contract
    ``read(data, name, vocab) -> Document``; never raises for a bad file: a corrupt or
    encrypted PDF comes back ``unreadable`` with a warning. A page that is only an image (a
    scan, a fax) is read by OCR when Tesseract is installed (``ocr.py``), in its place among
    the pages: its words go through the same layout reader (a table continued on a scanned
    page keeps the columns of the page before). An image-only document says ``ocr``, so that
    every value is checked by a person; a text document with scanned pages lists them in
    ``ocr_pages``, and every value taken from them is flagged where it is taken. Without
    Tesseract, a scan comes back ``unreadable`` (or its pages a warning), for a person to read.

How a page is read
    1. Ruled tables (``page.find_tables()``, lines strategy) become grids as drawn.
    2. The words outside them are grouped into lines (by their top) and each line into
       segments where the gap between words is wider than a space.
    3. If one of those lines is a lines-table header ("Item  Description  Qty ..."), the lines
       under it form a table by word positions: column boundaries are the widest empty
       vertical stripes between neighbouring header columns (numbers are right-aligned, text
       left-aligned, so the header's own edges are not enough). The table ends at a total row
       or at a vertical gap much larger than the line spacing (the page footer); a page
       without a header continues the previous page's columns (repeated headers or not).
    4. Everything else stays as text lines for the header fields.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from .columns import as_line, boundaries, cells, find_header_line, group_lines, has_total, table_end
from .document import Document, Grid
from .vocabulary import Vocabulary

logging.getLogger("pdfminer").setLevel(logging.ERROR)
log = logging.getLogger("mailflow.extract.pdf")

SCAN_MIN_CHARS = 10  # a page with fewer characters but an image is a scan
MAX_PAGES = 60  # a purchase order is a few pages; a catalogue attached by mistake is not read whole
MAX_OCR_PAGES = 4  # OCR takes seconds a page: a scanned order is short, a scanned manual is not read


@dataclass
class Layout:
    """Column boundaries of a whitespace table, carried to the next page."""

    boundaries: list[float]  # x between column i and i+1
    header: list[str]
    closed: bool = False  # a total row was seen


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many types for broken and encrypted files
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the PDF ({type(exc).__name__}: {exc or 'damaged'})")
        return doc
    texts: list[str] = []
    scanned_pages: list[int] = []
    layout: Layout | None = None
    scans = _Scans(data, name, vocab, doc)
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                doc.warnings.append(f"{name}: {len(pdf.pages)} pages; only the first {MAX_PAGES} were read")
            for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1):
                where = f"{name} p{number}"
                words = page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["size"])
                if sum(len(w["text"]) for w in words) < SCAN_MIN_CHARS:
                    if page.images:
                        scanned_pages.append(number)
                        # a scanned page between text pages is read in its place, so that a
                        # table continued on it keeps the columns of the page before
                        layout = scans.read(number, texts, layout)
                    continue
                texts.append(_page_text(words))
                doc.pages.append((where, words))
                layout = _read_page(page, words, where, vocab, doc, layout)
    except Exception as exc:
        log.warning("%s: reading stopped: %s", name, exc, exc_info=True)
        doc.unreadable = not doc.lines and not doc.grids
        doc.warnings.append(f"{name}: the PDF is damaged and could not be read to the end ({type(exc).__name__})")
    finally:
        scans.close()
    doc.text = "\n".join(texts)
    unread = [n for n in scanned_pages if n not in scans.read_pages]
    if scans.read_pages:
        read = ", ".join(map(str, scans.read_pages))
        if len(texts) == len(scans.read_pages):
            doc.ocr = True  # image only: every value came from OCR
            doc.warnings.append(f"{name}: page(s) {read} are scanned images read by OCR: every value must be checked against the scan")
        else:
            doc.ocr_pages = list(scans.read_pages)  # values from these pages are flagged where taken
    if scanned_pages and not texts:
        doc.unreadable = True
        doc.warnings.append(f"{name}: scanned PDF (only images, no text): it must be read by a person")
    elif unread:
        doc.warnings.append(
            f"{name}: page(s) {', '.join(map(str, unread))} are scanned images; their content was not read"
        )
    return doc


def _page_text(words: list[dict]) -> str:
    """A page's text line by line, with two spaces where the writer left a column gap, so
    that a title set apart ("Delta Components Ltd        INVOICE") stays apart."""
    return "\n".join(as_line(line, "").text for line in group_lines(words))


class _Scans:
    """OCR of a PDF's scanned pages, one at a time as the page loop meets them (Tesseract,
    when installed; at most ``MAX_OCR_PAGES``: a scanned order is short, a scanned manual is
    not read). The PDF is rendered with pypdfium2 only when a first scanned page comes."""

    def __init__(self, data: bytes, name: str, vocab: Vocabulary, doc: Document) -> None:
        self.data, self.name, self.vocab, self.doc = data, name, vocab, doc
        self.read_pages: list[int] = []
        self.tried = 0
        self._pdf: Any = None
        self._broken = False

    def read(self, number: int, texts: list[str], layout: Layout | None) -> Layout | None:
        """OCR page ``number`` into the document; the layout carried on (unchanged if unread)."""
        from . import ocr

        if self._broken or not ocr.available():
            return layout
        self.tried += 1
        if self.tried > MAX_OCR_PAGES:
            if self.tried == MAX_OCR_PAGES + 1:
                self.doc.warnings.append(f"{self.name}: more than {MAX_OCR_PAGES} scanned pages; only the first {MAX_OCR_PAGES} were read by OCR")
            return layout
        if self._pdf is None:
            try:
                import pypdfium2

                self._pdf = pypdfium2.PdfDocument(self.data)
            except Exception as exc:
                self._broken = True
                self.doc.warnings.append(f"{self.name}: the scanned pages could not be rendered for OCR ({type(exc).__name__})")
                return layout
        image = self._pdf[number - 1].render(scale=ocr.OCR_DPI / 72).to_pil()
        words, notes = ocr.words(image, ocr.OCR_DPI)
        if sum(len(w["text"]) for w in words) < SCAN_MIN_CHARS:
            return layout
        self.read_pages.append(number)
        where = f"{self.name} p{number} (OCR)"
        self.doc.ocr_notes.extend(f"{where}: {note}" for note in notes)
        texts.append(_page_text(words))
        self.doc.pages.append((where, words))
        return read_words_page(words, where, self.vocab, self.doc, layout)

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _read_page(page: Any, words: list[dict], where: str, vocab: Vocabulary, doc: Document, layout: Layout | None) -> Layout | None:
    return read_words_page(words, where, vocab, doc, layout, page)


def read_words_page(words: list[dict], where: str, vocab: Vocabulary, doc: Document, layout: Layout | None,
                    page: Any = None) -> Layout | None:
    """One page of positioned words (from the PDF's text, or from OCR) into ``doc``: ruled
    tables when the page draws them, a whitespace table under a lines header, text lines."""
    boxes = []
    for index, table in enumerate(page.find_tables() if page is not None else [], start=1):
        rows = table.extract()
        if rows and _boxed_text(rows):
            continue  # a frame drawn around columns of text: read by word positions instead
        if rows and len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            rows = _split_merged_header(table, rows, words)
            doc.grids.append(Grid([[c for c in row] for row in rows], f"{where} table {index}"))
            boxes.append(table.bbox)
    free = [w for w in words if not any(_inside(w, box) for box in boxes)]
    lines = group_lines(free)
    header_at, header = find_header_line(lines, vocab)  # joins a two-line header into one
    text_lines = [as_line(line, where) for line in lines]
    if header_at is not None:
        stop = table_end(lines, header_at, vocab)
        spans = [(x0, x1) for _, x0, x1 in header]
        layout = Layout(boundaries(lines, header_at, stop, spans, vocab), [t for t, _, _ in header])
        start = header_at
    elif layout is not None and not layout.closed and not boxes:
        start = _first_row(lines, layout)
    else:
        doc.lines.extend(text_lines)
        return layout
    if start is None:
        doc.lines.extend(text_lines)
        return layout
    table_start = start
    end = table_end(lines, start, vocab)
    # The header goes first so the shared table reader sees it (again, on a continued page).
    rows = [layout.header]
    names = [f"line {header_at + 1}" if header_at is not None else "(header of the previous page)"]
    first = start + 1 if header_at is not None else start
    for i in range(first, end):
        rows.append(cells(lines[i], layout.boundaries))
        names.append(f"line {i + 1}")
    doc.grids.append(Grid(rows, f"{where} columns", names))
    doc.lines.extend(text_lines[:table_start])
    doc.lines.extend(text_lines[end:])
    layout.closed = layout.closed or has_total(lines[first:end], vocab)
    return layout


def _split_merged_header(table: Any, rows: list[list[Any]], words: list[dict]) -> list[list[Any]]:
    """A header row drawn as one cell over ruled columns ("# Item No. Description Qty ...")
    is split by the columns of the row below it: each header word goes to the column under it."""
    if len(rows) < 2 or len(table.rows) < 2:
        return rows
    filled = [c for c in rows[0] if c not in (None, "")]
    below = [c for c in rows[1] if c not in (None, "")]
    if len(filled) != 1 or len(below) < 3 or rows[0][0] != filled[0]:
        return rows
    # (x0, top, x1, bottom) per column from the first rows that draw it (None where merged)
    spans: list[Any] = [None] * len(rows[0])
    for r, table_row in enumerate(table.rows[1:4], start=1):
        for i, cell in enumerate(table_row.cells[:len(spans)]):
            if spans[i] is None and cell is not None and r < len(rows) and i < len(rows[r]) and rows[r][i] not in (None, ""):
                spans[i] = cell
    head_box = table.rows[0].bbox
    drawn = [i for i, span in enumerate(spans) if span is not None]
    if len(drawn) < 3:
        return rows
    header: list[list[str]] = [[] for _ in spans]
    for word in sorted(words, key=lambda w: w["x0"]):
        if not _inside(word, head_box):
            continue
        center = (word["x0"] + word["x1"]) / 2
        column = min(drawn, key=lambda i: 0 if spans[i][0] <= center <= spans[i][2]
                     else min(abs(center - spans[i][0]), abs(center - spans[i][2])))
        header[column].append(word["text"])
    return [[" ".join(cell) or None for cell in header], *rows[1:]]


def _boxed_text(rows: list[list[Any]]) -> bool:
    """A ruled "table" that is a frame around text: its header has columns but a row below is
    one cell holding several lines (ERP forms rule the header and leave the body open), so the
    cells do not hold the columns and only the words' positions do."""
    width = max(len(r) for r in rows)
    if width < 3:
        return False
    for row in rows:
        filled = [c for c in row if c not in (None, "")]
        if len(filled) == 1 and isinstance(filled[0], str) and filled[0].count("\n") >= 2 and row[0] == filled[0]:
            return True
    return False


def _inside(word: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _first_row(lines: list[list[dict]], layout: Layout) -> int | None:
    """On a page without a header: the first line that spreads over the table's columns."""
    for i, line in enumerate(lines):
        filled = cells(line, layout.boundaries)
        if sum(1 for c in filled if c) >= 3:
            return i
    return None
