"""The Slack side of "no private text at rest in clear": replies Slack refuses wait encrypted."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.logs import configure_logging
from storage.models import Outbox
from tests.fake_slack import Failure, wait_for
from tests.test_private_at_rest import dump
from tests.test_slack import (  # noqa: F401  (fixtures)
    LEA,
    MARC,
    MENTEE,
    MENTOR,
    Workspace,
    fake,
    picked,
    slack,
    slack_core,
)

OBJECTIVE, NOTE, ACTIONS = "QS1-objectif-prive", "QS2-note-privee", "QS3-action-privee"


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(logging.INFO, ["xoxb-test"], stream)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def test_deferred_slack_replies_hold_no_private_text_in_clear(
    slack: Workspace,  # noqa: F811  (the fixture imported above)
    engine: Engine,
    db_url: str,
    logs: io.StringIO,
) -> None:
    server = slack.fake
    start = server.count()
    slack.command(MARC, "apply")
    slack.click(MARC, "Mentor")
    slack.submit(MARC, MENTOR, slack.modal(MARC, start))
    slack.expect(MARC, "Votre candidature de mentor", start)
    start = server.count()
    slack.command(LEA, "apply")
    slack.click(LEA, "Mentoré")
    slack.submit(LEA, MENTEE, slack.modal(LEA, start))
    slack.expect(LEA, "Choisir 1 : Marc", start)
    slack.click(LEA, "Choisir 1 : Marc")
    slack.click(MARC, "J'accepte")
    slack.click(MARC, "J'accepte la charte")
    slack.expect(MARC, "J'attends celle de votre binôme", start)
    slack.click(LEA, "J'accepte la charte")
    slack.click(MARC, "Oui, je confirme")
    slack.expect(MARC, "J'attends la confirmation de votre binôme", start)
    slack.click(LEA, "Oui, je confirme")
    start = server.count()
    slack.click(LEA, "Fixer nos objectifs")
    slack.fill(LEA, {"objectives": OBJECTIVE, "visibility": 1, "rhythm": 0, "format": 0}, start)
    slack.expect(LEA, "Votre accord est enregistré", start)

    start = server.count()
    slack.command(LEA, "meeting")
    slack.click(LEA, "Noter une rencontre qui a eu lieu")
    modal = slack.modal(LEA, start)
    server.fail("chat.postMessage", Failure(500), Failure(503), Failure(500), Failure(500))
    meeting = {"when": picked(-1, "09:00"), "minutes": "60", "format": "Visioconférence",
               "themes": ["prise de poste"], "tags": "écoute", "note": NOTE,
               "actions": ACTIONS}  # fmt: skip
    slack.submit(LEA, meeting, modal)
    slack.expect(LEA, "est notée dans votre journal", start)
    wait_for(
        lambda: [c for c in server.calls if c.method == "chat.postMessage" and c.status == 500],
        what="refused posts",
    )
    with Session(engine) as session:
        assert session.exec(select(Outbox).where(Outbox.status == "sent")).all()

    stored = dump(engine, db_url)
    assert "Léa".encode() in stored  # the search works: her name is stored, in clear
    for marker in (OBJECTIVE, NOTE, ACTIONS):
        assert marker.encode() not in stored, marker
    logged = logs.getvalue()
    assert "xoxb-test" not in logged
    for marker in (OBJECTIVE, NOTE, ACTIONS, "Léa", "Marc"):
        assert marker not in logged, marker
