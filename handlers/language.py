"""`/language`: the person picks French or English; every later text follows."""

from __future__ import annotations

from typing import Any

from handlers.context import Ctx
from handlers.router import Router
from messages.catalog import LANGUAGE_NAMES, LOCALES


def offer_languages(ctx: Ctx, question: str, *, from_start: bool = False) -> None:
    options = [(LANGUAGE_NAMES[code], code) for code in LOCALES]
    ctx.ask(question, options, "language", {"from_start": from_start})


def register(router: Router) -> None:
    @router.command("language", "langue", "lang", help_key="help-cmd-language")
    def language(ctx: Ctx, args: str) -> None:
        """Switch at once when a language is named, else offer the choice."""
        wanted = args.strip().casefold()[:2]
        if wanted in LOCALES:
            choose(ctx, wanted, {})
        else:
            offer_languages(ctx, ctx.t("language-question", current=ctx.person.locale))

    @router.action("language")
    def choose(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Keep the chosen language and confirm in it (repeating the welcome if it changed)."""
        changed = value != ctx.person.locale
        ctx.person.locale = value
        ctx.person.locale_chosen = True
        ctx.session.add(ctx.person)
        ctx.say("language-set")
        if changed and context.get("from_start"):
            ctx.say("welcome", name=ctx.person.display_name)
        ctx.say("welcome-next")
