"""The notes key at start: next to a SQLite database whatever the working directory, required in
the environment with PostgreSQL, and never replaced: a missing or wrong key stops the start
with one line that says what to restore, before anything is written with it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from bot.cli import app
from storage.crypto import read_key_file
from storage.db import make_engine, session_scope
from storage.models import NotesKeyCheck, PrivateNote
from storage.notes_key import key_file_for
from storage.people import identify
from storage.sealed import bind_cipher

runner = CliRunner()


def start(cwd: Path, db_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`mentorbot console` from `cwd`, saying /help as Léa; NOTES_* only as given."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NOTES_", "DATABASE_URL"))}
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "bot", "console", "--db", db_url, "--no-demo"],
        input="@lea\n/help\n",
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, **env},
        timeout=60,
        check=False,
    )


def write_note(db_url: str, key: str) -> None:
    engine = make_engine(db_url)
    cipher = MultiFernet([Fernet(key)])
    bind_cipher(engine, cipher)
    with session_scope(engine) as session:
        author = identify(session, "console", "lea", display_name="Léa").id
        session.add(
            PrivateNote(subject="meeting", author_person_id=author, ciphertext=cipher.encrypt(b"x"))
        )
    engine.dispose()


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_the_key_file_is_next_to_the_database_whatever_the_working_directory(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite:///{tmp_path / 'data' / 'mentorbot.db'}"
    first = start(tmp_path / "here", db_url)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "data" / "mentorbot-notes.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    [key] = read_key_file(key_file)
    write_note(db_url, key)
    second = start(tmp_path / "elsewhere", db_url)
    assert second.returncode == 0 and "[lea] " in second.stdout, second.stderr
    assert read_key_file(key_file) == [key]
    assert not list((tmp_path / "here").glob("*.key")) and not list(
        (tmp_path / "elsewhere").glob("*.key")
    )


def test_a_relative_key_file_is_taken_from_the_database_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'm.db'}"
    assert key_file_for(url, None) == tmp_path / "data" / "m-notes.key"
    assert key_file_for(url, "keys/notes.key") == tmp_path / "data" / "keys" / "notes.key"
    assert key_file_for(url, "/etc/mentorbot/notes.key") == Path("/etc/mentorbot/notes.key")
    assert key_file_for("sqlite://", None) is None


def test_a_missing_key_file_over_encrypted_notes_stops_the_start(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'mentorbot.db'}"
    assert start(tmp_path, db_url).returncode == 0
    key_file = tmp_path / "mentorbot-notes.key"
    write_note(db_url, read_key_file(key_file)[0])
    key_file.rename(tmp_path / "moved.key")
    said = one_line(start(tmp_path, db_url))
    assert (
        f"The notes key file {key_file} is missing and the database holds encrypted notes" in said
    )
    assert not key_file.exists(), "no second key over existing notes"
    again = start(tmp_path, db_url, NOTES_KEY_FILE=str(tmp_path / "moved.key"))
    assert again.returncode == 0, again.stderr


def test_a_wrong_key_stops_the_start_before_anything_is_written(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'mentorbot.db'}"
    assert start(tmp_path, db_url).returncode == 0
    wrong = Fernet.generate_key().decode()
    said = one_line(start(tmp_path, db_url, NOTES_KEYS=wrong))
    assert "The notes key in NOTES_KEYS is not the one this database's notes were written" in said
    (tmp_path / "mentorbot-notes.key").write_text(wrong + "\n", encoding="ascii")
    said = one_line(start(tmp_path, db_url))
    assert f"The notes key in {tmp_path / 'mentorbot-notes.key'} is not the one" in said


def test_a_database_from_before_the_check_has_a_note_tried_then_gets_the_check(
    db_url: str, engine: Engine
) -> None:
    key = Fernet.generate_key().decode()
    write_note(db_url, key)
    with engine.begin() as conn:
        conn.execute(delete(NotesKeyCheck))
    wrong = runner.invoke(
        app, ["db", "upgrade", "--db", db_url], env={"NOTES_KEYS": Fernet.generate_key().decode()}
    )
    assert wrong.exit_code == 2 and "is not the one" in wrong.output, wrong.output
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(NotesKeyCheck)).scalar() == 0
    right = runner.invoke(app, ["db", "upgrade", "--db", db_url], env={"NOTES_KEYS": key})
    assert right.exit_code == 0, right.output
    with engine.connect() as conn:
        [token] = conn.execute(select(NotesKeyCheck.token)).scalars()
    assert Fernet(key).decrypt(token)


def test_postgresql_needs_notes_keys_in_the_environment(pg_schema_url: str) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", pg_schema_url], env={"NOTES_KEYS": None})
    assert result.exit_code == 2
    assert result.output.startswith("NOTES_KEYS is not set: with PostgreSQL every replica")
    assert "`mentorbot keys new`" in result.output and result.output.count("\n") == 1


@pytest.mark.parametrize("keys", ["not-a-key", ""])
def test_a_malformed_or_empty_key_file_names_it(tmp_path: Path, keys: str) -> None:
    db_url = f"sqlite:///{tmp_path / 'mentorbot.db'}"
    (tmp_path / "mentorbot-notes.key").write_text(keys, encoding="ascii")
    said = one_line(start(tmp_path, db_url))
    assert str(tmp_path / "mentorbot-notes.key") in said
