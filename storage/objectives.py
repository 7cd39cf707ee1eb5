"""Objectives of a pair and the checks its members answer (consent, fit, pulse)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage.models import Objective, PairCheck


def objectives_of(session: Session, pair_id: int) -> list[Objective]:
    return list(
        session.exec(
            select(Objective).where(Objective.pair_id == pair_id).order_by(col(Objective.id))
        )
    )


def check_of(
    session: Session, pair_id: int, person_id: int, kind: str, due_on: str = ""
) -> PairCheck | None:
    return session.exec(
        select(PairCheck).where(
            PairCheck.pair_id == pair_id,
            PairCheck.person_id == person_id,
            PairCheck.kind == kind,
            PairCheck.due_on == due_on,
        )
    ).first()
