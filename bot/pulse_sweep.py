"""The pulse sweep: for each programme whose round is being asked now (`bot.domain.pulse`), ask
the members of its active, unpaused pairs that were active before the round.

A pair both of whose questions for the round are in the outbox (their keys outlive delivery)
is not read again, so once a round is out a sweep costs next to nothing, however many pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, literal, or_
from sqlalchemy.engine import Engine
from sqlalchemy.sql.selectable import Exists
from sqlmodel import Session, col, exists, select
from sqlmodel.sql.expression import SelectOfScalar

from bot.domain.pulse import KIND, answers_until, current_round, origin, round_day
from handlers.outgoing import Outgoing
from handlers.pulse import pulse_offers
from storage.db import session_scope
from storage.enums import PairState
from storage.models import Outbox, Pair, Programme

BATCH = 500


@dataclass(frozen=True)
class Round:
    programme_id: int
    moment: datetime
    day: str
    until: datetime


def due_rounds(session: Session, now: datetime) -> list[Round]:
    """The rounds being asked now, one per programme at most (programmes are few)."""
    first = dict(
        session.exec(
            select(Pair.programme_id, func.min(Pair.activated_at)).group_by(col(Pair.programme_id))
        ).all()
    )
    programmes = session.exec(
        select(Programme).where(
            Programme.pulse_weeks > 0,
            col(Programme.ended_at).is_(None),
            col(Programme.purged_at).is_(None),
        )
    ).all()
    rounds = []
    for programme in programmes:
        since = origin(programme.starts_at, first.get(programme.id))
        moment = None
        if since is not None:
            moment = current_round(since, programme.pulse_weeks, now, programme.ends_at)
        if moment is not None and programme.id is not None:
            day = round_day(moment, programme.timezone)
            until = answers_until(moment, programme.pulse_weeks)
            rounds.append(Round(programme.id, moment, day, until))
    return rounds


def _asked(side: Any, day: str) -> Exists:
    """Whether the member `side` of the pair was already asked this round: its outbox key,
    `bot.domain.pulse.pulse_key` written in SQL."""
    key = (
        literal(f"{KIND}:")
        + cast(Pair.id, String)
        + literal(":")
        + cast(side, String)
        + literal(f":{day}")
    )
    return exists().where(col(Outbox.dedup_key) == key)


def waiting_pairs(due: Round, now: datetime, after: int) -> SelectOfScalar[int]:
    """The next batch of pair ids (above `after`) to ask in this round."""
    return (
        select(Pair.id)
        .where(
            Pair.programme_id == due.programme_id,
            Pair.state == PairState.active,
            col(Pair.activated_at) < due.moment,
            or_(col(Pair.paused_until).is_(None), col(Pair.paused_until) <= now),
            or_(~_asked(Pair.mentor_person_id, due.day), ~_asked(Pair.mentee_person_id, due.day)),
            col(Pair.id) > after,
        )
        .order_by(col(Pair.id))
        .limit(BATCH)
    )


def ask_pulse(engine: Engine, now: datetime) -> int:
    """Ask this round's pulse to whoever has not been asked it; how many questions were queued."""
    with Session(engine) as session:
        rounds = due_rounds(session, now)
    asked = 0
    for due in rounds:
        after = 0
        while True:
            with Session(engine) as session:
                batch = list(session.exec(waiting_pairs(due, now, after)))
            if not batch:
                break
            after = batch[-1]
            asked += _ask_batch(engine, batch, due, now)
    return asked


def _ask_batch(engine: Engine, batch: list[int], due: Round, now: datetime) -> int:
    with session_scope(engine) as session:
        pairs = list(session.exec(select(Pair).where(col(Pair.id).in_(batch))))
        offers = pulse_offers(session, pairs, due.day, due.until)
        return Outgoing(session, now).offer_many(offers, supersede=False)
