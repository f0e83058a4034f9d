"""CSV / TSV → ``Document``: encoding sniffed (UTF-8, UTF-16, GBK/GB18030, Big5, cp1252...),
delimiter sniffed among , ; tab |. One grid; rows above the lines header are header fields.
An export of one row per order line, its columns titled in the exporter's words or not at all,
comes as the grid ``export.canonical`` makes of it.

Contract
    ``read(data, name, vocab)`` never raises; undecodable bytes make it ``unreadable``.
"""

from __future__ import annotations

import csv as csvlib
import io
from typing import Any

from charset_normalizer import from_bytes

from . import codepages, export
from .document import Document, Grid
from .vocabulary import Vocabulary


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, encoding) — UTF-8 first (with or without BOM), then what charset-normalizer finds."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8"
    named = codepages.declared(data)  # an HTML page's own <meta charset>: its writer knew
    if named is not None:
        return data.decode(named), named

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        best = _western_default(results, best)
        encoding = best.encoding
        if encoding.lower() in ("big5", "big5hkscs", "cp950"):
            try:  # Traditional Chinese (a Taiwanese ERP's export): read as GB18030 it is mojibake
                return data.decode("cp950"), "cp950"
            except UnicodeDecodeError:
                pass
        # GBK text is often reported as a close relative; gb18030 is the superset that decodes all.
        if encoding.lower() in ("gb2312", "gbk", "hz", "gb18030", "big5") or "chinese" in encoding.lower():
            try:
                return data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                pass
        text = str(best)
        # a short text's few letters outside ASCII leave the guess among near ties
        # (windows-1252 for Czech, a Japanese page for a line of Cyrillic): the page whose
        # letters read as one language's words is taken when it reads clearly better
        better = codepages.windows_reading(data, text, encoding)
        return better if better else (text, encoding)
    for encoding in ("gb18030", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, ""


def _mostly_utf8(data: bytes) -> str | None:
    """A UTF-8 text with a few stray Windows bytes (an export pasted together from two sources,
    a "€" or "–" typed into a UTF-8 file by an old program): read as UTF-8, the stray bytes in
    windows-1252. Read whole as windows-1252 instead, every accented letter of it would be
    mojibake ("MÃ¼ller"). None unless the valid multi-byte letters clearly outnumber the strays."""
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    letters = sum(1 for char in text if char > "\x7f" and not "\udc80" <= char <= "\udcff")
    if not stray or letters < 3 or stray * 4 > letters:
        return None
    return "".join(
        bytes([ord(char) - 0xDC00]).decode("cp1252", "replace") if "\udc80" <= char <= "\udcff" else char
        for char in text
    )


# Single-byte code pages that read most Western bytes alike and differ in a few letters and signs
# ("N.º" in windows-1252 is "N.ş" in windows-1250).
_SINGLE_BYTE_KIN = ("cp125", "iso8859", "latin", "mac", "cp8", "cp7", "hp_roman")


def _western_default(results: Any, best: Any) -> Any:
    """Windows-1252, when it reads the bytes as cleanly and as coherently as the code page
    guessed: the guess is one of several ties, and windows-1252 is what most spreadsheet
    exports from Western Europe and the Americas are written in. A code page that reads them
    better (Polish letters in windows-1250) still wins."""
    if best.encoding == "cp1252" or not best.encoding.startswith(_SINGLE_BYTE_KIN):
        return best
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return match
    return best


def read(data: bytes, name: str, vocab: Vocabulary) -> Document:
    doc = Document(name)
    text, encoding = decode(data)
    if text is None:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot decode the text (unknown encoding)")
        return doc
    delimiter = _delimiter(text[:8192])
    rows = [[cell.strip() or None for cell in row] for row in _rows(text, delimiter)]
    # An export of one row per line (an EDI translator's: titles of its own, or none, or
    # record types) is handed on under a header of known words; anything else as it stands.
    exported = export.reading(rows, name, vocab)
    doc.grids.append(exported.grid if exported is not None else Grid(rows, f"{name}"))
    if exported is not None:
        doc.warnings.extend(exported.doubts)
    doc.text = text
    return doc


DELIMITERS = ",;\t|"


def _rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows of the file. A cell opening with a quote that never closes (an inch mark, a
    description typed as '"Heavy duty hinge') would swallow the rows after it into one cell;
    then, when reading every quote as a character gives each line the width most lines have,
    the file is read so, a cell quoted whole losing its quotes."""
    quoted = list(csvlib.reader(io.StringIO(text), delimiter=delimiter))
    lines = [line for line in text.splitlines() if line.strip()]
    if len(quoted) >= len(lines) or not any("\n" in cell for row in quoted for cell in row):
        return quoted  # quotes that close (a cell holding a line break on purpose is quoted whole)
    plain = list(csvlib.reader(io.StringIO(text), delimiter=delimiter, quoting=csvlib.QUOTE_NONE))
    widths = [len(row) for row in plain if any(cell.strip() for cell in row)]
    usual = max(set(widths), key=widths.count) if widths else 0
    if not widths or widths.count(usual) < 0.9 * len(widths):
        return quoted
    return [[_unquoted(cell) for cell in row] for row in plain]


def _unquoted(cell: str) -> str:
    text = cell.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return cell


def _delimiter(sample: str) -> str:
    """The delimiter the sniffer finds, unless another cuts every row into more columns just as
    evenly: a pipe- or tab-separated export whose addresses hold commas ("Plant 2, 44 Mill St")
    is sniffed as comma-separated, every row three cells of text."""
    try:
        chosen = csvlib.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csvlib.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        chosen = max(counts, key=lambda d: counts[d])
    width, even = _evenness(sample, chosen)
    for other in DELIMITERS:
        other_width, other_even = _evenness(sample, other)
        if other_even >= 0.9 and other_even >= even and other_width > width:
            chosen, width, even = other, other_width, other_even
    return chosen


def _evenness(sample: str, delimiter: str) -> tuple[int, float]:
    """(the usual number of cells a row has, the share of rows that have it)."""
    lines = sample.splitlines()[:-1] or sample.splitlines()  # the sample may cut its last line
    widths = [len(row) for row in csvlib.reader(lines, delimiter=delimiter) if any(c.strip() for c in row)]
    if not widths:
        return 0, 0.0
    usual = max(set(widths), key=widths.count)
    return usual, widths.count(usual) / len(widths)
