"""When people are free, from what they typed ("mardi et jeudi après-midi", "weekday
mornings", "flexible"): a set of (day, part of day) slots, as a bitmask, so that two people's
availabilities can be compared. Pure, no I/O.

Days are Monday to Sunday; parts are morning, lunchtime, afternoon and evening. Days named with
no part mean the whole day; parts with no day mean every working day; "flexible" or "any time"
means every working day, all day. Text with neither gives 0: nothing is known, and availability
then neither helps nor hurts.
"""

from __future__ import annotations

import re

from bot.domain.typed_text import folded

PARTS = 4
DAYS = 7
WORKING_DAYS = (0, 1, 2, 3, 4)
_DAYS = (
    ("lundi", "monday", "mon"),
    ("mardi", "tuesday", "tue"),
    ("mercredi", "wednesday", "wed"),
    ("jeudi", "thursday", "thu"),
    ("vendredi", "friday", "fri"),
    ("samedi", "saturday", "sat"),
    ("dimanche", "sunday", "sun"),
)
_PARTS = (
    r"matin\w*|morning\w*",
    r"midi|dejeuner|lunch\w*|noon",
    r"apres[- ]?midi\w*|aprem|afternoon\w*",
    r"soir\w*|evening\w*|after work|apres le travail",
)
_DAY_WORD = {word: day for day, words in enumerate(_DAYS) for word in words}
_DAY = re.compile(r"\b(" + "|".join(sorted(_DAY_WORD, key=len, reverse=True)) + r")s?\b")
_RANGE = re.compile(
    r"\b(?:du |from )?("
    + "|".join(_DAY_WORD)
    + r")s? ?(?:au|a|-|to|through|until) ?("
    + "|".join(_DAY_WORD)
    + r")s?\b"
)
_WEEK = re.compile(r"\ben semaine\b|\bweekdays?\b|\bjours? ouvres?\b|\bworking days?\b")
_WEEKEND = re.compile(r"\bweek[- ]?ends?\b")
_ANY = re.compile(
    r"\bflexibles?\b|\bn'importe quand\b|\btout le temps\b|\bany ?time\b|\btous les jours\b"
    r"|\bevery ?day\b|\bpartout\b|\bquand vous voulez\b|\bwhenever\b"
)
_PART = [re.compile(r"\b(?:" + pattern + r")\b") for pattern in _PARTS]


def slots(text: str) -> int:
    """The (day, part) slots `text` names, bit `day * PARTS + part`; 0 when nothing is known."""
    words = folded(text)
    days: set[int] = set()
    for start, end in _RANGE.findall(words):
        first, last = _DAY_WORD[start], _DAY_WORD[end]
        days.update(range(first, last + 1) if first <= last else ())
    days.update(_DAY_WORD[word] for word in _DAY.findall(words))
    if _WEEK.search(words):
        days.update(WORKING_DAYS)
    if _WEEKEND.search(words):
        days.update((5, 6))
    parts: set[int] = set()
    for number in (2, 0, 1, 3):  # the afternoon first: "après-midi" must not read as "midi"
        words, found = _PART[number].subn(" ", words)
        if found:
            parts.add(number)
    flexible = bool(_ANY.search(words))
    if not days and not parts and not flexible:
        return 0
    days = days or set(WORKING_DAYS)
    parts = parts or set(range(PARTS))
    return sum(1 << (day * PARTS + part) for day in days for part in parts)


def overlap(mentee: int, mentor: int) -> float:
    """The share of the mentee's slots the mentor is free in too (0 when either is unknown)."""
    if not mentee or not mentor:
        return 0.0
    return (mentee & mentor).bit_count() / mentee.bit_count()
