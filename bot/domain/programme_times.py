"""Days typed by coordinators for a programme's dates ("5 janvier 2027", "05/01/2027",
"2027-01-05", "4 mars 2027 14h"): a date, or a local date-time when a time is given.

A programme's dates are whole calendar days in its own zone, so nothing relative ("next
Monday") is accepted: the day, month and year must all be there.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime

import dateparser

_TIME = re.compile(r"\b\d{1,2}\s*(?:h|:)\s*\d{0,2}\b", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")
_HOUR = re.compile(r"\b(\d{1,2})\s*h\s*(\d{0,2})\b", re.IGNORECASE)


def read_day(text: str, locale: str) -> date | datetime | None:
    """The day (and time, if one is written) `text` names; None when it is not a full date."""
    cleaned = text.strip()[:80]
    with contextlib.suppress(ValueError):  # an ISO date first; anything else goes to dateparser
        return date.fromisoformat(cleaned)
    if not _YEAR.search(cleaned):
        return None
    has_time = bool(_TIME.search(cleaned))
    rewritten = _HOUR.sub(lambda m: f"{m.group(1)}:{m.group(2) or '00'}", cleaned)
    languages = [locale, *(code for code in ("fr", "en") if code != locale)]
    parsed = dateparser.parse(
        rewritten,
        languages=languages,
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    return parsed.replace(second=0, microsecond=0) if has_time else parsed.date()
