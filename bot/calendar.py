"""Calendar files (.ics) for planned meetings, built with `icalendar`.

One event per meeting, with a stable UID, so that a changed or cancelled meeting replaces the
event already in a calendar. The file holds the time, the duration, a title and the format:
never anything the pair wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

PRODID = "-//mentorbot//meetings//FR"
MIME_TYPE = "text/calendar"
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CalendarEntry:
    """What a calendar shows of one meeting; `changed_at` orders successive versions."""

    meeting_id: int
    start: datetime
    minutes: int
    summary: str
    description: str
    changed_at: datetime
    cancelled: bool = False


def meeting_uid(meeting_id: int) -> str:
    return f"meeting-{meeting_id}@mentorbot"


def ics_bytes(entry: CalendarEntry, stamp: datetime) -> bytes:
    """A one-event calendar (METHOD:PUBLISH), its start in UTC."""
    event = Event()
    event.add("uid", meeting_uid(entry.meeting_id))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", entry.start.astimezone(UTC))
    event.add("duration", timedelta(minutes=entry.minutes))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("sequence", max(0, int((entry.changed_at - _SEQUENCE_EPOCH).total_seconds())))
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()
