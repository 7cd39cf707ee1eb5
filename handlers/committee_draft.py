"""A committee programme's draft: the engine places each waiting mentee with a mentor, the
coordinators review it, move a mentee (with a reason), lock a placement, then publish.

```mermaid
stateDiagram-v2
    [*] --> draft: close of applications, `mentorbot match`, /admin matching (refresh_draft)
    draft --> draft: move (hard rules checked, reason kept, locked) / lock / unlock
    draft --> draft: refresh: locked placements kept, the others recomputed
    draft --> [*]: publish: each placement becomes a committee pair, the mentor is asked
```

The draft lives in `Placement` rows (one per placed mentee). `refresh_draft` reruns the engine
over the waiting mentees with the locked placements fixed (`locked=`), rewrites the unlocked ones
and drops those of mentees no longer waiting. `publish_draft` asks each placement's mentor as
`committee_pair` does; a placement whose mentor is full or no longer eligible forms no pair and
is named to the admins; mentees left without a pair are told so. The CLI (`mentorbot match`)
and /admin matching both call these; callers audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from bot.domain.cohort import MenteeDraft
from handlers.committee import (
    Refusal,
    check_pair,
    committee_pair,
    pair_score,
    programme_chains,
    refusal,
)
from handlers.outgoing import Outgoing
from handlers.ui import Message
from messages.catalog import t
from storage.cohort import cohort_draft, waiting_mentees
from storage.matching import mentor_profiles
from storage.models import Application, Person, Placement, Programme
from storage.placements import drop, drop_all, place, placements_of, set_locked


@dataclass(frozen=True)
class DraftRow:
    """One waiting mentee of the draft: the engine's view, and where the draft places them."""

    application: Application
    name: str
    draft: MenteeDraft
    placement: Placement | None = None
    mentor: str = ""
    released: bool = False  # a lock the engine could no longer honour (mentor full, gone, rule)


@dataclass(frozen=True)
class DraftPublished:
    """What publishing the draft did: pairs asked, placements refused (mentee name and rule),
    and the mentees left without a pair (told so)."""

    paired: int
    refused: list[tuple[str, Refusal]] = field(default_factory=list)
    without: int = 0


def _names(session: Session, applications: list[int]) -> dict[int, str]:
    """Display names by application id."""
    rows = session.exec(
        select(Application.id, Person.display_name)
        .join(Person, col(Person.id) == col(Application.person_id))
        .where(col(Application.id).in_(applications))
    ).all()
    return {app_id: name or "?" for app_id, name in rows}


def refresh_draft(session: Session, programme: Programme, now: datetime) -> list[DraftRow]:
    """Run the engine again over the waiting mentees, keeping locked placements; store and
    return the draft, one row per waiting mentee in application order."""
    assert programme.id is not None
    waiting = waiting_mentees(session, programme)
    waiting_ids = {a.id for a in waiting}
    stored = placements_of(session, programme.id)
    for mentee_id, placement in list(stored.items()):
        if mentee_id not in waiting_ids:
            drop(session, placement)
            del stored[mentee_id]
    pool = {m.application_id for m in mentor_profiles(session, programme)}
    locked = {
        mentee_id: p.mentor_application_id
        for mentee_id, p in stored.items()
        if p.locked and p.mentor_application_id in pool
    }
    drafts = cohort_draft(session, programme, waiting, locked=locked)
    released: set[int] = set()
    for application, draft in zip(waiting, drafts, strict=True):
        placement = stored.get(application.id)  # type: ignore[arg-type]
        if placement is not None and placement.locked:
            if _honoured(draft, placement):
                continue
            placement.locked = False  # the engine places the mentee afresh below
            released.add(application.id)  # type: ignore[arg-type]
        if draft.placed and draft.suggestions:
            first = draft.suggestions[0]
            stored[application.id] = place(  # type: ignore[index]
                session, placement, programme.id, application.id,  # type: ignore[arg-type]
                first.mentor.application_id, first.score, first.reasons, now,
            )  # fmt: skip
        elif placement is not None:
            drop(session, placement)
            del stored[application.id]  # type: ignore[arg-type]
    session.flush()
    return _rows(session, waiting, drafts, stored, released)


def _honoured(draft: MenteeDraft, placement: Placement) -> bool:
    """Whether the engine kept a locked placement (it drops one whose mentor has no place
    left, left the pool, or now breaks a hard rule)."""
    return (
        draft.placed
        and bool(draft.suggestions)
        and draft.suggestions[0].mentor.application_id == placement.mentor_application_id
    )


def _rows(
    session: Session,
    waiting: list[Application],
    drafts: list[MenteeDraft],
    stored: dict[int, Placement],
    released: set[int],
) -> list[DraftRow]:
    ids = [a.id for a in waiting] + [p.mentor_application_id for p in stored.values()]
    names = _names(session, ids)  # type: ignore[arg-type]
    rows = []
    for application, draft in zip(waiting, drafts, strict=True):
        placement = stored.get(application.id)  # type: ignore[arg-type]
        mentor = names.get(placement.mentor_application_id, "?") if placement else ""
        name = names.get(application.id, "?")  # type: ignore[arg-type]
        rows.append(
            DraftRow(application, name, draft, placement, mentor, application.id in released)
        )
    return rows


def move(
    session: Session,
    programme: Programme,
    mentee_id: int,
    mentor_id: int,
    reason: str,
    by: int | None,
    now: datetime,
) -> Placement | Refusal:
    """Place the mentee (a person) with the mentor (a person) in the draft, locked, for
    `reason`; or the rule that refuses it. The rest of the draft is then recomputed."""
    if not reason.strip():
        return refusal(session, programme, "reason", mentee_id, mentor_id)
    checked = check_pair(session, programme, mentee_id, mentor_id)
    if isinstance(checked, Refusal):
        return checked
    if checked.mentee.id not in {a.id for a in waiting_mentees(session, programme)}:
        return refusal(session, programme, "mentee_proposed", mentee_id, mentor_id)
    assert programme.id is not None and checked.mentee.id is not None
    stored = placements_of(session, programme.id)
    taken = sum(
        1
        for p in stored.values()
        if p.locked
        and p.mentor_application_id == checked.mentor.id
        and p.mentee_application_id != checked.mentee.id
    )
    if checked.mentor_profile.free_places - taken <= 0:
        return refusal(session, programme, "full", mentee_id, mentor_id)
    score, reasons = pair_score(programme, checked.mentee_profile, checked.mentor_profile)
    placement = place(
        session, stored.get(checked.mentee.id), programme.id, checked.mentee.id,
        checked.mentor.id, score, reasons, now,  # type: ignore[arg-type]
    )  # fmt: skip
    placement.locked = True
    placement.moved_reason = reason.strip()[:500]
    placement.moved_by_person_id = by
    session.add(placement)
    session.flush()
    refresh_draft(session, programme, now)
    return placement


def lock(
    session: Session,
    programme: Programme,
    mentee_applications: list[int],
    locked: bool,
    now: datetime,
) -> int:
    """Lock (or unlock) the placements of these mentee applications; how many changed."""
    assert programme.id is not None
    stored = placements_of(session, programme.id)
    changed = 0
    for mentee_id in mentee_applications:
        placement = stored.get(mentee_id)
        if placement is not None and placement.locked != locked:
            set_locked(session, placement, locked, now)
            changed += 1
    return changed


def publish_draft(
    out: Outgoing,
    programme: Programme,
    locale: str,
    each: Callable[[list[Application]], Iterable[Application]] = iter,
) -> DraftPublished:
    """Turn every placement into a committee pair (the mentor is asked), forget the draft, and
    tell the mentees left without a pair (`match_summary.tell_admins` tells the admins).

    Only a stored draft is published (what the coordinators reviewed): without one, nothing
    happens and nobody is told. `locale` is the publisher's: the pairs of
    unmoved placements keep, as the committee's reason, a text saying the draft placed them.
    `each` walks the waiting mentees (the command line shows its progress there)."""
    assert programme.id is not None
    stored = placements_of(out.session, programme.id)
    if not stored:
        return DraftPublished(0)
    waiting = waiting_mentees(out.session, programme)
    names = _names(out.session, [a.id for a in waiting])  # type: ignore[misc]
    draft_reason = t(locale, "draft-pair-reason")
    chains = programme_chains(out.session, programme)  # once: the rules of every pair need it
    paired, refused, without = 0, [], []
    for application in each(waiting):
        placement = stored.get(application.id)  # type: ignore[arg-type]
        mentor = (
            out.session.get(Application, placement.mentor_application_id) if placement else None
        )
        if placement is None or mentor is None:
            without.append(application)
            continue
        reason = placement.moved_reason or draft_reason
        made = committee_pair(
            out, programme, application.person_id, mentor.person_id, reason, chains
        )
        if isinstance(made, Refusal):
            refused.append((names.get(application.id, "?"), made))  # type: ignore[arg-type]
            without.append(application)
        else:
            paired += 1
    drop_all(out.session, programme.id)
    for application in without:
        out.notify(
            application.person_id,
            Message(
                out.t_for(application.person_id, "draft-mentee-unplaced", programme=programme.name)
            ),
            dedup_key=f"draft-unplaced:{programme.id}:{application.id}:{out.now.date()}",
        )
    return DraftPublished(paired, refused, len(without))
