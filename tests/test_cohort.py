"""The whole cohort on a simulated clock: a programme file (matched at the close, topics,
questionnaire dates, an end) applied with `mentorbot programme apply`; 20 applications (10
mentors, 10 mentees) imported with `mentorbot applications import` and confirmed in the chat;
the close matches everyone; each mentee picks, mentors accept, both sign the charter, consent and
set objectives; the mid-term wave opens on its date; past the end every pair is completed, each
member reviews the objectives, and all 20 are invited to the final questionnaire."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.sweeps import run_sweeps
from handlers.core import Core
from handlers.ui import Inbound
from storage.models import Application, Objective, Outbox, Pair, Prompt, Proposal, QuestionnaireWave
from storage.people import find_identity
from tests.applications_data import MENTEE, MENTOR, person, write
from tests.conftest import Dialog
from tests.lifecycle_data import (
    AFTER_CLOSE,
    AFTER_END,
    AFTER_MIDTERM,
    BEFORE_CLOSE,
    TOPICS,
    apply_programme,
    cli,
    programme_file,
)
from tests.test_committee import delivered

SLUG = "cohorte-2031"
MENTORS = [
    "Anne Mercier", "Bruno Carré", "Chloé Petit", "David Roux", "Émilie Blanc",
    "Fabien Morel", "Gaëlle Faure", "Hugo Girard", "Inès Bonnet", "Julien Lambert",
]  # fmt: skip
MENTEES = [
    "Karim Haddad", "Laura Perrin", "Mehdi Benali", "Nadia Colin", "Olivier Rey",
    "Pauline Marchand", "Quentin Dupuis", "Rania Gauthier", "Sarah Lemoine", "Théo Muller",
]  # fmt: skip


def rows() -> list[dict[str, str]]:
    """Mentor i and mentee i share topic i; nobody shares an organisation or a manager."""
    found = []
    for i in range(10):
        found.append(
            person(MENTOR, MENTORS[i], f"console:m{i}", organisation=f"Ministère {i}",
                   manager=f"Directrice {i}", location=f"Ville M{i}", topics=TOPICS[i],
                   format="any", languages="fr")
        )  # fmt: skip
        found.append(
            person(MENTEE, MENTEES[i], f"console:e{i}", organisation=f"Agence {i}",
                   manager=f"Chef {i}", location=f"Ville E{i}", topics=TOPICS[i])
        )  # fmt: skip
    return found


def person_id(engine: Engine, account: str) -> int:
    with Session(engine) as session:
        identity = find_identity(session, "console", "", account)
        assert identity is not None
        return identity.person_id


def test_the_whole_cohort_from_the_file_to_the_final_questionnaire(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    apply_programme(db_url, programme_file(tmp_path))
    code, said = cli(
        db_url, "applications", "import", str(write(tmp_path, rows())), "--programme", SLUG
    )
    assert code == 0 and "Imported 20 application(s) for 20 person(s)" in said, said
    core.clock = lambda: BEFORE_CLOSE
    delivered(dialog)
    for i in range(10):
        assert "remplit les conditions" in dialog(f"@m{i}\n1")
        said = dialog(f"@e{i}\n1")
        assert "Les propositions arrivent à la clôture des candidatures" in said, said
    with Session(engine) as session:
        statuses = {a.status for a in session.exec(select(Application))}
        assert statuses == {"eligible"} and session.exec(select(Proposal)).first() is None

    # The close: every mentee gets three proposals, once, their own match first.
    assert run_sweeps(engine, AFTER_CLOSE)["close_applications"] == 1
    assert run_sweeps(engine, AFTER_CLOSE + timedelta(minutes=5))["close_applications"] == 0
    core.clock = lambda: AFTER_CLOSE + timedelta(hours=1)
    told = delivered(dialog)
    for i in range(10):
        assert told.count(f"[e{i}] Voici 3 mentors que je vous propose") == 1
        assert f"[e{i}]   1. Choisir 1 : {MENTORS[i]}" in told
        assert f"[m{i}] Les candidatures au programme « Mentorat des cadres 2031 » sont closes" in (
            told
        )

    # Each pair forms, signs, consents and sets two objectives (private ones for even pairs).
    for i in range(10):
        said = dialog(f"@e{i}\n1\n@m{i}\n1\n1\n@e{i}\n1")
        assert "Votre binôme est lancé" in said, said
        visibility = "2" if i % 2 == 0 else "1"
        said = dialog(f"@m{i}\n1\n@e{i}\n1\n1\nObjectif A{i}; Objectif B{i}\n{visibility}\n1\n1")
        assert "/objectives" in said, said
    with Session(engine) as session:
        pairs = session.exec(select(Pair)).all()
        assert len(pairs) == 10 and {p.state for p in pairs} == {"active"}
        assert len(session.exec(select(Objective)).all()) == 20

    # The mid-term wave opens on its date and invites all 20.
    counts = run_sweeps(engine, AFTER_MIDTERM)
    assert (counts["open_dated_waves"], counts["invite_to_open_waves"]) == (1, 20)

    # Past the end: pairs completed, reviews asked, final questionnaire to all 20.
    counts = run_sweeps(engine, AFTER_END)
    assert counts["end_programmes"] == 1 and counts["invite_to_open_waves"] == 20
    assert run_sweeps(engine, AFTER_END + timedelta(minutes=5))["end_programmes"] == 0
    with Session(engine) as session:
        assert {p.state for p in session.exec(select(Pair))} == {"completed"}
        final = session.exec(select(QuestionnaireWave).where(QuestionnaireWave.kind == "final"))
        wave = final.one()
        invited = session.exec(
            select(Outbox.person_id).where(col(Outbox.dedup_key).startswith(f"wave:{wave.id}:"))
        ).all()
        assert len(set(invited)) == 20
        asked = session.exec(select(Prompt).where(Prompt.action == "objective-review")).all()
        assert len({prompt.person_id for prompt in asked}) == 20
    core.clock = lambda: AFTER_END + timedelta(hours=2)
    told = delivered(dialog)
    assert told.count("Prenons un moment pour faire le bilan de vos 2 objectifs") == 20

    # Some review: e0 both objectives (private ones), m1 one of two, m2 from the end message.
    said = dialog("@e0\n/status")
    assert "Le programme « Mentorat des cadres 2031 » est terminé : votre binôme avec " in said
    assert "2 objectifs attendent encore votre bilan." in said
    assert "Le questionnaire de fin de parcours vous attend jusqu'au" in said
    said = dialog("1")
    assert "Objectif 1 : Objectif A0 (privé) (actuellement : en cours)" in said, said
    said = dialog("1\n2")
    assert "objectif 2, atteint." in said and "objectif 1, atteint en partie." in said
    assert "Merci, votre bilan est complet !" in said
    said = dialog("@m1\n/status\n1\n3")
    assert "objectif 2, non atteint." in said and "votre bilan est complet" not in said
    assert "Un objectif attend encore votre bilan." in dialog("/status")
    m2 = person_id(engine, "m2")
    with Session(engine) as session:
        button = session.exec(
            select(Prompt).where(Prompt.person_id == m2, Prompt.action == "objective-review")
        ).one()
    replies = core.handle(Inbound(m2, prompt_id=button.id, option=0))
    texts = "\n".join(getattr(r.item, "text", "") for r in replies)
    assert "Objectif 2 : Objectif B2 (privé)" in texts
    with Session(engine) as session:
        statuses = {
            o.text or f"private {o.id}": o.status
            for o in session.exec(select(Objective).order_by(col(Objective.id)))
        }
        assert list(statuses.values())[:4] == ["partly", "reached", "open", "not_reached"]
        assert sum(status == "open" for status in statuses.values()) == 17
