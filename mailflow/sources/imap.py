"""The IMAP source: one ``ImapSource`` per (account, folder), ledger-driven, never destructive.

Contract (see ``base.Source`` and docs/internals.md):

* ``fetch_new()`` SELECTs the folder, reads UIDVALIDITY, lists the UIDs (UID SEARCH ALL) and
  skips those the ledger already holds under that UIDVALIDITY (one query per listing). The rest is
  fetched in batches of ``batch_size``: ``RFC822.SIZE`` first, then ``BODY.PEEK[]`` for those
  within ``max_bytes`` (peek: \\Seen is never set, and never consulted). A message over the limit
  is yielded as ``Fetched(raw=b"", oversize=size)`` without downloading it. The ledger key is
  ``"<uidvalidity>:<uid>"``: when the server resets UIDVALIDITY every message is simply yielded
  again under the new value, and the pipeline records the copies as duplicates (by Message-ID
  and sha256) — nothing twice.
* ``mark_done(item)`` applies the after-processing action (keyword ``$MailflowDone``, MOVE to
  ``move_to``, or \\Seen). The pipeline calls it only after the commit, and again on the next
  cycle for ledger rows whose action was never applied (``store.pending_done``). It never
  deletes or expunges anything.
* ``wait(timeout)`` returns True as soon as the server announces new mail over IDLE (re-issued
  every ``idle_renew_seconds``), or polls with NOOP every ``poll_seconds`` without IDLE.
* Any network or protocol failure leads to a reconnect with exponential backoff and jitter;
  after ``Backoff.attempts`` failures it surfaces as ``SourceError`` — never as a raw socket,
  ssl or imaplib exception — so the daemon carries on and tries again next cycle.
* Liveness goes to the store's status table as ``mailbox:<source name>``: last_contact,
  last_message, backlog, connected, last_error, server (redacted: no password, no token).

It must not decide what was processed from mailbox flags, must not hold a transaction open
across a ``yield``, and must not log credentials.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

from imapclient import IMAPClient
from imapclient.imapclient import SEEN

from ..config import ImapAccount
from ..errors import SourceError
from .base import Fetched
from .imap_connect import TRANSIENT, Backoff, ImapServer, connect, drop, is_transient

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

FETCH_BYTES_PER_ROUND = 32 * 1024 * 1024  # cap on the bodies of one UID FETCH (memory, timeouts)
NEW_MAIL = (b"EXISTS", b"RECENT")


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class ImapSource:
    def __init__(
        self,
        server: ImapServer,
        store: "Store",
        *,
        account: ImapAccount | None = None,
        folder: str | None = None,
        max_bytes: int | None = None,
        clock: Callable[[], dt.datetime] = _utcnow,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.server = server
        self.store = store
        self.account = account or ImapAccount()
        self.folder = folder or server.endpoint.path or self.account.folders[0]
        self.max_bytes = max_bytes
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        self.name = f"imap:{self.account.name}/{self.folder}"
        self._client: IMAPClient | None = None
        self._uidvalidity: int | None = None
        self._connects = 0
        self._uidnext_seen = 0  # next UID after everything listed: wait() compares against it
        self._status: dict = {"server": server.redacted, "folder": self.folder, "connected": False}

    def __repr__(self) -> str:
        return f"ImapSource({self.name!r}, {self.server.redacted})"

    # ------------------------------------------------------------------ fetch

    def fetch_new(self) -> Iterator[Fetched]:
        uidvalidity, new = self._retry("list", self._list_new)
        for start in range(0, len(new), self.account.batch_size):
            batch = new[start : start + self.account.batch_size]
            fetched = self._retry("fetch", lambda c, b=batch: self._fetch_batch(c, uidvalidity, b))
            if fetched is None:  # UIDVALIDITY changed under us: the next cycle lists again
                return
            for item in fetched:
                yield item  # the pipeline records it before asking for the next one
            self._note(backlog=len(new) - start - len(batch), last_message=_iso(self.clock()))

    def _list_new(self, client: IMAPClient) -> tuple[int, list[int]]:
        info = client.select_folder(self.folder)
        uidvalidity = int(info[b"UIDVALIDITY"])
        self._uidvalidity = uidvalidity
        uids = sorted(client.search("ALL"))
        self._uidnext_seen = max(int(info.get(b"UIDNEXT", 0) or 0), (uids[-1] + 1) if uids else 0)
        known = self._known_uids(uidvalidity)
        new = [uid for uid in uids if uid not in known]
        self._note(backlog=len(new))
        if new:
            log.info("%s: %d new of %d (uidvalidity %d)", self.name, len(new), len(uids), uidvalidity)
        return uidvalidity, new

    def _known_uids(self, uidvalidity: int) -> set[int]:
        """UIDs the ledger holds for this folder under ``uidvalidity``: one indexed range query."""
        prefix = f"{uidvalidity}:"
        keys = self.store.source_keys(self.name, prefix=prefix)
        return {int(key[len(prefix) :]) for key in keys if key[len(prefix) :].isdigit()}

    def _fetch_batch(self, client: IMAPClient, uidvalidity: int, batch: list[int]) -> list[Fetched] | None:
        if self._uidvalidity != uidvalidity:  # re-selected after a reconnect, and it changed
            log.warning("%s: UIDVALIDITY changed %s → %s", self.name, uidvalidity, self._uidvalidity)
            return None
        sizes = {
            uid: int(data[b"RFC822.SIZE"])
            for uid, data in client.fetch(batch, ["RFC822.SIZE"]).items()
            if b"RFC822.SIZE" in data
        }
        wanted = [u for u in batch if u in sizes and (self.max_bytes is None or sizes[u] <= self.max_bytes)]
        bodies: dict[int, bytes] = {}
        for group in _by_size(wanted, sizes, FETCH_BYTES_PER_ROUND):
            for uid, data in client.fetch(group, ["BODY.PEEK[]"]).items():
                if b"BODY[]" in data:
                    bodies[uid] = data[b"BODY[]"]
        items = []
        for uid in batch:  # expunged since the listing: absent from both answers, skipped
            key = f"{uidvalidity}:{uid}"
            if uid in bodies:
                items.append(Fetched(self.name, key, bodies[uid], uidvalidity=uidvalidity, uid=uid))
            elif uid in sizes and uid not in wanted:  # over the limit: announced, not downloaded
                items.append(Fetched(self.name, key, b"", uidvalidity=uidvalidity, uid=uid, oversize=sizes[uid]))
        return items

    # ------------------------------------------------------------------ after processing

    def mark_done(self, item: Fetched) -> None:
        """Apply the after-processing action to one committed message (never a delete)."""
        if item.uid is None:
            return
        self._retry("mark_done", lambda client: self._act(client, item))

    def _act(self, client: IMAPClient, item: Fetched) -> None:
        if self._uidvalidity is None:
            self._uidvalidity = int(client.select_folder(self.folder)[b"UIDVALIDITY"])
        if item.uidvalidity != self._uidvalidity:
            # The UID names another message (or none) now; the copy under the new UIDVALIDITY is
            # recorded as a duplicate and gets the action through its own ledger row.
            log.info("%s: %s is from an old UIDVALIDITY; no action", self.name, item.source_key)
            return
        after = self.account.after
        if after == "move" and self.account.move_to:
            target = self.account.move_to
            if not client.folder_exists(target):
                client.create_folder(target)
            if client.has_capability("MOVE"):
                client.move([item.uid], target)
            else:  # COPY only: the original stays (never delete), marked so staff see it is done
                client.copy([item.uid], target)
                client.add_flags([item.uid], [self.account.done_keyword], silent=True)
        elif after == "seen":
            client.add_flags([item.uid], [SEEN], silent=True)
        else:
            client.add_flags([item.uid], [self.account.done_keyword], silent=True)

    # ------------------------------------------------------------------ push

    def follow(self, lister: "ImapSource") -> None:
        """Count as seen what ``lister`` (another source on the same mailbox) has listed.

        ``wait`` wakes for mail above the UIDNEXT of this source's own last listing; a source
        that only waits (the daemon's watcher) never lists, so it follows the one that does."""
        self._uidnext_seen = max(self._uidnext_seen, lister._uidnext_seen)

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True as soon as new mail may be there (or the link broke)."""
        deadline = time.monotonic() + timeout
        try:
            client = self._ensure_client()
            if self._uidvalidity is None:
                self._uidvalidity = int(client.select_folder(self.folder)[b"UIDVALIDITY"])
            uidnext = client.folder_status(self.folder, [b"UIDNEXT"]).get(b"UIDNEXT")
            if uidnext and int(uidnext) > self._uidnext_seen:
                return True  # arrived between the last listing and now
            if self.account.idle and client.has_capability("IDLE"):
                return self._idle(client, deadline)
            return self._poll(client, deadline)
        except SourceError as exc:
            self._disconnect(str(exc))
            self.sleep(max(0.0, min(deadline - time.monotonic(), self.backoff.delay(2))))
            return False
        except TRANSIENT as exc:
            self._disconnect(f"{type(exc).__name__}: {exc}")
            return True  # something may have arrived while the link was down: look

    def _idle(self, client: IMAPClient, deadline: float) -> bool:
        renew = self.account.idle_renew_seconds
        while True:
            client.idle()
            started = time.monotonic()
            try:
                while True:
                    left = min(deadline, started + renew) - time.monotonic()
                    if left <= 0:
                        break
                    responses = client.idle_check(timeout=min(left, 60.0))
                    self._note(last_contact=_iso(self.clock()))
                    if any(len(r) > 1 and r[1] in NEW_MAIL for r in responses):
                        return True
                    if any(r and r[0] == b"BYE" for r in responses):
                        raise EOFError("server said BYE")
            finally:
                client.idle_done()
            if time.monotonic() >= deadline:
                return False

    def _poll(self, client: IMAPClient, deadline: float) -> bool:
        while True:
            self.sleep(max(0.0, min(self.account.poll_seconds, deadline - time.monotonic())))
            _, responses = client.noop()
            self._note(last_contact=_iso(self.clock()))
            if any(isinstance(r, tuple) and len(r) > 1 and r[1] in NEW_MAIL for r in responses):
                return True
            if time.monotonic() >= deadline:
                return False

    # ------------------------------------------------------------------ connection

    def _ensure_client(self) -> IMAPClient:
        if self._client is None:
            self._client = connect(self.server)
            self._uidvalidity = None
            self._connects += 1
            # last_error stays: it says what broke last time, with last_error_at saying when
            self._note(connected=True, connects=self._connects, last_contact=_iso(self.clock()))
            log.info("%s: connected to %s", self.name, self.server.redacted)
        return self._client

    def _retry(self, what: str, op: Callable[[IMAPClient], T]) -> T:
        """Run ``op(client)``; on a transient failure reconnect (backoff, jitter) and run it again."""
        last: BaseException | None = None
        for attempt in range(self.backoff.attempts):
            if attempt:
                self.sleep(self.backoff.delay(attempt - 1))
            try:
                client = self._ensure_client()
                if self._uidvalidity is None and what != "list":
                    self._uidvalidity = int(client.select_folder(self.folder)[b"UIDVALIDITY"])
                result = op(client)
                self._note(last_contact=_iso(self.clock()), connected=True)
                return result
            except SourceError as exc:  # from connect(): already clean and redacted
                last = exc
                self._disconnect(str(exc))
                if not is_transient(exc):
                    raise
            except TRANSIENT as exc:
                last = exc
                self._disconnect(f"{what}: {type(exc).__name__}: {str(exc)[:200]}")
                log.warning("%s: %s failed (%s); reconnecting", self.name, what, type(exc).__name__)
        raise SourceError(
            f"{self.name} ({self.server.redacted}): {what} failed after {self.backoff.attempts} attempts: {last}",
            hint="the mailbox is unreachable; mailflow retries on the next cycle",
        )

    def _disconnect(self, error: str | None = None) -> None:
        drop(self._client)
        self._client = None
        self._uidvalidity = None
        if error:
            self._note(connected=False, last_error=error, last_error_at=_iso(self.clock()))
        else:
            self._note(connected=False)

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.logout()
            except Exception:  # noqa: BLE001 — closing a dead link is not an error
                drop(self._client)
            self._client = None
        self._note(connected=False)

    # ------------------------------------------------------------------ status

    def _note(self, **facts) -> None:
        """Merge liveness facts into ``mailbox:<name>`` (outside any transaction of the caller)."""
        self._status.update(facts)
        try:
            with self.store.transaction():
                self.store.set_status(f"mailbox:{self.name}", dict(self._status), self.clock())
        except Exception as exc:  # noqa: BLE001 — status is advisory; never break ingest for it
            log.debug("%s: status not written: %s", self.name, exc)


def _by_size(uids: list[int], sizes: dict[int, int], budget: int) -> Iterator[list[int]]:
    """Split ``uids`` into groups whose total size stays within ``budget`` (at least one each)."""
    group: list[int] = []
    total = 0
    for uid in uids:
        if group and total + sizes[uid] > budget:
            yield group
            group, total = [], 0
        group.append(uid)
        total += sizes[uid]
    if group:
        yield group


def _iso(now: dt.datetime) -> str:
    return now.isoformat(timespec="seconds")
