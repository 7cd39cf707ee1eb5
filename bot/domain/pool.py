"""The mentor pool indexed for whole blocks of mentees, for the engine (`bot.domain.cohort`).
Pure, no I/O.

- `Pool.rules(rows)`: for each of these candidates and every mentor, which hard rule (if any)
  the pair breaks, as a matrix of codes (`bot.domain.hard_rules` says the same pair by pair);
- `Favourites`: each mentor's best allowed mentees, kept block after block, so that a mentor
  nobody ranks high still has edges to the mentees it suits best.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from bot.domain.hard_rules import RULES, Chains, above
from bot.domain.matching import Profile, fold

if TYPE_CHECKING:
    from bot.domain.cohort import Candidate

ALLOWED = 0
TOP_PER_MENTOR = 12


class Pool:
    """The mentors and the candidates, indexed once for the hard rules of any block of
    candidates (read-only afterwards, so blocks may be checked on several threads)."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        mentors: Sequence[Profile],
        chains: Chains,
        other_organisation: bool,
    ) -> None:
        self.candidates, self.mentors = candidates, mentors
        self.other_organisation = other_organisation
        self.free = np.array([max(m.free_places, 0) for m in mentors], np.int64)
        by_person: dict[int, list[int]] = defaultdict(list)
        by_name: dict[str, list[int]] = defaultdict(list)
        below: dict[str, list[int]] = defaultdict(list)
        for column, mentor in enumerate(mentors):
            by_person[mentor.person_id].append(column)
            by_name[fold(mentor.name)].append(column)
            for boss in above(mentor, chains):
                below[boss].append(column)
        mentees = [c.mentee for c in candidates]
        spoken = sorted({code for p in [*mentors, *mentees] for code in p.languages})
        bit = {code: 1 << number for number, code in enumerate(spoken)}
        organisations: dict[str, int] = {"": 0}

        def languages(profiles: Sequence[Profile]) -> np.ndarray:
            masks = [sum(bit[c] for c in p.languages) for p in profiles]
            return np.array(masks, dtype=object).astype(np.uint64)

        def organisation(profiles: Sequence[Profile]) -> np.ndarray:
            codes = [
                organisations.setdefault(fold(p.organisation), len(organisations)) for p in profiles
            ]
            return np.array(codes, np.int32)

        self.languages, self.mentee_languages = languages(mentors), languages(mentees)
        self.organisations, self.mentee_organisations = organisation(mentors), organisation(mentees)
        self.hierarchy = [
            [c for boss in above(m, chains) for c in by_name.get(boss, ())]
            + (below.get(fold(m.name), []) if fold(m.name) else [])
            for m in mentees
        ]

        def columns(people: frozenset[int]) -> list[int]:
            return [c for person in people for c in by_person.get(person, ())]

        self.same_person = [by_person.get(m.person_id, []) for m in mentees]
        self.paired_before = [columns(c.paired_before) for c in candidates]
        self.declined = [columns(c.declined) for c in candidates]
        self.proposed = [columns(c.proposed) for c in candidates]

    def rules(self, rows: Sequence[int]) -> np.ndarray:
        """For each candidate row and mentor, 0 when allowed, else 1 + the first broken rule's
        index in RULES (set from the last rule to the first, so the first one wins)."""
        rows = list(rows)
        codes = np.zeros((len(rows), len(self.mentors)), np.int8)
        code = {rule: number for number, rule in enumerate(RULES, start=1)}
        self._mark(codes, rows, self.proposed, code["proposed"])
        codes[:, self.free <= 0] = code["full"]
        self._mark(codes, rows, self.declined, code["declined"])
        self._mark(codes, rows, self.paired_before, code["paired_before"])
        if self.other_organisation:
            theirs = self.mentee_organisations[rows]
            same = (theirs[:, None] == self.organisations[None, :]) & (theirs != 0)[:, None]
            codes[same] = code["organisation"]
        spoken = self.mentee_languages[rows]
        apart = (spoken[:, None] & self.languages[None, :]) == 0
        apart &= (spoken != 0)[:, None] & (self.languages != 0)[None, :]
        codes[apart] = code["language"]
        self._mark(codes, rows, self.hierarchy, code["hierarchy"])
        self._mark(codes, rows, self.same_person, code["same_person"])
        return codes

    @staticmethod
    def _mark(codes: np.ndarray, rows: list[int], columns: list[list[int]], value: int) -> None:
        for line, row in enumerate(rows):
            if columns[row]:
                codes[line, columns[row]] = value


class Favourites:
    """Each mentor's best allowed mentees so far (TOP_PER_MENTOR of them), kept mentor by
    mentor so that an unpopular mentor still has edges to the mentees it suits best."""

    def __init__(self, mentors: int) -> None:
        self.rows = np.zeros((mentors, 0), np.int64)
        self.scores = np.zeros((mentors, 0))

    @staticmethod
    def of_block(start: int, masked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each mentor's best rows of one block of scores (-inf where not allowed)."""
        by_mentor = np.ascontiguousarray(masked.T)
        if by_mentor.shape[1] > TOP_PER_MENTOR:
            kept = np.argpartition(-by_mentor, TOP_PER_MENTOR - 1, axis=1)[:, :TOP_PER_MENTOR]
        else:
            kept = np.broadcast_to(np.arange(by_mentor.shape[1]), by_mentor.shape)
        return start + kept, np.take_along_axis(by_mentor, kept, axis=1)

    def add(self, rows: np.ndarray, scores: np.ndarray) -> None:
        """Merge one block's favourites (see `of_block`)."""
        self.rows = np.hstack([self.rows, rows])
        self.scores = np.hstack([self.scores, scores])
        if self.scores.shape[1] > TOP_PER_MENTOR:
            kept = np.argpartition(-self.scores, TOP_PER_MENTOR - 1, axis=1)[:, :TOP_PER_MENTOR]
            self.rows = np.take_along_axis(self.rows, kept, axis=1)
            self.scores = np.take_along_axis(self.scores, kept, axis=1)

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        keep = np.isfinite(self.scores)
        columns = np.broadcast_to(np.arange(len(self.rows))[:, None], self.rows.shape)
        return self.rows[keep], columns[keep], self.scores[keep]
