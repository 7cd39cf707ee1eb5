"""`/timezone`: a city, a country, a zone or an offset sets the person's zone; dates follow it.
Telegram's language gives only a guessed zone, which /status offers once to correct."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.domain.zones import find_zones, zone_from_language, zone_words
from handlers.core import Core
from messages.catalog import format_when
from storage.models import Identity, Meeting, Person
from tests.conftest import Dialog
from tests.fake_telegram import FakeTelegram, User
from tests.journey import active_pair
from tests.test_telegram import Chat, running

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}|[A-Z][a-z]+/[A-Z][a-z_]+")


def person_of(engine: Engine, name: str) -> Person:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == name)).one()
        person = session.get(Person, identity.person_id)
        assert person is not None
        return person


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Lyon", "Europe/Paris"),
        ("PARIS", "Europe/Paris"),
        ("Montréal", "America/Toronto"),
        ("montreal", "America/Toronto"),
        ("Saint-Étienne", "Europe/Paris"),
        ("Genève", "Europe/Zurich"),
        ("Londres", "Europe/London"),
        ("Europe/Paris", "Europe/Paris"),
        ("europe/brussels", "Europe/Brussels"),
        ("UTC+1", "Etc/GMT-1"),
        ("gmt-5", "Etc/GMT+5"),
        ("UTC", "UTC"),
        ("France", "Europe/Paris"),
        ("Nouméa", "Pacific/Noumea"),
    ],
)
def test_one_zone_is_found(typed: str, zone: str) -> None:
    assert [candidate.zone for candidate in find_zones(typed)] == [zone]


def test_several_or_no_zones() -> None:
    canada = [candidate.zone for candidate in find_zones("Canada")]
    assert len(canada) > 1 and canada[0] == "America/Toronto"
    assert len(find_zones("Springfield")) > 1
    for nothing in ("xyzzy", "", "a", "UTC+99", "'; drop table person; --"):
        assert find_zones(nothing) == []


def test_zones_in_words() -> None:
    assert zone_words("Europe/Paris", "fr") == "Paris (France)"
    assert zone_words("Europe/London", "fr") == "Londres (Royaume-Uni)"
    assert zone_words("Europe/London", "en") == "London (United Kingdom)"
    assert zone_words("Etc/GMT-1", "fr") == "UTC+1"


def test_language_gives_a_zone_only_with_a_country_of_one_zone() -> None:
    assert zone_from_language("fr-BE") == "Europe/Brussels"
    assert zone_from_language("fr") is None
    assert zone_from_language("en-US") is None  # several zones: the programme's stays
    assert zone_from_language(None) is None


def test_timezone_by_city_in_the_console(dialog: Dialog, engine: Engine) -> None:
    said = dialog("@lea\n/timezone")
    assert "[lea] Vos dates sont affichées à l'heure de Paris (France)\u202f: il y est " in said
    assert "/timezone Montréal" in said and not ISO.search(said.replace("/timezone", ""))
    said = dialog("@lea\n/fuseau Montréal")
    assert "[lea] C'est noté\u202f: vos dates sont désormais à l'heure de Montréal (Canada)" in said
    lea = person_of(engine, "lea")
    assert (lea.timezone, lea.timezone_chosen) == ("America/Toronto", True)
    said = dialog("@lea\n/timezone")
    assert "à l'heure de Toronto (Canada)" in said


def test_suggestions_then_a_pick(dialog: Dialog, engine: Engine) -> None:
    said = dialog("@lea\n/timezone Canada")
    assert "Plusieurs fuseaux correspondent à «\u202fCanada\u202f»" in said
    assert "1. Toronto (Canada)" in said and "Vancouver (Canada)" in said
    said = dialog("@lea\nVancouver")
    assert "à l'heure de Vancouver (Canada)" in said
    assert person_of(engine, "lea").timezone == "America/Vancouver"


def test_nothing_matches_gives_examples(dialog: Dialog, engine: Engine) -> None:
    said = dialog("@lea\n/timezone Atlantide")
    assert "Je ne connais pas de ville ni de fuseau «\u202fAtlantide\u202f»" in said
    assert "/timezone UTC+1" in said
    lea = person_of(engine, "lea")
    assert (lea.timezone, lea.timezone_chosen) == ("Europe/Paris", False)


def test_english_texts(dialog: Dialog) -> None:
    said = dialog("@ann\n/language en\n/timezone London")
    assert "[ann] Done: your dates are now shown in London (United Kingdom) time" in said
    said = dialog("@ann\n/timezone")
    assert "Your dates are shown in London (United Kingdom) time: it is " in said


def test_help_and_menus_list_the_commands(dialog: Dialog, core: Core) -> None:
    said = dialog("@lea\n/help")
    assert "/timezone\u202f: choisir votre fuseau horaire" in said
    assert "/link\u202f: relier vos comptes Slack et Telegram" in said
    names = [name for name, _ in core.menu("en")]
    assert "timezone" in names and "link" in names


@pytest.mark.usefixtures("programme")
def test_a_planned_meeting_follows_the_zone(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    said = dialog("@lea\n/meeting\nPlanifier une rencontre\ndans 3 jours 10h\n1\n60\n1")
    with Session(engine) as session:
        [meeting] = session.exec(select(Meeting)).all()
    assert meeting.scheduled_at is not None
    in_paris = format_when(meeting.scheduled_at, "fr", "Europe/Paris")
    in_montreal = format_when(meeting.scheduled_at, "fr", "America/Toronto")
    assert in_paris.endswith("10:00") and in_montreal.endswith("04:00")
    assert in_paris in dialog("@lea\n/meeting")
    dialog("@lea\n/timezone Montréal")
    said = dialog("@lea\n/meeting")
    assert in_montreal in said and in_paris not in said
    assert in_paris in dialog("@marc\n/meeting")  # the other member keeps their zone


@SQLITE_ONLY
def test_telegram_zone_is_a_hint_told_once(engine: Engine, core: Core) -> None:
    fake = FakeTelegram().start()
    try:
        with running(core, fake) as adapter:
            zoe = Chat(fake, adapter, User(303, "Zoé", language_code="fr-BE"))
            zoe.say("/help")
            guessed = person_of(engine, "303")
            assert (guessed.timezone, guessed.timezone_chosen) == ("Europe/Brussels", False)
            zoe.say("/status")
            zoe.wait_text("Bruxelles (Belgique), que j'ai supposée")
            zoe.wait_text("tapez /timezone suivi de votre ville")
            told = person_of(engine, "303")
            assert (told.timezone, told.timezone_chosen) == ("Europe/Brussels", True)
            zoe.say("/status")
            assert zoe.texts().count("que j'ai supposée") == 1
            zoe.say("/timezone Lyon")
            zoe.wait_text("à l'heure de Lyon (France)")
            chosen = person_of(engine, "303")
            assert (chosen.timezone, chosen.timezone_chosen) == ("Europe/Paris", True)
            sam = Chat(fake, adapter, User(404, "Sam", language_code="en"))
            sam.say("/status")
            sam.wait_text("which I assumed from your Telegram account")
            assert person_of(engine, "404").timezone_chosen
    finally:
        fake.stop()


def test_console_people_get_no_hint(dialog: Dialog) -> None:
    assert "supposée" not in dialog("@lea\n/status")
