"""A committee's draft reviewed on Slack (fake Slack Web API on 127.0.0.1): the admin sees the
draft, moves a mentee in a modal whose pickers offer the waiting mentees and the mentors with
room, then publishes it; the mentor placed is asked in their direct messages."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.enums import ApplicationStatus, Role
from storage.models import Application, Identity, Pair, Person, Programme
from storage.types import utcnow
from tests.fake_slack import FakeUser, wait_for
from tests.test_slack import ADMIN, LEA, MARC, TEAM, Workspace, fake, slack, slack_core  # noqa: F401

ANNE, ZOE = "UANNE", "UZOE"
ANSWERS = {
    "organisation": "Ministère A", "job": "Directeur", "years": 20, "location": "Lyon",
    "topics": ["budget et finances"], "format": "any", "languages": ["fr"],
    "expectations": "budget", "availability": "mardi matin",
}  # fmt: skip


def applied(engine: Engine, user: str, name: str, role: str, organisation: str) -> None:
    """`name` (Slack `user`) has an eligible application in the demo programme."""
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        person = Person(display_name=name, locale="fr")
        session.add(person)
        session.flush()
        session.add(Identity(person_id=person.id, platform="slack", team=TEAM, user_key=user))
        session.add(
            Application(
                programme_id=programme.id,
                person_id=person.id,
                role=role,
                status=ApplicationStatus.eligible,
                submitted_at=utcnow(),
                answers={**ANSWERS, "organisation": organisation},
            )
        )
        programme.matching = "committee"
        session.add(programme)
        session.commit()


def test_an_admin_moves_a_mentee_in_a_modal_and_publishes_the_draft(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    for user, name in ((ANNE, "Anne"), (ZOE, "Zoé")):
        slack.fake.users[user] = FakeUser("fr-FR", "Europe/Paris", name)
    applied(engine, MARC, "Marc", Role.mentor, "Ministère A")
    applied(engine, ANNE, "Anne", Role.mentor, "Ministère C")
    applied(engine, LEA, "Léa", Role.mentee, "Agence B")
    applied(engine, ZOE, "Zoé", Role.mentee, "Agence D")
    start = slack.fake.count()
    slack.command(ADMIN, "matching", command="/mentorat-admin")
    said = slack.expect(ADMIN, "Projet du comité", start)
    assert "2 mentorés placés sur 2" in said, said
    start = slack.fake.count()
    slack.click(ADMIN, "Déplacer un mentoré")
    view = slack.modal(ADMIN, start)
    assert view["title"]["text"] == "Déplacer un mentoré"
    selects = {
        block["block_id"]: block["element"]
        for block in view["blocks"]
        if block["type"] == "input" and block["element"]["type"] == "static_select"
    }
    mentees = [o["text"]["text"] for o in next(iter(selects.values()))["options"]]
    assert any(label.startswith("Léa") for label in mentees), mentees
    lea = next(label for label in mentees if label.startswith("Léa"))
    mentors = [o["text"]["text"] for o in list(selects.values())[1]["options"]]
    marc = next(label for label in mentors if label.startswith("Marc"))
    response = slack.submit(ADMIN, {"mentee": lea, "mentor": marc, "reason": ""}, view)
    assert response.json().get("response_action") == "errors", "a move needs a reason"
    slack.submit(ADMIN, {"mentee": lea, "mentor": marc, "reason": "même métier"}, view)
    slack.expect(ADMIN, "Léa", start)
    start = slack.fake.count()
    slack.command(ADMIN, "matching", command="/mentorat-admin")
    said = slack.expect(ADMIN, "Projet du comité", start)
    assert "Léa avec Marc" in said and "même métier" in said, said
    slack.click(ADMIN, "Publier le projet")
    slack.expect(MARC, "Le comité du programme vous propose d'accompagner", start)

    def asked() -> list[tuple[int, int]] | None:
        with Session(engine) as session:
            pairs = session.exec(select(Pair)).all()
            return [(p.mentee_person_id, p.mentor_person_id) for p in pairs] or None

    assert len(wait_for(asked, what="the pairs asked")) == 2
