"""How big an attachment becomes once decompressed, measured before any reader opens it.

An .xlsx or .docx is a zip, a PDF holds Flate streams: a 2.7 MB attachment can inflate to
gigabytes (a ``docProps/core.xml`` or ``word/document.xml`` of one repeated character, a content
stream of zeros), and the readers inflate all of it in memory. ``check(kind, data, name, limits)``
inflates every member or stream into nothing, a chunk at a time, and raises ``LimitExceeded``
as soon as one passes ``limits.max_inflated_bytes`` or all together pass
``limits.max_inflated_total`` — so measuring costs a megabyte of memory, whatever the file.

Zip members are checked twice: the size the zip declares (free to read), then the bytes that
actually come out (a declaration can lie). For a PDF, every stream is tried (a stream that is
not Flate fails at once and costs nothing); the declared page size (``/MediaBox``) and the
number of objects are bounded too, since the readers' work grows with both. Whatever this does
not recognise (a damaged zip, a PDF without streams) is left to the reader, which reports it.

A purchase order sent inside a .zip (a buyer's mail gateway zips every attachment; an ERP sends a
day's orders in one archive) is opened by ``unpack(message, limits)``: the documents in it take
the archive's place among the message's attachments, each read like one sent on its own. Bounded:
the archive is measured first (``check_zip``: a zip bomb is never inflated), at most
``MAX_ARCHIVE_DOCUMENTS`` documents of at most the attachment limit each are taken, an archive in
an archive is opened once (``MAX_ARCHIVE_DEPTH``), and an encrypted or damaged archive stays as it
was, for a person to open (a warning says why). A .7z or .rar archive, which no reader here
opens, is never dropped: ``unpack`` warns that it is "an archive mailflow cannot open", so the
message goes to a person.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from dataclasses import dataclass, replace

from ..cleantext import one_line
from ..errors import LimitExceeded
from ..formats import of_type, reader_for
from ..message.names import safe_filename, unique
from ..message.sniff import sniff
from ..model import Attachment, Message

CHUNK = 1 << 20
MAX_ARCHIVE_DOCUMENTS = 20  # documents taken out of one archive: an order is one or a few
MAX_ARCHIVE_DEPTH = 2  # an archive in an archive is opened; one deeper is left for a person
MAX_ARCHIVE_INFLATED = 50 * 1024 * 1024  # all the documents of one archive, inflated
_ZIP_TYPES = ("application/zip", "application/x-zip-compressed")
MAX_ZIP_MEMBERS = 10_000  # an .xlsx of a purchase order has a few dozen parts
MAX_PDF_OBJECTS = 200_000  # "n 0 obj" headers: a 60-page PO has a few thousand
MAX_PAGE_AREA = 14_400 * 14_400  # PDF's own largest page (200 in square), in points²
# Text a page shows is held by the PDF reader as one object per character: a content stream
# is bounded much tighter than an image. Streams whose dictionary names an image or a font
# file get the general limit.
MAX_PDF_CONTENT_BYTES = 4 * 1024 * 1024  # ten times the most any real PO here needs (0.4 MB)

_STREAM = re.compile(rb"stream\r?\n")
# Bounded repeats only: these run over a stranger's bytes (a long run of digits must not backtrack).
_NUMBER = rb"([-+]?[\d.]{1,20})"
_MEDIABOX = re.compile(rb"/MediaBox\s{0,10}\[\s{0,10}" + rb"\s{1,10}".join([_NUMBER] * 4))
_NOT_CONTENT = re.compile(
    rb"/Subtype\s*/Image|/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)"
    rb"|/Type\s*/(?:ObjStm|XRef|EmbeddedFile)"
)


def check(kind: str | None, data: bytes, name: str, limits) -> None:
    """Raise ``LimitExceeded`` when ``data`` (an attachment of type ``kind``) inflates too far."""
    if limits is None:
        return
    record = of_type(kind or "")
    measure = record.inflate if record is not None else None  # the formats that inflate say so
    if measure == "zip":
        check_zip(data, name, limits.max_inflated_bytes, limits.max_inflated_total)
    elif measure == "pdf":
        check_pdf(data, name, limits.max_inflated_bytes, limits.max_inflated_total)


def check_zip(data: bytes, name: str, per_member: int, total: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # not a zip after all: the reader says so
    if len(members) > MAX_ZIP_MEMBERS:
        raise LimitExceeded(f"{name}: {len(members)} parts in the file (over {MAX_ZIP_MEMBERS})")
    for member in members:
        if member.file_size > per_member:
            raise _too_big(name, one_line(member.filename), member.file_size, per_member, "declares")
    declared = sum(m.file_size for m in members)
    if declared > total:
        raise _too_big(name, "its parts", declared, total, "declare")
    inflated = 0
    for member in members:
        size = 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    inflated += len(chunk)
                    if size > per_member:
                        raise _too_big(name, one_line(member.filename), size, per_member, "inflates to more than")
                    if inflated > total:
                        raise _too_big(name, "its parts", inflated, total, "inflate to more than")
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, ValueError):
            continue  # a damaged or encrypted member: the reader reports it


def check_pdf(data: bytes, name: str, per_stream: int, total: int) -> None:
    objects = data.count(b" obj") + data.count(b"\nobj") + data.count(b"\robj")
    if objects > MAX_PDF_OBJECTS:
        raise LimitExceeded(f"{name}: {objects} objects in the PDF (over {MAX_PDF_OBJECTS})")
    for box in _MEDIABOX.finditer(data):
        try:
            x0, y0, x1, y1 = (float(v) for v in box.groups())
        except ValueError:
            continue
        if abs(x1 - x0) * abs(y1 - y0) > MAX_PAGE_AREA:
            raise LimitExceeded(
                f"{name}: a page of {abs(x1 - x0):.0f} × {abs(y1 - y0):.0f} points is larger than a PDF page can be"
            )
    inflated = content = 0
    position = 0
    while match := _STREAM.search(data, position):
        start = match.end()
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            position = start  # the "stream" of an "endstream"
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        position = end
        head = data[max(0, match.start() - 600) : match.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        is_content = not _NOT_CONTENT.search(head)
        cap = min(per_stream, MAX_PDF_CONTENT_BYTES - content) if is_content else per_stream
        size = _inflated_size(data[start:end], cap + 1)
        inflated += size
        content += size if is_content else 0
        if content > MAX_PDF_CONTENT_BYTES:
            raise _too_big(name, "its page content", content, MAX_PDF_CONTENT_BYTES, "inflates to more than")
        if size > per_stream:
            raise _too_big(name, "a stream", size, per_stream, "inflates to more than")
        if inflated > total:
            raise _too_big(name, "its streams", inflated, total, "inflate to more than")


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes ``raw`` inflates to (0 when it is not zlib data), counting no further than ``cap``."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        size += len(inflater.decompress(raw, CHUNK))
        while inflater.unconsumed_tail and size <= cap:
            tail = inflater.unconsumed_tail
            out = inflater.decompress(tail, CHUNK)
            if not out and len(inflater.unconsumed_tail) >= len(tail):
                break  # no progress (the stream ended inside the data): nothing more comes out
            size += len(out)
    except zlib.error:
        return size
    return size


def _too_big(name: str, part: str, size: int, limit: int, verb: str) -> LimitExceeded:
    if "more than" in verb:  # measured up to the limit only: the limit is what is known
        return LimitExceeded(f"{name}: {part} {verb} the {_mb(limit)} limit; not read")
    return LimitExceeded(f"{name}: {part} {verb} {_mb(size)} (the limit is {_mb(limit)}); not read")


def _mb(size: int) -> str:
    return f"{size / 1048576:.0f} MB" if size >= 10 * 1048576 else f"{size / 1048576:.1f} MB"


def unpack(message: Message, limits) -> tuple[Message, list[str], list[str]]:
    """``message`` with each zip attachment replaced by the documents inside it, and
    (explain lines, warnings). A zip holding no document, or one that cannot be opened, stays."""
    warnings: list[str] = [unopened for a in message.attachments if (unopened := _unopenable(a))]
    if not any(_is_archive(a) for a in message.attachments):
        return message, [], warnings
    explain: list[str] = []
    taken = {a.filename.lower() for a in message.attachments if not _is_archive(a)}
    budget = _Budget()  # one for the whole message: its archives and the archives inside them
    out: list[Attachment] = []
    for attachment in message.attachments:
        if not _is_archive(attachment):
            out.append(attachment)
            continue
        inside = _open(attachment, limits, 1, taken, explain, warnings, budget)
        out.extend(inside if inside else [attachment])
    return replace(message, attachments=tuple(out)), explain, warnings


@dataclass
class _Budget:
    """What the archives of one message may still give: inflated bytes and documents taken. An
    archive inside an archive draws on its outer one's budget, never on a fresh one."""

    inflated: int = MAX_ARCHIVE_INFLATED
    documents: int = MAX_ARCHIVE_DOCUMENTS


def _is_archive(attachment: Attachment) -> bool:
    return not attachment.inline and attachment.content_type in _ZIP_TYPES


# Archives no reader here opens (7-Zip and RAR need libraries mailflow does not carry): by their
# signature, their declared type or their name. An order may be inside, so a person opens them.
_UNOPENED = (
    ("7-Zip", b"7z\xbc\xaf\x27\x1c", ("application/x-7z-compressed",), ".7z"),
    ("RAR", b"Rar!\x1a\x07", ("application/vnd.rar", "application/x-rar-compressed", "application/x-rar"), ".rar"),
)


def _unopenable(attachment: Attachment) -> str | None:
    """The warning for an archive mailflow cannot open, or None for any other attachment."""
    if attachment.inline:
        return None
    named = (attachment.original_filename or attachment.filename).lower()
    for label, magic, types, extension in _UNOPENED:
        if attachment.data.startswith(magic) or attachment.content_type in types or named.endswith(extension):
            return (
                f"{attachment.filename}: an archive mailflow cannot open ({label}); "
                "it must be opened by a person, an order may be inside"
            )
    return None


def _open(
    archive: Attachment,
    limits,
    depth: int,
    taken: set[str],
    explain: list[str],
    warnings: list[str],
    budget: _Budget,
) -> list[Attachment]:
    """The documents inside ``archive`` (a zip), as attachments; [] when none are taken."""
    name = archive.filename
    per_member = min(getattr(limits, "max_attachment_bytes", MAX_ARCHIVE_INFLATED), MAX_ARCHIVE_INFLATED)
    total = min(getattr(limits, "max_inflated_total", MAX_ARCHIVE_INFLATED), max(budget.inflated, 0))
    try:
        check_zip(archive.data, name, per_member, total)
        zipped = zipfile.ZipFile(io.BytesIO(archive.data))
        members = [m for m in zipped.infolist() if _document_member(m.filename) and not m.is_dir()]
    except LimitExceeded as exc:
        warnings.append(f"{exc} (an archive: it must be opened by a person)")
        return []
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        warnings.append(f"{name}: a damaged archive; it must be opened by a person")
        return []
    if any(m.flag_bits & 0x1 for m in members):
        warnings.append(f"{name}: a password-protected archive; it must be opened by a person")
        return []
    if len(members) > budget.documents:
        warnings.append(f"{name}: {len(members)} files in the archive; only the first {budget.documents} were read")
    out: list[Attachment] = []
    for member in members[: budget.documents]:
        if budget.documents <= 0:
            break  # an archive inside this one took what was left
        try:
            data = zipped.read(member)  # measured by check_zip: at most ``per_member``, all at most ``total``
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, ValueError, OSError):
            warnings.append(f"{name}: {one_line(member.filename)} cannot be taken out of the archive")
            continue
        budget.inflated -= len(data)
        original = member.filename.rsplit("/", 1)[-1]
        kind = sniff(data, "", original)
        if kind in _ZIP_TYPES:
            if depth >= MAX_ARCHIVE_DEPTH:
                warnings.append(
                    f"{name}: {one_line(original)} is an archive inside an archive; it must be opened by a person"
                )
                continue
            inner = Attachment(safe_filename(original, "archive.zip"), kind, data, original_filename=original)
            out.extend(_open(inner, limits, depth + 1, taken, explain, warnings, budget))
            continue
        filename = unique(safe_filename(original, "document"), taken)
        document = Attachment(filename, kind, data, original_filename=original)
        if reader_for(kind, document.extension, len(data)) is None:
            continue  # a file no reader reads (an executable, a drawing): not a document here
        out.append(document)
        budget.documents -= 1
        explain.append(f"archive: {filename} taken out of {name}")
    return out


def _document_member(path: str) -> bool:
    """Not the folder metadata archivers add (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``)."""
    parts = path.replace("\\", "/").split("/")
    return not any(p.startswith(".") or p == "__MACOSX" for p in parts) and parts[-1].lower() != "thumbs.db"
