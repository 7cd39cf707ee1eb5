"""The rows of a programme's tracking table ("tableau de suivi"), streamed from one query.

One row per meeting of each listed pair (a pair without a meeting gets one row with the meeting
columns empty), ordered by pair then date. Only what the table shows is selected: names, the
pair's state, and the meeting's date, duration, format, themes and status; never a column that
could hold what a pair wrote. Rows come in batches (`yield_per`, a server-side cursor on
PostgreSQL), so 50,000 pairs of 8 meetings never sit in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.followup import listed_scope
from storage.models import Meeting, Pair, Person

BATCH = 2000


@dataclass(frozen=True)
class TrackingRow:
    """A meeting of a pair, or the pair alone (meeting fields None) when it has none."""

    pair_id: int
    mentee: str
    mentor: str
    referent: str
    state: str
    scheduled_at: datetime | None
    duration_minutes: int | None
    format: str | None
    themes: tuple[str, ...]
    status: str | None


def tracking_rows(
    session: Session, programme_id: int, referent_id: int | None = None
) -> Iterator[TrackingRow]:
    """The table's rows, by pair then meeting date; `referent_id`: that referent's pairs only."""
    mentee, mentor, referent = aliased(Person), aliased(Person), aliased(Person)
    query = (
        select(
            Pair.id,
            mentee.display_name,
            mentor.display_name,
            referent.display_name,
            Pair.state,
            Meeting.scheduled_at,
            Meeting.duration_minutes,
            Meeting.format,
            Meeting.themes,
            Meeting.status,
        )
        .join(mentee, col(mentee.id) == col(Pair.mentee_person_id))
        .join(mentor, col(mentor.id) == col(Pair.mentor_person_id))
        .outerjoin(referent, col(referent.id) == col(Pair.referent_person_id))
        .outerjoin(Meeting, col(Meeting.pair_id) == col(Pair.id))
        .where(*listed_scope(programme_id, referent_id))
        .order_by(col(Pair.id), col(Meeting.scheduled_at), col(Meeting.id))
        .execution_options(yield_per=BATCH)
    )
    for pair_id, mentee_name, mentor_name, referent_name, state, *meeting in session.execute(query):
        when, minutes, form, themes, status = meeting
        yield TrackingRow(
            pair_id=pair_id,
            mentee=mentee_name,
            mentor=mentor_name,
            referent=referent_name or "",
            state=state,
            scheduled_at=when,
            duration_minutes=minutes,
            format=form,
            themes=tuple(str(theme) for theme in themes or ()),
            status=status,
        )


@dataclass(frozen=True)
class TrackingSize:
    """How much a table holds: its pairs, their meetings, and its rows (a pair without a
    meeting still takes one)."""

    pairs: int = 0
    meetings: int = 0
    rows: int = 0


def tracking_size(
    session: Session, programme_id: int, referent_id: int | None = None
) -> TrackingSize:
    """The size of the table `tracking_rows` gives, in one query (for a progress bar)."""
    query = (
        select(func.count(func.distinct(Pair.id)), func.count(col(Meeting.id)), func.count())
        .select_from(Pair)
        .outerjoin(Meeting, col(Meeting.pair_id) == col(Pair.id))
        .where(*listed_scope(programme_id, referent_id))
    )
    pairs, meetings, rows = session.execute(query).one()
    return TrackingSize(int(pairs), int(meetings), int(rows))
