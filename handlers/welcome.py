"""`/start` and `/help`: greet, say what mentoring is and is not, list what the bot does.

```mermaid
stateDiagram-v2
    [*] --> greeted: /start
    greeted --> [*]: language picked (language flow)
```
"""

from __future__ import annotations

from handlers.admin import is_coordinator
from handlers.context import Ctx
from handlers.imported import ask_confirmation, claim_invitation
from handlers.language import offer_languages
from handlers.router import Router
from storage.programmes import programme_by_slug


def register(router: Router) -> None:
    @router.command("start", "demarrer", "démarrer", help_key="help-cmd-start")
    def start(ctx: Ctx, args: str) -> None:
        """Greet the person and explain the programme; offer English to newcomers.

        `args` is an invitation link's payload (Telegram's `/start <slug>`): the programme it
        names becomes the one the person applies to; a personal invitation's code hands the
        person the applications imported for them, to confirm.
        """
        ctx.say("welcome", name=ctx.person.display_name)
        invited = bool(args) and claim_invitation(ctx, args)
        if args and not invited:
            _join(ctx, args)
        if not ctx.person.locale_chosen:
            offer_languages(ctx, ctx.t("welcome-language"), from_start=True)
        else:
            ctx.say("welcome-next")
        if invited:
            ask_confirmation(ctx)

    @router.command("help", "aide", help_key="help-cmd-help")
    def show_help(ctx: Ctx, _args: str) -> None:
        """List the commands this person can use."""
        lines = [ctx.t("help-intro")]
        lines += [
            ctx.t("help-line", command=entry.names[0], text=ctx.t(entry.help_key))
            for entry in router.listed
            if entry.help_key
        ]
        if is_coordinator(ctx.session, ctx.me):
            lines.append(ctx.t("help-line", command="admin", text=ctx.t("help-cmd-admin")))
        ctx.send_text("\n".join(lines))

    @router.command("cancel", "annuler", help_key="help-cmd-cancel")
    def cancel(ctx: Ctx, _args: str) -> None:
        """Leave the current flow; what was already saved stays saved."""
        if ctx.state.flow:
            ctx.finish()
            ctx.say("cancelled")
        else:
            ctx.say("nothing-to-cancel")


def _join(ctx: Ctx, slug: str) -> None:
    programme = programme_by_slug(ctx.session, slug)
    if programme is None or programme.closed_at is not None:
        ctx.say("welcome-invitation-unknown")
        return
    ctx.person.programme_id = programme.id
    ctx.session.add(ctx.person)
    ctx.say("welcome-invitation", programme=programme.name)
