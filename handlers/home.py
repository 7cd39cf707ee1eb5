"""The person's home (Slack's App Home): where they stand and the next step, with its button.

It shows exactly what `/status` would say: the status command runs in a transaction that is
then rolled back, so the home never drifts from the chat and opening it changes nothing.
Coordinators also get their programme's figures.
"""

from __future__ import annotations

from datetime import datetime

from cryptography.fernet import MultiFernet
from sqlalchemy import func
from sqlmodel import Session, select

from handlers.admin import coordinator_figures, is_coordinator
from handlers.context import Ctx
from handlers.router import Router
from handlers.ui import Choice, Form, Home, HomeAction, Message
from messages.catalog import t
from storage.applications import applications_of
from storage.conversations import get_prompt, load_state
from storage.matching import open_pair_of
from storage.models import Outbox, Pair, Person, Programme
from storage.objectives import objectives_of


def home_view(
    session: Session, person: Person, router: Router, cipher: MultiFernet, now: datetime
) -> Home:
    """Compute the home of `person`; the caller rolls the session back afterwards."""
    assert person.id is not None
    queued_before = _queued(session, person.id)
    ctx = Ctx(
        session=session,
        person=person,
        state=load_state(session, person.id),
        now=now,
        cipher=cipher,
        router=router,
        modal_forms=True,
    )
    router.commands["status"].handler(ctx, "")
    lines: list[str] = []
    action: HomeAction | None = None
    for reply in ctx.replies:
        item = reply.item
        if isinstance(item, Message):
            lines.append(item.text)
        elif isinstance(item, Form):
            action = HomeAction(t(person.locale, "home-resume-form"), "status")
        elif isinstance(item, Choice):
            prompt = get_prompt(session, item.prompt_id) if item.prompt_id else None
            if prompt is not None and prompt.action == "go":
                lines.append(item.text)
                action = HomeAction(item.options[0].label, item.options[0].value)
            else:
                action = HomeAction(t(person.locale, "home-continue"), "status")
    if action is None and _queued(session, person.id) > queued_before:
        action = HomeAction(t(person.locale, "home-continue"), "status")
    pair = open_pair_of(session, person.id)
    if pair is not None and pair.activated_at is not None:
        objectives = objectives_of(session, pair.id)  # type: ignore[arg-type]
        reached = sum(1 for o in objectives if o.status == "reached")
        lines.append(t(person.locale, "home-objectives", reached=reached, total=len(objectives)))
    figures: tuple[tuple[str, str], ...] = ()
    if is_coordinator(session, person.id):
        found = coordinator_figures(session, person, now)
        figures = tuple(found[0][1]) if found else ()
    return Home(_heading(session, person, pair), tuple(lines), action, figures)


def _queued(session: Session, person_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(Outbox).where(Outbox.person_id == person_id)
    ).one()


def _heading(session: Session, person: Person, pair: Pair | None) -> str:
    """The name of the programme the person is in, applied to, or was invited to."""
    assert person.id is not None
    applications = applications_of(session, person.id)
    programme_id = (
        pair.programme_id
        if pair is not None
        else applications[0].programme_id
        if applications
        else person.programme_id
    )
    programme = session.get(Programme, programme_id) if programme_id else None
    return programme.name if programme is not None else t(person.locale, "home-heading-none")
