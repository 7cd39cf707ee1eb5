"""Programmes: the file (`mentorbot programme apply | show | list | open | close`), the admins'
chat form, and that both make the same programme."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from handlers.ui import Form, Inbound
from storage.models import AuditEvent, CharterVersion, Outbox, Programme
from tests.conftest import Dialog
from tests.journey import active_pair

FILE = Path(__file__).parent / "data" / "programme.toml"
runner = CliRunner()

# The chat form's answers that say what tests/data/programme.toml says, in the form's order
# (slug last changed so that both programmes can live side by side).
CHAT_ANSWERS = [
    "cadres-chat", "Mentorat des cadres 2027", "premières fonctions managériales", "1",
    "Europe/Paris", "5 janvier 2027", "15/02/2027", "2027-03-01", "30 septembre 2027", "8",
    "6", "4", "2", "2", "5", "1", "1", "budget, RH, management", "-", "15", "2", "-", "-",
    "15 juin 2027", "20 septembre 2027", "2", "-", "24", "Le réseau des cadres vous accueille.",
]  # fmt: skip


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


def test_a_file_and_the_chat_form_make_the_same_programme(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    code, said = cli(db_url, "programme", "apply", str(FILE))
    assert code == 0, said
    assert "'cadres-2027' created" in said
    said = dialog("@admin\n/admin")
    assert "Mentorat des cadres 2027" in said and "Créer un programme" in said
    said = dialog("Créer un programme\n" + "\n".join(CHAT_ANSWERS))
    assert "Le programme « Mentorat des cadres 2027 » est créé" in said, said
    code, from_file = cli(db_url, "programme", "show", "cadres-2027", "--toml")
    assert code == 0, from_file
    code, from_chat = cli(db_url, "programme", "show", "cadres-chat", "--toml")
    assert code == 0, from_chat
    assert from_chat.replace("cadres-chat", "cadres-2027") == from_file
    assert "other_organisation = true" in from_file and "max_gap_weeks = 6" in from_file
    code, listed = cli(db_url, "programme", "list")
    assert "cadres-2027" in listed and "cadres-chat" in listed


def test_applying_the_printed_file_changes_nothing(db_url: str, tmp_path: Path) -> None:
    assert cli(db_url, "programme", "apply", str(FILE))[0] == 0
    printed = cli(db_url, "programme", "show", "cadres-2027", "--toml")[1]
    again = tmp_path / "again.toml"
    again.write_text(printed, encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(again))
    assert code == 0 and "unchanged" in said
    again.write_text(printed.replace("proposals = 4", "proposals = 5"), encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(again))
    assert code == 0 and "updated: proposals" in said


def test_an_invalid_file_names_each_key_and_saves_nothing(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'slug = "x y"\nname = "P"\nproposals = 9\ncolour = "blue"\n'
        "applications_open = 2027-03-01\napplications_close = 2027-02-01\n"
        '[eligibility.mentor]\nmin_yearz = 3\n[questionnaires]\nmidterm = "soon"\n',
        encoding="utf-8",
    )
    code, said = cli(db_url, "programme", "apply", str(bad))
    assert code == 2
    for key in (
        "slug",
        "proposals",
        "colour: unknown key",
        "eligibility.mentor.min_yearz: unknown key",
        "questionnaires.midterm",
    ):
        assert f"bad.toml: {key}" in said, (key, said)
    bad.write_text('slug = "x"\nname = "P"\napplications_open = 2027-13-01\n', encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(bad))
    assert code == 2 and "not valid TOML" in said
    with Session(engine) as session:
        assert session.exec(select(Programme)).all() == []


def test_the_dates_order_is_checked_and_said_in_the_chat(dialog: Dialog, engine: Engine) -> None:
    answers = list(CHAT_ANSWERS)
    answers[6] = "1 janvier 2027"  # closes before it opens
    said = dialog("@admin\n/admin\n1\n" + "\n".join(answers))
    assert "La clôture des candidatures doit venir après leur ouverture" in said, said
    said = dialog("20 février 2027\n" + "\n".join(answers[7:]))
    assert "est créé" in said, said
    with Session(engine) as session:
        assert session.exec(select(Programme.slug)).all() == ["cadres-chat"]


def test_editing_in_the_chat_keeps_what_is_not_changed(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    assert cli(db_url, "programme", "apply", str(FILE))[0] == 0
    said = dialog("@admin\n/admin\nProgramme : réglages, ouverture")
    assert "Appariement : À la clôture des candidatures" in said
    said = dialog("Modifier les réglages\n" + "\n".join(["="] * 10 + ["3"] + ["="] * 17))
    assert "est modifié : Nombre de mentors proposés à chaque mentoré" in said, said
    _, shown = cli(db_url, "programme", "show", "cadres-2027", "--toml")
    assert "proposals = 3" in shown and "mentor_capacity = 2" in shown
    assert "midterm = 2027-06-15" in shown
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent))]
    assert "programme.apply" in actions and "admin.programme" in actions


def test_the_form_is_a_modal_where_the_platform_has_them(core: Core, engine: Engine) -> None:
    admin = core.identify("console", "admin")
    replies = core.handle(Inbound(admin, text="/admin new"), modal_forms=True)
    form = replies[-1].item
    assert isinstance(form, Form) and len(form.fields) == 29
    values = dict(zip([f.name for f in form.fields], CHAT_ANSWERS, strict=True))
    values |= {"language": "fr", "matching": "at_close", "other_organisation": "yes"}
    values |= {"in_person": "yes"}
    values |= {"free_text_in_synthesis": "no", "themes": "", "mentee_min_years": ""}
    values |= {"pulse_weeks": ""}
    values |= {"mentee_min_posts": ""}
    replies = core.handle(Inbound(admin, form_id="programme", form_values=values), modal_forms=True)
    assert "est créé" in replies[-1].item.text  # type: ignore[union-attr]
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
    assert programme.proposals_count == 4 and programme.other_organisation


def test_opening_and_closing_applications_by_command(db_url: str, dialog: Dialog) -> None:
    assert cli(db_url, "programme", "apply", str(FILE))[0] == 0
    said = dialog("@lea\n/apply")
    assert "ouvriront" in said or "pas encore ouvertes" in said, said
    code, said = cli(db_url, "programme", "open", "cadres-2027")
    assert code == 0 and "applications open" in said
    assert "accompagner quelqu'un (mentor)" in dialog("/apply")
    code, said = cli(db_url, "programme", "close", "cadres-2027")
    assert code == 0 and "closed" in said
    assert "Aucun programme n'accepte de candidatures" in dialog("@marc\n/apply")


def test_a_new_charter_asks_both_members_again(
    dialog: Dialog, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    active_pair(dialog)
    printed = cli(db_url, "programme", "show", "demo", "--toml")[1]
    assert "[charter]" not in printed
    changed = tmp_path / "demo.toml"
    changed.write_text(
        printed + '\n[charter]\nfr = "Nouvelle charte du programme."\n', encoding="utf-8"
    )
    code, said = cli(db_url, "programme", "apply", str(changed))
    assert code == 0 and "New charter (version 2)" in said, said
    with Session(engine) as session:
        assert len(session.exec(select(CharterVersion)).all()) == 2
        waiting = session.exec(select(Outbox)).all()
    assert sum("Nouvelle charte du programme." in str(row.payload) for row in waiting) == 2
    said = dialog("@lea\n/status")
    assert "Nouvelle charte du programme." in said


def test_participants_and_unknown_accounts_are_refused_and_audited(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    assert cli(db_url, "programme", "apply", str(FILE))[0] == 0
    dialog("@lea\n/start")
    code, said = cli(db_url, "programme", "show", "cadres-2027", "--as", "console:lea")
    assert code == 1 and "refused" in said
    code, said = cli(db_url, "programme", "apply", str(FILE), "--as", "console:lea")
    assert code == 1
    code, said = cli(db_url, "programme", "show", "cadres-2027", "--as", "mastodon:x")
    assert code == 2 and "is not an account" in said
    with Session(engine) as session:
        refused = [e.action for e in session.exec(select(AuditEvent))]
    assert refused.count("programme.show.refused") == 1
    assert refused.count("programme.apply.refused") == 1
    said = dialog("@lea\n/admin programme")
    assert "réservée aux coordinateurs" in said


def test_with_several_programmes_open_people_pick_one_and_may_join_both(
    dialog: Dialog, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    from storage.models import Application
    from tests.journey import MENTEE_FORM, MENTOR_FORM

    second = tmp_path / "second.toml"
    second.write_text(
        'slug = "experience"\nname = "Transmettre son expérience"\n'
        'topics = ["prise de poste", "management d\'équipe", "budget"]\n',
        encoding="utf-8",
    )
    assert cli(db_url, "programme", "apply", str(second))[0] == 0
    said = dialog("@lea\n/apply")
    assert "Auquel souhaitez-vous candidater" in said and "Transmettre son expérience" in said
    said = dialog("1\n1\n" + "\n".join(MENTEE_FORM))
    assert "Candidature" in said or "candidature" in said, said
    said = dialog("/apply")
    assert "Auquel" not in said
    mentor = [*MENTOR_FORM[:7], "1, 2", *MENTOR_FORM[8:]]
    said = dialog("Transmettre son expérience\n2\n" + "\n".join(mentor))
    with Session(engine) as session:
        rows = session.exec(select(Application.programme_id, Application.role)).all()
    assert sorted(rows) == sorted([(programme, "mentee"), (programme + 1, "mentor")]), said
