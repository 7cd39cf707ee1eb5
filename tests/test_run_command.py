"""`mentorbot run` with platform settings: the real command serves Telegram until SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import TOKEN, FakeTelegram, User


def _env(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "TELEGRAM_", "DATABASE_URL", "NOTES_", "MENTORBOT_"))
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'run.db'}"
    return {**env, **settings}


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    server = FakeTelegram(max_poll_wait=0.2).start()
    yield server
    server.stop()


def test_run_serves_telegram_by_polling_and_stops_cleanly(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.api_url)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        fake.wait_for(lambda: fake.calls_of("getUpdates"), timeout=30, what="polling")
        lea = User(1001, "Léa")
        fake.push(fake.text_update(lea, "/start"))
        fake.wait_for(
            lambda: any("Bonjour" in s.text for s in fake.messages_to(lea.id)),
            timeout=30,
            what="the answer to /start",
        )
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err.decode()
    assert "mentorbot is running (telegram)" in err.decode()


def test_run_refuses_a_half_set_platform_and_names_the_variable(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=_env(tmp_path, SLACK_BOT_TOKEN="xoxb-1"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "SLACK_SIGNING_SECRET" in result.stderr.decode()


def test_run_refuses_a_bad_admin_entry_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=_env(tmp_path, MENTORBOT_ADMINS="console:alice,slack:bad"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    said = result.stderr.decode()
    assert result.returncode == 2
    assert "MENTORBOT_ADMINS" in said and "'slack:bad'" in said and "slack:TEAM/USER" in said
    assert "Traceback" not in said
