"""The matching engine on generated cohorts: time and memory of a whole draft, how often each
mentor is proposed, and the quality of the placements against the exact optimum.

    python -m bench.matching [--mentees 10000 --mentors 3000] [--exact-mentees 300 ...]

The cohort is generated with a fixed seed: 20 topics of uneven popularity, 60 organisations,
managers taken among the other people (so hierarchy rules bite), French with some English,
real French towns (and a few unknown places), availability and expectations in the words
people type, mentors with 1 to 3 places. The programme pairs across organisations and prefers
meeting in person, so every rule and every preference is computed.

The exact optimum is computed independently of the engine's fast path: every pair is checked
with the scalar `broken_rule`, scored with `explain`, and all allowed pairs go to the min-cost
flow (the engine keeps only each mentee's and each mentor's best candidates).
"""

from __future__ import annotations

import random
import resource
import statistics
import time
from collections import Counter
from typing import Annotated

import numpy as np
import typer
from rich.console import Console

from bot.domain.cohort import Candidate, MatchSettings, draft
from bot.domain.hard_rules import Limits, broken_rule, management_chains
from bot.domain.matching import Profile
from bot.domain.optimum import assign
from bot.domain.places import locate
from bot.domain.preferences import explain

TOPICS = [f"sujet {n}" for n in range(1, 21)]
TOWNS = [
    "Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes", "Bordeaux",
    "Strasbourg", "Montpellier", "Villeurbanne", "Saint-Étienne", "Grenoble", "Dijon", "Angers",
    "Brest", "Tours", "Metz", "Nancy", "Amiens", "Trifouilly-les-Oies",
]  # fmt: skip
FREE = [
    "mardi et jeudi après-midi", "le matin en semaine", "flexible", "lundi midi",
    "weekday evenings", "vendredi matin", "", "du lundi au mercredi, le soir",
]  # fmt: skip
WORDS_TYPED = (
    "budget équipe management conflits recrutement numérique juridique projet carrière "
    "négociation communication stratégie prise poste réseau"
)
WORDS = WORDS_TYPED.split()


def cohort(mentees: int, mentors: int, seed: int) -> tuple[list[Candidate], list[Profile]]:
    """A generated cohort: the waiting mentees and the mentors with their places."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(TOPICS))]
    names = [f"Personne {n}" for n in range(mentees + mentors)]
    located = {town: locate(town) for town in TOWNS}

    def profile(number: int, mentor: bool) -> Profile:
        town = rng.choice(TOWNS)
        return Profile(
            application_id=number + 1,
            person_id=number + 1,
            name=names[number],
            organisation=f"Organisation {rng.randrange(60)}",
            unit=f"Service {rng.randrange(5)}",
            manager=rng.choice(names) if rng.random() < 0.7 else "",
            location=town,
            topics=frozenset(rng.choices(TOPICS, weights, k=rng.randint(1, 4))),
            formats=frozenset([rng.choice(["any", "video", "in_person", "phone"])]),
            languages=frozenset(["fr", "en"] if rng.random() < 0.2 else ["fr"])
            if rng.random() < 0.95
            else frozenset(["en"]),
            years=rng.randint(15, 35) if mentor else rng.randint(0, 12),
            free_places=rng.choice([1, 1, 2, 3]) if mentor else 1,
            expectations=" ".join(rng.sample(WORDS, 4)),
            availability=rng.choice(FREE),
            coordinates=located[town],
        )

    waiting = [Candidate(profile(n, False)) for n in range(mentees)]
    pool = [profile(mentees + n, True) for n in range(mentors)]
    return waiting, pool


def exact_total(
    candidates: list[Candidate], mentors: list[Profile], settings: MatchSettings
) -> tuple[int, float]:
    """The optimum over every allowed pair: how many placed, and their total score."""
    chains = management_chains([*(c.mentee for c in candidates), *mentors])
    rows, columns, scores = [], [], []
    for row, candidate in enumerate(candidates):
        limits = Limits(settings.other_organisation)
        for column, mentor in enumerate(mentors):
            if broken_rule(candidate.mentee, mentor, limits, chains=chains) is None:
                score, _ = explain(
                    candidate.mentee,
                    mentor,
                    settings.weights,
                    in_person=settings.in_person,
                    seed=settings.seed,
                )
                rows.append(row)
                columns.append(column)
                scores.append(score)
    capacities = np.array([m.free_places for m in mentors])
    chosen = assign(np.array(rows), np.array(columns), np.array(scores), capacities)
    score_of = {(r, c): s for r, c, s in zip(rows, columns, scores, strict=True)}
    return len(chosen), sum(score_of[pair] for pair in chosen.items())


def main(
    mentees: Annotated[int, typer.Option(help="Mentees waiting.")] = 10_000,
    mentors: Annotated[int, typer.Option(help="Mentors with places.")] = 3_000,
    exact_mentees: Annotated[
        list[int] | None, typer.Option(help="Sizes of the instances solved exactly.")
    ] = None,
    seed: int = 7,
) -> None:
    console = Console(soft_wrap=True)
    settings = MatchSettings(proposals=3, other_organisation=True, in_person=True, seed=seed)
    waiting, pool = cohort(mentees, mentors, seed)
    start = time.perf_counter()
    drafts = draft(waiting, pool, settings)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lists = Counter(len(d.suggestions) for d in drafts)
    exposure = Counter(s.mentor.application_id for d in drafts for s in d.suggestions)
    counts = sorted(exposure.get(m.application_id, 0) for m in pool)
    places = sum(m.free_places for m in pool)
    console.print(
        f"matching: mentees={mentees:,} mentors={mentors:,} places={places:,} "
        f"time={seconds:.2f} s max_rss={peak:.0f} MiB "
        f"placed={sum(d.placed for d in drafts):,} "
        f"lists={dict(sorted(lists.items(), reverse=True))}"
    )
    slots = sum(len(d.suggestions) for d in drafts)
    over = sum(
        1 for m in pool if exposure.get(m.application_id, 0) > settings.proposals * m.free_places
    )
    console.print(
        f"exposure: max={counts[-1]} p99={counts[int(len(counts) * 0.99) - 1]} "
        f"median={statistics.median(counts):g} mean={statistics.fmean(counts):.2f} "
        f"(lists x proposals / mentors = {slots / len(pool):.2f}) "
        f"never_proposed={counts.count(0)} over_bound={over} "
        f"(bound: proposals x places)"
    )
    for size in exact_mentees or [300, 1000]:
        small_waiting, small_pool = cohort(size, max(1, size * mentors // mentees), seed + 1)
        made = draft(small_waiting, small_pool, settings)
        placed = [d for d in made if d.placed]
        total = sum(d.suggestions[0].score for d in placed)
        best_count, best_total = exact_total(small_waiting, small_pool, settings)
        gap = (best_total - total) / best_total * 100 if best_total else 0.0
        console.print(
            f"quality: mentees={size:,} mentors={len(small_pool):,} "
            f"placed={len(placed):,} exact_placed={best_count:,} "
            f"total={total:.1f} exact_total={best_total:.1f} gap={gap:.3f} %"
        )


if __name__ == "__main__":
    typer.run(main)
