"""A long PDF is read page by page in bounded memory: each page's characters and layout, which
pdfplumber keeps until the file is closed, are let go once the page is read. Before, a 60-page
order of ordinary text lines took about 1 GB in the parse worker (over its memory limit, so
the order was quarantined); the 20 pages here about 200 MB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

PAGES = 20
BOUND_MB = 120  # what reading it may add to the process (about 200 MB before pages were let go)

READ = """
import resource, sys
from mailflow.extract import pdf
from mailflow.extract.vocabulary import _bundled
vocabulary = _bundled()
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
doc = pdf.read(data, "long order.pdf", vocabulary)
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(len(doc.pages), "PO-0019" in doc.text, round(grown))
"""


def long_order(path: Path) -> Path:
    """A text PDF of ``PAGES`` full pages of order lines."""
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for page in range(PAGES):
        sheet.setFont("Helvetica", 8)
        sheet.drawString(40, 810, f"PURCHASE ORDER PO-{page:04d}  page {page + 1}")
        for row in range(90):
            amount = (row * 3 + 1) * (row * 1.25 + 2)
            sheet.drawString(
                40,
                780 - row * 8.4,
                f"HX-{page:02d}{row:03d}  Bracket, black, size {row}  {row * 3 + 1} pcs  {amount:.2f}",
            )
        sheet.showPage()
    sheet.save()
    return path


def test_a_long_pdf_is_read_in_bounded_memory(tmp_path):
    pdf = long_order(tmp_path / "long.pdf")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", READ, str(pdf)], capture_output=True, text=True, timeout=300, cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pages, found, grown = done.stdout.split()
    assert int(pages) == PAGES and found == "True"  # every page read, to the last
    assert int(grown) < BOUND_MB, f"reading {PAGES} pages grew the process by {grown} MB"
