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

Slack gets its ack before the work is done and will not send the event again, so an event
that finds the database unreachable is kept, encrypted, in the inbound spool
(`bot.inbound_spool`) and replayed once the database answers; while a person has events
waiting there, their new ones queue behind, so each person's order holds (one person's events
are handled one at a time). The person is told once that the answer will come. A modal
submission, whose answer travels in the ack, stays open instead, asking to send it again.
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
from slack_sdk.signature import SignatureVerifier
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.adapters import slack_blocks as kit
from bot.adapters import slack_modals as modals
from bot.adapters.http_guard import Refused, read_capped
from bot.adapters.slack_shapes import check_slack_body, is_ssl_check
from bot.config import Settings
from bot.delivery import RetryLater, Undeliverable, deliver_due
from bot.inbound_spool import Pending, drain_forever, open_spool
from handlers.core import Core
from handlers.mentions import referenced, render_refs
from handlers.ui import Choice, File, Form, FormErrors, Inbound, Item, Message, Reply, Retire
from messages.catalog import t
from storage.models import Identity
from storage.outage import database_unreachable

log = logging.getLogger(__name__)

PLATFORM = "slack"
COMMAND = "/mentorat"
ADMIN_COMMAND = "/mentorat-admin"
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000
UNSIGNED = 401
SEEN_EVENTS = 10_000
KNOWN_DMS = 50_000
LISTENER_THREADS = 16
TURNS = 64  # locks that keep one person's events in turn (a person always gets the same one)
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
        secret = settings.slack_signing_secret
        self.verifier = SignatureVerifier(secret) if secret else None
        self.socket: SocketModeHandler | None = None
        menu = [name for name, _ in core.menu(core.default_locale, coordinator=True)]
        self.spell = kit.command_spelling(menu, COMMAND, ADMIN_COMMAND)
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._dms: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._turns = [threading.Lock() for _ in range(TURNS)]
        self._told: set[str] = set()  # people told their answer is delayed, until it comes
        self.spool = open_spool(settings.inbound_spool_dir, core.engine.url, core.cipher, PLATFORM)
        self._drain: asyncio.Task[None] | None = None
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
        if self.spool is not None:
            self._drain = asyncio.create_task(drain_forever(self.spool, self.replay))

    async def stop(self) -> None:
        self.core.links.pop(PLATFORM, None)
        if self.socket is not None:
            await asyncio.to_thread(self.socket.close)
            self.socket = None
        if self._drain is not None:
            self._drain.cancel()
            await asyncio.gather(self._drain, return_exceptions=True)
            self._drain = None

    async def deliver(self) -> int:
        return await asyncio.to_thread(self.deliver_now)

    async def endpoint(self, request: Request) -> Response:
        """Events, commands and interactions: the body is read under a cap (413), its signature
        checked (401), then its shape (400, see `slack_shapes`); only then does Bolt see it."""
        try:
            body = await read_capped(request, MAX_BODY)
            if is_ssl_check(body):  # Slack's certificate check, which it does not sign
                return Response()
            if not self.signed(body, request.headers):
                raise Refused(UNSIGNED, "bad signature")
            check_slack_body(body, request.headers.getlist("content-type"))
        except Refused as refused:
            return refused.response(PLATFORM)
        bolt_response = await run_in_threadpool(self.app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    def signed(self, body: bytes, headers: Headers) -> bool:
        """Slack's signature of this body, made in the last five minutes. Headers repeated or
        not even shaped right, and a body that is not UTF-8 (slack_sdk signs text), are
        simply a bad signature."""
        timestamps = headers.getlist("x-slack-request-timestamp")
        signatures = headers.getlist("x-slack-signature")
        if self.verifier is None or len(timestamps) != 1 or len(signatures) != 1:
            return False
        [timestamp], [signature] = timestamps, signatures
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            return False
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return signature.isascii() and self.verifier.is_valid(text, timestamp, signature)

    # -- outbox ------------------------------------------------------------------------------

    def deliver_now(self) -> int:
        """One delivery pass, then the App Home of everyone who got something is refreshed."""
        reached: dict[int, Identity] = {}

        def send(identity: Identity, item: Item) -> None:
            self.send(identity, item)
            reached[identity.person_id] = identity

        sent = deliver_due(self.core.engine, PLATFORM, send)
        for person_id, identity in reached.items():
            self.publish_home(identity.user_key, person_id, identity.team)
        return sent

    def send(self, identity: Identity, item: Item) -> None:
        """Post one outbox item to the person's direct messages; errors say retry or give up."""
        try:
            channel = identity.chat_key or self.dm_of(identity.team, identity.user_key)
            self.post(channel, item, identity.team)
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
        app.view(modals.FORM_CALLBACK)(self.on_submission)
        app.view_closed(modals.FORM_CALLBACK)(self.on_closed)

    def on_command(
        self, ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        """`/mentorat word args` is `/word args` for the core; `/mentorat-admin args` `/admin`."""
        ack()
        words = kit.unescape(command.get("text") or "").strip().lstrip("/")
        if command.get("command") == ADMIN_COMMAND:
            text = f"/admin {words}".strip()
        else:
            text = "/" + (words or "status")
        elsewhere = command.get("channel_name") not in ("directmessage", None)
        job = {"kind": "text", "text": text, "trigger": command.get("trigger_id")}
        self.take(_who(context), job, respond if elsewhere else None)

    def on_message(self, event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        """A direct message to the bot, handled like a console line; any other is ignored."""
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not event.get("user") or not self.first_time(body.get("event_id")):
            return
        text = kit.unescape(event.get("text") or "")
        job = {
            "kind": "text",
            "text": text,
            "dm": event.get("channel"),
            "event": body.get("event_id"),
        }
        self.take(_who(context), job)

    def on_home_opened(
        self, event: dict[str, Any], body: dict[str, Any], context: BoltContext
    ) -> None:
        """The App Home tab opened: refreshed now, or not at all while the database is away."""
        if event.get("tab", "home") != "home" or not self.first_time(body.get("event_id")):
            return
        who = _who(context)
        try:
            with self._turn(_key(who)):
                self.work(who, {"kind": "home", "dm": event.get("channel")})
        except Exception as exc:
            if not database_unreachable(exc):
                raise
            log.warning("App Home of %s not refreshed: the database is unreachable", who[1])

    def on_choice(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        """A button of a choice: the message loses its buttons, then the core gets the click."""
        ack()
        container = body.get("container", {})
        channel, ts = container.get("channel_id"), container.get("message_ts")
        message = body.get("message", {})
        mark = None
        if channel and ts:
            label = action.get("text", {}).get("text", "")
            mark = {"channel": channel, "ts": ts, "label": label, "text": message.get("text"),
                    "blocks": message.get("blocks", [])}  # fmt: skip
        parsed = kit.parse_choice_value(str(action.get("value", "")))
        choice = list(parsed) if parsed is not None else None
        job = {"kind": "choice", "choice": choice, "mark": mark, "trigger": body.get("trigger_id")}
        self.take(_who(context), job)

    def on_open_form(self, ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        """The "open the form" button: the modal of the form the core is waiting for."""
        ack()
        self.take(_who(context), {"kind": "form", "trigger": body.get("trigger_id")})

    def on_home_action(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        """The App Home button runs its command, as if typed; replies go to the DM."""
        ack()
        text = "/" + str(action.get("value", "status"))
        self.take(_who(context), {"kind": "text", "text": text, "trigger": body.get("trigger_id")})

    def on_submission(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        """A modal submitted: the core decides within the ack (errors shown on the fields).

        While the database is unreachable, or the person's earlier events wait for it, the
        modal stays open with its answers and asks to be sent again in a moment.
        """
        who = _who(context)
        with self._turn(_key(who)):
            answered = None if self.waits(who) else self.submit(who, body, view)
            if answered is None:
                retry = {"": t(self.core.default_locale, "outage-form-retry")}
                ack(response_action="errors", errors=modals.error_block_ids(view, retry))
                return
            person_id, locale, replies = answered
            errors = {
                k: v
                for r in replies
                if isinstance(r.item, FormErrors)
                for k, v in r.item.errors.items()
            }
            following = next((r.item for r in replies if isinstance(r.item, Form)), None)
            if errors:
                ack(response_action="errors", errors=modals.error_block_ids(view, errors))
            elif following is not None:
                ack(response_action="update", view=self.modal(following, locale))
            else:
                ack()
            rest = [r for r in replies if not isinstance(r.item, FormErrors | Form)]
            self.deliver_replies(who, rest, locale, None)
            self.publish_home(who[1], person_id, who[0])

    def on_closed(self, ack: Ack, view: dict[str, Any], context: BoltContext) -> None:
        """A modal closed with its Cancel button or cross: its form stops waiting, and the
        person is told nothing was saved."""
        ack()
        job = {"kind": "closed", "form": str(view.get("private_metadata", ""))}
        self.take(_who(context), job)

    def submit(
        self, who: tuple[str, str], body: dict[str, Any], view: dict[str, Any]
    ) -> tuple[int, str, list[Reply]] | None:
        """The person, their locale and the core's replies to a modal; None while the
        database is unreachable."""
        try:
            person_id = self.person(who, None)
            locale = self.core.locale_of(person_id)
            values = modals.form_values(
                view.get("state", {}).get("values", {}), self.core.current_form(person_id)
            )
            inbound = Inbound(
                person_id, form_id=view.get("private_metadata", ""), form_values=values
            )
            receipt = self.trigger_receipt(body.get("trigger_id"))
            return person_id, locale, self.core.handle(inbound, modal_forms=True, receipt=receipt)
        except Exception as exc:
            if database_unreachable(exc):
                return None
            raise

    # -- people and conversations ------------------------------------------------------------

    def person(self, who: tuple[str, str], dm: str | None) -> int:
        """The person behind this Slack user; created from their profile at first contact."""
        team, user = who
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
            timezone_known=True,  # the profile's own zone, not a guess
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

    def take(self, who: tuple[str, str], job: dict[str, Any], hint: Respond | None = None) -> None:
        """Do one job now, after the person's earlier ones; while the database is unreachable,
        keep it in the spool for later (`hint`: the command came from a channel, not the DM)."""
        key = _key(who)
        with self._turn(key):
            if not self.waits(who):
                try:
                    self.work(who, job, hint=hint)
                except Exception as exc:
                    if not database_unreachable(exc):
                        raise
                    self.tell_waiting(who)
                else:
                    with self._lock:
                        self._told.discard(key)
                    return
            self.keep(who, job)

    def work(
        self,
        who: tuple[str, str],
        job: dict[str, Any],
        *,
        hint: Respond | None = None,
        fresh: bool = True,
    ) -> None:
        """One job: the person, then the core, then the replies in the DM and the App Home.

        Whatever needs the database is read before the core handles the event: after that, a
        replay would find the event's receipt and answer nothing. A replayed job is not
        `fresh`: its trigger id has expired, so a form waits behind a button.
        """
        person_id = self.person(who, job.get("dm"))
        locale = self.core.locale_of(person_id)
        trigger = job.get("trigger") if fresh else None
        kind = job["kind"]
        if kind == "home":
            self.publish_home(who[1], person_id, who[0])
            return
        if kind == "closed":
            if self.core.close_form(person_id, job["form"]):
                self.post(self.dm_of(*who), Message(t(locale, "slack-form-closed")), who[0])
                self.publish_home(who[1], person_id, who[0])
            return
        if kind == "form":
            form = self.core.current_form(person_id)
            channel = self.dm_of(*who)
            if form is None:
                self.post(channel, Message(t(locale, "error-form-stale")))
            else:
                self.show(channel, form, locale, trigger)
            return
        if hint is not None:
            point_to_dm(hint, locale)
        if kind == "choice":
            if job["mark"]:
                self.mark_chosen(job["mark"], locale)
            if job["choice"] is None:
                return
            inbound = Inbound(person_id, prompt_id=job["choice"][0], option=job["choice"][1])
        else:
            inbound = Inbound(person_id, text=job["text"])
        event = job.get("event")
        receipt = (PLATFORM, str(event)) if event else self.trigger_receipt(job.get("trigger"))
        replies = self.core.handle(inbound, modal_forms=True, receipt=receipt)
        self.deliver_replies(who, replies, locale, trigger)
        self.publish_home(who[1], person_id, who[0])

    def mark_chosen(self, mark: dict[str, Any], locale: str) -> None:
        """The pressed choice's message loses its buttons and shows the choice."""
        chosen = t(locale, "slack-chosen", label=mark["label"])
        try:
            self.client.chat_update(
                channel=mark["channel"],
                ts=mark["ts"],
                text=mark["text"] or kit.fallback(chosen),
                blocks=kit.chosen_blocks(mark["blocks"], chosen),
            )
        except SlackApiError as exc:  # the click still counts; the core refuses a second
            log.warning("chat.update failed: %s", exc.response.get("error"))

    def waits(self, who: tuple[str, str]) -> bool:
        """Whether this person has events in the spool (new ones then queue behind)."""
        return self.spool is not None and self.spool.holds(_key(who))

    def keep(self, who: tuple[str, str], job: dict[str, Any]) -> None:
        """Put a job in the spool (encrypted: it holds the person's words)."""
        if self.spool is None:
            log.error(
                "Slack %s of %s lost: the database is unreachable and INBOUND_SPOOL_DIR is unset",
                job["kind"],
                who[1],
            )
            return
        try:
            self.spool.put(_key(who), {"who": list(who), "job": job})
        except OSError as exc:
            log.error("Slack %s of %s lost: it could not be spooled (%s)", job["kind"], who[1], exc)

    def tell_waiting(self, who: tuple[str, str]) -> None:
        """Say once that the answer will come (best effort; the person's language is in the
        database, so the default one)."""
        key = _key(who)
        with self._lock:
            if key in self._told:
                return
            self._told.add(key)
        try:
            self.post(self.dm_of(*who), Message(t(self.core.default_locale, "outage-wait")))
        except (SlackApiError, OSError) as exc:
            log.info("could not tell %s the answer is delayed: %s", who[1], exc)

    async def replay(self, item: Pending) -> None:
        """A spooled job, once the database answers again (the spool's background task)."""
        await asyncio.to_thread(self.replay_now, item)

    def replay_now(self, item: Pending) -> None:
        team, user = item.payload["who"]
        with self._turn(item.key):
            self.work((str(team), str(user)), item.payload["job"], fresh=False)
        with self._lock:
            self._told.discard(item.key)

    def _turn(self, key: str) -> threading.Lock:
        return self._turns[hash(key) % TURNS]

    def deliver_replies(
        self, who: tuple[str, str], replies: list[Reply], locale: str, trigger_id: str | None
    ) -> None:
        """Post the replies in order in the DM of `who` (team, user); what Slack does not take
        now waits in the outbox."""
        index = 0
        try:
            channel = self.dm_of(*who)
            for index, reply in enumerate(replies):  # noqa: B007 (the except reads it)
                trigger_id = self.show(channel, reply.item, locale, trigger_id, who[0])
        except (SlackApiError, OSError):
            log.exception("Slack did not take a reply for %s; the rest waits", who[1])
            self.core.defer(replies[index:])

    def show(
        self, channel: str, item: Item, locale: str, trigger_id: str | None, team: str = ""
    ) -> str | None:
        """Show one reply; a form opens as a modal while the trigger id is fresh (it is then
        used up: the trigger id left is returned), else it waits behind an "open" button.
        People named in it are mentioned when they are in the reader's workspace `team`."""
        if isinstance(item, Form):
            if trigger_id and self.open_modal(trigger_id, item, locale):
                return None
            text = self.spell(t(locale, "slack-form-waiting", title=item.title))
            blocks = kit.open_form_blocks(text, t(locale, "slack-open-form"))
            self.pacer.wait(channel)
            self.client.chat_postMessage(channel=channel, text=kit.fallback(text), blocks=blocks)
        elif isinstance(item, FormErrors):
            self.post(channel, Message("\n".join(item.errors.values())))
        elif isinstance(item, Retire):
            self.retire(item)
        else:
            self.post(channel, item, team)
        return trigger_id

    def open_modal(self, trigger_id: str, form: Form, locale: str) -> bool:
        try:
            self.client.views_open(trigger_id=trigger_id, view=self.modal(form, locale))
        except SlackApiError as exc:
            log.warning("views.open failed (%s); offering a button", exc.response.get("error"))
            return False
        return True

    def modal(self, form: Form, locale: str) -> dict[str, Any]:
        return modals.modal_view(
            form, t(locale, "slack-submit"), t(locale, "slack-cancel"), t(locale, "slack-time")
        )

    def words(self, text: str, team: str) -> str:
        """A core text in Slack's terms: command hints spelt as Slack commands, the people it
        names as mentions when they are in the reader's workspace `team`, else by name."""
        users: dict[int, str] = {}
        try:
            users = self.core.accounts_in(referenced(text), PLATFORM, team) if team else {}
        except Exception as exc:  # a reply already decided is sent with names, not held back
            if not database_unreachable(exc):
                raise
            log.warning("mentions shown as names: the database is unreachable")

        def named(person_id: int, name: str) -> str:
            user = users.get(person_id)
            return kit.mention_mark(user) if user else name

        return self.spell(render_refs(text, named))

    def post(self, channel: str, item: Item, team: str = "") -> None:
        """One message, choice or file in a conversation, its command hints spelt for Slack
        and the people it names mentioned (see `words`)."""
        if isinstance(item, File):
            self.pacer.wait(channel)
            self.client.files_upload_v2(
                channel=channel,
                content=item.content,
                filename=item.filename,
                title=item.filename,
                initial_comment=kit.fallback(self.words(item.caption, team))
                if item.caption
                else None,
            )
            return
        if not isinstance(item, Choice | Message):
            raise TypeError(f"cannot post {type(item).__name__}")
        said = self.words(item.text, team)
        if isinstance(item, Choice):
            blocks, actions = kit.choice_blocks(replace(item, text=said))
        else:
            blocks, actions = kit.sections(said), []
        text = kit.fallback(said)
        for batch in kit.batches(blocks, actions):
            self.pacer.wait(channel)
            posted = self.client.chat_postMessage(channel=channel, text=text, blocks=batch)
        if isinstance(item, Choice) and item.prompt_id is not None:
            where = {"channel": posted["channel"], "ts": posted["ts"], "text": text}
            self.record_shown(item.prompt_id, {"platform": PLATFORM, **where, "blocks": batch})

    def record_shown(self, prompt_id: int, where: dict[str, Any]) -> None:
        """Tell the core where a choice's buttons are, to take them away once it is answered
        by typing; the message is out, so a failure here is only logged."""
        try:
            self.core.shown(prompt_id, where)
        except Exception:
            log.exception("where prompt %s was shown could not be kept", prompt_id)

    def retire(self, item: Retire) -> None:
        """A choice answered by typing (or replaced) loses its buttons, as a clicked one does
        (`mark_chosen`), showing what was picked if anything."""
        where = item.where
        if where.get("platform") != PLATFORM:
            return  # shown on another platform of the same person: out of reach from here
        blocks = where.get("blocks") or []
        kept = kit.chosen_blocks(blocks, item.note) if item.note else kit.without_buttons(blocks)
        try:
            self.client.chat_update(
                channel=where["channel"], ts=where["ts"], text=where.get("text"), blocks=kept
            )
        except SlackApiError as exc:
            log.warning("chat.update of an answered choice failed: %s", exc.response.get("error"))

    def publish_home(self, user: str, person_id: int, team: str = "") -> None:
        """Refresh the App Home of the account's person (`/link` may just have joined it to
        another one); a failure here, the database's included, never undoes what was done nor
        makes the event wait to be replayed."""
        try:
            person_id = self.core.find(PLATFORM, user, team=team) or person_id
            home = self.core.home(person_id)
            home = replace(
                home,
                lines=tuple(self.words(line, team) for line in home.lines),
                meetings=tuple(self.words(line, team) for line in home.meetings),
            )
            view = kit.home_view(home, t(self.core.locale_of(person_id), "home-figures"))
            self.client.views_publish(user_id=user, view=view)
        except Exception as exc:
            if database_unreachable(exc):
                log.warning("App Home of %s not refreshed: the database is unreachable", user)
            else:
                log.exception("App Home of %s not refreshed", user)


def _key(who: tuple[str, str]) -> str:
    """The spool's key of a Slack account."""
    return f"{who[0]}/{who[1]}"


def point_to_dm(hint: Respond, locale: str) -> None:
    """Tell someone who typed a command in a channel that the answer is in their DM; a
    courtesy: when the channel cannot be reached, the command still goes on."""
    try:
        hint(t(locale, "slack-see-dm"), response_type="ephemeral")
    except Exception as exc:  # response_url expired or unreachable: the DM still gets it all
        log.warning("could not point to the DM from a channel: %s", type(exc).__name__)


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
