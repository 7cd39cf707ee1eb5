"""Start-up and console faults: one line naming the fix, and the console keeps what works.

Reproduced for real: wrong database URLs (a server away, a malformed URL, an unknown database or
driver) through the real command line; a SQLite file locked by another connection at start and
under the console; a read-only SQLite file (mode 0444, and the immutable flag for root, whom
permissions do not stop) under the console started by the command line and under the adapter.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, MultiFernet
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from storage.db import make_engine, upgrade
from tests.conftest import Dialog

runner = CliRunner()
READ_ONLY_FR = (
    "Je ne peux rien enregistrer pour le moment : la base de données est en lecture seule."
)
READ_ONLY_EN = "I cannot save anything right now: the database is read-only."


def mentorbot(
    *args: str, cwd: Path, script: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """The real command line, with no platform settings and only the NOTES_* given."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "TELEGRAM_", "DATABASE_URL", "NOTES_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=script,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, **env},
        timeout=60,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a fault prints (exit 2, nothing else, no traceback)."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://bob:s3cret@127.0.0.1:1/x", "Cannot connect to PostgreSQL at 127.0.0.1:1"),
        ("not a url", "DATABASE_URL (or --db) is not a database URL: write sqlite:///"),
        ("oracle://x/y", "DATABASE_URL (or --db) names the database 'oracle', which mentorbot"),
        ("mysql://u@h/x", "names the database 'mysql', which mentorbot does not support"),
        ("sqlite+pysqlcipher:///x.db", "names a driver that is not installed"),
    ],
)
def test_a_wrong_database_url_is_one_line_naming_the_fix(
    tmp_path: Path, url: str, expected: str
) -> None:
    key = Fernet.generate_key().decode()
    said = one_line(
        mentorbot("console", script="/start\n", cwd=tmp_path, DATABASE_URL=url, NOTES_KEYS=key)
    )
    assert expected in said and "s3cret" not in said
    said = one_line(mentorbot("run", cwd=tmp_path, DATABASE_URL=url, NOTES_KEYS=key))
    assert expected in said
    listed = runner.invoke(app, ["programme", "list", "--db", url])
    assert listed.exit_code == 2 and expected in listed.output and listed.output.count("\n") == 1


def test_a_postgresql_role_that_does_not_exist_is_named(pg_schema_url: str) -> None:
    url = pg_schema_url.replace("postgres@", "nobody@", 1)
    result = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 2
    assert 'role "nobody" does not exist): check DATABASE_URL (or --db)' in result.output


@contextmanager
def holding_a_write_lock(path: Path, seconds: float) -> Iterator[None]:
    """Another connection writes to `path` for `seconds` (in the background)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE IF NOT EXISTS elsewhere (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO elsewhere VALUES (1)")
    release = threading.Timer(seconds, holder.rollback)
    release.start()
    try:
        yield
    finally:
        release.join()
        holder.close()


def test_a_file_locked_at_start_is_one_line(tmp_path: Path) -> None:
    database = tmp_path / "mentorbot.db"
    with holding_a_write_lock(database, 9):  # longer than SQLite's busy timeout (5 s)
        said = one_line(mentorbot("db", "upgrade", "--db", f"sqlite:///{database}", cwd=tmp_path))
    assert f"The database file {database} is locked by another program" in said


def test_the_console_waits_for_a_locked_file_then_answers_a_new_speaker(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mentorbot.db'}"
    assert mentorbot("db", "upgrade", "--db", url, cwd=tmp_path).returncode == 0
    # Long enough for a start slowed by a busy machine to still meet the lock (the console's
    # first write then waits out SQLite's busy timeout before saying it waits).
    with holding_a_write_lock(tmp_path / "mentorbot.db", 12):
        result = mentorbot(
            "console", "--db", url, "--no-demo", script="@zoe\n/start\n", cwd=tmp_path
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[zoe] Un instant : je rencontre un souci technique passager.")
    assert "[zoe] Bonjour et bienvenue" in result.stdout and "Traceback" not in result.stderr


def _writable(path: Path) -> bool:
    try:
        path.open("ab").close()
    except PermissionError:
        return False
    return True


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` that this process may read but not write; skips where that cannot be arranged."""
    path.chmod(0o444)
    immutable = False
    if os.geteuid() == 0 and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", path], capture_output=True).returncode == 0
    try:
        if _writable(path):
            pytest.skip("root, and the file system has no immutable flag")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", path], check=True)
        path.chmod(0o644)


def test_the_console_on_a_read_only_file_says_so_and_keeps_reading(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mentorbot.db'}"
    first = mentorbot("console", "--db", url, script="@lea\n/start\n1\n", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    with read_only(tmp_path / "mentorbot.db"):
        script = "@lea\n/help\n/status\n@newbie\n/start\n@lea\n/help\n"
        result = mentorbot("console", "--db", url, script=script, cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    said = result.stdout.splitlines()
    assert said.count("[lea] Voici les commandes disponibles :") == 2, "reading still works"
    assert (
        said.count(
            f"[lea] {READ_ONLY_FR} Votre message n'a pas été pris en compte ; "
            "réessayez quand elle pourra de nouveau être modifiée."
        )
        == 1
    )
    assert any(line.startswith(f"[newbie] {READ_ONLY_FR}") for line in said)
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2 and all(
        line.endswith("the database refuses writes (read-only): make it writable by the bot's user")
        for line in warnings
    )


def test_the_console_adapter_on_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "mentorbot.db"
    cipher = MultiFernet([Fernet(Fernet.generate_key())])
    engine = make_engine(f"sqlite:///{path}")
    core = Core(engine, cipher, default_locale="en")
    upgrade(engine)
    Dialog(core, tmp_path / "files")("@lea\n/start\n2")
    engine.dispose()
    with read_only(path):
        dialog = Dialog(core, tmp_path / "files")
        assert dialog("@lea\n/help").startswith("[lea] Here are the commands you can use:")
        assert dialog("/status").startswith(f"[lea] {READ_ONLY_EN}")
        assert dialog("@sam\n/start").startswith(f"[sam] {READ_ONLY_EN}")
        assert dialog("@lea\n/privacy").startswith("[lea] What I keep:")
    engine.dispose()
