"""The reminder sweep over many pairs, and how its time grows with their number.

Every pair is overdue (last meeting 70 days ago, longest gap 56 days), so each sweep queues two
nudges per pair: the worst case. The second run of the same sweep must queue nothing.

    python -m bench.sweep [--sizes 1000 --sizes 10000 --sizes 100000] [--db sqlite|postgresql]
"""

from __future__ import annotations

import resource
import time
from typing import Annotated

import typer
from rich.console import Console

from bench.common import fresh_database
from bench.seed import seed_active_pairs
from bot.sweeps import nudge_cadence
from storage.types import utcnow


def main(
    sizes: Annotated[list[int] | None, typer.Option(help="Numbers of pairs.")] = None,
    db: Annotated[list[str] | None, typer.Option(help="sqlite and/or postgresql.")] = None,
    postgres_url: str = "postgresql://postgres@127.0.0.1:5432/test",
) -> None:
    console = Console(soft_wrap=True)
    for kind in db or ["sqlite", "postgresql"]:
        base = None
        for size in sizes or [1_000, 10_000, 100_000]:
            with fresh_database(kind, postgres_url) as engine:
                seed_active_pairs(engine, size)
                now = utcnow()
                start = time.perf_counter()
                queued = nudge_cadence(engine, now)
                seconds = time.perf_counter() - start
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                start = time.perf_counter()
                again = nudge_cadence(engine, now)
                rerun = time.perf_counter() - start
                base = base or seconds / size
                console.print(
                    f"sweep {kind}: pairs={size:,} time={seconds:.2f} s "
                    f"per_pair={seconds / size * 1e6:.0f} us growth={seconds / size / base:.2f}x "
                    f"queued={queued:,} rerun={rerun:.2f} s rerun_queued={again} "
                    f"max_rss={peak:.0f} MiB"
                )
                assert queued == 2 * size and again == 0


if __name__ == "__main__":
    typer.run(main)
