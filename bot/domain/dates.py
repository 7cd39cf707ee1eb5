"""Dates typed by people, read in their language and time zone, as what they meant or a question.

`read_when` answers with one of:
- `Moment`: a start (and a length, for "14h-15h"); the hour may stand for a part of the day;
- `Day`: a day with no time ("jeudi 19 novembre"): ask the time, never guess midnight or now;
- `Ambiguous`: the candidates to offer ("le 20", "12/4" in English, "la semaine prochaine",
  "jeudi 3h", an hour that happens twice or not at all when the clocks change);
- `Unreadable`: why ("90" is a number, "le mois prochain" is vague).

Planning reads towards the future (the next Thursday, the next 19 November), logging towards the
past (the last ones). The time of day is found by `times_of_day`; days, weekdays and relative
phrases here; month names go to dateparser, always given the languages (it otherwise reads
ordinary words as dates). Pure: `now` is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import dateparser
from dateutil.relativedelta import relativedelta

from bot.domain.durations import LONGEST, NUMBER, SHORTEST, number_of
from bot.domain.times_of_day import TimeFound, find_time
from bot.domain.typed_text import folded

WORKDAYS = 5
_SCAN_MONTHS = 14


class Direction(StrEnum):
    future = "future"  # planning: the next occurrence
    past = "past"  # logging: the last one


class Reason(StrEnum):
    unknown = "unknown"
    number = "number"  # "90", "2026"
    vague = "vague"  # "le mois prochain", "en décembre"
    time = "time"  # "25h"
    range = "range"  # "14h-14h"


@dataclass(frozen=True)
class Moment:
    start: datetime  # UTC
    minutes: int | None = None  # the length of a range ("14h-15h30": 90)
    assumed_hour: bool = False  # the hour stands for a part of the day ("demain matin": 9:00)


@dataclass(frozen=True)
class Day:
    day: date


@dataclass(frozen=True)
class Ambiguous:
    candidates: tuple[Moment | Day, ...]


@dataclass(frozen=True)
class Unreadable:
    reason: Reason


When = Moment | Day | Ambiguous | Unreadable

_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
    "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_BEFORE = r"prochaine?|next|this coming|coming|this past|ce|cette|this|last|past"
_AFTER = r"prochaine?|derniere?|passee?|next|last"
_WEEKDAY = re.compile(
    rf"\b(?:(?P<before>{_BEFORE})\s+)?(?P<day>{_WEEKDAY_WORDS})\b\.?(?:\s+(?P<after>{_AFTER})\b)?"
)
_MODIFIERS = {
    "prochain": "next", "prochaine": "next", "next": "next", "this coming": "next",
    "coming": "next", "this past": "last", "ce": "this", "cette": "this", "this": "this",
    "last": "last", "past": "last", "dernier": "last", "derniere": "last", "passe": "last",
    "passee": "last",
}  # fmt: skip
_WEEK = re.compile(
    r"\b(?:(?:de |dans )?(?:la |cette )?)?(?P<week>semaine prochaine|prochaine semaine|"
    r"semaine derniere|semaine passee|cette semaine|next week|last week|this week)\b"
)
_WEEK_SHIFT = {
    "semaine prochaine": 1, "prochaine semaine": 1, "next week": 1, "semaine derniere": -1,
    "semaine passee": -1, "last week": -1, "cette semaine": 0, "this week": 0,
}  # fmt: skip
_LATER = re.compile(r"\b(?:en (?P<fr>huit|quinze)|(?P<en>week))\b")
_KEYWORDS = (
    (r"apres[- ]?demain|the day after tomorrow|day after tomorrow|overmorrow", 2),
    (r"avant[- ]?hier|the day before yesterday|day before yesterday", -2),
    (r"aujourd'hui|aujourdhui|today", 0),
    (r"demain|tomorrow", 1),
    (r"hier|yesterday", -1),
)
_KEYWORD = re.compile("|".join(rf"\b(?:{pattern})\b" for pattern, _shift in _KEYWORDS))
_TODAY_WORDS = {"ce", "cet", "cette", "this"}
_NOW = {"maintenant", "now", "right now", "tout de suite", "immediatement"}
_UNITS = {
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "mn": "minutes", "heure": "hours", "heures": "hours", "hour": "hours", "hours": "hours",
    "h": "hours", "jour": "days", "jours": "days", "day": "days", "days": "days",
    "semaine": "weeks", "semaines": "weeks", "week": "weeks", "weeks": "weeks",
    "mois": "months", "month": "months", "months": "months", "an": "years", "ans": "years",
    "annee": "years", "annees": "years", "year": "years", "years": "years",
}  # fmt: skip
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_RELATIVE = re.compile(
    rf"\b(?:(?P<ahead>dans|in)\s+(?P<n1>{NUMBER})\s*(?P<u1>{_UNIT})"
    rf"|il y a\s+(?P<n2>{NUMBER})\s*(?P<u2>{_UNIT})"
    rf"|(?P<n3>{NUMBER})\s*(?P<u3>{_UNIT})\s+ago)\b"
)
_IDIOMS = {("huit", "days"): 7, ("quinze", "days"): 14}  # "dans huit jours": in a week
_MONTHS = (
    r"janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?|"
    r"oct(?:obre)?|nov(?:embre)?|dec(?:embre)?|january|jan|february|feb|march|mar|april|apr|"
    r"may|june|jun|july|jul|august|aug|september|sep|october|november|december"
)
_MONTH = re.compile(rf"\b(?:{_MONTHS})\b\.?")
_VAGUE = re.compile(
    r"\b(?:mois|month|annee|year|week-?end|bientot|soon|plus tard|later|un jour|someday|"
    r"quinzaine|fortnight|un de ces jours)\b"
)
_FILLERS = {
    "le", "la", "les", "l'", "on", "the", "a", "at", "de", "du", "d'", "des", "pour", "for",
    "vers", "around", "about", "jusqu'au", "jusqu'a", "jusqu", "au", "until", "till", "et",
    "and", "of", "en", "in", "dans", "-",
}  # fmt: skip
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})([./])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")
_DAY_OF_MONTH = re.compile(
    r"^(?P<lead>(?:le|the|on the|on)\s+)?(?P<n>\d{1,2})(?P<suffix>er|e|eme|st|nd|rd|th)?$"
)
_AROUND = {"fin", "debut", "mi", "mi-", "early", "late", "mid", "end", "beginning"}
_NUMBER_ONLY = re.compile(r"^\d+$")


def _strip(text: str, match: re.Match[str]) -> str:
    return " ".join((text[: match.start()] + " " + text[match.end() :]).split())


def _fits(moment: datetime, now: datetime, direction: Direction) -> bool:
    return moment > now if direction is Direction.future else moment <= now


def _day_fits(day: date, today: date, direction: Direction) -> bool:
    return day >= today if direction is Direction.future else day <= today


def _in_direction(month: int, day: int, today: date, direction: Direction) -> date | None:
    """The next (or last) `day` `month` from today, today included; None if it never exists."""
    step = 1 if direction is Direction.future else -1
    for offset in range(9):  # 29 February comes back within 8 years
        try:
            found = date(today.year + step * offset, month, day)
        except ValueError:
            continue
        if _day_fits(found, today, direction):
            return found
    return None


def _days_of_month(
    number: int, today: date, direction: Direction, weekday: int | None
) -> list[date]:
    """The next (or last) two days numbered `number`, or the one of them that is `weekday`."""
    step = 1 if direction is Direction.future else -1
    found: list[date] = []
    first_of_month = today.replace(day=1)
    for offset in range(_SCAN_MONTHS):
        try:
            day = (first_of_month + relativedelta(months=step * offset)).replace(day=number)
        except ValueError:
            continue
        if _day_fits(day, today, direction):
            found.append(day)
        if len(found) == 2:
            break
    same = [day for day in found if day.weekday() == weekday]
    return same[:1] or found


def _weekday_days(weekday: int, modifier: str, today: date, direction: Direction) -> list[date]:
    ahead = (weekday - today.weekday()) % 7 or 7  # the next one, strictly after today
    behind = (today.weekday() - weekday) % 7 or 7
    if modifier == "next":
        return [today + timedelta(days=ahead)]
    if modifier == "last":
        return [today - timedelta(days=behind)]
    if weekday == today.weekday():
        if modifier == "this":
            return [today]
        other = 7 if direction is Direction.future else -7
        return [today, today + timedelta(days=other)]
    if direction is Direction.future:
        return [today + timedelta(days=ahead)]
    return [today - timedelta(days=behind)]


def _year(numeric: str | None) -> int | None:
    if numeric is None:
        return None
    year = int(numeric)
    return year + 2000 if year < 100 else year


def _numeric(rest: str, locale: str, today: date, direction: Direction) -> list[date] | None:
    """Days written in figures: "4.12", "04/12/2026", "2026-12-04"; "12/4" in English is either."""
    iso = _ISO_DAY.match(rest)
    if iso:
        return _checked_days([(int(iso[1]), int(iso[2]), int(iso[3]))], today, direction)
    found = _NUMERIC_DAY.match(rest)
    if not found:
        return None
    first, separator, second = int(found[1]), found[2], int(found[3])
    year = _year(found[4])
    readings = [(second, first)]
    if locale == "en" and separator == "/":
        if first <= 12 < second:
            readings = [(first, second)]
        elif first <= 12 and second <= 12 and first != second:
            readings = [(second, first), (first, second)]
    return _checked_days([(year, month, day) for month, day in readings], today, direction)


def _checked_days(
    readings: list[tuple[int | None, int, int]], today: date, direction: Direction
) -> list[date]:
    days = []
    for year, month, day in readings:
        try:
            found = date(year, month, day) if year else _in_direction(month, day, today, direction)
        except ValueError:
            found = None
        if found is not None:
            days.append(found)
    return days


def _named_month(rest: str, locales: list[str], today: date, direction: Direction) -> list[date]:
    """A day with a month name ("2 déc.", "le 1er décembre 2027", "Dec 2nd"), via dateparser."""
    base = datetime.combine(today, time(12))
    settings = {
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DATES_FROM": "future",
    }
    ahead = dateparser.parse(rest, languages=locales, settings=settings)
    if ahead is None:
        return []
    behind = dateparser.parse(
        rest,
        languages=locales,
        settings={**settings, "PREFER_DATES_FROM": "past"},
    )
    if behind is not None and behind.date() == ahead.date():
        return [ahead.date()]  # the year was written
    found = _in_direction(ahead.month, ahead.day, today, direction)
    return [found] if found else []


def _explicit(
    rest: str, locales: list[str], today: date, direction: Direction, weekday: int | None
) -> list[date] | Reason | None:
    """The days the rest of the text names, None when it names none, or why it cannot be read."""
    day_of_month = _DAY_OF_MONTH.match(rest)
    if day_of_month and (day_of_month["lead"] or day_of_month["suffix"] or weekday is not None):
        number = int(day_of_month["n"])
        days = _days_of_month(number, today, direction, weekday) if 1 <= number <= 31 else []
        return days or Reason.unknown
    words = [word for word in rest.replace(",", " ").split() if word not in _FILLERS]
    rest = " ".join(words)
    if not rest:
        return None
    if rest in _TODAY_WORDS:
        return [today]
    numeric = _numeric(rest, locales[0], today, direction)
    if numeric is not None:
        return numeric or Reason.unknown
    if _NUMBER_ONLY.match(rest):
        return Reason.number
    if _VAGUE.search(rest):
        return Reason.vague
    if _MONTH.search(rest):
        days = _named_month(rest, locales, today, direction)
        if days:
            return days
        only_month = all(word in _AROUND for word in _MONTH.sub(" ", rest).split())
        return Reason.vague if only_month else Reason.unknown
    return Reason.unknown


@dataclass(frozen=True)
class _Days:
    days: list[date]
    checked: bool = True  # False when a weekday was named that none of the days is


def _days(
    rest: str,
    locales: list[str],
    today: date,
    direction: Direction,
    shifted: date | None,
) -> _Days | Reason | None:
    """The days `rest` names (the time and any "in 3 days" already taken out)."""
    sources: list[list[date]] = [[shifted]] if shifted else []
    week = _WEEK.search(rest)
    if week:
        rest = _strip(rest, week)
    weekday_match = _WEEKDAY.search(rest)
    weekday = modifier = None
    if weekday_match:
        rest = _strip(rest, weekday_match)
        weekday = _WEEKDAYS[weekday_match["day"]]
        said = weekday_match["before"] or weekday_match["after"] or ""
        modifier = _MODIFIERS.get(said, "")
    later = _LATER.search(rest)
    extra = 0
    if later:
        rest = _strip(rest, later)
        extra = {"huit": 7, "quinze": 14}.get(later["fr"] or "", 7)
    keyword = _KEYWORD.search(rest)
    if keyword:
        rest = _strip(rest, keyword)
        shift = next(s for p, s in _KEYWORDS if re.fullmatch(p, keyword.group(0)))
        sources.append([today + timedelta(days=shift + extra)])
        extra = 0
    explicit = _explicit(rest, locales, today, direction, weekday)
    if isinstance(explicit, Reason):
        return explicit
    if explicit:
        sources.append(explicit)
    monday = today - timedelta(days=today.weekday())
    if week:
        monday += timedelta(weeks=_WEEK_SHIFT[week["week"]])
    if week and weekday is None:
        days = [monday + timedelta(days=n) for n in range(WORKDAYS)]
        sources.append([day for day in days if _day_fits(day, today, direction)] or days)
    if len(sources) > 1 or (extra and weekday is None):
        return Reason.unknown
    if weekday is None:
        return _Days(sources[0]) if sources else None
    if sources:
        same = [day for day in sources[0] if day.weekday() == weekday]
        return _Days(same) if same else _Days(sources[0], checked=False)
    if week:
        return _Days([monday + timedelta(days=weekday)])
    days = _weekday_days(weekday, "next" if extra else modifier or "", today, direction)
    return _Days([day + timedelta(days=extra) for day in days])


def _relative(text: str, now: datetime, today: date) -> tuple[str, date | None, datetime | None]:
    """ "dans 3 jours", "in two weeks", "il y a 2 jours": the text without it, and the day (or,
    for hours and minutes, the moment) it names."""
    found = _RELATIVE.search(text)
    if found is None:
        return text, None, None
    word = found["n1"] or found["n2"] or found["n3"]
    unit = _UNITS[found["u1"] or found["u2"] or found["u3"]]
    amount = _IDIOMS.get((word, unit), number_of(word))
    sign = 1 if found["ahead"] else -1
    rest = _strip(text, found)
    if unit in ("minutes", "hours"):
        moment = now + sign * timedelta(**{unit: amount})
        return rest, None, moment.replace(second=0, microsecond=0)
    if unit in ("months", "years"):
        shift = relativedelta(**{unit: sign * int(amount)})
        return rest, today + shift, None
    return rest, today + sign * timedelta(**{unit: amount}), None


def _localised(naive: datetime, zone: ZoneInfo) -> tuple[list[datetime], bool]:
    """The instants a local time names (two when the clocks go back), and whether it exists;
    an hour skipped when the clocks go forward is read in the new offset (2:30 -> 3:30)."""
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return [first], True
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive:
        return [first, second], True
    return [first.astimezone(UTC).astimezone(zone)], False


def _iso(text: str, zone: ZoneInfo) -> When | None:
    """An ISO date or date-time, as a form prefilled by the bot sends it back."""
    if not _ISO.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        return Unreadable(Reason.unknown)
    if len(text) == 10:
        return Day(moment.date())
    if moment.tzinfo is None:
        instants, _exists = _localised(moment, zone)
        moment = instants[0]
    return Moment(moment.astimezone(UTC))


def _moments(
    days: _Days, found: TimeFound, zone: ZoneInfo, now: datetime, direction: Direction
) -> When:
    hours = [found.hour or 0] + ([(found.hour or 0) + 12] if found.either_half else [])
    moments: list[Moment] = []
    exact = days.checked
    for day in days.days:
        for hour in hours:
            naive = datetime.combine(day, time(hour, found.minute))
            instants, exists = _localised(naive, zone)
            exact = exact and exists
            moments += [Moment(i.astimezone(UTC), found.minutes, found.assumed) for i in instants]
    if len(moments) > 1:
        moments = [m for m in moments if _fits(m.start, now, direction)] or moments[:1]
    if len(moments) == 1 and exact:
        return moments[0]
    return Ambiguous(tuple(moments))


def read_when(
    text: str,
    locale: str,
    timezone: str,
    now: datetime,
    direction: Direction = Direction.future,
    on: date | None = None,
) -> When:
    """What `text` says, read in `timezone` at `now` (UTC); `on` is the day a time answers for."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    raw = text.strip()[:200]
    iso = _iso(raw, zone)
    if iso is not None:
        return iso
    words = folded(raw)
    if not words:
        return Unreadable(Reason.unknown)
    if words in _NOW:
        return Moment(now.replace(second=0, microsecond=0))
    if _NUMBER_ONLY.match(words):
        return Unreadable(Reason.number)
    words, shifted, moment = _relative(words, now, today)
    if moment is not None:
        return Moment(moment) if not words else Unreadable(Reason.unknown)
    found = find_time(words)
    if found.invalid:
        return Unreadable(Reason(found.invalid))
    if found.minutes is not None and not SHORTEST <= found.minutes <= LONGEST:
        return Unreadable(Reason.range)
    locales = [locale, *(code for code in ("fr", "en") if code != locale)]
    days = _days(found.rest, locales, today, direction, shifted)
    if isinstance(days, Reason):
        return Unreadable(days)
    if days is None:
        if on is not None and found.hour is not None:
            days = _Days([on])
        elif found.hour is not None or found.today:
            days = _Days([today])
        else:
            return Unreadable(Reason.unknown)
    if not days.days:
        return Unreadable(Reason.unknown)
    if found.hour is None:
        candidates = tuple(Day(day) for day in days.days)
        if len(candidates) == 1 and days.checked:
            return candidates[0]
        return Ambiguous(candidates)
    return _moments(days, found, zone, now, direction)


def read_calendar_day(
    text: str,
    locale: str,
    timezone: str,
    now: datetime,
    direction: Direction = Direction.future,
) -> Day | Ambiguous | Unreadable:
    """The calendar day `text` names, for answers that need no time ("until when?")."""
    zone = ZoneInfo(timezone)
    when = read_when(text, locale, timezone, now, direction)
    if isinstance(when, Moment):
        return Day(when.start.astimezone(zone).date())
    if isinstance(when, Ambiguous):
        days: list[Day] = []
        for candidate in when.candidates:
            if isinstance(candidate, Moment):
                candidate = Day(candidate.start.astimezone(zone).date())
            if candidate not in days:
                days.append(candidate)
        return days[0] if len(days) == 1 else Ambiguous(tuple(days))
    return when
