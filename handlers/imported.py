"""Applications a coordinator imported: the person confirms, corrects or declines them.

The import queues the question through the outbox (`offer_confirmation`); `/status` asks it
again while it waits; a person invited by e-mail gets it after `/start CODE` (`claim_invitation`,
called by the welcome). Until it is confirmed, an imported application stays `submitted`: it is
neither proposed nor matched. Confirming runs the chat form's own check
(`handlers.apply.record_application`) but not its window check: the coordinators registered the
application, so it may be confirmed after the close; a correction goes through the form, window
included.

```mermaid
stateDiagram-v2
    [*] --> submitted: imported (source "import") -> question queued
    submitted --> eligible: Confirm, rules met -> (mentee) proposals
    submitted --> ineligible: Confirm, a rule unmet -> which rule, and the alternative
    submitted --> form: Correct -> the application form, prefilled
    form --> eligible: submitted (the form's own eligibility check)
    form --> ineligible
    submitted --> withdrawn: Decline
```
"""

from __future__ import annotations

import json
from typing import Any

from handlers.apply import record_application
from handlers.context import Ctx
from handlers.forms import open_form
from handlers.outgoing import Outgoing
from handlers.router import Router
from messages.catalog import LANGUAGE_NAMES
from storage.application_import import awaiting_confirmation, take_over
from storage.enums import ApplicationStatus
from storage.models import Application, Programme

ACTION = "import-confirm"
SHOWN = (
    "organisation", "unit", "manager", "job", "years", "posts", "location", "topics",
    "expectations", "motivation", "availability", "format", "languages",
)  # fmt: skip


def _roles(out: Outgoing, reader: int, roles: list[str]) -> str:
    names = [out.t_for(reader, f"role-{role}") for role in roles]
    if len(names) == 1:
        return names[0]
    return out.t_for(reader, "import-roles-two", first=names[0], second=names[1])


def _value(out: Outgoing, reader: int, key: str, value: Any) -> str:
    if key == "format":
        return out.t_for(reader, f"format-{value}")
    if key == "languages":
        return ", ".join(LANGUAGE_NAMES.get(code, code) for code in value)
    if key == "topics":
        return ", ".join(value)
    return str(value)


def _answers(out: Outgoing, reader: int, answers: dict[str, Any]) -> list[str]:
    return [
        out.t_for(
            reader,
            "import-line",
            label=out.t_for(reader, f"import-l-{key}"),
            value=_value(out, reader, key, answers[key]),
        )
        for key in SHOWN
        if answers.get(key) not in (None, "", [])
    ]


def confirmation(
    out: Outgoing, reader: int, programme: Programme, applications: list[Application]
) -> tuple[str, list[tuple[str, str]], dict[str, Any]]:
    """The question about `applications` (text, buttons, prompt context), in the reader's
    language; answers that differ between roles are shown role by role."""
    by_answers: dict[str, list[Application]] = {}
    for application in applications:
        by_answers.setdefault(json.dumps(application.answers, sort_keys=True), []).append(
            application
        )
    roles = _roles(out, reader, [a.role for a in applications])
    lines = [out.t_for(reader, "import-confirm-intro", programme=programme.name, roles=roles)]
    for group in by_answers.values():
        if len(by_answers) > 1:
            role = _roles(out, reader, [a.role for a in group])
            lines.append(out.t_for(reader, "import-confirm-as", roles=role))
        lines += _answers(out, reader, group[0].answers)
    lines.append(out.t_for(reader, "import-confirm-question"))
    options = [
        (out.t_for(reader, "import-confirm-yes"), "confirm"),
        (out.t_for(reader, "import-confirm-correct"), "correct"),
        (out.t_for(reader, "import-confirm-no"), "decline"),
    ]
    context = {"programme": programme.id, "ids": [a.id for a in applications]}
    return "\n".join(lines), options, context


def offer_confirmation(out: Outgoing, person_id: int, programme: Programme) -> bool:
    """Queue the question for the person's imported applications; False when none waits."""
    waiting = awaiting_confirmation(out.session, person_id, programme.id)
    if not waiting:
        return False
    text, options, context = confirmation(out, person_id, programme, waiting)
    return out.offer(person_id, text, options, ACTION, context)


def ask_confirmation(ctx: Ctx) -> bool:
    """Ask the speaker about their imported applications (the newest programme's) that wait;
    False when none does."""
    waiting = awaiting_confirmation(ctx.session, ctx.me)
    programme = ctx.session.get(Programme, waiting[0].programme_id) if waiting else None
    if programme is None:
        return False
    mine = [a for a in waiting if a.programme_id == programme.id]
    text, options, context = confirmation(ctx, ctx.me, programme, mine)
    ctx.ask(text, options, ACTION, context)
    return True


def claim_invitation(ctx: Ctx, code: str) -> bool:
    """`/start CODE` with a personal invitation: take its applications over and say so; False
    when `code` is no invitation (it may name a programme). The welcome asks the question."""
    outcome = take_over(ctx.session, code.strip(), ctx.person, ctx.now)
    if outcome is None:
        return False
    ctx.say(f"personal-invitation-{outcome.outcome}")
    return True


def register(router: Router) -> None:
    @router.action(ACTION)
    def answer(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Confirm (the eligibility check, then the next step), correct (the form), or decline."""
        programme = ctx.session.get(Programme, context["programme"])
        waiting = [
            a
            for a in awaiting_confirmation(ctx.session, ctx.me, context["programme"])
            if a.id in context["ids"]
        ]
        if programme is None or not waiting:
            ctx.say("import-confirm-gone")
            return
        if value == "confirm":
            for application in waiting:
                record_application(ctx, programme, [application.role], dict(application.answers))
        elif value == "correct":
            roles = [application.role for application in waiting]
            params = {"programme": programme.id, "roles": roles}
            open_form(ctx, "application", params, dict(waiting[0].answers))
        else:
            for application in waiting:
                application.status = ApplicationStatus.withdrawn
                ctx.session.add(application)
            ctx.say("import-declined")
