"""Wiring: settings -> database (migrated) -> notes cipher -> conversation core."""

from __future__ import annotations

from bot.config import Settings
from handlers.core import Core
from storage.crypto import load_cipher
from storage.db import make_engine, upgrade


def build_core(settings: Settings, database_url: str | None = None) -> Core:
    """A core on an up-to-date schema; migrations run here, at every start."""
    engine = make_engine(database_url or settings.database_url)
    upgrade(engine)
    return Core(
        engine,
        load_cipher(settings.notes_keys, settings.notes_key_file),
        admins=settings.admin_identities(),
        default_locale=settings.default_locale,
        default_timezone=settings.default_timezone,
    )
