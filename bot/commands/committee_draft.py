"""`mentorbot match` on a committee programme: the stored draft refreshed, one line per mentee;
`--move`, `--lock`, `--unlock` change it and `--apply` publishes it (`handlers.committee_draft`,
texts from `handlers.match_summary` in English). `bot.commands.matching` dispatches here."""

from __future__ import annotations

from collections.abc import Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlmodel import Session

from bot.commands.common import Operator, err, fail, out
from bot.domain.accounts import parse_account
from handlers.committee import Refusal
from handlers.committee_draft import DraftRow, lock, move, publish_draft, refresh_draft
from handlers.match_summary import (
    committee_summary,
    left_out_lines,
    published_lines,
    row_line,
    tell_admins,
)
from handlers.outgoing import Outgoing
from messages.catalog import t
from storage.cohort import application_of
from storage.enums import Role
from storage.models import Application, Person, Programme
from storage.people import find_identity
from storage.types import utcnow

LOCALE = "en"
PROGRESS_FROM = 20  # mentees published before a progress bar is worth showing


def _say(text: str) -> None:
    out.print(text, highlight=False, markup=False, soft_wrap=True)


def _draft_row(row: DraftRow) -> str:
    """One mentee of the draft; a mentee placed with nobody says why."""
    why = left_out_lines(LOCALE, row.draft) if row.placement is None and row.draft.short else []
    return "; ".join([row_line(LOCALE, row), *why])


def _progress(items: list[Application]) -> Iterator[Application]:
    """The mentees being published, with a progress bar on stderr when they are many."""
    if len(items) < PROGRESS_FROM:
        yield from items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        yield from progress.track(items, total=len(items), description="Publishing")


def committee_dry_run(who: Operator, session: Session, programme: Programme) -> None:
    rows = refresh_draft(session, programme, utcnow())
    for row in rows:
        _say(_draft_row(row))
    for line in committee_summary(LOCALE, programme, rows):
        _say(line)
    placed = sum(1 for row in rows if row.placement is not None)
    who.audit(session, "match", programme.slug, mentees=len(rows), placed=placed)
    if rows:
        _say(
            "Draft stored, nothing was sent. `--move ACCOUNT --to ACCOUNT --reason TEXT` places "
            "a mentee by hand, `--lock ACCOUNT` keeps a placement, `--apply` asks each mentor "
            "placed."
        )


def publish_committee_draft(who: Operator, session: Session, programme: Programme) -> None:
    outgoing = Outgoing(session, utcnow())
    published = publish_draft(outgoing, programme, LOCALE, _progress)
    tell_admins(outgoing, programme, published, but=who.person_id)
    who.audit(
        session,
        "match.apply",
        programme.slug,
        paired=published.paired,
        refused=len(published.refused),
        without=published.without,
    )
    for line in published_lines(LOCALE, programme, published):
        _say(line)


def _mentee_application(
    session: Session, programme: Programme, option: str, account: str
) -> tuple[Person, Application]:
    person = person_of(session, option, account)
    assert programme.id is not None and person.id is not None
    application = application_of(session, programme.id, person.id, Role.mentee)
    if application is None:
        raise fail(f"{option}: {account} has no mentee application in {programme.slug!r}.")
    return person, application


def move_mentee(
    who: Operator, session: Session, programme: Programme, mentee: str, mentor: str, reason: str
) -> None:
    taken = person_of(session, "--move", mentee)
    giving = person_of(session, "--to", mentor)
    assert taken.id is not None and giving.id is not None
    made = move(session, programme, taken.id, giving.id, reason, who.person_id, utcnow())
    if isinstance(made, Refusal):
        who.audit(
            session, "match.move.refused", programme.slug, mentee=mentee, mentor=mentor,
            rule=made.rule,
        )  # fmt: skip
        session.commit()
        raise fail(f"Refused ({made.rule}): {t(LOCALE, made.key, **made.params)}")
    who.audit(session, "match.move", programme.slug, mentee=mentee, mentor=mentor, reason=reason)
    _say(t(LOCALE, "draft-moved", mentee=taken.display_name, mentor=giving.display_name))


def lock_placement(
    who: Operator, session: Session, programme: Programme, account: str, locked: bool
) -> None:
    option = "--lock" if locked else "--unlock"
    person, application = _mentee_application(session, programme, option, account)
    rows = refresh_draft(session, programme, utcnow())
    row = next((r for r in rows if r.application.id == application.id), None)
    if row is None or row.placement is None:
        raise fail(
            f"{option}: {account} has no placement in the draft (`mentorbot match --programme "
            f"{programme.slug}` shows it; --move places a mentee by hand)."
        )
    lock(session, programme, [application.id], locked, utcnow())  # type: ignore[list-item]
    who.audit(session, f"match.{option[2:]}", programme.slug, mentee=account)
    key = "draft-locked" if locked else "draft-unlocked"
    _say(t(LOCALE, key, count=1, mentee=person.display_name, mentor=row.mentor))


def person_of(session: Session, option: str, text: str) -> Person:
    """The person behind an account given to `option`, or a clear exit."""
    try:
        account = parse_account(text)
    except ValueError as exc:
        raise fail(f"{option}: {exc}") from exc
    identity = find_identity(session, account.platform, account.team, account.user)
    person = session.get(Person, identity.person_id) if identity is not None else None
    if person is None:
        raise fail(f"{option}: {account} has never talked to the bot.")
    return person
