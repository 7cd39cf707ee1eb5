"""Coordinator roles: `mentorbot role grant | revoke` and the `/admin` section "Rôles".

Grants reach accounts that never talked to the bot, the person is told in their language, a
revoked bootstrap admin stays revoked whatever MENTORBOT_ADMINS says, and every grant,
revocation and refusal is audited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from storage.models import AuditEvent, Identity, Person, RoleGrant
from tests.conftest import Dialog

pytestmark = pytest.mark.usefixtures("programme")
runner = CliRunner()


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


def actions(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))))


def person_of(engine: Engine, platform: str, user: str) -> Person:
    with Session(engine) as session:
        identity = session.exec(
            select(Identity).where(Identity.platform == platform, Identity.user_key == user)
        ).one()
        person = session.get(Person, identity.person_id)
        assert person is not None
        return person


def test_a_grant_prepares_an_unknown_account_and_tells_the_person_on_arrival(
    db_url: str, engine: Engine, core: Core, dialog: Dialog
) -> None:
    code, said = cli(db_url, "role", "grant", "referent", "telegram:4242", "--programme", "demo")
    assert code == 0 and "telegram:4242 is now referent of programme 'demo'" in said
    prepared = person_of(engine, "telegram", "4242")
    assert prepared.display_name == "" and core.find("telegram", "4242", named=True) is None
    nina = core.identify("telegram", "4242", display_name="Nina Roy", locale="en-GB")
    assert nina == prepared.id and core.find("telegram", "4242", named=True) == nina
    arrived = person_of(engine, "telegram", "4242")
    assert (arrived.display_name, arrived.locale) == ("Nina Roy", "en")
    assert core.is_coordinator(nina)
    code, said = cli(db_url, "role", "grant", "referent", "telegram:4242", "--programme", "demo")
    assert code == 0 and "is already referent" in said

    dialog("@lea\n/start\n2")  # Léa picks English
    assert cli(db_url, "role", "grant", "admin", "console:lea", "--programme", "demo")[0] == 0
    told = dialog("@lea\n/help")
    assert '[lea] You now have the role "admin" in the mentoring programme' in told
    assert "/admin" in told
    with Session(engine) as session:
        grants = session.exec(select(AuditEvent).where(AuditEvent.action == "role.grant")).all()
    assert [(g.target, g.details["via"], g.details["changed"]) for g in grants] == [
        ("demo", "cli", True),
        ("demo", "cli", False),
        ("demo", "cli", True),
    ]


def test_bad_commands_exit_2_and_refusals_exit_1_audited(
    db_url: str, engine: Engine, dialog: Dialog
) -> None:
    assert cli(db_url, "role", "grant", "admin", "console:x")[0] == 2, "no programme named"
    assert cli(db_url, "role", "grant", "admin", "bob", "--programme", "demo")[0] == 2
    assert cli(db_url, "role", "grant", "admin", "console:x", "--programme", "nope")[0] == 2
    assert cli(db_url, "role", "grant", "chief", "console:x", "--programme", "demo")[0] == 2
    assert actions(engine) == []
    dialog("@alice\n/start")
    refused = [
        ("role", "grant", "admin", "console:alice", "--programme", "demo"),
        ("role", "revoke", "admin", "console:admin", "--every-programme"),
        ("referents", "assign", "--programme", "demo", "--auto"),
        ("pairs", "list", "--programme", "demo"),
        ("audit", "--programme", "demo"),
    ]
    for args in refused:
        code, said = cli(db_url, *args, "--as", "console:alice")
        assert code == 1 and "console:alice is not" in said and "refused" in said, args
    assert actions(engine) == [
        "role.grant.refused",
        "role.revoke.refused",
        "referents.assign.refused",
        "pairs.list.refused",
        "audit.read.refused",
    ]
    code, said = cli(db_url, "role", "grant", "admin", "console:x", "--programme", "demo",
                     "--as", "console:nobody")  # fmt: skip
    assert code == 1 and "never talked to the bot" in said
    with Session(engine) as session:
        assert session.exec(select(RoleGrant)).all() == []


def test_a_revoked_bootstrap_admin_stays_revoked_after_a_restart(
    db_url: str, engine: Engine, core: Core, tmp_path: Path
) -> None:
    first = Dialog(core, tmp_path / "one")
    assert "Que souhaitez-vous faire" in first("@admin\n/admin")
    code, said = cli(db_url, "role", "revoke", "admin", "console:admin", "--programme", "demo")
    assert code == 2 and "revoke it with --every-programme" in said
    code, said = cli(db_url, "role", "revoke", "admin", "console:admin", "--every-programme")
    assert code == 0 and "console:admin is no longer admin of every programme" in said

    restarted = Core(core.engine, core.cipher, admins=[("console", "", "admin")])
    said = Dialog(restarted, tmp_path / "two")("@admin\n/admin\n/admin roles")
    assert "Que souhaitez-vous faire" not in said
    assert said.count("réservée aux coordinateurs") == 2
    assert "Vous n'avez plus le rôle « administrateur » dans les programmes" in said
    with Session(engine) as session:
        grant = session.exec(select(RoleGrant)).one()
        assert grant.revoked_at is not None
    assert actions(engine)[-2:] == ["admin.refused", "admin.refused"]
    code, said = cli(db_url, "pairs", "list", "--programme", "demo", "--as", "console:admin")
    assert code == 1 and actions(engine)[-1] == "pairs.list.refused"
    code, said = cli(db_url, "role", "grant", "admin", "console:admin", "--every-programme")
    assert code == 0
    assert "Que souhaitez-vous faire" in Dialog(restarted, tmp_path / "3")("@admin\n/admin")


def grant_in_chat(dialog: Dialog, role: str, who: str) -> str:
    return dialog(f"@admin\n/admin roles\nDonner un rôle\n{role}\n{who}")


def test_the_roles_section_grants_by_name_or_account_and_revokes(
    dialog: Dialog, engine: Engine
) -> None:
    dialog("@lea\n/start\n2")
    with Session(engine) as session:
        for name, organisation in (("Léa Martin", "Agence B"), ("Lea MARTIN", "Ministère A")):
            session.add(Person(display_name=name, organisation=organisation))
        session.add_all(Person(display_name=f"Paul Dupont-{n}") for n in range(9))
        session.commit()
    said = dialog("@admin\n/admin roles")
    assert "Administrateurs : admin (tous les programmes)" in said and "Référents : aucun" in said

    said = grant_in_chat(dialog, "référent", "LEA")
    assert "C'est fait : lea a désormais le rôle « référent » dans ce programme" in said
    assert '[lea] You now have the role "referent" in the mentoring programme' in said
    said = grant_in_chat(dialog, "2", "lea martin")
    assert "Plusieurs personnes correspondent à « lea martin »" in said
    assert "Léa Martin (Agence B)" in said and "Lea MARTIN (Ministère A)" in said
    assert "Lea MARTIN a désormais le rôle « référent »" in dialog("Lea MARTIN (Ministère A)")
    said = grant_in_chat(dialog, "1", "Zoé")
    assert "Je ne connais personne du nom de « Zoé »" in said and "(2/2) À qui ?" in said
    said = dialog("paul")
    assert "9 personnes correspondent à « paul » : précisez le nom." in said
    said = dialog("telegram:777")
    assert "une personne attendue (pas encore venue) a désormais le rôle « administrateur »" in said

    said = dialog("/admin roles")
    assert "Référents : lea, Lea MARTIN" in said, "by name, case and accents aside"
    assert "Administrateurs : admin (tous les programmes), une personne attendue (pas" in said
    said = dialog("Retirer un rôle")
    assert "admin (tous les programmes) — administrateur" not in said, "not oneself"
    said = dialog("lea — référent")
    assert "C'est fait : lea n'a plus le rôle « référent »" in said
    assert '[lea] You no longer have the role "referent"' in said
    assert "Référents : Lea MARTIN" in dialog("/admin roles")
    grants = [a for a in actions(engine) if a.startswith("role.")]
    assert grants == ["role.grant"] * 3 + ["role.revoke"]


def test_the_roles_section_refuses_referents_participants_and_stale_buttons(
    dialog: Dialog, engine: Engine, db_url: str
) -> None:
    dialog("@alice\n/start\n@lea\n/start")
    assert cli(db_url, "role", "grant", "referent", "console:lea", "--programme", "demo")[0] == 0
    assert cli(db_url, "role", "grant", "admin", "console:alice", "--programme", "demo")[0] == 0
    said = dialog("@lea\n/admin roles")
    assert "réservée aux coordinateurs" in said and "Donner un rôle" not in said
    said = dialog("@alice\n/admin roles")
    assert "Donner un rôle" in said
    assert cli(db_url, "role", "revoke", "admin", "console:alice", "--programme", "demo")[0] == 0
    said = dialog("@alice\nDonner un rôle")
    assert "réservée aux coordinateurs" in said and "Donner un rôle dans" not in said
    assert actions(engine)[-1] == "role.grant.refused"
    assert "admin.roles.refused" in actions(engine)
