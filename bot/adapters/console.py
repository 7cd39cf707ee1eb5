"""The console adapter: chat with the bot in a terminal, or script it through stdin.

Protocol (DESIGN.md section 4): a line `@name` switches who is speaking (created on first use);
any other line is that person's message. Every output line starts with `[name] `; choices are
numbered and answered by number or label.

While the database is unreachable (a SQLite file another process keeps locked, a PostgreSQL
server away), a line waits and is tried again with a growing pause, the speaker told once;
the lines after it wait behind it, so nothing is lost and the order holds. A database that
takes no writes (a read-only file) is said so to the speaker, whose line is not recorded; what
only reads keeps working. Saved files (`/export`) are readable by their owner only.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from bot.delivery import deliver_due
from bot.private_files import write_private
from handlers.core import Core
from handlers.mentions import plain_refs
from handlers.text import clean
from handlers.ui import Choice, File, Inbound, Item, Message, Reply, Retire
from messages.catalog import format_size, t
from storage.database_faults import READ_ONLY_LOG, database_read_only
from storage.models import Identity
from storage.outage import database_unreachable

log = logging.getLogger(__name__)
PLATFORM = "console"
MAX_NAME = 64
OUTBOX_BATCH = 1000
OUTAGE_BACKOFF = (0.5, 15.0)  # first and longest pause before a waiting line is tried again
DEFAULT_SPEAKER = "camille"  # who speaks before any `@name` line: a name, in either language


class ConsoleAdapter:
    """Feeds stdin lines to the core and prints the replies, each line tagged with its recipient."""

    def __init__(self, core: Core, out: IO[str], files_dir: Path) -> None:
        self.core = core
        self.out = out
        self.files_dir = files_dir
        self.names: dict[int, str] = {}
        self.speaker = ""

    def run(self, lines: Iterable[bytes], prompt: IO[str] | None = None) -> None:
        """Handle every line until the input ends."""
        for raw in lines:
            self.feed(raw.decode("utf-8", errors="replace").rstrip("\r\n"))
            if prompt is not None:
                prompt.write(f"{self.speaker}> ")
                prompt.flush()

    def feed(self, line: str) -> None:
        """Handle one line: a speaker switch or a message."""
        if line.startswith("@"):
            name = clean(line[1:])[:MAX_NAME]
            if name and not any(ch.isspace() for ch in name):
                self.speaker = name
            return
        if not clean(line):
            return
        self.speaker = self.speaker or DEFAULT_SPEAKER
        try:
            self.show(self.patiently(lambda: self.take(line)))
        except Exception as exc:
            if not database_read_only(exc):
                raise
            self.refuse_writing()
            return
        try:
            self.flush_outbox()
        except Exception as exc:
            if not (database_unreachable(exc) or database_read_only(exc)):
                raise  # else the rows stay queued for the next line

    def refuse_writing(self) -> None:
        """Tell the speaker that the line was not recorded: the database takes no writes."""
        log.warning(READ_ONLY_LOG)
        self.render(self.speaker, Message(t(self.locale_of(self.speaker), "database-read-only")))
        self.out.flush()

    def take(self, line: str) -> list[Reply]:
        """The core's replies to the speaker's line."""
        # Looked up at every line, as the other adapters do: the person may have been erased.
        person_id = self.core.identify(PLATFORM, self.speaker, display_name=self.speaker)
        self.names[person_id] = self.speaker
        return self.core.handle(Inbound(person_id, text=line))

    def patiently(self, work: Callable[[], list[Reply]]) -> list[Reply]:
        """`work`, done again after a growing pause for as long as the database is out of reach."""
        delay, longest = OUTAGE_BACKOFF
        told = False
        while True:
            try:
                return work()
            except Exception as exc:
                if not database_unreachable(exc):
                    raise
            if not told:
                self.render(self.speaker, Message(t(self.core.default_locale, "outage-wait")))
                self.out.flush()
                told = True
            time.sleep(delay)
            delay = min(longest, delay * 2)

    def flush_outbox(self) -> None:
        """Print what waits in the outbox for console people (messages to others, nudges)."""
        deliver_due(self.core.engine, PLATFORM, self.deliver, batch=OUTBOX_BATCH)
        self.out.flush()

    def deliver(self, identity: Identity, item: Item) -> None:
        self.render(identity.user_key, item)

    def show(self, replies: list[Reply]) -> None:
        for reply in replies:
            name = self.names.get(reply.person_id)
            if name is not None:
                self.render(name, reply.item)
        self.out.flush()

    def render(self, name: str, item: Item) -> None:
        for line in self.lines(name, item):
            self.out.write(f"[{name}] {plain_refs(line)}\n")

    def locale_of(self, name: str) -> str:
        """The language of the console person `name`."""
        person_id = self.core.find(PLATFORM, name)
        return self.core.default_locale if person_id is None else self.core.locale_of(person_id)

    def lines(self, name: str, item: Item) -> list[str]:
        if isinstance(item, Message):
            return item.text.splitlines()
        if isinstance(item, Choice):
            numbered = [f"  {i}. {option.label}" for i, option in enumerate(item.options, 1)]
            return [*item.text.splitlines(), *numbered]
        if isinstance(item, Retire):
            return []  # numbered choices have no buttons to take away
        if isinstance(item, File):
            folder = self.files_dir / re.sub(r"[^\w-]", "_", name)
            path = write_private(folder / Path(item.filename).name, item.content)
            size = format_size(len(item.content), self.locale_of(name))
            return [*item.caption.splitlines(), f"  -> {path} ({size})"]
        raise TypeError(f"cannot render {item!r}")


def run_console(core: Core, files_dir: Path) -> None:
    """Run the console on this process's stdin and stdout."""
    interactive = sys.stdin.isatty()
    adapter = ConsoleAdapter(core, sys.stdout, files_dir)
    if interactive:
        sys.stderr.write(
            f"mentorbot console: type /start; you are {DEFAULT_SPEAKER}, `@name` speaks as"
            " someone else; Ctrl-D quits.\n"
        )
    try:
        adapter.run(sys.stdin.buffer, prompt=sys.stderr if interactive else None)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
