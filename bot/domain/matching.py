"""Proposing mentors to a mentee: a simple scorer, with the reasons shown to the mentee.

A mentor is never proposed when in the mentee's line of management (either names the other as
manager), when they share no language, when full, or when excluded (already asked, declined, or
paired with this mentee in an earlier cohort). Among the rest, shared topics count most, then a
different organisation (no professional stakes), then a format both accept and the same city.
"""

from __future__ import annotations

import heapq
import unicodedata
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Profile:
    """What matching reads of an application."""

    application_id: int
    person_id: int
    name: str
    organisation: str = ""
    unit: str = ""
    manager: str = ""
    location: str = ""
    topics: frozenset[str] = frozenset()
    formats: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    years: int = 0
    free_places: int = 1


@dataclass(frozen=True)
class Suggestion:
    mentor: Profile
    score: float
    reasons: list[dict[str, Any]] = field(default_factory=list)


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def in_hierarchy(mentee: Profile, mentor: Profile) -> bool:
    """Whether either names the other as their manager."""
    return (bool(_key(mentee.manager)) and _key(mentee.manager) == _key(mentor.name)) or (
        bool(_key(mentor.manager)) and _key(mentor.manager) == _key(mentee.name)
    )


def score(mentee: Profile, mentor: Profile) -> Suggestion | None:
    """How well `mentor` suits `mentee`, with the reasons; None when ruled out."""
    if (
        mentor.person_id == mentee.person_id
        or mentor.free_places <= 0
        or in_hierarchy(mentee, mentor)
    ):
        return None
    if mentee.languages and mentor.languages and not mentee.languages & mentor.languages:
        return None
    reasons: list[dict[str, Any]] = []
    total = 0.0
    shared = sorted(mentee.topics & mentor.topics)
    if shared:
        total += 3.0 * len(shared)
        reasons.append({"key": "reason-topics", "topics": ", ".join(shared)})
    if _key(mentee.organisation) != _key(mentor.organisation):
        total += 2.0
        reasons.append({"key": "reason-other-organisation"})
    elif _key(mentee.unit) != _key(mentor.unit):
        total += 0.5
        reasons.append({"key": "reason-other-unit"})
    formats = _formats(mentee) & _formats(mentor)
    if formats:
        total += 1.0
    if _key(mentee.location) and _key(mentee.location) == _key(mentor.location):
        total += 1.0
        reasons.append({"key": "reason-same-city", "city": mentor.location})
    total += min(mentor.years, 30) / 30
    reasons.append({"key": "reason-experience", "years": mentor.years})
    return Suggestion(mentor, round(total, 3), reasons)


def _formats(profile: Profile) -> frozenset[str]:
    return (
        frozenset({"video", "in_person", "phone"}) if "any" in profile.formats else profile.formats
    )


def propose(
    mentee: Profile, mentors: list[Profile], count: int, excluded: set[int]
) -> list[Suggestion]:
    """The `count` best mentors for `mentee`, best first, leaving out `excluded` person ids."""
    scored = (
        suggestion
        for mentor in mentors
        if mentor.person_id not in excluded
        for suggestion in [score(mentee, mentor)]
        if suggestion is not None
    )
    return heapq.nlargest(count, scored, key=lambda s: (s.score, -s.mentor.application_id))
