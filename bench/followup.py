"""A coordinator's follow-up of a programme under way: the dashboard's figures, its chart and
the tracking table as XLSX, from the database, as `/admin` and `mentorbot dashboard` make them;
then what reaches every member at once: a questionnaire wave's invitations and a pulse round,
each queued by its sweep and queued again (which must add nothing).

Target (issue 13): 500 pairs give their dashboard, chart and XLSX in under 2 seconds together.
The first chart of a process pays matplotlib's import, so each size is measured cold (the first
run in this process) and warm (the best of three more).

    python -m bench.followup [--sizes 500 --sizes 5000 --sizes 50000] [--db sqlite|postgresql]
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

import typer
from cryptography.fernet import Fernet, MultiFernet
from rich.console import Console
from sqlmodel import Session

from bench.common import fresh_database
from bench.followup_seed import seed_demo_followup
from bot.pulse_sweep import ask_pulse
from bot.sweeps import invite_to_open_waves
from handlers.followup_chart import png
from handlers.tracking_export import tracking_file
from storage.db import session_scope
from storage.followup import dashboard
from storage.models import Programme
from storage.questionnaires import open_wave
from storage.types import utcnow


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _measure(engine: Any, programme_id: int, now: Any) -> dict[str, float]:
    figures: dict[str, float] = {}
    with Session(engine) as session:
        programme = session.get(Programme, programme_id)
        assert programme is not None
        figures["dashboard"], found = _timed(lambda: dashboard(session, programme, now))
        figures["chart"], image = _timed(lambda: png(found, "fr", "Europe/Paris"))
        figures["xlsx"], sheet = _timed(
            lambda: tracking_file(session, programme, "xlsx", "fr", now)
        )
    assert image.startswith(b"\x89PNG") and sheet.content.startswith(b"PK")
    figures["total"] = sum(figures.values())
    return figures


WAVE_OPEN = timedelta(days=20)


def _reach_everyone(engine: Any, programme_id: int, now: Any) -> str:
    """Open a wave and a pulse round falling now; time each sweep and its re-run."""
    with session_scope(engine) as session:
        open_wave(session, programme_id, "final", now - timedelta(minutes=1), now + WAVE_OPEN)
        programme = session.get(Programme, programme_id)
        assert programme is not None
        programme.starts_at, programme.pulse_weeks = now - timedelta(weeks=20, days=1), 4
        programme.ends_at = now + timedelta(days=90)
    parts = []
    for name, sweep in (("invitations", invite_to_open_waves), ("pulse", ask_pulse)):
        seconds, queued = _timed(lambda sweep=sweep: sweep(engine, now))
        again, requeued = _timed(lambda sweep=sweep: sweep(engine, now))
        assert queued > 0 and requeued == 0
        parts.append(f"{name}={queued:,} in {seconds:.2f} s (rerun {again:.2f} s)")
    return " ".join(parts)


def main(
    sizes: Annotated[list[int] | None, typer.Option(help="Numbers of pairs.")] = None,
    db: Annotated[list[str] | None, typer.Option(help="sqlite and/or postgresql.")] = None,
    postgres_url: str = "postgresql://postgres@127.0.0.1:5432/test",
) -> None:
    console = Console(soft_wrap=True)
    cipher = MultiFernet([Fernet(Fernet.generate_key())])
    for kind in db or ["sqlite", "postgresql"]:
        for size in sizes or [500, 5_000, 50_000]:
            with fresh_database(kind, postgres_url) as engine:
                now = utcnow()
                programme_id = seed_demo_followup(engine, size, cipher, now)
                cold = _measure(engine, programme_id, now)
                warm = min(
                    (_measure(engine, programme_id, now) for _ in range(3)),
                    key=lambda figures: figures["total"],
                )
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                reach = _reach_everyone(engine, programme_id, now)
                for label, figures in (("cold", cold), ("warm", warm)):
                    parts = " ".join(f"{k}={v:.3f} s" for k, v in figures.items())
                    console.print(f"follow-up {kind}: pairs={size:,} {label}: {parts}")
                console.print(f"follow-up {kind}: pairs={size:,} {reach}")
                console.print(f"follow-up {kind}: pairs={size:,} max_rss={peak:.0f} MiB")


if __name__ == "__main__":
    typer.run(main)
