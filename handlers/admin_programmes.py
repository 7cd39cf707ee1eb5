"""Programmes in the chat: the admins' form to create or edit one, and the programme section.

The form's answers become the same `ProgrammeSettings` the programme file gives, validated by
the same model, so a programme made here and one made from a file with the same answers are
equal. Keys that hold lists of tables (events, the programme's own application questions, the
charter) and the matching weights are set with the file; the form keeps them as they are.

```mermaid
stateDiagram-v2
    [*] --> section: /admin -> programme
    section --> form: edit / new programme
    form --> form: a key refused by the model (asked again with the reason)
    form --> [*]: saved -> what changed, members asked to sign a new charter
    section --> [*]: open or close applications now
```
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.domain.programme_settings import ProgrammeSettings, validate
from bot.domain.programme_times import read_day
from handlers.admin import section
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.programme_changes import after_save, set_window
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from messages.catalog import format_short_day, format_when, has_text
from storage.audit import record
from storage.models import Programme
from storage.programmes import programme_by_slug, save_settings, settings_of

FORM = "programme"
DATES = ("applications_open", "applications_close", "starts", "ends", "midterm", "final")
NUMBERS = {
    "target_sessions": (1, 24),
    "max_gap_weeks": (1, 26),
    "proposals": (3, 5),
    "mentor_capacity": (1, 10),
    "answer_delay_days": (1, 30),
    "mentor_min_years": (0, 60),
    "mentor_min_posts": (0, 50),
    "mentee_min_years": (0, 60),
    "mentee_min_posts": (0, 50),
    "retention_months": (1, 120),
    "pulse_weeks": (0, 12),
}
YES_NO = ("other_organisation", "in_person", "free_text_in_synthesis")
LISTS = ("topics", "themes")
ORDER = (
    "slug", "name", "track", "language", "timezone", *DATES[:4], "target_sessions",
    "max_gap_weeks", "proposals", "mentor_capacity", "matching", "answer_delay_days",
    "other_organisation", "in_person", "topics", "themes", "mentor_min_years",
    "mentor_min_posts", "mentee_min_years", "mentee_min_posts", "midterm", "final",
    "free_text_in_synthesis", "pulse_weeks", "retention_months", "alternative",
)  # fmt: skip
NESTED = {
    "mentor_min_years": ("eligibility", "mentor", "min_years"),
    "mentor_min_posts": ("eligibility", "mentor", "min_posts"),
    "mentee_min_years": ("eligibility", "mentee", "min_years"),
    "mentee_min_posts": ("eligibility", "mentee", "min_posts"),
    "midterm": ("questionnaires", "midterm"),
    "final": ("questionnaires", "final"),
}


def _field(ctx: Ctx, name: str) -> FormField:
    label, hint = ctx.t(f"pf-{name}"), ctx.t(f"pf-{name}-hint")
    optional = name not in ("slug", "name")
    if name in NUMBERS:
        low, high = NUMBERS[name]
        return FormField(
            name, label, FieldKind.number, required=False, hint=hint, low=low, high=high
        )
    if name in YES_NO:
        options = (Option(ctx.t("pf-yes"), "yes"), Option(ctx.t("pf-no"), "no"))
        return FormField(name, label, FieldKind.choice, options, required=False, hint=hint)
    if name == "language":
        options = (Option("Français", "fr"), Option("English", "en"))
        return FormField(name, label, FieldKind.choice, options, required=False, hint=hint)
    if name == "matching":
        modes = ("on_apply", "at_close", "committee")
        options = tuple(Option(ctx.t(f"pf-matching-{mode}"), mode) for mode in modes)
        return FormField(name, label, FieldKind.choice, options, required=False, hint=hint)
    limit = 2000 if name == "alternative" else 1000 if name in LISTS else 200
    return FormField(
        name, label, FieldKind.text, required=not optional, hint=hint, max_length=limit
    )


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """Every key the chat can set; the slug only when creating (it names the programme)."""
    names = [n for n in ORDER if n != "slug" or not params.get("slug")]
    title = ctx.t("pf-title-edit" if params.get("slug") else "pf-title-new")
    return title, [_field(ctx, name) for name in names]


def _shown_day(ctx: Ctx, value: date | datetime) -> str:
    if isinstance(value, datetime):
        day = format_short_day(value.date(), ctx.person.locale)
        return f"{day} {value:%H:%M}"
    return format_short_day(value, ctx.person.locale)


def answers_of(ctx: Ctx, settings: ProgrammeSettings) -> dict[str, Any]:
    """The form's answers that recreate `settings` (to prefill the edit form)."""
    dumped = settings.model_dump()
    answers: dict[str, Any] = {}
    for name in ORDER:
        path = NESTED.get(name, (name,))
        value: Any = dumped
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or value == "":
            continue
        if name in DATES:
            answers[name] = _shown_day(ctx, value)
        elif name in YES_NO:
            answers[name] = "yes" if value else "no"
        elif name in LISTS:
            answers[name] = ", ".join(value)
        else:
            answers[name] = value
    return answers


def settings_data(values: dict[str, Any], slug: str | None) -> dict[str, Any]:
    """The form's answers as the data of a programme file (unanswered keys left out)."""
    data: dict[str, Any] = {"slug": slug} if slug else {}
    for name, value in values.items():
        if value is None or value == "":
            continue
        if name in YES_NO:
            value = value == "yes"
        elif name in LISTS:
            value = [
                part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()
            ]
        path = NESTED.get(name, (name,))
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return data


def submit_form(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Validate with the programme model; save; say what changed."""
    read: dict[str, Any] = {}
    for name, value in values.items():
        if name in DATES and value:
            day = read_day(str(value), ctx.person.locale)
            if day is None:
                return {name: FieldError("pf-error-date", {})}
            read[name] = day
        else:
            read[name] = value
    slug = params.get("slug")
    if slug is None and programme_by_slug(ctx.session, str(read.get("slug", ""))) is not None:
        return {"slug": FieldError("pf-error-slug-taken", {})}
    data = settings_data(read, slug)
    if slug:
        existing = programme_by_slug(ctx.session, slug)
        if existing is None:
            ctx.say("error-button-stale")
            return None
        kept = settings_of(ctx.session, existing)
        data |= {k: v for k, v in kept.model_dump(exclude_none=True).items() if k in KEPT}
    checked = validate(data)
    if isinstance(checked, list):
        return _errors(checked)
    saved = save_settings(ctx.session, checked, ctx.now)
    after_save(ctx.session, saved, ctx.now)
    record(ctx.session, ctx.me, "programme.apply", saved.programme.slug, via="chat")
    if saved.created:
        ctx.say("pf-created", programme=saved.programme.name)
    elif saved.changed:
        labels = ", ".join(_label(ctx, key) for key in saved.changed)
        ctx.say("pf-updated", programme=saved.programme.name, keys=labels)
    else:
        ctx.say("pf-unchanged", programme=saved.programme.name)
    return None


KEPT = ("events", "application_questions", "charter", "weights")


def _label(ctx: Ctx, key: str) -> str:
    field = {"eligibility": "mentor_min_years", "questionnaires": "midterm"}.get(key, key)
    return ctx.t(f"pf-{field}") if field in ORDER else key


def _errors(errors: list[Any]) -> dict[str, FieldError]:
    """The model's errors on the form's fields (a whole-model error goes on the first date)."""
    found: dict[str, FieldError] = {}
    by_path = {".".join(path): name for name, path in NESTED.items()}
    for error in errors:
        name = by_path.get(error.key, error.key.split(".")[0])
        if name not in ORDER:
            continue
        key = f"pf-error-{error.code.replace('_', '-')}"
        found.setdefault(name, FieldError(key if has_text(key) else "pf-error-invalid", {}))
    return found


def summary(ctx: Ctx, programme: Programme) -> str:
    """The programme's main settings, as a coordinator reads them."""
    zone = ctx.person.timezone

    def when(moment: datetime | None) -> str:
        return format_when(moment, ctx.person.locale, zone) if moment else ctx.t("pf-none")

    return ctx.t(
        "pf-summary",
        programme=programme.name,
        opens=when(programme.applications_open_at),
        closes=when(programme.applications_close_at),
        starts=when(programme.starts_at),
        ends=when(programme.ends_at),
        matching=ctx.t(f"pf-matching-{programme.matching}"),
        proposals=programme.proposals_count,
        capacity=programme.mentor_capacity,
        in_person="yes" if programme.in_person else "no",
        sessions=programme.target_sessions,
        weeks=programme.max_gap_days // 7,
        topics=", ".join(programme.topics) or ctx.t("pf-none"),
    )


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))

    @section(router, "programme", "admin-section-programme")
    def programme_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the programme's settings with what can be done."""
        assert programme is not None
        options = [
            (ctx.t("pf-edit"), "edit"),
            (ctx.t("pf-open-now"), "open"),
            (ctx.t("pf-close-now"), "close"),
        ]
        ctx.ask(summary(ctx, programme), options, "programme-do", {"programme": programme.id})

    @section(router, "new", "admin-new-programme", per_programme=False)
    def new_programme(ctx: Ctx, _programme: Programme | None, _args: str) -> None:
        """Open the form that creates a programme."""
        open_form(ctx, FORM, {})

    @router.action("programme-do")
    def programme_do(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Edit the programme, or open or close its applications now."""
        from handlers.admin import may

        programme = ctx.session.get(Programme, context["programme"])
        if programme is None:
            ctx.say("error-button-stale")
            return
        if not may(ctx.session, ctx.me, programme, "admin"):
            record(ctx.session, ctx.me, f"programme.{value}.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        if value == "edit":
            settings = settings_of(ctx.session, programme)
            open_form(ctx, FORM, {"slug": programme.slug}, answers_of(ctx, settings))
            return
        set_window(programme, value, ctx.now)
        ctx.session.add(programme)
        record(ctx.session, ctx.me, f"programme.{value}", programme.slug, via="chat")
        ctx.say(f"pf-{value}-done", programme=programme.name)
