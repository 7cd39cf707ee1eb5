"""The storage layer, on SQLite and on PostgreSQL through the same code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from storage.conversations import latest_open_prompt, load_state, open_prompt, set_state
from storage.db import normalise_url, session_scope
from storage.models import Identity, Outbox, Person, Programme
from storage.people import grant, identify, roles_of
from storage.programmes import current_charter, default_charter_texts, set_charter


def test_schema_from_migrations_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_table_exists_with_the_sweep_indexes(engine: Engine) -> None:
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables
    outbox_indexes = {ix["name"] for ix in inspector.get_indexes("outbox")}
    assert "ix_outbox_status_next" in outbox_indexes
    meeting_indexes = {ix["name"] for ix in inspector.get_indexes("meeting")}
    assert {"ix_meeting_pair_when", "ix_meeting_status_when"} <= meeting_indexes


def test_times_come_back_aware_and_in_utc(engine: Engine) -> None:
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=paris)
    with session_scope(engine) as session:
        session.add(Programme(slug="p", name="P", applications_open_at=moment))
    with Session(engine) as session:
        stored = session.exec(select(Programme)).one().applications_open_at
    assert stored == moment
    assert stored is not None and stored.tzinfo is not None and stored.utcoffset() == timedelta(0)


def test_naive_times_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive datetime"), session_scope(engine) as session:
        session.add(Programme(slug="p", name="P", applications_open_at=datetime(2026, 1, 1)))
        session.flush()


def test_identity_is_unique_per_platform_team_and_user(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = identify(session, "slack", "U1", team="T1", display_name="Ana")
        again = identify(session, "slack", "U1", team="T1")
        other_team = identify(session, "slack", "U1", team="T2")
    assert first.id == again.id
    assert other_team.id != first.id
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Identity(person_id=first.id, platform="slack", team="T1", user_key="U1"))
        session.flush()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Identity(person_id=999, platform="console", user_key="ghost"))
        session.flush()


def test_outbox_dedup_key_makes_a_second_insert_fail(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = identify(session, "console", "bob")
        session.add(Outbox(dedup_key="pair:1:overdue:2026-05-01", person_id=person.id, kind="k"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Outbox(dedup_key="pair:1:overdue:2026-05-01", person_id=person.id, kind="k"))
        session.flush()
    with Session(engine) as session:
        assert len(session.exec(select(Outbox)).all()) == 1


def test_conversation_state_survives_a_new_engine(engine: Engine, db_url: str) -> None:
    from storage.db import make_engine

    with session_scope(engine) as session:
        person = identify(session, "console", "carla")
        state = load_state(session, person.id)
        set_state(session, state, "apply", "field", {"answers": {"job": "DRH"}, "index": 3})
    other = make_engine(db_url)
    with session_scope(other) as session:
        state = load_state(session, person.id)
        assert (state.flow, state.step, state.data["index"]) == ("apply", "field", 3)
    other.dispose()


def test_a_new_prompt_supersedes_the_older_one_of_the_same_action(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = identify(session, "console", "dan")
        old = open_prompt(session, person.id, "language", [{"label": "A", "value": "a"}])
        new = open_prompt(session, person.id, "language", [{"label": "B", "value": "b"}])
        session.flush()
        session.refresh(old)
        assert old.superseded and not new.superseded
        latest = latest_open_prompt(session, person.id)
        assert latest is not None and latest.id == new.id


def test_roles_and_charter_versions(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = identify(session, "telegram", "42")
        grant(session, person.id, "admin")
        grant(session, person.id, "admin")
        assert roles_of(session, person.id) == {"admin"}
        programme = Programme(slug="c", name="C")
        session.add(programme)
        session.flush()
        texts = default_charter_texts()
        assert set(texts) == {"fr", "en"}
        first = set_charter(session, programme.id, texts)
        same = set_charter(session, programme.id, dict(texts))
        changed = set_charter(session, programme.id, {**texts, "fr": texts["fr"] + "\n10. Ajout."})
        assert first.id == same.id and first.version == 1
        assert changed.version == 2 and changed.sha256 != first.sha256
        assert current_charter(session, programme.id).id == changed.id  # type: ignore[union-attr]


def test_postgres_urls_use_psycopg3() -> None:
    assert normalise_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert normalise_url("postgres://u@h/db").startswith("postgresql+psycopg://")
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_person_rows_default_to_french_and_paris(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = identify(session, "console", "eve")
    with Session(engine) as session:
        row = session.get(Person, person.id)
        assert row is not None and (row.locale, row.timezone) == ("fr", "Europe/Paris")
        assert row.created_at.tzinfo is UTC or row.created_at.utcoffset() == timedelta(0)
