"""Ending a pair and finding the mentee a new mentor: shared by withdrawal, a "no" to the
consent check, and a "no" to the fit check.

The coordinators (the pair's referent, else the programme's admins) are told that the pair
ended and by which side, never the private reason.
"""

from __future__ import annotations

from sqlmodel import select

from handlers.matching_flow import offer_proposals
from handlers.outgoing import Outgoing
from storage.enums import ApplicationStatus, PairState, Role
from storage.matching import latest_round
from storage.models import Application, Pair, Person, Programme
from storage.people import coordinators_for


def end_pair(out: Outgoing, pair: Pair, by_person_id: int | None, why: str) -> None:
    """Close the pair as withdrawn and tell the coordinators (`why` is a short public cause)."""
    pair.state, pair.ended_at, pair.ended_by_person_id = PairState.withdrawn, out.now, by_person_id
    out.session.add(pair)
    mentor = out.session.get(Person, pair.mentor_person_id)
    mentee = out.session.get(Person, pair.mentee_person_id)
    for coordinator in coordinators_for(out.session, pair.programme_id, pair.referent_person_id):
        out.tell(
            coordinator,
            f"coordinator-pair-ended-{why}",
            mentor=mentor.display_name if mentor else "?",
            mentee=mentee.display_name if mentee else "?",
        )


def repair_mentee(out: Outgoing, pair: Pair) -> None:
    """Send the mentee of an ended pair back to picking, with fresh proposals."""
    programme = out.session.get(Programme, pair.programme_id)
    application = out.session.exec(
        select(Application).where(
            Application.programme_id == pair.programme_id,
            Application.person_id == pair.mentee_person_id,
            Application.role == Role.mentee,
        )
    ).first()
    if programme is None or application is None:
        return
    application.status = ApplicationStatus.eligible
    out.session.add(application)
    out.session.flush()
    offer_proposals(out, programme, application, latest_round(out.session, application.id) + 1)
