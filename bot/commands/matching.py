"""`mentorbot match --programme SLUG [--apply | --move ACCOUNT --to ACCOUNT --reason TEXT |
--lock ACCOUNT | --unlock ACCOUNT]` and `mentorbot pair --programme SLUG --mentee ACCOUNT --mentor
ACCOUNT --reason TEXT`: the cohort's draft and the committee's manual pairs.

The dry run shows, for each mentee waiting for proposals, the mentors the engine would propose
(score and reasons) or, for a committee programme, the stored draft refreshed (one row per
mentee: mentor, score, reasons, locked or moved and why); then how many mentees get how many
proposals and, for each short one, which rules left which mentors out. `--apply` publishes with
the code the sweep at the close and the /admin button use. `--move`, `--lock` and `--unlock`
change a committee's draft (`handlers.committee_draft`). `pair` checks the hard rules (a refusal
exits 2 and names the rule), then asks the mentor as for any request. Texts come from the
English catalog.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from sqlmodel import Session

from bot.commands.committee_draft import (
    committee_dry_run,
    lock_placement,
    move_mentee,
    person_of,
    publish_committee_draft,
)
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
from bot.domain.cohort import MenteeDraft
from handlers.cohort import drafts_of, publish
from handlers.committee import Refusal, committee_pair
from handlers.match_summary import left_out_lines, reasons_text, summary_lines
from handlers.outgoing import Outgoing
from messages.catalog import t
from storage.models import Programme
from storage.types import utcnow

LOCALE = "en"


def _say(text: str) -> None:
    out.print(text, highlight=False, markup=False, soft_wrap=True)


def _table(draft: MenteeDraft) -> Table:
    mentee = draft.candidate.mentee
    found = len(draft.suggestions)
    table = Table(
        "#", "mentor", "score", "reasons", title=f"{mentee.name}: {found} of {draft.wanted}"
    )
    for rank, suggestion in enumerate(draft.suggestions, 1):
        reasons = reasons_text(LOCALE, suggestion.reasons)
        table.add_row(str(rank), suggestion.mentor.name, f"{suggestion.score:.2f}", reasons)
    if draft.short:
        table.caption = f"Fewer than {draft.wanted}. " + "; ".join(left_out_lines(LOCALE, draft))
    return table


def _only_one(apply: bool, edits: dict[str, str | None]) -> None:
    chosen = [name for name, value in edits.items() if value is not None]
    if apply:
        chosen.insert(0, "--apply")
    if len(chosen) > 1:
        raise fail(f"{' and '.join(chosen)}: one at a time (run the command once for each).")


def match(
    programme: ProgrammeOption,
    apply: Annotated[
        bool, typer.Option("--apply", help="Publish the proposals or the draft (else a dry run).")
    ] = False,
    move_account: Annotated[
        str | None, typer.Option("--move", help="Committee: the mentee's account to move.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="With --move: the mentor's account.")
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="With --move: why (coordinators see it).")
    ] = None,
    lock_account: Annotated[
        str | None, typer.Option("--lock", help="Committee: keep this mentee's placement.")
    ] = None,
    unlock_account: Annotated[
        str | None, typer.Option("--unlock", help="Committee: let the engine place them again.")
    ] = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Show what matching would propose to each waiting mentee; --apply publishes it."""
    edits = {"--move": move_account, "--lock": lock_account, "--unlock": unlock_account}
    _only_one(apply, edits)
    if (to is not None or reason is not None) and move_account is None:
        raise fail("--to and --reason go with --move ACCOUNT (the mentee to move).")
    if move_account is not None and (to is None or not (reason or "").strip()):
        raise fail(
            "--move needs --to ACCOUNT (the mentor) and --reason TEXT (why; coordinators and "
            "the audit see it)."
        )
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        edit = next((name for name, value in edits.items() if value is not None), None)
        action = f"match.{edit[2:]}" if edit else "match.apply" if apply else "match"
        who.check(session, found, action)
        if edit is not None and found.matching != "committee":
            raise fail(
                f"{edit}: programme {found.slug!r} is matched {found.matching!r}, without a "
                'committee\'s draft; set matching = "committee" in its file '
                "(`mentorbot programme apply`) to review a draft."
            )
        if move_account is not None:
            move_mentee(who, session, found, move_account, to or "", reason or "")
        elif lock_account is not None or unlock_account is not None:
            account = lock_account or unlock_account or ""
            lock_placement(who, session, found, account, lock_account is not None)
        elif apply:
            _apply(who, session, found)
        elif found.matching == "committee":
            committee_dry_run(who, session, found)
        else:
            _dry_run(who, session, found)


def _dry_run(who: Operator, session: Session, programme: Programme) -> None:
    drafts = [draft for _, draft in drafts_of(session, programme)]
    for draft in drafts:
        out.print(_table(draft))
    for line in summary_lines(LOCALE, programme, drafts):
        _say(line)
    who.audit(session, "match", programme.slug, mentees=len(drafts))
    if drafts:
        _say("Dry run: nothing was sent. `--apply` publishes these proposals.")


def _apply(who: Operator, session: Session, programme: Programme) -> None:
    outgoing = Outgoing(session, utcnow())
    if programme.matching != "committee":
        done = publish(outgoing, programme)
        who.audit(
            session, "match.apply", programme.slug, offered=done.offered, without=done.without
        )
        _say(t(LOCALE, "match-published", offered=done.offered, without=done.without))
        return
    publish_committee_draft(who, session, programme)


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
        taken = person_of(session, "--mentee", mentee)
        giving = person_of(session, "--mentor", mentor)
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
