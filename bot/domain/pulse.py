"""The pulse's rounds: every `weeks` weeks a programme asks each member of its active pairs "how
is it going? 1-5". Pure date arithmetic, no I/O.

Rounds are the programme's, not the pair's: round k (k >= 1) falls on the programme's origin
(its start, or its first pair's activation when it has no start date) plus k * `weeks` weeks. A
round is asked only during the WINDOW after its date, so a bot down for a month does not send
old rounds when it comes back; its buttons answer until the next round falls.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

WINDOW = timedelta(days=7)
# The answers' `PairCheck.kind`, and the first part of each question's outbox key.
KIND = "pulse"


def pulse_key(pair_id: int, person_id: int, day: str) -> str:
    """The outbox key of one member's question in the round of `day` (one per round, ever);
    `bot.pulse_sweep` matches the same key in SQL."""
    return f"{KIND}:{pair_id}:{person_id}:{day}"


def origin(starts_at: datetime | None, first_activation: datetime | None) -> datetime | None:
    """What the rounds count from: the programme's start, else its first pair's activation."""
    return starts_at or first_activation


def current_round(
    since: datetime, weeks: int, now: datetime, ends_at: datetime | None = None
) -> datetime | None:
    """The round being asked at `now`: the latest round date whose WINDOW holds `now`, if it
    falls before the programme's end; None otherwise (and always when `weeks` is 0)."""
    if weeks <= 0 or now < since:
        return None
    period = timedelta(weeks=weeks)
    moment = since + (now - since) // period * period
    if moment == since or now >= moment + WINDOW:
        return None
    if ends_at is not None and moment >= ends_at:
        return None
    return moment


def round_day(moment: datetime, timezone: str) -> str:
    """A round's date in the programme's time zone, as stored with its answers (ISO)."""
    return moment.astimezone(ZoneInfo(timezone)).date().isoformat()


def answers_until(moment: datetime, weeks: int) -> datetime:
    """Until when a round's buttons answer: the next round's date."""
    return moment + timedelta(weeks=max(weeks, 1))
