"""Erasure on the platforms: what stays outside the database is made harmless.

Telegram: the other member's buttons already in their chat go dead (the core says so), the
notice reaches them, and the erased account starts afresh. Slack: the App Home, which Slack keeps
showing until it is published again, no longer shows the erased person's application.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from handlers.core import Core
from handlers.meeting_notices import sweep_meetings
from messages.catalog import t
from storage.models import Identity, Meeting
from tests.fake_slack import wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.journey import MENTEE_FORM, MENTOR_FORM
from tests.test_slack import (  # noqa: F401  (fixtures)
    LEA,
    MARC,
    MENTEE,
    MENTOR,
    Workspace,
    fake,
    slack,
    slack_core,
)
from tests.test_telegram import Chat, running

TG_LEA = ("Qzléa", "Qzfamille")


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.mark.usefixtures("programme")
def test_telegram_the_other_side_is_told_and_its_old_buttons_go_dead(
    core: Core, engine: Engine, telegram: FakeTelegram
) -> None:
    with running(core, telegram) as adapter:
        marc = Chat(telegram, adapter, User(101, "Marc", language_code="fr"))
        lea = Chat(telegram, adapter, User(202, *TG_LEA, language_code="fr"))
        marc.answer("/start", "1", "/apply", "2", *MENTOR_FORM)
        lea.answer("/start", "1", "/apply", "1", *MENTEE_FORM, "1")
        marc.press(1)
        marc.press(1)
        lea.press(1)
        for chat in (lea, marc):
            chat.wait_text("Votre binôme est lancé")
        marc.press(1, expect="engagez librement")
        lea.press(1, expect="engagez librement")
        lea.wait_text("Vous avez tous les deux confirmé")
        lea.say("/meeting")
        lea.press(1, expect="Que voulez-vous faire")
        lea.say("dans une semaine à 10h")
        lea.press(1, expect="C'est bien ça")
        lea.say("60")
        lea.press(1, expect="Sous quelle forme")
        lea.wait_text("rencontre prévue le")
        marc.wait_text("a planifié votre prochaine rencontre")
        with Session(engine) as session:
            when = session.exec(select(Meeting.scheduled_at)).one()
        sweep_meetings(engine, when + timedelta(hours=2))
        held = marc.keyboard("a-t-elle eu lieu")
        assert TG_LEA[0] in held.text

        lea.say("/erase")
        lea.press(1, expect="effacer toutes vos données")
        lea.wait_text("Vos données sont effacées")
        marc.wait_text("la personne que vous accompagniez a quitté le programme")
        marc.send(telegram.press_update(marc.user, held, held.buttons[0]["callback_data"]))
        marc.wait_text(t("fr", "error-button-stale"))
        notice = [s.text for s in marc.messages() if "quitté le programme" in s.text]
        assert notice and all(TG_LEA[0] not in text for text in notice)
        with Session(engine) as session:
            assert session.exec(select(Identity).where(Identity.user_key == "202")).first() is None
        lea.say("/start")
        lea.wait_text("Bonjour et bienvenue")


def test_slack_the_app_home_is_published_again_without_the_person(
    slack: Workspace,  # noqa: F811  (the fixture imported above)
    engine: Engine,
) -> None:
    start = slack.fake.count()
    slack.command(MARC, "apply")
    slack.click(MARC, "Mentor")
    slack.submit(MARC, MENTOR, slack.modal(MARC, start))
    start = slack.fake.count()
    slack.command(LEA, "apply")
    slack.click(LEA, "Mentoré")
    slack.fill(LEA, MENTEE, start)
    slack.expect(LEA, "Choisir 1 : Marc", start)
    slack.open_home(LEA)
    wait_for(lambda: "Voir les propositions" in str(slack.homes(LEA)[-1]), what="Léa's home")

    slack.command(LEA, "erase")
    start = slack.fake.count()
    slack.click(LEA, "Oui, tout effacer")
    slack.expect(LEA, "Vos données sont effacées", start)
    home = wait_for(
        lambda: [
            view
            for c in slack.fake.since(start)
            if c.method == "views.publish"
            and c.params["user_id"] == LEA
            and "Voir les propositions" not in str(view := c.params["view"])
        ],
        what="Léa's home published again without her application",
    )[-1]
    assert "Marc" not in str(home) and "Léa" not in str(home)
    with Session(engine) as session:
        assert session.exec(select(Identity).where(Identity.user_key == LEA)).first() is None
