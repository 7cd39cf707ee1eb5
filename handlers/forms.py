"""Forms: a modal where the platform has them, else asked field by field with state in the database.

```mermaid
stateDiagram-v2
    [*] --> field: open_form
    field --> field: valid answer (next) / bad answer (asked again) / `/back`
    field --> confirm_date: a date was read
    confirm_date --> field: "yes" (next) or "no" (asked again)
    field --> [*]: last field answered -> the form's submit
    field --> [*]: `/cancel`
```
Killing the process loses nothing: the answers so far and the current field are in the state row.
Answers to `secret` fields (private notes) wait there encrypted, like every private note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from handlers.context import Ctx
from handlers.fields import FieldError, Reading, parse_field
from handlers.router import Router
from handlers.text import match_option
from handlers.ui import FieldKind, Form, FormErrors, FormField
from messages.catalog import format_when
from storage.conversations import close_prompts
from storage.crypto import decrypt, encrypt

FLOW = "form"
FIELD_ACTIONS = ("form-field", "form-date")
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
        ctx.goto(FLOW, "modal", data)
        ctx.send(Form(form_id, title, tuple(fields), values))
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
    if ctx.state.flow != FLOW or ctx.state.step != "modal":
        return None
    data = ctx.state.data
    title, fields = ctx.router.forms[data["form"]].build(ctx, data["params"])
    shown = {k: v for k, v in data["values"].items() if not _is_sealed(v)}
    return Form(data["form"], title, tuple(fields), shown)


def repeat_question(ctx: Ctx) -> None:
    """Ask the current field of the form in progress again (after a restart, or on /status)."""
    data = dict(ctx.state.data)
    form = current_form(ctx)
    if form is not None:
        ctx.send(form)
        return
    fields = _fields(ctx, data)
    if data.get("pending") is not None:
        _confirm_date(ctx, fields[data["index"]], data)
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
    value = parse_field(field, raw, _reading(ctx))
    if isinstance(value, FieldError):
        ctx.say(value.key, **value.params)
        _ask(ctx, fields, data)
        return
    if field.kind is FieldKind.date:
        data["pending"] = value
        ctx.goto(FLOW, field.name, data)
        _confirm_date(ctx, field, data)
        return
    data["values"] = {**data["values"], field.name: _kept(ctx, field, value)}
    _advance(ctx, fields, data)


def _confirm_date(ctx: Ctx, field: FormField, data: dict[str, Any]) -> None:
    """Show the date that was read and ask whether to keep it."""
    shown = shown_value(ctx, field, data["pending"])
    yes_no = [(ctx.t("form-date-yes"), "yes"), (ctx.t("form-date-no"), "no")]
    text = ctx.t("form-date-understood", when=shown)
    ctx.ask(text, yes_no, "form-date", {"form": data["form"]})


def _advance(ctx: Ctx, fields: list[FormField], data: dict[str, Any]) -> None:
    data["index"] += 1
    data["pending"] = None
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
        ctx.goto(FLOW, "modal", data)
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
    if errors:
        ctx.send(FormErrors(form_id, errors))
        return
    _submit(ctx, fields, {**data, "values": values})


def register(router: Router) -> None:
    @router.flow(FLOW)
    def on_text(ctx: Ctx, text: str) -> None:
        """Take the answer to the current field (or to the date confirmation)."""
        pending = ctx.state.data.get("pending")
        if pending is not None:
            choice = match_option(text, [ctx.t("form-date-yes"), ctx.t("form-date-no")])
            if choice is not None:
                confirm_date(ctx, "yes" if choice == 0 else "no", {})
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
            data["values"] = {**data["values"], fields[data["index"]].name: data["pending"]}
            _advance(ctx, fields, data)
        else:
            data["pending"] = None
            ctx.goto(FLOW, fields[data["index"]].name, data)
            _ask(ctx, fields, data)

    @router.command("back", "retour", help_key=None)
    def back(ctx: Ctx, _args: str) -> None:
        """Go back to the previous field."""
        if ctx.state.flow != FLOW or ctx.state.step == "modal":
            ctx.say("nothing-to-go-back")
            return
        data = dict(ctx.state.data)
        fields = _fields(ctx, data)
        data["index"], data["pending"] = max(0, data["index"] - 1), None
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
