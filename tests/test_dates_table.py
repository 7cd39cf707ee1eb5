"""What people type as dates, times and durations, and what the bot makes of it: every phrase is
read right, or asked (its time, or which of its readings), or refused with the reason; none is
silently read as something else.

`now` is fixed: Saturday 21 November 2026, 10:17 in Paris, unless a row says otherwise (the DST
rows sit on the weekends the clocks change: 29 March and 25 October 2026).

Expected outcomes, in Paris time:
- "2026-11-22 09:00": that moment; "+60" a range's length; "~" an hour chosen for a part of
  the day ("matin");
- "day 2026-11-23": that day, whose time is to be asked;
- "ask A | B": the readings offered, each a moment or a day;
- "no REASON": refused, with that reason.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.dates import (
    Ambiguous,
    Day,
    Direction,
    Moment,
    Unreadable,
    When,
    read_calendar_day,
    read_when,
)
from bot.domain.durations import BadDuration, DurationProblem, read_minutes
from handlers.fields import FieldError, Reading, parse_field, read_date
from handlers.ui import FieldKind, FormField

PARIS = ZoneInfo("Europe/Paris")


def paris(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=PARIS).astimezone(UTC)


SAT = paris(2026, 11, 21, 10, 17)  # Saturday; Thursday 19 November was two days ago
WED = paris(2026, 11, 18, 16, 40)
SPRING = paris(2026, 3, 28, 15, 0)  # the night of Saturday to Sunday loses 2:00-3:00
AFTER_SPRING = paris(2026, 3, 30, 9, 30)
AUTUMN = paris(2026, 10, 24, 15, 0)  # the night of Saturday to Sunday has 2:00-3:00 twice
PLAN, LOG = Direction.future, Direction.past

TABLE: list[tuple[str, str, Direction, datetime, str]] = [
    # parts of the day: a sensible hour, shown as chosen
    ("demain matin", "fr", PLAN, SAT, "2026-11-22 09:00 ~"),
    ("demain après-midi", "fr", PLAN, SAT, "2026-11-22 14:00 ~"),
    ("demain apres midi", "fr", PLAN, SAT, "2026-11-22 14:00 ~"),
    ("demain soir", "fr", PLAN, SAT, "2026-11-22 18:00 ~"),
    ("ce soir", "fr", PLAN, SAT, "2026-11-21 18:00 ~"),
    ("cet après-midi", "fr", PLAN, SAT, "2026-11-21 14:00 ~"),
    ("cet aprem", "fr", PLAN, SAT, "2026-11-21 14:00 ~"),
    ("lundi en fin d'après-midi", "fr", PLAN, SAT, "2026-11-23 17:00 ~"),
    ("ce matin", "fr", LOG, SAT, "2026-11-21 09:00 ~"),
    ("hier soir", "fr", LOG, SAT, "2026-11-20 18:00 ~"),
    ("mardi matin", "fr", PLAN, SAT, "2026-11-24 09:00 ~"),
    ("tomorrow afternoon", "en", PLAN, SAT, "2026-11-22 14:00 ~"),
    ("tomorrow morning", "en", PLAN, SAT, "2026-11-22 09:00 ~"),
    ("tonight", "en", PLAN, SAT, "2026-11-21 18:00 ~"),
    ("this evening", "en", PLAN, SAT, "2026-11-21 18:00 ~"),
    ("yesterday morning", "en", LOG, SAT, "2026-11-20 09:00 ~"),
    ("friday late afternoon", "en", LOG, SAT, "2026-11-20 17:00 ~"),
    # a time and its part of the day
    ("demain 9h du matin", "fr", PLAN, SAT, "2026-11-22 09:00"),
    ("demain 3h de l'après-midi", "fr", PLAN, SAT, "2026-11-22 15:00"),
    ("demain soir 8h", "fr", PLAN, SAT, "2026-11-22 20:00"),
    ("tomorrow at 3 in the afternoon", "en", PLAN, SAT, "2026-11-22 15:00"),
    ("demain midi", "fr", PLAN, SAT, "2026-11-22 12:00"),
    ("tomorrow noon", "en", PLAN, SAT, "2026-11-22 12:00"),
    ("demain midi et demi", "fr", PLAN, SAT, "2026-11-22 12:30"),
    ("demain 14h et quart", "fr", PLAN, SAT, "2026-11-22 14:15"),
    # hours as people write them
    ("demain 14h", "fr", PLAN, SAT, "2026-11-22 14:00"),
    ("demain 14 h", "fr", PLAN, SAT, "2026-11-22 14:00"),
    ("demain 14H30", "fr", PLAN, SAT, "2026-11-22 14:30"),
    ("demain 14 h 30", "fr", PLAN, SAT, "2026-11-22 14:30"),
    ("demain 14 heures", "fr", PLAN, SAT, "2026-11-22 14:00"),
    ("demain à 14 heures 30", "fr", PLAN, SAT, "2026-11-22 14:30"),
    ("demain 14:30", "fr", PLAN, SAT, "2026-11-22 14:30"),
    ("Demain à 10h", "fr", PLAN, SAT, "2026-11-22 10:00"),
    ("tomorrow 2pm", "en", PLAN, SAT, "2026-11-22 14:00"),
    ("tomorrow 2:30 pm", "en", PLAN, SAT, "2026-11-22 14:30"),
    ("tomorrow at 10", "en", PLAN, SAT, "2026-11-22 10:00"),
    ("tomorrow at 10am", "en", PLAN, SAT, "2026-11-22 10:00"),
    ("tomorrow 12pm", "en", PLAN, SAT, "2026-11-22 12:00"),
    ("14h", "fr", PLAN, SAT, "2026-11-21 14:00"),
    ("à 16h30", "fr", PLAN, SAT, "2026-11-21 16:30"),
    ("9h", "fr", LOG, SAT, "2026-11-21 09:00"),
    # the day after tomorrow, with or without its hyphen; the day before yesterday
    ("après-demain 10h", "fr", PLAN, SAT, "2026-11-23 10:00"),
    ("après demain 10h", "fr", PLAN, SAT, "2026-11-23 10:00"),
    ("apres demain 10h", "fr", PLAN, SAT, "2026-11-23 10:00"),
    ("avant-hier 14h", "fr", LOG, SAT, "2026-11-19 14:00"),
    ("avant hier 14h", "fr", LOG, SAT, "2026-11-19 14:00"),
    ("the day after tomorrow at 9am", "en", PLAN, SAT, "2026-11-23 09:00"),
    ("hier 9h", "fr", LOG, SAT, "2026-11-20 09:00"),
    ("hier 17h30", "fr", LOG, SAT, "2026-11-20 17:30"),
    ("yesterday 4pm", "en", LOG, SAT, "2026-11-20 16:00"),
    # weekdays: the next one when planning, the last one when logging
    ("mardi 14h", "fr", PLAN, SAT, "2026-11-24 14:00"),
    ("mardi 14h", "fr", LOG, SAT, "2026-11-17 14:00"),
    ("mardi prochain 14h", "fr", PLAN, SAT, "2026-11-24 14:00"),
    ("prochain mardi 14h", "fr", PLAN, SAT, "2026-11-24 14:00"),
    ("lundi dernier 9h30", "fr", LOG, SAT, "2026-11-16 09:30"),
    ("lundi dernier à 9h30", "fr", LOG, SAT, "2026-11-16 09:30"),
    ("jeudi passé 11h", "fr", LOG, SAT, "2026-11-19 11:00"),
    ("ce jeudi 10h", "fr", PLAN, SAT, "2026-11-26 10:00"),
    ("ce lundi 9h", "fr", LOG, SAT, "2026-11-16 09:00"),
    ("jeudi en huit", "fr", PLAN, WED, "day 2026-11-26"),
    ("jeudi en huit 15h", "fr", PLAN, SAT, "2026-12-03 15:00"),
    ("vendredi en quinze 10h", "fr", PLAN, SAT, "2026-12-11 10:00"),
    ("demain en huit 9h", "fr", PLAN, SAT, "2026-11-29 09:00"),
    ("aujourd'hui en huit", "fr", PLAN, SAT, "day 2026-11-28"),
    ("jeudi de la semaine prochaine 10h", "fr", PLAN, SAT, "2026-11-26 10:00"),
    ("next Tuesday at 10", "en", PLAN, SAT, "2026-11-24 10:00"),
    ("next tuesday 10am", "en", PLAN, SAT, "2026-11-24 10:00"),
    ("last Monday 9:30am", "en", LOG, SAT, "2026-11-16 09:30"),
    ("this Thursday 10am", "en", PLAN, SAT, "2026-11-26 10:00"),
    ("thursday week", "en", PLAN, SAT, "day 2026-12-03"),
    ("Wed 3pm", "en", PLAN, SAT, "2026-11-25 15:00"),
    ("vendredi", "fr", LOG, SAT, "day 2026-11-20"),
    # the same weekday as today: today or a week away
    ("samedi 14h", "fr", PLAN, SAT, "ask 2026-11-21 14:00 | 2026-11-28 14:00"),
    ("samedi 9h", "fr", PLAN, SAT, "2026-11-28 09:00"),
    ("samedi 9h", "fr", LOG, SAT, "ask 2026-11-21 09:00 | 2026-11-14 09:00"),
    ("samedi", "fr", PLAN, SAT, "ask 2026-11-21 | 2026-11-28"),
    # ranges: a start and a length
    ("mardi 14h-15h", "fr", PLAN, SAT, "2026-11-24 14:00 +60"),
    ("mardi 14h - 15h", "fr", PLAN, SAT, "2026-11-24 14:00 +60"),
    ("mardi 14h-15", "fr", PLAN, SAT, "2026-11-24 14:00 +60"),
    ("14h à 15h30", "fr", PLAN, SAT, "2026-11-21 14:00 +90"),
    ("mardi de 14h à 15h30", "fr", PLAN, SAT, "2026-11-24 14:00 +90"),
    ("de 14 à 15h demain", "fr", PLAN, SAT, "2026-11-22 14:00 +60"),
    ("entre 14h et 15h demain", "fr", PLAN, SAT, "2026-11-22 14:00 +60"),
    ("hier 10h-11h30", "fr", LOG, SAT, "2026-11-20 10:00 +90"),
    ("tomorrow 2-3pm", "en", PLAN, SAT, "2026-11-22 14:00 +60"),
    ("tomorrow from 2pm to 3:30pm", "en", PLAN, SAT, "2026-11-22 14:00 +90"),
    ("tomorrow 11-1pm", "en", PLAN, SAT, "2026-11-22 11:00 +120"),
    ("tomorrow 14:00-15:00", "en", PLAN, SAT, "2026-11-22 14:00 +60"),
    ("demain 14h-14h", "fr", PLAN, SAT, "no range"),
    ("demain 9h-18h", "fr", PLAN, SAT, "no range"),
    # days of the month and month names
    ("le 1er décembre à 9h", "fr", PLAN, SAT, "2026-12-01 09:00"),
    ("1er décembre 14h30", "fr", PLAN, SAT, "2026-12-01 14:30"),
    ("2 déc. 10h", "fr", PLAN, SAT, "2026-12-02 10:00"),
    ("2 déc.", "fr", PLAN, SAT, "day 2026-12-02"),
    ("mercredi 2 décembre 10h", "fr", PLAN, SAT, "2026-12-02 10:00"),
    ("3 janvier 10h", "fr", PLAN, SAT, "2027-01-03 10:00"),
    ("3 décembre", "fr", LOG, SAT, "day 2025-12-03"),
    ("le 3 décembre 2027", "fr", PLAN, SAT, "day 2027-12-03"),
    ("15 août 2026 10h", "fr", LOG, SAT, "2026-08-15 10:00"),
    ("Dec 2nd 3pm", "en", PLAN, SAT, "2026-12-02 15:00"),
    ("December 2 at 3pm", "en", PLAN, SAT, "2026-12-02 15:00"),
    ("the 2nd of December, 10am", "en", PLAN, SAT, "2026-12-02 10:00"),
    ("sept 3", "en", LOG, SAT, "day 2026-09-03"),
    # "jeudi 19 novembre", two days later: the past one when logging, asked when planning
    ("jeudi 19 novembre", "fr", LOG, SAT, "day 2026-11-19"),
    ("jeudi 19 novembre 14h", "fr", LOG, SAT, "2026-11-19 14:00"),
    ("19 novembre 14h", "fr", PLAN, SAT, "2027-11-19 14:00"),
    ("jeudi 19 novembre", "fr", PLAN, SAT, "ask 2027-11-19"),
    ("vendredi 19 novembre", "fr", LOG, SAT, "ask 2026-11-19"),
    # figures
    ("4.12", "fr", PLAN, SAT, "day 2026-12-04"),
    ("4.12 9h30", "fr", PLAN, SAT, "2026-12-04 09:30"),
    ("04/12/2026 10h", "fr", PLAN, SAT, "2026-12-04 10:00"),
    ("3/12/27 14h", "fr", PLAN, SAT, "2027-12-03 14:00"),
    ("12/4", "fr", PLAN, SAT, "day 2027-04-12"),
    ("12/4", "en", PLAN, SAT, "ask 2027-04-12 | 2026-12-04"),
    ("12/4 2pm", "en", PLAN, SAT, "ask 2027-04-12 14:00 | 2026-12-04 14:00"),
    ("12/25 3pm", "en", PLAN, SAT, "2026-12-25 15:00"),
    ("25/12 3pm", "en", PLAN, SAT, "2026-12-25 15:00"),
    ("4/4 10am", "en", PLAN, SAT, "2027-04-04 10:00"),
    ("2026-12-03", "fr", PLAN, SAT, "day 2026-12-03"),
    ("2026-12-01T13:00:00+00:00", "fr", PLAN, SAT, "2026-12-01 14:00"),
    ("31/02", "fr", PLAN, SAT, "no unknown"),
    # a day of the month alone: which month?
    ("le 20", "fr", PLAN, SAT, "ask 2026-12-20 | 2027-01-20"),
    ("le 20", "fr", LOG, SAT, "ask 2026-11-20 | 2026-10-20"),
    ("le 20 à 14h", "fr", PLAN, SAT, "ask 2026-12-20 14:00 | 2027-01-20 14:00"),
    ("le 1er", "fr", PLAN, SAT, "ask 2026-12-01 | 2027-01-01"),
    ("the 20th", "en", PLAN, SAT, "ask 2026-12-20 | 2027-01-20"),
    ("le 21 11h", "fr", PLAN, SAT, "ask 2026-11-21 11:00 | 2026-12-21 11:00"),
    ("le 21 9h", "fr", PLAN, SAT, "2026-12-21 09:00"),
    ("dimanche 20", "fr", PLAN, SAT, "day 2026-12-20"),
    ("vendredi 20 à 9h", "fr", PLAN, SAT, "ask 2026-12-20 09:00 | 2027-01-20 09:00"),
    # a week: which day?
    ("la semaine prochaine", "fr", PLAN, SAT, "ask 2026-11-23 | 2026-11-24 | 2026-11-25 | "
     "2026-11-26 | 2026-11-27"),
    ("next week", "en", PLAN, SAT, "ask 2026-11-23 | 2026-11-24 | 2026-11-25 | 2026-11-26 | "
     "2026-11-27"),
    ("la semaine dernière", "fr", LOG, SAT, "ask 2026-11-09 | 2026-11-10 | 2026-11-11 | "
     "2026-11-12 | 2026-11-13"),
    ("cette semaine", "fr", PLAN, WED, "ask 2026-11-18 | 2026-11-19 | 2026-11-20"),
    # an hour that may be morning or afternoon
    ("jeudi 3h", "fr", PLAN, SAT, "ask 2026-11-26 03:00 | 2026-11-26 15:00"),
    ("tomorrow at 3", "en", PLAN, SAT, "ask 2026-11-22 03:00 | 2026-11-22 15:00"),
    ("hier 3h", "fr", LOG, SAT, "ask 2026-11-20 03:00 | 2026-11-20 15:00"),
    ("aujourd'hui 3h", "fr", LOG, SAT, "2026-11-21 03:00"),
    ("demain 03h", "fr", PLAN, SAT, "2026-11-22 03:00"),
    ("demain 3pm", "en", PLAN, SAT, "2026-11-22 15:00"),
    # relative phrases
    ("dans 3 jours 10h", "fr", PLAN, SAT, "2026-11-24 10:00"),
    ("dans trois jours 10h", "fr", PLAN, SAT, "2026-11-24 10:00"),
    ("dans une semaine à 10h", "fr", PLAN, SAT, "2026-11-28 10:00"),
    ("dans deux semaines", "fr", PLAN, SAT, "day 2026-12-05"),
    ("dans quinze jours 9h", "fr", PLAN, SAT, "2026-12-05 09:00"),
    ("dans huit jours", "fr", PLAN, SAT, "day 2026-11-28"),
    ("dans 3 mois", "fr", PLAN, SAT, "day 2027-02-21"),
    ("dans 2 heures", "fr", PLAN, SAT, "2026-11-21 12:17"),
    ("in 30 minutes", "en", PLAN, SAT, "2026-11-21 10:47"),
    ("in two weeks", "en", PLAN, SAT, "day 2026-12-05"),
    ("in a week at 9am", "en", PLAN, SAT, "2026-11-28 09:00"),
    ("il y a 3 jours 10h", "fr", LOG, SAT, "2026-11-18 10:00"),
    ("2 days ago at 4pm", "en", LOG, SAT, "2026-11-19 16:00"),
    ("maintenant", "fr", LOG, SAT, "2026-11-21 10:17"),
    ("now", "en", LOG, SAT, "2026-11-21 10:17"),
    # not dates
    ("90", "fr", PLAN, SAT, "no number"),
    ("2026", "fr", PLAN, SAT, "no number"),
    ("14", "fr", PLAN, SAT, "no number"),
    ("le mois prochain", "fr", PLAN, SAT, "no vague"),
    ("next month", "en", PLAN, SAT, "no vague"),
    ("décembre", "fr", PLAN, SAT, "no vague"),
    ("en décembre", "fr", PLAN, SAT, "no vague"),
    ("bientôt", "fr", PLAN, SAT, "no vague"),
    ("soon", "en", PLAN, SAT, "no vague"),
    ("n'importe quoi", "fr", PLAN, SAT, "no unknown"),
    ("oui", "fr", PLAN, SAT, "no unknown"),
    ("mardi bla", "fr", PLAN, SAT, "no unknown"),
    ("demain demain", "fr", PLAN, SAT, "no unknown"),
    ("", "fr", PLAN, SAT, "no unknown"),
    ("😀", "fr", PLAN, SAT, "no unknown"),
    ("demain 25h", "fr", PLAN, SAT, "no time"),
    ("demain 14h75", "fr", PLAN, SAT, "no time"),
    ("tomorrow 13pm", "en", PLAN, SAT, "no time"),
    # the clocks change (Europe/Paris)
    ("demain 10h", "fr", PLAN, SPRING, "2026-03-29 10:00"),
    ("demain 02h30", "fr", PLAN, SPRING, "ask 2026-03-29 03:30"),
    ("demain 2h30", "fr", PLAN, SPRING, "ask 2026-03-29 03:30 | 2026-03-29 14:30"),
    ("dans une semaine à 10h", "fr", PLAN, paris(2026, 3, 25, 9), "2026-04-01 10:00"),
    ("hier 9h", "fr", LOG, AFTER_SPRING, "2026-03-29 09:00"),
    ("samedi dernier 23h", "fr", LOG, AFTER_SPRING, "2026-03-28 23:00"),
    ("demain 10h", "fr", PLAN, AUTUMN, "2026-10-25 10:00"),
    ("demain 02h30", "fr", PLAN, AUTUMN, "ask 2026-10-25 02:30 | 2026-10-25 02:30"),
    ("dimanche 01h30", "fr", PLAN, AUTUMN, "2026-10-25 01:30"),
    ("dimanche 03h30", "fr", PLAN, AUTUMN, "2026-10-25 03:30"),
]  # fmt: skip


def shown(found: When | Moment | Day) -> str:
    """A reading written as the table writes it."""
    if isinstance(found, Moment):
        text = f"{found.start.astimezone(PARIS):%Y-%m-%d %H:%M}"
        if found.minutes:
            text += f" +{found.minutes}"
        return text + (" ~" if found.assumed_hour else "")
    if isinstance(found, Day):
        return f"day {found.day.isoformat()}"
    if isinstance(found, Ambiguous):
        readings = [shown(c).removeprefix("day ") for c in found.candidates]
        return "ask " + " | ".join(readings)
    assert isinstance(found, Unreadable)
    return f"no {found.reason}"


def test_the_table_has_at_least_a_hundred_phrases_in_both_languages_and_ways() -> None:
    assert len(TABLE) >= 100
    assert {locale for _p, locale, *_ in TABLE} == {"fr", "en"}
    assert {way for _p, _l, way, *_ in TABLE} == {PLAN, LOG}


@pytest.mark.parametrize(("phrase", "locale", "way", "now", "expected"), TABLE)
def test_each_phrase_is_read_right_or_asked(
    phrase: str, locale: str, way: Direction, now: datetime, expected: str
) -> None:
    assert shown(read_when(phrase, locale, "Europe/Paris", now, way)) == expected


def test_an_hour_said_twice_when_the_clocks_go_back_is_offered_as_both_instants() -> None:
    found = read_when("demain 02h30", "fr", "Europe/Paris", AUTUMN, PLAN)
    assert isinstance(found, Ambiguous)
    starts = [c.start for c in found.candidates if isinstance(c, Moment)]
    assert starts == [
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ]
    reading = Reading("fr", "Europe/Paris", AUTUMN)
    field = FormField("when", "Quand ?", FieldKind.date, future=True)
    error = parse_field(field, "demain 02h30", reading)
    assert isinstance(error, FieldError) and error.key == "date-ambiguous"
    assert "(UTC+02:00)" in error.params["choices"] and "(UTC+01:00)" in error.params["choices"]


def test_a_time_answers_for_the_day_that_was_asked() -> None:
    day = date(2026, 11, 26)
    answers = [
        ("14h", "2026-11-26 14:00"),
        ("10h-11h", "2026-11-26 10:00 +60"),
        ("matin", "2026-11-26 09:00 ~"),
        ("vendredi 9h", "2026-11-27 09:00"),
    ]
    for answer, expected in answers:
        assert shown(read_when(answer, "fr", "Europe/Paris", SAT, PLAN, on=day)) == expected
    assert shown(read_when("bof", "fr", "Europe/Paris", SAT, PLAN, on=day)) == "no unknown"


def test_the_time_zone_is_the_persons() -> None:
    found = read_when("demain 9h", "fr", "America/Montreal", SAT, PLAN)
    assert isinstance(found, Moment)
    assert found.start == datetime(2026, 11, 22, 14, 0, tzinfo=UTC)


DAYS = [
    ("dans 3 mois", "day 2027-02-21"),
    ("jusqu'au 3 mars", "day 2027-03-03"),
    ("15 janvier", "day 2027-01-15"),
    ("lundi", "day 2026-11-23"),
    ("demain 14h", "day 2026-11-22"),
    ("le 20", "ask 2026-12-20 | 2027-01-20"),
    ("next week", "ask 2026-11-23 | 2026-11-24 | 2026-11-25 | 2026-11-26 | 2026-11-27"),
    ("90", "no number"),
]


@pytest.mark.parametrize(("phrase", "expected"), DAYS)
def test_a_day_field_needs_no_time(phrase: str, expected: str) -> None:
    assert shown(read_calendar_day(phrase, "fr", "Europe/Paris", SAT, PLAN)) == expected


FIELD_ERRORS = [
    ("hier 14h", True, "field-date-past"),
    ("demain 14h", False, "field-date-future"),
    ("lundi prochain 9h", False, "field-date-future"),
    ("90", True, "date-unreadable-number"),
    ("le mois prochain", True, "date-unreadable-vague"),
    ("demain 25h", True, "date-unreadable-time"),
    ("demain 9h-18h", True, "date-unreadable-range"),
    ("n'importe quoi", True, "field-date"),
    ("jeudi 19 novembre", False, "date-needs-time"),
    ("le 20", True, "date-ambiguous"),
    ("le 20 à 14h", True, "date-ambiguous"),
]


@pytest.mark.parametrize(("phrase", "planning", "key"), FIELD_ERRORS)
def test_a_form_in_one_go_says_what_is_wrong_or_missing(
    phrase: str, planning: bool, key: str
) -> None:
    """A modal cannot ask back: a date needing its time or a choice is refused with the reason."""
    field = FormField("when", "Quand ?", FieldKind.date, future=planning, past=not planning)
    reading = Reading("fr", "Europe/Paris", SAT)
    found = read_date(field, phrase, reading)
    if isinstance(found, FieldError):
        assert found.key == key
        return
    error = parse_field(field, phrase, reading)
    assert isinstance(error, FieldError) and error.key == key, error


DURATIONS = [
    ("90", 90), ("90 min", 90), ("90min", 90), ("90 minutes", 90), ("45 mn", 45),
    ("1h30", 90), ("1 h 30", 90), ("1H30", 90), ("1h 30min", 90), ("1:30", 90), ("1h", 60),
    ("2 heures", 120), ("1 heure 15", 75), ("1.5h", 90), ("1,5 h", 90), ("1.5 hours", 90),
    ("une heure", 60), ("une heure et demie", 90), ("Une heure et quart", 75),
    ("deux heures moins le quart", 105), ("une demi-heure", 30), ("trois quarts d'heure", 45),
    ("an hour", 60), ("one hour", 60), ("an hour and a half", 90), ("half an hour", 30),
    ("two hours", 120), ("an hour and 15 minutes", 75), ("8h", 480), ("5 min", 5),
    ("quarante-cinq minutes", 45),
]  # fmt: skip
BAD_DURATIONS = [
    ("2", DurationProblem.out_of_bounds), ("4 min", DurationProblem.out_of_bounds),
    ("9h", DurationProblem.out_of_bounds), ("600", DurationProblem.out_of_bounds),
    ("0", DurationProblem.out_of_bounds), ("beaucoup", DurationProblem.unreadable),
    ("1h30 ou 2h", DurationProblem.unreadable), ("", DurationProblem.unreadable),
    ("an", DurationProblem.unreadable), ("-30", DurationProblem.unreadable),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "minutes"), DURATIONS)
def test_durations_are_read_in_minutes(typed: str, minutes: int) -> None:
    assert read_minutes(typed) == minutes


@pytest.mark.parametrize(("typed", "problem"), BAD_DURATIONS)
def test_a_duration_out_of_bounds_or_unreadable_is_refused(
    typed: str, problem: DurationProblem
) -> None:
    assert read_minutes(typed) == BadDuration(problem)


WORDS = [
    "demain", "14h", "-", "15h30", "le", "20", "mardi", "prochain", "dernier", "à", "3", "pm",
    "décembre", "1er", "12/4", "4.12", "dans", "deux", "semaines", "matin", "en", "huit", "next",
    "week", "2026", "h", ":", "et", "demie", "midi", "il y a", "ago",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=60), st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)),
    st.sampled_from(["fr", "en"]),
    st.sampled_from([PLAN, LOG]),
)
def test_anything_typed_gives_an_answer_never_an_error(
    typed: str, locale: str, way: Direction
) -> None:
    found = read_when(typed, locale, "Europe/Paris", SAT, way)
    assert isinstance(found, Moment | Day | Ambiguous | Unreadable)
    if isinstance(found, Ambiguous):
        assert found.candidates
    if isinstance(found, Moment) and found.minutes is not None:
        assert 5 <= found.minutes <= 480
