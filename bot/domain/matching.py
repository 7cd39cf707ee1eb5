"""What the matching engine reads of an application (`Profile`) and what it proposes
(`Suggestion`). Pure, no I/O.

The engine itself is spread over small modules: `hard_rules` (what no proposal may break),
`preferences` (the weighted score and its reasons), `optimum` (the whole-pool assignment under
capacities) and `cohort` (the draft every caller uses).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Profile:
    """What matching reads of an application. `expectations` is, for a mentor, what they offer;
    `coordinates` are (latitude, longitude) of `location` when the gazetteer knows it."""

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
    expectations: str = ""
    availability: str = ""
    coordinates: tuple[float, float] | None = None


@dataclass(frozen=True)
class Suggestion:
    """A mentor proposed to a mentee: the score and the reasons shown to the mentee."""

    mentor: Profile
    score: float
    reasons: list[dict[str, Any]] = field(default_factory=list)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how names and organisations are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
