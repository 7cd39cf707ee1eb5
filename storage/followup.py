"""Reads a programme's follow-up for coordinators in a handful of grouped queries (one per
table, not one per pair): applications by status, pairs by state, and per pair its meetings,
objectives and pulse. Only counts, dates, states and 1-5 scores are selected: no column that
could hold what a pair wrote (notes, action items, the text of objectives) is ever read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, case, cast, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.domain.followup import (
    Dashboard,
    PairFollowUp,
    PulsePoint,
    expected_meetings,
    is_overdue,
)
from storage.enums import MeetingStatus, PairState
from storage.models import Application, Meeting, Objective, Pair, PairCheck, Person, Programme

PULSE = "pulse"
# The pairs a dashboard lists: those a charter or meetings made real (requests are counted by
# state only).
LISTED = (PairState.awaiting_charter, PairState.active, PairState.completed, PairState.withdrawn)


def _count(condition: Any) -> Any:
    return func.sum(cast(case((condition, 1), else_=0), Integer))


def dashboard(
    session: Session, programme: Programme, now: datetime, referent_id: int | None = None
) -> Dashboard:
    """The programme's follow-up; with `referent_id`, that referent's pairs only and no
    applications."""
    scope: list[Any] = [col(Pair.programme_id) == programme.id]
    if referent_id is not None:
        scope.append(col(Pair.referent_person_id) == referent_id)
    applications: dict[str, int] = {}
    if referent_id is None:
        applications = dict(
            session.exec(
                select(Application.status, func.count())
                .where(Application.programme_id == programme.id)
                .group_by(col(Application.status))
            ).all()
        )
    by_state = dict(
        session.exec(select(Pair.state, func.count()).where(*scope).group_by(col(Pair.state))).all()
    )
    listed = [*scope, col(Pair.state).in_(LISTED)]
    rows = _rows(session, programme, now, listed)
    return Dashboard(
        programme=programme.name,
        slug=programme.slug,
        now=now,
        referent_only=referent_id is not None,
        applications=applications,
        pairs_by_state=by_state,
        rows=tuple(rows),
        pulse=tuple(_pulse_trend(session, listed)),
    )


def _meetings(session: Session, pair_ids: Any, now: datetime) -> dict[int, tuple]:
    status = col(Meeting.status)
    held = status == MeetingStatus.held
    coming = (status == MeetingStatus.planned) & (col(Meeting.scheduled_at) > now)
    query = (
        select(
            Meeting.pair_id,
            _count(held),
            _count(status == MeetingStatus.cancelled),
            _count(status == MeetingStatus.no_show),
            func.max(case((held, col(Meeting.scheduled_at)))),
            func.min(case((coming, col(Meeting.scheduled_at)))),
        )
        .where(col(Meeting.pair_id).in_(pair_ids))
        .group_by(col(Meeting.pair_id))
    )
    return {row[0]: tuple(row[1:]) for row in session.exec(query)}


def _objectives(session: Session, pair_ids: Any) -> dict[int, tuple[int, int]]:
    query = (
        select(Objective.pair_id, func.count(), _count(col(Objective.status) == "reached"))
        .where(col(Objective.pair_id).in_(pair_ids))
        .group_by(col(Objective.pair_id))
    )
    return {pair_id: (total, reached or 0) for pair_id, total, reached in session.exec(query)}


def _pulses(session: Session, pair_ids: Any) -> dict[int, list[float]]:
    """Each pair's mean pulse per round, oldest round first."""
    query = (
        select(PairCheck.pair_id, PairCheck.due_on, func.avg(PairCheck.value))
        .where(PairCheck.kind == PULSE, col(PairCheck.pair_id).in_(pair_ids))
        .group_by(col(PairCheck.pair_id), col(PairCheck.due_on))
        .order_by(col(PairCheck.pair_id), col(PairCheck.due_on))
    )
    found: dict[int, list[float]] = defaultdict(list)
    for pair_id, _due_on, mean in session.exec(query):
        found[pair_id].append(round(float(mean), 2))
    return found


def _pulse_trend(session: Session, listed: list[Any]) -> list[PulsePoint]:
    pair_ids = select(Pair.id).where(*listed)
    query = (
        select(PairCheck.due_on, func.avg(PairCheck.value), func.count())
        .where(PairCheck.kind == PULSE, col(PairCheck.pair_id).in_(pair_ids))
        .group_by(col(PairCheck.due_on))
        .order_by(col(PairCheck.due_on))
    )
    return [PulsePoint(due_on, round(float(mean), 2), n) for due_on, mean, n in session.exec(query)]


def _rows(
    session: Session, programme: Programme, now: datetime, listed: list[Any]
) -> list[PairFollowUp]:
    mentee, mentor, referent = aliased(Person), aliased(Person), aliased(Person)
    pairs = session.exec(
        select(
            Pair.id,
            Pair.state,
            Pair.activated_at,
            Pair.ended_at,
            Pair.paused_until,
            Pair.last_meeting_at,
            col(mentee.display_name).label("mentee_name"),
            col(mentor.display_name).label("mentor_name"),
            col(referent.display_name).label("referent_name"),
        )
        .join(mentee, col(mentee.id) == col(Pair.mentee_person_id))
        .join(mentor, col(mentor.id) == col(Pair.mentor_person_id))
        .outerjoin(referent, col(referent.id) == col(Pair.referent_person_id))
        .where(*listed)
        .order_by(col(Pair.id))
    ).all()
    pair_ids = select(Pair.id).where(*listed)
    meetings = _meetings(session, pair_ids, now)
    objectives = _objectives(session, pair_ids)
    pulses = _pulses(session, pair_ids)
    rows = []
    for pair in pairs:
        held, cancelled, no_show, last_held, next_planned = meetings.get(
            pair.id, (0, 0, 0, None, None)
        )
        total, reached = objectives.get(pair.id, (0, 0))
        paused = pair.paused_until if pair.paused_until and pair.paused_until > now else None
        rows.append(
            PairFollowUp(
                pair_id=pair.id,
                mentee=pair.mentee_name,
                mentor=pair.mentor_name,
                referent=pair.referent_name or "",
                state=pair.state,
                activated_at=pair.activated_at,
                held=held or 0,
                expected=expected_meetings(
                    pair.activated_at,
                    programme.ends_at,
                    programme.target_sessions,
                    now,
                    pair.ended_at,
                ),
                last_held=_aware(last_held),
                next_planned=_aware(next_planned),
                cancelled=cancelled or 0,
                no_show=no_show or 0,
                objectives=total,
                reached=reached,
                overdue=is_overdue(
                    pair.state,
                    pair.activated_at,
                    pair.last_meeting_at,
                    pair.paused_until,
                    _aware(next_planned),
                    programme.max_gap_days,
                    now,
                ),
                paused_until=paused,
                pulse=tuple(pulses.get(pair.id, ())),
            )
        )
    return rows


def _aware(moment: datetime | str | None) -> datetime | None:
    """An aggregate's time: SQLite returns MAX/MIN over the column as text, without the
    column's type; both come back as aware UTC."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
