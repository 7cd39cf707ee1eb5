"""Matching in the admins' `/admin`: the cohort's draft with a button to publish it, a
committee programme's stored draft to review, and the committee's form to pair a mentee with a
mentor by hand. The texts and the work are `handlers.match_summary` and
`handlers.committee_draft`, shared with `mentorbot match`.

```mermaid
stateDiagram-v2
    [*] --> draft: /admin matching -> how many mentees would get how many proposals, and why fewer
    draft --> [*]: "publish" -> proposals sent (same code as the sweep and `mentorbot match`)
    [*] --> committee: /admin matching, committee -> the draft refreshed (first rows), buttons
    committee --> move: "move a mentee" -> mentee, mentor, reason (a refusal on its field)
    move --> [*]: placed and locked
    committee --> [*]: "lock" / "unlock" the rows shown
    committee --> [*]: "publish" -> each placed mentee's mentor is asked
    [*] --> form: /admin pair -> mentee, mentor, reason
    form --> form: a hard rule refuses (the error on the field concerned)
    form --> [*]: the mentor is asked (same code as `mentorbot pair`)
```
Every button re-checks the role: it may be old.
"""

from __future__ import annotations

from typing import Any

from handlers.admin import may, section
from handlers.cohort import drafts_of, publish
from handlers.committee import Refusal, committee_pair
from handlers.committee_draft import DraftRow, lock, move, publish_draft, refresh_draft
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.match_summary import (
    committee_summary,
    published_lines,
    row_line,
    summary_lines,
    tell_admins,
)
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from storage.audit import record
from storage.cohort import unpaired_mentees, waiting_mentees
from storage.enums import GrantRole
from storage.matching import mentor_profiles
from storage.models import Application, Person, Programme
from storage.placements import draft_version

FORM = "committee-pair"
MOVE_FORM = "committee-move"
PUBLISH_ACTION = "matching-publish"
DRAFT_ACTION = "matching-draft"
MAX_CHOICES = 100
MAX_ROWS = 20  # draft rows shown in the chat; the command line shows them all
# Option values are "p" and a person's id: a bare number would read as the option's number.


def _people_options(ctx: Ctx, applications: list[Application]) -> tuple[Option, ...]:
    options = []
    for application in applications[:MAX_CHOICES]:
        person = ctx.session.get(Person, application.person_id)
        name = (person.display_name if person else "") or "?"
        organisation = application.answers.get("organisation", "")
        label = f"{name} ({organisation})" if organisation else name
        options.append(Option(label, f"p{application.person_id}"))
    return tuple(options)


def _mentee_options(ctx: Ctx, programme: Programme) -> tuple[Option, ...]:
    """Mentees without a pair: the committee's manual pair form."""
    return _people_options(ctx, unpaired_mentees(ctx.session, programme))


def _waiting_options(ctx: Ctx, programme: Programme) -> tuple[Option, ...]:
    """Mentees waiting for proposals: those a committee's draft places."""
    return _people_options(ctx, waiting_mentees(ctx.session, programme))


def _mentor_options(ctx: Ctx, programme: Programme) -> tuple[Option, ...]:
    return tuple(
        Option(ctx.t("pair-mentor-option", name=m.name, free=m.free_places), f"p{m.person_id}")
        for m in mentor_profiles(ctx.session, programme)
        if m.free_places > 0
    )[:MAX_CHOICES]


def _pair_fields(
    ctx: Ctx, programme: Programme, mentees: tuple[Option, ...], reason: str, hint: str
) -> list[FormField]:
    """A mentee, a mentor with room and the committee's reason: both forms ask this."""
    choice = FieldKind.choice
    return [
        FormField("mentee", ctx.t("pair-f-mentee"), choice, mentees),
        FormField("mentor", ctx.t("pair-f-mentor"), choice, _mentor_options(ctx, programme)),
        FormField("reason", ctx.t(reason), hint=ctx.t(hint), max_length=500),
    ]


def _admins_programme(ctx: Ctx, params: dict[str, Any]) -> Programme | None:
    """The form's programme when the person is still its admin (else they are told so)."""
    programme = ctx.session.get(Programme, params["programme"])
    if programme is None or not may(ctx.session, ctx.me, programme, GrantRole.admin):
        ctx.say("admin-refused")
        return None
    return programme


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """Mentee among those waiting for a mentor, mentor among those with room, the reason."""
    programme = ctx.session.get(Programme, params["programme"])
    assert programme is not None
    mentees = _mentee_options(ctx, programme)
    return ctx.t("pair-form-title", programme=programme.name), _pair_fields(
        ctx, programme, mentees, "pair-f-reason", "pair-h-reason"
    )


def submit_form(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Form the pair, or put the rule that refuses it on the field it concerns."""
    programme = _admins_programme(ctx, params)
    if programme is None:
        return None
    mentee, mentor = int(values["mentee"][1:]), int(values["mentor"][1:])
    made = committee_pair(ctx, programme, mentee, mentor, values["reason"])
    if isinstance(made, Refusal):
        record(ctx.session, ctx.me, "pair.refused", programme.slug, via="chat", rule=made.rule)
        return {made.field: FieldError(made.key, made.params)}
    record(
        ctx.session,
        ctx.me,
        "pair.committee",
        programme.slug,
        via="chat",
        pair=made.id,
        reason=made.committee_reason,
    )
    ctx.say("pair-done", mentee=_name(ctx, mentee), mentor=_name(ctx, mentor))
    return None


def build_move_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """Mentee among those of the draft, mentor among those with room, the reason."""
    programme = ctx.session.get(Programme, params["programme"])
    assert programme is not None
    mentees = _waiting_options(ctx, programme)
    return ctx.t("draft-move-title", programme=programme.name), _pair_fields(
        ctx, programme, mentees, "draft-f-reason", "draft-h-reason"
    )


def submit_move(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Place the mentee with the mentor in the draft, or put the refusal on its field."""
    programme = _admins_programme(ctx, params)
    if programme is None:
        return None
    mentee, mentor = int(values["mentee"][1:]), int(values["mentor"][1:])
    made = move(ctx.session, programme, mentee, mentor, values["reason"], ctx.me, ctx.now)
    if isinstance(made, Refusal):
        record(
            ctx.session, ctx.me, "match.move.refused", programme.slug, via="chat", rule=made.rule
        )
        return {made.field: FieldError(made.key, made.params)}
    record(
        ctx.session,
        ctx.me,
        "match.move",
        programme.slug,
        via="chat",
        mentee=mentee,
        mentor=mentor,
        reason=made.moved_reason,
    )
    ctx.say("draft-moved", mentee=_name(ctx, mentee), mentor=_name(ctx, mentor))
    return None


def show_draft(ctx: Ctx, programme: Programme) -> None:
    """The committee's draft, refreshed: its first rows, the summary, and what can be done."""
    rows = refresh_draft(ctx.session, programme, ctx.now)
    locale = ctx.person.locale
    if rows:
        shown = [row_line(locale, row) for row in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            more = len(rows) - MAX_ROWS
            shown.append(ctx.t("draft-more-rows", count=more, slug=programme.slug))
        ctx.send_text("\n".join(shown))
    text = "\n".join(committee_summary(locale, programme, rows, MAX_ROWS))
    if not rows:
        ctx.send_text(text)
        return
    options = [
        (ctx.t("draft-publish"), "publish"),
        (ctx.t("draft-move"), "move"),
        (ctx.t("draft-lock-shown"), "lock"),
        (ctx.t("draft-unlock-shown"), "unlock"),
    ]
    context = {
        "programme": programme.id,
        "shown": _shown(rows[:MAX_ROWS]),
        "version": draft_version(ctx.session, programme.id),  # type: ignore[arg-type]
    }
    ctx.ask(text, options, DRAFT_ACTION, context)


def _shown(rows: list[DraftRow]) -> list[int]:
    return [row.application.id for row in rows if row.application.id is not None]


def _name(ctx: Ctx, person_id: int) -> str:
    person = ctx.session.get(Person, person_id)
    return (person.display_name if person else "") or "?"


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))
    router.form(FormSpec(MOVE_FORM, build_move_form, submit_move))

    @section(router, "matching", "admin-section-matching")
    def matching(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show how many mentees would get how many proposals, with a button to publish."""
        assert programme is not None
        if programme.matching == "committee":
            show_draft(ctx, programme)
            return
        drafts = [draft for _, draft in drafts_of(ctx.session, programme)]
        text = "\n".join(summary_lines(ctx.person.locale, programme, drafts, MAX_ROWS))
        if not drafts:
            ctx.send_text(text)
            return
        options = [(ctx.t("match-publish"), "publish")]
        ctx.ask(text, options, PUBLISH_ACTION, {"programme": programme.id})

    @router.action(PUBLISH_ACTION)
    def publish_now(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Publish the proposals (the role is checked again: the button may be old)."""
        programme = ctx.session.get(Programme, context["programme"])
        if programme is None or programme.matching == "committee":
            ctx.say("error-button-stale")  # a committee's draft is published from its own view
            return
        if not may(ctx.session, ctx.me, programme, GrantRole.admin):
            record(ctx.session, ctx.me, "match.apply.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        done = publish(ctx, programme)
        record(
            ctx.session,
            ctx.me,
            "match.apply",
            programme.slug,
            via="chat",
            offered=done.offered,
            without=done.without,
        )
        ctx.say("match-published", offered=done.offered, without=done.without)

    @router.action(DRAFT_ACTION)
    def draft_action(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Publish the draft, open the move form, or lock or unlock the rows shown."""
        programme = ctx.session.get(Programme, context["programme"])
        if programme is None or programme.matching != "committee":
            ctx.say("error-button-stale")
            return
        if not may(ctx.session, ctx.me, programme, GrantRole.admin):
            action = "match.apply" if value == "publish" else f"match.{value}"
            record(ctx.session, ctx.me, f"{action}.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        if value != "move" and context.get("version") != draft_version(
            ctx.session,
            programme.id,  # type: ignore[arg-type]
        ):
            ctx.say("draft-changed")  # publish or lock only what this admin was shown
            show_draft(ctx, programme)
            return
        if value == "move":
            if not _waiting_options(ctx, programme) or not _mentor_options(ctx, programme):
                ctx.say("draft-nothing-to-move")
                return
            open_form(ctx, MOVE_FORM, {"programme": programme.id})
        elif value in ("lock", "unlock"):
            changed = lock(ctx.session, programme, context["shown"], value == "lock", ctx.now)
            record(ctx.session, ctx.me, f"match.{value}", programme.slug, via="chat", count=changed)
            ctx.say(f"draft-{value}ed-shown", count=changed)
        else:
            done = publish_draft(ctx, programme, ctx.person.locale)
            tell_admins(ctx, programme, done, but=ctx.me)
            record(
                ctx.session,
                ctx.me,
                "match.apply",
                programme.slug,
                via="chat",
                paired=done.paired,
                refused=len(done.refused),
                without=done.without,
            )
            ctx.send_text("\n".join(published_lines(ctx.person.locale, programme, done)))

    @section(router, "pair", "admin-section-pair")
    def pair(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Open the committee's form, or say why no pair can be formed now."""
        assert programme is not None
        if not _mentee_options(ctx, programme):
            ctx.say("pair-no-mentee")
        elif not _mentor_options(ctx, programme):
            ctx.say("pair-no-mentor")
        else:
            open_form(ctx, FORM, {"programme": programme.id})
