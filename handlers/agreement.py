"""The start of an active pair: mutual consent, the agreement, and the fit check.

```mermaid
stateDiagram-v2
    active --> consent: charter signed by both -> each confirms consent and no hierarchy or stake
    consent --> agreement: both confirmed -> objectives (1 to 5), rhythm, format
    consent --> repairing: one says there is a link -> pair ended, mentee gets new proposals
    agreement --> fit: after the first meeting held, each says privately if the pair fits
    fit --> repairing: a "no" -> pair ended, referent told
```
"""

from __future__ import annotations

from typing import Any

from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.pair_end_facts import who_is_told
from handlers.pairing import end_pair, repair_mentee
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from storage import private_notes
from storage.enums import PairState
from storage.models import Objective, Pair, PairCheck
from storage.objectives import check_of, objectives_of

RHYTHMS = ("monthly", "three_weeks", "fortnightly")
FORMATS = ("video", "in_person", "phone", "any")
MAX_OBJECTIVES = 5


def open_agreement(ctx: Ctx, pair: Pair) -> None:
    open_form(ctx, "agreement", {"pair": pair.id})


def _agreement_form(ctx: Ctx, _params: dict[str, Any]) -> tuple[str, list[FormField]]:
    rhythms = tuple(Option(ctx.t(f"rhythm-{code}"), code) for code in RHYTHMS)
    formats = tuple(Option(ctx.t(f"format-{code}"), code) for code in FORMATS)
    shared = (
        Option(ctx.t("agreement-shared"), "shared"),
        Option(ctx.t("agreement-private"), "private"),
    )
    return ctx.t("agreement-title"), [
        FormField(
            "objectives",
            ctx.t("agreement-f-objectives"),
            hint=ctx.t("agreement-h-objectives"),
            max_length=2500,
        ),
        FormField("visibility", ctx.t("agreement-f-visibility"), FieldKind.choice, options=shared),
        FormField("rhythm", ctx.t("agreement-f-rhythm"), FieldKind.choice, options=rhythms),
        FormField("format", ctx.t("agreement-f-format"), FieldKind.choice, options=formats),
    ]


def objective_lines(text: str) -> list[str]:
    """The objectives written one per line or separated by semicolons."""
    parts = text.replace(";", "\n").splitlines()
    return [part.strip(" -•*\t") for part in parts if part.strip(" -•*\t")]


def _agreement_submit(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    pair = ctx.session.get(Pair, params["pair"])
    if pair is None or pair.state != PairState.active or ctx.me not in _sides(pair):
        ctx.say("pair-none")
        return None
    lines = objective_lines(values["objectives"])
    if not 1 <= len(lines) <= MAX_OBJECTIVES or any(len(line) > 500 for line in lines):
        return {"objectives": FieldError("agreement-objectives-count", {"count": len(lines)})}
    for line in lines:
        add_objective(ctx, pair, line, private=values["visibility"] == "private")
    pair.rhythm, pair.preferred_format = values["rhythm"], values["format"]
    ctx.session.add(pair)
    ctx.say("agreement-saved", count=len(lines))
    other = pair.partner_of(ctx.me)
    ctx.tell(other, "agreement-saved-other", name=ctx.person.display_name, count=len(lines))
    return None


def add_objective(ctx: Ctx, pair: Pair, text: str, *, private: bool) -> Objective:
    """Store an objective; a private one keeps its text only as an encrypted note."""
    objective = Objective(
        pair_id=pair.id,
        text=None if private else text,
        private=private,
        created_by_person_id=ctx.me,
        created_at=ctx.now,
    )
    ctx.session.add(objective)
    ctx.session.flush()
    if private:
        private_notes.write(ctx.session, ctx.cipher, pair, ctx.me, "objective", text, objective.id)
    return objective


def _sides(pair: Pair) -> tuple[int, int]:
    return pair.mentor_person_id, pair.mentee_person_id


def _pair_for(ctx: Ctx, context: dict[str, Any]) -> Pair | None:
    """The pair a button acts on, locked: both members answering at once are taken in turn,
    so the second one sees the first's answer (PostgreSQL; SQLite writes one at a time)."""
    pair = ctx.session.get(Pair, context["pair"], with_for_update=True)
    if pair is None or pair.state != PairState.active or ctx.me not in _sides(pair):
        ctx.say("error-button-stale")
        return None
    return pair


def _record(ctx: Ctx, pair: Pair, kind: str, value: int) -> bool:
    """Keep the person's answer; False (and said so) if they had already answered."""
    if check_of(ctx.session, pair.id, ctx.me, kind) is not None:
        ctx.say("error-button-used")
        return False
    ctx.session.add(
        PairCheck(pair_id=pair.id, person_id=ctx.me, kind=kind, value=value, answered_at=ctx.now)
    )
    ctx.session.flush()
    return True


def register(router: Router) -> None:
    router.form(FormSpec("agreement", _agreement_form, _agreement_submit))

    @router.action("consent")
    def consent(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Record the consent; a "no" ends the pair and finds the mentee another mentor."""
        pair = _pair_for(ctx, context)
        if pair is None or not _record(ctx, pair, "consent", int(value == "yes")):
            return
        if value != "yes":
            end_pair(ctx, pair, ctx.me, "conflict")
            told = who_is_told(ctx.session, pair)
            ctx.say("consent-no-done", told=told)
            ctx.tell(pair.partner_of(ctx.me), "consent-no-other", told=told)
            repair_mentee(ctx, pair)
            return
        if all(check_of(ctx.session, pair.id, side, "consent") for side in _sides(pair)):
            ctx.say("consent-both")
            ctx.tell(pair.partner_of(ctx.me), "consent-both")
            if not objectives_of(ctx.session, pair.id):
                options = [(ctx.t_for(pair.mentee_person_id, "agreement-start"), "start")]
                ctx.offer(
                    pair.mentee_person_id,
                    ctx.t_for(pair.mentee_person_id, "agreement-invite"),
                    options,
                    "agreement",
                    {"pair": pair.id},
                )
        else:
            ctx.say("consent-waiting")

    @router.action("agreement")
    def agreement(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Open the agreement form."""
        pair = _pair_for(ctx, context)
        if pair is not None:
            open_agreement(ctx, pair)

    @router.action("fit")
    def fit(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Record the private fit answer; a "no" ends the pair and tells the referent."""
        pair = _pair_for(ctx, context)
        if pair is None or not _record(ctx, pair, "fit", int(value == "yes")):
            return
        if value == "yes":
            ctx.say("fit-yes-done")
            return
        end_pair(ctx, pair, ctx.me, "fit")
        told = who_is_told(ctx.session, pair)
        ctx.say("fit-no-done", told=told)
        ctx.tell(pair.partner_of(ctx.me), "fit-no-other", told=told)
        repair_mentee(ctx, pair)
