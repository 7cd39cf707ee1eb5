"""Every bad input of DESIGN.md section 5, at every step of the journey.

At each step of the whole journey, before the real answer, the speaker sends each bad input and
replays an old button: each gets a clear answer in their language, nothing in the database
changes, and the journey then goes on to its end as if nothing had happened. Then arbitrary text
(hypothesis) is thrown at copies of the database taken at every kind of step.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import MultiFernet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select, text

from bot.demo import ensure_demo_programme
from handlers.core import Core
from handlers.ui import Inbound, Message
from storage.db import make_engine
from storage.models import ConversationState, Identity, Prompt
from tests.conftest import Dialog
from tests.test_full_journey import FR, MENTEE, MENTOR

INTERNAL = ("problème technique", "technical problem")
ALWAYS_REFUSED = ["/frobnicate", "/" + "x" * 60, "x" * 10_001]
IGNORED = ["", "   ", "\x00\x01\x7f"]
VOLATILE = ("outbox", "prompt", "conversationstate", "person", "identity")
KEPT_TABLES = [t.name for t in SQLModel.metadata.sorted_tables if t.name not in VOLATILE]


def journey_lines() -> list[str]:
    return [
        "@marc", "/start", "1", "/apply", "2", *MENTOR,
        "@lea", "/start", "1", "/apply", "1", *MENTEE, "1",
        "@marc", "1", "1", "@lea", "1", "@marc", "1", "@lea", "1", "1",
        FR.objectives, "1", "1", "1",
        "/meeting", "2", FR.yesterday_morning, "1", "60", "1", "1, 3", "écoute", "Note", "-",
        "/meeting", "1", FR.in_a_week, "1", "60", "1",
        "/objectives", "1", "/pause", "dans 2 mois", "1", "/pause", "1",
    ]  # fmt: skip


def snapshot(engine: Engine, person_id: int) -> tuple[Any, ...]:
    with Session(engine) as session:
        counts = tuple(
            session.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar() for name in KEPT_TABLES
        )
        state = session.get(ConversationState, person_id)
        prompts = session.exec(
            select(Prompt.id, Prompt.used_at, Prompt.superseded).where(
                Prompt.person_id == person_id
            )
        ).all()
        return counts, (state.flow, state.step, state.data) if state else None, sorted(prompts)


def texts(replies: list[Any]) -> str:
    return "\n".join(r.item.text for r in replies if isinstance(r.item, Message))


def person_of(engine: Engine, name: str) -> int | None:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == name)).first()
        return identity.person_id if identity else None


def used_prompt(engine: Engine, person_id: int) -> int | None:
    with Session(engine) as session:
        return session.exec(
            select(Prompt.id)
            .where(Prompt.person_id == person_id, col(Prompt.used_at).is_not(None))
            .order_by(col(Prompt.id).desc())
        ).first()


@pytest.mark.usefixtures("programme")
def test_bad_input_at_every_step_changes_nothing(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    speaker = ""
    for line in journey_lines():
        if line.startswith("@"):
            speaker = line[1:]
            dialog(line)
            continue
        person = person_of(engine, speaker)
        if person is not None:
            before = snapshot(engine, person)
            for bad in ALWAYS_REFUSED:
                said = texts(core.handle(Inbound(person, text=bad)))
                assert said and not any(word in said for word in INTERNAL), (line, bad)
            for bad in IGNORED:
                assert core.handle(Inbound(person, text=bad)) == []
            old = used_prompt(engine, person)
            if old is not None:
                said = texts(core.handle(Inbound(person, prompt_id=old, option=0)))
                assert "déjà servi" in said, (line, said)
            assert snapshot(engine, person) == before, f"{speaker} before {line!r}"
        dialog(line)
    said = dialog("@lea\n/status")
    assert "rencontre tenue" in said and "Prochaine rencontre" in said


def copy_of(url: str, tmp_path: Path, n: int) -> str:
    """A copy of the SQLite database, its write-ahead log included."""
    source = Path(url.removeprefix("sqlite:///"))
    path = tmp_path / f"copy{n}.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
    return f"sqlite:///{path}"


STOPS = {
    "fresh": [],
    "role choice": ["@lea", "/apply"],
    "number field": ["@lea", "/apply", "1", "Agence B", "-", "Sophie", "Cheffe"],
    "multi field": ["@lea", "/apply", "1", *MENTEE[:7]],
    "date field": ["@marc", "/start", "1", "/apply", "2", *MENTOR, "@lea", "/apply", "1",
                   *MENTEE, "1", "@marc", "1", "1", "@lea", "1", "@marc", "1", "@lea", "1",
                   "1", FR.objectives, "1", "1", "1", "/meeting", "1"],
}  # fmt: skip


@pytest.mark.parametrize("stop", list(STOPS))
def test_arbitrary_text_anywhere_never_breaks_the_conversation(
    sqlite_template: Path, cipher: MultiFernet, tmp_path: Path, stop: str
) -> None:
    """On SQLite only: each example works on a file copy of the database at that step."""
    shutil.copy(sqlite_template, tmp_path / "base.db")
    db_url = f"sqlite:///{tmp_path / 'base.db'}"
    engine = make_engine(db_url)
    ensure_demo_programme(engine)
    Dialog(Core(engine, cipher), tmp_path / "f")("\n".join(["@lea", *STOPS[stop]]))
    engine.dispose()
    counter = iter(range(10_000))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=200))
    def check(typed: str) -> None:
        copy = make_engine(copy_of(db_url, tmp_path, next(counter)))
        talk = Dialog(Core(copy, cipher), tmp_path / "g")
        said = talk(f"@lea\n{typed.replace(chr(10), ' ').lstrip('@')}")
        assert all(line.startswith("[") for line in said.splitlines())
        assert not any(word in said for word in INTERNAL)
        assert "(" in talk("/status") or stop in ("fresh", "role choice")
        copy.dispose()

    check()
