"""Durations typed by people: "90", "90 min", "1h30", "1 h 30", "1.5h", "une heure et demie",
"an hour", "trois quarts d'heure" -> minutes, within bounds.

A bare number is minutes. Works on any case and accents; the number words are the few people
use for a meeting's length, in French and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.typed_text import folded

SHORTEST, LONGEST = 5, 8 * 60

NUMBER_WORDS = {
    "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8,
    "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "onze": 11, "eleven": 11,
    "douze": 12, "twelve": 12, "quinze": 15, "fifteen": 15, "vingt": 20, "twenty": 20,
    "trente": 30, "thirty": 30, "quarante": 40, "forty": 40, "quarante-cinq": 45,
    "forty-five": 45, "cinquante": 50, "fifty": 50, "soixante": 60, "sixty": 60,
    "quatre-vingt-dix": 90, "ninety": 90,
}  # fmt: skip
NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(
    re.escape(word) for word in sorted(NUMBER_WORDS, key=len, reverse=True)
)

_HOURS = r"(?:h|hr|hrs|heures?|hours?)"
_MINUTES = r"(?:m|mn|mins?|minutes?)"
_FRACTIONS = {
    "et demie": 30, "et demi": 30, "and a half": 30, "et quart": 15, "and a quarter": 15,
    "moins le quart": -15, "moins quart": -15,
}  # fmt: skip
_FRACTION = "|".join(re.escape(word) for word in _FRACTIONS)
_HOURS_AND = re.compile(
    rf"^(?P<h>{NUMBER})\s*{_HOURS}\s*(?:(?P<frac>{_FRACTION})|(?:et\s+|and\s+)?(?P<m>{NUMBER})?\s*(?:{_MINUTES})?)$"
)
_MINUTES_ONLY = re.compile(rf"^(?P<m>{NUMBER})\s*(?:{_MINUTES})?$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
_SPECIAL = {
    "une demi-heure": 30, "une demi heure": 30, "demi-heure": 30, "half an hour": 30,
    "half hour": 30, "a half hour": 30, "un quart d'heure": 15, "quart d'heure": 15,
    "a quarter of an hour": 15, "quarter of an hour": 15, "a quarter hour": 15,
    "trois quarts d'heure": 45, "trois quart d'heure": 45, "three quarters of an hour": 45,
}  # fmt: skip


class DurationProblem(StrEnum):
    unreadable = "unreadable"
    out_of_bounds = "out_of_bounds"


@dataclass(frozen=True)
class BadDuration:
    problem: DurationProblem


def number_of(word: str) -> float:
    """The value of a number written in digits ("1,5") or in words ("une", "fifteen")."""
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else float(word.replace(",", "."))


def _minutes(text: str) -> float | None:
    if text in _SPECIAL:
        return _SPECIAL[text]
    clock = _CLOCK.match(text)
    if clock:
        return int(clock["h"]) * 60 + int(clock["m"])
    found = _HOURS_AND.match(text)
    if found:
        extra = _FRACTIONS[found["frac"]] if found["frac"] else number_of(found["m"] or "0")
        return number_of(found["h"]) * 60 + extra
    found = _MINUTES_ONLY.match(text)
    if found and found["m"] not in {"a", "an"}:
        return number_of(found["m"])
    return None


def read_minutes(text: str, low: int = SHORTEST, high: int = LONGEST) -> int | BadDuration:
    """The number of minutes `text` says, between `low` and `high`."""
    minutes = _minutes(folded(text).strip(". ")[:60])
    if minutes is None:
        return BadDuration(DurationProblem.unreadable)
    if not low <= minutes <= high:
        return BadDuration(DurationProblem.out_of_bounds)
    return round(minutes)
