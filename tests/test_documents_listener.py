"""One LibreOffice for many documents: the order forms mailflow renders, converted by one long-lived
LibreOffice driven through UNO (``documents/uno_converter.py`` under the system Python) and read
back with pdfplumber; a LibreOffice killed or hanging mid-stage is started again; without the UNO
bridge the batches still convert; and no LibreOffice outlives the process that owns it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from conftest import _missing
from mailflow import config as config_mod
from mailflow.archive import Archive
from mailflow.context import Env
from mailflow.documents import generate_many
from mailflow.documents.template_context import sample_order
from mailflow.documents import pdf as pdf_mod
from mailflow.store import Store
from servers import MissingBinary

SYSTEM_PYTHON = "/usr/bin/python3"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def uno_python(soffice) -> str:
    """The Python with LibreOffice's UNO bridge (Debian's python3-uno)."""
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if found.returncode != 0:
        _missing(MissingBinary("python3-uno", "apt-get install python3-uno"))
    return SYSTEM_PYTHON


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    """One LibreOffice profile for this module's listeners, one at a time: made by the first
    start, quicker for the next."""
    return tmp_path_factory.mktemp("profile")


@pytest.fixture
def listeners():
    """This process's listeners, none running before the test (another test's may be idle) nor
    after it."""
    pdf_mod.close_listeners()
    yield pdf_mod._listeners()
    pdf_mod.close_listeners()


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def small_docx(path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def gone(pid: int) -> bool:
    """No such process any more (or only its zombie, waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


def wait_until(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_the_order_forms_go_through_one_libreoffice_and_read_back(tmp_path, uno_python, listeners, monkeypatch):
    config = config_mod.defaults(tmp_path)
    config.company.name = "Example Manufacturing Co., Ltd."
    config.documents.pdf = "always"
    config.documents.converters = 1
    env = Env(config=config, store=Store(tmp_path / "state" / "mailflow.db"), archive=Archive(tmp_path / "archive"))
    try:
        orders = [
            dataclasses.replace(sample_order(), order_no=f"SO-2026-{n:04d}", po_number=f"PO-88{n:03d}")
            for n in range(4)
        ]
        jobs = [(o, "order_form", None, 1) for o in orders] + [(orders[0], "inspection_notice", None, 1)]
        made = generate_many(env, jobs, NOW)
        assert listeners.running == 1 and len(listeners.free) == 1  # one LibreOffice did them all, still up
        for (job_order, kind, _, _), paths in zip(jobs, made):
            assert paths is not None and paths[-1].endswith(".pdf")
            text = pdf_text(env.archive.resolve(paths[-1]))
            assert job_order.po_number in text and job_order.order_no in text
            assert ("Sample part" in text) == (kind == "order_form")  # the lines of the form
            assert ("Inspection Notice" in text) == (kind == "inspection_notice")
        pid = listeners.free[0].soffice_pid
        monkeypatch.setattr(pdf_mod, "IDLE_SECONDS", 0.5)
        generate_many(env, [(orders[1], "delivery_note", None, 1)], NOW)
        assert listeners.free[0].soffice_pid == pid  # the next stage finds it running
        assert wait_until(lambda: gone(pid) and not converter_children())  # closed once idle
    finally:
        env.close()


def test_a_libreoffice_killed_mid_stage_is_started_again_and_the_document_converted(
    tmp_path, uno_python, soffice, profile
):
    listener = pdf_mod.Listener(uno_python, soffice.binary, profile)
    try:
        assert listener.convert(small_docx(tmp_path / "a.docx", "First form"), tmp_path / "a.pdf", 60) is None
        killed = listener.soffice_pid
        os.kill(killed, signal.SIGKILL)
        assert wait_until(lambda: gone(killed))
        second = small_docx(tmp_path / "b.docx", "Second form after the crash")
        assert listener.convert(second, tmp_path / "b.pdf", 60) is None
        assert "Second form after the crash" in pdf_text(tmp_path / "b.pdf")
        assert listener.soffice_pid != killed
    finally:
        listener.close()


def test_a_libreoffice_past_its_memory_bound_is_started_afresh_between_two_documents(
    tmp_path, uno_python, soffice, profile
):
    """LibreOffice grows with each document; past ``max_mb`` it is started again once the answer
    went out, so the next document finds a fresh one and nothing is lost on the way."""
    listener = pdf_mod.Listener(uno_python, soffice.binary, profile, max_mb=1)  # any LibreOffice holds more
    try:
        texts = [f"Form {n} of a long stage" for n in range(3)]
        pids = []
        for n, text in enumerate(texts):
            assert listener.convert(small_docx(tmp_path / f"{n}.docx", text), tmp_path / f"{n}.pdf", 60) is None
            pids.append(listener.soffice_pid)
        assert len(set(pids)) == 3 and all(text in pdf_text(tmp_path / f"{n}.pdf") for n, text in enumerate(texts))
        assert wait_until(lambda: gone(pids[0]) and gone(pids[1]))
    finally:
        listener.close()


def test_a_hanging_conversion_is_timed_out_and_the_next_one_converts(tmp_path, uno_python, soffice, profile):
    """A LibreOffice that stops answering (here: stopped by SIGSTOP) costs the document under way
    its time limit, not the stage: it is killed, started again, and the next document converts."""
    listener = pdf_mod.Listener(uno_python, soffice.binary, profile)
    try:
        hung = listener.soffice_pid
        os.kill(hung, signal.SIGSTOP)
        started = time.monotonic()
        problem = listener.convert(small_docx(tmp_path / "a.docx", "Hangs"), tmp_path / "a.pdf", 2)
        assert problem == "LibreOffice took longer than 2 s"
        assert time.monotonic() - started < 30
        assert not (tmp_path / "a.pdf").exists() and not list(tmp_path.glob("*.part"))
        assert wait_until(lambda: gone(hung))
        assert listener.convert(small_docx(tmp_path / "b.docx", "Next one"), tmp_path / "b.pdf", 60) is None
        assert "Next one" in pdf_text(tmp_path / "b.pdf") and listener.soffice_pid != hung
    finally:
        listener.close()


def converter_children() -> list[int]:
    """The converter programs this process started."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if parent == os.getpid() and b"uno_converter.py" in command and not gone(int(stat.parent.name)):
            found.append(int(stat.parent.name))
    return found


def test_a_converter_killed_mid_stage_leaves_no_document_without_its_pdf(tmp_path, uno_python, listeners, caplog):
    """The converter program itself dies while documents wait: the one under way is converted
    on its own, the rest by a listener started again, each PDF with its own text."""
    config = config_mod.defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.converters = 1
    env = type("E", (), {"config": config})()
    converter = pdf_mod.Converter(env, tmp_path / "out")
    files = [small_docx(tmp_path / f"form {n}.docx", f"Stage form {n}") for n in range(6)]
    try:
        futures = [converter.submit(files[0])]
        futures[0].result(timeout=60)
        (killed,) = converter_children()
        os.kill(killed, signal.SIGSTOP)  # it takes the next document and answers no more
        futures += [converter.submit(path) for path in files[1:]]
        time.sleep(0.5)
        os.killpg(killed, signal.SIGKILL)
        pdfs = [future.result(timeout=120) for future in futures]
    finally:
        converter.close()
    assert all(f"Stage form {n}" in pdf_text(pdf) for n, pdf in enumerate(pdfs))
    (lost,) = [r.getMessage() for r in caplog.records if "through UNO failed" in r.getMessage()]
    # the documents under way when it died (forms of one template: converted as one), each again on its own
    assert lost.startswith("form 1.docx")
    assert converter_children() and killed not in converter_children()  # a new one runs, idle


def test_a_hung_batch_of_forms_converted_as_one_looks_stalled_as_soon_as_one_form_would(
    tmp_path, uno_python, listeners
):
    """``under_way`` is how long LibreOffice has had what it converts, whole: ``COMBINE`` forms
    converted as one that hang look stalled after as many seconds as one form would, so the
    stage's bound on fresh mail's wait does not grow with the batch."""
    config = config_mod.defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.converters = 1
    env = type("E", (), {"config": config})()
    converter = pdf_mod.Converter(env, tmp_path / "out")
    files = [small_docx(tmp_path / f"form {n}.docx", f"Hung form {n}") for n in range(converter.COMBINE + 1)]
    try:
        converter.submit(files[0]).result(timeout=60)
        (hung,) = converter_children()
        os.kill(hung, signal.SIGSTOP)  # it takes the batch and answers no more
        converter.expect(True)  # more are coming: the forms wait to go as one
        futures = [converter.submit(path) for path in files[1:]]
        converter.drain()
        assert wait_until(lambda: converter.under_way() > 0)  # the batch went to LibreOffice
        began = time.monotonic()
        time.sleep(2.0)
        waited = time.monotonic() - began
        assert not any(future.done() for future in futures)
        assert converter.under_way() >= waited  # not shared among the forms: 10 forms, not 0.2 s each
    finally:
        converter.stop(0.5)  # the hung LibreOffice is killed, the batch given up
    assert all(future.done() for future in futures)


def test_without_the_uno_bridge_documents_are_converted_in_batches(tmp_path, soffice, listeners):
    """mailflow's own interpreter has no ``uno``: the converter cannot start, and the batches of
    ``soffice --convert-to`` do the work."""
    assert subprocess.run([sys.executable, "-I", "-c", "import uno"], capture_output=True).returncode != 0
    config = config_mod.defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.uno_python = sys.executable
    env = type("E", (), {"config": config})()
    files = [small_docx(tmp_path / f"form {n}.docx", f"Batch form {n}") for n in range(3)]
    made = pdf_mod.to_pdf_many(files, env, tmp_path / "out")
    assert all(f"Batch form {n}" in pdf_text(made[path]) for n, path in enumerate(files))
    assert listeners.running == 0 and (sys.executable, soffice.binary) in listeners.failed


OWNER = """
import sys, time
from pathlib import Path
from mailflow.documents.pdf import Listener
listener = Listener(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
print(listener.process.pid, listener.soffice_pid, flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("killed", ["owner", "converter"])
def test_no_libreoffice_outlives_its_owner_killed_with_sigkill(tmp_path, uno_python, soffice, profile, killed):
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    owner = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(OWNER), uno_python, soffice.binary, str(profile)],
        stdout=subprocess.PIPE, text=True, env=environ,
    )  # fmt: skip
    try:
        converter, office = map(int, owner.stdout.readline().split())
        assert not gone(converter) and not gone(office)
        os.kill(owner.pid if killed == "owner" else converter, signal.SIGKILL)
        assert wait_until(lambda: gone(office) and gone(converter)), f"LibreOffice {office} still runs"
    finally:
        owner.kill()
        owner.wait()


def test_a_stopping_converter_gives_up_what_waits_and_stops_promptly(tmp_path, uno_python, listeners):
    """A daemon that stops does not first convert every document handed to LibreOffice: the one
    under way finishes (forms of one template go ``COMBINE`` at a time, as one document), the others
    are given up (their orders stay on the document queue)."""
    config = config_mod.defaults(tmp_path)
    config.documents.pdf = "always"
    config.documents.converters = 1
    env = type("E", (), {"config": config})()
    converter = pdf_mod.Converter(env, tmp_path / "out")
    count = 3 * converter.COMBINE  # more than the batch under way and the next: some are given up
    files = [small_docx(tmp_path / f"form {n}.docx", f"Waiting form {n}") for n in range(count)]
    futures = [converter.submit(path) for path in files]
    futures[0].result(timeout=120)
    started = time.monotonic()
    converter.stop()
    assert time.monotonic() - started < 10
    converted = [future for future in futures if not future.cancelled()]
    under_way = 2 * converter.COMBINE  # the first one's and the next
    assert len(converted) <= under_way and sum(future.cancelled() for future in futures) >= count - under_way
    assert all(future.done() for future in futures)
    for n, future in enumerate(converted):  # what did finish is whole
        assert f"Waiting form {n}" in pdf_text(future.result())
    with pytest.raises(RuntimeError):
        converter.submit(files[0])


STALE_OWNER = """
import sys, time
from pathlib import Path
from mailflow.config import defaults
from mailflow.documents import pdf
config = defaults(Path(sys.argv[1]))
config.documents.uno_python = sys.argv[2]
env = type("E", (), {"config": config})()
print(pdf.to_pdf(Path(sys.argv[3]), env, Path(sys.argv[1]) / "out"), flush=True)
time.sleep(600)
"""


def test_profiles_left_by_a_killed_mailflow_are_removed_at_the_next_start_and_a_live_ones_kept(
    tmp_path, uno_python, soffice
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    environ = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    owners = []
    try:
        for name in ("killed", "live"):
            owners.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-c",
                        textwrap.dedent(STALE_OWNER),
                        str(tmp_path / name),
                        uno_python,
                        str(small_docx(tmp_path / f"{name}.docx", f"Form of the {name} one")),
                    ],
                    stdout=subprocess.PIPE,
                    text=True,
                    env=environ,
                )  # fmt: skip
            )
        for owner in owners:
            assert owner.stdout.readline().strip().endswith(".pdf")
        killed, live = owners
        profiles = {owner.pid: sorted(temp.glob(f"mailflow-uno-{owner.pid}-*")) for owner in owners}
        assert all(len(found) == 1 for found in profiles.values()), list(temp.iterdir())
        killed.kill()
        killed.wait()
        assert wait_until(lambda: not [p for p in converter_children_of(killed.pid)])
        removed = pdf_mod.remove_stale_profiles(temp)
        assert removed == profiles[killed.pid] and not profiles[killed.pid][0].exists()
        assert profiles[live.pid][0].is_dir()  # the live instance's is never touched
        assert pdf_mod.remove_stale_profiles(temp) == []
    finally:
        for owner in owners:
            owner.kill()
            owner.wait()


def converter_children_of(pid: int) -> list[int]:
    """The LibreOffice converter programs of process ``pid`` still running."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid and not gone(int(stat.parent.name)):
            found.append(int(stat.parent.name))
    return found
