"""A total written out in German, French, Spanish, Portuguese or Italian words.

Contract
    ``amount_in_european_words(text) -> Decimal | None``: the amount the words name
    ("zwölftausendfünfhundert Euro", "douze mille cinq cents euros", "dos mil quinientos euros
    con cincuenta céntimos", "doze mil e quinhentos euros", "dodicimilacinquecento euro e
    50/100"), or None when any word is neither a number word, a currency, nor a joining word of
    the language, or no number word is there. Words glued into one (German, Italian) are split
    into the number words they are made of. Never guessed: the words must make the amount whole;
    the caller says it for a person anyway.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# kind: "n" adds its value, "h" multiplies what came before by a hundred, "s" closes a
# thousand or a million
_Word = tuple[str, int]


def _units(pairs: str, kind: str = "n") -> dict[str, _Word]:
    out = {}
    for pair in pairs.split():
        word, value = pair.split("=")
        out[word] = (kind, int(value))
    return out


_LANGUAGES: dict[str, dict[str, _Word]] = {
    "de": {
        **_units(
            "null=0 ein=1 eins=1 eine=1 einen=1 zwei=2 drei=3 vier=4 funf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10"
            " elf=11 zwolf=12 dreizehn=13 vierzehn=14 funfzehn=15 sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19"
            " zwanzig=20 dreissig=30 vierzig=40 funfzig=50 sechzig=60 siebzig=70 achtzig=80 neunzig=90"
        ),
        **_units("hundert=100", "h"),
        **_units("tausend=1000 million=1000000 millionen=1000000", "s"),
    },
    "fr": {
        **_units(
            "zero=0 un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12"
            " treize=13 quatorze=14 quinze=15 seize=16 vingt=20 vingts=20 trente=30 quarante=40 cinquante=50"
            " soixante=60 septante=70 huitante=80 octante=80 nonante=90 quatrevingt=80 quatrevingts=80"
        ),
        **_units("cent=100 cents=100", "h"),
        **_units("mille=1000 mil=1000 million=1000000 millions=1000000", "s"),
    },
    "es": {
        **_units(
            "cero=0 un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 once=11"
            " doce=12 trece=13 catorce=14 quince=15 dieciseis=16 diecisiete=17 dieciocho=18 diecinueve=19 veinte=20"
            " veintiun=21 veintiuno=21 veintiuna=21 veintidos=22 veintitres=23 veinticuatro=24 veinticinco=25"
            " veintiseis=26 veintisiete=27 veintiocho=28 veintinueve=29 treinta=30 cuarenta=40 cincuenta=50"
            " sesenta=60 setenta=70 ochenta=80 noventa=90 cien=100 ciento=100 doscientos=200 doscientas=200"
            " trescientos=300 trescientas=300 cuatrocientos=400 cuatrocientas=400 quinientos=500 quinientas=500"
            " seiscientos=600 seiscientas=600 setecientos=700 setecientas=700 ochocientos=800 ochocientas=800"
            " novecientos=900 novecientas=900"
        ),
        **_units("mil=1000 millon=1000000 millones=1000000", "s"),
    },
    "pt": {
        **_units(
            "zero=0 um=1 uma=1 dois=2 duas=2 tres=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9 dez=10 onze=11"
            " doze=12 treze=13 catorze=14 quatorze=14 quinze=15 dezasseis=16 dezesseis=16 dezassete=17 dezessete=17"
            " dezoito=18 dezanove=19 dezenove=19 vinte=20 trinta=30 quarenta=40 cinquenta=50 sessenta=60 setenta=70"
            " oitenta=80 noventa=90 cem=100 cento=100 duzentos=200 duzentas=200 trezentos=300 trezentas=300"
            " quatrocentos=400 quatrocentas=400 quinhentos=500 quinhentas=500 seiscentos=600 seiscentas=600"
            " setecentos=700 setecentas=700 oitocentos=800 oitocentas=800 novecentos=900 novecentas=900"
        ),
        **_units("mil=1000 milhao=1000000 milhoes=1000000", "s"),
    },
    "it": {
        **_units(
            "zero=0 un=1 uno=1 una=1 due=2 tre=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10 undici=11"
            " dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 diciassette=17 diciotto=18 diciannove=19"
            " venti=20 vent=20 trenta=30 trent=30 quaranta=40 quarant=40 cinquanta=50 cinquant=50 sessanta=60"
            " sessant=60 settanta=70 settant=70 ottanta=80 ottant=80 novanta=90 novant=90"
        ),
        **_units("cento=100 cent=100", "h"),
        **_units("mille=1000 mila=1000 milione=1000000 milioni=1000000", "s"),
    },
}
# Words that join numbers or name the money, per language: the main unit, then the minor one
_JOINERS = {
    "de": {"und"},
    "fr": {"et"},
    "es": {"y", "con"},
    "pt": {"e", "com"},
    "it": {"e", "con"},
}
_MAJOR = re.compile(
    r"^(?:euros?|eur|dollars?|dolares|dolar|dollari|dollaro|franken|francs?|francos?|franchi|pfund|livres?|"
    r"libras?|sterline|pesos?|reais|real|zloty|zlotys|kronen|couronnes|coronas|corone|yuan|yens?|"
    r"schweizer|suisses?|suizos?|svizzeri|us|americains|americanos|americani|estadounidenses|sterling)$"
)
_MINOR = {
    "de": re.compile(r"^(?:cent|cents|rappen|pfennig)$"),
    "fr": re.compile(r"^(?:centimes?)$"),
    "es": re.compile(r"^(?:centimos?|centavos?|centesimos?)$"),
    "pt": re.compile(r"^(?:centimos?|centavos?)$"),
    "it": re.compile(r"^(?:centesimi|centesimo|cent)$"),
}
_FILLER = frozenset(
    "nur in worten betrag summe gesamt gesamtbetrag insgesamt "
    "seulement soit montant total somme la de en lettres "
    "son solo solamente importe total suma la de "
    "somente apenas importancia valor total soma de "
    "soltanto solo importo totale di".split()
)


def _fold(text: str) -> str:
    text = text.lower().replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"quatre[\s-]+vingt", "quatrevingt", text)


_LONGEST_WORD = 120  # no amount written as one glued word is longer; a longer one is not read


def _split(word: str, words: dict[str, _Word], joiners: set[str]) -> list[str] | None:
    """``word`` as the number words glued into it ("zwölftausendfünfhundert",
    "dodicimilacinquecento"), longest first; None when it is not made of them. Each position is
    tried once (remembered), so a word made to look almost like numbers costs no more than its
    length squared."""
    if len(word) > _LONGEST_WORD:
        return None
    known: dict[int, list[str] | None] = {}

    def split_from(start: int) -> list[str] | None:
        if start == len(word):
            return []
        if start in known:
            return known[start]
        found = None
        for end in range(len(word), start, -1):
            head = word[start:end]
            if head in words or head in joiners:
                rest = split_from(end)
                if rest is not None:
                    found = [head, *rest]
                    break
        known[start] = found
        return found

    return split_from(0)


def _number(tokens: list[str], words: dict[str, _Word], joiners: set[str]) -> int | None:
    whole, current, started = 0, 0, False
    for token in tokens:
        if token in joiners or token in _FILLER or _MAJOR.match(token):
            continue
        kind, value = words[token]
        if kind == "n":
            current += value
        elif kind == "h":
            current = (current or 1) * value
        else:
            whole, current = whole + (current or 1) * value, 0
        started = True
    return whole + current if started else None


def amount_in_european_words(text: str) -> Decimal | None:
    low = _fold(text)
    fraction = re.search(r"\b(?:und|et|y|e|con|com)\s+(\d{1,3})\s*/\s*(100|1000)\b", low)
    if fraction:
        low = low[: fraction.start()] + " " + low[fraction.end() :]
    if re.search(r"\d", low):
        return None
    raw = re.findall(r"[a-z]+", low.replace("-", " "))
    for language, words in _LANGUAGES.items():
        joiners = _JOINERS[language]
        tokens: list[str] = []
        for word in raw:
            if word in _FILLER or _MAJOR.match(word) or _MINOR[language].match(word):
                tokens.append(word)
                continue
            parts = _split(word, words, joiners)
            if parts is None:
                tokens = []
                break
            tokens.extend(parts)
        numbers = [t for t in tokens if t in words]
        if not numbers or (len(numbers) < 2 and not any(_MAJOR.match(t) for t in tokens)):
            continue  # "un", "tre": a word, unless money is named with it
        minor_at = next((i for i, t in enumerate(tokens) if _MINOR[language].match(t)), None)
        cents = Decimal(0)
        if minor_at is not None:
            before = tokens[:minor_at]
            cut = max((i for i, t in enumerate(before) if _MAJOR.match(t)), default=-1)
            minor = _number(before[cut + 1 :], words, joiners)
            if minor is None or cut < 0 or minor >= 100:
                continue
            cents = Decimal(minor) / 100
            tokens = before[: cut + 1] + tokens[minor_at + 1 :]
        whole = _number(tokens, words, joiners)
        if whole is None:
            continue
        value = Decimal(whole) + cents
        if fraction:
            parts = Decimal(fraction.group(2))
            value = (value + Decimal(fraction.group(1)) / parts).quantize(1 / parts)
        elif minor_at is not None:
            value = value.quantize(Decimal("0.01"))
        return value
    return None
