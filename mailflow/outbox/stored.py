"""A notice as the outbox stores it: the email with each attached archive file by reference.

A notice's attachments are files of the order's archive folder (its order form, a PDF, the
customer's mail), filed and flushed to disk before the notice is queued. Copying them into
every outbox row made each notice about 54 KB, most of it the same PDFs the archive holds. So
the stored form is the exact message bytes with the base64 body of each such file cut out, and
one line in front per file cut:

    X-Mailflow-Archived: <offset> <size> <sha256> <archive path, percent-encoded>

(``offset`` is where the body goes back in the bytes that follow the lines). ``restore`` puts
each body back from the file, after checking its size and SHA-256: a file changed or gone since
the notice was queued raises ``AttachmentChanged`` and nothing is sent (a person looks), so
what goes out is always exactly what was queued. ``by_reference`` keeps a file inline when its
body is not found as the email library writes base64 (an email attached as a message) or is
small, and gives back the full message whenever putting it back would not give the same bytes.
A message without such lines is stored whole and comes back as it is.
"""

from __future__ import annotations

import binascii
import hashlib
from typing import Callable, Iterable
from urllib.parse import quote, unquote_to_bytes

from ..errors import OutboxError

PREFIX = b"X-Mailflow-Archived: "
LINE_BYTES = 57  # 76 base64 characters a line, as the email library writes them (policy SMTP)
SMALLEST = 2048  # files smaller than this stay in the row: a reference would not save much


class AttachmentChanged(OutboxError):
    """A file a stored notice refers to is gone or no longer has the bytes it was queued with."""


def base64_body(data: bytes) -> bytes:
    """``data`` as the email library writes a base64 body with CRLF line ends."""
    return b"".join(
        binascii.b2a_base64(data[i : i + LINE_BYTES], newline=False) + b"\r\n" for i in range(0, len(data), LINE_BYTES)
    )


def by_reference(eml: bytes, files: Iterable[tuple[str, bytes]]) -> bytes:
    """``eml`` with the body of each ``(archive path, bytes)`` attached in it cut out and
    referred to (in the order they are attached); ``eml`` itself when nothing is worth it."""
    lines: list[bytes] = []
    kept: list[bytes] = []
    pos = length = 0
    contents: dict[str, bytes] = {}
    for relpath, data in files:
        if len(data) < SMALLEST:
            continue
        body = base64_body(data)
        at = eml.find(body, pos)
        if at < 0:
            continue
        kept.append(eml[pos:at])
        length += at - pos
        digest = hashlib.sha256(data).hexdigest()
        lines.append(PREFIX + f"{length} {len(data)} {digest} {quote(relpath, safe='/')}".encode("ascii") + b"\r\n")
        contents[relpath] = data
        pos = at + len(body)
    if not lines:
        return eml
    stored = b"".join(lines) + b"".join(kept) + eml[pos:]
    try:
        same = restore(stored, contents.__getitem__) == eml
    except (AttachmentChanged, KeyError):
        same = False
    return stored if same else eml


def references(stored: bytes) -> list[str]:
    """The archive paths ``stored`` refers to, in order."""
    return [ref[3] for ref in _parse(stored)[0]]


def restore(stored: bytes, read: Callable[[str], bytes]) -> bytes:
    """The exact message bytes of ``stored``; ``read(archive path)`` gives a file's bytes (and
    raises ``FileNotFoundError`` when it is gone). Raises ``AttachmentChanged``."""
    refs, body = _parse(stored)
    if not refs:
        return stored
    pieces, pos = [], 0
    for at, size, digest, relpath in refs:
        try:
            data = read(relpath)
        except FileNotFoundError:
            raise AttachmentChanged(f"the attached file {relpath} is no longer in the archive") from None
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            raise AttachmentChanged(f"the attached file {relpath} was changed after the notice was queued")
        pieces.append(body[pos:at])
        pieces.append(base64_body(data))
        pos = at
    pieces.append(body[pos:])
    return b"".join(pieces)


def _parse(stored: bytes) -> tuple[list[tuple[int, int, str, str]], bytes]:
    refs = []
    body = stored
    while body.startswith(PREFIX):
        line, _, body = body.partition(b"\r\n")
        at, size, digest, relpath = line[len(PREFIX) :].split(b" ", 3)
        refs.append((int(at), int(size), digest.decode("ascii"), unquote_to_bytes(relpath).decode("utf-8")))
    return refs, body
