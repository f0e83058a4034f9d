"""What a message is: purchase order, payment advice, inspection reply, change request,
auto-reply or other; and which PO numbers it refers to.

Contract
    ``classify(message, vocab, known_po, rule=None) -> Classification`` is pure. Cues, in order:

    1. auto-reply headers (Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
       Precedence: auto_reply) and auto-reply subjects ("Automatic reply", "自动回复");
    2. the rule's ``kind`` when it forces one;
    3. cue words from the vocabulary (English and Chinese), weighted by where they are:
       subject 3, attachment name 2, body 1 (the body without quoted earlier mail). A payment,
       inspection or change cue beats a purchase-order cue only when it weighs more;
    4. a reply (In-Reply-To, References, "Re:") that names a PO already known
       (``known_po``) is about that order, so it is never a new purchase order.

    ``kind`` may stay "other" here; the extractor promotes it to purchase_order when it finds
    an order table in the message. ``references`` lists PO numbers written after a PO label
    ("PO NW-4411", "订单号: HQ2026-07"), plus any code-like word ``known_po`` recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .extract.body import strip_quoted
from .extract.vocabulary import Vocabulary
from .model import Message

AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder")
REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|回复|答复)\s*[:：]", re.I)
PO_REFERENCE = re.compile(
    r"(?:\bP\.?\s?O\b\.?|\bpurchase\s+order\b|\border\b|\bBestellung\b|订单|采购单|合同)"
    r"\s*(?:no\.?|number|nr\.?|#|号|编号)?\s*[:：#]?\s*"
    r"(?P<po>(?=[A-Za-z0-9\-_/]*\d)[A-Za-z0-9][A-Za-z0-9\-_/]{2,30}[A-Za-z0-9])",
    re.I,
)
CODE_WORD = re.compile(r"(?=[A-Za-z0-9\-_/]*\d)[A-Za-z0-9][A-Za-z0-9\-_/]{2,30}[A-Za-z0-9]")
WEIGHTS = {"subject": 3, "attachment": 2, "body": 1}
OTHER_KINDS = ("payment_advice", "inspection_reply", "change_request")


@dataclass
class Classification:
    kind: str = "other"
    references: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # for --explain
    scores: dict[str, int] = field(default_factory=dict)
    about_known_order: bool = False  # a reply naming a PO we already have
    not_order: bool = False  # a request for quotation, a newsletter: never read as an order


def classify(
    message: Message,
    vocab: Vocabulary,
    known_po: Callable[[str], bool] = lambda po: False,
    forced_kind: str | None = None,
) -> Classification:
    result = Classification()
    body = strip_quoted(message.text or "")[:6000]
    result.references = references(f"{message.subject}\n{message.text or ''}", known_po)
    reply = bool(message.in_reply_to or message.references or REPLY_PREFIX.match(message.subject or ""))
    known = [po for po in result.references if _known(known_po, po)]
    result.about_known_order = reply and bool(known)

    auto = _auto_reply(message, vocab)
    if auto:
        result.kind = "auto_reply"
        result.reasons.append(f"kind = auto_reply  ← {auto}")
        return result
    if forced_kind:
        result.kind = forced_kind
        result.reasons.append(f"kind = {forced_kind}  ← the inbox rule says so")
        return result

    places = {"subject": message.subject or "", "body": body}
    for attachment in message.attachments:
        if not attachment.inline:
            places.setdefault("attachment", "")
            name = attachment.original_filename or attachment.filename
            places["attachment"] += " " + re.sub(r"[_.\-]+", " ", name)  # Purchase_Order_7781.pdf
    scores: dict[str, int] = {}
    found_cues: dict[str, list[str]] = {}
    for kind in ("purchase_order", *OTHER_KINDS):
        score = 0
        for place, text in places.items():
            for cue in cue_hits(text, vocab.kinds[kind]):
                score += WEIGHTS[place]
                found_cues.setdefault(kind, []).append(f"{place} '{cue}'")
        scores[kind] = score
    not_order = [cue for place in ("subject", "body") for cue in cue_hits(places[place], vocab.kinds["not_order"])]
    subject_po = PO_REFERENCE.search(message.subject or "")
    subject_says_other = any(cue_hits(message.subject or "", vocab.kinds[k]) for k in OTHER_KINDS)
    if subject_po and not REPLY_PREFIX.match(message.subject or "") and not subject_says_other:
        scores["purchase_order"] += 2  # "PO AR-7781" as a subject names an order, weakly
        found_cues.setdefault("purchase_order", []).append(f"subject PO number '{subject_po.group('po')}'")
    result.scores = scores
    best_other = max(OTHER_KINDS, key=lambda k: scores[k])
    po, other = scores["purchase_order"], scores[best_other]
    if not_order and other < 2:
        result.not_order = True
        result.reasons.append(f"kind = other  ← not an order: '{not_order[0]}'")
        return result
    # "订单" or "order" says little; "变更", "payment advice" say what happens to an order.
    if other >= 2 and other >= po:
        result.kind = best_other
    elif po >= 2 and not result.about_known_order:
        result.kind = "purchase_order"
    elif other >= 1 and (po == 0 or result.about_known_order):
        result.kind = best_other
    if result.kind != "other":
        result.reasons.append(f"kind = {result.kind}  ← " + ", ".join(found_cues.get(result.kind, [])[:4]))
    if known:
        result.reasons.append(f"refers to known order(s): {', '.join(known)}" + (" (a reply)" if reply else ""))
    return result


def _known(known_po: Callable[[str], bool], po: str) -> bool:
    try:
        return bool(known_po(po))
    except Exception:  # a lookup failure must not lose the message; it just is not known
        return False


def cue_hits(text: str, cues: list[str]) -> list[str]:
    """The cues found in ``text``: whole words for Latin cues, substrings for Chinese ones.

    A cue inside a longer cue that also matched ("订单" in "采购订单") is not counted twice.
    """
    lowered = text.lower()
    hits: list[str] = []
    spans: list[tuple[int, int]] = []
    for cue in sorted(cues, key=len, reverse=True):
        pattern = rf"(?<![a-z]){re.escape(cue)}(?![a-z])" if cue.isascii() else re.escape(cue)
        for match in re.finditer(pattern, lowered):
            if any(a <= match.start() and match.end() <= b for a, b in spans):
                continue
            spans.append(match.span())
            if cue not in hits:
                hits.append(cue)
    return hits


def _auto_reply(message: Message, vocab: Vocabulary) -> str | None:
    submitted = (message.header("auto-submitted") or "").strip().lower()
    if submitted and submitted != "no":
        return f"header Auto-Submitted: {submitted}"
    for name in AUTO_HEADERS:
        if message.header(name) is not None:
            return f"header {name}"
    precedence = (message.header("precedence") or "").strip().lower()
    if precedence == "auto_reply":
        return "header Precedence: auto_reply"
    hits = cue_hits(message.subject or "", vocab.kinds["auto_reply"])
    if hits:
        return f"subject '{hits[0]}'"
    return None


def references(text: str, known_po: Callable[[str], bool] = lambda po: False) -> list[str]:
    """PO numbers named in ``text``, in order of appearance, without repeats."""
    out: list[str] = []
    for match in PO_REFERENCE.finditer(text):
        po = match.group("po").rstrip(".-/")
        if po.lower() in ("number", "confirmation") or po in out:
            continue
        out.append(po)
    for match in CODE_WORD.finditer(text):
        word = match.group(0)
        if word not in out and _known(known_po, word):
            out.append(word)
    return out


def detect_language(text: str) -> str:
    """"zh" when Chinese characters make up a real share of the letters, else "en"."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk >= 4 and cjk * 3 >= latin * 0.5 else "en"
