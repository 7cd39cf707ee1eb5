"""Routes what a person did to the handler in charge.

Order: a click on a prompt goes to the prompt's action; a form submission to the forms; a
`/command` to its command (unknown ones get a hint); other text goes to the flow the person is
in; outside any flow, text naming an option of the person's latest open prompt counts as a click;
anything else gets a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handlers.context import Ctx
from handlers.text import MAX_TEXT, clean, match_option
from handlers.ui import Inbound
from storage.conversations import get_prompt, latest_open_prompt, use_prompt
from storage.models import Prompt

if TYPE_CHECKING:
    from handlers.forms import FormSpec

CommandHandler = Callable[[Ctx, str], None]
ActionHandler = Callable[[Ctx, str, dict[str, Any]], None]
TextHandler = Callable[[Ctx, str], None]
SubmissionHandler = Callable[[Ctx, str, dict[str, Any]], None]


@dataclass(frozen=True)
class Command:
    names: tuple[str, ...]
    handler: CommandHandler
    help_key: str | None


class Router:
    """The table of commands, prompt actions and flows; each handler module registers itself."""

    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self.listed: list[Command] = []
        self.actions: dict[str, ActionHandler] = {}
        self.flows: dict[str, TextHandler] = {}
        self.forms: dict[str, FormSpec] = {}
        self.sections: dict[str, Any] = {}  # the coordinators' menu (`handlers.admin.Section`)
        self.on_submission: SubmissionHandler | None = None

    def command(
        self, *names: str, help_key: str | None = None
    ) -> Callable[[CommandHandler], CommandHandler]:
        def register(handler: CommandHandler) -> CommandHandler:
            entry = Command(names, handler, help_key)
            for name in names:
                self.commands[name] = entry
            if help_key:
                self.listed.append(entry)
            return handler

        return register

    def action(self, name: str) -> Callable[[ActionHandler], ActionHandler]:
        def register(handler: ActionHandler) -> ActionHandler:
            self.actions[name] = handler
            return handler

        return register

    def flow(self, name: str) -> Callable[[TextHandler], TextHandler]:
        def register(handler: TextHandler) -> TextHandler:
            self.flows[name] = handler
            return handler

        return register

    def form(self, spec: FormSpec) -> None:
        self.forms[spec.form_id] = spec

    def form_submission(self, handler: SubmissionHandler) -> SubmissionHandler:
        self.on_submission = handler
        return handler

    def dispatch(self, ctx: Ctx, inbound: Inbound) -> None:
        """Handle one inbound event; bad input gets a message and changes nothing."""
        if inbound.prompt_id is not None:
            self._click(ctx, inbound.prompt_id, inbound.option)
            return
        if inbound.form_id is not None and self.on_submission is not None:
            self.on_submission(ctx, inbound.form_id, inbound.form_values or {})
            return
        text = clean(inbound.text or "")
        if not text:
            return
        if len(text) > MAX_TEXT:
            ctx.say("error-too-long", limit=MAX_TEXT, length=len(text))
            return
        if text.startswith("/"):
            self._command(ctx, text)
            return
        handler = self.flows.get(ctx.state.flow)
        if handler is not None:
            handler(ctx, text)
            return
        prompt = latest_open_prompt(ctx.session, ctx.me)
        if prompt is None:
            ctx.say("hint-not-understood")
            return
        index = match_option(text, [o["label"] for o in prompt.options])
        if index is None:
            ctx.say("error-pick-option", count=len(prompt.options))
        else:
            self._choose(ctx, prompt, index)

    def _command(self, ctx: Ctx, text: str) -> None:
        word, _, args = text.partition(" ")
        name = word[1:].split("@")[0].casefold()
        entry = self.commands.get(name)
        if entry is None:
            ctx.say("error-unknown-command", command=word[:40])
            return
        entry.handler(ctx, args.strip())

    def _click(self, ctx: Ctx, prompt_id: int, option: int | None) -> None:
        prompt = get_prompt(ctx.session, prompt_id)
        if prompt is None or prompt.person_id != ctx.me:
            ctx.say("error-button-unknown")
        elif prompt.used_at is not None:
            ctx.say("error-button-used")
        elif prompt.superseded:
            ctx.say("error-button-stale")
        elif option is None or not 0 <= option < len(prompt.options):
            ctx.say("error-button-unknown")
        else:
            self._choose(ctx, prompt, option)

    def _choose(self, ctx: Ctx, prompt: Prompt, index: int) -> None:
        use_prompt(ctx.session, prompt)
        self.actions[prompt.action](ctx, prompt.options[index]["value"], prompt.context)
