"""Coordinator roles seen per programme, and the people a coordinator names: by account (created
ahead when the account never talked to the bot) or by name.

A person created ahead has no name yet; `storage.people.identify` gives them the platform's
name and language when they first write.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from bot.domain.accounts import Account
from storage.models import Identity, Person, RoleGrant

# Letters a name may carry with or without an accent: a wildcard in the database's first pass.
ACCENTED = set("aceinouy")


@dataclass(frozen=True)
class Holder:
    """A live grant of `role` in a programme; `every_programme` for a grant without programme."""

    person_id: int
    name: str
    role: str
    every_programme: bool


def holders(session: Session, programme_id: int) -> list[Holder]:
    """The programme's admins and referents (grants for every programme included)."""
    rows = session.exec(
        select(RoleGrant.person_id, Person.display_name, RoleGrant.role, RoleGrant.programme_id)
        .join(Person, col(Person.id) == col(RoleGrant.person_id))
        .where(
            col(RoleGrant.revoked_at).is_(None),
            or_(RoleGrant.programme_id == programme_id, col(RoleGrant.programme_id).is_(None)),
        )
        .order_by(col(RoleGrant.id))
    ).all()
    return [Holder(pid, name, role, scope is None) for pid, name, role, scope in rows]


def person_for_account(
    session: Session, account: Account, *, locale: str = "fr", timezone: str = "Europe/Paris"
) -> Person:
    """The person behind `account`, created (with its identity) if it never talked to the bot."""
    identity = session.exec(
        select(Identity).where(
            Identity.platform == account.platform,
            Identity.team == account.team,
            Identity.user_key == account.user,
        )
    ).first()
    if identity is not None:
        person = session.get(Person, identity.person_id)
        assert person is not None
        return person
    name = account.user if account.platform == "console" else ""
    person = Person(display_name=name, locale=locale, timezone=timezone)
    session.add(person)
    session.flush()
    chat_key = account.user if account.platform == "telegram" else ""  # a private chat's id
    session.add(
        Identity(
            person_id=person.id,
            platform=account.platform,
            team=account.team,
            user_key=account.user,
            chat_key=chat_key,
        )
    )
    session.flush()
    return person


def name_candidates(session: Session, folded: str) -> list[tuple[int, str]]:
    """(id, name) of the people whose name may contain `folded` (lower case, no accents): a
    first pass in the database that the caller refines, where a letter that may carry an accent
    (or any character but a plain letter or digit) matches any character."""
    pattern = "".join(
        ch if ch.isascii() and ch.isalnum() and ch not in ACCENTED else "_" for ch in folded
    )
    rows = session.exec(
        select(Person.id, Person.display_name)
        .where(
            col(Person.erased_at).is_(None),
            Person.display_name != "",
            func.lower(Person.display_name).like(f"%{pattern}%"),
        )
        .order_by(col(Person.display_name), col(Person.id))
    )
    return [(person_id, name) for person_id, name in rows if person_id is not None]


def accounts_of(session: Session, person_ids: list[int]) -> dict[int, str]:
    """Each person's first account as coordinators write it (`slack:T/U`, `telegram:ID`...)."""
    rows = session.exec(
        select(Identity)
        .where(col(Identity.person_id).in_(person_ids))
        .order_by(col(Identity.person_id), col(Identity.id))
    ).all()
    found: dict[int, str] = {}
    for identity in rows:
        account = Account(identity.platform, identity.team, identity.user_key)
        found.setdefault(identity.person_id, str(account))
    return found
