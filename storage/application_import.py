"""Imported applications: the rows a coordinator's file creates, and personal invitations.

`import_row` creates (or finds, by account) the person and stores one application per role with
`source="import"` and status `submitted`: it counts only once the person confirms it in the chat
(`handlers.imported`). A person known by an e-mail address only gets no account but an
`Invitation`: `/start CODE` lets whoever types it take the applications over (`take_over`).

An application the person already made in the chat (eligible, ineligible or matched) is kept as
it is and reported; a draft, a withdrawn one or an imported one still awaiting confirmation is
replaced.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.domain.accounts import Account
from bot.domain.application_rows import ApplicationRow
from storage.enums import ApplicationStatus
from storage.models import Application, Identity, Invitation, Person, Programme
from storage.people import find_identity, referenced

IMPORT = "import"
EMAIL_KEY = "email"  # kept in the answers of a person known by e-mail only, until taken over
CODE_BYTES = 12  # 16 characters of A-Z a-z 0-9 _ -: a Telegram deep link takes up to 64
REPLACEABLE = (ApplicationStatus.draft, ApplicationStatus.withdrawn)


@dataclass
class Imported:
    """What one row did: roles now awaiting confirmation, roles kept, how to reach the person."""

    line: int
    name: str
    account: str
    person_id: int
    roles: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    reachable: bool = False
    invitation: str = ""


@dataclass(frozen=True)
class TakeOver:
    """The outcome of `/start CODE`: `taken` (applications moved), `used`, or `mine` (used by
    this very person before)."""

    outcome: str
    programme_id: int


def awaiting_confirmation(
    session: Session, person_id: int, programme_id: int | None = None
) -> list[Application]:
    """The person's imported applications not confirmed yet, newest programme first."""
    query = select(Application).where(
        Application.person_id == person_id,
        Application.status == ApplicationStatus.submitted,
        Application.source == IMPORT,
    )
    if programme_id is not None:
        query = query.where(Application.programme_id == programme_id)
    order = (col(Application.programme_id).desc(), col(Application.role))
    return list(session.exec(query.order_by(*order)))


def import_row(
    session: Session, programme: Programme, row: ApplicationRow, account: Account, now: datetime
) -> Imported:
    """Store one row for `account` (the row's own, or the Slack account its e-mail led to)."""
    assert programme.id is not None
    answers = row.answers()
    if account.platform == "email":
        answers[EMAIL_KEY] = account.user
        person = _placeholder(session, programme.id, account.user) or _new_person(
            session, row, programme
        )
    else:
        person = _account_person(session, row, programme, account)
    assert person.id is not None
    done = Imported(row.line, row.name, str(row.account), person.id)
    for role in row.roles:
        stored = _store(session, programme.id, person.id, role, answers, now)
        (done.roles if stored else done.kept).append(role)
    if done.roles:
        person.organisation, person.unit = row.organisation, row.unit
        person.manager, person.location = row.manager, row.location
        person.display_name = person.display_name or row.name
        person.programme_id = programme.id
        session.add(person)
    done.reachable = account.platform != "email"
    if not done.reachable and done.roles:
        done.invitation = invitation_for(session, person.id, programme.id, now).code
    session.flush()
    return done


def _new_person(session: Session, row: ApplicationRow, programme: Programme) -> Person:
    """A person for the row, in the programme's language and time zone."""
    person = Person(display_name=row.name, locale=programme.locale, timezone=programme.timezone)
    session.add(person)
    session.flush()
    return person


def _account_person(
    session: Session, row: ApplicationRow, programme: Programme, account: Account
) -> Person:
    identity = find_identity(session, account.platform, account.team, account.user)
    if identity is not None:
        person = session.get(Person, identity.person_id)
        assert person is not None
        return person
    person = _new_person(session, row, programme)
    chat_key = account.user if account.platform == "telegram" else ""
    session.add(
        Identity(
            person_id=person.id,
            platform=account.platform,
            team=account.team,
            user_key=account.user,
            chat_key=chat_key,
        )
    )
    return person


def _placeholder(session: Session, programme_id: int, email: str) -> Person | None:
    """The person an earlier import made for this e-mail address, not taken over yet."""
    rows = session.exec(
        select(Application, Person)
        .join(Person, col(Person.id) == col(Application.person_id))
        .join(Invitation, col(Invitation.person_id) == col(Person.id))
        .where(
            Application.programme_id == programme_id,
            Application.source == IMPORT,
            Invitation.programme_id == programme_id,
            col(Invitation.used_at).is_(None),
        )
    ).all()
    return next((person for app, person in rows if app.answers.get(EMAIL_KEY) == email), None)


def _store(
    session: Session,
    programme_id: int,
    person_id: int,
    role: str,
    answers: dict[str, Any],
    now: datetime,
) -> bool:
    """Create or replace the imported application; False when the person's own one stands."""
    application = session.exec(
        select(Application).where(
            Application.programme_id == programme_id,
            Application.person_id == person_id,
            Application.role == role,
        )
    ).first()
    if application is None:
        application = Application(programme_id=programme_id, person_id=person_id, role=role)
    elif not _replaceable(application):
        return False
    application.answers = dict(answers)
    application.status, application.source = ApplicationStatus.submitted, IMPORT
    application.ineligible_reason = ""
    application.submitted_at = application.updated_at = now
    session.add(application)
    return True


def _replaceable(application: Application) -> bool:
    awaiting = application.status == ApplicationStatus.submitted and application.source == IMPORT
    return awaiting or application.status in REPLACEABLE


def invitation_for(
    session: Session, person_id: int, programme_id: int, now: datetime
) -> Invitation:
    """The person's unused invitation to the programme, made when there is none."""
    found = session.exec(
        select(Invitation).where(
            Invitation.person_id == person_id,
            Invitation.programme_id == programme_id,
            col(Invitation.used_at).is_(None),
        )
    ).first()
    if found is not None:
        return found
    code = secrets.token_urlsafe(CODE_BYTES)
    while session.exec(select(Invitation.id).where(Invitation.code == code)).first() is not None:
        code = secrets.token_urlsafe(CODE_BYTES)
    invitation = Invitation(code=code, person_id=person_id, programme_id=programme_id)
    invitation.created_at = now
    session.add(invitation)
    session.flush()
    return invitation


def take_over(session: Session, code: str, speaker: Person, now: datetime) -> TakeOver | None:
    """Give the speaker what the invitation `code` was made for; None when no invitation has it.

    The placeholder's applications and details move onto the speaker (an application the
    speaker made in the chat stands), the name included: the coordinators' full name is the one
    managers are matched against. Its invitations are marked used, and the placeholder is
    deleted when nothing else refers to it.
    """
    invitation = session.exec(select(Invitation).where(Invitation.code == code[:32])).first()
    if invitation is None:
        return None
    if invitation.used_at is not None:
        mine = invitation.person_id == speaker.id
        return TakeOver("mine" if mine else "used", invitation.programme_id)
    placeholder = session.get(Person, invitation.person_id)
    assert placeholder is not None and speaker.id is not None
    for application in session.exec(
        select(Application).where(Application.person_id == placeholder.id)
    ).all():
        _move(session, application, speaker.id)
    for field_name in ("display_name", "organisation", "unit", "manager", "location"):
        value = getattr(placeholder, field_name)
        if value:
            setattr(speaker, field_name, value)
    speaker.programme_id = invitation.programme_id
    session.add(speaker)
    for held in session.exec(
        select(Invitation).where(Invitation.person_id == placeholder.id)
    ).all():
        held.person_id, held.used_at = speaker.id, held.used_at or now
        session.add(held)
    session.flush()
    if not referenced(session, placeholder.id):  # type: ignore[arg-type]
        session.delete(placeholder)
        session.flush()
    return TakeOver("taken", invitation.programme_id)


def _move(session: Session, application: Application, person_id: int) -> None:
    own = session.exec(
        select(Application).where(
            Application.programme_id == application.programme_id,
            Application.person_id == person_id,
            Application.role == application.role,
        )
    ).first()
    if own is not None and own.status not in REPLACEABLE:
        session.delete(application)
        session.flush()
        return
    if own is not None:
        session.delete(own)
        session.flush()
    application.person_id = person_id
    application.answers = {k: v for k, v in application.answers.items() if k != EMAIL_KEY}
    session.add(application)
    session.flush()
