"""Matching in the admins' `/admin`: the cohort's draft with a button to publish it, and the
committee's form to pair a mentee with a mentor by hand.

```mermaid
stateDiagram-v2
    [*] --> draft: /admin matching -> how many mentees would get how many proposals
    draft --> [*]: "publish" -> proposals sent (same code as the sweep and `mentorbot match`)
    [*] --> form: /admin pair -> mentee, mentor, reason
    form --> form: a hard rule refuses (the error on the field concerned)
    form --> [*]: the mentor is asked (same code as `mentorbot pair`)
```
"""

from __future__ import annotations

from typing import Any

from handlers.admin import may, section
from handlers.cohort import drafts_of, publish, summary_lines
from handlers.committee import Refusal, committee_pair
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from storage.audit import record
from storage.cohort import unpaired_mentees
from storage.enums import GrantRole
from storage.matching import mentor_profiles
from storage.models import Person, Programme

FORM = "committee-pair"
PUBLISH_ACTION = "matching-publish"
MAX_CHOICES = 100
# Option values are "p" and a person's id: a bare number would read as the option's number.


def _mentee_options(ctx: Ctx, programme: Programme) -> tuple[Option, ...]:
    options = []
    for application in unpaired_mentees(ctx.session, programme)[:MAX_CHOICES]:
        person = ctx.session.get(Person, application.person_id)
        name = (person.display_name if person else "") or "?"
        organisation = application.answers.get("organisation", "")
        label = f"{name} ({organisation})" if organisation else name
        options.append(Option(label, f"p{application.person_id}"))
    return tuple(options)


def _mentor_options(ctx: Ctx, programme: Programme) -> tuple[Option, ...]:
    return tuple(
        Option(ctx.t("pair-mentor-option", name=m.name, free=m.free_places), f"p{m.person_id}")
        for m in mentor_profiles(ctx.session, programme)
        if m.free_places > 0
    )[:MAX_CHOICES]


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """Mentee among those waiting for a mentor, mentor among those with room, the reason."""
    programme = ctx.session.get(Programme, params["programme"])
    assert programme is not None
    choice = FieldKind.choice
    return ctx.t("pair-form-title", programme=programme.name), [
        FormField("mentee", ctx.t("pair-f-mentee"), choice, _mentee_options(ctx, programme)),
        FormField("mentor", ctx.t("pair-f-mentor"), choice, _mentor_options(ctx, programme)),
        FormField("reason", ctx.t("pair-f-reason"), hint=ctx.t("pair-h-reason"), max_length=500),
    ]


def submit_form(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Form the pair, or put the rule that refuses it on the field it concerns."""
    programme = ctx.session.get(Programme, params["programme"])
    if programme is None or not may(ctx.session, ctx.me, programme, GrantRole.admin):
        ctx.say("admin-refused")
        return None
    mentee, mentor = int(values["mentee"][1:]), int(values["mentor"][1:])
    made = committee_pair(ctx, programme, mentee, mentor, values["reason"])
    if isinstance(made, Refusal):
        record(ctx.session, ctx.me, "pair.refused", programme.slug, via="chat", rule=made.rule)
        return {made.field: FieldError(made.key, made.params)}
    record(
        ctx.session,
        ctx.me,
        "pair.committee",
        programme.slug,
        via="chat",
        pair=made.id,
        reason=made.committee_reason,
    )
    ctx.say("pair-done", mentee=_name(ctx, mentee), mentor=_name(ctx, mentor))
    return None


def _name(ctx: Ctx, person_id: int) -> str:
    person = ctx.session.get(Person, person_id)
    return (person.display_name if person else "") or "?"


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))

    @section(router, "matching", "admin-section-matching")
    def matching(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show how many mentees would get how many proposals, with a button to publish."""
        assert programme is not None
        drafts = [draft for _, draft in drafts_of(ctx.session, programme)]
        text = "\n".join(summary_lines(ctx.person.locale, programme, drafts))
        if not drafts:
            ctx.send_text(text)
            return
        options = [(ctx.t("match-publish"), "publish")]
        ctx.ask(text, options, PUBLISH_ACTION, {"programme": programme.id})

    @router.action(PUBLISH_ACTION)
    def publish_now(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Publish the proposals (the role is checked again: the button may be old)."""
        programme = ctx.session.get(Programme, context["programme"])
        if programme is None:
            ctx.say("error-button-stale")
            return
        if not may(ctx.session, ctx.me, programme, GrantRole.admin):
            record(ctx.session, ctx.me, "match.apply.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        done = publish(ctx, programme)
        record(
            ctx.session,
            ctx.me,
            "match.apply",
            programme.slug,
            via="chat",
            offered=done.offered,
            without=done.without,
        )
        ctx.say("match-published", offered=done.offered, without=done.without)

    @section(router, "pair", "admin-section-pair")
    def pair(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Open the committee's form, or say why no pair can be formed now."""
        assert programme is not None
        if not _mentee_options(ctx, programme):
            ctx.say("pair-no-mentee")
        elif not _mentor_options(ctx, programme):
            ctx.say("pair-no-mentor")
        else:
            open_form(ctx, FORM, {"programme": programme.id})
