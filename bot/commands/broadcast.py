"""`mentorbot broadcast --programme SLUG [--role mentee|mentor|referent] TEXT`: a message to a
programme's people, queued in the outbox (the same code as `/admin` -> message); the running bot
delivers it at the platforms' pace. Admins only; audited with the role and the count.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import Progress
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    ProgrammeOption,
    counted,
    err,
    fail,
    operator,
    out,
)
from handlers.broadcast import BroadcastTextError, broadcast, checked_text
from handlers.outgoing import Outgoing
from storage.broadcasts import MAX_TEXT, ROLES, audience, recipients
from storage.types import utcnow

GROUPS = {
    "": "mentees and mentors",
    "mentee": "mentees",
    "mentor": "mentors",
    "referent": "referents",
}
NONE = {
    "": "mentee, mentor or applicant",
    "mentee": "mentee or mentee applicant",
    "mentor": "mentor or mentor applicant",
    "referent": "referent",
}
RoleOption = Annotated[
    str | None,
    typer.Option("--role", help="mentee, mentor or referent; default: mentees and mentors."),
]


def broadcast_command(
    text: Annotated[str, typer.Argument(help=f"The message, 1 to {MAX_TEXT:,} characters.")],
    programme: ProgrammeOption,
    role: RoleOption = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Send a message to a programme's mentees and mentors, or to one role."""
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "broadcast")
        if role is not None and role not in ROLES:
            raise fail(f"--role {role!r}: write one of {', '.join(ROLES)}, or leave it out.")
        try:
            message = checked_text(text)
        except BroadcastTextError as exc:
            raise fail(_explained(exc)) from None
        assert found.id is not None
        total = len(recipients(session, found.id, role or ""))
        if not total:
            raise fail(_nobody(session, found.id, role, found.slug))
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("Queueing", total=total)
            sent = broadcast(
                Outgoing(session, utcnow()),
                found,
                role or "",
                message,
                who.person_id,
                lambda done: bar.advance(task, done),
                via="cli",
                by=who.account,
            )
    them = "it" if sent.recipients == 1 else "them"
    out.print(
        f"{counted(sent.recipients, 'message')} queued for programme {found.slug!r}; the running "
        f"bot (mentorbot run) delivers {them} at the pace the platforms allow.",
        highlight=False,
        soft_wrap=True,
    )


def _nobody(session: Session, programme_id: int, role: str | None, slug: str) -> str:
    """Why the broadcast would reach nobody, and what to do about it."""
    members, _ = audience(session, programme_id, role or "")
    if not members:
        return (
            f"Nobody to reach: programme {slug!r} has no {NONE[role or '']} yet. Nothing was "
            "queued; pick another --role, or send it once people have applied."
        )
    who = "the one person" if members == 1 else f"none of the {members:,} people"
    verb = "has not" if members == 1 else "has"
    return (
        f"Nobody to reach: {who} concerned ({GROUPS[role or '']}) {verb} written to the bot "
        "yet, so it knows no messaging account to send to. Nothing was queued; send it once "
        "they have, or pick another --role."
    )


def _explained(exc: BroadcastTextError) -> str:
    if exc.key == "broadcast-text-empty":
        return "TEXT is empty: give the message to send, in quotes."
    return (
        f"TEXT has {exc.params['length']:,} characters: {MAX_TEXT:,} at most. "
        "Shorten it, or send it in several messages."
    )
