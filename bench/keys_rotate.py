"""`mentorbot keys rotate`'s work: private notes re-encrypted under a new key, per second.

The notes are written under an old key, then `storage.key_rotation.rotate` walks every encrypted
column in batches (each committed), checks each value against the new key, re-encrypts it and
writes it back only if the row still holds what was read. `rerun` is the same rotation again,
which must re-encrypt nothing (a resumed rotation skips what is done).

    python -m bench.keys_rotate [--notes 10000] [--batch 500] [--db sqlite|postgresql]
"""

from __future__ import annotations

import time
from typing import Annotated

import typer
from cryptography.fernet import Fernet
from rich.console import Console
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from bench.common import fresh_database
from bench.seed import CHUNK, seed_people
from storage.key_rotation import rotate
from storage.models import PrivateNote
from storage.notes_key import NotesKeys
from storage.types import utcnow


def seed_notes(engine: Engine, count: int, key: str) -> None:
    """`count` private notes of about 300 characters, under `key`."""
    [author] = seed_people(engine, 1)
    cipher, now = Fernet(key), utcnow()
    with engine.begin() as conn:
        for offset in range(0, count, CHUNK):
            rows = [
                {
                    "subject": "meeting",
                    "author_person_id": author,
                    "ciphertext": cipher.encrypt(f"note {n} ".encode() * 30),
                    "created_at": now,
                }
                for n in range(offset, min(count, offset + CHUNK))
            ]
            conn.execute(insert(PrivateNote.__table__), rows)  # type: ignore[attr-defined]


def main(
    notes: Annotated[int, typer.Option(help="Private notes in the database.")] = 10_000,
    batch: Annotated[int, typer.Option(help="Rows per transaction.")] = 500,
    db: Annotated[list[str] | None, typer.Option(help="sqlite and/or postgresql.")] = None,
    postgres_url: str = "postgresql://postgres@127.0.0.1:5432/test",
) -> None:
    console = Console(soft_wrap=True)
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    for kind in db or ["sqlite", "postgresql"]:
        with fresh_database(kind, postgres_url) as engine:
            seed_notes(engine, notes, old)
            keys = NotesKeys((new, old))
            start = time.perf_counter()
            tally = rotate(engine, keys, batch=batch)
            seconds = time.perf_counter() - start
            start = time.perf_counter()
            again = rotate(engine, keys, batch=batch)
            rerun = time.perf_counter() - start
            console.print(
                f"keys rotate {kind}: notes={notes:,} batch={batch} time={seconds:.2f} s "
                f"notes_per_second={notes / seconds:,.0f} rerun={rerun:.2f} s "
                f"rerun_rotated={again.rotated}"
            )
            assert tally.rotated == notes and again.rotated == 0 and not tally.changed


if __name__ == "__main__":
    typer.run(main)
