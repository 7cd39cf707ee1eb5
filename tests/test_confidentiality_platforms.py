"""The confidentiality property on Slack and Telegram (fake servers over HTTP on 127.0.0.1): an
admin and a referent open the follow-up, the export and the questionnaires, and press every
button each offers; nothing the platforms received (texts, blocks, App Home views, uploaded
charts and spreadsheets, archives opened) holds the private marker of `tests.followup_data`.
The console and the command line are covered by `tests/test_confidentiality_markers.py`.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine

from bot.domain.questions import WAVE_KINDS
from handlers.core import Core
from handlers.outgoing import Outgoing
from handlers.waves import open_by_hand
from storage.db import session_scope
from storage.programmes import programme_by_slug
from storage.types import utcnow
from tests.fake_slack import Call, FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.followup_data import MARKER, SLUG, build
from tests.test_slack import ADMIN, TEAM, Workspace, buttons, fake, slack, slack_core
from tests.test_telegram import Chat, running

__all__ = ["fake", "slack", "slack_core"]  # the Slack fixtures, used by name
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
SECTIONS = ("suivi", "export", "questionnaires")
RITA = "URITA"


def opened(raw: bytes) -> Iterator[str]:
    """A file's bytes as text, and every part when it is an archive (XLSX)."""
    yield raw.decode("latin-1")
    if zipfile.is_zipfile(io.BytesIO(raw)):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for part in archive.namelist():
                yield archive.read(part).decode("utf-8", "replace")


def open_waves(engine: Engine) -> None:
    """Both questionnaire waves open (in the chat, opening one asks first), so that the admin
    can close one and read its synthesis, and the referent read its pairs' answers."""
    with session_scope(engine) as session:
        programme = programme_by_slug(session, SLUG)
        assert programme is not None
        for kind in WAVE_KINDS:
            open_by_hand(Outgoing(session, utcnow()), None, programme, kind)


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def test_telegram_coordinators_never_receive_a_private_text(
    engine: Engine, cipher: MultiFernet, telegram: FakeTelegram
) -> None:
    core = Core(engine, cipher, admins=[("telegram", "", "900")])

    def person(key: str, shown: str) -> int:
        if key == "rita":
            return core.identify("telegram", "700", display_name=shown)
        return core.identify("console", key, display_name=shown)

    build(engine, cipher, utcnow(), person)
    open_waves(engine)
    with running(core, telegram) as adapter:
        for user in (User(900, "Claire"), User(700, "Rita")):
            chat = Chat(telegram, adapter, user)
            for word in SECTIONS:
                chat.say(f"/admin {word} {SLUG}")
                fresh = [s for s in chat.messages() if s.message["message_id"] > chat.seen]
                count = max((len(sent.buttons) for sent in fresh), default=0)
                for number in range(1, count + 1):
                    chat.say(f"/admin {word} {SLUG}")
                    chat.press(number)
        files = [sent.file for sent in telegram.messages_to(700) + telegram.messages_to(900)]
        uploads = [file[1] for file in files if file is not None]
        assert any(upload.startswith(b"\x89PNG") for upload in uploads), "a chart was sent"
        assert any(zipfile.is_zipfile(io.BytesIO(upload)) for upload in uploads), "an XLSX too"
        said = json.dumps([call.params for call in telegram.calls], ensure_ascii=False)
    assert "Alice Martin et Bruno Petit" in said, "the follow-up was reached"
    assert MARKER not in said
    for upload in uploads:
        assert all(MARKER not in text for text in opened(upload))


def settle(slack: Workspace) -> None:
    """Wait until the bot has stopped talking (a click is acknowledged before it is handled)."""
    calls = -1
    while calls != slack.fake.count():
        calls = slack.fake.count()
        time.sleep(0.4)


def section(slack: Workspace, user: str, word: str) -> Call | None:
    """Open `/mentorat-admin word`; its message with buttons, if it has any (the earlier
    messages are marked clicked, so that a click goes to this one)."""
    start = slack.fake.count()
    for call in slack.posts(user):
        slack.clicked.add(json.loads(call.response)["ts"])
    slack.command(user, f"{word} {SLUG}", command="/mentorat-admin")
    wait_for(lambda: slack.said(user, start), what=f"{user}: the answer to {word}")
    settle(slack)
    mine = slack.posts(user)
    return next((c for c in slack.fake.since(start) if buttons(c) and c in mine), None)


def test_slack_coordinators_never_receive_a_private_text(
    slack: Workspace, slack_core: Core, engine: Engine, cipher: MultiFernet
) -> None:
    slack.fake.users[RITA] = FakeUser("fr-FR", "Europe/Paris", "Rita")

    def person(key: str, shown: str) -> int:
        if key == "rita":
            return slack_core.identify("slack", RITA, team=TEAM, display_name=shown)
        return slack_core.identify("console", key, display_name=shown)

    build(engine, cipher, utcnow(), person)
    open_waves(engine)
    for user in (ADMIN, RITA):
        slack.open_home(user)
        wait_for(lambda user=user: slack.homes(user), what=f"{user}'s home")
        for word in SECTIONS:
            first = section(slack, user, word)
            for button in buttons(first) if first is not None else []:
                section(slack, user, word)
                slack.click(user, button["text"]["text"])
                settle(slack)
    wait_for(lambda: len(slack.fake.uploads) >= 4, what="charts and exports uploaded")
    said = json.dumps([call.params for call in slack.fake.calls], ensure_ascii=False)
    assert "Alice Martin et Bruno Petit" in said, "the follow-up was reached"
    assert MARKER not in said
    uploads = list(slack.fake.uploads.values())
    assert any(upload.startswith(b"\x89PNG") for upload in uploads), "a chart was uploaded"
    for upload in uploads:
        assert all(MARKER not in text for text in opened(upload))
