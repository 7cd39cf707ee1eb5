"""`mentorbot dashboard --programme SLUG [--chart FILE.png] [--as ACCOUNT]`: the follow-up of a
programme, as `/admin suivi` shows it in the chat: the summary, then a table of every pair
(needing attention first), and with `--chart` the same figures drawn as a PNG.

The same code as the chat: `storage.followup.dashboard` reads the figures, `handlers.followup_text`
and `handlers.followup_chart` present them (English catalog; dates in the programme's time zone,
or the `--as` coordinator's). A referent sees only the pairs it follows. Checked and audited.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bot.commands.common import (
    AsOption,
    DbOption,
    ProgrammeOption,
    err,
    fail,
    operator,
    out,
)
from bot.commands.pairs import referent_only
from bot.domain.followup import Dashboard, PairFollowUp
from handlers.followup_chart import png
from handlers.followup_text import name, number, ordered, short_day, summary_lines
from messages.catalog import t
from storage.enums import GrantRole
from storage.followup import dashboard as read_dashboard
from storage.models import Person
from storage.types import utcnow

LOCALE = "en"
ChartOption = Annotated[
    Path | None,
    typer.Option("--chart", help="Also draw the figures as a PNG image in this file."),
]


def _day(moment: datetime | None, zone: str, board: Dashboard) -> str:
    return short_day(moment, LOCALE, zone, board.now) if moment is not None else ""


def _row(row: PairFollowUp, zone: str, board: Dashboard) -> list[str]:
    flags = [t(LOCALE, "followup-pair-overdue")] if row.overdue else []
    if row.paused_until is not None:
        flags.append(t(LOCALE, "followup-pair-paused", day=_day(row.paused_until, zone, board)))
    pulse = number(row.pulse[-1], LOCALE) if row.pulse else ""
    cells = [
        name(row.mentee, LOCALE),
        name(row.mentor, LOCALE),
        t(LOCALE, f"admin-pair-{row.state}"),
        f"{row.held} / {row.expected}",
        _day(row.last_held, zone, board),
        _day(row.next_planned, zone, board),
        str(row.cancelled),
        str(row.no_show),
        f"{row.reached} / {row.objectives}",
        f"{pulse} (low)" if row.low_pulse else pulse,
        ", ".join(flags),
    ]
    if not board.referent_only:
        cells.insert(2, name(row.referent, LOCALE) if row.referent else "-")
    return cells


def pairs_table(board: Dashboard, zone: str) -> Table:
    """Every pair, those needing attention first."""
    columns = ["mentee", "mentor", "state", "held / expected", "last", "next", "cancelled"]
    columns += ["no-shows", "objectives reached / set", "pulse", "attention"]
    if not board.referent_only:
        columns.insert(2, "referent")
    table = Table(*columns, title=f"{len(board.rows)} pairs")
    for row in ordered(board.rows):
        table.add_row(*_row(row, zone, board))
    return table


def _chart_target(chart: Path | None) -> None:
    if chart is None:
        return
    if chart.suffix.lower() != ".png":
        raise fail(f"--chart {chart}: the file must end in .png (the chart is a PNG image).")
    if not chart.parent.is_dir():
        raise fail(f"--chart {chart}: the folder {chart.parent} does not exist; create it first.")


def dashboard(
    programme: ProgrammeOption,
    chart: ChartOption = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """The programme's follow-up: summary, every pair, and the chart with --chart."""
    _chart_target(chart)
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "dashboard", need=GrantRole.referent)
        person = session.get(Person, who.person_id) if who.person_id is not None else None
        zone = person.timezone if person is not None else found.timezone
        with err.status("Reading the follow-up…"):
            board = read_dashboard(session, found, utcnow(), referent_only(session, who, found))
        who.audit(session, "dashboard", found.slug, pairs=len(board.rows), chart=chart is not None)
    for line in summary_lines(board, LOCALE, zone):
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    if board.rows:
        out.print(pairs_table(board, zone))
    else:
        out.print(t(LOCALE, "followup-no-pairs"), highlight=False)
    if chart is not None:
        with err.status("Drawing the chart…"):
            chart.write_bytes(png(board, LOCALE))
        out.print(f"Chart written to {chart.resolve()}", highlight=False, soft_wrap=True)
