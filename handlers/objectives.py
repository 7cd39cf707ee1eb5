"""`/objectives`: list the pair's objectives, mark one reached, add one.

Private objectives are shown to the pair from their encrypted note; coordinators only ever see
that a private objective exists and whether it was reached.
"""

from __future__ import annotations

from typing import Any

from handlers.agreement import add_objective, open_agreement
from handlers.context import Ctx
from handlers.forms import FormSpec, open_form
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from storage import private_notes
from storage.enums import PairState
from storage.matching import open_pair_of
from storage.models import Objective, Pair
from storage.objectives import objectives_of

MAX_TOTAL = 10


def objective_text(ctx: Ctx, pair: Pair, objective: Objective) -> str:
    """The wording of an objective, read from its private note when it is private."""
    if not objective.private:
        return objective.text or ""
    notes = private_notes.read(ctx.session, ctx.cipher, pair, ctx.me, "objective", objective.id)
    return notes[0][1] if notes else ""


def _active_pair(ctx: Ctx) -> Pair | None:
    pair = open_pair_of(ctx.session, ctx.me)
    if pair is None or pair.state != PairState.active:
        ctx.say("pair-none")
        return None
    return pair


def _add_form(ctx: Ctx, _params: dict[str, Any]) -> tuple[str, list[FormField]]:
    shared = (
        Option(ctx.t("agreement-shared"), "shared"),
        Option(ctx.t("agreement-private"), "private"),
    )
    return ctx.t("objective-add-title"), [
        FormField("text", ctx.t("objective-f-text"), max_length=500),
        FormField("visibility", ctx.t("agreement-f-visibility"), FieldKind.choice, options=shared),
    ]


def _add_submit(ctx: Ctx, values: dict[str, Any], params: dict[str, Any]) -> None:
    pair = ctx.session.get(Pair, params["pair"])
    if pair is None or pair.state != PairState.active:
        ctx.say("pair-none")
        return
    add_objective(ctx, pair, values["text"], private=values["visibility"] == "private")
    ctx.say("objective-added")


def register(router: Router) -> None:
    router.form(FormSpec("objective", _add_form, _add_submit))

    @router.command("objectives", "objectifs", help_key="help-cmd-objectives")
    def objectives(ctx: Ctx, _args: str) -> None:
        """List the objectives and offer what can be done with them."""
        pair = _active_pair(ctx)
        if pair is None:
            return
        found = objectives_of(ctx.session, pair.id)
        if not found:
            options = [(ctx.t("agreement-start"), "agreement")]
            ctx.ask(ctx.t("objectives-none"), options, "objectives", {"pair": pair.id})
            return
        lines = [ctx.t("objectives-intro")]
        for number, objective in enumerate(found, 1):
            status = ctx.t(f"objective-status-{objective.status}")
            private = ctx.t("objective-private-mark") if objective.private else ""
            text = objective_text(ctx, pair, objective)
            lines.append(f"{number}. {text} ({status}){private}")
        options = [
            (ctx.t("objectives-reached", number=n), f"reached:{o.id}")
            for n, o in enumerate(found, 1)
            if o.status == "open"
        ]
        if len(found) < MAX_TOTAL:
            options.append((ctx.t("objectives-add"), "add"))
        ctx.ask("\n".join(lines), options, "objectives", {"pair": pair.id})

    @router.action("objectives")
    def act(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Mark an objective reached, add one, or set the first ones."""
        pair = ctx.session.get(Pair, context["pair"])
        if pair is None or pair.state != PairState.active:
            ctx.say("error-button-stale")
        elif value == "agreement":
            open_agreement(ctx, pair)
        elif value == "add":
            open_form(ctx, "objective", {"pair": pair.id})
        else:
            objective = ctx.session.get(Objective, int(value.split(":")[1]))
            if objective is None or objective.pair_id != pair.id or objective.status != "open":
                ctx.say("error-button-stale")
                return
            objective.status, objective.closed_at = "reached", ctx.now
            ctx.session.add(objective)
            ctx.say("objective-marked")
            other = (
                pair.mentee_person_id if ctx.me == pair.mentor_person_id else pair.mentor_person_id
            )
            ctx.tell(other, "objective-marked-other", name=ctx.person.display_name)
