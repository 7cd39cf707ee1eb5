"""A committee programme's stored draft (`Placement`): one row per waiting mentee the engine (or
a coordinator) places with a mentor, until the draft is published.

Reading and writing only; what a placement may be and when it is recomputed lives in
`handlers.committee_draft`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, delete, select

from storage.models import Placement


def placements_of(session: Session, programme_id: int) -> dict[int, Placement]:
    """The programme's placements by mentee application id."""
    rows = session.exec(
        select(Placement).where(Placement.programme_id == programme_id).order_by(col(Placement.id))
    )
    return {row.mentee_application_id: row for row in rows}


def place(
    session: Session,
    placement: Placement | None,
    programme_id: int,
    mentee_application_id: int,
    mentor_application_id: int,
    score: float,
    reasons: list[dict[str, Any]],
    now: datetime,
) -> Placement:
    """Set (or create) the mentee's placement with this mentor; a move's marks are cleared."""
    if placement is None:
        placement = Placement(
            programme_id=programme_id,
            mentee_application_id=mentee_application_id,
            mentor_application_id=mentor_application_id,
            created_at=now,
        )
    placement.mentor_application_id = mentor_application_id
    placement.score = score
    placement.reasons = list(reasons)
    placement.moved_reason = ""
    placement.moved_by_person_id = None
    placement.updated_at = now
    session.add(placement)
    return placement


def set_locked(session: Session, placement: Placement, locked: bool, now: datetime) -> None:
    placement.locked = locked
    placement.updated_at = now
    session.add(placement)


def drop(session: Session, placement: Placement) -> None:
    session.delete(placement)


def drop_all(session: Session, programme_id: int) -> None:
    """Forget the programme's draft (once published)."""
    session.execute(delete(Placement).where(col(Placement.programme_id) == programme_id))


def draft_version(session: Session, programme_id: int) -> str:
    """A short fingerprint of the stored draft (who is placed with whom, what is locked): a
    button shown with one draft must not act on another."""
    rows = sorted(
        (p.mentee_application_id, p.mentor_application_id, p.locked)
        for p in placements_of(session, programme_id).values()
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
