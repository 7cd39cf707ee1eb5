"""The shape of a Slack request as Bolt and the adapter read it, checked once its signature
is known to be good and before Bolt parses it (see `bot.adapters.http_guard`).

Bolt reads a request with `payload["x"]`, `"id" in payload["user"]` and the like, so a body
that is valid JSON but not the expected shape used to end in a 500. Here the body is decoded
exactly as Bolt will decode it, then checked against these models:

- `Envelope` holds every key Bolt reads to find the workspace, user and channel of a request
  (`slack_bolt.request.internals.build_context`), and every key a listener of the adapter
  reads, with its type. Ids are short strings of Slack's id alphabet, never longer than the
  column they end in.
- The payload kinds the adapter listens to add what they require: an event its `event`, a
  button press its `actions`, a modal submission or closing its `view`. Any other kind is refused.
- A slash command, a button press, a modal submission and an App Home visit must name the
  user (the adapter would otherwise make a person out of nobody).

A key the adapter reads with a default (`body.get("container", {})`) may be missing but not
null: such keys are typed without `None` and default to None only when absent.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Self
from urllib.parse import parse_qs, parse_qsl

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, model_validator
from pydantic_core import PydanticCustomError
from slack_bolt.request.internals import extract_user_id

from bot.adapters.http_guard import BAD_REQUEST, Refused, checked, checked_json

SSL_CHECK_LIMIT = 200
TEAM_LIMIT = 64  # Identity.team
USER_LIMIT = 128  # Identity.user_key, Identity.chat_key
RECEIPT_LIMIT = 128  # InboundReceipt.key: event ids and trigger ids
METADATA_LIMIT = 3000  # Slack's own limit on a view's private_metadata
OPTION_VALUE_LIMIT = 150  # Slack's own limit on an option's value

TeamId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]*$", max_length=TEAM_LIMIT)]
UserId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]*$", max_length=USER_LIMIT)]
PickedDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
PickedTime = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}:[0-9]{2}$")]
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]*$", max_length=RECEIPT_LIMIT)]


def _absent() -> Any:
    """The default of a key that may be missing but, when present, is not null."""
    return Field(default=None)


class Shape(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class Org(Shape):
    """`team` or `enterprise` as an object."""

    id: TeamId | None = None
    enterprise_id: TeamId | None = None


class UserRef(Shape):
    id: UserId | None = None
    team_id: TeamId | None = None


class ChannelRef(Shape):
    id: UserId | None = None


class ResponseUrl(Shape):
    response_url: str | None = None


class FunctionData(Shape):
    execution_id: str | None = None
    inputs: dict[str, Any] | None = None


class Option(Shape):
    value: Annotated[str, StringConstraints(max_length=OPTION_VALUE_LIMIT)]


class Element(Shape):
    """One input of a submitted modal, as `slack_modals.form_values` reads it."""

    type: str | None = None
    value: str | None = None
    selected_option: Option | None = None
    selected_options: list[Option] | None = None
    selected_date: PickedDate | None = None
    selected_time: PickedTime | None = None


class State(Shape):
    values: dict[str, dict[str, Element]] = _absent()


class Block(Shape):
    type: str | None = None
    block_id: str | None = None

    @model_validator(mode="after")
    def _input_named(self) -> Self:
        if self.type == "input" and self.block_id is None:
            raise PydanticCustomError("input_block_without_id", "an input block has an id")
        return self


class View(Shape):
    type: str | None = None
    callback_id: str | None = None
    team_id: TeamId | None = None
    app_installed_team_id: TeamId | None = None
    private_metadata: Annotated[str, StringConstraints(max_length=METADATA_LIMIT)] = _absent()
    state: State = _absent()
    blocks: list[Block] = _absent()


class Envelope(Shape):
    """The keys Bolt reads to build a request's context, at any level it looks at."""

    type: str | None = None
    authorizations: list[Envelope] | None = None
    is_enterprise_install: bool | str | None = None
    is_ext_shared_channel: bool | None = None
    enterprise: Org | TeamId | None = None
    enterprise_id: TeamId | None = None
    context_enterprise_id: TeamId | None = None
    team: Org | TeamId | None = None
    team_id: TeamId | None = None
    context_team_id: TeamId | None = None
    user_team: TeamId | None = None
    user: UserRef | UserId | None = None
    user_id: UserId | None = None
    channel: ChannelRef | UserId | None = None
    channel_id: UserId | None = None
    view: View | None = None
    event: Envelope | None = None
    message: Envelope | None = None
    previous_message: Envelope | None = None
    item: Envelope | None = None
    assistant_thread: Envelope | None = None
    thread_ts: str | None = None
    function_execution_id: str | None = None
    function_data: FunctionData | None = None
    bot_access_token: str | None = None
    inputs: dict[str, Any] | None = None
    response_url: str | None = None
    response_urls: list[ResponseUrl] | None = None
    # What the listeners read, wherever Bolt hands them the body.
    command: str | None = None
    text: str | None = None
    channel_name: str | None = None
    trigger_id: Key | None = None
    event_id: Key | None = None
    blocks: list[dict[str, Any]] = _absent()


class Event(Envelope):
    type: str

    @model_validator(mode="after")
    def _own_channel(self) -> Self:
        if self.type in ("message", "app_home_opened") and isinstance(self.channel, ChannelRef):
            raise PydanticCustomError("channel_not_an_id", "a DM channel is an id")
        return self


class EventCallback(Envelope):
    type: Literal["event_callback"]
    event: Event


class UrlVerification(Envelope):
    type: Literal["url_verification"]
    challenge: Annotated[str, StringConstraints(max_length=RECEIPT_LIMIT)]


class ActionText(Shape):
    text: str


class Action(Shape):
    action_id: str
    type: str | None = None
    block_id: str | None = None
    value: str | None = None
    text: ActionText = _absent()


class Container(Shape):
    channel_id: str | None = None
    message_ts: str | None = None


class BlockActions(Envelope):
    type: Literal["block_actions"]
    actions: Annotated[list[Action], Field(min_length=1)]
    container: Container = _absent()
    message: Envelope = _absent()


class SubmittedView(View):
    type: str
    callback_id: str


class ViewSubmission(Envelope):
    type: Literal["view_submission"]
    view: SubmittedView


class ViewClosed(Envelope):
    """A modal closed by its Cancel button or cross (the view asked `notify_on_close`)."""

    type: Literal["view_closed"]
    view: SubmittedView


class Command(Envelope):
    """A slash command: a form, every field a string. Slack always gives the URL that takes
    an answer in the channel, which the adapter uses when the command was typed there."""

    command: str
    user_id: UserId
    response_url: Annotated[str, StringConstraints(pattern=r"^https?://[!-~]+$")]


PAYLOAD: TypeAdapter[
    EventCallback | UrlVerification | BlockActions | ViewSubmission | ViewClosed
] = TypeAdapter(
    Annotated[
        EventCallback | UrlVerification | BlockActions | ViewSubmission | ViewClosed,
        Field(discriminator="type"),
    ]
)
COMMAND = TypeAdapter(Command)


def is_ssl_check(raw: bytes) -> bool:
    """Slack's certificate check of the command URL: `ssl_check=1` (and a token), unsigned."""
    if len(raw) > SSL_CHECK_LIMIT or not raw.isascii():
        return False
    fields = parse_qs(raw.decode("ascii"))
    return fields.get("ssl_check") == ["1"] and set(fields) <= {"ssl_check", "token"}


def check_slack_body(raw: bytes, content_types: list[str]) -> None:
    """Refuse (400) a signed body that Bolt or the adapter could not read safely."""
    if len(content_types) > 1:
        raise Refused(BAD_REQUEST, "several content types")
    content_type = content_types[0].split(";")[0] if content_types else None
    text = raw.decode("utf-8")  # the signature check took only UTF-8
    # Decided as Bolt decides (slack_bolt.request.internals.parse_body).
    if content_type == "application/json" or text.startswith("{"):
        payload: str | None = text
    elif "payload" in text:
        payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
        if payload is None:
            raise Refused(BAD_REQUEST, "payload: missing")
    else:
        payload = None
    if payload is None:
        body: dict[str, Any] = dict(parse_qsl(text, keep_blank_values=True))
        kind: Envelope = checked(COMMAND, body)
    else:
        kind = checked_json(PAYLOAD, payload)
        body = json.loads(payload)  # safe now: pydantic's stricter parser took it
        if "command" in body:  # Bolt would take it for a slash command too
            raise Refused(BAD_REQUEST, "command: not in a form")
    if isinstance(kind, UrlVerification):
        return
    if isinstance(kind, EventCallback) and kind.event.type != "app_home_opened":
        return  # a message without a user (a bot's, an edit) is ignored by the adapter
    if not extract_user_id(body):
        raise Refused(BAD_REQUEST, "user: missing")
