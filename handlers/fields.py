"""Reading one form field's answer: typed text (or a clicked option) to a value, or an error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from babel.lists import format_list

from bot.domain.dates import (
    Ambiguous,
    Day,
    Direction,
    Moment,
    Reason,
    Unreadable,
    read_calendar_day,
    read_when,
)
from bot.domain.durations import BadDuration, DurationProblem, read_minutes
from handlers.text import clean, match_option
from handlers.ui import FieldKind, FormField
from messages.catalog import format_day, format_when, supported, t

DATE_KINDS = (FieldKind.date, FieldKind.day)
DateReading = Moment | Day | Ambiguous


@dataclass(frozen=True)
class FieldError:
    """A text key and its parameters, said in the person's language."""

    key: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Reading:
    locale: str
    timezone: str
    now: datetime


def parse_field(field: FormField, raw: Any, reading: Reading) -> Any | FieldError:
    """The value of `field` for the answer `raw`; empty optional fields give None."""
    if isinstance(raw, dict):  # a modal's pickers; nothing else sends a mapping
        return _picked(field, raw, reading) if field.kind in DATE_KINDS else _refused(field)
    if isinstance(raw, list) and field.kind is not FieldKind.multi:
        return _refused(field)
    text = clean(raw) if isinstance(raw, str) else raw  # modal text is not cleaned on its way
    if text in (None, "", [], "-", "="):
        return None if not field.required else FieldError("field-required", {})
    if field.kind is FieldKind.text:
        if len(text) > field.max_length:
            return FieldError("field-too-long", {"limit": field.max_length, "length": len(text)})
        return text
    if field.kind is FieldKind.number:
        return _number(field, text)
    if field.kind is FieldKind.choice:
        return _choice(field, text)
    if field.kind is FieldKind.multi:
        return _multi(field, text)
    if field.kind is FieldKind.duration:
        return _duration(field, text)
    found = read_date(field, text, reading)
    return found if isinstance(found, FieldError) else date_value(field, found, reading)


def _refused(field: FormField) -> FieldError:
    """An answer of the wrong shape for its field (a forged modal): asked again."""
    return FieldError("field-unexpected", {"label": field.label})


def _number(field: FormField, text: Any) -> int | FieldError:
    try:
        value = int(str(text).replace(" ", ""))
    except ValueError:
        return FieldError("field-number", {"low": field.low, "high": field.high})
    if not field.low <= value <= field.high:
        return FieldError("field-number", {"low": field.low, "high": field.high})
    return value


def _choice(field: FormField, text: Any) -> str | FieldError:
    values = [option.value for option in field.options]
    if text in values:
        return text
    index = match_option(str(text), [option.label for option in field.options])
    if index is None:
        return FieldError("field-choice", {"count": len(values)})
    return values[index]


def _multi(field: FormField, raw: Any) -> list[str] | FieldError:
    """Typed numbers or labels; a list (ticked in a modal) holds option values, taken as is."""
    values = [option.value for option in field.options]
    if isinstance(raw, list):
        unknown = next((str(v) for v in raw if v not in values), None)
        if unknown is not None:
            return FieldError("field-multi", {"count": len(values), "answer": unknown[:40]})
        return list(dict.fromkeys(raw)) or FieldError("field-required", {})
    parts = raw if isinstance(raw, list) else [p for p in str(raw).replace(";", ",").split(",")]
    chosen: list[str] = []
    for part in parts:
        if not str(part).strip():
            continue
        if part in values:
            picked = part
        else:
            index = match_option(str(part), [option.label for option in field.options])
            if index is None:
                return FieldError("field-multi", {"count": len(values), "answer": str(part)[:40]})
            picked = values[index]
        if picked not in chosen:
            chosen.append(picked)
    return chosen or FieldError("field-required", {})


def _duration(field: FormField, text: Any) -> int | FieldError:
    minutes = read_minutes(str(text), field.low, field.high)
    if not isinstance(minutes, BadDuration):
        return minutes
    if minutes.problem is DurationProblem.out_of_bounds:
        return FieldError("duration-bounds", {"low": field.low, "hours": field.high // 60})
    return FieldError("duration-unreadable", {})


def _picked(field: FormField, raw: dict[str, Any], reading: Reading) -> str | FieldError | None:
    """A day (and a time) picked in a modal, `{"date": "2026-12-03", "time": "14:30"}`: the
    moment is that time of that day in the person's zone, checked like a typed one."""
    day_text, time_text = raw.get("date"), raw.get("time")
    if not day_text:
        return None if not (field.required or time_text) else FieldError("field-required", {})
    try:
        day = date.fromisoformat(str(day_text))
        at = time.fromisoformat(str(time_text)) if time_text else None
    except ValueError:
        return FieldError("field-date", {})
    if field.kind is FieldKind.day:
        found: Moment | Day | FieldError = checked(field, Day(day), reading)
    elif at is None:
        return FieldError("field-time-missing", {})
    else:
        local = datetime.combine(
            day, at.replace(second=0, microsecond=0), ZoneInfo(reading.timezone)
        )
        found = checked(field, Moment(local.astimezone(UTC)), reading)
    return found if isinstance(found, FieldError) else date_value(field, found, reading)


def read_date(
    field: FormField, raw: Any, reading: Reading, on: date | None = None
) -> DateReading | FieldError:
    """What the answer to a date (or day) field says; `on` is the day a time is asked for.

    A moment or a day on the wrong side of now is refused here, so planning never keeps a past
    date and logging never a future one.
    """
    text = str(raw).strip()
    direction = Direction.past if field.past else Direction.future
    found: Moment | Day | Ambiguous | Unreadable
    if field.kind is FieldKind.day:
        found = read_calendar_day(text, reading.locale, reading.timezone, reading.now, direction)
    else:
        found = read_when(text, reading.locale, reading.timezone, reading.now, direction, on)
    if isinstance(found, Unreadable):
        return _unreadable(found.reason, text, asking_time=on is not None)
    if isinstance(found, Ambiguous):
        return found
    return checked(field, found, reading)


def _unreadable(reason: Reason, text: str, asking_time: bool) -> FieldError:
    if reason is Reason.unknown:
        return FieldError("date-time-unreadable" if asking_time else "field-date", {})
    if reason is Reason.number:
        return FieldError("date-unreadable-number", {"text": text[:20]})
    return FieldError(f"date-unreadable-{reason}", {})


def checked(field: FormField, found: Moment | Day, reading: Reading) -> Moment | Day | FieldError:
    """`found` if it is on the side of now the field wants (a day field: from tomorrow on)."""
    if isinstance(found, Day):
        if field.kind is not FieldKind.day:
            return found  # a day whose time is still to be asked
        today = reading.now.astimezone(ZoneInfo(reading.timezone)).date()
        if field.future and found.day <= today:
            return FieldError("day-past", {})
        if field.past and found.day > today:
            return FieldError("field-date-future", {})
        return found
    if field.future and found.start <= reading.now:
        return FieldError("field-date-past", {})
    if field.past and found.start > reading.now:
        return FieldError("field-date-future", {})
    return found


def date_value(field: FormField, found: DateReading, reading: Reading) -> str | FieldError:
    """The stored value of a date read in one go (a modal): what is missing is an error."""
    if isinstance(found, Moment):
        return found.start.isoformat()
    if isinstance(found, Day):
        if field.kind is FieldKind.day:
            return found.day.isoformat()
        return FieldError("date-needs-time", {"day": format_day(found.day, reading.locale)})
    locale = supported(reading.locale)
    labels = [t(locale, "date-quoted", text=label) for label in candidate_labels(found, reading)]
    choices = format_list(labels, style="or", locale=locale)
    return FieldError("date-ambiguous", {"choices": choices})


def candidate_labels(found: Ambiguous, reading: Reading) -> list[str]:
    """How each reading of an ambiguous date is offered; an hour that happens twice (when the
    clocks go back) is told apart by its offset from UTC."""
    zone = ZoneInfo(reading.timezone)
    labels = [
        format_when(c.start, reading.locale, reading.timezone)
        if isinstance(c, Moment)
        else format_day(c.day, reading.locale)
        for c in found.candidates
    ]
    twice = {label for label in labels if labels.count(label) > 1}
    for index, candidate in enumerate(found.candidates):
        if isinstance(candidate, Moment) and labels[index] in twice:
            offset = candidate.start.astimezone(zone).strftime("%z")
            labels[index] += f" (UTC{offset[:3]}:{offset[3:]})"
    return labels


def range_minutes(field: FormField, raw: Any, reading: Reading) -> int | None:
    """The length of a range typed in a date field ("14h-15h30": 90), if there is one."""
    if field.kind is not FieldKind.date or not isinstance(raw, str) or not raw.strip():
        return None
    found = read_date(field, raw, reading)
    return found.minutes if isinstance(found, Moment) else None


def shown_minutes(minutes: int, locale: str) -> str:
    """A duration as a person reads it ("1 h 30")."""
    return t(locale, "duration-shown", hours=minutes // 60, minutes=minutes % 60)
