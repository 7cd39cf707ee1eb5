"""The audit log: `mentorbot audit` (a table in the operator's time zone) and the `/admin`
section "Journal" (the last 20 events in the coordinator's words); reading it is audited."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from messages.catalog import format_when
from storage.audit import record
from storage.db import session_scope
from storage.models import AuditEvent
from storage.types import utcnow
from tests.conftest import Dialog

pytestmark = pytest.mark.usefixtures("programme")
runner = CliRunner()


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url], terminal_width=240)
    return result.exit_code, result.output


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZoneInfo]:
    """This machine's time zone is New York for the test."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield ZoneInfo("America/New_York")
    monkeypatch.undo()
    time.tzset()


def last_action(engine: Engine) -> AuditEvent:
    with Session(engine) as session:
        event = session.exec(select(AuditEvent).order_by(col(AuditEvent.id).desc())).first()
        assert event is not None
        return event


def test_the_command_shows_who_did_what_in_local_time_and_is_audited(
    dialog: Dialog, db_url: str, engine: Engine, new_york: ZoneInfo
) -> None:
    dialog("@lea\n/start\n@alice\n/start")
    assert cli(db_url, "role", "grant", "referent", "console:lea", "--programme", "demo")[0] == 0
    assert cli(db_url, "audit", "--as", "console:alice")[0] == 1
    dialog("@admin\n/admin roles")
    granted = last_action(engine)
    code, said = cli(db_url, "audit", "--programme", "demo")
    assert code == 0, said
    assert "when (EST)" in said or "when (EDT)" in said
    assert granted.at.astimezone(new_york).strftime("%Y-%m-%d %H:%M") in said
    assert "│ operator      │ role.grant" in said and "person=console:lea" in said
    assert "│ console:admin │ admin.roles" in said
    assert "audit.read.refused" not in said, "a refusal without a programme is not the programme's"
    read = last_action(engine)
    assert (read.action, read.target, read.details["via"]) == ("audit.read", "demo", "cli")

    code, said = cli(db_url, "audit")
    assert code == 0 and "│ console:alice │ audit.read.refused" in said
    tomorrow = (utcnow() + timedelta(days=2)).date().isoformat()
    code, said = cli(db_url, "audit", "--since", tomorrow)
    assert code == 0 and "No event." in said
    assert cli(db_url, "audit", "--since", "demain")[0] == 2
    assert cli(db_url, "audit", "--programme", "demo", "--as", "console:lea")[0] == 1
    assert cli(db_url, "role", "grant", "admin", "console:lea", "--programme", "demo")[0] == 0
    assert cli(db_url, "audit", "--programme", "demo", "--as", "console:lea")[0] == 0
    assert cli(db_url, "audit", "--as", "console:lea")[0] == 1, "every programme: a global admin"


def test_the_journal_says_the_last_events_in_words_in_the_coordinators_language(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    dialog("@lea\n/start\n2\n@alice\n/start")
    assert cli(db_url, "role", "grant", "referent", "console:lea", "--programme", "demo")[0] == 0
    assert cli(db_url, "pairs", "list", "--programme", "demo", "--as", "console:alice")[0] == 1
    with session_scope(engine) as session:
        record(session, None, "export.tracking", "demo", via="cli")
    said = dialog("@admin\n/admin journal")
    granted = next(e for e in events(engine) if e.action == "role.grant")
    when = format_when(granted.at, "fr", "Europe/Paris")
    operator = "l'opérateur (ligne de commande)"
    assert f"{when} — {operator} : attribution d'un rôle (lea, référent)" in said
    assert "alice : tentative refusée : consultation de la liste des binômes" in said
    assert f"{operator} : autre action de coordination" in said
    assert "admin : consultation de la rubrique « Journal des actions »" in said
    assert "role.grant" not in said and "export.tracking" not in said and "console:" not in said

    with session_scope(engine) as session:
        for _ in range(25):
            record(session, None, "programme.show", "demo", via="cli")
    assert cli(db_url, "role", "grant", "admin", "console:lea", "--programme", "demo")[0] == 0
    said = dialog("@lea\n/admin journal")
    assert "the last 20 actions, oldest first" in said
    assert "the operator (command line): granting a role (lea, admin)" in said
    assert 'lea: opening the section "Log of actions"' in said
    assert said.count("reading the programme's settings") == 18
    opened = last_action(engine)
    assert (opened.action, opened.target) == ("admin.journal", "demo")


def events(engine: Engine) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))
