"""Property tests of the matching engine (`bot.domain.cohort.draft`), on small random pools.

Each pool is built from one seeded `random.Random` (hypothesis draws the seed): names with
case, accent and spacing variants, homonyms and people applying on both sides, managers pointing
at other profiles (chains of several levels, sometimes cycles), organisations and units with
variants, languages, topics, formats, years, availability texts, real and unknown towns, free
places 0-3 and exclusion sets drawn from the mentors' person ids.

The checks use the engine's own `broken_rule` and `explain`, and also simple independent
re-implementations written here (a management-chain walk, an augmenting-path maximum matching
with capacities, a brute-force optimum), so that a bug shared by the engine and its helpers
does not hide.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from bot.domain.cohort import Candidate, MatchSettings, MenteeDraft, draft
from bot.domain.hard_rules import Limits, broken_rule, management_chains
from bot.domain.matching import Profile
from bot.domain.places import locate
from bot.domain.preferences import Features, Vocabulary, Weights, explain, score_block
from messages.catalog import bundle, t

NAMES = (
    "Élodie Martin", "Hélène Roux", "Jérôme Lefèvre", "Zoé Faure", "Loïc Bénard",
    "Chloé Girard", "Noël Dupré", "Gaëlle Côté", "Rémi Laîné", "Anaïs Prévost",
    "Benoît Gérard", "Cécile Mény", "Françoise Hébert", "Mathéo Brûlé", "Inès Ségal",
    "Raphaël Péan", "Sébastien Crémieux", "Léa Thébault", "Océane Vidal", "Maëlle Rivière",
    "Joël Aubé", "Agnès Lévêque", "Hervé Béchard", "Ophélie Dubé",
)  # fmt: skip
OUTSIDE_MANAGERS = ("Directrice Générale", "Éric Château", "Sylvie Nadeau")
ORGANISATIONS = ("Ministère de l'Écologie", "Agence Régionale de Santé", "Société Générale", "")
UNITS = ("Ressources humaines", "Informatique", "Finances", "")
LANGUAGES = ("fr", "en", "de")
TOPICS = ("leadership", "carriere", "management", "numerique", "equilibre")
FORMATS = ("video", "in_person", "phone", "any")
AVAILABILITY = (
    "mardi et jeudi après-midi", "weekday mornings", "flexible", "", "le soir",
    "du lundi au mercredi", "weekends", "n'importe quand", "quand il pleut",
)  # fmt: skip
TOWNS = ("Lyon", "Paris", "Marseille", "Villeurbanne", "Saint-Étienne (42)", "Genève", "Lille")
UNKNOWN_TOWNS = ("Trifouilly-les-Oies", "Ville M3", "")
EXPECTATIONS = (
    "prendre confiance pour manager une équipe",
    "évoluer dans ma carrière et mieux négocier",
    "I want to grow as a leader and manage conflicts",
    "accompagner la transformation numérique",
    "",
)
REASON_KEYS = {
    "reason-topics", "reason-expectations", "reason-experience", "reason-format",
    "reason-availability", "reason-other-organisation", "reason-other-unit",
    "reason-same-city", "reason-distance",
}  # fmt: skip
SEARCH = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)  # no slow "explain"
FAST = settings(max_examples=200, deadline=None, phases=SEARCH)
TINY = settings(max_examples=150, deadline=None, phases=SEARCH)


@dataclass(frozen=True)
class Pool:
    """One random input of the engine."""

    candidates: list[Candidate]
    mentors: list[Profile]
    others: list[Profile]
    settings: MatchSettings

    @property
    def profiles(self) -> list[Profile]:
        return [*(c.mentee for c in self.candidates), *self.mentors, *self.others]

    def run(self, locked: dict[int, int] | None = None) -> list[MenteeDraft]:
        return draft(
            self.candidates, self.mentors, self.settings, others=self.others, locked=locked
        )


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variant(rng: random.Random, text: str) -> str:
    """The same name as someone might type it: case, accents and spaces vary."""
    styles: list[Callable[[str], str]] = [
        lambda s: s,
        str.upper,
        str.lower,
        strip_accents,
        lambda s: "  " + s.replace(" ", "   ") + " ",
    ]
    return rng.choice(styles)(text)


def subset(rng: random.Random, items: tuple[str, ...] | list[int]) -> frozenset:
    return frozenset(item for item in items if rng.random() < 0.4)


@cache
def coordinates(town: str) -> tuple[float, float] | None:
    return locate(town)


def profile(
    rng: random.Random, application_id: int, person_id: int, name: str, managers: list[str]
) -> Profile:
    """A random profile named `name`, managed by one of `managers`, an outsider or nobody."""
    pick = rng.random()
    if pick < 0.55 and managers:
        manager = variant(rng, rng.choice(managers))
    elif pick < 0.75:
        manager = rng.choice(OUTSIDE_MANAGERS)
    else:
        manager = ""
    town = rng.choice(TOWNS) if rng.random() < 0.7 else rng.choice(UNKNOWN_TOWNS)
    return Profile(
        application_id=application_id,
        person_id=person_id,
        name=variant(rng, name),
        organisation=variant(rng, rng.choice(ORGANISATIONS)),
        unit=variant(rng, rng.choice(UNITS)),
        manager=manager,
        location=town,
        topics=subset(rng, TOPICS),
        formats=subset(rng, FORMATS),
        languages=subset(rng, LANGUAGES) if rng.random() < 0.8 else frozenset(),
        years=rng.randint(0, 30),
        free_places=rng.choice((0, 1, 1, 2, 3)),
        expectations=rng.choice(EXPECTATIONS),
        availability=rng.choice(AVAILABILITY),
        coordinates=coordinates(town),
    )


def random_pool(
    rng: random.Random, *, mentees: tuple[int, int] = (1, 8), mentors: tuple[int, int] = (0, 8)
) -> Pool:
    """A pool of mentees, mentors and other known profiles, with random settings."""
    n_mentees, n_mentors = rng.randint(*mentees), rng.randint(*mentors)
    n_others = rng.randint(0, 3)
    bases = rng.sample(NAMES, n_mentees + n_mentors + n_others)
    people = list(range(1, len(bases) + 1))
    twins = list(range(n_mentees))  # each mentee may also apply as a mentor, once
    for index in range(n_mentees, len(bases)):
        pick = rng.random()
        if pick < 0.08 and twins and index < n_mentees + n_mentors:
            twin = twins.pop(rng.randrange(len(twins)))
            bases[index], people[index] = bases[twin], people[twin]
        elif pick < 0.14:  # a homonym: another person with the same name
            bases[index] = rng.choice(bases[:index])
    profiles = [
        profile(rng, (1 if i < n_mentees else 100) + i, people[i], bases[i], bases)
        for i in range(len(bases))
    ]
    mentor_profiles = profiles[n_mentees : n_mentees + n_mentors]
    mentor_people = sorted({m.person_id for m in mentor_profiles})
    candidates = [
        Candidate(
            mentee=mentee,
            paired_before=subset(rng, mentor_people) if rng.random() < 0.4 else frozenset(),
            proposed=subset(rng, mentor_people) if rng.random() < 0.3 else frozenset(),
            declined=subset(rng, mentor_people) if rng.random() < 0.3 else frozenset(),
        )
        for mentee in profiles[:n_mentees]
    ]
    weights = Weights(**{name: round(rng.uniform(0, 10), 1) for name in Weights().__dict__})
    match_settings = MatchSettings(
        proposals=rng.randint(3, 5),
        other_organisation=rng.random() < 0.5,
        in_person=rng.random() < 0.5,
        weights=weights,
        seed=rng.randint(0, 1000),
    )
    return Pool(candidates, mentor_profiles, profiles[n_mentees + n_mentors :], match_settings)


SEEDS = st.integers(0, 2**32 - 1)  # a seed per pool: fast to draw, and shrinks to a small one
pools = SEEDS.map(lambda n: random_pool(random.Random(n)))
tiny_pools = SEEDS.map(lambda n: random_pool(random.Random(n), mentees=(1, 6), mentors=(1, 5)))


def limits(candidate: Candidate, match_settings: MatchSettings) -> Limits:
    return Limits(
        other_organisation=match_settings.other_organisation,
        paired_before=candidate.paired_before,
        proposed=candidate.proposed,
        declined=candidate.declined,
    )


def allowed(pool: Pool) -> list[list[int]]:
    """For each mentee, the indexes of the mentors passing every hard rule."""
    chains = management_chains(pool.profiles)
    return [
        [
            column
            for column, mentor in enumerate(pool.mentors)
            if broken_rule(c.mentee, mentor, limits(c, pool.settings), chains=chains) is None
        ]
        for c in pool.candidates
    ]


def folded(text: str) -> str:
    return " ".join(strip_accents(text).casefold().split())


def bosses(person: Profile, profiles: list[Profile]) -> set[str]:
    """Everyone above `person`, walked here independently of the engine: their own direct
    manager, then every manager named by any profile of each boss's name."""
    managers: dict[str, set[str]] = {}
    for other in profiles:
        if folded(other.manager):
            managers.setdefault(folded(other.name), set()).add(folded(other.manager))
    found: set[str] = set()
    waiting = [folded(person.manager)] if folded(person.manager) else []
    while waiting:
        boss = waiting.pop()
        if boss not in found and boss != folded(person.name):
            found.add(boss)
            waiting.extend(managers.get(boss, ()))
    return found


def max_placed(options: list[list[int]], capacities: list[int]) -> int:
    """The size of a maximum matching, each mentor taking up to its capacity (augmenting
    paths: Kuhn's algorithm on mentor places)."""
    holders: list[list[int]] = [[] for _ in capacities]

    def augment(row: int, seen: set[int]) -> bool:
        for column in options[row]:
            if column in seen:
                continue
            seen.add(column)
            if len(holders[column]) < capacities[column]:
                holders[column].append(row)
                return True
            for index, other in enumerate(holders[column]):
                if augment(other, seen):
                    holders[column][index] = row
                    return True
        return False

    return sum(augment(row, set()) for row in range(len(options)))


def best_assignment(
    options: list[list[int]], capacities: list[int], value: Callable[[int, int], float]
) -> tuple[int, float]:
    """By brute force over every assignment: the most mentees placed and, among those, the
    highest total value."""
    best = (0, 0.0)

    def walk(row: int, left: list[int], count: int, total: float) -> None:
        nonlocal best
        if row == len(options):
            if (count, total) > best:
                best = (count, total)
            return
        walk(row + 1, left, count, total)
        for column in options[row]:
            if left[column] > 0:
                left[column] -= 1
                walk(row + 1, left, count + 1, total + value(row, column))
                left[column] += 1

    walk(0, list(capacities), 0, 0.0)
    return best


def column_of(pool: Pool) -> dict[int, int]:
    return {mentor.application_id: column for column, mentor in enumerate(pool.mentors)}


def exposure(pool: Pool, drafts: list[MenteeDraft]) -> list[int]:
    columns = column_of(pool)
    counts = [0] * len(pool.mentors)
    for result in drafts:
        for suggestion in result.suggestions:
            counts[columns[suggestion.mentor.application_id]] += 1
    return counts


def homonyms() -> Pool:
    """Two mentees named alike; the second one's direct manager is a mentor."""
    first = Candidate(Profile(1, 1, "Léa Martin", manager="Jean Dupont"))
    second = Candidate(Profile(2, 2, "LÉA MARTIN", manager="Sophie Roux"))
    return Pool([first, second], [Profile(101, 11, "Sophie Roux")], [], MatchSettings())


def two_managers() -> Pool:
    """Joël Aubé applied twice, naming two managers; Cécile Mény is above one of them, and a
    mentee of Joël's is offered Cécile."""
    mentee = Candidate(Profile(1, 1, "Gaëlle Côté", manager="Joël Aubé"))
    joel = [
        Profile(201, 2, "Joël Aubé", manager="Éric Château"),
        Profile(202, 2, "JOEL AUBE", manager="Cécile Mény"),
    ]
    return Pool([mentee], [Profile(101, 11, "Cécile Mény")], joel, MatchSettings())


@FAST
@given(pools)
@example(homonyms())
@example(two_managers())
def test_no_suggestion_breaks_a_hard_rule(pool: Pool) -> None:
    chains = management_chains(pool.profiles)
    for result in pool.run():
        mentee = result.candidate.mentee
        for suggestion in result.suggestions:
            mentor = suggestion.mentor
            rule = broken_rule(
                mentee, mentor, limits(result.candidate, pool.settings), chains=chains
            )
            assert rule is None, (mentee.name, mentor.name, rule)
            assert folded(mentor.name) not in bosses(mentee, pool.profiles), mentor.name
            assert folded(mentee.name) not in bosses(mentor, pool.profiles), mentee.name
            assert not plainly_forbidden(result.candidate, mentor, pool.settings), mentor.name


def plainly_forbidden(candidate: Candidate, mentor: Profile, settings: MatchSettings) -> bool:
    """The rules other than the hierarchy, written again without the engine's code: the same
    person, no language in common, the same organisation when the programme forbids it, an
    earlier pair, a mentor turned down or still proposed, no place left."""
    mentee = candidate.mentee
    spoken = set(mentee.languages) and set(mentor.languages)
    return (
        mentor.person_id == mentee.person_id
        or bool(spoken and not set(mentee.languages) & set(mentor.languages))
        or (
            settings.other_organisation
            and folded(mentee.organisation) != ""
            and folded(mentee.organisation) == folded(mentor.organisation)
        )
        or mentor.person_id in candidate.paired_before | candidate.declined | candidate.proposed
        or mentor.free_places < 1
    )


def test_a_namesake_never_hides_ones_own_manager() -> None:
    """`management_chains` keys chains by name: the first Léa Martin's chain must not stand in
    for the second one's own direct manager."""
    pool = homonyms()
    second, boss = pool.candidates[1], pool.mentors[0]
    chains = management_chains(pool.profiles)
    assert broken_rule(second.mentee, boss, limits(second, pool.settings), chains=chains) == (
        "hierarchy"
    )
    assert pool.run()[1].left_out == {"hierarchy": 1}


@FAST
@given(pools)
def test_every_list_is_as_full_as_the_hard_rules_allow(pool: Pool) -> None:
    wanted = pool.settings.proposals
    for result, options in zip(pool.run(), allowed(pool), strict=True):
        mentors = [s.mentor for s in result.suggestions]
        assert len(mentors) == min(wanted, len(options))
        assert len({m.application_id for m in mentors}) == len(mentors)
        assert len({m.person_id for m in mentors}) == len(mentors)
        assert result.wanted == wanted
        assert result.short == (len(options) < wanted)
        if result.short:
            assert sum(result.left_out.values()) == len(pool.mentors) - len(options)


@FAST
@given(pools)
def test_placed_mentees_respect_capacities_and_are_as_many_as_possible(pool: Pool) -> None:
    drafts = pool.run()
    columns = column_of(pool)
    taken = [0] * len(pool.mentors)
    for result in drafts:
        if result.placed:
            assert result.suggestions
            taken[columns[result.suggestions[0].mentor.application_id]] += 1
    assert all(n <= m.free_places for n, m in zip(taken, pool.mentors, strict=True))
    capacities = [max(m.free_places, 0) for m in pool.mentors]
    assert sum(r.placed for r in drafts) == max_placed(allowed(pool), capacities)


@TINY
@given(tiny_pools)
def test_the_placement_is_the_best_total_score_among_the_largest(pool: Pool) -> None:
    drafts = pool.run()
    w, s = pool.settings.weights, pool.settings

    def value(row: int, column: int) -> float:
        mentee, mentor = pool.candidates[row].mentee, pool.mentors[column]
        return explain(mentee, mentor, w, in_person=s.in_person, seed=s.seed)[0]

    capacities = [max(m.free_places, 0) for m in pool.mentors]
    count, total = best_assignment(allowed(pool), capacities, value)
    columns = column_of(pool)
    placed = [
        value(row, columns[r.suggestions[0].mentor.application_id])
        for row, r in enumerate(drafts)
        if r.placed
    ]
    assert len(placed) == count
    assert sum(placed) == pytest.approx(total, abs=1e-3)


def picture(drafts: list[MenteeDraft]) -> list[tuple[bool, list[tuple[int, float]]]]:
    return [(r.placed, [(s.mentor.application_id, s.score) for s in r.suggestions]) for r in drafts]


@FAST
@given(pools, st.integers(0, 10_000))
def test_the_same_input_gives_the_same_draft_and_any_seed_keeps_the_rules(
    pool: Pool, seed: int
) -> None:
    assert picture(pool.run()) == picture(pool.run())
    other = replace(pool, settings=replace(pool.settings, seed=seed))
    chains = management_chains(other.profiles)
    drafts = other.run()
    for result, options in zip(drafts, allowed(other), strict=True):
        assert len(result.suggestions) == min(other.settings.proposals, len(options))
        for suggestion in result.suggestions:
            lim = limits(result.candidate, other.settings)
            assert (
                broken_rule(result.candidate.mentee, suggestion.mentor, lim, chains=chains) is None
            )
    capacities = [max(m.free_places, 0) for m in other.mentors]
    assert sum(r.placed for r in drafts) == max_placed(allowed(other), capacities)


def by_mentee(drafts: list[MenteeDraft]) -> dict[int, tuple[bool, list[tuple[int, float]]]]:
    return {
        r.candidate.mentee.application_id: (
            r.placed,
            [(s.mentor.application_id, s.score) for s in r.suggestions],
        )
        for r in drafts
    }


@FAST
@given(pools, SEEDS.map(random.Random))
@example(random_pool(random.Random(1118)), random.Random(1118 + 99))
def test_the_order_of_the_input_does_not_change_the_draft(pool: Pool, rng: random.Random) -> None:
    """The tie-breaker hashes both application ids so that equal scores order the same way
    whatever the order of the input (`bot.domain.preferences`)."""
    candidates, mentors = pool.candidates[:], pool.mentors[:]
    rng.shuffle(candidates)
    rng.shuffle(mentors)
    shuffled = replace(pool, candidates=candidates, mentors=mentors)
    assert by_mentee(shuffled.run()) == by_mentee(pool.run())


def test_two_alike_mentors_are_told_apart_by_the_tie_breaker_not_by_their_order() -> None:
    """Their scores differ only by the tie-breaker, which float32 loses at this magnitude."""
    mentee = Candidate(Profile(1, 1, "Paul", topics=frozenset({"a"})))
    anne = Profile(103, 103, "Anne", topics=frozenset({"a"}))
    bruno = Profile(135, 135, "Bruno", topics=frozenset({"a"}))
    chosen = MatchSettings(proposals=1, weights=Weights(topics=10.0, organisation=6.0))
    first = draft([mentee], [anne, bruno], chosen)[0].suggestions[0].mentor
    second = draft([mentee], [bruno, anne], chosen)[0].suggestions[0].mentor
    assert first == second


@FAST
@given(pools)
def test_scores_and_reasons_are_explained_in_both_languages(pool: Pool) -> None:
    s = pool.settings
    for result in pool.run():
        for suggestion in result.suggestions:
            score, reasons = explain(
                result.candidate.mentee, suggestion.mentor, s.weights, in_person=s.in_person,
                seed=s.seed,
            )  # fmt: skip
            assert suggestion.score == round(score, 3)
            assert suggestion.reasons == reasons
            for reason in reasons:
                key = reason["key"]
                assert key in REASON_KEYS
                params = {k: v for k, v in reason.items() if k != "key"}
                for locale in ("fr", "en"):
                    assert bundle(locale).has_message(key), (locale, key)
                    text = t(locale, key, **params)
                    assert text and "{" not in text, (locale, key, text)


def last_witness(pool: Pool, drafts: list[MenteeDraft], mentor: int, counts: list[int]) -> bool:
    """Whether some mentee listing `mentor` could not be completed within the bound: every
    mentor allowed to them and not on their list is at or past its own bound."""
    wanted = pool.settings.proposals
    columns = column_of(pool)
    for result, options in zip(drafts, allowed(pool), strict=True):
        listed = {columns[s.mentor.application_id] for s in result.suggestions}
        if mentor in listed and all(
            counts[c] >= wanted * max(pool.mentors[c].free_places, 1)
            for c in options
            if c not in listed
        ):
            return True
    return False


@FAST
@given(pools)
def test_a_mentor_goes_past_its_exposure_bound_only_for_a_mentee_with_no_other_way(
    pool: Pool,
) -> None:
    """What the code guarantees (`_Run.complete`): the first pass never takes a mentor at its
    bound (proposals x max(free places, 1)); the second pass only serves a mentee left short by
    the first, for whom every allowed mentor not listed was already at its bound, and exposure
    only grows. So a mentor past its bound is on the list of such a mentee. (Pools here have
    fewer mentors than TOP_PER_MENTEE, so every allowed mentor is among a mentee's options.)"""
    drafts = pool.run()
    counts = exposure(pool, drafts)
    for column, mentor in enumerate(pool.mentors):
        if counts[column] > pool.settings.proposals * max(mentor.free_places, 1):
            assert last_witness(pool, drafts, column, counts), mentor.name


def lists_fit_within_bounds(pool: Pool, drafts: list[MenteeDraft]) -> bool:
    """Whether every mentee could get min(proposals, allowed) mentors, the placed ones keeping
    their first suggestion, with no mentor on more than proposals x max(free places, 1) lists.
    Augmenting paths on list slots; a True answer comes with such lists, so it never blames
    the engine wrongly."""
    wanted = pool.settings.proposals
    options = allowed(pool)
    bound = [wanted * max(m.free_places, 1) for m in pool.mentors]
    holders: list[list[int]] = [[] for _ in bound]
    fixed: set[tuple[int, int]] = set()
    columns = column_of(pool)
    for row, result in enumerate(drafts):
        if result.placed:
            column = columns[result.suggestions[0].mentor.application_id]
            holders[column].append(row)
            fixed.add((row, column))
    slots = [
        row
        for row, result in enumerate(drafts)
        for _ in range(min(wanted, len(options[row])) - result.placed)
    ]

    def augment(row: int, seen: set[int]) -> bool:
        for column in options[row]:
            if column in seen or row in holders[column]:
                continue
            seen.add(column)
            if len(holders[column]) < bound[column]:
                holders[column].append(row)
                return True
            for index, other in enumerate(holders[column]):
                if (other, column) not in fixed and augment(other, seen):
                    holders[column][index] = row
                    return True
        return False

    return all(augment(row, set()) for row in slots)


def greedy_lists() -> Pool:
    """Paul can only have Anne and Bruno (one place each, so on at most 2 lists each);
    Quentin and Rania could share Anne, Bruno and Chloé (5 places) within the bounds, but a
    greedy completion hands Anne to Rania before Quentin's turn."""
    weights = Weights(**{name: 0.0 for name in Weights().__dict__})
    mentors = [
        Profile(101, 11, "Anne", topics=frozenset({"a"}), free_places=1),
        Profile(102, 12, "Bruno", topics=frozenset({"a"}), free_places=1),
        Profile(103, 13, "Chloé", topics=frozenset({"a"}), free_places=5),
    ]
    candidates = [
        Candidate(Profile(1, 1, "Paul", topics=frozenset({"a"})), declined=frozenset({13})),
        Candidate(Profile(2, 2, "Quentin", topics=frozenset({"a"}))),
        Candidate(Profile(3, 3, "Rania", topics=frozenset({"b"}))),
    ]
    return Pool(
        candidates,
        mentors,
        [],
        MatchSettings(proposals=2, weights=replace(weights, topics=3.0), seed=10),
    )


@FAST
@given(pools)
@example(greedy_lists())
def test_no_mentor_passes_its_exposure_bound_when_every_list_fits_within_it(pool: Pool) -> None:
    drafts = pool.run()
    if not lists_fit_within_bounds(pool, drafts):
        return
    counts = exposure(pool, drafts)
    for column, mentor in enumerate(pool.mentors):
        assert counts[column] <= pool.settings.proposals * max(mentor.free_places, 1), mentor.name


@FAST
@given(pools, SEEDS.map(random.Random))
def test_a_locked_mentee_gets_its_mentor_first_and_takes_its_place(
    pool: Pool, rng: random.Random
) -> None:
    options = allowed(pool)
    left = [max(m.free_places, 0) for m in pool.mentors]
    locked: dict[int, int] = {}
    for candidate, mine in zip(pool.candidates, options, strict=True):
        free = [c for c in mine if left[c] > 0]
        if free and rng.random() < 0.5:
            column = rng.choice(free)
            left[column] -= 1
            locked[candidate.mentee.application_id] = pool.mentors[column].application_id
    drafts = pool.run(locked=locked)
    for result in drafts:
        mentor = locked.get(result.candidate.mentee.application_id)
        if mentor is not None:
            assert result.placed
            assert result.suggestions[0].mentor.application_id == mentor
    columns = column_of(pool)
    taken = [0] * len(pool.mentors)
    for result in drafts:
        if result.placed:
            taken[columns[result.suggestions[0].mentor.application_id]] += 1
    assert all(n <= max(m.free_places, 0) for n, m in zip(taken, pool.mentors, strict=True))
    unlocked = [
        [c for c in mine if left[c] > 0] if c.mentee.application_id not in locked else []
        for c, mine in zip(pool.candidates, options, strict=True)
    ]
    assert sum(r.placed for r in drafts) == len(locked) + max_placed(unlocked, left)


@pytest.mark.parametrize("seed", range(12))
def test_the_block_scores_agree_with_explain(seed: int) -> None:
    pool = random_pool(random.Random(seed), mentees=(4, 8), mentors=(4, 8))
    mentees = [c.mentee for c in pool.candidates]
    vocabulary = Vocabulary([*mentees, *pool.mentors])
    s = pool.settings
    for in_person in (False, True):
        block = score_block(
            Features.of(mentees, vocabulary), Features.of(pool.mentors, vocabulary), s.weights,
            in_person=in_person, seed=s.seed,
        )  # fmt: skip
        expected = np.array(
            [
                [
                    explain(e, m, s.weights, in_person=in_person, seed=s.seed)[0]
                    for m in pool.mentors
                ]
                for e in mentees
            ]
        )
        assert np.allclose(block, expected, rtol=0, atol=1e-4)
