"""The whole-pool assignment: each mentee at most one mentor, each mentor at most their free
places, as many mentees placed as the capacities allow and, among those assignments, the one
with the highest total score. Pure, no I/O.

Solved as a min-cost flow with OR-Tools (`SimpleMinCostFlow.solve_max_flow_with_min_cost`):
source -> mentee (capacity 1) -> mentor (capacity 1, cost: how far the score is from the best)
-> sink (capacity: the mentor's free places). OR-Tools takes the capacities as they are, where
SciPy's assignment solvers would need each mentor copied once per place and a dummy column per
mentee to let some stay unplaced; its network simplex runs on the sparse graph the engine keeps
(each mentee's best mentors and each mentor's best mentees), 10,000 x 3,000 in well under a
second. Costs are integers: scores are scaled by SCALE first.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

SCALE = 10_000_000  # score units per cost unit: finer than the tie-breaker's step


class SolverError(RuntimeError):
    """OR-Tools could not solve the flow (it never should: the graph is always feasible)."""


def assign(
    mentees: np.ndarray, mentors: np.ndarray, scores: np.ndarray, capacities: np.ndarray
) -> dict[int, int]:
    """The optimum: mentee row -> mentor column, from the edges (`mentees[k]`, `mentors[k]`)
    scored `scores[k]`; a mentor column takes at most `capacities[column]` mentees."""
    if len(mentees) == 0:
        return {}
    rows = np.unique(mentees)
    columns = np.flatnonzero(capacities > 0)
    first_column = len(rows) + 1
    column_node = np.full(len(capacities), -1, np.int64)
    column_node[columns] = np.arange(first_column, first_column + len(columns))
    sink = first_column + len(columns)
    keep = column_node[mentors] >= 0
    edge_rows, edge_columns, edge_scores = mentees[keep], mentors[keep], scores[keep]
    costs = np.rint((edge_scores.max(initial=0.0) - edge_scores) * SCALE).astype(np.int64)
    tails = np.concatenate(
        [np.zeros(len(rows), np.int64), np.searchsorted(rows, edge_rows) + 1, column_node[columns]]
    )
    heads = np.concatenate(
        [np.arange(1, len(rows) + 1), column_node[edge_columns], np.full(len(columns), sink)]
    )
    capacity = np.concatenate(
        [np.ones(len(rows) + len(edge_rows), np.int64), capacities[columns].astype(np.int64)]
    )
    unit_costs = np.concatenate(
        [np.zeros(len(rows), np.int64), costs, np.zeros(len(columns), np.int64)]
    )
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails, heads, capacity, unit_costs)
    flow.set_node_supply(0, len(rows))
    flow.set_node_supply(sink, -len(rows))
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise SolverError(f"min-cost flow status {status}")
    edge_arcs = arcs[len(rows) : len(rows) + len(edge_rows)]
    used = flow.flows(edge_arcs) > 0
    return dict(zip(edge_rows[used].tolist(), edge_columns[used].tolist(), strict=True))
