"""Logging that carries ids and kinds of input, never a secret or a person's words.

Every handler the bot installs runs `Redact`, which removes the configured secrets and anything
shaped like a platform token from the message and from tracebacks, at every level. The HTTP
clients' request lines (which hold the Telegram token in their URL) and the Slack SDK's and
Bolt's payload dumps are kept below the level the bot logs at; SQLAlchemy hides statement
parameters in its errors (see `storage.db.make_engine`).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from typing import TextIO

TOKEN_SHAPES = (
    re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}"),  # Telegram bot token
    re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{8,}"),  # Slack tokens
)
HIDDEN = "[secret]"
# Loggers that print request URLs or payloads at INFO or DEBUG: kept at WARNING.
CHATTY = ("httpx", "httpcore", "slack_bolt", "slack_sdk", "telegram", "apscheduler", "hpack")


class Redact(logging.Filter):
    """Remove secrets from a record's message and traceback before any handler writes it."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 8}, key=len, reverse=True)

    def clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        for shape in TOKEN_SHAPES:
            text = shape.sub(HIDDEN, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.clean(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self.clean(record.stack_info)
        return True


def configure_logging(
    level: int = logging.WARNING,
    secrets: Iterable[str | None] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Log to `stream` (stderr) at `level`, through `Redact`; returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secrets))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return handler
