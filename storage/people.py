"""People, their platform identities and their coordinator roles."""

from __future__ import annotations

from sqlmodel import Session, select

from storage.enums import GrantRole
from storage.models import Identity, Person, RoleGrant


def find_identity(session: Session, platform: str, team: str, user_key: str) -> Identity | None:
    return session.exec(
        select(Identity).where(
            Identity.platform == platform, Identity.team == team, Identity.user_key == user_key
        )
    ).first()


def identify(
    session: Session,
    platform: str,
    user_key: str,
    *,
    team: str = "",
    display_name: str = "",
    locale: str = "fr",
    timezone: str = "Europe/Paris",
    chat_key: str = "",
) -> Person:
    """The person behind a platform account, created on first contact."""
    identity = find_identity(session, platform, team, user_key)
    if identity is not None:
        person = session.get(Person, identity.person_id)
        assert person is not None
        if chat_key and identity.chat_key != chat_key:
            identity.chat_key = chat_key
            session.add(identity)
        return person
    person = Person(display_name=display_name[:200], locale=locale, timezone=timezone)
    session.add(person)
    session.flush()
    session.add(
        Identity(
            person_id=person.id,
            platform=platform,
            team=team,
            user_key=user_key,
            chat_key=chat_key,
        )
    )
    session.flush()
    return person


def identities_of(session: Session, person_id: int) -> list[Identity]:
    return list(session.exec(select(Identity).where(Identity.person_id == person_id)))


def grant(
    session: Session, person_id: int, role: GrantRole, programme_id: int | None = None
) -> None:
    """Give a coordinator role (no-op when already held)."""
    held = session.exec(
        select(RoleGrant).where(
            RoleGrant.person_id == person_id,
            RoleGrant.role == role,
            RoleGrant.programme_id == programme_id,
        )
    ).first()
    if held is None:
        session.add(RoleGrant(person_id=person_id, role=role, programme_id=programme_id))
        session.flush()


def roles_of(session: Session, person_id: int) -> set[str]:
    return set(session.exec(select(RoleGrant.role).where(RoleGrant.person_id == person_id)))


def coordinators_for(session: Session, programme_id: int, referent_id: int | None) -> list[int]:
    """Who to tell about a pair: its referent, or else the programme's admins."""
    if referent_id is not None:
        return [referent_id]
    rows = session.exec(
        select(RoleGrant.person_id).where(
            RoleGrant.role == GrantRole.admin,
            (RoleGrant.programme_id == programme_id) | (RoleGrant.programme_id == None),  # noqa: E711
        )
    ).all()
    return sorted(set(rows))
