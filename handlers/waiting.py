"""Nobody stranded: with `on_apply` matching, the mentees waiting for proposals get them as soon
as a mentor fits, without anyone asking.

`offer_waiting` runs when a mentor becomes eligible (`handlers.cohort.after_eligible_mentor`)
and when a place frees up (a pair ends: `handlers.pairing.end_pair`, a declined or expired
request: `handlers.matching_flow.forward`, an erased mentee: `handlers.erasure`). The engine runs
once over every waiting mentee (`storage.cohort.waiting_mentees`) and the mentors with room;
only the mentees its optimum places are told and get a round of proposals: a mentor with one
place is offered to one mentee, not announced to everyone waiting (the others keep waiting, and
hear when a place is theirs).
"""

from __future__ import annotations

from collections.abc import Collection

from handlers.outgoing import Outgoing
from handlers.proposals import offer_suggestions
from storage.cohort import cohort_draft, waiting_mentees
from storage.matching import latest_round, mentor_profiles, supersede_open
from storage.models import Programme

NEWS = "proposals-now-available"


def offer_waiting(
    out: Outgoing, programme: Programme, *, news: str = NEWS, besides: Collection[int] = ()
) -> int:
    """Offer proposals to the waiting mentees the mentors with room can take; how many got some.
    `news` is what they are told first; `besides` are people the caller answers itself."""
    if programme.matching != "on_apply" or programme.ended_at is not None:
        return 0
    waiting = [a for a in waiting_mentees(out.session, programme) if a.person_id not in besides]
    if not waiting:
        return 0
    with_room = [m for m in mentor_profiles(out.session, programme) if m.free_places > 0]
    if not with_room:
        return 0
    offered = 0
    drafts = cohort_draft(out.session, programme, waiting, mentors=with_room)
    for application, drafted in zip(waiting, drafts, strict=True):
        if not drafted.placed:
            continue
        assert application.id is not None
        supersede_open(out.session, application.id)  # proposals of mentors now full
        out.tell(application.person_id, news, count=len(drafted.suggestions))
        round_ = latest_round(out.session, application.id) + 1
        offered += offer_suggestions(out, programme, application, drafted.suggestions, round_)
    return offered
