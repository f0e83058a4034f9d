"""Peak memory and time of reading a very large .xlsx attachment, against its floor in the same run.

    python bench/xlsx_memory.py [--rows 390000] [--keep FILE]

An ERP's export of every order line, one row each (8 columns, inline strings as program-written
workbooks have them, no stated sheet size): about 21 MB at 390,000 rows. Each reading runs in a
fresh interpreter, which reports its own peak RSS (``ru_maxrss``) and wall time:

- ``imports``: the interpreter with mailflow's readers imported and nothing read: the floor of
  memory any reading starts from;
- ``unzip``: the sheet's XML inflated in 4 MB chunks to its end: the least a reader does that
  must reach the end of the sheet (its merged ranges are written after the cells);
- ``mailflow``: ``xlsx.read_xlsx`` of the file (the first ``MAX_ROWS`` rows read, the rest
  scanned for merged ranges).

Printed: peak RSS of each, mailflow's peak above the imports' floor, and mailflow's time as a
ratio of the unzip's. A report: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

READ = r"""
import json, resource, sys, time, zipfile
from pathlib import Path
from mailflow.extract import xlsx
from mailflow.extract.vocabulary import Vocabulary
vocab = Vocabulary.bundled()
what, path = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()
if what == "unzip":
    with zipfile.ZipFile(path) as package, package.open("xl/worksheets/sheet1.xml") as sheet:
        while sheet.read(1 << 22):
            pass
elif what == "mailflow":
    doc = xlsx.read_xlsx(path.read_bytes(), path.name, vocab)
    assert [len(g.rows) for g in doc.grids] == [xlsx.MAX_ROWS], doc.warnings
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build(path: Path, rows: int) -> None:
    """The export: a header row, then ``rows`` order lines (openpyxl's write-only mode)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Export")
    sheet.append(["PO Number", "PO Date", "Item", "Description", "Quantity", "Unit", "Unit Price", "Amount"])
    rng = random.Random(5)
    for i in range(rows):
        quantity, price = rng.randrange(1, 5000), round(rng.uniform(0.1, 90), 2)
        sheet.append(
            [
                f"PO-{100000 + i // 8}",
                dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                f"IT-{rng.randrange(10000, 99999)}",
                f"Part {rng.randrange(1000)} {rng.choice(['bolt', 'gear wheel', 'valve', 'spring'])}",
                quantity,
                "EA",
                price,
                round(quantity * price, 2),
            ]
        )
    book.save(path)


def measure(what: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", READ, what, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=390_000)
    ap.add_argument("--keep", type=Path, help="build the workbook here (kept; reused when it exists)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="xlsx-memory-") as tmp:
        path = args.keep or Path(tmp) / "export.xlsx"
        if not path.exists():
            build(path, args.rows)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows")
        results = {what: measure(what, path) for what in ("imports", "unzip", "mailflow")}
    for what, result in results.items():
        print(f"  {what:9} peak RSS {result['peak_mb']:7.0f} MB   {result['seconds']:6.2f} s")
    floor, read = results["imports"]["peak_mb"], results["mailflow"]
    ratio = read["seconds"] / max(results["unzip"]["seconds"], 1e-9)
    print(f"  mailflow: {read['peak_mb'] - floor:.0f} MB above the imports; time {ratio:.1f}x the unzip of the sheet")


if __name__ == "__main__":
    main()
