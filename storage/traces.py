"""What gives a person away in text that is not theirs: their names, their account ids, and
the longer things they wrote, gathered before an erasure so that it can find them elsewhere
(messages waiting for other people, other people's buttons and forms, the audit log).

Short words are left out on purpose: a city or an organisation is shared by many people, and
matching it would drop other people's messages that do not concern the person at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import String, cast, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from storage.crypto import decrypt
from storage.models import Application, Identity, Objective, Pair, Person, PrivateNote
from storage.sealed import cipher_of

MIN_NAME = 2
MIN_ID = 3
MIN_TEXT = 16
ERASED = "[erased]"
LIKE_BATCH = 100
# Answers that describe where someone works, not what they wrote: shared with colleagues.
SHARED_ANSWERS = frozenset(
    {"organisation", "unit", "manager", "job", "location", "availability", "format", "email"}
)


@dataclass(frozen=True)
class Traces:
    """The strings that point to the people being erased, and a pattern matching any of them
    as a whole word."""

    words: frozenset[str]

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.words:
            return None
        longest_first = sorted(self.words, key=len, reverse=True)
        return re.compile("|".join(_bounded(word) for word in longest_first), re.IGNORECASE)

    def found_in(self, value: Any) -> bool:
        """Whether any string inside `value` (JSON-like: dicts, lists, strings) names them."""
        pattern = self.pattern
        return pattern is not None and any(pattern.search(text) for text in strings(value))

    def blot(self, value: Any) -> Any:
        """`value` with every mention replaced by a neutral mark."""
        pattern = self.pattern
        if pattern is None:
            return value
        if isinstance(value, str):
            return pattern.sub(ERASED, value)
        if isinstance(value, dict):
            return {key: self.blot(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.blot(item) for item in value]
        return value

    def prefilters(self, column: Any) -> list[ColumnElement[bool]]:
        """Cheap SQL conditions on a JSON column, together letting through every row whose
        text holds one of the words, as typed or as JSON escapes it; `found_in` then decides.
        One condition per batch of words, so that no statement grows past what SQLite takes."""
        text = cast(column, String)
        forms = sorted({form for word in self.words for form in (word, json.dumps(word)[1:-1])})
        return [
            or_(*(text.contains(form, autoescape=True) for form in forms[i : i + LIKE_BATCH]))
            for i in range(0, len(forms), LIKE_BATCH)
        ]


def _bounded(word: str) -> str:
    """`word` as a pattern that does not match inside a longer word."""
    before = r"(?<!\w)" if word[:1].isalnum() else ""
    after = r"(?!\w)" if word[-1:].isalnum() else ""
    return f"{before}{re.escape(word)}{after}"


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def traces_of(session: Session, people: Collection[int]) -> Traces:
    """Read, before anything is erased, what would give these people away."""
    words: set[str] = set()
    ids = list(people)
    for name in session.exec(select(Person.display_name).where(col(Person.id).in_(ids))):
        words |= {name.strip()} if len(name.strip()) >= MIN_NAME else set()
    for user_key, chat_key in session.exec(
        select(Identity.user_key, Identity.chat_key).where(col(Identity.person_id).in_(ids))
    ):
        words |= {key for key in (user_key, chat_key) if len(key) >= MIN_ID}
    for answers in session.exec(
        select(Application.answers).where(col(Application.person_id).in_(ids))
    ):
        email = str(answers.get("email", ""))
        words |= {email} if len(email) >= MIN_ID else set()
        for key, answer in answers.items():
            if key not in SHARED_ANSWERS and isinstance(answer, str):
                words |= _long(answer)
    member = or_(col(Pair.mentor_person_id).in_(ids), col(Pair.mentee_person_id).in_(ids))
    pairs = select(Pair.id).where(member)
    for text in session.exec(
        select(Objective.text).where(
            col(Objective.created_by_person_id).in_(ids), col(Objective.pair_id).in_(pairs)
        )
    ):
        words |= _long(text or "")
    for reason in session.exec(select(Pair.committee_reason).where(member)):
        words |= _long(reason)
    cipher = cipher_of(session.get_bind().dialect)
    notes = session.exec(select(PrivateNote).where(col(PrivateNote.author_person_id).in_(ids)))
    for note in notes:
        words |= _long(decrypt(cipher, note.ciphertext))
    return Traces(frozenset(words))


def _long(text: str) -> set[str]:
    """The text's lines long enough to stand for the person alone."""
    return {line.strip() for line in text.splitlines() if len(line.strip()) >= MIN_TEXT}
