"""A choice answered by typing loses its buttons on Telegram and Slack, as a clicked one does.

The real adapters run against the fake Bot API and the fake Slack Web API over real HTTP: the
keyboard of a question answered by typing a number or a label is edited away (showing what was
picked), one replaced by a newer question loses its buttons with nothing picked, and the same
holds for a question that came through the outbox. A Slack modal left open does not take what
is typed in the DM afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from handlers.core import Core
from handlers.outgoing import Outgoing
from handlers.ui import Inbound, Retire, to_payload
from messages.catalog import t
from storage.db import session_scope
from storage.models import ConversationState, Identity, Prompt
from storage.types import utcnow
from tests.fake_slack import FakeSlack, FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, Sent, User
from tests.test_slack import LEA, Workspace, buttons, start_runner
from tests.test_telegram import Chat, running

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
LANGUAGES = [("Français", "fr"), ("English", "en")]


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.users[LEA] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        yield server


@pytest.fixture
def slack(core: Core, slack_fake: FakeSlack) -> Iterator[Workspace]:
    runner, adapter = start_runner(core, slack_fake)
    try:
        yield Workspace(runner.url, slack_fake, adapter)
    finally:
        runner.stop_thread()


def person_of(engine: Engine, platform: str, user: str) -> int:
    with Session(engine) as session:
        identity = session.exec(
            select(Identity).where(Identity.platform == platform, Identity.user_key == user)
        ).one()
        return identity.person_id


def offer_language(engine: Engine, person_id: int, question: str) -> None:
    """A question that reaches the person through the outbox, as a nudge does."""
    with session_scope(engine) as session:
        Outgoing(session, utcnow()).offer(person_id, question, LANGUAGES, "language")


def shown_left(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return list(session.exec(select(Prompt.id).where(col(Prompt.shown_at).is_not(None))))


# -- Telegram ---------------------------------------------------------------------------------


def edits_of(fake: FakeTelegram, sent: Sent) -> list[str]:
    """The edit methods called on one message."""
    key = (sent.chat_id, sent.message["message_id"])
    return [
        call.method
        for call in fake.calls
        if call.method.startswith("editMessage")
        and call.status == 200
        and (int(call.params.get("chat_id", 0)), int(call.params.get("message_id", 0))) == key
    ]


def test_telegram_a_choice_answered_by_typing_loses_its_keyboard_and_shows_the_pick(
    core: Core, engine: Engine, telegram: FakeTelegram
) -> None:
    with running(core, telegram) as adapter:
        lea = Chat(telegram, adapter, User(401, "Léa"))
        lea.say("/start")
        question = lea.keyboard(expect=t("fr", "welcome-language")[:20])
        assert [b["text"] for b in question.buttons] == ["Français", "English"]
        lea.say("2")
        lea.wait_text(t("en", "language-set"))
        telegram.wait_for(lambda: not question.buttons, what="the keyboard taken away")
        assert question.text.endswith("✓ English")
        assert edits_of(telegram, question) == ["editMessageText"]
        assert shown_left(engine) == []


def test_telegram_a_replaced_question_loses_its_keyboard_and_a_press_still_marks_its_own(
    core: Core, engine: Engine, telegram: FakeTelegram
) -> None:
    with running(core, telegram) as adapter:
        lea = Chat(telegram, adapter, User(402, "Léa"))
        lea.say("/language")
        first = lea.keyboard()
        before = first.text
        lea.say("/language")
        second = lea.keyboard()
        assert second.message["message_id"] != first.message["message_id"]
        telegram.wait_for(lambda: not first.buttons, what="the replaced keyboard taken away")
        assert first.text == before, "nothing was picked: the question stays as it was"
        assert edits_of(telegram, first) == ["editMessageReplyMarkup"]
        assert second.buttons
        lea.press(1)
        telegram.wait_for(lambda: not second.buttons, what="the pressed keyboard taken away")
        assert edits_of(telegram, second) == ["editMessageText"], "marked once, by the press"
        assert shown_left(engine) == []


def test_telegram_a_question_from_the_outbox_answered_by_typing_loses_its_keyboard(
    core: Core, engine: Engine, telegram: FakeTelegram
) -> None:
    with running(core, telegram) as adapter:
        lea = Chat(telegram, adapter, User(403, "Léa"))
        lea.say("/help")
        offer_language(engine, person_of(engine, "telegram", "403"), "Une question en attente")
        nudge = lea.keyboard(expect="Une question en attente")
        wait_for(lambda: shown_left(engine), what="where it was shown kept")
        with engine.connect() as connection:
            raw = connection.execute(text("SELECT shown FROM prompt")).scalars().all()
        assert raw and not any("Une question en attente" in str(kept) for kept in raw)
        lea.say("english")
        lea.wait_text(t("en", "language-set"))
        telegram.wait_for(lambda: not nudge.buttons, what="the delivered keyboard taken away")
        assert nudge.text.endswith("✓ English")


def test_a_retire_never_waits_in_the_outbox() -> None:
    where = {"platform": "telegram", "chat": 1, "message": 2, "text": "une note privée"}
    with pytest.raises(TypeError):
        to_payload(Retire(where, "✓ Oui"))


# -- Slack ------------------------------------------------------------------------------------


def choice_posts(slack: Workspace) -> list[str]:
    """The ts of each choice posted in Léa's DM, in order."""
    return [json.loads(call.response)["ts"] for call in slack.posts(LEA) if buttons(call)]


def updates_of(slack: Workspace, ts: str) -> list[dict]:
    return [call.params for call in slack.fake.of("chat.update", ts=ts)]


def test_slack_a_choice_answered_by_typing_loses_its_buttons_and_shows_the_pick(
    slack: Workspace, engine: Engine
) -> None:
    slack.command(LEA, "language")
    [ts] = wait_for(lambda: choice_posts(slack) or None, what="the language question")
    start = slack.fake.count()
    slack.dm(LEA, "English")
    slack.expect(LEA, t("en", "language-set"), start)
    [update] = wait_for(lambda: updates_of(slack, ts) or None, what="chat.update")
    assert not [b for b in update["blocks"] if b["type"] == "actions"]
    notes = [b for b in update["blocks"] if b["type"] == "context"]
    assert [e["text"] for b in notes for e in b["elements"]] == ["✓ English"]
    assert shown_left(engine) == []


def test_slack_a_replaced_question_loses_its_buttons_with_nothing_picked(
    slack: Workspace, engine: Engine
) -> None:
    slack.command(LEA, "language")
    wait_for(lambda: len(choice_posts(slack)) == 1 or None, what="a first question")
    slack.command(LEA, "language")
    [first, second] = wait_for(
        lambda: (found := choice_posts(slack)) and len(found) == 2 and found, what="two"
    )
    [update] = wait_for(lambda: updates_of(slack, first) or None, what="chat.update")
    assert [b["type"] for b in update["blocks"]] == ["section"], "no buttons, no pick"
    assert updates_of(slack, second) == []
    slack.click(LEA, "Français")
    wait_for(lambda: updates_of(slack, second) or None, what="the click marks its own")
    assert len(updates_of(slack, second)) == 1, "marked once, by the click"


def test_slack_a_question_from_the_outbox_answered_by_typing_loses_its_buttons(
    slack: Workspace, engine: Engine
) -> None:
    slack.command(LEA, "help")
    wait_for(lambda: slack.posts(LEA) or None, what="the help")
    offer_language(engine, person_of(engine, "slack", LEA), "Une question en attente")
    [ts] = wait_for(lambda: choice_posts(slack) or None, what="the delivered question")
    wait_for(lambda: shown_left(engine), what="where it was shown kept")
    start = slack.fake.count()
    slack.dm(LEA, "1")
    slack.expect(LEA, t("fr", "language-set"), start)
    [update] = wait_for(lambda: updates_of(slack, ts) or None, what="chat.update")
    assert "✓ Français" in text_of_update(update)


def text_of_update(params: dict) -> str:
    return "\n".join(
        e["text"] for b in params["blocks"] if b["type"] == "context" for e in b["elements"]
    )


def test_slack_text_typed_while_a_modal_waits_is_not_its_first_field(
    slack: Workspace, engine: Engine, programme: int
) -> None:
    start = slack.fake.count()
    slack.command(LEA, "apply")
    slack.click(LEA, t("fr", "apply-as-mentee"))
    slack.modal(LEA, start)
    person = person_of(engine, "slack", LEA)
    with Session(engine) as session:
        state = session.get(ConversationState, person)
        assert state is not None and state.step == "modal"
        waiting = dict(state.data)
    start = slack.fake.count()
    slack.dm(LEA, "bonjour")
    said = slack.expect(LEA, "/mentorat status", start)
    assert "Bonjour" in said
    slack.dm(LEA, "Agence B")
    slack.expect(LEA, t("fr", "hint-not-understood").split(".")[0], start)
    with Session(engine) as session:
        state = session.get(ConversationState, person)
        assert state is not None and state.step == "modal" and state.data == waiting


def test_closing_a_modal_forgets_its_form_only_if_it_is_the_one_waiting(
    core: Core, engine: Engine, programme: int
) -> None:
    person = core.identify("slack", "UCLOSE", team="T1", display_name="Léa")
    core.handle(Inbound(person, text="/apply"), modal_forms=True)
    with Session(engine) as session:
        role = session.exec(select(Prompt).where(Prompt.person_id == person)).one()
    replies = core.handle(Inbound(person, prompt_id=role.id, option=0), modal_forms=True)
    assert [type(r.item).__name__ for r in replies][-1] == "Form"
    core.close_form(person, "objective")
    with Session(engine) as session:
        state = session.get(ConversationState, person)
        assert state is not None and state.step == "modal", "another form's close: kept"
    core.close_form(person, "application")
    with Session(engine) as session:
        state = session.get(ConversationState, person)
        assert state is not None and (state.flow, state.step) == ("", "")
