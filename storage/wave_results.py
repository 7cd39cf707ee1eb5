"""What coordinators read of a programme's questionnaire waves: the waves, their response rates,
the answers for the synthesis (without who gave them), and a referent's own pairs' answers.

Every read is a grouped query: its cost does not grow with one statement per pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from storage.enums import Role
from storage.models import Application, Pair, Person, QuestionnaireAnswer, QuestionnaireWave
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


def response_rates(session: Session, wave: QuestionnaireWave) -> dict[str, Rate]:
    """The rate overall (key "") and per role."""
    members = members_by_role(session, wave)
    answered: dict[str, set[int]] = {role: set() for role in ROLES}
    rows = session.exec(
        select(QuestionnaireAnswer.person_id, QuestionnaireAnswer.role).where(*_submitted(wave))
    ).all()
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


def submitted_answers(
    session: Session, wave: QuestionnaireWave
) -> list[tuple[str, dict[str, Any]]]:
    """Each sent answer as (role, answers), in no order that tells who gave it."""
    rows = session.exec(
        select(QuestionnaireAnswer.role, QuestionnaireAnswer.answers).where(*_submitted(wave))
    ).all()
    return sorted(((role, dict(answers)) for role, answers in rows), key=repr)


def programme_names(session: Session, programme_id: int) -> list[str]:
    """The names of the programme's people (applicants, pair members) and of their managers, to
    remove from free text."""
    in_pairs = (
        select(Pair.mentee_person_id)
        .where(Pair.programme_id == programme_id)
        .union(
            select(Pair.mentor_person_id).where(Pair.programme_id == programme_id),
            select(Application.person_id).where(Application.programme_id == programme_id),
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
