"""The retention period: `retention_months` after a programme's end, the scheduler erases its
personal data, keeps its counts, erases entirely those who have nothing left elsewhere, and
does it once however many sweeps run at the same moment."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.demo import demo_settings
from bot.domain.programme_settings import add_months
from bot.retention import purge_expired_programmes
from bot.sweeps import SWEEPS, run_sweeps
from storage.db import session_scope
from storage.models import (
    Application,
    AuditEvent,
    Identity,
    PrivateNote,
    Programme,
    QuestionnaireAnswer,
)
from storage.programmes import save_settings
from storage.questionnaires import open_wave
from storage.types import utcnow
from tests.conftest import Dialog
from tests.erasure_journey import answer_form, counts, person_id, step, traces_left
from tests.journey import MENTOR_FORM, active_pair, apply

pytestmark = pytest.mark.usefixtures("programme")
LEA = "rtlea"
MARKS = {
    "objective": "RTOBJ tenir le cap des premiers mois",
    "tag": "RTTAG",
    "note": "RTNOTE ce qui s'est dit en confiance",
    "lea_answer": "RTLEA une réponse libre de Léa",
    "marc_answer": "RTMARC une réponse libre de Marc",
}


def ended_programme(dialog: Dialog, engine: Engine) -> datetime:
    """Marc and Léa's pair, with objectives, a meeting, answers; the programme then ends.
    Marc also applies to a second programme, still open. Returns the programme's end."""
    active_pair(dialog, mentor="marc", mentee=LEA)
    step(dialog, f"@marc\n1\n@{LEA}\n1\n1\n{MARKS['objective']}\n1\n1\n1", "accord est enregistré")
    held = f"/meeting\n2\nhier 9h\n1\n60\n1\n1\n{MARKS['tag']}\n{MARKS['note']}\n-"
    step(dialog, f"@{LEA}\n{held}", "est notée dans votre journal")
    with session_scope(engine) as session:
        programme = session.exec(select(Programme)).one()
        open_wave(session, programme.id, "final", utcnow() - timedelta(hours=1),
                  utcnow() + timedelta(days=14))  # fmt: skip
    run_sweeps(engine)
    answer_form(dialog, LEA, "1", "Merci d'avoir pris ce temps", MARKS["lea_answer"])
    answer_form(dialog, "marc", "1", "Merci d'avoir pris ce temps", MARKS["marc_answer"])
    end = utcnow() - timedelta(hours=1)
    with session_scope(engine) as session:
        session.exec(select(Programme)).one().ends_at = end
        again = demo_settings(utcnow()).model_copy(update={"slug": "again", "name": "Encore"})
        save_settings(session, again, utcnow())
    assert run_sweeps(engine)["end_programmes"] == 1
    said = apply(dialog, "marc", "2", MENTOR_FORM)
    assert "Encore" in said, said
    return end


def test_the_retention_sweep_erases_the_programme_once_and_keeps_its_counts(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    assert purge_expired_programmes in SWEEPS
    end = ended_programme(dialog, engine)
    lea, marc = person_id(engine, LEA), person_id(engine, "marc")
    words = [*MARKS.values(), LEA]
    assert len(traces_left(engine, cipher, words)) >= len(words)
    before = counts(engine)
    with Session(engine) as session:
        programme = session.exec(select(Programme).where(Programme.slug == "demo")).one()
        due = add_months(end, programme.retention_months)
    assert purge_expired_programmes(engine, due - timedelta(minutes=1)) == 0

    start = threading.Barrier(2)

    def sweep(_: int) -> int:
        start.wait()
        return purge_expired_programmes(engine, due)

    with ThreadPoolExecutor(2) as pool:
        assert sorted(pool.map(sweep, range(2))) == [0, 1]
    assert purge_expired_programmes(engine, due + timedelta(days=1)) == 0

    assert traces_left(engine, cipher, words) == []
    assert counts(engine) == before
    with Session(engine) as session:
        purges = session.exec(select(AuditEvent).where(AuditEvent.action == "retention.purge"))
        assert [(e.target, e.details) for e in purges] == [("demo", {"erased": 1})]
        demo = session.exec(select(Programme).where(Programme.slug == "demo")).one()
        assert demo.purged_at == due
        assert session.exec(select(PrivateNote)).all() == []
        assert session.exec(select(Identity.person_id).where(Identity.person_id == lea)).all() == []
        assert session.exec(select(Identity).where(Identity.person_id == marc)).one()
        answers = {a.person_id: a.answers for a in session.exec(select(QuestionnaireAnswer))}
        assert list(answers) == [marc]  # Léa's went with her; Marc's scales stay
        assert answers[marc] and all("RT" not in str(v) for v in answers[marc].values())
        applications = session.exec(
            select(Programme.slug, Application.answers)
            .join(Programme, col(Programme.id) == col(Application.programme_id))
            .where(Application.person_id == marc)
        ).all()
        assert sorted((slug, bool(answers)) for slug, answers in applications) == [
            ("again", True),
            ("demo", False),
        ]


def test_a_programme_not_ended_or_without_an_end_is_never_purged(engine: Engine) -> None:
    later = utcnow() + timedelta(days=3650)
    assert purge_expired_programmes(engine, later) == 0  # not ended by the end sweep yet
    with session_scope(engine) as session:
        programme = session.exec(select(Programme)).one()
        programme.ends_at, programme.ended_at = None, utcnow()
    assert purge_expired_programmes(engine, later) == 0
