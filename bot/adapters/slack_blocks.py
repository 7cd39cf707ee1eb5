"""Block Kit rendering of the core's neutral values: messages, buttons, App Home (modals are
in `slack_modals`).

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
from handlers.ui import Choice, Home

Block = dict[str, Any]

SECTION_LIMIT = 3000
MESSAGE_BLOCKS = 50
MODAL_BLOCKS = 100
BUTTON_TEXT = 75
BUTTONS_PER_BLOCK = 25
LABEL_LIMIT = 2000
HEADER_LIMIT = 150
FALLBACK_LIMIT = 3000

CHOICE_ACTION = "choice-{index}"
OPEN_FORM_ACTION = "open-form"
HOME_ACTION = re.compile(r"^home-action(-\d+)?$")  # every App Home button
HOME_ACTION_ID = "home-action-{index}"
MAX_ROW_ID = 2**31 - 1  # an INTEGER primary key
_CHOICE_VALUE = re.compile(r"([0-9]{1,10}):([0-9]{1,4})")
MENTION_OPEN, MENTION_CLOSE = "\ue003", "\ue004"  # private use: nobody can type them
_MENTION = re.compile(f"{MENTION_OPEN}([A-Z0-9]{{1,32}}){MENTION_CLOSE}")


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


def mention_mark(user: str) -> str:
    """Where a mention of the Slack user `user` goes in a text, before it is escaped."""
    return f"{MENTION_OPEN}{user}{MENTION_CLOSE}"


def _mentions(escaped: str) -> str:
    """Escaped text with its mention marks as Slack mentions; a stray mark is dropped."""
    return _MENTION.sub(r"<@\1>", escaped).replace(MENTION_OPEN, "").replace(MENTION_CLOSE, "")


def pieces(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """`text` escaped and cut into pieces of at most `limit` characters, at line or word ends."""
    return split_escaped(_mentions(escape(text)), limit)


def sections(text: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": p}} for p in pieces(text)]


def fallback(text: str) -> str:
    """The `text` field of a message: what notifications and screen readers show."""
    return clip(_mentions(escape(text)), FALLBACK_LIMIT) or " "


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


def without_buttons(blocks: Iterable[Block]) -> list[Block]:
    """A choice message whose question no longer applies: the question kept, no buttons."""
    return [block for block in blocks if block.get("type") != "actions"]


def chosen_blocks(blocks: Iterable[Block], chosen: str) -> list[Block]:
    """A used choice message: the question kept, the buttons replaced by what was chosen."""
    kept = without_buttons(blocks)
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


def home_view(home: Home, figures_title: str) -> dict[str, Any]:
    """App Home: the programme and where the person stands, the next meetings, a button per
    thing the person can do now (the next step first, in the primary style); for coordinators,
    under `figures_title`, each programme's follow-up summary with its button."""
    blocks: list[Block] = [{"type": "header", "text": plain(home.heading, HEADER_LIMIT)}]
    for line in home.lines:
        blocks += sections(line)
    if home.meetings:
        listed = "\n".join(f"• {line}" for line in home.meetings)
        blocks += sections(f"*{home.meetings_title}*\n{listed}")
    buttons = [
        {
            "type": "button",
            "action_id": HOME_ACTION_ID.format(index=index),
            "text": plain(action.label, BUTTON_TEXT),
            "value": action.command,
            **({"style": "primary"} if index == 0 else {}),
        }
        for index, action in enumerate(home.actions[:BUTTONS_PER_BLOCK])
    ]
    if buttons:
        blocks.append({"type": "actions", "block_id": "home", "elements": buttons})
    if home.followup:
        blocks += [{"type": "divider"}, {"type": "header", "text": plain(figures_title)}]
    for index, followup in enumerate(home.followup, len(home.actions)):
        heading, *lines = followup.lines
        blocks += sections(f"*{heading}*")  # the heading: bold, around the escaped text
        blocks += sections("\n".join(lines))
        button = {
            "type": "button",
            "action_id": HOME_ACTION_ID.format(index=index),
            "text": plain(followup.action.label, BUTTON_TEXT),
            "value": followup.action.command,
        }
        blocks.append({"type": "actions", "block_id": f"followup-{index}", "elements": [button]})
    return {"type": "home", "blocks": blocks[:MODAL_BLOCKS]}
