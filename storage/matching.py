"""What matching reads (profiles, free places, exclusions) and writes (proposals, pairs).

Erased people never reach the pool: `mentor_profiles` keeps eligible applications of people not
erased only."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, func, or_, select

from bot.domain.matching import Profile
from bot.domain.places import locate
from storage.enums import ApplicationStatus, PairState, Role
from storage.models import Application, Pair, Person, Programme, Proposal

HOLDING = (PairState.proposed, PairState.awaiting_charter, PairState.active)
# A proposal's status: `SHOWN` is open (the mentee may still pick it), `REFUSED` was turned
# down ("none suits me"), `SUPERSEDED` was left behind (another mentor accepted, or the round
# gave way to a fresh one); "asked" became a pair.
SHOWN, REFUSED, SUPERSEDED = "shown", "refused", "superseded"


def profile(application: Application, person: Person, free_places: int = 1) -> Profile:
    answers = application.answers
    return Profile(
        application_id=application.id,  # type: ignore[arg-type]
        person_id=person.id,  # type: ignore[arg-type]
        name=person.display_name,
        organisation=answers.get("organisation", ""),
        unit=answers.get("unit") or "",
        manager=answers.get("manager", ""),
        location=answers.get("location", ""),
        topics=frozenset(answers.get("topics", [])),
        formats=frozenset([answers.get("format", "any")]),
        languages=frozenset(answers.get("languages", [])),
        years=int(answers.get("years") or 0),
        free_places=free_places,
        expectations=answers.get("expectations") or "",
        availability=answers.get("availability") or "",
        coordinates=locate(answers.get("location") or ""),
    )


def with_people(session: Session, programme: Programme) -> list[tuple[Application, Person]]:
    """Every application to the programme (any role, any status) with its person."""
    return list(
        session.exec(
            select(Application, Person)
            .join(Person, col(Person.id) == col(Application.person_id))
            .where(Application.programme_id == programme.id)
        ).all()
    )


def places_taken(session: Session, programme_id: int, mentor_person_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(Pair)
        .where(
            Pair.programme_id == programme_id,
            Pair.mentor_person_id == mentor_person_id,
            col(Pair.state).in_(HOLDING),
        )
    ).one()


def mentor_profiles(session: Session, programme: Programme) -> list[Profile]:
    """Every eligible mentor of the programme, with the places each has left."""
    taken = dict(
        session.exec(
            select(Pair.mentor_person_id, func.count())
            .where(Pair.programme_id == programme.id, col(Pair.state).in_(HOLDING))
            .group_by(col(Pair.mentor_person_id))
        ).all()
    )
    rows = session.exec(
        select(Application, Person)
        .join(Person, col(Person.id) == col(Application.person_id))
        .where(
            Application.programme_id == programme.id,
            Application.role == Role.mentor,
            Application.status == ApplicationStatus.eligible,
            col(Person.erased_at).is_(None),
        )
    ).all()
    return [
        profile(app, person, programme.mentor_capacity - taken.get(person.id, 0))
        for app, person in rows
    ]


def mentor_profile(session: Session, programme: Programme, person_id: int) -> Profile | None:
    """One eligible mentor of the programme with the places left (as `mentor_profiles`), or
    None when the person has no such application or was erased."""
    found = session.exec(
        select(Application, Person)
        .join(Person, col(Person.id) == col(Application.person_id))
        .where(
            Application.programme_id == programme.id,
            Application.person_id == person_id,
            Application.role == Role.mentor,
            Application.status == ApplicationStatus.eligible,
            col(Person.erased_at).is_(None),
        )
    ).first()
    if found is None:
        return None
    application, person = found
    taken = places_taken(session, programme.id, person_id)  # type: ignore[arg-type]
    return profile(application, person, programme.mentor_capacity - taken)


def paired_before(session: Session, mentee_person_id: int) -> frozenset[int]:
    """The people this person was ever in a pair with: any state, any programme, either role."""
    mentors = session.exec(
        select(Pair.mentor_person_id).where(Pair.mentee_person_id == mentee_person_id)
    )
    mentees = session.exec(
        select(Pair.mentee_person_id).where(Pair.mentor_person_id == mentee_person_id)
    )
    return frozenset([*mentors, *mentees])


def _mentors_of(session: Session, mentee_application_id: int, status: str) -> frozenset[int]:
    return frozenset(
        session.exec(
            select(Application.person_id)
            .join(Proposal, col(Proposal.mentor_application_id) == col(Application.id))
            .where(
                Proposal.mentee_application_id == mentee_application_id, Proposal.status == status
            )
        )
    )


def declined_by(session: Session, mentee_application_id: int) -> frozenset[int]:
    """The mentors the mentee turned down with "none suits me"."""
    return _mentors_of(session, mentee_application_id, REFUSED)


def open_proposals(session: Session, mentee_application_id: int) -> frozenset[int]:
    """The mentors proposed to the mentee and still open to their pick."""
    return _mentors_of(session, mentee_application_id, SHOWN)


def supersede_open(session: Session, mentee_application_id: int) -> None:
    """The mentee's open proposals are left behind: a mentor accepted, or a fresh round comes."""
    session.execute(
        update(Proposal)
        .where(
            col(Proposal.mentee_application_id) == mentee_application_id,
            col(Proposal.status) == SHOWN,
        )
        .values(status=SUPERSEDED)
    )


def proposals_of(session: Session, mentee_application_id: int, round_: int) -> list[Proposal]:
    return list(
        session.exec(
            select(Proposal)
            .where(
                Proposal.mentee_application_id == mentee_application_id, Proposal.round == round_
            )
            .order_by(col(Proposal.rank))
        )
    )


def latest_round(session: Session, mentee_application_id: int) -> int:
    found = session.exec(
        select(func.max(Proposal.round)).where(
            Proposal.mentee_application_id == mentee_application_id
        )
    ).one()
    return int(found or 0)


def open_pair_of(session: Session, person_id: int) -> Pair | None:
    """The person's pair that is being formed or running, mentee side first."""
    return session.exec(
        select(Pair)
        .where(
            or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id),
            col(Pair.state).in_(HOLDING),
        )
        .order_by(col(Pair.id).desc())
    ).first()
