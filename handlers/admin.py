"""Coordinators' `/admin`: a menu of buttons per programme; every section checks the role first
and is audited.

```mermaid
stateDiagram-v2
    [*] --> refused: no role (audited)
    [*] --> programmes: /admin, several programmes -> which one?
    [*] --> menu: /admin, one programme -> its follow-up summary and the menu
    programmes --> menu: a programme picked
    menu --> section: a button (or `/admin <word>` typed)
    section --> refused: role too low for that section (audited)
```
Sections register themselves with `section(router, word, label_key, need)`. Referents see their
own pairs only, admins every pair; both only ever see counts, dates and states, never what a
pair wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.domain.followup import Dashboard
from handlers.context import Ctx
from handlers.followup_text import summary_lines
from handlers.router import Router
from storage.audit import record
from storage.enums import GrantRole
from storage.followup import dashboard, summary
from storage.models import Person, Programme
from storage.people import global_roles, roles_in, roles_of

SectionRun = Callable[[Ctx, Programme | None, str], None]
MENU_ACTION = "admin-section"
PICK_ACTION = "admin-programme"
NEW = "new"


@dataclass(frozen=True)
class Section:
    """An entry of the menu: typed as `/admin <word>`, needing `need` (admin or referent)."""

    word: str
    label_key: str
    run: SectionRun
    need: str = GrantRole.admin
    per_programme: bool = True


def section(
    router: Router,
    word: str,
    label_key: str,
    need: str = GrantRole.admin,
    *,
    per_programme: bool = True,
) -> Callable[[SectionRun], SectionRun]:
    """Register a menu section; `per_programme=False` for one that needs no programme (new)."""

    def register(run: SectionRun) -> SectionRun:
        router.sections[word] = Section(word, label_key, run, need, per_programme)
        return run

    return register


def is_coordinator(session: Session, person_id: int) -> bool:
    return bool(roles_of(session, person_id))


def may(session: Session, person_id: int, programme: Programme | None, need: str) -> bool:
    """Whether the person holds `need` (an admin holds every role) for this programme."""
    held = (
        roles_in(session, person_id, programme.id)  # type: ignore[arg-type]
        if programme is not None
        else global_roles(session, person_id)
    )
    return GrantRole.admin in held or (need == GrantRole.referent and GrantRole.referent in held)


def referent_scope(session: Session, person_id: int | None, programme: Programme) -> int | None:
    """Whose pairs only the person may see: None for an admin (every pair) or for the machine's
    operator on the command line (no `--as`, an admin by default); else the person's own id, a
    referent seeing the pairs it follows."""
    if person_id is None or may(session, person_id, programme, GrantRole.admin):
        return None
    return person_id


def visible_programmes(session: Session, person_id: int) -> list[Programme]:
    """The programmes the person coordinates, not ended first, newest first."""
    programmes = session.exec(select(Programme).order_by(col(Programme.id).desc())).all()
    mine = [p for p in programmes if roles_in(session, person_id, p.id)]  # type: ignore[arg-type]
    return sorted(mine, key=lambda p: p.ended_at is not None)


def visible_dashboard(
    session: Session, person_id: int | None, programme: Programme, now: datetime
) -> Dashboard:
    """The programme's follow-up as the person may see it: a referent its own pairs only, and
    no pulse of a pair the person belongs to (None: the command line's operator, every pair)."""
    scope = referent_scope(session, person_id, programme)
    return dashboard(session, programme, now, scope, viewer_id=person_id)


def visible_summary(
    session: Session, person_id: int, programme: Programme, now: datetime
) -> Dashboard:
    """The same figures without the pairs' rows, summed by the database (fast at any size)."""
    scope = referent_scope(session, person_id, programme)
    return summary(session, programme, now, scope, viewer_id=person_id)


def coordinator_summaries(
    session: Session, person: Person, now: datetime, limit: int = 3
) -> list[tuple[Programme, list[str]]]:
    """The first `limit` programmes the person coordinates, each with its follow-up summary as
    they may see it, in their language and time zone."""
    assert person.id is not None
    return [
        (
            programme,
            summary_lines(
                visible_summary(session, person.id, programme, now),
                person.locale,
                person.timezone,
            ),
        )
        for programme in visible_programmes(session, person.id)[:limit]
    ]


def summary_text(ctx: Ctx, programme: Programme) -> str:
    board = visible_summary(ctx.session, ctx.me, programme, ctx.now)
    return "\n".join(summary_lines(board, ctx.person.locale, ctx.person.timezone))


def show_menu(ctx: Ctx, programme: Programme) -> None:
    """The programme's follow-up summary and the sections this person may open, as buttons;
    refused (and audited) to someone who no longer coordinates it (an old picker's button)."""
    if not may(ctx.session, ctx.me, programme, GrantRole.referent):
        record(ctx.session, ctx.me, "admin.figures.refused", programme.slug)
        ctx.say("admin-refused")
        return
    record(ctx.session, ctx.me, "admin.figures", programme.slug)
    options = [
        (ctx.t(entry.label_key), entry.word)
        for entry in ctx.router.sections.values()
        if entry.per_programme and may(ctx.session, ctx.me, programme, entry.need)
    ]
    if NEW in ctx.router.sections and may(ctx.session, ctx.me, None, GrantRole.admin):
        options.append((ctx.t("admin-new-programme"), NEW))
    text = f"{summary_text(ctx, programme)}\n\n{ctx.t('admin-menu')}"
    ctx.ask(text, options, MENU_ACTION, {"programme": programme.id})


def pick_programme(ctx: Ctx, programmes: list[Programme], then: str) -> None:
    options = [(p.name, str(p.id)) for p in programmes]
    if (
        then == ""
        and may(ctx.session, ctx.me, None, GrantRole.admin)
        and NEW in ctx.router.sections
    ):
        options.append((ctx.t("admin-new-programme"), NEW))
    ctx.ask(ctx.t("admin-which-programme"), options, PICK_ACTION, {"then": then})


def open_section(ctx: Ctx, word: str, programme: Programme | None, args: str = "") -> None:
    """Run a section after checking the role for it; refusals are audited."""
    entry: Section = ctx.router.sections[word]
    target = programme.slug if programme is not None else ""
    if not may(ctx.session, ctx.me, programme, entry.need):
        record(ctx.session, ctx.me, f"admin.{word}.refused", target)
        ctx.say("admin-refused")
        return
    record(ctx.session, ctx.me, f"admin.{word}", target)
    entry.run(ctx, programme, args)


def programme_for_button(
    ctx: Ctx, programme_id: Any, need: str, refused_action: str, **details: Any
) -> Programme | None:
    """The programme a button names, when it still exists ("stale" otherwise) and the person
    still holds `need` in it (otherwise refused, and audited as `refused_action`)."""
    programme = ctx.session.get(Programme, programme_id)
    if programme is None:
        ctx.say("error-button-stale")
        return None
    if not may(ctx.session, ctx.me, programme, need):
        record(ctx.session, ctx.me, refused_action, programme.slug, **details)
        ctx.say("admin-refused")
        return None
    return programme


def register(router: Router) -> None:
    @router.command("admin", "coordination", help_key=None)
    def admin(ctx: Ctx, args: str) -> None:
        """The coordinators' entry point; anyone else is refused."""
        if not is_coordinator(ctx.session, ctx.me):
            record(ctx.session, ctx.me, "admin.refused", args[:100])
            ctx.say("admin-refused")
            return
        word, _, rest = args.partition(" ")
        word = word.casefold()
        if word in ("figures", "chiffres"):
            word = ""
        if word and word not in router.sections:
            ctx.say("admin-unknown", command=word[:40])
            return
        if word and not router.sections[word].per_programme:
            open_section(ctx, word, None, rest.strip())
            return
        programmes = visible_programmes(ctx.session, ctx.me)
        if not programmes:
            if may(ctx.session, ctx.me, None, GrantRole.admin) and NEW in router.sections:
                options = [(ctx.t("admin-new-programme"), NEW)]
                ctx.ask(ctx.t("admin-no-programme"), options, PICK_ACTION, {"then": ""})
            else:
                ctx.say("admin-no-programme-yours")
            return
        # `/admin <word> <slug>` (the App Home's buttons) names the programme
        named = [p for p in programmes if p.slug == rest.strip()]
        if len(programmes) > 1 and not (word and named):
            pick_programme(ctx, programmes, word)
        elif word:
            open_section(ctx, word, (named or programmes)[0], rest.strip())
        else:
            show_menu(ctx, programmes[0])

    @router.action(PICK_ACTION)
    def picked(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A programme was picked: its menu, or the section typed before."""
        if value == NEW:
            open_section(ctx, NEW, None)
            return
        programme = ctx.session.get(Programme, int(value))
        if programme is None:
            ctx.say("error-button-stale")
        elif context.get("then"):
            open_section(ctx, context["then"], programme)
        else:
            show_menu(ctx, programme)

    @router.action(MENU_ACTION)
    def chosen(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A section button of the menu."""
        if value == NEW:
            open_section(ctx, NEW, None)
            return
        programme = ctx.session.get(Programme, context["programme"])
        if programme is None or value not in router.sections:
            ctx.say("error-button-stale")
            return
        open_section(ctx, value, programme)
