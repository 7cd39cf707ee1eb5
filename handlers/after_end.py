"""After a pair ends: each member of a completed pair reviews its objectives, `/status` tells
where they stand, and the meeting log of every ended pair (completed or withdrawn) stays
readable by its members (`/pastmeetings`, or the buttons of `/status` and `/meeting`).

```mermaid
stateDiagram-v2
    [*] --> review: "review" button of the end message, or /status
    review --> review: one question per objective: reached / partly / not reached
    review --> [*]: the last one answered -> thanks
    [*] --> log: /status -> "our log", or /pastmeetings (read only)
```
Both members are asked; an objective keeps the last answer given (`Objective.status`). A private
objective's text is read from its encrypted note, for a member of the pair only.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from handlers.context import Ctx
from handlers.meeting_notices import meeting_line, name_of
from handlers.meetings import PRIVATE_LINES
from handlers.objectives import objective_text
from handlers.pair_end_facts import open_final_wave_for
from handlers.programme_end import REVIEW_ACTION
from handlers.questionnaires import open_questionnaire
from handlers.router import Router
from handlers.standing import ENDED, Standing, ended_pairs_of
from handlers.ui import Choice, Option
from messages.catalog import format_when
from storage import private_notes
from storage.conversations import close_prompts, open_prompt
from storage.enums import PairState
from storage.meetings import meetings_of
from storage.models import Objective, Pair, Programme, Prompt
from storage.objectives import objectives_of

VERDICT_ACTION = "objective-verdict"
NEXT_ACTION = "ended-next"
VERDICTS = ("reached", "partly", "not_reached")


def _ended_pair(
    ctx: Ctx, pair_id: int, states: tuple[str, ...] = (PairState.completed,)
) -> Pair | None:
    """The pair if it ended in one of `states` and the speaker is in it; else says the button
    is stale."""
    pair = ctx.session.get(Pair, pair_id)
    if pair is None or pair.state not in states or ctx.me not in _sides(pair):
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


def completed_status(ctx: Ctx, found: Standing) -> None:
    """Where a member of a completed pair stands: what is left to do, and the log."""
    pair, programme = found.pair, found.programme
    assert pair is not None and programme is not None and found.partner_id is not None
    when = format_when(pair.ended_at or ctx.now, ctx.person.locale, ctx.person.timezone)
    name = name_of(ctx, found.partner_id)
    lines = [ctx.t("status-ended", programme=programme.name, name=name, when=when)]
    if found.objectives_to_review:
        lines.append(ctx.t("status-ended-objectives", count=found.objectives_to_review))
    wave = found.final_wave
    if wave is not None:
        closes = format_when(wave.closes_at, ctx.person.locale, ctx.person.timezone)
        lines.append(ctx.t("status-ended-questionnaire", closes=closes))
    if not found.objectives_to_review and wave is None:
        lines.append(ctx.t("status-ended-all-done"))
    options = []
    if objectives_of(ctx.session, pair.id):  # type: ignore[arg-type]
        options.append((ctx.t("ended-review"), f"review:{pair.id}"))
    if wave is not None:
        options.append((ctx.t("ended-questionnaire"), f"questionnaire:{wave.id}"))
    options.append((ctx.t("ended-log"), f"log:{pair.id}"))
    ctx.ask("\n".join(lines), options, NEXT_ACTION)


def past_meetings(ctx: Ctx) -> None:
    """The log of the person's ended pair, or a choice when there were several."""
    pairs = ended_pairs_of(ctx.session, ctx.me)
    if not pairs:
        ctx.say("ended-log-none")
    elif len(pairs) == 1:
        show_log(ctx, pairs[0])
    else:
        options = [(name_of(ctx, p.partner_of(ctx.me)), f"log:{p.id}") for p in pairs]
        ctx.ask(ctx.t("ended-log-which"), options, NEXT_ACTION)


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
        pair = _ended_pair(ctx, context["pair"])
        if pair is not None:
            show_review(ctx, pair)

    @router.action(VERDICT_ACTION)
    def verdict(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Keep the answer about one objective; thank the person after the last one."""
        pair = _ended_pair(ctx, context["pair"])
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
            programme = ctx.session.get(Programme, pair.programme_id)
            asked = programme is not None and open_final_wave_for(
                ctx.session, programme, ctx.me, ctx.now
            )
            ctx.say("review-done", questionnaire="yes" if asked else "no")

    @router.action(NEXT_ACTION)
    def next_step(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Review the objectives, answer the final questionnaire, or read the meeting log."""
        what, _, number = value.partition(":")
        if what == "questionnaire":
            open_questionnaire(ctx, int(number))
            return
        if what == "review":
            pair = _ended_pair(ctx, int(number))
            if pair is not None:
                show_review(ctx, pair)
            return
        pair = _ended_pair(ctx, int(number), ENDED)
        if pair is not None:
            show_log(ctx, pair)

    @router.command(
        "pastmeetings", "anciennes-rencontres", "past-meetings", help_key="help-cmd-pastmeetings"
    )
    def past(ctx: Ctx, _args: str) -> None:
        """Show the meeting log of the person's ended pairs, read only."""
        past_meetings(ctx)
