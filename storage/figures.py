"""A programme's main figures for coordinators: counts only, never what a pair wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, exists, select

from bot.domain.cadence import Cadence, anchor, cadence
from storage.enums import MeetingStatus, PairState
from storage.models import Application, Meeting, Pair, Programme


@dataclass(frozen=True)
class Figures:
    applications: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=dict)
    overdue: int = 0


def programme_figures(
    session: Session, programme: Programme, now: datetime, referent_id: int | None = None
) -> Figures:
    """Applications by status, pairs by state, and active pairs past the longest allowed gap.

    With `referent_id`, only that referent's pairs are counted, and no applications.
    """
    scope = [Pair.programme_id == programme.id]
    if referent_id is not None:
        scope.append(Pair.referent_person_id == referent_id)
    applications = {}
    if referent_id is None:
        applications = dict(
            session.exec(
                select(Application.status, func.count())
                .where(Application.programme_id == programme.id)
                .group_by(Application.status)
            ).all()
        )
    pairs = dict(
        session.exec(select(Pair.state, func.count()).where(*scope).group_by(Pair.state)).all()
    )
    return Figures(applications, pairs, _overdue(session, programme, now, scope))


def _overdue(session: Session, programme: Programme, now: datetime, scope: list) -> int:
    planned = exists().where(
        col(Meeting.pair_id) == col(Pair.id),
        Meeting.status == MeetingStatus.planned,
        col(Meeting.scheduled_at) > now,
    )
    limit = now - timedelta(days=programme.max_gap_days)
    # Only pairs whose last meeting (or start) is older than the gap can be overdue; the pause,
    # which moves the anchor, is checked on those few rows.
    candidates = session.exec(
        select(Pair.activated_at, Pair.requested_at, Pair.last_meeting_at, Pair.paused_until).where(
            *scope,
            Pair.state == PairState.active,
            ~planned,
            func.coalesce(Pair.last_meeting_at, Pair.activated_at, Pair.requested_at) < limit,
        )
    ).all()
    late = (Cadence.overdue, Cadence.stalled)
    return sum(
        1
        for activated, requested, last, paused in candidates
        if cadence(anchor(activated or requested, last, paused), programme.max_gap_days, now)
        in late
    )
