"""Coordinators' broadcasts: who a programme's message reaches, and its copies queued in bulk.

Recipients by role: `mentee` or `mentor`, the people whose application of that role in the
programme is submitted, eligible or matched; `referent`, the programme's referents; no role,
mentees and mentors. Erased people and people the bot cannot reach (no account) never. Each
copy is an outbox row keyed `broadcast:<id>:<person>`, inserted a batch per statement, so
queueing a broadcast again sends nobody a second copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import case, exists, func
from sqlmodel import Session, col, select

from storage.enums import ApplicationStatus, Role
from storage.models import Application, Identity, Person
from storage.outbox import batches, enqueue_many, pending_row
from storage.referents import referents_of

REFERENT = "referent"
ROLES = (Role.mentee.value, Role.mentor.value, REFERENT)
LIVE = (ApplicationStatus.submitted, ApplicationStatus.eligible, ApplicationStatus.matched)
MAX_TEXT = 4000


def _members(programme_id: int, role: str, session: Session) -> Any:
    """The condition on Person for the people of `role` in the programme (erased ones out)."""
    if role == REFERENT:
        return col(Person.id).in_(referents_of(session, programme_id))
    roles = [role] if role else [Role.mentee.value, Role.mentor.value]
    applied = select(Application.person_id).where(
        Application.programme_id == programme_id,
        col(Application.role).in_(roles),
        col(Application.status).in_(LIVE),
    )
    return col(Person.id).in_(applied)


def _reachable() -> Any:
    """Whether the bot knows one of the person's messaging accounts."""
    return exists().where(col(Identity.person_id) == col(Person.id))


def recipients(session: Session, programme_id: int, role: str = "") -> list[tuple[int, str]]:
    """(person id, language) of everyone the broadcast reaches, in id order."""
    query = select(Person.id, Person.locale).where(
        col(Person.erased_at).is_(None), _reachable(), _members(programme_id, role, session)
    )
    rows = session.exec(query.order_by(col(Person.id))).all()
    return [(person_id, locale) for person_id, locale in rows]


def audience(session: Session, programme_id: int, role: str = "") -> tuple[int, int]:
    """How many people of `role` the programme has, and how many of them the bot can reach."""
    reachable = func.count(case((_reachable(), 1)))
    query = select(func.count(), reachable).where(
        col(Person.erased_at).is_(None), _members(programme_id, role, session)
    )
    members, reached = session.exec(query).one()
    return members, reached


def copy_key(broadcast_id: int, person_id: int) -> str:
    return f"broadcast:{broadcast_id}:{person_id}"


def queue_copies(
    session: Session,
    broadcast_id: int,
    copies: Iterable[tuple[int, dict[str, Any]]],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Queue (person, payload) copies of a broadcast, one insert per batch; returns how many
    were new (a copy queued before is left as it was). `progress` is told each batch's size."""
    queued = 0
    for batch in batches(copies):
        rows = [pending_row(p, payload, copy_key(broadcast_id, p)) for p, payload in batch]
        queued += len(enqueue_many(session, rows))
        if progress is not None:
            progress(len(rows))
    return queued
