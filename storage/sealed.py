"""Columns stored encrypted: the outbox's payloads hold the text of messages, private ones too.

The cipher is the notes cipher, bound to an engine when the core (or a command) opens the
database, so every path that writes such a column, deferred replies and sweeps included,
encrypts without having to remember to. Reading a sealed column on an engine with no cipher
bound is an error that names the fix, never a silent fallback to clear text.
"""

from __future__ import annotations

import json
from typing import Any
from weakref import WeakKeyDictionary

from cryptography.fernet import MultiFernet
from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.types import TypeDecorator

from storage.crypto import NotesKeyError, decrypt

_ciphers: WeakKeyDictionary[Dialect, MultiFernet] = WeakKeyDictionary()


def bind_cipher(engine: Engine, cipher: MultiFernet) -> None:
    """Seal this engine's sealed columns with `cipher` from now on."""
    _ciphers[engine.dialect] = cipher


def cipher_of(dialect: Dialect) -> MultiFernet:
    try:
        return _ciphers[dialect]
    except KeyError:
        raise NotesKeyError(
            "this database connection has no notes key bound; open it through the core or "
            "`bot.commands.common`, which load NOTES_KEYS or the key file"
        ) from None


def seal(cipher: MultiFernet, value: dict[str, Any]) -> bytes:
    return cipher.encrypt(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def unseal(cipher: MultiFernet, token: bytes) -> dict[str, Any]:
    return json.loads(decrypt(cipher, bytes(token)))


class SealedJSON(TypeDecorator[dict[str, Any]]):
    """A JSON object stored as a Fernet token."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> bytes | None:
        return None if value is None else seal(cipher_of(dialect), value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> dict[str, Any] | None:
        return None if value is None else unseal(cipher_of(dialect), value)
