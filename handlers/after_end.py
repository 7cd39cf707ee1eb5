"""After the programme's end: each member reviews the pair's objectives, `/status` tells where
they stand, and the meeting log stays readable.

```mermaid
stateDiagram-v2
    [*] --> review: "review" button of the end message, or /status
    review --> review: one question per objective: reached / partly / not reached
    review --> [*]: the last one answered -> thanks
    [*] --> log: /status -> "our log" (read only)
```
Both members are asked; an objective keeps the last answer given (`Objective.status`). A private
objective's text is read from its encrypted note, for a member of the pair only.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, or_, select

from bot.domain.questions import FINAL
from handlers.context import Ctx
from handlers.meeting_notices import meeting_line, name_of
from handlers.meetings import PRIVATE_LINES
from handlers.objectives import objective_text
from handlers.programme_end import REVIEW_ACTION
from handlers.questionnaires import open_questionnaire
from handlers.router import Router
from handlers.ui import Choice, Option
from messages.catalog import format_when
from storage import private_notes
from storage.applications import applications_of
from storage.conversations import close_prompts, open_prompt
from storage.enums import PairState
from storage.meetings import meetings_of
from storage.models import Objective, Pair, Programme, Prompt, QuestionnaireWave
from storage.objectives import objectives_of
from storage.questionnaires import answer_of

VERDICT_ACTION = "objective-verdict"
NEXT_ACTION = "ended-next"
VERDICTS = ("reached", "partly", "not_reached")


def _completed_pair(ctx: Ctx, pair_id: int) -> Pair | None:
    """The pair if it is completed and the speaker is in it; else says the button is stale."""
    pair = ctx.session.get(Pair, pair_id)
    if pair is None or pair.state != PairState.completed or ctx.me not in _sides(pair):
        ctx.say("error-button-stale")
        return None
    return pair


def _sides(pair: Pair) -> tuple[int, int]:
    return pair.mentor_person_id, pair.mentee_person_id


def show_review(ctx: Ctx, pair: Pair) -> None:
    """Ask, for each objective of the pair, whether it was reached."""
    found = objectives_of(ctx.session, pair.id)  # type: ignore[arg-type]
    if not found:
        ctx.say("review-none")
        return
    close_prompts(ctx.session, ctx.me, (VERDICT_ACTION,))
    ctx.say("review-intro", name=name_of(ctx, pair.partner_of(ctx.me)), count=len(found))
    options = [{"label": ctx.t(f"review-{v}"), "value": v} for v in VERDICTS]
    for number, objective in enumerate(found, 1):
        text = ctx.t(
            "review-question",
            number=number,
            text=objective_text(ctx, pair, objective),
            private=ctx.t("objective-private-mark") if objective.private else "",
            status=ctx.t(f"objective-status-{objective.status}"),
        )
        context = {"pair": pair.id, "objective": objective.id, "number": number}
        prompt = open_prompt(ctx.session, ctx.me, VERDICT_ACTION, options, context, supersede=False)
        shown = tuple(Option(o["label"], o["value"]) for o in options)
        ctx.send(Choice(text, shown, prompt.id))


def _left_to_review(ctx: Ctx, pair: Pair) -> int:
    prompts = ctx.session.exec(
        select(Prompt).where(
            Prompt.person_id == ctx.me,
            Prompt.action == VERDICT_ACTION,
            col(Prompt.used_at).is_(None),
            col(Prompt.superseded).is_(False),
        )
    ).all()
    return sum(1 for prompt in prompts if prompt.context.get("pair") == pair.id)


def _final_wave(ctx: Ctx, programme: Programme) -> QuestionnaireWave | None:
    """The programme's final wave when it is open now and the person has not answered it."""
    wave = ctx.session.exec(
        select(QuestionnaireWave).where(
            QuestionnaireWave.programme_id == programme.id, QuestionnaireWave.kind == FINAL
        )
    ).first()
    if wave is None or not wave.opens_at <= ctx.now < wave.closes_at:
        return None
    answer = answer_of(ctx.session, wave, ctx.me)
    return wave if answer is None or answer.submitted_at is None else None


def ended_status(ctx: Ctx) -> bool:
    """Say where a member of an ended programme stands; False when no ended programme is the
    person's current one (a live application elsewhere, or none at all)."""
    live = applications_of(ctx.session, ctx.me)
    programmes = [ctx.session.get(Programme, a.programme_id) for a in live]
    if any(p is not None and p.ended_at is None for p in programmes):
        return False
    row = ctx.session.exec(
        select(Pair, Programme)
        .join(Programme, col(Programme.id) == col(Pair.programme_id))
        .where(
            or_(Pair.mentee_person_id == ctx.me, Pair.mentor_person_id == ctx.me),
            col(Programme.ended_at).is_not(None),
        )
        .order_by(col(Pair.id).desc())
    ).first()
    if row is None or row[0].state != PairState.completed:
        ended = row[1] if row is not None else next((p for p in programmes if p), None)
        if ended is None:
            return False
        ctx.say("status-programme-ended", programme=ended.name)
        return True
    _completed_status(ctx, *row)
    return True


def _completed_status(ctx: Ctx, pair: Pair, programme: Programme) -> None:
    when = format_when(pair.ended_at or ctx.now, ctx.person.locale, ctx.person.timezone)
    name = name_of(ctx, pair.partner_of(ctx.me))
    lines = [ctx.t("status-ended", programme=programme.name, name=name, when=when)]
    found = objectives_of(ctx.session, pair.id)  # type: ignore[arg-type]
    waiting = sum(1 for objective in found if objective.status == "open")
    if waiting:
        lines.append(ctx.t("status-ended-objectives", count=waiting))
    wave = _final_wave(ctx, programme)
    if wave is not None:
        closes = format_when(wave.closes_at, ctx.person.locale, ctx.person.timezone)
        lines.append(ctx.t("status-ended-questionnaire", closes=closes))
    if not waiting and wave is None:
        lines.append(ctx.t("status-ended-all-done"))
    options = []
    if found:
        options.append((ctx.t("ended-review"), f"review:{pair.id}"))
    if wave is not None:
        options.append((ctx.t("ended-questionnaire"), f"questionnaire:{wave.id}"))
    options.append((ctx.t("ended-log"), f"log:{pair.id}"))
    ctx.ask("\n".join(lines), options, NEXT_ACTION)


def show_log(ctx: Ctx, pair: Pair) -> None:
    """The pair's meetings, read only, with the notes the pair wrote."""
    lines = [ctx.t("ended-log-title", name=name_of(ctx, pair.partner_of(ctx.me)))]
    notes: dict[tuple[str, int | None], str] = {}
    for subject, _key in PRIVATE_LINES:
        for note, text in private_notes.read(ctx.session, ctx.cipher, pair, ctx.me, subject):
            notes[(subject, note.subject_id)] = text
    meetings = meetings_of(ctx.session, pair.id)  # type: ignore[arg-type]
    if not meetings:
        lines.append(ctx.t("ended-log-empty"))
    for number, meeting in enumerate(meetings, 1):
        lines.append(meeting_line(ctx, ctx.me, number, meeting))
        if meeting.themes:
            lines.append("   " + ctx.t("meetings-line-themes", themes=", ".join(meeting.themes)))
        for subject, key in PRIVATE_LINES:
            if (subject, meeting.id) in notes:
                lines.append("   " + ctx.t(key, text=notes[(subject, meeting.id)]))
    ctx.send_text("\n".join(lines))


def register(router: Router) -> None:
    @router.action(REVIEW_ACTION)
    def review(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Start the review of the pair's objectives (the end message's button)."""
        pair = _completed_pair(ctx, context["pair"])
        if pair is not None:
            show_review(ctx, pair)

    @router.action(VERDICT_ACTION)
    def verdict(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Keep the answer about one objective; thank the person after the last one."""
        pair = _completed_pair(ctx, context["pair"])
        objective = ctx.session.get(Objective, context["objective"])
        if pair is None:
            return
        if objective is None or objective.pair_id != pair.id:
            ctx.say("error-button-stale")
            return
        objective.status, objective.closed_at = value, ctx.now
        ctx.session.add(objective)
        status = ctx.t(f"objective-status-{value}")
        ctx.say("review-noted", number=context["number"], status=status)
        if _left_to_review(ctx, pair) == 0:
            ctx.say("review-done")

    @router.action(NEXT_ACTION)
    def next_step(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Review the objectives, answer the final questionnaire, or read the meeting log."""
        what, _, number = value.partition(":")
        if what == "questionnaire":
            open_questionnaire(ctx, int(number))
            return
        pair = _completed_pair(ctx, int(number))
        if pair is not None and what == "review":
            show_review(ctx, pair)
        elif pair is not None:
            show_log(ctx, pair)
