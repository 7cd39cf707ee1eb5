"""The pulse on a simulated clock: rounds fall on the programme's days, only during their week,
never twice, never to a paused pair or one that started after the round; the answer is stored
(a second tap changes it), and a low one tells the referent, or else the admins, that the pair
may need a word, without saying who answered or what.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.domain.pulse import current_round
from bot.pulse_sweep import ask_pulse
from bot.sweeps import SWEEPS
from handlers.core import Core
from handlers.ui import Inbound
from storage.models import Identity, Outbox, Pair, PairCheck, Programme, Prompt
from tests.conftest import Dialog
from tests.journey import active_pair
from tests.lifecycle_data import cli

NB = "\u202f"
T0 = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # the programme's start, a Monday
DAY = timedelta(days=1)
QUESTION = f"Comment ça se passe dans votre binôme avec marc{NB}? Un clic, de 1 (difficile) à 5"
LOW = (
    f"Dans «{NB}Programme de mentorat (démonstration){NB}», le binôme lea \u2013 marc traverse "
    f"peut-être une période difficile{NB}: un mot de votre part pourrait l'aider. "
    f"Son suivi{NB}: /admin suivi."
)
SECRET = f"Votre réponse n'est pas montrée à marc{NB}; une note basse prévient "


def test_a_round_falls_every_few_weeks_from_the_start_and_is_asked_for_a_week() -> None:
    assert current_round(T0, 2, T0 + 13 * DAY) is None
    assert current_round(T0, 2, T0 + 14 * DAY) == T0 + 14 * DAY
    assert current_round(T0, 2, T0 + 20 * DAY) == T0 + 14 * DAY
    assert current_round(T0, 2, T0 + 21 * DAY) is None  # its week is over
    assert current_round(T0, 2, T0 + 29 * DAY) == T0 + 28 * DAY
    assert current_round(T0, 1, T0 + 8 * DAY) == T0 + 7 * DAY
    assert current_round(T0, 0, T0 + 28 * DAY) is None
    assert current_round(T0, 2, T0 + 29 * DAY, ends_at=T0 + 27 * DAY) is None
    assert current_round(T0, 2, T0 - DAY) is None


def start(engine: Engine, weeks: int = 2, activated: datetime = T0 + DAY) -> int:
    """The demo programme started at T0 with a pulse every `weeks` weeks; its pair's id."""
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        programme.starts_at, programme.ends_at = T0, T0 + 200 * DAY
        programme.pulse_weeks = weeks
        pair = session.exec(select(Pair)).one()
        pair.activated_at = activated
        session.add_all([programme, pair])
        session.commit()
        assert pair.id is not None
        return pair.id


def person(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        return session.exec(select(Identity.person_id).where(Identity.user_key == name)).one()


def pulse_keys(engine: Engine) -> list[str]:
    with Session(engine) as session:
        found = select(Outbox.dedup_key).where(col(Outbox.dedup_key).startswith("pulse:"))
        return list(session.exec(found.order_by(col(Outbox.id))))


def delivered(dialog: Dialog) -> str:
    """What the outbox holds for console people, printed as the console does."""
    begin = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(begin)
    said = dialog.out.read()
    dialog.out.seek(0, io.SEEK_END)
    return said


def lines_to(said: str, name: str) -> list[str]:
    return [line.removeprefix(f"[{name}] ") for line in said.splitlines() if f"[{name}]" in line]


def answers(engine: Engine) -> list[tuple[int, str, int]]:
    with Session(engine) as session:
        rows = session.exec(select(PairCheck).where(PairCheck.kind == "pulse")).all()
        return sorted((row.person_id, row.due_on, row.value) for row in rows)


@pytest.mark.usefixtures("programme")
def test_rounds_fall_on_the_programmes_days_once_and_not_after_their_week(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    pair = start(engine)
    marc, lea = person(engine, "marc"), person(engine, "lea")
    assert ask_pulse in SWEEPS
    assert ask_pulse(engine, T0 + 13 * DAY) == 0
    assert ask_pulse(engine, T0 + 14 * DAY) == 2
    assert ask_pulse(engine, T0 + 15 * DAY) == 0  # never twice
    assert ask_pulse(engine, T0 + 35 * DAY) == 0  # round 2 (day 28) is a week old: not sent
    assert ask_pulse(engine, T0 + 47 * DAY) == 2  # round 3 (day 42), late in its week
    assert pulse_keys(engine) == [
        f"pulse:{pair}:{marc}:2030-01-21",
        f"pulse:{pair}:{lea}:2030-01-21",
        f"pulse:{pair}:{marc}:2030-02-18",
        f"pulse:{pair}:{lea}:2030-02-18",
    ]
    said = delivered(dialog)
    assert any(line.startswith(QUESTION) for line in lines_to(said, "lea"))
    assert "1. 1 — difficile" in said and "5. 5 — très bien" in said


@pytest.mark.usefixtures("programme")
def test_no_round_while_paused_for_a_pair_started_after_it_or_a_programme_without_pulse(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    start(engine)
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        pair.paused_until = T0 + 18 * DAY
        session.add(pair)
        session.commit()
    assert ask_pulse(engine, T0 + 14 * DAY) == 0
    assert ask_pulse(engine, T0 + 18 * DAY) == 2  # the pause is over, the round's week is not
    start(engine, activated=T0 + 29 * DAY)
    assert ask_pulse(engine, T0 + 30 * DAY) == 0  # the pair began after round 2
    assert ask_pulse(engine, T0 + 42 * DAY) == 2
    start(engine, weeks=0)
    assert ask_pulse(engine, T0 + 56 * DAY) == 0
    assert len(pulse_keys(engine)) == 4


@pytest.mark.usefixtures("programme")
def test_a_low_answer_tells_the_referent_the_pair_not_who_or_what(
    dialog: Dialog, core: Core, engine: Engine, db_url: str
) -> None:
    active_pair(dialog)
    start(engine)
    dialog("@rita\n/start")
    assert cli(db_url, "role", "grant", "referent", "console:rita", "--programme", "demo")[0] == 0
    assert cli(db_url, "referents", "assign", "--programme", "demo", "--auto")[0] == 0
    delivered(dialog)
    marc, lea = person(engine, "marc"), person(engine, "lea")
    ask_pulse(engine, T0 + 14 * DAY)
    [question] = [line for line in lines_to(delivered(dialog), "lea") if QUESTION in line]
    assert f"{SECRET}votre référent, sans dire qui l'a donnée." in question
    said = dialog("@lea\n2")
    assert lines_to(said, "lea") == [f"Merci, c'est noté{NB}!"]
    assert lines_to(said, "rita") == [LOW]
    assert answers(engine) == [(lea, "2030-01-21", 2)]
    said = dialog("4")  # a second tap in the same round
    assert lines_to(said, "lea") == ["C'est corrigé."] and lines_to(said, "rita") == []
    assert answers(engine) == [(lea, "2030-01-21", 4)]
    said = dialog("@marc\n1")
    assert lines_to(said, "marc") == [f"Merci, c'est noté{NB}!"]
    assert lines_to(said, "rita") == []  # once per pair and round
    assert answers(engine) == sorted([(lea, "2030-01-21", 4), (marc, "2030-01-21", 1)])


@pytest.mark.usefixtures("programme")
def test_without_a_referent_the_admins_are_told_and_stale_or_foreign_buttons_refused(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    active_pair(dialog)
    start(engine)
    dialog("@admin\n/start")
    ask_pulse(engine, T0 + 14 * DAY)
    [question] = [line for line in lines_to(delivered(dialog), "lea") if QUESTION in line]
    assert f"{SECRET}les administrateurs du programme, sans dire qui l'a donnée." in question
    marc, lea = person(engine, "marc"), person(engine, "lea")
    with Session(engine) as session:
        prompts = select(Prompt).where(Prompt.action == "pulse", Prompt.person_id == lea)
        prompt = session.exec(prompts).one().id
    foreign = core.handle(Inbound(marc, prompt_id=prompt, option=0))
    assert "ne correspond à rien" in foreign[0].item.text  # type: ignore[union-attr]
    assert answers(engine) == []
    said = dialog("@lea\n1 — difficile")
    assert lines_to(said, "admin") == [LOW]
    assert answers(engine) == [(lea, "2030-01-21", 1)]
    late = core.handle(Inbound(lea, prompt_id=prompt, option=4), now=T0 + 28 * DAY)
    assert "ancien message" in late[0].item.text  # type: ignore[union-attr]
    assert answers(engine) == [(lea, "2030-01-21", 1)]
