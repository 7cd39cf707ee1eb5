"""`mentorbot applications import`: every fault reported and nothing imported; imported people
confirm in the chat before their application counts; e-mail rows get a personal invitation, or
their Slack account through users.lookupByEmail."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from handlers.core import Core
from storage.models import Application, AuditEvent, Identity, Invitation, Person, Prompt
from tests.applications_data import MENTEE, MENTOR, cli, person, write
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser
from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.test_slack import TEAM, Workspace, start_runner

DEMO = ("--programme", "demo")
SKIP = "--skip-bad"


def imported(engine: Engine) -> list[Application]:
    with Session(engine) as session:
        return list(session.exec(select(Application).order_by(col(Application.id))))


def delivered(dialog: Dialog) -> str:
    """What the outbox had for console people, as the console prints it."""
    start = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(start)
    return dialog.out.read()


def actions(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [e.action for e in session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))]


def test_a_bad_row_imports_nothing_and_every_fault_is_named(
    db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    rows = [
        MENTOR,
        person(MENTEE, "Léa", "console:lea", years="trois", topics="Astrologie"),
        person(MENTEE, "Zoé", "slack:nope", format="visio"),
        person(MENTOR, "Marc bis", "console:marc"),
    ]
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO)
    assert code == 2, said
    assert "line 3, column years: 'trois' is not a whole number" in said
    assert "line 3, column topics: not a topic of the programme: Astrologie" in said
    assert "line 4, column account:" in said and "line 4, column format:" in said
    assert "line 5, column account: already applies as mentor on line 2" in said
    assert "Nothing imported: fix the 5 error(s)" in said
    assert imported(engine) == []
    assert actions(engine) == ["applications.import.rejected"]


def test_unknown_and_missing_columns_are_named(
    db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("role,name,account,colour\nmentor,Marc,console:marc,blue\n", encoding="utf-8")
    code, said = cli(db_url, "applications", "import", str(path), *DEMO, "--skip-bad")
    assert code == 2, said
    assert "line 1, column colour: unknown column" in said
    assert "line 1, column motivation: missing column" in said
    assert imported(engine) == []


def test_skipped_rows_aside_imported_people_confirm_in_the_chat_before_they_count(
    db_url: str, engine: Engine, programme: int, tmp_path: Path, dialog: Dialog
) -> None:
    rows = [
        MENTOR,
        MENTEE,
        person(MENTOR, "Paul Roux", "console:paul", organisation="Préfecture"),
        person(MENTEE, "Bad", "console:bad", years="-1"),
    ]
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO, SKIP)
    assert code == 0, said
    assert "line 5, column years:" in said and "Imported 3 application(s) for 3 person(s)" in said
    assert {(a.status, a.source) for a in imported(engine)} == {("submitted", "import")}
    with Session(engine) as session:
        marc = session.exec(select(Person).where(Person.display_name == "Marc Lefèvre")).one()
        assert (marc.organisation, marc.unit, marc.locale) == ("Ministère A", "DRH", "fr")
    asked = delivered(dialog)
    assert "[marc] Le programme « Programme de mentorat (démonstration) » a enregistré votre " in (
        asked
    )
    assert "[marc] Sujets : prise de poste, management d'équipe" in asked
    assert "[lea]   2. Corriger" in asked and "[paul]   3. Décliner" in asked

    said = dialog("@marc\n1")
    assert "Votre candidature de mentor au programme" in said and "remplit les conditions" in said
    said = dialog("@lea\n/status")
    assert "attend votre confirmation" in said and "1. Confirmer" in said
    said = dialog("1")
    assert "Choisir 1 : Marc Lefèvre" in said, said
    assert "Paul Roux" not in said, "an application not confirmed is never proposed"
    said = dialog("@paul\n3")
    assert "vous déclinez cette candidature" in said
    assert dialog("@paul\n/status").count("Vous ne participez encore à aucun programme") == 1
    statuses = {(a.role, a.status) for a in imported(engine)}
    assert statuses == {("mentor", "eligible"), ("mentee", "eligible"), ("mentor", "withdrawn")}


def test_a_correction_opens_the_form_prefilled_and_the_form_decides(
    db_url: str, engine: Engine, programme: int, tmp_path: Path, dialog: Dialog
) -> None:
    rows = [person(MENTOR, "Jean", "console:jean", years="4")]
    assert cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO)[0] == 0
    assert "Années d'expérience : 4" in delivered(dialog)
    said = dialog("@jean\n2")
    assert "(1/13)" in said and "Réponse actuelle : Ministère A" in said, said
    keep = ["="] * 4
    said = dialog("\n".join([*keep, "12", *(["="] * 8)]))
    assert "remplit les conditions" in said, said
    [application] = imported(engine)
    assert (application.status, application.answers["years"]) == ("eligible", 12)
    assert "attend votre confirmation" not in dialog("@jean\n/status")


def test_a_semicolon_file_with_a_bom_reads_like_the_chat_form(
    db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    rows = [person(MENTEE, "Léa", "telegram:4242", role="both", years="12", posts="3")]
    path = write(tmp_path, rows, delimiter=";", bom=True)
    code, said = cli(db_url, "applications", "import", str(path), *DEMO)
    assert code == 0, said
    found = imported(engine)
    assert [a.role for a in found] == ["mentee", "mentor"]
    assert found[0].answers == {
        "organisation": "Agence B", "unit": None, "manager": "Sophie Martin",
        "job": "Cheffe de service", "years": 12, "posts": 3, "location": "Lyon",
        "topics": ["prise de poste"], "expectations": "Prendre du recul",
        "motivation": "Progresser", "availability": "Le matin", "format": "any",
        "languages": ["fr"],
    }  # fmt: skip
    with Session(engine) as session:
        identity = session.exec(select(Identity)).one()
    assert (identity.platform, identity.user_key, identity.chat_key) == ("telegram", "4242", "4242")


def test_an_email_row_gets_a_personal_invitation_that_a_new_account_takes_over(
    db_url: str, engine: Engine, programme: int, tmp_path: Path, dialog: Dialog
) -> None:
    rows = [person(MENTEE, "Zoé Petit", "email:Zoe@Example.org")]
    telegram = FakeTelegram().start()
    try:
        env = {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.api_url}
        code, said = cli(
            db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO, env=env
        )
    finally:
        telegram.stop()
    assert code == 0, said
    assert "Zoé Petit <zoe@example.org>" in said and "Bonjour Zoé Petit" in said
    found = re.search(r"https://t\.me/(\w+)\?start=([A-Za-z0-9_-]{1,32})\n", said)
    assert found is not None and found.group(1) == BOT_USERNAME, said
    code_ = found.group(2)
    assert f"tapez : /start {code_}" in said and "0 person(s) will be asked" in said
    with Session(engine) as session:
        placeholder = session.exec(select(Person).where(Person.display_name == "Zoé Petit")).one()
        assert session.exec(select(Identity)).all() == []

    said = dialog(f"@zoe\n/start {code_}")
    assert "je vous ai retrouvé" in said and "Agence B" in said and "1. Confirmer" in said
    said = dialog("1")
    assert "Votre candidature de mentoré au programme" in said, said
    with Session(engine) as session:
        zoe = session.exec(select(Identity).where(Identity.user_key == "zoe")).one().person_id
        invitation = session.exec(select(Invitation)).one()
        assert (invitation.person_id, invitation.used_at is not None) == (zoe, True)
        assert session.get(Person, placeholder.id) is None, "the placeholder is gone"
        taken = session.get(Person, zoe)
        assert taken is not None and (taken.display_name, taken.organisation) == (
            "Zoé Petit",
            "Agence B",
        )
    [application] = imported(engine)
    assert (application.person_id, application.status) == (zoe, "eligible")
    assert "email" not in application.answers
    assert "a déjà servi" in dialog(f"@intrus\n/start {code_}")
    assert "tout est en place" in dialog(f"@zoe\n/start {code_}")
    assert "ne correspond à aucun programme" in dialog("@intrus\n/start AAAAAAAAAAAAAAAA")


def test_slack_finds_an_email_row_and_the_person_confirms_in_slack(
    db_url: str, engine: Engine, programme: int, tmp_path: Path, core: Core
) -> None:
    rows = [
        person(MENTOR, "Léa Slack", "email:lea@acme.test"),
        person(MENTEE, "Sam Absent", "email:sam@acme.test"),
    ]
    with FakeSlack() as fake:
        fake.users["ULEA"] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        fake.emails["lea@acme.test"] = "ULEA"
        runner, adapter = start_runner(core, fake)
        try:
            env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake.url}
            path = str(write(tmp_path, rows))
            code, said = cli(db_url, "applications", "import", path, *DEMO, env=env)
            assert code == 0, said
            assert f"lea@acme.test is slack:{TEAM}/ULEA on Slack" in said
            assert "tapez : /mentorat start " in said and "Sam Absent <sam@acme.test>" in said
            lookups = [
                c.params["email"] for c in fake.since(0) if c.method == "users.lookupByEmail"
            ]
            assert lookups == ["lea@acme.test", "sam@acme.test"]
            slack = Workspace(runner.url, fake, adapter)
            slack.expect("ULEA", "a enregistré votre candidature comme mentor", 0)
            slack.click("ULEA", "Confirmer")
            slack.expect("ULEA", "remplit les conditions", 0)
        finally:
            runner.stop_thread()
    with Session(engine) as session:
        identity = session.exec(select(Identity)).one()
        assert (identity.platform, identity.team, identity.user_key) == ("slack", TEAM, "ULEA")
        lea = session.get(Person, identity.person_id)
        assert lea is not None and lea.display_name == "Léa Slack"
        statuses = {a.role: a.status for a in imported(engine)}
        assert statuses == {"mentor": "eligible", "mentee": "submitted"}
        assert session.exec(select(Prompt).where(Prompt.person_id == lea.id)).first() is not None


def test_without_telegram_the_invitation_still_gives_the_start_command(
    db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    rows = [person(MENTEE, "Zoé Petit", "email:zoe@example.org")]
    env = {"TELEGRAM_BOT_TOKEN": "1:AAbroken", "TELEGRAM_API_URL": "http://127.0.0.1:9/bot"}
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO, env=env)
    assert code == 0, said
    assert "t.me" not in said and re.search(r"tapez : /start [A-Za-z0-9_-]{16}\n", said), said


def test_two_rows_for_one_person_make_one_question_role_by_role(
    db_url: str, engine: Engine, programme: int, tmp_path: Path, dialog: Dialog
) -> None:
    rows = [
        person(MENTOR, "Ana", "console:ana", years="15", expectations="Transmettre le métier"),
        person(MENTEE, "Ana", "console:ana", years="15", expectations="Prendre du recul"),
    ]
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO)
    assert code == 0, said
    assert (
        "Imported 2 application(s) for 1 person(s)" in said and "1 person(s) will be asked" in said
    )
    asked = delivered(dialog)
    assert asked.count("Confirmez-vous cette candidature ?") == 1
    assert "comme mentoré et mentor." in asked
    assert "[ana] Comme mentor :\n[ana] Organisation : Ministère A" in asked
    said = dialog("@ana\n1")
    assert said.count("remplit les conditions") == 2, said
