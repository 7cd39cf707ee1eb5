"""The matching draft of a cohort: for each waiting mentee, the mentors to propose and, when
fewer than asked, which hard rules left the others out. Pure, no I/O.

`draft(candidates, mentors, count, other_organisation)` is the one place the engine runs: the
sweep at the close of applications, `mentorbot match`, the admins' "Appariement" section and a
single mentee's proposals all go through it. Today it scores each mentee on its own with
`bot.domain.matching.propose`; a whole-pool optimiser replaces the body of `draft` and keeps its
signature.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.domain.hard_rules import Limits, broken_rule
from bot.domain.matching import Profile, Suggestion, propose

COMMITTEE_REASON = "reason-committee"


@dataclass(frozen=True)
class Candidate:
    """A mentee waiting for proposals, with the mentors they must not be offered again."""

    mentee: Profile
    paired_before: frozenset[int] = frozenset()
    proposed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class MenteeDraft:
    """What the engine would propose to one mentee, and why not more."""

    candidate: Candidate
    suggestions: list[Suggestion]
    wanted: int
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def short(self) -> bool:
        """Whether the mentee would get fewer proposals than the programme asks for."""
        return len(self.suggestions) < self.wanted


def draft(
    candidates: list[Candidate], mentors: list[Profile], count: int, other_organisation: bool
) -> list[MenteeDraft]:
    """The proposals for each candidate, in the candidates' order."""
    drafts = []
    for candidate in candidates:
        limits = Limits(other_organisation, candidate.paired_before, candidate.proposed)
        allowed: list[Profile] = []
        left_out: Counter[str] = Counter()
        for mentor in mentors:
            rule = broken_rule(candidate.mentee, mentor, limits)
            if rule is None:
                allowed.append(mentor)
            else:
                left_out[rule] += 1
        suggestions = propose(candidate.mentee, allowed, count, set())
        drafts.append(MenteeDraft(candidate, suggestions, count, dict(left_out)))
    return drafts


def by_committee(reasons: list[dict[str, Any]]) -> bool:
    """Whether a proposal with these reasons was made by the programme's committee."""
    return any(reason.get("key") == COMMITTEE_REASON for reason in reasons)
