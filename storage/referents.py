"""Referents and the pairs they follow: who the programme's referents are, how many open pairs
each follows, spreading the pairs without one evenly, and what a coordinator may read of a pair
(dates, counts and state; never what the pair wrote).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from storage.enums import GrantRole, MeetingStatus, PairState
from storage.models import Meeting, Pair, RoleGrant

OPEN_STATES = (PairState.proposed, PairState.awaiting_charter, PairState.active)


@dataclass(frozen=True)
class PairFacts:
    """What a coordinator may know of a pair: its dates, state and meeting counts."""

    pair: Pair
    held: int
    planned: int
    next_meeting: datetime | None


def referents_of(session: Session, programme_id: int) -> list[int]:
    """The programme's referents (grants for every programme included), by id."""
    rows = session.exec(
        select(RoleGrant.person_id).where(
            RoleGrant.role == GrantRole.referent,
            col(RoleGrant.revoked_at).is_(None),
            or_(RoleGrant.programme_id == programme_id, col(RoleGrant.programme_id).is_(None)),
        )
    ).all()
    return sorted(set(rows))


def loads(session: Session, programme_id: int) -> Counter[int | None]:
    """Open pairs per referent (None: the pairs nobody follows yet)."""
    rows = session.exec(
        select(Pair.referent_person_id, func.count())
        .where(Pair.programme_id == programme_id, col(Pair.state).in_(OPEN_STATES))
        .group_by(col(Pair.referent_person_id))
    ).all()
    return Counter(dict(rows))


def spread(session: Session, programme_id: int) -> dict[int, int]:
    """Give each open pair without a referent to the least loaded referent (ties: the lowest
    id), oldest pair first; returns how many pairs each referent was given."""
    referents = referents_of(session, programme_id)
    if not referents:
        return {}
    load = loads(session, programme_id)
    current = {referent: load[referent] for referent in referents}
    given: Counter[int] = Counter()
    pairs = session.exec(
        select(Pair)
        .where(
            Pair.programme_id == programme_id,
            col(Pair.state).in_(OPEN_STATES),
            col(Pair.referent_person_id).is_(None),
        )
        .order_by(col(Pair.id))
    ).all()
    for pair in pairs:
        referent = min(referents, key=lambda r: (current[r], r))
        pair.referent_person_id = referent
        session.add(pair)
        current[referent] += 1
        given[referent] += 1
    session.flush()
    return dict(given)


def pairs_of(session: Session, programme_id: int, referent_id: int | None = None) -> list[Pair]:
    """The programme's pairs, oldest first; with `referent_id`, only those it follows."""
    query = select(Pair).where(Pair.programme_id == programme_id)
    if referent_id is not None:
        query = query.where(Pair.referent_person_id == referent_id)
    return list(session.exec(query.order_by(col(Pair.id))))


def pair_facts(session: Session, pair: Pair, now: datetime) -> PairFacts:
    """The pair's meeting counts and next planned meeting (dates and counts only)."""
    rows = dict(
        session.exec(
            select(Meeting.status, func.count())
            .where(Meeting.pair_id == pair.id)
            .group_by(col(Meeting.status))
        ).all()
    )
    upcoming = session.exec(
        select(func.min(Meeting.scheduled_at)).where(
            Meeting.pair_id == pair.id,
            Meeting.status == MeetingStatus.planned,
            col(Meeting.scheduled_at) >= now,
        )
    ).one()
    return PairFacts(
        pair, rows.get(MeetingStatus.held, 0), rows.get(MeetingStatus.planned, 0), upcoming
    )
