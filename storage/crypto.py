"""Encryption of private notes with keys the database never holds.

Keys come from NOTES_KEYS (comma-separated Fernet keys, newest first, so an old key can still
decrypt while new text uses the newest), or from a key file (one key a line, newest first)
generated on first run. Where that file lives, and the check that the key is the one the
database was written with, are in `storage.notes_key`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class NotesKeyError(RuntimeError):
    """The notes keys are missing, malformed or wrong; the message says how to fix it."""


def cipher_from(keys: list[str], source: str = "NOTES_KEYS") -> MultiFernet:
    """The cipher for these Fernet keys, newest first; `source` names where they came from."""
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except ValueError as exc:
        raise NotesKeyError(
            f"{source} holds a value that is not a Fernet key; make one with `mentorbot keys new`"
        ) from exc


def split_keys(keys: str) -> list[str]:
    """NOTES_KEYS (comma-separated) or a key file (one key a line) as a list, newest first."""
    return [k.strip() for k in keys.replace("\n", ",").split(",") if k.strip()]


def load_cipher(keys: str | None, key_file: str | Path) -> MultiFernet:
    """The cipher for private notes: NOTES_KEYS if set, else the key file (created if absent)."""
    if keys:
        return cipher_from(split_keys(keys))
    path = Path(key_file)
    return cipher_from(read_key_file(path) if path.exists() else [create_key_file(path)], str(path))


def read_key_file(path: Path) -> list[str]:
    """The keys in `path`, newest first."""
    keys = split_keys(path.read_text(encoding="ascii"))
    if not keys:
        raise NotesKeyError(f"the notes key file {path} is empty: restore it from your backup")
    return keys


def create_key_file(path: Path) -> str:
    """A new key in a new owner-only file; if another process created the file first, its key.

    The key is written and synced under a temporary name, then linked into place: the file
    appears whole or not at all, and never replaces one that exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode("ascii")
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".notes-key-")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, path)
    except FileExistsError:
        return read_key_file(path)[0]
    finally:
        os.unlink(temporary)
    return key


def encrypt(cipher: MultiFernet, text: str) -> bytes:
    return cipher.encrypt(text.encode("utf-8"))


def decrypt(cipher: MultiFernet, token: bytes) -> str:
    """Decrypt with any known key; a token from an unknown key names the fix."""
    try:
        return cipher.decrypt(token).decode("utf-8")
    except InvalidToken as exc:
        raise NotesKeyError(
            "a private note cannot be decrypted with the configured keys: add the key it was "
            "written with to NOTES_KEYS (after the newest)"
        ) from exc
