"""The `/admin` section "Questionnaires" (referents and admins): the programme's waves with their
state and response rates; admins open, reopen and close waves and read the anonymised synthesis;
a referent reads the answers of the pairs it follows, and those only.

```mermaid
stateDiagram-v2
    [*] --> section: /admin -> Questionnaires (waves, states, response rates)
    section --> section: admin: open / reopen / close a wave (invitations sent at once)
    section --> synthesis: admin: synthesis of a wave (no figure for a group under 5)
    section --> answers: referent of pairs: its pairs' answers, person by person
```
An admin who follows no pair gets no answers button: individual answers reach only the pair's
referent. Every button checks the role again and is audited.
"""

from __future__ import annotations

from typing import Any

from bot.domain.questions import MIDTERM, WAVE_KINDS
from handlers.admin import may, section
from handlers.context import Ctx
from handlers.router import Router
from handlers.wave_texts import Reader, overview, pair_answers_text, synthesis_text
from handlers.waves import (
    INVITE_NOW,
    NOT_STARTED,
    OPEN,
    build_synthesis,
    change_text,
    close_by_hand,
    open_by_hand,
    wave_state,
)
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Programme, QuestionnaireWave
from storage.wave_results import (
    follows_pairs,
    programme_waves,
    referent_answers,
    response_rates,
)

ACTION = "waves-admin"
# What each button needs: only the synthesis and the running of waves are for admins.
VERBS = {
    "open": GrantRole.admin,
    "close": GrantRole.admin,
    "synthesis": GrantRole.admin,
    "answers": GrantRole.referent,
}


def _reader(ctx: Ctx) -> Reader:
    return Reader(ctx.person.locale, ctx.person.timezone, ctx.now)


def _options(
    ctx: Ctx, programme: Programme, waves: dict[str, QuestionnaireWave]
) -> list[tuple[str, str]]:
    """The buttons this person may use: admins run waves, a referent of pairs reads answers."""
    assert programme.id is not None
    options: list[tuple[str, str]] = []
    admin = may(ctx.session, ctx.me, programme, GrantRole.admin)
    follows = follows_pairs(ctx.session, programme.id, ctx.me)
    for kind in WAVE_KINDS:
        wave, name = waves.get(kind), ctx.t(f"qn-wave-{kind}")
        state = wave_state(wave, ctx)
        if admin and state == OPEN:
            options.append((ctx.t("waves-close", wave=name), f"close:{kind}"))
        elif admin and not (kind == MIDTERM and programme.ended_at is not None):
            label = "waves-open" if state == NOT_STARTED else "waves-reopen"
            options.append((ctx.t(label, wave=name), f"open:{kind}"))
        if admin and wave is not None:
            options.append((ctx.t("waves-synthesis", wave=name), f"synthesis:{kind}"))
        if follows and wave is not None:
            options.append((ctx.t("waves-answers", wave=name), f"answers:{kind}"))
    return options


def show(ctx: Ctx, programme: Programme) -> None:
    """The waves, their states and response rates, with this person's buttons."""
    assert programme.id is not None
    waves = programme_waves(ctx.session, programme.id)
    rates = {kind: response_rates(ctx.session, wave) for kind, wave in waves.items()}
    text = overview(_reader(ctx), programme, waves, rates)
    options = _options(ctx, programme, waves)
    if options:
        ctx.ask(f"{text}\n\n{ctx.t('waves-pick')}", options, ACTION, {"programme": programme.id})
    else:
        ctx.send_text(text)


def send_synthesis(ctx: Ctx, programme: Programme, wave: QuestionnaireWave) -> None:
    """The anonymised synthesis of `wave`, audited."""
    assert programme.id is not None
    synthesis = build_synthesis(ctx.session, programme, wave)
    record(
        ctx.session, ctx.me, "questionnaires.synthesis", programme.slug, kind=wave.kind, via="chat"
    )
    ctx.send_text(synthesis_text(_reader(ctx), programme, wave, synthesis))


def send_answers(ctx: Ctx, programme: Programme, wave: QuestionnaireWave) -> None:
    """The answers of the pairs this referent follows in `wave`, one message per pair."""
    assert programme.id is not None
    if not follows_pairs(ctx.session, programme.id, ctx.me):
        ctx.say("wans-not-referent")
        return
    found = referent_answers(ctx.session, wave, ctx.me)
    pairs = [entry.pair.id for entry in found]
    record(
        ctx.session,
        ctx.me,
        "questionnaires.answers",
        programme.slug,
        kind=wave.kind,
        pairs=pairs,
        via="chat",
    )
    wave_name = ctx.t(f"qn-wave-{wave.kind}")
    ctx.say("wans-heading", wave=wave_name, programme=programme.name)
    if not found:
        ctx.say("wans-none")
    for entry in found:
        ctx.send_text(pair_answers_text(_reader(ctx), wave, entry))


def run_verb(ctx: Ctx, programme: Programme, verb: str, kind: str) -> None:
    """Run one button of the section; the role was checked."""
    assert programme.id is not None
    if verb in ("open", "close"):
        if verb == "open":
            change = open_by_hand(ctx, ctx.me, programme, kind, INVITE_NOW, via="chat")
        else:
            change = close_by_hand(ctx, ctx.me, programme, kind, via="chat")
        ctx.send_text(change_text(ctx.person.locale, ctx.person.timezone, change, ctx))
        show(ctx, programme)
        return
    wave = programme_waves(ctx.session, programme.id).get(kind)
    if wave is None:
        ctx.say("waves-no-wave", wave=ctx.t(f"qn-wave-{kind}"))
    elif verb == "synthesis":
        send_synthesis(ctx, programme, wave)
    else:
        send_answers(ctx, programme, wave)


def register(router: Router) -> None:
    @section(router, "questionnaires", "admin-section-questionnaires", GrantRole.referent)
    def questionnaires_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the waves with their states, response rates and buttons."""
        assert programme is not None
        show(ctx, programme)

    @router.action(ACTION)
    def chosen(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A button of the section: the role is checked again, a refusal audited."""
        programme = ctx.session.get(Programme, context["programme"])
        verb, _, kind = value.partition(":")
        if programme is None or verb not in VERBS or kind not in WAVE_KINDS:
            ctx.say("error-button-stale")
            return
        if not may(ctx.session, ctx.me, programme, VERBS[verb]):
            record(
                ctx.session, ctx.me, f"questionnaires.{verb}.refused", programme.slug, via="chat"
            )
            ctx.say("admin-refused")
            return
        run_verb(ctx, programme, verb, kind)
