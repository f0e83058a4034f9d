"""Numbers, currencies and dates as customers write them → ``Decimal``, ISO 4217, ``date``.

Contract
    Pure functions; nothing here guesses silently. Each parser returns ``None`` when the text is
    not a value of its kind, and reports ambiguity to the caller (``Parsed.ambiguous`` with the
    reason) so the caller can add a warning and set ``needs_review``.

    * ``parse_number("1,234.56") == Decimal("1234.56")``; also ``1.234,56``, ``1 234,56``,
      ``1'234.56``, full-width digits, a leading currency sign or code.
      ``1,234`` / ``1.234`` (one separator, three digits after it) follow ``decimal_comma``:
      thousands unless the rule's locale writes a decimal comma.
    * ``find_currency("US$ 3.20") == "USD"``; ``¥`` alone is JPY or CNY: resolved by ``hint``
      (the rule's currency, or the document's language), else reported as ambiguous.
    * ``parse_date("12/11/2026", order="DMY")``: ``YYYY-MM-DD``, ``15.12.2026``, ``12/15/2026``,
      ``Dec 15, 2026``, ``15 Dec 2026``, ``2026年12月15日``; a date without a year takes the year
      that puts it nearest to ``today``; ``03/04/2026`` with no order known is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from collections.abc import Collection
from typing import Any

from ..model import CURRENCY_ALIASES
from .alternation import Alternation, alternation
from .languages import month_words, shared_month_words, short_month_words

# the longest line a total ("Summe netto: 22.833,21") is looked for in: no total's line is longer, and
# finding the number that ends a line is quadratic in the line's length
TOTAL_LINE_CHARS = 300


@dataclass(frozen=True)
class Parsed:
    """A value plus why it may be wrong (``ambiguous`` is a human sentence, or empty)."""

    value: Any
    ambiguous: str = ""


def fold(text: str) -> str:
    """NFKC: full-width digits, colons and letters become ASCII (１２：３０ → 12:30)."""
    return unicodedata.normalize("NFKC", text)


# --------------------------------------------------------------------------- currencies

# Signs and names matched anywhere (longest first: "HK$" before "$", "新加坡元" before "元");
# a sign with letters before the "$" ("C$", "HK$") only when no other letter precedes it, so
# that "CA$" is never read as "A$".
_CURRENCY_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("USD$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("SG$", "SGD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("CAN$", "CAD"),
    ("CDN$", "CAD"),
    ("NZ$", "NZD"),
    ("MX$", "MXN"),
    ("MEX$", "MXN"),
    ("R$", "BRL"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("米ドル", "USD"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("ユーロ", "EUR"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("日元", "JPY"),
    ("日圓", "JPY"),
    ("日幣", "JPY"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("港元", "HKD"),
    ("香港ドル", "HKD"),
    ("新台币", "TWD"),
    ("新台幣", "TWD"),
    ("新臺幣", "TWD"),
    ("台币", "TWD"),
    ("台幣", "TWD"),
    ("台湾ドル", "TWD"),
    ("新加坡元", "SGD"),
    ("新加坡币", "SGD"),
    ("新加坡幣", "SGD"),
    ("新币", "SGD"),
    ("新幣", "SGD"),
    ("シンガポールドル", "SGD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("加幣", "CAD"),
    ("加拿大元", "CAD"),
    ("カナダドル", "CAD"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("澳幣", "AUD"),
    ("豪ドル", "AUD"),
    ("オーストラリアドル", "AUD"),
    ("纽币", "NZD"),
    ("紐幣", "NZD"),
    ("新西兰元", "NZD"),
    ("紐西蘭幣", "NZD"),
    ("ニュージーランドドル", "NZD"),
    ("瑞士法郎", "CHF"),
    ("スイスフラン", "CHF"),
    ("瑞典克朗", "SEK"),
    ("挪威克朗", "NOK"),
    ("丹麦克朗", "DKK"),
    ("丹麥克朗", "DKK"),
    ("捷克克朗", "CZK"),
    ("墨西哥比索", "MXN"),
    ("韩元", "KRW"),
    ("韓元", "KRW"),
    ("円", "JPY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("Kč", "CZK"),
    ("zł", "PLN"),
    ("₺", "TRY"),
    ("₽", "RUB"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₪", "ILS"),
    ("₴", "UAH"),
    ("KSh", "KES"),
    ("Ksh", "KES"),
    # Indonesian rupiah and Malaysian ringgit as their orders write them ("Rp 1.250.000", "RM 1,250.00")
    ("Rp", "IDR"),
    ("RM", "MYR"),
    ("₸", "KZT"),
    ("₾", "GEL"),
    ("₮", "MNT"),
    ("₦", "NGN"),
    ("₵", "GHS"),
    ("֏", "AMD"),
    ("₼", "AZN"),
    ("₲", "PYG"),
    ("৳", "BDT"),
    ("₭", "LAK"),
    ("₡", "CRC"),
    ("₫", "VND"),
    ("៛", "KHR"),
    # Cyrillic and Arabic signs written after the amount ("1 250,00 лв.", "12.500,00 дин.",
    # "4 800,00 грн", "1,154.500 د.ك")
    ("лв", "BGN"),
    ("дин", "RSD"),
    ("грн", "UAH"),
    ("د.ك", "KWD"),
    ("د.إ", "AED"),
    ("ر.س", "SAR"),
    ("ر.ق", "QAR"),
    ("ر.ع", "OMR"),
    ("د.ب", "BHD"),
    ("$", "USD"),
)
# Two capitals or letters that are a currency only written against an amount ("Rp 1.250.000",
# "RM1,250.00") or alone in a cell: "RM" elsewhere is a raw material, a room, a remark
_LETTERS_BESIDE_AMOUNT = ("Rp", "RM")
_BESIDE_AMOUNT = r"\.?(?=\s?[\d(]|\s*$)"  # "Rp." with its full stop
_SYMBOLS_LONGEST = sorted(_CURRENCY_SYMBOLS, key=lambda pair: len(pair[0]), reverse=True)
_SYMBOL_RE = re.compile(
    "|".join(
        (r"(?<![A-Za-z])" if symbol[0].isascii() and symbol[0].isalpha() else "")
        + (r"(?<![^\W\d_])" if "\u0400" <= symbol[0] <= "\u04ff" else "")  # "лв", not "один"
        + re.escape(symbol)
        + (_BESIDE_AMOUNT if symbol in _LETTERS_BESIDE_AMOUNT else "")
        for symbol, _ in _SYMBOLS_LONGEST
    )
)
_SYMBOL_CODE = dict(_CURRENCY_SYMBOLS)
_CURRENCY_CODES = {
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "HKD",
    "TWD",
    "SGD",
    "AUD",
    "CAD",
    "NZD",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "KRW",
    "INR",
    "MXN",
    "BRL",
    "THB",
    "MYR",
    "VND",
    "IDR",
    "PHP",
    "AED",
    "SAR",
    "ZAR",
    "TRY",
    "RUB",
    "ILS",
    "HUF",
    "RON",
    "BGN",
    "RSD",
    "UAH",
    "KWD",
    "BHD",
    "OMR",
    "QAR",
    "EGP",
    "KZT",
    "ISK",
    "MKD",
    "PKR",
    "BDT",
    "LKR",
    # East and West Africa, the Maghreb, the Levant, Central Asia and the Caucasus, the Balkans,
    # Latin America: the codes that are no English word written in capitals ("ALL", "PEN", "MAD", "GEL", "MUR", "KGS")
    "KES",
    "TZS",
    "UGX",
    "NGN",
    "GHS",
    "ETB",
    "XOF",
    "XAF",
    "TND",
    "DZD",
    "JOD",
    "LBP",
    "IQD",
    "IRR",
    "AZN",
    "MNT",
    "UZS",
    "BYN",
    "HRK",
    "BAM",
    "CLP",
    "ARS",
    "UYU",
    "NPR",
    "MMK",
    "KHR",
    "BND",
    "BWP",
    "ZMW",
    "MZN",
}
# Every other currency ISO 4217 lists as in use (and those withdrawn lately, still printed on
# old forms): read where nothing else can be meant, under a currency label or right beside an
# amount ("AMD 125 000", "1.250,00 GEL"), never as a word of the text ("ALL items", "GEL pads",
# "TOP 10", "AMD processors")
_ISO_CODES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
    BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN
    ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD
    JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON
    RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP
    TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR
    ZMW ZWG ZWL""".split()
)
# codes that are also a unit or an item written in capitals beside a quantity ("1,250 KGS",
# "2,000 PEN", "1,000 CUP"): read only under a currency label
_UNIT_CODES = frozenset({"KGS", "CUP", "PEN", "MOP", "TOP", "ALL"})
_ISO_ALONE = re.compile(r"\W*([A-Z]{3})\W*")
_AMOUNT = r"(?:\d{1,3}(?:[.,'\s\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{1,2})"
_ISO_BESIDE_AMOUNT = re.compile(
    rf"(?<![A-Za-z])([A-Z]{{3}})\s?{_AMOUNT}(?!\d)|(?<!\d){_AMOUNT}\s?([A-Z]{{3}})(?![A-Za-z])"
)
_CODE_ALIASES = CURRENCY_ALIASES
_CODES = "|".join(sorted(_CURRENCY_CODES | set(_CODE_ALIASES), key=len, reverse=True))
_CODE_RE = re.compile(rf"(?<![A-Za-z])({_CODES})(?![A-Za-z])", re.IGNORECASE)
# Currency names in words, with the country that decides them: "Canadian dollars" is CAD, never
# USD. (pattern, ISO code); a pattern ends where the word may take a plural or a case ending.
_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (
        r"(?:u\.?\s?s\.?|american|us-|united states)\s?dollars?|dollars? (?:us|am[ée]ricains?)|d[óo]lar(?:es)? "
        r"(?:estadounidenses?|americanos?)|dollari americani|us-dollars?",
        "USD",
    ),
    (
        r"canadian (?:dollars?|funds)|cdn (?:dollars?|funds)|dollars? canadiens?|kanadische[nr]? dollars?|d[óo]lar(?:es)? canadien(?:se)?s?|"
        r"dollar[oi] canades[ei]|d[óo]lar(?:es)? canadenses?|canadese dollars?|kanadensiska dollar",
        "CAD",
    ),
    (
        r"australian (?:dollars?|funds)|dollars? australiens?|australische[nr]? dollars?|d[óo]lar(?:es)? australian[oa]s?|"
        r"dollar[oi] australian[oi]|australische dollars?|australiska dollar",
        "AUD",
    ),
    (
        r"hong kong dollars?|hongkong-dollars?|dollars? de hong kong|d[óo]lar(?:es)? de hong kong|"
        r"dollar[oi] di hong kong|hongkongse dollars?",
        "HKD",
    ),
    (
        r"singapore dollars?|singapur-dollars?|dollars? de singapour|d[óo]lar(?:es)? de singapur|"
        r"dollar[oi] di singapore|singaporese dollars?",
        "SGD",
    ),
    (
        r"new taiwan dollars?|taiwan(?:ese)? dollars?|neue[rn]? taiwan-dollars?|nouveaux? dollars? de ta[ïi]wan|"
        r"nuevos? d[óo]lar(?:es)? taiwan[ée]s(?:es)?",
        "TWD",
    ),
    (
        r"new zealand dollars?|neuseeland-dollars?|dollars? n[ée]o-z[ée]landais|d[óo]lar(?:es)? neozeland[ée]s(?:es)?|"
        r"nieuw-zeelandse dollars?",
        "NZD",
    ),
    (r"mexican pesos?|pesos? mexican[oa]s?|mexikanische[nr]? pesos?|pesos? mexicains?", "MXN"),
    (
        r"swiss francs?|schweizer franken|francs? suisses?|franchi svizzeri|franco svizzero|francos? suizos?|"
        r"zwitserse franks?|schweiziska franc|frank(?:i|ów)? szwajcarski(?:e|ch)?",
        "CHF",
    ),
    (
        r"czech (?:korun(?:a|as|y)?|crowns?)|korun(?:a|y)? česk(?:á|é|ých)|tschechische[nr]? kronen?|"
        r"couronnes? tchèques?",
        "CZK",
    ),
    (r"danish (?:kroner?|crowns?)|danske kroner|dänische[nr]? kronen?|couronnes? danoises?|danska kronor", "DKK"),
    (
        r"swedish (?:kron(?:a|or)|crowns?)|svenska kronor|schwedische[nr]? kronen?|couronnes? suédoises?|"
        r"zweedse kronen?",
        "SEK",
    ),
    (
        r"norwegian (?:kroner?|crowns?)|norske kroner|norwegische[nr]? kronen?|couronnes? norvégiennes?|"
        r"norska kronor",
        "NOK",
    ),
    (
        r"(?:british )?pounds? sterling|british pounds?|pfund sterling|livres? sterling|libras? esterlinas?|"
        r"sterline inglesi",
        "GBP",
    ),
    (r"japanese yen|yen|japanische[nr]? yen", "JPY"),
    (r"renminbi|chinese yuan|yuan renminbi", "CNY"),
    (r"(?:south )?korean won", "KRW"),
    (r"indian rup(?:ee|ie)s?", "INR"),
    (r"polish zlot(?:y|ys|ies)|z[łl]ot(?:y|ych|e)", "PLN"),
    (r"hungarian forints?|forint", "HUF"),
    (r"brazilian real|reais", "BRL"),
    (r"south african rand", "ZAR"),
    (r"turkish lira|türk lirası", "TRY"),
    (r"romanian l(?:eu|ei)", "RON"),
    (r"russian roubles?|russian rubles?|рубл(?:ь|я|ей)", "RUB"),
    (r"kuwaiti dinars?", "KWD"),
    (r"bahraini dinars?", "BHD"),
    (r"serbian dinars?|српск(?:и|их) динара?|din\.|динара", "RSD"),
    (r"saudi riyals?", "SAR"),
    (r"qatari riyals?", "QAR"),
    (r"omani rials?", "OMR"),
    (r"(?:uae|emirati|u\.a\.e\.) dirhams?", "AED"),
    (r"bulgarian lev|лева", "BGN"),
    (r"ukrainian hryvnias?|hryvnias?|гривн(?:я|і|и)|гривень", "UAH"),
    (r"armenian drams?|drams?|դրամ|драм(?:а|ов)?", "AMD"),
    (r"georgian lari|lari|ლარი|лари", "GEL"),
    (r"kazakh(?:stani)? tenge|tenge|теңге|тенге", "KZT"),
    (r"mongolian t[öo]gr[öo]g|tugriks?|t[öo]gr[öo]g|төгрөг", "MNT"),
    (r"azerbaijani manat|az[əe]rbaycan manatı", "AZN"),
    (r"turkmen(?:istan)? manat", "TMT"),
    (r"kyrgyz(?:stani)? soms?|кыргыз сому?", "KGS"),
    (r"uzbek(?:istan)? so['‘’ʻ]?m|o['‘’ʻ]zbek so['‘’ʻ]mi", "UZS"),
    (r"tajik(?:istani)? somoni|somoni|сомонӣ|сомони", "TJS"),
    (r"paraguayan guaran[ií]e?s?|guaran[ií]e?s", "PYG"),
    (r"bangladeshi taka|taka|টাকা", "BDT"),
    (r"lao kip|ກີບ", "LAK"),
    (r"cambodian riels?|riels?|រៀល", "KHR"),
    (r"(?:myanmar|burmese) kyats?|kyats?|ကျပ်", "MMK"),
    (r"vietnamese d[oồ]ng|việt nam đồng|đồng", "VND"),
    (r"thai baht|baht|บาท", "THB"),
    (r"malaysian ringgit|ringgit", "MYR"),
    (r"indonesian rupiah|rupiah", "IDR"),
    (r"philippine pesos?", "PHP"),
    (r"pakistani rup(?:ee|ie)s?", "PKR"),
    (r"sri lankan rup(?:ee|ie)s?", "LKR"),
    (r"nepal(?:ese|i) rup(?:ee|ie)s?", "NPR"),
    (r"afghan afghanis?|afghanis?|افغانی", "AFN"),
    (r"nigerian naira|naira|náírà", "NGN"),
    (r"ghanaian cedis?|cedis?", "GHS"),
    (r"kenyan shillings?|shilingi ya kenya", "KES"),
    (r"tanzanian shillings?|shilingi ya tanzania", "TZS"),
    (r"ugandan shillings?", "UGX"),
    (r"somali shillings?|shilin(?:ka)? soomaali", "SOS"),
    (r"ethiopian birr|birr|ብር", "ETB"),
    (r"moroccan dirhams?", "MAD"),
    (r"egyptian pounds?", "EGP"),
    (r"albanian lek[eë]?|lek[eë]", "ALL"),
    (r"macedonian denars?|денари?", "MKD"),
    (r"moldovan lei|lei moldovene[sș]ti", "MDL"),
    (r"peruvian soles|soles|nuevos soles", "PEN"),
    (r"bolivianos", "BOB"),
    (r"guatemalan quetzal(?:es)?|quetzal(?:es)?", "GTQ"),
    (r"honduran lempiras?|lempiras?", "HNL"),
    (r"costa rican col[oó]n(?:es)?|col[oó]nes", "CRC"),
    (r"nicaraguan c[oó]rdobas?", "NIO"),
    (r"chilean pesos?|pesos? chilenos?", "CLP"),
    (r"colombian pesos?|pesos? colombianos?", "COP"),
    (r"argentine pesos?|pesos? argentinos?", "ARS"),
    (r"uruguayan pesos?|pesos? uruguayos?", "UYU"),
    (r"dominican pesos?|pesos? dominicanos?", "DOP"),
    (r"zambian kwacha", "ZMW"),
    (r"malawian kwacha", "MWK"),
    (r"mozambican metica(?:l|is)|metica(?:l|is)", "MZN"),
    (r"angolan kwanzas?|kwanzas?", "AOA"),
    (r"botswana pula", "BWP"),
    (r"namibian dollars?", "NAD"),
    (r"malagasy ariary|ariary", "MGA"),
    (r"rwandan francs?", "RWF"),
    (r"cfa francs?|francs? cfa", "XOF"),
    (r"south african rand|(?:ama)?randi", "ZAR"),
    (r"israeli (?:new )?shekels?|shekels?|שקל|ש\"ח", "ILS"),
    # the euro as the languages of the eurozone's east write it ("eiro", "eurų", "евро")
    (r"euros?|eur(?:a|ų|ai|ot)|eiro|evr(?:a|o|ov)|євро|евро|евра", "EUR"),
)
# A name without its country names several currencies: read, but always said for review.
_AMBIGUOUS_WORDS: tuple[tuple[str, str, str], ...] = (
    (r"dollars?|dólar(?:es)?|dollar[oi]", "USD", "US, Canadian, Australian, Hong Kong, Singapore… dollars"),
    (r"kron(?:e|er|en)|couronnes?", "DKK", "Danish or Norwegian krone (or another crown)"),
    (r"francs?|franken|franchi", "CHF", "Swiss francs or another franc"),
    (r"pesos?", "MXN", "Mexican, Chilean, Colombian, Philippine… pesos"),
    (r"rup(?:ee|ie)s?|₨", "INR", "Indian, Pakistani, Sri Lankan… rupees"),
    (r"manat", "AZN", "Azerbaijani or Turkmen manat"),
    (r"shillings?|shilingi", "KES", "Kenyan, Tanzanian, Ugandan, Somali… shillings"),
    (r"kwacha", "ZMW", "Zambian or Malawian kwacha"),
    (r"dirhams?", "AED", "UAE dirhams or Moroccan dirhams"),
)


def _word_pattern(alternatives: str) -> str:
    return rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])"


_WORD_RES = [(re.compile(_word_pattern(p), re.I), iso) for p, iso in _CURRENCY_WORDS]
_AMBIGUOUS_RES = [(re.compile(_word_pattern(p), re.I), iso, why) for p, iso, why in _AMBIGUOUS_WORDS]
# any of them at all, looked for once: most texts name no currency in words, and a hundred
# searches each would say so a hundred times
_ANY_WORD = alternation("", [_word_pattern(p) for p, _ in _CURRENCY_WORDS], "", re.I)
_ANY_AMBIGUOUS = alternation("", [_word_pattern(p) for p, _, _ in _AMBIGUOUS_WORDS], "", re.I)
# a currency's code or its name in words, anywhere in a text (the longest name first)
# (tried at each place among only the names that can start with its letter: ``alternation.py``)
CURRENCY_NAME = alternation(
    "",
    [_word_pattern(p) for p, _ in _CURRENCY_WORDS]
    + [rf"(?<![A-Za-z])(?:{_CODES})(?![A-Za-z])"]
    + [re.escape(sign) for sign, _ in _SYMBOLS_LONGEST if sign[0].isalpha() and sign.endswith("$")]
    + [re.escape(sign) for sign, _ in _SYMBOLS_LONGEST if not sign.isascii() and len(sign) > 1]
    + [_word_pattern(p) for p, _, _ in _AMBIGUOUS_WORDS],
    "",
    re.I,
)
YEN_SIGNS = ("¥", "￥")
# Currencies written after the amount in words too short to look for anywhere else: "1 234,50 Ft"
# (forint; "Ft" with its capital, never "ft" for feet), "1.250,00 lei" (Romanian lei). Read after
# a number, or as a currency cell on its own.
_AFTER_WORDS = r"Ft|lei|Lei|LEI|TL|YTL|руб|р|Kc|₫|đ|so['‘’ʻ]m|сўм"
_AFTER_AMOUNT = re.compile(rf"\d\s*({_AFTER_WORDS})\.?(?![^\W\d_])")
_AFTER_AMOUNT_ALONE = re.compile(rf"({_AFTER_WORDS}|kr)\.?")
_AFTER_AMOUNT_CODE = {"ft": "HUF", "lei": "RON", "tl": "TRY", "ytl": "TRY", "руб": "RUB", "р": "RUB", "kc": "CZK"}
_AFTER_AMOUNT_CODE.update({"₫": "VND", "đ": "VND", "сўм": "UZS"})
_AFTER_AMOUNT_CODE.update({f"so{quote}m": "UZS" for quote in "'‘’ʻ"})  # Uzbek som: "12 500,00 so'm"
# "1.234,50 kr": Swedish, Norwegian, Danish (and Icelandic) crowns all write "kr"
_CROWNS = re.compile(r"\d\s*kr\.?(?![^\W\d_])|^kr\.?$", re.I)
_CROWN_HINTS = {"sv": "SEK", "nb": "NOK", "no": "NOK", "da": "DKK", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK"}


def find_currency(text: str, hint: str | None = None, labelled: bool = False) -> Parsed:
    """The ISO code written in ``text`` (a code, a sign, a name in words), or ``Parsed(None)``.

    A name with its country decides ("Canadian dollars" → CAD, "francs suisses" → CHF, "C$" →
    CAD); a name without one ("dollars", "kroner") is read but reported as ambiguous, never
    taken silently. ``hint`` resolves the yen sign: "CNY" or "JPY" from the rule, or "zh"/"ja".
    ``labelled``: ``text`` is the value of a currency label, where any ISO 4217 code written
    alone is one ("GEL", "AMD"); elsewhere such a code is read only beside an amount.
    """
    if not text:
        return Parsed(None)
    code = _CODE_RE.search(text)
    if code:
        word = code.group(1).upper()
        return Parsed(_CODE_ALIASES.get(word, word))
    alone = _ISO_ALONE.fullmatch(text) if labelled else None
    if alone and alone.group(1) in _ISO_CODES:
        return Parsed(alone.group(1))
    beside = next(
        (m for m in _ISO_BESIDE_AMOUNT.finditer(text) if (m.group(1) or m.group(2)) in _ISO_CODES - _UNIT_CODES), None
    )
    if beside:
        return Parsed(beside.group(1) or beside.group(2))
    for pattern, iso in _WORD_RES if _ANY_WORD.search(text) else ():
        if pattern.search(text):
            return Parsed(iso)
    sign = _SYMBOL_RE.search(text)
    if sign and sign.group(0) != "$":
        return Parsed(_SYMBOL_CODE[sign.group(0).rstrip(".")])
    after = re.search(r"\d\s*(円|원)", text)  # "710円", "1,200원": the amount's own word for yen or won
    if after:
        return Parsed("JPY" if after.group(1) == "円" else "KRW")
    written = _AFTER_AMOUNT.search(text) or _AFTER_AMOUNT_ALONE.fullmatch(text.strip())
    if written and written.group(1).lower() != "kr":
        return Parsed(_AFTER_AMOUNT_CODE[written.group(1).lower()])
    if _CROWNS.search(text.strip()):
        if hint in _CROWN_HINTS:
            return Parsed(_CROWN_HINTS[hint])
        return Parsed("SEK", "'kr' is written for Swedish, Norwegian and Danish crowns alike; which currency is it?")
    if any(yen in text for yen in YEN_SIGNS) or re.search(r"\d\s*元", text):
        if "元" in text and not any(yen in text for yen in YEN_SIGNS):
            return Parsed("CNY")
        if hint in ("CNY", "zh"):
            return Parsed("CNY")
        if hint in ("JPY", "ja"):
            return Parsed("JPY")
        return Parsed("CNY", "the ¥ sign is used for both JPY and CNY and nothing says which")
    if sign:
        return Parsed("USD")
    for pattern, iso, why in _AMBIGUOUS_RES if _ANY_AMBIGUOUS.search(text) else ():
        match = pattern.search(text)
        if match:
            return Parsed(iso, f"'{match.group(0)}' names no country: it could be {why}; which currency is it?")
    return Parsed(None)


# --------------------------------------------------------------------------- numbers

_MULTIPLIERS = {"万": Decimal(10000), "亿": Decimal(100000000)}
_NUMBER_RE = re.compile(r"[-+]?\(?\d[\d\s.,'’\u00a0\u202f\u2009]*")


def parse_number(text: Any, decimal_comma: bool | None = None) -> Decimal | None:
    """A quantity or an amount as written; ``None`` when ``text`` is not exactly one number.

    Currency marks and a trailing unit ("1,200 pcs", "USD 3.20", "8.60元") are allowed around
    the number; anything else ("12 x 4", "N/A", "2-3") is not a number.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        # repr gives the shortest string that round-trips: 12.8, not 12.800000000000001
        return Decimal(repr(text)).normalize() if text != int(text) else Decimal(int(text))
    return _parse_text(text if isinstance(text, str) else str(text), decimal_comma)


@lru_cache(maxsize=8192)
def _parse_text(text: str, decimal_comma: bool | None) -> Decimal | None:
    """``parse_number`` of a text, kept: a reader asks about the same cells again and again
    (54,000 calls for 4,000 texts in 200 mails)."""
    s = fold(text).strip()
    if not s:
        return None
    s = _CODE_RE.sub(" ", s)
    s = _SYMBOL_RE.sub(" ", s)
    s = s.replace("¥", " ").replace("元", " ")
    s = re.sub(r"\(\s*\)", " ", s).strip(" :=")  # "Total (USD): 1,018.00" leaves "(): 1,018.00"
    match = _NUMBER_RE.match(s)
    if not match:
        return None
    rest = s[match.end() :].strip()
    # "510/EA", "4.61/Ea": a unit written after a slash is a unit, not a fraction
    rest = re.sub(r"^/\s*(?=[^\W\d_]+\.?$)", "", rest)
    rest = re.sub(r"^/-$", "", rest)  # "₹10,100 /-": rupees and no paise, as Indian orders write it
    # "123.45-", "123.45- EUR": a minus after the number, as SAP prints a credit, is its sign
    trailing_minus = re.match(r"[-−](?:$|\s+[^\W\d_]{1,10}\.?$)", rest)
    if trailing_minus:
        rest = rest[1:].strip()
    elif re.search(r"[-−]", rest):
        return None  # a minus somewhere after the number: never read it as a positive one
    # A trailing unit or currency word is fine; digits or operators after the number are not.
    if rest and (re.search(r"[\d=*×+/]", rest) or len(rest) > 12):
        return None
    raw = match.group(0).strip().rstrip(".,")
    negative = raw.startswith("-") or (raw.startswith("(") and rest.startswith(")")) or bool(trailing_minus)
    if raw.startswith("-") and trailing_minus:
        return None  # "-12-": a sign on both sides is no number
    raw = raw.lstrip("-+(").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if any(len(group) != 3 for group in re.findall(r"\s(\d+)", raw)):
        return None  # "1,596.40 28": two numbers side by side; a space only groups thousands ("1 596,40")
    raw = re.sub(r"[\s'’]", "", raw)
    number = _separators(raw, decimal_comma)
    if number is None:
        return None
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    # "1.2万" is 12,000 and "1.5k pcs" 1,500: the multiplier is part of the number
    multiplier = _MULTIPLIERS.get(rest[:1])
    if multiplier is None and re.match(r"k(?![^\W\d_])", rest, re.I):  # "1.5k", never "5kg" nor "950,00 Kč"
        multiplier = Decimal(1000)
    if multiplier is not None:
        value = (value * multiplier).normalize()
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    return -value if negative else value


_BASES = r"(?P<per>1[.,]?000|1[.,]?00|100|1000|10|m|c|thousand|hundred|k)"  # "per M": for 1,000
_PER = re.compile(
    rf"^(?P<price>.*?\d[\d.,\s'’]*?)\s*(?:/|\bper\b)\s*{_BASES}\s*(?P<unit>[^\W\d_]{{1,6}}\.?)?\s*$", re.I
)
_BASIS = re.compile(rf"^(?:/|\bper\b)?\s*{_BASES}\s*(?:[^\W\d_]{{1,6}}\.?)?$", re.I)  # a "Per" cell alone
_PER_WORDS = {"m": 1000, "k": 1000, "thousand": 1000, "c": 100, "hundred": 100}


def _units_per(match: re.Match[str]) -> int:
    """How many units a matched basis stands for: "M" 1,000, "C" 100, "1.000" 1,000."""
    per = match.group("per").lower()
    return _PER_WORDS.get(per) or int(re.sub(r"[.,]", "", per))


def price_basis(cell: Any, decimal_comma: bool | None = None) -> Decimal | None:
    """How many units a price column's "Per" cell says the price is for: "1,000", "100", "PER M"
    (M for thousand, C for hundred, as ERPs print it), "per 1000 pcs"; None when it says no number."""
    number = parse_number(cell, decimal_comma)
    if number is not None or not isinstance(cell, str):
        return number
    match = _BASIS.match(fold(cell).strip())
    return Decimal(_units_per(match)) if match else None


def signed_amount(text: str, decimal_comma: bool | None = None) -> Decimal | None:
    """ "(-13.68)", "(13.68)", "-13.68" are all minus 13.68, and so are "13.68-" (as SAP prints
    it) and "△13.68" or "▲13.68" (as Japanese forms print it); "25.00" is 25.00; a percentage
    is none."""
    text = text.strip()
    if text.endswith("%"):
        return None
    negative = text.startswith(("(", "-", "−", "△", "▲")) or text.endswith(("-", "−"))
    value = parse_number(text.strip("()-−△▲ "), decimal_comma)
    if value is None:
        return None
    return -abs(value) if negative else value


def parse_price(text: Any, decimal_comma: bool | None = None) -> tuple[Decimal | None, int]:
    """A unit price and how many units it is for: "7,190.00/1,000" → (7190.00, 1000), "12.50
    PER M" → (12.50, 1000), "4.61/Ea" → (4.61, 1). The caller divides, and says so."""
    match = _PER.match(fold(text).strip()) if isinstance(text, str) else None
    if not match:
        return parse_number(text, decimal_comma), 1
    price = parse_number(match.group("price"), decimal_comma)
    if price is None:
        return None, 1
    return price, _units_per(match)


def _separators(raw: str, decimal_comma: bool | None) -> str | None:
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, frac = raw.rpartition(decimal)
        if whole.count(decimal) or not grouped(whole, thousands):
            return None
        return whole.replace(thousands, "") + "." + frac
    sep = "," if commas else "." if dots else ""
    if not sep:
        return raw
    count = commas or dots
    whole, _, frac = raw.rpartition(sep)
    if count > 1:  # 1,234,567 or 1.234.567: only a thousands separator repeats
        return raw.replace(sep, "") if grouped(raw, sep) else None
    if len(frac) != 3:
        return whole + "." + frac
    # One separator, three digits after it: 1,200 is thousands in English, 1,200 is 1.2 in German.
    if sep == ",":
        return whole + "." + frac if decimal_comma else whole + frac
    return whole + frac if decimal_comma else whole + "." + frac


def grouped(whole: str, sep: str) -> bool:
    """Thousands groups ("1,234,567"), or Indian lakh and crore groups ("1,23,45,678")."""
    parts = whole.split(sep)
    if 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
        return True
    indian = len(parts) > 2 and 1 <= len(parts[0]) <= 2 and all(len(p) == 2 for p in parts[1:-1])
    return sep == "," and indian and len(parts[-1]) == 3


# --------------------------------------------------------------------------- dates

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
    # German and French months that differ from English
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "okt": 10,
    "oktober": 10,
    "dez": 12,
    "dezember": 12,
    "déc": 12,  # CLDR writes it "déc." and the dot is not part of the word
    # Latvian dates name the month in the locative ("2026. gada 14. novembrī"), CLDR only its nominative
    "janvārī": 1,
    "februārī": 2,
    "martā": 3,
    "aprīlī": 4,
    "maijā": 5,
    "jūnijā": 6,
    "jūlijā": 7,
    "augustā": 8,
    "septembrī": 9,
    "oktobrī": 10,
    "novembrī": 11,
    "decembrī": 12,
}
# Thai abbreviates a month with a dot inside it ("13 ธ.ค. 2569"); the stored CLDR words keep only
# the full names
MONTHS.update(
    {
        "ม.ค": 1,
        "ก.พ": 2,
        "มี.ค": 3,
        "เม.ย": 4,
        "พ.ค": 5,
        "มิ.ย": 6,
        "ก.ค": 7,
        "ส.ค": 8,
        "ก.ย": 9,
        "ต.ค": 10,
        "พ.ย": 11,
        "ธ.ค": 12,
    }
)
# A month's abbreviation that is also an everyday word: Ukrainian "лист." (November) is "sheet"
# and "letter" ("Лист 1 з 2" is a page, not the first of November)
_NOT_MONTHS = {"лист"}
# ... and every other supported language's, from CLDR ("févr", "maart", "września")
MONTHS.update({word: n for word, n in month_words().items() if word not in MONTHS and word not in _NOT_MONTHS})
# A month word languages disagree on: "listopad" is November in Czech and Polish, October in
# Croatian. Read by the letters only one of those languages writes, else as most of them mean
# it; always for a person to confirm (never a silent month off by one).
_SHARED_MONTHS = {word: readings for word, readings in shared_month_words().items() if word not in MONTHS}
_OWN_LETTERS = {"pl": "łąęśźż", "cs": "řůě", "sk": "ľĺŕô", "hr": "đ"}
# a month word is a whole word: "tammi" is not read in "tammik." (nor "sep" in "sept."), which
# would take the month without the year written after it
_MONTH_LIST = sorted([*MONTHS, *_SHARED_MONTHS], key=len, reverse=True)
_MONTH_WORD = r"(?<![^\W\d_])(" + "|".join(re.escape(m) for m in _MONTH_LIST) + r")(?![^\W\d_])\.?"
# The month abbreviations of fewer than four letters no language reads as anything else ("ago",
# "set", "lis", "sty"): everyday words of others ("set", "out"), so read only in a document
# written in a language that abbreviates a month so, and only with a year ("12-ago-2026",
# "12 set 2026", "lis 12, 2026"), never alone
_SHORT_MONTHS = {w: r for w, r in short_month_words().items() if w not in MONTHS and w not in _SHARED_MONTHS}
_SHORT_LIST = sorted(_SHORT_MONTHS, key=len, reverse=True)
_SHORT_WORD = r"(" + "|".join(re.escape(m) for m in _SHORT_LIST) + r")(?![^\W\d_])\.?"


def _starting_with_a_word(head: str, words: list[str], tail: str) -> Alternation | re.Pattern[str]:
    """``re.compile(head + "(" + words + ")" + tail, re.I)``, looked for at each place among only
    the words that start with its letter (``alternation.py``: the same matches, 20x faster)."""
    return alternation(head, [re.escape(word) for word in words], tail, re.I)


_JALALI_MONTHS = {
    **dict.fromkeys(("فروردین", "حمل"), 1),
    **dict.fromkeys(("اردیبهشت", "ثور"), 2),
    **dict.fromkeys(("خرداد", "جوزا"), 3),
    **dict.fromkeys(("تیر", "سرطان"), 4),
    **dict.fromkeys(("مرداد", "امرداد", "اسد"), 5),
    **dict.fromkeys(("شهریور", "سنبله"), 6),
    **dict.fromkeys(("مهر", "میزان"), 7),
    **dict.fromkeys(("آبان", "عقرب"), 8),
    **dict.fromkeys(("آذر", "قوس"), 9),
    **dict.fromkeys(("دی", "جدی"), 10),
    **dict.fromkeys(("بهمن", "دلو"), 11),
    **dict.fromkeys(("اسفند", "حوت"), 12),
}
# Persian typed on an Arabic keyboard writes its yeh and kaf as Arabic's (ي, ك)
_ARABIC_LETTERS = str.maketrans("يك", "یک")
_JALALI_MONTH_WORD = "|".join(m.replace("ی", "[یي]") for m in sorted(_JALALI_MONTHS, key=len, reverse=True))
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str] | Alternation], ...] = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})\s*[日일]?(?!\d)")),
    ("cn_md", re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    # "15.12.2026", and the full stop Hungarian, Czech and Croatian print after it ("15.12.2026.")
    ("dotted", re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|\.\d)")),
    # "4. 12. 2026": Czech and Slovak put a space after each dot (a four-digit year only)
    ("dotted", re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?![\d.])")),
    ("slashed", re.compile(r"(?<!\d)(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4}|\d{2})(?!\d)")),
    # "2026. december 4.", "2026. dec. 4.": Hungarian writes the year first, then the month's name;
    # Lithuanian marks the year with "m." and the day with "d." ("2026 m. lapkričio 14 d.")
    (
        "ymd_words",
        re.compile(r"(?<!\d)(\d{4})\.?\s+(?:m\.\s*)?" + _MONTH_WORD + r"\s+(\d{1,2})\.?(?![\d:])", re.I),
    ),
    # Latvian: the year, "gada" (of the year), then the day and the month ("2026. gada 14. novembris")
    ("ydm_words", re.compile(r"(?<!\d)(\d{4})\.?\s+g(?:ada|\.)\s+(\d{1,2})\.?\s*" + _MONTH_WORD, re.I)),
    (
        "mdy_words",
        _starting_with_a_word(
            r"(?<![^\W\d_])",
            _MONTH_LIST,
            r"(?![^\W\d_])\.?" + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*(\d{4}))?(?![\d:])",
        ),
    ),
    # "23 November 2026", "23. listopadu 2026" (the day's dot of German, Czech, Nordic dates),
    # "18 de noviembre de 2026" (Spanish and Portuguese join the parts with "de")
    (
        "dmy_words",
        re.compile(
            r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?[\s/-]+(?:de\s+|del\s+)?"
            + _MONTH_WORD
            + r"(?:[\s,/-]+(?:de\s+|del\s+)?(\d{4}|\d{2}))?(?![\d:])",
            re.I,
        ),
    ),
    # "12-ago-2026", "12-set-26", "12. lis. 2026", "12 sty 2026": a short abbreviation with its year
    # (a sentence may go on after it: "18 sty 2027, prosimy …"; "2026,50" is a number)
    (
        "dmy_short",
        re.compile(
            r"(?<![\d.])(\d{1,2})(?:\.?\s+|[-/])" + _SHORT_WORD + r"(?:[-/](\d{4}|\d{2})|,?\s+(\d{4}))(?![\d:]|[.,]\d)",
            re.I,
        ),
    ),
    # "12. tammik. 2026", "3 febbr. 2026": a month's name cut short with a full stop, of a name
    # only one month begins with
    ("dmy_cut", re.compile(r"(?<![\d.])(\d{1,2})\.?\s+([^\W\d_]{4,})\.\s*(\d{4})(?![\d:]|[.,]\d)")),
    (
        "mdy_short",
        _starting_with_a_word(
            r"(?<![^\W\d_])", _SHORT_LIST, r"(?![^\W\d_])\.?" + r"\s+(\d{1,2}),?\s+(\d{4})(?![\d:]|[.,]\d)"
        ),
    ),
    # Japanese eras: 令和8年1月8日 is 2026-01-08 (令和 1 = 2019), 平成 1 = 1989
    (
        "era",
        re.compile(
            r"(令和|平成|(?<![A-Za-z0-9])R|(?<![A-Za-z0-9])H)\s*(\d{1,2}|元)\s*[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})\s*日?"
        ),
    ),
    # The Republic of China era of Taiwan: 民國115年11月20日, or its year of three digits written
    # alone, 115/11/20 or 115.11.20, is 2026-11-20 (民國 1 = 1912)
    (
        "roc",
        re.compile(
            r"(?:(?:中華)?民[國国]\s*(\d{2,3})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?"
            r"|(?<![A-Za-z\d/.-])(1\d\d)\s*([/.])\s*(\d{1,2})\s*\5\s*(\d{1,2})(?![\d/.-]))"
        ),
    ),
    # The Solar Hijri months of Iran (فروردین … اسفند) and of Afghanistan (حمل … حوت): "12 آذر 1405"
    ("jalali_words", re.compile(r"(?<!\d)(\d{1,2})\s*(" + _JALALI_MONTH_WORD + r")\s*(?:ماه\s*)?(\d{4})(?!\d)")),
)
_ERAS = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988}
ROC_YEAR_ONE = 1911
# Thailand counts years in the Buddhist era (พ.ศ. 2569 is 2026): a year of 2400 to 2700 in a date
# written with Thai words, or marked "พ.ศ." or "BE", is one
BUDDHIST_ERA_OFFSET = 543
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_BUDDHIST_MARK = re.compile(r"พ\.\s?ศ\.|(?<![^\W\d_])B\.?E\.?(?![^\W\d_])")
_BUDDHIST_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# The Solar Hijri calendar of Iran and Afghanistan (1405/09/12 is 2026-12-03): a year of 1300 to
# 1500 when the day it means lies within SOLAR_HIJRI_YEARS of today. No order is dated in the
# Gregorian 15th century; the value is often alone (its label elsewhere, its Persian digits read
# as ASCII ones), so the day decides, not the letters around it: an Arabic order's Lunar Hijri
# year (1448 is 2026) would be a Solar Hijri year more than 40 years ahead, and is left as written
SOLAR_HIJRI_YEARS = 20
# The years at which the pattern of leap years in the 33-year cycles changes (Borkowski's
# arithmetic, as the jalaali calendars use): it follows the spring equinox at Tehran for the
# years -61 to 3177
_JALALI_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
)  # fmt: skip
# A delivery week: "KW 12", "bis KW 3/2027", "week 12", "CW12", "semaine 12", "第12周"
_WEEK = re.compile(
    r"(?:(?<![^\W\d_])(?:KW|CW|wk|week|woche|semaine|settimana|semana|vecka|uge|uke|tydzień|tydzien|týden|viikko|hét)"
    r"\.?\s*(\d{1,2})(?:\s*[/.'-]\s*(\d{4}|\d{2}))?|第\s*(\d{1,2})\s*周)(?![\d.,])",
    re.I,
)


def find_date(
    text: str, today: dt.date | None = None, order: str | None = None, languages: Collection[str] = ()
) -> Parsed:
    """The first date written in ``text``; ``Parsed(None)`` when there is none.

    ``order`` is "DMY", "MDY" or "YMD" (from the rule's locale), or ``LEAN_MDY`` (read month-first
    but still named as ambiguous), and only decides numeric dates
    whose day and month could both be either. ``languages``: the ones the document is written
    in (``languages.document_languages``), which read a month word languages disagree on
    ("listopada": October in Croatian, November in Polish) and the short abbreviations of
    their months ("12-ago-2026").
    """
    if isinstance(text, dt.datetime):
        return Parsed(text.date())
    if isinstance(text, dt.date):
        return Parsed(text)
    if not text:
        return Parsed(None)
    s = _gregorian_years(fold(str(text)))
    best: tuple[int, Parsed] | None = None
    for kind, pattern in _DATE_PATTERNS:
        if kind in _SHORT_KINDS:
            # an abbreviation not of the document's languages ("1 set 2026 pcs"): the next one
            if not languages:
                continue
            found = (
                (m, parsed)
                for m in pattern.finditer(s)
                if (parsed := _date_from(kind, m, today, order, languages)).value is not None
            )
            hit = next(found, None)
            if hit is not None and (best is None or hit[0].start() < best[0]):
                best = (hit[0].start(), hit[1])
            continue
        match = pattern.search(s)
        if not match:
            continue
        parsed = _date_from(kind, match, today, order, languages)
        if parsed.value is None and not parsed.ambiguous:
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), parsed)
    if best is None and (week := _WEEK.search(s)):
        return _week_date(week, today)
    return best[1] if best else Parsed(None)


_SHORT_KINDS = ("dmy_short", "mdy_short")


def _week_date(match: re.Match[str], today: dt.date | None) -> Parsed:
    """A calendar week as a date: its Friday (the last working day), always said as ambiguous
    (a person confirms the day). Without a year, the nearest one."""
    number = int(match.group(1) or match.group(3))
    years = [_year(match.group(2))] if match.group(2) else []
    if not years:
        base = today or dt.date.today()
        years = [base.year, base.year + 1]
    for year in years:
        try:
            friday = dt.date.fromisocalendar(year, number, 5)
        except ValueError:
            return Parsed(None)
        if match.group(2) or today is None or friday >= (today - dt.timedelta(days=60)):
            return Parsed(friday, f"'{match.group(0)}' is a calendar week, read as its Friday {friday.isoformat()}")
    return Parsed(None)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where dates are written in ``text`` (start, end), left to right, not overlapping."""
    return list(_date_spans(text))


@lru_cache(maxsize=4096)
def _date_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``date_spans``, kept: a reader asks about the same cells several times (12 patterns each)."""
    spans: list[tuple[int, int]] = []
    s = _gregorian_years(fold(text))
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(s):
            if kind == "dmy_cut" and _cut_month(match.group(2)) is None:
                continue  # "20 Pack. 2026": no month begins so
            if not any(a < match.end() and match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
    return tuple(sorted(spans))


def _gregorian_years(s: str) -> str:
    """``s`` with the Buddhist-era years of a Thai date written as the Gregorian years they are
    ("13 ธันวาคม พ.ศ. 2569" → "13 ธันวาคม      2026"), each character where it was."""
    if not _THAI.search(s) and not _BUDDHIST_MARK.search(s):
        return s
    s = _BUDDHIST_YEAR.sub(lambda m: str(int(m[0]) - BUDDHIST_ERA_OFFSET) if 2400 <= int(m[0]) <= 2700 else m[0], s)
    return _BUDDHIST_MARK.sub(lambda m: " " * len(m.group(0)), s)


def _farvardin_first(year: int) -> int:
    """The day of March on which the Solar Hijri ``year`` begins (1 Farvardin)."""
    leap, start, jump = -14, _JALALI_BREAKS[0], 0
    for end in _JALALI_BREAKS[1:]:
        jump = end - start
        if year < end:
            break
        leap += jump // 33 * 8 + jump % 33 // 4
        start = end
    n = year - start
    leap += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap += 1
    gregorian = year + 621
    return 20 + leap - (gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150)


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Solar Hijri date (1405/10/01 → 2026-12-22); None when no such day
    exists (the first six months have 31 days, the next five 30, Esfand 29 or 30 in a leap year)."""
    if not (-61 < year < 3178 and 1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    new_year = dt.date(year + 621, 3, _farvardin_first(year))
    gregorian = new_year + dt.timedelta(days=(month - 1) * 31 - max(0, month - 7) + day - 1)
    if month == 12 and day == 30 and gregorian >= dt.date(year + 622, 3, _farvardin_first(year + 1)):
        return None
    return gregorian


def _near(day: dt.date | None, today: dt.date | None) -> bool:
    """``day`` lies within SOLAR_HIJRI_YEARS of ``today`` (or of the day it is)."""
    return day is not None and abs((day - (today or dt.date.today())).days) <= SOLAR_HIJRI_YEARS * 366


def _jalali(m: re.Match[str], year: int, month: int, day: int, today: dt.date | None, order: str | None) -> Parsed:
    """A Solar Hijri date as its Gregorian day, said for a person to confirm unless the same text
    also writes that day in the Gregorian calendar ("۱۴۰۵/۰۹/۱۲ (2026-12-03)")."""
    day_of = jalali_to_gregorian(year, month, day)
    if day_of is None or not _near(day_of, today):
        return Parsed(None)
    rest = m.string[: m.start()] + " " * (m.end() - m.start()) + m.string[m.end() :]
    other = find_date(rest, today, order) if any(c.isdigit() for c in rest) else Parsed(None)
    if other.value == day_of and not other.ambiguous:
        return Parsed(day_of)
    return Parsed(
        day_of, f"'{m.group(0).strip()}' is a Solar Hijri (Persian calendar) date: read as {day_of.isoformat()}"
    )


def _month(word: str, m: re.Match[str], languages: Collection[str] = ()) -> tuple[int | None, str]:
    """The month ``word`` names, and why a person should confirm it (empty: no doubt). A word
    languages disagree on is read as the document's ``languages`` mean it when they agree on
    it; else by the letters of the text it stands in (``_OWN_LETTERS``), else as most of those
    languages mean it, said for a person; as none when they are as many (no guess). A short
    abbreviation is read only as the document's languages mean it."""
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word], ""
    readings = _SHARED_MONTHS.get(word) or _SHORT_MONTHS[word]
    own = {month for month, tags in readings.items() if any(t in languages for t in tags)}
    if len(own) == 1:
        return own.pop(), ""
    if word not in _SHARED_MONTHS:
        return None, ""
    letters = set(m.string.lower())
    shown = [month for month, tags in readings.items() if any(letters & set(_OWN_LETTERS.get(t, "")) for t in tags)]
    most = max(len(tags) for tags in readings.values())
    common = [month for month, tags in readings.items() if len(tags) == most]
    month = shown[0] if len(shown) == 1 else common[0] if len(common) == 1 else None
    meanings = "; ".join(f"{n} in {', '.join(tags)}" for n, tags in sorted(readings.items()))
    said = f"read as month {month}" if month else "not read"
    return month, f"'{word}' names a different month by language (month {meanings}): {said}"


def _cut_month(word: str) -> int | None:
    """The one month whose names begin with ``word`` ("tammik" → 1), or None."""
    word = word.lower()
    months = {n for name, n in MONTHS.items() if len(name) > len(word) and name.startswith(word)}
    months.update(n for name, readings in _SHARED_MONTHS.items() if name.startswith(word) for n in readings)
    return months.pop() if len(months) == 1 else None


def _worded(year: int, word: str, day: int, m: re.Match[str], languages: Collection[str] = ()) -> Parsed:
    """The date of a month written as a word."""
    month, doubt = _month(word, m, languages)
    return Parsed(_make(year, month, day) if month else None, doubt)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_YEARLESS = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")


def yearless_date(text: str, today: dt.date | None, order: str | None, past: bool = False) -> Parsed:
    """A date a form prints without its year under a date label ("Date Ordered: 2/4"): the day
    and month by the document's order (or the one reading a day over 12 allows), the year the
    nearest to ``today`` (``past``: the latest not after it, for the day an order was made).
    Always said for a person; ``Parsed(None)`` when nothing decides the day and the month."""
    match = _YEARLESS.fullmatch(text)
    if match is None or today is None:
        return Parsed(None)
    a, b = int(match.group(1)), int(match.group(2))
    if order in ("MDY", LEAN_MDY) or (order is None and b > 12 >= a):
        month, day = a, b
    elif order in ("DMY", "YMD") or (order is None and a > 12 >= b):
        month, day = b, a
    else:
        return Parsed(None)
    candidates = [d for y in (today.year - 1, today.year, today.year + 1) if (d := _make(y, month, day))]
    if past:
        candidates = [d for d in candidates if d <= today] or candidates
        chosen = max(candidates) if candidates else None
    else:
        chosen = min(candidates, key=lambda d: abs((d - today).days)) if candidates else None
    if chosen is None:
        return Parsed(None)
    return Parsed(chosen, f"'{text.strip()}' has no year: read as {chosen.isoformat()}; check the date")


def _nearest_year(month: int, day: int, today: dt.date | None) -> Parsed:
    if today is None:
        return Parsed(None, f"the date {day:02d}/{month:02d} has no year and no reference date was given")
    candidates = [d for y in (today.year - 1, today.year, today.year + 1) if (d := _make(y, month, day))]
    if not candidates:
        return Parsed(None)
    return Parsed(min(candidates, key=lambda d: abs((d - today).days)))


def _date_from(
    kind: str, m: re.Match[str], today: dt.date | None, order: str | None, languages: Collection[str] = ()
) -> Parsed:
    g = m.groups()
    if kind == "ymd":
        if 1300 <= int(g[0]) <= 1500:
            solar = _jalali(m, int(g[0]), int(g[1]), int(g[2]), today, order)
            if solar.value or _near(jalali_to_gregorian(int(g[0]), 1, 1), today):
                return solar  # a Solar Hijri year near today, on a day it lacks (30 Esfand 1404): no date
        return Parsed(_make(int(g[0]), int(g[1]), int(g[2])))
    if kind == "jalali_words":
        if not 1300 <= int(g[2]) <= 1500:
            return Parsed(None)
        month = _JALALI_MONTHS[g[1].translate(_ARABIC_LETTERS)]
        return _jalali(m, int(g[2]), month, int(g[0]), today, order)
    if kind == "era":
        year = _ERAS[g[0]] + (1 if g[1] == "元" else int(g[1]))
        return Parsed(_make(year, int(g[2]), int(g[3])))
    if kind == "roc":
        year, month, day = (g[0], g[1], g[2]) if g[0] else (g[3], g[5], g[6])
        return Parsed(_make(ROC_YEAR_ONE + int(year), int(month), int(day)))
    if kind == "cn_md":
        return _nearest_year(int(g[0]), int(g[1]), today)
    if kind == "dotted":  # 15.12.2026: the dotted form is day-first wherever it is used
        return Parsed(_make(_year(g[2]), int(g[1]), int(g[0])))
    if kind == "ymd_words":
        return _worded(int(g[0]), g[1], int(g[2]), m, languages)
    if kind == "ydm_words":
        return _worded(int(g[0]), g[2], int(g[1]), m, languages)
    if kind == "dmy_cut":
        cut = _cut_month(g[1])
        return Parsed(_make(int(g[2]), cut, int(g[0])) if cut else None)
    if kind == "dmy_short":
        return _worded(_year(g[2] or g[3]), g[1], int(g[0]), m, languages)
    if kind == "mdy_short":
        return _worded(_year(g[2]), g[0], int(g[1]), m, languages)
    if kind in ("mdy_words", "dmy_words"):
        word, day = (g[0], int(g[1])) if kind == "mdy_words" else (g[1], int(g[0]))
        if g[2]:
            return _worded(_year(g[2]), word, day, m, languages)
        month, doubt = _month(word, m, languages)
        if month is None:
            return Parsed(None, doubt)
        nearest = _nearest_year(month, day, today)
        return Parsed(nearest.value, nearest.ambiguous or doubt)
    # slashed: 12/15/2026 is month-first, 15/12/2026 day-first, 03/04/2026 needs the locale
    a, b, year = int(g[0]), int(g[1]), _year(g[2])
    if a > 12 and b <= 12:
        return Parsed(_make(year, b, a))
    if b > 12 and a <= 12:
        return Parsed(_make(year, a, b))
    if a == b:
        return Parsed(_make(year, a, b))
    if order == "MDY":
        return Parsed(_make(year, a, b))
    if order == "DMY":
        return Parsed(_make(year, b, a))
    if order == LEAN_MDY:
        said = f"'{m.group(0)}' could be {a:02d}/{b:02d} or {b:02d}/{a:02d} (read month-first, as written in the US)"
        return Parsed(_make(year, a, b), said)
    guess = _make(year, b, a)
    return Parsed(guess, f"'{m.group(0)}' could be {a:02d}/{b:02d} or {b:02d}/{a:02d} (day/month unknown)")


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\d/-])")


def guess_date_order(text: str) -> str | None:
    """ "DMY" or "MDY" when a numeric date in the document can only be read one way
    (25/12/2026 is day-first) and none says the opposite; None otherwise."""
    orders = set()
    for a, b in _NUMERIC_DATE.findall(text):
        first, second = int(a), int(b)
        if first > 12 >= second:
            orders.add("DMY")
        elif second > 12 >= first:
            orders.add("MDY")
    return orders.pop() if len(orders) == 1 else None


# A document with a US postal address ("Stafford TX 77477") likely writes month-first; its
# ambiguous dates are read so, and still named for review (the address may be the supplier's).
LEAN_MDY = "MDY?"
_US_ADDRESS = re.compile(
    r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH"
    r"|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+\d{5}(?:-\d{4})?\b"
)


def is_us_address(text: str) -> bool:
    """Whether ``text`` holds a US postal address's state and ZIP code ("Portland ME 04101")."""
    return bool(_US_ADDRESS.search(text))


def lean_date_order(text: str) -> str | None:
    """``LEAN_MDY`` when the document has a US postal address (a state and a ZIP code)."""
    return LEAN_MDY if _US_ADDRESS.search(text) else None


def date_order_of(locale: str | None) -> str | None:
    """The numeric date order a locale writes: en_US → MDY, zh/ja/ko → YMD, others DMY."""
    if not locale:
        return None
    lang, _, region = locale.replace("-", "_").partition("_")
    if region.upper() in ("US", "PH") or (lang == "en" and not region):
        return "MDY" if region.upper() in ("US", "PH") else None
    if lang in ("zh", "ja", "ko"):
        return "YMD"
    return "DMY"


def decimal_comma_of(locale: str | None) -> bool | None:
    """Whether a locale writes 1.234,56 (de, fr, es, it, nl, ru, pt...) or 1,234.56."""
    if not locale:
        return None
    lang = locale.replace("-", "_").split("_")[0].lower()
    if lang in ("en", "zh", "ja", "ko", "th", "he"):
        return False
    if lang in ("de", "fr", "es", "it", "nl", "ru", "pt", "pl", "cs", "sv", "da", "nb", "fi", "tr", "id", "vi"):
        return True
    return None


_DATES_OUT = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d{2}(?![\d.,])")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d.,])")
# "80.400.000" (dong, yen, won: money without decimals): a dot between every three digits
# groups thousands, so it is not the decimal mark; "80,400,000" the same for the comma
_DOT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
_COMMA_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,])")
# An order without prices (a call-off) shows no decimals; its quantities "5.000", "160.000" are
# grouped in thousands when its dates are written with dots (15.12.2026), as in every language
# that does so and writes a decimal comma (German, Czech, Polish, Russian, the Nordic ones)
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d])")
_DOT_THOUSAND = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")
_COMMA_THOUSAND = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d.,])")


def guess_decimal_comma(text: str) -> bool | None:
    """Which decimal mark a document uses, from its money-like numbers ("1.234,56", "0,99"
    against "1,234.56", "0.99"); None when it does not show (then 1,200 is read as thousands)."""
    dotted_dates = bool(_DOTTED_DATE.search(text))
    text = _DATES_OUT.sub(" ", text)
    commas, dots = len(_COMMA_DECIMAL.findall(text)), len(_DOT_DECIMAL.findall(text))
    if not commas and not dots:  # no decimals anywhere: numbers grouped twice or more still tell
        commas, dots = len(_DOT_GROUPS.findall(text)), len(_COMMA_GROUPS.findall(text))
    if not commas and not dots and dotted_dates and _DOT_THOUSAND.search(text) and not _COMMA_THOUSAND.search(text):
        return True  # "Abrufmenge 5.000" beside "Liefertermin 17.12.2026": who dates with dots groups with them
    if commas > dots:
        return True
    if dots > commas:
        return False
    return None
