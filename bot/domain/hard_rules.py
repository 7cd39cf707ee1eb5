"""The hard rules of a pair: what no proposal, draft or committee may break. Pure, no I/O.

`broken_rule(mentee, mentor, limits)` names the first rule a mentor breaks for a mentee, or
None. The engine leaves such mentors out (and counts why, for the coordinators' dry run); a
committee's manual pair is refused with the rule's name. Rules, in the order they are checked:

- `same_person`: one person cannot mentor themselves;
- `hierarchy`: either names the other as their manager;
- `language`: both gave their languages and share none;
- `organisation`: the programme pairs across organisations only, and both are in the same one;
- `paired_before`: the mentor was already asked for, or paired with, this mentee (any cohort);
- `full`: the mentor has no place left;
- `proposed`: already proposed to this mentee (the engine does not propose a mentor twice; a
  committee may still pair them).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from bot.domain.matching import Profile, in_hierarchy

RULES = (
    "same_person",
    "hierarchy",
    "language",
    "organisation",
    "paired_before",
    "full",
    "proposed",
)


@dataclass(frozen=True)
class Limits:
    """What a mentee's pairing must respect besides the two profiles."""

    other_organisation: bool = False
    paired_before: frozenset[int] = field(default_factory=frozenset)
    proposed: frozenset[int] = field(default_factory=frozenset)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def same_organisation(mentee: Profile, mentor: Profile) -> bool:
    """Whether both named the same organisation (case and accents aside)."""
    return bool(_fold(mentee.organisation)) and _fold(mentee.organisation) == _fold(
        mentor.organisation
    )


def broken_rule(
    mentee: Profile, mentor: Profile, limits: Limits, *, committee: bool = False
) -> str | None:
    """The first rule `mentor` breaks for `mentee` (see RULES), or None when they may pair.

    With `committee`, a mentor already proposed is allowed (the committee chooses on purpose).
    """
    if mentor.person_id == mentee.person_id:
        return "same_person"
    if in_hierarchy(mentee, mentor):
        return "hierarchy"
    if mentee.languages and mentor.languages and not mentee.languages & mentor.languages:
        return "language"
    if limits.other_organisation and same_organisation(mentee, mentor):
        return "organisation"
    if mentor.person_id in limits.paired_before:
        return "paired_before"
    if mentor.free_places <= 0:
        return "full"
    if not committee and mentor.person_id in limits.proposed:
        return "proposed"
    return None
