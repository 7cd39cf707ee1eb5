"""The outbox holds message text only encrypted, and forgets it once the message is delivered."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.delivery import deliver_due
from handlers.core import Core
from handlers.ui import Item, Message, Reply
from storage.crypto import NotesKeyError
from storage.db import make_engine, session_scope, upgrade
from storage.models import Identity, Outbox
from storage.outbox import enqueue, purge_done
from storage.people import identify
from storage.sealed import bind_cipher
from storage.types import utcnow

MARKER = "ZQX-private-marker-7731"


def raw_payloads(engine: Engine) -> list[bytes]:
    with engine.connect() as conn:
        return [bytes(p) for (p,) in conn.execute(text("SELECT payload FROM outbox")) if p]


def test_a_deferred_reply_is_stored_encrypted_and_delivered_in_clear(core: Core) -> None:
    with session_scope(core.engine) as session:
        person = identify(session, "console", "lea").id
    core.defer([Reply(person, Message(f"Vos notes : {MARKER}"))])

    stored = raw_payloads(core.engine)
    assert len(stored) == 1 and MARKER.encode() not in stored[0]
    assert core.cipher.decrypt(stored[0])  # a Fernet token under the notes key

    got: list[Item] = []

    def send(identity: Identity, item: Item) -> None:
        got.append(item)

    assert deliver_due(core.engine, "console", send) == 1
    assert got == [Message(f"Vos notes : {MARKER}")]


def test_a_sqlite_file_never_holds_the_text(tmp_path: Path, cipher: MultiFernet) -> None:
    path = tmp_path / "bot.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    core = Core(engine, cipher)
    with session_scope(engine) as session:
        person = identify(session, "console", "lea").id
    core.defer([Reply(person, Message(MARKER))] * 3)
    engine.dispose()
    assert MARKER.encode() not in b"".join(p.read_bytes() for p in tmp_path.glob("bot.db*"))


def test_delivered_rows_lose_their_text_and_keyed_rows_stay_as_a_record(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = identify(session, "console", "lea").id
        keyed = enqueue(session, person, "message", {"type": "message", "text": "a"}, dedup_key="k")
        enqueue(session, person, "message", {"type": "message", "text": "b"})
        waiting = enqueue(
            session, person, "message", {"type": "message", "text": "c"},
            due_at=utcnow() + timedelta(days=1),
        )  # fmt: skip
    sent = deliver_due(engine, "console", lambda identity, item: None)
    assert sent == 2
    with session_scope(engine) as session:
        assert purge_done(session, utcnow() - timedelta(minutes=5)) == 0  # too recent
        assert purge_done(session, utcnow() + timedelta(seconds=1)) == 2
    with Session(engine) as session:
        rows = {row.id: row for row in session.exec(select(Outbox))}
    assert set(rows) == {keyed, waiting}
    assert rows[keyed].payload is None and rows[keyed].dedup_key == "k"
    assert rows[waiting].payload == {"type": "message", "text": "c"}
    with session_scope(engine) as session:
        again = enqueue(session, person, "message", {"type": "message", "text": "a"}, dedup_key="k")
    assert again is None  # the record keeps the nudge from going out twice


def test_reading_without_the_key_names_the_fix(engine: Engine, cipher: MultiFernet) -> None:
    with session_scope(engine) as session:
        person = identify(session, "console", "lea").id
        enqueue(session, person, "message", {"type": "message", "text": MARKER})
    stranger = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with Session(stranger) as session, pytest.raises(NotesKeyError, match="notes key"):
            session.exec(select(Outbox)).all()
        bind_cipher(stranger, MultiFernet([Fernet(Fernet.generate_key())]))
        with Session(stranger) as session, pytest.raises(NotesKeyError, match="NOTES_KEYS"):
            session.exec(select(Outbox)).all()
    finally:
        stranger.dispose()


def test_the_migration_encrypts_what_waits_and_drops_what_was_sent(
    tmp_path: Path, cipher: MultiFernet
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (display_name, locale, locale_chosen, timezone, organisation,"
                " unit, manager, location, created_at) VALUES ('Léa', 'fr', 0, 'Europe/Paris',"
                " '', '', '', '', '2026-01-01')"
            )
        )
        for key, status in (("a", "pending"), ("b", "sent")):
            conn.execute(
                text(
                    "INSERT INTO outbox (dedup_key, person_id, kind, payload, status, attempts,"
                    " next_attempt_at, created_at, last_error) VALUES (:k, 1, 'message', :p, :s,"
                    " 0, '2026-01-01', '2026-01-01', '')"
                ),
                {"k": key, "p": json.dumps({"type": "message", "text": MARKER}), "s": status},
            )
    with pytest.raises(NotesKeyError, match="mentorbot db upgrade"):
        upgrade(engine)
    bind_cipher(engine, cipher)
    upgrade(engine)
    with Session(engine) as session:
        rows = {row.dedup_key: row.payload for row in session.exec(select(Outbox))}
    assert rows == {"a": {"type": "message", "text": MARKER}, "b": None}
    assert all(MARKER.encode() not in raw for raw in raw_payloads(engine))
    engine.dispose()
