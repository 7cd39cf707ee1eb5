"""The console protocol and the first flows, driven as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from handlers.core import Core
from storage.db import make_engine
from storage.models import AuditEvent, Identity, Person, Programme, RoleGrant
from storage.programmes import current_charter
from tests.conftest import Dialog

ROOT = Path(__file__).resolve().parent.parent


def lines_for(output: str, name: str) -> list[str]:
    return [line[len(name) + 3 :] for line in output.splitlines() if line.startswith(f"[{name}] ")]


def test_start_greets_in_french_and_offers_english(dialog: Dialog) -> None:
    said = dialog("@alice\n/start")
    assert all(line.startswith("[alice] ") for line in said.splitlines())
    assert "Bonjour et bienvenue" in said
    assert "n'est ni une formation" in said
    assert "  2. English" in said


def test_english_is_kept_for_later_replies_and_later_processes(
    dialog: Dialog, engine: Engine, cipher: MultiFernet, tmp_path: Path
) -> None:
    dialog("@alice\n/start")
    said = dialog("2")
    assert "we will continue in English" in said
    assert "Hello and welcome" in said
    assert "Here are the commands" in dialog("/help")
    restarted = Dialog(Core(engine, cipher), tmp_path / "other")
    assert "Here are the commands" in restarted("@alice\n/help")
    assert "Voici les commandes" in restarted("@bruno\n/help")


def test_a_choice_is_answered_by_its_label_without_accents_or_case(dialog: Dialog) -> None:
    dialog("@alice\n/language")
    assert "continue in English" in dialog("ENGLISH")
    dialog("/language")
    assert "continuons en français" in dialog("francais")


def test_language_can_be_named_directly(dialog: Dialog) -> None:
    assert "continue in English" in dialog("@zoe\n/language en")
    assert "continuons en français" in dialog("/langue fr")


def test_the_speaker_switches_and_each_gets_their_own_state(dialog: Dialog) -> None:
    said = dialog("@alice\n/language\n@bob\n/help\n@alice\n2")
    assert lines_for(said, "bob")[0] == "Voici les commandes disponibles :"
    assert "Done: we will continue in English." in lines_for(said, "alice")


def test_privacy_says_who_sees_what_and_how_to_export_or_erase(dialog: Dialog) -> None:
    said = dialog("@alice\n/privacy")
    assert "chiffrées" in said and "/export" in said and "/erase" in said
    assert "moins de 5" in said


def test_export_sends_a_file_with_the_persons_data_and_is_audited(
    dialog: Dialog, engine: Engine, tmp_path: Path
) -> None:
    dialog("@alice\n/language en")
    said = dialog("/export")
    path = Path(said.split("-> ")[1].rsplit(" (", 1)[0])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["You"]["Name"] == "alice"
    assert data["You"]["Language"] == "English"
    assert data["Messaging accounts"] == ["Console"]
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent))]
    assert actions == ["personal_data.export"]


def test_erase_asks_first_then_forgets_the_person(dialog: Dialog, engine: Engine) -> None:
    dialog("@alice\n/language en")
    assert "Nothing was erased" in dialog("/erase\n2")
    with Session(engine) as session:
        assert session.exec(select(Identity).where(Identity.user_key == "alice")).first()
    said = dialog("/erase\n1")
    assert "Your data is erased" in said
    with Session(engine) as session:
        assert session.exec(select(Identity).where(Identity.user_key == "alice")).first() is None
        erased = session.exec(select(Person).where(Person.erased_at.is_not(None))).one()  # type: ignore[union-attr]
        assert erased.display_name == ""
    assert "Bonjour et bienvenue" in dialog("/start")


def test_bootstrap_admins_get_the_role(dialog: Dialog, engine: Engine) -> None:
    dialog("@admin\n/help\n@alice\n/help")
    with Session(engine) as session:
        holders = session.exec(select(RoleGrant.person_id, RoleGrant.role)).all()
        admin = session.exec(select(Identity).where(Identity.user_key == "admin")).one()
    assert holders == [(admin.person_id, "admin")]


def run_cli(db_url: str, script: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NOTES_KEY_FILE": str(cwd / "notes.key")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "console", "--db", db_url],
        input=script,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_command_line_keeps_the_language_across_processes(db_url: str, tmp_path: Path) -> None:
    first = run_cli(db_url, b"@alice\n/start\n2\n", tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    out = first.stdout.decode()
    assert out.startswith("[alice] Bonjour")
    assert "[alice] Done: we will continue in English." in out
    second = run_cli(db_url, b"@alice\n/help\n", tmp_path)
    assert second.returncode == 0, second.stderr.decode()
    assert second.stdout.decode().startswith("[alice] Here are the commands you can use:")


def test_run_on_a_fresh_machine_opens_the_console_on_sqlite_with_a_demo(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "TELEGRAM_", "DATABASE_URL", "NOTES_"))
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input=b"@alice\n/start\n",
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("[alice] Bonjour et bienvenue")
    assert "Demo programme created" in result.stderr.decode()
    assert (tmp_path / "mentorbot.db").exists() and (tmp_path / "mentorbot-notes.key").exists()
    engine = make_engine(f"sqlite:///{tmp_path / 'mentorbot.db'}")
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        assert programme.slug == "demo" and current_charter(session, programme.id) is not None
    engine.dispose()
