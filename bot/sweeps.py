"""The scheduler's sweeps: read what is due from the tables and queue it in the outbox.

Each queued message carries a dedup key (pair, kind, due date), so running a sweep twice, or on
two replicas at once, sends nothing twice. Sweeps work in batches, one transaction each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, exists, select
from sqlmodel.sql.expression import Select

from bot.config import get_settings
from bot.domain.cadence import Cadence, anchor, cadence
from bot.lifecycle import close_applications, end_programmes, open_dated_waves
from bot.pulse_sweep import ask_pulse
from bot.retention import purge_expired_programmes
from handlers.consent import ask_fit
from handlers.matching_flow import forward
from handlers.meeting_notices import sweep_meetings
from handlers.outgoing import Outgoing
from handlers.questionnaires import invite
from handlers.ui import Message
from storage.db import session_scope
from storage.enums import MeetingStatus, PairState
from storage.models import Meeting, Pair, PairCheck, Person, Programme, QuestionnaireWave
from storage.outbox import purge_done
from storage.people import coordinators_for
from storage.types import utcnow

log = logging.getLogger(__name__)
BATCH = 500
INVITE_BATCH = 5000
Sweep = Callable[[Engine, datetime], int]


def _batches(engine: Engine, ids_query: Select) -> list[list[int]]:
    """The ids a query selects, read once and cut in batches (ids only: memory stays small)."""
    with Session(engine) as session:
        ids = list(session.exec(ids_query))
    return [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def expire_requests(engine: Engine, now: datetime) -> int:
    """Requests a mentor left unanswered past the delay: skipped, the mentee's next choice asked
    (or the engine's fresh proposals), the freed place offered to waiting mentees (`forward`)."""
    done = 0
    due = select(Pair.id).where(Pair.state == PairState.proposed, col(Pair.answer_due_at) <= now)
    for batch in _batches(engine, due):
        with session_scope(engine) as session:
            out = Outgoing(session, now)
            for pair in session.exec(select(Pair).where(col(Pair.id).in_(batch)).with_for_update()):
                if pair.state != PairState.proposed:
                    continue
                pair.state, pair.ended_at = PairState.expired, now
                session.add(pair)
                out.tell(pair.mentor_person_id, "mentor-request-expired")
                forward(out, pair, "expired")
                done += 1
    return done


def nudge_cadence(engine: Engine, now: datetime) -> int:
    """Active pairs with no meeting planned: remind, nudge when overdue, flag when stalled."""
    planned = exists().where(
        col(Meeting.pair_id) == col(Pair.id),
        Meeting.status == MeetingStatus.planned,
        col(Meeting.scheduled_at) > now,
    )
    sent = 0
    for batch in _batches(engine, select(Pair.id).where(Pair.state == PairState.active, ~planned)):
        with session_scope(engine) as session:
            out = Outgoing(session, now)
            rows = session.exec(
                select(Pair, Programme)
                .join(Programme, col(Programme.id) == col(Pair.programme_id))
                .where(col(Pair.id).in_(batch))
            ).all()
            # One query for everyone's language instead of one per person.
            people = {p.mentor_person_id for p, _ in rows} | {p.mentee_person_id for p, _ in rows}
            list(session.exec(select(Person).where(col(Person.id).in_(people))))
            for pair, programme in rows:
                sent += _nudge(out, pair, programme, now)
    return sent


def _nudge(out: Outgoing, pair: Pair, programme: Programme, now: datetime) -> int:
    if pair.paused_until and pair.paused_until > now:
        return 0
    since = anchor(pair.activated_at or pair.requested_at, pair.last_meeting_at, pair.paused_until)
    state = cadence(since, programme.max_gap_days, now)
    if state is Cadence.ok:
        return 0
    day = since.date().isoformat()
    sent = 0
    if state is Cadence.stalled:
        for coordinator in coordinators_for(
            out.session, pair.programme_id, pair.referent_person_id
        ):
            key = f"stalled:{pair.id}:{day}:{coordinator}"
            sent += out.notify(coordinator, _stalled_text(out, coordinator, pair), dedup_key=key)
        return sent
    for side in (pair.mentor_person_id, pair.mentee_person_id):
        text = out.t_for(side, f"nudge-{state}", weeks=programme.max_gap_days // 7)
        sent += out.notify(side, Message(text), dedup_key=f"{state}:{pair.id}:{day}:{side}")
    return sent


def _stalled_text(out: Outgoing, coordinator: int, pair: Pair) -> Message:
    mentor = out.session.get(Person, pair.mentor_person_id)
    mentee = out.session.get(Person, pair.mentee_person_id)
    return Message(
        out.t_for(
            coordinator,
            "coordinator-pair-stalled",
            mentor=mentor.display_name if mentor else "?",
            mentee=mentee.display_name if mentee else "?",
        )
    )


def ask_fit_after_first_meeting(engine: Engine, now: datetime) -> int:
    """Pairs whose first meeting was held and whose sides have not said if the pair fits."""
    held = exists().where(
        col(Meeting.pair_id) == col(Pair.id), Meeting.status == MeetingStatus.held
    )
    answered = exists().where(col(PairCheck.pair_id) == col(Pair.id), PairCheck.kind == "fit")
    asked = 0
    waiting = select(Pair.id).where(Pair.state == PairState.active, held, ~answered)
    for batch in _batches(engine, waiting):
        with session_scope(engine) as session:
            out = Outgoing(session, now)
            for pair in session.exec(select(Pair).where(col(Pair.id).in_(batch))):
                asked += ask_fit(out, pair)
    return asked


def invite_to_open_waves(engine: Engine, now: datetime) -> int:
    """Invite to every questionnaire wave open now whoever has not been invited yet."""
    invited = 0
    with Session(engine) as session:
        waves = [
            w.id
            for w in session.exec(
                select(QuestionnaireWave).where(
                    col(QuestionnaireWave.opens_at) <= now, col(QuestionnaireWave.closes_at) > now
                )
            )
        ]
    for wave_id in waves:
        done = INVITE_BATCH
        while done == INVITE_BATCH:  # a transaction per batch: a wave of 100,000 locks nothing long
            with session_scope(engine) as session:
                wave = session.get(QuestionnaireWave, wave_id)
                done = invite(Outgoing(session, now), wave, INVITE_BATCH) if wave else 0
            invited += done
    return invited


def purge_outbox(engine: Engine, now: datetime) -> int:
    """Delivered messages lose their text after OUTBOX_KEEP_MINUTES."""
    keep = timedelta(minutes=get_settings().outbox_keep_minutes)
    with session_scope(engine) as session:
        return purge_done(session, now - keep)


SWEEPS: tuple[Sweep, ...] = (
    expire_requests,
    sweep_meetings,
    ask_fit_after_first_meeting,
    nudge_cadence,
    ask_pulse,
    close_applications,
    open_dated_waves,
    end_programmes,
    invite_to_open_waves,
    purge_expired_programmes,
    purge_outbox,
)


def run_sweeps(engine: Engine, now: datetime | None = None) -> dict[str, int]:
    """Run every sweep once; a failing sweep is logged and does not stop the others."""
    moment = now or utcnow()
    counts: dict[str, int] = {}
    for sweep in SWEEPS:
        try:
            counts[sweep.__name__] = sweep(engine, moment)
        except Exception:
            log.exception("sweep %s failed; it will run again", sweep.__name__)
    return counts
