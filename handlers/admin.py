"""Coordinators' commands (`/admin`): checked against the person's role first, and audited.

Referents see their own pairs only, admins every pair; both only ever see counts and states,
never what a pair wrote.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from handlers.context import Ctx
from handlers.router import Router
from messages.catalog import t
from storage.applications import latest_programme, programmes_not_closed
from storage.audit import record
from storage.enums import GrantRole
from storage.figures import Figures, programme_figures
from storage.models import Person, Programme
from storage.people import roles_of

SUBCOMMANDS = {"": "figures", "figures": "figures", "chiffres": "figures"}


def is_coordinator(session: Session, person_id: int) -> bool:
    return bool(roles_of(session, person_id))


def figure_lines(locale: str, figures: Figures) -> list[tuple[str, str]]:
    """The figures as (label, value) lines in `locale`."""
    lines = []
    for status, count in sorted(figures.applications.items()):
        label = t(locale, "admin-applications", status=t(locale, f"application-status-{status}"))
        lines.append((label, str(count)))
    for state, count in sorted(figures.pairs.items()):
        lines.append((t(locale, "admin-pairs", state=t(locale, f"admin-pair-{state}")), str(count)))
    lines.append((t(locale, "admin-overdue"), str(figures.overdue)))
    return lines


def coordinator_figures(
    session: Session, person: Person, now: datetime
) -> list[tuple[Programme, list[tuple[str, str]]]]:
    """Each open programme (else the latest) with its figures, as this coordinator may see them."""
    assert person.id is not None
    referent_only = GrantRole.admin not in roles_of(session, person.id)
    latest = latest_programme(session)
    programmes = programmes_not_closed(session, now) or ([latest] if latest else [])
    found = []
    for programme in programmes:
        figures = programme_figures(
            session, programme, now, referent_id=person.id if referent_only else None
        )
        found.append((programme, figure_lines(person.locale, figures)))
    return found


def register(router: Router) -> None:
    @router.command("admin", "coordination", help_key=None)
    def admin(ctx: Ctx, args: str) -> None:
        """The coordinators' entry point; anyone else is refused."""
        if not is_coordinator(ctx.session, ctx.me):
            record(ctx.session, ctx.me, "admin.refused", args[:100])
            ctx.say("admin-refused")
            return
        word = args.split(" ", 1)[0].casefold()
        if word not in SUBCOMMANDS:
            ctx.say("admin-unknown", command=word[:40])
            return
        record(ctx.session, ctx.me, "admin.figures")
        blocks = []
        for programme, lines in coordinator_figures(ctx.session, ctx.person, ctx.now):
            heading = ctx.t("admin-programme", programme=programme.name, slug=programme.slug)
            shown = [ctx.t("admin-figure", label=label, value=value) for label, value in lines]
            blocks.append("\n".join([heading, *shown]))
        ctx.send_text("\n\n".join(blocks) if blocks else ctx.t("admin-no-programme"))
