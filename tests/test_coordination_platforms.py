"""Coordination through the real Telegram and Slack adapters (fake platforms on 127.0.0.1).

A fresh deployment with no programme: the runner starts, `mentorbot programme apply` creates
one, and a person's `/apply` then reaches that programme's application. The coordinator's
invitation section shows what works on the platforms running (Telegram's deep link with the
bot's real username, Slack's ready-to-post message); a participant and a revoked admin are
refused, in the chat and on the command line, and audited.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from storage.models import AuditEvent, ConversationState, Identity, Person, Programme
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser
from tests.fake_telegram import BOT_USERNAME, FakeTelegram, User
from tests.test_slack import ADMIN, LEA, TEAM, Workspace, start_runner
from tests.test_telegram import Chat, running

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
PROGRAMME = 'slug = "express-2027"\nname = "Mentorat express"\ntopics = ["budget", "RH"]\n'
REFUSED = "réservée aux coordinateurs"
runner = CliRunner()


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


def create_programme(db_url: str, tmp_path: Path) -> None:
    """`mentorbot programme apply FILE.toml`, as an operator does on a fresh deployment."""
    path = tmp_path / "express.toml"
    path.write_text(PROGRAMME, encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 0 and "'express-2027' created" in said, said


def applying_to(engine: Engine, platform: str, user: str) -> int | None:
    """The programme of the application form the person is filling in."""
    with Session(engine) as session:
        identity = session.exec(
            select(Identity).where(Identity.platform == platform, Identity.user_key == user)
        ).one()
        state = session.get(ConversationState, identity.person_id)
        return state.data["params"]["programme"] if state and state.flow == "form" else None


def programme_id(engine: Engine) -> int | None:
    with Session(engine) as session:
        return session.exec(select(Programme.id)).one()


def refusals(engine: Engine) -> list[str]:
    with Session(engine) as session:
        found = select(AuditEvent.action).where(col(AuditEvent.action).endswith("refused"))
        return list(session.exec(found.order_by(col(AuditEvent.id))))


def refused_on_the_command_line(db_url: str, *accounts: str) -> None:
    for account in accounts:
        for args in (
            ("pairs", "list", "--programme", "express-2027"),
            ("role", "grant", "admin", account, "--programme", "express-2027"),
        ):
            code, said = cli(db_url, *args, "--as", account)
            assert code == 1 and "refused" in said, (account, args, said)


@pytest.mark.usefixtures("programme")
def test_with_no_platform_running_the_invitation_is_the_console_command(dialog: Dialog) -> None:
    said = dialog("@admin\n/admin invitation")
    assert "Sur la console, chaque participant tape : /start demo" in said
    assert "t.me" not in said and "Slack" not in said
    assert "Vous rejoignez le programme" in dialog("@nina\n/start demo")


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def test_a_fresh_telegram_deployment_reaches_apply_and_refuses_non_coordinators(
    engine: Engine, cipher: MultiFernet, db_url: str, telegram: FakeTelegram, tmp_path: Path
) -> None:
    core = Core(engine, cipher, admins=[("telegram", "", "900")])
    with running(core, telegram) as adapter:
        claire = Chat(telegram, adapter, User(900, "Claire"))
        nina = Chat(telegram, adapter, User(501, "Nina"))
        nina.say("/apply")
        nina.wait_text("Aucun programme n'accepte de candidatures")
        create_programme(db_url, tmp_path)
        claire.say("/admin invitation")
        claire.wait_text(f"Sur Telegram, partagez ce lien : https://t.me/{BOT_USERNAME}?start=")
        assert f"https://t.me/{BOT_USERNAME}?start=express-2027" in claire.texts()
        assert "Sur la console" not in claire.texts() and "Slack" not in claire.texts()
        nina.say("/start express-2027")  # what Telegram sends when the link is opened
        nina.wait_text("Vous rejoignez le programme « Mentorat express »")
        nina.say("/apply")
        nina.press(1, expect="Souhaitez-vous être accompagné")
        nina.wait_text("Candidature au programme « Mentorat express »")
        assert applying_to(engine, "telegram", "501") == programme_id(engine)

        nina.say("/admin roles")
        nina.wait_text(REFUSED)
        assert cli(db_url, "role", "revoke", "admin", "telegram:900", "--every-programme")[0] == 0
        claire.wait_text("Vous n'avez plus le rôle « administrateur »")
        claire.say("/admin roles")
        claire.wait_text(REFUSED)
        refused_on_the_command_line(db_url, "telegram:501", "telegram:900")
    assert "telegram" not in core.links, "a platform stopped is no longer offered"
    assert (
        refusals(engine)
        == ["admin.refused", "admin.refused"]
        + [
            "pairs.list.refused",
            "role.grant.refused",
        ]
        * 2
    )


def test_a_fresh_slack_deployment_reaches_apply_and_refuses_non_coordinators(
    engine: Engine, cipher: MultiFernet, db_url: str, tmp_path: Path
) -> None:
    core = Core(engine, cipher, admins=[("slack", TEAM, ADMIN)])
    with FakeSlack() as fake:
        fake.users[LEA] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        fake.users["UREF"] = FakeUser("en-GB", "Europe/London", "Rita Jones")
        bot, adapter = start_runner(core, fake)
        try:
            slack = Workspace(bot.url, fake, adapter)
            start = fake.count()
            slack.command(LEA, "apply")
            slack.expect(LEA, "Aucun programme n'accepte de candidatures", start)
            create_programme(db_url, tmp_path)
            start = fake.count()
            slack.command(ADMIN, "invitation", command="/mentorat-admin")
            said = slack.expect(ADMIN, "Sur Slack, publiez ce message dans un canal", start)
            assert (
                "Rejoignez le programme de mentorat « Mentorat express » : tapez "
                "`/mentorat start express-2027` dans Slack, ou ouvrez mentorbot dans la "
                "rubrique Applications"
            ) in said
            assert "t.me" not in said and "Sur la console" not in said
            start = fake.count()
            slack.command(LEA, "apply")
            slack.click(LEA, "Mentoré")
            assert slack.modal(LEA, start)["private_metadata"] == "application"
            assert applying_to(engine, "slack", LEA) == programme_id(engine)

            start = fake.count()
            slack.command(LEA, "roles", command="/mentorat-admin")
            slack.expect(LEA, REFUSED, start)
            prepared_referent_arrives(slack, db_url, engine)
            code, _ = cli(db_url, "role", "revoke", "admin", f"slack:{TEAM}/{ADMIN}",
                          "--every-programme")  # fmt: skip
            assert code == 0
            start = fake.count()
            slack.command(ADMIN, "roles", command="/mentorat-admin")
            slack.expect(ADMIN, REFUSED, start)
            refused_on_the_command_line(db_url, f"slack:{TEAM}/{LEA}", f"slack:{TEAM}/{ADMIN}")
        finally:
            bot.stop_thread()
    assert "slack" not in core.links
    assert (
        refusals(engine)
        == ["admin.refused", "admin.refused"]
        + [
            "pairs.list.refused",
            "role.grant.refused",
        ]
        * 2
    )


def prepared_referent_arrives(slack: Workspace, db_url: str, engine: Engine) -> None:
    """A referent granted before ever writing is told at once, and named by Slack on arrival."""
    start = slack.fake.count()
    code, said = cli(db_url, "role", "grant", "referent", f"slack:{TEAM}/UREF",
                     "--programme", "express-2027")  # fmt: skip
    assert code == 0, said
    slack.expect("UREF", "Vous avez désormais le rôle « référent »", start)
    start = slack.fake.count()
    slack.command("UREF", "help")
    slack.expect("UREF", "/mentorat-admin", start)
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == "UREF")).one()
        person = session.get(Person, identity.person_id)
        assert person is not None
        assert (person.display_name, person.locale) == ("Rita Jones", "en")
    start = slack.fake.count()
    slack.command(ADMIN, "roles", command="/mentorat-admin")
    slack.expect(ADMIN, "Référents : Rita Jones", start)
