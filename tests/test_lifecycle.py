"""A programme's life on a simulated clock: the close of applications (matching once, even on two
replicas), the dry run and publishing (`mentorbot match`, /admin matching), a mentor arriving for
mentees who were told nobody was available, the questionnaire waves on their dates, and the end
of the programme for pairs still being formed."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from bot.domain.questions import wave_closes
from bot.lifecycle import close_applications, open_dated_waves
from bot.sweeps import run_sweeps
from handlers.core import Core
from storage.models import Outbox, Pair, Programme, Proposal, QuestionnaireWave
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.lifecycle_data import (
    AFTER_CLOSE,
    AFTER_END,
    AFTER_MIDTERM,
    BEFORE_CLOSE,
    apply_programme,
    cli,
    programme_file,
)
from tests.test_committee import BOSS_FORM, delivered

SLUG = "cohorte-2031"


def proposals_by_mentee(engine: Engine) -> dict[int, int]:
    with Session(engine) as session:
        rows = session.exec(
            select(Proposal.mentee_application_id, func.count()).group_by(
                col(Proposal.mentee_application_id)
            )
        ).all()
        return dict(rows)


def cohort(core: Core, dialog: Dialog, db_url: str, tmp_path: Path, **keys: object) -> str:
    """Two mentors and three mentees (one of them marc's report) apply before the close."""
    apply_programme(db_url, programme_file(tmp_path, **keys))
    core.clock = lambda: BEFORE_CLOSE
    said = dialog("@admin\n/status")
    said += apply(dialog, "marc", "2", MENTOR_FORM)
    said += apply(dialog, "paul", "2", MENTOR_FORM)
    said += apply(dialog, "lea", "1", MENTEE_FORM)
    said += apply(dialog, "zoe", "1", MENTEE_FORM)
    said += apply(dialog, "boss", "1", BOSS_FORM)
    return said


def test_at_close_every_mentee_gets_proposals_once_after_the_close(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    said = cohort(core, dialog, db_url, tmp_path)
    assert "Choisir 1" not in said and proposals_by_mentee(engine) == {}
    assert run_sweeps(engine, BEFORE_CLOSE)["close_applications"] == 0
    assert run_sweeps(engine, AFTER_CLOSE)["close_applications"] == 1
    assert run_sweeps(engine, AFTER_CLOSE + timedelta(minutes=1))["close_applications"] == 0
    assert sorted(proposals_by_mentee(engine).values()) == [1, 2, 2], "boss: paul only"
    told = delivered(dialog)
    for mentee in ("lea", "zoe", "boss"):
        assert told.count(f"[{mentee}] Les candidatures au programme « Mentorat des cadres") == 1
        assert told.count(f"[{mentee}] Voici ") == 1, told
    assert "[marc] Les candidatures au programme « Mentorat des cadres 2031 » sont closes" in told
    assert "aurez 3 jours pour me répondre" in told
    assert "[admin] Les candidatures au programme « Mentorat des cadres 2031 » sont closes et " in (
        told
    )
    said = dialog("@lea\n1")
    # marc and paul applied alike: which one comes first is the engine's tie-breaker.
    assert "J'ai transmis votre demande à marc" in said or "demande à paul" in said, said


def test_two_replicas_closing_at_once_match_the_cohort_once(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    cohort(core, dialog, db_url, tmp_path)
    done: list[int] = []
    start = threading.Barrier(2)

    def replica() -> None:
        start.wait()
        done.append(close_applications(engine, AFTER_CLOSE))

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(done) == [0, 1]
    assert sorted(proposals_by_mentee(engine).values()) == [1, 2, 2]


def test_the_dry_run_explains_and_publishing_offers_once(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    cohort(core, dialog, db_url, tmp_path)
    code, said = cli(db_url, "match", "--programme", SLUG)
    assert code == 0, said
    assert "lea: 2 of 3" in said and "boss: 1 of 3" in said, said
    assert "Fewer than 3. 1 (line-management link): marc" in said
    assert "shared topics: budget, ressources humaines" in said
    assert "3 mentees are waiting for proposals." in said and "Dry run: nothing was sent" in said
    assert "- boss: 1 of 3 proposals\n    1 (line-management link): marc" in said
    assert proposals_by_mentee(engine) == {}, "a dry run stores nothing"
    said = dialog("@admin\n/admin matching")
    assert "Appariement du programme « Mentorat des cadres 2031 » : 3 mentorés attendent" in said
    assert "- 2 propositions : 2 mentorés" in said and "- une proposition : un mentoré" in said
    assert "- boss : une proposition sur 3" in said and "1 (lien hiérarchique) : marc" in said
    said = dialog("1")
    assert "3 mentorés ont reçu leurs propositions." in said, said
    assert "[lea] Voici 2 mentors que je vous propose" in said
    code, said = cli(db_url, "match", "--programme", SLUG, "--apply")
    assert code == 0 and "No mentee received proposals." in said, said
    assert sorted(proposals_by_mentee(engine).values()) == [1, 2, 2]
    code, said = cli(db_url, "match", "--programme", SLUG, "--as", "console:lea")
    assert code == 1 and "refused" in said


def test_on_apply_a_new_mentor_is_offered_to_waiting_mentees_within_its_places(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """marc has one place: one of the two waiting mentees is offered him, the other keeps
    waiting (no false good news) and is offered paul when he arrives."""
    apply_programme(db_url, programme_file(tmp_path, matching='"on_apply"'))
    core.clock = lambda: BEFORE_CLOSE
    said = apply(dialog, "lea", "1", MENTEE_FORM) + apply(dialog, "zoe", "1", MENTEE_FORM)
    assert said.count("Je n'ai pas de mentor disponible") == 2
    said = apply(dialog, "marc", "2", MENTOR_FORM)
    [first] = [m for m in ("lea", "zoe") if f"[{m}]   1. Choisir 1 : marc" in said]
    [other] = [m for m in ("lea", "zoe") if m != first]
    assert f"[{first}] Bonne nouvelle : un nouveau mentor a rejoint le programme" in said
    assert f"[{other}] Bonne nouvelle" not in said, said
    said = dialog(f"@{first}\n1\n@marc\n1") + apply(dialog, "paul", "2", MENTOR_FORM)
    assert f"[{other}] Bonne nouvelle" in said, said
    assert f"[{other}]   1. Choisir 1 : paul" in said, said
    assert f"[{first}] Bonne nouvelle : un nouveau mentor" not in said


def test_waves_open_on_their_dates_for_three_weeks(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    apply_programme(db_url, programme_file(tmp_path))
    assert open_dated_waves(engine, AFTER_MIDTERM - timedelta(days=1)) == 0
    assert open_dated_waves(engine, AFTER_MIDTERM) == 1
    assert open_dated_waves(engine, AFTER_MIDTERM) == 0
    with Session(engine) as session:
        wave = session.exec(select(QuestionnaireWave)).one()
        assert wave.kind == "midterm"
        assert wave.opens_at == datetime.fromisoformat("2031-06-14T22:00:00+00:00")
        assert wave.closes_at == wave_closes(AFTER_MIDTERM, "Europe/Paris"), "three weeks on"


def test_the_end_completes_active_pairs_and_stops_those_being_formed(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    apply_programme(db_url, programme_file(tmp_path, matching='"on_apply"', waves=False))
    core.clock = lambda: BEFORE_CLOSE
    dialog("@admin\n/status")
    for mentor in ("marc", "paul", "jean"):
        apply(dialog, mentor, "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    assert "Votre binôme est lancé" in dialog("@lea\n1\n@marc\n1\n1\n@lea\n1")
    apply(dialog, "zoe", "1", MENTEE_FORM)
    assert "[zoe] Bonne nouvelle : paul a accepté" in dialog("@zoe\n1\n@paul\n1")
    apply(dialog, "ana", "1", MENTEE_FORM)
    core.clock = lambda: AFTER_END - timedelta(days=1)
    assert "J'ai transmis votre demande à jean" in dialog("@ana\n1")
    counts = run_sweeps(engine, AFTER_END)
    assert counts["end_programmes"] == 1 and counts["expire_requests"] == 0
    assert counts["invite_to_open_waves"] == 2, "lea and marc only: the others never started"
    assert run_sweeps(engine, AFTER_END + timedelta(minutes=1))["end_programmes"] == 0
    with Session(engine) as session:
        states = sorted(p.state for p in session.exec(select(Pair)))
        assert states == ["completed", "expired", "withdrawn"]
        programme = session.exec(select(Programme)).one()
        assert programme.ended_at == AFTER_END
        wave = session.exec(select(QuestionnaireWave)).one()
        assert (wave.kind, wave.opens_at, wave.closes_at) == (
            "final", AFTER_END, wave_closes(AFTER_END, "Europe/Paris")
        )  # fmt: skip
        keys = session.exec(select(Outbox.dedup_key).where(col(Outbox.dedup_key).like("end:%")))
        assert len(list(keys)) == 6
    core.clock = lambda: AFTER_END + timedelta(hours=1)
    told = delivered(dialog)
    assert "[lea] Le programme « Mentorat des cadres 2031 » est arrivé à son terme" in told
    assert "[zoe] Le programme « Mentorat des cadres 2031 » est terminé avant que votre " in told
    assert "[ana] Le programme « Mentorat des cadres 2031 » est terminé avant que jean " in told
    assert (
        "[jean] Le programme « Mentorat des cadres 2031 » est terminé : la demande de ana" in told
    )
    assert "un binôme achevé, 2 binômes en cours de formation arrêtés" in told
    said = dialog("@lea\n/status")
    assert "votre binôme avec marc s'est achevé le mardi 30 septembre 2031" in said, said
    assert "Le questionnaire de fin de parcours vous attend jusqu'au" in said
    assert "1. Répondre au questionnaire" in said and "2. Revoir notre journal" in said
    said = dialog("2")
    assert "Votre journal de rencontres avec marc :" in said and "Aucune rencontre" in said
    for person in ("zoe", "ana"):
        said = dialog(f"@{person}\n/status")
        assert "Le programme « Mentorat des cadres 2031 » est terminé. Merci" in said, said
