"""Meetings of a pair: the log, the rows a change locks, and what the scheduler finds due.

Nothing here reads private notes: a meeting's note and action items are written and read only
through `storage.private_notes`; `forget_notes` deletes them with their meeting, unread.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, func, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.enums import MeetingStatus, PairState
from storage.models import Meeting, Pair, PrivateNote

NOTE_SUBJECTS = ("meeting_note", "action_items")
REMINDER_AHEAD = timedelta(hours=24)
HELD_CHECK_WINDOW = timedelta(days=14)


def end_of(meeting: Meeting) -> datetime:
    return meeting.scheduled_at + timedelta(minutes=meeting.duration_minutes)


def touch(meeting: Meeting, now: datetime) -> None:
    """Mark a change; the time moves on by a second at least, so that the calendar file's
    SEQUENCE (seconds of `updated_at`) grows even for two changes within one second."""
    meeting.updated_at = max(now, meeting.updated_at + timedelta(seconds=1))


def active_pairs_of(session: Session, person_id: int) -> list[Pair]:
    """The person's active pairs (a mentor may have several), oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(
                or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id),
                Pair.state == PairState.active,
            )
            .order_by(col(Pair.id))
        )
    )


def meetings_of(session: Session, pair_id: int) -> list[Meeting]:
    """The pair's meetings in the order they take place."""
    return list(
        session.exec(
            select(Meeting)
            .where(Meeting.pair_id == pair_id)
            .order_by(col(Meeting.scheduled_at), col(Meeting.id))
        )
    )


def locked_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting, locked for this transaction, so two members answering at once take turns."""
    return session.exec(select(Meeting).where(Meeting.id == meeting_id).with_for_update()).first()


def refresh_last_meeting(session: Session, pair: Pair) -> None:
    """Set the pair's last meeting to its latest held one (None when none is held)."""
    session.flush()
    pair.last_meeting_at = session.exec(
        select(func.max(Meeting.scheduled_at)).where(
            Meeting.pair_id == pair.id, Meeting.status == MeetingStatus.held
        )
    ).one()
    session.add(pair)


def forget_notes(session: Session, pair: Pair, meeting_id: int, subject: str | None = None) -> None:
    """Delete the meeting's private notes (one subject, or all), without reading them."""
    subjects = (subject,) if subject else NOTE_SUBJECTS
    session.execute(
        delete(PrivateNote).where(
            col(PrivateNote.pair_id) == pair.id,
            col(PrivateNote.subject).in_(subjects),
            col(PrivateNote.subject_id) == meeting_id,
        )
    )


def delete_meeting(session: Session, pair: Pair, meeting: Meeting) -> None:
    """Remove a meeting and its private notes; the pair's last meeting follows."""
    forget_notes(session, pair, meeting.id)  # type: ignore[arg-type]
    session.delete(meeting)
    refresh_last_meeting(session, pair)


def _planned_in_active_pairs(now: datetime) -> SelectOfScalar[Meeting]:
    return (
        select(Meeting)
        .join(Pair, col(Pair.id) == col(Meeting.pair_id))
        .where(
            Meeting.status == MeetingStatus.planned,
            Pair.state == PairState.active,
            or_(col(Pair.paused_until).is_(None), col(Pair.paused_until) <= now),
        )
    )


def due_held_checks(session: Session, now: datetime) -> list[Meeting]:
    """Planned meetings of active, unpaused pairs that ended in the last 14 days.

    Older ones were asked about by earlier sweeps; their members can still record them with
    /meeting.
    """
    query = _planned_in_active_pairs(now).where(
        col(Meeting.scheduled_at) <= now,
        col(Meeting.scheduled_at) > now - HELD_CHECK_WINDOW,
    )
    return [m for m in session.exec(query.order_by(col(Meeting.id))) if end_of(m) <= now]


def due_reminders(session: Session, now: datetime) -> list[Meeting]:
    """Planned meetings of active, unpaused pairs that start within 24 hours.

    A meeting planned or changed less than 24 hours before it starts gets no reminder: both
    members were just told, with its calendar file.
    """
    query = _planned_in_active_pairs(now).where(
        col(Meeting.scheduled_at) > now,
        col(Meeting.scheduled_at) <= now + REMINDER_AHEAD,
    )
    return [
        m
        for m in session.exec(query.order_by(col(Meeting.id)))
        if m.updated_at <= m.scheduled_at - REMINDER_AHEAD
    ]
