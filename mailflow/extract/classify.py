"""What a message is: purchase order, payment advice, inspection reply, change request,
auto-reply or other; and which PO numbers it refers to.

Contract
    ``classify(message, vocab, known_po, rule=None) -> Classification`` is pure. Cues, in order:

    1. auto-reply headers (Auto-Submitted other than "no" and "auto-generated", which ERPs send
       their orders with; X-Autoreply, X-Autorespond,
       Precedence: auto_reply) and auto-reply subjects ("Automatic reply", "自动回复");
    2. the rule's ``kind`` when it forces one;
    3. cue words from the vocabulary (English and Chinese), weighted by where they are:
       subject 3, attachment name 2, body 1 (the body without quoted earlier mail). A payment,
       inspection or change cue beats a purchase-order cue only when it weighs more;
    4. a reply (In-Reply-To, References, "Re:") that names a PO already known
       (``known_po``) is about that order, so it is never a new purchase order.

    ``kind`` may stay "other" here; the extractor promotes it to purchase_order when a document
    calls itself one (``document_title``) or it finds an order table in the message.
    ``references`` lists PO numbers written after a PO label ("PO NW-4411", "订单号: HQ2026-07"),
    plus any code-like word ``known_po`` recognises.

    ``document_title(text, vocab) -> Title`` is what a document says it is, read from its own
    title ("PURCHASE ORDER", "Bon de commande n° 4411", "FACTURA", "注文書"), never from the
    file's name: a file named purchase_order_x.pdf whose title is "Invoice" is an invoice.

    ``positively_other(message, company_domains)`` names what makes a message certainly not an
    order (a mailing list, our own mail); such a message is never raised as a possible order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from ..model import Message
from . import quoted
from .alternation import Alternation, alternation
from .body import THIN_ORDER_WORDS, strip_quoted
from .quoted import REPLY_PREFIX
from .vocabulary import Vocabulary, norm

Titles = Alternation | re.Pattern[str]  # every title a document may give itself, in one pattern

AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder")
# A reference holds a digit within its own 32 characters: looked for further, each letter of a long
# run without one ("----…", a pasted key) scanned the whole run again, and 64 kB took minutes.
PO_REFERENCE = re.compile(
    r"(?:\bP\.?\s?O\b\.?|\bpurchase\s+order\b|\border\b|\bBestellung\b|订单|采购单|合同)"
    r"\s*(?:no\.?|number|nr\.?|#|号|编号)?\s*[:：#]?\s*"
    r"(?P<po>(?=[A-Za-z0-9\-_/]{0,31}\d)[A-Za-z0-9][A-Za-z0-9\-_/]{2,30}[A-Za-z0-9])",
    re.I,
)
CODE_WORD = re.compile(r"(?=[A-Za-z0-9\-_/]{0,31}\d)[A-Za-z0-9][A-Za-z0-9\-_/]{2,30}[A-Za-z0-9]")
WEIGHTS = {"subject": 3, "attachment": 2, "body": 1}
# What every mail a system sends carries in its footer, an order notification too ("unsubscribe
# from these notifications"): with any order word beside them, a person decides, never the cue.
LIST_MARKERS = ("unsubscribe", "newsletter")
OTHER_KINDS = ("payment_advice", "inspection_reply", "change_request")


@dataclass
class Classification:
    kind: str = "other"
    references: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # for --explain
    scores: dict[str, int] = field(default_factory=dict)
    about_known_order: bool = False  # a reply naming a PO we already have
    not_order: bool = False  # a request for quotation, a newsletter: never read as an order
    doubts: list[str] = field(default_factory=list)  # why a person must confirm the kind (warnings)


def classify(
    message: Message,
    vocab: Vocabulary,
    known_po: Callable[[str], bool] = lambda po: False,
    forced_kind: str | None = None,
) -> Classification:
    result = Classification()
    body = strip_quoted(message.text or "")[:6000]
    result.references = references(f"{message.subject}\n{message.text or ''}", known_po)
    reply = quoted.is_reply(message)
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

    places = {"subject": message.subject or "", "body": _without_terms(body, vocab)}
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
    if reply:  # a reply names the quotation or request it answers, and may accept it: not certainly no order
        quotes = {norm(w) for kind in ("quotation", "rfq") for w in vocab.documents.get(kind, [])}
        not_order = [cue for cue in not_order if norm(cue) not in quotes]
    subject_po = PO_REFERENCE.search(message.subject or "")
    subject_says_other = any(cue_hits(message.subject or "", vocab.kinds[k]) for k in OTHER_KINDS)
    if subject_po and not REPLY_PREFIX.match(message.subject or "") and not subject_says_other:
        scores["purchase_order"] += 2  # "PO AR-7781" as a subject names an order, weakly
        found_cues.setdefault("purchase_order", []).append(f"subject PO number '{subject_po.group('po')}'")
    result.scores = scores
    best_other = max(OTHER_KINDS, key=lambda k: scores[k])
    po, other = scores["purchase_order"], scores[best_other]
    # only a footer's "unsubscribe", in a mail that speaks of an order or prints an order number
    listed = all(norm(cue) in LIST_MARKERS for cue in not_order) and (po > 0 or names_a_po_number(body, vocab))
    if not_order and other < 2 and (po >= 3 or listed):
        # "our purchase order 4411, as per your quotation": an order names the quote it follows
        result.doubts.append(
            f"the mail speaks of an order and also of '{not_order[0]}': a person confirms it is an order"
        )
    elif not_order and other < 2:
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


def _without_terms(text: str, vocab: Vocabulary) -> str:
    """The body without its payment-terms lines ("付款方式：订金30%，尾款70%", "Payment: T/T 30
    days"): every order states its terms, and their words ("付款", "deposit") are not a
    payment being advised."""
    labels = [w for w in vocab.labels.get("payment_terms", ()) if " " in w or not w.isascii() or len(w) > 12]
    pattern = _terms_pattern(tuple(labels))  # not a bare "Payment:", which may be the advice itself
    return pattern.sub("", text) if pattern else text


@lru_cache(maxsize=8)
def _terms_pattern(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    if not labels:
        return None
    words = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    # to the end of the sentence: "Payment terms: 30% deposit. We have remitted ..." keeps the rest
    return re.compile(
        rf"(?:(?<![\w])|(?<=[\u4e00-\u9fff]))(?:{words})\s*[:：][^\n。]*?(?:[.。](?=\s|$)|$)", re.I | re.M
    )


def _known(known_po: Callable[[str], bool], po: str) -> bool:
    try:
        return bool(known_po(po))
    except Exception:  # a lookup failure must not lose the message; it just is not known
        return False


@lru_cache(maxsize=None)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    """Compiled once per cue: the vocabulary has more cues than the ``re`` module's own cache holds."""
    return re.compile(rf"(?<![a-z]){re.escape(cue)}(?![a-z])" if cue.isascii() else re.escape(cue))


@lru_cache(maxsize=64)
def _longest_first(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(cues, key=len, reverse=True))


def cue_hits(text: str, cues: list[str]) -> list[str]:
    """The cues found in ``text``: whole words for Latin cues, substrings for Chinese ones.

    A cue inside a longer cue that also matched ("订单" in "采购订单") is not counted twice.
    """
    lowered = text.lower()
    hits: list[str] = []
    spans: list[tuple[int, int]] = []
    for cue in _longest_first(tuple(cues)):
        if cue not in lowered:  # the pattern matches the cue's own letters: no need to run it
            continue
        for match in _cue_pattern(cue).finditer(lowered):
            if any(a <= match.start() and match.end() <= b for a, b in spans):
                continue
            spans.append(match.span())
            if cue not in hits:
                hits.append(cue)
    return hits


def _auto_reply(message: Message, vocab: Vocabulary) -> str | None:
    content_type = (message.header("content-type") or "").lower()
    if content_type.startswith("multipart/report") and "delivery-status" in content_type:
        return "a delivery status report (bounce, RFC 3464)"
    submitted = (message.header("auto-submitted") or "").strip().lower()
    # RFC 3834: "auto-replied" answers a message (out of office); "auto-generated" is any message
    # a program sends on its own — an ERP sending its purchase orders too. Only a reply is one.
    if submitted and submitted != "no" and not submitted.startswith("auto-generated"):
        return f"header Auto-Submitted: {submitted}"
    if submitted.startswith("auto-generated") and any(
        name.lower().startswith("x-mailflow-") for name, _ in message.headers
    ):
        return "header Auto-Submitted: auto-generated, by mailflow itself"
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
    out: dict[str, None] = {}  # in order, and asked whether it holds one at once
    for match in PO_REFERENCE.finditer(text):
        po = match.group("po").rstrip(".-/")
        if po.lower() not in ("number", "confirmation"):
            out.setdefault(po)
    for match in CODE_WORD.finditer(text):
        word = match.group(0)
        if word not in out and _known(known_po, word):
            out[word] = None
    return list(out)


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters make up a real share of the letters, else "en"."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk >= 4 and cjk * 3 >= latin * 0.5 else "en"


# --------------------------------------------------------------------------- what a document says it is

# Words before a title that make it a reference to another document, not this one's title:
# "Your purchase order 4411" on an invoice, "Send invoice to" on a PO.
_NOT_TITLE_BEFORE = {
    "your",
    "our",
    "ref",
    "re",
    "reference",
    "against",
    "per",
    "as",
    "for",
    "see",
    "this",
    "the",
    "with",
    "under",
    "of",
    "to",
    "from",
    "on",
    "in",
    "by",
    "send",
    "mail",
    "email",
    "submit",
    "all",
    "must",
    "copy",
    "ihre",
    "ihrer",
    "unsere",
    "unserer",
    "zur",
    "zu",
    "votre",
    "notre",
    "vos",
    "nos",
    "su",
    "sua",
    "vuestro",
    "nuestro",
    "uw",
    "onze",
    "er",
    "vår",
    "din",
    "twoje",
    "nasze",
    "a",
    "de",
    "du",
    "la",
    "le",
    "el",
    "del",
    "vaše",
    "vaši",
    "naše",
    "naši",
    "k",
    "ke",
    "na",
    "jeres",
    "deres",
    "vores",
    "til",
    "ваш",
    "ваша",
    "вашего",
    "вашему",
    "наш",
    "наша",
    "по",
    "к",
    "на",
    "dvs",
    "dumneavoastră",
    "noastră",
    # "according to / as per / following" a quotation the order follows, in the other languages
    "ihr",
    "ihres",
    "unser",
    "unseres",
    "gemäß",
    "gem",
    "laut",
    "lt",
    "selon",
    "suivant",
    "secondo",
    "rif",
    "según",
    "segun",
    "conforme",
    "volgens",
    "enligt",
    "zgodnie",
    "według",
    "wg",
    "dle",
    "podle",
    "ifølge",
    "iht",
    "jf",
    "conform",
    "согласно",
    "following",
    "referencing",
    "regarding",
    "quoted",
}
_CODE = r"(?:[a-z]{0,6}[\s-]?)?(?=[\w\-/.]*\d)[\w][\w\-/.]*"
_TITLE_REST = re.compile(
    r"\s*(?:(?:no|nr|nro|n[°º]?|number|num|núm|número|numero|nummer|č|sz|numarası|số|št|br|бр|নং|নম্বর|نمبر|شماره|எண்|సంఖ్య|नं|համար|ნომერი|nömrə|raqam|нөмірі|нумар|ቁጥር|លេខ|နံပါတ်|#)\.?\s*)?[:：#]?\s*"
    rf"(?:{_CODE})?"
    r"(?:\s*[-/]?\s*(?:rev(?:ision)?\.?\s*\d+|page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*/\s*\d+|[(（][^)）]{1,30}[)）]))*\s*"
)

# The date after a title's number ("Счёт на оплату № 245 от 3 декабря 2026 г.", "Рахунок № 12 від
# 03.12.2026", "Rechnung 4711 vom 3. Dezember 2026", "Báo giá số 118 ngày 03 tháng 12 năm 2026"):
# a short word, then a few numbers and words holding a year. A label's value ("Invoice No.: 4411")
# carries no date: a title with its number and its date is the document's own title.
_TITLE_DATED = re.compile(
    r"\s*[^\W\d_]{1,6}\.?\s+(?=[^:：]*(?<!\d)(?:19|20)\d\d(?!\d))(?:[^\W_]{1,10}\.?[\s./\-,]*){2,7}"
)


@dataclass(frozen=True)
class Title:
    """What a document calls itself: ``kind`` is a document kind of the language files
    (purchase_order, invoice, credit_note, debit_note, proforma_invoice, quotation, rfq,
    statement, remittance, shipping_notice, return_note, order_acknowledgement) or None."""

    kind: str | None = None
    title: str = ""
    where: str = ""
    standalone: bool = False  # the title alone on its line, not "Purchase Order No. 4411"
    mentioned: bool = False  # no title: the document only names this kind again and again
    labelled: bool = False  # written as a label: "Quotation No.: Q-2231", a colon before the number

    def __bool__(self) -> bool:
        return self.kind is not None


def document_title(
    text: str, vocab: Vocabulary, name: str = "", max_lines: int = 120, whole_cells: bool = False
) -> Title:
    """The first title the document gives itself, top down (see the module docstring).

    A title stands alone in its cell or line ("PURCHASE ORDER"), perhaps after a few words of a
    company name ("Walmart Purchase Order") and before a number, a revision or a page number
    ("Pedido de Compra No.4300004732", "Quotation # SO008"). A title alone beats one with a
    number (which may be a label: "Purchase Order No: 4411" on an invoice).

    ``whole_cells``: only a title that is the whole of its segment (a workbook's cell holding
    "ALBARÁN DE ENTREGA" beside the sender's name), never one after other words.
    """
    pattern, kinds = _title_pattern(vocab)
    if pattern is None:
        return Title()
    numbered: Title | None = None
    lines = [line for line in text.splitlines() if line.strip()][:max_lines]
    for (kind, title, standalone), segment, where in _titles_in(lines, pattern, kinds, name, whole_cells):
        if standalone:
            return Title(kind, title, where, True)
        numbered = numbered or Title(kind, title, where, False, labelled=bool(re.search(r"[:：]", segment)))
    return numbered or _mentioned_kind(lines, pattern, kinds, name)


def _titles_in(
    lines: list[str], pattern: Titles, kinds: dict[str, str], name: str, whole_cells: bool = False
) -> Iterator[tuple[tuple[str, str, bool], str, str]]:
    """Each title of ``pattern`` in ``lines``, top down, cell by cell (a line's segments apart by
    two spaces, a tab or a bar): (``_title_in``'s answer, the segment, where it stands)."""
    for index, line in enumerate(lines):
        for segment in re.split(r"\s{2,}|\t|\s\|\s", line):
            found = _title_in(segment, pattern, kinds, whole_cells)
            if found is not None:
                yield (
                    found,
                    segment,
                    f"{name} line {index + 1}: {segment.strip()[:60]!r}" if name else f"line {index + 1}",
                )


def forecast_title(
    text: str, vocab: Vocabulary, name: str = "", max_lines: int = 40, whole_cells: bool = False
) -> Title:
    """A forecast's own title ("DEMAND FORECAST", "Bedarfsvorschau KW 49", "需求预测", "内示書"),
    found as ``document_title`` finds a title, among its first ``max_lines`` lines; else
    ``Title()``. A forecast states quantities the customer plans, not ones it orders."""
    words = tuple(sorted({norm(w) for w in vocab.kinds.get("forecast", ())}, key=len, reverse=True))
    pattern = _compiled_titles(words)
    if pattern is None:
        return Title()
    kinds = dict.fromkeys(words, "forecast")
    lines = [line for line in text.splitlines() if line.strip()][:max_lines]
    for (_, title, standalone), _segment, where in _titles_in(lines, pattern, kinds, name, whole_cells):
        return Title("forecast", title, where, standalone)
    return Title()


def forecast_file_name(name: str, vocab: Vocabulary) -> str | None:
    """The forecast word a file's name holds ("Forecast_KW49.xlsx", "需求预测2026.xlsx"), or None
    (also when the name calls it an order too: "PO_4711_forecast.xlsx" is for a person)."""
    words = re.sub(r"[_.\-]+", " ", re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)).lower()
    hits = cue_hits(words, [norm(w) for w in vocab.kinds.get("forecast", ())])
    if not hits or cue_hits(words, vocab.order_names):
        return None
    return hits[0]


def _mentioned_kind(lines: list[str], pattern: Titles, kinds: dict[str, str], name: str) -> Title:
    """No title: a document that names one other kind again and again ("N° de facture",
    "Date de facture", "votre facture") and never an order is that kind. Any order word keeps
    it undecided (then a person looks)."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in pattern.finditer(norm(line)):
            title = match.group(1)
            after = norm(line)[match.end() : match.end() + 1]
            if _alphabetic(title) and after.isalnum():
                continue
            # "please send your order confirmation": a document asking for one speaks of an order
            kind = "purchase_order" if kinds[title] == "order_acknowledgement" else kinds[title]
            counts[kind] = counts.get(kind, 0) + 1
    others = {k: n for k, n in counts.items() if k != "purchase_order"}
    if counts.get("purchase_order") or len(others) != 1:
        return Title()
    kind, count = others.popitem()
    if count < 2:
        return Title()
    return Title(kind, kind, f"{name}: names itself {a_kind(kind)} {count} times, never an order", mentioned=True)


def a_kind(kind: str) -> str:
    """ "an invoice", "a quotation", "an rfq": a document kind in a sentence."""
    words = kind.replace("_", " ")
    return ("an " if words[0] in "aeiou" or words == "rfq" else "a ") + words


def _title_in(
    segment: str, pattern: Titles, kinds: dict[str, str], whole_cells: bool = False
) -> tuple[str, str, bool] | None:
    text = norm(segment)
    if not text or len(text) > 90:
        return None
    for match in pattern.finditer(text):
        title = match.group(1)
        prefix, rest = text[: match.start(1)], text[match.end(1) :]
        if whole_cells and prefix.strip():
            continue
        if _alphabetic(title) and rest[:1].isalnum():
            continue  # "order" in "orderly", "заказ" in "заказчик"
        words = prefix.split()
        if _alphabetic(title):
            if prefix and not prefix.endswith(" ") or len(words) > 3:
                continue
            if any(w.strip(".,:") in _NOT_TITLE_BEFORE or re.search(r"\d|[:：]", w) for w in words):
                continue
        elif re.search(r"[\d:：]", prefix) or len(prefix) > 24:
            continue
        if rest.strip() == "" or _REMARK.fullmatch(rest):
            return kinds[title], title, True  # "内示書(注文書ではありません)", "Lieferschein (Kopie)"
        if _TITLE_REST.fullmatch(rest) and re.search(r"\d", rest):
            return kinds[title], title, False
        twin = re.match(r"\s*[/|]\s*", rest)
        if twin and prefix.strip() == "":  # "BÁO GIÁ / QUOTATION", "ĐƠN ĐẶT HÀNG / PURCHASE ORDER No. 118"
            other = _title_in(rest[twin.end() :], pattern, kinds)
            if other is not None and other[0] == kinds[title]:
                return kinds[title], title, other[2]
        numbered = _TITLE_REST.match(rest)
        if numbered and re.search(r"\d", numbered.group(0)) and _TITLE_DATED.fullmatch(rest[numbered.end() :]):
            return kinds[title], title, not re.search(r"[:：]", rest)  # "… № 245 от 3 декабря 2026 г."
    return None


# a remark in brackets after a title, with no number in it: "(Kopie)", "(注文書ではありません)"
_REMARK = re.compile(r"\s*[(（［\[][^()（）［］\[\]\d]{1,40}[)）］\]]\s*")


def _title_pattern(vocab: Vocabulary) -> tuple[Titles | None, dict[str, str]]:
    found: tuple[Titles | None, dict[str, str]] = vocab.kept("titles", lambda: _titles_of(vocab))
    return found


def _titles_of(vocab: Vocabulary) -> tuple[Titles | None, dict[str, str]]:
    kinds = {title: kind for kind, titles in vocab.documents.items() for title in titles}
    return _compiled_titles(tuple(sorted(kinds, key=len, reverse=True))), kinds


_WORDS_WITHOUT_SPACES = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def _alphabetic(title: str) -> bool:
    """A title in a script that separates words (Latin, Cyrillic...): it is matched as whole
    words ("счет" is not the title in "расчетный счет"'s first word). Chinese, Japanese,
    Korean, Thai, Lao, Myanmar and Khmer titles are matched inside runs of characters
    ("本公司采购订单"): those scripts write no space between words."""
    return not _WORDS_WITHOUT_SPACES.search(title)


@lru_cache(maxsize=8)
def _compiled_titles(titles: tuple[str, ...]) -> Titles | None:
    """One pattern for every title, longest first ("pedido de cotización" before "pedido");
    a title in a script with spaces starts a word."""
    if not titles:
        return None
    alternatives = [re.escape(t) if not _alphabetic(t) else rf"(?<![^\W_]){re.escape(t)}" for t in titles]
    return alternation(r"(?<![a-z0-9])", alternatives)  # each place tried among the titles of its letter


def names_a_po_number(text: str, vocab: Vocabulary, max_lines: int = 120) -> str | None:
    """The first "PO number" label with a value in ``text`` ("Bestellnummer: 4411", "PO No 4411",
    "注文番号：H-2611"), or None: what an order prints of itself, and an invoice of the order it bills."""
    for line in [line for line in text.splitlines() if line.strip()][:max_lines]:
        for segment in re.split(r"\s{3,}|\t|\s\|\s", line):
            found = vocab.label_at(segment.strip())
            if found and found[0] == "po_number" and re.search(r"\d", found[2]):
                return segment.strip()[:60]
    return None


# An order's number in a subject, whatever language the mail is in: after a word an order calls
# itself by or a PO-number label of any language file ("Bestellung 4711", "Pedido nº 88213",
# "Order #CP-26-0418"), one of the order words of languages no file describes (Catalan, Greek,
# Icelandic, Malay, Hindi...), or a bare number sign ("№ 4711-26", "# 88213").
_SUBJECT_SIGN = r"(?:no|nr|n°|nº|n\.º|núm|num|number|nummer|αρ|č|št|br|sz|sl|ref|संख्या|क्रमांक|सं)\.?|#|№"
_SUBJECT_CODE = r"(?P<po>(?=[A-Za-z0-9\-_/.]*\d)[A-Za-z0-9][A-Za-z0-9\-_/.]{1,30}[A-Za-z0-9])(?![\w\-/])"


@lru_cache(maxsize=4)
def _subject_po_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(
        rf"(?<![^\W_]){re.escape(w)}(?![^\W\d_])" if _alphabetic(w) else re.escape(w)
        for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(
        rf"(?:(?:{alternatives})\s*(?:{_SUBJECT_SIGN})?|(?<![^\W_])(?:#|№))\s*[:：#.]?\s*{_SUBJECT_CODE}",
        re.I,
    )


def subject_po_number(subject: str, vocab: Vocabulary) -> str | None:
    """The PO number a subject names ("PO 4512029509", "Order #CP-26-0418", "№ 4711-26",
    "Bestellung 4711", "Comanda 4512029509"), or None: never one of a subject that names another
    document (an invoice, a quotation) unless an order word names the number itself."""
    text = quoted.forward_prefix_removed(subject)
    words = tuple(
        w
        for w in [*vocab.labels.get("po_number", []), *vocab.documents.get("purchase_order", []), *THIN_ORDER_WORDS]
        if len(w) >= 2
    )
    found = _subject_po_pattern(words).search(text)
    if not found:
        return None
    po = found.group("po").rstrip(".")
    if not re.search(r"\d", po) or re.fullmatch(r"\d{1,3}", po) or _looks_like_a_date(po):
        return None
    return po


def mail_po_number(message: Message, vocab: Vocabulary, max_lines: int = 30) -> str | None:
    """The PO number a mail's subject or its own text names ("PO 4500012345", "Our order number:
    4500012345", "Bestellung 4711"), or None: read as a subject's is, line by line."""
    lines = [message.subject or "", *strip_quoted(message.text or "").splitlines()[:max_lines]]
    return next((po for line in lines if line.strip() and (po := subject_po_number(line, vocab))), None)


def _looks_like_a_date(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}", text))


# Words that make an order number someone else's: "Your PO", "Ihre Bestellung", "Votre commande",
# "Customer PO", "貴社注文番号". A document naming the order as its reader's answers an order
# (a confirmation, a delivery note, an invoice): an order names its own number.
_THEIR_ORDER = re.compile(
    r"(?<![^\W\d_])(?:your|yours|ihre|ihrer|ihr|votre|vos|vuestro|vuestra|su|sua|vostro|vostra|uw|er|ert|din|"
    r"deres|jeres|wasz|wasze|twoje|vaše|vaši|vaše|ваш|ваша|вашего|customer|customer's|cust|client|kunden|"
    r"klant|kund|cliente)(?![^\W\d_])|客户|客戶|貴社|御社|贵司|貴司|贵方|貴方",
    re.I,
)


def names_their_order(text: str, po_number: str, max_lines: int = 120) -> str | None:
    """The line that names ``po_number`` as the reader's or the customer's order ("Your PO:
    4500012817", "Ihre Bestellung 4500012817 vom …"), or None."""
    if not po_number:
        return None
    for line in [line for line in text.splitlines() if line.strip()][:max_lines]:
        at = line.find(po_number)
        if at > 0 and _THEIR_ORDER.search(line[max(0, at - 40) : at]):
            return line.strip()[:80]
    return None


def positively_other(
    message: Message, company_domains: list[str] | tuple[str, ...] = (), forwarded: bool = False
) -> str | None:
    """Why ``message`` is certainly not a customer's order (mail nobody needs to look at for
    one), or None. Auto-replies and bounces are found by ``classify`` already. Our own mail
    that forwards another or passes a document on (``forwarded``: a colleague handing on a
    customer's order, with or without a forward marker) is not certainly anything: what it
    carries decides."""
    if message.header("list-id"):
        return f"a mailing list message (List-Id {message.header('list-id')[:60]})"
    if forwarded:
        return None
    sender = (message.from_addr or "").lower()
    for domain in company_domains:
        domain = domain.lower().strip()
        if domain and (sender.endswith("@" + domain) or sender.endswith("." + domain)):
            return f"sent from our own domain {domain}"
    return None
