"""`mentorbot keys rotate`: every encrypted value re-encrypted under the newest key, resumable.

Notes, an outbox payload and a secret form answer are written under the old key; the rotation
runs through the real command line (in process), after an interrupted first attempt, and every
value is then readable with the new key alone and with the old key alone with none.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import LargeBinary, column, insert, select, table
from sqlalchemy.engine import Engine
from sqlmodel import Session
from typer.testing import CliRunner

from bot.cli import app
from bot.inbound_spool import InboundSpool
from storage.crypto import read_key_file
from storage.db import make_engine, session_scope
from storage.key_rotation import rotate
from storage.models import ConversationState, Outbox, PrivateNote
from storage.notes_key import NotesKeys
from storage.people import identify
from storage.sealed import bind_cipher
from storage.types import utcnow

NOTES = 10_000
runner = CliRunner()


class Interrupted(Exception):
    """Stands for Ctrl-C or a crash in the middle of a rotation."""


def cli(db_url: str, *args: str, keys: str | None) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["keys", *args, "--db", db_url],
        env={"NOTES_KEYS": keys, "NOTES_KEY_FILE": None},
        terminal_width=400,
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def seed(engine: Engine, cipher: MultiFernet, notes: int) -> None:
    """`notes` private notes, a message waiting in the outbox and a secret form answer being
    filled in, all under `cipher`'s key."""
    with session_scope(engine) as session:
        author = identify(session, "console", "lea", display_name="Léa").id
        session.add(Outbox(person_id=author, kind="reply", payload={"text": "note privée"}))
        sealed = {"sealed": cipher.encrypt(b"action secrete").decode("ascii")}
        data = {"values": {"a": sealed, "name": "Léa"}}
        session.add(ConversationState(person_id=author, flow="form", data=data))
    rows = [
        {
            "subject": "meeting",
            "author_person_id": author,
            "ciphertext": cipher.encrypt(f"note {n}".encode()),
            "created_at": utcnow(),
        }
        for n in range(notes)
    ]
    with engine.begin() as conn:
        conn.execute(insert(PrivateNote.__table__), rows)  # type: ignore[attr-defined]


def tokens(engine: Engine) -> list[bytes]:
    """Every encrypted value in the database, read as raw bytes."""
    found = []
    with engine.connect() as conn:
        for name, value in (("privatenote", "ciphertext"), ("outbox", "payload")):
            raw = table(name, column(value, LargeBinary))
            found += [bytes(v) for v in conn.execute(select(raw.c[value])).scalars() if v]
    with Session(engine) as session:
        for state in session.scalars(select(ConversationState)):
            found += [v["sealed"].encode() for v in state.data["values"].values() if "sealed" in v]
    return found


def opens(key: str, token: bytes) -> bool:
    try:
        Fernet(key).decrypt(token)
    except InvalidToken:
        return False
    return True


@pytest.fixture
def old(engine: Engine) -> str:
    """The key the values are written under before a rotation, bound to the test's engine."""
    key = Fernet.generate_key().decode("ascii")
    bind_cipher(engine, MultiFernet([Fernet(key)]))
    return key


def test_an_interrupted_rotation_resumes_and_leaves_nothing_under_the_old_key(
    db_url: str, engine: Engine, old: str
) -> None:
    new = Fernet.generate_key().decode()
    seed(engine, MultiFernet([Fernet(old)]), NOTES)
    walked: list[int] = []

    def crash_after_three_batches(name: str, rows: int) -> None:
        walked.append(rows)
        if len(walked) == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        rotate(engine, NotesKeys((new, old)), batch=1000, progress=crash_after_three_batches)
    assert sum(opens(new, token) for token in tokens(engine)) == 3000, "each batch committed"

    code, said = cli(db_url, "rotate", "--batch", "700", keys=f"{new},{old}")
    assert code == 0, said
    # the rest of the notes, the outbox payload and the form answer; the 3,000 notes done
    # before the crash and the key check (written under the new key at this start) are skipped
    assert "7,002 value(s) re-encrypted under the newest key (3,001 already were)" in said
    assert "No value needs the old key any more" in said
    everything = tokens(engine)
    assert len(everything) == NOTES + 2
    assert all(opens(new, token) for token in everything)
    assert not any(opens(old, token) for token in everything)
    with Session(engine) as session:  # the bot reads them through its own types
        bind_cipher(engine, MultiFernet([Fernet(new)]))
        assert session.scalars(select(Outbox)).one().payload == {"text": "note privée"}

    checked = cli(db_url, "rotate", "--check", keys=new)[1]
    assert f"Under the newest key: {NOTES + 3:,}; under an older key: 0; unreadable" in checked, (
        "the bot starts with the new key alone"
    )


def test_notes_keys_with_one_key_prints_a_new_one_and_changes_nothing(
    db_url: str, engine: Engine, old: str
) -> None:
    seed(engine, MultiFernet([Fernet(old)]), 3)
    code, said = cli(db_url, "rotate", keys=old)
    assert code == 0, said
    assert "set NOTES_KEYS=NEW,CURRENT" in said
    Fernet(said.split()[-1])  # the new key, ready to paste
    assert all(opens(old, token) for token in tokens(engine))


def test_the_old_key_is_kept_while_a_value_needs_it(db_url: str, engine: Engine, old: str) -> None:
    new = Fernet.generate_key().decode()
    seed(engine, MultiFernet([Fernet(old)]), 3)
    code, said = cli(db_url, "rotate", "--drop-old", keys=f"{new},{old}")
    assert code == 1 and "5 value(s) still need an older key" in said, said
    assert cli(db_url, "rotate", "--check", keys=f"{new},{old}")[1].endswith(
        "The older keys are still needed: run `mentorbot keys rotate`.\n"
    )
    assert cli(db_url, "rotate", keys=f"{new},{old}")[0] == 0
    code, said = cli(db_url, "rotate", "--drop-old", keys=f"{new},{old}")
    assert code == 0 and "keep only the first key of NOTES_KEYS" in said, said


def test_with_the_key_file_a_new_key_goes_first_then_the_old_one_is_dropped(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite:///{tmp_path / 'data' / 'mentorbot.db'}"
    key_file = tmp_path / "data" / "mentorbot-notes.key"
    code, said = cli(db_url, "rotate", "--check", keys=None)
    assert code == 0 and said.endswith("One key is configured.\n"), said
    [old] = read_key_file(key_file)
    old_cipher = MultiFernet([Fernet(old)])
    engine = make_engine(db_url)
    bind_cipher(engine, old_cipher)
    seed(engine, old_cipher, 20)

    code, said = cli(db_url, "rotate", keys=None)
    assert code == 0, said
    assert f"New key put first in {key_file}" in said
    new, kept = read_key_file(key_file)
    assert kept == old and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "23 value(s) re-encrypted under the newest key (0 already were)" in said
    assert f"`mentorbot keys rotate --drop-old` removes it from {key_file}" in said
    assert all(opens(new, token) and not opens(old, token) for token in tokens(engine))

    spool = InboundSpool(tmp_path / "data" / "mentorbot-inbound" / "telegram", old_cipher)
    spool.put("chat:42", {"text": "arrivé pendant une panne"})  # replayed once the bot runs
    code, said = cli(db_url, "rotate", "--drop-old", keys=None)
    assert code == 1 and "1 value(s) still need an older key" in said, said
    spool.remove(spool.pending()[0])
    code, said = cli(db_url, "rotate", "--drop-old", keys=None)
    assert code == 0 and "1 older key(s) removed" in said, said
    assert read_key_file(key_file) == [new]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert cli(db_url, "rotate", "--check", keys=None)[0] == 0, "it starts with the new key alone"
    engine.dispose()
