"""The content type of an attachment from its bytes; the declared type only breaks ties.

Senders label a PDF ``application/octet-stream``, an .xlsx ``application/vnd.ms-excel`` and a
scanned PO ``application/pdf`` when it is a JPEG: extractors are chosen by what the bytes are.
``sniff`` looks at the formats' magic numbers (PDF, PNG, JPEG, GIF, TIFF, TNEF...), inside a ZIP
for the OOXML part folders (``xl/``, ``word/``, ``ppt/``), inside an OLE2 file for its stream
names (``Workbook``, ``WordDocument``, Outlook's ``__substg1.0_``) — all of them from the format
records of ``mailflow/formats.py`` — and at text for HTML, CSV and RFC 822 headers. Pure; reads
at most the bytes it is given and never raises.
"""

from __future__ import annotations

import io
import mimetypes
import re
import zipfile

from ..formats import DOC, MSG, OCTET, READERS, XLS, of_extension

# The signatures, part folders and stream names are the formats' own (``mailflow/formats.py``);
# the containers they sit in are this module's.
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = tuple((magic, r.magic_within, r.content_type) for r in READERS for magic in r.magic)
_ZIP_FOLDERS = tuple((r.zip_folder, r.content_type) for r in READERS if r.zip_folder)
_ZIP_PART = re.compile(
    rb"PK\x03\x04.{26}(" + b"|".join(re.escape(f[:-1].encode()) for f, _ in _ZIP_FOLDERS) + rb")/", re.S
)
_ZIP_MIMETYPES = {r.zip_mimetype.encode(): r.content_type for r in READERS if r.zip_mimetype}
_XML_MIMETYPES = {r.xml_mimetype.encode(): r.content_type for r in READERS if r.xml_mimetype}
# OpenDocument: the zip's first entry is an uncompressed ``mimetype`` (found in a damaged zip
# too); a flat file's root element names its type. Bounded repeats: a stranger's bytes.
_ODF_MIMETYPE_ENTRY = re.compile(rb"PK\x03\x04.{26}mimetype(application/vnd\.oasis\.opendocument\.[a-z-]{1,40})", re.S)
_FLAT_ODF = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,500}?-->\s*)*"
    rb"<office:document\b[^>]{0,8000}?\soffice:mimetype=[\"'](application/vnd\.oasis\.opendocument\.[a-z-]{1,40})[\"']",
    re.S,
)
_OLE_STREAMS = tuple((name.encode("utf-16-le"), r.content_type) for r in READERS for name in r.ole_streams)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table|div|p)\b", re.I | re.S)
_HEADER_LINE = re.compile(
    rb"^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|x-[\w-]+):",
    re.I | re.M,
)


def sniff(data: bytes, declared: str, filename: str) -> str:
    """The content type of ``data``; ``declared`` type and ``filename`` only as tie-breakers."""
    declared = (declared or "").split(";")[0].strip().lower()
    ext = filename.lower().rsplit(".", 1)[-1] if "." in (filename or "") else ""
    head = data[:4096]
    flat = _FLAT_ODF.match(data[:12288])
    if flat and flat.group(1) in _XML_MIMETYPES:
        return _XML_MIMETYPES[flat.group(1)]
    for magic, within, kind in _MAGIC:
        if (magic in data[:within]) if within else head.startswith(magic):
            return kind
    if head.startswith(_ZIP):
        return _zip_kind(data, declared, ext)
    if head.startswith(_OLE2):
        for name, kind in _OLE_STREAMS:
            if name in data:
                return kind
        return _by_label(declared, ext, {XLS, DOC, MSG}) or "application/x-ole-storage"
    # A label naming a format we recognise by its bytes is wrong when the bytes disagree.
    return _text_kind(head, declared, ext) or _by_label(declared, ext, exclude=_SNIFFED) or OCTET


def _zip_kind(data: bytes, declared: str, ext: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # Truncated or odd: the directory is at the end, but local headers name the parts too;
        # a damaged workbook should still reach the xlsx extractor and fail there, clearly.
        names = [n.decode("ascii") + "/" for n in _ZIP_PART.findall(data)]
    declared_type = _ZIP_MIMETYPES.get(_odf_mimetype(data, names))
    if declared_type is not None:
        return declared_type
    for folder, kind in _ZIP_FOLDERS:
        if any(n.startswith(folder) for n in names):
            return kind
    return "application/zip"


def _odf_mimetype(data: bytes, names: list[str]) -> bytes:
    """What an OpenDocument zip's ``mimetype`` entry says (b"" when it has none)."""
    if "mimetype" in names:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("mimetype") as entry:
                return entry.read(100).strip()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
            pass
    stored = _ODF_MIMETYPE_ENTRY.match(data[:200])
    return stored.group(1) if stored else b""


def _text_kind(head: bytes, declared: str, ext: str) -> str | None:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if _HTML_START.match(head) or (declared == "text/html" and b"<" in head):
        return "text/html"
    if (declared in ("message/rfc822", "text/rfc822-headers") or ext == "eml") and _HEADER_LINE.search(head[:1024]):
        return "message/rfc822"
    if sum(1 for b in head if b < 9 or 13 < b < 32) > len(head) // 100 + 1:
        return None  # binary we do not know
    if _named(ext) == "text/csv" or declared in ("text/csv", "application/csv") or _looks_delimited(head):
        return "text/csv"
    if declared.startswith("text/") and declared != "text/html":
        return declared
    return "text/plain"


def _looks_delimited(head: bytes) -> bool:
    """Two or more lines with the same (non-zero) count of one delimiter."""
    lines = [line for line in head.splitlines()[:10] if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in (b",", b";", b"\t"):
        counts = {line.count(delimiter) for line in lines[:-1] or lines}
        if len(counts) == 1 and counts.pop() > 0:
            return True
    return False


def _by_label(
    declared: str, ext: str, allowed: set[str] | None = None, exclude: frozenset[str] = frozenset()
) -> str | None:
    candidates = [_named(ext), declared or None, mimetypes.types_map.get(f".{ext}")]
    for kind in candidates:
        if kind and kind != OCTET and (allowed is None or kind in allowed) and kind not in exclude:
            return kind
    return None


def _named(ext: str) -> str | None:
    """The format a file extension names (``formats.BY_EXTENSION``), if any."""
    record = of_extension(ext) if ext else None
    return record.content_type if record is not None else None


# A label naming a format recognised by its bytes is wrong when the bytes disagree.
_SNIFFED = frozenset({r.content_type for r in READERS} | {"application/zip"})
