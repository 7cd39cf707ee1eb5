"""Showing a mentee a round of proposals: computed by the engine (`storage.cohort`), stored,
and sent with a short profile of each mentor and the reasons; or, when nobody fits, the mentee
told so and the coordinators asked to help.

`matching_flow` (picking, the mentor's answer), `waiting` (proposals when a mentor arrives or a
place frees up), re-pairing after an ended pair and the cohort's publishing all send through it.
"""

from __future__ import annotations

from bot.domain.matching import Suggestion
from handlers.outgoing import Outgoing
from messages.catalog import join_clauses
from storage.cohort import cohort_draft
from storage.matching import latest_round, supersede_open
from storage.models import Application, Person, Programme, Proposal
from storage.people import coordinators_for


def fresh_suggestions(
    out: Outgoing, programme: Programme, application: Application
) -> list[Suggestion]:
    """What the engine proposes to this mentee now, over the whole pool (empty when none fits)."""
    return cohort_draft(out.session, programme, [application])[0].suggestions


def offer_proposals(
    out: Outgoing, programme: Programme, application: Application, round_: int
) -> bool:
    """Compute and send a round of proposals; False (and coordinators told) if nobody fits.
    In a committee programme the committee proposes: it is told, and the mentee told so."""
    if programme.matching == "committee":
        return _nobody(out, programme, application, "proposals-committee", "coordinator-committee")
    suggestions = fresh_suggestions(out, programme, application)
    return offer_suggestions(out, programme, application, suggestions, round_)


def offer_fresh_round(out: Outgoing, programme: Programme, application: Application) -> bool:
    """Re-pairing: leave the mentee's open proposals behind and send the engine's next round."""
    assert application.id is not None
    supersede_open(out.session, application.id)
    round_ = latest_round(out.session, application.id) + 1
    return offer_proposals(out, programme, application, round_)


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
    waiting = "yes" if programme.matching == "on_apply" else "no"  # offer_waiting will write
    out.tell(app.person_id, said, told="yes" if coordinators else "no", waiting=waiting)
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


def profile_text(out: Outgoing, reader_id: int, application: Application) -> str:
    """One line about the applicant, as `reader_id` reads it."""
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
            f"{number}. {profile_text(out, reader, mentor_app)}",
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
