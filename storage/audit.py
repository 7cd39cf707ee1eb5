"""The append-only audit log of coordinator actions and accesses to personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.models import AuditEvent


def record(
    session: Session,
    actor_person_id: int | None,
    action: str,
    target: str = "",
    **details: Any,
) -> None:
    session.add(
        AuditEvent(actor_person_id=actor_person_id, action=action, target=target, details=details)
    )


def events(
    session: Session,
    *,
    target: str | None = None,
    since: datetime | None = None,
    newest: int | None = None,
) -> list[AuditEvent]:
    """The events, oldest first: about `target` (a programme's slug) only, from `since` on; with
    `newest`, only that many of the latest."""
    query = select(AuditEvent)
    if target is not None:
        query = query.where(AuditEvent.target == target)
    if since is not None:
        query = query.where(col(AuditEvent.at) >= since)
    if newest is not None:
        latest = query.order_by(col(AuditEvent.id).desc()).limit(newest)
        return sorted(session.exec(latest), key=lambda event: event.id or 0)
    return list(session.exec(query.order_by(col(AuditEvent.id))))
