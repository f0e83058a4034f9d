"""The Maildir source: same ledger semantics as IMAP, no server."""

import datetime as dt

from mailflow.scaffold import deliver
from mailflow.sources.maildir import MaildirSource
from mailflow.store import Store

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)


def test_fetch_record_mark_done(tmp_path):
    store = Store(tmp_path / "s.db")
    source = MaildirSource(tmp_path / "inbox", store)
    deliver(source.path, b"Subject: one\r\n\r\nbody\r\n", "one")
    deliver(source.path, b"Subject: two\r\n\r\nbody\r\n", "two")
    items = list(source.fetch_new())
    assert [i.raw.split(b"\r\n")[0] for i in items] == [b"Subject: one", b"Subject: two"]

    # recorded messages are not fetched again, whatever their flags
    with store.transaction():
        store.record_message(
            NOW,
            source=source.name,
            source_key=items[0].source_key,
            identity="<1>",
            sha256="a",
            size=1,
            outcome="processed",
        )
    source.mark_done(items[0])
    assert list((source.path / "cur").iterdir())  # moved to cur/ with the S flag
    assert [i.source_key for i in source.fetch_new()] == [items[1].source_key]


def test_oversize_message_is_not_read(tmp_path):
    store = Store(tmp_path / "s.db")
    source = MaildirSource(tmp_path / "inbox", store, max_bytes=10)
    deliver(source.path, b"Subject: big\r\n\r\n" + b"x" * 100, "big")
    (item,) = source.fetch_new()
    assert item.raw == b"" and item.oversize and item.oversize > 100


def test_wait_notices_new_mail(tmp_path):
    import threading

    store = Store(tmp_path / "s.db")
    source = MaildirSource(tmp_path / "inbox", store)
    timer = threading.Timer(0.3, lambda: deliver(source.path, b"Subject: x\r\n\r\n", "x"))
    timer.start()
    assert source.wait(5) is True
    assert source.wait(0.2) is False


def test_a_cycle_looks_only_at_the_messages_not_on_record(tmp_path, monkeypatch):
    """A Maildir keeps every message it ever held (in cur/): a cycle's cost must not grow with
    them. The ledger is asked once for the messages on record; only the new ones are looked at."""
    store = Store(tmp_path / "s.db")
    source = MaildirSource(tmp_path / "inbox", store)
    for n in range(30):
        deliver(source.path, f"Subject: old {n}\r\n\r\nbody\r\n".encode(), f"old{n}")
    with store.transaction():
        for item in source.fetch_new():
            store.record_message(NOW, source=source.name, source_key=item.source_key, identity=f"<{item.source_key}>",
                                 sha256="a", size=1, outcome="processed")  # fmt: skip
            source.mark_done(item)
    deliver(source.path, b"Subject: new\r\n\r\nbody\r\n", "new")
    asked, looked = [], []
    monkeypatch.setattr(store, "seen_source", lambda name, key: asked.append(key))
    arrival = source._arrival
    monkeypatch.setattr(source, "_arrival", lambda key: looked.append(key) or arrival(key))
    (item,) = source.fetch_new()
    assert item.raw.startswith(b"Subject: new") and asked == looked == [item.source_key]
