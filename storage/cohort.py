"""What the cohort engine reads: the mentees waiting for proposals, what each must not be offered
again, the mentors with room; and the draft computed from them (`bot.domain.cohort`).

A mentee is waiting when their mentee application is eligible, they have no pair being formed
or running in the programme, and no open ("shown") proposal of a mentor who still has a place:
none was ever shown, they turned the last ones down, their pair ended and no fresh proposal
could be made, or every mentor still proposed to them has since filled up.
"""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, or_, select

from bot.domain.cohort import Candidate, MatchSettings, MenteeDraft, draft
from bot.domain.matching import Profile
from bot.domain.preferences import Weights
from storage.enums import ApplicationStatus, Role
from storage.matching import (
    HOLDING,
    REFUSED,
    SHOWN,
    declined_by,
    mentor_profiles,
    open_proposals,
    paired_before,
    profile,
    with_people,
)
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


def is_holding(session: Session, programme_id: int, mentee_person_id: int) -> bool:
    """Whether this person's mentee pair in the programme is being formed or running."""
    return (
        session.exec(
            select(Pair.id).where(
                Pair.programme_id == programme_id,
                Pair.mentee_person_id == mentee_person_id,
                col(Pair.state).in_(HOLDING),
            )
        ).first()
        is not None
    )


def unpaired_mentees(session: Session, programme: Programme) -> list[Application]:
    """Eligible mentee applications with no pair being formed or running, in application order
    (those waiting for proposals, and those who have some but have not picked yet)."""
    holding = holding_mentees(session, programme.id)  # type: ignore[arg-type]
    return [a for a in _eligible_mentees(session, programme) if a.person_id not in holding]


def waiting_mentees(session: Session, programme: Programme) -> list[Application]:
    """The mentee applications waiting for proposals, in application order: no pair being
    formed or running, and no open proposal of a mentor who still has a place."""
    with_room = {m.application_id for m in mentor_profiles(session, programme) if m.free_places > 0}
    still_open = set(
        session.exec(
            select(Proposal.mentee_application_id).where(
                Proposal.programme_id == programme.id,
                Proposal.status == SHOWN,
                col(Proposal.mentor_application_id).in_(with_room),
            )
        )
    )
    return [a for a in unpaired_mentees(session, programme) if a.id not in still_open]


def candidate(session: Session, application: Application, person: Person) -> Candidate:
    """The mentee with the mentors not to offer: every mentor of an earlier pair (any state,
    any programme), those turned down ("none suits me") and those proposed and still open.
    Mentors merely shown in an earlier round, and left behind, may be proposed again."""
    assert application.id is not None
    return Candidate(
        profile(application, person),
        paired_before=paired_before(session, application.person_id),
        proposed=open_proposals(session, application.id),
        declined=declined_by(session, application.id),
    )


def cohort_draft(
    session: Session,
    programme: Programme,
    applications: list[Application],
    mentors: list[Profile] | None = None,
    locked: dict[int, int] | None = None,
) -> list[MenteeDraft]:
    """The engine's proposals for these mentee applications (in their order), with the
    committee's `locked` placements (mentee application -> mentor application) taken first.

    Reads in a few queries whatever the cohort's size: the programme's applications (everyone's
    manager counts for the management chains), the earlier pairs of all its mentees, and the
    programme's open and refused proposals."""
    rows = with_people(session, programme)
    person_of = {application.id: person for application, person in rows}
    pool = mentors if mentors is not None else mentor_profiles(session, programme)
    taken = {a.id for a in applications} | {m.application_id for m in pool}
    others = [profile(a, person) for a, person in rows if a.id not in taken]
    before, proposed, declined = _exclusions(session, programme)
    candidates = [
        Candidate(
            profile(a, person_of[a.id]),
            paired_before=frozenset(before.get(a.person_id, ())),
            proposed=frozenset(proposed.get(a.id, ())),  # type: ignore[arg-type]
            declined=frozenset(declined.get(a.id, ())),  # type: ignore[arg-type]
        )
        for a in applications
    ]
    return draft(candidates, pool, settings_of(programme), others=others, locked=locked)


def _exclusions(
    session: Session, programme: Programme
) -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[int]]]:
    """For the programme's mentees: the people they were in a pair with before (by person, any
    programme, either role), and the mentors proposed and still open, or turned down (by
    mentee application)."""
    mentees = select(Application.person_id).where(
        Application.programme_id == programme.id, Application.role == Role.mentee
    )
    before: dict[int, set[int]] = defaultdict(set)
    for mentee, mentor in session.exec(
        select(Pair.mentee_person_id, Pair.mentor_person_id).where(
            or_(col(Pair.mentee_person_id).in_(mentees), col(Pair.mentor_person_id).in_(mentees))
        )
    ):
        before[mentee].add(mentor)
        before[mentor].add(mentee)  # the same two people, roles the other way round
    by_status: dict[str, dict[int, set[int]]] = {SHOWN: defaultdict(set), REFUSED: defaultdict(set)}
    for application, status, mentor in session.exec(
        select(Proposal.mentee_application_id, Proposal.status, Application.person_id)
        .join(Application, col(Application.id) == col(Proposal.mentor_application_id))
        .where(Proposal.programme_id == programme.id, col(Proposal.status).in_(list(by_status)))
    ):
        by_status[status][application].add(mentor)
    return before, by_status[SHOWN], by_status[REFUSED]


def settings_of(programme: Programme) -> MatchSettings:
    """What the programme says about matching; its id seeds the ties."""
    return MatchSettings(
        proposals=programme.proposals_count,
        other_organisation=programme.other_organisation,
        in_person=programme.in_person,
        weights=Weights.of(programme.weights),
        seed=programme.id or 0,
    )
