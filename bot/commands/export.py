"""`mentorbot export tracking`: a programme's tracking table as CSV or XLSX, for admins and
referents (a referent's file holds its own pairs only).

The table holds, per pair, its meetings' date, start time, duration, format, general themes and
attendance, and nothing else (`handlers.tracking_export`). Headers are in the language of the
coordinator `--as` names, else in the programme's; the file is written owner-only
(`bot.private_files`), with a progress bar on stderr. Every run is audited, refusals included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    Operator,
    ProgrammeOption,
    counted,
    err,
    fail,
    operator,
    out,
)
from bot.private_files import private_file
from handlers.admin import referent_scope
from handlers.tracking_export import CSV, XLSX, write_table
from storage.enums import GrantRole
from storage.models import Person, Programme
from storage.tracking import TrackingSize, tracking_size

KINDS = (CSV, XLSX)
app = typer.Typer(help="Exports for coordinators.", no_args_is_help=True)


def kind_of(given: str | None, path: Path) -> str:
    """The format asked for, else the one `path`'s suffix names; a clear exit when neither
    tells, or when they disagree (an XLSX named .csv would open as garbage)."""
    suffix = path.suffix.lower().lstrip(".")
    if given is None:
        if suffix not in KINDS:
            raise fail(
                f"Cannot tell the format from {path.name!r}: add --format csv or --format xlsx "
                "(or name the file .csv or .xlsx)."
            )
        return suffix
    kind = given.strip().lower()
    if kind not in KINDS:
        raise fail(f"Unknown format {given!r}: use --format csv or --format xlsx.")
    if suffix in KINDS and suffix != kind:
        raise fail(
            f"--format {kind} but {path.name!r} ends in .{suffix}: name the file "
            f"{path.with_suffix('.' + kind).name!r}, or use --format {suffix}."
        )
    return kind


def checked_path(path: Path) -> Path:
    """`path`, if a file can be written there; a clear exit naming the fix otherwise."""
    folder = path.parent
    try:
        is_folder, folder_exists = path.is_dir(), folder.is_dir()
    except OSError as exc:  # a name too long, a folder we may not look into
        raise cannot_write(path, exc) from exc
    if is_folder:
        raise fail(f"{path} is a folder: give a file name, e.g. --out {path / 'suivi.xlsx'}.")
    if not folder_exists:
        raise fail(f"Folder {folder} does not exist: create it first (mkdir -p {folder}).")
    return path


def cannot_write(path: Path, exc: OSError) -> typer.Exit:
    return fail(f"Cannot write {path}: {exc.strerror or exc}. Choose a folder you may write to.")


def scope_and_locale(
    who: Operator, session: Session, programme: Programme
) -> tuple[int | None, str]:
    """Whose pairs only the file holds (None: every pair) and the language of its headers."""
    person = session.get(Person, who.person_id) if who.person_id is not None else None
    locale = person.locale if person is not None else programme.locale
    return referent_scope(session, who.person_id, programme), locale


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr; yields the function that tells it how many rows are done."""
    columns = (TextColumn("Writing rows"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("rows", total=total)
        yield lambda done: progress.update(task, completed=done)


@app.command("tracking")
def tracking(
    programme: ProgrammeOption,
    out_file: Annotated[
        Path, typer.Option("--out", help="The file to write (.csv or .xlsx).", show_default=False)
    ],
    kind: Annotated[
        str | None,
        typer.Option("--format", help="csv or xlsx; default: from the --out file's suffix."),
    ] = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Write the tracking table: meetings' dates, durations, formats, themes, attendance.

    Nothing else: no note, action item, objective or reason. A referent gets its own pairs only.
    """
    who = operator(db, as_account)
    with who.session() as session:
        target = who.programme(session, programme)
        who.check(session, target, "tracking.export", need=GrantRole.referent)
        path = checked_path(out_file)
        chosen = kind_of(kind, path)
        referent_id, locale = scope_and_locale(who, session, target)
        size = _write(session, target, chosen, path, locale, referent_id)
        who.audit(
            session,
            "tracking.export",
            target.slug,
            format=chosen,
            file=path.name,
            rows=size.rows,
            pairs=size.pairs,
            meetings=size.meetings,
            referent_only=referent_id is not None,
        )
    whose = "your pairs in " if referent_id is not None else ""
    out.print(
        f"{counted(size.rows, 'row')} ({counted(size.pairs, 'pair')}, "
        f"{counted(size.meetings, 'meeting')}) of {whose}"
        f"{target.slug!r} written to {path} as {chosen.upper()} (readable by you only).",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


def _write(
    session: Session,
    programme: Programme,
    kind: str,
    path: Path,
    locale: str,
    referent_id: int | None,
) -> TrackingSize:
    assert programme.id is not None
    total = tracking_size(session, programme.id, referent_id).rows
    try:
        with progress_bar(total) as advance, private_file(path, "wb") as handle:
            return write_table(
                session, programme, kind, handle, locale, referent_id=referent_id, progress=advance
            )
    except OSError as exc:
        raise cannot_write(path, exc) from exc
