"""What the members of a pair receive about their meetings, from a flow or from the scheduler.

The scheduler runs `sweep_meetings(engine, now)` (or `due_reminders` / `due_held_checks` from
`storage.meetings` with `remind` / `ask_if_held`). Every message it queues carries an outbox key
naming the meeting, its start and the recipient, so a second sweep queues nothing, while a
meeting moved to another time is reminded and asked about again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.calendar import MIME_TYPE, CalendarEntry, ics_bytes
from handlers.context import Ctx
from handlers.outgoing import Outgoing
from handlers.ui import File, Message
from messages.catalog import format_when
from storage.db import session_scope
from storage.enums import MeetingStatus
from storage.meetings import due_held_checks, due_reminders
from storage.models import Meeting, Pair, Person

FORMATS = ("video", "in_person", "phone")
HELD_ANSWERS = ("held", "cancelled", "no_show")
BATCH = 200


def name_of(out: Outgoing, person_id: int) -> str:
    person = out.session.get(Person, person_id)
    return (person.display_name if person else "") or "?"


def when_for(out: Outgoing, person_id: int, moment: datetime) -> str:
    """`moment` as this person reads it: their language and time zone."""
    person = out.session.get(Person, person_id)
    if person is None:
        return format_when(moment, "fr", "Europe/Paris")
    return format_when(moment, person.locale, person.timezone)


def meeting_line(out: Outgoing, reader_id: int, number: int, meeting: Meeting) -> str:
    """One line of the log: number, date, duration, format, status."""
    return out.t_for(
        reader_id,
        "meetings-line",
        number=number,
        when=when_for(out, reader_id, meeting.scheduled_at),
        minutes=meeting.duration_minutes,
        format=out.t_for(reader_id, f"format-{meeting.format}"),
        status=out.t_for(reader_id, f"meeting-status-{meeting.status}"),
    )


def calendar_file(
    out: Outgoing, pair: Pair, meeting: Meeting, reader_id: int, *, cancelled: bool = False
) -> File:
    """The meeting's .ics file in the reader's language: time, title and format only."""
    entry = CalendarEntry(
        meeting_id=meeting.id,  # type: ignore[arg-type]
        start=meeting.scheduled_at,
        minutes=meeting.duration_minutes,
        summary=out.t_for(
            reader_id,
            "meeting-ics-summary",
            mentor=name_of(out, pair.mentor_person_id),
            mentee=name_of(out, pair.mentee_person_id),
        ),
        description=out.t_for(
            reader_id,
            "meeting-ics-description",
            format=out.t_for(reader_id, f"format-{meeting.format}"),
        ),
        changed_at=meeting.updated_at,
        cancelled=cancelled,
    )
    key = "meeting-ics-cancelled-caption" if cancelled else "meeting-ics-caption"
    caption = out.t_for(reader_id, key, when=when_for(out, reader_id, meeting.scheduled_at))
    return File(f"mentorat-{meeting.id}.ics", ics_bytes(entry, out.now), MIME_TYPE, caption)


def share_calendar(ctx: Ctx, pair: Pair, meeting: Meeting, *, cancelled: bool = False) -> None:
    """Send the .ics file to the speaker now and to the other member through the outbox."""
    ctx.send(calendar_file(ctx, pair, meeting, ctx.me, cancelled=cancelled))
    other = pair.partner_of(ctx.me)
    ctx.notify(other, calendar_file(ctx, pair, meeting, other, cancelled=cancelled))


def _stamp(meeting: Meeting) -> str:
    return meeting.scheduled_at.strftime("%Y%m%dT%H%M")


def held_options(out: Outgoing, person_id: int) -> list[tuple[str, str]]:
    return [(out.t_for(person_id, f"meeting-answer-{code}"), code) for code in HELD_ANSWERS]


def ask_if_held(out: Outgoing, meeting: Meeting) -> int:
    """Ask both members whether the meeting took place; how many were asked (0 on a repeat)."""
    pair = out.session.get(Pair, meeting.pair_id)
    assert pair is not None
    asked = 0
    for side in (pair.mentor_person_id, pair.mentee_person_id):
        key = f"meeting-held:{meeting.id}:{_stamp(meeting)}:{side}"
        text = out.t_for(
            side,
            "meeting-held-question",
            name=name_of(out, pair.partner_of(side)),
            when=when_for(out, side, meeting.scheduled_at),
        )
        context = {"meeting": meeting.id}
        options = held_options(out, side)
        asked += out.offer(
            side, text, options, "meeting-held", context, dedup_key=key, supersede=False
        )
    return asked


def remind(out: Outgoing, meeting: Meeting) -> int:
    """Remind both members of the coming meeting; how many were reminded (0 on a repeat)."""
    pair = out.session.get(Pair, meeting.pair_id)
    assert pair is not None
    reminded = 0
    for side in (pair.mentor_person_id, pair.mentee_person_id):
        text = out.t_for(
            side,
            "meeting-reminder",
            name=name_of(out, pair.partner_of(side)),
            when=when_for(out, side, meeting.scheduled_at),
            minutes=meeting.duration_minutes,
            format=out.t_for(side, f"format-{meeting.format}"),
        )
        key = f"meeting-reminder:{meeting.id}:{_stamp(meeting)}:{side}"
        reminded += out.notify(side, Message(text), dedup_key=key)
    return reminded


def sweep_meetings(engine: Engine, now: datetime) -> int:
    """Queue the reminders and "did it take place?" questions now due (a `bot.sweeps` sweep);
    how many messages were queued. One transaction per batch of meetings."""
    queued = 0
    for find, send in ((due_reminders, remind), (due_held_checks, ask_if_held)):
        with Session(engine) as session:
            ids = [meeting.id for meeting in find(session, now)]
        for start in range(0, len(ids), BATCH):
            with session_scope(engine) as session:
                out = Outgoing(session, now)
                batch = select(Meeting).where(col(Meeting.id).in_(ids[start : start + BATCH]))
                for meeting in session.exec(batch.with_for_update()):
                    if meeting.status == MeetingStatus.planned:
                        queued += send(out, meeting)
    return queued
