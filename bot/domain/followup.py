"""The follow-up of a programme, as coordinators read it: per pair, the meetings held against
the expected rhythm, the last and next meeting, cancellations and no-shows, objectives, whether
it is overdue or paused, and its pulse; for the programme, the same summed up (`Totals`).

Pure: `storage.followup` reads the figures, the views (chat, App Home, command line, chart)
present them. Nothing here holds a word a pair wrote: counts, dates, states and 1-5 scores.
A pulse is never one person's answer: a pair's is the mean of a round both members answered,
and the programme's a round's mean over at least MIN_GROUP answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.cadence import Cadence, anchor, cadence
from bot.domain.synthesis import MIN_GROUP

# A programme without an end date meets about monthly.
DEFAULT_STEP = timedelta(days=30)
# A pulse this low (1-5) tells the referent that the pair may need help.
LOW_PULSE = 2
# The dashboard's pulse trend (its text and its chart) shows this many latest rounds.
PULSE_ROUNDS = 6
# A round of the programme's pulse is shown from this many answers (as the synthesis' groups).
PULSE_MIN_ANSWERS = MIN_GROUP
ACTIVE = "active"
COMPLETED = "completed"


@dataclass(frozen=True)
class PairFollowUp:
    """One pair's figures. Names are the people's display names (empty once erased)."""

    pair_id: int
    mentee: str
    mentor: str
    referent: str
    state: str
    activated_at: datetime | None
    held: int
    expected: int
    last_held: datetime | None
    next_planned: datetime | None
    cancelled: int
    no_show: int
    objectives: int
    reached: int
    overdue: bool
    paused_until: datetime | None  # only for an active pair still paused (`pause_of`)
    pulse: tuple[float, ...] = ()

    @property
    def behind(self) -> bool:
        """Fewer meetings held than the rhythm expects by now."""
        return self.held < self.expected

    @property
    def on_pace(self) -> int:
        """The meetings held, counted up to the number expected (a surplus hides no shortfall
        of another pair in a sum)."""
        return min(self.held, self.expected)

    @property
    def low_pulse(self) -> bool:
        return bool(self.pulse) and self.pulse[-1] <= LOW_PULSE

    @property
    def needs_attention(self) -> bool:
        """An active pair overdue, with a low last pulse, or behind the rhythm and not paused
        (a pair that ended needs no follow-up any more)."""
        if self.state != ACTIVE:
            return False
        return self.overdue or self.low_pulse or (self.behind and self.paused_until is None)


@dataclass(frozen=True)
class Totals:
    """The listed pairs' figures summed (`on_pace`: held meetings counted up to each pair's
    expected number; `started`: pairs that began meeting, `completed` among them)."""

    listed: int = 0
    held: int = 0
    expected: int = 0
    on_pace: int = 0
    cancelled: int = 0
    no_show: int = 0
    objectives: int = 0
    reached: int = 0
    overdue: int = 0
    paused: int = 0
    started: int = 0
    completed: int = 0

    @classmethod
    def of(cls, rows: Iterable[PairFollowUp]) -> Totals:
        rows = list(rows)
        started = [row for row in rows if row.activated_at is not None]
        return cls(
            listed=len(rows),
            held=sum(row.held for row in rows),
            expected=sum(row.expected for row in rows),
            on_pace=sum(row.on_pace for row in rows),
            cancelled=sum(row.cancelled for row in rows),
            no_show=sum(row.no_show for row in rows),
            objectives=sum(row.objectives for row in rows),
            reached=sum(row.reached for row in rows),
            overdue=sum(1 for row in rows if row.overdue),
            paused=sum(1 for row in rows if row.paused_until is not None),
            started=len(started),
            completed=sum(1 for row in started if row.state == COMPLETED),
        )


@dataclass(frozen=True)
class PulsePoint:
    """The programme's mean pulse for one round (`due_on`, a day), over `answers` answers."""

    due_on: str
    mean: float
    answers: int


@dataclass(frozen=True)
class Dashboard:
    """A programme's follow-up as one coordinator may see it (`referent_only`: its pairs only,
    and no applications). `rows` is empty when only the summary was read; `pulse` holds the
    rounds shown, `pulse_withheld` how many rounds had too few answers to be shown."""

    programme: str
    slug: str
    now: datetime
    referent_only: bool
    applications: dict[str, int] = field(default_factory=dict)
    pairs_by_state: dict[str, int] = field(default_factory=dict)
    totals: Totals = Totals()
    rows: tuple[PairFollowUp, ...] = ()
    pulse: tuple[PulsePoint, ...] = ()
    pulse_withheld: int = 0

    @property
    def recent_pulse(self) -> tuple[PulsePoint, ...]:
        """The latest PULSE_ROUNDS rounds of the pulse, oldest first."""
        return self.pulse[-PULSE_ROUNDS:]


def shown_pulse(points: Iterable[PulsePoint]) -> tuple[tuple[PulsePoint, ...], int]:
    """The rounds with at least PULSE_MIN_ANSWERS answers, and how many others were left out."""
    points = list(points)
    shown = tuple(point for point in points if point.answers >= PULSE_MIN_ANSWERS)
    return shown, len(points) - len(shown)


def pause_of(state: str, paused_until: datetime | None, now: datetime) -> datetime | None:
    """Until when the pair is paused: only an active pair is (an ended pair keeps the date it
    had)."""
    if state != ACTIVE or paused_until is None or paused_until <= now:
        return None
    return paused_until


def meeting_step(
    start: datetime, programme_end: datetime | None, target_sessions: int
) -> timedelta:
    """The time between two expected meetings: the programme's span (from `start`, the
    programme's start, else the pair's) over its target; about monthly without an end."""
    if programme_end is None or programme_end <= start:
        return DEFAULT_STEP
    return (programme_end - start) / max(1, target_sessions)


def expected_meetings(
    activated_at: datetime | None,
    programme_start: datetime | None,
    programme_end: datetime | None,
    target_sessions: int,
    now: datetime,
    ended_at: datetime | None = None,
) -> int:
    """How many meetings the programme's rhythm (`meeting_step`) expects a pair to have held by
    `now` (or by its end), counted from the pair's start, at most the target: a pair formed
    late is expected what fits at that pace in its time. (`storage.followup_summary` sums the
    same rule in SQL.)"""
    if activated_at is None:
        return 0
    until = min(now, ended_at) if ended_at is not None else now
    if until <= activated_at:
        return 0
    step = meeting_step(programme_start or activated_at, programme_end, target_sessions)
    return min(target_sessions, int((until - activated_at) / step))


def is_overdue(
    state: str,
    activated_at: datetime | None,
    last_held: datetime | None,
    paused_until: datetime | None,
    next_planned: datetime | None,
    max_gap_days: int,
    now: datetime,
) -> bool:
    """An active pair with nothing planned, past the longest allowed gap (a pause moves the
    count's start, as the nudges do)."""
    if state != ACTIVE or activated_at is None or next_planned is not None:
        return False
    since = anchor(activated_at, last_held, paused_until)
    return cadence(since, max_gap_days, now) in (Cadence.overdue, Cadence.stalled)
