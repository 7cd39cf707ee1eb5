"""A process killed in the middle of any form resumes at the same field, answers kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from handlers.core import Core
from storage.models import Application, ConversationState
from tests.conftest import Dialog
from tests.journey import active_pair
from tests.test_console import run_cli

pytestmark = pytest.mark.usefixtures("programme")


def test_a_killed_process_resumes_the_application_at_the_same_field(
    db_url: str, tmp_path: Path
) -> None:
    first = run_cli(db_url, b"@zoe\n/apply\n1\nAgence B\n-\n", tmp_path)
    assert first.returncode == 0 and "(3/13)" in first.stdout.decode()
    second = run_cli(db_url, b"@zoe\n/status\nSophie Martin\n", tmp_path)
    out = second.stdout.decode()
    assert "(3/13)" in out and "(4/13)" in out, out
    rest = b"@zoe\nCheffe\n3\n1\nLyon\n1\nRecul\nProgresser\nMatin\n1\n1\n"
    third = run_cli(db_url, rest, tmp_path)
    assert "remplit les conditions" in third.stdout.decode()
    from storage.db import make_engine

    engine = make_engine(db_url)
    with Session(engine) as session:
        answers = session.exec(select(Application)).one().answers
    engine.dispose()
    assert (answers["organisation"], answers["manager"], answers["job"]) == (
        "Agence B",
        "Sophie Martin",
        "Cheffe",
    )


AGREED = "@marc\n1\n@lea\n1"
CASES = {
    "agreement": (AGREED, "@lea\n1\nMieux déléguer", "(2/4)", "1", "(3/4)"),
    "objective": (
        AGREED + "\n@lea\n1\nMieux déléguer\n1\n1\n1",
        "@lea\n/objectives\n2\nPrendre la parole en réunion",
        "(2/2)",
        "1",
        "Objectif ajouté",
    ),
    "pause": (AGREED, "@lea\n/pause\ndans 2 mois", "C'est bien ça ?", "1", "en pause jusqu'au"),
    "meeting plan": (
        AGREED,
        "@lea\n/meeting\n1\ndans 3 jours 10h",
        "C'est bien ça ?",
        "1",
        "(2/3)",
    ),
    "meeting log": (AGREED, "@lea\n/meeting\n2\nhier 9h\n1\n45", "(3/7)", "1", "(4/7)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_pair_form_resumes_after_a_restart(
    dialog: Dialog, engine: Engine, cipher: MultiFernet, tmp_path: Path, case: str
) -> None:
    before, start, asked, answer, expected = CASES[case]
    active_pair(dialog)
    dialog(before)
    said = dialog(start)
    assert asked in said, said
    restarted = Dialog(Core(engine, cipher), tmp_path / "restarted")
    resumed = restarted("@lea\n/status")
    assert "au milieu d'un formulaire" in resumed and asked in resumed, resumed
    assert expected in restarted(answer)


def test_a_private_note_waits_encrypted_in_an_unfinished_form(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    dialog(AGREED)
    dialog("@lea\n/meeting\n2\nhier 9h\n1\n60\n1\n-\n-\nMon manager me met la pression")
    with Session(engine) as session:
        states = session.exec(select(ConversationState)).all()
        stored = " ".join(str(state.data) for state in states)
    assert "(7/7)" in dialog("/status")
    assert "manager me met" not in stored and "sealed" in stored
