"""What every coordinator command shares: the database, who acts, the role check and the audit.

The machine's operator is an admin of every programme; `--as ACCOUNT` makes a command act for a
coordinator, whose role is checked. A refusal is audited, says why on stderr and exits 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.domain.accounts import parse_account
from storage.audit import record
from storage.db import session_scope
from storage.enums import GrantRole
from storage.models import Programme
from storage.people import find_identity, global_roles, roles_in
from storage.programmes import programme_by_slug

err = Console(stderr=True)
out = Console()

AsOption = Annotated[
    str | None,
    typer.Option("--as", help="Act as this coordinator (slack:T/U, telegram:ID, console:NAME)."),
]
ProgrammeOption = Annotated[str, typer.Option("--programme", help="The programme's slug.")]
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLAlchemy URL; default: DATABASE_URL.")
]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` on stderr; the caller raises what this returns."""
    err.print(f"[red]{message}[/red]", highlight=False)
    return typer.Exit(code)


def counted(count: int, noun: str, nouns: str = "") -> str:
    """`count` and the English noun in the right number: "1 pair", "29 pairs", "0 meetings"."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def open_engine(db: str | None) -> Engine:
    """The database (migrated), or a clear exit naming the setting to fix."""
    from bot.cli import load_settings
    from bot.startup import StartupError, open_database

    try:
        return open_database(load_settings(), db).engine
    except StartupError as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@dataclass
class Operator:
    """Who runs a command: the machine's operator (person None) or the coordinator `--as` names."""

    engine: Engine
    person_id: int | None
    account: str

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.engine) as session:
            yield session

    def programme(self, session: Session, slug: str) -> Programme:
        programme = programme_by_slug(session, slug)
        if programme is None:
            raise fail(f"No programme {slug!r}: `mentorbot programme list` shows the slugs.")
        return programme

    def check(
        self, session: Session, programme: Programme | None, action: str, need: str = "admin"
    ) -> None:
        """Refuse (audited, exit 1) unless the operator, or an admin (or, when `need` is
        referent, a referent) of `programme`."""
        if self.person_id is None:
            return
        held = (
            roles_in(session, self.person_id, programme.id)
            if programme is not None
            else global_roles(session, self.person_id)
        )
        allowed = {GrantRole.admin} | ({GrantRole.referent} if need == "referent" else set())
        if held & allowed:
            return
        target = programme.slug if programme else ""
        record(session, self.person_id, f"{action}.refused", target, via="cli")
        session.commit()
        where = f" of programme {programme.slug!r}" if programme else ""
        raise fail(
            f"{self.account} is not {'a referent or ' if need == 'referent' else ''}"
            f"an admin{where}: refused.",
            1,
        )

    def audit(self, session: Session, action: str, target: str = "", **details: object) -> None:
        record(session, self.person_id, action, target, via="cli", by=self.account, **details)


def operator(db: str | None, as_account: str | None) -> Operator:
    """The operator of this command, on its database."""
    engine = open_engine(db)
    if as_account is None:
        return Operator(engine, None, "operator")
    try:
        account = parse_account(as_account)
    except ValueError as exc:
        raise fail(f"--as: {exc}") from exc
    with Session(engine) as session:
        identity = find_identity(session, account.platform, account.team, account.user)
    if identity is None:
        raise fail(f"--as: {account} has never talked to the bot, so it holds no role.", 1)
    return Operator(engine, identity.person_id, str(account))


def local_time(moment: datetime | None) -> str:
    """A time as the operator reads it: in this machine's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""
