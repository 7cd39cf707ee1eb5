"""Block Kit modals for the core's forms, and their submitted state read back as form values.

Pure functions, no I/O. A modal has a short title in its bar (24 characters, Slack's limit) and
the form's full title on top; Slack tells the adapter when it is closed (`notify_on_close`).
Options carry their own values (or `#index` when too long for Slack), never a number a typed
answer could be confused with. A date field is a datepicker and a timepicker, prefilled and
read back in the person's time zone; a day field is a datepicker.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.adapters.slack_blocks import LABEL_LIMIT, MODAL_BLOCKS, Block, clip, plain, sections
from handlers.ui import FieldKind, Form, FormField, Option

TITLE_LIMIT = 24
OPTION_TEXT = 75
OPTIONS_PER_SELECT = 100
OPTION_VALUE_LIMIT = 150
CHECKBOXES = 10
INPUT_LIMIT = 3000
MULTILINE_FROM = 300
FORM_CALLBACK = "mentorbot-form"
VALUE_ACTION = "value"
TIME_BLOCK = "--time"  # the block of a date field's timepicker: its name, then this
_OPTION_INDEX = re.compile(r"#[0-9]{1,4}")


def short_title(title: str) -> str:
    """A modal title (24 characters at most), cut at a word end when possible."""
    if len(title) <= TITLE_LIMIT:
        return title
    head = title[: TITLE_LIMIT - 1]
    space = head.rfind(" ")
    return (head[:space] if space > TITLE_LIMIT // 2 else head).rstrip(" ,;:.") + "…"


def modal_title(form: Form) -> str:
    """The title bar of a form's modal: its title when it fits, else its short title."""
    if len(form.title) <= TITLE_LIMIT or not form.short_title:
        return short_title(form.title)
    return short_title(form.short_title)


def modal_view(form: Form, submit: str, close: str, time_label: str) -> dict[str, Any]:
    """The modal of `form`: its short title in the bar, its full title on top, then the inputs
    (a date field is a datepicker and a timepicker labelled `time_label`). Slack tells the
    adapter when it is closed (`notify_on_close`), so the form does not wait for ever."""
    inputs = [block for field in form.fields for block in _inputs(field, form, time_label)]
    intro = sections(form.title)[: max(0, MODAL_BLOCKS - len(inputs))]
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "private_metadata": form.form_id,
        "notify_on_close": True,
        "title": plain(modal_title(form), TITLE_LIMIT),
        "submit": plain(submit, TITLE_LIMIT),
        "close": plain(close, TITLE_LIMIT),
        "blocks": [*intro, *inputs][:MODAL_BLOCKS],
    }


def _inputs(field: FormField, form: Form, time_label: str) -> list[Block]:
    """The input blocks of a field: a date's pickers leave out its hint, which is about
    typing one ("mardi prochain 14h")."""
    value = form.values.get(field.name)
    if field.kind not in (FieldKind.date, FieldKind.day):
        element = _element(field, value)
        return [_input(field.name, field.label, field.required, element, field.hint)]
    day, at = _picked_initial(field, value, form.timezone)
    picker: Block = {"type": "datepicker", "action_id": VALUE_ACTION}
    if day:
        picker["initial_date"] = day
    blocks = [_input(field.name, field.label, field.required, picker)]
    if field.kind is FieldKind.date:
        clock: Block = {"type": "timepicker", "action_id": VALUE_ACTION}
        if at:
            clock["initial_time"] = at
        blocks.append(_input(field.name + TIME_BLOCK, time_label, field.required, clock))
    return blocks


def _picked_initial(field: FormField, value: Any, zone: str) -> tuple[str, str]:
    """A stored date value as a datepicker's day and a timepicker's time in the person's zone."""
    if not isinstance(value, str) or not value:
        return "", ""
    try:
        if field.kind is FieldKind.day:
            return date.fromisoformat(value).isoformat(), ""
        moment = datetime.fromisoformat(value)
        local = moment.astimezone(ZoneInfo(zone)) if moment.tzinfo else moment
    except (ValueError, ZoneInfoNotFoundError):
        return "", ""
    return local.date().isoformat(), local.strftime("%H:%M")


def _input(name: str, label: str, required: bool, element: Block, hint: str = "") -> Block:
    block: Block = {
        "type": "input",
        "block_id": name,
        "optional": not required,
        "label": plain(label),
        "element": element,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def option_value(option: Option, index: int) -> str:
    """What a modal option carries: the option's own value, or `#index` when Slack's 150
    characters cannot hold it (or it is empty, which Slack refuses). Never an index that
    could be read as a typed answer's number."""
    if 0 < len(option.value) <= OPTION_VALUE_LIMIT and not option.value.startswith("#"):
        return option.value
    return f"#{index}"


def _element(field: FormField, value: Any) -> Block:
    """The input element of a field (dates have their pickers, see `_inputs`)."""
    present = value not in (None, "", [])
    if field.kind in (FieldKind.choice, FieldKind.multi):
        shown = field.options[:OPTIONS_PER_SELECT]
        options = [
            {"text": plain(option.label, OPTION_TEXT), "value": option_value(option, index)}
            for index, option in enumerate(shown)
        ]
        values = [option.value for option in shown]
        picked = value if isinstance(value, list) else [value]
        initial = [options[values.index(v)] for v in picked if present and v in values]
        if field.kind is FieldKind.choice:
            element: Block = {
                "type": "static_select",
                "action_id": VALUE_ACTION,
                "options": options,
            }
            if initial:
                element["initial_option"] = initial[0]
            return element
        kind = "checkboxes" if len(options) <= CHECKBOXES else "multi_static_select"
        element = {"type": kind, "action_id": VALUE_ACTION, "options": options}
        if initial:
            element["initial_options"] = initial
        return element
    if field.kind is FieldKind.number:
        element = {
            "type": "number_input",
            "action_id": VALUE_ACTION,
            "is_decimal_allowed": False,
            "min_value": str(field.low),
            "max_value": str(field.high),
        }
        present = present and _within(field, value)
    else:
        element = {
            "type": "plain_text_input",
            "action_id": VALUE_ACTION,
            "max_length": min(field.max_length, INPUT_LIMIT),
            "multiline": field.kind is FieldKind.text and field.max_length > MULTILINE_FROM,
        }
    if present and not field.secret:
        element["initial_value"] = str(value)[:INPUT_LIMIT]
    return element


def _within(field: FormField, value: Any) -> bool:
    """Whether a number field's value may prefill its input (Slack refuses one out of bounds)."""
    try:
        return field.low <= int(value) <= field.high
    except (TypeError, ValueError):
        return False


def form_values(state: dict[str, Any], form: Form | None) -> dict[str, Any]:
    """A modal's submitted state as the core's form values.

    Options come back as the values they carry (`#index` ones through the form the core is
    waiting for; without it they stay as sent, and the core refuses them). A datepicker and
    its timepicker become one `{"date": ..., "time": ...}` value, read in the person's zone.
    """
    fields = {field.name: field for field in form.fields} if form is not None else {}
    values: dict[str, Any] = {}
    times: dict[str, Any] = {}
    for block_id, actions in state.items():
        element = actions.get(VALUE_ACTION) or next(iter(actions.values()), {})
        field = fields.get(block_id)
        options = [option.value for option in field.options] if field is not None else []
        kind = element.get("type")
        if kind == "static_select":
            selected = element.get("selected_option")
            values[block_id] = _option(selected["value"], options) if selected else ""
        elif kind in ("checkboxes", "multi_static_select"):
            chosen = element.get("selected_options") or []
            values[block_id] = [_option(item["value"], options) for item in chosen]
        elif kind == "timepicker":
            times[block_id.removesuffix(TIME_BLOCK)] = element.get("selected_time")
        elif kind == "datepicker":
            values[block_id] = {"date": element.get("selected_date")}
        else:
            values[block_id] = element.get("value") or ""
    for name, at in times.items():
        picked = values.get(name)
        values[name] = {**(picked if isinstance(picked, dict) else {"date": None}), "time": at}
    return values


def _option(sent: str, options: list[Any]) -> Any:
    """The value an option carried: itself, or the option at `#index`."""
    if sent in options:
        return sent
    if _OPTION_INDEX.fullmatch(sent) and int(sent[1:]) < len(options):
        return options[int(sent[1:])]
    return sent


def error_block_ids(view: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
    """Errors keyed by the input blocks that exist in the view (Slack refuses any other key)."""
    inputs = [b["block_id"] for b in view.get("blocks", []) if b.get("type") == "input"]
    shown = {
        _time_missing(view, name, inputs) or name: clip(text, LABEL_LIMIT)
        for name, text in errors.items()
        if name in inputs
    }
    if not shown and errors and inputs:
        shown[inputs[0]] = clip(" ".join(errors.values()), LABEL_LIMIT)
    return shown


def _time_missing(view: dict[str, Any], name: str, inputs: list[str]) -> str | None:
    """The timepicker's block of date field `name` when its day was picked and not its time:
    the error goes under the time, where the answer is missing."""
    block = name + TIME_BLOCK
    if block not in inputs:
        return None
    state = view.get("state", {}).get("values", {})
    day = (state.get(name) or {}).get(VALUE_ACTION) or {}
    at = (state.get(block) or {}).get(VALUE_ACTION) or {}
    return block if day.get("selected_date") and not at.get("selected_time") else None
