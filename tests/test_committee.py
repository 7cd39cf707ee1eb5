"""A committee's manual pair (`mentorbot pair` and the admins' "Former un binôme" form): the hard
rules still refuse, naming the rule; an accepted pair follows the normal journey."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from handlers.core import Core
from storage.models import AuditEvent, Pair, Proposal
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.lifecycle_data import BEFORE_CLOSE, apply_programme, cli, programme_file

SLUG = "cohorte-2031"
BOSS_FORM = [*MENTEE_FORM[:2], "marc", *MENTEE_FORM[3:]]  # names marc as manager


def delivered(dialog: Dialog) -> str:
    """What the outbox held for console people, as the console prints it."""
    start = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(start)
    return dialog.out.read()


def committee_programme(core: Core, dialog: Dialog, db_url: str, tmp_path: Path) -> None:
    """A committee programme where marc (mentor, one place), lea and boss (marc's report) apply."""
    apply_programme(db_url, programme_file(tmp_path, matching='"committee"'))
    core.clock = lambda: BEFORE_CLOSE
    said = apply(dialog, "marc", "2", MENTOR_FORM)
    said += apply(dialog, "lea", "1", MENTEE_FORM)
    said += apply(dialog, "boss", "1", BOSS_FORM)
    assert "le comité du programme choisira un mentor pour vous" in said
    assert "Choisir 1" not in said, "a committee programme proposes nothing by itself"


def pair(db_url: str, mentee: str, mentor: str, reason: str = "Même métier") -> tuple[int, str]:
    return cli(
        db_url, "pair", "--programme", SLUG, "--mentee", f"console:{mentee}",
        "--mentor", f"console:{mentor}", "--reason", reason,
    )  # fmt: skip


def test_the_cli_refuses_by_rule_and_a_committee_pair_follows_the_journey(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    committee_programme(core, dialog, db_url, tmp_path)
    code, said = pair(db_url, "boss", "marc")
    assert code == 2, said
    assert "Refused (hierarchy)" in said and "line-management link" in said
    code, said = pair(db_url, "lea", "marc", reason="Souhait exprimé en entretien")
    assert code == 0, said
    assert "marc is asked to mentor lea" in said
    told = delivered(dialog)
    assert "[marc] Le comité du programme vous propose d'accompagner un mentoré !" in told
    assert "[lea] Le comité du programme « Mentorat des cadres 2031 » vous propose marc" in told
    assert "Souhait exprimé" not in told, "the committee's words stay with coordinators"
    said = dialog("@marc\n1")
    assert "[lea] Bonne nouvelle : marc a accepté d'être votre mentor" in said
    said = dialog("@marc\n1\n@lea\n1")
    assert "Votre binôme est lancé" in said, said
    apply(dialog, "zoe", "1", MENTEE_FORM)
    code, said = pair(db_url, "zoe", "marc")
    assert code == 2, said
    assert "Refused (full)" in said and "marc has no place left" in said
    code, said = pair(db_url, "lea", "marc")
    assert code == 2 and "Refused (mentee_paired)" in said, said
    with Session(engine) as session:
        formed = session.exec(select(Pair)).one()
        assert (formed.state, formed.committee_reason) == ("active", "Souhait exprimé en entretien")
        proposal = session.get(Proposal, formed.proposal_id)
        assert proposal is not None and proposal.reasons[0] == {"key": "reason-committee"}
        audited = [e.action for e in session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))]
        assert audited.count("pair.refused") == 3 and audited.count("pair.committee") == 1


def test_the_admins_form_puts_a_refusal_on_its_field_then_pairs(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    committee_programme(core, dialog, db_url, tmp_path)
    said = dialog("@lea\n/admin pair")
    assert "Former un binôme" not in said
    said = dialog("@admin\n/admin pair")
    assert "(1/3) Mentoré" in said and "1. lea (Agence B)" in said and "2. boss (Agence B)" in said
    said = dialog("2")
    assert "(2/3) Mentor" in said and "1. marc (une place)" in said
    said = dialog("1\nMême métier, autre ministère")
    assert "marc et boss ont un lien hiérarchique" in said, said
    assert "(2/3) Mentor" in said, "the refusal is on the mentor field, asked again"
    said = dialog("/back\n1\n=\n=")
    assert "C'est fait : marc est sollicité pour accompagner lea" in said, said
    assert "[marc] Le comité du programme vous propose d'accompagner" in said
    with Session(engine) as session:
        formed = session.exec(select(Pair)).one()
        assert (formed.state, formed.committee_reason) == (
            "proposed",
            "Même métier, autre ministère",
        )
        audited = [e.action for e in session.exec(select(AuditEvent))]
        assert "pair.refused" in audited and "pair.committee" in audited
    said = dialog("/admin pair")
    assert "Aucun mentor n'a de place libre dans ce programme." in said, said


def test_a_declined_committee_pair_goes_back_to_the_committee(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    committee_programme(core, dialog, db_url, tmp_path)
    dialog("@admin\n/status")
    assert pair(db_url, "lea", "marc")[0] == 0
    delivered(dialog)
    said = dialog("@marc\n2\n-")
    assert "[lea] marc ne peut pas vous accompagner cette fois." in said, said
    assert "[lea] Le comité du programme vous proposera un autre mentor" in said
    assert "[admin] lea attend qu'un mentor lui soit proposé par le comité" in said
    assert "Choisir" not in said, "nothing is proposed behind the committee's back"
    with Session(engine) as session:
        assert [p.state for p in session.exec(select(Pair))] == ["declined"]
    code, said = pair(db_url, "lea", "marc")
    assert code == 2 and "Refused (paired_before)" in said, said
