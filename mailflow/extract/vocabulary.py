"""The bundled vocabulary (``mailflow/data/vocabulary.yaml``) and per-rule extensions.

Contract
    ``Vocabulary.bundled()`` loads the package data once; ``vocab.extended(columns, labels)``
    returns a copy with a rule's extra synonyms (tried first). ``column_of(cell)`` names the
    line field a header cell stands for; ``label_at(text)`` finds a header-field label at the
    start of a text segment and returns (field, label as written, the rest after separators).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from collections.abc import Callable
from typing import Any

import yaml

from . import languages
from .alternation import Alternation, alternation
from .normalize import fold

# The columns of a kanban call-off that are neither the item nor the quantity: the card's (or
# slot's, bin's) own number and how many cards are sent ("Card | Part no. | Cards | Qty"), named
# "kanban" so that no reader takes "K701" for the item or 4 cards for the quantity; and the
# headers of the quantity in pieces beside them ("Stückzahl", "Total pcs").
CALL_OFF_COLUMNS: dict[str, list[str]] = {
    "kanban": [
        "card",
        "card no",
        "card no.",
        "card #",
        "kanban",
        "kanban no",
        "kanban no.",
        "kanban #",
        "kanban card",
        "kanban id",
        "slot",
        "slot no",
        "bin",
        "bin no",
        "karte",
        "karten-nr",
        "karten-nr.",
        "kartennummer",
        "kanban-nr",
        "kanban-nr.",
        "kanbannummer",
        "behälter",
        "behälter-nr",
        "cards",
        "no. of cards",
        "no of cards",
        "number of cards",
        "qty cards",
        "qty of cards",
        "card qty",
        "cards qty",
        "bins",
        "no. of bins",
        "anz. karten",
        "anzahl karten",
        "kartenanzahl",
        "karten",
        "anz. behälter",
        "anzahl behälter",
        "看板",
        "看板号",
        "看板数",
        "かんばん",
        "かんばん番号",
        "かんばん枚数",
    ],
    "quantity": ["stückzahl", "stück", "total pcs", "total qty", "pcs total", "gesamtmenge", "menge gesamt"],
}

_SPLIT_PARTS = re.compile(r"\s*(?:/|・|·|\n|\(|\)|（|）|\[|\]|\|)\s*")
_LABEL_SEPARATOR = re.compile(r"^\s*(?:[:：#]|no\.?(?=\s|$))?\s*[:：]?\s*", re.I)


_CJK = r"[\u3000-\u9fff\uff00-\uffef]"


# Scripts that write words without spaces between them (Chinese, Japanese, Korean, Thai, Lao,
# Myanmar, Khmer, full-width forms): a label there may touch the next word
_NO_SPACES = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)


def _in_word(char: str) -> bool:
    """A letter, digit or vowel sign of a script that separates its words with spaces."""
    if not char or _NO_SPACES.match(char):
        return False
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


_TURKISH_I = str.maketrans({"İ": "i", "ı": "i"})  # "SİPARİŞ" and "SATIN" meet "sipariş" and "satın"


def norm(text: str) -> str:
    """Lower-case (Turkish dotted and dotless i both as "i"), full-width folded, inner
    whitespace collapsed, edge punctuation dropped.

    Spaces between Chinese characters go ("项 次" from a wrapped cell is "项次"); a bare "#"
    stays "#" (it is a header of its own).

    The same few hundred cell texts and labels are normalised again and again while a
    document is read (50,000 calls for 25 PDFs): the answers are kept.
    """
    return _norm(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    text = fold(text).translate(_TURKISH_I).lower().replace("\n", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(rf"(?<={_CJK}) (?={_CJK})", "", text)
    stripped = text.strip(" :：.*#-_")
    return stripped or text.strip()


def _script_parts(text: str) -> list[str]:
    """'数量 Qty' → ['数量', 'qty']: bilingual header cells hold one word of each script."""
    parts = re.findall(r"[\u3000-\u9fff\uff00-\uffef]+|[^\u3000-\u9fff\uff00-\uffef]+", text)
    return [norm(p) for p in parts if norm(p)]


@dataclass
class Vocabulary:
    columns: dict[str, list[str]]
    labels: dict[str, list[str]]
    rows: dict[str, list[str]]
    units: list[str]
    kinds: dict[str, list[str]]
    not_orders: list[str]
    order_names: list[str]
    # From the language files (``languages.py``): what a document calls itself, per kind;
    # party-block labels ("company", "person"); legal forms; "Re:" in every language.
    documents: dict[str, list[str]] = field(default_factory=dict)
    parties: dict[str, list[str]] = field(default_factory=dict)
    legal_forms: list[str] = field(default_factory=list)
    reply_prefixes: list[str] = field(default_factory=list)
    _column_index: dict[str, str] = field(default_factory=dict, repr=False)
    _label_re: "_Starts | None" = field(default=None, repr=False)
    _label_fields: dict[str, str] = field(default_factory=dict, repr=False)
    _label_find: Alternation | re.Pattern[str] | None = field(default=None, repr=False)
    _contained_re: re.Pattern[str] | None = field(default=None, repr=False)
    _plain_re: "_Starts | None" = field(default=None, repr=False)
    _plain_fields: dict[str, str] = field(default_factory=dict, repr=False)
    # answers of ``label_at``, ``is_row`` and ``column_of``, by their arguments: a document asks about the same
    # few hundred texts again and again (90,000 look-ups of 6,000 texts in 200 mails)
    _memo: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    # the copies ``extended`` made, by the rule's synonyms
    _extended: dict[tuple, "Vocabulary"] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def bundled(cls) -> "Vocabulary":
        return _bundled()

    @classmethod
    def from_data(cls, data: dict) -> "Vocabulary":
        vocab = cls(
            columns={k: abbreviated([norm(s) for s in v]) for k, v in data["columns"].items()},
            labels={k: abbreviated([norm(s) for s in v]) for k, v in data["labels"].items()},
            rows={k: list(v) for k, v in data["rows"].items()},
            units=[u.lower() for u in data["units"]],
            kinds={k: [s.lower() for s in v] for k, v in data["kinds"].items()},
            not_orders=[s.lower() for s in data["not_orders"]],
            order_names=[s.lower() for s in data["order_names"]],
            documents={k: [norm(s) for s in v] for k, v in (data.get("documents") or {}).items()},
            parties={k: [norm(s) for s in v] for k, v in (data.get("parties") or {}).items()},
            legal_forms=list(data.get("legal_forms") or []),
            reply_prefixes=[s.lower() for s in data.get("reply_prefixes") or []],
        )
        vocab._index()
        return vocab

    def extended(
        self, columns: dict[str, list[str]] | None = None, labels: dict[str, list[str]] | None = None
    ) -> "Vocabulary":
        """A copy with a rule's synonyms in front (they win over the bundled ones). The copy is
        kept for the next message the rule matches: building one (its index and patterns, and
        the answers it learns while reading) costs 0.1 s, which a customer's every order paid."""
        if not columns and not labels:
            return self
        key = (_frozen(columns), _frozen(labels))
        copy = self._extended.get(key)
        if copy is None:
            if len(self._extended) >= EXTENDED_KEPT:
                self._extended.clear()  # rules reloaded many times over in a long-running daemon
            copy = self._extended[key] = self._extend(columns, labels)
        return copy

    def _extend(self, columns: dict[str, list[str]] | None, labels: dict[str, list[str]] | None) -> "Vocabulary":
        merged_columns = {k: list(v) for k, v in self.columns.items()}
        merged_labels = {k: list(v) for k, v in self.labels.items()}
        for name, extra in (columns or {}).items():
            merged_columns[name] = [norm(s) for s in extra] + merged_columns.get(name, [])
        for name, extra in (labels or {}).items():
            merged_labels[name] = [norm(s) for s in extra] + merged_labels.get(name, [])
        vocab = Vocabulary(
            merged_columns,
            merged_labels,
            self.rows,
            self.units,
            self.kinds,
            self.not_orders,
            self.order_names,
            self.documents,
            self.parties,
            self.legal_forms,
            self.reply_prefixes,
        )
        vocab._index(priority=(columns or {}))
        return vocab

    def _index(self, priority: dict[str, list[str]] | None = None) -> None:
        self._column_index = {}
        for name, words in (priority or {}).items():
            for word in words:
                self._column_index[norm(word)] = name
        for name, words in CALL_OFF_COLUMNS.items():
            for word in words:
                self._column_index.setdefault(norm(word), name)
        for name, words in self.columns.items():
            for word in words:
                self._column_index.setdefault(word, name)
        pairs = sorted(
            ((word, name) for name, words in self.labels.items() for word in words),
            key=lambda p: len(p[0]),
            reverse=True,
        )
        contained = sorted((w for w in self._column_index if len(w) >= 4), key=len, reverse=True)
        self._contained_re = (
            re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(w) for w in contained) + r")(?![a-z0-9])")
            if contained
            else None
        )
        self._label_fields = {}
        for word, name in pairs:
            self._label_fields.setdefault(word, name)
        self._label_re = _Starts([word for word, _ in pairs])
        # the same labels without their accents: ERPs and OCR print "Wahrung", "Numero de pedido"
        plain_pairs = sorted(
            {(_plain(w), n) for w, n in pairs if _plain(w) != w}, key=lambda p: len(p[0]), reverse=True
        )
        self._plain_fields = {}
        for word, name in plain_pairs:
            self._plain_fields.setdefault(word, name)
        self._plain_re = _Starts([word for word, _ in plain_pairs]) if plain_pairs else None
        # not inside a code ("PO" in "BL-PO-004502"); Chinese labels may follow Chinese text (tried
        # at each place among only the labels that start with its letter: ``alternation.py``)
        self._label_find = alternation(r"(?<![A-Za-z0-9\-_/.])", [_label_pattern(w) for w, _ in pairs], flags=re.I)

    # ------------------------------------------------------------------ lookups

    def column_of(self, cell: object) -> str | None:
        """The line field of a header cell: 'Unit Price (USD)' → 'unit_price'; None if none."""
        if cell is None:
            return None
        if not isinstance(cell, str):
            return self._column_of(cell)
        return self._asked(("column_of", cell), self._column_of, cell)

    def _column_of(self, cell: object) -> str | None:
        raw = str(cell)
        if "\n" in raw:  # a narrow cell wraps inside a word: "Quanti\nty" is "Quantity"
            exact = self._rejoined(raw)  # "Item\nDescriptio\nn" is "Item Description"
            if exact is not None:
                return exact
            # a bilingual cell, a language a line ("Số lượng" over "Qty", "Item Description" over
            # "Tên hàng hóa"): the one field its lines name, before the words run together
            named = {self.column_of(line) for line in raw.split("\n") if line.strip()} - {None}
            if len(named) == 1:
                return named.pop()
            joined = self.column_of(raw.replace("\n", ""))
            if joined is not None:
                return joined
        text = norm(raw)
        if not text or len(text) > 40:
            return None
        if text in self._column_index:
            return self._column_index[text]
        for part in [*_SPLIT_PARTS.split(text), *_script_parts(text)]:
            part = norm(part)
            if part in self._column_index:
                return self._column_index[part]
        bare = _TAX_BASIS.sub(" ", text).strip()  # "P.U. HT", "Montant HT", "Net amount excl. VAT"
        if bare and bare != text and norm(bare) in self._column_index:
            return self._column_index[norm(bare)]
        # Last: the longest synonym inside the cell as whole words ("Net Unit Price EUR")
        found = [m.group(1) for m in self._contained_re.finditer(text)] if self._contained_re else []
        if found:
            return self._column_index[max(found, key=len)]
        return self._cjk_head(text)

    def _rejoined(self, raw: str) -> str | None:
        """The field of a header cell wrapped over a few lines, each break read as a space or
        as a word cut in two, whichever gives a header word exactly."""
        parts = raw.split("\n")
        if len(parts) > 4:
            return None
        for glue in itertools.product(("", " "), repeat=len(parts) - 1):
            text = parts[0] + "".join(g + p for g, p in zip(glue, parts[1:]))
            name = self._column_index.get(norm(text))
            if name is not None:
                return name
        return None

    def _cjk_head(self, text: str) -> str | None:
        """A Chinese or Japanese header names its field last: 核算数量 (accounting quantity) and
        计量单位 (unit of measure) end in 数量 and 单位. The longest synonym of two characters or
        more that ends the cell names the column."""
        if not re.fullmatch(rf"{_CJK}{{3,12}}", text):
            return None
        for size in range(len(text) - 1, 1, -1):
            name = self._column_index.get(text[-size:])
            if name is not None:
                return name
        return None

    def exact_column(self, text: str) -> bool:
        """Whether ``text`` is itself a column synonym (not just containing one)."""
        return norm(text) in self._column_index

    def label_at(self, text: str) -> tuple[str, str, str, bool] | None:
        """(field, label, rest, had_separator) when ``text`` starts with a known label.

        Short labels ("PO", "To", "Date") need a separator ("PO: 4411") so that prose that
        happens to start with the word is not read as a field.
        """
        if not isinstance(text, str):
            return self._label_at(text)
        return self._asked(("label_at", text), self._label_at, text)

    def kept(self, name: str, make: Callable[[], Any]) -> Any:
        """What ``make()`` gives, made once for this vocabulary (whose words do not change): a
        pattern or a set of words built from all of them, asked for every document."""
        return self._asked(("kept", name), make)

    def _asked(self, key: tuple[str, ...], answer: Callable[..., Any], *args: Any) -> Any:
        """``answer(*args)``, kept under ``key`` for the next time the same is asked."""
        if key in self._memo:
            return self._memo[key]
        found = answer(*args)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()  # a daemon that runs for months reads ever new texts
        self._memo[key] = found
        return found

    def _label_at(self, text: str) -> tuple[str, str, str, bool] | None:
        # A label starts a text: it is looked for in the text's head, so that a long line asked
        # about at each of its words is not folded whole each time (minutes for 64 kB of prose).
        folded = fold(text[:LABEL_REACH])
        match = self._label_re.match(folded) if self._label_re else None
        fields = self._label_fields
        if not match and self._plain_re is not None:
            match = self._plain_re.match(_plain(folded))  # "Wahrung: EUR" for "Währung"
            fields = self._plain_fields
        unaccented = False
        if not match and self._label_re is not None and _plain(folded) != folded:
            # "Comandă nr.", "Adresă de livrare": a label the vocabulary writes without its accents
            match = self._label_re.match(_plain(folded))
            fields, unaccented = self._label_fields, True
        if not match:
            return None
        if len(text) > LABEL_REACH:
            folded = fold(text)  # a label: its value is the rest of the whole text
        label = folded[match.start(1) : match.end(1)]
        end = match.end()
        if end < len(folded) and _in_word(label[-1:]) and _in_word(folded[end]):
            # "Order" is not the label "order" of "Orderly", "Մատակարար" (supplier) not that of
            # "Մատակարարման ամսաթիվ" (delivery date); Chinese labels need no gap
            return None
        if re.match(r"[-_/][A-Za-z0-9]", folded[end : end + 2]) and re.search(r"\d", folded[end : end + 12]):
            return None  # "PO-350646", "PO/2026/118": a code that starts like a label is a value
        key = norm(label) if fields is self._label_fields and not unaccented else _plain(norm(label))
        name = fields.get(key) or fields.get(_undotted(key))
        if name is None:
            return None
        # The value keeps its own characters ("预付30%，..." keeps its full-width comma).
        after = (text if len(text) == len(folded) else folded)[match.end() :]
        sep = _LABEL_SEPARATOR.match(after)
        consumed = sep.group(0) if sep else ""
        rest = after[len(consumed) :]
        stripped = rest.lstrip(".:：#-–— \t°º")  # "Ordine n°": the sign ends the label
        consumed += rest[: len(rest) - len(stripped)]
        rest = stripped.strip()
        had_separator = bool(re.search(r"[:：#]", consumed))
        if name == "po_number" and not had_separator and re.match(r"box\b", rest, re.IGNORECASE):
            return None  # "P.O. BOX 6420": a post office box, never the order's number
        if re.match(r"[A-Z]{3}\s?[:：]\s*\S", rest) and name == "total" and not had_separator:
            rest = re.sub(
                r"^([A-Z]{3})\s?[:：]\s*", r"\1 ", rest
            )  # "Total EUR: 1.250,00": the currency, then the amount
        elif re.match(r"[A-Za-z][A-Za-z .]{0,30}[:：]", rest) and not had_separator:
            # "Date of dispatch: ...", "Customer PO No: ...": the label is the start of a
            # longer one this vocabulary does not know; its value is not ours to take
            return None
        short = len(norm(label)) <= (4 if label.isascii() else 2)  # 支払条件 is a whole word, "Date" a common one
        if short and rest and not had_separator and not consumed.lower().strip().startswith("no"):
            # "PO 4411", "Date 2026-11-17", "Total 1,018.00" — but not "To be confirmed".
            if name not in _TYPED_FIELDS or not re.match(r"[\d(A-Z¥$€£]", rest):
                return None
        return name, label.strip(), rest, had_separator

    def labels_in(self, text: str) -> list[int]:
        """Where labels start anywhere in ``text`` (prose: "..., our PO number is 4411")."""
        return [m.start() for m in self._label_find.finditer(fold(text))] if self._label_find is not None else []

    def is_row(self, kind: str, text: str) -> bool:
        """Whether a row label is of ``kind`` (total, subtotal, charges, notes). A rate after
        the label ("Sales Tax 8.25 %", "MwSt. (19%)") is not part of its words."""
        if not isinstance(text, str):
            return self._is_row(kind, text)
        return bool(self._asked(("is_row", kind, text), self._is_row, kind, text))

    def _is_row(self, kind: str, text: str) -> bool:
        t = norm(text)
        if kind != "footer":
            t = _RATE_AFTER.sub("", t).strip(" :：.*#-_") or t
        if not t:
            return False
        if kind == "footer":
            return any(re.fullmatch(p, t, re.I) for p in self.rows["footer"])
        words = self.rows[kind]
        if any(
            t == w
            or t.startswith(w + " ")
            or t.startswith(w + ":")
            or t.startswith(w + ". ")  # "USt. gesamt", "Tot. net": an abbreviated word, then more
            or t.startswith(w + "：")
            or (not w.isascii() and t.startswith(w))
            for w in words
        ):
            return True
        # "Item Tax", "Sales Tax", "PO Total", "Order Total": a short label ending in the word
        if (
            kind in ("total", "charges", "subtotal")
            and len(t.split()) <= 3
            and any(w.isascii() and (t.endswith(" " + w) or t.endswith(" " + w + ":")) for w in words)
        ):
            return True
        if kind == "carried" and self._carried_within(t):
            return True
        # a label in two languages ("Tổng cộng / Total", "合计 / Total"): either half names the row
        return " / " in t and any(self.is_row(kind, part) for part in t.split(" / ") if part.strip())

    def _carried_within(self, t: str) -> bool:
        """A running sum over a page break said in a few words around the phrase ("Total
        carried forward", "Balance brought forward", "Zwischensumme Übertrag"), or a page's own
        sum ("Subtotal page 1", "Page 2 total", "Summe Seite 1": ``rows.page_sums``)."""
        if len(t.split()) > MAX_CARRIED_WORDS:
            return False
        if any(re.fullmatch(p, t, re.I) for p in self.rows.get("page_sums", [])):
            return True
        return any(
            re.search(rf"(?:^|\s){re.escape(w)}(?:$|\s|[:：])", t) if w.isascii() else w in t
            for w in self.rows["carried"]
            if len(w) >= 4
        )


MEMO_SIZE = 50_000  # answers kept per vocabulary before they are forgotten
EXTENDED_KEPT = 32  # copies with a rule's synonyms kept per vocabulary: one per such rule, up to this


def _frozen(words: dict[str, list[str]] | None) -> tuple:
    """A rule's synonyms as a key: the same words in the same order make the same copy."""
    return tuple((name, tuple(values)) for name, values in (words or {}).items())


MAX_CARRIED_WORDS = 6  # a label longer than this is a sentence that happens to say "carried forward"
_RATE_AFTER = re.compile(r"\s*[(\[]?\s*\d{1,2}(?:[.,]\d{1,3})?\s*%\s*[)\]]?\s*[:：]?$")

# How ERPs shorten "number" in labels and column heads: "Bestellnummer" is printed
# "Bestellnr.", "Order Number" is "Order No" or "Order #", "Numéro de commande" is "N° de
# commande". Every such word in the vocabulary also stands for its short forms, so a language
# file need not list them all.
ABBREVIATIONS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"(?<=[^\W\d_]{3})nummer\b"), ("nr", "no", " nr")),  # bestellnummer → bestellnr, bestell nr
    (re.compile(r"\bnumber\b"), ("no", "nr", "#")),
    (re.compile(r"\bnum[eé]ro\b"), ("n°", "nº", "no", "nr")),
    (re.compile(r"\bnumer\b"), ("nr",)),
]


def abbreviated(words: list[str]) -> list[str]:
    """``words`` and, after them, their short forms ("artikelnummer" → "artikelnr", "artikelno")."""
    out = list(words)
    for word in words:
        for pattern, shorts in ABBREVIATIONS:
            if pattern.search(word):
                for short in shorts:
                    variant = norm(pattern.sub(short, word))
                    if variant and variant not in out:
                        out.append(variant)
    return out


# Words that say whether a price is before or after tax: a column is the same without them.
_TAX_BASIS = re.compile(
    r"(?<![\w.])(?:h\.?t\.?|ttc|hors taxes?|net|netto|brutto|gross|excl\.?(?: (?:vat|tax))?|incl\.?(?: (?:vat|tax))?)(?![\w])"
)


_TYPED_FIELDS = ("po_number", "po_date", "delivery_date", "total", "currency")


# A label, the blanks before it and what follows it are read within this many characters.
LABEL_REACH = 256

# Latin letters with accents (U+00C0-U+024F) to their base letters, one character for one.
_UNACCENTED = {c: unicodedata.normalize("NFD", chr(c))[0] for c in range(0xC0, 0x250)}


def _plain(text: str) -> str:
    """``text`` with its Latin letters' accents taken off ("währung" → "wahrung"), letter for letter."""
    if text.isascii():
        return text
    return text.translate(_UNACCENTED)


def _label_pattern(word: str) -> str:
    # "po no" also matches "PO No.", "P.O. No", "PO-No": spaces are any run of space/dot/dash,
    # and a short abbreviation may have a dot after each letter ("po date" is "P.O. Date").
    return r"[\s.\-]*".join(_abbreviation(part) for part in word.split(" "))


_BLANKS = re.compile(r"\s*")


class _Starts:
    """``re.compile(rf"^\\s*({alternatives})", re.I).match`` for the vocabulary's labels (longest
    first), asked of only the labels whose first letter is the text's first letter (or that could
    start with a blank): the same match, the first label in order that matches, but over a
    hundred labels instead of two thousand, in microseconds instead of 80. Bodies are asked about
    a label at each of their words."""

    def __init__(self, words: list[str]) -> None:
        self._words = words
        # a word's first letter; "" when its pattern could start otherwise (on a blank)
        self._firsts = [_first_letter(w) for w in words]
        letters = sorted({f for f in self._firsts if f})
        self._letters = letters
        self._any = re.compile("[" + "".join(re.escape(f) for f in letters) + "]", re.I) if letters else None
        self._none = self._compiled(frozenset())
        self._by_char: dict[str, re.Pattern[str]] = {}
        self._by_letters: dict[frozenset[str], re.Pattern[str]] = {}

    def _compiled(self, letters: frozenset[str]) -> re.Pattern[str]:
        chosen = [_label_pattern(w) for w, f in zip(self._words, self._firsts) if not f or f in letters]
        return re.compile(rf"^\s*({'|'.join(chosen) or '(?!)'})", re.I)

    def match(self, text: str) -> re.Match[str] | None:
        blanks = _BLANKS.match(text)
        at = blanks.end() if blanks else 0
        char = text[at : at + 1]
        pattern = self._by_char.get(char)
        if pattern is None:
            if not char or self._any is None or not self._any.match(char):
                return self._none.match(text)  # no label starts with it: only those that start otherwise
            # the letters this character is under re.I (a few, once per character)
            letters = frozenset(f for f in self._letters if re.match(re.escape(f), char, re.I))
            pattern = self._by_letters.get(letters)
            if pattern is None:
                pattern = self._by_letters[letters] = self._compiled(letters)
            self._by_char[char] = pattern
        return pattern.match(text)


def _first_letter(word: str) -> str:
    """The character a label's pattern must start with, or "" when it may start with a blank."""
    head = word.split(" ")[0][:1]
    return "" if not head or re.match(r"[\s.\-]", head) else head


def _undotted(label: str) -> str:
    """ "p.o. date" → "po date": the vocabulary's spelling of a label with dotted letters."""
    return re.sub(r"[\s.\-]+", " ", re.sub(r"(?<=\b[a-z])\.(?=[a-z])", "", label)).strip()


def _abbreviation(part: str) -> str:
    if 2 <= len(part) <= 3 and part.isascii() and part.isalpha():
        return r"\.?".join(re.escape(c) for c in part)
    return re.escape(part)


@lru_cache(maxsize=1)
def _bundled() -> Vocabulary:
    text = resources.files("mailflow").joinpath("data/vocabulary.yaml").read_text(encoding="utf-8")
    return Vocabulary.from_data(with_languages(yaml.safe_load(text), languages.load()))


def with_languages(data: dict, langs: "languages.Languages") -> dict:
    """``vocabulary.yaml`` plus every language file: its own words first, then the languages'
    (appended, never reordered, so a synonym the base file gives one field keeps that field)."""
    data = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v) for k, v in data.items()}
    for key, extra in (
        ("columns", langs.columns),
        ("labels", langs.labels),
        ("rows", langs.rows),
        ("kinds", langs.cues),
    ):
        merged = {name: list(words) for name, words in data.get(key, {}).items()}
        for name, words in extra.items():
            bucket = merged.setdefault(name, [])
            bucket.extend(w for w in words if w not in bucket)
        data[key] = merged
    data["units"] = list(data.get("units", [])) + [u for u in langs.units if u not in data.get("units", [])]
    data["documents"] = langs.documents
    data["parties"] = langs.parties
    # the languages' forms first, then those of languages no file describes
    data["legal_forms"] = [
        *langs.legal_forms,
        *(f for f in data.get("legal_forms") or [] if f not in langs.legal_forms),
    ]
    data["reply_prefixes"] = langs.reply_prefixes
    return data
