"""The admins' programme form on Slack: a modal (fake Slack Web API on 127.0.0.1)."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.models import Programme
from tests.fake_slack import wait_for
from tests.test_slack import ADMIN, LEA, Workspace, fake, slack, slack_core  # noqa: F401

ANSWERS = {
    "slug": "cadres-2027",
    "name": "Mentorat des cadres 2027",
    "language": "Français",
    "applications_open": "5 janvier 2027",
    "applications_close": "15/02/2027",
    "proposals": "4",
    "matching": "À la clôture des candidatures",
    "other_organisation": "Oui",
    "topics": "budget, RH, management",
    "mentor_min_years": "15",
}


def test_an_admin_creates_a_programme_in_a_modal(slack: Workspace, engine: Engine) -> None:  # noqa: F811
    start = slack.fake.count()
    slack.command(ADMIN, "new", command="/mentorat-admin")
    view = slack.modal(ADMIN, start)
    title = view["title"]["text"]
    assert title == "Nouveau programme" and len(title) <= 24
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert len(inputs) == 29
    bad = {**ANSWERS, "applications_close": "1 janvier 2027"}
    response = slack.submit(ADMIN, bad, view)
    assert response.json()["response_action"] == "errors"
    assert "après leur ouverture" in str(response.json()["errors"])
    slack.submit(ADMIN, ANSWERS, view)
    slack.expect(ADMIN, "Le programme « Mentorat des cadres 2027 » est créé", start)

    def created() -> Programme | None:
        with Session(engine) as session:
            return session.exec(select(Programme).where(Programme.slug == "cadres-2027")).first()

    programme = wait_for(created, what="the programme")
    assert programme.proposals_count == 4 and programme.other_organisation
    assert programme.matching == "at_close"
    assert programme.eligibility["mentor"]["min_years"] == 15


def test_a_participant_cannot_open_the_form(slack: Workspace) -> None:  # noqa: F811
    slack.command(LEA, "new", command="/mentorat-admin")
    slack.expect(LEA, "réservée aux coordinateurs", 0)
