"""Digits of other scripts and direction marks of right-to-left mail, written the way the readers
read numbers.

Contract
    ``plain(text) -> text`` rewrites what an Arabic, Persian, Hebrew, Indian or South-East Asian
    mail client puts into numbers so that every reader (the order shape, tables, header fields)
    sees plain digits:

    * Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) and the Persian/Urdu ones (۰۱۲۳۴۵۶۷۸۹) become 0-9, and so
      do the digits of the Indian scripts (Devanagari ०-९, Bengali ০-৯, Tamil, Telugu, Gujarati,
      Gurmukhi, Oriya, Kannada, Malayalam), Thai, Lao, Tibetan, Myanmar (၀-၉), Khmer (០-៩) and
      Mongolian, as a buyer's keyboard in those languages types them;
    * the Arabic decimal separator (٫, U+066B) becomes ".", the Arabic thousands separator
      (٬, U+066C) ",", and the Arabic percent sign (٪) "%": "١٬٥٠٠٫٠٠" is 1,500.00;
    * direction marks and embeddings (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069),
      which a right-to-left editor puts around every number and code, are removed: they are
      invisible and only split "AB-100" or "600.00" into pieces nothing recognises; so are the
      other invisible format characters (zero-width spaces, word joiners, byte order marks, soft
      hyphens), by the one rule of ``cleantext.visible``.

    ``plain_document(doc)`` does the same to everything a reader made of a PDF, a workbook or a
    Word file (lines, cells, positioned words).

    Text without any of these comes back unchanged (the same object), so the rewrite costs one
    scan for the mail of every other language. Full-width digits (Japanese, Chinese) are left
    to the readers that know them.
"""

from __future__ import annotations

import re

from ..cleantext import has_invisible, visible
from .document import Document

_TABLE = {0x0660 + k: str(k) for k in range(10)}
_TABLE.update({0x06F0 + k: str(k) for k in range(10)})
# the zero of each script's ten decimal digits (Unicode writes them in order, zero first)
_ZEROS = (
    0x0966,
    0x09E6,
    0x0A66,
    0x0AE6,
    0x0B66,
    0x0BE6,
    0x0C66,
    0x0CE6,
    0x0D66,
    0x0E50,
    0x0ED0,
    0x0F20,
    0x1040,
    0x17E0,
    0x1810,
)
for _zero in _ZEROS:
    _TABLE.update({_zero + k: str(k) for k in range(10)})
_TABLE.update({0x066B: ".", 0x066C: ",", 0x066A: "%"})
_ANY = re.compile("[\u0660-\u066c\u06f0-\u06f9" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _ZEROS) + "]")


def plain(text: str) -> str:
    """``text`` with right-to-left digits and separators made plain, invisible marks removed."""
    if not text or not _changed(text):
        return text
    return visible(text.translate(_TABLE))


def _changed(text: str) -> bool:
    return bool(_ANY.search(text)) or has_invisible(text)


def plain_document(doc: Document) -> Document:
    """``doc`` with every text it holds made ``plain``: its lines, its grids' cells (text
    cells; typed numbers and dates are numbers already), its pages' positioned words and its
    text. A PDF or a workbook typed in Arabic or Persian writes its numbers, dates and codes in
    their digits as a mail does; the readers of header fields and lines see plain ones.
    Changed in place (and returned); a document without any such character is only scanned."""
    if not _changed(doc.all_text()) and not any(_changed(w.get("text", "")) for _, ws in doc.pages for w in ws):
        return doc
    doc.text = plain(doc.text)
    for line in doc.lines:
        line.segments = [plain(segment) for segment in line.segments]
    for grid in doc.grids:
        grid.rows = [[plain(cell) if isinstance(cell, str) else cell for cell in row] for row in grid.rows]
    for _, words in doc.pages:
        for word in words:
            if isinstance(word.get("text"), str):
                word["text"] = plain(word["text"])
    return doc
