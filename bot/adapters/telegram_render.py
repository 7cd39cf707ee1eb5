"""Pure helpers of the Telegram adapter: HTML escaping and splitting, button data, menus, URLs.

Nothing here talks to the network, so every rule about Telegram's limits sits in one place:
texts of at most 4,096 characters, captions of 1,024, `callback_data` of 64 bytes, command names
of `[a-z0-9_]{1,32}`. Telegram counts characters in UTF-16 code units; so do we.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import re
from dataclasses import dataclass

from bot.adapters.split import split_escaped
from handlers.mentions import plain_refs
from handlers.ui import Option

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_LIMIT = 64
MAX_BUTTONS = 100
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
DESCRIPTION_LIMIT = 256
MAX_COMMANDS = 100
SECRET_CHARS = re.compile(r"[A-Za-z0-9_-]{1,256}")
_BUTTON = re.compile(r"p([0-9a-z]{1,13})\.([0-9a-z]{1,2})\.([A-Za-z0-9_-]{8})")
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def utf16_len(text: str) -> int:
    """The length Telegram measures: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Text made safe for parse_mode HTML: names with `_`, `*`, `<` or `&` print as typed
    (and the people the core named in it, by their names)."""
    return html.escape(plain_refs(text), quote=False)


def utf16_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def split_html(escaped: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Escaped text in parts Telegram accepts, counted in UTF-16 code units."""
    return split_escaped(escaped, limit, utf16_units)


def fits_caption(caption: str) -> bool:
    return utf16_len(escape(caption)) <= CAPTION_LIMIT


def with_choice(text: str, label: str) -> str | None:
    """A message's escaped text followed by what was chosen, or None when it would not fit."""
    edited = f"{escape(text)}\n\n{escape(label)}"
    return edited if utf16_len(edited) <= TEXT_LIMIT else None


def numbered(text: str, options: tuple[Option, ...]) -> str:
    """A choice as text, for the rare case buttons cannot carry it (more than Telegram allows)."""
    lines = [f"{i}. {option.label}" for i, option in enumerate(options, 1)]
    return "\n".join([text, *lines])


@dataclass(frozen=True)
class Press:
    """What a button press carries: the core's prompt and the option's index."""

    prompt_id: int
    option: int


class ButtonData:
    """Opaque, signed `callback_data`: `p<prompt>.<option>.<tag>` in base 36, at most 26 bytes.

    Labels never go into it, so accented or long labels cannot push it past 64 bytes; the tag
    (an HMAC of the rest) makes forged or mangled data fail the check before reaching the core.
    """

    def __init__(self, token: str) -> None:
        self._key = hashlib.sha256(f"mentorbot-buttons:{token}".encode()).digest()

    def encode(self, prompt_id: int, option: int) -> str:
        body = f"p{_base36(prompt_id)}.{_base36(option)}"
        data = f"{body}.{self._tag(body)}"
        if prompt_id < 0 or option < 0 or len(data.encode()) > CALLBACK_LIMIT:
            raise ValueError(f"cannot encode prompt {prompt_id} option {option}")
        return data

    def decode(self, data: str | None) -> Press | None:
        """The press, or None for anything this bot did not write."""
        match = _BUTTON.fullmatch(data or "")
        if match is None:
            return None
        body = data[: match.start(3) - 1]  # type: ignore[index]
        if not hmac.compare_digest(self._tag(body), match.group(3)):
            return None
        return Press(int(match.group(1), 36), int(match.group(2), 36))

    def _tag(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:6]).decode()


def _base36(number: int) -> str:
    if number == 0:
        return "0"
    digits = []
    while number:
        number, rest = divmod(number, 36)
        digits.append(_B36[rest])
    return "".join(reversed(digits))


def menu_commands(menu: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The core's menu as Telegram accepts it: valid names, descriptions of 1-256 characters."""
    kept: list[tuple[str, str]] = []
    for name, description in menu:
        text = " ".join(description.split())[:DESCRIPTION_LIMIT]
        if COMMAND_NAME.fullmatch(name) and text and name not in {n for n, _ in kept}:
            kept.append((name, text))
    return kept[:MAX_COMMANDS]


def api_urls(api_url: str) -> tuple[str, str]:
    """The Bot API base URL and the file base URL PTB wants, from TELEGRAM_API_URL.

    Accepts the official form (`https://api.telegram.org/bot`, the token is appended), a
    server root (`http://127.0.0.1:8081`) or a template with `{token}`.
    """
    url = api_url.strip()
    if "{token}" in url:
        return url, url.replace("/bot{token}", "/file/bot{token}")
    url = url.rstrip("/")
    if not url.endswith("/bot"):
        url += "/bot"
    return url, url[: -len("/bot")] + "/file/bot"


def webhook_secret(configured: str | None, token: str) -> str:
    """TELEGRAM_WEBHOOK_SECRET, or one derived from the token (stable across restarts)."""
    if configured:
        if not SECRET_CHARS.fullmatch(configured):
            raise ValueError(
                "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters among A-Z, a-z, 0-9, _ and -"
            )
        return configured
    return hashlib.sha256(f"mentorbot-webhook:{token}".encode()).hexdigest()[:48]
