"""Nobody stranded: with `on_apply` matching, the mentees waiting for proposals get them as soon
as a mentor fits, without anyone asking.

`offer_waiting` runs when a mentor becomes eligible (`handlers.cohort.after_eligible_mentor`)
and when a place frees up (a pair ends: `handlers.pairing.end_pair`, a declined or expired
request: `handlers.matching_flow.forward`, an erased mentee: `handlers.erasure`). The engine runs
once over every waiting mentee (`storage.cohort.waiting_mentees`) with the whole pool; each
mentee it now fits is told once, and gets one round of proposals.
"""

from __future__ import annotations

from collections.abc import Collection

from handlers.outgoing import Outgoing
from handlers.proposals import offer_suggestions
from storage.cohort import cohort_draft, waiting_mentees
from storage.matching import latest_round, supersede_open
from storage.models import Programme

NEWS = "proposals-now-available"


def offer_waiting(
    out: Outgoing, programme: Programme, *, news: str = NEWS, besides: Collection[int] = ()
) -> int:
    """Offer proposals to every waiting mentee a mentor now fits; how many got some.
    `news` is what they are told first; `besides` are people the caller answers itself."""
    if programme.matching != "on_apply" or programme.ended_at is not None:
        return 0
    waiting = [a for a in waiting_mentees(out.session, programme) if a.person_id not in besides]
    if not waiting:
        return 0
    offered = 0
    for application, drafted in zip(
        waiting, cohort_draft(out.session, programme, waiting), strict=True
    ):
        if not drafted.suggestions:
            continue
        assert application.id is not None
        supersede_open(out.session, application.id)  # proposals of mentors now full
        out.tell(application.person_id, news, count=len(drafted.suggestions))
        round_ = latest_round(out.session, application.id) + 1
        offered += offer_suggestions(out, programme, application, drafted.suggestions, round_)
    return offered
