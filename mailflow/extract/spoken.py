"""Delivery days as people type them in a mail: "need by Friday 4th", "by the 15th", "bis Fr.
27.11.", "下周五前到货", "4日(金)必着"; and the ones nobody can place ("early December",
"Anfang Dezember", "月底左右", "年内").

Contract (pure functions of text and the day the mail was sent)
    ``place(text, sent) -> Spoken | None``: the day a phrase names, counted from ``sent`` (the
    next such day after it), with ``doubt`` saying why a person should confirm it; or a phrase
    that names a time but no day (``value`` None, ``doubt`` set); None when the text names no
    time at all. A weekday and a day of the month must agree; a day month pair written either
    way ("12/4") is taken only when its weekday, or the month being the sent one, decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .normalize import MONTHS  # every supported language's month words, as dates are read elsewhere

# weekday words, Monday first, per language; a Chinese or Japanese weekday is one character
WEEKDAYS = [
    ("monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "lunedì", "maandag", "segunda", "måndag"),
    ("tuesday", "tue", "tues", "dienstag", "di", "mardi", "mar", "martes", "martedì", "dinsdag", "terça", "tisdag"),
    ("wednesday", "wed", "mittwoch", "mi", "mercredi", "mer", "miércoles", "mercoledì", "woensdag", "quarta", "onsdag"),
    (
        "thursday",
        "thu",
        "thur",
        "thurs",
        "donnerstag",
        "do",
        "jeudi",
        "jeu",
        "jueves",
        "giovedì",
        "donderdag",
        "quinta",
    ),
    ("friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "venerdì", "vrijdag", "sexta", "fredag"),
    ("saturday", "sat", "samstag", "sa", "samedi", "sam", "sábado", "sabato", "zaterdag", "lördag"),
    ("sunday", "sun", "sonntag", "so", "dimanche", "dim", "domingo", "domenica", "zondag", "söndag"),
]
CJK_WEEKDAYS = "一二三四五六日"  # 周一 … 周日 (also 星期天, 礼拜天)
JA_WEEKDAYS = "月火水木金土日"  # (金) = Friday
_WEEKDAY_WORD = {w: i for i, words in enumerate(WEEKDAYS) for w in words}
_WORD = r"(?<![^\W\d_])({})\.?(?![^\W\d_])"
_WEEKDAY_RE = re.compile(_WORD.format("|".join(sorted(_WEEKDAY_WORD, key=len, reverse=True))), re.I)
_MONTH_RE = re.compile(r"(?<![^\W\d_])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![^\W\d_])", re.I)
_CJK_WEEKDAY = re.compile(r"(下下|下个?|这个?|本|今)?\s*(?:周|星期|礼拜|禮拜|週)([一二三四五六日天])")
_JA_WEEKDAY = re.compile(r"(来週|今週|再来週)?\s*[(（]?([月火水木金土日])[)）]?曜?日?")
_JA_NEXT = re.compile(r"(来週|今週|再来週)\s*([月火水木金土日])曜")
_ORDINAL = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.|日|号|號)(?![\d.]*\d)", re.I)
_DAY_MONTH_DOT = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?!\d)")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_NEXT = re.compile(r"(?<![^\W\d_])(next|nächsten?|kommenden?|prochain|próximo|prossimo|volgende)(?![^\W\d_])", re.I)
_THIS = re.compile(r"(?<![^\W\d_])(this|diesen|ce|este|questo|deze)(?![^\W\d_])", re.I)
_TOMORROW = re.compile(r"(?<![^\W\d_])(tomorrow|morgen|demain|mañana|domani)(?![^\W\d_])|明天|明日(?!以)", re.I)
_AFTER_TOMORROW = re.compile(r"(?<![^\W\d_])übermorgen(?![^\W\d_])|后天|後天|明後日|あさって", re.I)
# words that name a time but no day: "early December", "Anfang Dezember", "end of next week",
# "月底", "年内", "下个月", "in two weeks"
# a part of a month or week ("early December", "Ende nächster Woche", "fin du mois"), a span
# ("within two weeks"), a season or holiday: words that name a time but no day
_TIME_NOUN = (
    r"(?:week|weeks|woche|wochen|semaine|semaines|month|monat|mois|mese|mes|year|jahr|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")"
)
VAGUE = re.compile(
    r"(?<![^\W\d_])(?:early|mid|end|late|beginning|start|anfang|mitte|ende|début|mi|fin|principios|mediados|finales"
    r"|inizio|metà|fine|begin|eind|medio)(?![^\W\d_])[\s\-]*(?:of\s+|des\s+|du\s+|de\s+|del\s+|der\s+|the\s+|next\s+"
    r"|this\s+|nächste[nr]?\s+|kommende[nr]?\s+|prochain\s+)*" + _TIME_NOUN + r"(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:within|innerhalb|binnen|dans|entro|in)\s+(?:\w+\s+){0,2}" + _TIME_NOUN + r"s?(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:next|nächste[nr]?|kommende[nr]?|prochaine?)\s+(?:week|woche|semaine|month|monat|mois)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:christmas|xmas|holidays?|weihnachten|ostern|feiertagen?|noël|navidad|natale|pâques|easter"
    r"|quartal|quarter|trimestre)(?![^\W\d_])|季度|四半期"
    r"|月底|月初|月中|月末|年内|年底|年末|下个?月|上旬|中旬|下旬|来月|近日|春节|春節|国庆|國慶|中秋|节前|節前|お盆|正月",
    re.I,
)


@dataclass(frozen=True)
class Spoken:
    value: date | None
    said: str
    doubt: str | None = None


def place(text: str, sent: date | None) -> Spoken | None:
    """The day ``text`` names, counted from the day the mail was sent (see the module)."""
    said = text.strip()
    text = re.sub(r"^\s*\(?\d{1,2}[.)]\s+", "", text)  # "3. Late delivery: …": a numbered term, not the 3rd
    weekday, week_ahead = _weekday(text)
    if _AFTER_TOMORROW.search(text) and sent is not None:
        return Spoken(sent + timedelta(days=2), said)
    if _TOMORROW.search(text) and sent is not None:
        return Spoken(sent + timedelta(days=1), said)
    month = _month(text)
    day = _day(text)
    pair = _DAY_MONTH_DOT.search(text)
    slashed = _SLASHED.search(text)
    if pair:
        day, month = int(pair.group(1)), int(pair.group(2))
    if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text):
        return None  # a date with its year: for the ordinary date reader
    if weekday is None and day is None and month is None and not slashed:
        return Spoken(None, said, f"'{said}' names no day") if VAGUE.search(text) else None
    if sent is None:
        return Spoken(None, said, f"'{said}' names a day that only the mail's date could place")
    if day is None and not slashed and (VAGUE.search(text) or weekday is None):
        return Spoken(None, said, f"'{said}' names no day")  # "early December", "im Dezember"
    if VAGUE.search(text) and day is not None and month is None and weekday is None:
        return Spoken(None, said, f"'{said}' names no day")  # "Lieferung 3. Quartal": a quarter, not the 3rd
    if slashed and day is None:
        return _slashed(slashed, weekday, sent, said)
    if day is None and month is None:
        return _by_weekday(weekday, week_ahead, sent, said)
    found = _next_matching(sent, day=day, month=month, weekday=weekday)
    if found is None:
        return Spoken(None, said, f"no day in the coming months is '{said}'")
    if weekday is not None and (found - sent).days > 45:
        return Spoken(None, said, f"'{said}': the weekday and the day do not agree in the coming weeks")
    return Spoken(found, said)


def _weekday(text: str) -> tuple[int | None, int | None]:
    """The weekday named, and how many weeks ahead ("next Friday", "下周五", "来週金曜": 1;
    "this Friday", "本周五": 0; else None)."""
    cjk = _CJK_WEEKDAY.search(text)
    if cjk:
        ahead = {"下下": 2, "下": 1, "下个": 1, "这": 0, "这个": 0, "本": 0, "今": 0}.get(cjk.group(1) or "")
        return (6 if cjk.group(2) in "日天" else CJK_WEEKDAYS.index(cjk.group(2))), ahead
    ja = _JA_NEXT.search(text)
    if ja:
        return JA_WEEKDAYS.index(ja.group(2)), {"今週": 0, "来週": 1, "再来週": 2}[ja.group(1)]
    paren = re.search(r"[(（]([月火水木金土日])[)）]", text)
    if paren:
        return JA_WEEKDAYS.index(paren.group(1)), None
    word = _WEEKDAY_RE.search(text)
    if word is None:
        return None, None
    if len(word.group(1)) <= 3 and word.group(1).lower() in ("mar", "mi", "do", "so", "sa", "sun", "sat", "mon"):
        # short forms that are also words or months ("Mar", "do", "so"): only with a dot or a day beside
        beside = re.match(r"\.|,?\s*\d", text[word.end(1) : word.end(1) + 3])
        if not beside and not re.search(r"(?:next|this|nächsten?|diesen)\s*$", text[: word.start()], re.I):
            return None, None
    ahead = 1 if _NEXT.search(text[: word.start()]) else 0 if _THIS.search(text[: word.start()]) else None
    return _WEEKDAY_WORD[word.group(1).lower()], ahead


def _month(text: str) -> int | None:
    cjk = re.search(r"(?<!\d)(\d{1,2})\s*月(?!底|初|中|末)", text)
    if cjk:
        return int(cjk.group(1))
    word = _MONTH_RE.search(text)
    return MONTHS[word.group(1).lower()] if word else None


def _day(text: str) -> int | None:
    ordinal = _ORDINAL.search(text)
    if ordinal and 1 <= int(ordinal.group(1)) <= 31:
        return int(ordinal.group(1))
    bare = re.search(r"(?<![\d.,/])(\d{1,2})(?![\d./%]|,\d)", text)  # "Tue Dec 1", "4 December"
    if bare and _MONTH_RE.search(text) and 1 <= int(bare.group(1)) <= 31:
        return int(bare.group(1))
    return None


def _next_matching(
    sent: date, *, day: int | None, month: int | None, weekday: int | None, horizon: int = 200
) -> date | None:
    for offset in range(1, horizon):
        d = sent + timedelta(days=offset)
        if (
            (day is None or d.day == day)
            and (month is None or d.month == month)
            and (weekday is None or d.weekday() == weekday)
        ):
            return d
    return None


def _by_weekday(weekday: int | None, ahead: int | None, sent: date, said: str) -> Spoken | None:
    if weekday is None:
        return None
    if ahead is None or ahead == 0:
        offset = (weekday - sent.weekday()) % 7 or 7
        if ahead is None and offset <= 1:
            # "by Friday" written on a Thursday: tomorrow, or a week later?
            return Spoken(sent + timedelta(days=offset), said, f"'{said}': tomorrow, or a week later?")
        return Spoken(sent + timedelta(days=offset), said)
    monday = sent - timedelta(days=sent.weekday()) + timedelta(weeks=ahead)
    value = monday + timedelta(days=weekday)
    if sent.weekday() < weekday and re.search(r"[^\x00-\u024f]", said) is None:
        # "next Friday" written on a Monday: this week's, or the following week's?
        return Spoken(value, said, f"'{said}': this week's or the following week's?")
    return Spoken(value, said)


def _slashed(match: re.Match[str], weekday: int | None, sent: date, said: str) -> Spoken | None:
    """ "12/4(金)": month/day or day/month; the weekday (or the only reading that is a date in
    the coming months) decides."""
    a, b = int(match.group(1)), int(match.group(2))
    readings = []
    for day, month in ((b, a), (a, b)):
        found = _next_matching(sent, day=day, month=month, weekday=None, horizon=120) if month <= 12 else None
        if found is not None and (weekday is None or found.weekday() == weekday):
            readings.append(found)
    readings = sorted(set(readings))
    if len(readings) == 1:
        return Spoken(readings[0], said)
    if not readings:
        return Spoken(None, said, f"'{said}' is no day in the coming months")
    return Spoken(None, said, f"'{said}' may be read as {readings[0]} or {readings[1]}")
