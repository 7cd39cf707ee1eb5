"""`/meeting`: a pair's log of meetings, and planning, logging, editing and deleting them.

```mermaid
stateDiagram-v2
    [*] --> log: /meeting (active pair; a mentor with several pairs picks one first)
    log --> plan_form: plan -> planned, both get an .ics file
    log --> log_form: log a meeting held -> held, themes, tags, private note, action items
    log --> pick: edit / delete / record what happened
    pick --> plan_form: edit a planned meeting
    pick --> log_form: edit any other meeting (its private texts shown first)
    pick --> confirm: delete -> yes removes it and its private texts
    pick --> outcome: record -> held / cancelled / did not happen (cancel only, if still to come)
    outcome --> [*]: first answer recorded, the other member told; later clicks change nothing
```
The scheduler asks "did it take place?" with the same outcome buttons (`meeting_notices`).
"""

from __future__ import annotations

from typing import Any

from handlers.context import Ctx
from handlers.forms import open_form
from handlers.meeting_forms import (
    DEFAULT_MINUTES,
    LOG,
    PLAN,
    member_meeting,
    member_pair,
    register_forms,
)
from handlers.meeting_notices import (
    FORMATS,
    held_options,
    meeting_line,
    name_of,
    share_calendar,
    when_for,
)
from handlers.router import Router
from handlers.standing import ended_pairs_of
from storage import private_notes
from storage.enums import MeetingStatus
from storage.matching import open_pair_of
from storage.meetings import (
    active_pairs_of,
    delete_meeting,
    meetings_of,
    refresh_last_meeting,
    touch,
)
from storage.models import Meeting, Pair, Programme

SHOWN_MEETINGS = 10
SHOWN_IN_LOG = 80
PRIVATE_LINES = (("meeting_note", "meetings-line-note"), ("action_items", "meetings-line-actions"))


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN_IN_LOG else flat[: SHOWN_IN_LOG - 1] + "…"


def _private_texts(ctx: Ctx, pair: Pair) -> dict[tuple[str, int | None], str]:
    """The pair's meeting notes and action items, decrypted for the speaker, by meeting."""
    found: dict[tuple[str, int | None], str] = {}
    for subject, _key in PRIVATE_LINES:
        for note, text in private_notes.read(ctx.session, ctx.cipher, pair, ctx.me, subject):
            found[(subject, note.subject_id)] = text
    return found


def _describe(
    ctx: Ctx, number: int, meeting: Meeting, private: dict[tuple[str, int | None], str], full: bool
) -> list[str]:
    lines = [meeting_line(ctx, ctx.me, number, meeting)]
    if meeting.themes:
        lines.append("   " + ctx.t("meetings-line-themes", themes=", ".join(meeting.themes)))
    for subject, key in PRIVATE_LINES:
        text = private.get((subject, meeting.id))
        if text:
            lines.append("   " + ctx.t(key, text=text if full else _short(text)))
    return lines


def show_log(ctx: Ctx, pair: Pair) -> None:
    """Show the pair's meetings and what can be done with them."""
    meetings = meetings_of(ctx.session, pair.id)  # type: ignore[arg-type]
    private = _private_texts(ctx, pair)
    lines = [ctx.t("meetings-log-title", name=name_of(ctx, pair.partner_of(ctx.me)))]
    if not meetings:
        lines.append(ctx.t("meetings-log-empty"))
    hidden = max(0, len(meetings) - SHOWN_MEETINGS)
    if hidden:
        lines.append(ctx.t("meetings-log-earlier", count=hidden))
    for number, meeting in enumerate(meetings[hidden:], hidden + 1):
        lines += _describe(ctx, number, meeting, private, full=False)
    options = [(ctx.t("meetings-plan"), "plan"), (ctx.t("meetings-log"), "log")]
    if any(m.status == MeetingStatus.planned for m in meetings):
        options.append((ctx.t("meetings-record"), "record"))
    if meetings:
        options += [(ctx.t("meetings-edit"), "edit"), (ctx.t("meetings-delete"), "delete")]
    lines += ["", ctx.t("meetings-what")]
    ctx.ask("\n".join(lines), options, "meeting-menu", {"pair": pair.id})


def _ask_which(ctx: Ctx, pair: Pair, op: str) -> None:
    meetings = meetings_of(ctx.session, pair.id)  # type: ignore[arg-type]
    options = [
        (ctx.t("meetings-pick", number=n, when=when_for(ctx, ctx.me, m.scheduled_at)), str(m.id))
        for n, m in enumerate(meetings, 1)
        if op != "record" or m.status == MeetingStatus.planned
    ]
    if not options:
        ctx.say("meetings-none-to-pick")
        return
    ctx.ask(ctx.t("meetings-which"), options, "meeting-pick", {"pair": pair.id, "op": op})


def _open_edit(ctx: Ctx, pair: Pair, meeting: Meeting) -> None:
    """Show the meeting with its private texts, then its form, prefilled with the rest."""
    number = [m.id for m in meetings_of(ctx.session, pair.id)].index(meeting.id) + 1  # type: ignore[arg-type]
    details = _describe(ctx, number, meeting, _private_texts(ctx, pair), full=True)
    ctx.send_text("\n".join([ctx.t("meeting-edit-intro"), *details]))
    values: dict[str, Any] = {
        "when": meeting.scheduled_at.isoformat(),
        "minutes": meeting.duration_minutes,
        "format": meeting.format,
    }
    params = {"pair": pair.id, "meeting": meeting.id}
    if meeting.status == MeetingStatus.planned:
        open_form(ctx, PLAN, params, values)
        return
    programme = ctx.session.get(Programme, pair.programme_id)
    listed = set(programme.themes if programme else [])
    values["themes"] = [theme for theme in meeting.themes if theme in listed]
    values["tags"] = ", ".join(theme for theme in meeting.themes if theme not in listed)
    open_form(ctx, LOG, params, values)


def _ask_outcome(ctx: Ctx, pair: Pair, meeting: Meeting) -> None:
    """Offer what can be recorded: anything once it has started, else only cancelling it."""
    when = when_for(ctx, ctx.me, meeting.scheduled_at)
    if meeting.scheduled_at <= ctx.now:
        name = name_of(ctx, pair.partner_of(ctx.me))
        text = ctx.t("meeting-held-question", name=name, when=when)
        options = held_options(ctx, ctx.me)
    else:
        text = ctx.t("meeting-cancel-question", when=when)
        cancel = ctx.t("meeting-answer-cancelled")
        options = [(cancel, "cancelled"), (ctx.t("meeting-keep"), "keep")]
    ctx.ask(text, options, "meeting-held", {"meeting": meeting.id})


def _record(ctx: Ctx, meeting: Meeting, pair: Pair, outcome: str) -> None:
    """Set the outcome of a planned meeting and tell the other member."""
    upcoming = meeting.scheduled_at > ctx.now
    meeting.status = MeetingStatus(outcome)
    touch(meeting, ctx.now)
    ctx.session.add(meeting)
    refresh_last_meeting(ctx.session, pair)
    status = ctx.t(f"meeting-status-{outcome}")
    ctx.say("meeting-recorded", when=when_for(ctx, ctx.me, meeting.scheduled_at), status=status)
    if outcome == MeetingStatus.held:
        ctx.say("meeting-recorded-tip")
    other = pair.partner_of(ctx.me)
    ctx.tell(
        other,
        "meeting-recorded-other",
        name=ctx.person.display_name,
        when=when_for(ctx, other, meeting.scheduled_at),
        status=ctx.t_for(other, f"meeting-status-{outcome}"),
    )
    if upcoming:  # before its start, only a cancellation is accepted
        share_calendar(ctx, pair, meeting, cancelled=True)


def register(router: Router) -> None:
    register_forms(router)

    @router.command("meeting", "rencontre", "meetings", "rencontres", help_key="help-cmd-meeting")
    def meeting(ctx: Ctx, _args: str) -> None:
        """Show the log of the person's pair, or say how to get one."""
        pairs = active_pairs_of(ctx.session, ctx.me)
        if not pairs:
            forming = open_pair_of(ctx.session, ctx.me) is not None
            if not forming and ended_pairs_of(ctx.session, ctx.me):
                past = [(ctx.t("status-past-meetings"), "pastmeetings")]
                ctx.ask(ctx.t("meetings-pair-ended"), past, "go")
            else:
                ctx.say("meetings-pair-not-ready" if forming else "meetings-no-pair")
        elif len(pairs) == 1:
            show_log(ctx, pairs[0])
        else:
            options = [(name_of(ctx, p.partner_of(ctx.me)), str(p.id)) for p in pairs]
            ctx.ask(ctx.t("meetings-which-pair"), options, "meeting-pair")

    @router.action("meeting-pair")
    def pair_chosen(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Show the log of the chosen pair."""
        pair = member_pair(ctx, int(value))
        if pair is not None:
            show_log(ctx, pair)

    @router.action("meeting-menu")
    def menu(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Open the plan or log form, or ask which meeting to act on."""
        pair = member_pair(ctx, context["pair"])
        if pair is None:
            return
        if value == "plan":
            defaults: dict[str, Any] = {"minutes": DEFAULT_MINUTES}
            if pair.preferred_format in FORMATS:
                defaults["format"] = pair.preferred_format
            open_form(ctx, PLAN, {"pair": pair.id}, defaults)
        elif value == "log":
            open_form(ctx, LOG, {"pair": pair.id}, {"minutes": DEFAULT_MINUTES})
        else:
            _ask_which(ctx, pair, value)

    @router.action("meeting-pick")
    def pick(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Edit the chosen meeting, ask to confirm its deletion, or ask what happened."""
        found = member_meeting(ctx, int(value), context["pair"])
        if found is None:
            return
        meeting, pair = found
        if context["op"] == "edit":
            _open_edit(ctx, pair, meeting)
        elif context["op"] == "delete":
            when = when_for(ctx, ctx.me, meeting.scheduled_at)
            options = [(ctx.t("meeting-delete-yes"), "yes"), (ctx.t("meeting-keep"), "no")]
            ctx.ask(
                ctx.t("meeting-delete-confirm", when=when),
                options,
                "meeting-delete",
                {"meeting": meeting.id},
            )
        elif meeting.status != MeetingStatus.planned:
            ctx.say("meeting-already-recorded", status=ctx.t(f"meeting-status-{meeting.status}"))
        else:
            _ask_outcome(ctx, pair, meeting)

    @router.action("meeting-delete")
    def delete(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Delete the meeting and its private texts on yes; the other member is told."""
        if value != "yes":
            ctx.say("meeting-unchanged")
            return
        found = member_meeting(ctx, context["meeting"])
        if found is None:
            return
        meeting, pair = found
        if meeting.status == MeetingStatus.planned and meeting.scheduled_at > ctx.now:
            touch(meeting, ctx.now)
            share_calendar(ctx, pair, meeting, cancelled=True)
        other = pair.partner_of(ctx.me)
        when, other_when = (when_for(ctx, p, meeting.scheduled_at) for p in (ctx.me, other))
        delete_meeting(ctx.session, pair, meeting)
        ctx.say("meeting-deleted", when=when)
        ctx.tell(other, "meeting-deleted-other", name=ctx.person.display_name, when=other_when)

    @router.action("meeting-held")
    def outcome(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Record the first answer about a planned meeting; later answers change nothing."""
        found = member_meeting(ctx, context["meeting"], active=False)
        if found is None:
            return
        meeting, pair = found
        if meeting.status != MeetingStatus.planned:
            ctx.say("meeting-already-recorded", status=ctx.t(f"meeting-status-{meeting.status}"))
        elif value == "keep":
            ctx.say("meeting-unchanged")
        elif value != MeetingStatus.cancelled and meeting.scheduled_at > ctx.now:
            ctx.say("meeting-not-yet")
        else:
            _record(ctx, meeting, pair, value)
