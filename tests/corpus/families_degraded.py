"""Scans, faxes and phone photos spoilt the ways real ones are (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``) and rendered by :func:`sheet` (a ruled order form,
letterhead, header labels, lines table, total); its golden file comes from that truth, never from
mailflow's output, and asks for review (every value read by OCR is checked by a person). All
noise comes from ``families.rng_for`` (Python's generator, seeded by the document's name), so the
files are the same on every run. The families:

* ``photo-keystone``: a phone held low over the sheet: the far edge much narrower than the near
  one, a desk lamp's light falling off across the page, the hard-edged shadow of the hand and
  phone over a corner, saved as a strongly compressed JPEG (blocky artefacts around letters).
* ``fax-salt-broken``: a 200 dpi fax through a poor line: white specks eaten into the strokes
  (salt), black specks on the paper (pepper), and the table's thin rules broken into dashes; as an
  image-only PDF or as the fax gateway's 1-bit TIFF mailed on.
* ``scan-quarter-skew``: a sheet fed sideways or upside down (90, 180 or 270 degrees) and a few
  degrees crooked on top of it (2 to 3.5), as a grey PNG mailed on or an image-only PDF.
* ``scan-two-pages``: an order scanned as two pages, its table continued on the second with the
  column heads printed again or not, the total at the end.
* ``scan-stamped``: a received stamp pressed across the table, and a clerk's ticks and a
  signature scrawled over the lines, in a grey scan.
* ``scan-low-contrast``: a faded photocopy: grey ink on grey paper, a little soft, lighter to one
  side.

Languages: English, German, French, Spanish, Italian, Dutch, and Chinese in simplified and
traditional script. Japanese faxes and scans with accented words are in ``families_scanlangs``.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import families as f
import generate as g

A4 = (595.28, 841.89)

# Buyers of this module only (their letterheads are new to the reader).
BUYERS = {
    "en": f.Party(
        "Redwater Pump Systems Ltd",
        ["Unit 9, Canal Side Works", "Leeds LS11 5PS, United Kingdom"],
        "Gareth Holt",
        "purchasing@redwater-pumps.example",
        "en",
        "GBP",
    ),
    "de": f.Party(
        "Havelland Messtechnik GmbH",
        ["Brandenburger Str. 88", "14467 Potsdam"],
        "Katrin Lenz",
        "einkauf@havelland-mt.example",
        "de",
    ),
    "fr": f.Party(
        "Ateliers de la Loire SAS",
        ["14 rue des Tanneurs", "44000 Nantes"],
        "Claire Moreau",
        "achats@ateliers-loire.example",
        "fr",
    ),
    "es": f.Party(
        "Hidráulica Cantábrica S.A.",
        ["Polígono Raos, parcela 7", "39011 Santander"],
        "Iñigo Sainz",
        "compras@hidraulica-cantabrica.example",
        "es",
    ),
    "it": f.Party(
        "Fonderia Valtrompia S.p.A.",
        ["Via Matteotti 51", "25063 Gardone V.T. (BS)"],
        "Paolo Bettinsoli",
        "acquisti@fonderia-valtrompia.example",
        "it",
    ),
    "nl": f.Party(
        "Betuwe Koeltechniek B.V.",
        ["Industrieweg 22", "4004 LL Tiel"],
        "Joost van Dam",
        "inkoop@betuwe-koel.example",
        "nl",
    ),
    "zh-Hans": f.Party(
        "宁波永盛电器有限公司",
        ["浙江省宁波市北仑区新碶街道明州路88号"],
        "周敏",
        "caigou@yongsheng-nb.example",
        "zh-Hans",
    ),
    "zh-Hant": f.Party(
        "新竹宏達精密股份有限公司", ["新竹市東區光復路二段101號"], "林志明", "purchase@hongda-hc.example", "zh-Hant"
    ),
}
MAIL = {
    "en": ("Purchase order", "Hello, our purchase order is attached.\n\nRegards\n"),
    "de": ("Bestellung", "Guten Tag, anbei unsere Bestellung.\n\nGruss\n"),
    "fr": ("Bon de commande", "Bonjour, ci-joint notre bon de commande.\n\nCordialement\n"),
    "es": ("Pedido", "Hola, adjunto nuestro pedido.\n\nSaludos\n"),
    "it": ("Ordine di acquisto", "Buongiorno, in allegato il nostro ordine.\n\nCordiali saluti\n"),
    "nl": ("Inkooporder", "Goedemiddag, bijgaand onze inkooporder.\n\nMet vriendelijke groet\n"),
    "zh-Hans": ("采购订单", "您好，附件是我们的采购订单，请查收。\n\n谢谢\n"),
    "zh-Hant": ("採購訂單", "您好，附件為本公司採購訂單，請查收。\n\n謝謝\n"),
}
STAMP = {"en": "RECEIVED", "de": "EINGANG", "fr": "REÇU", "es": "RECIBIDO", "it": "RICEVUTO", "nl": "ONTVANGEN"}


def sheet(page: f.Page, dpi: int, paper: int = 250, ink: int = 20, *, broken: Any = None, rows: Any = None) -> Any:
    """The order as printed: letterhead, header labels, a ruled lines table, the total.
    ``broken``: a random generator that breaks the table's thin rules into dashes (a fax).
    ``rows``: (first, last) of the lines to print, for a page of a longer order; the total comes
    with the last line, the letterhead and header with the first."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    image = Image.new("L", (int(A4[0] * scale), int(A4[1] * scale)), paper)
    draw = ImageDraw.Draw(image)
    fontfile = g.CJK_FONT if f.is_cjk(page.lang) else g.LATIN_FONT
    fonts: dict[float, Any] = {}

    def px(v: float) -> int:
        return int(v * scale)

    def text(x: float, y: float, value: str, size: float = 9.0) -> None:
        font = fonts.setdefault(size, ImageFont.truetype(fontfile, int(size * scale)))
        draw.text((px(x), px(y)), value, font=font, fill=ink)

    def rule(x0: float, y0: float, x1: float, y1: float) -> None:
        width = max(1, int(scale * 0.6))
        if broken is None:
            draw.line((px(x0), px(y0), px(x1), px(y1)), fill=ink, width=width)
            return
        if y0 == y1:  # a horizontal rule, dashed by the line's losses
            x = px(x0)
            while x < px(x1):
                run = broken.randrange(8, 40)
                draw.line((x, px(y0), min(x + run, px(x1)), px(y0)), fill=ink, width=width)
                x += run + broken.randrange(2, 9)
        else:
            y = px(y0)
            while y < px(y1):
                run = broken.randrange(6, 24)
                draw.line((px(x0), y, px(x0), min(y + run, px(y1))), fill=ink, width=width)
                y += run + broken.randrange(2, 7)

    po = page.po
    first, last = rows or (0, len(po.lines))
    cols = page.columns()
    xs, x = [], 40.0
    for key, _ in cols:
        xs.append(x)
        x += 515 * f.WEIGHTS[key] / sum(f.WEIGHTS[c] for c, _ in cols)
    xs.append(555.0)
    y = 40.0
    if first == 0:
        text(40, y, po.buyer.name, 14)
        text(380, y, page.lab("title"), 14)
        y = 78.0
        for line in po.buyer.address:
            text(40, y, line)
            y += 12
        y = 118.0
        for label, value in page.header():
            text(320, y, f"{label}: {value}")
            y += 14
        y += 22
    else:
        text(40, y, f"{po.buyer.name}  {po.number}", 9)
        y = 70.0
    heads = first == 0 or (rows and rows[1] - rows[0] > 0 and page.extra.get("repeat_heads"))
    top = y - 4
    if heads:
        for x, (_, label) in zip(xs, cols):
            text(x + 2, y, label)
        y += 16
        rule(38, y - 3, 557, y - 3)
    for row in page.rows()[first:last]:
        for x, value in zip(xs, row):
            if value:
                text(x + 2, y, value)
        y += 16
        rule(38, y - 3, 557, y - 3)
    for x in (*xs[:-1], 557.0):
        rule(x if x != 40.0 else 38, top, x if x != 40.0 else 38, y - 3)
    rule(38, top, 557, top)
    total = page.total_line()
    if total and last == len(po.lines):
        text(360, y + 10, f"{total[0]}: {total[1]}")
    return image


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


def keystone_photo(page: f.Page, squeeze: float, lamp: str, quality: int) -> bytes:
    """The sheet photographed from low down: the top edge ``squeeze`` of the bottom's width,
    a lamp's light falling off from one side (``lamp``: "left" or "right"), the hand and phone
    casting a hard shadow over the bottom corner, as a JPEG of ``quality``."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    paper = sheet(page, 200, 238, 30)
    width, height = 1700, 2300
    near, far = 1560, 1560 * squeeze
    corners = [
        ((width - far) / 2, 150.0),
        ((width + far) / 2, 150.0),
        ((width + near) / 2, height - 90.0),
        ((width - near) / 2, height - 90.0),
    ]
    box = [(0, 0), (paper.width, 0), (paper.width, paper.height), (0, paper.height)]
    warp = _perspective(box, corners)
    photo = Image.new("L", (width, height), 58)
    flat = paper.transform((width, height), Image.PERSPECTIVE, warp, Image.BICUBIC)
    mask = Image.new("L", paper.size, 255).transform((width, height), Image.PERSPECTIVE, warp, Image.BILINEAR)
    photo.paste(flat, (0, 0), mask)
    light = Image.linear_gradient("L").rotate(90 if lamp == "left" else -90, expand=True).resize((width, height))
    photo = ImageChops.multiply(photo, light.point(lambda v: int(150 + 105 * v / 255)))
    shade = Image.new("L", (width, height), 255)
    corner = (width - 40, height) if lamp == "left" else (40, height)
    reach = -1 if lamp == "left" else 1
    ImageDraw.Draw(shade).polygon(
        [corner, (corner[0] + reach * 520, height), (corner[0] + reach * 300, height - 520), (corner[0], height - 700)],
        fill=120,
    )
    photo = ImageChops.multiply(photo, shade.filter(ImageFilter.GaussianBlur(6))).filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    photo.convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def salt_fax(page: f.Page, name: str, salt: float, pepper: float) -> Any:
    """A 1-bit 200 dpi fax: rules broken into dashes, ``salt`` of the ink turned white and
    ``pepper`` of the paper turned black, a few degrees of feed skew."""
    from PIL import Image

    rng = f.rng_for(f"{name}-line")
    image = sheet(page, 200, 255, 0, broken=rng).rotate(rng.choice((-0.8, 0.7, 1.1)), fillcolor=255)
    image = image.point(lambda v: 0 if v < 140 else 255)
    pixels = image.load()
    width, height = image.size
    for _ in range(int(width * height * pepper)):
        pixels[rng.randrange(width), rng.randrange(height)] = 0
    inked = [(x, y) for y in range(0, height, 1) for x in range(0, width, 1) if pixels[x, y] == 0]
    for x, y in rng.sample(inked, int(len(inked) * salt)):
        pixels[x, y] = 255
    return image.convert("1", dither=Image.NONE)


def quarter_skew(page: f.Page, turn: int, skew: float) -> Any:
    """A grey 200 dpi scan fed ``turn`` degrees round and ``skew`` degrees crooked."""
    from PIL import Image, ImageFilter

    image = sheet(page, 200, 236, 35).rotate(skew, fillcolor=236, resample=Image.BICUBIC, expand=True)
    return image.rotate(turn, expand=True).filter(ImageFilter.GaussianBlur(0.6))


def stamped(page: f.Page, name: str) -> Any:
    """A grey 200 dpi scan with a received stamp pressed across the table (its frame and
    letters in a darker grey, a little turned) and ticks and a scrawled initial over the lines."""
    from PIL import Image, ImageDraw, ImageFont

    rng = f.rng_for(f"{name}-stamp")
    image = sheet(page, 200, 242, 25)
    scale = 200 / 72
    stamp = Image.new("L", (int(190 * scale), int(62 * scale)), 0)
    draw = ImageDraw.Draw(stamp)
    draw.rectangle((4, 4, stamp.width - 5, stamp.height - 5), outline=255, width=int(2.2 * scale))
    font = ImageFont.truetype(g.LATIN_FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), int(15 * scale))
    draw.text((int(14 * scale), int(8 * scale)), STAMP.get(page.lang, "RECEIVED"), font=font, fill=255)
    small = ImageFont.truetype(g.LATIN_FONT, int(11 * scale))
    draw.text((int(14 * scale), int(34 * scale)), "2 6 . 1 1 . 2 0 2 6", font=small, fill=255)
    stamp = stamp.rotate(rng.choice((-14, -9, 11)), expand=True, resample=Image.BICUBIC)
    ink = Image.new("L", stamp.size, 105)
    image.paste(ink, (int(330 * scale), int(236 * scale)), stamp.point(lambda v: int(v * 0.8)))
    draw = ImageDraw.Draw(image)
    y = 156.0 + 14 * len(page.header())  # the first line's row
    for _ in page.po.lines:  # a tick at the start of each line, a stroke through its number
        x = 26.0 + rng.uniform(-3, 3)
        points = [(x, y + 6), (x + 4, y + 11), (x + 13, y - 3)]
        draw.line([(int(a * scale), int(b * scale)) for a, b in points], fill=50, width=int(1.6 * scale), joint="curve")
        y += 16
    sign = [(420 + 9 * k + rng.uniform(-2, 2), y + 30 + 9 * math.sin(k * 1.7)) for k in range(12)]
    draw.line([(int(a * scale), int(b * scale)) for a, b in sign], fill=45, width=int(1.4 * scale), joint="curve")
    return image


def low_contrast(page: f.Page) -> Any:
    """A faded copy: ink at 150 on paper at 205, soft, lighter towards one side."""
    from PIL import Image, ImageChops, ImageFilter

    image = sheet(page, 200, 205, 150).filter(ImageFilter.GaussianBlur(0.9))
    light = Image.linear_gradient("L").rotate(90, expand=True).resize(image.size)
    return ImageChops.multiply(image, light.point(lambda v: int(215 + 40 * v / 255)))


def image_pdf(path: Path, images: list[Any], dpi: int, jpeg: int | None = None) -> None:
    """An image-only PDF, one page per image (JPEG of ``jpeg`` quality, or lossless)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    for image in images:
        size = (image.width * 72 / dpi, image.height * 72 / dpi)
        buf = io.BytesIO()
        if jpeg:
            image.convert("L").save(buf, "JPEG", quality=jpeg)
        else:
            image.save(buf, "PNG")
        buf.seek(0)
        pdf.setPageSize(size)
        pdf.drawImage(ImageReader(buf), 0, 0, size[0], size[1])
        pdf.showPage()
    pdf.save()


# (language, top edge's share of the bottom's, lamp side, JPEG quality)
KEYSTONE = (
    ("fr", 0.80, "left", 38),
    ("it", 0.84, "right", 34),
    ("nl", 0.78, "right", 42),
    ("zh-Hans", 0.86, "left", 40),
)
# (language, salt, pepper, as a TIFF mailed on)
SALT = (
    ("en", 0.08, 0.004, False),
    ("de", 0.12, 0.006, True),
    ("es", 0.10, 0.003, False),
    ("zh-Hant", 0.06, 0.003, True),
)
# (language, quarter turn, degrees crooked, as a PNG mailed on)
QUARTER = (("de", 90, 2.5, True), ("fr", 270, -3.0, False), ("es", 180, 3.5, True), ("en", 270, 2.0, True))
QUARTER_CJK = (("zh-Hans", 90, -2.2, False),)
TWO_PAGES = (("en", True), ("de", False), ("it", True))
STAMPED = ("en", "fr", "es", "nl")
FADED = ("de", "it", "en", "zh-Hans")


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, page: f.Page, family: str) -> None:
        fmt = rel.split("/")[0]
        expected = {**page.golden(needs_review=True), "format": fmt, "language": page.lang, "producer": "pillow"}
        b.docs.append(g.Built(f"{f.WIDE}/{rel}", {**expected, "family": family}))

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    def mail(rel: str, page: f.Page, name: str, attachment: tuple[str, bytes, str]) -> None:
        buyer = page.po.buyer
        subject, body = MAIL[page.lang]
        g.eml(
            out(rel),
            sender=(buyer.contact, buyer.email),
            subject=f"{subject} {page.po.number}",
            body=body,
            msgid=f"{name}@corpus.example",
            attachments=[attachment],
        )

    def png(image: Any, dpi: int) -> bytes:
        buf = io.BytesIO()
        image.save(buf, "PNG", dpi=(dpi, dpi))
        return buf.getvalue()

    for i, (lang, squeeze, lamp, quality) in enumerate(KEYSTONE):
        name = f"{lang.lower()}-photo-keystone"
        page = f.Page(f.make_po(name, BUYERS[lang], 2 + i % 2), lang, variant=i % 2)
        mail(
            f"eml/{name}.eml", page, name, ("IMG_3318.jpg", keystone_photo(page, squeeze, lamp, quality), "image/jpeg")
        )
        add(f"eml/{name}.eml", page, "photo-keystone")
    for i, (lang, salt, pepper, tiff) in enumerate(SALT):
        name = f"{lang.lower()}-fax-salt-broken"
        page = f.Page(f.make_po(name, BUYERS[lang], 3 + i % 2), lang, variant=(i + 1) % 2)
        image = salt_fax(page, name, salt, pepper)
        if tiff:
            buf = io.BytesIO()
            image.save(buf, "TIFF", compression="group4", dpi=(200, 200))
            mail(f"eml/{name}.eml", page, name, ("FAX0042.tif", buf.getvalue(), "image/tiff"))
            add(f"eml/{name}.eml", page, "fax-salt-broken")
        else:
            image_pdf(out(f"pdf/{name}.pdf"), [image], 200)
            add(f"pdf/{name}.pdf", page, "fax-salt-broken")
    for i, (lang, turn, skew, as_png) in enumerate(QUARTER + QUARTER_CJK):
        name = f"{lang.lower()}-scan-quarter-skew-{turn}"
        page = f.Page(f.make_po(name, BUYERS[lang], 2 + i % 3), lang, variant=i % 2)
        image = quarter_skew(page, turn, skew)
        if as_png:
            mail(f"eml/{name}.eml", page, name, ("scan0007.png", png(image, 200), "image/png"))
            add(f"eml/{name}.eml", page, "scan-quarter-skew")
        else:
            image_pdf(out(f"pdf/{name}.pdf"), [image], 200, jpeg=60)
            add(f"pdf/{name}.pdf", page, "scan-quarter-skew")
    for i, (lang, repeat) in enumerate(TWO_PAGES):
        name = f"{lang.lower()}-scan-two-pages"
        po = f.make_po(name, BUYERS[lang], 7)
        page = f.Page(po, lang, variant=i % 2, extra={"repeat_heads": repeat})
        split = 4 + i % 2
        pages = [sheet(page, 200, 244, 28, rows=(0, split)), sheet(page, 200, 244, 28, rows=(split, len(po.lines)))]
        image_pdf(out(f"pdf/{name}.pdf"), pages, 200, jpeg=65)
        add(f"pdf/{name}.pdf", page, "scan-two-pages")
    for i, lang in enumerate(STAMPED):
        name = f"{lang.lower()}-scan-stamped"
        page = f.Page(f.make_po(name, BUYERS[lang], 3), lang, variant=i % 2)
        image_pdf(out(f"pdf/{name}.pdf"), [stamped(page, name)], 200, jpeg=70)
        add(f"pdf/{name}.pdf", page, "scan-stamped")
    for i, lang in enumerate(FADED):
        name = f"{lang.lower()}-scan-low-contrast"
        page = f.Page(f.make_po(name, BUYERS[lang], 2 + i % 2), lang, variant=(i + 1) % 2)
        image = low_contrast(page)
        if i % 2:
            mail(f"eml/{name}.eml", page, name, ("copy.jpg", _jpeg(image, 200, 55), "image/jpeg"))
            add(f"eml/{name}.eml", page, "scan-low-contrast")
        else:
            image_pdf(out(f"pdf/{name}.pdf"), [image], 200, jpeg=55)
            add(f"pdf/{name}.pdf", page, "scan-low-contrast")


def _jpeg(image: Any, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    image.convert("L").save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()
