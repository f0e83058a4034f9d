"""PDF conversion: one soffice per document, batches per start, and one long-lived LibreOffice.

    .venv/bin/python bench/pdf_convert.py [--documents 48]

The documents are the order forms and order review forms mailflow renders from its own templates
(``render_document``), for orders of 1 to 12 lines, half of them order forms. The same files are
converted, one way after the other in this run, each into its own folder:

* ``per document``  ``soffice --convert-to pdf``, one start per document (a warm profile);
* ``batches``       ``to_pdf_many`` without the UNO bridge (``documents.uno_python: ""``): one
                    soffice start per batch of up to 40, as mailflow converts without python3-uno;
* ``listener``      ``to_pdf_many`` through one LibreOffice kept running and driven through UNO
                    (``documents/uno_converter.py``), its start included; ``listener warm``: the
                    same listener again on the same files, already running (the daemon's case).
                    Forms of one template go to it as one document, ``Converter.COMBINE`` at a
                    time (``documents/combine.py``); ``listener alone``: the same, its start
                    included, each form opened on its own (``COMBINE = 1``, as before that).

All with ``documents.converters: 1`` (one LibreOffice at a time: the comparison is per process,
not per core). Each row: wall seconds, seconds per document, the CPU of the processes started
(seconds per document), and its wall time as a multiple of the listener's. Every PDF is opened
back (pdfplumber) and must hold its PO number. The machine is shared: run it under
``flock /work/wt/bench.lock`` and compare the rows of one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from mailflow import config as config_mod  # noqa: E402
from mailflow.archive import Archive  # noqa: E402
from mailflow.context import Env  # noqa: E402
from mailflow.documents import pdf as pdf_mod  # noqa: E402
from mailflow.documents import render_document  # noqa: E402
from mailflow.documents.template_context import sample_order  # noqa: E402
from mailflow.model import OrderLine  # noqa: E402
from mailflow.store import Store  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def forms(env: Env, count: int) -> list[tuple[Path, str]]:
    """``count`` rendered forms (.docx) with the PO number each must show."""
    made = []
    for n in range(count):
        lines = [
            OrderLine(f"P-{n}-{k}", f"Part {k} of order {n}", Decimal(100 + k), "pcs", Decimal("1.25"),
                      Decimal(100 + k) * Decimal("1.25"), dt.date(2027, 1, 15))
            for k in range(1 + n % 12)
        ]  # fmt: skip
        total = sum((line.amount for line in lines), Decimal(0))
        order = dataclasses.replace(
            sample_order(), order_no=f"SO-2026-{n + 1:04d}", po_number=f"PO-{7000 + n}", lines=lines, total=total
        )
        kind = "order_form" if n % 2 == 0 else "review_form"
        made.append((render_document(env, order, kind, NOW).path, order.po_number))
    return made


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(convert: Callable[[], dict[Path, Path | None]]) -> tuple[float, float, dict[Path, Path | None]]:
    """(wall s, CPU s of the processes it started, its PDFs)."""
    cpu, started = children_cpu(), time.perf_counter()
    made = convert()
    seconds = time.perf_counter() - started
    pdf_mod.close_listeners()  # a listener's CPU counts once it has exited
    return seconds, children_cpu() - cpu, made


def per_document(documents: list[Path], outdir: Path, profile: Path) -> dict[Path, Path | None]:
    made: dict[Path, Path | None] = {}
    for number, path in enumerate(documents):
        target = outdir / str(number)
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(target), str(path)],
            capture_output=True, check=False,
        )  # fmt: skip
        made[path] = target / f"{path.stem}.pdf"
    return made


def check(made: dict[Path, Path | None], expected: dict[Path, str]) -> None:
    for docx, pdf in made.items():
        assert pdf is not None and pdf.exists(), f"no PDF for {docx.name}"
        with pdfplumber.open(pdf) as opened:
            text = "\n".join(page.extract_text() or "" for page in opened.pages)
        assert expected[docx] in text, f"{pdf.name} lacks {expected[docx]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=48)
    parser.add_argument("--uno-python", default="/usr/bin/python3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mailflow-bench-pdf-") as tmp:
        work = Path(tmp)
        config = config_mod.defaults(work)
        config.documents.pdf = "always"
        config.documents.converters = 1
        env = Env(config=config, store=Store(work / "state" / "mailflow.db"), archive=Archive(work / "archive"))
        try:
            expected = dict(forms(env, args.documents))
        finally:
            env.close()
        documents = list(expected)
        profile = work / "profile"
        per_document(documents[:1], work / "warm-up", profile)  # the profile exists before timing

        holder = type("E", (), {"config": config})()

        def through(python: str, outdir: str) -> Callable[[], dict[Path, Path | None]]:
            def convert() -> dict[Path, Path | None]:
                config.documents.uno_python = python
                return pdf_mod.to_pdf_many(documents, holder, work / outdir)

            return convert

        rows = [("per document", timed(lambda: per_document(documents, work / "one", profile)))]
        rows.append(("batches", timed(through("", "batches"))))
        rows.append(("listener", timed(through(args.uno_python, "listener"))))
        # the daemon's case: LibreOffice already running (started on one document, not timed)
        pdf_mod.IDLE_SECONDS, idle = 3600.0, pdf_mod.IDLE_SECONDS
        config.documents.uno_python = args.uno_python
        pdf_mod.to_pdf_many(documents[:1], holder, work / "start")
        rows.append(("listener warm", timed(through(args.uno_python, "warm"))))
        pdf_mod.Converter.COMBINE, combined = 1, pdf_mod.Converter.COMBINE
        rows.append(("listener alone", timed(through(args.uno_python, "alone"))))
        pdf_mod.Converter.COMBINE = combined
        pdf_mod.IDLE_SECONDS = idle
        for _, (_, _, made) in rows:
            check(made, expected)
        shutil.rmtree(work / "archive", ignore_errors=True)
    base = rows[2][1][0]
    print(f"{args.documents} forms (order and review forms), one LibreOffice at a time")
    print(f"{'way':<14} {'wall s':>7} {'s/doc':>7} {'CPU s/doc':>9} {'x listener':>10}")
    n = args.documents
    for name, (seconds, cpu, _) in rows:
        per_cpu = f"{cpu / n:>9.3f}" if name != "listener warm" else f"{'-':>9}"  # its start is in it
        print(f"{name:<14} {seconds:>7.1f} {seconds / n:>7.3f} {per_cpu} {seconds / base:>10.2f}")


if __name__ == "__main__":
    main()
