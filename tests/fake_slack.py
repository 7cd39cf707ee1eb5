"""A fake Slack Web API on 127.0.0.1, speaking the real wire format, for the adapter's tests.

It records every call (method, parameters from the query string, form or JSON body, token),
answers as Slack does for the methods the adapter uses, can be told to answer 429 (with
`Retry-After`) or 500 to the next calls of a method, takes file uploads at the URL that
`files.getUploadURLExternal` hands out, and serves Socket Mode: `apps.connections.open` gives
the ws:// URL of a small websockets server that says hello, pushes envelopes and records acks.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

T = TypeVar("T")
JSON_FIELDS = ("blocks", "view", "files", "attachments")


@dataclass
class Failure:
    """An HTTP error status, or (status 200) a Slack error such as `channel_not_found`."""

    status: int
    retry_after: int | None = None
    error: str = ""


@dataclass
class Call:
    """One request the fake received."""

    method: str
    params: dict[str, Any]
    token: str = ""
    status: int = 200
    response: bytes = b""
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass
class FakeUser:
    locale: str | None = "fr-FR"
    tz: str | None = "Europe/Paris"
    real_name: str = ""


@dataclass
class SocketMode:
    """The Socket Mode side: envelopes to push, acks received, hello sent."""

    outgoing: queue.Queue[dict[str, Any]] = field(default_factory=queue.Queue)
    acks: list[dict[str, Any]] = field(default_factory=list)
    hellos: int = 0


class FakeSlack:
    """Start with `with FakeSlack() as fake:`; `fake.url` is the SLACK_API_URL to use."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.users: dict[str, FakeUser] = {}
        self.emails: dict[str, str] = {}  # address -> user id, for users.lookupByEmail
        self.failures: dict[str, list[Failure]] = {}
        self.uploads: dict[str, bytes] = {}
        self.socket = SocketMode()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        self.url = f"{self.base}/api/"
        self._ws: Server | None = None
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> FakeSlack:
        self._ws = serve(self._socket_mode, "127.0.0.1", 0)
        for target in (self._http.serve_forever, self._ws.serve_forever):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *_: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        if self._ws is not None:
            self._ws.shutdown()
        for thread in self._threads:
            thread.join(5)

    @property
    def ws_url(self) -> str:
        assert self._ws is not None
        return f"ws://127.0.0.1:{self._ws.socket.getsockname()[1]}/link"

    # -- test controls -------------------------------------------------------------------

    def fail(self, method: str, *failures: Failure) -> None:
        """Answer the next calls of `method` with these failures, in order."""
        with self._lock:
            self.failures.setdefault(method, []).extend(failures)

    def of(self, method: str, **where: Any) -> list[Call]:
        """Successful calls of `method` whose parameters include `where`."""
        with self._lock:
            calls = list(self.calls)
        return [
            c
            for c in calls
            if c.method == method and c.ok and all(c.params.get(k) == v for k, v in where.items())
        ]

    def count(self) -> int:
        with self._lock:
            return len(self.calls)

    def since(self, start: int) -> list[Call]:
        with self._lock:
            return self.calls[start:]

    # -- the Web API ---------------------------------------------------------------------

    def answer(self, method: str, params: dict[str, Any], token: str) -> Call:
        with self._lock:
            pending = self.failures.get(method)
            failure = pending.pop(0) if pending else None
            call = Call(method, params, token, failure.status if failure else 200, b"", failure)
            self.calls.append(call)
            number = next(self._ids)
        unknown = method == "users.lookupByEmail" and params.get("email") not in self.emails
        if failure is None and unknown:
            failure = call.failure = Failure(200, error="users_not_found")
        if failure is not None:
            error = failure.error or ("ratelimited" if failure.status == 429 else "fatal_error")
            call.response = json.dumps({"ok": False, "error": error}).encode()
            return call
        call.response = json.dumps({"ok": True, **self._result(method, params, number)}).encode()
        return call

    def _result(self, method: str, params: dict[str, Any], number: int) -> dict[str, Any]:
        if method == "auth.test":
            return {"team_id": "T1", "user_id": "UBOT", "bot_id": "BBOT", "team": "Acme"}
        if method == "users.info":
            user = params.get("user", "")
            known = self.users.get(user, FakeUser())
            found: dict[str, Any] = {"id": user, "name": user.lower()}
            found["real_name"] = known.real_name or user.lower()
            found["profile"] = {"real_name": found["real_name"], "display_name": ""}
            if known.tz:
                found["tz"] = known.tz
            if known.locale and params.get("include_locale") in ("1", "true", True):
                found["locale"] = known.locale
            return {"user": found}
        if method == "users.lookupByEmail":
            user = self.emails[params["email"]]
            known = self.users.get(user, FakeUser())
            name = known.real_name or user.lower()
            profile = {"real_name": name, "display_name": "", "email": params["email"]}
            found = {"id": user, "team_id": "T1", "name": user.lower(), "real_name": name}
            return {"user": {**found, "deleted": False, "is_bot": False, "profile": profile}}
        if method == "conversations.open":
            return {"channel": {"id": "D" + str(params.get("users", "")).split(",")[0]}}
        if method in ("chat.postMessage", "chat.update"):
            ts = params.get("ts") or f"1700000000.{number:06d}"
            return {"channel": params.get("channel"), "ts": ts, "message": {"ts": ts}}
        if method in ("views.open", "views.publish", "views.update"):
            return {"view": {"id": f"V{number}", **(params.get("view") or {})}}
        if method == "files.getUploadURLExternal":
            return {"upload_url": f"{self.base}/upload/F{number}", "file_id": f"F{number}"}
        if method == "files.completeUploadExternal":
            return {
                "files": [{"id": f["id"], "title": f.get("title", "")} for f in params["files"]]
            }
        if method == "apps.connections.open":
            return {"url": self.ws_url}
        return {}

    # -- Socket Mode ---------------------------------------------------------------------

    def push(self, envelope: dict[str, Any]) -> None:
        """Send an envelope to the connected Socket Mode client."""
        self.socket.outgoing.put(envelope)

    def _socket_mode(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        with self._lock:
            self.socket.hellos += 1
        with contextlib.suppress(ConnectionClosed):
            while True:
                with contextlib.suppress(queue.Empty):
                    connection.send(json.dumps(self.socket.outgoing.get(timeout=0.02)))
                with contextlib.suppress(TimeoutError):
                    message = connection.recv(timeout=0.02)
                    with self._lock:
                        self.socket.acks.append(json.loads(message))


def _decode(params: dict[str, Any]) -> dict[str, Any]:
    """Form fields that carry JSON (blocks, view, files) as the objects they are."""
    for name in JSON_FIELDS:
        if isinstance(params.get(name), str):
            with contextlib.suppress(ValueError):
                params[name] = json.loads(params[name])
    return params


def _handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the calls are recorded instead."""

        def do_GET(self) -> None:
            self._serve(b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._serve(self.rfile.read(length))

        def _serve(self, raw: bytes) -> None:
            path = urlsplit(self.path)
            params: dict[str, Any] = dict(parse_qsl(path.query))
            if path.path.startswith("/upload/"):
                file_id = path.path.rsplit("/", 1)[-1]
                with fake._lock:
                    fake.uploads[file_id] = raw
                    fake.calls.append(Call("upload", {"file_id": file_id, "size": len(raw)}))
                self._reply(200, b"OK - " + str(len(raw)).encode(), "text/plain")
                return
            kind = self.headers.get("Content-Type", "")
            if "json" in kind and raw:
                params.update(json.loads(raw))
            elif raw:
                params.update(parse_qsl(raw.decode("utf-8")))
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if path.path.startswith("/response/"):
                with fake._lock:
                    fake.calls.append(Call("response_url", params, token))
                self._reply(200, b"ok", "text/plain")
                return
            call = fake.answer(path.path.removeprefix("/api/"), _decode(params), token)
            if call.failure is not None and call.status >= 500:
                self._reply(call.status, b"Internal Server Error", "text/plain")
            else:
                retry_after = call.failure.retry_after if call.failure else None
                self._reply(call.status, call.response, "application/json", retry_after)

        def _reply(
            self, status: int, body: bytes, kind: str, retry_after: int | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if retry_after is not None:
                self.send_header("Retry-After", str(retry_after))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def wait_for(check: Callable[[], T | None], timeout: float = 10.0, what: str = "") -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.02)
