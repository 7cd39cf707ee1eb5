"""The optional private reason asked after declining a request or leaving a pair.

The next line the person types is kept encrypted as a note only its author can read back
(`-` skips it); a mentee who left is then offered another mentor.
"""

from __future__ import annotations

from handlers.context import Ctx
from handlers.router import Router
from storage import private_notes
from storage.models import Pair

FLOW = "private-reason"


def ask_private_reason(
    ctx: Ctx, pair: Pair, subject: str, *, offer_new_mentor: bool = False
) -> None:
    """Take the person's next line as their private reason about `pair`."""
    ctx.goto(FLOW, subject, {"pair": pair.id, "offer_new_mentor": offer_new_mentor})


def remind(ctx: Ctx) -> None:
    """Ask for the reason again (after a command's question answered meanwhile)."""
    ctx.say("reason-ask-again")


def register(router: Router) -> None:
    @router.flow(FLOW, resume=remind)
    def reason(ctx: Ctx, text: str) -> None:
        """Keep the reason, encrypted, unless it is `-`."""
        subject, data = ctx.state.step, dict(ctx.state.data)
        pair = ctx.session.get(Pair, data["pair"])
        ctx.finish()
        if pair is None:
            return
        if text.strip() != "-":
            private_notes.write(ctx.session, ctx.cipher, pair, ctx.me, subject, text)
        ctx.say("reason-thanks")
        if data["offer_new_mentor"]:
            options = [
                (ctx.t("withdraw-new-mentor-yes"), "yes"),
                (ctx.t("withdraw-new-mentor-no"), "no"),
            ]
            ctx.ask(ctx.t("withdraw-new-mentor"), options, "new-mentor", {"pair": pair.id})
