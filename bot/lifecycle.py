"""The sweeps of a programme's life: the close of applications, the questionnaire waves on the
programme's dates, and the programme's end (`bot.sweeps` runs them with the others).

Each programme is handled once: the sweep claims it with `UPDATE ... WHERE <mark> IS NULL`
(`matched_at` for the close, `ended_at` for the end) in the transaction that does the work, so a
second run, or another replica at the same moment, finds nothing left to claim. What the work
sends carries outbox keys as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from bot.domain.questions import FINAL, MIDTERM, wave_closes
from handlers.cohort import close_applications as close_programme
from handlers.outgoing import Outgoing
from handlers.programme_end import end_programme
from storage.db import session_scope
from storage.models import Programme, QuestionnaireWave
from storage.questionnaires import open_wave

MATCHED_AT_CLOSE = ("at_close", "committee")


def _claim(session: Session, programme_id: int, mark: Any, now: datetime) -> bool:
    """Set the programme's `mark` column to `now` if no one has; True when this call did."""
    result = session.execute(
        update(Programme)
        .where(col(Programme.id) == programme_id, mark.is_(None))
        .values({mark: now})
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def _due(engine: Engine, *where: Any) -> list[int]:
    with Session(engine) as session:
        return list(session.exec(select(Programme.id).where(*where).order_by(col(Programme.id))))


def close_applications(engine: Engine, now: datetime) -> int:
    """Programmes matched at the close (or by a committee) whose applications have closed:
    applicants told what comes next, the cohort matched or the admins told the draft is ready."""
    done = 0
    due = _due(
        engine,
        col(Programme.matching).in_(MATCHED_AT_CLOSE),
        col(Programme.matched_at).is_(None),
        col(Programme.applications_close_at) <= now,
        col(Programme.ended_at).is_(None),
    )
    for programme_id in due:
        with session_scope(engine) as session:
            if not _claim(session, programme_id, col(Programme.matched_at), now):
                continue
            programme = session.get(Programme, programme_id)
            assert programme is not None
            close_programme(Outgoing(session, now), programme)
            done += 1
    return done


def end_programmes(engine: Engine, now: datetime) -> int:
    """Programmes whose end has passed: pairs closed, objectives reviewed, final wave opened."""
    done = 0
    due = _due(engine, col(Programme.ends_at) <= now, col(Programme.ended_at).is_(None))
    for programme_id in due:
        with session_scope(engine) as session:
            if not _claim(session, programme_id, col(Programme.ended_at), now):
                continue
            programme = session.get(Programme, programme_id)
            assert programme is not None
            end_programme(Outgoing(session, now), programme)
            done += 1
    return done


def open_dated_waves(engine: Engine, now: datetime) -> int:
    """Open the mid-term and final waves whose date in the programme file has come, for three
    weeks (from the date, or from now when the date passed while nobody swept), to the end of
    that day."""
    with Session(engine) as session:
        existing = set(session.exec(select(QuestionnaireWave.programme_id, QuestionnaireWave.kind)))
        running = session.exec(select(Programme).where(col(Programme.ended_at).is_(None))).all()
        due = [
            (programme.id, programme.timezone, kind, opens)
            for programme in running
            for kind in (MIDTERM, FINAL)
            if (programme.id, kind) not in existing
            and (opens := _wave_date(programme, kind, now)) is not None
        ]
    for programme_id, timezone, kind, opens in due:
        with session_scope(engine) as session:
            assert programme_id is not None
            closes = wave_closes(max(opens, now), timezone)
            open_wave(session, programme_id, kind, opens, closes)
    return len(due)


def _wave_date(programme: Programme, kind: str, now: datetime) -> datetime | None:
    """When the programme's wave of `kind` opens, if that has come (a mid-term wave only while
    the programme runs)."""
    raw = programme.questionnaires.get(kind)
    if not raw:
        return None
    opens = datetime.fromisoformat(raw)
    if opens > now or (kind == MIDTERM and programme.ends_at and programme.ends_at <= now):
        return None
    return opens
