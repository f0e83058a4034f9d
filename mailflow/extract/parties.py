"""Who is buying: the customer (a company) and the contact (a person), never a label or us.

Contract
    ``decide_customer(evidence) -> Decision`` walks the chain and stops at the first link that
    names a company:

    1. ``rule``         the inbox rule's customer (or its field pattern);
    2. ``master``       the customer master's name for the sender (a lookup passed in by the
                        pipeline: ``ParseContext.customer_of``; none by default);
    3. ``party_block``  a party block of the document (Bill To, Sold To, Buyer, Purchaser,
                        Auftraggeber, 需方, 発注者 … from the language files) whose lines hold a
                        company name;
    4. ``letterhead``   a company name with a legal form (Inc., GmbH, S.r.l., 株式会社 …) near
                        the top of the document, not in the supplier's block;
    5. ``sender``       the sender's display name when it is a company (or the part of it that
                        is: "Dana Whitfield | Harborline Inc."), a company name in the mail's
                        signature. The sender's domain is not a company's name: it is named in
                        the warning for the person who decides, never taken.

    Never a person ("Irene Young" under Purchaser becomes the ``contact``), never a label
    ("Ship From", "Care"), an address line, or our own company. When no link names one, the
    customer stays None and the caller flags the order for review — never a guess.

    ``party_blocks(lines, vocab)`` reads the blocks: the label's own value ("Bill To: ACME Inc")
    and the lines below it in the same column.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import compiled
from .document import Line
from .fields import COMPANY_NAME, company_names, is_company, party_name
from .normalize import fold, is_us_address
from ..customers import free_mail_domains
from .vocabulary import Vocabulary, norm

SOURCES = ("rule", "master", "party_block", "letterhead", "sender")

# Mail providers anyone can use: their domain says nothing about the company.
FREE_MAIL = (
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.jp",
    "yahoo.com.tw",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "t-online.de",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "libero.it",
    "virgilio.it",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sohu.com",
    "139.com",
    "aliyun.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "wp.pl",
    "o2.pl",
    "interia.pl",
    "seznam.cz",
    "ziggo.nl",
    "telia.com",
    "bigpond.com",
)
# Words that make a name a company even without a legal form ("Community Coffee Company").
COMPANY_WORDS = re.compile(
    r"\b(?:company|corporation|group|industries|industry|manufacturing|enterprises?|holdings?|trading|"
    r"foods?|farms?|systems|technologies|technology|electronics|international|global|solutions|"
    r"products|laboratories|labs?|works|werke?|gruppe|industrie|société|groupe|grupo|gruppo|"
    r"fabrik|fábrica|usine|nurseries|mills?|stores?|retail|supply|distribution)\b",
    re.I,
)
# A legal form that ends a name of capitalised words, in any language: never a person's name
_LEGAL_TAIL = re.compile(
    r"(?<![^\W\d_])(?:sdn\.?\s?bhd|bhd|berhad|ehf|hf|pte\.?\s?ltd|pvt\.?\s?ltd|bpk|sh\.p\.k|ltd|llc|inc|gmbh|"
    r"s\.a\.s|sas|s\.r\.l|srl|d\.o\.o|s\.r\.o|kft|oy|ab|a/s|aps|uab|llp|plc|b\.v|n\.v|tbk)\.?$",
    re.I,
)
_CJK_COMPANY = re.compile(r"(?:公司|集团|工厂|厂|株式会社|有限会社|合同会社|企業社|商行|商店)$")
_TITLE_PREFIX = re.compile(r"^(?:mr|mrs|ms|miss|dr|herr|frau|m|mme|mlle|sr|sra|sig|sig\.ra|dhr|mevr)\.?\s+", re.I)
_ADDRESS = re.compile(
    r"^\d|\b(?:p\.?\s?o\.?\s*box|box\s*\d|street|st\.|road|rd\.?|avenue|ave\.?|drive|dr\.?|blvd|boulevard|"
    r"suite|floor|lane|way|parkway|pkwy|highway|hwy|straße|strasse|str\.|weg|platz|rue|avenue|via|calle|"
    r"carr\.|rua|straat|gatan|ul\.|building|bldg)\b|"
    r"[路街道区區市省县縣号號楼樓室]\s*\d|\d\s*[号號楼樓室]|邮政编码|郵遞區號|〒",
    re.I,
)
# A street line in the languages of data/languages/: a street word ending a compound
# ("Bahnhofstrasse 12", "Energieweg 14", "Hamnvägen 3", "Mannerheimintie 5") or opening the line
# ("Via Roma 5", "C/ Torrent 12", "ul. Długa 4"), or a few words ending in a house number.
_STREET = re.compile(
    r"^\D{0,40}?[^\W\d_]*(?:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|damm|ufer|vägen|gatan|gata|vej|"
    r"veien|vei|gade|katu|tie|utca|út|laan|straat|plein|gracht|kade|dreef|singel|sokak|sokağı|caddesi|"
    r"bulvarı|ulica|ulice|třída|náměstí)\b\.?,?\s*\d|"
    r"^(?:via|viale|piazza|piazzale|corso|largo|rue|avenue|av\.|bd|boulevard|chemin|allée|impasse|"
    r"calle|c/|avda\.?|avenida|paseo|plaza|polígono|pol\.|carretera|rua|travessa|estrada|praça|"
    r"ul\.|al\.|aleja|plac|os\.|calea|strada|str\.|bulevardul|bd\.|şos\.|sokak|cad\.|mah\.|"
    r"ulitsa|ул\.|улица|пр\.|проспект|пер\.)\s|"
    r"^[^\W\d_][^\d,;:]{1,40}\s\d{1,5}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?)?$",
    re.I,
)
_CONTACT_LINE = re.compile(
    r"@|https?://|www\.|\b(?:tel|phone|ph|fax|fx|e-?mail|mobile|cell)\b|电话|電話|传真|傳真|手机|邮箱", re.I
)
_COUNTRIES = (
    r"usa|u\.s\.a\.?|united states|canada|china|中国|中國|japan|日本|germany|deutschland|"
    r"france|italy|italia|spain|españa|mexico|méxico|uk|united kingdom|taiwan|台灣|hong kong|"
    r"netherlands|nederland|sweden|sverige|poland|polska|portugal|brasil|brazil|switzerland|schweiz|"
    r"suisse|svizzera|austria|österreich|belgium|belgië|belgique|denmark|danmark|norway|norge|finland|"
    r"suomi|hungary|magyarország|czech republic|czechia|česká republika|slovakia|slovensko|romania|"
    r"românia|russia|россия|turkey|türkiye|korea|south korea|대한민국|한국|ireland|éire|india|singapore|"
    r"vietnam|thailand|malaysia|indonesia|australia|new zealand|luxembourg|greece|ελλάδα|lithuania|"
    r"lietuva|estonia|latvia|slovenia|croatia|hrvatska|serbia|bulgaria|israel|south africa|argentina|chile"
)
_COUNTRY = re.compile(rf"^(?:{_COUNTRIES})$", re.I)
_LOWER_WORDS = re.compile(r"(?<![\w.])(?!(?:des|del|della|der|den|und|and|för|och|pour|para|per)\b)[a-zà-ÿ]{3,}\b")
# "Zug, Switzerland", "6300 Zug, Schweiz": a town and its country, the end of an address
_TOWN_COUNTRY = re.compile(rf"^[^,]{{2,40}},\s*(?:{_COUNTRIES})$", re.I)
# Generic words a block may start with that are no one's name.
_NOT_NAMES = {
    "information",
    "address",
    "care",
    "ii",
    "iii",
    "attn",
    "attention",
    "page",
    "date",
    "name",
    "contact",
    "vendor",
    "supplier",
    "n/a",
    "na",
    "none",
    "same",
    "same as above",
    "see below",
    "see above",
    "tbd",
    "ship from",
    "ship to",
    "bill to",
    "sold to",
    "deliver to",
    "invoice to",
    "text1",
    "false",
    "true",
    "accounts payable",
    "purchasing",
    "procurement",
    "receiving",
    "warehouse",
    "--",
    "-",
}
_SEPARATOR = (
    r"\s*#?\s*(?:[:：]|\s[-–—](?=\s))\s*"  # "Bill To:", "Customer – ACME"; a bare label has its value beside or below
)


@dataclass
class PartyBlock:
    label: str
    role: str  # "company": the name below is the buying company; "person": a person unless a legal form
    lines: list[str]
    where: str


@dataclass
class Evidence:
    """What the chain looks at, gathered by the extractor (no I/O here)."""

    rule_customer: str | None = None
    rule_name: str | None = None
    sender_address: str = ""
    sender_name: str = ""
    master: Callable[[str], str | None] | None = None
    blocks: list[PartyBlock] = field(default_factory=list)
    top_lines: list[str] = field(default_factory=list)  # the document's first lines (letterhead)
    supplier_names: list[str] = field(default_factory=list)  # names in the supplier's block
    signature: str = ""  # the email text without quoted mail
    labelled_buyer: tuple[str, str] | None = None  # (value, where) of a plain "Buyer:" label read by fields
    our_names: list[str] = field(default_factory=list)
    our_domains: list[str] = field(default_factory=list)
    scanned: bool = False  # the document was read by OCR: its names may be misspelled


@dataclass
class Decision:
    customer: str | None = None
    source: str | None = None  # one of SOURCES
    contact: str | None = None
    explain: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def decide_customer(evidence: Evidence, vocab: Vocabulary) -> Decision:
    """The first name the chain gives that passes ``not_a_customer`` (a rule's or the customer
    master's name is trusted as configured); none: the customer stays empty and is asked for."""
    doubts: list[str] = []
    rejected: list[str] = []
    decision = Decision()
    decision.contact = _contact(evidence, _legal_forms(vocab), _label_words(vocab) | _not_names(vocab))
    for name, source, where in _candidates(evidence, vocab, doubts, decision):
        if source not in ("rule", "master"):
            name = _without_leading_label(name, vocab)
        why = None if source in ("rule", "master") else not_a_customer(name, vocab, evidence.our_names)
        if not why and evidence.scanned and source in ("party_block", "letterhead"):
            # "Lumiere Equipements SAS" for Lumière Équipements SAS, "GmbIl" for GmbH: a name read
            # off a scan is a guess; the mail's own words (sender, signature) or a person name it
            why = "was read by OCR from a scan, which misreads letters, accents and legal forms"
        if why:
            rejected.append(f"the {source} names {name!r}, which {why}")
            decision.explain.append(f"customer ≠ {name!r}  ← {source}: {where}: {why}")
            continue
        decision.customer, decision.source = name, source
        decision.explain.append(f"customer = {name!r}  ← {source}: {where}")
        if decision.contact:
            decision.explain.append(f"contact = {decision.contact!r}")
        break
    else:
        return _undecided(decision, [*rejected, *doubts])
    if doubts and decision.source not in ("rule", "master"):
        # a block named someone who may not be a company: whatever the chain took instead, a person checks
        decision.warnings.append(
            f"customer: {decision.customer!r} was taken from the {decision.source}, but "
            + "; ".join(doubts)
            + ": check who the customer is"
        )
    return decision


def _candidates(
    evidence: Evidence, vocab: Vocabulary, doubts: list[str], decision: Decision
) -> Iterator[tuple[str, str, str]]:
    """(name, source, where) along the chain of the module docstring, best first. ``doubts``
    collects names a party block gives that may not be a company (a person's name, a
    department): said, never taken."""
    legal = _legal_forms(vocab)
    labels = _label_words(vocab)
    ours = evidence.our_names
    if evidence.rule_customer:
        yield evidence.rule_customer, "rule", f"inbox rule {evidence.rule_name or ''}".strip()
    known = _lookup(evidence.master, evidence.sender_address)
    if known:
        yield known, "master", f"the customer master knows {evidence.sender_address}"
    for block in evidence.blocks:
        name = block_company(block, legal, ours, labels)
        doubt = _doubt(name, legal, evidence) if name else None
        if name and doubt:
            doubts.append(f"the {block.label} block names {name!r}, which {doubt}")
            decision.explain.append(f"customer ≠ {name!r}  ← {block.where} '{block.label}': {doubt}")
            continue
        if name:
            yield name, "party_block", f"{block.where} '{block.label}'"
            continue
        for line in block.lines[:1]:
            if is_company(line, ours):
                decision.warnings.append(
                    f"the {block.label} block names our own company ({line}); not taken as the customer"
                )
    if evidence.labelled_buyer:
        value, where = evidence.labelled_buyer
        if (
            company_name(value, legal)
            and not is_company(value, ours)
            and _is_name(value)
            and not _doubt(value, legal, evidence)
        ):
            yield value, "party_block", where
    top = _without_fax_header(evidence.top_lines)
    signature = "\n".join(_without_fax_header(evidence.signature.splitlines()))
    excluded = [*ours, *evidence.supplier_names, *addressees(top), *addressees(signature.splitlines())]
    for line in top:
        # "Portland ME 04101": a city and state, whatever a legal form ("ME") says; beside the
        # name in a letterhead's cell ("Cedar Ridge Instruments LLC  77 Foundry Lane Lowell MA
        # 01852"), only the address is left out
        line = "  ".join(part for part in re.split(r"\s{2,}|\t", line) if not is_us_address(part))
        for name in _legal_names(line, legal):
            if not is_company(name, excluded):
                yield name, "letterhead", f"letterhead {line.strip()[:50]!r}"
    spelled = _letterhead_spelled(top, excluded, evidence.our_domains, vocab)
    if spelled is not None:
        yield spelled[0], "letterhead", f"letterhead {spelled[0]!r}, spelled by {spelled[1]} printed under it"
    sender = evidence.sender_address.lower()
    if sender and _domain_of(sender) in [d.lower() for d in evidence.our_domains]:
        return
    display = display_company(evidence.sender_name, legal)
    if display and not is_company(display, ours) and not _doubt(display, legal, evidence):
        yield display, "sender", f"the sender's name {evidence.sender_name.strip()!r}"
    for name in _legal_names(signature, legal):
        if not is_company(name, excluded):
            yield name, "sender", "a company name in the email signature"
    domain = _domain_of(sender)
    if domain and not free_mail(domain):
        # a domain is not a company's name: said for the person who names it, never taken
        doubts.append(f"only the sender's domain ({domain}) says who this is")


# --------------------------------------------------------------------------- the final guard


def not_a_customer(name: str, vocab: Vocabulary, ours: list[str]) -> str | None:
    """Why ``name`` cannot be the buying company, or None. Whatever link of the chain found it,
    the customer is never a label word of any language ("Purchaser", "Company", 需方), a word
    standing for a party ("our company", 本公司, 御中) or such a word with a legal form
    (採購公司: "purchasing company"), the addressee of a Japanese document ("… 御中"), an
    address line, a phone number, e-mail or web address, a person's name, or our own company."""
    text = name.strip().strip(" ,;:：")
    folded = norm(text).strip(" .,;:：")
    words = _label_words(vocab) | _not_names(vocab)
    if not folded or folded in words or folded in _NOT_NAMES:
        return "is a label, not a company's name"
    core = _without_legal_form(folded, _legal_forms(vocab))
    if core != folded and (not core or core in words or (re.fullmatch(f"{_CJK_CHAR}", core) is not None)):
        return "is a label word with a legal form, not a company's name"
    if _ADDRESSEE.search(text):
        return "is the addressee of the document, not the buyer"
    if _CONTACT_LINE.search(text):
        return "is a phone number, e-mail or web address"
    if not _is_name(text):
        return "is an address line or a sentence, not a company's name"
    if is_company(text, ours):
        return "is our own company"
    if looks_like_person(text, strict=True) and not company_name(text, _legal_forms(vocab)):
        return "is a person's name"
    return None


_LABEL_THEN_VALUE = re.compile(r"^\s*([^:：]{1,30}?)\s*[:：]\s*(\S.*)$")


def _without_leading_label(name: str, vocab: Vocabulary) -> str:
    """ "Customer: ACME Inc." → "ACME Inc.", "採購公司：台灣精密機械股份有限公司" → the company: a label
    of any language read together with its value."""
    match = _LABEL_THEN_VALUE.match(name)
    if match and norm(match.group(1)).strip(" .") in _label_words(vocab) | _not_names(vocab):
        return match.group(2).strip()
    return name


def _without_legal_form(folded: str, legal: list[str]) -> str:
    """ "採購公司" → "採購", "acme inc." → "acme": the name without its legal form (lower case)."""
    for form in legal:
        form = norm(form).rstrip(".")
        if not form:
            continue
        if not form.isascii() and folded.endswith(form):
            return folded[: -len(form)].strip(" ,.")
        if form.isascii() and compiled.pattern(rf"(?:^|[\s,]){re.escape(form)}\.?$").search(folded):
            return compiled.pattern(rf"(?:^|[\s,]+){re.escape(form)}\.?$").sub("", folded).strip(" ,.")
    return folded


@functools.lru_cache(maxsize=4)
def _not_names_of(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(w).strip(" .:：") for w in words)


def _not_names(vocab: Vocabulary) -> frozenset[str]:
    return _not_names_of(tuple(vocab.parties.get("not_a_name", ())))


# A Japanese or Chinese document's addressee: "示例製造株式会社 御中", "山田 様", "张先生".
_ADDRESSEE = re.compile(r"(?:御中|様|殿|各位)\s*$")
_ADDRESSEE_MARK = re.compile(r"(?:御中|様|殿)(?=\s|$)")


def addressees(lines: Iterable[str]) -> list[str]:
    """The names a document is addressed to ("示例製造株式会社 御中": the supplier, us in
    another spelling): never the buyer, whatever legal form they carry."""
    out = []
    for line in lines:
        for segment in re.split(r"\s{2,}|\t", line):
            text = segment.strip()
            # the text before the first mark that ends a word, found once: a pattern taking the
            # name lazily up to the mark tried it again from each character of a line without
            # one (minutes for a paragraph typed as one long line)
            mark = next((m for m in _ADDRESSEE_MARK.finditer(text) if m.start() > 0), None)
            if mark is not None:
                out.append(text[: mark.start()].strip())
    return out


_FAX_MARK = re.compile(r"\b(?:fax|from|to|tx|rx|von|an|de|à)\b|传真|傳真|ファクス|ＦＡＸ|发件|発信", re.I)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_PAGE_MARK = re.compile(
    r"\b(?:p|pg|page|s|seite)\.?\s*0*\d{1,3}\s*(?:/|of|von|de)\s*0*\d{1,3}\b|\bp\.\s?0*\d{1,3}\b|#\d{3,}", re.I
)
_PHONE = re.compile(r"\+?\d[\d\s().\-/]{6,}\d")


def _without_fax_header(lines: list[str]) -> list[str]:
    head = [i for i, line in enumerate(lines) if line.strip()][:3]
    return [line for i, line in enumerate(lines) if not (i in head and fax_header(line))]


def fax_header(line: str) -> bool:
    """The line a fax machine prints over every page it sends ("NOV-20-2026 09:14  FROM: NORD
    COPY GMBH  +49 40 1234567  P.001/002"): it names the sending machine, not the buyer."""
    marks = [
        bool(_TIME.search(line)),
        bool(_PAGE_MARK.search(line)),
        bool(_FAX_MARK.search(line)) and bool(_PHONE.search(line) or "@" in line),
    ]
    return sum(marks) >= 2


def _doubt(name: str, legal: list[str], evidence: Evidence) -> str | None:
    """Why ``name`` (from a party block or a display name) may not be the buying company, or None.

    A legal form settles it. Without one: a department ("Purchasing Department", "Supply Chain
    Team") is part of a company, not its name; two to four capitalised words with no company
    word ("Irene Young", "Panel Truss East") may be a person as well as a company; and the
    sender's own name is the sender, not the company."""
    if _has_legal_form(name, legal) or _CJK_COMPANY.search(name):
        return None
    if _DEPARTMENT.search(name):
        return "is a department, not a company's name"
    if norm(name) == norm(evidence.sender_name.strip().strip('"')) and looks_like_person(name):
        return "is the sender's own name"
    if not company_name(name, legal) and looks_like_person(name) and not _confirmed(name, evidence):
        return "may be a person's name (it has no legal form)"
    return None


_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "å": "aa", "ø": "oe", "æ": "ae"})


def _confirmed(name: str, evidence: Evidence) -> bool:
    """A name without a legal form that something else shows to be the company, not a person:
    it is the document's first line (its letterhead: "Panel Truss East" printed over the order) or
    starts with it ("Panel Truss" over the order, "Panel Truss East" under "Bill To"),
    or the sender's own domain spells it ("Harborline Outdoor Gear" from @harborline.example,
    "Schwarzwald Präzision" from @sw-praezision.example)."""
    if looks_like_person(name, strict=True):
        return False
    first = re.split(r"\s{2,}|\t", evidence.top_lines[0].strip())[0] if evidence.top_lines else ""
    head = norm(first).strip(" ,;")
    if head and (head == norm(name) or (len(head) >= 5 and norm(name).startswith(head + " "))):
        return True  # the letterhead, or the letterhead's name and its branch ("Panel Truss" / "Panel Truss East")
    domain = _domain_of(evidence.sender_address)
    if not domain or free_mail(domain) or any(domain == d or domain.endswith("." + d) for d in evidence.our_domains):
        return False
    spellings = {
        re.sub(r"[^a-z0-9]", "", variant) for variant in (fold(name).lower(), name.lower().translate(_TRANSLITERATE))
    }
    labels = [part for part in re.split(r"[-_.]", domain.rsplit(".", 1)[0]) if len(part) >= 5 and part != "email"]
    return any(label in spelled for label in labels for spelled in spellings)


_PRINTED_DOMAIN = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)|\bwww\.([\w-]+(?:\.[\w-]+)+)", re.I)


def _letterhead_spelled(
    top: list[str], excluded: list[str], our_domains: list[str], vocab: Vocabulary
) -> tuple[str, str] | None:
    """(name, domain) when the document's first line is a name without a legal form ("PILGRIM'S
    PRIDE PURCHASING") that a mail or web address printed in the letterhead spells
    (@pilgrims.com): the buyer's own name over its own address, not a person's nor a title."""
    if not top:
        return None
    first = re.split(r"\s{2,}|\t", top[0].strip())[0].strip(" ,;")
    if not first or re.search(r"\d", first) or not _is_name(first) or is_company(first, excluded):
        return None
    words = norm(first)
    if any(words == title for titles in vocab.documents.values() for title in titles):
        return None  # "Purchase Order" is the title, not a name
    if looks_like_person(first, strict=True) or words in _label_words(vocab):
        return None
    spellings = {
        re.sub(r"[^a-z0-9]", "", variant) for variant in (fold(first).lower(), first.lower().translate(_TRANSLITERATE))
    }
    for match in _PRINTED_DOMAIN.finditer("\n".join(top)):
        domain = (match.group(1) or match.group(2)).lower()
        if free_mail(domain) or any(domain == d or domain.endswith("." + d) for d in our_domains):
            continue
        labels = [part for part in re.split(r"[-_.]", domain.rsplit(".", 1)[0]) if len(part) >= 5]
        if any(label in spelled for label in labels for spelled in spellings):
            return first, domain
    return None


def _undecided(decision: Decision, doubts: list[str] = ()) -> Decision:
    said = "; " + "; ".join(doubts) if doubts else ""
    decision.warnings.append(
        f"customer: no company name found (party blocks, letterhead, sender){said}; a person must name it"
    )
    decision.explain.append("customer = None  ← no link of the chain names a company")
    if decision.contact:
        decision.explain.append(f"contact = {decision.contact!r}")
    return decision


def _lookup(master: Callable[[str], str | None] | None, address: str) -> str | None:
    if master is None or not address:
        return None
    try:
        return master(address) or None
    except Exception:  # a failing master must not lose the order; the chain goes on
        return None


def _domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1].strip().lower() if "@" in address else ""


def free_mail(domain: str) -> bool:
    """A mail provider anyone can use (``FREE_MAIL`` and ``data/free_mail_domains.txt``), or one
    of its subdomains: its name says nothing about the customer."""
    domains = {*FREE_MAIL, *free_mail_domains()}
    return domain in domains or any(domain.endswith("." + d) for d in domains)


_DISPLAY_PARTS = re.compile(r"\s+[|/–—-]\s+|\s*[()\[\]]\s*|\s*[,;]\s+(?=[^,;]*$)|\s+(?:@|at|via|for|from)\s+", re.I)


# A department or a purchasing system after the company in a display name ("Cobalt Ridge
# Electronics LLC eProcurement", "(주)한빛전자 구매팀", "Nordlicht GmbH Einkauf")
_DEPARTMENT_TAIL = re.compile(
    r"(?<=\S)\s+(?:e-?procurement|procurement|purchasing|buying|supply chain|einkauf|beschaffung|achats|acquisti"
    r"|compras|inkoop|inköp|zakupy|nákup|采购部?|採購部?|購買部|調達部|구매팀|구매부|구매본부)"
    r"(?:\s+(?:team|dept\.?|department|abteilung|service|portal|system))?\s*$"
    r"|(?<=\S)\s+\(?via\s+[^()]{1,30}\)?\s*$",  # "… via Coupa": the system that sent it
    re.I,
)


def display_company(display: str, legal: list[str]) -> str | None:
    """The company a sender's display name names: the whole name when it is one ("Kobayashi
    Seiki K.K."), else the part that is one ("Dana Whitfield | Harborline Outdoor Gear Inc.",
    "Whitfield, Dana (Harborline Outdoor Gear Inc.)", "Orders @ Nordlicht GmbH"); never a person,
    nor the department after the company ("… LLC eProcurement", "… 구매팀")."""
    display = _DEPARTMENT_TAIL.sub("", display.strip().strip('"').strip())
    if not display:
        return None
    parts = [display] + [p.strip(" ,;'\"") for p in _DISPLAY_PARTS.split(display) if p and p.strip(" ,;'\"")]
    for part in parts:
        if not company_name(part, legal) or looks_like_person(part, strict=True):
            continue
        if part != display and not (_has_legal_form(part, legal) or _CJK_COMPANY.search(part)):
            continue  # a part of a display name needs a legal form: "Sales Team" is no company
        if part == display and any(
            looks_like_person(p) or _has_legal_form(p, legal) for p in parts[1:] if p != display
        ):
            continue  # "Dana Whitfield | Harborline Inc.", "Einkauf / Nordlicht GmbH": the company part, below
        return part
    return None


# --------------------------------------------------------------------------- names


def _legal_forms(vocab: Vocabulary) -> list[str]:
    return sorted({f for f in vocab.legal_forms}, key=len, reverse=True)


def _legal_names(text: str, legal: list[str]) -> list[str]:
    """Company names with a legal form in ``text``: the regex of known forms, and any line
    ending in one of the language files' legal forms."""
    out = []
    for line in text.splitlines():
        # columns, or the separators of a one-line signature ("Tom Reyes | Reyes Labs Inc. | +1 …")
        segments = [s for s in re.split(r"\s{2,}|\t|\s[|·•¦]\s", line) if s.strip()]
        if len(segments) > 4:
            continue  # a row of a table ("… 横畈工厂 …" under 事业部) is not a letterhead
        for segment in segments:
            segment = segment.strip(" ,;")
            if not segment:
                continue
            segment = _LEADING_LABEL.sub("", segment)  # "Ship To: Aaron Thomas Company"
            segment = _SIGNED_FOR.sub("", segment)  # "For Uellow W.L.L", over a signature
            for name in [_company_part(segment, legal), *company_names(segment)]:
                name = _tidy_company(name)
                if not name or name in out or not _has_legal_form(name, legal) or not _is_name(name):
                    continue
                if re.search(r"[，。！？]|(?:本|我|贵|貴|该|該|此|敝)公司$", name):
                    continue  # "您好，附件為本公司" ("… our company's order attached"): a sentence, no name
                # Vietnamese names are many short syllables after their form ("Công ty TNHH Cơ khí
                # Chính xác Minh Phát")
                most = 11 if any(_form_first(fold(name), form) for form in legal if not form.isascii()) else 7
                if len(name) > 70 or len(name.split()) > most:
                    continue  # a sentence that ends in "... are incorporated"
                if _ADDRESS.search(segment) and not segment.startswith(name):
                    continue  # "…路99号中国电子科技集团…": an address naming a building, not a letterhead
                out.append(name)
    return out


# Vietnamese names are written in syllables after the company's form: many short words
_SYLLABLE_NAME = re.compile(r"^(?:công ty|cty)\b", re.I)
_LEADING_LABEL = re.compile(r"^[A-Za-z][A-Za-z .\-/]{1,20}[:：]\s*")
_SIGNED_FOR = re.compile(r"^(?:for and on behalf of|on behalf of|for|für|pour|per|por|namens)\s+(?=[^\W\d_])", re.I)
_CJK_CHAR = r"[\u3000-\u9fff\uff00-\uffef]"


def _tidy_company(name: str) -> str:
    """ "沃 尔 玛（中国）投资有限公司 , 财 CN" → "沃尔玛（中国）投资有限公司"; "CHEP EQUIPMENT POOLING
    SYSTEMS Leprino Foods Company" (two columns run together) → "Leprino Foods Company"."""
    name = re.sub(rf"(?<={_CJK_CHAR}) (?={_CJK_CHAR})", "", name.strip(" ,;-–—"))
    cjk_form = re.search(r"(股份有限公司|有限责任公司|有限公司|株式会社|有限会社|集团|公司)", name)
    if cjk_form and re.search(_CJK_CHAR, name[: cjk_form.start()] or "x"):
        name = name[: cjk_form.end()]
        opened = max(name.rfind("（"), name.rfind("("))
        if opened > max(name.rfind("）"), name.rfind(")")):
            name = name[opened + 1 :]  # "我司（东莞永信塑胶制品有限公司": the name is inside the bracket
    tokens = name.split()
    capitals = [i for i, t in enumerate(tokens) if len(t) > 1 and t.isupper() and t.isalpha()]
    last = capitals[-1] if capitals else -1
    run = len([i for i in capitals if i > last - 3])  # upper-case words just before the tail
    tail = tokens[last + 1 :]
    if run >= 3 and len(tail) >= 2 and all(t[:1].isupper() and not t.isupper() for t in tail):
        name = " ".join(tail)
    return name.strip(" ,;")


def _company_part(text: str, legal: list[str]) -> str:
    return _company_part_of(text, tuple(legal))


@functools.lru_cache(maxsize=4096)
def _company_part_of(text: str, legal: tuple[str, ...]) -> str:
    """The company in one cell or segment: up to its legal form when it has one ("Metalúrgica
    Douro, Lda.", "Termoidraulica Veneta S.p.A. Viale della Repubblica 140" → up to "S.p.A."),
    else ``fields.party_name`` (which cuts a contact: "ACME LLC, Tom Becker")."""
    text = re.split(r"\s{2,}|\t", text.strip())[0].strip(" ,;")
    for form in legal:
        if not form.isascii():
            continue
        for variant in {form, form.upper()}:
            for match in _form_pattern(variant).finditer(text):
                head, rest = text[: match.end()], text[match.end() :]
                if len(head.strip()) > len(form) + 1 and (not rest.strip() or re.search(r"\d", rest)):
                    return head.strip(" ,;")
    if any(not form.isascii() and text.rstrip(".").endswith(form.rstrip(".")) for form in legal):
        return text  # "Ege Makina Ltd. Şti.": the form after "Ltd." is the end of the name
    name = party_name(text)
    if not name and any(not form.isascii() and text.startswith(form) and len(text) > len(form) + 1 for form in legal):
        return text  # "(주)동양기계", "주식회사 미래테크": the form before the name
    return name


@functools.lru_cache(maxsize=None)
def _form_pattern(form: str) -> re.Pattern[str]:
    """A legal form as a whole word, compiled once: there are more forms than ``re`` caches."""
    return re.compile(rf"(?:^|[\s,]){re.escape(form)}(?=$|[\s,;])")


def _has_legal_form(name: str, legal: list[str]) -> bool:
    return _has_legal_form_of(name, tuple(legal))


@functools.lru_cache(maxsize=4096)
def _has_legal_form_of(name: str, legal: tuple[str, ...]) -> bool:
    """Whether ``name`` carries one of the ``legal`` forms; kept, as a name is asked about again
    and again (each against every form of every language)."""
    folded = fold(name).strip(" ,.")
    if COMPANY_NAME.fullmatch(folded) or COMPANY_NAME.fullmatch(folded + "."):
        return True
    for written in legal:
        form = fold(written)  # as the name is: Lao "ຈຳກັດ" writes its vowel AM in two signs so
        if _form_first(folded, form):
            return True
        if form.isascii():
            # as written or in capitals ("Inc", "INC"), never lower case: "se", "ag", "ab" are words
            stem = form.rstrip(".")
            if len(folded) > len(form) + 1 and any(
                compiled.pattern(rf"(?:^|[\s,]){re.escape(variant)}\.?$").search(folded)
                for variant in {stem, stem.upper()}
            ):
                return True
        else:  # "…有限公司", "ООО «…»", "… A.Ş." (its last dot was stripped with the name's)
            core = form.rstrip(".")
            if (
                folded.endswith(core)
                and len(folded) > len(core)
                or folded.startswith(form)
                and len(folded) > len(form) + 1
            ):
                return True
    return False


# The words after a legal form written first ("SIA Daugavas Metāls", "UAB Nemuno Gamyba", "AS
# Tallinna Vesi", "Công ty TNHH Minh Phát", "ТОВ «Дніпро Комплект»"): a name, one to six words
# without a digit, the first capitalised (or in quotes).
_NAME_AFTER_FORM = re.compile(r"[\"'«„“]?[^\W\d_][^\d]{0,60}")


def _form_first(folded: str, form: str) -> bool:
    """Whether ``folded`` is a company whose legal form comes first. An ASCII form only as
    written in capitals ("SIA", "UAB", "AS", "PT": never "as" or "per"), and the name after it
    not in capitals too ("AS PER QUOTE" is a sentence); other forms in any case ("CÔNG TY TNHH")."""
    if form.isascii():
        core = form.rstrip(".")
        if not (core.isupper() and core.replace(".", "").isalpha() and 2 <= len(core) <= 4):
            return False
        if not folded.startswith(form + " "):
            return False
        rest = folded[len(form) + 1 :].strip()
        if rest.isupper():
            return False
    else:
        if not folded.upper().startswith(form.upper() + " "):
            return False
        rest = folded[len(form) + 1 :].strip()
    words = rest.split()
    return (
        1 <= len(words) <= (6 if form.isascii() else 9)
        and _NAME_AFTER_FORM.fullmatch(rest) is not None
        and (words[0][:1].isupper() or not words[0][:1].isalpha())
    )


# A company's name with a street word in it ("Harbor Street Foods Inc.", "Mill Road Engineering
# Ltd", "Via Pharma S.r.l."): it ends in its legal form and holds no number, as a street line would.
_ENDS_IN_FORM = re.compile(
    r"\b(?:inc|llc|ltd|limited|gmbh|ag|kg|corp|corporation|co|company|plc|s\.?a|sas|sarl|s\.?r\.?l|s\.?p\.?a|b\.?v|"
    r"n\.?v|pty|oy|ab|a/s|aps|as|kft|zrt|sp\. z o\.o|s\.r\.o|d\.o\.o|oü|sia|uab|lda|ltda|s\.l|a\.s|a\.ş|eireli)\.?$",
    re.I,
)


def _street_named_company(text: str) -> bool:
    """Whether ``text``, which has a street word, is a company named after a street."""
    text = text.strip(" ,;")
    return not re.search(r"\d", text) and _ENDS_IN_FORM.search(text) is not None


def _street_line(text: str) -> bool:
    """A street line: "Bahnhofstrasse 12", "Via Roma 5" — not "Via Pharma S.r.l."."""
    return bool(_STREET.search(text)) and not _street_named_company(text)


def company_name(text: str, legal: list[str]) -> bool:
    """Whether ``text`` names a company for sure: a legal form, or a company word."""
    text = text.strip()
    return _has_legal_form(text, legal) or bool(COMPANY_WORDS.search(text)) or bool(_CJK_COMPANY.search(text))


# A letter of a name in Latin script, Latin-1 and Latin Extended ("Wołek", "Dvořáková", "Yılmaz"),
# or its apostrophe and hyphen
_NAME_LETTER = r"[A-Za-zÀ-ÖØ-öø-ɏ'\-]"


def looks_like_person(text: str, strict: bool = False) -> bool:
    """ "Irene Young", "LANNUTTI, CHRISTINE", "Ms. Clarke", "Anurag P.", "陆凯": a person's name.

    ``strict``: only the forms a company name never takes (a title, "LAST, FIRST", an
    initial, two or three Chinese characters) — "Panel Truss East" under Bill To is a company.
    """
    text = fold(text).strip(" ,;")
    if _DEPARTMENT.search(text) or COMPANY_WORDS.search(text) or _CJK_COMPANY.search(text) or _LEGAL_TAIL.search(text):
        return False
    if _TITLE_PREFIX.match(text):
        return True
    if re.fullmatch(rf"{_NAME_LETTER}+,\s*{_NAME_LETTER}+(?:\s+[A-Z]\.?)?", text):
        return True  # "LAST, FIRST"
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text) and not _CJK_COMPANY.search(text):
        return True
    if _KOREAN_PERSON.fullmatch(text):
        return True  # "김민수", "이영희 과장": a surname, a given name, perhaps the person's rank
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or not all(re.fullmatch(rf"{_NAME_LETTER}+\.?", t) for t in tokens):
        return False
    if tokens[-1].endswith(".") and len(tokens[-1]) <= 3:
        return True  # "Anurag P."
    if strict:
        return False
    names = [t for t in tokens if t.lower() not in _PARTICLES]  # "Piet de Vries", "Ludwig van Beethoven"
    return len(names) >= 2 and all(t[0].isupper() and not t.isupper() for t in names if len(t) > 1)


# A Korean person's name: one of the common surnames, one or two syllables of the given name,
# perhaps the rank or the honorific after it (과장 "manager", 대리, 부장, 님)
_KOREAN_PERSON = re.compile(
    r"(?:남궁|황보|제갈|선우|독고|[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄변채원천방공현함염여추도석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부])"
    r"\s?[\uac00-\ud7a3]{1,2}(?:\s?(?:과장|대리|부장|차장|사원|팀장|이사|대표|실장|주임|상무|전무|사장|매니저|담당|님|씨))?"
)


_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "le",
    "la",
    "del",
    "dos",
    "das",
    "y",
    "ten",
    "ter",
    "af",
    "zu",
}


_DEPARTMENT = re.compile(
    r"\b(?:procurement|purchasing|department|dept|team|office|desk|einkauf|achats|compras|acquisti)\b|采购部|購買部",
    re.I,
)


def _is_name(text: str) -> bool:
    """Not a label, an address line, a phone or mail line, a country, or a code."""
    text = text.strip(" ,;:")
    low = norm(text)
    if not low or low in _NOT_NAMES or len(low) < 2 or re.search(r"[:：]", text):
        return False
    if (_ADDRESS.search(text) or _STREET.search(text)) and not _street_named_company(text):
        return False
    if _CONTACT_LINE.search(text) or _COUNTRY.match(low):
        return False
    if _TOWN_COUNTRY.match(text):
        return False
    most = 13 if _SYLLABLE_NAME.match(text) else 9  # "Công ty TNHH Thương mại và Dịch vụ Hoàng Long"
    if len(text.split()) > most or len(_LOWER_WORDS.findall(text)) >= 4:
        return False  # a sentence ("Please send your order confirmation to ..."), not a name
    # vowel signs count as letters: a Burmese or Tamil name holds as many of them as letters
    letters = [c for c in text if c.isalpha() or unicodedata.category(c) in ("Mn", "Mc")]
    return len(letters) >= 2 and len(letters) * 2 >= len(re.sub(r"\s", "", text))


def block_company(
    block: PartyBlock, legal: list[str], ours: list[str], labels: frozenset[str] = frozenset()
) -> str | None:
    """The company a party block names: its first name line, when that is a company (for a
    "person" label, only with a legal form or a company word). A label of any language
    ("Lieferanschrift", "Adresse de livraison") is no one's name."""
    for index, line in enumerate(block.lines):
        if _street_line(line.strip()):
            return None  # the street: a name comes before it, in every Latin-script address
        name = _company_part(line, legal).strip(" ,;-–—")
        if not _is_name(name) or norm(name).strip(" .:：") in labels:
            continue
        if is_company(name, ours):
            return None
        if company_name(name, legal):
            return name
        if block.role == "company" and not looks_like_person(name, strict=True) and not _is_label(name):
            # "Luc Dubois" over "Brasserie Métallique S.A.": the person, then the company
            below = _legal_company_below(block.lines[index + 1 :], legal, ours) if looks_like_person(name) else None
            return below or _tidy_company(name)
        if block.role == "person" or looks_like_person(name, strict=True):
            continue  # the contact, perhaps; the company may be on the next line
        return None
    return None


def _legal_company_below(lines: list[str], legal: list[str], ours: list[str]) -> str | None:
    """A company with its legal form on the lines of a block before its street, if any."""
    for line in lines:
        if _street_line(line.strip()):
            return None
        name = _company_part(line, legal).strip(" ,;-–—")
        if company_name(name, legal) and not is_company(name, ours):
            return name
    return None


def _contact(evidence: Evidence, legal: list[str], words: frozenset[str] = frozenset()) -> str | None:
    """The buyer as a person: a person label's name; else a person under a company label;
    else the sender's display name when it is a person (and not us). Never a label word
    (``words``: "Purchasing Agent" under "Buyer" is the form's next label)."""
    for role in ("person", "company"):
        for block in evidence.blocks:
            if block.role != role:
                continue
            for line in block.lines[:2]:
                name = party_name(line).strip(" ,;-–—")
                if (
                    _is_name(name)
                    and norm(name).strip(" .:：") not in words
                    and looks_like_person(name, strict=role == "company")
                    and not company_name(name, legal)
                ):
                    return _tidy_person(name)
    display = evidence.sender_name.strip().strip('"')
    sender_domain = _domain_of(evidence.sender_address)
    if display and looks_like_person(display) and sender_domain not in [d.lower() for d in evidence.our_domains]:
        return _tidy_person(display)
    return None


def _tidy_person(name: str) -> str:
    """ "LANNUTTI, CHRISTINE" → "Christine Lannutti"; others as written."""
    match = re.fullmatch(rf"({_NAME_LETTER}+),\s*({_NAME_LETTER}+)", name.strip())
    if match:
        last, first = match.groups()
        return f"{first.title()} {last.title()}" if name.isupper() else f"{first} {last}"
    return name.strip()


def _is_label(text: str) -> bool:
    return norm(text) in _NOT_NAMES


@functools.lru_cache(maxsize=4)
def _label_words_of(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(w).strip(" .:：") for w in words)


def _label_words(vocab: Vocabulary) -> frozenset[str]:
    """Every header label, party label and column header of every language: none is a name."""
    found: frozenset[str] = vocab.kept("label words", lambda: _label_words_of(_all_label_words(vocab)))
    return found


def _all_label_words(vocab: Vocabulary) -> tuple[str, ...]:
    return tuple(w for group in (vocab.labels, vocab.parties, vocab.columns) for ws in group.values() for w in ws)


# --------------------------------------------------------------------------- blocks


def party_blocks(
    lines: Iterable[Line], vocab: Vocabulary, roles: dict[str, list[str]] | None = None
) -> list[PartyBlock]:
    """Party blocks in document order (see the module docstring). ``roles`` maps a role to its
    labels; default: the language files' ``parties`` that label a block (not ``not_a_name``)."""
    lines = list(lines)
    roles = roles if roles is not None else {r: w for r, w in vocab.parties.items() if r in ("company", "person")}
    pattern = _label_regex(roles)
    if pattern is None:
        return []
    role_of = _role_of(tuple((role, tuple(labels)) for role, labels in roles.items()))
    blocks = []
    for index, line in enumerate(lines):
        for si, segment in enumerate(line.segments):
            match = pattern.match(fold(segment).strip())
            if not match:
                continue
            label = match.group(1)
            role = role_of.get(_squash_label(label))
            if role is None:
                continue
            rest = fold(segment).strip()[match.end() :].strip(" :：-–—")
            values = [rest] if rest else []
            if not rest and si + 1 < len(line.segments) and not _a_label(line.segments[si + 1], vocab, pattern):
                values.append(line.segments[si + 1].strip())  # a label cell beside its value
            x = line.x[si] if line.x and si < len(line.x) else None
            values += _below(lines, index, si, x, vocab, pattern)
            values = [v for v in values if v]
            if values:
                blocks.append(PartyBlock(label.strip(), role, values, line.where))
    return blocks


def _a_label(segment: str, vocab: Vocabulary, pattern: re.Pattern[str]) -> bool:
    """A party label, a header-field label ("卖方:", "PO No"), or a table header ("Line")."""
    segment = segment.strip()
    if re.search(r"[:：]$", segment):  # "PO Contact:", "卖方:": a label waiting for its value
        return True
    return bool(pattern.match(fold(segment)) or vocab.label_at(segment) or vocab.exact_column(segment))


def _squash_label(text: str) -> str:
    return norm(re.sub(r"[\s\-.]+", " ", text))


@functools.lru_cache(maxsize=16)
def _role_of(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """The role each party label names, by its normal form (worked out once per set of roles)."""
    return {norm(label): role for role, labels in roles for label in labels}


def _label_regex(roles: dict[str, list[str]]) -> re.Pattern[str] | None:
    labels = sorted({label for words in roles.values() for label in words}, key=len, reverse=True)
    if not labels:
        return None
    return _label_regex_of(tuple(labels))


@functools.lru_cache(maxsize=16)
def _label_regex_of(labels: tuple[str, ...]) -> re.Pattern[str]:
    parts = [r"[\s\-.]*".join(re.escape(p) for p in label.split(" ")) for label in labels]
    return re.compile(rf"({'|'.join(parts)})(?:{_SEPARATOR}|$)", re.I)


def _below(
    lines: list[Line], index: int, si: int, x: float | None, vocab: Vocabulary, pattern: re.Pattern[str], depth: int = 4
) -> list[str]:
    """The segments under a label in its column, until another label or a gap in the column."""
    out: list[str] = []
    block = lines[index].block
    for line in lines[index + 1 : index + 1 + depth]:
        if line.block != block or not line.segments:
            break
        if x is None or not line.x:
            position = si if si < len(line.segments) else None
        else:
            position = min(range(len(line.segments)), key=lambda i: abs(line.x[i] - x))
            # PDF points: a column is ~40 pt wide; a grid's x is its column number: exact
            tolerance = 0.5 if all(float(v).is_integer() and v < 200 for v in [x, *line.x]) else 40
            if abs(line.x[position] - x) > tolerance:
                position = None
        if position is None:
            break
        segment = line.segments[position].strip()
        if _a_label(segment, vocab, pattern):
            break
        if any(_a_label(part, vocab, pattern) for part in re.split(r"\s[·•|]\s", segment)[1:]):
            break  # "Harbor Point Instruments Inc. · PO Number PO-385625": a page's running foot
        out.append(segment)
    return out
