"""Connection URLs, the workspace lock, and the archive's path safety."""

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time

import pytest

from mailflow import archive as archive_mod
from mailflow import config as config_mod
from mailflow.archive import Archive, folder_name, order_dir
from mailflow.errors import AlreadyRunning, ConfigError
from mailflow.lock import holder, workspace_lock
from mailflow.urls import parse_url


def test_url_credentials_are_percent_decoded_and_redacted():
    e = parse_url("imaps://orders%40acme.com:p%2Fss%40w@mail.acme.com/INBOX%2FPO", "imap")
    assert (e.username, e.password, e.host, e.port, e.security, e.path) == (
        "orders@acme.com",
        "p/ss@w",
        "mail.acme.com",
        993,
        "tls",
        "INBOX/PO",
    )
    assert "p/ss" not in e.redacted and "p%2Fss" not in e.redacted and "***" in e.redacted
    assert "p/ss" not in repr(e)


@pytest.mark.parametrize(
    "url,security,port",
    [
        ("imap+starttls://u:p@h.example/INBOX", "starttls", 143),
        ("smtp+starttls://u:p@h.example", "starttls", 587),
        ("smtps://u:p@h.example", "tls", 465),
        ("smtp://127.0.0.1:2525", "plain", 2525),
    ],
)
def test_url_schemes(url, security, port):
    e = parse_url(url)
    assert (e.security, e.port) == (security, port)


def test_plain_is_loopback_only_and_kinds_are_checked():
    with pytest.raises(ConfigError, match="loopback only"):
        parse_url("imap://u:p@mail.example.com/INBOX")
    with pytest.raises(ConfigError, match="expected an smtp URL"):
        parse_url("imaps://u:p@h/INBOX", "smtp")
    with pytest.raises(ConfigError, match="unknown URL scheme"):
        parse_url("pop3://h")


def test_second_instance_is_refused_and_names_the_holder(tmp_path):
    config = config_mod.defaults(tmp_path)
    code = textwrap.dedent(f"""
        import sys, time
        from mailflow import config as c
        from mailflow.lock import workspace_lock
        with workspace_lock(c.defaults(__import__('pathlib').Path({str(tmp_path)!r}))):
            print('locked', flush=True); time.sleep(30)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert holder(config) == proc.pid
        with pytest.raises(AlreadyRunning, match=f"pid {proc.pid}"):
            with workspace_lock(config):
                pass
    finally:
        proc.kill()  # like kill -9: the stale lock file stays behind
        proc.wait()
    assert holder(config) is None
    with workspace_lock(config) as path:  # taken over
        assert path.read_text().strip().isdigit()


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "..", "CON", "a/b\\c", "x\x00y", "  ..  ", ""])
def test_folder_names_are_single_safe_components(hostile):
    name = folder_name(hostile)
    assert name and "/" not in name and "\\" not in name and "\x00" not in name
    assert name not in (".", "..") and name.split(".")[0].upper() != "CON"


@pytest.mark.parametrize(
    "mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"]
)
def test_a_folder_name_never_holds_a_character_that_reorders_what_follows(mark):
    """ "ACME\u202efdp.exe" shows in Explorer as "ACMEexe.pdf": the customer's folder and the
    order's are cleaned as attachment names are, the mark a space."""
    from mailflow.model import Order

    order = Order(
        order_no="SO-2026-0001",
        po_number=f"PO{mark}7",
        customer=f"ACME{mark}fdp.exe",
        received_at=dt.datetime(2026, 1, 1),
    )
    assert str(order_dir(order)) == "ACME fdp.exe/SO-2026-0001 PO PO 7"
    assert folder_name(f"{mark}Initech\r\nLtd{mark}") == "Initech Ltd"


def test_archive_refuses_to_write_outside_its_root(tmp_path):
    arc = Archive(tmp_path / "archive")
    with pytest.raises(ValueError):
        arc.put("../escape.txt", b"x")
    path = arc.put("a/b.txt", b"hello")
    assert path.read_bytes() == b"hello"
    assert not (tmp_path / "escape.txt").exists()


def test_an_archive_whose_folder_is_a_link_follows_the_link_and_still_refuses_to_leave(tmp_path):
    """The archive folder may be a link (to a share): re-pointed while mailflow runs, the files
    go where it points now; a link inside the archive to a place outside is still refused."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    link = tmp_path / "archive"
    link.symlink_to(first)
    arc = Archive(link)
    arc.put("order/1.txt", b"one")
    link.unlink()
    link.symlink_to(second)
    arc.put("order/2.txt", b"two")
    assert (first / "order/1.txt").read_bytes() == b"one" and (second / "order/2.txt").read_bytes() == b"two"
    (second / "out").symlink_to(tmp_path)
    with pytest.raises(ValueError):
        arc.put("out/escape.txt", b"x")
    assert not (tmp_path / "escape.txt").exists()


KILLED_PUT = """
import os, signal, sys
from mailflow.archive import Archive
os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # killed between the write and the rename
Archive(sys.argv[1]).put(sys.argv[2], b"%PDF-1.7 the order form")
"""


def test_what_a_killed_write_leaves_in_an_order_folder_goes_with_the_next_write_there(tmp_path, monkeypatch):
    """A document write killed before its rename leaves a hidden temporary copy in the order's
    folder; the next process to write into that folder removes it once it is old enough to be
    nobody's write under way, and leaves other folders' files and younger ones alone."""
    root = tmp_path / "archive"
    form = "ACME/SO-2026-0007 PO 4411/documents/SO-2026-0007 Order Form.pdf"
    killed = subprocess.run([sys.executable, "-c", KILLED_PUT, str(root), form], capture_output=True)
    assert killed.returncode == -9
    documents = (root / form).parent
    (left,) = documents.iterdir()
    assert left.name.startswith(".tmp-") and left.suffix == ".part"
    old = time.time() - archive_mod.STALE_TEMP_SECONDS - 60
    os.utime(left, (old, old))
    elsewhere = root / "ACME/SO-2026-0008 PO 4412/documents/.tmp-left-there.part"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(b"x")
    os.utime(elsewhere, (old, old))
    young = documents / ".tmp-another-process-writing.part"
    young.write_bytes(b"under way")
    looked, sweep = [], archive_mod.remove_stale_temps
    monkeypatch.setattr(archive_mod, "remove_stale_temps", lambda folder: looked.append(folder) or sweep(folder))
    arc = Archive(root)
    arc.put(form, b"%PDF-1.7 the order form")
    arc.put("ACME/SO-2026-0007 PO 4411/documents/SO-2026-0007 Review Form.docx", b"PK the review form")
    assert sorted(p.name for p in documents.iterdir()) == [
        ".tmp-another-process-writing.part", "SO-2026-0007 Order Form.pdf", "SO-2026-0007 Review Form.docx"
    ]  # fmt: skip
    assert elsewhere.exists()  # a folder this process did not write into is not its to look at
    assert looked == [documents]  # the folder is looked at once, not at every write


def test_files_written_together_are_in_place_and_flushed_on_the_way_out(tmp_path):
    """``together``: every file is complete and in its place as written; the flush on the way
    out goes through the same root check (a path outside is refused, not flushed)."""
    arc = Archive(tmp_path / "archive")
    arc.put("order/mail/old.eml", b"already there")
    with arc.together():
        first = arc.put("order/mail/1.eml", b"mail")
        with arc.together():  # nested: the outer one flushes
            arc.put("order/attachments/po.pdf", b"%PDF-1.4")
        arc.put("order/mail/old.eml", b"already there")  # the same bytes again
        assert first.read_bytes() == b"mail" and not list(first.parent.glob(".tmp-*"))
        assert arc._deferred is not None and len(arc._deferred) == 3
    assert arc._deferred is None
    assert (tmp_path / "archive/order/attachments/po.pdf").read_bytes() == b"%PDF-1.4"
    with pytest.raises(RuntimeError), arc.together():
        arc.put("order/mail/2.eml", b"written before the error")
        raise RuntimeError("the transaction failed")
    assert arc._deferred is None  # the next message starts afresh
    arc.sync(["order/mail/1.eml", first, "order/mail/2.eml"])
    with pytest.raises(ValueError):
        arc.sync(["../escape.txt"])


def test_a_file_flushed_by_this_process_and_unchanged_is_not_flushed_again(tmp_path, monkeypatch):
    """Each flush costs the disk a cache flush even with nothing to write: a file this process
    flushed and that has not changed since is skipped; one written again, replaced, or never
    flushed here is flushed."""
    flushed = []
    monkeypatch.setattr(archive_mod, "_fsync", flushed.append)
    arc = Archive(tmp_path / "archive")
    with arc.together():
        form = arc.put("order/documents/form.pdf", b"%PDF-1.4 one")
    assert flushed == [form]
    arc.sync(["order/documents/form.pdf"])
    assert flushed == [form]  # unchanged since: not again
    (tmp_path / "archive/order/documents/other.pdf").write_bytes(b"%PDF-1.4 put there by another")
    arc.sync(["order/documents/form.pdf", "order/documents/other.pdf"])
    other = arc.resolve("order/documents/other.pdf")
    assert flushed == [form, other]
    arc.put("order/documents/form.pdf", b"%PDF-1.4 two", durable=False)  # replaced, not flushed
    arc.sync(["order/documents/form.pdf", "order/documents/other.pdf"])
    assert flushed == [form, other, form]
    with open(other, "ab") as handle:  # changed in place
        handle.write(b" and more")
    arc.sync(["order/documents/other.pdf"])
    assert flushed == [form, other, form, other]


def test_a_file_rewritten_in_place_with_its_times_set_back_is_flushed_again(tmp_path, monkeypatch):
    """Size, inode and modification time can all be what they were after a rewrite (a program
    that restores the time, a reused inode): the change time, which no program sets, and the
    content tell it apart."""
    flushed = []
    monkeypatch.setattr(archive_mod, "_fsync", flushed.append)
    arc = Archive(tmp_path / "archive")
    path = arc.resolve("order/documents/form.pdf")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"%PDF-1.4 AAAA")
    arc.sync([path])
    before = path.stat()
    with open(path, "r+b") as handle:  # the same size, the same inode
        handle.write(b"%PDF-1.4 BBBB")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    arc.sync([path])
    assert flushed == [path, path]


def test_a_write_within_one_tick_of_a_coarse_clock_is_flushed_again(tmp_path, monkeypatch):
    """On a file system whose times tick in whole seconds (a staff share), a write of the same
    size just after a flush leaves every time as it was: the content flushed is compared then,
    and an unchanged file is still not flushed twice."""
    flushed = []
    monkeypatch.setattr(archive_mod, "_fsync", flushed.append)
    second = 1_000_000_000
    monkeypatch.setattr(
        archive_mod, "_stamps", lambda st: (st.st_mtime_ns // second * second, st.st_ctime_ns // second * second)
    )
    arc = Archive(tmp_path / "archive")
    with arc.together():
        form = arc.put("order/documents/form.pdf", b"%PDF-1.4 one")
    arc.sync([form])
    assert flushed == [form]  # unchanged: once
    written = form.stat().st_mtime_ns // second
    with open(form, "r+b") as handle:
        handle.write(b"%PDF-1.4 two")
    if form.stat().st_mtime_ns // second != written:
        pytest.skip("the second turned between the two writes")  # the times tell them apart anyway
    arc.sync([form])
    assert flushed == [form, form]
    arc.sync([form])
    assert flushed == [form, form]


def test_the_same_bytes_put_again_durably_are_flushed_when_they_were_not(tmp_path, monkeypatch):
    """A file written without a flush (``durable=False``) and then put durably with the same
    bytes is flushed before ``put`` returns: its caller records it next."""
    flushed = []
    monkeypatch.setattr(archive_mod, "_fsync", flushed.append)
    arc = Archive(tmp_path / "archive")
    form = arc.put("order/documents/form.docx", b"PK form", durable=False)
    assert flushed == []
    arc.put("order/documents/form.docx", b"PK form")
    assert flushed == [form]
    arc.put("order/documents/form.docx", b"PK form")  # flushed here and unchanged: not again
    assert flushed == [form]


def test_order_dir_uses_customer_and_numbers():
    import datetime as dt
    from mailflow.model import Order

    o = Order(order_no="SO-2026-0001", po_number="PO/7", customer="ACME: Ltd.", received_at=dt.datetime(2026, 1, 1))
    assert str(order_dir(o)) == "ACME_ Ltd/SO-2026-0001 PO PO_7"
