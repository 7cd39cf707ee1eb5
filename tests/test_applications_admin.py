"""`mentorbot applications export | list` and the `/admin` section "Candidatures": the groups
are right, the export is owner-only and imports again, and only admins may (refusals audited)."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.demo import demo_settings
from bot.domain.application_rows import EXPORT_COLUMNS
from handlers.core import Core
from storage.application_lists import application_groups
from storage.db import session_scope
from storage.enums import GrantRole
from storage.models import Application, AuditEvent, Programme
from storage.people import grant
from storage.programmes import save_settings
from storage.types import utcnow
from tests.applications_data import MENTEE, MENTOR, cli, person, write
from tests.conftest import Dialog

DEMO = ("--programme", "demo")
ROWS = [
    MENTOR,
    person(MENTOR, "Jean Morel", "console:jean", organisation="Préfecture", manager="Ana Roy"),
    person(MENTOR, "Petit Junior", "console:petit", years="3"),
    MENTEE,
    person(MENTEE, "Sam Durand", "console:sam", motivation="=HYPERLINK(1)"),
    person(MENTEE, "Tom Blanc", "console:tom"),
    person(MENTEE, "Ugo Vidal", "console:ugo"),
    person(MENTEE, "Zoé Petit", "email:zoe@example.org"),
]


def cohort(dialog: Dialog, db_url: str, tmp_path: Path) -> None:
    """Every group filled: Léa matched with Marc, Sam waiting for Jean's answer, Tom waiting
    (no mentor left), Petit ineligible, Ugo declined, Zoé not confirmed (invited by e-mail)."""
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, ROWS)), *DEMO)
    assert code == 0, said
    dialog("@marc\n1\n@lea\n1")
    assert "Marc Lefèvre a accepté" in dialog("1\n@marc\n1")
    assert "Choisir 1 : Jean Morel" in dialog("@jean\n1\n@sam\n1")
    dialog("1\n@petit\n1\n@ugo\n3")
    assert "pas de mentor disponible" in dialog("@tom\n1")


def names(groups: dict, group: str) -> list[tuple[str, str]]:
    return [(entry.name, entry.role) for entry in groups[group]]


def test_groups_say_who_waits_for_what(
    dialog: Dialog, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    cohort(dialog, db_url, tmp_path)
    with Session(engine) as session:
        groups = application_groups(session, session.get(Programme, programme))
    assert names(groups, "awaiting_confirmation") == [("Zoé Petit", "mentee")]
    assert [(e.name, e.places) for e in groups["mentors"]] == [
        ("Jean Morel", 0),
        ("Marc Lefèvre", 0),
    ]
    assert names(groups, "mentees_waiting") == [("Tom Blanc", "mentee")]
    assert [(e.name, e.partner) for e in groups["mentees_asked"]] == [("Sam Durand", "Jean Morel")]
    [petit] = groups["ineligible"]
    assert (petit.name, petit.rule, petit.required, petit.given) == (
        "Petit Junior",
        "min_years",
        10,
        3,
    )
    assert [(e.name, e.partner) for e in groups["matched"]] == [("Léa Martin", "Marc Lefèvre")]
    assert names(groups, "withdrawn") == [("Ugo Vidal", "mentee")]

    code, listed = cli(db_url, "applications", "list", *DEMO)
    assert code == 0, listed
    assert "Waiting for their confirmation (1)\n  Zoé Petit (mentee)" in listed
    assert "Mentees waiting for a mentor's answer (1)\n  Sam Durand (asked Jean Morel)" in listed
    assert "Petit Junior (mentor: at least 10 years of experience required, 3 given)" in listed
    assert "Léa Martin with Marc Lefèvre" in listed and "Marc Lefèvre (full)" in listed

    said = dialog("@admin\n/admin candidatures")
    assert (
        "[admin] Mentorés en attente de la réponse d'un mentor (1) : Sam Durand (demande " in said
    )
    assert "Non retenus (1) : Petit Junior (mentor : au moins 10 ans d'expérience" in said
    assert "Retirées ou déclinées (1) : Ugo Vidal (mentoré)" in said
    with Session(engine) as session:
        done = session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all()
    assert "applications.list" in done and "admin.candidatures" in done


def test_the_chat_list_is_capped_and_says_how_many_more(
    dialog: Dialog, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    rows = [person(MENTEE, f"Personne {n:02d}", f"console:p{n}") for n in range(18)]
    assert cli(db_url, "applications", "import", str(write(tmp_path, rows)), *DEMO)[0] == 0
    said = dialog("@admin\n/admin candidatures")
    said = "\n".join(line for line in said.splitlines() if line.startswith("[admin]"))
    assert "En attente de leur confirmation (18) : Personne 00 (mentoré)" in said
    assert "Personne 14 (mentoré), et 3 autres" in said and "Personne 15" not in said
    assert "console:" not in said and "p17" not in said


def test_the_export_is_owner_only_and_imports_again(
    dialog: Dialog, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    cohort(dialog, db_url, tmp_path)
    out = tmp_path / "export.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    code, said = cli(db_url, "applications", "export", *DEMO, "--out", str(out))
    assert code == 0, said
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EXPORT_COLUMNS) and len(rows) == len(ROWS)
    by_name = {row["name"]: row for row in rows}
    assert by_name["Léa Martin"]["status"] == "matched"
    assert by_name["Zoé Petit"]["account"] == "email:zoe@example.org"
    assert by_name["Marc Lefèvre"]["topics"] == "prise de poste|management d'équipe"
    assert by_name["Sam Durand"]["motivation"] == "'=HYPERLINK(1)", "no formula in a spreadsheet"
    assert list(tmp_path.glob(".applications-*")) == []

    with session_scope(engine) as session:
        settings = demo_settings(utcnow()).model_copy(update={"slug": "again", "name": "Again"})
        save_settings(session, settings, utcnow())
    code, said = cli(db_url, "applications", "import", str(out), "--programme", "again")
    assert code == 0, said
    with Session(engine) as session:
        again = session.exec(select(Programme).where(Programme.slug == "again")).one()
        copied = session.exec(select(Application).where(Application.programme_id == again.id))
        answers = {a.answers["motivation"] for a in copied}
    assert "=HYPERLINK(1)" in answers and len(answers) == 3
    with Session(engine) as session:
        export = session.exec(
            select(AuditEvent).where(AuditEvent.action == "applications.export")
        ).one()
    assert export.target == "demo" and export.details["rows"] == len(ROWS)


def test_referents_and_participants_are_refused_and_the_refusal_audited(
    core: Core, db_url: str, engine: Engine, programme: int, tmp_path: Path
) -> None:
    referent = core.identify("console", "ref")
    core.identify("console", "lea")
    with session_scope(engine) as session:
        grant(session, referent, GrantRole.referent, programme)
    path = str(write(tmp_path, [MENTEE]))
    out = str(tmp_path / "out.csv")
    for account in ("console:ref", "console:lea"):
        for args in (
            ("import", path, *DEMO),
            ("export", *DEMO, "--out", out),
            ("list", *DEMO),
        ):
            code, said = cli(db_url, "applications", *args, "--as", account)
            assert code == 1, said
            assert f"{account} is not an admin of programme 'demo': refused." in said
    assert not Path(out).exists()
    with Session(engine) as session:
        refused = session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all()
        assert session.exec(select(Application)).all() == []
    assert (
        refused
        == [
            "applications.import.refused",
            "applications.export.refused",
            "applications.list.refused",
        ]
        * 2
    )
    admin = core.identify("console", "boss")
    with session_scope(engine) as session:
        grant(session, admin, GrantRole.admin, programme)
    assert cli(db_url, "applications", "list", *DEMO, "--as", "console:boss")[0] == 0


def test_the_section_is_for_admins_only(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    referent = core.identify("console", "ref")
    with session_scope(engine) as session:
        grant(session, referent, GrantRole.referent, programme)
    said = dialog("@ref\n/admin candidatures")
    assert "Candidatures au programme" not in said
    assert "Aucune candidature pour l'instant" in dialog("@admin\n/admin candidatures")
    with Session(engine) as session:
        done = session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all()
    assert done == ["admin.candidatures.refused", "admin.candidatures"]
