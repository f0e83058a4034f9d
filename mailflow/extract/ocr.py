"""Scans and faxes → positioned words, with Tesseract; the same reader then reads them.

Contract
    ``available()`` says whether the ``tesseract`` program is installed (Debian packages
    tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-chi-sim, tesseract-ocr-chi-tra). Without it
    nothing here is called and scans are flagged for a person, as they always were.
    ``words(image, dpi)`` returns the page's words as dicts shaped like pdfplumber's
    (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``), in points (1/72 inch), so the
    PDF layout reader (columns, label blocks, tables) runs on a scan unchanged.
    ``read_image(data, name, vocab)`` reads an attached image (a faxed PO as PNG/JPEG/TIFF).

Why the steps
    * Orientation: a fax is often fed sideways or upside down. Tesseract's orientation check
      (``--psm 0``) names the rotation; when it cannot tell (few letters), the page is read
      as it is and, if little is recognised, at 90/180/270 degrees, keeping the reading with
      the most confident words.
    * Skew of a degree or two (a sheet fed crooked) is measured and straightened first: the
      layout reader groups words into lines by their height on the page, which a tilt breaks.
    * Script: Latin pages are read with English only (fast, and no Chinese characters made up
      from specks); a page the orientation check finds Han is read with Chinese as well.
    * Every value read by OCR may be wrong (a 5 read as S, a decimal point lost in noise):
      the caller flags the order for review, pre-filled, so that a person corrects rather
      than types.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from typing import Any

from .document import Document
from .vocabulary import Vocabulary
from .wordpage import read_words_page

OCR_DPI = 300  # Tesseract reads best at about 300 dpi; faxes come at 200 and are enlarged
SECONDS = 60  # one page; a runaway OCR is stopped, the page stays unread
MIN_CONFIDENCE = 10  # words Tesseract itself doubts more than this are dropped as specks
SPECK_CONFIDENCE = 60  # a lone character must be surer: noise is read as "7", "a", "_"
_CJK_SCRIPTS = {"Han": "chi_sim", "HanS": "chi_sim", "HanT": "chi_tra", "Hangul": None, "Japanese": None}


def available() -> bool:
    return shutil.which("tesseract") is not None


def languages() -> set[str]:
    try:
        out = _run(["tesseract", "--list-langs"], b"", timeout=15).decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def _run(args: list[str], data: bytes, timeout: int = SECONDS) -> bytes:
    # One thread: the machine's cores serve several readers at once, and Tesseract's own
    # threads make a single page slower, not faster, when they compete.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(args, input=data, capture_output=True, timeout=timeout, env=env, check=False)
    return done.stdout


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def orientation(image: Any) -> tuple[int, str | None]:
    """(degrees to turn the image clockwise, script) from Tesseract's orientation check;
    (0, None) when it cannot tell."""
    try:
        out = _run(["tesseract", "stdin", "stdout", "--psm", "0"], _png(image)).decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return 0, None
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    script = re.search(r"Script:\s*(\w+)", out)
    degrees = int(rotate.group(1)) if rotate and confidence and float(confidence.group(1)) >= 2.0 else 0
    return degrees, script.group(1) if script else None


def _tsv_words(image: Any, lang: str, scale: float) -> list[dict]:
    """Tesseract's TSV words of one image, in points; low-confidence specks dropped."""
    out = _run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "6", "tsv"], _png(image))
    words = []
    lines: dict[tuple[str, ...], list[dict]] = {}
    for row in out.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip().strip("°'‘’“”\"`~^*_«»")  # specks read as marks at a word's edge
        try:
            conf = float(parts[10])
            left, top, width, height = (int(v) for v in parts[6:10])
        except ValueError:
            continue
        if not text or conf < MIN_CONFIDENCE or not re.search(r"[^\W_]", text):
            continue
        if len(text) == 1 and conf < SPECK_CONFIDENCE:
            continue
        line = lines.setdefault(tuple(parts[1:5]), [])  # Tesseract's own text line
        words.extend(
            found := _split_bars(
                [
                    {
                        "text": text,
                        "x0": left * scale,
                        "x1": (left + width) * scale,
                        "top": top * scale,
                        "bottom": (top + height) * scale,
                        "size": max(height * scale / 0.72, 6.0),
                        "conf": conf,  # a word box is about cap height
                    }
                ]
            )
        )
        line.extend(found)
    # Words of one text line share its top: letter boxes differ ("Qty" against "Item") by more
    # than the layout reader's line tolerance, which is tuned to a PDF's exact positions.
    for members in lines.values():
        level = sorted(w["top"] for w in members)[len(members) // 2]
        for word in members:
            word["top"] = level
    return words


def _otsu(image: Any) -> int:
    """The grey level that best splits ink from paper (Otsu's method on the histogram)."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    weighted = sum(i * h for i, h in enumerate(histogram))
    best, level, below, below_weighted = 0.0, 128, 0, 0.0
    for i, count in enumerate(histogram):
        below += count
        below_weighted += i * count
        above = total - below
        if not below or not above:
            continue
        spread = below * above * (below_weighted / below - (weighted - below_weighted) / above) ** 2
        if spread > best:
            best, level = spread, i
    return level


def clean(image: Any) -> Any:
    """Black ink on white: shaded cells (grey header bands) become paper, and the ruling of
    boxed forms is erased, since Tesseract reads a word touching a table line as noise."""
    from PIL import Image, ImageDraw

    gray = image.convert("L")
    level = _otsu(gray)
    ink = gray.point(lambda p: 255 if p > level else 0)
    width, height = ink.size
    inverse = ink.point(lambda p: 255 - p)
    rows = inverse.resize((1, height), Image.BOX)  # share of ink in each pixel row
    columns = inverse.resize((width, 1), Image.BOX)
    draw = ImageDraw.Draw(ink)
    for y in range(height):
        if rows.getpixel((0, y)) > 255 * 0.35:  # a row a third inked is a rule, not letters
            draw.line([(0, y), (width, y)], fill=255)
    for x in range(width):
        if columns.getpixel((x, 0)) > 255 * 0.25:
            draw.line([(x, 0), (x, height)], fill=255)
    return ink


def skew(gray: Any) -> float:
    """The angle (degrees, counter-clockwise) a page was fed crooked by, within ±4°: the
    turn that makes text rows sharpest (the projection profile of ink per pixel row varies
    most when the rows of letters are level). Measured on a small copy, so it costs little."""
    from PIL import Image

    small = gray.point(lambda p: 0 if p > 160 else 255)  # ink white on black, for rotating
    small = small.resize((600, max(1, int(600 * small.height / small.width))), Image.BOX)

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.BILINEAR, fillcolor=0)
        profile = turned.resize((1, turned.height), Image.BOX).histogram()
        profile = [level for level, count in enumerate(profile) for _ in range(count)]
        mean = sum(profile) / len(profile)
        return sum((v - mean) ** 2 for v in profile)

    best = max((a / 4 for a in range(-16, 17)), key=sharpness)
    if best:
        best = max((best + d / 20 for d in range(-5, 6)), key=sharpness)
    return best


def _shaded(gray: Any) -> bool:
    """A grey or colour scan with shaded areas (more than a few per cent mid-grey pixels);
    a black-and-white fax has none and is read as it is (thresholding it again loses strokes)."""
    histogram = gray.histogram()[:256]
    return sum(histogram[60:200]) > 0.03 * sum(histogram)


def _split_bars(words: list[dict]) -> list[dict]:
    """ "120}EACH", "|CHEP": table borders read as characters split or edge a word."""
    out = []
    for word in words:
        text = word["text"]
        parts = [p for p in re.split(r"[|{}\[\]]+", text)]
        if len(parts) == 1:
            out.append(word)
            continue
        span = (word["x1"] - word["x0"]) / max(len(text), 1)
        offset = 0
        for part in re.split(r"([|{}\[\]]+)", text):
            if part and not re.fullmatch(r"[|{}\[\]]+", part):
                out.append(
                    {
                        **word,
                        "text": part,
                        "x0": word["x0"] + offset * span,
                        "x1": word["x0"] + (offset + len(part)) * span,
                    }
                )
            offset += len(part)
    return out


def _score(words: list[dict]) -> float:
    return sum(w["conf"] * len(w["text"]) for w in words)


def words(image: Any, dpi: float) -> tuple[list[dict], list[str]]:
    """The words of a page image, in points, and notes for ``--explain`` (rotation, script)."""
    from PIL import Image

    notes: list[str] = []
    image = image.convert("L")
    if dpi < 250:  # a 200 dpi fax: enlarged so Tesseract sees strokes of its usual width
        factor = OCR_DPI / dpi
        image = image.resize((int(image.width * factor), int(image.height * factor)), Image.LANCZOS)
        dpi = OCR_DPI
    scale = 72.0 / dpi
    degrees, script = orientation(image)
    installed = languages()
    lang = "eng"
    extra = _CJK_SCRIPTS.get(script or "")
    if extra and extra in installed:
        lang = f"{extra}+eng"
        notes.append(f"script {script}: read with {lang}")
    if degrees:
        image = image.rotate(-degrees, expand=True, fillcolor=255)
        notes.append(f"page turned {degrees}° (orientation check)")
    angle = skew(image)
    if abs(angle) >= 0.3:
        image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
        notes.append(f"page straightened by {angle:+.2f}°")
    if _shaded(image):
        image = clean(image)
        notes.append("shading and table rules removed before OCR")
    found = _tsv_words(image, lang, scale)
    if not degrees and len(found) < 15:  # the check could not tell: try the other quarter turns
        best = (_score(found), 0, found)
        for turn in (90, 180, 270):
            trial = _tsv_words(image.rotate(-turn, expand=True, fillcolor=255), lang, scale)
            if _score(trial) > best[0]:
                best = (_score(trial), turn, trial)
        if best[1]:
            notes.append(f"page turned {best[1]}° (most words recognised)")
        found = best[2]
    return found, notes


def read_image(data: bytes, name: str, vocab: Vocabulary) -> Document:
    """An attached image (a faxed or photographed PO) read by OCR into a ``Document``."""
    from PIL import Image

    doc = Document(name)
    if not available():
        doc.unreadable = True
        doc.warnings.append(f"{name}: an image (perhaps a scanned PO): it must be read by a person")
        return doc
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as exc:
        doc.unreadable = True
        doc.warnings.append(f"{name}: cannot open the image ({type(exc).__name__})")
        return doc
    dpi = float((image.info.get("dpi") or (OCR_DPI, OCR_DPI))[0] or OCR_DPI)
    if dpi < 100:  # a screenshot or a photo says 72 or nothing: its pixels are what they are
        dpi = OCR_DPI if max(image.size) > 2000 else 200
    found, notes = words(image, dpi)
    if sum(len(w["text"]) for w in found) < 10:
        doc.unreadable = True
        doc.warnings.append(f"{name}: an image in which OCR found no text: it must be read by a person")
        return doc
    read_words_page(found, f"{name} (OCR)", vocab, doc, None)
    doc.pages.append((f"{name} (OCR)", found))
    doc.ocr_notes.extend(notes)
    doc.ocr = True
    doc.warnings.append(f"{name}: read by OCR from an image: every value must be checked against the image")
    return doc
