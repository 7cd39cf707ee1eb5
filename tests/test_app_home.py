"""Slack's App Home, through the fake Slack over real HTTP: the next meetings in the person's
language and zone (never ISO), a button for each thing they can do now, and a button that runs
its command. The pair is formed through the core as the chat would (typed answers), the meeting
planned through the Slack modal."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from handlers.core import Core
from handlers.ui import Inbound
from messages.catalog import format_when
from storage.models import Meeting
from tests.fake_slack import FakeUser, wait_for
from tests.journey import MENTEE_FORM, MENTOR_FORM
from tests.test_slack import LEA, MARC, TEAM, Workspace, fake, picked, slack, slack_core

__all__ = ["fake", "slack", "slack_core"]  # the Slack fixtures, used by name

ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
CASES = {
    "fr": {
        "zone": "Europe/Paris",
        "plan": "Planifier une rencontre",
        "buttons": [
            "Mes rencontres", "Nos objectifs", "Planifier une rencontre", "Noter une rencontre",
            "Langue", "Confidentialité", "Aide",
        ],
        "title": "Vos prochaines rencontres",
        "with": "avec <@UMARC> (Visioconférence)",
    },
    "en": {
        "zone": "America/New_York",
        "plan": "Plan a meeting",
        "buttons": [
            "My meetings", "Our objectives", "Plan a meeting", "Log a meeting", "Language",
            "Privacy", "Help",
        ],
        "title": "Your next meetings",
        "with": "with <@UMARC> (Video call)",
    },
}  # fmt: skip


def say(core: Core, person: int, *lines: str) -> None:
    for line in lines:
        core.handle(Inbound(person, text=line))


def active_pair(core: Core, lang: str) -> tuple[int, int]:
    """Marc and Léa, Slack users, applied and paired through typed answers; Léa in `lang`."""
    zone = CASES[lang]["zone"]
    marc = core.identify("slack", MARC, team=TEAM, display_name="Marc", locale="fr")
    lea = core.identify("slack", LEA, team=TEAM, display_name="Léa", locale=lang, timezone=zone)
    say(core, marc, "/apply", "2", *MENTOR_FORM)
    say(core, lea, "/apply", "1", *MENTEE_FORM)
    say(core, lea, "1")
    say(core, marc, "1", "1")
    say(core, lea, "1", "1")
    say(core, marc, "1")
    say(core, lea, "1", "Réussir ma prise de poste", "1", "1", "1")
    return marc, lea


def planned_at(engine: Engine) -> datetime | None:
    with Session(engine) as session:
        meeting = session.exec(select(Meeting)).first()
        return meeting.scheduled_at if meeting is not None else None


def home_of(slack: Workspace, start: int) -> dict[str, Any]:
    return wait_for(
        lambda: [c for c in slack.fake.since(start) if c.method == "views.publish"
                 and c.params["user_id"] == LEA],
        what="Léa's home",
    )[-1].params["view"]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_home_lists_the_next_meeting_and_what_can_be_done_now(
    slack: Workspace, slack_core: Core, engine: Engine, lang: str
) -> None:
    case = CASES[lang]
    slack.fake.users[LEA] = FakeUser(f"{lang}-XX", str(case["zone"]), "Léa")
    active_pair(slack_core, lang)
    start = slack.fake.count()
    slack.command(LEA, "meeting")
    slack.click(LEA, str(case["plan"]))
    when = picked(7, "10:00", str(case["zone"]))
    slack.fill(LEA, {"when": when, "minutes": "60", "format": 0}, start)
    scheduled = wait_for(lambda: planned_at(engine), what="the planned meeting")

    start = slack.fake.count()
    slack.open_home(LEA)
    home = home_of(slack, start)
    shown = json.dumps(home, ensure_ascii=False)
    expected = format_when(scheduled, lang, str(case["zone"]))
    assert "10:00" in expected and expected in shown
    assert f"{expected}, {case['with']}" in shown and str(case["title"]) in shown
    assert not ISO.search(shown), shown
    [actions] = [b for b in home["blocks"] if b["type"] == "actions"]
    labels = [button["text"]["text"] for button in actions["elements"]]
    assert labels == case["buttons"]
    ids = [button["action_id"] for button in actions["elements"]]
    assert len(set(ids)) == len(ids), "Slack wants the buttons of a block told apart"

    start = slack.fake.count()
    plan = next(b for b in actions["elements"] if b["text"]["text"] == case["plan"])
    slack.click_home(LEA, home, plan)
    modal = slack.modal(LEA, start)
    assert modal["private_metadata"] == "meeting-plan"
