"""Handling one inbound message end to end, with many people in the database: p50 and p99.

Each message goes through `Core.handle` as an adapter would send it: load the person and their
state, route, decide, store (a prompt, the state row), produce the reply, commit.

    python -m bench.inbound [--people 100000] [--messages 2000] [--db sqlite|postgresql]
"""

from __future__ import annotations

import random
import time
from typing import Annotated

import typer
from cryptography.fernet import Fernet, MultiFernet
from rich.console import Console
from rich.progress import track

from bench.common import fresh_database, percentile
from bench.seed import seed_people
from bot.demo import ensure_demo_programme
from handlers.core import Core
from handlers.ui import Inbound

# A mix of what people send most: where do I stand, help, a command that opens a choice.
TEXTS = ("/status", "/help", "/apply", "/language", "/objectives")


def main(
    people: Annotated[int, typer.Option(help="People in the database.")] = 100_000,
    messages: Annotated[int, typer.Option(help="Messages measured.")] = 2000,
    db: Annotated[list[str] | None, typer.Option(help="sqlite and/or postgresql.")] = None,
    postgres_url: str = "postgresql://postgres@127.0.0.1:5432/test",
) -> None:
    console = Console(soft_wrap=True)
    for kind in db or ["sqlite", "postgresql"]:
        with fresh_database(kind, postgres_url) as engine:
            ensure_demo_programme(engine)
            ids = seed_people(engine, people)
            core = Core(engine, MultiFernet([Fernet(Fernet.generate_key())]))
            chooser = random.Random(7)
            timings = []
            for i in track(range(messages), description=f"{kind}: messages", transient=True):
                inbound = Inbound(chooser.choice(ids), text=TEXTS[i % len(TEXTS)])
                start = time.perf_counter()
                replies = core.handle(inbound)
                timings.append((time.perf_counter() - start) * 1000)
                assert replies, "every message gets an answer"
            console.print(
                f"inbound {kind}: people={people:,} messages={messages:,} "
                f"p50={percentile(timings, 0.50):.2f} ms p99={percentile(timings, 0.99):.2f} ms "
                f"max={max(timings):.2f} ms"
            )


if __name__ == "__main__":
    typer.run(main)
