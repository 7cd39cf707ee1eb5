"""Settings from the environment and a `.env` file (names, defaults: DESIGN.md section 4)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Locale = Literal["fr", "en"]


class Settings(BaseSettings):
    """Everything the bot reads from its environment; unset platform settings switch it off."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite:///mentorbot.db", alias="DATABASE_URL")
    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    telegram_bot_token: str | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field("https://api.telegram.org/bot", alias="TELEGRAM_API_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: str | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    port: int = Field(3000, alias="PORT")
    notes_keys: str | None = Field(None, alias="NOTES_KEYS")
    notes_key_file: str | None = Field(None, alias="NOTES_KEY_FILE")
    outbox_keep_minutes: int = Field(60, ge=0, alias="OUTBOX_KEEP_MINUTES")
    inbound_spool_dir: str | None = Field(None, alias="INBOUND_SPOOL_DIR")
    mentorbot_admins: str | None = Field(None, alias="MENTORBOT_ADMINS")
    default_locale: Locale = Field("fr", alias="DEFAULT_LOCALE")
    default_timezone: str = Field("Europe/Paris", alias="DEFAULT_TIMEZONE")

    @field_validator("mentorbot_admins")
    @classmethod
    def _accounts(cls, value: str | None) -> str | None:
        """Each entry must name an account; the error says which and the accepted forms."""
        from bot.domain.accounts import parse_account

        for raw in (value or "").split(","):
            if raw.strip():
                parse_account(raw)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r}: use an IANA name such as Europe/Paris"
            ) from exc
        return value

    @property
    def slack_enabled(self) -> bool:
        """Slack runs with a bot token and either a signing secret (HTTP) or an app token."""
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    def platform_problem(self) -> str | None:
        """What is missing for a platform that is half set up, naming the variable to set."""
        if self.slack_bot_token and not self.slack_enabled:
            return (
                "SLACK_BOT_TOKEN is set but Slack needs SLACK_SIGNING_SECRET (HTTP mode) or "
                "SLACK_APP_TOKEN (Socket Mode) too; set one, or unset SLACK_BOT_TOKEN."
            )
        if (self.slack_signing_secret or self.slack_app_token) and not self.slack_bot_token:
            return "Slack settings are present but SLACK_BOT_TOKEN is not; set it (xoxb-...)."
        if self.telegram_webhook_url and not self.telegram_bot_token:
            return "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not; set it."
        return self.spool_problem()

    def spool_problem(self) -> str | None:
        """Slack and Telegram webhooks keep what arrives while the database is unreachable in
        a local directory: next to a SQLite database, or INBOUND_SPOOL_DIR for PostgreSQL."""
        from sqlalchemy.exc import ArgumentError

        from bot.inbound_spool import spool_directory

        if not (self.slack_enabled or self.telegram_webhook_url):
            return None
        try:
            directory = spool_directory(self.inbound_spool_dir, self.database_url)
        except ArgumentError:  # an unparsable URL is reported where it is opened
            return None
        if directory is None:
            return (
                "INBOUND_SPOOL_DIR is not set: on PostgreSQL, Slack and Telegram webhooks need a "
                "local directory (e.g. /var/lib/mentorbot/inbound) to keep the messages that "
                "arrive while the database is unreachable."
            )
        return None

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    def secrets(self) -> list[str]:
        """Every configured value a log must never show."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            password = make_url(self.database_url).password
        except ArgumentError:  # an unparsable URL is reported where it is opened
            password = None
        found = [
            self.slack_bot_token, self.slack_signing_secret, self.slack_app_token,
            self.telegram_bot_token, self.telegram_webhook_secret, password,
            *(self.notes_keys or "").split(","),
        ]  # fmt: skip
        return [str(s).strip() for s in found if s and str(s).strip()]

    def admin_identities(self) -> list[tuple[str, str, str]]:
        """Parse MENTORBOT_ADMINS (`slack:T1/U1,telegram:42,console:alice`) into identities."""
        from bot.domain.accounts import parse_account

        found: list[tuple[str, str, str]] = []
        for raw in (self.mentorbot_admins or "").split(","):
            if raw.strip():
                account = parse_account(raw)
                found.append((account.platform, account.team, account.user))
        return found


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
