"""The outbox: what waits to be delivered, claimed by one worker at a time, retried until sent.

A row's `dedup_key` is unique, so inserting the same nudge twice (two sweeps, two replicas) is a
no-op. Workers claim rows with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so each row is sent once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import and_, delete, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.enums import OutboxStatus
from storage.models import Identity, Outbox
from storage.types import utcnow

MAX_BACKOFF = timedelta(hours=1)
BATCH = 1000  # rows per statement when many are queued at once
T = TypeVar("T")


def enqueue(
    session: Session,
    person_id: int,
    kind: str,
    payload: dict[str, Any],
    *,
    dedup_key: str | None = None,
    due_at: datetime | None = None,
) -> int | None:
    """Queue a delivery; its id, or None when a row with the same `dedup_key` already exists."""
    values = pending_row(person_id, payload, dedup_key, kind=kind, due_at=due_at)
    statement = _insert(session).values(**values).on_conflict_do_nothing().returning(Outbox.id)
    return session.execute(statement).scalar()


def pending_row(
    person_id: int,
    payload: dict[str, Any],
    dedup_key: str | None,
    *,
    kind: str = "message",
    due_at: datetime | None = None,
) -> dict[str, Any]:
    """The values of a row waiting for delivery (due now unless `due_at`: the worker paces it)."""
    now = utcnow()
    return {
        "dedup_key": dedup_key,
        "person_id": person_id,
        "kind": kind,
        "payload": payload,
        "status": OutboxStatus.pending,
        "attempts": 0,
        "next_attempt_at": due_at or now,
        "created_at": now,
        "last_error": "",
    }


def _insert(session: Session) -> Any:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(Outbox.__table__)  # type: ignore[attr-defined]


def enqueue_many(session: Session, rows: list[dict[str, Any]]) -> set[str]:
    """Queue many `pending_row`s in one statement (Core, not the ORM's bulk path: a third of
    the time); the dedup keys actually queued (a key queued before is left as it was)."""
    table = Outbox.__table__  # type: ignore[attr-defined]
    statement = _insert(session).on_conflict_do_nothing().returning(table.c.dedup_key)
    return {key for (key,) in session.connection().execute(statement, rows)}


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def set_payload(session: Session, row_id: int, payload: dict[str, Any]) -> None:
    row = session.get(Outbox, row_id)
    assert row is not None
    row.payload = payload
    session.add(row)


def claim(
    session: Session, platform: str, now: datetime, limit: int
) -> list[tuple[Outbox, Identity]]:
    """Due rows whose person is reached on `platform`, locked for this transaction.

    A person with several accounts is reached on the first one they had, so that each row goes
    out on exactly one platform.
    """
    account = aliased(Identity)
    first_account = (
        select(func.min(account.id))
        .where(account.person_id == col(Outbox.person_id))
        .correlate(Outbox)
        .scalar_subquery()
    )
    rows = session.exec(
        select(Outbox, Identity)
        .join(Identity, col(Identity.id) == first_account)
        .where(
            Outbox.status == OutboxStatus.pending,
            col(Outbox.next_attempt_at) <= now,
            Identity.platform == platform,
        )
        .order_by(col(Outbox.id))
        .limit(limit)
        .with_for_update(skip_locked=True, of=Outbox)
    ).all()
    return [(row[0], row[1]) for row in rows]


def mark_sent(session: Session, row: Outbox, now: datetime) -> None:
    row.status, row.sent_at, row.attempts = OutboxStatus.sent, now, row.attempts + 1
    session.add(row)


def mark_retry(
    session: Session, row: Outbox, now: datetime, error: str, after: float | None = None
) -> None:
    """Try again later: after `after` seconds if the platform said so, else with back-off."""
    row.attempts += 1
    delay = timedelta(seconds=after) if after else timedelta(seconds=5 * 2 ** min(row.attempts, 12))
    row.next_attempt_at = now + min(delay, MAX_BACKOFF)
    row.last_error = error[:500]
    session.add(row)


def purge_done(session: Session, before: datetime) -> int:
    """Forget what was sent or given up before `before`: no message text outlives its delivery.

    A row with a `dedup_key` keeps its key (it is the record that this nudge went out, so it is
    never sent again) and loses its payload; a row without one is deleted. Returns the rows
    touched.
    """
    done = or_(
        and_(Outbox.status == OutboxStatus.sent, col(Outbox.sent_at) < before),
        and_(Outbox.status == OutboxStatus.failed, col(Outbox.next_attempt_at) < before),
    )
    deleted = session.execute(delete(Outbox).where(done, col(Outbox.dedup_key).is_(None)))
    emptied = session.execute(
        update(Outbox).where(done, col(Outbox.payload).is_not(None)).values(payload=None)
    )
    return int(deleted.rowcount or 0) + int(emptied.rowcount or 0)  # type: ignore[attr-defined]


def mark_failed(session: Session, row: Outbox, error: str) -> None:
    """The platform refused for good (the person blocked the bot): kept, not retried."""
    row.status, row.attempts, row.last_error = OutboxStatus.failed, row.attempts + 1, error[:500]
    session.add(row)
