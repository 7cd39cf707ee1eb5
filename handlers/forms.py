"""Forms: a modal where the platform has them, else asked field by field with state in the database.

```mermaid
stateDiagram-v2
    [*] --> field: open_form
    field --> field: valid answer (next) / bad answer (asked again) / `/back`
    field --> confirm_date: a date was read
    field --> ask_time: a day with no time -> its time is asked
    ask_time --> confirm_date: a time
    field --> pick_date: several readings ("le 20", "12/4") -> one is picked, or none
    pick_date --> ask_time: a day picked
    confirm_date --> field: "yes" (next; a range like "14h-15h" fills the duration) or "no"
    field --> [*]: last field answered -> the form's submit
    field --> [*]: `/cancel`
```
Killing the process loses nothing: the answers so far and the current field are in the state row.
Answers to `secret` fields (private notes) wait there encrypted, like every private note.
A command typed meanwhile keeps its own question (`/language` then `2` picks English, not the
field's answer) and the field is asked again after it (see `handlers.router`). A form waiting
in a Slack modal (step `modal`) takes no typed text: the DM goes on as outside any form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.domain.dates import Ambiguous, Day, Moment
from handlers.context import Ctx
from handlers.fields import (
    DATE_KINDS,
    DateReading,
    FieldError,
    Reading,
    candidate_labels,
    checked,
    parse_field,
    range_minutes,
    read_date,
    shown_minutes,
)
from handlers.router import MODAL_STEP, Router
from handlers.text import match_option
from handlers.ui import FieldKind, Form, FormErrors, FormField
from messages.catalog import format_day, format_when
from storage.conversations import close_prompts
from storage.crypto import decrypt, encrypt

FLOW = "form"
FIELD_ACTIONS = ("form-field", "form-date", "form-date-pick")
DATE_STATE = ("pending", "minutes", "assumed", "candidates", "day")
SEALED = "sealed"
Builder = Callable[[Ctx, dict[str, Any]], tuple[str, list[FormField]]]
Submitter = Callable[[Ctx, dict[str, Any], dict[str, Any]], dict[str, FieldError] | None]


@dataclass(frozen=True)
class FormSpec:
    """How to build a form for a person, and what to do with its values."""

    form_id: str
    build: Builder
    submit: Submitter


def open_form(
    ctx: Ctx,
    form_id: str,
    params: dict[str, Any] | None = None,
    values: dict[str, Any] | None = None,
) -> None:
    """Show the form `form_id`, prefilled with `values`."""
    params, values = params or {}, values or {}
    title, fields = ctx.router.forms[form_id].build(ctx, params)
    data = {"form": form_id, "params": params, "values": values, "index": 0, "pending": None}
    if ctx.modal_forms:
        ctx.goto(FLOW, MODAL_STEP, data)
        ctx.send(modal_form(ctx, form_id, title, fields, values))
        return
    ctx.goto(FLOW, fields[0].name, data)
    ctx.send_text(title)
    _ask(ctx, fields, data)


def _reading(ctx: Ctx) -> Reading:
    return Reading(ctx.person.locale, ctx.person.timezone, ctx.now)


def shown_value(ctx: Ctx, field: FormField, value: Any) -> str:
    """A stored value as the person reads it."""
    labels = {option.value: option.label for option in field.options}
    if field.kind is FieldKind.choice:
        return labels.get(value, str(value))
    if field.kind is FieldKind.multi:
        return ", ".join(labels.get(v, str(v)) for v in value)
    if field.kind is FieldKind.date:
        return format_when(datetime.fromisoformat(value), ctx.person.locale, ctx.person.timezone)
    if field.kind is FieldKind.day:
        return format_day(date.fromisoformat(value), ctx.person.locale)
    if field.kind is FieldKind.duration and isinstance(value, int):
        return shown_minutes(value, ctx.person.locale)
    return str(value)


def _ask(ctx: Ctx, fields: list[FormField], data: dict[str, Any]) -> None:
    close_prompts(ctx.session, ctx.me, FIELD_ACTIONS)
    index = data["index"]
    field = fields[index]
    lines = [ctx.t("form-progress", index=index + 1, total=len(fields), label=field.label)]
    if field.hint:
        lines.append(field.hint)
    current = data["values"].get(field.name)
    if current not in (None, "", []) and not field.secret:
        lines.append(ctx.t("form-current", value=shown_value(ctx, field, current)[:300]))
    if not field.required:
        lines.append(ctx.t("form-optional"))
    if field.kind is FieldKind.multi:
        lines += [f"  {i}. {option.label}" for i, option in enumerate(field.options, 1)]
        lines.append(ctx.t("form-multi-hint"))
    if field.kind is FieldKind.choice:
        options = [(option.label, option.value) for option in field.options]
        ctx.ask("\n".join(lines), options, "form-field", {"form": data["form"], "index": index})
    else:
        ctx.send_text("\n".join(lines))


def _kept(ctx: Ctx, field: FormField, value: Any) -> Any:
    """A field's answer as it may wait in the state row: encrypted when the field is secret."""
    if field.secret and value is not None:
        return {SEALED: encrypt(ctx.cipher, value).decode("ascii")}
    return value


def _is_sealed(value: Any) -> bool:
    return isinstance(value, dict) and SEALED in value


def _unsealed(ctx: Ctx, values: dict[str, Any]) -> dict[str, Any]:
    """The answers with the secret ones decrypted, for the form's submit only."""
    return {
        name: decrypt(ctx.cipher, value[SEALED].encode("ascii")) if _is_sealed(value) else value
        for name, value in values.items()
    }


def current_form(ctx: Ctx) -> Form | None:
    """The form waiting as a modal for this person, prefilled with what they gave (not secrets)."""
    if ctx.state.flow != FLOW or ctx.state.step != MODAL_STEP:
        return None
    data = ctx.state.data
    title, fields = ctx.router.forms[data["form"]].build(ctx, data["params"])
    shown = {k: v for k, v in data["values"].items() if not _is_sealed(v)}
    return modal_form(ctx, data["form"], title, fields, shown)


def modal_form(
    ctx: Ctx, form_id: str, title: str, fields: list[FormField], values: dict[str, Any]
) -> Form:
    """The form as a modal shows it: a short title of its own, dates in the person's zone."""
    short = ctx.t(f"modal-title-{form_id}")
    return Form(form_id, title, tuple(fields), values, short, ctx.person.timezone)


def form_text(ctx: Ctx, key: str, **params: Any) -> str:
    """A form's introduction: its `-modal` variant in a modal, which has its own Cancel button
    and where `/back` or `/cancel` would be taken for Slack commands."""
    return ctx.t(f"{key}-modal" if ctx.modal_forms else key, **params)


def repeat_question(ctx: Ctx) -> None:
    """Ask the current field of the form in progress again (after a restart, or on /status)."""
    data = dict(ctx.state.data)
    form = current_form(ctx)
    if form is not None:
        ctx.send(form)
        return
    fields = _fields(ctx, data)
    field = fields[data["index"]]
    if data.get("pending") is not None:
        _confirm_date(ctx, field, data)
    elif data.get("candidates"):
        _ask_candidates(ctx, field, data)
    elif data.get("day"):
        _ask_time(ctx, data)
    else:
        _ask(ctx, fields, data)


def _fields(ctx: Ctx, data: dict[str, Any]) -> list[FormField]:
    return ctx.router.forms[data["form"]].build(ctx, data["params"])[1]


def _answer(ctx: Ctx, raw: Any) -> None:
    data = dict(ctx.state.data)
    fields = _fields(ctx, data)
    field = fields[data["index"]]
    if raw == "=" and data["values"].get(field.name) not in (None, "", []):
        _advance(ctx, fields, data)
        return
    if field.kind in DATE_KINDS:
        _answer_date(ctx, fields, data, raw)
        return
    value = parse_field(field, raw, _reading(ctx))
    if isinstance(value, FieldError):
        ctx.say(value.key, **value.params)
        _ask(ctx, fields, data)
        return
    data["values"] = {**data["values"], field.name: _kept(ctx, field, value)}
    _advance(ctx, fields, data)


def _without_date_state(data: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in data.items() if k not in DATE_STATE}, "pending": None}


def _answer_date(ctx: Ctx, fields: list[FormField], data: dict[str, Any], raw: Any) -> None:
    """Read a date: confirm it, ask its time, or offer its readings; a bad one is asked again."""
    field = fields[data["index"]]
    on = date.fromisoformat(data["day"]) if data.get("day") else None
    found = read_date(field, raw, _reading(ctx), on)
    if isinstance(found, FieldError):
        ctx.say(found.key, **found.params)
        if on is not None:
            _ask_time(ctx, data)
            return
        data = _without_date_state(data)
        ctx.goto(FLOW, field.name, data)
        _ask(ctx, fields, data)
        return
    _offer_date(ctx, fields, _without_date_state(data), found)


def _offer_date(
    ctx: Ctx, fields: list[FormField], data: dict[str, Any], found: DateReading
) -> None:
    field = fields[data["index"]]
    if isinstance(found, Ambiguous):
        data["candidates"] = [_stored(candidate) for candidate in found.candidates]
        ctx.goto(FLOW, field.name, data)
        _ask_candidates(ctx, field, data)
    elif isinstance(found, Day) and field.kind is FieldKind.date:
        data["day"] = found.day.isoformat()
        ctx.goto(FLOW, field.name, data)
        _ask_time(ctx, data)
    else:
        data["pending"] = _stored(found)["at"]
        if isinstance(found, Moment):
            data["minutes"], data["assumed"] = found.minutes, found.assumed_hour
        ctx.goto(FLOW, field.name, data)
        _confirm_date(ctx, field, data)


def _stored(found: Moment | Day) -> dict[str, Any]:
    """A reading as it waits in the state row."""
    if isinstance(found, Day):
        return {"at": found.day.isoformat(), "day": True}
    return {"at": found.start.isoformat(), "minutes": found.minutes, "assumed": found.assumed_hour}


def _restored(stored: dict[str, Any]) -> Moment | Day:
    if stored.get("day"):
        return Day(date.fromisoformat(stored["at"]))
    return Moment(datetime.fromisoformat(stored["at"]), stored["minutes"], stored["assumed"])


def _ask_time(ctx: Ctx, data: dict[str, Any]) -> None:
    close_prompts(ctx.session, ctx.me, FIELD_ACTIONS)
    ctx.say("date-ask-time", day=format_day(date.fromisoformat(data["day"]), ctx.person.locale))


def _ask_candidates(ctx: Ctx, field: FormField, data: dict[str, Any]) -> None:
    """Offer each reading of an ambiguous date, and "none" to type it again."""
    found = Ambiguous(tuple(_restored(stored) for stored in data["candidates"]))
    labels = candidate_labels(found, _reading(ctx))
    options = [(label, str(index)) for index, label in enumerate(labels)]
    options.append((ctx.t("date-none"), "none"))
    question = ctx.t("date-which" if len(labels) > 1 else "date-which-one")
    ctx.ask(question, options, "form-date-pick", {"form": data["form"], "index": data["index"]})


def _confirm_date(ctx: Ctx, field: FormField, data: dict[str, Any]) -> None:
    """Show the date that was read (with its length, or the hour chosen for "matin") and ask
    whether to keep it."""
    shown = shown_value(ctx, field, data["pending"])
    yes_no = [(ctx.t("form-date-yes"), "yes"), (ctx.t("form-date-no"), "no")]
    if data.get("minutes") and _duration_field(ctx, data) is not None:
        duration = shown_minutes(data["minutes"], ctx.person.locale)
        text = ctx.t("date-understood-range", when=shown, duration=duration)
    elif data.get("assumed"):
        text = ctx.t("date-understood-assumed", when=shown)
    else:
        text = ctx.t("form-date-understood", when=shown)
    ctx.ask(text, yes_no, "form-date", {"form": data["form"]})


def _duration_field(ctx: Ctx, data: dict[str, Any]) -> FormField | None:
    """The form's duration field, which a range typed as a date ("14h-15h") fills."""
    fields = _fields(ctx, data)
    return next((f for f in fields if f.kind is FieldKind.duration), None)


def _keep_date(ctx: Ctx, fields: list[FormField], data: dict[str, Any], value: str) -> None:
    """Keep a date, fill the duration from its range if the form has one, and go on."""
    values = {**data["values"], fields[data["index"]].name: value}
    duration = _duration_field(ctx, data)
    minutes = data.get("minutes")
    if duration is not None and minutes and duration.low <= minutes <= duration.high:
        values[duration.name] = minutes
    _advance(ctx, fields, {**data, "values": values})


def _advance(ctx: Ctx, fields: list[FormField], data: dict[str, Any]) -> None:
    data = _without_date_state(data)
    data["index"] += 1
    if data["index"] < len(fields):
        ctx.goto(FLOW, fields[data["index"]].name, data)
        _ask(ctx, fields, data)
        return
    _submit(ctx, fields, data)


def _submit(ctx: Ctx, fields: list[FormField], data: dict[str, Any]) -> None:
    spec = ctx.router.forms[data["form"]]
    close_prompts(ctx.session, ctx.me, FIELD_ACTIONS)
    ctx.finish()
    errors = spec.submit(ctx, _unsealed(ctx, data["values"]), data["params"])
    if not errors:
        return
    if ctx.modal_forms:
        ctx.goto(FLOW, MODAL_STEP, data)
        ctx.send(FormErrors(data["form"], {n: ctx.t(e.key, **e.params) for n, e in errors.items()}))
        return
    name, error = next(iter(errors.items()))
    ctx.say(error.key, **error.params)
    data["index"] = next(i for i, f in enumerate(fields) if f.name == name)
    ctx.goto(FLOW, name, data)
    _ask(ctx, fields, data)


def _submit_modal(ctx: Ctx, form_id: str, submitted: dict[str, Any]) -> None:
    data = dict(ctx.state.data)
    if ctx.state.flow != FLOW or data.get("form") != form_id:
        ctx.say("error-form-stale")
        return
    fields = _fields(ctx, data)
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        value = parse_field(field, submitted.get(field.name), _reading(ctx))
        if isinstance(value, FieldError):
            errors[field.name] = ctx.t(value.key, **value.params)
        else:
            values[field.name] = _kept(ctx, field, value)
    if not errors:
        errors = _fill_duration(ctx, fields, submitted, values, data["values"])
    if errors:
        ctx.send(FormErrors(form_id, errors))
        return
    _submit(ctx, fields, {**data, "values": values})


def _fill_duration(
    ctx: Ctx,
    fields: list[FormField],
    submitted: dict[str, Any],
    values: dict[str, Any],
    prefilled: dict[str, Any],
) -> dict[str, str]:
    """A range typed in a modal's date field ("14h-15h") sets the duration left as it was
    prefilled; a duration changed to something else is an error, not a silent choice."""
    duration = next((f for f in fields if f.kind is FieldKind.duration), None)
    if duration is None:
        return {}
    for field in fields:
        minutes = range_minutes(field, submitted.get(field.name), _reading(ctx))
        if minutes is None or values.get(duration.name) == minutes:
            continue
        if values.get(duration.name) in (None, prefilled.get(duration.name)):
            values[duration.name] = minutes
            continue
        locale = ctx.person.locale
        given = shown_minutes(values[duration.name], locale)
        text = ctx.t("duration-conflict", range=shown_minutes(minutes, locale), given=given)
        return {duration.name: text}
    return {}


def register(router: Router) -> None:
    @router.flow(FLOW, resume=repeat_question, own_actions=FIELD_ACTIONS)
    def on_text(ctx: Ctx, text: str) -> None:
        """Take the answer to the current field, to the date confirmation, or the pick among
        a date's readings; any other text is a new answer to the field."""
        data = ctx.state.data
        if data.get("pending") is not None:
            choice = match_option(text, [ctx.t("form-date-yes"), ctx.t("form-date-no")])
            if choice is not None:
                confirm_date(ctx, "yes" if choice == 0 else "no", {})
                return
        elif data.get("candidates"):
            found = Ambiguous(tuple(_restored(stored) for stored in data["candidates"]))
            labels = [*candidate_labels(found, _reading(ctx)), ctx.t("date-none")]
            choice = match_option(text, labels)
            if choice is not None:
                pick_date(ctx, "none" if choice == len(labels) - 1 else str(choice), {})
                return
        _answer(ctx, text)

    @router.form_submission
    def on_submission(ctx: Ctx, form_id: str, values: dict[str, Any]) -> None:
        """Check every field of a modal's submission; errors go back to the fields."""
        _submit_modal(ctx, form_id, values)

    @router.action("form-field")
    def on_option(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A click on an option of the current choice field."""
        if not _current(ctx, context):
            return
        _answer(ctx, value)

    @router.action("form-date")
    def confirm_date(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Keep the date that was read, or ask again."""
        data = dict(ctx.state.data)
        if (context and not _current(ctx, context)) or data.get("pending") is None:
            return
        fields = _fields(ctx, data)
        if value == "yes":
            _keep_date(ctx, fields, data, data["pending"])
        else:
            data = _without_date_state(data)
            ctx.goto(FLOW, fields[data["index"]].name, data)
            _ask(ctx, fields, data)

    @router.action("form-date-pick")
    def pick_date(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Keep the reading picked (a day: its time is asked next), or ask the field again."""
        data = dict(ctx.state.data)
        if (context and not _current(ctx, context)) or not data.get("candidates"):
            return
        fields = _fields(ctx, data)
        field = fields[data["index"]]
        known = value.isdigit() and int(value) < len(data["candidates"])
        stored = data["candidates"][int(value)] if known else None
        data = _without_date_state(data)
        if stored is None:
            ctx.goto(FLOW, field.name, data)
            _ask(ctx, fields, data)
            return
        found = checked(field, _restored(stored), _reading(ctx))
        if isinstance(found, FieldError):
            ctx.say(found.key, **found.params)
            ctx.goto(FLOW, field.name, data)
            _ask(ctx, fields, data)
        elif isinstance(found, Day) and field.kind is FieldKind.date:
            _offer_date(ctx, fields, data, found)
        else:
            data["minutes"] = found.minutes if isinstance(found, Moment) else None
            _keep_date(ctx, fields, data, _stored(found)["at"])

    @router.command("back", "retour", help_key=None)
    def back(ctx: Ctx, _args: str) -> None:
        """Go back to the previous field."""
        if ctx.state.flow != FLOW or ctx.state.step == MODAL_STEP:
            ctx.say("nothing-to-go-back")
            return
        data = _without_date_state(dict(ctx.state.data))
        fields = _fields(ctx, data)
        data["index"] = max(0, data["index"] - 1)
        ctx.goto(FLOW, fields[data["index"]].name, data)
        _ask(ctx, fields, data)


def _current(ctx: Ctx, context: dict[str, Any]) -> bool:
    """Whether a clicked field button belongs to the field being asked now."""
    data = ctx.state.data
    fresh = ctx.state.flow == FLOW and data.get("form") == context.get("form")
    if fresh and ("index" not in context or context["index"] == data.get("index")):
        return True
    ctx.say("error-button-stale")
    return False
