"""Buttons for many people at once (a questionnaire wave's invitations, a pulse round): the same
rows `Outgoing.offer` writes, a prompt and an outbox row each, but a batch per statement.

Per batch: the keys already queued are read in one query and skipped; the older open prompts
of the same action are superseded in one update (unless asked not to); the prompts are inserted
in one statement, then the outbox rows, whose payload names each prompt. A key another replica
queued in between is left to it, and the prompt made for it here is closed at once, so nobody
ever gets two copies nor a live prompt without a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from storage.models import Outbox, Prompt
from storage.outbox import batches, enqueue_many, pending_row
from storage.types import utcnow

PayloadOf = Callable[["BulkOffer", int], dict[str, Any]]


@dataclass(frozen=True)
class BulkOffer:
    """One person's buttons, under a unique outbox key; the payload is made once the prompt
    exists (`open_offers`'s `make_payload`), since the buttons carry the prompt's id."""

    person_id: int
    action: str
    options: list[dict[str, Any]]
    context: dict[str, Any]
    dedup_key: str


def open_offers(
    session: Session,
    offers: Iterable[BulkOffer],
    make_payload: PayloadOf,
    *,
    supersede: bool = True,
) -> int:
    """Queue every offer whose key is new; how many were queued. `make_payload(offer,
    prompt_id)` gives the outbox payload (the choice with its prompt)."""
    queued = 0
    for batch in batches(offers):
        keys = [offer.dedup_key for offer in batch]
        taken = set(session.exec(select(Outbox.dedup_key).where(col(Outbox.dedup_key).in_(keys))))
        fresh = [offer for offer in batch if offer.dedup_key not in taken]
        if fresh:
            queued += _queue(session, fresh, make_payload, supersede)
    return queued


def _queue(
    session: Session, offers: list[BulkOffer], make_payload: PayloadOf, supersede: bool
) -> int:
    now = utcnow()  # as `enqueue` and `open_prompt` stamp rows: real time, even under a test clock
    if supersede:
        for action in {offer.action for offer in offers}:
            people = [offer.person_id for offer in offers if offer.action == action]
            session.execute(
                update(Prompt)
                .where(
                    col(Prompt.person_id).in_(people),
                    col(Prompt.action) == action,
                    col(Prompt.used_at).is_(None),
                )
                .values(superseded=True)
            )
    prompts = session.connection().execute(
        insert(Prompt.__table__).returning(  # type: ignore[attr-defined]
            Prompt.__table__.c.id,  # type: ignore[attr-defined]
            sort_by_parameter_order=True,
        ),
        [_prompt_row(offer, now) for offer in offers],
    )
    ids = [row[0] for row in prompts]
    rows = [
        pending_row(offer.person_id, make_payload(offer, prompt_id), offer.dedup_key)
        for offer, prompt_id in zip(offers, ids, strict=True)
    ]
    queued = enqueue_many(session, rows)
    lost = [pid for offer, pid in zip(offers, ids, strict=True) if offer.dedup_key not in queued]
    if lost:
        session.execute(update(Prompt).where(col(Prompt.id).in_(lost)).values(superseded=True))
    return len(queued)


def _prompt_row(offer: BulkOffer, now: datetime) -> dict[str, Any]:
    return {
        "person_id": offer.person_id,
        "action": offer.action,
        "options": offer.options,
        "context": offer.context,
        "created_at": now,
        "superseded": False,
    }
