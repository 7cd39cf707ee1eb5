"""Telling "the database cannot be reached now" apart from a bug.

An inbound event that failed because the database was unreachable is kept and tried again once
it answers; one that failed on a bug is logged (ids only) and dropped, or it would be retried
for ever. Unreachable means: the connection failed, dropped or timed out (PostgreSQL), or the
SQLite file is locked by another process or cannot be opened.
"""

from __future__ import annotations

import sqlite3

import psycopg
from sqlalchemy import exc as sa_exc

SQLITE_TRANSIENT = ("database is locked", "unable to open database file")


def database_unreachable(error: BaseException) -> bool:
    """Whether `error`, or the error it was raised from, says the database is out of reach."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _unreachable(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _unreachable(error: BaseException) -> bool:
    if isinstance(error, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return True  # the pool could not get a live connection
    if isinstance(error, sa_exc.DBAPIError):
        return error.connection_invalidated or _driver_unreachable(error.orig)
    return _driver_unreachable(error)


def _driver_unreachable(error: BaseException | None) -> bool:
    if isinstance(error, psycopg.OperationalError):
        return True  # refused, reset, shut down by an administrator, timed out
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        return any(part in message for part in SQLITE_TRANSIENT)
    return False
