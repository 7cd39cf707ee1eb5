"""Block Kit rendering of the core's neutral values: messages, buttons, modals, App Home.

Pure functions, no I/O. Text that may hold what people typed is escaped for mrkdwn (`&`, `<`,
`>`), so nobody can ping `<!channel>` or forge a link through the bot, and it is split into
section blocks of at most 3,000 characters (Slack's limit), with a plain `text` fallback kept
for notifications.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from bot.adapters.split import split_escaped
from handlers.ui import Choice, FieldKind, Form, FormField, Home

Block = dict[str, Any]

SECTION_LIMIT = 3000
MESSAGE_BLOCKS = 50
MODAL_BLOCKS = 100
BUTTON_TEXT = 75
BUTTONS_PER_BLOCK = 25
OPTION_TEXT = 75
OPTIONS_PER_SELECT = 100
CHECKBOXES = 10
TITLE_LIMIT = 24
PLACEHOLDER_LIMIT = 150
LABEL_LIMIT = 2000
INPUT_LIMIT = 3000
MULTILINE_FROM = 300
HEADER_LIMIT = 150
FIELDS_PER_SECTION = 10
FALLBACK_LIMIT = 3000

FORM_CALLBACK = "mentorbot-form"
CHOICE_ACTION = "choice-{index}"
OPEN_FORM_ACTION = "open-form"
HOME_ACTION = "home-action"
VALUE_ACTION = "value"
MAX_ROW_ID = 2**31 - 1  # an INTEGER primary key
_CHOICE_VALUE = re.compile(r"([0-9]{1,10}):([0-9]{1,4})")
_OPTION_INDEX = re.compile(r"[0-9]{1,4}")


def command_spelling(names: Iterable[str], command: str, admin: str) -> Callable[[str], str]:
    """Rewrites the core's `/word` hints as Slack commands: `/mentorat word`, `/mentorat-admin`.

    Slack's message box takes any text starting with `/` as a slash command of its own, so
    "type /help" must read "type /mentorat help" there; URLs and unknown words are left alone.
    """
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    if not alternatives:
        return lambda text: text
    pattern = re.compile(rf"(?<![\w/:.-])/({alternatives})\b", re.IGNORECASE)

    def spell(text: str) -> str:
        return pattern.sub(
            lambda m: admin if m.group(1).lower() == "admin" else f"{command} {m.group(1)}", text
        )

    return spell


def escape(text: str) -> str:
    """Text shown as mrkdwn exactly as written (Slack's three control characters escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """What a person typed, from the escaped form Slack sends it in."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plain(text: str, limit: int = LABEL_LIMIT) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": True}


def pieces(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """`text` escaped and cut into pieces of at most `limit` characters, at line or word ends."""
    return split_escaped(escape(text), limit)


def sections(text: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": p}} for p in pieces(text)]


def fallback(text: str) -> str:
    """The `text` field of a message: what notifications and screen readers show."""
    return clip(escape(text), FALLBACK_LIMIT) or " "


def batches(blocks: list[Block], trailing: list[Block] | None = None) -> list[list[Block]]:
    """Blocks grouped into messages of at most 50 blocks; `trailing` stays in the last one."""
    trailing = trailing or []
    room = MESSAGE_BLOCKS - len(trailing)
    groups = [blocks[i : i + MESSAGE_BLOCKS] for i in range(0, len(blocks), MESSAGE_BLOCKS)]
    if not groups or len(groups[-1]) > room:
        groups.append([])
    groups[-1] = groups[-1] + trailing
    return groups


def choice_blocks(choice: Choice) -> tuple[list[Block], list[Block]]:
    """The question's sections and the action blocks of its buttons.

    Each button carries `prompt_id:index`: the core knows which prompt and option it means,
    and refuses it when used, stale or foreign, so nothing else needs to be remembered here.
    """
    buttons = [
        {
            "type": "button",
            "action_id": CHOICE_ACTION.format(index=index),
            "text": plain(option.label, BUTTON_TEXT),
            "value": f"{choice.prompt_id}:{index}",
        }
        for index, option in enumerate(choice.options)
    ]
    actions = [
        {"type": "actions", "block_id": f"choice-{choice.prompt_id}-{start}", "elements": chunk}
        for start in range(0, len(buttons), BUTTONS_PER_BLOCK)
        if (chunk := buttons[start : start + BUTTONS_PER_BLOCK])
    ]
    return sections(choice.text), actions


def parse_choice_value(value: str) -> tuple[int, int] | None:
    """The (prompt id, option index) a choice button carries, None if it is not one of ours
    (a prompt id past the id column's range cannot be one either)."""
    match = _CHOICE_VALUE.fullmatch(value)
    if match is None or int(match[1]) > MAX_ROW_ID:
        return None
    return int(match[1]), int(match[2])


def chosen_blocks(blocks: Iterable[Block], chosen: str) -> list[Block]:
    """A used choice message: the question kept, the buttons replaced by what was chosen."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(chosen)}]}
    return [*kept, note][-MESSAGE_BLOCKS:]


def open_form_blocks(text: str, button: str) -> list[Block]:
    """A message with the button that opens the waiting form (when no trigger id was at hand)."""
    action = {
        "type": "button",
        "action_id": OPEN_FORM_ACTION,
        "text": plain(button, BUTTON_TEXT),
        "style": "primary",
        "value": "open",
    }
    return [*sections(text)[: MESSAGE_BLOCKS - 1], {"type": "actions", "elements": [action]}]


def short_title(title: str) -> str:
    """A modal title (24 characters at most), cut at a word end when possible."""
    if len(title) <= TITLE_LIMIT:
        return title
    head = title[: TITLE_LIMIT - 1]
    space = head.rfind(" ")
    return (head[:space] if space > TITLE_LIMIT // 2 else head).rstrip(" ,;:.") + "…"


def modal_view(form: Form, submit: str, close: str) -> dict[str, Any]:
    """The modal of `form`: its title in full on top, then one input block per field."""
    intro = sections(form.title)[: MODAL_BLOCKS - len(form.fields)]
    inputs = [_input(field, form.values.get(field.name)) for field in form.fields]
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "private_metadata": form.form_id,
        "title": plain(short_title(form.title), TITLE_LIMIT),
        "submit": plain(submit, TITLE_LIMIT),
        "close": plain(close, TITLE_LIMIT),
        "blocks": [*intro, *inputs][:MODAL_BLOCKS],
    }


def _input(field: FormField, value: Any) -> Block:
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "optional": not field.required,
        "label": plain(field.label),
        "element": _element(field, value),
    }
    if field.hint and not (field.kind is FieldKind.date and len(field.hint) <= PLACEHOLDER_LIMIT):
        block["hint"] = plain(field.hint)
    return block


def _element(field: FormField, value: Any) -> Block:
    """The input element of a field; option values are option indexes (see `form_values`)."""
    present = value not in (None, "", [])
    if field.kind in (FieldKind.choice, FieldKind.multi):
        options = [
            {"text": plain(option.label, OPTION_TEXT), "value": str(index)}
            for index, option in enumerate(field.options[:OPTIONS_PER_SELECT])
        ]
        values = [option.value for option in field.options[:OPTIONS_PER_SELECT]]
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
        element = {"type": "number_input", "action_id": VALUE_ACTION, "is_decimal_allowed": False}
    else:
        element = {
            "type": "plain_text_input",
            "action_id": VALUE_ACTION,
            "max_length": min(field.max_length, INPUT_LIMIT),
            "multiline": field.kind is FieldKind.text and field.max_length > MULTILINE_FROM,
        }
        if field.kind is FieldKind.date and field.hint:
            element["placeholder"] = plain(field.hint, PLACEHOLDER_LIMIT)
    if present and not field.secret:
        element["initial_value"] = str(value)[:INPUT_LIMIT]
    return element


def form_values(state: dict[str, Any], form: Form | None) -> dict[str, Any]:
    """A modal's submitted state as the core's form values (option indexes back to values).

    Slack limits option values to 150 characters, so the modal carries indexes and the values
    come from the form the core is waiting for; without one the core answers that it is stale.
    """
    fields = {field.name: field for field in form.fields} if form is not None else {}
    values: dict[str, Any] = {}
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
        else:
            values[block_id] = element.get("value") or ""
    return values


def _option(index: str, options: list[Any]) -> Any:
    if _OPTION_INDEX.fullmatch(index) and int(index) < len(options):
        return options[int(index)]
    return index


def error_block_ids(view: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
    """Errors keyed by the input blocks that exist in the view (Slack refuses any other key)."""
    inputs = [b["block_id"] for b in view.get("blocks", []) if b.get("type") == "input"]
    shown = {name: clip(text, LABEL_LIMIT) for name, text in errors.items() if name in inputs}
    if not shown and errors and inputs:
        shown[inputs[0]] = clip(" ".join(errors.values()), LABEL_LIMIT)
    return shown


def home_view(home: Home, figures_title: str) -> dict[str, Any]:
    """App Home: the programme and where the person stands, the next step's button, figures."""
    blocks: list[Block] = [{"type": "header", "text": plain(home.heading, HEADER_LIMIT)}]
    for line in home.lines:
        blocks += sections(line)
    if home.action is not None:
        button = {
            "type": "button",
            "action_id": HOME_ACTION,
            "text": plain(home.action.label, BUTTON_TEXT),
            "style": "primary",
            "value": home.action.command,
        }
        blocks.append({"type": "actions", "elements": [button]})
    if home.figures:
        blocks += [{"type": "divider"}, {"type": "header", "text": plain(figures_title)}]
        fields = [
            {"type": "mrkdwn", "text": f"*{escape(label)}*\n{escape(value)}"}
            for label, value in home.figures
        ]
        blocks += [
            {"type": "section", "fields": fields[i : i + FIELDS_PER_SECTION]}
            for i in range(0, len(fields), FIELDS_PER_SECTION)
        ]
    return {"type": "home", "blocks": blocks[:MODAL_BLOCKS]}
