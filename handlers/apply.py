"""Apply as mentor, mentee or both; read, edit or withdraw the application until matching.

```mermaid
stateDiagram-v2
    [*] --> role: /apply (window open)
    role --> form: mentor / mentee / both
    form --> eligible: rules met -> (mentee) proposals
    form --> ineligible: a rule unmet -> which rule, and the programme's alternative
    eligible --> form: /application -> edit
    eligible --> withdrawn: /application -> withdraw
```
"""

from __future__ import annotations

from typing import Any

from bot.domain.eligibility import unmet_rules
from handlers.context import Ctx
from handlers.forms import FormSpec, form_text, open_form
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from messages.catalog import LANGUAGE_NAMES, format_when
from storage.applications import applications_of, programmes_not_closed, save_application
from storage.enums import ApplicationStatus, Role
from storage.models import Application, Programme

FORMATS = ("video", "in_person", "phone", "any")


def window_problem(ctx: Ctx, programme: Programme) -> str | None:
    """Why this programme takes no application now, in the person's words; None if it does."""
    if programme.applications_open_at and ctx.now < programme.applications_open_at:
        when = format_when(programme.applications_open_at, ctx.person.locale, ctx.person.timezone)
        return ctx.t("apply-not-open-yet", programme=programme.name, when=when)
    if programme.applications_close_at and ctx.now >= programme.applications_close_at:
        return ctx.t("apply-closed", programme=programme.name)
    return None


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    programme = ctx.session.get(Programme, params["programme"])
    assert programme is not None
    mentee = Role.mentee in params["roles"]
    formats = tuple(Option(ctx.t(f"format-{code}"), code) for code in FORMATS)
    languages = tuple(Option(name, code) for code, name in LANGUAGE_NAMES.items())
    topics = tuple(Option(topic, topic) for topic in programme.topics)
    text = FieldKind.text
    fields = [
        FormField("organisation", ctx.t("apply-f-organisation"), text, max_length=200),
        FormField("unit", ctx.t("apply-f-unit"), text, required=False, max_length=200),
        FormField(
            "manager", ctx.t("apply-f-manager"), text, hint=ctx.t("apply-h-manager"), max_length=200
        ),
        FormField("job", ctx.t("apply-f-job"), text, max_length=200),
        FormField("years", ctx.t("apply-f-years"), FieldKind.number, high=60),
        FormField("posts", ctx.t("apply-f-posts"), FieldKind.number, high=50),
        FormField("location", ctx.t("apply-f-location"), text, max_length=200),
        FormField("topics", ctx.t("apply-f-topics"), FieldKind.multi, options=topics),
        FormField(
            "expectations", ctx.t("apply-f-expectations" if mentee else "apply-f-offer"), text
        ),
        FormField("motivation", ctx.t("apply-f-motivation"), text),
        FormField("availability", ctx.t("apply-f-availability"), text, max_length=300),
        FormField("format", ctx.t("apply-f-format"), FieldKind.choice, options=formats),
        FormField("languages", ctx.t("apply-f-languages"), FieldKind.multi, options=languages),
    ]
    if not topics:
        fields = [f for f in fields if f.name != "topics"]
    return form_text(ctx, "apply-form-title", programme=programme.name), fields


def submit_form(ctx: Ctx, values: dict[str, Any], params: dict[str, Any]) -> None:
    """Save the application(s), check eligibility, and say what happens next."""
    programme = ctx.session.get(Programme, params["programme"])
    assert programme is not None
    problem = window_problem(ctx, programme)
    if problem:
        ctx.send_text(problem)
        return
    record_application(ctx, programme, params["roles"], values)


def record_application(
    ctx: Ctx, programme: Programme, roles: list[str], values: dict[str, Any]
) -> None:
    """Keep the person's details, save one application per role, check eligibility, and say
    what happens next (a mentee's proposals). Shared by the form and the confirmation of an
    imported application."""
    from handlers.cohort import after_eligible_mentor
    from handlers.matching_flow import after_eligible_mentee

    person = ctx.person
    person.organisation, person.unit = values["organisation"], values.get("unit") or ""
    person.manager, person.location = values["manager"], values["location"]
    ctx.session.add(person)
    for role in roles:
        unmet = unmet_rules(programme.eligibility, role, values)
        reason = unmet[0].rule if unmet else ""
        application = save_application(ctx.session, programme.id, person.id, role, values, reason)
        role_name = ctx.t(f"role-{role}")
        if unmet:
            rule = unmet[0]
            said = ctx.t(f"rule-{rule.rule}", required=rule.required, given=rule.given)
            ctx.say("apply-ineligible", role=role_name, rule=said)
            ctx.send_text(programme.alternative or ctx.t("apply-alternative-default"))
            continue
        ctx.say("apply-eligible", role=role_name, programme=programme.name)
        if role == Role.mentor:
            ctx.say("apply-next-mentor")
            after_eligible_mentor(ctx, programme, application)
        else:
            after_eligible_mentee(ctx, programme, application)


def register(router: Router) -> None:
    router.form(FormSpec("application", build_form, submit_form))

    @router.command("apply", "candidater", help_key="help-cmd-apply")
    def apply(ctx: Ctx, _args: str) -> None:
        """Start an application in the programme open now."""
        programmes = programmes_not_closed(ctx.session, ctx.now)
        if not programmes:
            ctx.say("apply-no-programme")
            return
        invited = [p for p in programmes if p.id == ctx.person.programme_id]
        mine = {a.programme_id for a in applications_of(ctx.session, ctx.me)}
        open_now = [p for p in programmes if window_problem(ctx, p) is None and p.id not in mine]
        if invited:
            ask_role(ctx, invited[0])
        elif len(open_now) > 1:
            options = [(p.name, str(p.id)) for p in open_now]
            ctx.ask(ctx.t("apply-which-programme"), options, "apply-programme")
        else:
            ask_role(ctx, (open_now or programmes)[0])

    @router.action("apply-programme")
    def programme_chosen(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Apply to the programme picked among those open now."""
        programme = ctx.session.get(Programme, int(value))
        if programme is None:
            ctx.say("error-button-stale")
        else:
            ask_role(ctx, programme)

    def ask_role(ctx: Ctx, programme: Programme) -> None:
        problem = window_problem(ctx, programme)
        if problem:
            ctx.send_text(problem)
            return
        if any(a.programme_id == programme.id for a in applications_of(ctx.session, ctx.me)):
            show_application(ctx, "")
            return
        options = [
            (ctx.t("apply-as-mentee"), Role.mentee),
            (ctx.t("apply-as-mentor"), Role.mentor),
            (ctx.t("apply-as-both"), "both"),
        ]
        ctx.ask(ctx.t("apply-role-question"), options, "apply-role", {"programme": programme.id})

    @router.action("apply-role")
    def role_chosen(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Open the application form for the chosen role(s)."""
        roles = [Role.mentee, Role.mentor] if value == "both" else [value]
        open_form(ctx, "application", {"programme": context["programme"], "roles": roles})

    @router.command("application", "candidature", help_key="help-cmd-application")
    def show_application(ctx: Ctx, _args: str) -> None:
        """Show the person's application, with edit and withdraw while matching has not happened."""
        live = applications_of(ctx.session, ctx.me)
        if not live:
            ctx.say("application-none")
            return
        ctx.send_text(_summary(ctx, live))
        editable = [a for a in live if a.status != ApplicationStatus.matched]
        if editable:
            options = [
                (ctx.t("application-edit"), "edit"),
                (ctx.t("application-withdraw"), "withdraw"),
            ]
            ctx.ask(
                ctx.t("application-what"), options, "application", {"ids": [a.id for a in editable]}
            )

    @router.action("application")
    def manage(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Edit or withdraw the application(s) shown."""
        editable = _still_editable(ctx, context["ids"])
        if not editable:
            ctx.say("application-locked")
        elif value == "edit":
            params = {"programme": editable[0].programme_id, "roles": [a.role for a in editable]}
            open_form(ctx, "application", params, dict(editable[0].answers))
        else:
            options = [
                (ctx.t("application-withdraw-yes"), "yes"),
                (ctx.t("application-withdraw-no"), "no"),
            ]
            ctx.ask(ctx.t("application-withdraw-confirm"), options, "application-withdraw", context)

    @router.action("application-withdraw")
    def withdraw(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Withdraw on yes."""
        if value != "yes":
            ctx.say("application-kept")
            return
        for application in _still_editable(ctx, context["ids"]):
            application.status = ApplicationStatus.withdrawn
            ctx.session.add(application)
        ctx.say("application-withdrawn")


def _still_editable(ctx: Ctx, ids: list[int]) -> list[Application]:
    live = applications_of(ctx.session, ctx.me)
    return [a for a in live if a.id in ids and a.status != ApplicationStatus.matched]


def _summary(ctx: Ctx, applications: list[Application]) -> str:
    lines = []
    for application in applications:
        status = ctx.t(f"application-status-{application.status}")
        lines.append(
            ctx.t("application-line", role=ctx.t(f"role-{application.role}"), status=status)
        )
    answers = applications[0].answers
    lines.append(
        ctx.t(
            "application-answers",
            job=answers.get("job", ""),
            organisation=answers.get("organisation", ""),
            topics=", ".join(answers.get("topics", [])),
        )
    )
    return "\n".join(lines)
