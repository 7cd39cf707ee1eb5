"""The hard rules and the cohort draft, as pure functions: which rule a mentor breaks, and why a
mentee would get fewer proposals than asked."""

from __future__ import annotations

import pytest

from bot.domain.cohort import Candidate, draft
from bot.domain.hard_rules import Limits, broken_rule
from bot.domain.matching import Profile

MENTEE = Profile(
    application_id=1, person_id=1, name="Léa Martin", organisation="Agence B",
    manager="Sophie Martin", topics=frozenset({"budget"}), languages=frozenset({"fr"}),
)  # fmt: skip


def mentor(number: int, **changes: object) -> Profile:
    base: dict[str, object] = {
        "application_id": 100 + number, "person_id": number, "name": f"Mentor {number}",
        "organisation": "Ministère A", "topics": frozenset({"budget"}),
        "languages": frozenset({"fr", "en"}), "years": 20,
    }  # fmt: skip
    return Profile(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "limits", "rule"),
    [
        ({"person_id": MENTEE.person_id}, Limits(), "same_person"),
        ({"name": "Sophie  MARTIN"}, Limits(), "hierarchy"),
        ({"manager": "Léa Martin"}, Limits(), "hierarchy"),
        ({"languages": frozenset({"en"})}, Limits(), "language"),
        ({"organisation": "agence b"}, Limits(other_organisation=True), "organisation"),
        ({"organisation": "agence b"}, Limits(), None),
        ({}, Limits(paired_before=frozenset({2})), "paired_before"),
        ({"free_places": 0}, Limits(), "full"),
        ({}, Limits(proposed=frozenset({2})), "proposed"),
        ({}, Limits(), None),
    ],
)
def test_each_rule_is_named(changes: dict[str, object], limits: Limits, rule: str | None) -> None:
    assert broken_rule(MENTEE, mentor(2, **changes), limits) == rule


def test_a_committee_may_choose_a_mentor_already_proposed_but_no_other_rule_bends() -> None:
    proposed = Limits(proposed=frozenset({2}), paired_before=frozenset({3}))
    assert broken_rule(MENTEE, mentor(2), proposed, committee=True) is None
    assert broken_rule(MENTEE, mentor(3), proposed, committee=True) == "paired_before"


def test_the_draft_says_which_rules_left_mentors_out() -> None:
    mentors = [
        mentor(2),
        mentor(3, free_places=0),
        mentor(4, free_places=0),
        mentor(5, name="Sophie Martin"),
        mentor(6, organisation="Agence B"),
    ]
    [short] = draft([Candidate(MENTEE)], mentors, 3, other_organisation=True)
    assert [s.mentor.person_id for s in short.suggestions] == [2]
    assert short.short and short.left_out == {"full": 2, "hierarchy": 1, "organisation": 1}
    [full] = draft([Candidate(MENTEE)], mentors, 3, other_organisation=False)
    assert [s.mentor.person_id for s in full.suggestions] == [2, 6]
    assert full.left_out == {"full": 2, "hierarchy": 1}
