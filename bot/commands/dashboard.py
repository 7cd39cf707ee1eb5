"""`mentorbot dashboard --programme SLUG [--chart FILE.png] [--as ACCOUNT]`: the follow-up of a
programme, as `/admin suivi` shows it in the chat: the summary, then one line per pair (needing
attention first), and with `--chart` the same figures drawn as a PNG.

The same code as the chat: `storage.followup.dashboard` reads the figures, `handlers.followup_text`
and `handlers.followup_chart` present them (English catalog; dates in the programme's time zone,
or the `--as` coordinator's). A referent sees only the pairs it follows, and no coordinator the
pulse of a pair it belongs to. Checked and audited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.commands.common import (
    AsOption,
    DbOption,
    ProgrammeOption,
    err,
    fail,
    operator,
    out,
)
from bot.domain.followup import Dashboard
from handlers.admin import visible_dashboard
from handlers.followup_chart import png
from handlers.followup_text import pair_lines, summary_lines
from messages.catalog import t
from storage.enums import GrantRole
from storage.models import Person
from storage.types import utcnow

LOCALE = "en"
ChartOption = Annotated[
    Path | None,
    typer.Option("--chart", help="Also draw the figures as a PNG image in this file."),
]


def _chart_target(chart: Path | None) -> None:
    if chart is None:
        return
    if chart.suffix.lower() != ".png":
        raise fail(f"--chart {chart}: the file must end in .png (the chart is a PNG image).")
    if not chart.parent.is_dir():
        raise fail(f"--chart {chart}: the folder {chart.parent} does not exist; create it first.")


def _print(line: str) -> None:
    out.print(line, highlight=False, markup=False, soft_wrap=True)


def print_board(board: Dashboard, zone: str) -> None:
    """The summary, then every pair on a line of its own, as the chat lists them."""
    for line in summary_lines(board, LOCALE, zone):
        _print(line)
    _print("")
    lines = pair_lines(board, LOCALE, zone)
    if not lines:
        _print(t(LOCALE, "followup-empty"))
        return
    _print(t(LOCALE, "followup-page", first=1, last=len(lines), total=len(lines)))
    for line in lines:
        _print(f"• {line}")


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
            board = visible_dashboard(session, who.person_id, found, utcnow())
        who.audit(session, "dashboard", found.slug, pairs=len(board.rows), chart=chart is not None)
    print_board(board, zone)
    if chart is not None:
        with err.status("Drawing the chart…"):
            chart.write_bytes(png(board, LOCALE, zone))
        _print(f"Chart written to {chart.resolve()}")
