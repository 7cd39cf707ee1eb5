"""`mentorbot role grant | revoke ROLE ACCOUNT --programme SLUG`: coordinator roles.

An account that never talked to the bot gets its person and identity now, so that the role is
there when they first write. MENTORBOT_ADMINS only bootstraps admins of every programme; such a
grant is revoked with `--every-programme` (removing a name from the variable revokes nothing).
Every grant and revocation, refused ones included, is audited; the person is told.
"""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel import Session

from bot.commands.common import AsOption, DbOption, fail, operator, out
from bot.domain.accounts import Account, parse_account
from handlers.outgoing import Outgoing
from handlers.staffing import change_role
from storage.enums import GrantRole
from storage.models import Person, Programme
from storage.people import find_identity, global_roles
from storage.roles import person_for_account
from storage.types import utcnow

app = typer.Typer(
    help="Coordinator roles: grant or revoke admin or referent, per programme.",
    no_args_is_help=True,
)

RoleArgument = Annotated[GrantRole, typer.Argument(help="admin or referent.")]
AccountArgument = Annotated[
    str, typer.Argument(help="slack:TEAM/USER, telegram:USER_ID or console:NAME.")
]
ProgrammeOption = Annotated[
    str | None, typer.Option("--programme", help="The programme's slug.", show_default=False)
]
EveryOption = Annotated[
    bool,
    typer.Option(
        "--every-programme", help="The role in every programme (as MENTORBOT_ADMINS gives it)."
    ),
]


@app.command("grant")
def grant_role(
    role: RoleArgument,
    account: AccountArgument,
    programme: ProgrammeOption = None,
    every_programme: EveryOption = False,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Give ROLE to ACCOUNT in a programme (the person is told)."""
    _change("grant", role, account, programme, every_programme, db, as_account)


@app.command("revoke")
def revoke_role(
    role: RoleArgument,
    account: AccountArgument,
    programme: ProgrammeOption = None,
    every_programme: EveryOption = False,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Take ROLE back from ACCOUNT in a programme (the person is told)."""
    _change("revoke", role, account, programme, every_programme, db, as_account)


def _change(
    how: str,
    role: GrantRole,
    raw_account: str,
    slug: str | None,
    every: bool,
    db: str | None,
    as_account: str | None,
) -> None:
    if (slug is None) != every:
        raise fail("Name the programme with --programme SLUG, or use --every-programme.")
    try:
        account = parse_account(raw_account)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    who = operator(db, as_account)
    with who.session() as session:
        programme = who.programme(session, slug) if slug is not None else None
        who.check(session, programme, f"role.{how}")
        where = f"programme {programme.slug!r}" if programme is not None else "every programme"
        person = _person(session, account, programme, create=how == "grant")
        if person is None:
            who.audit(session, f"role.{how}", slug or "", account=str(account), changed=False)
            changed = everywhere = False
        else:
            outgoing = Outgoing(session, utcnow())
            changed = change_role(
                outgoing, who.person_id, how, role, person, programme, via="cli", by=who.account
            )
            everywhere = programme is not None and role in global_roles(session, person.id or 0)
    if how == "grant":
        said = "now" if changed else "already"
        out.print(f"{account} is {said} {role} of {where}.", highlight=False)
    elif changed:
        out.print(f"{account} is no longer {role} of {where}.", highlight=False)
    elif everywhere:
        raise fail(
            f"{account} is {role} of every programme (MENTORBOT_ADMINS or --every-programme): "
            "revoke it with --every-programme."
        )
    else:
        out.print(f"{account} was not {role} of {where}: nothing to revoke.", highlight=False)


def _person(
    session: Session, account: Account, programme: Programme | None, *, create: bool
) -> Person | None:
    """The person behind the account; for a grant, created if it never talked to the bot (in
    the programme's language and zone, until their platform gives theirs)."""
    if not create:
        identity = find_identity(session, account.platform, account.team, account.user)
        return session.get(Person, identity.person_id) if identity is not None else None
    if programme is not None:
        locale, zone = programme.locale, programme.timezone
    else:
        from bot.cli import load_settings

        settings = load_settings()
        locale, zone = settings.default_locale, settings.default_timezone
    return person_for_account(session, account, locale=locale, timezone=zone)
