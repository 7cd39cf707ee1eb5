"""What a coordinator's `/admin` menu and Slack App Home pay for the follow-up summary, and
« Tous les binômes » for one page of 40 pairs: read from every pair's row (the whole dashboard,
as they did before) against the summary summed in SQL and the page read with LIMIT/OFFSET.
The tables are analysed after seeding, as a live database's are.

    python -m bench.followup_summary [--sizes 20000] [--db sqlite --db postgresql]
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Annotated, Any

import typer
from cryptography.fernet import Fernet, MultiFernet
from rich.console import Console
from sqlalchemy import text
from sqlmodel import Session

from bench.common import fresh_database
from bench.followup_seed import seed_demo_followup
from handlers.followup_text import pair_line, pair_lines, summary_lines
from storage.followup import dashboard, listed_count, pair_page, summary
from storage.models import Programme
from storage.types import utcnow

PAGE = 40


def _best(run: Callable[[], Any], times: int = 3) -> float:
    """The best of `times` runs, in seconds."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _paths(session: Session, programme: Programme, now: Any) -> dict[str, Callable[[], Any]]:
    """Each way of showing the summary and the second page, before and after."""

    def rows_page() -> list[str]:
        return pair_lines(dashboard(session, programme, now), "fr", "Europe/Paris")[PAGE : 2 * PAGE]

    def sql_page() -> list[str]:
        listed_count(session, programme)
        rows = pair_page(session, programme, now, (PAGE, PAGE))
        return [pair_line(row, "fr", "Europe/Paris", now) for row in rows]

    return {
        "summary from rows": lambda: summary_lines(
            dashboard(session, programme, now), "fr", "Europe/Paris"
        ),
        "summary in SQL": lambda: summary_lines(
            summary(session, programme, now), "fr", "Europe/Paris"
        ),
        "page from rows": rows_page,
        "page in SQL": sql_page,
    }


def main(
    sizes: Annotated[list[int] | None, typer.Option(help="Numbers of pairs.")] = None,
    db: Annotated[list[str] | None, typer.Option(help="sqlite and/or postgresql.")] = None,
    postgres_url: str = "postgresql://postgres@127.0.0.1:5432/test",
) -> None:
    console = Console(soft_wrap=True)
    cipher = MultiFernet([Fernet(Fernet.generate_key())])
    for kind in db or ["sqlite", "postgresql"]:
        for size in sizes or [20_000]:
            with fresh_database(kind, postgres_url) as engine:
                now = utcnow()
                with console.status(f"Seeding {size:,} pairs…"):
                    programme_id = seed_demo_followup(engine, size, cipher, now)
                with engine.begin() as conn:  # the statistics a live database keeps
                    conn.execute(text("ANALYZE"))
                with Session(engine) as session:
                    programme = session.get(Programme, programme_id)
                    assert programme is not None
                    figures = {
                        name: _best(run) for name, run in _paths(session, programme, now).items()
                    }
                parts = " ".join(f"{name}={seconds:.3f} s" for name, seconds in figures.items())
                console.print(f"follow-up summary {kind}: pairs={size:,} {parts}")


if __name__ == "__main__":
    typer.run(main)
