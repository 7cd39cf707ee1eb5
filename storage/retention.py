"""A programme's personal data, erased `retention_months` after its end, its counts kept.

What goes: the applications' answers, the proposals' reasons, the committee's reasons, every
note of its pairs, the free tags of its meetings, the text of its objectives, the free-text
answers of its questionnaires, the fit and pulse answers, charter signatures, invitations, the
coordinators' broadcasts, and the buttons and forms that were about it. What stays: the rows the
counts are made of (applications by status, pairs by state, meetings with their dates,
durations, formats and the programme's themes, objectives and whether they were reached,
questionnaire scales).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from bot.domain.programme_settings import add_months
from bot.domain.questions import TEXT
from storage.erasure import keep_programme_themes
from storage.models import (
    Application,
    Broadcast,
    CharterAcceptance,
    CharterVersion,
    ConversationState,
    Invitation,
    Meeting,
    Objective,
    Pair,
    PairCheck,
    Person,
    Placement,
    PrivateNote,
    Programme,
    Prompt,
    Proposal,
    QuestionnaireAnswer,
    QuestionnaireWave,
    RoleGrant,
)


def purge_due(programme: Programme, now: datetime) -> bool:
    """Whether the programme ended and its retention period is over."""
    return (
        programme.ended_at is not None
        and programme.ends_at is not None
        and add_months(programme.ends_at, programme.retention_months) <= now
    )


def due_programmes(session: Session, now: datetime) -> list[int]:
    """The programmes to purge now (there are few programmes: the months are counted here)."""
    candidates = session.exec(
        select(Programme).where(
            col(Programme.purged_at).is_(None),
            col(Programme.ended_at).is_not(None),
            col(Programme.ends_at) <= now,
        )
    ).all()
    return [p.id for p in candidates if p.id is not None and purge_due(p, now)]


def claim(session: Session, programme_id: int, now: datetime) -> bool:
    """Mark the programme purged, in the transaction that purges it; False when another run
    (or replica) already did."""
    result = session.execute(
        update(Programme)
        .where(col(Programme.id) == programme_id, col(Programme.purged_at).is_(None))
        .values(purged_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def purge_programme(session: Session, programme: Programme, now: datetime) -> list[int]:
    """Erase the programme's personal data; returns the people to erase entirely: its members
    with no application or pair in a programme not purged yet, and no role."""
    programme_id = programme.id
    pairs = select(Pair.id).where(Pair.programme_id == programme_id)
    applications = select(Application.id).where(Application.programme_id == programme_id)
    waves = select(QuestionnaireWave.id).where(QuestionnaireWave.programme_id == programme_id)
    charters = select(CharterVersion.id).where(CharterVersion.programme_id == programme_id)
    members = _members(session, programme_id)  # type: ignore[arg-type]
    session.execute(
        update(Application)
        .where(col(Application.programme_id) == programme_id)
        .values(answers={}, updated_at=now)
    )
    session.execute(
        update(Proposal).where(col(Proposal.programme_id) == programme_id).values(reasons=[])
    )
    session.execute(
        update(Pair).where(col(Pair.programme_id) == programme_id).values(committee_reason="")
    )
    session.execute(delete(PrivateNote).where(col(PrivateNote.pair_id).in_(pairs)))
    session.execute(
        update(Objective)
        .where(col(Objective.pair_id).in_(pairs), col(Objective.private).is_(False))
        .values(text="")
    )
    keep_programme_themes(session, pairs)
    _keep_questionnaire_scales(session, programme_id)  # type: ignore[arg-type]
    session.execute(delete(PairCheck).where(col(PairCheck.pair_id).in_(pairs)))
    session.execute(
        delete(CharterAcceptance).where(col(CharterAcceptance.charter_id).in_(charters))
    )
    session.execute(delete(Invitation).where(col(Invitation.programme_id) == programme_id))
    session.execute(delete(Placement).where(col(Placement.programme_id) == programme_id))
    session.execute(delete(Broadcast).where(col(Broadcast.programme_id) == programme_id))
    about = {
        "pair": set(session.exec(pairs)),
        "meeting": set(session.exec(select(Meeting.id).where(col(Meeting.pair_id).in_(pairs)))),
        "objective": set(
            session.exec(select(Objective.id).where(col(Objective.pair_id).in_(pairs)))
        ),
        "application": set(session.exec(applications)),
        "wave": set(session.exec(waves)),
        "programme": {programme_id},
    }
    _forget_prompts(session, members, about)
    _forget_stale_conversations(session, members, programme.ends_at or now)
    return _leaving(session, members, programme_id)  # type: ignore[arg-type]


def _members(session: Session, programme_id: int) -> set[int]:
    people = set(
        session.exec(select(Application.person_id).where(Application.programme_id == programme_id))
    )
    for side in (Pair.mentor_person_id, Pair.mentee_person_id):
        people |= set(session.exec(select(side).where(Pair.programme_id == programme_id)))
    return people


def _keep_questionnaire_scales(session: Session, programme_id: int) -> None:
    """Free-text answers go; scales and choices stay for the anonymous synthesis."""
    waves = session.exec(
        select(QuestionnaireWave).where(QuestionnaireWave.programme_id == programme_id)
    ).all()
    for wave in waves:
        texts = {q["key"] for q in wave.questions if q.get("kind") == TEXT}
        answers = session.exec(
            select(QuestionnaireAnswer).where(QuestionnaireAnswer.wave_id == wave.id)
        ).all()
        for answer in answers:
            kept = {k: v for k, v in answer.answers.items() if k not in texts}
            if kept != answer.answers:
                answer.answers = kept
                session.add(answer)


def _forget_prompts(session: Session, members: set[int], about: dict[str, set[Any]]) -> None:
    """The members' buttons about the programme (its pairs, meetings, applications...) go."""
    stale = [
        prompt.id
        for prompt in session.exec(select(Prompt).where(col(Prompt.person_id).in_(members)))
        if any(prompt.context.get(key) in ids for key, ids in about.items())
    ]
    if stale:
        session.execute(delete(Prompt).where(col(Prompt.id).in_(stale)))


def _forget_stale_conversations(session: Session, members: set[int], ended: datetime) -> None:
    """A conversation left untouched since the programme ended was about it: it is closed."""
    session.execute(
        update(ConversationState)
        .where(
            col(ConversationState.person_id).in_(members),
            col(ConversationState.updated_at) < ended,
        )
        .values(flow="", step="", data={})
    )


def _leaving(session: Session, members: set[int], programme_id: int) -> list[int]:
    """The members with nothing left elsewhere: no application or pair in a programme not
    purged, no role, not erased already."""
    kept = select(Programme.id).where(
        col(Programme.purged_at).is_(None), col(Programme.id) != programme_id
    )
    elsewhere = set(
        session.exec(select(Application.person_id).where(col(Application.programme_id).in_(kept)))
    )
    for side in (Pair.mentor_person_id, Pair.mentee_person_id):
        elsewhere |= set(session.exec(select(side).where(col(Pair.programme_id).in_(kept))))
    holding = set(
        session.exec(select(RoleGrant.person_id).where(col(RoleGrant.revoked_at).is_(None)))
    )
    erased = set(session.exec(select(Person.id).where(col(Person.erased_at).is_not(None))))
    return sorted(members - elsewhere - holding - erased)
