"""`mentorbot keys new | rotate`: the notes key, which encrypts everything private.

The rotation itself is `storage.key_rotation`; the steps an operator follows are in the help of
`mentorbot keys rotate` (below) and in the README.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from cryptography.fernet import Fernet, InvalidToken
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy.engine import Engine

from bot.commands.common import DbOption, err, fail, out
from bot.config import Settings
from bot.private_files import write_private
from bot.startup import Database, StartupError, open_database
from storage.key_rotation import Tally, rotate, row_counts, survey
from storage.notes_key import NotesKeys, written_with
from storage.sealed import bind_cipher

app = typer.Typer(
    help="The notes key, which encrypts everything private: make one, rotate to a new one.",
    no_args_is_help=True,
)
ROTATE_PARAGRAPHS = (
    """Re-encrypt every private value under a new notes key; resumable, with progress.""",
    """With the key file of a SQLite database (stop the bot first: a running bot knows only the
    old key): `keys rotate` puts a new key first in the file, the old one kept after it, and
    re-encrypts every value under the new key. Interrupted, the same command continues where it
    stopped. Then `keys rotate --drop-old` removes the old key once no value needs it.""",
    """With NOTES_KEYS (PostgreSQL, replicas): while NOTES_KEYS holds one key, `keys rotate`
    changes nothing and prints a new key. Set NOTES_KEYS=NEW,OLD (new first) on every replica
    and restart them; `keys rotate` then re-encrypts every value under NEW. Once it says that no
    value needs OLD, remove OLD from NOTES_KEYS everywhere.""",
    """`--check` counts the values under each key. Keep a copy of an old key with the database
    backups made before the rotation: they need it.""",
)
ROTATE_HELP = "\n\n".join(" ".join(paragraph.split()) for paragraph in ROTATE_PARAGRAPHS)
KEEP_OLD = "keep a copy of it with the database backups made before the rotation: they need it"


@app.command("new")
def new_key() -> None:
    """Print a new notes key, for NOTES_KEYS (it is stored nowhere)."""
    out.print(Fernet.generate_key().decode("ascii"), markup=False, highlight=False)


@app.command("rotate", help=ROTATE_HELP)
def rotate_keys(
    db: DbOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Count the values under each key; change nothing.")
    ] = False,
    drop_old: Annotated[
        bool,
        typer.Option("--drop-old", help="Remove the older keys once no value needs them."),
    ] = False,
    batch: Annotated[int, typer.Option(min=1, help="Rows re-encrypted per transaction.")] = 500,
) -> None:
    """Re-encrypt every private value under the newest notes key (see ROTATE_HELP)."""
    from bot.cli import load_settings

    settings = load_settings()
    database = _open(settings, db)
    spooled = _spooled(settings.inbound_spool_dir, database)
    if check:
        _report(survey_with_progress(database.engine, database.keys), database.keys, spooled)
    elif drop_old:
        _drop_old(database, spooled)
    else:
        _rotate(database, batch)


def _open(settings: Settings, db: str | None) -> Database:
    try:
        return open_database(settings, db)
    except StartupError as exc:
        raise fail(str(exc)) from None


def _rotate(database: Database, batch: int) -> None:
    keys = database.keys
    if len(keys.keys) == 1 and keys.file is None:
        err.print(
            "NOTES_KEYS holds one key. To rotate, set NOTES_KEYS=NEW,CURRENT (the new key below "
            "first, then the current one) on every replica and restart them, then run "
            "`mentorbot keys rotate` again. The new key:",
            soft_wrap=True,
            highlight=False,
        )
        out.print(Fernet.generate_key().decode("ascii"), markup=False, highlight=False)
        return
    if len(keys.keys) == 1:
        keys = _put_new_key_first(keys)
        bind_cipher(database.engine, keys.cipher)
    else:
        err.print(f"Re-encrypting under the first of the {len(keys.keys)} keys in {keys.source}.")
    tally = rotate_with_progress(database.engine, keys, batch)
    said = f"{tally.rotated:,} value(s) re-encrypted under the newest key"
    said += f" ({tally.current:,} already were)."
    if tally.changed:
        said += (
            f" {tally.changed:,} changed while the rotation ran and were left as written: "
            "run `mentorbot keys rotate` again."
        )
    elif tally.unreadable:
        said += f" {tally.unreadable:,} cannot be opened by any configured key (left as they are)."
    else:
        drop = (
            f"`mentorbot keys rotate --drop-old` removes it from {keys.file}"
            if keys.file is not None
            else "remove it from NOTES_KEYS on every replica"
        )
        said += f" No value needs the old key any more: {drop}; {KEEP_OLD}."
    out.print(said, markup=False, highlight=False, soft_wrap=True)


def _put_new_key_first(keys: NotesKeys) -> NotesKeys:
    """A new key first in the key file, the old one kept after it (written owner-only, whole)."""
    assert keys.file is not None
    renewed = NotesKeys((Fernet.generate_key().decode("ascii"), *keys.keys), keys.file)
    write_private(keys.file, "".join(f"{key}\n" for key in renewed.keys).encode("ascii"))
    err.print(
        f"New key put first in {keys.file}; the old key stays after it until it is dropped.",
        soft_wrap=True,
        highlight=False,
    )
    return renewed


def _drop_old(database: Database, spooled: list[Path]) -> None:
    keys = database.keys
    if len(keys.keys) == 1:
        out.print("One key only: there is no older key to drop.")
        return
    tally = survey_with_progress(database.engine, keys)
    waiting = sum(1 for path in spooled if not written_with(keys.newest, path.read_bytes()))
    if tally.older or waiting:
        raise fail(
            f"{tally.older + waiting:,} value(s) still need an older key: run `mentorbot keys "
            "rotate` first (messages waiting in the inbound spool are replayed by the running "
            "bot).",
            1,
        )
    if keys.file is None:
        out.print(
            "No value needs the older keys: keep only the first key of NOTES_KEYS on every "
            f"replica; {KEEP_OLD}.",
            soft_wrap=True,
        )
        return
    write_private(keys.file, f"{keys.keys[0]}\n".encode("ascii"))
    out.print(
        f"{len(keys.keys) - 1} older key(s) removed from {keys.file}; {KEEP_OLD}.",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _report(tally: Tally, keys: NotesKeys, spooled: list[Path]) -> None:
    older = [path for path in spooled if not written_with(keys.newest, path.read_bytes())]
    unreadable = sum(1 for path in older if not _opens(keys, path.read_bytes()))
    out.print(
        f"Under the newest key: {tally.current:,}; under an older key: {tally.older:,}; "
        f"unreadable with the configured keys: {tally.unreadable + unreadable:,}; inbound "
        f"messages waiting under an older key: {len(older) - unreadable:,}.",
        soft_wrap=True,
        highlight=False,
    )
    if len(keys.keys) == 1:
        verdict = "One key is configured."
    elif tally.older or len(older) > unreadable:
        verdict = "The older keys are still needed: run `mentorbot keys rotate`."
    else:
        verdict = "No value needs the older keys: they can be removed (`--drop-old`)."
    out.print(verdict, markup=False, highlight=False)


def _opens(keys: NotesKeys, token: bytes) -> bool:
    try:
        keys.cipher.decrypt(token)
    except InvalidToken:
        return False
    return True


def _spooled(configured: str | None, database: Database) -> list[Path]:
    """The inbound events waiting on this machine, encrypted under the notes key."""
    from bot.inbound_spool import SUFFIX, spool_directory

    directory = spool_directory(configured, database.engine.url)
    return sorted(directory.rglob(f"*{SUFFIX}")) if directory is not None else []


def _progress() -> Progress:
    columns = (
        TextColumn("{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    return Progress(*columns, console=err)


def rotate_with_progress(engine: Engine, keys: NotesKeys, batch: int) -> Tally:
    """`storage.key_rotation.rotate`, a progress bar per table on stderr."""
    with _progress() as progress:
        tasks = {n: progress.add_task(n, total=c) for n, c in row_counts(engine).items()}
        return rotate(
            engine, keys, batch=batch, progress=lambda n, done: progress.advance(tasks[n], done)
        )


def survey_with_progress(engine: Engine, keys: NotesKeys) -> Tally:
    """`storage.key_rotation.survey`, a progress bar per table on stderr."""
    with _progress() as progress:
        tasks = {n: progress.add_task(n, total=c) for n, c in row_counts(engine).items()}
        return survey(engine, keys, progress=lambda n, done: progress.advance(tasks[n], done))
