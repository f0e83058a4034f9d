"""Quoted and forwarded mail, in every language of ``data/languages/`` (their ``mail_headers``).

A customer's order often reaches the desk inside another mail: an account manager forwards it
("FW:", "WG:", "TR:", "转发:", "転送:"), quoting the customer's mail under a header block in the
language of *her* mail client ("Von: … / Gesendet: … / An: … / Betreff: …", "差出人: … / 送信日時:
…"), or under a marker line ("---------- Forwarded message ---------", "Début du message
réexpédié :"). The same blocks start the quoted earlier mail of a reply, which is not this
message's content.

Contract (pure functions of text)
    ``header_blocks(text) -> list[HeaderBlock]``: every quoted header block: a From line followed
    by at least two other header lines (date/sent, to, cc, subject) — one under a marker line —
    with the marker line right above it when there is one. The block's sender is parsed from its From line.
    ``forward_marker(text) -> int | None``: the line number of the first forward marker line.
    ``reply_cut(text) -> int | None``: the line where quoted earlier mail starts (a header block,
    an "Original Message" line in any language, Foxmail's "------ Original ------", an "On …
    wrote:" line), or None.
    ``forward_prefix(subject) -> str | None``: the forward prefix a subject starts with.
    ``unfold(message, our_domains) -> (message, Forward | None)``: a forwarded mail's text made
    the message's own, and that mail's sender (the customer, never our colleague).
    ``quoted_mails(text) -> list[QuotedMail]``: the earlier mails of a reply's thread, newest
    first, each with its sender and its own text (not the mails quoted under it);
    ``lift(message, mail, how)``: one of them made the message's content, as a forward's is
    (the extractor decides which: the first that holds an order and is not ours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Message
from . import languages

# The line mailflow's own MIME reader writes above a forwarded message/rfc822 part
# (``mailflow.message.FORWARD_MARKER``): one of the forward markers below.
CANONICAL_MARKER = "---------- Forwarded message ----------"
_ADDRESS = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_MAX_BLOCK = 12
# "Re:" in every language of data/languages/ ("AW:", "SV:", "Odp:", "回复："): replies, not forwards
REPLY_PREFIX = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(p) for p in sorted(languages.load().reply_prefixes, key=len, reverse=True))
    + r")\s*[:：]",
    re.I,
)
_RULE = re.compile(r"\s*[-_=]{8,}\s*")  # header lines (with wrapped To/Cc lines) a block may span
# Foxmail's and QQ Mail's "------ Original ------" (over a reply's quoted mail, with or without its
# From/Date/To/Subject lines): the bare word, which alone on a line is only a word ("ORIGINAL" on a
# copy), starts a quoted mail between runs of dashes only.
_DASHED_ORIGINAL = re.compile(r"^[\s>*]*-{2,}\s*original\s*-{2,}\s*$", re.I)


@dataclass(frozen=True)
class HeaderBlock:
    start: int  # first line (the marker line above the From line, when there is one)
    end: int  # the line after the block
    from_name: str
    from_addr: str
    labels: tuple[str, ...]  # the header kinds seen, for --explain


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    heads = languages.load().mail_headers
    out = {}
    for kind in ("from", "date", "to", "cc", "subject"):
        words = _alternation(heads.get(kind, []))
        # "From:", "*From:* ", "> Von: ", "发件人：", "보낸 사람:"
        out[kind] = re.compile(rf"^[\s>*_]*(?:{words})[\s*_]*[:：]\s*(?P<value>.*)$", re.I)
    for kind in ("forwarded", "original"):
        words = _alternation(heads.get(kind, []))
        # "---------- Forwarded message ---------", "Begin forwarded message:", "-----原始邮件-----"
        out[kind] = re.compile(rf"^[\s>*]*[-_=~\s]*(?:{words})[\s\-_=~]*[:：]?[\s\-_=~]*$", re.I)
    words = heads.get("wrote", [])
    spaced = _alternation([w for w in words if not _CJK.search(w)])
    cjk = _alternation([w for w in words if _CJK.search(w)])
    # "On Fri, 20 Nov 2026, Dana <po@…> wrote:", "Am 20.11.2026 schrieb Dana <…>:", "… 写道："
    out["wrote"] = re.compile(rf"(?:(?<![^\W\d_])(?:{spaced})(?![^\W\d_])|(?:{cjk})).{{0,120}}[:：]\s*$", re.I)
    return out


def _alternation(words: list[str]) -> str:
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts) or r"(?!)"


def _kind_of(line: str) -> str | None:
    patterns = _patterns()
    for kind in ("date", "to", "cc", "subject", "from"):
        if patterns[kind].match(line):
            return kind
    return None


def _is_marker(line: str, kind: str = "") -> bool:
    patterns = _patterns()
    kinds = (kind,) if kind else ("forwarded", "original")
    if "original" in kinds and _DASHED_ORIGINAL.match(line):
        return True
    return bool(line.strip()) and any(patterns[k].match(line) for k in kinds)


def header_blocks(text: str) -> list[HeaderBlock]:
    """The quoted header blocks of ``text`` (see the module docstring), top down."""
    lines = text.split("\n")
    blocks: list[HeaderBlock] = []
    index = 0
    while index < len(lines):
        found = _block_at(lines, index)
        if found is None:
            index += 1
            continue
        blocks.append(found)
        index = found.end
    return blocks


def _block_at(lines: list[str], index: int) -> HeaderBlock | None:
    match = _patterns()["from"].match(lines[index])
    if not match or len(lines[index]) > 300:
        return None
    seen: list[str] = []
    end = index + 1
    while end < len(lines) and end - index <= _MAX_BLOCK:
        line = lines[end]
        kind = _kind_of(line) if line.strip() else None
        if kind and kind != "from":
            seen.append(kind)
        elif line[:1] in (" ", "\t") and line.strip() and seen:
            pass  # a wrapped To or Cc line
        elif not line.strip() and not seen:
            pass  # a blank line between the From line and the rest (some clients)
        else:
            break
        end += 1
    start = index
    above = index - 1
    while above >= 0 and not lines[above].strip() and index - above < 3:
        above -= 1
    if above >= 0 and (_is_marker(lines[above]) or _RULE.fullmatch(lines[above])):
        start = above  # the marker line, or Outlook's rule of underscores over the block
    if len(set(seen)) < (1 if start < index else 2):  # under a marker line, "From:" and one more
        return None
    name, address = sender_of(match.group("value"))
    return HeaderBlock(start, end, name, address, tuple(dict.fromkeys(["from", *seen])))


def sender_of(value: str) -> tuple[str, str]:
    """(display name, lower-case address) of a quoted From value: 'Dana Whitfield
    <po@harborline.example>', 'Dana Whitfield [mailto:po@…]', '"松本 健" <…>;', 'po@…'."""
    found = _ADDRESS.search(value)
    address = found.group(0).lower().strip(".'") if found else ""
    name = _ADDRESS.sub("", value) if found else value
    name = re.sub(r"mailto:|[<>\[\];；]|\(\s*\)", " ", name)  # "Dana Lee (Brightwater Pumps)" keeps its company
    if name.count("(") != name.count(")"):
        name = re.sub(r"[()]", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" \"'*,")
    return name, address


def forward_marker(text: str) -> int | None:
    """The line number of the first forward marker ("Forwarded message", "Weitergeleitete
    Nachricht", "转发邮件信息"), or None."""
    for number, line in enumerate(text.split("\n")):
        if len(line) < 120 and _is_marker(line, "forwarded"):
            return number
    return None


def reply_cut(text: str) -> int | None:
    """The line where a reply's quoted earlier mail starts, or None: a header block, an
    "Original Message" marker, or an "On … wrote:" line (with a date or an address in it)."""
    lines = text.split("\n")
    blocks = header_blocks(text)
    cut = blocks[0].start if blocks else None
    limit = cut if cut is not None else len(lines)
    for number, line in enumerate(lines[:limit]):
        if len(line) > 300:
            continue
        if _is_marker(line, "original"):
            return number
        if _patterns()["wrote"].search(line) and re.search(r"\d|@", line):
            return number
        if _unknown_quote_at(lines, number):
            above = number - 1
            while above >= 0 and not lines[above].strip() and number - above < 3:
                above -= 1
            return above if above >= 0 and _RULE.fullmatch(lines[above]) else number
    return cut


# A quoted mail's head in a language no file describes, known by its shape: a "label: value" line
# naming an address, then at least two more "label: value" lines, one a date with its time
# ("Από: Πωλήσεις <sales@…> / Στάλθηκε: Τρίτη, 10 Νοεμβρίου 2026 11:42 / Προς: … / Θέμα: …"),
# perhaps under Outlook's rule of underscores; or a line naming an address and a day that ends
# with a colon, over lines quoted with ">" ("Στις Τρί, 10 Νοε 2026 …, Πωλήσεις <sales@…> έγραψε:").
_LABEL_LINE = re.compile(r"^[\s>*]*[^\W\d_][^:：\n]{0,30}[:：]\s*\S")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_DAY = re.compile(r"\d{1,4}[./\-\s]\S{1,12}[./\-\s]\d{2,4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _unknown_quote_at(lines: list[str], number: int) -> bool:
    line = lines[number]
    if _attribution(line):
        return True
    if not _ADDRESS.search(line):
        return False
    if line.rstrip().endswith((":", "：")) and _DAY.search(line):
        rest = [x for x in lines[number + 1 : number + 3] if x.strip()]
        return bool(rest) and rest[0].lstrip().startswith(">")
    if not _LABEL_LINE.match(line):
        return False
    following = []
    for below in lines[number + 1 : number + 1 + 5]:
        if not below.strip():
            break
        if not _LABEL_LINE.match(below):
            break
        following.append(below)
    return len(following) >= 2 and any(_TIME.search(x) and _DAY.search(x) for x in following)


# A reply's attribution line in a language no file describes, with no address in it: a day in
# figures and a time, then a name, ending with a colon, alone on its line ("El 1/12/26 a les
# 10:02, Vendes ha escrit:", "2026. 12. 1. 오전 10:02, Sales 작성:").
_NUMERIC_DAY = re.compile(
    r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}(?:[./-]|\.\s)\d{1,2}(?:[./-]|\.\s)\d{1,2})(?!\d)"
)


def _attribution(line: str) -> bool:
    text = line.strip()
    if not (12 <= len(text) <= 160) or not text.endswith((":", "：")) or text.startswith(">"):
        return False
    day, time = _NUMERIC_DAY.search(text), _TIME.search(text)
    if not day or not time:
        return False
    after = text[max(day.end(), time.end()) : -1]
    return bool(re.search(r"[^\W\d_]{2,}", after))  # a name (and a word) after the day and time


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern[str]:
    words = _alternation(languages.load().forward_prefixes)
    # "FW: ", "Fwd: ", "[EXT] WG: ", "转发：", "Továbbítás: "
    return re.compile(rf"^\s*(?:\[[^\]]{{1,20}}\]\s*)?(?P<prefix>{words})\s*(?:\[\d+\])?\s*[:：]", re.I)


def is_reply(message: Message) -> bool:
    """Whether the message says what it answers: In-Reply-To, References or a reply prefix."""
    return bool(message.in_reply_to or message.references or REPLY_PREFIX.match(message.subject or ""))


def forward_prefix(subject: str) -> str | None:
    match = _prefix_pattern().match(subject or "")
    return match.group("prefix") if match else None


def forward_prefix_removed(subject: str) -> str:
    """``subject`` without the forward and reply prefixes it starts with ("FW: RE: WG: …")."""
    text = subject or ""
    while True:
        match = _prefix_pattern().match(text) or REPLY_PREFIX.match(text)
        if not match or match.end() == 0:
            return text.strip()
        text = text[match.end() :]


# --------------------------------------------------------------------------- forwarded orders


@dataclass(frozen=True)
class Forward:
    """The mail a message forwards: its sender (the customer, not our colleague) and its text."""

    from_addr: str
    from_name: str
    text: str  # the forwarded mail's own text, below its header block
    how: str  # for --explain: what showed it is a forward
    sent: str = ""  # the value of its header block's date line ("Friday, 13 November 2026 16:05")
    quoted: bool = False  # an earlier mail of a reply's thread (``lift``), not a forward


def unfold(message: Message, our_domains: list[str] | tuple[str, ...] = ()) -> tuple[Message, Forward | None]:
    """``message`` with a forwarded mail's text made part of its own, and that mail's sender.

    A message forwards another when its subject says so ("FW:", "WG:", "转发:"), a forward's
    marker line is in its text (also the one written for an attached message/rfc822), it
    comes from our own domain, or it replies to nothing (no In-Reply-To, no References, no
    "Re:") — and a quoted header block follows. The original's sender is the
    first block's sender that is neither us nor the forwarder's domain (a colleague may forward
    a colleague's forward), else the first one that is not us. Its header block is replaced by
    one marker line (so the reply cut keeps the text, and its "Date:" and "To:" lines are not
    read as the order's), and older mail quoted under the original is left out."""
    text = message.text or ""
    blocks = header_blocks(text)
    ours = {d.lower().strip() for d in our_domains if d.strip()}
    outer = domain_of(message.from_addr)
    prefix = forward_prefix(message.subject or "")
    if not blocks:
        return _quoted_forward(message, prefix, ours) if prefix else (message, None)
    marker = forward_marker(text)
    if prefix:
        how = f"the subject starts with {prefix!r}"
    elif marker is not None:
        how = "a forward marker line"
    elif outer and is_ours(outer, ours):
        how = f"sent from our own domain {outer}"
    elif not is_reply(message):
        # A quoted mail under a note, in a message that answers nothing: forwarded by hand
        # (the subject left empty or rewritten). A reply would say what it answers.
        how = "a quoted mail in a message that replies to none"
    else:
        return message, None
    outside = [b for b in blocks if b.from_addr and not is_ours(domain_of(b.from_addr), ours)]
    chosen = next((b for b in outside if domain_of(b.from_addr) != outer), outside[0] if outside else blocks[0])
    lines = text.split("\n")
    later = [b for b in blocks if b.start >= chosen.end]
    stop = later[0].start if later else len(lines)
    kept: list[str] = []
    position = 0
    for block in [b for b in blocks if b.end <= chosen.end]:
        kept.extend(lines[position : block.start])
        kept.append(CANONICAL_MARKER)
        position = block.end
    original = _unquote(lines[chosen.end : stop])
    unfolded = "\n".join(kept + original)
    dated = (_patterns()["date"].match(line) for line in lines[chosen.start : chosen.end])
    sent = next((m.group("value").strip() for m in dated if m), "")
    forward = Forward(chosen.from_addr, chosen.from_name, "\n".join(original), how, sent)
    return replace(message, text=unfolded), forward


def _quoted_forward(message: Message, prefix: str, ours: set[str]) -> tuple[Message, Forward | None]:
    """A forward written as a reply's quote ("Fwd:" over "Em qui., 3 de dez. de 2026 às 15:12,
    Carla Souza <carla@…> escreveu:" and the mail quoted with ">"): the quoted mail is the
    forwarded one, its writer the attribution line's address."""
    lines = (message.text or "").split("\n")
    for number, line in enumerate(lines):
        if len(line) > 300 or line.lstrip().startswith(">"):
            continue
        said = _patterns()["wrote"].search(line) or _attribution(line)
        found = _ADDRESS.search(line)
        if not said or not found or is_ours(domain_of(found.group(0)), ours):
            continue
        below = [x for x in lines[number + 1 :] if x.strip()]
        if not below or sum(x.lstrip().startswith(">") for x in below) * 2 <= len(below):
            continue
        address = found.group(0).lower()
        name = re.sub(r"mailto:|[<>\[\]\"]", " ", line[: found.start()]).split(",")[-1].strip()
        original = _unquote(lines[number + 1 :])
        unfolded = "\n".join([*lines[:number], CANONICAL_MARKER, *original])
        how = f"the subject starts with {prefix!r} over a quoted mail"
        return replace(message, text=unfolded), Forward(address, name, "\n".join(original), how)
    return message, None


def _unquote(lines: list[str]) -> list[str]:
    """The forwarded text without one level of "> " when the client quoted it that way."""
    filled = [line for line in lines if line.strip()]
    if filled and sum(line.lstrip().startswith(">") for line in filled) * 2 > len(filled):
        return [re.sub(r"^\s*> ?", "", line) for line in lines]
    return lines


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1].lower() if "@" in (address or "") else ""


def is_ours(domain: str, ours: set[str]) -> bool:
    return bool(domain) and any(domain == d or domain.endswith("." + d) for d in ours)


# --------------------------------------------------------------------------- the mails of a thread


@dataclass(frozen=True)
class QuotedMail:
    """One earlier mail quoted in a reply: its sender, its own text (one level of ">" taken
    off, the mails quoted under it left out) and the value of its date line, if any."""

    from_addr: str
    from_name: str
    text: str
    sent: str
    head: str  # the line that starts it, for --explain


_MAX_DEPTH = 8  # mails down a thread that are looked at


def quoted_mails(text: str) -> list[QuotedMail]:
    """The earlier mails quoted in ``text``, newest first: each starts where ``reply_cut`` finds
    one (an Outlook header block in any language, a Thunderbird or Foxmail "Original" marker, a
    Gmail or Apple Mail attribution line) and ends where the next starts, one level of ">"
    quoting taken off at each step."""
    out: list[QuotedMail] = []
    lines = text.split("\n")
    while len(out) < _MAX_DEPTH:
        cut = reply_cut("\n".join(lines))
        if cut is None:
            break
        end, addr, name, sent = _head(lines, cut)
        if end <= cut:
            break
        rest = _unquote(lines[end:])
        inner = reply_cut("\n".join(rest))
        own = rest[:inner] if inner is not None else rest
        out.append(QuotedMail(addr, name, "\n".join(own).strip("\n"), sent, lines[cut].strip()[:80]))
        lines = rest
    return out


def _head(lines: list[str], cut: int) -> tuple[int, str, str, str]:
    """(the line after the quoted mail's head, its sender's address, name, date value): the head
    is a marker line or a rule, an attribution line, and the "label: value" lines under them."""
    patterns = _patterns()
    addr = name = sent = ""
    index = cut
    labels = 0
    marked = False  # under a marker line, "Sujet : …" and "Pour : …" are the head's too
    while index < len(lines) and index - cut <= _MAX_BLOCK + 2:
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            if labels:
                break
            index += 1
            continue
        if len(line) > 300:
            break
        kind = _kind_of(line)
        if kind == "from" and not addr and not name:
            name, addr = sender_of(patterns["from"].match(line).group("value"))  # type: ignore[union-attr]
            labels += 1
        elif kind == "date" and not sent:
            sent = patterns["date"].match(line).group("value").strip()  # type: ignore[union-attr]
            labels += 1
        elif kind or ((labels or marked) and _LABEL_LINE.match(line)) or (labels and line[:1] in " \t"):
            labels += 1  # To, Cc, Subject; a label of a language no file describes; a wrapped line
        elif index == cut and (_is_marker(line) or _RULE.fullmatch(line) or "-----" in stripped):
            marked = True  # "-----Original Message-----", Outlook's rule, Foxmail's "------ Original ------"
        elif not labels and (patterns["wrote"].search(line) or _attribution(line) or _attributed(lines, index)):
            found = _ADDRESS.search(line)
            addr = found.group(0).lower() if found else ""
            name = _attribution_name(line[: found.start()] if found else line)
            sent = sent or stripped
            return index + 1, addr, name, sent
        elif not labels and not addr and _LABEL_LINE.match(line) and _unknown_quote_at(lines, index):
            name, addr = sender_of(line.split(":", 1)[-1] if ":" in line else line.split("：", 1)[-1])
            labels += 1  # "Από: Πωλήσεις <sales@…>": a From line in a language no file describes
        else:
            break
        index += 1
    return index, addr, name, sent


def _attributed(lines: list[str], index: int) -> bool:
    """A line naming an address and a day that ends with a colon, over lines quoted with ">"."""
    line = lines[index]
    return line.rstrip().endswith((":", "：")) and bool(_ADDRESS.search(line)) and _unknown_quote_at(lines, index)


_WROTE_TIME = re.compile(r"^.*?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|Uhr|h))?[\s,，、]*")


def _attribution_name(before: str) -> str:
    """The writer's name in an attribution line, before the address: after its day and time
    ("On Wed, Nov 18, 2026 at 10:12 AM Dana Whitfield", "Il giorno … alle ore 10:12 Dana"),
    without the word for "wrote" ("… 10:12 schreef Dana"), "mailto:" and brackets."""
    text = re.sub(r"mailto:|[<>\[\]\"()]", " ", before)
    text = _WROTE_TIME.sub("", text) if _WROTE_TIME.match(text) else text.split(",")[-1]
    words = _patterns()["wrote"]
    text = " ".join(w for w in text.split() if not words.fullmatch(w + ":"))
    return re.sub(r"\s+", " ", text).strip(" ,，:：")


def lift(message: Message, mail: QuotedMail, how: str) -> tuple[Message, Forward]:
    """``message`` with the quoted ``mail`` made its content, as ``unfold`` does for a forward:
    the reply's own words, a marker line, then the mail's own text (not the mails under it)."""
    text = message.text or ""
    cut = reply_cut(text)
    lines = text.split("\n")
    top = lines[:cut] if cut is not None else lines
    unfolded = "\n".join([*top, CANONICAL_MARKER, mail.text])
    addr, name = mail.from_addr, mail.from_name
    if not addr:  # "On 18/11/2026 10:12, Dana Whitfield wrote:": no address; the one replying is the nearest
        addr, name = (message.from_addr or "").lower(), name or message.from_name or ""
    return replace(message, text=unfolded), Forward(addr, name, mail.text, how, mail.sent, True)
