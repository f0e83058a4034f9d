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
what goes out is always exactly what was queued. ``stored_form`` makes the message and its
stored form together, from the message's bytes with each file's place in them: a small file
(under ``SMALLEST``) stays inline, and an email attached as a message is not such a file (it is
not base64). A message without such lines is stored whole and comes back as it is.
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
    """``data`` as the email library writes a base64 body with CRLF line ends (``LINE_BYTES`` a
    line: 76 characters)."""
    if not data:
        return b""
    encoded = binascii.b2a_base64(data, newline=False)
    width = LINE_BYTES // 3 * 4
    return b"\r\n".join([encoded[i : i + width] for i in range(0, len(encoded), width)]) + b"\r\n"


def stored_form(pieces: Iterable[bytes | tuple[str, bytes]]) -> tuple[bytes, bytes]:
    """``(message, stored)`` of a message given as its bytes with each attached archive file
    in its place as ``(archive path, file bytes)``: the message with the files' base64 bodies
    put in, and the form the outbox keeps, with those of ``SMALLEST`` bytes or more referred to
    (see the module docstring). The two agree by construction: ``restore(stored)`` is
    ``message``."""
    whole: list[bytes] = []
    lines: list[bytes] = []
    kept: list[bytes] = []
    length = 0
    for piece in pieces:
        if isinstance(piece, bytes):
            whole.append(piece)
            kept.append(piece)
            length += len(piece)
            continue
        relpath, data = piece
        body = base64_body(data)
        whole.append(body)
        if len(data) < SMALLEST:
            kept.append(body)
            length += len(body)
            continue
        digest = hashlib.sha256(data).hexdigest()
        lines.append(PREFIX + f"{length} {len(data)} {digest} {quote(relpath, safe='/')}".encode("ascii") + b"\r\n")
    message = b"".join(whole)
    return message, (b"".join(lines) + b"".join(kept) if lines else message)


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
