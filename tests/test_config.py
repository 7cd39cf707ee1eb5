"""Settings: the names and defaults of DESIGN.md section 4, from the environment or `.env`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import Settings

NAMES = [
    "DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL",
    "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET",
    "PORT", "NOTES_KEYS", "MENTORBOT_ADMINS", "DEFAULT_LOCALE", "DEFAULT_TIMEZONE",
]  # fmt: skip


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults(clean_env: Path) -> None:
    settings = Settings()
    assert settings.database_url == "sqlite:///mentorbot.db"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.telegram_api_url == "https://api.telegram.org/bot"
    assert (settings.port, settings.default_locale, settings.default_timezone) == (
        3000,
        "fr",
        "Europe/Paris",
    )
    assert not settings.slack_enabled and not settings.telegram_enabled


def test_env_file_and_environment(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_env / ".env").write_text("TELEGRAM_BOT_TOKEN=123:abc\nPORT=8080\n", encoding="utf-8")
    monkeypatch.setenv("PORT", "9090")
    settings = Settings()
    assert settings.telegram_enabled and settings.port == 9090


def test_every_setting_is_documented_in_env_example() -> None:
    example = (Path(__file__).parent.parent / ".env.example").read_text(encoding="utf-8")
    documented = {
        line.split("=")[0]
        for line in example.splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert set(NAMES) <= documented


def test_admins_are_parsed_and_bad_entries_name_the_form(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MENTORBOT_ADMINS", "slack:T1/U1, telegram:42,console:alice")
    assert Settings().admin_identities() == [
        ("slack", "T1", "U1"),
        ("telegram", "", "42"),
        ("console", "", "alice"),
    ]
    monkeypatch.setenv("MENTORBOT_ADMINS", "mastodon:x")
    with pytest.raises(ValidationError, match="slack:TEAM/USER"):
        Settings()


def test_unknown_zone_and_locale_are_refused(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ValidationError, match="IANA"):
        Settings()
    monkeypatch.setenv("DEFAULT_TIMEZONE", "UTC")
    monkeypatch.setenv("DEFAULT_LOCALE", "de")
    with pytest.raises(ValidationError):
        Settings()


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"TELEGRAM_WEBHOOK_URL": "https://x.example/telegram"}, "TELEGRAM_BOT_TOKEN"),
    ],
)
def test_a_half_set_platform_names_the_missing_variable(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], named: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    problem = Settings().platform_problem()
    assert problem is not None and named in problem


def test_slack_runs_in_socket_mode_without_a_signing_secret(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    settings = Settings()
    assert settings.slack_enabled and settings.platform_problem() is None
