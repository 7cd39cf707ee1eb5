"""The follow-up as one image a coordinator reads on a phone: pairs by state, meetings held
against expected, objectives set and reached, and the pulse trend over the rounds with enough
answers.

`figure(dashboard, locale, timezone)` draws it (public, so that a test can read every text the
image holds); `png(dashboard, locale, timezone)` renders it. It is titled like the chat's summary
(programme, scope and day), so that a forwarded image still says what it shows; each pair state
keeps its colour whichever states are present. Only aggregate figures are drawn: no name, no
free text. matplotlib is imported inside the functions, headless (Agg, no pyplot state): its
import is slow and the bot's start must not pay for it.
"""

from __future__ import annotations

import io
import textwrap
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from bot.domain.followup import PULSE_MIN_ANSWERS, Dashboard
from handlers.followup_text import STATE_ORDER, as_of, heading, short_day
from messages.catalog import supported, t
from storage.enums import PairState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SIZE = (6, 9)  # inches, portrait
DPI = 150
FONT = 13
TITLE_WIDTH = 36  # characters per line of the title, at FONT + 4 on SIZE's width
COLOURS = ("#2f6f9f", "#9ab8d3", "#5f9b6e", "#d08c3a", "#b5483b")
# One colour per pair state, the same on every chart (Okabe-Ito, readable by colour-blind eyes).
STATE_COLOURS = {
    PairState.proposed: "#999999",
    PairState.awaiting_charter: "#56b4e9",
    PairState.active: "#009e73",
    PairState.completed: "#0072b2",
    PairState.withdrawn: "#d55e00",
    PairState.declined: "#cc79a7",
    PairState.expired: "#e69f00",
}


def _bars(
    axes: Axes,
    title: str,
    labels: list[str],
    values: list[int],
    locale: str,
    colours: list[str] | tuple[str, ...] = COLOURS,
) -> None:
    """Horizontal bars across the whole width, each with its label above it and its figure
    (written the locale's way) at its end: long labels never squeeze the bars."""
    positions = range(len(labels))
    axes.barh(positions, values, height=0.45, color=colours[: len(labels)])
    axes.invert_yaxis()
    _title(axes, title)
    axes.set_xlim(0, max(1, *values) * 1.2 if values else 1)
    axes.set_ylim(len(labels) - 0.5, -0.9)
    axes.set_xticks([])
    axes.set_yticks([])
    code = supported(locale)
    for position, label, value in zip(positions, labels, values, strict=True):
        axes.text(0, position - 0.3, label, va="bottom", fontsize=FONT)
        axes.text(
            value, position, f" {format_decimal(value, locale=code)}", va="center", fontsize=FONT
        )
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)


def _title(axes: Axes, title: str) -> None:
    axes.set_title(title, fontsize=FONT + 2, loc="left", fontweight="bold")


def _empty(axes: Axes, message: str) -> None:
    """A panel with nothing to draw yet says so."""
    axes.set_xticks([])
    axes.set_yticks([])
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=FONT, transform=axes.transAxes)


def _states(axes: Axes, board: Dashboard, locale: str) -> None:
    shown = [state for state in STATE_ORDER if board.pairs_by_state.get(state)]
    if not shown:
        _title(axes, t(locale, "followup-chart-states"))
        _empty(axes, t(locale, "followup-chart-no-pair"))
        return
    labels = [t(locale, f"admin-pair-{state}") for state in shown]
    values = [board.pairs_by_state[state] for state in shown]
    colours = [STATE_COLOURS[state] for state in shown]
    _bars(axes, t(locale, "followup-chart-states"), labels, values, locale, colours)


def _meetings(axes: Axes, board: Dashboard, locale: str) -> None:
    """Meetings held, expected by now, held up to each pair's expected number, cancelled and
    missed."""
    keys = ("held", "expected", "on-pace", "cancelled", "no-show")
    labels = [t(locale, f"followup-chart-{key}") for key in keys]
    totals = board.totals
    values = [totals.held, totals.expected, totals.on_pace, totals.cancelled, totals.no_show]
    _bars(axes, t(locale, "followup-chart-meetings"), labels, values, locale)


def _objectives(axes: Axes, board: Dashboard, locale: str) -> None:
    labels = [t(locale, "followup-chart-set"), t(locale, "followup-chart-reached")]
    values = [board.totals.objectives, board.totals.reached]
    _bars(axes, t(locale, "followup-chart-objectives"), labels, values, locale)


def _pulse(axes: Axes, board: Dashboard, locale: str) -> None:
    """The mean pulse per round shown, days written as in the chat ("5 juillet", "5 July")."""
    _title(axes, t(locale, "followup-chart-pulse"))
    axes.set_ylim(1, 5)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.tick_params(labelsize=FONT)
    points = board.recent_pulse
    if not points:
        hidden = t(locale, "followup-chart-pulse-hidden", min=PULSE_MIN_ANSWERS)
        _empty(axes, hidden if board.pulse_withheld else t(locale, "followup-chart-no-pulse"))
        return
    days = [short_day(_round_day(p.due_on), locale, "UTC", board.now) for p in points]
    positions = list(range(len(points)))
    axes.plot(positions, [p.mean for p in points], marker="o", linewidth=2.5, color=COLOURS[0])
    slanted = len(points) > 3  # long date labels would overlap
    axes.set_xticks(
        positions, days, rotation=45 if slanted else 0, ha="right" if slanted else "center"
    )
    axes.grid(axis="y", alpha=0.3)


def _round_day(due_on: str) -> datetime:
    """A pulse round's day (an ISO day, a calendar date with no zone) as a moment to write."""
    return datetime.fromisoformat(due_on).replace(tzinfo=UTC)


def _title_lines(board: Dashboard, locale: str, timezone: str) -> str:
    """The chat's heading, wrapped to the figure's width; its day is never cut in two."""
    day = as_of(board.now, locale, timezone)
    whole_day = day.replace(" ", "\u00a0")  # textwrap breaks at ASCII spaces only
    return textwrap.fill(heading(board, locale, timezone).replace(day, whole_day), TITLE_WIDTH)


def figure(board: Dashboard, locale: str, timezone: str) -> Figure:
    """The follow-up drawn on one portrait figure, titled as the chat's summary is."""
    from matplotlib.figure import Figure

    drawing = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    drawing.suptitle(_title_lines(board, locale, timezone), fontsize=FONT + 4, fontweight="bold")
    states, meetings, objectives, pulse = drawing.subplots(
        4, 1, gridspec_kw={"height_ratios": [max(2, len(board.pairs_by_state)), 5, 2, 3]}
    )
    _states(states, board, locale)
    _meetings(meetings, board, locale)
    _objectives(objectives, board, locale)
    _pulse(pulse, board, locale)
    return drawing


def png(board: Dashboard, locale: str, timezone: str) -> bytes:
    """The figure as PNG bytes (Agg, headless)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    drawing = figure(board, locale, timezone)
    FigureCanvasAgg(drawing)
    buffer = io.BytesIO()
    drawing.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
