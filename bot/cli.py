"""The `mentorbot` command line (also `python -m bot`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.console import Console

from bot.commands import (
    applications,
    audit,
    broadcast,
    dashboard,
    export,
    keys,
    matching,
    pairs,
    programmes,
    referents,
    roles,
    waves,
)
from bot.commands.flag_help import drop_flag_types
from bot.config import Settings
from bot.logs import configure_logging

if TYPE_CHECKING:
    from handlers.core import Core

drop_flag_types()
app = typer.Typer(
    help="mentorbot: a mentoring programme inside Slack, Telegram or a terminal.",
    no_args_is_help=True,
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(programmes.app, name="programme")
app.command("match")(matching.match)
app.command("pair")(matching.pair)
app.add_typer(applications.app, name="applications")
app.add_typer(roles.app, name="role")
app.add_typer(referents.app, name="referents")
app.add_typer(pairs.app, name="pairs")
app.command("audit")(audit.audit_log)
app.command("dashboard")(dashboard.dashboard)
app.command("broadcast")(broadcast.broadcast_command)
app.add_typer(keys.app, name="keys")
app.add_typer(waves.app, name="wave")
app.command("synthesis")(waves.synthesis)
app.add_typer(export.app, name="export")
err = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLAlchemy URL; default: DATABASE_URL.")
]


def load_settings() -> Settings:
    """The settings, or a clear exit naming the variable to fix."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"])
            err.print(
                f"[red]Setting {name}: {error['msg']}[/red] (fix it in the environment or .env)"
            )
        raise typer.Exit(2) from exc


def started_core(settings: Settings, db: str | None = None) -> Core:
    """The core; or, when the database or the notes key is not usable, one line naming the fix
    and exit 2."""
    from bot.app import build_core
    from bot.startup import StartupError

    try:
        return build_core(settings, db)
    except StartupError as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def start_console(settings: Settings, db: str | None, demo: bool, sweeps: bool) -> None:
    from bot.adapters.console import run_console
    from bot.demo import ensure_demo_programme
    from bot.scheduler import start_scheduler

    core = started_core(settings, db)
    if demo and ensure_demo_programme(core.engine):
        err.print("[dim]Demo programme created.[/dim]")
    scheduler = start_scheduler(core.engine) if sweeps else None
    try:
        run_console(core, Path("mentorbot-files"))
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)


@app.command()
def run() -> None:
    """Start every platform that has settings; with none, the console on a demo programme."""
    settings = load_settings()
    configure_logging(logging.WARNING, settings.secrets())
    problem = settings.platform_problem()
    if problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2)
    if not (settings.slack_enabled or settings.telegram_enabled):
        start_console(settings, None, demo=True, sweeps=True)
        return
    logging.getLogger().setLevel(logging.INFO)
    start_platforms(settings)


def start_platforms(settings: Settings) -> None:
    """Serve Slack and/or Telegram with the sweeps and the delivery worker, until interrupted."""
    import asyncio
    import signal

    from bot.runner import PlatformAdapter, Runner
    from bot.scheduler import start_scheduler

    with err.status("Applying migrations..."):
        core = started_core(settings)
    adapters: list[PlatformAdapter] = []
    if settings.slack_enabled:
        from bot.adapters.slack import SlackAdapter

        adapters.append(SlackAdapter(core, settings))
    if settings.telegram_enabled:
        from bot.adapters.telegram import TelegramAdapter

        adapters.append(TelegramAdapter(core, settings))
    runner = Runner(core, adapters, port=settings.port)
    scheduler = start_scheduler(core.engine)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        names = ", ".join(adapter.platform for adapter in adapters)
        err.print(f"[green]mentorbot is running ({names}).[/green] Ctrl-C stops it.")
        await runner.serve(stop)

    try:
        asyncio.run(main())
    finally:
        scheduler.shutdown(wait=False)


@app.command()
def console(
    db: DbOption = None,
    demo: Annotated[
        bool, typer.Option(help="Create the demo programme if the database has none.")
    ] = True,
    sweeps: Annotated[
        bool, typer.Option(help="Run the scheduler's sweeps (reminders, expiries) meanwhile.")
    ] = False,
) -> None:
    """Chat in the terminal: `@name` switches the speaker, other lines are messages."""
    settings = load_settings()
    configure_logging(logging.WARNING, settings.secrets())
    start_console(settings, db, demo, sweeps)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Apply the database migrations (the bot also does it at start)."""
    from bot.commands.common import open_engine

    with err.status("Applying migrations..."):
        open_engine(db)
    err.print("[green]Database schema is up to date.[/green]")
