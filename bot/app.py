"""Wiring: settings -> database (migrated, notes key checked) -> conversation core."""

from __future__ import annotations

from bot.config import Settings
from bot.startup import open_database
from handlers.core import Core


def build_core(settings: Settings, database_url: str | None = None) -> Core:
    """A core on an up-to-date schema; migrations run here, at every start.

    Raises `bot.startup.StartupError` (one line naming the fix) when the database or the notes
    key is not usable.
    """
    database = open_database(settings, database_url)
    return Core(
        database.engine,
        database.keys.cipher,
        admins=settings.admin_identities(),
        default_locale=settings.default_locale,
        default_timezone=settings.default_timezone,
    )
