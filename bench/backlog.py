"""A mailbox backlog end to end (``mailflow run --once``, PDFs on) against its floor, in one run.

    .venv/bin/python bench/backlog.py [--messages 200] [--pdf auto|never] [--profile FILE]

The backlog is what piles up over a weekend: 40% purchase orders as PDF, 30% as Excel, 20% typed
in the mail body, 10% other mail (no order). Every order has its own PO number, buyer and lines,
drawn by the corpus generator (``tests/corpus/generate.py``) from the English-speaking buyers, so
each one makes a new order with its documents and notices. The buyers are Confirmed customers on
the Customers sheet (as at a desk that has been running for a while), so no order is held for its
customer and every notice is composed, rendered and queued. The messages are built once and
cached under ``$TMPDIR/mailflow-bench-backlog/``.

The floor is the work no order desk can skip, measured on the same messages in the same run:
the MIME parse (``mailflow.message.parse``) plus a bare library read of each attachment —
pdfplumber text and tables of every page, openpyxl read-only rows. The ratio is the backlog's
wall time over the floor's. "peak MB" is the largest resident set among the processes of the
run (mailflow itself, or a LibreOffice it started). mailflow runs as installed, its bytecode
compiled beforehand (``installed``), whatever ``PYTHONDONTWRITEBYTECODE`` says.

Reported in one run, each also as a ratio against the floor:

* ``backlog s``   wall time of ``run --once``, process start to exit;
* ``tracker s``   from the process start until every order read was on the tracker (the cycle's
                  ``tracker_ready``: the tracker is written at the end of the messages, before
                  any PDF is waited for);
* ``CPU s``       user + system time of mailflow and every process it started (parse workers,
                  LibreOffice): on a shared machine the wall time also counts the neighbours;
* ``convert s``   LibreOffice alone on the run's own customer documents (the .docx files the
                  run made), one process converting batches of 40: the floor of the PDFs; and
                  below the table the same through one LibreOffice kept running (``pdf.py``'s
                  listener, driven through UNO), when python3-uno is installed;
* ``peak MB``     the largest resident set of one process; ``sum MB`` the largest total of the
                  whole process tree (mailflow, its parse workers, LibreOffice), sampled; ``PSS MB``
                  the largest total of their proportional set sizes (``/proc/PID/smaps_rollup``: a
                  page the processes share, a library's code say, counted once, not once each).

Below the table, per kind of process (mailflow, parse worker, UNO converter, soffice.bin, ...;
the parse workers' fork server counts as a parse worker, since they are forked with its command
line): how many ran, the largest one's peak, how the longest-lived one grew (first -> last
sample), and the CPU seconds they used; then LibreOffice's CPU against the floor's, and per PDF: what the PDFs
of the acknowledgements cost on their own; then each stage of the cycle as wall time / mailflow's own
CPU in it (a stage far from its wall time waits for the parse workers, LibreOffice or the disk).

``--history N`` starts from a desk with ``N`` orders on record: the realistic store of
``tracker_sync.py`` (whole order lives, 90 % closed, built once and cached), its tracker written
and one ``run --once`` without mail made before the backlog arrives (the timers, documents and
notices that history has due at the bench's date), as at a desk that is up to date. The
backlog's orders then join that history: the tracker write, the workflow's look-ups and the PO
numbers each parse worker is given grow with it.

``--profile FILE`` runs mailflow under cProfile and writes its profile to FILE (read it with
``python -m pstats FILE``): mailflow's main thread only, not its parse workers nor LibreOffice,
and every figure of that run is slowed by the profiler.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "mailflow-bench-backlog"
NOW = "2026-11-23T09:00:00+08:00"
MIX = ("pdf", "xlsx", "body", "pdf", "xlsx", "other", "pdf", "xlsx", "body", "pdf")  # 40/30/20/10 %


def _generator():
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    import generate

    return generate


def build(count: int) -> Path:
    """``count`` messages in the mix above (cached)."""
    folder = CACHE / f"v2-{count}"
    if folder.is_dir() and len(list(folder.glob("*.eml"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    g = _generator()
    buyers = [b for b in g.BUYERS.values() if b.lang == "en"]
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            kind = MIX[n % len(MIX)]
            buyer = buyers[rng.randrange(len(buyers))]
            number = f"BK-{n + 1:05d}"
            po = g.make_po(f"backlog-{n}", buyer, number, rng.randint(3, 12))
            doc = g.Doc(po, g.style_for(po, variant=n % 4))
            msg = EmailMessage()
            msg["From"] = f"{buyer.contact} <{buyer.email}>"
            msg["To"] = "Example Manufacturing Orders <orders@example.com>"
            msg["Date"] = format_datetime(g.FIXED_TIME)
            msg["Message-ID"] = f"<backlog-{n}@bench.example>"
            if kind == "other":
                msg["Subject"] = f"Visit next week ({n})"
                msg.set_content(f"Hello,\n\nCould we move our call to Thursday at 10?\n\nRegards,\n{buyer.contact}\n")
            elif kind == "body":
                msg["Subject"] = f"Purchase order {number}"
                msg.set_content(g.text_aligned(doc))
            else:
                msg["Subject"] = f"Purchase order {number}"
                msg.set_content(f"Dear supplier,\n\nplease find our PO {number} attached.\n\n{buyer.contact}\n")
                path = Path(tmp) / f"{number}.{kind}"
                if kind == "pdf":
                    g.pdf_reportlab(path, doc)
                    ctype = ("application", "pdf")
                else:
                    g.xlsx_po(path, doc)
                    ctype = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                msg.add_attachment(path.read_bytes(), maintype=ctype[0], subtype=ctype[1], filename=path.name)
            (folder / f"{n:05d}.eml").write_bytes(msg.as_bytes(policy=policy.SMTP))
    return folder


def buyers() -> list[dict]:
    """The buyers of the backlog as Customers rows: Confirmed, their mail domain on file."""
    g = _generator()
    rows = []
    for buyer in g.BUYERS.values():
        if buyer.lang == "en":
            rows.append(
                {
                    "name": buyer.name,
                    "senders": [buyer.email.split("@", 1)[1].lower()],
                    "contact": buyer.contact,
                    "contact_email": buyer.email,
                    "language": "en",
                }
            )
    return rows


CONFIRM = """
import datetime as dt, json, sys
from mailflow.config import load
from mailflow.context import Env, fixed_clock
from mailflow.customers.master import add_customers
from mailflow.tracker import Tracker
env = Env.open(load(sys.argv[1]), clock=fixed_clock(dt.datetime.fromisoformat(sys.argv[3])))
try:
    add_customers(env.store, json.loads(sys.argv[2]), env.now())
    Tracker(env).write(env.now())
finally:
    env.close()
"""


def floor(folder: Path) -> tuple[float, float]:
    """MIME parse + the bare library read of every attachment, in this process: (wall, CPU) s."""
    import openpyxl
    import pdfplumber

    from mailflow.config import Limits
    from mailflow.message import parse

    limits = Limits()
    started, cpu = time.perf_counter(), time.process_time()
    for path in sorted(folder.glob("*.eml")):
        message = parse(path.read_bytes(), limits)
        for attachment in message.attachments:
            name = attachment.filename.lower()
            if name.endswith(".pdf"):
                with pdfplumber.open(io.BytesIO(attachment.data)) as pdf:
                    for page in pdf.pages:
                        page.extract_text()
                        page.extract_tables()
            elif name.endswith(".xlsx"):
                book = openpyxl.load_workbook(io.BytesIO(attachment.data), read_only=True, data_only=True)
                for sheet in book.worksheets:
                    for _ in sheet.iter_rows(values_only=True):
                        pass
                book.close()
    return time.perf_counter() - started, time.process_time() - cpu


ROLES = (  # (role, what its command line holds), the first match wins
    ("parse worker", "mailflow.parseworker"),
    ("UNO converter", "uno_converter.py"),
    ("soffice.bin", "soffice.bin"),
    ("oosplash", "oosplash"),
    ("soffice", "soffice"),
)


def _role(pid: int, root: int) -> str:
    """What process ``pid`` of the tree is: mailflow itself, a parse worker, LibreOffice, ..."""
    if pid == root:
        return "mailflow"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "other"
    return next((role for role, mark in ROLES if mark in command), "other")


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """Resident kB and CPU seconds so far of ``root`` and each of its descendants (Linux /proc):
    {pid: (kB, s)}."""
    parents: dict[int, int] = {}
    rss: dict[int, tuple[int, float]] = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            parents[pid] = int(fields[1])
            rss[pid] = (
                int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024),
                (int(fields[11]) + int(fields[12])) / ticks,
            )
        except (OSError, ValueError, IndexError):
            continue
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        grown = bool(more)
        tree |= more
    return {pid: rss[pid] for pid in tree if pid in rss}


def _pss_kb(pid: int) -> int:
    """The proportional set size of ``pid`` in kB (each shared page divided among its sharers); 0
    when it is gone or the kernel does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class Sampled:
    """What sampling a process tree saw: the largest total, and per process its role, its first,
    largest and last resident set (kB) and the CPU seconds it had used when last seen."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.tree_kb = 0
        self.tree_pss_kb = 0  # the same total counting a page shared by several processes once
        self.processes: dict[int, dict] = {}  # pid -> {"role", "first", "peak", "last", "samples"}

    def sample(self) -> None:
        tree = _tree(self.root)
        self.tree_kb = max(self.tree_kb, sum(kb for kb, _ in tree.values()))
        self.tree_pss_kb = max(self.tree_pss_kb, sum(_pss_kb(pid) for pid in tree))
        for pid, (kb, cpu) in tree.items():
            seen = self.processes.get(pid)
            if seen is None:
                seen = self.processes[pid] = {"role": _role(pid, self.root), "first": kb, "peak": 0, "samples": 0}
            seen["peak"] = max(seen["peak"], kb)
            seen["last"] = kb
            seen["cpu"] = cpu
            seen["samples"] += 1

    def roles(self) -> dict[str, dict]:
        """Per role: how many processes, the largest one's peak, the first and last kB of the
        longest-lived one (how it grew), the CPU seconds of them all."""
        out: dict[str, dict] = {}
        for seen in self.processes.values():
            role = out.setdefault(
                seen["role"], {"count": 0, "peak": 0, "first": 0, "last": 0, "samples": 0, "cpu": 0.0}
            )
            role["count"] += 1
            role["cpu"] += seen["cpu"]
            role["peak"] = max(role["peak"], seen["peak"])
            if seen["samples"] > role["samples"]:
                role.update(first=seen["first"], last=seen["last"], samples=seen["samples"])
        return out


def _run_sampled(command: list[str], environ: dict) -> tuple[subprocess.CompletedProcess, float, Sampled]:
    """Run ``command``; (result, wall seconds, what sampling its process tree saw)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ)
    seen = Sampled(proc.pid)

    def sample() -> None:
        while proc.poll() is None:
            seen.sample()
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    return subprocess.CompletedProcess(command, proc.returncode, out, err), seconds, seen


def convert_floor(documents: list[Path]) -> float:
    """LibreOffice alone over ``documents``: one soffice start per 40, one after the other."""
    with tempfile.TemporaryDirectory(prefix="mailflow-convert-") as tmp:
        staging = Path(tmp) / "in"
        staging.mkdir()
        copies = []
        for number, path in enumerate(documents):
            copies.append(staging / f"{number:05d}.docx")
            shutil.copyfile(path, copies[-1])
        profile = (Path(tmp) / "profile").as_uri()
        started = time.perf_counter()
        for start in range(0, len(copies), 40):
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                 "--outdir", tmp, *map(str, copies[start : start + 40])],
                capture_output=True, check=False,
            )  # fmt: skip
        return time.perf_counter() - started


def listener_floor(documents: list[Path]) -> float | None:
    """LibreOffice alone over ``documents`` through one listener (``documents/pdf.py``: one
    LibreOffice kept running, driven through UNO), its start included; None without python3-uno."""
    from mailflow.config import defaults
    from mailflow.documents import pdf as pdf_mod

    with tempfile.TemporaryDirectory(prefix="mailflow-convert-") as tmp:
        config = defaults(Path(tmp))
        config.documents.converters = 1
        env = type("E", (), {"config": config})()
        started = time.perf_counter()
        pdf_mod.to_pdf_many(documents, env, Path(tmp) / "out")
        seconds = time.perf_counter() - started
        through = pdf_mod._listeners().running > 0
        pdf_mod.close_listeners()
        return seconds if through else None


def installed(environ: dict, pythonpath: str) -> dict:
    """``environ`` for running the checkouts on ``pythonpath`` as an installed mailflow runs:
    with its modules' bytecode compiled beforehand (an install does that; a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` would compile every module again in mailflow and in each parse
    worker, about 0.4 s of CPU apiece, which no deployment pays). The bytecode goes to a cache
    folder of the bench, never into the checkout."""
    environ = {**environ, "PYTHONPATH": pythonpath, "PYTHONPYCACHEPREFIX": str(CACHE / "bytecode")}
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for code in pythonpath.split(os.pathsep):
        if (Path(code) / "mailflow").is_dir():
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(Path(code) / "mailflow")], env=environ, check=False
            )
    return environ


def up_to_date(workspace: Path, history: Path | None, environ: dict) -> None:
    """The desk at ``workspace`` (``mailflow init``'s) as one that has been running: its store
    replaced by a copy of ``history`` when given, the backlog's buyers Confirmed customers on
    the Customers sheet, and with a history, what it has due at the bench's date (timers,
    documents, notices) done by one ``run --once``."""
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    config = workspace / "config.yaml"
    if history is not None:
        state = workspace / "state" / "mailflow.db"
        for leftover in state.parent.glob(state.name + "*"):
            leftover.unlink()
        shutil.copyfile(history, state)
    subprocess.run(
        [sys.executable, "-c", CONFIRM, str(config), json.dumps(buyers()), NOW],
        check=True,
        capture_output=True,
        env=environ,
    )
    if history is not None:
        command = [mailflow, "--now", NOW, "--config", str(config), "run", "--once"]
        subprocess.run(command, check=True, capture_output=True, env=environ)


def backlog(
    folder: Path,
    pdf: str,
    pythonpath: str,
    parse_workers: int | None = None,
    converters: int | None = None,
    profile: str | None = None,
    history: Path | None = None,
) -> dict:
    """``mailflow init`` + every message delivered + one ``run --once``: seconds and outcome.
    ``profile``: the run's cProfile output goes to that file. ``history``: a store of orders on
    record to start from (its tracker written before the run, as a desk's already is)."""
    mailflow = str(Path(sys.executable).with_name("mailflow"))
    environ = installed({k: v for k, v in os.environ.items() if not k.startswith("MAILFLOW_")}, pythonpath)
    with tempfile.TemporaryDirectory(prefix="mailflow-backlog-") as tmp:
        workspace = Path(tmp) / "desk"
        subprocess.run([mailflow, "--now", NOW, "init", str(workspace)], check=True, capture_output=True, env=environ)
        config = workspace / "config.yaml"
        text = config.read_text().replace("  pdf: auto", f"  pdf: {pdf}")
        if parse_workers is not None:
            text = re.sub(r"(?m)^(    parse_workers:) *\d+", rf"\g<1> {parse_workers}", text)
        if converters is not None:
            text = re.sub(r"(?m)^(  converters:) *\d+", rf"\g<1> {converters}", text)
        config.write_text(text)
        up_to_date(workspace, history, environ)
        had = _made(workspace)  # (orders, notices, PDFs) before the backlog
        inbox = workspace / "mail" / "inbox" / "new"
        for path in sorted(folder.glob("*.eml")):
            shutil.copyfile(path, inbox / path.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [mailflow, "--now", NOW, "--config", str(config), "run", "--once"]
        if profile:
            command = [sys.executable, "-m", "cProfile", "-o", str(Path(profile).resolve()), *command]
        done, seconds, seen = _run_sampled(command, environ)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"run --once failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        conn = sqlite3.connect(workspace / "state" / "mailflow.db")
        cycle = json.loads(conn.execute("SELECT value FROM status WHERE name = 'last_cycle'").fetchone()[0])
        conn.close()
        made = _made(workspace)
        orders, notices = made[0] - had[0], made[1] - had[1]
        pdfs = sorted(made[2] - had[2])
        # the documents that got a PDF, kept for the conversion floor (the workspace goes now)
        keep = Path(tempfile.mkdtemp(prefix="mailflow-backlog-docs-"))
        documents = []
        for number, path in enumerate(pdfs):
            documents.append(keep / f"{number:05d}.docx")
            shutil.copyfile(path.with_suffix(".docx"), documents[-1])
    # "tracker_ready" counts from the cycle's start; the process started earlier (imports, set-up)
    ready = seconds - cycle["seconds"] + cycle["tracker_ready"] if "tracker_ready" in cycle else None
    return {
        "seconds": seconds,
        "tracker": ready,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "orders": orders,
        "notices": notices,
        "pdfs": len(pdfs),
        "documents": documents,
        # the kernel's peak of every child waited for; with a history, the set-up's processes
        # (the first write of its tracker) were children too: then the largest one sampled
        "peak_mb": (after.ru_maxrss if history is None else max(r["peak"] for r in seen.roles().values())) / 1024,
        "tree_mb": seen.tree_kb / 1024,
        "tree_pss_mb": seen.tree_pss_kb / 1024,
        "roles": seen.roles(),
        "stages": cycle.get("stages", {}),
        "stages_cpu": cycle.get("stages_cpu", {}),
    }


def _made(workspace: Path) -> tuple[int, int, set[Path]]:
    """The orders and notices on record in ``workspace``, and the PDFs of its documents."""
    conn = sqlite3.connect(workspace / "state" / "mailflow.db")
    try:
        orders = conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        notices = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    finally:
        conn.close()
    pdfs = {p for p in (workspace / "archive").rglob("*.pdf") if p.parent.name == "documents"}
    return orders, notices, pdfs


def _role_line(role: str, seen: dict) -> str:
    """``soffice.bin x1 peak 180 (70 -> 175) 20.1 s``: how many, the largest, how the longest-lived
    grew, the CPU seconds of them all."""
    return (
        f"{role} x{seen['count']} peak {seen['peak'] / 1024:.0f}"
        f" ({seen['first'] / 1024:.0f} -> {seen['last'] / 1024:.0f}) {seen['cpu']:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--pdf", default="auto", choices=("auto", "never"))
    parser.add_argument("--code", default=str(ROOT), help="the mailflow checkout to run (a baseline, say)")
    parser.add_argument("--parse-workers", type=int, help="mailbox.limits.parse_workers (default: the shipped value)")
    parser.add_argument("--converters", type=int, help="documents.converters (default: the shipped value)")
    parser.add_argument("--profile", metavar="FILE", help="run mailflow under cProfile, its profile to FILE")
    parser.add_argument(
        "--no-convert-floor",
        action="store_true",
        help="leave out LibreOffice alone on the run's documents (minutes at 1,000)",
    )
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        help="orders on record before the backlog: tracker_sync.py's realistic store of that size (0: none)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    folder = build(args.messages)
    history = None
    if args.history:
        from bench.tracker_sync import cached_store

        history = cached_store(args.history, "realistic")
    bare, bare_cpu = floor(folder)
    run = backlog(
        folder,
        args.pdf,
        os.pathsep.join([args.code, str(ROOT)]),
        args.parse_workers,
        args.converters,
        args.profile,
        history,
    )
    measure = run["documents"] and not args.no_convert_floor
    convert = convert_floor(run["documents"]) if measure else 0.0
    listener = listener_floor(run["documents"]) if measure else None
    if run["documents"]:
        shutil.rmtree(run["documents"][0].parent, ignore_errors=True)
    print(
        f"pdf: {args.pdf}; parse workers: {args.parse_workers or 'as shipped'};"
        f" converters: {args.converters or 'as shipped'}; code: {args.code}"
        + (f"; {args.history} orders on record before" if args.history else "")
    )
    print(
        f"{'messages':>8} {'floor s':>8} {'backlog s':>9} {'x floor':>8} {'tracker s':>9} {'x floor':>8}"
        f" {'CPU s':>6} {'x floor':>8} {'convert s':>9} {'x floor':>8} {'orders':>7} {'notices':>8} {'PDFs':>5}"
        f" {'peak MB':>8} {'sum MB':>7} {'PSS MB':>7}"
    )
    tracker = (
        f"{run['tracker']:>9.1f} {run['tracker'] / bare:>8.1f}" if run["tracker"] is not None else f"{'-':>9} {'-':>8}"
    )
    print(
        f"{args.messages:>8} {bare:>8.1f} {run['seconds']:>9.1f} {run['seconds'] / bare:>8.1f} {tracker}"
        f" {run['cpu']:>6.1f} {run['cpu'] / bare_cpu:>8.1f} {convert:>9.1f} {convert / bare:>8.1f} {run['orders']:>7}"
        f" {run['notices']:>8} {run['pdfs']:>5} {run['peak_mb']:>8.0f} {run['tree_mb']:>7.0f}"
        f" {run['tree_pss_mb']:>7.0f}"
    )
    print(f"(the floor took {bare_cpu:.1f} s of CPU: the CPU ratio is against that)")
    if listener is not None:
        print(
            f"LibreOffice through one listener kept running (the same {len(run['documents'])} documents):"
            f" {listener:.1f} s, {listener / bare:.1f}x floor ({convert / listener:.1f}x faster than batches of 40)"
        )
    print("processes (resident MB): " + "; ".join(_role_line(role, r) for role, r in run["roles"].items()))
    office = sum(
        r["cpu"] for role, r in run["roles"].items() if role in ("UNO converter", "soffice.bin", "oosplash", "soffice")
    )
    if office:
        print(
            f"LibreOffice's CPU in the run: {office:.1f} s, {office / bare_cpu:.1f}x the floor's CPU"
            f" ({1000 * office / max(1, run['pdfs']):.0f} ms a PDF, its starts included)"
        )
    if run["stages"]:
        cpu = run["stages_cpu"]
        print(
            "stages (s, wall / mailflow's CPU): "
            + ", ".join(
                f"{stage} {seconds:.1f}" + (f" / {cpu[stage]:.1f}" if stage in cpu else "")
                for stage, seconds in run["stages"].items()
            )
        )
    if args.profile:
        print(f"profile of mailflow's main thread (not its parse workers nor LibreOffice): {args.profile}")


if __name__ == "__main__":
    main()
