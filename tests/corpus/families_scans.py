"""Faxes received sideways, upside down or through a noisy line (``wide/pdf/``).

``generate.py`` calls :func:`build` after the other wide families. Every document is drawn from a
ground truth made here (``families.make_po``) and rendered by ``families.pdf_scan`` as a 200 dpi
fax (1-bit, a degree or so crooked); its golden file comes from that truth, never from mailflow's
output, and asks for review (every value read by OCR is checked by a person). The families:

* ``fax-turned``: the sheet fed sideways (turned 90° or 270°, the PDF page then landscape) or
  upside down (180°), in six languages, one of them Chinese.
* ``fax-line-noise``: a fax through a noisy line: black and white specks over the page and
  streaks across it along the machine's lines, upright or turned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import families as f
import generate as g

# Buyers of this module only (their letterheads are new to the reader).
BUYERS = {
    "en": f.Party(
        "Harbor Lane Controls Inc.",
        ["18 Wharf Street", "New Bedford MA 02740", "USA"],
        "Dana Brooks",
        "orders@harborlane.example",
        "en",
    ),
    "de": f.Party(
        "Weserland Antriebstechnik GmbH",
        ["Am Speicher 7", "28217 Bremen"],
        "Uwe Behrens",
        "einkauf@weserland.example",
        "de",
    ),
    "fr": f.Party(
        "Mécanique du Rhône SARL",
        ["5 quai Perrache", "69002 Lyon"],
        "Sophie Garnier",
        "achats@meca-rhone.example",
        "fr",
    ),
    "es": f.Party(
        "Talleres Ebro S.L.",
        ["Calle del Pilar 21", "50003 Zaragoza"],
        "Javier Ruiz",
        "compras@talleres-ebro.example",
        "es",
    ),
    "it": f.Party(
        "Officine Brenta S.r.l.",
        ["Via Riviera 14", "35010 Vigonza PD"],
        "Marco Zanin",
        "acquisti@officine-brenta.example",
        "it",
    ),
    "nl": f.Party(
        "Maasdelta Techniek B.V.",
        ["Havenweg 31", "3133 KA Vlaardingen"],
        "Pieter de Wit",
        "inkoop@maasdelta.example",
        "nl",
    ),
    "zh-Hans": f.Party(
        "苏州恒通精密部件有限公司", ["江苏省苏州市吴中区木渎镇金枫路9号"], "陈静", "caigou@hengtong.example", "zh-Hans"
    ),
}
# (language, quarter turn, line noise: share of pixels that are specks)
TURNED = (("en", 90), ("de", 270), ("fr", 180), ("es", 90), ("it", 270), ("zh-Hans", 180))
NOISY = (("en", 0, 0.01), ("de", 90, 0.02), ("fr", 270, 0.005), ("nl", 180, 0.01))
ANGLES = (0.6, -0.9, 1.2, -0.4)  # fed a little crooked as well


def build(b) -> None:
    """The documents of these families, into ``b`` (a ``generate.Builder``) under ``wide/``."""

    def add(rel: str, expected: dict[str, Any], lang: str, family: str) -> None:
        b.docs.append(
            g.Built(
                f"{f.WIDE}/{rel}",
                {**expected, "format": "pdf", "language": lang, "producer": "pillow", "family": family},
            )
        )

    def out(rel: str) -> Path:
        return b.path(f"{f.WIDE}/{rel}")

    for i, (lang, turn) in enumerate(TURNED):
        name = f"{lang.lower()}-fax-turned-{turn}"
        page = f.Page(f.make_po(name, BUYERS[lang], 3 + i % 2), lang, variant=i % 2)
        f.pdf_scan(out(f"pdf/{name}.pdf"), page, angle=ANGLES[i % 4], dpi=200, fax=True, turn=turn)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), lang, "fax-turned")
    for i, (lang, turn, specks) in enumerate(NOISY):
        name = f"{lang.lower()}-fax-line-noise"
        page = f.Page(f.make_po(name, BUYERS[lang], 3 + i % 2), lang, variant=(i + 1) % 2)
        f.pdf_scan(out(f"pdf/{name}.pdf"), page, angle=ANGLES[(i + 1) % 4], dpi=200, fax=True, turn=turn, specks=specks)
        add(f"pdf/{name}.pdf", page.golden(needs_review=True), lang, "fax-line-noise")
