"""The hard rules and the cohort draft, as pure functions: which rule a mentor breaks, and why a
mentee would get fewer proposals than asked."""

from __future__ import annotations

import pytest

from bot.domain.cohort import Candidate, MatchSettings, draft
from bot.domain.hard_rules import Limits, broken_rule, management_chains
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
        ({}, Limits(declined=frozenset({2})), "declined"),
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
    across = MatchSettings(proposals=3, other_organisation=True)
    [short] = draft([Candidate(MENTEE)], mentors, across)
    assert [s.mentor.person_id for s in short.suggestions] == [2]
    assert short.short and short.left_out == {"full": 2, "hierarchy": 1, "organisation": 1}
    assert short.left_out_names["full"] == ("Mentor 3", "Mentor 4")
    [full] = draft([Candidate(MENTEE)], mentors, MatchSettings(proposals=3))
    assert sorted(s.mentor.person_id for s in full.suggestions) == [2, 6]
    assert full.left_out == {"full": 2, "hierarchy": 1}


def test_the_management_chain_counts_when_managers_are_known_to_the_programme() -> None:
    """Léa's manager is Sophie, whose manager is Marc, whose manager is Anne: none of them may
    mentor Léa, and Léa may not mentor anyone below her either."""
    sophie = mentor(2, name="Sophie Martin", manager="Marc Durand", organisation="Agence C")
    marc = mentor(3, name="MARC DURAND", manager="Anne Leroy", organisation="Agence D")
    anne = mentor(4, name="Anne Leroy", organisation="Agence E")
    stranger = mentor(5, name="Paul Petit", manager="Jeanne Roy", organisation="Agence F")
    chains = management_chains([MENTEE, sophie, marc, anne, stranger])
    for boss in (sophie, marc, anne):
        assert broken_rule(MENTEE, boss, Limits(), chains=chains) == "hierarchy"
    assert broken_rule(MENTEE, stranger, Limits(), chains=chains) is None
    # Without the chain (managers unknown to the programme), only the direct manager counts.
    assert broken_rule(MENTEE, anne, Limits()) is None
    [drafted] = draft([Candidate(MENTEE)], [sophie, marc, anne, stranger], MatchSettings())
    assert [s.mentor.person_id for s in drafted.suggestions] == [5]
    assert drafted.left_out == {"hierarchy": 3}
    # Marc applying as a mentee is never offered Léa, two levels below him (through Sophie).
    marc_mentee = Profile(application_id=9, person_id=3, name="Marc Durand", manager="Anne Leroy")
    lea = Profile(application_id=10, person_id=1, name="léa martin", manager="Sophie Martin")
    [other] = draft([Candidate(marc_mentee)], [lea], MatchSettings(), others=[sophie])
    assert other.suggestions == [] and other.left_out == {"hierarchy": 1}
    [unknown] = draft([Candidate(marc_mentee)], [lea], MatchSettings())
    assert [s.mentor.person_id for s in unknown.suggestions] == [1]


def test_a_lock_never_breaks_a_hard_rule_or_a_capacity() -> None:
    """The committee's lock is honoured only while it breaks no rule and the mentor has room;
    a mentor already proposed may still be chosen by the committee."""
    boss = mentor(2, name="Sophie Martin", organisation="Agence C")
    full = mentor(3, organisation="Agence D", free_places=0)
    proposed = mentor(4, organisation="Agence E")
    spare = mentor(5, organisation="Agence F")
    pool = [boss, full, proposed, spare]
    for locked_to, honoured in ((boss, False), (full, False), (proposed, True)):
        candidate = Candidate(MENTEE, proposed=frozenset({proposed.person_id}))
        [drafted] = draft([candidate], pool, MatchSettings(), locked={1: locked_to.application_id})
        first = drafted.suggestions[0].mentor.person_id
        assert drafted.placed and (first == locked_to.person_id) is honoured, locked_to.name
        assert all(s.mentor.person_id not in (2, 3) for s in drafted.suggestions)
