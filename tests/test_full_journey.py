"""The whole journey through the console: from /start to a third logged meeting and a completed
final questionnaire, for a mentee and a mentor, in French and in English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.sweeps import run_sweeps
from storage.db import session_scope
from storage.models import Meeting, Pair, QuestionnaireAnswer
from storage.questionnaires import open_wave
from storage.types import utcnow
from tests.conftest import Dialog

pytestmark = pytest.mark.usefixtures("programme")
OPTION = re.compile(r"^\[(\w+)\]   \d+\. ")
QUESTION = re.compile(r"^\[(\w+)\] \(\d+/\d+\) ")


@dataclass(frozen=True)
class Words:
    language: str
    yesterday_morning: str
    yesterday_evening: str
    two_days_ago: str
    in_a_week: str
    objectives: str
    active: str
    logged: str
    thanks: str
    foreign: tuple[str, ...]


FR = Words(
    "1", "hier 9h", "hier 17h30", "avant-hier 14h", "dans une semaine à 10h",
    "Réussir ma prise de poste; Mieux déléguer", "Votre binôme est lancé",
    "est notée dans votre journal", "Merci d'avoir pris ce temps", ("Thank you", "Type /help"),
)  # fmt: skip
EN = Words(
    "2", "yesterday 9am", "yesterday 5:30pm", "2 days ago at 2pm", "in a week at 10am",
    "Succeed in my new post; Delegate better", "Your pair is under way",
    "is in your log", "Thank you for taking the time", ("Merci", "Tapez"),
)  # fmt: skip

MENTOR = ["Ministère A", "DRH", "Paul Durand", "Directeur", "20", "4", "Lyon", "1, 2, 4",
          "Partager", "Transmettre", "Mardi", "1", "1, 2"]  # fmt: skip
MENTEE = ["Agence B", "-", "Sophie Martin", "Cheffe de service", "3", "1", "Lyon", "1, 2",
          "Prendre du recul", "Progresser", "Le matin", "1", "1, 2"]  # fmt: skip


def answer_until(dialog: Dialog, name: str, first: str, done: str) -> str:
    """Answer every question of a form: the first option when there are options, else text."""
    said = dialog(f"@{name}\n{first}")
    seen = said
    for _ in range(40):
        if done in said:
            return said
        mine = [line for line in said.splitlines() if line.startswith(f"[{name}] ")]
        question = [i for i, line in enumerate(mine) if QUESTION.match(line)]
        asked = mine[question[-1] :] if question else mine
        said = dialog("1" if any(OPTION.match(line) for line in asked) else "Très utile, merci")
        seen += said
    raise AssertionError(f"{name} never saw {done!r}; seen:\n{seen[:3000]}")


def log_meeting(dialog: Dialog, when: str) -> str:
    return dialog(f"@lea\n/meeting\n2\n{when}\n1\n60\n1\n1, 3\nécoute\nNote privée\nLire\n")


@pytest.mark.parametrize("words", [FR, EN], ids=["fr", "en"])
def test_the_whole_journey(dialog: Dialog, engine: Engine, words: Words) -> None:
    script = ["@marc", "/start", words.language, "/apply", "2", *MENTOR,
              "@lea", "/start", words.language, "/apply", "1", *MENTEE,
              "1", "@marc", "1", "1", "@lea", "1"]  # fmt: skip
    said = transcript = dialog("\n".join(script))
    assert words.active in said
    said = dialog(f"@marc\n1\n@lea\n1\n1\n{words.objectives}\n1\n1\n1")
    transcript += said
    assert "2" in said and "/objectives" in said
    for when in (words.two_days_ago, words.yesterday_morning, words.yesterday_evening):
        said = log_meeting(dialog, when)
        transcript += said
        assert words.logged in said, said
    said = dialog(f"@lea\n/meeting\n1\n{words.in_a_week}\n1\n60\n1")
    transcript += said
    assert ".ics" in said and "[marc]" in said
    run_sweeps(engine)
    transcript += dialog("@lea\n1\n@marc\n1")
    with session_scope(engine) as session:
        pair = session.exec(select(Pair)).one()
        open_wave(session, pair.programme_id, "final", utcnow() - timedelta(hours=1),
                  utcnow() + timedelta(days=14))  # fmt: skip
    assert run_sweeps(engine)["invite_to_open_waves"] == 2
    transcript += answer_until(dialog, "lea", "1", words.thanks)
    transcript += answer_until(dialog, "marc", "1", words.thanks)
    for marker in words.foreign:
        assert marker not in transcript
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        assert pair.state == "active"
        held = session.exec(select(Meeting).where(Meeting.status == "held")).all()
        assert len(held) == 3 and all(m.themes[:1] for m in held)
        answers = session.exec(select(QuestionnaireAnswer)).all()
        assert sorted(a.role for a in answers) == ["mentee", "mentor"]
        assert all(a.submitted_at is not None and len(a.answers) >= 8 for a in answers)
