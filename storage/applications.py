"""Applications and the programmes open to them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, or_, select

from storage.enums import ApplicationStatus
from storage.models import Application, Programme
from storage.types import utcnow

LIVE = (ApplicationStatus.submitted, ApplicationStatus.eligible, ApplicationStatus.matched)


def programmes_not_closed(session: Session, now: datetime) -> list[Programme]:
    """Programmes whose application window has not ended (open now, or opening later)."""
    return list(
        session.exec(
            select(Programme)
            .where(
                col(Programme.closed_at).is_(None),
                or_(
                    col(Programme.applications_close_at).is_(None),
                    col(Programme.applications_close_at) > now,
                ),
            )
            .order_by(col(Programme.id))
        )
    )


def latest_programme(session: Session) -> Programme | None:
    return session.exec(select(Programme).order_by(col(Programme.id).desc()).limit(1)).first()


def applications_of(session: Session, person_id: int) -> list[Application]:
    """The person's applications that are still alive, newest programme first."""
    return list(
        session.exec(
            select(Application)
            .where(Application.person_id == person_id, col(Application.status).in_(LIVE))
            .order_by(col(Application.programme_id).desc(), col(Application.role))
        )
    )


def save_application(
    session: Session,
    programme_id: int,
    person_id: int,
    role: str,
    answers: dict[str, Any],
    unmet: str,
) -> Application:
    """Create or replace the person's application for `role`; `unmet` names a failed rule."""
    application = session.exec(
        select(Application).where(
            Application.programme_id == programme_id,
            Application.person_id == person_id,
            Application.role == role,
        )
    ).first() or Application(programme_id=programme_id, person_id=person_id, role=role)
    now = utcnow()
    application.answers = dict(answers)
    application.status = ApplicationStatus.ineligible if unmet else ApplicationStatus.eligible
    application.ineligible_reason = unmet
    application.submitted_at = application.submitted_at or now
    application.updated_at = now
    session.add(application)
    session.flush()
    return application


def window_state(programme: Programme, now: datetime) -> str:
    """The applications window in a word or two, for the command line (English)."""
    opens, closes = programme.applications_open_at, programme.applications_close_at
    if opens is not None and now < opens:
        return f"open on {opens:%Y-%m-%d %H:%M} UTC"
    if closes is not None and now >= closes:
        return "closed"
    return f"open until {closes:%Y-%m-%d %H:%M} UTC" if closes else "open"
