"""One person, several platforms: `/link` codes and the joining of two people's accounts.

A code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), valid 10 minutes,
kept only as its SHA-256 hash, one open code per person. Wrong tries are counted from the
`account.link.refused` audit events: 5 in 15 minutes block the person typing for 15 minutes, and
more than 60 a minute from everyone together pause every try for a minute, so that neither one
account nor many can guess a code (31^8 of them) in its 10 minutes, and nobody can void
another's code by guessing wrong.

A code is a key to the account that asked for it: the account that types it joins that person.
So it may only be typed on an account with no history of its own (applications, pairs,
meetings, signatures, roles...): asked on the account with the history, typed on the new one.
An account with a history that types a code changes nothing and is told to go the other way;
two histories are never merged.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from storage.audit import record
from storage.models import (
    AuditEvent,
    ConversationState,
    Identity,
    LinkCode,
    Outbox,
    Person,
    Prompt,
)
from storage.people import referenced

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(minutes=10)
MAX_TRIES = 5
TRIES_WINDOW = timedelta(minutes=15)
MAX_TRIES_EVERYONE = 60
EVERYONE_WINDOW = timedelta(minutes=1)
REFUSED = "account.link.refused"
# Rows that belong to a person without being a history: they follow the accounts (or go).
CARRIED = {"identity", "prompt", "outbox", "conversationstate", "linkcode", "auditevent"}


class Outcome(StrEnum):
    linked = "linked"
    already = "already"  # both accounts are already the same person
    own = "own"  # typed by the account that asked for it
    unknown = "unknown"  # wrong, expired or used
    blocked = "blocked"  # too many wrong tries lately
    busy = "busy"  # too many wrong tries from everyone this minute
    reverse = "reverse"  # typed on the account with a history: ask the code there instead
    histories = "histories"  # both people have a history


@dataclass(frozen=True)
class LinkResult:
    outcome: Outcome
    kept: int | None = None  # the person both accounts now belong to
    removed: int | None = None  # the person that was emptied and deleted


def normalise(typed: str) -> str:
    """What was typed as a code: case, spaces and dashes ignored."""
    return "".join(c for c in typed.upper() if c.isalnum())[:32]


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def new_code(session: Session, person_id: int, platform: str, now: datetime) -> str:
    """A fresh code for the person (their earlier open code is void); only its hash is kept."""
    session.execute(
        delete(LinkCode).where(
            col(LinkCode.person_id) == person_id, col(LinkCode.used_at).is_(None)
        )
    )
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if session.exec(select(LinkCode.id).where(LinkCode.code_hash == _hash(code))).first():
            continue
        session.add(
            LinkCode(
                person_id=person_id,
                code_hash=_hash(code),
                platform=platform[:16],
                created_at=now,
                expires_at=now + CODE_LIFETIME,
            )
        )
        session.flush()
        return code


def _refusals(session: Session, since: datetime, person_id: int | None = None) -> int:
    """Wrong codes typed since `since`, by `person_id` or by everyone."""
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == REFUSED, col(AuditEvent.at) > since)
    )
    if person_id is not None:
        query = query.where(AuditEvent.actor_person_id == person_id)
    return session.exec(query).one()


def blocked(session: Session, person_id: int, now: datetime) -> bool:
    """Whether the person typed too many wrong codes in the last quarter of an hour."""
    return _refusals(session, now - TRIES_WINDOW, person_id) >= MAX_TRIES


def use_code(session: Session, typed: str, speaker: Person, now: datetime) -> LinkResult:
    """Join the speaker's accounts with those of the person who asked for `typed`."""
    assert speaker.id is not None
    if blocked(session, speaker.id, now):
        return LinkResult(Outcome.blocked)
    if _refusals(session, now - EVERYONE_WINDOW) >= MAX_TRIES_EVERYONE:
        return LinkResult(Outcome.busy)
    code = session.exec(
        select(LinkCode)
        .where(
            LinkCode.code_hash == _hash(normalise(typed)),
            col(LinkCode.used_at).is_(None),
            col(LinkCode.expires_at) > now,
        )
        .with_for_update()
    ).first()
    if code is None:
        _refuse(session, speaker.id, now)
        return LinkResult(Outcome.unknown)
    if code.person_id == speaker.id:
        linked = len(
            session.exec(select(Identity.id).where(Identity.person_id == speaker.id)).all()
        )
        return LinkResult(Outcome.already if linked > 1 else Outcome.own, speaker.id)
    return _join(session, code, speaker.id, now)


def _refuse(session: Session, person_id: int, now: datetime) -> None:
    """Count a wrong try of the person typing."""
    session.add(AuditEvent(actor_person_id=person_id, action=REFUSED, at=now))


def _join(session: Session, code: LinkCode, speaker_id: int, now: datetime) -> LinkResult:
    asker_id = code.person_id
    if has_history(session, speaker_id):
        both = has_history(session, asker_id)
        return LinkResult(Outcome.histories if both else Outcome.reverse)
    kept, removed = asker_id, speaker_id
    code.used_at = now
    session.add(code)
    moved = sorted(
        set(session.exec(select(Identity.platform).where(Identity.person_id == removed)))
    )
    merge_people(session, kept, removed)
    record(session, kept, "account.link", joined=moved)
    return LinkResult(Outcome.linked, kept, removed)


def has_history(session: Session, person_id: int) -> bool:
    """Whether any row but the person's accounts, buttons, messages and codes points at them."""
    return referenced(session, person_id, ignoring=CARRIED)


def merge_people(session: Session, kept_id: int, removed_id: int) -> None:
    """Move the accounts, buttons and waiting messages of `removed_id` (which has no history)
    to `kept_id`, take over a zone it chose when the kept one had none, and delete it."""
    kept, removed = session.get(Person, kept_id), session.get(Person, removed_id)
    assert kept is not None and removed is not None
    for table in (Identity, Prompt, Outbox, AuditEvent):
        owner = AuditEvent.actor_person_id if table is AuditEvent else table.person_id
        session.execute(update(table).where(col(owner) == removed_id).values({owner: kept_id}))
    for table in (ConversationState, LinkCode):
        session.execute(delete(table).where(col(table.person_id) == removed_id))
    if removed.timezone_chosen and not kept.timezone_chosen:
        kept.timezone, kept.timezone_chosen = removed.timezone, True
    if removed.locale_chosen and not kept.locale_chosen:
        kept.locale, kept.locale_chosen = removed.locale, True
    kept.display_name = kept.display_name or removed.display_name
    kept.programme_id = kept.programme_id or removed.programme_id
    session.add(kept)
    session.flush()
    session.delete(removed)
    session.flush()


def first_account(session: Session, person_id: int) -> Identity | None:
    """The account the outbox reaches the person on (their oldest one)."""
    return session.exec(
        select(Identity).where(Identity.person_id == person_id).order_by(col(Identity.id))
    ).first()
