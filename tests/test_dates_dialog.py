"""Dates and durations as people type them, through the console: a day with no time asks the
time, an ambiguous date offers its readings, a range fills the meeting's duration, a past form
logs the right day, "1h30" is a duration, and a pause has a limit. Also the modal path, where
nothing can be asked back."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from dateutil.relativedelta import relativedelta
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from handlers.core import Core
from handlers.ui import Choice, Form, FormErrors, Inbound
from handlers.withdraw import pause_limit
from messages.catalog import format_day, format_when
from storage.models import Identity, Meeting, Pair
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import active_pair

pytestmark = pytest.mark.usefixtures("programme")

PARIS = ZoneInfo("Europe/Paris")
PLAN = "@lea\n/meeting\nPlanifier une rencontre"
LOG = "@lea\n/meeting\nNoter une rencontre qui a eu lieu"


def today() -> date:
    return utcnow().astimezone(PARIS).date()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def only_meeting(engine: Engine) -> Meeting:
    with Session(engine) as session:
        return session.exec(select(Meeting)).one()


def test_a_day_without_a_time_asks_the_time_never_midnight(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    day = today() + timedelta(days=2)
    said = dialog(f"{PLAN}\naprès demain")
    assert f"[lea] À quelle heure, {format_day(day, 'fr')} ? Par exemple" in said, said
    assert "00:00" not in said and "J'ai compris" not in said
    said = dialog("vers midi je pense")
    assert "Je n'ai pas compris l'heure" in said and "À quelle heure" in said
    said = dialog("10h")
    assert (
        f"J'ai compris : {format_when(at(day, 10), 'fr', 'Europe/Paris')}. C'est bien ça ?" in said
    )
    said = dialog("1\n=\n1")
    assert "rencontre prévue le" in said
    meeting = only_meeting(engine)
    assert meeting.scheduled_at == at(day, 10) and meeting.duration_minutes == 60


def test_an_ambiguous_day_offers_its_readings_then_asks_the_time(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    twentieths = [d for d in (today() + timedelta(days=n) for n in range(70)) if d.day == 20][:2]
    said = dialog(f"{PLAN}\nle 20")
    assert "Cette date peut se lire de plusieurs façons : laquelle voulez-vous dire ?" in said
    for number, day in enumerate(twentieths, 1):
        assert f"  {number}. {format_day(day, 'fr')}" in said, said
    assert "  3. Aucune, je corrige" in said
    said = dialog("2")
    assert f"À quelle heure, {format_day(twentieths[1], 'fr')} ?" in said
    dialog("14h\n1\n=\n1")
    assert only_meeting(engine).scheduled_at == at(twentieths[1], 14)


def test_none_of_the_readings_asks_the_date_again(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    said = dialog(f"{PLAN}\nle 20\nAucune, je corrige")
    assert "(1/3) Quand aura lieu la rencontre ?" in said.split("Aucune, je corrige")[-1]
    said = dialog("demain 12 heures")
    assert "C'est bien ça ?" in said
    with Session(engine) as session:
        assert session.exec(select(Meeting)).first() is None


def test_a_range_gives_the_start_and_fills_the_duration(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    day = today() + timedelta(days=1)
    said = dialog(f"{PLAN}\ndemain 14h-15h30")
    when = format_when(at(day, 14), "fr", "Europe/Paris")
    assert f"J'ai compris : {when}, pendant 1 h 30. C'est bien ça ?" in said, said
    said = dialog("Oui")
    assert "Réponse actuelle : 1 h 30. Tapez = pour la garder." in said
    dialog("=\n1")
    meeting = only_meeting(engine)
    assert meeting.scheduled_at == at(day, 14) and meeting.duration_minutes == 90


def test_a_part_of_the_day_gets_an_hour_shown_as_a_suggestion(dialog: Dialog) -> None:
    active_pair(dialog)
    said = dialog(f"{PLAN}\ndemain matin")
    when = format_when(at(today() + timedelta(days=1), 9), "fr", "Europe/Paris")
    assert f"J'ai compris : {when} (heure proposée, à changer si besoin)." in said, said


def test_last_monday_logs_the_last_monday_and_1h30_is_a_duration(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    monday = today() - timedelta(days=today().weekday() or 7)
    said = dialog(f"{LOG}\nlundi dernier 9h30")
    assert f"J'ai compris : {format_when(at(monday, 9, 30), 'fr', 'Europe/Paris')}." in said
    said = dialog("1\nune éternité")
    assert "Je n'ai pas compris cette durée" in said
    said = dialog("10 h")
    assert "Donnez une durée entre 5 minutes et 8 heures" in said
    said = dialog("1h30\n2\n-\n-\n-\n-")
    assert "est notée dans votre journal" in said, said
    meeting = only_meeting(engine)
    assert meeting.scheduled_at == at(monday, 9, 30) and meeting.duration_minutes == 90


def test_a_date_two_days_ago_is_read_in_the_past_when_logging(
    dialog: Dialog, engine: Engine
) -> None:
    """ "jeudi 19 novembre" said on the 21st is that Thursday, not next year's 19 November."""
    active_pair(dialog)
    day = today() - timedelta(days=2)
    typed = format_date(day, "EEEE d MMMM", locale="fr")
    said = dialog(f"{LOG}\n{typed}")
    assert f"À quelle heure, {format_day(day, 'fr')} ?" in said, said
    said = dialog("14h")
    assert f"J'ai compris : {format_when(at(day, 14), 'fr', 'Europe/Paris')}." in said
    dialog("1\n=\n1\n-\n-\n-\n-")
    assert only_meeting(engine).scheduled_at == at(day, 14)


def test_a_bare_number_is_not_a_date_and_planning_refuses_the_past(dialog: Dialog) -> None:
    active_pair(dialog)
    said = dialog(f"{PLAN}\n90")
    assert "« 90 » est un nombre, pas une date." in said and "(1/3)" in said
    said = dialog("hier 14h")
    assert "Cette date est déjà passée" in said
    said = dialog("le mois prochain")
    assert "C'est trop vague pour que je la note" in said


def test_an_english_speaker_is_asked_which_of_12_4_they_mean(dialog: Dialog) -> None:
    active_pair(dialog)
    dialog("@lea\n/language\n2")
    said = dialog("@lea\n/meeting\nPlan a meeting\n12/4 10am")
    assert "This date can be read in more than one way: which one do you mean?" in said, said
    assert "April" in said and "December" in said and "None, let me correct it" in said


def test_a_pause_too_far_is_refused_and_asked_again(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    said = dialog("@lea\n/pause\ndans 8 mois\n1")
    limit = pause_limit(today(), None)
    assert f"Une pause dure au plus jusqu'au {format_day(limit, 'fr')}" in said, said
    assert "Jusqu'à quand ?" in said.split("Une pause dure au plus")[-1]
    said = dialog("dans 2 mois\n1")
    until = today() + relativedelta(months=2)
    assert f"Le binôme est en pause jusqu'au {format_day(until, 'fr')}." in said, said
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        assert pair.paused_until == at(until, 0)


def test_a_pause_never_outlasts_the_programme() -> None:
    start = date(2026, 11, 21)
    assert pause_limit(start, None) == date(2027, 5, 21)
    assert pause_limit(start, date(2027, 1, 31)) == date(2027, 1, 31)
    assert pause_limit(start, date(2026, 11, 1)) == date(2027, 5, 21)


def _person(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        return session.exec(select(Identity).where(Identity.user_key == name)).one().person_id


def _open_plan_modal(core: Core, person: int) -> Form:
    replies = core.handle(Inbound(person, text="/meeting"), modal_forms=True)
    menu = next(r.item for r in replies if isinstance(r.item, Choice))
    plan = [o.value for o in menu.options].index("plan")
    replies = core.handle(Inbound(person, prompt_id=menu.prompt_id, option=plan), modal_forms=True)
    return next(r.item for r in replies if isinstance(r.item, Form))


def test_in_a_modal_a_range_fills_the_duration_left_as_it_was(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    active_pair(dialog)
    lea = _person(engine, "lea")
    form = _open_plan_modal(core, lea)
    assert form.values["minutes"] == 60
    answers = {"when": "demain 14h-15h30", "minutes": "45", "format": "video"}
    replies = core.handle(Inbound(lea, form_id=form.form_id, form_values=answers), modal_forms=True)
    [refused] = [r.item for r in replies if isinstance(r.item, FormErrors)]
    assert (
        "La plage horaire dure 1 h 30, mais la durée indiquée est de 45 min"
        in (refused.errors["minutes"])
    )
    answers = {**answers, "when": "après-demain", "minutes": "60"}
    replies = core.handle(Inbound(lea, form_id=form.form_id, form_values=answers), modal_forms=True)
    [refused] = [r.item for r in replies if isinstance(r.item, FormErrors)]
    assert "Il manque l'heure : écrivez par exemple" in refused.errors["when"]
    answers = {**answers, "when": "demain 14h-15h30"}
    core.handle(Inbound(lea, form_id=form.form_id, form_values=answers), modal_forms=True)
    with Session(engine) as session:
        meeting = session.exec(select(Meeting).order_by(col(Meeting.id))).one()
    assert meeting.scheduled_at == at(today() + timedelta(days=1), 14)
    assert meeting.duration_minutes == 90
