"""Scans and faxes whose words need more than English letters to be read (``wide/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``) and rendered by ``families_degraded.sheet`` (a ruled
order form: letterhead, header labels, lines table, total); its golden file comes from that truth,
never from mailflow's output, and asks for review (every value read by OCR is checked by a
person). All noise comes from ``families.rng_for`` (seeded by the document's name), so the files
are the same on every run. The families:

* ``fax-japanese``: a Japanese buyer's order (注文書, 発注書) faxed at 200 dpi: dates as
  2027年1月18日 or in the Reiwa era (令和9年1月18日), quantities and dates in full-width digits
  as some Japanese systems print them; as an image-only PDF or the fax gateway's TIFF mailed on.
* ``scan-german``, ``scan-french``, ``scan-spanish-italian``, ``scan-polish``: orders whose
  labels, names and month names carry accents and umlauts (Währung, Stück, München, März,
  février, Quantità, października) and whose numbers have decimal commas, as a 300 dpi grey
  scan (JPEG in an image-only PDF) or a 200 dpi fax.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import families as f
import families_degraded as fd
import generate as g

# Buyers of this module only (their letterheads are new to the reader).
BUYERS = {
    "ja": [
        f.Party(
            "株式会社北陸精密工業",
            ["〒920-0031 石川県金沢市広岡3-1-1"],
            "山本 直樹",
            "chotatsu@hokuriku-seimitsu.example",
            "ja",
        ),
        f.Party(
            "浜松電子部品株式会社",
            ["〒430-0944 静岡県浜松市中区田町312"],
            "鈴木 裕子",
            "order@hamamatsu-denshi.example",
            "ja",
        ),
    ],
    "de": [
        f.Party(
            "Müller Gerätebau GmbH",
            ["Schleißheimer Straße 214", "80797 München"],
            "Jürgen Weiß",
            "einkauf@mueller-geraetebau.example",
            "de",
        ),
        f.Party(
            "Förster & Söhne Maschinenfabrik KG",
            ["Glückaufstraße 3", "09599 Freiberg"],
            "Bärbel Köhler",
            "bestellung@foerster-soehne.example",
            "de",
        ),
    ],
    "fr": [
        f.Party(
            "Société Électrique de Sèvres SA",
            ["12 rue de la Crèche", "92310 Sèvres"],
            "Hélène Lefèvre",
            "achats@se-sevres.example",
            "fr",
        ),
        f.Party(
            "Précision Mécanique Angevine SARL",
            ["3 allée des Genêts", "49000 Angers"],
            "François Guérin",
            "commandes@pma-angers.example",
            "fr",
        ),
    ],
    "es": [
        f.Party(
            "Fundiciones Logroñesas S.A.",
            ["Avenida de Portugal 28", "26001 Logroño"],
            "Begoña Muñoz",
            "compras@fundiciones-logronesas.example",
            "es",
        ),
    ],
    "it": [
        f.Party(
            "Elettromeccanica Città di Forlì S.r.l.",
            ["Via Ravegnana 341", "47122 Forlì (FC)"],
            "Niccolò Fabbri",
            "acquisti@elettro-forli.example",
            "it",
        ),
    ],
    "pl": [
        f.Party(
            "Zakład Metalowy Łódź Sp. z o.o.",
            ["ul. Żeromskiego 94", "90-549 Łódź"],
            "Paweł Wójcik",
            "zakupy@zm-lodz.example",
            "pl",
        ),
        f.Party(
            "Śląskie Zakłady Elektryczne S.A.",
            ["ul. Kościuszki 17", "44-100 Gliwice"],
            "Małgorzata Dąbrowska",
            "zaopatrzenie@sze-gliwice.example",
            "pl",
        ),
    ],
}
FAMILY = {"de": "scan-german", "fr": "scan-french", "es": "scan-spanish-italian", "it": "scan-spanish-italian"}
FAMILY["pl"] = "scan-polish"
# Months with accents or declined forms: the order in December, delivery in February or March.
DATES = ((date(2026, 12, 3), date(2027, 3, 18)), (date(2026, 11, 19), date(2027, 2, 8)))
UNITS = {"de": "Stück", "fr": "pièce"}  # the unit word spelt out with its accent, on one of each
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
MAIL = {
    "ja": ("注文書送付の件", "いつもお世話になっております。\n注文書をお送りします。ご確認ください。\n"),
    "de": ("Bestellung", "Guten Tag,\nanbei unsere Bestellung als Scan.\n\nMit freundlichen Grüßen\n"),
    "pl": ("Zamówienie", "Dzień dobry,\nw załączeniu skan zamówienia.\n\nPozdrawiam\n"),
}


@dataclass
class WidePage(f.Page):
    """A page whose dates and quantities are printed in full-width digits (２０２７年１月１８日)."""

    def d(self, value: date) -> str:
        return super().d(value).translate(_WIDE)

    def cell(self, i: int, ln: g.Line, key: str) -> str:
        text = super().cell(i, ln, key)
        return text.translate(_WIDE) if key == "qty" else text


def fax_header(image: Any, page: f.Page, dpi: int) -> Any:
    """The line a fax machine prints across the top: sender, time, page."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(g.LATIN_FONT, int(7 * dpi / 72))
    line = f"FROM: {page.po.buyer.email}   {g.fmt_date(page.po.po_date, 'iso')} 16:42   P.001/001"
    ImageDraw.Draw(image).text((int(30 * dpi / 72), int(12 * dpi / 72)), line, font=font, fill=0)
    return image


def fax(page: f.Page, name: str, pepper: float) -> Any:
    """A 1-bit 200 dpi fax of the sheet: its rules broken, specks on the paper, a little crooked."""
    from PIL import Image

    rng = f.rng_for(f"{name}-line")
    image = fax_header(fd.sheet(page, 200, 255, 0, broken=rng), page, 200)
    image = image.rotate(rng.choice((-0.6, 0.5, 0.9)), fillcolor=255, resample=Image.BICUBIC)
    image = image.point(lambda v: 0 if v < 150 else 255)
    pixels = image.load()
    width, height = image.size
    for _ in range(int(width * height * pepper)):
        pixels[rng.randrange(width), rng.randrange(height)] = 0
    return image.convert("1", dither=Image.NONE)


def grey_scan(page: f.Page, name: str) -> Any:
    """A 300 dpi grey flatbed scan: paper a little grey, soft ink, half a degree crooked."""
    from PIL import Image, ImageFilter

    rng = f.rng_for(f"{name}-scan")
    image = fd.sheet(page, 300, 238, 30)
    image = image.rotate(rng.choice((-0.5, 0.4, 0.7)), fillcolor=238, resample=Image.BICUBIC)
    return image.filter(ImageFilter.GaussianBlur(0.7))


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

    def tiff(image: Any) -> bytes:
        buf = io.BytesIO()
        image.save(buf, "TIFF", compression="group4", dpi=(200, 200))
        return buf.getvalue()

    # Japanese faxes: (dates, full-width digits, as a TIFF mailed on)
    for i, (style, wide, as_tiff) in enumerate((("ja", False, False), ("reiwa", False, True), ("ja", True, False))):
        name = f"ja-fax-order-{i + 1}"
        po = f.make_po(name, BUYERS["ja"][i % 2], 3 + i % 2)
        page = (WidePage if wide else f.Page)(po, "ja", variant=i % 2, dates=style)
        image = fax(page, name, 0.002)
        if as_tiff:
            mail(f"eml/{name}.eml", page, name, ("FAX20261120.tif", tiff(image), "image/tiff"))
            add(f"eml/{name}.eml", page, "fax-japanese")
        else:
            fd.image_pdf(out(f"pdf/{name}.pdf"), [image], 200)
            add(f"pdf/{name}.pdf", page, "fax-japanese")
    # Latin scripts with accents: (language, buyer, as a fax rather than a grey scan)
    latin = (("de", 0, False), ("de", 1, True), ("fr", 0, False), ("fr", 1, True), ("es", 0, False), ("es", 0, True))
    latin += (("it", 0, True), ("it", 0, False), ("pl", 0, False), ("pl", 1, True))
    for i, (lang, k, faxed) in enumerate(latin):
        name = f"{lang}-{'fax' if faxed else 'scan'}-accents-{k + 1}"
        po = f.make_po(name, BUYERS[lang][k], 3 + i % 2)
        po.po_date, delivery = DATES[i % 2]
        po.delivery = delivery
        if lang in UNITS and k == 0:
            for line in po.lines:
                if line.unit == f.LANG[lang]["unit_word"]:
                    line.unit = UNITS[lang]
        page = f.Page(po, lang, variant=k % 2, dates=f.LANG[lang]["dates"][1])
        image = fax(page, name, 0.001) if faxed else grey_scan(page, name)
        dpi = 200 if faxed else 300
        if lang in MAIL and faxed:
            mail(f"eml/{name}.eml", page, name, ("Scan_0001.tif", tiff(image), "image/tiff"))
            add(f"eml/{name}.eml", page, FAMILY[lang])
        else:
            fd.image_pdf(out(f"pdf/{name}.pdf"), [image], dpi, jpeg=None if faxed else 70)
            add(f"pdf/{name}.pdf", page, FAMILY[lang])
