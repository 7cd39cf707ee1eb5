"""What every benchmark shares: a fresh database (SQLite file or PostgreSQL schema), percentiles."""

from __future__ import annotations

import statistics
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from storage.db import make_engine, normalise_url, upgrade


@contextmanager
def fresh_database(kind: str, postgres_url: str) -> Iterator[Engine]:
    """A migrated, empty database: a temporary SQLite file, or a new PostgreSQL schema."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            upgrade(engine)
            yield engine
            engine.dispose()
        return
    base = normalise_url(postgres_url)
    admin = create_engine(base)
    schema = f"mb_bench_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall (inclusive method)."""
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[round(fraction * 100) - 1]
