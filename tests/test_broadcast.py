"""Coordinators' broadcasts: `/admin` -> "Écrire aux participants" and `mentorbot broadcast`.

A role reaches that role only, the erased never; queueing the same broadcast again sends nobody
a second copy; participants and referents are refused and audited; the copies reach people on
Telegram and on Slack through the delivery worker, at the fake platforms' end of real HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from handlers.ui import Message, to_payload
from storage.broadcasts import queue_copies, recipients
from storage.db import session_scope
from storage.enums import ApplicationStatus
from storage.models import Application, AuditEvent, Broadcast, Identity, Outbox, Programme
from storage.retention import purge_programme
from storage.types import utcnow
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser
from tests.fake_telegram import FakeTelegram, User
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.test_slack import ADMIN, LEA, MARC, TEAM, Workspace, start_runner
from tests.test_telegram import Chat, running

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
NB = "\u202f"
PROGRAMME = "Programme de mentorat (démonstration)"
HEADER = f"Message des coordinateurs du programme «{NB}{PROGRAMME}{NB}»{NB}:"
runner = CliRunner()


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


def person(engine: Engine, user_key: str) -> int:
    with Session(engine) as session:
        return session.exec(select(Identity.person_id).where(Identity.user_key == user_key)).one()


def audited(engine: Engine, action: str) -> list[AuditEvent]:
    with Session(engine) as session:
        found = select(AuditEvent).where(AuditEvent.action == action)
        return list(session.exec(found.order_by(col(AuditEvent.id))))


def copies(engine: Engine) -> list[str]:
    """The outbox keys of every broadcast copy, in order."""
    with Session(engine) as session:
        keys = select(Outbox.dedup_key).where(col(Outbox.dedup_key).startswith("broadcast:"))
        return list(session.exec(keys.order_by(col(Outbox.id))))


def lines_to(said: str, name: str) -> str:
    return "\n".join(line for line in said.splitlines() if line.startswith(f"[{name}]"))


@pytest.mark.usefixtures("programme")
def test_an_admin_writes_to_the_mentors_only_and_the_audit_keeps_no_text(
    dialog: Dialog, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    said = dialog("@admin\n/admin message")
    assert "À qui\u202f?" in said and "Les mentors" in said
    said = dialog("Les mentors")
    assert "Votre message" in said and "Jusqu'à 4\u202f000 caractères" in said
    said = dialog("Séminaire de lancement jeudi à 14 h, salle Monge.")
    question = f"Envoyer ce message au seul mentor joignable{NB}? Chacun le recevra ainsi{NB}:"
    shown = lines_to(said, "admin")
    assert question in shown and shown.index(question) < shown.index(HEADER)
    assert shown.index(HEADER) < shown.index("Séminaire de lancement jeudi à 14 h, salle Monge.")
    said = dialog("Oui, envoyer")
    assert "C'est en route\u202f: 1 message part au rythme que permettent les plateformes." in said
    marc = lines_to(said, "marc")
    assert HEADER in marc and "Séminaire de lancement jeudi à 14 h, salle Monge." in marc
    assert lines_to(said, "lea") == ""
    [event] = audited(engine, "broadcast.sent")
    assert event.details == {"role": "mentor", "recipients": 1, "via": "chat"}
    assert event.target == "demo"


@pytest.mark.usefixtures("programme")
def test_a_cancelled_or_empty_or_endless_message_sends_nothing(
    dialog: Dialog, engine: Engine
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    dialog("@admin\n/admin message\nLes mentorés")
    assert "trop long (10\u202f000 caractères)" in dialog("x" * 10_000)
    said = dialog("Bonjour à toutes et à tous")
    assert f"Envoyer ce message au seul mentoré joignable{NB}?" in said
    assert "C'est annulé\u202f: rien n'a été envoyé." in dialog("Non, annuler")
    assert copies(engine) == [] and audited(engine, "broadcast.sent") == []


@pytest.mark.usefixtures("programme")
def test_nobody_to_reach_says_why_and_keeps_the_text_for_other_recipients(
    dialog: Dialog, engine: Engine
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    apply(dialog, "marc", "2", MENTOR_FORM)
    with session_scope(engine) as session:  # an applicant imported by e-mail, never seen
        session.execute(delete(Identity).where(col(Identity.person_id) == person(engine, "marc")))
    said = dialog("@admin\n/admin message")
    hint = f"«{NB}Les mentorés{NB}» et «{NB}Les mentors{NB}» comprennent aussi les candidats"
    assert f"{hint} qui n'ont pas encore de binôme." in said
    said = dialog("Les référents\nUn mot pour le séminaire")
    assert f"Ce programme n'a encore aucun référent{NB}: rien n'a été envoyé." in said
    assert f"Choisissez d'autres destinataires{NB}; votre texte est gardé." in said
    assert "(1/2) À qui" in said
    said = dialog("Les mentors")
    assert f"Réponse actuelle{NB}: Un mot pour le séminaire. Tapez = pour la garder." in said
    said = dialog("=")
    assert f"Aucun mentor n'est joignable pour l'instant{NB}: la seule personne concernée" in said
    assert "n'a pas encore écrit au bot. Rien n'a été envoyé." in said
    said = dialog("Les mentorés")
    assert f"Réponse actuelle{NB}: Un mot pour le séminaire. Tapez = pour la garder." in said
    said = dialog("=")
    assert f"Envoyer ce message au seul mentoré joignable{NB}?" in said
    assert "Un mot pour le séminaire" in lines_to(dialog("Oui, envoyer"), "lea")
    assert [e.details["role"] for e in audited(engine, "broadcast.sent")] == ["mentee"]


@pytest.mark.usefixtures("programme")
def test_participants_and_referents_are_refused_in_the_chat_and_audited(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    assert "réservée aux coordinateurs" in dialog("@lea\n/admin message")
    dialog("@rita\n/start")
    code, _ = cli(db_url, "role", "grant", "referent", "console:rita", "--programme", "demo")
    assert code == 0
    said = dialog("@rita\n/admin message")
    assert "réservée aux coordinateurs" in said and "À qui" not in said
    assert [e.action for e in audited(engine, "admin.refused")] == ["admin.refused"]
    assert len(audited(engine, "admin.message.refused")) == 1
    assert copies(engine) == []


@pytest.mark.usefixtures("programme")
def test_an_admin_revoked_before_confirming_is_refused(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    dialog("@claire\n/start")
    cli(db_url, "role", "grant", "admin", "console:claire", "--programme", "demo")
    said = dialog("@claire\n/admin message\n1\nBonjour")
    assert f"Envoyer ce message à la seule personne joignable{NB}?" in said
    cli(db_url, "role", "revoke", "admin", "console:claire", "--programme", "demo")
    assert "réservée aux coordinateurs" in dialog("Oui, envoyer")
    assert len(audited(engine, "broadcast.send.refused")) == 1 and copies(engine) == []


@pytest.mark.usefixtures("programme")
def test_the_command_line_reaches_mentees_and_mentors_never_the_erased(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    apply(dialog, "paul", "2", MENTOR_FORM)
    dialog("@nina\n/apply\n1")  # a draft: not reached
    dialog("@paul\n/erase\nOui, tout effacer")
    code, said = cli(db_url, "broadcast", "--programme", "demo", "Point d'étape")
    assert code == 0, said
    assert "2 messages queued for programme 'demo'" in said and "delivers them" in said
    marc, lea = person(engine, "marc"), person(engine, "lea")
    assert copies(engine) == [f"broadcast:1:{marc}", f"broadcast:1:{lea}"]
    said = dialog("@marc\n/help")
    assert HEADER in lines_to(said, "marc") and "Point d'étape" in said
    code, said = cli(db_url, "broadcast", "--programme", "demo", "--role", "mentee", "Aux mentorés")
    assert code == 0 and "1 message queued" in said and "delivers it" in said
    assert copies(engine)[-1] == f"broadcast:2:{lea}"
    events = audited(engine, "broadcast.sent")
    assert [(e.details["role"], e.details["recipients"]) for e in events] == [
        ("all", 2),
        ("mentee", 1),
    ]
    assert all(e.details["via"] == "cli" and e.details["by"] == "operator" for e in events)


@pytest.mark.usefixtures("programme")
def test_the_command_line_refuses_bad_input_with_the_fix_and_participants_with_exit_1(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    code, said = cli(db_url, "broadcast", "--programme", "demo", "--role", "boss", "Bonjour")
    assert code == 2 and "write one of mentee, mentor, referent" in said
    code, said = cli(db_url, "broadcast", "--programme", "demo", "   ")
    assert code == 2 and "TEXT is empty" in said
    code, said = cli(db_url, "broadcast", "--programme", "demo", "x" * 4001)
    assert code == 2 and "4,001 characters: 4,000 at most" in said
    code, said = cli(db_url, "broadcast", "--programme", "nope", "Bonjour")
    assert code == 2 and "mentorbot programme list" in said
    code, said = cli(db_url, "broadcast", "--programme", "demo", "Bonjour", "--as", "console:lea")
    assert code == 1 and "refused" in said
    assert len(audited(engine, "broadcast.refused")) == 1
    code, said = cli(db_url, "broadcast", "--programme", "demo", "--role", "referent", "Bonjour")
    assert code == 2 and "programme 'demo' has no referent yet" in said
    assert "Nothing was queued" in said and "--role" in said
    with session_scope(engine) as session:
        session.execute(delete(Identity).where(col(Identity.person_id) == person(engine, "lea")))
    code, said = cli(db_url, "broadcast", "--programme", "demo", "--role", "mentee", "Bonjour")
    assert code == 2 and "the one person concerned (mentees) has not written to the bot" in said
    assert "0 message" not in said
    assert copies(engine) == [] and audited(engine, "broadcast.sent") == []


@pytest.mark.usefixtures("programme")
def test_queueing_a_broadcast_twice_sends_each_copy_once(dialog: Dialog, engine: Engine) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    with Session(engine) as session:
        reached = recipients(session, 1, "")
        payloads = [(person_id, to_payload(Message("Rappel"))) for person_id, _ in reached]
        session.add(Broadcast(id=7, programme_id=1, text="Rappel", recipients=2))
        session.flush()
        assert queue_copies(session, 7, payloads) == 2
        assert queue_copies(session, 7, payloads) == 0
        session.commit()
    said = dialog("@marc\n/help")
    assert said.count("[marc] Rappel") == 1 and said.count("[lea] Rappel") == 1
    assert copies(engine) == [f"broadcast:7:{person(engine, name)}" for name in ("marc", "lea")]


def _mentor_application(engine: Engine, person_id: int) -> None:
    with Session(engine) as session:
        session.add(
            Application(
                programme_id=1,
                person_id=person_id,
                role="mentor",
                status=ApplicationStatus.submitted,
            )
        )
        session.commit()


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.mark.usefixtures("programme")
def test_a_broadcast_reaches_telegram_through_the_delivery_worker(
    engine: Engine, cipher: MultiFernet, db_url: str, telegram: FakeTelegram
) -> None:
    core = Core(engine, cipher, admins=[("telegram", "", "900")])
    with running(core, telegram) as adapter:
        nina = Chat(telegram, adapter, User(501, "Nina", language_code="en"))
        nina.say("/help")
        nina.wait_text("/apply")
        _mentor_application(engine, person(engine, "501"))
        code, said = cli(db_url, "broadcast", "--programme", "demo", "Kick-off on Thursday")
        assert code == 0 and "1 message queued" in said
        nina.wait_text("Kick-off on Thursday")
        [sent] = [m for m in nina.messages() if "Kick-off" in m.text]
        assert sent.text.startswith(
            'A message from the coordinators of the programme "Programme de mentorat'
        )


@pytest.mark.usefixtures("programme")
def test_a_broadcast_from_the_slack_admin_reaches_slack_members(
    engine: Engine, cipher: MultiFernet
) -> None:
    core = Core(engine, cipher, admins=[("slack", TEAM, ADMIN)])
    with FakeSlack() as fake:
        fake.users[LEA] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        fake.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        bot, adapter = start_runner(core, fake)
        try:
            slack = Workspace(bot.url, fake, adapter)
            start = fake.count()
            slack.command(LEA, "help")
            slack.expect(LEA, "/mentorat", start)
            _mentor_application(engine, person(engine, LEA))
            start = fake.count()
            slack.command(ADMIN, "message", command="/mentorat-admin")
            view = slack.modal(ADMIN, start)
            refused = slack.submit(ADMIN, {"who": "Les référents", "text": "Séminaire jeudi"}, view)
            assert refused.json()["response_action"] == "errors"  # the modal stays, text and all
            [(field, why)] = refused.json()["errors"].items()
            assert field.startswith("who") and "aucun référent" in why and "gardé" in why
            assert "Envoyer" not in slack.said(ADMIN, start)
            slack.submit(ADMIN, {"who": "Les mentors", "text": "Séminaire jeudi"}, view)
            said = slack.expect(ADMIN, "Envoyer ce message au seul mentor joignable\u202f?", start)
            assert "Séminaire jeudi" in said
            slack.click(ADMIN, "Oui, envoyer")
            said = slack.expect(LEA, "Séminaire jeudi", start)
            assert "Message des coordinateurs du programme" in said
            assert "Séminaire jeudi" not in slack.said(MARC, start)
        finally:
            bot.stop_thread()


@pytest.mark.usefixtures("programme")
def test_an_erased_person_named_in_a_broadcast_and_a_purged_programme_leave_no_text(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "paul", "2", MENTOR_FORM)
    cli(db_url, "broadcast", "--programme", "demo", "Bienvenue à paul, notre nouveau mentor")
    cli(db_url, "broadcast", "--programme", "demo", "Séminaire jeudi")
    dialog("@paul\n/erase\nOui, tout effacer")
    with Session(engine) as session:
        assert list(session.exec(select(Broadcast.text).order_by(col(Broadcast.id)))) == [
            "",
            "Séminaire jeudi",
        ]
    with session_scope(engine) as session:
        purge_programme(session, session.exec(select(Programme)).one(), utcnow())
    with Session(engine) as session:
        assert session.exec(select(Broadcast)).all() == []


@pytest.mark.usefixtures("programme")
def test_the_journal_names_broadcasts_and_exports_in_words(
    dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    dialog("@admin\n/admin message\nLes mentors\nSéminaire jeudi\nOui, envoyer")
    assert cli(db_url, "broadcast", "--programme", "demo", "Point d'étape")[0] == 0
    assert cli(db_url, "broadcast", "--programme", "demo", "Moi", "--as", "console:marc")[0] == 1
    out = str(tmp_path / "suivi.csv")
    assert cli(db_url, "export", "tracking", "--programme", "demo", "--out", out)[0] == 0
    said = dialog("@admin\n/admin journal")
    assert f"— admin{NB}: envoi d'un message aux participants\n" in said
    assert f"(ligne de commande){NB}: envoi d'un message aux participants\n" in said
    assert "tentative refusée" in said and "envoi d'un message aux participants (ligne" in said
    assert "export du tableau de suivi" in said and "autre action" not in said
