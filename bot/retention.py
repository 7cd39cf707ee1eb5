"""The retention sweep: `retention_months` after a programme's end, its personal data is erased
(`storage.retention`), and its members who have nothing left elsewhere are erased entirely, as
`/erase` does.

Each programme is claimed once (`purged_at` set by `UPDATE ... WHERE purged_at IS NULL`) in the
transaction that does the work, so a second run, or another replica at the same moment, finds
nothing left to do; a failure undoes the claim with the rest.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from handlers.erasure import erase
from handlers.outgoing import Outgoing
from storage.audit import record
from storage.db import session_scope
from storage.models import Programme
from storage.retention import claim, due_programmes, purge_programme


def purge_expired_programmes(engine: Engine, now: datetime) -> int:
    """Purge every programme whose retention period is over; how many were purged."""
    with Session(engine) as session:
        due = due_programmes(session, now)
    done = 0
    for programme_id in due:
        with session_scope(engine) as session:
            if not claim(session, programme_id, now):
                continue
            programme = session.get(Programme, programme_id)
            assert programme is not None
            out = Outgoing(session, now)
            leaving = purge_programme(session, programme, now)
            erase(out, leaving)
            record(session, None, "retention.purge", programme.slug, erased=len(leaving))
            done += 1
    return done
