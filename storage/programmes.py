"""Programmes and their charter versions."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func
from sqlmodel import Session, col, select

import messages
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
