"""Which synthesis of a closed wave may be shown now, so that two readings never differ by the
answers of fewer than `MIN_GROUP` people (close, read, reopen, let one more person answer,
close, read again: the difference would be that person's answers).

Each reading that shows figures is kept on the wave (and in the audit log) with the number of
answers it was computed on and a fingerprint of those answers (their ids and last edit times,
nothing of their content). A later reading shows
- the synthesis of every answer sent when nothing changed since (same fingerprint), or when at
  least `MIN_GROUP` more answers came in;
- otherwise the synthesis already read (`PREVIOUS`), recomputed from the first answers sent,
  as many as it counted, when those are unchanged; with the count from which it will be updated;
- otherwise (an answer read was edited or erased since) no figure (`HELD`), only that count.
A reading that showed no figure at all (every group under `MIN_GROUP`) binds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from bot.domain.questions import Question
from bot.domain.synthesis import MIN_GROUP, QuestionSynthesis, synthesise
from storage.models import Programme, QuestionnaireWave
from storage.wave_results import (
    SentAnswer,
    last_synthesis_read,
    programme_names,
    remember_reading,
    sent_in_order,
)

SHOWN = "shown"
PREVIOUS = "previous"
HELD = "held"


@dataclass(frozen=True)
class Reading:
    """What may be shown: `synthesis` (empty when HELD) computed on `answers` of the `sent`
    answers; for PREVIOUS and HELD, when the synthesis was read and from how many answers a
    new one will be shown."""

    outcome: str
    synthesis: list[QuestionSynthesis]
    answers: int
    sent: int
    digest: str
    read_at: datetime | None = None
    update_from: int = 0

    @property
    def binds(self) -> bool:
        """Whether this reading showed figures, so that the next one must follow the rule."""
        return self.outcome == SHOWN and any(entry.overall.shown for entry in self.synthesis)

    def audit(self) -> dict[str, Any]:
        """The audit details: the outcome, how many answers, and the fingerprint when figures
        were shown."""
        return {"outcome": self.outcome, "answers": self.answers} | (
            {"digest": self.digest} if self.binds else {}
        )


def fingerprint(answers: Sequence[SentAnswer]) -> str:
    """Which answers, as last edited: equal fingerprints mean the same figures."""
    text = "|".join(
        sorted(f"{answer.id}@{answer.updated_at.astimezone(UTC).isoformat()}" for answer in answers)
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _synthesise(
    session: Session, programme: Programme, wave: QuestionnaireWave, answers: list[SentAnswer]
) -> list[QuestionSynthesis]:
    assert programme.id is not None
    return synthesise(
        [Question.from_json(raw) for raw in wave.questions],
        sorted(((answer.role, answer.answers) for answer in answers), key=repr),
        free_text=programme.free_text_in_synthesis,
        names=programme_names(session, programme.id),
    )


def read_synthesis(
    session: Session, programme: Programme, wave: QuestionnaireWave, now: datetime
) -> Reading:
    """The synthesis of the closed `wave` that may be shown now; a reading with figures is kept
    on the wave (the caller audits `Reading.audit()` with `kind=wave.kind`)."""
    sent = sent_in_order(session, wave)
    every = fingerprint(sent)
    last = last_synthesis_read(wave)
    if last is None or every == last.digest or len(sent) >= last.answers + MIN_GROUP:
        synthesis = _synthesise(session, programme, wave, sent)
        reading = Reading(SHOWN, synthesis, len(sent), len(sent), every)
        if reading.binds:
            remember_reading(session, wave, now, len(sent), every)
        return reading
    first = sent[: last.answers]
    update = last.answers + MIN_GROUP
    if len(first) == last.answers and fingerprint(first) == last.digest:
        synthesis = _synthesise(session, programme, wave, first)
        return Reading(PREVIOUS, synthesis, last.answers, len(sent), last.digest, last.at, update)
    return Reading(HELD, [], last.answers, len(sent), last.digest, last.at, update)
