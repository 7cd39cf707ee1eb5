"""The anonymised synthesis of a questionnaire wave (pure, no I/O).

Per question, overall and by role (mentors, mentees): scales as a count per value and the mean,
choices and multi-choices counted per option, free text (only when the programme allows it).
A group of fewer than `MIN_GROUP` answers shows no figure at all, not even its size. The role
breakdown of a question is shown only when every role's group is large enough: otherwise the
overall figures minus the one shown role would give the hidden role's answers away.

Free text is sorted (its order says nothing about who wrote what) and scrubbed: the names of the
programme's people (full names, and each part of three letters or more, whatever the case and
accents; a shorter part such as "Li" when written with a capital, so that "le" stays), e-mail
addresses and @mentions become "[…]".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.domain.questions import MULTI, SCALE, TEXT, Question

MIN_GROUP = 5
REDACTED = "[…]"
MIN_NAME_PART = 3
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MENTION = re.compile(r"<@[^>\s]*>|@\w+(?:[.-]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Group:
    """One group's figures; `shown` False means too few answers, and every figure is empty."""

    shown: bool
    answers: int = 0
    counts: tuple[tuple[str, int], ...] = ()
    mean: float | None = None
    texts: tuple[str, ...] = ()


HIDDEN = Group(shown=False)


@dataclass(frozen=True)
class QuestionSynthesis:
    """A question's figures overall and, when every role's group is large enough, by role."""

    question: Question
    overall: Group
    by_role: dict[str, Group] = field(default_factory=dict)


def fold(text: str) -> str:
    """`text` without case nor accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Names:
    """The names to remove, folded: full names as sequences of parts, single parts (removed
    whatever the case), and parts under `MIN_NAME_PART` letters (removed when capitalised)."""

    full: frozenset[tuple[str, ...]]
    parts: frozenset[str]
    short: frozenset[str]
    longest: int

    @classmethod
    def of(cls, names: Iterable[str]) -> Names:
        full = {tuple(_LETTERS.findall(fold(name))) for name in names} - {()}
        every = {part for name in full for part in name}
        parts = {part for part in every if len(part) >= MIN_NAME_PART}
        longest = max(map(len, full), default=0)
        return cls(frozenset(full), frozenset(parts), frozenset(every - parts), longest)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original one."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def _match_size(words: list[str], capitals: list[bool], index: int, names: Names) -> int:
    """How many words from `index` form a name: the longest full name, else one part (a short
    one only when capitalised), else 0."""
    for size in range(min(names.longest, len(words) - index), 0, -1):
        if tuple(words[index : index + size]) in names.full:
            return size
    word = words[index]
    return 1 if word in names.parts or (capitals[index] and word in names.short) else 0


def _name_spans(text: str, folded: str, origin: list[int], names: Names) -> list[tuple[int, int]]:
    """Where names stand in the folded text, as (start, end) of its characters; names that
    overlap ("Li Li Wu" for "Li Li" and "Li Wu") make one span. A word counts as capitalised
    unless its first letter is a lower-case one (scripts without case count)."""
    found = list(_LETTERS.finditer(folded))
    words = [match.group() for match in found]
    capitals = [not text[origin[match.start()]].islower() for match in found]
    spans: list[tuple[int, int]] = []
    for index in range(len(words)):
        size = _match_size(words, capitals, index, names)
        if not size:
            continue
        start, end = found[index].start(), found[index + size - 1].end()
        if spans and start < spans[-1][1]:
            start, end = spans[-1][0], max(end, spans.pop()[1])
        spans.append((start, end))
    return spans


def scrub(text: str, names: Names) -> str:
    """`text` with the names, e-mail addresses and @mentions replaced by "[…]"."""
    text = _MENTION.sub(REDACTED, _EMAIL.sub(REDACTED, text))
    folded, origin = _folded_with_map(text)
    for start, end in reversed(_name_spans(text, folded, origin, names)):
        text = text[: origin[start]] + REDACTED + text[origin[end - 1] + 1 :]
    return text


def _group(question: Question, values: list[Any], free_text: bool, names: Names) -> Group:
    if len(values) < MIN_GROUP:
        return HIDDEN
    if question.kind == TEXT:
        texts = tuple(sorted(scrub(str(value), names) for value in values)) if free_text else ()
        return Group(True, len(values), texts=texts)
    chosen = [value if question.kind == MULTI else [value] for value in values]
    counts = tuple(
        (option, sum(str(option) in map(str, picks) for picks in chosen))
        for option in question.options
    )
    mean = sum(int(value) for value in values) / len(values) if question.kind == SCALE else None
    return Group(True, len(values), counts, mean)


def synthesise(
    questions: Sequence[Question],
    answers: Iterable[tuple[str, dict[str, Any]]],
    *,
    free_text: bool,
    names: Sequence[str] = (),
) -> list[QuestionSynthesis]:
    """The synthesis of `answers` (each a role and its answers) to `questions`, in order."""
    answers, known = list(answers), Names.of(names)
    found = []
    for question in questions:
        by_role = {
            role: [
                given[question.key]
                for who, given in answers
                if who == role and question.key in given
            ]
            for role in question.roles
        }
        overall = [value for values in by_role.values() for value in values]
        roles = {
            role: _group(question, values, free_text, known) for role, values in by_role.items()
        }
        split = len(roles) > 1 and all(group.shown for group in roles.values())
        found.append(
            QuestionSynthesis(
                question, _group(question, overall, free_text, known), roles if split else {}
            )
        )
    return found
