"""The programme's end, as the scheduler runs it once (the sweep claims the programme first).

```mermaid
stateDiagram-v2
    active --> completed: the programme ends -> both thanked, asked to review each objective
    proposed --> expired: the programme ends before the mentor answered -> both told
    awaiting_charter --> withdrawn: the programme ends before the pair started -> both told
    completed --> [*]: final questionnaire (opened now if not open), meeting log still readable
```
The objectives are reviewed in the chat (`handlers.after_end`), where a private objective's text
can be read for its pair; this module only sends the button that starts the review.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from bot.domain.questions import FINAL, OPEN, wave_closes, wave_state
from handlers.outgoing import Outgoing
from handlers.ui import Message
from messages.catalog import format_when
from storage.enums import PairState
from storage.matching import HOLDING
from storage.models import Pair, Person, Programme, QuestionnaireWave
from storage.objectives import objectives_of
from storage.people import admins_of
from storage.questionnaires import open_wave, reopen_wave

REVIEW_ACTION = "objective-review"


@dataclass(frozen=True)
class Ended:
    """What ending a programme did to its pairs."""

    completed: int
    stopped: int


def _name(out: Outgoing, person_id: int) -> str:
    person = out.session.get(Person, person_id)
    return (person.display_name if person else "") or "?"


def _complete(out: Outgoing, programme: Programme, pair: Pair) -> None:
    pair.state, pair.ended_at = PairState.completed, out.now
    out.session.add(pair)
    count = len(objectives_of(out.session, pair.id))  # type: ignore[arg-type]
    for person_id in (pair.mentee_person_id, pair.mentor_person_id):
        text = out.t_for(
            person_id,
            "end-completed",
            programme=programme.name,
            name=_name(out, pair.partner_of(person_id)),
            count=count,
        )
        key = f"end:{pair.id}:{person_id}"
        if count:
            options = [(out.t_for(person_id, "end-review"), "review")]
            out.offer(person_id, text, options, REVIEW_ACTION, {"pair": pair.id}, dedup_key=key)
        else:
            out.notify(person_id, Message(text), dedup_key=key)


def _stop(out: Outgoing, programme: Programme, pair: Pair) -> None:
    """A pair still being formed ends with the programme, and both are told kindly."""
    proposed = pair.state == PairState.proposed
    pair.state = PairState.expired if proposed else PairState.withdrawn
    pair.ended_at = out.now
    out.session.add(pair)
    for person_id in (pair.mentee_person_id, pair.mentor_person_id):
        side = "mentee" if person_id == pair.mentee_person_id else "mentor"
        key = f"end-{'request' if proposed else 'forming'}-{side}"
        name = _name(out, pair.partner_of(person_id))
        text = out.t_for(person_id, key, programme=programme.name, name=name)
        out.notify(person_id, Message(text), dedup_key=f"end:{pair.id}:{person_id}")


def end_programme(out: Outgoing, programme: Programme) -> Ended:
    """Close every pair of the programme and open its final questionnaire if not open now."""
    pairs = out.session.exec(
        select(Pair)
        .where(Pair.programme_id == programme.id, col(Pair.state).in_(HOLDING))
        .order_by(col(Pair.id))
        .with_for_update()
    ).all()
    completed = stopped = 0
    for pair in pairs:
        if pair.state == PairState.active:
            _complete(out, programme, pair)
            completed += 1
        else:
            _stop(out, programme, pair)
            stopped += 1
    wave = open_final_wave(out, programme)
    for admin in admins_of(out.session, programme.id):  # type: ignore[arg-type]
        person = out.session.get(Person, admin)
        closes = format_when(wave.closes_at, person.locale, person.timezone) if person else ""
        out.tell(
            admin,
            "coordinator-programme-ended",
            programme=programme.name,
            completed=completed,
            stopped=stopped,
            closes=closes,
        )
    return Ended(completed, stopped)


def open_final_wave(out: Outgoing, programme: Programme) -> QuestionnaireWave:
    """The final wave, open now: the one already open (on its date, or by hand), the one closed
    before the end reopened (its answers kept), else a new one, both until `wave_closes`. The
    invitation sweep then invites the members of the completed pairs not invited yet."""
    assert programme.id is not None
    closes = wave_closes(out.now, programme.timezone)
    wave = open_wave(out.session, programme.id, FINAL, out.now, closes)
    if wave_state(wave, out.now) != OPEN:
        reopen_wave(out.session, wave, out.now, closes)
    return wave
