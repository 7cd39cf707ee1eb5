"""The person's home (Slack's App Home): where they stand, their next meetings, and a button for
each thing they can do now (the next step first; then plan, log, objectives, language, privacy,
help, as their standing allows).

Where they stand is exactly what `/status` says: the status command runs in a transaction that
is then rolled back, so the home never drifts from the chat and opening it changes nothing. The
buttons come from the same `Standing`. Coordinators also get the follow-up summary of the
programmes they coordinate (at most three), each with a button opening it in the chat. The
`/plan` and `/logmeeting` commands the buttons run open the meeting forms directly.
"""

from __future__ import annotations

from datetime import datetime

from cryptography.fernet import MultiFernet
from sqlalchemy import func
from sqlmodel import Session, select

from handlers.admin import coordinator_summaries, is_coordinator
from handlers.context import Ctx
from handlers.forms import open_form
from handlers.meeting_forms import DEFAULT_MINUTES, LOG, PLAN
from handlers.meeting_notices import FORMATS
from handlers.mentions import person_ref
from handlers.router import Router
from handlers.standing import Standing, State, standing, upcoming_meetings
from handlers.ui import Choice, Form, Home, HomeAction, HomeFollowUp, Message
from messages.catalog import format_when, t
from storage.applications import applications_of
from storage.conversations import get_prompt, load_state
from storage.meetings import active_pairs_of
from storage.models import Outbox, Pair, Person, Programme
from storage.objectives import objectives_of

SHOWN_MEETINGS = 5
PAIR_STATES = (State.active, State.paused)
EVERYONE = (("home-language", "language"), ("home-privacy", "privacy"), ("home-help", "help"))
IN_PAIR = (
    ("home-plan", "plan"),
    ("home-log", "logmeeting"),
    ("home-objectives-button", "objectives"),
)


def home_view(
    session: Session, person: Person, router: Router, cipher: MultiFernet, now: datetime
) -> Home:
    """Compute the home of `person`; the caller rolls the session back afterwards."""
    assert person.id is not None
    found = standing(session, person, now)
    lines, first = _status_lines(session, person, router, cipher, now)
    pair = found.pair if found.state in PAIR_STATES else None
    if pair is not None:
        objectives = objectives_of(session, pair.id)  # type: ignore[arg-type]
        reached = sum(1 for o in objectives if o.status == "reached")
        lines.append(t(person.locale, "home-objectives", reached=reached, total=len(objectives)))
    followup = _followup(session, person, now) if is_coordinator(session, person.id) else ()
    meetings = _next_meetings(session, person, now)
    return Home(
        heading=_heading(session, person, found),
        lines=tuple(lines),
        actions=_actions(person, found, first),
        meetings=meetings,
        meetings_title=t(person.locale, "home-meetings-title") if meetings else "",
        followup=followup,
    )


def _followup(session: Session, person: Person, now: datetime) -> tuple[HomeFollowUp, ...]:
    """The follow-up summary of each programme the person coordinates (at most three), as they
    may see it, with a button that opens that programme's follow-up in the chat."""
    label = t(person.locale, "followup-home-button")
    return tuple(
        HomeFollowUp(tuple(lines), HomeAction(label, f"admin suivi {programme.slug}"))
        for programme, lines in coordinator_summaries(session, person, now)
    )


def _status_lines(
    session: Session, person: Person, router: Router, cipher: MultiFernet, now: datetime
) -> tuple[list[str], list[HomeAction]]:
    """What `/status` says, and its buttons as home actions (a question it asks again becomes
    one "continue" button that runs /status in the chat)."""
    assert person.id is not None
    queued_before = _queued(session, person.id)
    ctx = Ctx(
        session=session,
        person=person,
        state=load_state(session, person.id),
        now=now,
        cipher=cipher,
        router=router,
        modal_forms=True,
    )
    router.commands["status"].handler(ctx, "")
    lines: list[str] = []
    actions: list[HomeAction] = []
    for reply in ctx.replies:
        item = reply.item
        if isinstance(item, Message):
            lines.append(item.text)
        elif isinstance(item, Form):
            actions = [HomeAction(t(person.locale, "home-resume-form"), "status")]
        elif isinstance(item, Choice):
            prompt = get_prompt(session, item.prompt_id) if item.prompt_id else None
            if prompt is not None and prompt.action == "go":
                lines.append(item.text)
                actions = [HomeAction(o.label, o.value) for o in item.options]
            else:
                actions = [HomeAction(t(person.locale, "home-continue"), "status")]
    if not actions and _queued(session, person.id) > queued_before:
        actions = [HomeAction(t(person.locale, "home-continue"), "status")]
    return lines, actions


def _actions(person: Person, found: Standing, first: list[HomeAction]) -> tuple[HomeAction, ...]:
    """The next step's buttons, then what the person can do now; each command once."""
    extra = (IN_PAIR if found.state in PAIR_STATES else ()) + EVERYONE
    chosen = list(first)
    for key, command in extra:
        if all(action.command != command for action in chosen):
            chosen.append(HomeAction(t(person.locale, key), command))
    return tuple(chosen)


def _next_meetings(session: Session, person: Person, now: datetime) -> tuple[str, ...]:
    """The person's next planned meetings, every active pair, in their language and zone."""
    assert person.id is not None
    found = []
    for pair in active_pairs_of(session, person.id):
        name = person_ref(session.get(Person, pair.partner_of(person.id)))
        found += [(meeting, name) for meeting in upcoming_meetings(session, pair, now)]
    found.sort(key=lambda row: row[0].scheduled_at)
    return tuple(
        t(
            person.locale,
            "home-meeting-line",
            when=format_when(meeting.scheduled_at, person.locale, person.timezone),
            name=name,
            format=t(person.locale, f"format-{meeting.format}"),
        )
        for meeting, name in found[:SHOWN_MEETINGS]
    )


def _queued(session: Session, person_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(Outbox).where(Outbox.person_id == person_id)
    ).one()


def _heading(session: Session, person: Person, found: Standing) -> str:
    """The name of the programme the person is in, applied to, or was invited to."""
    assert person.id is not None
    programme = found.programme
    if programme is None:
        applications = applications_of(session, person.id)
        programme_id = applications[0].programme_id if applications else person.programme_id
        programme = session.get(Programme, programme_id) if programme_id else None
    return programme.name if programme is not None else t(person.locale, "home-heading-none")


def _single_active_pair(ctx: Ctx) -> Pair | None:
    """The person's one active pair; with several, the meeting log asks which (None)."""
    pairs = active_pairs_of(ctx.session, ctx.me)
    if len(pairs) == 1:
        return pairs[0]
    ctx.router.commands["meeting"].handler(ctx, "")
    return None


def register(router: Router) -> None:
    @router.command("plan", "planifier", help_key=None)
    def plan(ctx: Ctx, _args: str) -> None:
        """Open the form to plan a meeting of the person's pair."""
        pair = _single_active_pair(ctx)
        if pair is not None:
            defaults: dict[str, object] = {"minutes": DEFAULT_MINUTES}
            if pair.preferred_format in FORMATS:
                defaults["format"] = pair.preferred_format
            open_form(ctx, PLAN, {"pair": pair.id}, defaults)

    @router.command("logmeeting", "noter", help_key=None)
    def log_meeting(ctx: Ctx, _args: str) -> None:
        """Open the form to log a meeting held by the person's pair."""
        pair = _single_active_pair(ctx)
        if pair is not None:
            open_form(ctx, LOG, {"pair": pair.id}, {"minutes": DEFAULT_MINUTES})
