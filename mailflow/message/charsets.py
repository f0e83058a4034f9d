"""Bytes → text for mail that lies about its charset. Pure; never raises on bad input.

Real order mail is often mislabelled: gb2312 that is really GBK/GB18030, Big5 labelled
us-ascii, UTF-8 labelled GB2312, raw 8-bit with no label at all. ``decode`` tries, in order:

    1. UTF-8, when the bytes are valid UTF-8 with non-ASCII in them (a GBK, Big5 or Latin
       text that happens to be valid UTF-8 is vanishingly rare, so this catches "UTF-8
       labelled GB2312" before the wrong codec mangles it silently);
    2. the declared charset, through ``ALIASES`` (gb2312/gbk always as gb18030, its superset);
    3. charset-normalizer's best guess;
    4. UTF-8 with replacement characters (so text is never lost, only marked).

Any step after the declared charset is a *repair* and yields a warning for ``Message.warnings``.
``header_text`` does the same for header values: raw 8-bit bytes (smuggled through the email
package as surrogate escapes) and RFC 2047 encoded-words with any of the charsets above.
"""

from __future__ import annotations

import binascii
import codecs
import email.errors
import re
from email.header import decode_header

from charset_normalizer import from_bytes

# Labels seen in real mail mapped to the codec that actually decodes it. gb2312 and gbk senders
# routinely use characters outside those tables (e.g. 镕, 㑇, euro sign), so gb18030 — a strict
# superset — is always used. iso-8859-1 and us-ascii are read as windows-1252, as browsers do,
# because "Latin-1" mail carries curly quotes and dashes in 0x80–0x9F.
ALIASES = {
    "gb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "x-euc-cn": "gb18030",
    "chinese": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "unicode-1-1-utf-7": "utf-7",
}

# Codecs whose bytes are not an ASCII superset: UTF-8 validity says nothing about them.
_NOT_ASCII_COMPATIBLE = ("utf-16", "utf-32", "utf_16", "utf_32", "utf-7", "utf_7")

_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?")
_FOLD = re.compile(r"\r?\n[ \t]*")


def codec_for(label: str | None) -> str | None:
    """The Python codec for a MIME charset label, or None when unknown (or no label)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower().split("*", 1)[0]  # RFC 2231 "utf-8*en"
    label = ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def decode(data: bytes, declared: str | None, what: str = "text") -> tuple[str, str | None]:
    """Decode ``data`` (labelled ``declared``); return (text, warning or None).

    ``what`` names the thing in the warning ("body", "header Subject", "filename").
    """
    if not data:
        return "", None
    codec = codec_for(declared)
    label = (declared or "").strip().lower() or None
    is_ascii = data.isascii()
    if codec is None and is_ascii:
        # No or unknown label but nothing to decode: ASCII is ASCII in every candidate.
        note = f"{what}: unknown charset {declared!r}, text is plain ASCII" if label else None
        return data.decode("ascii"), note
    ascii_compatible = not (codec and codec.startswith(_NOT_ASCII_COMPATIBLE))
    if ascii_compatible and not is_ascii and codec not in ("utf-8",):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if label is None:
                return text, f"{what}: undeclared 8-bit text decoded as UTF-8"
            return text, f"{what}: labelled {label} but is UTF-8; decoded as UTF-8"
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            return plausible(data, text, codec, label or codec, what)
    guess = _detect(data)
    if codec is None and label:
        why = f"unknown charset {label!r}"
    else:
        why = f"not valid {label or 'ASCII'}"
    if guess:
        return data.decode(guess), f"{what}: {why}; decoded as {guess} (detected)"
    return (
        data.decode("utf-8", errors="replace"),
        f"{what}: {why} and no charset fits; undecodable bytes replaced with U+FFFD",
    )


# The signs of text decoded with the wrong charset, which nobody types: C1 control characters
# and U+FFFD; runs of three or more Latin-1 letters and signs ("¾È³çÇÏ¼¼¿ä" is Korean read as
# Latin-1, "Çàêàç" Russian); a sign inside a word ("Wys³ano" is Polish read as Latin-1).
_C1 = re.compile("[\u0080-\u009f\ufffd]")
_LATIN1_RUN = re.compile("[\u00a1-\u00ff]{3,}")
# (signs only: not "ª", "µ", "º", nor the Catalan middle dot of "col·lecció")
_SIGN_IN_WORD = re.compile(
    "(?<=[^\\W\\d_])[\u00a1-\u00a9\u00ab-\u00b4\u00b6\u00b8\u00b9\u00bb-\u00bf\u00d7\u00f7](?=[^\\W\\d_])"
)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


_WORD = re.compile(r"[^\W\d_]{2,}")
# Other legacy charsets tried when neither the <meta> nor the detector reads better
_LEGACY = ("cp1250", "iso8859_2", "cp1251", "cp949", "gb18030", "cp932", "big5hkscs", "cp1253", "cp1254")


def _script(ch: str) -> int:
    code = ord(ch)
    if code < 0x250:
        return 0  # Latin
    if 0x370 <= code < 0x400:
        return 1  # Greek
    if 0x400 <= code < 0x530:
        return 2  # Cyrillic
    return 3 if code >= 0x1100 else 4  # Hangul, kana and ideographs; anything else


_SYMBOL_LETTERS = set("ΩωμΜΔδπαβγλεθσφΦ")  # units and symbols beside Latin letters: "10kΩ", "μm", "Δp"


def _mixed(word: str) -> bool:
    """Latin with Greek or Cyrillic in one word, or accented Latin with CJK or Hangul ("PO番号",
    ASCII beside ideographs, is how CJK writers write)."""
    scripts = {_script(ch) for ch in word if ch not in _SYMBOL_LETTERS}
    return len(scripts & {0, 1, 2}) > 1 or (3 in scripts and any(0x80 <= ord(ch) < 0x250 for ch in word))


def mojibake(text: str) -> int:
    """How many signs of a wrong decoding ``text`` carries (0 for text as people write it);
    a word mixing scripts ("Dzieс" is Polish read as Cyrillic) is one too."""
    text = text[:20000]
    mixed = sum(_mixed(word) for word in _WORD.findall(text) if not word.isascii())
    return (
        2 * len(_C1.findall(text))
        + sum(len(run) for run in _LATIN1_RUN.findall(text))
        + 2 * len(_SIGN_IN_WORD.findall(text))
        + 2 * mixed
    )


def plausible(data: bytes, text: str, codec: str, label: str, what: str) -> tuple[str, str | None]:
    """``text`` (``data`` decoded with its declared ``codec``) when it reads as text; when it
    reads as mojibake, the decoding (the charset an HTML ``<meta>`` names, or the detector's
    guess) that decodes cleanly with far fewer signs of a wrong one, with a warning saying so."""
    if codec == "utf-8":
        return text, None  # valid UTF-8 with letters beyond ASCII is UTF-8 (see the module's notes)
    declared = mojibake(text)
    if declared < 3:
        return text, None
    candidates: list[tuple[str, str | None]] = []
    meta = _META_CHARSET.search(data[:8192])
    if meta:
        candidates.append(("the HTML's <meta> charset", codec_for(meta.group(1).decode("ascii", "replace"))))
    candidates.append(("detected", _detect(data)))
    candidates += [("the legacy charset that reads best", other) for other in _LEGACY]
    best: tuple[int, str, str, str] | None = None
    for source, other in candidates:
        if other is None or other == codec:
            continue
        try:
            alternative = data.decode(other)
        except UnicodeDecodeError:
            continue
        score = mojibake(alternative)
        if score * 2 < declared and (best is None or score < best[0]):
            best = (score, other, source, alternative)
    if best is None:
        return text, None
    score, other, source, alternative = best
    return alternative, (
        f"{what}: labelled {label} but that reads as mojibake ({declared} signs of a wrong charset); "
        f"decoded as {other} ({source}, {score} such signs)"
    )


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess, normalised to a codec that decodes ``data`` cleanly."""
    try:
        best = from_bytes(data).best()
    except Exception:  # the detector is a heuristic; a failure there is just "no guess"
        return None
    if best is None:
        return None
    codec = codec_for(best.encoding)
    if codec is None:
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def repair_8bit(value: str, what: str, hint: str | None = None) -> tuple[str, str | None]:
    """Turn surrogate-escaped raw bytes (how the email package keeps 8-bit headers) into text.

    Raw UTF-8 is RFC 6532 and needs no note. Otherwise, as mail clients do, the charset the
    message declares for its body (``hint``) is the best guess; then GB18030 when that reads as
    Chinese; then windows-1252. A detector is no use here: header values are too short.
    """
    if value.isascii():
        return value, None
    try:
        raw = value.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:  # lone surrogates that are not escapes: already text
        return value.encode("utf-8", errors="replace").decode("utf-8"), None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few broken bytes (a name cut mid-character) is still UTF-8:
    # Latin or GBK bytes almost never form valid multi-byte UTF-8 sequences at all.
    lenient = raw.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    if sum(1 for c in lenient if ord(c) > 0x7F) - broken > 4 * broken:
        return lenient, f"{what}: raw UTF-8 with {broken} broken byte sequence(s) replaced"
    hinted = codec_for(hint)
    for codec in (hinted, "gb18030", "cp1252"):
        if codec is None or codec in ("ascii", "utf-8"):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gb18030" and hinted != "gb18030" and not _reads_as_chinese(text):
            continue
        return text, f"{what}: raw 8-bit bytes read as {codec}"
    return raw.decode("latin-1"), f"{what}: raw 8-bit bytes in no known charset, read as latin-1"


_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_NOT_CHINESE = re.compile(r"[^\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d\u2026]")


def _reads_as_chinese(text: str) -> bool:
    """Latin-1 bytes decode as GB18030 too, one odd ideograph per accented letter pair; real
    Chinese has runs of ideographs and nothing outside CJK and ASCII."""
    return bool(_CJK_RUN.search(text)) and not _NOT_CHINESE.search(text)


def header_text(value: object, what: str = "header", hint: str | None = None) -> tuple[str, list[str]]:
    """A header value as readable text: unfolded, 8-bit repaired (see ``repair_8bit``),
    RFC 2047 decoded."""
    warnings: list[str] = []
    text = _FOLD.sub(" ", str(value)) if value is not None else ""
    text, warning = repair_8bit(text, what, hint)
    if warning:
        warnings.append(warning)
    if "=?" not in text or not _ENCODED_WORD.search(text):
        return text.strip(), warnings
    try:
        chunks = decode_header(text)
    except (email.errors.HeaderParseError, binascii.Error, ValueError) as exc:
        warnings.append(f"{what}: bad encoded-word left as is ({exc})")
        return text.strip(), warnings
    out = []
    for chunk, charset in chunks:
        if charset is None:
            # decode_header hands unencoded runs back as raw-unicode-escape bytes.
            out.append(chunk.decode("raw-unicode-escape") if isinstance(chunk, bytes) else chunk)
            continue
        piece, warning = decode(chunk, charset, what)
        out.append(piece)
        if warning:
            warnings.append(warning)
    return "".join(out).strip(), warnings
