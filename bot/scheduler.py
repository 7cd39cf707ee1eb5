"""The scheduler: APScheduler only triggers the sweeps; the database decides what is due.

One job, run every minute with `max_instances=1` and `coalesce=True`, so a slow sweep is never
run twice at once in this process; several replicas may each run it, and the outbox's unique
keys keep them from sending anything twice.
"""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from bot.sweeps import run_sweeps
from storage.types import utcnow


def start_scheduler(engine: Engine, every_seconds: int = 60) -> BackgroundScheduler:
    """Start the sweeps in a background thread; the caller shuts the scheduler down."""
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        run_sweeps,
        "interval",
        seconds=every_seconds,
        args=[engine],
        id="sweeps",
        max_instances=1,
        coalesce=True,
        next_run_time=utcnow(),
    )
    scheduler.start()
    return scheduler
