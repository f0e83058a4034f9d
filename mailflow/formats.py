"""Every attachment format mailflow recognises, one ``Reader`` record each: the registry.

A record says how the format's bytes are recognised (``magic`` at the start, the part folder of
an OOXML zip, the stream names of an OLE2 file), which file extensions it goes by, and which
function in ``mailflow.extract`` reads it (``None``: recognised, not read — a GIF, a TNEF
container the message parser unpacks). ``message/sniff.py`` recognises the bytes from these
records, ``extract`` picks the reader, ``extract/inflate.py`` measures the formats that inflate.
Adding a format is one record here plus its reader function.

Content decides, the extension only breaks ties: a JPEG named ``.pdf`` is a JPEG, a PDF named
``.xlsx`` is a PDF. The name counts only when the bytes say no more than "some text" or "some
binary" (a ``.html`` page that does not start with a tag, a damaged zip named ``.xlsx``).

Readers are named ``"module.function"`` inside ``mailflow.extract`` and imported the first time
a file of their format is read: this module is pure data that the message parser can read
without pulling in the readers, and a reader's heavy library (``needs``) loads only when used.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import shutil
from dataclasses import dataclass
from typing import Any, Callable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLS = "application/vnd.ms-excel"
DOC = "application/msword"
MSG = "application/vnd.ms-outlook"
TNEF = "application/ms-tnef"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODT = "application/vnd.oasis.opendocument.text"
FODS = "application/vnd.oasis.opendocument.spreadsheet-flat-xml"
FODT = "application/vnd.oasis.opendocument.text-flat-xml"
OCTET = "application/octet-stream"

SCAN_MIN_BYTES = 32 * 1024  # smaller images are logos and signatures, not scanned pages
# TIFF is what scanners and fax servers send, never a mail's logo or signature; a page of text in
# their bilevel (CCITT group 4) compression is 10–30 KB, under ``SCAN_MIN_BYTES``.
FAX_MIN_BYTES = 4 * 1024


@dataclass(frozen=True)
class Reader:
    """One attachment format: how its bytes are recognised, its extensions, who reads it."""

    content_type: str
    extensions: tuple[str, ...] = ()  # lower case, no dot; the name only breaks ties
    magic: tuple[bytes, ...] = ()  # what the file starts with
    magic_within: int = 0  # the magic may follow this many bytes of junk (some PDF generators)
    zip_folder: str | None = None  # an OOXML zip holding this part folder ("xl/")
    ole_streams: tuple[str, ...] = ()  # an OLE2 compound file holding one of these streams
    # OpenDocument: a zip whose ``mimetype`` entry, or a flat XML file whose root's
    # ``office:mimetype``, names this (a LibreOffice spreadsheet or text document)
    zip_mimetype: str | None = None
    xml_mimetype: str | None = None
    read: str | None = None  # "module.function" in mailflow.extract; None = recognised, not read
    needs: tuple[str, ...] = ()  # the libraries the reader imports on first use
    program: str | None = None  # a program the reader runs; without it the format is not read
    rank: int = 0  # how much the format tends to be the order itself, when names say nothing
    min_bytes: int = 0  # smaller files are not read
    inflate: str | None = None  # "zip" or "pdf": measured before reading (extract/inflate.py)

    @property
    def has_signature(self) -> bool:
        """Recognised by its bytes (else by how its text looks)."""
        return bool(self.magic or self.zip_folder or self.ole_streams or self.zip_mimetype or self.xml_mimetype)

    @property
    def readable(self) -> bool:
        """A reader exists and what it needs is installed here."""
        if self.read is None or (self.program is not None and shutil.which(self.program) is None):
            return False  # the program is looked up each time: it may be installed while we run
        return _importable(self.needs)

    def reader(self) -> Callable[..., Any]:
        """The reader function ``(data, name, vocabulary) -> Document``, imported on first use."""
        if self.read is None:
            raise LookupError(f"{self.content_type} is recognised but not read")
        return _load(self.read)


# Order matters where formats share a container: an Outlook .msg holding a Word document has the
# Word streams too, so the more specific record comes first.
READERS: tuple[Reader, ...] = (
    Reader(
        "application/pdf",
        ("pdf",),
        magic=(b"%PDF-",),
        magic_within=1024,
        read="pdf.read",
        needs=("pdfplumber",),
        rank=3,
        inflate="pdf",
    ),
    Reader(XLSX, ("xlsx", "xlsm"), zip_folder="xl/", read="xlsx.read_xlsx", needs=("openpyxl",), rank=3, inflate="zip"),
    Reader(DOCX, ("docx",), zip_folder="word/", read="docx.read", needs=("docx",), rank=2, inflate="zip"),
    Reader(PPTX, ("pptx",), zip_folder="ppt/"),
    # OpenDocument (LibreOffice): read into the same layout model as Excel and Word files.
    Reader(ODS, ("ods", "ots"), zip_mimetype=ODS, read="odf.read_ods", needs=("defusedxml",), rank=3, inflate="zip"),
    Reader(ODT, ("odt", "ott"), zip_mimetype=ODT, read="odf.read_odt", needs=("defusedxml",), rank=2, inflate="zip"),
    Reader(FODS, ("fods",), xml_mimetype=ODS, read="odf.read_ods", needs=("defusedxml",), rank=3),
    Reader(FODT, ("fodt",), xml_mimetype=ODT, read="odf.read_odt", needs=("defusedxml",), rank=2),
    Reader(MSG, ("msg",), ole_streams=("__substg1.0_",)),
    Reader(DOC, ("doc",), ole_streams=("WordDocument",)),
    Reader(XLS, ("xls",), ole_streams=("Workbook", "Book"), read="xlsx.read_xls", needs=("xlrd",), rank=3),
    Reader("application/vnd.ms-powerpoint", ("ppt",), ole_streams=("PowerPoint Document",)),
    # Text: recognised by what it looks like (message/sniff.py), not by a signature.
    Reader("text/html", ("html", "htm"), read="html.read", needs=("bs4",), rank=1),
    Reader("message/rfc822", ("eml",)),
    Reader("text/csv", ("csv", "tsv"), read="csv.read", rank=2),
    Reader("text/plain", ("txt",), read="body.read", rank=1),
    # Scans and faxes, read by OCR when Tesseract is installed; small images are logos.
    Reader(
        "image/png",
        ("png",),
        magic=(b"\x89PNG\r\n\x1a\n",),
        read="ocr.read_image",
        needs=("PIL",),
        program="tesseract",
        min_bytes=SCAN_MIN_BYTES,
    ),
    Reader(
        "image/jpeg",
        ("jpg", "jpeg"),
        magic=(b"\xff\xd8\xff",),
        read="ocr.read_image",
        needs=("PIL",),
        program="tesseract",
        min_bytes=SCAN_MIN_BYTES,
    ),
    Reader(
        "image/tiff",
        ("tif", "tiff"),
        magic=(b"II*\x00", b"MM\x00*"),
        read="ocr.read_image",
        needs=("PIL",),
        program="tesseract",
        min_bytes=FAX_MIN_BYTES,
    ),
    Reader("image/gif", ("gif",), magic=(b"GIF87a", b"GIF89a")),
    # Recognised so that a wrong label cannot pass them off as something we read.
    Reader(TNEF, magic=(b"\x78\x9f\x3e\x22",)),  # Outlook's winmail.dat: 0x223E9F78 little-endian
    Reader("application/rtf", ("rtf",), magic=(b"{\\rtf",)),
    Reader("application/gzip", ("gz",), magic=(b"\x1f\x8b",)),
    Reader("application/vnd.rar", ("rar",), magic=(b"Rar!\x1a\x07",)),
    Reader("application/x-7z-compressed", ("7z",), magic=(b"7z\xbc\xaf\x27\x1c",)),
)

BY_TYPE: dict[str, Reader] = {r.content_type: r for r in READERS}
BY_EXTENSION: dict[str, Reader] = {ext: r for r in READERS for ext in r.extensions}
# What the bytes say when they say little, and which formats a name may then choose: "some
# text" or "some binary" leave the formats recognised by how their text looks (which text format
# is a matter of layout, not of a signature); a zip or OLE2 file whose parts could not be seen
# (damaged) leaves the formats of that container, so a damaged workbook reaches the workbook
# reader and is reported as one.
UNDECIDED: dict[str, Callable[[Reader], bool]] = {
    "text/plain": lambda r: not r.has_signature,
    "text/csv": lambda r: not r.has_signature,
    "text/html": lambda r: not r.has_signature,
    "message/rfc822": lambda r: not r.has_signature,
    OCTET: lambda r: not r.has_signature,
    "application/zip": lambda r: r.zip_folder is not None or r.zip_mimetype is not None,
    "application/x-ole-storage": lambda r: bool(r.ole_streams),
}


def of_type(content_type: str) -> Reader | None:
    return BY_TYPE.get(content_type)


def of_extension(extension: str) -> Reader | None:
    return BY_EXTENSION.get(extension.lower().lstrip("."))


def reader_for(content_type: str, extension: str, size: int) -> Reader | None:
    """The reader of an attachment whose bytes were sniffed as ``content_type``.

    Content decides; the extension only breaks ties: when the bytes say no more than "text",
    "binary" or "a zip" (``UNDECIDED``), a name that calls for a format they leave open
    (``.html``, ``.csv``, ``.txt``; ``.xlsx`` for a damaged zip) chooses it. A name never
    overrides a signature: a JPEG named ``.pdf`` is read as an image, a PDF named ``.xlsx`` as
    a PDF. Bytes without the signature their name calls for (text named ``.docx``) are read by
    nothing, not even as text: name and bytes disagree, and the file reaches a person.
    None: nothing here reads it, it is too small (``min_bytes``), or what its reader needs is
    not installed.
    """
    record = of_type(content_type)
    by_name = of_extension(extension) if extension else None
    if by_name is not None and content_type in UNDECIDED:
        if not UNDECIDED[content_type](by_name):
            return None  # text named .docx: bytes and name disagree, a person looks (never read as text)
        record = by_name
    if record is None or not record.readable or size <= record.min_bytes:
        return None
    return record


def scanned_page(content_type: str, size: int) -> bool:
    """Whether an image attachment of ``size`` bytes is large enough to be a scanned or
    photographed page rather than a logo or a signature (``min_bytes`` of its type)."""
    record = of_type(content_type)
    return size > (record.min_bytes if record is not None and record.min_bytes else SCAN_MIN_BYTES)


def preload() -> None:
    """Import every reader and the libraries it needs, where installed: the parse worker does
    this before its first job's clock starts, so that no job pays for an import."""
    importlib.import_module("mailflow.extract")
    for record in READERS:
        if record.read is not None and _importable(record.needs):
            for name in record.needs:
                importlib.import_module(name)
            record.reader()


@functools.lru_cache(maxsize=None)
def _importable(needs: tuple[str, ...]) -> bool:
    return all(importlib.util.find_spec(name) is not None for name in needs)


def _load(dotted: str) -> Callable[..., Any]:
    """Looked up on each use (an imported module is a dictionary lookup away), so that the
    function is the module's current one."""
    module, _, function = dotted.rpartition(".")
    return getattr(importlib.import_module(f"mailflow.extract.{module}"), function)
