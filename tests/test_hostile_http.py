"""Hostile HTTP input at the Slack endpoint and the Telegram webhook (issue 10, item 6).

The real runner serves the real adapters on 127.0.0.1, against the fake Slack and Telegram
APIs; every request goes over HTTP. First the faults found by probing from outside, each kept
as a plain regression case; then hypothesis throws requests of every shape at both endpoints:
real payloads mutated (keys dropped, values swapped for other types, ids far too long, other
people's ids and buttons), arbitrary bytes, unsigned and forged ones. On SQLite and PostgreSQL.

The properties: never a 500 and never an error logged; a refusal is a 4xx with one warning
line that carries no input; a forged request changes nothing; and Léa, who is waiting on a
choice, sees nothing of it: her prompt stays open, nothing is sent to her, and her name is
never sent to anyone else.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import hmac
import json
import logging
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from cryptography.fernet import MultiFernet
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.requests import Request

from bot.adapters.http_guard import Refused, read_capped
from bot.adapters.slack_modals import FORM_CALLBACK
from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram_render import ButtonData
from bot.demo import ensure_demo_programme
from handlers.core import Core
from storage.models import ConversationState, Identity, Person, Prompt
from tests.fake_slack import FakeSlack, FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.test_slack import ADMIN, LEA, MARC, SECRET, TEAM, Workspace, start_runner
from tests.test_telegram import Chat, running

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

MARKER = "MARQUEUR"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
CHUNK = 64 * 1024
TS = "1700000000.000001"
TEN_MB = 10 * 1024 * 1024
EXAMPLES = 100
# Requests refused before anything reads the database need no second database.
REFUSED_BEFORE_STORAGE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
# Strings that broke something once, or would: too long for a column, a NUL (PostgreSQL
# refuses it in text), digits that are not ASCII ("²" passes isdigit, not int()), numbers
# past INTEGER or past what int() reads.
SPECIAL = [
    "", "U" * 300, "T" * 70, "x" * 5000, "\x00", "U\x00", "²", "٣", "9" * 30, "9" * 5000,
    "é", "<b>&amp;", "' OR 1=1 --", "null", "{}", "[]",
]  # fmt: skip
SLACK_KEYS = [
    "user", "user_id", "team", "team_id", "enterprise", "enterprise_id", "authorizations",
    "channel", "channel_id", "view", "event", "message", "actions", "container", "state",
    "command", "trigger_id", "response_url", "response_urls", "is_ext_shared_channel",
    "is_enterprise_install", "function_data", "type", "values", "blocks", "text", "value",
]  # fmt: skip
TELEGRAM_KEYS = [
    "update_id", "message", "callback_query", "from", "chat", "id", "text", "data", "date",
    "reply_markup", "inline_keyboard", "entities", "is_bot", "first_name", "language_code",
]  # fmt: skip


# -- watching the logs --------------------------------------------------------------------


@dataclass
class Logs:
    """What the bot logged (uvicorn's own logger, which does not propagate, included)."""

    caplog: pytest.LogCaptureFixture

    def errors(self) -> list[str]:
        return [
            f"{r.name}: {r.getMessage()}"
            for r in self.caplog.records
            if r.levelno >= logging.ERROR or r.exc_info
        ]

    def clear(self) -> None:
        self.caplog.clear()

    def refusals(self) -> list[str]:
        return [r.getMessage() for r in self.caplog.records if "refused a" in r.getMessage()]

    def text(self) -> str:
        return "\n".join(r.getMessage() for r in self.caplog.records)


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[Logs]:
    caplog.set_level(logging.WARNING)
    uvicorn = logging.getLogger("uvicorn")
    uvicorn.addHandler(caplog.handler)
    try:
        yield Logs(caplog)
    finally:
        uvicorn.removeHandler(caplog.handler)


def quiet(count: Callable[[], int], still: float = 0.15, timeout: float = 10.0) -> None:
    """Wait until `count()` (calls made to a fake API) stops moving: the work is done."""
    deadline = time.monotonic() + timeout
    seen, since = count(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.02)
        now = count()
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= still:
            return
    raise AssertionError("the bot never went quiet")


# -- Slack --------------------------------------------------------------------------------


def slack_headers(
    raw: bytes, kind: str | None = FORM, *, secret: str = SECRET, at: int | None = None
) -> dict[str, str]:
    moment = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"v0:{moment}:".encode() + raw, hashlib.sha256)
    headers = {
        "X-Slack-Request-Timestamp": str(moment),
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }
    if kind is not None:
        headers["Content-Type"] = kind
    return headers


@dataclass
class SlackSite:
    """The Slack endpoint with Léa waiting on her language choice."""

    workspace: Workspace
    engine: Engine
    lea_prompt: int

    @property
    def fake(self) -> FakeSlack:
        return self.workspace.fake

    def send(self, raw: bytes, kind: str | None = FORM, **signing: Any) -> httpx.Response:
        headers = slack_headers(raw, kind, **signing)
        return self.workspace.http.post("/slack/events", content=raw, headers=headers)

    def lea_state(self) -> tuple[Any, ...]:
        return lea_state(self.engine, self.lea_prompt, LEA)

    def posted_to_others(self) -> str:
        return "\n".join(
            json.dumps(call.params, ensure_ascii=False)
            for call in self.fake.since(0)
            if call.params.get("channel", "D" + LEA) != "D" + LEA
            or call.params.get("user_id", LEA) != LEA
        )

    def posted_to_lea(self) -> int:
        return len(self.fake.of("chat.postMessage", channel="D" + LEA))


def lea_state(engine: Engine, prompt_id: int, user_key: str) -> tuple[Any, ...]:
    """Everything of Léa's a forged request could touch."""
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == user_key)).one()
        person = session.get(Person, identity.person_id)
        prompt = session.get(Prompt, prompt_id)
        state = session.get(ConversationState, identity.person_id)
        assert person is not None and prompt is not None
        return (
            identity.chat_key,
            person.locale,
            person.display_name,
            prompt.used_at,
            prompt.superseded,
            (state.flow, state.step, state.data) if state else None,
        )


def open_prompt_of(engine: Engine, user_key: str) -> int:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == user_key)).one()
        return session.exec(
            select(Prompt.id).where(Prompt.person_id == identity.person_id, Prompt.used_at == None)  # noqa: E711
        ).one()


@pytest.fixture
def slack_site(engine: Engine, cipher: MultiFernet) -> Iterator[SlackSite]:
    ensure_demo_programme(engine)
    core = Core(engine, cipher, admins=[("slack", TEAM, ADMIN)])
    with FakeSlack() as fake:
        fake.users[LEA] = FakeUser("fr-FR", "Europe/Paris", f"Léa {MARKER}")
        fake.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        runner, adapter = start_runner(core, fake)
        try:
            workspace = Workspace(runner.url, fake, adapter)
            workspace.command(LEA, "start")
            wait_for(lambda: workspace.button(LEA, "Français", False), what="Léa's choice")
            quiet(fake.count)
            yield SlackSite(workspace, engine, open_prompt_of(engine, LEA))
        finally:
            runner.stop_thread()


def command_form(user: str = MARC, base: str = "", **changes: str | None) -> dict[str, str]:
    """A slash command, as Slack sends it (`base`: where its response URL points)."""
    form = {
        "token": "legacy", "team_id": TEAM, "team_domain": "acme", "channel_id": "D" + user,
        "channel_name": "directmessage", "user_id": user, "user_name": user.lower(),
        "command": "/mentorat", "text": "help", "api_app_id": "A1",
        "trigger_id": f"{time.monotonic_ns()}.{user}.trigger",
        "response_url": f"{base or 'http://127.0.0.1:9'}/response/{user}",
    }  # fmt: skip
    for key, value in changes.items():
        if value is None:
            form.pop(key, None)
        else:
            form[key] = value
    return form


def press(user: str, value: str, trigger: str = "") -> dict[str, Any]:
    """A click on a choice button, as Slack sends it."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "team": {"id": TEAM, "domain": "acme"},
        "api_app_id": "A1",
        "trigger_id": trigger or f"{time.monotonic_ns()}.{user}.press",
        "container": {"type": "message", "message_ts": TS, "channel_id": "D" + user},
        "channel": {"id": "D" + user, "name": "directmessage"},
        "message": {"type": "message", "ts": TS, "text": "?", "bot_id": "BBOT",
                    "blocks": [{"type": "actions", "block_id": "choice-1-0", "elements": []}]},
        "actions": [{"type": "button", "action_id": "choice-0", "block_id": "choice-1-0",
                     "value": value, "text": {"type": "plain_text", "text": "Français"},
                     "action_ts": "1700000000.1"}],
    }  # fmt: skip


def submission(user: str = MARC) -> dict[str, Any]:
    """A modal submitted, as Slack sends it."""
    element = {"type": "plain_text_input", "value": "Lyon"}
    select_ = {"type": "static_select", "selected_option": {"value": "0"}}
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "acme"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A1",
        "trigger_id": f"{time.monotonic_ns()}.{user}.submit",
        "view": {
            "id": "V1", "team_id": TEAM, "type": "modal", "callback_id": FORM_CALLBACK,
            "private_metadata": "application",
            "blocks": [{"type": "input", "block_id": "location", "element": {}},
                       {"type": "section", "text": {"type": "mrkdwn", "text": "?"}}],
            "state": {"values": {"location": {"value": element}, "format": {"value": select_}}},
        },
    }  # fmt: skip


def event(inner: dict[str, Any], event_id: str = "") -> dict[str, Any]:
    return {
        "token": "legacy", "team_id": TEAM, "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id or f"Ev{time.monotonic_ns()}", "event_time": int(time.time()),
        "event": inner,
    }  # fmt: skip


def dm(user: str = MARC, text: str = "/help") -> dict[str, Any]:
    return event(
        {
            "type": "message",
            "channel": "D" + user,
            "channel_type": "im",
            "user": user,
            "team": TEAM,
            "text": text,
            "ts": f"{time.time():.6f}",
        }
    )


def home_visit(user: str = MARC) -> dict[str, Any]:
    return event({"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": "home"})


def as_form(payload: Any) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def as_json(payload: Any) -> bytes:
    return json.dumps(payload).encode()


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def without(document: dict[str, Any], *path: str | int) -> dict[str, Any]:
    """A copy of `document` with the key at `path` removed."""
    copied = copy.deepcopy(document)
    parent: Any = copied
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    return copied


def changed(document: dict[str, Any], value: Any, *path: str | int) -> dict[str, Any]:
    """A copy of `document` with the value at `path` replaced."""
    copied = copy.deepcopy(document)
    parent: Any = copied
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return copied


PRESS, SUBMIT, DM = press(MARC, "1:0"), submission(), dm()
OPTION = ("view", "state", "values", "format", "value", "selected_option")


def signed_form(**changes: str | None) -> bytes:
    return urlencode(command_form(**changes)).encode()


# What the first probe found, each answered 500 (or worse) before: now a 400.
SLACK_MALFORMED: list[tuple[str, bytes, str | None]] = [
    ("not JSON", b"{not json " + MARKER.encode(), JSON),
    ("a JSON list", b"[1, 2]", JSON),
    ("a JSON string", json.dumps(MARKER).encode(), JSON),
    ("payload a list", as_form([1, MARKER]), FORM),
    ("payload a string", as_form(MARKER), FORM),
    ("payload not JSON", urlencode({"payload": "{" + MARKER}).encode(), FORM),
    ("payload empty", as_form({}), FORM),
    ("form without payload or command", urlencode({"text": MARKER}).encode(), FORM),
    (
        "nested 10,000 deep",
        ('{"type": "event_callback", "x": ' + nested(10_000) + "}").encode(),
        JSON,
    ),
    ("a number of 5,000 digits", b'{"type": "url_verification", "n": ' + b"9" * 5000 + b"}", JSON),
    ("a lone surrogate", b'{"type": "url_verification", "challenge": "\\ud800"}', JSON),
    ("command without user_id", signed_form(user_id=None, text=MARKER), FORM),
    ("command with an empty user_id", signed_form(user_id=""), FORM),
    ("command with a 300-character user_id", signed_form(user_id="U" * 300), FORM),
    ("command with a 300-character team_id", signed_form(team_id="T" * 300), FORM),
    ("command with a 300-character trigger_id", signed_form(trigger_id="1." * 150), FORM),
    ("command with a NUL in its user_id", signed_form(user_id="U\x00"), FORM),
    ("command without response_url", signed_form(response_url=None, channel_name="x"), FORM),
    ("a command inside a JSON body", as_json({**DM, "command": "/mentorat"}), JSON),
    ("view state a string", as_form(changed(SUBMIT, MARKER, "view", "state")), FORM),
    ("view state a list", as_form(changed(SUBMIT, [1], "view", "state")), FORM),
    ("view values a string", as_form(changed(SUBMIT, "x", *OPTION[:3])), FORM),
    ("view values of strings", as_form(changed(SUBMIT, {"a": "b"}, *OPTION[:3])), FORM),
    ("view element a string", as_form(changed(SUBMIT, {"a": {"b": "c"}}, *OPTION[:3])), FORM),
    ("view option value a number", as_form(changed(SUBMIT, {"value": 1}, *OPTION)), FORM),
    ("private_metadata an object", as_form(changed(SUBMIT, {}, "view", "private_metadata")), FORM),
    ("private_metadata null", as_form(changed(SUBMIT, None, "view", "private_metadata")), FORM),
    (
        "input block without id",
        as_form(changed(SUBMIT, [{"type": "input"}], "view", "blocks")),
        FORM,
    ),
    ("view a string", as_form(changed(SUBMIT, MARKER, "view")), FORM),
    ("view null", as_form(changed(SUBMIT, None, "view")), FORM),
    ("view without callback_id", as_form(without(SUBMIT, "view", "callback_id")), FORM),
    ("view without type", as_form(without(SUBMIT, "view", "type")), FORM),
    ("actions a string", as_form(changed(PRESS, "x", "actions")), FORM),
    ("actions empty", as_form(changed(PRESS, [], "actions")), FORM),
    ("actions of numbers", as_form(changed(PRESS, [1], "actions")), FORM),
    ("action without action_id", as_form(without(PRESS, "actions", 0, "action_id")), FORM),
    ("button value an object", as_form(changed(PRESS, {"a": 1}, "actions", 0, "value")), FORM),
    ("button text a string", as_form(changed(PRESS, MARKER, "actions", 0, "text")), FORM),
    ("container a string", as_form(changed(PRESS, "x", "container")), FORM),
    ("container null", as_form(changed(PRESS, None, "container")), FORM),
    ("message a string", as_form(changed(PRESS, "x", "message")), FORM),
    ("message blocks of strings", as_form(changed(PRESS, ["x"], "message", "blocks")), FORM),
    ("user id a number", as_form(changed(PRESS, {"id": 5}, "user")), FORM),
    ("user a number", as_form(changed(PRESS, 5, "user")), FORM),
    ("press without a user", as_form(without(PRESS, "user")), FORM),
    ("submission without a user", as_form(without(SUBMIT, "user")), FORM),
    ("trigger_id a number", as_form(changed(PRESS, 12, "trigger_id")), FORM),
    ("team an int", as_form(changed(PRESS, 7, "team")), FORM),
    ("authorizations a number", as_form({**PRESS, "authorizations": 3}), FORM),
    ("response_urls a string", as_form({**PRESS, "response_urls": "x"}), FORM),
    (
        "installing team too long",
        as_form(changed(SUBMIT, "T" * 70, "view", "app_installed_team_id")),
        FORM,
    ),
    ("event a string", as_json(changed(DM, MARKER, "event")), JSON),
    ("event without type", as_json(without(DM, "event", "type")), JSON),
    ("event user of 300 characters", as_json(changed(DM, "U" * 300, "event", "user")), JSON),
    ("event user an object of an int", as_json(changed(DM, {"id": 1}, "event", "user")), JSON),
    ("event channel of 300 characters", as_json(changed(DM, "D" * 300, "event", "channel")), JSON),
    ("event channel an object", as_json(changed(DM, {"id": "D1"}, "event", "channel")), JSON),
    ("event id of 300 characters", as_json(changed(DM, "E" * 300, "event_id")), JSON),
    ("event id a list", as_json(changed(DM, ["E"], "event_id")), JSON),
    ("event text an object", as_json(changed(DM, {"a": MARKER}, "event", "text")), JSON),
    (
        "ext shared, no event",
        as_json({**without(DM, "event"), "is_ext_shared_channel": True}),
        JSON,
    ),
    ("home visit without a user", as_json(without(home_visit(), "event", "user")), JSON),
    ("a kind the bot ignores", as_json({"type": "shortcut", "user": {"id": MARC}}), JSON),
    ("url_verification without challenge", as_json({"type": "url_verification"}), JSON),
]


@REFUSED_BEFORE_STORAGE
def test_a_signed_slack_request_of_the_wrong_shape_gets_a_400_and_one_warning(
    slack_site: SlackSite, logs: Logs
) -> None:
    calls = slack_site.fake.count()
    for name, raw, kind in SLACK_MALFORMED:
        logs.clear()
        response = slack_site.send(raw, kind)
        assert response.status_code == 400, name
        [refusal] = logs.refusals()
        assert refusal.startswith("refused a slack request (400): "), name
        assert MARKER not in logs.text() and "U" * 300 not in logs.text(), name
    time.sleep(0.2)
    assert slack_site.fake.count() == calls, "nothing reached Bolt"
    assert logs.errors() == []


Headers = dict[str, str | bytes]


def resigned(header: str, value: bytes) -> Callable[[bytes], Headers]:
    """Headers signed right, then one of them replaced by `value`."""
    return lambda raw: {**slack_headers(raw, JSON), header: value}


BAD_SIGNATURES: list[tuple[str, Callable[[bytes], Headers]]] = [
    ("none", lambda raw: {"Content-Type": JSON}),
    ("another secret", lambda raw: slack_headers(raw, JSON, secret="not-the-secret")),
    ("six minutes old", lambda raw: slack_headers(raw, JSON, at=int(time.time()) - 360)),
    ("a timestamp that is not a number", resigned("X-Slack-Request-Timestamp", b"soon")),
    ("a timestamp of 5,000 digits", resigned("X-Slack-Request-Timestamp", b"9" * 5000)),
    ("a signature that is not ASCII", resigned("X-Slack-Signature", "v0=é".encode("latin-1"))),
]


@REFUSED_BEFORE_STORAGE
def test_an_unsigned_or_forged_slack_request_is_refused_before_it_is_read(
    slack_site: SlackSite, logs: Logs
) -> None:
    """The bodies that broke Bolt's parsing, with every kind of bad signature: a 401."""
    calls = slack_site.fake.count()
    for name, raw, _kind in SLACK_MALFORMED:
        for forge, headers_for in BAD_SIGNATURES:
            logs.clear()
            answer = slack_site.workspace.http.post(
                "/slack/events", content=raw, headers=headers_for(raw)
            )
            assert answer.status_code == 401, (name, forge)
            assert logs.refusals() == ["refused a slack request (401): bad signature"]
    assert logs.errors() == []
    assert slack_site.fake.count() == calls


@REFUSED_BEFORE_STORAGE
def test_headers_and_bodies_slack_would_never_send_are_refused(
    slack_site: SlackSite, logs: Logs
) -> None:
    """Two content types (Bolt and the check could read the body differently), a repeated
    timestamp, a body that is not UTF-8 (slack_sdk cannot even check its signature)."""
    http = slack_site.workspace.http
    raw = as_json(dm())
    signed = list(slack_headers(raw, None).items())
    twice = [*signed, ("Content-Type", FORM), ("Content-Type", JSON)]
    assert http.post("/slack/events", content=raw, headers=twice).status_code == 400
    assert logs.refusals() == ["refused a slack request (400): several content types"]
    later = [*signed, ("Content-Type", JSON), ("X-Slack-Request-Timestamp", "later")]
    assert http.post("/slack/events", content=raw, headers=later).status_code == 401
    assert slack_site.send(b"\xff\xfe" + MARKER.encode(), FORM).status_code == 401
    assert logs.refusals()[1:] == ["refused a slack request (401): bad signature"] * 2
    assert logs.errors() == []


@REFUSED_BEFORE_STORAGE
def test_slacks_unsigned_certificate_check_is_answered_and_nothing_else_passes(
    slack_site: SlackSite, logs: Logs
) -> None:
    http = slack_site.workspace.http
    check = http.post(
        "/slack/events", content=b"ssl_check=1&token=abc", headers={"Content-Type": FORM}
    )
    assert check.status_code == 200
    for smuggled in (
        b"ssl_check=0&token=abc",
        b"ssl_check=1&payload=%7B%7D",
        b"ssl_check=1&command=x",
    ):
        answer = http.post("/slack/events", content=smuggled, headers={"Content-Type": FORM})
        assert answer.status_code == 401
    assert logs.errors() == []


def test_a_slack_command_without_a_user_creates_nobody(slack_site: SlackSite) -> None:
    with Session(slack_site.engine) as session:
        people = len(session.exec(select(Person)).all())
    for form in (command_form(user_id=None), command_form(user_id=""), command_form(user_id=" ")):
        assert slack_site.send(urlencode(form).encode()).status_code == 400
    for payload in (without(press(MARC, "1:0"), "user"), changed(press(MARC, "1:0"), {}, "user")):
        assert slack_site.send(as_form(payload)).status_code == 400
    with Session(slack_site.engine) as session:
        assert len(session.exec(select(Person)).all()) == people
        assert session.exec(select(Identity).where(Identity.user_key == "None")).all() == []


def test_odd_but_well_shaped_slack_values_are_handled_without_an_error(
    slack_site: SlackSite, logs: Logs
) -> None:
    """Button values and option values Python reads as digits but cannot turn into an id,
    and prompt ids past the column's range: the click is refused as unknown, nothing fails."""
    for value in ("²:0", "٣:0", "9" * 30 + ":0", "99999999999:0", f"{slack_site.lea_prompt}:²"):
        assert slack_site.send(as_form(press(MARC, value))).status_code == 200
    odd_option = changed(SUBMIT, {"value": "²"}, *OPTION)
    assert slack_site.send(as_form(odd_option)).status_code == 200
    quiet(slack_site.fake.count)
    assert logs.errors() == []
    assert MARKER not in slack_site.workspace.said(MARC)


def test_a_forged_press_on_another_persons_prompt_does_nothing_to_her(
    slack_site: SlackSite, logs: Logs
) -> None:
    before, told = slack_site.lea_state(), slack_site.posted_to_lea()
    for option in (0, 1, 5):
        answer = slack_site.send(as_form(press(MARC, f"{slack_site.lea_prompt}:{option}")))
        assert answer.status_code == 200
    quiet(slack_site.fake.count)
    assert slack_site.lea_state() == before and slack_site.posted_to_lea() == told
    assert MARKER not in slack_site.posted_to_others()
    assert logs.errors() == []
    # Léa's own press, replayed: the first counts, the replay (same trigger) and a second
    # press of the same button do nothing more.
    mine = as_form(press(LEA, f"{slack_site.lea_prompt}:0", trigger="42.ULEA.once"))
    assert slack_site.send(mine).status_code == 200
    quiet(slack_site.fake.count)
    after = slack_site.lea_state()
    assert after[3] is not None  # used
    assert slack_site.send(mine).status_code == 200
    assert slack_site.send(as_form(press(LEA, f"{slack_site.lea_prompt}:1"))).status_code == 200
    quiet(slack_site.fake.count)
    assert slack_site.lea_state() == after
    assert logs.errors() == []


# -- hypothesis: mutated payloads ---------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(SPECIAL)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(SLACK_KEYS + TELEGRAM_KEYS) | st.text(max_size=6), inner, max_size=3
        )
    ),
    max_leaves=6,
)


def places(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON document."""
    found: list[tuple[Any, Any]] = []
    if isinstance(document, dict):
        for key, value in document.items():
            found.append((document, key))
            found += places(value)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.append((document, index))
            found += places(value)
    return found


@st.composite
def mutated(draw: st.DrawFn, template: Any, keys: list[str], values: st.SearchStrategy[Any]) -> Any:
    """`template` with up to three changes: a value replaced, a key dropped, a key added."""
    document = copy.deepcopy(template)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        spots = places(document)
        if not spots:
            break
        container, key = draw(st.sampled_from(spots))
        change = draw(st.sampled_from(["replace", "drop", "add"]))
        if change == "replace":
            container[key] = draw(values)
        elif change == "drop":
            del container[key]
        elif isinstance(container, dict):
            container[draw(st.sampled_from(keys))] = draw(values)
        else:
            container.append(draw(values))
    return document


form_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=20) | st.sampled_from(
    SPECIAL
)
OTHERS = [MARC, "UZOE", "W0ENTERPRISE"]  # never Léa: she only waits


def slack_requests(lea_prompt: int, base: str) -> st.SearchStrategy[tuple[bytes, str | None]]:
    """Signed-to-be bodies: mutated commands, presses (some on Léa's prompt), submissions,
    DMs and App Home visits from other people, and arbitrary bytes (`base`: the fake Slack's
    address, where commands' response URLs point)."""
    who = st.sampled_from(OTHERS)
    values = st.sampled_from([f"{lea_prompt}:0", f"{lea_prompt}:1", "1:0", "x"]) | form_texts
    payloads = st.one_of(
        st.builds(press, who, values).flatmap(lambda p: mutated(p, SLACK_KEYS, json_values)),
        st.builds(submission, who).flatmap(lambda p: mutated(p, SLACK_KEYS, json_values)),
        st.builds(dm, who, form_texts).flatmap(lambda p: mutated(p, SLACK_KEYS, json_values)),
        st.builds(home_visit, who).flatmap(lambda p: mutated(p, SLACK_KEYS, json_values)),
        json_values,
    )
    commands = st.builds(command_form, who, st.just(base)).flatmap(
        lambda form: mutated(form, SLACK_KEYS, form_texts)
    )
    kinds = st.sampled_from([FORM, JSON, "text/plain", None, "application/json; charset=utf-8"])
    return st.one_of(
        payloads.map(lambda p: (as_form(p), FORM)),
        payloads.map(lambda p: (as_json(p), JSON)),
        commands.map(lambda f: (urlencode(f).encode(), FORM)),
        st.tuples(st.binary(max_size=200), kinds),
    )


def utf_8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)


def test_signed_slack_requests_of_any_shape_never_break_anything(
    slack_site: SlackSite, logs: Logs
) -> None:
    before, told = slack_site.lea_state(), slack_site.posted_to_lea()
    statuses: set[int] = set()
    base = slack_site.fake.base

    @FUZZ
    @given(request=slack_requests(slack_site.lea_prompt, base))
    @example(request=(as_form(press(MARC, f"{slack_site.lea_prompt}:0")), FORM))
    @example(request=(as_form(changed(press(MARC, "1:0"), None, "message")), FORM))
    @example(request=(as_json(changed(dm(), "UZOE", "user")), JSON))
    @example(request=(as_form({**press(MARC, "1:0"), "enterprise": "E1", "team": None}), FORM))
    @example(request=(urlencode(command_form(MARC, base, channel_name="general")).encode(), FORM))
    @example(request=(urlencode(command_form(MARC, response_url="x")).encode(), FORM))
    def throw(request: tuple[bytes, str | None]) -> None:
        raw, kind = request
        answer = slack_site.send(raw, kind)
        statuses.add(answer.status_code)
        if utf_8(raw):
            assert answer.status_code in (200, 400, 404), answer.text
        else:  # slack_sdk cannot even check its signature
            assert answer.status_code == 401
        if answer.status_code == 200:
            quiet(slack_site.fake.count, still=0.05)
        assert logs.errors() == []

    throw()
    quiet(slack_site.fake.count)
    assert logs.errors() == []
    assert {200, 400} <= statuses
    assert slack_site.lea_state() == before and slack_site.posted_to_lea() == told
    assert MARKER not in slack_site.posted_to_others()


@REFUSED_BEFORE_STORAGE
def test_unsigned_slack_requests_of_any_shape_are_all_refused(
    slack_site: SlackSite, logs: Logs
) -> None:
    calls = slack_site.fake.count()

    @settings(FUZZ, max_examples=EXAMPLES // 2)
    @given(
        request=slack_requests(slack_site.lea_prompt, slack_site.fake.base),
        forge=st.sampled_from([name for name, _ in BAD_SIGNATURES]),
    )
    def throw(request: tuple[bytes, str | None], forge: str) -> None:
        raw, _kind = request
        headers = dict(BAD_SIGNATURES)[forge](raw)
        answer = slack_site.workspace.http.post("/slack/events", content=raw, headers=headers)
        assert answer.status_code == 401

    throw()
    assert logs.errors() == [] and slack_site.fake.count() == calls


# -- Telegram -----------------------------------------------------------------------------

LEA_TG = User(202, "Léa", MARKER, language_code="fr")
GIVEN = b"the secret the webhook was registered with"
BRUNO = User(303, "Bruno")
CHLOE = User(404, "Chloé", language_code="en")


@dataclass
class Webhook:
    """The Telegram webhook with Léa waiting on her language choice."""

    fake: FakeTelegram
    adapter: TelegramAdapter
    engine: Engine
    lea_prompt: int
    lea_buttons: list[str]

    @property
    def url(self) -> str:
        return str(self.fake.webhook["url"])

    def send(self, raw: bytes, secret: bytes | None = GIVEN) -> httpx.Response:
        """POST to the webhook with the secret it was given, another one, or none."""
        headers: dict[str, str | bytes] = {"Content-Type": JSON}
        given = self.fake.webhook["secret_token"] if secret is GIVEN else secret
        if given is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = given
        return httpx.post(self.url, content=raw, headers=headers, timeout=15)

    def deliver(self, update: Any) -> int:
        """POST with the secret; wait until an accepted update has been handled."""
        target = self.adapter.updates_done + 1
        answer = self.send(json.dumps(update).encode())
        if answer.status_code == 200:
            self.fake.wait_for(lambda: self.adapter.updates_done >= target, what="the update")
        return answer.status_code

    def lea_state(self) -> tuple[Any, ...]:
        return lea_state(self.engine, self.lea_prompt, str(LEA_TG.id))

    def to_lea(self) -> int:
        return len(self.fake.messages_to(LEA_TG.id))

    def sent_to_others(self) -> str:
        return "\n".join(
            json.dumps(call.params, ensure_ascii=False)
            for call in self.fake.calls
            if str(call.params.get("chat_id", LEA_TG.id)) != str(LEA_TG.id)
        )


@pytest.fixture
def webhook(engine: Engine, cipher: MultiFernet) -> Iterator[Webhook]:
    core = Core(engine, cipher)
    fake = FakeTelegram().start()
    try:
        with running(core, fake, webhook=True) as adapter:
            lea = Chat(fake, adapter, LEA_TG)
            lea.say("/start")
            choice = lea.keyboard()
            data = [button["callback_data"] for button in choice.buttons]
            yield Webhook(fake, adapter, engine, open_prompt_of(engine, str(LEA_TG.id)), data)
    finally:
        fake.stop()


def bot_message(chat: User, data: list[str]) -> dict[str, Any]:
    """A message the bot sent to `chat`, with buttons carrying `data`."""
    return {
        "message_id": 7, "date": int(time.time()), "text": "Dans quelle langue ?",
        "chat": chat.chat(),
        "from": {"id": 7000001, "is_bot": True, "first_name": "Mentor"},
        "reply_markup": {"inline_keyboard": [[{"text": "Oui", "callback_data": d}] for d in data]},
    }  # fmt: skip


UPDATE_IDS = iter(range(10_000_000, 2**31))


def text_update(user: User, text: str, chat: dict[str, Any] | None = None) -> dict[str, Any]:
    message = {
        "message_id": 1, "date": int(time.time()), "chat": chat or user.chat(),
        "from": user.json(), "text": text,
    }  # fmt: skip
    return {"update_id": next(UPDATE_IDS), "message": message}


def press_update(user: User, message: dict[str, Any], data: str) -> dict[str, Any]:
    query = {
        "id": str(next(UPDATE_IDS)), "from": user.json(), "message": message,
        "chat_instance": f"ci{user.id}", "data": data,
    }  # fmt: skip
    return {"update_id": next(UPDATE_IDS), "callback_query": query}


HELP = text_update(BRUNO, "/help")
BRUNO_PRESS = press_update(BRUNO, bot_message(BRUNO, []), "x")
LEA_CHAT = LEA_TG.chat()


def tg(update: Any) -> bytes:
    return json.dumps(update).encode()


TELEGRAM_MALFORMED: list[tuple[str, bytes]] = [
    ("not JSON", b"{" + MARKER.encode()),
    ("a JSON list", b"[1]"),
    ("a JSON string", tg(MARKER)),
    ("no update_id", b"{}"),
    ("update_id a string", tg({"update_id": "1"})),
    ("update_id a boolean", tg({"update_id": True})),
    ("update_id past 64 bits", tg({**HELP, "update_id": 10**200})),
    ("update_id negative", tg({**HELP, "update_id": -1})),
    ("chat a string", tg(changed(HELP, "x", "message", "chat"))),
    ("user id past 64 bits", tg(changed(HELP, 10**200, "message", "from", "id"))),
    ("chat id past 64 bits", tg(changed(HELP, -(10**200), "message", "chat", "id"))),
    ("user id a string", tg(changed(HELP, "303", "message", "from", "id"))),
    ("text a list", tg(changed(HELP, [MARKER], "message", "text"))),
    ("first_name a number", tg(changed(HELP, 5, "message", "from", "first_name"))),
    ("entities a string", tg(changed(HELP, MARKER, "message", "entities"))),
    ("nested 10,000 deep", ('{"update_id": 1, "x": ' + nested(10_000) + "}").encode()),
    ("a number of 5,000 digits", b'{"update_id": 1, "n": ' + b"9" * 5000 + b"}"),
    ("not UTF-8", b'{"update_id": 1, "x": "\xff"}'),
    ("Bruno writing in Lea's private chat", tg(text_update(BRUNO, "/help", LEA_CHAT))),
    (
        "press data of 10,000 characters",
        tg(changed(BRUNO_PRESS, "p" * 10_000, "callback_query", "data")),
    ),
    ("press data an object", tg(changed(BRUNO_PRESS, {"a": 1}, "callback_query", "data"))),
    ("press without from", tg(without(BRUNO_PRESS, "callback_query", "from"))),
    ("press in Lea's private chat", tg(press_update(BRUNO, bot_message(LEA_TG, []), "x"))),
    (
        "keyboard a string",
        tg(changed(BRUNO_PRESS, "x", "callback_query", "message", "reply_markup")),
    ),
]


@REFUSED_BEFORE_STORAGE
def test_a_telegram_update_of_the_wrong_shape_gets_a_400_and_one_warning(
    webhook: Webhook, logs: Logs
) -> None:
    done, calls = webhook.adapter.updates_done, len(webhook.fake.calls)
    before = webhook.lea_state()
    for name, raw in TELEGRAM_MALFORMED:
        logs.clear()
        assert webhook.send(raw).status_code == 400, name
        [refusal] = logs.refusals()
        assert refusal.startswith("refused a telegram request (400): "), name
        assert MARKER not in logs.text(), name
    time.sleep(0.2)
    assert webhook.adapter.updates_done == done and len(webhook.fake.calls) == calls
    assert logs.errors() == []
    assert webhook.lea_state() == before


@REFUSED_BEFORE_STORAGE
def test_a_webhook_call_without_the_secret_is_refused_before_it_is_read(
    webhook: Webhook, logs: Logs
) -> None:
    for secret in (None, b"wrong", "é".encode("latin-1"), b""):
        for name, raw in TELEGRAM_MALFORMED[::3]:
            assert webhook.send(raw, secret=secret).status_code == 403, (name, secret)
    assert logs.refusals() == [] and logs.errors() == []


def test_forged_and_replayed_presses_leave_lea_alone(webhook: Webhook, logs: Logs) -> None:
    before, told = webhook.lea_state(), webhook.to_lea()
    forged = ButtonData("another-token").encode(webhook.lea_prompt, 0)
    own = bot_message(BRUNO, webhook.lea_buttons)
    for data in (*webhook.lea_buttons, forged, "p1.0.AAAAAAAA", ""):
        assert webhook.deliver(press_update(BRUNO, own, data)) == 200
    quiet(lambda: len(webhook.fake.calls))
    assert webhook.lea_state() == before and webhook.to_lea() == told
    assert MARKER not in webhook.sent_to_others()
    # Léa presses, then the same update comes again, then a second press of the same button.
    lea_message = bot_message(LEA_TG, webhook.lea_buttons)
    mine = press_update(LEA_TG, lea_message, webhook.lea_buttons[0])
    assert webhook.deliver(mine) == 200
    after = webhook.lea_state()
    assert after[3] is not None
    assert webhook.deliver(mine) == 200
    assert webhook.deliver(press_update(LEA_TG, lea_message, webhook.lea_buttons[1])) == 200
    quiet(lambda: len(webhook.fake.calls))
    assert webhook.lea_state() == after
    assert logs.errors() == []


def telegram_updates(lea_buttons: list[str]) -> st.SearchStrategy[Any]:
    """Updates from Bruno and Chloé: texts, presses of Léa's buttons and of forged ones, in
    their chats or a group, mutated; and arbitrary JSON."""
    who = st.sampled_from([BRUNO, CHLOE])
    texts = st.sampled_from(["/start", "/help", "/status", "/apply", "1"]) | form_texts
    data = st.sampled_from([*lea_buttons, "p1.0.AAAAAAAA", "x" * 64]) | st.text(max_size=64)
    group = {"id": -100123, "type": "supergroup", "title": "Équipe"}

    def keyboard(user: User) -> st.SearchStrategy[dict[str, Any]]:
        return st.just(bot_message(user, lea_buttons))

    updates = st.one_of(
        st.builds(text_update, who, texts),
        st.builds(text_update, who, texts, st.just(group)),
        who.flatmap(lambda u: st.builds(press_update, st.just(u), keyboard(u), data)),
    )
    ids = st.sampled_from([BRUNO.id, CHLOE.id, 0, -1, 2**63 - 1, 2**64])
    return st.one_of(
        updates.flatmap(lambda u: mutated(u, TELEGRAM_KEYS, json_values | ids)),
        json_values,
    )


def test_telegram_updates_of_any_shape_never_break_anything(webhook: Webhook, logs: Logs) -> None:
    before, told = webhook.lea_state(), webhook.to_lea()
    statuses: set[int] = set()

    @FUZZ
    @given(update=telegram_updates(webhook.lea_buttons))
    @example(update=text_update(User(505, "\x00"), "/start"))
    @example(update=text_update(User(506, "Zoé", language_code="x" * 300), "/start"))
    @example(update=changed(text_update(BRUNO, "/help"), None, "message", "from"))
    @example(update=changed(text_update(BRUNO, "/help"), 2**63 - 1, "message", "date"))
    @example(update=changed(text_update(BRUNO, "/help"), 2**63 - 1, "message", "edit_date"))
    def throw(update: Any) -> None:
        status = webhook.deliver(update)
        statuses.add(status)
        assert status in (200, 400)
        assert logs.errors() == []

    throw()
    quiet(lambda: len(webhook.fake.calls))
    assert logs.errors() == []
    assert statuses == {200, 400}
    assert webhook.lea_state() == before and webhook.to_lea() == told
    assert MARKER not in webhook.sent_to_others()


# -- bodies capped while reading ----------------------------------------------------------


def endless(pulled: list[int]) -> Callable[[], Any]:
    """An ASGI `receive` that never ends its body, counting the chunks taken from it."""

    async def receive() -> dict[str, Any]:
        pulled.append(1)
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": True}

    return receive


def test_reading_stops_as_soon_as_the_body_passes_the_cap() -> None:
    pulled: list[int] = []
    scope = {"type": "http", "method": "POST", "path": "/", "headers": []}
    with pytest.raises(Refused) as refused:
        asyncio.run(read_capped(Request(scope, endless(pulled)), 1_000_000))
    assert refused.value.status == 413
    assert len(pulled) == 1_000_000 // CHUNK + 1


def chunks(total: int) -> Iterator[bytes]:
    for _ in range(total // CHUNK):
        yield b"x" * CHUNK


@REFUSED_BEFORE_STORAGE
def test_a_chunked_10_mb_body_is_refused_with_413_without_being_held(
    slack_site: SlackSite, webhook: Webhook, logs: Logs
) -> None:
    """No Content-Length: the server only learns the size by reading. Python's allocations
    (every thread's) stay far under the body's size while it streams in."""
    http = slack_site.workspace.http
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        slack = http.post("/slack/events", content=chunks(TEN_MB), headers={"Content-Type": JSON})
        telegram = httpx.post(
            webhook.url,
            content=chunks(TEN_MB),
            headers={"X-Telegram-Bot-Api-Secret-Token": webhook.fake.webhook["secret_token"]},
            timeout=30,
        )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (slack.status_code, telegram.status_code) == (413, 413)
    assert peak < 4 * 1024 * 1024, f"{peak / 1e6:.1f} MB held while reading"
    assert logs.errors() == []
    without_secret = httpx.post(webhook.url, content=chunks(TEN_MB), timeout=30)
    assert without_secret.status_code == 403
