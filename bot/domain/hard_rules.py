"""The hard rules of a pair: what no proposal, draft or committee may break. Pure, no I/O.

`broken_rule(mentee, mentor, limits)` names the first rule a mentor breaks for a mentee, or
None. The engine leaves such mentors out (and counts why, for the coordinators' summary); a
committee's manual pair is refused with the rule's name. Rules, in the order they are checked:

- `same_person`: one person cannot mentor themselves;
- `hierarchy`: one is in the other's line of management: the direct manager, and the chain
  above that manager when managers are themselves known to the programme
  (`management_chains`);
- `language`: both gave their languages and share none;
- `organisation`: the programme pairs across organisations only, and both are in the same one;
- `paired_before`: the two were in a pair before, in any state and any cohort (the mentor
  declined or did not answer, one left, a link was reported, or they finished a programme);
- `declined`: the mentee turned this mentor down ("none suits me");
- `full`: the mentor has no place left;
- `proposed`: already proposed to this mentee and still open (a mentor is not listed twice; a
  committee may still pair them).

Names are compared without case, accents or extra spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.domain.matching import Profile, fold

RULES = (
    "same_person",
    "hierarchy",
    "language",
    "organisation",
    "paired_before",
    "declined",
    "full",
    "proposed",
)
MAX_CHAIN = 50  # a guard against cycles and absurd data, far above any real hierarchy

Chains = Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Limits:
    """What a mentee's pairing must respect besides the two profiles."""

    other_organisation: bool = False
    paired_before: frozenset[int] = field(default_factory=frozenset)
    proposed: frozenset[int] = field(default_factory=frozenset)
    declined: frozenset[int] = field(default_factory=frozenset)


def management_chains(profiles: Iterable[Profile]) -> dict[str, frozenset[str]]:
    """For each folded name that is someone's manager, the folded names above it: the
    managers every profile of that name gave, their own managers, and so on (namesakes merge:
    a rule applied once too often is safer than a manager proposed as a mentor)."""
    managers_of: dict[str, set[str]] = {}
    for profile in profiles:
        name, manager = fold(profile.name), fold(profile.manager)
        if name and manager and name != manager:
            managers_of.setdefault(name, set()).add(manager)
    chains: dict[str, frozenset[str]] = {}
    for start in {m for managers in managers_of.values() for m in managers}:
        seen: set[str] = set()
        wave = set(managers_of.get(start, ()))
        while wave and len(seen) < MAX_CHAIN:
            seen |= wave
            wave = {m for name in wave for m in managers_of.get(name, ())} - seen - {start}
        chains[start] = frozenset(seen)
    return chains


def above(profile: Profile, chains: Chains | None) -> frozenset[str]:
    """The folded names above `profile`: their own manager and, when the chains are given,
    everyone above that manager."""
    manager = fold(profile.manager)
    if not manager:
        return frozenset()
    return frozenset({manager}) | (chains.get(manager, frozenset()) if chains else frozenset())


def in_hierarchy(mentee: Profile, mentor: Profile, chains: Chains | None = None) -> bool:
    """Whether one is in the other's line of management."""
    mentee_name, mentor_name = fold(mentee.name), fold(mentor.name)
    return (bool(mentor_name) and mentor_name in above(mentee, chains)) or (
        bool(mentee_name) and mentee_name in above(mentor, chains)
    )


def same_organisation(mentee: Profile, mentor: Profile) -> bool:
    """Whether both named the same organisation (case and accents aside)."""
    return bool(fold(mentee.organisation)) and fold(mentee.organisation) == fold(
        mentor.organisation
    )


def broken_rule(
    mentee: Profile,
    mentor: Profile,
    limits: Limits,
    *,
    committee: bool = False,
    chains: Chains | None = None,
) -> str | None:
    """The first rule `mentor` breaks for `mentee` (see RULES), or None when they may pair.

    With `committee`, a mentor already proposed is allowed (the committee chooses on purpose).
    """
    if mentor.person_id == mentee.person_id:
        return "same_person"
    if in_hierarchy(mentee, mentor, chains):
        return "hierarchy"
    if mentee.languages and mentor.languages and not mentee.languages & mentor.languages:
        return "language"
    if limits.other_organisation and same_organisation(mentee, mentor):
        return "organisation"
    if mentor.person_id in limits.paired_before:
        return "paired_before"
    if mentor.person_id in limits.declined:
        return "declined"
    if mentor.free_places <= 0:
        return "full"
    if not committee and mentor.person_id in limits.proposed:
        return "proposed"
    return None
