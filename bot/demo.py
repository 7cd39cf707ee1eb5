"""The demo programme created on a fresh database, so the console works with no set-up."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from bot.domain.programme_settings import (
    Eligibility,
    Event,
    ProgrammeSettings,
    Questionnaires,
    RoleRules,
)
from storage.db import session_scope
from storage.programmes import any_programme, save_settings
from storage.types import utcnow

PARIS = ZoneInfo("Europe/Paris")

DEMO_TOPICS = [
    "prise de poste",
    "management d'équipe",
    "conduite du changement",
    "budget et finances",
    "ressources humaines",
    "relations avec les élus et partenaires",
    "équilibre vie professionnelle et personnelle",
    "carrière et mobilité",
]


def demo_settings(now: datetime) -> ProgrammeSettings:
    """The demo: applications open since yesterday for two months, a 7-month programme after."""
    day = now.astimezone(PARIS).date()
    return ProgrammeSettings(
        slug="demo",
        name="Programme de mentorat (démonstration)",
        track="premières fonctions managériales",
        applications_open=day - timedelta(days=1),
        applications_close=day + timedelta(days=60),
        starts=day + timedelta(days=61),
        topics=DEMO_TOPICS,
        eligibility=Eligibility(mentor=RoleRules(min_years=10, min_posts=2)),
        questionnaires=Questionnaires(
            midterm=day + timedelta(days=61 + 105), final=day + timedelta(days=61 + 200)
        ),
        events=[
            Event(
                kind="launch",
                at=datetime.combine(day + timedelta(days=62), time(14)),
                title="Lancement du programme",
            ),
            Event(
                kind="closing",
                at=datetime.combine(day + timedelta(days=61 + 210), time(14)),
                title="Clôture du programme",
            ),
        ],
    )


def ensure_demo_programme(engine: Engine) -> bool:
    """Create the demo programme when the database has none; True when it was created."""
    with session_scope(engine) as session:
        if any_programme(session) is not None:
            return False
        save_settings(session, demo_settings(utcnow()), utcnow())
        return True
