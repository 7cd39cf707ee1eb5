"""Routes what a person did to the handler in charge.

Order: a click on a prompt goes to the prompt's action; a form submission to the forms; a
`/command` to its command (unknown ones get a hint). Other text answers the newest question:

- in a flow (a form asked field by field, say), a prompt opened after the flow last asked (by a
  command typed meanwhile, like `/language` or `/erase`, or a notice) takes the text when it
  names one of its options; the flow then asks its question again, unless the choice ended or
  moved it. Any other text is the flow's.
- outside a flow (a modal form waiting on Slack counts as outside), only the person's newest
  prompt may take it, or, once that one is answered, the questions asked with it for the same
  action (one per objective to review, say). When none is open the person is told so, and an
  older menu never answers. "help" gets the help, a greeting a friendly pointer; the rest a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handlers.context import Ctx
from handlers.text import (
    MAX_TEXT,
    asks_help,
    clean,
    fold,
    greeting,
    match_option,
    options_named,
)
from handlers.ui import Choice, Inbound, Reply
from storage.conversations import (
    get_prompt,
    latest_open_prompt,
    newest_prompt,
    open_sibling,
    use_prompt,
)
from storage.models import Prompt

if TYPE_CHECKING:
    from handlers.forms import FormSpec

CommandHandler = Callable[[Ctx, str], None]
ActionHandler = Callable[[Ctx, str, dict[str, Any]], None]
TextHandler = Callable[[Ctx, str], None]
SubmissionHandler = Callable[[Ctx, str, dict[str, Any]], None]
Resume = Callable[[Ctx], None]
MODAL_STEP = "modal"  # a form waiting in a modal: typed text is not its answer
ASIDES = "asides"  # in a flow's data: prompts asked by commands typed while it waits


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
        self.resumes: dict[str, Resume] = {}
        self.own_actions: dict[str, tuple[str, ...]] = {}
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

    def flow(
        self, name: str, *, resume: Resume | None = None, own_actions: tuple[str, ...] = ()
    ) -> Callable[[TextHandler], TextHandler]:
        """Register the flow `name`'s text handler; `resume` asks its question again, and
        `own_actions` are the prompts it opens itself (text answering them is the flow's)."""

        def register(handler: TextHandler) -> TextHandler:
            self.flows[name] = handler
            self.own_actions[name] = own_actions
            if resume is not None:
                self.resumes[name] = resume
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
        flow = ctx.state.flow
        handler = self.flows.get(flow) if ctx.state.step != MODAL_STEP else None
        if handler is None:
            self._outside_flow(ctx, text)
        elif not self._answers_newer_prompt(ctx, flow, text):
            handler(ctx, text)

    def _answers_newer_prompt(self, ctx: Ctx, flow: str, text: str) -> bool:
        """Let a prompt opened after the flow's question take the text naming one of its
        options, then ask the flow's question again if the choice left the flow as it was."""
        prompt = latest_open_prompt(ctx.session, ctx.me)
        if prompt is None or prompt.action in self.own_actions.get(flow, ()):
            return False
        if prompt.id not in ctx.state.data.get(ASIDES, ()):
            return False  # a notice sent meanwhile (a nudge, a request) never takes a form's text
        if prompt.created_at <= ctx.state.updated_at:
            return False
        index = match_option(text, [o["label"] for o in prompt.options])
        if index is None:
            return False
        state = ctx.state
        before = (state.flow, state.step, state.updated_at)
        self._choose(ctx, prompt, index)
        resume = self.resumes.get(flow)
        unmoved = (state.flow, state.step, state.updated_at) == before
        if resume is not None and unmoved and ctx.person.erased_at is None:
            resume(ctx)
        return True

    def _outside_flow(self, ctx: Ctx, text: str) -> None:
        """Text with no flow to take it: an answer to the newest question only, else help."""
        prompt = newest_prompt(ctx.session, ctx.me)
        if prompt is not None and (prompt.used_at is not None or prompt.superseded):
            prompt = open_sibling(ctx.session, prompt) or prompt
        labels = [o["label"] for o in prompt.options] if prompt is not None else []
        named = options_named(text, labels)
        number = fold(text).rstrip(".").isdecimal()
        is_open = prompt is not None and prompt.used_at is None and not prompt.superseded
        # "aide", "merci": help or a greeting, unless an option is named exactly so
        chatter = asks_help(text) or greeting(text) is not None
        exact = any(fold(label) == fold(text) for label in labels)
        if prompt is not None and is_open and (named or number) and (exact or not chatter):
            if len(named) == 1:
                self._choose(ctx, prompt, named[0])
            elif named:
                ctx.say("typed-option-ambiguous", count=len(labels))
            else:
                ctx.say("error-pick-option", count=len(labels))
        elif asks_help(text) and "help" in self.commands:
            self.commands["help"].handler(ctx, "")
        elif (kind := greeting(text)) is not None:
            ctx.say(f"typed-{kind}")
        elif prompt is not None and (named or number):
            ctx.say("typed-question-answered" if prompt.used_at else "typed-question-gone")
        elif is_open:
            ctx.say("error-pick-option", count=len(labels))
        else:
            ctx.say("hint-not-understood")

    def _command(self, ctx: Ctx, text: str) -> None:
        word, _, args = text.partition(" ")
        name = word[1:].split("@")[0].casefold()
        entry = self.commands.get(name)
        if entry is None:
            ctx.say("error-unknown-command", command=word[:40])
            return
        before = len(ctx.replies)
        entry.handler(ctx, args.strip())
        self._note_asides(ctx, ctx.replies[before:])

    def _note_asides(self, ctx: Ctx, replies: list[Reply]) -> None:
        """Remember the questions a command typed inside a flow asked, the only prompts but
        the flow's own that a typed answer may reach while the flow waits."""
        if ctx.state.flow not in self.flows or ctx.state.step == MODAL_STEP:
            return
        asked = [r.item.prompt_id for r in replies if isinstance(r.item, Choice)]
        if any(asked):
            ctx.state.data = {**ctx.state.data, ASIDES: [i for i in asked if i is not None]}
            ctx.session.add(ctx.state)

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
        assert prompt.id is not None
        ctx.answered[prompt.id] = prompt.options[index]["label"]
        self.actions[prompt.action](ctx, prompt.options[index]["value"], prompt.context)
