"""Coordinators' messages to a programme's people: the `/admin` section "Écrire aux
participants", and `broadcast`, which it and `mentorbot broadcast` both run.

```mermaid
stateDiagram-v2
    [*] --> form: /admin -> Écrire aux participants (who, then the text)
    form --> form: empty or too long text (asked again)
    form --> form: nobody to reach (said why; whom asked again, the text kept)
    form --> confirm: "Envoyer ce message aux 42 mentors ?" and the message as received
    confirm --> [*]: yes -> queued; the delivery worker sends at the platforms' pace
    confirm --> [*]: no -> nothing sent
```
Each copy opens with a line, in its reader's language, saying that the programme's
coordinators wrote it. Only admins may write; every step checks it again (a button may be
pressed after a revocation) and refusals are audited. The audit keeps the role and the count,
never the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlmodel import Session

from handlers.admin import programme_for_button, section
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.outgoing import Outgoing
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Message, Option, to_payload
from messages.catalog import t
from storage.audit import record
from storage.broadcasts import MAX_TEXT, ROLES, audience, queue_copies, recipients
from storage.enums import GrantRole
from storage.models import Broadcast, Programme

FORM = "broadcast"
CONFIRM = "broadcast-confirm"
EVERYONE = "all"  # the form's value for "mentees and mentors" (stored as no role)


class BroadcastTextError(ValueError):
    """A text that cannot be sent: the catalog key saying why, and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def checked_text(text: str) -> str:
    """The text stripped; empty or longer than MAX_TEXT characters is refused."""
    stripped = text.strip()
    if not stripped:
        raise BroadcastTextError("broadcast-text-empty")
    if len(stripped) > MAX_TEXT:
        raise BroadcastTextError("broadcast-text-too-long", limit=MAX_TEXT, length=len(stripped))
    return stripped


def broadcast(
    out: Outgoing,
    programme: Programme,
    role: str,
    text: str,
    sent_by: int | None,
    progress: Callable[[int], None] | None = None,
    **audit: Any,
) -> Broadcast:
    """Queue the programme's message to `role` (empty: mentees and mentors), audited with the
    role and the count; the broadcast, its `recipients` the copies queued."""
    assert programme.id is not None
    reached = recipients(out.session, programme.id, role)
    row = Broadcast(
        programme_id=programme.id,
        role=role,
        text=text,
        sent_by_person_id=sent_by,
        created_at=out.now,
    )
    out.session.add(row)
    out.session.flush()
    assert row.id is not None
    row.recipients = queue_copies(out.session, row.id, _copies(programme, reached, text), progress)
    out.session.add(row)
    record(
        out.session,
        sent_by,
        "broadcast.sent",
        programme.slug,
        role=role or EVERYONE,
        recipients=row.recipients,
        **audit,
    )
    return row


def _copies(
    programme: Programme, reached: list[tuple[int, str]], text: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each recipient's copy: a line in their language saying who wrote it, then the text."""
    locales = {locale for _, locale in reached}
    headers = {
        locale: t(locale, "broadcast-header", programme=programme.name) for locale in locales
    }
    for person_id, locale in reached:
        yield person_id, to_payload(Message(f"{headers[locale]}\n\n{text}"))


def _allowed(ctx: Ctx, programme_id: Any, step: str) -> Programme | None:
    """The programme, if it exists and the person is still its admin (a refusal is audited)."""
    refused = f"broadcast.{step}.refused"
    return programme_for_button(ctx, programme_id, GrantRole.admin, refused, via="chat")


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """Who, then the text."""
    programme = ctx.session.get(Programme, params["programme"])
    who = tuple(Option(ctx.t(f"broadcast-to-{value}"), value) for value in (EVERYONE, *ROLES))
    hint = ctx.t("broadcast-h-who")
    fields = [
        FormField("who", ctx.t("broadcast-f-who"), FieldKind.choice, who, hint=hint),
        FormField(
            "text",
            ctx.t("broadcast-f-text"),
            hint=ctx.t("broadcast-h-text", limit=MAX_TEXT),
            max_length=MAX_TEXT,
        ),
    ]
    return ctx.t("broadcast-form-title", programme=programme.name if programme else ""), fields


def nobody_reason(session: Session, programme_id: int, who: str) -> FieldError | None:
    """Why `who` reaches nobody in the programme (no such people, or none the bot can reach);
    None when someone would get the message."""
    members, reachable = audience(session, programme_id, "" if who == EVERYONE else who)
    if reachable:
        return None
    if not members:
        return FieldError("broadcast-nobody-members", {"who": who})
    return FieldError("broadcast-nobody-reachable", {"who": who, "count": members})


def submit_form(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Count who the message reaches and ask to confirm, showing the message as it will be
    received; when nobody would get it, say why and ask whom again, the text kept."""
    programme = _allowed(ctx, params["programme"], "form")
    if programme is None or programme.id is None:
        return None
    try:
        text = checked_text(str(values["text"]))
    except BroadcastTextError as exc:
        return {"text": FieldError(exc.key, exc.params)}
    who = values["who"]
    reason = nobody_reason(ctx.session, programme.id, who)
    if reason is not None:
        return {"who": reason}
    count = len(recipients(ctx.session, programme.id, "" if who == EVERYONE else who))
    header = ctx.t("broadcast-header", programme=programme.name)
    question = ctx.t("broadcast-confirm", who=who, count=count)
    options = [(ctx.t("broadcast-yes"), "yes"), (ctx.t("broadcast-no"), "no")]
    context = {"programme": programme.id, "who": who, "text": text}
    ctx.ask(f"{question}\n\n{header}\n\n{text}", options, CONFIRM, context)
    return None


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))

    @section(router, "message", "admin-section-message")
    def message_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Open the form: who, and the text."""
        assert programme is not None
        open_form(ctx, FORM, {"programme": programme.id})

    @router.action(CONFIRM)
    def confirmed(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Queue the message once confirmed, or drop it."""
        if value != "yes":
            ctx.say("broadcast-dropped")
            return
        programme = _allowed(ctx, context["programme"], "send")
        if programme is None:
            return
        who = context["who"]
        sent = broadcast(
            ctx, programme, "" if who == EVERYONE else who, context["text"], ctx.me, via="chat"
        )
        ctx.say("broadcast-queued", count=sent.recipients)
