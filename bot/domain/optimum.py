"""The whole-pool assignment: each mentee at most one mentor, each mentor at most their free
places, as many mentees placed as the capacities allow and, among those assignments, the one
with the highest total score. Pure, no I/O.

Solved as a min-cost flow with OR-Tools (`SimpleMinCostFlow.solve_max_flow_with_min_cost`):
source -> mentee (capacity 1) -> mentor (capacity 1, cost: how far the score is from the best)
-> sink (capacity: the mentor's free places). `fill` is the same flow with other capacities:
completing the lists, where a mentee needs several more mentors and a mentor may be on a
bounded number of lists. OR-Tools takes the capacities as they are, where
SciPy's assignment solvers would need each mentor copied once per place and a dummy column per
mentee to let some stay unplaced; its network simplex runs on the sparse graph the engine keeps
(each mentee's best mentors and each mentor's best mentees), 10,000 x 3,000 in well under a
second. Costs are integers: scores are scaled by SCALE first.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

SCALE = 1_000_000_000  # cost units per score unit: fine enough for the tie-breaker


class SolverError(RuntimeError):
    """OR-Tools could not solve the flow (it never should: the graph is always feasible)."""


def assign(
    mentees: np.ndarray, mentors: np.ndarray, scores: np.ndarray, capacities: np.ndarray
) -> dict[int, int]:
    """The optimum: mentee row -> mentor column, from the edges (`mentees[k]`, `mentors[k]`)
    scored `scores[k]`; a mentor column takes at most `capacities[column]` mentees."""
    needs = np.ones(int(mentees.max(initial=-1)) + 1, np.int64)
    return dict(fill(mentees, mentors, scores, needs, capacities))


def fill(
    mentees: np.ndarray,
    mentors: np.ndarray,
    scores: np.ndarray,
    needs: np.ndarray,
    rooms: np.ndarray,
) -> list[tuple[int, int]]:
    """As many edges as possible such that mentee row r has at most `needs[r]` and mentor
    column c at most `rooms[c]`, and among those the highest total score; each edge once."""
    if len(mentees) == 0:
        return []
    keep = (needs[mentees] > 0) & (rooms[mentors] > 0)
    mentees, mentors, scores = mentees[keep], mentors[keep], scores[keep]
    rows = np.unique(mentees)
    columns = np.unique(mentors)
    first_column = len(rows) + 1
    sink = first_column + len(columns)
    costs = np.rint((scores.max(initial=0.0) - scores) * SCALE).astype(np.int64)
    tails = np.concatenate(
        [
            np.zeros(len(rows), np.int64),
            np.searchsorted(rows, mentees) + 1,
            np.arange(first_column, sink),
        ]
    )
    heads = np.concatenate(
        [
            np.arange(1, len(rows) + 1),
            np.searchsorted(columns, mentors) + first_column,
            np.full(len(columns), sink),
        ]
    )
    capacity = np.concatenate(
        [needs[rows], np.ones(len(mentees), np.int64), rooms[columns]]
    ).astype(np.int64)
    unit_costs = np.concatenate(
        [np.zeros(len(rows), np.int64), costs, np.zeros(len(columns), np.int64)]
    )
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails, heads, capacity, unit_costs)
    supply = int(needs[rows].sum())
    flow.set_node_supply(0, supply)
    flow.set_node_supply(sink, -supply)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise SolverError(f"min-cost flow status {status}")
    used = flow.flows(arcs[len(rows) : len(rows) + len(mentees)]) > 0
    return list(zip(mentees[used].tolist(), mentors[used].tolist(), strict=True))
