"""Bulk seeding for the benchmarks: many people and active pairs, inserted in large batches."""

from __future__ import annotations

from datetime import timedelta

from rich.progress import Progress
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from bot.demo import ensure_demo_programme
from storage.enums import PairState
from storage.models import Identity, Pair, Person, Programme
from storage.types import utcnow

CHUNK = 5000


def seed_people(engine: Engine, count: int, platform: str = "bench") -> list[int]:
    """`count` people with one identity each (`<platform>:u<i>`); their ids, in order."""
    now = utcnow()
    with Progress(transient=True) as progress:
        task = progress.add_task(f"seeding {count:,} people", total=count)
        with engine.begin() as conn:
            first = conn.execute(select(Person.id).order_by(Person.id.desc()).limit(1)).scalar()
            start = (first or 0) + 1
            for offset in range(0, count, CHUNK):
                size = min(CHUNK, count - offset)
                ids = range(start + offset, start + offset + size)
                conn.execute(
                    insert(Person),
                    [{"id": i, "display_name": f"p{i}", "locale": "fr", "locale_chosen": True,
                      "timezone": "Europe/Paris", "created_at": now} for i in ids],
                )  # fmt: skip
                conn.execute(
                    insert(Identity),
                    [{"person_id": i, "platform": platform, "team": "", "user_key": f"u{i}",
                      "chat_key": "", "created_at": now} for i in ids],
                )  # fmt: skip
                progress.advance(task, size)
    _fix_sequences(engine)
    return list(range(start, start + count))


def seed_active_pairs(engine: Engine, count: int, days_since_last_meeting: int = 70) -> None:
    """`count` active pairs (two new people each) whose last meeting is that many days old."""
    ensure_demo_programme(engine)
    with engine.connect() as conn:
        programme_id = conn.execute(select(Programme.id).limit(1)).scalar_one()
    people = seed_people(engine, 2 * count)
    now = utcnow()
    with Progress(transient=True) as progress:
        task = progress.add_task(f"seeding {count:,} pairs", total=count)
        with engine.begin() as conn:
            for offset in range(0, count, CHUNK):
                size = min(CHUNK, count - offset)
                conn.execute(
                    insert(Pair),
                    [{"programme_id": programme_id, "mentor_person_id": people[2 * i],
                      "mentee_person_id": people[2 * i + 1], "state": PairState.active,
                      "requested_at": now - timedelta(days=200),
                      "activated_at": now - timedelta(days=190),
                      "last_meeting_at": now - timedelta(days=days_since_last_meeting),
                      "rhythm": "", "preferred_format": ""}
                     for i in range(offset, offset + size)],
                )  # fmt: skip
                progress.advance(task, size)


def _fix_sequences(engine: Engine) -> None:
    """Explicit ids leave PostgreSQL's sequence behind; move it past them."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT max(id) FROM person))"
        )
