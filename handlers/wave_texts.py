"""The questionnaire texts coordinators read, in their language and time zone: the waves with
their state and response rates (a referent's over its own pairs), the anonymised synthesis (and,
when it may not be updated yet, the one already read or when it will be), and a referent's pairs'
answers.

Questions and options are worded from the catalog (`bot.domain.questions`), never shown as keys.
A wave closes at the end of a day (`bot.domain.questions.WAVE_CLOSE_TIME`, see `wave_closes`):
such a moment reads as the day alone ("jusqu'au dimanche 13 décembre 2026 inclus"); any other
keeps its time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot.domain.questions import (
    CLOSED,
    MULTI,
    NOT_STARTED,
    SCALE,
    TEXT,
    WAVE_CLOSE_TIME,
    WAVE_KINDS,
    Question,
    questions_for,
    wave_state,
)
from bot.domain.synthesis import MIN_GROUP, Group, QuestionSynthesis
from handlers.synthesis_reading import HELD, PREVIOUS, Reading
from messages.catalog import format_day, format_when, supported, t
from storage.models import Programme, QuestionnaireAnswer, QuestionnaireWave
from storage.wave_results import PairAnswers, Rate

TALK = "referent_talk"


class Reader:
    """Who reads: a language and a time zone, at a moment."""

    def __init__(self, locale: str, timezone: str, now: datetime) -> None:
        self.locale, self.timezone, self.now = supported(locale), timezone, now

    def t(self, key: str, **params: Any) -> str:
        return t(self.locale, key, **params)

    def when(self, moment: datetime) -> str:
        return format_when(moment, self.locale, self.timezone)

    def wave_name(self, kind: str) -> str:
        return self.t(f"qn-wave-{kind}")

    def _day_end(self, moment: datetime) -> str | None:
        """The day of `moment` when it is the last minute of that day here, else None."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        if local.time().replace(second=0, microsecond=0) != WAVE_CLOSE_TIME:
            return None
        return format_day(local.date(), self.locale)

    def on(self, moment: datetime) -> str:
        """When something happened or happens: the day alone at 23:59, else day and time."""
        return self._day_end(moment) or self.when(moment)

    def until(self, moment: datetime) -> str:
        """A last moment: "dimanche 13 décembre 2026 inclus" at 23:59, else day and time."""
        day = self._day_end(moment)
        return self.t("waves-day-included", day=day) if day else self.when(moment)


def state_text(reader: Reader, wave: QuestionnaireWave | None) -> str:
    """Not opened, open until a date, or closed on a date."""
    state = wave_state(wave, reader.now)
    if state == NOT_STARTED:
        return reader.t("waves-state-none")
    assert wave is not None
    if state == CLOSED:
        return reader.t("waves-state-closed", closes=reader.on(wave.closes_at))
    return reader.t("waves-state-open", closes=reader.until(wave.closes_at))


def synthesis_later(reader: Reader, wave: QuestionnaireWave) -> str:
    """That the synthesis of an open wave is read once it closes, and when that is."""
    return reader.t(
        "waves-synthesis-later", wave=reader.wave_name(wave.kind), closes=reader.on(wave.closes_at)
    )


def _rate(reader: Reader, rate: Rate) -> str:
    return reader.t(
        "waves-rate", answered=rate.answered, invited=rate.invited, percent=rate.percent
    )


def overview(
    reader: Reader,
    programme: Programme,
    waves: dict[str, QuestionnaireWave],
    rates: dict[str, dict[str, Rate]],
    mine: bool = False,
) -> str:
    """Each wave kind with its state and, once opened, its response rates (`mine`: those of
    the reader's own pairs)."""
    lines = [reader.t("waves-heading", programme=programme.name)]
    for kind in WAVE_KINDS:
        wave = waves.get(kind)
        lines.append(
            reader.t("waves-line", wave=reader.wave_name(kind), state=state_text(reader, wave))
        )
        if kind in rates:
            by_role = rates[kind]
            lines.append(
                "   "
                + reader.t(
                    "waves-rates-mine" if mine else "waves-rates",
                    total=_rate(reader, by_role[""]),
                    mentees=_rate(reader, by_role["mentee"]),
                    mentors=_rate(reader, by_role["mentor"]),
                )
            )
    return "\n".join(lines)


def _option(reader: Reader, question: Question, value: str) -> str:
    return value if question.kind == SCALE else reader.t(f"{question.text}-{value}")


def _group_lines(reader: Reader, question: Question, label: str, group: Group) -> list[str]:
    if not group.shown:
        return [reader.t("wsyn-too-few", group=label)]
    if question.kind == TEXT:
        if not group.texts:
            return [reader.t("wsyn-text-withheld", group=label, count=group.answers)]
        items = [reader.t("wsyn-text-item", text=text) for text in group.texts]
        return [reader.t("wsyn-text", group=label, count=group.answers), *items]
    spread = " · ".join(
        reader.t("wsyn-count-item", option=_option(reader, question, option), count=count)
        for option, count in group.counts
    )
    if group.mean is None:
        return [reader.t("wsyn-counts", group=label, count=group.answers, spread=spread)]
    mean = format_decimal(group.mean, "0.0", locale=reader.locale)
    return [reader.t("wsyn-scale", group=label, count=group.answers, mean=mean, spread=spread)]


def synthesis_text(
    reader: Reader,
    programme: Programme,
    wave: QuestionnaireWave,
    synthesis: list[QuestionSynthesis],
) -> str:
    """The anonymised synthesis, question by question, overall then by role."""
    lines = [
        reader.t(
            "wsyn-heading",
            wave=reader.wave_name(wave.kind),
            programme=programme.name,
            state=state_text(reader, wave),
        ),
        reader.t("wsyn-rule", min=MIN_GROUP),
    ]
    for entry in synthesis:
        lines += ["", reader.t("wsyn-question", question=reader.t(entry.question.text))]
        for name, group in _groups(entry):
            label = reader.t(f"wsyn-group-{name}")
            lines += ["   " + line for line in _group_lines(reader, entry.question, label, group)]
    if withheld(synthesis):
        lines += ["", reader.t("wsyn-text-how")]
    return "\n".join(lines)


def reading_text(
    reader: Reader, programme: Programme, wave: QuestionnaireWave, reading: Reading
) -> str:
    """The synthesis that may be shown now: when held, only from how many answers it will be
    readable again; the one already read, with when it will be updated; else the synthesis."""
    facts = {
        "answers": reading.answers,
        "sent": reading.sent,
        "min": MIN_GROUP,
        "from": reading.update_from,
        "read": reader.when(reading.read_at) if reading.read_at else "",
    }
    if reading.outcome == HELD:
        return reader.t("wsyn-held", wave=reader.wave_name(wave.kind), **facts)
    text = synthesis_text(reader, programme, wave, reading.synthesis)
    if reading.outcome == PREVIOUS:
        head, _, rest = text.partition("\n")
        return f"{head}\n{reader.t('wsyn-previous', **facts)}\n{rest}"
    return text


def _groups(entry: QuestionSynthesis) -> list[tuple[str, Group]]:
    """The groups shown, by name: everyone (or the one role a question is asked to), then each
    role when the breakdown is shown."""
    roles = entry.question.roles
    overall = roles[0] if len(roles) == 1 else "all"
    return [(overall, entry.overall), *entry.by_role.items()]


def withheld(synthesis: list[QuestionSynthesis]) -> bool:
    """Whether free text was left out because the programme does not quote it."""
    return any(
        group.shown and not group.texts
        for entry in synthesis
        if entry.question.kind == TEXT
        for _, group in _groups(entry)
    )


def _answer_value(reader: Reader, question: Question, value: Any) -> str:
    if question.kind == SCALE:
        return reader.t("wans-scale", value=value)
    if question.kind == TEXT:
        return reader.t("wans-text", text=str(value))
    values = value if question.kind == MULTI else [value]
    return ", ".join(_option(reader, question, str(item)) for item in values)


def _person_lines(
    reader: Reader, wave: QuestionnaireWave, answer: QuestionnaireAnswer, name: str
) -> list[str]:
    sent = reader.when(answer.submitted_at or answer.updated_at)
    lines = [reader.t("wans-person", role=answer.role, name=name, sent=sent)]
    for question in questions_for(wave.questions, answer.role):
        if question.key in answer.answers:
            value = _answer_value(reader, question, answer.answers[question.key])
            lines.append(reader.t("wans-line", question=reader.t(question.text), answer=value))
    return lines


def pair_answers_text(reader: Reader, wave: QuestionnaireWave, entry: PairAnswers) -> str:
    """One pair's answers, person by person, question by question."""
    lines = [reader.t("wans-pair", mentee=entry.mentee, mentor=entry.mentor)]
    for answer in entry.answers:
        lines += _person_lines(reader, wave, answer, _name(entry, answer))
    return "\n".join(lines)


def _name(entry: PairAnswers, answer: QuestionnaireAnswer) -> str:
    return entry.mentor if answer.role == "mentor" else entry.mentee


def talk_text(reader: Reader, wave: QuestionnaireWave, found: list[PairAnswers]) -> str | None:
    """Who asked to talk with their referent, each with their pair; None when the wave does not
    ask it."""
    if not any(raw["key"] == TALK for raw in wave.questions):
        return None
    people = [
        reader.t(
            "wans-talk-person", name=_name(entry, answer), mentee=entry.mentee, mentor=entry.mentor
        )
        for entry in found
        for answer in entry.answers
        if answer.answers.get(TALK) == "yes"
    ]
    return reader.t("wans-talk", count=len(people), people=", ".join(people))
