"""Database faults an operator has to fix, told in one line that names the fix.

A read-only database (a SQLite file its user may not write, a PostgreSQL standby) is no bug and
no passing outage: what only reads still works, and what writes is refused with a message.
A locked file or an unreachable server at start stops the start with one line, not a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import psycopg
from sqlalchemy.engine import URL

READ_ONLY_LOG = "the database refuses writes (read-only): make it writable by the bot's user"


def causes(error: BaseException) -> Iterator[BaseException]:
    """`error`, then the errors it was raised from, each once."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def database_read_only(error: BaseException) -> bool:
    """Whether `error` says the database takes no writes."""
    for cause in causes(error):
        if isinstance(cause, psycopg.errors.ReadOnlySqlTransaction):
            return True
        if isinstance(cause, sqlite3.OperationalError) and "readonly" in str(cause).lower():
            return True
    return False


def fault_line(error: BaseException, url: URL) -> str | None:
    """One line naming the fix for a fault met while opening the database, or None for a bug."""
    where = url.database or ""
    if database_read_only(error):
        if url.get_backend_name() == "sqlite":
            return (
                f"The database file {where} is read-only: make it and its folder writable by "
                f"the user running mentorbot (e.g. `chmod u+w {where}`), then start again."
            )
        return (
            "The database takes no writes (a read-only server or standby): point DATABASE_URL "
            "at the primary."
        )
    for cause in causes(error):
        if isinstance(cause, sqlite3.OperationalError | sqlite3.DatabaseError):
            return _sqlite_line(str(cause).lower(), where)
        if isinstance(cause, psycopg.OperationalError):
            return (
                f"Cannot connect to PostgreSQL at {url.host or 'localhost'}:{url.port or 5432} "
                f"({_pg_reason(str(cause))}): check DATABASE_URL (or --db) and that the server "
                "is running there."
            )
        if isinstance(cause, OSError) and not isinstance(cause, ConnectionError):
            return (
                f"Cannot create the database file {where} ({cause.strerror or cause}): check "
                "DATABASE_URL (or --db) and the folder's permissions."
            )
    return None


def _sqlite_line(message: str, where: str) -> str:
    if "locked" in message or "busy" in message:
        return (
            f"The database file {where} is locked by another program: close it or wait for it "
            "to finish, then start again."
        )
    if "not a database" in message or "malformed" in message:
        return f"{where} is not a SQLite database (or is damaged): check DATABASE_URL (or --db)."
    return (
        f"Cannot open the database file {where} ({message}): check DATABASE_URL (or --db) and "
        "that its folder exists and is writable by the user running mentorbot."
    )


def _pg_reason(message: str) -> str:
    """The server's or the network's own words, without the driver's preamble and hints."""
    first = message.strip().splitlines()[0] if message.strip() else "no answer"
    reason = first.rsplit("failed: ", 1)[-1]
    for prefix in ("FATAL:", "connection failed:"):
        reason = reason.removeprefix(prefix).strip()
    return reason or first
