"""The inbound spool on disk, its replay, and how a database outage is told apart from a bug.

The errors classified here are real ones: a PostgreSQL port nobody listens on, a SQLite file
another connection holds, a unique key violated, a statement that does not parse.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from bot.config import Settings
from bot.inbound_spool import InboundSpool, Pending, drain_forever, spool_directory
from storage.db import make_engine, session_scope
from storage.models import InboundReceipt
from storage.outage import database_unreachable

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_events_come_back_in_order_encrypted_and_owner_only(
    tmp_path: Path, cipher: MultiFernet
) -> None:
    spool = InboundSpool(tmp_path / "inbound" / "slack", cipher)
    assert len(spool) == 0 and not spool.holds("T1/U1")
    assert not (tmp_path / "inbound").exists(), "nothing is created before it is needed"
    for number in range(5):
        spool.put(f"T1/U{number % 2}", {"text": f"secret words {number}"})
    assert spool.holds("T1/U0") and spool.holds("T1/U1") and not spool.holds("T1/U2")
    assert [p.payload["text"] for p in spool.pending()] == [f"secret words {n}" for n in range(5)]
    directory = tmp_path / "inbound" / "slack"
    assert directory.stat().st_mode & 0o777 == 0o700
    for path in directory.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
        assert b"secret" not in path.read_bytes() and b"T1/U" not in path.read_bytes()
        assert b"secret" in cipher.decrypt(path.read_bytes())

    first, second = spool.pending()[:2]
    spool.remove(first)
    spool.remove(second)
    assert len(spool) == 3 and spool.holds("T1/U0") and spool.holds("T1/U1")

    (directory / ".00000000000000000001.item.tmp").write_bytes(b"a write cut short")
    again = InboundSpool(directory, cipher)  # a restart: what was left is still there, in order
    assert [p.payload["text"] for p in again.pending()] == [f"secret words {n}" for n in (2, 3, 4)]
    again.put("T1/U1", {"text": "after the restart"})
    assert again.pending()[-1].payload["text"] == "after the restart"
    assert not list(directory.glob("*.tmp"))


def test_an_event_written_under_another_key_is_left_alone(
    tmp_path: Path, cipher: MultiFernet
) -> None:
    other = MultiFernet([Fernet(Fernet.generate_key())])
    InboundSpool(tmp_path, other).put("42", {"text": "kept"})
    spool = InboundSpool(tmp_path, cipher)
    assert spool.pending() == [] and len(spool) == 0 and not spool.holds("42")
    assert len(list(tmp_path.glob("*.item"))) == 1, "left in place for the right key"


def test_the_directory_is_set_or_next_to_a_sqlite_file(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bot.db"
    assert spool_directory(None, f"sqlite:///{database}") == tmp_path / "data" / "bot-inbound"
    assert spool_directory(str(tmp_path / "x"), f"sqlite:///{database}") == tmp_path / "x"
    assert spool_directory(None, "sqlite://") is None
    assert spool_directory(None, "postgresql://u@db/mentorbot") is None
    assert spool_directory("/var/lib/in", "postgresql://u@db/mentorbot") == Path("/var/lib/in")


def test_slack_or_a_webhook_on_postgresql_needs_a_spool_directory() -> None:
    def settings(**env: str) -> Settings:
        return Settings(_env_file=None, **env)  # type: ignore[call-arg]

    slack = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s" * 32}
    postgresql = {"DATABASE_URL": "postgresql://u@db/mentorbot"}
    problem = settings(**slack, **postgresql).platform_problem()
    assert problem is not None and "INBOUND_SPOOL_DIR" in problem
    hook = {"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_WEBHOOK_URL": "https://bot.example/t"}
    assert "INBOUND_SPOOL_DIR" in (settings(**hook, **postgresql).platform_problem() or "")
    assert settings(**slack, **postgresql, INBOUND_SPOOL_DIR="/srv/in").platform_problem() is None
    assert settings(**slack).platform_problem() is None  # SQLite: next to the file
    assert settings(TELEGRAM_BOT_TOKEN="1:x", **postgresql).platform_problem() is None  # polling


def refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def failure(run: Callable[[], object]) -> BaseException:
    try:
        run()
    except SQLAlchemyError as exc:
        return exc
    raise AssertionError("it did not fail")


def test_a_refused_or_dropped_postgresql_connection_is_an_outage(pg_schema_url: str) -> None:
    nowhere = make_engine(f"postgresql://nobody@127.0.0.1:{refused_port()}/none")
    assert database_unreachable(failure(nowhere.connect))
    engine = make_engine(pg_schema_url, poolclass=NullPool)
    with engine.connect() as victim, engine.connect() as admin:
        pid = victim.execute(text("SELECT pg_backend_pid()")).scalar_one()
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        dropped = failure(lambda: victim.execute(text("SELECT 1")))
        assert database_unreachable(dropped)
        assert not database_unreachable(failure(lambda: admin.execute(text("SELEC 1"))))
    engine.dispose()


@SQLITE_ONLY
def test_a_locked_sqlite_file_is_an_outage_and_a_bug_is_not(db_url: str) -> None:
    engine = make_engine(db_url)
    holder = sqlite3.connect(make_url(db_url).database or "", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout=50")
        delete = text(f"DELETE FROM {InboundReceipt.__tablename__}")
        locked = failure(lambda: connection.execute(delete))
    holder.execute("COMMIT")
    holder.close()
    assert database_unreachable(locked)

    def twice() -> None:
        for _ in range(2):
            with session_scope(engine) as session:
                session.add(InboundReceipt(source="test", key="same"))

    assert not database_unreachable(failure(twice))  # a unique key: a bug, not an outage
    with engine.connect() as connection:
        assert not database_unreachable(failure(lambda: connection.execute(text("SELEC 1"))))
    assert not database_unreachable(ValueError("a handler's bug"))
    engine.dispose()


def test_replay_waits_out_an_outage_and_drops_a_bug(tmp_path: Path, cipher: MultiFernet) -> None:
    spool = InboundSpool(tmp_path, cipher)
    for word in ("first", "bug", "last"):
        spool.put("chat", {"text": word})
    engine = make_engine(f"postgresql://nobody@127.0.0.1:{refused_port()}/none")
    outage = failure(lambda: engine.connect())
    attempts: list[str] = []

    async def replay(item: Pending) -> None:
        attempts.append(item.payload["text"])
        if len(attempts) <= 2:
            raise outage
        if item.payload["text"] == "bug":
            raise KeyError("a bug")

    async def scenario() -> None:
        task = asyncio.create_task(drain_forever(spool, replay))
        for _ in range(100):
            if not len(spool):
                break
            await asyncio.sleep(0.1)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(scenario())
    assert attempts == ["first", "first", "first", "bug", "last"]
    assert len(spool) == 0 and not list(tmp_path.glob("*.item"))
