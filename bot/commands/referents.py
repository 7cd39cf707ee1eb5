"""`mentorbot referents assign --programme SLUG [--auto | --pair ID --referent ACCOUNT]`.

`--auto` gives every open pair (proposed, awaiting the charter, active) that has no referent to
the programme's least loaded referent, oldest pair first, ties to the referent granted first;
`--pair` gives one pair to a referent of the programme. Referents are told; all is audited.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from sqlmodel import Session

from bot.commands.common import AsOption, DbOption, ProgrammeOption, fail, operator, out
from bot.domain.accounts import parse_account
from handlers.outgoing import Outgoing
from handlers.staffing import assign_referent, spread_referents
from storage.enums import GrantRole
from storage.models import Pair, Person, Programme
from storage.people import find_identity, roles_in
from storage.referents import loads, referents_of
from storage.roles import accounts_of
from storage.types import utcnow

app = typer.Typer(help="Referents: give pairs the referent who follows them.", no_args_is_help=True)


@app.command("assign")
def assign(
    programme: ProgrammeOption,
    auto: Annotated[
        bool, typer.Option("--auto", help="Spread the pairs without a referent evenly.")
    ] = False,
    pair: Annotated[int | None, typer.Option("--pair", help="The pair's id.")] = None,
    referent: Annotated[
        str | None, typer.Option("--referent", help="The referent's account.")
    ] = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Give pairs their referent: all those without one (--auto), or one (--pair, --referent)."""
    single, bare = pair is not None and referent is not None, pair is None and referent is None
    if not ((auto and bare) or (not auto and single)):
        raise fail("Use either --auto, or --pair ID with --referent ACCOUNT.")
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "referents.assign")
        outgoing = Outgoing(session, utcnow())
        if auto:
            if not referents_of(session, found.id or 0):
                raise fail(
                    f"Programme {found.slug!r} has no referent: grant the role first "
                    f"(mentorbot role grant referent ACCOUNT --programme {found.slug})."
                )
            given = spread_referents(outgoing, who.person_id, found, via="cli", by=who.account)
            out.print(f"{sum(given.values())} pair(s) given a referent.", highlight=False)
        else:
            assert pair is not None and referent is not None
            chosen = _pair(session, found, pair)
            person_id = _referent(session, found, referent)
            assign_referent(
                outgoing, who.person_id, found, chosen, person_id, via="cli", by=who.account
            )
            out.print(f"Pair {pair} is now followed by {referent}.", highlight=False)
        out.print(distribution(session, found))


def _pair(session: Session, programme: Programme, pair_id: int) -> Pair:
    pair = session.get(Pair, pair_id)
    if pair is None or pair.programme_id != programme.id:
        raise fail(
            f"No pair {pair_id} in programme {programme.slug!r}: "
            f"`mentorbot pairs list --programme {programme.slug}` shows them."
        )
    return pair


def _referent(session: Session, programme: Programme, raw: str) -> int:
    try:
        account = parse_account(raw)
    except ValueError as exc:
        raise fail(f"--referent: {exc}") from exc
    identity = find_identity(session, account.platform, account.team, account.user)
    if identity is None or GrantRole.referent not in roles_in(
        session, identity.person_id, programme.id or 0
    ):
        raise fail(
            f"{account} is not a referent of programme {programme.slug!r}: grant the role first "
            f"(mentorbot role grant referent {account} --programme {programme.slug})."
        )
    return identity.person_id


def distribution(session: Session, programme: Programme) -> Table:
    """The open pairs each referent follows, and those nobody follows."""
    assert programme.id is not None
    load = loads(session, programme.id)
    referents = referents_of(session, programme.id)
    accounts = accounts_of(session, referents)
    table = Table("referent", "account", "open pairs")
    for referent in referents:
        person = session.get(Person, referent)
        name = person.display_name if person is not None else ""
        table.add_row(name, accounts.get(referent, ""), str(load[referent]))
    table.add_row("(none)", "", str(load[None]))
    return table
