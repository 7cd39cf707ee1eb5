"""Re-encrypting every encrypted value under the newest notes key (`mentorbot keys rotate`).

What is encrypted in the database: private notes (`privatenote.ciphertext`), the outbox's
payloads (`outbox.payload`: raw Fernet tokens, read here as bytes, never through `SealedJSON`),
the answers to secret form fields waiting in `conversationstate.data` (`{"sealed": token}`, see
`handlers.forms`), and the key-check constant (`storage.notes_key`), last.

Each table is walked in key order, in batches, each committed on its own: a crash loses at most
one batch's work, and a rerun skips what is already under the newest key (tried with that key
alone), so nothing is done twice. A row is written only if it still holds what was read (compare
and swap): a value that a running bot changed meanwhile is left as the bot wrote it, and counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import InvalidToken
from sqlalchemy import JSON, Integer, LargeBinary, Text, bindparam, cast, column, func, select
from sqlalchemy import table as light_table
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import ColumnElement, TableClause

from storage.notes_key import NotesKeys, remember_key, written_with

SEALED = "sealed"  # handlers.forms.SEALED: storage does not import the handlers
Progress = Callable[[str, int], None]  # (table, rows just walked)


@dataclass(frozen=True)
class Target:
    """A column holding Fernet tokens: raw, or inside a JSON document as `{"sealed": token}`."""

    name: str
    key: str
    value: str
    sealed_json: bool = False

    @property
    def table(self) -> TableClause:
        kind = JSON if self.sealed_json else LargeBinary
        return light_table(self.name, column(self.key, Integer), column(self.value, kind))

    def holding(self, tbl: TableClause) -> ColumnElement[bool]:
        """Rows that may hold a token."""
        if self.sealed_json:
            return cast(tbl.c[self.value], Text).like(f'%"{SEALED}"%')
        return tbl.c[self.value].is_not(None)


TARGETS = (
    Target("privatenote", "id", "ciphertext"),
    Target("outbox", "id", "payload"),
    Target("conversationstate", "person_id", "data", sealed_json=True),
    Target("noteskeycheck", "id", "token"),
)


@dataclass
class Tally:
    """What a walk found, in values (a JSON document may hold several)."""

    rotated: int = 0  # re-encrypted under the newest key by this walk
    current: int = 0  # already under the newest key
    older: int = 0  # still under an older key (a survey's count; a rotation leaves none)
    unreadable: int = 0  # opened by none of the configured keys
    changed: int = 0  # changed by someone else between the read and the write: left as is

    def add(self, other: Tally) -> None:
        for name in ("rotated", "current", "older", "unreadable", "changed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def row_counts(engine: Engine) -> dict[str, int]:
    """How many rows of each target may hold a token (for a progress bar's totals)."""
    counts = {}
    with engine.connect() as conn:
        for target in TARGETS:
            tbl = target.table
            query = select(func.count()).select_from(tbl).where(target.holding(tbl))
            counts[target.name] = conn.execute(query).scalar_one()
    return counts


def rotate(
    engine: Engine, keys: NotesKeys, *, batch: int = 500, progress: Progress | None = None
) -> Tally:
    """Re-encrypt under `keys.newest` every value that is not under it yet."""
    tally = Tally()
    for target in TARGETS:
        tally.add(_walk(engine, keys, target, batch, progress, write=True))
    remember_key(engine, keys)  # a database that never had the constant gets it now
    return tally


def survey(
    engine: Engine, keys: NotesKeys, *, batch: int = 1000, progress: Progress | None = None
) -> Tally:
    """Count the values under the newest key, under an older one, and unreadable; change nothing."""
    tally = Tally()
    for target in TARGETS:
        tally.add(_walk(engine, keys, target, batch, progress, write=False))
    return tally


def _walk(
    engine: Engine,
    keys: NotesKeys,
    target: Target,
    batch: int,
    progress: Progress | None,
    *,
    write: bool,
) -> Tally:
    tally = Tally()
    tbl = target.table
    key, value = tbl.c[target.key], tbl.c[target.value]
    read = cast(value, Text) if target.sealed_json else value
    last: Any = None
    while True:
        query = select(key, read).where(target.holding(tbl)).order_by(key).limit(batch)
        with engine.begin() as conn:
            rows = conn.execute(query if last is None else query.where(key > last)).all()
            if not rows:
                return tally
            last = rows[-1][0]
            found = Tally()
            updates = [_renewed(keys, target, row_key, stored, found) for row_key, stored in rows]
            if write:
                written = _write(conn, target, tbl, [u for u in updates if u[0]])
                found.rotated, found.changed = written, found.rotated - written
            else:
                found.older, found.rotated = found.rotated, 0
            tally.add(found)
        if progress is not None:
            progress(target.name, len(rows))


def _renewed(
    keys: NotesKeys, target: Target, row_key: Any, stored: Any, found: Tally
) -> tuple[int, dict[str, Any]]:
    """How many of the row's values need the newest key, and the update that gives it to them;
    `found` counts its values (those to re-encrypt under `rotated`)."""
    before = found.rotated
    if target.sealed_json:
        renewed = _renew_sealed(keys, json.loads(stored), found)
    else:
        stored = bytes(stored)
        renewed = _renew(keys, stored, found)
    return found.rotated - before, {"k": row_key, "old": stored, "new": renewed}


def _renew(keys: NotesKeys, token: bytes, found: Tally) -> bytes | None:
    if written_with(keys.newest, token):
        found.current += 1
        return None
    try:
        renewed = keys.cipher.rotate(token)
    except InvalidToken:
        found.unreadable += 1
        return None
    found.rotated += 1
    return renewed


def _renew_sealed(keys: NotesKeys, node: Any, found: Tally) -> Any:
    """`node` with every `{"sealed": token}` inside it under the newest key."""
    if isinstance(node, dict):
        if set(node) == {SEALED} and isinstance(node[SEALED], str):
            token = node[SEALED].encode("ascii")
            renewed = _renew(keys, token, found)
            return node if renewed is None else {SEALED: renewed.decode("ascii")}
        return {name: _renew_sealed(keys, item, found) for name, item in node.items()}
    if isinstance(node, list):
        return [_renew_sealed(keys, item, found) for item in node]
    return node


def _write(
    conn: Connection, target: Target, tbl: TableClause, updates: list[tuple[int, dict[str, Any]]]
) -> int:
    """Write the renewed values where the rows still hold what was read; how many values were."""
    key, value = tbl.c[target.key], tbl.c[target.value]
    stored = cast(value, Text) if target.sealed_json else value
    kind = JSON if target.sealed_json else LargeBinary
    statement = (
        tbl.update()
        .where(key == bindparam("k"), stored == bindparam("old"))
        .values({target.value: bindparam("new", type_=kind)})
    )
    return sum(count for count, update in updates if conn.execute(statement, update).rowcount)
