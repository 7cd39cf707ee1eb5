"""Questionnaire waves and answers: who is asked, what they answered.

A wave exists once per programme and kind. Invitations go to both sides of the programme's
active pairs and, for the final wave, of the pairs that ended (completed or withdrawn) since it
opened. Anyone invited may answer until the close, even if their pair has ended meanwhile.
One answer per person per wave.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, and_, col, or_, select

from bot.domain.questions import FINAL, WAVE_KINDS, default_questions
from storage.enums import PairState, Role
from storage.models import Outbox, Pair, Person, QuestionnaireAnswer, QuestionnaireWave

ENDED = (PairState.completed, PairState.withdrawn)


def open_wave(
    session: Session, programme_id: int, kind: str, opens_at: datetime, closes_at: datetime
) -> QuestionnaireWave:
    """The programme's wave of `kind`, created with the default questions if it did not exist.

    Opening a wave twice (two sweeps, two replicas) returns the first one unchanged.
    """
    if kind not in WAVE_KINDS:
        raise ValueError(f"unknown questionnaire wave {kind!r}: use one of {WAVE_KINDS}")
    if closes_at <= opens_at:
        raise ValueError("a questionnaire wave must close after it opens")
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(QuestionnaireWave)
        .values(
            programme_id=programme_id,
            kind=kind,
            opens_at=opens_at,
            closes_at=closes_at,
            questions=default_questions(kind),
        )
        .on_conflict_do_nothing()
    )
    return session.exec(
        select(QuestionnaireWave).where(
            QuestionnaireWave.programme_id == programme_id, QuestionnaireWave.kind == kind
        )
    ).one()


def reopen_wave(
    session: Session, wave: QuestionnaireWave, now: datetime, closes: datetime
) -> QuestionnaireWave:
    """Open `wave` again from `now` (or its first opening) until `closes`; answers are kept."""
    wave.opens_at, wave.closes_at = min(wave.opens_at, now), closes
    session.add(wave)
    session.flush()
    return wave


def _asked(wave: QuestionnaireWave, include_ended: bool) -> ColumnElement[bool]:
    """The pairs of the wave's programme whose members are asked: the active ones and, when
    `include_ended`, every pair that started and has ended (someone who withdrew is still asked
    for the final questionnaire, as the withdrawal message promises)."""
    active = col(Pair.state) == PairState.active
    ended = and_(col(Pair.state).in_(ENDED), col(Pair.activated_at).is_not(None))
    return and_(
        col(Pair.programme_id) == wave.programme_id, or_(active, ended) if include_ended else active
    )


def members_by_role(session: Session, wave: QuestionnaireWave) -> dict[str, set[int]]:
    """The wave's members by the role they answer in: mentee when they are a mentee in one of the
    asked pairs (as `pair_for_wave` picks), mentor otherwise."""
    asked = _asked(wave, include_ended=wave.kind == FINAL)
    found: dict[str, set[int]] = {}
    for role, side in ((Role.mentee, Pair.mentee_person_id), (Role.mentor, Pair.mentor_person_id)):
        found[role] = set(
            session.exec(
                select(side)
                .join(Person, col(Person.id) == col(side))
                .where(asked, col(Person.erased_at).is_(None))
            ).all()
        )
    found[Role.mentor] -= found[Role.mentee]
    return found


def pair_for_wave(session: Session, wave: QuestionnaireWave, person_id: int) -> Pair | None:
    """The pair through which the person answers this wave (mentee side first, newest first);
    None when they have no such pair in the wave's programme."""
    pairs = session.exec(
        select(Pair)
        .where(
            _asked(wave, include_ended=True),
            or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id),
        )
        .order_by(col(Pair.id).desc())
    ).all()
    return min(pairs, key=lambda pair: pair.mentee_person_id != person_id, default=None)


def role_in(pair: Pair, person_id: int) -> str:
    return Role.mentee if pair.mentee_person_id == person_id else Role.mentor


def waves_of(session: Session, person_id: int, now: datetime) -> list[QuestionnaireWave]:
    """The waves already opened in every programme where the person has or had a pair."""
    programmes = select(Pair.programme_id).where(
        or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id)
    )
    return list(
        session.exec(
            select(QuestionnaireWave)
            .where(
                col(QuestionnaireWave.programme_id).in_(programmes),
                col(QuestionnaireWave.opens_at) <= now,
            )
            .order_by(col(QuestionnaireWave.opens_at), col(QuestionnaireWave.id))
        )
    )


def has_pair(session: Session, person_id: int) -> bool:
    """Whether the person is or was in any pair, of any programme, in any state."""
    return (
        session.exec(
            select(Pair.id).where(
                or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id)
            )
        ).first()
        is not None
    )


def answer_of(
    session: Session, wave: QuestionnaireWave, person_id: int
) -> QuestionnaireAnswer | None:
    return session.exec(
        select(QuestionnaireAnswer).where(
            QuestionnaireAnswer.wave_id == wave.id, QuestionnaireAnswer.person_id == person_id
        )
    ).first()


def invited_or_answered(session: Session, wave: QuestionnaireWave) -> set[int]:
    """Who already has an invitation to the wave in the outbox, or has sent answers."""
    invited = session.exec(
        select(Outbox.person_id).where(col(Outbox.dedup_key).startswith(f"wave:{wave.id}:"))
    ).all()
    answered = session.exec(
        select(QuestionnaireAnswer.person_id).where(
            QuestionnaireAnswer.wave_id == wave.id,
            col(QuestionnaireAnswer.submitted_at).is_not(None),
        )
    ).all()
    return set(invited) | set(answered)


def left_to_invite(session: Session, wave: QuestionnaireWave) -> list[tuple[int, str]]:
    """The wave's members not yet invited nor answered, each with the role they answer in, by
    id (a wave not saved yet: everyone it would take)."""
    done = invited_or_answered(session, wave)
    roles = members_by_role(session, wave)
    return sorted((p, role) for role, people in roles.items() for p in people if p not in done)


def save_answer(
    session: Session,
    wave: QuestionnaireWave,
    pair: Pair,
    person_id: int,
    role: str,
    answers: dict[str, Any],
    now: datetime,
) -> tuple[QuestionnaireAnswer, bool]:
    """Store the person's answers (replacing earlier ones); True when sent for the first time."""
    answer = answer_of(session, wave, person_id)
    first = answer is None or answer.submitted_at is None
    if answer is None:
        assert wave.id is not None
        answer = QuestionnaireAnswer(wave_id=wave.id, person_id=person_id, role=role)
    answer.pair_id, answer.role, answer.answers = pair.id, role, dict(answers)
    answer.submitted_at = answer.submitted_at or now
    answer.updated_at = now
    session.add(answer)
    session.flush()
    return answer, first
