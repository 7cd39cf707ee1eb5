"""The cohort's matching as the scheduler and coordinators run it.

- `publish`: every waiting mentee gets the proposals the engine drafted (`storage.cohort`); the
  sweep at the close of applications, `mentorbot match --apply` and the admins' "publish"
  button all call it.
- `close_applications`: what the close of applications does once (the sweep claims the
  programme first): applicants are told what comes next; `at_close` publishes, `committee`
  computes and stores the draft (`handlers.committee_draft`) and tells the admins it is ready.
- `after_eligible_mentor`: with `on_apply`, a mentor with room who arrives: every mentee
  waiting for proposals whom the engine now fits gets some (`handlers.waiting`).
- `drafts_of`: the dry run that `mentorbot match` and the admins' "Appariement" section show
  before publishing (their texts: `handlers.match_summary`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from bot.domain.cohort import MenteeDraft
from handlers.committee_draft import refresh_draft
from handlers.match_summary import draft_ready_lines
from handlers.matching_flow import offer_suggestions
from handlers.outgoing import Outgoing
from handlers.ui import Message
from handlers.waiting import offer_waiting
from storage.cohort import cohort_draft, waiting_mentees
from storage.enums import ApplicationStatus, Role
from storage.matching import latest_round, mentor_profiles
from storage.models import Application, Programme
from storage.people import admins_of


@dataclass(frozen=True)
class Published:
    """What publishing did: mentees who got proposals, and those no mentor fits."""

    offered: int
    without: int


def publish(out: Outgoing, programme: Programme) -> Published:
    """Offer now, to every mentee waiting for proposals, what the engine drafts for them."""
    waiting = waiting_mentees(out.session, programme)
    offered = 0
    drafts = cohort_draft(out.session, programme, waiting)
    for application, draft in zip(waiting, drafts, strict=True):
        round_ = latest_round(out.session, application.id) + 1  # type: ignore[arg-type]
        offered += offer_suggestions(out, programme, application, draft.suggestions, round_)
    return Published(offered, len(waiting) - offered)


def _eligible(out: Outgoing, programme: Programme, role: str) -> list[Application]:
    return list(
        out.session.exec(
            select(Application).where(
                Application.programme_id == programme.id,
                Application.role == role,
                Application.status == ApplicationStatus.eligible,
            )
        )
    )


def close_applications(out: Outgoing, programme: Programme) -> None:
    """Tell applicants the window closed and what comes next; then match or tell the admins."""
    closed = programme.applications_close_at
    day = closed.date().isoformat() if closed else ""
    waiting = waiting_mentees(out.session, programme)
    notices = [(a, f"close-mentee-{programme.matching}") for a in waiting]
    notices += [
        (a, f"close-mentor-{programme.matching}") for a in _eligible(out, programme, Role.mentor)
    ]
    for application, key in notices:
        text = out.t_for(
            application.person_id,
            key,
            programme=programme.name,
            days=programme.answer_delay_days,
        )
        out.notify(
            application.person_id,
            Message(text),
            dedup_key=f"close:{programme.id}:{day}:{application.role}:{application.person_id}",
        )
    if programme.matching == "at_close":
        done = publish(out, programme)
        for admin in admins_of(out.session, programme.id):  # type: ignore[arg-type]
            out.tell(
                admin,
                "coordinator-cohort-published",
                programme=programme.name,
                offered=done.offered,
                without=done.without,
            )
        return
    rows = refresh_draft(out.session, programme, out.now)
    for admin in admins_of(out.session, programme.id):  # type: ignore[arg-type]
        locale = out.locale_of(admin)
        lines = draft_ready_lines(locale, programme, rows)
        out.notify(admin, Message("\n".join(lines)))


def after_eligible_mentor(out: Outgoing, programme: Programme, application: Application) -> int:
    """`on_apply`: a mentor with room arrived; every waiting mentee the engine now fits gets
    proposals (`handlers.waiting`)."""
    mentor = next(
        (m for m in mentor_profiles(out.session, programme) if m.application_id == application.id),
        None,
    )
    if mentor is None or mentor.free_places <= 0:
        return 0
    return offer_waiting(out, programme, news="proposals-new-mentor")


def drafts_of(session: Session, programme: Programme) -> list[tuple[Application, MenteeDraft]]:
    """The waiting mentees with what the engine would propose to each (changes nothing)."""
    waiting = waiting_mentees(session, programme)
    return list(zip(waiting, cohort_draft(session, programme, waiting), strict=True))
