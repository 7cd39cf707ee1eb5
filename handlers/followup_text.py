"""A programme's follow-up (`bot.domain.followup.Dashboard`) in words, for the chat, Slack's App
Home and the command line: a summary, then one line per pair, pairs needing attention first.

Pure presentation: the figures come from `storage.followup.dashboard`; here they only become
text in the reader's language and time zone, numbers written the locale's way (babel), never an
id, a state's code or an ISO date. People who erased their data are named with the catalog's
words for someone who left.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot.domain.followup import PULSE_MIN_ANSWERS, Dashboard, PairFollowUp
from messages.catalog import format_day_month, format_short_day, join_clauses, supported, t
from storage.enums import ApplicationStatus, PairState

STATE_ORDER = tuple(PairState)
STATE_CLAUSES = (PairState.awaiting_charter, PairState.completed, PairState.withdrawn)


def number(value: float, locale: str) -> str:
    """A mean as the locale writes it, to one decimal ("3,4", "3.4")."""
    return format_decimal(value, format="0.0", locale=supported(locale))


def short_day(moment: datetime, locale: str, timezone: str, now: datetime) -> str:
    """A day as the reader says it in a sentence ("3 novembre", "1er décembre", "3 November"),
    months in full as every date of the catalog, the year only when it is not the current one."""
    zone = ZoneInfo(timezone)
    day = moment.astimezone(zone).date()
    if day.year != now.astimezone(zone).year:
        return format_short_day(day, locale)
    return format_day_month(day, locale)


def as_of(now: datetime, locale: str, timezone: str) -> str:
    """The day of the figures, with its year ("22 novembre 2026")."""
    return format_short_day(now.astimezone(ZoneInfo(timezone)).date(), locale)


def heading(board: Dashboard, locale: str, timezone: str) -> str:
    key = "followup-heading-referent" if board.referent_only else "followup-heading"
    return t(locale, key, programme=board.programme, day=as_of(board.now, locale, timezone))


def _counts(locale: str, prefix: str, counts: dict[str, int], order: tuple[str, ...]) -> str:
    known = [key for key in order if counts.get(key)]
    return ", ".join(t(locale, f"{prefix}-{key}", count=counts[key]) for key in known)


def pulse_line(board: Dashboard, locale: str) -> str:
    """The programme's latest mean pulses, oldest first ("… : 3,4 → 3,1 → 2,8"), and how many
    rounds had too few answers to be shown."""
    means = [number(point.mean, locale) for point in board.recent_pulse]
    withheld = board.pulse_withheld
    if not means and withheld:
        return t(locale, "followup-pulse-hidden", min=PULSE_MIN_ANSWERS)
    if not means:
        return t(locale, "followup-pulse-none")
    if len(means) > 1:
        line = t(locale, "followup-pulse", trend=" → ".join(means))
    else:
        key = "followup-pulse-single" if withheld else "followup-pulse-one"
        line = t(locale, key, value=means[0])
    if not withheld:
        return line
    note = t(locale, "followup-pulse-withheld", count=withheld, min=PULSE_MIN_ANSWERS)
    return join_clauses([line, note], locale)


def summary_lines(board: Dashboard, locale: str, timezone: str) -> list[str]:
    """The programme's figures: applications (admins only), pairs by state, and once a pair is
    listed, its meetings, objectives, delays, completion and the pulse trend."""
    lines = [heading(board, locale, timezone)]
    if not board.referent_only:
        applications = _counts(
            locale, "followup-application", board.applications, tuple(ApplicationStatus)
        )
        lines.append(
            t(locale, "followup-applications", counts=applications)
            if applications
            else t(locale, "followup-applications-none")
        )
    states = _counts(locale, "followup-state", board.pairs_by_state, STATE_ORDER)
    lines.append(
        t(locale, "followup-pairs", counts=states) if states else t(locale, "followup-pairs-none")
    )
    if not board.totals.listed:  # a row of zeros says nothing; the chat says how it fills in
        return lines
    return lines + figures_lines(board, locale)


def figures_lines(board: Dashboard, locale: str) -> list[str]:
    """The listed pairs' meetings, objectives, delays, completion and pulse trend."""
    totals = board.totals
    return [
        t(
            locale,
            "followup-meetings",
            held=totals.held,
            expected=totals.expected,
            on_pace=totals.on_pace,
            cancelled=totals.cancelled,
            no_show=totals.no_show,
        ),
        t(locale, "followup-objectives", set=totals.objectives, reached=totals.reached),
        t(locale, "followup-late", overdue=totals.overdue, paused=totals.paused),
        t(locale, "followup-completion", completed=totals.completed, started=totals.started),
        pulse_line(board, locale),
    ]


def name(shown: str, locale: str, *, opening: bool = False) -> str:
    """A person's display name, as they wrote it, or the catalog's words for someone who erased
    their data (capitalised when they open a sentence: only the catalog's words ever are)."""
    if shown.strip():
        return shown.strip()
    words = t(locale, "followup-person-erased")
    return words[:1].upper() + words[1:] if opening else words


def ordered(rows: tuple[PairFollowUp, ...] | list[PairFollowUp]) -> list[PairFollowUp]:
    """Pairs needing attention first (overdue, then low pulse, then behind), then the others."""
    return sorted(
        rows,
        key=lambda row: (not row.needs_attention, not row.overdue, not row.low_pulse),
    )


def pair_facts(row: PairFollowUp, locale: str, timezone: str, now: datetime) -> list[str]:
    """One pair's figures as clauses of a sentence."""
    facts = []
    if row.state in STATE_CLAUSES:
        facts.append(t(locale, f"followup-pair-state-{row.state}"))
    facts.append(t(locale, "followup-pair-meetings", held=row.held, expected=row.expected))
    if row.last_held is not None:
        facts.append(
            t(locale, "followup-pair-last", day=short_day(row.last_held, locale, timezone, now))
        )
    if row.next_planned is not None:
        day = short_day(row.next_planned, locale, timezone, now)
        facts.append(t(locale, "followup-pair-next", day=day))
    if row.cancelled:
        facts.append(t(locale, "followup-pair-cancelled", count=row.cancelled))
    if row.no_show:
        facts.append(t(locale, "followup-pair-no-show", count=row.no_show))
    facts.append(
        t(locale, "followup-pair-objectives", set=row.objectives, reached=row.reached)
        if row.objectives
        else t(locale, "followup-pair-no-objective")
    )
    if row.overdue:
        facts.append(t(locale, "followup-pair-overdue"))
    if row.paused_until is not None:
        day = short_day(row.paused_until, locale, timezone, now)
        facts.append(t(locale, "followup-pair-paused", day=day))
    if row.pulse:
        key = "followup-pair-pulse-low" if row.low_pulse else "followup-pair-pulse"
        facts.append(t(locale, key, value=number(row.pulse[-1], locale)))
    return facts


def pair_line(row: PairFollowUp, locale: str, timezone: str, now: datetime) -> str:
    """ "Alice Martin et Bruno Petit : 3 rencontres, 4 attendues à ce jour ; dernière le…"."""
    facts = join_clauses(pair_facts(row, locale, timezone, now), locale)
    mentee, mentor = name(row.mentee, locale, opening=True), name(row.mentor, locale)
    return t(locale, "followup-pair", mentee=mentee, mentor=mentor, facts=facts)


def pair_lines(board: Dashboard, locale: str, timezone: str) -> list[str]:
    """Every pair's line, pairs needing attention first."""
    return [pair_line(row, locale, timezone, board.now) for row in ordered(board.rows)]
