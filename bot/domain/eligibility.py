"""Eligibility: does an application meet the programme's rules for its role?

Rules are per role, e.g. `{"mentor": {"min_years": 15, "min_posts": 2}}`; each names the answer
it checks and the smallest value allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RULE_ANSWERS = {"min_years": "years", "min_posts": "posts"}


@dataclass(frozen=True)
class Unmet:
    """A rule the application does not meet: which, what it asks, what was answered."""

    rule: str
    required: int
    given: int


def unmet_rules(rules: dict[str, Any], role: str, answers: dict[str, Any]) -> list[Unmet]:
    """The rules of `role` that `answers` fail, in a stable order; empty when eligible."""
    failed = []
    for rule, required in sorted(rules.get(role, {}).items()):
        answer = RULE_ANSWERS.get(rule)
        if answer is None:
            raise ValueError(
                f"unknown eligibility rule {rule!r}: use one of {sorted(RULE_ANSWERS)}"
            )
        given = int(answers.get(answer) or 0)
        if given < int(required):
            failed.append(Unmet(rule, int(required), given))
    return failed
