"""Parse time per document, by format, against the bare library read of the same file.

    python bench/parse_speed.py [--repeats 5] [--format pdf]

For each corpus document: the median over ``--repeats`` runs of ``parse_file``, and of the
baseline measured in the same run — the least any extractor must do to see the content:

- PDF: ``pdfplumber.open()`` then ``extract_text()`` and ``extract_tables()`` of every page;
- .xlsx: ``openpyxl.load_workbook(data_only=True)`` then every cell of every sheet;
- .xls: ``xlrd.open_workbook()`` then every cell; .docx: ``docx.Document()`` then every
  paragraph and table cell;
- CSV, text, HTML and email have no baseline (reading them is trivial); their parse time is
  shown alone.

The ratio is total parse time / total baseline time over a format's documents. Scanned
documents read by OCR (Tesseract, seconds a page) are timed once and reported on their own
line (``ocr``), outside the ratios, so the reader's own cost is not hidden behind OCR's. A
report: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT))
from compare import TODAY, load_cases  # noqa: E402


def baseline_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def baseline_xlsx(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for _ in row:
                pass
    wb.close()


def baseline_xls(path: Path) -> None:
    import xlrd

    book = xlrd.open_workbook(str(path))
    for sheet in book.sheets():
        for r in range(sheet.nrows):
            sheet.row_values(r)


def baseline_docx(path: Path) -> None:
    import docx

    d = docx.Document(str(path))
    for p in d.paragraphs:
        _ = p.text
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                _ = cell.text


BASELINES = {".pdf": baseline_pdf, ".xlsx": baseline_xlsx, ".xls": baseline_xls, ".docx": baseline_docx}


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Parse time per document by format, against the bare library read.")
    ap.add_argument("--repeats", type=int, default=5, help="runs per document; the median is kept")
    ap.add_argument("--format", action="append", help="only this format; repeatable")
    args = ap.parse_args(argv)

    from mailflow.extract import ParseContext, parse_file

    ctx = ParseContext(today=date(*TODAY))
    cases = [c for c in load_cases() if not args.format or c.format in args.format]
    # warm up: imports, font caches and the like are paid once per process, not per document
    seen = set()
    for c in cases:
        if c.document.suffix not in seen:
            seen.add(c.document.suffix)
            parse_file(c.document, ctx)
            if c.document.suffix in BASELINES:
                BASELINES[c.document.suffix](c.document)

    per_format: dict[str, list[tuple[str, float, float | None]]] = defaultdict(list)
    for c in cases:
        start = time.perf_counter()
        first = parse_file(c.document, ctx)
        if any("OCR" in w for w in first.warnings):  # a scan: OCR time, reported on its own
            per_format["ocr"].append((c.name, time.perf_counter() - start, None))
            continue
        parse_s = timed(lambda c=c: parse_file(c.document, ctx), args.repeats)
        base = BASELINES.get(c.document.suffix)
        base_s = timed(lambda c=c, base=base: base(c.document), args.repeats) if base else None
        per_format[c.format].append((c.name, parse_s, base_s))

    print(f"median of {args.repeats} runs per document; times in ms")
    print(
        f"{'format':<7} {'docs':>5} {'parse med':>10} {'parse max':>10} {'base med':>9} {'ratio':>7}  slowest vs baseline"
    )
    all_parse = all_base = 0.0
    for fmt in sorted(per_format):
        rows = per_format[fmt]
        parse_times = [p for _, p, _ in rows]
        based = [(n, p, b) for n, p, b in rows if b]
        line = f"{fmt:<7} {len(rows):>5} {statistics.median(parse_times) * 1e3:>10.1f} {max(parse_times) * 1e3:>10.1f}"
        if based:
            sum_p, sum_b = sum(p for _, p, _ in based), sum(b for _, _, b in based)
            all_parse, all_base = all_parse + sum_p, all_base + sum_b
            worst = max(based, key=lambda r: r[1] / r[2])
            line += (
                f" {statistics.median(b for _, _, b in based) * 1e3:>9.1f} {sum_p / sum_b:>6.2f}x"
                f"  {worst[0]} {worst[1] / worst[2]:.2f}x"
            )
        else:
            line += f" {'—':>9} {'—':>7}"
        print(line)
    if all_base:
        print(f"\noverall (formats with a baseline): parse / bare read = {all_parse / all_base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
