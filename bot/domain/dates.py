"""Dates typed by people ("mardi prochain 14h", "in two weeks"), read in their language and zone.

dateparser is always given the languages (it otherwise reads ordinary words as dates) and the
person's zone; a few French forms it misses ("14h30", "mardi prochain") are rewritten first.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import dateparser

_HOUR_MINUTES = re.compile(r"\b(\d{1,2})\s*h\s*(\d{2})\b", re.IGNORECASE)
_HOUR = re.compile(r"\b(\d{1,2})\s*h\b", re.IGNORECASE)
_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_NEXT_AFTER = re.compile(rf"\b({_WEEKDAYS})\s+prochaine?\b", re.IGNORECASE)
_NEXT_BEFORE = re.compile(rf"\bprochaine?\s+({_WEEKDAYS})\b", re.IGNORECASE)


def _rewrite(text: str) -> str:
    text = _HOUR_MINUTES.sub(r"\1:\2", text)
    text = _HOUR.sub(r"\1:00", text)
    text = _NEXT_AFTER.sub(r"\1", text)
    return _NEXT_BEFORE.sub(r"\1", text)


def parse_when(text: str, locale: str, timezone: str, now: datetime) -> datetime | None:
    """The moment `text` names, in UTC, reading it as the person would; None if unreadable."""
    zone = ZoneInfo(timezone)
    languages = [locale, *(code for code in ("fr", "en") if code != locale)]
    parsed = dateparser.parse(
        _rewrite(text.strip())[:200],
        languages=languages,
        settings={
            "TIMEZONE": timezone,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),
        },
    )
    return parsed.astimezone(UTC) if parsed is not None else None
