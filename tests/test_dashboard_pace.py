"""The rhythm on the coordinators' follow-up: meetings expected at the programme's pace (a pair
formed late is expected what fits in its time), the summary's held meetings counted up to each
pair's expected number (a surplus hides no shortfall), and only an active pair is paused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.domain.followup import Totals, expected_meetings, pause_of
from handlers.core import Core
from storage.enums import PairState
from storage.followup import dashboard, summary
from storage.models import Pair, Programme
from storage.types import utcnow
from tests.conftest import Dialog
from tests.followup_data import Built, build
from tests.test_dashboard import row_of

N = "\u202f"
DAY = timedelta(days=1)
START = datetime(2027, 1, 1, tzinfo=UTC)
END = START + 180 * DAY  # six meetings: one every 30 days


@pytest.fixture
def built(core: Core, engine: Engine, cipher: MultiFernet) -> Built:
    def person(key: str, shown: str) -> int:
        return core.identify("console", key, display_name=shown)

    return build(engine, cipher, utcnow(), person)


def test_a_pair_formed_late_is_expected_what_fits_at_the_programmes_pace() -> None:
    late = END - 10 * DAY
    assert expected_meetings(late, START, END, 6, END - 5 * DAY) == 0, "not 3 in 5 days"
    assert expected_meetings(late, START, END, 6, END + 30 * DAY, ended_at=END) == 0
    assert expected_meetings(START + 45 * DAY, START, END, 6, START + 120 * DAY) == 2
    assert expected_meetings(START, START, END, 6, END + 400 * DAY) == 6, "never past the target"
    assert expected_meetings(START, START, None, 6, START + 95 * DAY) == 3, "no end: monthly"
    assert expected_meetings(START, None, END, 6, START + 95 * DAY) == 3, "from the pair's start"
    assert expected_meetings(None, START, END, 6, END) == 0


def test_a_surplus_hides_no_shortfall_in_the_summary() -> None:
    rows = [row_of(held=2, expected=3), row_of(held=5, expected=3), row_of(held=1, expected=1)]
    totals = Totals.of(rows)
    assert (totals.held, totals.expected, totals.on_pace) == (8, 7, 6)


def test_a_late_pair_is_not_shown_behind_in_the_chat(
    dialog: Dialog, engine: Engine, built: Built
) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None and programme.ends_at is not None
        pair = Pair(
            programme_id=programme.id,
            mentee_person_id=built.people["gabriel"],
            mentor_person_id=built.people["remi"],
            state=PairState.active,
            activated_at=utcnow() - 40 * DAY,  # one meeting due every 48 days
        )
        session.add(pair)
        session.commit()
    listed = dialog("@admin\n/admin suivi\nTous les binômes")
    assert f"Gabriel Simon et Rémi Référent{N}: 0 rencontre, 0 attendue à ce jour" in listed


def test_an_ended_pair_is_never_paused(dialog: Dialog, engine: Engine, built: Built) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        now = utcnow()
        board, brief = dashboard(session, programme, now), summary(session, programme, now)
    emma = next(row for row in board.rows if row.mentee == "Emma Leroy")
    assert emma.state == "completed" and emma.paused_until is None
    assert board.totals.paused == brief.totals.paused == 1, "Chloé and David only"
    said = dialog("@admin\n/admin suivi")
    assert f"Retards{N}: 1 binôme sans rencontre depuis trop longtemps{N}; 1 en pause" in said
    listed = dialog("Tous les binômes")
    emma_line = next(line for line in listed.splitlines() if "Emma Leroy" in line)
    assert "pause" not in emma_line and "pause" in listed
    summary_only = dialog("/admin")
    assert f"{N}; 1 en pause" in summary_only


def test_a_withdrawn_pair_is_never_paused() -> None:
    until = utcnow() + 5 * DAY
    assert pause_of("withdrawn", until, utcnow()) is None
    assert pause_of("active", until, utcnow()) == until
    withdrawn = row_of(state="withdrawn", paused_until=pause_of("withdrawn", until, utcnow()))
    assert Totals.of([withdrawn]).paused == 0
    assert Totals.of([row_of(paused_until=until)]).paused == 1
