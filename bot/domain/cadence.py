"""The rhythm of a pair: is it time to plan, overdue, or stalled?

The anchor is the last meeting held (or the start of the pair, or the end of a pause). A pair is
reminded to plan two weeks before the longest allowed gap runs out, nudged when it has run out,
and flagged to its referent four weeks later; it is never closed silently.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

PLAN_AHEAD = timedelta(days=14)
STALLED_AFTER = timedelta(days=28)


class Cadence(StrEnum):
    ok = "ok"
    plan = "plan"
    overdue = "overdue"
    stalled = "stalled"


def anchor(
    activated_at: datetime, last_meeting_at: datetime | None, paused_until: datetime | None
) -> datetime:
    """Where the gap is counted from."""
    return max(d for d in (activated_at, last_meeting_at, paused_until) if d is not None)


def cadence(since: datetime, max_gap_days: int, now: datetime) -> Cadence:
    """The state of a pair whose gap is counted from `since` and has no meeting planned."""
    limit = since + timedelta(days=max_gap_days)
    if now >= limit + STALLED_AFTER:
        return Cadence.stalled
    if now >= limit:
        return Cadence.overdue
    if now >= limit - PLAN_AHEAD:
        return Cadence.plan
    return Cadence.ok
