"""`/status`: one message saying where the person stands and the way forward, with its button.

It reads the person's `Standing` (`handlers.standing`), the same facts the flows decide on, and
says one text per state; the states whose next step is a question (the charter, the consent, an
imported application, a form in progress) ask it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from handlers.after_end import completed_status
from handlers.charter import send_charter
from handlers.consent import ask_consent
from handlers.context import Ctx
from handlers.forms import repeat_question
from handlers.imported import ask_confirmation
from handlers.matching_flow import present
from handlers.mentions import person_ref
from handlers.router import Router
from handlers.standing import EndedBy, Standing, State, ended_pairs_of, standing
from handlers.timezone import offer_hint
from messages.catalog import format_local_day, format_when
from storage.applications import applications_of, programmes_not_closed
from storage.enums import ApplicationStatus, Role
from storage.matching import latest_round, proposals_of
from storage.models import Person
from storage.people import admins_of


def _go(ctx: Ctx, text: str, *buttons: tuple[str, str]) -> None:
    """Say `text` with buttons `(label key, command)`, each running its command."""
    ctx.ask(text, [(ctx.t(key), command) for key, command in buttons], "go")


def _programme_name(found: Standing) -> str:
    return found.programme.name if found.programme is not None else ""


def _partner(ctx: Ctx, found: Standing) -> str:
    """The other member of the pair, as a mention where the platform has them."""
    partner = ctx.session.get(Person, found.partner_id) if found.partner_id is not None else None
    return person_ref(partner)


def _when(ctx: Ctx, moment: Any) -> str:
    return format_when(moment or ctx.now, ctx.person.locale, ctx.person.timezone)


def _before_pair(ctx: Ctx, found: Standing) -> None:
    """The states before a pair: no programme, invited, applied, refused, waiting, choosing."""
    name = _programme_name(found)
    state = found.state
    if state == State.no_programme and not programmes_not_closed(ctx.session, ctx.now):
        _go(ctx, ctx.t("status-no-programme-open"), ("status-help", "help"))
    elif state == State.no_programme:
        _go(ctx, ctx.t("status-no-application"), ("status-apply", "apply"))
    elif state == State.invited:
        _go(ctx, ctx.t("status-invited", programme=name), ("status-apply", "apply"))
    elif state == State.import_to_confirm:
        ctx.say("status-import-waiting")
        ask_confirmation(ctx)
    elif state == State.ineligible:
        alternative = found.programme.alternative if found.programme is not None else ""
        role = ctx.t(f"role-{found.application.role}") if found.application else ""
        text = ctx.t("status-ineligible", programme=name, role=role)
        text += "\n" + (alternative or ctx.t("apply-alternative-default"))
        _go(ctx, text, ("status-apply-again", "apply"), ("status-help", "help"))
    elif state == State.mentor_available:
        text = ctx.t("status-mentor-available", programme=name)
        _go(ctx, text, ("status-see-application", "application"))
    elif state == State.waiting_proposals:
        programme = found.programme
        later = programme is not None and programme.matching != "on_apply"
        if later and programme is not None and programme.matched_at is None:
            text = ctx.t(f"apply-next-mentee-{programme.matching}")
        else:
            text = ctx.t("status-waiting-proposals", told=_coordinators(ctx, found))
        _go(ctx, text, ("status-see-application", "application"))
    elif state == State.choosing:
        _go(ctx, ctx.t("status-pick-mentor"), ("status-see-proposals", "proposals"))
    else:
        text = ctx.t("status-none-suited", told=_coordinators(ctx, found))
        _go(ctx, text, ("status-see-application", "application"))


def _coordinators(ctx: Ctx, found: Standing) -> str:
    """ "yes" when the programme has coordinators who follow a mentee waiting for a mentor."""
    programme = found.programme
    return "yes" if programme and admins_of(ctx.session, programme.id) else "no"  # type: ignore[arg-type]


def _forming(ctx: Ctx, found: Standing) -> None:
    """A pair being formed: the request, the charter, the consent, the objectives."""
    pair, name = found.pair, _partner(ctx, found)
    assert pair is not None
    state = found.state
    if state == State.request_sent:
        text = ctx.t("status-waiting-mentor", name=name, when=_when(ctx, pair.answer_due_at))
        _go(ctx, text, ("status-see-application", "application"))
    elif state == State.request_received:
        text = ctx.t("status-request-pending", name=name, when=_when(ctx, pair.answer_due_at))
        options = [(ctx.t("mentor-accept"), "accept"), (ctx.t("mentor-decline"), "decline")]
        ctx.ask(text, options, "mentor-answer", {"pair": pair.id})
    elif state == State.charter_to_sign:
        ctx.say("status-sign-charter", name=name)
        send_charter(ctx, pair, ctx.me)
    elif state == State.charter_waiting:
        _go(ctx, ctx.t("status-waiting-charter", name=name), ("status-help", "help"))
    elif state == State.consent_to_give:
        ctx.say("status-consent", name=name)
        ask_consent(ctx, pair, only=ctx.me)
    else:
        _go(ctx, ctx.t("status-objectives", name=name), ("agreement-start", "objectives"))


def _running(ctx: Ctx, found: Standing) -> None:
    """An active pair: paused, the next meeting, one to plan, or one overdue."""
    pair, name = found.pair, _partner(ctx, found)
    assert pair is not None
    if found.state == State.paused:
        when = format_local_day(pair.paused_until, ctx.person.locale, ctx.person.timezone)  # type: ignore[arg-type]
        _go(ctx, ctx.t("status-paused", name=name, when=when), ("pause-resume", "pause"))
        return
    if found.upcoming:
        when = _when(ctx, found.upcoming[0].scheduled_at)
        text = ctx.t("status-next-meeting", name=name, when=when, held=found.held)
    elif found.overdue:
        text = ctx.t("status-overdue", name=name, held=found.held)
    else:
        text = ctx.t("status-plan-meeting", name=name, held=found.held)
    _go(ctx, text, ("status-open-meetings", "meeting"), ("status-objectives-button", "objectives"))


def _pair_ended(ctx: Ctx, found: Standing) -> None:
    """A pair that ended before the programme: by whom, and what remains."""
    pair = found.pair
    assert pair is not None and found.ended_by is not None
    by = found.ended_by
    lines = [
        ctx.t(f"status-pair-ended-{by}", name=_partner(ctx, found), when=_when(ctx, pair.ended_at))
    ]
    options: list[tuple[str, str]] = []
    if found.final_wave is not None:
        closes = _when(ctx, found.final_wave.closes_at)
        lines.append(ctx.t("status-ended-questionnaire", closes=closes))
        options.append((ctx.t("ended-questionnaire"), "questionnaire"))
    elif found.final_to_come:
        lines.append(ctx.t("status-questionnaire-to-come"))
    options.append((ctx.t("status-past-meetings"), "pastmeetings"))
    if ctx.me == pair.mentee_person_id:
        lines.append(ctx.t("status-another-mentor"))
        options.append((ctx.t("withdraw-new-mentor-yes"), "newmentor"))
    elif by != EndedBy.programme:
        lines.append(ctx.t("status-mentor-still-available"))
    ctx.ask("\n".join(lines), options, "go")


def _after(ctx: Ctx, found: Standing) -> None:
    if found.state == State.completed:
        completed_status(ctx, found)
        return
    text = ctx.t("status-programme-ended", programme=_programme_name(found))
    if ended_pairs_of(ctx.session, ctx.me):
        _go(ctx, text, ("status-past-meetings", "pastmeetings"), ("status-help", "help"))
    else:
        _go(ctx, text, ("status-help", "help"))


SAYERS: dict[State, Callable[[Ctx, Standing], None]] = {
    **{s: _before_pair for s in (State.no_programme, State.invited, State.import_to_confirm)},
    **{s: _before_pair for s in (State.ineligible, State.mentor_available)},
    **{s: _before_pair for s in (State.waiting_proposals, State.choosing, State.none_suited)},
    **{s: _forming for s in (State.request_sent, State.request_received)},
    **{s: _forming for s in (State.charter_to_sign, State.charter_waiting)},
    **{s: _forming for s in (State.consent_to_give, State.objectives_to_set)},
    State.paused: _running,
    State.active: _running,
    State.pair_ended: _pair_ended,
    State.completed: _after,
    State.programme_ended: _after,
}


def say_status(ctx: Ctx) -> None:
    """Say where the person stands and offer the way forward."""
    found = standing(ctx.session, ctx.person, ctx.now)
    if found.state == State.in_form:
        ctx.say("status-in-form")
        repeat_question(ctx)
        return
    SAYERS[found.state](ctx, found)


def register(router: Router) -> None:
    @router.command("status", "statut", "etat", "état", help_key="help-cmd-status")
    def status(ctx: Ctx, _args: str) -> None:
        """Say where the person stands and offer the next step (after a guessed zone's hint, so
        that the status's own buttons stay the newest question)."""
        offer_hint(ctx)
        say_status(ctx)

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
                if any(p.status == "shown" for p in shown):
                    present(ctx, application, shown, round_)
                    return
        ctx.say("status-no-proposals")
