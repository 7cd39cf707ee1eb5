"""Choosing a mentor and the mentor's answer.

```mermaid
stateDiagram-v2
    [*] --> picking: proposals shown (3 to 5, with reasons)
    picking --> picking: "other proposals" (once)
    picking --> none_suited: "none suits me" -> proposals refused, coordinators told
    picking --> asked: a mentor picked -> pair `proposed`
    asked --> awaiting_charter: mentor accepts
    asked --> asked: mentor declines or does not answer in time -> next choice asked
    asked --> picking: no next choice left -> fresh proposals
```
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from bot.domain.cohort import by_committee
from bot.domain.matching import Suggestion
from handlers.charter import send_charter
from handlers.context import Ctx
from handlers.mentions import person_ref
from handlers.outgoing import Outgoing
from handlers.reasons import ask_private_reason
from handlers.router import Router
from handlers.standing import REFUSED
from messages.catalog import format_when, join_clauses
from storage.cohort import cohort_draft
from storage.enums import ApplicationStatus, PairState
from storage.matching import latest_round, places_taken, proposals_of
from storage.models import Application, Pair, Person, Programme, Proposal
from storage.people import coordinators_for


def after_eligible_mentee(ctx: Ctx, programme: Programme, application: Application) -> None:
    """Show proposals now, or say when they will come."""
    if programme.matching != "on_apply":
        ctx.say("apply-next-mentee-later")
        return
    if latest_round(ctx.session, application.id) == 0:
        offer_proposals(ctx, programme, application, 1)


def offer_proposals(
    out: Outgoing, programme: Programme, application: Application, round_: int
) -> bool:
    """Compute and send a round of proposals; False (and coordinators told) if nobody fits.
    In a committee programme the committee proposes: it is told, and the mentee told so."""
    if programme.matching == "committee":
        return _nobody(out, programme, application, "proposals-committee", "coordinator-committee")
    suggestions = cohort_draft(out.session, programme, [application])[0].suggestions
    return offer_suggestions(out, programme, application, suggestions, round_)


def offer_suggestions(
    out: Outgoing,
    programme: Programme,
    application: Application,
    suggestions: list[Suggestion],
    round_: int,
) -> bool:
    """Store and send a round of proposals; False (and coordinators told) when there are none."""
    if not suggestions:
        return _nobody(out, programme, application, "proposals-none", "coordinator-no-mentor")
    proposals = [
        _store(out, programme, application, s, round_, rank)
        for rank, s in enumerate(suggestions, 1)
    ]
    present(out, application, proposals, round_)
    return True


def _nobody(out: Outgoing, programme: Programme, app: Application, said: str, told: str) -> bool:
    person = out.session.get(Person, app.person_id)
    coordinators = coordinators_for(out.session, programme.id, None)
    out.tell(app.person_id, said, told="yes" if coordinators else "no")
    for coordinator in coordinators:
        out.tell(coordinator, told, name=person.display_name if person else "?")
    return False


def _store(
    out: Outgoing,
    programme: Programme,
    application: Application,
    suggestion: Suggestion,
    round_: int,
    rank: int,
) -> Proposal:
    proposal = Proposal(
        programme_id=programme.id,
        mentee_application_id=application.id,
        mentor_application_id=suggestion.mentor.application_id,
        round=round_,
        rank=rank,
        score=suggestion.score,
        reasons=suggestion.reasons,
    )
    out.session.add(proposal)
    out.session.flush()
    return proposal


def _profile_text(out: Outgoing, reader_id: int, application: Application) -> str:
    person = out.session.get(Person, application.person_id)
    answers = application.answers
    return out.t_for(
        reader_id,
        "profile-line",
        name=person.display_name if person else "?",
        job=answers.get("job", ""),
        organisation=answers.get("organisation", ""),
        city=answers.get("location", ""),
        years=int(answers.get("years") or 0),
        topics=", ".join(answers.get("topics", [])),
        format=out.t_for(reader_id, f"format-{answers.get('format', 'any')}"),
    )


def present(
    out: Outgoing, application: Application, proposals: list[Proposal], round_: int
) -> None:
    """Send the mentee the proposals of a round, each with a short profile and its reasons."""
    reader = application.person_id
    lines = [out.t_for(reader, "proposals-intro", count=len(proposals))]
    options: list[tuple[str, str]] = []
    for number, proposal in enumerate(proposals, 1):
        mentor_app = out.session.get(Application, proposal.mentor_application_id)
        assert mentor_app is not None
        reasons = join_clauses(
            (
                out.t_for(reader, r["key"], **{k: v for k, v in r.items() if k != "key"})
                for r in proposal.reasons
            ),
            out.locale_of(reader),
        )
        lines += [
            "",
            f"{number}. {_profile_text(out, reader, mentor_app)}",
            out.t_for(reader, "proposals-why", reasons=reasons),
        ]
        name = out.session.get(Person, mentor_app.person_id)
        options.append(
            (
                out.t_for(
                    reader, "proposals-pick", number=number, name=name.display_name if name else "?"
                ),
                f"p{proposal.id}",
            )
        )
    if round_ == 1:
        options.append((out.t_for(reader, "proposals-more"), "more"))
    options.append((out.t_for(reader, "proposals-decline-all"), "none"))
    out.offer(
        reader,
        "\n".join(lines),
        options,
        "pick-mentor",
        {"application": application.id, "round": round_},
    )


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
            _profile_text(out, mentor, mentee_app),
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
    """After a decline or a silence: ask the mentee's next choice, else offer fresh proposals."""
    programme = out.session.get(Programme, pair.programme_id)
    proposal = out.session.get(Proposal, pair.proposal_id)
    assert programme is not None and proposal is not None
    application = out.session.get(Application, proposal.mentee_application_id)
    assert application is not None
    former = out.session.get(Person, pair.mentor_person_id)
    name = former.display_name if former else "?"
    for candidate in proposals_of(out.session, application.id, proposal.round):
        if candidate.status != "shown" or not _has_room(out, programme, candidate):
            continue
        new_pair = ask_mentor(out, programme, candidate)
        other = out.session.get(Person, new_pair.mentor_person_id)
        out.tell(
            application.person_id,
            f"mentee-forwarded-{why}",
            name=name,
            next=other.display_name if other else "?",
        )
        return
    back = "committee" if programme.matching == "committee" else "picking"
    out.tell(application.person_id, f"mentee-back-to-{back}-{why}", name=name)
    offer_proposals(out, programme, application, latest_round(out.session, application.id) + 1)


def _refuse_shown(out: Outgoing, application: Application) -> None:
    """ "None suits me": the proposals not acted on are refused, so that /status says the
    mentee waits for new ones, and the cohort matching counts the mentee as waiting."""
    shown = out.session.exec(
        select(Proposal).where(
            Proposal.mentee_application_id == application.id, Proposal.status == "shown"
        )
    )
    for proposal in shown:
        proposal.status = REFUSED
        out.session.add(proposal)


def _has_room(out: Outgoing, programme: Programme, proposal: Proposal) -> bool:
    mentor_app = out.session.get(Application, proposal.mentor_application_id)
    if mentor_app is None or mentor_app.status != ApplicationStatus.eligible:
        return False
    return places_taken(out.session, programme.id, mentor_app.person_id) < programme.mentor_capacity


def register(router: Router) -> None:
    @router.action("pick-mentor")
    def pick(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Ask the picked mentor, show other proposals once, or tell coordinators none suits."""
        application = ctx.session.get(Application, context["application"])
        programme = ctx.session.get(Programme, application.programme_id) if application else None
        if (
            application is None
            or programme is None
            or application.status != ApplicationStatus.eligible
        ):
            ctx.say("error-button-stale")
            return
        if value == "more":
            if not offer_proposals(ctx, programme, application, context["round"] + 1):
                present(
                    ctx, application, proposals_of(ctx.session, application.id, context["round"]), 0
                )
            return
        if value == "none":
            _refuse_shown(ctx, application)
            coordinators = coordinators_for(ctx.session, programme.id, None)
            ctx.say("proposals-declined-all", told="yes" if coordinators else "no")
            for coordinator in coordinators:
                ctx.tell(coordinator, "coordinator-all-declined", name=ctx.person.display_name)
            return
        proposal = ctx.session.get(Proposal, int(value[1:]))
        if proposal is None or proposal.status != "shown":
            ctx.say("error-button-stale")
        elif not _has_room(ctx, programme, proposal):
            ctx.say("proposals-mentor-full")
            present(ctx, application, proposals_of(ctx.session, application.id, proposal.round), 0)
        else:
            pair = ask_mentor(ctx, programme, proposal)
            mentor = ctx.session.get(Person, pair.mentor_person_id)
            when = format_when(pair.answer_due_at, ctx.person.locale, ctx.person.timezone)
            ctx.say("proposals-asked", name=mentor.display_name if mentor else "?", when=when)

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
    pair.state, pair.accepted_at = PairState.awaiting_charter, ctx.now
    ctx.session.add(pair)
    proposal = ctx.session.get(Proposal, pair.proposal_id)
    mentee_app = ctx.session.get(Application, proposal.mentee_application_id) if proposal else None
    if mentee_app is not None:
        mentee_app.status = ApplicationStatus.matched
        ctx.session.add(mentee_app)
    ctx.say("mentor-accepted")
    ctx.tell(pair.mentee_person_id, "mentee-accepted", name=person_ref(ctx.person))
    for person_id in (pair.mentor_person_id, pair.mentee_person_id):
        send_charter(ctx, pair, person_id)
