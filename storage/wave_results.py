"""What coordinators read of a programme's questionnaire waves: the waves, their response rates
(a referent's over its own pairs only), the answers for the synthesis (without who gave them), the
last synthesis read, and a referent's own pairs' answers.

Every read is a grouped query: its cost does not grow with one statement per pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, or_, select

from storage.enums import Role
from storage.models import (
    Application,
    Pair,
    Person,
    QuestionnaireAnswer,
    QuestionnaireWave,
    RoleGrant,
)
from storage.questionnaires import members_by_role

ROLES = (Role.mentee, Role.mentor)


@dataclass(frozen=True)
class Rate:
    """How many were invited (the wave's members, and anyone who answered) and answered."""

    invited: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.invited) if self.invited else 0


@dataclass(frozen=True)
class PairAnswers:
    """One of a referent's pairs, with the answers its members sent to a wave."""

    pair: Pair
    mentor: str
    mentee: str
    answers: list[QuestionnaireAnswer]


def programme_waves(session: Session, programme_id: int) -> dict[str, QuestionnaireWave]:
    """The programme's waves by kind (a kind never opened is absent)."""
    waves = session.exec(
        select(QuestionnaireWave).where(QuestionnaireWave.programme_id == programme_id)
    ).all()
    return {wave.kind: wave for wave in waves}


def _submitted(wave: QuestionnaireWave) -> Any:
    return (
        QuestionnaireAnswer.wave_id == wave.id,
        col(QuestionnaireAnswer.submitted_at).is_not(None),
    )


@dataclass(frozen=True)
class SentAnswer:
    """A sent answer as the synthesis reads it: no person, its id and last edit only to tell
    whether a set of answers changed."""

    id: int
    role: str
    answers: dict[str, Any]
    updated_at: datetime


@dataclass(frozen=True)
class SynthesisRead:
    """The last synthesis of a wave shown with figures: when, on how many answers, and the
    fingerprint of those answers (`handlers.synthesis_reading`)."""

    at: datetime
    answers: int
    digest: str


def _followed(wave: QuestionnaireWave, referent_id: int) -> Any:
    return select(Pair.id).where(
        Pair.programme_id == wave.programme_id, Pair.referent_person_id == referent_id
    )


def _members(
    session: Session, wave: QuestionnaireWave, referent_id: int | None
) -> dict[str, set[int]]:
    """The wave's members by role; with `referent_id`, only those on that side of its pairs."""
    members = members_by_role(session, wave)
    if referent_id is None:
        return members
    rows = session.exec(
        select(Pair.mentee_person_id, Pair.mentor_person_id).where(
            col(Pair.id).in_(_followed(wave, referent_id))
        )
    ).all()
    members[Role.mentee] &= {mentee for mentee, _ in rows}
    members[Role.mentor] &= {mentor for _, mentor in rows}
    return members


def response_rates(
    session: Session, wave: QuestionnaireWave, referent_id: int | None = None
) -> dict[str, Rate]:
    """The rate overall (key "") and per role; with `referent_id`, over the pairs that referent
    follows only (answers sent through them, their members)."""
    members = _members(session, wave, referent_id)
    answered: dict[str, set[int]] = {role: set() for role in ROLES}
    query = select(QuestionnaireAnswer.person_id, QuestionnaireAnswer.role).where(*_submitted(wave))
    if referent_id is not None:
        query = query.where(col(QuestionnaireAnswer.pair_id).in_(_followed(wave, referent_id)))
    rows = session.exec(query).all()
    for person_id, role in rows:
        answered.setdefault(role, set()).add(person_id)
        for other in members:
            members[other].discard(person_id)
    rates = {
        role: Rate(len(members.get(role, set()) | answered[role]), len(answered[role]))
        for role in ROLES
    }
    total = Rate(sum(r.invited for r in rates.values()), sum(r.answered for r in rates.values()))
    return {"": total, **rates}


def sent_in_order(session: Session, wave: QuestionnaireWave) -> list[SentAnswer]:
    """The sent answers, first sent first."""
    rows = session.exec(
        select(
            QuestionnaireAnswer.id,
            QuestionnaireAnswer.role,
            QuestionnaireAnswer.answers,
            QuestionnaireAnswer.updated_at,
        )
        .where(*_submitted(wave))
        .order_by(col(QuestionnaireAnswer.submitted_at), col(QuestionnaireAnswer.id))
    ).all()
    return [SentAnswer(id_, role, dict(answers), at) for id_, role, answers, at in rows if id_]


def last_synthesis_read(wave: QuestionnaireWave) -> SynthesisRead | None:
    """The last reading of the wave's synthesis that showed figures, None when there was none."""
    if wave.synthesis_read_at is None:
        return None
    return SynthesisRead(wave.synthesis_read_at, wave.synthesis_answers, wave.synthesis_digest)


def remember_reading(
    session: Session, wave: QuestionnaireWave, at: datetime, answers: int, digest: str
) -> None:
    """Keep on the wave that its synthesis was shown with figures."""
    wave.synthesis_read_at, wave.synthesis_answers, wave.synthesis_digest = at, answers, digest
    session.add(wave)


def programme_names(session: Session, programme_id: int) -> list[str]:
    """The names to remove from free text: the programme's people (applicants, pair members,
    referents of its pairs), their managers, and everyone who holds or held a role in it
    (grants for every programme included)."""
    of_programme = or_(
        RoleGrant.programme_id == programme_id, col(RoleGrant.programme_id).is_(None)
    )
    in_pairs = (
        select(Pair.mentee_person_id)
        .where(Pair.programme_id == programme_id)
        .union(
            select(Pair.mentor_person_id).where(Pair.programme_id == programme_id),
            select(Pair.referent_person_id).where(Pair.programme_id == programme_id),
            select(Application.person_id).where(Application.programme_id == programme_id),
            select(RoleGrant.person_id).where(of_programme),
        )
    )
    rows = session.exec(
        select(Person.display_name, Person.manager).where(col(Person.id).in_(in_pairs))
    ).all()
    return sorted({name for row in rows for name in row if name})


def referent_answers(
    session: Session, wave: QuestionnaireWave, referent_id: int
) -> list[PairAnswers]:
    """The sent answers of the pairs `referent_id` follows, pair by pair, mentee first."""
    rows = session.exec(
        select(QuestionnaireAnswer, Pair)
        .join(Pair, col(Pair.id) == col(QuestionnaireAnswer.pair_id))
        .where(*_submitted(wave), Pair.referent_person_id == referent_id)
        .order_by(col(Pair.id), col(QuestionnaireAnswer.role))
    ).all()
    people = _names(
        session, {p for _, pair in rows for p in (pair.mentor_person_id, pair.mentee_person_id)}
    )
    found: dict[int, PairAnswers] = {}
    for answer, pair in rows:
        assert pair.id is not None
        entry = found.setdefault(
            pair.id,
            PairAnswers(pair, people[pair.mentor_person_id], people[pair.mentee_person_id], []),
        )
        entry.answers.append(answer)
    return list(found.values())


def follows_pairs(session: Session, programme_id: int, referent_id: int) -> bool:
    """Whether the person is the referent of at least one pair of the programme."""
    found = session.exec(
        select(Pair.id).where(
            Pair.programme_id == programme_id, Pair.referent_person_id == referent_id
        )
    ).first()
    return found is not None


def _names(session: Session, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    rows = session.exec(
        select(Person.id, Person.display_name).where(col(Person.id).in_(person_ids))
    ).all()
    return {person_id: name for person_id, name in rows if person_id is not None}
