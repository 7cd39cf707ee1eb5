"""Referents: `mentorbot referents assign`, `mentorbot pairs list | show`, the `/admin` section
"Référents", and escalations reaching the pair's referent rather than the admins."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from storage.models import AuditEvent, Identity, Pair
from tests.conftest import Dialog
from tests.journey import active_pair

pytestmark = pytest.mark.usefixtures("programme")
runner = CliRunner()
HELD = ["hier 10h", "1", "90", "2", "1, 4", "budget", "Une note très confidentielle", "Lire"]


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url], terminal_width=200)
    return result.exit_code, result.output


def grant_referents(dialog: Dialog, db_url: str) -> None:
    """ref1, then ref2, become referents of the demo programme."""
    dialog("@ref1\n/start\n@ref2\n/start")
    for name in ("ref1", "ref2"):
        code, said = cli(db_url, "role", "grant", "referent", f"console:{name}", "--programme",
                         "demo")  # fmt: skip
        assert code == 0, said


def three_pairs_and_two_referents(dialog: Dialog, db_url: str) -> None:
    for i in range(3):
        active_pair(dialog, mentor=f"m{i}", mentee=f"e{i}")
    grant_referents(dialog, db_url)


def referents(engine: Engine) -> list[str | None]:
    with Session(engine) as session:
        names = dict(session.exec(select(Identity.person_id, Identity.user_key)).all())
        pairs = session.exec(select(Pair).order_by(col(Pair.id))).all()
        return [names.get(p.referent_person_id) for p in pairs]  # type: ignore[arg-type]


def test_auto_spreads_pairs_over_the_least_loaded_referents(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    for i in range(3):
        active_pair(dialog, mentor=f"m{i}", mentee=f"e{i}")
    code, said = cli(db_url, "referents", "assign", "--programme", "demo", "--auto")
    assert code == 2 and "has no referent: grant the role first" in said
    grant_referents(dialog, db_url)
    with Session(engine) as session:
        first_pair = session.exec(select(Pair.id).order_by(col(Pair.id))).first()
    code, said = cli(db_url, "referents", "assign", "--programme", "demo",
                     "--pair", str(first_pair), "--referent", "console:ref2")  # fmt: skip
    assert code == 0, said
    code, said = cli(db_url, "referents", "assign", "--programme", "demo", "--auto")
    assert code == 0 and "2 pair(s) given a referent" in said
    assert referents(engine) == ["ref2", "ref1", "ref1"], "least loaded first, then lowest id"
    assert "│ ref1     │ console:ref1 │ 2" in said and "│ (none)   │" in said
    code, said = cli(db_url, "referents", "assign", "--programme", "demo", "--auto")
    assert code == 0 and "0 pair(s) given a referent" in said
    said = dialog("@ref1\n/help")
    assert "[ref1] 2 binômes de plus du programme « Programme de mentorat" in said
    assert "[ref2] Vous suivez désormais, en tant que référent, le binôme m0 / e0" in said

    for bad in (
        ("--pair", str(first_pair), "--referent", "console:m0"),
        ("--pair", "999", "--referent", "console:ref1"),
        ("--pair", str(first_pair)),
        ("--auto", "--pair", str(first_pair), "--referent", "console:ref1"),
    ):
        assert cli(db_url, "referents", "assign", "--programme", "demo", *bad)[0] == 2, bad
    with Session(engine) as session:
        audited = session.exec(
            select(AuditEvent.action).where(col(AuditEvent.action).startswith("referents."))
        ).all()
    assert audited == ["referents.assign", "referents.spread", "referents.spread"]


def test_a_referent_lists_and_reads_only_its_pairs_never_notes(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    three_pairs_and_two_referents(dialog, db_url)
    assert cli(db_url, "referents", "assign", "--programme", "demo", "--auto")[0] == 0
    said = dialog("\n".join(["@e1", "/meeting", "Noter une rencontre qui a eu lieu", *HELD]))
    assert "est notée dans votre journal" in said
    with Session(engine) as session:
        ids = list(session.exec(select(Pair.id).order_by(col(Pair.id))))

    code, said = cli(db_url, "pairs", "list", "--programme", "demo")
    assert code == 0 and all(f"m{i}" in said and f"e{i}" in said for i in range(3))
    code, said = cli(db_url, "pairs", "list", "--programme", "demo", "--as", "console:ref2")
    assert code == 0 and "m1" in said and "e1" in said and "m0" not in said and "m2" not in said
    code, said = cli(db_url, "pairs", "show", str(ids[1]), "--as", "console:ref2")
    assert code == 0, said
    assert "meetings held" in said and "1 (target: 6)" in said and "active" in said
    assert "confidentielle" not in said and "Lire" not in said
    code, said = cli(db_url, "pairs", "show", str(ids[0]), "--as", "console:ref2")
    assert code == 1 and "console:ref2 does not follow pair" in said
    code, said = cli(db_url, "pairs", "show", "999")
    assert code == 2
    code, said = cli(db_url, "pairs", "show", str(ids[0]), "--as", "console:e0")
    assert code == 1
    with Session(engine) as session:
        refused = session.exec(
            select(AuditEvent).where(col(AuditEvent.action).endswith(".refused"))
        ).all()
    assert [(e.action, e.details.get("pair")) for e in refused] == [
        ("pairs.show.refused", ids[0]),
        ("pairs.show.refused", None),
    ]


def test_the_referents_section_spreads_and_escalations_reach_the_referent(
    dialog: Dialog, db_url: str, engine: Engine
) -> None:
    three_pairs_and_two_referents(dialog, db_url)
    said = dialog("@admin\n/admin referents")
    assert "ref1 : aucun binôme" in said and "ref2 : aucun binôme" in said
    assert "3 binômes en cours n'ont pas encore de référent." in said
    said = dialog("Répartir équitablement les binômes sans référent")
    assert "3 binômes ont reçu un référent" in said
    assert "ref1 : 2 binômes" in said and "ref2 : 1 binôme" in said
    assert "Aucun binôme en cours n'attend de référent." in said
    assert "Répartir équitablement" not in said.split("3 binômes ont reçu")[1]
    assert "[ref1] 2 binômes de plus" in said and "[ref2] Un binôme de plus" in said

    said = dialog("@m0\n/withdraw\n1\n-")
    assert "[ref1] Le mentor m0 a quitté son binôme avec e0" in said
    assert "[admin] Le mentor m0" not in said
    said = dialog("@e2\n/withdraw\n1\n-")
    assert "[ref1] e2 a quitté son binôme avec le mentor m2" in said
    assert "ref1 : aucun binôme" in dialog("@admin\n/admin referents")
    said = dialog("@ref1\n/admin referents")
    assert "réservée aux coordinateurs" in said
