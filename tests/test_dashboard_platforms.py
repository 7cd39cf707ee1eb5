"""The follow-up through the real adapters and the fake platforms over HTTP on 127.0.0.1:
Slack's App Home shows each coordinator the summary of the programmes it follows (a referent its
own pairs only) with a button that opens that programme's follow-up in the DM; on Telegram the
chart button sends the PNG as a photo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine

from handlers.core import Core
from storage.types import utcnow
from tests.fake_slack import FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.followup_data import MARKER, NAME, OTHER_PAIR, SLUG, build
from tests.test_slack import ADMIN, TEAM, Workspace, fake, slack, slack_core
from tests.test_telegram import Chat, running

__all__ = ["fake", "slack", "slack_core"]  # the Slack fixtures, used by name
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
N = "\u202f"
RITA = "URITA"
PNG = b"\x89PNG\r\n\x1a\n"


def followup_buttons(home: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The home's follow-up buttons, by the programme slug their command names."""
    found = {}
    for block in home["blocks"]:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element["value"].startswith("admin suivi "):
                found[element["value"].removeprefix("admin suivi ")] = element
    return found


def test_the_app_home_shows_a_referent_its_pairs_and_opens_their_follow_up(
    slack: Workspace, slack_core: Core, engine: Engine, cipher: MultiFernet
) -> None:
    slack.fake.users[RITA] = FakeUser("fr-FR", "Europe/Paris", "Rita")

    def person(key: str, shown: str) -> int:
        if key == "rita":
            return slack_core.identify("slack", RITA, team=TEAM, display_name=shown)
        return slack_core.identify("console", key, display_name=shown)

    build(engine, cipher, utcnow(), person)
    slack.open_home(RITA)
    home = wait_for(lambda: slack.homes(RITA), what="Rita's home")[-1]
    shown = json.dumps(home, ensure_ascii=False)
    assert f"Suivi de vos binômes dans «{N}{NAME}{N}»" in shown
    assert f"Binômes{N}: 1 actif, 1 terminé" in shown and "Candidatures" not in shown
    assert (
        f"Rencontres{N}: 7 tenues{N}; au rythme du programme, 6 attendues à ce jour, dont 5 tenues"
        in shown
    )
    buttons = followup_buttons(home)
    assert list(buttons) == [SLUG] and buttons[SLUG]["text"]["text"] == "Suivi"

    start = slack.fake.count()
    slack.click_home(RITA, home, buttons[SLUG])
    said = slack.expect(RITA, "Alice Martin et Bruno Petit", start)
    assert f"Suivi de vos binômes dans «{N}{NAME}{N}»" in said
    assert all(name not in said for name in OTHER_PAIR) and MARKER not in said

    slack.open_home(ADMIN)
    admin_home = wait_for(lambda: slack.homes(ADMIN), what="the admin's home")[-1]
    shown = json.dumps(admin_home, ensure_ascii=False)
    assert f"Binômes{N}: 1 en attente de réponse du mentor, 2 actifs, 1 terminé" in shown
    buttons = followup_buttons(admin_home)
    assert set(buttons) == {SLUG, "demo"}, "one button per programme the admin coordinates"
    start = slack.fake.count()
    slack.click_home(ADMIN, admin_home, buttons[SLUG])
    said = slack.expect(ADMIN, "Alice Martin et Bruno Petit", start)
    assert f"Suivi de «{N}{NAME}{N}»" in said and "Quel programme" not in said


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def test_on_telegram_the_chart_is_sent_as_a_photo_to_the_referent(
    engine: Engine, cipher: MultiFernet, telegram: FakeTelegram
) -> None:
    core = Core(engine, cipher)

    def person(key: str, shown: str) -> int:
        if key == "rita":
            return core.identify("telegram", "700", display_name=shown)
        return core.identify("console", key, display_name=shown)

    build(engine, cipher, utcnow(), person)
    with running(core, telegram) as adapter:
        rita = Chat(telegram, adapter, User(700, "Rita"))
        rita.say("/admin suivi")
        rita.wait_text("Alice Martin et Bruno Petit")
        assert all(name not in rita.texts() for name in OTHER_PAIR)
        assert rita.press(1, expect="Suivi de vos binômes") == "Graphique"
        photo = telegram.wait_for(
            lambda: next((s for s in rita.messages() if "photo" in s.message), None),
            what="the chart as a photo",
        )
        after = rita.keyboard(f"Que souhaitez-vous voir{N}?")
    assert photo.file is not None and photo.file[0] == f"suivi-{SLUG}.png"
    assert photo.file[1][:8] == PNG
    assert photo.message["caption"].startswith(f"Suivi de «{N}{NAME}{N}» au ")
    assert [button["text"] for button in after.buttons] == ["Graphique", "Tous les binômes"]
    sends = [c.method for c in telegram.calls if c.method.startswith("send")]
    assert sends[-2:] == ["sendPhoto", "sendMessage"], "the chart, then what to see next"
