"""Questionnaire waves run by hand, the same code for `/admin` and `mentorbot wave`.

Opening a wave that never opened starts it now until `wave_closes` (the end of the day three
weeks later) and invites at once (in the chat, the first `INVITE_NOW` members: the invitation
sweep invites the others a minute later, so that a programme of 50,000 pairs does not hold the
chat for minutes). Opening a closed wave reopens it until `wave_closes` likewise: answers already
sent are kept and may be edited; only people not invited before get an invitation (one per
person per wave, ever).
Closing sets the close to now; someone in the middle of the form is told when they send;
closing a closed wave says when it closed and changes nothing.
The synthesis is read only once a wave has closed: read while answers arrive, two readings
would give the answers of whoever answered in between (`handlers.synthesis_reading` keeps a
reopened wave from doing the same).
Every change is audited; the caller has checked the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from bot.domain.questions import (
    CLOSED,
    MIDTERM,
    NOT_STARTED,
    OPEN,
    WAVE_KINDS,
    wave_closes,
    wave_state,
)
from handlers.outgoing import Outgoing
from handlers.questionnaires import invite
from handlers.wave_texts import Reader
from storage.audit import record
from storage.models import Programme, QuestionnaireWave
from storage.questionnaires import left_to_invite, open_wave, reopen_wave
from storage.wave_results import programme_waves, response_rates

OPENED = "opened"
REOPENED = "reopened"
ALREADY_OPEN = "already_open"
MIDTERM_ENDED = "midterm_ended"
ALREADY_CLOSED = "already_closed"
NOT_OPEN = "not_open"
INVITE_NOW = 500


@dataclass(frozen=True)
class WaveChange:
    """What opening or closing did: `outcome` is one of the constants above."""

    kind: str
    outcome: str
    wave: QuestionnaireWave | None = None
    invited: int = 0
    more: bool = False  # members left for the invitation sweep


def may_open(programme: Programme, kind: str) -> bool:
    """Whether the wave of `kind` may be opened or reopened: no mid-term wave once the
    programme has ended."""
    return not (kind == MIDTERM and programme.ended_at is not None)


def open_by_hand(
    out: Outgoing,
    actor: int | None,
    programme: Programme,
    kind: str,
    invite_limit: int | None = None,
    **details: Any,
) -> WaveChange:
    """Open (or reopen) the programme's wave of `kind` now, and invite up to `invite_limit`
    members (None: all); audited."""
    assert programme.id is not None and kind in WAVE_KINDS
    wave = programme_waves(out.session, programme.id).get(kind)
    if wave_state(wave, out.now) == OPEN:
        change = WaveChange(kind, ALREADY_OPEN, wave)
    elif not may_open(programme, kind):
        change = WaveChange(kind, MIDTERM_ENDED, wave)
    else:
        change = _start(out, programme, kind, wave, invite_limit)
    record(
        out.session,
        actor,
        "questionnaires.open",
        programme.slug,
        kind=kind,
        outcome=change.outcome,
        invited=change.invited,
        **details,
    )
    return change


def _start(
    out: Outgoing,
    programme: Programme,
    kind: str,
    wave: QuestionnaireWave | None,
    invite_limit: int | None,
) -> WaveChange:
    """Open a wave never opened, or reopen a closed one, until `wave_closes`; invite."""
    assert programme.id is not None
    outcome = OPENED if wave_state(wave, out.now) == NOT_STARTED else REOPENED
    closes = wave_closes(out.now, programme.timezone)
    if wave is None:
        wave = open_wave(out.session, programme.id, kind, out.now, closes)
    else:
        reopen_wave(out.session, wave, out.now, closes)
    invited = invite(out, wave, invite_limit)
    more = invited == invite_limit and bool(left_to_invite(out.session, wave))
    return WaveChange(kind, outcome, wave, invited, more)


def to_invite(session: Session, programme: Programme, kind: str) -> int:
    """How many people opening (or reopening) the wave of `kind` now would invite."""
    assert programme.id is not None
    wave = programme_waves(session, programme.id).get(kind)
    if wave is None:  # who a new wave would take, read without creating it
        wave = QuestionnaireWave(programme_id=programme.id, kind=kind)
    return len(left_to_invite(session, wave))


def close_by_hand(
    out: Outgoing, actor: int | None, programme: Programme, kind: str, **details: Any
) -> WaveChange:
    """Close the programme's open wave of `kind` now; audited."""
    assert programme.id is not None and kind in WAVE_KINDS
    wave = programme_waves(out.session, programme.id).get(kind)
    state = wave_state(wave, out.now)
    if state == CLOSED:
        change = WaveChange(kind, ALREADY_CLOSED, wave)
    elif state != OPEN:
        change = WaveChange(kind, NOT_OPEN, wave)
    else:
        wave.closes_at = out.now
        out.session.add(wave)
        out.session.flush()
        change = WaveChange(kind, CLOSED, wave)
    record(
        out.session,
        actor,
        "questionnaires.close",
        programme.slug,
        kind=kind,
        outcome=change.outcome,
        **details,
    )
    return change


def change_text(reader: Reader, change: WaveChange, session: Session) -> str:
    """What a coordinator is told about `change`, in the reader's words."""
    wave = change.wave
    name = reader.wave_name(change.kind)
    if change.outcome == CLOSED:
        assert wave is not None
        rate = response_rates(session, wave)[""]
        return reader.t("waves-closed", wave=name, answered=rate.answered, invited=rate.invited)
    if change.outcome == ALREADY_CLOSED:
        assert wave is not None
        return reader.t("waves-already-closed", wave=name, closed=reader.on(wave.closes_at))
    key = {
        OPENED: "waves-opened",
        REOPENED: "waves-reopened",
        ALREADY_OPEN: "waves-already-open",
        MIDTERM_ENDED: "waves-midterm-ended",
        NOT_OPEN: "waves-not-open",
    }[change.outcome]
    closes = reader.until(wave.closes_at) if wave is not None else ""
    text = reader.t(key, wave=name, closes=closes, invited=change.invited)
    return f"{text} {reader.t('waves-more-soon')}" if change.more else text
