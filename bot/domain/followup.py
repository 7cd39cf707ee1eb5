"""The follow-up of a programme, as coordinators read it: per pair, the meetings held against
the expected rhythm, the last and next meeting, cancellations and no-shows, objectives, whether
it is overdue or paused, and its pulse; for the programme, the same summed up.

Pure: `storage.followup` reads the figures, the views (chat, App Home, command line, chart)
present them. Nothing here holds a word a pair wrote: counts, dates, states and 1-5 scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.cadence import Cadence, anchor, cadence

# Without an end date, a programme is taken to run seven months (the programme file's default).
DEFAULT_SPAN = timedelta(days=213)
# A pulse this low (1-5) tells the referent that the pair may need help.
LOW_PULSE = 2
# The dashboard's pulse trend (its text and its chart) shows this many latest rounds.
PULSE_ROUNDS = 6


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
    paused_until: datetime | None
    pulse: tuple[float, ...] = ()

    @property
    def behind(self) -> bool:
        """Fewer meetings held than the rhythm expects by now."""
        return self.held < self.expected

    @property
    def low_pulse(self) -> bool:
        return bool(self.pulse) and self.pulse[-1] <= LOW_PULSE

    @property
    def needs_attention(self) -> bool:
        """An active pair overdue, with a low last pulse, or behind the rhythm and not paused
        (a pair that ended needs no follow-up any more)."""
        if self.state != "active":
            return False
        return self.overdue or self.low_pulse or (self.behind and self.paused_until is None)


@dataclass(frozen=True)
class PulsePoint:
    """The programme's mean pulse for one round (`due_on`, a day), over `answers` answers."""

    due_on: str
    mean: float
    answers: int


@dataclass(frozen=True)
class Dashboard:
    """A programme's follow-up as one coordinator may see it (`referent_only`: its pairs only,
    and no applications)."""

    programme: str
    slug: str
    now: datetime
    referent_only: bool
    applications: dict[str, int] = field(default_factory=dict)
    pairs_by_state: dict[str, int] = field(default_factory=dict)
    rows: tuple[PairFollowUp, ...] = ()
    pulse: tuple[PulsePoint, ...] = ()

    @property
    def recent_pulse(self) -> tuple[PulsePoint, ...]:
        """The latest PULSE_ROUNDS rounds of the pulse, oldest first."""
        return self.pulse[-PULSE_ROUNDS:]

    @property
    def started(self) -> list[PairFollowUp]:
        """The pairs that began meeting (active, or ended after their start)."""
        return [row for row in self.rows if row.activated_at is not None]

    @property
    def held(self) -> int:
        return sum(row.held for row in self.rows)

    @property
    def expected(self) -> int:
        return sum(row.expected for row in self.rows)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.overdue)

    @property
    def paused(self) -> int:
        return sum(1 for row in self.rows if row.paused_until is not None)

    @property
    def cancelled(self) -> int:
        return sum(row.cancelled for row in self.rows)

    @property
    def no_show(self) -> int:
        return sum(row.no_show for row in self.rows)

    @property
    def objectives(self) -> tuple[int, int]:
        """Objectives set and reached, over every pair shown."""
        return sum(row.objectives for row in self.rows), sum(row.reached for row in self.rows)

    @property
    def completion(self) -> tuple[int, int]:
        """Pairs that completed the programme, out of the pairs that started."""
        started = self.started
        return sum(1 for row in started if row.state == "completed"), len(started)


def expected_meetings(
    activated_at: datetime | None,
    ends_at: datetime | None,
    target_sessions: int,
    now: datetime,
    ended_at: datetime | None = None,
) -> int:
    """How many meetings the rhythm expects a pair to have held by `now` (or by its end): the
    programme's target spread evenly from the pair's start to the programme's end, the first one
    due one step after the start."""
    if activated_at is None:
        return 0
    end = ends_at if ends_at is not None and ends_at > activated_at else activated_at + DEFAULT_SPAN
    until = min(now, ended_at) if ended_at is not None else now
    if until <= activated_at:
        return 0
    step = (end - activated_at) / target_sessions
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
    if state != "active" or activated_at is None or next_planned is not None:
        return False
    since = anchor(activated_at, last_held, paused_until)
    return cadence(since, max_gap_days, now) in (Cadence.overdue, Cadence.stalled)
