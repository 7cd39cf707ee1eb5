"""The pulse on the coordinators' follow-up is never one person's answer (tests/followup_data.py):
a pair's pulse counts only the rounds both members answered; a coordinator who is a member of a
pair sees no pulse of that pair, and its answers are left out of the programme's trend and chart
for that coordinator; the programme's trend shows a round only from 5 answers, and says so."""

from __future__ import annotations

from pathlib import Path

import matplotlib.text
import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session
from typer.testing import CliRunner

from bot.cli import app
from handlers.core import Core
from handlers.followup_chart import figure
from storage.enums import GrantRole
from storage.followup import dashboard, summary
from storage.models import Programme
from storage.people import grant
from storage.types import utcnow
from tests.conftest import Dialog
from tests.followup_data import SLUG, Built, build

N = "\u202f"
HIDDEN_FR = f"Pouls moyen{N}: pas encore montré, une prise de pouls ne l'est qu'à partir de 5"


@pytest.fixture
def built(core: Core, engine: Engine, cipher: MultiFernet) -> Built:
    def person(key: str, shown: str) -> int:
        return core.identify("console", key, display_name=shown)

    return build(engine, cipher, utcnow(), person)


def boards(engine: Engine, built: Built, **scope: int | None) -> tuple:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        now = utcnow()
        return dashboard(session, programme, now, **scope), summary(
            session, programme, now, **scope
        )


def line_of(said: str, name: str) -> str:
    return next(line for line in said.splitlines() if name in line)


def test_a_round_one_member_answered_alone_is_never_shown(engine: Engine, built: Built) -> None:
    board, _ = boards(engine, built)
    alice = next(row for row in board.rows if row.mentee == "Alice Martin")
    assert alice.pulse == (4.0, 1.5), "Alice's lone 1 of 10 days ago is her own score"
    assert [(point.mean, point.answers) for point in board.pulse] == [(3.0, 6)]
    assert board.pulse_withheld == 1, "60 days ago: two answers only"


def test_the_trend_shows_a_round_from_5_answers_and_says_so_otherwise(
    dialog: Dialog, engine: Engine, built: Built
) -> None:
    mine, mine_summary = boards(engine, built, referent_id=built.people["rita"])
    assert mine.pulse == mine_summary.pulse == () and mine.pulse_withheld == 2
    said = dialog("@rita\n/admin suivi")
    assert HIDDEN_FR in said and "3,0" not in said.replace("pouls 1,5", "")
    drawn = figure(mine, "fr", "Europe/Paris")
    pulse_panel = drawn.axes[3]
    assert len(pulse_panel.lines) == 0, "no point drawn"
    texts = [text.get_text() for text in drawn.findobj(matplotlib.text.Text)]
    assert f"pas encore montré{N}: moins de 5 réponses" in texts
    said = dialog("@admin\n/admin suivi")
    assert f"Pouls moyen{N}: 3,0{N}; 1 prise de pouls de moins de 5 réponses" in said


def test_a_coordinator_in_a_pair_never_reads_that_pairs_pulse(
    dialog: Dialog, engine: Engine, built: Built, db_url: str, tmp_path: Path
) -> None:
    bruno = built.people["bruno"]
    with Session(engine) as session:
        grant(session, bruno, GrantRole.admin, built.programme_id)
        session.commit()
    board, brief = boards(engine, built, viewer_id=bruno)
    rows = {row.mentee: row for row in board.rows}
    assert rows["Alice Martin"].pulse == () and rows["Chloé Dubois"].pulse == (4.5,)
    assert board.pulse == brief.pulse == (), "the 30 days' round without Bruno's pair: 4 answers"

    said = dialog("@bruno\n/admin suivi")
    own = line_of(said, "Alice Martin et Bruno Petit")
    assert "pouls" not in own and "en retard" in own
    assert HIDDEN_FR in said and "3,0" not in said
    listed = dialog("Tous les binômes")
    assert "pouls" not in line_of(listed, "Alice Martin") and "pouls 4,5" in listed
    menu = dialog("/admin")
    assert HIDDEN_FR in menu
    texts = [
        t.get_text() for t in figure(board, "fr", "Europe/Paris").findobj(matplotlib.text.Text)
    ]
    assert not any("3,0" in text or "1,5" in text for text in texts)

    result = CliRunner().invoke(
        app, ["dashboard", "--programme", SLUG, "--as", "console:bruno", "--db", db_url]
    )
    assert result.exit_code == 0, result.output
    own = line_of(result.output, "Alice Martin and Bruno Petit")
    assert "pulse" not in own and "Mean pulse: not shown yet" in result.output
