"""Reaching people a coordinator imported: Slack accounts by e-mail, and Telegram invitation links.

`SlackDirectory.find` asks Slack's `users.lookupByEmail` for the account behind an address (None
when the workspace has nobody with it); `telegram_username` asks Telegram's getMe once for the
bot's username, which deep links need. Both read their URLs from the settings, so tests point
them at the fake servers; neither is called when its platform is not configured.
"""

from __future__ import annotations

import asyncio

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from telegram import Bot
from telegram.error import TelegramError

from bot.adapters.telegram_render import api_urls
from bot.config import Settings
from bot.domain.accounts import Account

TIMEOUT = 10
NOT_FOUND = "users_not_found"


class DirectoryError(Exception):
    """Slack could not say whether the address has an account (network, token, rate limit)."""


class SlackDirectory:
    """The Slack workspace's people, looked up by e-mail address."""

    def __init__(self, token: str, api_url: str) -> None:
        self.client = WebClient(token=token, base_url=api_url, timeout=TIMEOUT)

    def find(self, email: str) -> Account | None:
        """The Slack account of `email`, or None when nobody (active) has it."""
        try:
            response = self.client.users_lookupByEmail(email=email)
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            if error == NOT_FOUND:
                return None
            raise DirectoryError(error or f"HTTP {exc.response.status_code}") from exc
        except OSError as exc:  # refused connections, time-outs
            raise DirectoryError(str(exc) or type(exc).__name__) from exc
        user = response.get("user") or {}
        if user.get("deleted") or user.get("is_bot") or not user.get("id"):
            return None
        return Account("slack", str(user.get("team_id") or ""), str(user["id"]))


def slack_directory(settings: Settings) -> SlackDirectory | None:
    """The directory when Slack is configured (a bot token), else None."""
    if not settings.slack_bot_token:
        return None
    return SlackDirectory(settings.slack_bot_token, settings.slack_api_url)


def telegram_username(settings: Settings) -> str | None:
    """The bot's Telegram username (one getMe call), or None: no token, or Telegram failed."""
    token = settings.telegram_bot_token
    if not token:
        return None
    base_url, base_file_url = api_urls(settings.telegram_api_url)

    async def get_me() -> str | None:
        async with Bot(token, base_url=base_url, base_file_url=base_file_url) as bot:
            return bot.username

    try:
        return asyncio.run(get_me())
    except (TelegramError, OSError):
        return None
