"""The console adapter: chat with the bot in a terminal, or script it through stdin.

Protocol (DESIGN.md section 4): a line `@name` switches who is speaking (created on first use);
any other line is that person's message. Every output line starts with `[name] `; choices are
numbered and answered by number or label.
"""

from __future__ import annotations

import getpass
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from bot.delivery import deliver_due
from handlers.core import Core
from handlers.text import clean
from handlers.ui import Choice, File, Inbound, Item, Message, Reply
from storage.models import Identity

PLATFORM = "console"
MAX_NAME = 64
OUTBOX_BATCH = 1000


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
        self.speaker = self.speaker or default_name()
        # Looked up at every line, as the other adapters do: the person may have been erased.
        person_id = self.core.identify(PLATFORM, self.speaker, display_name=self.speaker)
        self.names[person_id] = self.speaker
        self.show(self.core.handle(Inbound(person_id, text=line)))
        self.flush_outbox()

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
            self.out.write(f"[{name}] {line}\n")

    def lines(self, name: str, item: Item) -> list[str]:
        if isinstance(item, Message):
            return item.text.splitlines()
        if isinstance(item, Choice):
            numbered = [f"  {i}. {option.label}" for i, option in enumerate(item.options, 1)]
            return [*item.text.splitlines(), *numbered]
        if isinstance(item, File):
            folder = self.files_dir / re.sub(r"[^\w-]", "_", name)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(item.filename).name
            path.write_bytes(item.content)
            return [*item.caption.splitlines(), f"  -> {path} ({len(item.content)} bytes)"]
        raise TypeError(f"cannot render {item!r}")


def default_name() -> str:
    """Who speaks before any `@name` line: the system user, for interactive use."""
    try:
        name = clean(getpass.getuser())
    except (OSError, KeyError):
        name = ""
    return (name or "me")[:MAX_NAME].replace(" ", "_")


def run_console(core: Core, files_dir: Path) -> None:
    """Run the console on this process's stdin and stdout."""
    interactive = sys.stdin.isatty()
    adapter = ConsoleAdapter(core, sys.stdout, files_dir)
    if interactive:
        sys.stderr.write(
            "mentorbot console: type /start; `@name` speaks as someone else; Ctrl-D quits.\n"
        )
    try:
        adapter.run(sys.stdin.buffer, prompt=sys.stderr if interactive else None)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
