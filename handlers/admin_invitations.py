"""The `/admin` section "Invitation" (admins): how people join the programme, for each platform
that is running, ready to share.

The adapters put their invitation templates in `Core.links` once they know them (Telegram's deep
link needs the bot's username from getMe; Slack's is its slash command); with no platform
running, the console's `/start <slug>` is shown. The text meant for participants is written in
the programme's language; the rest in the coordinator's.
"""

from __future__ import annotations

from handlers.admin import section
from handlers.context import Ctx
from handlers.router import Router
from messages.catalog import t
from storage.models import Programme


def invitation_text(ctx: Ctx, programme: Programme) -> str:
    """What to share to invite people to `programme`, per running platform."""
    lines = [ctx.t("invitation-heading", programme=programme.name)]
    telegram = ctx.links.get("telegram")
    slack = ctx.links.get("slack")
    if telegram:
        lines.append(ctx.t("invitation-telegram", link=telegram.replace("{code}", programme.slug)))
    if slack:
        command = slack.replace("{code}", programme.slug)
        post = t(
            programme.locale, "invitation-slack-post", programme=programme.name, command=command
        )
        lines.append(ctx.t("invitation-slack", post=post))
    if not (telegram or slack):
        lines.append(ctx.t("invitation-console", command=f"/start {programme.slug}"))
    return "\n\n".join(lines)


def register(router: Router) -> None:
    @section(router, "invitation", "admin-section-invitation")
    def invitation_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the programme's invitation for each running platform."""
        assert programme is not None
        ctx.send_text(invitation_text(ctx, programme))
