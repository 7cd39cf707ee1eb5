"""Encryption of private notes with keys the database never holds.

Keys come from NOTES_KEYS (comma-separated Fernet keys, newest first, so an old key can still
decrypt while new text uses the newest), or from a key file generated on first run.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class NotesKeyError(RuntimeError):
    """The notes keys are missing or malformed; the message says how to fix it."""


def load_cipher(keys: str | None, key_file: str | Path) -> MultiFernet:
    """The cipher for private notes: NOTES_KEYS if set, else the key file (created if absent)."""
    if keys:
        raw = [k.strip() for k in keys.split(",") if k.strip()]
    else:
        raw = [_read_or_create(Path(key_file))]
    try:
        return MultiFernet([Fernet(k) for k in raw])
    except ValueError as exc:
        raise NotesKeyError(
            "NOTES_KEYS holds a value that is not a Fernet key; make one with `python -c "
            "'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`"
        ) from exc


def _read_or_create(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode("ascii")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
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
