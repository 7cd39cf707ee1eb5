"""The `/admin` section "Questionnaires" (referents and admins): the programme's waves with their
state and response rates; admins open, reopen and close waves and read the anonymised synthesis;
a referent reads the answers of the pairs it follows, and those only.

```mermaid
stateDiagram-v2
    [*] --> section: /admin -> Questionnaires (waves, states, response rates)
    section --> confirm: admin: open / reopen a wave ("... et inviter 50 personnes ?")
    confirm --> section: yes: opened, invitations sent; no: nothing opened
    section --> section: admin: close an open wave
    section --> synthesis: admin: synthesis of a closed wave (no figure for a group under 5)
    section --> answers: referent of pairs: who asked to talk, then its pairs' answers
```
The synthesis is offered only once a wave has closed (`handlers.waves`); while it is open the
section says when it closes; once read, it is updated only when 5 more answers are in
(`handlers.synthesis_reading`). A referent who is not an admin reads the response rates of its
own pairs only. An admin who follows no pair gets no answers button: individual answers reach
only the pair's referent. Every button checks the role again and is audited.
"""

from __future__ import annotations

from typing import Any

from bot.domain.questions import FINAL, MIDTERM, WAVE_KINDS, wave_closes
from handlers.admin import may, programme_for_button, referent_scope, section
from handlers.context import Ctx
from handlers.router import Router
from handlers.synthesis_reading import read_synthesis
from handlers.wave_texts import (
    Reader,
    overview,
    pair_answers_text,
    reading_text,
    synthesis_later,
    talk_text,
)
from handlers.waves import (
    CLOSED,
    INVITE_NOW,
    NOT_STARTED,
    OPEN,
    change_text,
    close_by_hand,
    may_open,
    open_by_hand,
    to_invite,
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
CONFIRM = "waves-admin-open"
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
        state = wave_state(wave, ctx.now)
        if admin and state == OPEN:
            options.append((ctx.t("waves-close", wave=name), f"close:{kind}"))
        elif admin and may_open(programme, kind):
            label = "waves-open" if state == NOT_STARTED else "waves-reopen"
            options.append((ctx.t(label, wave=name), f"open:{kind}"))
        if admin and state == CLOSED:
            options.append((ctx.t("waves-synthesis", wave=name), f"synthesis:{kind}"))
        if follows and state != NOT_STARTED:
            options.append((ctx.t("waves-answers", wave=name), f"answers:{kind}"))
    return options


def show(ctx: Ctx, programme: Programme) -> None:
    """The waves, their states and response rates (a referent's: its own pairs'), with this
    person's buttons."""
    assert programme.id is not None
    waves = programme_waves(ctx.session, programme.id)
    scope = referent_scope(ctx.session, ctx.me, programme)
    rates = {kind: response_rates(ctx.session, wave, scope) for kind, wave in waves.items()}
    text = overview(_reader(ctx), programme, waves, rates, mine=scope is not None)
    if may(ctx.session, ctx.me, programme, GrantRole.admin):
        text += "".join(
            "\n\n" + synthesis_later(_reader(ctx), wave)
            for wave in waves.values()
            if wave_state(wave, ctx.now) == OPEN
        )
    options = _options(ctx, programme, waves)
    if options:
        ctx.ask(f"{text}\n\n{ctx.t('waves-pick')}", options, ACTION, {"programme": programme.id})
    else:
        ctx.send_text(text)


def send_synthesis(ctx: Ctx, programme: Programme, wave: QuestionnaireWave) -> None:
    """The anonymised synthesis of `wave` once it has closed, as `read_synthesis` allows (before:
    when it closes, and the button to close it now), audited."""
    assert programme.id is not None
    closed = wave_state(wave, ctx.now) == CLOSED
    reading = read_synthesis(ctx.session, programme, wave, ctx.now) if closed else None
    details = reading.audit() if reading is not None else {"outcome": "not_closed"}
    audited = {"kind": wave.kind, "via": "chat", **details}
    record(ctx.session, ctx.me, "questionnaires.synthesis", programme.slug, **audited)
    if reading is not None:
        ctx.send_text(reading_text(_reader(ctx), programme, wave, reading))
        return
    close = ctx.t("waves-close", wave=ctx.t(f"qn-wave-{wave.kind}"))
    options = [(close, f"close:{wave.kind}")]
    ctx.ask(synthesis_later(_reader(ctx), wave), options, ACTION, {"programme": programme.id})


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
    heading = ctx.t("wans-heading", wave=wave_name, programme=programme.name)
    talk = talk_text(_reader(ctx), wave, found) if found else ctx.t("wans-none")
    ctx.send_text(f"{heading}\n{talk}" if talk else heading)
    for entry in found:
        ctx.send_text(pair_answers_text(_reader(ctx), wave, entry))


def run_verb(ctx: Ctx, programme: Programme, verb: str, kind: str) -> None:
    """Run one button of the section; the role was checked."""
    assert programme.id is not None
    if verb == "open":
        ask_open(ctx, programme, kind)
        return
    if verb == "close":
        change = close_by_hand(ctx, ctx.me, programme, kind, via="chat")
        ctx.send_text(change_text(_reader(ctx), change, ctx.session))
        show(ctx, programme)
        return
    wave = programme_waves(ctx.session, programme.id).get(kind)
    if wave is None or wave_state(wave, ctx.now) == NOT_STARTED:
        ctx.say("waves-no-wave", wave=ctx.t(f"qn-wave-{kind}"))
    elif verb == "synthesis":
        send_synthesis(ctx, programme, wave)
    else:
        send_answers(ctx, programme, wave)


def ask_open(ctx: Ctx, programme: Programme, kind: str) -> None:
    """Ask before opening: how many people it invites, until when, and whether the mid-term
    wave is still open beside a final one. A wave that cannot open is answered at once."""
    assert programme.id is not None
    waves = programme_waves(ctx.session, programme.id)
    state = wave_state(waves.get(kind), ctx.now)
    if state == OPEN or not may_open(programme, kind):
        open_now(ctx, programme, kind)
        return
    reader = _reader(ctx)
    key = "waves-open-ask" if state == NOT_STARTED else "waves-reopen-ask"
    lines = [
        reader.t(
            key,
            wave=reader.wave_name(kind),
            invited=to_invite(ctx.session, programme, kind),
            closes=reader.until(wave_closes(ctx.now, programme.timezone)),
        )
    ]
    midterm = waves.get(MIDTERM)
    if kind == FINAL and wave_state(midterm, ctx.now) == OPEN:
        assert midterm is not None
        lines.append(
            reader.t(
                "waves-ask-midterm-open",
                closes=reader.until(midterm.closes_at),
                close=reader.t("waves-close", wave=reader.wave_name(MIDTERM)),
            )
        )
    options = [(ctx.t("waves-open-yes"), "yes"), (ctx.t("waves-open-no"), "no")]
    ctx.ask("\n".join(lines), options, CONFIRM, {"programme": programme.id, "kind": kind})


def open_now(ctx: Ctx, programme: Programme, kind: str) -> None:
    """Open (or reopen) the wave, invite a first batch, say what happened, show the section."""
    change = open_by_hand(ctx, ctx.me, programme, kind, INVITE_NOW, via="chat")
    ctx.send_text(change_text(_reader(ctx), change, ctx.session))
    show(ctx, programme)


def _allowed(ctx: Ctx, context: dict[str, Any], verb: str) -> Programme | None:
    """The button's programme when the person may still use `verb` in it (else said, and a
    refusal audited)."""
    refused = f"questionnaires.{verb}.refused"
    return programme_for_button(ctx, context["programme"], VERBS[verb], refused, via="chat")


def register(router: Router) -> None:
    @section(router, "questionnaires", "admin-section-questionnaires", GrantRole.referent)
    def questionnaires_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show the waves with their states, response rates and buttons."""
        assert programme is not None
        show(ctx, programme)

    @router.action(ACTION)
    def chosen(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A button of the section: the role is checked again, a refusal audited."""
        verb, _, kind = value.partition(":")
        if verb not in VERBS or kind not in WAVE_KINDS:
            ctx.say("error-button-stale")
        elif (programme := _allowed(ctx, context, verb)) is not None:
            run_verb(ctx, programme, verb, kind)

    @router.action(CONFIRM)
    def confirmed(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Open the wave once confirmed (the role checked again), or leave it as it was."""
        kind = context.get("kind")
        if kind not in WAVE_KINDS or ctx.session.get(Programme, context["programme"]) is None:
            ctx.say("error-button-stale")
        elif value != "yes":
            ctx.say("waves-open-dropped", wave=ctx.t(f"qn-wave-{kind}"))
        elif (programme := _allowed(ctx, context, "open")) is not None:
            open_now(ctx, programme, kind)
