"""The `/admin` section "Référents" (admins): how the programme's open pairs are spread over its
referents, and a button that gives the pairs nobody follows to the least loaded referents.

```mermaid
stateDiagram-v2
    [*] --> section: /admin -> Référents (open pairs per referent, pairs without one)
    section --> section: Spread evenly -> each referent told how many pairs it was given
```
"""

from __future__ import annotations

from typing import Any

from handlers.admin import may, section
from handlers.context import Ctx
from handlers.router import Router
from handlers.staffing import spread_referents
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Person, Programme
from storage.referents import loads, referents_of

SPREAD = "referents-spread"


def distribution(ctx: Ctx, programme: Programme) -> str:
    """Each referent's open pairs, by name, and the open pairs nobody follows."""
    assert programme.id is not None
    load = loads(ctx.session, programme.id)
    lines = [ctx.t("referents-heading", programme=programme.name)]
    for referent in referents_of(ctx.session, programme.id):
        person = ctx.session.get(Person, referent)
        name = (person.display_name if person else "") or ctx.t("roles-unnamed")
        lines.append(ctx.t("referents-line", name=name, count=load[referent]))
    if len(lines) == 1:
        lines.append(ctx.t("referents-none"))
    lines.append(ctx.t("referents-unfollowed", count=load[None]))
    return "\n".join(lines)


def show(ctx: Ctx, programme: Programme) -> None:
    """The distribution, with the spread button when there is something to spread."""
    assert programme.id is not None
    text = distribution(ctx, programme)
    if loads(ctx.session, programme.id)[None] and referents_of(ctx.session, programme.id):
        options = [(ctx.t("referents-spread"), "spread")]
        ctx.ask(text, options, SPREAD, {"programme": programme.id})
    else:
        ctx.send_text(text)


def register(router: Router) -> None:
    @section(router, "referents", "admin-section-referents")
    def referents_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the open pairs per referent, with the spread button."""
        assert programme is not None
        show(ctx, programme)

    @router.action(SPREAD)
    def spread_now(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Give the pairs nobody follows to the least loaded referents; show the result."""
        programme = ctx.session.get(Programme, context["programme"])
        if programme is None:
            ctx.say("error-button-stale")
            return
        if not may(ctx.session, ctx.me, programme, GrantRole.admin):
            record(ctx.session, ctx.me, "referents.spread.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        given = spread_referents(ctx, ctx.me, programme, via="chat")
        ctx.say("referents-spread-done", count=sum(given.values()))
        show(ctx, programme)
