"""`/timezone` (`/fuseau`): the person names a city, a country, a zone or a UTC offset.

```mermaid
stateDiagram-v2
    [*] --> set: /timezone Lyon (one zone)
    [*] --> picking: /timezone Saint (several)
    picking --> set: a suggestion picked
    [*] --> told: /timezone (the zone in words, and how to change it)
```

A zone a Telegram account was given from its language is only a guess (`timezone_chosen` stays
False): `offer_hint` says once, the first time /status is shown, which zone is assumed and how
to change it.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.domain.zones import find_zones, local_time, place_words, zone_words
from handlers.context import Ctx
from handlers.router import Router
from handlers.text import clean
from storage.models import Identity


def register(router: Router) -> None:
    @router.command("timezone", "fuseau", "tz", help_key="help-cmd-timezone")
    def timezone(ctx: Ctx, args: str) -> None:
        """Set the zone the words name, offer the zones they may name, or say the current one."""
        typed = clean(args)[:60].strip()
        if not typed:
            ctx.say("timezone-current", **_words(ctx, ctx.person.timezone))
            return
        found = find_zones(typed)
        if not found:
            ctx.say("timezone-unknown", typed=typed)
        elif len(found) == 1:
            _set(ctx, found[0].zone, place_words(found[0], ctx.person.locale))
        else:
            options = [(place_words(c, ctx.person.locale), c.zone) for c in found]
            ctx.ask(ctx.t("timezone-pick", typed=typed), options, "timezone")

    @router.action("timezone")
    def choose(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Keep the picked zone as the person's own."""
        _set(ctx, value, zone_words(value, ctx.person.locale))


def offer_hint(ctx: Ctx) -> None:
    """Once, for a Telegram account whose zone was only guessed: say which zone is assumed and
    how to change it. A plain text, not buttons, so that the status that follows stays the
    newest question; telling it counts as the person's choice, so it is said only once."""
    if ctx.person.timezone_chosen:
        return
    on_telegram = ctx.session.exec(
        select(Identity.id).where(Identity.person_id == ctx.me, Identity.platform == "telegram")
    ).first()
    if on_telegram is None:
        return
    ctx.person.timezone_chosen = True
    ctx.session.add(ctx.person)
    ctx.say("timezone-guessed", zone=zone_words(ctx.person.timezone, ctx.person.locale))


def _set(ctx: Ctx, zone: str, words: str) -> None:
    ctx.person.timezone, ctx.person.timezone_chosen = zone, True
    ctx.session.add(ctx.person)
    ctx.say("timezone-set", zone=words, time=local_time(zone, ctx.now, ctx.person.locale))


def _words(ctx: Ctx, zone: str) -> dict[str, str]:
    locale = ctx.person.locale
    return {"zone": zone_words(zone, locale), "time": local_time(zone, ctx.now, locale)}
