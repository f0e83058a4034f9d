"""The .xlsx package without openpyxl: a bounded streaming read, and a write that patches rows.

A full openpyxl load and save costs time and memory in proportion to everything the workbook
holds. A tracker cycle changes a few rows, so this module does two cheaper things:

* ``read_sheets`` streams each sheet's XML (read in chunks, one ``<row>`` scanned at a time, never
  the whole sheet in memory) into a ``SheetData``:
  row number → (column → value), for the columns the caller picks, plus every column of the rows
  it asks for by key. Values come out as openpyxl gives them (shared and inline strings, numbers,
  dates by their number format, booleans, ``=formula`` text), so the readers of ``sync``,
  ``customers`` and ``payments`` work on a ``SheetData`` as on a worksheet.
* ``write_patched`` copies the package to a new file part by part: every part nobody changed is
  copied as it is; a sheet with changes is streamed through and only the changed ``<row>``
  elements are rebuilt (cells mailflow did not touch are kept as they were, byte for byte), new
  rows are appended with the styles of the row above them, and the ranges that cover the rows
  (dimension, auto-filter, a table staff made of the sheet, validations and conditional formats
  that ended on the last row) grow with them. Text is always an inline string, never a formula.

What patching cannot do it refuses with ``NeedsFullWrite`` (a reason), and the tracker then takes
the full openpyxl path: see ``Tracker.write``. A drawn sheet (Dashboard, Production Plan) is
drawn by its usual code on a ``DrawnSheet``; its rows replace the old ones and its charts the old
chart parts (the same number of charts, which a tracker always has).
"""

from __future__ import annotations

import bisect
import codecs
from array import array
from collections import deque
import datetime as dt
import hashlib
import html
import posixpath
import re
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Protocol
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from openpyxl.styles.fills import Fill
from openpyxl.styles.fonts import Font
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.xml.functions import tostring
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, to_excel

from .cells import decimal_text
from .workbook import MarkerScan

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_M = "{" + _MAIN + "}"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_CHUNK = 1 << 20
# zlib level of the sheets a write rewrites: level 1 deflates a large sheet about four times as
# fast as the default 6, for a part about a third larger; every other part keeps its bytes.
REWRITE_LEVEL = 1
_BUILTIN_IDS = {code: number for number, code in BUILTIN_FORMATS.items()}
_ROW = re.compile(rb"<row\b[^>]*?/>|<row\b.*?</row>", re.S)
_CELL = re.compile(r"<c\b[^>]*?/>|<c\b.*?</c>", re.S)
_ATTR = re.compile(r'(\w+(?::\w+)?)="([^"]*)"')
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
# Elements that follow <hyperlinks> in a worksheet (schema order): a new <hyperlinks> goes before.
_AFTER_HYPERLINKS = (
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
)


class NeedsFullWrite(Exception):
    """A change the patch writer does not make; the reason says which (the full save does)."""


# --------------------------------------------------------------------------- the package


@dataclass
class Package:
    """Where things are in one .xlsx: sheet name → part, shared strings, styles, the epoch."""

    path: Path
    sheets: dict[str, str]
    strings: list[str]
    styles: "Styles"
    epoch: dt.datetime
    seals: dict[str, tuple[int, int]] = field(default_factory=dict)  # part → (CRC, size)
    # What ``read_sheets`` found of ``workbook.inspect_parts``' markers in the parts it
    # inflated whole: part → ((CRC, size) of the part read, findings).
    scanned: dict[str, tuple[tuple[int, int], set[str]]] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path) -> "Package":
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            seals = member_seals(archive)
            workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            rels = _targets(archive, "xl/workbook.xml")
            sheets = {}
            for sheet in workbook.iter(f"{_M}sheet"):
                part = rels.get(sheet.get(f"{{{_REL_NS}}}id") or "", "")
                if part in names:
                    sheets[sheet.get("name", "")] = part
            pr = workbook.find(f"{_M}workbookPr")
            mac = pr is not None and pr.get("date1904") in ("1", "true")
            strings = _shared_strings(archive) if "xl/sharedStrings.xml" in names else []
            styles = Styles(archive.read("xl/styles.xml") if "xl/styles.xml" in names else b"")
        return cls(path, sheets, strings, styles, CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900, seals)

    _shared: "SharedText | None" = field(default=None, repr=False, compare=False)

    @property
    def shared_text(self) -> "SharedText":
        """The shared strings as fingerprints spell them (made once per package)."""
        if self._shared is None:
            self._shared = SharedText(self.strings)
        return self._shared

    @property
    def context(self) -> tuple:
        """The parts that give a sheet's cells their values (strings, formats, the epoch)."""
        return context_of(self.seals)


def context_of(seals: dict[str, tuple[int, int]]) -> tuple:
    return tuple(seals.get(name) for name in ("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"))


def member_seals(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """Each part's CRC and size, from the zip's directory (nothing is inflated)."""
    return {info.filename: (info.CRC, info.file_size) for info in archive.infolist()}


@dataclass(frozen=True)
class Kept:
    """What a write needs of one sheet, remembered for as long as its part stays the same: the
    rows (row → column → value) of the columns kept, and the last row holding a value.

    ``seal`` is the part's CRC and size and ``context`` the package's (``Package.context``) when
    the rows were read or written; a part that no longer has both is read again. With
    ``columns`` given, the rows are held flat (their numbers, then their cells in ``columns``
    order, one row after the other) to stay small between cycles.
    """

    part: str
    seal: tuple[int, int]
    context: tuple
    columns: tuple[int, ...] | None  # None: every column (rows held as dicts, in ``whole``)
    header: dict[int, Any]
    numbers: array
    cells: list[Any]
    whole: tuple[dict[int, Any], ...]
    last_row: int

    @classmethod
    def of(cls, data: "SheetData", seal: tuple[int, int], context: tuple, columns: Iterable[int] | None) -> "Kept":
        """What is kept of ``data`` as it will be once written (its changes in, removed rows out)."""
        cols = None if columns is None else tuple(columns)
        numbers = array("q")
        cells: list[Any] = []
        whole: list[dict[int, Any]] = []
        intern = sys.intern
        if cols is None:
            for number, values in data.written_rows():
                numbers.append(number)
                whole.append(dict(values))
        elif len(cols) == 1:  # the plain case inline: a row for every order
            (col,) = cols
            for number, values in data.written_rows():
                value = values.get(col)
                if value is not None:
                    numbers.append(number)
                    cells.append(intern(value) if type(value) is str else value)
        elif len(cols) == 2:  # the lines: an order number and a line number per row
            first, second = cols
            for number, values in data.written_rows():
                a, b = values.get(first), values.get(second)
                if a is not None or b is not None:
                    numbers.append(number)
                    # One string per key: the lines of an order share its number.
                    cells.append(intern(a) if type(a) is str else a)
                    cells.append(intern(b) if type(b) is str else b)
        else:
            for number, values in data.written_rows():
                found = [values.get(c) for c in cols]
                if any(v is not None for v in found):
                    numbers.append(number)
                    # One string per key: the lines of an order share its number.
                    cells.extend(intern(v) if type(v) is str else v for v in found)
        header = dict(data.rows.get(1, {}))
        return cls(data.part, seal, context, cols, header, numbers, cells, tuple(whole), data.written_last_row())

    def holds(self, package: "Package") -> bool:
        return package.seals.get(self.part) == self.seal and package.context == self.context

    def sheet(self, title: str, package: "Package") -> "SheetData":
        """A ``SheetData`` as a streaming read of the kept columns would make it."""
        data = SheetData(title, self.part, formats=package.styles, epoch=package.epoch, last_row=self.last_row)
        data.rows[1] = dict(self.header)
        cols = self.columns
        if cols is None:
            data.rows.update((number, dict(values)) for number, values in zip(self.numbers, self.whole))
            return data
        width = len(cols)
        for index, number in enumerate(self.numbers):
            values = self.cells[index * width : index * width + width]
            data.rows[number] = {c: v for c, v in zip(cols, values) if v is not None}
        return data


def _targets(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id → target part (external targets left out) of ``part``."""
    folder, name = posixpath.split(part)
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in archive.namelist():
        return {}
    found = {}
    for rel in ElementTree.fromstring(archive.read(rels)):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        found[rel.get("Id", "")] = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
        )
    return found


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The shared strings in order: each item's text, its runs joined (phonetic hints left out)."""
    text = archive.read("xl/sharedStrings.xml").decode("utf-8")
    if re.search(r"<\w+:si\b", text):
        raise NeedsFullWrite("the shared strings use a namespace prefix")
    strings = []
    for item in re.finditer(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", text, re.S):
        inner = _PHONETIC.sub("", item.group(1) or "")
        strings.append(_unescape("".join(t or "" for t in _T.findall(inner))))
    return strings


# --------------------------------------------------------------------------- styles


class Styles:
    """The cell formats (``cellXfs``) of styles.xml: what a cell's ``s`` means, and new formats
    made from an existing one (another number format, font or fill), added at the end so every
    index already used in the workbook keeps its meaning."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        self.changed = False
        self.formats: dict[int, str] = dict(BUILTIN_FORMATS)
        self.xfs: list[dict[str, Any]] = []
        self.font_list: list[Any] = []
        self.fill_list: list[Any] = []
        self._added: dict[tuple, int] = {}
        self._dates: dict[int, bool] = {}
        self._new_xfs: list[str] = []
        self._new_formats: list[tuple[int, str]] = []
        self._new_fonts: list[str] = []
        self._new_fills: list[str] = []
        if not xml:
            raise NeedsFullWrite("the workbook has no styles part")
        root = ElementTree.fromstring(xml)
        for fmt in root.iter(f"{_M}numFmt"):
            self.formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        fonts, fills, xfs = root.find(f"{_M}fonts"), root.find(f"{_M}fills"), root.find(f"{_M}cellXfs")
        self.font_list = [_parsed(Font, f) for f in (fonts if fonts is not None else [])]
        self.fill_list = [_parsed(Fill, f) for f in (fills if fills is not None else [])]
        for xf in xfs if xfs is not None else []:
            self.xfs.append({"attrs": dict(xf.attrib), "children": [(c.tag, dict(c.attrib)) for c in xf]})
        if not self.xfs:
            raise NeedsFullWrite("the workbook's styles have no cell formats")

    def number_format(self, index: int | None) -> str:
        if index is None or index >= len(self.xfs):
            return "General"
        return self.formats.get(int(self.xfs[index]["attrs"].get("numFmtId", "0")), "General")

    def is_date(self, index: int | None) -> bool:
        if index is None:
            return False
        if index not in self._dates:
            self._dates[index] = is_date_format(self.number_format(index))
        return self._dates[index]

    def derive(self, base: int | None, *, number_format: str | None = None, font: Any = None, fill: Any = None) -> int:
        """The index of a format like ``base`` with another number format / font / fill."""
        base = base if base is not None and base < len(self.xfs) else 0
        key = (base, number_format, repr(font), repr(fill))
        if key in self._added:
            return self._added[key]
        attrs = dict(self.xfs[base]["attrs"])
        if number_format is not None:
            attrs["numFmtId"] = str(self._format_id(number_format))
            attrs["applyNumberFormat"] = "1"
        if font is not None:
            attrs["fontId"] = str(self._add_font(font))
            attrs["applyFont"] = "1"
        if fill is not None:
            attrs["fillId"] = str(self._add_fill(fill))
            attrs["applyFill"] = "1"
        children = [c for c in self.xfs[base]["children"] if c[0] in (f"{_M}alignment", f"{_M}protection")]
        for index, xf in enumerate(self.xfs):  # the same format already there: use it
            if xf["attrs"] == attrs and xf["children"] == children:
                self._added[key] = index
                return index
        self.xfs.append({"attrs": attrs, "children": children})
        inner = "".join(f"<{tag.split('}')[-1]}{_attrs(a)}/>" for tag, a in children)
        self._new_xfs.append(f"<xf{_attrs(attrs)}>{inner}</xf>" if inner else f"<xf{_attrs(attrs)}/>")
        self._added[key] = len(self.xfs) - 1
        self.changed = True
        return len(self.xfs) - 1

    def _format_id(self, code: str) -> int:
        for number, existing in self.formats.items():
            if existing == code:
                return number
        number = max([163, *(n for n in self.formats if n >= 164)]) + 1
        self.formats[number] = code
        self._new_formats.append((number, code))
        return number

    def _add_font(self, font: Any) -> int:
        if font in self.font_list:
            return self.font_list.index(font)
        self.font_list.append(font)
        self._new_fonts.append(_xml_of(font))
        return len(self.font_list) - 1

    def _add_fill(self, fill: Any) -> int:
        if fill in self.fill_list:
            return self.fill_list.index(fill)
        self.fill_list.append(fill)
        self._new_fills.append(_xml_of(fill))
        return len(self.fill_list) - 1

    def patched(self) -> bytes:
        """styles.xml with the formats made by ``derive`` appended (text inserted, the rest as it was)."""
        text = self.xml.decode("utf-8")
        if self._new_formats:
            items = "".join(
                f"<numFmt numFmtId={quoteattr(str(n))} formatCode={quoteattr(c)}/>" for n, c in self._new_formats
            )
            text = _append_items(text, "numFmts", items, len(self._new_formats), create_after="styleSheet")
        text = _append_items(text, "fonts", "".join(self._new_fonts), len(self._new_fonts))
        text = _append_items(text, "fills", "".join(self._new_fills), len(self._new_fills))
        text = _append_items(text, "cellXfs", "".join(self._new_xfs), len(self._new_xfs))
        return text.encode("utf-8")


def _parsed(kind: Any, elem: ElementTree.Element) -> Any:
    try:
        return kind.from_tree(elem)
    except (TypeError, ValueError):  # a format openpyxl does not read: never equal to a new one
        return object()


def _xml_of(style: Any) -> str:
    """A openpyxl ``Font`` / ``PatternFill`` as the XML styles.xml holds it."""
    return tostring(style.to_tree()).decode("utf-8")


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items() if not k.startswith("{"))


def _append_items(text: str, tag: str, items: str, count: int, create_after: str = "") -> str:
    """Insert ``items`` at the end of the ``<tag>`` list of ``text`` and raise its count."""
    if not count:
        return text
    opening = re.search(rf"<(\w+:)?{tag}\b([^>]*?)(/?)>", text)
    if opening is None:
        if not create_after:
            raise NeedsFullWrite(f"styles.xml has no <{tag}> list")
        root = re.search(rf"<(\w+:)?{create_after}\b[^>]*>", text)
        assert root is not None
        return text[: root.end()] + f'<{tag} count="{count}">{items}</{tag}>' + text[root.end() :]
    prefix = opening.group(1) or ""
    if prefix:
        raise NeedsFullWrite("styles.xml uses a namespace prefix")
    attrs = opening.group(2)
    found = re.search(r'count="(\d+)"', attrs)
    total = (int(found.group(1)) if found else 0) + count
    attrs = re.sub(r'count="\d+"', f'count="{total}"', attrs) if found else attrs + f' count="{total}"'
    if opening.group(3):  # <tag/>: no items yet
        return text[: opening.start()] + f"<{tag}{attrs}>{items}</{tag}>" + text[opening.end() :]
    close = text.index(f"</{tag}>", opening.end())
    return text[: opening.start()] + f"<{tag}{attrs}>" + text[opening.end() : close] + items + text[close:]


# --------------------------------------------------------------------------- reading


class PatchCell:
    """One cell as ``sync.put`` writes it in a ``SheetData``: the value, the number format it
    asks for, a hyperlink and a font. The writer turns it into XML."""

    __slots__ = ("value", "data_type", "hyperlink", "font", "fill", "_format", "format_set")

    def __init__(self, value: Any, number_format: str) -> None:
        self.value = value
        self.data_type = "n"
        self.hyperlink: str | None = None
        self.font: Any = None
        self.fill: Any = None
        self._format = number_format
        self.format_set = False

    @property
    def number_format(self) -> str:
        return self._format

    @number_format.setter
    def number_format(self, code: str) -> None:
        self._format = code
        self.format_set = True


@dataclass
class SheetData:
    """What a streaming read kept of one sheet, and the cells a write changes in it.

    ``rows`` holds row → (column → value) for the non-empty cells kept (row 1, the header, in
    full). ``cell()`` and ``remove_rows()`` record changes for ``write_patched``.
    """

    title: str
    part: str
    rows: dict[int, dict[int, Any]] = field(default_factory=dict)
    styles: dict[tuple[int, int], int] = field(default_factory=dict)  # of the rows kept whole
    last_row: int = 1  # the last row holding a value
    formats: Styles | None = None
    changes: dict[tuple[int, int], PatchCell] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    whole: set[int] = field(default_factory=set)  # rows kept with every column
    redrawn: bool = False  # every row is replaced by the changes (a sheet mailflow draws whole)
    epoch: dt.datetime = CALENDAR_WINDOWS_1900
    indexes: dict[tuple[int, ...], Any] = field(default_factory=dict, repr=False, compare=False)  # see sync.index_rows
    # A fingerprinted read (``Known``): rows kept with their key only, as recorded, and the
    # fingerprints of the rows decoded. A write records those of the rows it writes.
    fingerprinted: bool = False
    unchanged: set[int] = field(default_factory=set)
    fingerprints: dict[int, bytes] = field(default_factory=dict)
    written_fingerprints: dict[int, bytes] | None = None  # set to {} to have a write fill it (row as written → digest)

    def cell(self, row: int, column: int) -> PatchCell:
        found = self.changes.get((row, column))
        if found is None:
            current = self.rows.get(row, {}).get(column)
            code = self.formats.number_format(self.styles.get((row, column))) if self.formats else "General"
            found = self.changes[(row, column)] = PatchCell(current, code)
        return found

    def remove_rows(self, rows: Iterable[int]) -> None:
        self.removed |= set(rows)

    def current_rows(self) -> dict[int, dict[int, Any]]:
        """``rows`` below the header with the values written since the read."""
        if not self.changes:
            return {number: values for number, values in self.rows.items() if number > 1 and values}
        rows = {number: values for number, values in self.rows.items() if number > 1}
        for (row, col), cell in self.changes.items():
            if row == 1:
                continue
            values = rows[row] = dict(rows.get(row, {}))
            if cell.value is None or cell.value == "":
                values.pop(col, None)
            else:
                values[col] = cell.value
        return {number: values for number, values in rows.items() if values}

    def written_rows(self) -> Iterator[tuple[int, dict[int, Any]]]:
        """``current_rows`` one row at a time, numbered as written (rows below removed ones
        move up), without a copy of the sheet."""
        changed: dict[int, dict[int, PatchCell]] = {}
        for (row, col), cell in self.changes.items():
            changed.setdefault(row, {})[col] = cell
        removed = sorted(self.removed)
        gone = self.removed
        rows = self.rows
        empty: dict[int, Any] = {}
        for number in sorted(rows.keys() | changed.keys()) if changed else sorted(rows):
            if number == 1 or (gone and number in gone):
                continue
            values = rows.get(number, empty)
            if number in changed:
                values = dict(values)
                for col, cell in changed[number].items():
                    if cell.value is None or cell.value == "":
                        values.pop(col, None)
                    else:
                        values[col] = cell.value
            if values:
                yield (number - bisect.bisect_left(removed, number) if removed else number), values

    def written_rows_among(self, numbers: Iterable[int]) -> Iterator[tuple[int, dict[int, Any]]]:
        """``written_rows`` of the rows ``numbers`` only (for a sheet with no row removed)."""
        wanted = set(numbers)
        changed: dict[int, dict[int, PatchCell]] = {}
        for (row, col), cell in self.changes.items():
            if row in wanted:
                changed.setdefault(row, {})[col] = cell
        for number in sorted(wanted):
            values = dict(self.rows.get(number, {}))
            for col, cell in changed.get(number, {}).items():
                if cell.value is None or cell.value == "":
                    values.pop(col, None)
                else:
                    values[col] = cell.value
            if values:
                yield number, values

    def written_last_row(self) -> int:
        """The last row holding a value once written (as the writer grows the ranges to)."""
        last = max(self.max_written, 1)
        return last - bisect.bisect_left(sorted(self.removed), last)

    @property
    def max_written(self) -> int:
        """The last row holding a value once the changes are written."""
        written = [r for (r, _), cell in self.changes.items() if cell.value not in (None, "")]
        return max([self.last_row, *written])

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.removed or self.redrawn)


class DrawnCell(PatchCell):
    """A cell of a drawn sheet (the drawing code asks for its column letter)."""

    __slots__ = ("column_letter",)
    column_letter: str


class DrawnSheet(SheetData):
    """A sheet mailflow draws whole (Dashboard, Production Plan), drawn by the same code that
    draws it on an openpyxl worksheet: the cells it sets replace every row, the charts it adds
    replace the chart parts already there (``chart_parts``)."""

    max_row = 0  # nothing to delete first: every row is replaced anyway

    def __init__(self, title: str, part: str, formats: Styles, epoch: dt.datetime) -> None:
        super().__init__(title, part, formats=formats, epoch=epoch, last_row=0, redrawn=True)
        self._charts: list[tuple[Any, str]] = []
        self.column_dimensions: dict[str, Any] = _Ignored()
        self.freeze_panes: Any = None

    def cell(self, row: int, column: int, value: Any = None) -> PatchCell:
        found = self.changes.get((row, column))
        if found is None:
            made = DrawnCell(None, "General")
            made.column_letter = get_column_letter(column)
            found = self.changes[(row, column)] = made
        if value is not None:
            found.value = value
        return found

    def __getitem__(self, ref: str) -> PatchCell:
        found = _REF.fullmatch(ref)
        assert found is not None
        return self.cell(int(found.group(2)), column_index_from_string(found.group(1)))

    def __setitem__(self, ref: str, value: Any) -> None:
        self[ref].value = value

    def add_chart(self, chart: Any, anchor: str) -> None:
        self._charts.append((chart, anchor))


class _Ignored(dict):
    """Column widths of a drawn sheet: the same on every draw, kept from the first one."""

    def __missing__(self, key: str) -> Any:
        return _Width()


class _Width:
    width: float = 0


def chart_parts(package: Package, sheet: DrawnSheet) -> dict[str, bytes]:
    """The chart parts of ``sheet`` with the charts it drew now, in the order they are anchored;
    ``NeedsFullWrite`` when the number of charts changed (the drawing itself must change)."""
    with zipfile.ZipFile(package.path) as archive:
        drawings = [p for p in _targets(archive, sheet.part).values() if "/drawings/" in p]
        charts: list[str] = []
        for drawing in drawings:
            rels = _targets(archive, drawing)
            xml = archive.read(drawing).decode("utf-8")
            for rel_id in re.findall(r'<c:chart\b[^>]*?r:id="([^"]+)"', xml):
                charts.append(rels.get(rel_id, ""))
    if len(charts) != len(sheet._charts) or not all(charts):
        raise NeedsFullWrite(f"{sheet.title}: {len(sheet._charts)} charts to draw where there are {len(charts)}")
    return {part: tostring(chart._write()) for part, (chart, _) in zip(charts, sheet._charts)}


@dataclass
class Known:
    """The rows of a sheet whose fingerprint was recorded (fingerprint → row key), and where the
    key's columns are (``columns(header)``: their numbers in key order, or None when the header
    lacks one). A streamed row with a known fingerprint is not decoded: only its key is kept."""

    hashes: dict[bytes, str]
    columns: Callable[[dict[int, Any]], list[int] | None]


def read_sheets(
    package: Package,
    pick: dict[str, Callable[[dict[int, Any]], tuple[set[int] | None, Callable[[dict[int, Any]], bool] | None]]],
    known: dict[str, Known] | None = None,
) -> dict[str, SheetData]:
    """Stream the sheets named in ``pick`` (those the workbook has) into ``SheetData``.

    ``pick[name](header)`` gets row 1 (column → value) and returns the columns to keep of every
    row (None: all) and a test on those values saying which rows to keep whole, with styles
    (None: none). Memory is what is kept, never the whole sheet. With ``known[name]`` each row
    is fingerprinted, and a row with a known fingerprint keeps only its key (``unchanged``).
    """
    out = {}
    with zipfile.ZipFile(package.path) as archive:
        for name, chooser in pick.items():
            part = package.sheets.get(name)
            if part is None:
                continue
            info = archive.getinfo(part)
            scan = MarkerScan()
            with archive.open(info) as raw:
                handle = _Scanned(raw, scan)
                out[name] = _read_sheet(handle, name, part, package, chooser, (known or {}).get(name))
                while handle.read(_CHUNK):  # the rest of the part, for the markers (and its CRC check)
                    pass
            package.scanned[part] = ((info.CRC, info.file_size), scan.found)
    return out


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _Scanned:
    """A part's stream that shows every chunk read to a ``MarkerScan`` on its way: the write's
    check for what openpyxl cannot hold need not inflate the part again."""

    def __init__(self, handle: IO[bytes], scan: MarkerScan) -> None:
        self.handle = handle
        self.scan = scan

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        if chunk:
            self.scan.feed(chunk)
        return chunk


def fetch_rows(package: Package, data: SheetData, numbers: Iterable[int]) -> bool:
    """Read the rows ``numbers`` of ``data``'s part whole (every value, with styles) into
    ``data``, finding each by its number without reading the rows between; False when one is
    not there as ``<row r="n"`` (the caller then reads the sheet the usual way)."""
    wanted = sorted(set(numbers))
    if not wanted:
        return True
    with zipfile.ZipFile(package.path) as archive, archive.open(data.part) as handle:
        found = _find_rows(handle, wanted)
    if found is None:
        return False
    for number, xml in found.items():
        values, styles = _row_values(xml, None, package)
        data.rows[number] = values
        data.whole.add(number)
        for col, style in styles.items():
            data.styles[(number, col)] = style
    for index in data.indexes.values():  # an index made before holds these rows' values as they were
        for key, number in index.rows.items():
            if number in found:
                index.values[key] = data.rows[number]
    return True


def _find_rows(handle: IO[bytes], wanted: list[int]) -> dict[int, str] | None:
    """The XML of the rows numbered ``wanted`` (ascending), found with a plain search; None
    when one is missing or written another way."""
    found: dict[int, str] = {}
    buffer = b""
    at_end = False
    for number in wanted:
        tag = b'<row r="%d"' % number
        while True:
            start = buffer.find(tag)
            if start >= 0:
                match = _ROW.match(buffer, start)
                if match is not None:
                    found[number] = match.group(0).decode("utf-8")
                    buffer = buffer[match.end() :]
                    break
            elif b"</sheetData>" in buffer:
                return None
            else:  # keep the last row begun: it may be the one wanted, cut by the chunk
                cut = buffer.rfind(b"<row")
                buffer = buffer[cut:] if cut >= 0 else buffer[-len(tag) :]
            if at_end:
                return None
            chunk = handle.read(_CHUNK)
            at_end = not chunk
            buffer += chunk
    return found


def _rows(handle: "_Readable") -> Iterator[str]:
    """The ``<row>`` elements of a sheet's XML, one at a time, read in chunks (decoded a chunk
    at a time: a character cut by the chunk's end waits in the decoder for the next)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    buffer = ""
    while True:
        chunk = handle.read(_CHUNK)
        buffer += decoder.decode(chunk, final=not chunk)
        end = buffer.find("</sheetData>")
        scan = buffer if end < 0 else buffer[:end]
        last = 0
        for match in _ROW_TEXT.finditer(scan):
            yield match.group(0)
            last = match.end()
        if end >= 0 or not chunk:
            return
        buffer = buffer[last:]


_ROW_TEXT = re.compile(_ROW.pattern.decode(), re.S)
_ROW_NUMBER_TEXT = re.compile(r'<row\b[^>]*?\br="(\d+)"')


_CELL_PARTS = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_V = re.compile(r"<v>(.*?)</v>", re.S)
_F = re.compile(r"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_T = re.compile(r"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)


def _read_sheet(
    handle: "_Readable", name: str, part: str, package: Package, chooser: Callable, known: Known | None = None
) -> SheetData:
    data = SheetData(name, part, formats=package.styles, epoch=package.epoch)
    keep: set[int] | None = None
    whole: Callable[[dict[int, Any]], bool] | None = None
    key_cols: list[int] | None = None
    width = 0
    chosen = False
    number = 0
    source: Iterable[tuple[int | None, str | bytes, bytes | None]]
    if known is None:
        source = ((None, xml, None) for xml in _rows(handle))
    else:  # fingerprinted: a run of rows at a time (``fingerprints``), decoded only when not known
        shared = package.shared_text

        def runs() -> Iterator[tuple[int | None, bytes, bytes | None]]:
            for run in _row_runs(handle):  # once the key's columns are known, known rows need no XML
                yield from fingerprints(run, shared, hashes if key_cols else None)

        source = runs()
    hashes = known.hashes if known else {}
    unchanged, rows = data.unchanged, data.rows
    for found, xml, digest in source:
        if found is not None:
            if key_cols and digest is not None and found > 1:
                key = hashes.get(digest)
                if key is not None:  # the row as recorded: nothing in it to decode or compare
                    rows[found] = {key_cols[0]: key} if not width else dict(zip(key_cols, key.rsplit("#", width)))
                    unchanged.add(found)
                    data.last_row = found
                    continue
                data.fingerprints[found] = digest
            number = found
            xml = (b"<row" + xml).decode("utf-8") if isinstance(xml, bytes) else xml
        else:
            xml = (b"<row" + xml).decode("utf-8") if isinstance(xml, bytes) else xml
            match = _ROW_NUMBER_TEXT.match(xml)
            number = int(match.group(1)) if match else number + 1
        assert isinstance(xml, str)
        if not chosen and number > 1:
            keep, whole = chooser({})
            chosen = True
        values, styles = _row_values(xml, None if number == 1 else keep, package)
        if number == 1:
            data.rows[1] = values
            keep, whole = chooser(values)
            chosen = True
            key_cols = known.columns(values) if known else None
            width = len(key_cols) - 1 if key_cols else 0
            data.fingerprinted = bool(key_cols)
            continue
        if values or "<v>" in xml or "<is>" in xml:
            data.last_row = number  # a value in a column not kept counts too: new rows go below
        if not values:
            continue
        kept = values
        if whole is not None and whole(values):
            kept, styles = _row_values(xml, None, package)
            data.whole.add(number)
            for col, style in styles.items():
                data.styles[(number, col)] = style
        if kept:
            data.rows[number] = kept
    return data


def _row_runs(handle: "_Readable") -> Iterator[bytes]:
    """A sheet's rows a run at a time (whole rows, about a chunk each), up to ``</sheetData>``;
    the first run begins with what comes before the first row."""
    buffer = b""
    while True:
        chunk = handle.read(_CHUNK)
        buffer += chunk
        end = buffer.find(b"</sheetData>")
        if end >= 0 or not chunk:
            yield buffer if end < 0 else buffer[:end]
            return
        cut = buffer.rfind(b"<row")  # the last row begun may be cut by the chunk: it waits
        if cut > 0:
            yield buffer[:cut]
            buffer = buffer[cut:]


def _row_values(xml: str, keep: set[int] | None, package: Package) -> tuple[dict[int, Any], dict[int, int]]:
    """column → value (non-empty) and column → style of one row's cells (``keep``: only those).

    One ``findall`` splits the row: cells written the usual way (a number, a shared string or
    one plain inline string) come out as their parts; any other cell whole, read by ``_cell``.
    """
    values: dict[int, Any] = {}
    styles: dict[int, int] = {}
    col = 0
    last = max(keep) if keep else None
    for letters, s, kind, text, inline, other in _FAST_CELL.findall(xml):
        if other:
            col, style, value = _cell(other, col, package)
        else:
            col = _COLUMNS.get(letters) or _column(letters)
        if keep is not None and col not in keep:
            if last is not None and col > last:
                break  # cells come in column order: none kept further on
            continue
        if not other:
            style = int(s) if s else None
            if inline:
                value = _unescape(inline)
            else:
                value = _plain_value(kind or "n", text, style, package) if text else None
        if style is not None:
            styles[col] = style
        if value is not None and value != "":
            values[col] = value
    return values, styles


# A cell as Excel, LibreOffice, openpyxl and mailflow write most cells: ``r``, ``s`` and ``t`` in
# that order, then nothing, one ``<v>``, or one plain inline string. Anything else (a formula,
# rich text, other attributes) is the last group, read by ``_cell``.
_FAST_CELL = re.compile(
    r'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="(\w+)")?'
    r'(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
    r"|(<c\b[^>]*?/>|<c\b.*?</c>)",
    re.S,
)


def _cell(xml: str, col: int, package: Package) -> tuple[int, int | None, Any]:
    """(column, style, value) of a cell written another way; ``col``: the cell before it."""
    match = _CELL_PARTS.match(xml)
    assert match is not None
    attrs_text, inner = match.groups()
    usual = _USUAL_ATTRS.fullmatch(attrs_text)  # r, s, t in the order every writer uses
    if usual is not None:
        letters, s, kind = usual.groups()
    else:
        attrs = dict(_ATTR.findall(attrs_text))
        ref = _REF.match(attrs.get("r", ""))
        letters, s, kind = (ref.group(1) if ref else None), attrs.get("s"), attrs.get("t")
    col = _column(letters) if letters else col + 1
    style = int(s) if s is not None else None
    return col, style, _cell_value(kind or "n", inner, style, package) if inner else None


_USUAL_ATTRS = re.compile(r'\s*r="([A-Z]{1,3})\d+"(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?\s*')
_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int:
    found = _COLUMNS.get(letters)
    if found is None:
        found = _COLUMNS[letters] = column_index_from_string(letters)
    return found


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _cell_value(kind: str, inner: str, style: int | None, package: Package) -> Any:
    """The value openpyxl gives for the cell (formulas as ``=text``, dates by format)."""
    if "<f" in inner:
        formula = _F.search(inner)
        if formula is not None and formula.group(1):
            return "=" + _unescape(formula.group(1))
    if kind == "inlineStr":
        inner = _PHONETIC.sub("", inner)
        return _unescape("".join(t or "" for t in _T.findall(inner)))
    found = _V.search(inner)
    if found is None:
        return None
    return _plain_value(kind, found.group(1), style, package)


def _plain_value(kind: str, text: str, style: int | None, package: Package) -> Any:
    """The value of a cell of type ``kind`` whose ``<v>`` holds ``text`` (no formula)."""
    if kind == "s":
        return package.strings[int(text)]
    if kind in ("str", "e"):
        return _unescape(text)
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "d":
        return dt.datetime.fromisoformat(text.rstrip("Z"))
    number: int | float = float(text) if "." in text or "e" in text or "E" in text else int(text)
    if package.styles.is_date(style):
        try:
            return from_excel(number, package.epoch)
        except (ValueError, OverflowError):
            return number
    return number


# --------------------------------------------------------------------------- row fingerprints

# What writers spell differently for the same values, undone over a whole run of rows at once
# (each a plain replace, or a regular expression with a fixed replacement: no Python per cell).
# Text is spelt as the inline string mailflow writes (a shared string is spelt so too), so the
# inline text of a big sheet needs no pass of its own.
_SAME = (
    (b' t="n"', b""),
    (b' xml:space="preserve"', b""),
)
_STYLE_ATTR = re.compile(rb' s="\d*"')
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}\d*"(?:/>|></c>)')
_SHARED_CELL = re.compile(rb't="s"><v>(\d+)</v>')
# A number spelt with a long fraction (Excel's 17 digits), trailing zeros (a whole number's
# ".0") or an exponent. Only a number cell's value: its ``<v>`` follows the cell reference (a
# text is in ``<is><t>``, or its ``<v>`` follows a type such as ``t="str"``, whatever it looks like).
# The pattern begins with its literal (a search skips to each ``"><v>`` at C speed); the digit
# before it, which tells a number cell from a text, is checked by ``_short_number``.
# The whole part of the number is taken once, possessively: after it comes a fraction or an
# exponent, never another digit, so no digit is given back and tried again (a large sheet has a
# number cell in most columns, and most are not odd).
_ODD_NUMBER = re.compile(rb'"><v>(-?\d++(?:\.(?:\d{9,}|\d*0)(?:[eE][-+]?\d+)?|(?:\.\d+)?[eE][-+]?\d+))</v>')
_ROW_ATTR_R = re.compile(rb'\br="(\d+)"')
_REF_DIGITS = re.compile(rb'(<c r="[A-Z]{1,3})\d+"')


class SharedText:
    """A package's shared strings as a fingerprint spells them (escaped as an inline string):
    a shared-string cell becomes the inline cell that holds the same text."""

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        self.spelt: dict[bytes, bytes] = {}

    def cell(self, match: re.Match[bytes]) -> bytes:
        index = match.group(1)
        found = self.spelt.get(index)
        if found is None:
            number = int(index)
            if number >= len(self.strings):
                return match.group(0)  # a dangling index: left as written (never equal to text)
            found = self.spelt[index] = (
                b't="inlineStr"><is><t>' + escape(self.strings[number]).encode("utf-8", "surrogatepass") + b"</t></is>"
            )
        return found


def _short_number(match: re.Match[bytes]) -> bytes:
    start = match.start()
    if not match.string[start - 1 : start].isdigit():  # a typed cell (``t="str"``…), not a number
        return match.group(0)
    try:
        return b'"><v>%s</v>' % (b"%.15g" % float(match.group(1)))
    except ValueError:
        return match.group(0)


def _same_spelling(xml: bytes, strings: SharedText) -> bytes:
    """``xml`` (one or many rows) with what writers spell differently spelt one way: no styles,
    no ``t="n"``, text as an inline string whether shared or not, numbers to 15 digits (a
    whole number without ".0"; a text is left as typed), no empty styled cells. Never adds or
    removes a ``<row``."""
    for old, new in _SAME:
        xml = xml.replace(old, new)
    xml = _EMPTY_CELL.sub(b"", _STYLE_ATTR.sub(b"", xml))
    if b't="s"' in xml:
        xml = _SHARED_CELL.sub(strings.cell, xml)
    return _ODD_NUMBER.sub(_short_number, xml)


def _row_digest(piece: bytes) -> tuple[int | None, bytes | None]:
    """(row number, fingerprint) of one row as ``_same_spelling`` left it, from just after its
    ``<row``; (number, None) for a row without cells, (None, None) without a number."""
    close = piece.find(b">")
    if close < 0:
        return None, None
    if piece.startswith(b' r="'):  # as every writer puts it: the number first
        end = piece.find(b'"', 4)
        digits = piece[4:end]
    else:
        found = _ROW_ATTR_R.search(piece, 0, close)
        if found is None:
            return None, None
        digits = found.group(1)
    if not digits.isdigit():
        return None, None
    number = int(digits)
    if piece[close - 1 : close] == b"/":
        return number, None
    body = piece[close + 1 :]
    if body[-1:].isspace():
        body = body.rstrip()
    # The row's number leaves every cell reference: the same values on another row (a sort, a
    # row deleted above) keep their fingerprint. Each cell has one reference ending in it; a
    # text that happens to end so too is left alone by the slower exact way.
    # (Each reference the plain replace takes away is ``len(digits)`` bytes shorter.)
    plain = body.replace(digits + b'"', b'"')
    if len(body) - len(plain) == len(digits) * body.count(b"<c "):
        body = plain
    else:
        body = _REF_DIGITS.sub(rb'\1"', body)
    return number, hashlib.blake2b(body, digest_size=16).digest()


def fingerprint(xml: str | bytes, strings: "list[str] | SharedText") -> bytes:
    """A digest of one ``<row>``'s values as any writer puts them: the same whatever the row's
    number, its formatting, whether its text is a shared or an inline string (Excel and
    LibreOffice turn mailflow's inline strings into shared ones), or how a number is spelt
    (``46328.0`` or ``46328``; ``946.3099999999999`` or ``946.31``: numbers are compared to
    15 significant digits, as Excel keeps them). A row staff saved without changing a value
    keeps its fingerprint. Any other difference (a formula, rich text, a column moved) gives
    another fingerprint: the row is then read and compared, which costs time, never an edit.

    ``fingerprints`` gives the same digests for every row of a run of rows at once."""
    raw = xml.encode("utf-8", "surrogatepass") if isinstance(xml, str) else xml
    shared = strings if isinstance(strings, SharedText) else SharedText(strings)
    same = _same_spelling(raw, shared)
    start = same.find(b"<row")
    _, digest = _row_digest(same[start + 4 :]) if start >= 0 else (None, None)
    return digest or hashlib.blake2b(b"", digest_size=16).digest()


def fingerprints(
    rows: bytes, strings: SharedText, known: "dict[bytes, str] | None" = None
) -> Iterator[tuple[int | None, bytes, bytes | None]]:
    """(number, row XML after its ``<row``, fingerprint) of each row of ``rows`` (whole
    ``<row>`` elements, as a sheet holds them): the spelling made the same over the whole run,
    one digest per row (None for a row without cells or without a number).

    With ``known`` (fingerprints recorded), a run whose rows below the header all have a known
    fingerprint gives ``b""`` for their XML: their reader keeps only their key, so the rows as
    written are not cut out of the run at all."""
    same = _same_spelling(rows, strings).split(b"<row")
    raw: list[bytes] | None = None
    if rows.count(b"<row") != len(same) - 1:  # cannot be (see ``_same_spelling``); each row then on its own
        pieces = raw = rows.split(b"<row")
        same = [_same_spelling(piece, strings) for piece in pieces]
    found = [_row_digest(spelt) for spelt in same[1:]]
    if raw is None and known is not None and found:
        numbers, digests = zip(*found)
        if None not in numbers and min(numbers) > 1 and all(map(known.__contains__, digests)):
            for number, digest in found:
                yield number, b"", digest
            return
    for piece, (number, digest) in zip((raw or rows.split(b"<row"))[1:], found):
        yield number, piece, digest


# --------------------------------------------------------------------------- writing


def write_patched(
    source: Path,
    target: Path,
    sheets: list[SheetData],
    styles: Styles,
    parts: dict[str, bytes],
    strings: list[str] | None = None,
) -> None:
    """Copy ``source`` to ``target`` with the changes recorded in ``sheets`` (see the module
    docstring); ``parts`` replaces whole parts (the Dashboard's charts, drawn again). Every
    other part is copied unchanged, as its compressed bytes (``copy_member``): a write costs
    the sheets it changes, not the size of the package."""
    changed = {s.part: s for s in sheets if s.changed}
    replaced = dict(parts)
    strings = strings or []
    with zipfile.ZipFile(source) as archive:
        names = set(archive.namelist())
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=REWRITE_LEVEL) as out:
            for data in changed.values():
                replaced.update(_patch_sheet(archive, out, data, styles, names, strings))
            for info in archive.infolist():
                name = info.filename
                if name in changed:
                    continue  # written above
                fresh = zipfile.ZipInfo(name, date_time=info.date_time)
                fresh.compress_type = zipfile.ZIP_DEFLATED
                fresh.external_attr = info.external_attr
                if name == "xl/styles.xml" and styles.changed:
                    out.writestr(fresh, styles.patched())
                elif name in replaced:
                    out.writestr(fresh, replaced.pop(name))
                else:
                    copy_member(archive, info, out)
            for name, content in replaced.items():  # a sheet's first relationships part
                out.writestr(name, content)


def copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """Copy one member of ``archive`` into ``out`` as its compressed bytes, neither inflated nor
    deflated again: the parts nobody changed cost what reading them from disk costs.

    The local header is written anew from the central directory's entry (its CRC and sizes,
    no data descriptor); the compressed bytes follow unchanged, so a reader checks them against
    the same CRC as before. An encrypted member is inflated and deflated the usual way.
    """
    source = archive.fp
    if source is None or info.flag_bits & 0x1 or out.fp is None:
        _copy_inflated(archive, info, out)
        return
    source.seek(info.header_offset)
    header = source.read(_LOCAL_HEADER)
    if len(header) != _LOCAL_HEADER or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{info.filename}: bad local file header")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    source.seek(info.header_offset + _LOCAL_HEADER + name_length + extra_length)
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = info.compress_type
    fresh.external_attr = info.external_attr
    fresh.flag_bits = info.flag_bits & 0x6  # the compression options; sizes go in the header
    fresh.CRC, fresh.compress_size, fresh.file_size = info.CRC, info.compress_size, info.file_size
    zip64 = max(info.file_size, info.compress_size) > zipfile.ZIP64_LIMIT
    out.fp.seek(out.start_dir)
    fresh.header_offset = out.fp.tell()
    out.fp.write(fresh.FileHeader(zip64))
    left = info.compress_size
    while left:
        chunk = source.read(min(left, _CHUNK))
        if not chunk:
            raise zipfile.BadZipFile(f"{info.filename}: truncated")
        out.fp.write(chunk)
        left -= len(chunk)
    out.filelist.append(fresh)
    out.NameToInfo[fresh.filename] = fresh
    out.start_dir = out.fp.tell()  # where the next member (or the directory) goes


_LOCAL_HEADER = 30  # bytes of a zip local file header before its name and extra field


def _copy_inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    fresh.external_attr = info.external_attr
    with archive.open(info) as handle, out.open(fresh, "w", force_zip64=True) as sink:
        while chunk := handle.read(_CHUNK):
            sink.write(chunk)


class _Buffered:
    """Row-sized writes gathered into large ones (a zip entry compresses each write it gets)."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.sink.write(b"".join(self.parts))
        self.parts, self.size = [], 0


@dataclass
class _SheetWrite:
    """What the streaming pass of one sheet needs and learns on its way down."""

    data: SheetData
    styles: Styles
    epoch: dt.datetime
    changes: dict[int, dict[int, PatchCell]]
    removed: list[int]
    recent: deque[bytes] = field(default_factory=lambda: deque(maxlen=20))  # the rows just written
    # The last new row written and its cells' styles (column → style): the row above the next
    # new row, known without searching it (``_above``).
    new_row: tuple[bytes, dict[int, int | None]] | None = None
    links: dict[str, str | None] = field(default_factory=dict)  # cell → new URI (None: removed)
    new_links: list[tuple[str, str, str]] = field(default_factory=list)  # (rel id, cell, URI)
    rels_name: str = ""
    rels: str = ""
    free_ids: Iterator[str] = iter(())
    r_prefix: str = ""
    linked_ids: set[str] | None = None  # relationship ids the rewritten <hyperlinks> still use
    strings: "SharedText | None" = None  # the package's shared strings, as fingerprints spell them

    def shift(self, row: int) -> int:
        return row - bisect.bisect_left(self.removed, row)


def _patch_sheet(
    archive: zipfile.ZipFile,
    out: zipfile.ZipFile,
    data: SheetData,
    styles: Styles,
    names: set[str],
    strings: list[str],
) -> dict[str, bytes]:
    """Stream one sheet through with its changes; returns the side parts that change with it
    (relationships for new hyperlinks, tables staff made whose range grows)."""
    changes: dict[int, dict[int, PatchCell]] = {}
    for (row, col), cell in data.changes.items():
        changes.setdefault(row, {})[col] = cell
    state = _SheetWrite(data, styles, data.epoch, changes, sorted(data.removed), strings=SharedText(strings))
    folder, name = posixpath.split(data.part)
    state.rels_name = f"{folder}/_rels/{name}.rels"
    state.rels = archive.read(state.rels_name).decode("utf-8") if state.rels_name in names else ""
    used = set(re.findall(r'Id="([^"]+)"', state.rels))
    state.free_ids = (f"rIdmf{n}" for n in range(len(used) + 1, 10**9) if f"rIdmf{n}" not in used)
    last_before = data.last_row
    last_after = state.shift(max(data.max_written, 1))
    # Opened by name, the part is deflated at the output's level (``REWRITE_LEVEL``).
    with archive.open(data.part) as handle, out.open(data.part, "w", force_zip64=True) as raw_sink:
        sink = _Buffered(raw_sink)
        buffer = b""
        while True:
            chunk = handle.read(_CHUNK)
            buffer += chunk
            start = re.search(rb"<(\w+:)?sheetData\b[^>]*?(/?)>", buffer)
            if start is not None or not chunk:
                break
        if start is None:
            raise NeedsFullWrite(f"{data.title}: the sheet has no sheetData")
        if start.group(1):
            raise NeedsFullWrite(f"{data.title}: the sheet XML uses a namespace prefix")
        head = buffer[: start.start()].decode("utf-8")
        declared = re.search(rf'xmlns:(\w+)="{_REL_NS}"', head)
        state.r_prefix = declared.group(1) if declared else ""
        sink.write(_patch_dimension(head, last_after).encode("utf-8") + b"<sheetData>")
        buffer = b"</sheetData>" + buffer[start.end() :] if start.group(2) else buffer[start.end() :]
        pending = sorted(changes)
        removed = state.removed[0] if state.removed else None
        while True:
            end = buffer.find(b"</sheetData>")
            scan = buffer if end < 0 else buffer[:end]
            last = 0
            if not data.redrawn:  # the rows before the next one to change go as they are
                bound = min(pending[0] if pending else sys.maxsize, removed if removed is not None else sys.maxsize)
                last = _copy_rows_before(sink, scan, bound, state)
            for match in _ROW.finditer(scan, last):
                _emit_row(sink, match.group(0), state, pending)
                last = match.end()
            if end >= 0:
                buffer = buffer[end:]
                break
            buffer = buffer[last:]
            chunk = handle.read(_CHUNK)
            if not chunk:
                raise NeedsFullWrite(f"{data.title}: the sheet XML ends inside its rows")
            buffer += chunk
        for number in pending:
            _write_new_row(sink, number, state)
        while chunk := handle.read(_CHUNK):
            buffer += chunk
        tail = buffer.decode("utf-8")
        sink.write(_patch_tail(tail, state, last_before, last_after).encode("utf-8"))
        sink.flush()
    return _side_parts(archive, data, state, names, last_before, last_after)


_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')


def _copy_rows_before(sink: "_Buffered", scan: bytes, bound: int, state: _SheetWrite) -> int:
    """Copy the complete rows at the start of ``scan`` numbered below ``bound`` in one piece
    (nothing changes in them and none moves: no row above them is removed); returns where the
    copy ended. The last of them are remembered as the rows above a new row (its styles)."""
    limit = len(scan)
    while True:
        start = scan.rfind(b"<row", 0, limit)
        if start < 0:
            return 0
        match = _ROW.match(scan, start)
        number = _ROW_NUMBER.match(scan, start)
        if match is None or number is None or int(number.group(1)) >= bound:
            limit = start  # cut by the chunk, or to be changed: look at the row before it
            continue
        break
    end = match.end()
    sink.write(scan[:end])
    tail = scan[max(0, end - _TAIL) : end]
    recent = [m.group(0) for m in _ROW.finditer(tail)] or [m.group(0) for m in _ROW.finditer(scan, 0, end)]
    state.recent.extend(recent[-(state.recent.maxlen or 1) :])
    return end


_TAIL = 1 << 16  # bytes at the end of a copied run searched for the rows above a new row


def _emit_row(sink: "_Buffered", raw: bytes, state: _SheetWrite, pending: list[int]) -> None:
    """Write one existing row: dropped, renumbered, merged with its changes, or as it was."""
    found = _ROW_NUMBER.match(raw)
    if found is None:
        raise NeedsFullWrite(f"{state.data.title}: a row without its number")
    number = int(found.group(1))
    while pending and pending[0] < number:
        _write_new_row(sink, pending.pop(0), state)
    if state.data.redrawn:
        return  # every row is drawn again: a new row of the same number follows as a new row
    if pending and pending[0] == number:
        pending.pop(0)
    if number in state.data.removed:
        return
    shifted = state.shift(number)
    if number not in state.changes and shifted == number:
        sink.write(raw)  # the common case: a row nobody changed, copied as it is
        state.recent.append(raw)
        return
    xml = raw.decode("utf-8")
    opening = re.match(r"<row\b([^>]*?)(/?)>", xml)
    assert opening is not None
    attrs = dict(_ATTR.findall(opening.group(1)))
    inner = "" if opening.group(2) else xml[opening.end() : -len("</row>")]
    rebuilt = _rebuild_row(number, shifted, attrs, _CELL.findall(inner), state.changes.get(number, {}), state)
    sink.write(rebuilt.encode("utf-8"))
    state.recent.append(rebuilt.encode("utf-8"))
    _fingerprint_written(state, shifted, rebuilt)


def _fingerprint_written(state: _SheetWrite, number: int, xml: str) -> None:
    """The fingerprint of a row as written, for a sheet that asks for them."""
    if state.data.written_fingerprints is not None:
        state.data.written_fingerprints[number] = fingerprint(xml, state.strings or SharedText([]))


def _above(state: _SheetWrite, col: int) -> int | None:
    """The style of the nearest row above (of the last few written) that has a cell in ``col``."""
    if state.new_row is not None and state.recent and state.recent[-1] is state.new_row[0]:
        styles = state.new_row[1]
        if col in styles:  # the row above is a new row just written: its cell's style is known
            return styles[col]
    pattern = _ABOVE.get(col)
    if pattern is None:
        letter = get_column_letter(col).encode()
        pattern = _ABOVE[col] = re.compile(
            rb'<c\b[^>]*?\br="' + letter + rb'\d+"[^>]*?>|<c\b[^>]*?\br="' + letter + rb'\d+"[^>]*?/>'
        )
    for raw in reversed(state.recent):
        found = pattern.search(raw)
        if found is not None:
            style = re.search(rb'\bs="(\d+)"', found.group(0))
            return int(style.group(1)) if style else None
    return None


_ABOVE: dict[int, re.Pattern[bytes]] = {}  # column → the pattern of its cells in a row


def _row_format(state: _SheetWrite) -> dict[str, str]:
    """The row attributes a new row copies from the row above: its format and height."""
    if not state.recent:
        return {}
    opening = re.match(r"<row\b([^>]*?)/?>", state.recent[-1].decode("utf-8", "replace"))
    attrs = dict(_ATTR.findall(opening.group(1))) if opening else {}
    return {k: v for k, v in attrs.items() if k in ("s", "customFormat", "ht", "customHeight")}


def _cell_ref_style(cell: str) -> tuple[int, int | None]:
    attrs = dict(_ATTR.findall(cell[: cell.index(">")]))
    found = _REF.match(attrs.get("r", ""))
    col = column_index_from_string(found.group(1)) if found else 0
    return col, int(attrs["s"]) if "s" in attrs else None


def _rebuild_row(
    number: int,
    shifted: int,
    attrs: dict[str, str],
    cells: list[str],
    changes: dict[int, PatchCell],
    state: _SheetWrite,
) -> str:
    by_col: dict[int, str] = {}
    for cell in cells:
        col, style = _cell_ref_style(cell)
        if not col:
            raise NeedsFullWrite(f"{state.data.title}: a cell without a reference on row {number}")
        if col in changes:
            by_col[col] = _cell_xml(f"{get_column_letter(col)}{shifted}", changes.pop(col), style, state)
        elif shifted != number:
            by_col[col] = cell.replace(
                f'r="{get_column_letter(col)}{number}"', f'r="{get_column_letter(col)}{shifted}"', 1
            )
        else:
            by_col[col] = cell
    for col, change in changes.items():
        by_col[col] = _cell_xml(f"{get_column_letter(col)}{shifted}", change, _above(state, col), state)
    attrs = {k: v for k, v in attrs.items() if k != "spans"}
    attrs["r"] = str(shifted)
    body = "".join(by_col[c] for c in sorted(by_col))
    return f"<row{_attrs(attrs)}>{body}</row>" if body else f"<row{_attrs(attrs)}/>"


def _write_new_row(sink: "_Buffered", number: int, state: _SheetWrite) -> None:
    """A row that had no element: it takes the format of the row above and its cells' styles."""
    changes = state.changes.get(number, {})
    if not any(c.value is not None for c in changes.values()):
        return
    shifted = state.shift(number)
    attrs = {"r": str(shifted), **_row_format(state)}
    cells: list[str] = []
    styles: dict[int, int | None] = {}
    for col in sorted(changes):
        ref = f"{get_column_letter(col)}{shifted}"
        xml = _cell_xml(ref, changes[col], _above(state, col), state)
        if xml:
            cells.append(xml)
            head = f'<c r="{ref}" s="'
            styles[col] = int(xml[len(head) : xml.index('"', len(head))]) if xml.startswith(head) else None
    text = f"<row{_attrs(attrs)}>{''.join(cells)}</row>"
    row = text.encode("utf-8")
    sink.write(row)
    state.recent.append(row)
    state.new_row = (row, styles)
    _fingerprint_written(state, shifted, text)


def _cell_xml(ref: str, cell: PatchCell, style: int | None, state: _SheetWrite) -> str:
    """One cell's XML: text as an inline string (never a formula), numbers, dates as serials."""
    styles = state.styles
    if cell.format_set:
        style = styles.derive(style, number_format=cell.number_format)
    if cell.font is not None or cell.fill is not None:
        style = styles.derive(style, font=cell.font, fill=cell.fill)
    if cell.hyperlink:
        state.links[ref] = cell.hyperlink
    value = cell.value
    if isinstance(value, (dt.datetime, dt.date, dt.time)) and not styles.is_date(style):
        style = styles.derive(
            style, number_format="yyyy-mm-dd h:mm:ss" if isinstance(value, dt.datetime) else "yyyy-mm-dd"
        )
    s = f' s="{style}"' if style else ""
    if value is None:
        return f'<c r="{ref}"{s}/>' if s else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        serial = to_excel(value, state.epoch)
        if isinstance(serial, float) and serial.is_integer():
            serial = int(serial)  # a day as Excel writes it: 46315, not 46315.0
        return f'<c r="{ref}"{s}><v>{serial}</v></c>'
    if isinstance(value, Decimal):
        return f'<c r="{ref}"{s}><v>{decimal_text(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def _patch_dimension(head: str, last_row: int) -> str:
    def grow(match: re.Match[str]) -> str:
        first, last_col = match.group(1), match.group(2)
        return f'<dimension ref="{first}:{last_col}{max(last_row, 1)}"'

    return re.sub(r'<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"', grow, head, count=1)


def _grow_ref(ref: str, last_before: int, last_after: int, state: _SheetWrite) -> str:
    """A range that covered the rows down to the last one covers them down to the new last one."""
    out = []
    for part in ref.split():
        found = re.fullmatch(r"(\$?[A-Z]+\$?)(\d+):(\$?[A-Z]+\$?)(\d+)", part)
        if found and int(found.group(2)) <= 2 and int(found.group(4)) == last_before:
            part = f"{found.group(1)}{found.group(2)}:{found.group(3)}{max(last_after, int(found.group(2)))}"
        out.append(part)
    return " ".join(out)


def _patch_tail(tail: str, state: _SheetWrite, last_before: int, last_after: int) -> str:
    """Filters, validations and conditional formats follow the rows; hyperlinks follow their cells."""
    if "<mergeCells" in tail and state.removed:
        raise NeedsFullWrite(f"{state.data.title}: merged cells below removed rows")

    def ranges(match: re.Match[str]) -> str:
        return f'{match.group(1)}="{_grow_ref(match.group(2), last_before, last_after, state)}"'

    if last_after != last_before or state.removed:
        tail = re.sub(
            r'(<autoFilter ref|<conditionalFormatting sqref|<dataValidation\b[^>]*?sqref|<protectedRange\b[^>]*?sqref)="([^"]*)"',
            ranges,
            tail,
        )
    return _patch_links(tail, state)


def _patch_links(tail: str, state: _SheetWrite) -> str:
    """Hyperlinks of removed rows go, those below move up, changed cells get their new link."""
    moved = bool(state.removed) or state.data.redrawn
    if not moved and not state.links:
        return tail
    block = re.search(r"<hyperlinks>(.*?)</hyperlinks>|<hyperlinks/>", tail, re.S)
    if not moved and block is not None and block.group(1):
        existing = set(re.findall(r'<hyperlink\b[^>]*?\bref="([^"]*)"', block.group(1)))
        if existing.isdisjoint(state.links):  # only new cells are linked: the others stay as they are
            added = "".join(_new_link(state, ref, uri) for ref, uri in state.links.items() if uri)
            close = block.end() - len("</hyperlinks>")
            return tail[:close] + added + tail[close:]
    kept: list[str] = []
    if block is not None and block.group(1):
        for link in re.findall(r"<hyperlink\b[^>]*?/>|<hyperlink\b.*?</hyperlink>", block.group(1), re.S):
            ref = dict(_ATTR.findall(link)).get("ref", "")
            found = _REF.fullmatch(ref)
            if found is None:
                raise NeedsFullWrite(f"{state.data.title}: a hyperlink over a range ({ref})")
            row = int(found.group(2))
            if row in state.data.removed or state.data.redrawn:
                continue
            new_ref = f"{found.group(1)}{state.shift(row)}"
            if new_ref in state.links:
                continue  # the cell was written again: its link is the one given now
            kept.append(link.replace(f'ref="{ref}"', f'ref="{new_ref}"', 1))
    kept += [_new_link(state, ref, uri) for ref, uri in state.links.items() if uri]
    inner = "".join(kept)
    state.linked_ids = set(re.findall(r':id="([^"]+)"', inner))
    replacement = f"<hyperlinks>{inner}</hyperlinks>" if inner else ""
    if block is not None:
        return tail[: block.start()] + replacement + tail[block.end() :]
    if not replacement:
        return tail
    for name in _AFTER_HYPERLINKS:
        found_at = re.search(rf"<{name}\b", tail)
        if found_at:
            return tail[: found_at.start()] + replacement + tail[found_at.start() :]
    close = tail.rindex("</worksheet>")
    return tail[:close] + replacement + tail[close:]


def _new_link(state: _SheetWrite, ref: str, uri: str) -> str:
    """The ``<hyperlink>`` of a cell linked now; its relationship is added with the side parts."""
    rel_id = next(state.free_ids)
    state.new_links.append((rel_id, ref, uri))
    attr = f'{state.r_prefix}:id="{rel_id}"' if state.r_prefix else f'xmlns:r="{_REL_NS}" r:id="{rel_id}"'
    return f'<hyperlink ref="{ref}" {attr}/>'


def _side_parts(
    archive: zipfile.ZipFile, data: SheetData, state: _SheetWrite, names: set[str], last_before: int, last_after: int
) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    if state.data.redrawn and state.rels:  # the links of the previous drawing go with it
        state.rels = re.sub(rf'<Relationship\b[^>]*Type="{_HYPERLINK}"[^>]*/>', "", state.rels)
        parts[state.rels_name] = state.rels.encode("utf-8")
    if state.linked_ids is not None and state.rels:
        pruned = _drop_unused_links(state.rels, state.linked_ids)
        if pruned != state.rels:
            state.rels = pruned
            parts[state.rels_name] = pruned.encode("utf-8")
    if state.new_links:
        rels = state.rels or (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
        items = "".join(
            f'<Relationship Id="{rid}" Type="{_HYPERLINK}" Target={quoteattr(uri)} TargetMode="External"/>'
            for rid, _, uri in state.new_links
        )
        close = rels.rindex("</Relationships>")
        parts[state.rels_name] = (rels[:close] + items + rels[close:]).encode("utf-8")
    if last_after != last_before:
        for part in _targets(archive, data.part).values():
            if "/tables/" in part and part in names:
                xml = archive.read(part).decode("utf-8")
                parts[part] = re.sub(
                    r'(<table\b[^>]*?\bref|<autoFilter ref)="([^"]*)"',
                    lambda m: f'{m.group(1)}="{_grow_ref(m.group(2), last_before, last_after, state)}"',
                    xml,
                ).encode("utf-8")
    return parts


def _drop_unused_links(rels: str, linked_ids: set[str]) -> str:
    """The sheet's relationships without the hyperlinks no cell points at any more: a row
    rewritten with a new link, or removed, would otherwise leave one behind on every cycle."""

    def keep(match: re.Match[str]) -> str:
        rel_id = dict(_ATTR.findall(match.group(0))).get("Id", "")
        return match.group(0) if rel_id in linked_ids else ""

    return re.sub(rf'<Relationship\b[^>]*Type="{_HYPERLINK}"[^>]*/>', keep, rels)


class PatchBook:
    """The sheets of one streaming read, looked up by name as in an openpyxl workbook; a sheet
    named in ``drawn`` is a ``DrawnSheet`` made on first use."""

    def __init__(self, package: Package, sheets: dict[str, SheetData], drawn: Iterable[str]) -> None:
        self.package = package
        self.sheets = sheets
        self.drawn = set(drawn)
        self.sheetnames = list(package.sheets)
        self.orders: list[Any] = []  # the orders this write compares (set by the tracker)
        self.record: int | None = None  # the revision they were compared up to (None: more follow)
        self.written: dict[str, tuple[int, int]] = {}  # the parts of the file ``write`` made (CRC, size)
        self.compared: dict[str, dict[str, dict[str, str | None]]] = {}  # sheet → the shadow of the rows compared

    def __getitem__(self, name: str) -> SheetData:
        if name not in self.sheets and name in self.drawn and name in self.package.sheets:
            self.sheets[name] = DrawnSheet(name, self.package.sheets[name], self.package.styles, self.package.epoch)
        return self.sheets[name]

    def write(self, target: Path) -> None:
        """The package with every recorded change, written to ``target`` (see ``write_patched``)."""
        parts: dict[str, bytes] = {}
        for sheet in self.sheets.values():
            if isinstance(sheet, DrawnSheet):
                parts.update(chart_parts(self.package, sheet))
        write_patched(
            self.package.path, target, list(self.sheets.values()), self.package.styles, parts, self.package.strings
        )
        with zipfile.ZipFile(target) as archive:
            self.written = member_seals(archive)
