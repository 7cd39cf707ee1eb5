"""`/status`: one message saying where the person stands and what the next step is, with its
button. Also resumes an unfinished form by asking its current question again."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from handlers.after_end import ended_status
from handlers.charter import has_accepted, send_charter
from handlers.consent import ask_consent
from handlers.context import Ctx
from handlers.forms import repeat_question
from handlers.imported import ask_confirmation
from handlers.matching_flow import present
from handlers.router import Router
from messages.catalog import format_local_day, format_when
from storage.applications import applications_of
from storage.enums import ApplicationStatus, MeetingStatus, PairState, Role
from storage.matching import latest_round, open_pair_of, proposals_of
from storage.models import Meeting, Pair, Person
from storage.objectives import check_of, objectives_of
from storage.programmes import current_charter


def _name(ctx: Ctx, person_id: int) -> str:
    person = ctx.session.get(Person, person_id)
    return person.display_name if person else "?"


def _go(ctx: Ctx, text: str, label_key: str, command: str) -> None:
    ctx.ask(text, [(ctx.t(label_key), command)], "go")


def _pair_status(ctx: Ctx, pair: Pair) -> None:
    partner = _name(ctx, pair.partner_of(ctx.me))
    mentee_side = ctx.me == pair.mentee_person_id
    if pair.state == PairState.proposed:
        when = format_when(pair.answer_due_at or ctx.now, ctx.person.locale, ctx.person.timezone)
        if mentee_side:
            ctx.say("status-waiting-mentor", name=partner, when=when)
        else:
            ctx.say("status-request-pending", name=partner, when=when)
        return
    charter = current_charter(ctx.session, pair.programme_id)
    if charter is not None and not has_accepted(ctx, ctx.me, charter):
        ctx.say("status-sign-charter", name=partner)
        send_charter(ctx, pair, ctx.me)
        return
    if pair.state == PairState.awaiting_charter:
        ctx.say("status-waiting-charter", name=partner)
        return
    if check_of(ctx.session, pair.id, ctx.me, "consent") is None:
        ctx.say("status-consent", name=partner)
        ask_consent(ctx, pair, only=ctx.me)
        return
    if not objectives_of(ctx.session, pair.id):
        _go(ctx, ctx.t("status-objectives", name=partner), "agreement-start", "objectives")
        return
    if pair.paused_until and pair.paused_until > ctx.now:
        when = format_local_day(pair.paused_until, ctx.person.locale, ctx.person.timezone)
        _go(ctx, ctx.t("status-paused", name=partner, when=when), "pause-resume", "pause")
        return
    _meetings_status(ctx, pair, partner)


def _meetings_status(ctx: Ctx, pair: Pair, partner: str) -> None:
    held = ctx.session.exec(
        select(Meeting).where(Meeting.pair_id == pair.id, Meeting.status == MeetingStatus.held)
    ).all()
    upcoming = ctx.session.exec(
        select(Meeting)
        .where(
            Meeting.pair_id == pair.id,
            Meeting.status == MeetingStatus.planned,
            col(Meeting.scheduled_at) > ctx.now,
        )
        .order_by(col(Meeting.scheduled_at))
    ).first()
    if upcoming is not None:
        when = format_when(upcoming.scheduled_at, ctx.person.locale, ctx.person.timezone)
        text = ctx.t("status-next-meeting", name=partner, when=when, held=len(held))
    else:
        text = ctx.t("status-plan-meeting", name=partner, held=len(held))
    _go(ctx, text, "status-open-meetings", "meeting")


def _application_status(ctx: Ctx) -> None:
    live = applications_of(ctx.session, ctx.me)
    if not live:
        _go(ctx, ctx.t("status-no-application"), "status-apply", "apply")
        return
    if any(a.status == ApplicationStatus.submitted and a.source == "import" for a in live):
        ctx.say("status-import-waiting")
        ask_confirmation(ctx)
        return
    mentee = next((a for a in live if a.role == Role.mentee), None)
    if mentee is not None and mentee.status == ApplicationStatus.eligible:
        round_ = latest_round(ctx.session, mentee.id)
        if round_ and any(
            p.status == "shown" for p in proposals_of(ctx.session, mentee.id, round_)
        ):
            _go(ctx, ctx.t("status-pick-mentor"), "status-see-proposals", "proposals")
            return
        ctx.say("status-waiting-proposals")
        return
    statuses = ", ".join(ctx.t(f"application-status-{a.status}") for a in live)
    _go(
        ctx, ctx.t("status-application", statuses=statuses), "status-see-application", "application"
    )


def register(router: Router) -> None:
    @router.command("status", "statut", "etat", "état", help_key="help-cmd-status")
    def status(ctx: Ctx, _args: str) -> None:
        """Say where the person stands and offer the next step."""
        if ctx.state.flow == "form":
            ctx.say("status-in-form")
            repeat_question(ctx)
            return
        pair = open_pair_of(ctx.session, ctx.me)
        if pair is not None:
            _pair_status(ctx, pair)
        elif not ended_status(ctx):
            _application_status(ctx)

    @router.action("go")
    def go(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Run the command a status button names."""
        router.commands[value].handler(ctx, "")

    @router.command("proposals", "propositions", help_key=None)
    def proposals(ctx: Ctx, _args: str) -> None:
        """Show the mentee's current proposals again."""
        for application in applications_of(ctx.session, ctx.me):
            if application.role == Role.mentee and application.status == ApplicationStatus.eligible:
                round_ = latest_round(ctx.session, application.id)
                shown = proposals_of(ctx.session, application.id, round_)
                if shown:
                    present(ctx, application, shown, round_)
                    return
        ctx.say("status-no-proposals")
