"""Questionnaires: the mid-term and final waves, answered as a form, editable until the close.

```mermaid
stateDiagram-v2
    [*] --> invited: wave open -> invite (one invitation per person, ever)
    invited --> answering: "answer now", or /questionnaire
    answering --> answering: one question after the other (resumable, /back, /cancel)
    answering --> sent: last question answered -> answers stored, thanks
    sent --> answering: /questionnaire before the close -> prefilled with the answers sent
    sent --> [*]: the wave closes -> answers kept, no more changes
```
Answers go to the pair's referent and to an anonymous synthesis; the questions never ask about
the other person nor about what was said in the meetings (see `bot.domain.questions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from bot.domain.questions import SCALE, TEXT, Question, questions_for, to_form, to_stored
from handlers.context import Ctx
from handlers.forms import FLOW, FormSpec, form_text, open_form, repeat_question
from handlers.outgoing import Outgoing
from handlers.router import Router
from handlers.ui import FieldKind, FormField, Option
from messages.catalog import format_when, t
from storage.bulk_offers import BulkOffer
from storage.models import Programme, QuestionnaireAnswer, QuestionnaireWave
from storage.people import locales_and_zones
from storage.questionnaires import (
    answer_of,
    has_pair,
    left_to_invite,
    pair_for_wave,
    role_in,
    save_answer,
    waves_of,
)

FORM = "questionnaire"
OPEN_ACTION = "questionnaire-open"
PICK_ACTION = "questionnaire-pick"
TEXT_LIMIT = 2000


def invite(out: Outgoing, wave: QuestionnaireWave, limit: int | None = None) -> int:
    """Invite the wave's members not yet invited nor answered (at most `limit` of them, by id);
    how many were invited now.

    Each person is invited once per wave (outbox key `wave:<id>:<person>`), so a scheduler may
    call this at every sweep: only people who joined the wave since the last call (or were left
    over by `limit`) are invited. Nothing is sent before the wave opens or after it closes. The
    invitations go out a batch per statement: the text depends only on the reader's language,
    time zone and role, so it is written once for each.
    """
    if not wave.opens_at <= out.now < wave.closes_at:
        return 0
    programme = out.session.get(Programme, wave.programme_id)
    assert programme is not None and wave.id is not None
    todo = left_to_invite(out.session, wave)[:limit]
    settings = locales_and_zones(out.session, [person_id for person_id, _ in todo])
    written: dict[tuple[str, str, str], tuple[str, str]] = {}

    def words(locale: str, zone: str, role: str) -> tuple[str, str]:
        if (locale, zone, role) not in written:
            text = t(
                locale,
                "qn-invite",
                wave=t(locale, f"qn-wave-{wave.kind}"),
                programme=programme.name,
                closes=format_when(wave.closes_at, locale, zone),
                count=len(questions_for(wave.questions, role)),
            )
            written[locale, zone, role] = text, t(locale, "qn-answer-now")
        return written[locale, zone, role]

    def offers() -> Iterator[tuple[BulkOffer, str]]:
        for person_id, role in todo:
            text, label = words(*settings[person_id], role)
            options = [{"label": label, "value": str(wave.id)}]
            key = f"wave:{wave.id}:{person_id}"
            yield BulkOffer(person_id, OPEN_ACTION, options, {"wave": wave.id}, key), text

    return out.offer_many(offers())


def _when(ctx: Ctx, moment: datetime) -> str:
    return format_when(moment, ctx.person.locale, ctx.person.timezone)


def _title(ctx: Ctx, wave: QuestionnaireWave) -> str:
    return ctx.t(f"qn-title-{wave.kind}")


def _programme_name(ctx: Ctx, wave: QuestionnaireWave) -> str:
    programme = ctx.session.get(Programme, wave.programme_id)
    return programme.name if programme is not None else ""


def _in_progress(ctx: Ctx, wave: QuestionnaireWave) -> dict[str, Any] | None:
    """The form state when the person is answering this wave right now."""
    data = ctx.state.data
    if (
        ctx.state.flow == FLOW
        and data.get("form") == FORM
        and data["params"].get("wave") == wave.id
    ):
        return data
    return None


def _sent(answer: QuestionnaireAnswer | None) -> datetime | None:
    return answer.submitted_at if answer is not None else None


def _state(ctx: Ctx, wave: QuestionnaireWave, answer: QuestionnaireAnswer | None) -> str:
    closes, sent = _when(ctx, wave.closes_at), _sent(answer)
    if ctx.now >= wave.closes_at:
        return ctx.t("qn-state-closed-sent" if sent else "qn-state-closed", closes=closes)
    progress = _in_progress(ctx, wave)
    if progress is not None:
        total = len(questions_for(wave.questions, progress["params"]["role"]))
        return ctx.t("qn-state-progress", index=progress["index"] + 1, total=total, closes=closes)
    if sent is not None:
        return ctx.t("qn-state-sent", sent=_when(ctx, sent), closes=closes)
    return ctx.t("qn-state-new", closes=closes)


def _scale_label(ctx: Ctx, question: Question, value: str) -> str:
    if value in (question.options[0], question.options[-1]):
        return ctx.t("qn-scale-end", number=value, label=ctx.t(f"{question.text}-{value}"))
    return value


def _field(ctx: Ctx, question: Question) -> FormField:
    label = ctx.t(question.text)
    if question.kind == TEXT:
        hint = ctx.t("qn-hint-text")
        return FormField(
            question.key, label, required=question.required, hint=hint, max_length=TEXT_LIMIT
        )
    if question.kind == SCALE:
        options = tuple(Option(_scale_label(ctx, question, v), v) for v in question.options)
        kind = FieldKind.choice
    else:
        options = tuple(Option(ctx.t(f"{question.text}-{v}"), v) for v in question.options)
        kind = FieldKind(question.kind)
    return FormField(question.key, label, kind, options=options, required=question.required)


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """The wave's questions for the person's role, as form fields."""
    wave = ctx.session.get(QuestionnaireWave, params["wave"])
    assert wave is not None
    questions = questions_for(wave.questions, params["role"])
    title = form_text(
        ctx,
        "qn-form-title",
        title=_title(ctx, wave),
        programme=_programme_name(ctx, wave),
        count=len(questions),
    )
    return title, [_field(ctx, question) for question in questions]


def submit_form(ctx: Ctx, values: dict[str, Any], params: dict[str, Any]) -> None:
    """Store the answers while the wave is open, and thank the person."""
    wave = ctx.session.get(QuestionnaireWave, params["wave"])
    assert wave is not None
    if ctx.now >= wave.closes_at:
        ctx.say("qn-closed-meanwhile", wave=ctx.t(f"qn-wave-{wave.kind}"))
        return
    pair = pair_for_wave(ctx.session, wave, ctx.me)
    if pair is None:
        ctx.say("qn-not-yours")
        return
    questions = questions_for(wave.questions, params["role"])
    answers = to_stored(questions, values)
    _, first = save_answer(ctx.session, wave, pair, ctx.me, params["role"], answers, ctx.now)
    ctx.say("qn-thanks" if first else "qn-updated", closes=_when(ctx, wave.closes_at))


def open_questionnaire(ctx: Ctx, wave_id: int) -> None:
    """Open the wave's form for the person (prefilled when editing), or say why not."""
    wave = ctx.session.get(QuestionnaireWave, wave_id)
    if wave is None:
        ctx.say("qn-unknown")
        return
    person_id = ctx.me
    pair = pair_for_wave(ctx.session, wave, person_id)
    answer = answer_of(ctx.session, wave, person_id)
    sent = _sent(answer)
    name = ctx.t(f"qn-wave-{wave.kind}")
    if pair is None and answer is None:
        ctx.say("qn-not-yours" if has_pair(ctx.session, person_id) else "qn-no-pair")
    elif ctx.now >= wave.closes_at and sent is not None:
        closes = _when(ctx, wave.closes_at)
        ctx.say("qn-closed-sent", wave=name, closes=closes, sent=_when(ctx, sent))
    elif ctx.now >= wave.closes_at:
        ctx.say("qn-closed", wave=name, closes=_when(ctx, wave.closes_at))
    elif ctx.now < wave.opens_at:
        ctx.say("qn-not-open", wave=name, opens=_when(ctx, wave.opens_at))
    elif pair is None:
        ctx.say("qn-not-yours")
    elif (progress := _in_progress(ctx, wave)) is not None:
        ctx.say("qn-resume", index=progress["index"] + 1)
        repeat_question(ctx)
    else:
        role = answer.role if answer is not None else role_in(pair, person_id)
        values: dict[str, Any] = {}
        if answer is not None:
            values = to_form(questions_for(wave.questions, role), answer.answers)
        if sent is not None:
            ctx.say("qn-editing", sent=_when(ctx, sent))
        open_form(ctx, FORM, {"wave": wave.id, "role": role}, values)


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))

    @router.command("questionnaire", "questionnaires", help_key="help-cmd-questionnaire")
    def list_waves(ctx: Ctx, _args: str) -> None:
        """List the person's questionnaires with their state; offer the open ones."""
        person_id = ctx.me
        lines = [ctx.t("qn-list-intro")]
        options: list[tuple[str, str]] = []
        for wave in waves_of(ctx.session, person_id, ctx.now):
            pair = pair_for_wave(ctx.session, wave, person_id)
            answer = answer_of(ctx.session, wave, person_id)
            if pair is None and answer is None:
                continue
            title, programme = _title(ctx, wave), _programme_name(ctx, wave)
            state = _state(ctx, wave, answer)
            lines.append(ctx.t("qn-list-line", title=title, programme=programme, state=state))
            if pair is not None and ctx.now < wave.closes_at:
                label = ctx.t("qn-pick", title=title, programme=programme)
                options.append((label, str(wave.id)))
        if len(lines) == 1:
            ctx.say("qn-none" if has_pair(ctx.session, person_id) else "qn-no-pair")
        elif options:
            ctx.ask("\n".join([*lines, ctx.t("qn-list-pick")]), options, PICK_ACTION)
        else:
            ctx.send_text("\n".join(lines))

    @router.action(OPEN_ACTION)
    def from_invitation(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """The "answer now" button of an invitation."""
        open_questionnaire(ctx, context["wave"])

    @router.action(PICK_ACTION)
    def from_list(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """A questionnaire picked in the /questionnaire list."""
        open_questionnaire(ctx, int(value))
