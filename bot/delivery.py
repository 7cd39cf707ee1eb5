"""The delivery worker: sends what waits in the outbox through one platform's adapter.

A platform fault delays a message and never loses it: the adapter raises `RetryLater` (429,
5xx, time-out) and the row is tried again after the delay the platform asked for, or with
back-off; only `Undeliverable` (the person blocked the bot) stops the retries, and the row stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.engine import Engine

from handlers.ui import Item, from_payload
from storage.db import session_scope
from storage.models import Identity
from storage.outbox import claim, mark_failed, mark_retry, mark_sent
from storage.types import utcnow

log = logging.getLogger(__name__)
Sender = Callable[[Identity, Item], None]


class RetryLater(Exception):
    """The platform could not take the message now; `after` is its requested delay in seconds."""

    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.after = after


class Undeliverable(Exception):
    """The platform will never take this message (account gone, bot blocked)."""


def deliver_due(
    engine: Engine, platform: str, send: Sender, *, batch: int = 50, now: datetime | None = None
) -> int:
    """Send up to `batch` due rows for `platform`, one transaction each; returns how many were sent.

    Each row is marked in the transaction that claimed it, so a crash re-sends at most the one
    message being sent, and a row locked by another replica is skipped, not sent twice.
    """
    sent = 0
    for _ in range(batch):
        with session_scope(engine) as session:
            claimed = claim(session, platform, now or utcnow(), 1)
            if not claimed:
                break
            row, identity = claimed[0]
            moment = now or utcnow()
            try:
                send(identity, from_payload(row.payload))
            except RetryLater as exc:
                log.warning("outbox %s delayed: %s", row.id, exc)
                mark_retry(session, row, moment, str(exc), exc.after)
            except Undeliverable as exc:
                log.warning("outbox %s undeliverable: %s", row.id, exc)
                mark_failed(session, row, str(exc))
            except Exception as exc:
                log.exception("outbox %s failed in the adapter; will retry", row.id)
                mark_retry(session, row, moment, repr(exc))
            else:
                mark_sent(session, row, moment)
                sent += 1
    return sent
