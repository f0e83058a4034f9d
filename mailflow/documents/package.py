"""A Word template read once, and a rendered document written without redoing what never changes.

A .docx is a zip of XML parts. docxtpl renders a few of them (the body, headers, footers,
footnotes, the document properties); the others — styles, themes, fonts, settings, numbering —
come out as they went in. Yet python-docx parses every part when it opens a template and
serialises and compresses every part again when it saves: for the shipped templates that is
800 KB of styles per document, three quarters of the time a document took.

So here:

* ``open_template(path)`` reads the template's zip once (kept while the file's size and
  modification time stay the same: a template staff edit in Word is read afresh) and gives
  python-docx a package in which the parts nobody renders (``UNRENDERED``) are plain bytes,
  never parsed;
* ``save_package(package)`` writes the zip itself: every part whose bytes are the template's
  own is copied already compressed; the rendered parts are compressed once. Entries carry a fixed
  date, so the same document rendered again is the same bytes (``Archive.put`` then skips it).

The result holds the parts, and the bytes of each part, that ``DocxTemplate.save`` gives
(``tests/test_documents_render.py`` compares them), less what a filled-in document does without
(``_Lean``): Word's style gallery — the definitions of the 160 styles and 137 latent styles every
new Word document carries, of which a form uses a handful — Word 2010's second copy of the styles
(``stylesWithEffects``, which Word writes again when it saves) and the template's preview picture
(of the empty template, tags and all). LibreOffice builds every style it is given before it lays
out a page: with the gallery an order form cost it about 120 ms of CPU to convert, without it
about 75 ms, and the PDF is the same. Staff editing the .docx in Word still find every built-in
style there (Word adds a built-in style back when it is used).
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.package import Package
from lxml import etree

# Parts docxtpl never renders: handed through as the template's bytes.
UNRENDERED = frozenset(
    {
        CT.WML_STYLES,
        "application/vnd.ms-word.stylesWithEffects+xml",
        CT.WML_SETTINGS,
        CT.WML_WEB_SETTINGS,
        CT.WML_FONT_TABLE,
        CT.WML_NUMBERING,
        CT.OFC_THEME,
    }
)
# Parts a filled-in document does without (see the module docstring), by relationship type.
DROPPED = frozenset({"http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.THUMBNAIL})
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
KEEP = 32  # templates kept read (a workspace has about a dozen)
_LEVEL = 6  # zlib's default, as zipfile uses


@dataclass(frozen=True)
class _Compressed:
    crc: int
    size: int
    data: bytes


class _Lean:
    """A template's package as python-docx's ``PackageReader`` gives it (``iter_sparts``,
    ``iter_srels``: all the ``Unmarshaller`` reads), without the parts in ``DROPPED`` and with
    only the styles the template uses (``lean_styles``)."""

    def __init__(self, reader: PackageReader) -> None:
        dropped = {srel.target_partname for _, srel in reader.iter_srels() if srel.reltype in DROPPED}
        self.srels = [
            (source, srel)
            for source, srel in reader.iter_srels()
            if source not in dropped and (srel.is_external or srel.target_partname not in dropped)
        ]
        parts = [spart for spart in reader.iter_sparts() if spart[0] not in dropped]
        others = [blob for _, content_type, _, blob in parts if content_type != CT.WML_STYLES]
        self.sparts = [
            (name, content_type, reltype, lean_styles(blob, others) if content_type == CT.WML_STYLES else blob)
            for name, content_type, reltype, blob in parts
        ]

    def iter_sparts(self) -> Iterator[tuple[Any, str, str, bytes]]:
        return iter(self.sparts)

    def iter_srels(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.srels)


def lean_styles(styles: bytes, parts: Iterable[bytes]) -> bytes:
    """``styles`` (a ``styles.xml``) with the styles the other ``parts`` name, the styles those
    are based on, linked to or followed by, and the defaults; without the latent styles.

    A style counts as named when any attribute of any XML part holds its id: generous (a stray
    value "Normal" keeps Normal), never short of one a paragraph, run, table or list uses."""
    try:
        root = etree.fromstring(styles)
    except etree.XMLSyntaxError:
        return styles  # not ours to judge: LibreOffice and Word get it as it is
    by_id = {style.get(f"{{{W}}}styleId"): style for style in root.iter(f"{{{W}}}style")}
    wanted = {sid for sid, style in by_id.items() if style.get(f"{{{W}}}default") in ("1", "true", "on")}
    for blob in parts:
        if blob.lstrip()[:1] != b"<":
            continue  # a picture, a thumbnail: no style ids in there
        try:
            wanted.update(value for element in etree.fromstring(blob).iter() for value in element.attrib.values())
        except etree.XMLSyntaxError:
            return styles
    todo = [sid for sid in wanted if sid in by_id]
    kept: set[str] = set()
    while todo:
        sid = todo.pop()
        if sid in kept:
            continue
        kept.add(sid)
        for tag in ("basedOn", "link", "next"):
            ref = by_id[sid].find(f"{{{W}}}{tag}")
            value = ref.get(f"{{{W}}}val") if ref is not None else None
            if value in by_id and value not in kept:
                todo.append(value)
    for sid, style in by_id.items():
        if sid not in kept:
            root.remove(style)
    for latent in root.findall(f"{{{W}}}latentStyles"):
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Template:
    """One template file as read (``_Lean``) and, filled as they are first written, the
    compressed form of the parts passed through unchanged."""

    def __init__(self, path: str) -> None:
        self.reader = _Lean(PackageReader.from_file(path))
        self.compressed: dict[int, tuple[bytes, _Compressed]] = {}  # id(blob) → (blob, its entry)

    def compress(self, blob: bytes) -> _Compressed:
        """``blob`` compressed; computed once when it is one of this template's own parts."""
        known = self.compressed.get(id(blob))
        if known is not None and known[0] is blob:
            return known[1]
        entry = _compress(blob)
        if any(blob is part_blob for *_, part_blob in self.reader.iter_sparts()):
            self.compressed[id(blob)] = (blob, entry)
        return entry


def _compress(blob: bytes) -> _Compressed:
    packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    return _Compressed(zlib.crc32(blob), len(blob), packer.compress(blob) + packer.flush())


@functools.lru_cache(maxsize=KEEP)
def _read(path: str, mtime_ns: int, size: int) -> _Template:
    return _Template(path)


def _template(path: str | Path) -> _Template:
    stat = os.stat(path)
    return _read(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


def _part(partname: Any, content_type: str, reltype: str, blob: bytes, package: Package) -> Part:
    if content_type in UNRENDERED:
        return Part.load(partname, content_type, blob, package)
    return PartFactory(partname, content_type, reltype, blob, package)


def open_template(path: str | Path) -> Document:
    """A fresh python-docx document of the template at ``path`` (its unrendered parts as bytes)."""
    package = Package()
    Unmarshaller.unmarshal(_template(path).reader, package, _part)
    document = package.main_document_part
    if document.content_type != CT.WML_DOCUMENT_MAIN:
        raise ValueError(f"{Path(path).name} is not a Word document ({document.content_type})")
    return document.document


def save_package(document: Document, template_path: str | Path) -> bytes:
    """The .docx bytes of ``document``, opened from ``template_path`` by ``open_template``."""
    template = _template(template_path)
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    writer = _ZipWriter(template)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    return writer.getvalue()


_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DATE = (0, 0x21)  # 1980-01-01 00:00, the zip format's first day: the same bytes every time
_UTF8 = 0x800


class _ZipWriter:
    """The ``PhysPkgWriter`` python-docx writes through: a plain zip (deflate, no zip64)."""

    def __init__(self, template: _Template) -> None:
        self.template = template
        self.out = io.BytesIO()
        self.central: list[bytes] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = pack_uri.membername.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8
        entry = self.template.compress(blob)
        offset = self.out.tell()
        self.out.write(
            _LOCAL.pack(b"PK\x03\x04", 20, 0, flags, zlib.DEFLATED, *_DATE, entry.crc, len(entry.data), entry.size,
                        len(name), 0)
        )  # fmt: skip
        self.out.write(name)
        self.out.write(entry.data)
        self.central.append(
            _CENTRAL.pack(b"PK\x01\x02", 20, 0, 20, 0, flags, zlib.DEFLATED, *_DATE, entry.crc, len(entry.data),
                          entry.size, len(name), 0, 0, 0, 0, 0o644 << 16, offset) + name
        )  # fmt: skip

    def getvalue(self) -> bytes:
        start = self.out.tell()
        for record in self.central:
            self.out.write(record)
        count, size = len(self.central), self.out.tell() - start
        if count > 0xFFFF or self.out.tell() > 0x7FFFFFFF:
            raise ValueError("the document is too large for a plain zip")
        self.out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
        return self.out.getvalue()
