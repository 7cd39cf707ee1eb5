"""The `/admin` section "Suivi des binômes" (referents and admins): the programme's follow-up
summary and the pairs needing attention, a button that posts the chart (drawn from the summary
summed in SQL), and one that lists every pair in the order they were formed, a page read at a
time; after the chart and the last page, the same two buttons again. A referent sees its own
pairs only, and nobody the pulse of a pair they belong to; every click checks the role again and
is audited.

```mermaid
stateDiagram-v2
    [*] --> summary: /admin suivi (summary, pairs needing attention)
    summary --> chart: Graphique -> the PNG, with a caption
    summary --> page: Tous les binômes -> pairs 1 to 40
    page --> page: Binômes suivants -> the next 40
    page --> what_next: the last page
    chart --> what_next: Que souhaitez-vous voir ?
    what_next --> chart: Graphique
    what_next --> page: Tous les binômes
```
"""

from __future__ import annotations

from typing import Any

from handlers.admin import (
    programme_for_button,
    referent_scope,
    section,
    visible_dashboard,
    visible_summary,
)
from handlers.context import Ctx
from handlers.followup_chart import png
from handlers.followup_text import as_of, ordered, pair_line, summary_lines
from handlers.router import Router
from handlers.ui import File
from storage.audit import record
from storage.enums import GrantRole
from storage.followup import listed_count, pair_page
from storage.models import Programme

WORD = "suivi"
ACTION = "admin-followup"
SHOWN = 15  # pairs needing attention shown with the summary
PAGE = 40  # pairs per page of the full list
CHART = "chart"
PAGE_PREFIX = "page:"


def show_summary(ctx: Ctx, programme: Programme) -> None:
    """The summary, the pairs needing attention (at most SHOWN), and the buttons."""
    board = visible_dashboard(ctx.session, ctx.me, programme, ctx.now)
    locale, zone = ctx.person.locale, ctx.person.timezone
    lines = [*summary_lines(board, locale, zone), ""]
    attention = [row for row in ordered(board.rows) if row.needs_attention][:SHOWN]
    if not board.rows:
        lines.append(ctx.t("followup-empty"))
    elif attention:
        lines.append(ctx.t("followup-attention"))
        lines += [f"• {pair_line(row, locale, zone, board.now)}" for row in attention]
        if len(board.rows) > len(attention):
            lines.append(ctx.t("followup-others", count=len(board.rows) - len(attention)))
    else:
        lines.append(ctx.t("followup-attention-none"))
    ctx.ask("\n".join(lines), choices(ctx, bool(board.rows)), ACTION, {"programme": programme.id})


def choices(ctx: Ctx, has_pairs: bool) -> list[tuple[str, str]]:
    """The chart, and the list of every pair when there is one to list."""
    options = [(ctx.t("followup-button-chart"), CHART)]
    if has_pairs:
        options.append((ctx.t("followup-button-all"), f"{PAGE_PREFIX}0"))
    return options


def send_chart(ctx: Ctx, programme: Programme) -> None:
    """The follow-up drawn as one PNG, posted with a caption."""
    board = visible_summary(ctx.session, ctx.me, programme, ctx.now)
    day = as_of(ctx.now, ctx.person.locale, ctx.person.timezone)
    caption = ctx.t("followup-chart-caption", programme=programme.name, day=day)
    filename = ctx.t("followup-chart-file", slug=programme.slug)
    image = png(board, ctx.person.locale, ctx.person.timezone)
    ctx.send(File(filename, image, "image/png", caption))
    if board.totals.listed:  # without pairs, the chart was the only thing to see
        ctx.ask(
            ctx.t("followup-what-next"), choices(ctx, True), ACTION, {"programme": programme.id}
        )


def send_page(ctx: Ctx, programme: Programme, page: int) -> None:
    """PAGE pairs' lines, in the order the pairs were formed, with a button for the next page;
    a stale page number shows the last page."""
    scope = referent_scope(ctx.session, ctx.me, programme)
    total = listed_count(ctx.session, programme, scope)
    if not total:
        ctx.say("followup-no-pairs")
        return
    start = min(page, (total - 1) // PAGE) * PAGE
    rows = pair_page(ctx.session, programme, ctx.now, (start, PAGE), scope, ctx.me)
    locale, zone = ctx.person.locale, ctx.person.timezone
    heading = ctx.t("followup-page", first=start + 1, last=start + len(rows), total=total)
    text = "\n".join([heading, *(f"• {pair_line(row, locale, zone, ctx.now)}" for row in rows)])
    if start + PAGE < total:
        next_page = [(ctx.t("followup-button-next"), f"{PAGE_PREFIX}{start // PAGE + 1}")]
        ctx.ask(text, next_page, ACTION, {"programme": programme.id})
    else:
        what_next = f"{text}\n\n{ctx.t('followup-what-next')}"
        ctx.ask(what_next, choices(ctx, True), ACTION, {"programme": programme.id})


def register(router: Router) -> None:
    @section(router, WORD, "admin-section-followup", need=GrantRole.referent)
    def followup_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the follow-up summary and the pairs needing attention."""
        assert programme is not None
        show_summary(ctx, programme)

    @router.action(ACTION)
    def followup_button(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """The chart, or a page of every pair; the role is checked again, and audited."""
        what = "chart" if value == CHART else "pairs"
        refused = f"admin.{WORD}.{what}.refused"
        programme = programme_for_button(ctx, context["programme"], GrantRole.referent, refused)
        if programme is None:
            return
        record(ctx.session, ctx.me, f"admin.{WORD}.{what}", programme.slug)
        if value == CHART:
            send_chart(ctx, programme)
        elif value.startswith(PAGE_PREFIX) and value[len(PAGE_PREFIX) :].isdecimal():
            send_page(ctx, programme, int(value[len(PAGE_PREFIX) :]))
        else:
            ctx.say("error-button-stale")
