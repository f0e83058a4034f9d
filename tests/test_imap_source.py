"""ImapSource against a real Dovecot: fetching, batching, reconnects, actions, IDLE, TLS, auth.

The ledger loop here (fetch → record → store.mark_done → source.mark_done) is the pipeline's
contract in miniature; test_imap_pipeline.py runs the real pipeline and the real CLI.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from mailflow.config import ImapAccount
from mailflow.errors import SourceError
from mailflow.sources.imap import ImapSource
from mailflow.sources.imap_connect import Backoff, server_for

pytestmark = pytest.mark.imap
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def msg(i: int, body: str = "hello", extra: str = "") -> bytes:
    return (
        f"Message-ID: <m{i}.{time.time_ns()}@customer.example>\r\nFrom: buyer@customer.example\r\n"
        f"Subject: PO {i}\r\n{extra}\r\n{body} {i}\r\n"
    ).encode()


def record(source: ImapSource, item) -> None:
    """What the pipeline does with one message: commit it to the ledger, then the mailbox action."""
    store = source.store
    with store.transaction():
        store.record_message(
            NOW, source=item.source, source_key=item.source_key, uidvalidity=item.uidvalidity,
            uid=item.uid, identity=item.source_key, sha256="-", size=len(item.raw), outcome="processed",
        )  # fmt: skip
    source.mark_done(item)
    store.mark_done(item.source, item.source_key, NOW)


def drain(source: ImapSource, on_item=None) -> list:
    items = []
    for n, item in enumerate(source.fetch_new()):
        items.append(item)
        record(source, item)
        if on_item:
            on_item(n)
    return items


def test_fetch_yields_each_new_message_once_peeks_and_marks_done(imap_user, imap_source_for):
    sent = [msg(i) for i in range(3)]
    for raw in sent:
        imap_user.deliver(raw)
    imap_user.deliver(msg(99))
    source = imap_source_for(imap_user)
    first = source.fetch_new()
    peeked = next(first)
    assert imap_user.flags()[1] == ()  # BODY.PEEK: fetching alone neither sets \Seen nor the keyword
    first.close()
    with source.store.transaction():  # message 4 is already in the ledger (say, processed earlier)
        validity = peeked.uidvalidity
        source.store.record_message(NOW, source=source.name, source_key=f"{validity}:4",
                                    identity="x", sha256="-", size=1, outcome="processed")  # fmt: skip
    items = drain(source)
    assert [i.raw for i in items] == sent
    assert [i.source_key for i in items] == [f"{validity}:{uid}" for uid in (1, 2, 3)]
    assert all(i.source == "imap:default/INBOX" and i.oversize is None for i in items)
    flags = imap_user.flags()
    assert all(b"$MailflowDone" in flags[uid] and b"\\Seen" not in flags[uid] for uid in (1, 2, 3))
    assert flags[4] == ()  # recorded by someone else: not this run's to mark
    assert list(source.fetch_new()) == []
    status = source.store.get_status(f"mailbox:{source.name}")
    assert status["connected"] and status["backlog"] == 0 and status["last_message"]
    assert imap_user.password not in str(status)


def test_connection_killed_between_batches_reconnects_and_loses_nothing(imap_user, imap_source_for):
    sent = [msg(i) for i in range(7)]
    for raw in sent:
        imap_user.deliver(raw)
    source = imap_source_for(imap_user, batch_size=2)
    kicked = []

    def kick_after_first_batch(n: int) -> None:
        if n in (1, 4):  # after the first and the third batch: the next FETCH meets a dead link
            imap_user.kick()
            kicked.append(n)

    items = drain(source, kick_after_first_batch)
    assert kicked == [1, 4]
    assert [i.raw for i in items] == sent  # all of them, in order, once each
    rows = source.store.conn.execute("SELECT COUNT(*), COUNT(DISTINCT source_key) FROM messages").fetchone()
    assert tuple(rows) == (7, 7)
    status = source.store.get_status(f"mailbox:{source.name}")
    assert status["connects"] >= 3 and status["connected"] and status["last_error"]
    assert all(b"$MailflowDone" in f for f in imap_user.flags().values())


def test_oversize_message_is_announced_without_downloading_it(imap_user, imap_source_for):
    imap_user.deliver(msg(1))
    imap_user.deliver(msg(2, body="x" * 5000))
    source = imap_source_for(imap_user, max_bytes=2000)
    small, big = drain(source)
    assert small.raw.startswith(b"Message-ID") and small.oversize is None
    assert big.raw == b"" and big.oversize > 5000 and big.uid == 2


def test_uidvalidity_reset_yields_everything_again_under_new_keys(imap_user, imap_source_for):
    for i in range(2):
        imap_user.deliver(msg(i))
    source = imap_source_for(imap_user)
    before = drain(source)
    source.close()
    imap_user.set_uidvalidity("INBOX", before[0].uidvalidity + 1000)
    after = drain(source)
    assert [i.raw for i in after] == [i.raw for i in before]  # same content: pipeline dedups
    assert {i.uidvalidity for i in after} == {before[0].uidvalidity + 1000}
    assert not {i.source_key for i in after} & {i.source_key for i in before}
    # an action on an item of the old UIDVALIDITY must not touch whichever message has that UID now
    source.mark_done(before[0])


def test_uidvalidity_reset_in_the_middle_of_a_fetch_stops_and_relists(imap_user, imap_source_for):
    for i in range(4):
        imap_user.deliver(msg(i))
    source = imap_source_for(imap_user, batch_size=2)
    old = []

    def reset_after_first_batch(n: int) -> None:
        if n == 1:
            imap_user.set_uidvalidity("INBOX", old[0].uidvalidity + 1)
            imap_user.kick()  # the next FETCH reconnects and meets the new UIDVALIDITY

    for n, item in enumerate(source.fetch_new()):
        old.append(item)
        record(source, item)
        reset_after_first_batch(n)
    assert len(old) == 2  # stopped: the old UIDs no longer name the same messages
    again = drain(source)
    assert len(again) == 4 and {i.uidvalidity for i in again} == {old[0].uidvalidity + 1}


def test_idle_notices_delivery_quickly(imap_user, imap_source_for, capsys):
    source = imap_source_for(imap_user)
    assert drain(source) == []
    delays = []
    for i in range(3):
        timer = threading.Timer(0.2, imap_user.deliver, [msg(i)])
        started = time.monotonic()
        timer.start()
        woke = source.wait(10)
        delays.append(time.monotonic() - started - 0.2)
        timer.join()
        assert woke
        assert len(drain(source)) == 1
    with capsys.disabled():
        print(f"\nIDLE wake-up after delivery: {', '.join(f'{d:.2f}' for d in delays)} s")
    assert max(delays) < 3  # Dovecot notifies after ~0.5 s
    started = time.monotonic()
    assert source.wait(1.0) is False  # no mail: times out
    assert 0.9 < time.monotonic() - started < 3


def test_wait_survives_a_kick_during_idle(imap_user, imap_source_for):
    source = imap_source_for(imap_user)
    drain(source)
    threading.Timer(0.3, imap_user.kick).start()
    assert source.wait(10) is True  # the link broke: look again (nothing may be missed)
    imap_user.deliver(msg(1))
    assert len(drain(source)) == 1


def test_poll_mode_when_idle_is_off(imap_user, imap_source_for):
    source = imap_source_for(imap_user, idle=False, poll_seconds=1)
    drain(source)
    threading.Timer(0.2, imap_user.deliver, [msg(1)]).start()
    started = time.monotonic()
    assert source.wait(10)
    assert time.monotonic() - started < 5
    assert len(drain(source)) == 1


def test_move_action_moves_and_never_deletes(imap_user, imap_source_for):
    imap_user.deliver(msg(1))
    source = imap_source_for(imap_user, after="move", move_to="Processed")
    drain(source)
    assert imap_user.messages("INBOX") == []
    assert len(imap_user.messages("Processed")) == 1
    assert list(source.fetch_new()) == []


def test_seen_action_and_other_folder_over_starttls(imap_user, imap_source_for):
    imap_user.create_folder("Orders")
    imap_user.deliver(msg(1), folder="Orders")
    source = imap_source_for(imap_user, folder="Orders", scheme="imap+starttls", after="seen")
    assert source.name == "imap:default/Orders"
    drain(source)
    assert imap_user.flags("Orders") == {1: (b"\\Seen",)}


def test_plain_imap_works_on_loopback_only(imap_user, imap_source_for):
    imap_user.deliver(msg(1))
    assert len(drain(imap_source_for(imap_user, scheme="imap"))) == 1
    with pytest.raises(Exception, match="loopback"):
        server_for(ImapAccount(), environ={"MAILFLOW_IMAP_URL": "imap://u:p@imap.example.com/INBOX"})


def _source(url: str, store, ca_file=None, sleeps=None, **fields) -> ImapSource:
    account = ImapAccount(**fields)
    environ = {"MAILFLOW_IMAP_URL": url, **({"MAILFLOW_CA_FILE": str(ca_file)} if ca_file else {})}
    return ImapSource(server_for(account, environ=environ), store, account=account,
                      backoff=Backoff(base=0.01, cap=0.05, attempts=3),
                      sleep=sleeps.append if sleeps is not None else time.sleep)  # fmt: skip


def test_untrusted_certificate_is_a_clear_error_and_not_retried(imap_user, tmp_path):
    from mailflow.store import Store

    sleeps: list[float] = []
    source = _source(imap_user.url(), Store(tmp_path / "s.db"), sleeps=sleeps)  # no CA file
    with pytest.raises(SourceError, match="not trusted") as err:
        list(source.fetch_new())
    assert "ca_file" in err.value.hint and sleeps == []
    assert imap_user.password not in str(err.value)


def test_wrong_password_is_not_retried_and_never_shown(dovecot, imap_user, tmp_path):
    from mailflow.store import Store

    store = Store(tmp_path / "s.db")
    url = imap_user.url().replace(imap_user.password, "wrong-secret-pw")
    sleeps: list[float] = []
    source = _source(url, store, ca_file=dovecot.ca_file, sleeps=sleeps)
    with pytest.raises(SourceError, match="login refused") as err:
        list(source.fetch_new())
    assert sleeps == [] and "wrong-secret-pw" not in str(err.value)
    status = store.get_status(f"mailbox:{source.name}")
    assert status["connected"] is False and "wrong-secret-pw" not in str(status)


def test_unreachable_server_gives_source_error_after_bounded_retries(dovecot, tmp_path):
    from servers import free_port

    from mailflow.store import Store

    store = Store(tmp_path / "s.db")
    sleeps: list[float] = []
    url = f"imaps://bot:s3cret@127.0.0.1:{free_port()}/INBOX"
    source = _source(url, store, ca_file=dovecot.ca_file, sleeps=sleeps)
    with pytest.raises(SourceError, match="failed after 3 attempts"):
        list(source.fetch_new())
    assert len(sleeps) == 2 and all(0 < s <= 0.05 for s in sleeps)  # backoff with jitter, bounded
    status = store.get_status(f"mailbox:{source.name}")
    assert status["connected"] is False and "ConnectionRefused" in status["last_error"]
    assert "s3cret" not in str(status)
    assert source.wait(0.2) is False  # wait() never raises either


def test_xoauth2_login_with_token_from_env_and_from_command(dovecot, imap_user, tmp_path):
    from mailflow.store import Store

    imap_user.deliver(msg(1))
    url = imap_user.url().replace(f":{imap_user.password}@", "@")  # no password: the token is used
    # Dovecot verifies the bearer token against the passdb, so the test password is the token.
    environ = {"MAILFLOW_IMAP_URL": url, "MAILFLOW_CA_FILE": str(dovecot.ca_file), "TOKEN": imap_user.password}
    for fields in ({"oauth2_token_env": "TOKEN"},
                   {"oauth2_token_command": f"printf %s {imap_user.password}"}):  # fmt: skip
        account = ImapAccount(auth="xoauth2", **fields)
        source = ImapSource(server_for(account, environ=environ), Store(tmp_path / f"{len(fields)}{id(fields)}.db"),
                            account=account)  # fmt: skip
        assert len(list(source.fetch_new())) == 1
        source.close()
    account = ImapAccount(auth="xoauth2", oauth2_token_command="false")
    sleeps: list[float] = []
    source = ImapSource(server_for(account, environ=environ), Store(tmp_path / "bad.db"), account=account,
                        backoff=Backoff(base=0.01, cap=0.05, attempts=3), sleep=sleeps.append)  # fmt: skip
    with pytest.raises(SourceError, match="oauth2_token_command exited 1"):
        list(source.fetch_new())
    assert len(sleeps) == 2  # the token service may be down for a moment: retried, bounded
