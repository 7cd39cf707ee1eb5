"""Conversation state and prompts, kept in the database so any process can carry on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select, update

from storage.models import ConversationState, Prompt
from storage.types import utcnow


def load_state(session: Session, person_id: int) -> ConversationState:
    """The person's state, locked for this transaction (PostgreSQL) so replicas take turns."""
    state = session.exec(
        select(ConversationState).where(ConversationState.person_id == person_id).with_for_update()
    ).first()
    if state is None:
        state = ConversationState(person_id=person_id)
        session.add(state)
        session.flush()
    return state


def set_state(
    session: Session, state: ConversationState, flow: str, step: str, data: dict[str, Any]
) -> None:
    """Move to `flow`/`step`; `data` replaces the old dict (JSON columns are not mutated)."""
    state.flow, state.step, state.data = flow, step, dict(data)
    state.updated_at = utcnow()
    session.add(state)


def clear_state(session: Session, state: ConversationState) -> None:
    set_state(session, state, "", "", {})


def close_prompts(session: Session, person_id: int, actions: tuple[str, ...]) -> None:
    """Make the person's open prompts for `actions` stale (their question was answered by text)."""
    session.execute(
        update(Prompt)
        .where(
            col(Prompt.person_id) == person_id,
            col(Prompt.action).in_(actions),
            col(Prompt.used_at).is_(None),
        )
        .values(superseded=True)
    )


def open_prompt(
    session: Session,
    person_id: int,
    action: str,
    options: list[dict[str, Any]],
    context: dict[str, Any] | None = None,
    *,
    supersede: bool = True,
) -> Prompt:
    """Store a new prompt; unless `supersede` is off, the person's older open prompts for the
    same action go stale (a question asked again replaces the old one)."""
    if supersede:
        session.execute(
            update(Prompt)
            .where(
                col(Prompt.person_id) == person_id,
                col(Prompt.action) == action,
                col(Prompt.used_at).is_(None),
            )
            .values(superseded=True)
        )
    prompt = Prompt(person_id=person_id, action=action, options=options, context=context or {})
    session.add(prompt)
    session.flush()
    return prompt


def get_prompt(session: Session, prompt_id: int) -> Prompt | None:
    return session.exec(select(Prompt).where(Prompt.id == prompt_id).with_for_update()).first()


def latest_open_prompt(session: Session, person_id: int) -> Prompt | None:
    return session.exec(
        select(Prompt)
        .where(
            Prompt.person_id == person_id,
            col(Prompt.used_at).is_(None),
            col(Prompt.superseded).is_(False),
        )
        .order_by(col(Prompt.id).desc())
        .limit(1)
    ).first()


def newest_prompt(session: Session, person_id: int) -> Prompt | None:
    """The last question put to the person, answered, replaced or open."""
    return session.exec(
        select(Prompt).where(Prompt.person_id == person_id).order_by(col(Prompt.id).desc()).limit(1)
    ).first()


def open_sibling(session: Session, prompt: Prompt) -> Prompt | None:
    """The newest open prompt older than `prompt` for the same action: one of the questions
    asked together with it (one per objective, one per meeting), which stay open side by side."""
    return session.exec(
        select(Prompt)
        .where(
            Prompt.person_id == prompt.person_id,
            Prompt.action == prompt.action,
            col(Prompt.id) < prompt.id,
            col(Prompt.used_at).is_(None),
            col(Prompt.superseded).is_(False),
        )
        .order_by(col(Prompt.id).desc())
        .limit(1)
    ).first()


def mark_shown(session: Session, prompt_id: int, where: dict[str, Any]) -> None:
    """Remember where an adapter showed the prompt's buttons (sealed: it may hold the text)."""
    prompt = session.get(Prompt, prompt_id)
    if prompt is not None:
        prompt.shown_at, prompt.shown = utcnow(), dict(where)
        session.add(prompt)


def closed_shown(session: Session, person_id: int) -> list[Prompt]:
    """The person's prompts still showing buttons though answered or replaced."""
    closed = session.exec(
        select(Prompt)
        .where(
            Prompt.person_id == person_id,
            col(Prompt.shown_at).is_not(None),
            or_(col(Prompt.used_at).is_not(None), col(Prompt.superseded).is_(True)),
        )
        .order_by(col(Prompt.id))
    ).all()
    return list(closed)


def forget_shown(session: Session, prompt: Prompt) -> None:
    """The prompt's buttons are gone (taken away, or marked by the adapter on a click)."""
    prompt.shown_at, prompt.shown = None, None
    session.add(prompt)


def use_prompt(session: Session, prompt: Prompt) -> None:
    prompt.used_at = utcnow()
    session.add(prompt)
