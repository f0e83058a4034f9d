"""Every message of the public MIME robustness corpus through parse() with default limits.

The corpus (147 malformed or hostile emails from the test suites of open-source mail parsers,
see its SOURCES.md) lives beside the repository in ``shared/corpus/mime``. Each message must be
parsed, or rejected with a ``MessageError`` that gives a reason; nothing else may escape, and
no attachment name may lead outside the folder it is joined to.
"""

from __future__ import annotations

import collections
import os
import time
from pathlib import Path

import pytest

from mailflow.errors import LimitExceeded, MessageError
from mailflow.message import parse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "mime"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".eml", ".txt")) if CORPUS.is_dir() else []

if not FILES:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"MIME corpus missing at {CORPUS} (required under CI)")
    pytest.skip(f"MIME corpus not found at {CORPUS}", allow_module_level=True)

# What the corpus is expected to produce with default limits. A change here is a behaviour
# change to review: each rejection is named so a new one cannot hide among the parsed.
EXPECTED_REJECTED = {
    "cpython-msg_19.txt": "no header lines",  # starts with body text, no header block
    "enmime-mail_erroneous.eml": "no header lines",  # "// Not an RFC-822 Document"
    "stalwart-malformed_019.eml": "no header lines",  # fuzz-scrambled first header name
    "flanker-enclosed-endless.eml": "more than 1000 MIME parts",  # 3,043 parts, read before any other limit
    "php-mime-issue408.eml": "more than 100 attachments",  # 328 attachments
}


def outcome(path: Path) -> tuple[str, str]:
    try:
        message = parse(path.read_bytes())
    except LimitExceeded as exc:
        return "limit", str(exc)
    except MessageError as exc:
        return "rejected", str(exc)
    return "parsed", message


def test_file_count() -> None:
    assert len(FILES) == 147


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_message_is_parsed_or_rejected_with_a_reason(path: Path, tmp_path: Path) -> None:
    kind, result = outcome(path)  # anything but MessageError propagates and fails the test
    if kind != "parsed":
        assert isinstance(result, str) and result.strip() and "\n" not in result
        assert path.name in EXPECTED_REJECTED, f"newly rejected: {result}"
        assert EXPECTED_REJECTED[path.name] in result
        return
    assert path.name not in EXPECTED_REJECTED, "expected a rejection"
    message = result
    assert message.size == path.stat().st_size
    names = [a.filename for a in message.attachments]
    assert len(set(n.lower() for n in names)) == len(names), "names must be unique"
    root = tmp_path.resolve()
    for name in names:
        assert name and "/" not in name and "\\" not in name and "\x00" not in name
        assert name.strip(" .") == name
        target = (root / name).resolve()
        assert target.parent == root, f"{name!r} escapes the folder"
        target.write_bytes(b"")  # the filesystem accepts it


def test_outcome_counts() -> None:
    counts: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for path in FILES:
        counts[outcome(path)[0]] += 1
    elapsed = time.perf_counter() - started
    print(f"\nMIME corpus: {dict(counts)} in {elapsed:.1f} s")
    assert counts == {"parsed": 142, "rejected": 3, "limit": 2}


@pytest.mark.slow
def test_whole_corpus_through_the_pipeline(tmp_path: Path) -> None:
    """All 147 in a Maildir workspace, one cycle: each recorded once, with a reason when not
    processed; every file written stays inside the workspace."""
    import datetime as dt
    import shutil

    from mailflow import config as config_mod
    from mailflow import pipeline
    from mailflow.context import Env, fixed_clock
    from mailflow.scaffold import create_workspace

    now = dt.datetime(2026, 4, 7, 9, 0, tzinfo=dt.timezone.utc)
    workspace = tmp_path / "ws"
    create_workspace(workspace, now=now)
    config = config_mod.load(workspace / "config.yaml")
    inbox = config.path(config.mailbox.maildir) / "new"
    for number, path in enumerate(FILES):
        shutil.copyfile(path, inbox / f"{number:04d}.corpus")
    env = Env.open(config, clock=fixed_clock(now))
    try:
        report = pipeline.run_once(env)
        rows = env.store.conn.execute("SELECT source_key, outcome, reason, archive_path FROM messages").fetchall()
    finally:
        env.close()

    assert report.errors == []
    assert len(report.messages) == len(FILES) == len(rows)
    assert len({row["source_key"] for row in rows}) == len(FILES)  # each recorded exactly once
    counts = collections.Counter(row["outcome"] for row in rows)
    print(f"\npipeline over the MIME corpus: {dict(counts)}")
    assert set(counts) <= {"processed", "ignored", "quarantined", "duplicate"}
    for row in rows:
        if row["outcome"] != "processed":
            assert row["reason"] and row["reason"].strip(), dict(row)
    # the messages parse() rejects are among the quarantined, each with parse()'s reason
    quarantined = [row["reason"] for row in rows if row["outcome"] == "quarantined"]
    for expected in EXPECTED_REJECTED.values():
        assert any(expected in reason for reason in quarantined), expected
    assert not list(inbox.iterdir()), "every message got its mailbox action"
    outside = [p for p in tmp_path.rglob("*") if workspace not in p.parents and p != workspace]
    assert outside == []
    archive = config.path(config.workspace.archive).resolve()
    for path in archive.rglob("*"):
        assert path.resolve().is_relative_to(archive)


def test_mutated_corpus_never_hits_an_internal_error() -> None:
    """Seeded byte mutations of the small corpus messages. parse() wraps any exception into
    "cannot parse MIME: ...", which keeps the daemon alive but quarantines mail for a bug of
    ours: none of these may take that path (it found an RFC 2231 charset tuple reaching
    compat32's payload decoding, and an unserialisable message/partial)."""
    import random

    rnd = random.Random(20260407)
    small = [p.read_bytes() for p in FILES if p.stat().st_size < 20_000]
    splices = [
        b"\r\n--",
        b"=?gb2312?B?",
        b"?=",
        b"\r\n\r\n",
        b"--x\r\n",
        b"\x00",
        b"\xff\xfe",
        b"Content-Type: multipart/mixed; boundary=x\r\n",
        b"Content-Type: message/rfc822\r\n",
        b"filename*0*=utf-8''%E4%B8",
        b"charset*=gb2312''x;",
    ]
    outcomes: collections.Counter[str] = collections.Counter()
    for _ in range(600):
        raw = bytearray(rnd.choice(small))
        for _ in range(rnd.randint(1, 12)):
            at, roll = rnd.randrange(len(raw) or 1), rnd.random()
            if roll < 0.4:
                raw[at : at + 1] = bytes([rnd.randrange(256)])
            elif roll < 0.7:
                del raw[at : at + rnd.randint(1, 50)]
            else:
                raw[at:at] = rnd.choice(splices)
        try:
            parse(bytes(raw))
            outcomes["parsed"] += 1
        except MessageError as exc:
            assert not str(exc).startswith("cannot parse MIME") or "nested too deeply" in str(exc), str(exc)
            outcomes["rejected"] += 1
    assert outcomes["parsed"] > 300  # the mutations mostly leave a readable message
