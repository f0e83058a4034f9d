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
       With no header recognised (a language the vocabulary does not know, or none printed)
       and nothing to continue, the table is found by column alignment and arithmetic
       (``aligned.py``: rows whose quantity × price = amount, in the same columns).
    4. Everything else stays as text lines for the header fields.
    Text nobody sees on the printed page (white on white, off the page, too small) is left out
    first (``ink.py``).
"""

from __future__ import annotations

import io
import logging
from typing import Any

from . import ink, ocr, pdfchars
from .columns import as_line, group_lines
from .document import Document
from .vocabulary import Vocabulary
from .wordpage import Layout, read_words_page

logging.getLogger("pdfminer").setLevel(logging.ERROR)
log = logging.getLogger("mailflow.extract.pdf")

SCAN_MIN_CHARS = 10  # a page with fewer characters but an image is a scan
MAX_PAGES = 60  # a purchase order is a few pages; a catalogue attached by mistake is not read whole
MAX_OCR_PAGES = 4  # OCR takes seconds a page: a scanned order is short, a scanned manual is not read


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    try:
        import pdfplumber

        ink.prepare()  # invisible text marked as pdfminer lays the pages out
        pdfchars.install()  # characters made without pdfplumber's walk over each attribute

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
                seen = ink.shown(page)  # without the text nobody sees: white on white, off the page, tiny
                words = seen.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["size"])
                words = _pitched_words(seen.chars) or words
                if sum(len(w["text"]) for w in words) < SCAN_MIN_CHARS:
                    if page.images or ocr.outlined(page):  # a scan, or letters drawn as curves
                        scanned_pages.append(number)
                        # a scanned page between text pages is read in its place, so that a
                        # table continued on it keeps the columns of the page before
                        layout = scans.read(number, texts, layout)
                    page.close()
                    continue
                texts.append(_page_text(words))
                doc.pages.append((where, words))
                layout = _read_page(seen, words, where, vocab, doc, layout)
                page.close()  # its characters and layout, cached by pdfplumber until the file closes
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
            doc.warnings.append(
                f"{name}: page(s) {read} are scanned images read by OCR: every value must be checked against the scan"
            )
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


PITCH_MIN_CHARS = 80  # a page with fewer characters says nothing about a print head's pitch
PITCH_SHARE = 0.9  # of the steps from one character to the next on a line: whole multiples of the pitch
PITCH_TOLERANCE = 0.02  # points: how far a step may stray from a whole number of pitches


def _pitched_words(chars: list[dict]) -> list[dict] | None:
    """Words of a page printed as a print head prints: every character at its own cell of a
    fixed pitch, but in a proportional font (an AS/400 or a mainframe spool rendered by a PC
    print driver). A narrow letter ("i", "l") then leaves a gap inside a word wider than
    between two words set in that font, and the words come out split ("Al imentatore").
    Here a word ends only where a cell is left blank, and each word spans its cells whole,
    as in a monospace print. None when the page is not such a print (steps that are not
    whole pitches), or when its font is monospace anyway (no gap inside a word)."""
    visible = [c for c in chars if c.get("upright", True) and c["text"].strip()]
    if len(visible) < PITCH_MIN_CHARS:
        return None
    # first a look at the characters as the page draws them (in reading order, for text set
    # line by line): most pages are plainly not such a print, and sorting every character is not free
    sample = visible[:400]
    if (
        _pitch(
            [b["x0"] - a["x0"] for a, b in zip(sample, sample[1:]) if abs(a["top"] - b["top"]) < 0.5], PITCH_SHARE / 2
        )
        is None
    ):
        return None
    lines = _char_lines(visible)
    pitch = _pitch([b["x0"] - a["x0"] for line in lines for a, b in zip(line, line[1:])], PITCH_SHARE)
    if pitch is None:
        return None
    narrow = sum(1 for c in visible if pitch - (c["x1"] - c["x0"]) > 1.5)
    if narrow < 0.05 * len(visible):
        return None  # a monospace font: the usual reading already keeps its words whole
    words = []
    for line in lines:
        run = [line[0]]
        for char in line[1:]:
            if char["x0"] - run[-1]["x0"] > 1.5 * pitch:
                words.append(_pitched_word(run, pitch))
                run = []
            run.append(char)
        words.append(_pitched_word(run, pitch))
    return words


def _pitch(steps: list[float], share: float) -> float | None:
    """The pitch the steps from character to character keep: the most common step, when at
    least ``share`` of all steps are whole multiples of it (and there are enough of them)."""
    positive = [round(step, 2) for step in steps if step > 0.5]
    if len(positive) < PITCH_MIN_CHARS:
        return None
    pitch = max(set(positive), key=positive.count)  # inside words, every step is one pitch
    whole = sum(1 for step in positive if abs(step / pitch - round(step / pitch)) * pitch <= PITCH_TOLERANCE)
    return pitch if pitch >= 2 and whole >= share * len(steps) else None


def _char_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines by their top, each line in reading order."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _pitched_word(run: list[dict], pitch: float) -> dict:
    first = run[0]
    x1 = max(run[-1]["x0"] + pitch, run[-1]["x1"])
    top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
    return {
        "text": "".join(c["text"] for c in run),
        "x0": first["x0"],
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": first["doctop"],
        "upright": True,
        "height": bottom - top,
        "width": x1 - first["x0"],
        "size": first.get("size"),
    }


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
        self.budget = ocr.Budget()  # the OCR of all its scanned pages together
        self._pdf: Any = None
        self._broken = False

    def read(self, number: int, texts: list[str], layout: Layout | None) -> Layout | None:
        """OCR page ``number`` into the document; the layout carried on (unchanged if unread)."""
        if self._broken or not ocr.available():
            return layout
        self.tried += 1
        if self.tried > MAX_OCR_PAGES:
            if self.tried == MAX_OCR_PAGES + 1:
                self.doc.warnings.append(
                    f"{self.name}: more than {MAX_OCR_PAGES} scanned pages; only the first {MAX_OCR_PAGES} were read by OCR"
                )
            return layout
        if self._pdf is None:
            try:
                import pypdfium2

                self._pdf = pypdfium2.PdfDocument(self.data)
            except Exception as exc:
                self._broken = True
                self.doc.warnings.append(
                    f"{self.name}: the scanned pages could not be rendered for OCR ({type(exc).__name__})"
                )
                return layout
        image = self._pdf[number - 1].render(scale=ocr.OCR_DPI / 72).to_pil()
        words, notes = ocr.words(image, ocr.OCR_DPI, self.budget)
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


def _read_page(
    page: Any, words: list[dict], where: str, vocab: Vocabulary, doc: Document, layout: Layout | None
) -> Layout | None:
    return read_words_page(words, where, vocab, doc, layout, page)
