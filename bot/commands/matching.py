"""`mentorbot match --programme SLUG [--apply]` and `mentorbot pair --programme SLUG --mentee
ACCOUNT --mentor ACCOUNT --reason TEXT`: the cohort's draft and the committee's manual pairs.

The dry run shows, for each mentee waiting for proposals, the mentors the engine would propose
(score and reasons) and, when fewer than the programme asks, which hard rules left the others
out; `--apply` publishes them with the code the sweep at the close and the /admin button use.
`pair` checks the hard rules (a refusal exits 2 and names the rule), then asks the mentor as
for any request. Texts come from the English catalog.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    ProgrammeOption,
    fail,
    local_time,
    operator,
    out,
)
from bot.domain.accounts import parse_account
from bot.domain.cohort import MenteeDraft
from handlers.cohort import drafts_of, left_out_text, publish, summary_lines
from handlers.committee import Refusal, committee_pair
from handlers.outgoing import Outgoing
from messages.catalog import join_clauses, t
from storage.models import Person
from storage.people import find_identity
from storage.types import utcnow

LOCALE = "en"


def _table(draft: MenteeDraft) -> Table:
    mentee = draft.candidate.mentee
    found = len(draft.suggestions)
    table = Table(
        "#", "mentor", "score", "reasons", title=f"{mentee.name}: {found} of {draft.wanted}"
    )
    for rank, suggestion in enumerate(draft.suggestions, 1):
        reasons = join_clauses(
            (
                t(LOCALE, r["key"], **{k: v for k, v in r.items() if k != "key"})
                for r in suggestion.reasons
            ),
            LOCALE,
        )
        table.add_row(str(rank), suggestion.mentor.name, f"{suggestion.score:g}", reasons)
    if draft.short:
        table.caption = f"Fewer than {draft.wanted}: {left_out_text(LOCALE, draft.left_out)}"
    return table


def match(
    programme: ProgrammeOption,
    apply: Annotated[
        bool, typer.Option("--apply", help="Publish the proposals now (else a dry run).")
    ] = False,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Show what matching would propose to each waiting mentee; --apply publishes it."""
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "match.apply" if apply else "match")
        if apply:
            done = publish(Outgoing(session, utcnow()), found)
            who.audit(
                session, "match.apply", found.slug, offered=done.offered, without=done.without
            )
            out.print(t(LOCALE, "match-published", offered=done.offered, without=done.without))
            return
        drafts = [draft for _, draft in drafts_of(session, found)]
        for draft in drafts:
            out.print(_table(draft))
        for line in summary_lines(LOCALE, found, drafts):
            out.print(line, highlight=False)
        who.audit(session, "match", found.slug, mentees=len(drafts))
    if drafts:
        out.print("Dry run: nothing was sent. `--apply` publishes these proposals.")


def _person(session: Session, option: str, text: str) -> Person:
    try:
        account = parse_account(text)
    except ValueError as exc:
        raise fail(f"{option}: {exc}") from exc
    identity = find_identity(session, account.platform, account.team, account.user)
    person = session.get(Person, identity.person_id) if identity is not None else None
    if person is None:
        raise fail(f"{option}: {account} has never talked to the bot.")
    return person


def pair(
    programme: ProgrammeOption,
    mentee: Annotated[str, typer.Option("--mentee", help="The mentee's account.")],
    mentor: Annotated[str, typer.Option("--mentor", help="The mentor's account.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the committee pairs them.")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Pair a mentee with a mentor by hand (hard rules checked); the mentor is asked."""
    if not reason.strip():
        raise fail(
            "--reason: say why the committee pairs them (coordinators and the audit see it)."
        )
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "pair")
        taken = _person(session, "--mentee", mentee)
        giving = _person(session, "--mentor", mentor)
        assert taken.id is not None and giving.id is not None
        made = committee_pair(Outgoing(session, utcnow()), found, taken.id, giving.id, reason)
        if isinstance(made, Refusal):
            who.audit(
                session, "pair.refused", found.slug, mentee=mentee, mentor=mentor, rule=made.rule
            )
        else:
            who.audit(
                session, "pair.committee", found.slug, mentee=mentee, mentor=mentor, reason=reason
            )
    if isinstance(made, Refusal):
        raise fail(f"Refused ({made.rule}): {t(LOCALE, made.key, **made.params)}")
    out.print(
        f"{giving.display_name} is asked to mentor {taken.display_name} "
        f"(answer due {local_time(made.answer_due_at)}).",
        highlight=False,
    )
