"""The `/admin` section "Journal" (admins): the programme's last audit events, in words.

Each line says when (in the coordinator's language and time zone), who, and what: an action as a
word from the catalog (`journal-<action>`, dots as dashes), a section of this menu by its label,
and anything else generically; the people and pairs it concerns by name, never by id. Opening
the journal is itself audited (as every section is).
"""

from __future__ import annotations

from typing import Any

from handlers.admin import section
from handlers.context import Ctx
from handlers.router import Router
from handlers.staffing import pair_names
from messages.catalog import bundle, format_when
from storage.audit import events
from storage.models import AuditEvent, Pair, Person, Programme

SHOWN = 20
REFUSED = ".refused"


def _name(ctx: Ctx, person_id: Any) -> str:
    person = ctx.session.get(Person, person_id) if isinstance(person_id, int) else None
    return (person.display_name if person else "") or ctx.t("roles-unnamed")


def what(ctx: Ctx, action: str) -> str:
    """An action in words: its catalog text, a menu section's label, or a generic word."""
    base = action.removesuffix(REFUSED)
    key = "journal-" + base.replace(".", "-").replace("_", "-")
    word = base.removeprefix("admin.")
    if base.startswith("admin.") and word in ctx.router.sections:
        text = ctx.t("journal-section", section=ctx.t(ctx.router.sections[word].label_key))
    elif bundle("fr").has_message(key):
        text = ctx.t(key)
    else:
        text = ctx.t("journal-other")
    return ctx.t("journal-refused", action=text) if action.endswith(REFUSED) else text


def about(ctx: Ctx, details: dict[str, Any]) -> str:
    """Whom and what the event concerns, by name: a person, a role, a pair, a count."""
    parts = []
    for key in ("person", "referent"):
        if key in details:
            parts.append(_name(ctx, details[key]))
    if details.get("role") in ("admin", "referent"):
        parts.append(ctx.t(f"roles-role-{details['role']}"))
    pair = ctx.session.get(Pair, details["pair"]) if isinstance(details.get("pair"), int) else None
    if pair is not None:
        parts.append(ctx.t("journal-pair", **pair_names(ctx, pair)))
    if isinstance(details.get("given"), dict):
        parts.append(ctx.t("journal-pairs-given", count=sum(details["given"].values())))
    return ", ".join(parts)


def line(ctx: Ctx, event: AuditEvent) -> str:
    """One event as a coordinator reads it."""
    when = format_when(event.at, ctx.person.locale, ctx.person.timezone)
    who = _name(ctx, event.actor_person_id) if event.actor_person_id else ctx.t("journal-operator")
    concerns = about(ctx, event.details or {})
    key = "journal-line-about" if concerns else "journal-line"
    return ctx.t(key, when=when, who=who, action=what(ctx, event.action), about=concerns)


def register(router: Router) -> None:
    @section(router, "journal", "admin-section-journal")
    def journal_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the programme's last audit events, newest last."""
        assert programme is not None
        shown = events(ctx.session, target=programme.slug, newest=SHOWN)
        lines = [ctx.t("journal-heading", programme=programme.name, count=len(shown))]
        lines += [line(ctx, event) for event in shown]
        ctx.send_text("\n".join(lines))
