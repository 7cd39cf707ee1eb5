"""The shape of a Telegram update as the adapter reads it, checked before python-telegram-bot
builds its objects from a webhook body (see `bot.adapters.http_guard`).

Only what the adapter reads is checked, strictly (an id is a JSON integer, never a string or a
boolean); everything else Telegram sends is let through untouched. Ids stay within Telegram's
signed 64-bit range, so none is too long for a column once written as text. In a private chat
the chat is the user's own (same id), as Telegram guarantees: an update that says otherwise is
forged, and would otherwise move someone's replies into another person's chat.
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator
from pydantic_core import PydanticCustomError

INT64 = 2**63 - 1
CALLBACK_DATA_LIMIT = 64

Id = Annotated[int, Field(ge=-INT64, le=INT64)]
UnixTime = Annotated[int, Field(ge=0, le=2**32 - 1)]  # 0: a message too old to be shown


class Shape(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class User(Shape):
    id: Id
    is_bot: bool
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


class Chat(Shape):
    id: Id
    type: str


class Button(Shape):
    text: str
    callback_data: str | None = None


class Keyboard(Shape):
    inline_keyboard: list[list[Button]]


class Message(Shape):
    message_id: int
    date: UnixTime
    chat: Chat
    sender: User | None = Field(default=None, alias="from")
    text: str | None = None
    reply_markup: Keyboard | None = None

    @model_validator(mode="after")
    def _own_chat(self) -> Self:
        if self.sender is not None and not self.sender.is_bot:  # not the bot's own message
            _same_person(self.chat, self.sender)
        return self


class CallbackQuery(Shape):
    id: str
    sender: User = Field(alias="from")
    message: Message | None = None
    data: Annotated[str, Field(max_length=CALLBACK_DATA_LIMIT)] | None = None

    @model_validator(mode="after")
    def _own_chat(self) -> Self:
        if self.message is not None:
            _same_person(self.message.chat, self.sender)
        return self


class Update(Shape):
    update_id: Annotated[int, Field(ge=0, le=INT64)]
    message: Message | None = None
    callback_query: CallbackQuery | None = None


UPDATE_SHAPE = TypeAdapter(Update)


def _same_person(chat: Chat, user: User) -> None:
    if chat.type == "private" and chat.id != user.id:
        raise PydanticCustomError("private_chat_of_another_user", "a private chat is its user's")
