"""Translated texts: Fluent catalogs per language (`fr/*.ftl`, `en/*.ftl`), French the source.

Each area of the product has its own file in each language folder; all files of a language form
one catalog, so a key must be unique across them.

Texts are looked up by stable keys and formatted with named placeholders; plural forms are
written in the catalogs themselves (`{ $count -> [one] ... *[other] ... }`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from fluent.runtime import FluentBundle, FluentResource

from messages import HERE

LOCALES = ("fr", "en")
DEFAULT_LOCALE = "fr"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


class MissingText(KeyError):
    """A key absent from the French source catalog: a programming error."""


def catalog_files(locale: str) -> list[Path]:
    return sorted((HERE / locale).glob("*.ftl"))


@cache
def bundle(locale: str) -> FluentBundle:
    """The parsed catalog of `locale`."""
    fluent = FluentBundle([locale], use_isolating=False)
    for path in catalog_files(locale):
        fluent.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return fluent


def supported(locale: str | None) -> str:
    """The closest supported language for a platform's locale code (`en-GB` -> `en`)."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LOCALES else DEFAULT_LOCALE


def t(locale: str, key: str, **params: Any) -> str:
    """The text `key` in `locale` (falling back to French), its placeholders filled."""
    for candidate in (supported(locale), DEFAULT_LOCALE):
        fluent = bundle(candidate)
        if fluent.has_message(key):
            message = fluent.get_message(key)
            text, errors = fluent.format_pattern(message.value, params)
            if errors:
                raise ValueError(f"text {key!r} in {candidate}: {errors}")
            return text
    raise MissingText(key)


def has_text(key: str) -> bool:
    """Whether the French source catalog has `key`."""
    return bundle(DEFAULT_LOCALE).has_message(key)


def _day_pattern(day: date, locale: str, weekday: bool = True, year: bool = True) -> str:
    """Babel's pattern for a day: French writes the first of the month "1er"."""
    pattern = "'1er' MMMM" if day.day == 1 and locale == "fr" else "d MMMM"
    pattern = f"{pattern} y" if year else pattern
    return f"EEEE {pattern}" if weekday else pattern


def format_when(moment: datetime, locale: str, timezone: str) -> str:
    """A date and time as a person reads it: their language, their time zone."""
    code, zone = supported(locale), ZoneInfo(timezone)
    pattern = _day_pattern(moment.astimezone(zone).date(), code) + ", HH:mm"
    return format_datetime(moment, pattern, tzinfo=zone, locale=code)


def format_day(day: date, locale: str) -> str:
    """A calendar day as a person reads it ("jeudi 3 décembre 2026")."""
    code = supported(locale)
    return format_date(day, _day_pattern(day, code), locale=code)


def format_short_day(day: date, locale: str) -> str:
    """A calendar day without its weekday ("1er décembre 2026")."""
    code = supported(locale)
    return format_date(day, _day_pattern(day, code, weekday=False), locale=code)


def format_day_month(day: date, locale: str) -> str:
    """A calendar day without its weekday or year ("1er décembre", "3 December")."""
    code = supported(locale)
    return format_date(day, _day_pattern(day, code, weekday=False, year=False), locale=code)


def format_local_day(moment: datetime, locale: str, timezone: str) -> str:
    """The day of `moment` in the person's time zone, as they read it."""
    return format_day(moment.astimezone(ZoneInfo(timezone)).date(), locale)


def format_size(size: int, locale: str) -> str:
    """A file's size in the person's words and units ("337 octets", "1,2 Ko", "1.2 KB")."""
    if size < 1000:
        return t(locale, "file-size-bytes", count=size)
    if size < 1_000_000:
        return t(locale, "file-size-kilobytes", size=size / 1000)
    return t(locale, "file-size-megabytes", size=size / 1_000_000)


CLAUSE_SEPARATORS = {"fr": "\u202f; ", "en": "; "}


def join_clauses(clauses: Iterable[str], locale: str) -> str:
    """Clauses of one sentence joined by semicolons, French-spaced in French."""
    return CLAUSE_SEPARATORS[supported(locale)].join(clauses)
