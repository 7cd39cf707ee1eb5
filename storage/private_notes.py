"""The only door to what a pair writes in confidence (notes, action items, private objectives,
reasons for leaving). Every read names the reader, who must be a member of the pair; nothing here
is imported by coordinator code.
"""

from __future__ import annotations

from cryptography.fernet import MultiFernet
from sqlmodel import Session, col, select

from storage.crypto import decrypt, encrypt
from storage.models import Pair, PrivateNote

AUTHOR_ONLY = frozenset({"decline_reason", "withdraw_reason"})
"""Subjects only their author may read back: why someone declined or left stays theirs."""


class NotAMember(PermissionError):
    """Someone outside the pair asked for its private notes."""


def write(
    session: Session,
    cipher: MultiFernet,
    pair: Pair,
    author_id: int,
    subject: str,
    text: str,
    subject_id: int | None = None,
) -> PrivateNote:
    _check_member(pair, author_id)
    note = PrivateNote(
        pair_id=pair.id,
        subject=subject,
        subject_id=subject_id,
        author_person_id=author_id,
        ciphertext=encrypt(cipher, text),
    )
    session.add(note)
    session.flush()
    return note


def read(
    session: Session,
    cipher: MultiFernet,
    pair: Pair,
    reader_id: int,
    subject: str,
    subject_id: int | None = None,
) -> list[tuple[PrivateNote, str]]:
    """The pair's notes on `subject` (and `subject_id`), decrypted for a member of the pair."""
    _check_member(pair, reader_id)
    query = select(PrivateNote).where(
        PrivateNote.pair_id == pair.id, PrivateNote.subject == subject
    )
    if subject_id is not None:
        query = query.where(PrivateNote.subject_id == subject_id)
    if subject in AUTHOR_ONLY:
        query = query.where(PrivateNote.author_person_id == reader_id)
    notes = session.exec(query.order_by(col(PrivateNote.id))).all()
    return [(note, decrypt(cipher, note.ciphertext)) for note in notes]


def _check_member(pair: Pair, person_id: int) -> None:
    if person_id not in (pair.mentor_person_id, pair.mentee_person_id):
        raise NotAMember(f"person {person_id} is not in pair {pair.id}")
