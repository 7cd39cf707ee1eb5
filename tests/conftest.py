"""Shared fixtures: a migrated database on SQLite and on PostgreSQL, a core, a console dialog.

PostgreSQL comes from TEST_DATABASE_URL (default: the local server on 127.0.0.1:5432, database
`test`). When it cannot be reached its tests are skipped with the reason, except under CI=true,
where they fail. Each test session works in a schema of its own, dropped at the end.
"""

from __future__ import annotations

import io
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel

from bot.adapters.console import ConsoleAdapter
from handlers.core import Core
from storage.db import make_engine, normalise_url, upgrade
from storage.sealed import bind_cipher

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_base_url() -> str:
    return normalise_url(os.environ.get("TEST_DATABASE_URL", DEFAULT_PG))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}")
    pytest.skip(f"PostgreSQL not reachable ({reason}); set TEST_DATABASE_URL to run these tests")


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh schema, migrated to head."""
    base = postgres_base_url()
    admin = create_engine(base, connect_args={"connect_timeout": 3})
    schema = f"mb_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        admin.dispose()
        _unavailable(str(exc).splitlines()[0])
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    engine = make_engine(rendered)
    upgrade(engine)
    engine.dispose()
    yield rendered
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "mentorbot.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("pg_schema_url")
    yield url
    engine = make_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def engine(db_url: str, cipher: MultiFernet) -> Iterator[Engine]:
    engine = make_engine(db_url)
    bind_cipher(engine, cipher)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def session_notes_key() -> Iterator[str]:
    """A NOTES_KEYS for tests that run the command line without the `cipher` fixture (PostgreSQL
    requires one in the environment); `cipher` replaces it for its test."""
    key = Fernet.generate_key().decode("ascii")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NOTES_KEYS", key)
        yield key


@pytest.fixture
def cipher(monkeypatch: pytest.MonkeyPatch) -> MultiFernet:
    """The notes key, also in NOTES_KEYS: the command line run by a test reads the same key."""
    key = Fernet.generate_key()
    monkeypatch.setenv("NOTES_KEYS", key.decode("ascii"))
    return MultiFernet([Fernet(key)])


@pytest.fixture
def core(engine: Engine, cipher: MultiFernet) -> Core:
    return Core(engine, cipher, admins=[("console", "", "admin")])


class Dialog:
    """Drives the console adapter like a script, and returns what it printed."""

    def __init__(self, core: Core, files_dir: Path) -> None:
        self.out = io.StringIO()
        self.adapter = ConsoleAdapter(core, self.out, files_dir)

    def __call__(self, script: str) -> str:
        start = self.out.tell()
        self.adapter.run(line.encode("utf-8") for line in script.split("\n"))
        self.out.seek(start)
        said = self.out.read()
        self.out.seek(0, io.SEEK_END)
        return said

    def feed_bytes(self, raw: bytes) -> str:
        start = self.out.tell()
        self.adapter.run([raw])
        self.out.seek(start)
        said = self.out.read()
        self.out.seek(0, io.SEEK_END)
        return said


@pytest.fixture
def dialog(core: Core, tmp_path: Path) -> Dialog:
    return Dialog(core, tmp_path / "files")


@pytest.fixture
def programme(engine: Engine) -> int:
    """The demo programme (applications open, one mentor rule), as a fresh install has it."""
    from bot.demo import ensure_demo_programme
    from storage.programmes import any_programme

    ensure_demo_programme(engine)
    with Session(engine) as session:
        found = any_programme(session)
        assert found is not None and found.id is not None
        return found.id
