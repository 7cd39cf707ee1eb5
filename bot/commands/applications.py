"""`mentorbot applications import | export | list`: a programme's applications, admins only.

Import checks the whole file first (`bot.domain.application_rows`): a bad row imports nothing
and exits 2, each fault printed with its line, column and reason; `--skip-bad` imports the good
rows and reports the others. Each imported person is asked in the chat to confirm; one known by
an e-mail address only is looked up on Slack, else gets a personal invitation that the report
prints for the coordinator to send. Export writes the same columns plus `status` to an
owner-only file; list shows who applied, grouped. Every run is audited, refusals included.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    Operator,
    ProgrammeOption,
    err,
    fail,
    operator,
    out,
)
from bot.config import Settings
from bot.domain.accounts import Account
from bot.domain.application_rows import EXPORT_COLUMNS, ApplicationRow, export_cells, read_rows
from bot.private_files import private_file
from bot.reach import DirectoryError, slack_directory, telegram_username
from handlers.admin_applications import entry_text
from handlers.imported import offer_confirmation
from handlers.outgoing import Outgoing
from messages.catalog import t
from storage.application_import import Imported, import_row
from storage.application_lists import application_groups, exported_applications
from storage.models import Programme
from storage.types import utcnow

T = TypeVar("T")
EN = "en"  # the command line speaks English; texts for participants use their language

app = typer.Typer(
    help="Applications: import from a CSV file, export with their status, list.",
    no_args_is_help=True,
)


def _progress(items: list[T], what: str) -> Iterator[T]:
    """`items`, one by one, with a progress bar on stderr."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err) as progress:
        yield from progress.track(items, total=len(items), description=what)


def _say(text: str) -> None:
    out.print(text, highlight=False, markup=False, soft_wrap=True)


def _rejected(who: Operator, slug: str, **details: object) -> None:
    with who.session() as session:
        who.audit(session, "applications.import.rejected", slug, **details)


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="The applications (CSV, comma or semicolon).")],
    programme: ProgrammeOption,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Import the good rows, report the bad ones.")
    ] = False,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Import applications from FILE; a bad row imports nothing (exit 2) unless --skip-bad."""
    from bot.cli import load_settings

    who = operator(db, as_account)
    with who.session() as session:
        target = who.programme(session, programme)
        who.check(session, target, "applications.import")
        slug, topics = target.slug, list(target.topics)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        _rejected(who, slug, file=file.name, reason="unreadable")
        raise fail(f"Cannot read {file} as UTF-8 text: {exc}") from exc
    read = read_rows(text, topics)
    for error in read.errors:
        err.print(
            f"[red]{file.name}: line {error.line}, column {error.column}: {error.reason}[/red]",
            highlight=False,
            soft_wrap=True,
        )
    if read.errors and not (skip_bad and read.rows):
        _rejected(who, slug, file=file.name, errors=len(read.errors))
        hint = "" if skip_bad else " (or import the good rows with --skip-bad)"
        raise fail(f"Nothing imported: fix the {len(read.errors)} error(s) above{hint}.")
    settings = load_settings()
    accounts = _accounts(read.rows, settings)
    with who.session() as session:
        target = who.programme(session, slug)
        done, reached = _store(session, target, read.rows, accounts)
        who.audit(
            session,
            "applications.import",
            slug,
            file=file.name,
            rows=len(done),
            skipped=len({e.line for e in read.errors}),
            asked=reached,
            invited=len({item.invitation for item in done if item.invitation}),
        )
    _report(done, reached, read.errors != [], settings, target)


def _store(
    session: Session, programme: Programme, rows: list[ApplicationRow], accounts: dict[int, Account]
) -> tuple[list[Imported], int]:
    """Import every row, then ask each reachable person once; how many were asked."""
    done = [
        import_row(session, programme, row, accounts[row.line], utcnow())
        for row in _progress(rows, "Importing")
    ]
    asked = Outgoing(session, utcnow())
    people = dict.fromkeys(item.person_id for item in done if item.reachable and item.roles)
    return done, sum(offer_confirmation(asked, person_id, programme) for person_id in people)


def _accounts(rows: list[ApplicationRow], settings: Settings) -> dict[int, Account]:
    """Each row's account; an e-mail address becomes the Slack account that has it, if any."""
    accounts = {row.line: row.account for row in rows}
    directory = slack_directory(settings)
    by_email = [row for row in rows if row.account.platform == "email"]
    if directory is None or not by_email:
        return accounts
    for row in _progress(by_email, "Looking up e-mail addresses on Slack"):
        try:
            found = directory.find(row.account.user)
        except DirectoryError as exc:
            err.print(f"line {row.line}: Slack lookup failed ({exc}).", highlight=False)
            continue
        if found is not None:
            accounts[row.line] = found
            _say(f"line {row.line}: {row.account.user} is {found} on Slack.")
    return accounts


def _report(
    done: list[Imported], reached: int, skipped: bool, settings: Settings, programme: Programme
) -> None:
    people = {item.person_id for item in done if item.roles}
    count = sum(len(item.roles) for item in done)
    _say(f"Imported {count} application(s) for {len(people)} person(s) into {programme.slug!r}.")
    for item in done:
        if item.kept:
            roles = " and ".join(item.kept)
            _say(f"line {item.line}: {item.name} already applied as {roles}: kept as it is.")
    _say(f"{reached} person(s) will be asked in the chat to confirm their application.")
    invited = list({item.invitation: item for item in done if item.invitation}.values())
    if invited:
        _say("Personal invitations to send (these people cannot be reached yet):")
        username = telegram_username(settings)
        for item in invited:
            _say(f"\n--- line {item.line}: {item.name} <{item.account.removeprefix('email:')}>")
            _say(_invitation(programme, item, username, bool(settings.slack_bot_token)))
    if skipped:
        err.print("[yellow]The rows reported above were skipped.[/yellow]")


def _invitation(programme: Programme, item: Imported, username: str | None, slack: bool) -> str:
    """The invitation to send, in the programme's language."""
    code, locale = item.invitation, programme.locale
    lines = [t(locale, "personal-invitation-message", name=item.name, programme=programme.name)]
    if username:
        link = f"https://t.me/{username}?start={code}"
        lines.append(t(locale, "personal-invitation-telegram", link=link))
    lines.append(t(locale, "personal-invitation-chat", code=code))
    if slack:
        lines.append(t(locale, "personal-invitation-slack", code=code))
    return "\n".join(lines)


@app.command("export")
def export(
    programme: ProgrammeOption,
    out_file: Annotated[Path, typer.Option("--out", help="The CSV file to write.")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Write the programme's applications, with their status, to an owner-only CSV file."""
    who = operator(db, as_account)
    with who.session() as session:
        target = who.programme(session, programme)
        who.check(session, target, "applications.export")
        rows = exported_applications(session, target)
        cells = (
            export_cells(row.role, row.name, row.account, row.answers, row.status)
            for row in _progress(rows, "Exporting")
        )
        _write_private(out_file, cells)
        who.audit(session, "applications.export", target.slug, file=out_file.name, rows=len(rows))
    _say(f"{len(rows)} application(s) written to {out_file} (readable by you only).")


def _write_private(path: Path, rows: Iterable[list[str]]) -> None:
    """Write the CSV to an owner-only file (`bot.private_files`)."""
    try:
        with private_file(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            writer.writerows(rows)
    except OSError as exc:
        raise fail(f"Cannot write {path}: {exc}") from exc


@app.command("list")
def list_applications(
    programme: ProgrammeOption, db: DbOption = None, as_account: AsOption = None
) -> None:
    """Who applied, grouped: to confirm, mentors, mentees waiting, ineligible, matched..."""
    who = operator(db, as_account)
    with who.session() as session:
        target = who.programme(session, programme)
        who.check(session, target, "applications.list")
        groups = application_groups(session, target)
        who.audit(session, "applications.list", target.slug)
    if not any(groups.values()):
        _say(f"No application to {target.name!r} yet.")
        return
    for group, entries in groups.items():
        if entries:
            _say(t(EN, f"applications-group-{group}", count=len(entries)))
            for entry in entries:
                _say(f"  {entry_text(EN, group, entry)}")
