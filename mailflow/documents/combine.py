"""Many documents through one LibreOffice load, each still its own PDF.

LibreOffice spends about 60 ms of CPU on every document it converts, most of it opening the
document (a model, a frame, the Word import's set-up), as much for a one-paragraph letter as for
an order form: in a backlog, the PDFs of the acknowledgements cost more than reading the orders.
Forms rendered from the same template can instead go to LibreOffice as one document: their bodies
one after another, each beginning a new page, with a bookmark on its first paragraph. LibreOffice
opens that once and exports one PDF, the bookmarks as its named destinations, which is cut here
(PDFium, ``pypdfium2``) at those destinations into one PDF per form: the same words in the
same places in the same fonts as the form converted alone (``tests/test_documents_combine.py``
compares them), for less than half the CPU.

Only what can be put side by side without changing how it prints is combined: documents whose
package is the same but for the body (the same template, styles, numbering, fonts, pictures),
with one section and the same page set-up, no header or footer, no field (a page number would
count the other forms' pages), no list numbering (it would go on from one form to the next), no
footnote, drawing or text box, no tracked change, beginning with a paragraph. Anything else is converted on
its own, as before.

    signature(docx) -> str | None               the same for documents that can go together
    combine(docx_paths, target) -> list[str]    the combined .docx; the bookmark of each part
    split(pdf, marks, targets)                  one PDF per part, from the page of its bookmark
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pypdfium2

BODY = "word/document.xml"
MARK = "mailflowpart"  # + the part's index: the bookmark on its first paragraph (letters and digits
# only: LibreOffice writes another character of a bookmark's name into the PDF's destination escaped)
MARK_ID = 1_000_000  # bookmark ids from here on (a Word document numbers its own from 0)

# What, in the body, would print differently beside another form (see the module docstring).
_REFUSED = re.compile(
    r"<w:(?:headerReference|footerReference|fldSimple|instrText|fldChar|numPr|footnoteReference|endnoteReference"
    r"|drawing|pict|object|txbxContent|pPrChange|rPrChange|sectPrChange|ins|del|type)[ />]|<mc:AlternateContent"
)
_SECTION = re.compile(r"<w:sectPr[ >].*?</w:sectPr>", re.S)
_PARAGRAPH = re.compile(r"<w:p[ >]")
_PARAGRAPH_STYLE = re.compile(r"<w:pStyle [^>]*/>")
_STYLE = re.compile(r"(<w:style\b[^>]*>)(.*?)</w:style>", re.S)
_STYLE_ID = re.compile(r"w:styleId=\"([^\"]+)\"")
_BASED_ON = re.compile(r"<w:basedOn w:val=\"([^\"]+)\"")
_STYLE_USED = re.compile(r"<w:pStyle w:val=\"([^\"]+)\"")
STYLES = "word/styles.xml"
DEFAULT = ""  # in ``_numbered``: the default paragraph style


def signature(docx: str | Path) -> str | None:
    """The same string for documents that can be combined with each other, None for one that
    must be converted alone (or cannot be read)."""
    try:
        with zipfile.ZipFile(docx) as package:
            infos = {info.filename: info for info in package.infolist()}
            if BODY not in infos:
                return None
            body = package.read(BODY).decode("utf-8")
            digest = hashlib.sha256()
            for name in sorted(infos):
                if name != BODY and not name.startswith("docProps/"):
                    digest.update(f"{name}\0{infos[name].CRC}\0{infos[name].file_size}\0".encode())
            styles = infos.get(STYLES)
            numbered = _numbered(styles.CRC, styles.file_size, package.read(STYLES)) if styles else frozenset()
    except (OSError, zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError):
        return None
    parts = _parts(body)
    if parts is None or MARK in body or DEFAULT in numbered or numbered.intersection(_STYLE_USED.findall(body)):
        return None
    head, _, section, _ = parts
    digest.update(head.encode())
    digest.update(section.encode())
    return digest.hexdigest()


_numbered_seen: dict[tuple[int, int], frozenset[str]] = {}


def _numbered(crc: int, size: int, styles: bytes) -> frozenset[str]:
    """The paragraph styles of a styles part that number their paragraphs (a list style, or one
    based on it): a form using one would go on counting from the form before it."""
    key = (crc, size)
    if key not in _numbered_seen:
        text = styles.decode("utf-8", errors="replace")
        based: dict[str, str] = {}
        numbered: set[str] = set()
        for opening, inner in _STYLE.findall(text):
            found = _STYLE_ID.search(opening)
            style_id = found.group(1) if found else ""
            if 'w:default="1"' in opening and 'w:type="paragraph"' in opening:
                style_id = DEFAULT  # the style of every paragraph that names none
            parent = _BASED_ON.search(inner)
            if parent:
                based[style_id] = parent.group(1)
            if "<w:numPr" in inner:
                numbered.add(style_id)
        grown = True
        while grown:
            more = {style for style, parent in based.items() if parent in numbered} - numbered
            numbered |= more
            grown = bool(more)
        if len(_numbered_seen) > 32:
            _numbered_seen.clear()
        _numbered_seen[key] = frozenset(numbered)
    return _numbered_seen[key]


def _parts(body_xml: str) -> tuple[str, str, str, str] | None:
    """(the text up to ``<w:body>``, the body without its section, the section, the rest), or
    None when the body cannot be combined."""
    start = body_xml.find("<w:body>")
    end = body_xml.rfind("</w:body>")
    if start < 0 or end < 0:
        return None
    head, body, tail = body_xml[: start + len("<w:body>")], body_xml[start + len("<w:body>") : end], body_xml[end:]
    sections = _SECTION.findall(body)
    if len(sections) != 1 or not body.endswith(sections[0]) or _REFUSED.search(body):
        return None
    inner = body[: -len(sections[0])]
    if not _PARAGRAPH.match(inner):
        return None
    return head, inner, sections[0], tail


def _marked(inner: str, index: int) -> str:
    """``inner`` with a bookmark at the start of its first paragraph, which begins a new page
    (but the first part's)."""
    opening = inner.index(">") + 1
    mark = (
        f'<w:bookmarkStart w:id="{MARK_ID + index}" w:name="{MARK}{index}"/><w:bookmarkEnd w:id="{MARK_ID + index}"/>'
    )
    if inner.startswith("<w:pPr/>", opening):
        inner = inner[:opening] + "<w:pPr></w:pPr>" + inner[opening + len("<w:pPr/>") :]
    elif not inner.startswith("<w:pPr>", opening):
        inner = inner[:opening] + "<w:pPr></w:pPr>" + inner[opening:]
    properties = opening + len("<w:pPr>")
    close = inner.index("</w:pPr>", properties)
    if index and "<w:pageBreakBefore" not in inner[properties:close]:
        style = _PARAGRAPH_STYLE.match(inner, properties)  # the style comes first, then the break
        at = style.end() if style else properties
        inner = inner[:at] + "<w:pageBreakBefore/>" + inner[at:]
        close += len("<w:pageBreakBefore/>")
    close += len("</w:pPr>")
    return inner[:close] + mark + inner[close:]


def combine(docx_paths: list[Path], target: Path) -> list[str]:
    """Write into ``target`` one document of the ``docx_paths`` (all of one ``signature``: the
    same package and page set-up), each part beginning a new page; the name of the bookmark on
    each part's first paragraph."""
    bodies: list[str] = []
    head = tail = section = ""
    for index, path in enumerate(docx_paths):
        with zipfile.ZipFile(path) as package:
            parts = _parts(package.read(BODY).decode("utf-8"))
        if parts is None:
            raise ValueError(f"{Path(path).name} cannot be combined")
        if index == 0:
            head, _, section, tail = parts
        bodies.append(_marked(parts[1], index))
    document = head + "".join(bodies) + section + tail
    with zipfile.ZipFile(docx_paths[0]) as base, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in base.infolist():
            data = document.encode("utf-8") if info.filename == BODY else base.read(info.filename)
            out.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), data)
    return [f"{MARK}{index}" for index in range(len(docx_paths))]


def split(pdf: Path, marks: list[str], targets: list[Path]) -> None:
    """Cut ``pdf`` into ``targets``: part ``i`` is from the page of the named destination
    ``marks[i]`` up to the page before the next part's. ``ValueError`` when a destination is
    missing or the pages do not fit (then nothing is to be trusted: the parts are converted
    alone)."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        total = len(document)
        starts = [_page_of(document, mark) for mark in marks]
        bounds = [*starts, total + 1]
        if (
            len(starts) != len(targets)
            or not starts
            or starts[0] != 1
            or any(a >= b for a, b in zip(bounds, bounds[1:]))
        ):
            raise ValueError(f"parts on pages {starts} of {total}")
        for index, target in enumerate(targets):
            part = pypdfium2.PdfDocument.new()
            try:
                part.import_pages(document, pages=list(range(bounds[index] - 1, bounds[index + 1] - 1)))
                part.save(str(target))
            finally:
                part.close()
    finally:
        document.close()


def _page_of(document: pypdfium2.PdfDocument, mark: str) -> int:
    """The page (1 = the first) of the named destination ``mark``; ``ValueError`` if none."""
    destination = pypdfium2.raw.FPDF_GetNamedDestByName(document.raw, mark.encode("ascii"))
    page = pypdfium2.raw.FPDFDest_GetDestPageIndex(document.raw, destination) if destination else -1
    if page < 0:
        raise ValueError(f"no destination {mark}")
    return page + 1
