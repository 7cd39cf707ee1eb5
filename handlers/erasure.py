"""A person leaves for good (`/erase`, or the end of a programme's retention): their open pairs
end, the other side is told and given a way forward, then their data is erased.

The other member hears it in their own language and never with the erased person's name or
words: a mentee whose mentor left gets the next choice asked or the engine's fresh proposals; a
mentor whose mentee left is free for another one, and the mentees waiting for a place are
offered it (`handlers.waiting`). A mentee who was shown the person as a mentor gets the
remaining proposals again, or a fresh round. Coordinators are told that the pair ended, naming
the member who stays only. An erased person never reaches the pool again
(`storage.matching.mentor_profiles`).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import or_, update
from sqlmodel import col, select

from handlers.matching_flow import forward
from handlers.outgoing import Outgoing
from handlers.pairing import end_pair, repair_mentee
from handlers.proposals import offer_fresh_round, present
from handlers.waiting import offer_waiting
from storage.enums import ApplicationStatus, PairState
from storage.erasure import erase_people, leave_programmes
from storage.matching import HOLDING, SHOWN, latest_round, open_pair_of, proposals_of
from storage.models import Application, Meeting, Pair, Programme, Prompt


def erase(out: Outgoing, people: Collection[int]) -> None:
    """End these people's open pairs (the other side told), then erase their data."""
    out.session.flush()
    leaving = sorted(set(people))
    # All of them leave the pool first: no one offered a place below may be offered them.
    affected = sorted(
        {row for person_id in leaving for row in leave_programmes(out.session, person_id)}
    )
    for person_id in leaving:
        pairs = out.session.exec(
            select(Pair)
            .where(
                or_(Pair.mentor_person_id == person_id, Pair.mentee_person_id == person_id),
                col(Pair.state).in_(HOLDING),
            )
            .order_by(col(Pair.id))
            .with_for_update()
        ).all()
        for pair in pairs:
            _leave(out, pair, person_id)
    for application_id, round_ in affected:
        _show_proposals_again(out, application_id, round_)
    erase_people(out.session, people, out.now)


def _leave(out: Outgoing, pair: Pair, person_id: int) -> None:
    other = pair.partner_of(person_id)
    leaving_mentor = person_id == pair.mentor_person_id
    _close_buttons(out, pair, other)
    if pair.state == PairState.proposed:
        pair.state, pair.ended_at, pair.ended_by_person_id = PairState.withdrawn, out.now, person_id
        out.session.add(pair)
        if leaving_mentor:
            forward(out, pair, "erased")
            return
        out.tell(other, "erase-left-request")
        programme = out.session.get(Programme, pair.programme_id)
        if programme is not None:
            offer_waiting(out, programme)
        return
    end_pair(out, pair, person_id, "erased-mentor" if leaving_mentor else "erased-mentee")
    if leaving_mentor:
        out.tell(other, "erase-left-pair-mentee")
        repair_mentee(out, pair)
    else:
        out.tell(other, "erase-left-pair-mentor")


def _close_buttons(out: Outgoing, pair: Pair, person_id: int) -> None:
    """The other member's open buttons about the pair (or its meetings) go stale now."""
    meetings = set(out.session.exec(select(Meeting.id).where(Meeting.pair_id == pair.id)))
    prompts = out.session.exec(
        select(Prompt).where(
            Prompt.person_id == person_id,
            col(Prompt.used_at).is_(None),
            col(Prompt.superseded).is_(False),
        )
    ).all()
    stale = [
        p.id
        for p in prompts
        if p.context.get("pair") == pair.id or p.context.get("meeting") in meetings
    ]
    if stale:
        out.session.execute(update(Prompt).where(col(Prompt.id).in_(stale)).values(superseded=True))


def _show_proposals_again(out: Outgoing, application_id: int, round_: int) -> None:
    """A mentee still choosing in the round that lost a mentor is shown what is left of it, or
    the engine's fresh round when nothing is left (or told truthfully that nobody fits yet)."""
    application = out.session.get(Application, application_id)
    if (
        application is None
        or application.status != ApplicationStatus.eligible
        or latest_round(out.session, application_id) != round_
        or open_pair_of(out.session, application.person_id) is not None
    ):
        return
    programme = out.session.get(Programme, application.programme_id)
    assert programme is not None
    left = [p for p in proposals_of(out.session, application_id, round_) if p.status == SHOWN]
    if left:
        out.tell(application.person_id, "erase-proposal-gone")
        present(out, application, left, round_)
        return
    out.tell(application.person_id, "erase-proposals-gone")
    offer_fresh_round(out, programme, application)
