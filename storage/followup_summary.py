"""A programme's follow-up figures summed by the database, for the views that show only the
summary (the `/admin` menu, Slack's App Home republished after every event of a coordinator):
a few aggregate queries whatever the number of pairs, never one row per pair in Python but the
few pairs that may be overdue.

The meetings expected follow `bot.domain.followup.expected_meetings`, written here in SQL:
days between two times are read as floating-point numbers (julianday on SQLite, the epoch of an
interval on PostgreSQL), so a pair lying within SLACK of a step is counted as having reached it.
`tests/test_dashboard_summary.py` holds the two ways to the same figures.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, case, cast, exists, func, literal
from sqlmodel import Session, col, select

from bot.domain.followup import ACTIVE, DEFAULT_STEP, Totals, is_overdue, meeting_step
from storage.enums import MeetingStatus, PairState
from storage.models import Meeting, Objective, Pair, Programme
from storage.types import UTCDateTime

DAY = 86_400  # seconds
# Days (about 2 ms): SQLite reads times to the millisecond, and days as floats round.
SLACK = 2e-8


def count_where(condition: Any) -> Any:
    """How many rows meet `condition` (0 over no row)."""
    return func.coalesce(func.sum(cast(case((condition, 1), else_=0), Integer)), 0)


def summed_totals(
    session: Session, programme: Programme, now: datetime, listed: list[Any]
) -> Totals:
    """The listed pairs' figures (`listed`: the conditions on Pair that select them)."""
    pair_ids = select(Pair.id).where(*listed)
    count, started, completed, paused = session.exec(
        select(
            func.count(),
            count_where(col(Pair.activated_at).is_not(None)),
            count_where(col(Pair.state) == PairState.completed),
            count_where((col(Pair.state) == ACTIVE) & (col(Pair.paused_until) > now)),
        ).where(*listed)
    ).one()
    by_status = dict(
        session.exec(
            select(Meeting.status, func.count())
            .where(col(Meeting.pair_id).in_(pair_ids))
            .group_by(col(Meeting.status))
        ).all()
    )
    objectives, reached = session.exec(
        select(func.count(), count_where(col(Objective.status) == "reached")).where(
            col(Objective.pair_id).in_(pair_ids)
        )
    ).one()
    expected, on_pace = _pace(session, programme, now, listed)
    return Totals(
        listed=count,
        held=by_status.get(MeetingStatus.held, 0),
        expected=expected,
        on_pace=on_pace,
        cancelled=by_status.get(MeetingStatus.cancelled, 0),
        no_show=by_status.get(MeetingStatus.no_show, 0),
        objectives=objectives,
        reached=reached,
        overdue=_overdue(session, programme, now, listed),
        paused=paused,
        started=started,
        completed=completed,
    )


def _days_between(dialect: str, start: Any, end: Any) -> Any:
    if dialect == "postgresql":
        return func.extract("epoch", end - start) / DAY
    return func.julianday(end) - func.julianday(start)


def _whole(dialect: str, value: Any) -> Any:
    """The integer part of a number that is not negative."""
    return cast(func.floor(value) if dialect == "postgresql" else value, Integer)


def _smaller(one: Any, other: Any) -> Any:
    return case((one < other, one), else_=other)


def _step_days(dialect: str, programme: Programme) -> Any:
    """The days between two expected meetings (`meeting_step`); from each pair's start when the
    programme has an end but no start date."""
    end, target = programme.ends_at, programme.target_sessions
    if end is None:
        return DEFAULT_STEP / timedelta(days=1)
    if programme.starts_at is not None:
        return meeting_step(programme.starts_at, end, target) / timedelta(days=1)
    started = col(Pair.activated_at)
    span = _days_between(dialect, started, literal(end, UTCDateTime())) / max(1, target)
    return case((started < end, span), else_=DEFAULT_STEP / timedelta(days=1))


def _pace(
    session: Session, programme: Programme, now: datetime, listed: list[Any]
) -> tuple[int, int]:
    """Meetings expected by now over the started pairs, and those held counted up to each
    pair's expected number."""
    dialect = session.get_bind().dialect.name
    done = (  # per pair, the pair's meetings found by their index on (pair_id, scheduled_at)
        select(count_where(Meeting.status == MeetingStatus.held))
        .where(col(Meeting.pair_id) == col(Pair.id))
        .scalar_subquery()
    )
    ended = col(Pair.ended_at)
    until = case((ended.is_not(None) & (ended < now), ended), else_=literal(now, UTCDateTime()))
    elapsed = _days_between(dialect, col(Pair.activated_at), until)
    whole = _whole(dialect, (elapsed + SLACK) / _step_days(dialect, programme))
    due = case((elapsed <= 0, 0), else_=_smaller(whole, programme.target_sessions))
    expected, on_pace = session.exec(
        select(func.coalesce(func.sum(due), 0), func.coalesce(func.sum(_smaller(done, due)), 0))
        .select_from(Pair)
        .where(*listed, col(Pair.activated_at).is_not(None))
    ).one()
    return int(expected), int(on_pace)


def _overdue(session: Session, programme: Programme, now: datetime, listed: list[Any]) -> int:
    """Active pairs past the longest gap with nothing planned: the candidates filtered by the
    database (last meeting or start older than the gap), the pause checked on those few."""
    planned = exists().where(
        col(Meeting.pair_id) == col(Pair.id),
        Meeting.status == MeetingStatus.planned,
        col(Meeting.scheduled_at) > now,
    )
    limit = now - timedelta(days=programme.max_gap_days)
    candidates = session.exec(
        select(Pair.activated_at, Pair.last_meeting_at, Pair.paused_until).where(
            *listed,
            col(Pair.state) == ACTIVE,
            col(Pair.activated_at).is_not(None),
            ~planned,
            func.coalesce(col(Pair.last_meeting_at), col(Pair.activated_at)) <= limit,
        )
    ).all()
    return sum(
        1
        for activated, last, paused in candidates
        if is_overdue(ACTIVE, activated, last, paused, None, programme.max_gap_days, now)
    )
