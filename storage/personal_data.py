"""Everything held about one person: export it (their right of access) or erase it."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import MultiFernet
from sqlmodel import Session, SQLModel, col, delete, or_, select

from storage.crypto import decrypt
from storage.enums import ApplicationStatus, PairState
from storage.models import (
    Application,
    CharterAcceptance,
    ConversationState,
    Identity,
    Meeting,
    Objective,
    Pair,
    PairCheck,
    Person,
    PrivateNote,
    Prompt,
    QuestionnaireAnswer,
    RoleGrant,
)
from storage.private_notes import AUTHOR_ONLY
from storage.types import utcnow

OPEN_PAIR_STATES = (PairState.proposed, PairState.awaiting_charter, PairState.active)


def _rows(rows: list[SQLModel], drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [row.model_dump(mode="json", exclude=set(drop)) for row in rows]


def export(session: Session, cipher: MultiFernet, person_id: int) -> dict[str, Any]:
    """The person's data, their pairs' shared log, and the private notes of their own pairs."""
    person = session.get(Person, person_id)
    assert person is not None
    pairs = list(
        session.exec(
            select(Pair).where(
                or_(Pair.mentor_person_id == person_id, Pair.mentee_person_id == person_id)
            )
        )
    )
    pair_ids = [p.id for p in pairs]
    notes = session.exec(
        select(PrivateNote).where(
            col(PrivateNote.pair_id).in_(pair_ids),
            or_(
                col(PrivateNote.subject).not_in(AUTHOR_ONLY),
                PrivateNote.author_person_id == person_id,
            ),
        )
    ).all()
    own_notes = session.exec(
        select(PrivateNote).where(
            PrivateNote.author_person_id == person_id, col(PrivateNote.pair_id).is_(None)
        )
    ).all()
    by_person = {
        "identities": Identity,
        "roles": RoleGrant,
        "applications": Application,
        "charter_acceptances": CharterAcceptance,
        "pair_checks": PairCheck,
        "questionnaire_answers": QuestionnaireAnswer,
    }
    data: dict[str, Any] = {"person": person.model_dump(mode="json")}
    for name, table in by_person.items():
        data[name] = _rows(list(session.exec(select(table).where(table.person_id == person_id))))
    data["pairs"] = _rows(pairs)  # type: ignore[arg-type]
    data["meetings"] = _rows(
        list(session.exec(select(Meeting).where(col(Meeting.pair_id).in_(pair_ids))))
    )
    data["objectives"] = _rows(
        list(session.exec(select(Objective).where(col(Objective.pair_id).in_(pair_ids))))
    )
    data["private_notes"] = [
        {
            **note.model_dump(mode="json", exclude={"ciphertext"}),
            "text": decrypt(cipher, note.ciphertext),
        }
        for note in [*notes, *own_notes]
    ]
    return data


def erase(session: Session, person_id: int) -> None:
    """Forget the person: accounts, answers, notes they wrote; their open pairs end."""
    session.flush()
    now = utcnow()
    for pair in session.exec(
        select(Pair).where(
            or_(Pair.mentor_person_id == person_id, Pair.mentee_person_id == person_id),
            col(Pair.state).in_(OPEN_PAIR_STATES),
        )
    ):
        pair.state, pair.ended_at, pair.ended_by_person_id = PairState.withdrawn, now, person_id
        session.add(pair)
    for application in session.exec(select(Application).where(Application.person_id == person_id)):
        application.answers, application.status = {}, ApplicationStatus.withdrawn
        session.add(application)
    for table in (Identity, RoleGrant, Prompt, ConversationState, QuestionnaireAnswer, PairCheck):
        session.execute(delete(table).where(table.person_id == person_id))  # type: ignore[attr-defined]
    session.execute(delete(PrivateNote).where(col(PrivateNote.author_person_id) == person_id))
    person = session.get(Person, person_id)
    assert person is not None
    person.display_name = person.organisation = person.unit = person.manager = person.location = ""
    person.erased_at = now
    session.add(person)
