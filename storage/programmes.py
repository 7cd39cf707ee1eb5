"""Programmes and their charter versions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

import messages
from bot.domain.programme_settings import (
    WEIGHT_KEYS,
    ProgrammeSettings,
    from_utc,
    resolved,
    to_utc,
)
from storage.models import CharterVersion, Programme

CHARTERS = messages.HERE / "charter"


def default_charter_texts() -> dict[str, str]:
    """The charter written for this product, in every language it ships in."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(CHARTERS.glob("*.md"))}


def charter_hash(texts: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(texts, sort_keys=True).encode("utf-8")).hexdigest()


def set_charter(session: Session, programme_id: int, texts: dict[str, str]) -> CharterVersion:
    """Store `texts` as the programme's charter; a change makes a new version."""
    current = current_charter(session, programme_id)
    digest = charter_hash(texts)
    if current is not None and current.sha256 == digest:
        return current
    charter = CharterVersion(
        programme_id=programme_id,
        version=(current.version + 1) if current else 1,
        texts=texts,
        sha256=digest,
    )
    session.add(charter)
    session.flush()
    return charter


def current_charter(session: Session, programme_id: int) -> CharterVersion | None:
    return session.exec(
        select(CharterVersion)
        .where(CharterVersion.programme_id == programme_id)
        .order_by(col(CharterVersion.version).desc())
        .limit(1)
    ).first()


def any_programme(session: Session) -> Programme | None:
    return session.exec(select(Programme).order_by(col(Programme.id)).limit(1)).first()


def programme_by_slug(session: Session, slug: str) -> Programme | None:
    """The programme an invitation link names (slugs are compared without case)."""
    wanted = slug.strip().casefold()[:64]
    return session.exec(select(Programme).where(func.lower(Programme.slug) == wanted)).first()


def settings_of(session: Session, programme: Programme) -> ProgrammeSettings:
    """The settings a programme row holds, as the model that validated them."""
    zone = programme.timezone

    def back(moment: datetime | None) -> Any:
        return from_utc(moment, zone) if moment is not None else None

    charter = current_charter(session, programme.id) if programme.id else None
    custom = charter is not None and charter.sha256 != charter_hash(default_charter_texts())
    return ProgrammeSettings.model_validate(
        {
            "slug": programme.slug,
            "name": programme.name,
            "track": programme.track,
            "language": programme.locale,
            "timezone": zone,
            "applications_open": back(programme.applications_open_at),
            "applications_close": back(programme.applications_close_at),
            "starts": back(programme.starts_at),
            "ends": back(programme.ends_at),
            "target_sessions": programme.target_sessions,
            "max_gap_weeks": programme.max_gap_days // 7,
            "proposals": programme.proposals_count,
            "mentor_capacity": programme.mentor_capacity,
            "matching": programme.matching,
            "answer_delay_days": programme.answer_delay_days,
            "other_organisation": programme.other_organisation,
            "in_person": programme.in_person,
            "weights": {k: v for k, v in programme.weights.items() if k in WEIGHT_KEYS},
            "topics": programme.topics,
            "themes": programme.themes,
            "free_text_in_synthesis": programme.free_text_in_synthesis,
            "pulse_weeks": programme.pulse_weeks,
            "retention_months": programme.retention_months,
            "alternative": programme.alternative,
            "eligibility": programme.eligibility,
            "questionnaires": {
                kind: back(datetime.fromisoformat(value))
                for kind, value in programme.questionnaires.items()
            },
            "events": [
                {**event, "at": back(datetime.fromisoformat(event["at"]))}
                for event in programme.events
            ],
            "application_questions": programme.application_questions,
            "charter": charter.texts if custom and charter is not None else None,
        }
    )


def _row_values(settings: ProgrammeSettings) -> dict[str, Any]:
    zone = settings.timezone

    def at(value: Any) -> datetime | None:
        return to_utc(value, zone) if value is not None else None

    questionnaires = settings.questionnaires.model_dump(exclude_none=True)
    return {
        "slug": settings.slug,
        "name": settings.name,
        "track": settings.track,
        "locale": settings.language,
        "timezone": zone,
        "applications_open_at": at(settings.applications_open),
        "applications_close_at": at(settings.applications_close),
        "starts_at": at(settings.starts),
        "ends_at": at(settings.ends),
        "target_sessions": settings.target_sessions,
        "max_gap_days": settings.max_gap_weeks * 7,
        "proposals_count": settings.proposals,
        "mentor_capacity": settings.mentor_capacity,
        "matching": settings.matching,
        "answer_delay_days": settings.answer_delay_days,
        "other_organisation": settings.other_organisation,
        "in_person": settings.in_person,
        "weights": settings.weights.model_dump(),
        "topics": list(settings.topics),
        "themes": list(settings.themes),
        "free_text_in_synthesis": settings.free_text_in_synthesis,
        "pulse_weeks": settings.pulse_weeks,
        "retention_months": settings.retention_months,
        "alternative": settings.alternative,
        "eligibility": settings.eligibility.model_dump(),
        "questionnaires": {k: to_utc(v, zone).isoformat() for k, v in questionnaires.items()},
        "events": [
            {**event.model_dump(), "at": to_utc(event.at, zone).isoformat()}
            for event in settings.events
        ],
        "application_questions": [q.model_dump() for q in settings.application_questions],
    }


@dataclass(frozen=True)
class Saved:
    """What saving settings did: the row, whether it is new, the keys that changed, and the
    charter version when a new one was made."""

    programme: Programme
    created: bool
    changed: list[str]
    new_charter: CharterVersion | None


def save_settings(session: Session, settings: ProgrammeSettings, now: datetime) -> Saved:
    """Create or update the programme `settings.slug` names; a new charter text is a new version."""
    settings = resolved(settings, now)
    programme = programme_by_slug(session, settings.slug)
    created = programme is None
    before = {} if programme is None else settings_of(session, programme).model_dump()
    if programme is None:
        programme = Programme(slug=settings.slug, name=settings.name, created_at=now)
    for column, value in _row_values(settings).items():
        if column != "slug" or created:
            setattr(programme, column, value)
    programme.updated_at = now
    session.add(programme)
    session.flush()
    texts = settings.charter.model_dump(exclude_defaults=False) if settings.charter else None
    texts = {k: v for k, v in (texts or default_charter_texts()).items() if v}
    previous = current_charter(session, programme.id)  # type: ignore[arg-type]
    charter = set_charter(session, programme.id, texts)  # type: ignore[arg-type]
    after = settings.model_dump()
    changed = [key for key in after if before.get(key) != after[key]] if not created else []
    new_charter = charter if previous is not None and charter.id != previous.id else None
    return Saved(programme, created, changed, new_charter)


def all_programmes(session: Session) -> list[Programme]:
    return list(session.exec(select(Programme).order_by(col(Programme.id))))
