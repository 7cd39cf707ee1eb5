"""Everything held about one person, exported (their right of access); `storage.erasure`
erases it."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import MultiFernet
from sqlmodel import Session, SQLModel, col, or_, select

from storage.crypto import decrypt
from storage.models import (
    Application,
    CharterAcceptance,
    Identity,
    Meeting,
    Objective,
    Pair,
    PairCheck,
    Person,
    PrivateNote,
    QuestionnaireAnswer,
    RoleGrant,
)
from storage.private_notes import AUTHOR_ONLY


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
