"""The demo programme created on a fresh database, so the console works with no set-up."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.models import Programme
from storage.programmes import any_programme, default_charter_texts, set_charter
from storage.types import utcnow

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


def ensure_demo_programme(engine: Engine) -> bool:
    """Create the demo programme when the database has none; True when it was created."""
    with session_scope(engine) as session:
        if any_programme(session) is not None:
            return False
        now = utcnow()
        programme = Programme(
            slug="demo",
            name="Programme de mentorat (démonstration)",
            track="premières fonctions managériales",
            applications_open_at=now - timedelta(days=1),
            applications_close_at=now + timedelta(days=60),
            starts_at=now + timedelta(days=14),
            duration_months=7,
            target_sessions=6,
            proposals_count=3,
            topics=DEMO_TOPICS,
            themes=DEMO_TOPICS,
            eligibility={"mentor": {"min_years": 10, "min_posts": 2}, "mentee": {}},
            events={
                "launch": (now + timedelta(days=14)).date().isoformat(),
                "midterm": (now + timedelta(days=120)).date().isoformat(),
                "closing": (now + timedelta(days=225)).date().isoformat(),
            },
        )
        session.add(programme)
        session.flush()
        set_charter(session, programme.id, default_charter_texts())  # type: ignore[arg-type]
        return True
