"""Private notes: encrypted with keys outside the database, with key rotation."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from storage.crypto import NotesKeyError, decrypt, encrypt, load_cipher


def test_a_key_file_is_created_once_and_readable_only_by_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "notes.key"
    first = load_cipher(None, path)
    token = encrypt(first, "note confidentielle")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_cipher(None, path)
    assert decrypt(again, token) == "note confidentielle"
    assert b"confidentielle" not in token


def test_rotation_keeps_old_notes_readable_and_writes_with_the_newest_key() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = encrypt(load_cipher(old, "unused"), "avant")
    rotated = load_cipher(f"{new}, {old}", "unused")
    assert decrypt(rotated, before) == "avant"
    after = encrypt(rotated, "après")
    assert Fernet(new.encode()).decrypt(after) == "après".encode()


def test_a_note_from_an_unknown_key_names_the_fix() -> None:
    token = encrypt(load_cipher(Fernet.generate_key().decode(), "unused"), "x")
    with pytest.raises(NotesKeyError, match="add the key it was written with to NOTES_KEYS"):
        decrypt(load_cipher(Fernet.generate_key().decode(), "unused"), token)


def test_a_malformed_key_names_the_fix() -> None:
    with pytest.raises(NotesKeyError, match="mentorbot keys new"):
        load_cipher("not-a-key", "unused")
