"""Wiring: settings -> database (migrated) -> notes cipher -> conversation core."""

from __future__ import annotations

from bot.config import Settings
from handlers.core import Core
from storage.crypto import load_cipher
from storage.db import make_engine, upgrade
from storage.sealed import bind_cipher


def build_core(settings: Settings, database_url: str | None = None) -> Core:
    """A core on an up-to-date schema; migrations run here, at every start."""
    engine = make_engine(database_url or settings.database_url)
    cipher = load_cipher(settings.notes_keys, settings.notes_key_file)
    bind_cipher(engine, cipher)
    upgrade(engine)
    return Core(
        engine,
        cipher,
        admins=settings.admin_identities(),
        default_locale=settings.default_locale,
        default_timezone=settings.default_timezone,
    )
