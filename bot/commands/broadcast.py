"""`mentorbot broadcast --programme SLUG [--role mentee|mentor|referent] TEXT`: a message to a
programme's people, queued in the outbox (the same code as `/admin` -> message); the running bot
delivers it at the platforms' pace. Admins only; audited with the role and the count.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import Progress

from bot.commands.common import AsOption, DbOption, ProgrammeOption, err, fail, operator, out
from handlers.broadcast import BroadcastTextError, broadcast, checked_text
from handlers.outgoing import Outgoing
from storage.broadcasts import MAX_TEXT, ROLES, recipients
from storage.types import utcnow

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
    out.print(
        f"{sent.recipients} message(s) queued for programme {found.slug!r}; the running bot "
        "(mentorbot run) delivers them at the pace the platforms allow.",
        highlight=False,
    )


def _explained(exc: BroadcastTextError) -> str:
    if exc.key == "broadcast-text-empty":
        return "TEXT is empty: give the message to send, in quotes."
    return (
        f"TEXT has {exc.params['length']:,} characters: {MAX_TEXT:,} at most. "
        "Shorten it, or send it in several messages."
    )
