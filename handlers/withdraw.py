"""Pause a pair until a date, or withdraw from it.

```mermaid
stateDiagram-v2
    active --> paused: /pause, a date -> nudges stop until then
    paused --> active: the date passes, or /pause -> "resume now"
    active --> confirm: /withdraw
    confirm --> reason: yes -> pair withdrawn, the other side and the referent (else admins) told
    reason --> [*]: optional private reason kept encrypted
```
A withdrawing mentor's mentee gets fresh proposals. The texts promise only what will happen: who
is told (`who_is_told`), a last meeting only for a pair that started, the final questionnaire only
when one is still to come for this person (`final_questionnaire_to_come`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.pair_end_facts import final_questionnaire_to_come, who_is_told
from handlers.pairing import end_pair, repair_mentee
from handlers.reasons import ask_private_reason
from handlers.router import Router
from handlers.standing import State, standing
from handlers.ui import FieldKind, FormField
from messages.catalog import format_day, format_local_day
from storage.enums import PairState
from storage.matching import open_pair_of
from storage.models import Pair, Person, Programme

PAUSE_MONTHS = 6


def _pause_form(ctx: Ctx, _params: dict[str, Any]) -> tuple[str, list[FormField]]:
    hint = ctx.t("pause-h-until", months=PAUSE_MONTHS)
    until = FormField("until", ctx.t("pause-f-until"), FieldKind.day, hint=hint, future=True)
    return ctx.t("pause-title"), [until]


def pause_limit(today: date, programme_end: date | None) -> date:
    """The last day a pause may run to: six months ahead, or the programme's end if sooner."""
    limit = today + relativedelta(months=PAUSE_MONTHS)
    return min(limit, programme_end) if programme_end and programme_end > today else limit


def _pause_submit(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Pause until the start of the chosen day, in the person's zone; too far is asked again."""
    pair = ctx.session.get(Pair, params["pair"])
    if pair is None or pair.state != PairState.active:
        ctx.say("pair-none")
        return None
    zone = ZoneInfo(ctx.person.timezone)
    programme = ctx.session.get(Programme, pair.programme_id)
    ends = programme.ends_at if programme else None
    limit = pause_limit(
        ctx.now.astimezone(zone).date(), ends.astimezone(zone).date() if ends else None
    )
    until = date.fromisoformat(values["until"])
    if until > limit:
        return {
            "until": FieldError("pause-too-far", {"limit": format_day(limit, ctx.person.locale)})
        }
    pair.paused_until = datetime.combine(until, time(), tzinfo=zone).astimezone(UTC)
    ctx.session.add(pair)
    ctx.say("pause-set", when=format_day(until, ctx.person.locale))
    other = pair.partner_of(ctx.me)
    other_when = format_local_day(pair.paused_until, ctx.locale_of(other), _zone(ctx, other))
    ctx.tell(other, "pause-set-other", name=ctx.person.display_name, when=other_when)
    return None


def _yes(fact: bool) -> str:
    return "yes" if fact else "no"


def _zone(ctx: Ctx, person_id: int) -> str:
    person = ctx.session.get(Person, person_id)
    return person.timezone if person else ctx.person.timezone


def register(router: Router) -> None:
    router.form(FormSpec("pause", _pause_form, _pause_submit))

    @router.command("pause", help_key="help-cmd-pause")
    def pause(ctx: Ctx, _args: str) -> None:
        """Pause the pair until a date, or resume a paused pair."""
        pair = open_pair_of(ctx.session, ctx.me)
        if pair is None or pair.state != PairState.active:
            ctx.say("pair-none")
        elif pair.paused_until and pair.paused_until > ctx.now:
            when = format_local_day(pair.paused_until, ctx.person.locale, ctx.person.timezone)
            options = [(ctx.t("pause-resume"), "resume"), (ctx.t("pause-change"), "change")]
            ctx.ask(ctx.t("pause-current", when=when), options, "pause", {"pair": pair.id})
        else:
            open_form(ctx, "pause", {"pair": pair.id})

    @router.action("pause")
    def pause_choice(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Resume now, or pick another date."""
        pair = ctx.session.get(Pair, context["pair"])
        if pair is None or pair.state != PairState.active:
            ctx.say("pair-none")
        elif value == "change":
            open_form(ctx, "pause", {"pair": pair.id})
        else:
            pair.paused_until = None
            ctx.session.add(pair)
            ctx.say("pause-resumed")
            ctx.tell(pair.partner_of(ctx.me), "pause-resumed-other", name=ctx.person.display_name)

    @router.command("withdraw", "quitter", help_key="help-cmd-withdraw")
    def withdraw(ctx: Ctx, _args: str) -> None:
        """Ask for confirmation before leaving the pair."""
        pair = open_pair_of(ctx.session, ctx.me)
        if pair is None:
            ctx.say("pair-none")
            return
        options = [(ctx.t("withdraw-yes"), "yes"), (ctx.t("withdraw-no"), "no")]
        text = ctx.t("withdraw-confirm", told=who_is_told(ctx.session, pair))
        ctx.ask(text, options, "withdraw", {"pair": pair.id})

    @router.action("withdraw")
    def confirm(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Leave the pair on yes: the other side and the referent are told."""
        pair = ctx.session.get(Pair, context["pair"])
        if pair is None or pair.state not in (
            PairState.proposed,
            PairState.awaiting_charter,
            PairState.active,
        ):
            ctx.say("pair-none")
            return
        if value != "yes":
            ctx.say("withdraw-kept")
            return
        leaving_mentor = ctx.me == pair.mentor_person_id
        end_pair(ctx, pair, ctx.me, "mentor" if leaving_mentor else "mentee")
        other = pair.partner_of(ctx.me)
        told = who_is_told(ctx.session, pair)
        started = "yes" if pair.activated_at is not None else "no"
        ctx.say(
            "withdraw-done-mentor" if leaving_mentor else "withdraw-done-mentee",
            told=told,
            started=started,
            questionnaire=_yes(final_questionnaire_to_come(ctx.session, pair, ctx.me, ctx.now)),
        )
        ctx.tell(other, "withdraw-other", name=ctx.person.display_name, told=told, started=started)
        ask_private_reason(ctx, pair, "withdraw_reason", offer_new_mentor=not leaving_mentor)
        if leaving_mentor:
            repair_mentee(ctx, pair)

    @router.action("new-mentor")
    def new_mentor(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Give a mentee who left their pair fresh proposals, if they want another mentor."""
        pair = ctx.session.get(Pair, context["pair"])
        if value != "yes" or pair is None:
            ctx.say("withdraw-no-new-mentor")
        elif open_pair_of(ctx.session, ctx.me) is not None:
            ctx.say("error-button-stale")
        else:
            repair_mentee(ctx, pair)

    @router.command("newmentor", "nouveau-mentor", help_key=None)
    def another_mentor(ctx: Ctx, _args: str) -> None:
        """Fresh proposals for a mentee whose pair ended (the button of /status)."""
        found = standing(ctx.session, ctx.person, ctx.now)
        pair = found.pair
        if found.state != State.pair_ended or pair is None or pair.mentee_person_id != ctx.me:
            ctx.say("withdraw-new-mentor-not-now")
        else:
            repair_mentee(ctx, pair)
