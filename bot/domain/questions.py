"""The default mid-term and final questionnaires, as data: answer keys, kinds, options, roles.

A question is stored in `QuestionnaireWave.questions` as JSON (`Question.to_json`), so that a
programme may change its questions later. Its text is the catalog key `text`; an option `value`
of a choice or multi question is labelled by `{text}-{value}`; a scale is a choice among the
numbers of `options` whose two ends are labelled by `{text}-{first}` and `{text}-{last}`.

Questions are about the person's own experience of the programme (engagement, satisfaction, the
relationship, the rhythm, topics covered, what each learned, whether they would recommend it);
never about the other person individually, nor about what was said in the meetings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

WAVE_WEEKS = 3
MIDTERM = "midterm"
FINAL = "final"
WAVE_KINDS = (MIDTERM, FINAL)
WAVE_CLOSE_TIME = time(23, 59)
NOT_STARTED = "none"
OPEN = "open"
CLOSED = "closed"

SCALE = "scale"
CHOICE = "choice"
MULTI = "multi"
TEXT = "text"
KINDS = (SCALE, CHOICE, MULTI, TEXT)

MENTOR = "mentor"
MENTEE = "mentee"
BOTH = (MENTOR, MENTEE)
ONE_TO_FIVE = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class Question:
    """One question: `key` names the answer, `text` the catalog key of its wording."""

    key: str
    kind: str
    text: str
    options: tuple[str, ...] = ()
    roles: tuple[str, ...] = BOTH
    required: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text,
            "options": list(self.options),
            "roles": list(self.roles),
            "required": self.required,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Question:
        kind = raw["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown question kind {kind!r}: use one of {KINDS}")
        return cls(
            key=raw["key"],
            kind=kind,
            text=raw["text"],
            options=tuple(str(option) for option in raw.get("options", ())),
            roles=tuple(raw.get("roles", BOTH)),
            required=bool(raw.get("required", True)),
        )


def _q(key: str, kind: str, options: tuple[str, ...] = (), **kw: Any) -> Question:
    return Question(key, kind, f"qn-q-{key}", ONE_TO_FIVE if kind == SCALE else options, **kw)


RHYTHM = ("too_far", "right", "too_close", "irregular")
YES_MAYBE_NO = ("yes", "maybe", "no")

COMMON = (
    _q("engagement", SCALE),
    _q("satisfaction", SCALE),
    _q("relationship", SCALE),
    _q("rhythm", CHOICE, RHYTHM),
    _q("topics", SCALE),
)

DEFAULT_QUESTIONS: dict[str, tuple[Question, ...]] = {
    MIDTERM: (
        *COMMON,
        _q("expectations", SCALE, roles=(MENTEE,)),
        _q("mentor_ease", SCALE, roles=(MENTOR,)),
        _q("referent_talk", CHOICE, ("yes", "no")),
        _q("improve", TEXT, required=False),
    ),
    FINAL: (
        *COMMON,
        _q("objectives", SCALE, roles=(MENTEE,)),
        _q(
            "mentee_gains",
            MULTI,
            ("confidence", "perspective", "positioning", "codes", "network", "skills", "other"),
            roles=(MENTEE,),
        ),
        _q(
            "mentor_gains",
            MULTI,
            ("own_practice", "passing_on", "listening", "other_contexts", "network", "other"),
            roles=(MENTOR,),
        ),
        _q("learned", TEXT),
        _q("recommend", CHOICE, ("yes", "probably", "unsure", "no")),
        _q("future_mentor", CHOICE, YES_MAYBE_NO, roles=(MENTEE,)),
        _q("mentor_again", CHOICE, YES_MAYBE_NO, roles=(MENTOR,)),
        _q("comment", TEXT, required=False),
    ),
}


def default_questions(kind: str) -> list[dict[str, Any]]:
    """The default questions of a wave `kind`, ready to store as JSON."""
    if kind not in WAVE_KINDS:
        raise ValueError(f"unknown questionnaire wave {kind!r}: use one of {WAVE_KINDS}")
    return [question.to_json() for question in DEFAULT_QUESTIONS[kind]]


def questions_for(stored: list[dict[str, Any]], role: str) -> list[Question]:
    """The stored questions that a person in `role` is asked, in order."""
    questions = [Question.from_json(raw) for raw in stored]
    return [question for question in questions if role in question.roles]


def to_stored(questions: list[Question], values: dict[str, Any]) -> dict[str, Any]:
    """A form's values as answers are kept: scales as ints, choices as values, skipped left out."""
    answers: dict[str, Any] = {}
    for question in questions:
        value = values.get(question.key)
        if value in (None, "", []):
            continue
        answers[question.key] = int(value) if question.kind == SCALE else value
    return answers


def to_form(questions: list[Question], answers: dict[str, Any]) -> dict[str, Any]:
    """Kept answers as a form's values, to prefill it (scales back to option values)."""
    values: dict[str, Any] = {}
    for question in questions:
        if question.key in answers:
            value = answers[question.key]
            values[question.key] = str(value) if question.kind == SCALE else value
    return values


def wave_closes(start: datetime, timezone: str) -> datetime:
    """When a wave opened at `start` closes: the end of the day (23:59 in the programme's zone)
    `WAVE_WEEKS` weeks later, a time people read as "until Sunday 13 December" and not as an
    odd hour of the night."""
    zone = ZoneInfo(timezone)
    day = (start.astimezone(zone) + timedelta(weeks=WAVE_WEEKS)).date()
    return datetime.combine(day, WAVE_CLOSE_TIME, zone).astimezone(start.tzinfo)


class Dated(Protocol):
    """A wave as far as its state goes: when it opens and when it closes."""

    opens_at: datetime
    closes_at: datetime


def wave_state(wave: Dated | None, now: datetime) -> str:
    """NOT_STARTED (no wave, or not open yet), OPEN or CLOSED, at `now`."""
    if wave is None or now < wave.opens_at:
        return NOT_STARTED
    return OPEN if now < wave.closes_at else CLOSED
