"""Inbound events kept on local disk while the database cannot take them, replayed in order.

Slack must have its acknowledgement within 3 seconds and gives up on an event after 3 retries,
and Telegram gives up on a webhook call after "a reasonable amount of attempts", so an event
that arrives while the database is unreachable is acknowledged once it is stored here, and
replayed once the database answers again. Each pending event is one file:

- its JSON (with the key of the person or chat it comes from) encrypted with the notes cipher,
  since it holds what people wrote; nothing in a file name says who or what;
- written under a temporary name, flushed to disk and renamed into place (atomic), mode 0600,
  in a directory of mode 0700;
- named by a number that grows with arrival, so replaying in name order keeps each person's
  order. While a person has events waiting, their new ones queue behind (see `holds`).

The directory is INBOUND_SPOOL_DIR, or `<database name>-inbound` next to a SQLite database.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.fernet import InvalidToken, MultiFernet
from sqlalchemy.engine import URL, make_url

from storage.outage import database_unreachable

log = logging.getLogger(__name__)

SUFFIX = ".item"
IDLE_CHECK = 0.5  # seconds between looks at an empty spool
BACKOFF_CAP = 15.0  # longest wait between two replays while the database is still away


@dataclass(frozen=True)
class Pending:
    """One event waiting in the spool: its file name, whose it is, and what the adapter kept."""

    name: str
    key: str
    payload: dict[str, Any]


def spool_directory(configured: str | None, database_url: str | URL) -> Path | None:
    """INBOUND_SPOOL_DIR, else a directory next to a SQLite database file, else None."""
    if configured:
        return Path(configured).expanduser()
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        database = Path(url.database)
        return database.resolve().parent / f"{database.stem}-inbound"
    return None


class InboundSpool:
    """The pending events of one adapter, safe to use from several threads."""

    def __init__(self, directory: Path, cipher: MultiFernet) -> None:
        self.directory = directory
        self.cipher = cipher
        self._lock = threading.Lock()
        self._keys: dict[str, str] = {}  # file name -> key, of the readable items
        self._waiting: Counter[str] = Counter()
        self._last = 0
        self._loaded = False

    def __len__(self) -> int:
        with self._lock:
            self._load()
            return len(self._keys)

    def holds(self, key: str) -> bool:
        """Whether events of `key` wait here (a new one must then queue behind them)."""
        with self._lock:
            self._load()
            return self._waiting[key] > 0

    def put(self, key: str, payload: dict[str, Any]) -> None:
        """Store one event, durably, behind everything stored before; OSError if it cannot."""
        data = self.cipher.encrypt(json.dumps({"key": key, "payload": payload}).encode())
        with self._lock:
            self._load()
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._last = max(time.time_ns(), self._last + 1)
            name = f"{self._last:020d}{SUFFIX}"
            temporary = self.directory / f".{name}.tmp"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, self.directory / name)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
            _sync_directory(self.directory)
            self._keys[name] = key
            self._waiting[key] += 1

    def pending(self) -> list[Pending]:
        """The readable events, oldest first."""
        with self._lock:
            self._load()
            names = sorted(self._keys)
        found = []
        for name in names:
            item = self._read(name)
            if item is not None:
                found.append(item)
            else:  # gone, or unreadable with these keys: left on disk, no longer waited for
                self._unindex(name)
        return found

    def remove(self, item: Pending) -> None:
        """Forget an event once it was handled (or dropped as a bug)."""
        (self.directory / item.name).unlink(missing_ok=True)
        self._unindex(item.name)

    def _unindex(self, name: str) -> None:
        with self._lock:
            key = self._keys.pop(name, None)
            if key is not None:
                self._waiting[key] -= 1
                if self._waiting[key] <= 0:
                    del self._waiting[key]

    def _read(self, name: str) -> Pending | None:
        try:
            content = json.loads(self.cipher.decrypt((self.directory / name).read_bytes()))
        except FileNotFoundError:
            return None
        except (InvalidToken, OSError, ValueError) as exc:
            log.error(
                "spooled event %s in %s cannot be read (%s); left in place",
                name,
                self.directory,
                type(exc).__name__,
            )
            return None
        return Pending(name, str(content["key"]), dict(content["payload"]))

    def _load(self) -> None:
        """Index what an earlier run left (under the lock, once)."""
        if self._loaded:
            return
        self._loaded = True
        if not self.directory.is_dir():
            return
        for leftover in self.directory.glob(f".*{SUFFIX}.tmp"):  # a write cut short
            leftover.unlink(missing_ok=True)
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            self._last = max(self._last, int(path.stem) if path.stem.isdigit() else 0)
            item = self._read(path.name)
            if item is not None:
                self._keys[item.name] = item.key
                self._waiting[item.key] += 1
        if self._keys:
            log.warning("%d inbound events wait in %s", len(self._keys), self.directory)


async def drain_forever(spool: InboundSpool, replay: Callable[[Pending], Awaitable[None]]) -> None:
    """Replay the spool's events in order, for ever (the adapter's background task).

    A pass stops at the first event the database cannot take yet, and the next pass waits
    longer (up to BACKOFF_CAP); an event that fails for any other reason is a bug: logged with
    its file name only, and dropped so that the others go on.
    """
    delay = IDLE_CHECK
    while True:
        if not len(spool):
            delay = IDLE_CHECK
            await asyncio.sleep(IDLE_CHECK)
            continue
        if await _replay_pass(spool, replay):
            delay = IDLE_CHECK
            continue
        log.warning("the database is still unreachable; %d inbound events wait", len(spool))
        await asyncio.sleep(delay)
        delay = min(BACKOFF_CAP, delay * 2)


async def _replay_pass(spool: InboundSpool, replay: Callable[[Pending], Awaitable[None]]) -> bool:
    """Replay what waits now; False when the database stopped the pass."""
    for item in await asyncio.to_thread(spool.pending):
        try:
            await replay(item)
        except Exception as exc:
            if database_unreachable(exc):
                return False
            log.error("spooled event %s failed (%s); dropped", item.name, type(exc).__name__)
        spool.remove(item)
    return True


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_spool(
    configured: str | None, database_url: str | URL, cipher: MultiFernet, platform: str
) -> InboundSpool | None:
    """The spool of one platform's adapter, or None where no directory is known for it."""
    directory = spool_directory(configured, database_url)
    return InboundSpool(directory / platform, cipher) if directory is not None else None
