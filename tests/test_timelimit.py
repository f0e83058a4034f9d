"""A parser that runs away is stopped at limits.parse_seconds and the message quarantined."""

import datetime as dt
import signal
import time

import pytest

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.context import Env, fixed_clock
from mailflow.errors import LimitExceeded
from mailflow.scaffold import deliver
from mailflow.sources.maildir import MaildirSource
from mailflow.timelimit import time_limit

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))


def test_time_limit_interrupts_running_python_code():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="parsing x took longer than the 0.2 s limit"):
        with time_limit(0.2, "parsing x"):
            busy(5)
    assert time.monotonic() - started < 2


def test_time_limit_leaves_no_timer_behind():
    """A stray SIGALRM would end the process (its default action) and take pytest with it: a
    handler of our own catches one so the test fails instead, and the timer must be off."""
    arrived = []
    ours = lambda signum, frame: arrived.append(signum)  # noqa: E731
    before = signal.signal(signal.SIGALRM, ours)
    try:
        with time_limit(0.5, "quick"):
            pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0), "the interval timer is still armed"
        assert signal.getsignal(signal.SIGALRM) is ours, "the previous SIGALRM handler was not put back"
        busy(0.8)
        assert arrived == [], "a SIGALRM arrived after the block"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def test_a_runaway_extraction_is_quarantined_and_the_cycle_goes_on(tmp_path, monkeypatch):
    (tmp_path / "config.yaml").write_text(
        "mailbox:\n  limits:\n    parse_seconds: 0.3\n    parse_in_worker: false\n", encoding="utf-8"
    )
    config = config_mod.load(tmp_path / "config.yaml")
    env = Env.open(config, clock=fixed_clock(NOW))
    source = MaildirSource(config.path(config.mailbox.maildir), env.store)
    deliver(source.path, b"From: a@b.example\r\nSubject: PO 1\r\nMessage-ID: <slow@b>\r\n\r\nslow\r\n", "slow")
    deliver(source.path, b"From: a@b.example\r\nSubject: hello\r\nMessage-ID: <fast@b>\r\n\r\nhi\r\n", "fast")

    import mailflow.extract as extract
    from mailflow.message import parse as parse_mime

    real = extract.parse_message
    # The vocabulary and language tables load on a process's first parse (the parse worker
    # preloads them): load them now, so that the 0.3 s limit measures the reading, not the start.
    real(
        parse_mime(b"From: a@b.example\r\nSubject: warm-up\r\n\r\nhi\r\n", config.mailbox.limits),
        pipeline.parse_context(env),
    )

    def runaway(message, ctx):
        if message.message_id == "<slow@b>":
            busy(30)
        return real(message, ctx)

    monkeypatch.setattr(extract, "parse_message", runaway)
    outcomes = {}
    for item in source.fetch_new():
        report, _ = pipeline.process(env, item)
        outcomes["slow" if ".slow." in report.source_key else "fast"] = report
    assert outcomes["slow"].outcome == "quarantined"
    assert "took longer than the 0.3 s limit" in outcomes["slow"].reason
    assert outcomes["fast"].outcome == "ignored"
    assert (env.archive.root / outcomes["slow"].archive_path).exists()
    env.close()
