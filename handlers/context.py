"""What a handler gets: the session, the person, their state, and ways to answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.fernet import MultiFernet

from handlers.outgoing import Outgoing
from handlers.ui import Choice, Item, Message, Option, Reply
from messages.catalog import t
from storage.conversations import clear_state, open_prompt, set_state
from storage.models import ConversationState, Person

if TYPE_CHECKING:
    from handlers.router import Router


@dataclass
class Ctx(Outgoing):
    """One inbound event being handled: who speaks, where they stand, and what to answer."""

    person: Person
    state: ConversationState
    cipher: MultiFernet
    router: Router
    modal_forms: bool = False
    links: dict[str, str] = field(default_factory=dict)
    replies: list[Reply] = field(default_factory=list)
    answered: dict[int, str] = field(default_factory=dict)  # prompt id -> label picked now

    @property
    def me(self) -> int:
        """The speaking person's id (always set: the core loads the person first)."""
        assert self.person.id is not None
        return self.person.id

    def t(self, key: str, **params: Any) -> str:
        """A text in this person's language."""
        return t(self.person.locale, key, **params)

    def send(self, item: Item) -> None:
        self.replies.append(Reply(self.person.id, item))

    def send_text(self, text: str) -> None:
        self.send(Message(text))

    def say(self, key: str, **params: Any) -> None:
        """Answer with the text `key` in the person's language."""
        self.send_text(self.t(key, **params))

    def ask(
        self,
        text: str,
        options: list[tuple[str, str]],
        action: str,
        context: dict[str, Any] | None = None,
    ) -> None:
        """Offer buttons `(label, value)`; a click calls the handler registered for `action`."""
        stored = [{"label": label, "value": value} for label, value in options]
        prompt = open_prompt(self.session, self.person.id, action, stored, context)
        self.send(Choice(text, tuple(Option(label, value) for label, value in options), prompt.id))

    def goto(self, flow: str, step: str, data: dict[str, Any] | None = None) -> None:
        set_state(self.session, self.state, flow, step, data or {})

    def finish(self) -> None:
        clear_state(self.session, self.state)
