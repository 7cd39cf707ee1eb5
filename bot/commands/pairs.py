"""`mentorbot pairs list --programme SLUG` and `mentorbot pairs show ID`: the pairs as
coordinators may see them (names, state, referent, dates, meeting counts; never what a pair
wrote). An admin sees every pair; a referent (`--as`) only those it follows, and its command on
another pair is refused and audited.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    Operator,
    ProgrammeOption,
    fail,
    local_time,
    operator,
    out,
)
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Pair, Person, Programme
from storage.people import roles_in
from storage.referents import pair_facts, pairs_of
from storage.types import utcnow

app = typer.Typer(help="Pairs: list a programme's pairs, show one.", no_args_is_help=True)


def referent_only(session: Session, who: Operator, programme: Programme) -> int | None:
    """The operator's person id when it may see only the pairs it follows (a referent)."""
    if who.person_id is None:
        return None
    if GrantRole.admin in roles_in(session, who.person_id, programme.id or 0):
        return None
    return who.person_id


def _name(session: Session, person_id: int | None) -> str:
    person = session.get(Person, person_id) if person_id is not None else None
    return (person.display_name or "?") if person is not None else "-"


@app.command("list")
def list_pairs(
    programme: ProgrammeOption, db: DbOption = None, as_account: AsOption = None
) -> None:
    """The programme's pairs: id, mentor, mentee, state, referent."""
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "pairs.list", need=GrantRole.referent)
        pairs = pairs_of(session, found.id or 0, referent_only(session, who, found))
        table = Table("id", "mentor", "mentee", "state", "referent")
        for pair in pairs:
            table.add_row(
                str(pair.id),
                _name(session, pair.mentor_person_id),
                _name(session, pair.mentee_person_id),
                pair.state,
                _name(session, pair.referent_person_id),
            )
        who.audit(session, "pairs.list", found.slug, count=len(pairs))
    if not pairs:
        out.print(f"No pair in programme {programme!r} for you.", highlight=False)
        return
    out.print(table)


@app.command("show")
def show_pair(
    pair_id: Annotated[int, typer.Argument(metavar="ID", help="The pair's id.")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """One pair: members, state, referent, dates and meetings held (never notes)."""
    who = operator(db, as_account)
    with who.session() as session:
        pair = session.get(Pair, pair_id)
        programme = session.get(Programme, pair.programme_id) if pair is not None else None
        if pair is None or programme is None:
            raise fail(f"No pair {pair_id}: `mentorbot pairs list --programme SLUG` shows them.")
        who.check(session, programme, "pairs.show", need=GrantRole.referent)
        mine = referent_only(session, who, programme)
        if mine is not None and pair.referent_person_id != mine:
            record(session, mine, "pairs.show.refused", programme.slug, via="cli", pair=pair.id)
            session.commit()
            raise fail(f"{who.account} does not follow pair {pair_id}: refused.", 1)
        table = _facts(session, programme, pair)
        who.audit(session, "pairs.show", programme.slug, pair=pair.id)
    out.print(table)


def _facts(session: Session, programme: Programme, pair: Pair) -> Table:
    facts = pair_facts(session, pair, utcnow())
    table = Table("", f"pair {pair.id}", show_header=True)
    rows = [
        ("programme", programme.slug),
        ("mentor", _name(session, pair.mentor_person_id)),
        ("mentee", _name(session, pair.mentee_person_id)),
        ("state", pair.state),
        ("referent", _name(session, pair.referent_person_id)),
        ("requested", local_time(pair.requested_at)),
        ("accepted", local_time(pair.accepted_at)),
        ("started", local_time(pair.activated_at)),
        ("last meeting", local_time(pair.last_meeting_at)),
        ("next meeting", local_time(facts.next_meeting)),
        ("meetings held", f"{facts.held} (target: {programme.target_sessions})"),
        ("meetings planned", str(facts.planned)),
        ("paused until", local_time(pair.paused_until)),
        ("ended", local_time(pair.ended_at)),
    ]
    for label, value in rows:
        table.add_row(label, value)
    return table
