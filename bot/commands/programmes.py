"""`mentorbot programme apply | list | show | open | close`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bot.commands.common import AsOption, DbOption, err, fail, operator, out
from bot.domain.programme_settings import read_toml, to_toml
from handlers.programme_changes import after_save
from storage.applications import window_state
from storage.programmes import all_programmes, save_settings, settings_of
from storage.types import utcnow

app = typer.Typer(
    help="Programmes: create or update from a file, list, show.", no_args_is_help=True
)


@app.command("apply")
def apply_file(
    file: Annotated[Path, typer.Argument(help="The programme file (TOML).")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Create or update a programme from FILE and say what changed; invalid: exit 2."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"Cannot read {file}: {exc}") from exc
    settings = read_toml(text)
    if isinstance(settings, list):
        for error in settings:
            err.print(
                f"[red]{file}: {error.key}: {error.message}[/red]", highlight=False, soft_wrap=True
            )
        raise fail(f"Nothing saved: fix the {len(settings)} error(s) above.")
    who = operator(db, as_account)
    with who.session() as session:
        from storage.programmes import programme_by_slug

        who.check(session, programme_by_slug(session, settings.slug), "programme.apply")
        saved = save_settings(session, settings, utcnow())
        after_save(session, saved, utcnow())
        who.audit(session, "programme.apply", saved.programme.slug, changed=saved.changed)
    name = saved.programme.slug
    if saved.created:
        out.print(f"Programme {name!r} created.", highlight=False)
    elif saved.changed:
        out.print(f"Programme {name!r} updated: {', '.join(saved.changed)}.", highlight=False)
    else:
        out.print(f"Programme {name!r} unchanged.", highlight=False)
    if saved.new_charter is not None:
        out.print(
            f"New charter (version {saved.new_charter.version}): the members of its pairs are "
            "asked to accept it.",
            highlight=False,
        )


@app.command("list")
def list_programmes(db: DbOption = None, as_account: AsOption = None) -> None:
    """The programmes, with their applications window."""
    who = operator(db, as_account)
    with who.session() as session:
        programmes = all_programmes(session)
        table = Table("slug", "name", "matching", "applications", "starts", "ends")
        for programme in programmes:
            settings = settings_of(session, programme)
            table.add_row(
                programme.slug,
                programme.name,
                programme.matching,
                window_state(programme, utcnow()),
                str(settings.starts or ""),
                str(settings.ends or ""),
            )
        who.audit(session, "programme.list")
    if not programmes:
        out.print("No programme yet: `mentorbot programme apply FILE.toml` creates one.")
        return
    out.print(table)


@app.command("show")
def show(
    slug: Annotated[str, typer.Argument(help="The programme's slug.")],
    toml: Annotated[bool, typer.Option("--toml", help="Print the file that recreates it.")] = False,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """One programme, as the file that would recreate it."""
    who = operator(db, as_account)
    with who.session() as session:
        programme = who.programme(session, slug)
        who.check(session, programme, "programme.show", need="referent")
        text = to_toml(settings_of(session, programme))
        who.audit(session, "programme.show", programme.slug)
    if toml:
        typer.echo(text, nl=False)
    else:
        out.print(text, highlight=False, markup=False)


@app.command("open")
def open_now(
    slug: Annotated[str, typer.Argument(help="The programme's slug.")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Open applications now (and keep the closing date, if it is still ahead)."""
    _window(slug, "open", db, as_account)


@app.command("close")
def close_now(
    slug: Annotated[str, typer.Argument(help="The programme's slug.")],
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """Close applications now (a programme matched at the close is matched at the next sweep)."""
    _window(slug, "close", db, as_account)


def _window(slug: str, how: str, db: str | None, as_account: str | None) -> None:
    from handlers.programme_changes import set_window

    who = operator(db, as_account)
    with who.session() as session:
        programme = who.programme(session, slug)
        who.check(session, programme, f"programme.{how}")
        set_window(programme, how, utcnow())
        session.add(programme)
        who.audit(session, f"programme.{how}", programme.slug)
        state = window_state(programme, utcnow())
    out.print(f"Programme {slug!r}: applications {state}.", highlight=False)
