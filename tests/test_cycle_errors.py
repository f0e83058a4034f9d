"""A cycle's errors are records — the stage that failed, the source it concerned, the error's
class — so the daemon decides to reopen its mailbox connections by kind, never by reading text."""

import datetime as dt
import shutil

from mailflow import config as config_mod
from mailflow import pipeline
from mailflow.context import Env, fixed_clock
from mailflow.pipeline import CycleError
from mailflow.scaffold import create_workspace
from mailflow.sources.maildir import MaildirSource

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def test_a_mailbox_that_cannot_be_read_is_a_source_error_that_asks_for_fresh_connections(tmp_path):
    create_workspace(tmp_path / "ws", now=NOW)
    env = Env.open(config_mod.load(tmp_path / "ws" / "config.yaml"), clock=fixed_clock(NOW))
    try:
        source = MaildirSource(tmp_path / "gone", env.store)
        shutil.rmtree(source.path)  # the mailbox vanished under the daemon
        report = pipeline.run_once(env, [source], flush=False)
        (error,) = report.errors
        assert (error.stage, error.where, error.error, error.expected) == ("source", source.name, "SourceError", True)
        assert error.reconnect
        assert str(error).startswith(f"source {source.name}: ") and "cannot read the Maildir" in str(error)
        # status keeps the text, as before: `mailflow status` and the JSON shape are unchanged
        assert env.store.get_status("last_cycle")["errors"] == [str(error)]
        assert env.store.get_status("last_error")["error"] == str(error)
    finally:
        env.close()


def test_only_source_and_mailbox_action_failures_ask_for_fresh_connections():
    def error(stage: str, text: str) -> CycleError:
        return CycleError(stage, "maildir:inbox", "OSError", False, text)

    assert error("source", "source maildir:inbox: connection reset").reconnect
    assert error("mailbox action", "mailbox action maildir:inbox: 1 message(s) not marked done").reconnect
    # The words alone decide nothing: a message whose error text names a source is still one message.
    assert not error("message", "maildir:inbox 17: OSError: the source file is gone").reconnect
    assert not error("tracker write", "tracker write: the mailbox action sheet is locked").reconnect
    assert set(pipeline.STAGES) >= {"source", "mailbox action", "message", "outbox"}
