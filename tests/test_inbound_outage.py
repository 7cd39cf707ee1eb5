"""Inbound messages during a database outage: nothing lost, nothing answered twice, in order.

The bot talks to PostgreSQL through a TCP relay on 127.0.0.1 (tests/tcp_proxy.py) that the test
cuts in the middle of the traffic: every connection dropped, new ones refused, for a few seconds.
People keep writing through the fake Telegram (polling and webhook) and through Slack's signed
HTTP endpoint; then the relay comes back, and the same adapter, never restarted, must answer
every message exactly once, in each person's order. A Slack modal sent meanwhile stays open
and goes through when sent again; on SQLite, a file locked by another connection plays the
outage for Slack and for the console.

Each message is an unknown command (`/a2`), so its answer names it: "Je ne connais pas la
commande /a2", and the order of the answers can be read from what each person was sent.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from bot.adapters.telegram import TelegramAdapter
from bot.config import Settings
from bot.demo import ensure_demo_programme
from bot.runner import Runner
from handlers.core import Core
from messages.catalog import t
from storage.db import make_engine
from storage.models import InboundReceipt
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.tcp_proxy import TcpProxy
from tests.test_slack import LEA, MARC, MENTOR, Workspace, start_runner, text_of
from tests.test_telegram import free_port

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
POSTGRESQL = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
MARKER = re.compile(r"commande \S*?([ab]\d)\b")
WAIT = t("fr", "outage-wait")
ANA, BOB = User(901, "Ana"), User(902, "Bob")


@pytest.fixture
def relayed(db_url: str, cipher: MultiFernet) -> Iterator[tuple[Core, TcpProxy]]:
    """A core whose every connection to PostgreSQL goes through a relay the test can cut."""
    url = make_url(db_url)
    with TcpProxy((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        engine = make_engine(url.set(port=proxy.port).render_as_string(hide_password=False))
        yield Core(engine, cipher), proxy
        engine.dispose()


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@contextmanager
def telegram_bot(
    core: Core, fake: FakeTelegram, spool: Path | None, *, webhook: bool
) -> Iterator[TelegramAdapter]:
    port = free_port()
    env = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.api_url, "PORT": port}
    if spool is not None:
        env["INBOUND_SPOOL_DIR"] = str(spool)
    if webhook:
        env["TELEGRAM_WEBHOOK_URL"] = f"http://127.0.0.1:{port}/telegram/hook"
    adapter = TelegramAdapter(core, Settings(_env_file=None, **env), poll_timeout=1)  # type: ignore[call-arg]
    runner = Runner(core, [adapter], port=port, host="127.0.0.1", delivery_interval=0.1)
    runner.start_in_thread()
    try:
        if webhook:
            fake.wait_for(lambda: fake.webhook, what="setWebhook")
        yield adapter
    finally:
        runner.stop_thread()


def markers(texts: list[str]) -> list[str]:
    """The commands answered, in the order the answers were sent."""
    return [found.group(1) for text in texts if (found := MARKER.search(text))]


def telegram_texts(fake: FakeTelegram, user: User) -> list[str]:
    return [sent.text for sent in fake.messages_to(user.id)]


def receipts(core: Core) -> int:
    with Session(core.engine) as session:
        return session.exec(select(func.count()).select_from(InboundReceipt)).one()


def spooled(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.item")) if directory.is_dir() else []


def check_spool_files(core: Core, directory: Path, count: int, secrets: list[str]) -> None:
    """The waiting messages are on disk, owner-only, and none of their words is readable but
    with the notes key. (Each secret holds a character base64 does not use, so that no
    encrypted file shows one by chance.)"""
    files = spooled(directory)
    assert len(files) == count
    assert directory.stat().st_mode & 0o777 == 0o700
    clear = b""
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600
        content = path.read_bytes()
        assert not any(secret.encode() in content for secret in secrets)
        clear += core.cipher.decrypt(content)
    assert all(secret.encode() in clear for secret in secrets)


def send_telegram(fake: FakeTelegram, plan: list[tuple[User, str]]) -> list[dict]:
    updates = [fake.text_update(user, f"/{marker}") for user, marker in plan]
    for update in updates:
        assert fake.push(update) == 200  # the webhook acknowledges only what it handled or kept
    return updates


def expect_answers(fake: FakeTelegram, expected: dict[int, list[str]]) -> None:
    for user in (ANA, BOB):
        fake.wait_for(
            lambda user=user: markers(telegram_texts(fake, user)) == expected[user.id],
            what=f"answers {expected[user.id]} for {user.first_name}; "
            f"got {markers(telegram_texts(fake, user))}",
        )


@POSTGRESQL
def test_telegram_polling_leaves_updates_unconfirmed_until_postgresql_is_back(
    relayed: tuple[Core, TcpProxy], telegram: FakeTelegram, tmp_path: Path
) -> None:
    core, proxy = relayed
    fake = telegram
    with telegram_bot(core, fake, tmp_path / "spool", webhook=False) as adapter:
        send_telegram(fake, [(ANA, "a1"), (BOB, "b1")])
        expect_answers(fake, {ANA.id: ["a1"], BOB.id: ["b1"]})

        proxy.cut()
        held = send_telegram(
            fake, [(ANA, "a2"), (BOB, "b2"), (ANA, "a3"), (BOB, "b3"), (ANA, "a4")]
        )
        fake.wait_for(lambda: WAIT in telegram_texts(fake, ANA), what="Ana told to wait")
        retries = len(fake.calls_of("getUpdates"))
        fake.wait_for(
            lambda: len(fake.calls_of("getUpdates")) >= retries + 2, what="two more pulls"
        )
        # Pulled again and again, never confirmed: Telegram still holds every one of them.
        offsets = {call.params.get("offset") for call in fake.calls_of("getUpdates")[retries:]}
        assert offsets == {str(held[0]["update_id"])}
        pending = {update["update_id"] for update in fake.pending}
        assert {update["update_id"] for update in held} <= pending
        assert markers(telegram_texts(fake, ANA)) == ["a1"]
        assert markers(telegram_texts(fake, BOB)) == ["b1"]
        accepted = proxy.accepted

        proxy.restore()
        expect_answers(fake, {ANA.id: ["a1", "a2", "a3", "a4"], BOB.id: ["b1", "b2", "b3"]})
        assert proxy.accepted > accepted, "the same engine reconnected"
        fake.wait_for(lambda: adapter.updates_done == 7, what="every update done")
        # Bob's first waiting update came behind Ana's, which held the batch: never tried.
        assert telegram_texts(fake, ANA).count(WAIT) == 1
        assert WAIT not in telegram_texts(fake, BOB)
        assert receipts(core) == 7
        assert not spooled(tmp_path / "spool" / "telegram")
        time.sleep(0.5)  # nothing comes a second time
        assert markers(telegram_texts(fake, ANA)) == ["a1", "a2", "a3", "a4"]


@POSTGRESQL
def test_telegram_webhook_keeps_updates_encrypted_on_disk_until_postgresql_is_back(
    relayed: tuple[Core, TcpProxy], telegram: FakeTelegram, tmp_path: Path
) -> None:
    core, proxy = relayed
    fake = telegram
    spool = tmp_path / "spool"
    with telegram_bot(core, fake, spool, webhook=True) as adapter:
        send_telegram(fake, [(ANA, "a1"), (BOB, "b1")])
        expect_answers(fake, {ANA.id: ["a1"], BOB.id: ["b1"]})

        proxy.cut()
        send_telegram(fake, [(ANA, "a2"), (BOB, "b2"), (ANA, "a3"), (BOB, "b3"), (ANA, "a4")])
        check_spool_files(core, spool / "telegram", 5, ["/a2", "/b3", '"Ana"', '"id": 901'])
        time.sleep(1.5)  # the spool tries again, and fails again, in the meantime
        assert markers(telegram_texts(fake, ANA)) == ["a1"]
        assert markers(telegram_texts(fake, BOB)) == ["b1"]
        for user in (ANA, BOB):  # each told once, at their first waiting message
            assert telegram_texts(fake, user).count(WAIT) == 1

        proxy.restore()
        expect_answers(fake, {ANA.id: ["a1", "a2", "a3", "a4"], BOB.id: ["b1", "b2", "b3"]})
        fake.wait_for(lambda: not spooled(spool / "telegram"), what="an empty spool")
        fake.wait_for(lambda: adapter.updates_done == 7, what="every update done")
        assert receipts(core) == 7
        # Once the database is back, a message goes straight through again.
        send_telegram(fake, [(BOB, "b4")])
        expect_answers(fake, {ANA.id: ["a1", "a2", "a3", "a4"], BOB.id: ["b1", "b2", "b3", "b4"]})
        assert fake.webhook_statuses == [200] * 8
        for user in (ANA, BOB):
            assert telegram_texts(fake, user).count(WAIT) == 1


@POSTGRESQL
def test_a_webhook_without_a_spool_answers_503_so_that_telegram_sends_again(
    relayed: tuple[Core, TcpProxy], telegram: FakeTelegram
) -> None:
    core, proxy = relayed
    fake = telegram
    with telegram_bot(core, fake, None, webhook=True) as adapter:
        assert adapter.spool is None
        proxy.cut()
        update = fake.text_update(ANA, "/a1")
        assert fake.push(update) == 503
        assert fake.push(update) == 503  # sent again: still not taken, Ana told only once
        proxy.restore()
        assert fake.push(update) == 200
        assert fake.push(update) == 200  # once more after it was taken: a no-op
        expect_answers(fake, {ANA.id: ["a1"], BOB.id: []})
        assert telegram_texts(fake, ANA).count(WAIT) == 1
        assert receipts(core) == 1


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.users[LEA] = FakeUser("fr-FR", "Europe/Paris", "Léa")
        server.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        yield server


def slack_texts(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(call) for call in fake.of("chat.postMessage", channel="D" + user)]


def expect_slack(fake: FakeSlack, expected: dict[str, list[str]]) -> None:
    for user, answers in expected.items():
        wait_for(
            lambda user=user, answers=answers: markers(slack_texts(fake, user)) == answers,
            timeout=30,
            what=f"answers {answers} for {user}; got {markers(slack_texts(fake, user))}",
        )


@contextmanager
def slack_workspace(core: Core, fake: FakeSlack, **env: str) -> Iterator[Workspace]:
    runner, adapter = start_runner(core, fake, **env)
    try:
        yield Workspace(runner.url, fake, adapter)
    finally:
        runner.stop_thread()


def write_while_away(slack: Workspace, plan: list[tuple[str, str]]) -> None:
    """DMs and commands, each acknowledged at once; the next waits until the last is spooled
    (Slack sends them as separate requests, which Bolt takes on separate threads)."""
    spool = slack.adapter.spool
    assert spool is not None
    for number, (user, marker) in enumerate(plan, 1):
        if number % 2:
            assert slack.dm(user, f"/{marker}").status_code == 200
        else:
            slack.command(user, marker)
        wait_for(lambda number=number: len(spool) >= number, timeout=15, what=f"{marker} kept")


@POSTGRESQL
def test_slack_events_are_spooled_while_postgresql_is_away_and_answered_in_order(
    relayed: tuple[Core, TcpProxy], slack_fake: FakeSlack, tmp_path: Path
) -> None:
    core, proxy = relayed
    spool = tmp_path / "spool"
    with slack_workspace(core, slack_fake, INBOUND_SPOOL_DIR=str(spool)) as slack:
        slack.dm(LEA, "/a1")
        slack.dm(MARC, "/b1")
        expect_slack(slack_fake, {LEA: ["a1"], MARC: ["b1"]})

        proxy.cut()
        plan = [(LEA, "a2"), (MARC, "b2"), (LEA, "a3"), (MARC, "b3"), (LEA, "a4")]
        write_while_away(slack, plan)
        check_spool_files(core, spool / "slack", 5, ["/a2", "/b3", f'"{LEA}"', f'"{MARC}"'])
        time.sleep(1.5)
        assert markers(slack_texts(slack_fake, LEA)) == ["a1"]
        assert markers(slack_texts(slack_fake, MARC)) == ["b1"]

        proxy.restore()
        expect_slack(slack_fake, {LEA: ["a1", "a2", "a3", "a4"], MARC: ["b1", "b2", "b3"]})
        wait_for(lambda: not spooled(spool / "slack"), what="an empty spool")
        for user in (LEA, MARC):
            assert slack_texts(slack_fake, user).count(WAIT) == 1
        assert receipts(core) == 7
        slack.dm(LEA, "/a5")  # straight through again
        expect_slack(slack_fake, {LEA: ["a1", "a2", "a3", "a4", "a5"]})
        assert slack_texts(slack_fake, LEA).count(WAIT) == 1


@SQLITE
def test_slack_events_wait_out_a_locked_sqlite_file_next_to_it(
    core: Core, slack_fake: FakeSlack, db_url: str
) -> None:
    path = Path(make_url(db_url).database or "")
    with slack_workspace(core, slack_fake) as slack:
        slack.dm(LEA, "/a1")
        expect_slack(slack_fake, {LEA: ["a1"]})
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process writing, for longer than we wait
        try:
            write_while_away(slack, [(LEA, "a2"), (LEA, "a3")])
            directory = path.parent / "mentorbot-inbound" / "slack"
            check_spool_files(core, directory, 2, ["/a2", "/a3", f'"{LEA}"'])
            assert markers(slack_texts(slack_fake, LEA)) == ["a1"]
        finally:
            holder.execute("COMMIT")
            holder.close()
        expect_slack(slack_fake, {LEA: ["a1", "a2", "a3"]})
        assert slack_texts(slack_fake, LEA).count(WAIT) == 1
        assert receipts(core) == 3


@SQLITE
def test_the_console_waits_out_a_locked_sqlite_file_and_loses_no_line(
    dialog: Dialog, db_url: str
) -> None:
    assert markers(dialog("@ana\n/a1").splitlines()) == ["a1"]
    holder = sqlite3.connect(make_url(db_url).database or "", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    said: list[str] = []
    typing = threading.Thread(target=lambda: said.append(dialog("@bea\n/b1\n/b2")))
    try:
        typing.start()
        wait_for(lambda: WAIT in dialog.out.getvalue(), timeout=20, what="Bea told to wait")
        assert typing.is_alive() and "b1" not in dialog.out.getvalue()
    finally:
        holder.execute("COMMIT")
        holder.close()
    typing.join(30)
    lines = said[0].splitlines()
    assert markers(lines) == ["b1", "b2"]
    assert lines.count(f"[bea] {WAIT}") == 1


@POSTGRESQL
def test_a_modal_sent_while_postgresql_is_away_stays_open_and_goes_through_later(
    relayed: tuple[Core, TcpProxy], slack_fake: FakeSlack, tmp_path: Path
) -> None:
    core, proxy = relayed
    ensure_demo_programme(core.engine)
    with slack_workspace(core, slack_fake, INBOUND_SPOOL_DIR=str(tmp_path)) as slack:
        start = slack_fake.count()
        slack.command(MARC, "apply")
        slack.click(MARC, "Mentor")
        modal = slack.modal(MARC, start)

        proxy.cut()
        refused = slack.submit(MARC, MENTOR, modal).json()
        assert refused["response_action"] == "errors"
        assert list(refused["errors"].values()) == [t("fr", "outage-form-retry")]

        proxy.restore()
        assert slack.submit(MARC, MENTOR, modal).content == b""  # the modal closes
        slack.expect(MARC, "Votre candidature de mentor", start)
        assert not spooled(tmp_path / "slack")
