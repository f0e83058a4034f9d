"""Orders that reach OCR other ways than a fax (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``); its golden file comes from that truth and asks for
review (every value read by OCR is checked by a person). The families:

* ``grey-scan-astray``: a grey flatbed scan (paper at 200, ink at 60) laid four to six degrees
  crooked, as a JPEG in an image-only PDF.
* ``phone-photo``: the sheet photographed with a phone on a dark desk, seen at an angle (a
  trapezium), darker to one side and under the phone's soft shadow, attached to a mail as a JPEG.
* ``pdf-outlined``: a PDF whose text a design tool converted to outlines: every letter a filled
  path of curves, no character and no image in the file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import families as f
import generate as g

FONT = g.LATIN_FONT
A4 = (595.28, 841.89)


def _buyer(lang: str, k: int = 0) -> f.Party:
    parties = [p for p in f.BUYERS if p.lang == lang]
    return parties[k % len(parties)]


def _texts(page: f.Page) -> list[tuple[float, float, str, float]]:
    """(x, y from the top, text, size in points) of everything the sheet prints."""
    po = page.po
    out = [(40.0, 40.0, po.buyer.name, 15.0), (360.0, 40.0, page.lab("title"), 15.0)]
    y = 80.0
    for line in po.buyer.address:
        out.append((40.0, y, line, 9.0))
        y += 12
    y = 120.0
    for label, value in page.header():
        out.append((320.0, y, f"{label}: {value}", 9.0))
        y += 14
    y += 20
    cols = page.columns()
    xs, x = [], 40.0
    for key, _ in cols:
        xs.append(x)
        x += 515 * f.WEIGHTS[key] / sum(f.WEIGHTS[c] for c, _ in cols)
    out.extend((x, y, label, 9.0) for x, (_, label) in zip(xs, cols))
    y += 20
    for row in page.rows():
        out.extend((x, y, value, 9.0) for x, value in zip(xs, row) if value)
        y += 15
    total = page.total_line()
    if total:
        out.append((380.0, y + 10, f"{total[0]}: {total[1]}", 9.0))
    return out


def sheet_image(page: f.Page, dpi: int, paper: int, ink: int) -> Any:
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    image = Image.new("L", (int(A4[0] * scale), int(A4[1] * scale)), paper)
    draw = ImageDraw.Draw(image)
    fonts: dict[float, Any] = {}
    for x, y, text, size in _texts(page):
        font = fonts.setdefault(size, ImageFont.truetype(FONT, int(size * scale)))
        draw.text((x * scale, y * scale), text, font=font, fill=ink)
    return image


def grey_scan(path: Path, page: f.Page, angle: float) -> None:
    from PIL import Image, ImageFilter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = sheet_image(page, 150, 200, 60).rotate(angle, expand=False, fillcolor=200, resample=Image.BICUBIC)
    image = image.filter(ImageFilter.GaussianBlur(0.7))  # no noise: Pillow's draws on C rand()
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=55)
    buf.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(buf), 0, 0, A4[0], A4[1])
    pdf.showPage()
    pdf.save()


def _perspective(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE coefficients mapping ``target`` points (output) to ``source`` ones."""
    rows = []
    for (x, y), (u, v) in zip(source, target):
        rows.append([u, v, 1.0, 0.0, 0.0, 0.0, -x * u, -x * v, x])
        rows.append([0.0, 0.0, 0.0, u, v, 1.0, -y * u, -y * v, y])
    for i in range(8):
        pivot = max(range(i, 8), key=lambda r: abs(rows[r][i]))
        rows[i], rows[pivot] = rows[pivot], rows[i]
        for r in range(8):
            if r != i:
                factor = rows[r][i] / rows[i][i]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[i])]
    return [rows[i][8] / rows[i][i] for i in range(8)]


def phone_photo(page: f.Page, corners: list[tuple[int, int]], shadow: tuple[int, int, int, int]) -> bytes:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    sheet = sheet_image(page, 200, 235, 25)
    width, height = 1800, 2400
    box = [(0, 0), (sheet.width, 0), (sheet.width, sheet.height), (0, sheet.height)]
    warp = _perspective(box, corners)
    photo = Image.new("L", (width, height), 65)
    paper = sheet.transform((width, height), Image.PERSPECTIVE, warp, Image.BICUBIC)
    mask = Image.new("L", sheet.size, 255).transform((width, height), Image.PERSPECTIVE, warp, Image.BILINEAR)
    photo.paste(paper, (0, 0), mask)
    light = Image.linear_gradient("L").rotate(90, expand=True).resize((width, height))
    photo = ImageChops.multiply(photo, light.point(lambda v: int(130 + 125 * v / 255)))
    dark = Image.new("L", (width, height), 255)
    ImageDraw.Draw(dark).ellipse(shadow, fill=115)
    photo = ImageChops.multiply(photo, dark.filter(ImageFilter.GaussianBlur(30))).filter(ImageFilter.GaussianBlur(1.0))
    out = io.BytesIO()
    photo.convert("RGB").save(out, format="JPEG", quality=72)
    return out.getvalue()


def outlined_pdf(path: Path, page: f.Page) -> None:
    """Every letter a filled path (fontTools' outlines drawn by reportlab): no text layer."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont
    from reportlab.pdfgen import canvas

    font = TTFont(FONT)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    per_unit = 1.0 / font["head"].unitsPerEm
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)

    class Pen(BasePen):
        def __init__(self, path: Any, x: float, y: float, k: float) -> None:
            super().__init__(glyphs)
            self.path, self.x, self.y, self.k = path, x, y, k

        def _at(self, point: Any) -> tuple[float, float]:
            return self.x + point[0] * self.k, self.y + point[1] * self.k

        def _moveTo(self, p: Any) -> None:
            self.path.moveTo(*self._at(p))

        def _lineTo(self, p: Any) -> None:
            self.path.lineTo(*self._at(p))

        def _curveToOne(self, p1: Any, p2: Any, p3: Any) -> None:
            self.path.curveTo(*self._at(p1), *self._at(p2), *self._at(p3))

        def _closePath(self) -> None:
            self.path.close()

    for x, y, text, size in _texts(page):
        path = pdf.beginPath()
        baseline = A4[1] - y - size
        for char in text:
            name = cmap.get(ord(char), ".notdef")
            glyphs[name].draw(Pen(path, x, baseline, size * per_unit))
            x += glyphs[name].width * per_unit * size
        pdf.drawPath(path, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()


GREY = (("en", 4.5), ("de", -5.5), ("fr", 6.0))
PHOTOS = (
    ("en", [(330, 220), (1470, 260), (1700, 2250), (110, 2180)], (700, 300, 2000, 1100)),
    ("de", [(250, 160), (1560, 130), (1640, 2300), (170, 2230)], (-300, 500, 900, 1300)),
    ("es", [(420, 260), (1380, 300), (1720, 2280), (80, 2200)], (800, 900, 2100, 1700)),
)
OUTLINED = ("en", "de", "it")
MAIL = {
    "en": ("Purchase order", "Hello, photo of our purchase order attached.\n\nThanks\n"),
    "de": ("Bestellung", "Hallo, anbei ein Foto unserer Bestellung.\n\nDanke\n"),
    "es": ("Pedido", "Hola, adjunto una foto de nuestro pedido.\n\nGracias\n"),
}


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, page: f.Page, producer: str, family: str) -> None:
        fmt = rel.split("/")[0]
        expected = {**page.golden(needs_review=True), "format": fmt, "language": page.lang, "producer": producer}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", {**expected, "family": family}))

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for i, (lang, angle) in enumerate(GREY):
        name = f"{lang.lower()}-grey-scan-astray"
        page = f.Page(f.make_po(name, _buyer(lang, i + 1), 3), lang, variant=i % 2)
        grey_scan(out(f"pdf/{name}.pdf"), page, angle)
        add(f"pdf/{name}.pdf", page, "pillow", "grey-scan-astray")
    for i, (lang, corners, shadow) in enumerate(PHOTOS):
        name = f"{lang.lower()}-phone-photo"
        buyer = _buyer(lang, i + 2)
        page = f.Page(f.make_po(name, buyer, 2 + i % 2), lang, variant=i % 2)
        subject, body = MAIL[lang]
        g.eml(
            out(f"eml/{name}.eml"),
            sender=(buyer.person, buyer.email),
            subject=subject,
            body=body,
            msgid=f"{name}@corpus.example",
            attachments=[("IMG_2041.jpg", phone_photo(page, corners, shadow), "image/jpeg")],
        )
        add(f"eml/{name}.eml", page, "pillow", "phone-photo")
    for i, lang in enumerate(OUTLINED):
        name = f"{lang.lower()}-pdf-outlined"
        page = f.Page(f.make_po(name, _buyer(lang, i + 3), 2 + i % 2), lang, variant=i % 2)
        outlined_pdf(out(f"pdf/{name}.pdf"), page)
        add(f"pdf/{name}.pdf", page, "reportlab-outlines", "pdf-outlined")
