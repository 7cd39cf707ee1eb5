"""Private text never at rest in clear nor in a log, deferred replies included.

A Telegram journey puts a marker in every private field (private objective, meeting note,
action items, the reason for leaving) while Telegram refuses some sends, so that replies and the
`/export` file wait in the outbox. Then the database file (SQLite) or `pg_dump` (PostgreSQL) and
every log line are searched.
"""

from __future__ import annotations

import io
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, select

from bot.logs import configure_logging
from handlers.core import Core
from storage.models import Outbox
from tests.fake_telegram import FakeTelegram, User
from tests.journey import MENTEE_FORM, MENTOR_FORM
from tests.test_telegram import LONG_NAME, ODD_NAME, Chat, running

MARKERS = {
    "objective": "QX1-objectif-confidentiel",
    "note": "QX2-note-confidentielle",
    "actions": "QX3-action-confidentielle",
    "reason": "QX4-raison-confidentielle",
}


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    """Everything logged, at every level, through the bot's own logging set-up."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(logging.DEBUG, [FakeTelegram().token], stream)
    http = logging.getLogger("httpx")
    http.setLevel(logging.DEBUG)  # its request lines hold the token: the filter must catch it
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)
    http.setLevel(logging.WARNING)


def dump(engine: Engine, db_url: str) -> bytes:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        engine.dispose()
        return b"".join(p.read_bytes() for p in Path(url.database).parent.glob("*.db*"))
    schema = url.query["options"].split("search_path=")[1]
    plain = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    return subprocess.run(
        ["pg_dump", "--data-only", "-n", schema, plain], check=True, capture_output=True
    ).stdout


@pytest.mark.usefixtures("programme")
def test_no_marker_in_the_database_or_the_logs_and_no_token_in_the_logs(
    core: Core, engine: Engine, db_url: str, fake: FakeTelegram, logs: io.StringIO
) -> None:
    with running(core, fake) as adapter:
        marc = Chat(fake, adapter, User(101, *LONG_NAME, language_code="fr"))
        lea = Chat(fake, adapter, User(202, *ODD_NAME, language_code="fr"))
        marc.answer("/start", "1", "/apply", "2", *MENTOR_FORM)
        lea.answer("/start", "1", "/apply", "1", *MENTEE_FORM, "1")
        marc.press(1)
        marc.press(1)
        lea.press(1)
        for chat in (lea, marc):
            chat.wait_text("Votre binôme est lancé")
        marc.press(1, expect="engagez librement")
        lea.press(1, expect="engagez librement")
        lea.press(1)
        lea.answer(MARKERS["objective"], "2", "1", "1")
        lea.wait_text("Votre accord est enregistré")

        fake.fail("sendMessage", 500, times=4)  # the replies that follow wait in the outbox
        lea.answer("/meeting", "2", "hier 9h", "1", "60", "1", "1, 3", "écoute")
        lea.answer(MARKERS["note"], MARKERS["actions"])
        fake.fail("sendDocument", 500, times=3)
        lea.say("/export")
        fake.wait_for(lambda: [s for s in lea.messages() if s.file], what="the export file")
        [export] = [s for s in lea.messages() if s.file]
        assert export.file is not None
        assert MARKERS["note"].encode() in export.file[1]  # Léa's own file holds her note

        marc.answer("/withdraw", "1", MARKERS["reason"])
        marc.wait_text("Merci, c'est noté.")

    with Session(engine) as session:
        assert session.exec(select(Outbox).where(Outbox.status == "sent")).all()
    assert len(fake.calls_of("sendMessage", ok=False)) == 4
    stored = dump(engine, db_url)
    assert b"a_b *c*" in stored  # the search works: Léa's name is stored, in clear
    for marker in MARKERS.values():
        assert marker.encode() not in stored, marker

    logged = logs.getvalue()
    assert "getUpdates" in logged  # the HTTP client's debug lines were there to leak the token
    assert fake.token not in logged and fake.token.split(":")[1] not in logged
    above_debug = "\n".join(
        line for line in logged.splitlines() if " DEBUG " not in line and line.strip()
    )
    for secret in (*MARKERS.values(), "Léa", "Marc-Étienne", "Hénaff"):
        assert secret not in above_debug, secret
