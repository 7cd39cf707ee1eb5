"""The matching draft of a cohort: for each waiting mentee, the mentors to propose and, when
fewer than asked, which hard rules left the others out. Pure, no I/O.

`draft(candidates, mentors, settings)` is the one place the engine runs: a mentee's proposals on
applying, the sweep at the close of applications, re-pairing after a pair ends, `mentorbot
match`, the admins' "Appariement" section and the committee's draft all go through it.

1. The hard rules (`bot.domain.hard_rules`) and the preferences (`bot.domain.preferences`) are
   computed for blocks of mentees against every mentor at once; each mentee keeps its best
   TOP_PER_MENTEE allowed mentors and each mentor its best few mentees (`pool.Favourites`):
   the sparse graph of likely pairs.
2. The whole-pool optimum (`bot.domain.optimum`) places as many mentees as the mentors' free
   places allow, with the highest total score: each placed mentee's first proposal. If every
   placed mentee picked their first proposal, every capacity would hold.
3. The lists are completed by a second flow: as many more proposals as possible, the best
   ones, while no mentor is on more than `proposals` x free places lists (its exposure); a
   mentee still short while allowed mentors remain then gets the least exposed of them, most
   constrained mentees first, so nobody gets fewer proposals than asked while enough mentors
   pass the hard rules.

Ties are broken by a hash of both applications and the seed: the same input gives the same
draft, on every run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bot.domain.hard_rules import RULES, management_chains
from bot.domain.matching import Profile, Suggestion
from bot.domain.optimum import assign, fill
from bot.domain.pool import ALLOWED, Favourites, Pool
from bot.domain.preferences import Features, Vocabulary, Weights, explain, mix, score_block

COMMITTEE_REASON = "reason-committee"
TOP_PER_MENTEE = 30
CHUNK = 256
WORKERS = min(4, os.cpu_count() or 1)
NAMES_SHOWN = 3

Edges = tuple[np.ndarray, np.ndarray, np.ndarray]  # mentee rows, mentor columns, scores


@dataclass(frozen=True)
class MatchSettings:
    """What a programme says about matching."""

    proposals: int = 3
    other_organisation: bool = False
    in_person: bool = False
    weights: Weights = field(default_factory=Weights)
    seed: int = 0


@dataclass(frozen=True)
class Candidate:
    """A mentee waiting for proposals, with the mentors (person ids) they must not be offered:
    any earlier pair (any state, any cohort), those they turned down, those proposed and open."""

    mentee: Profile
    paired_before: frozenset[int] = frozenset()
    proposed: frozenset[int] = frozenset()
    declined: frozenset[int] = frozenset()


@dataclass(frozen=True)
class MenteeDraft:
    """What the engine would propose to one mentee, and why not more."""

    candidate: Candidate
    suggestions: list[Suggestion]
    wanted: int
    placed: bool = False
    left_out: dict[str, int] = field(default_factory=dict)
    left_out_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def short(self) -> bool:
        """Whether the mentee would get fewer proposals than the programme asks for."""
        return len(self.suggestions) < self.wanted


def draft(
    candidates: Sequence[Candidate],
    mentors: Sequence[Profile],
    settings: MatchSettings,
    *,
    others: Sequence[Profile] = (),
    locked: Mapping[int, int] | None = None,
) -> list[MenteeDraft]:
    """The proposals for each candidate, in the candidates' order (see the module's steps)."""
    if not candidates:
        return []
    mentees = [c.mentee for c in candidates]
    chains = management_chains([*mentees, *mentors, *others])
    pool = Pool(candidates, mentors, chains, settings.other_organisation)
    vocabulary = Vocabulary([*mentees, *mentors])
    run = _Run(candidates, pool, settings, Features.of(mentees, vocabulary))
    run.features_of_mentors = Features.of(mentors, vocabulary)
    run.sparse_graph()
    run.place(locked or {})
    run.complete()
    return run.drafts()


class _Run:
    """One run of the engine: the sparse graph, the optimum, the completed lists."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        pool: Pool,
        settings: MatchSettings,
        features: Features,
    ) -> None:
        self.candidates, self.pool, self.settings = candidates, pool, settings
        self.features = features
        self.features_of_mentors: Features
        n = len(candidates)
        self.allowed = np.zeros(n, np.int64)
        self.options: list[list[int]] = [[] for _ in range(n)]
        self.edges: tuple[np.ndarray, np.ndarray, np.ndarray]
        self.lists: list[list[int]] = [[] for _ in range(n)]
        self.placed: set[int] = set()

    def _best_of_block(self, start: int) -> tuple[Edges, tuple[np.ndarray, np.ndarray]]:
        """One block's edges: each of its mentees' best mentors, each mentor's best mentees."""
        stop = min(len(self.candidates), start + CHUNK)
        codes, scores = self.block(start, stop)
        allowed = codes == ALLOWED
        self.allowed[start:stop] = allowed.sum(axis=1)
        masked = np.where(allowed, scores, -np.inf)
        k = min(TOP_PER_MENTEE, masked.shape[1])
        best = Favourites.of_block(start, masked)
        if k == 0:
            return (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)), best
        top = np.argpartition(-masked, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(masked, top, axis=1)
        keep = np.isfinite(values)
        rows = np.broadcast_to(np.arange(start, stop)[:, None], top.shape)
        return (rows[keep], top[keep], values[keep]), best

    def block(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The rule codes and the scores of some mentees against every mentor."""
        codes = self.pool.rules(range(start, stop))
        scores = score_block(
            self.features.rows(slice(start, stop)),
            self.features_of_mentors,
            self.settings.weights,
            in_person=self.settings.in_person,
            seed=self.settings.seed,
        )
        return codes, scores

    def sparse_graph(self) -> None:
        """Each mentee's best allowed mentors, and each mentor's best allowed mentees. Blocks
        are scored on several threads (numpy releases the GIL) and merged in order."""
        n, m = len(self.candidates), len(self.pool.mentors)
        found: list[Edges] = []
        favourites = Favourites(m)
        starts = range(0, n, CHUNK)
        with ThreadPoolExecutor(max_workers=WORKERS) as workers:
            for start in range(0, n, CHUNK * WORKERS * 2):
                wave = [s for s in starts if start <= s < start + CHUNK * WORKERS * 2]
                for edges, best in workers.map(self._best_of_block, wave):
                    found.append(edges)
                    favourites.add(*best)
        found.append(favourites.edges())
        rows, columns, scores = (np.concatenate(parts) for parts in zip(*found, strict=True))
        order = np.lexsort((-scores, columns, rows))
        rows, columns, scores = rows[order], columns[order], scores[order]
        unique = np.ones(len(rows), bool)
        unique[1:] = (rows[1:] != rows[:-1]) | (columns[1:] != columns[:-1])
        rows, columns, scores = rows[unique], columns[unique], scores[unique]
        self.edges = (rows, columns, scores)
        by_score = np.lexsort((-scores, rows))
        for row, column in zip(rows[by_score].tolist(), columns[by_score].tolist(), strict=True):
            self.options[row].append(column)

    def place(self, locked: Mapping[int, int]) -> None:
        """The committee's locked placements first, then the optimum for everyone else."""
        capacity = self.pool.free.copy()
        column_of = {m.application_id: c for c, m in enumerate(self.pool.mentors)}
        may = {ALLOWED, 1 + RULES.index("proposed")}  # a committee may choose one proposed
        for row, candidate in enumerate(self.candidates):
            column = column_of.get(locked.get(candidate.mentee.application_id, -1))
            if (
                column is not None
                and capacity[column] > 0
                and int(self.pool.rules([row])[0, column]) in may
            ):
                capacity[column] -= 1
                self.lists[row].append(column)
                self.placed.add(row)
        rows, columns, scores = self.edges
        free = np.array([row not in self.placed for row in rows.tolist()], bool)
        for row, column in assign(rows[free], columns[free], scores[free], capacity).items():
            self.lists[row].append(column)
            self.placed.add(row)

    def complete(self) -> None:
        """Fill every list up to `proposals` (see the module's step 3)."""
        wanted = self.settings.proposals
        exposure = np.zeros(len(self.pool.mentors), np.int64)
        first = np.full(len(self.candidates), -1, np.int64)
        for row, chosen in enumerate(self.lists):
            exposure[chosen] += 1
            first[row] = chosen[0] if chosen else -1
        bound = wanted * np.maximum(self.pool.free, 1)
        rows, columns, scores = self.edges
        fresh = columns != first[rows]
        needs = np.array([wanted - len(chosen) for chosen in self.lists], np.int64)
        rooms = np.maximum(bound - exposure, 0)
        for row, column in fill(rows[fresh], columns[fresh], scores[fresh], needs, rooms):
            self.lists[row].append(column)
            exposure[column] += 1
        ties = mix(self.features.application_ids, np.zeros(1, np.int64), self.settings.seed)
        for row in np.lexsort((ties[:, 0], self.allowed)).tolist():
            chosen = self.lists[row]
            if len(chosen) < wanted:
                spare = [c for c in self.options[row] if c not in chosen]
                spare.sort(key=lambda c: int(exposure[c]))  # stable: best score first among equals
                for column in spare[: wanted - len(chosen)]:
                    chosen.append(column)
                    exposure[column] += 1

    def drafts(self) -> list[MenteeDraft]:
        """Each mentee's suggestions (the placed mentor first, then by score) and, when short,
        which rules left how many mentors out."""
        wanted = self.settings.proposals
        short = [row for row, chosen in enumerate(self.lists) if len(chosen) < wanted]
        left = dict(zip(short, self._left_out(short), strict=True))
        result = []
        for row, candidate in enumerate(self.candidates):
            scored = [self._suggest(candidate.mentee, c) for c in self.lists[row]]
            head = scored[:1] if row in self.placed else []
            rest = sorted(scored[len(head) :], key=lambda pair: -pair[0])
            counts, names = left.get(row, ({}, {}))
            suggestions = [suggestion for _, suggestion in head + rest]
            result.append(
                MenteeDraft(candidate, suggestions, wanted, row in self.placed, counts, names)
            )
        return result

    def _suggest(self, mentee: Profile, column: int) -> tuple[float, Suggestion]:
        """The suggestion of a mentor, and its unrounded score (which carries the tie-breaker)."""
        mentor = self.pool.mentors[column]
        score, reasons = explain(
            mentee,
            mentor,
            self.settings.weights,
            in_person=self.settings.in_person,
            seed=self.settings.seed,
        )
        return score, Suggestion(mentor, round(score, 3), reasons)

    def _left_out(self, rows: list[int]) -> list[tuple[dict[str, int], dict[str, tuple[str, ...]]]]:
        result = []
        for start in range(0, len(rows), CHUNK):
            codes = self.pool.rules(rows[start : start + CHUNK])
            for line in codes:
                counts: dict[str, int] = {}
                names: dict[str, tuple[str, ...]] = {}
                for number, rule in enumerate(RULES, start=1):
                    columns = np.flatnonzero(line == number)
                    if len(columns):
                        counts[rule] = len(columns)
                        names[rule] = tuple(
                            self.pool.mentors[c].name for c in columns[:NAMES_SHOWN].tolist()
                        )
                result.append((counts, names))
        return result


def by_committee(reasons: list[dict[str, Any]]) -> bool:
    """Whether a proposal with these reasons was made by the programme's committee."""
    return any(reason.get("key") == COMMITTEE_REASON for reason in reasons)
