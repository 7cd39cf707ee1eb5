"""The Slack adapter against a fake Slack Web API on 127.0.0.1, through signed HTTP requests.

The real adapter runs inside the real runner; requests are signed with the signing secret as
Slack signs them, and every Web API call the adapter makes lands in `tests.fake_slack`. No
part of slack_sdk or slack-bolt is mocked. Like the other flow tests, they run on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import socket
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx
import pytest
from cryptography.fernet import MultiFernet
from icalendar import Calendar
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.adapters.slack import ChannelPacer, SlackAdapter
from bot.adapters.slack_blocks import command_spelling, pieces, sections, unescape
from bot.config import Settings
from bot.demo import ensure_demo_programme
from bot.runner import Runner
from handlers.core import Core
from handlers.ui import Message, to_payload
from storage.db import session_scope
from storage.models import Identity, Meeting, Outbox, Pair, Person
from storage.outbox import enqueue
from tests.fake_slack import Call, Failure, FakeSlack, FakeUser, wait_for

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T1"
LEA, MARC, ADMIN = "ULEA", "UMARC", "UADMIN"
FORM = "application/x-www-form-urlencoded"
MENTOR = {
    "organisation": "Ministère A", "unit": "DRH", "manager": "Paul Durand",
    "job": "Directeur <R&D>", "years": "20", "posts": "4", "location": "Lyon",
    "topics": ["prise de poste", "management d'équipe", "budget et finances"],
    "expectations": "Partager", "motivation": "Transmettre", "availability": "Mardi",
    "format": "Visioconférence", "languages": ["Français", "English"],
}  # fmt: skip
MENTEE = {
    "organisation": "Agence B", "manager": "Sophie Martin", "job": "Cheffe de service",
    "years": "3", "posts": "1", "location": "Lyon",
    "topics": ["prise de poste", "management d'équipe"], "expectations": "Prendre du recul",
    "motivation": "Progresser", "availability": "Le matin", "format": "Visioconférence",
    "languages": ["Français"],
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def signature(body: str, timestamp: int, secret: str = SECRET) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def text_of(call: Call) -> str:
    """What a posted or updated message shows: its blocks' texts, as a person reads them."""
    parts: list[str] = []
    for block in call.params.get("blocks") or []:
        if block.get("type") == "section":
            parts.append(block["text"]["text"])
        elif block.get("type") == "context":
            parts += [element["text"] for element in block["elements"]]
        elif block.get("type") == "actions":
            parts += [element["text"]["text"] for element in block["elements"]]
    raw = "\n".join(parts) if parts else str(call.params.get("text", ""))
    return raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def buttons(call: Call) -> list[dict[str, Any]]:
    return [
        {**element, "block_id": block.get("block_id", "")}
        for block in call.params.get("blocks") or []
        if block.get("type") == "actions"
        for element in block["elements"]
    ]


def picked(days: int, at: str, zone: str = "Europe/Paris") -> tuple[str, str]:
    """What a date field's datepicker and timepicker hold: the day `days` from today in
    `zone` ("YYYY-MM-DD") and the time `at` ("HH:MM")."""
    today = datetime.now(ZoneInfo(zone)).date()
    return (today + timedelta(days=days)).isoformat(), at


def entered(element: dict[str, Any], answer: Any) -> dict[str, Any]:
    """A modal element's state once filled with `answer` (options by label or index; a date
    field's `(day, time)` for its datepicker and timepicker)."""
    options = element.get("options", [])
    labels = {o["text"]["text"]: o for o in options}

    def pick(choice: str | int) -> dict[str, Any]:
        return options[choice] if isinstance(choice, int) else labels[choice]

    kind = element["type"]
    if kind == "datepicker":
        return {"type": kind, "selected_date": answer[0] if answer else None}
    if kind == "timepicker":
        return {"type": kind, "selected_time": answer[1] if answer else None}
    if kind == "static_select":
        return {"type": kind, "selected_option": None if answer is None else pick(answer)}
    if kind in ("checkboxes", "multi_static_select"):
        return {"type": kind, "selected_options": [pick(a) for a in answer or []]}
    return {"type": kind, "value": answer}


class Workspace:
    """Plays Slack's part: signed requests to the adapter, and what its users see."""

    def __init__(self, url: str, fake: FakeSlack, adapter: SlackAdapter) -> None:
        self.http = httpx.Client(base_url=url, timeout=15)
        self.fake = fake
        self.adapter = adapter
        self.numbers = itertools.count(1)
        self.views: dict[str, dict[str, Any]] = {}
        self.clicked: set[str] = set()

    # -- requests ------------------------------------------------------------------------

    def post(
        self,
        body: str,
        kind: str = FORM,
        *,
        timestamp: int | None = None,
        secret: str = SECRET,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        moment = int(time.time()) if timestamp is None else timestamp
        signed = {
            "X-Slack-Request-Timestamp": str(moment),
            "X-Slack-Signature": signature(body, moment, secret),
            "Content-Type": kind,
            **(headers or {}),
        }
        response = self.http.post("/slack/events", content=body.encode(), headers=signed)
        assert response.elapsed.total_seconds() < 3, "Slack gives up after 3 seconds"
        return response

    def trigger(self, user: str) -> str:
        return f"{next(self.numbers)}.{user}.trigger"

    def command_body(
        self, user: str, text: str = "", command: str = "/mentorat", channel: str = ""
    ) -> dict[str, str]:
        return {
            "token": "legacy",
            "team_id": TEAM,
            "team_domain": "acme",
            "channel_id": channel or "D" + user,
            "channel_name": "general" if channel else "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "response_url": f"{self.fake.base}/response/{user}",
            "trigger_id": self.trigger(user),
        }

    def command(self, user: str, text: str = "", **options: str) -> httpx.Response:
        response = self.post(urlencode(self.command_body(user, text, **options)))
        assert response.status_code == 200, response.text
        return response

    def event(
        self, event: dict[str, Any], event_id: str = "", headers: dict[str, str] | None = None
    ) -> httpx.Response:
        body = {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A1",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self.numbers)}",
            "event_time": int(time.time()),
        }
        return self.post(json.dumps(body), "application/json", headers=headers)

    def dm(self, user: str, text: str, **options: Any) -> httpx.Response:
        event = {
            "type": "message",
            "channel": "D" + user,
            "channel_type": "im",
            "user": user,
            "team": TEAM,
            "text": text,
            "ts": f"{time.time():.6f}",
        }
        return self.event(event, **options)

    def open_home(self, user: str) -> httpx.Response:
        event = {"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": "home"}
        return self.event(event)

    def interact(self, payload: dict[str, Any]) -> httpx.Response:
        return self.post(urlencode({"payload": json.dumps(payload)}))

    def click(self, user: str, label: str, again: bool = False) -> httpx.Response:
        """Click `label` in the newest message of the user's DM not clicked yet (or `again`)."""
        message, button = wait_for(lambda: self.button(user, label, again), what=f"{user}: {label}")
        self.clicked.add(message["ts"])
        user_part = {"id": user, "username": user.lower(), "team_id": TEAM}
        payload = {
            "type": "block_actions",
            "user": user_part,
            "team": {"id": TEAM, "domain": "acme"},
            "api_app_id": "A1",
            "trigger_id": self.trigger(user),
            "container": {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": "D" + user,
                "is_ephemeral": False,
            },
            "channel": {"id": "D" + user, "name": "directmessage"},
            "message": message,
            "response_url": f"{self.fake.base}/response/{user}",
            "actions": [{**button, "action_ts": f"{time.time():.6f}"}],
        }
        response = self.interact(payload)
        assert response.status_code == 200, response.text
        return response

    def click_home(self, user: str, home: dict[str, Any], button: dict[str, Any]) -> None:
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "team": {"id": TEAM, "domain": "acme"},
            "api_app_id": "A1",
            "trigger_id": self.trigger(user),
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {**home, "id": "VHOME"},
            "actions": [{**button, "block_id": "home", "action_ts": f"{time.time():.6f}"}],
        }
        assert self.interact(payload).status_code == 200

    def button(
        self, user: str, label: str, again: bool
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        for call in reversed(self.posts(user)):
            ts = json.loads(call.response)["ts"]
            if ts in self.clicked and not again:
                continue
            for button in buttons(call):
                if button["text"]["text"] == label:
                    message = {
                        "type": "message",
                        "ts": ts,
                        "text": call.params.get("text", ""),
                        "blocks": call.params.get("blocks"),
                        "bot_id": "BBOT",
                    }
                    return message, button
        return None

    def modal(self, user: str, start: int = 0) -> dict[str, Any]:
        """The newest modal opened for `user` (by its trigger id) after call `start`."""

        def opened() -> dict[str, Any] | None:
            for call in reversed(self.fake.since(start)):
                if call.method == "views.open" and f".{user}." in call.params["trigger_id"]:
                    return call.params["view"]
            return self.views.pop(user, None)

        return wait_for(opened, what=f"a modal for {user}")

    def submit(self, user: str, answers: dict[str, Any], view: dict[str, Any]) -> httpx.Response:
        """Fill the modal's fields with `answers` (options by label) and submit it."""
        state: dict[str, Any] = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            element = block["element"]
            answer = answers.get(block["block_id"].removesuffix("--time"))
            state[block["block_id"]] = {element["action_id"]: entered(element, answer)}
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM, "domain": "acme"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "api_app_id": "A1",
            "trigger_id": self.trigger(user),
            "view": {**view, "id": "V1", "team_id": TEAM, "state": {"values": state}},
        }
        response = self.interact(payload)
        assert response.status_code == 200, response.text
        if response.content and response.json().get("response_action") == "update":
            self.views[user] = response.json()["view"]
        return response

    def fill(self, user: str, answers: dict[str, Any], start: int) -> httpx.Response:
        return self.submit(user, answers, self.modal(user, start))

    # -- what users see ------------------------------------------------------------------

    def posts(self, user: str) -> list[Call]:
        return self.fake.of("chat.postMessage", channel="D" + user)

    def said(self, user: str, start: int = 0) -> str:
        calls = self.fake.since(start)
        mine = [
            c
            for c in calls
            if c.method == "chat.postMessage"
            and c.status == 200
            and c.params["channel"] == "D" + user
        ]
        return "\n".join(text_of(c) for c in mine)

    def expect(self, user: str, fragment: str, start: int) -> str:
        """Wait until `user` was told `fragment` after call `start`; everything they were told."""
        return wait_for(
            lambda: (said := self.said(user, start)) and fragment in said and said,
            what=f"{user} told {fragment!r}; told so far: {self.said(user, start)[-1500:]}",
        )

    def homes(self, user: str) -> list[dict[str, Any]]:
        return [c.params["view"] for c in self.fake.of("views.publish", user_id=user)]


@pytest.fixture
def slack_core(engine: Engine, cipher: MultiFernet) -> Core:
    ensure_demo_programme(engine)
    return Core(engine, cipher, admins=[("slack", TEAM, ADMIN)])


def settings_for(fake: FakeSlack, **more: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.url,
        **more,
    )


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.users[LEA] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        server.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        yield server


def start_runner(core: Core, fake: FakeSlack, **more: str) -> tuple[Runner, SlackAdapter]:
    adapter = SlackAdapter(core, settings_for(fake, **more), ChannelPacer(100, 100))
    runner = Runner(core, [adapter], port=free_port(), host="127.0.0.1", delivery_interval=0.1)
    runner.start_in_thread()
    return runner, adapter


@pytest.fixture
def slack(slack_core: Core, fake: FakeSlack) -> Iterator[Workspace]:
    runner, adapter = start_runner(slack_core, fake)
    try:
        yield Workspace(runner.url, fake, adapter)
    finally:
        runner.stop_thread()


def test_a_slash_command_is_answered_in_the_direct_messages_in_slack_terms(
    slack: Workspace,
) -> None:
    slack.command(MARC, "help")
    said = slack.expect(MARC, "/mentorat status", 0)
    assert "/mentorat apply" in said and "/mentorat erase" in said
    assert re.search(r"(?<![\w-])/(status|apply|help|admin)\b", said) is None  # never bare


def test_a_mentee_and_a_mentor_go_through_the_whole_journey(
    slack: Workspace, engine: Engine
) -> None:
    fake = slack.fake
    # Marc's first contact: a slash command; his profile is read once, his DM opened once.
    start = fake.count()
    slack.command(MARC, "start")
    slack.click(MARC, "Français")
    slack.expect(MARC, "nous continuons en français", start)
    [update] = fake.of("chat.update", channel="D" + MARC)
    assert buttons(update) == [] and text_of(update).endswith("✓ Français")
    assert "Dans quelle langue" in text_of(update)
    again = slack.click(MARC, "Français", again=True)  # the old message once more: refused
    assert again.status_code == 200
    slack.expect(MARC, "ce bouton a déjà servi", start)

    start = fake.count()
    slack.command(MARC, "apply")
    slack.click(MARC, "Mentor")
    modal = slack.modal(MARC, start)
    assert modal["private_metadata"] == "application" and len(modal["title"]["text"]) <= 24
    fields = {b["block_id"]: b for b in modal["blocks"] if b["type"] == "input"}
    assert fields["topics"]["element"]["type"] == "checkboxes"
    assert fields["format"]["element"]["type"] == "static_select"
    assert fields["unit"]["optional"] and not fields["job"]["optional"]
    assert slack.submit(MARC, MENTOR, modal).content == b""  # the modal closes
    slack.expect(MARC, "Votre candidature de mentor", start)

    # Léa's first contact: a direct message. A form asked without a trigger id gets a button.
    start = fake.count()
    slack.dm(LEA, "/apply")
    slack.click(LEA, "Mentoré")
    slack.modal(LEA, start)
    slack.dm(LEA, "/status")
    slack.expect(LEA, "Un formulaire vous attend", start)
    start = fake.count()
    slack.click(LEA, "Ouvrir le formulaire")
    slack.fill(LEA, MENTEE, start)
    slack.expect(LEA, "Votre candidature de mentoré", start)
    proposal = slack.expect(LEA, "Choisir 1 : Marc", start)
    assert "Directeur <R&D>" in proposal  # Marc's own words, shown as written...
    posted = "".join(json.dumps(c.params) for c in slack.posts(LEA))
    assert "Directeur &lt;R&amp;D&gt;" in posted and "<R&D>" not in posted  # ...escaped

    start = fake.count()
    slack.click(LEA, "Choisir 1 : Marc")
    slack.click(MARC, "J'accepte")
    # One after the other: the core reads the pair without a lock, so two simultaneous
    # clicks on PostgreSQL may each wait for the other (reported to the core's owner).
    slack.click(MARC, "J'accepte la charte")
    slack.expect(MARC, "J'attends celle de votre binôme", start)
    slack.click(LEA, "J'accepte la charte")
    slack.click(MARC, "Oui, je confirme")
    slack.expect(MARC, "J'attends la confirmation de votre binôme", start)
    slack.click(LEA, "Oui, je confirme")
    slack.click(LEA, "Fixer nos objectifs")
    agreement = {"objectives": "Réussir ma prise de poste; Mieux déléguer"}
    slack.fill(LEA, {**agreement, "visibility": 0, "rhythm": 0, "format": 0}, start)
    slack.expect(LEA, "Votre accord est enregistré, avec 2 objectifs", start)
    slack.expect(MARC, "Léa a enregistré votre accord", start)

    # A meeting logged through its modal; a date to come is refused on the field.
    start = fake.count()
    slack.command(LEA, "meeting")
    slack.click(LEA, "Noter une rencontre qui a eu lieu")
    modal = slack.modal(LEA, start)
    meeting = {"minutes": "60", "format": "Visioconférence", "themes": ["prise de poste"],
               "tags": "écoute", "note": "Note privée", "actions": "Lire"}  # fmt: skip
    refused = slack.submit(LEA, {**meeting, "when": picked(2, "09:00")}, modal).json()
    assert refused["response_action"] == "errors"
    assert list(refused["errors"]) == ["when"] and "date" in refused["errors"]["when"]
    assert slack.submit(LEA, {**meeting, "when": picked(-1, "09:00")}, modal).content == b""
    slack.expect(LEA, "est notée dans votre journal", start)
    slack.expect(MARC, "Léa a noté votre rencontre", start)

    # The next one planned: both get its calendar file in their DM.
    start = fake.count()
    slack.command(LEA, "meeting")
    slack.click(LEA, "Planifier une rencontre")
    slack.fill(LEA, {"when": picked(7, "10:00"), "minutes": "60", "format": 0}, start)
    slack.expect(LEA, "rencontre prévue le", start)
    shared = wait_for(
        lambda: len(done := fake.of("files.completeUploadExternal")) == 2 and done,
        what="two calendar files",
    )
    assert sorted(c.params["channel_id"] for c in shared) == ["D" + LEA, "D" + MARC]
    for call in shared:
        [file] = call.params["files"]
        assert file["title"].endswith(".ics")
        event = Calendar.from_ical(fake.uploads[file["id"]]).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == "Mentorat : Marc / Léa"

    # App Home: programme, state, next meeting, objectives and the next step's button.
    start = fake.count()
    slack.open_home(LEA)
    home = wait_for(
        lambda: [c for c in fake.since(start) if c.method == "views.publish"], what="home"
    )[-1].params["view"]
    shown = json.dumps(home, ensure_ascii=False)
    assert home["type"] == "home" and home["blocks"][0]["type"] == "header"
    assert "Programme de mentorat (démonstration)" in shown
    assert "une rencontre tenue" in shown and "Prochaine rencontre" in shown
    assert "Objectifs : 0 atteints sur 2" in shown
    [action] = [b for b in home["blocks"] if b["type"] == "actions"]
    slack.click_home(LEA, home, action["elements"][0])
    slack.expect(LEA, "Vos rencontres avec Marc", start)
    # Marc never opened his home: it is refreshed after his pair's news reached him (the
    # delivery pass publishes it once every message of the pass is sent).
    wait_for(
        lambda: any(
            "une rencontre tenue" in (shown := json.dumps(view, ensure_ascii=False))
            and "Prochaine rencontre" in shown
            for view in slack.homes(MARC)
        ),
        what="Marc's home with the held and the next meeting",
    )

    with Session(engine) as session:
        assert session.exec(select(Pair)).one().state == "active"
        statuses = sorted(m.status for m in session.exec(select(Meeting)))
        assert statuses == ["held", "planned"]
        identities = session.exec(select(Identity).order_by(Identity.user_key)).all()
        assert [(i.team, i.user_key, i.chat_key) for i in identities] == [
            (TEAM, LEA, "D" + LEA),
            (TEAM, MARC, "D" + MARC),
        ]
    assert sorted(c.params["user"] for c in fake.of("users.info")) == [LEA, MARC]


def person_of(engine: Engine, user: str) -> Person:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == user)).one()
        person = session.get(Person, identity.person_id)
        assert person is not None
        return person


def test_language_and_time_zone_come_from_the_profile_at_first_contact_only(
    slack: Workspace, engine: Engine
) -> None:
    slack.fake.users["UJOHN"] = FakeUser("en-US", "America/New_York", "John")
    slack.fake.users["UANON"] = FakeUser(None, None, "")
    slack.command("UJOHN", "help")
    slack.expect("UJOHN", "Here are the commands you can use", 0)
    start = slack.fake.count()
    slack.command("UJOHN", "status", channel="C1")
    slack.expect("UJOHN", "You are not taking part in any programme yet", start)
    note = wait_for(lambda: slack.fake.of("response_url"), what="the ephemeral note")
    assert note[0].params["response_type"] == "ephemeral"
    assert "private conversation" in note[0].params["text"]
    slack.dm("UANON", "/aide")
    slack.expect("UANON", "Voici les commandes", 0)
    assert sorted(c.params["user"] for c in slack.fake.of("users.info")) == ["UANON", "UJOHN"]
    john, anon = person_of(engine, "UJOHN"), person_of(engine, "UANON")
    assert (john.locale, john.timezone, john.display_name) == ("en", "America/New_York", "John")
    assert (anon.locale, anon.timezone) == ("fr", "Europe/Paris")


def test_forged_and_stale_requests_are_refused_and_change_nothing(
    slack: Workspace, engine: Engine
) -> None:
    body = urlencode(slack.command_body(MARC, "help"))
    assert slack.post(body, secret="not-the-signing-secret").status_code == 401
    six_minutes_ago = int(time.time()) - 6 * 60
    assert slack.post(body, timestamp=six_minutes_ago).status_code == 401
    event = json.dumps({"type": "event_callback", "event_id": "Ev1", "event": {"type": "x"}})
    assert slack.post(event, "application/json", secret="forged").status_code == 401
    time.sleep(0.5)
    assert slack.fake.count() == 0
    with Session(engine) as session:
        assert session.exec(select(Person)).all() == []
    assert slack.post(body).status_code == 200  # the very same request, signed: taken
    slack.expect(MARC, "/mentorat status", 0)


def test_retried_deliveries_are_handled_once_even_after_a_restart(
    slack_core: Core, fake: FakeSlack
) -> None:
    runner, adapter = start_runner(slack_core, fake)
    slack = Workspace(runner.url, fake, adapter)
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    try:
        slack.dm(MARC, "/help", event_id="Ev42")
        slack.expect(MARC, "/mentorat status", 0)
        command = urlencode(slack.command_body(MARC, "status"))
        assert slack.post(command).status_code == 200
        slack.expect(MARC, "aucun programme", 0)
        time.sleep(0.3)
        told = len(slack.posts(MARC))
        assert slack.dm(MARC, "/help", event_id="Ev42", headers=retry).status_code == 200
        assert slack.post(command).status_code == 200  # same trigger id: the same command
        time.sleep(0.5)
        assert len(slack.posts(MARC)) == told
    finally:
        runner.stop_thread()
    runner, adapter = start_runner(slack_core, fake)  # a new process remembers nothing...
    slack = Workspace(runner.url, fake, adapter)
    try:
        again = {**retry, "X-Slack-Retry-Num": "2"}
        assert slack.dm(MARC, "/help", event_id="Ev42", headers=again).status_code == 200
        time.sleep(0.5)
        assert len(slack.posts(MARC)) == told  # ...but the database does
        start = fake.count()
        slack.dm(MARC, "/aide", event_id="Ev43")
        slack.expect(MARC, "Voici les commandes", start)
    finally:
        runner.stop_thread()


def outbox_rows(engine: Engine) -> list[Outbox]:
    with Session(engine) as session:
        return list(session.exec(select(Outbox)))


def test_a_message_delayed_by_429_and_500_arrives_later_and_once(
    slack: Workspace, slack_core: Core, engine: Engine
) -> None:
    person = slack_core.identify("slack", LEA, team=TEAM, display_name="Léa", chat_key="D" + LEA)
    slack.fake.fail("chat.postMessage", Failure(429, 1), Failure(500), Failure(429, 1))
    with session_scope(engine) as session:
        enqueue(session, person, "test", to_payload(Message("Rappel : rencontre demain")))
    wait_for(lambda: "Rappel" in slack.said(LEA), timeout=20, what="the delayed message")
    time.sleep(0.5)
    attempts = [c.status for c in slack.fake.calls if c.method == "chat.postMessage"]
    assert attempts == [429, 500, 429, 200]  # two retried by slack_sdk, the third by the outbox
    assert [row.status for row in outbox_rows(engine)] == ["sent"]
    assert [row.attempts for row in outbox_rows(engine)] == [2]


def test_a_conversation_slack_refuses_for_good_is_not_retried(
    slack: Workspace, slack_core: Core, engine: Engine
) -> None:
    person = slack_core.identify("slack", LEA, team=TEAM, display_name="Léa", chat_key="D" + LEA)
    slack.fake.fail("chat.postMessage", Failure(200, error="channel_not_found"))
    with session_scope(engine) as session:
        enqueue(session, person, "test", to_payload(Message("Bonjour")))
    wait_for(lambda: [r for r in outbox_rows(engine) if r.status == "failed"], what="failed")
    time.sleep(0.3)
    assert [c.method for c in slack.fake.calls] == ["chat.postMessage"]


def test_coordinators_get_their_flows_and_figures_and_others_are_refused(
    slack: Workspace,
) -> None:
    slack.command(LEA, "", command="/mentorat-admin")
    slack.expect(LEA, "réservée aux coordinateurs", 0)
    slack.command(ADMIN, "", command="/mentorat-admin")
    said = slack.expect(ADMIN, "Suivi de « Programme de mentorat (démonstration) »", 0)
    assert "Binômes : aucun pour l'instant" in said and "Rencontres" not in said, "no pair yet"
    start = slack.fake.count()
    slack.command(ADMIN, "nonsense", command="/mentorat-admin")
    said = slack.expect(ADMIN, "parmi les commandes de coordination", start)
    assert "Tapez /mentorat-admin pour voir les chiffres" in said
    slack.open_home(ADMIN)
    slack.open_home(LEA)
    admin_home = wait_for(lambda: slack.homes(ADMIN), what="the admin's home")[-1]
    shown = json.dumps(admin_home, ensure_ascii=False)
    assert "Chiffres du programme" in shown and "Binômes : aucun pour l'instant" in shown
    lea_home = wait_for(lambda: slack.homes(LEA), what="Léa's home")[-1]
    assert "Chiffres du programme" not in json.dumps(lea_home, ensure_ascii=False)


def test_socket_mode_connects_through_apps_connections_open_and_acks(
    slack_core: Core, fake: FakeSlack
) -> None:
    runner, adapter = start_runner(slack_core, fake, SLACK_APP_TOKEN="xapp-1-test")
    try:
        assert adapter.routes() == []
        [opened] = fake.of("apps.connections.open")
        assert opened.token == "xapp-1-test"
        wait_for(lambda: fake.socket.hellos, what="hello")
        slack = Workspace(runner.url, fake, adapter)
        payload = slack.command_body(MARC, "help")
        fake.push({"envelope_id": "env-1", "type": "slash_commands", "payload": payload,
                   "accepts_response_payload": True})  # fmt: skip
        wait_for(lambda: [a for a in fake.socket.acks if a.get("envelope_id") == "env-1"])
        slack.expect(MARC, "/mentorat status", 0)
    finally:
        runner.stop_thread()


def test_long_texts_become_escaped_sections_within_slack_limits() -> None:
    text = "\n".join(f"Ligne {i} <b>gras</b> & co " * 12 for i in range(60))
    blocks = sections(text)
    assert len(blocks) > 1 and all(len(b["text"]["text"]) <= 3000 for b in blocks)
    joined = "\n".join(b["text"]["text"] for b in blocks)
    assert "<" not in joined and re.search(r"&(?!amp;|lt;|gt;)", joined) is None
    assert unescape(joined).split() == text.split()
    ampersands = pieces("&" * 7000)
    assert len(ampersands) == 12 and all(re.fullmatch(r"(&amp;)+", p) for p in ampersands)


def test_the_pacer_spaces_messages_per_channel_after_a_short_burst() -> None:
    pacer = ChannelPacer(per_second=20, burst=2)
    began = time.monotonic()
    for _ in range(6):
        pacer.wait("D1")
    assert time.monotonic() - began >= 0.18
    began = time.monotonic()
    pacer.wait("D2")
    pacer.wait("D2")
    assert time.monotonic() - began < 0.05


def test_command_hints_are_spelt_as_slack_commands_and_nothing_else_is_touched() -> None:
    spell = command_spelling(["help", "start", "admin", "apply", "application"], "/m", "/m-admin")
    assert spell("Tapez /help, ou /start demo.") == "Tapez /m help, ou /m start demo."
    assert spell("/admin /application /apply") == "/m-admin /m application /m apply"
    untouched = "https://x.org/help /unknown and/help /helpful"
    assert spell(untouched) == untouched


def test_a_reply_slack_cannot_take_now_waits_in_the_outbox_and_arrives_once(
    slack: Workspace, engine: Engine
) -> None:
    slack.fake.fail("chat.postMessage", Failure(500), Failure(503), Failure(500))
    slack.command(MARC, "help")
    said = wait_for(
        lambda: (said := slack.said(MARC)) and "/mentorat status" in said and said,
        timeout=20,
        what="the help, later",
    )
    time.sleep(0.5)
    attempts = [c.status for c in slack.fake.calls if c.method == "chat.postMessage"]
    assert attempts == [500, 503, 500, 200] and said.count("Voici les commandes") == 1
    assert [row.status for row in outbox_rows(engine)] == ["sent"]


def test_a_command_from_a_channel_whose_reply_url_fails_is_still_answered_in_the_dm(
    slack: Workspace,
) -> None:
    start = slack.fake.count()
    body = slack.command_body(MARC, "help", channel="C1")
    body["response_url"] = "http://127.0.0.1:1/response/gone"
    assert slack.post(urlencode(body)).status_code == 200
    slack.expect(MARC, "Voici les commandes", start)
