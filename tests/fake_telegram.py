"""A fake Telegram Bot API server on 127.0.0.1, speaking the real wire format.

Requests come to `/bot<token>/<method>` as JSON, form-encoded or multipart bodies (PTB sends
the last two), answers are `{"ok": true, "result": ...}` or `{"ok": false, "error_code": ...,
"description": ...}` as Telegram writes them. It keeps what a bot can observe: updates served by
`getUpdates` with `offset`/`timeout` (or POSTed to the webhook once `setWebhook` is called, with
its secret header), the messages the bot sent and edited, answered callback queries, command
menus. Like Telegram, it refuses HTML that does not parse, texts over 4,096 characters, captions
over 1,024 and `callback_data` over 64 bytes. `fail()` makes the next calls of a method answer
429 (with `retry_after`), 500, 404 or anything else. Every call is recorded.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "7000001:AAFakeTokenForTests_0123456789abcdef"
BOT_ID = 7000001
BOT_USERNAME = "mentor_test_bot"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
HTML_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def parse_html(text: str) -> str:
    """Telegram's HTML: the plain text it shows, or a 400 like Telegram's for bad markup."""
    out: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "<":
            tag = _TAG.match(text, index)
            if tag is None or tag.group(2).lower() not in HTML_TAGS:
                raise bad_request(f"can't parse entities: Unsupported start tag at offset {index}")
            name = tag.group(2).lower()
            if tag.group(1):
                if not open_tags or open_tags.pop() != name:
                    raise bad_request(f"can't parse entities: Unmatched end tag at offset {index}")
            else:
                open_tags.append(name)
            index = tag.end()
        elif char == "&":
            entity = _ENTITY.match(text, index)
            if entity is None:
                raise bad_request(f"can't parse entities: bare & at offset {index}")
            out.append(html.unescape(entity.group()))
            index = entity.end()
        elif char == ">":
            raise bad_request(f"can't parse entities: bare > at offset {index}")
        else:
            out.append(char)
            index += 1
    if open_tags:
        raise bad_request(f"can't parse entities: Can't find end tag corresponding to {open_tags}")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    """One request the bot made, with what the fake answered."""

    method: str
    params: dict[str, Any]
    status: int
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    result: Any = None


@dataclass
class User:
    """A Telegram account talking to the bot."""

    id: int
    first_name: str
    last_name: str = ""
    language_code: str = "fr"

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.language_code:
            data["language_code"] = self.language_code
        return data

    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


@dataclass
class Sent:
    """A message the bot sent: the Message object Telegram returned, and what was posted."""

    message: dict[str, Any]
    html: str | None = None
    file: tuple[str, bytes] | None = None

    @property
    def chat_id(self) -> int:
        return self.message["chat"]["id"]

    @property
    def text(self) -> str:
        return self.message.get("text") or self.message.get("caption") or ""

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.message.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class FakeTelegram:
    """The fake server; `start()` it, point TELEGRAM_API_URL at `api_url`."""

    def __init__(self, token: str = TOKEN, max_poll_wait: float = 1.0) -> None:
        self.token = token
        self.max_poll_wait = max_poll_wait
        self.cond = threading.Condition()
        self.calls: list[Call] = []
        self.sent: list[Sent] = []
        self.pending: list[dict[str, Any]] = []
        self.failures: dict[str, list[ApiError]] = {}
        self.webhook: dict[str, Any] = {}
        self.webhook_statuses: list[int] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.queries: dict[str, bool] = {}
        self._update_ids = itertools.count(500_000)
        self._message_ids: dict[int, itertools.count] = {}
        self._by_id: dict[tuple[int, int], Sent] = {}
        self._query_ids = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # -- running ---------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def start(self) -> FakeTelegram:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self.cond:
            self.cond.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def fail(
        self, method: str, status: int, times: int = 1, retry_after: int = 1, text: str = ""
    ) -> None:
        """Make the next `times` calls of `method` fail with `status` as Telegram words it."""
        descriptions = {
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
            404: "Not Found",
            400: "Bad Request: " + (text or "something is wrong"),
            403: "Forbidden: bot was blocked by the user",
        }
        params = {"retry_after": retry_after} if status == 429 else None
        error = ApiError(status, descriptions.get(status, text or "Error"), params)
        with self.cond:
            self.failures.setdefault(method, []).extend([error] * times)

    # -- what the bot did ------------------------------------------------------------------

    def calls_of(self, method: str, ok: bool | None = True) -> list[Call]:
        with self.cond:
            return [
                c
                for c in self.calls
                if c.method == method and (ok is None or (c.status == 200) == ok)
            ]

    def messages_to(self, chat_id: int) -> list[Sent]:
        with self.cond:
            return [s for s in self.sent if s.chat_id == chat_id]

    def wait_for(self, check: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
        """Wait until `check()` is truthy (re-checked at every call the bot makes)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = check()
                if found:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what or check}")
                self.cond.wait(min(left, 0.05))

    # -- what users do ---------------------------------------------------------------------

    def text_update(self, user: User, text: str, chat: dict[str, Any] | None = None) -> dict:
        chat = chat or user.chat()
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": user.json(),
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split(" ", 1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"update_id": next(self._update_ids), "message": message}

    def press_update(self, user: User, sent: Sent, callback_data: str) -> dict:
        query_id = str(next(self._query_ids))
        with self.cond:
            self.queries[query_id] = False
            message = json.loads(json.dumps(sent.message))
        query = {
            "id": query_id,
            "from": user.json(),
            "message": message,
            "chat_instance": f"ci{user.id}",
            "data": callback_data,
        }
        return {"update_id": next(self._update_ids), "callback_query": query}

    def push(self, update: dict[str, Any]) -> int:
        """Hand an update to the bot: POSTed to its webhook if one is set, else for getUpdates."""
        with self.cond:
            hook = dict(self.webhook)
            if not hook:
                self.pending.append(update)
                self.cond.notify_all()
                return 200
        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
        status = post(hook["url"], update, headers)
        with self.cond:
            self.webhook_statuses.append(status)
        return status

    # -- the API ---------------------------------------------------------------------------

    def _next_message_id(self, chat_id: int) -> int:
        with self.cond:
            counter = self._message_ids.setdefault(chat_id, itertools.count(1))
            return next(counter)

    def handle(self, method: str, params: dict[str, Any], files: dict) -> Any:
        with self.cond:
            queued = self.failures.get(method)
            if queued:
                raise queued.pop(0)
        if method == "getUpdates":
            return self._get_updates(params)
        api = getattr(self, f"api_{method}", None)
        if api is None:
            raise ApiError(404, "Not Found")
        with self.cond:
            return api(params, files)

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), self.max_poll_wait)
        deadline = time.monotonic() + wait
        with self.cond:
            if self.webhook:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if offset:  # confirms what came before, once, when the call arrives
                self.pending = [u for u in self.pending if u["update_id"] >= offset]
            while True:
                ready = [u for u in self.pending if u["update_id"] >= offset]
                if ready or time.monotonic() >= deadline:
                    return ready[:limit]
                self.cond.wait(max(0.0, deadline - time.monotonic()))

    def api_getMe(self, _params: dict, _files: dict) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Mentorbot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def api_sendMessage(self, params: dict, _files: dict) -> dict[str, Any]:
        text, raw = self._text(params.get("text"), params.get("parse_mode"), TEXT_LIMIT, "text")
        if not text.strip():
            raise bad_request("message text is empty")
        return self._store(params, {"text": text}, raw)

    def api_sendDocument(self, params: dict, files: dict) -> dict[str, Any]:
        name, content = self._file(params, files, "document")
        extra: dict[str, Any] = {
            "document": {
                "file_id": f"doc{len(self.sent)}",
                "file_unique_id": f"u{len(self.sent)}",
                "file_name": name,
                "file_size": len(content),
            }
        }
        return self._store_file(params, extra, (name, content))

    def api_sendPhoto(self, params: dict, files: dict) -> dict[str, Any]:
        name, content = self._file(params, files, "photo")
        size = {"file_id": f"ph{len(self.sent)}", "file_unique_id": f"u{len(self.sent)}"}
        extra = {"photo": [{**size, "width": 640, "height": 480, "file_size": len(content)}]}
        return self._store_file(params, extra, (name, content))

    def api_editMessageText(self, params: dict, _files: dict) -> dict[str, Any]:
        sent = self._edited(params)
        text, raw = self._text(params.get("text"), params.get("parse_mode"), TEXT_LIMIT, "text")
        markup = self._markup(params)
        if text == sent.message.get("text") and markup == sent.message.get("reply_markup"):
            raise bad_request("message is not modified: specified new message content and "
                              "reply markup are exactly the same")  # fmt: skip
        sent.message["text"], sent.html = text, raw
        return self._remark(sent, markup)

    def api_editMessageReplyMarkup(self, params: dict, _files: dict) -> dict[str, Any]:
        sent = self._edited(params)
        markup = self._markup(params)
        if markup == sent.message.get("reply_markup"):
            raise bad_request("message is not modified")
        return self._remark(sent, markup)

    def api_answerCallbackQuery(self, params: dict, _files: dict) -> bool:
        query_id = str(params.get("callback_query_id"))
        if self.queries.get(query_id, True):
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(params.get("text") or "")) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.queries[query_id] = True
        return True

    def api_setMyCommands(self, params: dict, _files: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be a list of at most 100")
        for command in commands:
            description = command.get("description", "")
            if not _COMMAND.fullmatch(command.get("command", "")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), str(params.get("language_code") or ""))
        self.commands[key] = commands
        return True

    def api_deleteMyCommands(self, params: dict, _files: dict) -> bool:
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), str(params.get("language_code") or ""))
        self.commands.pop(key, None)
        return True

    def api_setWebhook(self, params: dict, _files: dict) -> bool:
        secret = str(params.get("secret_token") or "")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("secret token contains unallowed characters")
        self.webhook = {
            "url": params["url"],
            "secret_token": secret,
            "allowed_updates": params.get("allowed_updates"),
        }
        return True

    def api_deleteWebhook(self, _params: dict, _files: dict) -> bool:
        self.webhook = {}
        return True

    def api_getWebhookInfo(self, _params: dict, _files: dict) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "pending_update_count": len(self.pending)}

    # -- helpers of the API ----------------------------------------------------------------

    def _text(self, value: Any, mode: Any, limit: int, what: str) -> tuple[str, str | None]:
        raw = "" if value is None else str(value)
        text = parse_html(raw) if str(mode or "").upper() == "HTML" else raw
        if utf16_len(text) > limit:
            raise bad_request(f"{'message' if what == 'text' else 'message caption'} is too long")
        return text, raw

    def _markup(self, params: dict) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if not markup:
            return None
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                    raise bad_request("BUTTON_DATA_INVALID")
        return markup if markup.get("inline_keyboard") else None

    def _message(self, params: dict) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        return {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Mentorbot",
                     "username": BOT_USERNAME},
        }  # fmt: skip

    def _store(self, params: dict, fields: dict, raw: str | None, file=None) -> dict[str, Any]:
        if "chat_id" not in params:
            raise bad_request("chat_id is empty")
        message = {**self._message(params), **fields}
        markup = self._markup(params)
        if markup:
            message["reply_markup"] = markup
        sent = Sent(message, raw, file)
        self.sent.append(sent)
        self._by_id[(message["chat"]["id"], message["message_id"])] = sent
        return message

    def _store_file(self, params: dict, extra: dict, file: tuple[str, bytes]) -> dict[str, Any]:
        caption, raw = self._text(
            params.get("caption"), params.get("parse_mode"), CAPTION_LIMIT, "caption"
        )
        if caption:
            extra["caption"] = caption
        return self._store(params, extra, raw, file)

    def _file(self, params: dict, files: dict, field_name: str) -> tuple[str, bytes]:
        value = params.get(field_name)
        if isinstance(value, str) and value.startswith("attach://"):
            field_name = value[len("attach://") :]
        if field_name not in files:
            raise bad_request(f"there is no {field_name} in the request")
        return files[field_name]

    def _edited(self, params: dict) -> Sent:
        key = (int(params.get("chat_id") or 0), int(params.get("message_id") or 0))
        sent = self._by_id.get(key)
        if sent is None:
            raise bad_request("message to edit not found")
        return sent

    def _remark(self, sent: Sent, markup: dict | None) -> dict[str, Any]:
        if markup:
            sent.message["reply_markup"] = markup
        else:
            sent.message.pop("reply_markup", None)
        sent.message["edit_date"] = int(time.time())
        return sent.message


def post(url: str, body: dict[str, Any], headers: dict[str, str]) -> int:
    """POST JSON and return the status (any status, no exception)."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _decode(value: str) -> Any:
    """PTB form-encodes objects and lists as JSON strings; scalars stay strings."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _read_params(content_type: str, body: bytes) -> tuple[dict[str, Any], dict]:
    if content_type.startswith("application/json"):
        return (json.loads(body) if body else {}), {}
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            content = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename is not None:
                files[str(name)] = (filename, content)
            else:
                params[str(name)] = _decode(content.decode("utf-8"))
        return params, files
    pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    return {key: _decode(value) for key, value in pairs}, {}


def _handler(fake: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            self.do_POST()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            prefix = f"/bot{fake.token}/"
            if not self.path.startswith("/bot"):
                self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            if not self.path.startswith(prefix):
                self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                return
            method = self.path[len(prefix) :].split("?", 1)[0]
            params, files = _read_params(self.headers.get("Content-Type", ""), body)
            try:
                result = fake.handle(method, params, files)
            except ApiError as exc:
                answer: dict[str, Any] = {
                    "ok": False,
                    "error_code": exc.status,
                    "description": exc.description,
                }
                if exc.parameters:
                    answer["parameters"] = exc.parameters
                self._record(Call(method, params, exc.status, files, exc.description))
                self._reply(exc.status, answer)
                return
            self._record(Call(method, params, 200, files, result))
            self._reply(200, {"ok": True, "result": result})

        def _record(self, call: Call) -> None:
            with fake.cond:
                fake.calls.append(call)
                fake.cond.notify_all()

        def _reply(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                return

    return Handler
