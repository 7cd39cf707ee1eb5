"""The Telegram adapter against a fake Bot API server on 127.0.0.1 (tests/fake_telegram.py).

The real bot runs (bot.runner.Runner with the TelegramAdapter, python-telegram-bot doing real
HTTP): people are Telegram users typing texts and pressing the buttons the bot actually sent.
The journeys run on SQLite and PostgreSQL; the other tests on SQLite only, to stay quick.
"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram_render import (
    ButtonData,
    Press,
    api_urls,
    escape,
    menu_commands,
    split_html,
    utf16_len,
)
from bot.config import Settings
from bot.runner import Runner
from handlers.core import Core
from handlers.outgoing import Outgoing
from handlers.ui import File, Message
from messages.catalog import t
from storage.db import session_scope
from storage.models import Identity, InboundReceipt, Meeting, Pair, Person, Programme
from tests.fake_telegram import FakeTelegram, Sent, User, post
from tests.journey import MENTEE_FORM, MENTOR_FORM

# PTB 22 warns about its own RetryAfter's type each time it builds one (on every 429).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
BUTTON_DATA = re.compile(r"p[0-9a-z]+\.[0-9a-z]+\.[A-Za-z0-9_-]{8}")
LONG_NAME = ("Marc-Étienne", "Hénaff-Châteaubriand de la Bœtie-Désirée")
ODD_NAME = ("Léa", "a_b *c* <d> & co")


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(
    core: Core, fake: FakeTelegram, *, webhook: bool = False, secret: str | None = None
) -> Iterator[TelegramAdapter]:
    """The real bot, polling the fake or taking its webhook calls, until the block ends."""
    port = free_port()
    env = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.api_url, "PORT": port}
    if webhook:
        env["TELEGRAM_WEBHOOK_URL"] = f"http://127.0.0.1:{port}/telegram/hook"
    if secret:
        env["TELEGRAM_WEBHOOK_SECRET"] = secret
    adapter = TelegramAdapter(core, Settings(_env_file=None, **env), poll_timeout=1)  # type: ignore[call-arg]
    runner = Runner(core, [adapter], port=port, host="127.0.0.1", delivery_interval=0.1)
    hooks = len(fake.calls_of("setWebhook"))
    runner.start_in_thread()
    try:
        if webhook:
            fake.wait_for(lambda: len(fake.calls_of("setWebhook")) > hooks, what="setWebhook")
        yield adapter
    finally:
        runner.stop_thread()


class Chat:
    """A Telegram user: types texts, presses buttons, waits until the bot has handled each."""

    def __init__(self, fake: FakeTelegram, adapter: TelegramAdapter, user: User) -> None:
        self.fake, self.adapter, self.user = fake, adapter, user
        self.seen = 0
        self.pressed: list[tuple[Sent, str]] = []

    def messages(self) -> list[Sent]:
        return self.fake.messages_to(self.user.id)

    def texts(self) -> str:
        return "\n".join(sent.text for sent in self.messages())

    def say(self, text: str) -> None:
        self.send(self.fake.text_update(self.user, text))

    def send(self, update: dict) -> None:
        sent = self.messages()
        self.seen = sent[-1].message["message_id"] if sent else 0
        target = self.adapter.updates_done + 1
        assert self.fake.push(update) == 200
        self.fake.wait_for(
            lambda: self.adapter.updates_done >= target, what=f"{update} to be handled"
        )

    def keyboard(self, expect: str = "") -> Sent:
        """The newest message with live buttons that came after my last action."""

        def live() -> Sent | None:
            for sent in reversed(self.messages()):
                fresh = sent.message["message_id"] > self.seen
                if fresh and sent.buttons and expect in sent.text:
                    return sent
            return None

        return self.fake.wait_for(live, what=f"buttons for {self.user.first_name}")

    def press(self, number: int, expect: str = "") -> str:
        sent = self.keyboard(expect)
        button = sent.buttons[number - 1]
        self.pressed.append((sent, button["text"]))
        self.send(self.fake.press_update(self.user, sent, button["callback_data"]))
        return button["text"]

    def answer(self, *answers: str) -> None:
        """Console-style answers: a number presses a button when the last reply has buttons."""
        for answer in answers:
            fresh = [s for s in self.messages() if s.message["message_id"] > self.seen]
            if answer.isdigit() and any(s.buttons for s in fresh):
                self.press(int(answer))
            else:
                self.say(answer)

    def wait_text(self, text: str) -> None:
        self.fake.wait_for(lambda: text in self.texts(), what=f"{text!r} for {self.user.id}")


@dataclass(frozen=True)
class Words:
    language_code: str
    language: str
    yesterday: str
    next_week: str
    active: str
    logged: str
    told: str


FR = Words("fr", "1", "hier 9h", "dans une semaine à 10h", "Votre binôme est lancé",
           "est notée dans votre journal", "a noté votre rencontre")  # fmt: skip
EN = Words("en", "2", "yesterday 9am", "in a week at 10am", "Your pair is under way",
           "is in your log", "logged your meeting")  # fmt: skip


def the_journey(fake: FakeTelegram, adapter: TelegramAdapter, engine: Engine, w: Words) -> None:
    """A mentor and a mentee from /start to a logged meeting and a planned one (with .ics)."""
    marc = Chat(fake, adapter, User(101, *LONG_NAME, language_code=w.language_code))
    lea = Chat(fake, adapter, User(202, *ODD_NAME, language_code=w.language_code))
    marc.answer("/start", w.language, "/apply", "2", *MENTOR_FORM)
    lea.answer("/start", w.language, "/apply", "1", *MENTEE_FORM, "1")
    marc.press(1)
    marc.press(1)
    lea.press(1)
    for chat in (lea, marc):  # the outbox may bring it after other replies: wait, like people
        chat.wait_text(w.active)
        chat.keyboard(expect=t(w.language_code, "consent-question")[:30])
    lea.answer("/meeting", "2", w.yesterday, "1", "60", "1", "1, 3", "écoute", "Note", "Lire")
    assert w.logged in lea.texts()
    marc.wait_text(w.told)
    lea.answer("/meeting", "1", w.next_week, "1", "60", "1")
    for chat in (lea, marc):
        fake.wait_for(
            lambda chat=chat: [s for s in chat.messages() if s.file],
            what=f"a calendar file for {chat.user.id}",
        )
        [calendar] = [s for s in chat.messages() if s.file]
        assert calendar.file is not None and calendar.file[0].endswith(".ics")
        assert b"BEGIN:VCALENDAR" in calendar.file[1]
    with Session(engine) as session:
        assert session.exec(select(Pair.state)).one() == "active"
        meetings = session.exec(select(Meeting)).all()
        assert sorted(m.status for m in meetings) == ["held", "planned"]
        [held] = [m for m in meetings if m.status == "held"]
        assert held.themes == ["prise de poste", "conduite du changement", "écoute"]
    check_buttons_and_edits(fake, [marc, lea], w)
    check_names(marc)


def check_buttons_and_edits(fake: FakeTelegram, chats: list[Chat], w: Words) -> None:
    labels = []
    for call in fake.calls_of("sendMessage"):
        for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                data, label = button["callback_data"], button["text"]
                labels.append(label)
                assert len(data.encode()) <= 64 and BUTTON_DATA.fullmatch(data), data
                assert label not in data
    assert max(len(label.encode()) for label in labels) > 64, "a long accented label was sent"
    for chat in chats:
        assert chat.pressed
        for sent, label in chat.pressed:
            assert "reply_markup" not in sent.message, "a pressed keyboard was taken away"
            assert sent.text.endswith(f"✓ {label}")
    yes = t(w.language_code, "form-date-yes")
    understood = t(w.language_code, "form-date-understood", when="|").split("|")[0]
    dates = [s for s, label in chats[1].pressed if label == yes and s.text.startswith(understood)]
    assert len(dates) == 2, "both dates were shown as understood before being kept"


def check_names(marc: Chat) -> None:
    """Léa's name with `_`, `*`, `<`, `&` reaches Marc as typed, through valid HTML."""
    name = " ".join(ODD_NAME)
    shown = [s for s in marc.messages() if name in s.text]
    assert shown, marc.texts()
    assert all(s.html and "a_b *c* &lt;d&gt; &amp; co" in s.html for s in shown)


@pytest.mark.usefixtures("programme")
@pytest.mark.parametrize("words", [FR, EN], ids=["fr", "en"])
def test_a_mentee_and_a_mentor_go_to_a_logged_meeting_by_polling(
    core: Core, engine: Engine, fake: FakeTelegram, words: Words
) -> None:
    with running(core, fake) as adapter:
        the_journey(fake, adapter, engine, words)
    assert fake.calls_of("getUpdates") and not fake.calls_of("setWebhook")


@pytest.mark.usefixtures("programme")
def test_the_same_journey_by_webhook(core: Core, engine: Engine, fake: FakeTelegram) -> None:
    with running(core, fake, webhook=True, secret="s3cret_Token-1") as adapter:
        assert fake.webhook["secret_token"] == "s3cret_Token-1"
        the_journey(fake, adapter, engine, EN)
    assert fake.calls_of("getUpdates", ok=None) == []
    assert fake.webhook_statuses and set(fake.webhook_statuses) == {200}


def receipts(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(InboundReceipt)).all())


@SQLITE_ONLY
def test_a_webhook_without_the_secret_is_refused_and_a_replay_ignored(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    with running(core, fake, webhook=True) as adapter:
        hook = fake.webhook
        assert hook["allowed_updates"] == ["message", "callback_query"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{16,256}", hook["secret_token"])
        nina = Chat(fake, adapter, User(303, "Nina"))
        update = fake.text_update(nina.user, "/start")
        json_type = {"Content-Type": "application/json"}
        assert post(hook["url"], update, json_type) == 403
        wrong = {**json_type, "X-Telegram-Bot-Api-Secret-Token": hook["secret_token"] + "x"}
        assert post(hook["url"], update, wrong) == 403
        assert (
            post(hook["url"], update, {**json_type, "X-Telegram-Bot-Api-Secret-Token": ""}) == 403
        )
        assert adapter.updates_done == 0 and receipts(engine) == 0
        assert fake.calls_of("sendMessage") == []
        nina.send(update)
        replies = len(nina.messages())
        assert replies >= 2 and receipts(engine) == 1
        nina.send(update)
        assert len(nina.messages()) == replies and receipts(engine) == 1
    with running(core, fake, webhook=True) as again:
        assert fake.webhook["secret_token"] == hook["secret_token"], "the derived secret is stable"
        Chat(fake, again, nina.user).send(update)
        assert len(nina.messages()) == replies


@SQLITE_ONLY
def test_an_update_pulled_again_after_a_restart_is_ignored(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    nina = User(303, "Nina")
    update = fake.text_update(nina, "/help")
    with running(core, fake) as adapter:
        Chat(fake, adapter, nina).send(update)
        replies = len(fake.messages_to(nina.id))
        assert replies >= 1
    assert fake.calls_of("getUpdates")[-1].params["offset"] == str(update["update_id"] + 1)
    with running(core, fake) as adapter:
        Chat(fake, adapter, nina).send(update)  # as if Telegram had not seen the confirmation
        assert adapter.updates_done == 1
        assert len(fake.messages_to(nina.id)) == replies
        Chat(fake, adapter, nina).say("/help")
        assert len(fake.messages_to(nina.id)) == 2 * replies


def queue(engine: Engine, user_id: int, *items: Message | File) -> None:
    with session_scope(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == str(user_id))).one()
        outgoing = Outgoing(session, datetime.now(UTC))
        for item in items:
            outgoing.notify(identity.person_id, item)


@SQLITE_ONLY
def test_long_texts_are_split_markup_escaped_files_sent_as_documents(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    lines = [f"{i:03d} a_b *c* <d> & co — ligne accentuée, é è à" for i in range(110)]
    long_text = "\n".join(lines)
    one_word = "x" * 4094 + "&&<<>>" + "y" * 900
    calendar = File("rencontre.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar",
                    "Votre <rencontre> & vous")  # fmt: skip
    big_caption = File("export.csv", b"a;b\n1;2\n", "text/csv", "c" * 1500)
    chart = File("chart.png", b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png", "Graphique")
    with running(core, fake) as adapter:
        nina = Chat(fake, adapter, User(303, "Nina"))
        nina.say("/start")
        before = len(nina.messages())
        queue(engine, 303, Message(long_text), Message(one_word), calendar, big_caption)
        fake.wait_for(lambda: len(nina.messages()) == before + 7, what="the queued items")
        first, second, third, fourth, doc, caption, csv = nina.messages()[before:]
        # The outbox holds text files only (an .ics, a CSV); a chart goes out with a reply,
        # so it is handed to the adapter's renderer on its own loop, as a handler would.
        assert adapter._loop is not None
        asyncio.run_coroutine_threadsafe(
            adapter._render(303, chart, patient=True), adapter._loop
        ).result(10)
        photo = nina.messages()[-1]
    assert len(long_text) >= 5000 and f"{first.text}\n{second.text}" == long_text
    assert first.html is not None and "a_b *c* &lt;d&gt; &amp; co" in first.html
    assert third.text + fourth.text == one_word
    assert all(len(s.text) <= 4096 for s in (first, second, third, fourth))
    assert doc.file == ("rencontre.ics", calendar.content)
    assert doc.text == "Votre <rencontre> & vous"
    assert caption.text == "c" * 1500 and caption.file is None
    assert csv.file == ("export.csv", big_caption.content) and csv.text == ""
    assert "photo" in photo.message and photo.file == ("chart.png", chart.content)
    assert [c.method for c in fake.calls if c.method.startswith("send")][-1] == "sendPhoto"


def test_render_helpers_keep_telegram_limits() -> None:
    emoji = "😀" * 3000
    parts = split_html(escape(emoji))
    assert [utf16_len(p) for p in parts] == [4096, 1904] and "".join(parts) == emoji
    parts = split_html(escape("a " * 3000))
    assert all(utf16_len(p) <= 4096 for p in parts) and " ".join(parts).split() == ["a"] * 3000
    buttons = ButtonData("1:token")
    data = buttons.encode(2**63 - 1, 99)
    assert len(data.encode()) <= 64 and buttons.decode(data) == Press(2**63 - 1, 99)
    assert ButtonData("2:other").decode(data) is None
    official = "https://api.telegram.org/bot"
    assert api_urls(official) == (official, "https://api.telegram.org/file/bot")
    local = ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")
    assert api_urls("http://127.0.0.1:8081/") == api_urls("http://127.0.0.1:8081/bot/") == local
    assert menu_commands([("status", "x"), ("Bad-Name", "y"), ("help", " ")]) == [("status", "x")]


@SQLITE_ONLY
def test_the_bot_keeps_running_through_429_500_and_unknown_method_errors(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    for method in ("getUpdates", "setMyCommands", "sendMessage"):
        for status in (429, 500, 404):
            fake.fail(method, status)
    help_text = t("fr", "help-intro")
    with running(core, fake) as adapter:
        nina = Chat(fake, adapter, User(303, "Nina"))
        nina.say("/help")
        assert sum(help_text in s.text for s in nina.messages()) == 1
        failed = {(c.method, c.status) for c in fake.calls if c.status != 200}
        assert failed >= {("getUpdates", 429), ("getUpdates", 500), ("getUpdates", 404)}
        assert failed >= {("sendMessage", 429), ("sendMessage", 500), ("sendMessage", 404)}
        fake.wait_for(lambda: len(fake.commands) == 3, what="the three menus, in the end")
        for status in (429, 500, 403):
            fake.fail("sendMessage", status)
            queue(engine, 303, Message(f"Rappel après {status}"))
            if status != 403:
                nina.wait_text(f"Rappel après {status}")
        assert sum("Rappel après 429" in s.text for s in nina.messages()) == 1
        assert sum("Rappel après 500" in s.text for s in nina.messages()) == 1
        fake.wait_for(lambda: ("sendMessage", 403) in {(c.method, c.status) for c in fake.calls})
        nina.say("/help")
        assert sum(help_text in s.text for s in nina.messages()) == 2
    with Session(engine) as session:
        from storage.models import Outbox

        statuses = sorted(row.status for row in session.exec(select(Outbox)))
        assert statuses == ["failed", "sent", "sent"]


@SQLITE_ONLY
def test_a_reply_telegram_keeps_refusing_waits_in_the_outbox_and_arrives(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    help_text = t("fr", "help-intro")
    with running(core, fake) as adapter:
        nina = Chat(fake, adapter, User(304, "Nina"))
        fake.fail("sendMessage", 500, times=6)
        nina.say("/help")
        nina.wait_text(help_text)
        assert len(fake.calls_of("sendMessage", ok=False)) == 6
    with Session(engine) as session:
        from storage.models import Outbox

        rows = session.exec(select(Outbox)).all()
        assert [(row.person_id, row.status) for row in rows] == [(rows[0].person_id, "sent")]
    assert sum(help_text in s.text for s in fake.messages_to(304)) == 1


@SQLITE_ONLY
def test_menus_in_both_languages_and_the_coordinators_menu_in_their_chat_only(
    engine: Engine, cipher: MultiFernet, fake: FakeTelegram
) -> None:
    core = Core(engine, cipher, admins=[("telegram", "", "555"), ("telegram", "", "556")])
    core.identify("telegram", "555", display_name="Admin", chat_key="555")
    fake.fail("setMyCommands", 400, text="BOT_COMMANDS_TOO_MUCH")
    with running(core, fake) as adapter:
        fake.wait_for(lambda: len(fake.commands) == 3, what="three menus set, one refused")
        assert ('{"type": "default"}', "") not in fake.commands, "that one was refused"
        default = fake.commands[('{"type": "default"}', "fr")]
        english = fake.commands[('{"type": "default"}', "en")]
        assert default == [
            {"command": n, "description": d} for n, d in menu_commands(core.menu("fr"))
        ]
        assert english == [
            {"command": n, "description": d} for n, d in menu_commands(core.menu("en"))
        ]
        assert default != english and "admin" not in [c["command"] for c in default + english]
        admin_555 = fake.commands[('{"chat_id": 555, "type": "chat"}', "")]
        assert "admin" in [c["command"] for c in admin_555]
        newcomer = Chat(fake, adapter, User(556, "Bootstrap", language_code="en"))
        newcomer.say("/start")
        fake.wait_for(lambda: ('{"chat_id": 556, "type": "chat"}', "") in fake.commands)
        assert ('{"chat_id": 556, "type": "chat"}', "") in fake.commands
        someone = Chat(fake, adapter, User(557, "Someone"))
        someone.say("/admin")
        assert t("fr", "admin-refused") in someone.texts()
        assert ('{"chat_id": 557, "type": "chat"}', "") not in fake.commands
        group = {"id": -1001, "type": "group", "title": "Équipe"}
        someone.send(fake.text_update(someone.user, "/start", chat=group))
        someone.send(fake.text_update(someone.user, "bonjour à tous", chat=group))
        assert [s.text for s in fake.messages_to(-1001)] == [t("fr", "telegram-private-only")]


@SQLITE_ONLY
def test_buttons_are_checked_answered_at_once_and_dead_once_used(
    core: Core, engine: Engine, fake: FakeTelegram
) -> None:
    with Session(engine) as session:
        session.add(Programme(slug="Cadres-2027", name="Premiers managers 2027"))
        session.commit()
    with running(core, fake) as adapter:
        nina = Chat(fake, adapter, User(303, "Nina", language_code="en"))
        nina.say("/start Cadres-2027")
        assert "Premiers managers 2027" in nina.texts()
        with Session(engine) as session:
            identity = session.exec(select(Identity).where(Identity.user_key == "303")).one()
            person = session.get(Person, identity.person_id)
            assert person is not None
            programme = session.exec(select(Programme).where(Programme.slug == "Cadres-2027")).one()
            assert person.programme_id == programme.id
        question = nina.keyboard()
        snapshot = Sent(dict(question.message))
        real = question.buttons[1]["callback_data"]
        forged = real[:-1] + ("A" if real[-1] != "A" else "B")
        for data in (forged, "garbage", "p1.0", real.replace(".", ":")):
            count = len(nina.messages())
            nina.send(fake.press_update(nina.user, question, data))
            [answer] = fake.calls_of("answerCallbackQuery")[-1:]
            assert answer.params["text"] == t("en", "telegram-button-dead")
            assert answer.params["show_alert"] in ("true", True)
            assert len(nina.messages()) == count and question.buttons
        calls_before = len(fake.calls)
        nina.send(fake.press_update(nina.user, question, real))
        ignored = {"getUpdates", "setMyCommands"}
        methods = [c.method for c in fake.calls[calls_before:] if c.method not in ignored]
        assert (
            methods[0] == "answerCallbackQuery"
            and "text" not in fake.calls_of("answerCallbackQuery")[-1].params
        )
        assert methods[1:3] == ["editMessageText", "sendMessage"]
        assert question.text.endswith("✓ English") and not question.buttons
        count = len(nina.messages())
        nina.send(fake.press_update(nina.user, snapshot, real))
        assert len(nina.messages()) == count + 1, "the core says the button was used"
        photo = fake.text_update(nina.user, "")
        del photo["message"]["text"]
        photo["message"]["photo"] = [
            {"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}
        ]
        nina.send(photo)
        assert nina.messages()[-1].text == t("en", "telegram-text-only")
