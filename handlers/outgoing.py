"""Messages to people other than the one speaking: through the outbox, in their language.

Flows reach it through their `Ctx`; the scheduler's sweeps, which have nobody speaking, use it
directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from handlers.ui import Choice, Item, Message, Option, to_payload
from messages.catalog import t
from storage.bulk_offers import BulkOffer, open_offers
from storage.conversations import open_prompt
from storage.models import Person
from storage.outbox import enqueue, set_payload


@dataclass
class Outgoing:
    session: Session
    now: datetime

    def notify(self, person_id: int, item: Item, dedup_key: str | None = None) -> bool:
        """Queue an item for someone; False if `dedup_key` was queued before."""
        queued = enqueue(self.session, person_id, "message", to_payload(item), dedup_key=dedup_key)
        return queued is not None

    def tell(self, person_id: int, key: str, **params: Any) -> None:
        """Send the text `key` to someone, in their language."""
        self.notify(person_id, Message(self.t_for(person_id, key, **params)))

    def offer(
        self,
        person_id: int,
        text: str,
        options: list[tuple[str, str]],
        action: str,
        context: dict[str, Any] | None = None,
        dedup_key: str | None = None,
        supersede: bool = True,
    ) -> bool:
        """Send someone buttons; their click calls the handler registered for `action`.

        With `dedup_key`, a second offer under the same key sends nothing and opens no prompt
        (the row is queued first, so two replicas cannot both open one). `supersede=False` keeps
        the person's older buttons for the same action working (one per meeting, say).
        """
        row_id = enqueue(self.session, person_id, "message", {}, dedup_key=dedup_key)
        if row_id is None:
            return False
        stored = [{"label": label, "value": value} for label, value in options]
        prompt = open_prompt(self.session, person_id, action, stored, context, supersede=supersede)
        choice = Choice(text, tuple(Option(label, value) for label, value in options), prompt.id)
        set_payload(self.session, row_id, to_payload(choice))
        return True

    def offer_many(self, offers: Iterable[tuple[BulkOffer, str]], supersede: bool = True) -> int:
        """`offer` for many people at once, a batch per statement (`storage.bulk_offers`): each
        (offer, text) becomes that person's buttons; how many were queued (keys queued before
        are skipped)."""
        texts: dict[str, str] = {}

        def keyed() -> Iterator[BulkOffer]:
            for offer, text in offers:
                texts[offer.dedup_key] = text
                yield offer

        def payload(offer: BulkOffer, prompt_id: int) -> dict[str, Any]:
            options = tuple(Option(o["label"], o["value"]) for o in offer.options)
            return to_payload(Choice(texts.pop(offer.dedup_key), options, prompt_id))

        return open_offers(self.session, keyed(), payload, supersede=supersede)

    def locale_of(self, person_id: int) -> str:
        person = self.session.get(Person, person_id)
        return person.locale if person is not None else "fr"

    def t_for(self, person_id: int, key: str, **params: Any) -> str:
        """A text in someone's language."""
        return t(self.locale_of(person_id), key, **params)
