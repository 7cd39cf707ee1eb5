"""Choosing a mentor and the mentor's answer (the proposals themselves: `handlers.proposals`).

```mermaid
stateDiagram-v2
    [*] --> picking: proposals shown (3 to 5, with reasons)
    picking --> picking: "other proposals" (once)
    picking --> picking: "none suits me" -> refused for good, fresh proposals when a mentor fits
    picking --> waiting: "none suits me" and nobody fits -> coordinators told
    picking --> asked: a mentor picked -> pair `proposed`
    asked --> awaiting_charter: mentor accepts (the other proposals are left behind)
    asked --> asked: mentor declines or does not answer in time -> next choice asked
    asked --> picking: no next choice left -> fresh proposals (never the mentor just left)
    asked --> waiting: no next choice, nobody fits
    waiting --> picking: a mentor arrives or a place frees up (`handlers.waiting`)
```

A declined or expired request frees the mentor's place: waiting mentees are offered it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from bot.domain.cohort import by_committee
from handlers.charter import send_charter
from handlers.context import Ctx
from handlers.mentions import person_ref
from handlers.outgoing import Outgoing
from handlers.proposals import (
    fresh_suggestions,
    offer_fresh_round,
    offer_proposals,
    offer_suggestions,
    present,
    profile_text,
)
from handlers.reasons import ask_private_reason
from handlers.router import Router
from handlers.waiting import offer_waiting
from messages.catalog import format_when
from storage.enums import ApplicationStatus, PairState
from storage.matching import (
    REFUSED,
    SHOWN,
    latest_round,
    places_taken,
    proposals_of,
    supersede_open,
)
from storage.models import Application, Pair, Person, Programme, Proposal
from storage.people import coordinators_for


def after_eligible_mentee(ctx: Ctx, programme: Programme, application: Application) -> None:
    """Show proposals now, or say when they will come."""
    if programme.matching != "on_apply":
        ctx.say(f"apply-next-mentee-{programme.matching}")
        return
    if latest_round(ctx.session, application.id) == 0:
        offer_proposals(ctx, programme, application, 1)


def ask_mentor(out: Outgoing, programme: Programme, proposal: Proposal) -> Pair:
    """Create the pair and ask the mentor, who has the programme's delay to answer."""
    mentee_app = out.session.get(Application, proposal.mentee_application_id)
    mentor_app = out.session.get(Application, proposal.mentor_application_id)
    assert mentee_app is not None and mentor_app is not None
    proposal.status = "asked"
    out.session.add(proposal)
    pair = Pair(
        programme_id=programme.id,
        mentor_person_id=mentor_app.person_id,
        mentee_person_id=mentee_app.person_id,
        proposal_id=proposal.id,
        answer_due_at=out.now + timedelta(days=programme.answer_delay_days),
        requested_at=out.now,
    )
    out.session.add(pair)
    out.session.flush()
    mentor = mentor_app.person_id
    request = "mentor-request-committee" if by_committee(proposal.reasons) else "mentor-request"
    text = "\n".join(
        [
            out.t_for(mentor, request, days=programme.answer_delay_days),
            profile_text(out, mentor, mentee_app),
            out.t_for(
                mentor,
                "mentor-request-expectations",
                text=mentee_app.answers.get("expectations", ""),
            ),
        ]
    )
    options = [
        (out.t_for(mentor, "mentor-accept"), "accept"),
        (out.t_for(mentor, "mentor-decline"), "decline"),
    ]
    out.offer(mentor, text, options, "mentor-answer", {"pair": pair.id})
    return pair


def forward(out: Outgoing, pair: Pair, why: str) -> None:
    """After a decline, a silence or the mentor's erasure: ask the mentee's next choice, else
    offer fresh proposals (never the mentor just left); then the freed place goes to the
    mentees waiting for one."""
    programme = out.session.get(Programme, pair.programme_id)
    proposal = out.session.get(Proposal, pair.proposal_id)
    assert programme is not None and proposal is not None
    application = out.session.get(Application, proposal.mentee_application_id)
    assert application is not None
    former = out.session.get(Person, pair.mentor_person_id)
    name = former.display_name if former else "?"
    if application.status != ApplicationStatus.eligible:  # the mentee left the programme too
        offer_waiting(out, programme)
        return
    for candidate in proposals_of(out.session, application.id, proposal.round):
        if candidate.status != SHOWN or not _has_room(out, programme, candidate):
            continue
        new_pair = ask_mentor(out, programme, candidate)
        other = out.session.get(Person, new_pair.mentor_person_id)
        out.tell(
            application.person_id,
            f"mentee-forwarded-{why}",
            name=name,
            next=other.display_name if other else "?",
        )
        break
    else:
        _back_to_picking(out, programme, application, why, name)
    offer_waiting(out, programme, besides={application.person_id})


def _back_to_picking(
    out: Outgoing, programme: Programme, application: Application, why: str, name: str
) -> None:
    """No next choice left: the engine's fresh round, or the truth that nobody fits now."""
    assert application.id is not None
    supersede_open(out.session, application.id)
    round_ = latest_round(out.session, application.id) + 1
    if programme.matching == "committee":
        out.tell(application.person_id, f"mentee-back-to-committee-{why}", name=name)
        offer_proposals(out, programme, application, round_)
        return
    suggestions = fresh_suggestions(out, programme, application)
    back = "picking" if suggestions else "waiting"
    out.tell(application.person_id, f"mentee-back-to-{back}-{why}", name=name)
    offer_suggestions(out, programme, application, suggestions, round_)


def _refuse_shown(out: Outgoing, application: Application) -> None:
    """ "None suits me": the proposals not acted on are refused, never to be proposed again
    (`storage.cohort.candidate`); until a fresh round comes, the mentee waits."""
    shown = out.session.exec(
        select(Proposal).where(
            Proposal.mentee_application_id == application.id, Proposal.status == SHOWN
        )
    )
    for proposal in shown:
        proposal.status = REFUSED
        out.session.add(proposal)


def _more(ctx: Ctx, programme: Programme, application: Application, round_: int) -> None:
    """Other proposals (once); when no other mentor fits, the same ones again."""
    committee = programme.matching == "committee"
    suggestions = [] if committee else fresh_suggestions(ctx, programme, application)
    if suggestions:
        offer_suggestions(ctx, programme, application, suggestions, round_ + 1)
        return
    ctx.say("proposals-no-more")
    present(ctx, application, proposals_of(ctx.session, application.id, round_), 0)  # type: ignore[arg-type]


def _none_suits(ctx: Ctx, programme: Programme, application: Application) -> None:
    """The round is turned down for good: fresh proposals when a mentor fits; else the mentee
    waits and the coordinators are told (a committee programme: its committee, as before)."""
    _refuse_shown(ctx, application)
    committee = programme.matching == "committee"
    suggestions = [] if committee else fresh_suggestions(ctx, programme, application)
    if suggestions:
        ctx.say("proposals-declined-all-fresh")
        round_ = latest_round(ctx.session, application.id) + 1  # type: ignore[arg-type]
        offer_suggestions(ctx, programme, application, suggestions, round_)
        return
    coordinators = coordinators_for(ctx.session, programme.id, None)
    ctx.say("proposals-declined-all", told="yes" if coordinators else "no")
    for coordinator in coordinators:
        ctx.tell(coordinator, "coordinator-all-declined", name=ctx.person.display_name)


def _picked(ctx: Ctx, programme: Programme, application: Application, proposal_id: int) -> None:
    """Ask the mentor picked; a mentor filled up meanwhile: the others, or a fresh round."""
    proposal = ctx.session.get(Proposal, proposal_id)
    if (
        proposal is None
        or proposal.status != SHOWN
        or proposal.mentee_application_id != application.id
    ):
        ctx.say("error-button-stale")
        return
    if _has_room(ctx, programme, proposal):
        pair = ask_mentor(ctx, programme, proposal)
        mentor = ctx.session.get(Person, pair.mentor_person_id)
        when = format_when(pair.answer_due_at, ctx.person.locale, ctx.person.timezone)
        ctx.say("proposals-asked", name=mentor.display_name if mentor else "?", when=when)
        return
    shown = proposals_of(ctx.session, application.id, proposal.round)  # type: ignore[arg-type]
    if any(p.status == SHOWN and _has_room(ctx, programme, p) for p in shown):
        ctx.say("proposals-mentor-full")
        present(ctx, application, shown, 0)
    else:
        ctx.say("proposals-mentor-full-alone")
        offer_fresh_round(ctx, programme, application)


def _has_room(out: Outgoing, programme: Programme, proposal: Proposal) -> bool:
    mentor_app = out.session.get(Application, proposal.mentor_application_id)
    if mentor_app is None or mentor_app.status != ApplicationStatus.eligible:
        return False
    return places_taken(out.session, programme.id, mentor_app.person_id) < programme.mentor_capacity


def register(router: Router) -> None:
    @router.action("pick-mentor")
    def pick(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Ask the picked mentor, show other proposals once, or turn the round down."""
        application = ctx.session.get(Application, context["application"])
        programme = ctx.session.get(Programme, application.programme_id) if application else None
        if (
            application is None
            or programme is None
            or application.status != ApplicationStatus.eligible
        ):
            ctx.say("error-button-stale")
        elif value == "more":
            _more(ctx, programme, application, context["round"])
        elif value == "none":
            _none_suits(ctx, programme, application)
        else:
            _picked(ctx, programme, application, int(value[1:]))

    @router.action("mentor-answer")
    def answer(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Accept (the charter comes next) or decline (the mentee's next choice is asked)."""
        pair = ctx.session.get(Pair, context["pair"])
        if pair is None or pair.mentor_person_id != ctx.me or pair.state != PairState.proposed:
            ctx.say("mentor-request-gone")
            return
        if value == "accept":
            accept(ctx, pair)
            return
        pair.state, pair.ended_at = PairState.declined, ctx.now
        ctx.session.add(pair)
        ctx.say("mentor-declined")
        ask_private_reason(ctx, pair, "decline_reason")
        forward(ctx, pair, "declined")


def accept(ctx: Ctx, pair: Pair) -> None:
    """The pair is formed: the mentee's other proposals are left behind, the charter comes."""
    pair.state, pair.accepted_at = PairState.awaiting_charter, ctx.now
    ctx.session.add(pair)
    proposal = ctx.session.get(Proposal, pair.proposal_id)
    mentee_app = ctx.session.get(Application, proposal.mentee_application_id) if proposal else None
    if mentee_app is not None:
        mentee_app.status = ApplicationStatus.matched
        ctx.session.add(mentee_app)
        supersede_open(ctx.session, mentee_app.id)  # type: ignore[arg-type]
    ctx.say("mentor-accepted")
    ctx.tell(pair.mentee_person_id, "mentee-accepted", name=person_ref(ctx.person))
    for person_id in (pair.mentor_person_id, pair.mentee_person_id):
        send_charter(ctx, pair, person_id)
