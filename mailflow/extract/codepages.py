"""Text files written in a DOS code page, sent with no charset or a wrong one.

Contract
    ``dos_reading(data, text) -> (text, codec) | None``: when ``data`` (a .txt file's bytes) reads
    more plausibly in one of the DOS code pages an ERP's print-to-file still writes (cp852 Central
    European, cp437 US, cp850 Western European, cp866 Cyrillic) than ``text`` (how the bytes were
    decoded already: UTF-8 or charset-normalizer's guess), the DOS reading; otherwise None.

    "Plausible" is judged character by character on the non-ASCII characters (the bytes every code
    page reads alike tell nothing): a letter of the same script as the letters beside it counts
    for the reading ("Szállító", "Количество"), a box-drawing character among rules, spaces,
    digits and cells counts for it ("│ 500 │", "├──┼──┤"), while a symbol, a control character,
    a letter of another script or a box character inside a word counts against it ("SzĀllĪtĒ",
    "ÄÄÄÄ" as a ruled line, "Ęîëč÷ĺńňâî"). A DOS page must beat the first reading clearly: text
    that reads well already keeps its reading.

    Bounded: only the first ``SAMPLE`` bytes are scored; the chosen code page decodes the whole
    file (every byte is defined in all four, so decoding never fails).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

DOS_PAGES = ("cp852", "cp850", "cp437", "cp866")
# Read alongside: the Windows and ISO pages a mislabelled file may also be in; the best of all
# is chosen, and only when it beats the first reading clearly.
OTHER_PAGES = ("cp1250", "cp1252", "cp1251", "iso8859_2")
SAMPLE = 64 * 1024
MARGIN = 0.5  # how much better per non-ASCII character a DOS reading must score


def dos_reading(data: bytes, text: str | None, first: str = "") -> tuple[str, str] | None:
    """The DOS code page reading of ``data`` when it is clearly the better one, else None.
    ``first``: the codec ``text`` was decoded with."""
    sample = data[:SAMPLE]
    if not any(byte >= 0x80 for byte in sample):
        return None
    # the first reading competes with the margin when it is in a page mail is commonly in; a
    # guess of a rare page ("cp775", "cp1125", "cp932" for a box-drawn table) only as itself
    current = float("-inf")
    if text and _common(first):
        current = plausibility(text[: len(sample)])
    best: tuple[float, str] | None = None
    for codec in (*DOS_PAGES, *OTHER_PAGES):
        try:
            score = plausibility(sample.decode(codec))
        except UnicodeDecodeError:
            continue  # a byte that page does not define: not in it
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None or best[0] < current + MARGIN or best[0] <= 0:
        return None
    try:
        return data.decode(best[1]), best[1]
    except UnicodeDecodeError:  # past the sample, a byte the page does not define
        return None


def plausibility(text: str) -> float:
    """How well the non-ASCII characters of ``text`` fit where they stand, per character (see
    the module docstring), plus how well its accented letters make one language's alphabet;
    0 for text without any."""
    total = count = 0
    letters: set[str] = set()
    for found in _NON_ASCII.finditer(text):  # only these tell the readings apart
        index, char = found.start(), found.group()
        count += 1
        total += _fit(char, text[index - 1] if index else " ", text[index + 1] if index + 1 < len(text) else " ")
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        if char.isalpha() and _script(char) == "latin" and (before.isalpha() or after.isalpha()):
            letters.add(char.lower())  # in a word: "Ø 6 mm" is a diameter, not a Danish letter
    return total / count + 2 * _one_alphabet(letters) if count else 0.0


# The accented letters of the languages mailflow's buyers write (a Cyrillic text needs none: its
# letters are all of one script). Two code pages that both give letters ("è" or "č" for byte
# 0xE8: windows-1252 or windows-1250; "à" or "ů": cp850 or cp852) differ in whether the letters
# they give belong together: "tìsnìní" mixes Italian and Czech, "těsnění" is Czech.
ALPHABETS = (
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Serbian Latin
    "äöüß",  # German
    "àâæçéèêëîïôœùûüÿ",  # French
    "áéíñóúü",  # Spanish
    "àèéìíîòóùú",  # Italian
    "áâãàçéêíóôõú",  # Portuguese
    "åäöéü",  # Swedish, Finnish
    "æøåé",  # Danish, Norwegian
    "çğıöşüâî",  # Turkish
    "áðéíóúýþæö",  # Icelandic
)


def _one_alphabet(letters: set[str]) -> float:
    """The share of ``letters`` that one language's alphabet holds (1.0 for none at all)."""
    if not letters:
        return 1.0
    return max(len(letters & set(alphabet)) for alphabet in ALPHABETS) / len(letters)


_NON_ASCII = re.compile("[^\x00-\x7f]")
_RULE_NEIGHBOURS = set(" \t\r\n|+-=:.0123456789")


_COMMON = (
    "utf",
    "cp125",
    "windows-125",
    "iso8859",
    "iso-8859",
    "latin",
    "koi8",
    "gb",
    "big5",
    "cp950",
    "shift",
    "euc",
    "ascii",
)


def _common(codec: str) -> bool:
    return codec.lower().replace("_", "-").startswith(tuple(c.replace("_", "-") for c in _COMMON))


def _fit(char: str, before: str, after: str) -> int:
    """One character's fit between its neighbours: positive for plausible, negative for not."""
    code = ord(char)
    if char == before == after and not 0x2500 <= code <= 0x259F:
        return -3  # "ÍÍÍÍÍ", "НННН": a ruled line read as letters
    if 0x2500 <= code <= 0x259F:  # box drawing and blocks: rules and cell walls
        if _letter(before) and _letter(after):
            return -3  # "SzÄllÄ" read as "Sz─ll─": a letter, not a wall
        return 2 if any(_rule(c) for c in (before, after)) else 1
    if code < 0xA0:
        return -5  # C1 controls: no text has them
    category = unicodedata.category(char)
    if category.startswith("L"):
        script = _script(char)
        neighbours = [_script(c) for c in (before, after) if _letter(c)]
        if script == "other":
            return -2
        if script == "cjk":
            return 2 if all(n == "cjk" for n in neighbours) or not neighbours else 0
        if script == "kana":  # a half-width word stands apart from kanji: "ﾇ瑕珸" is Cyrillic misread
            return 2 if all(n == "kana" for n in neighbours) else -2
        if any(n != script for n in neighbours):
            return -3  # a Cyrillic letter inside a Latin word, or the other way round
        if script == "latin" and all(_letter(c) and ord(c) >= 0x80 for c in (before, after)):
            return -1  # "Çàêàç": a Latin word is not all accents (a Cyrillic one is all non-ASCII)
        if char in "õÕ" and after.lower() != "e" and _letter(before):
            return 0  # Portuguese writes "õe(s)"; "határidõ" is Hungarian "ő" read in windows-1252
        if char.isupper() and before.islower() and after.islower():
            return -2  # "kÄnig": a capital inside a word is a misread letter
        if not neighbours:  # a letter standing alone: "Ø 6 mm" (a diameter) more likely than "Ł 6 mm"
            return 2 if char in "Øøµ" else 1
        return 2
    if char in "«»°±§µ·×÷€£¥¢½¼¾²³¹º":  # signs that do occur in orders ("25 °C", "± 0,1", "×")
        return 0 if not (_letter(before) and _letter(after)) else -3
    return -1 if not (_letter(before) and _letter(after)) else -3


def _rule(char: str) -> bool:
    return char in _RULE_NEIGHBOURS or 0x2500 <= ord(char) <= 0x259F


def _letter(char: str) -> bool:
    return char.isalpha()


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x4FF:
        return "cyrillic"
    if 0x370 <= code <= 0x3FF:
        return "greek"
    if 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF:
        return "cjk"  # Chinese, Japanese, Korean: letters of their own, beside Latin codes too
    if 0xFF61 <= code <= 0xFF9F:
        return "kana"  # half-width katakana ("ﾁｭｳﾓﾝ"): what Japanese exports still write, in words of their own
    if 0xFF10 <= code <= 0xFFDC:
        return "cjk"  # full-width letters and digits
    return "other"


# The Windows and ISO pages mail and intranet pages of Europe are written in. A short text holds
# few letters outside ASCII, and charset-normalizer then guesses among near ties: windows-1252
# for Czech ("Dìkujeme" for "Děkujeme"), a Japanese page for four Cyrillic letters.
WINDOWS_PAGES = ("cp1252", "cp1250", "cp1251", "cp1257", "iso8859_2", "koi8_r")
WINDOWS_MARGIN = 0.25  # the Windows pages differ in a few letters: a short text differs by little
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def declared(data: bytes) -> str | None:
    """The code page a page or file names for itself in its first bytes (an HTML page's
    ``<meta charset=windows-1250>``, an XML declaration's ``encoding="..."``), when Python knows
    it and it decodes the bytes; otherwise None."""
    head = data[:4096]
    if b"<" not in head:
        return None
    found = _DECLARED.search(head)
    if not found:
        return None
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return None  # a declaration read in ASCII bytes is not in a two-byte encoding
    if codec == "iso8859-1" or codec == "latin-1":
        codec = "cp1252"  # as browsers read it: the C1 bytes are windows-1252's signs
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def windows_reading(data: bytes, text: str | None, first: str) -> tuple[str, str] | None:
    """The reading of ``data`` in one of ``WINDOWS_PAGES`` when it is clearly more plausible
    than ``text`` (decoded as ``first``), scored like :func:`dos_reading`; otherwise None."""
    sample = data[:SAMPLE]
    if not any(byte >= 0x80 for byte in sample):
        return None
    current = plausibility(text[: len(sample)]) if text else float("-inf")
    best: tuple[float, str] | None = None
    for codec in WINDOWS_PAGES:
        try:
            score = plausibility(sample.decode(codec))
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None or best[0] <= 0 or best[0] < current + WINDOWS_MARGIN:
        return None
    if first and best[1].replace("_", "") == first.lower().replace("_", "").replace("-", ""):
        return None
    try:
        reading = data.decode(best[1])
    except UnicodeDecodeError:
        return None
    return None if reading == text else (reading, best[1])
