"""The Slack adapter: slash commands, direct messages, buttons, modals and App Home on slack-bolt.

It only translates: Slack requests become `Inbound` values for the core, and the core's replies
become Block Kit (see `slack_blocks`). Socket Mode when `SLACK_APP_TOKEN` is set, else HTTP at
`/slack/events`, where Bolt checks the request signature and its 5-minute timestamp window.

Every request is acknowledged first; the work runs after the ack in Bolt's listener threads,
except a modal submission, whose errors must travel in the ack itself (the core answers fast).
Slack's retried events are recognised by event id (here, and durably by the core's receipts);
slash commands and interactions have no event id, so their `trigger_id`, unique per user
action, is the receipt key. Replies go to the person's direct messages with the bot, and their
App Home is published again after each event they send and each outbox delivery they get.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.adapters import slack_blocks as kit
from bot.config import Settings
from bot.delivery import RetryLater, Undeliverable, deliver_due
from handlers.core import Core
from handlers.ui import Choice, File, Form, FormErrors, Inbound, Item, Message, Reply
from messages.catalog import t
from storage.models import Identity

log = logging.getLogger(__name__)

PLATFORM = "slack"
COMMAND = "/mentorat"
ADMIN_COMMAND = "/mentorat-admin"
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000
SEEN_EVENTS = 10_000
KNOWN_DMS = 50_000
LISTENER_THREADS = 16
GONE = frozenset(
    {
        "account_inactive",
        "user_not_found",
        "user_not_visible",
        "user_disabled",
        "cannot_dm_bot",
        "channel_not_found",
        "is_archived",
    }
)


class ChannelPacer:
    """Slack's "about one message per second per channel, short bursts allowed", per channel.

    A token bucket per channel, shared by the listener threads and the delivery pass. Kept
    here (a dozen lines) because the well-known limiters are either async-only (aiolimiter)
    or keyed globally; this needs a blocking wait per key.
    """

    def __init__(self, per_second: float = 1.0, burst: int = 4) -> None:
        self.per_second = per_second
        self.burst = burst
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def wait(self, channel: str) -> None:
        """Block until `channel` may take one more message."""
        with self._lock:
            now = time.monotonic()
            tokens, seen = self._buckets.pop(channel, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - seen) * self.per_second)
            delay = 0.0 if tokens >= 1 else (1 - tokens) / self.per_second
            self._buckets[channel] = (tokens - 1, now)
            while len(self._buckets) > KNOWN_DMS:
                self._buckets.popitem(last=False)
        if delay:
            time.sleep(delay)


class SlackAdapter:
    """The Slack platform adapter run by `bot.runner.Runner`."""

    platform = PLATFORM

    def __init__(self, core: Core, settings: Settings, pacer: ChannelPacer | None = None) -> None:
        self.core = core
        self.settings = settings
        self.pacer = pacer or ChannelPacer()
        # slack_sdk's own retry handlers, explicitly: 429 after Retry-After, 500/503 and
        # dropped connections with back-off; two retries in all, then the outbox takes over.
        self.client = WebClient(
            token=settings.slack_bot_token,
            base_url=settings.slack_api_url,
            retry_handlers=[
                RateLimitErrorRetryHandler(max_retry_count=2),
                ServerErrorRetryHandler(max_retry_count=2),
                ConnectionErrorRetryHandler(max_retry_count=2),
            ],
        )
        self.app = App(
            client=self.client,
            signing_secret=settings.slack_signing_secret,
            token_verification_enabled=False,
            listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="slack"),
        )
        self.socket: SocketModeHandler | None = None
        menu = [name for name, _ in core.menu(core.default_locale, coordinator=True)]
        self.spell = kit.command_spelling(menu, COMMAND, ADMIN_COMMAND)
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._dms: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._register()

    # -- the runner's protocol ---------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        if self.settings.slack_app_token:
            return []
        return [Route(EVENTS_PATH, self.endpoint, methods=["POST"])]

    async def start(self) -> None:
        self.core.links[PLATFORM] = f"{COMMAND} start {{code}}"  # the invitation, as typed
        if self.settings.slack_app_token:
            self.socket = SocketModeHandler(self.app, self.settings.slack_app_token)
            await asyncio.to_thread(self.socket.connect)

    async def stop(self) -> None:
        self.core.links.pop(PLATFORM, None)
        if self.socket is not None:
            await asyncio.to_thread(self.socket.close)
            self.socket = None

    async def deliver(self) -> int:
        return await asyncio.to_thread(self.deliver_now)

    async def endpoint(self, request: Request) -> Response:
        """Events, commands and interactions; Bolt checks the signature and answers."""
        body = await request.body()
        if len(body) > MAX_BODY:
            return Response(status_code=413)
        bolt_response = await run_in_threadpool(self.app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    # -- outbox ------------------------------------------------------------------------------

    def deliver_now(self) -> int:
        """One delivery pass, then the App Home of everyone who got something is refreshed."""
        reached: dict[int, str] = {}

        def send(identity: Identity, item: Item) -> None:
            self.send(identity, item)
            reached[identity.person_id] = identity.user_key

        sent = deliver_due(self.core.engine, PLATFORM, send)
        for person_id, user in reached.items():
            self.publish_home(user, person_id)
        return sent

    def send(self, identity: Identity, item: Item) -> None:
        """Post one outbox item to the person's direct messages; errors say retry or give up."""
        try:
            channel = identity.chat_key or self.dm_of(identity.team, identity.user_key)
            self.post(channel, item)
        except SlackApiError as exc:
            status = exc.response.status_code
            error = str(exc.response.get("error", ""))
            if status == 429:
                raise RetryLater("rate limited", after=_retry_after(exc.response.headers)) from exc
            if status >= 500:
                raise RetryLater(f"Slack answered {status}") from exc
            if error in GONE:
                raise Undeliverable(error) from exc
            raise
        except OSError as exc:  # URLError, time-outs, refused connections
            raise RetryLater(f"Slack unreachable: {exc}") from exc

    # -- Bolt listeners ----------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        app.command(COMMAND)(self.on_command)
        app.command(ADMIN_COMMAND)(self.on_command)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home_opened)
        app.action(re.compile(r"^choice-\d+$"))(self.on_choice)
        app.action(kit.OPEN_FORM_ACTION)(self.on_open_form)
        app.action(kit.HOME_ACTION)(self.on_home_action)
        app.view(kit.FORM_CALLBACK)(self.on_submission)

    def on_command(
        self, ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        """`/mentorat word args` is `/word args` for the core; `/mentorat-admin args` `/admin`."""
        ack()
        person_id = self.person(context, None)
        words = kit.unescape(command.get("text") or "").strip().lstrip("/")
        if command.get("command") == ADMIN_COMMAND:
            text = f"/admin {words}".strip()
        else:
            text = "/" + (words or "status")
        if command.get("channel_name") not in ("directmessage", None):
            respond(t(self.core.locale_of(person_id), "slack-see-dm"), response_type="ephemeral")
        self.run(context, person_id, Inbound(person_id, text=text), command.get("trigger_id"))

    def on_message(self, event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        """A direct message to the bot, handled like a console line; any other is ignored."""
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not event.get("user") or not self.first_time(body.get("event_id")):
            return
        person_id = self.person(context, event.get("channel"))
        text = kit.unescape(event.get("text") or "")
        receipt = (PLATFORM, str(body["event_id"])) if body.get("event_id") else None
        self.run(context, person_id, Inbound(person_id, text=text), None, receipt=receipt)

    def on_home_opened(
        self, event: dict[str, Any], body: dict[str, Any], context: BoltContext
    ) -> None:
        if event.get("tab", "home") != "home" or not self.first_time(body.get("event_id")):
            return
        person_id = self.person(context, event.get("channel"))
        self.publish_home(str(context.user_id), person_id)

    def on_choice(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        """A button of a choice: the message loses its buttons, then the core gets the click."""
        ack()
        person_id = self.person(context, None)
        container = body.get("container", {})
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if channel and ts:
            label = action.get("text", {}).get("text", "")
            chosen = t(self.core.locale_of(person_id), "slack-chosen", label=label)
            message = body.get("message", {})
            try:
                self.client.chat_update(
                    channel=channel,
                    ts=ts,
                    text=message.get("text") or kit.fallback(chosen),
                    blocks=kit.chosen_blocks(message.get("blocks", []), chosen),
                )
            except SlackApiError as exc:  # the click still counts; the core refuses a second
                log.warning("chat.update failed: %s", exc.response.get("error"))
        parsed = kit.parse_choice_value(str(action.get("value", "")))
        if parsed is not None:
            inbound = Inbound(person_id, prompt_id=parsed[0], option=parsed[1])
            self.run(context, person_id, inbound, body.get("trigger_id"))

    def on_open_form(self, ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        """The "open the form" button: the modal of the form the core is waiting for."""
        ack()
        person_id = self.person(context, None)
        form = self.core.current_form(person_id)
        locale = self.core.locale_of(person_id)
        if form is None:
            self.post(self.dm_of(*_who(context)), Message(t(locale, "error-form-stale")))
        else:
            self.open_modal(str(body.get("trigger_id", "")), form, locale)

    def on_home_action(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        """The App Home button runs its command, as if typed; replies go to the DM."""
        ack()
        person_id = self.person(context, None)
        inbound = Inbound(person_id, text="/" + str(action.get("value", "status")))
        self.run(context, person_id, inbound, body.get("trigger_id"))

    def on_submission(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        """A modal submitted: the core decides within the ack (errors shown on the fields)."""
        person_id = self.person(context, None)
        values = kit.form_values(
            view.get("state", {}).get("values", {}), self.core.current_form(person_id)
        )
        inbound = Inbound(person_id, form_id=view.get("private_metadata", ""), form_values=values)
        replies = self.core.handle(
            inbound, modal_forms=True, receipt=self.trigger_receipt(body.get("trigger_id"))
        )
        errors = {
            k: v
            for r in replies
            if isinstance(r.item, FormErrors)
            for k, v in r.item.errors.items()
        }
        following = next((r.item for r in replies if isinstance(r.item, Form)), None)
        locale = self.core.locale_of(person_id)
        if errors:
            ack(response_action="errors", errors=kit.error_block_ids(view, errors))
        elif following is not None:
            ack(response_action="update", view=self.modal(following, locale))
        else:
            ack()
        rest = [r for r in replies if not isinstance(r.item, FormErrors | Form)]
        self.deliver_replies(_who(context), rest, locale, None)
        self.publish_home(_who(context)[1], person_id)

    # -- people and conversations ------------------------------------------------------------

    def person(self, context: BoltContext, dm: str | None) -> int:
        """The person behind this Slack user; created from their profile at first contact."""
        team, user = _who(context)
        with self._lock:
            known_dm = self._dms.get((team, user))
        if dm:
            self.remember_dm(team, user, dm)
        found = self.core.find(PLATFORM, user, team=team, named=True)
        if found is not None:
            if dm and dm != known_dm:  # once per process: keeps the stored DM id current
                self.core.identify(PLATFORM, user, team=team, chat_key=dm)
            return found
        profile: dict[str, Any] = {}
        try:
            profile = self.client.users_info(user=user, include_locale=True).get("user") or {}
        except SlackApiError as exc:
            log.warning("no profile for %s/%s: %s", team, user, exc.response.get("error"))
        names = profile.get("profile") or {}
        return self.core.identify(
            PLATFORM,
            user,
            team=team,
            display_name=names.get("display_name")
            or profile.get("real_name")
            or profile.get("name")
            or user,
            locale=profile.get("locale"),
            timezone=profile.get("tz"),
            chat_key=dm or self.dm_of(team, user),
        )

    def remember_dm(self, team: str, user: str, channel: str) -> None:
        with self._lock:
            self._dms[(team, user)] = channel
            self._dms.move_to_end((team, user))
            while len(self._dms) > KNOWN_DMS:
                self._dms.popitem(last=False)

    def dm_of(self, team: str, user: str) -> str:
        """The bot's direct-message channel with this user (opened once, then remembered)."""
        with self._lock:
            known = self._dms.get((team, user))
        if known:
            return known
        channel = str(self.client.conversations_open(users=user)["channel"]["id"])
        self.remember_dm(team, user, channel)
        return channel

    def first_time(self, event_id: str | None) -> bool:
        """False for an event this process has already taken (Slack retries after 3 s)."""
        if not event_id:
            return True
        with self._lock:
            if event_id in self._seen:
                return False
            self._seen[event_id] = None
            while len(self._seen) > SEEN_EVENTS:
                self._seen.popitem(last=False)
        return True

    @staticmethod
    def trigger_receipt(trigger_id: str | None) -> tuple[str, str] | None:
        return ("slack-trigger", trigger_id) if trigger_id else None

    # -- replies -----------------------------------------------------------------------------

    def run(
        self,
        context: BoltContext,
        person_id: int,
        inbound: Inbound,
        trigger_id: str | None,
        receipt: tuple[str, str] | None = None,
    ) -> None:
        """Hand one inbound to the core, show its replies in the DM, refresh the App Home."""
        replies = self.core.handle(
            inbound, modal_forms=True, receipt=receipt or self.trigger_receipt(trigger_id)
        )
        locale = self.core.locale_of(person_id)
        self.deliver_replies(_who(context), replies, locale, trigger_id)
        self.publish_home(_who(context)[1], person_id)

    def deliver_replies(
        self, who: tuple[str, str], replies: list[Reply], locale: str, trigger_id: str | None
    ) -> None:
        """Post the replies in order in the DM of `who` (team, user); what Slack does not take
        now waits in the outbox."""
        index = 0
        try:
            channel = self.dm_of(*who)
            for index, reply in enumerate(replies):  # noqa: B007 (the except reads it)
                trigger_id = self.show(channel, reply.item, locale, trigger_id)
        except (SlackApiError, OSError):
            log.exception("Slack did not take a reply for %s; the rest waits", who[1])
            self.core.defer(replies[index:])

    def show(self, channel: str, item: Item, locale: str, trigger_id: str | None) -> str | None:
        """Show one reply; a form opens as a modal while the trigger id is fresh (it is then
        used up: the trigger id left is returned), else it waits behind an "open" button."""
        if isinstance(item, Form):
            if trigger_id and self.open_modal(trigger_id, item, locale):
                return None
            text = self.spell(t(locale, "slack-form-waiting", title=item.title))
            blocks = kit.open_form_blocks(text, t(locale, "slack-open-form"))
            self.pacer.wait(channel)
            self.client.chat_postMessage(channel=channel, text=kit.fallback(text), blocks=blocks)
        elif isinstance(item, FormErrors):
            self.post(channel, Message("\n".join(item.errors.values())))
        else:
            self.post(channel, item)
        return trigger_id

    def open_modal(self, trigger_id: str, form: Form, locale: str) -> bool:
        try:
            self.client.views_open(trigger_id=trigger_id, view=self.modal(form, locale))
        except SlackApiError as exc:
            log.warning("views.open failed (%s); offering a button", exc.response.get("error"))
            return False
        return True

    def modal(self, form: Form, locale: str) -> dict[str, Any]:
        return kit.modal_view(form, t(locale, "slack-submit"), t(locale, "slack-cancel"))

    def post(self, channel: str, item: Item) -> None:
        """One message, choice or file in a conversation, its command hints spelt for Slack."""
        if isinstance(item, File):
            self.pacer.wait(channel)
            self.client.files_upload_v2(
                channel=channel,
                content=item.content,
                filename=item.filename,
                title=item.filename,
                initial_comment=kit.escape(self.spell(item.caption)) if item.caption else None,
            )
            return
        if isinstance(item, Choice):
            blocks, actions = kit.choice_blocks(replace(item, text=self.spell(item.text)))
        elif isinstance(item, Message):
            blocks, actions = kit.sections(self.spell(item.text)), []
        else:
            raise TypeError(f"cannot post {type(item).__name__}")
        text = kit.fallback(self.spell(item.text))
        for batch in kit.batches(blocks, actions):
            self.pacer.wait(channel)
            self.client.chat_postMessage(channel=channel, text=text, blocks=batch)

    def publish_home(self, user: str, person_id: int) -> None:
        """Refresh the person's App Home; a failure here must never undo what was done."""
        try:
            home = self.core.home(person_id)
            home = replace(home, lines=tuple(self.spell(line) for line in home.lines))
            view = kit.home_view(home, t(self.core.locale_of(person_id), "home-figures"))
            self.client.views_publish(user_id=user, view=view)
        except Exception:
            log.exception("App Home of %s not refreshed", user)


def _who(context: BoltContext) -> tuple[str, str]:
    """(team, user) of the request: the key of a Slack account (organisation-wide apps have
    only an enterprise id)."""
    return str(context.team_id or context.enterprise_id or ""), str(context.user_id)


def _retry_after(headers: dict[str, Any]) -> float | None:
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            return float(raw) if str(raw).strip().isdigit() else None
    return None
