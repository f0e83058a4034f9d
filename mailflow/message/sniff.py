"""The content type of an attachment from its bytes; the declared type only breaks ties.

Senders label a PDF ``application/octet-stream``, an .xlsx ``application/vnd.ms-excel`` and a
scanned PO ``application/pdf`` when it is a JPEG: extractors are chosen by what the bytes are.
``sniff`` looks at magic numbers (PDF, PNG, JPEG, GIF, TIFF, TNEF, ZIP, OLE2), inside a ZIP for
the OOXML part folders (``xl/``, ``word/``, ``ppt/``), inside an OLE2 file for its stream names
(``Workbook``, ``WordDocument``, Outlook's ``__substg1.0_``), and at text for HTML, CSV and
RFC 822 headers. Pure; reads at most the bytes it is given and never raises.
"""

from __future__ import annotations

import io
import mimetypes
import re
import zipfile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLS = "application/vnd.ms-excel"
DOC = "application/msword"
MSG = "application/vnd.ms-outlook"
TNEF = "application/ms-tnef"
OCTET = "application/octet-stream"

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x78\x9f\x3e\x22", TNEF),  # 0x223E9F78 little-endian
    (b"{\\rtf", "application/rtf"),
    (b"\x1f\x8b", "application/gzip"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_STREAMS = (  # UTF-16LE directory entry names, most specific first
    ("__substg1.0_".encode("utf-16-le"), MSG),
    ("WordDocument".encode("utf-16-le"), DOC),
    ("Workbook".encode("utf-16-le"), XLS),
    ("Book".encode("utf-16-le"), XLS),  # Excel 5/95
    ("PowerPoint Document".encode("utf-16-le"), "application/vnd.ms-powerpoint"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table|div|p)\b", re.I | re.S)
_HEADER_LINE = re.compile(
    rb"^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|x-[\w-]+):",
    re.I | re.M,
)
_EXTENSION_TYPES = {
    "xlsx": XLSX, "xlsm": XLSX, "docx": DOCX, "xls": XLS, "doc": DOC, "msg": MSG,
    "eml": "message/rfc822", "csv": "text/csv", "txt": "text/plain", "dat": OCTET,
}


def sniff(data: bytes, declared: str, filename: str) -> str:
    """The content type of ``data``; ``declared`` type and ``filename`` only as tie-breakers."""
    declared = (declared or "").split(";")[0].strip().lower()
    ext = filename.lower().rsplit(".", 1)[-1] if "." in (filename or "") else ""
    head = data[:4096]
    if b"%PDF-" in data[:1024]:  # some generators put junk before the header
        return "application/pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
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
        names = [n.decode("ascii") + "/" for n in re.findall(rb"PK\x03\x04.{26}(xl|word|ppt)/", data, re.S)]
    for folder, kind in (("xl/", XLSX), ("word/", DOCX), ("ppt/", PPTX)):
        if any(n.startswith(folder) for n in names):
            return kind
    return "application/zip"


def _text_kind(head: bytes, declared: str, ext: str) -> str | None:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if _HTML_START.match(head) or (declared == "text/html" and b"<" in head):
        return "text/html"
    if (declared in ("message/rfc822", "text/rfc822-headers") or ext == "eml") and _HEADER_LINE.search(head[:1024]):
        return "message/rfc822"
    if sum(1 for b in head if b < 9 or 13 < b < 32) > len(head) // 100 + 1:
        return None  # binary we do not know
    if ext == "csv" or declared in ("text/csv", "application/csv") or _looks_delimited(head):
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
    candidates = [_EXTENSION_TYPES.get(ext), declared or None, mimetypes.types_map.get(f".{ext}")]
    for kind in candidates:
        if kind and kind != OCTET and (allowed is None or kind in allowed) and kind not in exclude:
            return kind
    return None


_SNIFFED = frozenset(
    {"application/pdf", XLSX, DOCX, PPTX, XLS, DOC, MSG, TNEF, "application/zip", "text/html",
     "text/csv", "text/plain", "message/rfc822", "image/png", "image/jpeg", "image/gif",
     "image/tiff", "application/rtf"}
)
