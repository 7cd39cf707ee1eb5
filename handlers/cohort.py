"""The cohort's matching as the scheduler and coordinators run it.

- `publish`: every waiting mentee gets the proposals the engine drafted (`storage.cohort`); the
  sweep at the close of applications, `mentorbot match --apply` and the admins' "publish"
  button all call it.
- `close_applications`: what the close of applications does once (the sweep claims the
  programme first): applicants are told what comes next; `at_close` publishes, `committee`
  tells the admins the draft is ready.
- `after_eligible_mentor`: with `on_apply`, a mentor with room who arrives is offered to the
  mentees told nobody was available, in application order, as many as the mentor has places.
- `drafts_of`, `summary_lines`, `left_out_text`: the dry run that `mentorbot match` and the
  admins' "Appariement" section show before publishing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, select

from bot.domain.cohort import MenteeDraft
from bot.domain.hard_rules import RULES
from handlers.matching_flow import offer_proposals, offer_suggestions
from handlers.outgoing import Outgoing
from handlers.ui import Message
from messages.catalog import t
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
    drafts = cohort_draft(out.session, programme, waiting)
    for admin in admins_of(out.session, programme.id):  # type: ignore[arg-type]
        out.tell(
            admin,
            "coordinator-draft-ready",
            programme=programme.name,
            slug=programme.slug,
            mentees=len(waiting),
            short=sum(1 for draft in drafts if draft.short),
        )


def after_eligible_mentor(out: Outgoing, programme: Programme, application: Application) -> int:
    """`on_apply`: offer proposals to waiting mentees this mentor fits, within its places."""
    if programme.matching != "on_apply":
        return 0
    mentor = next(
        (m for m in mentor_profiles(out.session, programme) if m.application_id == application.id),
        None,
    )
    if mentor is None or mentor.free_places <= 0:
        return 0
    waiting = waiting_mentees(out.session, programme)
    drafts = cohort_draft(out.session, programme, waiting, mentors=[mentor])
    offered = 0
    for mentee_application, draft in zip(waiting, drafts, strict=True):
        if offered >= mentor.free_places:
            break
        if draft.suggestions:
            out.tell(mentee_application.person_id, "proposals-new-mentor")
            round_ = latest_round(out.session, mentee_application.id) + 1  # type: ignore[arg-type]
            offered += offer_proposals(out, programme, mentee_application, round_)
    return offered


def drafts_of(session: Session, programme: Programme) -> list[tuple[Application, MenteeDraft]]:
    """The waiting mentees with what the engine would propose to each (changes nothing)."""
    waiting = waiting_mentees(session, programme)
    return list(zip(waiting, cohort_draft(session, programme, waiting), strict=True))


def left_out_text(locale: str, left_out: dict[str, int]) -> str:
    """Which rules left mentors out, and how many each (`match-left-*`), in `locale`."""
    if not left_out:
        return t(locale, "match-no-mentor")
    return ", ".join(
        t(locale, f"match-left-{rule}", count=left_out[rule]) for rule in RULES if rule in left_out
    )


def summary_lines(locale: str, programme: Programme, drafts: list[MenteeDraft]) -> list[str]:
    """How many mentees would get how many proposals, and what left mentors out."""
    lines = [t(locale, "match-heading", programme=programme.name, mentees=len(drafts))]
    counts = Counter(len(draft.suggestions) for draft in drafts)
    for proposals in sorted(counts, reverse=True):
        lines.append("- " + t(locale, "match-line", proposals=proposals, mentees=counts[proposals]))
    left: Counter[str] = Counter()
    for draft in drafts:
        if draft.short:
            left.update(draft.left_out)
    if left:
        lines.append(t(locale, "match-left-intro") + " " + left_out_text(locale, dict(left)))
    return lines
