"""`/link` (`/lier`): one person, several platforms.

```mermaid
stateDiagram-v2
    [*] --> code_given: /link (first account)
    code_given --> linked: /link CODE (other account, within 10 minutes)
    code_given --> refused: wrong or expired code, typed on an account with a history
```

The code is the only state, in the `LinkCode` table (see `storage.accounts`). The account that
types it is answered at once; the person's first account, when it is another one, is told
through the outbox, which keeps reaching the person there (`storage.outbox.claim`).
"""

from __future__ import annotations

from handlers.context import Ctx
from handlers.router import Router
from handlers.ui import Inbound
from storage.accounts import Outcome, first_account, new_code, use_code
from storage.people import identities_of

REFUSALS = {
    Outcome.unknown: "link-unknown",
    Outcome.blocked: "link-blocked",
    Outcome.busy: "link-busy",
    Outcome.reverse: "link-reverse",
    Outcome.own: "link-own",
    Outcome.already: "link-already",
    Outcome.histories: "link-histories",
}


def register(router: Router) -> None:
    @router.command("link", "lier", help_key="help-cmd-link")
    def link(ctx: Ctx, args: str) -> None:
        """Give a code to type on the other platform, or join this account with a code's."""
        if args.strip():
            join(ctx, args)
            return
        first = first_account(ctx.session, ctx.me)
        code = new_code(ctx.session, ctx.me, first.platform if first else "", ctx.now)
        ctx.say("link-code", code=code)

    @router.command("mentorat")
    def slack_spelling(ctx: Ctx, args: str) -> None:
        """`/mentorat link CODE`, Slack's spelling of a command, typed on another platform."""
        if args.strip() and not args.strip().casefold().startswith(("mentorat", "/mentorat")):
            ctx.router.dispatch(ctx, Inbound(ctx.me, text="/" + args.strip().lstrip("/")))
        else:
            ctx.say("error-unknown-command", command="/mentorat")


def join(ctx: Ctx, typed: str) -> None:
    """Join the speaker's accounts to those of the person who asked for the code."""
    mine = identities_of(ctx.session, ctx.me)
    result = use_code(ctx.session, typed, ctx.person, ctx.now)
    if result.outcome != Outcome.linked or result.kept is None:
        ctx.say(REFUSALS[result.outcome])
        return
    first = first_account(ctx.session, result.kept)
    platform = first.platform if first else ""
    ctx.say("link-done", platform=platform)
    if first is not None and first.id not in {identity.id for identity in mine}:
        ctx.tell(result.kept, "link-done-other", platform=mine[0].platform if mine else "")
