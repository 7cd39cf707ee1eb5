"""What the end of a pair leaves, read from the tables: who is told of it, and whether the final
questionnaire is still to come. The texts that announce an end promise only these facts."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from bot.domain.questions import FINAL
from storage.models import Pair, Programme, QuestionnaireWave
from storage.people import admins_of
from storage.questionnaires import answer_of


def _final_wave(session: Session, programme_id: int) -> QuestionnaireWave | None:
    return session.exec(
        select(QuestionnaireWave).where(
            QuestionnaireWave.programme_id == programme_id, QuestionnaireWave.kind == FINAL
        )
    ).first()


def open_final_wave_for(
    session: Session, programme: Programme, person_id: int, now: datetime
) -> QuestionnaireWave | None:
    """The programme's final wave when it is open now and the person has not sent answers."""
    wave = _final_wave(session, programme.id)  # type: ignore[arg-type]
    if wave is None or not wave.opens_at <= now < wave.closes_at:
        return None
    answer = answer_of(session, wave, person_id)
    return wave if answer is None or answer.submitted_at is None else None


def final_questionnaire_to_come(
    session: Session, pair: Pair, person_id: int, now: datetime
) -> bool:
    """Whether the person will still be asked the final questionnaire through this pair: the
    pair started (the invitation sweep asks only those), and the programme's final wave is open
    and unanswered, or still to open (on its date, or at the programme's end, which opens one)."""
    programme = session.get(Programme, pair.programme_id)
    if pair.activated_at is None or programme is None or programme.purged_at is not None:
        return False
    wave = _final_wave(session, pair.programme_id)
    if wave is not None:
        return open_final_wave_for(session, programme, person_id, now) is not None or (
            now < wave.opens_at
        )
    return bool(programme.questionnaires.get(FINAL)) or (
        programme.ends_at is not None and programme.ended_at is None
    )


def who_is_told(session: Session, pair: Pair) -> str:
    """Who hears that the pair ended (as `handlers.pairing.end_pair` tells them): "referent",
    "coordinators" (the programme's admins) or "nobody"; the texts promise only that."""
    if pair.referent_person_id is not None:
        return "referent"
    return "coordinators" if admins_of(session, pair.programme_id) else "nobody"
