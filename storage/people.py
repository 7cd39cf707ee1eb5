"""People, their platform identities and their coordinator roles."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlmodel import Session, SQLModel, col, or_, select

from storage.enums import GrantRole
from storage.models import Identity, Person, RoleGrant
from storage.outbox import batches
from storage.types import utcnow


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
    timezone_chosen: bool = False,
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
        if display_name and not person.display_name and person.erased_at is None:
            # Prepared ahead by a coordinator (a role granted to an account): first contact.
            person.display_name, person.timezone = display_name[:200], timezone
            person.timezone_chosen = timezone_chosen
            person.locale = person.locale if person.locale_chosen else locale
            session.add(person)
        return person
    person = Person(
        display_name=display_name[:200],
        locale=locale,
        timezone=timezone,
        timezone_chosen=timezone_chosen,
    )
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
) -> bool:
    """Give a coordinator role, or give it back if it was revoked; False when already held."""
    held = _grant_row(session, person_id, role, programme_id)
    if held is None:
        session.add(RoleGrant(person_id=person_id, role=role, programme_id=programme_id))
        session.flush()
        return True
    if held.revoked_at is None:
        return False
    held.revoked_at, held.granted_at = None, utcnow()
    session.add(held)
    return True


def revoke(
    session: Session, person_id: int, role: GrantRole, programme_id: int | None = None
) -> bool:
    """Take a role back (the row stays, marked revoked); False when it was not held."""
    held = _grant_row(session, person_id, role, programme_id)
    if held is None or held.revoked_at is not None:
        return False
    held.revoked_at = utcnow()
    session.add(held)
    return True


def bootstrap_admin(session: Session, person_id: int) -> None:
    """MENTORBOT_ADMINS: make the person an admin of every programme, unless a grant for it was
    ever made; a revoked admin therefore stays revoked whatever the variable says."""
    if _grant_row(session, person_id, GrantRole.admin, None) is None:
        grant(session, person_id, GrantRole.admin, None)


def _grant_row(
    session: Session, person_id: int, role: str, programme_id: int | None
) -> RoleGrant | None:
    return session.exec(
        select(RoleGrant).where(
            RoleGrant.person_id == person_id,
            RoleGrant.role == role,
            RoleGrant.programme_id == programme_id,
        )
    ).first()


def _live() -> Any:
    return col(RoleGrant.revoked_at).is_(None)


def roles_of(session: Session, person_id: int) -> set[str]:
    """Every role the person holds, in any programme."""
    return set(
        session.exec(select(RoleGrant.role).where(RoleGrant.person_id == person_id, _live()))
    )


def roles_in(session: Session, person_id: int, programme_id: int) -> set[str]:
    """The roles the person holds in this programme (a grant for every programme counts)."""
    return set(
        session.exec(
            select(RoleGrant.role).where(
                RoleGrant.person_id == person_id,
                _live(),
                or_(RoleGrant.programme_id == programme_id, col(RoleGrant.programme_id).is_(None)),
            )
        )
    )


def global_roles(session: Session, person_id: int) -> set[str]:
    """The roles the person holds for every programme (creating one needs such an admin)."""
    return set(
        session.exec(
            select(RoleGrant.role).where(
                RoleGrant.person_id == person_id, _live(), col(RoleGrant.programme_id).is_(None)
            )
        )
    )


def admins_of(session: Session, programme_id: int) -> list[int]:
    """The programme's admins (grants for every programme included)."""
    rows = session.exec(
        select(RoleGrant.person_id).where(
            RoleGrant.role == GrantRole.admin,
            _live(),
            or_(RoleGrant.programme_id == programme_id, col(RoleGrant.programme_id).is_(None)),
        )
    ).all()
    return sorted(set(rows))


def coordinators_for(session: Session, programme_id: int, referent_id: int | None) -> list[int]:
    """Who to tell about a pair: its referent, or else the programme's admins."""
    if referent_id is not None:
        return [referent_id]
    return admins_of(session, programme_id)


def referenced(session: Session, person_id: int, ignoring: Collection[str] = ()) -> bool:
    """Whether a row of any table but those named in `ignoring` points at this person."""
    for table in SQLModel.metadata.sorted_tables:
        if table.name in ignoring:
            continue
        for column in table.columns:
            if any(fk.column.table.name == "person" for fk in column.foreign_keys):
                found = session.execute(
                    select(column).select_from(table).where(column == person_id).limit(1)
                ).first()
                if found is not None:
                    return True
    return False


def locales_and_zones(session: Session, person_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Each person's language and time zone, read in chunks (for messages to many people)."""
    found: dict[int, tuple[str, str]] = {}
    for chunk in batches(person_ids):
        rows = session.exec(
            select(Person.id, Person.locale, Person.timezone).where(col(Person.id).in_(chunk))
        )
        found.update({person_id: (locale, zone) for person_id, locale, zone in rows})
    return found
