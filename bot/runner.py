"""Runs the platform adapters together: one HTTP server, their connections, the delivery passes.

Slack's HTTP mode and Telegram's webhook share `PORT`, so the adapters only contribute routes and
this runner serves them all with one uvicorn server. Delivery of the outbox runs here too, one
pass per adapter every `delivery_interval` seconds; a failing pass is logged and tried again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import Protocol

import uvicorn
from starlette.applications import Starlette
from starlette.routing import BaseRoute

from handlers.core import Core
from storage.outage import database_unreachable

log = logging.getLogger(__name__)


class PlatformAdapter(Protocol):
    """What the runner needs from a platform adapter."""

    platform: str

    def routes(self) -> list[BaseRoute]: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def deliver(self) -> int: ...


class Runner:
    """Serves the adapters' routes, starts them, and delivers their outbox until told to stop."""

    def __init__(
        self,
        core: Core,
        adapters: list[PlatformAdapter],
        *,
        port: int,
        host: str = "0.0.0.0",
        delivery_interval: float = 1.0,
    ) -> None:
        self.core = core
        self.adapters = adapters
        self.port = port
        self.host = host
        self.delivery_interval = delivery_interval
        self.url = f"http://127.0.0.1:{port}"
        self.loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def routes(self) -> list[BaseRoute]:
        return [route for adapter in self.adapters for route in adapter.routes()]

    async def serve(self, stop: asyncio.Event) -> None:
        """Run until `stop` is set: HTTP server (if any route), adapters, delivery passes."""
        server = None
        server_task = None
        routes = self.routes()
        if routes:
            config = uvicorn.Config(
                Starlette(routes=routes),
                host=self.host,
                port=self.port,
                log_level="warning",
                lifespan="off",
            )
            server = uvicorn.Server(config)
            server_task = asyncio.create_task(server.serve())
            while not server.started:
                if server_task.done():
                    server_task.result()
                    raise RuntimeError(f"the HTTP server could not listen on port {self.port}")
                await asyncio.sleep(0.01)
        started: list[PlatformAdapter] = []
        try:
            for adapter in self.adapters:
                await adapter.start()
                started.append(adapter)
            self._ready.set()
            while not stop.is_set():
                await self.deliver_once()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.delivery_interval)
        finally:
            for adapter in reversed(started):
                try:
                    await adapter.stop()
                except Exception:
                    log.exception("stopping %s failed", adapter.platform)
            if server is not None and server_task is not None:
                server.should_exit = True
                await server_task

    async def deliver_once(self) -> int:
        """One delivery pass for every adapter; a failure is logged, the rows stay queued."""
        sent = 0
        for adapter in self.adapters:
            try:
                sent += await adapter.deliver()
            except Exception as exc:
                if database_unreachable(exc):
                    log.warning(
                        "delivery for %s waits: the database is unreachable", adapter.platform
                    )
                else:
                    log.exception("delivery pass for %s failed; will try again", adapter.platform)
        return sent

    def start_in_thread(self, timeout: float = 20.0) -> None:
        """Run `serve` on a new event loop in a daemon thread; return once everything started."""
        self._ready.clear()
        self._failure = None
        self._thread = threading.Thread(target=self._thread_main, name="runner", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the runner did not start in time")
        if self._failure is not None:
            raise RuntimeError("the runner failed to start") from self._failure

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        self._stop = asyncio.Event()
        try:
            loop.run_until_complete(self.serve(self._stop))
        except BaseException as exc:
            self._failure = exc
            self._ready.set()
            log.exception("runner stopped on an error")
        finally:
            loop.close()

    def stop_thread(self, timeout: float = 20.0) -> None:
        """Stop what `start_in_thread` started and wait for it."""
        if self.loop is None or self._stop is None or self._thread is None:
            return
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)
        self._thread = None
