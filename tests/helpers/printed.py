"""What a PDF prints, to compare two PDFs as a reader sees them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber


def printed(pdf: Path) -> tuple[int, list[tuple], list[tuple]]:
    """(pages, every word with its place, font and size, every rule and box with its place). The
    font by its name: the tag of its subset ("BAAAAA+") only counts the fonts of the file."""
    with pdfplumber.open(pdf) as opened:
        words = [
            (
                page.page_number,
                round(w["x0"], 1),
                round(w["top"], 1),
                w["text"],
                w["fontname"].split("+")[-1],
                round(w["size"], 1),
            )  # fmt: skip
            for page in opened.pages
            for w in page.extract_words(extra_attrs=["fontname", "size"])
        ]
        rules = [
            (page.page_number, round(r["x0"], 1), round(r["top"], 1), round(r["x1"], 1), round(r["bottom"], 1))
            for page in opened.pages
            for r in page.rects + page.lines
        ]
        return len(opened.pages), words, rules
