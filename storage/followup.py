"""Reads a programme's follow-up for coordinators in a handful of grouped queries (one per
table, not one per pair): applications by status, pairs by state, and per pair its meetings,
objectives and pulse. Only counts, dates, states and 1-5 scores are selected: no column that
could hold what a pair wrote (notes, action items, the text of objectives) is ever read.

- `dashboard`: the figures and every pair's row (`/admin suivi`, `mentorbot dashboard`);
- `summary`: the same figures without the rows, summed in SQL (the `/admin` menu and Slack's
  App Home, republished after every event, read it at any size);
- `listed_count` and `pair_page`: one page of rows, paged in SQL (« Tous les binômes »).

A pulse is never one person's answer: a pair's pulse counts only the rounds both members
answered, is left out for the viewer's own pair (knowing one's own answer would give the
other's), and the programme's trend shows a round only from PULSE_MIN_ANSWERS answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.domain.followup import (
    Dashboard,
    PairFollowUp,
    PulsePoint,
    Totals,
    expected_meetings,
    is_overdue,
    pause_of,
    shown_pulse,
)
from bot.domain.pulse import KIND
from storage.enums import MeetingStatus, PairState
from storage.followup_summary import count_where, summed_totals
from storage.models import Application, Meeting, Objective, Pair, PairCheck, Person, Programme

# The pairs a dashboard lists: those a charter or meetings made real (requests are counted by
# state only).
LISTED = (PairState.awaiting_charter, PairState.active, PairState.completed, PairState.withdrawn)


def listed_scope(programme_id: int | None, referent_id: int | None) -> list[Any]:
    """The conditions on Pair selecting the pairs a coordinator's views list (the dashboard,
    the tracking table): the programme's LISTED pairs, or a referent's own."""
    scope: list[Any] = [col(Pair.programme_id) == programme_id, col(Pair.state).in_(LISTED)]
    if referent_id is not None:
        scope.append(col(Pair.referent_person_id) == referent_id)
    return scope


def dashboard(
    session: Session,
    programme: Programme,
    now: datetime,
    referent_id: int | None = None,
    viewer_id: int | None = None,
) -> Dashboard:
    """The programme's follow-up with every pair's row; with `referent_id`, that referent's
    pairs only and no applications; `viewer_id`, who reads it (its own pair shows no pulse)."""
    listed = listed_scope(programme.id, referent_id)
    pairs = session.exec(_pair_columns(listed)).all()
    pair_ids = select(Pair.id).where(*listed)
    rows = _rows(session, programme, now, pairs, pair_ids, viewer_id)
    return _board(session, programme, now, referent_id, viewer_id, Totals.of(rows), tuple(rows))


def summary(
    session: Session,
    programme: Programme,
    now: datetime,
    referent_id: int | None = None,
    viewer_id: int | None = None,
) -> Dashboard:
    """The same figures as `dashboard`, summed in SQL, without the rows."""
    totals = summed_totals(session, programme, now, listed_scope(programme.id, referent_id))
    return _board(session, programme, now, referent_id, viewer_id, totals, ())


def listed_count(session: Session, programme: Programme, referent_id: int | None = None) -> int:
    """How many pairs a dashboard lists (a referent's own only, with `referent_id`)."""
    listed = listed_scope(programme.id, referent_id)
    return session.exec(select(func.count()).select_from(Pair).where(*listed)).one()


def pair_page(
    session: Session,
    programme: Programme,
    now: datetime,
    page: tuple[int, int],
    referent_id: int | None = None,
    viewer_id: int | None = None,
) -> list[PairFollowUp]:
    """The rows of one page, `page` being (offset, limit), in the order the pairs were
    formed."""
    offset, limit = page
    query = _pair_columns(listed_scope(programme.id, referent_id)).offset(offset).limit(limit)
    pairs = session.exec(query).all()
    return _rows(session, programme, now, pairs, [pair.id for pair in pairs], viewer_id)


def _board(
    session: Session,
    programme: Programme,
    now: datetime,
    referent_id: int | None,
    viewer_id: int | None,
    totals: Totals,
    rows: tuple[PairFollowUp, ...],
) -> Dashboard:
    scope: list[Any] = [col(Pair.programme_id) == programme.id]
    if referent_id is not None:
        scope.append(col(Pair.referent_person_id) == referent_id)
    by_state = select(Pair.state, func.count()).where(*scope).group_by(col(Pair.state))
    shown, withheld = shown_pulse(
        _pulse_trend(session, listed_scope(programme.id, referent_id), viewer_id)
    )
    return Dashboard(
        programme=programme.name,
        slug=programme.slug,
        now=now,
        referent_only=referent_id is not None,
        applications=_applications(session, programme) if referent_id is None else {},
        pairs_by_state=dict(session.exec(by_state).all()),
        totals=totals,
        rows=rows,
        pulse=shown,
        pulse_withheld=withheld,
    )


def _applications(session: Session, programme: Programme) -> dict[str, int]:
    query = (
        select(Application.status, func.count())
        .where(Application.programme_id == programme.id)
        .group_by(col(Application.status))
    )
    return dict(session.exec(query).all())


def _pair_columns(listed: list[Any]) -> Any:
    """The listed pairs' own columns and their people's names, in the order they were formed."""
    mentee, mentor, referent = aliased(Person), aliased(Person), aliased(Person)
    return (
        select(
            Pair.id,
            Pair.state,
            Pair.activated_at,
            Pair.ended_at,
            Pair.paused_until,
            Pair.last_meeting_at,
            Pair.mentee_person_id,
            Pair.mentor_person_id,
            col(mentee.display_name).label("mentee_name"),
            col(mentor.display_name).label("mentor_name"),
            col(referent.display_name).label("referent_name"),
        )
        .join(mentee, col(mentee.id) == col(Pair.mentee_person_id))
        .join(mentor, col(mentor.id) == col(Pair.mentor_person_id))
        .outerjoin(referent, col(referent.id) == col(Pair.referent_person_id))
        .where(*listed)
        .order_by(col(Pair.id))
    )


def _meetings(session: Session, pair_ids: Any, now: datetime) -> dict[int, tuple]:
    status = col(Meeting.status)
    held = status == MeetingStatus.held
    coming = (status == MeetingStatus.planned) & (col(Meeting.scheduled_at) > now)
    query = (
        select(
            Meeting.pair_id,
            count_where(held),
            count_where(status == MeetingStatus.cancelled),
            count_where(status == MeetingStatus.no_show),
            func.max(case((held, col(Meeting.scheduled_at)))),
            func.min(case((coming, col(Meeting.scheduled_at)))),
        )
        .where(col(Meeting.pair_id).in_(pair_ids))
        .group_by(col(Meeting.pair_id))
    )
    return {row[0]: tuple(row[1:]) for row in session.exec(query)}


def _objectives(session: Session, pair_ids: Any) -> dict[int, tuple[int, int]]:
    query = (
        select(Objective.pair_id, func.count(), count_where(col(Objective.status) == "reached"))
        .where(col(Objective.pair_id).in_(pair_ids))
        .group_by(col(Objective.pair_id))
    )
    return {pair_id: (total, reached) for pair_id, total, reached in session.exec(query)}


def _answered_rounds(pair_ids: Any) -> Any:
    """Per pair and round, the sum and number of pulse answers, for the rounds both members
    answered only (one answer alone would be that person's score)."""
    return (
        select(
            PairCheck.pair_id,
            PairCheck.due_on,
            func.sum(PairCheck.value).label("total"),
            func.count().label("answers"),
        )
        .where(PairCheck.kind == KIND, col(PairCheck.pair_id).in_(pair_ids))
        .group_by(col(PairCheck.pair_id), col(PairCheck.due_on))
        .having(func.count() >= 2)
    )


def _pulses(session: Session, pair_ids: Any) -> dict[int, list[float]]:
    """Each pair's mean pulse per round both members answered, oldest round first."""
    rounds = _answered_rounds(pair_ids).subquery()
    query = select(rounds.c.pair_id, rounds.c.total, rounds.c.answers).order_by(
        rounds.c.pair_id, rounds.c.due_on
    )
    found: dict[int, list[float]] = defaultdict(list)
    for pair_id, total, answers in session.exec(query):
        found[pair_id].append(round(total / answers, 2))
    return found


def _pulse_trend(session: Session, listed: list[Any], viewer_id: int | None) -> list[PulsePoint]:
    """The mean pulse of every round over the listed pairs both of whose members answered, the
    viewer's own pairs left out."""
    scope = list(listed)
    if viewer_id is not None:
        scope += [col(Pair.mentee_person_id) != viewer_id, col(Pair.mentor_person_id) != viewer_id]
    rounds = _answered_rounds(select(Pair.id).where(*scope)).subquery()
    query = (
        select(rounds.c.due_on, func.sum(rounds.c.total), func.sum(rounds.c.answers))
        .group_by(rounds.c.due_on)
        .order_by(rounds.c.due_on)
    )
    return [PulsePoint(day, round(total / n, 2), n) for day, total, n in session.exec(query)]


def _rows(
    session: Session,
    programme: Programme,
    now: datetime,
    pairs: Sequence[Any],
    pair_ids: Any,
    viewer_id: int | None,
) -> list[PairFollowUp]:
    """The rows of `pairs` (`_pair_columns`' records; `pair_ids`: their ids, as a list or a
    subquery); the viewer's own pair without its pulse."""
    meetings = _meetings(session, pair_ids, now)
    objectives = _objectives(session, pair_ids)
    pulses = _pulses(session, pair_ids)
    rows = []
    for pair in pairs:
        own = viewer_id in (pair.mentee_person_id, pair.mentor_person_id)
        figures = meetings.get(pair.id, (0, 0, 0, None, None))
        pulse = () if own else tuple(pulses.get(pair.id, ()))
        rows.append(_row(programme, now, pair, figures, objectives.get(pair.id, (0, 0)), pulse))
    return rows


def _row(
    programme: Programme,
    now: datetime,
    pair: Any,
    meetings: tuple,
    objectives: tuple[int, int],
    pulse: tuple[float, ...],
) -> PairFollowUp:
    held, cancelled, no_show, last_held, next_planned = meetings
    return PairFollowUp(
        pair_id=pair.id,
        mentee=pair.mentee_name,
        mentor=pair.mentor_name,
        referent=pair.referent_name or "",
        state=pair.state,
        activated_at=pair.activated_at,
        held=held,
        expected=expected_meetings(
            pair.activated_at,
            programme.starts_at,
            programme.ends_at,
            programme.target_sessions,
            now,
            pair.ended_at,
        ),
        last_held=_aware(last_held),
        next_planned=_aware(next_planned),
        cancelled=cancelled,
        no_show=no_show,
        objectives=objectives[0],
        reached=objectives[1],
        overdue=is_overdue(
            pair.state,
            pair.activated_at,
            pair.last_meeting_at,
            pair.paused_until,
            _aware(next_planned),
            programme.max_gap_days,
            now,
        ),
        paused_until=pause_of(pair.state, pair.paused_until, now),
        pulse=pulse,
    )


def _aware(moment: datetime | str | None) -> datetime | None:
    """An aggregate's time: SQLite returns MAX/MIN over the column as text, without the
    column's type; both come back as aware UTC."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
