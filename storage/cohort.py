"""What the cohort engine reads: the mentees waiting for proposals, what each must not be offered
again, the mentors with room; and the draft computed from them (`bot.domain.cohort`).

A mentee is waiting when their mentee application is eligible, they have no pair being formed
or running in the programme, and no proposal is still open to them: none was ever shown, or the
ones shown are from a round no later than their last ended pair (the mentor declined, did not
answer or left, and no fresh proposal could be made).
"""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from bot.domain.cohort import Candidate, MenteeDraft, draft
from bot.domain.matching import Profile
from storage.enums import ApplicationStatus, Role
from storage.matching import HOLDING, mentor_profiles, profile
from storage.models import Application, Pair, Person, Programme, Proposal


def application_of(
    session: Session, programme_id: int, person_id: int, role: str
) -> Application | None:
    return session.exec(
        select(Application).where(
            Application.programme_id == programme_id,
            Application.person_id == person_id,
            Application.role == role,
        )
    ).first()


def _eligible_mentees(session: Session, programme: Programme) -> list[Application]:
    return list(
        session.exec(
            select(Application)
            .where(
                Application.programme_id == programme.id,
                Application.role == Role.mentee,
                Application.status == ApplicationStatus.eligible,
            )
            .order_by(col(Application.submitted_at), col(Application.id))
        )
    )


def holding_mentees(session: Session, programme_id: int) -> set[int]:
    """People whose mentee pair in the programme is being formed or running."""
    return set(
        session.exec(
            select(Pair.mentee_person_id).where(
                Pair.programme_id == programme_id, col(Pair.state).in_(HOLDING)
            )
        )
    )


def unpaired_mentees(session: Session, programme: Programme) -> list[Application]:
    """Eligible mentee applications with no pair being formed or running, in application order
    (those waiting for proposals, and those who have some but have not picked yet)."""
    holding = holding_mentees(session, programme.id)  # type: ignore[arg-type]
    return [a for a in _eligible_mentees(session, programme) if a.person_id not in holding]


def waiting_mentees(session: Session, programme: Programme) -> list[Application]:
    """The mentee applications waiting for proposals, in application order."""
    ended_round = dict(
        session.exec(
            select(Pair.mentee_person_id, func.max(Proposal.round))
            .join(Proposal, col(Proposal.id) == col(Pair.proposal_id))
            .where(Pair.programme_id == programme.id, col(Pair.state).not_in(HOLDING))
            .group_by(col(Pair.mentee_person_id))
        ).all()
    )
    shown_round = dict(
        session.exec(
            select(Proposal.mentee_application_id, func.max(Proposal.round))
            .where(Proposal.programme_id == programme.id, Proposal.status == "shown")
            .group_by(col(Proposal.mentee_application_id))
        ).all()
    )
    return [
        application
        for application in unpaired_mentees(session, programme)
        if shown_round.get(application.id, 0) <= ended_round.get(application.person_id, 0)
    ]


def candidate(session: Session, application: Application, person: Person) -> Candidate:
    """The mentee with the mentors met before (any pair, any cohort) and those proposed."""
    paired = session.exec(
        select(Pair.mentor_person_id).where(Pair.mentee_person_id == application.person_id)
    ).all()
    proposed = session.exec(
        select(Application.person_id)
        .join(Proposal, col(Proposal.mentor_application_id) == col(Application.id))
        .where(Proposal.mentee_application_id == application.id)
    ).all()
    return Candidate(profile(application, person), frozenset(paired), frozenset(proposed))


def cohort_draft(
    session: Session,
    programme: Programme,
    applications: list[Application],
    mentors: list[Profile] | None = None,
) -> list[MenteeDraft]:
    """The engine's proposals for these mentee applications (in their order)."""
    people = {
        person.id: person
        for person in session.exec(
            select(Person).where(col(Person.id).in_([a.person_id for a in applications]))
        )
    }
    candidates = [candidate(session, a, people[a.person_id]) for a in applications]
    pool = mentors if mentors is not None else mentor_profiles(session, programme)
    return draft(candidates, pool, programme.proposals_count, programme.other_organisation)
