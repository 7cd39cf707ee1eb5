"""The append-only audit log of coordinator actions and accesses to personal data."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

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
