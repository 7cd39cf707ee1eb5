"""Two readings of a synthesis never differ by fewer than 5 answers (close, read, reopen, one
more answer, close, read again shows the first synthesis, said as such; an answer edited since
shows none), on the command line and in the chat; and a final wave closed before the programme
ended is reopened at the end, its new members invited, the admins told the true close."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.domain.questions import wave_closes
from bot.lifecycle import end_programmes
from bot.sweeps import invite_to_open_waves
from messages.catalog import format_when
from storage.db import session_scope
from storage.enums import PairState
from storage.models import AuditEvent, Pair, Person, Programme
from storage.types import utcnow
from storage.wave_results import programme_waves
from tests.conftest import Dialog
from tests.test_committee import delivered
from tests.test_waves_admin import answer, cli, person, seed

pytestmark = pytest.mark.usefixtures("programme")


def wave(db_url: str, verb: str) -> None:
    code, said = cli(db_url, "wave", verb, "--programme", "demo", "--kind", "midterm")
    assert code == 0, said


def synthesis(db_url: str) -> tuple[int, str]:
    return cli(db_url, "synthesis", "--programme", "demo", "--kind", "midterm")


def readings(engine: Engine) -> list[tuple[str, int]]:
    with Session(engine) as session:
        rows = session.exec(
            select(AuditEvent.details)
            .where(AuditEvent.action == "questionnaires.synthesis")
            .order_by(col(AuditEvent.id))
        ).all()
    return [(details["outcome"], details["answers"]) for details in rows]


def test_a_reopened_wave_shows_a_new_synthesis_only_after_five_more_answers(
    dialog: Dialog, db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 5)
    wave(db_url, "open")
    for i, engagement in enumerate((1, 2, 3, 4, 5)):
        answer(engine, programme, "midterm", f"e{i}", engagement)
    wave(db_url, "close")
    code, first = synthesis(db_url)
    assert code == 0 and "Everyone: 5 answers, mean 3.0 out of 5" in first

    wave(db_url, "open")
    answer(engine, programme, "midterm", "m0", 1)
    wave(db_url, "close")
    code, said = synthesis(db_url)
    assert code == 0 and "Everyone: 5 answers, mean 3.0 out of 5" in said, "m0's 1 stays out"
    assert "6 answers" not in said and "mean 2.7" not in said
    assert "The synthesis as read on " in said
    assert "from 5 answers (6 so far)" in said and "it will be updated from 10 answers." in said
    said = dialog("@boss\n/admin questionnaires\nSynthèse du questionnaire de mi-parcours")
    assert "Synthèse telle que lue le " in said and "sur 5 réponses (6 à ce jour)" in said
    assert "Ensemble\u202f: 5 réponses, moyenne 3,0 sur 5" in said and "6 réponses" not in said

    wave(db_url, "open")
    answer(engine, programme, "midterm", "e0", 5)  # an answer already read, edited
    wave(db_url, "close")
    code, said = synthesis(db_url)
    assert code == 2 and "some of them have been edited or erased since" in said
    assert "it can be read again from 10 answers (6 so far)." in said
    assert "mean" not in said and "Everyone" not in said
    said = dialog("@boss\n/admin questionnaires\nSynthèse du questionnaire de mi-parcours")
    assert "certaines ont été modifiées ou effacées depuis" in said and "moyenne" not in said

    wave(db_url, "open")
    for i in range(1, 5):
        answer(engine, programme, "midterm", f"m{i}", 2)
    wave(db_url, "close")
    code, said = synthesis(db_url)
    assert code == 0 and "Everyone: 10 answers, mean 2.8 out of 5" in said
    assert "as read on" not in said
    assert readings(engine) == [
        ("shown", 5),
        ("previous", 5),
        ("previous", 5),
        ("held", 5),
        ("held", 5),
        ("shown", 10),
    ]


def test_an_unchanged_synthesis_reads_again_and_one_of_too_few_answers_binds_nothing(
    db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 5)
    wave(db_url, "open")
    for i in range(4):
        answer(engine, programme, "midterm", f"e{i}", 4)
    wave(db_url, "close")
    code, said = synthesis(db_url)
    assert code == 0 and "Everyone: too few answers to show anything." in said
    wave(db_url, "open")
    answer(engine, programme, "midterm", "e4", 4)
    wave(db_url, "close")
    for _ in range(2):
        code, said = synthesis(db_url)
        assert code == 0 and "Everyone: 5 answers, mean 4.0 out of 5" in said
        assert "as read on" not in said
    assert readings(engine) == [("shown", 4), ("shown", 5), ("shown", 5)]


def test_a_final_wave_closed_early_is_reopened_when_the_programme_ends(
    dialog: Dialog, db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 2)
    for verb in ("open", "close"):
        code, said = cli(db_url, "wave", verb, "--programme", "demo", "--kind", "final")
        assert code == 0, said
    now = utcnow() + timedelta(minutes=5)
    with session_scope(engine) as session:
        session.add(
            Pair(
                programme_id=programme,
                mentor_person_id=person(session, "m2"),
                mentee_person_id=person(session, "e2"),
                state=PairState.active,
                activated_at=now - timedelta(days=20),
            )
        )
        found = session.get(Programme, programme)
        assert found is not None
        found.ends_at = now - timedelta(minutes=1)
    assert end_programmes(engine, now) == 1
    with Session(engine) as session:
        final = programme_waves(session, programme)["final"]
        boss = session.exec(select(Person).where(Person.display_name == "boss")).one()
        told = format_when(final.closes_at, boss.locale, boss.timezone)
    assert final.closes_at == wave_closes(now, "Europe/Paris") and final.closes_at > now
    assert invite_to_open_waves(engine, now) == 2, "e2 and m2; the others were invited before"
    said = delivered(dialog)
    assert "[boss] Le programme «\u202f" in said
    assert f"Le questionnaire de fin de parcours est ouvert jusqu'au {told}." in said
    assert "[e2] " in said and "[m2] " in said
