"""Scans and faxes → positioned words, with Tesseract; the same reader then reads them.

Contract
    ``available()`` says whether the ``tesseract`` program is installed (Debian packages
    tesseract-ocr, tesseract-ocr-eng, -osd, -chi-sim, -chi-tra, -jpn, -script-jpan, the European
    languages -deu, -fra, -spa, -ita, -pol, -por, -nld, -swe and -script-latn; only those
    ``tesseract --list-langs`` names are used). Without it nothing here is called and scans
    are flagged for a person, as they always were.
    ``words(image, dpi)`` returns the page's words as dicts shaped like pdfplumber's
    (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``), in points (1/72 inch), so the
    PDF layout reader (columns, label blocks, tables) runs on a scan unchanged.
    ``read_image(data, name, vocab)`` reads an attached image (a faxed PO as PNG/JPEG/TIFF;
    every page of a multi-page TIFF, up to ``MAX_PAGES``).

Why the steps
    * Line noise: a fax through a noisy line is strewn with specks and crossed by streaks.
      Tesseract reads specks as letters, doubts the words beside them and cannot tell such a
      page's orientation; a page the median filter finds speckled is cleaned first (specks
      filtered out, streaks erased), before it is turned, since streaks run along the
      received image.
    * Orientation: a fax is often fed sideways or upside down. Tesseract's orientation check
      (``--psm 0``, the ``osd`` data) names the rotation; when it cannot tell (few letters),
      the page is read as it is and, if the reading is poor (few words, or words Tesseract
      doubts), at 90/180/270 degrees, keeping the reading with the most confident words.
    * Skew of a degree or two (a sheet fed crooked) is measured and straightened first: the
      layout reader groups words into lines by their height on the page, which a tilt breaks.
    * Photos: a sheet photographed with a phone lies on a darker desk, at an angle, under the
      phone's shadow. Its corners (where its four edges, fitted through the outermost steep
      step from desk to paper, meet; else the extreme points of the bright area) are drawn to a
      rectangle, which squares the trapezium and gives the resolution from the sheet's width,
      and the light is evened out (each pixel divided by the paper's brightness around it), so
      a shadow is neither black after thresholding nor a place Tesseract reads nothing in.
    * Ruled tables: a form boxing every cell in thin rules reads as almost nothing (a rule beside
      a number is read as "|" or "1", a word touching one as noise); the rules, vertical ones
      however short the table and a fax's dashed ones, are painted over in the paper's grey
      (``erase_table_lines``), but not the sheet's own edge, whose erasing only shifts the
      grey levels Tesseract thresholds by.
    * Faded copies: grey ink on grey paper is evened out and stretched to black on white
      (``darken_faint``) before the steps that expect dark ink (the speck check took faint
      strokes for a fax's noise and wiped them out).
    * Doubted numbers: a speck beside "1,000" brings Tesseract's confidence in it to nothing;
      a well-formed number as tall as the page's words is kept (a quantity dropped loses the line).
    * Language: a page is read with one model at a time (a model per language costs a run
      each: "eng+deu+fra" is half as fast again and reads French worse than "fra" alone). The
      orientation check names the script: Han is read with Chinese (and English), Japanese
      with the Japanese script's model. A Latin page is read with English (fast, and no Chinese
      characters made up from specks); when its words are German, French, Polish...
      (``languages.document_languages``) it is read again with that language's model, or the
      whole Latin script's, so that "Stück", "März" and "février" keep their letters; the
      document's next pages are then read in that language at once. A page read with English
      whose words Tesseract mostly doubts is a CJK page the check took for Latin (a Japanese
      fax full of item codes): it is read again with Japanese, then Chinese, and the surer
      reading kept. Tesseract parts CJK text into words of a character or two: the words of a
      line less than a character apart are joined as print sets them ("注文番号",
      "2026年11月24日"), the colon after a label kept as the parting of label and value.
    * Work, not time: a busy machine makes every Tesseract run several times slower, and a
      page read or left for a person must not depend on how busy the machine was. All the OCR
      of one document shares a ``Budget`` counted in pixels given to Tesseract
      (``DOCUMENT_PIXELS``, about nine seconds of one core's work here): a run the budget
      cannot pay for is not started and its page is left, said, for a person. The same page
      therefore reads the same on an idle and a loaded machine. Each run is also capped in
      processor time (``RUN_CPU_SECONDS``, the same on any load: a runaway Tesseract is
      stopped), and waited for at most ``SECONDS`` (a hung one); the message as a whole is
      still read within ``limits.parse_seconds``, which protects the daemon. A page larger
      than ``MAX_PIXELS`` is scaled down first.
    * Screenshots: a colour picture saying no resolution is a screen's (96 dpi), enlarged for
      Tesseract; a colour picture is never despeckled (its small letters are not specks) and,
      unless photographed, never straightened (its solid bars would mislead the measure).
    * Every value read by OCR may be wrong (a 5 read as S, a decimal point lost in noise):
      the caller flags the order for review, pre-filled, so that a person corrects rather
      than types.
"""

from __future__ import annotations

import io
import os
import re
import resource
import shutil
import signal
import subprocess
from typing import Any

from .document import Document
from .languages import document_languages
from .vocabulary import Vocabulary
from .wordpage import read_words_page

OCR_DPI = 300  # Tesseract reads best at about 300 dpi; faxes come at 200 and are enlarged
SCREEN_DPI = 96  # what a screenshot's pixels are: a screen's
MAX_PAGES = 4  # of a multi-page image (a fax gateway's TIFF): a faxed order is short
SECONDS = 60  # one Tesseract run waited for at most (a hung run; the message's own limit is as long)
RUN_CPU_SECONDS = 20  # processor time of one run at most: a runaway is stopped whatever the load
# All the OCR of one document, in pixels given to Tesseract (each run counts its image's): a
# full page at 300 dpi is 8.7 million, read twice (orientation check, then words), so this is
# four pages read the slow way (turned every way round) or eight read plainly; about nine
# seconds of one core. Work, not seconds: the same pages are read on an idle and a busy machine.
DOCUMENT_PIXELS = 150_000_000
MAX_PIXELS = 10_000_000  # an A4 page at 300 dpi is 8.7 million: a larger scan is scaled down first
MIN_CONFIDENCE = 10  # words Tesseract itself doubts more than this are dropped as specks
SPECK_CONFIDENCE = 60  # a lone character must be surer: noise is read as "7", "a", "_"
FADED_SPREAD = 110  # grey levels between the darkest ink and the paper below which a page is faded
POOR_CONFIDENCE = 60  # mean confidence per letter below which a reading may be the wrong way up
SPECKS_SHARE = 0.05  # share of ink a median filter removes above which a page is speckled
OUTLINE_CURVES = 20  # curved paths on a page without text above which its letters are drawn as outlines
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")  # kana, Han, Hangul
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")  # hiragana, katakana: Japanese, not Chinese
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,4})?|\d+(?:[.,]\d{1,4})?")  # "1,000", "0.35", "1200"
# The script Tesseract's orientation check names → the languages that read it, best first; the
# first one installed is used (a page of a script none of them reads is read with English).
_SCRIPT_LANGUAGES = {
    "Han": ("chi_sim+eng",),
    "HanS": ("chi_sim+eng",),
    "HanT": ("chi_tra+eng",),
    "Japanese": ("Japanese", "jpn"),
    "Hangul": ("Korean", "kor"),
}
# A language mailflow knows (``languages.document_languages``) → Tesseract's model for it; a
# Latin-script language without a model of its own is read with the model of the whole script.
_TESSERACT = {
    "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pl": "pol", "pt": "por", "nl": "nld", "sv": "swe",
    "cs": "ces", "sk": "slk", "sl": "slv", "hr": "hrv", "bs": "bos", "sr": "srp_latn", "hu": "hun", "ro": "ron",
    "tr": "tur", "da": "dan", "nb": "nor", "fi": "fin", "et": "est", "lv": "lav", "lt": "lit", "ca": "cat",
    "gl": "glg", "eu": "eus", "is": "isl", "ga": "gle", "mt": "mlt", "sq": "sqi", "cy": "cym", "af": "afr",
    "id": "ind", "ms": "msa", "vi": "vie", "fil": "fil", "sw": "swa", "az": "aze", "uz": "uzb",
}  # fmt: skip
LATIN_SCRIPT = "Latin"  # tesseract-ocr-script-latn: every Latin-script language in one model
# Share of an English reading's words Tesseract doubts above which the page may be CJK after all:
# any page, or one whose script the orientation check was unsure of (a Latin page is 3 or surer)
UNREAD_SHARE, UNSURE_SHARE, SURE_SCRIPT = 0.6, 0.3, 2.0


def available() -> bool:
    return shutil.which("tesseract") is not None


class Budget:
    """The work the OCR of one document may still do, in pixels given to Tesseract
    (``DOCUMENT_PIXELS``): each run pays its image's pixels before it starts, and one the
    budget cannot pay for is not started. ``spent`` says a run was refused or cut short.
    Counting work rather than seconds makes what is read independent of the machine's load."""

    def __init__(self, pixels: int | None = None) -> None:
        self.pixels = DOCUMENT_PIXELS if pixels is None else pixels
        self.spent = False
        self.language: str | None = None  # Tesseract's language an earlier page was found written in

    def pay(self, image: Any) -> bool:
        """Whether a run over ``image`` may start (its pixels taken from the budget)."""
        cost = image.width * image.height
        if cost > self.pixels:
            self.spent = True
            return False
        self.pixels -= cost
        return True


def outlined(page: Any) -> bool:
    """A PDF page (pdfplumber) with no text layer whose letters are drawn as curves: a design
    tool's "convert text to outlines", a print driver that sends glyphs as paths. It is read
    like a scan, rendered and OCR'd; a logo or a ruled form alone has only a few curves."""
    try:
        return len(page.curves) >= OUTLINE_CURVES
    except Exception:  # a damaged content stream: no outlines seen, the page stays as it is
        return False


def languages() -> set[str]:
    """Tesseract's installed languages (asked once: they do not change while the service runs)."""
    if not _LANGUAGES:
        try:
            out = _run(["tesseract", "--list-langs"], b"", timeout=15).decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            return set()
        _LANGUAGES.update(line.strip() for line in out.splitlines()[1:] if line.strip())
    return set(_LANGUAGES)


_LANGUAGES: set[str] = set()


def _run(args: list[str], data: bytes, timeout: float = SECONDS) -> bytes:
    """Tesseract's output; ``subprocess.TimeoutExpired`` when the run was stopped, at
    ``RUN_CPU_SECONDS`` of processor time (a runaway, on any load) or ``timeout`` seconds (hung)."""
    # One thread: the machine's cores serve several readers at once, and Tesseract's own
    # threads make a single page slower, not faster, when they compete.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    ) as proc:
        try:  # set from here rather than in the child (no code runs between fork and exec)
            resource.prlimit(proc.pid, resource.RLIMIT_CPU, (RUN_CPU_SECONDS, RUN_CPU_SECONDS + 1))
        except (OSError, ValueError, AttributeError):
            pass  # it has already ended, or the system has no such limit: the wait still bounds it
        try:
            out, _ = proc.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise subprocess.TimeoutExpired(args, RUN_CPU_SECONDS)
    return out


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def orientation(image: Any, budget: Budget | None = None) -> tuple[int | None, str | None, float]:
    """(degrees to turn the image clockwise, script, how sure of the script) from Tesseract's
    orientation check; degrees is None when it cannot tell (too few letters, or unsure, or out
    of time). A Japanese page full of item codes and numbers is "Latin", but hardly surely."""
    budget = budget or Budget()
    if not budget.pay(image):
        return None, None, 0.0
    try:
        out = _run(["tesseract", "stdin", "stdout", "--psm", "0"], _png(image))
        out = out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        budget.spent = True
        return None, None, 0.0
    except (OSError, subprocess.SubprocessError):
        return None, None, 0.0
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    script = re.search(r"Script:\s*(\w+)", out)
    script_confidence = re.search(r"Script confidence:\s*([\d.]+)", out)
    sure = rotate and confidence and float(confidence.group(1)) >= 2.0
    return (
        int(rotate.group(1)) if sure else None,
        script.group(1) if script else None,
        float(script_confidence.group(1)) if script_confidence else 0.0,
    )


def _tsv_words(image: Any, lang: str, scale: float, budget: Budget | None = None) -> list[dict]:
    """Tesseract's TSV words of one image, in points; low-confidence specks dropped. None
    read when the budget is spent or the run is cut short (``budget.spent`` says so)."""
    budget = budget or Budget()
    if not budget.pay(image):
        return []
    try:
        out = _run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "6", "tsv"], _png(image))
    except subprocess.TimeoutExpired:
        budget.spent = True
        return []
    except OSError:
        return []
    words = []
    lines: dict[tuple[str, ...], list[dict]] = {}
    seen = unsure = 0  # Tesseract's words, and those it doubts (before any is dropped)
    for row in out.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        if parts[11].strip():
            seen += 1
            unsure += _float(parts[10]) < 50
        text = parts[11].strip().strip("°'‘’“”\"`~^*_«»")  # specks read as marks at a word's edge
        text = re.sub(r"^[-.,:;]+(?=[^\W\d_])", "", text)  # "-KNO-491": a speck before a code's letter
        try:
            conf = float(parts[10])
            left, top, width, height = (int(v) for v in parts[6:10])
        except ValueError:
            continue
        line = lines.setdefault(tuple(parts[1:5]), [])  # Tesseract's own text line
        if text in (":", "：") and line and _CJK.search(line[-1]["text"][-1]) and left * scale - line[-1]["x1"] < 8:
            line[-1]["text"] += ":"  # "注文番号:": the colon that parts a CJK label from its value
            continue
        if not text or not re.search(r"[^\W_]", text):
            continue
        if conf < MIN_CONFIDENCE and not _NUMBER.fullmatch(text):
            continue
        if len(text) == 1 and conf < SPECK_CONFIDENCE:
            continue
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
    # A well-formed number Tesseract doubts (a speck beside "1,000" brings its confidence to 0)
    # is kept when it stands as tall as the page's words: a quantity dropped loses the line,
    # and every OCR value is checked by a person anyway. A speck is not that tall.
    heights = sorted(w["bottom"] - w["top"] for w in words if w["conf"] >= MIN_CONFIDENCE)
    usual = heights[len(heights) // 2] if heights else 0.0
    doubted = [
        w for w in words if w["conf"] < MIN_CONFIDENCE and not 0.6 * usual <= w["bottom"] - w["top"] <= 1.6 * usual
    ]
    if doubted:
        gone = {id(d) for d in doubted}
        words = [w for w in words if id(w) not in gone]
        for members in lines.values():
            members[:] = [w for w in members if id(w) not in gone]
        lines = {key: members for key, members in lines.items() if members}
    lines = {key: _join_cjk(members) for key, members in lines.items() if members}
    words = [w for members in lines.values() for w in members]
    # Words of one text line share its top: letter boxes differ ("Qty" against "Item") by more
    # than the layout reader's line tolerance, which is tuned to a PDF's exact positions.
    for members in lines.values():
        level = sorted(w["top"] for w in members)[len(members) // 2]
        for word in members:
            word["top"] = level
    return Reading(words, unsure / seen if seen else 0.0)


class Reading(list):
    """The words of one Tesseract run, and the share of all the words it found (specks and
    marks too, before they are dropped) that it doubted: most, when the page's script is not
    the language's (Japanese read with English)."""

    def __init__(self, words: list[dict], doubted: float = 0.0) -> None:
        super().__init__(words)
        self.doubted = doubted


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _join_cjk(members: list[dict]) -> list[dict]:
    """One Tesseract line's words with Chinese and Japanese words joined as print sets them:
    Tesseract parts "注文番号" into "注文" "番号" and "2026年11月24日" into six words, where a
    PDF's text has one word each (no spaces between CJK characters), and the reader's labels
    and dates are words of that kind. Joined: two CJK words less than a character apart, and a
    number and the 年/月/日 after it (or the number after 年/月); never across a colon."""
    out: list[dict] = []
    for word in members:
        last = out[-1] if out else None
        if last is not None and not last["text"].endswith(":"):
            a, b = last["text"][-1], word["text"][0]
            height = max(last["bottom"] - last["top"], word["bottom"] - word["top"])
            gap = word["x0"] - last["x1"]
            cjk = _CJK.match(a) and _CJK.match(b) and gap < height
            date = (a.isdigit() and b in "年月日" or a in "年月" and b.isdigit()) and gap < 0.6 * height
            if cjk or date:
                out[-1] = {
                    **last,
                    "text": last["text"] + word["text"],
                    "x1": max(last["x1"], word["x1"]),
                    "top": min(last["top"], word["top"]),
                    "bottom": max(last["bottom"], word["bottom"]),
                    "conf": min(last["conf"], word["conf"]),
                }
                continue
        out.append(word)
    return out


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
    gray = image.convert("L")
    level = _otsu(gray)
    return erase_rules(gray.point(lambda p: 255 if p > level else 0))


def erase_rules(ink: Any) -> Any:
    """Rules erased from a black-on-white image: pixel rows a third inked (a table's ruling, a
    fax line's streak) and pixel columns a quarter inked. Where a letter's stroke crosses the
    rule (ink just above and below it) the stroke is kept, so "E" does not become "F"."""
    from PIL import Image, ImageChops

    width, height = ink.size
    inverse = ink.point(lambda p: 255 - p)
    rows = inverse.resize((1, height), Image.BOX)  # share of ink in each pixel row
    columns = inverse.resize((width, 1), Image.BOX)
    for y0, y1 in _runs([rows.getpixel((0, y)) > 255 * 0.35 for y in range(height)]):
        above = ink.crop((0, max(y0 - 1, 0), width, max(y0, 1)))
        below = ink.crop((0, min(y1, height - 1), width, min(y1 + 1, height)))
        keep = ImageChops.lighter(above, below)  # ink (0) only where both sides are ink
        for y in range(y0, y1):
            ink.paste(keep, (0, y))
    for x0, x1 in _runs([columns.getpixel((x, 0)) > 255 * 0.25 for x in range(width)]):
        left = ink.crop((max(x0 - 1, 0), 0, max(x0, 1), height))
        right = ink.crop((min(x1, width - 1), 0, min(x1 + 1, width), height))
        keep = ImageChops.lighter(left, right)
        for x in range(x0, x1):
            ink.paste(keep, (x, 0))
    return ink


def _along(ink: Any, length: int, vertical: bool, widen: bool, ahead: bool) -> Any:
    """A 1-D filter of a white-on-black ink image along columns (``vertical``) or rows, in
    doubling steps (a few whole-image operations however long): ``widen`` the ink over
    ``length`` pixels, or keep only what is ink all ``length`` pixels; the window lies
    ``ahead`` of each pixel (below, right of it) or behind it."""
    from PIL import Image, ImageChops

    done = 1
    while done < length:
        step = min(done, length - done)
        moved = Image.new("L", ink.size, 0)
        offset = -step if ahead else step  # what lies ahead is moved back onto the pixel
        moved.paste(ink, (0, offset) if vertical else (offset, 0))
        ink = ImageChops.lighter(ink, moved) if widen else ImageChops.darker(ink, moved)
        done += step
    return ink


def erase_table_lines(gray: Any, dpi: float) -> tuple[Any, bool]:
    """A page's table rules painted over in the paper's grey: vertical rules however short the
    table (a third of an inch or more: taller than any letter of a heading), broken ones too (a
    fax loses bits of a thin line: gaps of a few pixels are bridged first), and horizontal rules
    an inch long or more. Tesseract reads a letter touching a rule as noise and a rule beside a
    number as "|" or "1"; ``erase_rules`` finds only rules across most of the page. Whether any
    rule was found is returned too."""
    from PIL import Image, ImageChops

    level = min(_otsu(gray), 200)
    # at half size (a quarter of the work): a rule a pixel wide still leaves ink in its half-pixel
    half = (max(1, gray.width // 2), max(1, gray.height // 2))
    ink = gray.point(lambda p: 255 if p <= level else 0).resize(half, Image.BOX).point(lambda p: 255 if p >= 64 else 0)
    dpi /= 2
    gap = max(2, round(dpi / 30))  # a fax's lost bits of a line; two text lines stay further apart
    tall, wide = round(dpi / 3), round(dpi)
    bridged = _along(_along(ink, gap, True, True, True), gap, True, False, False)
    columns = _along(_along(bridged, tall, True, False, True), tall, True, True, False)
    rows = _along(_along(ink, wide, False, False, True), wide, False, True, False)
    # a rule broken into dashes (a fax's thin line) has no long run, but inks a third of its
    # pixel row or more, which no row of letters does; a stroke crossing it stays
    shares = ink.resize((1, ink.height), Image.BOX)
    ruled = [y for y in range(ink.height) if shares.getpixel((0, y)) > 255 * 0.35]
    if ruled:
        band = Image.new("L", ink.size, 0)
        for y in ruled:
            band.paste(255, (0, y, ink.width, y + 1))
        strokes = _along(_along(ink, 4, True, False, True), 4, True, True, False)  # ink 4 pixels tall or more
        dashes = ImageChops.subtract(ImageChops.darker(band, ink), strokes)
        rows = ImageChops.lighter(rows, dashes)
    lines = ImageChops.lighter(columns, rows)
    # a sheet's own edge, a scanner's dark border or a desk around a photographed sheet is no
    # table's rule: erasing it only shifts the grey levels Tesseract thresholds the page by
    margin = (max(1, ink.width // 40), max(1, ink.height // 40))
    inside = Image.new("L", ink.size, 0)
    inside.paste(255, (margin[0], margin[1], ink.width - margin[0], ink.height - margin[1]))
    lines = ImageChops.darker(lines, inside)
    if not lines.getbbox():
        return gray, False
    for vertical in (False, True):  # and the rule's grey edge, a pixel either side
        lines = _along(_along(lines, 2, vertical, True, True), 2, vertical, True, False)
    lines = lines.resize(gray.size, Image.NEAREST)
    paper = _paper(gray)
    return ImageChops.composite(gray.point(lambda _: paper), gray, lines), True


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of true flags: the pixel rows (or columns) of one rule."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if not flag:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def skew(gray: Any) -> float:
    """The angle (degrees, counter-clockwise) a page was fed crooked by, within ±8° (a sheet
    laid on a flatbed by hand goes further astray than one a feeder pulls in): the
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

    best = max((a / 2 for a in range(-16, 17)), key=sharpness)  # within ±8°, by half degrees
    best = max((best + d / 20 for d in range(-10, 11)), key=sharpness)
    return best if abs(best) >= 0.1 else 0.0


def _paper(gray: Any) -> int:
    """The paper's grey: the commonest level of the page."""
    histogram = gray.histogram()[:256]
    return max(range(256), key=histogram.__getitem__)


def _shaded(gray: Any) -> bool:
    """A grey or colour scan with shaded areas (more than a few per cent mid-grey pixels);
    a black-and-white fax has none and is read as it is (thresholding it again loses strokes)."""
    histogram = gray.histogram()[:256]
    return sum(histogram[60:200]) > 0.03 * sum(histogram)


def darken_faint(gray: Any) -> tuple[Any, bool]:
    """A faded copy (grey ink on grey paper, a toner running out, a pencil-light fax) with its
    light evened out and its grey levels stretched so the ink is black and the paper white:
    Tesseract's own threshold and the fixed levels of the steps after it (specks, skew, rules)
    expect ink far darker than paper. A page whose darkest ink is already well below the paper
    is left as it is; whether it was changed is returned too. The ink's level is that of the
    darkest 0.2% of the pixels: a sparse page has little more ink than that, and a stretch to a
    paler level would blacken the paper."""

    def levels(image: Any) -> tuple[int, int]:
        histogram = image.histogram()[:256]
        total, seen = sum(histogram), 0
        paper = max(range(256), key=histogram.__getitem__)
        for level, count in enumerate(histogram):
            seen += count
            if seen >= total * 0.002:
                return level, paper
        return paper, paper

    ink, paper = levels(gray)
    if paper - ink >= FADED_SPREAD or paper - ink < 12:  # a page with ink enough, or no ink at all
        return gray, False
    flat = flatten(gray)  # a faded copy is seldom evenly lit: its paper made one white first
    ink, paper = levels(flat)
    spread = max(paper - ink, 12)
    return flat.point(lambda p: max(0, min(255, round((p - ink) * 255 / spread)))), True


def speckled(gray: Any) -> bool:
    """A fax line's noise: many specks of one or two pixels. A 3×3 median removes them and
    leaves strokes, so the share of ink it takes away tells: about 1% on a clean page (the
    corners of letters), a third or more on a speckled fax. Measured on four bands across the
    page (a quarter of it: specks are everywhere), which costs a tenth of a Tesseract pass."""
    from PIL import ImageFilter

    width, height = gray.size
    band = max(height // 16, 3)
    before = after = 0
    for top in (height // 8, 3 * height // 8, 5 * height // 8, 7 * height // 8):
        ink = gray.crop((0, top, width, min(top + band, height))).point(lambda p: 255 if p < 160 else 0)
        before += ink.histogram()[255]
        after += ink.filter(ImageFilter.MedianFilter(3)).histogram()[255]
    return bool(before) and 1 - after / before > SPECKS_SHARE


def coloured(image: Any) -> bool:
    """A picture in colour (a screenshot of a web ERP, a phone photo): more than a few per cent of
    its pixels clearly coloured. A fax or a scanner's black-and-white page has none."""
    from PIL import Image

    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return False
    small = image.convert("RGB").resize((200, max(1, int(200 * image.height / max(image.width, 1)))), Image.BOX)
    saturation = small.convert("HSV").getchannel("S").histogram()
    return sum(saturation[60:]) > 0.03 * sum(saturation)


def despeckle(gray: Any) -> Any:
    """Specks removed, ink made black: Tesseract reads specks as letters and marks (or doubts
    the words beside them), and its orientation check is unsure of a page strewn with them.
    Two passes of a 3×3 median: a speck enlarged from 200 to 300 dpi is a clump of two or three
    pixels that one pass leaves; strokes of letters are wider and stay."""
    from PIL import ImageFilter

    ink = gray.point(lambda p: 0 if p < 160 else 255)
    return ink.filter(ImageFilter.MedianFilter(3)).filter(ImageFilter.MedianFilter(3))


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


def _poor(words: list[dict]) -> bool:
    """A reading that looks like a page read the wrong way up: few words, or words Tesseract
    itself doubts (a sideways page still yields "words" from specks and strokes, at low
    confidence; an upright page's words are mostly above 80)."""
    letters = sum(len(w["text"]) for w in words)
    return len(words) < 15 or _score(words) < POOR_CONFIDENCE * letters


def photographed(gray: Any) -> bool:
    """A page photographed on a desk: its border (the desk, the shadow around the sheet) much
    darker than its middle (the paper). A scan or a fax is paper to its edges."""
    from PIL import Image, ImageStat

    small = gray.resize((64, max(1, int(64 * gray.height / gray.width))), Image.BOX)
    width, height = small.size
    edge = max(2, width // 16)
    border = [
        ImageStat.Stat(small.crop(box)).mean[0]
        for box in (
            (0, 0, width, edge),
            (0, height - edge, width, height),
            (0, 0, edge, height),
            (width - edge, 0, width, height),
        )
    ]
    middle = ImageStat.Stat(small.crop((width // 4, height // 4, 3 * width // 4, 3 * height // 4))).mean[0]
    return sum(b < middle - 40 for b in border) >= 3 and middle > 120


def flatten(gray: Any) -> Any:
    """Uneven light evened out (a phone's shadow, a lamp's gradient over the sheet): each pixel
    divided by the paper's brightness around it, estimated on a coarse grid closed over the
    letters (letters are thin, paper is everywhere), so shadowed paper is as white as lit paper and
    its letters keep their contrast. Otsu's threshold afterwards no longer blacks out a shadow."""
    from PIL import Image, ImageFilter, ImageMath

    cell = max(gray.width, gray.height) // 200 or 1  # a few pixels: a shadow's soft edge is followed
    coarse = gray.resize((max(1, gray.width // cell), max(1, gray.height // cell)), Image.BOX)
    # closed (the brightest around, then the darkest of those): letters filled in with paper, while
    # a shadow's edge stays where it is
    closed = coarse.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.MinFilter(7))
    paper = closed.filter(ImageFilter.GaussianBlur(1)).resize(gray.size, Image.BILINEAR)
    flat = ImageMath.lambda_eval(
        lambda a: a["convert"](a["min"](a["g"] * 255 / a["max"](a["p"], 1), 255), "L"), g=gray, p=paper
    )
    return flat


def page_corners(gray: Any) -> list[tuple[float, float]] | None:
    """The corners of a sheet photographed on a darker desk (top left, bottom left, bottom
    right, top right, in the image's pixels), from the extreme points of the bright area of a
    small copy; None when they do not make a plausible sheet (too small, not four-sided)."""
    from PIL import Image, ImageFilter

    scale = max(gray.width, gray.height) / 300
    small = gray.resize((max(1, int(gray.width / scale)), max(1, int(gray.height / scale))), Image.BOX)
    small = small.filter(ImageFilter.MedianFilter(5))  # letters gone: the sheet is one bright area
    level = _otsu(small)
    width, height = small.size
    data = small.load()
    best = {"tl": (None, 0.0), "bl": (None, 0.0), "br": (None, 0.0), "tr": (None, 0.0)}
    for y in range(height):
        for x in range(width):
            if data[x, y] <= level:
                continue
            for key, value in (("tl", -x - y), ("br", x + y), ("tr", x - y), ("bl", y - x)):
                if best[key][0] is None or value > best[key][1]:
                    best[key] = ((x, y), value)
    if any(point is None for point, _ in best.values()):
        return None
    corners = [best[key][0] for key in ("tl", "bl", "br", "tr")]
    corners = _edges_met(data, small.size) or corners  # type: ignore[assignment]
    area = 0.5 * abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(corners, corners[1:] + corners[:1])))
    if area < 0.25 * width * height:
        return None
    return [(x * scale, y * scale) for x, y in corners]  # type: ignore[index]


def _fit(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """``v = a·u + b`` through (u, v) points, robustly: the slope is the median of the slopes
    between points half the list apart, the offset the median left by it, so a stretch of the
    edge cut by a shadow or a finger (up to a quarter of it) does not tilt the line."""
    n = len(points)
    if n < 8:
        return None
    half = n // 2
    slopes = sorted(
        (points[i + half][1] - points[i][1]) / (points[i + half][0] - points[i][0])
        for i in range(n - half)
        if points[i + half][0] != points[i][0]
    )
    if not slopes:
        return None
    a = slopes[len(slopes) // 2]
    offsets = sorted(v - a * u for u, v in points)
    return a, offsets[n // 2]


def _edges_met(data: Any, size: tuple[int, int]) -> list[tuple[float, float]] | None:
    """The sheet's corners where its four edges meet, each edge fitted through the outermost
    steep step from desk to paper along the rows (sides) or columns (top, bottom) of the middle half
    of the picture. A lamp's fall-off or a shadow over a corner leaves that corner's paper too
    dark for one threshold (the bright area's extreme point lies inward), but the sheet's edge
    is still a steep step there, and outside the shadow's. None when a fit fails or strays off the picture."""
    width, height = size
    rows = range(height // 4, 3 * height // 4)
    columns = range(width // 4, 3 * width // 4)

    def step(values: list[int], rising: bool) -> int | None:
        """The outermost steep step (at least half the steepest): the sheet's edge lies
        outside any shadow's edge on it."""
        changes = [(values[i + 1] - values[i - 1]) * (1 if rising else -1) for i in range(1, len(values) - 1)]
        steepest = max(changes, default=0)
        if steepest < 24:  # a step of fewer grey levels is no sheet's edge
            return None
        order = range(len(changes)) if rising else range(len(changes) - 1, -1, -1)
        return next(i + 1 for i in order if changes[i] >= steepest / 2)

    fits = []
    for across, rising in ((False, True), (False, False), (True, True), (True, False)):
        points = []
        for k in columns if across else rows:
            line = [data[k, i] for i in range(height)] if across else [data[i, k] for i in range(width)]
            half = len(line) // 2
            found = step(line[:half], True) if rising else step(line[half:], False)
            if found is not None:
                points.append((float(k), float(found if rising else found + half)))
        fit = _fit(points)
        if fit is None:
            return None
        fits.append(fit)
    (la, lb), (ra, rb), (ta, tb), (ba, bb) = fits  # x = a·y + b (sides), y = a·x + b (top, bottom)

    def meet(side: tuple[float, float], level_line: tuple[float, float]) -> tuple[float, float] | None:
        (sa, sb), (ha, hb) = side, level_line
        if abs(1 - sa * ha) < 1e-6:
            return None
        x = (sa * hb + sb) / (1 - sa * ha)
        return x, ha * x + hb

    met = [meet((la, lb), (ta, tb)), meet((la, lb), (ba, bb)), meet((ra, rb), (ba, bb)), meet((ra, rb), (ta, tb))]
    if any(point is None for point in met):
        return None
    slack = 0.03 * max(width, height)
    if not all(-slack <= x <= width + slack and -slack <= y <= height + slack for x, y in met):  # type: ignore[misc]
        return None  # a fit gone astray: the bright area's corners stand
    return met  # type: ignore[return-value]


def unwarp(gray: Any) -> tuple[Any, float] | None:
    """A photographed sheet cut from the desk and drawn square (its four corners to a
    rectangle: a phone held at an angle makes the sheet a trapezium), and the resolution that
    gives it, from an A4 or Letter sheet's width; None when no sheet is found."""
    from PIL import Image

    corners = page_corners(gray)
    if corners is None:
        return None
    (tlx, tly), (blx, bly), (brx, bry), (trx, try_) = corners
    wide = max(((trx - tlx) ** 2 + (try_ - tly) ** 2) ** 0.5, ((brx - blx) ** 2 + (bry - bly) ** 2) ** 0.5)
    tall = max(((blx - tlx) ** 2 + (bly - tly) ** 2) ** 0.5, ((brx - trx) ** 2 + (bry - try_) ** 2) ** 0.5)
    if wide < 200 or not 1.0 < tall / wide < 1.8:  # a sheet stands upright; a turned one is left as it is
        return None
    size = (int(wide), int(wide * 297 / 210))
    flat = gray.transform(size, Image.QUAD, (tlx, tly, blx, bly, brx, bry, trx, try_), Image.BICUBIC)
    return flat, size[0] / 8.27


def words(image: Any, dpi: float, budget: Budget | None = None) -> tuple[list[dict], list[str]]:
    """The words of a page image, in points, and notes for ``--explain`` (rotation, script).
    ``budget``: the time the document's OCR may still take (one of its own when not given)."""
    from PIL import Image

    budget = budget or Budget()
    notes: list[str] = []
    colour = coloured(image)
    image = image.convert("L")
    if image.width * image.height > MAX_PIXELS:  # a large sheet or a fine scan: Tesseract's time grows with it
        factor = (MAX_PIXELS / (image.width * image.height)) ** 0.5
        image = image.resize((max(1, int(image.width * factor)), max(1, int(image.height * factor))), Image.LANCZOS)
        dpi *= factor
        notes.append(f"scaled down to {dpi:.0f} dpi before OCR (a large page)")
    photo = photographed(image)
    if photo:  # a phone's photo: the sheet cut from the desk and squared, its shadows evened out
        sheet = unwarp(image)
        if sheet is not None:
            image, dpi = sheet
            notes.append("photographed sheet cut from the desk and squared")
        image = flatten(image)
        notes.append("uneven light evened out")
    image, faded = darken_faint(image)
    if faded:
        notes.append("faint print darkened (contrast stretched) before OCR")
    if dpi < 250:
        # a 200 dpi fax, a screenshot: enlarged so Tesseract sees strokes of its usual width
        # (as far as the pixel bound allows)
        factor = min(OCR_DPI / dpi, (MAX_PIXELS / (image.width * image.height)) ** 0.5)
        if factor > 1.05:
            image = image.resize((int(image.width * factor), int(image.height * factor)), Image.LANCZOS)
            dpi *= factor
    scale = 72.0 / dpi
    noisy = not colour and speckled(image)  # a fax is black and white; a screenshot's small letters are not specks
    if noisy:  # before the page is turned: a fax line's streaks run along the received image
        image = erase_rules(despeckle(image))
        notes.append("fax specks and streaks removed before OCR")
    degrees, script, script_sure = orientation(image, budget)
    installed = languages()
    lang = _script_language(script, installed) or budget.language or "eng"
    if lang != "eng":
        notes.append(f"script {script}: read with {lang}")
    if degrees:
        image = image.rotate(-degrees, expand=True, fillcolor=_paper(image))
        notes.append(f"page turned {degrees}° (orientation check)")
    # a picture mostly in colour that is no photo is drawn on a screen (a screenshot), never fed
    # crooked; its solid bars and panels would only mislead the measure
    angle = 0.0 if colour and not photo else skew(image)
    if abs(angle) >= 0.3:
        # the corners a turn uncovers take the paper's grey: white ones beside a grey scan's
        # paper would be a third shade, and the threshold would split them from the paper
        image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=_paper(image))
        notes.append(f"page straightened by {angle:+.2f}°")
    ruled = False
    if not colour or photo:  # a screenshot's solid panels and bars are no ruling
        image, ruled = erase_table_lines(image, dpi)
    if ruled:
        notes.append("table rules erased before OCR")
    if not noisy and _shaded(image):
        image = clean(flatten(image))  # a grey scan's paper made white, evenly, first
        notes.append("shading and table rules removed before OCR")
    found = _tsv_words(image, lang, scale, budget)
    if degrees is None and _poor(found) and not budget.spent:
        # the check could not tell: the four quarter turns are scored on a half-size copy (a
        # quarter of the time each), and the best one, if not the first, read at full size
        half = image.resize((max(1, image.width // 2), max(1, image.height // 2)), Image.LANCZOS)
        scores = {
            turn: _score(_tsv_words(half.rotate(-turn, expand=True, fillcolor=255), lang, 2 * scale, budget))
            for turn in (0, 90, 180, 270)
        }
        turn = max(scores, key=lambda t: scores[t])
        if turn and scores[turn] > scores[0]:
            trial = _tsv_words(image.rotate(-turn, expand=True, fillcolor=255), lang, scale, budget)
            if _score(trial) > _score(found):
                notes.append(f"page turned {turn}° (most words recognised)")
                found = trial
    if not budget.spent:
        found, lang = _reread(image, scale, budget, found, lang, installed, notes, script_sure)
    if lang != "eng" and not _script_language(script, installed):
        budget.language = lang  # the document's next pages are read in it at once
    if budget.spent:
        notes.append("OCR stopped at its work limit: this page may be read only in part")
    return found, notes


def _script_language(script: str | None, installed: set[str]) -> str | None:
    """The installed language that reads ``script`` (osd's name), None for Latin or unknown."""
    for lang in _SCRIPT_LANGUAGES.get(script or "", ()):
        if all(part in installed for part in lang.split("+")):
            return lang
    return None


def _reread(
    image: Any,
    scale: float,
    budget: Budget,
    found: list[dict],
    lang: str,
    installed: set[str],
    notes: list[str],
    script_sure: float = 0.0,
) -> tuple[list[dict], str]:
    """A page read again in its own language, once, when the first reading tells which:

    * read with Japanese and not one kana in it: a Chinese page the orientation check took
      for Japanese, read again with Chinese and kept if Tesseract is surer of it;
    * read with English and many of its words doubted while the orientation check was unsure
      of the script (a Japanese fax whose item codes and addresses made it say Latin), or most
      of them doubted: read with Japanese, then (no kana in it) with Chinese, and the reading
      Tesseract is surest of kept;
    * read with English and its words are German, French, Polish... (``document_languages``):
      read with that language's model (umlauts, accents: "Menge", "Stück", "März"), or else the
      model of the whole Latin script, and kept.

    A page read in English at once costs one run; another language two, once per document (the
    next pages are read in it at once). ``lang`` is returned as finally read."""
    chinese = _script_language("Han", installed)
    if lang == _script_language("Japanese", installed) and chinese and not _KANA.search(_text(found)):
        # no kana at all: a Chinese page the orientation check took for Japanese
        trial = _tsv_words(image, chinese, scale, budget)
        if _score(trial) > _score(found):
            notes.append(f"read again with {chinese}: no kana in the {lang} reading")
            return trial, chinese
        return found, lang
    if lang != "eng":
        return found, lang
    doubted = getattr(found, "doubted", 0.0)
    if doubted > UNREAD_SHARE or (script_sure < SURE_SCRIPT and doubted > UNSURE_SHARE):
        tried = [
            cjk
            for script in ("Japanese", "Han", "Hangul")
            if (cjk := _script_language(script, installed)) and cjk != lang
        ]
        best, best_lang, bar = found, lang, 1.2 * _score(found)
        for other in tried[:2]:  # at most two more runs: Japanese, then Chinese unless it had kana
            trial = _tsv_words(image, other, scale, budget)
            if _cjk_read(trial) and _score(trial) > bar:
                best, best_lang, bar = trial, other, _score(trial)
            if budget.spent or _KANA.search(_text(best)):
                break
        if best_lang != lang:
            notes.append(f"read again with {best_lang}: most words of the {lang} reading were doubted")
        return best, best_lang
    said = document_languages(_text(found))
    tag = said[0] if said else "en"
    if tag == "en":
        return found, lang
    model = _TESSERACT.get(tag)
    other = model if model in installed else LATIN_SCRIPT if LATIN_SCRIPT in installed and model else None
    if other is None:
        return found, lang
    trial = _tsv_words(image, other, scale, budget)
    if not trial or _score(trial) < 0.8 * _score(found):  # cut short, or a worse reading
        return found, lang
    notes.append(f"read again with {other}: the page is written in {tag}")
    return trial, other


def _text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def _cjk_read(words: list[dict]) -> bool:
    """A reading with Chinese or Japanese words Tesseract is sure of, not specks made letters."""
    return sum(len(_CJK.findall(w["text"])) for w in words if w["conf"] >= 80) >= 10


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
    pages = getattr(image, "n_frames", 1)  # a fax gateway's TIFF holds every page of the fax
    layout = None
    budget = Budget()  # for all the pages together
    unread: list[int] = []
    for number in range(1, min(pages, MAX_PAGES) + 1):
        if budget.spent:  # the pages after one the budget could not pay for: all left for a person
            unread.append(number)
            continue
        try:
            image.seek(number - 1)
            frame = image.copy()
        except Exception as exc:  # a damaged page of a hostile or broken file: the pages read stand
            doc.warnings.append(f"{name}: page {number} of the image cannot be opened ({type(exc).__name__})")
            break
        where = f"{name} (OCR)" if pages == 1 else f"{name} p{number} (OCR)"
        found, notes = words(frame, _dpi(frame), budget)
        if sum(len(w["text"]) for w in found) < 10:
            if budget.spent:
                unread.append(number)
            continue
        layout = read_words_page(found, where, vocab, doc, layout)
        doc.pages.append((where, found))
        doc.ocr_notes.extend(notes if pages == 1 else [f"{where}: {note}" for note in notes])
        doc.ocr = True
    if unread:
        listed = ", ".join(map(str, unread))
        doc.warnings.append(
            f"{name}: page(s) {listed} not read: OCR reached its limit of work for one document; a person must read them"
        )
    if not doc.ocr:
        doc.unreadable = True
        doc.warnings.append(f"{name}: an image in which OCR found no text: it must be read by a person")
        return doc
    if pages > MAX_PAGES:
        doc.warnings.append(f"{name}: {pages} pages; only the first {MAX_PAGES} were read by OCR")
    doc.warnings.append(f"{name}: read by OCR from an image: every value must be checked against the image")
    return doc


def _dpi(image: Any) -> float:
    """The resolution an image says it was scanned at; a screenshot or a photo says 72 or
    nothing, and its pixels are taken for what they are."""
    said = float((image.info.get("dpi") or (0, 0))[0] or 0)
    if said < 100 and max(image.size) <= 2000 and coloured(image):
        return SCREEN_DPI  # a screenshot: letters a dozen pixels high, enlarged for Tesseract
    dpi = said or OCR_DPI
    if dpi < 100:
        dpi = OCR_DPI if max(image.size) > 2000 else 200
    return dpi
