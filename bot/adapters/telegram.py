"""The Telegram adapter, on python-telegram-bot 22: renders the core's values, decides nothing.

- Updates come by long polling (default) or by webhook on the runner's HTTP server when
  TELEGRAM_WEBHOOK_URL is set; a webhook request without the right secret token gets a 403.
  Both are handled one at a time, in order, and confirmed only once handled or kept safe:
  while the database is unreachable, polling does not confirm the update (Telegram keeps it;
  it is pulled again after a back-off, the rest of its batch with it), and the webhook stores
  it, encrypted, in the inbound spool (`bot.inbound_spool`) before answering 200, or answers
  503 if it cannot, so that Telegram sends it again. Spooled updates are replayed in order once
  the database answers, and a chat's new updates queue behind its spooled ones. The person is
  told once that the answer will come; a failure that is a bug is logged and not retried.
- Every update goes to the core with the receipt `("telegram", "<bot id>:<update_id>")`, so an
  update handled before (redelivered, replayed, or pulled again after a restart) does nothing.
  Conversation state is the core's, in the database: no ConversationHandler, no persistence.
- A Choice becomes an inline keyboard whose buttons carry signed, opaque `callback_data`
  (prompt id and option index); a press is acknowledged at once, then the message is edited to
  show what was chosen, without its keyboard, so an old keyboard cannot be pressed again. Where
  a keyboard went is told to the core (`Core.shown`); a choice answered by typing, or replaced,
  comes back as a `Retire` and its message is edited the same way.
- Texts are sent as HTML, escaped, split at line ends under 4,096 characters; files go out as
  documents (images as photos). Sends honour 429 `retry_after` and retry 5xx and time-outs.
- Polling is our own small loop rather than PTB's Updater, because the Updater gives up for good
  on a 404 (it takes it for a bad token); ours logs, backs off and carries on.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Update,
    User,
)
from telegram import Message as TgMessage
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.adapters.http_guard import BAD_REQUEST, Refused, checked_json, read_capped
from bot.adapters.telegram_render import (
    MAX_BUTTONS,
    ButtonData,
    api_urls,
    escape,
    fits_caption,
    menu_commands,
    numbered,
    split_html,
    webhook_secret,
    with_choice,
)
from bot.adapters.telegram_shapes import UPDATE_SHAPE
from bot.config import Settings
from bot.delivery import RetryLater, Undeliverable, deliver_due
from bot.domain.zones import zone_from_language
from bot.inbound_spool import Pending, drain_forever, open_spool
from handlers.core import Core
from handlers.ui import Choice, File, Form, FormErrors, Inbound, Item, Message, Reply, Retire
from messages.catalog import supported, t
from storage.models import Identity
from storage.outage import database_unreachable

log = logging.getLogger(__name__)
T = TypeVar("T")

PLATFORM = "telegram"
ALLOWED_UPDATES = ("message", "callback_query")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_WEBHOOK_PATH = "/telegram"
MAX_WEBHOOK_BODY = 1_000_000
PHOTO_TYPES = {"image/png", "image/jpeg", "image/webp"}
PHOTO_LIMIT = 10_000_000
PATIENT_ATTEMPTS = 6
BACKOFF_CAP = 30.0
OUTAGE_BACKOFF_CAP = 15.0  # longest wait before pulling a held update again
DELIVERY_TIMEOUT = 60.0
SEND_TIMEOUT = 20.0


class TelegramAdapter:
    """The runner's PlatformAdapter for Telegram."""

    platform = PLATFORM

    def __init__(self, core: Core, settings: Settings, *, poll_timeout: float = 30.0) -> None:
        token = settings.telegram_bot_token
        if not token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        self.core = core
        self.poll_timeout = poll_timeout
        self.webhook_url = _webhook_url(settings.telegram_webhook_url)
        self.secret = webhook_secret(settings.telegram_webhook_secret, token)
        self.buttons = ButtonData(token)
        self.receipt_prefix = token.split(":", 1)[0]
        self.updates_done = 0  # updates fully handled by this process (tests wait on it)
        base_url, base_file_url = api_urls(settings.telegram_api_url)
        self.application: Application = (
            ApplicationBuilder()
            .token(token)
            .base_url(base_url)
            .base_file_url(base_file_url)
            .rate_limiter(AIORateLimiter(max_retries=0))
            .updater(None)
            .build()
        )
        self.spool = open_spool(settings.inbound_spool_dir, core.engine.url, core.cipher, PLATFORM)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._order = asyncio.Lock()
        self._told: set[int] = set()  # chats told their answer is delayed, until it comes
        self._tasks: set[asyncio.Task[None]] = set()
        self._poller: asyncio.Task[None] | None = None
        self._offset: int | None = None
        self._pause_until = 0.0
        self._menus_set: set[int] = set()

    # -- lifecycle ---------------------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        if not self.webhook_url:
            return []
        return [Route(urlsplit(self.webhook_url).path, self._webhook, methods=["POST"])]

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._order = asyncio.Lock()
        await self._initialize()
        # The invitation deep link coordinators share needs the bot's real username (getMe).
        self.core.links[PLATFORM] = f"https://t.me/{self.application.bot.username}?start={{code}}"
        await self.application.start()
        if self.webhook_url:
            self._spawn(self._set_webhook())
        else:
            self._spawn(self._delete_webhook())
            self._poller = asyncio.create_task(self._poll(), name="telegram-polling")
        self._spawn(self._set_menus())
        if self.spool is not None:
            self._spawn(drain_forever(self.spool, self._replay))

    async def stop(self) -> None:
        self.core.links.pop(PLATFORM, None)
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.application.running:
            await self.application.stop()
        if self._poller is not None and self._offset is not None:
            await self._confirm_offset()
        await self.application.shutdown()

    async def _initialize(self) -> None:
        """getMe and friends; a Bot API that is down for a moment only delays the start."""
        for attempt in range(PATIENT_ATTEMPTS):
            try:
                await self.application.initialize()
                return
            except InvalidToken:
                raise
            except (NetworkError, RetryAfter) as exc:
                if attempt == PATIENT_ATTEMPTS - 1:
                    raise
                delay = _retry_seconds(exc) if isinstance(exc, RetryAfter) else 2**attempt
                log.warning("Telegram getMe failed (%s); retrying in %.1f s", exc, delay)
                await asyncio.sleep(delay)

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- incoming: polling and webhook -------------------------------------------------------

    async def _poll(self) -> None:
        """Long polling that survives 429, 5xx, 404 and 409: log, wait, go on.

        A batch is confirmed (by the next call's offset) only once it has been handled, so a
        crash loses nothing: the batch comes again and the receipts make it a no-op. An update
        the database could not take is not confirmed: the batch stops there and is pulled
        again from it after a growing wait, which keeps every chat's order.
        """
        failures = 0
        outages = 0
        while True:
            try:
                updates = await self.application.bot.get_updates(
                    offset=self._offset,
                    timeout=int(self.poll_timeout),
                    allowed_updates=ALLOWED_UPDATES,
                )
            except RetryAfter as exc:
                delay = _retry_seconds(exc)
            except Exception as exc:
                failures += 1
                delay = min(BACKOFF_CAP, 0.25 * 2 ** min(failures, 8))
                log.warning("Telegram getUpdates failed (%s); retrying in %.1f s", exc, delay)
            else:
                failures = 0
                held = await self._take_batch(updates)
                if held is None:
                    outages = 0
                    if updates:
                        self._offset = max(u.update_id for u in updates) + 1
                    continue
                self._offset = held.update_id
                delay = min(OUTAGE_BACKOFF_CAP, 0.5 * 2 ** min(outages, 5))
                outages += 1
                log.warning(
                    "the database is unreachable: Telegram update %s and those after it are "
                    "pulled again in %.1f s",
                    held.update_id,
                    delay,
                )
            await asyncio.sleep(delay)

    async def _take_batch(self, updates: list[Update]) -> Update | None:
        """Handle a pulled batch in order; the first update that must be pulled again, if any."""
        for update in updates:
            if not await self._take(update, spool=False):
                return update
        return None

    async def _confirm_offset(self) -> None:
        """Tell Telegram the updates pulled so far are taken, so a restart does not pull them."""
        try:
            await self.application.bot.get_updates(offset=self._offset, timeout=0)
        except TelegramError as exc:
            log.info("could not confirm Telegram updates before stopping: %s", exc)

    async def _webhook(self, request: Request) -> Response:
        """The secret token first (403), then the body read under a cap (413), then its shape
        (400, see `telegram_shapes`); only then does python-telegram-bot build the update."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return PlainTextResponse("forbidden", status_code=403)
        try:
            body = await read_capped(request, MAX_WEBHOOK_BODY)
            checked_json(UPDATE_SHAPE, body)
            update = _update_of(json.loads(body), self.application.bot)
        except Refused as refused:
            return refused.response(PLATFORM)
        if await self._take(update, spool=True):
            return PlainTextResponse("ok")
        return PlainTextResponse("the database is unreachable", status_code=503)

    # -- handling ----------------------------------------------------------------------------

    async def _take(self, update: Update, *, spool: bool) -> bool:
        """Handle one update after those before it; True once it is handled or kept in the
        spool (with `spool`, or behind its chat's spooled ones), False if it must come again."""
        chat = update.effective_chat
        key = str(chat.id) if chat is not None else ""
        async with self._order:
            if self.spool is not None and self.spool.holds(key):
                return await self._keep(update, key)
            try:
                await self._handle(update)
            except Exception as exc:
                if database_unreachable(exc):
                    await self._tell_waiting(update)
                    return spool and await self._keep(update, key)
                log.error("Telegram update %s failed", update.update_id, exc_info=exc)
            if chat is not None:
                self._told.discard(chat.id)
            self.updates_done += 1
            return True

    async def _handle(self, update: Update) -> None:
        if update.callback_query is not None:
            await self._on_press(update, update.callback_query)
        elif update.message is not None:
            await self._on_message(update, update.message)

    async def _keep(self, update: Update, key: str) -> bool:
        """Store the update in the spool; False when there is none or the disk refuses it."""
        if self.spool is None:
            return False
        try:
            await asyncio.to_thread(self.spool.put, key, update.to_dict())
        except OSError as exc:
            log.error("Telegram update %s could not be spooled: %s", update.update_id, exc)
            return False
        return True

    async def _replay(self, item: Pending) -> None:
        """A spooled update, once the database answers again (the spool's background task)."""
        update = Update.de_json(item.payload, self.application.bot)
        async with self._order:
            await self._handle(update)
            if update.effective_chat is not None:
                self._told.discard(update.effective_chat.id)
            self.updates_done += 1

    async def _tell_waiting(self, update: Update) -> None:
        """Say once, in a private chat, that the answer will come (best effort)."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or chat.type != ChatType.PRIVATE or chat.id in self._told:
            return
        self._told.add(chat.id)
        locale = supported(user.language_code if user is not None else None)
        try:
            await self._send_text(chat.id, t(locale, "outage-wait"), patient=False)
        except TelegramError as exc:
            log.info("could not tell chat %s its answer is delayed: %s", chat.id, exc)

    def _receipt(self, update: Update) -> tuple[str, str]:
        return (PLATFORM, f"{self.receipt_prefix}:{update.update_id}")

    async def _on_message(self, update: Update, message: TgMessage) -> None:
        user = message.from_user
        if user is None or user.is_bot:
            return
        text = message.text
        if message.chat.type != ChatType.PRIVATE:
            if text and text.startswith("/"):
                locale = supported(user.language_code)
                await self._send_text(message.chat.id, t(locale, "telegram-private-only"))
            return
        person = await asyncio.to_thread(self._person, user, message.chat.id)
        if not text:
            locale = await asyncio.to_thread(self.core.locale_of, person)
            await self._send_text(message.chat.id, t(locale, "telegram-text-only"))
            return
        text = self._without_mention(text)
        inbound = Inbound(person, text=text)
        replies = await asyncio.to_thread(self.core.handle, inbound, receipt=self._receipt(update))
        await self._send_replies(message.chat.id, person, replies)
        if text.startswith(("/start", "/admin")):
            self._spawn(self._coordinator_menu(person, message.chat.id))

    async def _on_press(self, update: Update, query: CallbackQuery) -> None:
        press = self.buttons.decode(query.data)
        chat = query.message.chat if query.message is not None else None
        if press is None or chat is None or chat.type != ChatType.PRIVATE:
            locale = supported(query.from_user.language_code)
            await self._answer(query, t(locale, "telegram-button-dead"))
            return
        await self._answer(query)
        person = await asyncio.to_thread(self._person, query.from_user, chat.id)
        locale = await asyncio.to_thread(self.core.locale_of, person)
        inbound = Inbound(person, prompt_id=press.prompt_id, option=press.option)
        # Once the core has handled it, nothing may need the database any more: a replay would
        # find its receipt and answer nothing.
        replies = await asyncio.to_thread(self.core.handle, inbound, receipt=self._receipt(update))
        if isinstance(query.message, TgMessage):  # not when too old for Telegram to show it
            await self._mark_chosen(query.message, query.data or "", locale)
        await self._send_replies(chat.id, person, replies)

    async def _answer(self, query: CallbackQuery, alert: str | None = None) -> None:
        try:
            await query.answer(text=alert, show_alert=alert is not None)
        except TelegramError as exc:
            log.info("answerCallbackQuery failed: %s", exc)

    async def _mark_chosen(self, message: TgMessage, data: str, locale: str) -> None:
        """Show the choice under the question and take the keyboard away."""
        label = _label_of(message, data)
        if label is None:
            return
        edited = with_choice(message.text or "", t(locale, "telegram-chosen", label=label))
        try:
            if edited is not None and message.text:
                await self._patient(
                    lambda: message.edit_text(
                        edited,
                        parse_mode=ParseMode.HTML,
                        link_preview_options=LinkPreviewOptions(is_disabled=True),
                    )
                )
            else:
                await self._patient(lambda: message.edit_reply_markup(reply_markup=None))
        except TelegramError as exc:
            log.info("could not edit the pressed message: %s", exc)

    def _person(self, user: User, chat_id: int) -> int:
        """The person behind this account, created at first contact (in a worker thread)."""
        return self.core.identify(
            PLATFORM,
            str(user.id),
            display_name=user.full_name,
            locale=user.language_code,
            timezone=zone_from_language(user.language_code),  # a hint only: Telegram has no zone
            chat_key=str(chat_id),
        )

    def _without_mention(self, text: str) -> str:
        """`/help@this_bot args` -> `/help args` (commands picked from a menu in some clients)."""
        head, space, rest = text.partition(" ")
        command, at, name = head.partition("@")
        if at and command.startswith("/") and name.lower() == self.application.bot.username.lower():
            return f"{command}{space}{rest}"
        return text

    # -- outgoing ----------------------------------------------------------------------------

    async def _send_replies(self, chat_id: int, person: int, replies: list[Reply]) -> None:
        mine = [reply for reply in replies if reply.person_id == person]
        if len(mine) != len(replies):
            log.warning("replies for other people than %s dropped", person)
        for index, reply in enumerate(mine):
            if isinstance(reply.item, Retire):
                await self._retire(reply.item)
                continue
            try:
                await self._render(chat_id, reply.item, patient=True)
            except TelegramError:
                log.exception("Telegram chat %s unreachable; the rest waits in the outbox", chat_id)
                await asyncio.to_thread(self.core.defer, mine[index:])
                return

    async def _render(self, chat_id: int | str, item: Item, *, patient: bool) -> None:
        """Send one neutral item to a chat."""
        if isinstance(item, Message):
            await self._send_text(chat_id, item.text, patient=patient)
        elif isinstance(item, Choice):
            await self._send_choice(chat_id, item, patient=patient)
        elif isinstance(item, File):
            await self._send_file(chat_id, item, patient=patient)
        elif isinstance(item, Form):
            await self._send_text(chat_id, item.title, patient=patient)
        elif isinstance(item, FormErrors):
            await self._send_text(chat_id, "\n".join(item.errors.values()), patient=patient)

    async def _send_text(
        self,
        chat_id: int | str,
        text: str,
        keyboard: InlineKeyboardMarkup | None = None,
        *,
        patient: bool = True,
    ) -> TgMessage | None:
        """Send a text in as many messages as it takes; the last one (which carries the
        keyboard) is returned."""
        parts = split_html(escape(text))
        last = None
        for index, part in enumerate(parts):
            markup = keyboard if index == len(parts) - 1 else None
            last = await self._call(
                lambda part=part, markup=markup: self.application.bot.send_message(
                    chat_id,
                    part,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                ),
                patient=patient,
            )
        return last

    async def _send_choice(self, chat_id: int | str, choice: Choice, *, patient: bool) -> None:
        text = choice.text.strip() or t(self.core.default_locale, "telegram-choose")
        if choice.prompt_id is None or len(choice.options) > MAX_BUTTONS:
            await self._send_text(chat_id, numbered(text, choice.options), patient=patient)
            return
        rows = [
            [
                InlineKeyboardButton(
                    option.label, callback_data=self.buttons.encode(choice.prompt_id, i)
                )
            ]
            for i, option in enumerate(choice.options)
        ]
        sent = await self._send_text(chat_id, text, InlineKeyboardMarkup(rows), patient=patient)
        if sent is not None:
            where = {"platform": PLATFORM, "chat": sent.chat_id, "message": sent.message_id}
            await self._record_shown(choice.prompt_id, {**where, "text": sent.text or ""})

    async def _record_shown(self, prompt_id: int, where: dict[str, Any]) -> None:
        """Tell the core where the keyboard is, to take it away once the choice is answered by
        typing; the message is out, so a failure here is only logged."""
        try:
            await asyncio.to_thread(self.core.shown, prompt_id, where)
        except Exception:
            log.exception("where prompt %s was shown could not be kept", prompt_id)

    async def _retire(self, item: Retire) -> None:
        """Take the keyboard away from a choice answered by typing (or replaced), showing what
        was chosen under the question as a press would."""
        where = item.where
        if where.get("platform") != PLATFORM:
            return  # shown on another platform of the same person: that adapter cannot reach it
        bot, chat, message_id = self.application.bot, where["chat"], where["message"]
        edited = with_choice(where.get("text") or "", item.note) if item.note else None
        try:
            if edited is not None and where.get("text"):
                await self._patient(
                    lambda: bot.edit_message_text(
                        edited,
                        chat_id=chat,
                        message_id=message_id,
                        parse_mode=ParseMode.HTML,
                        link_preview_options=LinkPreviewOptions(is_disabled=True),
                    )
                )
            else:
                await self._patient(
                    lambda: bot.edit_message_reply_markup(
                        chat_id=chat, message_id=message_id, reply_markup=None
                    )
                )
        except TelegramError as exc:
            log.info("could not take the keyboard away from an answered choice: %s", exc)

    async def _send_file(self, chat_id: int | str, item: File, *, patient: bool) -> None:
        caption = item.caption.strip()
        if caption and not fits_caption(caption):
            await self._send_text(chat_id, caption, patient=patient)
            caption = ""
        bot = self.application.bot
        photo = item.mime_type in PHOTO_TYPES and len(item.content) <= PHOTO_LIMIT
        send = bot.send_photo if photo else bot.send_document
        await self._call(
            lambda: send(
                chat_id,
                item.content,
                caption=escape(caption) or None,
                parse_mode=ParseMode.HTML,
                filename=item.filename,
            ),
            patient=patient,
        )

    async def _patient(self, make: Callable[[], Awaitable[T]]) -> T:
        return await self._call(make, patient=True)

    async def _call(self, make: Callable[[], Awaitable[T]], *, patient: bool) -> T:
        """One Bot API call under Telegram's limits: waits out a 429 (for every send, as Telegram
        asks), retries 5xx, time-outs and 404s with back-off; a 400 or 403 is final.

        Impatient calls (the delivery worker's) give up at once on a 429 and after one retry
        otherwise, so the outbox row is tried again later instead of holding its transaction.
        """
        attempts = PATIENT_ATTEMPTS if patient else 2
        attempt = 0
        while True:
            await self._wait_pause()
            try:
                return await make()
            except (BadRequest, Forbidden):
                raise
            except RetryAfter as exc:
                delay = _retry_seconds(exc)
                self._pause(delay)
                if not patient or attempt + 1 >= attempts:
                    raise
            except (NetworkError, InvalidToken) as exc:
                if attempt + 1 >= attempts:
                    raise
                delay = min(BACKOFF_CAP, 0.25 * 2**attempt)
                log.warning("Telegram call failed (%s); retrying in %.2f s", exc, delay)
            attempt += 1
            await asyncio.sleep(delay)

    def _pause(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._pause_until = max(self._pause_until, loop.time() + seconds)

    async def _wait_pause(self) -> None:
        wait = self._pause_until - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)

    # -- the outbox --------------------------------------------------------------------------

    async def deliver(self) -> int:
        if self._loop is None:
            return 0
        return await asyncio.to_thread(deliver_due, self.core.engine, PLATFORM, self._deliver_one)

    def _deliver_one(self, identity: Identity, item: Item) -> None:
        """The delivery worker's `send` (runs in its thread): one item, on the adapter's loop."""
        assert self._loop is not None
        chat_id = identity.chat_key or identity.user_key
        future = asyncio.run_coroutine_threadsafe(
            self._render(chat_id, item, patient=False), self._loop
        )
        try:
            future.result(DELIVERY_TIMEOUT)
        except FutureTimeout as exc:
            future.cancel()
            raise RetryLater("Telegram did not answer in time") from exc
        except RetryAfter as exc:
            raise RetryLater(str(exc), after=_retry_seconds(exc)) from exc
        except (Forbidden, BadRequest) as exc:
            raise Undeliverable(str(exc)) from exc
        except TelegramError as exc:
            raise RetryLater(str(exc)) from exc

    # -- start-up extras: webhook, menus -----------------------------------------------------

    async def _set_webhook(self) -> None:
        """Register the webhook, retrying until Telegram takes it (nothing arrives before)."""
        assert self.webhook_url is not None
        url = self.webhook_url
        await self._until_done(
            "setWebhook",
            lambda: self.application.bot.set_webhook(
                url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES
            ),
        )

    async def _delete_webhook(self) -> None:
        """Polling gets nothing while a webhook is set (409): remove any left from webhook mode."""
        await self._until_done("deleteWebhook", self.application.bot.delete_webhook)

    async def _until_done(self, name: str, make: Callable[[], Awaitable[Any]]) -> None:
        failures = 0
        while True:
            try:
                await make()
                return
            except RetryAfter as exc:
                delay = _retry_seconds(exc)
            except TelegramError as exc:
                failures += 1
                delay = min(60.0, 2.0**failures)
                log.warning("Telegram %s failed (%s); retrying in %.0f s", name, exc, delay)
            await asyncio.sleep(delay)

    async def _set_menus(self) -> None:
        """The command menu, in French and English, and the coordinators' menu in their chats.

        A failure is logged and changes nothing else: the commands work when typed anyway.
        """
        try:
            await self._set_all_menus()
        except Exception:
            log.exception("could not set the Telegram command menus")

    async def _set_all_menus(self) -> None:
        core = self.core
        menus = [
            (None, core.menu(core.default_locale)),
            ("fr", core.menu("fr")),
            ("en", core.menu("en")),
        ]
        for language, menu in menus:
            await self._set_commands(menu, BotCommandScopeDefault(), language)
        accounts = await asyncio.to_thread(core.coordinator_accounts, PLATFORM)
        for _team, user_key, chat_key in accounts:
            person = await asyncio.to_thread(core.find, PLATFORM, user_key)
            if chat_key.lstrip("-").isdigit() and person is not None:
                await self._coordinator_menu(person, int(chat_key))

    async def _coordinator_menu(self, person: int, chat_id: int) -> None:
        """Coordinators see their commands in their own chat only (set once per process)."""
        if chat_id in self._menus_set:
            return
        if not await asyncio.to_thread(self.core.is_coordinator, person):
            return
        locale = await asyncio.to_thread(self.core.locale_of, person)
        menu = self.core.menu(locale, coordinator=True)
        if await self._set_commands(menu, BotCommandScopeChat(chat_id), None):
            self._menus_set.add(chat_id)

    async def _set_commands(
        self, menu: list[tuple[str, str]], scope: Any, language: str | None
    ) -> bool:
        commands = [BotCommand(name, text) for name, text in menu_commands(menu)]
        try:
            await self._call(
                lambda: self.application.bot.set_my_commands(
                    commands, scope=scope, language_code=language
                ),
                patient=True,
            )
        except TelegramError as exc:
            log.warning("Telegram setMyCommands (%s, %s) failed: %s", scope.type, language, exc)
            return False
        return True


def _update_of(data: dict[str, Any], bot: Bot) -> Update:
    """PTB's Update from a checked body; the keys the shape does not check can still be of a
    type PTB cannot build from (an `entities` that is a string, an `edit_date` past the year
    9999): that is a bad request too."""
    try:
        return Update.de_json(data, bot)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, OSError) as exc:
        raise Refused(BAD_REQUEST, f"not an update ({type(exc).__name__})") from None


def _webhook_url(configured: str | None) -> str | None:
    """TELEGRAM_WEBHOOK_URL, given the path `/telegram` when it has none."""
    if not configured:
        return None
    parts = urlsplit(configured)
    if parts.path in ("", "/"):
        return parts._replace(path=DEFAULT_WEBHOOK_PATH).geturl()
    return configured


def _label_of(message: TgMessage, data: str) -> str | None:
    markup = message.reply_markup
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == data:
                return button.text
    return None


def _retry_seconds(exc: RetryAfter) -> float:
    """The delay a 429 asked for (read without PTB's int-or-timedelta deprecation warning)."""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return max(0.0, value.total_seconds())
    return 1.0
