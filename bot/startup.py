"""Opening the database at start, for the bot and every command: the engine, the notes key
(`storage.notes_key`) and the check that it is the right one, then the migrations.

A fault the operator can fix (a malformed DATABASE_URL or one naming an unknown database, a
server away, a locked or read-only SQLite file, a missing or wrong notes key) stops the start
with a `StartupError` whose message is one line naming the fix; the command line prints it
instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from bot.config import Settings
from storage.crypto import NotesKeyError
from storage.database_faults import fault_line
from storage.db import make_engine, upgrade
from storage.notes_key import NotesKeys, check_notes_key, load_notes_keys, remember_key
from storage.sealed import bind_cipher

SUPPORTED = {"sqlite", "postgresql", "postgres"}
EXAMPLES = "sqlite:///PATH/mentorbot.db or postgresql://USER:PASSWORD@HOST:5432/DATABASE"


class StartupError(RuntimeError):
    """The bot cannot start; the message is one line that names the fix."""


@dataclass(frozen=True)
class Database:
    """An open, migrated database, its notes keys checked and bound to its engine."""

    engine: Engine
    keys: NotesKeys


def open_database(settings: Settings, url: str | None = None) -> Database:
    """The database at `url` (default DATABASE_URL), ready for the core or a command."""
    engine = _engine(url or settings.database_url)
    try:
        keys = load_notes_keys(engine, settings.notes_keys, settings.notes_key_file)
        checked = check_notes_key(engine, keys)
        bind_cipher(engine, keys.cipher)
        upgrade(engine)
        if not checked:
            remember_key(engine, keys)
    except NotesKeyError as exc:
        engine.dispose()
        raise StartupError(str(exc)) from exc
    except Exception as exc:
        line = fault_line(exc, engine.url)
        if line is None:
            raise
        engine.dispose()
        raise StartupError(line) from exc
    return Database(engine, keys)


def _engine(url: str) -> Engine:
    """An engine for a URL naming SQLite or PostgreSQL (connecting is left to the first use)."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise StartupError(
            f"DATABASE_URL (or --db) is not a database URL: write {EXAMPLES}."
        ) from None
    if backend not in SUPPORTED:
        raise StartupError(
            f"DATABASE_URL (or --db) names the database {backend!r}, which mentorbot does not "
            f"support: write {EXAMPLES}."
        )
    try:
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StartupError(
            f"DATABASE_URL (or --db) names a driver that is not installed "
            f"({type(exc).__name__}): write {EXAMPLES}."
        ) from exc
    except OSError as exc:
        raise StartupError(
            f"Cannot create the folder of the database file ({exc.strerror or exc}): check "
            "DATABASE_URL (or --db) and the folder's permissions."
        ) from exc
