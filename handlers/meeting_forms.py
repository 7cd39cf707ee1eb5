"""The two meeting forms (plan a meeting; log a meeting held) and the checks every meeting
action makes first: the speaker is a member of the pair, and the meeting is the pair's.

A held meeting's themes (from the programme's list) and free tags are stored together in
`Meeting.themes`, which coordinators see, so tags stay short. Its private note and action items
go only to `storage.private_notes`; an edit does not prefill them (the form's answers wait in
the conversation state): the current ones are shown above the form, "-" keeps them, the erase
word deletes them, any other text replaces them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.durations import LONGEST, SHORTEST
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, form_text
from handlers.meeting_notices import FORMATS, share_calendar, when_for
from handlers.router import Router
from handlers.text import fold
from handlers.ui import FieldKind, FormField, Option
from messages.catalog import LOCALES, t
from storage import private_notes
from storage.enums import MeetingStatus, PairState
from storage.meetings import forget_notes, locked_meeting, refresh_last_meeting, touch
from storage.models import Meeting, Pair, Programme

PLAN, LOG = "meeting-plan", "meeting-log"
PRIVATE_FIELDS = (("note", "meeting_note"), ("actions", "action_items"))
MAX_TAGS, MAX_TAG_LENGTH = 10, 40
DEFAULT_MINUTES = 60
Errors = dict[str, FieldError] | None


def member_pair(ctx: Ctx, pair_id: int, *, active: bool = True) -> Pair | None:
    """The pair if the speaker is in it (and it is active); else says why and gives None."""
    pair = ctx.session.get(Pair, pair_id)
    if pair is None or ctx.me not in (pair.mentor_person_id, pair.mentee_person_id):
        ctx.say("meeting-not-yours")
        return None
    if active and pair.state != PairState.active:
        ctx.say("meetings-no-pair")
        return None
    return pair


def member_meeting(
    ctx: Ctx, meeting_id: int, pair_id: int | None = None, *, active: bool = True
) -> tuple[Meeting, Pair] | None:
    """The meeting (locked) and its pair, if the speaker may act on it; else says why."""
    meeting = locked_meeting(ctx.session, meeting_id)
    if meeting is None:
        ctx.say("meeting-gone")
        return None
    if pair_id is not None and meeting.pair_id != pair_id:
        ctx.say("meeting-not-yours")
        return None
    pair = member_pair(ctx, meeting.pair_id, active=active)
    return (meeting, pair) if pair is not None else None


def parse_tags(raw: str | None, themes: list[str]) -> list[str] | FieldError:
    """Short tags from comma-separated text; no repeats, no themes already chosen, no bare marks."""
    tags: list[str] = []
    seen = {fold(theme) for theme in themes}
    for part in (raw or "").replace(";", ",").split(","):
        tag = " ".join(part.split())
        if not any(ch.isalnum() for ch in tag) or fold(tag) in seen:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            return FieldError("meeting-tag-too-long", {"tag": tag[:60], "limit": MAX_TAG_LENGTH})
        seen.add(fold(tag))
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        return FieldError("meeting-tags-too-many", {"count": len(tags), "limit": MAX_TAGS})
    return tags


def _when_field(ctx: Ctx, *, future: bool) -> FormField:
    kind = "plan" if future else "log"
    return FormField(
        "when",
        ctx.t(f"meeting-f-when-{kind}"),
        FieldKind.date,
        hint=ctx.t(f"meeting-h-when-{kind}"),
        future=future,
        past=not future,
    )


def _common_fields(ctx: Ctx, *, future: bool) -> list[FormField]:
    formats = tuple(Option(ctx.t(f"format-{code}"), code) for code in FORMATS)
    return [
        _when_field(ctx, future=future),
        FormField(
            "minutes",
            ctx.t("meeting-f-minutes"),
            FieldKind.duration,
            hint=ctx.t("meeting-h-minutes", low=SHORTEST, hours=LONGEST // 60),
            low=SHORTEST,
            high=LONGEST,
        ),
        FormField("format", ctx.t("meeting-f-format"), FieldKind.choice, options=formats),
    ]


def _plan_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    title = form_text(ctx, "meeting-edit-title" if "meeting" in params else "meeting-plan-title")
    return title, _common_fields(ctx, future=True)


def _log_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    pair = ctx.session.get(Pair, params["pair"])
    programme = ctx.session.get(Programme, pair.programme_id) if pair else None
    themes = tuple(Option(theme, theme) for theme in (programme.themes if programme else []))
    editing = "meeting" in params
    fields = _common_fields(ctx, future=False)
    if themes:
        fields.append(
            FormField("themes", ctx.t("meeting-f-themes"), FieldKind.multi, themes, required=False)
        )
    tags_hint = ctx.t("meeting-h-tags", count=MAX_TAGS, length=MAX_TAG_LENGTH)
    fields.append(FormField("tags", ctx.t("meeting-f-tags"), hint=tags_hint, required=False))
    for name, _subject in PRIVATE_FIELDS:
        hint = ctx.t(f"meeting-h-{name}")
        if editing:
            hint += "\n" + ctx.t("meeting-h-edit-private", word=ctx.t("meeting-erase-word"))
        fields.append(
            FormField(
                name,
                ctx.t(f"meeting-f-{name}"),
                hint=hint,
                required=False,
                max_length=1500,
                secret=True,
            )
        )
    title = form_text(ctx, "meeting-edit-title" if editing else "meeting-log-title")
    return title, fields


def _target(ctx: Ctx, params: dict[str, Any]) -> tuple[Pair, Meeting | None] | None:
    """The pair (and the meeting, when editing) a submitted form is about, still allowed."""
    if "meeting" not in params:
        pair = member_pair(ctx, params["pair"])
        return (pair, None) if pair is not None else None
    found = member_meeting(ctx, params["meeting"], params["pair"])
    return (found[1], found[0]) if found is not None else None


def _save(ctx: Ctx, pair: Pair, meeting: Meeting | None, changes: dict[str, Any]) -> Meeting:
    """Create the meeting, or apply `changes` to it."""
    if meeting is None:
        meeting = Meeting(
            pair_id=pair.id,  # type: ignore[arg-type]
            created_by_person_id=ctx.me,
            created_at=ctx.now,
            updated_at=ctx.now,
            **changes,
        )
    else:
        for name, value in changes.items():
            setattr(meeting, name, value)
        touch(meeting, ctx.now)
    ctx.session.add(meeting)
    ctx.session.flush()
    return meeting


def _basics(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "scheduled_at": datetime.fromisoformat(values["when"]),
        "duration_minutes": values["minutes"],
        "format": values["format"],
    }


def _tell_both(ctx: Ctx, pair: Pair, meeting: Meeting, key: str) -> None:
    """Confirm to the speaker with `key`, and tell the other member with `key`-other."""
    ctx.say(key, when=when_for(ctx, ctx.me, meeting.scheduled_at))
    other = pair.partner_of(ctx.me)
    when = when_for(ctx, other, meeting.scheduled_at)
    ctx.tell(other, f"{key}-other", name=ctx.person.display_name, when=when)


def _submit_plan(ctx: Ctx, values: dict[str, Any], params: dict[str, Any]) -> Errors:
    """Plan the meeting (or move it) and send both members its calendar file."""
    changes = _basics(values)
    if changes["scheduled_at"] <= ctx.now:
        return {"when": FieldError("field-date-past", {})}
    target = _target(ctx, params)
    if target is None:
        return None
    pair, meeting = target
    if meeting is not None and meeting.status != MeetingStatus.planned:
        ctx.say("meeting-already-recorded", status=ctx.t(f"meeting-status-{meeting.status}"))
        return None
    key = "meeting-planned" if meeting is None else "meeting-changed"
    meeting = _save(ctx, pair, meeting, changes)
    _tell_both(ctx, pair, meeting, key)
    share_calendar(ctx, pair, meeting)
    return None


def _keep_private(
    ctx: Ctx, pair: Pair, meeting: Meeting, values: dict[str, Any], new: bool
) -> None:
    """Write the note and action items; on an edit, replace or erase the ones given."""
    erase_words = {fold(t(locale, "meeting-erase-word")) for locale in LOCALES}
    for name, subject in PRIVATE_FIELDS:
        text = values.get(name)
        if text is None or text.strip() == "=":
            continue
        if not new:
            forget_notes(ctx.session, pair, meeting.id, subject)  # type: ignore[arg-type]
            if fold(text) in erase_words:
                continue
        private_notes.write(ctx.session, ctx.cipher, pair, ctx.me, subject, text, meeting.id)


def _submit_log(ctx: Ctx, values: dict[str, Any], params: dict[str, Any]) -> Errors:
    """Record the meeting held (or correct it), its private note and action items."""
    themes = list(values.get("themes") or [])
    tags = parse_tags(values.get("tags"), themes)
    if isinstance(tags, FieldError):
        return {"tags": tags}
    target = _target(ctx, params)
    if target is None:
        return None
    pair, meeting = target
    new = meeting is None
    changes = {**_basics(values), "themes": themes + tags}
    if new:
        changes["status"] = MeetingStatus.held
    meeting = _save(ctx, pair, meeting, changes)
    _keep_private(ctx, pair, meeting, values, new)
    refresh_last_meeting(ctx.session, pair)
    _tell_both(ctx, pair, meeting, "meeting-logged" if new else "meeting-changed")
    return None


def register_forms(router: Router) -> None:
    router.form(FormSpec(PLAN, _plan_form, _submit_plan))
    router.form(FormSpec(LOG, _log_form, _submit_log))
