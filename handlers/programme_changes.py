"""What follows a change of a programme's settings, whoever made it (file, chat form, command).

A new charter version is sent to both members of every pair being formed or running, who must
accept it again; opening or closing applications by hand moves the window's dates.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from handlers.charter import send_charter
from handlers.outgoing import Outgoing
from storage.enums import PairState
from storage.models import Pair, Programme
from storage.programmes import Saved


def after_save(session: Session, saved: Saved, now: datetime) -> int:
    """Ask for the new charter where one was made; how many people were asked."""
    if saved.new_charter is None:
        return 0
    out = Outgoing(session, now)
    asked = 0
    pairs = session.exec(
        select(Pair).where(
            Pair.programme_id == saved.programme.id,
            col(Pair.state).in_((PairState.awaiting_charter, PairState.active)),
        )
    )
    for pair in pairs:
        for person_id in (pair.mentor_person_id, pair.mentee_person_id):
            send_charter(out, pair, person_id)
            asked += 1
    return asked


def set_window(programme: Programme, how: str, now: datetime) -> None:
    """Open applications now (a passed closing date is dropped) or close them now."""
    if how == "open":
        programme.applications_open_at = now
        if programme.applications_close_at is not None and programme.applications_close_at <= now:
            programme.applications_close_at = None
            programme.matched_at = None
    else:
        programme.applications_close_at = now
        if programme.applications_open_at is not None and programme.applications_open_at > now:
            programme.applications_open_at = now
    programme.updated_at = now
