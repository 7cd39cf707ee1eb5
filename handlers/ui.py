"""The platform-neutral values flows speak in; each adapter renders them natively.

Inbound is what a person did (typed text, clicked an option of a prompt, submitted a form);
outbound items are a Message, a Choice among options, a Form of typed fields, or a File.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FieldKind(StrEnum):
    """`date` is a moment (day and time); `day` a calendar day; `duration` minutes ("1h30")."""

    text = "text"
    choice = "choice"
    multi = "multi"
    date = "date"
    day = "day"
    number = "number"
    duration = "duration"


@dataclass(frozen=True)
class Option:
    label: str
    value: str


@dataclass(frozen=True)
class Message:
    text: str


@dataclass(frozen=True)
class Choice:
    """A question with buttons; `prompt_id` is set once the engine has stored the prompt."""

    text: str
    options: tuple[Option, ...]
    prompt_id: int | None = None


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    kind: FieldKind = FieldKind.text
    options: tuple[Option, ...] = ()
    required: bool = True
    hint: str = ""
    max_length: int = 1000
    low: int = 0
    high: int = 100
    future: bool = False
    past: bool = False
    secret: bool = False


@dataclass(frozen=True)
class Form:
    """A whole form: a modal on Slack, asked field by field elsewhere.

    `short_title` fits a modal's title bar (24 characters); `timezone` is the person's, in
    which prefilled dates are shown and picked ones are read.
    """

    form_id: str
    title: str
    fields: tuple[FormField, ...]
    values: dict[str, Any] = field(default_factory=dict)
    short_title: str = ""
    timezone: str = "UTC"


@dataclass(frozen=True)
class FormErrors:
    """A submitted form refused: a message per field (shown on the field in a modal)."""

    form_id: str
    errors: dict[str, str]


@dataclass(frozen=True)
class File:
    filename: str
    content: bytes
    mime_type: str
    caption: str = ""


@dataclass(frozen=True)
class Retire:
    """Take the buttons away from a choice answered by typing, or replaced by a newer one.

    `where` is what the adapter recorded when it showed the choice (`Core.shown`), `note` what
    to show instead of the buttons (the option picked), if any. It may carry the question's
    text, so it never waits in the outbox: `to_payload` refuses it.
    """

    where: dict[str, Any]
    note: str | None = None


Item = Message | Choice | Form | FormErrors | File | Retire


@dataclass(frozen=True)
class HomeAction:
    """A button of the home page: it runs the command `command` (no slash) for the person."""

    label: str
    command: str


@dataclass(frozen=True)
class HomeFollowUp:
    """A programme a coordinator follows, on the home page: its follow-up summary (the first
    line its heading) and the button that opens the follow-up in the chat."""

    lines: tuple[str, ...]
    action: HomeAction


@dataclass(frozen=True)
class Home:
    """A person's home page (Slack's App Home): where they stand (`lines`), their next meetings
    (already in their language and zone), the buttons of what they can do now, the first one
    being the next step; `followup` only for coordinators."""

    heading: str
    lines: tuple[str, ...]
    actions: tuple[HomeAction, ...] = ()
    meetings: tuple[str, ...] = ()
    meetings_title: str = ""
    followup: tuple[HomeFollowUp, ...] = ()


@dataclass(frozen=True)
class Reply:
    """An outbound item for one person."""

    person_id: int
    item: Item


@dataclass(frozen=True)
class Inbound:
    """What a person did: exactly one of text, a prompt option, or a form submission."""

    person_id: int
    text: str | None = None
    prompt_id: int | None = None
    option: int | None = None
    form_id: str | None = None
    form_values: dict[str, Any] | None = None


def to_payload(item: Item) -> dict[str, Any]:
    """A JSON-ready form of an item, for the outbox."""
    if isinstance(item, Message):
        return {"type": "message", "text": item.text}
    if isinstance(item, Choice):
        options = [{"label": o.label, "value": o.value} for o in item.options]
        return {
            "type": "choice",
            "text": item.text,
            "options": options,
            "prompt_id": item.prompt_id,
        }
    if isinstance(item, File):
        return {
            "type": "file",
            "filename": item.filename,
            "content": base64.b64encode(item.content).decode("ascii"),
            "encoding": "base64",
            "mime_type": item.mime_type,
            "caption": item.caption,
        }
    raise TypeError(f"{type(item).__name__} cannot wait in the outbox")


def from_payload(payload: dict[str, Any]) -> Item:
    """The item an outbox payload holds."""
    kind = payload["type"]
    if kind == "message":
        return Message(payload["text"])
    if kind == "choice":
        options = tuple(Option(o["label"], o["value"]) for o in payload["options"])
        return Choice(payload["text"], options, payload["prompt_id"])
    if kind == "file":
        raw = payload["content"]
        # Rows queued before files could be binary (charts, spreadsheets) hold UTF-8 text.
        content = (
            base64.b64decode(raw) if payload.get("encoding") == "base64" else raw.encode("utf-8")
        )
        return File(payload["filename"], content, payload["mime_type"], payload["caption"])
    raise ValueError(f"unknown outbox item type {kind!r}")
