"""Times of day in what people type: "14h", "14 h 30", "14 heures", "9h30", "2pm", "à 10",
"midi", ranges ("14h-15h", "de 14h à 15h30", "2-3pm") and parts of the day ("matin",
"cet après-midi", "tomorrow evening").

Works on folded text (lower case, no accents: see `bot.domain.dates.folded`). A bare number is a
time only after "à"/"at"/"vers" or as one end of a range whose other end is marked ("14h-15"),
so the day numbers of "le 20" or "19 novembre" are left for the date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

DAY_MINUTES = 24 * 60

# Parts of the day, longest first: the hour they stand for, and whether "8h" in them is 20:00.
_PARTS: tuple[tuple[str, int, bool], ...] = (
    (r"fin de (?:la )?matinee|late morning", 11, False),
    (r"debut d'apres[- ]?midi|debut d'aprem|early afternoon", 14, True),
    (r"fin d'apres[- ]?midi|fin d'aprem|late afternoon|end of the day|fin de journee", 17, True),
    (r"apres[- ]?midi|aprem|afternoon", 14, True),
    (r"matinee|matin|morning", 9, False),
    (r"soiree|soir|evening|tonight", 18, True),
    (r"lunchtime|lunch time|lunch|heure du dejeuner|dejeuner", 12, True),
)
_PART = re.compile(
    r"(?:\b(?:du|de la|de l'|dans la|dans l'|en|in the|at|the)\s*)?\b("
    + "|".join(f"(?:{pattern})" for pattern, _hour, _late in _PARTS)
    + r")\b"
)
_NAMED = {"midi": 12, "noon": 12, "midday": 12, "minuit": 0, "midnight": 0}
_PREFIX = r"(?P<pre>\b(?:a|at|vers|around|about|des|from|de|entre|between)\s+)?"
_TOKEN = re.compile(
    _PREFIX + r"(?:"
    r"(?P<named>\b(?:midi|noon|midday|minuit|midnight)\b)"
    r"|(?<![\d/.:,])(?P<h>\d{1,2})"
    r"(?:(?P<hmark>\s*(?:h(?![a-z])|heures?\b)\s*(?P<hm>\d{2})?(?!\d))|:(?P<cm>\d{2})(?!\d))?"
    r")"
    r"(?P<half>\s*et\s*(?:demie?|quart)\b|\s*moins\s*(?:le\s*)?quart\b)?"
    r"(?:\s*(?P<ap>[ap])\.?m\b\.?)?"
    r"(?![\d/.:]|\s*(?:er|e|eme|st|nd|rd|th)\b)"
)
_RANGE_GLUE = {
    "-",
    "\u2013",
    "\u2014",
    "a",
    "au",
    "to",
    "till",
    "until",
    "jusqu'a",
    "jusqu a",
    "et",
    "and",
}
_RANGE_OPENERS = {"de", "from", "entre", "between"}
_PAIRED_GLUE = {"et", "and"}  # "entre 14h et 15h", "between 2 and 3pm": only after entre/between


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    hour: int
    minute: int
    marked: bool  # written as a time ("14h", "14:00", "2pm", "midi"), not a bare number
    meridiem: str  # "a", "p" or ""
    prefix: str
    padded: bool  # "03h", "03:00": the hour is meant as written


@dataclass(frozen=True)
class TimeFound:
    """The time of day written in a text, if any, and the text without it."""

    rest: str
    hour: int | None = None
    minute: int = 0
    minutes: int | None = None  # a range's length
    assumed: bool = False  # the hour stands for a part of the day ("matin" -> 9:00)
    either_half: bool = False  # "3h": 3:00 or 15:00
    today: bool = False  # "tonight"
    invalid: str = ""  # "time" (25h) or "range" (a range of no or negative length)


def _token(match: re.Match[str]) -> _Token | None:
    named = match.group("named")
    meridiem = (match.group("ap") or "").strip(".")
    if named:
        hour, minute, marked, padded = _NAMED[named], 0, True, True
    else:
        hour = int(match.group("h"))
        minute = int(match.group("hm") or match.group("cm") or 0)
        marked = bool(match.group("hmark") or match.group("cm") or meridiem)
        padded = match.group("h").startswith("0") and len(match.group("h")) == 2
    half = (match.group("half") or "").strip()
    if half:
        minute += -15 if half.startswith("moins") else 30 if "demi" in half else 15
        marked = True
    return _Token(
        match.start(),
        match.end(),
        hour,
        minute,
        marked,
        meridiem,
        (match.group("pre") or "").strip(),
        padded,
    )


def _clock(token: _Token, meridiem: str = "") -> int | None:
    """Minutes after midnight, or None when the time cannot exist."""
    hour, minute = token.hour, token.minute
    meridiem = token.meridiem or meridiem
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if minute < 0:
        hour, minute = hour - 1, minute + 60
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour * 60 + minute


def _is_time(token: _Token) -> bool:
    return token.marked or token.prefix in {"a", "at", "vers", "around", "about"}


def _glue(text: str, first: _Token, second: _Token) -> str:
    return text[first.end : second.start].strip()


def _range(text: str, tokens: list[_Token]) -> tuple[_Token, _Token] | None:
    """Two times joined as a range ("14h-15h", "de 14h à 15h", "entre 14h et 15h")."""
    for first, second in itertools.pairwise(tokens):
        glue = _glue(text, first, second) or second.prefix
        if glue not in _RANGE_GLUE or not (first.marked or second.marked):
            continue
        if glue in _PAIRED_GLUE and first.prefix not in {"entre", "between"}:
            continue
        if not first.marked and glue in {"a", "au"} and first.prefix not in _RANGE_OPENERS:
            continue  # "le 20 à 14h" is a day and a time
        return first, second
    return None


def find_time(text: str) -> TimeFound:
    """The time of day (or range, or part of the day) in folded `text`, taken out of it."""
    part = _PART.search(text)
    part_hour, late = None, False
    if part is not None:
        word = part.group(1)
        for pattern, hour, is_late in _PARTS:
            if re.fullmatch(pattern, word):
                part_hour, late = hour, is_late
                break
        text = (text[: part.start()] + " " + text[part.end() :]).strip()
    tokens = [t for t in (_token(m) for m in _TOKEN.finditer(text)) if t is not None]
    today = part is not None and part.group(1) == "tonight"
    pair = _range(text, tokens)
    if pair is not None:
        return _ranged(text, pair, late, today)
    times = [token for token in tokens if _is_time(token)]
    if not times:
        if part_hour is None:
            return TimeFound(text)
        return TimeFound(text, part_hour, assumed=True, today=today)
    token = times[0]
    rest = _cut(text, token, token)
    start = _clock(token, "p" if late and token.hour < 12 and not token.meridiem else "")
    if start is None:
        return TimeFound(rest, invalid="time")
    either = (
        part is None and not token.meridiem and not token.padded and 1 <= token.hour <= 6
    ) and token.hour * 60 + token.minute == start
    return TimeFound(rest, start // 60, start % 60, either_half=either, today=today)


def _ranged(text: str, pair: tuple[_Token, _Token], late: bool, today: bool) -> TimeFound:
    first, second = pair
    rest = _cut(text, first, second)
    end = _clock(second, "p" if late and second.hour < 12 and not second.meridiem else "")
    start = _clock(first, "p" if late and first.hour < 12 and not first.meridiem else "")
    if end is None or start is None:
        return TimeFound(rest, invalid="time")
    if second.meridiem and not first.meridiem and not late:
        inherited = _clock(first, second.meridiem)
        if inherited is not None and inherited < end:
            start = inherited
    length = (end - start) % DAY_MINUTES
    if length == 0:
        return TimeFound(rest, invalid="range")
    either = not (late or second.meridiem or first.padded) and 1 <= start // 60 <= 6
    return TimeFound(rest, start // 60, start % 60, length, either_half=either, today=today)


def _cut(text: str, first: _Token, last: _Token) -> str:
    return " ".join((text[: first.start] + " " + text[last.end :]).split())
