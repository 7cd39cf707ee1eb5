"""Ending a pair and finding the mentee a new mentor: shared by withdrawal, a "no" to the
consent check, a "no" to the fit check and a member's erasure.

The coordinators (the pair's referent, else the programme's admins) are told that the pair
ended and by which side, never the private reason. The place the pair held frees up: the
mentees waiting for one are offered it (`handlers.waiting`). The mentee of the ended pair is
the caller's to answer: fresh proposals from the engine (`repair_mentee`), never the mentor just
left.
"""

from __future__ import annotations

from sqlmodel import select

from handlers.outgoing import Outgoing
from handlers.proposals import offer_fresh_round
from handlers.waiting import offer_waiting
from storage.enums import ApplicationStatus, PairState, Role
from storage.models import Application, Pair, Person, Programme
from storage.people import coordinators_for

KEPT = (ApplicationStatus.eligible, ApplicationStatus.matched)  # not withdrawn nor erased


def end_pair(out: Outgoing, pair: Pair, by_person_id: int | None, why: str) -> None:
    """Close the pair as withdrawn, tell the coordinators (`why` is a short public cause) and
    offer the freed place to the mentees waiting for one."""
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
    programme = out.session.get(Programme, pair.programme_id)
    if programme is not None:
        offer_waiting(out, programme, besides={pair.mentee_person_id})


def repair_mentee(out: Outgoing, pair: Pair) -> None:
    """Send the mentee of an ended pair back to picking, with the engine's fresh proposals
    (the mentors of every earlier pair left out), or tell them nobody fits yet."""
    programme = out.session.get(Programme, pair.programme_id)
    application = out.session.exec(
        select(Application).where(
            Application.programme_id == pair.programme_id,
            Application.person_id == pair.mentee_person_id,
            Application.role == Role.mentee,
        )
    ).first()
    if programme is None or application is None or application.status not in KEPT:
        return
    application.status = ApplicationStatus.eligible
    out.session.add(application)
    out.session.flush()
    offer_fresh_round(out, programme, application)
